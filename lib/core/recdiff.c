/*
 * Field-by-field comparison of two YAML trees: see recdiff.h.
 */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "error.h"
#include "recdiff.h"

/* Above this many item pairs, sequences are aligned in order only. */
#define LCS_MAX_CELLS	(1u << 20)

int
recdiff_equal(const struct node *a, const struct node *b)
{
	const struct node	*bv;
	size_t			 i;

	if (a == b)
		return 1;
	if (a == NULL || b == NULL || a->kind != b->kind || a->n != b->n)
		return 0;
	switch (a->kind) {
	case NODE_SCALAR:
		return a->u.s.len == b->u.s.len &&
		    memcmp(a->u.s.str, b->u.s.str, a->u.s.len) == 0;
	case NODE_SEQ:
		for (i = 0; i < a->n; i++)
			if (!recdiff_equal(a->u.items[i], b->u.items[i]))
				return 0;
		return 1;
	case NODE_MAP:
		/* Same keys (no duplicates in plain data), any order. */
		for (i = 0; i < a->n; i++) {
			bv = node_get(b, a->u.pairs[i].key->u.s.str);
			if (bv == NULL || !recdiff_equal(a->u.pairs[i].value,
			    bv))
				return 0;
		}
		return 1;
	}
	return 0;
}

static int
add(struct recdiff *d, enum recdiff_op op, const struct buf *path,
    const struct node *old, const struct node *new)
{
	struct recdiff_change	*nv;
	char			*p;

	if (d->n == d->cap) {
		if ((nv = realloc(d->v, (d->cap * 2 + 8) * sizeof *nv)) ==
		    NULL)
			return error_set(NC_ENOMEM, "out of memory");
		d->v = nv;
		d->cap = d->cap * 2 + 8;
	}
	if ((p = strndup(path->data != NULL ? path->data : "", path->len)) ==
	    NULL)
		return error_set(NC_ENOMEM, "out of memory");
	d->v[d->n].op = op;
	d->v[d->n].path = p;
	d->v[d->n].old = old;
	d->v[d->n].new = new;
	d->n++;
	return 0;
}

/* A key that reads unambiguously after a ".": letters, digits, _ and -. */
static int
plain_key(const char *k)
{
	if (*k == '\0')
		return 0;
	for (; *k != '\0'; k++)
		if (!((*k >= 'a' && *k <= 'z') || (*k >= 'A' && *k <= 'Z') ||
		    (*k >= '0' && *k <= '9') || *k == '_' || *k == '-'))
			return 0;
	return 1;
}

static void
path_key(struct buf *p, const char *k)
{
	const char	*c;

	if (plain_key(k)) {
		if (p->len > 0)
			buf_putc(p, '.');
		buf_puts(p, k);
		return;
	}
	buf_puts(p, "[\"");
	for (c = k; *c != '\0'; c++) {
		if (*c == '"' || *c == '\\')
			buf_putc(p, '\\');
		buf_putc(p, *c);
	}
	buf_puts(p, "\"]");
}

static int compare(struct recdiff *, struct buf *, const struct node *,
    const struct node *);

static int
compare_map(struct recdiff *d, struct buf *path, const struct node *old,
    const struct node *new)
{
	const struct node	*ov;
	const char		*k;
	size_t			 i, mark = path->len;
	int			 rc = 0;

	for (i = 0; rc == 0 && i < new->n; i++) {
		k = new->u.pairs[i].key->u.s.str;
		path_key(path, k);
		if ((ov = node_get(old, k)) == NULL)
			rc = add(d, RECDIFF_ADDED, path, NULL,
			    new->u.pairs[i].value);
		else
			rc = compare(d, path, ov, new->u.pairs[i].value);
		path->len = mark;
	}
	for (i = 0; rc == 0 && i < old->n; i++) {
		k = old->u.pairs[i].key->u.s.str;
		if (node_get(new, k) != NULL)
			continue;
		path_key(path, k);
		rc = add(d, RECDIFF_REMOVED, path, old->u.pairs[i].value, NULL);
		path->len = mark;
	}
	return rc;
}

/* path with "[i+1]" for item i; the caller restores path->len. */
static void
path_item(struct buf *p, size_t i)
{
	buf_printf(p, "[%zu]", i + 1);
}

/*
 * Old items [oa, ob) and new items [na, nb) have no equal item in
 * common: pair them in order (changed), then the rest (removed or added).
 */
