/*
 * Incidents: the criteria engine as a table (answers -> rules that fire ->
 * recommendation), answers checked against their question's type, the
 * catalog checks lint runs, reporting deadlines computed from the
 * reporting catalog across holidays and the year-end closure, and the
 * timeline kept in time order with corrections.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "incident.h"
#include "testrec.h"

static struct ydoc *
load_sample(const char *rel)
{
	struct ydoc	*doc = NULL;
	char		 path[1024];

	snprintf(path, sizeof path, "%s/data/sample/%s", NCIO_SOURCE_DIR, rel);
	assert_int_equal(ydoc_load(&doc, path, NULL), 0);
	return doc;
}

/* "a=yes b=no" into answers pointing into buf. */
static size_t
split_answers(struct incident_answer *a, size_t max, char *buf)
{
	char	*tok, *eq, *save = NULL;
	size_t	 n = 0;

	for (tok = strtok_r(buf, " ", &save); tok != NULL && n < max;
	    tok = strtok_r(NULL, " ", &save)) {
		eq = strchr(tok, '=');
		assert_non_null(eq);
		*eq = '\0';
		a[n].key = tok;
		a[n].value = eq + 1;
		n++;
	}
	return n;
}

/* The fired rules as "tr-01 tr-03". */
static void
fired_list(char *out, size_t size, const struct incident_eval *ev)
{
	size_t	i, len = 0;

	out[0] = '\0';
	for (i = 0; i < ev->nfired; i++)
		len += (size_t)snprintf(out + len, size - len, "%s%s",
		    i > 0 ? " " : "", ev->fired[i].rule);
}

/* The shipped criteria catalog, so the sample and the engine agree. */
static const struct {
	const char	*phase;
	const char	*answers;
	const char	*fired;
	const char	*action;
} rule_cases[] = {
	{ "triage", "detected=yes connected=yes zone=lgwan spread=no "
	  "outbound=no server=no", "tr-01", "isolate-terminal" },
	/* already disconnected: kept so, not cut again */
	{ "triage", "detected=yes connected=no zone=lgwan spread=no "
	  "outbound=no server=no", "tr-02", "keep-isolated" },
	{ "triage", "detected=yes connected=unknown zone=lgwan spread=yes "
	  "outbound=unknown server=no", "tr-01 tr-03", "isolate-segment" },
	{ "triage", "detected=yes connected=yes zone=internet spread=yes "
	  "outbound=yes server=no", "tr-01 tr-03 tr-04 tr-06",
	  "isolate-internet" },
	{ "triage", "detected=yes connected=yes zone=mynumber spread=no "
	  "outbound=no server=no", "tr-01 tr-05", "isolate-zone" },
	{ "triage", "detected=no connected=yes zone=internet spread=no "
	  "outbound=no server=yes", "tr-07", "isolate-segment" },
	{ "triage", "detected=no connected=yes zone=lgwan spread=no "
	  "outbound=no server=no", "tr-99", "monitor" },
	/* Nothing answered: only the default fires. */
	{ "triage", "", "tr-99", "monitor" },
	{ "recover", "cause=yes cleaned=yes logs=yes backup=yes fixed=yes "
	  "mynumber=no", "rc-07", "recover" },
	{ "recover", "cause=yes cleaned=yes logs=yes backup=not-used "
	  "fixed=no mynumber=no", "rc-05 rc-07", "recover-conditional" },
	{ "recover", "cause=no cleaned=yes logs=yes backup=yes fixed=yes "
	  "mynumber=unknown", "rc-01 rc-06", "hold" },
	{ "recover", "cause=yes cleaned=yes logs=yes backup=yes fixed=yes "
	  "mynumber=yes", "rc-06 rc-07", "recover-conditional" },
	{ "recover", "cause=yes cleaned=no logs=no backup=no fixed=yes "
	  "mynumber=no", "rc-02 rc-03 rc-04", "hold" },
};

