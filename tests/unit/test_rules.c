/*
 * The rules-file import engine: rules read from YAML (and their errors,
 * with positions), header detection, columns by header, pattern and
 * position, value maps, types, required fields, the row key, identity
 * constants and cells, the My Number guard on every cell, the bounded
 * report, the caller's callbacks, and all-or-nothing: a table, or no
 * table and every problem.
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

#include "buf.h"
#include "csvread.h"
#include "diag.h"
#include "error.h"
#include "rules.h"
#include "xlsx.h"

static char	dir[] = "/tmp/test_rules.XXXXXX";

static struct rules *
parse(const char *yaml)
{
	struct rules	*r;
	struct diags	 d = DIAGS_INIT;

	if (rules_parse(&r, yaml, strlen(yaml), "t.rules", &d) != 0) {
		if (d.n > 0)
			fail_msg("%u:%u: %s", d.v[0].line, d.v[0].col,
			    d.v[0].msg);
		fail_msg("%s", error_last());
	}
	diags_free(&d);
	return r;
}

/* Apply rules to CSV text; the table or NULL, problems in d. */
static struct rules_table *
apply(const struct rules *r, const char *csv, struct diags *d,
    const struct rules_sink *sink)
{
	struct rules_table	*t;
	struct rules_report	 rep;
	int			 e;

	rules_report_init(&rep, d, RULES_MAX_PROBLEMS);
	e = rules_apply_mem(&t, r, csv, strlen(csv), "in.csv", sink, &rep);
	rules_report_end(&rep, "in.csv");
	if (e == 0) {
		assert_non_null(t);
		assert_int_equal(rep.n, 0);
	} else {
		assert_int_equal(e, NC_EINVALID);
		assert_null(t);
		assert_true(d->n > 0);
	}
	return t;
}

static int
field(const struct rules *r, const char *name)
{
	int	f = rules_field_index(r, name);

	if (f < 0)
		fail_msg("no field %s", name);
	return f;
}

/* A survey export: title rows above the header, maps, every type. */
static const char survey_rules[] =
    "# a survey tool's export\n"
    "encoding: auto\n"
    "header: auto\n"
    "skip: 1\n"
    "identity:\n"
    "  kind: self\n"
    "  form: { cell: B1, expect: 研修アンケート }\n"
    "maps:\n"
    "  default: { できている: \"yes\", できていない: \"no\" }\n"
    "  satisfaction: { 非常に満足: 5, 満足: 4, 普通: 3, 不満: 2 }\n"
    "fields:\n"
    "  org: { column: [所属, 課名], required: true, label: the division }\n"
    "  respondent: 回答番号\n"
    "  q1: { pattern: \"^Q1[.．]\" }\n"
    "  q2: { position: F, map: none }\n"
    "  score: { column: 満足度, type: integer, min: 1, max: 5,"
    " map: satisfaction }\n"
    "  answered: { column: 回答日, type: date }\n"
    "  level: { column: 区分, type: choice, choices: [一般, 管理職],"
    " optional: true }\n"
    "  note: { column: 補足, optional: true, map: { なし: \"\" } }\n"
    "key: respondent\n";

static const char survey_csv[] =
    "タイトル,研修アンケート\n"
    "\n"
    "所属,回答番号,Q1. パスワード,満足度,回答日,Q2,補足\n"
    "（記入例）,0,できている,満足,2026-04-01,できている,\n"
    "hoiku,r1,できている,非常に満足,令和8年10月1日,できている,あり\n"
    "\"hoiku\",r2,できていない,３,2026/10/2,できていない,\n"
    "kikaku,r3,対象外,2,２０２６－１０－０３,x,\n";

