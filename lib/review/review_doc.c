/*
 * The ward's documents from a review record (EXAMPLES.md): 精査記録
 * (.xlsx and .docx), 可否決定通知, 意見書, システム評価確認シート and
 * システム評価結果通知書.  Every label comes from the schema's titles and
 * x-enum-titles; every date is the record's, never the clock's, so the
 * same record gives the same bytes.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "amount.h"
#include "buf.h"
#include "docno.h"
#include "docx.h"
#include "error.h"
#include "review.h"
#include "review_int.h"
#include "text.h"
#include "xlsx.h"

/* Strings made while building one document, freed together. */
struct strs {
	char	**v;
	size_t	  n;
	size_t	  cap;
	int	  failed;
};

static const char *
keep(struct strs *s, char *p)
{
	char	**nv;

	if (p == NULL) {
		s->failed = 1;
		return "";
	}
	if (s->n == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 32;
		if ((nv = realloc(s->v, s->cap * sizeof *nv)) == NULL) {
			free(p);
			s->failed = 1;
			return "";
		}
		s->v = nv;
	}
	s->v[s->n++] = p;
	return p;
}

static const char *
fmt(struct strs *s, const char *f, ...) NC_PRINTF(2, 3);

static const char *
fmt(struct strs *s, const char *f, ...)
{
	va_list	 ap;
	char	*p;

	va_start(ap, f);
	p = text_vprintf(f, ap);
	va_end(ap);
	return keep(s, p);
}

/* The texts of a sequence as (1) …, (2) … a line each; "" for none. */
static const char *
numbered(struct strs *s, const struct node *seq)
{
	struct buf	 b = BUF_INIT;
	size_t		 i;

	for (i = 0; seq != NULL && seq->kind == NODE_SEQ && i < seq->n; i++)
		if (seq->u.items[i]->kind == NODE_SCALAR)
			buf_printf(&b, "%s(%zu) %s", b.len > 0 ? "\n" : "",
			    i + 1, seq->u.items[i]->u.s.str);
	if (b.failed) {
		buf_free(&b);
		s->failed = 1;
		return "";
	}
	return b.data != NULL ? keep(s, buf_detach(&b, NULL)) : "";
}

static void
strs_free(struct strs *s)
{
	size_t	i;

	for (i = 0; i < s->n; i++)
		free(s->v[i]);
	free(s->v);
}

/* The label of an enum field's value, or the value. */
static const char *
label(const struct schema *s, const char *v)
{
	const char	*t;

	if (v == NULL)
		return "";
	t = s != NULL ? schema_enum_title(schema_resolve(s), v) : NULL;
	return t != NULL ? t : v;
}

static const struct schema *
sub(const struct schema *s, const char *a, const char *b)
{
	s = schema_prop(s, a);
	if (s != NULL && b != NULL) {
		if (schema_items(s) != NULL)
			s = schema_items(s);
		s = schema_prop(s, b);
	}
	return s;
}

static const char *
title_of(const struct review_ctx *c, const char *a, const char *b)
{
	const struct schema	*s = sub(c->kind, a, b);
	const char		*t = s != NULL ? schema_title(s) : NULL;

	return t != NULL ? t : b != NULL ? b : a;
}

static const char *
str(const struct node *map, const char *key)
{
	const char	*s = node_get_str(map, key);

	return s != NULL ? s : "";
}

/* 令和8年4月20日 from YYYY-MM-DD; "" when absent. */
static const char *
era(struct strs *s, const char *iso)
{
	struct cal_date	 d;
	char		 out[CAL_FMT_MAX];

	if (iso == NULL || cal_parse_iso(&d, iso) != 0 ||
	    cal_format_era(out, sizeof out, d, CAL_ERA_LONG) != 0)
		return iso != NULL ? iso : "";
	return fmt(s, "%s", out);
}

static const char *
yen(struct strs *s, long long v)
{
	char	b[32];

	amount_format(b, sizeof b, v);
	return fmt(s, "%s円", b);
}

/* こども家庭部 保育課, or the code when the list does not know it. */
static const char *
org_full(struct strs *s, struct review_ctx *c, const char *code)
{
	const char	*name = NULL, *dept = NULL;

	if (code == NULL)
		return "";
	if (store_org(&name, &dept, c->st, code) != 0 || name == NULL)
		return code;
	/*
	 * 部 and 課 apart, as the other documents write them (区民部 戸籍住民課):
	 * 「土木部計画課」 ran them together (rev19b T11, rev20 T6)
	 */
	return fmt(s, "%s%s%s", dept != NULL ? dept : "", dept != NULL ?
	    " " : "", name);
}

/* The member names of the reviewers, joined with 、. */
static const char *
reviewers(struct strs *s, struct review_ctx *c, const struct node *rec)
{
	const struct node		*rv = node_get(rec, "reviewers");
	const struct refdata_member	*m;
	const char			*id, *name;
	struct buf			 b = BUF_INIT;
	size_t				 i;

	for (i = 0; rv != NULL && rv->kind == NODE_SEQ && i < rv->n; i++) {
		id = rv->u.items[i]->kind == NODE_SCALAR ?
		    rv->u.items[i]->u.s.str : "";
		name = refdata_member(&m, c->ref, id) == 0 && m->name != NULL ?
		    m->name : id;
		buf_printf(&b, "%s%s", i ? "、" : "", name);
	}
	error_clear();
	if (b.data == NULL)
		return "";
	return keep(s, buf_detach(&b, NULL));
}

static const char *
config_str(const struct review_ctx *c, const char *a, const char *b)
{
	const struct node	*n = node_get(c->config, a);

	return b != NULL ? node_get_str(n, b) : node_get_str(c->config, a);
}

/*
 * The date a document carries and its files are stamped with: the
 * decision (or its notice), else the submission, else the latest hearing
 * step, else the date received.
 */
static const char *
doc_date(const struct node *rec)
{
	const struct node	*h = node_get(rec, "hearings"), *r;
	const char		*best = node_get_str(rec, "received"), *v;
	static const char *const keys[] = { "sent", "answered", NULL };
	size_t			 i, k;

	if ((v = node_get_str(node_get(rec, "decision"), "notified")) != NULL)
		return v;
	if ((v = node_get_str(node_get(rec, "decision"), "date")) != NULL)
		return v;
	if ((v = node_get_str(rec, "submitted")) != NULL)
		return v;
	for (i = 0; h != NULL && h->kind == NODE_SEQ && i < h->n; i++) {
		r = h->u.items[i];
		for (k = 0; keys[k] != NULL; k++) {
			v = node_get_str(r, keys[k]);
			if (v != NULL && (best == NULL || strcmp(v, best) > 0))
				best = v;
		}
	}
	return best;
}

static time_t
stamp(const char *iso)
{
	struct cal_date	d;

	if (iso == NULL || cal_parse_iso(&d, iso) != 0)
		return 315532800;	/* 1980-01-01, the zip epoch */
	return (time_t)cal_days(d) * 86400 + 9 * 3600;
}

/*
 * 初期 12,800,000円（税込）
 * 運用 年額3,600,000円×4年度、計14,400,000円（税込）
 * The running cost says what it is: a yearly amount times the years and
 * their total, the one year's amount, or the total of unequal years; one
 * pair of brackets, not （計…）（税込） back to back.
 */
static const char *
cost_line_sep(struct strs *s, const struct node *rec, const char *sep);

static const char *
cost_line(struct strs *s, const struct node *rec)
{
	return cost_line_sep(s, rec, "　");
}

/*
 * In a narrow table cell the running cost goes on a line of its own, so
 * that "計14,400,000円（税込）" never leaves "込）" alone on a line.
 */
static const char *
cost_lines(struct strs *s, const struct node *rec)
{
	return cost_line_sep(s, rec, "\n");
}

static const char *
cost_line_sep(struct strs *s, const struct node *rec, const char *sep)
{
	const struct node	*costs = node_get(rec, "costs");
	long long		 ini, run, r, yearly = -1;
	size_t			 i, nrun = 0;
	int			 same = 1;

	if (costs == NULL || costs->kind != NODE_SEQ || costs->n == 0)
		return "";
	review_cost_sums(&ini, &run, rec);
	for (i = 0; i < costs->n; i++) {
		r = review_int(costs->u.items[i], "running");
		if (r == 0)
			continue;
		if (yearly >= 0 && r != yearly)
			same = 0;
		yearly = r;
		nrun++;
	}
	/*
	 * no running cost: なし where the record says 0, 未記入 where it
	 * gives none, for the 決裁区分 beside it rests on the whole cost
	 * (初期 alone read as an estimate half made)
	 */
	if (run == 0) {
		for (i = 0; i < costs->n; i++)
			if (node_get(costs->u.items[i], "running") != NULL)
				break;
		return fmt(s, "初期 %s（税込）%s運用 %s", yen(s, ini), sep,
		    i < costs->n ? "なし" : "未記入");
	}
	if (nrun == 1)
		return fmt(s, "初期 %s（税込）%s運用 %s（1年度分、税込）",
		    yen(s, ini), sep, yen(s, run));
	if (same)
		return fmt(s, "初期 %s（税込）%s運用 年額%s×%zu年度、"
		    "計%s（税込）", yen(s, ini), sep, yen(s, yearly), nrun,
		    yen(s, run));
	return fmt(s, "初期 %s（税込）%s運用 %zu年度計%s（税込）",
	    yen(s, ini), sep, nrun, yen(s, run));
}

