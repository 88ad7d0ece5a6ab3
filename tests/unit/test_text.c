#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "buf.h"
#include "error.h"
#include "text.h"

static const struct {
	const char	*s;
	size_t		 width;
	size_t		 chars;
} width_data[] = {
	{ "", 0, 0 },
	{ "abc", 3, 3 },
	{ "Nerima 2026", 11, 11 },
	{ "練馬区", 6, 3 },
	{ "ｶﾀｶﾅ", 4, 4 },			/* half-width katakana */
	{ "カタカナ", 8, 4 },
	{ "ひらがな", 8, 4 },
	{ "２０２６", 8, 4 },			/* full-width digits */
	{ "ＡＢＣ", 6, 3 },
	{ "令和8年4月1日", 13, 8 },
	{ "情報システム課 CIO補佐官", 24, 14 },
	{ "、。「」", 8, 4 },
	{ "\xe3\x80\x80", 2, 1 },		/* ideographic space */
	{ "한국어", 6, 3 },
	{ "\xf0\x9f\x98\x80", 2, 1 },		/* U+1F600 emoji */
	{ "\xf0\xa0\x80\x8b", 2, 1 },		/* U+2000B, plane 2 kanji */
	{ "e\xcc\x81", 1, 2 },			/* e + combining acute */
	{ "\xe3\x81\x8b\xe3\x82\x99", 2, 2 },	/* か + combining dakuten */
	{ "a\xe2\x80\x8b" "b", 2, 3 },		/* zero-width space */
	{ "\xef\xbb\xbf" "x", 1, 2 },		/* BOM as ZWNBSP */
	{ "\xc2\xad", 1, 1 },			/* soft hyphen */
	{ "Ω°±×", 4, 4 },			/* ambiguous counts 1 */
	{ "\xff", 1, 1 },			/* invalid byte */
	{ "a\x80" "b", 3, 3 },			/* stray continuation */
	{ "\xe7\xb7", 2, 2 },			/* truncated 練 */
	{ "\xc0\xaf", 2, 2 },			/* overlong '/' */
	{ "\xed\xa0\x80", 3, 3 },		/* surrogate D800 */
	{ "\xf4\x90\x80\x80", 4, 4 },		/* above U+10FFFF */
	{ "練\xff馬", 5, 3 },
};

static void
test_width(void **state)
{
	size_t	 i;

	(void)state;
	for (i = 0; i < sizeof(width_data) / sizeof(width_data[0]); i++) {
		const char	*s = width_data[i].s;

		if (text_width(s, strlen(s)) != width_data[i].width ||
		    text_chars(s, strlen(s)) != width_data[i].chars)
			fail_msg("case %zu '%s': width %zu chars %zu, "
			    "want %zu %zu", i, s, text_width(s, strlen(s)),
			    text_chars(s, strlen(s)), width_data[i].width,
			    width_data[i].chars);
	}
}

static void
test_cp_width(void **state)
{
	(void)state;
	assert_int_equal(text_cp_width('A'), 1);
	assert_int_equal(text_cp_width(0x1100), 2);	/* Hangul choseong */
	assert_int_equal(text_cp_width(0x1160), 0);	/* Hangul jungseong */
	assert_int_equal(text_cp_width(0x3000), 2);
	assert_int_equal(text_cp_width(0x3099), 0);
	assert_int_equal(text_cp_width(0x4E00), 2);
	assert_int_equal(text_cp_width(0x9FFF), 2);
	assert_int_equal(text_cp_width(0xFF01), 2);
	assert_int_equal(text_cp_width(0xFF61), 1);	/* half-width 。 */
	assert_int_equal(text_cp_width(0xFFE6), 2);
	assert_int_equal(text_cp_width(0xFE0F), 0);	/* variation selector */
	assert_int_equal(text_cp_width(0x1F600), 2);
	assert_int_equal(text_cp_width(0x2FFFD), 2);
	assert_int_equal(text_cp_width(0x3FFFD), 2);
	assert_int_equal(text_cp_width(0x40000), 1);
	assert_int_equal(text_cp_width(0xE0001), 0);	/* language tag */
	assert_int_equal(text_cp_width(0x10FFFF), 1);
}

