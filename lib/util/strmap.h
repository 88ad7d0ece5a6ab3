/*
 * A map from strings to pointers: open addressing with linear probing on
 * an FNV-1a hash.  Keys are not copied; they must outlive the map (they
 * usually live in the records or files being indexed).  Lookups keep the
 * joins of imports and aggregations linear in the number of rows.
 */
#ifndef NCIO_STRMAP_H
#define NCIO_STRMAP_H

#include <stddef.h>

struct strmap;

struct strmap	*strmap_new(void);
void		 strmap_free(struct strmap *);
/* Insert or replace; 0, or NC_ENOMEM with the message set. */
int		 strmap_put(struct strmap *, const char *key, void *value);
/* The value under key, or NULL. */
void		*strmap_get(const struct strmap *, const char *key);
size_t		 strmap_count(const struct strmap *);

#endif
