/*
 * The work report laid out: 作業実施報告書 (.docx), 予定と実績 and the
 * year's totals (.xlsx).
 */
#include <sys/stat.h>

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "audit_doc.h"
#include "buf.h"
#include "docx.h"
#include "error.h"
#include "meeting.h"
#include "record.h"
#include "report.h"
#include "report_int.h"
#include "schema.h"
#include "strpool.h"
#include "text.h"
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
	char	c[32];

	snprintf(out, 64, "%s%s", rp_count(c, n), unit);
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
	if (w->months > 0)
		snprintf(head, sizeof head, "按分\n（%dか月）", w->months);
	else
		snprintf(head, sizeof head, "按分");
	rc = docx_table_header_rows(t, 1);
	if (rc == 0) {
		/*
		 * The last column says what it compares, not the clause
		 * ("6(1)ウ" meant nothing to a reader; the text before the
		 * table gives it), on two lines as the 按分 beside it:
		 * each on one line, they took the room of the 業務 and
		 * broke their names (情報セキュリティ／事故等への対応).
		 */
		const char *const h[] = { "仕様書", "業務", "単位", "当期",
		    "年度累計", "年間想定", head, "按分との\n比較" };

		for (i = 0; i < 8 && rc == 0; i++)
			rc = docx_table_cell(t, 0, i, h[i], &c);
	}
	for (i = 0; i < w->nitems && rc == 0; i++) {
		const struct report_item *it = &w->items[i];

		row = i + 1;
		if ((rc = docx_table_cell(t, row, 0, it->spec, &l)) != 0 ||
		    (rc = docx_table_cell(t, row, 1, it->row_label, &l)) != 0 ||
		    (rc = docx_table_cell(t, row, 2, it->unit, &c)) != 0)
			break;
		if ((rc = docx_table_cell(t, row, 3, rp_count(buf,
		    it->period), &r)) != 0)
			break;
		if ((rc = docx_table_cell(t, row, 4, rp_count(buf, it->ytd),
		    &r)) != 0)
			break;
		if (it->expected >= 0) {
			rp_count(buf, it->expected);
			if ((rc = docx_table_cell(t, row, 5, buf, &r)) != 0)
				break;
			/* no month completed: no share to compare */
			if (w->months == 0)
				rc = docx_table_cell(t, row, 6, "―", &c);
			else
				rc = docx_table_cell(t, row, 6, rp_num(buf,
				    it->prorated), &r);
			if (rc != 0)
				break;
		} else if ((rc = docx_table_cell(t, row, 5, it->volume != NULL ?
		    it->volume : "―", it->volume != NULL ? &r : &c)) != 0 ||
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

/* Is the text empty, NULL or ""? */
static int
blank(const char *s)
{
	return s == NULL || *s == '\0';
}

/*
 * The records behind an item's count in the period.  A column no record
 * fills (番号 of trainings, 所管課等 of meetings) is left out: eight
 * tables of the 作業実施報告書 carried an empty 番号 column.
 */
static int
refs_table(struct docx *d, const struct report_item *it)
{
	static const unsigned	 wd[] = { 5, 12, 12, 34, 16, 24 };
	static const char *const h[] = { "No.", "番号", "日付", "件名",
	    "所管課等", "状況・備考" };
	struct docx_table	*t = NULL;
	struct docx_para_style	 c, l;
	char			 buf[RP_ERA_PERIOD + 1];
	const char		*cell[6];
	unsigned		 w[6];
	int			 used[6] = { 1, 0, 1, 1, 0, 0 };
	size_t			 i, k, n;
	int			 rc;

	for (i = 0; i < it->nrefs; i++) {
		used[1] |= !blank(it->refs[i].no);
		used[4] |= !blank(it->refs[i].org);
		used[5] |= !blank(it->refs[i].note);
	}
	for (k = 0, n = 0; k < 6; k++)
		if (used[k])
			w[n++] = wd[k];
	style(&c, DOCX_CENTER, 18);
	style(&l, DOCX_LEFT, 18);
	if ((rc = docx_table_new(&t, n, w)) != 0)
		return rc;
	rc = docx_table_header_rows(t, 1);
	for (k = 0, n = 0; k < 6 && rc == 0; k++) {
		if (!used[k])
			continue;
		/*
		 * a division whole, the 件名 beside it wraps: given up to
		 * a long 件名 it broke between its words (こども／施策企画課)
		 */
		if (k == 4)
			rc = docx_table_whole(t, n);
		if (rc == 0)
			rc = docx_table_cell(t, 0, n++, h[k], &c);
	}
	for (i = 0; i < it->nrefs && rc == 0; i++) {
		const struct report_ref *r = &it->refs[i];
		char	 no[32], tail[RP_PERIOD_END];

		snprintf(no, sizeof no, "%zu", i + 1);
		/*
		 * 令和8年6月1日 as in the text and the notes beside it; one
		 * held over a period gives it as the 作業実施計画書 does,
		 * its end on a line of its own so that neither date breaks
		 * (令和8年7月6日／～8月14日).
		 */
		cal_format_era(buf, sizeof buf, r->date, CAL_ERA_LONG);
		rp_period_end(tail, r->date, r->end);
		if (tail[0] != '\0')
			snprintf(buf + strlen(buf), sizeof buf - strlen(buf),
			    "\n%s", tail);
		cell[0] = no;
		cell[1] = r->no;
		cell[2] = buf;
		cell[3] = r->title;
		cell[4] = r->org;
		cell[5] = r->note;
		for (k = 0, n = 0; k < 6 && rc == 0; k++)
			if (used[k])
				rc = docx_table_cell(t, i + 1, n++, cell[k],
				    k == 0 || k == 2 ? &c : &l);
	}
	if (rc == 0)
		rc = docx_add_table(d, t);
	docx_table_free(t);
	return rc;
}

/* The cases and 課題 handed to the ward at the contract's end. */
static int
handover_table(struct docx *d, const struct report_work *w)
{
	static const unsigned	 wd[] = { 5, 17, 44, 15, 22 };
	static const char *const h[] = { "No.", "区分", "件名（受付番号等）",
	    "状態", "引継ぎ事項" };
	struct docx_table	*t = NULL;
	struct docx_para_style	 c, l;
	const char		*cell[5];
	char			 no[32];
	size_t			 i, k;
	int			 rc;

	style(&c, DOCX_CENTER, 18);
	style(&l, DOCX_LEFT, 18);
	if ((rc = docx_table_new(&t, 5, wd)) != 0)
		return rc;
	/*
	 * 区分 and what is left whole: DX実現に向けた／取組支援 and
	 * 意見書／の提出 broke where the 件名 took the room
	 */
	rc = docx_table_header_rows(t, 1);
	if (rc == 0)
		rc = docx_table_whole(t, 1);
	if (rc == 0)
		rc = docx_table_whole(t, 4);
	for (k = 0; k < 5 && rc == 0; k++)
		rc = docx_table_cell(t, 0, k, h[k], &c);
	for (i = 0; i < w->nhandover && rc == 0; i++) {
		const struct report_handover *r = &w->handover[i];

		snprintf(no, sizeof no, "%zu", i + 1);
		cell[0] = no;
		cell[1] = r->kind;
		cell[2] = r->subject;
		cell[3] = r->state;
		cell[4] = r->todo;
		for (k = 0; k < 5 && rc == 0; k++)
			rc = docx_table_cell(t, i + 1, k, cell[k], k == 0 ||
			    k == 3 ? &c : &l);
	}
	if (rc == 0)
		rc = docx_add_table(d, t);
	docx_table_free(t);
	return rc;
}

/*
 * An outline paragraph of text formatted into b, whole however long what
 * it names (a list of records' titles).  Out of memory it adds none and
 * b stays failed (buf_ok()), which the caller checks before saving.
 */
static void	body_fmt(struct docx *, struct buf *, const char *, ...)
		    NC_PRINTF(3, 4);

static void
body_fmt(struct docx *d, struct buf *b, const char *fmt, ...)
{
	va_list	 ap;

	buf_reset(b);
	va_start(ap, fmt);
	buf_vprintf(b, fmt, ap);
	va_end(ap);
	if (buf_ok(b) == 0)
		docx_add_outline_body(d, b->data);
}

/*
 * The cases open at the year's end carried to the next, one a line
 * under the sentence that says so (・…), not joined into one paragraph
 * (7 of the sample's 情報化企画審査 in one, before a renewal).
 */
static void
case_list(struct docx *d, struct buf *b, const char *head, const char *list)
{
	const char	*p = list, *nl;
	size_t		 n = 1;

	for (nl = list; (nl = strchr(nl, '\n')) != NULL; nl++)
		n++;
	body_fmt(d, b, "%s（%zu件）：", head, n);
	while (p != NULL && *p != '\0') {
		nl = strchr(p, '\n');
		body_fmt(d, b, "・%.*s", (int)(nl != NULL ? (size_t)(nl - p) :
		    strlen(p)), p);
		p = nl != NULL ? nl + 1 : NULL;
	}
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
	struct buf		 para = BUF_INIT;
	size_t			 i, nshort = 0, nmoved = 0, nsched = 0, nissue;
	int			 rc, anyunheld = 0, anycancel = 0, anywd = 0;

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
	cover.addressee = w->addressee;
	cover.author = w->author;
	style(&right, DOCX_RIGHT, 0);
	style(&left, DOCX_LEFT, 0);
	if ((rc = docx_new(&d, &props)) != 0)
		return rc;
	docx_page(d, &page);
	docx_footer_page_number(d, DOCX_PAGENUM_DASH);
	docx_add_report_cover(d, &cover);
	if (w->contract[0] != '\0') {
		snprintf(line, sizeof line, "　%sに基づき、%s作業の実施状況を次の"
		    "とおり報告します。", w->contract, w->meeting != NULL ?
		    "進捗報告会に向けて" : "");
		docx_add_para(d, line, NULL);
	}

	docx_add_outline_heading(d, 1, "報告期間");
	if (w->meeting != NULL)
		body_fmt(d, &para, "%s（%s）", w->period, w->meeting);
	else
		body_fmt(d, &para, "%s%s", w->period, w->period_note != NULL ?
		    w->period_note : "");

	docx_add_outline_heading(d, 1, "作業実施状況");
	if (w->months > 0)
		snprintf(line, sizeof line, "仕様書の業務項目ごとの当期の実施件数、"
		    "年度累計、年間想定件数および年間想定の経過%dか月分（%d月まで"
		    "の按分）は次のとおりです。件数は記録から集計しています。「按分"
		    "との比較」欄の「下回る」は年度累計が按分を下回る項目で、仕様書"
		    "6(1)ウに基づき4に記載します。", w->months,
		    (w->months + 2) % 12 + 1);
	else
		snprintf(line, sizeof line, "仕様書の業務項目ごとの当期の実施件数、"
		    "年度累計および年間想定件数は次のとおりです。件数は記録から集計"
		    "しています。年度の最初の月が終わる前のため、年間想定の按分との"
		    "比較（仕様書6(1)ウ）は行っていません。");
	docx_add_outline_body(d, line);
	summary_table(d, w);

	docx_add_outline_heading(d, 1, "業務項目別の実施内容");
	for (i = 0; i < w->nitems; i++) {
		const struct report_item *it = &w->items[i];
		char a[64], b[64], c[64];

		snprintf(heading, sizeof heading, "%s（仕様書%s）", it->label,
		    it->spec);
		docx_add_outline_heading(d, 2, heading);
		/* whole, however long the detail (a list of 課) */
		buf_reset(&para);
		if (it->expected >= 0)
			buf_printf(&para, "当期%s、年度累計%s（年間想定%s）。",
			    count_text(a, it->period, it->unit),
			    count_text(b, it->ytd, it->unit),
			    count_text(c, it->expected, it->unit));
		else if (it->volume != NULL)
			buf_printf(&para, "当期%s、年度累計%s（年間想定 %s%s）。",
			    count_text(a, it->period, it->unit),
			    count_text(b, it->ytd, it->unit), it->volume,
			    it->unit);
		else
			buf_printf(&para, "当期%s、年度累計%s。",
			    count_text(a, it->period, it->unit),
			    count_text(b, it->ytd, it->unit));
		if (it->detail != NULL)
			buf_printf(&para, "%s。", it->detail);
		/*
		 * Rows a session each, counted by 対象者区分 (or 種類): 当期2
		 * 対象者区分 over three rows read as a miscount, and 当期0
		 * over a row (a second session of an audience counted in an
		 * earlier period) as one.
		 */
		if (it->period > 0 && it->nrefs > (size_t)it->period &&
		    strcmp(it->unit, "対象者区分") == 0)
			buf_printf(&para, "表の%zu回のうち、同じ対象者区分の研修"
			    "（第1回・第2回など）は1区分として数えています。",
			    it->nrefs);
		else if (it->period > 0 && it->nrefs > (size_t)it->period &&
		    strcmp(it->unit, "種類") == 0)
			buf_printf(&para, "表の%zu回のうち、同じ種類の研修"
			    "（第1回・第2回など）は1種類として数えています。",
			    it->nrefs);
		else if (it->period == 0 && it->nrefs > 0 &&
		    (strcmp(it->unit, "対象者区分") == 0 ||
		    strcmp(it->unit, "種類") == 0))
			buf_printf(&para, "表の%zu回は、前期までに数えた%sと同じ"
			    "%sの研修（第2回など）のため、当期の件数には含めて"
			    "いません。", it->nrefs, it->unit, it->unit);
		/* out of memory: nothing written (para is sticky, below) */
		if (buf_ok(&para) == 0)
			docx_add_outline_body(d, para.data);
		/*
		 * No row and nothing counted is no activity only when the
		 * detail counts none either: a case received earlier and
		 * decided in the period is the period's work (当期の意見書
		 * 提出 1件 read 当期の実績はありません right after it).
		 */
		if (it->nrefs > 0)
			refs_table(d, it);
		else if (it->period == 0 && it->closed != NULL)
			docx_add_outline_body(d, "当期に受け付けたものはありません。");
		else if (it->period == 0)
			docx_add_outline_body(d, "当期の実績はありません。");
		if (it->closed != NULL)
			body_fmt(d, &para, "%s：%s", it->closed_head, it->closed);
		if (it->overdue != NULL)
			body_fmt(d, &para, "提出期限を過ぎて未提出のもの（当期より前"
			    "に受け付けたもの）：%s", it->overdue);
		if (it->pending != NULL && strchr(it->pending, '\n') != NULL)
			case_list(d, &para, "当期より前に受け付け、当期末に決定・"
			    "提出に至っていないもの", it->pending);
		else if (it->pending != NULL)
			body_fmt(d, &para, "当期より前に受け付け、当期末に決定・"
			    "提出に至っていないもの：%s", it->pending);
		if (it->carried != NULL && it->carried_head != NULL)
			body_fmt(d, &para, "%s：%s", it->carried_head,
			    it->carried);
		else if (it->carried != NULL)
			body_fmt(d, &para, "前年度以前に受け付け、当期末に決定・提出"
			    "に至っていないもの（件数に含めていません）：%s",
			    it->carried);
		if (it->open_end != NULL && strchr(it->open_end, '\n') != NULL)
			case_list(d, &para, it->open_end_head, it->open_end);
		else if (it->open_end != NULL)
			body_fmt(d, &para, "%s：%s", it->open_end_head,
			    it->open_end);
		if (it->unheld != NULL) {
			body_fmt(d, &para, "当期中の日付で予定され、実施の記録"
			    "がないもの（未実施、件数に含めていません）：%s",
			    it->unheld);
		}
		if (it->cancelled != NULL) {
			body_fmt(d, &para, "年度内に中止したもの（件数に含めて"
			    "いません）：%s", it->cancelled);
		}
		if (it->withdrawn != NULL) {
			body_fmt(d, &para, "年度内に取り下げられたもの（件数に"
			    "含めていません）：%s", it->withdrawn);
		}
		if (it->is_short) {
			nshort++;
			anyunheld |= it->nunheld_ytd > 0;
			anycancel |= it->ncancelled > 0;
			if (report_item_scheduled(w, it)) {
				nsched++;
				continue;
			}
			if (report_item_withdrawn(w, it)) {
				anywd = 1;
				continue;
			}
			switch (report_item_unheld(w, it)) {
			case REPORT_UNHELD_ALL:
				break;
			case REPORT_UNHELD_PART:
			case REPORT_UNHELD_NONE:
				nmoved++;
				break;
			}
		}
	}

	docx_add_outline_heading(d, 1, "年間想定件数を下回る項目の作業量の振替"
	    "（仕様書6(1)ウ）");
	if (nshort == 0) {
		docx_add_outline_body(d, "当期末現在、年度累計が年間想定件数の按分"
		    "を下回る項目はありません。");
	} else {
		/*
		 * Not all of a shortfall is effort moved: the 未実施 are
		 * sessions due and not recorded held, the 中止 cancelled
		 * (report_item_unheld()), and a meeting or an audit the plan
		 * has later in the year is its timing (report_item_scheduled():
		 * 第2回 進捗報告会 the day after the report read as moved).
		 */
		struct buf	 why = BUF_INIT;
		const char	*part[4];
		size_t		 np = 0, k;

		if (anyunheld)
			part[np++] = "予定日を過ぎて実施の記録がないもの（未実施）";
		if (anycancel)
			part[np++] = "年度内に中止したもの";
		if (anywd)
			part[np++] = "年度内に取り下げられたもの";
		if (nsched > 0)
			part[np++] = "作業実施計画書の予定による実施時期の差";
		/* A、B および C */
		for (k = 0; k < np; k++)
			buf_printf(&why, "%s%s", k == 0 ? "" : k + 1 == np ?
			    "および" : "、", part[k]);
		if ((rc = buf_ok(&why)) != 0) {
			buf_free(&why);
			buf_free(&para);
			docx_free(d);
			return rc;
		}
		if (nmoved == 0)
			snprintf(line, sizeof line, "年度累計が年間想定件数の按分を"
			    "下回る項目は次のとおりです。下回る分は、いずれも%sに"
			    "よるもので、作業量の振替はありません。", why.data);
		else if (why.len == 0)
			snprintf(line, sizeof line, "年度累計が年間想定件数の按分を"
			    "下回る項目の作業量は、仕様書6(1)ウに基づき、次のとおり"
			    "他の委託内容に振り替えています。");
		else
			snprintf(line, sizeof line, "年度累計が年間想定件数の按分を"
			    "下回る項目は次のとおりです。%sによる分を除き、その"
			    "作業量は、仕様書6(1)ウに基づき、他の委託内容に振り替えて"
			    "います。", why.data);
		buf_free(&why);
		docx_add_outline_body(d, line);
		if (w->effort != NULL && nmoved > 0) {
			body_fmt(d, &para, "振替先（年度累計が按分を上回る項目"
			    "および年間想定のない業務）：%s。", w->effort);
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

	/*
	 * At the contract's end, what the ward takes over, a row each:
	 * under each item, as one paragraph, 練企情受第63–65号 and the
	 * 19 cases of earlier years read as a wall of text (rev20 T8), and
	 * the open 課題 were named nowhere (rev21c T5)
	 */
	if (w->handover_day != NULL) {
		docx_add_outline_heading(d, 1, REPORT_HANDOVER_TITLE);
		/* what the rows are: cases, 課題 or both (SIZE_MAX: 課題) */
		for (i = 0, nissue = 0; i < w->nhandover; i++)
			if (w->handover[i].item == SIZE_MAX)
				nissue++;
		if (w->nhandover == 0)
			body_fmt(d, &para, "契約期間の末日（%s）に区に引き継ぐ"
			    "案件および課題はありません。", w->handover_day);
		else {
			body_fmt(d, &para, "契約期間の末日（%s）までに完了に"
			    "至らず、区に引き継ぐ%sは次の%zu件です。",
			    w->handover_day, nissue == 0 ? "案件" :
			    nissue == w->nhandover ? "課題（課題管理表の"
			    "未完了のもの）" : "案件および課題（課題管理表の"
			    "未完了のもの）", w->nhandover);
			if ((rc = handover_table(d, w)) != 0) {
				buf_free(&para);
				docx_free(d);
				return rc;
			}
		}
	}
	if (natt > 0) {
		docx_add_outline_heading(d, 1, "添付資料");
		for (i = 0; i < natt; i++) {
			body_fmt(d, &para, "資料%zu　%s", i + 1, att[i]);
		}
	}
	docx_add_blank(d);
	docx_add_para(d, "以上", &right);
	/* a paragraph body_fmt() could not make: none written (sticky) */
	if ((rc = buf_ok(&para)) == 0)
		rc = docx_save(d, path);
	buf_free(&para);
	docx_free(d);
	return rc;
}

/* --- 予定と実績 --------------------------------------------------------- */

struct sched_row {
	struct cal_date	 date;
	struct cal_date	 end;		/* of a period; y == 0: one day */
	const char	*spec;
	const char	*what;		/* 区分 */
	const char	*title;
	const char	*org;
	enum ev_state	 state;		/* 実績, 予定, 未実施, 中止 */
};

struct sched {
	struct sched_row	*v;
	size_t			 n, cap;
	struct strpool		 pool;
	int			 bad;
};

static void
sched_add(struct sched *s, struct cal_date d, const char *spec,
    const char *what, const char *title, const char *org,
    enum ev_state state)
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
	v->end.y = 0;
	v->spec = spec;
	v->what = rp_str(&s->pool, what);
	v->title = rp_str(&s->pool, title);
	v->org = rp_str(&s->pool, org);
	v->state = state;
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
	int			 rc;

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
		if (rp_date(&d, rec, "date") == 0)
			sched_add(s, d, spec, type != NULL ?
			    schema_label(kind, "type", type) : "会議",
			    node_get_str(rec, "title"), "", ev_state(d,
			    status != NULL && (strcmp(status, "held") == 0 ||
			    strcmp(status, "minutes-done") == 0),
			    status != NULL && strcmp(status, "cancelled") == 0,
			    as_of));
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
	int			 rc;

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
		sched_add(s, t->date, spec, t->kind != NULL ?
		    schema_label(kind, "kind", t->kind) : "研修", t->title,
		    rp_org(st, t->org), ev_state(t->date, t->status != NULL &&
		    (strcmp(t->status, "held") == 0 ||
		    strcmp(t->status, "reported") == 0), t->status != NULL &&
		    strcmp(t->status, "cancelled") == 0, as_of));
		/* a training held over a period (e-learning): its last day */
		if (!s->bad && t->end_date.y != 0 &&
		    cal_cmp(t->end_date, t->date) > 0)
			s->v[s->n - 1].end = t->end_date;
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
	struct cal_date		 d, end;
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
		    node_get_str(rec, "target_system"), ev_state(d,
		    status != NULL && strcmp(status, "planned") != 0, 0,
		    as_of));
		/*
		 * An audit of two days (14日～15日) is shown over its days
		 * as a training over a period is, not as its first day.
		 */
		if (!s->bad && rp_date(&end, rec, "end_date") == 0 &&
		    cal_cmp(end, d) > 0)
			s->v[s->n - 1].end = end;
	}
	audit_free_all(v, n);
	return 0;
}

#define SCHED_NCOLS	7

int
report_schedule_write_xlsx(struct store *st, int fy, struct cal_date as_of,
    const char *path)
{
	/*
	 * Widths from the content (xlsx_fit_sheet()), 件名 broken by the
	 * writer: a 件名 a little longer than the 50 units of a column sized
	 * by its widest cell was wrapped by LibreOffice on one line, its row
	 * counted two lines high.
	 */
	static const struct xlsx_fit_col fc[SCHED_NCOLS] = {
		{ { "No.", XLSX_COL_CENTER, 5 }, XLSX_FIT_FIXED },
		{ { "予定日", 0, 0 }, XLSX_FIT_CODE },
		{ { "仕様書", 0, 0 }, XLSX_FIT_CODE },
		{ { "区分", XLSX_COL_BREAK | XLSX_COL_PHRASE, 0 },
		    XLSX_FIT_TEXT },
		/* a title: a line more rather than a word cut */
		{ { "件名", XLSX_COL_BREAK | XLSX_COL_PHRASE, 0 },
		    XLSX_FIT_TEXT },
		/* a 課 whole: not スポーツ / 振興課 (rev19b T4) */
		{ { "対象・主催", XLSX_COL_NAME | XLSX_COL_NODOT, 0 },
		    XLSX_FIT_TEXT },
		{ { "予定／実績", XLSX_COL_CENTER, 0 }, XLSX_FIT_CODE },
	};
	struct xlsx_column	 cols[SCHED_NCOLS];
	const char		**cells = NULL;
	char			(*dates)[CAL_FMT_MAX] = NULL;
	struct sched		 s;
	struct xlsx		*x = NULL;
	struct xlsx_sheet	*sh = NULL;
	struct xlsx_props	 props;
	char			 title[128], note[384], era[CAL_FMT_MAX];
	char			 fyl[CAL_FMT_MAX];
	uint32_t		 row;
	size_t			 i, ncut;
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
	/*
	 * The legend defines every state the last column shows: 中止 only
	 * where a row is cancelled (a legend of a state the sheet does not
	 * show would send the reader looking for it; the three others are
	 * the sheet's own, there in every year).
	 */
	for (i = 0, ncut = 0; i < s.n; i++)
		ncut += s.v[i].state == EV_CANCELLED;
	snprintf(note, sizeof note, "%s現在　実績：実施済み、予定：これから、"
	    "未実施：予定日を過ぎて実施の記録がないもの%s（出典：会議・研修・"
	    "監査の記録）", era, ncut > 0 ? "、中止：取りやめたもの" : "");
	memset(&props, 0, sizeof props);
	props.title = title;
	props.created = (time_t)cal_days(as_of) * 86400;
	if ((rc = xlsx_new(&x, path, &props)) != 0)
		goto done;
	xlsx_add_sheet(&sh, x, "予定と実績", XLSX_LANDSCAPE);
	xlsx_title(sh, title, note);
	if (s.n > 0 && ((cells = calloc(s.n * SCHED_NCOLS,
	    sizeof *cells)) == NULL || (dates = calloc(s.n,
	    sizeof *dates)) == NULL)) {
		rc = error_set(NC_ENOMEM, "out of memory");
		goto done;
	}
	for (i = 0; i < s.n; i++) {
		const struct sched_row	*r = &s.v[i];
		const char		**c = cells + i * SCHED_NCOLS;

		cal_format_era(dates[i], sizeof dates[i], r->date,
		    CAL_ERA_LONG);
		c[0] = NULL;
		c[1] = dates[i];
		c[2] = r->spec;
		c[3] = r->what;
		c[4] = r->title;
		c[5] = r->org;
		c[6] = r->state == EV_DONE ? "実績" : ev_state_label(r->state);
	}
	if ((rc = xlsx_fit_sheet(sh, cols, fc, SCHED_NCOLS, cells, s.n, 0, 0,
	    NULL)) != 0 || (rc = xlsx_table(&row, sh, cols, SCHED_NCOLS)) != 0)
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
		xlsx_write_text(sh, row, 6, r->state == EV_DONE ? "実績" :
		    ev_state_label(r->state));
	}
	rc = xlsx_save(x);
done:
	xlsx_free(x);
	free(cells);
	free(dates);
	free(s.v);
	strpool_free(&s.pool);
	return rc;
}

