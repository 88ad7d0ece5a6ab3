/*
 * Word documents of a training: the 研修実施報告書 (3(2)イ, 4(1)イ/ウ,
 * 4(2)イ) from the results view, and the survey and the test laid out
 * for the ward to approve before the training.
 *
 * The report's sections are those the ward's reports use (EXAMPLES.md):
 * 1 目的, 2 実施概要 (audience, dates, method, contents, attendance),
 * 3 アンケート結果, 4 テスト結果, 5 考察, 6 次年度に向けて.  What the
 * advisor wrote in the record (purpose, discussion, next_steps, the
 * survey's and test's summary) is used as written; where it is missing
 * the text is drafted from the figures, so every number in the prose is
 * one of the tables'.
 */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "cal.h"
#include "docx.h"
#include "error.h"
#include "node.h"
#include "store.h"
#include "training.h"
#include "training_int.h"

/* Free texts listed in the report; the workbook has them all. */
#define REPORT_TEXTS	20

/* ---- tables sized to their content -------------------------------- */

struct grid {
	size_t		  ncols, nrows;
	char		**cells;	/* nrows * ncols */
	enum docx_align	 *align;	/* per column */
	unsigned	 *cap;		/* widest a column may ask for */
	int		  failed;
};

static int
grid_new(struct grid *g, size_t ncols)
{
	memset(g, 0, sizeof *g);
	g->ncols = ncols;
	if ((g->align = calloc(ncols, sizeof *g->align)) == NULL ||
	    (g->cap = calloc(ncols, sizeof *g->cap)) == NULL) {
		free(g->align);
		return error_set(NC_ENOMEM, "out of memory");
	}
	return 0;
}

static void
grid_free(struct grid *g)
{
	size_t	i;

	for (i = 0; i < g->nrows * g->ncols; i++)
		free(g->cells[i]);
	free(g->cells);
	free(g->align);
	free(g->cap);
	memset(g, 0, sizeof *g);
}

static void
grid_row(struct grid *g, ...) 
{
	va_list	  ap;
	char	**nv;
	size_t	  i;
	const char *s;

	if (g->failed)
		return;
	if ((nv = realloc(g->cells, (g->nrows + 1) * g->ncols *
	    sizeof *nv)) == NULL) {
		g->failed = 1;
		return;
	}
	g->cells = nv;
	va_start(ap, g);
	for (i = 0; i < g->ncols; i++) {
		s = va_arg(ap, const char *);
		if ((nv[g->nrows * g->ncols + i] = strdup(s != NULL ? s :
		    "")) == NULL)
			g->failed = 1;
	}
	va_end(ap);
	g->nrows++;
}

/* Add the grid as a table: the first row is the header. */
static int
grid_add(struct docx *dx, struct grid *g)
{
	struct docx_table	*t = NULL;
	struct docx_para_style	 ps;
	unsigned		*w;
	size_t			 r, c;
	unsigned		 m;
	int			 rc;

	if (g->failed)
		return error_set(NC_ENOMEM, "out of memory");
	if ((w = calloc(g->ncols, sizeof *w)) == NULL)
		return error_set(NC_ENOMEM, "out of memory");
	for (c = 0; c < g->ncols; c++) {
		w[c] = 300;
		for (r = 0; r < g->nrows; r++) {
			m = docx_measure(g->cells[r * g->ncols + c]) + 150;
			if (r == 0 && g->cap[c] != 0 && m > g->cap[c] + 150)
				m = g->cap[c];
			if (m > w[c])
				w[c] = m;
		}
		if (g->cap[c] != 0 && w[c] > g->cap[c])
			w[c] = g->cap[c];
	}
	if ((rc = docx_table_new(&t, g->ncols, w)) != 0)
		goto done;
	memset(&ps, 0, sizeof ps);
	for (r = 0; r < g->nrows; r++) {
		for (c = 0; c < g->ncols; c++) {
			ps.align = r == 0 ? DOCX_CENTER : g->align[c];
			if ((rc = docx_table_cell(t, r, c,
			    g->cells[r * g->ncols + c], &ps)) != 0)
				goto done;
		}
	}
	if ((rc = docx_table_header_rows(t, 1)) != 0)
		goto done;
	rc = docx_add_table(dx, t);
done:
	docx_table_free(t);
	free(w);
	return rc;
}

/* ---- text helpers ------------------------------------------------- */

