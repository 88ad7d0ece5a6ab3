#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <xlsxwriter.h>

#include "buf.h"
#include "chart.h"
#include "error.h"
#include "fileio.h"
#include "lazylib.h"
#include "opc.h"
#include "text.h"
#include "textfit.h"
#include "xlsx.h"

/* gcc says __SANITIZE_ADDRESS__, clang __has_feature(address_sanitizer). */
#if defined(__SANITIZE_ADDRESS__)
#define XLSX_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define XLSX_ASAN 1
#endif
#endif

#ifdef XLSX_ASAN
/*
 * libxlsxwriter 1.1.4's worksheet_data_validation_range() copies the
 * formula of a list validation twice into the same field, so the first
 * copy (a few bytes per list read from the hidden sheet) is lost; its
 * own _free_data_validation() frees the second.  Nothing outside the
 * library can reach the lost copy, so tell LeakSanitizer to ignore it.
 * The library has no frame pointers, so the fast unwinder often sees
 * only lxw_strdup(): every string it allocates belongs to the workbook,
 * which xlsx_save() and xlsx_free() release, and a workbook we failed to
 * release would still show as our own leak of struct xlsx.
 */
const char	*__lsan_default_suppressions(void);

const char *
__lsan_default_suppressions(void)
{
	return "leak:worksheet_data_validation_range\nleak:lxw_strdup\n";
}
#endif

#define XLSX_FONT		"游ゴシック"
#define XLSX_FONT_SIZE		11
#define XLSX_TITLE_SIZE		14
#define XLSX_FONT_FAMILY	2	/* swiss, as Excel writes 游ゴシック */
#define XLSX_FONT_CHARSET	128	/* SHIFTJIS_CHARSET */
#define XLSX_HEADER_FILL	0xD9E1F2	/* pale blue */
#define XLSX_INPUT_FILL		0xFFF2CC	/* pale yellow: to fill in */
#define XLSX_ALERT_FILL		0xF8CBAD	/* pale red: needs attention */

/*
 * Column widths are in Excel's unit, the width of '0' in the Normal font.
 * In 游ゴシック 11pt that is 8 pixels and a full-width character is about
 * 15, so one display column per unit fits, plus padding for the cell
 * margins.  Beyond XLSX_WIDTH_MAX text wraps instead of widening the
 * column; a heading wraps beyond XLSX_HEADING_MAX and keeps room for the
 * autofilter button.
 */
#define XLSX_PAD		2.0
#define XLSX_MDW_PX		8	/* '0' of 游ゴシック 11pt, pixels */
#define XLSX_CELL_MARGIN_PX	10	/* a cell's text margins, both */
#define XLSX_FULL_PX		15.5	/* a full-width character, a little
					   over 游ゴシック 11pt's 14.7 */
#define XLSX_HALF_W		60	/* half-width: hundredths of full */
#define XLSX_LINE_PT		18.75	/* a line of 游ゴシック 11pt */
#define XLSX_TITLE_PT		24.0	/* a line of 游ゴシック 14pt */
#define XLSX_WIDTH_MIN		4.0
#define XLSX_WIDTH_MAX		50.0
#define XLSX_HEADING_MAX	20
#define XLSX_FILTER_PAD		2

#define XLSX_MAX_ROW		1048575
#define XLSX_MAX_COL		16383
#define XLSX_MAX_CHARS		32767	/* characters in a cell */
#define XLSX_MAX_LIST		255	/* characters in a validation list */
#define XLSX_LIST_SHEET		"選択肢"
#define XLSX_CHART_DATA_SHEET	"グラフ用データ"
#define XLSX_PAPER_A4		9

/*
 * A chart sheet prints the chart on a page of its own: A4 landscape with
 * 15 mm margins, 267 x 180 mm (73 characters of the 10pt chart font
 * across).  Not portrait: libxlsxwriter 1.1.4 anchors a portrait chart
 * sheet's chart above the page (y = -47625 EMU), and LibreOffice then
 * drops the chart.
 */
#define XLSX_CHART_WIDE_CHARS	73.0
#define XLSX_CHART_PAGE_CM	16.5	/* the chart's height on the page */
#define XLSX_CHART_LABELS_MAX	24	/* points labelled by default */

/*
 * Charts two to a page (xlsx_chart_page()): A4 portrait, margins 0.5 in
 * left and right and 0.75 in top and bottom (184 x 259 mm to print on),
 * rows of 18.75 pt (25 px), each stored with its height: a row without
 * one is 15 pt in LibreOffice but a line of 游ゴシック, 18.75 pt, in
 * Excel, which then drew the charts taller and broke the pages elsewhere.
 * A page of 38 rows (251 mm) broken by hand, a chart in each half: 19
 * rows, the chart 18 rows (450 px, 119 mm) tall, or 37 rows for a chart
 * that takes a page.  It spans 10 columns of width 6 exactly, as
 * libxlsxwriter counts them (47 px with its Calibri), so that its anchor
 * ends on a column's edge and it is as wide as those 10 columns wherever
 * it is drawn: 140 mm in Excel (53 px with 游ゴシック), about 160 mm in
 * LibreOffice, within the 184 mm either way.
 */
#define XLSX_HALF_ROWS		19
#define XLSX_HALF_CHART_ROWS	18
#define XLSX_HALF_ROW_PT	XLSX_LINE_PT
#define XLSX_HALF_ROW_PX	25
#define XLSX_HALF_COLS		10
#define XLSX_HALF_COL_PX	47	/* 6 * 7 + 5, libxlsxwriter's count */
#define XLSX_HALF_COL_WIDTH	6.0
#define XLSX_HALF_CM		11.9
#define XLSX_WHOLE_CHART_ROWS	37	/* a chart too long for half */
#define XLSX_WHOLE_CM		24.5
#define XLSX_HALF_WIDE_CHARS	43.0	/* 159 mm of the 10pt chart font */
#define XLSX_LXW_CHART_W	480	/* libxlsxwriter's chart, scale 1 */
#define XLSX_LXW_CHART_H	288

enum {
	K_TEXT,
	K_INT,
	K_DEC,
	K_DEC1,
	K_PCT,
	K_PCT_INTERIM,
	K_DIFF,
	K_DIFF_INT,
	K_DATE_ERA,
	K_DATE_ISO,
	K_DATE_SLASH,
	K_DATE_ERA_SHORT,
	K_HEADER,
	K_TITLE,
	K_NOTE,
	K_LABEL,		/* the label of a field line: bold, no border */
	K_MAX
};

#define V_INPUT		0x1
#define V_CENTER	0x2
#define V_ALERT		0x4
#define V_RIGHT		0x8	/* text set as a figure is: 各1 */
#define V_MAX		16

struct xlsx_sheet {
	struct xlsx		*x;
	lxw_worksheet		*ws;
	char			*name;
	char			*title;
	int			 flags;
	int			 lists;		/* the hidden sheet of lists */
	uint32_t		 next_row;	/* where the table goes */

	int			 has_table;
	uint32_t		 header_row;
	uint32_t		 table_last;	/* last row of the table */
	int			*col_flags;
	double			*col_width;
	size_t			 ncols;

	int			 used;		/* a bordered cell was written */
	uint32_t		 last_row;	/* print extent */
	uint32_t		 print_rows;	/* table rows printed; 0: all */
	uint16_t		 last_col;
	size_t			*widths;	/* display columns per column */
	size_t			 nwidths;
	uint8_t			*lines;		/* lines of wrapped rows */
	size_t			 nlines;
	uint8_t			*alert;		/* highlighted rows */
	size_t			 nalert;
	char			**headings;

	uint16_t		 nlists;	/* columns used in the lists sheet */
	double			 plain_w;	/* widest title or note line,
						   Excel units */
	struct xlsx_rewrap	*rewrap;	/* cells breaking a word */
	size_t			 nrewrap;
	struct xlsx_spare	*spares;	/* running text that may take a
						   line to spare a word */
	size_t			 nspares;
};

/*
 * A cell of the table's running text that xlsx_fit_sheet() found may
 * take a line more to spare a word without a page more: its row after
 * the header, its column and its text.
 */
struct xlsx_spare {
	uint32_t		 r;
	uint16_t		 c;
	char			*text;
};

/*
 * A cell whose lines break a word (textfit_break_cost() cost), written
 * when the sheet is finished (xlsx_rewrap()), broken again in the row's
 * lines if that spares the word: its row may be taller than it when a
 * later column's text is written.
 */
struct xlsx_rewrap {
	uint32_t		 row;
	uint16_t		 col;
	char			*text;		/* as given */
	char			*broken;	/* as the writer broke it */
	lxw_format		*format;
	unsigned		 room;
	unsigned		 lines;
	unsigned		 cost;
};

/*
 * A cell of the hidden sheet of chart data (xlsx_chart_copy()), written
 * when the workbook is saved, after every other sheet: a formula reading
 * the table's cell, with its value (text, or num if NULL) for the
 * applications that do not compute it, so that a figure edited in the
 * table is the chart's too; the value alone where there is no cell.
 */
struct xlsx_cdata {
	uint32_t		 row;
	uint16_t		 col;
	char			*text;		/* or NULL: num */
	double			 num;
	char			*formula;	/* or NULL */
};

/* A chart waiting for its chart sheet, made when the workbook is saved. */
struct xlsx_pending {
	lxw_chart		*chart;
	char			*title;		/* names the sheet */
	char			*sheet;		/* the data's sheet */
	int			 whole;		/* on the charts' page: takes
						   a page, not half */
	char			*note;		/* under the chart, or NULL */
};

struct xlsx {
	lxw_workbook		*wb;
	char			*path;
	struct fileio_tmp	 tmp;		/* the file libxlsxwriter writes */
	int			 done;		/* xlsx_save() was called */
	int			 err;		/* first error */
	char			*errmsg;
	struct xlsx_sheet	**sheets;
	size_t			 nsheets;
	struct xlsx_sheet	*lists;
	lxw_format		*fmt[K_MAX][V_MAX];
	struct xlsx_pending	*pending;
	size_t			 npending;
	char			*chart_page;	/* charts two to a page: the
						   sheet's name; NULL: chart
						   sheets */
	struct xlsx_cdata	*cdata;		/* cells of the hidden sheet
						   of chart data */
	size_t			 ncdata;
	uint16_t		 cdata_cols;	/* its columns used */
};

static int
xlsx_fail(struct xlsx *x, int code)
{
	/* keep the first error for later calls and for xlsx_save() */
	if (x->err == 0) {
		x->err = code;
		x->errmsg = strdup(error_last());
	}
	return code;
}

static int
xlsx_check(struct xlsx *x)
{
	if (x->done)
		return error_set(NC_EINVALID, "workbook '%s' is already saved",
		    x->path);
	if (x->err != 0)
		return error_set(x->err, "%s",
		    x->errmsg != NULL ? x->errmsg : "out of memory");
	return 0;
}

static int
xlsx_lxw(struct xlsx_sheet *sh, uint32_t row, uint16_t col, lxw_error e)
{
	char	 cell[LXW_MAX_CELL_NAME_LENGTH];

	if (e == LXW_NO_ERROR)
		return 0;
	lxw_rowcol_to_cell(cell, row, col);
	error_set(e == LXW_ERROR_MEMORY_MALLOC_FAILED ? NC_ENOMEM :
	    NC_EINVALID, "cannot write cell %s of sheet '%s': %s", cell,
	    sh->name, lxw_strerror(e));
	return xlsx_fail(sh->x, error_code());
}

/*
 * A caller that checks only xlsx_save() passes on the NULL sheet of a
 * failed xlsx_add_sheet(); the workbook already holds that error.
 */
#define XLSX_SHEET_CHECK(sh) do {					\
	if ((sh) == NULL)						\
		return error_set(NC_EINVALID, "no sheet: adding it failed"); \
} while (0)

static int
xlsx_nomem(struct xlsx *x)
{
	error_set(NC_ENOMEM, "out of memory");
	return xlsx_fail(x, NC_ENOMEM);
}

/*
 * The page footer, one style in every workbook: the sheet's name and its
 * page, "一覧　- 2 -", each sheet numbering its own pages from 1 (its
 * first page number is set).  "- 1 -" is the ward's own page number;
 * the name lets a bundle of sheets be cited and put back in order.  No
 * total: LibreOffice counts &N over every sheet printed at once (a sheet
 * of 3 pages read "1 / 37"), and a book of one sheet saying "2 / 3"
 * beside books saying "- 2 -" gave one year's workbooks two styles
 * (three with an older "2/3": review 17).
 */
static const char *
xlsx_footer(void)
{
	return "&C&A\u3000- &P -";
}

static lxw_format *
xlsx_format(struct xlsx *x, int kind, int variant)
{
	lxw_format	*f;

	if ((f = x->fmt[kind][variant]) != NULL)
		return f;
	if ((f = workbook_add_format(x->wb)) == NULL)
		return NULL;
	format_set_font_name(f, XLSX_FONT);
	format_set_font_size(f, XLSX_FONT_SIZE);
	format_set_font_family(f, XLSX_FONT_FAMILY);
	switch (kind) {
	case K_TITLE:
		format_set_bold(f);
		format_set_font_size(f, XLSX_TITLE_SIZE);
		break;
	case K_NOTE:
		break;
	case K_LABEL:
		format_set_bold(f);
		break;
	case K_HEADER:
		format_set_bold(f);
		format_set_pattern(f, LXW_PATTERN_SOLID);
		format_set_bg_color(f, XLSX_HEADER_FILL);
		format_set_border(f, LXW_BORDER_THIN);
		format_set_text_wrap(f);
		format_set_align(f, LXW_ALIGN_CENTER);
		format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
		break;
	default:
		format_set_border(f, LXW_BORDER_THIN);
		format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
		break;
	}
	switch (kind) {
	case K_TEXT:
		format_set_text_wrap(f);
		break;
	case K_INT:
		format_set_num_format(f, "#,##0");
		format_set_align(f, LXW_ALIGN_RIGHT);
		break;
	case K_DEC:
		format_set_num_format(f, "#,##0.00");
		format_set_align(f, LXW_ALIGN_RIGHT);
		break;
	case K_DEC1:
		format_set_num_format(f, "#,##0.0");
		format_set_align(f, LXW_ALIGN_RIGHT);
		break;
	case K_PCT:
		format_set_num_format(f, "0.0%");
		format_set_align(f, LXW_ALIGN_RIGHT);
		break;
	case K_PCT_INTERIM:
		format_set_num_format(f, "0.0%\"※\"");
		format_set_align(f, LXW_ALIGN_RIGHT);
		break;
	case K_DIFF:
		/* as the Word reports write a difference: ＋7.0, ▲6.9, ±0.0 */
		format_set_num_format(f, "\"＋\"0.0;\"▲\"0.0;\"±\"0.0");
		format_set_align(f, LXW_ALIGN_RIGHT);
		break;
	case K_DIFF_INT:
		/* the counts' difference in the same signs: ＋3, ▲2, ±0 */
		format_set_num_format(f, "\"＋\"#,##0;\"▲\"#,##0;\"±\"0");
		format_set_align(f, LXW_ALIGN_RIGHT);
		break;
	case K_DATE_ERA:
		/* see enum xlsx_date in xlsx.h */
		format_set_num_format(f,
		    "[<43586][$-411]ggge\"年\"m\"月\"d\"日\";"
		    "[<43831][$-411]\"令和元年\"m\"月\"d\"日\";"
		    "[$-411]ggge\"年\"m\"月\"d\"日\"");
		break;
	case K_DATE_ISO:
		format_set_num_format(f, "yyyy-mm-dd");
		break;
	case K_DATE_SLASH:
		format_set_num_format(f, "yyyy/m/d");
		break;
	case K_DATE_ERA_SHORT:
		format_set_num_format(f, "[$-411]ge.m.d");
		break;
	}
	if (variant & V_CENTER)
		format_set_align(f, LXW_ALIGN_CENTER);
	else if (variant & V_RIGHT)
		format_set_align(f, LXW_ALIGN_RIGHT);
	if (variant & V_ALERT) {
		format_set_pattern(f, LXW_PATTERN_SOLID);
		format_set_bg_color(f, XLSX_ALERT_FILL);
	}
	if (variant & V_INPUT) {
		format_set_unlocked(f);
		format_set_pattern(f, LXW_PATTERN_SOLID);
		format_set_bg_color(f, XLSX_INPUT_FILL);
	}
	x->fmt[kind][variant] = f;
	return f;
}

/* A sheet name Excel accepts, as a message naming what is wrong. */
static int
xlsx_valid_name(struct xlsx *x, const char *name)
{
	size_t	 len, i;

	if (name == NULL || *name == '\0')
		return error_set(NC_EINVALID, "sheet name is empty");
	len = strlen(name);
	if (!text_utf8_valid(name, len))
		return error_set(NC_EINVALID,
		    "invalid sheet name '%s': not valid UTF-8", name);
	if (text_chars(name, len) > LXW_SHEETNAME_MAX)
		return error_set(NC_EINVALID, "invalid sheet name '%s': more "
		    "than %d characters", name, LXW_SHEETNAME_MAX);
	if (strpbrk(name, "[]:*?/\\") != NULL)
		return error_set(NC_EINVALID, "invalid sheet name '%s': "
		    "contains one of []:*?/\\", name);
	for (i = 0; i < len; i++) {
		if ((unsigned char)name[i] < 0x20)
			return error_set(NC_EINVALID, "invalid sheet name "
			    "'%s': contains a control character", name);
	}
	if (name[0] == '\'' || name[len - 1] == '\'')
		return error_set(NC_EINVALID, "invalid sheet name '%s': "
		    "begins or ends with an apostrophe", name);
	if (strcasecmp(name, "History") == 0)
		return error_set(NC_EINVALID, "invalid sheet name '%s': "
		    "reserved by Excel", name);
	for (i = 0; i < x->nsheets; i++) {
		if (strcasecmp(x->sheets[i]->name, name) == 0)
			return error_set(NC_EEXISTS, "duplicate sheet name "
			    "'%s'", name);
	}
	return 0;
}

static void
xlsx_sheet_free(struct xlsx_sheet *sh)
{
	size_t	 i;

	if (sh == NULL)
		return;
	free(sh->name);
	free(sh->title);
	free(sh->col_flags);
	free(sh->col_width);
	free(sh->widths);
	free(sh->lines);
	free(sh->alert);
	for (i = 0; sh->headings != NULL && i < sh->ncols; i++)
		free(sh->headings[i]);
	free(sh->headings);
	for (i = 0; i < sh->nrewrap; i++) {
		free(sh->rewrap[i].text);
		free(sh->rewrap[i].broken);
	}
	free(sh->rewrap);
	for (i = 0; i < sh->nspares; i++)
		free(sh->spares[i].text);
	free(sh->spares);
	free(sh);
}

static void
xlsx_pending_free(struct xlsx *x)
{
	size_t	 i;

	/* The charts themselves belong to the workbook. */
	for (i = 0; i < x->npending; i++) {
		free(x->pending[i].title);
		free(x->pending[i].sheet);
		free(x->pending[i].note);
	}
	free(x->pending);
	x->pending = NULL;
	x->npending = 0;
	for (i = 0; i < x->ncdata; i++) {
		free(x->cdata[i].text);
		free(x->cdata[i].formula);
	}
	free(x->cdata);
	x->cdata = NULL;
	x->ncdata = 0;
}

void
xlsx_free(struct xlsx *x)
{
	size_t	 i;

	if (x == NULL)
		return;
	if (x->wb != NULL)
		lxw_workbook_free(x->wb);
	fileio_tmp_abort(&x->tmp);
	for (i = 0; i < x->nsheets; i++)
		xlsx_sheet_free(x->sheets[i]);
	xlsx_pending_free(x);
	free(x->chart_page);
	free(x->sheets);
	free(x->path);
	free(x->errmsg);
	free(x);
}

/* Workbook defaults every writer here uses: 游ゴシック as Normal. */
static void
xlsx_normal_font(lxw_workbook *wb)
{
	lxw_format	*normal;

	/*
	 * workbook_new() adds the default cell format first; it is xf 0,
	 * the Normal style, whose font sets Excel's unit of column width and
	 * the font of empty cells and of the page header and footer.
	 */
	if ((normal = STAILQ_FIRST(wb->formats)) != NULL) {
		format_set_font_name(normal, XLSX_FONT);
		format_set_font_family(normal, XLSX_FONT_FAMILY);
	}
}

int
xlsx_new(struct xlsx **out, const char *path, const struct xlsx_props *props)
{
	struct xlsx		*x = NULL;
	lxw_doc_properties	 p;
	int			 rc = 0;

	*out = NULL;
	if (path == NULL || *path == '\0')
		return error_set(NC_EINVALID, "no path for the workbook");
	/* libxlsxwriter is loaded on first use (lazylib.h). */
	if ((rc = lazylib_load(&lazylib_libxlsxwriter)) != 0)
		return rc;
	if ((x = calloc(1, sizeof *x)) == NULL ||
	    (x->path = strdup(path)) == NULL) {
		rc = error_set(NC_ENOMEM, "out of memory");
		goto done;
	}

	/*
	 * libxlsxwriter writes straight to the name it is given, so give it
	 * the one atomic writer's temporary beside path (<path>.tmpXXXXXX);
	 * xlsx_save() commits it, inside fileio_defer_* with the rest.
	 */
	if ((rc = fileio_tmp_open(&x->tmp, path)) != 0)
		goto done;
	if ((x->wb = workbook_new(x->tmp.tmp)) == NULL) {
		rc = error_set(NC_ENOMEM, "cannot start workbook '%s'", path);
		goto done;
	}
	xlsx_normal_font(x->wb);

	memset(&p, 0, sizeof p);
	if (props != NULL) {
		/* libxlsxwriter copies the strings */
		p.title = (char *)props->title;
		p.subject = (char *)props->subject;
		p.author = (char *)props->author;
		p.company = (char *)props->company;
		p.created = props->created;
	}
	if (workbook_set_properties(x->wb, &p) != LXW_NO_ERROR) {
		rc = error_set(NC_ENOMEM, "cannot set the properties of "
		    "workbook '%s'", path);
		goto done;
	}
	*out = x;
	x = NULL;
done:
	xlsx_free(x);
	return rc;
}

static int
xlsx_sheet_new(struct xlsx_sheet **out, struct xlsx *x, const char *name,
    int flags)
{
	struct xlsx_sheet	 *sh = NULL, **v;
	int			  rc;

	*out = NULL;
	if ((rc = xlsx_check(x)) != 0)
		return rc;
	if ((rc = xlsx_valid_name(x, name)) != 0)
		return xlsx_fail(x, rc);
	if ((flags & XLSX_HIDDEN) && x->nsheets == 0) {
		error_set(NC_EINVALID, "cannot hide sheet '%s': the first "
		    "sheet is the one Excel opens on", name);
		return xlsx_fail(x, NC_EINVALID);
	}
	if ((sh = calloc(1, sizeof *sh)) == NULL ||
	    (sh->name = strdup(name)) == NULL ||
	    (v = realloc(x->sheets, (x->nsheets + 1) * sizeof *v)) == NULL) {
		xlsx_sheet_free(sh);
		return xlsx_nomem(x);
	}
	x->sheets = v;
	if ((sh->ws = workbook_add_worksheet(x->wb, name)) == NULL) {
		xlsx_sheet_free(sh);
		error_set(NC_EINVALID, "cannot add sheet '%s'", name);
		return xlsx_fail(x, NC_EINVALID);
	}
	sh->x = x;
	sh->flags = flags;
	x->sheets[x->nsheets++] = sh;
	*out = sh;
	return 0;
}

int
xlsx_add_sheet(struct xlsx_sheet **out, struct xlsx *x, const char *name,
    int flags)
{
	return xlsx_sheet_new(out, x, name, flags);
}

/* Record that a cell is in use: print extent and, if counted, width. */
static int
xlsx_extent(struct xlsx_sheet *sh, uint32_t row, uint16_t col, size_t width)
{
	size_t	*w, n;

	if (row > sh->last_row)
		sh->last_row = row;
	if (!sh->used || col > sh->last_col)
		sh->last_col = col;
	sh->used = 1;
	if (sh->has_table && row > sh->header_row && row > sh->table_last)
		sh->table_last = row;
	if (col >= sh->nwidths) {
		n = (size_t)col + 1;
		if ((w = realloc(sh->widths, n * sizeof *w)) == NULL)
			return xlsx_nomem(sh->x);
		memset(w + sh->nwidths, 0, (n - sh->nwidths) * sizeof *w);
		sh->widths = w;
		sh->nwidths = n;
	}
	if (width > sh->widths[col])
		sh->widths[col] = width;
	return 0;
}

static int
xlsx_cell_check(struct xlsx_sheet *sh, uint32_t row, uint16_t col)
{
	char	 cell[LXW_MAX_CELL_NAME_LENGTH];
	int	 rc;

	if ((rc = xlsx_check(sh->x)) != 0)
		return rc;
	if (row > XLSX_MAX_ROW || col > XLSX_MAX_COL) {
		error_set(NC_EINVALID, "cell row %lu column %lu of sheet '%s' "
		    "is outside Excel's grid", (unsigned long)row + 1,
		    (unsigned long)col + 1, sh->name);
		return xlsx_fail(sh->x, NC_EINVALID);
	}
	if (sh->has_table && row == sh->header_row && col < sh->ncols) {
		lxw_rowcol_to_cell(cell, row, col);
		error_set(NC_EINVALID, "cell %s of sheet '%s' is in the table's "
		    "header row", cell, sh->name);
		return xlsx_fail(sh->x, NC_EINVALID);
	}
	return 0;
}

/* The format variant of a cell from the flags of its table column. */
static int
xlsx_variant(const struct xlsx_sheet *sh, uint32_t row, uint16_t col)
{
	int	 v = 0;

	if (!sh->has_table || row <= sh->header_row || col >= sh->ncols)
		return 0;
	if (row < sh->nalert && sh->alert[row])
		v |= V_ALERT;
	if (sh->col_flags[col] & XLSX_COL_INPUT)
		v |= V_INPUT;
	if (sh->col_flags[col] & XLSX_COL_CENTER)
		v |= V_CENTER;
	return v;
}

/* Is s a dash that stands for no value (－, ―, -)? */
static int
xlsx_no_value(const char *s)
{
	return strcmp(s, "－") == 0 || strcmp(s, "―") == 0 ||
	    strcmp(s, "-") == 0 || strcmp(s, "—") == 0;
}

/* Display width of the widest line. */
static size_t
xlsx_text_width(const char *s, size_t len)
{
	const char	*nl;
	size_t		 w, max = 0;

	while (len > 0) {
		nl = memchr(s, '\n', len);
		w = text_width(s, nl != NULL ? (size_t)(nl - s) : len);
		if (w > max)
			max = w;
		if (nl == NULL)
			break;
		len -= (size_t)(nl - s) + 1;
		s = nl + 1;
	}
	return max;
}

/*
 * Lines text takes when wrapped at usable display columns.  Japanese
 * breaks between any two characters; words may leave a line short, which
 * the column of padding in usable absorbs.
 */
