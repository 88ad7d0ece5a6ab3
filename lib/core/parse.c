/*
 * Typed values as people type them: dates, times, fiscal years, integers.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cal.h"
#include "error.h"
#include "parse.h"
#include "text.h"

int
parse_fold(char *out, size_t size, const char *s)
{
	size_t		 len = strlen(s), i = 0, n = 0, k;
	uint32_t	 cp;

	if (len >= PARSE_INPUT_MAX)
		return error_set(NC_EINVALID, "'%.40s...' is too long "
		    "(more than %d bytes)", s, PARSE_INPUT_MAX - 1);
	if (!text_utf8_valid(s, len))
		return error_set(NC_EINVALID, "not valid UTF-8 text");
	while (i < len) {
		k = text_utf8_decode(&cp, s + i, len - i);
		if (n + 4 >= size)
			return error_set(NC_EINVALID, "'%s' is too long", s);
		if (cp >= 0xFF01 && cp <= 0xFF5E)
			out[n++] = (char)(cp - 0xFF01 + 0x21);
		else if (cp == 0x3000)
			out[n++] = ' ';
		else if (cp == 0x2212 || cp == 0x2010 || cp == 0x2011 ||
		    cp == 0x2013 || cp == 0x2015 || cp == 0x30FC)
			out[n++] = '-';	/* minus, hyphens, dashes, ー */
		else {
			memcpy(out + n, s + i, k);
			n += k;
		}
		i += k;
	}
	out[n] = '\0';
	/* Trim. */
	for (i = 0; out[i] == ' ' || out[i] == '\t'; i++)
		;
	memmove(out, out + i, n - i + 1);
	n -= i;
	while (n > 0 && (out[n - 1] == ' ' || out[n - 1] == '\t'))
		out[--n] = '\0';
	return 0;
}

static int
isdig(int c)
{
	return c >= '0' && c <= '9';
}

/* Up to maxd digits at *p; -1 when none. */
static long
digits(const char **p, int maxd)
{
	long	v = 0;
	int	n = 0;

	while (isdig((unsigned char)**p) && n < maxd) {
		v = v * 10 + (**p - '0');
		(*p)++;
		n++;
	}
	return n == 0 ? -1 : v;
}

static int
bad_date(const char *s)
{
	return error_set(NC_EINVALID, "'%s': expected a date such as "
	    "2026-04-10, 2026/4/10, 令和8年4月10日 or R8.4.10", s);
}

/* The Gregorian forms, with the end of the date in *end. */
static int
gregorian(struct cal_date *out, const char *s, const char **end)
{
	const char	*p = s;
	long		 y, m, d;
	char		 sep;

	if (strlen(s) >= 8 && isdig(s[0]) && isdig(s[7]) &&
	    strspn(s, "0123456789") == 8) {
		/* 20260410 */
		y = digits(&p, 4);
		m = digits(&p, 2);
		d = digits(&p, 2);
	} else {
		if ((y = digits(&p, 4)) < 0 || p - s != 4)
			return -1;
		sep = *p;
		if (sep != '-' && sep != '/' && sep != '.')
			return -1;
		p++;
		if ((m = digits(&p, 2)) < 0 || *p != sep)
			return -1;
		p++;
		if ((d = digits(&p, 2)) < 0)
			return -1;
	}
	out->y = (int)y;
	out->m = (int)m;
	out->d = (int)d;
	*end = p;
	return 0;
}

/*
 * The date at the start of t (already folded); *end is where it ended.
 * Era forms are handed to cal_parse_era() up to the first space or 'T'
 * that follows a digit or 日.
 */
static int
date_prefix(struct cal_date *out, const char *t, const char **end,
    const char *orig)
{
	char		 buf[PARSE_INPUT_MAX];
	const char	*p;
	size_t		 n;

	if (isdig((unsigned char)t[0])) {
		if (gregorian(out, t, end) != 0)
			return bad_date(orig);
	} else {
		/* The era part ends at 日, or at a space / T after a digit. */
		if ((p = strstr(t, "日")) != NULL)
			p += strlen("日");
		else {
			for (p = t; *p != '\0'; p++)
				if ((*p == ' ' || *p == 'T') && p > t &&
				    isdig((unsigned char)p[-1]))
					break;
		}
		n = (size_t)(p - t);
		memcpy(buf, t, n);
		buf[n] = '\0';
		/* R8/4/10 and R8-4-10 as R8.4.10 */
		if (n > 1 && (buf[0] | 0x20) >= 'a' && (buf[0] | 0x20) <= 'z')
			for (char *q = buf; *q != '\0'; q++)
				if (*q == '/' || *q == '-')
					*q = '.';
		if (cal_parse_era(out, buf) != 0)
			return error_set(NC_EINVALID, "'%s': %s", orig,
			    "expected a date such as 2026-04-10, 2026/4/10, "
			    "令和8年4月10日 or R8.4.10");
		*end = p;
	}
	if (!cal_date_valid(*out))
		return error_set(NC_EINVALID, "'%s' is not a date in the "
		    "calendar", orig);
	/* The calendar's range: holidays, and so deadlines, are known. */
	if (out->y < CAL_HOLIDAY_MIN || out->y > CAL_HOLIDAY_MAX)
		return error_set(NC_EINVALID, "'%s': dates run from %d to %d",
		    orig, CAL_HOLIDAY_MIN, CAL_HOLIDAY_MAX);
	return 0;
}

