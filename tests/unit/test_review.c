/*
 * Review computations: cost bases, the 決裁区分 rules, due dates, days
 * open, overdue by business days, dates inside the fiscal year.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "buf.h"
#include "review.h"
#include "testrec.h"

/* Example rules as shipped in data/sample/nerima-cio.yaml. */
static const char config_text[] =
    "approval:\n"
    "  cost_basis: total\n"
    "  approvers:\n"
    "    - code: division-head\n"
    "      title: 情報政策課長\n"
    "    - code: department-head\n"
    "      title: 企画部長\n"
    "    - code: cio\n"
    "      title: CIO\n"
    "  rules:\n"
    "    - {category: modification, below: 5000000, approver: division-head}\n"
    "    - {category: modification, below: 30000000, approver: department-head}\n"
    "    - {category: modification, approver: cio}\n"
    "    - {category: update, below: 10000000, approver: division-head}\n"
    "    - {category: update, below: 50000000, approver: department-head}\n"
    "    - {category: update, approver: cio}\n"
    "    - {category: new, below: 10000000, approver: department-head}\n"
    "    - {category: new, approver: cio}\n";

static void
test_cost(void **state)
{
	struct ydoc	*doc;
	long long	 v, ini, run;

	(void)state;
	doc = rec_parse("costs:\n"
	    "  - {fy: 2027, initial: 0, running: 3600000}\n"
	    "  - {fy: 2026, initial: 12800000, running: 100}\n"
	    "  - {fy: 2028, running: 3600000}\n");
	review_cost_sums(&ini, &run, ydoc_root(doc));
	assert_true(ini == 12800000 && run == 7200100);
	assert_int_equal(review_cost(&v, ydoc_root(doc), NULL), 0);
	assert_true(v == 20000100);
	assert_int_equal(review_cost(&v, ydoc_root(doc), "initial"), 0);
	assert_true(v == 12800000);
	assert_int_equal(review_cost(&v, ydoc_root(doc), "first-year"), 0);
	assert_true(v == 12800100);
	assert_int_equal(review_cost(&v, ydoc_root(doc), "median"),
	    NC_EINVALID);
	ydoc_free(doc);
}

static void
test_approver(void **state)
{
	static const struct {
		const char	*category;
		long long	 cost;
		const char	*want;		/* NULL: error */
		long long	 below;
	} cases[] = {
		{ "modification", 0, "division-head", 5000000 },
		{ "modification", 4999999, "division-head", 5000000 },
		{ "modification", 5000000, "department-head", 30000000 },
		{ "modification", 30000000, "cio", -1 },
		{ "update", 9999999, "division-head", 10000000 },
		{ "update", 10000000, "department-head", 50000000 },
		{ "update", 27200000, "department-head", 50000000 },
		{ "update", 50000000, "cio", -1 },
		{ "new", 1, "department-head", 10000000 },
		{ "new", 10000000, "cio", -1 },
		{ NULL, 100, NULL, 0 },
	};
	struct review_approval	 a;
	struct ydoc		*conf, *rec;
	char			 text[256];
	size_t			 i;
	int			 rc;

	(void)state;
	conf = rec_parse(config_text);
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		if (cases[i].category != NULL)
			snprintf(text, sizeof text, "category: %s\ncosts:\n"
			    "  - {fy: 2026, initial: %lld, running: 0}\n",
			    cases[i].category, cases[i].cost);
		else
			snprintf(text, sizeof text, "costs:\n"
			    "  - {fy: 2026, initial: %lld}\n", cases[i].cost);
		rec = rec_parse(text);
		rc = review_approver(&a, ydoc_root(conf), ydoc_root(rec));
		if (cases[i].want == NULL) {
			assert_int_equal(rc, NC_EINVALID);
			assert_non_null(strstr(error_last(), "category"));
		} else {
			if (rc != 0 || strcmp(a.code, cases[i].want) != 0 ||
			    a.below != cases[i].below)
				fail_msg("%s %lld: got %s below %lld (%s)",
				    cases[i].category, cases[i].cost,
				    rc == 0 ? a.code : "error", a.below,
				    error_last());
			assert_true(a.cost == cases[i].cost);
			assert_string_equal(a.basis, "total");
			assert_non_null(a.title);
		}
		ydoc_free(rec);
	}
	ydoc_free(conf);

	/* A category without a catch-all rule: no rule matches. */
	conf = rec_parse("approval:\n  rules:\n"
	    "    - {category: new, below: 100, approver: cio}\n");
	rec = rec_parse("category: new\ncosts: [{fy: 2026, initial: 500}]\n");
	assert_int_equal(review_approver(&a, ydoc_root(conf), ydoc_root(rec)),
	    NC_ENOTFOUND);
	assert_non_null(strstr(error_last(), "no approval rule"));
	ydoc_free(rec);
	/* first-year basis: only the earliest year counts. */
	ydoc_free(conf);
	conf = rec_parse("approval:\n  cost_basis: first-year\n  rules:\n"
	    "    - {category: new, below: 1000, approver: division-head}\n"
	    "    - {category: new, approver: cio}\n");
	rec = rec_parse("category: new\ncosts:\n"
	    "  - {fy: 2027, initial: 5000}\n  - {fy: 2026, initial: 999}\n");
	assert_int_equal(review_approver(&a, ydoc_root(conf), ydoc_root(rec)),
	    0);
	assert_string_equal(a.code, "division-head");
	assert_null(a.title);
	ydoc_free(rec);
	ydoc_free(conf);
	/* No rules at all. */
	conf = rec_parse("ward: 練馬区\n");
	rec = rec_parse("category: new\n");
	assert_int_equal(review_approver(&a, ydoc_root(conf), ydoc_root(rec)),
	    NC_EINVALID);
	ydoc_free(rec);
	ydoc_free(conf);
}

