/*
 * The typed input parsers (lib/core/parse.c, lib/core/amount.c): any bytes
 * give 0 with a valid value or an error with a message, never a crash, an
 * overrun or undefined behaviour; an accepted date is a calendar date in
 * the calendar's range and formats back -- ISO, long and short era forms
 * -- to texts both parsers read as the same date; a date-time, a fiscal
 * year (as 令和8年度 and FY2026) and an amount (with commas) read back
 * from how they are written.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "amount.h"
#include "cal.h"
#include "error.h"
#include "parse.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static void
die(const char *what, const char *s)
{
	fprintf(stderr, "fuzz_parse: %s: '%s' (%s)\n", what, s, error_last());
	abort();
}

/* An accepted date reads back as itself from every form it is written in. */
static void
date_round_trip(struct cal_date d, const char *s)
{
	struct cal_date	 d2;
	char		 buf[CAL_FMT_MAX + 8];
	int		 style;

	if (!cal_date_valid(d) || d.y < CAL_HOLIDAY_MIN || d.y > CAL_HOLIDAY_MAX)
		die("a date outside the calendar accepted", s);
	cal_format_iso(buf, sizeof buf, d);
	if (parse_date(&d2, buf) != 0 || cal_cmp(d, d2) != 0)
		die("ISO form does not read back", s);
	for (style = CAL_ERA_LONG; style <= CAL_ERA_SHORT; style++) {
		if (cal_format_era(buf, sizeof buf, d, style) != 0)
			die("no era form for an accepted date", s);
		if (parse_date(&d2, buf) != 0 || cal_cmp(d, d2) != 0)
			die("era form does not read back", buf);
		if (cal_parse(&d2, buf) != 0 || cal_cmp(d, d2) != 0)
			die("cal_parse() refuses the era form", buf);
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct cal_date	 d, d2;
	char		*s, buf[64], label[CAL_FMT_MAX];
	long long	 v, v2;
	int		 h, m, h2, m2, fy, fy2;

	if ((s = malloc(size + 1)) == NULL)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';
	if (parse_date(&d, s) == 0)
		date_round_trip(d, s);
	else if (*error_last() == '\0')
		die("refused without a message", s);
	if (parse_datetime(&d, &h, &m, s, 1) == 0) {
		if (!cal_date_valid(d) || h > 23 || m > 59 || (h < 0) != (m < 0))
			die("a bad date-time accepted", s);
		date_round_trip(d, s);
		cal_format_iso(label, sizeof label, d);
		if (h >= 0)
			snprintf(buf, sizeof buf, "%s %02d:%02d", label, h, m);
		else
			snprintf(buf, sizeof buf, "%s", label);
		if (parse_datetime(&d2, &h2, &m2, buf, 1) != 0 ||
		    cal_cmp(d, d2) != 0 || h != h2 || m != m2)
			die("date-time does not read back", buf);
	}
	if (parse_fy(&fy, s) == 0) {
		if (fy < CAL_HOLIDAY_MIN || fy > CAL_HOLIDAY_MAX)
			die("a fiscal year outside the calendar accepted", s);
		/* 令和8年度 and FY2026 read back as the same year. */
		if (cal_fy_label(label, sizeof label, fy) != 0 ||
		    parse_fy(&fy2, label) != 0 || fy2 != fy)
			die("the fiscal-year label does not read back", s);
		snprintf(buf, sizeof buf, "FY%d", fy);
		if (parse_fy(&fy2, buf) != 0 || fy2 != fy)
			die("FYyyyy does not read back", s);
	}
	if (parse_int(&v, s, -1000, 1000) == 0 && (v < -1000 || v > 1000))
		die("an integer out of range accepted", s);
	if (amount_parse(&v, s) == 0) {
		if (v < 0 || v > AMOUNT_MAX)
			die("an amount out of range accepted", s);
		amount_format(buf, sizeof buf, v);
		if (amount_parse(&v2, buf) != 0 || v2 != v)
			die("the formatted amount does not read back", buf);
	}
	free(s);
	return 0;
}
