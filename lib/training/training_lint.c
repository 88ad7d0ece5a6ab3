/*
 * What lint checks of the training module beyond the schemas.
 */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "error.h"
#include "record.h"
#include "store.h"
#include "strmap.h"
#include "training.h"
#include "training_int.h"

/* Each bank catalog: its questions follow the rules, refs are unique. */
static int
lint_banks(struct store *st, struct diags *errs)
{
	static const char *const want[] = { "kind" };
	const struct schema	*kind;
	struct reclist		 l = RECLIST_INIT;
	struct record		*r;
	struct tr_question	 q;
	struct strmap		*seen;
	const struct node	*items;
	const char		*k;
	size_t			 i, j;
	int			 p, rc;

	if ((rc = store_kind(&kind, st, "catalog")) != 0 ||
	    (rc = store_scan(&l, st, kind, 0, NULL)) != 0)
		return rc;
	for (i = 0; i < l.n; i++) {
		if (record_load_fields(&r, st, &l.v[i], NULL, want, 1) != 0) {
			error_clear();	/* lint reports it as a record */
			continue;
		}
		k = record_field(r, "kind");
		p = k == NULL ? -1 : strcmp(k, tr_bank_kind[0]) == 0 ? 0 :
		    strcmp(k, tr_bank_kind[1]) == 0 ? 1 : -1;
		record_free(r);
		if (p < 0)
			continue;
		if (record_load(&r, st, &l.v[i], NULL) != 0) {
			error_clear();
			continue;
		}
		if ((seen = strmap_new()) == NULL) {
			record_free(r);
			rc = error_set(NC_ENOMEM, "out of memory");
			break;
		}
		items = tr_seq(record_root(r), "items");
		for (j = 0; items != NULL && j < items->n; j++) {
			if ((rc = tr_question_read(&q, items->u.items[j])) != 0)
				break;
			tr_question_check(&q, (enum tr_part)p, l.v[i].relpath,
			    errs);
			if (q.ref != NULL && strmap_get(seen, q.ref) != NULL)
				tr_diag(errs, l.v[i].relpath, q.node, "ref '%s'"
				    " is used twice in the bank", q.ref);
			else if (q.ref != NULL)
				rc = strmap_put(seen, q.ref, (void *)q.ref);
			tr_question_free(&q);
			if (rc != 0)
				break;
		}
		strmap_free(seen);
		record_free(r);
		if (rc != 0)
			break;
	}
	reclist_free(&l);
	return rc;
}

/* The plan table, when the data directory has one. */
static int
lint_plan(struct store *st, struct diags *errs)
{
	struct tr_plan	*p = NULL;
	struct stat	 sb;
	char		*path;
	int		 rc;

	if ((path = store_path(st, TR_PLAN_FILE)) == NULL)
		return error_set(NC_ENOMEM, "out of memory");
	if (stat(path, &sb) != 0) {
		free(path);
		return 0;
	}
	rc = tr_plan_load(&p, st, path, TR_PLAN_FILE, errs);
	free(path);
	tr_plan_free(p);
	if (rc == NC_ENOMEM)
		return rc;
	error_clear();
	return 0;
}

static const char *
part_name(int part)
{
	return part == TR_SURVEY ? "survey question" : part == TR_TEST ?
	    "test item" : "outline sentence";
}

int
training_lint(struct store *st, struct diags *errs, struct diags *warns)
{
	const struct schema	*kind;
	struct reclist		 l = RECLIST_INIT;
	struct tr_list		 pool = { NULL, 0 };
	struct record		*r;
	struct training		*t;
	struct tr_check		*c;
	const struct tr_unit	*u;
	size_t			 i, j, k, n;
	int			 p, rc;

	if ((rc = lint_plan(st, errs)) != 0 || (rc = lint_banks(st, errs)) != 0)
		return rc;
	if ((rc = store_kind(&kind, st, "training")) != 0 ||
	    (rc = store_scan(&l, st, kind, 0, NULL)) != 0)
		return rc;
	if ((pool.v = calloc(l.n + 1, sizeof *pool.v)) == NULL) {
		rc = error_set(NC_ENOMEM, "out of memory");
		goto done;
	}
	for (i = 0; i < l.n; i++) {
		if (record_load(&r, st, &l.v[i], NULL) != 0) {
			error_clear();	/* lint reports it as a record */
			continue;
		}
		rc = training_read(&t, record_root(r), l.v[i].relpath, errs);
		if (rc == NC_ENOMEM) {
			record_free(r);
			goto done;
		}
		rc = 0;
		error_clear();
		if (t == NULL) {
			record_free(r);
			continue;
		}
		t->doc = r->doc;
		r->doc = NULL;
		record_free(r);
		if ((t->own_path = strdup(l.v[i].relpath)) == NULL) {
			training_free(t);
			rc = error_set(NC_ENOMEM, "out of memory");
			goto done;
		}
		t->relpath = t->own_path;
		for (p = 0; p < 2; p++)
			for (j = 0; j < t->nitems[p]; j++)
				tr_question_check(&t->items[p][j],
				    (enum tr_part)p, t->relpath, errs);
		pool.v[pool.n++] = t;
	}
	/* reuse in trainings still to be held: warnings */
	for (i = 0; i < pool.n; i++) {
		t = pool.v[i];
		if (strcmp(t->status, "planned") != 0 &&
		    strcmp(t->status, "preparing") != 0)
			continue;
		if ((rc = tr_check_with(&c, t, &pool, NULL)) != 0)
			goto done;
		n = tr_check_nreplace(c);
		for (k = 0; k < c->nunits && n > 0; k++) {
			u = &c->units[k];
			if (u->match != TR_VERBATIM && u->match != TR_NEAR)
				continue;
			diags_add(warns, t->relpath, 0, 0, "%s %zu%s%s%s is %s"
			    " %s (%s); run 'nerima-cio training check %s'",
			    part_name(u->part), u->index + 1,
			    u->ref != NULL ? " (" : "",
			    u->ref != NULL ? u->ref : "",
			    u->ref != NULL ? ")" : "",
			    u->match == TR_VERBATIM ? "the same as in" :
			    "nearly the same as in",
			    u->why == TR_WHY_LAST_YEAR ? "last year's training" :
			    "the general training", u->other->title, t->id);
		}
		for (k = 0; k < c->nnotes; k++)
			diags_add(warns, t->relpath, 0, 0, "%s", c->notes[k]);
		tr_check_free(c);
	}
done:
	tr_list_free(&pool);
	reclist_free(&l);
	return rc;
}
