/*
 * A chart described once, drawn three ways: by the xlsx writer through
 * libxlsxwriter (xlsx_chart_sheet()), and as a native DrawingML chart
 * with its data embedded as a workbook in a .docx (docx_chart()) and a
 * .pptx (pptx_chart_slide()).  The three read the same model and the
 * same layout decisions below (value axis, orientation, colours), so an
 * .xlsx, a .docx and a .pptx of one view cannot disagree.
 *
 * A chart has a title, categories (the labels along one axis), one or
 * more series (a name and one value per category; NAN is "no value",
 * drawn as a gap), a kind, a value format, optional axis titles, data
 * labels on or off and a legend position.
 *
 * Building is sticky like the writers: the first error is kept, later
 * calls return it, and a writer given a chart in error fails with it.
 */
#ifndef NCIO_CHART_H
#define NCIO_CHART_H

#include <stddef.h>

#include "buf.h"

enum chart_kind {
	CHART_COLUMN,		/* vertical bars side by side */
	CHART_COLUMN_STACKED,
	CHART_BAR,		/* horizontal bars: long category names */
	CHART_BAR_STACKED,
	CHART_LINE,
	CHART_PIE,		/* exactly one series */
};

enum chart_format {
	CHART_PLAIN,		/* as the data is: 1-2-5 ticks, decimals if fine */
	CHART_COUNT,		/* whole numbers: integer ticks, never 0.5 */
	CHART_PERCENT,		/* rates given as 0..1, axis 0% to 100% */
	CHART_YEN,		/* amounts, thousands separators */
};

enum chart_legend {
	CHART_LEGEND_AUTO,	/* none for one series (not a pie), else bottom */
	CHART_LEGEND_NONE,
	CHART_LEGEND_BOTTOM,
	CHART_LEGEND_RIGHT,
	CHART_LEGEND_TOP,
};

#define CHART_MAX_CATEGORIES	1000
#define CHART_MAX_SERIES	32

struct chart_series {
	char	*name;
	double	*values;		/* ncats values; NAN: none */
};

struct chart_axis {
	double		 min;
	double		 max;
	double		 major;
	const char	*numfmt;	/* Excel/DrawingML format of ticks */
	const char	*label_numfmt;	/* of data labels and cached values */
};

/* Read by the drawers; build it with the functions below. */
struct chart {
	enum chart_kind		 kind;
	enum chart_format	 format;
	enum chart_legend	 legend;
	int			 labels;	/* data labels shown */
	char			*title;
	char			*cat_title;	/* category axis, or NULL */
	char			*val_title;	/* value axis, or NULL */
	char			**cats;
	size_t			 ncats;
	struct chart_series	*series;
	size_t			 nseries;
	int			 severity;	/* levels, the most severe
						   first: chart_set_severity() */
	size_t			 severity_red;	/* the level drawn red */
	int			 fixed_axis;	/* a slice keeps its whole's axis */
	int			 bottom_up;	/* stored in reverse: see
						   chart_dml_model() */
	unsigned		 label_width;	/* of the whole's widest category
						   (textfit units), kept by a
						   slice so that its parts'
						   plot areas align */
	char			*numfmt;	/* ticks, or NULL: by format */
	char			*label_numfmt;	/* labels, or NULL */
	char			*note;		/* under the chart, or NULL */
	struct chart_axis	 axis;
	int			 err;
	char			*errmsg;
};

int	chart_new(struct chart **out, enum chart_kind, const char *title);
void	chart_free(struct chart *);

/* Append a category; add all of them before the first series. */
int	chart_category(struct chart *, const char *label);
/* A series of n values, n the number of categories. */
int	chart_series(struct chart *, const char *name, const double *values,
	    size_t n);
int	chart_set_format(struct chart *, enum chart_format);
/* Axis titles; NULL for none.  A pie has no axes and ignores them. */
int	chart_set_axis_titles(struct chart *, const char *cat,
	    const char *val);
