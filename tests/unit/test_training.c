/*
 * Trainings: the similarity measure (normalisation, the threshold on the
 * sample banks), the discrimination index (groups, ties, order), scoring
 * and item analysis of a small training, the answers' decoding and its
 * errors, the rules of bank questions, and the due dates of the sample.
 */
#include <setjmp.h>
#include <math.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "buf.h"
#include "chart.h"
#include "diag.h"
#include "due.h"
#include "error.h"
#include "node.h"
#include "store.h"
#include "training.h"
#include "training_int.h"

#define SAMPLE	NCIO_SOURCE_DIR "/data/sample"

/* ---- similarity ---------------------------------------------------- */

static void
test_normalise(void **state)
{
	static const struct {
		const char	*in, *want;
	} cases[] = {
		{ "ＵＳＢメモリ", "usbメモリ" },
		{ "ｶﾞｲﾄﾞﾗｲﾝ", "ガイドライン" },
		{ "ﾊﾟｽﾜｰﾄﾞ", "パスワード" },
		{ "「至急」、確認して。", "至急確認して" },
		{ "Ａ　Ｂ\nc", "abc" },
		{ "ｳﾞｨ", "ヴィ" },
		{ "", "" },
	};
	struct buf	b = BUF_INIT;
	size_t		i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		buf_reset(&b);
		assert_int_equal(tr_normalise(&b, cases[i].in), 0);
		assert_string_equal(b.len > 0 ? b.data : "", cases[i].want);
	}
	buf_free(&b);
}

static void
test_similarity(void **state)
{
	(void)state;
	assert_true(tr_similarity("添付ファイルを開かない", "添付ファイルを開かない")
	    == 1.0);
	/* width and punctuation do not count */
	assert_true(tr_similarity("ＵＳＢメモリを使う。", "USBメモリを使う") == 1.0);
	assert_true(tr_similarity("", "") == 0.0);
	assert_true(tr_similarity("あ", "あ") == 1.0);
	assert_true(tr_similarity("あ", "い") == 0.0);
	/* a reworded question stays above the threshold */
	assert_true(tr_similarity(
	    "業務でUSBメモリを使うときの取扱いとして、正しいものはどれか。",
	    "業務でUSBメモリを使うときの扱いとして正しいものはどれか。") >=
	    TR_SIMILAR);
	/* two questions on one topic do not */
	assert_true(tr_similarity(
	    "業務でUSBメモリを使うときの取扱いとして、正しいものはどれか。",
	    "庁舎内の廊下でUSBメモリを拾った。適切な対応はどれか。") <
	    TR_SIMILAR);
	/* symmetric */
	assert_true(fabs(tr_similarity("個人番号の利用範囲", "個人番号の提供") -
	    tr_similarity("個人番号の提供", "個人番号の利用範囲")) < 1e-12);
}

/*
 * The threshold against the sample banks: of every pair of questions in
 * a bank, exactly the planted rewordings reach TR_SIMILAR.
 */
static void
test_threshold_on_banks(void **state)
{
	static const char *const planted[][2] = {
		{ "ts-phish-01", "ts-phish-07" },
		{ "ts-usb-01", "ts-usb-06" },
		{ "sv-phish-01", "sv-phish-02" },
	};
	struct store	*st = NULL;
	struct tr_bank	*b = NULL;
	struct buf	 x = BUF_INIT, y = BUF_INIT;
	size_t		 i, j, k, found = 0;
	int		 p, want;
	double		 s, max_other = 0;

	(void)state;
	assert_int_equal(store_open(&st, SAMPLE), 0);
	assert_int_equal(tr_bank_load(&b, st, 0, NULL), 0);
	assert_true(b->n[TR_TEST] >= 40);
	assert_true(b->n[TR_SURVEY] >= 30);
	for (p = 0; p < 2; p++) {
		for (i = 0; i < b->n[p]; i++) {
			for (j = i + 1; j < b->n[p]; j++) {
				buf_reset(&x);
				buf_reset(&y);
				tr_question_compare_text(&x, &b->q[p][i]);
				tr_question_compare_text(&y, &b->q[p][j]);
				s = tr_similarity(x.data, y.data);
				want = 0;
				for (k = 0; k < 3; k++)
					want |= (strcmp(planted[k][0],
					    b->q[p][i].ref) == 0 && strcmp(
					    planted[k][1], b->q[p][j].ref) == 0);
				if (want) {
					assert_true(s >= TR_SIMILAR);
					found++;
				} else {
					if (s >= TR_SIMILAR)
						fail_msg("%s and %s: %.3f",
						    b->q[p][i].ref,
						    b->q[p][j].ref, s);
					if (s > max_other)
						max_other = s;
				}
			}
		}
	}
	assert_int_equal(found, 3);
	/* a margin below the threshold for the distinct questions */
	assert_true(max_other < TR_SIMILAR - 0.05);
	buf_free(&x);
	buf_free(&y);
	tr_bank_free(b);
	store_free(st);
}

