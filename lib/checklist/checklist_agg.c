/*
 * Checklist aggregation: implementation rates per item, division and
 * department (部), standing of each division (score and 偏差値), the
 * previous year for comparison, and for contractor checklists the rates
 * by stage and the contracts with gaps.  Every join is through a hash on
 * the item ref or the organisation code, so the work is linear in the
 * number of answers.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "checklist.h"
#include "diag.h"
#include "error.h"
#include "fileio.h"
#include "node.h"
#include "record.h"
#include "store.h"
#include "strmap.h"
#include "text.h"

struct year {
	struct ck_set	*set;
	struct record	**recs;
	size_t		  nrecs;
	size_t		(*counts)[CK_NVALUES];
	double		 *dsum, *dw;	/* per division: weighted score */
	double		  sum;
	size_t		  n;
	size_t		  nsub;
	/* the first and last submission dates of any sheet counted */
	const char	 *first_on, *last_on;
};

struct priv {
	struct ck_orgs	*orgs;
	struct year	 cur, prev;
};

static void
year_free(struct year *y)
{
	size_t	i;

	for (i = 0; i < y->nrecs; i++)
		record_free(y->recs[i]);
	free(y->recs);
	free(y->counts);
	free(y->dsum);
	free(y->dw);
	ck_set_free(y->set);
}

void
ck_stats_free(struct ck_stats *s)
{
	struct priv	*p;
	size_t		 i;

	if (s == NULL)
		return;
	if ((p = s->priv) != NULL) {
		year_free(&p->cur);
		year_free(&p->prev);
		ck_orgs_free(p->orgs);
		free(p);
	}
	for (i = 0; i < CK_NSTAGES; i++) {
		free(s->stages[i].yes);
		free(s->stages[i].answered);
	}
	for (i = 0; i < s->ngaps; i++)
		free(s->gaps[i].items);
	free(s->gaps);
	free(s->items);
	free(s->prev_items);
	free(s->divs);
	free(s->depts);
	free(s);
}

static int
value_of(enum ck_value *out, const char *s)
{
	enum ck_value	v;

	if (s == NULL)
		return -1;
	for (v = 0; v < CK_NVALUES; v++) {
		if (strcmp(s, ck_value_name(v)) == 0) {
			*out = v;
			return 0;
		}
	}
	return -1;
}

/*
 * What an answer map counts as, by its address: the quick reader's lists
 * share one map per distinct answer (quick_answer()), so most lookups are
 * of a map seen before.
 */
#define TALLY_MEMO	64

struct tally_memo {
	const struct node	*map;
	const struct ck_item	*item;		/* NULL: not counted */
	enum ck_value		 value;
};

/* Count one list of answers into the year, for division di. */
static void
tally_answers(struct year *y, const struct node *answers, size_t di,
    struct tally_memo *memo)
{
	const struct ck_item	*it;
	const struct node	*a;
	struct tally_memo	*m;
	enum ck_value		 v;
	double			 sc;
	size_t			 i;

	for (i = 0; answers != NULL && answers->kind == NODE_SEQ &&
	    i < answers->n; i++) {
		a = answers->u.items[i];
		m = &memo[((uintptr_t)a / sizeof *a) % TALLY_MEMO];
		if (m->map == a) {
			it = m->item;
			v = m->value;
		} else {
			if ((it = ck_set_item(y->set, node_get_str(a, "ref") ?
			    node_get_str(a, "ref") : "")) != NULL &&
			    value_of(&v, node_get_str(a, "value")) != 0)
				it = NULL;
			m->map = a;
			m->item = it;
			m->value = it != NULL ? v : CK_YES;
		}
		if (it == NULL)
			continue;
		y->counts[it->index][v]++;
		if ((sc = ck_value_score(v)) < 0)
			continue;
		y->dsum[di] += sc * it->weight;
		y->dw[di] += it->weight;
		y->sum += sc;
		y->n++;
	}
}

/* The item set and the counters of a year; 1 when not required and none. */
static int
year_init(struct year *y, struct store *st, const struct ck_orgs *orgs,
    enum ck_kind kind, int fy, int required)
{
	int	r;

	memset(y, 0, sizeof *y);
	if ((r = ck_set_load(&y->set, st, kind, fy)) != 0) {
		if (!required && r == NC_ENOTFOUND) {
			error_clear();
			return 1;
		}
		return r;
	}
	y->counts = calloc(y->set->nitems + 1, sizeof *y->counts);
	y->dsum = calloc(orgs->n + 1, sizeof *y->dsum);
	y->dw = calloc(orgs->n + 1, sizeof *y->dw);
	if (y->counts == NULL || y->dsum == NULL || y->dw == NULL)
		return error_set(NC_ENOMEM, "out of memory");
	return 0;
}