/*
 * A decision taken below the tier the rules give is told (lint, the
 * 精査記録), never corrected: 27,080,000円 of an update decided by the
 * 情報政策課長 where the rules give the 企画部長 (review15).
 */
static void
test_approver_below(void **state)
{
	static const struct {
		const char	*rec;
		int		 below;
		const char	*want;		/* the rules' tier */
	} cases[] = {
		{ "type: plan\ncategory: update\n"
		  "costs: [{fy: 2027, initial: 24400000, running: 2680000}]\n"
		  "decision: {result: approve, approver: division-head}\n",
		  1, "department-head" },
		{ "type: plan\ncategory: update\n"
		  "costs: [{fy: 2027, initial: 68500000, running: 3310000}]\n"
		  "decision: {result: approve, approver: department-head}\n",
		  1, "cio" },
		/* the rules' tier, or above it: nothing to tell */
		{ "type: plan\ncategory: update\n"
		  "costs: [{fy: 2027, initial: 24400000}]\n"
		  "decision: {result: approve, approver: department-head}\n",
		  0, NULL },
		{ "type: plan\ncategory: update\n"
		  "costs: [{fy: 2027, initial: 1000}]\n"
		  "decision: {result: approve, approver: cio}\n", 0, NULL },
		/* undecided; not a plan; an approver the config lacks */
		{ "type: plan\ncategory: new\n"
		  "costs: [{fy: 2027, initial: 35190000}]\n", 0, NULL },
		{ "type: system-evaluation\n"
		  "decision: {result: approve, approver: division-head}\n",
		  0, NULL },
		{ "type: plan\ncategory: new\n"
		  "costs: [{fy: 2027, initial: 35190000}]\n"
		  "decision: {result: approve, approver: mayor}\n", 0, NULL },
	};
	struct review_approval	 a;
	struct ydoc		*conf, *rec;
	struct diags		 d = DIAGS_INIT;
	size_t			 i;

	(void)state;
	conf = rec_parse(config_text);
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		rec = rec_parse(cases[i].rec);
		if (review_approver_below(&a, ydoc_root(conf),
		    ydoc_root(rec)) != cases[i].below)
			fail_msg("case %zu: below is not %d", i,
			    cases[i].below);
		if (cases[i].want != NULL)
			assert_string_equal(a.code, cases[i].want);
		review_warn(ydoc_root(conf), ydoc_root(rec), "f.yaml", &d);
		assert_int_equal(d.n, cases[i].below ? 1 : 0);
		if (d.n > 0) {
			assert_string_equal(d.v[0].path, "f.yaml");
			assert_non_null(strstr(d.v[0].msg, "decision.approver"));
			assert_non_null(strstr(d.v[0].msg, cases[i].want));
		}
		diags_free(&d);
		d.n = 0;
		ydoc_free(rec);
	}
	ydoc_free(conf);
}

/*
 * Withdrawn before or after its end: the dates say which (the record
 * has no date of the withdrawal).
 */
static void
test_withdrawn(void **state)
{
	static const struct {
		const char	*rec;
		int		 want;
	} cases[] = {
		{ "status: submitted\nsubmitted: 2027-05-31\n",
		  REVIEW_NOT_WITHDRAWN },
		{ "status: withdrawn\n", REVIEW_WITHDRAWN_BEFORE },
		{ "status: withdrawn\nhearings: [{round: 1, sent: "
		  "2027-09-26}]\n", REVIEW_WITHDRAWN_BEFORE },
		{ "status: withdrawn\nsubmitted: 2027-05-31\n",
		  REVIEW_WITHDRAWN_AFTER },
		{ "status: withdrawn\ndecision: {result: approve, date: "
		  "2027-07-29}\n", REVIEW_WITHDRAWN_AFTER },
		/* a decision without its date is no dated end */
		{ "status: withdrawn\ndecision: {result: approve}\n",
		  REVIEW_WITHDRAWN_BEFORE },
	};
	struct ydoc	*rec;
	size_t		 i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		rec = rec_parse(cases[i].rec);
		if (review_withdrawn(ydoc_root(rec)) != cases[i].want)
			fail_msg("case %zu: %d, want %d", i,
			    review_withdrawn(ydoc_root(rec)), cases[i].want);
		ydoc_free(rec);
	}
}

/*
 * Withdrawn as it stood on a day (a year's summary as of its last day):
 * a withdrawal logged after the day was not yet, one logged by it before
 * or after the decision as the decision's date says.
 */
