/*
 * The document reader (lib/core/quickdoc.c) against the libyaml reader
 * it stands in for: whatever bytes it takes, libyaml takes without a
 * problem and builds into the same tree (kinds, styles, texts, lines,
 * columns, order); and the written form of every tree libyaml reads
 * (with a non-empty mapping or sequence at the top, not nested near the
 * depth limit) it takes.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "error.h"
#include "node.h"
#include "quickdoc.h"

#include "../unit/nodecmp.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static void
die(const char *what, const char *data, size_t len)
{
	fprintf(stderr, "fuzz_quickdoc: %s (last error: %s)\n--- input:\n",
	    what, error_last());
	fwrite(data, 1, len, stderr);
	fprintf(stderr, "\n---\n");
	abort();
}

/* How many collections deep the tree is. */
static int
depth(const struct node *n)
{
	int	d, max = 0;
	size_t	i;

	if (n->kind == NODE_SCALAR)
		return 0;
	for (i = 0; i < n->n; i++) {
		d = depth(n->kind == NODE_MAP ? n->u.pairs[i].value :
		    n->u.items[i]);
		if (d > max)
			max = d;
	}
	return max + 1;
}

/* 1 when the document reader took it (and agreed with libyaml). */
static int
check(const char *data, size_t len)
{
	struct ydoc	*q = NULL, *s = NULL;
	struct diags	 d = DIAGS_INIT;
	int		 rc;

	if ((rc = quickdoc_parse(&q, data, len)) < 0)
		return 0;	/* out of memory */
	if (rc == 0) {
		if (q != NULL)
			die("declined with a tree", data, len);
		return 0;
	}
	if (ydoc_parse_libyaml(&s, data, len, "f.yaml", &d) != 0 || d.n != 0)
		die("taken, but libyaml refuses it", data, len);
	if (!node_same(ydoc_root(q), ydoc_root(s), NULL, 0))
		die("another tree than libyaml's", data, len);
	ydoc_free(q);
	ydoc_free(s);
	diags_free(&d);
	return 1;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct ydoc		*doc = NULL;
	const struct node	*root;
	struct buf		 out = BUF_INIT;

	check((const char *)data, size);
	if (ydoc_parse_libyaml(&doc, (const char *)data, size, "f.yaml",
	    NULL) == 0 && (root = ydoc_root(doc)) != NULL &&
	    root->kind != NODE_SCALAR && root->n > 0 &&
	    depth(root) <= NODE_MAX_DEPTH / 2 &&
	    node_emit(&out, root) == 0 && !check(out.data, out.len))
		die("the written form declined", out.data, out.len);
	error_clear();
	ydoc_free(doc);
	buf_free(&out);
	return 0;
}