static size_t
xlsx_text_lines(const char *s, size_t len, double usable)
{
	const char	*nl;
	size_t		 seg, w, lines = 0;

	if (usable < 1)
		usable = 1;
	for (;;) {
		nl = memchr(s, '\n', len);
		seg = nl != NULL ? (size_t)(nl - s) : len;
		w = text_width(s, seg);
		lines += w == 0 ? 1 : (size_t)ceil(w / usable);
		if (nl == NULL)
			break;
		len -= seg + 1;
		s = nl + 1;
	}
	return lines;
}

/*
 * Kinsoku (禁則): characters a line may not start with (closing brackets
 * and punctuation, small kana, the long-vowel mark) and ones it may not
 * end with (opening brackets).
 */
static int
xlsx_no_start(uint32_t cp)
{
	static const uint32_t	 set[] = {
		0x3001, 0x3002, 0xFF0C, 0xFF0E, 0xFF09, 0x300D, 0x300F, 0x3011,
		0x3015, 0x3009, 0x300B, 0xFF3D, 0xFF5D, 0x201D, 0x2019, 0x30FC,
		0x30FB, 0xFF1A, 0xFF1B, 0xFF01, 0xFF1F, 0x3005, 0x309D, 0x309E,
		0x30FD, 0x30FE, 0xFF05, 0x3041, 0x3043, 0x3045, 0x3047, 0x3049,
		0x3063, 0x3083, 0x3085, 0x3087, 0x308E, 0x30A1, 0x30A3, 0x30A5,
		0x30A7, 0x30A9, 0x30C3, 0x30E3, 0x30E5, 0x30E7, 0x30EE, 0xFF64,
		0xFF61, 0xFF63, ')', ']', '}', ',', '.', ';', ':', '!', '?', '%',
	};
	size_t	 i;

	for (i = 0; i < sizeof set / sizeof set[0]; i++)
		if (set[i] == cp)
			return 1;
	return 0;
}

static int
xlsx_no_end(uint32_t cp)
{
	static const uint32_t	 set[] = {
		0xFF08, 0x300C, 0x300E, 0x3010, 0x3014, 0x3008, 0x300A, 0xFF3B,
		0xFF5B, 0x201C, 0x2018, 0xFF62, '(', '[', '{',
	};
	size_t	 i;

	for (i = 0; i < sizeof set / sizeof set[0]; i++)
		if (set[i] == cp)
			return 1;
	return 0;
}

/* A unit of a line: a word of half-width characters, or one character. */
struct xlsx_unit {
	size_t		 off;
	size_t		 len;
	size_t		 width;
	uint32_t	 first;		/* its first and last code points */
	uint32_t	 last;
	int		 space;
	int		 edge;		/* a legal form starts or ends here */
};

/* The longest a bracketed group or a katakana word kept whole may be. */
#define XLSX_UNIT_CHARS	10

/*
 * Bytes of a short bracketed group at s, "（時間）", "（課長）" or
 * "（相談第10号）", "（例題 さくら）": at most XLSX_UNIT_CHARS full-width
 * characters inside (two half-width ones count as one), no nested
 * bracket, no space first, and
 * no wider than a line; 0 if s does not start one.
 */
static size_t
xlsx_group(const char *s, size_t len, size_t usable)
{
	uint32_t	 cp;
	size_t		 i, k, w, cols = 0;

	i = text_utf8_decode(&cp, s, len);
	while (i < len && cols <= 2 * XLSX_UNIT_CHARS) {
		k = text_utf8_decode(&cp, s + i, len - i);
		if (cp == 0xFF09)
			return cols > 0 && (cols + 4) * 50 <= usable ?
			    i + k : 0;
		w = text_width(s + i, k);
		/* a space inside a name: （例題 さくら）, not （例題 / さくら） */
		if ((w != 1 && w != 2) || cp == 0xFF08 || cp == '(' ||
		    ((cp == ' ' || cp == 0x3000) && cols == 0))
			return 0;
		cols += w;
		i += k;
	}
	return 0;
}

/* A letter of a katakana word: katakana and the long vowel mark ー. */
static int
xlsx_kata(uint32_t cp)
{
	return (cp >= 0x30A1 && cp <= 0x30FA) || cp == 0x30FC;
}

/*
 * Bytes of a katakana word at s, "セキュリティポリシー", with a ・ inside it
 * ("データ・バックアップ"): two to XLSX_UNIT_CHARS characters, no wider
 * than a line; a longer one up to its last ・ within that many, or 0.
 */
static size_t
xlsx_kana_word(const char *s, size_t len, size_t usable)
{
	uint32_t	 cp, next;
	size_t		 i = 0, k, m = 0, dot = 0, dotm = 0;

	while (i < len) {
		k = text_utf8_decode(&cp, s + i, len - i);
		if (cp == 0x30FB && m > 0 && i + k < len) {
			text_utf8_decode(&next, s + i + k, len - i - k);
			if (!xlsx_kata(next))
				break;
		} else if (!xlsx_kata(cp))
			break;
		if (m == XLSX_UNIT_CHARS) {
			/* too long: up to its last ・, if any */
			if (dot == 0)
				return 0;
			i = dot;
			m = dotm;
			break;
		}
		i += k;
		m++;
		if (cp == 0x30FB) {
			dot = i;
			dotm = m;
		}
	}
	return m >= 2 && m * 100 <= usable ? i : 0;
}

static int
xlsx_digit(uint32_t cp)
{
	return (cp >= '0' && cp <= '9') || (cp >= 0xFF10 && cp <= 0xFF19);
}

/* A unit after a number kept with it: 年 月 日 件 円 % ... */
static int
xlsx_num_unit(uint32_t cp)
{
	static const uint32_t	 units[] = { 0x5E74, 0x6708, 0x65E5, 0x4EF6,
	    0x5186, 0x4EBA, 0x56DE, 0x53F7, 0x6642, 0x5206, 0x79D2, '%',
	    0xFF05, 0x6B73, 0x540D, 0x53F0, 0x9031, 0x9805, 0x6761, 0x70B9,
	    0x500B, 0x7AE0, 0x7BC0, 0x90E8, 0x8AB2 };
	size_t			 i;

	for (i = 0; i < sizeof units / sizeof units[0]; i++)
		if (cp == units[i])
			return 1;
	return 0;
}

/*
 * Bytes of a number with its unit at s, kept whole: 12件, 100.0%,
 * 令和8年4月28日, 4月28日 (a date is never broken, "令和8年4月 / 28日"):
 * digits (with . , / - between them), a unit, and after 年 or 月 the next
 * number and its unit; 0 if s does not start one with a unit, or it is
 * wider than a line.
 */
static size_t
xlsx_number(const char *s, size_t len, size_t usable)
{
	uint32_t	 cp, nx;
	size_t		 i = 0, k, end = 0, d;

	k = text_utf8_decode(&cp, s, len);
	if (cp == 0x4EE4 && k < len) {		/* 令和8年 */
		i = k;
		i += text_utf8_decode(&cp, s + i, len - i);
		if (cp != 0x548C || i >= len)
			return 0;
		text_utf8_decode(&cp, s + i, len - i);
		if (!xlsx_digit(cp))
			return 0;
	}
	for (;;) {
		for (d = 0; i < len; d++) {
			k = text_utf8_decode(&cp, s + i, len - i);
			if (xlsx_digit(cp)) {
				i += k;
				continue;
			}
			if (d > 0 && (cp == '.' || cp == ',' || cp == '/' ||
			    cp == '-') && i + k < len) {
				text_utf8_decode(&nx, s + i + k, len - i - k);
				if (xlsx_digit(nx)) {
					i += k;
					continue;
				}
			}
			break;
		}
		if (d == 0 || i >= len)
			break;
		k = text_utf8_decode(&cp, s + i, len - i);
		if (!xlsx_num_unit(cp))
			break;
		i += k;
		end = i;
		if ((cp != 0x5E74 && cp != 0x6708) || i >= len)
			break;
		text_utf8_decode(&nx, s + i, len - i);
		if (!xlsx_digit(nx))
			break;
	}
	if (end == 0 || (text_width(s, end) + 1) * 50 > usable)
		return 0;
	return end;
}

/*
 * Bytes of the closing punctuation right after a unit kept whole
 * (（相談第6号）。, セキュリティ、): it goes with the unit, as no line may
 * start with it and the unit leaves no room to step back into.
 */
static size_t
xlsx_closing(const char *s, size_t len, size_t *width)
{
	uint32_t	 cp;
	size_t		 i = 0, k, w;

	*width = 0;
	while (i < len) {
		k = text_utf8_decode(&cp, s + i, len - i);
		if (!xlsx_no_start(cp) || xlsx_kata(cp) || cp == 0x30FB)
			break;
		w = text_width(s + i, k);
		*width += w == 2 ? 100 : w == 1 ? XLSX_HALF_W : 0;
		i += k;
	}
	return i;
}

/*
 * u: the g bytes at s + i kept whole, width wide, and the closing
 * punctuation after them; its bytes.
 */
static size_t
xlsx_whole(struct xlsx_unit *u, const char *s, size_t len, size_t i,
    size_t g, size_t width)
{
	size_t	 w;

	u->off = i;
	u->len = g + xlsx_closing(s + i + g, len - i - g, &w);
	u->width = width + w;
	text_utf8_decode(&u->first, s + i, len - i);
	text_utf8_decode(&u->last, s + i + g - 3, 3);
	u->space = 0;
	return u->len;
}

/*
 * The units of s[0..len), at most one per byte, their widths in
 * hundredths of a full-width character (XLSX_HALF_W for a half-width
 * one); a word no wider than usable.  A short aside in brackets and a
 * katakana word are one unit each (xlsx_group(), xlsx_kana_word()),
 * with the closing punctuation that follows them.
 */
static size_t
xlsx_units(struct xlsx_unit *u, const char *s, size_t len, size_t usable)
{
	uint32_t	 cp;
	size_t		 i = 0, n = 0, k, w, g;

	while (i < len) {
		k = text_utf8_decode(&cp, s + i, len - i);
		w = text_width(s + i, k) == 2 ? 100 : text_width(s + i, k) == 1 ?
		    XLSX_HALF_W : 0;
		if (n > 0 && w == XLSX_HALF_W && cp != ' ' && !u[n - 1].space &&
		    u[n - 1].width > 0 &&
		    u[n - 1].len * XLSX_HALF_W == u[n - 1].width &&
		    u[n - 1].width + w <= usable && cp < 0x80 &&
		    u[n - 1].last < 0x80 && !xlsx_no_end(u[n - 1].last) &&
		    !xlsx_no_start(u[n - 1].first)) {
			/* one more half-width letter of a word */
			u[n - 1].len += k;
			u[n - 1].width += w;
			u[n - 1].last = cp;
		} else if (cp == 0xFF08 && (g = xlsx_group(s + i, len - i,
		    usable)) > 0) {
			/* a short aside in brackets stays whole: （時間） */
			/* full-width 100, half-width XLSX_HALF_W */
			k = xlsx_whole(&u[n++], s, len, i, g,
			    text_width(s + i, g) * 50 +
			    (text_chars(s + i, g) * 2 - text_width(s + i, g)) *
			    (XLSX_HALF_W - 50));
		} else if ((xlsx_digit(cp) || cp == 0x4EE4) && (n == 0 ||
		    !xlsx_digit(u[n - 1].last)) &&
		    (g = xlsx_number(s + i, len - i, usable)) > 0) {
			/* a number with its unit, a date: 令和8年4月28日 */
			k = xlsx_whole(&u[n++], s, len, i, g,
			    text_width(s + i, g) * 50 +
			    (text_chars(s + i, g) * 2 - text_width(s + i, g)) *
			    (XLSX_HALF_W - 50));
		} else if (xlsx_kata(cp) && (n == 0 ||
		    !xlsx_kata(u[n - 1].last)) &&
		    (g = xlsx_kana_word(s + i, len - i, usable)) > 0) {
			/* a katakana word stays whole: セキュリティポリシー */
			k = xlsx_whole(&u[n++], s, len, i, g,
			    text_chars(s + i, g) * 100);
		} else {
			u[n].off = i;
			u[n].len = k;
			u[n].width = w;
			u[n].first = u[n].last = cp;
			u[n].space = cp == ' ' || cp == 0x3000;
			n++;
		}
		i += k;
	}
	/* a company's legal form a word of its own: 株式会社 / 見本システム */
	for (i = 0; i < n; i++)
		u[i].edge = 0;
	for (i = 0; i < n; i++)
		if ((g = textfit_legal_form(s + u[i].off, len - u[i].off)) > 0) {
			u[i].edge = 1;
			for (k = i + 1; k < n && u[k].off < u[i].off + g; k++)
				;
			if (k < n && u[k].off == u[i].off + g)
				u[k].edge = 1;
		}
	return n;
}

/*
 * s broken into lines of at most usable hundredths of a full-width
 * character (xlsx_line_room()), LF between them,
 * at the points a Japanese reader expects: between any two full-width
 * characters and at spaces between words, never inside a word or number
 * that fits a line, never before closing punctuation (、。）」) nor after an
 * opening bracket (the character goes down with its neighbour).  Line
 * feeds already in s stay.  Excel and LibreOffice then show the same
 * lines, which a cell wrapped by each would not.
 */
/* Scripts for the phrase boundaries of XLSX_COL_PHRASE. */
enum { XS_OTHER, XS_HIRA, XS_KATA, XS_KANJI, XS_SEP };

static int
xlsx_script(uint32_t cp)
{
	if (cp >= 0x3041 && cp <= 0x309F)
		return XS_HIRA;
	if (cp == 0x30FB || cp == 0x3001 || cp == ' ' || cp == 0x3000 ||
	    cp == 0xFF0F || cp == '/')
		return XS_SEP;	/* ・、 space, slash */
	if ((cp >= 0x30A1 && cp <= 0x30FF) || (cp >= 0xFF66 && cp <= 0xFF9F))
		return XS_KATA;
	if ((cp >= 0x4E00 && cp <= 0x9FFF) || cp == 0x3005 ||
	    (cp >= 0x3400 && cp <= 0x4DBF))
		return XS_KANJI;
	return XS_OTHER;
}

/*
 * A line may end between units a and b of a label (XLSX_COL_PHRASE):
 * after ・、 or a space, after a run of hiragana (a particle, okurigana:
 * 家庭の|管理), between katakana and kanji (ウイルス|感染, 障害者|サービス),
 * never inside a run of one script (こども家庭部 breaks as こども|家庭部).
 */
static int
xlsx_phrase_end(const struct xlsx_unit *a, const struct xlsx_unit *b)
{
	int	 x = xlsx_script(a->last), y = xlsx_script(b->first);

	if (x == XS_SEP)
		return 1;
	if (x == XS_HIRA)
		return y != XS_HIRA && y != XS_SEP;
	return (x == XS_KATA && y == XS_KANJI) ||
	    (x == XS_KANJI && y == XS_KATA) || y == XS_OTHER ||
	    x == XS_OTHER;
}

/*
 * A line of a name (XLSX_COL_NAME) may end between units a and b: after
 * ・ (not with phrase & 2: XLSX_COL_NODOT), 、／ or a space, before an
 * opening bracket (区立見本保育園 / （分園）), before or after a legal
 * form (株式会社 / 見本システム), and with XLSX_COL_PHRASE at a phrase's
 * end; never inside a run of kanji, a word or a number.
 */
static int
xlsx_name_end(const struct xlsx_unit *a, const struct xlsx_unit *b,
    int phrase)
{
	if (a->space || b->space || b->edge || (a->last == 0x30FB &&
	    !(phrase & 2)) || a->last == 0x3001 || a->last == 0xFF0F ||
	    a->last == '/' || b->first == 0xFF08 || b->first == '(')
		return !xlsx_no_start(b->first) && !xlsx_no_end(a->last);
	if (!(phrase & 1) || xlsx_no_start(b->first) || xlsx_no_end(a->last) ||
	    a->last == 0x30FB)
		return 0;
	/* digits and letters stay with their neighbours: 第2庁舎 */
	if (xlsx_script(a->last) == XS_OTHER ||
	    xlsx_script(b->first) == XS_OTHER)
		return 0;
	return xlsx_phrase_end(a, b);
}

/*
 * mode: XLSX_COL_PHRASE and XLSX_COL_NAME of the column's flags.  A name
 * is never broken inside: a line with no point where a name may break
 * runs on to the next one (xlsx_fit_table() makes the column as wide as
 * the widest such piece).
 */
static size_t	xlsx_count_lines(const char *, size_t);

/*
 * Is s[0..len) running text, not a name, a label, a code or a value: it
 * has a space or 、。, or more than TEXTFIT_NAME characters.  It breaks
 * as textfit_wrap() breaks it, also in an XLSX_COL_PHRASE column, and
 * the room no line needs goes to columns of such text.
 */
static int
xlsx_prose(const char *s, size_t len)
{
	static const char *const marks[] = { " ", "　", "、", "。" };
	size_t	 i, k, m;

	for (i = 0; i < len; i++)
		for (k = 0; k < sizeof marks / sizeof marks[0]; k++) {
			m = strlen(marks[k]);
			if (i + m <= len && memcmp(s + i, marks[k], m) == 0)
				return 1;
		}
	return text_chars(s, len) > TEXTFIT_NAME;
}

/*
 * The room textfit_wrap() fills of a line usable hundredths wide: all of
 * it.  The slack that keeps Excel and LibreOffice from wrapping a line
 * again (TEXTFIT_ROOM's for Word) is in xlsx_line_room() already: a
 * full-width character counted 15.5 px, 游ゴシック's 14.7 in Excel (5 %
 * less) and IPAex Gothic's in LibreOffice less still (21 characters a
 * line of 監査項目 where 20.7 are counted), with TEXTFIT_GAP between
 * kanji and digits on top.  Taking TEXTFIT_ROOM of it again left a
 * fifth of each line empty on the printed working paper and cost it a
 * page.
 */
static unsigned
xlsx_wrap_room(size_t usable)
{
	return (unsigned)usable;
}

/*
 * Running text (neither XLSX_COL_PHRASE nor XLSX_COL_NAME): broken by
 * textfit_wrap(), the rules the Word writer follows, never inside a
 * date, a number with its unit, a katakana word, a run of half-width
 * characters or a short aside in brackets, no last line of one or two
 * characters, no line starting with closing punctuation.  Where that
 * breaks a word that fits a line (textfit_bad_break(): a kanji compound,
 * 再委／託), the text is wrapped narrower, a quarter of a character at a
 * time down to two thirds of the line, until it breaks none and no more
 * between two hiragana, on no more lines (the fitter then widens the
 * column where that spares the break), as the Word writer breaks at
 * phrase boundaries.
 */
static void
xlsx_wrap_text(struct buf *out, const char *s, size_t len, size_t usable)
{
	char		*t, *w;
	unsigned	 room = xlsx_wrap_room(usable);

	if ((t = malloc(len + 1)) == NULL) {
		buf_add(out, s, len);
		return;
	}
	memcpy(t, s, len);
	t[len] = '\0';
	w = textfit_wrap(t, room);
	if (w != NULL)
		w = textfit_spare_word(t, w, room, (unsigned)xlsx_count_lines(w,
		    strlen(w)), textfit_wrap);
	/* no line broken: the text as it is (its spaces, a tab first) */
	if (w == NULL ||
	    xlsx_count_lines(w, strlen(w)) == xlsx_count_lines(s, len))
		buf_add(out, s, len);
	else
		buf_add(out, w, strlen(w));
	free(w);
	free(t);
}

static void	xlsx_break_units(struct buf *, const char *, size_t, size_t,
		    int);

/* Characters on the last line of s[0..len). */
static size_t
xlsx_last_line(const char *s, size_t len)
{
	size_t	 i = len;

	while (i > 0 && s[i - 1] != '\n')
		i--;
	return text_chars(s + i, len - i);
}

/*
 * Where the lines out of s[0..len) break a word that fits a line
 * (介護保／険, 調査報／告書, 範囲／内): s broken at the best breaks in
 * lines lines (textfit_wrap_within()) if that costs less
 * (textfit_break_cost()).  A name's lines (XLSX_COL_NAME) stay as they
 * are: it breaks only at its own ends.  A label's (XLSX_COL_PHRASE in
 * mode: a 件名, a 対象者) take a line more where a word is still cut
 * (介護保／険システム, 会計年度任／用職員) and that line spares it: read as
 * a name, it reads wrong cut.  Running text leaves that trade to
 * the fitter's widths: a line more in every such cell of the 所属点検's
 * 項目 cost its workbook a page; it takes one only where the fitter found
 * that costs no page (XLSX_BRK_SPARE in mode).  Out of memory, out
 * stays.
 */
#define XLSX_CUT_LABEL	2	/* textfit_break_cost() of 任用 cut */
/*
 * In mode, beside the column's flags: running text may take that line
 * too (xlsx_fit_spares() found it costs the sheet no page).
 */
#define XLSX_BRK_SPARE	0x10000

/*
 * Is the first of lines w (of at most room hundredths) a stub: under a
 * third of the room, before a line of more than two thirds, and not a
 * clause that ends at its 、 or 。 (契約・協定ごと、点検の段階ごとに、 /
 * このファイルを…, which the fullest lines broke inside an aside)?
 */
static int
xlsx_stub(const char *w, unsigned room)
{
	const char	*nl = strchr(w, '\n'), *nl2;
	char		*a, *b;
	int		 stub = 0;

	if (nl == NULL || (nl - w >= 3 && (memcmp(nl - 3, "、", 3) == 0 ||
	    memcmp(nl - 3, "。", 3) == 0)))
		return 0;
	if ((nl2 = strchr(nl + 1, '\n')) == NULL)
		nl2 = nl + strlen(nl);
	if ((a = strndup(w, (size_t)(nl - w))) != NULL &&
	    (b = strndup(nl + 1, (size_t)(nl2 - nl - 1))) != NULL) {
		stub = textfit_width(a) * 3 < room &&
		    textfit_width(b) * 3 > room * 2;
		free(b);
	}
	free(a);
	return stub;
}

/*
 * A sentence of running text whose last line is a short tail of up to
 * TEXTFIT_TAIL characters (…是正の結果が記録されて／いるか。, the 監査調書's
 * 監査項目): the lines textfit_wrap_within() sets in as many that leave
 * none, narrower a little at a time, where they cut no more (Word's
 * cells do the same: docx.c, short_tail(), spare_kana()).
 */
static void
xlsx_spare_tail(struct buf *out, const char *t, unsigned room)
{
	char		*v;
	size_t		 n, len = strlen(t);
	unsigned	 c, r, cost;

	if (buf_ok(out) != 0 || out->len == 0 || len < 3 ||
	    memcmp(t + len - 3, "。", 3) != 0 ||
	    (n = xlsx_count_lines(out->data, out->len)) < 2 ||
	    n > UINT8_MAX || xlsx_last_line(out->data, out->len) >
	    TEXTFIT_TAIL)
		return;
	cost = textfit_break_cost(t, out->data, room);
	/* narrower a quarter of a character at a time, to two thirds */
	for (r = room; r >= 200 && r >= room * 2 / 3; r -= 25) {
		if ((v = textfit_wrap_within(t, r, room, (unsigned)n, 1,
		    &c)) == NULL)
			continue;
		/* nor a stub for a first line (業務継続計画／（ICT-BCP）…) */
		if (c <= cost && !xlsx_stub(v, room)) {
			buf_reset(out);
			buf_add(out, v, strlen(v));
			free(v);
			return;
		}
		free(v);
	}
}

static void
xlsx_spare_within(struct buf *out, const char *s, size_t len, size_t usable,
    size_t lines, int mode)
{
	char		*t, *w, *v;
	unsigned	 room = xlsx_wrap_room(usable), cost, c;

	if (lines > UINT8_MAX || xlsx_count_lines(out->data, out->len) < 2)
		return;
	if ((t = strndup(s, len)) == NULL ||
	    (w = strndup(out->data, out->len)) == NULL) {
		free(t);
		return;
	}
	if ((cost = textfit_break_cost(t, w, room)) > 0) {
		if ((v = textfit_wrap_within(t, room, room, (unsigned)lines, 0,
		    &c)) != NULL && c < cost) {
			buf_reset(out);
			buf_add(out, v, strlen(v));
			cost = c;
		}
		free(v);
		v = NULL;
		/*
		 * a word still cut, a label's or running text's where the
		 * fitter found the room: a line more that leaves none cut at
		 * a cost, only light breaks (a particle off its aside:
		 * 「未実施」／とした項目; 証明書交付の補助業／務の…特記事／項が
		 * …締結当／初の)
		 */
		if ((mode & (XLSX_COL_PHRASE | XLSX_BRK_SPARE)) &&
		    cost >= XLSX_CUT_LABEL &&
		    (v = textfit_wrap_within(t, room, room, (unsigned)lines + 1,
		    0, &c)) != NULL && c < XLSX_CUT_LABEL) {
			buf_reset(out);
			buf_add(out, v, strlen(v));
		}
		free(v);
	} else if (!(mode & XLSX_COL_PHRASE) && xlsx_stub(w, room) &&
	    (v = textfit_wrap_within(t, room, room, (unsigned)lines, 0,
	    &c)) != NULL) {
		/*
		 * running text whose first line is a stub before a full one
		 * (異動・／退職者の業務システムの…削除している。): the fullest
		 * lines in as many that cut no word
		 */
		if (c == 0) {
			buf_reset(out);
			buf_add(out, v, strlen(v));
		}
		free(v);
	}
	xlsx_spare_tail(out, t, room);
	free(w);
	free(t);
}

static void	xlsx_break_compute(struct buf *, const char *, size_t, size_t,
		    int);

/*
 * xlsx_break_text()'s results, remembered across a process: the fitter
 * breaks a cell at each width it tries (per sheet it remembers them
 * itself), the writer again at the width taken, and a bundle writes
 * the same texts in several workbooks (issue 7: seven breaks in ten of
 * the sample's bundle had been made before, wrapping was half of its
 * time).  The break depends on nothing but its arguments.
 */
static struct textfit_memo	xlsx_break_memo = { NULL, 16384 };

static void
xlsx_break_text(struct buf *out, const char *s, size_t len, size_t usable,
    int mode)
{
	const char	*kept;
	size_t		 klen;
	unsigned	 v[2] = { 0, 0 };

	if (textfit_memo_get(&xlsx_break_memo, s, len, usable, (unsigned)mode,
	    v, &kept, &klen) && kept != NULL) {
		buf_reset(out);
		buf_add(out, kept, klen);
		return;
	}
	xlsx_break_compute(out, s, len, usable, mode);
	if (buf_ok(out) == 0)
		textfit_memo_put(&xlsx_break_memo, s, len, usable,
		    (unsigned)mode, v, out->data != NULL ? out->data : "",
		    out->len);
}

static void
xlsx_break_compute(struct buf *out, const char *s, size_t len, size_t usable,
    int mode)
{
	struct buf	 t = BUF_INIT;
	size_t		 n;

	xlsx_break_units(out, s, len, usable, mode);
	if (!(mode & XLSX_COL_NAME) && buf_ok(out) == 0)
		xlsx_spare_within(out, s, len, usable,
		    xlsx_count_lines(out->data, out->len), mode);
	/*
	 * A label left with one or two characters on its last line
	 * (情報システム / 全体の強靭性の / 向上): as running text if that
	 * takes no more lines and leaves none so.
	 */
	if (!(mode & XLSX_COL_PHRASE) || (mode & XLSX_COL_NAME) ||
	    buf_ok(out) != 0 || (n = xlsx_count_lines(out->data,
	    out->len)) < 2 || xlsx_last_line(out->data, out->len) >=
	    TEXTFIT_WIDOW)
		return;
	xlsx_wrap_text(&t, s, len, usable);
	if (buf_ok(&t) == 0 && xlsx_count_lines(t.data, t.len) <= n &&
	    xlsx_last_line(t.data, t.len) >= TEXTFIT_WIDOW) {
		buf_reset(out);
		buf_add(out, t.data, t.len);
	}
	buf_free(&t);
}

