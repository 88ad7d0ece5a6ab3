/*
 * The rules-file import engine: a foreign table -- a sheet of an .xlsx
 * workbook or a CSV file in UTF-8 or CP932 -- mapped to named fields by
 * rules, after hledger's .csv.rules.  Rules come from a YAML file (the
 * format is in lib/io/README.md and nerima-cio-checklist(1)) or are built
 * in C by a caller that knows its layouts.
 *
 * The rules say which sheet, where the header row is (given, or found as
 * the first row naming every column the fields need), which rows to skip,
 * and for each field its column (by header text, by a pattern the header
 * matches, or by position), a value map, a type (text, integer, date,
 * choice), whether it is required; which fields identify a row (the row
 * key), and the file's identity (constants, or cells such as the form's
 * id or fiscal year).
 *
 * rules_apply() reads the file, checks every cell against the My Number
 * guard and converts every field of every row, reporting each problem as
 * file:sheet:row:column (CSV: file:line:field), and hands each converted
 * row to the caller's callbacks, which check what only they can (does the
 * division exist, is the answer one of the item's).  The result is a
 * plain table of rows of (field -> converted text) whose cells remember
 * where they came from -- or, when anything at all was wrong, no table:
 * a caller never sees half a file.  The table's text lives in one pool,
 * about eight bytes a cell beyond the text itself; the file's own bytes
 * are freed before rules_apply() returns.
 *
 * Problems go through a rules_report, which lists the first
 * RULES_MAX_PROBLEMS of a file and counts the rest.
 */
#ifndef NCIO_RULES_H
#define NCIO_RULES_H

#include <stddef.h>
#include <stdint.h>

#include "diag.h"
#include "error.h"
#include "iolimits.h"

#define RULES_MAX_PROBLEMS	50
/* Rows searched for the header when it is found, not given. */
#define RULES_HEADER_WITHIN	20

enum rules_type {
	RULES_TEXT,
	RULES_INTEGER,		/* full-width digits allowed; min..max */
	RULES_DATE,		/* any form lib/core/parse reads; YYYY-MM-DD */
	RULES_CHOICE,		/* one of the field's choices */
};

enum rules_header {
	RULES_HEADER_AUTO,	/* the first row naming every needed column */
	RULES_HEADER_ROW,	/* the row given */
	RULES_HEADER_NONE,	/* no header: columns by position only */
};

/* Field flags. */
#define RULES_REQUIRED	0x1	/* an empty value is a problem */
#define RULES_OPTIONAL	0x2	/* the column may be missing from the file */

/* A field, as given to rules_add_field() (everything is copied). */
struct rules_field {
	const char		*name;
	/* the column: one of these three */
	const char *const	*headers;	/* any of, NULL-terminated */
	const char		*pattern;	/* an ERE the header matches */
	unsigned		 position;	/* 1-based */
	enum rules_type		 type;
	const char *const	*choices;	/* NULL-terminated */
	int			 ranged;	/* RULES_INTEGER: min..max */
	long long		 min, max;
	/* a map's name; NULL: the map "default" if there is one; "": none */
	const char		*map;
	/* what messages call it ("the answer"); NULL: "field 'name'" */
	const char		*label;
	unsigned		 flags;
};

/* Part of the file's identity: a constant, or a cell. */
struct rules_ident {
	const char	*name;
	const char	*value;		/* a constant; or NULL and a cell: */
	const char	*sheet;		/* .xlsx; NULL: the sheet read */
	const char	*cell;		/* "B3"; CSV: column B of line 3 */
	const char	*expect;	/* the cell must hold this, or NULL */
};

struct rules;
struct rules_table;

/* Building rules; every function copies what it is given. */
int		 rules_new(struct rules **out, const char *name);
void		 rules_free(struct rules *);
int		 rules_add_field(struct rules *, const struct rules_field *);
int		 rules_add_map(struct rules *, const char *map,
		    const char *from, const char *to);
int		 rules_add_ident(struct rules *, const struct rules_ident *);
/* The fields that identify a row, NULL-terminated. */
int		 rules_set_key(struct rules *, const char *const *fields);
void		 rules_set_header(struct rules *, enum rules_header,
		    unsigned row);
/* Non-empty rows to leave out below the header (or at the top). */
void		 rules_set_skip(struct rules *, unsigned rows);
/* The sheet by name, or by number (1 = the first); default: first visible. */
int		 rules_set_sheet(struct rules *, const char *name,
		    unsigned number);
