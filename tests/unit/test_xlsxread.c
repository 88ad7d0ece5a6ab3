/*
 * .xlsx reader: workbooks written by hand part by part (so that every
 * storage form is covered: shared strings with rich text and furigana,
 * inline strings, formulas with cached values, booleans, errors, cells
 * without references, hidden and very hidden sheets), and one written by
 * our own xlsx writer, and the damaged files a form can come back as.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>
#include <math.h>
#include <zip.h>

#include "buf.h"
#include "error.h"
#include "xlsx.h"
#include "xlsxread.h"

static char	dir[] = "/tmp/test_xlsxread.XXXXXX";

struct part {
	const char	*name;
	const char	*text;
};

static const char wb_rels[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/"
    "relationships\">"
    "<Relationship Id=\"rId1\" Type=\"x\" Target=\"worksheets/sheet1.xml\"/>"
    "<Relationship Id=\"rId2\" Type=\"x\" Target=\"/xl/worksheets/s2.xml\"/>"
    "<Relationship Id=\"rId3\" Type=\"x\" Target=\"worksheets/sheet3.xml\"/>"
    "</Relationships>";

static const char workbook[] =
    "<?xml version=\"1.0\"?>"
    "<x:workbook xmlns:x=\"http://schemas.openxmlformats.org/"
    "spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/"
    "officeDocument/2006/relationships\"><x:sheets>"
    "<x:sheet name=\"点検項目\" sheetId=\"1\" r:id=\"rId1\"/>"
    "<x:sheet name=\"_form\" sheetId=\"2\" state=\"hidden\" r:id=\"rId2\"/>"
    "<x:sheet name=\"secret\" sheetId=\"3\" state=\"veryHidden\""
    " r:id=\"rId3\"/>"
    "</x:sheets></x:workbook>";

static const char sst[] =
    "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/"
    "main\" count=\"4\" uniqueCount=\"4\">"
    "<si><t>実施</t></si>"
    "<si><r><rPr><b/></rPr><t>一部</t></r><r><t xml:space=\"preserve\">"
    " 実施</t></r></si>"
    "<si><t>練馬</t><rPh sb=\"0\" eb=\"2\"><t>ネリマ</t></rPh></si>"
    "<si/>"
    "</sst>";

static const char sheet1[] =
    "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/"
    "2006/main\"><sheetData>"
    "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c>"
    "<c r=\"B1\" t=\"s\"><v>1</v></c><c r=\"C1\" t=\"s\"><v>2</v></c>"
    "<c r=\"D1\" t=\"s\"><v>3</v></c></row>"
    "<row r=\"3\"><c r=\"A3\"><v>46113</v></c>"
    "<c r=\"B3\" t=\"b\"><v>1</v></c>"
    "<c r=\"C3\" t=\"e\"><v>#N/A</v></c>"
    "<c r=\"D3\" t=\"inlineStr\"><is><t>=SUM(A1)</t></is></c>"
    "<c r=\"E3\" t=\"str\"><f>A1&amp;\"x\"</f><v>実施x</v></c>"
    "<c r=\"F3\"><f>1+1</f><v>2</v></c>"
    "<c r=\"G3\" s=\"1\"/><c r=\"H3\"><f>NOW()</f></c>"
    "<c r=\"I3\"><f>1</f><v></v></c></row>"
    "<row><c><v>0.25</v></c><c><v>-3</v></c></row>"
    "<row r=\"10\"><c r=\"AB10\" t=\"inlineStr\"><is><r><t>a</t></r><r><t>"
    "b</t></r></is></c></row>"
    "</sheetData></worksheet>";

static const char sheet2[] =
    "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/"
    "2006/main\"><sheetData><row r=\"1\"><c r=\"B1\" t=\"inlineStr\"><is><t>"
    "department</t></is></c><c r=\"A1\" t=\"inlineStr\"><is><t>kind</t>"
    "</is></c></row></sheetData></worksheet>";

static const char sheet3[] =
    "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/"
    "2006/main\"><sheetData/></worksheet>";

static void
write_zip(const char *path, const struct part *parts, size_t n)
{
	zipFile		z;
	zip_fileinfo	zi;
	size_t		i;

	memset(&zi, 0, sizeof zi);
	assert_non_null(z = zipOpen(path, APPEND_STATUS_CREATE));
	for (i = 0; i < n; i++) {
		assert_int_equal(zipOpenNewFileInZip(z, parts[i].name, &zi,
		    NULL, 0, NULL, 0, NULL, Z_DEFLATED, Z_DEFAULT_COMPRESSION),
		    ZIP_OK);
		assert_int_equal(zipWriteInFileInZip(z, parts[i].text,
		    (unsigned)strlen(parts[i].text)), ZIP_OK);
		assert_int_equal(zipCloseFileInZip(z), ZIP_OK);
	}
	assert_int_equal(zipClose(z, NULL), ZIP_OK);
}

static int
setup(void **state)
{
	(void)state;
	return mkdtemp(dir) == NULL ? -1 : 0;
}

static int
teardown(void **state)
{
	char	cmd[128];

	(void)state;
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	return system(cmd) == 0 ? 0 : -1;
}

/*
 * A shared string with no text as the first one, <si></si>, read as
 * empty: the reader offset its empty buffer's NULL (UBSan under
 * fuzz_xlsx, 2026-12-01).
 */
