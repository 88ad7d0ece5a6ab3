/*
 * Document numbers (文書番号): the config's documents.doc_no_format
 * (練企情発第%s号) with a record's number.  A record may hold the number
 * alone ("27") or the whole document number ("練企情発第27号"); both
 * give the same text, and duplicates are found on that text, per fiscal
 * year, over every kind that holds one (docno_fields).
 */
#ifndef NCIO_DOCNO_H
#define NCIO_DOCNO_H

#include <stddef.h>

#include "node.h"

/*
 * The fields that hold a document number: kind, path and the config's
 * documents key of its format (the ward's, or the contractor's own).
 */
struct docno_field {
	const char	*kind;
	const char	*path;		/* "decision.notice_no" */
	const char	*format;	/* "doc_no_format" */
};
extern const struct docno_field docno_fields[];

/*
 * The document number of number under format: the format with %s
 * replaced (the format is the user's text and never reaches printf), or
 * number unchanged when it is not all digits or format is NULL or has
 * no %s.  A NULL number gives the format with a full-width blank for the
 * ward to fill in, or NULL without a format.  Returns a malloc'd string
 * or NULL (out of memory, or nothing to show).
 */
char	*docno_format(const char *format, const char *number);

/* The value of a dotted path in a record, or NULL. */
const char *docno_get(const struct node *root, const char *path);

#endif
