/*
 * Inside the review module: the context, shared by review.c,
 * review_doc.c and review_sum.c.
 */
#ifndef NCIO_REVIEW_INT_H
#define NCIO_REVIEW_INT_H

#include "review.h"

struct review_ctx {
	struct store		*st;
	const struct schema	*kind;
	struct ydoc		*config;
	struct cal		*cal;
};

long long	review_int(const struct node *map, const char *key);

#endif