/* --- the year's totals --------------------------------------------------- */

#define ANNUAL_NCOLS	7

/* A copy of s in pool; *bad set when out of memory. */
static const char *
pool_dup(struct strpool *pool, const char *s, int *bad)
{
	const char	*p;

	if ((p = strpool_add(pool, s, strlen(s))) == NULL)
		*bad = 1;
	return p;
}

/*
 * The 業務項目別実績 workbook: the totals per specification item, then
 * what each total counts.  Widths from the content (xlsx_fit_sheet()):
 * with widths the writer did not know, LibreOffice set a 備考 on one
 * line in a row counted two lines high.
 */
#define ANNUAL_UNHELD	"未実施 %ld件（予定日を過ぎて実施の記録がないもの）"
/*
 * A shortfall the 未実施/中止/取下げ do not explain is effort moved
 * (6(1)ウ) to the work the note under the table names (destinations(),
 * as the 作業実施報告書 names them): 13 rows said 「他の業務に振替」 with
 * nothing in the workbook to show where (rev18b); with no work to move
 * it to the row says only that the year fell short.
 */
#define ANNUAL_MOVED	"年間想定を下回る（仕様書6(1)ウにより※の業務に振替）"
#define ANNUAL_SHORT	"年間想定を下回る"

/*
 * An item's 備考, as the 作業実施報告書 words the same item (its 6(1)ウ
 * note, report_item_unheld()): a shortfall the 未実施 explain whole is
 * only those 未実施, not effort moved to other work; one they explain
 * in part is both; then the withdrawn reviews the 実績 leaves out.
 * NULL when there is nothing to say.
 */
