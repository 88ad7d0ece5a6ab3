/*
 * Calendar: dates, eras, fiscal years, national holidays, business days
 * and the specification's deadlines.  See cal.h; the closures file reader
 * is in closures.c so that the calendar does not need the YAML reader.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cal.h"
#include "clock.h"
#include "error.h"

/* How much of a bad input to quote back in a message. */
#define QUOTE_MAX	64

static const char *const month_names[] = {
	"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December",
};

int
cal_days_in_month(int y, int m)
{
	static const int	days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30,
				    31, 30, 31 };
	int			leap;

	if (m < 1 || m > 12)
		return 0;
	leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	return days[m - 1] + (m == 2 && leap);
}

/*
 * The months of fiscal year fy completed by d, its month counted when d
 * is the month's last day: 6 on 4 October, 7 on 31 October, 0 in April
 * before its 30th; 0 to 12.  The share of a year's expectation a work
 * report compares with (経過6か月分).
 */
int
cal_fy_months(int fy, struct cal_date d)
{
	int	m = (d.y - fy) * 12 + d.m - 3;

	if (d.d < cal_days_in_month(d.y, d.m))
		m--;
	return m < 0 ? 0 : m > 12 ? 12 : m;
}

static int
invalid_date(struct cal_date d)
{
	return error_set(NC_EINVALID, "invalid date %04d-%02d-%02d", d.y, d.m,
	    d.d);
}

int
cal_date_valid(struct cal_date d)
{
	return d.y >= 1 && d.y <= 9999 && d.m >= 1 && d.m <= 12 && d.d >= 1 &&
	    d.d <= cal_days_in_month(d.y, d.m);
}

/* Howard Hinnant's days_from_civil, proleptic Gregorian. */
long
cal_days(struct cal_date d)
{
	long	y, era, yoe, doy, doe;

	y = d.y - (d.m <= 2);
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (d.m + (d.m > 2 ? -3 : 9)) + 2) / 5 + d.d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

struct cal_date
cal_from_days(long z)
{
	struct cal_date	r;
	long		era, doe, yoe, y, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	y = yoe + era * 400;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	r.d = (int)(doy - (153 * mp + 2) / 5 + 1);
	r.m = (int)(mp < 10 ? mp + 3 : mp - 9);
	r.y = (int)(y + (r.m <= 2));
	return r;
}

struct cal_date
cal_add_days(struct cal_date d, long n)
{
	return cal_from_days(cal_days(d) + n);
}

int
cal_weekday(struct cal_date d)
{
	long	w;

	/* 1970-01-01 was a Thursday. */
	w = (cal_days(d) + 4) % 7;
	return (int)(w < 0 ? w + 7 : w);
}

int
cal_cmp(struct cal_date a, struct cal_date b)
{
	if (a.y != b.y)
		return a.y < b.y ? -1 : 1;
	if (a.m != b.m)
		return a.m < b.m ? -1 : 1;
	if (a.d != b.d)
		return a.d < b.d ? -1 : 1;
	return 0;
}

struct cal_date
cal_today(void)
{
	struct tm	tm;
	struct cal_date	d;

	clock_now(&tm);
	d.y = tm.tm_year + 1900;
	d.m = tm.tm_mon + 1;
	d.d = tm.tm_mday;
	return d;
}

int
cal_format_iso(char *out, size_t size, struct cal_date d)
{
	int	n;

	if (!cal_date_valid(d))
		return invalid_date(d);
	n = snprintf(out, size, "%04d-%02d-%02d", d.y, d.m, d.d);
	if (n < 0 || (size_t)n >= size)
		return error_set(NC_EINVALID, "no room to format a date");
	return 0;
}

/*
 * Parsing.
 */

static int
parse_error(const char *s, const char *fmt, const char *detail)
{
	char	msg[256];

	snprintf(msg, sizeof msg, fmt, detail);
	return error_set(NC_EINVALID, "cannot parse date '%.*s%s': %s",
	    QUOTE_MAX, s, strlen(s) > QUOTE_MAX ? "..." : "", msg);
}

/* Month and day against the calendar, after the year is known. */
static int
check_month_day(const char *s, struct cal_date d)
{
	char	detail[128];

	if (d.m < 1 || d.m > 12) {
		snprintf(detail, sizeof detail, "month %d out of range (1-12)",
		    d.m);
		return parse_error(s, "%s", detail);
	}
	if (d.d < 1 || d.d > cal_days_in_month(d.y, d.m)) {
		snprintf(detail, sizeof detail,
		    "day %d out of range for %s %d (1-%d)", d.d,
		    month_names[d.m - 1], d.y, cal_days_in_month(d.y, d.m));
		return parse_error(s, "%s", detail);
	}
	return 0;
}

static int
isdigit_ascii(int c)
{
	return c >= '0' && c <= '9';
}

