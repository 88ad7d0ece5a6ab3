/*
 * The year's incident statistics (.xlsx): a list, and counts by
 * category, month, severity and organisation, personal information, and
 * the time from detection to containment and to recovery, each with a
 * native chart.  The counts are computed into a plain view first; the
 * workbook only lays it out.
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "error.h"
#include "incident.h"
#include "incident_int.h"
#include "refdata.h"
#include "text.h"
#include "xlsx.h"

/* One incident as the sheets show it. */
struct s_row {
	const struct node	*root;
	struct cal_date		 occurred, discovered;
	int			 has_discovered;
	char			*dept;		/* 部 */
	char			*div;		/* 課 (or the 部 itself) */
	const char		*category, *severity, *status;
	int			 reviewed;	/* 再発防止策の確認済み */
	int			 pi, mn;
	long			 people;	/* -1 unknown */
	double			 contain, recover;	/* hours, -1 */
};

/* 状況 of an incident whose measures were reviewed, as its report says */
#define REVIEWED	"再発防止策の確認済み"

/* A labelled count. */
struct s_count {
	const char	*label;
	char		*owned;		/* label when allocated */
	long		 n, pi, people;
	long		 prev;		/* the year before, the same months */
	int		 ahead;		/* a month still to come: no figure */
	size_t		 order;		/* a 部's place in orgs.yaml */
};

struct s_view {
	int		 fy;
	char		 fylabel[CAL_FMT_MAX];
	char		 note[128];
	char		 asof[CAL_FMT_MAX];	/* ISO, or "" */
	size_t		 nmonths;	/* months begun by the as-of date */
	/*
	 * The year before's incidents, where it had any, counted over the
	 * same months as this year's (nmonths): 前年度 and 増減 beside the
	 * counts by category, severity and month.
	 */
	size_t		 nprev;
	char		 pylabel[CAL_FMT_MAX];
	struct s_row	*rows;
	size_t		 n;
	struct s_count	*cat, *sev, *month, *dept;
	size_t		 ncat, nsev, ndept;
	long		 total_pi, total_people;
	/*
	 * What the records give, for the columns and sheets that show it:
	 * the incidents with a 受付番号, with a 本人の数, those with personal
	 * information but no 本人の数, and those with hours to show.
	 */
	size_t		 nref, npeople, nunknown, ntimes;
};

static void
view_free(struct s_view *v)
{
	size_t	i;

	for (i = 0; i < v->n; i++) {
		free(v->rows[i].dept);
		free(v->rows[i].div);
	}
	for (i = 0; i < v->ndept; i++)
		free(v->dept[i].owned);
	free(v->rows);
	free(v->cat);
	free(v->sev);
	free(v->month);
	free(v->dept);
	memset(v, 0, sizeof *v);
}

static int
enum_counts(struct s_count **out, size_t *nout, const struct schema *kind,
    const char *field)
{
	const struct schema	*s = schema_resolve(schema_at(kind, field));
	size_t			 i, n = s != NULL ? schema_nenum(s) : 0;

	*nout = 0;
	if ((*out = calloc(n + 1, sizeof **out)) == NULL)
		return error_set(NC_ENOMEM, "out of memory");
	for (i = 0; i < n; i++)
		(*out)[i].label = schema_enum_at(s, i);
	*nout = n;
	return 0;
}

static struct s_count *
enum_slot(struct s_count *v, size_t n, const char *value)
{
	size_t	i;

	for (i = 0; value != NULL && i < n; i++)
		if (strcmp(v[i].label, value) == 0)
			return &v[i];
	return NULL;
}

static void
tally(struct s_count *c, const struct s_row *r)
{
	if (c == NULL)
		return;
	c->n++;
	c->pi += r->pi;
	if (r->people > 0)
		c->people += r->people;
}

/*
 * The date the counts run to.  Once the year is over (on its last day
 * too), that last day, as the year's other workbooks (情報化企画の集計,
 * 研修の実施状況, 業務項目別実績) say 令和9年3月31日現在: the latest
 * record's date (令和9年3月13日現在) read as a workbook made a fortnight
 * before the others.  Counted before it ends, today (or the latest
 * record, were it later): the months after that month have not come yet,
 * and a 0 for them read as "no incidents" in the table and as a bar of 0
 * in the chart.  They get no figure (nmonths).  Before the year begins,
 * the latest record's date (asof).
 */
static void
as_of(struct s_view *v, int fy, const char *asof)
{
	struct cal_date	start, end, d = cal_today(), latest;

	v->nmonths = 12;
	snprintf(v->asof, sizeof v->asof, "%s", asof != NULL ? asof : "");
	cal_fy_bounds(&start, &end, fy);
	if (cal_cmp(d, end) >= 0) {
		cal_format_iso(v->asof, sizeof v->asof, end);
		return;
	}
	if (cal_cmp(d, start) < 0)
		return;
	if (asof != NULL && cal_parse_iso(&latest, asof) == 0 &&
	    cal_cmp(latest, d) > 0)
		d = latest;
	error_clear();
	if (cal_cmp(d, end) >= 0)
		return;
	cal_format_iso(v->asof, sizeof v->asof, d);
	/* April is the first month of the fiscal year. */
	v->nmonths = (size_t)(d.m + 8) % 12 + 1;
}

/*
 * The place of the 部 of org (a code) in orgs.yaml; SIZE_MAX when
 * orgs.yaml does not know it.
 */
static size_t
dept_order(struct store *st, const char *org)
{
	const struct refdata		*rd;
	const struct refdata_org	*o;

	if (org == NULL || store_refdata(&rd, st) != 0 ||
	    refdata_org(&o, rd, org) != 0) {
		error_clear();
		return SIZE_MAX;
	}
	return o->dept != NULL ? o->dept->index : o->index;
}

