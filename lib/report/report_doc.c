/*
 * The work report laid out: 作業実施報告書 (.docx), 予定と実績 and the
 * year's totals (.xlsx).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "docx.h"
#include "error.h"
#include "record.h"
#include "report.h"
#include "report_int.h"
#include "schema.h"
#include "strpool.h"
#include "training.h"
#include "xlsx.h"

static void
style(struct docx_para_style *s, enum docx_align a, unsigned size)
{
	memset(s, 0, sizeof *s);
	s->align = a;
	s->size = size;
}

static const char *
count_text(char out[64], long n, const char *unit)
{
	snprintf(out, 64, "%ld%s", n, unit);
	return out;
}

/* 2 作業実施状況: one row per item, the unit in a column of its own. */
static int
summary_table(struct docx *d, const struct report_work *w)
{
	static const unsigned	 wd[] = { 12, 44, 8, 5, 6, 6, 8, 6 };
	struct docx_table	*t = NULL;
	struct docx_para_style	 c, l, r;
	char			 buf[64], head[64];
	size_t			 i, row;
	int			 rc;

	style(&c, DOCX_CENTER, 18);
	style(&l, DOCX_LEFT, 18);
	style(&r, DOCX_RIGHT, 18);
	if ((rc = docx_table_new(&t, 8, wd)) != 0)
		return rc;
	snprintf(head, sizeof head, "按分（%dか月）", w->months);
	rc = docx_table_header_rows(t, 1);
	if (rc == 0) {
		const char *const h[] = { "仕様書", "業務", "単位", "当期",
		    "年度累計", "年間想定", head, "6(1)ウ" };

		for (i = 0; i < 8 && rc == 0; i++)
			rc = docx_table_cell(t, 0, i, h[i], &c);
	}
	for (i = 0; i < w->nitems && rc == 0; i++) {
		const struct report_item *it = &w->items[i];

		row = i + 1;
		if ((rc = docx_table_cell(t, row, 0, it->spec, &l)) != 0 ||
		    (rc = docx_table_cell(t, row, 1, it->label, &l)) != 0 ||
		    (rc = docx_table_cell(t, row, 2, it->unit, &c)) != 0)
			break;
		snprintf(buf, sizeof buf, "%ld", it->period);
		if ((rc = docx_table_cell(t, row, 3, buf, &r)) != 0)
			break;
		snprintf(buf, sizeof buf, "%ld", it->ytd);
		if ((rc = docx_table_cell(t, row, 4, buf, &r)) != 0)
			break;
		if (it->expected >= 0) {
			snprintf(buf, sizeof buf, "%ld", it->expected);
			if ((rc = docx_table_cell(t, row, 5, buf, &r)) != 0 ||
			    (rc = docx_table_cell(t, row, 6, rp_num(buf,
			    it->prorated), &r)) != 0)
				break;
		} else if ((rc = docx_table_cell(t, row, 5, "―", &c)) != 0 ||
		    (rc = docx_table_cell(t, row, 6, "―", &c)) != 0)
			break;
		rc = docx_table_cell(t, row, 7, it->is_short ? "下回る" : "",
		    &c);
	}
	if (rc == 0)
		rc = docx_add_table(d, t);
	docx_table_free(t);
	return rc;
}