int
cal_parse_iso(struct cal_date *out, const char *s)
{
	static const char	shape[] = "dddd-dd-dd";
	struct cal_date		d;
	size_t			i;
	int			r;

	if (*s == '\0')
		return parse_error(s, "%s", "expected YYYY-MM-DD");
	for (i = 0; shape[i] != '\0'; i++) {
		if (shape[i] == 'd' ? !isdigit_ascii((unsigned char)s[i]) :
		    s[i] != shape[i])
			return parse_error(s, "%s", s[i] == '\0' ?
			    "too short, expected YYYY-MM-DD" :
			    "expected YYYY-MM-DD");
	}
	if (s[i] != '\0')
		return parse_error(s, "%s",
		    "unexpected text after YYYY-MM-DD");
	d.y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 +
	    (s[3] - '0');
	d.m = (s[5] - '0') * 10 + (s[6] - '0');
	d.d = (s[8] - '0') * 10 + (s[9] - '0');
	if (d.y == 0)
		return parse_error(s, "%s", "year 0000 does not exist");
	if ((r = check_month_day(s, d)) != 0)
		return r;
	*out = d;
	return 0;
}

struct era {
	const char	*name;
	char		 abbr;
	struct cal_date	 start;
	struct cal_date	 end;
};

/*
 * Newest first: formatting takes the first era that has begun.  An era
 * year has at most three digits (read_number() in the parsers), so 令和
 * is written and read up to 令和999年12月31日; formatter and parser agree.
 */
#define ERA_YEAR_MAX	999
static const struct era eras[] = {
	{ "令和", 'R', { 2019, 5, 1 }, { 2018 + ERA_YEAR_MAX, 12, 31 } },
	{ "平成", 'H', { 1989, 1, 8 }, { 2019, 4, 30 } },
	{ "昭和", 'S', { 1926, 12, 25 }, { 1989, 1, 7 } },
};
#define NERAS	(sizeof eras / sizeof eras[0])

/* Skip ASCII spaces and the ideographic space U+3000. */
static const char *
skip_space(const char *p)
{
	for (;;) {
		if (*p == ' ')
			p++;
		else if (strncmp(p, "\xe3\x80\x80", 3) == 0)
			p += 3;
		else
			return p;
	}
}

/*
 * A number of up to four digits, ASCII or full-width (U+FF10..U+FF19),
 * mixed as people do type them.  0 digits read means no number here.
 */
static const char *
read_number(const char *p, int *out, int *ndigits)
{
	const unsigned char	*u;
	int			 v = 0, n = 0;

	for (;;) {
		u = (const unsigned char *)p;
		if (isdigit_ascii(u[0])) {
			v = v * 10 + (u[0] - '0');
			p++;
		} else if (u[0] == 0xef && u[1] == 0xbc && u[2] >= 0x90 &&
		    u[2] <= 0x99) {
			v = v * 10 + (u[2] - 0x90);
			p += 3;
		} else
			break;
		if (++n > 4)
			break;
	}
	*out = v;
	*ndigits = n;
	return p;
}

static int
match(const char **p, const char *word)
{
	size_t	len = strlen(word);

	if (strncmp(*p, word, len) != 0)
		return 0;
	*p += len;
	return 1;
}

#define ERA_EXPECTED	"expected an era date such as 令和8年4月1日 or R8.4.1"

/* The era year, then month and day, against the era's span. */
static int
era_date(struct cal_date *out, const char *s, const struct era *e, int ey,
    int m, int dd)
{
	struct cal_date	d;
	char		detail[160], a[CAL_FMT_MAX], b[CAL_FMT_MAX];
	int		r;

	if (ey == 0) {
		snprintf(detail, sizeof detail,
		    "there is no year 0 of %s (the first year is 元年)",
		    e->name);
		return parse_error(s, "%s", detail);
	}
	d.y = e->start.y + ey - 1;
	d.m = m;
	d.d = dd;
	if (d.y > 9999)
		return parse_error(s, "%s", "year out of range");
	if ((r = check_month_day(s, d)) != 0)
		return r;
	if (cal_cmp(d, e->start) < 0) {
		cal_format_iso(a, sizeof a, e->start);
		cal_format_era(b, sizeof b, e->start, CAL_ERA_LONG);
		snprintf(detail, sizeof detail, "%s began on %s (%s)",
		    e->name, a, b);
		return parse_error(s, "%s", detail);
	}
	if (cal_cmp(d, e->end) > 0) {
		cal_format_iso(a, sizeof a, e->end);
		cal_format_era(b, sizeof b, e->end, CAL_ERA_LONG);
		snprintf(detail, sizeof detail, "%s ended on %s (%s)",
		    e->name, a, b);
		return parse_error(s, "%s", detail);
	}
	*out = d;
	return 0;
}