/*
 * 部別 as the year's 情報化企画の集計 ranks its 部: by count, those with as
 * many in the ward's order (orgs.yaml), a 部 it does not know after them.
 * They came in the order of their first incident, which was neither.
 */
static int
cmp_dept(const void *a, const void *b)
{
	const struct s_count	*x = a, *y = b;

	if (x->n != y->n)
		return x->n < y->n ? 1 : -1;
	if (x->order != y->order)
		return x->order < y->order ? -1 : 1;
	return strcmp(x->label, y->label);
}

/*
 * The year before's incidents into the counts' prev, those of the months
 * this year's counts cover (v->nmonths): 4月～11月 against 4月～11月, not
 * against a whole year.
 */
static void
view_prev(struct s_view *v, const struct node *const *prev, size_t nprev)
{
	struct s_count	*slot;
	struct cal_date	 d;
	const char	*s;
	size_t		 i, m;

	for (i = 0; i < nprev; i++) {
		if ((s = node_get_str(prev[i], "occurred")) == NULL ||
		    cal_parse_iso(&d, s) != 0) {
			error_clear();
			continue;
		}
		/* April is the first month of the fiscal year. */
		if ((m = (size_t)(d.m + 8) % 12) >= v->nmonths)
			continue;
		v->month[m].prev++;
		if ((slot = enum_slot(v->cat, v->ncat,
		    node_get_str(prev[i], "category"))) != NULL)
			slot->prev++;
		if ((slot = enum_slot(v->sev, v->nsev,
		    node_get_str(prev[i], "severity"))) != NULL)
			slot->prev++;
		v->nprev++;
	}
	if (v->nprev > 0)
		cal_fy_label(v->pylabel, sizeof v->pylabel, v->fy - 1);
}

static int
view_build(struct s_view *v, struct incident_ctx *c, int fy,
    const struct node *const *recs, size_t n,
    const struct node *const *prev, size_t nprev, const char *asof)
{
	const struct schema	*k = incident_ctx_kind(c);
	struct s_row		*r;
	struct s_count		*slot;
	const char		*name, *dept, *s;
	struct cal_date		 asof_d;
	char			 day[CAL_FMT_MAX];
	size_t			 i, j;
	int			 rc, has_asof;

	memset(v, 0, sizeof *v);
	v->fy = fy;
	cal_fy_label(v->fylabel, sizeof v->fylabel, fy);
	as_of(v, fy, asof);
	has_asof = v->asof[0] != '\0' && cal_parse_iso(&asof_d, v->asof) == 0;
	error_clear();
	inc_era(day, v->asof[0] != '\0' ? v->asof : NULL);
	snprintf(v->note, sizeof v->note, "%s%s　出典：事故等の記録", day,
	    day[0] != '\0' ? "現在" : "");
	if ((v->rows = calloc(n + 1, sizeof *v->rows)) == NULL ||
	    (v->month = calloc(12, sizeof *v->month)) == NULL ||
	    (v->dept = calloc(n + 1, sizeof *v->dept)) == NULL)
		return error_set(NC_ENOMEM, "out of memory");
	if ((rc = enum_counts(&v->cat, &v->ncat, k, "category")) != 0 ||
	    (rc = enum_counts(&v->sev, &v->nsev, k, "severity")) != 0)
		return rc;
	for (i = 0; i < n; i++) {
		r = &v->rows[v->n];
		r->root = recs[i];
		if ((s = node_get_str(recs[i], "occurred")) == NULL ||
		    cal_parse_iso(&r->occurred, s) != 0) {
			error_clear();
			continue;
		}
		if ((s = node_get_str(recs[i], "discovered")) != NULL &&
		    cal_parse_iso(&r->discovered, s) == 0)
			r->has_discovered = 1;
		error_clear();
		name = dept = NULL;
		s = node_get_str(recs[i], "org");
		if (s != NULL && store_org(&name, &dept,
		    incident_ctx_store(c), s) != 0) {
			error_clear();
			name = s;
		}
		r->div = strdup(name != NULL ? name : "");
		r->dept = strdup(dept != NULL ? dept : name != NULL ? name :
		    "");
		if (r->div == NULL || r->dept == NULL)
			return error_set(NC_ENOMEM, "out of memory");
		r->category = node_get_str(recs[i], "category");
		r->severity = node_get_str(recs[i], "severity");
		r->status = node_get_str(recs[i], "status");
		/*
		 * As of the workbook's date: one of 令和9年3月31日現在
		 * closed in April was 対応中 then.
		 */
		if (has_asof && (s = incident_status_on(recs[i], asof_d)) !=
		    NULL) {
			r->status = s;
			r->severity = incident_severity_on(recs[i], asof_d);
		}
		/* as the 事故等報告書 says it (status_asof()) */
		r->reviewed = incident_prevention_reviewed(recs[i], r->status,
		    has_asof ? v->asof : NULL);
		r->pi = node_scalar_eq(node_get(recs[i], "personal_info"),
		    "true") || node_scalar_eq(node_get(recs[i], "my_number"),
		    "true");
		r->mn = node_scalar_eq(node_get(recs[i], "my_number"), "true");
		s = inc_path_str(recs[i], "privacy.people");
		r->people = s != NULL ? strtol(s, NULL, 10) : -1;
		incident_durations(&r->contain, &r->recover, recs[i]);
		v->n++;

		tally(enum_slot(v->cat, v->ncat, r->category), r);
		tally(enum_slot(v->sev, v->nsev, r->severity), r);
		/* April is the first month of the fiscal year. */
		tally(&v->month[(r->occurred.m + 8) % 12], r);
		for (j = 0, slot = NULL; j < v->ndept; j++)
			if (strcmp(v->dept[j].label, r->dept) == 0)
				slot = &v->dept[j];
		if (slot == NULL) {
			slot = &v->dept[v->ndept++];
			if ((slot->owned = strdup(r->dept)) == NULL)
				return error_set(NC_ENOMEM, "out of memory");
			slot->label = slot->owned;
			slot->order = dept_order(incident_ctx_store(c),
			    node_get_str(recs[i], "org"));
		}
		tally(slot, r);
		v->total_pi += r->pi;
		if (r->people > 0)
			v->total_people += r->people;
		if (node_get_str(recs[i], "ref_no") != NULL)
			v->nref++;
		if (r->people >= 0)
			v->npeople++;
		else if (r->pi)
			v->nunknown++;
		if (r->contain >= 0 || r->recover >= 0)
			v->ntimes++;
	}
	if (v->ndept > 1)
		qsort(v->dept, v->ndept, sizeof *v->dept, cmp_dept);
	/* never a month with an incident left without its figure */
	for (i = v->nmonths; i < 12; i++)
		if (v->month[i].n > 0)
			v->nmonths = i + 1;
	view_prev(v, prev, nprev);
	return 0;
}