static int
compare_run(struct recdiff *d, struct buf *path, const struct node *old,
    size_t oa, size_t ob, const struct node *new, size_t na, size_t nb)
{
	size_t	mark = path->len;
	int	rc = 0;

	while (rc == 0 && (oa < ob || na < nb)) {
		if (oa < ob && na < nb) {
			path_item(path, na);
			rc = compare(d, path, old->u.items[oa++],
			    new->u.items[na++]);
		} else if (oa < ob) {
			path_item(path, oa);
			rc = add(d, RECDIFF_REMOVED, path, old->u.items[oa++],
			    NULL);
		} else {
			path_item(path, na);
			rc = add(d, RECDIFF_ADDED, path, NULL,
			    new->u.items[na++]);
		}
		path->len = mark;
	}
	return rc;
}

static int
compare_seq(struct recdiff *d, struct buf *path, const struct node *old,
    const struct node *new)
{
	size_t		 oa = 0, ob = old->n, na = 0, nb = new->n;
	size_t		 n, m, i, j, w;
	unsigned	*t = NULL;
	int		 rc = 0;

	/* Equal items at both ends are common whatever happens between. */
	while (oa < ob && na < nb &&
	    recdiff_equal(old->u.items[oa], new->u.items[na])) {
		oa++;
		na++;
	}
	while (oa < ob && na < nb &&
	    recdiff_equal(old->u.items[ob - 1], new->u.items[nb - 1])) {
		ob--;
		nb--;
	}
	n = ob - oa;
	m = nb - na;
	if (n == 0 || m == 0 || n * m > LCS_MAX_CELLS / 2 ||
	    (n + 1) * (m + 1) > LCS_MAX_CELLS)
		return compare_run(d, path, old, oa, ob, new, na, nb);
	/* t[i][j]: the longest common subsequence of old[oa+i..], new[na+j..]. */
	w = m + 1;
	if ((t = calloc((n + 1) * w, sizeof *t)) == NULL)
		return error_set(NC_ENOMEM, "out of memory");
	for (i = n; i-- > 0;)
		for (j = m; j-- > 0;) {
			if (recdiff_equal(old->u.items[oa + i],
			    new->u.items[na + j]))
				t[i * w + j] = t[(i + 1) * w + j + 1] + 1;
			else if (t[(i + 1) * w + j] >= t[i * w + j + 1])
				t[i * w + j] = t[(i + 1) * w + j];
			else
				t[i * w + j] = t[i * w + j + 1];
		}
	/* Walk the table: runs between equal items are compared as runs. */
	i = j = 0;
	while (rc == 0 && (i < n || j < m)) {
		size_t	i0 = i, j0 = j;

		while (i < n && j < m && !recdiff_equal(old->u.items[oa + i],
		    new->u.items[na + j])) {
			if (t[(i + 1) * w + j] >= t[i * w + j + 1])
				i++;
			else
				j++;
		}
		if (i == n || j == m) {
			i = n;
			j = m;
		}
		rc = compare_run(d, path, old, oa + i0, oa + i, new, na + j0,
		    na + j);
		if (i < n && j < m) {
			i++;
			j++;
		}
	}
	free(t);
	return rc;
}

static int
compare(struct recdiff *d, struct buf *path, const struct node *old,
    const struct node *new)
{
	if (recdiff_equal(old, new))
		return 0;
	if (old->kind == NODE_MAP && new->kind == NODE_MAP)
		return compare_map(d, path, old, new);
	if (old->kind == NODE_SEQ && new->kind == NODE_SEQ)
		return compare_seq(d, path, old, new);
	return add(d, RECDIFF_CHANGED, path, old, new);
}

int
recdiff_compare(struct recdiff *out, const struct node *old,
    const struct node *new)
{
	struct buf	path = BUF_INIT;
	int		rc;

	if (old == NULL && new == NULL)
		return 0;
	/* An empty path, allocated so path->data is never NULL below. */
	buf_puts(&path, "");
	if (buf_ok(&path) != 0)
		return error_set(NC_ENOMEM, "out of memory");
	if (old == NULL)
		rc = add(out, RECDIFF_ADDED, &path, NULL, new);
	else if (new == NULL)
		rc = add(out, RECDIFF_REMOVED, &path, old, NULL);
	else
		rc = compare(out, &path, old, new);
	if (rc == 0 && buf_ok(&path) != 0)
		rc = error_set(NC_ENOMEM, "out of memory");
	buf_free(&path);
	return rc;
}

void
recdiff_free(struct recdiff *d)
{
	size_t	i;

	for (i = 0; i < d->n; i++)
		free(d->v[i].path);
	free(d->v);
	d->v = NULL;
	d->n = d->cap = 0;
}