static int
parse_era_long(struct cal_date *out, const char *s, const struct era *e,
    const char *p)
{
	int	ey, m, d, n;

	p = skip_space(p);
	if (match(&p, "元")) {
		ey = 1;
	} else {
		p = read_number(p, &ey, &n);
		if (n == 0 || n > 3)
			return parse_error(s, "%s", ERA_EXPECTED);
	}
	p = skip_space(p);
	if (!match(&p, "年"))
		return parse_error(s, "%s", ERA_EXPECTED);
	p = read_number(skip_space(p), &m, &n);
	if (n == 0 || n > 2)
		return parse_error(s, "%s", ERA_EXPECTED);
	p = skip_space(p);
	if (!match(&p, "月"))
		return parse_error(s, "%s", ERA_EXPECTED);
	p = read_number(skip_space(p), &d, &n);
	if (n == 0 || n > 2)
		return parse_error(s, "%s", ERA_EXPECTED);
	p = skip_space(p);
	if (!match(&p, "日"))
		return parse_error(s, "%s", ERA_EXPECTED);
	if (*p != '\0')
		return parse_error(s, "%s", "unexpected text after the date");
	return era_date(out, s, e, ey, m, d);
}

static int
parse_era_short(struct cal_date *out, const char *s, const struct era *e,
    const char *p)
{
	int	v[3], i, n;

	for (i = 0; i < 3; i++) {
		if (i > 0 && !match(&p, "."))
			return parse_error(s, "%s", ERA_EXPECTED);
		p = read_number(p, &v[i], &n);
		if (n == 0 || n > (i == 0 ? 3 : 2))
			return parse_error(s, "%s", ERA_EXPECTED);
	}
	if (*p != '\0')
		return parse_error(s, "%s", "unexpected text after the date");
	return era_date(out, s, e, v[0], v[1], v[2]);
}

int
cal_parse_era(struct cal_date *out, const char *s)
{
	const char	*p;
	size_t		 i;

	for (i = 0; i < NERAS; i++) {
		p = s;
		if (match(&p, eras[i].name))
			return parse_era_long(out, s, &eras[i], p);
		if (s[0] == eras[i].abbr ||
		    s[0] == eras[i].abbr - 'A' + 'a')
			return parse_era_short(out, s, &eras[i], s + 1);
	}
	return parse_error(s, "%s", *s == '\0' ?
	    "expected YYYY-MM-DD or an era date such as 令和8年4月1日" :
	    "expected YYYY-MM-DD or an era date such as 令和8年4月1日 or"
	    " R8.4.1");
}

int
cal_parse(struct cal_date *out, const char *s)
{
	if (isdigit_ascii((unsigned char)s[0]))
		return cal_parse_iso(out, s);
	return cal_parse_era(out, s);
}

/*
 * Eras and fiscal years.
 */

int
cal_format_era(char *out, size_t size, struct cal_date d,
    enum cal_era_style style)
{
	const struct era	*e;
	size_t			 i;
	int			 ey, n;
	char			 year[16];

	if (!cal_date_valid(d))
		return invalid_date(d);
	for (i = 0; i < NERAS; i++) {
		if (cal_cmp(d, eras[i].start) >= 0)
			break;
	}
	if (i == NERAS)
		return error_set(NC_EINVALID, "no era form for %04d-%02d-%02d:"
		    " dates before 1926-12-25 (昭和元年) are not supported",
		    d.y, d.m, d.d);
	e = &eras[i];
	if (cal_cmp(d, e->end) > 0)
		return error_set(NC_EINVALID, "no era form for %04d-%02d-%02d:"
		    " dates after %04d-%02d-%02d (%s%d年) are not supported",
		    d.y, d.m, d.d, e->end.y, e->end.m, e->end.d, e->name,
		    ERA_YEAR_MAX);
	ey = d.y - e->start.y + 1;
	if (style == CAL_ERA_SHORT)
		n = snprintf(out, size, "%c%d.%d.%d", e->abbr, ey, d.m, d.d);
	else {
		if (ey == 1)
			snprintf(year, sizeof year, "元");
		else
			snprintf(year, sizeof year, "%d", ey);
		n = snprintf(out, size, "%s%s年%d月%d日", e->name, year, d.m,
		    d.d);
	}
	if (n < 0 || (size_t)n >= size)
		return error_set(NC_EINVALID, "no room to format a date");
	return 0;
}

int
cal_fy(struct cal_date d)
{
	return d.m >= 4 ? d.y : d.y - 1;
}

void
cal_fy_bounds(struct cal_date *start, struct cal_date *end, int fy)
{
	start->y = fy;
	start->m = 4;
	start->d = 1;
	end->y = fy + 1;
	end->m = 3;
	end->d = 31;
}

/*
 * A fiscal year takes the era of its calendar year once that era has begun
 * that year: FY2019 (from April 2019, under 平成 until 30 April) is
 * 令和元年度, and FY1988 is 昭和63年度.
 */
