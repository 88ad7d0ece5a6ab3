/*
 * The calendar: dates, eras, fiscal years, national holidays, business
 * days, the specification's deadlines and the closures file.
 *
 * The holiday table for 2025-2035 was written by hand, day by day, from
 * the Cabinet Office's published lists (2025-2027) and, for later years,
 * from the law applied to each year's weekdays: the Happy-Monday days, the
 * equinox days of the almanac formula, every 振替休日 (the next day that is
 * not a 国民の祝日 after one falling on a Sunday) and every 国民の休日 (a
 * day between two 国民の祝日).  The dates computed for every year
 * 1980-2099 were then compared with two independently maintained datasets
 * of Japanese holidays (holiday_jp to 2050, japanese-holidays to 2099): they
 * agree on every date.
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

#include "cal.h"
#include "diag.h"
#include "error.h"
#include "parse.h"

static struct cal_date
D(const char *iso)
{
	struct cal_date	d;

	if (cal_parse_iso(&d, iso) != 0)
		fail_msg("bad test date '%s': %s", iso, error_last());
	return d;
}

static void
assert_date(struct cal_date got, const char *want, const char *what)
{
	char	buf[CAL_FMT_MAX];

	assert_int_equal(cal_format_iso(buf, sizeof buf, got), 0);
	if (strcmp(buf, want) != 0)
		fail_msg("%s: got %s, want %s", what, buf, want);
}

/*
 * Plain dates.
 */

static void
test_day_numbers(void **state)
{
	struct cal_date	d;
	long		z;

	(void)state;
	assert_int_equal(cal_days(D("1970-01-01")), 0);
	assert_int_equal(cal_days(D("2000-03-01")), 11017);
	assert_int_equal(cal_days(D("1969-12-31")), -1);
	/* Every day from 1900 to 2100 goes there and back. */
	for (z = cal_days(D("1900-01-01")); z <= cal_days(D("2100-12-31"));
	    z++) {
		d = cal_from_days(z);
		assert_true(cal_date_valid(d));
		assert_int_equal(cal_days(d), z);
		if (z > cal_days(D("1900-01-01")))
			assert_int_equal(cal_cmp(cal_from_days(z - 1), d), -1);
	}
	assert_int_equal(cal_weekday(D("2026-04-01")), 3);	/* Wed */
	assert_int_equal(cal_weekday(D("1970-01-01")), 4);
	assert_int_equal(cal_weekday(D("1969-12-28")), 0);
	assert_date(cal_add_days(D("2024-02-28"), 1), "2024-02-29", "leap");
	assert_date(cal_add_days(D("2100-02-28"), 1), "2100-03-01", "1900");
	assert_date(cal_add_days(D("2026-03-01"), -1), "2026-02-28", "back");
	assert_int_equal(cal_days_in_month(2000, 2), 29);
	assert_int_equal(cal_days_in_month(1900, 2), 28);
	assert_int_equal(cal_days_in_month(2026, 13), 0);
	/* months of the fiscal year completed: the month begun not counted */
	assert_int_equal(cal_fy_months(2028, D("2028-04-12")), 0);
	assert_int_equal(cal_fy_months(2028, D("2028-04-30")), 1);
	assert_int_equal(cal_fy_months(2028, D("2028-10-04")), 6);
	assert_int_equal(cal_fy_months(2028, D("2028-10-31")), 7);
	assert_int_equal(cal_fy_months(2028, D("2029-02-28")), 11);
	assert_int_equal(cal_fy_months(2027, D("2028-02-28")), 10);
	assert_int_equal(cal_fy_months(2027, D("2028-02-29")), 11);
	assert_int_equal(cal_fy_months(2028, D("2029-03-31")), 12);
	assert_int_equal(cal_fy_months(2028, D("2029-05-01")), 12);
	assert_int_equal(cal_fy_months(2028, D("2028-03-31")), 0);
}

static const struct {
	const char	*in;
	const char	*want;		/* ISO, or NULL for an error */
	const char	*msg;		/* part of the message when an error */
} parse_cases[] = {
	{ "2026-04-01", "2026-04-01", NULL },
	{ "2024-02-29", "2024-02-29", NULL },
	{ "2000-02-29", "2000-02-29", NULL },
	{ "0001-01-01", "0001-01-01", NULL },
	{ "9999-12-31", "9999-12-31", NULL },
	{ "", NULL, "cannot parse date '': expected YYYY-MM-DD" },
	{ "2026-02-30", NULL, "cannot parse date '2026-02-30': day 30 out of"
	    " range for February 2026 (1-28)" },
	{ "2025-02-29", NULL, "day 29 out of range for February 2025" },
	{ "2100-02-29", NULL, "day 29 out of range for February 2100" },
	{ "2026-04-31", NULL, "day 31 out of range for April 2026 (1-30)" },
	{ "2026-13-01", NULL, "cannot parse date '2026-13-01': month 13 out"
	    " of range (1-12)" },
	{ "2026-00-10", NULL, "month 0 out of range" },
	{ "2026-04-00", NULL, "day 0 out of range" },
	{ "0000-01-01", NULL, "year 0000 does not exist" },
	{ "2026-4-1", NULL, "'2026-4-1': expected YYYY-MM-DD" },
	{ "2026-04-1", NULL, "'2026-04-1': too short, expected YYYY-MM-DD" },
	{ "2026/04/01", NULL, "'2026/04/01': expected YYYY-MM-DD" },
	{ "2026-04-01x", NULL, "'2026-04-01x': unexpected text after"
	    " YYYY-MM-DD" },
	{ "2026-04-01 ", NULL, "unexpected text after YYYY-MM-DD" },
	{ "20260401", NULL, "expected YYYY-MM-DD" },
	{ " 2026-04-01", NULL, "expected YYYY-MM-DD or an era date" },
	{ "today", NULL, "'today': expected YYYY-MM-DD or an era date" },
	/* Era dates, long and short. */
	{ "令和8年4月1日", "2026-04-01", NULL },
	{ "令和元年5月1日", "2019-05-01", NULL },
	{ "令和1年5月1日", "2019-05-01", NULL },
	{ "令和８年４月１日", "2026-04-01", NULL },
	{ "令和 8 年 4 月 1 日", "2026-04-01", NULL },
	{ "令和　８年　４月　１日", "2026-04-01", NULL },
	{ "令和11年3月31日", "2029-03-31", NULL },
	{ "平成31年4月30日", "2019-04-30", NULL },
	{ "平成元年1月8日", "1989-01-08", NULL },
	{ "昭和64年1月7日", "1989-01-07", NULL },
	{ "R8.4.1", "2026-04-01", NULL },
	{ "r8.4.1", "2026-04-01", NULL },
	{ "R08.04.01", "2026-04-01", NULL },
	{ "R1.5.1", "2019-05-01", NULL },
	{ "H31.4.30", "2019-04-30", NULL },
	{ "H1.1.8", "1989-01-08", NULL },
	{ "S64.1.7", "1989-01-07", NULL },
	{ "R８.４.１", "2026-04-01", NULL },
	{ "令和0年4月1日", NULL, "cannot parse date '令和0年4月1日': there is"
	    " no year 0 of 令和 (the first year is 元年)" },
	{ "R0.4.1", NULL, "there is no year 0 of 令和" },
	{ "平成32年4月1日", NULL, "'平成32年4月1日': 平成 ended on 2019-04-30"
	    " (平成31年4月30日)" },
	{ "H31.5.1", NULL, "平成 ended on 2019-04-30" },
	{ "令和1年4月30日", NULL, "'令和1年4月30日': 令和 began on 2019-05-01"
	    " (令和元年5月1日)" },
	{ "平成元年1月7日", NULL, "平成 began on 1989-01-08 (平成元年1月8日)" },
	{ "S1.12.24", NULL, "昭和 began on 1926-12-25" },
	{ "令和8年2月30日", NULL, "day 30 out of range for February 2026" },
	{ "令和8年13月1日", NULL, "month 13 out of range" },
	{ "令和8年4月1", NULL, "expected an era date such as 令和8年4月1日" },
	{ "令和8年4月1日x", NULL, "unexpected text after the date" },
	{ "令和8年", NULL, "expected an era date" },
	{ "令和", NULL, "expected an era date" },
	{ "令和八年四月一日", NULL, "expected an era date" },
	{ "R8.4", NULL, "expected an era date" },
	{ "R8.4.1.", NULL, "unexpected text after the date" },
	{ "R8/4/1", NULL, "expected an era date" },
	{ "R1234.4.1", NULL, "expected an era date" },
	{ "R123.4.1", "2141-04-01", NULL },
	{ "R8.4.123", NULL, "expected an era date" },
	{ "X8.4.1", NULL, "expected YYYY-MM-DD or an era date" },
	{ "大正15年1月1日", NULL, "expected YYYY-MM-DD or an era date" },
};

