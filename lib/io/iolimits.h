/*
 * How much of a foreign file the readers take.  A returned form or a
 * survey export has a known shape; a zip bomb or a damaged export does
 * not, so every reader stops at the first limit it reaches and says which
 * one, instead of spending memory and minutes on a file no one sent.
 *
 * The defaults suit a survey export of a few hundred thousand rows; a
 * caller that knows the shape it expects (the checklist import does: its
 * forms have a few hundred rows) passes tighter limits.  A zero member
 * means the default.  The numbers are documented in
 * nerima-cio-checklist(1) and lib/io/README.md.
 */
#ifndef NCIO_IOLIMITS_H
#define NCIO_IOLIMITS_H

#include <stddef.h>
#include <stdint.h>

struct io_limits {
	uint64_t	file_bytes;	/* the file itself */
	uint64_t	unpacked_bytes;	/* .xlsx: the parts read, unzipped */
	uint32_t	rows;		/* of a sheet, or records of a CSV */
	uint32_t	cols;		/* columns of a row */
	uint64_t	cells;		/* non-empty cells of a sheet or CSV */
	uint32_t	field_chars;	/* characters in one cell */
};

#define IO_MAX_FILE_BYTES	(32ULL * 1024 * 1024)
#define IO_MAX_UNPACKED_BYTES	(128ULL * 1024 * 1024)
#define IO_MAX_ROWS		250000U
#define IO_MAX_COLS		1024U
#define IO_MAX_CELLS		4000000ULL
/* Excel's own limit for the text of a cell. */
#define IO_MAX_FIELD_CHARS	32767U

/* lim with every zero member replaced by its default; lim may be NULL. */
struct io_limits io_limits(const struct io_limits *lim);

#endif