int
cal_fy_label(char *out, size_t size, int fy)
{
	const struct era	*e;
	size_t			 i;
	int			 ey, n;

	if (fy < 1927 || fy > 2018 + ERA_YEAR_MAX)
		return error_set(NC_EINVALID, "no era label for fiscal year %d"
		    " (supported from 1927, 昭和2年度, to %d, 令和%d年度)", fy,
		    2018 + ERA_YEAR_MAX, ERA_YEAR_MAX);
	for (i = 0; i < NERAS; i++) {
		if (eras[i].start.y <= fy)
			break;
	}
	e = &eras[i];
	ey = fy - e->start.y + 1;
	if (ey == 1)
		n = snprintf(out, size, "%s元年度", e->name);
	else
		n = snprintf(out, size, "%s%d年度", e->name, ey);
	if (n < 0 || (size_t)n >= size)
		return error_set(NC_EINVALID, "no room to format a label");
	return 0;
}

/*
 * National holidays: 国民の祝日に関する法律 (1948) as amended, with the
 * special laws for single days.  Each rule below says since when it holds.
 */

struct hlist {
	struct cal_holiday	 v[CAL_HOLIDAYS_MAX];
	/* Counts as a 国民の祝日 for the substitute and citizens' rules. */
	unsigned char		 law[CAL_HOLIDAYS_MAX];
	size_t			 n;
};

static void
hadd(struct hlist *h, int y, int m, int d, const char *name, int law)
{
	/* Never full: no year has more than 22 (test_cal checks them all). */
	if (h->n == CAL_HOLIDAYS_MAX)
		return;
	h->v[h->n].date.y = y;
	h->v[h->n].date.m = m;
	h->v[h->n].date.d = d;
	h->v[h->n].name = name;
	h->law[h->n] = (unsigned char)law;
	h->n++;
}

/* Day of month of the n-th Monday (ハッピーマンデー). */
static int
nth_monday(int y, int m, int n)
{
	struct cal_date	first = { y, m, 1 };
	int		w = cal_weekday(first);

	return 1 + (8 - w) % 7 + 7 * (n - 1);
}

/*
 * The equinox days by the formula used for the almanac (暦要項) estimates,
 * valid 1980-2099; in units of 1e-6 day so it is exact integer arithmetic:
 * int(20.8431 + 0.242194 (y - 1980) - int((y - 1980) / 4)).
 */
static int
vernal_equinox(int y)
{
	return (int)((20843100L + 242194L * (y - 1980)) / 1000000L -
	    (y - 1980) / 4);
}

static int
autumnal_equinox(int y)
{
	return (int)((23248800L + 242194L * (y - 1980)) / 1000000L -
	    (y - 1980) / 4);
}

static void
sort_holidays(struct hlist *h)
{
	struct cal_holiday	t;
	unsigned char		l;
	size_t			i, j;

	for (i = 1; i < h->n; i++) {
		for (j = i; j > 0 && cal_cmp(h->v[j - 1].date,
		    h->v[j].date) > 0; j--) {
			t = h->v[j];
			h->v[j] = h->v[j - 1];
			h->v[j - 1] = t;
			l = h->law[j];
			h->law[j] = h->law[j - 1];
			h->law[j - 1] = l;
		}
	}
}

static int
hfind(const struct hlist *h, struct cal_date d)
{
	size_t	i;

	for (i = 0; i < h->n; i++) {
		if (cal_cmp(h->v[i].date, d) == 0)
			return (int)i;
	}
	return -1;
}

static int
is_law_holiday(const struct hlist *h, struct cal_date d)
{
	int	i = hfind(h, d);

	return i >= 0 && h->law[i];
}

