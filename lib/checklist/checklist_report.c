/*
 * Checklist reports: 所属点検実施結果報告書 (and the self-check and
 * contractor-checklist equivalents) as .docx, and the full tables with
 * native charts as .xlsx.  Figures come from the aggregation; the words
 * the advisor writes (period, method, recommendations) come from the
 * item set's catalog record (report:).
 */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "amount.h"
#include "buf.h"
#include "cal.h"
#include "chart.h"
#include "checklist.h"
#include "docx.h"
#include "error.h"
#include "node.h"
#include "refdata.h"
#include "store.h"
#include "text.h"
#include "textfit.h"
#include "xlsx.h"

/* Rows of the "lowest items" table in the report. */
#define LOWEST		10
/* Items shown as most improved / most declined. */
#define MOVERS		5
/* Divisions with a 偏差値 below this are named for follow-up. */
#define FOLLOWUP_DEV	40.0

struct ctx {
	const struct ck_stats	*s;
	const struct ck_stats	*self;	/* with a department check, or NULL */
	char			 fylabel[CAL_FMT_MAX];
	char			 date[CAL_FMT_MAX];	/* era, long */
	const char		*ward;
	const char		*author;
	char			 title[256];
	char			 base[256];	/* file name, no space */
	/*
	 * The same year's department check, its items in the 対策基準's
	 * order: the order of the self check's 分類 where they are its
	 * chapters (cat_order()), or NULL
	 */
	struct ck_set		*chapters;
};

static const char *
pct(char *out, size_t size, double r)
{
	text_pct1(out, size, 100 * r, 1, "－");
	return out;
}

/* A count as the ward writes it: 延べ2,973人; out has 32 bytes */
static const char *
cnt(char out[32], size_t n)
{
	amount_format(out, 32, (long long)n);
	return out;
}

static const char *
num1(char *out, size_t size, double v)
{
	if (isnan(v))
		snprintf(out, size, "－");
	else
		snprintf(out, size, "%.1f", v);
	return out;
}

/*
 * A difference a reader can check: in points, of the rates as shown
 * (rounded to 0.1%), so "80.2%" against "75.3%" is +4.9 and never +5.0.
 */
static double
diffpt(double now, double before)
{
	return round(10 * (round(1000 * now) / 10 -
	    round(1000 * before) / 10)) / 10;
}

/*
 * The difference as every table shows it: ＋4.9, ▲1.0, ±0.0.  The ward's
 * documents write a decrease with ▲; a minus (－) would read as the 「－」
 * these tables print for a rate there is none of.
 */
static const char *
points(char *out, size_t size, double now, double before)
{
	double	d;

	if (isnan(now) || isnan(before))
		snprintf(out, size, "－");
	else if ((d = diffpt(now, before)) == 0)
		snprintf(out, size, "±0.0");
	else
		snprintf(out, size, "%s%.1f", d > 0 ? "＋" : "▲", fabs(d));
	return out;
}

static const char *
subject(enum ck_kind k)
{
	return k == CK_VENDOR ? "特記事項チェックシート" : ck_kind_title(k);
}

/*
 * The number a ward reader knows an item by, one convention in every
 * table, chart and line of a report: its No. (1, 2 ... in the item set's
 * order), the number its form prints beside the text (checklist_form.c),
 * never the catalog's ref (dp-2-6-08, sf-01, vd-01), which stays the key
 * that carries an item from year to year in the records and exports.
 */
static const char *
item_no(char *out, size_t size, size_t i)
{
	snprintf(out, size, "%zu", i + 1);
	return out;
}

/*
 * The item set's name without the year the report's title already says:
 * "情報の保護および管理に関する特記事項に係るチェックシート" from
 * "令和8年度 情報の保護および管理に…".
 */
static const char *
set_name(const struct ctx *c)
{
	const char	*t = c->s->set->title;
	size_t		 n = strlen(c->fylabel);

	if (strncmp(t, c->fylabel, n) != 0)
		return t;
	for (t += n; *t == ' ' || strncmp(t, "\u3000", 3) == 0;)
		t += *t == ' ' ? 1 : 3;
	return *t != '\0' ? t : c->s->set->title;
}

static const struct docx_para_style	num_cell = { .align = DOCX_RIGHT };
static const struct docx_para_style	mid_cell = { .align = DOCX_CENTER };

static int
body(struct docx *dx, struct ctx *c, const char *fmt, ...) NC_PRINTF(3, 4);

/*
 * A native Word chart of up to two series over the categories cats[n]:
 * last year's (prev, or NULL) and this year's values (now).  Drawn as
 * horizontal bars when the labels are long, on one page.  regrouped:
 * last year's answers under this year's 分類, which the legend says as
 * the workbook's table and chart do (令和8年度（再集計）).
 */
static int
add_chart(struct docx *dx, struct ctx *c, const char *title,
    enum chart_format fmt, const char *const *cats, const double *prev,
    const double *now, size_t n, int regrouped)
{
	struct chart	*m = NULL;
	char		 py[CAL_FMT_MAX], pl[CAL_FMT_MAX + 32];
	size_t		 i;
	int		 r;

	if (n == 0)
		return 0;
	if ((r = chart_new(&m, CHART_COLUMN, title)) != 0)
		return r;
	for (i = 0; i < n && r == 0; i++)
		r = chart_category(m, cats[i]);
	if (r == 0 && prev != NULL &&
	    (r = cal_fy_label(py, sizeof py, c->s->fy - 1)) == 0) {
		snprintf(pl, sizeof pl, "%s%s", py, regrouped ? "（再集計）" :
		    "");
		r = chart_series(m, pl, prev, n);
	}
	if (r == 0)
		r = chart_series(m, c->fylabel, now, n);
	if (r == 0)
		r = chart_set_format(m, fmt);
	if (r == 0)
		r = chart_set_labels(m, n * (prev != NULL ? 2 : 1) <= 24);
	/*
	 * Scores (CHART_PLAIN: 部別の平均得点) labelled to one decimal as
	 * the table prints them (77.0 beside 75.3, never 77), on an axis
	 * that ends at the 100 points they are out of: the room the axis
	 * leaves above the tallest bar for its label ran it to 120.
	 */
	if (r == 0 && fmt == CHART_PLAIN)
		r = chart_set_numfmt(m, NULL, "0.0");
	if (r == 0 && fmt == CHART_PLAIN) {
		struct chart_axis	ax;

		chart_value_axis(&ax, m);
		if (ax.max > 100 && ax.min >= 0) {
			ax.max = 100;
			m->axis = ax;
			m->fixed_axis = 1;
		}
	}
	if (r == 0)
		r = docx_chart(dx, m, 0, 0);
	chart_free(m);
	return r;
}

static int
body(struct docx *dx, struct ctx *c, const char *fmt, ...)
{
	va_list	ap;
	char	*s;
	int	 r;

	va_start(ap, fmt);
	s = text_vprintf(fmt, ap);
	va_end(ap);
	if (s == NULL)
		return error_set(NC_ENOMEM, "out of memory");
	r = docx_add_outline_body(dx, s);
	free(s);
	(void)c;
	return r;
}

static int
add_table(struct docx *dx, struct docx_table *t)
{
	int	r;

	r = docx_add_table(dx, t);
	docx_table_free(t);
	return r;
}

static int
new_table(struct docx_table **t, size_t ncols, const unsigned *widths,
    const char *const *heads)
{
	size_t	i;
	int	r;

	if ((r = docx_table_new(t, ncols, widths)) != 0)
		return r;
	for (i = 0; i < ncols; i++) {
		if ((r = docx_table_cell(*t, 0, i, heads[i], NULL)) != 0) {
			docx_table_free(*t);
			return r;
		}
	}
	return docx_table_header_rows(*t, 1);
}

/* 1 目的 and 2 実施方法 */
static int
doc_intro(struct docx *dx, struct ctx *c)
{
	const struct ck_stats	*s = c->s;
	char			 a[CAL_FMT_MAX], b[CAL_FMT_MAX];
	char			 range[2 * CAL_FMT_MAX + 32];
	struct cal_date		 d1, d2, p1, p2;
	size_t			 ndept = 0, i;
	int			 r;

	for (i = 0; i < s->ndepts; i++)
		ndept += s->depts[i].ndiv > 0;
	if ((r = docx_add_outline_heading(dx, 1, "目的")) != 0)
		return r;
	if (s->kind == CK_VENDOR)
		/* the sheet by the name its catalog, form and (3) give it */
		r = body(dx, c, "委託事業者等における情報セキュリティ対策の"
		    "状況を、契約等の締結前・締結当初・履行中・終了時の各段階で"
		    "所管課が点検した結果（%s）を集計・分析し、委託事業者等の"
		    "管理の改善に資することを目的とする。", set_name(c));
	else
		r = body(dx, c, "情報セキュリティに関する教育・啓発の効果を測定"
		    "するとともに、%sのセキュリティ対策の状況を把握し、自己改善"
		    "を推進することを目的として、%sを対象に%sを実施した。",
		    s->kind == CK_SELF ? "職員一人ひとり" : "各組織（課）",
		    s->kind == CK_SELF ? "全職員" : "全組織（課）",
		    ck_kind_title(s->kind));
	if (r != 0 || (r = docx_add_outline_heading(dx, 1, "実施方法")) != 0 ||
	    (r = docx_add_outline_heading(dx, 2, "対象")) != 0)
		return r;
	if (s->kind == CK_VENDOR)
		r = body(dx, c, "各課が所管する委託契約・協定等（%zu課から提出）",
		    s->nsubmitted);
	else
		r = body(dx, c, "%s（%zu部・%zu課）%s", s->kind == CK_SELF ?
		    "全課の職員" : "全課", ndept, s->ndiv, s->kind == CK_SELF ?
		    "。回答は課ごとに取りまとめて提出された。" : "");
	if (r != 0 || (r = docx_add_outline_heading(dx, 2, "期間")) != 0)
		return r;
	/* the submissions' range, 令和8年6月8日から同年12月11日まで */
	if (s->first_submitted != NULL &&
	    cal_parse_iso(&d1, s->first_submitted) == 0 &&
	    cal_parse_iso(&d2, s->last_submitted) == 0 &&
	    cal_format_era(a, sizeof a, d1, CAL_ERA_LONG) == 0 &&
	    cal_format_era(b, sizeof b, d2, CAL_ERA_LONG) == 0)
		snprintf(range, sizeof range, "%sから%s%sまで", a,
		    d1.y == d2.y && strstr(b, "年") != NULL ? "同年" : "",
		    d1.y == d2.y && strstr(b, "年") != NULL ?
		    strstr(b, "年") + strlen("年") : b);
	else
		range[0] = '\0';
	/*
	 * The catalog's period as the ward set it; where sheets counted
	 * were submitted outside it (a contractor's sheet comes with its
	 * contract's stage, any month), the dates they were submitted,
	 * with the period asked for after them: the period alone read as
	 * if they all fell in it, and the period with the dates after it
	 * as a contradiction (review14)
	 */
	/*
	 * A contractor's sheet is asked for at each stage of its contract,
	 * all year: a period asked for, copied from the 所属点検's, said
	 * nothing of it (review 19, rev19a T11).  The dates submitted only.
	 */
	if (s->kind == CK_VENDOR && range[0] != '\0')
		r = body(dx, c, "%s（提出日）", range);
	else if (s->set->period != NULL && range[0] != '\0' &&
	    ck_period_start(&p1, s->set->period) == 0 &&
	    ck_period_end(&p2, s->set->period) == 0 &&
	    (cal_cmp(d1, p1) < 0 || cal_cmp(d2, p2) > 0))
		r = body(dx, c, "%s（提出日。点検を依頼した期間は%s）", range,
		    s->set->period);
	else if (s->set->period != NULL)
		r = body(dx, c, "%s", s->set->period);
	else if (range[0] != '\0')
		r = body(dx, c, "%s（提出日）", range);
	else
		r = body(dx, c, "%s", c->fylabel);
	/* a period not in dates is printed as it is: no error of it kept */
	if (r == 0)
		error_clear();
	if (r != 0 || (r = docx_add_outline_heading(dx, 2, "方法")) != 0)
		return r;
	if (s->set->method != NULL)
		r = body(dx, c, "%s", s->set->method);
	else if (s->kind == CK_DEPARTMENT)
		r = body(dx, c, "%s（%zu項目）について、各課の情報セキュリティ"
		    "担当者が実施状況を「実施」「一部実施」「未実施」"
		    "「わからない」「該当なし」で回答した。", s->set->title,
		    s->set->nitems);
	else if (s->kind == CK_SELF)
		r = body(dx, c, "%s（%zu項目）について、職員一人ひとりが「はい」"
		    "「いいえ」「該当なし」で回答し、課ごとに取りまとめた。",
		    s->set->title, s->set->nitems);
	else
		r = body(dx, c, "%s（%zu項目）について、所管課が契約ごと・段階"
		    "ごとに「はい」「いいえ」「該当なし」で回答した。",
		    s->set->title, s->set->nitems);
	if (r != 0 || (r = docx_add_outline_heading(dx, 2, "集計方法")) != 0)
		return r;
	r = body(dx, c, "「%s」を1、%s「%s」を0として項目ごとの実施率を算出した"
	    "（「該当なし」は除く）。全体の実施率は、全項目の回答を合わせて"
	    "同様に算出したもので、回答数が項目により異なるため、項目の実施率の"
	    "平均とは一致しないことがある。%s",
	    s->kind == CK_DEPARTMENT ? "実施" : "はい",
	    s->kind == CK_DEPARTMENT ? "「一部実施」を0.5、" : "",
	    s->kind == CK_DEPARTMENT ? "未実施」「わからない" : "いいえ",
	    s->kind == CK_VENDOR ? "" : "課の得点は、項目の重みによる加重平均"
	    "（100点満点）である。偏差値は、得点を提出のあった課の平均と標準"
	    "偏差により、50＋10×（得点－平均）÷標準偏差として換算したもので、"
	    "課の相対的な位置を示す。");
	return r;
}