/*
 * Where a name's line from u[start] ends instead of at b, which leaves
 * too little for the last line: the latest end before b after which the
 * rest, u[j..n), fits a line, an end of the name's or, as a last resort,
 * where kanji give way to a word in hiragana (西部地域 / まちづくり課);
 * b where there is none.
 */
static size_t
xlsx_name_widow(const struct xlsx_unit *u, size_t start, size_t b, size_t n,
    size_t usable, int phrase)
{
	size_t	j, k, w;

	for (j = b - 1; j > start; j--) {
		if (!xlsx_name_end(&u[j - 1], &u[j], phrase) &&
		    !(xlsx_script(u[j - 1].last) == XS_KANJI &&
		    xlsx_script(u[j].first) == XS_HIRA))
			continue;
		for (k = j, w = 0; k < n; k++)
			w += u[k].width;
		if (w <= usable)
			return j;
		break;
	}
	return b;
}

/*
 * A sentence in a column of labels (XLSX_COL_NAME with XLSX_COL_PHRASE:
 * the リスク一覧's 分析, whose findings' 指摘区分：改善提案 must stay
 * whole): broken at phrases' ends as a label is, on as few lines as
 * greedily, but with the lines as even as those ends allow.  Greedy,
 * 紛失しても気付くまでに / 時間を / 要するおそれがある。 left a fragment
 * of three characters between two full lines (stop 38).  Writes the
 * segment's lines and returns 1, or 0 where some unit is wider than a
 * line (the greedy breaking then runs on).
 */
static int
xlsx_break_even(struct buf *out, const char *s, const struct xlsx_unit *u,
    size_t n, size_t usable, int phrase)
{
	size_t		*lines, *from, i, j, k, w, a, z;
	double		*cost, c, slack;
	int		 ok = 0;

	if (n == 0)
		return 0;
	lines = calloc(n + 1, sizeof *lines);
	from = calloc(n + 1, sizeof *from);
	cost = calloc(n + 1, sizeof *cost);
	if (lines == NULL || from == NULL || cost == NULL)
		goto done;
	for (i = 1; i <= n; i++) {
		lines[i] = (size_t)-1;
		if (i < n && !xlsx_name_end(&u[i - 1], &u[i], phrase))
			continue;
		/* the line's units less its spaces at either end */
		for (z = i; z > 0 && u[z - 1].space; z--)
			;
		for (j = i, w = 0; j-- > 0;) {
			if (j < z)
				w += u[j].width;
			if (w > usable)
				break;
			if (j > 0 && !xlsx_name_end(&u[j - 1], &u[j], phrase))
				continue;
			if (lines[j] == (size_t)-1)
				continue;
			for (a = j; a < z && u[a].space; a++)
				;
			if (a == z)
				continue;
			for (k = j; k < a; k++)
				w -= u[k].width;
			slack = (double)(usable - w);
			for (k = j; k < a; k++)
				w += u[k].width;
			c = cost[j] + (i < n ? slack * slack : 0);
			/*
			 * a line ends at a sentence's end or its 、 where
			 * one comes near enough: 使われていた。 / 他の
			 * 窓口部署でも, not 使われていた。他の / 窓口部署
			 */
			if (i < n && u[z - 1].last == 0x3002)
				c -= (double)usable * usable / 4;
			else if (i < n && u[z - 1].last == 0x3001)
				c -= (double)usable * usable / 16;
			/* no last line of one or two characters */
			if (i == n && text_chars(s + u[a].off, u[i - 1].off +
			    u[i - 1].len - u[a].off) < TEXTFIT_WIDOW && j > 0)
				c += 1e12;
			if (lines[j] + 1 < lines[i] || (lines[j] + 1 ==
			    lines[i] && c < cost[i])) {
				lines[i] = lines[j] + 1;
				cost[i] = c;
				from[i] = j;
			}
		}
	}
	if (lines[n] == (size_t)-1)
		goto done;
	/* the ends, last first, into from[] as a chain; then written */
	{
		size_t	 cnt = lines[n], *ends, e;

		if ((ends = calloc(cnt + 1, sizeof *ends)) == NULL)
			goto done;
		for (e = n, k = cnt; k > 0; k--) {
			ends[k - 1] = e;
			e = from[e];
		}
		for (k = 0, j = 0; k < cnt; k++) {
			i = ends[k];
			for (a = j; a < i && u[a].space; a++)
				;
			for (z = i; z > a && u[z - 1].space; z--)
				;
			if (z > a)
				buf_add(out, s + u[a].off, u[z - 1].off +
				    u[z - 1].len - u[a].off);
			if (k + 1 < cnt)
				buf_putc(out, '\n');
			j = i;
		}
		free(ends);
	}
	ok = 1;
done:
	free(lines);
	free(from);
	free(cost);
	return ok;
}

/* Whether s[0..len) is a sentence: it has 、 or 。. */
static int
xlsx_sentence(const char *s, size_t len)
{
	size_t	i;

	for (i = 0; i + 3 <= len; i++)
		if (memcmp(s + i, "、", 3) == 0 || memcmp(s + i, "。", 3) == 0)
			return 1;
	return 0;
}

static void
xlsx_break_units(struct buf *out, const char *s, size_t len, size_t usable,
    int mode)
{
	struct xlsx_unit	*u;
	const char		*nl;
	size_t			 seg, n, i, start, w, b, k;
	int			 phrase = (mode & XLSX_COL_PHRASE ? 1 : 0) |
				    (mode & XLSX_COL_NODOT ? 2 : 0);
	int			 name = mode & XLSX_COL_NAME;

	buf_reset(out);
	/* running text, a label's too (課題管理表's 経過) */
	if (!name && (!phrase || xlsx_prose(s, len))) {
		xlsx_wrap_text(out, s, len, usable);
		return;
	}
	if (usable < 200)
		usable = 200;
	if ((u = calloc(len + 1, sizeof *u)) == NULL) {
		buf_add(out, s, len);
		return;
	}
	for (;;) {
		nl = memchr(s, '\n', len);
		seg = nl != NULL ? (size_t)(nl - s) : len;
		n = xlsx_units(u, s, seg, name ? seg * 100 + 200 : usable);
		start = 0;
		if (name && (phrase & 1) && xlsx_sentence(s, seg) &&
		    xlsx_break_even(out, s, u, n, usable, phrase))
			start = n;
		while (start < n) {
			/* as many units as fit, at least one */
			w = 0;
			for (i = start; i < n && (i == start ||
			    w + u[i].width <= usable); i++)
				w += u[i].width;
			b = i;
			/*
			 * closing punctuation goes down with its neighbour,
			 * and a number with its counter (2名, 1件)
			 */
			while (b < n && b > start + 1 &&
			    (xlsx_no_start(u[b].first) ||
			    xlsx_no_end(u[b - 1].last) ||
			    (u[b - 1].last >= '0' && u[b - 1].last <= '9' &&
			    !u[b].space)))
				b--;
			/* a name: where it may break, wherever that is */
			if (name && i < n) {
				for (b = i; b > start &&
				    !xlsx_name_end(&u[b - 1], &u[b], phrase);
				    b--)
					;
				/*
				 * at a legal form's edge where the line has
				 * one and no space: 株式会社 / 見本システム,
				 * not 株式会社見本 / システム
				 */
				for (k = b; b > start && !u[b - 1].space &&
				    !u[b].space && k > start; k--)
					if (u[k].edge && xlsx_name_end(&u[k - 1],
					    &u[k], phrase & 2)) {
						b = k;
						break;
					}
				/*
				 * a company's name without XLSX_COL_PHRASE
				 * whole up to its legal form, however wide
				 * (架空データサービス / 株式会社, never 架空 /
				 * データサービス / 株式会社, read as three):
				 * the fitter widens the column to the piece
				 */
				if (b == start && !(phrase & 1))
					for (k = start + 1; k < n; k++)
						if (u[k].edge &&
						    xlsx_name_end(&u[k - 1],
						    &u[k], phrase & 2)) {
							b = k;
							break;
						}
				/*
				 * a line with none: at a phrase's end
				 * (文書管理 / システム) rather than wider
				 * than the column
				 */
				for (b = b == start ? i : b; b > start &&
				    !xlsx_name_end(&u[b - 1], &u[b],
				    phrase | 1); b--)
					;
				if (b == start)
					for (b = i + 1; b < n &&
					    !xlsx_name_end(&u[b - 1], &u[b],
					    phrase | 1); b++)
						;
				/*
				 * not to leave one or two characters on the
				 * last line (西部地域まちづくり / 課): at an
				 * earlier end whose rest fits a line
				 */
				if (b > start && b < n &&
				    text_chars(s + u[b].off, seg - u[b].off) <
				    TEXTFIT_WIDOW)
					b = xlsx_name_widow(u, start, b, n,
					    usable, phrase);
			}
			/* a label: at a phrase's end if the line has one */
			else if (phrase && b < n) {
				for (i = b; i > start + 1 &&
				    (!xlsx_phrase_end(&u[i - 1], &u[i]) ||
				    xlsx_no_start(u[i].first) ||
				    xlsx_no_end(u[i - 1].last)); i--)
					;
				if (i > start + 1 || (i == start + 1 &&
				    xlsx_phrase_end(&u[start], &u[i])))
					b = i;
			}
			/* no line ends in spaces */
			i = b;
			while (i > start && u[i - 1].space)
				i--;
			buf_add(out, s + u[start].off, i > start ?
			    u[i - 1].off + u[i - 1].len - u[start].off : 0);
			/* nor starts with one */
			while (b < n && u[b].space)
				b++;
			if (b < n)
				buf_putc(out, '\n');
			start = b;
		}
		if (nl == NULL)
			break;
		buf_putc(out, '\n');
		len -= seg + 1;
		s = nl + 1;
	}
	free(u);
}

/*
 * Room for a line broken by the writer in a column width Excel units
 * wide, in hundredths of a full-width character: the column's pixels
 * (width x 8 + 5 with 游ゴシック 11pt) less the cell's margins, over a
 * full-width character a little wider than 游ゴシック's 14.7 px (IPAex
 * Gothic, which stands in for it in LibreOffice, is as wide).
 */
static size_t
xlsx_line_room(double width)
{
	double	 px = width * XLSX_MDW_PX + 5 - XLSX_CELL_MARGIN_PX;

	return px > 0 ? (size_t)(px * 100 / XLSX_FULL_PX) : 0;
}

/* The inverse: the column width whose line has room for hundredths. */
static double
xlsx_room_width(double hundredths)
{
	return ceil((hundredths * XLSX_FULL_PX / 100 + XLSX_CELL_MARGIN_PX -
	    5) / XLSX_MDW_PX + 0.01);
}

/*
 * The width in Excel units that a name (XLSX_COL_NAME) needs so that no
 * piece of it between two points where it may break is itself broken:
 * the inverse of xlsx_line_room() for its widest piece.
 */
static double
xlsx_name_width(struct buf *b, const char *s, size_t len, int mode)
{
	struct xlsx_unit	*u;
	const char		*p, *nl;
	size_t			 n, i, h, rest, seg, k;
	double			 w, max = 0;
	int			 phrase = (mode & XLSX_COL_PHRASE ? 1 : 0) |
				    (mode & XLSX_COL_NODOT ? 2 : 0);

	/*
	 * A 課's name (XLSX_COL_NODOT, not a label's XLSX_COL_PHRASE) of up
	 * to TEXTFIT_NAME characters between the points where it may break
	 * whole (障害者サービス調整担当課): measured as the writer breaks it
	 * in no room, at a phrase's end where it has no other point (総務課
	 * / 文書管理 / システム), the 予定と実績's column held 障害者 /
	 * サービス / 調整担当課 and スポーツ / 振興課 (rev19b T4).
	 */
	if ((mode & (XLSX_COL_NODOT | XLSX_COL_PHRASE)) != XLSX_COL_NODOT)
		goto pieces;
	if ((u = calloc(len + 1, sizeof *u)) == NULL)
		return 0;
	for (p = s, rest = len;;) {
		nl = memchr(p, '\n', rest);
		seg = nl != NULL ? (size_t)(nl - p) : rest;
		n = xlsx_units(u, p, seg, seg * 100 + 200);
		for (i = 0, k = 0, h = 0; i <= n; i++) {
			if (i < n && (i == k || !xlsx_name_end(&u[i - 1], &u[i],
			    phrase))) {
				h += u[i].width;
				continue;
			}
			if (i > k && text_chars(p + u[k].off, u[i - 1].off +
			    u[i - 1].len - u[k].off) <= TEXTFIT_NAME &&
			    (w = xlsx_room_width((double)h)) > max)
				max = w;
			k = i;
			h = i < n ? u[i].width : 0;
		}
		if (nl == NULL)
			break;
		rest -= seg + 1;
		p = nl + 1;
	}
	free(u);
pieces:
	xlsx_break_text(b, s, len, 0, mode | XLSX_COL_NAME);
	if (buf_ok(b) != 0 || (u = calloc(b->len + 1, sizeof *u)) == NULL)
		return 0;
	for (p = b->data, rest = b->len;;) {
		nl = memchr(p, '\n', rest);
		seg = nl != NULL ? (size_t)(nl - p) : rest;
		n = xlsx_units(u, p, seg, seg * 100 + 200);
		for (i = 0, h = 0; i < n; i++)
			h += u[i].width;
		w = xlsx_room_width((double)h);
		if (w > max)
			max = w;
		if (nl == NULL)
			break;
		rest -= seg + 1;
		p = nl + 1;
	}
	free(u);
	return max;
}

/*
 * The width in Excel units that the widest unit kept whole of s takes
 * (a katakana word, a short aside in brackets): the narrowest an
 * XLSX_COL_BREAK column holding s may be, for xlsx_break_text() not to
 * break one (セキュリティポリ／シー, （相談第／6号）).  0 if s has none.
 */
static double
xlsx_unit_width(const char *s)
{
	struct xlsx_unit	*u;
	const char		*nl;
	size_t			 len = strlen(s), n, i, seg, max = 0;

	if ((u = calloc(len + 1, sizeof *u)) == NULL)
		return 0;
	for (;;) {
		nl = memchr(s, '\n', len);
		seg = nl != NULL ? (size_t)(nl - s) : len;
		n = xlsx_units(u, s, seg, seg * 100 + 200);
		for (i = 0; i < n; i++)
			if ((u[i].first == 0xFF08 || xlsx_kata(u[i].first)) &&
			    u[i].len > 3 && u[i].width > max)
				max = u[i].width;
		if (nl == NULL)
			break;
		len -= seg + 1;
		s = nl + 1;
	}
	free(u);
	return max > 0 ? xlsx_room_width((double)max) : 0;
}

/*
 * Display columns (a full-width character counts two) a line of text
 * wrapped by Excel or LibreOffice itself takes in a column width units
 * wide: the room of a line as above, less a full-width character for
 * where the program breaks short of the edge (a word, a bracket).  A
 * 練馬区保健所（保健予防課） of 26 columns is one line in width 28 (it was
 * counted as two with width less three).
 */
static double
xlsx_wrap_cols(double width)
{
	return (double)xlsx_line_room(width) / 50.0 - 2;
}

/* Display columns a line may take in column col, for wrapped text. */
static double
xlsx_usable(const struct xlsx_sheet *sh, uint16_t col)
{
	if (col < sh->ncols && sh->col_width[col] > 0)
		return xlsx_wrap_cols(sh->col_width[col]);
	return xlsx_wrap_cols(XLSX_WIDTH_MAX);
}

static double
xlsx_col_final(const struct xlsx_sheet *sh, uint16_t col)
{
	if (col < sh->ncols && sh->col_width[col] > 0)
		return sh->col_width[col];
	return XLSX_WIDTH_MAX;
}

/*
 * Does the writer break the text of a table's column of these flags
 * itself: XLSX_COL_BREAK and XLSX_COL_NAME, which every XLSX_FIT_TEXT
 * column of xlsx_fit_table() and xlsx_fit_sheet() gets (xlsx_fit_flags()),
 * so that every wrapped text cell of a fitted table is broken as the
 * fitter counted it.  Left alone, the applications break it between any
 * two characters, inside a date (令和 / 8年4月28日) or a katakana word
 * (情報 / セキュリティポリシー).  Other columns keep their text as it is
 * for readers that parse it (a form's choices, a bundle's file names).
 */
static int
xlsx_breaks(int flags)
{
	return (flags & (XLSX_COL_BREAK | XLSX_COL_NAME)) != 0;
}

/* Lines of text broken by xlsx_break_text(): a row of that many. */
static int
xlsx_row_set_lines(struct xlsx_sheet *sh, uint32_t row, size_t lines)
{
	uint8_t		*v;
	size_t		 n;

	if (lines <= 1)
		return 0;
	if (lines > UINT8_MAX)
		lines = UINT8_MAX;
	if (row >= sh->nlines) {
		n = (size_t)row + 1;
		if ((v = realloc(sh->lines, n)) == NULL)
			return xlsx_nomem(sh->x);
		memset(v + sh->nlines, 0, n - sh->nlines);
		sh->lines = v;
		sh->nlines = n;
	}
	if (lines > sh->lines[row])
		sh->lines[row] = (uint8_t)lines;
	return 0;
}

int
xlsx_row_min_lines(struct xlsx_sheet *sh, uint32_t row, unsigned lines)
{
	return xlsx_row_set_lines(sh, row, lines);
}

static size_t
xlsx_count_lines(const char *s, size_t len)
{
	size_t	 n = 1;

	while (len-- > 0)
		if (*s++ == '\n')
			n++;
	return n;
}

/*
 * Excel fits a row to wrapped text when it draws it, LibreOffice does not
 * when it imports, so a row whose text takes several lines gets its
 * height set.  The column's final width is known already: it is fixed,
 * or at least this text's width, or the cap.
 */
static int
xlsx_row_lines(struct xlsx_sheet *sh, uint32_t row, uint16_t col,
    const char *s, size_t len)
{
	return xlsx_row_set_lines(sh, row, xlsx_text_lines(s, len,
	    xlsx_usable(sh, col)));
}

static int
xlsx_valid_text(struct xlsx_sheet *sh, uint32_t row, uint16_t col,
    const char *s, size_t len)
{
	char	 cell[LXW_MAX_CELL_NAME_LENGTH];

	lxw_rowcol_to_cell(cell, row, col);
	if (!text_utf8_valid(s, len)) {
		error_set(NC_EINVALID, "cannot write cell %s of sheet '%s': "
		    "text is not valid UTF-8", cell, sh->name);
		return xlsx_fail(sh->x, NC_EINVALID);
	}
	if (text_chars(s, len) > XLSX_MAX_CHARS) {
		error_set(NC_EINVALID, "cannot write cell %s of sheet '%s': "
		    "text longer than %d characters", cell, sh->name,
		    XLSX_MAX_CHARS);
		return xlsx_fail(sh->x, NC_EINVALID);
	}
	return 0;
}

int
xlsx_highlight_row(struct xlsx_sheet *sh, uint32_t row)
{
	uint8_t	*nv;
	size_t	 n;
	int	 rc;

	XLSX_SHEET_CHECK(sh);
	if ((rc = xlsx_check(sh->x)) != 0)
		return rc;
	if (!sh->has_table || row <= sh->header_row || row > XLSX_MAX_ROW) {
		error_set(NC_EINVALID, "row %u of sheet '%s' is not a row of "
		    "its table", row + 1, sh->name);
		return xlsx_fail(sh->x, NC_EINVALID);
	}
	if (row >= sh->nalert) {
		n = (size_t)row + 64;
		if ((nv = realloc(sh->alert, n)) == NULL)
			return xlsx_nomem(sh->x);
		memset(nv + sh->nalert, 0, n - sh->nalert);
		sh->alert = nv;
		sh->nalert = n;
	}
	sh->alert[row] = 1;
	return 0;
}

int
xlsx_print_rows(struct xlsx_sheet *sh, uint32_t n)
{
	XLSX_SHEET_CHECK(sh);
	sh->print_rows = n;
	return 0;
}

/*
 * Does the cell at row, col, whose text s the writer broke into lines w
 * at room, break a word where it fits a line (介護保／険, 調査報／告書):
 * then it is kept, to be written by xlsx_rewrap(), and *kept is 1.
 */
static int
xlsx_rewrap_add(int *kept, struct xlsx_sheet *sh, uint32_t row, uint16_t col,
    const char *s, const char *w, unsigned room, lxw_format *f)
{
	struct xlsx_rewrap	*v, *r;
	unsigned		 cost, lines = textfit_count_lines(w);

	*kept = 0;
	if (lines < 2 || (cost = textfit_break_cost(s, w, room)) == 0)
		return 0;
	if ((v = realloc(sh->rewrap, (sh->nrewrap + 1) * sizeof *v)) == NULL)
		return xlsx_nomem(sh->x);
	sh->rewrap = v;
	r = &v[sh->nrewrap];
	if ((r->text = strdup(s)) == NULL)
		return xlsx_nomem(sh->x);
	if ((r->broken = strdup(w)) == NULL) {
		free(r->text);
		return xlsx_nomem(sh->x);
	}
	sh->nrewrap++;
	*kept = 1;
	r->row = row;
	r->col = col;
	r->format = f;
	r->room = room;
	r->lines = lines;
	r->cost = cost;
	return 0;
}

/*
 * The cells kept by xlsx_rewrap_add(), written: where the row has more
 * lines than a cell's, broken again at the best breaks in the row's
 * lines (textfit_wrap_within()) if that costs less, else as the writer
 * broke them.  A line the row has anyway spares the word, and the row
 * keeps its height.
 */
static int
xlsx_rewrap(struct xlsx_sheet *sh)
{
	struct xlsx_rewrap	*r;
	char			*w;
	size_t			 i;
	unsigned		 lines, c;
	int			 rc;

	for (i = 0; i < sh->nrewrap; i++) {
		r = &sh->rewrap[i];
		lines = r->row < sh->nlines ? sh->lines[r->row] : 1;
		w = NULL;
		if (lines > r->lines && (w = textfit_wrap_within(r->text,
		    r->room, r->room, lines, 0, &c)) != NULL &&
		    (c >= r->cost || textfit_count_lines(w) > lines)) {
			free(w);
			w = NULL;
		}
		rc = xlsx_lxw(sh, r->row, r->col, worksheet_write_string(
		    sh->ws, r->row, r->col, w != NULL ? w : r->broken,
		    r->format));
		free(w);
		if (rc != 0)
			return rc;
	}
	return 0;
}

/*
 * Whether the text s of the cell at row, col is running text that may
 * take a line more to spare a word (xlsx_fit_spares()).
 */
static int
xlsx_spared(const struct xlsx_sheet *sh, uint32_t row, uint16_t col,
    const char *s)
{
	size_t	 i;

	if (sh->nspares == 0 || row <= sh->header_row)
		return 0;
	for (i = 0; i < sh->nspares; i++)
		if (sh->spares[i].r == row - sh->header_row - 1 &&
		    sh->spares[i].c == col && strcmp(sh->spares[i].text, s) == 0)
			return 1;
	return 0;
}

int
xlsx_write_blank(struct xlsx_sheet *sh, uint32_t row, uint16_t col)
{
	lxw_format	*f;
	int		 rc;

	XLSX_SHEET_CHECK(sh);
	if ((rc = xlsx_cell_check(sh, row, col)) != 0)
		return rc;
	if ((f = xlsx_format(sh->x, K_TEXT, xlsx_variant(sh, row, col))) ==
	    NULL)
		return xlsx_nomem(sh->x);
	if ((rc = xlsx_lxw(sh, row, col,
	    worksheet_write_blank(sh->ws, row, col, f))) != 0)
		return rc;
	return xlsx_extent(sh, row, col, 0);
}

static int	write_text(struct xlsx_sheet *, uint32_t, uint16_t,
		    const char *, int);

int
xlsx_write_text(struct xlsx_sheet *sh, uint32_t row, uint16_t col,
    const char *s)
{
	return write_text(sh, row, col, s, 0);
}

int
xlsx_write_text_right(struct xlsx_sheet *sh, uint32_t row, uint16_t col,
    const char *s)
{
	return write_text(sh, row, col, s, V_RIGHT);
}

static int
write_text(struct xlsx_sheet *sh, uint32_t row, uint16_t col,
    const char *s, int extra)
{
	struct buf	 b = BUF_INIT;
	lxw_format	*f;
	const char	*orig = s;
	size_t		 len, w;
	int		 rc, broken, kept = 0;

	XLSX_SHEET_CHECK(sh);
	if (s == NULL || *s == '\0')
		return xlsx_write_blank(sh, row, col);
	if ((rc = xlsx_cell_check(sh, row, col)) != 0)
		return rc;
	len = strlen(s);
	if ((rc = xlsx_valid_text(sh, row, col, s, len)) != 0)
		return rc;
	/* a dash for no value is centred: 91.5%－ read as one cell */
	if ((f = xlsx_format(sh->x, K_TEXT, xlsx_variant(sh, row, col) |
	    (xlsx_no_value(s) ? V_CENTER : extra))) == NULL)
		return xlsx_nomem(sh->x);
	broken = sh->has_table && row > sh->header_row && col < sh->ncols &&
	    !(sh->flags & XLSX_HIDDEN) && xlsx_breaks(sh->col_flags[col]);
	if (broken) {
		xlsx_break_text(&b, s, len, xlsx_line_room(xlsx_col_final(sh,
		    col)), (sh->col_flags[col] & (XLSX_COL_PHRASE |
		    XLSX_COL_NAME | XLSX_COL_NODOT)) | (xlsx_spared(sh, row, col, s) ||
		    (sh->col_flags[col] & XLSX_COL_SPARE) ? XLSX_BRK_SPARE :
		    0));
		if (buf_ok(&b) != 0)
			return xlsx_nomem(sh->x);
		s = b.data;
		len = b.len;
	}
	/*
	 * worksheet_write_string() stores a shared string whatever the text
	 * looks like: "=1+1" from a record stays text, never a formula.
	 */
	/*
	 * A column whose width comes from its content and whose text was
	 * broken for the cap is as wide as the cap the lines were made for.
	 */
	w = xlsx_text_width(s, len);
	if (broken && sh->col_width[col] <= 0 &&
	    xlsx_count_lines(s, len) > xlsx_count_lines(orig, strlen(orig)) &&
	    w < (size_t)XLSX_WIDTH_MAX)
		w = (size_t)XLSX_WIDTH_MAX;
	/* lines that break a word: written when the row is known */
	if (broken && !(sh->col_flags[col] & XLSX_COL_NAME) &&
	    (rc = xlsx_rewrap_add(&kept, sh, row, col, orig, s,
	    xlsx_wrap_room(xlsx_line_room(xlsx_col_final(sh, col))), f)) != 0) {
		buf_free(&b);
		return rc;
	}
	if ((kept || (rc = xlsx_lxw(sh, row, col,
	    worksheet_write_string(sh->ws, row, col, s, f))) == 0) &&
	    (rc = broken ? xlsx_row_set_lines(sh, row, xlsx_count_lines(s,
	    len)) : xlsx_row_lines(sh, row, col, s, len)) == 0)
		rc = xlsx_extent(sh, row, col, w);
	buf_free(&b);
	return rc;
}