static int
body(struct docx *dx, const char *fmt, ...) NC_PRINTF(2, 3);

static int
body(struct docx *dx, const char *fmt, ...)
{
	va_list	ap;
	char	*s;
	int	 n, r;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0 || (s = malloc((size_t)n + 1)) == NULL)
		return error_set(NC_ENOMEM, "out of memory");
	va_start(ap, fmt);
	vsnprintf(s, (size_t)n + 1, fmt, ap);
	va_end(ap);
	r = docx_add_outline_body(dx, s);
	free(s);
	return r;
}

/* Each line of a text as its own body paragraph. */
static int
body_lines(struct docx *dx, const char *text)
{
	const char	*p = text, *nl;
	char		*line;
	int		 r = 0;

	while (r == 0 && p != NULL && *p != '\0') {
		nl = strchr(p, '\n');
		if ((line = strndup(p, nl != NULL ? (size_t)(nl - p) :
		    strlen(p))) == NULL)
			return error_set(NC_ENOMEM, "out of memory");
		if (*line != '\0')
			r = docx_add_outline_body(dx, line);
		free(line);
		p = nl != NULL ? nl + 1 : NULL;
	}
	return r;
}

static const char *
p1(char *out, size_t size, double v)
{
	if (isnan(v))
		snprintf(out, size, "－");
	else
		snprintf(out, size, "%.1f%%", v);
	return out;
}

static const char *
num(char *out, size_t size, long v)
{
	if (v < 0)
		snprintf(out, size, "－");
	else
		snprintf(out, size, "%ld", v);
	return out;
}

/* ---- the report --------------------------------------------------- */

struct rctx {
	const struct tr_results	*r;
	const struct training	*t;
	struct store		*st;
	const char		*aud;
};

static const char *
default_purpose(const struct training *t)
{
	if (t->kind != NULL && strcmp(t->kind, "digital") == 0)
		return "職員のデジタルリテラシーの向上に向けて、デジタル化の流れや技術の"
		    "進展を背景に、研修後に職員が自主的に取り組める実務的な知識と技能を"
		    "身に付けることを目的とする（仕様書3(1)イ）。";
	if (t->kind != NULL && strcmp(t->kind, "mynumber") == 0)
		return "マイナンバー利用事務および関係事務に従事する職員等が、事務を遂行"
		    "するうえでのマイナンバーの利用に係る注意事項を理解し、特定個人情報を"
		    "適正に取り扱うことを目的とする（仕様書3(1)ウ(イ)）。";
	return "区職員の情報セキュリティに関する意識を維持・向上させ、情報セキュリ"
	    "ティポリシーに基づく日常業務での対策を確実に実践できるようにすることを"
	    "目的とする（仕様書3(2)イ）。";
}