/* ---- discrimination ----------------------------------------------- */

static void
test_discrimination(void **state)
{
	static const int	 s1[] = { 10, 9, 8, 7, 6, 5, 4, 3, 2, 1 };
	static const unsigned char all_hi[] = { 1, 1, 1, 0, 0, 0, 0, 0, 0, 0 };
	static const unsigned char all_lo[] = { 0, 0, 0, 0, 0, 0, 0, 1, 1, 1 };
	static const unsigned char flat[] = { 1, 0, 1, 0, 1, 0, 1, 0, 1, 0 };
	/* four tied examinees share the two places of each group */
	static const int	 tied[] = { 3, 3, 3, 3 };
	static const unsigned char half[] = { 1, 0, 1, 0 };
	/* ties at the boundary: 2 places, 3 tied at 5 below the top 1 */
	static const int	 b1[] = { 9, 5, 5, 5, 1, 0 };
	static const unsigned char o1[] = { 1, 1, 0, 0, 0, 0 };
	static const int	 b2[] = { 0, 5, 1, 5, 9, 5 };
	static const unsigned char o2[] = { 0, 0, 0, 0, 1, 1 };

	(void)state;
	/* k = round(0.27 * 10) = 3 */
	assert_true(fabs(tr_discrimination(s1, all_hi, 10, 0.27) - 1.0) < 1e-9);
	assert_true(fabs(tr_discrimination(s1, all_lo, 10, 0.27) + 1.0) < 1e-9);
	/* upper 1,0,1 = 2/3; lower (3,2,1) 0,1,0 = 1/3 */
	assert_true(fabs(tr_discrimination(s1, flat, 10, 0.27) - 1.0 / 3) <
	    1e-9);
	assert_true(fabs(tr_discrimination(tied, half, 4, 0.5)) < 1e-9);
	/*
	 * k = round(0.27 * 6) = 2; upper: the 9 (correct) and one place
	 * shared by three 5s of which one is correct: (1 + 1/3) / 2; lower:
	 * the 0 and the 1, both wrong: 0.
	 */
	assert_true(fabs(tr_discrimination(b1, o1, 6, 0.27) - 2.0 / 3) < 1e-9);
	/* the same examinees in another order give the same index */
	assert_true(fabs(tr_discrimination(b2, o2, 6, 0.27) - 2.0 / 3) < 1e-9);
	assert_true(isnan(tr_discrimination(s1, flat, 1, 0.27)));
}

/* ---- a training read and scored ----------------------------------- */

