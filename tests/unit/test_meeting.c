/*
 * Meetings and issues: closed days and their nearest business days,
 * document deadlines across Golden Week and the year end, the year's
 * plan from the config, moving a meeting, issue updates and closing,
 * 期限超過 now and in the 課題管理表 as of a date,
 * and the iCalendar writer (folding, escaping, stable UIDs).
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

#include "buf.h"
#include "ical.h"
#include "issue.h"
#include "meeting.h"
#include "testrec.h"

static char	root[] = "/tmp/ncio-meeting-XXXXXX";
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

static int
setup(void **state)
{
	(void)state;
	if (mkdtemp(root) == NULL)
		return -1;
	copy("nerima-cio.yaml");
	copy("orgs.yaml");
	setenv("NERIMA_CIO_TODAY", "2026-06-08T09:30", 1);
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

/* 4(3)ア(ウ)(エ): 10:00 one ward business day before, by hand. */
static void
test_deadlines(void **state)
{
	static const struct {
		const char	*meeting, *due;
	} cases[] = {
		{ "2026-04-09", "2026-04-08T10:00+09:00" },
		/* Golden Week: 2 Sat, 3 Sun, 4-6 holidays */
		{ "2026-05-07", "2026-05-01T10:00+09:00" },
		{ "2026-05-11", "2026-05-08T10:00+09:00" },
		/* 21 敬老の日, 22 国民の休日, 23 秋分の日 */
		{ "2026-09-24", "2026-09-18T10:00+09:00" },
		/* the year end: 29 Dec - 3 Jan */
		{ "2027-01-04", "2026-12-28T10:00+09:00" },
		{ "2027-01-05", "2027-01-04T10:00+09:00" },
		{ "2026-12-28", "2026-12-25T10:00+09:00" },
		/* 11 Feb 建国記念の日 */
		{ "2027-02-12", "2027-02-10T10:00+09:00" },
	};
	char	out[MEETING_DUE_MAX];
	size_t	i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		assert_int_equal(meeting_materials_due(out, NULL,
		    rec_day(cases[i].meeting)), 0);
		assert_string_equal(out, cases[i].due);
	}
}

static void
test_closed_day(void **state)
{
	(void)state;
	assert_int_equal(meeting_check_day(NULL, rec_day("2026-05-07")), 0);
	assert_int_equal(meeting_check_day(NULL, rec_day("2026-05-05")),
	    NC_EINVALID);
	assert_string_equal(error_last(), "2026-05-05 is a closed day "
	    "(こどもの日); the nearest business days are 2026-05-01 (Fri) and "
	    "2026-05-07 (Thu)");
	assert_int_equal(meeting_check_day(NULL, rec_day("2026-12-30")),
	    NC_EINVALID);
	assert_non_null(strstr(error_last(), "2026-12-28 (Mon) and "
	    "2027-01-04 (Mon)"));
	assert_int_equal(meeting_check_day(NULL, rec_day("2026-06-13")),
	    NC_EINVALID);
	assert_non_null(strstr(error_last(), "(土曜日)"));
}

static void
test_slots(void **state)
{
	struct meeting_slot	*v = NULL;
	struct cal		*c = NULL;
	size_t			 n = 0, i, regular = 0, progress = 0;
	int			 seen = 0;

	(void)state;
	assert_int_equal(meeting_cal(&c, st), 0);
	assert_int_equal(meeting_slots(&v, &n, st, c, 2026), 0);
	assert_int_equal(n, 30);
	for (i = 0; i < n; i++) {
		assert_int_equal(meeting_check_day(c, v[i].date), 0);
		if (strcmp(v[i].type, "regular") == 0)
			regular++;
		else
			progress++;
		if (i > 0)
			assert_true(cal_cmp(v[i - 1].date, v[i].date) <= 0);
		/* the 2nd Thursday of February 2027 is 建国記念の日 */
		if (strcmp(v[i].slot, "2027-02-1") == 0 &&
		    strcmp(v[i].type, "regular") == 0) {
			assert_int_equal(cal_cmp(v[i].pattern,
			    rec_day("2027-02-11")), 0);
			assert_int_equal(cal_cmp(v[i].date, rec_day("2027-02-12")),
			    0);
			assert_non_null(v[i].closed);
			assert_int_equal(v[i].number, 21);
			seen = 1;
		}
	}
	assert_true(seen);
	assert_int_equal(regular, 24);
	assert_int_equal(progress, 6);
	assert_int_equal(cal_cmp(v[0].date, rec_day("2026-04-09")), 0);
	assert_string_equal(v[0].start, "13:30");
	free(v);
	cal_free(c);
}