/* 1850 as 1,850. */
static void
group3(char *out, size_t size, long v)
{
	char	digits[32];
	size_t	n, i, k = 0;

	snprintf(digits, sizeof digits, "%ld", v);
	n = strlen(digits);
	for (i = 0; i < n && k + 2 < size; i++) {
		if (i > 0 && digits[i - 1] != '-' && (n - i) % 3 == 0)
			out[k++] = ',';
		out[k++] = digits[i];
	}
	out[k] = '\0';
}

static int
write_date(struct xlsx_sheet *sh, uint32_t row, uint16_t col,
    struct cal_date d)
{
	/* R8.5.28: the 令和 of the ward's lists, as narrow as 2026/5/28 */
	return xlsx_write_date(sh, row, col, d.y, d.m, d.d,
	    XLSX_DATE_ERA_SHORT);
}

/*
 * Hours, one convention in the whole workbook: the cells (XLSX_NUM_DEC1),
 * the chart's labels (which read the cells' values) and the note's
 * averages all to the tenth: 0.7時間 over a column of 0.1 and 47.1,
 * never 47.13.
 */
static double
hours_shown(double h)
{
	return (double)(long)(h * 10 + 0.5) / 10;
}

static void
write_hours(struct xlsx_sheet *sh, uint32_t row, uint16_t col, double h)
{
	/*
	 * To the tenth shown: the chart's labels read the value, and
	 * showed 47.1333333333333
	 */
	if (h < 0)
		xlsx_write_blank(sh, row, col);
	else
		xlsx_write_number(sh, row, col, hours_shown(h), XLSX_NUM_DEC1);
}

#define LIST_NCOLS	12

/*
 * A 受付番号 in the list: the office's prefix on a line of its own
 * (練情セ / 第26-004号), so that the column is as wide as the number, not
 * as 練情セ第26-004号, half of it empty beside the 件名 of four lines.
 * Every row of the list takes two lines or more.
 */
static char *
list_ref(const char *s)
{
	return text_split_before(s, "第");
}
/*
 * The width the columns share, in Excel units: LibreOffice prints one
 * page wide at 100 % about 121 units of A4 landscape (0.7 in margins);
 * 180 printed at 64 % and the 161 of XLSX_FIT_LANDSCAPE at 72 %, which
 * the ward's staff found small.  Within 133 (and the 12 columns' pixel
 * rounding) the list prints at 85 % or more; the two more than 131 go to
 * the 件名, of five lines in a column of eight characters.
 */
#define LIST_PAGE	133.0

