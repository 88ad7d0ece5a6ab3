/*
 * Excel workbooks of the training module: a training's results with
 * native charts, the year's summary (every training, planned vs held),
 * and the question banks with where each question was used.
 *
 * Charts go on sheets of their own, drawn from the tables' sheets, so
 * that each prints whole on one page.
 */
#include <sys/stat.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "cal.h"
#include "chart.h"
#include "error.h"
#include "node.h"
#include "schema.h"
#include "store.h"
#include "strmap.h"
#include "training.h"
#include "text.h"
#include "training_int.h"
#include "xlsx.h"

static int
rate(struct xlsx_sheet *sh, uint32_t row, uint16_t col, double pct100)
{
	if (isnan(pct100))
		return xlsx_write_text(sh, row, col, "－");
	return xlsx_write_number(sh, row, col, pct100 / 100.0, XLSX_NUM_PCT);
}

static int
count(struct xlsx_sheet *sh, uint32_t row, uint16_t col, long v)
{
	if (v < 0)
		return xlsx_write_text(sh, row, col, "－");
	return xlsx_write_number(sh, row, col, (double)v, XLSX_NUM_INT);
}

static int
date_cell(struct xlsx_sheet *sh, uint32_t row, uint16_t col,
    struct cal_date d)
{
	if (d.y == 0)
		return xlsx_write_blank(sh, row, col);
	return xlsx_write_date(sh, row, col, d.y, d.m, d.d,
	    XLSX_DATE_ERA_SHORT);
}

/*
 * When a training was held: its day, or its period as the ward's short
 * 令和 writes one, R11.8.1～8.26, R11.12.18～R12.1.12 (the first day
 * alone hid that 8/1 ran to 8/26: rev18b).
 */
static int
period_cell(struct xlsx_sheet *sh, uint32_t row, uint16_t col,
    const struct training *t)
{
	char	a[CAL_FMT_MAX], b[CAL_FMT_MAX], out[2 * CAL_FMT_MAX + 8];
	const char *e;

	if (t->end_date.y == 0 || cal_cmp(t->end_date, t->date) <= 0)
		return date_cell(sh, row, col, t->date);
	if (cal_format_era(a, sizeof a, t->date, CAL_ERA_SHORT) != 0 ||
	    cal_format_era(b, sizeof b, t->end_date, CAL_ERA_SHORT) != 0)
		return date_cell(sh, row, col, t->date);
	/* within a year its number once: 8.26 after R11.8.1 */
	if (t->date.y != t->end_date.y || (e = strchr(b, '.')) == NULL)
		e = b;
	else
		e++;
	snprintf(out, sizeof out, "%s～%s", a, e);
	return xlsx_write_text(sh, row, col, out);
}

/* "令和8年10月1日現在" for the as-of line. */
static void
as_of(char *out, size_t size, const struct tr_doc_opts *o, const char *src)
{
	struct cal_date	d;
	char		e[CAL_FMT_MAX];

	if (o->date == NULL || cal_parse_iso(&d, o->date) != 0)
		d = cal_today();
	snprintf(out, size, "%s現在　出典：%s", tr_era(e, sizeof e, d), src);
}

/*
 * The year's summary is as of the date asked for; without one, as of
 * today while the year runs and as of its last day once it is over (a
 * summary of 令和7年度 read in 令和9年 is not "令和9年3月31日現在").
 */
static struct cal_date
summary_day(const struct tr_doc_opts *o, int fy)
{
	struct cal_date	d, start, end;

	if (o->date == NULL || cal_parse_iso(&d, o->date) != 0) {
		d = cal_today();
		cal_fy_bounds(&start, &end, fy);
		if (cal_cmp(d, end) > 0)
			d = end;
	}
	return d;
}

static void
summary_as_of(char *out, size_t size, const struct tr_doc_opts *o, int fy)
{
	char		e[CAL_FMT_MAX];

	snprintf(out, size, "%s現在　出典：研修の記録", tr_era(e, sizeof e,
	    summary_day(o, fy)));
}

/*
 * A training's title in a list of one year headed by that year: without
 * the leading "令和7年度 " the title already says, so that the list and
 * the chart's category labels are shorter.
 */
static const char *
short_title(const char *title, const char *fyl)
{
	const char	*s;
	size_t		 n = strlen(fyl);

	if (strncmp(title, fyl, n) != 0)
		return title;
	for (s = title + n;;) {
		if (*s == ' ')
			s++;
		else if (strncmp(s, "　", 3) == 0)
			s += 3;
		else
			break;
	}
	return s != title + n && *s != '\0' ? s : title;
}

/*
 * A training's name as a chart's category label: its short title, cut
 * with "…" after CHART_NAME_MAX characters (the labels of a chart sheet
 * get up to half its 73 characters; the sample's longest name has 25).
 */
#define CHART_NAME_MAX	28

static char *
chart_name(const char *title, const char *fyl)
{
	const char	*s = short_title(title, fyl);
	size_t		 len = strlen(s), i, n;
	uint32_t	 cp;
	char		*out;

	if (text_chars(s, len) <= CHART_NAME_MAX)
		return strdup(s);
	for (i = 0, n = 0; n < CHART_NAME_MAX - 1; n++)
		i += text_utf8_decode(&cp, s + i, len - i);
	if ((out = malloc(i + sizeof "…")) == NULL)
		return NULL;
	memcpy(out, s, i);
	memcpy(out + i, "…", sizeof "…");
	return out;
}

/* ---- results ------------------------------------------------------- */

/*
 * A sheet's or chart's title with the training's name before it: the
 * title is also the page header, and a page printed alone (所属別, 得点分布,
 * a chart) read the same for every training.
 */
static const char *
named(char *buf, size_t size, const struct tr_results *r, const char *s)
{
	snprintf(buf, size, "%s %s", r->t->title, s);
	return buf;
}

/*
 * The same for a chart, with the year as the other sheets' titles have
 * it (令和10年度 was left out to keep the sheet's name short): where the
 * whole is longer than a chart sheet's name (27 characters), what the
 * chart shows on a line of its own, first, so that the sheet is named
 * after it, and the training's name whole on the next line (テストの
 * 得点分布 / 令和10年度 常勤職員向け情報セキュリティ研修).  On one line,
 * 「…：令和8年度 マイナンバー利用事務等従事職員研修（第1回）」 was
 * wrapped by the reader inside its bracket, 「（第1／回）」 (rev21b T1).
 */
static const char *
chart_named(char *buf, size_t size, const struct tr_results *r,
    const char *s)
{
	snprintf(buf, size, "%s %s", r->t->title, s);
	if (text_chars(buf, strlen(buf)) > 27)
		snprintf(buf, size, "%s\n%s", s, r->t->title);
	return buf;
}

/* 令和8年4月3日（金）～令和8年4月28日（火） on two lines, after its ～. */
static int
period_lines(struct buf *b)
{
	const char	*sep = "～", *p;
	struct buf	 o = BUF_INIT;
	int		 rc;

	/* a single day's 　10:00～12:00 is left on its line */
	if ((p = strstr(b->data, "）～")) == NULL)
		return 0;
	p += strlen("）") + strlen(sep);
	buf_printf(&o, "%.*s\n%s", (int)(p - b->data), b->data, p);
	if ((rc = buf_ok(&o)) == 0) {
		buf_reset(b);
		buf_puts(b, o.data);
		rc = buf_ok(b);
	}
	buf_free(&o);
	return rc;
}

