/*
 * The new-content check (3(2)イ): a training for an audience that is the
 * same every year must bring new content, not last year's; a training
 * for a role must not repeat what the general training its staff already
 * had covered.  Every test item, survey question and outline sentence of
 * the training is compared with those of last year's trainings for the
 * same audience and of the latest general training (general_audiences)
 * held before it: the same text is reused verbatim, a similarity of
 * TR_SIMILAR or more (training_sim.c) is nearly the same, anything else
 * is new.  Survey questions marked 定点設問 (fixed) are asked every year
 * on purpose and are neither counted nor to be replaced.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "i18n.h"
#include "store.h"
#include "strmap.h"
#include "training.h"
#include "training_int.h"

/* The notes a check adds besides the comparisons. */
#define ITEMS_LOW	8
#define ITEMS_HIGH	12

struct cpriv {
	struct tr_list	 pool;
	int		 own_pool;
};

static int
add_note(struct tr_check *c, const char *fmt, ...) NC_PRINTF(2, 3);

static int
add_note(struct tr_check *c, const char *fmt, ...)
{
	va_list	  ap;
	char	  buf[1024], **nv;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, _(fmt), ap);
	va_end(ap);
	if ((nv = realloc(c->notes, (c->nnotes + 1) * sizeof *nv)) == NULL)
		return error_set(NC_ENOMEM, "out of memory");
	c->notes = nv;
	if ((c->notes[c->nnotes] = strdup(buf)) == NULL)
		return error_set(NC_ENOMEM, "out of memory");
	c->nnotes++;
	return 0;
}

static int
cancelled(const struct training *t)
{
	return strcmp(t->status, "cancelled") == 0;
}

static int
same(const char *a, const char *b)
{
	return a != NULL && b != NULL && strcmp(a, b) == 0;
}

/* Pick what t is compared with from the pool. */
static int
pick_others(struct tr_check *c, const struct training *t,
    const struct tr_list *pool)
{
	const struct training	*o, *best;
	size_t			 i, g, k;

	c->others = calloc(pool->n + 1, sizeof *c->others);
	c->why = calloc(pool->n + 1, sizeof *c->why);
	if (c->others == NULL || c->why == NULL)
		return error_set(NC_ENOMEM, "out of memory");
	for (i = 0; i < pool->n; i++) {
		o = pool->v[i];
		if (same(o->id, t->id) || cancelled(o))
			continue;
		if (o->fy == t->fy - 1 && same(o->kind, t->kind) &&
		    same(o->audience, t->audience)) {
			c->others[c->nothers] = pool->v[i];
			c->why[c->nothers++] = TR_WHY_LAST_YEAR;
		}
	}
	for (g = 0; g < t->ngeneral; g++) {
		best = NULL;
		for (i = 0; i < pool->n; i++) {
			o = pool->v[i];
			if (same(o->id, t->id) || cancelled(o) ||
			    !same(o->audience, t->general[g]) ||
			    !same(o->kind, t->kind) ||
			    o->fy < t->fy - 1 || o->date.y == 0)
				continue;
			if (t->date.y != 0 && cal_cmp(o->date, t->date) > 0)
				continue;
			if (best == NULL || cal_cmp(o->date, best->date) > 0)
				best = o;
		}
		if (best == NULL)
			continue;
		for (k = 0; k < c->nothers; k++)
			if (c->others[k] == best)
				break;
		if (k < c->nothers)
			continue;
		c->others[c->nothers] = (struct training *)best;
		c->why[c->nothers++] = TR_WHY_GENERAL;
	}
	return 0;
}