static void
test_survey(void **state)
{
	struct rules		*r;
	struct rules_table	*t;
	struct diags		 d = DIAGS_INIT;

	(void)state;
	r = parse(survey_rules);
	assert_int_equal(rules_nfields(r), 8);
	assert_string_equal(rules_constant(r, "kind"), "self");
	assert_null(rules_constant(r, "form"));
	t = apply(r, survey_csv, &d, NULL);
	if (t == NULL)
		fail_msg("%s:%u:%u: %s", d.v[0].path, d.v[0].line, d.v[0].col,
		    d.v[0].msg);
	assert_string_equal(rules_where(t), "in.csv");
	assert_string_equal(rules_encoding(t), "UTF-8");
	assert_int_equal(rules_header_line(t), 3);
	assert_string_equal(rules_ident(t, "form"), "研修アンケート");
	assert_string_equal(rules_ident(t, "kind"), "self");
	assert_null(rules_ident(t, "other"));
	/* the example row is skipped, the blank line was never a row */
	assert_int_equal(rules_nrows(t), 3);
	assert_int_equal(rules_line(t, 0), 5);
	assert_string_equal(rules_get(t, 0, field(r, "org")), "hoiku");
	assert_string_equal(rules_get(t, 0, field(r, "q1")), "yes");
	assert_string_equal(rules_get(t, 0, field(r, "q2")), "できている");
	assert_string_equal(rules_get(t, 0, field(r, "score")), "5");
	assert_string_equal(rules_get(t, 0, field(r, "answered")),
	    "2026-10-01");
	assert_string_equal(rules_get(t, 0, field(r, "note")), "あり");
	assert_string_equal(rules_get(t, 1, field(r, "score")), "3");
	assert_string_equal(rules_get(t, 1, field(r, "answered")),
	    "2026-10-02");
	assert_string_equal(rules_get(t, 1, field(r, "q1")), "no");
	/* unmapped text passes through; full-width digits are read */
	assert_string_equal(rules_get(t, 2, field(r, "q1")), "対象外");
	assert_string_equal(rules_get(t, 2, field(r, "answered")),
	    "2026-10-03");
	/* an optional column the file does not have */
	assert_string_equal(rules_get(t, 2, field(r, "level")), "");
	assert_int_equal(rules_col(t, field(r, "level")), 0);
	assert_int_equal(rules_col(t, field(r, "q1")), 3);
	assert_int_equal(rules_col(t, field(r, "q2")), 6);
	rules_table_free(t);
	rules_free(r);
	diags_free(&d);
}

struct bad {
	const char	*name;
	const char	*csv;
	unsigned	 line, col;
	const char	*msg;
};

static const struct bad bads[] = {
	{ "wrong form", "タイトル,別のアンケート\n所属,回答番号,Q1.x,満足度,"
	    "回答日,Q2\nhoiku,r1,できている,4,2026-04-01,x\n", 1, 2,
	    "'別のアンケート' where '研修アンケート' was expected" },
	{ "no header", "タイトル,研修アンケート\nhoiku,r1\n", 1, 0,
	    "no column '所属' (or '課名') for the division in the header" },
	{ "two q1", "タイトル,研修アンケート\n所属,回答番号,Q1.a,満足度,回答日,"
	    "Q2,Q1.b\nx,r1,a,4,2026-04-01,x,y\n", 2, 0,
	    "columns C and G both name field 'q1'" },
	{ "required", "タイトル,研修アンケート\n所属,回答番号,Q1.,満足度,回答日,"
	    "Q2\n-,0,,,,\n,r1,a,4,2026-04-01,x\n", 4, 1,
	    "the division is empty; a value is required" },
	{ "range", "タイトル,研修アンケート\n所属,回答番号,Q1.,満足度,回答日,Q2\n"
	    "-,0,,,,\nh,r1,a,9,2026-04-01,x\n", 4, 4,
	    "field 'score' '9' is not a whole number from 1 to 5" },
	{ "date", "タイトル,研修アンケート\n所属,回答番号,Q1.,満足度,回答日,Q2\n"
	    "-,0,,,,\nh,r1,a,4,2026-02-30,x\n", 4, 5,
	    "field 'answered' '2026-02-30' is not a date" },
	{ "choice", "タイトル,研修アンケート\n所属,回答番号,Q1.,満足度,回答日,"
	    "Q2,区分\n-,0,,,,,\nh,r1,a,4,2026-04-01,x,部長\n", 4, 7,
	    "field 'level' '部長' is not one of 一般, 管理職" },
	{ "key", "タイトル,研修アンケート\n所属,回答番号,Q1.,満足度,回答日,Q2\n"
	    "-,0,,,,\nh,r1,a,4,2026-04-01,x\nh,r1,a,4,2026-04-01,x\n", 5, 2,
	    "a row with respondent='r1' is already on line 4" },
	{ "formula", "タイトル,研修アンケート\n所属,回答番号,Q1.,満足度,回答日,"
	    "Q2\n-,0,,,,\nh,r1,=1+1,4,2026-04-01,x\n", 4, 3,
	    "field 'q1' begins with '='" },
	{ "width", "タイトル,研修アンケート\n所属,回答番号,Q1.,満足度,回答日,Q2\n"
	    "-,0,,,,\nh,r1,a,4,2026-04-01\n", 4, 0,
	    "the row has 5 fields; the header has 6" },
	/* the guard reads every cell, imported or not */
	{ "my number", "タイトル,研修アンケート\n所属,回答番号,Q1.,満足度,回答日,"
	    "Q2,メモ\n-,0,,,,,\nh,r1,a,4,2026-04-01,x,1234-5678-9018\n", 4, 7,
	    "the cell holds what looks like a My Number" },
	{ "nul", "タイトル,研修アンケート\n所属,回答番号,Q1.,満足度,回答日,Q2\n"
	    "-,0,,,,\nh,r1,a\0b,4,2026-04-01,x\n", 4, 3, "a NUL byte" },
};