static int
sheet_list(struct xlsx *x, const struct s_view *v, const struct schema *k)
{
	/*
	 * Landscape, one page wide; the widths from the content
	 * (xlsx_fit_table()): the names of 部 and 課 are kept whole
	 * (区立見本保育園, never 区立見本保 / 育園: XLSX_COL_NAME), and break
	 * only after ・ or before （ or at a phrase's end; the 件名 and 分類
	 * wrap at points chosen here (XLSX_COL_BREAK, rows as high as their
	 * lines); dates are R8.6.16 (the ward's short 令和, as its lists),
	 * centred so that they never touch the next column's text.  The
	 * hours to containment and recovery are on their own sheet (対応時間,
	 * by incident, with its chart), not here: two columns of 13 units
	 * more made the list print at 64 %.
	 */
	static const struct xlsx_fit_col fc[LIST_NCOLS] = {
		{ { "No.", XLSX_COL_CENTER, 5 }, XLSX_FIT_FIXED },
		{ { "受付番号", 0, 0 }, XLSX_FIT_CODE },
		/* R8.10.21 centred, a little room either side */
		{ { "発生日", 0, 9 }, XLSX_FIT_FIXED },
		{ { "発見日", 0, 9 }, XLSX_FIT_FIXED },
		/*
		 * a 部 whole, six characters a line: こども家庭部, never
		 * こども / 家庭部 (a longer one breaks at its phrases)
		 */
		{ { "部", XLSX_COL_NAME | XLSX_COL_PHRASE, 13 },
		    XLSX_FIT_FIXED },
		/*
		 * seven characters a line, 障害者サービス / 調整担当課: the
		 * room the fitter gave a 課 on one line more was the 件名's
		 */
		{ { "発生課", XLSX_COL_NAME | XLSX_COL_PHRASE, 15 },
		    XLSX_FIT_FIXED },
		/*
		 * seven characters a line: ウイルス感染, 誤送付・誤送信 on
		 * one, サイバー攻撃・ / 不正アクセス on two (never 不正 /
		 * アクセス in three)
		 */
		{ { "分類", XLSX_COL_BREAK | XLSX_COL_PHRASE, 15 },
		    XLSX_FIT_FIXED },
		{ { "重大度", XLSX_COL_CENTER, 0 }, XLSX_FIT_CODE },
		{ { "件名", XLSX_COL_BREAK | XLSX_COL_PHRASE, 0 },
		    XLSX_FIT_TEXT },
		/*
		 * 個人 / 情報, 本人 / の数: two lines, the column as wide as
		 * its values (1,850), never 個人情 / 報
		 */
		{ { "個人\n情報", XLSX_COL_CENTER, 7 }, XLSX_FIT_FIXED },
		{ { "本人\nの数", 0, 7 }, XLSX_FIT_FIXED },
		/* 終結, 再発防止策 / の確認中: five characters a line */
		{ { "状況", XLSX_COL_CENTER | XLSX_COL_BREAK |
		    XLSX_COL_PHRASE, 11 }, XLSX_FIT_FIXED },
	};
	struct xlsx_column	 cols[LIST_NCOLS];
	struct xlsx_fit_col	 kfc[LIST_NCOLS];
	struct xlsx_sheet	*sh;
	const struct s_row	*r;
	const char		**kept = NULL;
	char			 title[128], **cells = NULL;
	uint32_t		 row;
	uint16_t		 at[LIST_NCOLS], nk;
	size_t			 i, c, ncells = 0;
	int			 rc, mn, unknown;

	/*
	 * A column the records leave empty in every row is left out: 受付番号
	 * where no incident was given one, 本人の数 where none gives it (30
	 * rows of blanks read as figures missing from the list).  Where some
	 * rows have a value, the others show 「－」: no number given, or
	 * personal information whose 本人の数 is not recorded (a note says
	 * so).  at[] is the sheet's column of each of fc[]'s.
	 */
	for (c = 0, nk = 0; c < LIST_NCOLS; c++) {
		at[c] = UINT16_MAX;
		if ((c == 1 && v->nref == 0) || (c == 10 && v->npeople == 0))
			continue;
		kfc[nk] = fc[c];
		at[c] = nk++;
	}
	/*
	 * The room of a column left out to the labels that break, not all
	 * to the 件名 (review14: without 受付番号 and 本人の数 the 件名
	 * took 20 characters for titles of 16 while サイバー攻撃・ / 不正
	 * アクセス, 総合福祉事務所 / （見本B） and 再発防止策 / の確認中
	 * wrapped): 発生課, 分類 and 状況 fitted with it, each as wide as
	 * its widest piece at least, where the fitter finds a line saved.
	 * With every column kept, the widths above (the fitter, left to
	 * share, gave a 課 the 件名's room).
	 */
	if (nk < LIST_NCOLS)
		for (c = 0; c < LIST_NCOLS; c++) {
			if (at[c] == UINT16_MAX)
				continue;
			if (c == 5 || c == 6)
				kfc[at[c]].fit = XLSX_FIT_TEXT;
			else if (c == 11) {
				kfc[at[c]].fit = XLSX_FIT_TEXT;
				kfc[at[c]].col.flags = XLSX_COL_CENTER |
				    XLSX_COL_NAME | XLSX_COL_PHRASE;
			}
		}

	/* the text of every cell as shown, to measure */
	if (v->n > 0 && (cells = calloc(v->n * LIST_NCOLS,
	    sizeof *cells)) == NULL)
		return error_set(NC_ENOMEM, "out of memory");
	ncells = v->n * LIST_NCOLS;
	for (i = 0; i < v->n; i++) {
		char	**c0 = cells + i * LIST_NCOLS;

		r = &v->rows[i];
		c0[0] = text_printf("%zu", i + 1);
		c0[1] = node_get_str(r->root, "ref_no") != NULL ?
		    list_ref(node_get_str(r->root, "ref_no")) :
		    text_printf("%s", "－");
		c0[2] = text_printf("%d/%d/%d", r->occurred.y, r->occurred.m,
		    r->occurred.d);
		c0[3] = r->has_discovered ? text_printf("%d/%d/%d",
		    r->discovered.y, r->discovered.m, r->discovered.d) :
		    text_printf("%s", "");
		c0[4] = text_printf("%s", r->dept != NULL ? r->dept : "");
		c0[5] = text_printf("%s", r->div != NULL ? r->div : "");
		c0[6] = text_printf("%s", inc_label(k, "category", r->category));
		c0[7] = text_printf("%s", inc_label(k, "severity", r->severity));
		c0[8] = text_printf("%s", node_get_str(r->root, "title") !=
		    NULL ? node_get_str(r->root, "title") : "");
		c0[9] = text_printf("%s", r->mn ? "特定" : r->pi ? "あり" :
		    "なし");
		c0[10] = r->people >= 0 ? text_printf("%ld", r->people) :
		    text_printf("%s", r->pi ? "－" : "");
		c0[11] = text_printf("%s", r->reviewed ? REVIEWED :
		    inc_label(k, "status", r->status));
		for (c = 0; c < LIST_NCOLS; c++)
			if (c0[c] == NULL) {
				rc = error_set(NC_ENOMEM, "out of memory");
				goto done;
			}
	}
	if (v->n > 0 && (kept = calloc(v->n * nk, sizeof *kept)) == NULL) {
		rc = error_set(NC_ENOMEM, "out of memory");
		goto done;
	}
	for (i = 0; i < v->n; i++)
		for (c = 0; c < LIST_NCOLS; c++)
			if (at[c] != UINT16_MAX)
				kept[i * nk + at[c]] = cells[i * LIST_NCOLS + c];
	if ((rc = xlsx_fit_table(cols, kfc, nk, kept, v->n, LIST_PAGE)) != 0)
		goto done;

	snprintf(title, sizeof title, "%s 情報セキュリティ事故等の一覧",
	    v->fylabel);
	if ((rc = xlsx_add_sheet(&sh, x, "一覧", XLSX_LANDSCAPE)) != 0 ||
	    (rc = xlsx_title(sh, title, v->note)) != 0 ||
	    (rc = xlsx_table(&row, sh, cols, nk)) != 0)
		goto done;
	for (i = 0, unknown = 0; i < v->n; i++, row++) {
		r = &v->rows[i];
		xlsx_write_number(sh, row, at[0], (double)(i + 1),
		    XLSX_NUM_INT);
		if (at[1] != UINT16_MAX)
			xlsx_write_text(sh, row, at[1],
			    cells[i * LIST_NCOLS + 1]);
		write_date(sh, row, at[2], r->occurred);
		if (r->has_discovered)
			write_date(sh, row, at[3], r->discovered);
		else
			xlsx_write_blank(sh, row, at[3]);
		xlsx_write_text(sh, row, at[4], r->dept);
		xlsx_write_text(sh, row, at[5], r->div);
		xlsx_write_text(sh, row, at[6], inc_label(k, "category",
		    r->category));
		xlsx_write_text(sh, row, at[7], inc_label(k, "severity",
		    r->severity));
		xlsx_write_text(sh, row, at[8], node_get_str(r->root,
		    "title"));
		xlsx_write_text(sh, row, at[9], r->mn ? "特定" : r->pi ?
		    "あり" : "なし");
		if (at[10] != UINT16_MAX && r->people >= 0)
			xlsx_write_number(sh, row, at[10], (double)r->people,
			    XLSX_NUM_INT);
		else if (at[10] != UINT16_MAX && r->pi) {
			xlsx_write_text(sh, row, at[10], "－");
			unknown = 1;
		} else if (at[10] != UINT16_MAX)
			xlsx_write_blank(sh, row, at[10]);
		xlsx_write_text(sh, row, at[11], r->reviewed ? REVIEWED :
		    inc_label(k, "status", r->status));
	}
	/*
	 * two lines: a note as wide as the page widened the print area;
	 * 「特定」 explained where the list shows it, not in a list of
	 * あり and なし
	 */
	for (i = 0, mn = 0; i < v->n; i++)
		mn |= v->rows[i].mn;
	row++;
	if (mn && (rc = xlsx_note(sh, row++, "個人情報：「特定」は特定個人情報"
	    "（マイナンバーを含む個人情報）を含むもの。")) != 0)
		goto done;
	if (unknown && (rc = xlsx_note(sh, row++, "本人の数：「－」は本人の数"
	    "の記録がないもの。")) != 0)
		goto done;
	/* never sent to a sheet that has no times to show */
	rc = v->ntimes == 0 ? 0 : xlsx_note(sh, row, "検知・発見から封じ込め"
	    "・遮断、復旧までの時間は「対応時間」に示す。");
done:
	for (i = 0; i < ncells; i++)
		free(cells[i]);
	free(cells);
	free(kept);
	return rc;
}