/* CSVREAD_UTF8, CSVREAD_CP932 ... or CSVREAD_DETECT (the default). */
void		 rules_set_encoding(struct rules *, int);
void		 rules_set_limits(struct rules *, const struct io_limits *);

/* Rules from a YAML file; problems go to d as path:line:column. */
int		 rules_load(struct rules **out, const char *path,
		    struct diags *d);
int		 rules_parse(struct rules **out, const char *text, size_t len,
		    const char *name, struct diags *d);

const char	*rules_name(const struct rules *);
size_t		 rules_nfields(const struct rules *);
const char	*rules_field_name(const struct rules *, size_t);
/* The field's index, or -1. */
int		 rules_field_index(const struct rules *, const char *name);
/* Whether the field's column is found by header or pattern. */
int		 rules_field_by_header(const struct rules *, size_t);
/* Whether the rules have a map of that name. */
int		 rules_has_map(const struct rules *, const char *name);
/* A constant of the identity, or NULL (also for an identity cell). */
const char	*rules_constant(const struct rules *, const char *name);

/* Problems of one file, bounded. */
struct rules_report {
	struct diags	*d;
	size_t		 n;		/* found */
	size_t		 max;		/* listed */
};

void		 rules_report_init(struct rules_report *, struct diags *,
		    size_t max);
/*
 * A problem at line (row) and column of path; in a sheet (xlsx) the
 * message starts with the cell's reference.  Line and column 0: the file.
 */
void		 rules_report_add(struct rules_report *, const char *path,
		    unsigned line, unsigned col, int xlsx, const char *fmt,
		    ...) NC_PRINTF(6, 7);
/* Say how many were not listed, if any. */
void		 rules_report_end(struct rules_report *, const char *path);

/*
 * The caller's part.  Each callback returns 0, or a negative code
 * (NC_ENOMEM) to stop; a problem with the data is reported through
 * rules_problem() and does not stop the import.  begin runs once the
 * identity and the columns are known, before any row; row runs for every
 * data row (a cell that could not be converted reads as NULL: it has
 * been reported); end after the last row.  Any may be NULL.
 */
struct rules_sink {
	int	(*begin)(void *arg, struct rules_table *);
	int	(*row)(void *arg, struct rules_table *, size_t row);
	int	(*end)(void *arg, struct rules_table *);
	void	*arg;
};

/*
 * Read path (name, or path when NULL, in messages) by the rules: .xlsx
 * when the file is a zip, else CSV.  0 and the table when the file and
 * the caller found no problem; NC_EINVALID and no table when there was
 * any (reported to rep); NC_ENOMEM.  The rules must outlive the table.
 */
int		 rules_apply(struct rules_table **out, const struct rules *,
		    const char *path, const char *name,
		    const struct rules_sink *, struct rules_report *rep);
/* The same for bytes in memory. */
int		 rules_apply_mem(struct rules_table **out,
		    const struct rules *, const void *data, size_t len,
		    const char *name, const struct rules_sink *,
		    struct rules_report *rep);
void		 rules_table_free(struct rules_table *);

size_t		 rules_nrows(const struct rules_table *);
/* Field f of row: "" when empty, NULL when refused (only in callbacks). */
const char	*rules_get(const struct rules_table *, size_t row, size_t f);
/* The row's line (CSV) or row number (sheet), 1-based. */
unsigned	 rules_line(const struct rules_table *, size_t row);
/* Field f's column, 1-based; 0 when the file does not have it. */
unsigned	 rules_col(const struct rules_table *, size_t f);
/* The header's line or row; 0 when there is none. */
unsigned	 rules_header_line(const struct rules_table *);
/* The identity's value (constant or cell), or NULL when not in the rules. */
const char	*rules_ident(const struct rules_table *, const char *name);
/* "file" or "file:sheet", as messages name it. */
const char	*rules_where(const struct rules_table *);
int		 rules_is_xlsx(const struct rules_table *);
/* CSV: "UTF-8", "UTF-8 (BOM)" or "CP932"; NULL for a workbook. */
const char	*rules_encoding(const struct rules_table *);
const struct rules *rules_table_rules(const struct rules_table *);

/* A problem at field f of row (f -1: the row), or at a line and column. */
void		 rules_problem(struct rules_table *, size_t row, int f,
		    const char *fmt, ...) NC_PRINTF(4, 5);
void		 rules_problem_at(struct rules_table *, unsigned line,
		    unsigned col, const char *fmt, ...) NC_PRINTF(4, 5);

/* s without spaces, tabs, line ends and U+3000 at either end. */
const char	*rules_trim(const char *s, size_t *len);

#endif