/*
 * The quick reader of self-check records (issue 15).  A self check is
 * almost all its `responses` (some 50,000 answers a year), and the
 * aggregates need only each answer's ref and value; parsing that block
 * with libyaml was ~80% of `checklist export report --kind department`.
 *
 * The block as the writer writes it is read line by line:
 *
 *	responses:
 *	  - respondent: r001
 *	    answers:
 *	      - ref: sf-01
 *	        value: "no"
 *
 * every scalar a word of [A-Za-z0-9_-] (not a null word), plain or in
 * single or double quotes, nothing else on a line; the block ends at the
 * first line that does not start with a space, which must start a plain
 * key (a letter or '_') or be the end of the file.  The rest of the file, the
 * lines before the block (the head) and from that line on (the tail), is
 * parsed by libyaml as one document, so every other field is exactly what
 * a full parse gives.  When the tail's first line is a key of that
 * document's top-level mapping (and the head's lines end in LF alone, so
 * the lines are counted alike), nothing (a quoted scalar, a flow
 * collection) was open at the end of the head, so the `responses:` line
 * at column 0 is a key of the top-level mapping, as it would be in a full
 * parse; without a tail, the document is the head, a complete mapping.
 * Anything else -- another shape, a second `responses`, a CR, a tab, a
 * problem in head or tail -- and the record is loaded whole as before,
 * which also reports what is wrong with it.
 */

static inline int
quick_wordc(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || c == '_' || c == '-';
}

/*
 * Whether the line at p is prefix (n bytes), then a word, maybe quoted,
 * then LF (before end): the word in *w and *wlen, the next line in *next.
 * Not a word: an empty one, or one a plain scalar would read as null or
 * that starts a plain scalar with '-'.  The line is read once, with no
 * search for its end first (issue 15: 50,000 answers a year).
 */
static inline int
quick_line(const char *p, const char *end, const char *prefix, size_t n,
    const char **w, size_t *wlen, const char **next)
{
	const char	*s;
	char		 q = 0;

	if ((size_t)(end - p) < n || memcmp(p, prefix, n) != 0)
		return 0;
	p += n;
	if (p < end && (*p == '"' || *p == '\''))
		q = *p++;
	for (s = p; p < end && quick_wordc(*p); p++)
		;
	*wlen = (size_t)(p - s);
	if (q != 0 && (p == end || *p++ != q))
		return 0;
	if (p == end || *p != '\n')
		return 0;
	if (*wlen == 0 || (*wlen == 4 && (memcmp(s, "null", 4) == 0 ||
	    memcmp(s, "Null", 4) == 0 || memcmp(s, "NULL", 4) == 0)))
		return 0;
	if (q == 0 && *s == '-')
		return 0;
	*w = s;
	*next = p + 1;
	return 1;
}

#define QUICK_LINE(p, end, prefix, w, wlen, next) \
	quick_line((p), (end), (prefix), sizeof(prefix) - 1, (w), (wlen), \
	    (next))

/*
 * The answer maps of a block, each made once: a year's 50,000 answers
 * are some 30 distinct (ref, value) pairs, so a list points to the map
 * made for the pair at the same place in an earlier list (the nodes live
 * in the document's arena and are only read; a tree with a map for every
 * answer took 60 MB for a year and its previous one).
 */
#define QUICK_PLACES	64
#define QUICK_VALUES	4

struct quick_answer {
	const char	*ref, *value;
	size_t		 reflen, valuelen;
	struct node	*map;
};

struct quick_answers {
	struct quick_answer	 v[QUICK_PLACES][QUICK_VALUES];
	size_t			 n[QUICK_PLACES];
};

static struct node *
quick_answer(struct quick_answers *qa, struct ydoc *doc, size_t place,
    const char *ref, size_t reflen, const char *value, size_t valuelen)
{
	struct quick_answer	*a = NULL;
	struct node		*m, *k;
	size_t			 i;

	if (place < QUICK_PLACES) {
		for (i = 0; i < qa->n[place]; i++) {
			a = &qa->v[place][i];
			if (a->reflen == reflen && a->valuelen == valuelen &&
			    memcmp(a->ref, ref, reflen) == 0 &&
			    memcmp(a->value, value, valuelen) == 0)
				return a->map;
		}
	}
	if ((m = node_map(doc)) == NULL ||
	    (k = node_scalar(doc, ref, reflen)) == NULL ||
	    node_map_set(doc, m, "ref", k) != 0 ||
	    (k = node_scalar(doc, value, valuelen)) == NULL ||
	    node_map_set(doc, m, "value", k) != 0)
		return NULL;
	if (place < QUICK_PLACES && qa->n[place] < QUICK_VALUES) {
		a = &qa->v[place][qa->n[place]++];
		a->ref = ref;
		a->reflen = reflen;
		a->value = value;
		a->valuelen = valuelen;
		a->map = m;
	}
	return m;
}

/*
 * The responses block starting at *pp (after "responses:\n") into seq;
 * *pp is left at the first line after it.  0 when the block has the
 * writer's shape, -1 when not, NC_ENOMEM.
 */
