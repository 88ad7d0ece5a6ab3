/*
 * Consultations: open and overdue, days to answer, answers refused
 * before the question, attendances, the SHA-256 of a returned sheet, and
 * the 相談業務実施報告書's rows and counts for a period.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "consult.h"
#include "consult_int.h"
#include "testrec.h"

static char	root[] = "/tmp/ncio-consult-XXXXXX";
static struct store *st;

static void
copy(const char *name)
{
	char	 from[1024], to[1024], buf[8192];
	FILE	*in, *out;
	size_t	 n;

	snprintf(from, sizeof from, "%s/data/sample/%s", NCIO_SOURCE_DIR, name);
	snprintf(to, sizeof to, "%s/%s", root, name);
	assert_non_null(in = fopen(from, "r"));
	assert_non_null(out = fopen(to, "w"));
	while ((n = fread(buf, 1, sizeof buf, in)) > 0)
		assert_int_equal(fwrite(buf, 1, n, out), n);
	fclose(in);
	fclose(out);
}

/* A consultation written through the record layer, as `consult add` does. */
static void
add(const char *text)
{
	const struct schema	*kind;
	struct ydoc		*doc = rec_parse(text);
	char			*id = NULL, *rel = NULL;

	assert_int_equal(store_kind(&kind, st, "consult"), 0);
	assert_int_equal(record_create(&id, &rel, st, kind, doc, NULL), 0);
	free(id);
	free(rel);
	ydoc_free(doc);
}

static int
setup(void **state)
{
	(void)state;
	if (mkdtemp(root) == NULL)
		return -1;
	copy("nerima-cio.yaml");
	copy("orgs.yaml");
	setenv("NERIMA_CIO_TODAY", "2026-06-08", 1);
	return store_open(&st, root);
}

static int
teardown(void **state)
{
	char	cmd[600];

	(void)state;
	store_free(st);
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", root);
	return system(cmd) == 0 ? 0 : -1;
}

static void
test_state(void **state)
{
	static const struct {
		const char	*text;
		int		 open, overdue;
		long		 days;
	} cases[] = {
		{ "status: received\nreceived: 2026-05-01\ndue: 2026-05-15\n",
		  1, 1, -1 },
		{ "status: answering\nreceived: 2026-05-01\ndue: 2026-06-08\n",
		  1, 0, -1 },
		{ "status: received\nreceived: 2026-05-01\n", 1, 0, -1 },
		{ "status: answered\nreceived: 2026-05-01\ndue: 2026-05-15\n"
		  "answered: 2026-05-20\n", 0, 0, 19 },
		{ "status: closed\nreceived: 2026-04-30\nanswered: 2026-05-01\n",
		  0, 0, 1 },
	};
	struct ydoc	*doc;
	long		 days;
	size_t		 i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		doc = rec_parse(cases[i].text);
		assert_int_equal(consult_is_open(ydoc_root(doc)),
		    cases[i].open);
		assert_int_equal(consult_overdue(ydoc_root(doc),
		    rec_day("2026-06-08")), cases[i].overdue);
		if (cases[i].days < 0)
			assert_int_not_equal(consult_days_to_answer(&days,
			    ydoc_root(doc)), 0);
		else {
			assert_int_equal(consult_days_to_answer(&days,
			    ydoc_root(doc)), 0);
			assert_int_equal(days, cases[i].days);
		}
		ydoc_free(doc);
	}
}

static void
test_answer(void **state)
{
	struct ydoc		*doc = rec_parse("id: cs-aaaaaaaa\nfy: 2026\n"
	    "type: department\ntitle: t\norg: hoiku\nreceived: 2026-05-11\n"
	    "status: received\n");
	struct node		*root = ydoc_root(doc);
	struct consult_answer	 a;
	const char		*by[] = { "kakuu-taro", "kakuu-taro" };

	(void)state;
	memset(&a, 0, sizeof a);
	a.date = "2026-05-20";
	assert_int_equal(consult_set_answer(doc, root, &a), NC_EINVALID);
	assert_non_null(strstr(error_last(), "no answer"));
	/* dated before the question was received: refused */
	a.text = "回答";
	a.date = "2026-05-10";
	assert_int_equal(consult_set_answer(doc, root, &a), NC_EINVALID);
	assert_string_equal(error_last(), "the answer date 2026-05-10 "
	    "(answered) is before the question was received (2026-05-11)");
	a.date = "2026-05-20";
	a.by = by;
	a.nby = 2;
	assert_int_equal(consult_set_answer(doc, root, &a), 0);
	assert_string_equal(node_get_str(root, "status"), "answered");
	assert_string_equal(node_get_str(root, "answered"), "2026-05-20");
	assert_int_equal(node_get(root, "answered_by")->n, 1);
	/* a draft would reopen it */
	memset(&a, 0, sizeof a);
	a.draft = 1;
	assert_int_equal(consult_set_answer(doc, root, &a), NC_EINVALID);
	/* a long answer in a file is an answer too */
	ydoc_free(doc);
	doc = rec_parse("received: 2026-05-11\nstatus: received\n");
	memset(&a, 0, sizeof a);
	a.file = "調査報告書.docx";
	a.date = "2026-05-11";
	assert_int_equal(consult_set_answer(doc, ydoc_root(doc), &a), 0);
	assert_string_equal(node_get_str(ydoc_root(doc), "answer_file"),
	    "調査報告書.docx");
	ydoc_free(doc);
}