/* The records behind an item's count in the period. */
static int
refs_table(struct docx *d, const struct report_item *it)
{
	static const unsigned	 wd[] = { 5, 12, 12, 34, 16, 24 };
	static const char *const h[] = { "No.", "番号", "日付", "件名",
	    "所管課等", "状況・備考" };
	struct docx_table	*t = NULL;
	struct docx_para_style	 c, l;
	char			 buf[CAL_FMT_MAX];
	size_t			 i;
	int			 rc;

	style(&c, DOCX_CENTER, 18);
	style(&l, DOCX_LEFT, 18);
	if ((rc = docx_table_new(&t, 6, wd)) != 0)
		return rc;
	rc = docx_table_header_rows(t, 1);
	for (i = 0; i < 6 && rc == 0; i++)
		rc = docx_table_cell(t, 0, i, h[i], &c);
	for (i = 0; i < it->nrefs && rc == 0; i++) {
		const struct report_ref *r = &it->refs[i];

		snprintf(buf, sizeof buf, "%zu", i + 1);
		if ((rc = docx_table_cell(t, i + 1, 0, buf, &c)) != 0 ||
		    (rc = docx_table_cell(t, i + 1, 1, r->no, &l)) != 0)
			break;
		cal_format_era(buf, sizeof buf, r->date, CAL_ERA_SHORT);
		if ((rc = docx_table_cell(t, i + 1, 2, buf, &c)) != 0 ||
		    (rc = docx_table_cell(t, i + 1, 3, r->title, &l)) != 0 ||
		    (rc = docx_table_cell(t, i + 1, 4, r->org, &l)) != 0 ||
		    (rc = docx_table_cell(t, i + 1, 5, r->note, &l)) != 0)
			break;
	}
	if (rc == 0)
		rc = docx_add_table(d, t);
	docx_table_free(t);
	return rc;
}

int
report_work_write_docx(const struct report_work *w,
    const char *const *att, size_t natt, const char *path)
{
	struct docx		*d = NULL;
	struct docx_props	 props;
	struct docx_page	 page;
	struct docx_report	 cover;
	struct docx_para_style	 right, left;
	char			 date[CAL_FMT_MAX], iso[CAL_FMT_MAX];
	char			 line[1024], heading[256];
	size_t			 i, nshort = 0;
	int			 rc;

	rp_era(date, w->as_of);
	cal_format_iso(iso, sizeof iso, w->as_of);
	memset(&props, 0, sizeof props);
	props.title = "作業実施報告書";
	props.author = w->author;
	props.created = iso;
	memset(&page, 0, sizeof page);
	page.margin_top = 25;
	page.margin_bottom = 20;
	page.margin_left = 20;
	page.margin_right = 20;
	memset(&cover, 0, sizeof cover);
	cover.title = "作業実施報告書";
	cover.date = date;
	cover.author = w->author;
	style(&right, DOCX_RIGHT, 0);
	style(&left, DOCX_LEFT, 0);
	if ((rc = docx_new(&d, &props)) != 0)
		return rc;
	docx_page(d, &page);
	docx_footer_page_number(d, DOCX_PAGENUM_OF);
	if (w->addressee[0] != '\0') {
		snprintf(line, sizeof line, "%s　様", w->addressee);
		docx_add_para(d, line, &left);
	}
	docx_add_report_cover(d, &cover);
	if (w->contract[0] != '\0') {
		snprintf(line, sizeof line, "　%sに基づき、%s作業の実施状況を次の"
		    "とおり報告します。", w->contract, w->meeting != NULL ?
		    "進捗報告会に向けて" : "");
		docx_add_para(d, line, NULL);
	}

	docx_add_outline_heading(d, 1, "報告期間");
	if (w->meeting != NULL)
		snprintf(line, sizeof line, "%s（%s）", w->period, w->meeting);
	else
		snprintf(line, sizeof line, "%s", w->period);
	docx_add_outline_body(d, line);

	docx_add_outline_heading(d, 1, "作業実施状況");
	snprintf(line, sizeof line, "仕様書の業務項目ごとの当期の実施件数、年度"
	    "累計、年間想定件数および年間想定の経過%dか月分（按分）は次のとおりで"
	    "す。件数は記録から集計しています。「下回る」の項目は4に記載します。",
	    w->months);
	docx_add_outline_body(d, line);
	summary_table(d, w);

	docx_add_outline_heading(d, 1, "業務項目別の実施内容");
	for (i = 0; i < w->nitems; i++) {
		const struct report_item *it = &w->items[i];
		char a[64], b[64], c[64];

		snprintf(heading, sizeof heading, "%s（仕様書%s）", it->label,
		    it->spec);
		docx_add_outline_heading(d, 2, heading);
		if (it->expected >= 0)
			snprintf(line, sizeof line, "当期%s、年度累計%s（年間想定"
			    "%s）。", count_text(a, it->period, it->unit),
			    count_text(b, it->ytd, it->unit),
			    count_text(c, it->expected, it->unit));
		else
			snprintf(line, sizeof line, "当期%s、年度累計%s。",
			    count_text(a, it->period, it->unit),
			    count_text(b, it->ytd, it->unit));
		if (it->detail != NULL) {
			size_t l = strlen(line);

			snprintf(line + l, sizeof line - l, "%s。", it->detail);
		}
		docx_add_outline_body(d, line);
		if (it->nrefs > 0)
			refs_table(d, it);
		else if (it->period == 0)
			docx_add_outline_body(d, "当期の実績はありません。");
		if (it->is_short)
			nshort++;
	}

	docx_add_outline_heading(d, 1, "年間想定件数を下回る項目の作業量の振替"
	    "（仕様書6(1)ウ）");
	if (nshort == 0) {
		docx_add_outline_body(d, "当期末現在、年度累計が年間想定件数の按分"
		    "を下回る項目はありません。");
	} else {
		docx_add_outline_body(d, "年度累計が年間想定件数の按分を下回る項目"
		    "の作業量は、仕様書6(1)ウに基づき、次のとおり他の委託内容に"
		    "振り替えています。");
		if (w->effort != NULL) {
			snprintf(line, sizeof line, "振替先（年度累計が按分を上回る"
			    "項目および年間想定のない業務）：%s", w->effort);
			docx_add_outline_body(d, line);
		}
		for (i = 0; i < w->nitems; i++) {
			const struct report_item *it = &w->items[i];

			if (!it->is_short)
				continue;
			snprintf(heading, sizeof heading, "%s（仕様書%s）",
			    it->label, it->spec);
			docx_add_outline_heading(d, 2, heading);
			docx_add_outline_body(d, it->note);
		}
	}

	if (natt > 0) {
		docx_add_outline_heading(d, 1, "添付資料");
		for (i = 0; i < natt; i++) {
			snprintf(line, sizeof line, "資料%zu　%s", i + 1, att[i]);
			docx_add_outline_body(d, line);
		}
	}
	docx_add_blank(d);
	docx_add_para(d, "以上", &right);
	rc = docx_save(d, path);
	docx_free(d);
	return rc;
}