static void
test_parse(void **state)
{
	struct cal_date	d;
	char		buf[CAL_FMT_MAX];
	size_t		i;
	int		r;

	(void)state;
	for (i = 0; i < sizeof parse_cases / sizeof parse_cases[0]; i++) {
		r = cal_parse(&d, parse_cases[i].in);
		if (parse_cases[i].want != NULL) {
			if (r != 0)
				fail_msg("'%s': %s", parse_cases[i].in,
				    error_last());
			cal_format_iso(buf, sizeof buf, d);
			if (strcmp(buf, parse_cases[i].want) != 0)
				fail_msg("'%s': got %s, want %s",
				    parse_cases[i].in, buf,
				    parse_cases[i].want);
			continue;
		}
		if (r != NC_EINVALID)
			fail_msg("'%s': parsed, want an error",
			    parse_cases[i].in);
		if (strstr(error_last(), parse_cases[i].msg) == NULL)
			fail_msg("'%s': message '%s' lacks '%s'",
			    parse_cases[i].in, error_last(),
			    parse_cases[i].msg);
	}
	/* ISO only, when asked. */
	assert_int_equal(cal_parse_iso(&d, "令和8年4月1日"), NC_EINVALID);
	assert_int_equal(cal_parse_era(&d, "2026-04-01"), NC_EINVALID);
	/* A long input is cut in the message. */
	assert_int_equal(cal_parse(&d, "2026-04-01xxxxxxxxxxxxxxxxxxxxxxxxxxx"
	    "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"),
	    NC_EINVALID);
	assert_non_null(strstr(error_last(), "...'"));
}

/*
 * Eras and fiscal years.
 */

static const struct {
	const char	*iso;
	const char	*lng;
	const char	*shrt;
} era_cases[] = {
	{ "2026-04-01", "令和8年4月1日", "R8.4.1" },
	{ "2027-03-31", "令和9年3月31日", "R9.3.31" },
	{ "2019-05-01", "令和元年5月1日", "R1.5.1" },
	{ "2019-12-31", "令和元年12月31日", "R1.12.31" },
	{ "2020-01-01", "令和2年1月1日", "R2.1.1" },
	{ "2019-04-30", "平成31年4月30日", "H31.4.30" },
	{ "2019-01-01", "平成31年1月1日", "H31.1.1" },
	{ "2018-12-31", "平成30年12月31日", "H30.12.31" },
	{ "1989-01-08", "平成元年1月8日", "H1.1.8" },
	{ "1989-12-31", "平成元年12月31日", "H1.12.31" },
	{ "1990-01-01", "平成2年1月1日", "H2.1.1" },
	{ "1989-01-07", "昭和64年1月7日", "S64.1.7" },
	{ "1926-12-25", "昭和元年12月25日", "S1.12.25" },
	{ "2118-12-31", "令和100年12月31日", "R100.12.31" },
};

static void
test_era_format(void **state)
{
	struct cal_date	d;
	char		buf[CAL_FMT_MAX];
	size_t		i;

	(void)state;
	for (i = 0; i < sizeof era_cases / sizeof era_cases[0]; i++) {
		d = D(era_cases[i].iso);
		assert_int_equal(cal_format_era(buf, sizeof buf, d,
		    CAL_ERA_LONG), 0);
		assert_string_equal(buf, era_cases[i].lng);
		assert_int_equal(cal_format_era(buf, sizeof buf, d,
		    CAL_ERA_SHORT), 0);
		assert_string_equal(buf, era_cases[i].shrt);
		/* And back. */
		assert_int_equal(cal_parse(&d, era_cases[i].lng), 0);
		assert_date(d, era_cases[i].iso, era_cases[i].lng);
		assert_int_equal(cal_parse(&d, era_cases[i].shrt), 0);
		assert_date(d, era_cases[i].iso, era_cases[i].shrt);
	}
	assert_int_equal(cal_format_era(buf, sizeof buf, D("1926-12-24"),
	    CAL_ERA_LONG), NC_EINVALID);
	assert_non_null(strstr(error_last(), "1926-12-24"));
	/* The last era date the parser reads, and the first it does not. */
	assert_int_equal(cal_format_era(buf, sizeof buf, D("3017-12-31"),
	    CAL_ERA_LONG), 0);
	assert_string_equal(buf, "令和999年12月31日");
	assert_int_equal(cal_format_era(buf, sizeof buf, D("3018-01-01"),
	    CAL_ERA_SHORT), NC_EINVALID);
	assert_non_null(strstr(error_last(), "3018-01-01"));
	/* Found by fuzz_parse: 6020 was written 令和4002年, refused. */
	assert_int_equal(cal_format_era(buf, sizeof buf, D("6020-01-01"),
	    CAL_ERA_LONG), NC_EINVALID);
	/* Too small a buffer is an error, not a cut. */
	assert_int_equal(cal_format_era(buf, 8, D("2026-04-01"),
	    CAL_ERA_LONG), NC_EINVALID);
}