static const char *
annual_note(char *note, size_t size, const struct report_work *w,
    const struct report_item *it)
{
	size_t		 l;
	const char	*detail;
	char		 out[128];

	note[0] = '\0';
	/*
	 * A period of the whole year to date says no 当期 (当期の結果通知
	 * 1件 in a table of the year): that is the 作業実施報告書's
	 * wording, whose period is two months (report.c words both).
	 */
	detail = it->ytd_detail != NULL ? it->ytd_detail : it->detail;
	/* 未実施 8件, 中止 1件: with the 実績 they make the year's plan */
	if (it->nunheld_ytd > 0 && it->ncancelled > 0)
		snprintf(out, sizeof out, ANNUAL_UNHELD "、中止 %ld件",
		    it->nunheld_ytd, it->ncancelled);
	else if (it->ncancelled > 0)
		snprintf(out, sizeof out, "中止 %ld件", it->ncancelled);
	else
		snprintf(out, sizeof out, ANNUAL_UNHELD, it->nunheld_ytd);
	/* the rest scheduled: the plan's timing, as the 作業実施報告書 says */
	if (report_item_scheduled(w, it))
		snprintf(note, size, "年度内にあと%ld件を予定（作業実施計画書）%s%s",
		    it->nscheduled, it->nunheld_ytd + it->ncancelled > 0 ?
		    "。" : "", it->nunheld_ytd + it->ncancelled > 0 ? out : "");
	else if (report_item_withdrawn(w, it)) {
		/* the 取下げ are the rest of the shortfall: no 振替 */
		snprintf(note, size, "年間想定を下回る分は%s%s取下げ %ld件による"
		    "（取下げは実績に含めない）", it->nunheld_ytd +
		    it->ncancelled > 0 ? out : "", it->nunheld_ytd +
		    it->ncancelled > 0 ? "および" : "", it->nwithdrawn);
		return note;
	} else if (it->is_short) {
		switch (report_item_unheld(w, it)) {
		case REPORT_UNHELD_ALL:
			snprintf(note, size, "%s", out);
			break;
		case REPORT_UNHELD_PART:
			snprintf(note, size, "%s。うち%s", w->effort != NULL ?
			    ANNUAL_MOVED : ANNUAL_SHORT, out);
			break;
		case REPORT_UNHELD_NONE:
			snprintf(note, size, "%s", w->effort != NULL ?
			    ANNUAL_MOVED : ANNUAL_SHORT);
			break;
		}
	} else if (it->nunheld > 0)
		snprintf(note, size, "%s%s" ANNUAL_UNHELD, detail != NULL ?
		    detail : "", detail != NULL ? "。" : "", it->nunheld);
	else if (detail != NULL)
		snprintf(note, size, "%s", detail);
	if (it->nwithdrawn > 0) {
		l = strlen(note);
		snprintf(note + l, size - l, "%s取下げ %ld件は実績に含めない",
		    l > 0 ? "。" : "", it->nwithdrawn);
	}
	/* the one counted though withdrawn, or 取下げを除く read false */
	if (it->nwd_after > 0) {
		l = strlen(note);
		snprintf(note + l, size - l, "%s%sの取下げ %ld件は実績に含む",
		    l > 0 ? "。" : "", it->wd_after_what, it->nwd_after);
	}
	/*
	 * Of two sentences each ends in 。 (…振替）。取下げ 1件は実績に
	 * 含めない had the first only); a phrase alone, as the other
	 * 備考, none.
	 */
	if (strstr(note, "。") != NULL && (l = strlen(note)) >= 3 &&
	    strcmp(note + l - 3, "。") != 0)
		snprintf(note + l, size - l, "。");
	return note[0] != '\0' ? note : NULL;
}

/*
 * The ※ note of the 振替先 under the totals, a destination a line (on
 * one line the note made the sheet twice as wide as its table and the
 * page printed at half the size): effort is destinations()'s list,
 * 「A（年度累計38件）、B（年度累計1件、按分0.8件）」, cut at the 、
 * outside the brackets.
 */
