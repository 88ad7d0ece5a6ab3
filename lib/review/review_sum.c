/*
 * A year's reviews counted (review summary): by type against the yearly
 * expectations (3(1)ア(イ): 60 / 5 / 1), by decision, category and
 * department; cost reviewed; median days from receipt to decision.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "review.h"
#include "review_int.h"
#include "xlsx.h"

/* The 判定 row of the plans not decided yet (審査中 or 保留). */
#define UNDECIDED	"未決定（審査中）"

/* One more for key; a new key takes label and its place order. */
static int
count_add(struct review_counts *c, const char *key, const char *label,
    size_t order, long long cost)
{
	struct review_count	*nv;
	size_t			 i;

	for (i = 0; i < c->n; i++)
		if (strcmp(c->v[i].key, key) == 0)
			break;
	if (i == c->n) {
		if ((nv = realloc(c->v, (c->n + 1) * sizeof *nv)) == NULL)
			return error_set(NC_ENOMEM, "out of memory");
		c->v = nv;
		memset(&c->v[i], 0, sizeof c->v[i]);
		c->v[i].order = order;
		if ((c->v[i].key = strdup(key)) == NULL ||
		    (c->v[i].label = strdup(label != NULL ? label : key)) ==
		    NULL)
			return error_set(NC_ENOMEM, "out of memory");
		c->n++;
	}
	c->v[i].n++;
	c->v[i].cost += cost;
	return 0;
}

/* Every value of an enum, in schema order, counted from zero. */
static int
count_enum(struct review_counts *c, const struct schema *s)
{
	const char	*v;
	size_t		 i;
	int		 rc;

	s = schema_resolve(s);
	for (i = 0; i < schema_nenum(s); i++) {
		v = schema_enum_at(s, i);
		if ((rc = count_add(c, v, schema_enum_title(s, v), i, 0)) != 0)
			return rc;
		c->v[c->n - 1].n = 0;
	}
	return 0;
}

static void
counts_free(struct review_counts *c)
{
	size_t	i;

	for (i = 0; i < c->n; i++) {
		free(c->v[i].key);
		free(c->v[i].label);
	}
	free(c->v);
	memset(c, 0, sizeof *c);
}

static int
cmp_long(const void *a, const void *b)
{
	long	x = *(const long *)a, y = *(const long *)b;

	return x < y ? -1 : x > y;
}

/*
 * The 部別 table ranks the departments by plans; those with as many
 * plans come in the ward's organisation order (orgs.yaml, how the ward
 * lists its 部 everywhere), not in character-code order, which put
 * こども家庭部 before 区長室 and 総務部 last.  A department orgs.yaml
 * does not know comes after the known ones.
 */
static int
cmp_count(const void *a, const void *b)
{
	const struct review_count	*x = a, *y = b;

	if (x->n != y->n)
		return x->n < y->n ? 1 : -1;
	if (x->order != y->order)
		return x->order < y->order ? -1 : 1;
	return strcmp(x->key, y->key);
}

static long
expectation(const struct node *config, const char *key, long def)
{
	const char	*s = node_get_str(node_get(config, "expectations"), key);

	return s != NULL ? strtol(s, NULL, 10) : def;
}

/*
 * A plan of a year before decided in this one (received in March,
 * decided in April): its 決定 counts in the year of the decision, as the
 * ward counts decisions, its 受付 in the year it was received.  Nothing
 * else of it is this year's.
 */
static int
carried(struct review_summary *out, const struct node *r,
    struct cal_date start, long *days, size_t *nd)
{
	const struct node	*dec = node_get(r, "decision");
	const char		*v = node_get_str(dec, "result");
	struct cal_date		 day, rcv;
	long long		 cost = 0;
	int			 rc;

