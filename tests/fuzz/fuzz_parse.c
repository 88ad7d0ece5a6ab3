/*
 * The typed input parsers (lib/core/parse.c, lib/core/amount.c): any bytes
 * give 0 with a valid value or an error with a message, never a crash, an
 * overrun or undefined behaviour; an accepted date is a calendar date and
 * formats back to a text the parser accepts again as the same date.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "amount.h"
#include "cal.h"
#include "error.h"
#include "parse.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct cal_date	 d, d2;
	char		*s, iso[CAL_FMT_MAX], era[CAL_FMT_MAX];
	long long	 v;
	int		 h, m, fy;

	if ((s = malloc(size + 1)) == NULL)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';
	if (parse_date(&d, s) == 0) {
		if (!cal_date_valid(d))
			abort();
		cal_format_iso(iso, sizeof iso, d);
		if (parse_date(&d2, iso) != 0 || cal_cmp(d, d2) != 0)
			abort();
		if (cal_format_era(era, sizeof era, d, CAL_ERA_LONG) == 0 &&
		    (parse_date(&d2, era) != 0 || cal_cmp(d, d2) != 0))
			abort();
	} else if (*error_last() == '\0')
		abort();
	if (parse_datetime(&d, &h, &m, s, 1) == 0 &&
	    (!cal_date_valid(d) || h > 23 || m > 59 || (h < 0) != (m < 0)))
		abort();
	if (parse_fy(&fy, s) == 0 && (fy < CAL_HOLIDAY_MIN ||
	    fy > CAL_HOLIDAY_MAX))
		abort();
	if (parse_int(&v, s, -1000, 1000) == 0 && (v < -1000 || v > 1000))
		abort();
	if (amount_parse(&v, s) == 0 && (v < 0 || v > AMOUNT_MAX))
		abort();
	free(s);
	return 0;
}
