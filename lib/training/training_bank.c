/*
 * The question banks: catalog records of kind training-survey (survey
 * questions) and training-test (test items), and freezing their
 * questions into a training.
 */
#include <stdlib.h>
#include <string.h>

#include "cal.h"
#include "error.h"
#include "record.h"
#include "store.h"
#include "strmap.h"
#include "training.h"
#include "training_int.h"

const char *const tr_bank_kind[2] = { "training-survey", "training-test" };

static const char *const bank_title[2] = {
	"研修アンケートの設問バンク", "研修テストの問題バンク"
};

/* The catalog of a bank kind to use for fy (0: the latest). */
static int
pick(struct recref *out, struct store *st, const char *ckind, int fy)
{
	static const char *const want[] = { "kind", "version" };
	const struct schema	*kind;
	struct reclist		 l = RECLIST_INIT;
	struct record		*r;
	const char		*k;
	long			 v, best_v = 0;
	int			 rc, best = -1, best_fy = 0;
	size_t			 i;

	memset(out, 0, sizeof *out);
	if ((rc = store_kind(&kind, st, "catalog")) != 0 ||
	    (rc = store_scan(&l, st, kind, 0, NULL)) != 0)
		return rc;
	for (i = 0; i < l.n; i++) {
		if (fy != 0 && l.v[i].fy > fy)
			continue;
		if (record_load_fields(&r, st, &l.v[i], NULL, want, 2) != 0) {
			error_clear();
			continue;
		}
		k = record_field(r, "kind");
		v = tr_long(record_root(r), "version", 1);
		if (k != NULL && strcmp(k, ckind) == 0 && (best < 0 ||
		    l.v[i].fy > best_fy || (l.v[i].fy == best_fy &&
		    v > best_v))) {
			best = (int)i;
			best_fy = l.v[i].fy;
			best_v = v;
		}
		record_free(r);
	}
	if (best >= 0) {
		*out = l.v[best];
		l.v[best].id = NULL;
		l.v[best].relpath = NULL;
	} else
		rc = NC_ENOTFOUND;
	reclist_free(&l);
	return rc;
}

int
tr_bank_load(struct tr_bank **out, struct store *st, int fy,
    struct diags *d)
{
	struct tr_bank		*b;
	struct recref		 ref;
	struct record		*r;
	const struct node	*items;
	size_t			 i;
	int			 p, rc;

	*out = NULL;
	if ((b = calloc(1, sizeof *b)) == NULL ||
	    (b->byref = strmap_new()) == NULL) {
		free(b);
		return error_set(NC_ENOMEM, "out of memory");
	}
	for (p = 0; p < 2; p++) {
		rc = pick(&ref, st, tr_bank_kind[p], fy);
		if (rc == NC_ENOTFOUND)
			continue;
		if (rc != 0)
			goto fail;
		rc = record_load(&r, st, &ref, d);
		free(ref.id);
		free(ref.relpath);
		if (rc != 0)
			goto fail;
		b->docs[p] = r;
		if (p == TR_SURVEY) {
			b->survey_id = record_id(r);
			b->survey_fy = (int)tr_long(record_root(r), "fy", 0);
		} else {
			b->test_id = record_id(r);
			b->test_fy = (int)tr_long(record_root(r), "fy", 0);
		}
		items = tr_seq(record_root(r), "items");
		if (items == NULL)
			continue;
		if ((b->q[p] = calloc(items->n + 1, sizeof *b->q[p])) == NULL) {
			rc = error_set(NC_ENOMEM, "out of memory");
			goto fail;
		}
		for (i = 0; i < items->n; i++) {
			struct tr_question *q = &b->q[p][b->n[p]];

			if ((rc = tr_question_read(q, items->u.items[i])) != 0)
				goto fail;
			b->n[p]++;
			q->bank = record_id(r);
			if (q->ref != NULL && strmap_get(b->byref, q->ref) ==
			    NULL && (rc = strmap_put(b->byref, q->ref, q)) != 0)
				goto fail;
		}
	}
	*out = b;
	return 0;
fail:
	tr_bank_free(b);
	return rc;
}