	if (!node_scalar_eq(node_get(r, "type"), "plan") || v == NULL ||
	    review_withdrawn_on(r, out->asof) == REVIEW_WITHDRAWN_BEFORE ||
	    node_get_str(dec, "date") == NULL ||
	    cal_parse_iso(&day, node_get_str(dec, "date")) != 0 ||
	    cal_cmp(day, start) < 0 || cal_cmp(day, out->asof) > 0) {
		error_clear();
		return 0;
	}
	review_cost(&cost, r, "total");
	if ((rc = count_add(&out->by_result, v, NULL, SIZE_MAX, cost)) != 0)
		return rc;
	out->ncarried++;
	if (node_get_str(r, "received") != NULL &&
	    cal_parse_iso(&rcv, node_get_str(r, "received")) == 0)
		days[(*nd)++] = cal_days(day) - cal_days(rcv);
	error_clear();
	return 0;
}

int
review_summarise(struct review_summary *out, struct review_ctx *c, int fy,
    const struct node *const *recs, size_t n)
{
	const struct schema	*k = c->kind;
	const struct node	*r, *dec;
	const struct refdata_org *o;
	const char		*type, *v, *dept;
	size_t			 order;
	struct cal_date		 rcv, end, start, day;
	long			*days = NULL;
	long long		 cost;
	size_t			 i, nd = 0;
	int			 wd_after;
	int			 rc, dated;

	memset(out, 0, sizeof *out);
	out->fy = fy;
	out->median_days = -1;
	out->expect[0] = expectation(c->config, "plan_reviews", 60);
	out->expect[1] = expectation(c->config,
	    "procurement_support", 5);
	out->expect[2] = expectation(c->config,
	    "system_evaluations", 1);
	if ((rc = count_enum(&out->by_type, schema_prop(k, "type"))) != 0 ||
	    (rc = count_enum(&out->by_result, schema_prop(schema_prop(k,
	    "decision"), "result"))) != 0 ||
	    (rc = count_enum(&out->by_category, schema_prop(k,
	    "category"))) != 0 ||
	    (rc = count_add(&out->by_result, "undecided", UNDECIDED,
	    SIZE_MAX, 0)) != 0)
		goto fail;
	/* Every plan has a row under 判定: the undecided ones too. */
	out->by_result.v[out->by_result.n - 1].n = 0;
	cal_fy_bounds(&start, &end, fy);
	out->asof = cal_today();
	if (cal_cmp(out->asof, end) > 0)
		out->asof = end;
	if (n > 0 && (days = calloc(n, sizeof *days)) == NULL) {
		rc = error_set(NC_ENOMEM, "out of memory");
		goto fail;
	}
	for (i = 0; i < n; i++) {
		r = recs[i];
		/* received in another year: at most its decision is ours */
		if (review_int(r, "fy") != 0 && review_int(r, "fy") != fy) {
			if (review_int(r, "fy") < fy && (rc = carried(out, r,
			    start, days, &nd)) != 0)
				goto fail;
			continue;
		}
		/*
		 * Withdrawn before its decision or submission: not counted
		 * (the expectation is 取下げを除く).  After it, the work was
		 * done and counts, as in the work report (report.c).
		 */
		/* as it stood on the summary's day (withdrawn since: not) */
		wd_after = review_withdrawn_on(r, out->asof);
		if (wd_after == REVIEW_WITHDRAWN_BEFORE)
			continue;
		out->total++;
		wd_after = wd_after == REVIEW_WITHDRAWN_AFTER;
		out->nwd_after += wd_after;
		type = node_get_str(r, "type");
		cost = 0;
		if (type != NULL && strcmp(type, "plan") == 0)
			review_cost(&cost, r, "total");
		if (type != NULL &&
		    (rc = count_add(&out->by_type, type, NULL, SIZE_MAX,
		    cost)) != 0)
			goto fail;
		if (type == NULL || strcmp(type, "plan") != 0)
			continue;
		out->cost_total += cost;
		out->nplans++;
		out->nplans_wd_after += wd_after;
		if ((v = node_get_str(r, "category")) != NULL &&
		    (rc = count_add(&out->by_category, v, NULL,
		    SIZE_MAX, cost)) != 0)
			goto fail;
		order = SIZE_MAX;
		if ((v = node_get_str(r, "org")) != NULL &&
		    refdata_org(&o, c->ref, v) == 0) {
			if (o->dept != NULL)
				o = o->dept;
			dept = o->name;
			order = o->index;
		} else {
			error_clear();
			dept = v != NULL ? v : "不明";
		}
		if ((rc = count_add(&out->by_dept, dept, dept, order,
		    cost)) != 0)
			goto fail;
		dec = node_get(r, "decision");
		/*
		 * Decided after the summary's date (a plan of March decided
		 * in April, in the year's summary as of 3月31日): 未決定
		 * then, and no days yet.
		 */
		dated = node_get_str(dec, "date") != NULL &&
		    cal_parse_iso(&day, node_get_str(dec, "date")) == 0;
		error_clear();
		if (dated && cal_cmp(day, out->asof) > 0)
			dec = NULL;
		if ((v = node_get_str(dec, "result")) == NULL)
			v = "undecided";
		if ((rc = count_add(&out->by_result, v, NULL, SIZE_MAX,
		    cost)) != 0)
			goto fail;
		if (dec != NULL && dated && node_get_str(r, "received") !=
		    NULL && cal_parse_iso(&rcv, node_get_str(r, "received")) ==
		    0)
			days[nd++] = cal_days(day) - cal_days(rcv);
		error_clear();
	}
	/* Departments with the most plans first. */
	if (out->by_dept.n > 1)
		qsort(out->by_dept.v, out->by_dept.n, sizeof *out->by_dept.v,
		    cmp_count);
	out->ndecided = nd;
	if (nd > 0) {
		qsort(days, nd, sizeof *days, cmp_long);
		out->median_days = nd % 2 ? (double)days[nd / 2] :
		    (days[nd / 2 - 1] + days[nd / 2]) / 2.0;
	}
	free(days);
	return 0;
fail:
	free(days);
	review_summary_free(out);
	return rc;
}

