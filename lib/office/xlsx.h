/*
 * Excel workbooks the way the ward's staff expect them, on libxlsxwriter.
 *
 * Domain code describes content; this module applies the conventions:
 *
 *  - 游ゴシック 11pt throughout (also the workbook's Normal style, so
 *    Excel's column-width unit is measured in that font);
 *  - the title in A1 (bold, larger) and an as-of/source line in A2, then
 *    one table per sheet whose header row is filled, bold, centred and
 *    wrapped, with thin borders round every cell;
 *  - numbers right-aligned with thousands separators, dates as real Excel
 *    dates shown in 令和 or ISO form;
 *  - column widths from the display width of what was written (full-width
 *    characters count two), capped so that long text wraps;
 *  - every row given its height, 18.75 pt a line as Excel shows 游ゴシック
 *    11pt (24 for the title), so that LibreOffice, which prints a row
 *    without one at 15 pt, prints the same pages; dates centred;
 *  - frozen panes below the header, an autofilter over the table;
 *  - printing on A4, one page wide, the header row repeated on every
 *    page, the title in the page header and the page number in the
 *    footer: "2 / 3" in a workbook of one printed sheet, "- 2 -"
 *    counted within each sheet in a workbook of several (see xlsx.c);
 *  - every string is written as a string, never as a formula, so text
 *    from a record that begins with = + - @ cannot run (formula
 *    injection).  xlsx_write_text() is the only way text gets into a cell.
 *
 * Rows and columns are 0-based as in libxlsxwriter (row 0 is Excel's 1,
 * column 0 is A).  Errors are sticky: after the first failure every call
 * returns that error again and xlsx_save() refuses to write, so a caller
 * may check only the result of xlsx_save() (the functions taking a sheet
 * accept the NULL left by a failed xlsx_add_sheet()).
 */
#ifndef NCIO_XLSX_H
#define NCIO_XLSX_H

#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "chart.h"

struct xlsx;
struct xlsx_sheet;

struct xlsx_props {
	const char	*title;
	const char	*subject;
	const char	*author;
	const char	*company;
	/*
	 * Stored in docProps/core.xml.  Pass a fixed time (for example the
	 * as-of date of the data) so that writing the same content twice
	 * gives byte-identical files; 0 means now.
	 */
	time_t		 created;
};

/*
 * Start a workbook that xlsx_save() will write to path.  Until then
 * nothing at path is touched; the work goes to a temporary file in the
 * same directory.  props may be NULL.
 */
int	 xlsx_new(struct xlsx **out, const char *path,
	    const struct xlsx_props *props);

/*
 * Apply the per-sheet conventions, write the workbook, flush it to disk
 * and rename it over path.  On failure path is left as it was and the
 * temporary file is removed.  Either way the workbook is finished: only
 * xlsx_free() may follow.
 */
int	 xlsx_save(struct xlsx *);

/* Discard the workbook (and its temporary file, if not saved). */
void	 xlsx_free(struct xlsx *);

/* Flags for xlsx_add_sheet(). */
#define XLSX_LANDSCAPE	0x1	/* print landscape (portrait otherwise) */
#define XLSX_HIDDEN	0x2	/* hidden sheet; not allowed for the first */
#define XLSX_PROTECT	0x4	/* protected without a password; cells in
				   XLSX_COL_INPUT columns stay editable */
#define XLSX_NARROW	0x8	/* narrow side margins (0.25 in, Excel's
				   "Narrow"): a wide list prints larger */

/*
 * Add a sheet.  The name is what Excel allows: 1 to 31 characters, none
 * of []:*?/\, not beginning or ending with an apostrophe, not "History",
 * and not the name of another sheet (compared ignoring ASCII case, as
 * Excel does).  The sheet belongs to the workbook: no free.
 */
int	 xlsx_add_sheet(struct xlsx_sheet **out, struct xlsx *,
	    const char *name, int flags);

/*
 * The title in A1 and, if note is not NULL, the as-of/source line in A2
 * (for example "令和8年4月1日現在　出典：審査記録").  The title is also
 * the page header.  Call before xlsx_table(); the table starts after a
 * blank row.
 */
int	 xlsx_title(struct xlsx_sheet *, const char *title, const char *note);

