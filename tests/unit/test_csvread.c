/*
 * CSV reader: encodings, quoting, line numbers, and the problems a
 * returned file can have, each reported with its position.
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

/* 点検,はい in CP932 */
#define CP932_TENKEN	"\x93\x5f\x8c\x9f"
#define CP932_HAI	"\x82\xcd\x82\xa2"

struct good {
	const char		*name;
	const char		*data;
	enum csvread_enc	 enc;
	size_t			 nrows;
	/* checked: row, col, text, line of that row */
	size_t			 row, col;
	const char		*text;
	unsigned		 line;
};

static const struct good goods[] = {
	{ "utf8", "項目,回答\nsf-01,はい\n", CSVREAD_UTF8, 2, 1, 1, "はい",
	    2 },
	{ "bom", "\xef\xbb\xbf項目,回答\r\nsf-01,はい\r\n", CSVREAD_UTF8_BOM,
	    2, 0, 0, "項目", 1 },
	{ "cp932", CP932_TENKEN ",x\r\nsf-01," CP932_HAI "\r\n",
	    CSVREAD_CP932, 2, 1, 1, "はい", 2 },
	{ "cp932 header", CP932_TENKEN ",x\r\n", CSVREAD_CP932, 1, 0, 0,
	    "点検", 1 },
	{ "quoted newline", "a,b\n\"line1\nline2\",x\nlast,y\n", CSVREAD_UTF8,
	    3, 2, 0, "last", 4 },
	{ "quoted value", "a,b\n\"line1\nline2\",x\n", CSVREAD_UTF8, 2, 1, 0,
	    "line1\nline2", 2 },
	{ "blank lines skipped", "a\n\n\nb\n", CSVREAD_UTF8, 2, 1, 0, "b", 4 },
	{ "doubled quote", "\"say \"\"hi\"\"\",2\n", CSVREAD_UTF8, 1, 0, 0,
	    "say \"hi\"", 1 },
	{ "no final newline", "a,b\nc,d", CSVREAD_UTF8, 2, 1, 1, "d", 2 },
	{ "empty fields", "a,,c\n", CSVREAD_UTF8, 1, 0, 1, "", 1 },
	/* a CR alone ends a row and a line (found by fuzz_csv) */
	{ "cr alone", "a,b\rc,d\r\ne,f\r", CSVREAD_UTF8, 3, 2, 1, "f", 3 },
	{ "one byte last", "a\nb", CSVREAD_UTF8, 2, 1, 0, "b", 2 },
	{ "cr then a byte", "a\r\f", CSVREAD_UTF8, 2, 1, 0, "\f", 2 },
};

static void
test_good(void **state)
{
	size_t		 i;
	struct csvread	*c;
	struct diags	 d = DIAGS_INIT;

	(void)state;
	for (i = 0; i < sizeof goods / sizeof goods[0]; i++) {
		const struct good	*g = &goods[i];

		if (csvread_mem(&c, g->data, strlen(g->data), g->name,
		    &d) != 0)
			fail_msg("%s: %s", g->name, error_last());
		assert_int_equal(d.n, 0);
		if (csvread_encoding(c) != g->enc)
			fail_msg("%s: encoding %s", g->name,
			    csvread_encoding_name(csvread_encoding(c)));
		if (csvread_nrows(c) != g->nrows)
			fail_msg("%s: %zu rows", g->name, csvread_nrows(c));
		assert_string_equal(csvread_cell(c, g->row, g->col), g->text);
		if (csvread_line(c, g->row) != g->line)
			fail_msg("%s: line %u, want %u", g->name,
			    csvread_line(c, g->row), g->line);
		/* out of range is empty, never NULL */
		assert_string_equal(csvread_cell(c, g->nrows, 0), "");
		assert_string_equal(csvread_cell(c, 0, 99), "");
		csvread_free(c);
	}
}

struct bad {
	const char	*name;
	const char	*data;
	size_t		 len;		/* 0: strlen */
	unsigned	 line, col;
	const char	*msg;
};

static const struct bad bads[] = {
	{ "empty", "", 0, 0, 0, "empty" },
	{ "broken cp932", "a,b\n" CP932_TENKEN ",\xa0x\n", 0, 2, 2,
	    "neither UTF-8 nor CP932" },
	{ "unclosed quote", "a,b\n\"open,x\n", 0, 2, 0, "not closed" },
	{ "stray quote", "a\n\"abc\"x,1\n", 0, 2, 0, "parsing" },
	{ "blank only", "\n\n", 0, 0, 0, "no rows" },
	{ "forced utf8 invalid", "a\n\xff\n", 0, 2, 1, "invalid UTF-8" },
};

