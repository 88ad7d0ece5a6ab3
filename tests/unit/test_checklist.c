/*
 * Checklists: answers and their scores, deviation values, item-set
 * differences, aggregation against the previous year, and CSV imports
 * (encodings, idempotence, corrected files, every kind of bad row) on a
 * scratch copy of the sample data directory.
 */
#include <setjmp.h>
#include <math.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>
#include <minizip/unzip.h>

#include "zippart.h"
#include "checklist.h"
#include "diag.h"
#include "error.h"
#include "store.h"

static char	root[] = "/tmp/ncio-checklist-XXXXXX";

static void
put(const char *rel, const char *text)
{
	char	 path[512];
	FILE	*fp;

	snprintf(path, sizeof path, "%s/%s", root, rel);
	assert_non_null(fp = fopen(path, "w"));
	fputs(text, fp);
	fclose(fp);
}

static const char cat2025[] =
    "id: ca-0000aaa1\nfy: 2025\nkind: checklist-department\n"
    "title: 令和7年度 所属点検項目\nversion: 1\nstatus: final\n"
    "items:\n"
    "  - ref: dp-a\n    category: 体制\n    text: 担当者を指定している。\n"
    "    weight: 1\n    answer_type: scale4\n"
    "  - ref: dp-b\n    category: 資産\n    text: 台帳を見直した。\n"
    "    weight: 1\n    answer_type: scale4\n"
    "  - ref: dp-old\n    category: 資産\n    text: 廃止する項目。\n"
    "    answer_type: scale4\n"
    "  - ref: dp-w\n    category: 体制\n    text: 重みが変わる項目。\n"
    "    weight: 1\n    answer_type: scale4\n";

static const char cat2026[] =
    "id: ca-0000aaa2\nfy: 2026\nkind: checklist-department\n"
    "title: 令和8年度 所属点検項目\nversion: 2\nstatus: final\n"
    "items:\n"
    "  - ref: dp-a\n    category: 体制\n    text: 担当者を指定している。\n"
    "    weight: 1\n    answer_type: scale4\n"
    "  - ref: dp-b\n    category: 資産\n    text: 台帳を今年度見直した。\n"
    "    weight: 3\n    answer_type: scale4\n"
    "  - ref: dp-new\n    category: 技術\n    text: 新しい項目。\n"
    "    answer_type: scale4\n"
    "  - ref: dp-w\n    category: 体制\n    text: 重みが変わる項目。\n"
    "    weight: 2\n    answer_type: scale4\n";

/* An older, lower version of FY2026: the highest version wins. */
static const char cat2026v1[] =
    "id: ca-0000aaa3\nfy: 2026\nkind: checklist-department\n"
    "title: 旧版\nversion: 1\nitems:\n"
    "  - ref: dp-a\n    text: 旧。\n";

static int
setup(void **state)
{
	char	cmd[1024];

	(void)state;
	if (mkdtemp(root) == NULL)
		return -1;
	/* the sample's config and organisations, none of its records */
	snprintf(cmd, sizeof cmd, "cp '%s/data/sample/nerima-cio.yaml' "
	    "'%s/data/sample/orgs.yaml' '%s/' && mkdir -p '%s/catalogs/2025' "
	    "'%s/catalogs/2026' '%s/checklists'", NCIO_SOURCE_DIR,
	    NCIO_SOURCE_DIR, root, root, root, root);
	if (system(cmd) != 0)
		return -1;
	put("catalogs/2025/ca-0000aaa1.yaml", cat2025);
	put("catalogs/2026/ca-0000aaa2.yaml", cat2026);
	put("catalogs/2026/ca-0000aaa3.yaml", cat2026v1);
	return 0;
}

static int
teardown(void **state)
{
	char	cmd[512];

	(void)state;
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", root);
	return system(cmd) == 0 ? 0 : -1;
}

struct vcase {
	const char	*text;
	int		 scale4;
	int		 ok;
	enum ck_value	 want;
	double		 score;
};

