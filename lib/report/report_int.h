/*
 * Helpers shared by the files of lib/report.
 */
#ifndef NCIO_REPORT_INT_H
#define NCIO_REPORT_INT_H

#include "cal.h"
#include "diag.h"
#include "node.h"
#include "error.h"
#include "evstate.h"
#include "store.h"

/* Copies in the view's pool ("" for NULL; "" when out of memory). */
const char	*rp_str(void *pool, const char *s);
/* The contract's title for fiscal year fy (report.c). */
const char	*report_contract_title(void *pool, const char *title, int fy);
const char	*rp_fmt(void *pool, const char *fmt, ...)
		    NC_PRINTF(2, 3);
/* d lies in [a, b] (and is a date). */
int		 rp_between(struct cal_date d, struct cal_date a,
		    struct cal_date b);
/* A date field; -1 (and a zero date) when absent or not a date. */
int		 rp_date(struct cal_date *out, const struct node *rec,
		    const char *field);
/* A 課 or 部 name from its code (the code when unknown; "" for NULL). */
const char	*rp_org(struct store *, const char *code);
/* 令和8年4月1日; "" for a zero date. */
void		 rp_era(char out[CAL_FMT_MAX], struct cal_date);
/*
 * The end of a period from d, as the ward writes it after the first day:
 * ～28日 in the same month, ～9月2日 in another, ～令和9年1月12日 in
 * another year; "" where end is none (y 0) or not after d.
 */
#define RP_PERIOD_END	32	/* ～令和10年12月31日: 24 bytes */
void		 rp_period_end(char out[RP_PERIOD_END], struct cal_date d,
		    struct cal_date end);
/*
 * The same in a schedule of the fiscal year by month (the 作業実施計画書's
 * 実施スケジュール, the 運営計画書's 年間スケジュール), whose row gives
 * the first day's month and whose months run 4月 to 3月: a period from
 * 12月 into the next 1月-3月 ends ～1月12日, which can only be the 1月
 * that follows.  ～令和9年1月12日 made the day label 18日～令和9年1月12日
 * longer than the widest textfit hangs a schedule's lines at (its
 * DAY_LABEL), and the entry's second line went under the day.
 */
void		 rp_sched_end(char out[RP_PERIOD_END], struct cal_date d,
		    struct cal_date end);
/*
 * A date, or a period from it to end (y 0: none), in full: 令和8年8月3日,
 * 令和8年8月3日～28日, 令和8年8月3日～9月2日,
 * 令和8年12月18日～令和9年1月12日.
 */
#define RP_ERA_PERIOD	(CAL_FMT_MAX + RP_PERIOD_END)
void		 rp_era_period(char out[RP_ERA_PERIOD], struct cal_date,
		    struct cal_date end);
/* 20.0 or 1.7: one decimal always, rounded half up (8.25: 8.3) */
const char	*rp_num(char out[32], double v);
/* A count as the ward's documents write it: 2,973 */
const char	*rp_count(char out[32], long n);
/*
 * A rate of whole counts (or half credits) in one decimal, rounded half
 * up once on the decimal value as the audit documents print it
 * (audit_tally_tenths(): 13 / 16 is "81.3%", never printf's "81.2%");
 * "―" when the denominator is 0.
 */
const char	*rp_rate(char out[32], double num, double den);
/* A rate (0..1) that is an average, not a ratio of counts, rounded the
 * same way (audit_rate_tenths()); "―" for NaN. */
const char	*rp_pct(char out[32], double r);

struct training;
/*
 * Whether the 作業実施計画書 gives the training a 研修実施報告書: one
 * that is not cancelled and has a survey or a test (3(2)イ), its own or
 * one run by another 課 (training_needs_report()).  Every document that
 * names the year's 研修実施報告書 asks this, so none lists a report
 * another says is not made.
 */
int		 rp_training_reports(const struct training *);

/*
 * A work plan record (作業実施計画書), kind workplan: its version, dates,
 * texts and the records it moved (record id, the date it had before).
 */
struct plan_rec {
	long		 version;
	struct cal_date	 date, submitted;
	const char	*title, *policy, *changes, *reason, *no;
	struct plan_move {
		const char	*id;
		struct cal_date	 from;
	}		*moves;
	size_t		 nmoves;
};
/*
 * The year's plan records by version, strings in pool (a strpool);
 * NC_ENOTFOUND when the year has none, NC_EINVALID for two of one
 * version or a later version that does not say what changed.
 */
int		 plan_load(struct plan_rec **out, size_t *nout, void *pool,
		    struct store *, int fy);
void		 plan_free(struct plan_rec *, size_t n);

#endif
