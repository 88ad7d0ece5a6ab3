/*
 * Calendar: dates, fiscal years, Japanese eras, national holidays, the
 * ward's business days (開庁日) and the specification's deadlines.
 *
 * Dates are plain values (struct cal_date) and day numbers (days since
 * 1970-01-01, proleptic Gregorian).  National holidays are computed from
 * 国民の祝日に関する法律 and its amendments for CAL_HOLIDAY_MIN ..
 * CAL_HOLIDAY_MAX (the range of the standard equinox formula), so there is
 * no table to run out.  A struct cal adds what the law cannot know: extra
 * closures (臨時閉庁) and exceptional openings, read from a data directory's
 * closures.yaml.  Every business-day function takes a const struct cal *,
 * which may be NULL for "national holidays and the year-end closure only".
 */
#ifndef NCIO_CAL_H
#define NCIO_CAL_H

#include <stddef.h>

#include "diag.h"

struct cal_date {
	int	y;
	int	m;		/* 1..12 */
	int	d;		/* 1..31 */
};

/* The years for which national holidays, and so business days, are known. */
#define CAL_HOLIDAY_MIN		1980
#define CAL_HOLIDAY_MAX		2099
/* No year has more holidays than this (2019 has 22). */
#define CAL_HOLIDAYS_MAX	32
/* Room for any formatted date or label, with the NUL. */
#define CAL_FMT_MAX		48
/* The data directory's file of extra closures and openings. */
#define CAL_CLOSURES_FILE	"closures.yaml"

/* Plain date arithmetic. */
int		 cal_days_in_month(int y, int m);
int		 cal_fy_months(int fy, struct cal_date d);
int		 cal_date_valid(struct cal_date);
/* Days since 1970-01-01 and back. */
long		 cal_days(struct cal_date);
struct cal_date	 cal_from_days(long);
struct cal_date	 cal_add_days(struct cal_date, long n);
/* 0 Sunday .. 6 Saturday. */
int		 cal_weekday(struct cal_date);
/* <0, 0, >0 like strcmp. */
int		 cal_cmp(struct cal_date, struct cal_date);
/* Today, from the one clock (NERIMA_CIO_TODAY overrides; clock.h). */
struct cal_date	 cal_today(void);

/*
 * Parsing.  cal_parse_iso() takes exactly YYYY-MM-DD.  cal_parse_era()
 * takes the long form (令和8年4月1日, 令和元年5月1日, digits ASCII or
 * full-width, spaces allowed between the parts) and the short form
 * (R8.4.1, H31.4.30, S64.1.7) for 令和, 平成 and 昭和, and refuses a date
 * outside its era.  cal_parse() takes either.  NC_EINVALID with a message
 * naming the input and what was expected.
 */
int		 cal_parse_iso(struct cal_date *out, const char *s);
int		 cal_parse_era(struct cal_date *out, const char *s);
int		 cal_parse(struct cal_date *out, const char *s);

/*
 * Formatting into out (at least CAL_FMT_MAX bytes is always enough).
 * Era forms use 令和 from 2019-05-01 to 3017-12-31 (令和999年, the most
 * the parser reads), 平成 from 1989-01-08, 昭和 from 1926-12-25; a date
 * outside is NC_EINVALID.  Every era form written is read back as the
 * same date.  Year 1 of an era is 元年 in
 * the long form and 1 in the short form (R1.5.1).
 */
enum cal_era_style {
	CAL_ERA_LONG,		/* 令和8年4月1日 */
	CAL_ERA_SHORT,		/* R8.4.1 */
};
int		 cal_format_iso(char *out, size_t size, struct cal_date);
int		 cal_format_era(char *out, size_t size, struct cal_date,
		    enum cal_era_style);

/*
 * Fiscal years run 1 April - 31 March; FY2026 is 2026-04-01..2027-03-31.
 * The label is 令和8年度; FY2019 is 令和元年度, as the ward says.
 */
int		 cal_fy(struct cal_date);
void		 cal_fy_bounds(struct cal_date *start, struct cal_date *end,
		    int fy);
int		 cal_fy_label(char *out, size_t size, int fy);

/* National holidays. */
struct cal_holiday {
	struct cal_date	 date;
	const char	*name;		/* 元日, 振替休日, 国民の休日 ... */
};
/* The holidays of a year in date order; out has CAL_HOLIDAYS_MAX room. */
int		 cal_holidays(struct cal_holiday *out, size_t *nout, int year);
/* 1 and the name when d is a national holiday, 0 when not, or an error. */
int		 cal_holiday(const char **out, struct cal_date d);