static int
quick_responses(struct ydoc *doc, struct node *seq, const char **pp,
    const char *end)
{
	struct quick_answers	*qa;
	const char		*p = *pp, *next, *w, *ref;
	struct node		*resp = NULL, *ans = NULL, *a, *k;
	size_t			 wlen, reflen, place = 0;
	int			 r = -1;

	if ((qa = calloc(1, sizeof *qa)) == NULL)
		return NC_ENOMEM;

	while (p < end && *p == ' ') {
		if (ans != NULL && QUICK_LINE(p, end, "      - ref: ", &ref,
		    &reflen, &next)) {
			/* the value is on the next line */
			if (!QUICK_LINE(next, end, "        value: ", &w, &wlen,
			    &next))
				goto done;
			if ((a = quick_answer(qa, doc, place++, ref, reflen,
			    w, wlen)) == NULL || node_seq_push(doc, ans, a) != 0)
				goto nomem;
		} else if (QUICK_LINE(p, end, "  - respondent: ", &w, &wlen,
		    &next)) {
			if ((resp = node_map(doc)) == NULL ||
			    (k = node_scalar(doc, w, wlen)) == NULL ||
			    node_map_set(doc, resp, "respondent", k) != 0 ||
			    node_seq_push(doc, seq, resp) != 0)
				goto nomem;
			ans = NULL;
			place = 0;
		} else if (resp != NULL && ans == NULL &&
		    (size_t)(end - p) >= 13 &&
		    memcmp(p, "    answers:\n", 13) == 0) {
			if ((ans = node_seq(doc)) == NULL ||
			    node_map_set(doc, resp, "answers", ans) != 0)
				goto nomem;
			next = p + 13;
		} else
			goto done;
		p = next;
	}
	/* every respondent has its answers */
	if (resp != NULL && ans == NULL)
		goto done;
	*pp = p;
	r = 0;
	goto done;
nomem:
	r = NC_ENOMEM;
done:
	free(qa);
	return r;
}

/* Parse len bytes as a mapping without a problem; NULL if not. */
static struct ydoc *
quick_parse(const char *buf, size_t len, const char *name)
{
	struct diags	 d = DIAGS_INIT;
	struct ydoc	*doc = NULL;
	struct node	*root;

	if (ydoc_parse(&doc, buf, len, name, &d) != 0 || d.n > 0 ||
	    doc == NULL || (root = ydoc_root(doc)) == NULL ||
	    root->kind != NODE_MAP) {
		ydoc_free(doc);
		doc = NULL;
	}
	diags_free(&d);
	error_clear();
	return doc;
}

/*
 * A self-check record read by the quick reader, when it can: 1 with *out
 * set, 0 when it cannot (then the caller loads the file as before; *out
 * is NULL), NC_ENOMEM.  Files of another kind are left to the caller.
 */
static int
quick_self(struct record **out, struct store *st, const struct recref *ref)
{
	static const char	 key[] = "responses:\n";
	struct record		*rec = NULL;
	struct ydoc		*doc = NULL;
	struct node		*seq;
	char			*path = NULL, *rest = NULL;
	const struct node	*root;
	const char		*buf, *p, *q, *end, *kind;
	size_t			 hlen, hlines, got, i;
	int			 r = 0;

	*out = NULL;
	if ((path = store_path(st, ref->relpath)) == NULL)
		return NC_ENOMEM;
	/*
	 * Whatever cannot be read here, the caller's load reports.  The
	 * process's read buffer (fileio.h): nothing reads another file
	 * before the tree is made, and the tree holds copies.
	 */
	if (fileio_read_shared(path, NODE_MAX_BYTES, &buf, &got) != 0) {
		error_clear();
		goto done;
	}
	if (got == 0)
		goto done;
	end = buf + got;
	/* the block: "responses:" at the start of a line */
	for (p = buf; p != NULL; p = memchr(p, '\n', (size_t)(end - p)),
	    p = p != NULL ? p + 1 : NULL) {
		if ((size_t)(end - p) >= sizeof key - 1 &&
		    memcmp(p, key, sizeof key - 1) == 0)
			break;
	}
	if (p == NULL)
		goto done;
	hlen = (size_t)(p - buf);
	p += sizeof key - 1;
	/* its end: the first line that does not start with a space */
	for (q = p; q < end && *q == ' '; q++) {
		if ((q = memchr(q, '\n', (size_t)(end - q))) == NULL)
			goto done;	/* a last line without a break */
	}
	/*
	 * which must be the end of the file or a plain key: an empty or a
	 * comment line may be followed by more of the block
	 */
	if (q < end && !((*q >= 'a' && *q <= 'z') || (*q >= 'A' &&
	    *q <= 'Z') || *q == '_'))
		goto done;
	/* the head's lines, which must end in LF alone (below) */
	for (hlines = 0, i = 0; i < hlen; i++) {
		if (buf[i] == '\n')
			hlines++;
		else if (buf[i] == '\r' || (unsigned char)buf[i] == 0xc2 ||
		    (unsigned char)buf[i] == 0xe2) {
			/* maybe CR, NEL, LS or PS: another line break */
			if (buf[i] == '\r' || (i + 1 < hlen &&
			    (unsigned char)buf[i + 1] == 0x85) ||
			    (i + 2 < hlen && (unsigned char)buf[i + 1] ==
			    0x80 && ((unsigned char)buf[i + 2] == 0xa8 ||
			    (unsigned char)buf[i + 2] == 0xa9)))
				goto done;
		}
	}
	/* head and tail as one document */
	if ((rest = malloc(hlen + (size_t)(end - q) + 1)) == NULL)
		goto nomem;
	memcpy(rest, buf, hlen);
	memcpy(rest + hlen, q, (size_t)(end - q));
	if ((doc = quick_parse(rest, hlen + (size_t)(end - q),
	    ref->relpath)) == NULL ||
	    node_get(ydoc_root(doc), "responses") != NULL ||
	    (kind = node_get_str(ydoc_root(doc), "kind")) == NULL ||
	    strcmp(kind, ck_kind_name(CK_SELF)) != 0)
		goto done;
	/*
	 * Nothing was open at the end of the head (a quoted scalar, a flow
	 * collection), so `responses:` is a top-level key, as in a full
	 * parse: the tail's first line, a plain key at the start of the
	 * line after the head, is a key of the top-level mapping there.  (A
	 * scalar or collection left open in the head would have taken that
	 * line in.)  Without a tail the document is the head, which parsed
	 * as a complete mapping.  Line numbers are libyaml's, which count
	 * the head's LFs, the only breaks in it.
	 */
	if (q < end) {
		root = ydoc_root(doc);
		for (i = 0; i < root->n; i++)
			if (root->u.pairs[i].key->line == hlines + 1 &&
			    root->u.pairs[i].key->col == 1)
				break;
		if (i == root->n)
			goto done;
	}
	/* the block, into that document's tree */
	if ((seq = node_seq(doc)) == NULL)
		goto nomem;
	if ((r = quick_responses(doc, seq, &p, q)) != 0 || p != q) {
		if (r == NC_ENOMEM)
			goto nomem;
		r = 0;
		goto done;
	}
	if (node_map_set(doc, ydoc_root(doc), "responses", seq) != 0 ||
	    (rec = calloc(1, sizeof *rec)) == NULL ||
	    (rec->relpath = strdup(ref->relpath)) == NULL)
		goto nomem;
	rec->kind = ref->kind;
	rec->doc = doc;
	doc = NULL;
	*out = rec;
	rec = NULL;
	r = 1;
	goto done;
nomem:
	r = error_set(NC_ENOMEM, "out of memory");
done:
	record_free(rec);
	ydoc_free(doc);
	free(rest);
	free(path);
	return r;
}

