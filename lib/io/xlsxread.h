/*
 * Reading .xlsx workbooks (Office Open XML spreadsheets) -- the forms that
 * divisions fill in and send back.  No library in Debian reads .xlsx from
 * C, so this is a small reader on minizip's unzip and libxml2's streaming
 * reader: the sheet list (with hidden and very hidden sheets), and the
 * cells of a sheet by row and column, their values as the file stores
 * them -- shared strings (rich text joined, furigana runs left out),
 * inline strings, numbers, booleans, errors, and the cached value of
 * formula cells, which are marked as such.  Dates are numbers in Excel
 * (serial days); xlsxread_serial_date() converts.  Styles, merges,
 * validations and drawings are not read.
 *
 * Rows and columns are 0-based (row 0 is Excel's 1, column 0 is A).
 * Errors return a negative NC_E* code with the message set; messages
 * name the file by the name given to xlsxread_open().
 *
 * Parts are unzipped as they are parsed, never whole, and every limit of
 * iolimits.h is checked as the bytes arrive: the file's size, the bytes
 * unpacked from all the parts read, and per sheet its rows, columns and
 * cells (a sheet's <dimension>, when it has one, is checked before its
 * cells) and the characters of one cell.  A sheet beyond a limit is
 * refused with a message naming the limit.
 */
#ifndef NCIO_XLSXREAD_H
#define NCIO_XLSXREAD_H

#include <stddef.h>
#include <stdint.h>

#include "iolimits.h"

/* Refused above these sizes: no form comes near them (zip bombs do). */
#define XLSXREAD_MAX_BYTES	IO_MAX_FILE_BYTES	/* the file */
#define XLSXREAD_MAX_PART	IO_MAX_UNPACKED_BYTES	/* parts, unzipped */

enum xlsxread_type {
	XLSXREAD_EMPTY = 0,
	XLSXREAD_STRING,
	XLSXREAD_NUMBER,
	XLSXREAD_BOOL,
	XLSXREAD_ERROR,		/* #N/A, #DIV/0! ... */
};

struct xlsxread_cell {
	enum xlsxread_type	 type;
	/*
	 * The value as text: a string's text, a number as stored in the
	 * file ("3", "0.25", "46113"), TRUE or FALSE, the error code.
	 * "" for an empty cell, never NULL.
	 */
	const char		*text;
	double			 num;		/* numbers and booleans */
	int			 formula;	/* the cell holds a formula */
};

enum xlsxread_state {
	XLSXREAD_VISIBLE = 0,
	XLSXREAD_HIDDEN,
	XLSXREAD_VERY_HIDDEN,
};

struct xlsxread;
struct xlsxread_sheet;

/* Open path; name (or path when NULL) is what messages call it. */
int		 xlsxread_open(struct xlsxread **out, const char *path,
		    const char *name);
/* The same within limits (NULL or zero members: the defaults). */
int		 xlsxread_open_lim(struct xlsxread **out, const char *path,
		    const char *name, const struct io_limits *);
/* A workbook in memory (the bytes are copied). */
int		 xlsxread_open_mem(struct xlsxread **out, const void *data,
		    size_t len, const char *name, const struct io_limits *);
void		 xlsxread_free(struct xlsxread *);

size_t		 xlsxread_nsheets(const struct xlsxread *);
const char	*xlsxread_sheet_name(const struct xlsxread *, size_t);
enum xlsxread_state xlsxread_sheet_state(const struct xlsxread *, size_t);
/* The index of the sheet called name, or NC_ENOTFOUND (message set). */
int		 xlsxread_sheet_find(size_t *out, const struct xlsxread *,
		    const char *name);
/* The cells of sheet i, read on first use; owned by the workbook. */
int		 xlsxread_sheet(const struct xlsxread_sheet **out,
		    struct xlsxread *, size_t i);

/* One past the last row holding a cell (0 for an empty sheet). */
uint32_t	 xlsxread_nrows(const struct xlsxread_sheet *);
uint32_t	 xlsxread_ncols(const struct xlsxread_sheet *);
/* The cell at (row, col); an empty cell when there is none. */
struct xlsxread_cell xlsxread_cell(const struct xlsxread_sheet *,
		    uint32_t row, uint32_t col);
/*
 * The cells that hold something, in row and column order: how many, and
 * the i-th with its position.  To walk a sheet without looking up every
 * empty cell.
 */
size_t		 xlsxread_ncells(const struct xlsxread_sheet *);
struct xlsxread_cell xlsxread_cell_at(const struct xlsxread_sheet *,
		    size_t i, uint32_t *row, uint32_t *col);

/* "C12" to row 11, column 2; NC_EINVALID when it is not a reference. */
int		 xlsxread_ref_parse(uint32_t *row, uint32_t *col,
		    const char *ref);
/* Row 11, column 2 to "C12"; out has room for 16 bytes. */
void		 xlsxread_ref_format(char *out, uint32_t row, uint32_t col);
/* A column letter (or letters) alone: 2 to "C"; out has 8 bytes. */
void		 xlsxread_col_format(char *out, uint32_t col);
/*
 * An Excel date serial (the 1900 system, with its phantom 1900-02-29)
 * to a calendar date, the time of day dropped; NC_EINVALID outside
 * 1900-03-01..9999-12-31, and for NaN and infinities.
 */
int		 xlsxread_serial_date(int *y, int *m, int *d, double serial);

#endif