static const char *
approver_title(struct review_ctx *c, const char *code)
{
	const struct node	*as = node_get(node_get(c->config,
	    "approval"), "approvers");
	size_t			 i;

	if (code == NULL)
		return "";
	for (i = 0; as != NULL && as->kind == NODE_SEQ && i < as->n; i++)
		if (node_scalar_eq(node_get(as->u.items[i], "code"), code) &&
		    node_get_str(as->u.items[i], "title") != NULL)
			return node_get_str(as->u.items[i], "title");
	return label(sub(c->kind, "decision", "approver"), code);
}

/*
 * The 決裁区分 the record shows: the decision's, or before the decision
 * the one its cost calls for (review_approver()), marked as such: a new
 * record's 精査記録 left it blank though the cost decides it.
 */
static const char *
approver_shown(struct review_ctx *c, struct strs *s,
    const struct node *rec)
{
	struct review_approval	 ap;
	const char		*code = node_get_str(node_get(rec, "decision"),
				    "approver");

	/*
	 * The decision as taken, and beside it the tier the rules give when
	 * that is higher: 27,080,000円 of an update printed 情報政策課長
	 * while the rules call for 企画部長, and the undecided records of
	 * the same year showed the rules' tier (review15).
	 */
	if (code != NULL && review_approver_below(&ap, c->config, rec))
		return fmt(s, "%s　※所要経費による区分は%s",
		    approver_title(c, code), ap.title != NULL ? ap.title :
		    approver_title(c, ap.code));
	if (code != NULL)
		return approver_title(c, code);
	if (review_approver(&ap, c->config, rec) != 0) {
		error_clear();
		return "";
	}
	return fmt(s, "%s　※所要経費による", ap.title != NULL ? ap.title :
	    approver_title(c, ap.code));
}

static const char *
result_label(struct review_ctx *c, const char *v)
{
	return label(sub(c->kind, "decision", "result"), v);
}

/*
 * A withdrawn review's working record (精査記録, システム評価確認シート)
 * keeps what was done, marked 取下げ: withdrawn before its decision, with
 * no conclusion (a 総合所見 written before it is no finding of the ward's:
 * a sheet that read 「可とすることが適当」 was an evaluation the year's
 * figures said never ended); after it, the conclusion reached and the
 * withdrawal noted.  The record has no date of the withdrawal to print.
 */
static int
on_hold(const struct node *rec)
{
	return node_get(rec, "decision") == NULL &&
	    node_scalar_eq(node_get(rec, "status"), "on-hold");
}

/*
 * The mark by the date: 【取下げ】, or 【保留】 for a case on hold, which
 * read as one still under review with its rows blank (rev21a T1).
 */
static const char *
withdrawn_mark(const struct node *rec)
{
	if (review_withdrawn(rec) != REVIEW_NOT_WITHDRAWN)
		return "　【取下げ】";
	return on_hold(rec) ? "　【保留】" : "";
}

/* A row that will hold nothing: a case withdrawn before, or on hold. */
static int
ended_blank(const struct node *rec)
{
	return review_withdrawn(rec) == REVIEW_WITHDRAWN_BEFORE ||
	    on_hold(rec);
}

static const char *
overall_shown(const struct node *rec)
{
	if (review_withdrawn(rec) == REVIEW_WITHDRAWN_BEFORE)
		return "―";
	return node_get_str(rec, "overall") != NULL ?
	    node_get_str(rec, "overall") : on_hold(rec) ? "―" : "";
}

static const char *
proposed_shown(struct review_ctx *c, const struct node *rec)
{
	if (ended_blank(rec) && (review_withdrawn(rec) ==
	    REVIEW_WITHDRAWN_BEFORE || node_get(rec, "proposed_result") ==
	    NULL))
		return "―";
	return result_label(c, node_get_str(rec, "proposed_result"));
}

/*
 * The 条件 row: the conditions; until the decision, those of a
 * conditional 判定案 (a 条件付可 proposed over a blank row, rev43a A2);
 * なし under a decision with none, ― where there will be no decision to
 * have any; blank while under review.
 */
static const char *
conditions_shown(struct strs *s, const struct node *rec)
{
	const struct node	*dec = node_get(rec, "decision");
	const char		*v = numbered(s, node_get(dec, "conditions"));

	if (*v != '\0')
		return v;
	if (dec == NULL && node_scalar_eq(node_get(rec, "proposed_result"),
	    "conditional") && *(v = numbered(s, node_get(rec,
	    "proposed_conditions"))) != '\0')
		return v;
	if (ended_blank(rec))
		return "―";
	return dec != NULL ? "なし" : "";
}

/* text with its ISO dates (2026-09-15) as the ward writes them. */
static const char *
era_text(struct strs *s, const char *text)
{
	struct buf	 b = BUF_INIT;
	struct cal_date	 d;
	char		 iso[11], out[CAL_FMT_MAX];
	const char	*p;

	for (p = text; *p != '\0'; p++) {
		if (strlen(p) >= 10 && p[4] == '-' && p[7] == '-' &&
		    (p == text || p[-1] < '0' || p[-1] > '9')) {
			memcpy(iso, p, 10);
			iso[10] = '\0';
			if (cal_parse_iso(&d, iso) == 0 && cal_format_era(out,
			    sizeof out, d, CAL_ERA_LONG) == 0) {
				buf_puts(&b, out);
				p += 9;
				continue;
			}
		}
		buf_add(&b, p, 1);
	}
	if (b.failed) {
		buf_free(&b);
		s->failed = 1;
		return "";
	}
	return b.data != NULL ? keep(s, buf_detach(&b, NULL)) : "";
}

/* The 決定 row: the decision, or the withdrawal that ended the work. */
static const char *
decision_shown(struct review_ctx *c, struct strs *s, const struct node *rec,
    const char *what)
{
	const struct node	*dec = node_get(rec, "decision");
	int			 wd = review_withdrawn(rec);

	if (wd == REVIEW_WITHDRAWN_BEFORE)
		return fmt(s, "取下げ（%sを終了し、結論なし）", what);
	/* on hold: why, as the record's note says (its dates 令和) */
	if (on_hold(rec))
		return node_get_str(rec, "note") != NULL ? fmt(s,
		    "保留（決定に至っていない）\n%s", era_text(s,
		    node_get_str(rec, "note"))) : "保留（決定に至っていない）";
	if (dec == NULL)
		return "";
	return fmt(s, "%s（%s）%s", result_label(c, node_get_str(dec,
	    "result")), era(s, node_get_str(dec, "date")),
	    wd == REVIEW_WITHDRAWN_AFTER ? "　※決定後に取下げ" : "");
}

/*
 * 精査記録
 */

static int
need(const struct node *rec, const char *key, const char *what)
{
	if (node_get(rec, key) == NULL)
		return error_set(NC_EINVALID, "the review has no %s (%s): "
		    "cannot write the %s", key, key, what);
	return 0;
}

/*
 * The rows of the 精査記録's table: the ward's form has a row for every
 * viewpoint of a plan (EXAMPLES.md) whether or not it was assessed yet,
 * so a new review's record is ready to fill in.  A row is a viewpoint
 * and its finding (NULL: blank); findings of other viewpoints and second
 * findings of one viewpoint follow in their order.
 */
static const char *const plan_viewpoints[] = { "purpose", "necessity",
    "cost", "cost-effectiveness", "security", "procurement", "schedule",
    "standardisation", NULL };

struct vrow {
	const char		*vp;
	const struct node	*f;
};

static size_t
record_rows(struct vrow **out, const struct node *rec)
{
	const struct node	*fs = node_get(rec, "findings"), *f;
	const char *const	*vps = node_scalar_eq(node_get(rec, "type"),
	    "plan") ? plan_viewpoints : NULL;
	size_t			 nf = fs != NULL && fs->kind == NODE_SEQ ?
	    fs->n : 0, n = 0, i, k;
	unsigned char		*used;
	struct vrow		*v;

	*out = NULL;
	if ((v = calloc(nf + 16, sizeof *v)) == NULL ||
	    (used = calloc(nf + 1, 1)) == NULL) {
		free(v);
		return 0;
	}
	for (k = 0; vps != NULL && vps[k] != NULL; k++) {
		v[n].vp = vps[k];
		v[n].f = NULL;
		for (i = 0; i < nf; i++) {
			f = fs->u.items[i];
			if (used[i] || !node_scalar_eq(node_get(f, "viewpoint"),
			    vps[k]))
				continue;
			used[i] = 1;
			v[n].f = f;
			break;
		}
		n++;
	}
	for (i = 0; i < nf; i++) {
		if (used[i])
			continue;
		v[n].vp = node_get_str(fs->u.items[i], "viewpoint");
		v[n++].f = fs->u.items[i];
	}
	free(used);
	*out = v;
	return n;
}