static const char training_yaml[] =
    "id: tr-00000001\n"
    "fy: 2026\n"
    "kind: security\n"
    "title: 試験研修\n"
    "audience: regular-staff\n"
    "status: held\n"
    "target_count: 8\n"
    "pass_mark: 60\n"
    "survey_items:\n"
    "  - ref: sv-a\n    type: scale\n    text: 満足しましたか。\n"
    "    choices: [満足, やや満足, どちらともいえない, やや不満, 不満]\n"
    "    satisfaction: true\n"
    "  - ref: sv-b\n    type: multiple\n    text: 選んでください。\n"
    "    choices: [甲, 乙, 丙]\n"
    "  - ref: sv-c\n    type: text\n    text: ご意見\n"
    "test_items:\n"
    "  - ref: ts-a\n    type: single\n    text: 問一\n"
    "    choices: [ア, イ, ウ]\n    key: [2]\n"
    "  - ref: ts-b\n    type: multiple\n    text: 問二\n"
    "    choices: [ア, イ, ウ, エ]\n    key: [1, 3]\n"
    "  - ref: ts-c\n    type: single\n    text: 問三\n"
    "    choices: [ア, イ]\n    key: [1]\n"
    "survey:\n"
    "  responses:\n"
    "    - respondent: r1\n      answers: 1 1+2 *\n"
    "      texts:\n        - question: 3\n          text: よかった\n"
    "    - respondent: r2\n      answers: 2 3 -\n"
    "    - respondent: r3\n      answers: 4 - -\n"
    "    - respondent: r4\n      answers: 1 2 *\n"
    "      texts:\n        - question: 3\n"
    "          text: 番号 1234-5678-9018 を書いた\n"
    "test:\n"
    "  results:\n"
    "    - respondent: r1\n      org: hoiku\n      answers: 2 1+3 1\n"
    "    - respondent: r2\n      org: hoiku\n      answers: 2 1 1\n"
    "    - respondent: r3\n      org: zaisei\n      answers: 1 1+3 2\n"
    "    - respondent: r4\n      answers: 3 - 2\n"
    "    - respondent: r5\n      correct: 2\n";

static struct training *
read_training(const char *text, struct ydoc **doc, struct diags *d)
{
	struct training	*t = NULL;
	struct diags	 pd = DIAGS_INIT;

	if (ydoc_parse(doc, text, strlen(text), "t.yaml", &pd) != 0)
		fail_msg("%s", pd.n > 0 ? pd.v[0].msg : error_last());
	diags_free(&pd);
	training_read(&t, ydoc_root(*doc), "t.yaml", d);
	return t;
}

static void
test_scoring(void **state)
{
	struct ydoc		*doc = NULL;
	struct diags		 d = DIAGS_INIT;
	struct training		*t;
	struct tr_results	*r = NULL;
	size_t			 i;

	(void)state;
	t = read_training(training_yaml, &doc, &d);
	for (i = 0; i < d.n; i++)
		print_message("%s\n", d.v[i].msg);
	assert_non_null(t);
	assert_int_equal(d.n, 0);
	assert_int_equal(tr_results_compute(&r, t, NULL, NAN), 0);
	/* scores 3, 2, 1, 0 and 2 (correct only): of 3 questions */
	assert_int_equal(r->examinees, 5);
	assert_int_equal(r->nq, 3);
	assert_true(fabs(r->mean - 100.0 * 8 / 15) < 1e-9);
	assert_int_equal(r->hist[0], 1);
	assert_int_equal(r->hist[1], 1);
	assert_int_equal(r->hist[2], 2);
	assert_int_equal(r->hist[3], 1);
	/* pass mark 60%: 2 of 3 and 3 of 3 pass */
	assert_int_equal(r->passed, 3);
	assert_true(fabs(r->median - 100.0 * 2 / 3) < 1e-9);
	/* facility over the four with answers; a blank is wrong */
	assert_true(fabs(r->items[0].p - 0.5) < 1e-9);
	assert_true(fabs(r->items[1].p - 0.5) < 1e-9);
	assert_int_equal(r->items[1].blank, 1);
	assert_true(fabs(r->items[2].p - 0.5) < 1e-9);
	assert_int_equal(r->items[1].picks[0], 3);	/* ア picked three times */
	/* satisfaction: top two of the answered (1, 2, 4, 1) */
	assert_int_equal(r->respondents, 4);
	assert_true(fabs(r->satisfaction - 75.0) < 1e-9);
	assert_int_equal(r->survey[1].n, 3);
	assert_int_equal(r->survey[1].picks[1], 2);
	/* texts, the My Number masked on the way out */
	assert_int_equal(r->survey[2].ntexts, 2);
	assert_string_equal(r->survey[2].texts[0], "よかった");
	assert_null(strstr(r->survey[2].texts[1], "1234-5678-9018"));
	/* attended: distinct respondents across both, orgs counted */
	assert_int_equal(r->attended, 5);
	assert_int_equal(r->norgs, 2);
	assert_string_equal(r->orgs[0].code, "hoiku");
	assert_int_equal(r->orgs[0].attended, 2);
	/* a pass mark given wins */
	tr_results_free(r);
	assert_int_equal(tr_results_compute(&r, t, NULL, 100.0), 0);
	assert_int_equal(r->passed, 1);
	tr_results_free(r);
	training_free(t);
	ydoc_free(doc);
	diags_free(&d);
}