static const struct {
	const char	*iso;
	int		 fy;
	const char	*label;
	const char	*start;
	const char	*end;
} fy_cases[] = {
	{ "2026-04-01", 2026, "令和8年度", "2026-04-01", "2027-03-31" },
	{ "2027-03-31", 2026, "令和8年度", "2026-04-01", "2027-03-31" },
	{ "2026-03-31", 2025, "令和7年度", "2025-04-01", "2026-03-31" },
	{ "2026-01-01", 2025, "令和7年度", "2025-04-01", "2026-03-31" },
	{ "2026-12-31", 2026, "令和8年度", "2026-04-01", "2027-03-31" },
	{ "2029-03-31", 2028, "令和10年度", "2028-04-01", "2029-03-31" },
	{ "2019-04-01", 2019, "令和元年度", "2019-04-01", "2020-03-31" },
	{ "2019-03-31", 2018, "平成30年度", "2018-04-01", "2019-03-31" },
	{ "1989-04-01", 1989, "平成元年度", "1989-04-01", "1990-03-31" },
	{ "1989-03-31", 1988, "昭和63年度", "1988-04-01", "1989-03-31" },
	{ "2020-02-29", 2019, "令和元年度", "2019-04-01", "2020-03-31" },
};

static void
test_fiscal_year(void **state)
{
	struct cal_date	s, e;
	char		buf[CAL_FMT_MAX];
	size_t		i;

	(void)state;
	for (i = 0; i < sizeof fy_cases / sizeof fy_cases[0]; i++) {
		assert_int_equal(cal_fy(D(fy_cases[i].iso)), fy_cases[i].fy);
		assert_int_equal(cal_fy_label(buf, sizeof buf, fy_cases[i].fy),
		    0);
		assert_string_equal(buf, fy_cases[i].label);
		cal_fy_bounds(&s, &e, fy_cases[i].fy);
		assert_date(s, fy_cases[i].start, "fy start");
		assert_date(e, fy_cases[i].end, "fy end");
	}
	assert_int_equal(cal_fy_label(buf, sizeof buf, 1926), NC_EINVALID);
}

/*
 * National holidays.
 */

/* 2025-2035, every holiday, in order. */
static const char *const holidays_2025_2035[] = {
	/* 2025 (Cabinet Office) */
	"2025-01-01 元日", "2025-01-13 成人の日", "2025-02-11 建国記念の日",
	"2025-02-23 天皇誕生日", "2025-02-24 振替休日", "2025-03-20 春分の日",
	"2025-04-29 昭和の日", "2025-05-03 憲法記念日", "2025-05-04 みどりの日",
	"2025-05-05 こどもの日", "2025-05-06 振替休日", "2025-07-21 海の日",
	"2025-08-11 山の日", "2025-09-15 敬老の日", "2025-09-23 秋分の日",
	"2025-10-13 スポーツの日", "2025-11-03 文化の日",
	"2025-11-23 勤労感謝の日", "2025-11-24 振替休日",
	/* 2026 (Cabinet Office) */
	"2026-01-01 元日", "2026-01-12 成人の日", "2026-02-11 建国記念の日",
	"2026-02-23 天皇誕生日", "2026-03-20 春分の日", "2026-04-29 昭和の日",
	"2026-05-03 憲法記念日", "2026-05-04 みどりの日",
	"2026-05-05 こどもの日", "2026-05-06 振替休日", "2026-07-20 海の日",
	"2026-08-11 山の日", "2026-09-21 敬老の日", "2026-09-22 国民の休日",
	"2026-09-23 秋分の日", "2026-10-12 スポーツの日", "2026-11-03 文化の日",
	"2026-11-23 勤労感謝の日",
	/* 2027 (Cabinet Office): 春分 on a Sunday */
	"2027-01-01 元日", "2027-01-11 成人の日", "2027-02-11 建国記念の日",
	"2027-02-23 天皇誕生日", "2027-03-21 春分の日", "2027-03-22 振替休日",
	"2027-04-29 昭和の日", "2027-05-03 憲法記念日", "2027-05-04 みどりの日",
	"2027-05-05 こどもの日", "2027-07-19 海の日", "2027-08-11 山の日",
	"2027-09-20 敬老の日", "2027-09-23 秋分の日", "2027-10-11 スポーツの日",
	"2027-11-03 文化の日", "2027-11-23 勤労感謝の日",
	/* 2028: 元日 and 昭和の日 on Saturdays, no substitute */
	"2028-01-01 元日", "2028-01-10 成人の日", "2028-02-11 建国記念の日",
	"2028-02-23 天皇誕生日", "2028-03-20 春分の日", "2028-04-29 昭和の日",
	"2028-05-03 憲法記念日", "2028-05-04 みどりの日",
	"2028-05-05 こどもの日", "2028-07-17 海の日", "2028-08-11 山の日",
	"2028-09-18 敬老の日", "2028-09-22 秋分の日", "2028-10-09 スポーツの日",
	"2028-11-03 文化の日", "2028-11-23 勤労感謝の日",
	/* 2029: 建国記念の日, 昭和の日, 秋分の日 on Sundays */
	"2029-01-01 元日", "2029-01-08 成人の日", "2029-02-11 建国記念の日",
	"2029-02-12 振替休日", "2029-02-23 天皇誕生日", "2029-03-20 春分の日",
	"2029-04-29 昭和の日", "2029-04-30 振替休日", "2029-05-03 憲法記念日",
	"2029-05-04 みどりの日", "2029-05-05 こどもの日", "2029-07-16 海の日",
	"2029-08-11 山の日", "2029-09-17 敬老の日", "2029-09-23 秋分の日",
	"2029-09-24 振替休日", "2029-10-08 スポーツの日", "2029-11-03 文化の日",
	"2029-11-23 勤労感謝の日",
	/* 2030: こどもの日, 山の日, 文化の日 on Sundays */
	"2030-01-01 元日", "2030-01-14 成人の日", "2030-02-11 建国記念の日",
	"2030-02-23 天皇誕生日", "2030-03-20 春分の日", "2030-04-29 昭和の日",
	"2030-05-03 憲法記念日", "2030-05-04 みどりの日",
	"2030-05-05 こどもの日", "2030-05-06 振替休日", "2030-07-15 海の日",
	"2030-08-11 山の日", "2030-08-12 振替休日", "2030-09-16 敬老の日",
	"2030-09-23 秋分の日", "2030-10-14 スポーツの日", "2030-11-03 文化の日",
	"2030-11-04 振替休日", "2030-11-23 勤労感謝の日",
	/* 2031: like 2025 */
	"2031-01-01 元日", "2031-01-13 成人の日", "2031-02-11 建国記念の日",
	"2031-02-23 天皇誕生日", "2031-02-24 振替休日", "2031-03-21 春分の日",
	"2031-04-29 昭和の日", "2031-05-03 憲法記念日", "2031-05-04 みどりの日",
	"2031-05-05 こどもの日", "2031-05-06 振替休日", "2031-07-21 海の日",
	"2031-08-11 山の日", "2031-09-15 敬老の日", "2031-09-23 秋分の日",
	"2031-10-13 スポーツの日", "2031-11-03 文化の日",
	"2031-11-23 勤労感謝の日", "2031-11-24 振替休日",
	/* 2032: 敬老の日 20th, 秋分の日 22nd, so the 21st is a 国民の休日 */
	"2032-01-01 元日", "2032-01-12 成人の日", "2032-02-11 建国記念の日",
	"2032-02-23 天皇誕生日", "2032-03-20 春分の日", "2032-04-29 昭和の日",
	"2032-05-03 憲法記念日", "2032-05-04 みどりの日",
	"2032-05-05 こどもの日", "2032-07-19 海の日", "2032-08-11 山の日",
	"2032-09-20 敬老の日", "2032-09-21 国民の休日", "2032-09-22 秋分の日",
	"2032-10-11 スポーツの日", "2032-11-03 文化の日",
	"2032-11-23 勤労感謝の日",
	/* 2033: 春分の日 on a Sunday */
	"2033-01-01 元日", "2033-01-10 成人の日", "2033-02-11 建国記念の日",
	"2033-02-23 天皇誕生日", "2033-03-20 春分の日", "2033-03-21 振替休日",
	"2033-04-29 昭和の日", "2033-05-03 憲法記念日", "2033-05-04 みどりの日",
	"2033-05-05 こどもの日", "2033-07-18 海の日", "2033-08-11 山の日",
	"2033-09-19 敬老の日", "2033-09-23 秋分の日", "2033-10-10 スポーツの日",
	"2033-11-03 文化の日", "2033-11-23 勤労感謝の日",
	/* 2034: 元日 on a Sunday */
	"2034-01-01 元日", "2034-01-02 振替休日", "2034-01-09 成人の日",
	"2034-02-11 建国記念の日", "2034-02-23 天皇誕生日",
	"2034-03-20 春分の日", "2034-04-29 昭和の日", "2034-05-03 憲法記念日",
	"2034-05-04 みどりの日", "2034-05-05 こどもの日", "2034-07-17 海の日",
	"2034-08-11 山の日", "2034-09-18 敬老の日", "2034-09-23 秋分の日",
	"2034-10-09 スポーツの日", "2034-11-03 文化の日",
	"2034-11-23 勤労感謝の日",
	/* 2035: like 2029, 春分 on the 21st */
	"2035-01-01 元日", "2035-01-08 成人の日", "2035-02-11 建国記念の日",
	"2035-02-12 振替休日", "2035-02-23 天皇誕生日", "2035-03-21 春分の日",
	"2035-04-29 昭和の日", "2035-04-30 振替休日", "2035-05-03 憲法記念日",
	"2035-05-04 みどりの日", "2035-05-05 こどもの日", "2035-07-16 海の日",
	"2035-08-11 山の日", "2035-09-17 敬老の日", "2035-09-23 秋分の日",
	"2035-09-24 振替休日", "2035-10-08 スポーツの日", "2035-11-03 文化の日",
	"2035-11-23 勤労感謝の日",
};