static void
test_attend(void **state)
{
	struct ydoc	*doc = rec_parse("received: 2026-05-11\nattended: true\n"
	    "attended_date: 2026-05-20\ncounterpart: 見本システムズ\n");
	struct node	*root = ydoc_root(doc);

	(void)state;
	assert_int_equal(consult_nattendances(root), 1);
	assert_int_equal(consult_add_attendance(doc, root, "2026-05-20",
	    "見本システムズ", NULL), 1);
	assert_int_equal(consult_add_attendance(doc, root, "2026-06-01",
	    "架空ソリューションズ", "打合せ"), 0);
	assert_int_equal(consult_nattendances(root), 2);
	assert_null(node_get(root, "attended_date"));
	assert_int_equal(consult_add_attendance(doc, root, "2026-05-01",
	    "x", NULL), NC_EINVALID);
	ydoc_free(doc);
}

static void
test_report(void **state)
{
	struct consult_report	 rp;
	size_t			 i;

	(void)state;
	add("type: department\ntitle: A\norg: hoiku\nreceived: 2026-04-10\n"
	    "status: answered\nanswered: 2026-04-20\n"
	    "attendances:\n  - date: 2026-04-25\n    counterpart: V\n"
	    "attended: true\n");
	add("type: department\ntitle: B\norg: hoiku\nreceived: 2026-05-20\n"
	    "status: answered\nanswered: 2026-06-02\n");
	add("type: division\ntitle: C\norg: johoseisaku\n"
	    "received: 2026-05-01\nstatus: received\n");
	add("type: dx\ntitle: D\norg: kusei-kaikaku\nreceived: 2026-06-01\n"
	    "status: received\n");
	add("type: division\ntitle: E\norg: johoseisaku\n"
	    "received: 2026-04-02\nstatus: answered\nanswered: 2026-04-03\n");
	assert_int_equal(consult_report_build(&rp, st, rec_day("2026-05-01"),
	    rec_day("2026-05-31")), 0);
	/* A and E were answered before the period; D came after it */
	assert_int_equal(rp.nrows, 2);
	assert_string_equal(rp.rows[0].title, "C");
	assert_string_equal(rp.rows[1].title, "B");
	/* B was answered after the end: not yet, as of the period */
	assert_int_equal(rp.rows[1].days, -1);
	assert_string_equal(rp.rows[1].status, "回答作成中");
	assert_int_equal(rp.counts[CONSULT_COUNT_DEPARTMENT].period, 1);
	assert_int_equal(rp.counts[CONSULT_COUNT_DEPARTMENT].ytd, 2);
	assert_int_equal(rp.counts[CONSULT_COUNT_DEPARTMENT].expected, 20);
	assert_int_equal(rp.counts[CONSULT_COUNT_ATTENDED].period, 0);
	assert_int_equal(rp.counts[CONSULT_COUNT_ATTENDED].ytd, 1);
	assert_int_equal(rp.counts[CONSULT_COUNT_ATTENDED].expected, 5);
	assert_int_equal(rp.counts[CONSULT_COUNT_DIVISION].ytd, 2);
	assert_int_equal(rp.counts[CONSULT_COUNT_DIVISION].expected, 40);
	assert_int_equal(rp.counts[CONSULT_COUNT_DX].ytd, 0);
	assert_string_equal(rp.period, "令和8年5月1日から令和8年5月31日まで");
	for (i = 0; i < rp.nrows; i++)
		assert_null(strstr(rp.rows[i].title, "cs-"));
	consult_report_free(&rp);
	assert_int_equal(consult_report_build(&rp, st, rec_day("2026-04-01"),
	    rec_day("2026-06-30")), 0);
	assert_int_equal(rp.nrows, 5);
	assert_int_equal(rp.answered, 3);
	assert_true(rp.mean_days > 7.9 && rp.mean_days < 8.1);
	consult_report_free(&rp);
	/*
	 * rows of one day by number, not by title: 相談第11号 stood before
	 * 第10号 (review 19, rev19a T7)
	 */
	add("type: department\ntitle: Z\nref_no: 相談第10号\norg: hoiku\n"
	    "received: 2026-06-15\nstatus: received\n");
	add("type: department\ntitle: Y\nref_no: 相談第11号\norg: hoiku\n"
	    "received: 2026-06-15\nstatus: received\n");
	assert_int_equal(consult_report_build(&rp, st, rec_day("2026-06-10"),
	    rec_day("2026-06-30")), 0);
	/* C and D still open before them */
	assert_int_equal(rp.nrows, 4);
	assert_string_equal(rp.rows[2].ref_no, "相談第10号");
	assert_string_equal(rp.rows[3].ref_no, "相談第11号");
	consult_report_free(&rp);
	/* a period across two fiscal years is refused */
	assert_int_equal(consult_report_build(&rp, st, rec_day("2026-03-01"),
	    rec_day("2026-04-30")), NC_EINVALID);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_state),
		cmocka_unit_test(test_answer),
		cmocka_unit_test(test_attend),
		cmocka_unit_test(test_report),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
