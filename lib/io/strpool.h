/*
 * A string pool: copies of many small strings in a few large chunks, all
 * freed at once.  Strings never move once added, so they can be keys of a
 * strmap.  An import keeps the text of a file's rows in one pool instead
 * of one allocation (or one tree node) per cell.
 */
#ifndef NCIO_STRPOOL_H
#define NCIO_STRPOOL_H

#include <stddef.h>

struct strpool_chunk;

struct strpool {
	struct strpool_chunk	*head;
	size_t			 used;	/* in head */
	size_t			 cap;	/* of head */
	size_t			 total;	/* bytes held, all chunks */
};

#define STRPOOL_INIT { NULL, 0, 0, 0 }

void		 strpool_init(struct strpool *);
void		 strpool_free(struct strpool *);
/* A NUL-terminated copy of s[0..len); NULL (message set) out of memory. */
const char	*strpool_add(struct strpool *, const char *s, size_t len);
/* n bytes, aligned for any type; NULL (message set) out of memory. */
void		*strpool_alloc(struct strpool *, size_t n);
/* Bytes taken by the chunks. */
size_t		 strpool_size(const struct strpool *);

#endif