static void
test_withdrawn_on(void **state)
{
	static const char wd[] = "status: withdrawn\n"
	    "received: 2027-02-01\n"
	    "status_history:\n"
	    "  - {date: 2027-04-20, from: received, to: withdrawn}\n";
	static const char after[] = "status: withdrawn\n"
	    "received: 2027-02-01\n"
	    "decision: {result: approve, date: 2027-03-10}\n"
	    "status_history:\n"
	    "  - {date: 2027-03-10, from: received, to: decided}\n"
	    "  - {date: 2027-05-01, from: decided, to: withdrawn}\n";
	static const struct {
		const char	*rec;
		const char	*day;
		int		 want;
	} cases[] = {
		{ wd, "2027-03-31", REVIEW_NOT_WITHDRAWN },
		{ wd, "2027-04-20", REVIEW_WITHDRAWN_BEFORE },
		{ after, "2027-03-31", REVIEW_NOT_WITHDRAWN },
		{ after, "2027-05-01", REVIEW_WITHDRAWN_AFTER },
		/* no history: as the record stands */
		{ "status: withdrawn\nreceived: 2027-02-01\n", "2027-03-31",
		  REVIEW_WITHDRAWN_BEFORE },
		{ "status: withdrawn\nreceived: 2027-05-01\n", "2027-03-31",
		  REVIEW_NOT_WITHDRAWN },
	};
	struct ydoc	*rec;
	size_t		 i;
	int		 got;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		rec = rec_parse(cases[i].rec);
		got = review_withdrawn_on(ydoc_root(rec), rec_day(cases[i].day));
		if (got != cases[i].want)
			fail_msg("case %zu (%s): %d, want %d", i, cases[i].day,
			    got, cases[i].want);
		ydoc_free(rec);
	}
}

/*
 * The status on a day from the record's own dates: a review 精査済 now,
 * whose hearing was answered 4/17, was ヒアリング中 in a report of 4/14.
 */
static void
test_status_on(void **state)
{
	static const char assessed[] = "status: assessed\n"
	    "received: 2027-04-06\n"
	    "hearings: [{round: 1, sent: 2027-04-11, answered: 2027-04-17}]\n";
	static const char decided[] = "status: decided\n"
	    "received: 2026-06-01\n"
	    "hearings: [{round: 1, sent: 2026-06-05, answered: 2026-06-10}]\n"
	    "decision: {result: approve, date: 2026-07-10}\n";
	static const char held[] = "status: on-hold\n"
	    "received: 2026-09-01\n"
	    "hearings: [{round: 1, sent: 2026-09-05, answered: 2026-09-20}]\n";
	static const char wd_logged[] = "status: withdrawn\n"
	    "received: 2026-05-08\n"
	    "hearings: [{round: 1, sent: 2026-05-10, answered: 2026-05-30}]\n"
	    "status_history:\n"
	    "  - {date: 2026-05-10, from: received, to: hearing}\n"
	    "  - {date: 2026-07-01, from: hearing, to: withdrawn}\n";
	static const char held_logged[] = "status: decided\n"
	    "received: 2026-06-01\n"
	    "decision: {result: approve, date: 2026-07-20}\n"
	    "status_history:\n"
	    "  - {date: 2026-06-05, from: received, to: assessed}\n"
	    "  - {date: 2026-06-12, from: assessed, to: on-hold}\n"
	    "  - {date: 2026-06-30, from: on-hold, to: assessed}\n"
	    "  - {date: 2026-07-20, from: assessed, to: decided}\n";
	static const char late_logged[] = "status: decided\n"
	    "received: 2026-06-01\n"
	    "hearings: [{round: 1, sent: 2026-06-05}]\n"
	    "decision: {result: approve, date: 2026-06-20}\n"
	    "status_history:\n"
	    "  - {date: 2026-06-05, from: received, to: hearing}\n"
	    "  - {date: 2026-07-01, from: hearing, to: assessed}\n"
	    "  - {date: 2026-06-20, from: assessed, to: decided}\n";
	static const char partial[] = "status: withdrawn\n"
	    "received: 2026-05-01\n"
	    "hearings: [{round: 1, sent: 2026-05-10, answered: 2026-05-20}]\n"
	    "decision: {result: approve, date: 2026-06-01}\n"
	    "status_history:\n"
	    "  - {date: 2026-07-01, from: decided, to: withdrawn}\n";
	static const char stale[] = "status: on-hold\n"
	    "received: 2026-05-01\n"
	    "hearings: [{round: 1, sent: 2026-05-10}]\n"
	    "status_history:\n"
	    "  - {date: 2026-05-10, from: received, to: hearing}\n";
	static const char rounds[] = "status: hearing\n"
	    "received: 2026-04-01\n"
	    "hearings:\n"
	    "  - {round: 1, sent: 2026-04-10, answered: 2026-04-15}\n"
	    "  - {round: 2, sent: 2026-04-25}\n";
	static const struct {
		const char	*rec;
		const char	*day;
		const char	*want;	/* NULL: not received yet */
	} cases[] = {
		{ assessed, "2027-04-05", NULL },
		{ assessed, "2027-04-06", "received" },
		{ assessed, "2027-04-14", "hearing" },
		{ assessed, "2027-04-17", "assessed" },
		{ decided, "2026-06-03", "received" },
		{ decided, "2026-06-20", "hearing" },
		{ decided, "2026-07-10", "decided" },
		{ held, "2026-09-10", "hearing" },
		{ held, "2026-09-25", "on-hold" },
		{ rounds, "2026-04-12", "hearing" },
		{ rounds, "2026-04-20", "hearing" },
		{ rounds, "2026-04-30", "hearing" },
		{ rounds, "2026-04-05", "received" },
		/* nothing dated after the day: the record as it stands */
		{ "status: withdrawn\nreceived: 2026-05-08\n", "2026-05-10",
		  "withdrawn" },
		{ "status: assessed\nreceived: 2026-05-08\n", "2026-05-10",
		  "assessed" },
		/* an answer after the day: not past the hearing then */
		{ "status: withdrawn\nreceived: 2026-05-08\nhearings: [{round:"
		  " 1, sent: 2026-05-09, answered: 2026-05-20}]\n",
		  "2026-05-10", "hearing" },
		{ "status: submitted\nreceived: 2026-06-01\n"
		  "submitted: 2026-06-05\n", "2026-06-04", "received" },
		{ "status: submitted\nreceived: 2026-06-01\n"
		  "submitted: 2026-06-05\n", "2026-06-05", "submitted" },
		/*
		 * The changes logged (status_history): 取下げ, 保留 and
		 * 精査済 from their day on, not before.
		 */
		{ wd_logged, "2026-05-20", "hearing" },
		{ wd_logged, "2026-06-30", "hearing" },
		{ wd_logged, "2026-07-01", "withdrawn" },
		{ wd_logged, "2026-05-09", "received" },
		{ held_logged, "2026-06-10", "assessed" },
		{ held_logged, "2026-06-15", "on-hold" },
		{ held_logged, "2026-07-01", "assessed" },
		{ held_logged, "2026-07-20", "decided" },
		/* an assessment logged after a decision entered with its day */
		{ late_logged, "2026-06-08", "hearing" },
		{ late_logged, "2026-06-20", "decided" },
		{ late_logged, "2026-07-05", "decided" },
		/* a legacy record's later changes logged: its dates before */
		{ partial, "2026-05-05", "received" },
		{ partial, "2026-05-15", "hearing" },
		{ partial, "2026-06-15", "decided" },
		{ partial, "2026-07-15", "withdrawn" },
		/* changed by hand since the last change logged: its status */
		{ stale, "2026-05-05", "received" },
		{ stale, "2026-06-20", "on-hold" },
	};
	struct ydoc	*rec;
	const char	*got;
	size_t		 i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		rec = rec_parse(cases[i].rec);
		got = review_status_on(ydoc_root(rec), rec_day(cases[i].day));
		if (got == NULL ? cases[i].want != NULL :
		    cases[i].want == NULL || strcmp(got, cases[i].want) != 0)
			fail_msg("case %zu (%s): %s, want %s", i, cases[i].day,
			    got != NULL ? got : "NULL", cases[i].want != NULL ?
			    cases[i].want : "NULL");
		ydoc_free(rec);
	}
}