static const struct {
	const char	*s;
	size_t		 len;
	int		 valid;
} valid_data[] = {
	{ "", 0, 1 },
	{ "plain", 5, 1 },
	{ "a\0b", 3, 1 },
	{ "練馬", 6, 1 },
	{ "\xf4\x8f\xbf\xbf", 4, 1 },		/* U+10FFFF */
	{ "\xef\xbf\xbd", 3, 1 },		/* U+FFFD itself */
	{ "\xf4\x90\x80\x80", 4, 0 },
	{ "\xc0\x80", 2, 0 },			/* overlong NUL */
	{ "\xe0\x80\xaf", 3, 0 },		/* overlong 3-byte */
	{ "\xf0\x82\x82\xac", 4, 0 },		/* overlong 4-byte */
	{ "\xed\xa0\x80", 3, 0 },
	{ "\xed\xbf\xbf", 3, 0 },
	{ "\xe7\xb7", 2, 0 },
	{ "\x80", 1, 0 },
	{ "\xfe", 1, 0 },
	{ "\xe7\xb7\x41", 3, 0 },
};

static void
test_valid(void **state)
{
	size_t	 i;

	(void)state;
	for (i = 0; i < sizeof(valid_data) / sizeof(valid_data[0]); i++) {
		if (text_utf8_valid(valid_data[i].s, valid_data[i].len) !=
		    valid_data[i].valid)
			fail_msg("case %zu: want valid=%d", i,
			    valid_data[i].valid);
	}
}

/* The one-pass scan agrees with text_utf8_valid() and text_chars(). */
static void
test_scan(void **state)
{
	char	 buf[64];
	size_t	 i, j, len, chars;
	int	 valid;

	(void)state;
	for (i = 0; i < sizeof(valid_data) / sizeof(valid_data[0]); i++) {
		chars = 12345;
		valid = text_utf8_scan(valid_data[i].s, valid_data[i].len,
		    &chars);
		if (valid != valid_data[i].valid)
			fail_msg("case %zu: scan says valid=%d", i, valid);
		if (valid && chars != text_chars(valid_data[i].s,
		    valid_data[i].len))
			fail_msg("case %zu: %zu chars", i, chars);
	}
	/* Random bytes around the boundaries, with ASCII runs of 8 and more. */
	srand(4242);
	for (i = 0; i < 200000; i++) {
		static const unsigned char pick[] = { 'a', '0', 0x7f, 0x80,
		    0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xc2, 0xdf, 0xe0,
		    0xe3, 0xed, 0xef, 0xf0, 0xf4, 0xf5, 0xff, 0x00 };

		len = (size_t)(rand() % (int)sizeof buf);
		for (j = 0; j < len; j++)
			buf[j] = (i % 2 ? rand() % 8 != 0 : rand() % 3 == 0) ?
			    'x' :
			    (char)pick[rand() % (int)sizeof pick];
		valid = text_utf8_scan(buf, len, &chars);
		if (valid != text_utf8_valid(buf, len))
			fail_msg("random %zu: scan says valid=%d", i, valid);
		if (valid && chars != text_chars(buf, len))
			fail_msg("random %zu: %zu chars, want %zu", i, chars,
			    text_chars(buf, len));
	}
}

