/*
 * The document reader: a whole record in the canonical form the writer
 * (node_emit()) produces, without libyaml (issue 15).
 *
 * lint and every loader read whole records, and libyaml's parser was
 * four fifths of lint's instructions.  quickdoc_parse() reads what the
 * writer writes -- block mappings and sequences at two-space indent
 * (sequences under a key indented, mappings in a sequence starting after
 * "- "), keys plain or double-quoted, values plain, single- or
 * double-quoted on one line (double with the escapes the writer uses),
 * literal blocks (|, |-, |+) and the empty [] and {}, with empty lines
 * and comment lines between entries -- and declines everything else: a
 * comment after a value, a line of spaces only, flow collections, folded
 * blocks, multi-line plain or quoted scalars,
 * indentless sequences, anchors, aliases, tags, directives, document
 * markers, conflict markers, tabs outside a literal block, line breaks
 * other than LF, a missing final LF, a BOM, text YAML does not allow or
 * reads otherwise, a NUL from an escape, duplicate keys, keys longer than
 * NODE_MAX_KEY bytes, nesting near NODE_MAX_DEPTH, more than
 * NODE_MAX_KEYS keys.  What it takes, the libyaml reader (node.c) takes
 * without a problem and builds into the same tree: the same kinds, key
 * order, texts, styles, lines and columns (tests/unit/test_quickdoc.c
 * checks this against the libyaml reader on every file of the project, the
 * YAML test suite, their written forms and their mutations).  What it
 * declines, the caller gives the libyaml reader, so a file costs one
 * more scan at worst.
 */
#ifndef NCIO_QUICKDOC_H
#define NCIO_QUICKDOC_H

#include <stddef.h>

#include "node.h"

/*
 * 1 with *out the document's tree (without a path: ydoc_parse() sets
 * it), 0 when the buffer is not in the form it reads (then *out is
 * NULL), or NC_ENOMEM.
 */
int	quickdoc_parse(struct ydoc **out, const char *buf, size_t len);

/*
 * quickdoc_parse() leaving out the top-level fields named in skip (at
 * most 32 names, at most 8 of those fields a block).  A field that is a
 * block (`key:` alone on its line at column 0, then lines indented or
 * empty) has its lines passed over, neither parsed nor checked but for
 * the line breaks YAML knows (no CR, NEL, LS, PS: the lines are those
 * libyaml reads); one with its value on its line is read and dropped.
 * The rest is read and checked as quickdoc_parse() reads it, with the
 * same lines and columns.  0 for anything quickdoc_parse() declines in
 * what it reads (the caller then parses the whole buffer).
 */
int	quickdoc_parse_without(struct ydoc **out, const char *buf, size_t len,
	    const char *const *skip, size_t nskip);

/* ydoc_parse() without the document reader: the libyaml reader alone. */
int	ydoc_parse_libyaml(struct ydoc **out, const char *buf, size_t len,
	    const char *path, struct diags *d);

#endif