static void
test_due_and_days(void **state)
{
	static const struct {
		const char	*rec;
		const char	*today;
		const char	*due;		/* NULL: none */
		long		 days;
		long		 overdue;
	} cases[] = {
		/* Procurement: 5 business days after the request. */
		{ "type: procurement\nstatus: received\nreceived: 2026-06-01\n",
		    "2026-06-08", "2026-06-08", 7, 0 },
		{ "type: procurement\nstatus: received\nreceived: 2026-06-01\n",
		    "2026-06-09", "2026-06-08", 8, 1 },
		/* Over a weekend: Fri 12 and Mon 15 are one business day. */
		{ "type: procurement\nstatus: hearing\nreceived: 2026-06-05\n",
		    "2026-06-15", "2026-06-12", 10, 1 },
		/* Golden week: 4/29 and 5/3-5/6 are closed. */
		{ "type: procurement\nstatus: received\nreceived: 2026-04-28\n",
		    "2026-05-12", "2026-05-11", 14, 1 },
		/* A due field wins over the rule. */
		{ "type: procurement\nstatus: received\nreceived: 2026-06-01\n"
		    "due: 2026-06-30\n", "2026-06-20", "2026-06-30", 19, 0 },
		/* Submitted: closed, not overdue, days to submission. */
		{ "type: procurement\nstatus: submitted\nreceived: 2026-06-01\n"
		    "submitted: 2026-06-05\n", "2026-07-01", "2026-06-08", 4,
		    0 },
		/* A plan without a due date. */
		{ "type: plan\nstatus: hearing\nreceived: 2026-04-10\n",
		    "2026-05-10", NULL, 30, 0 },
		/* A decided plan: days to the decision. */
		{ "type: plan\nstatus: decided\nreceived: 2026-04-10\n"
		    "decision: {result: approve, date: 2026-04-20}\n",
		    "2026-12-01", NULL, 10, 0 },
		/* On hold: past due but not overdue. */
		{ "type: plan\nstatus: on-hold\nreceived: 2026-04-10\n"
		    "due: 2026-04-20\n", "2026-05-01", "2026-04-20", 21, 0 },
		/* Entered ahead of its received date: open 0 days, not -5. */
		{ "type: plan\nstatus: received\nreceived: 2026-11-30\n",
		    "2026-11-25", NULL, 0, 0 },
		/* Year end: 29 Dec - 3 Jan closed. */
		{ "type: plan\nstatus: received\nreceived: 2026-12-01\n"
		    "due: 2026-12-28\n", "2027-01-04", "2026-12-28", 34, 1 },
	};
	struct ydoc	*doc;
	struct cal_date	 due;
	char		 s[CAL_FMT_MAX];
	long		 days, over;
	size_t		 i;
	int		 rc;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		doc = rec_parse(cases[i].rec);
		rc = review_due(&due, NULL, ydoc_root(doc));
		if (cases[i].due == NULL)
			assert_int_equal(rc, NC_ENOTFOUND);
		else {
			assert_int_equal(rc, 0);
			cal_format_iso(s, sizeof s, due);
			if (strcmp(s, cases[i].due) != 0)
				fail_msg("case %zu: due %s, want %s", i, s,
				    cases[i].due);
		}
		assert_int_equal(review_days_open(&days, ydoc_root(doc),
		    rec_day(cases[i].today)), 0);
		assert_int_equal(review_overdue(&over, NULL, ydoc_root(doc),
		    rec_day(cases[i].today)), 0);
		if (days != cases[i].days || over != cases[i].overdue)
			fail_msg("case %zu: days %ld overdue %ld, want %ld %ld",
			    i, days, over, cases[i].days, cases[i].overdue);
		ydoc_free(doc);
	}
}

