#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "table.h"
#include "text.h"

/* A cell is a stretch of the table's text buffer. */
struct table_cell {
	size_t	off;
	size_t	len;
};

struct table {
	size_t			 ncols;
	size_t			 nrows;
	size_t			 caprows;
	int			 has_header;
	int			*right;		/* ncols */
	struct table_cell	*header;	/* ncols */
	struct table_cell	*cells;		/* nrows * ncols */
	/* All text, NUL-separated; one allocation instead of one per cell. */
	struct buf		 text;
};

struct table *
table_new(size_t ncols)
{
	struct table	*t;

	if (ncols == 0) {
		error_set(NC_EINVALID, "a table needs at least one column");
		return NULL;
	}
	if ((t = calloc(1, sizeof *t)) == NULL ||
	    (t->right = calloc(ncols, sizeof *t->right)) == NULL ||
	    (t->header = calloc(ncols, sizeof *t->header)) == NULL) {
		table_free(t);
		error_set(NC_ENOMEM, "out of memory");
		return NULL;
	}
	t->ncols = ncols;
	buf_init(&t->text);
	/* Offset 0 is an empty string, for empty cells and missing titles. */
	buf_add(&t->text, "", 1);
	if (buf_ok(&t->text) != 0) {
		table_free(t);
		return NULL;
	}
	return t;
}

void
table_free(struct table *t)
{
	if (t == NULL)
		return;
	free(t->right);
	free(t->header);
	free(t->cells);
	buf_free(&t->text);
	free(t);
}

size_t
table_ncols(const struct table *t)
{
	return t->ncols;
}

const char *
table_cell(const struct table *t, size_t row, size_t col)
{
	const struct table_cell *c;

	if (row >= t->nrows || col >= t->ncols)
		return NULL;
	c = &t->cells[row * t->ncols + col];
	return c->len == 0 ? "" : t->text.data + c->off;
}

int
table_right(const struct table *t, size_t col)
{
	return col < t->ncols ? t->right[col] : 0;
}

size_t
table_nrows(const struct table *t)
{
	return t->nrows;
}

static int
table_store(struct table *t, struct table_cell *out, const char *s)
{
	size_t	len;

	if (s == NULL || *s == '\0') {
		out->off = 0;
		out->len = 0;
		return 0;
	}
	len = strlen(s);
	out->off = t->text.len;
	out->len = len;
	buf_add(&t->text, s, len + 1);
	return buf_ok(&t->text);
}

static const char *
table_text(const struct table *t, const struct table_cell *c)
{
	return t->text.data + c->off;
}

int
table_set_header(struct table *t, size_t col, const char *title,
    int align_right)
{
	if (col >= t->ncols)
		return error_set(NC_EINVALID, "cannot set the title of column "
		    "%zu: the table has %zu columns", col + 1, t->ncols);
	t->right[col] = align_right != 0;
	if (title != NULL)
		t->has_header = 1;
	return table_store(t, &t->header[col], title);
}

int
table_add_row(struct table *t, const char *const *cells)
{
	struct table_cell	*v, *row;
	size_t			 cap, i;
	int			 r;

	if (t->nrows == t->caprows) {
		cap = t->caprows != 0 ? t->caprows * 2 : 16;
		if (cap > SIZE_MAX / t->ncols / sizeof *v ||
		    (v = realloc(t->cells, cap * t->ncols * sizeof *v)) == NULL)
			return error_set(NC_ENOMEM, "out of memory");
		t->cells = v;
		t->caprows = cap;
	}
	row = t->cells + t->nrows * t->ncols;
	for (i = 0; i < t->ncols; i++) {
		if ((r = table_store(t, &row[i], cells[i])) != 0)
			return r;
	}
	t->nrows++;
	return 0;
}

/*
 * Append s as shown on the terminal, all on one line and without bytes that
 * drive the terminal (table.h), and return its display width.  With out
 * NULL, only measure.
 */
static size_t
table_put_cell(struct buf *out, const char *s, size_t len)
{
	uint32_t	cp;
	size_t		n, width = 0;

	while (len > 0) {
		n = text_utf8_decode(&cp, s, len);
		if (cp == TEXT_BADCP) {
			if (out != NULL)
				buf_putc(out, '?');
			width++;
		} else if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0)) {
			/* CRLF is one line break, so one space. */
			if (cp == '\r' && len > 1 && s[1] == '\n')
				n = 2;
			if (out != NULL)
				buf_putc(out, ' ');
			width++;
		} else {
			if (out != NULL)
				buf_add(out, s, n);
			width += (size_t)text_cp_width(cp);
		}
		s += n;
		len -= n;
	}
	return width;
}

/* In a cell's measure: the cell is shown as its bytes are. */
#define TABLE_ASIS	((size_t)1 << (sizeof(size_t) * 8 - 1))

/*
 * The display width of a cell, with TABLE_ASIS when table_put_cell()
 * would copy its bytes unchanged (the common case: printable ASCII and
 * valid UTF-8 of no control character), so the rendering can copy them
 * at once.  The same width as table_put_cell() gives.
 */