static void
test_holidays_2025_2035(void **state)
{
	struct cal_holiday	 v[CAL_HOLIDAYS_MAX];
	const size_t		 want = sizeof holidays_2025_2035 /
				    sizeof holidays_2025_2035[0];
	size_t			 n, i, k = 0;
	char			 got[128];
	int			 y;

	(void)state;
	for (y = 2025; y <= 2035; y++) {
		assert_int_equal(cal_holidays(v, &n, y), 0);
		for (i = 0; i < n; i++, k++) {
			cal_format_iso(got, sizeof got, v[i].date);
			snprintf(got + 10, sizeof got - 10, " %s", v[i].name);
			if (k >= want)
				fail_msg("extra holiday %s", got);
			if (strcmp(got, holidays_2025_2035[k]) != 0)
				fail_msg("holiday %zu: got '%s', want '%s'", k,
				    got, holidays_2025_2035[k]);
		}
	}
	assert_int_equal(k, want);
}

/* Holidays (name) and non-holidays (NULL) before 2025. */
static const struct {
	const char	*iso;
	const char	*name;
} spot_cases[] = {
	/* The 1980s: 天皇誕生日 on 29 April, 振替休日 on the Monday. */
	{ "1980-03-20", "春分の日" },
	{ "1985-04-29", "天皇誕生日" },
	{ "1985-05-04", NULL },			/* before 国民の休日 */
	{ "1987-05-04", "振替休日" },		/* 5-3 a Sunday */
	{ "1988-05-04", "国民の休日" },
	{ "1989-02-24", "昭和天皇の大喪の礼" },
	{ "1989-04-29", "みどりの日" },
	{ "1989-12-23", "天皇誕生日" },
	{ "1990-11-12", "即位礼正殿の儀" },
	{ "1992-05-04", "振替休日" },		/* 5-3 a Sunday */
	{ "1993-06-09", "皇太子徳仁親王の結婚の儀" },
	{ "1993-05-04", "国民の休日" },
	{ "1995-05-04", "国民の休日" },
	{ "1997-05-04", NULL },			/* a Sunday: not until 2007 */
	{ "1996-07-20", "海の日" },
	{ "1995-07-20", NULL },
	{ "1999-01-15", "成人の日" },
	{ "1999-10-10", "体育の日" },		/* a Sunday */
	{ "1999-10-11", "振替休日" },
	/* Happy Monday from 2000 and 2003. */
	{ "2000-01-10", "成人の日" },
	{ "2000-01-15", NULL },
	{ "2000-10-09", "体育の日" },
	{ "2000-10-10", NULL },
	{ "2001-09-15", "敬老の日" },
	{ "2001-09-24", "振替休日" },		/* 秋分 on Sunday 23rd */
	{ "2002-07-20", "海の日" },
	{ "2003-07-21", "海の日" },
	{ "2003-07-20", NULL },
	{ "2003-09-15", "敬老の日" },
	{ "2004-09-20", "敬老の日" },
	{ "2006-04-29", "みどりの日" },
	{ "2006-05-04", "国民の休日" },
	/* 2007: 昭和の日, みどりの日 to 4 May, the new substitute rule. */
	{ "2007-04-29", "昭和の日" },
	{ "2007-04-30", "振替休日" },
	{ "2007-05-04", "みどりの日" },
	{ "2008-05-06", "振替休日" },		/* みどりの日 a Sunday */
	{ "2009-05-06", "振替休日" },		/* 憲法記念日 a Sunday */
	{ "2009-09-21", "敬老の日" },
	{ "2009-09-22", "国民の休日" },
	{ "2009-09-23", "秋分の日" },
	{ "2012-03-20", "春分の日" },
	{ "2012-09-22", "秋分の日" },
	{ "2014-05-06", "振替休日" },
	{ "2015-09-22", "国民の休日" },
	{ "2015-08-11", NULL },			/* 山の日 from 2016 */
	{ "2016-08-11", "山の日" },
	{ "2016-03-21", "振替休日" },
	{ "2018-12-23", "天皇誕生日" },
	{ "2018-12-24", "振替休日" },
	/* 2019: the accession. */
	{ "2019-02-23", NULL },
	{ "2019-04-29", "昭和の日" },
	{ "2019-04-30", "国民の休日" },
	{ "2019-05-01", "即位の日" },
	{ "2019-05-02", "国民の休日" },
	{ "2019-05-06", "振替休日" },
	{ "2019-08-12", "振替休日" },
	{ "2019-10-14", "体育の日" },
	{ "2019-10-22", "即位礼正殿の儀の行われる日" },
	{ "2019-11-04", "振替休日" },
	{ "2019-12-23", NULL },
	/* 2020 and 2021: the Olympic moves. */
	{ "2020-02-23", "天皇誕生日" },
	{ "2020-02-24", "振替休日" },
	{ "2020-07-20", NULL },
	{ "2020-07-23", "海の日" },
	{ "2020-07-24", "スポーツの日" },
	{ "2020-08-10", "山の日" },
	{ "2020-08-11", NULL },
	{ "2020-10-12", NULL },
	{ "2021-07-19", NULL },
	{ "2021-07-22", "海の日" },
	{ "2021-07-23", "スポーツの日" },
	{ "2021-08-08", "山の日" },
	{ "2021-08-09", "振替休日" },
	{ "2021-08-11", NULL },
	{ "2021-10-11", NULL },
	{ "2022-10-10", "スポーツの日" },
	{ "2023-01-02", "振替休日" },
	{ "2024-02-12", "振替休日" },
	{ "2024-05-06", "振替休日" },
	{ "2024-08-12", "振替休日" },
	{ "2024-09-22", "秋分の日" },
	{ "2024-09-23", "振替休日" },
	{ "2024-11-04", "振替休日" },
	/* The formula's last years. */
	{ "2099-03-20", "春分の日" },
	{ "2099-09-23", "秋分の日" },
	{ "2092-09-22", "秋分の日" },
};