/* The days named by the law and the special laws. */
static void
named_days(struct hlist *h, int y)
{
	/* 元日, since 1948. */
	hadd(h, y, 1, 1, "元日", 1);
	/* 成人の日: 15 January, the second Monday from 2000. */
	hadd(h, y, 1, y >= 2000 ? nth_monday(y, 1, 2) : 15, "成人の日", 1);
	/* 建国記念の日, since 1967. */
	hadd(h, y, 2, 11, "建国記念の日", 1);
	/*
	 * 天皇誕生日: 29 April (昭和) to 1988, 23 December (平成) 1989-2018,
	 * none in 2019, 23 February (令和) from 2020.
	 */
	if (y >= 2020)
		hadd(h, y, 2, 23, "天皇誕生日", 1);
	hadd(h, y, 3, vernal_equinox(y), "春分の日", 1);
	/* 29 April: 天皇誕生日, みどりの日 1989-2006, 昭和の日 from 2007. */
	hadd(h, y, 4, 29, y <= 1988 ? "天皇誕生日" : y <= 2006 ?
	    "みどりの日" : "昭和の日", 1);
	hadd(h, y, 5, 3, "憲法記念日", 1);
	/* みどりの日 moved to 4 May in 2007 (before, a 国民の休日). */
	if (y >= 2007)
		hadd(h, y, 5, 4, "みどりの日", 1);
	hadd(h, y, 5, 5, "こどもの日", 1);
	/*
	 * 海の日: 20 July 1996-2002, the third Monday from 2003; moved for
	 * the Tokyo Olympics by the special measures law (2020: 23 July,
	 * 2021: 22 July).
	 */
	if (y == 2020)
		hadd(h, y, 7, 23, "海の日", 1);
	else if (y == 2021)
		hadd(h, y, 7, 22, "海の日", 1);
	else if (y >= 2003)
		hadd(h, y, 7, nth_monday(y, 7, 3), "海の日", 1);
	else if (y >= 1996)
		hadd(h, y, 7, 20, "海の日", 1);
	/* 山の日: 11 August from 2016; 2020: 10 August, 2021: 8 August. */
	if (y == 2020)
		hadd(h, y, 8, 10, "山の日", 1);
	else if (y == 2021)
		hadd(h, y, 8, 8, "山の日", 1);
	else if (y >= 2016)
		hadd(h, y, 8, 11, "山の日", 1);
	/* 敬老の日: 15 September, the third Monday from 2003. */
	hadd(h, y, 9, y >= 2003 ? nth_monday(y, 9, 3) : 15, "敬老の日", 1);
	hadd(h, y, 9, autumnal_equinox(y), "秋分の日", 1);
	/*
	 * 体育の日: 10 October, the second Monday from 2000; renamed
	 * スポーツの日 in 2020, moved for the Olympics (2020: 24 July,
	 * 2021: 23 July).
	 */
	if (y == 2020)
		hadd(h, y, 7, 24, "スポーツの日", 1);
	else if (y == 2021)
		hadd(h, y, 7, 23, "スポーツの日", 1);
	else
		hadd(h, y, 10, y >= 2000 ? nth_monday(y, 10, 2) : 10,
		    y >= 2020 ? "スポーツの日" : "体育の日", 1);
	hadd(h, y, 11, 3, "文化の日", 1);
	hadd(h, y, 11, 23, "勤労感謝の日", 1);
	if (y >= 1989 && y <= 2018)
		hadd(h, y, 12, 23, "天皇誕生日", 1);

	/*
	 * Days off by special laws.  The 2019 ones count as 国民の祝日 for the
	 * law's rules (which made 30 April and 2 May 国民の休日); the earlier
	 * ones were plain days off.
	 */
	if (y == 1989)
		hadd(h, y, 2, 24, "昭和天皇の大喪の礼", 0);
	if (y == 1990)
		hadd(h, y, 11, 12, "即位礼正殿の儀", 0);
	if (y == 1993)
		hadd(h, y, 6, 9, "皇太子徳仁親王の結婚の儀", 0);
	if (y == 2019) {
		hadd(h, y, 5, 1, "即位の日", 1);
		hadd(h, y, 10, 22, "即位礼正殿の儀の行われる日", 1);
	}
}

/*
 * 振替休日 (art. 3(2)): until 2006 the Monday after a Sunday holiday; from
 * 2007 the first day after it that is not a 国民の祝日.
 */
static void
substitute_days(struct hlist *h, int y)
{
	struct cal_date	d;
	size_t		i, n = h->n;

	for (i = 0; i < n; i++) {
		if (!h->law[i] || cal_weekday(h->v[i].date) != 0)
			continue;
		d = cal_add_days(h->v[i].date, 1);
		if (y >= 2007) {
			while (is_law_holiday(h, d))
				d = cal_add_days(d, 1);
		} else if (hfind(h, d) >= 0)
			continue;
		hadd(h, d.y, d.m, d.d, "振替休日", 0);
	}
}

/*
 * 国民の休日 (art. 3(3), from 1985-12-27): a day whose day before and day
 * after are both 国民の祝日 and that is not one itself.  Until 2006 a
 * Sunday or a 振替休日 was excluded; from 2007 only a 国民の祝日 is.
 */
static void
citizens_days(struct hlist *h, int y)
{
	struct cal_date	d;
	size_t		i, n = h->n;

	if (y < 1986)
		return;
	for (i = 0; i < n; i++) {
		if (!h->law[i])
			continue;
		d = cal_add_days(h->v[i].date, 1);
		if (d.y != y || hfind(h, d) >= 0)
			continue;
		if (!is_law_holiday(h, cal_add_days(d, 1)))
			continue;
		if (y < 2007 && cal_weekday(d) == 0)
			continue;
		hadd(h, d.y, d.m, d.d, "国民の休日", 0);
	}
}

static int
holiday_range(int y)
{
	if (y < CAL_HOLIDAY_MIN || y > CAL_HOLIDAY_MAX)
		return error_set(NC_EINVALID, "national holidays are known for"
		    " %d to %d only, not for %d", CAL_HOLIDAY_MIN,
		    CAL_HOLIDAY_MAX, y);
	return 0;
}

static int
year_holidays(struct hlist *h, int y)
{
	int	r;

	if ((r = holiday_range(y)) != 0)
		return r;
	h->n = 0;
	named_days(h, y);
	sort_holidays(h);
	substitute_days(h, y);
	citizens_days(h, y);
	sort_holidays(h);
	return 0;
}