static int
sheet_overview(struct xlsx *x, const struct tr_results *r, struct store *st,
    const char *note)
{
	static const struct xlsx_column cols[] = {
		{ "項目", 0, 24 },
		{ "値", XLSX_COL_BREAK, 50 },
	};
	const struct training	*t = r->t;
	struct xlsx_sheet	*sh;
	struct buf		 b = BUF_INIT;
	uint32_t		 row;
	char			 v[64];
	int			 rc;

	if ((rc = xlsx_add_sheet(&sh, x, "概要", 0)) != 0 ||
	    (rc = xlsx_title(sh, t->title, note)) != 0 ||
	    (rc = xlsx_table(&row, sh, cols, 2)) != 0)
		return rc;
	tr_when(&b, t);
	if ((rc = buf_ok(&b)) != 0)
		return rc;
	/*
	 * a period a line a date: left to the wrapping it broke as
	 * 令和10年9月11日 / （月）
	 */
	if ((rc = period_lines(&b)) != 0)
		return rc;
	xlsx_write_text(sh, row, 0, "対象者");
	xlsx_write_text(sh, row++, 1, tr_label(st, "audience", t->audience));
	xlsx_write_text(sh, row, 0, "実施日");
	xlsx_write_text(sh, row++, 1, b.data);
	xlsx_write_text(sh, row, 0, "実施方法");
	xlsx_write_text(sh, row++, 1, tr_label(st, "method", t->method));
	xlsx_write_text(sh, row, 0, "対象者数");
	count(sh, row++, 1, r->target);
	xlsx_write_text(sh, row, 0, "受講者数");
	count(sh, row++, 1, r->attended);
	xlsx_write_text(sh, row, 0, "受講率");
	rate(sh, row++, 1, r->attend_rate);
	xlsx_write_text(sh, row, 0, "アンケート回答者数");
	count(sh, row++, 1, r->survey_rows || r->respondents > 0 ?
	    (long)r->respondents : -1);
	xlsx_write_text(sh, row, 0, "満足度");
	rate(sh, row++, 1, r->satisfaction);
	xlsx_write_text(sh, row, 0, "テスト受験者数");
	count(sh, row++, 1, r->test_rows || r->examinees > 0 ?
	    (long)r->examinees : -1);
	xlsx_write_text(sh, row, 0, "平均正答率");
	rate(sh, row++, 1, r->mean);
	if (r->test_rows) {
		xlsx_write_text(sh, row, 0, "合格基準（正答率）");
		rate(sh, row++, 1, r->pass_mark);
		xlsx_write_text(sh, row, 0, "合格者数");
		count(sh, row++, 1, (long)r->passed);
		xlsx_write_text(sh, row, 0, "合格率");
		rate(sh, row++, 1, r->pass_rate);
		xlsx_write_text(sh, row, 0, "見直しが必要な問題");
		snprintf(v, sizeof v, "%zu問（設問分析シート）", r->nflagged);
		xlsx_write_text(sh, row++, 1, v);
	}
	buf_free(&b);
	return 0;
}

/*
 * 所属別の受講状況 with a 計 row; 対象者数 and 受講率 only when the
 * records hold the divisions' target counts, never a column of "－".
 */
static int
sheet_orgs(struct xlsx *x, const struct tr_results *r, const char *note)
{
	char			 tb[2048];
	static const struct xlsx_column cols[] = {
		{ "部", 0, 0 },
		{ "課", 0, 0 },
		{ "対象者数", 0, 10 },
		{ "受講者数", 0, 10 },
		{ "受講率", 0, 10 },
	};
	static const struct xlsx_column ncols[] = {
		{ "部", 0, 0 },
		{ "課", 0, 0 },
		{ "受講者数", 0, 10 },
	};
	struct xlsx_sheet	*sh;
	uint32_t		 row;
	size_t			 i;
	long			 target = 0, attended = 0;
	int			 rc, known = 0;

	if (r->norgs == 0)
		return 0;
	for (i = 0; i < r->norgs; i++)
		known |= r->orgs[i].target >= 0;
	if ((rc = xlsx_add_sheet(&sh, x, "所属別", 0)) != 0 ||
	    (rc = xlsx_title(sh, named(tb, sizeof tb, r, "所属別の受講状況"),
	    note)) != 0 ||
	    (rc = xlsx_table(&row, sh, known ? cols : ncols, known ? 5 : 3))
	    != 0)
		return rc;
	for (i = 0; i < r->norgs; i++, row++) {
		const struct tr_org_stat *o = &r->orgs[i];

		xlsx_write_text(sh, row, 0, o->dept != NULL ? o->dept :
		    o->name);
		xlsx_write_text(sh, row, 1, o->dept != NULL ? o->name : "");
		attended += o->attended;
		if (target >= 0)
			target = o->target >= 0 ? target + o->target : -1;
		if (!known) {
			count(sh, row, 2, o->attended);
			continue;
		}
		count(sh, row, 2, o->target);
		count(sh, row, 3, o->attended);
		rate(sh, row, 4, o->target > 0 ? 100.0 * o->attended /
		    o->target : NAN);
	}
	xlsx_write_text(sh, row, 0, "計");
	xlsx_write_text(sh, row, 1, "");
	if (!known)
		return count(sh, row, 2, attended);
	count(sh, row, 2, target);
	count(sh, row, 3, attended);
	return rate(sh, row, 4, target > 0 ? 100.0 * attended / target :
	    NAN);
}

static int
sheet_survey(struct xlsx *x, const struct tr_results *r, struct store *st,
    const char *note)
{
	char			 tb[2048];
	static const struct xlsx_column cols[] = {
		{ "No.", XLSX_COL_CENTER, 5 },
		{ "設問", XLSX_COL_BREAK, 52 },
		{ "形式", XLSX_COL_CENTER, 13 },
		{ "回答数", 0, 9 },
		{ "肯定的回答", 0, 11 },
		{ "平均（5段階）", 0, 13 },
	};
	static const struct xlsx_column dcols[] = {
		{ "No.", XLSX_COL_CENTER, 5 },
		{ "設問", XLSX_COL_BREAK, 52 },
		{ "選択肢", XLSX_COL_BREAK, 26 },
		{ "人数", 0, 9 },
		{ "割合", 0, 9 },
	};
	struct xlsx_sheet	*sh, *dt;
	uint32_t		 row, drow;
	size_t			 i, c;
	char			 no[32];
	int			 rc;

	if (r->nsurvey == 0)
		return 0;
	if ((rc = xlsx_add_sheet(&sh, x, "アンケート", XLSX_LANDSCAPE)) != 0 ||
	    (rc = xlsx_title(sh, named(tb, sizeof tb, r,
	    "アンケートの設問別集計"), note)) != 0 ||
	    (rc = xlsx_table(&row, sh, cols, 6)) != 0 ||
	    (rc = xlsx_add_sheet(&dt, x, "アンケート内訳", XLSX_LANDSCAPE)) !=
	    0 || (rc = xlsx_title(dt, named(tb, sizeof tb, r,
	    "アンケートの回答の内訳"), note)) != 0 ||
	    (rc = xlsx_table(&drow, dt, dcols, 5)) != 0)
		return rc;
	for (i = 0; i < r->nsurvey; i++, row++) {
		const struct tr_survey_stat *s = &r->survey[i];

		snprintf(no, sizeof no, "%zu", i + 1);
		xlsx_write_text(sh, row, 0, no);
		xlsx_write_text(sh, row, 1, s->q->text);
		xlsx_write_text(sh, row, 2, tr_label(st, "survey_items.type",
		    tr_qtype_name(s->q->type)));
		count(sh, row, 3, (long)s->n);
		rate(sh, row, 4, s->q->type == TR_Q_SCALE ? 100 * s->top2 :
		    NAN);
		if (s->q->type == TR_Q_SCALE && !isnan(s->mean))
			xlsx_write_number(sh, row, 5, s->mean, XLSX_NUM_DEC);
		else
			xlsx_write_text(sh, row, 5, "－");
		for (c = 0; c < s->q->nchoices; c++, drow++) {
			xlsx_write_text(dt, drow, 0, no);
			xlsx_write_text(dt, drow, 1, s->q->text);
			xlsx_write_text(dt, drow, 2, s->q->choices[c]);
			count(dt, drow, 3, (long)s->picks[c]);
			rate(dt, drow, 4, s->n > 0 ? 100.0 * (double)s->picks[c] /
			    (double)s->n : NAN);
		}
	}
	xlsx_note(sh, row + 1, "肯定的回答：5段階評価の上位2段階の割合。平均：最も"
	    "肯定的な回答を5とした値。複数選択の割合は回答者に対する値"
	    "（内訳シート）。");
	return 0;
}