/* Flags for struct xlsx_column. */
#define XLSX_COL_INPUT	0x1	/* to be filled in: unlocked, shaded */
#define XLSX_COL_CENTER	0x2	/* short codes (○, 済, 可) centred */
/*
 * Long text broken into lines at the column's width (its width, or the
 * cap of widths from content) by the writer, with line feeds in the
 * cell, as textfit_wrap() breaks it for the Word writer: never inside a
 * date, a number with its unit (2名), a katakana word, a run of
 * half-width characters or a short aside in brackets (（課長）, （1件）),
 * never before closing punctuation (、。）」) or after an opening
 * bracket, no last line of one or two characters.  Excel and LibreOffice then show the same lines (each would
 * wrap a cell at its own points, LibreOffice even before "）"), and the
 * row's height fits them.  The column's heading is broken the same way
 * (other headings keep their text, for readers that match them).
 */
#define XLSX_COL_BREAK	0x4
/*
 * With XLSX_COL_BREAK, for labels (a 分類, a 課, a 部): a line ends at a
 * phrase's end where the line has one -- after ・、 or a space, after a
 * run of hiragana, between katakana and kanji -- so that "こども家庭部"
 * breaks as "こども / 家庭部", never "こども家 / 庭部"; a phrase longer
 * than a line still breaks between its characters.
 */
#define XLSX_COL_PHRASE	0x8
/*
 * A name (a school, a 課, a company): broken by the writer as
 * XLSX_COL_BREAK does, but only after ・、／ or a space and before an
 * opening bracket (区立見本保育園 / （分園）), with XLSX_COL_PHRASE also at
 * a phrase's end, without it at a phrase's end only where a line has
 * none of those (総務課 / 文書管理 / システム); never inside a run of
 * kanji (区立見本保 / 育園), a word or a number.  A piece longer than a
 * line stays whole: the column is as wide as its widest piece
 * (xlsx_fit_table() makes it so; a width given that is narrower grows),
 * not as its widest name between two breaks of the first kind: a column
 * of names took the room of the running text beside it.
 */
#define XLSX_COL_NAME	0x10
/*
 * With XLSX_COL_NAME, a name that does not break after ・: a 課
 * (安全・安心担当課, which 安全・ / 安心担当課 read as two), where a
 * contract's name may (…担当課データ / 入力業務委託).  Without
 * XLSX_COL_PHRASE, a name of up to TEXTFIT_NAME characters between its
 * points of the first kind stays whole, the column as wide: not スポーツ
 * / 振興課 at a phrase's end.
 */
#define XLSX_COL_NODOT	0x80
/*
 * Codes and short values, as wide as their longest line: lines left as
 * they are.  xlsx_fit_table() and xlsx_fit_sheet() set it on their
 * XLSX_FIT_CODE columns, and XLSX_COL_BREAK on their XLSX_FIT_TEXT ones
 * but XLSX_COL_INPUT: every wrapped text cell of a fitted table is
 * broken by the writer, as the fitter counts its lines, so that Excel
 * and LibreOffice show the same lines and neither breaks 令和 /
 * 8年4月28日.
 */
#define XLSX_COL_WHOLE	0x20
/*
 * With XLSX_COL_BREAK, running text of a form (rows to be filled in, no
 * pages to keep): a cell takes a line more where that spares a word its
 * lines cut (施錠でき／る, 取得／し、), as a 件名 does.
 */
#define XLSX_COL_SPARE	0x40
/*
 * With XLSX_FIT_TEXT, a column of sentences (a finding, a proposal): at
 * least 10 characters a line where its cells hold 20 or more on average
 * (xlsx_fit_table()), not the 7 of a column of words.
 */
#define XLSX_COL_SENTENCES	0x100

struct xlsx_column {
	const char	*heading;
	int		 flags;
	double		 width;	/* Excel width units; 0: from the content */
};

/*
 * Write the header row of the sheet's one table and store in *out the
 * row of its first data row.  Data rows are then written with the
 * xlsx_write_* functions; the table ends at the last row written.
 */
int	 xlsx_table(uint32_t *out, struct xlsx_sheet *,
	    const struct xlsx_column *cols, size_t ncols);