int
cal_holidays(struct cal_holiday *out, size_t *nout, int year)
{
	struct hlist	h;
	int		r;

	if ((r = year_holidays(&h, year)) != 0)
		return r;
	memcpy(out, h.v, h.n * sizeof *out);
	*nout = h.n;
	return 0;
}

/*
 * The holidays of the year last asked for: business-day arithmetic asks
 * about one day after another, mostly in the same year.
 */
int
cal_holiday(const char **out, struct cal_date d)
{
	static struct hlist	h;
	static int		hyear;
	int			r, i;

	if (hyear != d.y) {
		hyear = 0;
		if ((r = year_holidays(&h, d.y)) != 0)
			return r;
		hyear = d.y;
	}
	if ((i = hfind(&h, d)) < 0)
		return 0;
	*out = h.v[i].name;
	return 1;
}

/*
 * Extra closures and openings.  A data directory lists a few a year, so a
 * plain array is enough.
 */

struct cal_extra {
	struct cal_date	 date;
	char		*name;
	int		 open;		/* an opening, not a closure */
};

struct cal {
	struct cal_extra	*v;
	size_t			 n;
	size_t			 cap;
};

struct cal *
cal_new(void)
{
	struct cal	*c;

	if ((c = calloc(1, sizeof *c)) == NULL)
		error_sys(NC_ENOMEM, "cannot allocate a calendar");
	return c;
}

void
cal_free(struct cal *c)
{
	size_t	i;

	if (c == NULL)
		return;
	for (i = 0; i < c->n; i++)
		free(c->v[i].name);
	free(c->v);
	free(c);
}

static const struct cal_extra *
extra_find(const struct cal *c, struct cal_date d)
{
	size_t	i;

	if (c == NULL)
		return NULL;
	for (i = 0; i < c->n; i++) {
		if (cal_cmp(c->v[i].date, d) == 0)
			return &c->v[i];
	}
	return NULL;
}

static int
extra_add(struct cal *c, struct cal_date d, const char *name, int open)
{
	struct cal_extra	*v;
	const struct cal_extra	*old;
	char			 iso[CAL_FMT_MAX];
	size_t			 cap;

	if (!cal_date_valid(d))
		return invalid_date(d);
	if ((old = extra_find(c, d)) != NULL) {
		cal_format_iso(iso, sizeof iso, d);
		/* one whole sentence per case, for the translations */
		if (old->open && open)
			return error_set(NC_EINVALID, "%s is listed twice"
			    " (as an opening both times)", iso);
		if (old->open)
			return error_set(NC_EINVALID, "%s is listed twice"
			    " (as an opening and as a closure)", iso);
		if (open)
			return error_set(NC_EINVALID, "%s is listed twice"
			    " (as a closure and as an opening)", iso);
		return error_set(NC_EINVALID, "%s is listed twice (as a"
		    " closure both times)", iso);
	}
	if (c->n == c->cap) {
		cap = c->cap ? c->cap * 2 : 16;
		if ((v = realloc(c->v, cap * sizeof *v)) == NULL)
			return error_sys(NC_ENOMEM, "cannot add a closure");
		c->v = v;
		c->cap = cap;
	}
	if ((c->v[c->n].name = strdup(name)) == NULL)
		return error_sys(NC_ENOMEM, "cannot add a closure");
	c->v[c->n].date = d;
	c->v[c->n].open = open;
	c->n++;
	return 0;
}

int
cal_add_closure(struct cal *c, struct cal_date d, const char *name)
{
	return extra_add(c, d, name != NULL ? name : "臨時閉庁", 0);
}

int
cal_add_opening(struct cal *c, struct cal_date d, const char *name)
{
	return extra_add(c, d, name != NULL ? name : "臨時開庁", 1);
}

/*
 * Business days.
 */

int
cal_closed_reason(const char **out, const struct cal *c, struct cal_date d)
{
	const struct cal_extra	*x;
	int			 r, w;

	if (!cal_date_valid(d))
		return invalid_date(d);
	if ((r = cal_holiday(out, d)) < 0)
		return r;
	x = extra_find(c, d);
	if (x != NULL && x->open)
		return 0;
	if (r == 1)
		return 1;
	if (x != NULL) {
		*out = x->name;
		return 1;
	}
	/* The ward's year-end closure, 29 December - 3 January. */
	if ((d.m == 12 && d.d >= 29) || (d.m == 1 && d.d <= 3)) {
		*out = "年末年始";
		return 1;
	}
	w = cal_weekday(d);
	if (w == 0 || w == 6) {
		*out = w == 0 ? "日曜日" : "土曜日";
		return 1;
	}
	return 0;
}

int
cal_is_business_day(const struct cal *c, struct cal_date d)
{
	const char	*why;
	int		 r;

	if ((r = cal_closed_reason(&why, c, d)) < 0)
		return r;
	return !r;
}

