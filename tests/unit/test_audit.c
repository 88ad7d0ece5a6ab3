/*
 * Audits: result parsing, the compliance rate by chapter, answers and the
 * findings kept in step with them, agreement blockers, Q&A.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "audit.h"
#include "audit_doc.h"
#include "error.h"
#include "node.h"

static struct ydoc *
parse(const char *yaml)
{
	struct ydoc	*doc = NULL;

	assert_int_equal(ydoc_parse(&doc, yaml, strlen(yaml), "t.yaml", NULL),
	    0);
	return doc;
}

static void
test_result_parse(void **state)
{
	static const struct {
		const char		*in;
		enum audit_result	 want;
	} cases[] = {
		{ "conform", AUDIT_CONFORM },
		{ "適合", AUDIT_CONFORM },
		{ "1", AUDIT_CONFORM },
		{ "2", AUDIT_PARTIAL },
		{ "一部不適合", AUDIT_PARTIAL },
		{ "nonconform", AUDIT_NONCONFORM },
		{ "不適合", AUDIT_NONCONFORM },
		{ "4", AUDIT_NA },
		{ "該当なし", AUDIT_NA },
		{ "5", AUDIT_UNCHECKED },
		{ "未確認", AUDIT_UNCHECKED },
		{ "0", AUDIT_NONE },
		{ "6", AUDIT_NONE },
		{ "ok", AUDIT_NONE },
		{ "", AUDIT_NONE },
		{ "12", AUDIT_NONE },
	};
	enum audit_result	 r;
	size_t			 i;
	int			 rc;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		rc = audit_result_parse(&r, cases[i].in);
		if (cases[i].want == AUDIT_NONE) {
			assert_int_equal(rc, NC_EINVALID);
			assert_non_null(strstr(error_last(), "unknown result"));
		} else {
			assert_int_equal(rc, 0);
			assert_int_equal(r, cases[i].want);
		}
	}
	assert_string_equal(audit_result_label(AUDIT_PARTIAL), "一部不適合");
	assert_string_equal(audit_result_code(AUDIT_NA), "na");
	assert_null(audit_result_code(AUDIT_NONE));
}

/* The printed rate: tenths of a percent rounded half up on the decimal
 * value, 13 / 16 = 81.25 % -> 81.3 (the binary 0.8125 x 100 rounded by
 * printf gives 81.2, and Excel's "0.0%" 81.3). */
static void
test_tenths(void **state)
{
	struct audit_tally	t;
	long			v;

	(void)state;
	memset(&t, 0, sizeof t);
	assert_int_equal(audit_tally_tenths(&v, &t), 0);
	t.earned = 13;
	t.possible = 16;
	assert_int_equal(audit_tally_tenths(&v, &t), 1);
	assert_int_equal(v, 813);
	t.earned = 6.5;		/* 6.5 / 8 = 81.25 % in halves */
	t.possible = 8;
	assert_int_equal(audit_tally_tenths(&v, &t), 1);
	assert_int_equal(v, 813);
	t.earned = 2;		/* 2 / 3 = 66.666.. % */
	t.possible = 3;
	assert_int_equal(audit_tally_tenths(&v, &t), 1);
	assert_int_equal(v, 667);
	t.earned = 1;		/* 1 / 6 = 16.666.. % */
	t.possible = 6;
	assert_int_equal(audit_tally_tenths(&v, &t), 1);
	assert_int_equal(v, 167);
	t.earned = 16;
	t.possible = 16;
	assert_int_equal(audit_tally_tenths(&v, &t), 1);
	assert_int_equal(v, 1000);
	assert_int_equal(audit_rate_tenths(0.8125), 813);
	assert_int_equal(audit_rate_tenths(0.8124), 812);
}

static void
test_chapter_of(void **state)
{
	static const char *const cases[][2] = {
		{ "2-5", "2-5" }, { "2-5-3", "2-5" }, { "2-10-1-4", "2-10" },
		{ "3", "3" }, { "", "" },
	};
	char	 out[16];
	size_t	 i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		audit_chapter_of(out, sizeof out, cases[i][0]);
		assert_string_equal(out, cases[i][1]);
	}
}

/*
 * Each case: items, then the expected overall rate (-1: none), the
 * number of chapters, the first chapter's key and rate, and the count of
 * 該当なし.
 */