/* Answers that do not fit the questions, each reported. */
static void
test_bad_answers(void **state)
{
	static const struct {
		const char	*answers;	/* test results row */
		const char	*want;
	} cases[] = {
		{ "2 1", "2 answers for 3 questions" },
		{ "2 1 1 1", "more answers than the 3 questions" },
		{ "4 1 1", "question 1 has 3 choices; the answer is outside them" },
		{ "1+2 1 1", "question 1 takes one choice, the answer has 2" },
		{ "* 1 1", "question 1 is not free text" },
		{ "2  1 1", "separated by single spaces" },
		{ "x 1 1", "not a choice number" },
	};
	char		 text[4096];
	struct ydoc	*doc;
	struct diags	 d;
	struct training	*t;
	const char	*cut;
	size_t		 i, k;
	int		 hit;

	(void)state;
	cut = strstr(training_yaml, "test:\n");
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		snprintf(text, sizeof text, "%.*stest:\n  results:\n"
		    "    - respondent: r1\n      answers: \"%s\"\n",
		    (int)(cut - training_yaml), training_yaml,
		    cases[i].answers);
		memset(&d, 0, sizeof d);
		doc = NULL;
		t = read_training(text, &doc, &d);
		assert_null(t);
		for (k = 0, hit = 0; k < d.n; k++)
			hit |= strstr(d.v[k].msg, cases[i].want) != NULL;
		if (!hit)
			fail_msg("'%s': no problem saying '%s'",
			    cases[i].answers, cases[i].want);
		diags_free(&d);
		ydoc_free(doc);
	}
	/* the same respondent twice */
	snprintf(text, sizeof text, "%.*stest:\n  results:\n"
	    "    - respondent: r1\n      answers: 2 1 1\n"
	    "    - respondent: r1\n      answers: 2 1 2\n",
	    (int)(cut - training_yaml), training_yaml);
	memset(&d, 0, sizeof d);
	t = read_training(text, &doc, &d);
	assert_null(t);
	assert_true(d.n >= 1);
	assert_non_null(strstr(d.v[0].msg, "examinee 'r1' is listed twice"));
	diags_free(&d);
	ydoc_free(doc);
}

/* ---- the rules of bank questions ---------------------------------- */

static void
test_question_rules(void **state)
{
	static const struct {
		enum tr_part	 part;
		const char	*yaml;
		const char	*want;	/* NULL: no problem */
	} cases[] = {
		{ TR_TEST, "ref: a\ntype: single\ntext: q\nchoices: [x, y]\n"
		  "key: [1]\n", NULL },
		{ TR_TEST, "ref: a\ntype: single\ntext: q\nchoices: [x, y]\n",
		  "has no key" },
		{ TR_TEST, "ref: a\ntype: single\ntext: q\nchoices: [x, y, z]\n"
		  "key: [1, 2]\n", "single choice but has 2 keys" },
		{ TR_TEST, "ref: a\ntype: multiple\ntext: q\nchoices: [x, y, z]\n"
		  "key: [1, 2]\n", NULL },
		{ TR_TEST, "ref: a\ntype: multiple\ntext: q\nchoices: [x, y]\n"
		  "key: [1, 2]\n", "every choice is a key" },
		{ TR_TEST, "ref: a\ntype: single\ntext: q\nchoices: [x, y]\n"
		  "key: [3]\n", "not one of its 2 choices" },
		{ TR_TEST, "ref: a\ntype: single\ntext: q\nchoices: [x]\n"
		  "key: [1]\n", "a test item needs two or more" },
		{ TR_TEST, "ref: a\ntype: text\ntext: q\n", "single or multiple"
		  " choice, not text" },
		{ TR_SURVEY, "ref: a\ntype: scale\ntext: q\n"
		  "choices: [a, b, c, d]\n", "5-point scale but has 4 labels" },
		{ TR_SURVEY, "ref: a\ntype: single\ntext: q\nchoices: [x, y]\n"
		  "key: [1]\n", "survey questions have no right answer" },
		{ TR_SURVEY, "ref: a\ntype: text\ntext: q\nchoices: [x]\n",
		  "free text but has choices" },
		{ TR_SURVEY, "ref: a\ntype: single\ntext: q\nchoices: [x, x]\n",
		  "are the same" },
		{ TR_SURVEY, "ref: a\ntype: single\ntext: q\nchoices: [x, y]\n"
		  "satisfaction: true\n", "only a 5-point scale" },
	};
	struct ydoc		*doc;
	struct tr_question	 q;
	struct diags		 d;
	size_t			 i, n;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		memset(&d, 0, sizeof d);
		assert_int_equal(ydoc_parse(&doc, cases[i].yaml,
		    strlen(cases[i].yaml), "q.yaml", NULL), 0);
		assert_int_equal(tr_question_read(&q, ydoc_root(doc)), 0);
		n = tr_question_check(&q, cases[i].part, "q.yaml", &d);
		if (cases[i].want == NULL) {
			if (n != 0)
				fail_msg("case %zu: %s", i, d.v[0].msg);
		} else {
			assert_true(n > 0);
			if (strstr(d.v[0].msg, cases[i].want) == NULL)
				fail_msg("case %zu: '%s' does not say '%s'", i,
				    d.v[0].msg, cases[i].want);
		}
		tr_question_free(&q);
		ydoc_free(doc);
		diags_free(&d);
	}
}