static void
test_bad(void **state)
{
	struct rules	*r;
	struct diags	 d = DIAGS_INIT;
	size_t		 i, len;
	struct rules_report rep;
	struct rules_table *t;

	(void)state;
	r = parse(survey_rules);
	for (i = 0; i < sizeof bads / sizeof bads[0]; i++) {
		const struct bad	*b = &bads[i];

		/* the NUL case has a NUL inside: its length by hand */
		len = strlen(b->csv);
		if (strcmp(b->name, "nul") == 0)
			len += 1 + strlen(b->csv + len + 1);
		rules_report_init(&rep, &d, RULES_MAX_PROBLEMS);
		if (rules_apply_mem(&t, r, b->csv, len, "in.csv", NULL,
		    &rep) != NC_EINVALID)
			fail_msg("%s: accepted", b->name);
		assert_null(t);
		if (d.n == 0)
			fail_msg("%s: no problem", b->name);
		if (d.v[0].line != b->line || d.v[0].col != b->col ||
		    strstr(d.v[0].msg, b->msg) == NULL)
			fail_msg("%s: %u:%u: %s", b->name, d.v[0].line,
			    d.v[0].col, d.v[0].msg);
		diags_free(&d);
	}
	rules_free(r);
}

/* Every bad cell is found; the first 50 are listed, then a count. */
static void
test_bounded(void **state)
{
	struct rules	*r;
	struct diags	 d = DIAGS_INIT;
	struct buf	 csv = BUF_INIT;
	size_t		 i;

	(void)state;
	r = parse("fields:\n  n: { column: N, type: integer }\n"
	    "  d: { column: D, type: date }\n");
	buf_puts(&csv, "N,D\n");
	for (i = 0; i < 100; i++)
		buf_printf(&csv, "x%zu,y%zu\n", i, i);
	assert_null(apply(r, csv.data, &d, NULL));
	assert_int_equal(d.n, RULES_MAX_PROBLEMS + 1);
	assert_int_equal(d.v[0].line, 2);
	assert_int_equal(d.v[0].col, 1);
	assert_int_equal(d.v[1].col, 2);
	assert_int_equal(d.v[49].line, 26);
	assert_string_equal(d.v[50].msg, "200 problems in all; only the first"
	    " 50 are listed");
	assert_int_equal(d.v[50].line, 0);
	diags_free(&d);
	buf_free(&csv);
	rules_free(r);
}

/* The caller's callbacks: order, their problems, and all-or-nothing. */
struct calls {
	int	 begin, rows, end;
	size_t	 last;
	int	 refuse;	/* report a problem on this row + 1 */
};

static int
cb_begin(void *arg, struct rules_table *t)
{
	struct calls	*c = arg;

	assert_int_equal(c->rows, 0);
	assert_int_equal(rules_nrows(t), 0);
	c->begin++;
	return 0;
}

static int
cb_row(void *arg, struct rules_table *t, size_t row)
{
	struct calls	*c = arg;

	assert_int_equal(c->begin, 1);
	assert_int_equal(row, (size_t)c->rows);
	assert_int_equal(rules_nrows(t), row + 1);
	c->rows++;
	if (c->refuse == (int)row + 1)
		rules_problem(t, row, 0, "division '%s' is not known",
		    rules_get(t, row, 0));
	return 0;
}

static int
cb_end(void *arg, struct rules_table *t)
{
	struct calls	*c = arg;

	(void)t;
	c->end++;
	return 0;
}