int	chart_set_labels(struct chart *, int on);
/*
 * Number formats (Excel codes) of the value axis' ticks and of the data
 * labels and cached values, where the format's defaults do not suit:
 * "0.0" for times in days shown with one decimal as the sheet shows
 * them.  NULL keeps the default.
 */
int	chart_set_numfmt(struct chart *, const char *ticks,
	    const char *labels);
int	chart_set_legend(struct chart *, enum chart_legend);
/*
 * A note printed under the chart, where what it compares needs saying
 * beside it (last year's values over other items than this year's): in
 * a workbook under the chart on the charts' page, or in a chart sheet's
 * page header under its title.  A .docx or .pptx says it in its own
 * text and does not draw it.  NULL for none.
 */
int	chart_set_note(struct chart *, const char *note);
/*
 * The levels of a chart are levels of severity, the most severe first: a
 * pie's categories (重大, 高, 中, 低 of the incidents), or the series of
 * another kind (重大, 軽微, 観察, 改善提案 of the audit findings).  They
 * are coloured as a reader expects, level red the red one, those before
 * it dark red, those after it orange, yellow and grey; not
 * by the series palette, which made 高 orange and 中 red, 重大 blue.
 */
int	chart_set_severity(struct chart *, int on, size_t red);

/*
 * 0 if the chart can be drawn; else its first error (with the message
 * set), or NC_EINVALID when it has no category, no series, or a pie has
 * more than one series.
 */
int	chart_check(const struct chart *);

/*
 * The value axis every drawer uses.  It starts at 0 unless a value is
 * negative; counts get whole-number ticks (1, 2, 5, 10, 20 ...) and never
 * a 0.5; rates run 0% to 100% in steps of 20% (further only if a rate is
 * above 100%); amounts and plain numbers get 1-2-5 ticks, at most eight
 * intervals.  Stacked kinds scale to the largest stack.  With data labels
 * there is room above the tallest bar for its label.  The labels of
 * counts and amounts leave a 0 blank ("#,##0;-#,##0;"): a month or a
 * category without one has no bar, and a row of 「0 0」 under the empty
 * ones only cluttered the chart; a rate of 0% keeps its label.  A slice
 * (chart_slice()) has the axis of the whole chart.
 */
void	chart_value_axis(struct chart_axis *out, const struct chart *);

/*
 * The kind actually drawn in a plot width_chars characters (of the
 * 10pt chart font) wide: a column chart whose category labels would not
 * fit side by side on one line each — where Excel would rotate them or
 * break "dp-2-1-01" into "dp- / 2- / 1-" — is drawn with horizontal bars,
 * which give every label a line of its own; so is one whose data labels
 * would be wider than its bars and run into each other.
 */
enum chart_kind chart_drawn_kind(const struct chart *, double width_chars);

/* Widest category label, in characters (half-width counts one half). */
double	chart_label_chars(const struct chart *);

/*
 * A height in centimetres for a chart width_cm wide: half the width
 * (at least 6 cm; 8 cm at 16 cm, which fits a third of an A4 page), and
 * for horizontal bars enough for every category's bars and label: bars
 * of 0.3 cm, of 0.2 cm from three series on (12 categories of 5 series:
 * 16.4 cm); bars with data labels are about a 9pt line (0.38 cm) thick at
 * least, so that the labels of neighbouring bars do not overlap.
 */
double	chart_height_cm(const struct chart *, enum chart_kind drawn,
	    double width_cm);

/*
 * The gap between categories, in percent of a bar (c:gapWidth), of c
 * drawn as drawn: narrower for labelled horizontal bars, whose labels
 * need bars at least a line of text thick (chart_height_cm() gives them
 * that).
 */
int	chart_gap_width(const struct chart *, enum chart_kind drawn);