static void
test_bad(void **state)
{
	size_t		 i;
	struct csvread	*c;
	struct diags	 d = DIAGS_INIT;
	int		 r;

	(void)state;
	for (i = 0; i < sizeof bads / sizeof bads[0]; i++) {
		const struct bad	*b = &bads[i];
		size_t			 len;

		len = b->len ? b->len : strlen(b->data);

		if (strcmp(b->name, "forced utf8 invalid") == 0)
			r = csvread_mem_enc(&c, b->data, len, CSVREAD_UTF8,
			    b->name, &d);
		else
			r = csvread_mem(&c, b->data, len, b->name, &d);
		if (r != NC_EINVALID)
			fail_msg("%s: returned %d", b->name, r);
		assert_null(c);
		if (d.n != 1)
			fail_msg("%s: %zu diags", b->name, d.n);
		assert_string_equal(d.v[0].path, b->name);
		if (d.v[0].line != b->line || d.v[0].col != b->col)
			fail_msg("%s: at %u:%u, want %u:%u (%s)", b->name,
			    d.v[0].line, d.v[0].col, b->line, b->col,
			    d.v[0].msg);
		if (strstr(d.v[0].msg, b->msg) == NULL)
			fail_msg("%s: message '%s'", b->name, d.v[0].msg);
		diags_free(&d);
	}
}

static void
test_file_limits(void **state)
{
	char		 dir[] = "/tmp/test_csvread.XXXXXX", path[64];
	struct csvread	*c;
	struct diags	 d = DIAGS_INIT;
	FILE		*f;

	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/big.csv", dir);
	assert_non_null(f = fopen(path, "w"));
	/* a sparse file larger than the limit */
	assert_int_equal(fseek(f, (long)CSVREAD_MAX_BYTES + 1, SEEK_SET), 0);
	fputc('x', f);
	fclose(f);
	assert_int_equal(csvread_file(&c, path, "big.csv", &d), NC_EINVALID);
	assert_int_equal(d.n, 1);
	assert_non_null(strstr(d.v[0].msg, "the limit is 32 MB"));
	diags_free(&d);
	unlink(path);
	assert_int_equal(csvread_file(&c, path, "gone.csv", &d),
	    NC_ENOTFOUND);
	diags_free(&d);
	rmdir(dir);
}

/* Many rows: every row keeps its line and its cells. */
static void
test_many_rows(void **state)
{
	char		*data, *p;
	size_t		 i, n = 20000;
	struct csvread	*c;
	struct diags	 d = DIAGS_INIT;

	(void)state;
	assert_non_null(data = malloc(n * 32 + 1));
	p = data;
	for (i = 0; i < n; i++)
		p += sprintf(p, "org%zu,r%zu,\"はい\"\r\n", i % 97, i);
	assert_int_equal(csvread_mem(&c, data, (size_t)(p - data), "many",
	    &d), 0);
	assert_int_equal(csvread_nrows(c), n);
	assert_string_equal(csvread_cell(c, n - 1, 1), "r19999");
	assert_int_equal(csvread_line(c, n - 1), n);
	assert_int_equal(csvread_ncols(c, 5), 3);
	csvread_free(c);
	free(data);
}

/*
 * Issue 11 (4): half-width katakana is one byte in CP932 and three in
 * UTF-8; a file of nothing else was refused when the output was sized
 * len * 2 + 16.  It converts whole, whatever the ratio.
 */
static void
test_halfwidth_kana(void **state)
{
	char		*data, *p;
	size_t		 i, n = 40000;
	struct csvread	*c;
	struct diags	 d = DIAGS_INIT;

	(void)state;
	assert_non_null(data = malloc(n + n / 15 + 2));
	p = data;
	for (i = 0; i < n; i++) {
		/* ｱ..ﾝ (0xb1..0xdd), a line every 15 */
		*p++ = (char)(0xb1 + i % 45);
		if (i % 15 == 14)
			*p++ = '\n';
	}
	if (csvread_mem(&c, data, (size_t)(p - data), "kana.csv", &d) != 0)
		fail_msg("%s", d.n ? d.v[0].msg : error_last());
	assert_int_equal(csvread_encoding(c), CSVREAD_CP932);
	assert_int_equal(csvread_nrows(c), (n + 14) / 15);
	/* 15 characters of three bytes each */
	assert_int_equal(csvread_cell_len(c, 0, 0), 45);
	assert_memory_equal(csvread_cell(c, 0, 0), "ｱｲｳｴｵｶｷｸｹｺｻｼｽｾｿ", 45);
	csvread_free(c);
	/* the same forced, not detected */
	assert_int_equal(csvread_mem_enc(&c, data, (size_t)(p - data),
	    CSVREAD_CP932, "kana.csv", &d), 0);
	csvread_free(c);
	free(data);
}

/*
 * Issue 11 (2): a NUL in a field cut the text short without a word; now
 * it is refused with its line, field and character.
 */
