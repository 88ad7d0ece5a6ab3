/*
 * PowerPoint (.pptx) writer: 16:9 presentations of title, bullet, table
 * and chart slides with speaker notes, built on a slide master template,
 * in the style of docx.h.
 *
 * The template.  The built-in one is data/templates/pptx in the source
 * tree (XML parts of an empty presentation: a slide master with layouts
 * of types title, obj and titleOnly, a notes master and their themes,
 * 游ゴシック throughout), compiled into the program.  A data directory
 * restyles its presentations by putting a template of its own at
 * <data directory>/templates/slides.potx (or slides.pptx: PowerPoint's
 * "save as template" of a presentation whose slide master was changed)
 * or, as loose parts like the built-in one, in
 * <data directory>/templates/pptx/; pptx_template_find() says which, if
 * any, is there.  From a template the writer takes the first slide
 * master with everything it refers to (its layouts, theme, pictures),
 * the notes master, the default text style and the slide size, which
 * must be 16:9.  Slides use the layouts of type title (title slide), obj
 * (bullets) and titleOnly (tables, charts), falling back to obj, and put
 * tables and charts where the obj layout has its body.
 *
 * Slides:
 *  - title: the title, and the subtitle, date and author as the lines of
 *    the subtitle placeholder;
 *  - bullets: nested levels 1 to 5;
 *  - table: a header row, column widths from the content (textfit.h, as
 *    in Word), numbers right-aligned, a column of short words (中, 高)
 *    and a lone dash centred, in 14pt or, where the columns need it,
 *    12pt and never less; a long table split across continuation slides
 *    titled "...（続き）" with the header repeated;
 *  - chart: the chart model (chart.h) as a native chart with its data
 *    embedded as a workbook, so PowerPoint's "Edit Data" works, its text
 *    14pt (data labels 12pt: CHART_DML_SLIDE) and its plot area leaving
 *    the longest category name its line; more horizontal bars than the
 *    slide holds continue on further slides, on the same axis.
 * Bullets that would not fit the body go on continuation slides too.  A
 * title too long for its line is set smaller.  Text is UTF-8, escaped as
 * in docx.h; a line end starts a new line in the same paragraph.
 *
 * Line breaks.  The writer breaks the lines of titles, bullets and table
 * cells itself (<a:br/>, textfit_wrap()) rather than leave it to
 * PowerPoint or LibreOffice, which broke 区立図書館（見本／A） and
 * 顕在化し／た: after 、。, at spaces and at bracket edges, never inside
 * a date, a number with its unit, a katakana word or a short aside, on
 * the fewest lines, each measured at TEXTFIT_ROOM (94 %) of its width,
 * since the applications set the text wider than estimated.  A table
 * column is never narrower than the widest piece of its cells that does
 * not break, names of up to 16 characters whole (textfit_min_kept()).
 * A table cell breaks where a phrase ends, best after 、 (between the
 * items of a list), at a space or where a run of hiragana ends (…向け／
 * 情報セキュリティ研修), rather than before a bracketed date or inside a
 * word (情報／セキュリティ): among textfit_wrap()'s lines and these, the
 * cheapest, taking the lines its row has anyway and one more where that
 * spares a bad break and the table keeps its slides.
 *
 * Output is deterministic (opc.h).  Errors are sticky as in docx.h: the
 * first is kept, later calls return it and pptx_save() writes nothing.
 */
#ifndef NCIO_PPTX_H
#define NCIO_PPTX_H

#include <stddef.h>

struct chart;
struct pptx;

struct pptx_props {
	const char	*title;		/* dc:title, or NULL */
	const char	*author;
	const char	*created;	/* as in struct docx_props */
};

/* Where a data directory keeps its own template, relative to it. */
#define PPTX_TEMPLATE_FILE	"templates/slides.potx"
#define PPTX_TEMPLATE_PPTX	"templates/slides.pptx"
#define PPTX_TEMPLATE_DIR	"templates/pptx"

/*
 * The template of data directory datadir: *out is the path of
 * templates/slides.potx, templates/slides.pptx or templates/pptx (a
 * directory holding [Content_Types].xml), the first that exists, or
 * NULL for none (the built-in one is then used).  Free *out.
 */
int	pptx_template_find(char **out, const char *datadir);

/*
 * A new presentation on template (a .potx/.pptx file or a directory of
 * parts), or on the built-in template when template is NULL.
 * NC_EINVALID names what a template lacks.
 */
int	pptx_new(struct pptx **out, const struct pptx_props *,
	    const char *template);
void	pptx_free(struct pptx *);
int	pptx_error(const struct pptx *);
size_t	pptx_slide_count(const struct pptx *);

struct pptx_title {
	const char	*title;
	const char	*subtitle;	/* or NULL */
	const char	*date;		/* formatted: 令和8年4月20日; or NULL */
	const char	*author;	/* or NULL */
};

int	pptx_title_slide(struct pptx *, const struct pptx_title *);

struct pptx_bullet {
	int		 level;		/* 1 to 5 */
	const char	*text;
};

int	pptx_bullet_slide(struct pptx *, const char *title,
	    const struct pptx_bullet *items, size_t n);

enum pptx_align {
	PPTX_AUTO = 0,		/* numbers right, other text left */
	PPTX_LEFT,
	PPTX_CENTER,
	PPTX_RIGHT,
};

struct pptx_table {
	size_t			 ncols;
	const char *const	*head;		/* ncols headings */
	size_t			 nrows;
	const char *const	*cells;		/* nrows * ncols, by row; NULL
						   is an empty cell */
	const enum pptx_align	*align;		/* per column, or NULL */
	/*
	 * A note under the table (※ …), 12pt, on the slide with its
	 * last row; or NULL.
	 */
	const char		*note;
};

int	pptx_table_slide(struct pptx *, const char *title,
	    const struct pptx_table *);

/*
 * The room of a line of column col (from 0) of t as pptx_table_slide()
 * would set t in this presentation, into *room: hundredths of a
 * character of the size the slide chooses (1400 or 1200, into *sz
 * unless NULL) as textfit_width() measures them, the column's width
 * less its margins at TEXTFIT_ROOM %.  A line of a cell no wider stays
 * one line there; one character more breaks.  For a caller that packs
 * a cell's items into lines itself (the 運営計画書's schedule, each
 * month's items whole).  The widths and the size come from every cell
 * of t (a wider cell, a last line of one or two characters that sends
 * the table to 12pt), so measure the table as it will be set, or
 * measure it again after changing a cell.  Nothing is added to the
 * presentation and no error is kept by it; NC_EINVALID for a table
 * pptx_table_slide() would refuse or a column it does not have.
 */
int	pptx_table_room(const struct pptx *, const struct pptx_table *t,
	    size_t col, unsigned *room, unsigned *sz);

int	pptx_chart_slide(struct pptx *, const char *title,
	    const struct chart *);

/*
 * Speaker notes for the slide the last call added (the first of them,
 * if it was split over continuation slides).  Lines become paragraphs.
 */
int	pptx_notes(struct pptx *, const char *text);

int	pptx_to_mem(char **out, size_t *outlen, struct pptx *);
/* Atomic through fileio, as docx_save(). */
int	pptx_save(struct pptx *, const char *path);

#endif