int
xlsx_merge_text(struct xlsx_sheet *sh, uint32_t row, uint16_t first,
    uint16_t last, const char *s)
{
	struct buf	 b = BUF_INIT;
	lxw_format	*f;
	double		 px = 0;
	size_t		 room;
	int		 kept = 0;
	size_t		 len;
	uint16_t	 c;
	int		 rc;

	XLSX_SHEET_CHECK(sh);
	if (s == NULL)
		s = "";
	if (first >= last)
		return xlsx_write_text(sh, row, first, s);
	if ((rc = xlsx_cell_check(sh, row, first)) != 0 ||
	    (rc = xlsx_cell_check(sh, row, last)) != 0)
		return rc;
	len = strlen(s);
	if ((rc = xlsx_valid_text(sh, row, first, s, len)) != 0)
		return rc;
	/* a dash for no value is centred, as in a cell of its own */
	if ((f = xlsx_format(sh->x, K_TEXT, xlsx_variant(sh, row, first) |
	    (xlsx_no_value(s) ? V_CENTER : 0))) == NULL)
		return xlsx_nomem(sh->x);
	/* the merged cell's pixels: each column's, margins and all */
	for (c = first; c <= last; c++)
		px += xlsx_col_final(sh, c) * XLSX_MDW_PX + 5;
	/*
	 * Running text broken by the writer, as a table's text is: left to
	 * the applications, the 精査記録's 総合所見 broke 範囲／内 and 調／達.
	 */
	room = xlsx_line_room((px - 5) / XLSX_MDW_PX);
	xlsx_break_text(&b, s, len, room, 0);
	if (buf_ok(&b) != 0)
		return xlsx_nomem(sh->x);
	if (b.len > 0 && (rc = xlsx_rewrap_add(&kept, sh, row, first, s,
	    b.data, xlsx_wrap_room(room), f)) != 0) {
		buf_free(&b);
		return rc;
	}
	if ((rc = xlsx_lxw(sh, row, first, worksheet_merge_range(sh->ws, row,
	    first, row, last, b.len > 0 && !kept ? b.data : "", f))) == 0 &&
	    (rc = xlsx_row_set_lines(sh, row, xlsx_count_lines(b.data,
	    b.len))) == 0 &&
	    (rc = xlsx_extent(sh, row, first, 0)) == 0)
		rc = xlsx_extent(sh, row, last, 0);
	buf_free(&b);
	return rc;
}

/* Display columns of v shown with a thousands separator. */
static size_t
xlsx_number_width(double v, enum xlsx_num kind)
{
	char	 tmp[64];
	size_t	 digits = 0, i;
	int	 n;

	switch (kind) {
	case XLSX_NUM_PCT:
		n = snprintf(tmp, sizeof tmp, "%.1f%%", v * 100);
		return n > 0 ? (size_t)n : 0;
	case XLSX_NUM_PCT_INTERIM:	/* ※ is two columns wide */
		n = snprintf(tmp, sizeof tmp, "%.1f%%", v * 100);
		return n > 0 ? (size_t)n + 2 : 0;
	case XLSX_NUM_DIFF:
		n = snprintf(tmp, sizeof tmp, "%+.1f", v);
		return n > 0 ? (size_t)n : 0;
	case XLSX_NUM_DIFF_INT:		/* ＋ and ▲ are two columns wide */
		n = snprintf(tmp, sizeof tmp, "%.0f", fabs(v));
		return n > 0 ? (size_t)n + 2 + (size_t)(n - 1) / 3 : 0;
	case XLSX_NUM_DEC:
		n = snprintf(tmp, sizeof tmp, "%.2f", v);
		break;
	case XLSX_NUM_DEC1:
		n = snprintf(tmp, sizeof tmp, "%.1f", v);
		break;
	default:
		n = snprintf(tmp, sizeof tmp, "%.0f", v);
		break;
	}
	if (n <= 0 || (size_t)n >= sizeof tmp)
		return sizeof tmp;
	for (i = 0; tmp[i] != '\0' && tmp[i] != '.'; i++) {
		if (tmp[i] >= '0' && tmp[i] <= '9')
			digits++;
	}
	return (size_t)n + (digits > 0 ? (digits - 1) / 3 : 0);
}

/*
 * v as its format shows it, rounded half up (away from zero) as the ward
 * rounds and as the documents' text is: left to the applications, 71.25
 * (57 of 80) showed 71.3 in one workbook and 71.2 (71.2499... in binary)
 * in another, and a 部's 76.65 differed from the deck's label.  A reader
 * adding the cells gets the figures shown.
 */
static double
xlsx_shown(double v, int k)
{
	double	 scale;

	switch (k) {
	case K_DEC:
		scale = 100;
		break;
	case K_DEC1:
	case K_DIFF:
		scale = 10;
		break;
	case K_PCT:
	case K_PCT_INTERIM:
		scale = 1000;
		break;
	default:
		return v;
	}
	return text_round_half(v, scale);
}

int
xlsx_write_number(struct xlsx_sheet *sh, uint32_t row, uint16_t col,
    double v, enum xlsx_num kind)
{
	lxw_format	*f;
	int		 rc, k;
	char		 cell[LXW_MAX_CELL_NAME_LENGTH];

	XLSX_SHEET_CHECK(sh);
	if ((rc = xlsx_cell_check(sh, row, col)) != 0)
		return rc;
	if (!isfinite(v)) {
		lxw_rowcol_to_cell(cell, row, col);
		error_set(NC_EINVALID, "cannot write cell %s of sheet '%s': "
		    "not a finite number", cell, sh->name);
		return xlsx_fail(sh->x, NC_EINVALID);
	}
	switch (kind) {
	case XLSX_NUM_INT:
		k = K_INT;
		break;
	case XLSX_NUM_DEC:
		k = K_DEC;
		break;
	case XLSX_NUM_DEC1:
		k = K_DEC1;
		break;
	case XLSX_NUM_PCT:
		k = K_PCT;
		break;
	case XLSX_NUM_PCT_INTERIM:
		k = K_PCT_INTERIM;
		break;
	case XLSX_NUM_DIFF:
		k = K_DIFF;
		break;
	case XLSX_NUM_DIFF_INT:
		k = K_DIFF_INT;
		break;
	default:
		error_set(NC_EINVALID, "unknown number format %d", (int)kind);
		return xlsx_fail(sh->x, NC_EINVALID);
	}
	v = xlsx_shown(v, k);
	if ((f = xlsx_format(sh->x, k, xlsx_variant(sh, row, col))) == NULL)
		return xlsx_nomem(sh->x);
	if ((rc = xlsx_lxw(sh, row, col,
	    worksheet_write_number(sh->ws, row, col, v, f))) != 0)
		return rc;
	return xlsx_extent(sh, row, col, xlsx_number_width(v, kind));
}

static size_t
xlsx_digits(int v)
{
	size_t	 n = 1;

	while (v >= 10) {
		v /= 10;
		n++;
	}
	return n;
}

int
xlsx_write_date(struct xlsx_sheet *sh, uint32_t row, uint16_t col,
    int year, int month, int day, enum xlsx_date kind)
{
	static const int mdays[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31,
	    30, 31 };
	lxw_datetime	 dt;
	lxw_format	*f;
	char		 cell[LXW_MAX_CELL_NAME_LENGTH];
	size_t		 width;
	int		 rc, k, leap;

	XLSX_SHEET_CHECK(sh);
	if ((rc = xlsx_cell_check(sh, row, col)) != 0)
		return rc;
	leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
	if (year < 1900 || year > 9999 || month < 1 || month > 12 ||
	    day < 1 || day > mdays[month - 1] ||
	    (month == 2 && day == 29 && !leap)) {
		lxw_rowcol_to_cell(cell, row, col);
		error_set(NC_EINVALID, "cannot write cell %s of sheet '%s': "
		    "invalid date '%04d-%02d-%02d'", cell, sh->name, year,
		    month, day);
		return xlsx_fail(sh->x, NC_EINVALID);
	}
	switch (kind) {
	case XLSX_DATE_ERA:
		k = K_DATE_ERA;
		/* 令和NN年MM月DD日: era 4, year at least 2 (元), 年月日 6 */
		width = 4 + (year - 2018 < 10 ? 2 : xlsx_digits(year - 2018)) +
		    6 + xlsx_digits(month) + xlsx_digits(day);
		break;
	case XLSX_DATE_ISO:
		k = K_DATE_ISO;
		width = 10;
		break;
	case XLSX_DATE_SLASH:
		k = K_DATE_SLASH;
		width = 6 + xlsx_digits(month) + xlsx_digits(day);
		break;
	case XLSX_DATE_ERA_SHORT:
		k = K_DATE_ERA_SHORT;
		/* R8.5.28, H31.4.30 */
		width = 3 + (year > 2019 || (year == 2019 && month >= 5) ?
		    xlsx_digits(year - 2018) : 2) + xlsx_digits(month) +
		    xlsx_digits(day);
		break;
	default:
		error_set(NC_EINVALID, "unknown date format %d", (int)kind);
		return xlsx_fail(sh->x, NC_EINVALID);
	}
	/*
	 * Centred: a date right-aligned against the next column's
	 * left-aligned text reads as one (2026/6/16区立見本保育園).
	 */
	if ((f = xlsx_format(sh->x, k, xlsx_variant(sh, row, col) |
	    V_CENTER)) == NULL)
		return xlsx_nomem(sh->x);
	memset(&dt, 0, sizeof dt);
	dt.year = year;
	dt.month = month;
	dt.day = day;
	if ((rc = xlsx_lxw(sh, row, col,
	    worksheet_write_datetime(sh->ws, row, col, &dt, f))) != 0)
		return rc;
	return xlsx_extent(sh, row, col, width);
}

/*
 * A title or note runs over the columns to its right; the print area
 * must reach as far, or it is cut at the table's edge.  Its width in
 * Excel units: a full-width character 15 px of 8 (the title's 14pt 19),
 * rounded up.
 */
static void
xlsx_plain_width(struct xlsx_sheet *sh, const char *s, int title)
{
	double	 w;

	w = (double)xlsx_text_width(s, strlen(s)) * (title ? 1.2 : 0.95) + 1;
	if (w > sh->plain_w)
		sh->plain_w = w;
}

/* Title rows and notes: no border, not counted for column widths. */
static int
xlsx_plain(struct xlsx_sheet *sh, uint32_t row, const char *s, int kind)
{
	lxw_format	*f;
	int		 rc;

	if ((rc = xlsx_cell_check(sh, row, 0)) != 0)
		return rc;
	if ((rc = xlsx_valid_text(sh, row, 0, s, strlen(s))) != 0)
		return rc;
	if ((f = xlsx_format(sh->x, kind, 0)) == NULL)
		return xlsx_nomem(sh->x);
	if ((rc = xlsx_lxw(sh, row, 0,
	    worksheet_write_string(sh->ws, row, 0, s, f))) != 0)
		return rc;
	if (row > sh->last_row)
		sh->last_row = row;
	xlsx_plain_width(sh, s, kind == K_TITLE);
	return 0;
}

int
xlsx_title(struct xlsx_sheet *sh, const char *title, const char *note)
{
	int	 rc;

	XLSX_SHEET_CHECK(sh);
	if ((rc = xlsx_check(sh->x)) != 0)
		return rc;
	if (sh->has_table || sh->title != NULL) {
		error_set(NC_EINVALID, "sheet '%s': the title goes once, "
		    "before the table", sh->name);
		return xlsx_fail(sh->x, NC_EINVALID);
	}
	if (title == NULL || *title == '\0') {
		error_set(NC_EINVALID, "sheet '%s': empty title", sh->name);
		return xlsx_fail(sh->x, NC_EINVALID);
	}
	if ((rc = xlsx_plain(sh, 0, title, K_TITLE)) != 0)
		return rc;
	if ((sh->title = strdup(title)) == NULL)
		return xlsx_nomem(sh->x);
	sh->next_row = 2;
	if (note != NULL && *note != '\0') {
		if ((rc = xlsx_plain(sh, 1, note, K_NOTE)) != 0)
			return rc;
		sh->next_row = 3;
	}
	return 0;
}

int
xlsx_fields(struct xlsx_sheet *sh, const struct xlsx_field *fields, size_t n)
{
	lxw_rich_string_tuple	 label, value, *parts[3];
	struct buf		 v = BUF_INIT;
	double			 w;
	uint32_t		 row;
	size_t			 i;
	int			 rc = 0;

	XLSX_SHEET_CHECK(sh);
	if ((rc = xlsx_check(sh->x)) != 0)
		return rc;
	if (sh->has_table) {
		error_set(NC_EINVALID, "sheet '%s': fields go before the "
		    "table", sh->name);
		return xlsx_fail(sh->x, NC_EINVALID);
	}
	row = sh->next_row;
	for (i = 0; i < n; i++) {
		if (fields[i].value == NULL || *fields[i].value == '\0')
			continue;
		/* Label and value in one cell, so no table column widens. */
		buf_reset(&v);
		buf_puts(&v, "\xe3\x80\x80");	/* full-width space */
		buf_puts(&v, fields[i].value);
		if ((rc = buf_ok(&v)) != 0)
			break;
		if ((rc = xlsx_cell_check(sh, row, 0)) != 0 ||
		    (rc = xlsx_valid_text(sh, row, 0, fields[i].label,
		    strlen(fields[i].label))) != 0 ||
		    (rc = xlsx_valid_text(sh, row, 0, v.data, v.len)) != 0)
			break;
		label.format = xlsx_format(sh->x, K_LABEL, 0);
		value.format = xlsx_format(sh->x, K_NOTE, 0);
		if (label.format == NULL || value.format == NULL) {
			rc = xlsx_nomem(sh->x);
			break;
		}
		label.string = (char *)fields[i].label;
		value.string = v.data;
		parts[0] = &label;
		parts[1] = &value;
		parts[2] = NULL;
		if ((rc = xlsx_lxw(sh, row, 0, worksheet_write_rich_string(
		    sh->ws, row, 0, parts, NULL))) != 0)
			break;
		w = (double)(xlsx_text_width(fields[i].label,
		    strlen(fields[i].label)) + xlsx_text_width(v.data, v.len)) *
		    0.95 + 1;
		if (w > sh->plain_w)
			sh->plain_w = w;
		if (row > sh->last_row)
			sh->last_row = row;
		row++;
	}
	buf_free(&v);
	if (rc == 0)
		sh->next_row = row + 1;
	return rc;
}

int
xlsx_note(struct xlsx_sheet *sh, uint32_t row, const char *s)
{
	XLSX_SHEET_CHECK(sh);
	if (s == NULL || *s == '\0')
		return xlsx_check(sh->x);
	return xlsx_plain(sh, row, s, K_NOTE);
}

int
xlsx_table(uint32_t *out, struct xlsx_sheet *sh,
    const struct xlsx_column *cols, size_t ncols)
{
	lxw_format	*f;
	const char	*h;
	size_t		 i, w;
	uint32_t	 row;
	int		 rc;

	XLSX_SHEET_CHECK(sh);
	*out = 0;
	if ((rc = xlsx_check(sh->x)) != 0)
		return rc;
	if (sh->has_table) {
		error_set(NC_EINVALID, "sheet '%s' already has a table",
		    sh->name);
		return xlsx_fail(sh->x, NC_EINVALID);
	}
	if (ncols == 0 || ncols > XLSX_MAX_COL + 1) {
		error_set(NC_EINVALID, "sheet '%s': a table needs 1 to %d "
		    "columns", sh->name, XLSX_MAX_COL + 1);
		return xlsx_fail(sh->x, NC_EINVALID);
	}
	if ((sh->col_flags = calloc(ncols, sizeof *sh->col_flags)) == NULL ||
	    (sh->col_width = calloc(ncols, sizeof *sh->col_width)) == NULL ||
	    (sh->headings = calloc(ncols, sizeof *sh->headings)) == NULL)
		return xlsx_nomem(sh->x);
	sh->ncols = ncols;
	if ((f = xlsx_format(sh->x, K_HEADER, 0)) == NULL)
		return xlsx_nomem(sh->x);
	row = sh->next_row;
	for (i = 0; i < ncols; i++) {
		h = cols[i].heading != NULL ? cols[i].heading : "";
		if ((rc = xlsx_valid_text(sh, row, (uint16_t)i, h,
		    strlen(h))) != 0)
			return rc;
		if ((rc = xlsx_lxw(sh, row, (uint16_t)i,
		    worksheet_write_string(sh->ws, row, (lxw_col_t)i, h,
		    f))) != 0)
			return rc;
		sh->col_flags[i] = cols[i].flags;
		sh->col_width[i] = cols[i].width;
		if ((sh->headings[i] = strdup(h)) == NULL)
			return xlsx_nomem(sh->x);
		w = xlsx_text_width(h, strlen(h));
		if (w > XLSX_HEADING_MAX)
			w = XLSX_HEADING_MAX;
		if ((rc = xlsx_extent(sh, row, (uint16_t)i,
		    w + XLSX_FILTER_PAD)) != 0)
			return rc;
	}
	sh->has_table = 1;
	sh->header_row = row;
	sh->table_last = row;
	*out = row + 1;
	return 0;
}

/* --- widths from the content (xlsx_fit_table()) ------------------------- */

#define XLSX_FIT_LINES_MAX	32	/* lines of a cell measured */
#define XLSX_FIT_TEXT_MIN	14.0	/* 7 characters a line */
/*
 * A column of sentences (XLSX_COL_SENTENCES: a finding, a proposal)
 * whose cells hold XLSX_FIT_LONG_TEXT display columns or more on average
 * is at least XLSX_FIT_LONG_MIN wide, 10 characters a line: the
 * follow-up 監査調書 broke its 指摘内容 of 28 characters into five lines
 * of seven (事故等の／報告手順の／手順書が古く、…) beside a 回答 of 34
 * characters a line, which read as a column too narrow.  Not a column
 * of few entries (XLSX_FIT_SPARSE): its one aside gets what saves lines.
 * A flag, not every column of long text: given to all, it took the
 * 課題管理表's 起票元 and 担当 to four lines and a row off its first page,
 * and the リスク一覧 a page more.
 */
#define XLSX_FIT_LONG_TEXT	40
#define XLSX_FIT_LONG_MIN	22.0
/*
 * A column of running text holding text in fewer than one of this many
 * rows (面談・交渉への同席, one entry) keeps room for its widest piece kept
 * whole only up to XLSX_FIT_SPARSE_KEPT hundredths (a date, 令和8年12月28日,
 * never broken), not for an aside of thirteen characters: it gets what
 * saves lines, the columns of text beside it the rest.
 */
#define XLSX_FIT_SPARSE		4
#define XLSX_FIT_SPARSE_KEPT	900
#define XLSX_FIT_HEADING_ONE	16	/* display columns on one line */
/*
 * A row of more lines than this costs the more, as the square of the
 * lines beyond: a finding of ten lines beside one-line codes reads as a
 * column too narrow, and the columns of fewer lines give way.  Beyond
 * four at 64 a line squared: at six and 24 the 監査調書's 改善の方向性
 * took eight lines of eight characters beside a 監査項目 of two (44
 * units wide), the 監査項目 now breaking at its phrases into three on as
 * many pages (no other sheet rendered changes).
 */
#define XLSX_FIT_LINES_CAP	4
#define XLSX_FIT_OVER		64UL
/*
 * A cell that breaks a word where it fits a line (textfit_bad_break())
 * costs as much as this many lines of cells: one or two characters cut
 * from their word (二要／素, 介護保／険) XLSX_FIT_BADCOST, a longer
 * compound cut between longer parts (従事職／員研修) XLSX_FIT_BADCOST1
 * (it cost nothing).  Both less than a line of a row: the width that
 * spares them is taken from columns where it costs cells a line, not
 * rows (at 8 a word a column of short values kept the room; at 48 the
 * 監査項目 took a page more); and xlsx_fit_sheet() counts them among
 * its choices.
 */
#define XLSX_FIT_BADCOST	24
#define XLSX_FIT_BADCOST1	8
/*
 * A line more than the cell's text would fill at the width (its lines
 * broken short, at phrases, to keep words whole: 点検の / 手順書を作成し、
 * / 情報セキュリティ / 担当者研修で / 説明する。 in five lines of a column
 * whose text fills three) costs as many lines of cells: a line broken
 * where the column is not full reads as a forced break, and it is
 * cheaper to widen such a column than one whose lines are full.  Less
 * than a row's line (64): rows stay as low as they were.
 */
#define XLSX_FIT_RAGGED		12
/*
 * The times they weigh more where xlsx_fit_sheet() tries the widths that
 * break fewer words on as many pages: a word as a row's line.
 */
#define XLSX_FIT_BADHEAVY	20
/*
 * What one cut from its word weighed, and weighs where xlsx_fit_table(),
 * which counts no pages, keeps the rows as high as they were.
 */
#define XLSX_FIT_BADLIGHT	8
#define XLSX_FIT_BAD		0x80	/* the flags of it in memo, lastn */
#define XLSX_FIT_BAD1		0x40
#define XLSX_FIT_NMASK		0x3F	/* and the lines */

struct xlsx_fitter {
	const struct xlsx_fit_col *fc;
	const char *const	*cells;
	size_t			 nrows;
	size_t			 ncols;
	unsigned		*lw;	/* XLSX_FIT_LINES_MAX widths a cell */
	unsigned		*cnt;	/* lines of each cell as written */
	uint8_t			*memo;	/* broken lines per whole width */
	/* lines beyond those its text fills, beside memo (xlsx_fit_ragged) */
	uint8_t			*rmemo;
	size_t			 maxw;
	struct buf		 b;
	int			 nomem;
	unsigned long		*sum;	/* text of each XLSX_FIT_TEXT column */
	unsigned long		 all;
	double			*base;	/* widths before sharing the page */
	double			*whole;	/* width of the widest unit kept
					   whole; 0: none */
	double			*min;	/* the least width of a run */
	unsigned		 broken; /* columns narrower than a piece
					   of running text kept whole */
	double			*lastw;	/* the last width not whole measured */
	uint8_t			*lastn;	/* and its lines, per cell */
	int			*prose;	/* running text, not names or values */
	size_t			*filled; /* cells of each column not empty */
	int			 heavy;	/* words broken weigh as rows' lines
					   (1), less (-1) */
};

/*
 * The flags a fitted column gets: a text not to be filled in is broken
 * by the writer (XLSX_COL_BREAK), as the fitter counts its lines; a code
 * is left whole (XLSX_COL_WHOLE), as wide as its longest line.
 */
static int
xlsx_fit_flags(const struct xlsx_fit_col *fc)
{
	int	 flags = fc->col.flags;

	if (fc->fit == XLSX_FIT_TEXT && !(flags & XLSX_COL_INPUT))
		flags |= XLSX_COL_BREAK;
	if (fc->fit == XLSX_FIT_CODE)
		flags |= XLSX_COL_WHOLE;
	return flags;
}

/*
 * What a cell's flags in memo and lastn cost (XLSX_FIT_BADCOST): as much
 * as a row's line if f->heavy > 0 (XLSX_FIT_BADHEAVY), as little as
 * XLSX_FIT_BADLIGHT if below.
 */
static unsigned
xlsx_fit_badcost(const struct xlsx_fitter *f, unsigned n)
{
	unsigned	 k = f->heavy > 0 ? XLSX_FIT_BADHEAVY : 1;

	if (f->heavy < 0)
		return (n & XLSX_FIT_BAD) ? XLSX_FIT_BADLIGHT : 0;
	return (n & XLSX_FIT_BAD) ? k * XLSX_FIT_BADCOST :
	    (n & XLSX_FIT_BAD1) ? k * XLSX_FIT_BADCOST1 : 0;
}

/*
 * What the lines of cell k broken by the writer at width w, n of them,
 * cost beyond the lines its text fills (XLSX_FIT_RAGGED), where the
 * fitter weighs such costs (f->heavy >= 0).
 */
static unsigned
xlsx_fit_ragged_lines(const struct xlsx_fitter *f, size_t k, double w,
    size_t n)
{
	const unsigned	*lw = f->lw + k * XLSX_FIT_LINES_MAX;
	double		 room = xlsx_line_room(w) / 100.0 * 2;
	size_t		 i, fill = 0;

	if (room < 2)
		return 0;
	for (i = 0; i < f->cnt[k]; i++)
		fill += lw[i] == 0 ? 1 : (size_t)ceil(lw[i] / room);
	return n > fill ? (unsigned)(n - fill) : 0;
}

static unsigned
xlsx_fit_ragged(const struct xlsx_fitter *f, size_t k, double w, size_t n)
{
	size_t	wi = (size_t)w;

	if (f->heavy < 0)
		return 0;
	/*
	 * measured once a whole width, beside memo: the search asks again
	 * and again (the 10-year 業務項目別実績 took 1.4 × as long)
	 */
	if ((double)wi == w && wi <= f->maxw &&
	    f->memo[k * (f->maxw + 1) + wi] != 0)
		return f->rmemo[k * (f->maxw + 1) + wi] * XLSX_FIT_RAGGED;
	return xlsx_fit_ragged_lines(f, k, w, n) * XLSX_FIT_RAGGED;
}

/*
 * Lines of cell k at width w: an XLSX_COL_BREAK text as
 * xlsx_break_text() breaks it (remembered per whole width), other text
 * as xlsx_text_lines() counts a wrapped cell; *bad gets what the word
 * it breaks costs (XLSX_FIT_BADCOST).
 */