/*
 * Every row of the 精査記録 is a row of the ward's form, with room to
 * write in: at least RECORD_LINES lines high, whatever it holds.
 */
#define RECORD_LINES	3
/* The width the record's columns share, Excel units (A4 landscape) */
#define RECORD_WIDTH	127.0

/* A row of the record's table: the label in column 0, then v[0..3]. */
static void
record_row(struct xlsx_sheet *sh, uint32_t row, const char *lab,
    const char *const *v)
{
	uint16_t	c;

	xlsx_write_text(sh, row, 0, lab);
	for (c = 1; c < 5; c++)
		xlsx_write_text(sh, row, c, v[c - 1]);
	xlsx_row_min_lines(sh, row, RECORD_LINES);
}

/*
 * A hearing round's method and day (書面 令和13年1月14日送付 / 回答期限 …)
 * and its answer's day, as the 精査記録 prints them (docx and xlsx).
 * Questions sent on paper have a day to answer by; a hearing held face to
 * face or online was held that day, and answered there (review13: 「対面
 * …送付／回答期限」).
 */
static const char *
hearing_sent(struct strs *s, struct review_ctx *c, const struct node *h)
{
	int	written = node_get_str(h, "method") == NULL ||
		    node_scalar_eq(node_get(h, "method"), "written");

	return fmt(s, "%s %s%s%s%s", label(sub(c->kind, "hearings",
	    "method"), node_get_str(h, "method")), era(s,
	    node_get_str(h, "sent")), written ? "送付" : "実施",
	    written && node_get_str(h, "due") != NULL ? "\n回答期限 " : "",
	    written && node_get_str(h, "due") != NULL ? era(s,
	    node_get_str(h, "due")) : "");
}

static const char *
hearing_answered(struct strs *s, const struct node *h)
{
	return node_get_str(h, "answered") != NULL ? fmt(s, "%s回答", era(s,
	    node_get_str(h, "answered"))) : "未回答";
}

/*
 * The record's ヒアリングの経過 on a sheet of its own, in the words of the
 * docx (回, 質問, 所管課回答; the round's method and days, then its
 * questions numbered): the xlsx had none (rev21a T2).  Nothing where the
 * record holds no hearing.
 */
static int
record_hearings_xlsx(struct xlsx *x, struct review_ctx *c,
    const struct node *rec, struct strs *s, const char *note)
{
	static const struct xlsx_column	 cols[] = {
		{ "回", XLSX_COL_CENTER, 6 },
		{ "質問", XLSX_COL_BREAK, 60 },
		{ "所管課回答", XLSX_COL_BREAK, 60 },
	};
	const struct node	*hs = node_get(rec, "hearings"), *h, *items, *it;
	struct xlsx_sheet	*sh = NULL;
	uint32_t		 row;
	size_t			 i, k;
	int			 rc;

	if (hs == NULL || hs->kind != NODE_SEQ || hs->n == 0)
		return 0;
	if ((rc = xlsx_add_sheet(&sh, x, "ヒアリングの経過",
	    XLSX_LANDSCAPE)) != 0 ||
	    (rc = xlsx_title(sh, fmt(s, "ヒアリングの経過　%s", str(rec,
	    "title")), note)) != 0 ||
	    (rc = xlsx_table(&row, sh, cols, 3)) != 0)
		return rc;
	for (i = 0; i < hs->n; i++) {
		h = hs->u.items[i];
		items = node_get(h, "items");
		xlsx_write_text(sh, row, 0, fmt(s, "%s", str(h, "round")));
		xlsx_write_text(sh, row, 1, hearing_sent(s, c, h));
		xlsx_write_text(sh, row++, 2, hearing_answered(s, h));
		for (k = 0; items != NULL && items->kind == NODE_SEQ &&
		    k < items->n; k++) {
			it = items->u.items[k];
			xlsx_write_blank(sh, row, 0);
			xlsx_write_text(sh, row, 1, fmt(s, "(%zu) %s", k + 1,
			    str(it, "question")));
			if (node_get_str(it, "answer") != NULL)
				xlsx_write_text(sh, row, 2,
				    node_get_str(it, "answer"));
			else
				xlsx_write_blank(sh, row, 2);
			row++;
		}
	}
	return 0;
}

int
review_write_record_xlsx(struct review_ctx *c, const struct node *rec,
    const char *path)
{
	/*
	 * Widths from the content (xlsx_fit_table()), the texts broken by
	 * the writer (never 4月1 / 日); a blank form's columns keep the
	 * widths given, room to write in.  Fixed widths broke 連 / 絡 and
	 * 経 / 費 in a 確認事項 beside a 所見 with room to spare.
	 */
	static const struct xlsx_fit_col blank[] = {
		/* 経費見積りの妥当性 on one line */
		{ { "項目", 0, 21 }, XLSX_FIT_CODE },
		{ { "確認事項・内容", 0, 32 }, XLSX_FIT_TEXT },
		{ { "所管課回答", 0, 28 }, XLSX_FIT_TEXT },
		{ { "評価", XLSX_COL_CENTER, 13 }, XLSX_FIT_CODE },
		{ { "所見", 0, 33 }, XLSX_FIT_TEXT },
	};
	/*
	 * A record filled in: 項目 of nine characters a line, a longer
	 * label at its ・ (標準化・ / 他システム連携), whose one line made
	 * the column 26 units wide for short labels while the 所管課回答
	 * beside it took five lines (必要性); the three columns of
	 * sentences from the content, shared by the fitter.  The two
	 * fixed at nineteen characters a line, however short, left the
	 * 確認事項 nine (解 / 決, 保 / 守, four lines for a
	 * question: review14); the fitter, left to share without
	 * XLSX_COL_SPARE, gave the 所見 the room and broke 当たっ / ては
	 * and 園児 / 情報: a row has its three lines (RECORD_LINES) to
	 * spare a word its cut.
	 */
	static const struct xlsx_fit_col filled[] = {
		{ { "項目", XLSX_COL_NAME, 19 }, XLSX_FIT_FIXED },
		{ { "確認事項・内容", XLSX_COL_BREAK | XLSX_COL_SPARE, 32 },
		    XLSX_FIT_TEXT },
		{ { "所管課回答", XLSX_COL_BREAK | XLSX_COL_SPARE, 38 },
		    XLSX_FIT_TEXT },
		{ { "評価", XLSX_COL_CENTER, 13 }, XLSX_FIT_CODE },
		{ { "所見", XLSX_COL_BREAK | XLSX_COL_SPARE, 38 },
		    XLSX_FIT_TEXT },
	};
	const struct xlsx_fit_col *fc = blank;
	struct xlsx_column	 cols[sizeof blank / sizeof blank[0]];
	const char		**cells = NULL;
	struct strs		 s = { NULL, 0, 0, 0 };
	struct xlsx		*x = NULL;
	struct xlsx_sheet	*sh = NULL;
	struct xlsx_props	 props;
	const struct node	*f, *dec;
	const char		*date = doc_date(rec);
	struct xlsx_field	 head[8];
	struct vrow		*vr = NULL;
	size_t			 nr;
	uint32_t		 row;
	size_t			 i;
	int			 rc;

	memset(&props, 0, sizeof props);
	props.title = fmt(&s, "精査記録 %s", str(rec, "title"));
	props.author = config_str(c, "documents", "author");
	props.created = stamp(date);
	if ((rc = xlsx_new(&x, path, &props)) != 0)
		goto done;
	/* Five wide text columns: landscape keeps the print readable. */
	xlsx_add_sheet(&sh, x, "精査記録", XLSX_LANDSCAPE);
	xlsx_title(sh, fmt(&s, "情報化企画 精査記録　%s", str(rec, "title")),
	    node_get_str(rec, "ref_no") != NULL ? fmt(&s, "%s現在　案件番号 %s%s",
	    era(&s, date), str(rec, "ref_no"), withdrawn_mark(rec)) :
	    fmt(&s, "%s現在%s", era(&s, date), withdrawn_mark(rec)));
	/* The header block (EXAMPLES.md 精査記録), above the table. */
	dec = node_get(rec, "decision");
	head[0].label = title_of(c, "title", NULL);
	head[0].value = str(rec, "title");
	head[1].label = title_of(c, "org", NULL);
	head[1].value = org_full(&s, c, node_get_str(rec, "org"));
	head[2].label = "区分";
	head[2].value = label(sub(c->kind, "category", NULL),
	    node_get_str(rec, "category"));
	head[3].label = title_of(c, "system_name", NULL);
	head[3].value = node_get_str(rec, "system_name");
	head[4].label = title_of(c, "received", NULL);
	head[4].value = era(&s, node_get_str(rec, "received"));
	head[5].label = "審査者";
	head[5].value = reviewers(&s, c, rec);
	head[6].label = "所要経費";
	head[6].value = cost_line(&s, rec);	/* a field is one line */
	head[7].label = "決裁区分";
	head[7].value = approver_shown(c, &s, rec);
	xlsx_fields(sh, head, sizeof head / sizeof head[0]);

	/* The table's own rows: findings, then the conclusion. */
	nr = record_rows(&vr, rec);
	if ((cells = calloc(nr * 5 + 1, sizeof *cells)) == NULL) {
		rc = error_set(NC_ENOMEM, "out of memory");
		goto done;
	}
	for (i = 0; i < nr; i++) {
		f = vr[i].f;
		cells[i * 5] = label(sub(c->kind, "findings", "viewpoint"),
		    vr[i].vp);
		cells[i * 5 + 1] = node_get_str(f, "check");
		cells[i * 5 + 2] = node_get_str(f, "answer");
		cells[i * 5 + 3] = f != NULL ? label(sub(c->kind, "findings",
		    "rating"), node_get_str(f, "rating")) : NULL;
		cells[i * 5 + 4] = node_get_str(f, "comment");
		if (cells[i * 5 + 2] != NULL || cells[i * 5 + 4] != NULL)
			fc = filled;
	}
	/*
	 * Within the width the fixed widths had (xlsx_fit_table()): the
	 * page count xlsx_fit_sheet() weighs knows neither the rows'
	 * RECORD_LINES nor the 総合所見 rows below, and it chose a wide
	 * table printed small.
	 */
	if ((rc = xlsx_fit_table(cols, fc, 5, cells, nr, RECORD_WIDTH)) != 0)
		goto done;
	xlsx_table(&row, sh, cols, 5);
	/*
	 * The rows under the viewpoints (総合所見, 審査結果案, 条件, 決定):
	 * the text over the table's width, not wrapped in 確認事項's column.
	 */
#define HEAD(k, v) do {							\
		xlsx_write_text(sh, row, 0, (k));			\
		xlsx_merge_text(sh, row, 1, 4, (v));			\
		xlsx_row_min_lines(sh, row++, RECORD_LINES);		\
	} while (0)
	for (i = 0; i < nr; i++)
		record_row(sh, row++, cells[i * 5], cells + i * 5 + 1);
	HEAD(title_of(c, "overall", NULL), overall_shown(rec));
	HEAD(title_of(c, "proposed_result", NULL), proposed_shown(c, rec));
	HEAD("条件", conditions_shown(&s, rec));
	/* a rejection's grounds, where there is one (the form has no row) */
	if (node_get(dec, "reasons") != NULL)
		HEAD("理由", numbered(&s, node_get(dec, "reasons")));
	/* the form's row for the decision, blank until there is one */
	HEAD("決定", decision_shown(c, &s, rec, "審査"));
