/*
 * Values as people type them: the forms every date, fiscal year and number
 * option accepts (lib/core/parse.c).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "error.h"
#include "parse.h"

static const struct {
	const char	*in;
	const char	*want;		/* YYYY-MM-DD, or NULL: refused */
} dates[] = {
	{ "2026-04-10", "2026-04-10" },
	{ "2026-4-1", "2026-04-01" },
	{ "2026/4/10", "2026-04-10" },
	{ "2026.04.10", "2026-04-10" },
	{ "20260410", "2026-04-10" },
	{ "２０２６－０４－１０", "2026-04-10" },
	{ "２０２６／４／１０", "2026-04-10" },
	{ " 2026-04-10 ", "2026-04-10" },
	{ "令和8年4月10日", "2026-04-10" },
	{ "令和８年４月１０日", "2026-04-10" },
	{ "令和元年5月1日", "2019-05-01" },
	{ "R8.4.10", "2026-04-10" },
	{ "r8.4.10", "2026-04-10" },
	{ "R8/4/10", "2026-04-10" },
	{ "Ｒ８．４．１０", "2026-04-10" },
	{ "H31.4.30", "2019-04-30" },
	{ "2026-02-29", NULL },
	{ "2028-02-29", "2028-02-29" },
	{ "6020-6-5", NULL },
	{ "1979-12-31", NULL },
	{ "2026-13-01", NULL },
	{ "2026-04", NULL },
	{ "2026-04-10x", NULL },
	{ "2026/04-10", NULL },
	{ "H31.5.1", NULL },	/* 平成 ended on 30 April 2019 */
	{ "", NULL },
	{ "tomorrow", NULL },
};

static void
test_dates(void **state)
{
	struct cal_date	d;
	char		iso[CAL_FMT_MAX];
	size_t		i;
	int		rc;

	(void)state;
	for (i = 0; i < sizeof dates / sizeof dates[0]; i++) {
		rc = parse_date(&d, dates[i].in);
		if (dates[i].want == NULL) {
			if (rc == 0)
				fail_msg("'%s' accepted", dates[i].in);
			assert_int_equal(rc, NC_EINVALID);
			/* The message quotes what was typed. */
			if (*dates[i].in != '\0')
				assert_non_null(strstr(error_last(),
				    dates[i].in));
			continue;
		}
		if (rc != 0)
			fail_msg("'%s': %s", dates[i].in, error_last());
		cal_format_iso(iso, sizeof iso, d);
		assert_string_equal(iso, dates[i].want);
	}
}

static const struct {
	const char	*in;
	int		 opt;		/* time optional */
	const char	*want;		/* "YYYY-MM-DD HH:MM" ("--:--" none) */
} datetimes[] = {
	{ "2026-06-10 14:05", 0, "2026-06-10 14:05" },
	{ "2026-06-10T14:05", 0, "2026-06-10 14:05" },
	{ "2026-06-10 9:05", 0, "2026-06-10 09:05" },
	{ "令和8年6月10日 14時05分", 0, "2026-06-10 14:05" },
	{ "令和8年6月10日14時", 0, "2026-06-10 14:00" },
	{ "R8.6.10 14:05", 0, "2026-06-10 14:05" },
	{ "２０２６－０６－１０　１４：０５", 0, "2026-06-10 14:05" },
	{ "2026-06-10", 1, "2026-06-10 --:--" },
	{ "2026-06-10", 0, NULL },
	{ "2026-06-10 24:00", 0, NULL },
	{ "2026-06-10 14:60", 0, NULL },
	{ "2026-06-10 14:05:00", 0, NULL },
};

static void
test_datetimes(void **state)
{
	struct cal_date	d;
	char		got[64];
	size_t		i;
	int		h, m, rc;

	(void)state;
	for (i = 0; i < sizeof datetimes / sizeof datetimes[0]; i++) {
		rc = parse_datetime(&d, &h, &m, datetimes[i].in,
		    datetimes[i].opt);
		if (datetimes[i].want == NULL) {
			if (rc == 0)
				fail_msg("'%s' accepted", datetimes[i].in);
			continue;
		}
		if (rc != 0)
			fail_msg("'%s': %s", datetimes[i].in, error_last());
		if (h < 0)
			snprintf(got, sizeof got, "%04d-%02d-%02d --:--", d.y,
			    d.m, d.d);
		else
			snprintf(got, sizeof got, "%04d-%02d-%02d %02d:%02d",
			    d.y, d.m, d.d, h, m);
		assert_string_equal(got, datetimes[i].want);
	}
}

static const struct {
	const char	*in;
	int		 want;		/* 0: refused */
} fys[] = {
	{ "2026", 2026 },
	{ "FY2026", 2026 },
	{ "fy2026", 2026 },
	{ "2026年度", 2026 },
	{ "２０２６", 2026 },
	{ "令和8年度", 2026 },
	{ "令和８年度", 2026 },
	{ "令和8", 2026 },
	{ "R8", 2026 },
	{ "令和元年度", 2019 },
	{ "R1", 2019 },
	{ "平成30年度", 2018 },
	{ "1979", 0 },
	{ "2100", 0 },
	{ "20x6", 0 },
	{ "", 0 },
	{ "令和", 0 },
};

static void
test_fys(void **state)
{
	size_t	i;
	int	fy, rc;

	(void)state;
	for (i = 0; i < sizeof fys / sizeof fys[0]; i++) {
		rc = parse_fy(&fy, fys[i].in);
		if (fys[i].want == 0) {
			if (rc == 0)
				fail_msg("'%s' accepted as %d", fys[i].in, fy);
			continue;
		}
		if (rc != 0)
			fail_msg("'%s': %s", fys[i].in, error_last());
		assert_int_equal(fy, fys[i].want);
	}
}

static void
test_ints(void **state)
{
	long long	v;

	(void)state;
	assert_int_equal(parse_int(&v, "42", 0, 100), 0);
	assert_int_equal(v, 42);
	assert_int_equal(parse_int(&v, "４２", 0, 100), 0);
	assert_int_equal(v, 42);
	assert_int_equal(parse_int(&v, "-3", -5, 5), 0);
	assert_int_equal(v, -3);
	assert_int_equal(parse_int(&v, "101", 0, 100), NC_EINVALID);
	assert_int_equal(parse_int(&v, "4.2", 0, 100), NC_EINVALID);
	assert_int_equal(parse_int(&v, "", 0, 100), NC_EINVALID);
	assert_int_equal(parse_int(&v, "99999999999999999999", 0, 100),
	    NC_EINVALID);
}

static void
test_long_input(void **state)
{
	char		long_s[PARSE_INPUT_MAX + 10];
	struct cal_date	d;

	(void)state;
	memset(long_s, '1', sizeof long_s - 1);
	long_s[sizeof long_s - 1] = '\0';
	assert_int_equal(parse_date(&d, long_s), NC_EINVALID);
	assert_non_null(strstr(error_last(), "too long"));
	assert_int_equal(parse_date(&d, "2026-04-\xff"), NC_EINVALID);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_dates),
		cmocka_unit_test(test_datetimes),
		cmocka_unit_test(test_fys),
		cmocka_unit_test(test_ints),
		cmocka_unit_test(test_long_input),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