static void
test_score_table(void **state)
{
	static const struct {
		const char	*items;
		double		 rate;
		size_t		 nch;
		const char	*key0;
		double		 rate0;
		unsigned	 na;
	} cases[] = {
		/* Nothing answered: no rate. */
		{ "- {ref: a, clause: '2-1'}\n", -1, 1, "2-1", -1, 0 },
		/* All conform. */
		{ "- {ref: a, clause: '2-1', result: conform}\n"
		  "- {ref: b, clause: '2-1', result: conform}\n",
		  1.0, 1, "2-1", 1.0, 0 },
		/* 該当なし is left out of the rate. */
		{ "- {ref: a, clause: '2-1', result: conform}\n"
		  "- {ref: b, clause: '2-1', result: na}\n",
		  1.0, 1, "2-1", 1.0, 1 },
		/* Partial earns half; required items weigh double:
		 * a: w=2 earns 2, b: w=2 earns 1, c: recommended w=1 earns 0
		 * -> 3 / 5. */
		{ "- {ref: a, clause: '2-1', result: conform}\n"
		  "- {ref: b, clause: '2-1', result: partial}\n"
		  "- {ref: c, clause: '2-1', result: nonconform,"
		  " importance: recommended}\n",
		  0.6, 1, "2-1", 0.6, 0 },
		/* Weight multiplies: a (w 3 x2 = 6) conform, b (w 1 x2 = 2)
		 * nonconform -> 6 / 8; unchecked and unanswered left out. */
		{ "- {ref: a, clause: '2-2-1', result: conform, weight: 3}\n"
		  "- {ref: b, clause: '2-2-4', result: nonconform}\n"
		  "- {ref: c, clause: '2-2', result: unchecked}\n"
		  "- {ref: d, clause: '2-2'}\n",
		  0.75, 1, "2-2", 0.75, 0 },
		/* Chapters in clause order, 2-10 after 2-9; categories last. */
		{ "- {ref: a, clause: '2-10', result: nonconform}\n"
		  "- {ref: m, category: 特定個人情報, result: conform}\n"
		  "- {ref: b, clause: '2-9', result: conform}\n"
		  "- {ref: c, clause: '2-3', result: partial,"
		  " importance: recommended}\n",
		  (2 + 2 + 0.5) / 7.0, 4, "2-3", 0.5, 0 },
		/* The example of nerima-cio-audit(1): 7 / 9. */
		{ "- {ref: a, clause: '2-5', result: conform, weight: 3}\n"
		  "- {ref: b, clause: '2-5', result: partial, weight: 1}\n"
		  "- {ref: c, clause: '2-5', result: nonconform,"
		  " importance: recommended, weight: 1}\n",
		  7.0 / 9.0, 1, "2-5", 7.0 / 9.0, 0 },
		/* Only 該当なし: no rate. */
		{ "- {ref: a, clause: '2-1', result: na}\n", -1, 1, "2-1", -1,
		  1 },
	};
	struct audit_score	 s;
	struct ydoc		*doc;
	double			 r;
	size_t			 i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		doc = parse(cases[i].items);
		assert_int_equal(audit_score(&s, ydoc_root(doc)), 0);
		if (cases[i].rate < 0)
			assert_int_equal(audit_tally_rate(&r, &s.total), 0);
		else {
			assert_int_equal(audit_tally_rate(&r, &s.total), 1);
			assert_float_equal(r, cases[i].rate, 1e-9);
		}
		assert_int_equal(s.nchapters, cases[i].nch);
		assert_string_equal(s.chapters[0].key, cases[i].key0);
		if (cases[i].rate0 < 0)
			assert_int_equal(audit_tally_rate(&r, &s.chapters[0]),
			    0);
		else {
			assert_int_equal(audit_tally_rate(&r, &s.chapters[0]),
			    1);
			assert_float_equal(r, cases[i].rate0, 1e-9);
		}
		assert_int_equal(s.total.count[AUDIT_NA], cases[i].na);
		audit_score_free(&s);
		ydoc_free(doc);
	}
	/* The order of the mixed case, all of it. */
	doc = parse(cases[5].items);
	assert_int_equal(audit_score(&s, ydoc_root(doc)), 0);
	assert_string_equal(s.chapters[1].key, "2-9");
	assert_string_equal(s.chapters[2].key, "2-10");
	assert_string_equal(s.chapters[3].key, "特定個人情報");
	audit_score_free(&s);
	ydoc_free(doc);
}

