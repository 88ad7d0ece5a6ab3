/*
 * The state of a dated event as a document of a given date tells it.
 */
#include <string.h>

#include "cal.h"
#include "diag.h"
#include "error.h"
#include "evstate.h"

enum ev_state
ev_state(struct cal_date d, int held, int cancelled, struct cal_date as_of)
{
	if (cancelled)
		return EV_CANCELLED;
	if (cal_cmp(d, as_of) > 0)
		return EV_SCHEDULED;
	if (held)
		return EV_DONE;
	/* still to come today: a report written ahead of its date */
	return cal_cmp(d, cal_today()) > 0 ? EV_SCHEDULED : EV_NOT_HELD;
}

const char *
ev_state_label(enum ev_state s)
{
	switch (s) {
	case EV_DONE:
		return "実施";
	case EV_SCHEDULED:
		return "予定";
	case EV_NOT_HELD:
		return "未実施";
	default:
		return "中止";
	}
}

const char *
ev_open_label(const char *state, enum ev_open o)
{
	switch (o) {
	case EV_OPEN_HANDED:
		return "区に引継ぎ";
	case EV_OPEN_NEXT_YEAR:
		return "次年度に引継ぎ";
	default:
		return state != NULL ? state : "";
	}
}

void
ev_warn_not_held(struct diags *warn, const char *kind, const char *title,
    struct cal_date d, struct cal_date as_of)
{
	char	a[CAL_FMT_MAX], b[CAL_FMT_MAX];

	if (warn == NULL)
		return;
	cal_format_iso(a, sizeof a, d);
	cal_format_iso(b, sizeof b, as_of);
	if (title == NULL)
		title = "?";
	if (strcmp(kind, "audit") == 0)
		diags_add(warn, NULL, 0, 0, "audit '%s' dated %s is still "
		    "planned on %s, the date the report counts to: it is shown "
		    "as 未実施; record its fieldwork or move its date", title,
		    a, b);
	else if (strcmp(kind, "training") == 0)
		diags_add(warn, NULL, 0, 0, "training '%s' dated %s is still "
		    "planned on %s, the date the report counts to: it is shown "
		    "as 未実施; record it as held or move its date", title, a,
		    b);
	else
		diags_add(warn, NULL, 0, 0, "meeting '%s' dated %s is still "
		    "scheduled on %s, the date the report counts to: it is "
		    "shown as 未実施; record it as held or move its date", title,
		    a, b);
}