/* Each count of p as the prev of c's of the same key. */
static int
counts_compare(struct review_counts *c, const struct review_counts *p)
{
	size_t	i, j;
	int	rc;

	for (j = 0; j < p->n; j++) {
		for (i = 0; i < c->n; i++)
			if (strcmp(c->v[i].key, p->v[j].key) == 0)
				break;
		/* last year's only: a row of none this year */
		if (i == c->n) {
			if ((rc = count_add(c, p->v[j].key, p->v[j].label,
			    p->v[j].order, 0)) != 0)
				return rc;
			c->v[i].n = 0;
		}
		c->v[i].prev = p->v[j].n;
	}
	return 0;
}

int
review_summary_compare(struct review_summary *s,
    const struct review_summary *prev)
{
	int	rc;

	if (prev == NULL || prev->total == 0)
		return 0;
	if ((rc = counts_compare(&s->by_type, &prev->by_type)) != 0 ||
	    (rc = counts_compare(&s->by_result, &prev->by_result)) != 0 ||
	    (rc = counts_compare(&s->by_category, &prev->by_category)) != 0 ||
	    (rc = counts_compare(&s->by_dept, &prev->by_dept)) != 0)
		return rc;
	if (s->by_dept.n > 1)
		qsort(s->by_dept.v, s->by_dept.n, sizeof *s->by_dept.v,
		    cmp_count);
	s->has_prev = 1;
	s->prev_ndecided = prev->ndecided;
	s->prev_median_days = prev->median_days;
	s->prev_nwd_after = prev->nwd_after;
	s->prev_nplans_wd_after = prev->nplans_wd_after;
	return 0;
}

void
review_summary_free(struct review_summary *s)
{
	if (s == NULL)
		return;
	counts_free(&s->by_type);
	counts_free(&s->by_result);
	counts_free(&s->by_category);
	counts_free(&s->by_dept);
}