static void
test_rules_sample(void **state)
{
	struct ydoc		*cat = load_sample(
				    "catalogs/2026/ca-gjq8w8d1.yaml");
	struct incident_answer	 a[16];
	struct incident_eval	 ev;
	char			 buf[512], got[256];
	size_t			 i, n;

	(void)state;
	for (i = 0; i < sizeof rule_cases / sizeof rule_cases[0]; i++) {
		snprintf(buf, sizeof buf, "%s", rule_cases[i].answers);
		n = split_answers(a, 16, buf);
		assert_int_equal(incident_evaluate(&ev, ydoc_root(cat),
		    rule_cases[i].phase, a, n), 0);
		fired_list(got, sizeof got, &ev);
		if (strcmp(got, rule_cases[i].fired) != 0 ||
		    ev.action == NULL ||
		    strcmp(ev.action, rule_cases[i].action) != 0)
			fail_msg("case %zu (%s): fired '%s' -> %s, want '%s' "
			    "-> %s", i, rule_cases[i].answers, got,
			    ev.action != NULL ? ev.action : "(none)",
			    rule_cases[i].fired, rule_cases[i].action);
		incident_eval_free(&ev);
	}
	ydoc_free(cat);
}

/* Precedence, defaults, counts and ranges on a small catalog of its own. */
static const char small_catalog[] =
    "kind: isolation-criteria\n"
    "actions:\n"
    "  - {key: stop, phase: triage, title: 停止}\n"
    "  - {key: watch, phase: triage, title: 監視}\n"
    "  - {key: none, phase: triage, title: 対応なし}\n"
    "questions:\n"
    "  - {key: hosts, phase: triage, text: 台数, type: count}\n"
    "  - {key: where, phase: triage, text: 場所, type: choice,\n"
    "     choices: [{value: a, title: 本庁}, {value: b, title: 出先}]}\n"
    "rules:\n"
    "  - {ref: r-1, phase: triage, action: watch, reason: x,\n"
    "     when: [{question: hosts, min: 1}]}\n"
    "  - {ref: r-2, phase: triage, action: stop, reason: x,\n"
    "     when: [{question: hosts, min: 5}, {question: where, in: [a]}]}\n"
    "  - {ref: r-3, phase: triage, action: watch, reason: x,\n"
    "     when: [{question: hosts, max: 0}, {question: where, is: b}]}\n"
    "  - {ref: r-9, phase: triage, action: none, reason: x}\n";

static const struct {
	const char	*answers;
	const char	*fired;
	const char	*action;
} small_cases[] = {
	{ "hosts=0 where=a", "r-9", "none" },
	{ "hosts=0 where=b", "r-3", "watch" },
	{ "hosts=3 where=a", "r-1", "watch" },
	{ "hosts=5 where=b", "r-1", "watch" },
	/* r-2 outranks r-1: stop is listed before watch. */
	{ "hosts=5 where=a", "r-1 r-2", "stop" },
	{ "hosts=12 where=a", "r-1 r-2", "stop" },
	{ "where=a", "r-9", "none" },
};

static void
test_rules_small(void **state)
{
	struct ydoc		*cat = rec_parse(small_catalog);
	struct incident_answer	 a[8];
	struct incident_eval	 ev;
	char			 buf[256], got[128];
	size_t			 i, n;

	(void)state;
	for (i = 0; i < sizeof small_cases / sizeof small_cases[0]; i++) {
		snprintf(buf, sizeof buf, "%s", small_cases[i].answers);
		n = split_answers(a, 8, buf);
		assert_int_equal(incident_evaluate(&ev, ydoc_root(cat),
		    "triage", a, n), 0);
		fired_list(got, sizeof got, &ev);
		if (strcmp(got, small_cases[i].fired) != 0 ||
		    strcmp(ev.action, small_cases[i].action) != 0)
			fail_msg("case %zu (%s): fired '%s' -> %s", i,
			    small_cases[i].answers, got, ev.action);
		incident_eval_free(&ev);
	}
	ydoc_free(cat);
}