/*
 * Column widths from the content, measured before the table is written,
 * so that a page holds as many rows as fit (the 監査調書, the 監査項目).
 * A row is as high as its cell of most lines; the widths are chosen to
 * make those lines few:
 *
 *  - XLSX_FIT_FIXED: the width given (No., a date);
 *  - XLSX_FIT_CODE: the width of its longest line, never wrapped (項目番号,
 *    判定, a 分類 that a break would cut mid-word);
 *  - XLSX_FIT_TEXT with XLSX_COL_NAME: as XLSX_FIT_TEXT, at least as
 *    wide as the widest piece of a name that may not break;
 *  - XLSX_FIT_TEXT: long text, broken by the writer (the column gets
 *    XLSX_COL_BREAK unless XLSX_COL_INPUT); at least 7 characters and
 *    as wide as the widest piece textfit_wrap() keeps whole (a date, a
 *    number with its unit, a katakana word, a short aside) where the page
 *    has the room, of a column with text in fewer than a quarter of its
 *    rows only a piece up to 9 characters (a date, not an aside of
 *    thirteen); these columns share what is left of the page width in
 *    small steps, each to the column where it saves the most lines (a
 *    tall row costs more than its lines, one of more than six lines much
 *    more, so one long finding does not squeeze a column of a word; a
 *    word broken where it fits a line, 二要／素認証, less than a row's
 *    line, more than a cell's, where no row gets higher), and what saves
 *    no line goes to the columns of running text, not to names or short
 *    values.
 *
 * A heading takes one line up to 8 full-width characters, two beyond.  A
 * column with no content keeps the width given, room to write in.  The
 * lines of a text are counted as xlsx_write_text() will break them, of a
 * code (XLSX_COL_WHOLE) or an input column as the cell wraps.  cells holds nrows x ncols texts, row by
 * row (NULL: empty; give numbers as the text they show); page is the
 * width to share in Excel units, XLSX_FIT_LANDSCAPE for A4 landscape
 * printed one page wide at about 75 %.  The widths go into out[], with
 * the headings and flags of fc[], ready for xlsx_table().
 */
enum xlsx_fit {
	XLSX_FIT_FIXED,
	XLSX_FIT_CODE,
	XLSX_FIT_TEXT,
};

struct xlsx_fit_col {
	struct xlsx_column	 col;	/* width: FIXED's, or when empty */
	enum xlsx_fit		 fit;
};

#define XLSX_FIT_LANDSCAPE	161.0

int	 xlsx_fit_table(struct xlsx_column *out, const struct xlsx_fit_col *fc,
	    size_t ncols, const char *const *cells, size_t nrows, double page);

/*
 * Widths for the fewest printed pages: xlsx_fit_table()'s widths tried
 * for the page widths that print at scales from 100 % to 50 % (the sheet
 * prints one page wide, landscape or portrait and with the margins of its
 * flags), each with the units kept whole (katakana words, asides in
 * brackets) and without, and the pages counted as LibreOffice breaks
 * them: the rows above the table (call after xlsx_title() and
 * xlsx_fields()), the header row on every page, each row as high as its
 * cell of most lines, a blank row and a note below it.  The choice
 * prints at least least (0: any) or more wherever the widths allow, on
 * the fewest pages, a page printed below target (0: XLSX_SCALE_TARGET)
 * weighing as the sixth power of how much smaller (a page at 90 % of the
 * target as 1.9 pages), then at the largest scale; a unit is broken only
 * where keeping it whole costs a page.  A choice at least least that
 * leaves no column of running text narrower than a piece kept whole (a
 * date, a number with its unit, a katakana word, a short aside: see
 * textfit_wrap()) wins over one that does.  Then, on as many pages and
 * at most 2 points smaller, the widths that break the fewest words
 * (textfit_bad_break(): 二要／素認証, 介護保／険), a word also weighing
 * as a row's line: the room of the larger scale goes to the running
 * text.
 * The widths go into out[] as from xlsx_fit_table(); res, if not NULL,
 * gets what was chosen.  Errors are sticky as for the sheet's other
 * calls.
 */
#define XLSX_SCALE_TARGET	0.80

struct xlsx_fit_result {
	unsigned	 pages;		/* pages the table prints on */
	double		 scale;		/* 0.5 to 1 */
	double		 units;		/* the widths' sum */
	int		 whole;		/* units kept whole */
	unsigned	 broken;	/* text columns narrower than a
					   piece textfit_wrap() keeps whole */
	unsigned	 bad;		/* what the words broken cost
					   (textfit_bad_break()) */
	unsigned	 lines;		/* the rows' lines, and the lines
					   broken short (XLSX_FIT_RAGGED) */
};

int	 xlsx_fit_sheet(struct xlsx_sheet *, struct xlsx_column *out,
	    const struct xlsx_fit_col *fc, size_t ncols,
	    const char *const *cells, size_t nrows, double least,
	    double target, struct xlsx_fit_result *res);

/*
 * The scale at which LibreOffice prints a sheet of the flags (landscape,
 * narrow) whose print area is units wide, one page wide: the largest
 * whole percent that fits, at most 1.
 */
double	 xlsx_print_scale(int flags, double units);

/* Text, always stored as a string.  NULL or "" gives an empty cell. */
int	 xlsx_write_text(struct xlsx_sheet *, uint32_t row, uint16_t col,
	    const char *s);
