/*
 * Inside the review module: the context, shared by review.c,
 * review_doc.c and review_sum.c.
 */
#ifndef NCIO_REVIEW_INT_H
#define NCIO_REVIEW_INT_H

#include "refdata.h"
#include "review.h"

struct review_ctx {
	struct store		*st;
	const struct schema	*kind;
	const struct refdata	*ref;		/* the store's, not owned */
	const struct node	*config;	/* nerima-cio.yaml */
	struct cal		*cal;
};

long long	review_int(const struct node *map, const char *key);

#endif
