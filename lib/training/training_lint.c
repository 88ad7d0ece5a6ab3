/*
 * What lint checks of the training module beyond the schemas.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "error.h"
#include "i18n.h"
#include "record.h"
#include "store.h"
#include "strmap.h"
#include "text.h"
#include "training.h"
#include "training_int.h"

/* A bank catalog's questions follow the rules, its refs are unique. */
static int
lint_bank(const struct node *root, const char *relpath, struct diags *errs)
{
	struct tr_question	 q;
	struct strmap		*seen;
	const struct node	*items;
	const char		*k;
	size_t			 j;
	int			 p, rc = 0;

	k = tr_str(root, "kind");
	p = k == NULL ? -1 : strcmp(k, tr_bank_kind[0]) == 0 ? 0 :
	    strcmp(k, tr_bank_kind[1]) == 0 ? 1 : -1;
	if (p < 0)
		return 0;
	if ((seen = strmap_new()) == NULL)
		return error_set(NC_ENOMEM, "out of memory");
	items = tr_seq(root, "items");
	for (j = 0; items != NULL && j < items->n; j++) {
		if ((rc = tr_question_read(&q, items->u.items[j])) != 0)
			break;
		tr_question_check(&q, (enum tr_part)p, relpath, errs);
		if (q.ref != NULL && strmap_get(seen, q.ref) != NULL)
			tr_diag(errs, relpath, q.node, "ref '%s' is used twice"
			    " in the bank", q.ref);
		else if (q.ref != NULL)
			rc = strmap_put(seen, q.ref, (void *)q.ref);
		tr_question_free(&q);
		if (rc != 0)
			break;
	}
	strmap_free(seen);
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

/*
 * A reused unit, one whole sentence per case (so that a translation has
 * no spliced words): [part][verbatim or near][last year or general].
 * The unit is "3" or "3 (sv-ai-01)", then the other training's title and
 * this one's id.
 */
static const char *const reuse_fmt[3][2][2] = {
	[TR_SURVEY] = {
	    { N_("survey question %s is the same as in last year's training "
		"(%s); run 'nerima-cio training check %s'"),
	      N_("survey question %s is the same as in the general training "
		"(%s); run 'nerima-cio training check %s'") },
	    { N_("survey question %s is nearly the same as in last year's "
		"training (%s); run 'nerima-cio training check %s'"),
	      N_("survey question %s is nearly the same as in the general "
		"training (%s); run 'nerima-cio training check %s'") } },
	[TR_TEST] = {
	    { N_("test item %s is the same as in last year's training (%s);"
		" run 'nerima-cio training check %s'"),
	      N_("test item %s is the same as in the general training (%s);"
		" run 'nerima-cio training check %s'") },
	    { N_("test item %s is nearly the same as in last year's training"
		" (%s); run 'nerima-cio training check %s'"),
	      N_("test item %s is nearly the same as in the general training"
		" (%s); run 'nerima-cio training check %s'") } },
	[TR_PART_OUTLINE] = {
	    { N_("outline sentence %s is the same as in last year's training"
		" (%s); run 'nerima-cio training check %s'"),
	      N_("outline sentence %s is the same as in the general training"
		" (%s); run 'nerima-cio training check %s'") },
	    { N_("outline sentence %s is nearly the same as in last year's "
		"training (%s); run 'nerima-cio training check %s'"),
	      N_("outline sentence %s is nearly the same as in the general "
		"training (%s); run 'nerima-cio training check %s'") } },
};

/*
 * A summary's sentence claiming a change from last year the figures do
 * not bear out: [survey or test][rose, fell, no last year's figure].
 * The sentence, the figure, this year's and last year's values and last
 * year's title.
 */
static const char *const claim_fmt[2][3] = {
	[TR_SURVEY] = {
	    N_("the survey's summary says 「%s」, but %s was %s against %s"
		" in '%s' (no rise)"),
	    N_("the survey's summary says 「%s」, but %s was %s against %s"
		" in '%s' (no fall)"),
	    N_("the survey's summary says 「%s」, but there is no figure of"
		" last year's same training to compare %s with") },
	[TR_TEST] = {
	    N_("the test's summary says 「%s」, but %s was %s against %s"
		" in '%s' (no rise)"),
	    N_("the test's summary says 「%s」, but %s was %s against %s"
		" in '%s' (no fall)"),
	    N_("the test's summary says 「%s」, but there is no figure of"
		" last year's same training to compare %s with") },
};

struct tr_lint {
	struct tr_list	 pool;		/* every training read, as its head */
	/* by pool index: the figures and the summaries (not in the head) */
	struct tr_figures *figs;
	char		**sums;		/* 2 a training */
	size_t		  nsums;
	int		 *has_figs;
};

int
training_lint_begin(struct tr_lint **out, struct store *st,
    struct diags *errs)
{
	const struct schema	*kind;
	int			 rc;

	*out = NULL;
	if ((rc = lint_plan(st, errs)) != 0 ||
	    (rc = store_kind(&kind, st, "catalog")) != 0 ||
	    (rc = store_kind(&kind, st, "training")) != 0)
		return rc;
	if ((*out = calloc(1, sizeof **out)) == NULL)
		return error_set(NC_ENOMEM, "out of memory");
	return 0;
}

/*
 * A training's fields but its answer sheets (survey, test), which the
 * reuse check does not read and which are most of its size: the pool
 * holds every training, so it holds only these.
 */
static int
head_of(struct training **out, const struct node *root, const char *relpath)
{
	struct ydoc		*doc;
	struct node		*head;
	const struct node	*k;
	size_t			 i;
	int			 rc;

	*out = NULL;
	if ((doc = ydoc_new()) == NULL || (head = node_map(doc)) == NULL) {
		ydoc_free(doc);
		return error_set(NC_ENOMEM, "out of memory");
	}
	ydoc_set_root(doc, head);
	for (i = 0; i < root->n; i++) {
		k = root->u.pairs[i].key;
		if (strcmp(k->u.s.str, "survey") == 0 ||
		    strcmp(k->u.s.str, "test") == 0)
			continue;
		if (node_map_set(doc, head, k->u.s.str,
		    node_copy(doc, root->u.pairs[i].value)) != 0) {
			ydoc_free(doc);
			return NC_ENOMEM;
		}
	}
	if ((rc = training_read(out, head, relpath, NULL)) != 0) {
		ydoc_free(doc);
		return rc;
	}
	(*out)->doc = doc;
	if (((*out)->own_path = strdup(relpath)) == NULL) {
		training_free(*out);
		*out = NULL;
		return error_set(NC_ENOMEM, "out of memory");
	}
	(*out)->relpath = (*out)->own_path;
	return 0;
}

/*
 * The figures and summaries of the training just added to the pool, for
 * training_lint_end() to check the summaries' claims against last year.
 */
static int
keep_figures(struct tr_lint *tl, const struct training *t)
{
	struct tr_results	*r = NULL;
	struct tr_figures	*nf;
	char			**ns;
	int			 *nh, p;
	size_t			 i = tl->pool.n - 1;

	if ((nf = realloc(tl->figs, tl->pool.n * sizeof *nf)) == NULL)
		return error_set(NC_ENOMEM, "out of memory");
	tl->figs = nf;
	if ((nh = realloc(tl->has_figs, tl->pool.n * sizeof *nh)) == NULL)
		return error_set(NC_ENOMEM, "out of memory");
	tl->has_figs = nh;
	if ((ns = realloc(tl->sums, 2 * tl->pool.n * sizeof *ns)) == NULL)
		return error_set(NC_ENOMEM, "out of memory");
	tl->sums = ns;
	tl->has_figs[i] = 0;
	for (p = 0; p < 2; p++) {
		tl->sums[2 * i + p] = NULL;
		tl->nsums = 2 * i + p + 1;
		if (t->summary[p] != NULL &&
		    (tl->sums[2 * i + p] = strdup(t->summary[p])) == NULL)
			return error_set(NC_ENOMEM, "out of memory");
	}
	if (tr_results_figures(&r, t) != 0) {
		if (error_code() == NC_ENOMEM)
			return NC_ENOMEM;
		error_clear();	/* no figures: nothing to check */
		return 0;
	}
	tr_figures_of(&tl->figs[i], r);
	tl->has_figs[i] = 1;
	tr_results_free(r);
	return 0;
}

/* The summaries' claims of a change from last year, against the figures. */
static void
lint_claims(struct tr_lint *tl, size_t i, struct diags *warns)
{
	const struct training	*t = tl->pool.v[i], *o;
	const struct tr_figures	*before = NULL;
	const char		*s, *p;
	char			 x[32], y[32], *sent;
	size_t			 k, n;
	int			 part, fig, dir;

	if (!tl->has_figs[i])
		return;
	if ((o = tr_last_year(t, &tl->pool)) != NULL)
		for (k = 0; k < tl->pool.n; k++)
			if (tl->pool.v[k] == o && tl->has_figs[k])
				before = &tl->figs[k];
	for (part = 0; part < 2; part++) {
		s = tl->sums[2 * i + part];
		for (p = s; p != NULL && *p != '\0'; p += n) {
			n = tr_sentence(p);
			if (tr_claim_holds(p, n, &tl->figs[i], before, &fig))
				continue;
			if ((sent = strndup(p, n)) == NULL)
				return;
			sent[strcspn(sent, "\n")] = '\0';
			(void)tr_claim(p, n, &dir);
			if (before == NULL || isnan(before->v[fig]) ||
			    isnan(tl->figs[i].v[fig]))
				diags_add(warns, t->relpath, 0, 0,
				    claim_fmt[part][2], sent, tr_fig_name[fig]);
			else {
				text_pct1(x, sizeof x, tl->figs[i].v[fig], 1,
				    "");
				text_pct1(y, sizeof y, before->v[fig], 1, "");
				diags_add(warns, t->relpath, 0, 0,
				    claim_fmt[part][dir > 0 ? 0 : 1], sent,
				    tr_fig_name[fig], x, y, o->title);
			}
			free(sent);
		}
	}
}

int
training_lint_record(struct tr_lint *tl, const char *kind,
    const struct node *root, const char *relpath, struct diags *errs)
{
	struct training	*t, *h = NULL;
	struct training	**nv;
	int		 p, rc;
	size_t		 j;

	if (kind != NULL && strcmp(kind, "catalog") == 0)
		return lint_bank(root, relpath, errs);
	if (kind == NULL || strcmp(kind, "training") != 0)
		return 0;
	rc = training_read(&t, root, relpath, errs);
	if (rc == NC_ENOMEM)
		return rc;
	error_clear();
	if (t == NULL)
		return 0;
	for (p = 0; p < 2; p++)
		for (j = 0; j < t->nitems[p]; j++)
			tr_question_check(&t->items[p][j], (enum tr_part)p,
			    relpath, errs);
	if ((rc = head_of(&h, root, relpath)) != 0) {
		training_free(t);
		return rc == NC_ENOMEM ? rc : 0;
	}
	if ((nv = realloc(tl->pool.v, (tl->pool.n + 1) * sizeof *nv)) ==
	    NULL) {
		training_free(t);
		training_free(h);
		return error_set(NC_ENOMEM, "out of memory");
	}
	tl->pool.v = nv;
	tl->pool.v[tl->pool.n++] = h;
	rc = keep_figures(tl, t);
	training_free(t);
	return rc;
}

int
training_lint_end(struct tr_lint *tl, struct diags *warns)
{
	struct tr_list		*pool = &tl->pool;
	struct training		*t;
	struct tr_check		*c;
	const struct tr_unit	*u;
	size_t			 i, k, n;
	char			 unit[96];
	int			 rc;

	/* reuse in trainings still to be held: warnings */
	for (i = 0; i < pool->n; i++) {
		t = pool->v[i];
		if (strcmp(t->status, "planned") != 0 &&
		    strcmp(t->status, "preparing") != 0)
			continue;
		if ((rc = tr_check_with(&c, t, pool, NULL)) != 0)
			return rc;
		n = tr_check_nreplace(c);
		for (k = 0; k < c->nunits && n > 0; k++) {
			u = &c->units[k];
			if (u->match != TR_VERBATIM && u->match != TR_NEAR)
				continue;
			if (u->ref != NULL)
				snprintf(unit, sizeof unit, "%zu (%s)",
				    u->index + 1, u->ref);
			else
				snprintf(unit, sizeof unit, "%zu",
				    u->index + 1);
			diags_add(warns, t->relpath, 0, 0,
			    reuse_fmt[u->part][u->match != TR_VERBATIM]
			    [u->why != TR_WHY_LAST_YEAR], unit,
			    u->other->title, t->id);
		}
		for (k = 0; k < c->nnotes; k++)
			diags_add(warns, t->relpath, 0, 0, "%s", c->notes[k]);
		tr_check_free(c);
	}
	for (i = 0; i < pool->n; i++)
		lint_claims(tl, i, warns);
	return 0;
}

void
training_lint_free(struct tr_lint *tl)
{
	size_t	i;

	if (tl == NULL)
		return;
	for (i = 0; i < tl->nsums; i++)
		free(tl->sums[i]);
	free(tl->sums);
	free(tl->figs);
	free(tl->has_figs);
	tr_list_free(&tl->pool);
	free(tl);
}