static int
annual_effort(struct xlsx_sheet *sh, uint32_t *row, const char *effort)
{
	char		 line[512];
	const char	*p, *start;
	int		 depth = 0, rc;

	if ((rc = xlsx_note(sh, ++*row, "※ 振替先（年度累計が年間想定の按分を"
	    "上回る業務および年間想定のない業務）")) != 0)
		return rc;
	for (p = start = effort; rc == 0; p++) {
		if (strncmp(p, "（", 3) == 0)
			depth++;
		else if (strncmp(p, "）", 3) == 0)
			depth--;
		if (*p != '\0' && (depth > 0 || strncmp(p, "、", 3) != 0))
			continue;
		snprintf(line, sizeof line, "　%.*s", (int)(p - start), start);
		rc = xlsx_note(sh, ++*row, line);
		if (*p == '\0')
			break;
		start = p + 3;
		p += 2;
	}
	return rc;
}

/*
 * A 番号 of the 内訳: a document number of up to seven characters whole
 * (練企情受第40号: broken before 第, every 審査 row of a year was two
 * lines high beside a 業務 with room to spare: review13); a longer one
 * with its office's prefix on a line of its own (練情セ / 第26-012号: the
 * five numbers of the 事故 made the column as wide as 練情セ第26-012号,
 * empty on most rows, and took the room from the 件名: review14s);
 * 「―」 where the record has none (the incidents without a 受付番号 left
 * the column empty).
 */
static const char *
annual_no(struct strpool *pool, const char *s, int *bad)
{
	const char	*r;
	char		*b;

	if (s == NULL || *s == '\0')
		return "―";
	if (text_width(s, strlen(s)) <= 14)
		return s;
	if ((b = text_split_before(s, "第")) == NULL) {
		*bad = 1;
		return s;
	}
	r = pool_dup(pool, b, bad);
	free(b);
	return r;
}

/*
 * The kth row of an item (k < nrefs + ncancels): its records and its
 * cancelled ones by date; *cancelled says which.
 */
static const struct report_ref *
annual_ref(const struct report_item *it, size_t k, int *cancelled)
{
	size_t	i = 0, j = 0, n;

	for (n = 0;; n++) {
		const struct report_ref *r;

		*cancelled = !(j == it->ncancels || (i < it->nrefs &&
		    cal_cmp(it->refs[i].date, it->cancels[j].date) <= 0));
		r = *cancelled ? &it->cancels[j++] : &it->refs[i++];
		if (n == k)
			return r;
	}
}

/*
 * The same item in the year before's view (prev): by its key and its
 * row (a part, うち面談・交渉への同席, shares the key); NULL when that
 * year had no such item.
 */
static const struct report_item *
annual_prev(const struct report_work *prev, const struct report_item *it)
{
	size_t	i;

	for (i = 0; prev != NULL && i < prev->nitems; i++) {
		const struct report_item *p = &prev->items[i];

		if (p->key != NULL && it->key != NULL &&
		    strcmp(p->key, it->key) == 0 && p->row_label != NULL &&
		    it->row_label != NULL &&
		    strcmp(p->row_label, it->row_label) == 0)
			return p;
	}
	return NULL;
}

/* Whether the year before counted any work: else no 前年度実績. */
static int
annual_has_prev(const struct report_work *prev)
{
	size_t	i;

	for (i = 0; prev != NULL && i < prev->nitems; i++)
		if (prev->items[i].ytd > 0)
			return 1;
	return 0;
}

int
report_annual_write_xlsx(const struct report_work *w,
    const struct report_work *prev, const char *path)
{
	static const struct xlsx_fit_col fc[ANNUAL_NCOLS] = {
		{ { "仕様書", 0, 0 }, XLSX_FIT_CODE },
		{ { "業務", XLSX_COL_NAME, 0 }, XLSX_FIT_TEXT },
		{ { "単位", XLSX_COL_CENTER, 0 }, XLSX_FIT_CODE },
		{ { "実績", 0, 0 }, XLSX_FIT_CODE },
		{ { "年間想定", 0, 0 }, XLSX_FIT_CODE },
		{ { "達成率", 0, 0 }, XLSX_FIT_CODE },
		{ { "備考", XLSX_COL_BREAK, 0 }, XLSX_FIT_TEXT },
	};
	/* the 業務 repeat down the rows: broken at phrases, for the 件名 */
	static const struct xlsx_fit_col rfc[ANNUAL_NCOLS] = {
		{ { "仕様書", 0, 0 }, XLSX_FIT_CODE },
		{ { "業務", XLSX_COL_BREAK | XLSX_COL_PHRASE, 0 },
		    XLSX_FIT_TEXT },
		/* R8.10.21, the ward's short 令和 as in its lists, centred */
		{ { "日付", 0, 10 }, XLSX_FIT_FIXED },
		{ { "番号", 0, 0 }, XLSX_FIT_CODE },
		/* a title: a line more rather than a word cut */
		{ { "件名", XLSX_COL_BREAK | XLSX_COL_PHRASE, 0 },
		    XLSX_FIT_TEXT },
		{ { "所管課等", XLSX_COL_NAME, 0 }, XLSX_FIT_TEXT },
		/*
		 * nine characters a line, フォローアップ中、 whole: from the
		 * content it took eight (フォローアップ / 中), and thirteen
		 * made 34 more lines of 件名 to spare two
		 */
		{ { "状況・備考", XLSX_COL_BREAK, 20 }, XLSX_FIT_FIXED },
	};
	struct xlsx_column	 cols[ANNUAL_NCOLS + 1];
	struct xlsx_fit_col	 tfc[ANNUAL_NCOLS + 1];
	struct xlsx		*x = NULL;
	struct xlsx_sheet	*sh = NULL, *rs = NULL;
	struct xlsx_props	 props;
	struct strpool		 pool;
	char			 title[128], note[512], fyl[CAL_FMT_MAX];
	char			 a[CAL_FMT_MAX], buf[64], py[CAL_FMT_MAX];
	const char		**cells = NULL, **c;
	uint32_t		 row;
	size_t			 i, k, n, nrefs = 0, ncancels = 0, ninterim = 0;
	size_t			 nnew = 0, nmoved = 0, nhand, nnext;
	char			 line[512];
	/*
	 * The totals' columns: 前年度実績 before 実績 (the order of every
	 * comparison) where the year before counted work; at[] the
	 * sheet's column of each of fc[]'s, tn their number.
	 */
	int			 hp = annual_has_prev(prev);
	size_t			 tn = ANNUAL_NCOLS + (size_t)hp, at[ANNUAL_NCOLS];
	int			 rc, bad = 0;

	strpool_init(&pool);
	cal_fy_label(fyl, sizeof fyl, w->fy);
	rp_era(a, w->as_of);
	snprintf(title, sizeof title, "%s 業務項目別実績", fyl);
	snprintf(note, sizeof note, "%s現在　対象期間：%s（出典：各業務の記録）",
	    a, w->period);
	memset(&props, 0, sizeof props);
	props.title = title;
	props.author = w->author;
	props.created = (time_t)cal_days(w->as_of) * 86400;
	for (i = 0; i < w->nitems; i++)
		nrefs += w->items[i].nrefs + w->items[i].ncancels;
	n = w->nitems > nrefs ? w->nitems : nrefs;
	if ((cells = calloc(n * (ANNUAL_NCOLS + 1) + 1, sizeof *cells)) ==
	    NULL)
		return error_set(NC_ENOMEM, "out of memory");
	for (k = 0; k < ANNUAL_NCOLS; k++) {
		at[k] = k < 3 ? k : k + (size_t)hp;
		tfc[at[k]] = fc[k];
	}
	if (hp)
		tfc[3] = (struct xlsx_fit_col){ { "前年度実績", 0, 0 },
		    XLSX_FIT_CODE };
	if ((rc = xlsx_new(&x, path, &props)) != 0)
		goto done;

	/* the totals: the texts as they print, for the widths */
	for (i = 0; i < w->nitems; i++) {
		const struct report_item *it = &w->items[i];
		const struct report_item *pi = annual_prev(prev, it);

		c = cells + i * tn;
		c[at[0]] = it->spec;
		c[at[1]] = it->row_label;
		c[at[2]] = it->unit;
		/* an item the year before did not have: 「―」 */
		if (hp && pi != NULL) {
			snprintf(buf, sizeof buf, "%ld", pi->ytd);
			c[3] = pool_dup(&pool, buf, &bad);
		} else if (hp)
			c[3] = "―";
		snprintf(buf, sizeof buf, "%ld", it->ytd);
		c[at[3]] = pool_dup(&pool, buf, &bad);
		if (it->expected >= 0) {
			snprintf(buf, sizeof buf, "%ld", it->expected);
			c[at[4]] = pool_dup(&pool, buf, &bad);
			if (it->expected > 0) {
				snprintf(buf, sizeof buf, "%.1f%%", 100.0 *
				    (double)it->ytd / (double)it->expected);
				c[at[5]] = pool_dup(&pool, buf, &bad);
			}
		} else {
			c[at[4]] = it->volume != NULL ? it->volume : "―";
			c[at[5]] = "―";
		}
		if ((c[at[6]] = annual_note(note, sizeof note, w, it)) != NULL)
			c[at[6]] = pool_dup(&pool, note, &bad);
		nmoved += c[at[6]] != NULL && strstr(c[at[6]], "※") != NULL;
	}
	if (bad) {
		rc = error_set(NC_ENOMEM, "out of memory");
		goto done;
	}
	snprintf(note, sizeof note, "%s現在　対象期間：%s（出典：各業務の記録）",
	    a, w->period);
	if ((rc = xlsx_add_sheet(&sh, x, "業務項目別実績",
	    XLSX_LANDSCAPE)) != 0 || (rc = xlsx_title(sh, title, note)) != 0 ||
	    (rc = xlsx_fit_sheet(sh, cols, tfc, tn, cells,
	    w->nitems, 0, 0, NULL)) != 0 ||
	    (rc = xlsx_table(&row, sh, cols, tn)) != 0)
		goto done;
	for (i = 0; i < w->nitems; i++, row++) {
		const struct report_item *it = &w->items[i];
		const struct report_item *pi = annual_prev(prev, it);

		c = cells + i * tn;
		xlsx_write_text(sh, row, at[0], c[at[0]]);
		xlsx_write_text(sh, row, at[1], c[at[1]]);
		xlsx_write_text(sh, row, at[2], c[at[2]]);
		if (hp && pi != NULL)
			xlsx_write_number(sh, row, 3, (double)pi->ytd,
			    XLSX_NUM_INT);
		else if (hp) {
			xlsx_write_text(sh, row, 3, "―");
			nnew++;
		}
		xlsx_write_number(sh, row, at[3], (double)it->ytd,
		    XLSX_NUM_INT);
		if (it->expected >= 0) {
			xlsx_write_number(sh, row, at[4], (double)it->expected,
			    XLSX_NUM_INT);
			if (it->expected > 0)
				xlsx_write_number(sh, row, at[5],
				    (double)it->ytd / (double)it->expected,
				    XLSX_NUM_PCT);
			else
				xlsx_write_blank(sh, row, at[5]);
		} else {
			/* 各1 right-aligned as the figures beside it */
			xlsx_write_text_right(sh, row, at[4], c[at[4]]);
			xlsx_write_text(sh, row, at[5], "―");
		}
		xlsx_write_text(sh, row, at[6], c[at[6]]);
	}
	/*
	 * what 前年度実績 counts: the year by name, whole, and a case
	 * withdrawn after its 意見書 it counted, as this year's 備考 says
	 * of this year's (a 前年度 of 5 with one withdrawn, unsaid: rev18b)
	 */
	if (hp && cal_fy_label(py, sizeof py, w->fy - 1) == 0) {
		size_t	l;

		snprintf(note, sizeof note, "前年度実績は%s（年度全体）の実績。"
		    "%s", py, nnew > 0 ? "「―」は前年度にない業務。" : "");
		for (i = 0; i < w->nitems; i++) {
			const struct report_item *pi = annual_prev(prev,
			    &w->items[i]);

			if (pi == NULL || pi->nwd_after <= 0)
				continue;
			l = strlen(note);
			snprintf(note + l, sizeof note - l, "%sの前年度実績は%s"
			    "の取下げ %ld件を含む。", pi->row_label,
			    pi->wd_after_what, pi->nwd_after);
		}
		xlsx_note(sh, ++row, note);
	}
	/* where the 振替 of the rows above went, with the figures */
	if (nmoved > 0 && (rc = annual_effort(sh, &row, w->effort)) != 0)
		goto done;
	error_clear();

	/*
	 * What each total counts, and by date among them what was
	 * cancelled (中止, not counted): the list of 定例会 went from 第3回
	 * to 第5回 while the 備考 above said 中止 1件.
	 */
	memset(cells, 0, (n * (ANNUAL_NCOLS + 1) + 1) * sizeof *cells);
	for (i = 0, n = 0; i < w->nitems; i++) {
		const struct report_item *it = &w->items[i];

		for (k = 0; k < it->nrefs + it->ncancels; k++, n++) {
			int cancelled;
			const struct report_ref *r = annual_ref(it, k,
			    &cancelled);

			c = cells + n * ANNUAL_NCOLS;
			c[0] = it->spec;
			c[1] = it->row_label;
			cal_format_era(buf, sizeof buf, r->date, CAL_ERA_SHORT);
			c[2] = pool_dup(&pool, buf, &bad);
			c[3] = annual_no(&pool, r->no, &bad);
			c[4] = r->title;
			c[5] = r->org;
			c[6] = r->list_note != NULL ? r->list_note : r->note;
			/* the ※ under the list, said once for them all */
			if (r->interim)
				ninterim++;
			/*
			 * 中止 alone, said under the title not to count:
			 * with its reason, or 中止（実績に含めない）, the
			 * widest 状況 of the sheet moved every column and
			 * broke the 業務 in three lines; the reason is the
			 * 作業実施報告書's.
			 */
			if (cancelled) {
				c[6] = "中止";
				ncancels++;
			}
		}
	}
	if (bad) {
		rc = error_set(NC_ENOMEM, "out of memory");
		goto done;
	}
	snprintf(title, sizeof title, "%s 実績の内訳", fyl);
	/*
	 * set whatever the year: without a 中止 the sheet took the first
	 * sheet's last note, 前年度実績は…, under its title (rev21c M2)
	 */
	snprintf(note, sizeof note, "%s現在　対象期間：%s（出典：各業務の記録%s）",
	    a, w->period, ncancels > 0 ? "。状況が中止のものは実績に含めない" :
	    "");
	if ((rc = xlsx_add_sheet(&rs, x, "実績の内訳", XLSX_LANDSCAPE)) != 0 ||
	    (rc = xlsx_title(rs, title, note)) != 0 ||
	    (rc = xlsx_fit_sheet(rs, cols, rfc, ANNUAL_NCOLS, cells, nrefs, 0,
	    0, NULL)) != 0 ||
	    (rc = xlsx_table(&row, rs, cols, ANNUAL_NCOLS)) != 0)
		goto done;
	for (i = 0, n = 0; i < w->nitems; i++) {
		const struct report_item *it = &w->items[i];

		for (k = 0; k < it->nrefs + it->ncancels; k++, row++, n++) {
			int cancelled;
			const struct report_ref *r = annual_ref(it, k,
			    &cancelled);

			c = cells + n * ANNUAL_NCOLS;
			xlsx_write_text(rs, row, 0, it->spec);
			xlsx_write_text(rs, row, 1, c[1]);
			xlsx_write_date(rs, row, 2, r->date.y, r->date.m,
			    r->date.d, XLSX_DATE_ERA_SHORT);
			xlsx_write_text(rs, row, 3, c[3]);
			xlsx_write_text(rs, row, 4, r->title);
			xlsx_write_text(rs, row, 5, r->org);
			xlsx_write_text(rs, row, 6, c[6]);
		}
	}
	/* the mark explained under the table, as the audit's 集計表 does */
	if (ninterim > 0)
		xlsx_note(rs, ++row, AUDIT_INTERIM_NOTE);
	/*
	 * an incident counts by the day it was reported, a day or so after
	 * the 発生日 the 事故等統計 lists: said, or every row read as off
	 * by one (rev18b)
	 */
	for (i = 0; i < w->nitems; i++)
		if (strcmp(w->items[i].key, "incidents") == 0 &&
		    w->items[i].nrefs > 0)
			break;
	if (i < w->nitems)
		xlsx_note(rs, ++row, "事故等の日付は報告を受けた日（その記録が"
		    "ないものは発見日または発生日）。事故等統計は発生日による。");
	/*
	 * what 区に引継ぎ and 次年度に引継ぎ mean, as the 作業実施報告書
	 * and the 課題管理表 say it beside theirs: the rows said it alone
	 */
	for (i = 0, nhand = nnext = 0; i < n; i++) {
		const char *st = cells[i * ANNUAL_NCOLS + 6];

		nhand += st != NULL && strcmp(st, "区に引継ぎ") == 0;
		nnext += st != NULL && strcmp(st, "次年度に引継ぎ") == 0;
	}
	if (nhand > 0) {
		snprintf(line, sizeof line, "状況が「区に引継ぎ」のものは、契約"
		    "期間の末日%s%s%sまでに決定・回答等に至らず、区に引き継ぐもの"
		    "（作業実施報告書の「%s」に記載）。", w->handover_day != NULL ?
		    "（" : "", w->handover_day != NULL ? w->handover_day : "",
		    w->handover_day != NULL ? "）" : "", REPORT_HANDOVER_TITLE);
		xlsx_note(rs, ++row, line);
	}
	if (nnext > 0)
		xlsx_note(rs, ++row, "状況が「次年度に引継ぎ」のものは、年度末"
		    "までに決定・回答等に至らず、次年度の契約で引き続き対応する"
		    "もの。");
	rc = xlsx_save(x);
done:
	xlsx_free(x);
	free(cells);
	strpool_free(&pool);
	return rc;
}