int
cal_add_business_days(struct cal_date *out, const struct cal *c,
    struct cal_date from, long n)
{
	struct cal_date	d = from;
	long		step = n < 0 ? -1 : 1;
	int		r;

	if (!cal_date_valid(from))
		return invalid_date(from);
	while (n != 0) {
		d = cal_add_days(d, step);
		if ((r = cal_is_business_day(c, d)) < 0)
			return r;
		if (r)
			n -= step;
	}
	*out = d;
	return 0;
}

int
cal_next_business_day(struct cal_date *out, const struct cal *c,
    struct cal_date d)
{
	return cal_add_business_days(out, c, d, 1);
}

int
cal_prev_business_day(struct cal_date *out, const struct cal *c,
    struct cal_date d)
{
	return cal_add_business_days(out, c, d, -1);
}

/*
 * Forward, the business days in (from, to]; backward, those in [to, from)
 * with a minus sign.  Either way from itself is not counted and the far
 * end is, as cal_add_business_days() counts: counting from from to the
 * n-th business day after or before it gives n, even from a closed day.
 */
/* Monday to Friday among the day numbers up to z, from a fixed origin. */
static long
weekdays_upto(long z)
{
	long	t = z + 3, q, r;	/* t % 7: 0 Monday ... 6 Sunday */

	q = t / 7;
	r = t % 7;
	if (r < 0) {
		q--;
		r += 7;
	}
	return 5 * q + (r < 5 ? r + 1 : 5);
}

/*
 * Business days among the day numbers (a, b], a < b, without asking
 * about every day (issue 15: `review list --overdue` counted years of
 * days one by one): the weekdays, corrected on the days the plain
 * weekday rule may get wrong -- the year's holidays, the year-end
 * closure and the calendar's extra closures and openings -- each asked
 * about once through cal_is_business_day().
 */
static int
count_open(long *out, const struct cal *c, long a, long b)
{
	static const int	 yearend[][2] = { { 1, 1 }, { 1, 2 }, { 1, 3 },
				    { 12, 29 }, { 12, 30 }, { 12, 31 } };
	/* a list of overdue cases asks about the same years again */
	static struct hlist	 cache[16];
	static int		 cached[16];
	const struct cal_extra	*x;
	struct hlist		*hp;
	struct cal_date		 d;
	long			 n, z;
	size_t			 i, k;
	int			 y, r, w, kind;

	n = weekdays_upto(b) - weekdays_upto(a);
	for (y = cal_from_days(a + 1).y; y <= cal_from_days(b).y; y++) {
		hp = &cache[(unsigned)y % 16];
		if (cached[(unsigned)y % 16] != y) {
			cached[(unsigned)y % 16] = 0;
			if ((r = year_holidays(hp, y)) != 0)
				return r;
			cached[(unsigned)y % 16] = y;
		}
		/* holidays, then the year-end days, then the extras */
		for (kind = 0; kind < 3; kind++) {
			k = kind == 0 ? hp->n : kind == 1 ? 6 :
			    c != NULL ? c->n : 0;
			for (i = 0; i < k; i++) {
				if (kind == 0)
					d = hp->v[i].date;
				else if (kind == 1) {
					d.y = y;
					d.m = yearend[i][0];
					d.d = yearend[i][1];
				} else {
					d = c->v[i].date;
					/* counted already */
					if (d.y != y || hfind(hp, d) >= 0 ||
					    extra_find(c, d) != &c->v[i])
						continue;
				}
				/* a year-end holiday: counted as a holiday */
				if (kind == 1 && hfind(hp, d) >= 0)
					continue;
				if (kind == 2 && ((d.m == 12 && d.d >= 29) ||
				    (d.m == 1 && d.d <= 3)))
					continue;
				z = cal_days(d);
				if (z <= a || z > b)
					continue;
				w = cal_weekday(d);
				if (w != 0 && w != 6)
					n--;
				/*
				 * A holiday, a year-end day or an extra
				 * closure is closed unless an extra opens
				 * it (cal_closed_reason()).
				 */
				x = extra_find(c, d);
				if (x != NULL && x->open)
					n++;
			}
		}
	}
	*out = n;
	return 0;
}

int
cal_count_business_days(long *out, const struct cal *c, struct cal_date from,
    struct cal_date to)
{
	struct cal_date	d;
	long		n = 0;
	int		r, step;

	if (!cal_date_valid(from))
		return invalid_date(from);
	if (!cal_date_valid(to))
		return invalid_date(to);
	step = cal_cmp(from, to) > 0 ? -1 : 1;
	if (labs(cal_days(to) - cal_days(from)) > 31) {
		if (step > 0)
			r = count_open(&n, c, cal_days(from), cal_days(to));
		else
			r = count_open(&n, c, cal_days(to) - 1,
			    cal_days(from) - 1);
		if (r != 0)
			return r;
		*out = step * n;
		return 0;
	}
	for (d = from; cal_cmp(d, to) != 0; ) {
		d = cal_add_days(d, step);
		if ((r = cal_is_business_day(c, d)) < 0)
			return r;
		n += r;
	}
	*out = step * n;
	return 0;
}