/* --- 予定と実績 --------------------------------------------------------- */

struct sched_row {
	struct cal_date	 date;
	const char	*spec;
	const char	*what;		/* 区分 */
	const char	*title;
	const char	*org;
	int		 done;		/* 1 実績, 0 予定, -1 中止 */
};

struct sched {
	struct sched_row	*v;
	size_t			 n, cap;
	struct strpool		 pool;
	int			 bad;
};

static void
sched_add(struct sched *s, struct cal_date d, const char *spec,
    const char *what, const char *title, const char *org, int done)
{
	struct sched_row	*v;

	if (s->n == s->cap) {
		size_t	c = s->cap ? s->cap * 2 : 32;

		if ((v = realloc(s->v, c * sizeof *v)) == NULL) {
			s->bad = 1;
			return;
		}
		s->v = v;
		s->cap = c;
	}
	v = &s->v[s->n++];
	v->date = d;
	v->spec = spec;
	v->what = rp_str(&s->pool, what);
	v->title = rp_str(&s->pool, title);
	v->org = rp_str(&s->pool, org);
	v->done = done;
}

static int
sched_cmp(const void *a, const void *b)
{
	const struct sched_row	*x = a, *y = b;
	int			 c;

	if ((c = cal_cmp(x->date, y->date)) != 0)
		return c;
	return strcmp(x->title, y->title);
}