/*
 * The submissions of fy of each of the n kinds into ys[i], the folder
 * read once; the records of other kinds are not parsed (issue 15).
 */
static int
scan_year(struct year *const *ys, const enum ck_kind *kinds, size_t n,
    struct store *st, int fy, struct diags *d)
{
	const struct schema	*sch;
	struct reclist		 l = RECLIST_INIT;
	struct record		*rec;
	const char		*names[3], *k;
	size_t			 i, j;
	int			 r, want;

	for (j = 0; j < n; j++)
		names[j] = ck_kind_name(kinds[j]);
	if ((r = store_kind(&sch, st, "checklist")) != 0 ||
	    (r = store_scan(&l, st, sch, fy, d)) != 0)
		return r;
	for (j = 0; j < n; j++) {
		if ((ys[j]->recs = calloc(l.n + 1, sizeof *ys[j]->recs)) ==
		    NULL) {
			r = error_set(NC_ENOMEM, "out of memory");
			goto done;
		}
	}
	for (j = 0; j < n && kinds[j] != CK_SELF; j++)
		;
	want = j < n;
	for (i = 0; i < l.n; i++) {
		rec = NULL;
		/*
		 * Only when self checks are wanted: to skip them, the leading
		 * fields record_load_where_in() reads cost less (measured).
		 */
		if (want && (r = quick_self(&rec, st, &l.v[i])) < 0)
			goto done;
		if (rec == NULL && (r = record_load_where_in(&rec, st, &l.v[i],
		    d, "kind", names, n)) != 0)
			goto done;
		r = 0;
		if (rec == NULL)
			continue;
		k = node_get_str(record_root(rec), "kind");
		for (j = 0; k != NULL && j < n; j++)
			if (strcmp(k, names[j]) == 0)
				break;
		if (k == NULL || j == n) {
			record_free(rec);
			continue;
		}
		ys[j]->recs[ys[j]->nrecs++] = rec;
	}
done:
	reclist_free(&l);
	return r;
}

static int
load_year(struct year *y, struct store *st, const struct ck_orgs *orgs,
    enum ck_kind kind, int fy, int required, struct diags *d)
{
	int	r;

	if ((r = year_init(y, st, orgs, kind, fy, required)) != 0)
		return r;
	return scan_year(&y, &kind, 1, st, fy, d);
}

/* Tally a year: items, divisions; returns per-division record lists. */
static void
tally_year(struct year *y, const struct ck_orgs *orgs, enum ck_kind kind,
    int *submitted, struct ck_div_stat *divs)
{
	struct tally_memo	 memo[TALLY_MEMO];
	const struct ck_org	*org;
	const struct node	*root, *resp;
	const char		*s;
	size_t			 i, j;

	memset(memo, 0, sizeof memo);

	for (i = 0; i < y->nrecs; i++) {
		root = record_root(y->recs[i]);
		if ((s = node_get_str(root, "org")) == NULL ||
		    (org = strmap_get(orgs->bycode, s)) == NULL)
			continue;
		if (!submitted[org->index])
			y->nsub++;
		submitted[org->index] = 1;
		if (kind == CK_SELF) {
			resp = node_get(root, "responses");
			for (j = 0; resp != NULL && resp->kind == NODE_SEQ &&
			    j < resp->n; j++)
				tally_answers(y, node_get(resp->u.items[j],
				    "answers"), org->index, memo);
			if (divs != NULL && resp != NULL &&
			    resp->kind == NODE_SEQ)
				divs[org->index].respondents += resp->n;
			if (divs != NULL && (s = node_get_str(root,
			    "staff_total")) != NULL)
				divs[org->index].staff_total = atoi(s);
		} else
			tally_answers(y, node_get(root, "answers"),
			    org->index, memo);
		if (divs != NULL && (s = node_get_str(root, "submitted")) !=
		    NULL && (divs[org->index].submitted_on == NULL ||
		    strcmp(s, divs[org->index].submitted_on) > 0))
			divs[org->index].submitted_on = s;
		/*
		 * A 課 submits a contractor's sheet a contract and a stage:
		 * its submitted_on is its last, the year's first sheet may
		 * be an earlier one of the same 課.
		 */
		if ((s = node_get_str(root, "submitted")) != NULL) {
			if (y->first_on == NULL || strcmp(s, y->first_on) < 0)
				y->first_on = s;
			if (y->last_on == NULL || strcmp(s, y->last_on) > 0)
				y->last_on = s;
		}
	}
}

