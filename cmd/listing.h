/*
 * The list output of the consult, meeting, issue and due verbs: one set
 * of rows printed as an aligned table for people, CSV, or JSON (an array
 * of objects, keys in English, empty cells as null) for other tools.
 */
#ifndef NCIO_LISTING_H
#define NCIO_LISTING_H

#include <stddef.h>
#include <stdio.h>

struct listing_col {
	const char	*key;		/* JSON key */
	const char	*head;		/* table and CSV heading */
	int		 right;		/* numbers: right-aligned */
	int		 json_only;	/* not in the table and CSV */
};

struct listing;

struct listing	*listing_new(const struct listing_col *, size_t ncols);
/* ncols cells, copied; NULL or "" is empty. */
int		 listing_row(struct listing *, const char *const *cells);
size_t		 listing_nrows(const struct listing *);
/* Sort the rows by the text of column col, then col2 (stable). */
void		 listing_sort(struct listing *, size_t col, size_t col2);
/* format: table, csv or json.  Prints the error; returns CMD_*. */
int		 listing_print(struct listing *, const char *format, FILE *);
void		 listing_free(struct listing *);

#endif