static const struct vcase vcases[] = {
	{ "実施", 1, 1, CK_DONE, 1 },
	{ "一部実施", 1, 1, CK_PARTIAL, 0.5 },
	{ "未実施", 1, 1, CK_NOTDONE, 0 },
	{ "わからない", 1, 1, CK_UNKNOWN, 0 },
	{ "partial", 1, 1, CK_PARTIAL, 0.5 },
	/* an item a 課 has nothing for (該当しない課は該当なし) */
	{ "該当なし", 1, 1, CK_NA, -1 },
	{ "はい", 1, 0, 0, 0 },
	{ "はい", 0, 1, CK_YES, 1 },
	{ "いいえ", 0, 1, CK_NO, 0 },
	{ "該当なし", 0, 1, CK_NA, -1 },
	{ "na", 0, 1, CK_NA, -1 },
	{ "実施", 0, 0, 0, 0 },
	{ "", 0, 0, 0, 0 },
	{ "はい ", 0, 0, 0, 0 },
};

static void
test_values(void **state)
{
	struct ck_item	it;
	enum ck_value	v;
	enum ck_kind	k;
	enum ck_stage	s;
	size_t		i;

	(void)state;
	memset(&it, 0, sizeof it);
	for (i = 0; i < sizeof vcases / sizeof vcases[0]; i++) {
		it.scale4 = vcases[i].scale4;
		if ((ck_item_value_parse(&v, &it, vcases[i].text) == 0) !=
		    vcases[i].ok)
			fail_msg("'%s' scale4=%d", vcases[i].text,
			    vcases[i].scale4);
		if (!vcases[i].ok) {
			assert_non_null(strstr(error_last(), "is not one of"));
			continue;
		}
		assert_int_equal(v, vcases[i].want);
		assert_true(ck_value_score(v) == vcases[i].score);
	}
	assert_int_equal(ck_kind_parse(&k, "所属点検"), 0);
	assert_int_equal(k, CK_DEPARTMENT);
	assert_int_equal(ck_kind_parse(&k, "staff"), NC_EINVALID);
	assert_int_equal(ck_stage_parse(&s, "履行中"), 0);
	assert_int_equal(s, CK_DURING);
	assert_int_equal(ck_stage_parse(&s, "end"), 0);
	assert_int_equal(s, CK_END);
	assert_int_equal(ck_stage_parse(&s, "途中"), NC_EINVALID);
}

struct dcase {
	double	x[4];
	size_t	n;
	double	mean, sd;
	double	want[4];
};

static const struct dcase dcases[] = {
	{ { 50, 60, 70 }, 3, 60, 8.16496580927726,
	    { 37.752551286, 50, 62.247448714 } },
	{ { 80, 80 }, 2, 80, 0, { 50, 50 } },
	{ { 100, NAN, 0 }, 3, 50, 50, { 60, NAN, 40 } },
	{ { 42 }, 1, 42, 0, { 50 } },
};

static void
test_deviation(void **state)
{
	double	out[4], m, s;
	size_t	i, j;

	(void)state;
	for (i = 0; i < sizeof dcases / sizeof dcases[0]; i++) {
		ck_deviation(out, dcases[i].x, dcases[i].n, &m, &s);
		assert_true(fabs(m - dcases[i].mean) < 1e-9);
		assert_true(fabs(s - dcases[i].sd) < 1e-9);
		for (j = 0; j < dcases[i].n; j++) {
			if (isnan(dcases[i].want[j]))
				assert_true(isnan(out[j]));
			else if (fabs(out[j] - dcases[i].want[j]) > 1e-6)
				fail_msg("case %zu: %g, want %g", i, out[j],
				    dcases[i].want[j]);
		}
	}
}