void
ck_deviation(double *out, const double *x, size_t n, double *mean,
    double *sd)
{
	double	sum = 0, sq = 0, m, s;
	size_t	i, k = 0;

	for (i = 0; i < n; i++) {
		if (isnan(x[i]))
			continue;
		sum += x[i];
		k++;
	}
	m = k > 0 ? sum / (double)k : NAN;
	for (i = 0; i < n; i++) {
		if (!isnan(x[i]))
			sq += (x[i] - m) * (x[i] - m);
	}
	s = k > 0 ? sqrt(sq / (double)k) : NAN;
	for (i = 0; i < n; i++) {
		if (isnan(x[i]))
			out[i] = NAN;
		else if (s == 0)
			out[i] = 50;
		else
			out[i] = 50 + 10 * (x[i] - m) / s;
	}
	if (mean != NULL)
		*mean = m;
	if (sd != NULL)
		*sd = s;
}

static double
item_rate(const size_t *c, size_t *nout)
{
	double		sum = 0;
	size_t		n = 0;
	enum ck_value	v;

	for (v = 0; v < CK_NVALUES; v++) {
		if (ck_value_score(v) < 0)
			continue;
		sum += ck_value_score(v) * (double)c[v];
		n += c[v];
	}
	if (nout != NULL)
		*nout = n;
	return n > 0 ? sum / (double)n : NAN;
}

double
ck_same_rate(const struct ck_stats *s, size_t *nitems)
{
	size_t		c[CK_NVALUES], i, k = 0;
	enum ck_value	v;

	memset(c, 0, sizeof c);
	for (i = 0; s != NULL && s->has_prev && i < s->set->nitems; i++) {
		const struct ck_item_stat *is = &s->items[i];

		if (isnan(is->prev) || isnan(is->rate))
			continue;
		k++;
		/* the answers themselves, pooled as an item's are */
		for (v = 0; v < CK_NVALUES; v++)
			c[v] += is->counts[v];
	}
	if (nitems != NULL)
		*nitems = k;
	return item_rate(c, NULL);
}

double
ck_same_rate_shown(const struct ck_stats *s, size_t *nitems)
{
	size_t	nsame, nrated = 0, i;
	double	same = ck_same_rate(s, &nsame);

	if (nitems != NULL)
		*nitems = nsame;
	if (s == NULL || isnan(same) || isnan(s->prev_rate))
		return NAN;
	for (i = 0; i < s->set->nitems; i++)
		nrated += !isnan(s->items[i].rate);
	return nsame < nrated ? same : NAN;
}

char *
ck_dept_label(const struct ck_dept_stat *d)
{
	char	*out;
	size_t	 size = strlen(d->name) + 64;

	if ((out = malloc(size)) == NULL)
		return NULL;
	if (d->nsubmitted > 0 && d->nsubmitted < d->ndiv)
		snprintf(out, size, "%s（提出%zu課／%zu課）", d->name,
		    d->nsubmitted, d->ndiv);
	else
		snprintf(out, size, "%s", d->name);
	return out;
}

static int
ck_cmp_desc(const void *a, const void *b)
{
	double	x = *(const double *)a, y = *(const double *)b;

	return x > y ? -1 : x < y ? 1 : 0;
}

static const struct ck_stats *lowest_of;

static int
cmp_lowest(const void *a, const void *b)
{
	const struct ck_item_stat	*x, *y;

	x = &lowest_of->items[*(const size_t *)a];
	y = &lowest_of->items[*(const size_t *)b];

	if (isnan(x->rate) != isnan(y->rate))
		return isnan(x->rate) ? 1 : -1;
	if (!isnan(x->rate) && x->rate != y->rate)
		return x->rate < y->rate ? -1 : 1;
	return x->item->index < y->item->index ? -1 :
	    x->item->index > y->item->index;
}

size_t *
ck_stats_lowest(const struct ck_stats *s)
{
	size_t	*v, i;

	if ((v = calloc(s->set->nitems + 1, sizeof *v)) == NULL) {
		error_set(NC_ENOMEM, "out of memory");
		return NULL;
	}
	for (i = 0; i < s->set->nitems; i++)
		v[i] = i;
	/* qsort has no context argument; the module is single-threaded */
	lowest_of = s;
	qsort(v, s->set->nitems, sizeof *v, cmp_lowest);
	lowest_of = NULL;
	return v;
}

static int
cmp_gap_item(const void *a, const void *b)
{
	const struct ck_item	*x = *(const struct ck_item *const *)a;
	const struct ck_item	*y = *(const struct ck_item *const *)b;

	return x->index < y->index ? -1 : x->index > y->index;
}

static int
cmp_str(const char *a, const char *b)
{
	return strcmp(a != NULL ? a : "", b != NULL ? b : "");
}

