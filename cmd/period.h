/*
 * The period a report covers, from the command line: --meeting ID,
 * --from DATE and --to DATE, or --year-end FY.
 */
#ifndef CMD_PERIOD_H
#define CMD_PERIOD_H

#include "cal.h"

struct cmd_ctx;
struct optv;
struct record;
struct store;

struct cmd_period {
	struct cal_date	 from, to;
	struct cal_date	 as_of;		/* the documents' date */
	struct record	*meeting;	/* --meeting's record, else NULL */
	struct store	*st;
};

/*
 * Read the period from the sub-verb's options "meeting", "from", "to" and
 * "year-end".  With --meeting: the meeting's reporting period
 * (meeting_report_period()), dated the day its documents are due;
 * progress: the meeting must be a 進捗報告会.  With --from and --to: those
 * days, dated the last (today while the period runs).  With --year-end
 * FY: from the year's last progress meeting to 31 March
 * (meeting_yearend_period()).  Any other combination is a usage error.
 * Opens the store (p->st).  Returns CMD_OK or the verb's exit status,
 * with the problem printed; free with cmd_period_free() either way.
 */
int	cmd_period(struct cmd_period *, struct cmd_ctx *, struct optv *,
	    int progress);
void	cmd_period_free(struct cmd_period *);

#endif