static void
test_holiday_spots(void **state)
{
	const char	*name;
	size_t		 i;
	int		 r;

	(void)state;
	for (i = 0; i < sizeof spot_cases / sizeof spot_cases[0]; i++) {
		r = cal_holiday(&name, D(spot_cases[i].iso));
		if (spot_cases[i].name == NULL) {
			if (r != 0)
				fail_msg("%s: got %s, want no holiday",
				    spot_cases[i].iso, name);
		} else if (r != 1)
			fail_msg("%s: no holiday, want %s", spot_cases[i].iso,
			    spot_cases[i].name);
		else if (strcmp(name, spot_cases[i].name) != 0)
			fail_msg("%s: got %s, want %s", spot_cases[i].iso,
			    name, spot_cases[i].name);
	}
}

/* What the law says of every year in range, whatever the table says. */
static void
test_holiday_invariants(void **state)
{
	struct cal_holiday	 v[CAL_HOLIDAYS_MAX];
	const char		*name;
	size_t			 n, i;
	int			 y, w, count19;

	(void)state;
	for (y = CAL_HOLIDAY_MIN; y <= CAL_HOLIDAY_MAX; y++) {
		assert_int_equal(cal_holidays(v, &n, y), 0);
		assert_in_range(n, 12, 22);
		count19 = 0;
		for (i = 0; i < n; i++) {
			assert_int_equal(v[i].date.y, y);
			if (i > 0)
				assert_true(cal_cmp(v[i - 1].date,
				    v[i].date) < 0);
			w = cal_weekday(v[i].date);
			/* A substitute day follows a Sunday holiday run. */
			if (strcmp(v[i].name, "振替休日") == 0) {
				assert_int_not_equal(w, 0);
				assert_true(i > 0);
			}
			if (strcmp(v[i].name, "国民の休日") == 0) {
				assert_true(i > 0 && i + 1 < n);
				assert_int_equal(cal_days(v[i + 1].date) -
				    cal_days(v[i - 1].date), 2);
			}
			if (strcmp(v[i].name, "春分の日") == 0)
				assert_in_range(v[i].date.d, 19, 21);
			if (strcmp(v[i].name, "秋分の日") == 0)
				assert_in_range(v[i].date.d, 22, 24);
			assert_int_equal(cal_holiday(&name, v[i].date), 1);
			assert_string_equal(name, v[i].name);
			count19 += y == 2019;
		}
		if (y == 2019)
			assert_int_equal(count19, 22);
	}
	assert_int_equal(cal_holidays(v, &n, 1979), NC_EINVALID);
	assert_non_null(strstr(error_last(), "1980 to 2099"));
	assert_int_equal(cal_holidays(v, &n, 2100), NC_EINVALID);
	assert_int_equal(cal_holiday(&name, D("2100-01-01")), NC_EINVALID);
	assert_int_equal(cal_is_business_day(NULL, D("2100-01-04")),
	    NC_EINVALID);
}

/*
 * Business days.
 */

static const struct {
	const char	*from;
	long		 n;
	const char	*want;
} add_cases[] = {
	/* Golden Week 2026: 4-29 Wed, 5-2 .. 5-6 closed (5-6 振替休日). */
	{ "2026-04-28", 1, "2026-04-30" },
	{ "2026-04-30", 1, "2026-05-01" },
	{ "2026-05-01", 1, "2026-05-07" },
	{ "2026-05-07", -1, "2026-05-01" },
	{ "2026-05-03", 1, "2026-05-07" },
	{ "2026-05-03", -1, "2026-05-01" },
	{ "2026-04-27", 5, "2026-05-08" },
	{ "2026-05-08", -5, "2026-04-27" },
	{ "2026-05-07", -5, "2026-04-24" },
	/* Golden Week 2019: ten days off, 4-27 .. 5-6. */
	{ "2019-04-26", 1, "2019-05-07" },
	{ "2019-05-07", -1, "2019-04-26" },
	/* Year-end closure 29 December - 3 January. */
	{ "2026-12-28", 1, "2027-01-04" },
	{ "2027-01-04", -1, "2026-12-28" },
	{ "2026-12-25", 2, "2027-01-04" },
	{ "2027-12-28", 1, "2028-01-04" },	/* 1-4 Tuesday */
	{ "2028-12-28", 1, "2029-01-04" },
	{ "2029-12-28", 1, "2030-01-04" },	/* 12-28 Fri */
	{ "2030-12-27", 1, "2031-01-06" },	/* 1-4 Sat */
	/* Fiscal-year boundaries. */
	{ "2027-03-31", 1, "2027-04-01" },
	{ "2027-04-01", -1, "2027-03-31" },
	{ "2026-03-31", 1, "2026-04-01" },
	{ "2028-03-31", 1, "2028-04-03" },	/* Fri to Mon */
	{ "2029-03-30", 1, "2029-04-02" },
	/* Weekends, 国民の休日 and zero. */
	{ "2026-09-18", 1, "2026-09-24" },	/* 9-19 .. 9-23 closed */
	{ "2026-04-04", 0, "2026-04-04" },
	{ "2026-04-03", 0, "2026-04-03" },
	{ "2026-04-01", 20, "2026-04-30" },
	{ "2026-04-01", 250, "2027-04-14" },
};