/*
 * The 「いいえ」 list as a reader looks a 課 up: in the organisation
 * order of the 課別 sheets (it was the records' order, 建築・開発担当部
 * before 区長室), then by contract, stage and item No.; the record id
 * last, so that the order never depends on how the files were read.
 */
static int
cmp_gap(const void *a, const void *b)
{
	const struct ck_gap	*x = a, *y = b;
	int			 c;

	if (x->org_index != y->org_index)
		return x->org_index < y->org_index ? -1 : 1;
	if ((c = cmp_str(x->org_name, y->org_name)) != 0 ||
	    (c = cmp_str(x->contract, y->contract)) != 0)
		return c;
	if (x->stage != y->stage)
		return x->stage < y->stage ? -1 : 1;
	if (x->items[0]->index != y->items[0]->index)
		return x->items[0]->index < y->items[0]->index ? -1 : 1;
	return cmp_str(x->id, y->id);
}

static int
vendor_stats(struct ck_stats *s, struct year *y, const struct ck_orgs *orgs)
{
	const struct node	*root, *ans, *a;
	const struct ck_item	*it;
	const struct ck_org	*org;
	enum ck_stage		 sg;
	enum ck_value		 v;
	size_t			 i, j, k;
	double			 sum[CK_NSTAGES] = { 0 };

	for (k = 0; k < CK_NSTAGES; k++) {
		s->stages[k].yes = calloc(y->set->nitems + 1, sizeof(size_t));
		s->stages[k].answered = calloc(y->set->nitems + 1,
		    sizeof(size_t));
		if (s->stages[k].yes == NULL || s->stages[k].answered == NULL)
			return error_set(NC_ENOMEM, "out of memory");
	}
	if ((s->gaps = calloc(y->nrecs + 1, sizeof *s->gaps)) == NULL)
		return error_set(NC_ENOMEM, "out of memory");
	for (i = 0; i < y->nrecs; i++) {
		struct ck_gap	*g = &s->gaps[s->ngaps];

		root = record_root(y->recs[i]);
		if (node_get_str(root, "stage") == NULL ||
		    ck_stage_parse(&sg, node_get_str(root, "stage")) != 0)
			continue;
		s->stages[sg].nsheets++;
		ans = node_get(root, "answers");
		memset(g, 0, sizeof *g);
		for (j = 0; ans != NULL && ans->kind == NODE_SEQ &&
		    j < ans->n; j++) {
			a = ans->u.items[j];
			if ((it = ck_set_item(y->set, node_get_str(a, "ref") ?
			    node_get_str(a, "ref") : "")) == NULL ||
			    value_of(&v, node_get_str(a, "value")) != 0 ||
			    ck_value_score(v) < 0)
				continue;
			s->stages[sg].answered[it->index]++;
			s->stages[sg].n++;
			sum[sg] += ck_value_score(v);
			if (ck_value_score(v) == 1) {
				s->stages[sg].yes[it->index]++;
				continue;
			}
			if (g->items == NULL && (g->items = calloc(ans->n + 1,
			    sizeof *g->items)) == NULL)
				return error_set(NC_ENOMEM, "out of memory");
			g->items[g->nitems++] = it;
		}
		if (g->nitems > 0) {
			g->org = node_get_str(root, "org");
			org = g->org ? strmap_get(orgs->bycode, g->org) : NULL;
			g->org_index = org != NULL ? org->index : SIZE_MAX;
			g->org_name = org != NULL ? org->name : g->org;
			g->contract = node_get_str(root, "contract");
			g->vendor = node_get_str(root, "vendor");
			g->stage = sg;
			g->id = record_id(y->recs[i]);
			qsort(g->items, g->nitems, sizeof *g->items,
			    cmp_gap_item);
			s->ngaps++;
		}
	}
	qsort(s->gaps, s->ngaps, sizeof *s->gaps, cmp_gap);
	for (k = 0; k < CK_NSTAGES; k++)
		s->stages[k].rate = s->stages[k].n > 0 ? sum[k] /
		    (double)s->stages[k].n : NAN;
	return 0;
}

static int
stats_new(struct ck_stats **out, struct store *st, enum ck_kind kind, int fy)
{
	struct ck_stats	*s;
	struct priv	*p;
	int		 r;

	*out = NULL;
	if ((s = calloc(1, sizeof *s)) == NULL ||
	    (p = calloc(1, sizeof *p)) == NULL) {
		free(s);
		return error_set(NC_ENOMEM, "out of memory");
	}
	s->priv = p;
	s->kind = kind;
	s->fy = fy;
	if ((r = ck_orgs_load(&p->orgs, st)) != 0) {
		ck_stats_free(s);
		return r;
	}
	*out = s;
	return 0;
}

static int	aggregate(struct ck_stats *, struct store *, int, struct diags *);

int
ck_aggregate(struct ck_stats **out, struct store *st, enum ck_kind kind,
    int fy, struct diags *d)
{
	struct ck_stats	*s;
	struct priv	*p;
	int		 r;

	*out = NULL;
	if ((r = stats_new(&s, st, kind, fy)) != 0)
		return r;
	p = s->priv;
	if ((r = load_year(&p->cur, st, p->orgs, kind, fy, 1, d)) != 0 ||
	    (r = aggregate(s, st, 1, d)) != 0) {
		ck_stats_free(s);
		return r;
	}
	*out = s;
	return 0;
}