static void
test_empty_first_string(void **state)
{
	static const char	 sst0[] =
	    "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/"
	    "2006/main\"><si></si><si><t>実施</t></si></sst>";
	static const char	 sh[] =
	    "<worksheet xmlns=\"http://schemas.openxmlformats.org/"
	    "spreadsheetml/2006/main\"><sheetData><row r=\"1\">"
	    "<c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v>"
	    "</c></row></sheetData></worksheet>";
	const struct part	 parts[] = {
		{ "xl/_rels/workbook.xml.rels", wb_rels },
		{ "xl/workbook.xml", workbook },
		{ "xl/sharedStrings.xml", sst0 },
		{ "xl/worksheets/sheet1.xml", sh },
		{ "xl/worksheets/s2.xml", sheet2 },
		{ "xl/worksheets/sheet3.xml", sheet3 },
	};
	struct xlsxread			*x;
	const struct xlsxread_sheet	*s;
	char				 path[128];

	(void)state;
	snprintf(path, sizeof path, "%s/empty-si.xlsx", dir);
	write_zip(path, parts, sizeof parts / sizeof parts[0]);
	if (xlsxread_open(&x, path, "empty-si.xlsx") != 0)
		fail_msg("%s", error_last());
	assert_int_equal(xlsxread_sheet(&s, x, 0), 0);
	assert_string_equal(xlsxread_cell(s, 0, 0).text, "");
	assert_string_equal(xlsxread_cell(s, 0, 1).text, "実施");
	xlsxread_free(x);
}

