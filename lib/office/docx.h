/*
 * Word (.docx) writer: a small OOXML package writer on minizip producing
 * WordprocessingML with styles, tables, sections, a header and a footer
 * with page numbers, and document properties.
 *
 * Conventions of Japanese office documents are the defaults: A4 portrait
 * with Word's Japanese margins, body 游明朝 10.5pt (Century for Latin
 * text), headings 游ゴシック bold, paragraphs justified (両端揃え).
 *
 * Lengths inside the text are in hundredths of a character (100 = 1 字,
 * the unit of Word's 字下げ); one character is the body size, 10.5pt.
 * Page margins are in millimetres.
 *
 * Text is UTF-8.  Invalid UTF-8 is refused with NC_EINVALID.  The five
 * XML-special characters are escaped; TAB becomes a tab, LF (or CR LF, or
 * CR) a line break; other control characters, which XML 1.0 cannot carry,
 * are dropped.  Text is always text: "=SUM(A1)" is written as those
 * characters, there is nothing in a document that would evaluate it.
 *
 * Output is deterministic: the same calls give the same bytes (fixed part
 * order, fixed zip timestamps taken from the created date or 1980-01-01),
 * so regenerating an unchanged document changes nothing.
 *
 * Errors are sticky (libgit2's filebuf): every function returns 0 or a
 * negative NC_E* code with the message set (error_last()), and the first
 * error is kept: every later call on the document is a no-op returning
 * it again, and docx_to_mem() and docx_save() return it without writing
 * anything.  So a document can never come out incomplete because the
 * result of one call was not checked; a caller may check docx_save()
 * alone.  Tables keep their first error the same way and pass it to the
 * document in docx_add_table(); a NULL document or table (a failed
 * docx_new() or docx_table_new()) is accepted and refused.  Only the
 * write in docx_save() is not sticky: saving again elsewhere may work.
 *
 * Tables are laid out from their content (issue 18): column widths come
 * from the display width of what the cells hold (full-width characters
 * count two, as in the xlsx writer), so numbers, dates and short words
 * never break, headings of up to eight characters stay whole, and names
 * and headings of up to 16 characters too where the running text beside
 * them keeps its room (a dense table takes narrow cell margins for it;
 * a name given up breaks at ・, before （ or between words); cells
 * are never justified (left, or right for a number, unless the caller
 * asks for centred or right); header rows repeat on every page and no
 * row splits across pages.  No table starts at a page foot with its
 * header and one row or leaves one row alone at the top of a page: a
 * short table (up to eight rows, about 24 lines) is kept whole, a longer
 * one keeps its header with its first two rows and its last two rows
 * together; an empty column under a heading takes the heading's width
 * (docx_table_form() for columns to write in).  A paragraph of up to
 * three lines right before a table or a chart (a caption, a heading,
 * the sentence introducing it) is kept with it, as is a short bold,
 * gothic or large line with what follows.
 */
#ifndef NCIO_DOCX_H
#define NCIO_DOCX_H

#include <stddef.h>

struct chart;
struct docx;
struct docx_table;

struct docx_props {
	const char	*title;		/* dc:title, or NULL */
	const char	*author;	/* dc:creator and lastModifiedBy, or NULL */
	/*
	 * dcterms:created and modified: "YYYY-MM-DD" or
	 * "YYYY-MM-DDTHH:MM:SSZ".  Never the clock: NULL leaves them out.
	 * It also dates the zip entries (1980-01-01 when NULL).
	 */
	const char	*created;
};

/* Zero is the Japanese default, 両端揃え. */
enum docx_align {
	DOCX_JUSTIFY = 0,
	DOCX_LEFT,
	DOCX_CENTER,
	DOCX_RIGHT
};

#define DOCX_MAXTABS	4

/*
 * Paragraph formatting; a zeroed struct (or NULL) is the body paragraph.
 * bold, gothic and size apply to the text given with the paragraph.
 */
struct docx_para_style {
	enum docx_align	 align;
	int		 bold;
	int		 gothic;	/* 游ゴシック instead of 游明朝 */
	unsigned	 size;		/* half-points (21 = 10.5pt); 0: body */
	int		 indent_left;	/* hundredths of a character */
	int		 indent_right;
	int		 indent_first;	/* first line; negative hangs */
	unsigned	 space_before;	/* points */
	unsigned	 space_after;
	int		 keep_next;	/* keep with the next paragraph */
	int		 keep_lines;	/* its lines on one page */
	int		 page_break_before;
	/*
	 * A note on the table right above it (a legend of its marks), kept
	 * with its last row as a note starting ※ or 注 is: never alone at
	 * the top of a page.
	 */
	int		 table_note;
	/* Left tab stops from the margin, hundredths of a character; 0 ends. */
	unsigned	 tabs[DOCX_MAXTABS];
};

/* A run inside a paragraph opened by docx_para_begin(). */
struct docx_run_style {
	int		 bold;
	int		 gothic;
	int		 underline;
	unsigned	 size;		/* half-points; 0: body */
	/*
	 * 均等割り付け: spread the text evenly over this width (hundredths
	 * of a character) with character spacing, as label columns are
	 * laid out ("件　　名" over four characters).  0: natural width.
	 */
	unsigned	 spread;
};