int
ck_aggregate_with_self(struct ck_stats **out, struct ck_stats **self,
    struct store *st, int fy, struct diags *d)
{
	static const enum ck_kind kinds[] = { CK_DEPARTMENT, CK_SELF };
	struct ck_stats	*s = NULL, *t = NULL;
	struct priv	*p, *q;
	struct year	*ys[2];
	int		 r;

	*out = *self = NULL;
	if ((r = stats_new(&s, st, CK_DEPARTMENT, fy)) != 0 ||
	    (r = stats_new(&t, st, CK_SELF, fy)) != 0)
		goto fail;
	p = s->priv;
	q = t->priv;
	if ((r = year_init(&p->cur, st, p->orgs, CK_DEPARTMENT, fy, 1)) != 0)
		goto fail;
	/* no self-check item set: a report without the self check */
	if ((r = year_init(&q->cur, st, q->orgs, CK_SELF, fy, 0)) < 0)
		goto fail;
	if (r == 1) {
		ck_stats_free(t);
		t = NULL;
	}
	ys[0] = &p->cur;
	ys[1] = t != NULL ? &q->cur : NULL;
	if ((r = scan_year(ys, kinds, t != NULL ? 2 : 1, st, fy, d)) != 0 ||
	    (r = aggregate(s, st, 1, d)) != 0 ||
	    (t != NULL && (r = aggregate(t, st, 0, d)) != 0))
		goto fail;
	*out = s;
	*self = t;
	return 0;
fail:
	ck_stats_free(s);
	ck_stats_free(t);
	return r;
}

/* A score as the documents show it, to the tenth, half up (76.65: 76.7). */
static double
shown(double x)
{
	return text_round_half(x, 10);
}