/* ---- cells as answers ---------------------------------------------- */

static void
test_cell_answer(void **state)
{
	static const char q_yaml[] =
	    "- ref: s\n  type: scale\n  text: q\n"
	    "  choices: [満足, やや満足, どちらともいえない, やや不満, 不満]\n"
	    "- ref: m\n  type: multiple\n  text: q\n"
	    "  choices: [メール, 画面ロック, 書類、帳票]\n"
	    "- ref: t\n  type: text\n  text: q\n";
	static const struct {
		int		 q;
		const char	*cell;
		const char	*tok;	/* NULL: refused */
	} cases[] = {
		{ 0, "やや満足", "2" },
		{ 0, "　やや満足 ", "2" },
		{ 0, "3", "3" },
		{ 0, "５", "5" },
		{ 0, "", "-" },
		{ 0, "  ", "-" },
		{ 0, "6", NULL },
		{ 0, "はい", NULL },
		{ 0, "1,2", NULL },
		{ 1, "メール;書類、帳票;", "1+3" },
		{ 1, "書類、帳票", "3" },
		{ 1, "3、メール", "1+3" },
		{ 1, "メール；書類、帳票", "1+3" },
		{ 1, "書類;帳票", NULL },
		{ 1, "2,3", "2+3" },
		{ 1, "画面ロック", "2" },
		{ 1, "メール;その他", NULL },
		{ 1, ";", NULL },
		{ 2, "よかった", "*" },
		{ 2, "", "-" },
	};
	struct ydoc		*doc;
	struct tr_question	 q[3];
	const char		*text;
	char			 tok[64];
	size_t			 i;
	int			 rc;

	(void)state;
	assert_int_equal(ydoc_parse(&doc, q_yaml, strlen(q_yaml), "q.yaml",
	    NULL), 0);
	for (i = 0; i < 3; i++)
		assert_int_equal(tr_question_read(&q[i],
		    ydoc_root(doc)->u.items[i]), 0);
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		rc = tr_cell_answer(tok, sizeof tok, &text, &q[cases[i].q],
		    cases[i].cell);
		if (cases[i].tok == NULL) {
			if (rc == 0)
				fail_msg("'%s' accepted as %s", cases[i].cell,
				    tok);
			assert_non_null(strstr(error_last(), "1 "));
		} else {
			if (rc != 0)
				fail_msg("'%s': %s", cases[i].cell,
				    error_last());
			assert_string_equal(tok, cases[i].tok);
		}
	}
	assert_int_equal(tr_cell_answer(tok, sizeof tok, &text, &q[2],
	    "よかった"), 0);
	assert_string_equal(text, "よかった");
	for (i = 0; i < 3; i++)
		tr_question_free(&q[i]);
	ydoc_free(doc);
}

