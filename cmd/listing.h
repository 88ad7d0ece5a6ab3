/*
 * The list output of the listing verbs: one set of rows printed as an
 * aligned table for people, CSV, or JSON (an array of objects, keys in
 * English, empty cells as null) for other tools.
 *
 * CSV lines end in LF, for a terminal or a pipe (a "\r" would stick to
 * the last field: $(... | tail -1)); with crlf (the verbs' --crlf), and
 * always in a file written with -o, they end in CRLF after a UTF-8 BOM,
 * as Excel in Japan wants a CSV file.
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
int		 listing_print_eol(struct listing *, const char *format,
		    int crlf, FILE *);
/*
 * The same into the file path (a verb's -o) when path is not NULL,
 * written atomically, its name then printed on standard error; without a
 * format, the file's suffix (.csv, .json) chooses it.
 */
int		 listing_print_out(struct listing *, const char *format,
		    int crlf, const char *path);
/* format, or the one path's suffix names, or "table". */
const char	*listing_format(const char *format, const char *path);

struct table;
/*
 * A table a verb has built for the terminal, in format: keys[] are the
 * JSON keys of its columns (NULL: leave the column out of the JSON); a
 * column of numbers (align_right) is a JSON number when its cell reads
 * as one, and true or false when it is "true" or "false".  Prints the
 * error; returns CMD_*.
 */
int		 listing_table(const struct table *, const char *const *keys,
		    const char *format, int crlf, FILE *);
int		 listing_table_out(const struct table *,
		    const char *const *keys, const char *format, int crlf,
		    const char *path);
struct json;
/* The rows of the table as a JSON array, into an object being written. */
int		 listing_json_rows(struct json *, const struct table *,
		    const char *const *keys);

/* The --crlf option of a listing verb, for its option table. */
#define LISTING_OPT_CRLF \
	{ "crlf", 0, OPT_FLAG, 0, NULL, NULL, 0, 0, \
	  "CSV for Excel: CRLF line ends after a BOM" }
/* -o FILE of a listing verb (listing_table_out(), listing_print_out()). */
#define LISTING_OPT_OUTPUT \
	{ "output", 'o', OPT_PATH, 0, "FILE", NULL, 0, 0, \
	  "write to FILE; a CSV file gets CRLF after a BOM, for Excel" }
/* --format of a listing verb. */
#define LISTING_OPT_FORMAT \
	{ "format", 0, OPT_CHOICE, 0, "table|csv|json", "table|csv|json", \
	  0, 0, "output format (default table)" }
void		 listing_free(struct listing *);

#endif