/*
 * The count of those with personal information, one name on every
 * sheet, over two lines at a phrase's end: LibreOffice broke it as うち個人
 * 情報を / 含む.
 */
#define PI_HEADING	"うち個人情報\nを含む"

/*
 * What 前年度 counts, under a table that has it: the year by its name,
 * and the months when this year's are not all in yet.
 */
static int
prev_note(struct xlsx_sheet *sh, uint32_t *row, const struct s_view *v)
{
	static const char *const mon[12] = { "4月", "5月", "6月", "7月", "8月",
	    "9月", "10月", "11月", "12月", "1月", "2月", "3月" };
	char	line[256];

	if (v->nmonths >= 12)
		snprintf(line, sizeof line, "前年度は%sの件数、増減は前年度から"
		    "の増減。", v->pylabel);
	else
		snprintf(line, sizeof line, "前年度は%sの同じ期間（4月～%s）の"
		    "件数、増減は前年度からの増減。", v->pylabel,
		    mon[v->nmonths - 1]);
	return xlsx_note(sh, ++*row, line);
}

/* A sheet of counts by one grouping with one chart. */
static int
sheet_counts(struct xlsx *x, const struct s_view *v, const char *name,
    const char *title, const char *group, const struct s_count *c,
    size_t n, const struct schema *k, const char *field,
    enum xlsx_chart_type type, int with_pi, int with_prev, const char *after)
{
	struct xlsx_column	 cols[5];
	static const char *const names[] = { "件数", "うち個人情報を含む" };
	struct xlsx_sheet	*sh;
	struct xlsx_chart	 ch;
	char			 full[128];
	uint32_t		 row, first;
	uint16_t		 vals[2], cn, cp = 0, cd = 0, cpi = 0;
	size_t			 i, nc = 0;
	uint16_t		 col;
	long			 tn, tpi, tp;
	int			 rc;

