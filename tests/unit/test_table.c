/*
 * Tables for the terminal and CSV.  The expected terminal layouts were
 * worked out with Python's unicodedata.east_asian_width, independently of
 * lib/text.c, and are compared byte for byte.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "buf.h"
#include "error.h"
#include "table.h"

#define MAXCOLS	4
#define MAXROWS	6

struct table_case {
	const char	*name;
	size_t		 ncols;
	const char	*titles[MAXCOLS];	/* all NULL: no header */
	int		 right[MAXCOLS];
	size_t		 nrows;
	const char	*rows[MAXROWS][MAXCOLS];
	const char	*text;			/* table_render() */
	const char	*csv;			/* table_render_csv(), no BOM */
};

static const struct table_case cases[] = {
	{
		"japanese and mixed", 4,
		{ "ID", "件名", "所管課", "金額" }, { 0, 0, 0, 1 }, 3, {
		    { "rv-7kq3", "保育園業務支援システムの更新", "保育課",
			"12,800,000" },
		    { "rv-a1", "ＡＩ議事録（試行）", "情報政策課", "980,000" },
		    { "pc-9", "RPA導入", NULL, "0" },
		},
		"ID       件名                          所管課            金額\n"
		"-------  ----------------------------  ----------  ----------\n"
		"rv-7kq3  保育園業務支援システムの更新  保育課      12,800,000\n"
		"rv-a1    ＡＩ議事録（試行）            情報政策課     980,000\n"
		"pc-9     RPA導入                                            0\n",
		"ID,件名,所管課,金額\r\n"
		"rv-7kq3,保育園業務支援システムの更新,保育課,\"12,800,000\"\r\n"
		"rv-a1,ＡＩ議事録（試行）,情報政策課,\"980,000\"\r\n"
		"pc-9,RPA導入,,0\r\n",
	},
	{
		"numbers first, text last", 2,
		{ "件数", "区分" }, { 1, 0 }, 3, {
		    { "5", "新規" }, { "12", "更新" }, { "128", "改修" },
		},
		"件数  区分\n"
		"----  ----\n"
		"   5  新規\n"
		"  12  更新\n"
		" 128  改修\n",
		"件数,区分\r\n5,新規\r\n12,更新\r\n128,改修\r\n",
	},
	{
		"right-aligned last column", 2,
		{ "区分", "件数" }, { 0, 1 }, 3, {
		    { "新規", "5" }, { "更新", "12" }, { "改修", "128" },
		},
		"区分  件数\n"
		"----  ----\n"
		"新規     5\n"
		"更新    12\n"
		"改修   128\n",
		"区分,件数\r\n新規,5\r\n更新,12\r\n改修,128\r\n",
	},
	{
		"empty last column: no trailing spaces", 2,
		{ "ID", "備考" }, { 0, 0 }, 2, {
		    { "a", NULL }, { "bb", "" },
		},
		"ID  備考\n"
		"--  ----\n"
		"a\n"
		"bb\n",
		"ID,備考\r\na,\r\nbb,\r\n",
	},
	{
		"all-empty untitled last column", 2,
		{ "ID", NULL }, { 0, 0 }, 1, {
		    { "a", NULL },
		},
		"ID\n"
		"--\n"
		"a\n",
		"ID,\r\na,\r\n",
	},
	{
		"line breaks, tabs and control characters", 3,
		{ "項目", "内容", "x" }, { 0, 0, 0 }, 6, {
		    { "改行", "一行目\n二行目", "1" },
		    { "タブ", "a\tb", "2" },
		    { "CRLF", "x\r\ny", "3" },
		    { "ESC", "\x1b[31m赤", "4" },
		    { "C1", "\xc2\x9b" "2J", "5" },
		    { "不正", "\xff" "x", "6" },
		},
		"項目  内容           x\n"
		"----  -------------  -\n"
		"改行  一行目 二行目  1\n"
		"タブ  a b            2\n"
		"CRLF  x y            3\n"
		"ESC    [31m赤        4\n"
		"C1     2J            5\n"
		"不正  ?x             6\n",
		"項目,内容,x\r\n"
		"改行,\"一行目\n二行目\",1\r\n"
		"タブ,a\tb,2\r\n"
		"CRLF,\"x\r\ny\",3\r\n"
		"ESC,\x1b[31m赤,4\r\n"
		"C1,\xc2\x9b" "2J,5\r\n"
		"不正,\xff" "x,6\r\n",
	},
	{
		"half-width kana and combining marks", 2,
		{ "名前", "読み" }, { 0, 0 }, 2, {
		    { "ｶﾀｶﾅ", "かたかな" }, { "か\u3099", "が" },
		},
		"名前  読み\n"
		"----  --------\n"
		"ｶﾀｶﾅ  かたかな\n"
		"か\u3099    が\n",
		"名前,読み\r\nｶﾀｶﾅ,かたかな\r\nか\u3099,が\r\n",
	},
	{
		"no header", 2,
		{ NULL, NULL }, { 0, 1 }, 2, {
		    { "総務部", "1" }, { "企画部", "10" },
		},
		"総務部   1\n"
		"企画部  10\n",
		"総務部,1\r\n企画部,10\r\n",
	},
	{
		"no rows", 3,
		{ "ID", "件名", "期限" }, { 0, 0, 0 }, 0, { { NULL } },
		"ID  件名  期限\n"
		"--  ----  ----\n",
		"ID,件名,期限\r\n",
	},
	{
		"CSV quoting and the formula guard", 3,
		{ "式", "金額", "メモ" }, { 0, 1, 0 }, 5, {
		    { "=SUM(A1:A9)", "-5", "\"引用\"" },
		    { "-5", "+3", " 前後に空白 " },
		    { "@cmd", "1.5e3", "a,b" },
		    { "+81", "=1+1", "普通" },
		    { NULL, NULL, NULL },
		},
		"式            金額  メモ\n"
		"-----------  -----  ------------\n"
		"=SUM(A1:A9)     -5  \"引用\"\n"
		"-5              +3   前後に空白\n"
		"@cmd         1.5e3  a,b\n"
		"+81           =1+1  普通\n"
		"\n",
		"式,金額,メモ\r\n"
		"\"'=SUM(A1:A9)\",-5,\"\"\"引用\"\"\"\r\n"
		"\"'-5\",+3,\" 前後に空白 \"\r\n"
		"\"'@cmd\",1.5e3,\"a,b\"\r\n"
		"\"'+81\",\"'=1+1\",普通\r\n"
		",,\r\n",
	},
	{
		"one empty column", 1,
		{ "備考" }, { 0 }, 2, { { NULL }, { "x" } },
		"備考\n"
		"----\n"
		"\n"
		"x\n",
		"備考\r\n\"\"\r\nx\r\n",
	},
};

