/*
 * CSV reader: the files departments and survey tools send back.
 *
 * The bytes are read whole, their encoding detected -- UTF-8 with a byte
 * order mark, UTF-8 without one, or CP932 (Shift_JIS as Windows and
 * Excel's "CSV" save it in Japan) -- converted to UTF-8 with iconv, and
 * parsed with libcsv (RFC 4180 quoting; CR, LF or CR LF line ends).  Each
 * row keeps the line of the file it starts on, so a caller can report a
 * problem as file:line:column.  Blank lines are skipped.
 *
 * Problems are added to a diags list with the name given, the line and
 * the column (the 1-based field number, or 0), and the functions return
 * NC_EINVALID; a file that is too large, empty or not readable is one
 * such problem, and so is a NUL byte in a field (it would cut the text
 * short) and any limit of iolimits.h passed: rows, fields in a row,
 * fields in all, characters in one field.
 */
#ifndef NCIO_CSVREAD_H
#define NCIO_CSVREAD_H

#include <stddef.h>

#include "diag.h"
#include "iolimits.h"

/* Larger files are refused: no ward form comes near it. */
#define CSVREAD_MAX_BYTES	(32UL * 1024 * 1024)	/* IO_MAX_FILE_BYTES */

enum csvread_enc {
	CSVREAD_UTF8,
	CSVREAD_UTF8_BOM,
	CSVREAD_CP932,
};

/* Detect the encoding (for the enc argument of the _lim functions). */
#define CSVREAD_DETECT	(-1)

struct csvread;

/* Read path; name (or path when NULL) is what messages call it. */
int		 csvread_file(struct csvread **out, const char *path,
		    const char *name, struct diags *d);
int		 csvread_mem(struct csvread **out, const char *data, size_t len,
		    const char *name, struct diags *d);
/*
 * Force an encoding instead of detecting it (a rules file may say which);
 * call csvread_mem_enc() with it.
 */
int		 csvread_mem_enc(struct csvread **out, const char *data,
		    size_t len, enum csvread_enc, const char *name,
		    struct diags *d);
/*
 * The same with an encoding or CSVREAD_DETECT, and limits (NULL or zero
 * members: the defaults of iolimits.h).
 */
int		 csvread_file_lim(struct csvread **out, const char *path,
		    const char *name, int enc, const struct io_limits *,
		    struct diags *d);
int		 csvread_mem_lim(struct csvread **out, const char *data,
		    size_t len, int enc, const char *name,
		    const struct io_limits *, struct diags *d);
void		 csvread_free(struct csvread *);

enum csvread_enc csvread_encoding(const struct csvread *);
/* "UTF-8", "UTF-8 (BOM)", "CP932". */
const char	*csvread_encoding_name(enum csvread_enc);

size_t		 csvread_nrows(const struct csvread *);
size_t		 csvread_ncols(const struct csvread *, size_t row);
/* The field as UTF-8; "" when row or col is out of range. */
const char	*csvread_cell(const struct csvread *, size_t row, size_t col);
/* Its length in bytes (0 out of range). */
size_t		 csvread_cell_len(const struct csvread *, size_t row,
		    size_t col);
/* The 1-based line of the file where the row starts. */
unsigned	 csvread_line(const struct csvread *, size_t row);

#endif
