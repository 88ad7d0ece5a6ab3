#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include <xlsxwriter.h>

#include "buf.h"
#include "error.h"
#include "text.h"
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
#define XLSX_LINE_PT		18.75	/* a line of 游ゴシック 11pt */
#define XLSX_WIDTH_MIN		4.0
#define XLSX_WIDTH_MAX		50.0
#define XLSX_HEADING_MAX	20
#define XLSX_FILTER_PAD		2

#define XLSX_MAX_ROW		1048575
#define XLSX_MAX_COL		16383
#define XLSX_MAX_CHARS		32767	/* characters in a cell */
#define XLSX_MAX_LIST		255	/* characters in a validation list */
#define XLSX_LIST_SHEET		"選択肢"
#define XLSX_PAPER_A4		9

/* Default chart size, and libxlsxwriter's size before scaling. */
#define XLSX_CHART_W		576
#define XLSX_CHART_H		360
#define XLSX_LXW_CHART_W	480.0
#define XLSX_LXW_CHART_H	288.0

enum {
	K_TEXT,
	K_INT,
	K_DEC,
	K_PCT,
	K_DATE_ERA,
	K_DATE_ISO,
	K_DATE_SLASH,
	K_HEADER,
	K_TITLE,
	K_NOTE,
	K_LABEL,		/* the label of a field line: bold, no border */
	K_MAX
};

#define V_INPUT		0x1
#define V_CENTER	0x2
#define V_ALERT		0x4
#define V_MAX		8

struct xlsx_anchor {
	uint32_t	 row;
	uint16_t	 col;
	int		 width;
	int		 height;
};

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
	uint16_t		 last_col;
	size_t			*widths;	/* display columns per column */
	size_t			 nwidths;
	uint8_t			*lines;		/* lines of wrapped rows */
	size_t			 nlines;
	uint8_t			*alert;		/* highlighted rows */
	size_t			 nalert;
	char			**headings;

	struct xlsx_anchor	*charts;
	size_t			 ncharts;
	uint16_t		 nlists;	/* columns used in the lists sheet */
};

struct xlsx {
	lxw_workbook		*wb;
	char			*path;
	char			*tmp;		/* NULL once renamed */
	int			 done;		/* xlsx_save() was called */
	int			 err;		/* first error */
	char			*errmsg;
	struct xlsx_sheet	**sheets;
	size_t			 nsheets;
	struct xlsx_sheet	*lists;
	lxw_format		*fmt[K_MAX][V_MAX];
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
	case K_PCT:
		format_set_num_format(f, "0.0%");
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
	}
	if (variant & V_CENTER)
		format_set_align(f, LXW_ALIGN_CENTER);
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
	free(sh->charts);
	free(sh);
}

void
xlsx_free(struct xlsx *x)
{
	size_t	 i;

	if (x == NULL)
		return;
	if (x->wb != NULL)
		lxw_workbook_free(x->wb);
	if (x->tmp != NULL)
		unlink(x->tmp);
	for (i = 0; i < x->nsheets; i++)
		xlsx_sheet_free(x->sheets[i]);
	free(x->sheets);
	free(x->path);
	free(x->tmp);
	free(x->errmsg);
	free(x);
}