static struct table *
build(const struct table_case *c)
{
	struct table	*t;
	size_t		 i;

	t = table_new(c->ncols);
	assert_non_null(t);
	for (i = 0; i < c->ncols; i++)
		assert_int_equal(table_set_header(t, i, c->titles[i],
		    c->right[i]), 0);
	for (i = 0; i < c->nrows; i++)
		assert_int_equal(table_add_row(t, c->rows[i]), 0);
	assert_int_equal(table_nrows(t), c->nrows);
	assert_int_equal(table_ncols(t), c->ncols);
	return t;
}

static void
expect_bytes(const char *name, const struct buf *b, const char *want)
{
	if (b->len != strlen(want) || memcmp(b->data, want, b->len) != 0)
		fail_msg("%s: got\n%.*s---- expected\n%s----", name,
		    (int)b->len, b->data, want);
}

static void
test_render(void **state)
{
	struct table	*t;
	struct buf	 b = BUF_INIT;
	size_t		 i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		t = build(&cases[i]);
		buf_reset(&b);
		/* Appends: what is already in the buffer stays. */
		buf_puts(&b, "> ");
		assert_int_equal(table_render(t, &b), 0);
		assert_memory_equal(b.data, "> ", 2);
		buf_reset(&b);
		assert_int_equal(table_render(t, &b), 0);
		expect_bytes(cases[i].name, &b, cases[i].text);
		/* Rendering twice gives the same bytes. */
		buf_reset(&b);
		assert_int_equal(table_render(t, &b), 0);
		expect_bytes(cases[i].name, &b, cases[i].text);
		table_free(t);
	}
	buf_free(&b);
}

/*
 * A right-aligned column whose cells are not shown byte for byte (a
 * control character, a byte that is not UTF-8), and padding wider than
 * one run of spaces: each cell measured once, as before.
 */
static void
test_render_pad(void **state)
{
	static const char *const rows[3][2] = {
		{ "x", "\x1b" "1" }, { "y", "\xff" },
		{ "z", "0123456789012345678901234567890123456789" },
	};
	struct table	*t;
	struct buf	 b = BUF_INIT, want = BUF_INIT;
	size_t		 i;

	(void)state;
	assert_non_null(t = table_new(2));
	assert_int_equal(table_set_header(t, 0, "k", 0), 0);
	assert_int_equal(table_set_header(t, 1, "v", 1), 0);
	for (i = 0; i < 3; i++)
		assert_int_equal(table_add_row(t, rows[i]), 0);
	assert_int_equal(table_render(t, &b), 0);
	buf_printf(&want, "k%41sv\n-  %s\n", "",
	    "----------------------------------------");
	buf_printf(&want, "x%41s1\ny%41s?\nz  %s\n", "", "", rows[2][1]);
	expect_bytes("right-aligned, substituted, wide", &b, want.data);
	table_free(t);
	buf_free(&b);
	buf_free(&want);
}