#undef HEAD
	if ((rc = record_hearings_xlsx(x, c, rec, &s, node_get_str(rec,
	    "ref_no") != NULL ? fmt(&s, "%s現在　案件番号 %s%s", era(&s,
	    date), str(rec, "ref_no"), withdrawn_mark(rec)) : fmt(&s,
	    "%s現在%s", era(&s, date), withdrawn_mark(rec)))) != 0)
		goto done;
	if (s.failed) {
		rc = error_set(NC_ENOMEM, "out of memory");
		goto done;
	}
	rc = xlsx_save(x);
done:
	xlsx_free(x);
	free(cells);
	free(vr);
	strs_free(&s);
	return rc;
}

/* A two-column label/value table (the header block of a record). */
struct kv {
	const char	*k;
	const char	*v;
};

static int
add_kv_table(struct docx *d, const struct kv *kv, size_t n)
{
	static const unsigned	 w[] = { 22, 78 };
	struct docx_table	*t = NULL;
	struct docx_para_style	 ks, vs;
	size_t			 i;
	int			 rc = 0;

	memset(&ks, 0, sizeof ks);
	ks.gothic = 1;
	ks.align = DOCX_LEFT;
	memset(&vs, 0, sizeof vs);
	vs.align = DOCX_LEFT;
	if ((rc = docx_table_new(&t, 2, w)) != 0)
		return rc;
	for (i = 0; i < n && rc == 0; i++) {
		if ((rc = docx_table_cell(t, i, 0, kv[i].k, &ks)) == 0)
			rc = docx_table_cell(t, i, 1, kv[i].v, &vs);
	}
	if (rc == 0)
		rc = docx_add_table(d, t);
	docx_table_free(t);
	return rc;
}

static int
new_docx(struct docx **out, struct review_ctx *c, const char *title,
    const char *created)
{
	struct docx_props	props;

	memset(&props, 0, sizeof props);
	props.title = title;
	props.author = config_str(c, "documents", "author");
	props.created = created;
	return docx_new(out, &props);
}

/* The contact line of a notice the ward issues, from the config. */
static const char *
contact_line(struct strs *s, struct review_ctx *c)
{
	const char	*who = config_str(c, "documents", "contact");

	return who != NULL ? fmt(s, "（担当）%s", who) : NULL;
}

/* Write a document in the official-notice layout. */
static int
save_notice(struct review_ctx *c, const struct strs *s,
    const struct docx_notice *no, const char *date, const char *path)
{
	struct docx	*d = NULL;
	int		 rc;

	if (s->failed)
		return error_set(NC_ENOMEM, "out of memory");
	if ((rc = new_docx(&d, c, no->title, date)) == 0 &&
	    (rc = docx_add_notice(d, no)) == 0)
		rc = docx_save(d, path);
	docx_free(d);
	return rc;
}

/*
 * The mark of a rating's label, "○" of "○（適）": the 評価 column of the
 * 精査記録 holds the mark, a legend under the table what it means, so
 * that the column takes two characters and the texts the room.
 */
static const char *
rating_mark(struct strs *s, const char *lab)
{
	const char	*p;

	if (lab == NULL || (p = strstr(lab, "（")) == NULL || p == lab)
		return lab;
	return fmt(s, "%.*s", (int)(p - lab), lab);
}

/* 評価　◎：優良　○：適　△：要確認　×：不適, from the schema's titles. */
static const char *
rating_legend(struct strs *s, const struct schema *prop)
{
	const struct schema	*r = prop != NULL ? schema_resolve(prop) : NULL;
	struct buf		 b = BUF_INIT;
	const char		*t, *p, *out;
	size_t			 i, n = r != NULL ? schema_nenum(r) : 0;

	buf_puts(&b, "評価");
	for (i = 0; i < n; i++) {
		if ((t = schema_enum_title(r, schema_enum_at(r, i))) == NULL ||
		    (p = strstr(t, "（")) == NULL)
			continue;
		buf_printf(&b, "　%.*s：%.*s", (int)(p - t), t,
		    (int)(strlen(p) - strlen("（") - strlen("）")),
		    p + strlen("（"));
	}
	out = buf_ok(&b) == 0 ? fmt(s, "%s", b.data) : "";
	buf_free(&b);
	return out;
}

/*
 * 評価 holds a mark (rating_mark()), as wide as its heading; the room
 * left goes to the texts: to 所見 and 所管課回答, which run as long (the
 * sample's 35 and 32 characters a row), and to 確認事項 nearly as much:
 * a question of a record reads 25 to 30 characters (企画の内容が区の
 * 情報化の基本方針と整合しているか。), which 20 % broke into six lines
 * of seven beside a 評価 of one mark in 11 % (stop 38).
 */
static const unsigned	record_fw[] = { 15, 25, 26, 7, 27 };

/* The 観点別の精査結果 table with its header row. */
static int
findings_table(struct docx_table **out, const struct schema *fsch)
{
	struct docx_table	*t = NULL;
	int			 rc;

	if ((rc = docx_table_new(&t, 5, record_fw)) != 0 ||
	    (rc = docx_table_header_rows(t, 1)) != 0 ||
	    (rc = docx_table_form(t)) != 0) {
		docx_table_free(t);
		*out = NULL;
		return rc;
	}
	docx_table_cell(t, 0, 0, "観点", NULL);
	docx_table_cell(t, 0, 1, schema_title(schema_prop(fsch, "check")),
	    NULL);
	docx_table_cell(t, 0, 2, schema_title(schema_prop(fsch, "answer")),
	    NULL);
	docx_table_cell(t, 0, 3, "評価", NULL);
	docx_table_cell(t, 0, 4, schema_title(schema_prop(fsch, "comment")),
	    NULL);
	*out = t;
	return 0;
}

/*
 * The blank form the 観点別の精査結果 is laid out as: every 観点 and
 * every mark the schema has, the texts left to write in.  Sized from each
 * record's own texts, the columns moved record to record (所見 2.4 to 3.6
 * cm wide, 観点 wrapped or not) and 所見 got least where there was most
 * to say; the ward's form has one layout, whatever a case holds.
 */