static void
test_move(void **state)
{
	struct ydoc	*doc = rec_parse("id: mt-aaaaaaaa\nfy: 2026\ntype: regular\n"
	    "title: 第3回 定例会\ndate: 2026-05-14\nstatus: scheduled\n"
	    "materials_due: \"2026-05-13T10:00+09:00\"\n");
	struct node	*root = ydoc_root(doc);

	(void)state;
	assert_int_equal(meeting_move(doc, root, NULL, rec_day("2026-05-07")), 0);
	assert_string_equal(node_get_str(root, "date"), "2026-05-07");
	assert_string_equal(node_get_str(root, "moved_from"), "2026-05-14");
	assert_string_equal(node_get_str(root, "materials_due"),
	    "2026-05-01T10:00+09:00");
	/* moved again: the first date stays; back to it: forgotten */
	assert_int_equal(meeting_move(doc, root, NULL, rec_day("2026-05-11")), 0);
	assert_string_equal(node_get_str(root, "moved_from"), "2026-05-14");
	assert_int_equal(meeting_move(doc, root, NULL, rec_day("2026-05-14")), 0);
	assert_null(node_get(root, "moved_from"));
	assert_int_equal(meeting_move(doc, root, NULL, rec_day("2027-04-08")),
	    NC_EINVALID);
	assert_non_null(strstr(error_last(), "another year"));
	ydoc_free(doc);
}

static void
test_issue_update(void **state)
{
	struct ydoc		*doc = rec_parse("id: is-aaaaaaaa\nfy: 2026\n"
	    "title: 課題\nstatus: open\nraised: 2026-05-01\n"
	    "due: 2026-06-01\n");
	struct node		*root = ydoc_root(doc);
	struct issue_change	 c;
	const struct node	*h;

	(void)state;
	assert_true(issue_is_open(root));
	assert_true(issue_overdue(root, 1, rec_day("2026-06-02")));
	assert_false(issue_overdue(root, 1, rec_day("2026-06-01")));
	memset(&c, 0, sizeof c);
	assert_int_equal(issue_update(doc, root, &c), NC_EINVALID);
	c.due = "2026-07-01";
	c.date = "2026-05-20";
	assert_int_equal(issue_update(doc, root, &c), 0);
	h = node_get(root, "history");
	assert_int_equal(h->n, 1);
	assert_string_equal(node_get_str(h->u.items[0], "note"),
	    "期限を2026-06-01から2026-07-01に変更");
	/* closing needs its completion note; nothing changes without it */
	memset(&c, 0, sizeof c);
	c.status = "closed";
	c.date = "2026-06-10";
	assert_int_equal(issue_update(doc, root, &c), NC_EINVALID);
	assert_non_null(strstr(error_last(), "completion note"));
	assert_true(issue_is_open(root));
	assert_int_equal(node_get(root, "history")->n, 1);
	c.note = "対応した。";
	assert_int_equal(issue_update(doc, root, &c), 0);
	assert_false(issue_is_open(root));
	assert_string_equal(node_get_str(root, "closed"), "2026-06-10");
	assert_string_equal(node_get_str(root, "resolution"), "対応した。");
	assert_int_equal(node_get(root, "history")->n, 2);
	assert_int_equal(issue_update(doc, root, &c), NC_EINVALID);
	/* before it was raised */
	memset(&c, 0, sizeof c);
	c.status = "open";
	c.note = "再開";
	c.date = "2026-04-01";
	assert_int_equal(issue_update(doc, root, &c), NC_EINVALID);
	c.date = "2026-06-20";
	assert_int_equal(issue_update(doc, root, &c), 0);
	assert_true(issue_is_open(root));
	assert_null(node_get(root, "closed"));
	ydoc_free(doc);
}