/*
 * The share of the best two answers of each scale question: a small
 * table, and its chart on a chart sheet of its own (the model the report
 * draws too).
 */
static int
chart_survey(struct xlsx *x, const struct tr_results *r)
{
	char			 tb[2048];
	struct xlsx_sheet	*sh;
	struct chart		*m = NULL;
	int			 rc;

	if ((rc = tr_chart_survey(&m, r)) != 0 || m == NULL)
		return rc;
	/*
	 * titled with the training's name as the test's charts are, so
	 * that two trainings' chart pages printed together can be told
	 * apart; the values on the bars as they have them too
	 */
	free(m->title);
	if ((m->title = strdup(chart_named(tb, sizeof tb, r,
	    "アンケートの肯定的回答の割合"))) == NULL)
		rc = error_set(NC_ENOMEM, "out of memory");
	if (rc == 0)
		rc = chart_set_labels(m, 1);
	/*
	 * Its figures on a hidden sheet: they are the アンケート sheet's
	 * 肯定的回答 column, and shown the sheet printed a page of seven
	 * small lines that only carried the chart's data.
	 */
	if (rc == 0 && (rc = xlsx_add_sheet(&sh, x, "肯定的回答",
	    XLSX_HIDDEN)) == 0 &&
	    (rc = xlsx_title(sh, named(tb, sizeof tb, r,
	    "アンケート：設問別の肯定的回答の割合"),
	    "肯定的回答：5段階評価の上位2段階の割合")) == 0)
		rc = xlsx_chart_table(sh, m);
	chart_free(m);
	return rc;
}

static int
sheet_texts(struct xlsx *x, const struct tr_results *r, const char *note)
{
	char			 tb[2048];
	static const struct xlsx_column cols[] = {
		{ "設問", XLSX_COL_CENTER, 6 },
		{ "No.", XLSX_COL_CENTER, 6 },
		{ "回答（個人番号と思われる数字は伏せ字）", XLSX_COL_BREAK,
		    90 },
	};
	struct xlsx_sheet	*sh;
	uint32_t		 row;
	size_t			 i, k, n = 0;
	char			 a[32], b[32];
	int			 rc;

	for (i = 0; i < r->nsurvey; i++)
		n += r->survey[i].ntexts;
	if (n == 0)
		return 0;
	if ((rc = xlsx_add_sheet(&sh, x, "自由記述", 0)) != 0 ||
	    (rc = xlsx_title(sh, named(tb, sizeof tb, r,
	    "アンケートの自由記述"), note)) != 0 ||
	    (rc = xlsx_table(&row, sh, cols, 3)) != 0)
		return rc;
	for (i = 0; i < r->nsurvey; i++) {
		for (k = 0; k < r->survey[i].ntexts; k++, row++) {
			snprintf(a, sizeof a, "%zu", i + 1);
			snprintf(b, sizeof b, "%zu", k + 1);
			xlsx_write_text(sh, row, 0, a);
			xlsx_write_text(sh, row, 1, b);
			xlsx_write_text(sh, row, 2, r->survey[i].texts[k]);
		}
	}
	return 0;
}

static int
sheet_scores(struct xlsx *x, const struct tr_results *r, const char *note,
    struct xlsx_sheet **out, uint32_t *first, uint32_t *last)
{
	char			 tb[2048];
	size_t			 sum = 0;
	static const struct xlsx_column cols[] = {
		{ "正答数", XLSX_COL_CENTER, 10 },
		{ "人数", 0, 10 },
		{ "割合", 0, 10 },
	};
	struct xlsx_sheet	*sh;
	uint32_t		 row;
	size_t			 i;
	char			 a[32];
	int			 rc;

	*out = NULL;
	if (r->hist == NULL)
		return 0;
	if ((rc = xlsx_add_sheet(&sh, x, "得点分布", 0)) != 0 ||
	    (rc = xlsx_title(sh, named(tb, sizeof tb, r, "テストの得点分布"),
	    note)) != 0 ||
	    (rc = xlsx_table(&row, sh, cols, 3)) != 0)
		return rc;
	*first = row;
	for (i = 0; i <= r->nq; i++, row++) {
		snprintf(a, sizeof a, "%zu問", i);
		xlsx_write_text(sh, row, 0, a);
		count(sh, row, 1, (long)r->hist[i]);
		rate(sh, row, 2, r->examinees > 0 ? 100.0 *
		    (double)r->hist[i] / (double)r->examinees : NAN);
		sum += r->hist[i];
	}
	/* the 計 of the ward's tables (41 / 100.0%), not charted */
	*last = row - 1;
	xlsx_write_text(sh, row, 0, "計");
	count(sh, row, 1, (long)sum);
	rate(sh, row, 2, r->examinees > 0 ? 100.0 * (double)sum /
	    (double)r->examinees : NAN);
	*out = sh;
	return 0;
}

/*
 * 設問分析, and the column of its 正答率 (*rate_col) for the chart.  主題
 * only where an item has one: a bank without topics printed a column
 * empty in every row (as the 相談業務実施報告書 leaves out 同席).
 */
static int
sheet_items(struct xlsx *x, const struct tr_results *r, const char *note,
    struct xlsx_sheet **out, uint16_t *rate_col)
{
	char			 tb[2048];
	static const struct xlsx_column all[] = {
		{ "問", XLSX_COL_CENTER, 6 },
		/* マイナンバーの / 取扱い, not against 問題's text */
		{ "主題", XLSX_COL_BREAK | XLSX_COL_PHRASE, 16 },
		{ "問題", XLSX_COL_BREAK, 50 },
		{ "正答率", 0, 9 },
		{ "識別力", 0, 9 },
		{ "無回答", 0, 9 },
		/* centred: left, it read 0易しすぎ after 無回答's digit */
		{ "判定", XLSX_COL_CENTER | XLSX_COL_BREAK, 20 },
	};
	struct xlsx_column	 cols[7];
	struct xlsx_sheet	*sh;
	uint32_t		 row;
	uint16_t		 t, c;
	size_t			 i, n;
	char			 a[32], f[96];
	int			 rc;