/* --- 作業実施計画書 ------------------------------------------------------ */

static int
plan_rec_cmp(const void *a, const void *b)
{
	const struct plan_rec	*x = a, *y = b;

	return (x->version > y->version) - (x->version < y->version);
}

/*
 * The year's plan records, by version; each later version says what
 * changed.  The 作業実施計画書 and the 運営計画書's schedule (sec_plan_at())
 * read them here, one reading of what a plan record says.
 */
int
plan_load(struct plan_rec **out, size_t *nout, void *pool,
    struct store *st, int fy)
{
	const struct schema	*kind;
	struct reclist		 l = RECLIST_INIT;
	struct record		*r = NULL;
	struct plan_rec		*v = NULL;
	const struct node	*rec, *seq, *it;
	const char		*s, *id;
	size_t			 i, j;
	int			 rc;

	*out = NULL;
	*nout = 0;
	if ((rc = store_kind(&kind, st, "workplan")) != 0 ||
	    (rc = store_scan(&l, st, kind, fy, NULL)) != 0)
		goto done;
	if (l.n == 0) {
		rc = error_set(NC_ENOTFOUND, "FY%d has no work plan record "
		    "(作業実施計画書): add one with 'nerima-cio add workplan' "
		    "(schemas/workplan.yaml)", fy);
		goto done;
	}
	if ((v = calloc(l.n, sizeof *v)) == NULL) {
		rc = error_set(NC_ENOMEM, "out of memory");
		goto done;
	}
	for (i = 0; i < l.n; i++) {
		if ((rc = record_load(&r, st, &l.v[i], NULL)) != 0)
			goto done;
		rec = record_root(r);
		s = node_get_str(rec, "version");
		v[i].version = s != NULL ? strtol(s, NULL, 10) : 0;
		rp_date(&v[i].date, rec, "date");
		rp_date(&v[i].submitted, rec, "submitted");
		v[i].title = rp_str(pool, node_get_str(rec, "title"));
		v[i].policy = rp_str(pool, node_get_str(rec, "policy"));
		v[i].changes = rp_str(pool, node_get_str(rec, "changes"));
		v[i].reason = rp_str(pool, node_get_str(rec, "reason"));
		v[i].no = rp_str(pool, node_get_str(rec, "ref_no"));
		/* the records this version moved, each from its date */
		seq = node_get(rec, "moves");
		if (seq != NULL && seq->kind == NODE_SEQ && seq->n > 0 &&
		    (v[i].moves = calloc(seq->n, sizeof *v[i].moves)) ==
		    NULL) {
			rc = error_set(NC_ENOMEM, "out of memory");
			goto done;
		}
		for (j = 0; seq != NULL && seq->kind == NODE_SEQ &&
		    j < seq->n; j++) {
			it = seq->u.items[j];
			if ((id = node_get_str(it, "record")) == NULL ||
			    rp_date(&v[i].moves[v[i].nmoves].from, it,
			    "from") != 0)
				continue;
			v[i].moves[v[i].nmoves++].id = rp_str(pool, id);
		}
		record_free(r);
		r = NULL;
	}
	qsort(v, l.n, sizeof *v, plan_rec_cmp);
	for (i = 0; i < l.n; i++) {
		if (i > 0 && v[i].version == v[i - 1].version) {
			rc = error_set(NC_EINVALID, "FY%d has two work plans of "
			    "version %ld: give the newer one the next version",
			    fy, v[i].version);
			goto done;
		}
		if (v[i].version > 1 && v[i].changes[0] == '\0') {
			rc = error_set(NC_EINVALID, "version %ld of the FY%d "
			    "work plan does not say what changed (field "
			    "changes): a changed plan records its changes "
			    "(3(3)ア(ア))", v[i].version, fy);
			goto done;
		}
	}
	*out = v;
	*nout = l.n;
	v = NULL;
done:
	record_free(r);
	plan_free(v, l.n);
	reclist_free(&l);
	return rc;
}