/*
 * The columns of a count sheet: 前年度, 件数, 増減 (the order of every
 * comparison) where the year before is there, the cost, the yearly
 * expectation; UINT16_MAX where not shown.
 */
struct sum_cols {
	uint16_t	prev, n, diff, cost, expect, ncols;
};

static void
sum_cols(struct sum_cols *k, int has_prev, int expect)
{
	uint16_t	c = 1;

	k->prev = has_prev ? c++ : UINT16_MAX;
	k->n = c++;
	k->diff = has_prev ? c++ : UINT16_MAX;
	k->cost = c++;
	k->expect = expect ? c++ : UINT16_MAX;
	k->ncols = c;
}

/* 前年度 and 増減 of a row, where shown. */
static void
prev_cells(struct xlsx_sheet *sh, uint32_t row, const struct sum_cols *k,
    long long n, long long prev)
{
	if (k->prev == UINT16_MAX)
		return;
	xlsx_write_number(sh, row, k->prev, (double)prev, XLSX_NUM_INT);
	xlsx_write_number(sh, row, k->diff, (double)(n - prev),
	    XLSX_NUM_DIFF_INT);
}

/* 計: the rows' counts, costs and expectations added up. */
static void
total_row(struct xlsx_sheet *sh, uint32_t row, const struct review_counts *c,
    const long *expect, const struct sum_cols *k)
{
	long long	 cost = 0, n = 0, ex = 0, prev = 0;
	size_t		 i;
	int		 costs = expect == NULL;

	for (i = 0; i < c->n; i++) {
		n += (long long)c->v[i].n;
		prev += (long long)c->v[i].prev;
		cost += c->v[i].cost;
		if (c->v[i].cost != 0 || strcmp(c->v[i].key, "plan") == 0)
			costs = 1;
		if (expect != NULL && i < 3)
			ex += expect[i];
	}
	xlsx_write_text(sh, row, 0, "計");
	xlsx_write_number(sh, row, k->n, (double)n, XLSX_NUM_INT);
	prev_cells(sh, row, k, n, prev);
	if (costs)
		xlsx_write_number(sh, row, k->cost, (double)cost,
		    XLSX_NUM_INT);
	else
		xlsx_write_blank(sh, row, k->cost);
	if (expect != NULL)
		xlsx_write_number(sh, row, k->expect, (double)ex,
		    XLSX_NUM_INT);
}