static int
sec_outline(struct docx *dx, struct rctx *c)
{
	const struct training	*t = c->t;
	const struct tr_results	*r = c->r;
	struct buf		 b = BUF_INIT;
	struct grid		 g;
	char			 x[64], y[64], z[64];
	size_t			 i;
	int			 rc;

	if ((rc = docx_add_outline_heading(dx, 1, "実施概要")) != 0 ||
	    (rc = docx_add_outline_heading(dx, 2, "対象者")) != 0)
		return rc;
	if (r->target > 0)
		rc = body(dx, "%s（対象者数 %ld名）", c->aud, r->target);
	else
		rc = body(dx, "%s", c->aud);
	if (rc != 0 || (rc = docx_add_outline_heading(dx, 2, "実施日")) != 0)
		return rc;
	tr_when(&b, t);
	if ((rc = buf_ok(&b)) != 0 || (rc = body(dx, "%s", b.data)) != 0)
		goto done;
	buf_reset(&b);
	if ((rc = docx_add_outline_heading(dx, 2, "実施方法")) != 0)
		goto done;
	buf_puts(&b, tr_label(c->st, "method", t->method != NULL ?
	    t->method : "classroom"));
	if (t->place != NULL)
		buf_printf(&b, "（会場：%s）", t->place);
	if (t->ninstructors > 0) {
		buf_puts(&b, "　講師：");
		for (i = 0; i < t->ninstructors; i++)
			buf_printf(&b, "%s%s", i > 0 ? "、" : "",
			    tr_member_name(c->st, t->instructors[i]));
	}
	if ((rc = buf_ok(&b)) != 0 || (rc = body(dx, "%s", b.data)) != 0)
		goto done;
	if (t->outline != NULL || t->exercise != NULL) {
		if ((rc = docx_add_outline_heading(dx, 2, "研修内容")) != 0 ||
		    (t->outline != NULL && (rc = body_lines(dx,
		    t->outline)) != 0) ||
		    (t->exercise != NULL && (rc = body(dx, "実践形式の内容："
		    "%s", t->exercise)) != 0))
			goto done;
	}
	if ((rc = docx_add_outline_heading(dx, 2, "受講状況")) != 0)
		goto done;
	if (r->attended >= 0 && r->target > 0)
		rc = body(dx, "受講者は%ld名で、対象者%ld名に対する受講率は%sで"
		    "あった。", r->attended, r->target,
		    p1(x, sizeof x, r->attend_rate));
	else if (r->attended >= 0)
		rc = body(dx, "受講者は%ld名であった。", r->attended);
	else
		rc = body(dx, "受講者数は把握していない。");
	if (rc != 0 || r->ndepts == 0)
		goto done;
	if ((rc = body(dx, "部別の受講者数は次のとおり（所属の分かる回答者を"
	    "集計）。")) != 0 || (rc = grid_new(&g, 4)) != 0)
		goto done;
	g.align[1] = g.align[2] = g.align[3] = DOCX_RIGHT;
	grid_row(&g, "部", "対象者数", "受講者数", "受講率");
	for (i = 0; i < r->ndepts; i++) {
		const struct tr_org_stat *o = &r->depts[i];

		grid_row(&g, o->name, num(x, sizeof x, o->target),
		    num(y, sizeof y, o->attended), p1(z, sizeof z,
		    o->target > 0 ? 100.0 * o->attended / o->target : NAN));
	}
	rc = grid_add(dx, &g);
	grid_free(&g);
done:
	buf_free(&b);
	return rc;
}

/* The survey question's answers as one line: 満足 45名（21.0%）、… */
static int
breakdown(struct buf *b, const struct tr_survey_stat *s, size_t base)
{
	size_t	c;

	for (c = 0; c < s->q->nchoices; c++)
		buf_printf(b, "%s%s %zu名（%.1f%%）", c > 0 ? "、" : "",
		    s->q->choices[c], s->picks[c], base > 0 ?
		    100.0 * (double)s->picks[c] / (double)base : 0.0);
	return buf_ok(b);
}

