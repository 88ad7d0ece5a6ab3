/*
 * The head reader: the leading fields of a record in the canonical form
 * the writer produces, without libyaml (issue 15).
 *
 * A listing wants a few top-level fields of every record of a folder, and
 * in the canonical form they are lines `key: text` at the top of the
 * file.  ydoc_parse_fields() must still look at every line of the file
 * (git's conflict markers, the wanted keys a record lacks) and then
 * starts libyaml, whose set-up and decoding cost more than the few lines
 * it parses; `list checklist` at ten years spent two thirds of its
 * instructions there.  quickhead_parse() does the same in one vectorised
 * walk over the bytes and reads the head lines itself, but only when
 * every line it meets is of the simplest kind: a column-0 line is a plain
 * key, a comment or empty, no line break other than LF is in the file,
 * and every field up to the last wanted one is `key: text` on one line
 * with a plain text that YAML reads as written (no indicator, no `: ` or
 * ` #`, no surrounding blanks, printable UTF-8).  Anything else, it
 * declines, and the caller parses the buffer with ydoc_parse_fields(),
 * which then gives the same tree this would have: the same fields, in
 * the same order, the same texts, styles, lines and columns.
 *
 * Every reader of a record's leading fields goes through it:
 * ydoc_load_fields() (the listings) and the key that ydoc_load_where()
 * tests (a kind of record in a folder shared by several) try it first.
 */
#ifndef NCIO_QUICKHEAD_H
#define NCIO_QUICKHEAD_H

#include <stddef.h>

#include "node.h"

/*
 * 1 with *out the tree of the head (as ydoc_parse_fields() would build
 * it), 0 when the buffer is not simple enough (then *out is NULL), or
 * NC_ENOMEM.
 */
int	quickhead_parse(struct ydoc **out, const char *buf, size_t len,
	    const char *const *want, size_t nwant);

#endif