static void
test_forms(void **state)
{
	const struct part	 parts[] = {
		{ "xl/_rels/workbook.xml.rels", wb_rels },
		{ "xl/workbook.xml", workbook },
		{ "xl/sharedStrings.xml", sst },
		{ "xl/worksheets/sheet1.xml", sheet1 },
		{ "xl/worksheets/s2.xml", sheet2 },
		{ "xl/worksheets/sheet3.xml", sheet3 },
	};
	struct xlsxread			*x;
	const struct xlsxread_sheet	*s;
	struct xlsxread_cell		 c;
	char				 path[128];
	size_t				 i;
	int				 y, m, d;

	(void)state;
	snprintf(path, sizeof path, "%s/forms.xlsx", dir);
	write_zip(path, parts, sizeof parts / sizeof parts[0]);
	if (xlsxread_open(&x, path, "forms.xlsx") != 0)
		fail_msg("%s", error_last());
	assert_int_equal(xlsxread_nsheets(x), 3);
	assert_string_equal(xlsxread_sheet_name(x, 0), "点検項目");
	assert_int_equal(xlsxread_sheet_state(x, 0), XLSXREAD_VISIBLE);
	assert_int_equal(xlsxread_sheet_state(x, 1), XLSXREAD_HIDDEN);
	assert_int_equal(xlsxread_sheet_state(x, 2), XLSXREAD_VERY_HIDDEN);
	assert_int_equal(xlsxread_sheet_find(&i, x, "_form"), 0);
	assert_int_equal(i, 1);
	assert_int_equal(xlsxread_sheet_find(&i, x, "none"), NC_ENOTFOUND);

	assert_int_equal(xlsxread_sheet(&s, x, 0), 0);
	assert_int_equal(xlsxread_nrows(s), 10);
	assert_int_equal(xlsxread_ncols(s), 28);
	c = xlsxread_cell(s, 0, 0);
	assert_int_equal(c.type, XLSXREAD_STRING);
	assert_string_equal(c.text, "実施");
	/* rich text runs joined, whitespace kept */
	assert_string_equal(xlsxread_cell(s, 0, 1).text, "一部 実施");
	/* furigana left out */
	assert_string_equal(xlsxread_cell(s, 0, 2).text, "練馬");
	assert_string_equal(xlsxread_cell(s, 0, 3).text, "");
	assert_int_equal(xlsxread_cell(s, 0, 3).type, XLSXREAD_STRING);
	c = xlsxread_cell(s, 2, 0);
	assert_int_equal(c.type, XLSXREAD_NUMBER);
	assert_true(c.num == 46113);
	assert_int_equal(xlsxread_serial_date(&y, &m, &d, c.num), 0);
	assert_int_equal(y * 10000 + m * 100 + d, 20260401);
	c = xlsxread_cell(s, 2, 1);
	assert_int_equal(c.type, XLSXREAD_BOOL);
	assert_string_equal(c.text, "TRUE");
	assert_int_equal(xlsxread_cell(s, 2, 2).type, XLSXREAD_ERROR);
	assert_string_equal(xlsxread_cell(s, 2, 2).text, "#N/A");
	/* text that looks like a formula is text */
	c = xlsxread_cell(s, 2, 3);
	assert_int_equal(c.type, XLSXREAD_STRING);
	assert_false(c.formula);
	assert_string_equal(c.text, "=SUM(A1)");
	c = xlsxread_cell(s, 2, 4);
	assert_true(c.formula);
	assert_string_equal(c.text, "実施x");
	c = xlsxread_cell(s, 2, 5);
	assert_true(c.formula);
	assert_int_equal(c.type, XLSXREAD_NUMBER);
	/* a styled empty cell is empty */
	assert_int_equal(xlsxread_cell(s, 2, 6).type, XLSXREAD_EMPTY);
	/* a formula never calculated: empty, but still a formula */
	c = xlsxread_cell(s, 2, 7);
	assert_int_equal(c.type, XLSXREAD_EMPTY);
	assert_true(c.formula);
	c = xlsxread_cell(s, 2, 8);
	assert_int_equal(c.type, XLSXREAD_EMPTY);
	assert_true(c.formula);
	/* row and cells without references follow the previous ones */
	assert_true(xlsxread_cell(s, 3, 0).num == 0.25);
	assert_string_equal(xlsxread_cell(s, 3, 1).text, "-3");
	assert_string_equal(xlsxread_cell(s, 9, 27).text, "ab");
	assert_int_equal(xlsxread_cell(s, 500, 500).type, XLSXREAD_EMPTY);

	/* cells out of order in the file are still found */
	assert_int_equal(xlsxread_sheet(&s, x, 1), 0);
	assert_string_equal(xlsxread_cell(s, 0, 0).text, "kind");
	assert_string_equal(xlsxread_cell(s, 0, 1).text, "department");
	assert_int_equal(xlsxread_sheet(&s, x, 2), 0);
	assert_int_equal(xlsxread_nrows(s), 0);
	assert_int_equal(xlsxread_sheet(&s, x, 3), NC_ENOTFOUND);
	xlsxread_free(x);
}

struct damaged {
	const char	*name;
	struct part	 parts[4];
	size_t		 nparts;
	const char	*msg;
};

static const char bad_sheet[] =
    "<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>7</v></c>"
    "</row></sheetData></worksheet>";
static const char dup_sheet[] =
    "<worksheet><sheetData><row r=\"1\"><c r=\"A1\"><v>1</v></c>"
    "<c r=\"A1\"><v>2</v></c></row></sheetData></worksheet>";