struct docx_page {
	int		 landscape;	/* A4 landscape; otherwise portrait */
	/* Millimetres; 0 takes Word's Japanese default: 35, 30, 30, 30. */
	unsigned	 margin_top;
	unsigned	 margin_right;
	unsigned	 margin_bottom;
	unsigned	 margin_left;
};

enum docx_pagenum {
	DOCX_PAGENUM_DASH,	/* - 1 - */
	DOCX_PAGENUM_OF		/* 1 / 3 */
};

int	docx_new(struct docx **out, const struct docx_props *);
void	docx_free(struct docx *);
/* 0, or the document's first error (message set). */
int	docx_error(const struct docx *);

/*
 * 0 if text (NULL counts as empty) is valid UTF-8, else NC_EINVALID with
 * "invalid UTF-8 in <what> at byte N".  Lets a caller check everything
 * before adding anything.
 */
int	docx_check_text(const char *text, const char *what);
/* Width of text in hundredths of a character: 100 full-width, 50 half. */
unsigned docx_measure(const char *text);

/*
 * Page setup.  Before any content it sets up the first section; after
 * content it ends the current section and starts a new one on a new page
 * (a landscape table between portrait pages).
 */
int	docx_page(struct docx *, const struct docx_page *);
/* Width of the text area of the current section, hundredths of a char. */
unsigned docx_text_width(const struct docx *);

/* One paragraph of text in one run. */
int	docx_add_para(struct docx *, const char *text,
	    const struct docx_para_style *);
/* An empty paragraph, the blank line of Japanese layouts. */
int	docx_add_blank(struct docx *);
/*
 * A title (ps: centred, its size): where it is wider than the line,
 * broken where it reads best (textfit), each line a paragraph, not left
 * to the application (…復旧の判／断基準, 「（情報提／供）」).
 */
int	docx_add_title(struct docx *, const char *, const struct docx_para_style *);
/*
 * 以上, closing a document: right-aligned, a little below the last line
 * rather than after a blank one, never alone at the top of a page.
 */
int	docx_add_closing(struct docx *);
/* A page break (in a paragraph of its own). */
int	docx_add_page_break(struct docx *);
/* A heading in style "heading N", level 1 to 4, text as given. */
int	docx_add_heading(struct docx *, int level, const char *text);

/*
 * Paragraphs of several runs: begin, any number of runs, end.  Nothing
 * else may be added while a paragraph is open.  A NULL run style takes
 * the paragraph style's bold, gothic and size.
 */
int	docx_para_begin(struct docx *, const struct docx_para_style *);
int	docx_run(struct docx *, const char *text, const struct docx_run_style *);
int	docx_run_tab(struct docx *);
int	docx_para_end(struct docx *);

/*
 * Numbered outline of Japanese reports: headings numbered 1, (1), ア, (ア)
 * by level 1 to 4, each level indented one character deeper, and body
 * paragraphs indented under the current heading with a one-character
 * first-line indent (字下げ).  A heading resets the levels below it.
 */
int	docx_add_outline_heading(struct docx *, int level, const char *text);
int	docx_add_outline_body(struct docx *, const char *text);
/*
 * A body paragraph whose lines stay on one page (keepLines): a short
 * item under its heading, say an analysis and its 対応策 on lines of
 * their own, which the Japanese default of no widow control would split
 * a line from the rest.
 */
int	docx_add_outline_body_whole(struct docx *, const char *text);
/*
 * The label docx_add_outline_heading() uses: "3", "(3)", "ウ", "(ウ)"; the
 * 47th ア or (ア) on from ン is "47" or "(47)".
 */
int	docx_outline_label(char *out, size_t outsz, int level, unsigned n);

/*
 * Tables are built on their own, then added where the document is:
 * docx_table_new(), cells, merges, docx_add_table(), docx_table_free().
 * The table spans the text width of the section it is added to; its
 * column widths come from the content (above).  widths are relative
 * weights of the ncols columns: they size the columns left empty in a
 * form (docx_table_form()) and share out the room left once every column
 * holds its content; NULL takes the content's own widths for that.  Rows grow as
 * cells are set; cells never set are empty.  Borders are single thin
 * lines.  Header rows repeat on every page, are bold, centred and shaded.
 */
int	docx_table_new(struct docx_table **out, size_t ncols,
	    const unsigned *widths);
void	docx_table_free(struct docx_table *);
int	docx_table_header_rows(struct docx_table *, size_t nrows);
/*
 * The table is a form: its empty columns are left to be written in by
 * hand and take their share of the width by weight (at least four
 * characters).  In any other table an empty column under a heading (a
 * draft's column not filled yet) takes its heading's width alone.
 */
int	docx_table_form(struct docx_table *);
/*
 * Column col (from 0) holds names that print whole, each line of a cell
 * on one line, whatever room the text beside them wants: a division
 * (こども施策企画課, 文化・生涯学習課), which the layout would otherwise
 * give up to a long 件名 and break between its words (こども／施策企画課
 * reads as two).
 */