static int
sec_survey(struct docx *dx, struct rctx *c)
{
	const struct training	*t = c->t;
	const struct tr_results	*r = c->r;
	struct grid		 g;
	struct buf		 b = BUF_INIT;
	char			 x[64], y[64], z[64];
	size_t			 i, k, ntext = 0;
	int			 rc;

	if ((rc = docx_add_outline_heading(dx, 1, "アンケート結果")) != 0)
		return rc;
	if (!r->survey_rows && r->respondents == 0 &&
	    isnan(r->satisfaction)) {
		return body(dx, "アンケートは実施していない。");
	}
	if ((rc = docx_add_outline_heading(dx, 2, "回答状況")) != 0)
		return rc;
	if (t->survey_org != NULL)
		rc = body(dx, "アンケートは%sが実施した（仕様書4(2)イ(イ)）。"
		    "回答者は%zu名%s。", tr_label(c->st, "org", t->survey_org),
		    r->respondents, isnan(r->response_rate) ? "" :
		    (snprintf(x, sizeof x, "（回答率 %.1f%%）",
		    r->response_rate), x));
	else
		rc = body(dx, "回答者は%zu名%sであった。", r->respondents,
		    isnan(r->response_rate) ? "" : (snprintf(x, sizeof x,
		    "（受講者に対する回答率 %.1f%%）", r->response_rate), x));
	if (rc != 0)
		return rc;
	if (!isnan(r->satisfaction)) {
		if ((rc = docx_add_outline_heading(dx, 2, "満足度")) != 0 ||
		    (rc = body(dx, "研修の満足度（「満足」「やや満足」と回答した"
		    "割合）は%sであった。", p1(x, sizeof x,
		    r->satisfaction))) != 0)
			return rc;
	}
	if (!r->survey_rows) {
		if (t->summary[TR_SURVEY] != NULL &&
		    ((rc = docx_add_outline_heading(dx, 2, "集計・分析の概要")) !=
		    0 || (rc = body_lines(dx, t->summary[TR_SURVEY])) != 0))
			return rc;
		return 0;
	}
	if ((rc = docx_add_outline_heading(dx, 2, "設問別の結果")) != 0 ||
	    (rc = grid_new(&g, 5)) != 0)
		return rc;
	g.cap[1] = 2400;
	g.align[2] = g.align[3] = g.align[4] = DOCX_RIGHT;
	g.align[0] = DOCX_CENTER;
	grid_row(&g, "No.", "設問", "回答数", "肯定的回答", "平均（5段階）");
	for (i = 0; i < r->nsurvey; i++) {
		const struct tr_survey_stat *s = &r->survey[i];

		if (s->q->type != TR_Q_SCALE)
			continue;
		snprintf(x, sizeof x, "%zu", i + 1);
		snprintf(y, sizeof y, "%zu", s->n);
		grid_row(&g, x, s->q->text, y, p1(z, sizeof z, 100 * s->top2),
		    isnan(s->mean) ? "－" : (snprintf(x, sizeof x, "%.2f",
		    s->mean), x));
	}
	if (g.nrows > 1) {
		rc = body(dx, "5段階評価の設問の結果は次のとおり（肯定的回答は"
		    "上位2段階の割合、平均は最も肯定的な回答を5とした値）。");
		if (rc == 0)
			rc = grid_add(dx, &g);
	}
	grid_free(&g);
	if (rc != 0)
		return rc;
	for (i = 0; i < r->nsurvey; i++) {
		const struct tr_survey_stat *s = &r->survey[i];

		if (s->q->type == TR_Q_TEXT) {
			ntext++;
			continue;
		}
		buf_reset(&b);
		if ((rc = breakdown(&b, s, s->q->type == TR_Q_MULTIPLE ?
		    s->n : s->n)) != 0)
			break;
		if ((rc = body(dx, "設問%zu「%s」：%s%s", i + 1, s->q->text,
		    b.data, s->q->type == TR_Q_MULTIPLE ? "（複数回答、割合は"
		    "回答者に対する値）" : "")) != 0)
			break;
	}
	buf_free(&b);
	if (rc != 0 || ntext == 0)
		return rc;
	if ((rc = docx_add_outline_heading(dx, 2, "自由記述")) != 0)
		return rc;
	for (i = 0; i < r->nsurvey; i++) {
		const struct tr_survey_stat *s = &r->survey[i];

		if (s->q->type != TR_Q_TEXT)
			continue;
		if ((rc = body(dx, "設問%zu「%s」（回答%zu件）", i + 1,
		    s->q->text, s->ntexts)) != 0)
			return rc;
		if (s->ntexts == 0)
			continue;
		if ((rc = grid_new(&g, 2)) != 0)
			return rc;
		g.align[0] = DOCX_CENTER;
		grid_row(&g, "No.", "回答（原文のまま。個人が特定される記述は除く）");
		for (k = 0; k < s->ntexts && k < REPORT_TEXTS; k++) {
			snprintf(x, sizeof x, "%zu", k + 1);
			grid_row(&g, x, s->texts[k]);
		}
		rc = grid_add(dx, &g);
		grid_free(&g);
		if (rc == 0 && s->ntexts > REPORT_TEXTS)
			rc = body(dx, "ほか%zu件（全件は研修結果の集計表に掲載）。",
			    s->ntexts - REPORT_TEXTS);
		if (rc != 0)
			return rc;
	}
	return 0;
}