	/*
	 * The labels on one line, as wide as the longest (サイバー攻撃・不正
	 * アクセス, never 不正ア / クセス): the chart reads them from here.
	 */
	cols[nc++] = (struct xlsx_column){ group, 0, 0 };
	/*
	 * 前年度, 件数, 増減: the order of every comparison (the checklist
	 * workbooks'), where the year before had incidents; without any,
	 * neither column (a column of 0 and one of ＋n said nothing)
	 */
	with_prev = with_prev && v->nprev > 0;
	if (with_prev) {
		cp = (uint16_t)nc;
		cols[nc++] = (struct xlsx_column){ "前年度", 0, 8 };
	}
	cn = (uint16_t)nc;
	cols[nc++] = (struct xlsx_column){ "件数", 0, 8 };
	if (with_prev) {
		cd = (uint16_t)nc;
		cols[nc++] = (struct xlsx_column){ "増減", 0, 8 };
	}
	if (with_pi) {
		cpi = (uint16_t)nc;
		/* うち個人情報 / を含む, never a line of 含む alone */
		cols[nc++] = (struct xlsx_column){ PI_HEADING, 0, 12 };
	}
	snprintf(full, sizeof full, "%s %s", v->fylabel, title);
	if ((rc = xlsx_add_sheet(&sh, x, name, 0)) != 0 ||
	    (rc = xlsx_title(sh, full, v->note)) != 0 ||
	    (rc = xlsx_table(&row, sh, cols, nc)) != 0)
		return rc;
	first = row;
	for (i = 0; i < n; i++, row++) {
		xlsx_write_text(sh, row, 0, field != NULL ? inc_label(k, field,
		    c[i].label) : c[i].label);
		/*
		 * No figure yet: blank, as the audits' 集計表 leave a
		 * chapter without a rate, so that the chart draws no bar
		 * (a text 「－」 would be drawn as 0).
		 */
		if (c[i].ahead) {
			for (col = 1; col < nc; col++)
				xlsx_write_blank(sh, row, col);
			continue;
		}
		if (with_prev) {
			xlsx_write_number(sh, row, cp, (double)c[i].prev,
			    XLSX_NUM_INT);
			xlsx_write_number(sh, row, cd,
			    (double)(c[i].n - c[i].prev), XLSX_NUM_DIFF_INT);
		}
		xlsx_write_number(sh, row, cn, (double)c[i].n, XLSX_NUM_INT);
		if (with_pi)
			xlsx_write_number(sh, row, cpi, (double)c[i].pi,
			    XLSX_NUM_INT);
	}
	if (n == 0)
		return xlsx_note(sh, row + 1, "この年度の事故等の記録はない。");
	/* the total a reader checks the rows against (not charted) */
	for (i = 0, tn = 0, tpi = 0, tp = 0; i < n; i++)
		if (!c[i].ahead) {
			tn += c[i].n;
			tpi += c[i].pi;
			tp += c[i].prev;
		}
	if ((rc = xlsx_write_text(sh, row, 0, "計")) != 0 ||
	    (rc = xlsx_write_number(sh, row, cn, (double)tn,
	    XLSX_NUM_INT)) != 0 || (with_pi && (rc = xlsx_write_number(sh,
	    row, cpi, (double)tpi, XLSX_NUM_INT)) != 0))
		return rc;
	if (with_prev && ((rc = xlsx_write_number(sh, row, cp, (double)tp,
	    XLSX_NUM_INT)) != 0 || (rc = xlsx_write_number(sh, row, cd,
	    (double)(tn - tp), XLSX_NUM_DIFF_INT)) != 0))
		return rc;
	row++;
	/* under the table, the chart a row lower */
	if (after != NULL && (rc = xlsx_note(sh, row++ + 1, after)) != 0)
		return rc;
	if (with_prev && (rc = prev_note(sh, &row, v)) != 0)
		return rc;
	memset(&ch, 0, sizeof ch);
	ch.type = type;
	ch.title = full;
	ch.cat_col = 0;
	vals[0] = cn;
	vals[1] = cpi;
	ch.val_cols = vals;
	/* the legend's names on a line each, not the headings' two */
	ch.names = names;
	ch.nval = with_pi && type != XLSX_CHART_PIE ? 2 : 1;
	ch.y_title = type == XLSX_CHART_PIE ? NULL : "件数";
	/* 重大, 高, 中, 低: 高 red, 重大 darker, 中 orange, 低 yellow */
	ch.severity = field != NULL && strcmp(field, "severity") == 0;
	for (i = 0; ch.severity && i < n; i++)
		if (strcmp(c[i].label, "high") == 0)
			ch.severity_red = i;
	ch.first_row = first;
	ch.last_row = first + (uint32_t)n - 1;
	/* Counts step by whole numbers: the chart model sees whole values. */
	ch.at_row = row + 2;
	ch.at_col = 0;
	ch.width = 640;
	ch.height = type == XLSX_CHART_BAR ? 120 + 28 * (int)n : 360;
	if (ch.height < 300)
		ch.height = 300;
	return xlsx_add_chart(sh, &ch);
}

static int
sheet_months(struct xlsx *x, const struct s_view *v)
{
	static const char *const mon[12] = { "4月", "5月", "6月", "7月", "8月",
	    "9月", "10月", "11月", "12月", "1月", "2月", "3月" };
	struct s_count	c[12];
	char		note[256], day[CAL_FMT_MAX], span[32];
	size_t		i;

	for (i = 0; i < 12; i++) {
		c[i] = v->month[i];
		c[i].label = mon[i];
		c[i].ahead = i >= v->nmonths;
	}
	if (v->nmonths >= 12)
		return sheet_counts(x, v, "月別", "月別の事故等の件数", "発生月",
		    c, 12, NULL, NULL, XLSX_CHART_COLUMN, 1, 1, NULL);
	/* 令和8年11月30日現在: 12月～3月 (or 3月 alone) */
	if (v->nmonths == 11)
		snprintf(span, sizeof span, "%s", mon[11]);
	else
		snprintf(span, sizeof span, "%s～%s", mon[v->nmonths], mon[11]);
	inc_era(day, v->asof);
	snprintf(note, sizeof note, "件数は%s現在。空欄の%sはまだ到来していない"
	    "月であり、グラフには棒を表示していない（0件ではない）。", day,
	    span);
	return sheet_counts(x, v, "月別", "月別の事故等の件数", "発生月", c, 12,
	    NULL, NULL, XLSX_CHART_COLUMN, 1, 1, note);
}

/*
 * The total said over the incidents it covers: all of those with
 * personal information, or the ones that give their 本人の数.
 */