static void
test_diff(void **state)
{
	struct store	*st;
	struct ck_set	*a, *b;
	struct ck_diff	*v;
	size_t		 n;

	(void)state;
	assert_int_equal(store_open(&st, root), 0);
	assert_int_equal(ck_set_load(&a, st, CK_DEPARTMENT, 2025), 0);
	assert_int_equal(ck_set_load(&b, st, CK_DEPARTMENT, 2026), 0);
	/* the highest version of the year */
	assert_string_equal(b->catalog, "ca-0000aaa2");
	assert_int_equal(b->version, 2);
	assert_int_equal(ck_set_diff(&v, &n, a, b), 0);
	assert_int_equal(n, 4);
	assert_int_equal(v[0].change, CK_REWORDED);
	assert_string_equal(v[0].to->ref, "dp-b");
	assert_string_equal(v[0].from->text, "台帳を見直した。");
	assert_int_equal(v[1].change, CK_ADDED);
	assert_string_equal(v[1].to->ref, "dp-new");
	assert_int_equal(v[2].change, CK_CHANGED);
	assert_string_equal(v[2].to->ref, "dp-w");
	assert_int_equal(v[3].change, CK_REMOVED);
	assert_string_equal(v[3].from->ref, "dp-old");
	free(v);
	assert_int_equal(ck_set_diff(&v, &n, b, b), 0);
	assert_int_equal(n, 0);
	free(v);
	ck_set_free(a);
	ck_set_free(b);
	assert_int_equal(ck_set_load(&a, st, CK_SELF, 2026), NC_ENOTFOUND);
	assert_non_null(strstr(error_last(), "checklist-self"));
	store_free(st);
}

/* Import CSV text as a file of that name; returns the import status. */
static int
import(const char *name, const char *text, int kind, int fy,
    struct diags *d, size_t *nnew, size_t *nupd, size_t *nsame)
{
	struct store		*st;
	struct ck_import	*im;
	struct ck_import_opts	 o = { kind, fy, NULL };
	char			 path[512];
	size_t			 i;
	int			 r;

	snprintf(path, sizeof path, "%s/%s", root, name);
	put(name, text);
	assert_int_equal(store_open(&st, root), 0);
	assert_int_equal(ck_import_new(&im, st, &o, d), 0);
	r = ck_import_file(im, path, d);
	assert_int_equal(ck_import_commit(im, 0, NULL, NULL, d), 0);
	*nnew = *nupd = *nsame = 0;
	for (i = 0; i < ck_import_nresults(im); i++) {
		switch (ck_import_result(im, i)->outcome) {
		case CK_NEW:
			(*nnew)++;
			break;
		case CK_UPDATED:
			(*nupd)++;
			break;
		default:
			(*nsame)++;
		}
	}
	ck_import_free(im);
	store_free(st);
	return r;
}