static void
test_add_business_days(void **state)
{
	struct cal_date	out;
	size_t		i;
	long		count;
	char		what[64];

	(void)state;
	for (i = 0; i < sizeof add_cases / sizeof add_cases[0]; i++) {
		snprintf(what, sizeof what, "%s %+ld", add_cases[i].from,
		    add_cases[i].n);
		assert_int_equal(cal_add_business_days(&out, NULL,
		    D(add_cases[i].from), add_cases[i].n), 0);
		assert_date(out, add_cases[i].want, what);
		/* Counting back gives n. */
		assert_int_equal(cal_count_business_days(&count, NULL,
		    D(add_cases[i].from), out), 0);
		assert_int_equal(count, add_cases[i].n);
	}
	assert_int_equal(cal_next_business_day(&out, NULL, D("2026-12-28")),
	    0);
	assert_date(out, "2027-01-04", "next");
	assert_int_equal(cal_prev_business_day(&out, NULL, D("2026-05-07")),
	    0);
	assert_date(out, "2026-05-01", "prev");
	assert_int_equal(cal_add_business_days(&out, NULL, D("2099-12-28"),
	    1), NC_EINVALID);
}

/*
 * The formatter and the parser agree on their whole domain: every day
 * from 昭和元年 to 令和999年, long and short, formats and reads back as
 * itself; 1980-2099 through parse_date() too, as typed by people.
 */
static void
test_era_round_trip(void **state)
{
	struct cal_date	 d, back;
	char		 buf[CAL_FMT_MAX];
	long		 day, first, last;
	int		 style, days1980 = 0;

	(void)state;
	first = cal_days(D("1926-12-25"));
	last = cal_days(D("3017-12-31"));
	for (day = first; day <= last; day++) {
		d = cal_from_days(day);
		for (style = CAL_ERA_LONG; style <= CAL_ERA_SHORT; style++) {
			if (cal_format_era(buf, sizeof buf, d, style) != 0)
				fail_msg("%04d-%02d-%02d: %s", d.y, d.m, d.d,
				    error_last());
			if (cal_parse(&back, buf) != 0 || cal_cmp(d, back) != 0)
				fail_msg("%04d-%02d-%02d: '%s' does not read"
				    " back: %s", d.y, d.m, d.d, buf,
				    error_last());
			if (d.y < CAL_HOLIDAY_MIN || d.y > CAL_HOLIDAY_MAX)
				continue;
			if (parse_date(&back, buf) != 0 || cal_cmp(d, back))
				fail_msg("parse_date('%s'): %s", buf,
				    error_last());
			days1980++;
		}
	}
	/* 1980-01-01 .. 2099-12-31, twice. */
	assert_int_equal(days1980, 2 * (cal_days(D("2099-12-31")) -
	    cal_days(D("1980-01-01")) + 1));
	for (day = first - 400; day < first; day++)
		assert_int_equal(cal_format_era(buf, sizeof buf,
		    cal_from_days(day), CAL_ERA_LONG), NC_EINVALID);
	for (day = last + 1; day < last + 400; day++)
		assert_int_equal(cal_format_era(buf, sizeof buf,
		    cal_from_days(day), CAL_ERA_SHORT), NC_EINVALID);
}

/*
 * The stated rule, count(from, add(from, n)) == n, for every day of
 * several years (Golden Week 2019, every year-end closure, 国民の休日)
 * and every n in [-30, 30], open days and closed days alike, with and
 * without extra closures and openings.
 */
static void
test_business_day_rule(void **state)
{
	struct cal	*c;
	struct cal_date	 from, to;
	long		 day, n, got;
	int		 k;

	(void)state;
	assert_non_null(c = cal_new());
	assert_int_equal(cal_add_closure(c, D("2026-06-15"), "点検"), 0);
	assert_int_equal(cal_add_closure(c, D("2026-06-16"), "点検"), 0);
	assert_int_equal(cal_add_opening(c, D("2026-06-20"), "土曜開庁"), 0);
	assert_int_equal(cal_add_opening(c, D("2027-01-03"), "臨時窓口"), 0);
	for (k = 0; k < 2; k++) {
		for (day = cal_days(D("2018-12-01")); day <=
		    cal_days(D("2021-01-31")) || (day >= cal_days(D(
		    "2025-12-01")) && day <= cal_days(D("2028-01-31")));
		    day++) {
			if (day == cal_days(D("2021-01-31")) + 1)
				day = cal_days(D("2025-12-01"));
			from = cal_from_days(day);
			for (n = -30; n <= 30; n++) {
				assert_int_equal(cal_add_business_days(&to,
				    k ? c : NULL, from, n), 0);
				assert_int_equal(cal_count_business_days(&got,
				    k ? c : NULL, from, to), 0);
				if (got != n)
					fail_msg("from %04d-%02d-%02d %+ld"
					    " business days: %04d-%02d-%02d,"
					    " counted back %+ld", from.y,
					    from.m, from.d, n, to.y, to.m,
					    to.d, got);
			}
		}
	}
	cal_free(c);
}

/*
 * Long spans are counted from the weekdays and the days the weekday rule
 * may get wrong (issue 15): the same as asking about every day, with and
 * without extra closures and openings, forwards and backwards.
 */
static void
test_count_business_days_long(void **state)
{
	struct cal	*c;
	struct cal_date	 from, to;
	long		 a, b, z, want, got;
	int		 k, r;

	(void)state;
	assert_non_null(c = cal_new());
	assert_int_equal(cal_add_closure(c, D("2026-06-15"), "点検"), 0);
	assert_int_equal(cal_add_closure(c, D("2027-05-03"), "重複"), 0);
	assert_int_equal(cal_add_closure(c, D("2027-12-30"), "年末"), 0);
	assert_int_equal(cal_add_opening(c, D("2026-06-20"), "土曜開庁"), 0);
	assert_int_equal(cal_add_opening(c, D("2027-01-03"), "臨時窓口"), 0);
	assert_int_equal(cal_add_opening(c, D("2028-02-11"), "祝日開庁"), 0);
	for (k = 0; k < 2; k++) {
		for (a = cal_days(D("2025-12-20")); a <= cal_days(D(
		    "2026-01-10")); a++) {
			for (b = a + 25; b <= a + 1200; b += 37) {
				for (want = 0, z = a + 1; z <= b; z++) {
					r = cal_is_business_day(k ? c : NULL,
					    cal_from_days(z));
					assert_true(r >= 0);
					want += r;
				}
				from = cal_from_days(a);
				to = cal_from_days(b);
				assert_int_equal(cal_count_business_days(&got,
				    k ? c : NULL, from, to), 0);
				assert_int_equal(got, want);
				/* backwards: minus those in [to, from) */
				for (want = 0, z = a; z < b; z++)
					want += cal_is_business_day(k ? c :
					    NULL, cal_from_days(z));
				assert_int_equal(cal_count_business_days(&got,
				    k ? c : NULL, to, from), 0);
				assert_int_equal(got, -want);
			}
		}
	}
	cal_free(c);
}