static int
findings_model(struct docx_table **out, struct strs *s,
    const struct schema *fsch)
{
	const struct schema	*vp, *rt;
	const char		*lab;
	size_t			 i, nv, nr;
	int			 rc;

	if ((rc = findings_table(out, fsch)) != 0)
		return rc;
	vp = schema_prop(fsch, "viewpoint");
	rt = schema_prop(fsch, "rating");
	vp = vp != NULL ? schema_resolve(vp) : NULL;
	rt = rt != NULL ? schema_resolve(rt) : NULL;
	nv = vp != NULL ? schema_nenum(vp) : 0;
	nr = rt != NULL ? schema_nenum(rt) : 0;
	for (i = 0; i < nv || i < nr; i++) {
		lab = i < nv ? label(vp, schema_enum_at(vp, i)) : "";
		docx_table_cell(*out, i + 1, 0, lab, NULL);
		docx_table_cell(*out, i + 1, 3, i < nr ? rating_mark(s,
		    label(rt, schema_enum_at(rt, i))) : "", NULL);
	}
	if (nv == 0 && nr == 0)
		docx_table_cell(*out, 1, 0, "", NULL);
	/* a cell refused is kept, and refused by docx_table_layout_with() */
	return 0;
}

/* The ヒアリングの経過 table: 回, then the questions and the answers alike. */
static const unsigned	hearing_w[] = { 6, 47, 47 };

static int
hearing_table(struct docx_table **out)
{
	struct docx_table	*t = NULL;
	int			 rc;

	*out = NULL;
	if ((rc = docx_table_new(&t, 3, hearing_w)) != 0 ||
	    (rc = docx_table_header_rows(t, 1)) != 0) {
		docx_table_free(t);
		return rc;
	}
	docx_table_cell(t, 0, 0, "回", NULL);
	docx_table_cell(t, 0, 1, "質問", NULL);
	docx_table_cell(t, 0, 2, "所管課回答", NULL);
	*out = t;
	return 0;
}

/*
 * The model the ヒアリングの経過 is laid out as (as the 観点別の精査結果
 * is, findings_model()): a round's number and its widest line of
 * dates, in the questions' column and the answers' alike (they run as
 * long, the sample's 40 and 45 characters a question and its answer).  Sized from
 * each record's own questions, the columns moved record to record
 * (rev17: 質問 wide in one case, 所管課回答 in the next).
 */
static int
hearing_model(struct docx_table **out, struct strs *s,
    const struct review_ctx *c)
{
	const struct schema	*m = sub(c->kind, "hearings", "method");
	const char		*t, *widest = "";
	const char		*day = era(s, "2028-12-28"), *line;
	size_t			 i, n;
	int			 rc;

	if ((rc = hearing_table(out)) != 0)
		return rc;
	m = m != NULL ? schema_resolve(m) : NULL;
	n = m != NULL ? schema_nenum(m) : 0;
	for (i = 0; i < n; i++)
		if ((t = label(m, schema_enum_at(m, i))) != NULL &&
		    docx_measure(t) > docx_measure(widest))
			widest = t;
	line = fmt(s, "%s %s送付\n回答期限 %s", widest, day, day);
	if ((rc = docx_table_cell(*out, 1, 0, "10", NULL)) != 0 ||
	    (rc = docx_table_cell(*out, 1, 1, line, NULL)) != 0 ||
	    (rc = docx_table_cell(*out, 1, 2, line, NULL)) != 0) {
		docx_table_free(*out);
		*out = NULL;
	}
	return rc;
}

int
review_write_record_docx(struct review_ctx *c, const struct node *rec,
    const char *path)
{
	struct strs		 s = { NULL, 0, 0, 0 };
	struct docx		*d = NULL;
	struct docx_table	*t = NULL, *m = NULL;
	struct docx_para_style	 ts, rs, cs, ls, lg;
	struct docx_page	 page;
	struct kv		 kv[16];
	const struct node	*f, *hs, *h, *items, *it, *dec;
	const char		*date = doc_date(rec);
	const struct schema	*fsch;
	struct vrow		*vr = NULL;
	size_t			 n = 0, i, k, row, nr;
	int			 rc;

	if ((rc = new_docx(&d, c, fmt(&s, "精査記録 %s", str(rec, "title")),
	    date)) != 0)
		goto done;
	/*
	 * The margins of the reports (the 作業実施報告書's 20 mm): five
	 * columns of one layout for every case on a portrait page, a date
	 * and a katakana word whole in 所管課回答 and an aside in 所見,
	 * need the width Word's Japanese default (30 mm) left to them.
	 */
	memset(&page, 0, sizeof page);
	page.margin_top = 25;
	page.margin_bottom = 20;
	page.margin_left = 20;
	page.margin_right = 20;
	if ((rc = docx_page(d, &page)) != 0)
		goto done;
	memset(&ts, 0, sizeof ts);
	ts.align = DOCX_CENTER;
	ts.size = 28;
	ts.gothic = 1;
	ts.bold = 1;
	memset(&rs, 0, sizeof rs);
	rs.align = DOCX_RIGHT;
	memset(&cs, 0, sizeof cs);
	cs.align = DOCX_CENTER;
	/* Narrow cells: justified text would spread its characters apart. */
	memset(&ls, 0, sizeof ls);
	ls.align = DOCX_LEFT;
	/* The case as the ward knows it: its 受付番号, else its title. */
	docx_header_text(d, node_get_str(rec, "ref_no") != NULL ?
	    fmt(&s, "案件番号 %s", str(rec, "ref_no")) : fmt(&s,
	    "精査記録 %s", str(rec, "title")), DOCX_RIGHT);
	docx_footer_page_number(d, DOCX_PAGENUM_DASH);
	if ((rc = docx_add_para(d, "情報化企画 精査記録", &ts)) != 0 ||
	    (rc = docx_add_para(d, fmt(&s, "%s%s", era(&s, date),
	    withdrawn_mark(rec)), &rs)) != 0)
		goto done;

	/* 案件番号 is the 受付番号; the row stays, blank, until it is given. */
	kv[n].k = "案件番号";
	kv[n++].v = str(rec, "ref_no");
	kv[n].k = title_of(c, "title", NULL);
	kv[n++].v = str(rec, "title");
	kv[n].k = title_of(c, "org", NULL);
	kv[n++].v = org_full(&s, c, node_get_str(rec, "org"));
	kv[n].k = "区分";
	kv[n++].v = label(sub(c->kind, "category", NULL), node_get_str(rec,
	    "category"));
	if (node_get_str(rec, "system_name") != NULL) {
		kv[n].k = title_of(c, "system_name", NULL);
		kv[n++].v = str(rec, "system_name");
	}
	kv[n].k = title_of(c, "received", NULL);
	kv[n++].v = era(&s, node_get_str(rec, "received"));
	kv[n].k = "審査者";
	kv[n++].v = reviewers(&s, c, rec);
	kv[n].k = "所要経費";
	kv[n++].v = cost_lines(&s, rec);
	dec = node_get(rec, "decision");
	kv[n].k = "決裁区分";
	kv[n++].v = approver_shown(c, &s, rec);
	if ((rc = docx_add_blank(d)) != 0 ||
	    (rc = add_kv_table(d, kv, n)) != 0)
		goto done;

	/* Findings per viewpoint. */
	fsch = schema_items(schema_prop(c->kind, "findings"));
	if ((rc = docx_add_blank(d)) != 0 ||
	    (rc = docx_add_heading(d, 2, "観点別の精査結果")) != 0 ||
	    (rc = findings_table(&t, fsch)) != 0 ||
	    (rc = findings_model(&m, &s, fsch)) != 0 ||
	    (rc = docx_table_layout_with(t, m)) != 0)
		goto done;
	nr = record_rows(&vr, rec);
	for (i = 0; i < nr; i++) {
		f = vr[i].f;
		docx_table_cell(t, i + 1, 0, label(schema_prop(fsch,
		    "viewpoint"), vr[i].vp), &ls);
		docx_table_cell(t, i + 1, 1, node_get_str(f, "check"), &ls);
		docx_table_cell(t, i + 1, 2, node_get_str(f, "answer"), &ls);
		docx_table_cell(t, i + 1, 3, f != NULL ? rating_mark(&s,
		    label(schema_prop(fsch, "rating"), node_get_str(f,
		    "rating"))) : "", &cs);
		/* A row not assessed yet has room to write in, as on the
		 * ward's paper form. */
		docx_table_cell(t, i + 1, 4, f != NULL ? node_get_str(f,
		    "comment") : "\n\n", &ls);
	}
	free(vr);
	vr = NULL;
	if (nr == 0)
		docx_table_cell(t, 1, 0, "", NULL);
	/* the legend belongs to the table: never alone atop a page */
	lg = ls;
	lg.table_note = 1;
	if ((rc = docx_add_table(d, t)) != 0 ||
	    (rc = docx_add_para(d, rating_legend(&s, schema_prop(fsch,
	    "rating")), &lg)) != 0)
		goto done;
	docx_table_free(t);
	docx_table_free(m);
	t = m = NULL;

	/* Hearing rounds. */
	hs = node_get(rec, "hearings");
	if (hs != NULL && hs->kind == NODE_SEQ && hs->n > 0) {
		if ((rc = docx_add_blank(d)) != 0 ||
		    (rc = docx_add_heading(d, 2, "ヒアリングの経過")) != 0 ||
		    (rc = hearing_table(&t)) != 0 ||
		    (rc = hearing_model(&m, &s, c)) != 0 ||
		    (rc = docx_table_layout_with(t, m)) != 0)
			goto done;
		row = 1;
		for (i = 0; i < hs->n; i++) {
			h = hs->u.items[i];
			items = node_get(h, "items");
			docx_table_cell(t, row, 0, fmt(&s, "%s", str(h,
			    "round")), &cs);
			docx_table_cell(t, row, 1, hearing_sent(&s, c, h),
			    &ls);
			docx_table_cell(t, row, 2, hearing_answered(&s, h),
			    &ls);
			if (items != NULL && items->kind == NODE_SEQ &&
			    items->n > 0)
				docx_table_merge(t, row, 0, items->n + 1, 1);
			row++;
			for (k = 0; items != NULL && items->kind == NODE_SEQ &&
			    k < items->n; k++) {
				it = items->u.items[k];
				docx_table_cell(t, row, 1, fmt(&s, "(%zu) %s",
				    k + 1, str(it, "question")), &ls);
				docx_table_cell(t, row, 2, node_get_str(it,
				    "answer"), &ls);
				row++;
			}
		}
		if ((rc = docx_add_table(d, t)) != 0)
			goto done;
		docx_table_free(t);
		t = NULL;
	}

	/* The footer block: overall view, proposed result, conditions. */
	n = 0;
	kv[n].k = title_of(c, "overall", NULL);
	kv[n++].v = overall_shown(rec);
	kv[n].k = title_of(c, "proposed_result", NULL);
	kv[n++].v = proposed_shown(c, rec);
	kv[n].k = "条件";
	kv[n++].v = conditions_shown(&s, rec);
	/* a rejection's grounds, where there is one (the form has no row) */
	if (node_get(dec, "reasons") != NULL) {
		kv[n].k = "理由";
		kv[n++].v = numbered(&s, node_get(dec, "reasons"));
	}
	/* the form's row for the decision, blank until there is one */
	kv[n].k = "決定";
	kv[n++].v = decision_shown(c, &s, rec, "審査");
	if ((rc = docx_add_blank(d)) != 0 ||
	    (rc = add_kv_table(d, kv, n)) != 0)
		goto done;
	if (s.failed) {
		rc = error_set(NC_ENOMEM, "out of memory");
		goto done;
	}
	rc = docx_save(d, path);
done:
	docx_table_free(t);
	docx_table_free(m);
	docx_free(d);
	strs_free(&s);
	return rc;
}

