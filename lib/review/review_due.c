/*
 * Review deadlines for the one agenda of `nerima-cio due`.  Kept apart
 * from review.c: it reads the records' fields itself, with the calendar's
 * rule for procurement opinions.
 */
#include <stdlib.h>
#include <string.h>

#include "cal.h"
#include "error.h"
#include "node.h"
#include "record.h"
#include "review_due.h"
#include "schema.h"
#include "store.h"

static int
date_of(struct cal_date *out, const struct node *map, const char *key)
{
	const char	*s = node_get_str(map, key);

	if (s == NULL)
		return NC_ENOTFOUND;
	return cal_parse_iso(out, s);
}

static int
load_cal(struct cal **out, struct store *st)
{
	char	*path;
	int	 rc;

	if ((*out = cal_new()) == NULL)
		return error_set(NC_ENOMEM, "out of memory");
	if ((path = store_path(st, CAL_CLOSURES_FILE)) == NULL)
		return NC_ENOMEM;
	rc = cal_load_closures(*out, path, NULL);
	free(path);
	if (rc == NC_ENOTFOUND) {
		error_clear();
		rc = 0;
	}
	return rc;
}

int
review_dues(struct duelist *l, struct store *st, struct cal_date from,
    struct cal_date to)
{
	static const char *const want[] = { "id", "type", "title", "status",
	    "received", "due", "reviewers" };
	const struct schema	*kind;
	struct reclist		 refs = RECLIST_INIT;
	struct record		*r;
	const struct node	*root, *rv;
	struct cal		*cal = NULL;
	struct cal_date		 due, rcv;
	const char		*type, *status, *what, *basis, *who;
	size_t			 i;
	int			 rc, done;

	if ((rc = store_kind(&kind, st, "review")) != 0)
		return rc;
	if ((rc = load_cal(&cal, st)) != 0 ||
	    (rc = store_scan(&refs, st, kind, 0, NULL)) != 0)
		goto done;
	for (i = 0; i < refs.n && rc == 0; i++) {
		r = NULL;
		if ((rc = record_load_fields(&r, st, &refs.v[i], NULL, want,
		    sizeof want / sizeof want[0])) != 0)
			break;
		root = record_root(r);
		type = node_get_str(root, "type");
		status = node_get_str(root, "status");
		if (type == NULL)
			goto next;
		if (strcmp(type, "procurement") == 0) {
			what = "意見書の提出";
			basis = "仕様書4(1)ア(イ)b";
		} else if (strcmp(type, "system-evaluation") == 0) {
			what = "システム評価結果通知書（案）の提出";
			basis = "仕様書3(1)ア(イ)c";
		} else {
			what = "精査記録・可否決定通知（案）の提出";
			basis = "仕様書3(1)ア(イ)a";
		}
		/* the record's due date; a procurement's from the rule */
		if (date_of(&due, root, "due") != 0) {
			if (strcmp(type, "procurement") != 0 ||
			    date_of(&rcv, root, "received") != 0 ||
			    cal_due_procurement(&due, cal, rcv) != 0)
				goto next;
		}
		if ((from.y != 0 && cal_cmp(due, from) < 0) ||
		    (to.y != 0 && cal_cmp(due, to) > 0))
			goto next;
		done = status != NULL && (strcmp(status, "decided") == 0 ||
		    strcmp(status, "submitted") == 0 ||
		    strcmp(status, "withdrawn") == 0);
		rv = node_get(root, "reviewers");
		who = rv != NULL && rv->kind == NODE_SEQ && rv->n > 0 &&
		    rv->u.items[0]->kind == NODE_SCALAR ?
		    rv->u.items[0]->u.s.str : NULL;
		rc = duelist_add(l, due, -1, 0, "review", record_id(r),
		    node_get_str(root, "title"), what, who, basis, done);
next:
		if (rc == 0)
			error_clear();
		record_free(r);
	}
done:
	reclist_free(&refs);
	cal_free(cal);
	return rc;
}