static int
count_sheet(struct xlsx *x, const char *name, const char *title,
    const char *note, const char *head, const struct review_counts *c,
    const long *expect, const char *chart_title, const char *const *after,
    const char *prev_note)
{
	struct xlsx_column	 cols[6];
	struct xlsx_sheet	*sh = NULL;
	struct xlsx_chart	 ch;
	struct sum_cols		 k;
	uint16_t		 vals[2];
	uint32_t		 row, first;
	size_t			 i;

	sum_cols(&k, prev_note != NULL, expect != NULL);
	memset(cols, 0, sizeof cols);
	cols[0].heading = head;
	if (prev_note != NULL) {
		cols[k.prev].heading = "前年度";
		cols[k.diff].heading = "増減";
	}
	cols[k.n].heading = "件数";
	/* the cost of a plan's whole term, as its 精査記録 gives it */
	cols[k.cost].heading = "経費（総額・税込・円）";
	if (expect != NULL)
		cols[k.expect].heading = "年間想定件数";
	xlsx_add_sheet(&sh, x, name, 0);
	xlsx_title(sh, title, note);
	xlsx_table(&row, sh, cols, k.ncols);
	first = row;
	for (i = 0; i < c->n; i++, row++) {
		xlsx_write_text(sh, row, 0, c->v[i].label);
		xlsx_write_number(sh, row, k.n, (double)c->v[i].n,
		    XLSX_NUM_INT);
		prev_cells(sh, row, &k, (long long)c->v[i].n,
		    (long long)c->v[i].prev);
		/* Only plans carry costs; none is not a zero: －. */
		if (c->v[i].cost != 0 || strcmp(c->v[i].key, "plan") == 0 ||
		    expect == NULL)
			xlsx_write_number(sh, row, k.cost,
			    (double)c->v[i].cost, XLSX_NUM_INT);
		else
			xlsx_write_text(sh, row, k.cost, "－");
		if (expect != NULL)
			xlsx_write_number(sh, row, k.expect, i < 3 ?
			    (double)expect[i] : 0, XLSX_NUM_INT);
	}
	total_row(sh, row, c, expect, &k);
	/* Notes under the table, a short line each: a note does not wrap
	   and is cut at the print area's edge. */
	for (i = 0; after != NULL && after[i] != NULL; i++)
		xlsx_note(sh, row + 2 + (uint32_t)i, after[i]);
	xlsx_note(sh, row + 2 + (uint32_t)i++, "経費は、初期経費と運用経費"
	    "（全年度分）の合計（税込）。");
	if (prev_note != NULL)
		xlsx_note(sh, row + 2 + (uint32_t)i++, prev_note);
	row += (uint32_t)i;
	if (c->n == 0)
		return 0;
	vals[0] = k.n;
	vals[1] = k.expect;
	memset(&ch, 0, sizeof ch);
	ch.type = c->n > 6 ? XLSX_CHART_BAR : XLSX_CHART_COLUMN;
	ch.title = chart_title;
	/*
	 * The axes named, what is counted and by what, where the title
	 * reads across: the vertical axis' title stood on its side (件数
	 * beside the columns, 部 beside the bars), and the chart's title
	 * and the category names say it already.  (The writer has no
	 * stacked, horizontal axis title.)
	 */
	ch.x_title = ch.type == XLSX_CHART_BAR ? NULL : head;
	ch.y_title = ch.type == XLSX_CHART_BAR ? "件数" : NULL;
	ch.cat_col = 0;
	ch.val_cols = vals;
	ch.nval = expect != NULL ? 2 : 1;
	ch.first_row = first;
	ch.last_row = first + (uint32_t)c->n - 1;
	ch.at_row = row + 2;
	ch.at_col = 0;
	return xlsx_add_chart(sh, &ch);
}

void
review_days_text(char *out, size_t size, double days)
{
	/* a median of whole days is whole or half a day */
	if (days == (double)(long)days)
		snprintf(out, size, "%ld", (long)days);
	else
		snprintf(out, size, "%.1f", days);
}

/* 「（取下げを除く）」, or with those withdrawn after and counted named */
static void
wd_note(char *out, size_t size, size_t after)
{
	if (after == 0)
		snprintf(out, size, "（取下げを除く）");
	else
		snprintf(out, size, "（取下げを除く。ただし、決定・意見書提出後"
		    "の取下げ %zu件を含む）", after);
}

/* The note of the 前年度 column: the year, and what its counts hold. */
static void
prev_note(char *out, size_t size, const char *py, size_t after)
{
	if (after == 0)
		snprintf(out, size, "前年度は%sの件数、増減は前年度からの増減。",
		    py);
	else
		snprintf(out, size, "前年度は%sの件数（取下げを除く。ただし、"
		    "決定・意見書提出後の取下げ %zu件を含む）、増減は前年度から"
		    "の増減。", py, after);
}