static unsigned
xlsx_fit_cell_bad(struct xlsx_fitter *f, size_t k, double w, unsigned *bad)
{
	const struct xlsx_fit_col *fc = &f->fc[k % f->ncols];
	const char	*s = f->cells[k];
	const unsigned	*lw = f->lw + k * XLSX_FIT_LINES_MAX;
	double		 usable = xlsx_wrap_cols(w);
	size_t		 n, i, wi = (size_t)w;
	unsigned	 lines = 0, hira;
	int		 level;

	*bad = 0;
	if (f->cnt[k] == 0)
		return 1;
	if (xlsx_breaks(xlsx_fit_flags(fc))) {
		if ((double)wi == w && wi <= f->maxw &&
		    (n = f->memo[k * (f->maxw + 1) + wi]) != 0) {
			*bad = xlsx_fit_badcost(f, (unsigned)n) +
			    xlsx_fit_ragged(f, k, w, n & XLSX_FIT_NMASK);
			return (unsigned)(n & XLSX_FIT_NMASK);
		}
		/* a width not whole (a fixed 4.5): the last one measured */
		if (f->lastn[k] != 0 && f->lastw[k] == w) {
			*bad = xlsx_fit_badcost(f, f->lastn[k]) +
			    xlsx_fit_ragged(f, k, w, f->lastn[k] &
			    XLSX_FIT_NMASK);
			return f->lastn[k] & XLSX_FIT_NMASK;
		}
		xlsx_break_text(&f->b, s, strlen(s), xlsx_line_room(w),
		    (fc->col.flags & (XLSX_COL_PHRASE | XLSX_COL_NAME |
		    XLSX_COL_NODOT)) |
		    (fc->col.flags & XLSX_COL_SPARE ? XLSX_BRK_SPARE : 0));
		if (buf_ok(&f->b) != 0) {
			f->nomem = 1;
			return 1;
		}
		n = xlsx_count_lines(f->b.data, f->b.len);
		if (n > XLSX_FIT_NMASK)
			n = XLSX_FIT_NMASK;
		/* a word broken where it fits a line (再委／託, 介護保／険) */
		buf_putc(&f->b, '\0');
		level = buf_ok(&f->b) == 0 ? textfit_bad_break(s, f->b.data,
		    (unsigned)xlsx_line_room(w), &hira) : 0;
		/*
		 * a word a reader takes as one though its kinds of
		 * characters change (情報／セキュリティ, であ／り), which the
		 * writer counts a cut (textfit_break_cost()): a longer cut
		 */
		if (level == 0 && n > 1 && buf_ok(&f->b) == 0 &&
		    textfit_break_cost(s, f->b.data, xlsx_wrap_room(
		    xlsx_line_room(w))) >= XLSX_CUT_LABEL)
			level = 1;
		if (level > 1)
			n |= XLSX_FIT_BAD;
		else if (level == 1)
			n |= XLSX_FIT_BAD1;
		*bad = xlsx_fit_badcost(f, (unsigned)n) +
		    xlsx_fit_ragged(f, k, w, n & XLSX_FIT_NMASK);
		if ((double)wi == w && wi <= f->maxw) {
			f->rmemo[k * (f->maxw + 1) + wi] = (uint8_t)
			    xlsx_fit_ragged_lines(f, k, w, n & XLSX_FIT_NMASK);
			f->memo[k * (f->maxw + 1) + wi] = (uint8_t)n;
		} else {
			f->lastw[k] = w;
			f->lastn[k] = (uint8_t)n;
		}
		return (unsigned)(n & XLSX_FIT_NMASK);
	}
	if (usable < 1)
		usable = 1;
	for (i = 0; i < f->cnt[k]; i++)
		lines += lw[i] == 0 ? 1 : (unsigned)ceil(lw[i] / usable);
	return lines;
}

static unsigned
xlsx_fit_cell(struct xlsx_fitter *f, size_t k, double w)
{
	unsigned	 bad;

	return xlsx_fit_cell_bad(f, k, w, &bad);
}

/*
 * Cost of widths w: lines of the rows first (a tall row more than its
 * lines, so that the heights come out even, one of more than
 * XLSX_FIT_LINES_CAP lines much more), then lines of the cells.
 */
static unsigned long
xlsx_fit_cost(struct xlsx_fitter *f, const double *w)
{
	unsigned long	 cost = 0;
	unsigned	 l, max, bad;
	size_t		 r, c;

	for (r = 0; r < f->nrows; r++) {
		max = 0;
		for (c = 0; c < f->ncols; c++) {
			l = xlsx_fit_cell_bad(f, r * f->ncols + c, w[c], &bad);
			cost += l + bad;
			if (l > max)
				max = l;
		}
		cost += 64UL * max + 8UL * max * max;
		if (max > XLSX_FIT_LINES_CAP)
			cost += XLSX_FIT_OVER * (max - XLSX_FIT_LINES_CAP) *
			    (max - XLSX_FIT_LINES_CAP);
	}
	return cost;
}

/*
 * What the words broken by widths w cost (XLSX_FIT_BADCOST), of every
 * cell of the table.
 */
static unsigned
xlsx_fit_bad(struct xlsx_fitter *f, const double *w)
{
	unsigned	 sum = 0, bad;
	size_t		 r, c;
	int		 heavy = f->heavy;

	f->heavy = 0;
	for (r = 0; r < f->nrows; r++)
		for (c = 0; c < f->ncols; c++) {
			(void)xlsx_fit_cell_bad(f, r * f->ncols + c, w[c],
			    &bad);
			sum += bad;
		}
	f->heavy = heavy;
	return sum;
}

/* Lines of row r with widths w: its cell of most lines. */
static unsigned
xlsx_fit_row(struct xlsx_fitter *f, size_t r, const double *w)
{
	unsigned	 l, max = 1;
	size_t		 c;

	for (c = 0; c < f->ncols; c++)
		if ((l = xlsx_fit_cell(f, r * f->ncols + c, w[c])) > max)
			max = l;
	return max;
}

/*
 * The lines of the table at widths w as a reader sees them: the rows'
 * lines, and the lines of cells broken before the column is full
 * (xlsx_fit_ragged()).
 */
static unsigned
xlsx_fit_lines(struct xlsx_fitter *f, const double *w)
{
	unsigned	 sum = 0, l, bad;
	size_t		 r, c;
	int		 heavy = f->heavy;

	f->heavy = 0;
	for (r = 0; r < f->nrows; r++) {
		sum += xlsx_fit_row(f, r, w);
		for (c = 0; c < f->ncols; c++) {
			if (!xlsx_breaks(xlsx_fit_flags(&f->fc[c])) ||
			    f->cnt[r * f->ncols + c] == 0)
				continue;
			l = xlsx_fit_cell_bad(f, r * f->ncols + c, w[c], &bad);
			sum += xlsx_fit_ragged(f, r * f->ncols + c, w[c], l) /
			    XLSX_FIT_RAGGED;
		}
	}
	f->heavy = heavy;
	return sum;
}

/*
 * The search: the text columns start with the room left shared by the
 * amount of their text, then units move between them (or from what is
 * left of the page) while that saves lines: a few hundred rounds at most.
 */
static void
xlsx_fit_search(struct xlsx_fitter *f, double *w, const double *min,
    const unsigned long *sum, double page)
{
	static const double	 steps[] = { 1, 2, 3, 5, 8, 13 };
	unsigned long		 cost, best, c2;
	size_t			 nc = f->ncols, a, c, s, round;
	double			 total, *bw, *try;

	if ((bw = calloc(nc, sizeof *bw)) == NULL ||
	    (try = calloc(nc, sizeof *try)) == NULL) {
		free(bw);
		f->nomem = 1;
		return;
	}
	best = xlsx_fit_cost(f, w);
	for (round = 0; round < 400 && !f->nomem; round++) {
		total = 0;
		for (c = 0; c < nc; c++)
			total += w[c];
		memcpy(bw, w, nc * sizeof *w);
		cost = best;
		for (a = 0; a < nc; a++) {
			if (sum[a] == 0)
				continue;
			/* from column c, or from what is left (c == nc) */
			for (c = 0; c <= nc; c++) {
				if (c == a || (c < nc && sum[c] == 0))
					continue;
				for (s = 0; s < sizeof steps / sizeof steps[0];
				    s++) {
					memcpy(try, w, nc * sizeof *w);
					try[a] += steps[s];
					if (c < nc && (try[c] -= steps[s]) <
					    min[c])
						break;
					if (c == nc && total + steps[s] > page)
						break;
					c2 = xlsx_fit_cost(f, try);
					if (c2 < cost) {
						cost = c2;
						memcpy(bw, try, nc * sizeof *w);
					}
				}
			}
		}
		if (cost >= best)
			break;
		best = cost;
		memcpy(w, bw, nc * sizeof *w);
	}
	free(bw);
	free(try);
}

static size_t	xlsx_heading_lines(struct buf *, const struct xlsx_fit_col *,
		    double);

/*
 * The width of a column of codes or marks (2-1, 適合, ヒアリング) whose
 * widest cell takes cw and whose heading on one line one: the widest
 * cell where the heading then breaks into two lines at most, each at
 * least half of it (対策基準の / 条項 over "2-1"), never wider than the heading on one
 * line; a long heading left on one line took twice the room its codes
 * needed.
 */
static double
xlsx_code_width(struct buf *b, const struct xlsx_fit_col *fc, double one,
    double cw)
{
	const char	*h = fc->col.heading != NULL ? fc->col.heading : "";
	size_t		 hw = text_width(h, strlen(h));
	double		 w, half;

	if (cw >= one)
		return cw;
	/* each line at least half the heading: 予定／ / 実績 */
	half = xlsx_room_width(ceil((double)hw / 2) * 50);
	for (w = ceil(cw > half ? cw : half); w < one; w++) {
		/*
		 * LibreOffice wraps the heading itself, filling the first
		 * line, with room for a character more than counted here:
		 * the second line keeps two characters even then, never
		 * 予定／実 / 績.
		 */
		if ((xlsx_line_room(w) / 100 + 1) * 2 + 4 > hw)
			break;
		if (xlsx_heading_lines(b, fc, w) <= 2 && buf_ok(b) == 0)
			return w;
	}
	return one;
}

/*
 * The width in Excel units a column of running text holding s needs for
 * textfit_wrap() to break none of its pieces kept whole
 * (textfit_min_piece(): a date, a number with its unit, a katakana
 * word, a short aside, a run of half-width characters) with the room
 * xlsx_wrap_room() leaves; 0 if s has none.  A name on a line of its
 * own may still break (textfit_min_kept() would keep it): a column of
 * names took the room of the running text beside it.
 */
static double
xlsx_kept_width(const char *s)
{
	unsigned	 k = textfit_min_piece(s);

	return k > 0 ? xlsx_room_width((double)k + 1) : 0;
}

/* As xlsx_kept_width(), of the pieces at most limit hundredths wide. */
static double
xlsx_kept_within(const char *s, unsigned limit)
{
	unsigned	 k = textfit_min_kept_within(s, 0, limit);

	return k > 0 ? xlsx_room_width((double)k + 1) : 0;
}

/*
 * Measure the cells: the display width of each line of each cell, and
 * the base widths of the columns (headings, codes, names, fixed and
 * empty columns, the least of a text column), the least each may take.
 */
static int
xlsx_fit_init(struct xlsx_fitter *f, const struct xlsx_fit_col *fc,
    size_t ncols, const char *const *cells, size_t nrows, double maxpage)
{
	const unsigned	*lw;
	const char	*s;
	size_t		 r, c, k, n, hw;
	double		 cw;
	int		 filled;

	memset(f, 0, sizeof *f);
	f->fc = fc;
	f->cells = cells;
	f->nrows = nrows;
	f->ncols = ncols;
	f->maxw = maxpage > 0 ? (size_t)maxpage + 1 : 1;
	if (ncols == 0 || ncols > XLSX_MAX_COL + 1 ||
	    nrows > XLSX_MAX_ROW)
		return error_set(NC_EINVALID, "a table of %zu columns and %zu "
		    "rows cannot be fitted", ncols, nrows);
	if (nrows > SIZE_MAX / ncols / (XLSX_FIT_LINES_MAX + f->maxw + 1))
		return error_set(NC_ENOMEM, "out of memory");
	if ((f->lw = calloc(nrows * ncols * XLSX_FIT_LINES_MAX + 1,
	    sizeof *f->lw)) == NULL ||
	    (f->cnt = calloc(nrows * ncols + 1, sizeof *f->cnt)) == NULL ||
	    (f->memo = calloc(nrows * ncols * (f->maxw + 1) + 1, 1)) == NULL ||
	    (f->rmemo = calloc(nrows * ncols * (f->maxw + 1) + 1, 1)) == NULL ||
	    (f->sum = calloc(ncols, sizeof *f->sum)) == NULL ||
	    (f->base = calloc(ncols, sizeof *f->base)) == NULL ||
	    (f->whole = calloc(ncols, sizeof *f->whole)) == NULL ||
	    (f->lastw = calloc(nrows * ncols + 1, sizeof *f->lastw)) == NULL ||
	    (f->lastn = calloc(nrows * ncols + 1, 1)) == NULL ||
	    (f->prose = calloc(ncols, sizeof *f->prose)) == NULL ||
	    (f->filled = calloc(ncols, sizeof *f->filled)) == NULL)
		return error_set(NC_ENOMEM, "out of memory");
	/* the display width of each line of each cell */
	for (k = 0; k < nrows * ncols; k++) {
		const char	*nl;
		size_t		 len, seg;

		if ((s = cells[k]) == NULL || *s == '\0')
			continue;
		for (len = strlen(s);;) {
			nl = memchr(s, '\n', len);
			seg = nl != NULL ? (size_t)(nl - s) : len;
			if (f->cnt[k] < XLSX_FIT_LINES_MAX)
				f->lw[k * XLSX_FIT_LINES_MAX + f->cnt[k]++] =
				    (unsigned)text_width(s, seg);
			if (nl == NULL)
				break;
			len -= seg + 1;
			s = nl + 1;
		}
	}
	for (c = 0; c < ncols; c++) {
		double	*w = &f->base[c];

		/*
		 * A short heading on one line: LibreOffice fills a line
		 * before it breaks one, "対策基準の条/項" in two; a long one
		 * in two lines at most.
		 */
		s = fc[c].col.heading != NULL ? fc[c].col.heading : "";
		hw = text_width(s, strlen(s));
		*w = hw <= XLSX_FIT_HEADING_ONE ? ceil((double)hw * 0.95 + 1) :
		    ceil((double)hw / 2.0) + 4;
		/*
		 * A heading given in lines (対策基準の\n条項 over 2-2 and
		 * 特定個人情報の取扱い) as wide as its widest: measured
		 * whole, on one line, it took the room of both.
		 */
		if (strchr(s, '\n') != NULL) {
			const char	*p = s, *nl;
			size_t		 lw1, widest = 0;

			for (;;) {
				nl = strchr(p, '\n');
				lw1 = text_width(p, nl != NULL ?
				    (size_t)(nl - p) : strlen(p));
				if (lw1 > widest)
					widest = lw1;
				if (nl == NULL)
					break;
				p = nl + 1;
			}
			*w = ceil((double)widest * 0.95 + 1);
		}
		cw = 0;
		filled = 0;
		for (r = 0; r < nrows; r++) {
			k = r * ncols + c;
			lw = f->lw + k * XLSX_FIT_LINES_MAX;
			filled |= f->cnt[k] > 0;
			f->filled[c] += f->cnt[k] > 0;
			for (n = 0; n < f->cnt[k]; n++) {
				f->sum[c] += lw[n];
				if (fc[c].fit == XLSX_FIT_CODE &&
				    lw[n] + XLSX_PAD + 1 > cw)
					cw = lw[n] + XLSX_PAD + 1;
			}
			/* running text, not names or labels */
			if (fc[c].fit == XLSX_FIT_TEXT &&
			    !(fc[c].col.flags & XLSX_COL_NAME) &&
			    xlsx_breaks(xlsx_fit_flags(&fc[c])) &&
			    (s = cells[k]) != NULL && *s != '\0')
				f->prose[c] |= xlsx_prose(s, strlen(s));
		}
		if (fc[c].fit == XLSX_FIT_CODE)
			*w = xlsx_code_width(&f->b, &fc[c], *w, cw);
		/* a name as wide as its widest piece that may not break */
		for (r = 0; (fc[c].col.flags & XLSX_COL_NAME) &&
		    fc[c].fit != XLSX_FIT_FIXED && r < nrows; r++) {
			double	 nw;

			if ((s = cells[r * ncols + c]) == NULL || *s == '\0')
				continue;
			nw = xlsx_name_width(&f->b, s, strlen(s),
			    fc[c].col.flags & (XLSX_COL_PHRASE |
			    XLSX_COL_NODOT));
			if (buf_ok(&f->b) != 0)
				return error_set(NC_ENOMEM, "out of memory");
			if (nw > *w)
				*w = nw;
		}
		if (fc[c].fit == XLSX_FIT_FIXED)
			*w = fc[c].col.width;
		else if (!filled && fc[c].col.width > *w)
			*w = fc[c].col.width;
		else if (fc[c].fit == XLSX_FIT_TEXT &&
		    !(fc[c].col.flags & XLSX_COL_NAME) &&
		    *w < XLSX_FIT_TEXT_MIN)
			*w = XLSX_FIT_TEXT_MIN;
		if (fc[c].fit == XLSX_FIT_TEXT && filled &&
		    (fc[c].col.flags & XLSX_COL_SENTENCES) &&
		    !(fc[c].col.flags & XLSX_COL_NAME) &&
		    f->sum[c] >= XLSX_FIT_LONG_TEXT * f->filled[c] &&
		    f->filled[c] * XLSX_FIT_SPARSE >= nrows &&
		    *w < XLSX_FIT_LONG_MIN)
			*w = XLSX_FIT_LONG_MIN;
		if (fc[c].fit != XLSX_FIT_TEXT || !filled)
			f->sum[c] = 0;
		f->all += f->sum[c];
		/*
		 * The widest piece kept whole: of running text as
		 * textfit_wrap() keeps it (a date, a number with its unit,
		 * a katakana word, an aside), of a label a katakana word
		 * or an aside.
		 */
		if (fc[c].fit != XLSX_FIT_TEXT ||
		    (fc[c].col.flags & XLSX_COL_NAME) ||
		    !xlsx_breaks(xlsx_fit_flags(&fc[c])))
			continue;
		for (r = 0; r < nrows; r++) {
			double	 uw;

			if ((s = cells[r * ncols + c]) == NULL || *s == '\0')
				continue;
			uw = (fc[c].col.flags & XLSX_COL_PHRASE) &&
			    !xlsx_prose(s, strlen(s)) ? xlsx_unit_width(s) :
			    f->filled[c] * XLSX_FIT_SPARSE < nrows ?
			    xlsx_kept_within(s, XLSX_FIT_SPARSE_KEPT) :
			    xlsx_kept_width(s);
			if (uw > f->whole[c])
				f->whole[c] = uw;
		}
	}
	return 0;
}

/* The most a step of xlsx_fit_share() gives a column, Excel units. */
#define XLSX_SHARE_STEP_MAX	24

/*
 * Cost of row r's lines (as xlsx_fit_cost() counts them) with l lines
 * in column a and the row's most lines elsewhere other.
 */
static long
xlsx_row_cost(unsigned l, unsigned other)
{
	long	 max = l > other ? l : other;

	return (long)l + 64 * max + 8 * max * max + (max > XLSX_FIT_LINES_CAP ?
	    XLSX_FIT_OVER * (max - XLSX_FIT_LINES_CAP) *
	    (max - XLSX_FIT_LINES_CAP) : 0);
}

/*
 * The room left of page shared as the Word writer shares it
 * (share_cols() in docx.c): in small steps, each to the column where it
 * saves the most lines per unit, a row counting as high as its cell of
 * most lines (xlsx_fit_cost()), so that running text gets room and a
 * column of short values, which saves nothing, does not; what saves no
 * line then goes to the columns of running text by the amount of their
 * text (to the other text columns if there is none).
 */
static void
xlsx_fit_share(struct xlsx_fitter *f, double *w, double page)
{
	size_t		 nc = f->ncols, nr = f->nrows, r, c, a, best;
	unsigned	*lines, *top, *second, l, other, b0, b1;
	size_t		*topc;
	unsigned long	 sum;
	double		 total = 0, avail, d, bestd, left;
	long		 delta = 0, save, bests;
	int		 any;

	for (c = 0; c < nc; c++)
		total += w[c];
	avail = floor(page - total);
	lines = calloc(nr * nc + 1, sizeof *lines);
	top = calloc(nr + 1, sizeof *top);
	second = calloc(nr + 1, sizeof *second);
	topc = calloc(nr + 1, sizeof *topc);
	if (lines == NULL || top == NULL || second == NULL || topc == NULL) {
		f->nomem = 1;
		goto done;
	}
	for (r = 0; r < nr; r++)
		for (c = 0; c < nc; c++)
			lines[r * nc + c] = xlsx_fit_cell(f, r * nc + c, w[c]);
	while (avail >= 1 && !f->nomem) {
		for (r = 0; r < nr; r++) {
			top[r] = second[r] = 0;
			topc[r] = nc;
			for (c = 0; c < nc; c++) {
				l = lines[r * nc + c];
				if (l > top[r]) {
					second[r] = top[r];
					top[r] = l;
					topc[r] = c;
				} else if (l > second[r])
					second[r] = l;
			}
		}
		best = nc;
		bests = 0;
		bestd = 1;
		for (a = 0; a < nc; a++) {
			if (f->sum[a] == 0)
				continue;
			/* the least width that saves a line here */
			for (d = 1; d <= avail && d <= XLSX_SHARE_STEP_MAX;
			    d++) {
				delta = 0;
				for (r = 0; r < nr; r++) {
					other = topc[r] == a ? second[r] :
					    top[r];
					l = xlsx_fit_cell_bad(f, r * nc + a,
					    w[a] + d, &b1);
					(void)xlsx_fit_cell_bad(f, r * nc + a,
					    w[a], &b0);
					delta += xlsx_row_cost(l, other) -
					    xlsx_row_cost(lines[r * nc + a],
					    other) + (long)b1 - (long)b0;
				}
				if (delta < 0)
					break;
			}
			if (d > avail || d > XLSX_SHARE_STEP_MAX)
				continue;
			save = -delta;
			/* most saved a unit, then the smaller step */
			if (best == nc || save * bestd > bests * d) {
				best = a;
				bests = save;
				bestd = d;
			}
		}
		if (best == nc)
			break;
		w[best] += bestd;
		avail -= bestd;
		for (r = 0; r < nr; r++)
			lines[r * nc + best] = xlsx_fit_cell(f, r * nc + best,
			    w[best]);
	}
	/* what saves no line: to running text, by the amount of it */
	for (c = 0, sum = 0, any = 0; c < nc; c++)
		if (f->prose[c] && f->sum[c] > 0) {
			sum += f->sum[c];
			any = 1;
		}
	for (c = 0; !any && c < nc; c++)
		sum += f->sum[c];
	left = avail;
	for (c = 0; c < nc && sum > 0 && left >= 1; c++) {
		if (any && !f->prose[c])
			continue;
		d = floor(left * (double)f->sum[c] / (double)sum);
		w[c] += d;
		avail -= d;
	}
done:
	free(lines);
	free(top);
	free(second);
	free(topc);
}

/*
 * Widths within page units: the base widths, a text the writer breaks
 * as wide as its widest piece kept whole if whole (where the page has
 * the room), the room left shared where it saves lines
 * (xlsx_fit_share()), then the search.
 */
static void
xlsx_fit_run(struct xlsx_fitter *f, double *w, double page, int whole)
{
	const struct xlsx_fit_col *fc = f->fc;
	size_t		 c, ncols = f->ncols;
	double		*min = f->min, total = 0;

	for (c = 0; c < ncols; c++) {
		w[c] = min[c] = f->base[c];
		total += w[c];
	}
	for (c = 0; c < ncols; c++) {
		double	 need = f->whole[c];

		/*
		 * A label's katakana word and aside only if whole; the
		 * pieces of running text always (a date, a number with its
		 * unit, a katakana word: never broken where the page has the
		 * room).
		 */
		if (fc[c].fit != XLSX_FIT_TEXT || (!whole && !f->prose[c] &&
		    (fc[c].col.flags & XLSX_COL_PHRASE)))
			continue;
		if (need > w[c] && total + need - w[c] <= page) {
			total += need - w[c];
			w[c] = min[c] = need;
		}
	}
	for (c = 0, f->broken = 0; c < ncols; c++)
		if (fc[c].fit == XLSX_FIT_TEXT && f->whole[c] > w[c] &&
		    (f->prose[c] || !(fc[c].col.flags & XLSX_COL_PHRASE)))
			f->broken++;
	xlsx_fit_share(f, w, page);
	xlsx_fit_search(f, w, min, f->sum, page);
}

static void
xlsx_fit_free(struct xlsx_fitter *f)
{
	free(f->lw);
	free(f->cnt);
	free(f->memo);
	free(f->rmemo);
	free(f->sum);
	free(f->base);
	free(f->whole);
	free(f->min);
	free(f->lastw);
	free(f->lastn);
	free(f->prose);
	free(f->filled);
	buf_free(&f->b);
}

int
xlsx_fit_table(struct xlsx_column *out, const struct xlsx_fit_col *fc,
    size_t ncols, const char *const *cells, size_t nrows, double page)
{
	struct xlsx_fitter	 f;
	double			*w = NULL, *lw = NULL;
	size_t			 c, r;
	unsigned		 bad, lbad;
	int			 rc;

	if ((rc = xlsx_fit_init(&f, fc, ncols, cells, nrows, page)) != 0)
		goto done;
	if ((w = calloc(ncols, sizeof *w)) == NULL ||
	    (lw = calloc(ncols, sizeof *lw)) == NULL ||
	    (f.min = calloc(ncols, sizeof *f.min)) == NULL) {
		rc = error_set(NC_ENOMEM, "out of memory");
		goto done;
	}
	xlsx_fit_run(&f, w, page, 1);
	/*
	 * No row higher than with words weighing as little as they did
	 * (XLSX_FIT_BADLIGHT): the table takes no more pages (the 監査項目's
	 * rows, as high in all but some higher, took a page more).
	 */
	if (!f.nomem && xlsx_fit_bad(&f, w) > 0) {
		f.heavy = -1;
		xlsx_fit_run(&f, lw, page, 1);
		f.heavy = 0;
		for (r = 0; r < nrows; r++)
			if (xlsx_fit_row(&f, r, w) > xlsx_fit_row(&f, r, lw))
				break;
		if (r < nrows)
			memcpy(w, lw, ncols * sizeof *w);
	}
	/*
	 * A word cut still a character from its edge (範囲／内, 調／達):
	 * the widths where a word weighs as a row's line, if they make no
	 * row more than a line higher and add no more lines than such
	 * words they spare.
	 */
	if (!f.nomem && (bad = xlsx_fit_bad(&f, w)) > 0) {
		unsigned long	 more = 0, was = 0;
		unsigned	 a, b;

		f.heavy = 1;
		xlsx_fit_run(&f, lw, page, 1);
		f.heavy = 0;
		for (r = 0; r < nrows; r++) {
			a = xlsx_fit_row(&f, r, w);
			b = xlsx_fit_row(&f, r, lw);
			if (b > a + 1)
				break;
			more += b;
			was += a;
		}
		if (r == nrows && (lbad = xlsx_fit_bad(&f, lw)) < bad &&
		    bad - lbad >= XLSX_FIT_BADCOST &&
		    more - was <= (bad - lbad) / XLSX_FIT_BADCOST)
			memcpy(w, lw, ncols * sizeof *w);
	}
	if (f.nomem) {
		rc = error_set(NC_ENOMEM, "out of memory");
		goto done;
	}
	for (c = 0; c < ncols; c++) {
		out[c] = fc[c].col;
		out[c].flags = xlsx_fit_flags(&fc[c]);
		out[c].width = w[c];
	}
done:
	xlsx_fit_free(&f);
	free(w);
	free(lw);
	return rc;
}

/* --- widths for the fewest pages (xlsx_fit_sheet()) --------------------- */

/*
 * The page as LibreOffice prints a sheet one page wide: A4 less the
 * margins (0.7 in left and right, 0.25 in with XLSX_NARROW; 0.75 in top
 * and bottom, the header and footer inside them), and the points a unit
 * of column width takes at 100 %: 121 units fill the 741 pt of A4
 * landscape (measured: 180 units printed at 67 %, 139.6 at 86 %, 157 at
 * 77 %).  Its scale is the largest whole percent at which the print
 * area's width fits, 100 % at most.
 */