/* A file's respondents merged twice: the second time changes nothing. */
static void
test_merge(void **state)
{
	char			*texts[3] = { NULL, NULL, "追記" };
	struct tr_in_row	 rows[] = {
		/* r3's test as held: unchanged */
		{ "r3", "zaisei", { NULL, "1 1+3 2" }, NULL, 0 },
		/* r2's test answer changed */
		{ "r2", "hoiku", { NULL, "2 1+3 1" }, NULL, 0 },
		/* new, with a text */
		{ "r9", "zaisei", { "3 2 *", "1 1 1" }, texts, 3 },
	};
	struct ydoc		*doc = NULL;
	struct diags		 d = DIAGS_INIT;
	struct training		*t;
	struct tr_merged	 m;
	struct tr_results	*r = NULL;
	struct buf		 a = BUF_INIT, b = BUF_INIT;

	(void)state;
	assert_int_equal(ydoc_parse(&doc, training_yaml,
	    strlen(training_yaml), "t.yaml", NULL), 0);
	assert_int_equal(tr_merge(&m, doc, ydoc_root(doc), rows, 3), 0);
	assert_int_equal(m.added, 1);
	assert_int_equal(m.updated, 1);
	assert_int_equal(m.unchanged, 1);
	assert_int_equal(node_emit(&a, ydoc_root(doc)), 0);
	assert_int_equal(tr_merge(&m, doc, ydoc_root(doc), rows, 3), 0);
	assert_int_equal(m.added, 0);
	assert_int_equal(m.updated, 0);
	assert_int_equal(m.unchanged, 3);
	assert_int_equal(node_emit(&b, ydoc_root(doc)), 0);
	assert_string_equal(a.data, b.data);
	/* the merged record reads and scores */
	assert_int_equal(training_read(&t, ydoc_root(doc), "t.yaml", &d), 0);
	assert_int_equal(t->answers[TR_SURVEY].n, 5);
	assert_int_equal(t->answers[TR_TEST].n, 6);
	assert_int_equal(tr_results_compute(&r, t, NULL, NAN), 0);
	assert_int_equal(r->survey[2].ntexts, 3);
	assert_int_equal(t->answers[TR_SURVEY].n, 5);
	assert_non_null(strstr(b.data, "      answers: 2 1+3 1\n"));
	tr_results_free(r);
	training_free(t);
	buf_free(&a);
	buf_free(&b);
	diags_free(&d);
	ydoc_free(doc);
}

/* ---- due dates ---------------------------------------------------- */

static void
test_dues(void **state)
{
	struct store	*st = NULL;
	struct duelist	 l = DUELIST_INIT;
	struct cal_date	 from = { 2026, 4, 1 }, to = { 2027, 3, 31 };
	size_t		 i, reports = 0, drafts = 0, open_reports = 0;

	(void)state;
	assert_int_equal(store_open(&st, SAMPLE), 0);
	assert_int_equal(training_dues(&l, st, from, to), 0);
	for (i = 0; i < l.n; i++) {
		assert_string_equal(l.v[i].kind, "training");
		assert_true(cal_cmp(l.v[i].date, from) >= 0);
		assert_true(cal_cmp(l.v[i].date, to) <= 0);
		if (strcmp(l.v[i].what, "研修実施報告書の提出") == 0) {
			reports++;
			open_reports += !l.v[i].done;
		}
		if (strstr(l.v[i].what, "翌年度研修の教材案") != NULL) {
			drafts++;
			/* next year's training, material due this year */
			assert_false(l.v[i].done);
		}
	}
	/*
	 * FY2026: reports of the 10 trainings with a survey or a test (the
	 * new-hire one's survey is 人材育成課's), all submitted (the sample
	 * records every report of the year); the material drafts of FY2027's
	 * new-hire and new-manager trainings.
	 */
	assert_int_equal(reports, 10);
	assert_int_equal(open_reports, 0);
	assert_int_equal(drafts, 2);
	duelist_free(&l);
	store_free(st);
}

/*
 * Last year's same training and the summary's claims of a change: a
 * generated 「前年度より平均正答率が上がった。」 stood beside a fall from
 * 78.0% to 76.0%.
 */