static void
test_count_business_days(void **state)
{
	long	n;

	(void)state;
	assert_int_equal(cal_count_business_days(&n, NULL, D("2026-12-25"),
	    D("2027-01-05")), 0);
	assert_int_equal(n, 3);		/* 12-28, 1-4, 1-5 */
	assert_int_equal(cal_count_business_days(&n, NULL, D("2027-01-05"),
	    D("2026-12-25")), 0);
	assert_int_equal(n, -3);	/* 1-4, 12-28, 12-25 */
	/* From a closed day back: the day before 5-3 (Sunday) is 5-1. */
	assert_int_equal(cal_count_business_days(&n, NULL, D("2026-05-03"),
	    D("2026-05-01")), 0);
	assert_int_equal(n, -1);
	assert_int_equal(cal_count_business_days(&n, NULL, D("2026-12-31"),
	    D("2026-12-28")), 0);
	assert_int_equal(n, -1);
	assert_int_equal(cal_count_business_days(&n, NULL, D("2026-04-01"),
	    D("2026-04-01")), 0);
	assert_int_equal(n, 0);
	/* FY2026: 365 days - 104 weekend - 17 weekday holidays - 12-29..31. */
	assert_int_equal(cal_count_business_days(&n, NULL, D("2026-03-31"),
	    D("2027-03-31")), 0);
	assert_int_equal(n, 241);
	/* April 2026: 22 weekdays, 29th a holiday. */
	assert_int_equal(cal_count_business_days(&n, NULL, D("2026-03-31"),
	    D("2026-04-30")), 0);
	assert_int_equal(n, 21);
}

static void
test_closures(void **state)
{
	struct cal	*c;
	struct cal_date	 out;
	const char	*why;

	(void)state;
	cal_free(NULL);
	assert_non_null(c = cal_new());
	assert_int_equal(cal_add_closure(c, D("2026-12-28"), NULL), 0);
	assert_int_equal(cal_add_closure(c, D("2026-06-15"), "庁舎点検"), 0);
	assert_int_equal(cal_add_opening(c, D("2027-01-03"), "臨時窓口"), 0);
	assert_int_equal(cal_add_opening(c, D("2026-05-06"), NULL), 0);
	assert_int_equal(cal_add_closure(c, D("2026-06-15"), NULL),
	    NC_EINVALID);
	assert_non_null(strstr(error_last(), "2026-06-15 is listed twice"
	    " (as a closure both times)"));
	assert_int_equal(cal_add_opening(c, D("2026-06-15"), NULL),
	    NC_EINVALID);
	assert_non_null(strstr(error_last(), "2026-06-15 is listed twice"
	    " (as a closure and as an opening)"));
	assert_int_equal(cal_add_closure(c, D("2027-01-03"), NULL),
	    NC_EINVALID);
	assert_non_null(strstr(error_last(), "2027-01-03 is listed twice"
	    " (as an opening and as a closure)"));

	assert_int_equal(cal_closed_reason(&why, c, D("2026-12-28")), 1);
	assert_string_equal(why, "臨時閉庁");
	assert_int_equal(cal_closed_reason(&why, c, D("2026-06-15")), 1);
	assert_string_equal(why, "庁舎点検");
	assert_int_equal(cal_is_business_day(c, D("2027-01-03")), 1);
	assert_int_equal(cal_is_business_day(c, D("2026-05-06")), 1);
	assert_int_equal(cal_is_business_day(NULL, D("2026-05-06")), 0);

	assert_int_equal(cal_add_business_days(&out, c, D("2026-12-25"), 1),
	    0);
	assert_date(out, "2027-01-03", "opening on a Sunday in the closure");
	assert_int_equal(cal_add_business_days(&out, c, D("2026-05-01"), 1),
	    0);
	assert_date(out, "2026-05-06", "opening on a 振替休日");

	assert_int_equal(cal_closed_reason(&why, NULL, D("2026-05-06")), 1);
	assert_string_equal(why, "振替休日");
	assert_int_equal(cal_closed_reason(&why, NULL, D("2026-12-30")), 1);
	assert_string_equal(why, "年末年始");
	assert_int_equal(cal_closed_reason(&why, NULL, D("2027-01-01")), 1);
	assert_string_equal(why, "元日");
	assert_int_equal(cal_closed_reason(&why, NULL, D("2026-04-04")), 1);
	assert_string_equal(why, "土曜日");
	assert_int_equal(cal_closed_reason(&why, NULL, D("2026-04-05")), 1);
	assert_string_equal(why, "日曜日");
	assert_int_equal(cal_closed_reason(&why, NULL, D("2026-04-06")), 0);
	cal_free(c);
}

/*
 * The specification's deadlines.
 */

static const struct {
	const char	*kind;
	const char	*from;
	const char	*want;
} due_cases[] = {
	/* 4(3)ア(ウ)(エ): 10:00 one business day before. */
	{ "meeting", "2026-05-07", "2026-05-01 10:00" },
	{ "meeting", "2026-04-06", "2026-04-03 10:00" },
	{ "meeting", "2026-04-15", "2026-04-14 10:00" },
	{ "meeting", "2027-01-04", "2026-12-28 10:00" },
	{ "meeting", "2026-09-24", "2026-09-18 10:00" },
	{ "meeting", "2027-04-01", "2027-03-31 10:00" },
	/* 4(1)ア(イ)b: five business days after the request. */
	{ "procurement", "2026-04-01", "2026-04-08" },
	{ "procurement", "2026-04-24", "2026-05-07" },
	{ "procurement", "2026-12-24", "2027-01-06" },
	{ "procurement", "2026-05-03", "2026-05-13" },
	/* 4(3)ア(ア): 14 days, back to a business day. */
	{ "workplan", "2026-04-01", "2026-04-15" },
	{ "workplan", "2026-04-22", "2026-05-01" },	/* 5-6 振替休日 */
	{ "workplan", "2026-12-17", "2026-12-28" },	/* 12-31 closed */
	{ "workplan", "2026-04-04", "2026-04-17" },	/* 4-18 Saturday */
	{ "workplan", "2027-04-01", "2027-04-15" },
	/* 5(1): 15 calendar days. */
	{ "inspection", "2026-04-01", "2026-04-16" },
	{ "inspection", "2026-04-20", "2026-05-05" },
	{ "inspection", "2026-12-20", "2027-01-04" },
	{ "inspection", "2027-03-20", "2027-04-04" },
};

static void
test_due(void **state)
{
	struct cal_due		due;
	struct cal_date		d;
	enum cal_due_kind	kind;
	char			buf[CAL_FMT_MAX];
	size_t			i;

	(void)state;
	for (i = 0; i < sizeof due_cases / sizeof due_cases[0]; i++) {
		assert_int_equal(cal_due_kind_parse(&kind, due_cases[i].kind),
		    0);
		assert_string_equal(cal_due_kind_name(kind),
		    due_cases[i].kind);
		assert_int_equal(cal_due(&due, NULL, kind,
		    D(due_cases[i].from)), 0);
		assert_int_equal(cal_format_due(buf, sizeof buf, &due), 0);
		if (strcmp(buf, due_cases[i].want) != 0)
			fail_msg("%s %s: got %s, want %s", due_cases[i].kind,
			    due_cases[i].from, buf, due_cases[i].want);
	}
	/* The named functions say the same. */
	assert_int_equal(cal_due_meeting(&due, NULL, D("2026-05-07")), 0);
	assert_date(due.date, "2026-05-01", "meeting");
	assert_int_equal(due.hour, 10);
	assert_int_equal(due.minute, 0);
	assert_int_equal(cal_due_procurement(&d, NULL, D("2026-04-24")), 0);
	assert_date(d, "2026-05-07", "procurement");
	assert_int_equal(cal_due_workplan(&d, NULL, D("2026-04-22")), 0);
	assert_date(d, "2026-05-01", "workplan");
	assert_int_equal(cal_due_inspection(&d, D("2026-04-20")), 0);
	assert_date(d, "2026-05-05", "inspection");
	assert_int_equal(cal_due_kind_parse(&kind, "review"), NC_EINVALID);
	assert_non_null(strstr(error_last(), "unknown deadline kind 'review'"));
}