static void
test_decode(void **state)
{
	uint32_t	 cp = 0;

	(void)state;
	assert_int_equal(text_utf8_decode(&cp, "", 0), 0);
	assert_int_equal(text_utf8_decode(&cp, "A", 1), 1);
	assert_int_equal(cp, 'A');
	assert_int_equal(text_utf8_decode(&cp, "練", 3), 3);
	assert_int_equal(cp, 0x7DF4);
	assert_int_equal(text_utf8_decode(&cp, "\xc3\xa9", 2), 2);
	assert_int_equal(cp, 0xE9);
	assert_int_equal(text_utf8_decode(&cp, "\xf0\x9f\x98\x80", 4), 4);
	assert_int_equal(cp, 0x1F600);
	/* a truncated sequence must not read past len */
	assert_int_equal(text_utf8_decode(&cp, "\xf0\x9f\x98\x80", 3), 1);
	assert_int_equal(cp, TEXT_BADCP);
	assert_int_equal(text_utf8_decode(&cp, "\xc1\xbf", 2), 1);
	assert_int_equal(cp, TEXT_BADCP);
}

static const struct {
	const char	*in;
	int		 flags;
	const char	*out;
} csv_data[] = {
	{ "", 0, "" },
	{ "plain", 0, "plain" },
	{ "練馬区役所", 0, "練馬区役所" },
	{ "a,b", 0, "\"a,b\"" },
	{ "say \"hi\"", 0, "\"say \"\"hi\"\"\"" },
	{ "two\nlines", 0, "\"two\nlines\"" },
	{ "cr\rhere", 0, "\"cr\rhere\"" },
	{ " lead", 0, "\" lead\"" },
	{ "trail ", 0, "\"trail \"" },
	{ "mid space", 0, "mid space" },
	{ "=1+1", 0, "\"'=1+1\"" },
	{ "+SUM(A1)", 0, "\"'+SUM(A1)\"" },
	{ "-2+3", 0, "\"'-2+3\"" },
	{ "@cmd", 0, "\"'@cmd\"" },
	{ "\tx", 0, "\"'\tx\"" },
	{ "\rx", 0, "\"'\rx\"" },
	{ "=HYPERLINK(\"x\")", 0, "\"'=HYPERLINK(\"\"x\"\")\"" },
	{ "-5", 0, "\"'-5\"" },			/* text that looks numeric */
	{ "-5", TEXT_CSV_NUMERIC, "-5" },
	{ "+1.5e-3", TEXT_CSV_NUMERIC, "+1.5e-3" },
	{ "1234567", TEXT_CSV_NUMERIC, "1234567" },
	{ ".5", TEXT_CSV_NUMERIC, ".5" },
	{ "-", TEXT_CSV_NUMERIC, "\"'-\"" },	/* not a number */
	{ "-1e", TEXT_CSV_NUMERIC, "\"'-1e\"" },
	{ "=1+1", TEXT_CSV_NUMERIC, "\"'=1+1\"" },
	{ "-1-1", TEXT_CSV_NUMERIC, "\"'-1-1\"" },
	{ "1,234", TEXT_CSV_NUMERIC, "\"1,234\"" },
	{ "1=1", 0, "1=1" },
};

static void
test_csv(void **state)
{
	struct buf	 b = BUF_INIT;
	size_t		 i;

	(void)state;
	for (i = 0; i < sizeof(csv_data) / sizeof(csv_data[0]); i++) {
		buf_reset(&b);
		assert_int_equal(text_csv_field(&b, csv_data[i].in,
		    strlen(csv_data[i].in), csv_data[i].flags), 0);
		if (b.len != strlen(csv_data[i].out) ||
		    memcmp(b.data, csv_data[i].out, b.len) != 0)
			fail_msg("case %zu '%s': got [%.*s] want [%s]", i,
			    csv_data[i].in, (int)b.len, b.data,
			    csv_data[i].out);
	}
	/* fields append, so a caller builds a row */
	buf_reset(&b);
	text_csv_field(&b, "a", 1, 0);
	buf_putc(&b, ',');
	text_csv_field(&b, "=b", 2, 0);
	assert_string_equal(b.data, "a,\"'=b\"");
	buf_free(&b);
}

/*
 * A document number's office prefix on a line of its own (練情セ /
 * 第26-004号); a number that starts with 第, none or NULL as it is; a
 * long one whole (annual_no() cut one at 256 bytes).
 */