/*
 * A rate is interim (暫定) where items are left to check, whatever the
 * audit's state: one in progress with every item judged (経済課, 94.4%)
 * is final in the 集計表 and in the 業務項目別実績 alike, which both ask
 * audit_score_interim().
 */
static void
test_score_interim(void **state)
{
	static const struct {
		const char	*items;
		int		 interim;
	} cases[] = {
		/* every item judged: final */
		{ "- {ref: a, clause: '2-1', result: conform}\n"
		  "- {ref: b, clause: '2-1', result: na}\n", 0 },
		/* one 未確認: interim */
		{ "- {ref: a, clause: '2-1', result: conform}\n"
		  "- {ref: b, clause: '2-1', result: unchecked}\n", 1 },
		/* one not answered yet: interim */
		{ "- {ref: a, clause: '2-1', result: partial}\n"
		  "- {ref: b, clause: '2-1'}\n", 1 },
		/* nothing answered: no rate, so nothing interim */
		{ "- {ref: a, clause: '2-1'}\n", 0 },
	};
	struct audit_score	 s;
	struct ydoc		*doc;
	size_t			 i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		doc = parse(cases[i].items);
		assert_int_equal(audit_score(&s, ydoc_root(doc)), 0);
		assert_int_equal(audit_score_interim(&s) != 0,
		    cases[i].interim);
		audit_score_free(&s);
		ydoc_free(doc);
	}
}

static const char audit_yaml[] =
    "id: au-00000000\n"
    "status: planned\n"
    "items:\n"
    "  - {ref: op-1, clause: '2-1', text: 担当者が指定されているか。}\n"
    "  - {ref: op-2, clause: '2-2', text: 台帳があるか。}\n"
    "  - {ref: op-3, clause: '2-2', text: 表示があるか。}\n";