static const struct {
	const char	*key;
	const char	*input;
	const char	*want;		/* NULL: refused */
} answer_cases[] = {
	{ "detected", "y", "yes" },
	{ "detected", "はい", "yes" },
	{ "detected", "ＹＥＳ", "yes" },
	{ "detected", "いいえ", "no" },
	{ "detected", "わからない", NULL },	/* yes-no has no unknown */
	{ "detected", "maybe", NULL },
	{ "connected", "わからない", "unknown" },
	{ "connected", "?", "unknown" },
	{ "connected", "n", "no" },
	{ "zone", "lgwan", "lgwan" },
	{ "zone", "マイナンバー利用事務系", "mynumber" },
	{ "zone", "3", "internet" },
	{ "zone", "３", "internet" },
	{ "zone", "5", NULL },
	{ "zone", "dmz", NULL },
	{ "backup", "バックアップから復元しない", "not-used" },
	{ "backup", "", NULL },
};

static void
test_answers(void **state)
{
	struct ydoc			*cat = load_sample(
					    "catalogs/2026/ca-gjq8w8d1.yaml");
	struct incident_question	*qt = NULL, *qr = NULL, *q;
	size_t				 nt, nr, i, k;
	char				*v;
	int				 rc;

	(void)state;
	assert_int_equal(incident_questions(&qt, &nt, ydoc_root(cat),
	    "triage"), 0);
	assert_int_equal(incident_questions(&qr, &nr, ydoc_root(cat),
	    "recover"), 0);
	assert_int_equal(nt, 6);
	assert_int_equal(nr, 6);
	assert_int_equal(qt[2].number, 3);
	for (i = 0; i < sizeof answer_cases / sizeof answer_cases[0]; i++) {
		for (q = NULL, k = 0; k < nt; k++)
			if (strcmp(qt[k].key, answer_cases[i].key) == 0)
				q = &qt[k];
		for (k = 0; q == NULL && k < nr; k++)
			if (strcmp(qr[k].key, answer_cases[i].key) == 0)
				q = &qr[k];
		assert_non_null(q);
		v = NULL;
		rc = incident_answer_parse(&v, q, answer_cases[i].input);
		if (answer_cases[i].want == NULL) {
			if (rc == 0)
				fail_msg("case %zu: '%s' accepted as '%s'", i,
				    answer_cases[i].input, v);
			/* The message names the question and the choices. */
			assert_non_null(strstr(error_last(),
			    answer_cases[i].key));
			assert_non_null(strstr(error_last(), "expected"));
		} else {
			if (rc != 0)
				fail_msg("case %zu: '%s' refused: %s", i,
				    answer_cases[i].input, error_last());
			assert_string_equal(v, answer_cases[i].want);
		}
		free(v);
	}
	free(qt);
	free(qr);
	ydoc_free(cat);
}