static int
doc_response(struct docx *dx, struct ctx *c)
{
	static const char *const heads[] = {
		"部", "課数", "提出", "提出率"
	};
	static const unsigned	 w[] = { 40, 15, 15, 20 };
	const struct ck_stats	*s = c->s;
	struct docx_table	*t;
	struct buf		 miss = BUF_INIT;
	char			 a[32], b[32], n[32];
	size_t			 i, row = 1, nmiss = 0;
	int			 r;

	if ((r = docx_add_outline_heading(dx, 2, "回答状況")) != 0)
		return r;
	if (s->kind == CK_SELF)
		r = body(dx, c, "%zu課中%zu課から回答があった（回答率 %s）。"
		    "回答した職員は延べ%s人である。", s->ndiv, s->nsubmitted,
		    pct(a, sizeof a, s->ndiv ? (double)s->nsubmitted /
		    (double)s->ndiv : NAN), cnt(n, s->nrespondents));
	else
		r = body(dx, c, "%zu課中%zu課から回答があった（回答率 %s）。",
		    s->ndiv, s->nsubmitted, pct(a, sizeof a, s->ndiv ?
		    (double)s->nsubmitted / (double)s->ndiv : NAN));
	if (r != 0 || (r = new_table(&t, 4, w, heads)) != 0)
		return r;
	for (i = 0; i < s->ndepts; i++) {
		const struct ck_dept_stat	*ds = &s->depts[i];

		if (ds->ndiv == 0)
			continue;
		cnt(a, ds->ndiv);
		cnt(b, ds->nsubmitted);
		docx_table_cell(t, row, 0, ds->name, NULL);
		docx_table_cell(t, row, 1, a, &num_cell);
		docx_table_cell(t, row, 2, b, &num_cell);
		docx_table_cell(t, row, 3, pct(n, sizeof n,
		    (double)ds->nsubmitted / (double)ds->ndiv), &num_cell);
		row++;
	}
	if ((r = add_table(dx, t)) != 0)
		return r;
	for (i = 0; i < s->ndiv; i++) {
		if (s->divs[i].submitted)
			continue;
		buf_printf(&miss, "%s%s（%s）", nmiss ? "、" : "",
		    s->divs[i].org->name, s->divs[i].org->dept_name);
		nmiss++;
	}
	if ((r = buf_ok(&miss)) == 0 && nmiss > 0)
		r = body(dx, c, "未提出の課（%zu課）：%s。", nmiss, miss.data);
	buf_free(&miss);
	/*
	 * 所属点検 reports on the staff's self check too (spec note 8): said
	 * so with なお, and the 集計表 named as this report's own (its 課別
	 * sheet has the column 自己点検の実施率), not the self check's.
	 */
	if (r == 0 && c->self != NULL)
		r = body(dx, c, "なお、職員の自己点検は、%zu課（延べ%s人）から"
		    "回答があり、実施率は%sであった。課ごとの自己点検の実施率は、"
		    "本報告書の集計表の「課別」に示す。",
		    c->self->nsubmitted, cnt(n, c->self->nrespondents),
		    pct(a, sizeof a, c->self->rate));
	return r;
}

/* An item's 分類, as cat_rates() groups the items. */
static const char *
item_cat(const struct ck_item *it)
{
	return it->category != NULL && *it->category != '\0' ?
	    it->category : "（分類なし）";
}

/*
 * 分類別の実施率: a category's rate is the mean of its items' rates (this
 * year's and last year's), the same in the report's table and chart
 * (doc_overall()) and in the workbook (sheet_categories()).
 */
struct cat_rates {
	const char	**name;		/* in the item set's order */
	double		 *rate;		/* NAN: no item answered */
	double		 *prev;		/* NAN: none last year */
	/*
	 * this year's over the items last year had too, where the
	 * category has new items (NAN where it has none): the like for
	 * like beside prev
	 */
	double		 *same;
	size_t		 *nitems;
	size_t		  n;
	int		  has_prev;	/* some category has last year's */
};

static void
cat_rates_free(struct cat_rates *cr)
{
	free(cr->name);
	free(cr->rate);
	free(cr->prev);
	free(cr->same);
	free(cr->nitems);
	memset(cr, 0, sizeof *cr);
}

/*
 * The categories in the 対策基準's chapter order where they are its
 * chapters: a self check's items are in the order staff meet them (運用
 * first), and its 分類 came out 運用, 組織体制, 物理的セキュリティ … where
 * the department check and the audits read 組織体制 → 評価・見直し.  The
 * chapters are the department check's categories in its items' order;
 * where a category is not one of them (the sample's topics 画面ロック,
 * パスワード), the item set's order is kept.
 */
static void
cat_order(struct cat_rates *cr, const struct ck_set *chapters)
{
	size_t	rank[64], i, k, j;

	if (chapters == NULL || cr->n > 64)
		return;
	for (k = 0; k < cr->n; k++) {
		for (i = 0; i < chapters->nitems; i++)
			if (strcmp(item_cat(&chapters->items[i]),
			    cr->name[k]) == 0)
				break;
		if (i == chapters->nitems)
			return;
		rank[k] = i;
	}
	/* insertion sort of a few categories, the columns together */
	for (k = 1; k < cr->n; k++)
		for (j = k; j > 0 && rank[j - 1] > rank[j]; j--) {
			size_t		 tr = rank[j], tn = cr->nitems[j];
			const char	*name = cr->name[j];
			double		 a = cr->rate[j], b = cr->prev[j];
			double		 c = cr->same[j];

			rank[j] = rank[j - 1];
			cr->nitems[j] = cr->nitems[j - 1];
			cr->name[j] = cr->name[j - 1];
			cr->rate[j] = cr->rate[j - 1];
			cr->prev[j] = cr->prev[j - 1];
			cr->same[j] = cr->same[j - 1];
			rank[j - 1] = tr;
			cr->nitems[j - 1] = tn;
			cr->name[j - 1] = name;
			cr->rate[j - 1] = a;
			cr->prev[j - 1] = b;
			cr->same[j - 1] = c;
		}
}

static int
cat_rates(struct cat_rates *cr, const struct ck_stats *s,
    const struct ck_set *chapters)
{
	size_t	*n = NULL, *pn = NULL, *sn = NULL, m = s->set->nitems + 1, i, k;
	int	*fresh = NULL, r = 0;

	memset(cr, 0, sizeof *cr);
	cr->name = calloc(m, sizeof *cr->name);
	cr->rate = calloc(m, sizeof *cr->rate);
	cr->prev = calloc(m, sizeof *cr->prev);
	cr->same = calloc(m, sizeof *cr->same);
	cr->nitems = calloc(m, sizeof *cr->nitems);
	n = calloc(m, sizeof *n);
	pn = calloc(m, sizeof *pn);
	sn = calloc(m, sizeof *sn);
	fresh = calloc(m, sizeof *fresh);
	if (cr->name == NULL || cr->rate == NULL || cr->prev == NULL ||
	    cr->same == NULL || cr->nitems == NULL || n == NULL ||
	    pn == NULL || sn == NULL || fresh == NULL) {
		r = error_set(NC_ENOMEM, "out of memory");
		goto done;
	}
	for (i = 0; i < s->set->nitems; i++) {
		const struct ck_item_stat	*is = &s->items[i];
		const char			*cat = item_cat(is->item);

		/* categories are few: a linear look-up stays small */
		for (k = 0; k < cr->n; k++)
			if (strcmp(cr->name[k], cat) == 0)
				break;
		if (k == cr->n)
			cr->name[cr->n++] = cat;
		cr->nitems[k]++;
		if (!isnan(is->rate)) {
			cr->rate[k] += is->rate;
			n[k]++;
		}
		if (!isnan(is->prev)) {
			cr->prev[k] += is->prev;
			pn[k]++;
			if (!isnan(is->rate)) {
				cr->same[k] += is->rate;
				sn[k]++;
			}
		} else if (!isnan(is->rate))
			fresh[k] = 1;
	}
	for (k = 0; k < cr->n; k++) {
		cr->rate[k] = n[k] ? cr->rate[k] / (double)n[k] : NAN;
		cr->prev[k] = pn[k] ? cr->prev[k] / (double)pn[k] : NAN;
		cr->same[k] = sn[k] && fresh[k] ? cr->same[k] / (double)sn[k] :
		    NAN;
		cr->has_prev |= pn[k] > 0;
	}
	cat_order(cr, chapters);
done:
	free(n);
	free(pn);
	free(sn);
	free(fresh);
	if (r != 0)
		cat_rates_free(cr);
	return r;
}

/* Which items without last year's rate new_items() lists. */
enum {
	NI_ANY,		/* all of them */
	NI_NEW,		/* new this year */
	NI_REWORDED,	/* last year's ref in other words */
};

/*
 * The items without a rate last year (new this year, or reworded: not
 * the same question), of category cat or of all when NULL, appended to
 * b as "No.47、50", or nothing; 0 or an error.
 */
static int
new_items(struct buf *b, const struct ck_stats *s, const char *cat,
    int which)
{
	char	a[24];
	size_t	i, n = 0;

	if (!s->has_prev)
		return 0;
	for (i = 0; i < s->set->nitems; i++)
		/*
		 * new: not in last year's set (an item it had without an
		 * answer is not new; the vendor check's No.1 was so called)
		 */
		if (isnan(s->items[i].prev) && !isnan(s->items[i].rate) &&
		    (which == NI_ANY || (which == NI_REWORDED) ==
		    s->items[i].reworded) && (which != NI_NEW ||
		    !s->items[i].in_prev) &&
		    (cat == NULL || strcmp(item_cat(s->items[i].item),
		    cat) == 0))
			buf_printf(b, "%s%s", n++ ? "、" : "No.", item_no(a,
			    sizeof a, i));
	return buf_ok(b);
}

/*
 * The items this year's rates have and the comparison with last year's
 * not, as a phrase: 今年度新たに加えた項目（No.47、50）, 文言を見直した
 * 項目（No.3）, or both joined by 及び; nothing when there are none.
 */
static int
left_out(struct buf *b, const struct ck_stats *s)
{
	struct buf	nb = BUF_INIT, rb = BUF_INIT;
	int		r;

	if ((r = new_items(&nb, s, NULL, NI_NEW)) == 0 &&
	    (r = new_items(&rb, s, NULL, NI_REWORDED)) == 0) {
		if (nb.len > 0)
			buf_printf(b, "今年度新たに加えた項目（%s）", nb.data);
		if (rb.len > 0)
			buf_printf(b, "%s文言を見直した項目（%s）",
			    nb.len > 0 ? "及び" : "", rb.data);
		r = buf_ok(b);
	}
	buf_free(&nb);
	buf_free(&rb);
	return r;
}

/*
 * Last year has results but no item is the same (no_compare()): the
 * reports compare nothing and say why in one line.
 */
static int
no_compare(const struct ck_stats *s)
{
	size_t	i;

	/* last year's answers, else there is nothing to compare anyway */
	for (i = 0; s->has_prev && s->ncompared == 0 &&
	    i < s->prev_set->nitems; i++)
		if (!isnan(s->prev_items[i]))
			return 1;
	return 0;
}

static const char *
no_same_line(const struct ck_stats *s)
{
	return s->nreworded > 0 ? "点検項目の文言を見直したため、前年度と同じ"
	    "項目（番号と文言が同じ項目）がなく、前年度との比較は行っていない。" :
	    "前年度と同じ項目（番号と文言が同じ項目）がないため、前年度との比較"
	    "は行っていない。";
}

/* Whether some item compared with last year's sits in another 分類. */
static int
recategorised(const struct ck_stats *s)
{
	size_t	i;

	for (i = 0; i < s->set->nitems; i++)
		if (!isnan(s->items[i].prev) && s->items[i].recategorised)
			return 1;
	return 0;
}

/*
 * For each category with items new this year, in b: its rate without
 * them, so that the comparison with last year's reads like for like
 * (評価・見直し 77.7% against 79.7% read as a fall; without No.50 it is
 * 79.7%): for the report's text "「評価・見直し」79.7%" joined by 、, or
 * with lines a line a category for the workbook's sheet, short (a long
 * note widened the sheet's print and shrank it), "業務委託と外部サービス
 * 84.0%（No.47を除く。令和7年度 77.3%）".  Nothing when no category has
 * new items.
 */
static int
cat_same_note(struct buf *b, const struct cat_rates *cr,
    const struct ck_stats *s, const char *pfy, int lines)
{
	char	a[32], p[32];
	size_t	k;

	for (k = 0; k < cr->n; k++) {
		if (isnan(cr->same[k]) || isnan(cr->prev[k]))
			continue;
		if (!lines) {
			buf_printf(b, "%s「%s」%s", b->len > 0 ? "、" : "",
			    cr->name[k], pct(a, sizeof a, cr->same[k]));
			continue;
		}
		buf_printf(b, "%s　%s　%s（", b->len > 0 ? "\n" :
		    "前年度と同じ項目で比べた今年度の実施率：\n", cr->name[k],
		    pct(a, sizeof a, cr->same[k]));
		if (new_items(b, s, cr->name[k], NI_ANY) != 0)
			break;
		buf_printf(b, "を除く。%s %s）", pfy, pct(p, sizeof p,
		    cr->prev[k]));
	}
	return buf_ok(b);
}

/*
 * What the 分類's 前年度 is over, in the report (doc_overall()) and in
 * the workbook (sheet_categories()) in the same words.
 */
static int
cat_basis(struct buf *b, const struct ck_stats *s, const char *same)
{
	struct buf	 lo = BUF_INIT;
	const char	*both;
	int		 r;

	/*
	 * This year's new items are in this year's rate of their 分類 and
	 * in no rate of last year: named, so that a fall or a rise a new
	 * item makes is not read as a change of the same items; so are the
	 * reworded ones, which are not the same items.
	 */
	if ((r = left_out(&lo, s)) != 0)
		goto done;
	/* an item under last year's code is not the same if reworded */
	both = s->nreworded > 0 ? "前年度と同じ項目" : "前年度にもあった項目";
	if (lo.len == 0)
		buf_puts(b, "分類の前年度の実施率は、今年度と同じ項目による。");
	/*
	 * and where a category holds them, its rate without them, like
	 * for like (same, "「評価・見直し」79.7%"), in as few words: a
	 * line more pushed the 部別 table and its chart a page on
	 */
	else if (same != NULL && s->nreworded == 0)
		buf_printf(b, "分類の前年度の実施率は、%sによる。%sを除いた"
		    "今年度の実施率は、%sである。", both, lo.data, same);
	/*
	 * the reworded named too, in fewer words: a line more moved the
	 * 部別 table and its chart a page on
	 */
	else if (same != NULL) {
		struct buf	nb = BUF_INIT, rb = BUF_INIT;

		if ((r = new_items(&nb, s, NULL, NI_NEW)) == 0 &&
		    (r = new_items(&rb, s, NULL, NI_REWORDED)) == 0) {
			buf_printf(b, "分類の前年度の実施率は%sにより、", both);
			if (nb.len > 0)
				buf_printf(b, "新たな項目（%s）と", nb.data);
			buf_printf(b, "文言を見直した項目（%s）を除く今年度の"
			    "実施率は、%sである。", rb.data, same);
		}
		buf_free(&nb);
		buf_free(&rb);
		if (r != 0)
			goto done;
	}
	else
		buf_printf(b, "分類の前年度の実施率は、今年度の項目のうち%sに"
		    "よるもので、%sは今年度の実施率にのみ含む。", both,
		    lo.data);
	/*
	 * The same items regrouped: last year's rates under this year's
	 * 分類, which last year's report did not publish (組織体制 89.7%
	 * against its 91.1%), said so.
	 */
	if (recategorised(s))
		buf_puts(b, "点検項目の分類を見直したため、前年度の実施率は前年度"
		    "の回答を今年度の分類で集計し直したもので、前年度の報告の"
		    "分類別の実施率とは異なる。");
	r = buf_ok(b);
done:
	buf_free(&lo);
	return r;
}