static void
test_last_year(void **state)
{
	struct training		 a, b, c, d, e, *v[5];
	struct tr_list		 pool = { v, 0 };
	struct tr_figures	 now, before;
	const char		*up = "前年度より平均正答率が上がった。";
	const char		*s;
	int			 fig, dir;

	(void)state;
	memset(&a, 0, sizeof a);
	a.fy = 2027;
	a.kind = "security";
	a.audience = "nursery-head";
	a.status = "reported";
	a.title = "令和9年度 区立保育園長向け情報セキュリティ研修";
	b = a;
	b.fy = 2026;
	b.title = "令和8年度 区立保育園長向け情報セキュリティ研修";
	c = b;
	c.audience = "nursery-staff";
	v[pool.n++] = &a;
	v[pool.n++] = &c;
	assert_null(tr_last_year(&a, &pool));
	v[pool.n++] = &b;
	assert_ptr_equal(tr_last_year(&a, &pool), &b);
	/* a cancelled one is not held; of two the one of the same title */
	d = b;
	d.status = "cancelled";
	v[pool.n++] = &d;
	assert_ptr_equal(tr_last_year(&a, &pool), &b);
	e = b;
	e.title = "令和8年度 区立保育園長向け情報セキュリティ研修（後期）";
	v[pool.n++] = &e;
	assert_ptr_equal(tr_last_year(&a, &pool), &b);
	b.title = "令和8年度 区立保育園長向け研修（前期）";
	assert_null(tr_last_year(&a, &pool));

	assert_int_equal(tr_claim(up, strlen(up), &dir), TR_FIG_MEAN);
	assert_int_equal(dir, 1);
	s = "前年度と比べ満足度は低下した。";
	assert_int_equal(tr_claim(s, strlen(s), &dir), TR_FIG_SAT);
	assert_int_equal(dir, -1);
	s = "標的型攻撃メールに関する設問の正答率が低い。";
	assert_int_equal(tr_claim(s, strlen(s), &dir), -1);
	s = "全体として正答率は高く、基本的な事項は理解されている。";
	assert_int_equal(tr_claim(s, strlen(s), &dir), -1);

	now.v[TR_FIG_ATTEND] = 91.66;
	now.v[TR_FIG_SAT] = 88.9;
	now.v[TR_FIG_MEAN] = 76.0;
	now.v[TR_FIG_PASS] = 50.9;
	before = now;
	before.v[TR_FIG_MEAN] = 78.0;
	before.v[TR_FIG_SAT] = NAN;
	assert_false(tr_claim_holds(up, strlen(up), &now, &before, &fig));
	assert_int_equal(fig, TR_FIG_MEAN);
	before.v[TR_FIG_MEAN] = 75.0;
	assert_true(tr_claim_holds(up, strlen(up), &now, &before, &fig));
	/* the same figure as printed is no rise */
	before.v[TR_FIG_MEAN] = 75.96;
	assert_false(tr_claim_holds(up, strlen(up), &now, &before, &fig));
	/* nothing to bear it out */
	assert_false(tr_claim_holds(up, strlen(up), &now, NULL, &fig));
	s = "前年度より満足度が上がった。";
	assert_false(tr_claim_holds(s, strlen(s), &now, &before, &fig));
	s = "演習の評価が高い。";
	assert_true(tr_claim_holds(s, strlen(s), &now, NULL, &fig));
	assert_int_equal(fig, -1);
	assert_true(tr_points(76.0, 78.0) == -2.0);
	assert_true(tr_points(94.04, 86.56) == 7.4);

	s = "演習が好評だった。前年度より平均正答率が上がった。\n以上";
	assert_int_equal(tr_sentence(s), strlen("演習が好評だった。"));
	s += tr_sentence(s);
	assert_int_equal(tr_sentence(s), strlen(up));
	assert_int_equal(tr_sentence("a\nb"), 2);
}

/* ---- the report's judgements -------------------------------------- */