int
xlsx_new(struct xlsx **out, const char *path, const struct xlsx_props *props)
{
	struct xlsx		*x = NULL;
	lxw_doc_properties	 p;
	lxw_format		*normal;
	const char		*slash;
	int			 fd, rc = 0;

	*out = NULL;
	if (path == NULL || *path == '\0')
		return error_set(NC_EINVALID, "no path for the workbook");
	if ((x = calloc(1, sizeof *x)) == NULL ||
	    (x->path = strdup(path)) == NULL ||
	    (x->tmp = malloc(strlen(path) + 16)) == NULL) {
		rc = error_set(NC_ENOMEM, "out of memory");
		goto done;
	}

	/*
	 * libxlsxwriter writes straight to the name it is given, so give it
	 * a temporary in the same directory (rename needs the same file
	 * system) and move it over path only when it is complete.
	 */
	if ((slash = strrchr(path, '/')) != NULL)
		sprintf(x->tmp, "%.*s.%s.XXXXXX", (int)(slash - path + 1),
		    path, slash + 1);
	else
		sprintf(x->tmp, ".%s.XXXXXX", path);
	if ((fd = mkstemp(x->tmp)) == -1) {
		rc = error_sys(NC_EIO, "cannot create a temporary file for "
		    "'%s'", path);
		free(x->tmp);
		x->tmp = NULL;
		goto done;
	}
	close(fd);

	if ((x->wb = workbook_new(x->tmp)) == NULL) {
		rc = error_set(NC_ENOMEM, "cannot start workbook '%s'", path);
		goto done;
	}

	/*
	 * workbook_new() adds the default cell format first; it is xf 0,
	 * the Normal style, whose font sets Excel's unit of column width and
	 * the font of empty cells and of the page header and footer.
	 */
	if ((normal = STAILQ_FIRST(x->wb->formats)) != NULL) {
		format_set_font_name(normal, XLSX_FONT);
		format_set_font_family(normal, XLSX_FONT_FAMILY);
	}

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
 * Excel fits a row to wrapped text when it draws it, LibreOffice does not
 * when it imports, so a row whose text takes several lines gets its
 * height set.  The column's final width is known already: it is fixed,
 * or at least this text's width, or the cap.
 */
static int
xlsx_row_lines(struct xlsx_sheet *sh, uint32_t row, uint16_t col,
    const char *s, size_t len)
{
	uint8_t		*v;
	double		 usable;
	size_t		 lines, n;

	if (col < sh->ncols && sh->col_width[col] > 0)
		usable = sh->col_width[col] - XLSX_PAD - 1;
	else
		usable = XLSX_WIDTH_MAX - XLSX_PAD - 1;
	if ((lines = xlsx_text_lines(s, len, usable)) <= 1)
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

int
xlsx_write_text(struct xlsx_sheet *sh, uint32_t row, uint16_t col,
    const char *s)
{
	lxw_format	*f;
	size_t		 len;
	int		 rc;

	XLSX_SHEET_CHECK(sh);
	if (s == NULL || *s == '\0')
		return xlsx_write_blank(sh, row, col);
	if ((rc = xlsx_cell_check(sh, row, col)) != 0)
		return rc;
	len = strlen(s);
	if ((rc = xlsx_valid_text(sh, row, col, s, len)) != 0)
		return rc;
	if ((f = xlsx_format(sh->x, K_TEXT, xlsx_variant(sh, row, col))) ==
	    NULL)
		return xlsx_nomem(sh->x);
	/*
	 * worksheet_write_string() stores a shared string whatever the text
	 * looks like: "=1+1" from a record stays text, never a formula.
	 */
	if ((rc = xlsx_lxw(sh, row, col,
	    worksheet_write_string(sh->ws, row, col, s, f))) != 0)
		return rc;
	if ((rc = xlsx_row_lines(sh, row, col, s, len)) != 0)
		return rc;
	return xlsx_extent(sh, row, col, xlsx_text_width(s, len));
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
	case XLSX_NUM_DEC:
		n = snprintf(tmp, sizeof tmp, "%.2f", v);
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
	case XLSX_NUM_PCT:
		k = K_PCT;
		break;
	default:
		error_set(NC_EINVALID, "unknown number format %d", (int)kind);
		return xlsx_fail(sh->x, NC_EINVALID);
	}
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
	default:
		error_set(NC_EINVALID, "unknown date format %d", (int)kind);
		return xlsx_fail(sh->x, NC_EINVALID);
	}
	if ((f = xlsx_format(sh->x, k, xlsx_variant(sh, row, col))) == NULL)
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

int
xlsx_add_chart(struct xlsx_sheet *sh, const struct xlsx_chart *c)
{
	const struct xlsx_sheet	*src;
	struct xlsx_anchor	*a;
	lxw_chart		*chart;
	lxw_chart_series	*series;
	lxw_chart_options	 opt;
	lxw_chart_font		 font, tfont;
	uint32_t		 r1, r2;
	uint8_t			 type;
	size_t			 i;
	int			 rc;

	XLSX_SHEET_CHECK(sh);
	if ((rc = xlsx_cell_check(sh, c->at_row, c->at_col)) != 0)
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
	    (c->names == NULL && !src->has_table)) {
		error_set(NC_EINVALID, "sheet '%s': chart '%s' has no data "
		    "rows, no series, or a pie with more than one series",
		    sh->name, c->title != NULL ? c->title : "");
		return xlsx_fail(sh->x, NC_EINVALID);
	}
	switch (c->type) {
	case XLSX_CHART_COLUMN:
		type = LXW_CHART_COLUMN;
		break;
	case XLSX_CHART_COLUMN_STACKED:
		type = LXW_CHART_COLUMN_STACKED;
		break;
	case XLSX_CHART_BAR:
		type = LXW_CHART_BAR;
		break;
	case XLSX_CHART_PIE:
		type = LXW_CHART_PIE;
		break;
	case XLSX_CHART_LINE:
		type = LXW_CHART_LINE;
		break;
	default:
		error_set(NC_EINVALID, "unknown chart type %d", (int)c->type);
		return xlsx_fail(sh->x, NC_EINVALID);
	}
	if ((a = realloc(sh->charts, (sh->ncharts + 1) * sizeof *a)) == NULL)
		return xlsx_nomem(sh->x);
	sh->charts = a;
	if ((chart = workbook_add_chart(sh->x->wb, type)) == NULL)
		return xlsx_nomem(sh->x);

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
	tfont.size = 12;
	tfont.bold = 1;

	for (i = 0; i < c->nval; i++) {
		if (c->val_cols[i] > XLSX_MAX_COL || c->cat_col > XLSX_MAX_COL) {
			error_set(NC_EINVALID, "sheet '%s': chart column out of "
			    "range", sh->name);
			return xlsx_fail(sh->x, NC_EINVALID);
		}
		if ((series = chart_add_series(chart, NULL, NULL)) == NULL)
			return xlsx_nomem(sh->x);
		chart_series_set_categories(series, src->name, r1, c->cat_col,
		    r2, c->cat_col);
		chart_series_set_values(series, src->name, r1, c->val_cols[i],
		    r2, c->val_cols[i]);
		if (c->names != NULL)
			chart_series_set_name(series, c->names[i]);
		else
			chart_series_set_name_range(series, src->name,
			    src->header_row, c->val_cols[i]);
		if (c->type == XLSX_CHART_PIE) {
			chart_series_set_labels(series);
			chart_series_set_labels_options(series, LXW_FALSE,
			    LXW_TRUE, LXW_FALSE);
			chart_series_set_labels_percentage(series);
			chart_series_set_labels_position(series,
			    LXW_CHART_LABEL_POSITION_BEST_FIT);
			chart_series_set_labels_font(series, &font);
		}
	}
	if (c->title != NULL && *c->title != '\0') {
		chart_title_set_name(chart, c->title);
		chart_title_set_name_font(chart, &tfont);
	}
	if (c->type != XLSX_CHART_PIE) {
		/*
		 * libxlsxwriter's x axis is the horizontal one: for bars it
		 * holds the values and y the categories.
		 */
		lxw_chart_axis	*cat = c->type == XLSX_CHART_BAR ?
		    chart->y_axis : chart->x_axis;
		lxw_chart_axis	*val = c->type == XLSX_CHART_BAR ?
		    chart->x_axis : chart->y_axis;

		if (c->x_title != NULL) {
			chart_axis_set_name(cat, c->x_title);
			chart_axis_set_name_font(cat, &font);
		}
		if (c->y_title != NULL) {
			chart_axis_set_name(val, c->y_title);
			chart_axis_set_name_font(val, &font);
		}
		chart_axis_set_num_font(cat, &font);
		chart_axis_set_num_font(val, &font);
		/* Horizontal bars read top-down in the table's order. */
		if (c->type == XLSX_CHART_BAR)
			chart_axis_set_reverse(cat);
		if (c->y_pct) {
			/* Rates read as 0%..100%, not 0..1.2. */
			chart_axis_set_num_format(val, "0%");
			chart_axis_set_min(val, 0);
			chart_axis_set_max(val, 1);
		}
	}
	chart_legend_set_font(chart, &font);
	/* a single series needs no legend: the title says what it is */
	chart_legend_set_position(chart, c->nval == 1 &&
	    c->type != XLSX_CHART_PIE ? LXW_CHART_LEGEND_NONE :
	    LXW_CHART_LEGEND_BOTTOM);

	memset(&opt, 0, sizeof opt);
	a = &sh->charts[sh->ncharts];
	a->row = c->at_row;
	a->col = c->at_col;
	a->width = c->width > 0 ? c->width : XLSX_CHART_W;
	a->height = c->height > 0 ? c->height : XLSX_CHART_H;
	opt.x_scale = a->width / XLSX_LXW_CHART_W;
	opt.y_scale = a->height / XLSX_LXW_CHART_H;
	if ((rc = xlsx_lxw(sh, c->at_row, c->at_col,
	    worksheet_insert_chart_opt(sh->ws, c->at_row, c->at_col, chart,
	    &opt))) != 0)
		return rc;
	sh->ncharts++;
	return 0;
}