static void
test_callbacks(void **state)
{
	struct rules		*r;
	struct rules_table	*t;
	struct diags		 d = DIAGS_INIT;
	struct calls		 c;
	struct rules_sink	 sink = { cb_begin, cb_row, cb_end, &c };
	const char		*csv = "org,v\na,1\nb,2\nc,3\n";

	(void)state;
	r = parse("fields:\n  org: org\n  v: { column: v, type: integer }\n");
	memset(&c, 0, sizeof c);
	t = apply(r, csv, &d, &sink);
	assert_non_null(t);
	assert_int_equal(c.begin, 1);
	assert_int_equal(c.rows, 3);
	assert_int_equal(c.end, 1);
	rules_table_free(t);
	/* a problem found by the caller: no table, the problem at the cell */
	memset(&c, 0, sizeof c);
	c.refuse = 2;
	assert_null(apply(r, csv, &d, &sink));
	assert_int_equal(c.rows, 3);
	assert_int_equal(d.n, 1);
	assert_int_equal(d.v[0].line, 3);
	assert_int_equal(d.v[0].col, 1);
	assert_string_equal(d.v[0].msg, "division 'b' is not known");
	diags_free(&d);
	rules_free(r);
}

struct yamlbad {
	const char	*yaml;
	unsigned	 line, col;
	const char	*msg;
};

static const struct yamlbad yamlbads[] = {
	{ "fields:\n  a: A\nbogus: 1\n", 3, 1, "unknown key 'bogus'" },
	{ "sheet: 1\n", 1, 1, "no fields" },
	{ "fields:\n  a: { column: A, position: 2 }\n", 2, 6,
	    "needs one of a header, a pattern or a position" },
	{ "fields:\n  a: { column: A, type: number }\n", 2, 25,
	    "type 'number': expected text, integer, date or choice" },
	{ "fields:\n  a: { column: A, map: nowhere }\n", 2, 24,
	    "no map 'nowhere'" },
	{ "fields:\n  a: { column: A, type: choice }\n", 2, 6,
	    "is a choice but has no choices" },
	{ "fields:\n  a: { pattern: \"(\" }\n", 2, 6, "field 'a'" },
	{ "fields:\n  a: A\nkey: [a, b]\n", 3, 6, "the key names field 'b'" },
	{ "fields:\n  a: A\nlimits: { rows: 9999999 }\n", 3, 17,
	    "rows: expected a whole number from 1 to 250000" },
	{ "fields:\n  a: A\nidentity: { f: { sheet: x } }\n", 3, 16,
	    "identity 'f' needs a value or a cell" },
	{ "fields:\n  a: A\nidentity: { f: { cell: 3B } }\n", 3, 16,
	    "'3B' is not a cell such as B3" },
	{ "fields:\n  a: { position: 0 }\n", 2, 18, "position" },
	{ "fields:\n  a: A\nheader: top\n", 3, 9, "expected auto, none or a"
	    " row number" },
	{ "fields:\n  a: A\n  a: B\n", 3, 3, "duplicate" },
	{ "- a\n- b\n", 1, 1, "must be a YAML mapping" },
	{ "fields:\n  a: A\nmaps: { m: { x: 123456789018 } }\n", 3, 17,
	    "My Number" },
	{ "fields:\n  a: { column: A, required: yes }\n", 2, 29,
	    "expected true or false" },
};

static void
test_yaml_errors(void **state)
{
	struct rules	*r;
	struct diags	 d = DIAGS_INIT;
	size_t		 i;

	(void)state;
	for (i = 0; i < sizeof yamlbads / sizeof yamlbads[0]; i++) {
		const struct yamlbad	*b = &yamlbads[i];

		if (rules_parse(&r, b->yaml, strlen(b->yaml), "t.rules",
		    &d) == 0)
			fail_msg("%zu: accepted", i);
		assert_null(r);
		if (d.n == 0)
			fail_msg("%zu: no problem (%s)", i, error_last());
		if (d.v[0].line != b->line || d.v[0].col != b->col ||
		    strstr(d.v[0].msg, b->msg) == NULL)
			fail_msg("%zu: %u:%u: %s", i, d.v[0].line, d.v[0].col,
			    d.v[0].msg);
		assert_string_equal(d.v[0].path, "t.rules");
		diags_free(&d);
	}
}