static void
test_answer_and_findings(void **state)
{
	struct audit_answer	 a = { 0 };
	struct ydoc		*doc = parse(audit_yaml);
	struct node		*root = ydoc_root(doc), *f;
	const char		*ev[] = { "台帳" };
	char			*blk;
	size_t			 i;

	(void)state;
	assert_int_equal(audit_resume_index(root), 0);
	assert_int_equal(audit_item_find(&i, root, "op-2"), 0);
	assert_int_equal(i, 1);
	assert_int_equal(audit_item_find(&i, root, "3"), 0);
	assert_int_equal(i, 2);
	assert_int_equal(audit_item_find(&i, root, "op-9"), NC_ENOTFOUND);
	assert_int_equal(audit_item_find(&i, root, "4"), NC_ENOTFOUND);

	a.result = AUDIT_CONFORM;
	a.checked = "2026-07-15T10:00+09:00";
	assert_int_equal(audit_answer(doc, root, 0, &a), 0);
	assert_string_equal(node_get_str(root, "status"), "in-progress");
	assert_int_equal(audit_resume_index(root), 1);

	/* A partial result makes a finding, graded 軽微, from the note. */
	a.result = AUDIT_PARTIAL;
	a.note = "台帳が古い。";
	a.evidence = ev;
	a.nevidence = 1;
	a.set_evidence = 1;
	assert_int_equal(audit_answer(doc, root, 1, &a), 0);
	assert_non_null(f = audit_finding(root, 1));
	assert_string_equal(node_get_str(f, "grade"), "minor");
	assert_string_equal(node_get_str(f, "finding"), "台帳が古い。");
	assert_string_equal(node_get_str(f, "item"), "op-2");
	assert_int_equal(audit_open_findings(root), 1);

	/* Answering again does not add a second finding. */
	assert_int_equal(audit_answer(doc, root, 1, &a), 0);
	assert_null(audit_finding(root, 2));

	/* Skipped: 未確認, then resume goes there once all are answered. */
	a.result = AUDIT_UNCHECKED;
	a.note = NULL;
	a.set_evidence = 0;
	assert_int_equal(audit_answer(doc, root, 2, &a), 0);
	assert_int_equal(audit_resume_index(root), 2);

	/* Blockers: the skipped item and the finding's missing fields. */
	assert_int_equal(audit_agree_blockers(&blk, root), 0);
	assert_non_null(strstr(blk, "item 3 op-3"));
	assert_non_null(strstr(blk, "finding 1: no correction"));
	assert_non_null(strstr(blk, "finding 1: no due date"));
	free(blk);
	assert_int_equal(audit_agree(doc, root, "例示 和夫", NULL,
	    "2026-07-29"), NC_EINVALID);
	assert_non_null(strstr(error_last(), "op-3"));

	/* Nonconform: graded 重大; without a note no text until one is
	 * written: the item's question is never a finding. */
	a.result = AUDIT_NONCONFORM;
	a.note = "";
	assert_int_equal(audit_answer(doc, root, 2, &a), 0);
	assert_non_null(f = audit_finding(root, 2));
	assert_string_equal(node_get_str(f, "grade"), "major");
	assert_null(node_get(f, "finding"));
	/* ... and agreement waits for it. */
	assert_int_equal(audit_agree_blockers(&blk, root), 0);
	assert_non_null(strstr(blk, "finding 2: no text"));
	free(blk);

	/* Rescored as conform: the untouched finding goes. */
	a.result = AUDIT_CONFORM;
	assert_int_equal(audit_answer(doc, root, 2, &a), 0);
	assert_null(audit_finding(root, 2));

	/* Corrections and Q&A; a bad grade or date is refused. */
	{
		struct audit_finding_edit e = { 0 };

		e.grade = "serious";
		assert_int_equal(audit_finding_edit(doc, root, 1, &e),
		    NC_EINVALID);
		e.grade = NULL;
		e.due = "2026-02-30";
		assert_int_equal(audit_finding_edit(doc, root, 1, &e),
		    NC_EINVALID);
		e.due = "2026-09-30";
		e.correction = "台帳を見直すこと。";
		e.question = "進捗は。";
		assert_int_equal(audit_finding_edit(doc, root, 1, &e), 0);
		memset(&e, 0, sizeof e);
		e.answer = "10月に完了する。";
		assert_int_equal(audit_finding_edit(doc, root, 1, &e), 0);
		assert_string_equal(node_get_str(node_get(audit_finding(root,
		    1), "qa")->u.items[0], "answer"), "10月に完了する。");
		/* No open question left. */
		assert_int_equal(audit_finding_edit(doc, root, 1, &e),
		    NC_EINVALID);
		assert_int_equal(audit_finding_edit(doc, root, 7, &e),
		    NC_ENOTFOUND);
	}
	/* Rescoring conform now keeps the finding: work was recorded. */
	a.result = AUDIT_CONFORM;
	assert_int_equal(audit_answer(doc, root, 1, &a), 0);
	assert_non_null(audit_finding(root, 1));
	a.result = AUDIT_PARTIAL;
	assert_int_equal(audit_answer(doc, root, 1, &a), 0);

	assert_int_equal(audit_agree(doc, root, "例示 和夫", "戸籍住民課長",
	    "2026-07-29"), 0);
	assert_string_equal(node_get_str(root, "status"), "agreed");
	/* Agreed: results are fixed, agreement is not repeated. */
	assert_int_equal(audit_answer(doc, root, 0, &a), NC_EINVALID);
	assert_int_equal(audit_agree(doc, root, "x", NULL, "2026-07-30"),
	    NC_EEXISTS);
	assert_int_equal(audit_mark_reported(doc, root, "2026-08-20"), 0);
	assert_string_equal(node_get_str(root, "status"), "reported");

	/* Accepting the only finding closes the audit. */
	assert_int_equal(audit_propagate(doc, root, 1, "corrected",
	    "2026-09-01"), 1);
	assert_string_equal(node_get_str(root, "status"), "reported");
	assert_int_equal(audit_propagate(doc, root, 1, "corrected",
	    "2026-09-01"), 0);
	assert_int_equal(audit_propagate(doc, root, 1, "accepted",
	    "2026-10-01"), 1);
	assert_string_equal(node_get_str(root, "status"), "closed");
	assert_int_equal(audit_open_findings(root), 0);
	ydoc_free(doc);
}

static void
test_weight(void **state)
{
	(void)state;
	assert_float_equal(audit_item_weight("required", 3), 6, 0);
	assert_float_equal(audit_item_weight(NULL, 1), 2, 0);
	assert_float_equal(audit_item_weight("recommended", 3), 3, 0);
	assert_float_equal(audit_item_weight("recommended", 0), 1, 0);
	assert_float_equal(audit_result_credit(AUDIT_PARTIAL), 0.5, 0);
	assert_float_equal(audit_result_credit(AUDIT_NA), 0, 0);
}

