/*
 * A dated event (audit, training, meeting) as a document of a given date
 * tells it (issue 18): a document counts what had happened by its own
 * date.  The one rule of every report (lib/report) and of the audits'
 * 実施結果報告書 (lib/audit).
 */
#ifndef NCIO_EVSTATE_H
#define NCIO_EVSTATE_H

#include "cal.h"
#include "diag.h"

/*
 * held: the record is past planning (held, in progress, agreed ...);
 * cancelled: 中止.  Dated after as_of: EV_SCHEDULED (予定), whatever the
 * record says now.  Dated on or before it: EV_DONE when held,
 * EV_NOT_HELD (未実施) when the record is still planned -- unless the
 * date is still to come today (a document dated ahead), EV_SCHEDULED.
 */
enum ev_state {
	EV_DONE,
	EV_SCHEDULED,
	EV_NOT_HELD,
	EV_CANCELLED
};
enum ev_state	 ev_state(struct cal_date d, int held, int cancelled,
		    struct cal_date as_of);
/* The document's word for a state: 実施, 予定, 未実施, 中止. */
const char	*ev_state_label(enum ev_state);
/*
 * What becomes of a case still open (a consultation not answered, a
 * review not decided) at the end of the period a document covers:
 * EV_OPEN_RUNS, the year or the contract goes on; EV_OPEN_NEXT_YEAR,
 * the year ends and the contract is renewed for the next; EV_OPEN_HANDED,
 * the contract ends and the ward takes it over.
 */
enum ev_open {
	EV_OPEN_RUNS,
	EV_OPEN_NEXT_YEAR,
	EV_OPEN_HANDED
};
/*
 * The one word every document gives such a case's state in its 状況
 * column (rev21c T4: 受付, 未着手 and 区に引継ぎ for one case in three
 * documents of one day): state as the records label it (受付,
 * 回答作成中 ...) while the contract runs, 区に引継ぎ at its end,
 * 次年度に引継ぎ at the end of a year it is renewed after.
 */
const char	*ev_open_label(const char *state, enum ev_open);
/*
 * The warning of an EV_NOT_HELD record into warn (may be NULL): kind is
 * "audit", "training" or "meeting".
 */
void		 ev_warn_not_held(struct diags *warn, const char *kind,
		    const char *title, struct cal_date d,
		    struct cal_date as_of);

#endif