static int
sec_test(struct docx *dx, struct rctx *c)
{
	const struct training	*t = c->t;
	const struct tr_results	*r = c->r;
	struct grid		 g;
	char			 a[64], b[64], x[64], y[64], z[64];
	size_t			 i;
	int			 rc;

	if ((rc = docx_add_outline_heading(dx, 1, "テスト結果")) != 0)
		return rc;
	if (!r->test_rows && isnan(r->mean))
		return body(dx, "テストは実施していない。");
	if ((rc = docx_add_outline_heading(dx, 2, "受験状況と得点")) != 0)
		return rc;
	if (!r->test_rows) {
		rc = body(dx, "受験者は%zu名、平均正答率は%sであった。",
		    r->examinees, p1(x, sizeof x, r->mean));
		if (rc == 0 && t->summary[TR_TEST] != NULL)
			rc = body_lines(dx, t->summary[TR_TEST]);
		return rc;
	}
	if ((rc = body(dx, "受験者は%zu名（%zu問）で、平均正答率は%s（中央値 %s、"
	    "最高 %s、最低 %s）であった。合格基準（正答率%s以上）に達した者は"
	    "%zu名で、合格率は%sであった。", r->examinees, r->nq,
	    p1(x, sizeof x, r->mean), p1(y, sizeof y, r->median),
	    p1(a, sizeof a, r->max), p1(b, sizeof b, r->min),
	    p1(z, sizeof z, r->pass_mark), r->passed,
	    p1(a, sizeof a, r->pass_rate))) != 0)
		return rc;
	if ((rc = docx_add_outline_heading(dx, 2, "得点分布")) != 0 ||
	    (rc = grid_new(&g, 3)) != 0)
		return rc;
	g.align[0] = g.align[1] = g.align[2] = DOCX_RIGHT;
	grid_row(&g, "正答数", "人数", "割合");
	for (i = r->nq + 1; i-- > 0;) {
		snprintf(x, sizeof x, "%zu問", i);
		snprintf(y, sizeof y, "%zu", r->hist[i]);
		grid_row(&g, x, y, p1(z, sizeof z, r->examinees > 0 ?
		    100.0 * (double)r->hist[i] / (double)r->examinees : NAN));
	}
	rc = grid_add(dx, &g);
	grid_free(&g);
	if (rc != 0 || r->nitems == 0)
		return rc;
	if ((rc = docx_add_outline_heading(dx, 2, "問題別の正答率")) != 0 ||
	    (rc = body(dx, "識別力は、得点上位27%%の受験者の正答率から下位27%%の"
	    "正答率を引いた値（-1～1）で、値が大きいほど理解度の差をよく表す。"
	    "正答率が90%%を超える問題は易しすぎ、30%%未満は難しすぎ、識別力が"
	    "0.2未満の問題は理解度を区別できていないものとして判定欄に示す。")) !=
	    0 || (rc = grid_new(&g, 5)) != 0)
		return rc;
	g.cap[1] = 2600;
	g.align[0] = DOCX_CENTER;
	g.align[2] = g.align[3] = DOCX_RIGHT;
	grid_row(&g, "No.", "問題（主題）", "正答率", "識別力", "判定");
	for (i = 0; i < r->nitems; i++) {
		const struct tr_item_stat *it = &r->items[i];
		struct buf q = BUF_INIT;

		buf_printf(&q, "%s", it->q->text);
		if (it->q->topic != NULL)
			buf_printf(&q, "（%s）", it->q->topic);
		snprintf(x, sizeof x, "%zu", i + 1);
		snprintf(z, sizeof z, "%s%s%s%s%s",
		    it->flags & TR_FLAG_EASY ? "易しすぎ" : "",
		    (it->flags & TR_FLAG_EASY) && (it->flags & ~TR_FLAG_EASY) ?
		    "、" : "", it->flags & TR_FLAG_HARD ? "難しすぎ" : "",
		    (it->flags & TR_FLAG_HARD) && (it->flags &
		    TR_FLAG_NODISC) ? "、" : "",
		    it->flags & TR_FLAG_NODISC ? "識別力が低い" : "");
		grid_row(&g, x, buf_ok(&q) == 0 ? q.data : "",
		    p1(a, sizeof a, 100 * it->p), isnan(it->d) ? "－" :
		    (snprintf(b, sizeof b, "%.2f", it->d), b), z);
		buf_free(&q);
	}
	rc = grid_add(dx, &g);
	grid_free(&g);
	return rc;
}

/* Questions by number, "問2、問5", into b. */
static void
item_list(struct buf *b, const struct tr_results *r, int flag)
{
	size_t	i, n = 0;

	for (i = 0; i < r->nitems; i++)
		if (r->items[i].flags & flag)
			buf_printf(b, "%s問%zu", n++ > 0 ? "、" : "", i + 1);
}

