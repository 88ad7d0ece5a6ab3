/*
 * Tables of UTF-8 text for the terminal and for CSV.
 *
 * A table has a fixed number of columns, an optional header row and any
 * number of rows.  It keeps the text as given; only rendering for the
 * terminal changes what is shown.
 *
 * Terminal layout (table_render):
 *
 *	ID       件名                                金額
 *	-------  ----------------------------  ----------
 *	rv-7kq3  保育園業務支援システムの更新  12,800,000
 *	rv-a1    RPA導入                          980,000
 *
 * Columns are aligned by display width (text_width(): kanji and kana take
 * two columns) and separated by two spaces; nothing is ever truncated, a
 * long cell widens its column.  The header is underlined with '-' across
 * each column's width: Japanese titles have no upper case to set them
 * apart from the data (as kubectl's or docker's ID NAME headers do), so
 * without the rule a header of 件名 reads like one more row.  The rule is
 * ASCII '-' rather than a box-drawing '─', whose East Asian width is
 * ambiguous and which CJK terminal fonts draw two columns wide, breaking
 * the alignment.  No line ends in spaces: the last column is not padded.
 * So that every row stays on one line, newlines (CRLF counts once) and
 * tabs in a cell are shown as one space each, other control characters
 * (which could drive the terminal) as a space too, and bytes that are not
 * UTF-8 as '?'.  With no header title set, the header and rule are left
 * out.
 */
#ifndef NCIO_TABLE_H
#define NCIO_TABLE_H

#include <stddef.h>

#include "buf.h"

struct table;

/* NULL with the message set: out of memory, or ncols is 0 (NC_EINVALID). */
struct table	*table_new(size_t ncols);
void		 table_free(struct table *);
size_t		 table_ncols(const struct table *);
size_t		 table_nrows(const struct table *);
/* The text of a cell as given ("" for an empty one); NULL out of range. */
const char	*table_cell(const struct table *, size_t row, size_t col);
/* Whether column col holds numbers (table_set_header's align_right). */
int		 table_right(const struct table *, size_t col);

/*
 * Title of column col (NULL: none).  align_right is for numbers: the column
 * is right-aligned on the terminal, and table_render_csv() writes its
 * cells with TEXT_CSV_NUMERIC so that -5 stays -5.  NC_EINVALID when col
 * is out of range.
 */
int	 table_set_header(struct table *, size_t col, const char *title,
	    int align_right);

/* Append a row of ncols cells, copied; a NULL cell is empty. */
int	 table_add_row(struct table *, const char *const *cells);

/* Append the aligned table to out, each line ending in "\n". */
int	 table_render(const struct table *, struct buf *out);

/*
 * Append the table to out as CSV: the header row (when a title is set)
 * then the rows, each field through text_csv_field() (RFC 4180 quoting and
 * the formula-injection guard), lines ending in CRLF as RFC 4180 says and
 * as Excel writes CSV itself.
 *
 * bom: start with a UTF-8 byte order mark.  Excel in Japan opens a CSV
 * file as Shift_JIS (CP932) unless it begins with a BOM, and then shows
 * the Japanese as mojibake; so a file meant for Excel wants bom = 1.
 * Leave it 0 for output read by programs (a pipe into awk, or Python's
 * csv module without encoding='utf-8-sig'), which would take the BOM as
 * part of the first column's name.
 */
int	 table_render_csv(const struct table *, struct buf *out, int bom);
/*
 * The same with lines ending in "\n" when crlf is 0: for a terminal or a
 * pipe, where a "\r" would stick to the last field of every line
 * ($(... | tail -1) carrying it into the next command).
 */
int	 table_render_csv_eol(const struct table *, struct buf *out, int bom,
	    int crlf);

#endif