static const char one_rel[] =
    "<Relationships><Relationship Id=\"rId1\" Target=\"worksheets/a.xml\"/>"
    "</Relationships>";
static const char sheet2_a[] =
    "<worksheet><sheetData><row r=\"1\"><c r=\"B1\" t=\"inlineStr\"><is>"
    "<t>department</t></is></c><c r=\"A1\" t=\"inlineStr\"><is><t>kind</t>"
    "</is></c></row><row r=\"6\"><c r=\"C6\"><v>1.5</v></c></row>"
    "</sheetData></worksheet>";
static const char one_wb[] =
    "<workbook><sheets><sheet name=\"a\" r:id=\"rId1\" xmlns:r=\"r\"/>"
    "</sheets></workbook>";

static const struct damaged damaged[] = {
	{ "no workbook", { { "xl/_rels/workbook.xml.rels", one_rel } }, 1,
	    "it has no xl/workbook.xml" },
	{ "bad xml", { { "xl/_rels/workbook.xml.rels", one_rel },
	    { "xl/workbook.xml", "<workbook><sheets>" } }, 2,
	    "not well-formed XML" },
	{ "missing string", { { "xl/_rels/workbook.xml.rels", one_rel },
	    { "xl/workbook.xml", one_wb },
	    { "xl/worksheets/a.xml", bad_sheet } }, 3,
	    "shared string '7', which does not exist" },
	{ "duplicate cell", { { "xl/_rels/workbook.xml.rels", one_rel },
	    { "xl/workbook.xml", one_wb },
	    { "xl/worksheets/a.xml", dup_sheet } }, 3,
	    "cell A1 appears twice" },
	{ "missing sheet part", { { "xl/_rels/workbook.xml.rels", one_rel },
	    { "xl/workbook.xml", one_wb } }, 2,
	    "it has no xl/worksheets/a.xml" },
};

static void
test_damaged(void **state)
{
	struct xlsxread			*x;
	const struct xlsxread_sheet	*s;
	char				 path[128];
	size_t				 i;
	int				 r;
	FILE				*f;

	(void)state;
	for (i = 0; i < sizeof damaged / sizeof damaged[0]; i++) {
		snprintf(path, sizeof path, "%s/damaged%zu.xlsx", dir, i);
		write_zip(path, damaged[i].parts, damaged[i].nparts);
		r = xlsxread_open(&x, path, damaged[i].name);
		if (r == 0) {
			r = xlsxread_sheet(&s, x, 0);
			xlsxread_free(x);
		}
		if (r != NC_EINVALID || strstr(error_last(),
		    damaged[i].msg) == NULL)
			fail_msg("%s: %d %s", damaged[i].name, r,
			    error_last());
		if (strstr(error_last(), damaged[i].name) == NULL)
			fail_msg("%s: file not named: %s", damaged[i].name,
			    error_last());
	}
	snprintf(path, sizeof path, "%s/text.xlsx", dir);
	assert_non_null(f = fopen(path, "w"));
	fputs("項目,回答\n", f);
	fclose(f);
	assert_int_equal(xlsxread_open(&x, path, "text.xlsx"), NC_EINVALID);
	assert_non_null(strstr(error_last(), "not a zip file"));
	assert_int_equal(xlsxread_open(&x, "/nonexistent/x.xlsx", NULL),
	    NC_ENOTFOUND);
}