void
plan_free(struct plan_rec *v, size_t n)
{
	size_t	i;

	for (i = 0; v != NULL && i < n; i++)
		free(v[i].moves);
	free(v);
}

static int
plan_team(struct docx *d, struct store *st, struct cal_date on)
{
	static const unsigned	 wd[] = { 30, 20, 50 };
	const struct schemaset	*set;
	const struct schema	*cs = NULL;
	const struct node	*conf, *ms, *m;
	struct docx_table	*t = NULL;
	struct docx_para_style	 c, l;
	struct cal_date		 a, b;
	const char		*role;
	size_t			 i, row = 1;
	int			 rc;

	if ((rc = store_config(&conf, st)) != 0)
		return rc;
	if (store_schemas(&set, st, NULL) == 0)
		cs = schemaset_kind(set, "config");
	error_clear();
	style(&c, DOCX_CENTER, 0);
	style(&l, DOCX_LEFT, 0);
	if ((rc = docx_table_new(&t, 3, wd)) != 0)
		return rc;
	docx_table_header_rows(t, 1);
	docx_table_cell(t, 0, 0, "役割", &c);
	docx_table_cell(t, 0, 1, "氏名", &c);
	docx_table_cell(t, 0, 2, "主な担当", &c);
	ms = node_get(conf, "members");
	for (i = 0; ms != NULL && ms->kind == NODE_SEQ && i < ms->n; i++) {
		m = ms->u.items[i];
		/* members who serve in the year */
		if ((rp_date(&a, m, "from") == 0 && cal_cmp(a, on) > 0) ||
		    (rp_date(&b, m, "to") == 0 && cal_cmp(b, on) < 0))
			continue;
		role = node_get_str(m, "role");
		docx_table_cell(t, row, 0, role != NULL && cs != NULL ?
		    schema_label(cs, "members.role", role) : role, &l);
		docx_table_cell(t, row, 1, node_get_str(m, "name"), &l);
		docx_table_cell(t, row, 2, role == NULL ? "" :
		    strcmp(role, "cio-advisor") == 0 ? "仕様書3(1)の情報化の推進に"
		    "関する業務、3(3)の会議への参画" :
		    strcmp(role, "ciso-advisor") == 0 ? "仕様書3(2)の情報セキュリ"
		    "ティに関する業務（主任監査員）" :
		    strcmp(role, "lead") == 0 ? "業務全体の管理、進捗報告、課題"
		    "管理" : "資料作成、集計、会議の準備等の支援", &l);
		row++;
	}
	rc = docx_add_table(d, t);
	docx_table_free(t);
	return rc;
}

static int
plan_items(struct docx *d, const struct report_work *w)
{
	static const unsigned	 wd[] = { 14, 50, 16, 20 };
	struct docx_table	*t = NULL;
	struct docx_para_style	 c, l, r;
	char			 buf[64];
	size_t			 i;
	int			 rc;

	style(&c, DOCX_CENTER, 0);
	style(&l, DOCX_LEFT, 0);
	style(&r, DOCX_RIGHT, 0);
	if ((rc = docx_table_new(&t, 4, wd)) != 0)
		return rc;
	docx_table_header_rows(t, 1);
	docx_table_cell(t, 0, 0, "仕様書", &c);
	docx_table_cell(t, 0, 1, "業務", &c);
	docx_table_cell(t, 0, 2, "年間想定", &c);
	docx_table_cell(t, 0, 3, "単位", &c);
	for (i = 0; i < w->nitems; i++) {
		const struct report_item *it = &w->items[i];

		docx_table_cell(t, i + 1, 0, it->spec, &l);
		docx_table_cell(t, i + 1, 1, it->row_label, &l);
		if (it->expected >= 0)
			rp_count(buf, it->expected);
		else
			snprintf(buf, sizeof buf, "%s", it->volume != NULL ?
			    it->volume : "随時");
		docx_table_cell(t, i + 1, 2, buf, it->expected >= 0 ? &r : &c);
		/* 随時 has no number for a unit to follow (随時 件) */
		docx_table_cell(t, i + 1, 3, it->expected >= 0 ||
		    it->volume != NULL ? it->unit : "－", &c);
	}
	rc = docx_add_table(d, t);
	docx_table_free(t);
	return rc;
}

/* The schedule by month: meetings, and trainings and audits. */
static int
plan_schedule(struct docx *d, const struct sched *s, int fy)
{
	static const unsigned	 wd[] = { 10, 45, 45 };
	struct docx_table	*t = NULL;
	struct docx_para_style	 c, l;
	struct buf		 col[2];
	char			 buf[64], tail[RP_PERIOD_END];
	size_t			 i, k;
	int			 m, rc = 0, y, mm;

	style(&c, DOCX_CENTER, 18);
	style(&l, DOCX_LEFT, 18);
	if ((rc = docx_table_new(&t, 3, wd)) != 0)
		return rc;
	docx_table_header_rows(t, 1);
	docx_table_cell(t, 0, 0, "月", &c);
	docx_table_cell(t, 0, 1, "会議", &c);
	docx_table_cell(t, 0, 2, "研修・監査", &c);
	for (m = 0; m < 12; m++) {
		y = m < 9 ? fy : fy + 1;
		mm = m < 9 ? m + 4 : m - 8;
		buf_init(&col[0]);
		buf_init(&col[1]);
		for (i = 0; i < s->n; i++) {
			const struct sched_row *r = &s->v[i];

			if (r->date.y != y || r->date.m != mm)
				continue;
			/* a cancelled one stays, so the numbering adds up */
			k = strncmp(r->spec, "3(3)", 4) == 0 ? 0 : 1;
			/* a period: 3日～28日, 3日～9月4日, 18日～1月12日 */
			rp_sched_end(tail, r->date, r->end);
			buf_printf(&col[k], "%s%d日%s", col[k].len > 0 ? "\n" :
			    "", r->date.d, tail);
			buf_printf(&col[k], "　%s%s", r->title,
			    r->state == EV_CANCELLED ? "（中止）" : "");
		}
		snprintf(buf, sizeof buf, "%d月", mm);
		docx_table_cell(t, (size_t)m + 1, 0, buf, &c);
		docx_table_cell(t, (size_t)m + 1, 1, col[0].len > 0 ?
		    col[0].data : "", &l);
		docx_table_cell(t, (size_t)m + 1, 2, col[1].len > 0 ?
		    col[1].data : "", &l);
		if (buf_ok(&col[0]) != 0 || buf_ok(&col[1]) != 0)
			rc = NC_ENOMEM;
		buf_free(&col[0]);
		buf_free(&col[1]);
	}
	if (rc == 0)
		rc = docx_add_table(d, t);
	docx_table_free(t);
	return rc;
}

/*
 * Where the schedule holds fewer meetings of a kind than the year
 * expects, say why: the committees are the ward's to call, so only the
 * ones whose day is set are in it (IT推進本部: 2 of 5); a cancelled one
 * is marked in the table and counted here.
 */
static void
plan_meeting_note(struct docx *d, const struct sched *s,
    const struct report_work *w)
{
	static const char *const called[] = { "IT推進本部", "情報化運営委員会",
	    "情報セキュリティ委員会" };
	struct buf	 ward = BUF_INIT, own = BUF_INIT;
	char		 line[2048];
	size_t		 i, k, held, cut;
	int		 is_called;

	for (i = 0; i < w->nitems; i++) {
		const struct report_item *it = &w->items[i];

		if (it->expected < 0 || strncmp(it->spec, "3(3)ア(", 8) != 0 ||
		    strstr(it->spec, "(イ)") != NULL)
			continue;
		for (k = held = cut = 0; k < s->n; k++)
			if (strcmp(s->v[k].what, it->label) == 0 &&
			    strncmp(s->v[k].spec, "3(3)", 4) == 0) {
				if (s->v[k].state == EV_CANCELLED)
					cut++;
				else
					held++;
			}
		if ((long)(held + cut) >= it->expected && cut == 0)
			continue;
		for (k = 0, is_called = 0; k < 3; k++)
			if (strcmp(called[k], it->label) == 0)
				is_called = 1;
		if (is_called && (long)held < it->expected)
			buf_printf(&ward, "%s%s（年間想定%ld回、記載%zu回）",
			    ward.len > 0 ? "、" : "", it->label, it->expected,
			    held);
		else if (cut > 0)
			buf_printf(&own, "%s%sは、年間想定%ld回のうち%zu回を中止"
			    "したため、%zu回の予定です（表に「中止」と記載）。",
			    "", it->label, it->expected, cut,
			    held);
	}
	if (ward.len > 0 && buf_ok(&ward) == 0) {
		snprintf(line, sizeof line, "%sは、区が招集する会議のため、作成"
		    "日現在で開催日の決まった回を記載しています。残る回は、開催日"
		    "が決まり次第参画します。", ward.data);
		docx_add_outline_body(d, line);
	}
	if (own.len > 0 && buf_ok(&own) == 0)
		docx_add_outline_body(d, own.data);
	buf_free(&ward);
	buf_free(&own);
}

/* Deliverables with their due dates, by date. */
struct deliv {
	struct cal_date	 due;
	const char	*what, *when, *spec;
};

static int
deliv_cmp(const void *a, const void *b)
{
	const struct deliv	*x = a, *y = b;
	int			 c;

	if ((c = cal_cmp(x->due, y->due)) != 0)
		return c;
	/* the year's set (4(3)イ) holds the others: last of its day */
	if ((c = (strcmp(x->spec, "4(3)イ") == 0) -
	    (strcmp(y->spec, "4(3)イ") == 0)) != 0)
		return c;
	return strcmp(x->what, y->what);
}

static int
deliv_add(struct deliv **v, size_t *n, struct strpool *pool,
    struct cal_date due, const char *what, const char *when,
    const char *spec)
{
	struct deliv	*nv;

	if ((nv = realloc(*v, (*n + 1) * sizeof *nv)) == NULL)
		return error_set(NC_ENOMEM, "out of memory");
	*v = nv;
	nv[*n].due = due;
	nv[*n].what = rp_str(pool, what);
	nv[*n].when = rp_str(pool, when);
	nv[*n].spec = spec;
	(*n)++;
	return 0;
}

/*
 * A deadline the ward is closed on (令和11年3月31日, a Saturday) moves to
 * its business day before: a document cannot be received on a day the
 * ward is closed.
 */
static struct cal_date
open_on_or_before(const struct cal *cal, struct cal_date d)
{
	struct cal_date	 p;

	if (cal_is_business_day(cal, d) == 0 &&
	    cal_prev_business_day(&p, cal, d) == 0)
		return p;
	error_clear();
	return d;
}

/*
 * The deliverables of 4 the specification asks for as the work arises,
 * with the deadline it gives, or 区と定める (4: "記述のないものまたは
 * 「程度」となっているものについては、都度、区と受託者で期限を定める"):
 * the plan's table of dated ones listed only those.
 */