static void
privacy_line(char *line, size_t size, const struct s_view *v)
{
	char	total[32];
	int	people = v->npeople > 0;

	group3(total, sizeof total, v->total_people);
	if (v->n == 0)
		snprintf(line, size, "この年度の事故等の記録はない。");
	else if (v->total_pi == 0 && !people)
		snprintf(line, size, "個人情報を含む事故等は%zu件中0件。",
		    v->n);
	else if (!people)
		snprintf(line, size, "個人情報を含む事故等は%zu件中%ld件。"
		    "本人の数の記録はない。", v->n, v->total_pi);
	else if (v->nunknown == 0)
		snprintf(line, size, "個人情報を含む事故等は%zu件中%ld件、"
		    "本人の数は合計%s人（記録のあるものに限る）。", v->n,
		    v->total_pi, total);
	else
		snprintf(line, size, "個人情報を含む事故等は%zu件中%ld件、"
		    "本人の数は記録のある%zu件の合計%s人（%zu件は本人の数の記録"
		    "がない）。", v->n, v->total_pi, v->npeople, total,
		    v->nunknown);
}

static int
sheet_privacy(struct xlsx *x, const struct s_view *v, const struct schema *k)
{
	static const struct xlsx_column cols[] = {
		/* 分類 on one line; 本人の数 / （合計）, never （合計 / ） */
		{ "分類", 0, 0 }, { "件数", 0, 8 },
		/* the name the other tallies give the column */
		{ PI_HEADING, 0, 12 },
		{ "本人の数（合計）", XLSX_COL_BREAK, 14 },
	};
	static const uint16_t	 vals[] = { 3 };
	struct xlsx_sheet	*sh;
	struct xlsx_chart	 ch;
	char			 title[128], line[256];
	char			 ctitle[128];
	long			 sn = 0, spi = 0, sp = 0;
	uint32_t		 row, first;
	size_t			 i;
	int			 rc;
	/*
	 * Where no incident gives its 本人の数, neither the column nor its
	 * chart: a 0 in every row and 「合計0人」 stated a figure the records
	 * do not have, beside 14 incidents with personal information.
	 */
	int			 people = v->npeople > 0;

	snprintf(title, sizeof title, "%s 個人情報を含む事故等", v->fylabel);
	if ((rc = xlsx_add_sheet(&sh, x, "個人情報", 0)) != 0 ||
	    (rc = xlsx_title(sh, title, v->note)) != 0 ||
	    (rc = xlsx_table(&row, sh, cols, people ? 4 : 3)) != 0)
		return rc;
	first = row;
	for (i = 0; i < v->ncat; i++, row++) {
		xlsx_write_text(sh, row, 0, inc_label(k, "category",
		    v->cat[i].label));
		xlsx_write_number(sh, row, 1, (double)v->cat[i].n,
		    XLSX_NUM_INT);
		xlsx_write_number(sh, row, 2, (double)v->cat[i].pi,
		    XLSX_NUM_INT);
		if (people)
			xlsx_write_number(sh, row, 3,
			    (double)v->cat[i].people, XLSX_NUM_INT);
		sn += v->cat[i].n;
		spi += v->cat[i].pi;
		sp += v->cat[i].people;
	}
	/* the 計 row of the other tallies, the sums of the rows shown */
	if (v->ncat > 0 && ((rc = xlsx_write_text(sh, row, 0, "計")) != 0 ||
	    (rc = xlsx_write_number(sh, row, 1, (double)sn,
	    XLSX_NUM_INT)) != 0 || (rc = xlsx_write_number(sh, row, 2,
	    (double)spi, XLSX_NUM_INT)) != 0 || (people &&
	    (rc = xlsx_write_number(sh, row, 3, (double)sp,
	    XLSX_NUM_INT)) != 0)))
		return rc;
	privacy_line(line, sizeof line, v);
	if ((rc = xlsx_note(sh, row + (v->ncat > 0) + 1, line)) != 0 ||
	    !people)
		return rc;
	memset(&ch, 0, sizeof ch);
	ch.type = XLSX_CHART_BAR;
	snprintf(ctitle, sizeof ctitle, "%s 分類別の本人の数（合計）",
	    v->fylabel);
	ch.title = ctitle;
	ch.y_title = "人";
	ch.val_cols = vals;
	ch.nval = 1;
	ch.first_row = first;
	ch.last_row = row - 1;
	ch.at_row = row + 4;
	ch.width = 640;
	ch.height = 120 + 28 * (int)v->ncat;
	return xlsx_add_chart(sh, &ch);
}