/*
 * Text right-aligned as the numbers of its column are: a count given in
 * words (年間想定 「各1」 beside 実績 「2」, which read 「2各1」 left-aligned).
 */
int	 xlsx_write_text_right(struct xlsx_sheet *, uint32_t row,
	    uint16_t col, const char *s);

/*
 * Text over columns first..last of one row, one merged cell (the
 * summary rows under a table: 総合所見, 結論): the cell's format is that
 * of column first, the row as high as the text takes over the columns'
 * summed width.  The columns' widths are fixed before (xlsx_table()).
 */
int	 xlsx_merge_text(struct xlsx_sheet *, uint32_t row, uint16_t first,
	    uint16_t last, const char *s);

/*
 * A row at least lines lines high, whatever its cells hold: a form's row
 * with room to write in.  Its text may make it higher.
 */
int	 xlsx_row_min_lines(struct xlsx_sheet *, uint32_t row,
	    unsigned lines);

enum xlsx_num {
	XLSX_NUM_INT,		/* 1,234 */
	XLSX_NUM_DEC,		/* 1,234.50 */
	XLSX_NUM_PCT,		/* 12.5% (pass 0.125) */
	/* 91.7%※: a rate marked interim as the Word reports mark it */
	XLSX_NUM_PCT_INTERIM,
	/*
	 * A difference in one decimal with its sign as the Word reports
	 * write it: ＋4.9, ▲1.0, ±0.0 (増減 in points; pass the difference
	 * of the rounded figures).
	 */
	XLSX_NUM_DIFF,
	XLSX_NUM_DEC1,		/* 1,234.5 (pass the value rounded as shown) */
	/* a difference of counts, whole, with its sign: ＋3, ▲2, ±0 */
	XLSX_NUM_DIFF_INT,
};

int	 xlsx_write_number(struct xlsx_sheet *, uint32_t row, uint16_t col,
	    double v, enum xlsx_num);

/*
 * Date display formats.  XLSX_DATE_ERA is
 *
 *   [<43586][$-411]ggge"年"m"月"d"日";
 *   [<43831][$-411]"令和元年"m"月"d"日";[$-411]ggge"年"m"月"d"日"
 *
 * [$-411]ggge is the era format Excel (with the 2019 era update) and
 * LibreOffice both show as 令和8年4月1日; Excel's own
 * [$-ja-JP-x-gannen] locale, which would write 令和元年, is shown by
 * LibreOffice as a bare serial number, so the first year of 令和
 * (serials 43586-43830, 2019-05-01 to 2019-12-31) gets its own section.
 * Dates before 2019-05-01 show as 平成.
 */
enum xlsx_date {
	XLSX_DATE_ERA,		/* 令和8年4月1日 */
	XLSX_DATE_ISO,		/* 2026-04-01 */
	XLSX_DATE_SLASH,	/* 2026/4/1 */
	/*
	 * R8.4.1, the ward's short 令和 form ([$-411]ge.m.d, as Excel and
	 * LibreOffice both show it; H31.4.30 before 令和): a list's dates in
	 * the era, narrower than 2026/12/28.
	 */
	XLSX_DATE_ERA_SHORT,
};

int	 xlsx_write_date(struct xlsx_sheet *, uint32_t row, uint16_t col,
	    int year, int month, int day, enum xlsx_date);

/*
 * Fill a data row of the table with a warning colour (an overdue issue):
 * every cell of the table written in that row afterwards gets it.  Call
 * it before writing the row.
 */
int	 xlsx_highlight_row(struct xlsx_sheet *, uint32_t row);

/*
 * Print only the first n rows of the table, a form with room for more
 * entries than anyone prints (the rows stay to fill in); 0 prints all.
 */
int	 xlsx_print_rows(struct xlsx_sheet *, uint32_t n);

/* An empty cell with the table's borders. */
int	 xlsx_write_blank(struct xlsx_sheet *, uint32_t row, uint16_t col);

/*
 * A line of text in column A outside the table (注記, 出典): no border, no
 * wrap, not counted for the column width.
 */
int	 xlsx_note(struct xlsx_sheet *, uint32_t row, const char *s);

/*
 * Label and value lines between the title and the table, the header block
 * of a working paper or scrutiny record (監査対象　戸籍住民課, 実施日　令和8年
 * 7月15日 ...): one line each, the label bold; fields without a value are
 * left out.  After xlsx_title(), before xlsx_table().
 */