static void
test_check_date(void **state)
{
	struct ydoc	*doc;

	(void)state;
	doc = rec_parse("fy: 2026\nreceived: 2026-05-20\n");
	assert_int_equal(review_check_date(ydoc_root(doc), "decision date",
	    rec_day("2026-05-20")), 0);
	assert_int_equal(review_check_date(ydoc_root(doc), "decision date",
	    rec_day("2027-03-31")), 0);
	/* the next year: a plan of March decided in April */
	assert_int_equal(review_check_date(ydoc_root(doc), "decision date",
	    rec_day("2027-04-01")), 0);
	assert_int_equal(review_check_date(ydoc_root(doc), "decision date",
	    rec_day("2028-03-31")), 0);
	assert_int_equal(review_check_date(ydoc_root(doc), "decision date",
	    rec_day("2028-04-01")), NC_EINVALID);
	assert_non_null(strstr(error_last(), "decision date '2028-04-01' is"
	    " more than a year after the record's fiscal year 2026 ended"
	    " (2027-03-31); the latest is 2028-03-31"));
	assert_int_equal(review_check_date(ydoc_root(doc), "sent",
	    rec_day("2026-05-19")), NC_EINVALID);
	assert_non_null(strstr(error_last(), "before the review was"
	    " received (2026-05-20)"));
	ydoc_free(doc);
	/* no receipt: the year's start still bounds it */
	doc = rec_parse("fy: 2026\n");
	assert_int_equal(review_check_date(ydoc_root(doc), "sent",
	    rec_day("2026-03-31")), NC_EINVALID);
	assert_non_null(strstr(error_last(), "sent '2026-03-31' is before"
	    " the record's fiscal year 2026 (from 2026-04-01)"));
	ydoc_free(doc);
}

static void
test_is_open(void **state)
{
	static const struct {
		const char	*status;
		int		 open;
	} cases[] = {
		{ "received", 1 }, { "hearing", 1 }, { "assessed", 1 },
		{ "on-hold", 1 }, { "decided", 0 }, { "submitted", 0 },
		{ "withdrawn", 0 },
	};
	struct ydoc	*doc;
	char		 text[64];
	size_t		 i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		snprintf(text, sizeof text, "status: %s\n", cases[i].status);
		doc = rec_parse(text);
		assert_int_equal(review_is_open(ydoc_root(doc)), cases[i].open);
		ydoc_free(doc);
	}
}

/* The tree as YAML, without the quotes new scalars are written with. */
static char *
emit(struct ydoc *doc)
{
	struct buf	 b = BUF_INIT;
	char		*s, *p, *q;

	assert_int_equal(node_emit(&b, ydoc_root(doc)), 0);
	buf_putc(&b, '\0');
	s = buf_detach(&b, NULL);
	for (p = q = s; *p != '\0'; p++)
		if (*p != '"')
			*q++ = *p;
	*q = '\0';
	return s;
}

/* The status moves forward only, and never off on-hold or withdrawn. */
static void
test_advance(void **state)
{
	static const struct {
		const char	*from;		/* NULL: no status yet */
		const char	*to;
		const char	*want;
		int		 rc;
	} cases[] = {
		{ "received", "hearing", "hearing", 0 },
		{ "hearing", "assessed", "assessed", 0 },
		{ "assessed", "hearing", "assessed", 0 },
		{ "decided", "assessed", "decided", 0 },
		{ "decided", "submitted", "submitted", 0 },
		{ "submitted", "decided", "submitted", 0 },
		{ "on-hold", "assessed", "on-hold", 0 },
		{ "withdrawn", "decided", "withdrawn", 0 },
		{ NULL, "received", "received", 0 },
		{ "received", "on-hold", "received", NC_EINVALID },
		{ "received", "bogus", "received", NC_EINVALID },
	};
	struct ydoc	*doc;
	char		 text[64];
	size_t		 i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		if (cases[i].from != NULL)
			snprintf(text, sizeof text, "status: %s\n",
			    cases[i].from);
		else
			snprintf(text, sizeof text, "title: x\n");
		doc = rec_parse(text);
		assert_int_equal(review_advance(doc, ydoc_root(doc),
		    cases[i].to, rec_day("2026-05-01")), cases[i].rc);
		assert_string_equal(node_get_str(ydoc_root(doc), "status"),
		    cases[i].want);
		ydoc_free(doc);
	}
}