static int
sec_discussion(struct docx *dx, struct rctx *c)
{
	const struct training	*t = c->t;
	const struct tr_results	*r = c->r;
	struct buf		 b = BUF_INIT;
	char			 x[64], y[64];
	size_t			 i, lo = (size_t)-1, hi = (size_t)-1;
	int			 rc;

	if ((rc = docx_add_outline_heading(dx, 1, "考察")) != 0)
		return rc;
	if (t->discussion != NULL)
		return body_lines(dx, t->discussion);
	if (!isnan(r->satisfaction) && (rc = body(dx, "満足度は%sで、%s。",
	    p1(x, sizeof x, r->satisfaction), r->satisfaction >= 80 ?
	    "研修の内容・方法はおおむね受講者に受け入れられたと考えられる" :
	    r->satisfaction >= 60 ? "一定の評価を得たが、内容・方法に改善の"
	    "余地がある" : "内容・方法を見直す必要がある")) != 0)
		return rc;
	for (i = 0; i < r->nsurvey; i++) {
		const struct tr_survey_stat *s = &r->survey[i];

		if (s->q->type != TR_Q_SCALE || isnan(s->top2))
			continue;
		if (lo == (size_t)-1 || s->top2 < r->survey[lo].top2)
			lo = i;
	}
	if (lo != (size_t)-1 && (rc = body(dx, "アンケートで肯定的回答が最も"
	    "少なかったのは設問%zu「%s」（%s）であった。", lo + 1,
	    r->survey[lo].q->text, p1(x, sizeof x,
	    100 * r->survey[lo].top2))) != 0)
		return rc;
	lo = (size_t)-1;
	for (i = 0; i < r->nitems; i++) {
		if (isnan(r->items[i].p))
			continue;
		if (lo == (size_t)-1 || r->items[i].p < r->items[lo].p)
			lo = i;
		if (hi == (size_t)-1 || r->items[i].p > r->items[hi].p)
			hi = i;
	}
	if (r->test_rows && (rc = body(dx, "テストの平均正答率は%s、合格率は%s"
	    "であった。", p1(x, sizeof x, r->mean), p1(y, sizeof y,
	    r->pass_rate))) != 0)
		return rc;
	if (lo != (size_t)-1 && (rc = body(dx, "正答率が最も低かったのは問%zu"
	    "%s%s%s（%s）で、この内容の理解が十分でない受講者が多い。",
	    lo + 1, r->items[lo].q->topic != NULL ? "「" : "",
	    r->items[lo].q->topic != NULL ? r->items[lo].q->topic : "",
	    r->items[lo].q->topic != NULL ? "」" : "",
	    p1(x, sizeof x, 100 * r->items[lo].p))) != 0)
		return rc;
	if (hi != (size_t)-1 && hi != lo && (rc = body(dx, "正答率が最も高かった"
	    "のは問%zu%s%s%s（%s）であった。", hi + 1,
	    r->items[hi].q->topic != NULL ? "「" : "",
	    r->items[hi].q->topic != NULL ? r->items[hi].q->topic : "",
	    r->items[hi].q->topic != NULL ? "」" : "",
	    p1(x, sizeof x, 100 * r->items[hi].p))) != 0)
		return rc;
	for (i = 0; i < 2; i++)
		if (t->summary[i] != NULL && (r->survey_rows || i == 1) &&
		    (i == 0 || r->test_rows) &&
		    (rc = body_lines(dx, t->summary[i])) != 0)
			return rc;
	buf_free(&b);
	return 0;
}

static int
sec_next(struct docx *dx, struct rctx *c)
{
	const struct training	*t = c->t;
	const struct tr_results	*r = c->r;
	struct buf		 b = BUF_INIT;
	int			 rc;

	if ((rc = docx_add_outline_heading(dx, 1, "次年度に向けて")) != 0)
		return rc;
	if (t->next_steps != NULL)
		return body_lines(dx, t->next_steps);
	if (r->nflagged > 0) {
		buf_reset(&b);
		item_list(&b, r, TR_FLAG_EASY);
		if (b.len > 0 && (rc = body(dx, "正答率が90%%を超えた%sは、"
		    "次年度は難易度を上げた問題に置き換える。", b.data)) != 0)
			goto done;
		buf_reset(&b);
		item_list(&b, r, TR_FLAG_HARD);
		if (b.len > 0 && (rc = body(dx, "正答率が30%%未満の%sは、"
		    "問題文と選択肢を見直すとともに、教材で重点的に扱う。",
		    b.data)) != 0)
			goto done;
		buf_reset(&b);
		item_list(&b, r, TR_FLAG_NODISC);
		if (b.len > 0 && (rc = body(dx, "識別力が0.2未満の%sは、"
		    "理解度を区別できるよう選択肢を見直す。", b.data)) != 0)
			goto done;
	}
	rc = body(dx, "対象者が例年同じ研修であるため、次年度は前例踏襲ではなく、"
	    "今年度の結果を踏まえた新たな内容の教材・テストを提案する（仕様書"
	    "3(2)イ）。");
done:
	buf_free(&b);
	return rc;
}