int
parse_date(struct cal_date *out, const char *s)
{
	char		 t[PARSE_INPUT_MAX];
	const char	*end;

	if (parse_fold(t, sizeof t, s) != 0)
		return NC_EINVALID;
	if (t[0] == '\0')
		return bad_date(s);
	if (date_prefix(out, t, &end, s) != 0)
		return NC_EINVALID;
	if (*end != '\0')
		return bad_date(s);
	return 0;
}

int
parse_datetime(struct cal_date *out, int *hour, int *min, const char *s,
    int time_optional)
{
	char		 t[PARSE_INPUT_MAX];
	const char	*p;
	long		 h, m;

	*hour = *min = -1;
	if (parse_fold(t, sizeof t, s) != 0)
		return NC_EINVALID;
	if (t[0] == '\0' || date_prefix(out, t, &p, s) != 0)
		return t[0] == '\0' ? bad_date(s) : NC_EINVALID;
	while (*p == ' ')
		p++;
	if (*p == 'T')
		p++;
	if (*p == '\0') {
		if (time_optional)
			return 0;
		return error_set(NC_EINVALID, "'%s': expected a date and a "
		    "time such as \"2026-06-10 14:05\"", s);
	}
	if ((h = digits(&p, 2)) < 0)
		goto bad;
	if (*p == ':')
		p++;
	else if (strncmp(p, "時", strlen("時")) == 0)
		p += strlen("時");
	else
		goto bad;
	if ((m = digits(&p, 2)) < 0) {
		if (*p != '\0')
			goto bad;
		m = 0;		/* 14時 */
	}
	if (strncmp(p, "分", strlen("分")) == 0)
		p += strlen("分");
	if (*p != '\0' || h > 23 || m > 59)
		goto bad;
	*hour = (int)h;
	*min = (int)m;
	return 0;
bad:
	return error_set(NC_EINVALID, "'%s': expected a time of day HH:MM "
	    "(00:00 to 23:59) after the date", s);
}

int
parse_fy(int *out, const char *s)
{
	char		 t[PARSE_INPUT_MAX], era[PARSE_INPUT_MAX + 16];
	const char	*p;
	struct cal_date	 d;
	long		 y;
	size_t		 n;

	if (parse_fold(t, sizeof t, s) != 0)
		return NC_EINVALID;
	p = t;
	if ((p[0] | 0x20) == 'f' && (p[1] | 0x20) == 'y')
		p += 2;
	if (isdig((unsigned char)*p)) {
		y = digits(&p, 5);
		if (strcmp(p, "年度") != 0 && *p != '\0')
			goto bad;
	} else if (*p != '\0') {
		/* 令和8年度, 令和8, R8: the era year's 4 April gives the FY. */
		n = strlen(p);
		if (n > strlen("年度") &&
		    strcmp(p + n - strlen("年度"), "年度") == 0)
			n -= strlen("年度");
		else if (n > strlen("年") &&
		    strcmp(p + n - strlen("年"), "年") == 0)
			n -= strlen("年");
		if ((p[0] | 0x20) >= 'a' && (p[0] | 0x20) <= 'z')
			snprintf(era, sizeof era, "%.*s.4.1", (int)n, p);
		else
			snprintf(era, sizeof era, "%.*s年4月1日", (int)n, p);
		if (cal_parse_era(&d, era) != 0) {
			/* 令和元年度 starts 2019-05-01: the era began in FY2019. */
			if (strncmp(p, "令和元", strlen("令和元")) == 0 ||
			    ((p[0] | 0x20) == 'r' && strcmp(p + 1, "1") == 0))
				d.y = 2019;
			else
				goto bad;
		}
		y = d.y;
	} else
		goto bad;
	if (y < CAL_HOLIDAY_MIN || y > CAL_HOLIDAY_MAX)
		return error_set(NC_EINVALID, "'%s': fiscal years run from %d "
		    "to %d", s, CAL_HOLIDAY_MIN, CAL_HOLIDAY_MAX);
	*out = (int)y;
	return 0;
bad:
	return error_set(NC_EINVALID, "'%s': expected a fiscal year such as "
	    "2026, FY2026 or 令和8年度", s);
}

int
parse_int(long long *out, const char *s, long long min, long long max)
{
	char		 t[PARSE_INPUT_MAX];
	const char	*p;
	long long	 v = 0;
	int		 neg = 0;

	if (parse_fold(t, sizeof t, s) != 0)
		return NC_EINVALID;
	p = t;
	if (*p == '-' || *p == '+')
		neg = *p++ == '-';
	if (!isdig((unsigned char)*p))
		goto bad;
	for (; isdig((unsigned char)*p); p++) {
		if (v > (999999999999999LL - (*p - '0')) / 10)
			goto range;
		v = v * 10 + (*p - '0');
	}
	if (*p != '\0')
		goto bad;
	if (neg)
		v = -v;
	if (v < min || v > max)
		goto range;
	*out = v;
	return 0;
range:
	return error_set(NC_EINVALID, "'%s': expected a whole number from "
	    "%lld to %lld", s, min, max);
bad:
	return error_set(NC_EINVALID, "'%s': expected a whole number", s);
}