	*out = NULL;
	if (r->nitems == 0)
		return 0;
	for (i = 0, t = 0; i < r->nitems && !t; i++)
		t = r->items[i].q->topic != NULL &&
		    *r->items[i].q->topic != '\0';
	for (i = 0, n = 0; i < 7; i++)
		if (i != 1 || t)
			cols[n++] = all[i];
	if ((rc = xlsx_add_sheet(&sh, x, "設問分析", XLSX_LANDSCAPE)) != 0 ||
	    (rc = xlsx_title(sh, named(tb, sizeof tb, r,
	    "テストの問題別正答率と識別力"), note)) != 0 ||
	    (rc = xlsx_table(&row, sh, cols, n)) != 0)
		return rc;
	*rate_col = 2 + t;
	for (i = 0; i < r->nitems; i++, row++) {
		const struct tr_item_stat *it = &r->items[i];

		snprintf(a, sizeof a, "問%zu", i + 1);
		snprintf(f, sizeof f, "%s%s%s%s%s",
		    it->flags & TR_FLAG_EASY ? "易しすぎ" : "",
		    (it->flags & TR_FLAG_EASY) && (it->flags & ~TR_FLAG_EASY) ?
		    "、" : "", it->flags & TR_FLAG_HARD ? "難しすぎ" : "",
		    (it->flags & TR_FLAG_HARD) && (it->flags & TR_FLAG_NODISC) ?
		    "、" : "", it->flags & TR_FLAG_NODISC ? "識別力が低い" : "");
		c = 0;
		xlsx_write_text(sh, row, c++, a);
		if (t)
			xlsx_write_text(sh, row, c++, it->q->topic);
		xlsx_write_text(sh, row, c++, it->q->text);
		rate(sh, row, c++, isnan(it->p) ? NAN : 100 * it->p);
		if (isnan(it->d))
			xlsx_write_text(sh, row, c++, "－");
		else
			xlsx_write_number(sh, row, c++, it->d, XLSX_NUM_DEC);
		count(sh, row, c++, (long)it->blank);
		xlsx_write_text(sh, row, c, f);
	}
	xlsx_note(sh, row + 1, "識別力：他の問題の得点で上位27%の受験者の正答率－下位"
	    "27%の正答率。"
	    "正答率90%超は易しすぎ、30%未満は難しすぎ、識別力0.2未満は識別力が"
	    "低いと判定。");
	*out = sh;
	return 0;
}

int
tr_results_xlsx(const char *path, const struct tr_results *r,
    struct store *st, const struct tr_doc_opts *o)
{
	char			 tb[2048];
	struct xlsx		*x = NULL;
	struct xlsx_props	 props;
	struct xlsx_sheet	*sc = NULL, *it = NULL;
	struct xlsx_chart	 ch;
	/* a title is 200 characters, 800 bytes at most: title[512] cut it */
	char			 note[256], title[1024];
	uint16_t		 col, rate_col = 0;
	uint32_t		 sc_first = 0, sc_last = 0;
	int			 rc;

	if (tr_report_missing(r) != NULL)
		return error_set(NC_EINVALID, "no results for '%s': %s",
		    r->t->title, tr_report_missing(r));
	as_of(note, sizeof note, o, "研修の回答データ");
	snprintf(title, sizeof title, "%s 結果", r->t->title);
	memset(&props, 0, sizeof props);
	props.title = title;
	props.created = o->created;
	if ((rc = xlsx_new(&x, path, &props)) != 0)
		return rc;
	if ((rc = sheet_overview(x, r, st, note)) != 0 ||
	    (rc = sheet_orgs(x, r, note)) != 0 ||
	    (rc = sheet_survey(x, r, st, note)) != 0 ||
	    (rc = sheet_texts(x, r, note)) != 0 ||
	    (rc = sheet_scores(x, r, note, &sc, &sc_first, &sc_last)) != 0 ||
	    (rc = sheet_items(x, r, note, &it, &rate_col)) != 0)
		goto done;
	if ((rc = chart_survey(x, r)) != 0)
		goto done;
	if (sc != NULL) {
		memset(&ch, 0, sizeof ch);
		col = 1;
		ch.type = XLSX_CHART_COLUMN;
		ch.title = chart_named(tb, sizeof tb, r, "テストの得点分布");
		ch.first_row = sc_first;
		ch.last_row = sc_last;
		ch.x_title = "正答数";
		ch.y_title = "人数";
		ch.cat_col = 0;
		ch.val_cols = &col;
		ch.nval = 1;
		if ((rc = xlsx_add_chart(sc, &ch)) != 0)
			goto done;
	}
	if (it != NULL) {
		memset(&ch, 0, sizeof ch);
		col = rate_col;
		ch.type = XLSX_CHART_COLUMN;
		ch.title = chart_named(tb, sizeof tb, r, "問題別の正答率");
		/* as the 得点分布's chart has them */
		ch.x_title = "問題";
		ch.y_title = "正答率";
		ch.cat_col = 0;
		ch.val_cols = &col;
		ch.nval = 1;
		ch.y_pct = 1;
		if ((rc = xlsx_add_chart(it, &ch)) != 0)
			goto done;
	}
	rc = xlsx_save(x);
done:
	xlsx_free(x);
	return rc;
}

/* ---- the year's summary ------------------------------------------- */

/*
 * A kind of training counted in the unit of its yearly volume, as the
 * 業務項目別実績 counts it (report.c): 情報セキュリティ研修 by
 * 対象者区分 (the 担当者研修's 第1回 and 第2回 are one), デジタル人材
 * 育成研修 by kind (plan_key), マイナンバー研修 by session.  Counted in
 * sessions beside 年間の想定 9 区分, 計画 10 read as one more planned.
 */
struct kindrow {
	const char	*kind;
	const char	*expect_key;	/* config expectations */
	const char	*unit;		/* unless the config schema says */
	int		 by;		/* 0 session, 1 audience, 2 plan_key */
	/* the keys planned (not cancelled), held and cancelled */
	const char	**pk, **hk, **ck;
	size_t		 npk, nhk, nck;
};

/* Add key to v (of n) unless there. */
static void
key_add(const char **v, size_t *n, const char *key)
{
	size_t	i;

	for (i = 0; i < *n; i++)
		if (strcmp(v[i], key) == 0)
			return;
	v[(*n)++] = key;
}

static int
key_has(const char *const *v, size_t n, const char *key)
{
	size_t	i;

	for (i = 0; i < n; i++)
		if (strcmp(v[i], key) == 0)
			return 1;
	return 0;
}

/* The unit of an expectation from its title in the config schema
 * ("情報セキュリティ研修（対象者区分）"), else def. */
static const char *
expect_unit(char *out, size_t size, struct store *st, const char *key,
    const char *def)
{
	const struct schemaset	*set;
	const struct schema	*cs, *ps;
	const char		*t, *open;
	char			 path[96];
	size_t			 n;

	snprintf(out, size, "%s", def);
	snprintf(path, sizeof path, "expectations.%s", key);
	if (store_schemas(&set, st, NULL) != 0 ||
	    (cs = schemaset_kind(set, "config")) == NULL ||
	    (ps = schema_at(cs, path)) == NULL ||
	    (t = schema_title(ps)) == NULL ||
	    (open = strstr(t, "（")) == NULL || (n = strlen(open)) < 7 ||
	    strcmp(open + n - 3, "）") != 0) {
		error_clear();
		return out;
	}
	snprintf(out, size, "%.*s", (int)(n - 6), open + 3);
	return out;
}