static int
sheet_times(struct xlsx *x, const struct s_view *v)
{
	static const struct xlsx_column cols[] = {
		/*
		 * 件名 on one line where it fits 29 characters (the chart's
		 * labels come from here, so the writer does not break them):
		 * 60, as a cell wrapped by the reader keeps a character's room
		 * (xlsx_usable()); in 58 a name of 29 got a row of two lines
		 * that LibreOffice printed on one;
		 * 封じ込めまで / （時間）, never （時間 / ）.  No. and 発生日
		 * as the 一覧's: three 職員端末でのマルウェア検知 could not be
		 * told apart (rev17b T3).
		 */
		{ "No.", XLSX_COL_CENTER, 5 },
		{ "件名", 0, 60 },
		{ "発生日", 0, 9 },
		{ "封じ込めまで（時間）", XLSX_COL_BREAK, 16 },
		{ "復旧まで（時間）", XLSX_COL_BREAK, 14 },
	};
	static const uint16_t	 vals[] = { 3, 4 };
	static const char *const names[] = { "封じ込めまで", "復旧まで" };
	struct xlsx_sheet	*sh;
	struct xlsx_chart	 ch;
	char			 title[128], line[256], ac[32], ar[32];
	char			**labels = NULL;
	uint32_t		 row, first;
	double			 sc = 0, sr = 0;
	size_t			 i, n = 0, nc = 0, nr = 0;
	int			 rc;

	snprintf(title, sizeof title, "%s 検知から封じ込め・復旧までの時間",
	    v->fylabel);
	if ((rc = xlsx_add_sheet(&sh, x, "対応時間", 0)) != 0 ||
	    (rc = xlsx_title(sh, title, v->note)) != 0)
		return rc;
	/*
	 * Nothing to show: the sentence that says so where the table
	 * would start, not under a header of no rows (and the 一覧 does not
	 * send the reader here).
	 */
	if (v->ntimes == 0)
		return xlsx_note(sh, 3, "経過の記録から時間を計算できる事故等は"
		    "ない。");
	if ((rc = xlsx_table(&row, sh, cols, 5)) != 0)
		return rc;
	if ((labels = calloc(v->n, sizeof *labels)) == NULL)
		return error_set(NC_ENOMEM, "out of memory");
	first = row;
	for (i = 0; i < v->n; i++) {
		const struct s_row *r = &v->rows[i];

		if (r->contain < 0 && r->recover < 0)
			continue;
		xlsx_write_number(sh, row, 0, (double)(i + 1), XLSX_NUM_INT);
		xlsx_write_text(sh, row, 1, node_get_str(r->root, "title"));
		write_date(sh, row, 2, r->occurred);
		write_hours(sh, row, 3, r->contain);
		write_hours(sh, row, 4, r->recover);
		/* the chart's label: the 一覧's No. with the name */
		if ((labels[n] = text_printf("No.%zu %s", i + 1,
		    node_get_str(r->root, "title") != NULL ?
		    node_get_str(r->root, "title") : "")) == NULL) {
			rc = error_set(NC_ENOMEM, "out of memory");
			goto done;
		}
		/* the averages of the figures shown, which a reader can add */
		if (r->contain >= 0) {
			sc += hours_shown(r->contain);
			nc++;
		}
		if (r->recover >= 0) {
			sr += hours_shown(r->recover);
			nr++;
		}
		row++;
		n++;
	}
	if (n == 0) {
		rc = xlsx_note(sh, row + 1, "経過の記録から時間を計算できる事故"
		    "等はない。");
		goto done;
	}
	/* the averages rounded half up once, as the ward rounds */
	text_pct1(ac, sizeof ac, nc > 0 ? sc / (double)nc : 0.0, 0, "");
	text_pct1(ar, sizeof ar, nr > 0 ? sr / (double)nr : 0.0, 0, "");
	snprintf(line, sizeof line, "平均：封じ込めまで%s時間（%zu件）、"
	    "復旧まで%s時間（%zu件）。封じ込め・復旧の時刻の記録がない事故等"
	    "は含まない。", ac, nc, ar, nr);
	if ((rc = xlsx_note(sh, row + 1, line)) != 0)
		goto done;
	memset(&ch, 0, sizeof ch);
	ch.type = XLSX_CHART_BAR;
	ch.title = title;
	ch.y_title = "時間";
	/* the headings are broken in two lines; the legend keeps one */
	ch.names = names;
	ch.val_cols = vals;
	ch.nval = 2;
	ch.cat_col = 1;
	ch.cat_labels = (const char *const *)labels;
	/* hours to one decimal, as the averages above */
	ch.label_numfmt = "0.0";
	ch.first_row = first;
	ch.last_row = row - 1;
	ch.at_row = row + 3;
	ch.width = 720;
	ch.height = 160 + 40 * (int)n;
	rc = xlsx_add_chart(sh, &ch);
done:
	for (i = 0; i < n; i++)
		free(labels[i]);
	free(labels);
	return rc;
}

int
incident_write_stats_xlsx(struct incident_ctx *c, int fy,
    const struct node *const *recs, size_t n,
    const struct node *const *prev, size_t nprev, const char *asof,
    const char *path)
{
	const struct schema	*k = incident_ctx_kind(c);
	struct s_view		 v;
	struct xlsx		*x = NULL;
	struct xlsx_props	 props;
	struct cal_date		 d;
	char			 title[128], pl[256];
	int			 rc;

	if ((rc = view_build(&v, c, fy, recs, n, prev, nprev, asof)) != 0)
		goto done;
	snprintf(title, sizeof title, "%s 情報セキュリティ事故等の統計",
	    v.fylabel);
	memset(&props, 0, sizeof props);
	props.title = title;
	/* A fixed time, the as-of date: the same data gives the same file. */
	props.created = cal_parse_iso(&d, v.asof) == 0 ?
	    (time_t)cal_days(d) * 86400 : 86400;
	error_clear();
	if ((rc = xlsx_new(&x, path, &props)) != 0)
		goto done;
	sheet_list(x, &v, k);
	/*
	 * Where no incident gives its 本人の数, the 個人情報 sheet would
	 * repeat 分類別 (分類, 件数, うち個人情報を含む) with a line of its
	 * own (review14): that line goes under 分類別 and the sheet is left
	 * out.
	 */
	if (v.npeople == 0)
		privacy_line(pl, sizeof pl, &v);
	sheet_counts(x, &v, "分類別", "分類別の事故等の件数", "分類", v.cat,
	    v.ncat, k, "category", XLSX_CHART_BAR, 1, 1, v.npeople == 0 &&
	    v.n > 0 ? pl : NULL);
	sheet_months(x, &v);
	sheet_counts(x, &v, "重大度別", "重大度別の事故等の件数", "重大度",
	    v.sev, v.nsev, k, "severity", XLSX_CHART_PIE, 0, 1, NULL);
	/* named as its title and column: 部別, not 組織別 */
	sheet_counts(x, &v, "部別", "部別の事故等の件数", "部", v.dept,
	    v.ndept, NULL, NULL, XLSX_CHART_BAR, 1, 0, NULL);
	if (v.npeople > 0)
		sheet_privacy(x, &v, k);
	sheet_times(x, &v);
	/* Errors are sticky: the save reports the first. */
	rc = xlsx_save(x);
done:
	xlsx_free(x);
	view_free(&v);
	return rc;
}