static void
test_nul(void **state)
{
	static const char data[] = "a,b,c\n1,\"x\ny\0z\",3\nok,\0,\0\n";
	struct csvread	*c;
	struct diags	 d = DIAGS_INIT;

	(void)state;
	assert_int_equal(csvread_mem(&c, data, sizeof data - 1, "nul.csv",
	    &d), NC_EINVALID);
	assert_null(c);
	assert_int_equal(d.n, 3);
	/* in a quoted field that spans lines: the line of the NUL */
	assert_int_equal(d.v[0].line, 3);
	assert_int_equal(d.v[0].col, 2);
	assert_non_null(strstr(d.v[0].msg, "a NUL byte (0x00) at character 4"
	    " of the field"));
	assert_int_equal(d.v[1].line, 4);
	assert_int_equal(d.v[1].col, 2);
	assert_int_equal(d.v[2].col, 3);
	diags_free(&d);
}

static void
test_limits(void **state)
{
	struct io_limits	 lim;
	struct csvread		*c;
	struct diags		 d = DIAGS_INIT;

	(void)state;
	memset(&lim, 0, sizeof lim);
	lim.rows = 2;
	assert_int_equal(csvread_mem_lim(&c, "a\nb\nc\n", 6, CSVREAD_DETECT,
	    "rows.csv", &lim, &d), NC_EINVALID);
	assert_int_equal(d.v[0].line, 3);
	assert_string_equal(d.v[0].msg, "the file has more than 2 rows; the"
	    " limit is 2");
	diags_free(&d);
	lim.rows = 0;
	lim.cols = 2;
	assert_int_equal(csvread_mem_lim(&c, "a,b\nc,d,e\n", 10,
	    CSVREAD_DETECT, "cols.csv", &lim, &d), NC_EINVALID);
	assert_int_equal(d.v[0].line, 2);
	assert_int_equal(d.v[0].col, 3);
	assert_string_equal(d.v[0].msg, "the row has more than 2 fields; the"
	    " limit is 2");
	diags_free(&d);
	lim.cols = 0;
	lim.cells = 3;
	assert_int_equal(csvread_mem_lim(&c, "a,b\nc,d\n", 8,
	    CSVREAD_DETECT, "cells.csv", &lim, &d), NC_EINVALID);
	assert_non_null(strstr(d.v[0].msg, "more than 3 fields; the limit is"
	    " 3"));
	diags_free(&d);
	lim.cells = 0;
	lim.field_chars = 4;
	assert_int_equal(csvread_mem_lim(&c, "abcd,ok\n\"点検項目を\",x\n",
	    strlen("abcd,ok\n\"点検項目を\",x\n"), CSVREAD_DETECT, "f.csv",
	    &lim, &d), NC_EINVALID);
	assert_int_equal(d.n, 1);
	assert_int_equal(d.v[0].line, 2);
	assert_int_equal(d.v[0].col, 1);
	assert_string_equal(d.v[0].msg, "the field is 5 characters long; the"
	    " limit is 4");
	diags_free(&d);
	/* a forced UTF-8 file may still have a byte order mark */
	assert_int_equal(csvread_mem_lim(&c, "\xef\xbb\xbf" "a,b\n", 7,
	    CSVREAD_UTF8, "bom.csv", NULL, &d), 0);
	assert_int_equal(csvread_encoding(c), CSVREAD_UTF8_BOM);
	assert_string_equal(csvread_cell(c, 0, 0), "a");
	csvread_free(c);
}

/* Long fields keep every byte: 4,096 and 10,000 bytes (issue 11 (2)). */
static void
test_long_fields(void **state)
{
	struct buf	 b = BUF_INIT;
	struct csvread	*c;
	struct diags	 d = DIAGS_INIT;
	size_t		 i;

	(void)state;
	buf_puts(&b, "ref,note\n");
	buf_puts(&b, "a,\"");
	for (i = 0; i < 4096; i++)
		buf_putc(&b, 'a' + (int)(i % 26));
	buf_puts(&b, "\"\nb,");
	for (i = 0; i < 10000 / 3; i++)
		buf_puts(&b, "点");
	buf_puts(&b, "x\n");
	assert_int_equal(csvread_mem(&c, b.data, b.len, "long.csv", &d), 0);
	assert_int_equal(csvread_cell_len(c, 1, 1), 4096);
	assert_int_equal(csvread_cell_len(c, 2, 1), 10000);
	assert_int_equal(strlen(csvread_cell(c, 2, 1)), 10000);
	csvread_free(c);
	buf_free(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_good),
		cmocka_unit_test(test_bad),
		cmocka_unit_test(test_file_limits),
		cmocka_unit_test(test_many_rows),
		cmocka_unit_test(test_halfwidth_kana),
		cmocka_unit_test(test_nul),
		cmocka_unit_test(test_limits),
		cmocka_unit_test(test_long_fields),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