/*
 * A training's figures the summary shows (受講率 of a training held,
 * 満足度, 平均正答率), NAN where it shows none.
 */
static void
shown_figures(double v[3], const struct tr_results *r)
{
	const struct training	*t = r->t;
	int			 held = strcmp(t->status, "held") == 0 ||
	    strcmp(t->status, "reported") == 0;

	v[0] = held ? r->attend_rate : NAN;
	v[1] = r->satisfaction;
	v[2] = r->mean;
}

#define YOY_NCOLS	6

/*
 * 前年度比較: each training of the year against last year's same
 * training (tr_last_year(): the kind and audience, the title where
 * several), a row for each figure of 研修一覧 both years have, in the
 * order of every comparison (前年度, 今年度, 増減 in points, ＋4.9 /
 * ▲1.0, the difference of the rates shown).  Without a training of
 * last year's to compare, no sheet: a sheet of dashes said nothing.
 */
static int
sheet_yoy(struct xlsx *x, struct store *st, const struct tr_list *l, int fy,
    const char *fyl, const char *note)
{
	static const char *const fig[3] = { "受講率", "満足度", "平均正答率" };
	char			 py[CAL_FMT_MAX], title[256], no[32];
	struct xlsx_fit_col	 fc[YOY_NCOLS] = {
		{ { "No.", XLSX_COL_CENTER, 5 }, XLSX_FIT_FIXED },
		{ { "研修名", XLSX_COL_BREAK, 44 }, XLSX_FIT_TEXT },
		/* 平均正答率 on one line: a wrapped cell keeps a character's room */
		{ { "項目", 0, 13 }, XLSX_FIT_FIXED },
		{ { py, 0, 12 }, XLSX_FIT_FIXED },
		{ { fyl, 0, 12 }, XLSX_FIT_FIXED },
		/* 増減 / （ポイント） */
		{ { "増減（ポイント）", XLSX_COL_BREAK | XLSX_COL_PHRASE, 13 },
		    XLSX_FIT_FIXED },
	};
	struct xlsx_column	 cols[YOY_NCOLS];
	struct tr_list		 pl = { NULL, 0 };
	struct tr_results	*r = NULL, *pr = NULL;
	struct xlsx_sheet	*sh;
	const char		**cells = NULL;
	double			(*now)[3] = NULL, (*was)[3] = NULL;
	size_t			 i, k, n = 0, row0;
	uint32_t		 row;
	int			 rc;

	if (cal_fy_label(py, sizeof py, fy - 1) != 0) {
		error_clear();
		return 0;
	}
	/* last year unreadable: the summary without the comparison */
	if (tr_list_load(&pl, st, fy - 1, TR_LOAD_FULL, NULL) != 0) {
		rc = error_code() == NC_ENOMEM ? NC_ENOMEM : 0;
		if (rc == 0)
			error_clear();
		return rc;
	}
	if (pl.n == 0 || l->n == 0)
		goto done_ok;
	if ((now = calloc(l->n, sizeof *now)) == NULL ||
	    (was = calloc(l->n, sizeof *was)) == NULL ||
	    (cells = calloc(3 * l->n * YOY_NCOLS, sizeof *cells)) == NULL) {
		rc = error_set(NC_ENOMEM, "out of memory");
		goto done;
	}
	for (i = 0; i < l->n; i++) {
		const struct training	*o;

		for (k = 0; k < 3; k++)
			now[i][k] = was[i][k] = NAN;
		if (strcmp(l->v[i]->status, "cancelled") == 0 ||
		    (o = tr_last_year(l->v[i], &pl)) == NULL)
			continue;
		/* the figures only: the item analysis was 40 % of the export */
		if ((rc = tr_results_figures(&r, l->v[i])) != 0 ||
		    (rc = tr_results_figures(&pr, o)) != 0)
			goto done;
		shown_figures(now[i], r);
		shown_figures(was[i], pr);
		tr_results_free(r);
		tr_results_free(pr);
		r = pr = NULL;
		for (k = 0, row0 = n; k < 3; k++) {
			if (isnan(now[i][k]) || isnan(was[i][k]))
				continue;
			/* the name on the training's first row */
			if (n == row0)
				cells[n * YOY_NCOLS + 1] = short_title(
				    l->v[i]->title, fyl);
			n++;
		}
	}
	if (n == 0)
		goto done_ok;
	snprintf(title, sizeof title, "研修の前年度との比較（%s → %s）", py,
	    fyl);
	if ((rc = xlsx_add_sheet(&sh, x, "前年度比較", 0)) != 0 ||
	    (rc = xlsx_title(sh, title, note)) != 0 ||
	    (rc = xlsx_fit_sheet(sh, cols, fc, YOY_NCOLS, cells, n, 0, 0,
	    NULL)) != 0 ||
	    (rc = xlsx_table(&row, sh, cols, YOY_NCOLS)) != 0)
		goto done;
	for (i = 0; i < l->n; i++) {
		int	first = 1;

		for (k = 0; k < 3; k++) {
			if (isnan(now[i][k]) || isnan(was[i][k]))
				continue;
			/* the No. of 研修一覧, the name once a training */
			snprintf(no, sizeof no, "%zu", i + 1);
			xlsx_write_text(sh, row, 0, first ? no : NULL);
			xlsx_write_text(sh, row, 1, first ?
			    short_title(l->v[i]->title, fyl) : NULL);
			xlsx_write_text(sh, row, 2, fig[k]);
			rate(sh, row, 3, was[i][k]);
			rate(sh, row, 4, now[i][k]);
			xlsx_write_number(sh, row, 5, tr_points(now[i][k],
			    was[i][k]), XLSX_NUM_DIFF);
			first = 0;
			row++;
		}
	}
	xlsx_note(sh, row + 1, "前年度は、前年度の同じ研修（種類と対象者が"
	    "同じ研修）の値。両年度にある項目のみ示す。");
done_ok:
	rc = 0;
done:
	tr_results_free(r);
	tr_results_free(pr);
	free(now);
	free(was);
	free(cells);
	tr_list_free(&pl);
	return rc;
}

#define LIST_NCOLS	14