static void
test_check_catalog(void **state)
{
	static const char bad[] =
	    "kind: isolation-criteria\n"
	    "sources:\n"
	    "  - {key: ipa, title: IPA}\n"
	    "actions:\n"
	    "  - {key: stop, phase: triage, title: 停止}\n"
	    "  - {key: back, phase: recover, title: 復旧}\n"
	    "questions:\n"
	    "  - {key: a, phase: triage, text: A, type: yes-no}\n"
	    "  - {key: c, phase: triage, text: C, type: choice}\n"
	    "rules:\n"
	    "  - ref: r-1\n"
	    "    phase: triage\n"
	    "    action: stop\n"
	    "    reason: x\n"
	    "    source: ipa\n"
	    "    when:\n"
	    "      - question: nosuch\n"
	    "        is: \"yes\"\n"
	    "  - {ref: r-2, phase: triage, action: back, reason: x,\n"
	    "     when: [{question: a, is: maybe}]}\n"
	    "  - {ref: r-3, phase: triage, action: gone, reason: x,\n"
	    "     source: mic}\n";
	struct ydoc		*cat = rec_parse(bad);
	struct diags		 d = DIAGS_INIT;
	struct schemaset	*set = NULL;
	const char *const	 dirs[] = { NCIO_SOURCE_DIR "/schemas" };
	const struct schema	*ck;
	size_t			 i;
	int			 saw[6] = { 0 };

	(void)state;
	assert_int_equal(schemaset_load(&set, dirs, 1, NULL), 0);
	ck = schemaset_kind(set, "catalog");
	assert_non_null(ck);
	assert_int_not_equal(incident_check(ck, ydoc_root(cat), "cat.yaml",
	    schemaset_kind(set, "incident"), &d), 0);
	for (i = 0; i < d.n; i++) {
		if (strstr(d.v[i].msg, "rule 'r-1' refers to question "
		    "'nosuch', which the catalog does not have") != NULL) {
			saw[0] = 1;
			assert_int_equal(d.v[i].line, 17);
			assert_string_equal(d.v[i].path, "cat.yaml");
		}
		saw[1] |= strstr(d.v[i].msg, "'maybe' is not an answer to "
		    "question 'a'") != NULL;
		saw[2] |= strstr(d.v[i].msg, "rule 'r-2' is a triage rule but "
		    "action 'back' is not") != NULL;
		saw[3] |= strstr(d.v[i].msg, "recommends 'gone'") != NULL;
		saw[4] |= strstr(d.v[i].msg, "source 'mic'") != NULL;
		saw[5] |= strstr(d.v[i].msg, "question 'c' is a choice but "
		    "has fewer than two choices") != NULL;
	}
	for (i = 0; i < 6; i++)
		if (!saw[i])
			fail_msg("problem %zu not reported (%zu reported)", i,
			    d.n);
	diags_free(&d);
	ydoc_free(cat);

	/* The shipped catalogs are clean. */
	cat = load_sample("catalogs/2026/ca-gjq8w8d1.yaml");
	assert_int_equal(incident_check(ck, ydoc_root(cat), "x", NULL, &d),
	    0);
	ydoc_free(cat);
	cat = load_sample("catalogs/2026/ca-7pet4dvh.yaml");
	assert_int_equal(incident_check(ck, ydoc_root(cat), "x",
	    schemaset_kind(set, "incident"), &d), 0);
	assert_int_equal(d.n, 0);
	ydoc_free(cat);
	schemaset_free(set);
}

/*
 * Deadlines from the shipped reporting rules, computed by hand:
 * 2026-07-20 is 海の日 (third Monday of July), 2026-12-29..2027-01-03
 * the year-end closure.
 */