/*
 * The specification's deadlines (令和8年度 総合情報化顧問（CIO 補佐官）および
 * 最高情報セキュリティアドバイザー業務委託 仕様書).
 */

/*
 * 4(3)ア(ウ) 定例会, 4(3)ア(エ) 進捗報告会: "議事録以外の各ドキュメントは、
 * 定例会の 1 開庁日前の午前 10 時までに提出すること" -- 10:00 on the last
 * business day before the meeting day.
 */
int
cal_due_meeting(struct cal_due *out, const struct cal *c,
    struct cal_date meeting)
{
	int	r;

	if ((r = cal_prev_business_day(&out->date, c, meeting)) != 0)
		return r;
	out->hour = 10;
	out->minute = 0;
	return 0;
}

/*
 * 4(1)ア(イ)b 調達実施支援: "提出期限は、各案件の依頼日から 1 週間程度とする"
 * and, in 4, a deadline given as "程度" is agreed case by case.  Our
 * default for "about one week" is one working week: the fifth business day
 * after the request date.
 */
int
cal_due_procurement(struct cal_date *out, const struct cal *c,
    struct cal_date request)
{
	return cal_add_business_days(out, c, request, 5);
}

/*
 * 3(3)ア(ア) asks for the work plan at the start of the work, and 4(3)ア(ア)
 * sets "作業実施計画書の提出期限は、契約締結日から 2 週間以内とする".
 * Two weeks counted from the day after the contract date (民法 140 条, the
 * first day is not counted) end 14 days after it.  When that day is not a
 * business day we bring the deadline forward to the business day before,
 * so that the plan is handed over while the ward is open; 民法 142 条
 * would allow the next business day, but earlier is never late.
 */
int
cal_due_workplan(struct cal_date *out, const struct cal *c,
    struct cal_date contract)
{
	struct cal_date	d;
	int		r;

	if (!cal_date_valid(contract))
		return invalid_date(contract);
	d = cal_add_days(contract, 14);
	if ((r = cal_is_business_day(c, d)) < 0)
		return r;
	if (r == 0)
		return cal_prev_business_day(out, c, d);
	*out = d;
	return 0;
}

/*
 * 5(1) 成果物の検収: "検収の期間は、成果物の提出後 15 日以内とする" -- the
 * ward's inspection period, in calendar days (the spec does not say 開庁日,
 * unlike 4(3)ア(ウ)): it ends 15 days after the submission date.
 */
int
cal_due_inspection(struct cal_date *out, struct cal_date submitted)
{
	if (!cal_date_valid(submitted))
		return invalid_date(submitted);
	*out = cal_add_days(submitted, 15);
	return 0;
}

int
cal_due(struct cal_due *out, const struct cal *c, enum cal_due_kind kind,
    struct cal_date from)
{
	out->hour = -1;
	out->minute = 0;
	switch (kind) {
	case CAL_DUE_MEETING:
		return cal_due_meeting(out, c, from);
	case CAL_DUE_PROCUREMENT:
		return cal_due_procurement(&out->date, c, from);
	case CAL_DUE_WORKPLAN:
		return cal_due_workplan(&out->date, c, from);
	case CAL_DUE_INSPECTION:
		return cal_due_inspection(&out->date, from);
	}
	return error_set(NC_EINVALID, "unknown deadline kind %d", (int)kind);
}

static const char *const due_kind_names[] = {
	[CAL_DUE_MEETING] = "meeting",
	[CAL_DUE_PROCUREMENT] = "procurement",
	[CAL_DUE_WORKPLAN] = "workplan",
	[CAL_DUE_INSPECTION] = "inspection",
};
#define NDUE_KINDS	(sizeof due_kind_names / sizeof due_kind_names[0])

const char *
cal_due_kind_name(enum cal_due_kind kind)
{
	if ((size_t)kind >= NDUE_KINDS)
		return "unknown";
	return due_kind_names[kind];
}

int
cal_due_kind_parse(enum cal_due_kind *out, const char *name)
{
	size_t	i;

	for (i = 0; i < NDUE_KINDS; i++) {
		if (strcmp(due_kind_names[i], name) == 0) {
			*out = (enum cal_due_kind)i;
			return 0;
		}
	}
	return error_set(NC_EINVALID, "unknown deadline kind '%.*s': expected"
	    " meeting, procurement, workplan or inspection", QUOTE_MAX, name);
}

int
cal_format_due(char *out, size_t size, const struct cal_due *due)
{
	int	r, n;

	if ((r = cal_format_iso(out, size, due->date)) != 0)
		return r;
	if (due->hour < 0)
		return 0;
	n = snprintf(out + 10, size - 10, " %02d:%02d", due->hour,
	    due->minute);
	if (n < 0 || (size_t)n >= size - 10)
		return error_set(NC_EINVALID, "no room to format a date");
	return 0;
}