/*
 * The status on a day follows the recorded dates both ways (review15: an
 * audit reported on 2月2日 whose status still said agreed was listed
 * 合意済 in the year-end report): a report or agreement dated by the day
 * moves it up, one dated after moves it back.
 */
static void
test_status_on(void **state)
{
	static const struct {
		const char	*status;
		const char	*day;
		const char	*want;
	} cases[] = {
		{ "agreed", "2028-03-31", "reported" },
		{ "in-progress", "2028-03-31", "reported" },
		{ "in-progress", "2028-01-31", "agreed" },
		{ "agreed", "2028-01-09", "in-progress" },
		{ "reported", "2028-01-31", "agreed" },
		{ "closed", "2028-03-31", "closed" },
		{ "in-progress", "2027-12-31", "planned" },
	};
	struct ydoc	*doc;
	struct cal_date	 d;
	char		 text[256];
	size_t		 i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		snprintf(text, sizeof text, "id: au-aaaaaaaa\nstatus: %s\n"
		    "date: 2028-01-03\nagreement:\n  by: 例示 和夫\n"
		    "  date: 2028-01-10\nreported: 2028-02-02\n",
		    cases[i].status);
		doc = parse(text);
		assert_int_equal(cal_parse_iso(&d, cases[i].day), 0);
		assert_string_equal(audit_status_on(ydoc_root(doc), d),
		    cases[i].want);
		ydoc_free(doc);
	}
}

/* Working on a follow-up's findings puts it under way; nothing else. */
static void
test_finding_moves_followup(void **state)
{
	static const struct {
		const char	*type;
		const char	*status;
		const char	*want;
	} cases[] = {
		{ "followup", "planned", "in-progress" },
		{ "followup", "in-progress", "in-progress" },
		{ "followup", "agreed", "agreed" },
		{ "operational", "planned", "planned" },
	};
	struct audit_finding_edit	 e;
	struct ydoc			*doc;
	char				 text[256];
	size_t				 i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		snprintf(text, sizeof text, "id: au-aaaaaaaa\ntype: %s\n"
		    "status: %s\nfindings:\n  - number: 1\n    status: open\n",
		    cases[i].type, cases[i].status);
		doc = parse(text);
		memset(&e, 0, sizeof e);
		e.question = "記録を示してください。";
		assert_int_equal(audit_finding_edit(doc, ydoc_root(doc), 1, &e),
		    0);
		assert_string_equal(node_get_str(ydoc_root(doc), "status"),
		    cases[i].want);
		/* A refused edit moves nothing. */
		e.grade = "serious";
		assert_int_equal(audit_finding_edit(doc, ydoc_root(doc), 1, &e),
		    NC_EINVALID);
		ydoc_free(doc);
	}
}

/*
 * Which audit a follow-up follows: the latest agreed audit of the
 * organisation with open findings and no follow-up yet.
 */