/*
 * Whether last year's item is one of this year's: the same ref in the
 * same words; a reworded one is a question this year does not ask.
 */
static int
in_this_year(const struct ck_stats *s, const struct ck_item *pi)
{
	const struct ck_item	*it;

	return (it = ck_set_item(s->set, pi->ref)) != NULL &&
	    strcmp(it->text, pi->text) == 0;
}

/*
 * What last year's overall rate is over: last year's items, all of them,
 * as last year's report stated it; the items this year dropped are in it
 * and in no table of this report, so they are named with their rates.
 */
static int
prev_base(struct docx *dx, struct ctx *c, const char *same)
{
	const struct ck_stats	*s = c->s;
	const struct ck_set	*ps = s->prev_set;
	struct buf		 b = BUF_INIT;
	char			 a[32];
	size_t			 i, ngone = 0, shown = 0;
	int			 r;

	if (!s->has_prev || ps == NULL || isnan(s->prev_rate))
		return 0;
	for (i = 0; i < ps->nitems; i++)
		ngone += !in_this_year(s, &ps->items[i]);
	buf_printf(&b, "前年度の全体の実施率（%s）は、前年度の点検項目"
	    "（%zu項目）の回答によるもの", pct(a, sizeof a, s->prev_rate),
	    ps->nitems);
	if (ngone == 0)
		buf_puts(&b, "である。");
	else {
		buf_printf(&b, "で、今年度の項目にない%zu項目", ngone);
		for (i = 0; i < ps->nitems && ngone <= 3; i++) {
			if (in_this_year(s, &ps->items[i]))
				continue;
			buf_printf(&b, "%s「%s」%s", shown++ ? "、" : "（",
			    ps->items[i].text, pct(a, sizeof a,
			    s->prev_items[i]));
		}
		buf_printf(&b, "%sを含む。", shown ? "）" : "");
	}
	if ((r = cat_basis(&b, s, same)) == 0)
		r = body(dx, c, "%s", b.data);
	buf_free(&b);
	return r;
}

/*
 * The vendor check's rate with the answers it is of, in words that break
 * anywhere a line may: 「回答130件のうち「はい」が112件で86.2%」.  The
 * workbook's 「86.2%（112/130）」 could not break between 「%」 and 「（」
 * in LibreOffice, so the line before it ended early and, justified,
 * spread its letters (rev21b T7); a zero-width space there broke Word's
 * search.
 */
static void
rate_said(char *out, size_t size, double rate, size_t n, int prev)
{
	char	p[32], a[32], y[32];

	pct(p, sizeof p, rate);
	cnt(a, n);
	cnt(y, (size_t)lround(rate * (double)n));
	if (prev)
		snprintf(out, size, "回答%s件のうち%s件、%s", a, y, p);
	else
		snprintf(out, size, "回答%s件のうち「はい」が%s件で%s", a, y,
		    p);
}

/*
 * 全体の実施率 and last year's beside it, in the words of every report
 * (the vendor check's had none, its workbook a 前年度比較 sheet); with
 * nothing the same as last year, why there is no comparison.
 */
static int
rate_words(struct buf *b, const struct ck_stats *s)
{
	char	x[160], y[160];
	int	vendor = s->kind == CK_VENDOR;

	/*
	 * The vendor check's rates with the answers they are of, as its
	 * workbook has them (rev17: 100.0% on 19 answers beside 88.9% on 9
	 * read as a change of the whole ward's contracts)
	 */
	if (vendor) {
		rate_said(x, sizeof x, s->rate, s->nanswers, 0);
		if (!isnan(s->prev_rate))
			rate_said(y, sizeof y, s->prev_rate,
			    s->prev_nanswers, 1);
	} else {
		pct(x, sizeof x, s->rate);
		pct(y, sizeof y, s->prev_rate);
	}
	if (s->has_prev && !isnan(s->prev_rate) &&
	    diffpt(s->rate, s->prev_rate) == 0)
		buf_printf(b, vendor ? "全体の実施率は、%sであり、前年度（%s）と"
		    "同じであった。" : "全体の実施率は%sであり、前年度（%s）と同じで"
		    "あった。", x, y);
	else if (s->has_prev && !isnan(s->prev_rate))
		buf_printf(b, vendor ? "全体の実施率は、%sであり、前年度（%s）"
		    "から%.1fポイント%sした。" : "全体の実施率は%sであり、前年度（%s）"
		    "から%.1fポイント%sした。", x, y,
		    fabs(diffpt(s->rate, s->prev_rate)),
		    diffpt(s->rate, s->prev_rate) > 0 ? "上昇" : "低下");
	else if (vendor)
		buf_printf(b, "全体の実施率は、%sであった。%s", x,
		    no_compare(s) ? no_same_line(s) : "");
	else
		buf_printf(b, "全体の実施率は%sであった。%s", x,
		    no_compare(s) ? no_same_line(s) : "");
	return buf_ok(b);
}

static int
doc_overall(struct docx *dx, struct ctx *c)
{
	static const char *const heads[] = {
		"分類", "項目数", "実施率", "前年度"
	};
	static const unsigned	 w[] = { 40, 15, 20, 20 };
	const struct ck_stats	*s = c->s;
	struct docx_table	*t;
	char			 a[32], b[32], p[32];
	struct cat_rates	 cr;
	size_t			 k;
	int			 r;

	memset(&cr, 0, sizeof cr);
	if ((r = docx_add_outline_heading(dx, 2, "全体の結果")) != 0)
		return r;
	{
		struct buf	rb = BUF_INIT;

		if ((r = rate_words(&rb, s)) == 0)
			r = body(dx, c, "%s", rb.data);
		buf_free(&rb);
	}
	if (r != 0)
		return r;
	/*
	 * 前年度 only where a category has last year's rate: without last
	 * year's results it was 「－」 in every row
	 */
	if ((r = cat_rates(&cr, s, c->chapters)) != 0 ||
	    (r = new_table(&t, cr.has_prev ? 4 : 3, w, heads)) != 0)
		goto done;
	for (k = 0; k < cr.n; k++) {
		snprintf(a, sizeof a, "%zu", cr.nitems[k]);
		docx_table_cell(t, k + 1, 0, cr.name[k], NULL);
		docx_table_cell(t, k + 1, 1, a, &num_cell);
		docx_table_cell(t, k + 1, 2, pct(b, sizeof b, cr.rate[k]),
		    &num_cell);
		if (cr.has_prev)
			docx_table_cell(t, k + 1, 3, pct(p, sizeof p,
			    cr.prev[k]), &num_cell);
	}
	if ((r = add_table(dx, t)) == 0)
		r = body(dx, c, "分類の実施率は、分類に属する項目の実施率の平均"
		    "である。");
	if (r == 0) {
		struct buf	 sb = BUF_INIT;

		/* the like for like where new items are: in the same words */
		if (cr.has_prev)
			r = cat_same_note(&sb, &cr, s, NULL, 0);
		if (r == 0)
			r = prev_base(dx, c, sb.len > 0 ? sb.data : NULL);
		buf_free(&sb);
	}
	if (r == 0 && cr.n > 1)
		r = add_chart(dx, c, "分類別の実施率", CHART_PERCENT, cr.name,
		    cr.has_prev ? cr.prev : NULL, cr.rate, cr.n,
		    recategorised(s));
done:
	cat_rates_free(&cr);
	return r;
}

/*
 * Whether a 部 has last year's score (a 課 that submitted both years):
 * without one the 部別 and 課別 tables have no 前年度 column.
 */
static int
any_prev(const struct ck_stats *s)
{
	size_t	i;

	for (i = 0; s->has_prev && i < s->ndepts; i++)
		if (s->depts[i].ndiv > 0 && !isnan(s->depts[i].prev))
			return 1;
	return 0;
}

/* 「未提出の部：産業経済部、…」, the 部 a chart leaves out, or "". */
static int
missing_list(struct buf *out, const struct ck_stats *s)
{
	size_t	i, n = 0;

	for (i = 0; i < s->ndepts; i++) {
		if (s->depts[i].ndiv == 0 || s->depts[i].nsubmitted > 0)
			continue;
		buf_printf(out, "%s%s", n++ == 0 ? "未提出の部：" : "、",
		    s->depts[i].name);
	}
	return buf_ok(out);
}

/*
 * The 部 without a bar, under the chart, on lines of MISS_LINE
 * characters (a body line holds 37 after its indent): each name whole,
 * where Word broke 建築・開発担当部 after 建.
 */
#define MISS_LINE	3500

static int
missing_depts(struct docx *dx, struct ctx *c)
{
	struct buf	 b = BUF_INIT;
	char		*w = NULL;
	int		 r;

	if ((r = missing_list(&b, c->s)) == 0 && b.len > 0) {
		if ((w = textfit_wrap(b.data, MISS_LINE)) == NULL)
			r = error_set(NC_ENOMEM, "out of memory");
		else
			r = body(dx, c, "%s。", w);
	}
	free(w);
	buf_free(&b);
	return r;
}

/* 部別の平均得点, with last year's where there is one */
static int
dept_chart(struct docx *dx, struct ctx *c)
{
	const struct ck_stats	*s = c->s;
	const char		**cats;
	double			*v;
	size_t			 i, n = 0;
	int			 prev = 0, r;

	cats = calloc(s->ndepts + 1, sizeof *cats);
	v = calloc(2 * (s->ndepts + 1), sizeof *v);
	if (cats == NULL || v == NULL) {
		free(cats);
		free(v);
		return error_set(NC_ENOMEM, "out of memory");
	}
	/*
	 * The 部 with a submission: a year of 19 課 charted 12 of 17 部 as
	 * empty rows.  The others are named under the chart.
	 */
	for (i = 0; i < s->ndepts; i++) {
		const struct ck_dept_stat	*ds = &s->depts[i];

		if (ds->ndiv == 0 || ds->nsubmitted == 0)
			continue;
		cats[n] = ds->name;
		v[n] = ds->score;
		v[s->ndepts + 1 + n] = ds->prev;
		prev |= !isnan(ds->prev);
		n++;
	}
	r = add_chart(dx, c, "部別の平均得点", CHART_PLAIN, cats,
	    prev ? v + s->ndepts + 1 : NULL, v, n, 0);
	free(cats);
	free(v);
	if (r == 0)
		r = missing_depts(dx, c);
	return r;
}

static int
doc_depts(struct docx *dx, struct ctx *c)
{
	static const char *const heads[] = {
		"部", "提出課数", "平均得点", "最高", "最低", "前年度"
	};
	static const unsigned	 w[] = { 34, 14, 14, 12, 12, 14 };
	const struct ck_stats	*s = c->s;
	struct docx_table	*t;
	char			 a[32];
	size_t			 i, row = 1;
	int			 r, prev = any_prev(s);

	/* 前年度 and its words only where a 部 has last year's score */
	if ((r = docx_add_outline_heading(dx, 2, "部別の結果")) != 0 ||
	    (r = body(dx, c, "部ごとの得点は、提出のあった課の得点の平均で"
	    "ある。%s", prev ? "前年度は、同じ課の前年度の得点の平均である。" :
	    "")) != 0 ||
	    (r = new_table(&t, prev ? 6 : 5, w, heads)) != 0)
		return r;
	for (i = 0; i < s->ndepts; i++) {
		const struct ck_dept_stat	*ds = &s->depts[i];

		if (ds->ndiv == 0)
			continue;
		docx_table_cell(t, row, 0, ds->name, NULL);
		cnt(a, ds->nsubmitted);
		docx_table_cell(t, row, 1, a, &num_cell);
		docx_table_cell(t, row, 2, num1(a, sizeof a, ds->score),
		    &num_cell);
		docx_table_cell(t, row, 3, num1(a, sizeof a, ds->max),
		    &num_cell);
		docx_table_cell(t, row, 4, num1(a, sizeof a, ds->min),
		    &num_cell);
		if (prev)
			docx_table_cell(t, row, 5, num1(a, sizeof a, ds->prev),
			    &num_cell);
		row++;
	}
	if ((r = add_table(dx, t)) != 0)
		return r;
	return dept_chart(dx, c);
}

