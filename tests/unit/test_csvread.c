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

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_good),
		cmocka_unit_test(test_bad),
		cmocka_unit_test(test_file_limits),
		cmocka_unit_test(test_many_rows),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
