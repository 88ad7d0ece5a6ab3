/*
 * The YAML reader and writer (lib/core/node.c): any bytes are read without
 * a crash, an overrun or undefined behaviour, each refusal with a problem
 * at a position; a tree the reader accepts is written, the writing is read
 * back as the same tree (texts, nulls, shape), and written again as the
 * same bytes.  The quick reader (ydoc_parse_fields(), for 'list') gives
 * the full parse's fields.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "error.h"
#include "node.h"
#include "schema.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static void
die(const char *what, const struct buf *out)
{
	fprintf(stderr, "fuzz_yaml: %s (last error: %s)\n", what,
	    error_last());
	if (out != NULL && out->data != NULL)
		fprintf(stderr, "--- written:\n%s\n---\n", out->data);
	abort();
}

/* Keys are texts, whatever their style (node_get() compares the text). */
static int
same_key(const struct node *a, const struct node *b)
{
	return a->u.s.len == b->u.s.len &&
	    memcmp(a->u.s.str, b->u.s.str, a->u.s.len) == 0;
}

/*
 * Same texts, same shape, same meaning: a null stays null, a number or a
 * boolean stays one, a text stays a text (its style may change: a block
 * or plain text may come back quoted, or plain).
 */
static int
same(const struct node *a, const struct node *b)
{
	size_t	i;

	if (a == NULL || b == NULL)
		return a == b;
	if (a->kind != b->kind)
		return 0;
	if (a->kind == NODE_SCALAR && node_is_null(a))
		return node_is_null(b);		/* "", ~, null: all null */
	if (a->kind == NODE_SCALAR)
		return a->u.s.len == b->u.s.len &&
		    memcmp(a->u.s.str, b->u.s.str, a->u.s.len) == 0 &&
		    !node_is_null(b) &&
		    schema_scalar_type(a) == schema_scalar_type(b);
	if (a->n != b->n)
		return 0;
	for (i = 0; i < a->n; i++) {
		if (a->kind == NODE_MAP ? !same_key(a->u.pairs[i].key,
		    b->u.pairs[i].key) || !same(a->u.pairs[i].value,
		    b->u.pairs[i].value) : !same(a->u.items[i], b->u.items[i]))
			return 0;
	}
	return 1;
}

/* The quick reader asked for the first and last key and one not there. */
static void
quick(const char *data, size_t size, const struct node *root)
{
	struct ydoc	*q;
	const char	*want[3];
	size_t		 n = 0, i;

	if (root == NULL || root->kind != NODE_MAP || root->n == 0)
		return;
	want[n++] = root->u.pairs[root->n - 1].key->u.s.str;
	want[n++] = "fuzz-absent";
	want[n++] = root->u.pairs[0].key->u.s.str;
	if (ydoc_parse_fields(&q, data, size, "f", NULL, want, n) != 0)
		die("the quick reader refuses what the full parse accepts",
		    NULL);
	for (i = 0; i < n; i++) {
		const struct node *a = node_get(root, want[i]);
		const struct node *b = node_get(ydoc_root(q), want[i]);

		if (a == NULL ? b != NULL : b == NULL || !same(a, b) ||
		    !same(b, a))
			die("the quick reader reads another field", NULL);
	}
	ydoc_free(q);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct ydoc	*doc = NULL, *back = NULL;
	struct diags	 d = DIAGS_INIT;
	struct buf	 out = BUF_INIT, again = BUF_INIT;
	size_t		 i;
	int		 rc;

	rc = ydoc_parse(&doc, (const char *)data, size, "f.yaml", &d);
	if (rc != 0) {
		/* A refusal says where, unless it is out of memory. */
		if (rc != NC_ENOMEM && d.n == 0)
			die("refused without a problem", NULL);
		for (i = 0; i < d.n; i++)
			if (strcmp(d.v[i].path, "f.yaml") != 0 ||
			    d.v[i].msg[0] == '\0')
				die("a problem without its file", NULL);
		goto done;
	}
	if (d.n != 0)
		die("accepted with problems", NULL);
	if (ydoc_root(doc) == NULL)
		goto done;	/* an empty stream */
	quick((const char *)data, size, ydoc_root(doc));
	if (node_emit(&out, ydoc_root(doc)) != 0) {
		/* Escapes can make a record grow past the size limit. */
		if (strstr(error_last(), "at most 4 MiB") != NULL)
			goto done;
		die("cannot write what was read", NULL);
	}
	if (ydoc_parse(&back, out.data, out.len, "back.yaml", &d) != 0)
		die(d.n > 0 ? d.v[0].msg : "the reader refuses the writing",
		    &out);
	if (!same(ydoc_root(doc), ydoc_root(back)))
		die("read back as another tree", &out);
	if (node_emit(&again, ydoc_root(back)) != 0)
		die("cannot write it again", &out);
	if (again.len != out.len || memcmp(again.data, out.data, out.len) != 0)
		die("the second writing differs", &out);
done:
	ydoc_free(doc);
	ydoc_free(back);
	diags_free(&d);
	buf_free(&out);
	buf_free(&again);
	return 0;
}