static const struct {
	const char	*facts;		/* YAML of the incident's fields */
	const char	*want;		/* "ref=YYYY-MM-DD ..." by date */
} due_cases[] = {
	/* Not personal: the ward's own reports only. */
	{ "discovered: 2026-06-19\npersonal_info: false\n",
	  "ward-first=2026-06-19 ward-report=2026-07-03" },
	/*
	 * Sensitive, 150 people, known Fri 2026-06-19: 速報 three business
	 * days after (Wed 06-24); 確報 day 30 = Sat 07-18, Sun, 海の日
	 * Mon 07-20 -> Tue 07-21.
	 */
	{ "discovered: 2026-06-19\npersonal_info: true\nprivacy:\n"
	  "  sensitive: true\n  people: 150\n",
	  "ward-first=2026-06-19 ward-ciso=2026-06-22 ppc-prompt=2026-06-24 "
	  "ward-report=2026-07-03 ppc-final=2026-07-21" },
	/*
	 * Wrongful, known Fri 2026-07-17: three business days after are
	 * 07-21, 22, 23 (海の日 skipped) but the cap of five days gives
	 * Wed 07-22; 60 days end on day 60 = Mon 09-14.
	 */
	{ "discovered: 2026-07-17\npersonal_info: true\nprivacy:\n"
	  "  wrongful: true\n",
	  "ward-first=2026-07-17 ward-ciso=2026-07-21 ppc-prompt=2026-07-22 "
	  "ward-report=2026-08-03 ppc-final-wrongful=2026-09-14" },
	/* privacy.known counts before discovered; day 30 in the closure. */
	{ "discovered: 2026-11-20\nprivacy:\n  known: 2026-12-01\n"
	  "  people: 101\npersonal_info: true\n",
	  "ward-first=2026-11-20 ward-ciso=2026-12-02 ppc-prompt=2026-12-04 "
	  "ward-report=2026-12-07 ppc-final=2027-01-04" },
	/* 100 people is not more than 100. */
	{ "discovered: 2026-06-19\npersonal_info: true\nprivacy:\n"
	  "  people: 100\n",
	  "ward-first=2026-06-19 ward-ciso=2026-06-22 ward-report=2026-07-03" },
	/* My Number: the 番号法 route as well. */
	{ "discovered: 2026-06-19\npersonal_info: true\nmy_number: true\n"
	  "privacy:\n  people: 120\n",
	  "ward-first=2026-06-19 ward-ciso=2026-06-22 ppc-prompt=2026-06-24 "
	  "mn-prompt=2026-06-24 ward-report=2026-07-03 ppc-final=2026-07-21 "
	  "mn-final=2026-07-21" },
};

static void
test_deadlines(void **state)
{
	struct ydoc			*cat = load_sample(
					    "catalogs/2026/ca-7pet4dvh.yaml");
	struct incident_obligations	 ob;
	struct ydoc			*inc;
	char				 got[512], day[16];
	size_t				 i, k, len;

	(void)state;
	for (i = 0; i < sizeof due_cases / sizeof due_cases[0]; i++) {
		inc = rec_parse(due_cases[i].facts);
		assert_int_equal(incident_obligations_of(&ob, ydoc_root(cat),
		    ydoc_root(inc), NULL, NULL), 0);
		got[0] = '\0';
		for (k = 0, len = 0; k < ob.n; k++) {
			cal_format_iso(day, sizeof day, ob.v[k].due);
			len += (size_t)snprintf(got + len, sizeof got - len,
			    "%s%s=%s", k > 0 ? " " : "", ob.v[k].ref, day);
			assert_non_null(ob.v[k].basis);
			assert_non_null(ob.v[k].why);
		}
		if (strcmp(got, due_cases[i].want) != 0)
			fail_msg("case %zu:\n got  %s\n want %s", i, got,
			    due_cases[i].want);
		incident_obligations_free(&ob);
		ydoc_free(inc);
	}
	ydoc_free(cat);
}