static void
test_report_verdicts(void **state)
{
	/* 設問1 and 設問3 both 37/45: the lowest is both */
	double	v[] = { 100.0 * 37 / 45, 91.1, 100.0 * 37 / 45, NAN, 95.55 };
	double	nan1[] = { NAN, NAN };
	double	near[] = { 82.21, 82.24, 90.0 };
	size_t	idx[5];
	const char *s;

	(void)state;
	assert_int_equal(tr_extremes(v, 5, 0, idx), 2);
	assert_int_equal(idx[0], 0);
	assert_int_equal(idx[1], 2);
	assert_int_equal(tr_extremes(v, 5, 1, idx), 1);
	assert_int_equal(idx[0], 4);
	assert_int_equal(tr_extremes(nan1, 2, 0, idx), 0);
	/* ties as printed: 82.2% and 82.2% */
	assert_int_equal(tr_extremes(near, 3, 0, idx), 2);

	/* 82.2% after 90.4%: not a plain 「おおむね受け入れられた」 */
	s = tr_sat_verdict(82.2, 90.4);
	assert_non_null(strstr(s, "前年度から低下"));
	assert_null(strstr(s, "と考えられる"));
	s = tr_sat_verdict(82.2, 84.0);
	assert_string_equal(s, "研修の内容・方法はおおむね受講者に受け入れられた"
	    "と考えられる");
	assert_string_equal(tr_sat_verdict(82.2, NAN), s);
	/* a fall of exactly 3.0 points as printed is noted */
	assert_non_null(strstr(tr_sat_verdict(85.04, 88.0), "低下"));
	assert_non_null(strstr(tr_sat_verdict(70.0, 75.0), "改善の余地"));
	assert_non_null(strstr(tr_sat_verdict(70.0, 75.0), "低下"));
	assert_null(strstr(tr_sat_verdict(70.0, 71.0), "低下"));
	assert_non_null(strstr(tr_sat_verdict(59.9, NAN), "見直す"));
	assert_non_null(strstr(tr_sat_verdict(79.96, NAN), "おおむね"));
}

/* The survey chart's bars named by their question where it has no topic. */
static void
test_survey_labels(void **state)
{
	struct tr_question	 q[5];
	struct tr_survey_stat	 sv[5];
	struct tr_results	 r;
	struct chart		*c = NULL;
	size_t			 i;

	(void)state;
	memset(q, 0, sizeof q);
	memset(sv, 0, sizeof sv);
	memset(&r, 0, sizeof r);
	for (i = 0; i < 5; i++) {
		q[i].type = TR_Q_SCALE;
		sv[i].q = &q[i];
		sv[i].top2 = 0.8;
	}
	q[0].text = "本研修の内容に満足しましたか。";
	q[1].text = "情報セキュリティに関する意識は、この研修を通じて高まりま"
	    "したか。";
	q[2].text = "理解度はどうでしたか。";
	q[2].topic = "理解度";
	q[3].text = "本研修の内容は、日ごろの業務に役立つと思いますか。";
	q[4].text = "チェックリストチェックリストチェックリスト";
	r.survey = sv;
	r.nsurvey = 5;
	assert_int_equal(tr_chart_survey(&c, &r), 0);
	assert_non_null(c);
	assert_int_equal(c->ncats, 5);
	assert_string_equal(c->cats[0], "設問1 本研修の内容に満足しましたか");
	/*
	 * longer than 16 characters: cut where a phrase ends within them
	 * (the whole in the アンケート sheet), a 、 before the cut dropped;
	 * with no phrase end, after 15
	 */
	assert_string_equal(c->cats[1], "設問2 情報セキュリティに関する…");
	assert_string_equal(c->cats[2], "設問3 理解度");
	assert_string_equal(c->cats[3], "設問4 本研修の内容は、日ごろの業務に…");
	assert_string_equal(c->cats[4], "設問5 チェックリストチェックリストチ…");
	chart_free(c);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_normalise),
		cmocka_unit_test(test_similarity),
		cmocka_unit_test(test_threshold_on_banks),
		cmocka_unit_test(test_discrimination),
		cmocka_unit_test(test_scoring),
		cmocka_unit_test(test_bad_answers),
		cmocka_unit_test(test_question_rules),
		cmocka_unit_test(test_cell_answer),
		cmocka_unit_test(test_merge),
		cmocka_unit_test(test_dues),
		cmocka_unit_test(test_last_year),
		cmocka_unit_test(test_report_verdicts),
		cmocka_unit_test(test_survey_labels),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