static const char *
author_of(struct store *st)
{
	const struct node	*conf, *docs;
	const char		*s;

	if (st == NULL || store_config(&conf, st) != 0) {
		error_clear();
		return NULL;
	}
	docs = node_get(conf, "documents");
	if ((s = node_get_str(docs, "author")) != NULL)
		return s;
	return node_get_str(conf, "contractor");
}

static int
begin(struct docx **dx, const char *title, const char *header,
    const struct tr_doc_opts *o)
{
	struct docx_props	props;
	char			created[32];

	memset(&props, 0, sizeof props);
	props.title = title;
	snprintf(created, sizeof created, "%s", o->date != NULL ? o->date :
	    "1980-01-01");
	props.created = created;
	if (docx_new(dx, &props) != 0)
		return error_code() != 0 ? error_code() : NC_ENOMEM;
	if (docx_header_text(*dx, header, DOCX_RIGHT) != 0 ||
	    docx_footer_page_number(*dx, DOCX_PAGENUM_DASH) != 0)
		return error_code();
	return 0;
}

static int
cover(struct docx *dx, const char *what, const char *title,
    struct store *st, const struct tr_doc_opts *o)
{
	struct docx_report	 rep;
	struct docx_para_style	 ps;
	struct cal_date		 d;
	char			 date[CAL_FMT_MAX];
	int			 rc;

	memset(&rep, 0, sizeof rep);
	rep.title = what;
	if (o->date != NULL && cal_parse_iso(&d, o->date) == 0)
		rep.date = tr_era(date, sizeof date, d);
	rep.author = author_of(st);
	memset(&ps, 0, sizeof ps);
	ps.align = DOCX_CENTER;
	ps.gothic = 1;
	ps.size = 26;
	ps.space_after = 6;
	/* the training's name under the document's */
	if ((rc = docx_add_para(dx, what, &(struct docx_para_style){
	    .align = DOCX_CENTER, .gothic = 1, .bold = 1, .size = 32,
	    .space_after = 6 })) != 0 ||
	    (rc = docx_add_para(dx, title, &ps)) != 0)
		return rc;
	rep.title = NULL;
	return docx_add_report_cover(dx, &rep);
}

int
tr_report_docx(const char *path, const struct tr_results *r,
    struct store *st, const struct tr_doc_opts *o)
{
	const struct training	*t = r->t;
	struct docx		*dx = NULL;
	struct rctx		 c;
	const char		*missing;
	int			 rc;

	if ((missing = tr_report_missing(r)) != NULL)
		return error_set(NC_EINVALID, "no report for '%s': %s",
		    t->title, missing);
	memset(&c, 0, sizeof c);
	c.r = r;
	c.t = t;
	c.st = st;
	c.aud = tr_label(st, "audience", t->audience != NULL ? t->audience :
	    "other");
	if ((rc = begin(&dx, "研修実施報告書", t->title, o)) != 0 ||
	    (rc = cover(dx, "研修実施報告書", t->title, st, o)) != 0 ||
	    (rc = docx_add_outline_heading(dx, 1, "目的")) != 0 ||
	    (rc = body_lines(dx, t->purpose != NULL ? t->purpose :
	    default_purpose(t))) != 0 ||
	    (rc = sec_outline(dx, &c)) != 0 ||
	    (rc = sec_survey(dx, &c)) != 0 ||
	    (rc = sec_test(dx, &c)) != 0 ||
	    (rc = sec_discussion(dx, &c)) != 0 ||
	    (rc = sec_next(dx, &c)) != 0 ||
	    (rc = docx_add_para(dx, "以上", &(struct docx_para_style){
	    .align = DOCX_RIGHT, .space_before = 12 })) != 0)
		goto done;
	rc = docx_save(dx, path);
done:
	docx_free(dx);
	return rc;
}

/* ---- survey and test for approval --------------------------------- */

int
tr_questions_docx(const char *path, const struct training *t,
    enum tr_part part, struct store *st, const struct tr_doc_opts *o)
{
	struct docx		*dx = NULL;
	struct docx_para_style	 q, ch;
	struct grid		 g;
	struct buf		 b = BUF_INIT;
	const char		*what = part == TR_SURVEY ? "アンケート（案）" :
				    "テスト（案）";
	char			 x[64];
	size_t			 i, k;
	int			 rc;