int	docx_table_whole(struct docx_table *, size_t col);
/*
 * The table is as wide as its content needs (its columns' natural
 * widths and a fifth more), not the text width: a short table of
 * figures whose label column would take the rest of the page.
 */
int	docx_table_narrow(struct docx_table *);
/*
 * t is sized with other's body rows as if they were its own (they are
 * not written; not the rows that size other): tables of one shape in a
 * document that a reader compares (the 質疑応答 of each 指摘事項) get
 * the same widths and the same size of text when each is sized with
 * each of the others.  other must have t's columns; it may be freed
 * after the call, and later cells of other are not seen.
 */
int	docx_table_size_with(struct docx_table *t,
	    const struct docx_table *other);
/*
 * t is laid out from its header rows and model's body rows alone, not
 * from its own body: a table printed in a document of its own for each
 * record (the 精査記録's 観点別の精査結果) gets one layout whatever a
 * record holds, that of model (the blank form, the marks it may hold).
 * Only what t's own cells keep whole (a katakana word, a number with its
 * unit) still counts: a column narrower than that widens, so that a
 * record's クラウドサービス does not break where the model's widths
 * would.  model must have t's columns; it may be freed after the call.
 * Tables sized with docx_table_size_with() as well are laid out from
 * those rows too.
 */
int	docx_table_layout_with(struct docx_table *t,
	    const struct docx_table *model);
/* Cell text; the style's align, bold, gothic and size are used. */
int	docx_table_cell(struct docx_table *, size_t row, size_t col,
	    const char *text, const struct docx_para_style *);
/*
 * Merge nrows x ncols cells from (row, col): horizontally with gridSpan,
 * vertically with vMerge.  The text is that of (row, col); the other
 * cells must stay empty and merges may not overlap.
 */
int	docx_table_merge(struct docx_table *, size_t row, size_t col,
	    size_t nrows, size_t ncols);
int	docx_add_table(struct docx *, const struct docx_table *);
/*
 * What the body ends with (a table's last row, or a paragraph) keeps
 * with what comes next: a block and the table that belongs to it (a
 * 質疑応答書's finding and its 質疑応答) never parted by a page break.
 */
int	docx_keep_next(struct docx *);

/*
 * A native Word chart (chart.h) in a paragraph of its own, centred:
 * a DrawingML chart part with the values cached, so Word and LibreOffice
 * draw it as it is, and the data as an embedded workbook, so Word's
 * "Edit Data" opens it.  width_cm 0 (or more than the text width) takes
 * the text width; height_cm 0 takes one from the chart (chart_height_cm());
 * either way it is made to fit one page.  Horizontal bars too many for a
 * page become several charts, "<title>（その1）" ..., on the same axis,
 * each at most half a page tall.
 */
int	docx_chart(struct docx *, const struct chart *, double width_cm,
	    double height_cm);

/* The header of every page: one line of text. */
int	docx_header_text(struct docx *, const char *text, enum docx_align);
/* The footer of every page: the page number, centred. */
int	docx_footer_page_number(struct docx *, enum docx_pagenum);

/*
 * The package (opc.h).  docx_save() writes atomically through fileio: a
 * temporary file in the same directory, fsync, rename over path (or, in
 * fileio_defer_begin() ... commit, with the other files of the set); on
 * failure the temporary file is removed and an existing file at path is
 * left as it was.
 */
int	docx_to_mem(char **out, size_t *outlen, struct docx *);
int	docx_save(struct docx *, const char *path);

/*
 * 通知: the layout of an official notice (EXAMPLES.md).  The date is
 * given formatted (令和8年4月20日); number, items, note and contact are
 * optional.
 */
struct docx_notice_item {
	const char		*label;		/* 件名, 所管課: spread evenly */
	const char		*value;		/* may hold newlines; or NULL */
	/* Sub-items numbered (1), (2) ...; NULL-terminated, or NULL. */
	const char *const	*subs;
};

struct docx_notice {
	const char			*number;	/* 練企情発第12号 */
	const char			*date;
	const char			*addressee;	/* "様" is added */
	const char			*sender;
	const char			*title;
	const char			*body;		/* one paragraph a line */
	const struct docx_notice_item	*items;		/* under 記 */
	size_t				 nitems;
	const char			*note;		/* after the items */
	const char			*contact;	/* lines, right block */
};

int	docx_add_notice(struct docx *, const struct docx_notice *);

/*
 * Report cover lines: the title centred and large, then the date at the
 * right, the addressee (with 様) at the left where there is one, and the
 * author at the right (EXAMPLES.md: the cover line, then addressed as a
 * notice is, never above the title).  The outline functions above write
 * the body.
 */
struct docx_report {
	const char	*title;
	const char	*date;
	const char	*author;
	const char	*addressee;	/* 情報政策課長, or NULL */
};

int	docx_add_report_cover(struct docx *, const struct docx_report *);

#endif