static void
put(const char *rel, const char *text)
{
	char	 path[1024];
	FILE	*f;

	snprintf(path, sizeof path, "%s/%s", root, rel);
	assert_non_null(f = fopen(path, "w"));
	assert_int_equal(fputs(text, f) >= 0, 1);
	fclose(f);
}

static const struct issue_row *
row_of(const struct issue_table *t, const char *no)
{
	size_t	i;

	for (i = 0; i < t->nrows; i++)
		if (strcmp(t->rows[i].no, no) == 0)
			return &t->rows[i];
	fail_msg("no row %s", no);
	return NULL;
}

/*
 * The list (open now) and the 課題管理表 as of a date (open on the day,
 * by the history) judge 期限超過 by issue_overdue(), each with its own
 * openness: 課題1 was open and past due on 5/25 and is closed now; 課題2
 * was closed on 5/25 and is open again now.
 */
static void
test_issue_overdue_as_of(void **state)
{
	static const char *const one = "id: is-aaaaaaa1\nfy: 2026\n"
	    "ref_no: 課題1\ntitle: 閉じた課題\nstatus: closed\n"
	    "raised: 2026-05-01\ndue: 2026-05-20\nclosed: 2026-06-01\n"
	    "resolution: 対応した。\nhistory:\n"
	    "  - date: 2026-05-01\n    status: open\n    note: 起票\n"
	    "  - date: 2026-06-01\n    status: closed\n    note: 対応した。\n";
	static const char *const two = "id: is-aaaaaaa2\nfy: 2026\n"
	    "ref_no: 課題2\ntitle: 再開した課題\nstatus: open\n"
	    "raised: 2026-05-01\ndue: 2026-05-20\nhistory:\n"
	    "  - date: 2026-05-01\n    status: open\n    note: 起票\n"
	    "  - date: 2026-05-10\n    status: closed\n    note: 対応した。\n"
	    "  - date: 2026-06-05\n    status: open\n    note: 再開\n";
	struct ydoc		*d1 = rec_parse(one), *d2 = rec_parse(two);
	struct issue_table	 t;
	char			 cmd[600];

	(void)state;
	/* now (6/8): 課題1 closed, 課題2 open and past due */
	assert_false(issue_overdue(ydoc_root(d1),
	    issue_is_open(ydoc_root(d1)), rec_day("2026-06-08")));
	assert_true(issue_overdue(ydoc_root(d2),
	    issue_is_open(ydoc_root(d2)), rec_day("2026-06-08")));
	/* on 5/25, as the history has it */
	assert_true(issue_overdue(ydoc_root(d1), 1, rec_day("2026-05-25")));
	assert_false(issue_overdue(ydoc_root(d2), 0, rec_day("2026-05-25")));
	assert_false(issue_overdue(ydoc_root(d1), 1, rec_day("2026-05-20")));
	ydoc_free(d1);
	ydoc_free(d2);

	snprintf(cmd, sizeof cmd, "mkdir -p '%s/issues/2026'", root);
	assert_int_equal(system(cmd), 0);
	put("issues/2026/is-aaaaaaa1.yaml", one);
	put("issues/2026/is-aaaaaaa2.yaml", two);
	memset(&t, 0, sizeof t);
	assert_int_equal(issue_table_build(&t, st, 2026, rec_day("2026-05-25"),
	    0), 0);
	assert_true(row_of(&t, "1")->overdue);
	assert_int_equal(row_of(&t, "1")->closed.y, 0);
	assert_false(row_of(&t, "2")->overdue);
	assert_int_not_equal(row_of(&t, "2")->closed.y, 0);
	assert_int_equal(t.noverdue, 1);
	issue_table_free(&t);
	assert_int_equal(issue_table_build(&t, st, 2026, rec_day("2026-06-08"),
	    0), 0);
	assert_false(row_of(&t, "1")->overdue);
	assert_true(row_of(&t, "2")->overdue);
	issue_table_free(&t);
}