/*
 * 通知 (EXAMPLES.md): the notice of a plan's decision and of a system
 * evaluation's result share the layout.
 */

/* The texts of a list of scalars, NULL-terminated; NULL when empty. */
static const char **
scalar_list(const struct node *seq)
{
	const char	**v;
	size_t		  i, n = seq != NULL && seq->kind == NODE_SEQ ? seq->n : 0;

	if (n == 0 || (v = calloc(n + 1, sizeof *v)) == NULL)
		return NULL;
	for (i = 0; i < n; i++)
		v[i] = seq->u.items[i]->kind == NODE_SCALAR ?
		    seq->u.items[i]->u.s.str : "";
	return v;
}

static const char *
addressee(struct strs *s, struct review_ctx *c, const char *org)
{
	const char	*name = NULL, *dept = NULL;

	/* an addressee's title reads as one: 土木部計画課長 */
	if (org == NULL)
		return "長";
	if (store_org(&name, &dept, c->st, org) != 0 || name == NULL)
		return fmt(s, "%s長", org);
	return fmt(s, "%s%s長", dept != NULL ? dept : "", name);
}

/* The notice's 文書番号 in the config's format (docno.h). */
static const char *
notice_number(struct strs *s, struct review_ctx *c, const char *number)
{
	const char	*f = config_str(c, "documents", "doc_no_format");

	if (number == NULL && f == NULL)
		return NULL;
	return keep(s, docno_format(f, number));
}

static const char *
sender(struct review_ctx *c)
{
	const char	*v = config_str(c, "documents", "sender");

	if (v == NULL)
		v = config_str(c, "client", "head_title");
	return v != NULL ? v : "情報政策課長";
}

int
review_write_notice_docx(struct review_ctx *c, const struct node *rec,
    const char *path)
{
	struct strs		 s = { NULL, 0, 0, 0 };
	struct docx_notice	 no;
	struct docx_notice_item	 items[8];
	const struct node	*dec = node_get(rec, "decision");
	const char		*res, **conds = NULL, **why = NULL, *date;
	size_t			 n = 0;
	int			 rc;

	if (review_withdrawn(rec) == REVIEW_WITHDRAWN_BEFORE)
		return error_set(NC_EINVALID, "the review was withdrawn before"
		    " its decision (status withdrawn, no decision.date): no"
		    " decision notice is issued");
	if ((rc = need(rec, "decision", "decision notice")) != 0)
		return rc;
	if (node_get_str(dec, "date") == NULL)
		return error_set(NC_EINVALID, "the decision has no date"
		    " (decision.date): cannot write the decision notice");
	/* a 否 without its grounds is no notice the division can act on */
	if (node_scalar_eq(node_get(dec, "result"), "reject") &&
	    node_get(dec, "reasons") == NULL)
		return error_set(NC_EINVALID, "the plan is rejected without "
		    "its reasons (decision.reasons): cannot write the "
		    "decision notice");
	date = node_get_str(dec, "notified") != NULL ?
	    node_get_str(dec, "notified") : node_get_str(dec, "date");
	memset(&no, 0, sizeof no);
	memset(items, 0, sizeof items);
	res = node_get_str(dec, "result");
	no.number = notice_number(&s, c, node_get_str(dec, "notice_no"));
	no.date = era(&s, date);
	no.addressee = addressee(&s, c, node_get_str(rec, "org"));
	no.sender = sender(c);
	no.title = "情報化企画の可否決定について（通知）";
	no.body = fmt(&s, "%s付で提出のあった情報化企画について、審査の結果、"
	    "下記のとおり決定したので通知します。", era(&s,
	    node_get_str(rec, "received")));
	items[n].label = "件名";
	items[n++].value = str(rec, "title");
	items[n].label = "所管課";
	items[n++].value = org_full(&s, c, node_get_str(rec, "org"));
	items[n].label = "区分";
	items[n++].value = label(sub(c->kind, "category", NULL),
	    node_get_str(rec, "category"));
	if (node_get(rec, "costs") != NULL) {
		/* 初期 and 運用 a line each, aligned under the value */
		items[n].label = "所要経費";
		items[n++].value = cost_lines(&s, rec);
	}
	/* the schema's title (条件付可), the term the 精査記録 uses too */
	items[n].label = "決定";
	items[n++].value = result_label(c, res);
	if ((conds = scalar_list(node_get(dec, "conditions"))) != NULL) {
		items[n].label = "条件";
		items[n++].subs = conds;
	}
	if ((why = scalar_list(node_get(dec, "reasons"))) != NULL) {
		items[n].label = "理由";
		items[n++].subs = why;
	}
	no.items = items;
	no.nitems = n;
	no.contact = contact_line(&s, c);
	rc = save_notice(c, &s, &no, date, path);
	free(conds);
	free(why);
	strs_free(&s);
	return rc;
}

/*
 * 意見書: the advisor's opinion on procurement documents, due about a
 * week after the request (4(1)ア(イ)b).
 */
