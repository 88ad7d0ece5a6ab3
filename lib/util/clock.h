/*
 * The one clock.  Every "today" and "now" in the program comes from here,
 * so tests and documents prepared "as of" a date do not depend on the real
 * date: NERIMA_CIO_TODAY=YYYY-MM-DD (or YYYY-MM-DDTHH:MM, or with a space
 * for the T) fixes it; with a date alone the time is 00:00.
 */
#ifndef NCIO_CLOCK_H
#define NCIO_CLOCK_H

#include <time.h>

#define CLOCK_ENV	"NERIMA_CIO_TODAY"

/*
 * Check the variable: 0 when unset or well formed, NC_EINVALID with a
 * message naming the variable otherwise.  main() calls this once so a
 * typo is reported instead of silently using the real date.
 */
int	clock_check_env(void);
/* The local time now (or as fixed by the variable; a bad value is ignored). */
void	clock_now(struct tm *out);
/* Seconds since the epoch matching clock_now(). */
time_t	clock_time(void);
/* Room for clock_iso()'s text with the NUL. */
#define CLOCK_ISO_MAX	32
/* Now as a date-time with offset, "2026-06-10T14:05+09:00". */
void	clock_iso(char out[CLOCK_ISO_MAX]);

#endif
