/*
 * Between docx.c and docx_layout.c: the sticky error of a document.
 */
#ifndef NCIO_DOCX_PRIV_H
#define NCIO_DOCX_PRIV_H

struct docx;

/*
 * 0, or the document's first error again (message set); NC_EINVALID for
 * a NULL document (docx_new() failed).
 */
int	docx_sticky(const struct docx *);
/* Keep rc as the document's first error if it is one; returns rc. */
int	docx_keep(struct docx *, int rc);

/*
 * The text of a table cell s, each paragraph that would leave one or two
 * characters alone on its last line at room (hundredths of a character,
 * as textfit measures) broken a few characters earlier with a newline
 * (…確認／した。, …研修／（第1回）, …時の／フィルタリング); NULL when no
 * paragraph needs it.  The caller frees it.
 */
char	*docx_widow_break(const char *s, unsigned room);

/*
 * The text of a table cell s with the writer's own line breaks at room
 * (hundredths), as a cell is written; NULL where the application
 * breaks it (it fits, or may fit and would not leave one or two
 * characters alone, ...).  The caller frees it.
 */
char	*docx_cell_break(const char *s, unsigned room);
/*
 * As docx_cell_break(), in a row rowlines lines high: a word the lines
 * would break is spared where the row has a line for it.
 */
char	*docx_cell_break_row(const char *s, unsigned room, unsigned rowlines);
/*
 * As docx_cell_break_row(), a numbered item of a cell (one paragraph,
 * (1) 運用経費の…), its lines hanging at its label.
 */
char	*docx_item_break(const char *para, unsigned room, unsigned rowlines);

#endif