int
review_write_opinion_docx(struct review_ctx *c, const struct node *rec,
    const char *path)
{
	struct strs		 s = { NULL, 0, 0, 0 };
	struct docx_notice	 no;
	struct docx_notice_item	 items[8];
	const struct node	*ops = node_get(rec, "opinions"), *o;
	const char		**subs = NULL, **docs = NULL, *date, *who, *t;
	struct buf		 b = BUF_INIT;
	struct cal_date		 due;
	char			 iso[CAL_FMT_MAX];
	size_t			 n = 0, i, tl;
	int			 rc, draft;

	/*
	 * An opinion submitted is the document as it went out, written as
	 * it was, though the case was withdrawn after; one withdrawn before
	 * it went out was never given.
	 */
	if (review_withdrawn(rec) == REVIEW_WITHDRAWN_BEFORE)
		return error_set(NC_EINVALID, "the review was withdrawn before"
		    " its opinion was submitted (status withdrawn, no"
		    " submitted): no opinion is issued");
	if (ops == NULL || ops->kind != NODE_SEQ || ops->n == 0)
		return error_set(NC_EINVALID, "the review has no opinions"
		    " (opinions): cannot write the opinion");
	if (review_due(&due, c->cal, rec) != 0)
		return error_set(NC_EINVALID, "the review has no due date and"
		    " no date received: cannot write the opinion");
	cal_format_iso(iso, sizeof iso, due);
	/*
	 * One not yet submitted is a draft (案), as the ward marks its
	 * own, dated its 提出期限: written as final it read as the opinion
	 * given while the review was still at its hearing.
	 */
	draft = review_opinion_draft(rec) != REVIEW_OPINION_FINAL;
	date = !draft ? node_get_str(rec, "submitted") : iso;
	if ((subs = calloc(ops->n + 1, sizeof *subs)) == NULL)
		return error_set(NC_ENOMEM, "out of memory");
	for (i = 0; i < ops->n; i++) {
		o = ops->u.items[i];
		subs[i] = node_get_str(o, "target") != NULL ?
		    fmt(&s, "【%s】%s", str(o, "target"), str(o, "comment")) :
		    str(o, "comment");
	}
	memset(&no, 0, sizeof no);
	memset(items, 0, sizeof items);
	who = config_str(c, "contractor", NULL);
	no.date = era(&s, date);
	no.addressee = addressee(&s, c, node_get_str(rec, "org"));
	no.sender = who != NULL ? fmt(&s, "%s\n総合情報化顧問（CIO補佐官）",
	    who) : "総合情報化顧問（CIO補佐官）";
	no.title = draft ? "調達関係資料に対する意見書（案）" :
	    "調達関係資料に対する意見書";
	/*
	 * A request titled as what it asks (…（案）への意見): the body
	 * names the document, not 「…への意見」について…意見を.
	 */
	t = str(rec, "title");
	tl = strlen(t);
	if (tl > strlen("への意見") && strcmp(t + tl - strlen("への意見"),
	    "への意見") == 0)
		no.body = fmt(&s, "%s付で依頼のあった「%.*s」への意見を、下記の"
		    "とおり提出します。", era(&s, node_get_str(rec,
		    "received")), (int)(tl - strlen("への意見")), t);
	else
		no.body = fmt(&s, "%s付で依頼のあった「%s」について、下記のとおり"
		    "意見を提出します。", era(&s, node_get_str(rec,
		    "received")), t);
	items[n].label = "件名";
	items[n++].value = str(rec, "title");
	items[n].label = "所管課";
	items[n++].value = org_full(&s, c, node_get_str(rec, "org"));
	if (node_get_str(rec, "procurement_stage") != NULL) {
		items[n].label = "調達の段階";
		items[n++].value = fmt(&s, "%s%s%s", label(sub(c->kind,
		    "procurement_stage", NULL), node_get_str(rec,
		    "procurement_stage")),
		    node_get_str(rec, "procurement_method") != NULL ?
		    "（" : "", node_get_str(rec, "procurement_method") !=
		    NULL ? fmt(&s, "%s）", label(sub(c->kind,
		    "procurement_method", NULL), node_get_str(rec,
		    "procurement_method"))) : "");
	}
	if ((docs = scalar_list(node_get(rec, "documents"))) != NULL) {
		for (i = 0; docs[i] != NULL; i++)
			buf_printf(&b, "%s%s", i ? "、" : "", docs[i]);
		items[n].label = "対象資料";
		items[n++].value = keep(&s, buf_detach(&b, NULL));
	}
	items[n].label = "提出期限";
	items[n++].value = era(&s, iso);
	items[n].label = "意見";
	items[n++].subs = subs;
	no.items = items;
	no.nitems = n;
	if (node_get_str(rec, "overall") != NULL)
		no.note = str(rec, "overall");
	rc = save_notice(c, &s, &no, date, path);
	buf_free(&b);
	free(subs);
	free(docs);
	strs_free(&s);
	return rc;
}

/*
 * システム評価 (練馬区システム評価実施要綱): the viewpoints each kind of
 * evaluation looks at.
 */
static const char *const eval_pre[] = { "purpose", "scope", "organisation",
    "feasibility", NULL };
static const char *const eval_post[] = { "achievement",
    "operation-problems", NULL };
static const char *const eval_operation[] = { "effectiveness", "efficiency",
    "reliability", "safety", NULL };

static const char *const *
eval_viewpoints(const char *kind)
{
	if (kind == NULL)
		return NULL;
	if (strcmp(kind, "pre") == 0)
		return eval_pre;
	if (strcmp(kind, "post") == 0)
		return eval_post;
	if (strcmp(kind, "operation") == 0)
		return eval_operation;
	return NULL;
}

static const struct node *
finding(const struct node *rec, const char *vp)
{
	const struct node	*fs = node_get(rec, "findings");
	size_t			 i;

	for (i = 0; fs != NULL && fs->kind == NODE_SEQ && i < fs->n; i++)
		if (node_scalar_eq(node_get(fs->u.items[i], "viewpoint"), vp))
			return fs->u.items[i];
	return NULL;
}

static int
in_list(const char *const *l, const char *v)
{
	for (; l != NULL && *l != NULL; l++)
		if (v != NULL && strcmp(*l, v) == 0)
			return 1;
	return 0;
}

/* A row of the evaluation sheet: at[] is each column's place, or none. */
static void
syseval_row(struct xlsx_sheet *sh, uint32_t row, const uint16_t *at,
    const char *viewpoint, const struct node *f, const struct schema *rts)
{
	xlsx_write_text(sh, row, at[0], viewpoint);
	if (at[1] != UINT16_MAX)
		xlsx_write_text(sh, row, at[1], node_get_str(f, "check"));
	if (at[2] != UINT16_MAX)
		xlsx_write_text(sh, row, at[2], node_get_str(f, "answer"));
	xlsx_write_text(sh, row, at[3], label(rts, node_get_str(f,
	    "rating")));
	xlsx_write_text(sh, row, at[4], node_get_str(f, "comment"));
}

/*
 * A label put in brackets without brackets of its own: 事後評価（稼働後
 * 1年） as 事後評価・稼働後1年, so that the title does not end in ））.
 */
static const char *
unnest(struct strs *s, const char *label)
{
	const char	*o, *e;
	size_t		 n;

	if (label == NULL || (o = strstr(label, "（")) == NULL || o == label ||
	    (n = strlen(label)) < 3 || strcmp(label + n - 3, "）") != 0 ||
	    (e = strstr(o + 3, "（")) != NULL)
		return label;
	return fmt(s, "%.*s・%.*s", (int)(o - label), label,
	    (int)(label + n - 3 - (o + 3)), o + 3);
}