void
tr_bank_free(struct tr_bank *b)
{
	size_t	i;
	int	p;

	if (b == NULL)
		return;
	for (p = 0; p < 2; p++) {
		for (i = 0; i < b->n[p]; i++)
			tr_question_free(&b->q[p][i]);
		free(b->q[p]);
		record_free(b->docs[p]);
	}
	strmap_free(b->byref);
	free(b);
}

const struct tr_question *
tr_bank_find(const struct tr_bank *b, const char *ref, enum tr_part *part)
{
	const struct tr_question	*q;

	if (b == NULL || ref == NULL ||
	    (q = strmap_get(b->byref, ref)) == NULL)
		return NULL;
	if (part != NULL)
		*part = b->n[TR_TEST] > 0 && q >= b->q[TR_TEST] &&
		    q < b->q[TR_TEST] + b->n[TR_TEST] ? TR_TEST : TR_SURVEY;
	return q;
}

/* ---- adding to a bank --------------------------------------------- */

struct add_arg {
	enum tr_part		 part;
	const struct node	*questions;
	const struct tr_bank	*other;		/* both banks, for refs */
	const char		*path;
	struct diags		*d;
};

/* Check the new questions against each other, the bank and the rules. */
static int
check_new(const struct add_arg *a, const struct node *items)
{
	struct tr_question	 q;
	struct strmap		*seen;
	const struct node	*m;
	const char		*ref;
	size_t			 i, j, bad = 0;
	int			 rc = 0;

	if ((seen = strmap_new()) == NULL)
		return error_set(NC_ENOMEM, "out of memory");
	for (j = 0; items != NULL && j < items->n; j++)
		if ((ref = tr_str(items->u.items[j], "ref")) != NULL &&
		    (rc = strmap_put(seen, ref, (void *)ref)) != 0)
			goto done;
	for (i = 0; i < a->questions->n; i++) {
		m = a->questions->u.items[i];
		if (m->kind != NODE_MAP) {
			tr_diag(a->d, a->path, m, "question %zu is not a"
			    " mapping of fields", i + 1);
			bad++;
			continue;
		}
		if ((rc = tr_question_read(&q, m)) != 0)
			goto done;
		if (tr_str(m, "type") == NULL) {
			tr_diag(a->d, a->path, m, "question %zu has no type"
			    " (scale, single, multiple or text)", i + 1);
			bad++;
		}
		if (q.text == NULL) {
			tr_diag(a->d, a->path, m, "question %zu has no text",
			    i + 1);
			bad++;
		}
		if (q.ref == NULL) {
			tr_diag(a->d, a->path, m, "question %zu has no ref",
			    i + 1);
			bad++;
		} else if (strmap_get(seen, q.ref) != NULL ||
		    tr_bank_find(a->other, q.ref, NULL) != NULL) {
			tr_diag(a->d, a->path, m, "ref '%s' is already in the"
			    " question banks; give a new one", q.ref);
			bad++;
		} else if ((rc = strmap_put(seen, q.ref, (void *)q.ref)) != 0) {
			tr_question_free(&q);
			goto done;
		}
		bad += tr_question_check(&q, a->part, a->path, a->d);
		tr_question_free(&q);
	}
	if (bad > 0)
		rc = error_set(NC_EINVALID, "%zu problem%s in the questions;"
		    " nothing was added", bad, bad == 1 ? "" : "s");
done:
	strmap_free(seen);
	return rc;
}