int
review_write_summary_xlsx(struct review_ctx *c,
    const struct review_summary *s, const char *path)
{
	struct xlsx		*x = NULL;
	struct xlsx_props	 props;
	struct cal_date		 end, start;
	char			 fyl[CAL_FMT_MAX], title[128], note[256];
	char			 median[192], pnote[256], day[CAL_FMT_MAX];
	char			 rnote[384];
	char			 med[32], t1[160], t2[160], py[CAL_FMT_MAX];
	char			 prev[384], pprev[384], wa[160], wb[160];
	char			*pn = NULL, *ppn = NULL;
	const char		*after[3] = { NULL, NULL, NULL };
	int			 rc;

	cal_fy_label(fyl, sizeof fyl, s->fy);
	cal_fy_bounds(&start, &end, s->fy);
	memset(&props, 0, sizeof props);
	snprintf(title, sizeof title, "%s 情報化企画審査等 実施状況", fyl);
	props.title = title;
	props.author = node_get_str(node_get(c->config,
	    "documents"), "author");
	/* The fiscal year's end: fixed, so regenerating changes nothing. */
	props.created = (time_t)cal_days(end) * 86400;
	if (cal_format_era(day, sizeof day, s->asof, CAL_ERA_LONG) != 0)
		day[0] = '\0';
	/*
	 * A case withdrawn after its decision or 意見書 counts (the work
	 * was done): said so, or 「取下げを除く」 was false of it (rev17b).
	 */
	wd_note(wa, sizeof wa, s->nwd_after);
	wd_note(wb, sizeof wb, s->nplans_wd_after);
	snprintf(note, sizeof note, "%s現在　計 %zu件%s", day, s->total, wa);
	snprintf(pnote, sizeof pnote, "%s現在　情報化企画 %zu件%s", day,
	    s->nplans, wb);
	/* 判定 by the decision's year: its total is more, and says why */
	if (s->ncarried > 0)
		snprintf(rnote, sizeof rnote, "%s　（判定には、前年度までに受け"
		    "付けて当年度に決定した%zu件を含む）", pnote, s->ncarried);
	else
		snprintf(rnote, sizeof rnote, "%s", pnote);
	/*
	 * the year before by its name, under every table that has it, with
	 * its cases withdrawn after and counted as its own summary says
	 * (「計 62件（取下げを除く）」 over a 前年度 of 65 that counted one:
	 * rev18b)
	 */
	if (s->has_prev && cal_fy_label(py, sizeof py, s->fy - 1) == 0) {
		prev_note(prev, sizeof prev, py, s->prev_nwd_after);
		prev_note(pprev, sizeof pprev, py, s->prev_nplans_wd_after);
		pn = prev;
		ppn = pprev;
	}
	error_clear();
	if (s->median_days >= 0) {
		review_days_text(med, sizeof med, s->median_days);
		snprintf(median, sizeof median, "%s日（決定済み %zu件）", med,
		    s->ndecided);
		/* and last year's, as the counts have it */
		if (pn != NULL && s->prev_median_days >= 0) {
			size_t	len = strlen(median);

			review_days_text(med, sizeof med,
			    s->prev_median_days);
			snprintf(median + len, sizeof median - len, "、前年度 "
			    "%s日（決定済み %zu件）", med, s->prev_ndecided);
		}
		after[0] = "情報化企画の受付から決定までの日数（中央値）";
		after[1] = median;
	}
	if ((rc = xlsx_new(&x, path, &props)) != 0)
		return rc;
	/*
	 * Every sheet and chart titled with its year, as the first: a
	 * sheet printed alone, or its chart pasted in a report, said 判定別
	 * の件数 of no year.
	 */
#define YT(buf, what) (snprintf((buf), sizeof (buf), "%s %s", fyl, (what)), \
	    (buf))
	count_sheet(x, "種別", title, note, "種別", &s->by_type, s->expect,
	    YT(t2, "種別ごとの件数と年間想定件数"), after, pn);
	count_sheet(x, "判定", YT(t1, "情報化企画の判定"), rnote, "判定",
	    &s->by_result, NULL, YT(t2, "判定別の件数"), NULL, ppn);
	count_sheet(x, "区分", YT(t1, "情報化企画の区分"), pnote, "区分",
	    &s->by_category, NULL, YT(t2, "区分別の件数"), NULL, ppn);
	count_sheet(x, "部別", YT(t1, "情報化企画の部別件数"), pnote, "部",
	    &s->by_dept, NULL, YT(t2, "部別の件数"), NULL, ppn);
#undef YT
	rc = xlsx_save(x);
	xlsx_free(x);
	return rc;
}