#define XLSX_A4_LONG_PT		841.9
#define XLSX_A4_SHORT_PT	595.3
#define XLSX_MARGIN_IN		0.7
#define XLSX_NARROW_IN		0.25
#define XLSX_MARGIN_TB_IN	0.75
#define XLSX_UNIT_PT		6.126

static double
xlsx_print_width(int flags)
{
	return ((flags & XLSX_LANDSCAPE) ? XLSX_A4_LONG_PT : XLSX_A4_SHORT_PT) -
	    2 * 72 * ((flags & XLSX_NARROW) ? XLSX_NARROW_IN : XLSX_MARGIN_IN);
}

static double
xlsx_print_height(int flags)
{
	return ((flags & XLSX_LANDSCAPE) ? XLSX_A4_SHORT_PT : XLSX_A4_LONG_PT) -
	    2 * 72 * XLSX_MARGIN_TB_IN;
}

double
xlsx_print_scale(int flags, double units)
{
	double	 s;

	if (units <= 0)
		return 1;
	s = floor(100 * xlsx_print_width(flags) / (units * XLSX_UNIT_PT) +
	    1e-9) / 100;
	return s > 1 ? 1 : s;
}

/*
 * The width libxlsxwriter stores for a column of width w, as LibreOffice
 * reads it: w in pixels of its 7-pixel digit, plus 5 of padding.
 */
static double
xlsx_stored_width(double w)
{
	if (w <= 0)
		return 0;
	if (w < 1)
		return floor(w * 12 + 0.5) / 12;
	return (floor(w * 7 + 0.5) + 5) / 7;
}

/* The widths units wide whose print scale is scale. */
static double
xlsx_scale_units(int flags, double scale)
{
	return floor(xlsx_print_width(flags) / (scale * XLSX_UNIT_PT));
}


/* Lines of a heading in a column w units wide, as xlsx_finish() breaks it */
static size_t
xlsx_heading_lines(struct buf *b, const struct xlsx_fit_col *fc, double w)
{
	const char	*h = fc->col.heading != NULL ? fc->col.heading : "";

	xlsx_break_text(b, h, strlen(h), xlsx_line_room(w),
	    fc->col.flags & XLSX_COL_PHRASE);
	return buf_ok(b) != 0 ? 1 : xlsx_count_lines(b->data, b->len);
}

/*
 * Pages the table takes with widths w on the sheet: above points of rows
 * before the header row on the first page, the header row on every page,
 * each row as high as its cell of most lines, a row never split.  The
 * page's height is counted in the sheet's points, the page's own over the
 * scale.
 */
/*
 * Pages of a table whose rows have lines[r] lines, printed at scale
 * below above points of title and fields, its header of head points
 * repeated on each page.
 */
static unsigned
xlsx_pages_of(const unsigned *lines, size_t nrows, int flags, double above,
    double head, double scale)
{
	double		 body = xlsx_print_height(flags) / scale, y, h;
	size_t		 r;
	unsigned	 pages = 1;

	y = above + head;
	for (r = 0; r < nrows; r++) {
		h = XLSX_LINE_PT * lines[r];
		if (y + h > body && y > head + 0.01) {
			pages++;
			y = head;
		}
		y += h;
	}
	/* a blank row and a note below the table, as most sheets have */
	if (y + 2 * XLSX_LINE_PT > body)
		pages++;
	return pages;
}

/* The header's height at widths w, in points. */
static double
xlsx_fit_head(struct xlsx_fitter *f, const double *w)
{
	size_t		 c, n, max = 1;

	for (c = 0; c < f->ncols; c++)
		if ((n = xlsx_heading_lines(&f->b, &f->fc[c], w[c])) > max)
			max = n;
	return XLSX_LINE_PT * (double)max;
}

static unsigned
xlsx_fit_pages(struct xlsx_fitter *f, const double *w, int flags,
    double above, double scale)
{
	unsigned	*lines, pages;
	size_t		 r;

	if ((lines = calloc(f->nrows + 1, sizeof *lines)) == NULL) {
		f->nomem = 1;
		return 1;
	}
	for (r = 0; r < f->nrows; r++)
		lines[r] = xlsx_fit_row(f, r, w);
	pages = xlsx_pages_of(lines, f->nrows, flags, above,
	    xlsx_fit_head(f, w), scale);
	free(lines);
	return pages;
}

struct xlsx_spare_cand {
	unsigned	 cost;		/* of the word it cuts */
	size_t		 k;		/* the cell */
	unsigned	 lines;		/* with the line more */
};

/* The dearest cut first, then from the top. */
static int
xlsx_spare_cmp(const void *a, const void *b)
{
	const struct xlsx_spare_cand *x = a, *y = b;

	if (x->cost != y->cost)
		return x->cost > y->cost ? -1 : 1;
	return x->k < y->k ? -1 : x->k > y->k;
}

/*
 * The cells of running text that take a line more to spare a word they
 * cut where it fits a line (権／限, 接／続: their row's lines filled to
 * the edge), as a label's do (xlsx_spare_within()): chosen, the dearest
 * cut first, while the table keeps the pages the widths w were chosen
 * for (best).  Their text is kept for the writer (xlsx_spared()).
 */
static int
xlsx_fit_spares(struct xlsx_sheet *sh, struct xlsx_fitter *f,
    const double *w, int flags, double above,
    const struct xlsx_fit_result *best)
{
	const struct xlsx_fit_col *fc;
	struct xlsx_spare_cand	*cand = NULL;
	struct xlsx_spare	*v;
	struct buf		 b = BUF_INIT;
	const char		*s;
	size_t			 nr = f->nrows, nc = f->ncols, r, c, k, n = 0, i;
	unsigned		*rows = NULL, l, old, room;
	double			 head;
	int			 rc = 0;

	for (i = 0; i < sh->nspares; i++)
		free(sh->spares[i].text);
	sh->nspares = 0;
	if ((rows = calloc(nr + 1, sizeof *rows)) == NULL ||
	    (cand = calloc(nr * nc + 1, sizeof *cand)) == NULL) {
		rc = error_set(NC_ENOMEM, "out of memory");
		goto done;
	}
	for (r = 0; r < nr; r++) {
		rows[r] = 1;
		for (c = 0; c < nc; c++) {
			k = r * nc + c;
			fc = &f->fc[c];
			if ((l = xlsx_fit_cell(f, k, w[c])) > rows[r])
				rows[r] = l;
			if (f->cnt[k] == 0 || !xlsx_breaks(xlsx_fit_flags(fc)) ||
			    (fc->col.flags & (XLSX_COL_PHRASE | XLSX_COL_NAME)))
				continue;
			s = f->cells[k];
			room = (unsigned)xlsx_line_room(w[c]);
			xlsx_break_text(&b, s, strlen(s), room, XLSX_BRK_SPARE);
			if (buf_ok(&b) != 0) {
				rc = error_set(NC_ENOMEM, "out of memory");
				goto done;
			}
			if (xlsx_count_lines(b.data, b.len) <= l)
				continue;
			cand[n].k = k;
			cand[n].lines = (unsigned)xlsx_count_lines(b.data,
			    b.len);
			xlsx_break_text(&b, s, strlen(s), room, 0);
			buf_putc(&b, '\0');
			if (buf_ok(&b) != 0) {
				rc = error_set(NC_ENOMEM, "out of memory");
				goto done;
			}
			cand[n].cost = textfit_break_cost(s, b.data,
			    xlsx_wrap_room(room));
			n++;
		}
	}
	if (n == 0 || f->nomem)
		goto done;
	qsort(cand, n, sizeof *cand, xlsx_spare_cmp);
	head = xlsx_fit_head(f, w);
	for (i = 0; i < n; i++) {
		r = cand[i].k / nc;
		old = rows[r];
		if (cand[i].lines > rows[r]) {
			rows[r] = cand[i].lines;
			if (xlsx_pages_of(rows, nr, flags, above, head,
			    best->scale) > best->pages) {
				rows[r] = old;
				continue;
			}
		}
		if ((v = realloc(sh->spares, (sh->nspares + 1) *
		    sizeof *v)) == NULL) {
			rc = error_set(NC_ENOMEM, "out of memory");
			goto done;
		}
		sh->spares = v;
		v += sh->nspares;
		v->r = (uint32_t)r;
		v->c = (uint16_t)(cand[i].k % nc);
		if ((v->text = strdup(f->cells[cand[i].k])) == NULL) {
			rc = error_set(NC_ENOMEM, "out of memory");
			goto done;
		}
		sh->nspares++;
	}
done:
	if (rc == 0 && f->nomem)
		rc = error_set(NC_ENOMEM, "out of memory");
	buf_free(&b);
	free(rows);
	free(cand);
	return rc;
}

/*
 * A choice's merit, the less the better: its pages, each weighing more
 * the smaller its scale below the target, as the sixth power of how much
 * smaller (a page at 90 % of the target as 1.9 pages, at 80 % as 3.8):
 * text printed small is what the ward's staff complain of.
 */
static double
xlsx_fit_score(const struct xlsx_fit_result *r, double target)
{
	double	 k = r->scale < target ? target / r->scale : 1;

	return (double)r->pages * pow(k, 6);
}

/* Whether a is the better choice: at least least, then the merit. */
static int
xlsx_fit_better(const struct xlsx_fit_result *a,
    const struct xlsx_fit_result *b, double least, double target)
{
	double	 sa = xlsx_fit_score(a, target), sb = xlsx_fit_score(b, target);

	/* below the least scale only where nothing reaches it */
	if ((a->scale >= least) != (b->scale >= least))
		return a->scale >= least;
	if (a->scale < least && a->scale != b->scale)
		return a->scale > b->scale;
	/*
	 * then no date, number or katakana word broken, where that costs
	 * no page
	 */
	if ((a->broken == 0) != (b->broken == 0) && (a->broken == 0 ?
	    a->pages <= b->pages : b->pages <= a->pages))
		return a->broken == 0;
	if (sa != sb)
		return sa < sb;
	return a->scale > b->scale;
}

/* The scales tried, largest first: 100 % to 50 % by 2. */
#define XLSX_FIT_SCALES		26
/*
 * The scale given up at most for fewer words broken (二要／素認証), on as
 * many pages: 2 points, the room of a larger scale given to the running
 * text instead.
 */
#define XLSX_FIT_BAD_SCALE	0.02

/*
 * The scale given up at most for rows of fewer lines on as many pages,
 * and how many times the part of the lines saved must exceed the part
 * of the scale given
 */
#define XLSX_FIT_LINES_SCALE	0.02
#define XLSX_FIT_LINES_GAIN	2.0
/* and the fewest lines worth a smaller print (a line or two are not) */
#define XLSX_FIT_LINES_LEAST	3

static double
xlsx_fit_scale(size_t i)
{
	return (double)(100 - 2 * (int)i) / 100;
}

int
xlsx_fit_sheet(struct xlsx_sheet *sh, struct xlsx_column *out,
    const struct xlsx_fit_col *fc, size_t ncols, const char *const *cells,
    size_t nrows, double least, double target,
    struct xlsx_fit_result *res)
{
	struct xlsx_fitter	 f;
	struct xlsx_fit_result	 best, bestw, cur, *all = NULL;
	double			*w = NULL, *bw = NULL, *bww = NULL, above = 0;
	double			*allw = NULL, page, units, maxpage;
	size_t			 c, i, k, whole, ns, pick = 0;
	uint32_t		 r;
	double			 gain;
	int			 flags, rc;

	XLSX_SHEET_CHECK(sh);
	if ((rc = xlsx_check(sh->x)) != 0)
		return rc;
	memset(&f, 0, sizeof f);
	flags = sh->flags;
	if (target <= 0)
		target = XLSX_SCALE_TARGET;
	ns = XLSX_FIT_SCALES;
	maxpage = xlsx_scale_units(flags, xlsx_fit_scale(ns - 1));
	/* the rows above the table: the title, its note, fields, a blank */
	for (r = 0; r < sh->next_row + 1; r++)
		above += r == 0 && sh->title != NULL ? XLSX_TITLE_PT :
		    XLSX_LINE_PT * (r < sh->nlines && sh->lines[r] > 1 ?
		    sh->lines[r] : 1);
	above -= XLSX_LINE_PT;		/* next_row is the header's */
	if ((rc = xlsx_fit_init(&f, fc, ncols, cells, nrows, maxpage)) != 0)
		goto done;
	if ((w = calloc(ncols, sizeof *w)) == NULL ||
	    (bw = calloc(ncols, sizeof *bw)) == NULL ||
	    (bww = calloc(ncols, sizeof *bww)) == NULL ||
	    (all = calloc(2 * ns, sizeof *all)) == NULL ||
	    (allw = calloc(2 * ns * ncols, sizeof *allw)) == NULL ||
	    (f.min = calloc(ncols, sizeof *f.min)) == NULL) {
		rc = error_set(NC_ENOMEM, "out of memory");
		goto done;
	}
	memset(&best, 0, sizeof best);
	memset(&bestw, 0, sizeof bestw);
	/*
	 * Every scale tried, with the units kept whole and without: the
	 * fewest pages at the largest scale, a scale below
	 * XLSX_SCALE_TARGET counting a page for each ten points short; a
	 * word is broken only where keeping it whole costs a page.
	 */
	for (whole = 0; whole < 2; whole++) {
		for (i = 0; i < ns; i++) {
			/* less the padding stored with each column */
			page = xlsx_scale_units(flags, xlsx_fit_scale(i)) -
			    floor((double)ncols * 5 / 7 + 0.5);
			xlsx_fit_run(&f, w, page, whole == 1);
			if (f.nomem)
				break;
			for (c = 0, units = 0; c < ncols; c++)
				units += xlsx_stored_width(w[c]);
			cur.units = units;
			if (units < sh->plain_w)
				units = sh->plain_w;
			cur.scale = xlsx_print_scale(flags, units);
			cur.pages = xlsx_fit_pages(&f, w, flags, above,
			    cur.scale);
			cur.whole = (int)whole;
			cur.broken = f.broken;
			cur.bad = xlsx_fit_bad(&f, w);
			cur.lines = xlsx_fit_lines(&f, w);
			all[whole * ns + i] = cur;
			memcpy(allw + (whole * ns + i) * ncols, w,
			    ncols * sizeof *w);
			if (whole == 0 && (best.pages == 0 ||
			    xlsx_fit_better(&cur, &best, least,
			    target))) {
				best = cur;
				memcpy(bw, w, ncols * sizeof *w);
			}
			if (whole == 1 && (bestw.pages == 0 ||
			    xlsx_fit_better(&cur, &bestw, least,
			    target))) {
				bestw = cur;
				memcpy(bww, w, ncols * sizeof *w);
			}
		}
	}
	if (f.nomem) {
		rc = error_set(NC_ENOMEM, "out of memory");
		goto done;
	}
	if (xlsx_fit_better(&bestw, &best, least, target) ||
	    bestw.pages <= best.pages) {
		best = bestw;
		memcpy(bw, bww, ncols * sizeof *w);
	}
	/*
	 * On as many pages, at most XLSX_FIT_BAD_SCALE smaller: the widths
	 * that break the fewest words (二要／素認証), the room of the larger
	 * scale given to the running text; at those scales the widths are
	 * tried again with a word weighing as a row's line, taken where
	 * they cost no page.
	 */
	cur = best;
	for (k = 0; k < 2 * ns; k++) {
		struct xlsx_fit_result	 h;

		if (all[k].whole != best.whole || all[k].pages != best.pages ||
		    (all[k].broken == 0) != (best.broken == 0) ||
		    all[k].scale > best.scale + 1e-9 ||
		    all[k].scale < best.scale - XLSX_FIT_BAD_SCALE - 1e-9 ||
		    (best.scale >= least && all[k].scale < least))
			continue;
		if (all[k].bad < cur.bad || (all[k].bad == cur.bad &&
		    all[k].scale > cur.scale)) {
			cur = all[k];
			memcpy(bw, allw + k * ncols, ncols * sizeof *w);
		}
		if (all[k].bad == 0)
			continue;
		f.heavy = 1;
		page = xlsx_scale_units(flags, xlsx_fit_scale(k % ns)) -
		    floor((double)ncols * 5 / 7 + 0.5);
		xlsx_fit_run(&f, w, page, all[k].whole == 1);
		f.heavy = 0;
		if (f.nomem)
			break;
		for (c = 0, units = 0; c < ncols; c++)
			units += xlsx_stored_width(w[c]);
		h.units = units;
		if (units < sh->plain_w)
			units = sh->plain_w;
		h.scale = xlsx_print_scale(flags, units);
		h.pages = xlsx_fit_pages(&f, w, flags, above, h.scale);
		h.whole = all[k].whole;
		h.broken = f.broken;
		h.bad = xlsx_fit_bad(&f, w);
		h.lines = xlsx_fit_lines(&f, w);
		if (h.pages != best.pages ||
		    (h.broken == 0) != (best.broken == 0) ||
		    h.scale < best.scale - XLSX_FIT_BAD_SCALE - 1e-9 ||
		    (best.scale >= least && h.scale < least) ||
		    h.bad > cur.bad || (h.bad == cur.bad &&
		    h.scale <= cur.scale))
			continue;
		cur = h;
		memcpy(bw, w, ncols * sizeof *w);
	}
	if (f.nomem) {
		rc = error_set(NC_ENOMEM, "out of memory");
		goto done;
	}
	/*
	 * On as many pages, breaking no more words, at most
	 * XLSX_FIT_LINES_SCALE smaller: the widths whose rows take fewer
	 * lines, where the lines saved are a larger part than the scale
	 * given (XLSX_FIT_LINES_GAIN times): a title a character wider than
	 * its column broke in two (令和10年度 / 新規採用職員向け…) in a
	 * third of the rows beside rows of one line, for a point of scale
	 * (review 17).
	 */
	for (k = 0, gain = 0; k < 2 * ns && cur.lines > 0; k++) {
		double	 g;

		if (all[k].whole != best.whole || all[k].pages != best.pages ||
		    (all[k].broken == 0) != (best.broken == 0) ||
		    all[k].bad > cur.bad ||
		    all[k].lines + XLSX_FIT_LINES_LEAST > cur.lines ||
		    all[k].scale < cur.scale - XLSX_FIT_LINES_SCALE - 1e-9 ||
		    (best.scale >= least && all[k].scale < least))
			continue;
		g = (double)(cur.lines - all[k].lines) / cur.lines -
		    XLSX_FIT_LINES_GAIN * (cur.scale - all[k].scale) /
		    cur.scale;
		if (g > gain) {
			gain = g;
			pick = k;
		}
	}
	if (gain > 0) {
		cur = all[pick];
		memcpy(bw, allw + pick * ncols, ncols * sizeof *w);
	}
	best = cur;
	if ((rc = xlsx_fit_spares(sh, &f, bw, flags, above, &best)) != 0)
		goto done;
	for (c = 0; c < ncols; c++) {
		out[c] = fc[c].col;
		out[c].flags = xlsx_fit_flags(&fc[c]);
		out[c].width = bw[c];
	}
	if (res != NULL)
		*res = best;
done:
	xlsx_fit_free(&f);
	free(w);
	free(bw);
	free(bww);
	free(all);
	free(allw);
	if (rc != 0)
		return xlsx_fail(sh->x, rc);
	return 0;
}

static int
xlsx_lists_sheet(struct xlsx_sheet **out, struct xlsx *x)
{
	int	 rc;

	if (x->lists == NULL) {
		if ((rc = xlsx_sheet_new(&x->lists, x, XLSX_LIST_SHEET,
		    XLSX_HIDDEN)) != 0)
			return xlsx_fail(x, rc);
		x->lists->lists = 1;
	}
	*out = x->lists;
	return 0;
}

int
xlsx_validation_list(struct xlsx_sheet *sh, uint32_t first_row,
    uint16_t first_col, uint32_t last_row, uint16_t last_col,
    const char *const *items, size_t nitems)
{
	lxw_data_validation	 dv;
	struct xlsx_sheet	*ls;
	char			**list = NULL, *name = NULL;
	char			 range[LXW_MAX_CELL_RANGE_LENGTH];
	size_t			 i, j, total = 0, len;
	int			 rc, inline_ok = 1;
	uint16_t		 lc;

	XLSX_SHEET_CHECK(sh);
	if ((rc = xlsx_cell_check(sh, first_row, first_col)) != 0 ||
	    (rc = xlsx_cell_check(sh, last_row, last_col)) != 0)
		return rc;
	if (nitems == 0 || first_row > last_row || first_col > last_col) {
		error_set(NC_EINVALID, "sheet '%s': a drop-down list needs "
		    "items and a range", sh->name);
		return xlsx_fail(sh->x, NC_EINVALID);
	}
	for (i = 0; i < nitems; i++) {
		len = strlen(items[i]);
		if ((rc = xlsx_valid_text(sh, first_row, first_col, items[i],
		    len)) != 0)
			return rc;
		total += text_chars(items[i], len) + (i > 0);
		/* the inline form is a quoted, comma-separated string */
		if (strpbrk(items[i], ",\"") != NULL || len == 0)
			inline_ok = 0;
	}
	if (total > XLSX_MAX_LIST)
		inline_ok = 0;

	memset(&dv, 0, sizeof dv);
	dv.error_type = LXW_VALIDATION_ERROR_TYPE_STOP;
	dv.error_title = "入力エラー";
	dv.error_message = "一覧から選んでください。";
	if (inline_ok) {
		if ((list = calloc(nitems + 1, sizeof *list)) == NULL)
			return xlsx_nomem(sh->x);
		for (i = 0; i < nitems; i++)
			list[i] = (char *)items[i];
		dv.validate = LXW_VALIDATION_TYPE_LIST;
		dv.value_list = list;
	} else {
		if ((rc = xlsx_lists_sheet(&ls, sh->x)) != 0)
			return rc;
		lc = ls->nlists++;
		for (i = 0; i < nitems; i++) {
			if ((rc = xlsx_lxw(ls, (uint32_t)i, lc,
			    worksheet_write_string(ls->ws, (lxw_row_t)i, lc,
			    items[i], NULL))) != 0)
				return rc;
		}
		lxw_rowcol_to_range_abs(range, 0, lc, (lxw_row_t)nitems - 1,
		    lc);
		if ((name = malloc(strlen(ls->name) * 2 + strlen(range) +
		    8)) == NULL)
			return xlsx_nomem(sh->x);
		j = 0;
		name[j++] = '=';
		name[j++] = '\'';
		for (i = 0; ls->name[i] != '\0'; i++) {
			if (ls->name[i] == '\'')
				name[j++] = '\'';
			name[j++] = ls->name[i];
		}
		name[j++] = '\'';
		name[j++] = '!';
		strcpy(name + j, range);
		dv.validate = LXW_VALIDATION_TYPE_LIST_FORMULA;
		dv.value_formula = name;
	}
	rc = xlsx_lxw(sh, first_row, first_col,
	    worksheet_data_validation_range(sh->ws, first_row, first_col,
	    last_row, last_col, &dv));
	free(list);
	free(name);
	return rc;
}

/* Charts: the chart model drawn by libxlsxwriter. */

static void	xlsx_header_text(char *, size_t, const char *);

/* What a cell holds, for the model of a chart drawn from a table. */
static const lxw_cell *
xlsx_cell_at(const struct xlsx_sheet *sh, uint32_t row, uint16_t col)
{
	lxw_row	*r;

	if ((r = lxw_worksheet_find_row(sh->ws, row)) == NULL)
		return NULL;
	return lxw_worksheet_find_cell_in_row(r, col);
}

static double
xlsx_cell_number(const struct xlsx_sheet *sh, uint32_t row, uint16_t col)
{
	const lxw_cell	*c = xlsx_cell_at(sh, row, col);

	return c != NULL && c->type == NUMBER_CELL ? c->u.number : NAN;
}

static void
xlsx_cell_text(struct buf *b, const struct xlsx_sheet *sh, uint32_t row,
    uint16_t col)
{
	const lxw_cell	*c = xlsx_cell_at(sh, row, col);
	size_t		 i;

	buf_reset(b);
	/* a cell kept to be written when the sheet is finished */
	for (i = 0; c == NULL && i < sh->nrewrap; i++)
		if (sh->rewrap[i].row == row && sh->rewrap[i].col == col) {
			buf_puts(b, sh->rewrap[i].broken);
			return;
		}
	if (c == NULL)
		buf_puts(b, "");
	else if (c->type == STRING_CELL && c->sst_string != NULL)
		buf_puts(b, c->sst_string);
	else if (c->type == NUMBER_CELL)
		buf_printf(b, "%g", c->u.number);
	else
		buf_puts(b, "");
}

static uint8_t
xlsx_lxw_type(enum chart_kind k)
{
	switch (k) {
	case CHART_COLUMN_STACKED:
		return LXW_CHART_COLUMN_STACKED;
	case CHART_BAR:
		return LXW_CHART_BAR;
	case CHART_BAR_STACKED:
		return LXW_CHART_BAR_STACKED;
	case CHART_PIE:
		return LXW_CHART_PIE;
	case CHART_LINE:
		return LXW_CHART_LINE;
	default:
		return LXW_CHART_COLUMN;
	}
}

/*
 * Where a chart's data is in the workbook: categories in column cat_col
 * and series values in val_cols[i], rows r1 to r2 of sheet; series names
 * in name_row when has_name_row, else the model's names.
 */
struct xlsx_chart_src {
	const struct xlsx_sheet	*sheet;
	const char		*sheet_name;	/* of sheet, or the hidden
						   sheet's when sheet is NULL */
	uint32_t		 r1;
	uint32_t		 r2;
	uint16_t		 cat_col;
	const uint16_t		*val_cols;
	int			 has_name_row;
	uint32_t		 name_row;
	int			 own_cats;	/* the model's categories are
						   not the cells' text */
};

/* One cell of the hidden sheet of chart data: text, or num if NULL. */
static int
xlsx_cdata_add(struct xlsx *x, uint32_t row, uint16_t col, const char *text,
    double num, const char *formula)
{
	struct xlsx_cdata	*v;

	if ((v = realloc(x->cdata, (x->ncdata + 1) * sizeof *v)) == NULL)
		return xlsx_nomem(x);
	x->cdata = v;
	v = &x->cdata[x->ncdata];
	v->row = row;
	v->col = col;
	v->num = num;
	v->text = NULL;
	v->formula = NULL;
	if ((text != NULL && (v->text = strdup(text)) == NULL) ||
	    (formula != NULL && (v->formula = strdup(formula)) == NULL)) {
		free(v->text);
		return xlsx_nomem(x);
	}
	x->ncdata++;
	return 0;
}

/*
 * In b, a formula reading cell row, col of sheet (='分類別'!$B$5), led by
 * the text lead in quotes if not NULL (="　　"&'分類別'!$A$5).
 */
static void
xlsx_cell_ref(struct buf *b, const char *sheet, uint32_t row, uint16_t col,
    const char *lead)
{
	char		 cell[LXW_MAX_CELL_NAME_LENGTH];
	const char	*p;

	buf_reset(b);
	buf_putc(b, '=');
	if (lead != NULL && *lead != '\0')
		buf_printf(b, "\"%s\"&", lead);
	buf_putc(b, '\'');
	for (p = sheet; *p != '\0'; p++) {
		if (*p == '\'')
			buf_putc(b, '\'');
		buf_putc(b, *p);
	}
	lxw_rowcol_to_cell_abs(cell, row, col, 1, 1);
	buf_printf(b, "'!%s", cell);
}

