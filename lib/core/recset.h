/*
 * Every record of a kind (and fiscal year) loaded at once, for the
 * domains that read them all to count, list or cross-reference.
 */
#ifndef NCIO_RECSET_H
#define NCIO_RECSET_H

#include <stddef.h>

struct record;
struct schema;
struct store;

struct recset {
	struct record	**v;
	size_t		  n;
};

/*
 * Load every record of kind (fy 0: every year) in the store's order;
 * on an error nothing stays loaded and *out is empty.
 */
int	recset_load(struct recset *out, struct store *,
	    const struct schema *kind, int fy);
void	recset_free(struct recset *);

#endif