/* Extra closures and openings. */
struct cal;
struct cal	*cal_new(void);
void		 cal_free(struct cal *);
/* A closure makes a day not a business day; an opening makes it one. */
int		 cal_add_closure(struct cal *, struct cal_date,
		    const char *name);
int		 cal_add_opening(struct cal *, struct cal_date,
		    const char *name);
/*
 * Read a closures file (format in nerima-cio-cal(1)).  Every problem is
 * added to d (which may be NULL); the return value is NC_EINVALID with the
 * first problem as the message ("cannot read 'path': line L, column C:
 * ..."), NC_ENOTFOUND when the file does not exist, or NC_EIO.
 */
int		 cal_load_closures(struct cal *, const char *path,
		    struct diags *d);

/*
 * Ward business days (開庁日): not Saturday or Sunday, not a national
 * holiday, not 29 December - 3 January, not an extra closure -- unless an
 * opening says otherwise.  cal may be NULL.  Functions that look at
 * holidays fail with NC_EINVALID outside CAL_HOLIDAY_MIN..MAX.
 */
/* 1 open, 0 closed, or an error. */
int		 cal_is_business_day(const struct cal *, struct cal_date);
/* 1 and why the ward is closed (土曜日, 元日, 年末年始, ...), 0 when open. */
int		 cal_closed_reason(const char **out, const struct cal *,
		    struct cal_date);
/*
 * The n-th business day after from (n > 0) or before it (n < 0); from
 * itself is not counted, open or not.  n == 0 gives from unchanged.
 */
int		 cal_add_business_days(struct cal_date *out, const struct cal *,
		    struct cal_date from, long n);
/* The first business day strictly after / before d. */
int		 cal_next_business_day(struct cal_date *out, const struct cal *,
		    struct cal_date d);
int		 cal_prev_business_day(struct cal_date *out, const struct cal *,
		    struct cal_date d);
/*
 * Business days from from to to, not counting from: those in (from, to]
 * when to is later, minus those in [to, from) when it is earlier, so that
 * counting from d to the result of adding n business days to d gives n
 * for every d, open or closed, and every n.
 */
int		 cal_count_business_days(long *out, const struct cal *,
		    struct cal_date from, struct cal_date to);

/*
 * The specification's deadlines (令和8年度 委託仕様書).  Domain code calls
 * these and never re-derives a rule.
 */
struct cal_due {
	struct cal_date	 date;
	int		 hour;		/* -1 when due by the end of the day */
	int		 minute;
};
enum cal_due_kind {
	CAL_DUE_MEETING,	/* 4(3)ア(ウ)(エ) */
	CAL_DUE_PROCUREMENT,	/* 4(1)ア(イ)b */
	CAL_DUE_WORKPLAN,	/* 3(3)ア(ア), 4(3)ア(ア) */
	CAL_DUE_INSPECTION,	/* 5(1) */
};
/* Meeting documents: 10:00 on the business day before the meeting. */
int		 cal_due_meeting(struct cal_due *out, const struct cal *,
		    struct cal_date meeting);
/* Procurement opinion: 5 business days after the request ("1 週間程度"). */
int		 cal_due_procurement(struct cal_date *out, const struct cal *,
		    struct cal_date request);
/*
 * Work plan: 14 days after the contract date, moved back to the business
 * day before when that day is closed.
 */
int		 cal_due_workplan(struct cal_date *out, const struct cal *,
		    struct cal_date contract);
/* Acceptance inspection: 15 calendar days after submission. */
int		 cal_due_inspection(struct cal_date *out,
		    struct cal_date submitted);
/* Any of the above by kind; hour is -1 except for meetings. */
int		 cal_due(struct cal_due *out, const struct cal *,
		    enum cal_due_kind, struct cal_date from);
/* "meeting", "procurement", "workplan", "inspection" and back. */
const char	*cal_due_kind_name(enum cal_due_kind);
int		 cal_due_kind_parse(enum cal_due_kind *out, const char *name);
/* Due time as "YYYY-MM-DD" or "YYYY-MM-DD HH:MM". */
int		 cal_format_due(char *out, size_t size, const struct cal_due *);

#endif