struct xlsx_field {
	const char	*label;
	const char	*value;
};
int	 xlsx_fields(struct xlsx_sheet *, const struct xlsx_field *, size_t n);

/*
 * A drop-down list over a range.  Short lists are stored in the
 * validation itself; a list longer than Excel's 255 characters, or with
 * an item containing a comma, is written to a hidden sheet "選択肢" and
 * referenced from there.
 */
int	 xlsx_validation_list(struct xlsx_sheet *, uint32_t first_row,
	    uint16_t first_col, uint32_t last_row, uint16_t last_col,
	    const char *const *items, size_t nitems);

/*
 * Charts.  Every chart is drawn from the chart model (chart.h), so it
 * looks as the same chart does in a .docx or .pptx: the same value axis
 * (whole-number ticks for counts, 0% to 100% for rates), the same
 * colours, horizontal bars where column labels would not fit.  A chart
 * goes on a chart sheet of its own, after the worksheets, named after its
 * title: it prints whole on one A4 landscape page, never split across
 * pages and never under a table's repeated header row.
 */

/*
 * Put the workbook's charts on one worksheet named name, after the other
 * sheets, two to an A4 portrait page one above the other, instead of a
 * chart sheet each: a book of several charts prints in half the pages,
 * every chart still whole on its page.  Call before the first chart.
 */
int	 xlsx_chart_page(struct xlsx *, const char *name);

/*
 * The model's data as the sheet's one table (categories down column A
 * under the category axis title or 区分, a column per series) and its
 * chart on a chart sheet drawn from that table.
 */
int	 xlsx_chart_table(struct xlsx_sheet *, const struct chart *);

/*
 * The model's data as a workbook of its own, in memory: sheet
 * CHART_DATA_SHEET with the series names in row 1 from column B and the
 * categories in column A from row 2, as chart_drawingml() refers to them
 * (the embedded workbook behind a chart in .docx or .pptx).  created as
 * in struct docx_props, or NULL; the bytes are the same for the same
 * model and date.
 */
int	 xlsx_chart_data(char **out, size_t *outlen, const struct chart *,
	    const char *created);

/* The chart types of the table-drawn charts below. */
enum xlsx_chart_type {
	XLSX_CHART_COLUMN,		/* vertical bars */
	XLSX_CHART_COLUMN_STACKED,
	XLSX_CHART_BAR,			/* horizontal bars, long category names */
	XLSX_CHART_PIE,			/* exactly one series */
	XLSX_CHART_LINE,
};

struct xlsx_chart {
	enum xlsx_chart_type	 type;
	const char		*title;
	const char		*x_title;	/* category axis; NULL: none */
	const char		*y_title;	/* value axis; NULL: none */
	const struct xlsx_sheet	*src;		/* data; NULL: this sheet */
	uint16_t		 cat_col;	/* category labels */
	const uint16_t		*val_cols;	/* one series per column */
	size_t			 nval;
	/*
	 * Series names; NULL: the heading of each column in src's table.
	 */
	const char *const	*names;
	uint32_t		 first_row;	/* both 0: src's table rows */
	uint32_t		 last_row;
	/*
	 * Where and how large the chart was once put on the sheet; a chart
	 * now has a page of its own and these are not used.
	 */
	uint32_t		 at_row;
	uint16_t		 at_col;
	int			 width;
	int			 height;
	int			 y_pct;		/* values are rates: 0%..100% */
	/*
	 * The most the values can be (100 for a score out of 100 points):
	 * the value axis ends there rather than a step above it, where
	 * the room for a data label would take it.  0: by the values
	 * (rates end at 100% without it, counts at a whole number above
	 * the largest).
	 */
	double			 y_max;
	/*
	 * The data labels' number format (an Excel code: "0.0" for hours
	 * the sheet shows to one decimal); NULL: by the values.
	 */
	const char		*label_numfmt;
	/*
	 * Category labels drawn instead of cat_col's text, one per data
	 * row (a training's name for the No. its table has); the chart
	 * reads them from a hidden sheet of chart data.  NULL: cat_col's.
	 */
	const char *const	*cat_labels;
	/*
	 * Levels of severity, the most severe first, severity_red the red
	 * one: a pie's categories, another kind's series
	 * (chart_set_severity()).
	 */
	int			 severity;
	size_t			 severity_red;
};

/*
 * A native Excel chart drawn from columns of a table: the model is made
 * from the cells (categories as their text, values as their numbers,
 * series named by the column headings or names), counts when every value
 * is whole, data labels when there are at most 24 points.
 */
int	 xlsx_add_chart(struct xlsx_sheet *, const struct xlsx_chart *);

#endif