static int
sched_meetings(struct sched *s, struct store *st, int fy,
    struct cal_date as_of)
{
	static const char *const want[] = { "type", "title", "date", "status" };
	static const struct {
		const char *type, *spec;
	} specs[] = {
		{ "regular", "3(3)ア(エ)" }, { "progress", "3(3)ア(オ)" },
		{ "it-honbu", "3(3)ア(ウ)" }, { "unei", "3(3)ア(ウ)" },
		{ "security-committee", "3(3)ア(ウ)" },
	};
	const struct schema	*kind;
	struct reclist		 l = RECLIST_INIT;
	struct record		*r;
	const struct node	*rec;
	struct cal_date		 d;
	const char		*type, *status, *spec;
	size_t			 i, k;
	int			 rc, done;

	if ((rc = store_kind(&kind, st, "meeting")) != 0 ||
	    (rc = store_scan(&l, st, kind, fy, NULL)) != 0)
		goto out;
	for (i = 0; i < l.n; i++) {
		if ((rc = record_load_fields(&r, st, &l.v[i], NULL, want, 4))
		    != 0)
			break;
		rec = record_root(r);
		type = node_get_str(rec, "type");
		status = node_get_str(rec, "status");
		spec = "3(3)ア";
		for (k = 0; type != NULL && k < sizeof specs / sizeof specs[0];
		    k++)
			if (strcmp(specs[k].type, type) == 0)
				spec = specs[k].spec;
		if (rp_date(&d, rec, "date") == 0) {
			done = status == NULL ? 0 : strcmp(status, "cancelled")
			    == 0 ? -1 : (strcmp(status, "held") == 0 ||
			    strcmp(status, "minutes-done") == 0) &&
			    cal_cmp(d, as_of) <= 0;
			sched_add(s, d, spec, type != NULL ?
			    schema_label(kind, "type", type) : "会議",
			    node_get_str(rec, "title"), "", done);
		}
		record_free(r);
	}
out:
	reclist_free(&l);
	return rc;
}

static int
sched_trainings(struct sched *s, struct store *st, int fy,
    struct cal_date as_of)
{
	static const struct {
		const char *kind, *spec;
	} specs[] = {
		{ "security", "3(2)イ" }, { "digital", "3(1)イ" },
		{ "mynumber", "3(1)ウ(イ)" },
	};
	const struct schema	*kind;
	struct tr_list		 l;
	const struct training	*t;
	const char		*spec;
	size_t			 i, k;
	int			 rc, done;

	if ((rc = store_kind(&kind, st, "training")) != 0 ||
	    (rc = tr_list_load(&l, st, fy, TR_LOAD_HEADS, NULL)) != 0)
		return rc;
	for (i = 0; i < l.n; i++) {
		t = l.v[i];
		if (t->date.y == 0)
			continue;
		spec = "3(2)イ";
		for (k = 0; t->kind != NULL && k < 3; k++)
			if (strcmp(specs[k].kind, t->kind) == 0)
				spec = specs[k].spec;
		done = t->status == NULL ? 0 : strcmp(t->status, "cancelled")
		    == 0 ? -1 : (strcmp(t->status, "held") == 0 ||
		    strcmp(t->status, "reported") == 0) &&
		    cal_cmp(t->date, as_of) <= 0;
		sched_add(s, t->date, spec, t->kind != NULL ?
		    schema_label(kind, "kind", t->kind) : "研修", t->title,
		    rp_org(st, t->org), done);
	}
	tr_list_free(&l);
	return 0;
}

static int
sched_audits(struct sched *s, struct store *st, int fy,
    struct cal_date as_of)
{
	const struct schema	*kind;
	struct record		**v = NULL;
	const struct node	*rec;
	struct cal_date		 d;
	const char		*type, *status, *org;
	size_t			 n = 0, i;
	int			 rc;

