/*
 * The one clock, overridable by NERIMA_CIO_TODAY.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "clock.h"
#include "error.h"

static int
leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/* Parse the variable into tm (date, and hour and minute when given). */
static int
parse_env(const char *s, struct tm *tm)
{
	static const int	 mdays[] = { 31, 28, 31, 30, 31, 30, 31, 31,
				    30, 31, 30, 31 };
	int			 y, m, d, hh = 0, mm = 0, n = 0;
	size_t			 len = strlen(s);

	if (len == 10) {
		if (sscanf(s, "%4d-%2d-%2d%n", &y, &m, &d, &n) != 3)
			return -1;
	} else if (len == 16 && (s[10] == 'T' || s[10] == ' ')) {
		if (sscanf(s, "%4d-%2d-%2d%*c%2d:%2d%n", &y, &m, &d, &hh, &mm,
		    &n) != 5)
			return -1;
	} else
		return -1;
	if ((size_t)n != len || s[4] != '-' || s[7] != '-')
		return -1;
	if (y < 1900 || y > 9999 || m < 1 || m > 12 || d < 1 ||
	    d > mdays[m - 1] + (m == 2 && leap(y)) || hh > 23 || mm > 59 ||
	    hh < 0 || mm < 0)
		return -1;
	memset(tm, 0, sizeof *tm);
	tm->tm_year = y - 1900;
	tm->tm_mon = m - 1;
	tm->tm_mday = d;
	tm->tm_hour = hh;
	tm->tm_min = mm;
	tm->tm_isdst = -1;
	return 0;
}

int
clock_check_env(void)
{
	const char	*s = getenv(CLOCK_ENV);
	struct tm	 tm;

	if (s == NULL || *s == '\0')
		return 0;
	if (parse_env(s, &tm) != 0)
		return error_set(NC_EINVALID, "%s: expected YYYY-MM-DD or "
		    "YYYY-MM-DDTHH:MM, found '%s'", CLOCK_ENV, s);
	return 0;
}

void
clock_now(struct tm *out)
{
	const char	*s = getenv(CLOCK_ENV);
	time_t		 t;

	if (s != NULL && *s != '\0' && parse_env(s, out) == 0) {
		/* Fill in the weekday and day of the year. */
		t = mktime(out);
		if (t != (time_t)-1)
			localtime_r(&t, out);
		return;
	}
	t = time(NULL);
	localtime_r(&t, out);
}

time_t
clock_time(void)
{
	struct tm	tm;

	clock_now(&tm);
	return mktime(&tm);
}

void
clock_iso(char out[CLOCK_ISO_MAX])
{
	struct tm	tm;
	char		z[8];
	size_t		n;

	clock_now(&tm);
	n = strftime(out, CLOCK_ISO_MAX, "%Y-%m-%dT%H:%M", &tm);
	strftime(z, sizeof z, "%z", &tm);
	/* +0900 -> +09:00, as RFC 3339 (and the schemas' date-time) wants */
	if (strlen(z) == 5)
		snprintf(out + n, CLOCK_ISO_MAX - n, "%.3s:%s", z, z + 3);
}
