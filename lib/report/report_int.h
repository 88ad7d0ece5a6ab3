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
 * A dated event (audit, training, meeting) as a report of as_of tells
 * it (issue 18): a report counts what had happened by its own date.
 * held: the record is past planning (held, in progress, agreed ...);
 * cancelled: 中止.  Dated after as_of: RP_SCHEDULED (予定), whatever the
 * record says now.  Dated on or before it: RP_DONE when held,
 * RP_NOT_HELD (未実施) when the record is still planned -- unless the
 * date is still to come today (a report dated ahead), RP_SCHEDULED.
 */
enum rp_state {
	RP_DONE = EV_DONE,
	RP_SCHEDULED = EV_SCHEDULED,
	RP_NOT_HELD = EV_NOT_HELD,
	RP_CANCELLED = EV_CANCELLED
};
enum rp_state	 rp_state(struct cal_date d, int held, int cancelled,
		    struct cal_date as_of);
/* The document's word for a state: 実施, 予定, 未実施, 中止. */
const char	*rp_state_label(enum rp_state);
/*
 * The warning of an RP_NOT_HELD record into warn (may be NULL): kind is
 * "audit", "training" or "meeting".
 */
void		 rp_warn_not_held(struct diags *warn, const char *kind,
		    const char *title, struct cal_date d,
		    struct cal_date as_of);

/* 20 or 1.7 */
const char	*rp_num(char out[32], double v);

#endif