	if ((rc = store_kind(&kind, st, "audit")) != 0 ||
	    (rc = audit_load_year(&v, &n, st, fy, NULL)) != 0)
		return rc;
	for (i = 0; i < n; i++) {
		rec = record_root(v[i]);
		type = node_get_str(rec, "type");
		status = node_get_str(rec, "status");
		if (rp_date(&d, rec, "date") != 0)
			continue;
		org = node_get_str(rec, "target_org");
		sched_add(s, d, "3(2)エ", type != NULL ? schema_label(kind,
		    "type", type) : "監査", node_get_str(rec, "title"),
		    org != NULL ? rp_org(st, org) :
		    node_get_str(rec, "target_system"), status != NULL &&
		    strcmp(status, "planned") != 0 && cal_cmp(d, as_of) <= 0);
	}
	audit_free_all(v, n);
	return 0;
}

int
report_schedule_write_xlsx(struct store *st, int fy, struct cal_date as_of,
    const char *path)
{
	static const struct xlsx_column cols[] = {
		{ "No.", XLSX_COL_CENTER, 5 },
		{ "予定日", 0, 0 },
		{ "仕様書", 0, 0 },
		{ "区分", 0, 0 },
		{ "件名", 0, 0 },
		{ "対象・主催", 0, 0 },
		{ "予定／実績", XLSX_COL_CENTER, 0 },
	};
	struct sched		 s;
	struct xlsx		*x = NULL;
	struct xlsx_sheet	*sh = NULL;
	struct xlsx_props	 props;
	char			 title[128], note[384], era[CAL_FMT_MAX];
	char			 fyl[CAL_FMT_MAX];
	uint32_t		 row;
	size_t			 i;
	int			 rc;

	memset(&s, 0, sizeof s);
	strpool_init(&s.pool);
	if ((rc = sched_meetings(&s, st, fy, as_of)) != 0 ||
	    (rc = sched_trainings(&s, st, fy, as_of)) != 0 ||
	    (rc = sched_audits(&s, st, fy, as_of)) != 0)
		goto done;
	if (s.bad) {
		rc = error_set(NC_ENOMEM, "out of memory");
		goto done;
	}
	if (s.n > 1)
		qsort(s.v, s.n, sizeof *s.v, sched_cmp);
	cal_fy_label(fyl, sizeof fyl, fy);
	rp_era(era, as_of);
	snprintf(title, sizeof title, "%s 予定と実績", fyl);
	snprintf(note, sizeof note, "%s現在　実績：実施済み、予定：これから"
	    "（出典：会議・研修・監査の記録）", era);
	memset(&props, 0, sizeof props);
	props.title = title;
	props.created = (time_t)cal_days(as_of) * 86400;
	if ((rc = xlsx_new(&x, path, &props)) != 0)
		goto done;
	xlsx_add_sheet(&sh, x, "予定と実績", XLSX_LANDSCAPE);
	xlsx_title(sh, title, note);
	if ((rc = xlsx_table(&row, sh, cols, sizeof cols / sizeof cols[0]))
	    != 0)
		goto done;
	for (i = 0; i < s.n; i++, row++) {
		const struct sched_row *r = &s.v[i];

		xlsx_write_number(sh, row, 0, (double)(i + 1), XLSX_NUM_INT);
		xlsx_write_date(sh, row, 1, r->date.y, r->date.m, r->date.d,
		    XLSX_DATE_ERA);
		xlsx_write_text(sh, row, 2, r->spec);
		xlsx_write_text(sh, row, 3, r->what);
		xlsx_write_text(sh, row, 4, r->title);
		xlsx_write_text(sh, row, 5, r->org);
		xlsx_write_text(sh, row, 6, r->done > 0 ? "実績" :
		    r->done < 0 ? "中止" : "予定");
	}
	rc = xlsx_save(x);
done:
	xlsx_free(x);
	free(s.v);
	strpool_free(&s.pool);
	return rc;
}

/* --- the year's totals --------------------------------------------------- */

