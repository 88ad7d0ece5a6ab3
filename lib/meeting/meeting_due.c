/*
 * The dated obligations of meetings and of the contract itself, for
 * `nerima-cio due` (due.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "meeting.h"
#include "meeting_int.h"

static int
in_range(struct cal_date d, struct cal_date from, struct cal_date to)
{
	return (from.y == 0 || cal_cmp(d, from) >= 0) &&
	    (to.y == 0 || cal_cmp(d, to) <= 0);
}

/* Who prepares the meeting documents: the config's, else the lead. */
static const char *
documents_owner(struct store *st)
{
	const char	*who = mt_config(st, "meetings", "owner");

	return who != NULL ? who : mt_member_with_role(st, "lead");
}

int
meeting_dues(struct duelist *l, struct store *st, struct cal_date from,
    struct cal_date to)
{
	static const char *const want[] = { "id", "type", "title", "date",
	    "status", "materials_due", "materials_submitted",
	    "minutes_submitted" };
	const struct schema	*kind;
	struct reclist		 refs = RECLIST_INIT;
	struct record		*r;
	const struct node	*root;
	struct cal		*cal = NULL;
	struct cal_due		 due;
	struct cal_date		 date, sub, insp, today = cal_today();
	const char		*type, *what, *basis, *status;
	const char		*who = documents_owner(st);
	size_t			 i;
	int			 rc, done;

	if ((kind = mt_kind(st, "meeting")) == NULL)
		return error_code();
	if ((rc = meeting_cal(&cal, st)) != 0)
		return rc;
	if ((rc = store_scan(&refs, st, kind, 0, NULL)) != 0)
		goto done;
	for (i = 0; i < refs.n && rc == 0; i++) {
		r = NULL;
		if ((rc = record_load_fields(&r, st, &refs.v[i], NULL, want,
		    sizeof want / sizeof want[0])) != 0)
			break;
		root = record_root(r);
		type = node_get_str(root, "type");
		status = node_get_str(root, "status");
		if (type == NULL || mt_date(&date, root, "date") != 0 ||
		    (status != NULL && strcmp(status, "cancelled") == 0))
			goto next;
		/* 4(3)ア(ウ)(エ): all but the minutes by 10:00 the day before */
		if (strcmp(type, "regular") == 0) {
			what = "次第・資料・課題管理表の提出";
			basis = "仕様書4(3)ア(ウ)";
		} else if (strcmp(type, "progress") == 0) {
			what = "次第・作業実施報告書・相談業務実施報告書の提出";
			basis = "仕様書4(3)ア(エ)";
		} else if (node_get(root, "materials_due") != NULL) {
			what = "会議資料の提出";
			basis = "仕様書3(3)ア(ウ)";
		} else
			what = NULL;
		if (what != NULL &&
		    (rc = cal_due_meeting(&due, cal, date)) == 0 &&
		    in_range(due.date, from, to)) {
			done = node_get(root, "materials_submitted") != NULL ||
			    (status != NULL && (strcmp(status, "held") == 0 ||
			    strcmp(status, "minutes-done") == 0));
			rc = duelist_add(l, due.date, due.hour, due.minute,
			    "meeting", record_id(r), node_get_str(root,
			    "title"), what, who, basis, done);
		}
		/* 5(1): the ward inspects within 15 days of submission */
		if (rc == 0 && mt_date(&sub, root, "minutes_submitted") == 0 &&
		    cal_due_inspection(&insp, sub) == 0 &&
		    in_range(insp, from, to))
			rc = duelist_add(l, insp, -1, 0, "meeting",
			    record_id(r), node_get_str(root, "title"),
			    "議事録の検収期間の終了", NULL, "仕様書5(1)",
			    cal_cmp(insp, today) < 0);
next:
		if (rc == 0)
			error_clear();
		record_free(r);
	}
done:
	reclist_free(&refs);
	cal_free(cal);
	return rc;
}

int
contract_dues(struct duelist *l, struct store *st, struct cal_date from,
    struct cal_date to)
{
	const struct node	*conf, *c;
	struct cal		*cal = NULL;
	struct cal_date		 signed_on, due, sub, insp;
	const char		*title;
	int			 rc;

	if ((rc = store_config(&conf, st)) != 0)
		return rc;
	c = node_get(conf, "contract");
	title = node_get_str(c, "title");
	if (mt_date(&signed_on, c, "signed") != 0) {
		error_clear();
		return 0;
	}
	if ((rc = meeting_cal(&cal, st)) != 0)
		return rc;
	/* 4(3)ア(ア): the work plan within two weeks of the contract */
	if ((rc = cal_due_workplan(&due, cal, signed_on)) == 0 &&
	    in_range(due, from, to))
		rc = duelist_add(l, due, -1, 0, "config", STORE_MARKER, title,
		    "作業実施計画書の提出", mt_member_with_role(st, "lead"),
		    "仕様書4(3)ア(ア)", node_get(c, "workplan_submitted") !=
		    NULL);
	if (rc == 0 && mt_date(&sub, c, "workplan_submitted") == 0 &&
	    cal_due_inspection(&insp, sub) == 0 && in_range(insp, from, to))
		rc = duelist_add(l, insp, -1, 0, "config", STORE_MARKER,
		    title, "作業実施計画書の検収期間の終了", NULL, "仕様書5(1)",
		    cal_cmp(insp, cal_today()) < 0);
	if (rc == 0)
		error_clear();
	cal_free(cal);
	return rc;
}