static int
doc_attention(struct docx *dx, struct ctx *c)
{
	static const char *const lh[] = { "順位", "No.", "点検項目",
	    "実施率" };
	static const unsigned	 lw[] = { 8, 8, 68, 14 };
	static const char *const mh[] = { "No.", "点検項目", "前年度",
	    "今年度", "増減" };
	static const unsigned	 mw[] = { 8, 54, 12, 12, 12 };
	static const char *const fh[] = { "部", "課", "得点", "偏差値" };
	static const unsigned	 fw[] = { 30, 36, 14, 14 };
	const struct ck_stats	*s = c->s;
	struct docx_table	*t;
	size_t			*low, *mv = NULL, i, k, n, row, rank;
	size_t			 nfall, nrise;
	char			 a[32], b[32], p[32], prevp[32];
	char			 rw[128] = "";
	char			 same[64] = "";
	int			 r;

	if ((r = docx_add_outline_heading(dx, 1, "課題と対応")) != 0 ||
	    (r = docx_add_outline_heading(dx, 2, "実施率の低い項目")) != 0)
		return r;
	if ((low = ck_stats_lowest(s)) == NULL)
		return NC_ENOMEM;
	for (i = 0, n = 0; i < s->set->nitems; i++)
		n += !isnan(s->items[i].rate);
	if (n > LOWEST)
		r = body(dx, c, "実施率の低い順に%d項目を示す。これらの項目は、"
		    "課への周知や研修の重点とする必要がある。", LOWEST);
	else
		r = body(dx, c, "全%zu項目を実施率の低い順に示す。実施率の低い"
		    "項目は、課への周知や研修の重点とする必要がある。", n);
	if (r != 0 || (r = new_table(&t, 4, lw, lh)) != 0)
		goto done;
	for (i = 0, row = 1, rank = 0; i < s->set->nitems && i < LOWEST;
	    i++) {
		const struct ck_item_stat	*is = &s->items[low[i]];

		if (isnan(is->rate))
			break;
		/*
		 * Items of the same rate as shown share a rank (8, 8, 10):
		 * two rows of 73.8% ranked 8 and 9 read as an error.
		 */
		pct(b, sizeof b, is->rate);
		if (i == 0 || strcmp(b, prevp) != 0)
			rank = i + 1;
		snprintf(prevp, sizeof prevp, "%s", b);
		snprintf(a, sizeof a, "%zu", rank);
		docx_table_cell(t, row, 0, a, &mid_cell);
		docx_table_cell(t, row, 1, item_no(p, sizeof p, low[i]),
		    &mid_cell);
		docx_table_cell(t, row, 2, is->item->text, NULL);
		docx_table_cell(t, row, 3, pct(b, sizeof b, is->rate),
		    &num_cell);
		row++;
	}
	if ((r = add_table(dx, t)) != 0)
		goto done;

	if ((r = docx_add_outline_heading(dx, 2, "前年度との比較")) != 0)
		goto done;
	if (!s->has_prev) {
		r = body(dx, c, "前年度の点検結果がないため、比較していない。");
		goto divisions;
	}
	if (no_compare(s)) {
		r = body(dx, c, "%s", no_same_line(s));
		goto divisions;
	}
	/* the reworded items left out, said so after the count */
	if (s->nreworded > 0)
		snprintf(rw, sizeof rw, "前年度から文言を見直した%zu項目は、"
		    "比較に含めていない。", s->nreworded);
	/* items in both years, by change */
	if ((mv = calloc(s->set->nitems + 1, sizeof *mv)) == NULL) {
		r = error_set(NC_ENOMEM, "out of memory");
		goto done;
	}
	for (i = 0, n = 0; i < s->set->nitems; i++) {
		if (!isnan(s->items[low[i]].rate) &&
		    !isnan(s->items[low[i]].prev))
			mv[n++] = low[i];
	}
	/* by change, smallest first: insertion sort over ~50 items */
	for (i = 1; i < n; i++) {
		size_t	x = mv[i];
		double	dx_ = diffpt(s->items[x].rate, s->items[x].prev);

		for (k = i; k > 0 && diffpt(s->items[mv[k - 1]].rate,
		    s->items[mv[k - 1]].prev) > dx_; k--)
			mv[k] = mv[k - 1];
		mv[k] = x;
	}
	for (i = 0, nfall = nrise = 0; i < n; i++) {
		double	d = diffpt(s->items[mv[i]].rate, s->items[mv[i]].prev);

		nfall += d < 0;
		nrise += d > 0;
	}
	/* the words follow the data: no "低下" over rows that all rose */
	if (nfall == 0 && nrise == 0) {
		r = body(dx, c, "前年度と同じ項目（%zu項目）の実施率に変化は"
		    "なかった。%s", n, rw);
		goto divisions;
	}
	/*
	 * the items whose rate did not change too, so that the counts add
	 * up to the items compared (rev21b T8: 21 + 24 of 47, two ±0.0)
	 */
	if (n > nfall + nrise)
		snprintf(same, sizeof same, "、変化のなかった項目は%zu項目",
		    n - nfall - nrise);
	if (nfall > 0 && nrise > 0)
		r = body(dx, c, "前年度と同じ項目（%zu項目）のうち、実施率が"
		    "低下した項目は%zu項目、上昇した項目は%zu項目%sであった。"
		    "%s%s", n, nfall, nrise, same, rw, nfall > MOVERS ||
		    nrise > MOVERS ?
		    "低下、上昇それぞれ変化の大きい項目を示す。" :
		    "これらの項目を変化の大きい順に示す。");
	else
		r = body(dx, c, "前年度と同じ項目（%zu項目）のうち、実施率が"
		    "%sした項目は%zu項目%sであり、%sした項目はなかった。%s%s",
		    n, nfall ? "低下" : "上昇", nfall ? nfall : nrise, same,
		    nfall ? "上昇" : "低下", rw,
		    (nfall ? nfall : nrise) > MOVERS ?
		    "変化の大きい項目を示す。" :
		    "これらの項目を変化の大きい順に示す。");
	if (r != 0 || (r = new_table(&t, 5, mw, mh)) != 0)
		goto done;
	row = 1;
	for (i = 0; i < n && i < MOVERS; i++) {
		const struct ck_item_stat *is = &s->items[mv[i]];

		if (diffpt(is->rate, is->prev) >= 0)
			break;
		docx_table_cell(t, row, 0, item_no(p, sizeof p, mv[i]),
		    &mid_cell);
		docx_table_cell(t, row, 1, is->item->text, NULL);
		docx_table_cell(t, row, 2, pct(a, sizeof a, is->prev),
		    &num_cell);
		docx_table_cell(t, row, 3, pct(b, sizeof b, is->rate),
		    &num_cell);
		docx_table_cell(t, row, 4, points(p, sizeof p, is->rate,
		    is->prev), &num_cell);
		row++;
	}
	for (i = 0; i < n && i < MOVERS; i++) {
		const struct ck_item_stat *is = &s->items[mv[n - 1 - i]];

		if (diffpt(is->rate, is->prev) <= 0)
			break;
		docx_table_cell(t, row, 0, item_no(p, sizeof p, mv[n - 1 - i]),
		    &mid_cell);
		docx_table_cell(t, row, 1, is->item->text, NULL);
		docx_table_cell(t, row, 2, pct(a, sizeof a, is->prev),
		    &num_cell);
		docx_table_cell(t, row, 3, pct(b, sizeof b, is->rate),
		    &num_cell);
		docx_table_cell(t, row, 4, points(p, sizeof p, is->rate,
		    is->prev), &num_cell);
		row++;
	}
	if (row == 1)
		docx_table_merge(t, 0, 0, 1, 1);
	if ((r = add_table(dx, t)) != 0)
		goto done;
	/*
	 * the divisions to follow up whatever 4(2) says: without last
	 * year's results, or with nothing to compare, the section was gone
	 */
divisions:
	if (r != 0 || s->kind == CK_VENDOR)
		goto done;

	if ((r = docx_add_outline_heading(dx, 2, "得点の低い課")) != 0)
		goto done;
	for (i = 0, n = 0; i < s->ndiv; i++)
		n += !isnan(s->divs[i].deviation) &&
		    s->divs[i].deviation < FOLLOWUP_DEV;
	if (n == 0) {
		r = body(dx, c, "偏差値が%.0fを下回る課はなかった。",
		    FOLLOWUP_DEV);
		goto done;
	}
	if ((r = body(dx, c, "偏差値が%.0fを下回る課（%zu課）を示す。個別に"
	    "状況を確認し、改善を支援する。", FOLLOWUP_DEV, n)) != 0 ||
	    (r = new_table(&t, 4, fw, fh)) != 0)
		goto done;
	for (i = 0, row = 1; i < s->ndiv; i++) {
		const struct ck_div_stat	*ds = &s->divs[i];

		if (isnan(ds->deviation) || ds->deviation >= FOLLOWUP_DEV)
			continue;
		docx_table_cell(t, row, 0, ds->org->dept_name, NULL);
		docx_table_cell(t, row, 1, ds->org->name, NULL);
		docx_table_cell(t, row, 2, num1(a, sizeof a, ds->score),
		    &num_cell);
		docx_table_cell(t, row, 3, num1(b, sizeof b, ds->deviation),
		    &num_cell);
		row++;
	}
	r = add_table(dx, t);
done:
	free(mv);
	free(low);
	return r;
}

/*
 * The items answered 「いいえ」 as a reader finds them on the form and in
 * the tables: by number (No.) and text, one a line.
 */
static void
gap_items(struct buf *b, const struct ck_stats *s, const struct ck_gap *g)
{
	size_t	k;

	for (k = 0; k < g->nitems; k++)
		buf_printf(b, "%sNo.%zu：%s", k ? "\n" : "",
		    (size_t)(g->items[k] - s->set->items) + 1,
		    g->items[k]->text);
}

/* The stages a contractor's clause is checked at: 締結当初・履行中. */
static void
item_stages(struct buf *b, const struct ck_item *it)
{
	size_t	k;

	buf_reset(b);
	for (k = 0; k < CK_NSTAGES; k++)
		if (it->stages & (1u << k))
			buf_printf(b, "%s%s", b->len ? "・" : "",
			    ck_stage_label(k));
}

static int
doc_vendor(struct docx *dx, struct ctx *c)
{
	static const char *const sh[] = { "点検段階", "チェックシート数",
	    "回答数", "実施率" };
	static const unsigned	 sw[] = { 30, 22, 18, 18 };
	static const char *const ih[] = { "No.", "点検段階", "点検項目",
	    "回答数", "実施率" };
	static const unsigned	 iw[] = { 7, 17, 56, 10, 10 };
	static const char *const gh[] = { "課", "契約名", "点検段階",
	    "「いいえ」の項目" };
	static const unsigned	 gw[] = { 22, 30, 16, 40 };
	const struct ck_stats	*s = c->s;
	struct docx_table	*t;
	struct docx_para_style	 small;
	struct buf		 b = BUF_INIT;
	char			 x[32], y[32];
	size_t			 i, k, row;
	int			 r;

	/*
	 * with last year's rate as the other reports have it: the 集計表's
	 * 前年度比較 compared the years and the report did not
	 */
	if ((r = rate_words(&b, s)) != 0)
		goto done;
	if ((r = docx_add_outline_heading(dx, 1, "結果")) != 0 ||
	    (r = docx_add_outline_heading(dx, 2, "点検段階別の結果")) != 0 ||
	    (r = body(dx, c, "提出のあったチェックシートは、%zu課から計%s件"
	    "である。%s", s->nsubmitted,
	    cnt(y, s->stages[0].nsheets + s->stages[1].nsheets +
	    s->stages[2].nsheets + s->stages[3].nsheets), b.data)) != 0 ||
	    (r = new_table(&t, 4, sw, sh)) != 0)
		goto done;
	buf_reset(&b);
	for (k = 0; k < CK_NSTAGES; k++) {
		docx_table_cell(t, k + 1, 0, ck_stage_label(k), NULL);
		cnt(x, s->stages[k].nsheets);
		docx_table_cell(t, k + 1, 1, x, &num_cell);
		cnt(x, s->stages[k].n);
		docx_table_cell(t, k + 1, 2, x, &num_cell);
		docx_table_cell(t, k + 1, 3, pct(y, sizeof y,
		    s->stages[k].rate), &num_cell);
	}
	if ((r = add_table(dx, t)) != 0)
		goto done;
	{
		const char	*cats[CK_NSTAGES];
		double		 v[CK_NSTAGES];

		for (k = 0; k < CK_NSTAGES; k++) {
			cats[k] = ck_stage_label(k);
			v[k] = s->stages[k].rate;
		}
		if ((r = add_chart(dx, c, "点検段階別の実施率", CHART_PERCENT,
		    cats, NULL, v, CK_NSTAGES, 0)) != 0)
			goto done;
	}
	if (
	    (r = docx_add_outline_heading(dx, 2, "項目別の結果")) != 0 ||
	    (r = new_table(&t, 5, iw, ih)) != 0)
		goto done;
	for (i = 0, row = 1; i < s->set->nitems; i++) {
		const struct ck_item	*it = &s->set->items[i];

		item_stages(&b, it);
		if ((r = buf_ok(&b)) != 0) {
			docx_table_free(t);
			goto done;
		}
		docx_table_cell(t, row, 0, item_no(x, sizeof x, i),
		    &mid_cell);
		docx_table_cell(t, row, 1, b.data, NULL);
		docx_table_cell(t, row, 2, it->text, NULL);
		cnt(x, s->items[i].n);
		docx_table_cell(t, row, 3, x, &num_cell);
		docx_table_cell(t, row, 4, pct(y, sizeof y, s->items[i].rate),
		    &num_cell);
		row++;
	}
	if ((r = add_table(dx, t)) != 0)
		goto done;
	/* the section's one item is the section: no (1) without a (2) */
	if ((r = docx_add_outline_heading(dx, 1, "対策に不足のある契約")) != 0)
		goto done;
	if (s->ngaps == 0) {
		r = body(dx, c, "「いいえ」の回答のある契約はなかった。");
		goto done;
	}
	/*
	 * In 9pt: a 課, a contract, a stage and the items in 10.5pt left
	 * 建築指導担当課 and 契約等の締結前 breaking before their last
	 * character beside the contract's name five characters a line.
	 */
	memset(&small, 0, sizeof small);
	small.size = 18;
	if ((r = body(dx, c, "「いいえ」の回答のある契約（%zu件）を示す。所管"
	    "課を通じて委託事業者等に改善を求め、次の段階の点検で確認する。",
	    s->ngaps)) != 0 || (r = docx_table_new(&t, 4, gw)) != 0)
		goto done;
	for (k = 0; k < 4; k++)
		docx_table_cell(t, 0, k, gh[k], &small);
	docx_table_header_rows(t, 1);
	for (i = 0; i < s->ngaps; i++) {
		const struct ck_gap	*g = &s->gaps[i];

		buf_reset(&b);
		gap_items(&b, s, g);
		if ((r = buf_ok(&b)) != 0) {
			docx_table_free(t);
			goto done;
		}
		docx_table_cell(t, i + 1, 0, g->org_name, &small);
		docx_table_cell(t, i + 1, 1, g->contract ? g->contract : "",
		    &small);
		docx_table_cell(t, i + 1, 2, ck_stage_label(g->stage), &small);
		docx_table_cell(t, i + 1, 3, b.data, &small);
	}
	r = add_table(dx, t);
done:
	buf_free(&b);
	return r;
}

static int
doc_recommendations(struct docx *dx, struct ctx *c)
{
	const struct ck_set	*set = c->s->set;
	struct docx_para_style	 ps;
	size_t			 i;
	int			 r;

	if (set->nrecommendations == 0)
		return 0;
	if ((r = docx_add_outline_heading(dx, 1, "今後の取組")) != 0)
		return r;
	/* a single item is not numbered */
	if (set->nrecommendations == 1)
		return docx_add_outline_body(dx, set->recommendations[0]);
	/*
	 * numbered (1), (2) ... with the text hanging under its number; the
	 * hang as wide as the label, so the label and the text share a line
	 */
	memset(&ps, 0, sizeof ps);
	for (i = 0; i < set->nrecommendations; i++) {
		char	 label[32];
		char	*t;

		snprintf(label, sizeof label, "(%zu)\u3000", i + 1);
		ps.indent_left = 100 + (int)docx_measure(label);
		ps.indent_first = -(int)docx_measure(label);
		ps.space_after = 4;
		if ((t = malloc(strlen(set->recommendations[i]) + 32)) == NULL)
			return error_set(NC_ENOMEM, "out of memory");
		sprintf(t, "%s%s", label, set->recommendations[i]);
		r = docx_add_para(dx, t, &ps);
		free(t);
		if (r != 0)
			return r;
	}
	return 0;
}

static int
write_docx(const char *path, struct ctx *c, const char *iso)
{
	struct docx		*dx = NULL;
	struct docx_props	 props;
	struct docx_report	 cover;
	int			 r;

	memset(&props, 0, sizeof props);
	props.title = c->title;
	props.author = c->author;
	props.created = iso;
	if ((r = docx_new(&dx, &props)) != 0)
		goto done;
	memset(&cover, 0, sizeof cover);
	cover.title = c->title;
	cover.date = c->date;
	cover.author = c->author;
	if ((r = docx_header_text(dx, c->title, DOCX_RIGHT)) != 0 ||
	    (r = docx_footer_page_number(dx, DOCX_PAGENUM_DASH)) != 0 ||
	    (r = docx_add_report_cover(dx, &cover)) != 0 ||
	    (r = doc_intro(dx, c)) != 0)
		goto done;
	if (c->s->kind == CK_VENDOR) {
		if ((r = doc_vendor(dx, c)) != 0)
			goto done;
	} else if ((r = docx_add_outline_heading(dx, 1, "結果")) != 0 ||
	    (r = doc_response(dx, c)) != 0 || (r = doc_overall(dx, c)) != 0 ||
	    (r = doc_depts(dx, c)) != 0 || (r = doc_attention(dx, c)) != 0)
		goto done;
	if ((r = doc_recommendations(dx, c)) != 0 ||
	    (r = docx_add_closing(dx)) != 0 || (r = docx_save(dx, path)) != 0)
		goto done;
done:
	docx_free(dx);
	return r;
}