/* Rules built in C, and a header given by row or absent. */
static void
test_builder(void **state)
{
	static const char *const h[] = { "名前", NULL };
	struct rules		*r;
	struct rules_table	*t;
	struct rules_field	 f;
	struct diags		 d = DIAGS_INIT;
	const char		*key[] = { "a", NULL };

	(void)state;
	assert_int_equal(rules_new(&r, "built"), 0);
	memset(&f, 0, sizeof f);
	f.name = "a";
	f.position = 2;
	assert_int_equal(rules_add_field(r, &f), 0);
	assert_int_equal(rules_add_field(r, &f), NC_EINVALID);
	f.name = "b";
	f.position = 0;
	f.headers = h;
	assert_int_equal(rules_add_field(r, &f), 0);
	assert_int_equal(rules_set_key(r, key), 0);
	rules_set_header(r, RULES_HEADER_ROW, 2);
	t = apply(r, "x,y\n名前,a\nn1,v1\nn2,v2\n", &d, NULL);
	assert_non_null(t);
	assert_int_equal(rules_nrows(t), 2);
	assert_string_equal(rules_get(t, 1, 0), "v2");
	assert_string_equal(rules_get(t, 1, 1), "n2");
	rules_table_free(t);
	/* the header row given is blank */
	rules_set_header(r, RULES_HEADER_ROW, 9);
	assert_null(apply(r, "名前,a\n", &d, NULL));
	assert_non_null(strstr(d.v[0].msg, "row 9 is empty"));
	diags_free(&d);
	rules_free(r);
	/* no header: every row is data */
	assert_int_equal(rules_new(&r, "none"), 0);
	memset(&f, 0, sizeof f);
	f.name = "a";
	f.position = 1;
	f.type = RULES_DATE;
	assert_int_equal(rules_add_field(r, &f), 0);
	rules_set_header(r, RULES_HEADER_NONE, 0);
	t = apply(r, "R8.4.1\n2026-04-02 09:30\n", &d, NULL);
	assert_non_null(t);
	assert_string_equal(rules_get(t, 0, 0), "2026-04-01");
	assert_string_equal(rules_get(t, 1, 0), "2026-04-02");
	rules_table_free(t);
	rules_free(r);
}

/* CP932 is detected and said. */
static void
test_cp932(void **state)
{
	struct rules		*r;
	struct rules_table	*t;
	struct diags		 d = DIAGS_INIT;

	(void)state;
	r = parse("encoding: cp932\nfields:\n  a: { position: 1 }\n"
	    "header: none\n");
	/* ｱｲｳ and はい */
	t = apply(r, "\xb1\xb2\xb3\r\n\x82\xcd\x82\xa2\r\n", &d, NULL);
	assert_non_null(t);
	assert_string_equal(rules_encoding(t), "CP932");
	assert_string_equal(rules_get(t, 0, 0), "ｱｲｳ");
	assert_string_equal(rules_get(t, 1, 0), "はい");
	rules_table_free(t);
	rules_free(r);
}