int
report_annual_write_xlsx(const struct report_work *w, const char *path)
{
	static const struct xlsx_column cols[] = {
		{ "仕様書", 0, 0 },
		{ "業務", 0, 0 },
		{ "単位", XLSX_COL_CENTER, 0 },
		{ "実績", 0, 0 },
		{ "年間想定", 0, 0 },
		{ "達成率", 0, 0 },
		{ "備考", 0, 0 },
	};
	static const struct xlsx_column rcols[] = {
		{ "仕様書", 0, 0 },
		{ "業務", 0, 0 },
		{ "日付", 0, 0 },
		{ "番号", 0, 0 },
		{ "件名", 0, 0 },
		{ "所管課等", 0, 0 },
		{ "状況・備考", 0, 0 },
	};
	struct xlsx		*x = NULL;
	struct xlsx_sheet	*sh = NULL, *rs = NULL;
	struct xlsx_props	 props;
	char			 title[128], note[512], fyl[CAL_FMT_MAX];
	char			 a[CAL_FMT_MAX];
	uint32_t		 row;
	size_t			 i, k;
	int			 rc;

	cal_fy_label(fyl, sizeof fyl, w->fy);
	rp_era(a, w->as_of);
	snprintf(title, sizeof title, "%s 業務項目別実績", fyl);
	snprintf(note, sizeof note, "%s現在　対象期間：%s（出典：各業務の記録）",
	    a, w->period);
	memset(&props, 0, sizeof props);
	props.title = title;
	props.author = w->author;
	props.created = (time_t)cal_days(w->as_of) * 86400;
	if ((rc = xlsx_new(&x, path, &props)) != 0)
		return rc;
	xlsx_add_sheet(&sh, x, "業務項目別実績", XLSX_LANDSCAPE);
	xlsx_title(sh, title, note);
	if ((rc = xlsx_table(&row, sh, cols, 7)) != 0)
		goto done;
	for (i = 0; i < w->nitems; i++, row++) {
		const struct report_item *it = &w->items[i];

		xlsx_write_text(sh, row, 0, it->spec);
		xlsx_write_text(sh, row, 1, it->label);
		xlsx_write_text(sh, row, 2, it->unit);
		xlsx_write_number(sh, row, 3, (double)it->ytd, XLSX_NUM_INT);
		if (it->expected >= 0) {
			xlsx_write_number(sh, row, 4, (double)it->expected,
			    XLSX_NUM_INT);
			if (it->expected > 0)
				xlsx_write_number(sh, row, 5, (double)it->ytd /
				    (double)it->expected, XLSX_NUM_PCT);
			else
				xlsx_write_blank(sh, row, 5);
		} else {
			xlsx_write_text(sh, row, 4, "―");
			xlsx_write_text(sh, row, 5, "―");
		}
		xlsx_write_text(sh, row, 6, it->is_short ? "年間想定を下回る"
		    "（仕様書6(1)ウにより他の業務に振替）" : it->detail);
	}
	xlsx_add_sheet(&rs, x, "実績の内訳", XLSX_LANDSCAPE);
	snprintf(title, sizeof title, "%s 実績の内訳", fyl);
	xlsx_title(rs, title, note);
	if ((rc = xlsx_table(&row, rs, rcols, 7)) != 0)
		goto done;
	for (i = 0; i < w->nitems; i++) {
		const struct report_item *it = &w->items[i];

		for (k = 0; k < it->nrefs; k++, row++) {
			const struct report_ref *r = &it->refs[k];

			xlsx_write_text(rs, row, 0, it->spec);
			xlsx_write_text(rs, row, 1, it->label);
			xlsx_write_date(rs, row, 2, r->date.y, r->date.m,
			    r->date.d, XLSX_DATE_ERA);
			xlsx_write_text(rs, row, 3, r->no);
			xlsx_write_text(rs, row, 4, r->title);
			xlsx_write_text(rs, row, 5, r->org);
			xlsx_write_text(rs, row, 6, r->note);
		}
	}
	rc = xlsx_save(x);
done:
	xlsx_free(x);
	return rc;
}