/* ---- the workbook ---- */

static void
rate_cell(struct xlsx_sheet *sh, uint32_t row, uint16_t col, double v)
{
	if (isnan(v))
		xlsx_write_blank(sh, row, col);
	else
		xlsx_write_number(sh, row, col, v, XLSX_NUM_PCT);
}

static void
num_cell_x(struct xlsx_sheet *sh, uint32_t row, uint16_t col, double v,
    enum xlsx_num f)
{
	if (isnan(v))
		xlsx_write_blank(sh, row, col);
	else
		xlsx_write_number(sh, row, col, v, f);
}

/*
 * A score, a deviation or a previous year's score: one decimal, the
 * value the Word report prints (num1()), so Excel shows the same figure
 * (85.25 printed 85.2 by the report would show 85.3 in "0.0").
 */
static void
score_cell(struct xlsx_sheet *sh, uint32_t row, uint16_t col, double v)
{
	char	tmp[64];

	if (isnan(v))
		xlsx_write_blank(sh, row, col);
	else
		xlsx_write_number(sh, row, col, strtod(num1(tmp, sizeof tmp,
		    v), NULL), XLSX_NUM_DEC1);
}

/*
 * The items' table, widths for the fewest pages at the largest scale
 * (xlsx_fit_sheet()): the item's text broken by the writer, the figures
 * at their widths.  A contractor's clause has no 分類 but the stages it
 * is checked at (点検段階, "締結当初・履行中・終了時"), as in the report's
 * table: a column per stage was empty but for one clause in sixteen and
 * left the clause's text twelve characters a line.
 */
/*
 * The contractors' items read at the desk print at 82 % or more: fitted
 * for the fewest pages, their one page printed at 80 % (the 50 items of
 * the department check take pages at any scale: the fewest for them).
 */
#define VENDOR_LEAST	0.82

/*
 * A 分類's line on 項目別, in textfit's hundredths: 情報システム全体の /
 * 強靭性の向上, 物理的セキュリティ whole.
 */
#define CAT_LINE	1000

static int
sheet_items(struct xlsx *x, struct ctx *c, const char *note)
{
	const struct ck_stats	*s = c->s;
	struct xlsx_fit_col	 fc[18];
	struct xlsx_column	 cols[18];
	struct xlsx_sheet	*sh;
	struct xlsx_chart	 ch;
	enum ck_value		 vals[4];
	const char		**cells = NULL;
	char			**stv = NULL;
	struct buf		 b = BUF_INIT;
	uint16_t		 rc;
	uint32_t		 row, first, nr;
	size_t			 nv, i, k, nc = 0, ntext;
	int			 r = 0, prev = 0;

	/* some item has last year's rate (has_prev: last year's set) */
	for (i = 0; i < s->set->nitems; i++)
		prev |= !isnan(s->items[i].prev);
	if (s->kind == CK_DEPARTMENT) {
		vals[0] = CK_DONE;
		vals[1] = CK_PARTIAL;
		vals[2] = CK_NOTDONE;
		vals[3] = CK_UNKNOWN;
		nv = 4;
	} else {
		vals[0] = CK_YES;
		vals[1] = CK_NO;
		nv = 2;
	}
	fc[nc++] = (struct xlsx_fit_col){ { "No.", XLSX_COL_CENTER, 5 },
	    XLSX_FIT_FIXED };
	/*
	 * 契約等の締結前・ / 履行中.  A 分類 is a label, broken once here
	 * where it reads best and kept so in every row (CAT_LINE): fitted
	 * as text it broke 情報システム全 / 体の強靭性の向上 in the rows of
	 * two lines where a row of three read 情報システム / 全体の /
	 * 強靭性の向上.
	 */
	if (s->kind == CK_VENDOR)
		fc[nc++] = (struct xlsx_fit_col){ { "点検段階",
		    XLSX_COL_BREAK | XLSX_COL_PHRASE, 16 }, XLSX_FIT_TEXT };
	else
		fc[nc++] = (struct xlsx_fit_col){ { "分類", 0, 0 },
		    XLSX_FIT_CODE };
	ntext = nc;
	fc[nc++] = (struct xlsx_fit_col){ { "点検項目", XLSX_COL_BREAK, 50 },
	    XLSX_FIT_TEXT };
	fc[nc++] = (struct xlsx_fit_col){ { "回答数", 0, 8 }, XLSX_FIT_FIXED };
	/* わからない on one line: five characters need 11 */
	for (k = 0; k < nv; k++)
		fc[nc++] = (struct xlsx_fit_col){ { ck_value_label(vals[k]), 0,
		    strlen(ck_value_label(vals[k])) > 12 ? 11 : 9 },
		    XLSX_FIT_FIXED };
	fc[nc++] = (struct xlsx_fit_col){ { "該当なし", 0, 9 },
	    XLSX_FIT_FIXED };
	/*
	 * 前年度, 今年度, 増減: the order of every comparison; without last
	 * year's results neither 前年度 nor 増減, empty in every row
	 */
	if (prev)
		fc[nc++] = (struct xlsx_fit_col){ { "前年度", 0, 9 },
		    XLSX_FIT_FIXED };
	fc[nc++] = (struct xlsx_fit_col){ { "実施率", 0, 9 }, XLSX_FIT_FIXED };
	rc = (uint16_t)(nc - 1);
	/* 増減 / （ポイント）: two lines, the item's text the room */
	if (prev)
		fc[nc++] = (struct xlsx_fit_col){ { "増減（ポイント）",
		    XLSX_COL_BREAK | XLSX_COL_PHRASE, 13 }, XLSX_FIT_FIXED };
	/* the texts measured: the item's 分類 or stages, and its text */
	if (s->set->nitems > 0 && ((cells = calloc(s->set->nitems * nc,
	    sizeof *cells)) == NULL || (stv = calloc(s->set->nitems,
	    sizeof *stv)) == NULL)) {
		free(cells);
		return error_set(NC_ENOMEM, "out of memory");
	}
	for (i = 0; i < s->set->nitems; i++) {
		const struct ck_item	*it = s->items[i].item;
		const char		**cl = cells + i * nc;

		if (s->kind == CK_VENDOR) {
			item_stages(&b, it);
			if (buf_ok(&b) != 0 ||
			    (stv[i] = buf_detach(&b, NULL)) == NULL) {
				r = error_set(NC_ENOMEM, "out of memory");
				goto done;
			}
			cl[1] = stv[i];
		} else {
			if (it->category == NULL || *it->category == '\0')
				stv[i] = strdup("");
			else
				stv[i] = textfit_wrap(it->category, CAT_LINE);
			if (stv[i] == NULL) {
				r = error_set(NC_ENOMEM, "out of memory");
				goto done;
			}
			cl[1] = stv[i];
		}
		cl[ntext] = it->text;
	}
	if ((r = xlsx_add_sheet(&sh, x, "項目別", XLSX_LANDSCAPE)) != 0 ||
	    (r = xlsx_title(sh, "項目別の実施率", note)) != 0 ||
	    (r = xlsx_fit_sheet(sh, cols, fc, nc, cells, s->set->nitems,
	    s->kind == CK_VENDOR ? VENDOR_LEAST : 0,
	    0, NULL)) != 0 ||
	    (r = xlsx_table(&row, sh, cols, nc)) != 0)
		goto done;
	first = row;
	for (i = 0; i < s->set->nitems; i++, row++) {
		const struct ck_item_stat	*is = &s->items[i];
		char				 no[24];
		uint16_t			 col = 0;

		snprintf(no, sizeof no, "%zu", i + 1);
		xlsx_write_text(sh, row, col++, no);
		xlsx_write_text(sh, row, col++, cells[i * nc + 1]);
		xlsx_write_text(sh, row, col++, is->item->text);
		xlsx_write_number(sh, row, col++, (double)is->n, XLSX_NUM_INT);
		for (k = 0; k < nv; k++)
			xlsx_write_number(sh, row, col++,
			    (double)is->counts[vals[k]], XLSX_NUM_INT);
		xlsx_write_number(sh, row, col++, (double)is->counts[CK_NA],
		    XLSX_NUM_INT);
		if (prev)
			rate_cell(sh, row, col++, is->prev);
		rate_cell(sh, row, col++, is->rate);
		if (prev)
			num_cell_x(sh, row, col++, isnan(is->rate) ||
			    isnan(is->prev) ? NAN : diffpt(is->rate, is->prev),
			    XLSX_NUM_DIFF);
	}
	/*
	 * what 回答数 counts (not the 該当なし beside it), and with the
	 * department's four answers what the rate weighs them by, in the
	 * report's words (doc_intro()): 「実施率はこれに対する割合」 alone
	 * read as 実施 ÷ 回答数, 69 / 93 = 74.2% beside the 77.4% shown
	 */
	nr = row;
	if (s->kind == CK_DEPARTMENT) {
		if ((r = xlsx_note(sh, ++nr, "回答数は、該当なしを除く回答の数"
		    "である。")) == 0)
			r = xlsx_note(sh, ++nr, "実施率は、「実施」を1、「一部"
			    "実施」を0.5、「未実施」「わからない」を0として、"
			    "回答数に対する割合を算出したものである。");
	} else
		r = xlsx_note(sh, ++nr, "回答数は、該当なしを除く回答の数で"
		    "あり、実施率はこれに対する割合である。");
	/* a blank 前年度 explained: the items new this year, reworded */
	buf_reset(&b);
	if (r == 0 && no_compare(s))
		r = xlsx_note(sh, ++nr, no_same_line(s));
	/* the 分類 moved, as the 分類別 sheet says */
	if (r == 0 && prev && recategorised(s))
		r = xlsx_note(sh, ++nr, "分類は今年度の分類による（前年度から"
		    "分類を見直した項目がある）。");
	if (r == 0 && prev && (r = left_out(&b, s)) == 0) {
		/*
		 * the items whole, however many (t[512] cut the list), each
		 * blank by its reason: No.9's 前年度 was blank for want of
		 * answers last year, and the note called it a new item
		 */
		struct buf	 msg = BUF_INIT, pb = BUF_INIT, cb = BUF_INIT;

		for (i = 0; i < s->set->nitems; i++) {
			const struct ck_item_stat	*is = &s->items[i];
			char				 no[24];

			item_no(no, sizeof no, i);
			if (isnan(is->rate))
				buf_printf(&cb, "%s%s", cb.len > 0 ? "、" : "",
				    no);
			else if (is->in_prev && isnan(is->prev))
				buf_printf(&pb, "%s%s", pb.len > 0 ? "、" : "",
				    no);
		}
		if (b.len > 0 || pb.len > 0)
			buf_printf(&msg, "前年度・増減の空欄は、%s%s%s%s%sである。",
			    b.data != NULL ? b.data : "", b.len > 0 &&
			    pb.len > 0 ? "、" : "", pb.len > 0 ?
			    "前年度に回答のなかった項目（No." : "",
			    pb.len > 0 ? pb.data : "", pb.len > 0 ? "）" : "");
		if ((r = buf_ok(&msg)) == 0 && msg.len > 0)
			r = xlsx_note(sh, ++nr, msg.data);
		buf_reset(&msg);
		if (r == 0 && cb.len > 0) {
			buf_printf(&msg, "実施率・増減の空欄は、今年度に回答のなかった"
			    "項目（No.%s）である。", cb.data);
			if ((r = buf_ok(&msg)) == 0)
				r = xlsx_note(sh, ++nr, msg.data);
		}
		buf_free(&msg);
		buf_free(&pb);
		buf_free(&cb);
	}
	if (r != 0)
		goto done;
	/*
	 * A chart of the items only for the few clauses of the vendor
	 * sheet; 50 items of a department's check would take pages, where
	 * the categories' chart (sheet_categories()) gives the picture and
	 * the table each item's rate.
	 */
	if (s->kind != CK_VENDOR)
		goto done;
	memset(&ch, 0, sizeof ch);
	ch.type = XLSX_CHART_BAR;
	ch.title = "項目別の実施率";
	/* the items by the No. of the table and the form */
	ch.x_title = "項目（No.）";
	ch.y_pct = 1;
	ch.cat_col = 0;
	ch.val_cols = &rc;
	ch.nval = 1;
	ch.first_row = first;
	ch.last_row = row - 1;
	/*
	 * an item without answers this year has no bar: its No. says so,
	 * as the table's note does, not an unlabelled gap (G4)
	 */
	for (i = 0; i < s->set->nitems && !isnan(s->items[i].rate); i++)
		;
	if (i < s->set->nitems) {
		char	**labs;

		if ((labs = calloc(s->set->nitems, sizeof *labs)) == NULL) {
			r = error_set(NC_ENOMEM, "out of memory");
			goto done;
		}
		for (i = 0; i < s->set->nitems; i++) {
			buf_reset(&b);
			buf_printf(&b, "%zu%s", i + 1, isnan(s->items[i].rate) ?
			    "（回答なし）" : "");
			if ((r = buf_ok(&b)) != 0 ||
			    (labs[i] = buf_detach(&b, NULL)) == NULL) {
				r = r != 0 ? r : error_set(NC_ENOMEM,
				    "out of memory");
				break;
			}
		}
		if (r == 0) {
			ch.cat_labels = (const char *const *)labs;
			r = xlsx_add_chart(sh, &ch);
		}
		for (i = 0; i < s->set->nitems; i++)
			free(labs[i]);
		free(labs);
		goto done;
	}
	r = xlsx_add_chart(sh, &ch);
done:
	for (i = 0; stv != NULL && i < s->set->nitems; i++)
		free(stv[i]);
	free(stv);
	free(cells);
	buf_free(&b);
	return r;
}