/* What our own writer produces reads back: strings, numbers, dates. */
static void
test_roundtrip(void **state)
{
	static const struct xlsx_column	 cols[] = {
		{ "項目番号", 0, 0 }, { "回答", XLSX_COL_INPUT, 0 },
		{ "件数", 0, 0 }, { "日付", 0, 0 },
	};
	struct xlsx			*w;
	struct xlsx_sheet		*ws, *hs;
	struct xlsxread			*x;
	const struct xlsxread_sheet	*s;
	char				 path[128];
	uint32_t			 row;
	size_t				 i;
	int				 y, m, d;

	(void)state;
	snprintf(path, sizeof path, "%s/ours.xlsx", dir);
	assert_int_equal(xlsx_new(&w, path, NULL), 0);
	assert_int_equal(xlsx_add_sheet(&ws, w, "点検項目", XLSX_PROTECT), 0);
	assert_int_equal(xlsx_title(ws, "令和8年度 所属点検", NULL), 0);
	assert_int_equal(xlsx_table(&row, ws, cols, 4), 0);
	xlsx_write_text(ws, row, 0, "dp-2-1-01");
	xlsx_write_text(ws, row, 1, "=1+1");
	xlsx_write_number(ws, row, 2, 1234, XLSX_NUM_INT);
	xlsx_write_date(ws, row, 3, 2026, 4, 1, XLSX_DATE_ERA);
	assert_int_equal(xlsx_add_sheet(&hs, w, "_form", XLSX_HIDDEN), 0);
	xlsx_write_text(hs, 0, 0, "kind");
	assert_int_equal(xlsx_save(w), 0);
	xlsx_free(w);

	if (xlsxread_open(&x, path, NULL) != 0)
		fail_msg("%s", error_last());
	assert_int_equal(xlsxread_sheet_find(&i, x, "_form"), 0);
	assert_int_equal(xlsxread_sheet_state(x, i), XLSXREAD_HIDDEN);
	assert_int_equal(xlsxread_sheet(&s, x, 0), 0);
	assert_string_equal(xlsxread_cell(s, 0, 0).text,
	    "令和8年度 所属点検");
	assert_string_equal(xlsxread_cell(s, row - 1, 1).text, "回答");
	assert_string_equal(xlsxread_cell(s, row, 1).text, "=1+1");
	assert_false(xlsxread_cell(s, row, 1).formula);
	assert_true(xlsxread_cell(s, row, 2).num == 1234);
	assert_int_equal(xlsxread_serial_date(&y, &m, &d,
	    xlsxread_cell(s, row, 3).num), 0);
	assert_int_equal(y * 10000 + m * 100 + d, 20260401);
	xlsxread_free(x);
}

struct refcase {
	const char	*ref;
	uint32_t	 row, col;
	int		 ok;
};

static const struct refcase refs[] = {
	{ "A1", 0, 0, 1 }, { "Z9", 8, 25, 1 }, { "AA10", 9, 26, 1 },
	{ "XFD1048576", 1048575, 16383, 1 }, { "XFE1", 0, 0, 0 },
	{ "A0", 0, 0, 0 }, { "a1", 0, 0, 0 }, { "A", 0, 0, 0 },
	{ "1", 0, 0, 0 }, { "A1B", 0, 0, 0 }, { "A1048577", 0, 0, 0 },
};

static void
test_refs(void **state)
{
	size_t		i;
	uint32_t	r, c;
	char		out[16];
	int		y, m, d;

	(void)state;
	for (i = 0; i < sizeof refs / sizeof refs[0]; i++) {
		int	got = xlsxread_ref_parse(&r, &c, refs[i].ref) == 0;

		if (got != refs[i].ok)
			fail_msg("%s: %d", refs[i].ref, got);
		if (!got)
			continue;
		assert_int_equal(r, refs[i].row);
		assert_int_equal(c, refs[i].col);
		xlsxread_ref_format(out, r, c);
		assert_string_equal(out, refs[i].ref);
	}
	assert_int_equal(xlsxread_serial_date(&y, &m, &d, 61), 0);
	assert_int_equal(y * 10000 + m * 100 + d, 19000301);
	assert_int_equal(xlsxread_serial_date(&y, &m, &d, 60), NC_EINVALID);
	/* a time of day is dropped */
	assert_int_equal(xlsxread_serial_date(&y, &m, &d, 46113.75), 0);
	assert_int_equal(y * 10000 + m * 100 + d, 20260401);
}

/*
 * Issue 11 (8): the serial was cast to long before its range was checked,
 * undefined for NaN and for values beyond long (UBSan aborts the sanitizer
 * build on the cast, so this test fails there if the order is wrong).
 */