static const struct {
	const char	*what, *when, *spec;
} plan_standing[] = {
	{ "調査報告書、意見書、情報提供等（DX実現に向けた取組支援）",
	    "区の求めに応じて、区と定める期限まで", "4(1)ア(ア)" },
	{ "精査記録、可否決定通知（情報化企画審査）",
	    "案件ごとに区と定める期限まで", "4(1)ア(イ)a" },
	{ "意見書（調達実施支援）", "依頼日から1週間程度", "4(1)ア(イ)b" },
	{ "提案書、研修教材、アンケート（デジタル人材育成研修）",
	    "区と定める期限まで", "4(1)イ" },
	{ "研修教材、アンケート（マイナンバー研修）", "区と定める期限まで",
	    "4(1)ウ" },
	{ "情報セキュリティマネジメント運営計画書案、最終報告書案（詳細版・"
	    "概要版）", "IT推進本部および情報セキュリティ委員会に合わせて区と"
	    "定める期限まで", "4(2)ア" },
	{ "研修教材、アンケート、テスト（情報セキュリティ研修）",
	    "研修ごとに区と定める期限まで", "4(2)イ" },
	{ "自己点検・所属点検の点検項目、所属点検の実施結果報告書",
	    "区と定める期限まで", "4(2)ウ" },
	{ "監査項目、監査調書、情報セキュリティ監査結果概要報告書、実施結果"
	    "報告書、フォローアップ監査に係る質疑応答書", "監査ごとに区と定める"
	    "期限まで", "4(2)エ" },
	{ "対応基準提案書、再発防止策の提案書", "事故等ごとに区と定める期限"
	    "まで", "4(2)オ" },
	{ "委託事業者等向け研修教材、特記事項チェックシートの集計・分析の報告"
	    "、特記事項・点検手順書の見直し提案書（必要に応じて）",
	    "区と定める期限まで", "4(2)カ" },
	{ "情報セキュリティポリシー等の見直しの提案書（必要に応じて）",
	    "区と定める期限まで", "4(2)キ" },
	{ "各相談に対する回答書", "相談ごとに区と定める期限まで",
	    "4(3)ア(イ)" },
	{ "定例会の次第、資料、課題管理表", "定例会の1開庁日前の10時まで",
	    "4(3)ア(ウ)" },
	{ "進捗報告会の次第、資料", "進捗報告会の1開庁日前の10時まで",
	    "4(3)ア(エ)" },
	{ "定例会・進捗報告会の議事録", "区と定める期限まで",
	    "4(3)ア(ウ)(エ)" },
};

/* The deliverables as the work arises: what, the deadline's rule, 4's item. */
static int
plan_standing_table(struct docx *d)
{
	static const unsigned	 wd[] = { 55, 30, 15 };
	struct docx_table	*t = NULL;
	struct docx_para_style	 c, lft;
	size_t			 i;
	int			 rc;

	style(&c, DOCX_CENTER, 18);
	style(&lft, DOCX_LEFT, 18);
	if ((rc = docx_table_new(&t, 3, wd)) != 0)
		return rc;
	docx_table_header_rows(t, 1);
	docx_table_cell(t, 0, 0, "成果物", &c);
	docx_table_cell(t, 0, 1, "提出期限", &c);
	docx_table_cell(t, 0, 2, "仕様書", &c);
	for (i = 0; i < sizeof plan_standing / sizeof plan_standing[0]; i++) {
		docx_table_cell(t, i + 1, 0, plan_standing[i].what, &lft);
		docx_table_cell(t, i + 1, 1, plan_standing[i].when, &lft);
		docx_table_cell(t, i + 1, 2, plan_standing[i].spec, &lft);
	}
	rc = docx_add_table(d, t);
	docx_table_free(t);
	return rc;
}

static int
plan_deliverables(struct docx *d, struct store *st, int fy)
{
	static const unsigned	 wd[] = { 60, 25, 15 };
	static const char *const mt_want[] = { "type", "title", "date",
	    "status" };
	const struct schema	*kind;
	const struct node	*conf;
	struct reclist		 l = RECLIST_INIT;
	struct record		*r;
	struct cal		*cal = NULL;
	struct cal_date		 signed_on, due, md, fy0, fy1, yend;
	struct cal_due		 mdue;
	struct docx_table	*t = NULL;
	struct docx_para_style	 c, lft;
	struct tr_list		 tl;
	struct strpool		 pool;
	struct deliv		*v = NULL;
	char			 buf[CAL_FMT_MAX], when[96];
	const char		*what, *dtext;
	char			 per[RP_ERA_PERIOD];
	char			 line[2048], *path = NULL;
	struct buf		 none = BUF_INIT;
	struct tr_plan		*tp = NULL;
	struct stat		 sb;
	const char		*type;
	size_t			 i, n = 0, nlate = 0;
	int			 rc, have;

	memset(&tl, 0, sizeof tl);
	strpool_init(&pool);
	style(&c, DOCX_CENTER, 18);
	style(&lft, DOCX_LEFT, 18);
	cal_fy_bounds(&fy0, &fy1, fy);
	if ((rc = store_config(&conf, st)) != 0 ||
	    (rc = meeting_cal(&cal, st)) != 0)
		goto done;
	/*
	 * The year's own plan: 14 days from the signing, or, in a year the
	 * contract was renewed for (contract.fiscal_years), from the
	 * renewal's first day -- a renewal year's plan is still the year's
	 * deliverable, and g5's 令和12年度 listed none (rev21c T6).
	 */
	have = rp_date(&signed_on, node_get(conf, "contract"), "signed") ==
	    0 && rp_between(signed_on, fy0, fy1);
	error_clear();
	if (!have && report_contract_year(conf, fy) == 1) {
		signed_on = fy0;
		have = 1;
	}
	error_clear();
	if (have && cal_due_workplan(&due, cal, signed_on) == 0) {
		rp_era(buf, due);
		if ((rc = deliv_add(&v, &n, &pool, due, "作業実施計画書", buf,
		    "4(3)ア(ア)")) != 0)
			goto done;
	}
	error_clear();
	if ((rc = store_kind(&kind, st, "meeting")) != 0 ||
	    (rc = store_scan(&l, st, kind, fy, NULL)) != 0)
		goto done;
	for (i = 0; i < l.n && rc == 0; i++) {
		if ((rc = record_load_fields(&r, st, &l.v[i], NULL, mt_want, 4))
		    != 0)
			goto done;
		type = node_get_str(record_root(r), "type");
		if (type != NULL && strcmp(type, "progress") == 0 &&
		    meeting_date(&md, record_root(r)) == 0 &&
		    cal_due_meeting(&mdue, cal, md) == 0) {
			rp_era(buf, mdue.date);
			snprintf(when, sizeof when, "%s 10時", buf);
			/*
			 * whole, however long the meeting's title; 4(3)ア(エ),
			 * the 進捗報告会's documents and their deadline (3's
			 * (オ) is the meeting's, 4's (オ) その他の提案書等)
			 */
			rc = deliv_add(&v, &n, &pool, mdue.date, rp_fmt(&pool,
			    "作業実施報告書・相談業務実施報告書（%s）",
			    node_get_str(record_root(r), "title")), when,
			    "4(3)ア(エ)");
		}
		error_clear();
		record_free(r);
	}
	/*
	 * The days after the last 進捗報告会, which no meeting's reports
	 * cover, reported by the end of the contract (4(3)イ): the two
	 * reports themselves, 4(3)ア(ア) and (イ).
	 */
	/* its period ends on its date, not fy1 (31 March), kept below */
	if (rc == 0 && meeting_yearend_period(&md, &yend, &due, st, fy) == 0) {
		rp_era(buf, due);
		rc = deliv_add(&v, &n, &pool, due, "作業実施報告書・相談業務実施"
		    "報告書（年度末分）", buf, "4(3)ア(ア)(イ)");
	}
	error_clear();
	if (rc != 0 ||
	    (rc = tr_list_load(&tl, st, fy, TR_LOAD_HEADS, NULL)) != 0)
		goto done;
	for (i = 0; i < tl.n && rc == 0; i++) {
		const struct training *tr = tl.v[i];

		if (!rp_training_reports(tr))
			continue;
		/*
		 * A training that makes a report without its deadline in the
		 * record is still a deliverable: the deadline is the ward's.
		 */
		due = tr->report_due;
		dtext = buf;
		if (due.y != 0 && cal_cmp(due, fy1) > 0) {
			/*
			 * 4(3)イ: every deliverable of the year by the end
			 * of its contract; a training late in March was
			 * listed due in April, after the 成果物一式.
			 */
			due = open_on_or_before(cal, fy1);
			rp_era(buf, due);
			snprintf(when, sizeof when, "%s（契約期間の末日%s）", buf,
			    cal_cmp(due, fy1) != 0 ? "の前の開庁日" : "");
			dtext = when;
			nlate++;
		} else if (due.y != 0)
			rp_era(buf, due);
		else {
			snprintf(buf, sizeof buf, "区と定める期限まで");
			if ((due = training_last_day(tr)).y == 0)
				due = fy1;
		}
		if (tr->end_date.y != 0 && cal_cmp(tr->end_date,
		    tr->date) > 0) {
			/* the deadline counts from the period's last day */
			char	end[CAL_FMT_MAX];

			rp_era(end, tr->end_date);
			what = rp_fmt(&pool, "研修実施報告書（%s、%sまで実施）",
			    tr->title, end);
		} else
			what = rp_fmt(&pool, "研修実施報告書（%s）", tr->title);
		/*
		 * the item of its kind, as the bundle files it: every
		 * report was 4(2), the マイナンバー研修's too (rev20 M3)
		 */
		rc = deliv_add(&v, &n, &pool, due, what, dtext,
		    training_spec_item(tr->kind));
	}
	/* the trainings without a survey or a test: no report (3(2)イ) */
	for (i = 0; i < tl.n; i++) {
		const struct training *tr = tl.v[i];

		if (rp_training_reports(tr) || tr->date.y == 0 ||
		    (tr->status != NULL &&
		    strcmp(tr->status, "cancelled") == 0))
			continue;
		/* with its period, as the schedule gives it */
		rp_era_period(per, tr->date, tr->end_date);
		buf_printf(&none, "%s%s（%s）", none.len > 0 ? "、" : "",
		    tr->title, per);
	}
	if ((rc = buf_ok(&none)) != 0)
		goto done;
	/* by the end of the contract, a day the ward is open (4(3)イ) */
	due = open_on_or_before(cal, fy1);
	rp_era(buf, due);
	snprintf(when, sizeof when, "%s%s", buf, cal_cmp(due, fy1) != 0 ?
	    "（契約期間の末日の前の開庁日）" : "");
	if (rc != 0 || (rc = deliv_add(&v, &n, &pool, due, "当該年度の成果物"
	    "一式（電子媒体）", when, "4(3)イ")) != 0)
		goto done;
	qsort(v, n, sizeof *v, deliv_cmp);
	if ((rc = docx_table_new(&t, 3, wd)) != 0)
		goto done;
	docx_table_header_rows(t, 1);
	docx_table_cell(t, 0, 0, "成果物", &c);
	docx_table_cell(t, 0, 1, "提出期限", &c);
	docx_table_cell(t, 0, 2, "仕様書", &c);
	for (i = 0; i < n; i++) {
		docx_table_cell(t, i + 1, 0, v[i].what, &lft);
		docx_table_cell(t, i + 1, 1, v[i].when, &lft);
		docx_table_cell(t, i + 1, 2, v[i].spec, &lft);
	}
	if ((rc = docx_add_table(d, t)) != 0)
		goto done;
	docx_add_outline_body(d, "年度末分の作業実施報告書・相談業務実施報告書は、"
	    "年度最後の進捗報告会の日から年度最後の開庁日までの作業および相談について報告"
	    "するものです（進捗報告会の報告書の対象とならない期間）。");
	/*
	 * Why a deadline is where it is, and why a training has none: the
	 * rule of the plan table (training-plan.yaml), agreed with the
	 * ward as 4 leaves it; the e-learning of 7月6日 closes on 8月14日.
	 */
	if ((path = store_path(st, TR_PLAN_FILE)) != NULL &&
	    stat(path, &sb) == 0 &&
	    tr_plan_load(&tp, st, path, TR_PLAN_FILE, NULL) == 0)
		snprintf(when, sizeof when, "%d開庁日以内", tp->report_due_days);
	else
		snprintf(when, sizeof when, "区と定める期限まで");
	error_clear();
	snprintf(line, sizeof line, "研修実施報告書は、アンケートまたはテスト"
	    "を実施した研修について作成し（仕様書3(2)イ）、研修の最終日（期間"
	    "を定めて実施する研修はその末日）の翌日から%sに提出します（提出"
	    "期限は仕様書4により区と定めたもの）。%s", when, nlate > 0 ?
	    "ただし、その期限が契約期間の末日より後になるものは、契約期間の"
	    "末日までに提出します（仕様書4(3)イ）。" : "");
	docx_add_outline_body(d, line);
	if (none.len > 0) {
		/* whole, however many the trainings and long their titles */
		struct buf	 msg = BUF_INIT;

		buf_printf(&msg, "アンケートおよびテストを実施しない次の研修は、"
		    "研修実施報告書の対象外です：%s", none.data);
		if ((rc = buf_ok(&msg)) == 0)
			docx_add_outline_body(d, msg.data);
		buf_free(&msg);
	}
	if (rc != 0)
		goto done;
	docx_add_outline_body(d, "このほか、業務の都度作成する次の成果物を、"
	    "それぞれの期限までに提出します（仕様書4。期限の定めのないもの"
	    "および「程度」とするものは、都度、区と定めます）。いずれも当該"
	    "年度の成果物一式（電子媒体）に含めます。");
	rc = plan_standing_table(d);
done:
	free(path);
	tr_plan_free(tp);
	buf_free(&none);
	tr_list_free(&tl);
	docx_table_free(t);
	reclist_free(&l);
	cal_free(cal);
	free(v);
	strpool_free(&pool);
	return rc;
}