static int
sheet_depts(struct xlsx *x, struct ctx *c, const char *note)
{
	static const struct xlsx_column	 cols[] = {
		{ "部", 0, 20 }, { "課数", 0, 8 }, { "提出", 0, 8 },
		{ "提出率", 0, 9 }, { "平均得点", 0, 10 }, { "最高", 0, 8 },
		{ "最低", 0, 8 }, { "前年度", 0, 10 },
	};
	/*
	 * Last year's series first, then this year's, named by their years:
	 * the colours and names of the categories' chart and of the
	 * report's charts (add_chart()).
	 */
	static const uint16_t	 vals[] = { 7, 4 };
	const struct ck_stats	*s = c->s;
	struct xlsx_sheet	*sh;
	struct xlsx_chart	 ch;
	const char		*names[2];
	char			 py[CAL_FMT_MAX];
	struct buf		 miss = BUF_INIT;
	uint32_t		 row, first, last = 0;
	size_t			 i, nl = 0;
	int			 r, prev = any_prev(s);
	/*
	 * The chart's names of the 部 charted: a 部 of which some 課
	 * submitted as 「区民部（提出1課／8課）」, its bar theirs alone, as
	 * the 最終報告書's chart names it (the table has the counts).
	 */
	char			**labels = NULL;

	/* 前年度, the last column, only where a 部 has last year's score */
	if ((r = xlsx_add_sheet(&sh, x, "部別", 0)) != 0 ||
	    (r = xlsx_title(sh, "部別の結果", note)) != 0 ||
	    (r = xlsx_table(&row, sh, cols, prev ? 8 : 7)) != 0)
		return r;
	/*
	 * The 部 with a submission first, those without after them: the
	 * chart draws the first rows alone, where a year of 19 課 had 12 of
	 * its 17 rows empty.
	 */
	first = row;
	for (i = 0; i < 2 * s->ndepts; i++) {
		const struct ck_dept_stat	*ds = &s->depts[i % s->ndepts];

		if (ds->ndiv == 0 || (ds->nsubmitted > 0) != (i < s->ndepts))
			continue;
		if (i >= s->ndepts && last == 0)
			last = row - 1;
		xlsx_write_text(sh, row, 0, ds->name);
		xlsx_write_number(sh, row, 1, (double)ds->ndiv, XLSX_NUM_INT);
		xlsx_write_number(sh, row, 2, (double)ds->nsubmitted,
		    XLSX_NUM_INT);
		rate_cell(sh, row, 3, (double)ds->nsubmitted /
		    (double)ds->ndiv);
		score_cell(sh, row, 4, ds->score);
		score_cell(sh, row, 5, ds->max);
		score_cell(sh, row, 6, ds->min);
		if (prev)
			score_cell(sh, row, 7, ds->prev);
		row++;
	}
	if (last == 0)
		last = row - 1;
	if ((labels = calloc(s->ndepts + 1, sizeof *labels)) == NULL)
		return error_set(NC_ENOMEM, "out of memory");
	for (i = 0; i < s->ndepts; i++) {
		const struct ck_dept_stat	*ds = &s->depts[i];

		if (ds->ndiv == 0 || ds->nsubmitted == 0)
			continue;
		if ((labels[nl++] = ck_dept_label(ds)) == NULL) {
			r = error_set(NC_ENOMEM, "out of memory");
			goto done;
		}
	}
	/* what the two years' means are over, as the report says */
	xlsx_note(sh, row + 1, prev ? "平均得点は提出のあった課の得点の平均、"
	    "前年度は同じ課の前年度の得点の平均。" : "平均得点は提出のあった"
	    "課の得点の平均。");
	if ((r = missing_list(&miss, s)) == 0 && miss.len > 0) {
		buf_printf(&miss, "（表の末尾に示し、グラフには含めない）。");
		if ((r = buf_ok(&miss)) == 0)
			r = xlsx_note(sh, row + 2, miss.data);
	}
	buf_free(&miss);
	if (r != 0)
		goto done;
	memset(&ch, 0, sizeof ch);
	ch.type = XLSX_CHART_COLUMN;
	ch.title = "部別の平均得点";
	ch.y_title = "得点";
	ch.cat_col = 0;
	if ((r = cal_fy_label(py, sizeof py, s->fy - 1)) != 0)
		goto done;
	names[0] = py;
	names[1] = c->fylabel;
	ch.val_cols = prev ? vals : vals + 1;
	ch.names = prev ? names : names + 1;
	ch.nval = prev ? 2 : 1;
	/* one decimal, as the table shows the scores (77.0, never 77) */
	ch.label_numfmt = "0.0";
	/* scores out of 100 points: the axis ends there, as the Word one */
	ch.y_max = 100;
	ch.first_row = first;
	ch.last_row = last;
	ch.at_row = row + 3;
	ch.at_col = 0;
	ch.width = 900;
	ch.height = 420;
	if (nl > 0 && nl == last - first + 1)
		ch.cat_labels = (const char *const *)labels;
	r = xlsx_add_chart(sh, &ch);
done:
	for (i = 0; labels != NULL && i < nl; i++)
		free(labels[i]);
	free(labels);
	return r;
}

static int
sheet_divs(struct xlsx *x, struct ctx *c, const char *note)
{
	/*
	 * 建築・開発担当部 of eight characters on one line: a wrapped cell
	 * keeps a character's room (xlsx_usable()), so in 18 its rows were
	 * two lines high and printed one
	 */
	struct xlsx_column	 cols[] = {
		{ "部", 0, 20 }, { "課", 0, 28 }, { "状況", XLSX_COL_CENTER, 10 },
		{ "提出日", 0, 12 }, { "得点", 0, 8 }, { "偏差値", 0, 8 },
		{ "順位", 0, 6 }, { "前年度", 0, 8 }, { "回答者数", 0, 9 },
		{ "対象職員数", 0, 10 }, { "自己点検の実施率", 0, 14 },
	};
	/*
	 * Beside the 所属点検's columns the last three are the staff's
	 * self check, said in each heading: 回答者数, 対象職員数 and
	 * 実施率 side by side read as 7 / 10 = 78.5 % (a line each, as
	 * wide as the longest: never 自己点検の実 / 施率).
	 */
	static const struct xlsx_column	 selfcols[] = {
		{ "自己点検の\n回答者数", 0, 11 },
		{ "自己点検の\n対象職員数", 0, 11 },
		{ "自己点検の\n実施率", 0, 11 },
	};
	const struct ck_stats	*s = c->s, *self = c->self;
	/* the staff's self check, in the self check's or beside it */
	const struct ck_stats	*staff = s->kind == CK_SELF ? s : self;
	struct xlsx_sheet	*sh;
	struct cal_date		 d;
	uint32_t		 row, nrow;
	size_t			 i, ncols;
	uint16_t		 sc;	/* the first of the staff's columns */
	int			 r, prev = any_prev(s), nostaff = 0, miss = 0;

	if (s->kind != CK_SELF && self != NULL)
		memcpy(cols + 8, selfcols, sizeof selfcols);
	ncols = s->kind == CK_SELF ? 10 : self != NULL ? 11 : 8;
	/*
	 * 前年度 only where a 課 has last year's score: without last year's
	 * results it was blank in every row, under a note on blanks
	 */
	if (!prev) {
		/*
		 * its width to the 課: the table as wide, printed at the
		 * same scale (narrower, it printed larger and 93 課 took a
		 * page more for six rows)
		 */
		cols[1].width += cols[7].width;
		memmove(cols + 7, cols + 8, (ncols - 8) * sizeof *cols);
		ncols--;
	}
	sc = prev ? 8 : 7;
	if ((r = xlsx_add_sheet(&sh, x, "課別", XLSX_LANDSCAPE)) != 0 ||
	    (r = xlsx_title(sh, "課別の結果", note)) != 0 ||
	    (r = xlsx_table(&row, sh, cols, ncols)) != 0)
		return r;
	for (i = 0; i < s->ndiv; i++, row++) {
		const struct ck_div_stat	*ds = &s->divs[i];

		xlsx_write_text(sh, row, 0, ds->org->dept_name);
		xlsx_write_text(sh, row, 1, ds->org->name);
		xlsx_write_text(sh, row, 2, ds->submitted ? "提出済" : "未提出");
		if (ds->submitted_on != NULL &&
		    cal_parse_iso(&d, ds->submitted_on) == 0)
			xlsx_write_date(sh, row, 3, d.y, d.m, d.d,
			    XLSX_DATE_ERA_SHORT);
		else
			xlsx_write_blank(sh, row, 3);
		score_cell(sh, row, 4, ds->score);
		score_cell(sh, row, 5, ds->deviation);
		num_cell_x(sh, row, 6, ds->rank ? (double)ds->rank : NAN,
		    XLSX_NUM_INT);
		if (prev)
			score_cell(sh, row, 7, ds->prev);
		/* the same orgs.yaml: the divisions are in the same order */
		if (self != NULL && i < self->ndiv)
			ds = &self->divs[i];
		if (s->kind == CK_SELF || self != NULL) {
			num_cell_x(sh, row, sc, ds->submitted ?
			    (double)ds->respondents : NAN, XLSX_NUM_INT);
			num_cell_x(sh, row, sc + 1, ds->staff_total >= 0 ?
			    (double)ds->staff_total : NAN, XLSX_NUM_INT);
			/* the blanks the notes below explain */
			miss |= !ds->submitted;
			nostaff |= ds->submitted && ds->staff_total < 0;
		}
		if (self != NULL)
			rate_cell(sh, row, sc + 2, ds->score / 100);
	}
	/*
	 * What the staff's columns are, and what their blanks mean: a
	 * note on blanks only where there are some (「空欄は、自己点検の
	 * 提出のない課」 under a table where every 課 had submitted read as
	 * if the blank 前年度 meant 未提出).
	 */
	nrow = row + 1;
	if (s->kind == CK_SELF)
		r = xlsx_note(sh, nrow++, "得点は、職員の回答（該当なしを除く）"
		    "のうち「はい」の割合を100点満点で示したもの。");
	else if (self != NULL)
		r = xlsx_note(sh, nrow++, "自己点検の実施率は、職員の回答（該当"
		    "なしを除く）のうち「はい」の割合であり、回答者数÷対象職員数"
		    "ではない。");
	if (r == 0 && staff != NULL && miss)
		r = xlsx_note(sh, nrow++, s->kind == CK_SELF ? "空欄は、自己"
		    "点検の提出のない課（対象職員数は、職員数の分かる課は示す）。" :
		    "自己点検の欄の空欄は、自己点検の提出のない課（対象職員数は、"
		    "職員数の分かる課は示す）。");
	if (r == 0 && staff != NULL && nostaff)
		r = xlsx_note(sh, nrow++, s->kind == CK_SELF ? "対象職員数の"
		    "空欄は、職員数の分からない課。" : "自己点検の対象職員数の"
		    "空欄は、職員数の分からない課。");
	/* a 課 that submitted with no score of the year before, said so */
	for (i = 0; r == 0 && prev && i < s->ndiv; i++)
		if (s->divs[i].submitted && isnan(s->divs[i].prev)) {
			r = xlsx_note(sh, nrow++, "前年度の空欄は、前年度の"
			    "得点のない課（前年度に提出がない、または前年度に"
			    "なかった課）。");
			break;
		}
	return r;
}

/*
 * The items of both years, widths for the fewest pages at the largest
 * scale (xlsx_fit_sheet()): A4 portrait printed the item's text 50
 * units wide at 76 %.
 */
/*
 * A year's rate in the vendor check's 前年度比較, with the answers it is
 * of: 「100.0%（2/2）」, for a rise of ＋100.0 on one answer a year read as
 * a change of the whole ward's contracts.
 */
static void
rate_of(char *out, size_t size, double rate, size_t n)
{
	char	p[32];

	snprintf(out, size, "%s（%zu/%zu）", pct(p, sizeof p, rate),
	    (size_t)lround(rate * (double)n), n);
}

/*
 * The items 前年度比較 leaves out, each reason in a sentence of its own:
 * new or reworded (left_out()), unanswered last year or this.
 */
static int
yoy_left_out(struct buf *out, const struct ck_stats *s)
{
	struct buf	 nb = BUF_INIT, pb = BUF_INIT, cb = BUF_INIT;
	char		 no[24];
	size_t		 i;
	int		 r;

	if ((r = left_out(&nb, s)) != 0)
		goto done;
	if (nb.len > 0)
		buf_printf(out, "%sは%s、この表に含まない。", nb.data,
		    s->nreworded > 0 ? "、前年度と同じ項目でないため" :
		    "前年度の実施率がないため");
	for (i = 0; i < s->set->nitems; i++) {
		const struct ck_item_stat	*is = &s->items[i];

		item_no(no, sizeof no, i);
		if (isnan(is->rate))
			buf_printf(&cb, "%s%s", cb.len > 0 ? "、" : "", no);
		else if (is->in_prev && isnan(is->prev))
			buf_printf(&pb, "%s%s", pb.len > 0 ? "、" : "", no);
	}
	if (pb.len > 0)
		buf_printf(out, "%s前年度に回答のなかった項目（No.%s）は、この表に"
		    "含まない。", out->len > 0 ? "\n" : "", pb.data);
	if (cb.len > 0)
		buf_printf(out, "%s今年度に回答のなかった項目（No.%s）は、この表に"
		    "含まない。", out->len > 0 ? "\n" : "", cb.data);
	r = buf_ok(out);
done:
	buf_free(&nb);
	buf_free(&pb);
	buf_free(&cb);
	return r;
}

static int	notes_wrapped(struct xlsx_sheet *, uint32_t *, const char *,
		    unsigned);