/* Costs: the first year goes first, the fiscal year from received. */
static void
test_add_cost(void **state)
{
	struct ydoc	*doc;
	char		*got;

	(void)state;
	doc = rec_parse("received: 2027-03-31\n");
	assert_int_equal(review_add_cost(doc, ydoc_root(doc), 2027, 0,
	    3600000, 0), 0);
	assert_int_equal(review_add_cost(doc, ydoc_root(doc), 2028, 0, -1, 0),
	    0);
	assert_int_equal(review_add_cost(doc, ydoc_root(doc), 0, 12800000,
	    100, 1), 0);
	got = emit(doc);
	assert_string_equal(got,
	    "received: 2027-03-31\n"
	    "costs:\n"
	    "  - fy: 2026\n    initial: 12800000\n    running: 100\n"
	    "  - fy: 2027\n    initial: 0\n    running: 3600000\n"
	    "  - fy: 2028\n    initial: 0\n");
	free(got);
	ydoc_free(doc);
}

/*
 * Answers find their questions: N:TEXT answers question N, TEXT the
 * first still open; the round is dated once every question is answered.
 */
static void
test_hearing_answers(void **state)
{
	static const struct {
		long		 round;
		const char	*answers[3];
		const char	*answered;	/* given date, or NULL */
		int		 rc;
		const char	*want;		/* answers|...;date answered */
	} cases[] = {
		{ 0, { "a", NULL }, NULL, 0, "a|-|-;-" },
		{ 2, { "2:b", NULL }, NULL, 0, "-|b|-;-" },
		{ 0, { "2:b", "a", NULL }, NULL, 0, "a|b|-;-" },
		{ 0, { "a", "b", "c" }, NULL, 0, "a|b|c;2026-05-01" },
		{ 0, { "3:c", "1:a", "b" }, NULL, 0, "a|b|c;2026-05-01" },
		{ 0, { "1:a", NULL }, "2026-04-20", 0, "a|-|-;2026-04-20" },
		{ 0, { "4:x", NULL }, NULL, NC_EINVALID, NULL },
		{ 0, { "0:x", NULL }, NULL, 0, "0:x|-|-;-" },
		{ 1, { "a", NULL }, NULL, 0, "a;2026-05-01" },
		{ 3, { "a", NULL }, NULL, NC_ENOTFOUND, NULL },
	};
	struct ydoc		*doc;
	const struct node	*r, *items;
	struct cal_date		 d;
	const char		*v;
	char			 got[256];
	size_t			 i, k, n;
	int			 rc;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		doc = rec_parse("fy: 2026\nreceived: 2026-04-10\nhearings:\n"
		    "  - round: 1\n    items:\n      - question: q0\n"
		    "  - round: 2\n    items:\n      - question: q1\n"
		    "      - question: q2\n      - question: q3\n");
		for (n = 0; n < 3 && cases[i].answers[n] != NULL; n++)
			;
		if (cases[i].answered != NULL)
			d = rec_day(cases[i].answered);
		rc = review_hearing_answer(doc, ydoc_root(doc), cases[i].round,
		    cases[i].answers, n, cases[i].answered != NULL ? &d : NULL,
		    rec_day("2026-05-01"));
		assert_int_equal(rc, cases[i].rc);
		if (rc != 0) {
			ydoc_free(doc);
			continue;
		}
		r = review_round(ydoc_root(doc), cases[i].round);
		items = node_get(r, "items");
		got[0] = '\0';
		for (k = 0; k < items->n; k++) {
			v = node_get_str(items->u.items[k], "answer");
			snprintf(got + strlen(got), sizeof got - strlen(got),
			    "%s%s", k ? "|" : "", v != NULL ? v : "-");
		}
		v = node_get_str(r, "answered");
		snprintf(got + strlen(got), sizeof got - strlen(got), ";%s",
		    v != NULL ? v : "-");
		assert_string_equal(got, cases[i].want);
		ydoc_free(doc);
	}
}

static void
test_hearing_ask(void **state)
{
	const char		*qs[] = { "根拠は", "認証は" };
	struct review_round_new	 in;
	struct ydoc		*doc;
	struct cal_date		 due = rec_day("2026-04-16");
	long			 round;
	char			*got;

	(void)state;
	doc = rec_parse("status: received\n");
	memset(&in, 0, sizeof in);
	in.sent = rec_day("2026-04-13");
	assert_int_equal(review_hearing_ask(doc, ydoc_root(doc), &in, &round),
	    NC_EINVALID);
	assert_non_null(strstr(error_last(), "at least one question"));
	in.questions = qs;
	in.nquestions = 2;
	in.due = &due;
	assert_int_equal(review_hearing_ask(doc, ydoc_root(doc), &in, &round),
	    0);
	assert_int_equal(round, 1);
	in.method = "meeting";
	in.due = NULL;
	in.nquestions = 1;
	assert_int_equal(review_hearing_ask(doc, ydoc_root(doc), &in, &round),
	    0);
	assert_int_equal(round, 2);
	got = emit(doc);
	assert_string_equal(got,
	    "status: hearing\n"
	    "hearings:\n"
	    "  - round: 1\n    method: written\n    sent: 2026-04-13\n"
	    "    due: 2026-04-16\n    items:\n"
	    "      - question: 根拠は\n      - question: 認証は\n"
	    "  - round: 2\n    method: meeting\n    sent: 2026-04-13\n"
	    "    items:\n      - question: 根拠は\n"
	    "status_history:\n"
	    "  - date: 2026-04-13\n    from: received\n    to: hearing\n");
	free(got);
	ydoc_free(doc);
}

