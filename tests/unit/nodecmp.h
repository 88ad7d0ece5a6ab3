/*
 * Two trees compared node by node, for the tests of the readers that must
 * build the libyaml reader's tree exactly (test_quickhead.c,
 * test_quickdoc.c, tests/fuzz/fuzz_quickdoc.c): kind, style, line,
 * column, size, a scalar's bytes and its terminating NUL, order.
 */
#ifndef NCIO_TEST_NODECMP_H
#define NCIO_TEST_NODECMP_H

#include <stdio.h>
#include <string.h>

#include "node.h"

/* 1 when a and b are the same tree; else why (may be NULL) says where. */
static inline int
node_same(const struct node *a, const struct node *b, char *why,
    size_t size)
{
	size_t	i;

	if (a == NULL || b == NULL) {
		if (why != NULL && a != b)
			snprintf(why, size, "a node is missing");
		return a == b;
	}
	if (a->kind != b->kind || a->style != b->style || a->line != b->line ||
	    a->col != b->col || a->n != b->n || (a->kind == NODE_SCALAR &&
	    (a->u.s.len != b->u.s.len || memcmp(a->u.s.str, b->u.s.str,
	    a->u.s.len) != 0 || a->u.s.str[a->u.s.len] != '\0'))) {
		if (why != NULL)
			snprintf(why, size, "%d/%d at %u:%u (%zu) '%.40s'"
			    " against %d/%d at %u:%u (%zu) '%.40s'", a->kind,
			    a->style, a->line, a->col, a->kind == NODE_SCALAR ?
			    a->u.s.len : a->n, a->kind == NODE_SCALAR ?
			    a->u.s.str : "", b->kind, b->style, b->line, b->col,
			    b->kind == NODE_SCALAR ? b->u.s.len : b->n,
			    b->kind == NODE_SCALAR ? b->u.s.str : "");
		return 0;
	}
	if (a->kind == NODE_SCALAR)
		return 1;
	for (i = 0; i < a->n; i++) {
		if (a->kind == NODE_MAP ? !node_same(a->u.pairs[i].key,
		    b->u.pairs[i].key, why, size) ||
		    !node_same(a->u.pairs[i].value, b->u.pairs[i].value, why,
		    size) : !node_same(a->u.items[i], b->u.items[i], why, size))
			return 0;
	}
	return 1;
}

/* The start of data, escaped, for a failure's message (static storage). */
static inline const char *
node_shown(const char *data, size_t len)
{
	static char	out[2048];
	size_t		i, o = 0;

	for (i = 0; i < len && o + 5 < sizeof out; i++) {
		unsigned char c = (unsigned char)data[i];

		if (c >= 0x20 && c < 0x7f && c != '\\')
			out[o++] = (char)c;
		else
			o += (size_t)snprintf(out + o, sizeof out - o, "\\x%02x",
			    c);
	}
	out[o] = '\0';
	return out;
}

#endif
