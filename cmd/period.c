/*
 * The period of a report: one reading of --meeting/--from/--to for the
 * verbs that report on a period (report progress, consult export report).
 */
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "i18n.h"
#include "meeting.h"
#include "opt.h"
#include "period.h"
#include "record.h"
#include "report.h"
#include "store.h"

int
cmd_period(struct cmd_period *p, struct cmd_ctx *ctx, struct optv *ov,
    int progress)
{
	struct recref	 ref = { NULL, NULL, NULL, 0 };
	int		 rc, given = opt_has(ov, "from") + opt_has(ov, "to");

	memset(p, 0, sizeof *p);
	if (opt_has(ov, "meeting") + (given > 0) + opt_has(ov, "year-end") != 1)
		return opt_bad_usage(ov->entry, ov->sub, _("the report needs "
		    "its period: --meeting ID, --from DATE and --to DATE, or "
		    "--year-end FY"));
	if (given == 1)
		return opt_bad_usage(ov->entry, ov->sub, _("--from and --to go"
		    " together"));
	if ((p->st = cmd_store(ctx)) == NULL)
		return CMD_FAIL;
	if (opt_has(ov, "year-end")) {
		if (meeting_yearend_period(&p->from, &p->to, &p->as_of, p->st,
		    (int)opt_num(ov, "year-end", 0)) != 0)
			return cmd_lib_error();
		return CMD_OK;
	}
	if (!opt_has(ov, "meeting")) {
		opt_date(ov, "from", &p->from);
		opt_date(ov, "to", &p->to);
		if (cal_cmp(p->to, p->from) < 0)
			return opt_bad_usage(ov->entry, ov->sub, _("--to is "
			    "before --from"));
		/*
		 * dated the period's last day, the day its figures are
		 * of, once it is over: a report of 4/1-4/12 made in March
		 * was dated 令和11年3月31日 (rev17a), and changed with the
		 * day it was run.  Today while the period runs.
		 */
		p->as_of = cal_cmp(cal_today(), p->to) < 0 ? cal_today() :
		    p->to;
		return CMD_OK;
	}
	rc = cmd_load_record(&p->meeting, &ref, p->st, opt_get(ov, "meeting"),
	    "meeting");
	free(ref.id);
	free(ref.relpath);
	if (rc != CMD_OK)
		return rc;
	if ((progress ? report_meeting_period(&p->from, &p->to, &p->as_of,
	    p->st, record_root(p->meeting)) : meeting_report_period(&p->from,
	    &p->to, &p->as_of, p->st, record_root(p->meeting))) != 0)
		return cmd_lib_error();
	return CMD_OK;
}

void
cmd_period_free(struct cmd_period *p)
{
	record_free(p->meeting);
	p->meeting = NULL;
}