static void
test_import_and_aggregate(void **state)
{
	struct diags	 d = DIAGS_INIT;
	struct store	*st;
	struct ck_stats	*s;
	size_t		 a, b, c, i;
	const struct ck_div_stat *hoiku = NULL, *hisho = NULL;
	char		 path[512], *doc;

	(void)state;
	/* last year: one division, everything done */
	assert_int_equal(import("y2025.csv",
	    "課コード,項目番号,回答\n"
	    "hoiku,dp-a,実施\nhoiku,dp-b,実施\nhoiku,dp-old,実施\n"
	    "hoiku,dp-w,未実施\n", CK_DEPARTMENT, 2025, &d, &a, &b, &c), 0);
	assert_int_equal(d.n, 0);
	assert_int_equal(a, 1);
	/* this year, in CP932 with a BOM-less header; two divisions */
	assert_int_equal(import("y2026.csv",
	    "\x89\xdb\x83\x52\x81\x5b\x83\x68,\x8d\x80\x96\xda\x94\xd4\x8d"
	    "\x86,\x89\xf1\x93\x9a\r\n"		/* 課コード,項目番号,回答 */
	    "hoiku,dp-a,\x8e\xc0\x8e\x7b\r\n"	/* 実施 */
	    "hoiku,dp-b,\x88\xea\x95\x94\x8e\xc0\x8e\x7b\r\n" /* 一部実施 */
	    "hoiku,dp-new,done\r\nhoiku,dp-w,done\r\n"
	    "hisho,dp-a,not-done\r\nhisho,dp-b,not-done\r\n"
	    "hisho,dp-new,done\r\nhisho,dp-w,unknown\r\n",
	    CK_DEPARTMENT, 2026, &d, &a, &b, &c), 0);
	if (d.n > 0)
		fail_msg("%s:%u:%u: %s", d.v[0].path, d.v[0].line,
		    d.v[0].col, d.v[0].msg);
	assert_int_equal(a, 2);
	/* the same again: nothing changes */
	assert_int_equal(import("again.csv",
	    "課コード,項目番号,回答\n"
	    "hoiku,dp-a,実施\nhoiku,dp-b,一部実施\nhoiku,dp-new,実施\n"
	    "hoiku,dp-w,実施\n", CK_DEPARTMENT, 2026, &d, &a, &b, &c), 0);
	assert_int_equal(a + b, 0);
	assert_int_equal(c, 1);

	assert_int_equal(store_open(&st, root), 0);
	assert_int_equal(ck_aggregate(&s, st, CK_DEPARTMENT, 2026, &d), 0);
	assert_int_equal(s->nsubmitted, 2);
	assert_true(s->has_prev);
	/* dp-a: 1 and 0 -> 50%; last year 100%, the same words */
	assert_string_equal(s->items[0].item->ref, "dp-a");
	assert_true(fabs(s->items[0].prev - 1) < 1e-9);
	assert_false(s->items[0].reworded);
	/*
	 * dp-b: 0.5 and 0 -> 25%; last year's 100% was of 台帳を見直した。,
	 * reworded 台帳を今年度見直した。: another question, not compared
	 * (review15: 50 items reworded under their codes, every 前年度
	 * another item's rate)
	 */
	assert_string_equal(s->items[1].item->ref, "dp-b");
	assert_true(fabs(s->items[1].rate - 0.25) < 1e-9);
	assert_true(isnan(s->items[1].prev));
	assert_true(s->items[1].reworded);
	assert_int_equal(s->nreworded, 1);
	/* dp-a and dp-w */
	assert_int_equal(s->ncompared, 2);
	/* a new item has no last year */
	assert_true(isnan(s->items[2].prev));
	assert_false(s->items[2].reworded);
	for (i = 0; i < s->ndiv; i++) {
		if (strcmp(s->divs[i].org->code, "hoiku") == 0)
			hoiku = &s->divs[i];
		if (strcmp(s->divs[i].org->code, "hisho") == 0)
			hisho = &s->divs[i];
	}
	assert_non_null(hoiku);
	assert_non_null(hisho);
	/* hoiku: (1*1 + 0.5*3 + 1*1 + 1*2) / 7 */
	assert_true(fabs(hoiku->score - 100 * 5.5 / 7) < 1e-9);
	/* hisho: (0 + 0 + 1 + 0) / 7 */
	assert_true(fabs(hisho->score - 100 * 1.0 / 7) < 1e-9);
	assert_true(fabs(hoiku->deviation - 60) < 1e-9);
	assert_true(fabs(hisho->deviation - 40) < 1e-9);
	assert_int_equal(hoiku->rank, 1);
	assert_int_equal(hisho->rank, 2);
	/* last year's score, weighted by last year's weights */
	assert_true(fabs(hoiku->prev - 75) < 1e-9);
	/* overall: (1 + .5 + 1 + 1 + 0 + 0 + 1 + 0) / 8 */
	assert_true(fabs(s->rate - 4.5 / 8) < 1e-9);
	assert_true(fabs(s->prev_rate - 0.75) < 1e-9);
	ck_stats_free(s);

	/* a corrected file replaces the answers */
	store_free(st);
	assert_int_equal(import("fixed.csv",
	    "課コード,項目番号,回答,補足\n"
	    "hoiku,dp-a,実施,\nhoiku,dp-b,実施,見直し済み\nhoiku,dp-new,実施,\n"
	    "hoiku,dp-w,実施,\n", CK_DEPARTMENT, 2026, &d, &a, &b, &c), 0);
	assert_int_equal(b, 1);

	/*
	 * dp-w 未実施 again: 0% as last year, beside dp-a's fall.  The
	 * report's 前年度との比較 counts it, so that its counts add up to
	 * the items compared (rev21b T8: 21 + 24 of 47, two unchanged)
	 */
	assert_int_equal(import("same.csv",
	    "課コード,項目番号,回答\n"
	    "hoiku,dp-a,実施\nhoiku,dp-b,実施\nhoiku,dp-new,実施\n"
	    "hoiku,dp-w,未実施\n", CK_DEPARTMENT, 2026, &d, &a, &b, &c), 0);
	assert_int_equal(store_open(&st, root), 0);
	assert_int_equal(ck_aggregate(&s, st, CK_DEPARTMENT, 2026, &d), 0);
	assert_int_equal(s->ncompared, 2);
	snprintf(path, sizeof path, "%s/report.docx", root);
	assert_int_equal(ck_report_docx(path, s, NULL, st, "2027-03-31"), 0);
	doc = zip_part(path, "word/document.xml");
	assert_non_null(strstr(doc, "前年度と同じ項目（2項目）のうち、実施率が"
	    "低下した項目は1項目、変化のなかった項目は1項目であり、上昇した"
	    "項目はなかった。"));
	free(doc);
	ck_stats_free(s);
	store_free(st);
	diags_free(&d);
}