/*
 * The change history as a table, a version's changes a row each under
 * its 版 and 日付, with the one reason the record gives beside them all:
 * as paragraphs, a version's second change began at the margin and read
 * as an entry of its own, and the reason seemed to cover the last change
 * only.
 */
static int
plan_history(struct docx *d, const struct plan_rec *v, size_t n)
{
	static const unsigned	 wd[] = { 10, 18, 50, 30 };
	struct docx_table	*t = NULL;
	struct docx_para_style	 c, l;
	char			 a[CAL_FMT_MAX], ver[32], *ch = NULL, *ln, *nl;
	size_t			 i, row = 1, first, k;
	int			 rc, initial;

	style(&c, DOCX_CENTER, 0);
	style(&l, DOCX_LEFT, 0);
	if ((rc = docx_table_new(&t, 4, wd)) != 0)
		return rc;
	docx_table_header_rows(t, 1);
	docx_table_cell(t, 0, 0, "版", &c);
	docx_table_cell(t, 0, 1, "日付", &c);
	docx_table_cell(t, 0, 2, "変更内容", &c);
	docx_table_cell(t, 0, 3, "変更理由", &c);
	for (i = 0; i < n; i++) {
		/* the date each version's document carries, as on the cover */
		rp_era(a, v[i].submitted.y != 0 ? v[i].submitted : v[i].date);
		snprintf(ver, sizeof ver, "第%ld版", v[i].version);
		first = row;
		initial = v[i].version == 1 || v[i].changes == NULL ||
		    v[i].changes[0] == '\0';
		if (initial)
			docx_table_cell(t, row++, 2, "当初の計画", &l);
		else {
			free(ch);
			if ((ch = strdup(v[i].changes)) == NULL) {
				rc = error_set(NC_ENOMEM, "out of memory");
				break;
			}
			for (ln = ch; ln != NULL; ln = nl) {
				if ((nl = strchr(ln, '\n')) != NULL)
					*nl++ = '\0';
				if (*ln != '\0')
					docx_table_cell(t, row++, 2, ln, &l);
			}
			if (row == first)
				row++;
		}
		docx_table_cell(t, first, 0, ver, &c);
		docx_table_cell(t, first, 1, a, &c);
		if (initial || v[i].reason == NULL || v[i].reason[0] == '\0')
			docx_table_cell(t, first, 3, "－", &c);
		else
			docx_table_cell(t, first, 3, v[i].reason, &l);
		k = row - first;
		if (k > 1 && ((rc = docx_table_merge(t, first, 0, k, 1)) != 0 ||
		    (rc = docx_table_merge(t, first, 1, k, 1)) != 0 ||
		    (rc = docx_table_merge(t, first, 3, k, 1)) != 0))
			break;
	}
	if (rc == 0)
		rc = docx_add_table(d, t);
	free(ch);
	docx_table_free(t);
	return rc;
}

int
report_plan_write_docx(struct store *st, int fy, const char *path)
{
	struct strpool		 pool;
	struct plan_rec		*v = NULL;
	struct report_work	 w;
	struct sched		 s;
	struct docx		*d = NULL;
	struct docx_props	 props;
	struct docx_page	 page;
	struct docx_report	 cover;
	struct docx_para_style	 right, left;
	struct cal_date		 fy0, fy1;
	const struct plan_rec	*p;
	char			 date[CAL_FMT_MAX], iso[CAL_FMT_MAX], a[CAL_FMT_MAX];
	char			 line[1024], title[256];
	size_t			 n = 0;
	int			 rc;

	memset(&w, 0, sizeof w);
	memset(&s, 0, sizeof s);
	strpool_init(&pool);
	strpool_init(&s.pool);
	cal_fy_bounds(&fy0, &fy1, fy);
	if ((rc = plan_load(&v, &n, &pool, st, fy)) != 0 ||
	    (rc = report_work_build(&w, st, fy0, fy0, fy0, NULL)) != 0 ||
	    (rc = sched_meetings(&s, st, fy, fy0)) != 0 ||
	    (rc = sched_trainings(&s, st, fy, fy0)) != 0 ||
	    (rc = sched_audits(&s, st, fy, fy0)) != 0)
		goto done;
	if (s.bad) {
		rc = error_set(NC_ENOMEM, "out of memory");
		goto done;
	}
	if (s.n > 1)
		qsort(s.v, s.n, sizeof *s.v, sched_cmp);
	p = &v[n - 1];
	rp_era(date, p->submitted.y != 0 ? p->submitted : p->date);
	cal_format_iso(iso, sizeof iso, p->submitted.y != 0 ? p->submitted :
	    p->date);
	cal_fy_label(a, sizeof a, fy);
	if (p->version > 1)
		snprintf(title, sizeof title, "%s 作業実施計画書（第%ld版）", a,
		    p->version);
	else
		snprintf(title, sizeof title, "%s 作業実施計画書", a);
	memset(&props, 0, sizeof props);
	props.title = title;
	props.author = w.author;
	props.created = iso;
	memset(&page, 0, sizeof page);
	page.margin_top = 25;
	page.margin_bottom = 20;
	page.margin_left = 20;
	page.margin_right = 20;
	memset(&cover, 0, sizeof cover);
	cover.title = title;
	cover.date = date;
	cover.addressee = w.addressee;
	cover.author = w.author;
	style(&right, DOCX_RIGHT, 0);
	style(&left, DOCX_LEFT, 0);
	if ((rc = docx_new(&d, &props)) != 0)
		goto done;
	docx_page(d, &page);
	docx_footer_page_number(d, DOCX_PAGENUM_DASH);
	docx_add_report_cover(d, &cover);

	docx_add_outline_heading(d, 1, "業務の概要");
	rp_era(a, fy0);
	rp_era(date, fy1);
	snprintf(line, sizeof line, "件名：%s", w.contract);
	docx_add_outline_body(d, line);
	snprintf(line, sizeof line, "履行期間：%sから%sまで", a, date);
	docx_add_outline_body(d, line);
	if (p->policy[0] != '\0') {
		const char	*q, *nl;

		docx_add_outline_heading(d, 1, "業務の実施方針");
		/*
		 * a paragraph a line of the record, each indented: a line
		 * break in one paragraph set the second flush left
		 */
		for (q = p->policy; *q != '\0'; q = *nl != '\0' ? nl + 1 : nl) {
			struct buf	 pb = BUF_INIT;

			if ((nl = strchr(q, '\n')) == NULL)
				nl = q + strlen(q);
			if (nl == q)
				continue;
			buf_add(&pb, q, (size_t)(nl - q));
			if ((rc = buf_ok(&pb)) == 0)
				docx_add_outline_body(d, pb.data);
			buf_free(&pb);
			if (rc != 0)
				goto done;
		}
	}
	docx_add_outline_heading(d, 1, "実施体制");
	if ((rc = plan_team(d, st, fy0)) != 0)
		goto done;
	docx_add_outline_heading(d, 1, "業務項目別の年間の作業量");
	docx_add_outline_body(d, "仕様書に定める業務項目ごとの年間想定件数は次の"
	    "とおりです。想定を下回る項目の作業量は、仕様書6(1)ウに基づき他の"
	    "業務に振り替え、作業実施報告書で報告します。");
	if ((rc = plan_items(d, &w)) != 0)
		goto done;
	docx_add_outline_heading(d, 1, "実施スケジュール");
	docx_add_outline_body(d, "会議、研修および監査の月別の予定は次のとおりで"
	    "す（作成日現在の記録による）。");
	if ((rc = plan_schedule(d, &s, fy)) != 0)
		goto done;
	plan_meeting_note(d, &s, &w);
	docx_add_outline_heading(d, 1, "成果物と提出期限");
	if ((rc = plan_deliverables(d, st, fy)) != 0)
		goto done;
	docx_add_outline_heading(d, 1, "変更履歴");
	if ((rc = plan_history(d, v, n)) != 0)
		goto done;
	docx_add_blank(d);
	docx_add_para(d, "以上", &right);
	rc = docx_save(d, path);
done:
	docx_free(d);
	report_work_free(&w);
	free(s.v);
	strpool_free(&s.pool);
	strpool_free(&pool);
	plan_free(v, n);
	return rc;
}