/* Width in Excel units of a column, from what was written to it. */
static double
xlsx_col_width(const struct xlsx_sheet *sh, size_t col)
{
	double	 w;

	if (col < sh->ncols && sh->col_width[col] > 0)
		return sh->col_width[col];
	if (col >= sh->nwidths || sh->widths[col] == 0)
		return 0;
	w = (double)sh->widths[col] + XLSX_PAD;
	if (w < XLSX_WIDTH_MIN)
		w = XLSX_WIDTH_MIN;
	if (w > XLSX_WIDTH_MAX)
		w = XLSX_WIDTH_MAX;
	return w;
}

/*
 * The last row and column a chart covers, to include it in the print
 * area.  Rows are taken at libxlsxwriter's default 20 pixels and columns
 * at its 7 pixels a unit, both on the small side of what Excel draws in
 * 游ゴシック, so the estimate errs towards printing a little more.
 */
static void
xlsx_chart_extent(const struct xlsx_sheet *sh, const struct xlsx_anchor *a,
    uint32_t *row, uint16_t *col)
{
	double		 px = 0, w;
	uint32_t	 c = a->col;

	*row = a->row + (uint32_t)ceil(a->height / 20.0);
	while (px < a->width && c < XLSX_MAX_COL) {
		w = xlsx_col_width(sh, c);
		px += w > 0 ? floor(w * 7 + 5) : 64;
		c++;
	}
	*col = (uint16_t)c;
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
	char		 header[512];
	size_t		 i, n, ncol, heading = 1;
	uint32_t	 lastr, r;
	uint16_t	 lastc, c;
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
		/* headings wrap in the column's final width */
		for (i = 0; i < sh->ncols; i++) {
			w = xlsx_col_width(sh, i);
			n = xlsx_text_lines(sh->headings[i],
			    strlen(sh->headings[i]), (w > 0 ? w : 8.43) -
			    XLSX_PAD - XLSX_FILTER_PAD);
			if (n > heading)
				heading = n;
		}
		if (heading > 1 && (rc = xlsx_lxw(sh, sh->header_row, 0,
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
	for (i = 0; i < sh->nlines; i++) {
		if (sh->lines[i] > 1 && (rc = xlsx_lxw(sh, (uint32_t)i, 0,
		    worksheet_set_row(ws, (lxw_row_t)i,
		    XLSX_LINE_PT * sh->lines[i], NULL))) != 0)
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
	worksheet_fit_to_pages(ws, 1, 0);
	worksheet_center_horizontally(ws);
	strcpy(header, "&C");
	xlsx_header_text(header + 2, sizeof header - 2,
	    sh->title != NULL ? sh->title : sh->name);
	if ((rc = xlsx_lxw(sh, 0, 0, worksheet_set_header(ws, header))) != 0)
		return rc;
	if ((rc = xlsx_lxw(sh, 0, 0, worksheet_set_footer(ws,
	    "&C&P / &N"))) != 0)
		return rc;

	lastr = sh->last_row;
	lastc = sh->used ? sh->last_col : 0;
	for (i = 0; i < sh->ncharts; i++) {
		xlsx_chart_extent(sh, &sh->charts[i], &r, &c);
		if (r > lastr)
			lastr = r;
		if (c > lastc)
			lastc = c;
	}
	if (lastr > XLSX_MAX_ROW)
		lastr = XLSX_MAX_ROW;
	if ((rc = xlsx_lxw(sh, 0, 0, worksheet_print_area(ws, 0, 0, lastr,
	    lastc))) != 0)
		return rc;
	return 0;
}

static int
xlsx_sync_dir(const char *path)
{
	char	*dir;
	char	*slash;
	int	 fd, rc = 0;

	if ((dir = strdup(path)) == NULL)
		return error_set(NC_ENOMEM, "out of memory");
	if ((slash = strrchr(dir, '/')) == NULL)
		strcpy(dir, ".");
	else if (slash == dir)
		slash[1] = '\0';
	else
		*slash = '\0';
	if ((fd = open(dir, O_RDONLY | O_DIRECTORY)) == -1 ||
	    fsync(fd) == -1)
		rc = error_sys(NC_EIO, "cannot flush directory '%s'", dir);
	if (fd != -1)
		close(fd);
	free(dir);
	return rc;
}

int
xlsx_save(struct xlsx *x)
{
	struct stat	 st;
	lxw_error	 e;
	mode_t		 mode, mask;
	size_t		 i;
	int		 fd = -1, rc;

	if ((rc = xlsx_check(x)) != 0)
		goto done;
	for (i = 0; i < x->nsheets; i++) {
		if ((rc = xlsx_finish(x->sheets[i])) != 0)
			goto done;
	}
	e = workbook_close(x->wb);
	x->wb = NULL;		/* workbook_close() frees it, error or not */
	if (e != LXW_NO_ERROR) {
		rc = error_set(NC_EIO, "cannot write '%s': %s", x->path,
		    lxw_strerror(e));
		goto done;
	}

	/*
	 * mkstemp() made the file 0600: keep the mode of the file it
	 * replaces, or give it what a new file would get.
	 */
	if (stat(x->path, &st) == 0)
		mode = st.st_mode & 07777;
	else {
		mask = umask(0);
		umask(mask);
		mode = 0666 & ~mask;
	}
	if ((fd = open(x->tmp, O_RDONLY)) == -1) {
		rc = error_sys(NC_EIO, "cannot open '%s'", x->tmp);
		goto done;
	}
	if (fchmod(fd, mode) == -1 || fsync(fd) == -1) {
		rc = error_sys(NC_EIO, "cannot flush '%s'", x->tmp);
		goto done;
	}
	close(fd);
	fd = -1;
	if (rename(x->tmp, x->path) == -1) {
		rc = error_sys(NC_EIO, "cannot rename '%s' to '%s'", x->tmp,
		    x->path);
		goto done;
	}
	free(x->tmp);
	x->tmp = NULL;
	rc = xlsx_sync_dir(x->path);
done:
	if (fd != -1)
		close(fd);
	if (x->wb != NULL) {
		lxw_workbook_free(x->wb);
		x->wb = NULL;
	}
	if (x->tmp != NULL) {
		unlink(x->tmp);
		free(x->tmp);
		x->tmp = NULL;
	}
	x->done = 1;
	return rc;
}
