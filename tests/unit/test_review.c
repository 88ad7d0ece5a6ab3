/*
 * Review computations: cost bases, the 決裁区分 rules, due dates, days
 * open, overdue by business days, dates inside the fiscal year.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "review.h"

static struct ydoc *
parse(const char *text)
{
	struct ydoc	*doc = NULL;

	assert_int_equal(ydoc_parse(&doc, text, strlen(text), "test", NULL),
	    0);
	return doc;
}

static struct cal_date
day(const char *s)
{
	struct cal_date	d;

	assert_int_equal(cal_parse_iso(&d, s), 0);
	return d;
}

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
	doc = parse("costs:\n"
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
	conf = parse(config_text);
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		if (cases[i].category != NULL)
			snprintf(text, sizeof text, "category: %s\ncosts:\n"
			    "  - {fy: 2026, initial: %lld, running: 0}\n",
			    cases[i].category, cases[i].cost);
		else
			snprintf(text, sizeof text, "costs:\n"
			    "  - {fy: 2026, initial: %lld}\n", cases[i].cost);
		rec = parse(text);
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
	conf = parse("approval:\n  rules:\n"
	    "    - {category: new, below: 100, approver: cio}\n");
	rec = parse("category: new\ncosts: [{fy: 2026, initial: 500}]\n");
	assert_int_equal(review_approver(&a, ydoc_root(conf), ydoc_root(rec)),
	    NC_ENOTFOUND);
	assert_non_null(strstr(error_last(), "no approval rule"));
	ydoc_free(rec);
	/* first-year basis: only the earliest year counts. */
	ydoc_free(conf);
	conf = parse("approval:\n  cost_basis: first-year\n  rules:\n"
	    "    - {category: new, below: 1000, approver: division-head}\n"
	    "    - {category: new, approver: cio}\n");
	rec = parse("category: new\ncosts:\n"
	    "  - {fy: 2027, initial: 5000}\n  - {fy: 2026, initial: 999}\n");
	assert_int_equal(review_approver(&a, ydoc_root(conf), ydoc_root(rec)),
	    0);
	assert_string_equal(a.code, "division-head");
	assert_null(a.title);
	ydoc_free(rec);
	ydoc_free(conf);
	/* No rules at all. */
	conf = parse("ward: 練馬区\n");
	rec = parse("category: new\n");
	assert_int_equal(review_approver(&a, ydoc_root(conf), ydoc_root(rec)),
	    NC_EINVALID);
	ydoc_free(rec);
	ydoc_free(conf);
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
		doc = parse(cases[i].rec);
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
		    day(cases[i].today)), 0);
		assert_int_equal(review_overdue(&over, NULL, ydoc_root(doc),
		    day(cases[i].today)), 0);
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
	doc = parse("fy: 2026\nreceived: 2026-05-20\n");
	assert_int_equal(review_check_date(ydoc_root(doc), "decision date",
	    day("2026-05-20")), 0);
	assert_int_equal(review_check_date(ydoc_root(doc), "decision date",
	    day("2027-03-31")), 0);
	assert_int_equal(review_check_date(ydoc_root(doc), "decision date",
	    day("2027-04-01")), NC_EINVALID);
	assert_non_null(strstr(error_last(), "decision date '2027-04-01' is"
	    " outside the record's fiscal year 2026"));
	assert_int_equal(review_check_date(ydoc_root(doc), "sent",
	    day("2026-05-19")), NC_EINVALID);
	assert_non_null(strstr(error_last(), "before the review was"
	    " received (2026-05-20)"));
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
		doc = parse(text);
		assert_int_equal(review_is_open(ydoc_root(doc)), cases[i].open);
		ydoc_free(doc);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cost),
		cmocka_unit_test(test_approver),
		cmocka_unit_test(test_due_and_days),
		cmocka_unit_test(test_check_date),
		cmocka_unit_test(test_is_open),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