static int
add_edit(struct record *r, void *arg)
{
	const struct add_arg	*a = arg;
	struct node		*root = record_root(r), *items;
	size_t			 i;
	int			 rc;

	items = node_get(root, "items");
	if (items == NULL || items->kind != NODE_SEQ) {
		if ((items = node_seq(r->doc)) == NULL ||
		    (rc = node_map_set(r->doc, root, "items", items)) != 0)
			return error_set(NC_ENOMEM, "out of memory");
	}
	if ((rc = check_new(a, items)) != 0)
		return rc;
	for (i = 0; i < a->questions->n; i++) {
		struct node *c = node_copy(r->doc, a->questions->u.items[i]);

		if (c == NULL || (rc = node_seq_push(r->doc, items, c)) != 0)
			return error_set(NC_ENOMEM, "out of memory");
	}
	return 0;
}

int
tr_bank_add(char **out_id, struct store *st, enum tr_part part,
    const struct node *questions, const char *path, struct diags *d)
{
	const struct schema	*kind;
	struct tr_bank		*both = NULL;
	struct recref		 ref = { NULL, NULL, NULL, 0 };
	struct add_arg		 a;
	struct ydoc		*doc = NULL;
	struct node		*root, *items;
	char			 fybuf[16], *rel = NULL;
	int			 rc;

	*out_id = NULL;
	if (questions == NULL || questions->kind != NODE_SEQ ||
	    questions->n == 0)
		return error_set(NC_EINVALID, "no questions to add");
	if ((rc = store_lock(st)) != 0)
		return rc;
	if ((rc = tr_bank_load(&both, st, 0, NULL)) != 0)
		goto done;
	a.part = part;
	a.questions = questions;
	a.other = both;
	a.path = path;
	a.d = d;
	rc = pick(&ref, st, tr_bank_kind[part], 0);
	if (rc == 0) {
		rc = record_edit(NULL, st, &ref, add_edit, &a, d);
		if (rc == 0 && (*out_id = strdup(ref.id)) == NULL)
			rc = error_set(NC_ENOMEM, "out of memory");
		goto done;
	}
	if (rc != NC_ENOTFOUND)
		goto done;
	/* The first question of a kind makes its bank. */
	if ((rc = check_new(&a, NULL)) != 0)
		goto done;
	snprintf(fybuf, sizeof fybuf, "%d", cal_fy(cal_today()));
	if ((rc = store_kind(&kind, st, "catalog")) != 0)
		goto done;
	if ((doc = ydoc_new()) == NULL || (root = node_map(doc)) == NULL ||
	    (items = node_copy(doc, questions)) == NULL) {
		rc = error_set(NC_ENOMEM, "out of memory");
		goto done;
	}
	ydoc_set_root(doc, root);
	if ((rc = node_map_set_str(doc, root, "fy", fybuf)) != 0 ||
	    (rc = node_map_set_str(doc, root, "kind",
	    tr_bank_kind[part])) != 0 ||
	    (rc = node_map_set_str(doc, root, "title", bank_title[part])) != 0 ||
	    (rc = node_map_set_str(doc, root, "version", "1")) != 0 ||
	    (rc = node_map_set(doc, root, "items", items)) != 0)
		goto done;
	rc = record_create(out_id, &rel, st, kind, doc, d);
done:
	store_unlock(st);
	free(rel);
	free(ref.id);
	free(ref.relpath);
	ydoc_free(doc);
	tr_bank_free(both);
	return rc;
}

/* ---- freezing questions into a training --------------------------- */

static int
has_audience(const struct tr_question *q, const char *audience)
{
	size_t	i;

	if (q->naudiences == 0 || audience == NULL)
		return 1;
	for (i = 0; i < q->naudiences; i++)
		if (strcmp(q->audiences[i], audience) == 0)
			return 1;
	return 0;
}

/* The index of ref in a frozen list, or -1. */
static long
find_ref(const struct node *seq, const char *ref)
{
	const char	*r;
	size_t		 i;

	for (i = 0; seq != NULL && i < seq->n; i++)
		if ((r = tr_str(seq->u.items[i], "ref")) != NULL &&
		    strcmp(r, ref) == 0)
			return (long)i;
	return -1;
}

