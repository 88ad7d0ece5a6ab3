/*
 * Values as people type them on a command line or in a form: every date,
 * fiscal year and number option of every verb goes through these, so each
 * accepts the same forms.  Full-width digits and punctuation (２０２６－０４
 * －１０) are read as their ASCII forms first.
 */
#ifndef NCIO_PARSE_H
#define NCIO_PARSE_H

#include <stddef.h>

#include "cal.h"

/* Longest input the parsers look at; longer is refused, not truncated. */
#define PARSE_INPUT_MAX	256

/*
 * Fold full-width ASCII (U+FF01..U+FF5E) and the ideographic space to
 * ASCII, and trim spaces at both ends, into out (size bytes).  Other text
 * is copied as is.  NC_EINVALID when the text does not fit or is not
 * UTF-8.
 */
int	parse_fold(char *out, size_t size, const char *s);

/*
 * A date: 2026-04-10, 2026/4/10, 2026.4.10, 20260410, 令和8年4月10日,
 * 令和元年5月1日, R8.4.10, r8/4/10, H31.4.30; years CAL_HOLIDAY_MIN to
 * CAL_HOLIDAY_MAX (the calendar's range).
 */
int	parse_date(struct cal_date *out, const char *s);

/*
 * A date and a time of day: any date form above, then a space or "T",
 * then H:MM or HH:MM (24-hour; 時 and 分 accepted: 14時05分).  The time
 * is optional when time_optional is set (*hour = *min = -1 then).
 */
int	parse_datetime(struct cal_date *out, int *hour, int *min,
	    const char *s, int time_optional);

/*
 * A fiscal year: 2026, FY2026, 2026年度, 令和8年度, R8 (年度 optional
 * after an era year).  CAL_HOLIDAY_MIN..CAL_HOLIDAY_MAX.
 */
int	parse_fy(int *out, const char *s);

/* An integer in [min, max] (ASCII or full-width digits, an optional sign). */
int	parse_int(long long *out, const char *s, long long min, long long max);

#endif