/*
 * Horizontal bars need a line for each category: how many fit a chart
 * height_cm tall (at least one); every category for other kinds.  A
 * chart with more is drawn as several, each whole on its page or slide,
 * rather than with labels run into each other.
 */
size_t	chart_fit_categories(const struct chart *, enum chart_kind drawn,
	    double height_cm);

/*
 * Part k of m (1-based) of c: categories [first, first + n), titled
 * "<title>（そのk）", with c's value axis so the parts compare.  m of 1
 * keeps the title.
 */
int	chart_slice(struct chart **out, const struct chart *c, size_t first,
	    size_t n, size_t k, size_t m);

/*
 * The model a .docx or .pptx stores for c drawn as drawn: for horizontal
 * bars, categories and series in reverse (bottom_up set), drawn on a
 * natural (minMax) axis, so that they read top-down in c's order and the
 * legend lists the series in the order of the bars in every application:
 * Excel and Word order the legend by c:order and match it to the bars,
 * LibreOffice plots the series in document order and lists a bar chart's
 * legend in reverse, so a reversed (maxMin) category axis put its legend
 * against the bars.  The embedded workbook (xlsx_chart_data()) is written
 * from the same model.  Colours stay with their series; a copy for the
 * other kinds.
 */
int	chart_dml_model(struct chart **out, const struct chart *c,
	    enum chart_kind drawn);

/* Series colours, RRGGBB, shared by every drawer (and pie slices). */
const char *chart_color(size_t i);
unsigned long chart_color_rgb(size_t i);
/* The colour of a pie's slice k: by severity where set, else the palette. */
const char *chart_point_color(const struct chart *, size_t k);
unsigned long chart_point_color_rgb(const struct chart *, size_t k);
/* The colour of series i: by severity where set (not a pie), else the
   palette. */
const char *chart_series_color(const struct chart *, size_t i);
unsigned long chart_series_color_rgb(const struct chart *, size_t i);

/*
 * The DrawingML chart part (c:chartSpace) of a .docx or .pptx, with the
 * model's values cached (c:strCache, c:numCache) so Word, PowerPoint and
 * LibreOffice draw it without the embedded data, and formulas into the
 * embedded workbook's first sheet as xlsx_chart_data() writes it (series
 * names in row 1 from B, categories in column A from row 2).  external_rid
 * names the relationship of the embedded workbook, or NULL.  With
 * CHART_DML_NO_TITLE the chart has no title of its own (a slide whose
 * title says it already).
 */
#define CHART_DML_NO_TITLE	0x1
/* Text for a slide: 14pt axes and legend, 12pt data labels. */
#define CHART_DML_SLIDE		0x2

int	chart_drawingml(struct buf *, const struct chart *,
	    enum chart_kind drawn, const char *external_rid, int flags);
/*
 * The same for a chart drawn width_cm x height_cm: a horizontal bar chart
 * then places its plot area itself so that the longest category name
 * has room on one line (LibreOffice broke names mid-word in the room it
 * chose).  0 x 0 leaves the layout to the application.
 */
int	chart_drawingml_sized(struct buf *, const struct chart *,
	    enum chart_kind drawn, const char *external_rid, int flags,
	    double width_cm, double height_cm);

/*
 * Horizontal bars drawn width_cm wide (flags as for chart_drawingml())
 * give their names at most half the width, on one line a bar: a longer
 * name broke over the lines of its neighbours' bars (a training's title
 * of 200 characters over three others).  Such a name of c, a model for
 * the drawers (chart_dml_model()), is cut to that room as its head, "…"
 * and its end, which tells the parts of a series (「…（第2回）」); the
 * document shows the names in full where it lists them.  Other kinds
 * are left as they are.
 */
int	chart_fit_names(struct chart *c, enum chart_kind drawn, int flags,
	    double width_cm);

/* The name of the embedded workbook's sheet, as the formulas use it. */
#define CHART_DATA_SHEET	"Sheet1"

#endif