static void
test_timeline(void **state)
{
	struct ydoc			*doc = rec_parse("title: t\n"
					    "occurred: 2026-06-10\n"
					    "discovered: 2026-06-10\n");
	struct node			*root = ydoc_root(doc), *tl;
	struct incident_entry_in	 in;
	const char			*now = "2026-06-10T18:00";
	long				 seq;
	size_t				 i;
	static const char *const	 want[] = { "2", "1", "3" };

	(void)state;
	memset(&in, 0, sizeof in);
	in.type = "containment";
	in.text = "LANケーブルを抜いた";
	in.at = "2026-06-10T14:20";
	/* Before any detection entry the discovered day is the detection. */
	assert_int_equal(incident_log(doc, root, &in, now, &seq), 0);
	in.type = "detection";
	in.text = "EDRが検知";
	in.at = "2026-06-10T14:05";
	assert_int_equal(incident_log(doc, root, &in, now, &seq), 0);
	assert_int_equal(seq, 2);
	in.type = "report";
	in.text = "情報政策課に連絡";
	in.at = "2026-06-10T14:30";
	assert_int_equal(incident_log(doc, root, &in, now, &seq), 0);
	tl = incident_timeline(root);
	assert_int_equal(tl->n, 3);
	for (i = 0; i < 3; i++)
		assert_string_equal(node_get_str(tl->u.items[i], "seq"),
		    want[i]);

	/* In the future, before the day, a recovery before detection. */
	in.type = "note";
	in.at = "2026-06-10T18:01";
	assert_int_equal(incident_log(doc, root, &in, now, NULL), NC_EINVALID);
	assert_non_null(strstr(error_last(), "in the future"));
	in.at = "2026-06-09T23:59";
	assert_int_equal(incident_log(doc, root, &in, now, NULL), NC_EINVALID);
	assert_non_null(strstr(error_last(), "occurred"));
	in.type = "recovery";
	in.at = "2026-06-10T14:00";
	assert_int_equal(incident_log(doc, root, &in, now, NULL), NC_EINVALID);
	assert_non_null(strstr(error_last(), "before the detection at "
	    "2026-06-10 14:05 (entry 2)"));
	assert_int_equal(tl->n, 4);	/* the caller discards the tree */
	ydoc_free(doc);

	/* A correction moves the entry and keeps the old time. */
	doc = rec_parse("occurred: 2026-06-10\ntimeline:\n"
	    "  - {seq: 1, at: 2026-06-10T09:00, type: detection, text: a}\n"
	    "  - {seq: 2, at: 2026-06-10T10:00, type: report, text: b}\n"
	    "  - {seq: 3, at: 2026-06-10T11:00, type: containment, text: c}\n");
	root = ydoc_root(doc);
	assert_int_equal(incident_correct(doc, root, 2, "2026-06-10T11:30",
	    "時刻の聞き違い", NULL, now), 0);
	tl = incident_timeline(root);
	assert_string_equal(node_get_str(tl->u.items[2], "seq"), "2");
	assert_string_equal(node_get_str(node_get(tl->u.items[2],
	    "corrections")->u.items[0], "was"), "2026-06-10T10:00");
	assert_int_equal(incident_correct(doc, root, 9, "2026-06-10T11:30",
	    NULL, NULL, now), NC_EINVALID);
	/* Moving the detection after the containment breaks the order. */
	assert_int_equal(incident_correct(doc, root, 1, "2026-06-10T11:10",
	    NULL, NULL, now), NC_EINVALID);
	assert_non_null(strstr(error_last(), "containment"));
	ydoc_free(doc);
}

static void
test_durations(void **state)
{
	struct ydoc	*doc = rec_parse("occurred: 2026-06-10\n"
			    "discovered: 2026-06-10\ntimeline:\n"
			    "  - {seq: 1, at: 2026-06-10T09:00, type: "
			    "detection, text: a}\n"
			    "  - {seq: 2, at: 2026-06-10T09:45, type: "
			    "isolation, text: b}\n"
			    "  - {seq: 3, at: 2026-06-12T09:00, type: "
			    "recovery, text: c}\n");
	double		 c, r;

	(void)state;
	incident_durations(&c, &r, ydoc_root(doc));
	assert_true(c > 0.74 && c < 0.76);
	assert_true(r > 47.9 && r < 48.1);
	ydoc_free(doc);
	doc = rec_parse("occurred: 2026-06-10\n");
	incident_durations(&c, &r, ydoc_root(doc));
	assert_true(c < 0 && r < 0);
	ydoc_free(doc);
	/*
	 * No timeline, the record's cut and 復旧日時: 対応時間 said no time
	 * could be computed for six such records.  From the discovered day
	 * (00:00); a cut decided before it gives no containment time.
	 */
	doc = rec_parse("occurred: 2027-05-01\ndiscovered: 2027-05-02\n"
	    "isolation:\n  decision: partial\n"
	    "  decided: \"2027-05-02T14:00+09:00\"\n"
	    "  restored: \"2027-05-03T09:00+09:00\"\n");
	incident_durations(&c, &r, ydoc_root(doc));
	assert_true(c > 13.9 && c < 14.1);
	assert_true(r > 32.9 && r < 33.1);
	ydoc_free(doc);
	doc = rec_parse("occurred: 2027-05-01\ndiscovered: 2027-05-02\n"
	    "isolation:\n  decision: monitor\n"
	    "  decided: \"2027-05-02T14:00+09:00\"\n"
	    "  restored: \"2027-05-03T09:00+09:00\"\n");
	incident_durations(&c, &r, ydoc_root(doc));
	assert_true(c < 0);
	assert_true(r > 32.9 && r < 33.1);
	ydoc_free(doc);
	doc = rec_parse("occurred: 2027-05-01\ndiscovered: 2027-05-02\n"
	    "isolation:\n  decision: isolate\n"
	    "  decided: \"2027-05-01T14:00+09:00\"\n");
	incident_durations(&c, &r, ydoc_root(doc));
	assert_true(c < 0 && r < 0);
	ydoc_free(doc);
}