static void
test_followup_source(void **state)
{
	static const struct {
		const char	*id, *org, *date;
		int		 agreed, open, followed;
	} recs[] = {
		{ "au-cccccccc", "koseki", "2026-10-01", 1, 1, 1 },
		{ "au-aaaaaaaa", "koseki", "2026-07-01", 1, 1, 0 },
		{ "au-bbbbbbbb", "koseki", "2026-09-01", 1, 1, 0 },
		{ "au-dddddddd", "koseki", "2026-11-01", 0, 1, 0 },
		{ "au-eeeeeeee", "hoiku", "2026-12-01", 1, 1, 0 },
		{ "au-ffffffff", "hoiku", "2027-01-10", 1, 0, 0 },
	};
	char		 root[] = "/tmp/ncio-audit-XXXXXX", path[512], *id;
	struct store	*st;
	struct record	**v;
	size_t		 i, n;
	FILE		*fp;

	(void)state;
	assert_non_null(mkdtemp(root));
	snprintf(path, sizeof path, "%s/nerima-cio.yaml", root);
	assert_non_null(fp = fopen(path, "w"));
	fputs("ward: 練馬区\n", fp);
	fclose(fp);
	snprintf(path, sizeof path, "%s/audits", root);
	assert_int_equal(mkdir(path, 0777), 0);
	snprintf(path, sizeof path, "%s/audits/2026", root);
	assert_int_equal(mkdir(path, 0777), 0);
	for (i = 0; i < sizeof recs / sizeof recs[0]; i++) {
		snprintf(path, sizeof path, "%s/audits/2026/%s.yaml", root,
		    recs[i].id);
		assert_non_null(fp = fopen(path, "w"));
		fprintf(fp, "id: %s\nfy: 2026\ntype: operational\n"
		    "target_org: %s\ndate: %s\n", recs[i].id, recs[i].org,
		    recs[i].date);
		if (recs[i].followed)
			fputs("followup: au-gggggggg\n", fp);
		fprintf(fp, "findings:\n  - number: 1\n    status: %s\n",
		    recs[i].open ? "open" : "accepted");
		if (recs[i].agreed)
			fputs("agreement:\n  by: x\n  date: 2027-02-01\n", fp);
		fclose(fp);
	}
	assert_int_equal(store_open(&st, root), 0);
	assert_int_equal(audit_followup_source(&id, st, "koseki"), 0);
	assert_string_equal(id, "au-bbbbbbbb");
	free(id);
	assert_int_equal(audit_followup_source(&id, st, "hoiku"), 0);
	assert_string_equal(id, "au-eeeeeeee");
	free(id);
	assert_int_equal(audit_followup_source(&id, st, "somu"),
	    NC_ENOTFOUND);
	assert_non_null(strstr(error_last(), "no agreed audit of 'somu'"));
	/* The year's audits in date order. */
	assert_int_equal(audit_load_year(&v, &n, st, 2026, NULL), 0);
	assert_int_equal(n, 6);
	assert_string_equal(record_id(v[0]), "au-aaaaaaaa");
	assert_string_equal(record_id(v[5]), "au-ffffffff");
	audit_free_all(v, n);
	store_free(st);
	for (i = 0; i < sizeof recs / sizeof recs[0]; i++) {
		snprintf(path, sizeof path, "%s/audits/2026/%s.yaml", root,
		    recs[i].id);
		unlink(path);
	}
	snprintf(path, sizeof path, "%s/audits/2026", root);
	rmdir(path);
	snprintf(path, sizeof path, "%s/audits", root);
	rmdir(path);
	snprintf(path, sizeof path, "%s/nerima-cio.yaml", root);
	unlink(path);
	rmdir(root);
}

/*
 * A follow-up's result written back to the original finding keeps the
 * status it replaces: the change is logged in the original's
 * status_history on the follow-up's date, and the finding reads as it
 * stood before the follow-up on an earlier day (stop 40's note: 是正済
 * with its 回答日 read 是正中 once the follow-up had accepted it).
 */
