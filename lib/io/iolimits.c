/*
 * Reader limits (see iolimits.h).
 */
#include <string.h>

#include "iolimits.h"

struct io_limits
io_limits(const struct io_limits *lim)
{
	struct io_limits	l;

	memset(&l, 0, sizeof l);
	if (lim != NULL)
		l = *lim;
	if (l.file_bytes == 0)
		l.file_bytes = IO_MAX_FILE_BYTES;
	if (l.unpacked_bytes == 0)
		l.unpacked_bytes = IO_MAX_UNPACKED_BYTES;
	if (l.rows == 0)
		l.rows = IO_MAX_ROWS;
	if (l.cols == 0)
		l.cols = IO_MAX_COLS;
	if (l.cells == 0)
		l.cells = IO_MAX_CELLS;
	if (l.field_chars == 0)
		l.field_chars = IO_MAX_FIELD_CHARS;
	return l;
}