/* The statistics of s's year, loaded; with the previous year's if prev. */
static int
aggregate(struct ck_stats *s, struct store *st, int prev, struct diags *d)
{
	struct priv	*p = s->priv;
	enum ck_kind	 kind = s->kind;
	int		 fy = s->fy;
	int		*sub = NULL, *psub = NULL, r = 1;
	double		*score = NULL, *dev = NULL;
	size_t		 i, j;

	if (prev && (r = load_year(&p->prev, st, p->orgs, kind, fy - 1, 0,
	    d)) < 0)
		goto fail;
	s->has_prev = r == 0;
	s->set = p->cur.set;
	s->ndiv = p->orgs->n;
	s->ndepts = p->orgs->ndepts;
	s->items = calloc(s->set->nitems + 1, sizeof *s->items);
	s->divs = calloc(s->ndiv + 1, sizeof *s->divs);
	s->depts = calloc(s->ndepts + 1, sizeof *s->depts);
	sub = calloc(s->ndiv + 1, sizeof *sub);
	psub = calloc(s->ndiv + 1, sizeof *psub);
	score = calloc(s->ndiv + 1, sizeof *score);
	dev = calloc(s->ndiv + 1, sizeof *dev);
	if (s->items == NULL || s->divs == NULL || s->depts == NULL ||
	    sub == NULL || psub == NULL || score == NULL || dev == NULL) {
		r = error_set(NC_ENOMEM, "out of memory");
		goto fail;
	}
	for (i = 0; i < s->ndiv; i++) {
		s->divs[i].org = &p->orgs->v[i];
		/* The form's count, else orgs.yaml's headcount, else -1. */
		s->divs[i].staff_total = p->orgs->v[i].headcount >= 0 ?
		    (int)p->orgs->v[i].headcount : -1;
	}
	tally_year(&p->cur, p->orgs, kind, sub, s->divs);
	if (s->has_prev)
		tally_year(&p->prev, p->orgs, kind, psub, NULL);
	s->nsubmitted = p->cur.nsub;
	s->rate = p->cur.n > 0 ? p->cur.sum / (double)p->cur.n : NAN;
	s->prev_rate = s->has_prev && p->prev.n > 0 ? p->prev.sum /
	    (double)p->prev.n : NAN;
	s->nanswers = p->cur.n;
	s->prev_nanswers = s->has_prev ? p->prev.n : 0;
	if (s->has_prev) {
		s->prev_set = p->prev.set;
		if ((s->prev_items = calloc(p->prev.set->nitems + 1,
		    sizeof *s->prev_items)) == NULL) {
			r = error_set(NC_ENOMEM, "out of memory");
			goto fail;
		}
		for (i = 0; i < p->prev.set->nitems; i++)
			s->prev_items[i] = item_rate(p->prev.counts[i], NULL);
	}

	/*
	 * items, compared with last year's item of the same ref and the
	 * same words only: a catalog that rewords a question under its old
	 * code asks another question, and pairing by the code printed
	 * another item's rate as 前年度 (all 50 of the 令和9年度 department
	 * check).  Any change of the words counts, as `checklist diff`
	 * calls it 文言変更: one character turns している into していない,
	 * and the reports say how many were left out.
	 */
	for (i = 0; i < s->set->nitems; i++) {
		struct ck_item_stat	*is = &s->items[i];
		const struct ck_item	*pi;

		is->item = &s->set->items[i];
		memcpy(is->counts, p->cur.counts[i], sizeof is->counts);
		is->rate = item_rate(is->counts, &is->n);
		is->prev = NAN;
		if (!s->has_prev || (pi = ck_set_item(p->prev.set,
		    is->item->ref)) == NULL)
			continue;
		if (strcmp(pi->text, is->item->text) != 0) {
			is->reworded = 1;
			s->nreworded++;
			continue;
		}
		is->in_prev = 1;
		is->prev = item_rate(p->prev.counts[pi->index], &is->prev_n);
		if (isnan(is->prev))
			continue;
		s->ncompared++;
		is->recategorised = strcmp(pi->category, is->item->category)
		    != 0;
	}
	/*
	 * With no item the same, no comparison at all: last year's overall
	 * rate and scores are over other questions.
	 */
	if (s->has_prev && s->ncompared == 0)
		s->prev_rate = NAN;

	/* divisions: score, 偏差値, rank */
	for (i = 0; i < s->ndiv; i++) {
		struct ck_div_stat	*ds = &s->divs[i];

		ds->submitted = sub[i];
		ds->score = sub[i] && p->cur.dw[i] > 0 ? 100 * p->cur.dsum[i] /
		    p->cur.dw[i] : NAN;
		ds->prev = s->has_prev && s->ncompared > 0 && psub[i] &&
		    p->prev.dw[i] > 0 ?
		    100 * p->prev.dsum[i] / p->prev.dw[i] : NAN;
		score[i] = ds->score;
		if (kind == CK_SELF)
			s->nrespondents += ds->respondents;
	}
	s->first_submitted = p->cur.first_on;
	s->last_submitted = p->cur.last_on;
	ck_deviation(dev, score, s->ndiv, &s->mean, &s->sd);
	for (i = 0; i < s->ndiv; i++)
		s->divs[i].deviation = dev[i];
	/*
	 * rank: 1 + the number of divisions with a higher score, as shown
	 * (to the tenth): two 91.8 had been ranked 9 and 10
	 */
	{
		double	*v = calloc(s->ndiv + 1, sizeof *v);
		size_t	 n = 0, lo, hi, mid;

		if (v == NULL) {
			r = error_set(NC_ENOMEM, "out of memory");
			goto fail;
		}
		for (i = 0; i < s->ndiv; i++) {
			if (!isnan(score[i]))
				v[n++] = shown(score[i]);
		}
		qsort(v, n, sizeof *v, ck_cmp_desc);
		for (i = 0; i < s->ndiv; i++) {
			if (isnan(score[i]))
				continue;
			/* first position holding a score <= this one */
			lo = 0;
			hi = n;
			while (lo < hi) {
				mid = (lo + hi) / 2;
				if (v[mid] > shown(score[i]))
					lo = mid + 1;
				else
					hi = mid;
			}
			s->divs[i].rank = lo + 1;
		}
		free(v);
	}

	/* departments: the mean of their divisions' scores */
	for (j = 0; j < s->ndepts; j++) {
		s->depts[j].code = p->orgs->depts[j];
		s->depts[j].name = p->orgs->dept_names[j];
		s->depts[j].score = s->depts[j].min = s->depts[j].max = NAN;
		s->depts[j].prev = NAN;
	}
	{
		double	*sum = calloc(s->ndepts + 1, sizeof *sum);
		double	*psum = calloc(s->ndepts + 1, sizeof *psum);
		size_t	*pn = calloc(s->ndepts + 1, sizeof *pn);

		if (sum == NULL || psum == NULL || pn == NULL) {
			free(sum);
			free(psum);
			free(pn);
			r = error_set(NC_ENOMEM, "out of memory");
			goto fail;
		}
		for (i = 0; i < s->ndiv; i++) {
			struct ck_dept_stat	*ds;

			ds = &s->depts[s->divs[i].org->dept_index];
			ds->ndiv++;
			if (!s->divs[i].submitted || isnan(s->divs[i].score))
				continue;
			/*
			 * Last year's mean of the same divisions: with those
			 * that did not submit this year, 議会事務局 seemed to
			 * fall 67.4 -> 62.9 where its one division rose.
			 */
			if (!isnan(s->divs[i].prev)) {
				psum[s->divs[i].org->dept_index] +=
				    shown(s->divs[i].prev);
				pn[s->divs[i].org->dept_index]++;
			}
			ds->nsubmitted++;
			/* the mean of the scores as shown, as a reader checks it */
			sum[s->divs[i].org->dept_index] +=
			    shown(s->divs[i].score);
			if (isnan(ds->min) || s->divs[i].score < ds->min)
				ds->min = s->divs[i].score;
			if (isnan(ds->max) || s->divs[i].score > ds->max)
				ds->max = s->divs[i].score;
		}
		/*
		 * and held as shown: the workbook's cell, the report's text
		 * and the decks' labels each rounded 76.65 their own way
		 * (76.6 in the 集計表, 76.7 in the 最終報告書)
		 */
		for (j = 0; j < s->ndepts; j++) {
			if (s->depts[j].nsubmitted > 0)
				s->depts[j].score = shown(sum[j] /
				    (double)s->depts[j].nsubmitted);
			if (pn[j] > 0)
				s->depts[j].prev = shown(psum[j] /
				    (double)pn[j]);
		}
		free(sum);
		free(psum);
		free(pn);
	}
	if (kind == CK_VENDOR && (r = vendor_stats(s, &p->cur, p->orgs)) != 0)
		goto fail;
	r = 0;
fail:
	free(sub);
	free(psub);
	free(score);
	free(dev);
	return r;
}