static void
test_serial_edges(void **state)
{
	static const double	 bad[] = { 0, -1, 60.9, 2958466, 1e300, -1e300,
	    INFINITY, -INFINITY, NAN, -NAN };
	size_t			 i;
	int			 y = -1, m = -1, d = -1;

	(void)state;
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		if (xlsxread_serial_date(&y, &m, &d, bad[i]) != NC_EINVALID)
			fail_msg("serial %g accepted", bad[i]);
		assert_int_equal(y, -1);
	}
	assert_int_equal(xlsxread_serial_date(&y, &m, &d, 2958465.999), 0);
	assert_int_equal(y * 10000 + m * 100 + d, 99991231);
}

/* A sheet of rows x cols cells, with or without a <dimension>. */
static char *
big_sheet(uint32_t rows, uint32_t cols, int dimension, const char *cell)
{
	struct buf	 b = BUF_INIT;
	uint32_t	 r, c;
	char		 ref[16];

	buf_puts(&b, "<worksheet xmlns=\"http://schemas.openxmlformats.org/"
	    "spreadsheetml/2006/main\">");
	if (dimension) {
		xlsxread_ref_format(ref, rows - 1, cols - 1);
		buf_printf(&b, "<dimension ref=\"A1:%s\"/>", ref);
	}
	buf_puts(&b, "<sheetData>");
	for (r = 0; r < rows; r++) {
		buf_printf(&b, "<row r=\"%u\">", r + 1);
		for (c = 0; c < cols; c++)
			buf_printf(&b, "<c t=\"inlineStr\"><is><t>%s</t></is>"
			    "</c>", cell);
		buf_puts(&b, "</row>");
	}
	buf_puts(&b, "</sheetData></worksheet>");
	assert_int_equal(buf_ok(&b), 0);
	return buf_detach(&b, NULL);
}

/* Open a one-sheet workbook of that sheet within lim; the sheet's result. */
static int
open_sheet(const char *name, const char *sheet, const struct io_limits *lim)
{
	const struct part	 parts[] = {
		{ "xl/_rels/workbook.xml.rels", one_rel },
		{ "xl/workbook.xml", one_wb },
		{ "xl/worksheets/a.xml", sheet },
	};
	struct xlsxread			*x;
	const struct xlsxread_sheet	*s;
	char				 path[128];
	int				 r;

	snprintf(path, sizeof path, "%s/%s.xlsx", dir, name);
	write_zip(path, parts, 3);
	if ((r = xlsxread_open_lim(&x, path, name, lim)) != 0)
		return r;
	r = xlsxread_sheet(&s, x, 0);
	xlsxread_free(x);
	return r;
}

/*
 * Issue 11 (6): every limit is checked as the sheet is read, and the
 * message names it.
 */