static void
test_due_with_closures(void **state)
{
	struct cal	*c;
	struct cal_due	 due;

	(void)state;
	assert_non_null(c = cal_new());
	assert_int_equal(cal_add_closure(c, D("2026-04-30"), NULL), 0);
	assert_int_equal(cal_due_meeting(&due, c, D("2026-05-01")), 0);
	assert_date(due.date, "2026-04-28", "meeting before a closure");
	assert_int_equal(cal_due(&due, c, CAL_DUE_WORKPLAN, D("2026-04-16")),
	    0);
	assert_date(due.date, "2026-04-28", "workplan onto a closure");
	assert_int_equal(due.hour, -1);
	cal_free(c);
}

/*
 * The closures file.
 */

static char	tmpdir[] = "/tmp/test_cal.XXXXXX";

static const char *
write_file(const char *name, const char *text)
{
	static char	path[256];
	FILE		*fp;

	snprintf(path, sizeof path, "%s/%s", tmpdir, name);
	if ((fp = fopen(path, "w")) == NULL)
		fail_msg("cannot write %s", path);
	fputs(text, fp);
	fclose(fp);
	return path;
}

static int
setup_dir(void **state)
{
	(void)state;
	return mkdtemp(tmpdir) == NULL ? -1 : 0;
}

static int
teardown_dir(void **state)
{
	char	cmd[300];

	(void)state;
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
	return system(cmd) == 0 ? 0 : -1;
}

static void
test_load_closures(void **state)
{
	struct cal	*c;
	struct diags	 d = DIAGS_INIT;
	const char	*path, *why;

	(void)state;
	path = write_file("ok.yaml",
	    "# 臨時閉庁と開庁\n"
	    "closures:\n"
	    "  - date: 2026-12-28\n"
	    "    name: 臨時閉庁\n"
	    "  - date: 2026-06-15\n"
	    "openings:\n"
	    "  - date: 2027-01-04\n"
	    "    name: 年始窓口\n"
	    "  - {date: 2026-05-06, name: 特別開庁}\n");
	assert_non_null(c = cal_new());
	if (cal_load_closures(c, path, NULL) != 0)
		fail_msg("%s", error_last());
	assert_int_equal(cal_closed_reason(&why, c, D("2026-12-28")), 1);
	assert_string_equal(why, "臨時閉庁");
	assert_int_equal(cal_closed_reason(&why, c, D("2026-06-15")), 1);
	assert_string_equal(why, "臨時閉庁");
	assert_int_equal(cal_is_business_day(c, D("2026-05-06")), 1);
	cal_free(c);

	/* Empty lists and an empty file are no extras. */
	path = write_file("empty.yaml", "closures:\nopenings: []\n");
	assert_non_null(c = cal_new());
	assert_int_equal(cal_load_closures(c, path, NULL), 0);
	cal_free(c);
	path = write_file("blank.yaml", "# nothing yet\n");
	assert_non_null(c = cal_new());
	assert_int_equal(cal_load_closures(c, path, NULL), 0);
	cal_free(c);

	assert_non_null(c = cal_new());
	assert_int_equal(cal_load_closures(c, "/nonexistent/closures.yaml",
	    NULL), NC_ENOTFOUND);
	cal_free(c);

	/* Every problem is reported, the first as the message. */
	path = write_file("bad.yaml",
	    "closures:\n"
	    "  - date: 2026-02-30\n"
	    "  - name: 日付なし\n"
	    "  - date: 2026-12-28\n"
	    "    note: x\n"
	    "openings: 2027-01-04\n"
	    "holidays: []\n");
	assert_non_null(c = cal_new());
	assert_int_equal(cal_load_closures(c, path, &d), NC_EINVALID);
	assert_non_null(strstr(error_last(), "bad.yaml': line 2, column 11:"
	    " cannot parse date '2026-02-30': day 30 out of range"));
	assert_int_equal(d.n, 5);
	assert_int_equal(d.v[1].line, 3);
	assert_non_null(strstr(d.v[1].msg, "missing date"));
	assert_int_equal(d.v[2].line, 5);
	assert_non_null(strstr(d.v[2].msg, "unknown key 'note'"));
	assert_int_equal(d.v[3].line, 6);
	assert_non_null(strstr(d.v[3].msg, "expected a list of dates"));
	assert_int_equal(d.v[4].line, 7);
	assert_non_null(strstr(d.v[4].msg, "unknown key 'holidays'"));
	/* Nothing of a bad file is applied. */
	assert_int_equal(cal_is_business_day(c, D("2026-12-28")), 1);
	diags_free(&d);
	cal_free(c);

	path = write_file("twice.yaml",
	    "closures:\n"
	    "  - date: 2026-12-28\n"
	    "openings:\n"
	    "  - date: 2026-12-28\n");
	assert_non_null(c = cal_new());
	assert_int_equal(cal_load_closures(c, path, NULL), NC_EINVALID);
	assert_non_null(strstr(error_last(), "line 4, column 11: date"
	    " 2026-12-28 is listed twice"));
	cal_free(c);

	path = write_file("list.yaml", "- 2026-12-28\n");
	assert_non_null(c = cal_new());
	assert_int_equal(cal_load_closures(c, path, NULL), NC_EINVALID);
	assert_non_null(strstr(error_last(), "line 1, column 1: expected a"
	    " mapping with closures and openings"));
	cal_free(c);

	path = write_file("syntax.yaml", "closures: [\n");
	assert_non_null(c = cal_new());
	assert_int_equal(cal_load_closures(c, path, NULL), NC_EINVALID);
	assert_non_null(strstr(error_last(), "syntax.yaml"));
	cal_free(c);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_day_numbers),
		cmocka_unit_test(test_parse),
		cmocka_unit_test(test_era_format),
		cmocka_unit_test(test_fiscal_year),
		cmocka_unit_test(test_holidays_2025_2035),
		cmocka_unit_test(test_holiday_spots),
		cmocka_unit_test(test_holiday_invariants),
		cmocka_unit_test(test_add_business_days),
		cmocka_unit_test(test_count_business_days),
		cmocka_unit_test(test_count_business_days_long),
		cmocka_unit_test(test_business_day_rule),
		cmocka_unit_test(test_era_round_trip),
		cmocka_unit_test(test_closures),
		cmocka_unit_test(test_due),
		cmocka_unit_test(test_due_with_closures),
		cmocka_unit_test_setup_teardown(test_load_closures, setup_dir,
		    teardown_dir),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