/* Sentences of an outline: cut after 。 and at line ends. */
static int
sentences(char ***out, size_t *nout, const char *text)
{
	char		**v = NULL, **nv, *s;
	const char	*p = text, *start;
	size_t		 n = 0, len;

	*out = NULL;
	*nout = 0;
	while (p != NULL && *p != '\0') {
		while (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t')
			p++;
		if (*p == '\0')
			break;
		start = p;
		for (;;) {
			if (*p == '\0' || *p == '\n')
				break;
			if (strncmp(p, "。", 3) == 0) {
				p += 3;
				break;
			}
			p++;
		}
		len = (size_t)(p - start);
		if ((nv = realloc(v, (n + 1) * sizeof *nv)) == NULL ||
		    (s = strndup(start, len)) == NULL) {
			if (nv != NULL)
				v = nv;
			while (n > 0)
				free(v[--n]);
			free(v);
			return error_set(NC_ENOMEM, "out of memory");
		}
		v = nv;
		v[n++] = s;
	}
	*out = v;
	*nout = n;
	return 0;
}

static void
free_strs(char **v, size_t n)
{
	while (n > 0)
		free(v[--n]);
	free(v);
}

static int
add_unit(struct tr_check *c, size_t *cap, const struct tr_unit *u)
{
	struct tr_unit	*nv;

	if (c->nunits == *cap) {
		*cap = *cap == 0 ? 32 : *cap * 2;
		if ((nv = realloc(c->units, *cap * sizeof *nv)) == NULL)
			return error_set(NC_ENOMEM, "out of memory");
		c->units = nv;
	}
	c->units[c->nunits++] = *u;
	return 0;
}

static char *
compare_text(const struct tr_question *q)
{
	struct buf	b = BUF_INIT;

	if (tr_question_compare_text(&b, q) != 0) {
		buf_free(&b);
		return NULL;
	}
	return buf_detach(&b, NULL);
}

/* Whether two texts are the same once normalised. */
static int
verbatim(const char *a, const char *b)
{
	struct buf	x = BUF_INIT, y = BUF_INIT;
	int		eq;

	tr_normalise(&x, a);
	tr_normalise(&y, b);
	eq = x.len == y.len && (x.len == 0 || memcmp(x.data, y.data,
	    x.len) == 0);
	buf_free(&x);
	buf_free(&y);
	return eq;
}

/* Compare one question with the others' questions of the same part. */
static int
compare_question(struct tr_unit *u, const struct tr_check *c,
    const struct tr_question *q, int part)
{
	const struct tr_question *oq;
	char			*mine, *theirs;
	size_t			 o, i;
	double			 s;

	if ((mine = compare_text(q)) == NULL)
		return error_set(NC_ENOMEM, "out of memory");
	u->match = TR_NEW;
	u->sim = 0;
	for (o = 0; o < c->nothers; o++) {
		for (i = 0; i < c->others[o]->nitems[part]; i++) {
			oq = &c->others[o]->items[part][i];
			if ((theirs = compare_text(oq)) == NULL) {
				free(mine);
				return error_set(NC_ENOMEM, "out of memory");
			}
			if (same(q->ref, oq->ref) || verbatim(mine, theirs))
				s = 1.0;
			else
				s = tr_similarity(mine, theirs);
			free(theirs);
			if (s > u->sim) {
				u->sim = s;
				u->other = c->others[o];
				u->why = c->why[o];
				u->other_index = i;
			}
		}
	}
	free(mine);
	if (u->other != NULL) {
		oq = &u->other->items[part][u->other_index];
		if (u->sim >= 1.0)
			u->match = TR_VERBATIM;
		else if (u->sim >= TR_SIMILAR)
			u->match = TR_NEAR;
		if (u->match != TR_NEW && q->fixed && part == TR_SURVEY)
			u->match = TR_KEPT;
		if ((u->other_text = strdup(oq->text != NULL ? oq->text :
		    "")) == NULL)
			return error_set(NC_ENOMEM, "out of memory");
	}
	return 0;
}

static int
compare_sentence(struct tr_unit *u, const struct tr_check *c)
{
	char	**v;
	size_t	  n, o, i;
	double	  s;
	int	  rc;

	u->match = TR_NEW;
	for (o = 0; o < c->nothers; o++) {
		if ((rc = sentences(&v, &n, c->others[o]->outline)) != 0)
			return rc;
		for (i = 0; i < n; i++) {
			s = verbatim(u->text, v[i]) ? 1.0 :
			    tr_similarity(u->text, v[i]);
			if (s > u->sim) {
				u->sim = s;
				u->other = c->others[o];
				u->why = c->why[o];
				u->other_index = i;
				free(u->other_text);
				if ((u->other_text = strdup(v[i])) == NULL) {
					free_strs(v, n);
					return error_set(NC_ENOMEM,
					    "out of memory");
				}
			}
		}
		free_strs(v, n);
	}
	if (u->sim >= 1.0)
		u->match = TR_VERBATIM;
	else if (u->sim >= TR_SIMILAR)
		u->match = TR_NEAR;
	return 0;
}

static int
in_training(const struct training *t, int part, const char *ref)
{
	size_t	i;

	for (i = 0; ref != NULL && i < t->nitems[part]; i++)
		if (same(t->items[part][i].ref, ref))
			return 1;
	return 0;
}

static int
suits(const struct tr_question *q, const char *audience)
{
	size_t	i;

	if (q->naudiences == 0 || audience == NULL)
		return 1;
	for (i = 0; i < q->naudiences; i++)
		if (strcmp(q->audiences[i], audience) == 0)
			return 1;
	return 0;
}

/* Whether a bank question is fresh: not used by t or the others, unlike all. */
static int
fresh(const struct tr_check *c, const struct tr_question *q, int part,
    struct strmap *taken)
{
	const struct training	*t = c->t;
	char			*mine, *theirs;
	size_t			 o, i;
	int			 ok = 1;

	if (q->ref == NULL || strmap_get(taken, q->ref) != NULL ||
	    in_training(t, part, q->ref) || !suits(q, t->audience) ||
	    tr_question_check(q, part, "", NULL) > 0)
		return 0;
	for (o = 0; o < c->nothers; o++)
		if (in_training(c->others[o], part, q->ref))
			return 0;
	if ((mine = compare_text(q)) == NULL)
		return 0;
	for (o = 0; ok && o <= c->nothers; o++) {
		const struct training *x = o < c->nothers ? c->others[o] : t;

		for (i = 0; ok && i < x->nitems[part]; i++) {
			if ((theirs = compare_text(&x->items[part][i])) ==
			    NULL) {
				ok = 0;
				break;
			}
			if (tr_similarity(mine, theirs) >= TR_SIMILAR)
				ok = 0;
			free(theirs);
		}
	}
	free(mine);
	return ok;
}

static int
suggest(struct tr_check *c, const struct tr_bank *b)
{
	struct strmap		*taken;
	struct tr_unit		*u;
	const struct tr_question *q, *mine;
	size_t			 i, k;
	int			 pass, rc = 0;

	if (b == NULL)
		return 0;
	if ((taken = strmap_new()) == NULL)
		return error_set(NC_ENOMEM, "out of memory");
	for (i = 0; i < c->nunits; i++) {
		u = &c->units[i];
		if (u->part == TR_PART_OUTLINE || (u->match != TR_VERBATIM &&
		    u->match != TR_NEAR))
			continue;
		mine = &c->t->items[u->part][u->index];
		/* the same topic first, then any topic */
		for (pass = 0; pass < 2 && u->suggest == NULL; pass++) {
			for (k = 0; k < b->n[u->part]; k++) {
				q = &b->q[u->part][k];
				if (pass == 0 && (mine->topic == NULL ||
				    !same(q->topic, mine->topic)))
					continue;
				if (q->type == TR_Q_TEXT && mine->type !=
				    TR_Q_TEXT)
					continue;
				if (fresh(c, q, u->part, taken)) {
					u->suggest = q;
					if ((rc = strmap_put(taken, q->ref,
					    (void *)q->ref)) != 0)
						goto done;
					break;
				}
			}
		}
	}
done:
	strmap_free(taken);
	return rc;
}

static int
notes(struct tr_check *c)
{
	const struct training	*t = c->t;
	char			 a[CAL_FMT_MAX], b[CAL_FMT_MAX];
	int			 rc = 0;
	size_t			 n;

	/* counts once there are questions: none yet is work to do */
	n = t->nitems[TR_SURVEY];
	if (t->makes_survey && n > 0 && (n < ITEMS_LOW || n > ITEMS_HIGH))
		rc = n == 1 ? add_note(c, "the survey has one question; the"
		    " specification asks for about 10 (3(2)イ)") :
		    add_note(c, "the survey has %zu questions; the"
		    " specification asks for about 10 (3(2)イ)", n);
	n = t->nitems[TR_TEST];
	if (rc == 0 && t->makes_test && n > 0 && (n < ITEMS_LOW ||
	    n > ITEMS_HIGH))
		rc = n == 1 ? add_note(c, "the test has one item; the"
		    " specification asks for about 10 (3(2)イ)") :
		    add_note(c, "the test has %zu items; the specification"
		    " asks for about 10 (3(2)イ)", n);
	if (rc == 0 && t->method != NULL && (strcmp(t->method,
	    "classroom") == 0 || strcmp(t->method, "online") == 0) &&
	    t->exercise == NULL)
		rc = strcmp(t->method, "classroom") == 0 ? add_note(c,
		    "a classroom training includes a practical exercise"
		    " (3(2)イ); say which in 'exercise'") : add_note(c,
		    "a live online training includes a practical exercise"
		    " (3(2)イ); say which in 'exercise'");
	if (rc == 0 && t->material_due.y != 0 && t->date.y != 0 &&
	    cal_cmp(t->material_due, t->date) >= 0)
		rc = add_note(c, "the material is due %s, not before the"
		    " training on %s", cal_format_iso(a, sizeof a,
		    t->material_due) == 0 ? a : "?", cal_format_iso(b,
		    sizeof b, t->date) == 0 ? b : "?");
	if (rc == 0 && t->ngeneral > 0 && c->nothers == 0)
		rc = add_note(c, "no general training (%s) was found to"
		    " compare with", t->general[0]);
	return rc;
}

static int
run(struct tr_check *c, const struct tr_bank *b)
{
	const struct training	*t = c->t;
	struct tr_unit		 u;
	char			**v = NULL;
	size_t			 cap = 0, i, n = 0, units = 0, fresh_n = 0;
	int			 part, rc;

	for (part = 0; part < 2; part++) {
		for (i = 0; i < t->nitems[part]; i++) {
			memset(&u, 0, sizeof u);
			u.part = part;
			u.index = i;
			u.ref = t->items[part][i].ref;
			if ((u.text = strdup(t->items[part][i].text != NULL ?
			    t->items[part][i].text : "")) == NULL)
				return error_set(NC_ENOMEM, "out of memory");
			if ((rc = compare_question(&u, c, &t->items[part][i],
			    part)) != 0 || (rc = add_unit(c, &cap, &u)) != 0) {
				free(u.text);
				free(u.other_text);
				return rc;
			}
		}
	}
	if ((rc = sentences(&v, &n, t->outline)) != 0)
		return rc;
	for (i = 0; i < n; i++) {
		memset(&u, 0, sizeof u);
		u.part = TR_PART_OUTLINE;
		u.index = i;
		u.text = v[i];
		v[i] = NULL;
		if ((rc = compare_sentence(&u, c)) != 0 ||
		    (rc = add_unit(c, &cap, &u)) != 0) {
			free(u.text);
			free(u.other_text);
			free_strs(v, n);
			return rc;
		}
	}
	free_strs(v, n);
	for (i = 0; i < c->nunits; i++) {
		if (c->units[i].match == TR_KEPT)
			continue;
		c->total[c->units[i].part]++;
		units++;
		if (c->units[i].match == TR_NEW) {
			c->fresh[c->units[i].part]++;
			fresh_n++;
		}
	}
	c->share_new = units > 0 ? (double)fresh_n / (double)units : NAN;
	if ((rc = suggest(c, b)) != 0)
		return rc;
	return notes(c);
}

int
tr_check_with(struct tr_check **out, const struct training *t,
    const struct tr_list *pool, const struct tr_bank *b)
{
	struct tr_check	*c;
	int		 rc;

	*out = NULL;
	if ((c = calloc(1, sizeof *c)) == NULL ||
	    (c->priv = calloc(1, sizeof(struct cpriv))) == NULL) {
		free(c);
		return error_set(NC_ENOMEM, "out of memory");
	}
	c->t = t;
	c->share_new = NAN;
	if ((rc = pick_others(c, t, pool)) != 0 || (rc = run(c, b)) != 0) {
		tr_check_free(c);
		return rc;
	}
	*out = c;
	return 0;
}

int
tr_check_run(struct tr_check **out, struct store *st,
    const struct training *t, const struct tr_bank *b)
{
	struct tr_list	 pool = { NULL, 0 }, more = { NULL, 0 };
	struct training	**nv;
	struct cpriv	*p;
	int		 rc;

	*out = NULL;
	if ((rc = tr_list_load(&pool, st, t->fy - 1, TR_LOAD_ITEMS,
	    NULL)) != 0 ||
	    (rc = tr_list_load(&more, st, t->fy, TR_LOAD_ITEMS, NULL)) != 0)
		goto fail;
	if ((nv = realloc(pool.v, (pool.n + more.n + 1) * sizeof *nv)) ==
	    NULL) {
		rc = error_set(NC_ENOMEM, "out of memory");
		goto fail;
	}
	pool.v = nv;
	memcpy(pool.v + pool.n, more.v, more.n * sizeof *nv);
	pool.n += more.n;
	free(more.v);
	more.v = NULL;
	more.n = 0;
	if ((rc = tr_check_with(out, t, &pool, b)) != 0)
		goto fail;
	p = (*out)->priv;
	p->pool = pool;
	p->own_pool = 1;
	return 0;
fail:
	tr_list_free(&pool);
	tr_list_free(&more);
	return rc;
}

void
tr_check_free(struct tr_check *c)
{
	struct cpriv	*p;
	size_t		 i;

	if (c == NULL)
		return;
	for (i = 0; i < c->nunits; i++) {
		free(c->units[i].text);
		free(c->units[i].other_text);
	}
	free(c->units);
	for (i = 0; i < c->nnotes; i++)
		free(c->notes[i]);
	free(c->notes);
	free(c->others);
	free(c->why);
	if ((p = c->priv) != NULL) {
		if (p->own_pool)
			tr_list_free(&p->pool);
		free(p);
	}
	free(c);
}

size_t
tr_check_nreplace(const struct tr_check *c)
{
	size_t	i, n = 0;

	for (i = 0; i < c->nunits; i++)
		n += c->units[i].match == TR_VERBATIM ||
		    c->units[i].match == TR_NEAR;
	return n;
}