static void
test_assess(void **state)
{
	struct review_assessment	 a;
	struct ydoc			*doc;
	struct cal_date			 sub = rec_day("2026-06-05");
	struct cal_date			 on = rec_day("2026-06-01");
	char				*got;

	(void)state;
	doc = rec_parse("type: procurement\nstatus: received\n");
	memset(&a, 0, sizeof a);
	a.rating = "adequate";
	assert_int_equal(review_assess(doc, ydoc_root(doc), &a), NC_EINVALID);
	memset(&a, 0, sizeof a);
	a.target = "3 業務要件";
	assert_int_equal(review_assess(doc, ydoc_root(doc), &a), NC_EINVALID);
	/* The same viewpoint twice is one finding. */
	memset(&a, 0, sizeof a);
	a.viewpoint = "cost";
	a.rating = "needs-check";
	a.on = &on;
	assert_int_equal(review_assess(doc, ydoc_root(doc), &a), 0);
	a.rating = "adequate";
	a.comment = "妥当";
	assert_int_equal(review_assess(doc, ydoc_root(doc), &a), 0);
	memset(&a, 0, sizeof a);
	a.opinion = "明示すること";
	a.target = "3 業務要件";
	a.overall = "可";
	assert_int_equal(review_assess(doc, ydoc_root(doc), &a), 0);
	memset(&a, 0, sizeof a);
	a.submitted = &sub;
	assert_int_equal(review_assess(doc, ydoc_root(doc), &a), 0);
	got = emit(doc);
	assert_string_equal(got,
	    "type: procurement\n"
	    "status: submitted\n"
	    "findings:\n"
	    "  - viewpoint: cost\n    rating: adequate\n    comment: 妥当\n"
	    "status_history:\n"
	    "  - date: 2026-06-01\n    from: received\n    to: assessed\n"
	    "  - date: 2026-06-05\n    from: assessed\n    to: submitted\n"
	    "overall: 可\n"
	    "opinions:\n"
	    "  - target: 3 業務要件\n    comment: 明示すること\n"
	    "submitted: 2026-06-05\n");
	free(got);
	ydoc_free(doc);
	/* A plan given a submitted date is not closed by it. */
	doc = rec_parse("type: plan\nstatus: hearing\n");
	assert_int_equal(review_assess(doc, ydoc_root(doc), &a), 0);
	assert_string_equal(node_get_str(ydoc_root(doc), "status"),
	    "assessed");
	ydoc_free(doc);
}

static void
test_decide(void **state)
{
	static const char *const conds[] = { "診断を実施すること" };
	static const char *const why[] = { "既存の仕組みで足りるため。" };
	static const struct {
		const char	*rec;
		const char	*result;
		size_t		 nconds;
		size_t		 nwhy;
		int		 force;
		int		 rc;
		const char	*msg;		/* error, or the approver */
	} cases[] = {
		{ "type: procurement\n", "approve", 0, 0, 1, NC_EINVALID,
		  "submitted, not decided" },
		{ "type: plan\ncategory: new\n", "conditional", 0, 0, 1,
		  NC_EINVALID, "needs its conditions" },
		{ "type: plan\ncategory: new\n", "approve", 1, 0, 1,
		  NC_EINVALID, "not 'approve'" },
		{ "type: plan\ncategory: new\n", "approve", 0, 0, 0,
		  NC_EINVALID, "no findings" },
		{ "type: plan\n", "approve", 0, 0, 1, NC_EINVALID,
		  "no category" },
		{ "type: plan\ncategory: update\ncosts:\n"
		  "  - {fy: 2026, initial: 12800000}\n"
		  "  - {fy: 2027, running: 7200000}\n", "conditional", 1, 0,
		  1, 0, "department-head" },
		{ "type: plan\ncategory: new\nfindings:\n"
		  "  - {viewpoint: cost}\n", "approve", 0, 0, 0, 0,
		  "department-head" },
		{ "type: system-evaluation\n", "reject", 0, 1, 1, 0, NULL },
		/* a rejection states its grounds, and only it has them */
		{ "type: system-evaluation\n", "reject", 0, 0, 1,
		  NC_EINVALID, "needs its reasons" },
		{ "type: system-evaluation\n", "conditional", 1, 1, 1,
		  NC_EINVALID, "not 'conditional'" },
	};
	struct review_decision_in	 in;
	struct review_approval		 a;
	struct ydoc			*doc, *conf = rec_parse(config_text);
	const struct node		*dec;
	size_t				 i;
	int				 rc;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		doc = rec_parse(cases[i].rec);
		memset(&in, 0, sizeof in);
		in.result = cases[i].result;
		in.conditions = conds;
		in.nconditions = cases[i].nconds;
		in.reasons = why;
		in.nreasons = cases[i].nwhy;
		in.date = rec_day("2026-04-20");
		in.force = cases[i].force;
		in.notice_no = "練企情発第12号";
		rc = review_decide(doc, ydoc_root(doc), ydoc_root(conf), &in,
		    &a);
		assert_int_equal(rc, cases[i].rc);
		if (rc != 0) {
			assert_non_null(strstr(error_last(), cases[i].msg));
			assert_null(node_get(ydoc_root(doc), "decision"));
			ydoc_free(doc);
			continue;
		}
		dec = node_get(ydoc_root(doc), "decision");
		assert_string_equal(node_get_str(dec, "result"),
		    cases[i].result);
		assert_string_equal(node_get_str(dec, "date"), "2026-04-20");
		assert_string_equal(node_get_str(dec, "notice_no"),
		    "練企情発第12号");
		assert_string_equal(node_get_str(ydoc_root(doc), "status"),
		    "decided");
		if (cases[i].msg != NULL) {
			assert_string_equal(a.code, cases[i].msg);
			assert_string_equal(node_get_str(dec, "approver"),
			    cases[i].msg);
		} else {
			assert_null(a.code);
			assert_null(node_get(dec, "approver"));
		}
		assert_int_equal(node_get(dec, "conditions") != NULL,
		    cases[i].nconds > 0);
		assert_int_equal(node_get(dec, "reasons") != NULL,
		    cases[i].nwhy > 0);
		ydoc_free(doc);
	}
	ydoc_free(conf);
}

