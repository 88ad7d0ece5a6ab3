/*
 * A record's dated status history (statuslog.h): the status on a day,
 * what an edit logs, and the checks of lint and every write.
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
#include "schema.h"
#include "statuslog.h"
#include "testrec.h"

static const char logged[] = "status: withdrawn\n"
    "status_history:\n"
    "  - {date: 2026-05-10, from: received, to: hearing}\n"
    "  - {date: 2026-07-01, from: hearing, to: on-hold}\n"
    "  - {date: 2026-06-20, from: on-hold, to: withdrawn}\n";

static void
test_on(void **state)
{
	static const struct {
		const char	*rec;
		const char	*day;
		int		 rc;
		const char	*want;
	} cases[] = {
		{ "status: hearing\n", "2026-05-01", STATUSLOG_NONE, NULL },
		{ logged, "2026-05-01", STATUSLOG_BEFORE, "received" },
		{ logged, "2026-05-10", STATUSLOG_LOGGED, "hearing" },
		/* entered later with an earlier day: made then */
		{ logged, "2026-06-25", STATUSLOG_LOGGED, "withdrawn" },
		{ logged, "2026-07-05", STATUSLOG_LOGGED, "withdrawn" },
		/* changed since, by hand: the record's own rules */
		{ "status: on-hold\nstatus_history: [{date: 2026-05-10, to: "
		  "hearing}]\n", "2026-05-20", STATUSLOG_NONE, NULL },
		{ "status: on-hold\nstatus_history: [{date: 2026-05-10, to: "
		  "hearing}]\n", "2026-05-01", STATUSLOG_BEFORE, NULL },
	};
	struct ydoc	*doc;
	const char	*got;
	size_t		 i;
	int		 rc;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		doc = rec_parse(cases[i].rec);
		rc = statuslog_on(&got, ydoc_root(doc), rec_day(cases[i].day));
		if (rc != cases[i].rc || (got == NULL ? cases[i].want != NULL :
		    cases[i].want == NULL || strcmp(got, cases[i].want) != 0))
			fail_msg("case %zu: %d %s, want %d %s", i, rc,
			    got != NULL ? got : "NULL", cases[i].rc,
			    cases[i].want != NULL ? cases[i].want : "NULL");
		ydoc_free(doc);
	}
}

/* An edit that changes the status logs it, unless it logged it itself. */
static void
test_edited(void **state)
{
	static const struct {
		const char	*old, *now;
		const char	*kind;
		int		 logged;
		size_t		 n;		/* changes after */
	} cases[] = {
		{ "status: hearing\n", "status: withdrawn\n", "review", 1, 1 },
		{ "status: hearing\n", "status: hearing\nnote: x\n", "review",
		  0, 0 },
		{ "status: reviewing\n", "status: hearing\n", "pia", 1, 1 },
		/* incidents log in their timeline, not here */
		{ "status: reported\n", "status: closed\n", "incident", 0, 0 },
		{ "status: hearing\n", "status: withdrawn\nstatus_history: "
		  "[{date: 2026-07-01, from: hearing, to: withdrawn}]\n",
		  "review", 0, 1 },
	};
	struct schemaset	*set = rec_schemas();
	struct ydoc		*old, *now;
	const struct node	*h;
	size_t			 i;
	int			 logged;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		old = rec_parse(cases[i].old);
		now = rec_parse(cases[i].now);
		assert_int_equal(statuslog_edited(&logged, now, ydoc_root(now),
		    schemaset_kind(set, cases[i].kind), ydoc_root(old),
		    rec_day("2026-08-05")), 0);
		assert_int_equal(logged, cases[i].logged);
		h = node_get(ydoc_root(now), "status_history");
		assert_int_equal(h != NULL ? h->n : 0, cases[i].n);
		if (cases[i].logged) {
			h = h->u.items[h->n - 1];
			assert_string_equal(node_get_str(h, "date"),
			    "2026-08-05");
			assert_string_equal(node_get_str(h, "to"),
			    node_get_str(ydoc_root(now), "status"));
			assert_string_equal(node_get_str(h, "from"),
			    node_get_str(ydoc_root(old), "status"));
		}
		ydoc_free(old);
		ydoc_free(now);
	}
	schemaset_free(set);
}

static void
test_check(void **state)
{
	static const struct {
		const char	*rec;
		const char	*msg;	/* NULL: no problem */
	} cases[] = {
		{ logged, NULL },
		{ "status: hearing\n", NULL },
		{ "status: hearing\nstatus_history: [{date: 2026-05-10, to: "
		  "hearing}]\n", NULL },
		{ "status: on-hold\nstatus_history: [{date: 2026-05-10, to: "
		  "hearing}]\n", "status 'on-hold' is not the last change" },
		{ "status: hearing\nstatus_history: [{date: 2026-05-10, to: "
		  "hearings}]\n", "status_history[0].to 'hearings' is not a "
		  "status" },
		/* a label is not the value */
		{ "status: hearing\nstatus_history: [{date: 2026-05-10, from: "
		  "受付, to: hearing}]\n", "status_history[0].from '受付'" },
		{ "status: withdrawn\nstatus_history:\n"
		  "  - {date: 2026-05-10, from: received, to: hearing}\n"
		  "  - {date: 2026-06-10, from: assessed, to: withdrawn}\n",
		  "status_history[1] changes from 'assessed', but the change "
		  "before it left 'hearing'" },
	};
	struct schemaset	*set = rec_schemas();
	struct diags		 d = DIAGS_INIT;
	struct ydoc		*doc;
	size_t			 i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		doc = rec_parse(cases[i].rec);
		statuslog_check(schemaset_kind(set, "review"), ydoc_root(doc),
		    "r.yaml", &d);
		if (cases[i].msg == NULL && d.n > 0)
			fail_msg("case %zu: %s", i, d.v[0].msg);
		if (cases[i].msg != NULL && (d.n == 0 ||
		    strstr(d.v[0].msg, cases[i].msg) == NULL))
			fail_msg("case %zu: %zu problems (%s), want %s", i, d.n,
			    d.n > 0 ? d.v[0].msg : "", cases[i].msg);
		diags_free(&d);
		ydoc_free(doc);
	}
	schemaset_free(set);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_on),
		cmocka_unit_test(test_edited),
		cmocka_unit_test(test_check),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