struct badcsv {
	const char	*name;
	const char	*text;
	unsigned	 line, col;
	const char	*msg;
};

static const struct badcsv bads[] = {
	{ "cols.csv", "課コード,項目番号,回答\nhoiku,dp-a,実施\n"
	    "hoiku,dp-b\n", 3, 0, "the row has 2 fields; the header has 3" },
	{ "org.csv", "課コード,項目番号,回答\nnowhere,dp-a,実施\n", 2, 1,
	    "division 'nowhere' is not in orgs.yaml" },
	{ "value.csv", "課コード,項目番号,回答\nhoiku,dp-a,はい\n", 2, 3,
	    "answer 'はい' is not one of 実施" },
	{ "dup.csv", "課コード,項目番号,回答\nhoiku,dp-a,実施\n"
	    "hoiku,dp-a,実施\n", 3, 2, "answers item dp-a twice" },
	{ "formula.csv", "課コード,項目番号,回答\nhoiku,dp-a,=1+1\n", 2, 3,
	    "begins with '='" },
	{ "mynumber.csv", "課コード,項目番号,回答,補足\n"
	    "hoiku,dp-a,実施,番号 1234 5678 9018 を確認\n", 2, 4,
	    "My Number" },
	{ "item.csv", "課コード,項目番号,回答\nhoiku,dp-zz,実施\n", 2, 2,
	    "item 'dp-zz' is not in the FY2026" },
	{ "missing.csv", "課コード,項目番号,回答\nhoiku,dp-a,実施\n", 2, 0,
	    "has no answer to item dp-b" },
	{ "header.csv", "org,ref\nhoiku,dp-a\n", 1, 0,
	    "needs columns 項目番号 and 回答" },
	{ "broken.csv", "\x89\xdb\x83\x52\x81\x5b\x83\x68,\x8d\x80\x96\xda"
	    "\x94\xd4\x8d\x86,\x89\xf1\x93\x9a\r\nhoiku,dp-a,\x8e\xc0\xff\r\n",
	    2, 3, "neither UTF-8 nor CP932" },
	{ "empty.csv", "", 0, 0, "the file is empty" },
};