	if (t->nitems[part] == 0)
		return error_set(NC_EINVALID, "'%s' has no %s", t->title,
		    part == TR_SURVEY ? "survey questions" : "test items");
	memset(&q, 0, sizeof q);
	q.indent_left = 300;
	q.indent_first = -300;
	q.space_before = 6;
	q.keep_next = 1;
	memset(&ch, 0, sizeof ch);
	ch.indent_left = 500;
	ch.indent_first = -200;
	ch.keep_next = 1;
	if ((rc = begin(&dx, what, t->title, o)) != 0 ||
	    (rc = cover(dx, what, t->title, st, o)) != 0)
		goto done;
	tr_when(&b, t);
	if ((rc = buf_ok(&b)) != 0 ||
	    (rc = docx_add_para(dx, part == TR_SURVEY ?
	    "研修の効果を測り、次年度の研修の改善に役立てるため、受講者に次の"
	    "アンケートを行う。回答は無記名とし、所属（課名）は任意で尋ねる。" :
	    "研修内容の理解度を確認するため、受講者に次のテストを行う。回答は"
	    "無記名とし、結果は研修実施報告書で問題ごとの正答率として報告する。",
	    NULL)) != 0 ||
	    (rc = docx_add_para(dx, "", NULL)) != 0)
		goto done;
	{
		char line[512];

		snprintf(line, sizeof line, "対象者：%s　　実施日：%s",
		    tr_label(st, "audience", t->audience != NULL ?
		    t->audience : "other"), b.data);
		if ((rc = docx_add_para(dx, line, NULL)) != 0)
			goto done;
	}
	for (i = 0; i < t->nitems[part]; i++) {
		const struct tr_question *it = &t->items[part][i];

		buf_reset(&b);
		buf_printf(&b, "問%zu　%s", i + 1, it->text);
		if (it->type == TR_Q_MULTIPLE)
			buf_puts(&b, "（当てはまるものをすべて選択）");
		if ((rc = buf_ok(&b)) != 0 ||
		    (rc = docx_add_para(dx, b.data, &q)) != 0)
			goto done;
		if (it->type == TR_Q_TEXT) {
			ch.keep_next = 0;
			rc = docx_add_para(dx, "（自由記述）", &ch);
			ch.keep_next = 1;
			if (rc != 0)
				goto done;
			continue;
		}
		for (k = 0; k < it->nchoices; k++) {
			buf_reset(&b);
			buf_printf(&b, "%s%zu　%s", part == TR_SURVEY ? "□" : "",
			    k + 1, it->choices[k]);
			ch.keep_next = k + 1 < it->nchoices;
			if ((rc = buf_ok(&b)) != 0 ||
			    (rc = docx_add_para(dx, b.data, &ch)) != 0)
				goto done;
		}
		ch.keep_next = 1;
	}
	if (part == TR_TEST) {
		if ((rc = docx_add_para(dx, "正答と解説（受講者には配付しない）",
		    &(struct docx_para_style){ .gothic = 1, .bold = 1,
		    .page_break_before = 1, .space_after = 6,
		    .keep_next = 1 })) != 0 || (rc = grid_new(&g, 5)) != 0)
			goto done;
		g.align[0] = g.align[1] = DOCX_CENTER;
		g.cap[2] = 2800;
		grid_row(&g, "問", "正答", "解説", "主題", "対策基準");
		for (i = 0; i < t->nitems[part]; i++) {
			const struct tr_question *it = &t->items[part][i];

			buf_reset(&b);
			for (k = 0; k < it->nchoices; k++)
				if (it->key & (1u << k))
					buf_printf(&b, "%s%zu", b.len > 0 ?
					    "・" : "", k + 1);
			snprintf(x, sizeof x, "%zu", i + 1);
			grid_row(&g, x, buf_ok(&b) == 0 ? b.data : "",
			    it->explanation, it->topic, it->clause != NULL ?
			    it->clause : "");
		}
		rc = grid_add(dx, &g);
		grid_free(&g);
		if (rc != 0)
			goto done;
	}
	if ((rc = docx_add_para(dx, "以上", &(struct docx_para_style){
	    .align = DOCX_RIGHT, .space_before = 12 })) != 0)
		goto done;
	rc = docx_save(dx, path);
done:
	buf_free(&b);
	docx_free(dx);
	return rc;
}