static void
test_split_before(void **state)
{
	static const struct {
		const char	*in, *want;
	} cases[] = {
		{ "練情セ第26-004号", "練情セ\n第26-004号" },
		{ "第3号", "第3号" },
		{ "相談12", "相談12" },
		{ NULL, "" },
	};
	char	 big[600];
	char	*s;
	size_t	 i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		assert_non_null(s = text_split_before(cases[i].in, "第"));
		assert_string_equal(s, cases[i].want);
		free(s);
	}
	memset(big, 'x', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	memcpy(big + 400, "第", strlen("第"));
	assert_non_null(s = text_split_before(big, "第"));
	assert_int_equal(strlen(s), strlen(big) + 1);
	assert_int_equal(s[400], '\n');
	free(s);
}

static void
test_printf(void **state)
{
	char	 big[5000];
	char	*s;

	(void)state;
	s = text_printf("%s第%d号", "練企情発", 27);
	assert_non_null(s);
	assert_string_equal(s, "練企情発第27号");
	free(s);
	s = text_printf("%s", "");
	assert_non_null(s);
	assert_string_equal(s, "");
	free(s);
	/* longer than any fixed buffer the copies it replaced might use */
	memset(big, 'x', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	s = text_printf("[%s]", big);
	assert_non_null(s);
	assert_int_equal(strlen(s), sizeof big + 1);
	assert_int_equal(s[0], '[');
	assert_int_equal(s[sizeof big], ']');
	free(s);
}

/*
 * Rates in one decimal, half up once: 13/16 is 81.3%, which "%.1f"
 * printed as 81.2% on the binary value beside the audit report's 81.3%.
 */
static void
test_pct1(void **state)
{
	char	out[32];

	(void)state;
	text_pct1(out, sizeof out, 100.0 * 13 / 16, 1, "-");
	assert_string_equal(out, "81.3%");
	text_pct1(out, sizeof out, 81.24, 1, "-");
	assert_string_equal(out, "81.2%");
	text_pct1(out, sizeof out, 100, 1, "-");
	assert_string_equal(out, "100.0%");
	text_pct1(out, sizeof out, 0, 0, "-");
	assert_string_equal(out, "0.0");
	text_pct1(out, sizeof out, -4.95, 0, "-");
	assert_string_equal(out, "-5.0");
	text_pct1(out, sizeof out, -0.04, 0, "-");
	assert_string_equal(out, "0.0");
	text_pct1(out, sizeof out, NAN, 1, "－");
	assert_string_equal(out, "－");
	/* the number itself, as a workbook stores it and a mean is held */
	assert_true(text_round_half((76.6 + 76.7) / 2, 10) == 76.7);
	assert_true(text_round_half(-(76.6 + 76.7) / 2, 10) == -76.7);
	assert_true(text_round_half(57.0 / 80, 1000) == 0.713);
	assert_true(text_round_half(81.24, 10) == 81.2);
}

/*
 * Each string's first equal one, by a sorted copy (lint's repeated
 * agenda titles and hearing questions): the earliest is named, a NULL is
 * its own, and the answer does not depend on the order qsort leaves.
 */
static void
test_first_same(void **state)
{
	const char	*v[] = { "b", "a", NULL, "b", "a", "c", "b", NULL };
	size_t		 want[] = { 0, 1, 2, 0, 1, 5, 0, 7 };
	size_t		 first[8], i;

	(void)state;
	assert_int_equal(text_first_same(first, v, 8), 0);
	for (i = 0; i < 8; i++)
		assert_int_equal(first[i], want[i]);
	assert_int_equal(text_first_same(first, v, 0), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_width),
		cmocka_unit_test(test_cp_width),
		cmocka_unit_test(test_valid),
		cmocka_unit_test(test_scan),
		cmocka_unit_test(test_decode),
		cmocka_unit_test(test_csv),
		cmocka_unit_test(test_printf),
		cmocka_unit_test(test_split_before),
		cmocka_unit_test(test_pct1),
		cmocka_unit_test(test_first_same),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