/*
 * The status and severity on a day: by the changes the timeline logged
 * (the sample's malware incident, 対応中 from 6/16, 再発防止策の確認中
 * from 6/26, 終結 on 7/10), else by the record's dates (a generated
 * record has none logged).
 */
static void
test_status_on(void **state)
{
	static const char dated[] = "reported: 2027-04-07\n"
	    "status: closed\nseverity: medium\n"
	    "timeline:\n"
	    "  - {seq: 1, at: \"2027-04-07T11:05\", type: detection, text: a}\n"
	    "  - {seq: 2, at: \"2027-04-07T12:05\", type: report, text: b}\n"
	    "  - {seq: 3, at: \"2027-04-09T10:00\", type: containment,"
	    " text: c}\n"
	    "prevention: {received: 2027-04-20, reviewed: 2027-04-24}\n"
	    "closed: 2027-05-06\n";
	static const char logged[] = "reported: 2026-06-16\n"
	    "status: prevention\nseverity: high\n"
	    "timeline:\n"
	    "  - {seq: 1, at: \"2026-06-16T10:30\", type: status, text: a,"
	    " change: {field: status, from: reported, to: responding}}\n"
	    "  - {seq: 2, at: \"2026-06-17T10:30\", type: status, text: b,"
	    " change: {field: severity, from: medium, to: high}}\n"
	    "  - {seq: 3, at: \"2026-06-26T11:20\", type: status, text: c,"
	    " change: {field: status, from: responding, to: prevention}}\n"
	    /* a completion by hand, without its entry */
	    "closed: 2026-07-10\n";
	static const struct {
		const char	*rec;
		const char	*day;
		const char	*status;	/* NULL: not reported yet */
		const char	*severity;
	} cases[] = {
		{ dated, "2027-04-06", NULL, NULL },
		{ dated, "2027-04-07", "reported", "medium" },
		{ dated, "2027-04-14", "responding", "medium" },
		{ dated, "2027-04-20", "prevention", "medium" },
		{ dated, "2027-05-05", "prevention", "medium" },
		{ dated, "2027-05-06", "closed", "medium" },
		{ logged, "2026-06-16", "responding", "medium" },
		{ logged, "2026-06-17", "responding", "high" },
		{ logged, "2026-06-26", "prevention", "high" },
		{ logged, "2026-07-09", "prevention", "high" },
		/* nothing after the day: the record as it stands */
		{ logged, "2026-07-10", "prevention", "high" },
		{ "reported: 2026-05-01\nstatus: recovering\n", "2026-05-02",
		  "recovering", NULL },
		/* the sample's: reported straight to closed on 11/6 */
		{ "reported: 2026-10-21\nstatus: closed\nclosed: 2026-11-06\n"
		  "timeline:\n  - {seq: 7, at: \"2026-11-06T15:00\", type: "
		  "status, text: a, change: {field: status, from: reported, "
		  "to: closed}}\n", "2026-11-05", "reported", NULL },
	};
	struct ydoc	*doc;
	struct cal_date	 d;
	const char	*st, *sev;
	size_t		 i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		doc = rec_parse(cases[i].rec);
		assert_int_equal(cal_parse_iso(&d, cases[i].day), 0);
		st = incident_status_on(ydoc_root(doc), d);
		sev = incident_severity_on(ydoc_root(doc), d);
		if ((st == NULL) != (cases[i].status == NULL) ||
		    (st != NULL && strcmp(st, cases[i].status) != 0) ||
		    (sev == NULL) != (cases[i].severity == NULL) ||
		    (sev != NULL && strcmp(sev, cases[i].severity) != 0))
			fail_msg("case %zu (%s): %s %s, want %s %s", i,
			    cases[i].day, st != NULL ? st : "NULL",
			    sev != NULL ? sev : "NULL", cases[i].status !=
			    NULL ? cases[i].status : "NULL",
			    cases[i].severity != NULL ? cases[i].severity :
			    "NULL");
		ydoc_free(doc);
	}
}