/*
 * The data of horizontal bars m, from src, bottom up on the hidden sheet
 * of chart data: the categories and the values in reverse, as the table
 * has them.  A bar chart drawn top-down in the table's order on a
 * reversed (maxMin) category axis had its legend against the bars in
 * LibreOffice, which lists a bar chart's series in reverse whatever the
 * axis; Excel lists them as the bars are.  Stored bottom up and drawn on
 * a natural axis with the series in reverse, like chart_dml_model()'s
 * charts of a .docx or .pptx, both read top-down in the table's order,
 * legend and bars alike.  Values, not formulas of the table's cells:
 * libxlsxwriter caches a formula's value in the chart as 0 and its text
 * as a number.  Not reversed, the copy of a chart whose categories are
 * not the cells' text (xlsx_chart.cat_labels).  The sheet is written
 * last (xlsx_cdata_write()), after the sheets a reader knows.  out gets
 * the hidden range; cols the columns of its series, in m's order.
 */
static int
xlsx_chart_copy(struct xlsx *x, const struct chart *m,
    const struct xlsx_chart_src *src, int reverse,
    struct xlsx_chart_src *out, uint16_t *cols)
{
	struct buf		 b = BUF_INIT, f = BUF_INIT, pad = BUF_INIT;
	uint32_t		 row, at;
	uint16_t		 c0;
	size_t			 i, k, from, w, lead, widest = 0;
	double			 v;
	int			 rc = 0;
	const char		*sheet = src->sheet != NULL ?
				    src->sheet->name : NULL;

	for (k = 0; k < m->ncats; k++)
		if ((w = text_width(m->cats[k], strlen(m->cats[k]))) > widest)
			widest = w;
	if ((size_t)x->cdata_cols + m->nseries + 1 > XLSX_MAX_COL) {
		error_set(NC_EINVALID, "cell row %lu column %lu of sheet '%s' "
		    "is outside Excel's grid", 1UL, (unsigned long)
		    x->cdata_cols + m->nseries + 1, XLSX_CHART_DATA_SHEET);
		return xlsx_fail(x, NC_EINVALID);
	}
	c0 = x->cdata_cols;
	x->cdata_cols = (uint16_t)(x->cdata_cols + m->nseries + 1);
	for (k = 0; k < m->ncats && rc == 0; k++) {
		row = (uint32_t)k;
		from = reverse ? m->ncats - 1 - k : k;
		/*
		 * LibreOffice sizes the room of a bar chart's category
		 * labels by the first one, the bottom one here, and broke
		 * the longer ones in it ("サイバー攻撃・不正ア / クセス"):
		 * the first is led by ideographic spaces to the width of the
		 * widest, which the labels' right alignment leaves unseen.
		 */
		buf_reset(&b);
		if (reverse && k == 0)
			for (w = text_width(m->cats[from],
			    strlen(m->cats[from])); w + 1 < widest; w += 2)
				buf_puts(&b, "\u3000");
		lead = b.len;
		buf_puts(&b, m->cats[from]);
		/* the table's row of the category (xlsx_add_chart()) */
		at = src->r1 + (uint32_t)from;
		if (sheet != NULL && !src->own_cats && buf_ok(&b) == 0) {
			buf_reset(&pad);
			buf_add(&pad, b.data, lead);
			xlsx_cell_ref(&f, sheet, at, src->cat_col,
			    lead > 0 ? pad.data : NULL);
		}
		if ((rc = buf_ok(&b)) != 0 || (rc = buf_ok(&f)) != 0 ||
		    (rc = buf_ok(&pad)) != 0) {
			rc = xlsx_fail(x, rc);
			break;
		}
		rc = xlsx_cdata_add(x, row, c0, b.data, 0, sheet != NULL &&
		    !src->own_cats ? f.data : NULL);
		for (i = 0; i < m->nseries && rc == 0; i++) {
			/* no value stays a blank: a gap, not a bar of 0 */
			if (isnan(v = m->series[i].values[from]))
				continue;
			if (sheet != NULL) {
				xlsx_cell_ref(&f, sheet, at, src->val_cols[i],
				    NULL);
				if ((rc = buf_ok(&f)) != 0) {
					rc = xlsx_fail(x, rc);
					break;
				}
			}
			rc = xlsx_cdata_add(x, row, (uint16_t)(c0 + 1 + i),
			    NULL, v, sheet != NULL ? f.data : NULL);
		}
	}
	buf_free(&b);
	buf_free(&f);
	buf_free(&pad);
	if (rc != 0)
		return rc;
	for (i = 0; i < m->nseries; i++)
		cols[i] = (uint16_t)(c0 + 1 + i);
	*out = *src;
	out->sheet = NULL;
	out->sheet_name = XLSX_CHART_DATA_SHEET;
	out->r1 = 0;
	out->r2 = (uint32_t)m->ncats - 1;
	out->cat_col = c0;
	out->val_cols = cols;
	return 0;
}

/* The hidden sheet of chart data, after every other sheet. */
static int
xlsx_cdata_write(struct xlsx *x)
{
	lxw_worksheet		*ws;
	const struct xlsx_cdata	*c = NULL;
	lxw_error		 e = LXW_NO_ERROR;
	char			 cell[LXW_MAX_CELL_NAME_LENGTH];
	size_t			 i;

	if (x->ncdata == 0)
		return 0;
	if ((ws = workbook_add_worksheet(x->wb, XLSX_CHART_DATA_SHEET)) ==
	    NULL) {
		error_set(NC_EINVALID, "cannot add sheet '%s'",
		    XLSX_CHART_DATA_SHEET);
		return xlsx_fail(x, NC_EINVALID);
	}
	for (i = 0; i < x->ncdata && e == LXW_NO_ERROR; i++) {
		c = &x->cdata[i];
		if (c->formula != NULL)
			e = c->text != NULL ? worksheet_write_formula_str(ws,
			    c->row, c->col, c->formula, NULL, c->text) :
			    worksheet_write_formula_num(ws, c->row, c->col,
			    c->formula, NULL, c->num);
		else
			e = c->text != NULL ? worksheet_write_string(ws,
			    c->row, c->col, c->text, NULL) :
			    worksheet_write_number(ws, c->row, c->col, c->num,
			    NULL);
	}
	if (e != LXW_NO_ERROR) {
		lxw_rowcol_to_cell(cell, c->row, c->col);
		error_set(e == LXW_ERROR_MEMORY_MALLOC_FAILED ? NC_ENOMEM :
		    NC_EINVALID, "cannot write cell %s of sheet '%s': %s",
		    cell, XLSX_CHART_DATA_SHEET, lxw_strerror(e));
		return xlsx_fail(x, error_code());
	}
	worksheet_hide(ws);
	return 0;
}

/*
 * Draw model m from the cells of src on a chart sheet of its own (made by
 * xlsx_save(), after every worksheet, so the sheets keep their order): a
 * whole A4 page, never split, never under a table's repeated header row.
 */
static int
xlsx_draw_one(struct xlsx *x, const struct chart *m, enum chart_kind drawn,
    const struct xlsx_chart_src *src)
{
	struct xlsx_pending	*p;
	struct chart_axis	 ax;
	lxw_chart		*chart;
	lxw_chart_series	*series;
	lxw_chart_font		 font, tfont, lfont, cfont;
	lxw_chart_fill		 fill;
	lxw_chart_line		 line, white;
	lxw_chart_point		*points = NULL, **pp = NULL;
	lxw_chart_axis		*cat, *val;
	enum chart_legend	 legend;
	struct xlsx_chart_src	 up;
	const struct xlsx_chart_src *names = src;
	const char		*sname;
	uint16_t		*upcols = NULL;
	size_t			 i, k, si;
	int			 rc, horiz, bottom_up;

	if ((rc = chart_check(m)) != 0)
		return xlsx_fail(x, rc);
	horiz = drawn == CHART_BAR || drawn == CHART_BAR_STACKED;
	chart_value_axis(&ax, m);
	legend = m->legend;
	if (legend == CHART_LEGEND_AUTO)
		legend = m->nseries == 1 && drawn != CHART_PIE ?
		    CHART_LEGEND_NONE : CHART_LEGEND_BOTTOM;
	/* Clustered bars with a legend: drawn from their data bottom up. */
	bottom_up = drawn == CHART_BAR && legend != CHART_LEGEND_NONE;
	if (bottom_up || src->own_cats) {
		if ((upcols = calloc(m->nseries, sizeof *upcols)) == NULL)
			return xlsx_nomem(x);
		if ((rc = xlsx_chart_copy(x, m, src, bottom_up, &up,
		    upcols)) != 0) {
			free(upcols);
			return rc;
		}
		src = &up;
	}
	sname = src->sheet != NULL ? src->sheet->name : src->sheet_name;
	if ((p = realloc(x->pending, (x->npending + 1) * sizeof *p)) == NULL) {
		free(upcols);
		return xlsx_nomem(x);
	}
	x->pending = p;
	p = &x->pending[x->npending];
	memset(p, 0, sizeof *p);
	if ((p->title = strdup(m->title != NULL ? m->title : "")) == NULL ||
	    (p->sheet = strdup(names->sheet->name)) == NULL ||
	    (m->note != NULL && (p->note = strdup(m->note)) == NULL)) {
		free(p->title);
		free(p->sheet);
		free(upcols);
		return xlsx_nomem(x);
	}
	if ((chart = workbook_add_chart(x->wb, xlsx_lxw_type(drawn))) ==
	    NULL) {
		free(p->title);
		free(p->sheet);
		free(p->note);
		free(upcols);
		return xlsx_nomem(x);
	}
	p->chart = chart;
	x->npending++;

	/*
	 * Chart text would otherwise take the theme's Calibri.  libxlsxwriter
	 * 1.1.4 sets only the Latin typeface (<a:latin>), with the Japanese
	 * charset; it has no way to name the East Asian one (<a:ea>), for
	 * which Excel may fall back to the theme's ＭＳ Ｐゴシック.
	 */
	memset(&font, 0, sizeof font);
	font.name = XLSX_FONT;
	font.size = 10;
	font.charset = XLSX_FONT_CHARSET;
	tfont = font;
	tfont.size = 14;
	tfont.bold = 1;
	lfont = font;
	lfont.size = 9;
	/* Category labels level, always: 360 is libxlsxwriter's explicit 0. */
	cfont = font;
	cfont.rotation = 360;
	memset(&white, 0, sizeof white);
	white.color = 0xFFFFFF;
	white.width = 1;

	if (drawn == CHART_PIE &&
	    ((points = calloc(m->ncats, sizeof *points)) == NULL ||
	    (pp = calloc(m->ncats + 1, sizeof *pp)) == NULL)) {
		free(points);
		free(upcols);
		return xlsx_nomem(x);
	}
	for (si = 0; si < m->nseries; si++) {
		/* bottom up: the last series first; each keeps its colour */
		i = bottom_up ? m->nseries - 1 - si : si;
		if ((series = chart_add_series(chart, NULL, NULL)) == NULL) {
			free(points);
			free(pp);
			free(upcols);
			return xlsx_nomem(x);
		}
		chart_series_set_categories(series, sname, src->r1,
		    src->cat_col, src->r2, src->cat_col);
		chart_series_set_values(series, sname, src->r1,
		    src->val_cols[i], src->r2, src->val_cols[i]);
		if (names->has_name_row)
			chart_series_set_name_range(series, names->sheet->name,
			    names->name_row, names->val_cols[i]);
		else
			chart_series_set_name(series, m->series[i].name);
		memset(&fill, 0, sizeof fill);
		fill.color = (lxw_color_t)chart_series_color_rgb(m, i);
		memset(&line, 0, sizeof line);
		line.color = fill.color;
		if (drawn == CHART_LINE) {
			line.width = 2.25;
			chart_series_set_line(series, &line);
			chart_series_set_marker_type(series,
			    LXW_CHART_MARKER_CIRCLE);
			chart_series_set_marker_size(series, 6);
			chart_series_set_marker_fill(series, &fill);
			line.width = 0.75;
			chart_series_set_marker_line(series, &line);
		} else if (drawn == CHART_PIE) {
			for (k = 0; k < m->ncats; k++) {
				memset(&points[k], 0, sizeof points[k]);
				points[k].fill = calloc(1, sizeof(lxw_chart_fill));
				if (points[k].fill != NULL)
					points[k].fill->color = (lxw_color_t)
					    chart_point_color_rgb(m, k);
				points[k].line = &white;
				pp[k] = &points[k];
			}
			pp[m->ncats] = NULL;
			chart_series_set_points(series, pp);
			for (k = 0; k < m->ncats; k++)
				free(points[k].fill);
		} else {
			chart_series_set_fill(series, &fill);
			line.none = 1;
			chart_series_set_line(series, &line);
		}
		if (drawn == CHART_PIE) {
			/* Value and share on two lines, as chart_drawingml(). */
			chart_series_set_labels(series);
			chart_series_set_labels_options(series, LXW_FALSE,
			    LXW_FALSE, LXW_TRUE);
			chart_series_set_labels_percentage(series);
			chart_series_set_labels_separator(series,
			    LXW_CHART_LABEL_SEPARATOR_NEWLINE);
			chart_series_set_labels_position(series,
			    LXW_CHART_LABEL_POSITION_OUTSIDE_END);
			chart_series_set_labels_leader_line(series);
			chart_series_set_labels_font(series, &lfont);
		} else if (m->labels) {
			chart_series_set_labels(series);
			chart_series_set_labels_num_format(series,
			    ax.label_numfmt);
			chart_series_set_labels_position(series,
			    drawn == CHART_LINE ? LXW_CHART_LABEL_POSITION_ABOVE :
			    drawn == CHART_COLUMN_STACKED ||
			    drawn == CHART_BAR_STACKED ?
			    LXW_CHART_LABEL_POSITION_CENTER :
			    LXW_CHART_LABEL_POSITION_OUTSIDE_END);
			chart_series_set_labels_font(series, &lfont);
		}
	}
	free(points);
	free(pp);
	free(upcols);
	if (m->title != NULL && *m->title != '\0') {
		chart_title_set_name(chart, m->title);
		chart_title_set_name_font(chart, &tfont);
	}
	if (drawn != CHART_PIE) {
		/*
		 * libxlsxwriter's x axis is the horizontal one: for bars it
		 * holds the values and y the categories.
		 */
		cat = horiz ? chart->y_axis : chart->x_axis;
		val = horiz ? chart->x_axis : chart->y_axis;
		if (m->cat_title != NULL) {
			chart_axis_set_name(cat, m->cat_title);
			chart_axis_set_name_font(cat, &font);
		}
		if (m->val_title != NULL) {
			chart_axis_set_name(val, m->val_title);
			chart_axis_set_name_font(val, &font);
		}
		chart_axis_set_num_font(cat, &cfont);
		chart_axis_set_num_font(val, &font);
		chart_axis_set_label_position(cat, LXW_CHART_AXIS_LABEL_POSITION_LOW);
		chart_axis_set_major_tick_mark(cat, LXW_CHART_AXIS_TICK_MARK_NONE);
		/*
		 * Horizontal bars read top-down in the table's order, with the
		 * value axis kept at the bottom; bottom_up data reads so on a
		 * natural axis.
		 */
		if (horiz && !bottom_up) {
			chart_axis_set_reverse(cat);
			chart_axis_set_crossing_max(cat);
		}
		chart_axis_set_num_format(val, ax.numfmt);
		chart_axis_set_min(val, ax.min);
		chart_axis_set_max(val, ax.max);
		chart_axis_set_major_unit(val, ax.major);
		if (drawn == CHART_COLUMN_STACKED || drawn == CHART_BAR_STACKED)
			chart_set_series_overlap(chart, 100);
		if (drawn != CHART_LINE)
			chart_set_series_gap(chart, (uint16_t)chart_gap_width(m,
			    drawn));
	}
	chart_legend_set_font(chart, &font);
	chart_legend_set_position(chart, legend == CHART_LEGEND_NONE ?
	    LXW_CHART_LEGEND_NONE : legend == CHART_LEGEND_RIGHT ?
	    LXW_CHART_LEGEND_RIGHT : legend == CHART_LEGEND_TOP ?
	    LXW_CHART_LEGEND_TOP : LXW_CHART_LEGEND_BOTTOM);
	return 0;
}

/*
 * Draw m on as many chart sheets as its bars need: a list too long for one
 * page is drawn in parts of equal length ("（その1）"), on the same axis.
 */
static int
xlsx_draw(struct xlsx *x, const struct chart *m,
    const struct xlsx_chart_src *src)
{
	struct xlsx_chart_src	 part;
	struct chart		*s;
	enum chart_kind		 drawn;
	size_t			 fit, parts, per, k, first, n;
	int			 rc, whole = 0;

	if ((rc = chart_check(m)) != 0)
		return xlsx_fail(x, rc);
	if (x->chart_page != NULL) {
		/* half a page, or a whole one where it would be cut in parts */
		drawn = chart_drawn_kind(m, XLSX_HALF_WIDE_CHARS);
		fit = chart_fit_categories(m, drawn, XLSX_HALF_CM);
		if (m->ncats > fit) {
			whole = 1;
			fit = chart_fit_categories(m, drawn, XLSX_WHOLE_CM);
		}
	} else {
		drawn = chart_drawn_kind(m, XLSX_CHART_WIDE_CHARS);
		fit = chart_fit_categories(m, drawn, XLSX_CHART_PAGE_CM);
	}
	if (m->ncats <= fit) {
		if ((rc = xlsx_draw_one(x, m, drawn, src)) == 0)
			x->pending[x->npending - 1].whole = whole;
		return rc;
	}
	parts = (m->ncats + fit - 1) / fit;
	per = (m->ncats + parts - 1) / parts;
	for (k = 0, first = 0; first < m->ncats; k++, first += n) {
		n = m->ncats - first < per ? m->ncats - first : per;
		if ((rc = chart_slice(&s, m, first, n, k + 1, parts)) != 0)
			return xlsx_fail(x, rc);
		part = *src;
		part.r1 = src->r1 + (uint32_t)first;
		part.r2 = part.r1 + (uint32_t)n - 1;
		rc = xlsx_draw_one(x, s, drawn, &part);
		chart_free(s);
		if (rc != 0)
			return rc;
		x->pending[x->npending - 1].whole = whole;
	}
	return 0;
}

/*
 * The name of a chart sheet: the chart's title made a valid sheet name
 * (characters Excel refuses become ・, at most 31 characters), made unique
 * with (2), (3) ...; "<data sheet>のグラフ" for a chart without a title.
 */
static int
xlsx_chart_sheet_name(struct buf *out, struct xlsx *x,
    const struct xlsx_pending *p, const char *const *taken, size_t ntaken)
{
	struct buf	 base = BUF_INIT;
	const char	*s, *colon;
	uint32_t	 cp;
	size_t		 len, n, chars = 0, i;
	int		 k, clash;

	s = p->title;
	if (*s == '\0') {
		buf_printf(&base, "%sのグラフ", p->sheet);
		s = NULL;
	}
	len = s != NULL ? strlen(s) : 0;
	/*
	 * a title too long for a name that says what it shows before a
	 * colon or on its first line (アンケートの肯定的回答の割合：研修の
	 * 名前, or the name on a line of its own): that part, not the whole
	 * cut mid-word with its bracket open (review14: the sheet's tab and
	 * footer read …：デジタル人材育成研修（デ)
	 */
	if (s != NULL && text_chars(s, len) > 27 &&
	    (((colon = memchr(s, '\n', len)) != NULL && colon > s &&
	    text_chars(s, (size_t)(colon - s)) <= 27) ||
	    ((colon = strstr(s, "：")) != NULL && colon > s &&
	    text_chars(s, (size_t)(colon - s)) <= 27)))
		len = (size_t)(colon - s);
	for (; len > 0 && chars < 27; s += n, len -= n) {
		n = text_utf8_decode(&cp, s, len);
		/* strchr() would match the low byte of any code point */
		if (cp < 0x20 || (cp < 0x80 && strchr("[]:*?/\\", (int)cp) !=
		    NULL))
			buf_puts(&base, "・");
		else if (cp == '\'' && chars == 0)
			continue;
		else
			buf_add(&base, s, n);
		chars++;
	}
	if (buf_ok(&base) != 0)
		return xlsx_nomem(x);
	/* a long data sheet name: keep the result within 31 characters */
	while (text_chars(base.data, base.len) > 27) {
		n = base.len;
		while (n > 0 && ((unsigned char)base.data[n - 1] & 0xC0) == 0x80)
			n--;
		base.len = n > 0 ? n - 1 : 0;
		base.data[base.len] = '\0';
	}
	while (base.len > 0 && base.data[base.len - 1] == '\'')
		base.data[--base.len] = '\0';
	for (k = 1;; k++) {
		buf_reset(out);
		if (k == 1)
			buf_puts(out, base.data);
		else
			buf_printf(out, "%s(%d)", base.data, k);
		if (buf_ok(out) != 0) {
			buf_free(&base);
			return xlsx_nomem(x);
		}
		clash = strcasecmp(out->data, "History") == 0;
		for (i = 0; i < x->nsheets && !clash; i++)
			clash = strcasecmp(x->sheets[i]->name, out->data) == 0;
		for (i = 0; i < ntaken && !clash; i++)
			clash = strcasecmp(taken[i], out->data) == 0;
		if (!clash)
			break;
	}
	buf_free(&base);
	return 0;
}

/* Put every pending chart on its chart sheet, printed A4 whole. */
static int
xlsx_chart_sheets(struct xlsx *x)
{
	lxw_chartsheet	 *cs;
	struct buf	  name = BUF_INIT;
	char		**taken = NULL, header[1024];
	size_t		  i;
	int		  rc = 0;

	if (x->npending == 0)
		return 0;
	if ((taken = calloc(x->npending, sizeof *taken)) == NULL)
		return xlsx_nomem(x);
	for (i = 0; i < x->npending; i++) {
		if ((rc = xlsx_chart_sheet_name(&name, x, &x->pending[i],
		    (const char *const *)taken, i)) != 0)
			break;
		if ((taken[i] = strdup(name.data)) == NULL) {
			rc = xlsx_nomem(x);
			break;
		}
		if ((cs = workbook_add_chartsheet(x->wb, name.data)) == NULL) {
			error_set(NC_EINVALID, "cannot add chart sheet '%s'",
			    name.data);
			rc = xlsx_fail(x, NC_EINVALID);
			break;
		}
		if (chartsheet_set_chart(cs, x->pending[i].chart) !=
		    LXW_NO_ERROR) {
			error_set(NC_EINVALID, "cannot put chart '%s' on its "
			    "sheet", x->pending[i].title);
			rc = xlsx_fail(x, NC_EINVALID);
			break;
		}
		chartsheet_set_paper(cs, XLSX_PAPER_A4);
		chartsheet_set_landscape(cs);
		chartsheet_set_margins(cs, 0.6, 0.6, 0.8, 0.8);
		strcpy(header, "&C");
		xlsx_header_text(header + 2, sizeof header - 2,
		    *x->pending[i].title != '\0' ? x->pending[i].title :
		    name.data);
		/* a title's lines on one line of the header, by a space */
		for (char *lf = header; (lf = strchr(lf, '\n')) != NULL;)
			*lf = ' ';
		/* the note on a line under the title */
		if (x->pending[i].note != NULL &&
		    strlen(header) + 1 < sizeof header) {
			strcat(header, "\n");
			xlsx_header_text(header + strlen(header),
			    sizeof header - strlen(header),
			    x->pending[i].note);
		}
		chartsheet_set_header(cs, header);
		chartsheet_set_footer(cs, xlsx_footer());
		worksheet_set_start_page(cs->worksheet, 1);
	}
	for (i = 0; i < x->npending; i++)
		free(taken[i]);
	free(taken);
	buf_free(&name);
	if (rc == 0)
		rc = xlsx_cdata_write(x);
	return rc;
}

/*
 * Every pending chart on one worksheet, two to an A4 portrait page, a
 * chart too long for half a page on a page of its own.
 */
/*
 * The note of a chart on the charts' page, at row at: broken into lines
 * at the page's width as the writer breaks text, one a row below the
 * chart, whose *rows lose the rows they take beyond the one the half
 * leaves free (at most four lines).
 */
static int
xlsx_chart_note(struct xlsx *x, lxw_worksheet *ws, lxw_row_t at,
    size_t *rows, const char *note)
{
	struct buf	 b = BUF_INIT;
	const char	*p, *nl;
	size_t		 n, k, free_rows = XLSX_HALF_ROWS - XLSX_HALF_CHART_ROWS;
	lxw_format	*f = xlsx_format(x, K_NOTE, 0);
	lxw_error	 e = LXW_NO_ERROR;

	xlsx_break_text(&b, note, strlen(note), xlsx_line_room(XLSX_HALF_COLS *
	    XLSX_HALF_COL_WIDTH), 0);
	if (buf_ok(&b) != 0 || f == NULL) {
		buf_free(&b);
		return xlsx_nomem(x);
	}
	buf_putc(&b, '\0');
	n = xlsx_count_lines(b.data, strlen(b.data));
	if (n > 4)
		n = 4;
	if (n > free_rows)
		*rows -= n - free_rows;
	for (k = 0, p = b.data; k < n && e == LXW_NO_ERROR; k++, p = nl + 1) {
		char	*line;

		nl = strchr(p, '\n');
		if ((line = strndup(p, nl != NULL ? (size_t)(nl - p) :
		    strlen(p))) == NULL) {
			buf_free(&b);
			return xlsx_nomem(x);
		}
		e = worksheet_write_string(ws, at + (lxw_row_t)(*rows + k), 0,
		    line, f);
		free(line);
		if (nl == NULL)
			break;
	}
	buf_free(&b);
	if (e != LXW_NO_ERROR) {
		error_set(NC_EINVALID, "cannot write the note of a chart: %s",
		    lxw_strerror(e));
		return xlsx_fail(x, NC_EINVALID);
	}
	return 0;
}