static void
test_render_csv(void **state)
{
	struct table	*t;
	struct buf	 b = BUF_INIT;
	size_t		 i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		t = build(&cases[i]);
		buf_reset(&b);
		assert_int_equal(table_render_csv(t, &b, 0), 0);
		expect_bytes(cases[i].name, &b, cases[i].csv);
		buf_reset(&b);
		assert_int_equal(table_render_csv(t, &b, 1), 0);
		assert_true(b.len == strlen(cases[i].csv) + 3);
		assert_memory_equal(b.data, "\xEF\xBB\xBF", 3);
		assert_memory_equal(b.data + 3, cases[i].csv, b.len - 3);
		/* For a terminal or a pipe: the same lines ending in LF. */
		buf_reset(&b);
		assert_int_equal(table_render_csv_eol(t, &b, 0, 0), 0);
		{
			struct buf	 want = BUF_INIT;
			const char	*p;
			int		 quoted = 0;

			/* Record ends, not line breaks inside a field. */
			for (p = cases[i].csv; *p != '\0'; p++) {
				quoted ^= *p == '"';
				if (quoted || !(p[0] == '\r' && p[1] == '\n'))
					buf_putc(&want, *p);
			}
			buf_putc(&want, '\0');
			want.len--;
			expect_bytes(cases[i].name, &b, want.data);
			buf_free(&want);
		}
		table_free(t);
	}
	buf_free(&b);
}

/* The space before a trailing separator never survives, whatever the cells. */
static void
test_no_trailing_space(void **state)
{
	static const char *const cells[] = {
		" ", "x  ", "", "a\n", NULL, "\t"
	};
	const char	*row[3];
	struct table	*t;
	struct buf	 b = BUF_INIT;
	size_t		 i, j, k;
	const char	*p;

	(void)state;
	t = table_new(3);
	assert_non_null(t);
	assert_int_equal(table_set_header(t, 0, "一", 0), 0);
	assert_int_equal(table_set_header(t, 1, "二", 1), 0);
	assert_int_equal(table_set_header(t, 2, "三", 0), 0);
	for (i = 0; i < 6; i++) {
		for (j = 0; j < 6; j++) {
			for (k = 0; k < 6; k++) {
				row[0] = cells[i];
				row[1] = cells[j];
				row[2] = cells[k];
				assert_int_equal(table_add_row(t, row), 0);
			}
		}
	}
	assert_int_equal(table_nrows(t), 216);
	assert_int_equal(table_render(t, &b), 0);
	for (p = b.data, k = 0; *p != '\0'; p++) {
		if (*p == '\n') {
			k++;
			assert_true(p == b.data || p[-1] != ' ');
		}
	}
	assert_int_equal(k, 2 + 216);
	table_free(t);
	buf_free(&b);
}

/* Many rows: storage grows and every line keeps the layout. */
static void
test_many_rows(void **state)
{
	struct table	*t;
	struct buf	 b = BUF_INIT;
	char		 id[32], n[32];
	const char	*row[3];
	size_t		 i, lines;
	const char	*p, *nl;

	(void)state;
	t = table_new(3);
	assert_non_null(t);
	assert_int_equal(table_set_header(t, 0, "番号", 0), 0);
	assert_int_equal(table_set_header(t, 1, "課", 0), 0);
	assert_int_equal(table_set_header(t, 2, "件数", 1), 0);
	for (i = 0; i < 5000; i++) {
		snprintf(id, sizeof id, "id-%05zu", i);
		snprintf(n, sizeof n, "%zu", i * 7 % 1000);
		row[0] = id;
		row[1] = i % 2 ? "情報政策課" : "保育課";
		row[2] = n;
		assert_int_equal(table_add_row(t, row), 0);
	}
	assert_int_equal(table_render(t, &b), 0);
	/* Every line is "id-NNNNN  " + 10 columns + "  " + 4 columns. */
	for (p = b.data, lines = 0; *p != '\0'; p = nl + 1, lines++) {
		nl = strchr(p, '\n');
		assert_non_null(nl);
		if (lines >= 2)
			assert_int_equal(nl - p, 8 + 2 +
			    (lines % 2 ? 15 : 9 + 4) + 2 + 4);
	}
	assert_int_equal(lines, 5002);
	table_free(t);
	buf_free(&b);
}

static void
test_errors(void **state)
{
	struct table	*t;

	(void)state;
	error_clear();
	assert_null(table_new(0));
	assert_int_equal(error_code(), NC_EINVALID);
	t = table_new(2);
	assert_non_null(t);
	assert_int_equal(table_set_header(t, 2, "x", 0), NC_EINVALID);
	assert_string_equal(error_last(),
	    "cannot set the title of column 3: the table has 2 columns");
	table_free(t);
	table_free(NULL);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_render),
		cmocka_unit_test(test_render_pad),
		cmocka_unit_test(test_render_csv),
		cmocka_unit_test(test_no_trailing_space),
		cmocka_unit_test(test_many_rows),
		cmocka_unit_test(test_errors),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