/* Unfold RFC 5545 content lines, checking each physical line. */
static char *
unfold(const char *s)
{
	struct buf	 b = BUF_INIT;
	const char	*p, *eol;
	size_t		 n;

	for (p = s; *p != '\0'; p = eol + 2) {
		assert_non_null(eol = strstr(p, "\r\n"));
		n = (size_t)(eol - p);
		assert_true(n <= 75);
		assert_null(memchr(p, '\n', n));
		/* never split inside a UTF-8 character */
		if (*p == ' ')
			assert_true(((unsigned char)p[1] & 0xC0) != 0x80);
		if (p != s && *p == ' ')
			buf_add(&b, p + 1, n - 1);
		else {
			if (p != s)
				buf_putc(&b, '\n');
			buf_add(&b, p, n);
		}
	}
	assert_int_equal(buf_ok(&b), 0);
	return buf_detach(&b, NULL);
}

static void
test_ical_line(void **state)
{
	struct buf	 b = BUF_INIT;
	char		 line[600], *u;
	size_t		 i;

	(void)state;
	strcpy(line, "SUMMARY:");
	for (i = 0; i < 40; i++)
		strcat(line, "次第・資");	/* 3-byte characters */
	ical_line(&b, line);
	u = unfold(b.data);
	assert_string_equal(u, line);
	free(u);
	buf_reset(&b);
	ical_line(&b, "SHORT:x");
	assert_string_equal(b.data, "SHORT:x\r\n");
	buf_reset(&b);
	ical_escape(&b, "a,b;c\\d\ne\r");
	assert_string_equal(b.data, "a\\,b\\;c\\\\d\\ne");
	buf_free(&b);
}

static void
test_ical_write(void **state)
{
	struct duelist	 l = DUELIST_INIT;
	struct ical_opts o;
	struct buf	 a = BUF_INIT, b = BUF_INIT;
	char		 u1[ICAL_UID_MAX], u2[ICAL_UID_MAX], *u;

	(void)state;
	assert_int_equal(duelist_add(&l, rec_day("2026-05-01"), 10, 0, "meeting",
	    "mt-aaaaaaaa", "第3回 定例会", "次第・資料の提出", NULL,
	    "仕様書4(3)ア(ウ)", 0), 0);
	assert_int_equal(duelist_add(&l, rec_day("2026-05-20"), -1, 0, "issue",
	    "is-aaaaaaaa", "課題1, 課題; 2", "課題の対応期限", NULL, NULL, 0),
	    0);
	ical_uid(u1, &l.v[0]);
	ical_uid(u2, &l.v[1]);
	assert_string_not_equal(u1, u2);
	assert_memory_equal(u1, "mt-aaaaaaaa-", 12);
	assert_non_null(strstr(u1, "@nerima-cio"));
	/* the same obligation on another day keeps its UID */
	l.v[0].date = rec_day("2026-05-08");
	ical_uid(u2, &l.v[0]);
	assert_string_equal(u1, u2);
	memset(&o, 0, sizeof o);
	o.calname = "期限";
	o.stamp = 1780000000;
	assert_int_equal(ical_write(&a, &l, &o), 0);
	assert_int_equal(ical_write(&b, &l, &o), 0);
	assert_string_equal(a.data, b.data);
	u = unfold(a.data);
	assert_non_null(strstr(u, "BEGIN:VTIMEZONE\nTZID:Asia/Tokyo\n"));
	assert_non_null(strstr(u, "DTSTART;TZID=Asia/Tokyo:20260508T100000\n"
	    "DTEND;TZID=Asia/Tokyo:20260508T103000\n"));
	assert_non_null(strstr(u, "DTSTART;VALUE=DATE:20260520\n"
	    "DTEND;VALUE=DATE:20260521\n"));
	assert_non_null(strstr(u, "課題1\\, 課題\\; 2"));
	assert_non_null(strstr(u, "DTSTAMP:20260528T202640Z\n"));
	free(u);
	buf_free(&a);
	buf_free(&b);
	duelist_free(&l);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_deadlines),
		cmocka_unit_test(test_closed_day),
		cmocka_unit_test(test_slots),
		cmocka_unit_test(test_move),
		cmocka_unit_test(test_issue_update),
		cmocka_unit_test(test_issue_overdue_as_of),
		cmocka_unit_test(test_ical_line),
		cmocka_unit_test(test_ical_write),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