static int
xlsx_chart_page_write(struct xlsx *x)
{
	lxw_worksheet		*ws;
	lxw_chart_options	 opt;
	lxw_row_t		*breaks = NULL, *at = NULL;
	char			 header[512];
	size_t			 i, pages = 0, half = 0, nrows, nb = 0;
	lxw_error		 e = LXW_NO_ERROR;
	int			 rc;

	if (x->npending == 0)
		return 0;
	if ((rc = xlsx_valid_name(x, x->chart_page)) != 0)
		return xlsx_fail(x, rc);
	if ((ws = workbook_add_worksheet(x->wb, x->chart_page)) == NULL) {
		error_set(NC_EINVALID, "cannot add sheet '%s'", x->chart_page);
		return xlsx_fail(x, NC_EINVALID);
	}
	if ((breaks = calloc(x->npending + 1, sizeof *breaks)) == NULL ||
	    (at = calloc(x->npending, sizeof *at)) == NULL) {
		free(breaks);
		return xlsx_nomem(x);
	}
	/* where each goes: the top or bottom half of a page, or all of one */
	for (i = 0; i < x->npending; i++) {
		if (half == 1 && x->pending[i].whole)
			half = 2;		/* the bottom half stays empty */
		if (half == 2 || (i > 0 && half == 0)) {
			breaks[nb++] = (lxw_row_t)(pages * 2 * XLSX_HALF_ROWS);
			half = 0;
		}
		if (half == 0)
			pages++;
		at[i] = (lxw_row_t)((pages - 1) * 2 * XLSX_HALF_ROWS +
		    half * XLSX_HALF_ROWS);
		half += x->pending[i].whole ? 2 : 1;
	}
	nrows = pages * 2 * XLSX_HALF_ROWS;
	for (i = 0; i < nrows && e == LXW_NO_ERROR; i++)
		e = worksheet_set_row(ws, (lxw_row_t)i, XLSX_HALF_ROW_PT, NULL);
	if (e == LXW_NO_ERROR)
		e = worksheet_set_column(ws, 0, XLSX_HALF_COLS - 1,
		    XLSX_HALF_COL_WIDTH, NULL);
	for (i = 0; i < x->npending && e == LXW_NO_ERROR; i++) {
		size_t	 rows = x->pending[i].whole ? XLSX_WHOLE_CHART_ROWS :
			    XLSX_HALF_CHART_ROWS;

		/* a note's lines under the chart, in its half's rows */
		if (x->pending[i].note != NULL) {
			if ((rc = xlsx_chart_note(x, ws, at[i], &rows,
			    x->pending[i].note)) != 0) {
				free(breaks);
				free(at);
				return rc;
			}
		}
		memset(&opt, 0, sizeof opt);
		opt.x_scale = (double)(XLSX_HALF_COLS * XLSX_HALF_COL_PX) /
		    XLSX_LXW_CHART_W;
		opt.y_scale = (double)(rows * XLSX_HALF_ROW_PX) /
		    XLSX_LXW_CHART_H;
		opt.object_position = LXW_OBJECT_DONT_MOVE_DONT_SIZE;
		e = worksheet_insert_chart_opt(ws, at[i], 0,
		    x->pending[i].chart, &opt);
	}
	/* the list of breaks ends with 0 */
	if (e == LXW_NO_ERROR && nb > 0)
		e = worksheet_set_h_pagebreaks(ws, breaks);
	free(breaks);
	free(at);
	if (e != LXW_NO_ERROR) {
		error_set(e == LXW_ERROR_MEMORY_MALLOC_FAILED ? NC_ENOMEM :
		    NC_EINVALID, "cannot lay out the charts on sheet '%s': %s",
		    x->chart_page, lxw_strerror(e));
		return xlsx_fail(x, error_code());
	}
	worksheet_set_paper(ws, XLSX_PAPER_A4);
	worksheet_set_portrait(ws);
	worksheet_set_margins(ws, 0.5, 0.5, 0.75, 0.75);
	worksheet_center_horizontally(ws);
	worksheet_gridlines(ws, LXW_HIDE_ALL_GRIDLINES);
	strcpy(header, "&C");
	xlsx_header_text(header + 2, sizeof header - 2, x->chart_page);
	if (worksheet_set_header(ws, header) != LXW_NO_ERROR ||
	    worksheet_set_footer(ws, xlsx_footer()) != LXW_NO_ERROR ||
	    worksheet_print_area(ws, 0, 0, (lxw_row_t)nrows - 1,
	    XLSX_HALF_COLS - 1) != LXW_NO_ERROR) {
		error_set(NC_EINVALID, "cannot set the page of sheet '%s'",
		    x->chart_page);
		return xlsx_fail(x, NC_EINVALID);
	}
	worksheet_set_start_page(ws, 1);
	return xlsx_cdata_write(x);
}

int
xlsx_chart_page(struct xlsx *x, const char *name)
{
	int	 rc;

	if ((rc = xlsx_check(x)) != 0)
		return rc;
	if (x->npending > 0 || x->chart_page != NULL) {
		error_set(NC_EINVALID, "workbook '%s': the charts' page is "
		    "chosen once, before the first chart", x->path);
		return xlsx_fail(x, NC_EINVALID);
	}
	if ((rc = xlsx_valid_name(x, name)) != 0)
		return xlsx_fail(x, rc);
	if ((x->chart_page = strdup(name)) == NULL)
		return xlsx_nomem(x);
	return 0;
}

int
xlsx_add_chart(struct xlsx_sheet *sh, const struct xlsx_chart *c)
{
	const struct xlsx_sheet	*src;
	struct xlsx_chart_src	 where;
	struct chart		*m = NULL;
	struct buf		 b = BUF_INIT;
	enum chart_kind		 kind;
	double			*v = NULL;
	uint32_t		 r1, r2, r;
	size_t			 i, n;
	int			 rc, whole = 1;

	XLSX_SHEET_CHECK(sh);
	if ((rc = xlsx_check(sh->x)) != 0)
		return rc;
	src = c->src != NULL ? c->src : sh;
	if (src->x != sh->x) {
		error_set(NC_EINVALID, "sheet '%s': chart data from another "
		    "workbook", sh->name);
		return xlsx_fail(sh->x, NC_EINVALID);
	}
	r1 = c->first_row;
	r2 = c->last_row;
	if (r1 == 0 && r2 == 0 && src->has_table) {
		r1 = src->header_row + 1;
		r2 = src->table_last;
	}
	if (r2 < r1 || (r1 == 0 && r2 == 0) || c->nval == 0 ||
	    (c->type == XLSX_CHART_PIE && c->nval != 1) ||
	    (c->names == NULL && !src->has_table) ||
	    c->nval > CHART_MAX_SERIES || r2 - r1 >= CHART_MAX_CATEGORIES) {
		error_set(NC_EINVALID, "sheet '%s': chart '%s' has no data "
		    "rows, no series, too many, or a pie with more than one "
		    "series", sh->name, c->title != NULL ? c->title : "");
		return xlsx_fail(sh->x, NC_EINVALID);
	}
	for (i = 0; i < c->nval; i++)
		if (c->val_cols[i] > XLSX_MAX_COL || c->cat_col > XLSX_MAX_COL ||
		    (c->names == NULL && c->val_cols[i] >= src->ncols)) {
			error_set(NC_EINVALID, "sheet '%s': chart column out of "
			    "range", sh->name);
			return xlsx_fail(sh->x, NC_EINVALID);
		}
	switch (c->type) {
	case XLSX_CHART_COLUMN:
		kind = CHART_COLUMN;
		break;
	case XLSX_CHART_COLUMN_STACKED:
		kind = CHART_COLUMN_STACKED;
		break;
	case XLSX_CHART_BAR:
		kind = CHART_BAR;
		break;
	case XLSX_CHART_PIE:
		kind = CHART_PIE;
		break;
	case XLSX_CHART_LINE:
		kind = CHART_LINE;
		break;
	default:
		error_set(NC_EINVALID, "unknown chart type %d", (int)c->type);
		return xlsx_fail(sh->x, NC_EINVALID);
	}

	/* The model, from what the table's cells hold. */
	n = (size_t)(r2 - r1) + 1;
	if ((rc = chart_new(&m, kind, c->title)) != 0) {
		xlsx_fail(sh->x, rc);
		goto done;
	}
	for (r = r1; r <= r2; r++) {
		if (c->cat_labels != NULL) {
			buf_reset(&b);
			buf_puts(&b, c->cat_labels[r - r1] != NULL ?
			    c->cat_labels[r - r1] : "");
		} else
			xlsx_cell_text(&b, src, r, c->cat_col);
		if ((rc = buf_ok(&b)) != 0 ||
		    (rc = chart_category(m, b.data)) != 0)
			break;
	}
	if (rc == 0 && (v = calloc(n, sizeof *v)) == NULL)
		rc = error_set(NC_ENOMEM, "out of memory");
	for (i = 0; rc == 0 && i < c->nval; i++) {
		for (r = r1; r <= r2; r++) {
			v[r - r1] = xlsx_cell_number(src, r, c->val_cols[i]);
			if (!isnan(v[r - r1]) && v[r - r1] != floor(v[r - r1]))
				whole = 0;
		}
		rc = chart_series(m, c->names != NULL ? c->names[i] :
		    src->headings[c->val_cols[i]], v, n);
	}
	if (rc == 0)
		rc = chart_set_axis_titles(m, c->x_title, c->y_title);
	if (rc == 0)
		rc = chart_set_format(m, c->y_pct ? CHART_PERCENT : whole ?
		    CHART_COUNT : CHART_PLAIN);
	/* Values on the bars where there are few: a short bar still reads. */
	if (rc == 0)
		rc = chart_set_labels(m, n * c->nval <= XLSX_CHART_LABELS_MAX);
	if (rc == 0 && c->label_numfmt != NULL)
		rc = chart_set_numfmt(m, NULL, c->label_numfmt);
	if (rc == 0)
		rc = chart_set_severity(m, c->severity, c->severity_red);
	if (rc != 0) {
		xlsx_fail(sh->x, rc);
		goto done;
	}
	/*
	 * Values that cannot pass y_max (a score out of 100 points): the
	 * axis ends there, not a step above for the tallest bar's label
	 * (91.0 ran it to 120).  Slices keep it as the whole's axis.
	 */
	if (c->y_max > 0) {
		struct chart_axis	ax;

		chart_value_axis(&ax, m);
		if (ax.max > c->y_max && ax.min >= 0) {
			ax.max = c->y_max;
			m->axis = ax;
			m->fixed_axis = 1;
		}
	}
	memset(&where, 0, sizeof where);
	where.sheet = src;
	where.r1 = r1;
	where.r2 = r2;
	where.cat_col = c->cat_col;
	where.val_cols = c->val_cols;
	where.has_name_row = c->names == NULL;
	where.name_row = src->header_row;
	where.own_cats = c->cat_labels != NULL;
	rc = xlsx_draw(sh->x, m, &where);
done:
	chart_free(m);
	free(v);
	buf_free(&b);
	return rc;
}

int
xlsx_chart_table(struct xlsx_sheet *sh, const struct chart *m)
{
	struct xlsx_column	*cols = NULL;
	struct xlsx_chart_src	 where;
	uint16_t		*vc = NULL;
	uint32_t		 row;
	enum xlsx_num		 nf;
	size_t			 i, k;
	int			 rc, whole = 1;

	XLSX_SHEET_CHECK(sh);
	if ((rc = xlsx_check(sh->x)) != 0)
		return rc;
	if ((rc = chart_check(m)) != 0)
		return xlsx_fail(sh->x, rc);
	if ((cols = calloc(m->nseries + 1, sizeof *cols)) == NULL ||
	    (vc = calloc(m->nseries, sizeof *vc)) == NULL) {
		free(cols);
		return xlsx_nomem(sh->x);
	}
	cols[0].heading = m->cat_title != NULL ? m->cat_title : "区分";
	for (i = 0; i < m->nseries; i++) {
		cols[i + 1].heading = m->series[i].name;
		vc[i] = (uint16_t)(i + 1);
		for (k = 0; k < m->ncats; k++)
			if (!isnan(m->series[i].values[k]) &&
			    m->series[i].values[k] !=
			    floor(m->series[i].values[k]))
				whole = 0;
	}
	nf = m->format == CHART_PERCENT ? XLSX_NUM_PCT :
	    m->format == CHART_COUNT || m->format == CHART_YEN || whole ?
	    XLSX_NUM_INT : XLSX_NUM_DEC;
	if ((rc = xlsx_table(&row, sh, cols, m->nseries + 1)) != 0)
		goto done;
	for (k = 0; k < m->ncats; k++) {
		xlsx_write_text(sh, row + (uint32_t)k, 0, m->cats[k]);
		for (i = 0; i < m->nseries; i++) {
			if (isnan(m->series[i].values[k]))
				xlsx_write_blank(sh, row + (uint32_t)k,
				    (uint16_t)(i + 1));
			else
				xlsx_write_number(sh, row + (uint32_t)k,
				    (uint16_t)(i + 1), m->series[i].values[k],
				    nf);
		}
	}
	if ((rc = xlsx_check(sh->x)) != 0)
		goto done;
	memset(&where, 0, sizeof where);
	where.sheet = sh;
	where.r1 = row;
	where.r2 = row + (uint32_t)m->ncats - 1;
	where.cat_col = 0;
	where.val_cols = vc;
	where.has_name_row = 1;
	where.name_row = sh->header_row;
	rc = xlsx_draw(sh->x, m, &where);
done:
	free(cols);
	free(vc);
	return rc;
}

/* Seconds since 1970 of a created property, UTC; 0 for NULL. */
static int
xlsx_created_time(time_t *out, const char *created)
{
	char	w3c[32];
	int	y, mo, d, h, mi, s, rc;
	long	days, yy, era, yoe, doy, doe;

	*out = 0;
	if (created == NULL)
		return 0;
	if ((rc = opc_parse_created(created, w3c, &y, &mo, &d, &h, &mi,
	    &s)) != 0)
		return rc;
	/* Days from civil (H. Hinnant), proleptic Gregorian. */
	yy = mo <= 2 ? y - 1 : y;
	era = (yy >= 0 ? yy : yy - 399) / 400;
	yoe = yy - era * 400;
	doy = (153 * (mo + (mo > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	days = era * 146097 + doe - 719468;
	*out = (time_t)days * 86400 + h * 3600 + mi * 60 + s;
	return 0;
}

int
xlsx_chart_data(char **out, size_t *outlen, const struct chart *m,
    const char *created)
{
	struct fileio_tmp	 t;
	struct buf		 b = BUF_INIT, path = BUF_INIT;
	lxw_workbook		*wb = NULL;
	lxw_worksheet		*ws;
	lxw_format		*head, *num, *text;
	lxw_doc_properties	 p;
	const char		*dir;
	size_t			 i, k, w, cw;
	lxw_error		 e;
	int			 rc;

	*out = NULL;
	*outlen = 0;
	memset(&t, 0, sizeof t);
	memset(&p, 0, sizeof p);
	if ((rc = chart_check(m)) != 0 ||
	    (rc = xlsx_created_time(&p.created, created)) != 0 ||
	    (rc = lazylib_load(&lazylib_libxlsxwriter)) != 0)
		return rc;
	/*
	 * libxlsxwriter 1.1.4 (Debian 12) cannot write to memory (its
	 * output_buffer came in 1.1.5): a temporary file, read back and
	 * removed.
	 */
	dir = getenv("TMPDIR");
	buf_printf(&path, "%s/nerima-cio-chart.xlsx", dir != NULL &&
	    *dir != '\0' ? dir : "/tmp");
	if ((rc = buf_ok(&path)) != 0 ||
	    (rc = fileio_tmp_open(&t, path.data)) != 0)
		goto done;
	if ((wb = workbook_new(t.tmp)) == NULL) {
		rc = error_set(NC_ENOMEM, "cannot start the chart's workbook");
		goto done;
	}
	xlsx_normal_font(wb);
	if (workbook_set_properties(wb, &p) != LXW_NO_ERROR ||
	    (ws = workbook_add_worksheet(wb, CHART_DATA_SHEET)) == NULL ||
	    (head = workbook_add_format(wb)) == NULL ||
	    (num = workbook_add_format(wb)) == NULL ||
	    (text = workbook_add_format(wb)) == NULL) {
		rc = error_set(NC_ENOMEM, "out of memory");
		goto done;
	}
	format_set_font_name(head, XLSX_FONT);
	format_set_bold(head);
	format_set_font_name(text, XLSX_FONT);
	format_set_font_name(num, XLSX_FONT);
	{
		struct chart_axis	ax;

		chart_value_axis(&ax, m);
		/* a count of 0 shows in the cell, if not on the chart */
		format_set_num_format(num, m->format == CHART_COUNT ||
		    m->format == CHART_YEN ? ax.numfmt : ax.label_numfmt);
	}
	/* Row 1: series names from B; column A: categories from row 2. */
	e = LXW_NO_ERROR;
	if (m->cat_title != NULL)
		e = worksheet_write_string(ws, 0, 0, m->cat_title, head);
	cw = m->cat_title != NULL ? text_width(m->cat_title,
	    strlen(m->cat_title)) : 4;
	for (k = 0; k < m->ncats && e == LXW_NO_ERROR; k++) {
		e = worksheet_write_string(ws, (lxw_row_t)k + 1, 0, m->cats[k],
		    text);
		if ((w = text_width(m->cats[k], strlen(m->cats[k]))) > cw)
			cw = w;
	}
	for (i = 0; i < m->nseries && e == LXW_NO_ERROR; i++) {
		e = worksheet_write_string(ws, 0, (lxw_col_t)i + 1,
		    m->series[i].name, head);
		for (k = 0; k < m->ncats && e == LXW_NO_ERROR; k++)
			if (!isnan(m->series[i].values[k]))
				e = worksheet_write_number(ws, (lxw_row_t)k + 1,
				    (lxw_col_t)i + 1, m->series[i].values[k],
				    num);
	}
	if (e == LXW_NO_ERROR)
		e = worksheet_set_column(ws, 0, 0, (double)(cw > 48 ? 48 : cw) +
		    XLSX_PAD, NULL);
	if (e == LXW_NO_ERROR && m->nseries > 0)
		e = worksheet_set_column(ws, 1, (lxw_col_t)m->nseries, 14, NULL);
	if (e != LXW_NO_ERROR) {
		rc = error_set(NC_EINVALID, "cannot write the chart's data: %s",
		    lxw_strerror(e));
		goto done;
	}
	e = workbook_close(wb);
	wb = NULL;
	if (e != LXW_NO_ERROR) {
		rc = error_set(NC_EIO, "cannot write the chart's workbook: %s",
		    lxw_strerror(e));
		goto done;
	}
	if ((rc = buf_load(&b, t.tmp)) != 0)
		goto done;
	*out = buf_detach(&b, outlen);
done:
	if (wb != NULL)
		lxw_workbook_free(wb);
	fileio_tmp_abort(&t);
	buf_free(&b);
	buf_free(&path);
	return rc;
}
/* Width in Excel units of a column, from what was written to it. */
static double
xlsx_col_width(const struct xlsx_sheet *sh, size_t col)
{
	double	 w;

	if (col < sh->ncols && sh->col_width[col] > 0) {
		/*
		 * A name's piece that may not break widens its column (as
		 * xlsx_name_width() counts, a full-width character 50
		 * hundredths a display column).
		 */
		w = col < sh->nwidths ?
		    xlsx_room_width((double)sh->widths[col] * 50) : 0;
		if ((sh->col_flags[col] & XLSX_COL_NAME) &&
		    w > sh->col_width[col])
			return w;
		return sh->col_width[col];
	}
	if (col >= sh->nwidths || sh->widths[col] == 0)
		return 0;
	w = (double)sh->widths[col] + XLSX_PAD;
	if (w < XLSX_WIDTH_MIN)
		w = XLSX_WIDTH_MIN;
	if (w > XLSX_WIDTH_MAX)
		w = XLSX_WIDTH_MAX;
	return w;
}

/* Header/footer text: '&' starts a code, so a literal one is doubled. */
static void
xlsx_header_text(char *out, size_t size, const char *s)
{
	uint32_t	 cp;
	size_t		 j = 0, n, len = strlen(s), chars = 0;

	/* Excel's limit is 255 characters including the codes */
	while (len > 0 && chars < 100) {
		n = text_utf8_decode(&cp, s, len);
		if (j + n + 2 >= size)
			break;
		if (*s == '&')
			out[j++] = '&';
		memcpy(out + j, s, n);
		j += n;
		s += n;
		len -= n;
		chars++;
	}
	out[j] = '\0';
}

static int
xlsx_finish(struct xlsx_sheet *sh)
{
	lxw_worksheet	*ws = sh->ws;
	lxw_protection	 prot;
	lxw_format	*hf;
	struct buf	 hb = BUF_INIT;
	char		 header[512];
	size_t		 i, n, ncol, heading = 1;
	uint32_t	 lastr;
	uint16_t	 lastc;
	double		 w;
	int		 rc;

	if (sh->lists) {
		worksheet_hide(ws);
		return 0;
	}
	ncol = sh->nwidths > sh->ncols ? sh->nwidths : sh->ncols;
	for (i = 0; i < ncol; i++) {
		if ((w = xlsx_col_width(sh, i)) > 0 &&
		    (rc = xlsx_lxw(sh, 0, (uint16_t)i, worksheet_set_column(ws,
		    (lxw_col_t)i, (lxw_col_t)i, w, NULL))) != 0)
			return rc;
	}
	if (sh->has_table) {
		/*
		 * Headings wrap in the column's final width.  Those of
		 * XLSX_COL_BREAK columns are broken here like their text:
		 * "復旧まで / （時間）", never "復旧まで（ / 時間）".  The
		 * others keep their text as it is, for readers that match
		 * headings (the imports of forms), and the row is as high as
		 * their lines broken the same way: the autofilter's button
		 * does not print and does not make a cell wrap, so it takes
		 * no room here (a header row of "No." in 4.5 units was four
		 * lines high on every page).
		 */
		if ((hf = xlsx_format(sh->x, K_HEADER, 0)) == NULL)
			return xlsx_nomem(sh->x);
		for (i = 0; i < sh->ncols; i++) {
			w = xlsx_col_width(sh, i);
			xlsx_break_text(&hb, sh->headings[i],
			    strlen(sh->headings[i]), xlsx_line_room(w > 0 ?
			    w : 8.43), sh->col_flags[i] & XLSX_COL_PHRASE);
			if (buf_ok(&hb) != 0) {
				buf_free(&hb);
				return xlsx_nomem(sh->x);
			}
			n = xlsx_count_lines(hb.data, hb.len);
			if (n > heading)
				heading = n;
			if (!(sh->col_flags[i] & XLSX_COL_BREAK))
				continue;
			if (n > 1 && (rc = xlsx_lxw(sh, sh->header_row,
			    (uint16_t)i, worksheet_write_string(ws,
			    sh->header_row, (lxw_col_t)i, hb.data, hf))) != 0) {
				buf_free(&hb);
				return rc;
			}
			if (n > heading)
				heading = n;
		}
		buf_free(&hb);
		if ((rc = xlsx_lxw(sh, sh->header_row, 0,
		    worksheet_set_row(ws, sh->header_row,
		    XLSX_LINE_PT * (double)heading, NULL))) != 0)
			return rc;
		worksheet_freeze_panes(ws, sh->header_row + 1, 0);
		if ((rc = xlsx_lxw(sh, sh->header_row, 0, worksheet_autofilter(
		    ws, sh->header_row, 0, sh->table_last,
		    (lxw_col_t)(sh->ncols - 1)))) != 0)
			return rc;
		if ((rc = xlsx_lxw(sh, sh->header_row, 0, worksheet_repeat_rows(
		    ws, sh->header_row, sh->header_row))) != 0)
			return rc;
	}
	if ((rc = xlsx_rewrap(sh)) != 0)
		return rc;
	/*
	 * Every row as high as Excel shows it: LibreOffice prints a row
	 * whose height is not set at 15 pt where Excel, measuring 游ゴシック,
	 * shows 18.75 pt a line, so the two would print different pages.
	 */
	lastr = sh->last_row;
	if (sh->nlines > 0 && sh->nlines - 1 > lastr)
		lastr = (uint32_t)(sh->nlines - 1);
	for (i = 0; i <= lastr; i++) {
		if (sh->has_table && i == sh->header_row)
			continue;
		n = i < sh->nlines && sh->lines[i] > 1 ? sh->lines[i] : 1;
		if ((rc = xlsx_lxw(sh, (uint32_t)i, 0, worksheet_set_row(ws,
		    (lxw_row_t)i, i == 0 && sh->title != NULL ?
		    XLSX_TITLE_PT : XLSX_LINE_PT * (double)n, NULL))) != 0)
			return rc;
	}
	if (sh->flags & XLSX_PROTECT) {
		memset(&prot, 0, sizeof prot);
		/* protect the content, not the reader's view of it */
		prot.autofilter = 1;
		prot.sort = 1;
		prot.format_columns = 1;
		prot.format_rows = 1;
		worksheet_protect(ws, NULL, &prot);
	}
	if (sh->flags & XLSX_HIDDEN) {
		/* a working sheet: LibreOffice would print it all the same */
		worksheet_hide(ws);
		return 0;
	}

	worksheet_set_paper(ws, XLSX_PAPER_A4);
	if (sh->flags & XLSX_LANDSCAPE)
		worksheet_set_landscape(ws);
	else
		worksheet_set_portrait(ws);
	if (sh->flags & XLSX_NARROW)
		worksheet_set_margins(ws, XLSX_NARROW_IN, XLSX_NARROW_IN,
		    XLSX_MARGIN_TB_IN, XLSX_MARGIN_TB_IN);
	worksheet_fit_to_pages(ws, 1, 0);
	worksheet_center_horizontally(ws);
	strcpy(header, "&C");
	xlsx_header_text(header + 2, sizeof header - 2,
	    sh->title != NULL ? sh->title : sh->name);
	if ((rc = xlsx_lxw(sh, 0, 0, worksheet_set_header(ws, header))) != 0)
		return rc;
	if ((rc = xlsx_lxw(sh, 0, 0, worksheet_set_footer(ws,
	    xlsx_footer()))) != 0)
		return rc;
	worksheet_set_start_page(ws, 1);

	lastr = sh->last_row;
	if (sh->has_table && sh->print_rows > 0 &&
	    sh->header_row + sh->print_rows < lastr)
		lastr = sh->header_row + sh->print_rows;
	lastc = sh->used ? sh->last_col : 0;
	/* as far right as the title and notes reach */
	for (i = 0, w = 0; i <= lastc; i++)
		w += xlsx_col_width(sh, i) > 0 ? xlsx_col_width(sh, i) : 8.43;
	while (w < sh->plain_w && lastc < XLSX_MAX_COL) {
		lastc++;
		w += xlsx_col_width(sh, lastc) > 0 ? xlsx_col_width(sh,
		    lastc) : 8.43;
	}
	if (lastr > XLSX_MAX_ROW)
		lastr = XLSX_MAX_ROW;
	if ((rc = xlsx_lxw(sh, 0, 0, worksheet_print_area(ws, 0, 0, lastr,
	    lastc))) != 0)
		return rc;
	return 0;
}

int
xlsx_save(struct xlsx *x)
{
	lxw_error	 e;
	size_t		 i;
	int		 rc;

	if ((rc = xlsx_check(x)) != 0)
		goto done;
	for (i = 0; i < x->nsheets; i++) {
		if ((rc = xlsx_finish(x->sheets[i])) != 0)
			goto done;
	}
	if ((rc = x->chart_page != NULL ? xlsx_chart_page_write(x) :
	    xlsx_chart_sheets(x)) != 0)
		goto done;
	e = workbook_close(x->wb);
	x->wb = NULL;		/* workbook_close() frees it, error or not */
	if (e != LXW_NO_ERROR) {
		rc = error_set(NC_EIO, "cannot write '%s': %s", x->path,
		    lxw_strerror(e));
		goto done;
	}
	/* Mode, flush, rename (or wait for fileio_defer_commit()). */
	rc = fileio_tmp_commit(&x->tmp);
done:
	if (x->wb != NULL) {
		lxw_workbook_free(x->wb);
		x->wb = NULL;
	}
	fileio_tmp_abort(&x->tmp);
	x->done = 1;
	return rc;
}