static void
test_limits(void **state)
{
	struct io_limits	 lim;
	char			*sheet;
	struct buf		 b = BUF_INIT;
	size_t			 i;

	(void)state;
	memset(&lim, 0, sizeof lim);
	lim.rows = 100;
	/* the <dimension> is enough to refuse */
	sheet = big_sheet(101, 2, 1, "x");
	assert_int_equal(open_sheet("dim", sheet, &lim), NC_EINVALID);
	assert_non_null(strstr(error_last(), "the sheet has 101 rows"
	    " (A1:B101); the limit is 100 rows"));
	free(sheet);
	sheet = big_sheet(101, 2, 0, "x");
	assert_int_equal(open_sheet("rows", sheet, &lim), NC_EINVALID);
	assert_non_null(strstr(error_last(), "row 101 is beyond the limit of"
	    " 100 rows"));
	free(sheet);
	lim.rows = 0;
	lim.cols = 5;
	sheet = big_sheet(2, 6, 0, "x");
	assert_int_equal(open_sheet("cols", sheet, &lim), NC_EINVALID);
	assert_non_null(strstr(error_last(), "column F is beyond the limit of"
	    " 5 columns"));
	free(sheet);
	lim.cols = 0;
	lim.cells = 50;
	sheet = big_sheet(10, 6, 0, "x");
	assert_int_equal(open_sheet("cells", sheet, &lim), NC_EINVALID);
	assert_non_null(strstr(error_last(), "the sheet has more than 50"
	    " cells; the limit is 50 cells"));
	assert_int_equal(open_sheet("cells-ok", sheet, NULL), 0);
	free(sheet);
	lim.cells = 0;
	lim.field_chars = 3;
	sheet = big_sheet(1, 1, 0, "点検項目");
	assert_int_equal(open_sheet("field", sheet, &lim), NC_EINVALID);
	assert_non_null(strstr(error_last(), "cell A1 holds 4 characters; the"
	    " limit is 3 (field length)"));
	free(sheet);
	lim.field_chars = 0;
	lim.unpacked_bytes = 4096;
	sheet = big_sheet(100, 10, 0, "x");
	assert_int_equal(open_sheet("unpacked", sheet, &lim), NC_EINVALID);
	assert_non_null(strstr(error_last(), "the limit is 4096 bytes for all"
	    " parts read (unpacked size)"));
	free(sheet);
	/*
	 * A text node beyond the XML reader's own limit: the message says
	 * so, not "line 1: not well-formed XML".
	 */
	buf_puts(&b, "<worksheet><sheetData><row r=\"1\"><c r=\"A1\""
	    " t=\"inlineStr\"><is><t>");
	for (i = 0; i < 11 * 1000 * 1000; i++)
		buf_putc(&b, '0' + (int)(i % 10));
	buf_puts(&b, "</t></is></c></row></sheetData></worksheet>");
	assert_int_equal(buf_ok(&b), 0);
	assert_int_equal(open_sheet("huge", b.data, NULL), NC_EINVALID);
	assert_null(strstr(error_last(), "not well-formed"));
	assert_non_null(strstr(error_last(), "(the XML reader's limit); a"
	    " cell holds at most 32767 characters (field length)"));
	buf_free(&b);
	/* other XML errors say what the reader found */
	assert_int_equal(open_sheet("tags", "<worksheet><sheetData></row>"
	    "</worksheet>", NULL), NC_EINVALID);
	assert_non_null(strstr(error_last(), "line 1, column"));
	assert_non_null(strstr(error_last(), "not well-formed XML: "));
}

/* From memory, and the cells walked in order. */
static void
test_mem_and_walk(void **state)
{
	const struct part	 parts[] = {
		{ "xl/_rels/workbook.xml.rels", one_rel },
		{ "xl/workbook.xml", one_wb },
		{ "xl/worksheets/a.xml", sheet2_a },
	};
	struct xlsxread			*x;
	const struct xlsxread_sheet	*s;
	struct xlsxread_cell		 c;
	struct buf			 b = BUF_INIT;
	char				 path[128];
	uint32_t			 row, col;

	(void)state;
	snprintf(path, sizeof path, "%s/mem.xlsx", dir);
	write_zip(path, parts, 3);
	assert_int_equal(buf_load(&b, path), 0);
	assert_int_equal(xlsxread_open_mem(&x, b.data, b.len, "mem.xlsx",
	    NULL), 0);
	buf_free(&b);
	assert_int_equal(xlsxread_sheet(&s, x, 0), 0);
	assert_int_equal(xlsxread_ncells(s), 3);
	c = xlsxread_cell_at(s, 0, &row, &col);
	assert_int_equal(row * 100 + col, 0);
	assert_string_equal(c.text, "kind");
	c = xlsxread_cell_at(s, 1, &row, &col);
	assert_int_equal(row * 100 + col, 1);
	c = xlsxread_cell_at(s, 2, &row, &col);
	assert_int_equal(row * 100 + col, 502);
	assert_int_equal(c.type, XLSXREAD_NUMBER);
	assert_true(c.num == 1.5);
	c = xlsxread_cell_at(s, 3, &row, &col);
	assert_int_equal(c.type, XLSXREAD_EMPTY);
	xlsxread_free(x);
	assert_int_equal(xlsxread_open_mem(&x, "PK", 2, "short.xlsx", NULL),
	    NC_EINVALID);
	assert_non_null(strstr(error_last(), "not a zip file"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_forms),
		cmocka_unit_test(test_empty_first_string),
		cmocka_unit_test(test_damaged),
		cmocka_unit_test(test_roundtrip),
		cmocka_unit_test(test_refs),
		cmocka_unit_test(test_serial_edges),
		cmocka_unit_test(test_limits),
		cmocka_unit_test(test_mem_and_walk),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