static void
test_propagate_history(void **state)
{
	struct ydoc		*od, *fd;
	struct record		 orec, frec;
	struct record		*all[2];
	struct audit_hist	 h;
	const struct node	*f, *log, *e;

	(void)state;
	od = parse("id: au-aaaaaaaa\nfy: 2026\ntype: operational\n"
	    "status: following-up\nfollowup: au-bbbbbbbb\ndate: 2026-07-15\n"
	    "findings:\n"
	    "  - number: 1\n    grade: minor\n    status: corrected\n"
	    "    response_date: 2026-09-04\n"
	    "  - number: 2\n    grade: minor\n    status: in-progress\n"
	    "    response_date: 2026-09-04\n"
	    "    status_history:\n"
	    "      - date: 2026-09-04\n        from: open\n"
	    "        to: in-progress\n");
	fd = parse("id: au-bbbbbbbb\nfy: 2026\ntype: followup\n"
	    "status: in-progress\nfollowup_of: au-aaaaaaaa\ndate: 2027-01-20\n"
	    "findings:\n"
	    "  - number: 1\n    grade: minor\n    status: accepted\n"
	    "    response_date: 2026-09-04\n    from_audit: au-aaaaaaaa\n"
	    "    from_finding: 1\n"
	    "  - number: 2\n    grade: minor\n    status: accepted\n"
	    "    response_date: 2026-09-04\n    from_audit: au-aaaaaaaa\n"
	    "    from_finding: 2\n");
	assert_int_equal(audit_propagate(od, ydoc_root(od), 1, "accepted",
	    "2027-01-20"), 1);
	f = audit_finding(ydoc_root(od), 1);
	assert_string_equal(node_get_str(f, "status"), "accepted");
	log = node_get(f, "status_history");
	assert_non_null(log);
	assert_int_equal(log->n, 1);
	e = log->u.items[0];
	assert_string_equal(node_get_str(e, "date"), "2027-01-20");
	assert_string_equal(node_get_str(e, "from"), "corrected");
	assert_string_equal(node_get_str(e, "to"), "accepted");
	/* the same status again changes nothing, logs nothing */
	assert_int_equal(audit_propagate(od, ydoc_root(od), 1, "accepted",
	    "2027-01-21"), 0);
	assert_int_equal(log->n, 1);
	/* a history already kept goes on */
	assert_int_equal(audit_propagate(od, ydoc_root(od), 2, "accepted",
	    "2027-01-20"), 1);
	f = audit_finding(ydoc_root(od), 2);
	log = node_get(f, "status_history");
	assert_int_equal(log->n, 2);
	assert_string_equal(node_get_str(log->u.items[1], "from"),
	    "in-progress");
	assert_string_equal(node_get_str(log->u.items[1], "to"), "accepted");
	assert_string_equal(node_get_str(log->u.items[1], "date"),
	    "2027-01-20");
	assert_string_equal(node_get_str(ydoc_root(od), "status"), "closed");
	/* a history once kept stays whole: a status without a date is
	 * logged today; one without a history is not logged */
	{
		struct audit_finding_edit	 ed;
		struct ydoc			*xd;

		setenv("NERIMA_CIO_TODAY", "2027-02-01", 1);
		memset(&ed, 0, sizeof ed);
		ed.status = "in-progress";
		xd = parse("id: au-cccccccc\ntype: operational\n"
		    "status: reported\nfindings:\n  - number: 1\n"
		    "    status: corrected\n    status_history:\n"
		    "      - date: 2026-09-04\n        from: open\n"
		    "        to: corrected\n  - number: 2\n"
		    "    status: open\n");
		assert_int_equal(audit_finding_edit(xd, ydoc_root(xd), 1, &ed),
		    0);
		log = node_get(audit_finding(ydoc_root(xd), 1),
		    "status_history");
		assert_int_equal(log->n, 2);
		assert_string_equal(node_get_str(log->u.items[1], "date"),
		    "2027-02-01");
		assert_string_equal(node_get_str(log->u.items[1], "from"),
		    "corrected");
		assert_int_equal(audit_finding_edit(xd, ydoc_root(xd), 2, &ed),
		    0);
		assert_null(node_get(audit_finding(ydoc_root(xd), 2),
		    "status_history"));
		unsetenv("NERIMA_CIO_TODAY");
		ydoc_free(xd);
	}

	/* On a day before the follow-up, as before it. */
	orec.doc = od;
	orec.kind = NULL;
	orec.relpath = NULL;
	frec.doc = fd;
	frec.kind = NULL;
	frec.relpath = NULL;
	all[0] = &orec;
	all[1] = &frec;
	assert_int_equal(audit_hist_init(&h, all, 2), 0);
	f = audit_finding(ydoc_root(od), 1);
	assert_string_equal(audit_hist_status(&h, ydoc_root(od), f,
	    "2026-08-01"), "open");
	assert_string_equal(audit_hist_status(&h, ydoc_root(od), f,
	    "2026-12-31"), "corrected");
	assert_string_equal(audit_hist_status(&h, ydoc_root(od), f,
	    "2027-01-20"), "accepted");
	assert_string_equal(audit_hist_status(&h, ydoc_root(od), f, NULL),
	    "accepted");
	/* through the follow-up's copy, the same */
	assert_string_equal(audit_hist_status(&h, ydoc_root(fd),
	    audit_finding(ydoc_root(fd), 1), "2026-12-31"), "corrected");
	assert_int_equal(audit_hist_late(&h, ydoc_root(od), f, "2026-12-31"),
	    0);
	f = audit_finding(ydoc_root(od), 2);
	assert_string_equal(audit_hist_status(&h, ydoc_root(od), f,
	    "2026-12-31"), "in-progress");
	assert_string_equal(audit_hist_status(&h, ydoc_root(od), f,
	    "2026-09-03"), "open");
	audit_hist_free(&h);
	ydoc_free(od);
	ydoc_free(fd);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_result_parse),
		cmocka_unit_test(test_chapter_of),
		cmocka_unit_test(test_tenths),
		cmocka_unit_test(test_score_table),
		cmocka_unit_test(test_score_interim),
		cmocka_unit_test(test_answer_and_findings),
		cmocka_unit_test(test_weight),
		cmocka_unit_test(test_finding_moves_followup),
		cmocka_unit_test(test_status_on),
		cmocka_unit_test(test_followup_source),
		cmocka_unit_test(test_propagate_history),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
