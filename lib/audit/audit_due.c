/*
 * Audit deadlines for the one agenda of `nerima-cio due`: the correction
 * due dates of findings (3(2)エ, followed up by a follow-up audit) and
 * the follow-up audits themselves.  Kept apart from audit.c; it reads
 * the records' fields and labels the findings from the schema.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "audit_due.h"
#include "cal.h"
#include "error.h"
#include "node.h"
#include "record.h"
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
in_range(struct cal_date d, struct cal_date from, struct cal_date to)
{
	return (from.y == 0 || cal_cmp(d, from) >= 0) &&
	    (to.y == 0 || cal_cmp(d, to) <= 0);
}

int
audit_dues(struct duelist *l, struct store *st, struct cal_date from,
    struct cal_date to)
{
	static const char *const want[] = { "id", "type", "title", "status",
	    "date", "chief_auditor", "findings" };
	const struct schema	*kind;
	struct reclist		 refs = RECLIST_INIT;
	struct record		*r;
	const struct node	*root, *fs, *f;
	struct cal_date		 d;
	const char		*who, *grade, *status;
	char			 what[160];
	size_t			 i, k;
	int			 rc;

	if ((rc = store_kind(&kind, st, "audit")) != 0)
		return rc;
	if ((rc = store_scan(&refs, st, kind, 0, NULL)) != 0)
		return rc;
	for (i = 0; i < refs.n && rc == 0; i++) {
		r = NULL;
		if ((rc = record_load_fields(&r, st, &refs.v[i], NULL, want,
		    sizeof want / sizeof want[0])) != 0)
			break;
		root = record_root(r);
		who = node_get_str(root, "chief_auditor");
		status = node_get_str(root, "status");
		fs = node_get(root, "findings");
		for (k = 0; fs != NULL && fs->kind == NODE_SEQ &&
		    k < fs->n && rc == 0; k++) {
			f = fs->u.items[k];
			if (date_of(&d, f, "due") != 0 ||
			    !in_range(d, from, to))
				continue;
			/* a finding carried into a follow-up is tracked there */
			if (node_get_str(f, "from_audit") == NULL &&
			    node_scalar_eq(node_get(root, "status"),
			    "following-up"))
				continue;
			grade = node_get_str(f, "grade");
			snprintf(what, sizeof what, "指摘事項%s（%s）の是正期限",
			    node_get_str(f, "number") != NULL ?
			    node_get_str(f, "number") : "",
			    grade != NULL ? schema_label(kind,
			    "findings.grade", grade) : "");
			rc = duelist_add(l, d, -1, 0, "audit", record_id(r),
			    node_get_str(root, "title"), what, who,
			    "仕様書3(2)エ", audit_finding_corrected(f));
		}
		if (rc == 0 && node_scalar_eq(node_get(root, "type"),
		    "followup") && date_of(&d, root, "date") == 0 &&
		    in_range(d, from, to))
			rc = duelist_add(l, d, -1, 0, "audit", record_id(r),
			    node_get_str(root, "title"), "フォローアップ監査の実施",
			    who, "仕様書3(2)エ", status != NULL &&
			    strcmp(status, "planned") != 0);
		if (rc == 0)
			error_clear();
		record_free(r);
	}
	reclist_free(&refs);
	return rc;
}