static int
sheet_yoy(struct xlsx *x, struct ctx *c, const char *note)
{
	char			 prev[CAL_FMT_MAX];
	const struct ck_stats	*s = c->s;
	int			 vendor = s->kind == CK_VENDOR;
	/*
	 * The vendor check's items by their stage too: No.1 and No.11
	 * have the same words at two stages.  Its rates with their
	 * answers, as text (rate_of()).
	 */
	const struct xlsx_fit_col fc[] = {
		{ { "No.", XLSX_COL_CENTER, 5 }, XLSX_FIT_FIXED },
		{ { "点検段階", 0, 0 }, XLSX_FIT_CODE },
		{ { "点検項目", XLSX_COL_BREAK, 50 }, XLSX_FIT_TEXT },
		{ { prev, 0, vendor ? 16 : 12 }, XLSX_FIT_FIXED },
		{ { c->fylabel, 0, vendor ? 16 : 12 }, XLSX_FIT_FIXED },
		/* 増減 / （ポイント） */
		{ { "増減（ポイント）", XLSX_COL_BREAK | XLSX_COL_PHRASE, 13 },
		    XLSX_FIT_FIXED },
	};
	struct xlsx_fit_col	 fv[6];
	struct xlsx_column	 cols[6];
	struct xlsx_sheet	*sh;
	const char		**cells = NULL;
	char			(*nos)[24] = NULL, (*stv)[64] = NULL;
	uint32_t		 row, first;
	size_t			 i, k, n = 0, nc = vendor ? 6 : 5;
	int			 r;
	char			 t[512];
	struct buf		 nb = BUF_INIT;

	for (i = k = 0; i < 6; i++)
		if (i != 1 || vendor)
			fv[k++] = fc[i];
	if ((r = cal_fy_label(prev, sizeof prev, s->fy - 1)) != 0)
		return r;
	if (s->set->nitems > 0 && ((cells = calloc(s->set->nitems * nc,
	    sizeof *cells)) == NULL || (nos = calloc(s->set->nitems,
	    sizeof *nos)) == NULL || (stv = calloc(s->set->nitems,
	    sizeof *stv)) == NULL)) {
		free(cells);
		free(nos);
		return error_set(NC_ENOMEM, "out of memory");
	}
	for (i = 0; i < s->set->nitems; i++) {
		const struct ck_item_stat	*is = &s->items[i];

		if (isnan(is->prev) || isnan(is->rate))
			continue;
		k = 0;
		cells[n * nc + k++] = item_no(nos[n], sizeof nos[n], i);
		if (vendor) {
			item_stages(&nb, is->item);
			snprintf(stv[n], sizeof stv[n], "%s", buf_ok(&nb) == 0 &&
			    nb.data != NULL ? nb.data : "");
			cells[n * nc + k++] = stv[n];
		}
		cells[n * nc + k++] = is->item->text;
		n++;
	}
	snprintf(t, sizeof t, "前年度との比較（%s → %s）", prev, c->fylabel);
	if ((r = xlsx_add_sheet(&sh, x, "前年度比較", 0)) != 0 ||
	    (r = xlsx_title(sh, t, note)) != 0 ||
	    (r = xlsx_fit_sheet(sh, cols, fv, nc, cells, n, 0, 0, NULL)) != 0 ||
	    (r = xlsx_table(&row, sh, cols, nc)) != 0)
		goto done;
	first = row;
	for (i = 0, n = 0; i < s->set->nitems; i++) {
		const struct ck_item_stat	*is = &s->items[i];
		uint16_t			 col = 0;

		if (isnan(is->prev) || isnan(is->rate))
			continue;
		xlsx_write_text(sh, row, col++, cells[n * nc]);
		if (vendor)
			xlsx_write_text(sh, row, col++, cells[n * nc + 1]);
		xlsx_write_text(sh, row, col++, is->item->text);
		if (vendor) {
			rate_of(t, sizeof t, is->prev, is->prev_n);
			xlsx_write_text(sh, row, col++, t);
			rate_of(t, sizeof t, is->rate, is->n);
			xlsx_write_text(sh, row, col++, t);
		} else {
			rate_cell(sh, row, col++, is->prev);
			rate_cell(sh, row, col++, is->rate);
		}
		xlsx_write_number(sh, row, col, diffpt(is->rate, is->prev),
		    XLSX_NUM_DIFF);
		row++;
		n++;
	}
	/* the categories' chart compares the years */
	if (row == first)
		r = xlsx_note(sh, row + 1, "前年度と共通の項目はない。");
	else {
		uint32_t	nr = row + 1;

		/* the answers beside the rates, said what they are */
		if (vendor)
			r = xlsx_note(sh, nr++, "実施率の括弧内は、「はい」の"
			    "回答数／回答数（該当なしを除く）である。");
		/* left out, and said so: an item counted nowhere else */
		buf_reset(&nb);
		if (r == 0 && (r = yoy_left_out(&nb, s)) == 0 && nb.len > 0)
			r = notes_wrapped(sh, &nr, nb.data, 0);
	}
done:
	buf_free(&nb);
	free(cells);
	free(nos);
	free(stv);
	return r;
}

static int
sheet_stages(struct xlsx *x, struct ctx *c, const char *note)
{
	static const struct xlsx_column	 cols[] = {
		/* チェックシート数 on one line, never "チェックシート / 数" */
		{ "点検段階", 0, 18 }, { "チェックシート数", 0, 18 },
		{ "回答数", 0, 10 }, { "実施率", 0, 17 },
	};
	static const uint16_t	 vals[] = { 3 };
	const struct ck_stats	*s = c->s;
	struct xlsx_sheet	*sh;
	struct xlsx_chart	 ch;
	uint32_t		 row, first;
	size_t			 k;
	int			 r;

	if ((r = xlsx_add_sheet(&sh, x, "段階別", 0)) != 0 ||
	    (r = xlsx_title(sh, "点検段階別の実施率", note)) != 0 ||
	    (r = xlsx_table(&row, sh, cols, 4)) != 0)
		return r;
	first = row;
	for (k = 0; k < CK_NSTAGES; k++, row++) {
		xlsx_write_text(sh, row, 0, ck_stage_label(k));
		xlsx_write_number(sh, row, 1, (double)s->stages[k].nsheets,
		    XLSX_NUM_INT);
		xlsx_write_number(sh, row, 2, (double)s->stages[k].n,
		    XLSX_NUM_INT);
		/* a stage without a sheet says so, not a blank */
		if (s->stages[k].nsheets == 0)
			xlsx_write_text(sh, row, 3, "―（提出なし）");
		else
			rate_cell(sh, row, 3, s->stages[k].rate);
	}
	/*
	 * The whole's rate the report quotes, as the other checks'
	 * 分類別 states it (review13/14: 92.6% was not in the workbook).
	 * Lines under the table, not a 合計 row the filter would sort
	 * among the stages; two, each no wider than the table (in one the
	 * note widened the print area and the sheet printed at 75 %).
	 */
	{
		struct buf	 ob = BUF_INIT;
		char		 a[32], b[32], p[32];
		size_t		 nsh = 0, nans = 0;

		for (k = 0; k < CK_NSTAGES; k++) {
			nsh += s->stages[k].nsheets;
			nans += s->stages[k].n;
		}
		buf_printf(&ob, "チェックシートは計%s件、回答数は計%s。",
		    cnt(a, nsh), cnt(b, nans));
		if ((r = buf_ok(&ob)) == 0)
			r = xlsx_note(sh, row + 1, ob.data);
		buf_reset(&ob);
		buf_printf(&ob, "全段階の回答を合わせた全体の実施率は%sである。",
		    pct(p, sizeof p, s->rate));
		if (r == 0 && (r = buf_ok(&ob)) == 0)
			r = xlsx_note(sh, row + 2, ob.data);
		buf_free(&ob);
		if (r != 0)
			return r;
	}
	memset(&ch, 0, sizeof ch);
	ch.type = XLSX_CHART_COLUMN;
	ch.title = "点検段階別の実施率";
	ch.y_pct = 1;
	ch.y_title = "実施率";
	ch.cat_col = 0;
	ch.val_cols = vals;
	ch.nval = 1;
	ch.first_row = first;
	ch.last_row = row - 1;
	ch.at_row = row + 2;
	ch.at_col = 0;
	/*
	 * a stage without a bar says why under its name, as its cell does:
	 * an empty place on the axis read as 0% or as a chart cut short
	 */
	{
		char		 lab[CK_NSTAGES][96];
		const char	*labs[CK_NSTAGES];
		int		 empty = 0;

		for (k = 0; k < CK_NSTAGES; k++) {
			const char *why = s->stages[k].nsheets == 0 ?
			    "\n（提出なし）" : isnan(s->stages[k].rate) ?
			    "\n（回答なし）" : "";

			empty |= *why != '\0';
			snprintf(lab[k], sizeof lab[k], "%s%s",
			    ck_stage_label(k), why);
			labs[k] = lab[k];
		}
		if (empty)
			ch.cat_labels = labs;
		return xlsx_add_chart(sh, &ch);
	}
}

#define GAP_NCOLS	6

static int
sheet_gaps(struct xlsx *x, struct ctx *c, const char *note)
{
	/*
	 * Widths from the content: the 部 whole on its line (a department's
	 * name is short: 建築・ / 開発担当部 and こども / 家庭部 wrapped beside
	 * a wide 契約名 where the rows had lines to spare), the names of 課,
	 * contract, company and stage kept whole (never 西部地域まちづくり課
	 * against the next column, 総合福祉事務所（見本 / B）, 業務委 / 託:
	 * XLSX_COL_NAME, broken after ・ or before （ or at a phrase's end:
	 * 契約等の / 締結前), the items broken by the writer, each "No.2：…"
	 * (with "No.2　…" the writer broke No.2's at the space, 「No.2」 alone
	 * on its line above the text, where the others read on).
	 */
	static const struct xlsx_fit_col fc[GAP_NCOLS] = {
		{ { "部", 0, 0 }, XLSX_FIT_CODE },
		/* never 安全・ / 安心担当課, read as two (review 17 T6) */
		{ { "課", XLSX_COL_NAME | XLSX_COL_PHRASE | XLSX_COL_NODOT, 0 },
		    XLSX_FIT_TEXT },
		{ { "契約名", XLSX_COL_NAME | XLSX_COL_PHRASE, 0 },
		    XLSX_FIT_TEXT },
		/*
		 * a company broken only at its legal form (架空データサービス
		 * / 株式会社), never at a phrase's end: 架空 / データサービス /
		 * 株式会社 read as three names (A10)
		 */
		{ { "委託事業者等", XLSX_COL_NAME, 0 }, XLSX_FIT_TEXT },
		{ { "点検段階", XLSX_COL_NAME | XLSX_COL_PHRASE, 0 },
		    XLSX_FIT_TEXT },
		{ { "「いいえ」の項目", XLSX_COL_BREAK, 0 }, XLSX_FIT_TEXT },
	};
	const struct ck_stats	*s = c->s;
	struct xlsx_column	 cols[GAP_NCOLS];
	struct xlsx_sheet	*sh;
	struct buf		 b = BUF_INIT;
	const char		**cells = NULL;
	char			**items = NULL;
	uint32_t		 row;
	size_t			 i, k;
	int			 r = 0;

	if ((cells = calloc(s->ngaps * GAP_NCOLS + 1, sizeof *cells)) ==
	    NULL || (items = calloc(s->ngaps + 1, sizeof *items)) == NULL) {
		r = error_set(NC_ENOMEM, "out of memory");
		goto done;
	}
	for (i = 0; i < s->ngaps; i++) {
		const struct ck_gap	*g = &s->gaps[i];
		const char		*dept = "";

		buf_reset(&b);
		gap_items(&b, s, g);
		if ((r = buf_ok(&b)) != 0 ||
		    (items[i] = buf_detach(&b, NULL)) == NULL) {
			r = error_set(NC_ENOMEM, "out of memory");
			goto done;
		}
		for (k = 0; k < s->ndiv; k++) {
			if (g->org != NULL &&
			    strcmp(s->divs[k].org->code, g->org) == 0) {
				dept = s->divs[k].org->dept_name;
				break;
			}
		}
		cells[i * GAP_NCOLS + 0] = dept;
		cells[i * GAP_NCOLS + 1] = g->org_name;
		cells[i * GAP_NCOLS + 2] = g->contract;
		cells[i * GAP_NCOLS + 3] = g->vendor;
		cells[i * GAP_NCOLS + 4] = ck_stage_label(g->stage);
		cells[i * GAP_NCOLS + 5] = items[i];
	}
	/* the widths for the fewest pages at the largest scale */
	if ((r = xlsx_add_sheet(&sh, x, "要対応契約", XLSX_LANDSCAPE)) != 0 ||
	    (r = xlsx_title(sh, "「いいえ」の回答のある契約", note)) != 0 ||
	    (r = xlsx_fit_sheet(sh, cols, fc, GAP_NCOLS, cells, s->ngaps, 0,
	    0, NULL)) != 0 ||
	    (r = xlsx_table(&row, sh, cols, GAP_NCOLS)) != 0)
		goto done;
	for (i = 0; i < s->ngaps; i++, row++)
		for (k = 0; k < GAP_NCOLS; k++)
			xlsx_write_text(sh, row, (uint16_t)k,
			    cells[i * GAP_NCOLS + k]);
	if (s->ngaps == 0)
		r = xlsx_note(sh, row + 1, "「いいえ」の回答のある契約はない。");
done:
	for (i = 0; items != NULL && i < s->ngaps; i++)
		free(items[i]);
	free(items);
	free(cells);
	buf_free(&b);
	return r;
}

/* Whether no line of w is under 2/5 the width of its widest. */
static int
lines_even(const char *w)
{
	const char	*nl;
	size_t		 n, min = (size_t)-1, max = 0;

	for (;; w = nl + 1) {
		nl = strchr(w, '\n');
		n = text_width(w, nl != NULL ? (size_t)(nl - w) : strlen(w));
		if (n < min)
			min = n;
		if (n > max)
			max = n;
		if (nl == NULL)
			break;
	}
	return 5 * min >= 2 * max;
}

/*
 * A paragraph wrapped at width, or a character narrower at a time (to
 * half of it) into as many lines none of which is a fragment: at the
 * full width 全体の実施率…74.8%） left 「である。」 on a row of its own and
 * the next sentence started with 「分類の前年度の実施率は、」 alone.
 */
static char *
wrap_para(const char *para, unsigned width)
{
	unsigned	 n, cw;
	char		*w;

	if ((w = textfit_wrap(para, width)) == NULL || lines_even(w))
		return w;
	n = textfit_wrap_lines(para, width);
	for (cw = width - 100; cw >= width / 2 && cw >= 100; cw -= 100) {
		char	*t;

		if (textfit_wrap_lines(para, cw) != n)
			break;
		if ((t = textfit_wrap(para, cw)) == NULL) {
			free(w);
			return NULL;
		}
		if (lines_even(t)) {
			free(w);
			return t;
		}
		free(t);
	}
	return w;
}

/*
 * Each paragraph of s (its lines) wrapped at width by wrap_para().
 * NULL when out of memory; free the result.
 */
static char *
wrap_even(const char *s, unsigned width)
{
	struct buf	 b = BUF_INIT;
	const char	*nl;
	char		*para, *w = NULL;

	for (;; s = nl + 1) {
		nl = strchr(s, '\n');
		if ((para = strndup(s, nl != NULL ? (size_t)(nl - s) :
		    strlen(s))) == NULL)
			goto fail;
		w = wrap_para(para, width);
		free(para);
		if (w == NULL)
			goto fail;
		buf_printf(&b, "%s%s", b.len > 0 ? "\n" : "", w);
		free(w);
		if (nl == NULL)
			break;
	}
	if (buf_ok(&b) == 0 && b.data != NULL)
		return buf_detach(&b, NULL);
fail:
	buf_free(&b);
	return NULL;
}

/*
 * Lines of notes from row on (*row past them): each sentence of s on a
 * line of its own, wrapped at width (textfit's hundredths; 0: s's lines
 * as they are), a note a line, for a note does not wrap and widens the
 * page it prints on.
 */
static int
notes_wrapped(struct xlsx_sheet *sh, uint32_t *row, const char *s,
    unsigned width)
{
	struct buf	 b = BUF_INIT;
	const char	*p;
	char		*w, *line, *next;
	int		 r = 0;

	if (width == 0)
		w = strdup(s);
	else {
		/* a sentence a paragraph: 。 ends a line unless a bracket follows */
		for (p = s; *p != '\0'; p++) {
			buf_putc(&b, *p);
			if (strncmp(p - 2 >= s ? p - 2 : p, "。", 3) == 0 &&
			    p - 2 >= s && p[1] != '\0' && p[1] != '\n' &&
			    strncmp(p + 1, "）", 3) != 0 &&
			    strncmp(p + 1, "」", 3) != 0)
				buf_putc(&b, '\n');
		}
		w = buf_ok(&b) == 0 ? wrap_even(b.data, width) : NULL;
		buf_free(&b);
	}
	if (w == NULL)
		return error_set(NC_ENOMEM, "out of memory");
	for (line = w; r == 0 && line != NULL; line = next) {
		if ((next = strchr(line, '\n')) != NULL)
			*next++ = '\0';
		r = xlsx_note(sh, (*row)++, line);
	}
	free(w);
	return r;
}