static void
test_bad_csv(void **state)
{
	struct diags	 d = DIAGS_INIT;
	char		 path[512];
	size_t		 i, a, b, c;

	(void)state;
	for (i = 0; i < sizeof bads / sizeof bads[0]; i++) {
		if (import(bads[i].name, bads[i].text, CK_DEPARTMENT, 2026, &d,
		    &a, &b, &c) != NC_EINVALID)
			fail_msg("%s: accepted", bads[i].name);
		/* nothing half-imported */
		assert_int_equal(a + b + c, 0);
		snprintf(path, sizeof path, "%s/%s", root, bads[i].name);
		if (d.n == 0)
			fail_msg("%s: no problem reported", bads[i].name);
		assert_string_equal(d.v[0].path, path);
		if (d.v[0].line != bads[i].line || d.v[0].col != bads[i].col ||
		    strstr(d.v[0].msg, bads[i].msg) == NULL)
			fail_msg("%s: %u:%u: %s", bads[i].name, d.v[0].line,
			    d.v[0].col, d.v[0].msg);
		diags_free(&d);
	}
}

/* What dates a report, and what forms and reports are named. */
static void
test_report_date_and_names(void **state)
{
	static const struct {
		const char	*last, *issued;
		int		 fy;
		const char	*period;
		const char	*want;
	} cases[] = {
		{ "2026-10-15", "2026-06-01", 2026, NULL, "2026-10-15" },
		{ NULL, "2026-06-01", 2026, NULL, "2026-06-01" },
		{ NULL, NULL, 2026, NULL, "2026-04-01" },
		{ "2027-03-31", NULL, 2026, NULL, "2027-03-31" },
		/* never before the end of the period reported on */
		{ "2026-10-15", "2026-09-01", 2026,
		  "令和8年9月1日から同年10月30日まで", "2026-10-30" },
		{ "2026-11-02", "2026-09-01", 2026,
		  "令和8年9月1日から同年10月30日まで", "2026-11-02" },
		{ NULL, "2026-09-01", 2026,
		  "令和8年12月1日から令和9年1月15日まで", "2027-01-15" },
		{ "2026-10-15", NULL, 2026, "2026-09-01から2026-10-31まで",
		  "2026-10-31" },
		{ "2026-10-15", NULL, 2026, "9月中", "2026-10-15" },
	};
	struct ck_set	 set;
	struct ck_stats	 s;
	struct ck_org	 org;
	char		 date[32], *docx, *xlsx, *form;
	size_t		 i;

	(void)state;
	memset(&set, 0, sizeof set);
	memset(&s, 0, sizeof s);
	s.set = &set;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		s.last_submitted = cases[i].last;
		set.issued = cases[i].issued;
		set.period = cases[i].period;
		s.fy = cases[i].fy;
		ck_report_date(date, sizeof date, &s);
		assert_string_equal(date, cases[i].want);
	}
	s.kind = CK_DEPARTMENT;
	s.fy = 2026;
	assert_int_equal(ck_report_names(&docx, &xlsx, &s), 0);
	assert_string_equal(docx, "令和8年度_所属点検実施結果報告書.docx");
	assert_string_equal(xlsx, "令和8年度_所属点検実施結果報告書_集計表.xlsx");
	free(docx);
	free(xlsx);
	s.kind = CK_VENDOR;
	assert_int_equal(ck_report_names(&docx, &xlsx, &s), 0);
	assert_string_equal(docx,
	    "令和8年度_特記事項チェックシート集計結果報告書.docx");
	free(docx);
	free(xlsx);
	memset(&org, 0, sizeof org);
	org.name = "保育課";
	org.dept_name = "こども家庭部";
	set.kind = CK_SELF;
	set.fy = 2026;
	assert_int_equal(ck_form_name(&form, &set, &org), 0);
	assert_string_equal(form, "自己点検_令和8年度_こども家庭部_保育課.xlsx");
	free(form);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_values),
		cmocka_unit_test(test_deviation),
		cmocka_unit_test(test_diff),
		cmocka_unit_test(test_import_and_aggregate),
		cmocka_unit_test(test_bad_csv),
		cmocka_unit_test(test_report_date_and_names),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