/*
 * The agenda of the shipped sample for 2026-11-01..2027-01-31: the closed
 * tablet loss's division report (met), and the suspicious login's reports,
 * the last of them the 60-day final report, whose day 60 (2027-01-11) is
 * 成人の日, so 2027-01-12.
 */
static void
test_dues(void **state)
{
	static const struct {
		const char	*line;		/* day, id, done or open */
		const char	*what;		/* part of the obligation */
	} want[] = {
	    { "2026-11-05 in-bz70yxrh done", "所管課の事故等報告書の提出" },
	    { "2026-11-13 in-s75gpgrw done", "事故等の第一報" },
	    { "2026-11-16 in-s75gpgrw done", "最高情報セキュリティ責任者" },
	    { "2026-11-18 in-s75gpgrw done", "漏えい等の速報" },
	    { "2026-11-30 in-s75gpgrw done", "所管課の事故等報告書の提出" },
	    { "2027-01-12 in-s75gpgrw open",
	      "漏えい等の確報（不正の目的によるおそれ）" },
	};
	struct store	*st = NULL;
	struct duelist	 dl = DUELIST_INIT;
	struct cal_date	 from = { 2026, 11, 1 }, to = { 2027, 1, 31 };
	char		 got[256], day[16];
	size_t		 i;

	(void)state;
	assert_int_equal(store_open(&st, NCIO_SOURCE_DIR "/data/sample"), 0);
	assert_int_equal(incident_dues(&dl, st, from, to), 0);
	duelist_sort(&dl);
	if (dl.n != sizeof want / sizeof want[0])
		fail_msg("%zu items, want %zu", dl.n,
		    sizeof want / sizeof want[0]);
	for (i = 0; i < dl.n; i++) {
		cal_format_iso(day, sizeof day, dl.v[i].date);
		snprintf(got, sizeof got, "%s %s %s", day, dl.v[i].id,
		    dl.v[i].done ? "done" : "open");
		if (strcmp(want[i].line, got) != 0 ||
		    strstr(dl.v[i].what, want[i].what) == NULL)
			fail_msg("item %zu: %s %s, want %s %s", i, got,
			    dl.v[i].what, want[i].line, want[i].what);
		assert_string_equal(dl.v[i].kind, "incident");
		assert_non_null(dl.v[i].basis);
	}
	/* The 60-day report: to the Commission, on the law's basis. */
	assert_non_null(strstr(dl.v[5].what, "個人情報保護委員会"));
	assert_non_null(strstr(dl.v[5].basis, "第68条"));
	assert_string_equal(dl.v[5].who, "mihon-hanako");
	duelist_free(&dl);
	store_free(st);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rules_sample),
		cmocka_unit_test(test_rules_small),
		cmocka_unit_test(test_answers),
		cmocka_unit_test(test_check_catalog),
		cmocka_unit_test(test_deadlines),
		cmocka_unit_test(test_timeline),
		cmocka_unit_test(test_durations),
		cmocka_unit_test(test_status_on),
		cmocka_unit_test(test_dues),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