/* The widest line of s as displayed, 50 a half-width character. */
static unsigned
lines_width(const char *s)
{
	const char	*nl;
	size_t		 w, max = 0;

	for (;; s = nl + 1) {
		nl = strchr(s, '\n');
		w = text_width(s, nl != NULL ? (size_t)(nl - s) : strlen(s));
		if (w > max)
			max = w;
		if (nl == NULL)
			break;
	}
	return (unsigned)(50 * max);
}

/*
 * About how wide the 分類別 table prints, in textfit's hundredths: its
 * columns as wide as their texts (xlsx_chart_table()), two units of
 * padding each, an Excel unit half a character; prev the 前年度
 * column's heading, "" without one.
 */
static unsigned
cat_table_width(const struct cat_rates *cr, const char *prev)
{
	size_t	k, a = text_width("分類", strlen("分類")), w;

	for (k = 0; k < cr->n; k++)
		if ((w = text_width(cr->name[k], strlen(cr->name[k]))) > a)
			a = w;
	w = a + 2 + 9 + 2;	/* 分類, 令和N年度 */
	if (*prev != '\0')
		w += text_width(prev, strlen(prev)) + 2;
	return (unsigned)(w * 50);
}

/*
 * 分類別の実施率 (pooled as in the report's table, doc_overall()) with
 * last year's, as a table and the workbook's main chart.
 */
static int
sheet_categories(struct xlsx *x, struct ctx *c, const char *note)
{
	const struct ck_stats	*s = c->s;
	struct xlsx_sheet	*sh;
	struct chart		*m = NULL;
	struct cat_rates	 cr;
	size_t			 k;
	char			 py[CAL_FMT_MAX], pl[CAL_FMT_MAX + 32];
	int			 r;

	if ((r = cat_rates(&cr, s, c->chapters)) != 0)
		return r;
	if ((r = chart_new(&m, CHART_COLUMN, "分類別の実施率")) != 0)
		goto done;
	for (k = 0; k < cr.n && r == 0; k++)
		r = chart_category(m, cr.name[k]);
	if (r == 0)
		r = chart_set_axis_titles(m, "分類", NULL);
	pl[0] = '\0';
	if (r == 0 && cr.has_prev && (r = cal_fy_label(py, sizeof py,
	    s->fy - 1)) == 0) {
		/* last year's answers under this year's 分類, not its figures */
		snprintf(pl, sizeof pl, "%s%s", py, recategorised(s) ?
		    "（再集計）" : "");
		r = chart_series(m, pl, cr.prev, cr.n);
	}
	if (r == 0)
		r = chart_series(m, c->fylabel, cr.rate, cr.n);
	if (r == 0)
		r = chart_set_format(m, CHART_PERCENT);
	if (r == 0)
		r = chart_set_labels(m, cr.n * (cr.has_prev ? 2 : 1) <= 24);
	/*
	 * This year's bars hold the new items, last year's cannot: said
	 * under the chart as on the sheet (the chart alone compared them
	 * without a word: review 17 T5), with the rates like for like.
	 */
	if (r == 0 && cr.has_prev) {
		struct buf	 nb = BUF_INIT, lb = BUF_INIT;

		if ((r = cat_same_note(&lb, &cr, s, NULL, 0)) == 0 &&
		    lb.len > 0) {
			buf_printf(&nb, "%sの値は新たに加えた項目を含む（前年度と"
			    "同じ項目では%s）。", c->fylabel, lb.data);
			if ((r = buf_ok(&nb)) == 0)
				r = chart_set_note(m, nb.data);
		}
		buf_free(&nb);
		buf_free(&lb);
	}
	if (r != 0)
		goto done;
	if ((r = xlsx_add_sheet(&sh, x, "分類別", 0)) != 0 ||
	    (r = xlsx_title(sh, "分類別の実施率", note)) != 0 ||
	    (r = xlsx_chart_table(sh, m)) != 0)
		goto done;
	/*
	 * and the whole's rate the report quotes, which a reader did not
	 * find in the workbook (review13/14: 全体の実施率は75.7%), what
	 * the 前年度 is over in the report's words, and a category with
	 * new items like for like (as the report has it, a short line a
	 * category); the sentences wrapped at the width of the sheet's 出典
	 * line or of those lines, which the page is as wide as already: a
	 * note in one line wider than the table shrank the page to 60%.
	 */
	{
		struct buf	 ob = BUF_INIT, sb = BUF_INIT;
		char		 a[32], b[32];
		uint32_t	 row = (uint32_t)(5 + cr.n);
		unsigned	 w;
		size_t		 nsame;
		double		 same;

		buf_printf(&ob, "分類の実施率は、分類に属する項目の実施率の平均で"
		    "ある。全体の実施率（全項目の回答を合わせて算出）は%s",
		    pct(a, sizeof a, s->rate));
		if (s->has_prev && !isnan(s->prev_rate))
			buf_printf(&ob, "（前年度%s）", pct(b, sizeof b,
			    s->prev_rate));
		buf_puts(&ob, "である。");
		/*
		 * this year's over last year's items, the figure the 最終
		 * 報告書 gives beside these two and a reader looked for here
		 */
		if (s->has_prev && !isnan(same = ck_same_rate_shown(s,
		    &nsame)))
			buf_printf(&ob, "前年度と同じ%zu項目に限ると、今年度の"
			    "全体の実施率は%sである。", nsame, pct(b, sizeof b,
			    same));
		if (no_compare(s))
			buf_printf(&ob, "\n%s", no_same_line(s));
		if (cr.has_prev) {
			buf_putc(&ob, '\n');
			if ((r = cat_basis(&ob, s, NULL)) == 0)
				r = cat_same_note(&sb, &cr, s, py, 1);
		}
		if (r == 0)
			r = buf_ok(&sb);
		/*
		 * the widths as displayed, 50 a half-width character:
		 * textfit's measure of a line with figures is wider, and a
		 * sentence wrapped at it ran past them
		 */
		w = note != NULL ? 50 * (unsigned)text_width(note,
		    strlen(note)) : 0;
		if (r == 0 && sb.len > 0 && lines_width(sb.data) > w)
			w = lines_width(sb.data);
		if (cat_table_width(&cr, pl) > w)
			w = cat_table_width(&cr, pl);
		if (r == 0 && (r = buf_ok(&ob)) == 0)
			r = notes_wrapped(sh, &row, ob.data, w);
		if (r == 0 && sb.len > 0)
			r = notes_wrapped(sh, &row, sb.data, 0);
		buf_free(&ob);
		buf_free(&sb);
		if (r != 0)
			goto done;
	}
done:
	chart_free(m);
	cat_rates_free(&cr);
	return r;
}

static int
write_xlsx(const char *path, struct ctx *c, time_t created)
{
	struct xlsx		*x = NULL;
	struct xlsx_props	 props;
	char			 note[256];
	int			 r;

	/*
	 * a contractor's sheets are counted by contract and stage: the
	 * 課 and the sheets, as the report says it (18課から計20件), for
	 * 18課提出 read against 段階別's sheets adding up to 20
	 */
	if (c->s->kind == CK_VENDOR)
		snprintf(note, sizeof note, "%s現在　出典：%s（%zu課から計%zu件"
		    "提出）", c->date, subject(c->s->kind), c->s->nsubmitted,
		    c->s->stages[0].nsheets + c->s->stages[1].nsheets +
		    c->s->stages[2].nsheets + c->s->stages[3].nsheets);
	else
		snprintf(note, sizeof note, "%s現在　出典：%s（%zu課提出）",
		    c->date, subject(c->s->kind), c->s->nsubmitted);
	memset(&props, 0, sizeof props);
	props.title = c->title;
	props.author = c->author;
	props.created = created;
	/* the charts two to a page, after the tables */
	if ((r = xlsx_new(&x, path, &props)) != 0 ||
	    (r = xlsx_chart_page(x, "グラフ")) != 0 ||
	    (r = sheet_items(x, c, note)) != 0 ||
	    (c->s->kind != CK_VENDOR && (r = sheet_categories(x, c,
	    note)) != 0))
		goto done;
	if (c->s->kind == CK_VENDOR) {
		if ((r = sheet_stages(x, c, note)) != 0 ||
		    (r = sheet_gaps(x, c, note)) != 0)
			goto done;
	} else if ((r = sheet_depts(x, c, note)) != 0 ||
	    (r = sheet_divs(x, c, note)) != 0)
		goto done;
	if (c->s->has_prev && !no_compare(c->s) &&
	    (r = sheet_yoy(x, c, note)) != 0)
		goto done;
	if ((r = xlsx_save(x)) != 0)
		goto done;
done:
	xlsx_free(x);
	return r;
}

/* What both files share: titles, the date in era form, the author. */
static int
report_ctx(struct ctx *c, struct cal_date *d, const struct ck_stats *s,
    const struct ck_stats *self, struct store *st, const char *date)
{
	const struct refdata	*rd;
	int			 r;

	memset(c, 0, sizeof *c);
	c->s = s;
	c->self = s->kind == CK_DEPARTMENT ? self : NULL;
	if ((r = cal_parse_iso(d, date)) != 0 ||
	    (r = cal_format_era(c->date, sizeof c->date, *d,
	    CAL_ERA_LONG)) != 0 ||
	    (r = cal_fy_label(c->fylabel, sizeof c->fylabel, s->fy)) != 0)
		return r;
	/* the chapters' order for a self check's 分類, if there is one */
	if (st != NULL && s->kind == CK_SELF &&
	    ck_set_load(&c->chapters, st, CK_DEPARTMENT, s->fy) != 0)
		c->chapters = NULL;
	/* the contractor writes the report */
	if (st != NULL && store_refdata(&rd, st) == 0) {
		c->author = refdata_config_str(rd, "contractor");
		c->ward = refdata_config_str(rd, "ward");
	}
	error_clear();
	snprintf(c->title, sizeof c->title, "%s %s%s", c->fylabel,
	    subject(s->kind), s->kind == CK_DEPARTMENT ? "実施結果報告書" :
	    s->kind == CK_SELF ? "実施結果報告書" : "集計結果報告書");
	snprintf(c->base, sizeof c->base, "%s_%s%s", c->fylabel,
	    subject(s->kind), s->kind == CK_VENDOR ? "集計結果報告書" :
	    "実施結果報告書");
	return 0;
}

int
ck_report_names(char **docx, char **xlsx, const struct ck_stats *s)
{
	struct ctx	c;
	struct cal_date	d;
	char		date[32];
	int		r;

	*docx = *xlsx = NULL;
	snprintf(date, sizeof date, "%d-04-01", s->fy);
	if ((r = report_ctx(&c, &d, s, NULL, NULL, date)) != 0)
		return r;
	if ((*docx = malloc(strlen(c.base) + sizeof ".docx")) == NULL ||
	    (*xlsx = malloc(strlen(c.base) + sizeof "_集計表.xlsx")) == NULL) {
		free(*docx);
		*docx = NULL;
		return error_set(NC_ENOMEM, "out of memory");
	}
	sprintf(*docx, "%s.docx", c.base);
	sprintf(*xlsx, "%s_集計表.xlsx", c.base);
	return 0;
}

int
ck_period_end(struct cal_date *out, const char *period)
{
	const char	*from, *to, *end, *nen;
	char		 buf[128];
	size_t		 n;

	if (period == NULL || (from = strstr(period, "から")) == NULL)
		return error_set(NC_EINVALID, "no period end in '%s'",
		    period != NULL ? period : "");
	to = from + strlen("から");
	if ((end = strstr(to, "まで")) == NULL)
		end = to + strlen(to);
	n = (size_t)(end - to);
	if (strncmp(to, "同年", strlen("同年")) == 0) {
		/* the year of the first date: "令和8年" */
		if ((nen = strstr(period, "年")) == NULL || nen > from)
			return error_set(NC_EINVALID, "no year before 同年 in"
			    " '%s'", period);
		nen += strlen("年");
		to += strlen("同年");
		n -= strlen("同年");
		if ((size_t)(nen - period) + n >= sizeof buf)
			return error_set(NC_EINVALID, "'%s' is too long",
			    period);
		snprintf(buf, sizeof buf, "%.*s%.*s", (int)(nen - period),
		    period, (int)n, to);
	} else {
		if (n >= sizeof buf)
			return error_set(NC_EINVALID, "'%s' is too long",
			    period);
		snprintf(buf, sizeof buf, "%.*s", (int)n, to);
	}
	return cal_parse(out, buf);
}

int
ck_period_start(struct cal_date *out, const char *period)
{
	const char	*from;
	char		 buf[128];

	if (period == NULL || (from = strstr(period, "から")) == NULL)
		return error_set(NC_EINVALID, "no period start in '%s'",
		    period != NULL ? period : "");
	if ((size_t)(from - period) >= sizeof buf)
		return error_set(NC_EINVALID, "'%s' is too long", period);
	snprintf(buf, sizeof buf, "%.*s", (int)(from - period), period);
	return cal_parse(out, buf);
}

void
ck_report_date(char *out, size_t size, const struct ck_stats *s)
{
	struct cal_date	 d, end;

	/* the last submission dates the report: same data, same file */
	if (s->last_submitted != NULL)
		snprintf(out, size, "%s", s->last_submitted);
	else if (s->set->issued != NULL)
		snprintf(out, size, "%s", s->set->issued);
	else
		snprintf(out, size, "%d-04-01", s->fy);
	/* not before the period it reports on is over */
	if (ck_period_end(&end, s->set->period) == 0 &&
	    (cal_parse_iso(&d, out) != 0 || cal_cmp(d, end) < 0))
		cal_format_iso(out, size, end);
	error_clear();
}

int
ck_report_docx(const char *path, const struct ck_stats *s,
    const struct ck_stats *self, struct store *st, const char *date)
{
	struct ctx	c;
	struct cal_date	d;
	char		iso[40];
	int		r;

	if ((r = report_ctx(&c, &d, s, self, st, date)) != 0)
		goto done;
	snprintf(iso, sizeof iso, "%sT00:00:00Z", date);
	r = write_docx(path, &c, iso);
done:
	ck_set_free(c.chapters);
	return r;
}

int
ck_report_xlsx(const char *path, const struct ck_stats *s,
    const struct ck_stats *self, struct store *st, const char *date)
{
	struct ctx	c;
	struct cal_date	d;
	int		r;

	if ((r = report_ctx(&c, &d, s, self, st, date)) != 0)
		goto done;
	r = write_xlsx(path, &c, (time_t)(cal_days(d) * 86400L));
done:
	ck_set_free(c.chapters);
	return r;
}