static size_t
table_measure(const char *s, size_t len)
{
	const unsigned char	*u = (const unsigned char *)s;
	uint32_t		 cp;
	size_t			 i = 0, n, width = 0;

	/* printable ASCII, a byte a column */
	while (i < len && u[i] >= 0x20 && u[i] < 0x7F)
		i++;
	width = i;
	while (i < len) {
		if (u[i] >= 0x20 && u[i] < 0x7F) {
			width++;
			i++;
			continue;
		}
		n = text_utf8_decode(&cp, s + i, len - i);
		if (cp == TEXT_BADCP || cp < 0x20 || (cp >= 0x7F && cp < 0xA0))
			return table_put_cell(NULL, s, len);
		width += (size_t)text_cp_width(cp);
		i += n;
	}
	return width | TABLE_ASIS;
}

static void
table_pad(struct buf *out, size_t n)
{
	static const char	spaces[] = "                                ";

	while (n >= sizeof spaces - 1) {
		buf_add(out, spaces, sizeof spaces - 1);
		n -= sizeof spaces - 1;
	}
	if (n > 0)
		buf_add(out, spaces, n);
}

/* Drop the spaces that end the line begun at start, and end it. */
static void
table_end_line(struct buf *out, size_t start)
{
	while (out->len > start && out->data[out->len - 1] == ' ')
		out->len--;
	buf_putc(out, '\n');
}

/* One line of cells, measured (table_measure()), padded to widths. */
static void
table_put_line(const struct table *t, struct buf *out,
    const struct table_cell *row, const size_t *measure, const size_t *widths)
{
	const char	*s;
	size_t		 i, w, start = out->len;

	for (i = 0; i < t->ncols; i++) {
		if (i > 0)
			buf_add(out, "  ", 2);
		s = table_text(t, &row[i]);
		w = measure[i] & ~TABLE_ASIS;
		if (t->right[i])
			table_pad(out, widths[i] - w);
		if (measure[i] & TABLE_ASIS)
			buf_add(out, s, row[i].len);
		else
			table_put_cell(out, s, row[i].len);
		if (!t->right[i])
			table_pad(out, widths[i] - w);
	}
	table_end_line(out, start);
}

int
table_render(const struct table *t, struct buf *out)
{
	const struct table_cell	*c;
	size_t			*widths, *measure, *head, r, i, w, start;

	/* Each cell measured once: widths[], then the cells, then the head. */
	if (t->nrows > (SIZE_MAX / sizeof *measure - 2) / t->ncols ||
	    (measure = calloc((t->nrows + 2) * t->ncols,
	    sizeof *measure)) == NULL)
		return error_set(NC_ENOMEM, "out of memory");
	widths = measure;
	head = measure + (t->nrows + 1) * t->ncols;
	if (t->has_header) {
		for (i = 0; i < t->ncols; i++) {
			head[i] = table_measure(table_text(t, &t->header[i]),
			    t->header[i].len);
			widths[i] = head[i] & ~TABLE_ASIS;
		}
	}
	for (r = 0; r < t->nrows; r++) {
		for (i = 0; i < t->ncols; i++) {
			c = &t->cells[r * t->ncols + i];
			w = c->len == 0 ? TABLE_ASIS : table_measure(
			    table_text(t, c), c->len);
			measure[(r + 1) * t->ncols + i] = w;
			if ((w & ~TABLE_ASIS) > widths[i])
				widths[i] = w & ~TABLE_ASIS;
		}
	}
	if (t->has_header) {
		table_put_line(t, out, t->header, head, widths);
		start = out->len;
		for (i = 0; i < t->ncols; i++) {
			if (i > 0)
				buf_add(out, "  ", 2);
			for (w = 0; w < widths[i]; w++)
				buf_putc(out, '-');
		}
		/* An all-empty last column would leave the separator. */
		table_end_line(out, start);
	}
	for (r = 0; r < t->nrows; r++)
		table_put_line(t, out, &t->cells[r * t->ncols],
		    &measure[(r + 1) * t->ncols], widths);
	free(measure);
	return buf_ok(out);
}

static int
table_put_csv_row(const struct table *t, struct buf *out,
    const struct table_cell *row, int header, int crlf)
{
	size_t	i;
	int	r;

	for (i = 0; i < t->ncols; i++) {
		if (i > 0)
			buf_putc(out, ',');
		r = text_csv_field(out, table_text(t, &row[i]), row[i].len,
		    !header && t->right[i] ? TEXT_CSV_NUMERIC : 0);
		if (r != 0)
			return r;
	}
	/* A lone empty field would make an empty line, which readers skip. */
	if (t->ncols == 1 && row[0].len == 0)
		buf_add(out, "\"\"", 2);
	if (crlf)
		buf_add(out, "\r\n", 2);
	else
		buf_putc(out, '\n');
	return buf_ok(out);
}

int
table_render_csv(const struct table *t, struct buf *out, int bom)
{
	return table_render_csv_eol(t, out, bom, 1);
}

int
table_render_csv_eol(const struct table *t, struct buf *out, int bom,
    int crlf)
{
	size_t	r;
	int	e;

	if (bom)
		buf_add(out, "\xEF\xBB\xBF", 3);
	if (t->has_header &&
	    (e = table_put_csv_row(t, out, t->header, 1, crlf)) != 0)
		return e;
	for (r = 0; r < t->nrows; r++) {
		if ((e = table_put_csv_row(t, out, &t->cells[r * t->ncols],
		    0, crlf)) != 0)
			return e;
	}
	return buf_ok(out);
}