int
tr_summary_xlsx(const char *path, struct store *st, int fy,
    const struct tr_doc_opts *o)
{
	/*
	 * 研修一覧: widths for the fewest pages at the largest scale
	 * (xlsx_fit_sheet()), the names and labels broken by the writer at
	 * their phrases (情報セキュリティ / 研修), on A4 landscape with
	 * narrow margins: the sample's 14 trainings at 66 %, where the widths
	 * of the content printed them at 51 %.  A date 令和7年12月10日 took
	 * 16, three of them and the figures most of the page: the dates
	 * are R7.12.10, the ward's short 令和 of its lists.
	 */
	static const struct xlsx_fit_col fc[LIST_NCOLS] = {
		{ { "No.", XLSX_COL_CENTER, 5 }, XLSX_FIT_FIXED },
		{ { "研修名", XLSX_COL_BREAK, 44 }, XLSX_FIT_TEXT },
		{ { "種類", XLSX_COL_BREAK | XLSX_COL_PHRASE, 0 },
		    XLSX_FIT_TEXT },
		{ { "対象者", XLSX_COL_BREAK | XLSX_COL_PHRASE, 0 },
		    XLSX_FIT_TEXT },
		{ { "実施方法", 0, 0 }, XLSX_FIT_CODE },
		{ { "実施日", XLSX_COL_CENTER, 14 }, XLSX_FIT_FIXED },
		{ { "状況", XLSX_COL_CENTER, 8 }, XLSX_FIT_CODE },
		{ { "対象者数", 0, 9 }, XLSX_FIT_FIXED },
		{ { "受講者数", 0, 9 }, XLSX_FIT_FIXED },
		{ { "受講率", 0, 9 }, XLSX_FIT_FIXED },
		{ { "満足度", 0, 9 }, XLSX_FIT_FIXED },
		{ { "平均正答率", 0, 10 }, XLSX_FIT_FIXED },
		{ { "報告書の\n期限", XLSX_COL_CENTER, 10 }, XLSX_FIT_FIXED },
		{ { "報告書の\n提出日", XLSX_COL_CENTER, 10 }, XLSX_FIT_FIXED },
	};
	struct xlsx_column	 cols[LIST_NCOLS];
	struct xlsx_fit_col	 fcv[LIST_NCOLS];
	size_t			 ncols = LIST_NCOLS;
	const char		**cells = NULL;
	static const struct xlsx_column kcols[] = {
		{ "研修の種類", 0, 0 },
		{ "単位", XLSX_COL_CENTER, 14 },
		{ "年間の想定（仕様書）", 0, 22 },
		{ "計画", 0, 8 },
		{ "実施済", 0, 8 },
		{ "中止", 0, 8 },
		{ "未実施", 0, 8 },
	};
	struct kindrow		 kr[3] = {
		{ "security", "security_trainings", "対象者区分", 1, NULL,
		    NULL, NULL, 0, 0, 0 },
		{ "digital", "digital_trainings", "種類", 2, NULL, NULL, NULL,
		    0, 0, 0 },
		{ "mynumber", "mynumber_trainings", "回", 0, NULL, NULL, NULL,
		    0, 0, 0 },
	};
	struct buf		 multi = BUF_INIT, kline = BUF_INIT;
	char			 unit[64], ctitle[128], ktitle[128];
	struct tr_list		 l = { NULL, 0 };
	struct tr_results	*r = NULL;
	struct xlsx		*x = NULL;
	struct xlsx_props	 props;
	struct xlsx_sheet	*sh, *ks, *gs;
	struct chart		*m = NULL;
	const struct node	*conf, *exp;
	char			**names = NULL;
	char			 note[256], title[256], fyl[CAL_FMT_MAX], no[32];
	char			 vtitle[256];
	double			*att = NULL, *sat = NULL;
	uint32_t		 row;
	size_t			 i, k;
	struct tr_plan		*plan = NULL;
	struct cal		*cal = NULL;
	struct cal_date		 due;
	int			 rc, notheld = 0, nosurvey = 0, nodue = 0;
	int			 anydue = 0, needrep = 0;

	if ((rc = tr_list_load(&l, st, fy, TR_LOAD_FULL, NULL)) != 0)
		return rc;
	/* the rule needs the calendar; without it, the records' dates */
	if ((plan = tr_report_rule(st)) != NULL && tr_cal_load(&cal, st) != 0) {
		tr_plan_free(plan);
		plan = NULL;
		error_clear();
	}
	cal_fy_label(fyl, sizeof fyl, fy);
	snprintf(title, sizeof title, "%s 研修実施状況", fyl);
	summary_as_of(note, sizeof note, o, fy);
	memset(&props, 0, sizeof props);
	props.title = title;
	props.created = o->created;
	if ((rc = xlsx_new(&x, path, &props)) != 0)
		goto done;
	/*
	 * 報告書の期限 only where a training has one (in the records or by
	 * the plan's rule): a column of 「－」 in every row said nothing (g4
	 * FY2029, no rule and no deadline recorded); the note says why
	 * it is left out
	 */
	for (i = 0; i < l.n; i++) {
		anydue |= tr_report_due(l.v[i], plan, cal).y != 0;
		needrep |= training_needs_report(l.v[i]);
	}
	for (i = k = 0; i < LIST_NCOLS; i++)
		if (i != 12 || anydue)
			fcv[k++] = fc[i];
	ncols = k;
	if (l.n > 0 && ((cells = calloc(l.n * ncols, sizeof *cells)) ==
	    NULL || (att = calloc(l.n, sizeof *att)) == NULL ||
	    (sat = calloc(l.n, sizeof *sat)) == NULL)) {
		rc = error_set(NC_ENOMEM, "out of memory");
		goto done;
	}
	for (k = 0; k < 3; k++)
		if ((kr[k].pk = calloc(l.n + 1, sizeof *kr[k].pk)) == NULL ||
		    (kr[k].hk = calloc(l.n + 1, sizeof *kr[k].hk)) == NULL ||
		    (kr[k].ck = calloc(l.n + 1, sizeof *kr[k].ck)) == NULL) {
			rc = error_set(NC_ENOMEM, "out of memory");
			goto done;
		}
	for (i = 0; i < l.n; i++) {
		const struct training	*t = l.v[i];
		const char		**c = cells + i * ncols;

		c[1] = short_title(t->title, fyl);
		c[2] = tr_label(st, "kind", t->kind);
		c[3] = tr_label(st, "audience", t->audience);
		c[4] = tr_label(st, "method", t->method);
		c[6] = tr_label(st, "status", t->status);
	}
	if ((rc = xlsx_add_sheet(&sh, x, "研修一覧", XLSX_LANDSCAPE |
	    XLSX_NARROW)) != 0 ||
	    (rc = xlsx_title(sh, title, note)) != 0 ||
	    (rc = xlsx_fit_sheet(sh, cols, fcv, ncols, cells, l.n, 0, 0,
	    NULL)) != 0 ||
	    (rc = xlsx_table(&row, sh, cols, ncols)) != 0)
		goto done;
	for (i = 0; i < l.n; i++, row++) {
		const struct training *t = l.v[i];
		int held = strcmp(t->status, "held") == 0 ||
		    strcmp(t->status, "reported") == 0;

		if ((rc = tr_results_compute(&r, t, st, NAN)) != 0)
			goto done;
		snprintf(no, sizeof no, "%zu", i + 1);
		xlsx_write_text(sh, row, 0, no);
		xlsx_write_text(sh, row, 1, short_title(t->title, fyl));
		xlsx_write_text(sh, row, 2, tr_label(st, "kind", t->kind));
		xlsx_write_text(sh, row, 3, tr_label(st, "audience",
		    t->audience));
		xlsx_write_text(sh, row, 4, tr_label(st, "method", t->method));
		period_cell(sh, row, 5, t);
		xlsx_write_text(sh, row, 6, tr_label(st, "status", t->status));
		count(sh, row, 7, r->target);
		count(sh, row, 8, held ? r->attended : -1);
		rate(sh, row, 9, held ? r->attend_rate : NAN);
		rate(sh, row, 10, r->satisfaction);
		/* the chart's figures, as the cells show them */
		att[i] = held && !isnan(r->attend_rate) ? r->attend_rate /
		    100.0 : NAN;
		sat[i] = isnan(r->satisfaction) ? NAN : r->satisfaction /
		    100.0;
		notheld |= isnan(att[i]) && isnan(sat[i]);
		nosurvey |= !isnan(att[i]) && isnan(sat[i]);
		rate(sh, row, 11, r->mean);
		/*
		 * a report due with no deadline in the records nor by the
		 * plan's rule: 「－」 and a note, not a blank that reads as
		 * no report (the trainings without a survey or a test)
		 */
		due = tr_report_due(t, plan, cal);
		if (!anydue)
			;
		else if (due.y == 0 && training_needs_report(t)) {
			xlsx_write_text(sh, row, 12, "－");
			nodue = 1;
		} else
			date_cell(sh, row, 12, due);
		/*
		 * past its deadline on the sheet's date and not submitted:
		 * said, a blank beside 実施済 read as nothing due (rev20 T9)
		 */
		if (t->report_submitted.y == 0 && due.y != 0 && held &&
		    cal_cmp(due, summary_day(o, fy)) < 0)
			xlsx_write_text(sh, row, (uint16_t)(ncols - 1),
			    "未提出\n期限超過");
		else
			date_cell(sh, row, (uint16_t)(ncols - 1),
			    t->report_submitted);
		for (k = 0; k < 3; k++) {
			const char *key;

			if (t->kind == NULL || strcmp(t->kind, kr[k].kind) != 0)
				continue;
			/* a session its own key: the record's id */
			key = kr[k].by == 1 && t->audience != NULL ?
			    t->audience : kr[k].by == 2 && t->plan_key != NULL ?
			    t->plan_key : kr[k].by != 0 ? t->title : t->id;
			if (key == NULL)
				key = t->title;
			if (strcmp(t->status, "cancelled") == 0) {
				key_add(kr[k].ck, &kr[k].nck, key);
				continue;
			}
			key_add(kr[k].pk, &kr[k].npk, key);
			if (held)
				key_add(kr[k].hk, &kr[k].nhk, key);
		}
		tr_results_free(r);
		r = NULL;
	}
	if (l.n == 0)
		xlsx_note(sh, row + 1, "この年度の研修はまだない。");
	else if (nodue)
		xlsx_note(sh, row + 1, "報告書の期限の「－」は、提出期限が記録に"
		    "ないもの（期限は仕様書4により区と定める）。");
	else if (!anydue && needrep)
		xlsx_note(sh, row + 1, "研修実施報告書の提出期限は記録になく"
		    "（期限は仕様書4により区と定める）、期限の列は設けていない。");
	/*
	 * planned vs held, against the specification's yearly volumes;
	 * the year in the title, as 研修一覧 and the chart have it
	 */
	snprintf(ktitle, sizeof ktitle, "%s 研修の種類別の計画と実施", fyl);
	if ((rc = xlsx_add_sheet(&ks, x, "年間実績", 0)) != 0 ||
	    (rc = xlsx_title(ks, ktitle, note)) != 0 ||
	    (rc = xlsx_table(&row, ks, kcols, 7)) != 0)
		goto done;
	exp = NULL;
	if (store_config(&conf, st) == 0)
		exp = node_get(conf, "expectations");
	error_clear();
	for (k = 0; k < 3; k++, row++) {
		size_t j, nc = 0;

		/* cancelled: a key with no session left planned */
		for (j = 0; j < kr[k].nck; j++)
			nc += !key_has(kr[k].pk, kr[k].npk, kr[k].ck[j]);
		xlsx_write_text(ks, row, 0, tr_label(st, "kind", kr[k].kind));
		xlsx_write_text(ks, row, 1, expect_unit(unit, sizeof unit, st,
		    kr[k].expect_key, kr[k].unit));
		count(ks, row, 2, tr_long(exp, kr[k].expect_key, -1));
		count(ks, row, 3, (long)kr[k].npk);
		count(ks, row, 4, (long)kr[k].nhk);
		count(ks, row, 5, (long)nc);
		count(ks, row, 6, (long)(kr[k].npk - kr[k].nhk));
	}
	/* the 区分 of more than one session, each named */
	for (i = 0; i < l.n; i++) {
		const struct training *t = l.v[i];
		size_t j, ns = 0;

		if (t->kind == NULL || strcmp(t->kind, "security") != 0 ||
		    t->audience == NULL || strcmp(t->status, "cancelled") == 0)
			continue;
		for (j = 0; j < l.n; j++) {
			const struct training *u = l.v[j];

			if (u->kind != NULL && strcmp(u->kind, "security") ==
			    0 && u->audience != NULL && strcmp(u->audience,
			    t->audience) == 0 && strcmp(u->status,
			    "cancelled") != 0) {
				if (j < i)
					break;
				ns++;
			}
		}
		if (j == l.n && ns > 1)
			buf_printf(&multi, "%s%sの研修%zu回は1区分", multi.len >
			    0 ? "、" : "", tr_label(st, "audience",
			    t->audience), ns);
	}
	/* the list whole, however many its 区分 (line[512] cut it) */
	buf_printf(&kline, "計画・実施済・中止・未実施も同じ単位で数える"
	    "%s%s%s。", multi.len > 0 ? "（" : "", multi.len > 0 ? multi.data :
	    "", multi.len > 0 ? "）" : "");
	if ((rc = buf_ok(&multi)) != 0 || (rc = buf_ok(&kline)) != 0)
		goto done;
	xlsx_note(ks, row + 1, "年間の想定：情報セキュリティ研修は仕様書3(2)イの"
	    "対象者区分の数、");
	xlsx_note(ks, row + 2, "デジタル人材育成研修は年間2種類程度（3(1)イ）、"
	    "マイナンバー研修は年間2回程度（3(1)ウ(イ)）。");
	xlsx_note(ks, row + 3, kline.data);
	/* each training against last year's, beside the year's figures */
	if ((rc = sheet_yoy(x, st, &l, fy, fyl, note)) != 0)
		goto done;
	if (l.n > 0) {
		/* the year, as the sheets' titles give it */
		snprintf(ctitle, sizeof ctitle, "%s 研修別の受講率と満足度",
		    fyl);
		/*
		 * the trainings by name, not by the No. a reader had to look
		 * up in 研修一覧: the names whole on one line, not the cells'
		 * text, broken in two lines by the writer, which stood each
		 * half beside the next one's bars
		 */
		if ((names = calloc(l.n, sizeof *names)) == NULL) {
			rc = error_set(NC_ENOMEM, "out of memory");
			goto done;
		}
		for (i = 0; i < l.n; i++)
			if ((names[i] = chart_name(l.v[i]->title, fyl)) ==
			    NULL) {
				rc = error_set(NC_ENOMEM, "out of memory");
				goto done;
			}
		/*
		 * The value axis' title, under the horizontal bars, says why
		 * a bar is missing (a 満足度 without a bar read as 0 %); no
		 * category axis title: the names say 研修, and it stood on
		 * its side.
		 */
		snprintf(vtitle, sizeof vtitle, "受講率・満足度%s%s%s%s%s",
		    notheld || nosurvey ? "（" : "", notheld ? "棒のない研修は"
		    "未実施" : "", notheld && nosurvey ? "、" : "", nosurvey ?
		    "満足度のない研修はアンケート未実施" : "", notheld || nosurvey ?
		    "）" : "");
		/*
		 * Drawn from the model, with its values on the bars as every
		 * other chart of the set has them (the table's chart labels
		 * up to 24 bars, these are 28), from a hidden sheet of its
		 * figures: there a training without a 満足度 is a blank cell,
		 * no bar, where 研修一覧's 「－」 would be drawn as 0.
		 */
		rc = chart_new(&m, CHART_BAR, ctitle);
		for (i = 0; i < l.n && rc == 0; i++)
			rc = chart_category(m, names[i]);
		if (rc == 0)
			rc = chart_series(m, "受講率", att, l.n);
		if (rc == 0)
			rc = chart_series(m, "満足度", sat, l.n);
		if (rc == 0)
			rc = chart_set_format(m, CHART_PERCENT);
		if (rc == 0)
			rc = chart_set_labels(m, 1);
		if (rc == 0)
			rc = chart_set_axis_titles(m, NULL, vtitle);
		if (rc != 0 || (rc = xlsx_add_sheet(&gs, x, "受講率と満足度",
		    XLSX_HIDDEN)) != 0 || (rc = xlsx_chart_table(gs, m)) != 0)
			goto done;
	}
	rc = xlsx_save(x);
done:
	for (k = 0; k < 3; k++) {
		free(kr[k].pk);
		free(kr[k].hk);
		free(kr[k].ck);
	}
	buf_free(&multi);
	buf_free(&kline);
	if (names != NULL)
		for (i = 0; i < l.n; i++)
			free(names[i]);
	free(names);
	free(att);
	free(sat);
	chart_free(m);
	tr_results_free(r);
	xlsx_free(x);
	free(cells);
	tr_list_free(&l);
	tr_plan_free(plan);
	cal_free(cal);
	return rc;
}