/* Which documents each word names, by type and state. */
static void
test_docs(void **state)
{
	static const struct {
		const char	*rec;
		const char	*what;
		const char	*want;		/* names+exts, or NULL */
	} cases[] = {
		{ "type: plan\n", "all", "精査記録.xlsx 精査記録.docx" },
		{ "type: plan\ndecision: {result: approve}\n", "all",
		  "精査記録.xlsx 精査記録.docx 可否決定通知.docx" },
		{ "type: plan\n", "notice", "可否決定通知.docx" },
		{ "type: plan\n", "opinion", NULL },
		{ "type: plan\n", "evaluation", NULL },
		{ "type: procurement\n", "all", "意見書.docx" },
		{ "type: procurement\ndecision: {result: approve}\n", "all",
		  "意見書.docx" },
		{ "type: procurement\n", "record", NULL },
		{ "type: procurement\n", "notice", NULL },
		{ "type: system-evaluation\n", "all",
		  "システム評価確認シート.xlsx" },
		{ "type: system-evaluation\ndecision: {result: approve}\n",
		  "all", "システム評価確認シート.xlsx "
		  "システム評価結果通知書.docx" },
		{ "type: system-evaluation\n", "notice",
		  "システム評価結果通知書.docx" },
		{ "type: plan\n", "minutes", NULL },
	};
	struct review_docspec	 v[REVIEW_DOCS_MAX];
	struct ydoc		*doc;
	char			 got[512];
	size_t			 i, k, n;
	int			 rc;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		doc = rec_parse(cases[i].rec);
		rc = review_docs(v, &n, ydoc_root(doc), cases[i].what);
		if (cases[i].want == NULL) {
			if (rc == 0)
				fail_msg("%s of %s accepted", cases[i].what,
				    cases[i].rec);
			assert_int_equal(rc, NC_EINVALID);
			ydoc_free(doc);
			continue;
		}
		assert_int_equal(rc, 0);
		got[0] = '\0';
		for (k = 0; k < n; k++) {
			assert_non_null(v[k].write);
			snprintf(got + strlen(got), sizeof got - strlen(got),
			    "%s%s%s", k ? " " : "", v[k].name, v[k].ext);
		}
		assert_string_equal(got, cases[i].want);
		ydoc_free(doc);
	}
}

static void
test_fill_new(void **state)
{
	struct ydoc	*doc;
	struct cal	*cal;

	(void)state;
	assert_string_equal(review_type_required("plan"), "category");
	assert_string_equal(review_type_required("system-evaluation"),
	    "evaluation_kind");
	assert_null(review_type_required("procurement"));
	assert_string_equal(review_ask_fields("procurement")[1],
	    "procurement_stage");
	assert_string_equal(review_ask_fields(NULL)[0], "category");
	doc = rec_parse("type: procurement\nreceived: 2026-06-01\n");
	assert_non_null(cal = cal_new());
	assert_int_equal(review_fill_new(doc, ydoc_root(doc), NULL, cal), 0);
	cal_free(cal);
	/* 5 business days after Monday 1 June 2026. */
	assert_string_equal(node_get_str(ydoc_root(doc), "due"), "2026-06-08");
	ydoc_free(doc);
}

/* The median's days, one text for the command line and the workbook. */
static void
test_days_text(void **state)
{
	char	buf[32];

	(void)state;
	review_days_text(buf, sizeof buf, 21);
	assert_string_equal(buf, "21");
	review_days_text(buf, sizeof buf, 9.5);
	assert_string_equal(buf, "9.5");
	review_days_text(buf, sizeof buf, 0);
	assert_string_equal(buf, "0");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cost),
		cmocka_unit_test(test_days_text),
		cmocka_unit_test(test_approver),
		cmocka_unit_test(test_approver_below),
		cmocka_unit_test(test_withdrawn),
		cmocka_unit_test(test_status_on),
		cmocka_unit_test(test_withdrawn_on),
		cmocka_unit_test(test_due_and_days),
		cmocka_unit_test(test_check_date),
		cmocka_unit_test(test_is_open),
		cmocka_unit_test(test_advance),
		cmocka_unit_test(test_add_cost),
		cmocka_unit_test(test_hearing_answers),
		cmocka_unit_test(test_hearing_ask),
		cmocka_unit_test(test_assess),
		cmocka_unit_test(test_decide),
		cmocka_unit_test(test_docs),
		cmocka_unit_test(test_fill_new),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