/* A workbook: the sheet by name, an identity on another sheet, dates. */
static void
test_xlsx(void **state)
{
	static const struct xlsx_column	 cols[] = {
		{ "回答者", 0, 0 }, { "日付", 0, 0 }, { "点数", 0, 0 },
	};
	struct xlsx		*w;
	struct xlsx_sheet	*ws, *hs;
	struct rules		*r;
	struct rules_table	*t;
	struct rules_report	 rep;
	struct diags		 d = DIAGS_INIT;
	char			 path[128];
	uint32_t		 row;

	(void)state;
	snprintf(path, sizeof path, "%s/export.xlsx", dir);
	assert_int_equal(xlsx_new(&w, path, NULL), 0);
	assert_int_equal(xlsx_add_sheet(&hs, w, "表紙", 0), 0);
	xlsx_write_text(hs, 2, 1, "tr-2026-01");
	assert_int_equal(xlsx_add_sheet(&ws, w, "回答", 0), 0);
	assert_int_equal(xlsx_title(ws, "研修アンケート", NULL), 0);
	assert_int_equal(xlsx_table(&row, ws, cols, 3), 0);
	xlsx_write_text(ws, row, 0, "r1");
	xlsx_write_date(ws, row, 1, 2026, 6, 15, XLSX_DATE_ERA);
	xlsx_write_number(ws, row, 2, 8, XLSX_NUM_INT);
	xlsx_write_text(ws, row + 1, 0, "r2");
	xlsx_write_text(ws, row + 1, 1, "令和8年6月16日");
	xlsx_write_number(ws, row + 1, 2, 10, XLSX_NUM_INT);
	assert_int_equal(xlsx_save(w), 0);
	xlsx_free(w);

	r = parse("sheet: 回答\nidentity:\n  training: { sheet: 表紙, cell: B3 }\n"
	    "fields:\n  who: { column: 回答者, required: true }\n"
	    "  on: { column: 日付, type: date }\n"
	    "  score: { column: 点数, type: integer, min: 0, max: 10 }\n");
	rules_report_init(&rep, &d, RULES_MAX_PROBLEMS);
	if (rules_apply(&t, r, path, "export.xlsx", NULL, &rep) != 0)
		fail_msg("%s: %s", d.n ? d.v[0].path : "", d.n ? d.v[0].msg :
		    error_last());
	assert_true(rules_is_xlsx(t));
	assert_null(rules_encoding(t));
	assert_string_equal(rules_where(t), "export.xlsx:回答");
	assert_string_equal(rules_ident(t, "training"), "tr-2026-01");
	assert_int_equal(rules_nrows(t), 2);
	assert_int_equal(rules_line(t, 0), row + 1);
	assert_string_equal(rules_get(t, 0, 1), "2026-06-15");
	assert_string_equal(rules_get(t, 1, 1), "2026-06-16");
	assert_string_equal(rules_get(t, 1, 2), "10");
	/* a problem at a cell names the sheet and the cell */
	rules_problem(t, 1, 2, "score too high");
	assert_int_equal(d.n, 1);
	assert_string_equal(d.v[0].path, "export.xlsx:回答");
	assert_int_equal(d.v[0].line, row + 2);
	assert_int_equal(d.v[0].col, 3);
	assert_non_null(strstr(d.v[0].msg, "cell C"));
	rules_table_free(t);
	diags_free(&d);
	rules_free(r);

	/* the sheet by number, and a cell on a sheet that is not there */
	r = parse("sheet: 3\nfields:\n  a: { position: 1 }\n");
	rules_report_init(&rep, &d, RULES_MAX_PROBLEMS);
	assert_int_equal(rules_apply(&t, r, path, "export.xlsx", NULL, &rep),
	    NC_EINVALID);
	assert_non_null(strstr(d.v[0].msg, "the workbook has 2 sheets"));
	diags_free(&d);
	rules_free(r);
	r = parse("identity: { x: { sheet: 裏, cell: A1 } }\n"
	    "fields:\n  a: { position: 1 }\n");
	rules_report_init(&rep, &d, RULES_MAX_PROBLEMS);
	assert_int_equal(rules_apply(&t, r, path, "export.xlsx", NULL, &rep),
	    NC_EINVALID);
	assert_non_null(strstr(d.v[0].msg, "no sheet '裏'"));
	diags_free(&d);
	rules_free(r);
}

/* Limits stated by the rules are enforced with a message naming them. */
static void
test_limits(void **state)
{
	struct rules	*r;
	struct diags	 d = DIAGS_INIT;

	(void)state;
	r = parse("limits: { rows: 3, columns: 2, field_length: 5 }\n"
	    "fields:\n  a: { position: 1 }\nheader: none\n");
	assert_null(apply(r, "a\nb\nc\nd\n", &d, NULL));
	assert_non_null(strstr(d.v[0].msg, "more than 3 rows; the limit is"
	    " 3"));
	diags_free(&d);
	assert_null(apply(r, ",\n\n,\n", &d, NULL));
	assert_string_equal(d.v[0].msg, "the file holds no rows");
	diags_free(&d);
	assert_null(apply(r, "a,b,c\n", &d, NULL));
	assert_non_null(strstr(d.v[0].msg, "more than 2 fields; the limit is"
	    " 2"));
	diags_free(&d);
	assert_null(apply(r, "あいうえおか\n", &d, NULL));
	assert_non_null(strstr(d.v[0].msg, "6 characters long; the limit is"
	    " 5"));
	diags_free(&d);
	rules_free(r);
}

static void
test_trim(void **state)
{
	size_t		 len;
	const char	*s;

	(void)state;
	s = rules_trim("\u3000 a b\t\r\n\u3000", &len);
	assert_int_equal(len, 3);
	assert_memory_equal(s, "a b", 3);
	s = rules_trim(" \u3000 ", &len);
	assert_int_equal(len, 0);
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

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_survey),
		cmocka_unit_test(test_bad),
		cmocka_unit_test(test_bounded),
		cmocka_unit_test(test_callbacks),
		cmocka_unit_test(test_yaml_errors),
		cmocka_unit_test(test_builder),
		cmocka_unit_test(test_cp932),
		cmocka_unit_test(test_xlsx),
		cmocka_unit_test(test_limits),
		cmocka_unit_test(test_trim),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