/* ---- the banks ---------------------------------------------------- */

/* Where a question was used: "令和7年度 常勤職員…研修、令和8年度 …". */
static int
used_in(struct buf *b, const struct tr_list *l, int part, const char *ref)
{
	size_t	i, j, n = 0;

	buf_reset(b);
	for (i = 0; ref != NULL && i < l->n; i++) {
		for (j = 0; j < l->v[i]->nitems[part]; j++) {
			if (l->v[i]->items[part][j].ref == NULL ||
			    strcmp(l->v[i]->items[part][j].ref, ref) != 0)
				continue;
			buf_printf(b, "%s%s", n++ > 0 ? "\n" : "",
			    l->v[i]->title);
			break;
		}
	}
	return buf_ok(b);
}

static int
bank_sheet(struct xlsx *x, const struct tr_bank *b, int part,
    const struct tr_list *l, struct store *st, const char *note)
{
	static const struct xlsx_column scols[] = {
		{ "項目番号", 0, 0 },
		{ "主題", 0, 0 },
		{ "形式", XLSX_COL_CENTER, 0 },
		{ "対象者", 0, 22 },
		{ "設問", 0, 48 },
		{ "選択肢", 0, 36 },
		{ "定点", XLSX_COL_CENTER, 6 },
		{ "使用した研修", 0, 40 },
	};
	static const struct xlsx_column tcols[] = {
		{ "項目番号", 0, 0 },
		{ "主題", 0, 0 },
		{ "形式", XLSX_COL_CENTER, 0 },
		{ "対象者", 0, 22 },
		{ "対策基準", XLSX_COL_CENTER, 9 },
		{ "問題", 0, 44 },
		{ "選択肢", 0, 40 },
		{ "正答", XLSX_COL_CENTER, 6 },
		{ "解説", 0, 40 },
		{ "使用した研修", 0, 40 },
	};
	struct xlsx_sheet	*sh;
	struct buf		 aud = BUF_INIT, ch = BUF_INIT, use = BUF_INIT;
	struct buf		 key = BUF_INIT;
	uint32_t		 row;
	size_t			 i, c;
	uint16_t		 k;
	int			 rc;

	if ((rc = xlsx_add_sheet(&sh, x, part == TR_TEST ? "テスト問題" :
	    "アンケート設問", XLSX_LANDSCAPE)) != 0 ||
	    (rc = xlsx_title(sh, part == TR_TEST ? "研修テストの問題バンク" :
	    "研修アンケートの設問バンク", note)) != 0 ||
	    (rc = xlsx_table(&row, sh, part == TR_TEST ? tcols : scols,
	    part == TR_TEST ? 10 : 8)) != 0)
		return rc;
	for (i = 0; i < b->n[part]; i++, row++) {
		const struct tr_question *q = &b->q[part][i];

		buf_reset(&aud);
		buf_reset(&ch);
		buf_reset(&key);
		for (c = 0; c < q->naudiences; c++)
			buf_printf(&aud, "%s%s", c > 0 ? "、" : "",
			    tr_label(st, "audience", q->audiences[c]));
		for (c = 0; c < q->nchoices; c++) {
			buf_printf(&ch, "%s%zu %s", c > 0 ? "\n" : "", c + 1,
			    q->choices[c]);
			if (q->key & (1u << c))
				buf_printf(&key, "%s%zu", key.len > 0 ? "・" :
				    "", c + 1);
		}
		if ((rc = buf_ok(&aud)) != 0 || (rc = buf_ok(&ch)) != 0 ||
		    (rc = buf_ok(&key)) != 0 ||
		    (rc = used_in(&use, l, part, q->ref)) != 0)
			goto done;
		k = 0;
		xlsx_write_text(sh, row, k++, q->ref);
		xlsx_write_text(sh, row, k++, q->topic);
		xlsx_write_text(sh, row, k++, tr_label(st, "survey_items.type",
		    tr_qtype_name(q->type)));
		xlsx_write_text(sh, row, k++, aud.len > 0 ? aud.data : "全般");
		if (part == TR_TEST)
			xlsx_write_text(sh, row, k++, q->clause);
		xlsx_write_text(sh, row, k++, q->text);
		xlsx_write_text(sh, row, k++, ch.len > 0 ? ch.data : "");
		if (part == TR_TEST) {
			xlsx_write_text(sh, row, k++, key.data);
			xlsx_write_text(sh, row, k++, q->explanation);
		} else
			xlsx_write_text(sh, row, k++, q->fixed ? "○" : "");
		xlsx_write_text(sh, row, k++, use.len > 0 ? use.data :
		    "（未使用）");
	}
done:
	buf_free(&aud);
	buf_free(&ch);
	buf_free(&use);
	buf_free(&key);
	return rc;
}

int
tr_bank_export(const struct tr_bank *b, struct store *st, const char *path,
    time_t created)
{
	struct tr_list		 l = { NULL, 0 };
	struct xlsx		*x = NULL;
	struct xlsx_props	 props;
	struct tr_doc_opts	 o;
	char			 note[256];
	int			 rc;

	if ((rc = tr_list_load(&l, st, 0, TR_LOAD_ITEMS, NULL)) != 0)
		return rc;
	memset(&o, 0, sizeof o);
	as_of(note, sizeof note, &o, "設問バンクと研修の記録");
	memset(&props, 0, sizeof props);
	props.title = "研修の設問バンク";
	props.created = created;
	if ((rc = xlsx_new(&x, path, &props)) != 0)
		goto done;
	if ((b->n[TR_TEST] > 0 && (rc = bank_sheet(x, b, TR_TEST, &l, st,
	    note)) != 0) || (b->n[TR_SURVEY] > 0 && (rc = bank_sheet(x, b,
	    TR_SURVEY, &l, st, note)) != 0))
		goto done;
	rc = xlsx_save(x);
done:
	xlsx_free(x);
	tr_list_free(&l);
	return rc;
}