/* The frozen copy of a bank question: its fields, and the bank's id. */
static struct node *
frozen(struct ydoc *doc, const struct tr_question *q)
{
	static const char *const drop[] = { "category", "audiences",
	    "evidence_examples", "how_to_check", "methods", "importance",
	    "weight", "answer_type", "stages", "note" };
	struct node	*c;
	size_t		 i;

	if ((c = node_copy(doc, q->node)) == NULL)
		return NULL;
	for (i = 0; i < sizeof drop / sizeof drop[0]; i++)
		node_map_remove(c, drop[i]);
	if (q->bank != NULL && node_map_set_str(doc, c, "bank", q->bank) != 0)
		return NULL;
	return c;
}

int
tr_items_edit(struct ydoc *doc, struct node *root, const struct tr_bank *b,
    const char *const *refs, size_t nrefs, int remove, struct diags *warn)
{
	static const char *const field[2] = { "survey_items", "test_items" };
	const struct tr_question *q;
	const char		*audience = tr_str(root, "audience");
	const char		*id = tr_str(root, "id");
	const struct node	*sv = node_get(root, "survey");
	const struct node	*ts = node_get(root, "test");
	struct node		*seq[2], *c;
	enum tr_part		 part;
	size_t			 i;
	long			 at;
	int			 p, rc;

	if ((tr_seq(sv, "responses") != NULL &&
	    tr_seq(sv, "responses")->n > 0) || (tr_seq(ts, "results") !=
	    NULL && tr_seq(ts, "results")->n > 0))
		return error_set(NC_EINVALID, "%s has results: its questions"
		    " are fixed, since the answers are numbered by them", id);
	for (p = 0; p < 2; p++) {
		seq[p] = node_get(root, field[p]);
		if (seq[p] == NULL || seq[p]->kind != NODE_SEQ) {
			if ((seq[p] = node_seq(doc)) == NULL ||
			    node_map_set(doc, root, field[p], seq[p]) != 0)
				return error_set(NC_ENOMEM, "out of memory");
		}
	}
	for (i = 0; i < nrefs; i++) {
		if (remove) {
			for (p = 0; p < 2; p++)
				if ((at = find_ref(seq[p], refs[i])) >= 0)
					break;
			if (p == 2)
				return error_set(NC_ENOTFOUND, "'%s' is not a"
				    " question of %s", refs[i], id);
			memmove(&seq[p]->u.items[at], &seq[p]->u.items[at +
			    1], (seq[p]->n - (size_t)at - 1) *
			    sizeof *seq[p]->u.items);
			seq[p]->n--;
			continue;
		}
		if ((q = tr_bank_find(b, refs[i], &part)) == NULL)
			return error_set(NC_ENOTFOUND, "'%s' is in neither"
			    " question bank (see 'nerima-cio training bank"
			    " list')", refs[i]);
		if (find_ref(seq[part], refs[i]) >= 0)
			return error_set(NC_EEXISTS, "'%s' is already a"
			    " question of %s", refs[i], id);
		if (seq[part]->n >= 20 && part == TR_TEST)
			return error_set(NC_EINVALID, "%s already has %zu"
			    " test items; the specification asks for about 10",
			    id, seq[part]->n);
		if (seq[part]->n >= 20)
			return error_set(NC_EINVALID, "%s already has %zu"
			    " survey questions; the specification asks for"
			    " about 10", id, seq[part]->n);
		if (tr_question_check(q, part, "(bank)", NULL) > 0)
			return error_set(NC_EINVALID, "'%s' breaks the rules"
			    " of its bank (run 'nerima-cio lint')", refs[i]);
		if (!has_audience(q, audience) && warn != NULL)
			diags_add(warn, id, 0, 0, "'%s' is not marked for"
			    " %s in the bank", refs[i], audience);
		if ((c = frozen(doc, q)) == NULL ||
		    (rc = node_seq_push(doc, seq[part], c)) != 0)
			return error_set(NC_ENOMEM, "out of memory");
	}
	for (p = 0; p < 2; p++)
		if (seq[p]->n == 0)
			node_map_remove(root, field[p]);
	return 0;
}