int
review_write_syseval_xlsx(struct review_ctx *c, const struct node *rec,
    const char *path)
{
	static const struct xlsx_column all[] = {
		/*
		 * 目的・目標の達成度 on one line: in 18 a wrapped cell's
		 * room (xlsx_usable()) made its row two lines high
		 */
		{ "評価の観点", XLSX_COL_BREAK | XLSX_COL_PHRASE, 20 },
		{ "確認事項", XLSX_COL_BREAK, 30 },
		{ "所管課回答", XLSX_COL_BREAK, 30 },
		/* △（要確認） on one line (12 made its row two high) */
		{ "評価", XLSX_COL_CENTER | XLSX_COL_INPUT, 15 },
		/* broken by the writer: 負荷試 / 験, 目標 / を上回って */
		{ "所見", XLSX_COL_BREAK, 40 },
	};
	static const char *const keys[] = { NULL, "check", "answer", NULL,
	    "comment" };
	struct xlsx_column	 cols[5];
	uint16_t		 at[5];
	size_t			 nc = 0, k;
	int			 any = 0;
	struct strs		 s = { NULL, 0, 0, 0 };
	struct xlsx		*x = NULL;
	struct xlsx_sheet	*sh = NULL;
	struct xlsx_props	 props;
	const struct schema	*vps, *rts;
	const struct node	*f, *fs;
	const char *const	*want;
	const char		*date = doc_date(rec), *kind, *ratings[8];
	uint32_t		 row, first;
	size_t			 i, nr;
	int			 rc;

	if (!node_scalar_eq(node_get(rec, "type"), "system-evaluation"))
		return error_set(NC_EINVALID, "the review is not a system"
		    " evaluation: cannot write the system evaluation sheet");
	kind = node_get_str(rec, "evaluation_kind");
	if ((want = eval_viewpoints(kind)) == NULL)
		return error_set(NC_EINVALID, "the review has no evaluation"
		    " kind (evaluation_kind): cannot write the system"
		    " evaluation sheet");
	vps = sub(c->kind, "findings", "viewpoint");
	rts = schema_resolve(sub(c->kind, "findings", "rating"));
	/*
	 * 確認事項 and 所管課回答 only where a finding has them: an
	 * evaluation made from the department's report without a written
	 * hearing printed both empty beside the findings; a sheet with no
	 * finding yet keeps them, room to write in.  所見 gets their room.
	 */
	fs = node_get(rec, "findings");
	for (k = 0; k < 5; k++) {
		int	has = keys[k] == NULL;

		for (i = 0; !has && fs != NULL && fs->kind == NODE_SEQ &&
		    i < fs->n; i++) {
			const char	*v = node_get_str(fs->u.items[i],
			    keys[k]);

			has = v != NULL && *v != '\0';
		}
		any |= keys[k] != NULL && has;
		at[k] = (uint16_t)nc;
		cols[nc] = all[k];
		if (has || (k != 1 && k != 2))
			nc++;
		else
			at[k] = UINT16_MAX;
	}
	if (!any) {
		for (k = 0; k < 5; k++) {
			cols[k] = all[k];
			at[k] = (uint16_t)k;
		}
		nc = 5;
	}
	cols[at[4]].width += all[1].width * (double)(5 - nc);
	memset(&props, 0, sizeof props);
	props.title = fmt(&s, "システム評価確認シート %s", str(rec,
	    "system_name"));
	props.author = config_str(c, "documents", "author");
	props.created = stamp(date);
	if ((rc = xlsx_new(&x, path, &props)) != 0)
		goto done;
	xlsx_add_sheet(&sh, x, "システム評価確認シート", XLSX_LANDSCAPE);
	xlsx_title(sh, fmt(&s, "システム評価確認シート（%s）", unnest(&s,
	    label(sub(c->kind, "evaluation_kind", NULL), kind))),
	    fmt(&s, "%s現在　システム名 %s　所管課 %s　稼働開始日 %s%s",
	    era(&s, date), str(rec, "system_name"), org_full(&s, c,
	    node_get_str(rec, "org")), era(&s, node_get_str(rec,
	    "operation_start")), withdrawn_mark(rec)));
	xlsx_table(&row, sh, cols, nc);
	first = row;
	/* The kind's viewpoints first, filled or not; then any others. */
	for (i = 0; want[i] != NULL; i++, row++)
		syseval_row(sh, row, at, label(vps, want[i]),
		    finding(rec, want[i]), rts);
	for (i = 0; fs != NULL && fs->kind == NODE_SEQ && i < fs->n; i++) {
		f = fs->u.items[i];
		if (in_list(want, node_get_str(f, "viewpoint")))
			continue;
		syseval_row(sh, row++, at, label(vps, node_get_str(f,
		    "viewpoint")), f, rts);
	}
	for (nr = 0; nr < schema_nenum(rts) && nr < 8; nr++)
		ratings[nr] = label(rts, schema_enum_at(rts, nr));
	xlsx_validation_list(sh, first, at[3], row - 1, at[3], ratings, nr);
	row++;
	xlsx_note(sh, row++, fmt(&s, "%s：%s", title_of(c, "overall", NULL),
	    review_withdrawn(rec) == REVIEW_WITHDRAWN_BEFORE ?
	    "取下げにより評価を終了し、結論なし" : str(rec, "overall")));
	/*
	 * the result and its conditions, as the 通知書 of the same day
	 * gives them (rev21a T3: the sheet had neither)
	 */
	if (node_get(rec, "decision") != NULL) {
		const struct node	*dec = node_get(rec, "decision");
		const struct node	*cs = node_get(dec, "conditions");

		xlsx_note(sh, row++, fmt(&s, "判定：%s", result_label(c,
		    node_get_str(dec, "result"))));
		for (i = 0; cs != NULL && cs->kind == NODE_SEQ && i < cs->n;
		    i++)
			if (cs->u.items[i]->kind == NODE_SCALAR)
				xlsx_note(sh, row++, fmt(&s, "条件(%zu)：%s",
				    i + 1, cs->u.items[i]->u.s.str));
	}
	if (review_withdrawn(rec) == REVIEW_WITHDRAWN_AFTER)
		xlsx_note(sh, row++, "※ 結果の決定後に取下げ");
	fs = node_get(rec, "opinions");
	for (i = 0; fs != NULL && fs->kind == NODE_SEQ && i < fs->n; i++)
		xlsx_note(sh, row++, fmt(&s, "意見(%zu)：%s", i + 1,
		    str(fs->u.items[i], "comment")));
	if (s.failed) {
		rc = error_set(NC_ENOMEM, "out of memory");
		goto done;
	}
	rc = xlsx_save(x);
done:
	xlsx_free(x);
	strs_free(&s);
	return rc;
}

int
review_write_syseval_docx(struct review_ctx *c, const struct node *rec,
    const char *path)
{
	struct strs		 s = { NULL, 0, 0, 0 };
	struct docx_notice	 no;
	struct docx_notice_item	 items[10];
	const struct node	*dec = node_get(rec, "decision"), *f, *fs, *ops;
	const struct schema	*vps, *rts;
	const char		**views = NULL, **opv = NULL, **conds = NULL;
	const char		**why = NULL;
	const char		*date, *kind;
	size_t			 n = 0, i, nv = 0;
	int			 rc;

	if (!node_scalar_eq(node_get(rec, "type"), "system-evaluation"))
		return error_set(NC_EINVALID, "the review is not a system"
		    " evaluation: cannot write the evaluation result notice");
	if (review_withdrawn(rec) == REVIEW_WITHDRAWN_BEFORE)
		return error_set(NC_EINVALID, "the evaluation was withdrawn "
		    "before its decision (status withdrawn, no decision.date):"
		    " no evaluation result notice is issued");
	if (dec == NULL || node_get_str(dec, "date") == NULL)
		return error_set(NC_EINVALID, "the evaluation has no decision"
		    " date (review decide): cannot write the evaluation result"
		    " notice");
	kind = node_get_str(rec, "evaluation_kind");
	date = node_get_str(dec, "notified") != NULL ?
	    node_get_str(dec, "notified") : node_get_str(dec, "date");
	vps = sub(c->kind, "findings", "viewpoint");
	rts = sub(c->kind, "findings", "rating");
	fs = node_get(rec, "findings");
	ops = node_get(rec, "opinions");
	if ((views = calloc((fs != NULL ? fs->n : 0) + 1, sizeof *views)) ==
	    NULL || (opv = calloc((ops != NULL ? ops->n : 0) + 1,
	    sizeof *opv)) == NULL) {
		rc = error_set(NC_ENOMEM, "out of memory");
		goto done;
	}
	for (i = 0; fs != NULL && fs->kind == NODE_SEQ && i < fs->n; i++) {
		f = fs->u.items[i];
		views[nv++] = fmt(&s, "%s　%s%s%s", label(vps, node_get_str(f,
		    "viewpoint")), label(rts, node_get_str(f, "rating")),
		    node_get_str(f, "comment") != NULL ? "\n" : "",
		    str(f, "comment"));
	}
	for (i = 0; ops != NULL && ops->kind == NODE_SEQ && i < ops->n; i++)
		opv[i] = str(ops->u.items[i], "comment");
	memset(&no, 0, sizeof no);
	memset(items, 0, sizeof items);
	no.number = notice_number(&s, c, node_get_str(dec, "notice_no"));
	no.date = era(&s, date);
	no.addressee = addressee(&s, c, node_get_str(rec, "org"));
	no.sender = sender(c);
	no.title = "システム評価の結果について（通知）";
	no.body = fmt(&s, "練馬区システム評価実施要綱に基づき実施した%sの%sについて、"
	    "下記のとおり結果を通知します。", str(rec, "system_name"),
	    label(sub(c->kind, "evaluation_kind", NULL), kind));
	items[n].label = "システム名";
	items[n++].value = str(rec, "system_name");
	items[n].label = "所管課";
	items[n++].value = org_full(&s, c, node_get_str(rec, "org"));
	items[n].label = "評価の種類";
	items[n++].value = label(sub(c->kind, "evaluation_kind", NULL), kind);
	if (node_get_str(rec, "operation_start") != NULL) {
		items[n].label = "稼働開始日";
		items[n++].value = era(&s, node_get_str(rec,
		    "operation_start"));
	}
	items[n].label = "評価結果";
	items[n++].value = fmt(&s, "%s%s%s", str(rec, "overall"),
	    node_get_str(rec, "overall") != NULL ? "\n" : "",
	    fmt(&s, "（判定：%s）", label(sub(c->kind, "decision", "result"),
	    node_get_str(dec, "result"))));
	if (nv > 0) {
		items[n].label = "観点別評価";
		items[n++].subs = views;
	}
	if (opv[0] != NULL) {
		items[n].label = "意見";
		items[n++].subs = opv;
	}
	if ((conds = scalar_list(node_get(dec, "conditions"))) != NULL) {
		items[n].label = "条件";
		items[n++].subs = conds;
	}
	if ((why = scalar_list(node_get(dec, "reasons"))) != NULL) {
		items[n].label = "理由";
		items[n++].subs = why;
	}
	no.items = items;
	no.nitems = n;
	no.contact = contact_line(&s, c);
	rc = save_notice(c, &s, &no, date, path);
done:
	free(views);
	free(opv);
	free(conds);
	free(why);
	strs_free(&s);
	return rc;
}
