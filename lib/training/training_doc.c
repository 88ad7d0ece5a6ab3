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
#include "chart.h"
#include "docx.h"
#include "error.h"
#include "node.h"
#include "store.h"
#include "text.h"
#include "textfit.h"
#include "training.h"
#include "training_int.h"

static int	weakest(struct buf *, const struct tr_results *);
static int	items_extreme(struct docx *, const struct tr_results *);
static void	items_named(struct buf *, const struct tr_results *,
		    const size_t *, size_t, const double *);

/* Free texts listed in the report; the workbook has them all. */
#define REPORT_TEXTS	20

/* ---- tables sized to their content -------------------------------- */

struct grid {
	size_t		  ncols, nrows;
	char		**cells;	/* nrows * ncols */
	enum docx_align	 *align;	/* per column */
	unsigned	 *cap;		/* widest a column may ask for */
	/*
	 * Per column: its text broken where it reads best at the width
	 * it gets (textfit_wrap()), between phrases, not filled to the
	 * line's end: the 設問 beside a wide 回答の内訳 read 「本研修の内容を
	 * 理解でき／ましたか。」 (rev21b T2).
	 */
	int		 *phrase;
	int		  failed;
};

static int
grid_new(struct grid *g, size_t ncols)
{
	size_t	i;

	memset(g, 0, sizeof *g);
	g->ncols = ncols;
	if ((g->align = calloc(ncols, sizeof *g->align)) == NULL ||
	    (g->cap = calloc(ncols, sizeof *g->cap)) == NULL ||
	    (g->phrase = calloc(ncols, sizeof *g->phrase)) == NULL) {
		free(g->align);
		free(g->cap);
		g->align = NULL;
		g->cap = NULL;
		return error_set(NC_ENOMEM, "out of memory");
	}
	for (i = 0; i < ncols; i++)
		g->align[i] = DOCX_LEFT;
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
	free(g->phrase);
	memset(g, 0, sizeof *g);
}

/* A row from an array of ncols cells (NULL: empty). */
static void
grid_rowv(struct grid *g, const char *const *v)
{
	char	**nv;
	size_t	  i;

	if (g->failed)
		return;
	if ((nv = realloc(g->cells, (g->nrows + 1) * g->ncols *
	    sizeof *nv)) == NULL) {
		g->failed = 1;
		return;
	}
	g->cells = nv;
	for (i = 0; i < g->ncols; i++)
		if ((nv[g->nrows * g->ncols + i] = strdup(v[i] != NULL ?
		    v[i] : "")) == NULL)
			g->failed = 1;
	g->nrows++;
}

/* A row of ncols cells given as arguments (NULL: empty). */
static void
grid_row(struct grid *g, ...)
{
	va_list		  ap;
	const char	**v;
	size_t		  i;

	if (g->failed)
		return;
	if ((v = calloc(g->ncols, sizeof *v)) == NULL) {
		g->failed = 1;
		return;
	}
	va_start(ap, g);
	for (i = 0; i < g->ncols; i++)
		v[i] = va_arg(ap, const char *);
	va_end(ap);
	grid_rowv(g, v);
	free(v);
}

/* The width of the widest line of a cell's text. */
static unsigned
measure_lines(const char *s)
{
	const char	*nl;
	char		*line;
	unsigned	 w, best = 0;

	for (;;) {
		nl = strchr(s, '\n');
		if (nl == NULL)
			w = docx_measure(s);
		else {
			if ((line = strndup(s, (size_t)(nl - s))) == NULL)
				return docx_measure(s);
			w = docx_measure(line);
			free(line);
		}
		if (w > best)
			best = w;
		if (nl == NULL)
			return best;
		s = nl + 1;
	}
}

/* A cell's padding, hundredths of a character (Word's 0.19 cm each side). */
#define CELL_PAD	200
/*
 * The padding the table's layout gives a cell, hundredths of a character
 * (its 108-twip margins each side at 10.5pt): what the columns beside a
 * phrase column take of the line (grid_add()).
 */
#define LAYOUT_PAD	105

/*
 * s broken where it reads best at room (textfit_wrap()), or on a line or
 * two more where that breaks fewer words than the fewest lines do
 * (取扱区域や書類の保／管など, 見直すきっ／かけ): a question reads by its
 * phrases.
 */
static char *
phrase_wrap(const char *s, unsigned room)
{
	char		*w, *w2;
	unsigned	 c, c2, n, k;

	if ((w = textfit_wrap(s, room)) == NULL ||
	    (c = textfit_break_cost(s, w, room)) == 0)
		return w;
	n = textfit_count_lines(w);
	for (k = 1; k <= 2 && c > 0; k++) {
		c2 = 0;
		w2 = textfit_wrap_within(s, room, room, n + k, 1, &c2);
		if (w2 != NULL && c2 < c) {
			free(w);
			w = w2;
			c = c2;
		} else
			free(w2);
	}
	return w;
}

/*
 * Add the grid as a table, the first row its header.  Columns without a
 * cap get the width of their widest cell, so numbers, dates and headings
 * never wrap; the columns with a cap (long text) share what is left of
 * the text width, each in proportion to its content.
 */
static int
grid_add(struct docx *dx, struct grid *g)
{
	struct docx_table	*t = NULL;
	struct docx_para_style	 ps;
	unsigned		*w, *room = NULL, m, tw = docx_text_width(dx);
	unsigned long		 fixed = 0, flex = 0, left;
	size_t			 r, c;
	int			 rc;

	if (g->failed)
		return error_set(NC_ENOMEM, "out of memory");
	if ((w = calloc(g->ncols, sizeof *w)) == NULL)
		return error_set(NC_ENOMEM, "out of memory");
	for (c = 0; c < g->ncols; c++) {
		w[c] = 200 + CELL_PAD;
		for (r = 0; r < g->nrows; r++) {
			m = measure_lines(g->cells[r * g->ncols + c]) + CELL_PAD;
			if (m > w[c])
				w[c] = m;
		}
		if (g->cap[c] != 0)
			flex += w[c];
		else
			fixed += w[c];
	}
	/*
	 * A phrase column's room: what the others' content leaves of the
	 * text width, as the table's layout gives it (it sizes columns by
	 * their content; the widths below only weigh what is left)
	 */
	if ((room = calloc(g->ncols, sizeof *room)) == NULL) {
		free(w);
		return error_set(NC_ENOMEM, "out of memory");
	}
	for (c = 0; c < g->ncols; c++) {
		unsigned long	others = 0;
		size_t		k;

		if (!g->phrase[c])
			continue;
		for (k = 0; k < g->ncols; k++)
			for (r = 0, m = 0; k != c && r < g->nrows; r++)
				if ((m = measure_lines(g->cells[r * g->ncols +
				    k])) > room[k])
					room[k] = m;
		for (k = 0; k < g->ncols; k++)
			if (k != c)
				others += room[k] + LAYOUT_PAD;
		others += LAYOUT_PAD + 50;
		room[c] = tw > others + 800 ? (unsigned)(tw - others) : 800;
	}
	if (flex > 0) {
		/*
		 * The narrowest text column first gets what it needs, as long
		 * as each column still to go keeps eight characters, so short
		 * lines stay whole and long text takes the rest.
		 */
		size_t	nflex = 0, k;
		int	*done;

		for (c = 0; c < g->ncols; c++)
			nflex += g->cap[c] != 0;
		left = tw > fixed + 400 * nflex ? tw - fixed : 400 * nflex;
		if ((done = calloc(g->ncols, sizeof *done)) == NULL) {
			free(w);
			free(room);
			return error_set(NC_ENOMEM, "out of memory");
		}
		for (k = nflex; k > 0; k--) {
			size_t	 best = g->ncols;

			for (c = 0; c < g->ncols; c++)
				if (g->cap[c] != 0 && !done[c] && (best ==
				    g->ncols || w[c] < w[best]))
					best = c;
			/* leave eight characters for each column still to go */
			if (w[best] + 800 * (k - 1) > left)
				w[best] = left > 800 * (k - 1) + 400 ?
				    (unsigned)(left - 800 * (k - 1)) : 400;
			left -= w[best];
			done[best] = 1;
		}
		free(done);
	}
	for (c = 0; c < g->ncols; c++)
		if (w[c] > 100000)
			w[c] = 100000;
	if ((rc = docx_table_new(&t, g->ncols, w)) != 0)
		goto done;
	/* the phrase column's lines as broken here, each on its line */
	for (c = 0; c < g->ncols; c++)
		if (g->phrase[c] && (rc = docx_table_whole(t, c)) != 0)
			goto done;
	memset(&ps, 0, sizeof ps);
	for (r = 0; r < g->nrows; r++) {
		for (c = 0; c < g->ncols; c++) {
			const char	*text = g->cells[r * g->ncols + c];
			char		*wrapped = NULL;

			if (r > 0 && g->phrase[c] &&
			    textfit_width(text) > room[c] &&
			    (wrapped = phrase_wrap(text, room[c])) == NULL) {
				rc = error_set(NC_ENOMEM, "out of memory");
				goto done;
			}
			ps.align = r == 0 ? DOCX_CENTER : g->align[c];
			rc = docx_table_cell(t, r, c, wrapped != NULL ?
			    wrapped : text, &ps);
			free(wrapped);
			if (rc != 0)
				goto done;
		}
	}
	if ((rc = docx_table_header_rows(t, 1)) != 0)
		goto done;
	rc = docx_add_table(dx, t);
done:
	docx_table_free(t);
	free(w);
	free(room);
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
	int	 r;

	va_start(ap, fmt);
	s = text_vprintf(fmt, ap);
	va_end(ap);
	if (s == NULL)
		return error_set(NC_ENOMEM, "out of memory");
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
	text_pct1(out, size, v, 1, "－");
	return out;
}

/* A count with thousands separators, as the ward writes 3,200名. */
static const char *
comma(char *out, size_t size, long v)
{
	char	raw[32];
	size_t	n, i, o = 0;

	snprintf(raw, sizeof raw, "%ld", v < 0 ? 0 : v);
	n = strlen(raw);
	for (i = 0; i < n && o + 2 < size; i++) {
		if (i > 0 && (n - i) % 3 == 0)
			out[o++] = ',';
		out[o++] = raw[i];
	}
	out[o] = '\0';
	return out;
}

static const char *
num(char *out, size_t size, long v)
{
	if (v < 0)
		snprintf(out, size, "－");
	else
		comma(out, size, v);
	return out;
}

/* A chart of the results as a native Word chart, when there is one. */
static int
draw(struct docx *dx, int (*build)(struct chart **,
    const struct tr_results *), const struct tr_results *r)
{
	struct chart	*m = NULL;
	int		 rc;

	if ((rc = build(&m, r)) != 0 || m == NULL)
		return rc;
	rc = docx_chart(dx, m, 0, 0);
	chart_free(m);
	return rc;
}

/* ---- the report --------------------------------------------------- */

struct rctx {
	const struct tr_results	*r;
	const struct training	*t;
	struct store		*st;
	const char		*aud;
	/* last year's same training and its figures; NULL: none */
	const struct training	*prev_t;
	const struct tr_figures	*prev;
	struct tr_figures	 now, prev_f;
};

/*
 * The record's summary but the sentences claiming a change from last
 * year that the figures do not bear out (a generated 「前年度より平均
 * 正答率が上がった。」 beside a fall from 78.0% to 76.0%): 考察 states
 * the comparison from the figures instead, and lint names the sentence.
 */
/*
 * Whether the sentence s (n bytes) says many answered what the survey's
 * weakest question asks: 「内容が業務に役立つとの回答が多かった。」 after
 * 「…最も少なかったのは設問3「本研修の内容は、日ごろの業務に役立つと
 * 思いますか」（88.8%）」 pulls against it (review 19, rev19a T22).  The
 * words read are those after the sentence's last が before 「との回答が
 * 多」 (業務に役立つ), found in the question's text.
 */
static int
praises_weakest(const struct tr_results *r, const char *s, size_t n)
{
	static const char	 tail[] = "との回答が多";
	const char		*end = NULL, *from, *q;
	char			 words[256];
	double			*v;
	size_t			*idx, i, k, w;
	int			 hit = 0;

	for (i = 0; i + sizeof tail - 1 <= n; i++)
		if (memcmp(s + i, tail, sizeof tail - 1) == 0) {
			end = s + i;
			break;
		}
	if (end == NULL || r->nsurvey == 0)
		return 0;
	for (from = s, q = s; q + 3 <= end; q++)
		if (memcmp(q, "が", 3) == 0)
			from = q + 3;
	w = (size_t)(end - from);
	if (w < 6 || w >= sizeof words)
		return 0;
	memcpy(words, from, w);
	words[w] = '\0';
	v = calloc(r->nsurvey, sizeof *v);
	idx = calloc(r->nsurvey, sizeof *idx);
	if (v == NULL || idx == NULL) {
		free(v);
		free(idx);
		return 0;
	}
	for (i = 0; i < r->nsurvey; i++)
		v[i] = r->survey[i].q->type == TR_Q_SCALE ?
		    100 * r->survey[i].top2 : NAN;
	k = tr_extremes(v, r->nsurvey, 0, idx);
	for (i = 0; i < k && !hit; i++)
		hit = r->survey[idx[i]].q->text != NULL &&
		    strstr(r->survey[idx[i]].q->text, words) != NULL;
	free(v);
	free(idx);
	return hit;
}

static int
summary_lines(struct docx *dx, const struct rctx *c, const char *text)
{
	struct buf	 b = BUF_INIT;
	const char	*p;
	size_t		 n;
	int		 fig, rc;

	for (p = text; p != NULL && *p != '\0'; p += n) {
		n = tr_sentence(p);
		if (tr_claim_holds(p, n, &c->now, c->prev, &fig) &&
		    !praises_weakest(c->r, p, n))
			buf_add(&b, p, n);
	}
	if ((rc = buf_ok(&b)) == 0 && b.len > 0)
		rc = body_lines(dx, b.data);
	buf_free(&b);
	return rc;
}

/* Whether summary_lines() prints any of text: no heading over nothing. */
static int
summary_any(const struct rctx *c, const char *text)
{
	const char	*p, *q;
	size_t		 n;
	int		 fig;

	for (p = text; p != NULL && *p != '\0'; p += n) {
		n = tr_sentence(p);
		for (q = p; q < p + n && (*q == ' ' || *q == '\n'); q++)
			;
		if (q < p + n && tr_claim_holds(p, n, &c->now, c->prev, &fig) &&
		    !praises_weakest(c->r, p, n))
			return 1;
	}
	return 0;
}

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

/* A paragraph that introduces a table: body text kept with the table. */
static int
lead(struct docx *dx, int level, const char *text)
{
	struct docx_para_style	ps;

	memset(&ps, 0, sizeof ps);
	ps.indent_left = level * 100;
	ps.indent_first = 100;
	ps.keep_next = 1;
	return docx_add_para(dx, text, &ps);
}

/* Divisions listed one by one up to this many; beyond, by 部. */
#define ORG_ROWS	15

/* Attendance by 課 (or by 部 when there are many). */
static int
participation(struct docx *dx, const struct tr_results *r)
{
	const struct tr_org_stat *v = r->norgs <= ORG_ROWS ? r->orgs : r->depts;
	struct grid		 g;
	char			 x[32], y[32], z[32];
	size_t			 n = r->norgs <= ORG_ROWS ? r->norgs : r->ndepts;
	size_t			 i, targets = 0;
	long			 known = 0, tsum = 0;
	int			 by_div = r->norgs <= ORG_ROWS, rc;

	for (i = 0; i < n; i++) {
		targets += v[i].target > 0;
		known += v[i].attended > 0 ? v[i].attended : 0;
		tsum += v[i].target > 0 ? v[i].target : 0;
	}
	/*
	 * the attendees of no known 所属 in a row of their own and a 計
	 * row, so that the table adds up to the 受講者 of the line above
	 * (rev21b T5: 36 of 57, 21 unknown and not said)
	 */
	if ((rc = lead(dx, 2, by_div ? "所属別の受講者数は次のとおり。" :
	    "部別の受講者数は次のとおり。")) != 0 ||
	    (rc = grid_new(&g, (by_div ? 2 : 1) + (targets > 0 ? 3 : 1))) != 0)
		return rc;
	for (i = 0; i < g.ncols; i++)
		g.align[i] = i < (size_t)(by_div ? 2 : 1) ? DOCX_LEFT : DOCX_RIGHT;
	if (by_div && targets > 0)
		grid_row(&g, "部", "所属", "対象者数", "受講者数", "受講率");
	else if (by_div)
		grid_row(&g, "部", "所属", "受講者数");
	else if (targets > 0)
		grid_row(&g, "部", "対象者数", "受講者数", "受講率");
	else
		grid_row(&g, "部", "受講者数");
	for (i = 0; i < n; i++) {
		const char *dept = by_div ? (v[i].dept != NULL ? v[i].dept :
		    v[i].name) : v[i].name;
		const char *div = v[i].dept != NULL ? v[i].name : "";

		num(x, sizeof x, v[i].target);
		num(y, sizeof y, v[i].attended);
		p1(z, sizeof z, v[i].target > 0 ? 100.0 * v[i].attended /
		    v[i].target : NAN);
		if (by_div && targets > 0)
			grid_row(&g, dept, div, x, y, z);
		else if (by_div)
			grid_row(&g, dept, div, y);
		else if (targets > 0)
			grid_row(&g, dept, x, y, z);
		else
			grid_row(&g, dept, y);
	}
	if (r->attended > known) {
		num(y, sizeof y, r->attended - known);
		if (by_div && targets > 0)
			grid_row(&g, "所属不明", "", "－", y, "－");
		else if (by_div)
			grid_row(&g, "所属不明", "", y);
		else if (targets > 0)
			grid_row(&g, "所属不明", "－", y, "－");
		else
			grid_row(&g, "所属不明", y);
	}
	/* the 計 of the rows: 対象者 of the 所属 given, 受講者 of all */
	num(x, sizeof x, tsum);
	num(y, sizeof y, r->attended > known ? r->attended : known);
	p1(z, sizeof z, tsum > 0 && r->attended <= known ? 100.0 * known /
	    tsum : NAN);
	if (by_div && targets > 0)
		grid_row(&g, "計", "", x, y, z);
	else if (by_div)
		grid_row(&g, "計", "", y);
	else if (targets > 0)
		grid_row(&g, "計", x, y, z);
	else
		grid_row(&g, "計", y);
	rc = grid_add(dx, &g);
	grid_free(&g);
	return rc;
}

static int
sec_outline(struct docx *dx, struct rctx *c)
{
	const struct training	*t = c->t;
	const struct tr_results	*r = c->r;
	struct buf		 b = BUF_INIT;
	const char		*method;
	char			 x[64], cnt1[32], cnt2[32];
	size_t			 i;
	int			 rc;

	if ((rc = docx_add_outline_heading(dx, 1, "実施概要")) != 0 ||
	    (rc = docx_add_outline_heading(dx, 2, "対象者")) != 0)
		return rc;
	if (r->target > 0)
		rc = body(dx, "%s（対象者数 %s名）", c->aud, comma(x, sizeof x,
		    r->target));
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
	/*
	 * An online training's "place" is its medium, often written with
	 * the method already (オンライン（Teams）): said once, and not as a
	 * 会場, which a room is
	 */
	method = tr_label(c->st, "method", t->method != NULL ? t->method :
	    "classroom");
	if (t->place != NULL && strncmp(t->place, method,
	    strlen(method)) == 0)
		buf_puts(&b, t->place);
	else if (t->place != NULL && t->method != NULL &&
	    (strcmp(t->method, "online") == 0 ||
	    strcmp(t->method, "e-learning") == 0))
		buf_printf(&b, "%s（%s）", method, t->place);
	else if (t->place != NULL)
		buf_printf(&b, "%s（会場：%s）", method, t->place);
	else
		buf_puts(&b, method);
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
		rc = body(dx, "受講者は%s名で、対象者%s名に対する受講率は%sで"
		    "あった。", comma(cnt1, sizeof cnt1, r->attended),
		    comma(cnt2, sizeof cnt2, r->target),
		    p1(x, sizeof x, r->attend_rate));
	else if (r->attended >= 0)
		rc = body(dx, "受講者は%s名であった。", comma(cnt1, sizeof cnt1,
		    r->attended));
	else
		rc = body(dx, "受講者数は把握していない。");
	if (rc != 0 || r->ndepts == 0)
		goto done;
	rc = participation(dx, r);
done:
	buf_free(&b);
	return rc;
}

/*
 * The bytes of the question's text without its closing 。, for quoting
 * in 「」 with "%.*s": measured, not copied (a question of more than 170
 * characters was cut at q[512], mid-character: no 研修実施報告書).
 */
static int
quoted(const char *text)
{
	size_t	len = text != NULL ? strlen(text) : 0;

	if (len >= 3 && strcmp(text + len - 3, "。") == 0)
		len -= 3;
	return (int)len;
}

/*
 * The answers of a question, one choice a line: 満足 75名（35.2%）; and
 * those of the respondents who left it blank, so that the counts add
 * up to the 回答者 of 3(1) (rev21b T4: 2,049 of 2,086, 37 blank and
 * nothing said), the shares being of the answers.
 */
static int
breakdown(struct buf *b, const struct tr_survey_stat *s, size_t respondents)
{
	size_t	c;
	char	n[32], r[32];

	for (c = 0; c < s->q->nchoices; c++)
		buf_printf(b, "%s%s %s名（%s）", c > 0 ? "\n" : "",
		    s->q->choices[c], comma(n, sizeof n, (long)s->picks[c]),
		    p1(r, sizeof r, s->n > 0 ?
		    100.0 * (double)s->picks[c] / (double)s->n : 0.0));
	/* no wider than the 複数回答 note: the 設問 column keeps its room */
	if (respondents > s->n && s->q->type == TR_Q_MULTIPLE)
		buf_printf(b, "\n無回答 %s名\n（複数回答。割合は無回答を除く値）",
		    comma(n, sizeof n, (long)(respondents - s->n)));
	else if (respondents > s->n)
		buf_printf(b, "\n無回答 %s名\n（割合は無回答を除く値）",
		    comma(n, sizeof n, (long)(respondents - s->n)));
	else if (s->q->type == TR_Q_MULTIPLE)
		buf_puts(b, "\n（複数回答。割合は回答者に対する値）");
	return buf_ok(b);
}

static int
cmp_text(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Free texts with the same wording counted once, most frequent first. */
struct said {
	const char	*text;
	size_t		 n, first;
};

static int
cmp_said(const void *a, const void *b)
{
	const struct said *x = a, *y = b;

	if (x->n != y->n)
		return x->n > y->n ? -1 : 1;
	return (x->first > y->first) - (x->first < y->first);
}

static int
texts_table(struct docx *dx, const struct tr_survey_stat *s)
{
	const char	**v;
	struct said	 *u;
	struct grid	  g;
	char		  x[32], y[32];
	size_t		  i, k, n = 0;
	int		  rc;

	if ((v = calloc(s->ntexts + 1, sizeof *v)) == NULL ||
	    (u = calloc(s->ntexts + 1, sizeof *u)) == NULL) {
		free(v);
		return error_set(NC_ENOMEM, "out of memory");
	}
	memcpy(v, s->texts, s->ntexts * sizeof *v);
	qsort(v, s->ntexts, sizeof *v, cmp_text);
	for (i = 0; i < s->ntexts; i++) {
		if (n > 0 && strcmp(u[n - 1].text, v[i]) == 0) {
			u[n - 1].n++;
			continue;
		}
		u[n].text = v[i];
		u[n].n = 1;
		for (k = 0; k < s->ntexts; k++)
			if (strcmp(s->texts[k], v[i]) == 0)
				break;
		u[n++].first = k;
	}
	qsort(u, n, sizeof *u, cmp_said);
	if ((rc = grid_new(&g, 3)) != 0)
		goto done;
	g.align[0] = DOCX_CENTER;
	g.align[2] = DOCX_RIGHT;
	g.cap[1] = 1;
	grid_row(&g, "No.", "回答（原文のまま）", "件数");
	for (i = 0; i < n && i < REPORT_TEXTS; i++) {
		snprintf(x, sizeof x, "%zu", i + 1);
		snprintf(y, sizeof y, "%zu", u[i].n);
		grid_row(&g, x, u[i].text, y);
	}
	rc = grid_add(dx, &g);
	grid_free(&g);
	if (rc == 0 && n > REPORT_TEXTS)
		rc = body(dx, "ほか%zu種類（全件は研修結果の集計表に掲載）。",
		    n - REPORT_TEXTS);
done:
	free(v);
	free(u);
	return rc;
}

static int
sec_survey(struct docx *dx, struct rctx *c)
{
	const struct training	*t = c->t;
	const struct tr_results	*r = c->r;
	struct grid		 g;
	struct buf		 b = BUF_INIT;
	char			 x[64], y[64], z[64], rr[16];
	size_t			 i, ntext = 0;
	int			 rc;

	if ((rc = docx_add_outline_heading(dx, 1, "アンケート結果")) != 0)
		return rc;
	if (!r->survey_rows && r->respondents == 0 &&
	    isnan(r->satisfaction))
		return body(dx, "アンケートは実施していない。");
	if ((rc = docx_add_outline_heading(dx, 2, "回答状況")) != 0)
		return rc;
	if (isnan(r->response_rate))
		x[0] = '\0';
	else
		snprintf(x, sizeof x, "（受講者に対する回答率 %s）",
		    p1(rr, sizeof rr, r->response_rate));
	if (t->survey_org != NULL)
		rc = body(dx, "アンケートは%sが実施した（仕様書4(2)イ(イ)）。"
		    "回答者は%s名%sであった。", tr_org_name(c->st,
		    t->survey_org), comma(y, sizeof y, (long)r->respondents), x);
	else
		rc = body(dx, "回答者は%s名%sであった。", comma(y, sizeof y,
		    (long)r->respondents), x);
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
		if (summary_any(c, t->summary[TR_SURVEY]) &&
		    ((rc = docx_add_outline_heading(dx, 2, "集計・分析の概要")) !=
		    0 || (rc = summary_lines(dx, c, t->summary[TR_SURVEY])) !=
		    0))
			return rc;
		return 0;
	}
	if ((rc = docx_add_outline_heading(dx, 2, "設問別の結果")) != 0 ||
	    (rc = lead(dx, 2, "設問ごとの回答の内訳は次のとおり（肯定的回答は"
	    "5段階評価の上位2段階の割合）。")) != 0 ||
	    (rc = grid_new(&g, 4)) != 0)
		return rc;
	g.cap[1] = g.cap[2] = 1;
	g.phrase[1] = 1;
	g.align[0] = DOCX_CENTER;
	g.align[3] = DOCX_RIGHT;
	grid_row(&g, "No.", "設問", "回答の内訳", "肯定的回答");
	for (i = 0; i < r->nsurvey; i++) {
		const struct tr_survey_stat *s = &r->survey[i];

		if (s->q->type == TR_Q_TEXT) {
			ntext++;
			continue;
		}
		buf_reset(&b);
		if ((rc = breakdown(&b, s, r->respondents)) != 0)
			break;
		snprintf(x, sizeof x, "%zu", i + 1);
		grid_row(&g, x, s->q->text, b.data, s->q->type == TR_Q_SCALE ?
		    p1(y, sizeof y, 100 * s->top2) : "－");
	}
	buf_free(&b);
	if (rc == 0)
		rc = grid_add(dx, &g);
	grid_free(&g);
	if (rc == 0)
		rc = draw(dx, tr_chart_survey, r);
	if (rc != 0 || ntext == 0)
		return rc;
	if ((rc = docx_add_outline_heading(dx, 2, "自由記述")) != 0)
		return rc;
	for (i = 0; i < r->nsurvey; i++) {
		const struct tr_survey_stat *s = &r->survey[i];

		if (s->q->type != TR_Q_TEXT)
			continue;
		snprintf(z, sizeof z, "%zu", s->ntexts);
		snprintf(x, sizeof x, "設問%zu", i + 1);
		{
			struct buf l = BUF_INIT;

			buf_printf(&l, "%s「%.*s」（回答%s件）", x,
			    quoted(s->q->text), s->q->text != NULL ?
			    s->q->text : "", z);
			if ((rc = buf_ok(&l)) == 0)
				rc = s->ntexts > 0 ? lead(dx, 2, l.data) :
				    body(dx, "%s", l.data);
			buf_free(&l);
		}
		if (rc != 0)
			return rc;
		if (s->ntexts > 0 && (rc = texts_table(dx, s)) != 0)
			return rc;
	}
	return 0;
}

/* The verdicts of an item, one a line. */
static const char *
flag_words(char *out, size_t size, int f)
{
	snprintf(out, size, "%s%s%s%s%s", f & TR_FLAG_EASY ? "易しすぎ" : "",
	    (f & TR_FLAG_EASY) && (f & ~TR_FLAG_EASY) ? "\n" : "",
	    f & TR_FLAG_HARD ? "難しすぎ" : "",
	    (f & TR_FLAG_HARD) && (f & TR_FLAG_NODISC) ? "\n" : "",
	    f & TR_FLAG_NODISC ? "識別力が低い" : "");
	return out;
}

static int
sec_test(struct docx *dx, struct rctx *c)
{
	const struct training	*t = c->t;
	const struct tr_results	*r = c->r;
	struct grid		 g;
	char			 mean[32], med[32], hi[32], lo[32], pm[32];
	char			 pr[32], x[64], y[64], z[64];
	size_t			 i;
	int			 rc;

	if ((rc = docx_add_outline_heading(dx, 1, "テスト結果")) != 0)
		return rc;
	if (!r->test_rows && isnan(r->mean))
		return body(dx, "テストは実施していない。");
	if ((rc = docx_add_outline_heading(dx, 2, "受験状況と得点")) != 0)
		return rc;
	if (!r->test_rows) {
		rc = body(dx, "受験者は%s名、平均正答率は%sであった。",
		    comma(y, sizeof y, (long)r->examinees), p1(x, sizeof x,
		    r->mean));
		if (rc == 0 && t->summary[TR_TEST] != NULL)
			rc = summary_lines(dx, c, t->summary[TR_TEST]);
		return rc;
	}
	if ((rc = body(dx, "受験者は%s名（%zu問）で、平均正答率は%s（中央値 %s、"
	    "最高 %s、最低 %s）であった。合格基準（正答率%s以上）に達した者は"
	    "%s名で、合格率は%sであった。", comma(y, sizeof y,
	    (long)r->examinees), r->nq,
	    p1(mean, sizeof mean, r->mean), p1(med, sizeof med, r->median),
	    p1(hi, sizeof hi, r->max), p1(lo, sizeof lo, r->min),
	    p1(pm, sizeof pm, r->pass_mark), comma(z, sizeof z,
	    (long)r->passed), p1(pr, sizeof pr, r->pass_rate))) != 0)
		return rc;
	if ((rc = docx_add_outline_heading(dx, 2, "得点分布")) != 0 ||
	    (rc = grid_new(&g, 3)) != 0)
		return rc;
	g.align[0] = g.align[1] = g.align[2] = DOCX_RIGHT;
	grid_row(&g, "正答数", "人数", "割合");
	for (i = r->nq + 1; i-- > 0;) {
		snprintf(x, sizeof x, "%zu問", i);
		comma(y, sizeof y, (long)r->hist[i]);
		grid_row(&g, x, y, p1(z, sizeof z, r->examinees > 0 ?
		    100.0 * (double)r->hist[i] / (double)r->examinees : NAN));
	}
	rc = grid_add(dx, &g);
	grid_free(&g);
	if (rc == 0)
		rc = draw(dx, tr_chart_scores, r);
	if (rc != 0 || r->nitems == 0)
		return rc;
	if ((rc = docx_add_outline_heading(dx, 2, "問題別の正答率")) != 0 ||
	    (rc = lead(dx, 2, "識別力は、他の問題の得点で上位27%の受験者の正答率"
	    "から下位27%の正答率を引いた値（-1～1）で、値が大きいほど理解度の"
	    "差をよく表す。正答率が90%を超える問題は易しすぎ、30%未満は難しすぎ、"
	    "識別力が0.2未満の問題は理解度を区別できていないものとして判定欄に"
	    "示す。")) != 0 || (rc = grid_new(&g, 5)) != 0)
		return rc;
	g.cap[1] = 1;
	g.align[0] = DOCX_CENTER;
	g.align[2] = g.align[3] = DOCX_RIGHT;
	grid_row(&g, "問", "問題（主題）", "正答率", "識別力", "判定");
	for (i = 0; i < r->nitems; i++) {
		const struct tr_item_stat *it = &r->items[i];
		struct buf q = BUF_INIT;

		buf_printf(&q, "%s", it->q->text);
		if (it->q->topic != NULL)
			buf_printf(&q, "（%s）", it->q->topic);
		snprintf(x, sizeof x, "%zu", i + 1);
		if (isnan(it->d))
			snprintf(y, sizeof y, "－");
		else
			snprintf(y, sizeof y, "%.2f", it->d);
		grid_row(&g, x, buf_ok(&q) == 0 ? q.data : "",
		    p1(mean, sizeof mean, 100 * it->p), y,
		    flag_words(z, sizeof z, it->flags));
		buf_free(&q);
	}
	rc = grid_add(dx, &g);
	grid_free(&g);
	if (rc == 0)
		rc = draw(dx, tr_chart_items, r);
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

/*
 * The figures against last year's same training, each as the checklist
 * reports say a rate: 「満足度は94.0%であり、前年度（86.6%）から7.4
 * ポイント上昇した。」.  Only figures both years have; *said gets a bit
 * (1 << TR_FIG_...) for each figure stated.
 */
static int
compare_last(struct docx *dx, const struct rctx *c, unsigned *said)
{
	struct buf	 b = BUF_INIT;
	char		 x[32], y[32];
	double		 d;
	int		 k, n = 0, rc;

	*said = 0;
	if (c->prev == NULL)
		return 0;
	buf_printf(&b, "前年度の同じ研修（%s）と比べると、", c->prev_t->title);
	for (k = 0; k < TR_NFIG; k++) {
		if (isnan(c->now.v[k]) || isnan(c->prev->v[k]))
			continue;
		p1(x, sizeof x, c->now.v[k]);
		p1(y, sizeof y, c->prev->v[k]);
		d = tr_points(c->now.v[k], c->prev->v[k]);
		if (d == 0)
			buf_printf(&b, "%sは%sであり、前年度（%s）と同じであ"
			    "った。", tr_fig_name[k], x, y);
		else
			buf_printf(&b, "%sは%sであり、前年度（%s）から%.1f"
			    "ポイント%sした。", tr_fig_name[k], x, y, fabs(d),
			    d > 0 ? "上昇" : "低下");
		n++;
		*said |= 1u << k;
	}
	rc = buf_ok(&b);
	if (rc == 0 && n > 0)
		rc = body(dx, "%s", b.data);
	buf_free(&b);
	return rc;
}

static int
sec_discussion(struct docx *dx, struct rctx *c)
{
	const struct training	*t = c->t;
	const struct tr_results	*r = c->r;
	struct buf		 b = BUF_INIT;
	char			 x[64], y[64];
	size_t			 i;
	unsigned		 said;
	int			 rc;

	if ((rc = docx_add_outline_heading(dx, 1, "考察")) != 0 ||
	    (rc = compare_last(dx, c, &said)) != 0)
		return rc;
	if (t->discussion != NULL)
		return body_lines(dx, t->discussion);
	/*
	 * A figure the comparison with last year stated is not stated
	 * again (満足度は87.2%であり、前年度… then 満足度は87.2%で、…)
	 */
	if (!isnan(r->satisfaction) && (said & 1u << TR_FIG_SAT) &&
	    (rc = body(dx, "この満足度からみて、%s。",
	    tr_sat_verdict(r->satisfaction, c->prev->v[TR_FIG_SAT]))) != 0)
		return rc;
	if (!isnan(r->satisfaction) && !(said & 1u << TR_FIG_SAT) &&
	    (rc = body(dx, "満足度は%sで、%s。",
	    p1(x, sizeof x, r->satisfaction),
	    tr_sat_verdict(r->satisfaction, NAN))) != 0)
		return rc;
	/*
	 * An attendance fallen as far as a 満足度 the verdict calls a fall
	 * is not passed over either: 13.3 points down, then only 「この満足
	 * 度からみて…受け入れられた」 (rev18a).
	 */
	if ((said & 1u << TR_FIG_ATTEND) && tr_points(c->now.v[TR_FIG_ATTEND],
	    c->prev->v[TR_FIG_ATTEND]) <= -TR_SAT_FALL &&
	    (rc = body(dx, "受講率が前年度から低下しており、未受講者の多い所属"
	    "への受講の働きかけと、実施時期・方法の見直しを検討する。")) != 0)
		return rc;
	if ((rc = weakest(&b, r)) == 0 && b.len > 0)
		rc = body(dx, "アンケートで肯定的回答が最も少なかったのは%sであ"
		    "った。", b.data);
	buf_free(&b);
	if (rc != 0)
		return rc;
	if (r->test_rows && !(said & 1u << TR_FIG_MEAN) &&
	    !(said & 1u << TR_FIG_PASS) && (rc = body(dx, "テストの平均正答率は"
	    "%s、合格率は%sであった。", p1(x, sizeof x, r->mean),
	    p1(y, sizeof y, r->pass_rate))) != 0)
		return rc;
	if (r->test_rows && (said & 1u << TR_FIG_MEAN) &&
	    !(said & 1u << TR_FIG_PASS) && (rc = body(dx, "テストの合格率は%s"
	    "であった。", p1(y, sizeof y, r->pass_rate))) != 0)
		return rc;
	if ((rc = items_extreme(dx, r)) != 0)
		return rc;
	for (i = 0; i < 2; i++)
		if (t->summary[i] != NULL && (r->survey_rows || i == 1) &&
		    (i == 0 || r->test_rows) &&
		    (rc = summary_lines(dx, c, t->summary[i])) != 0)
			return rc;
	return 0;
}

/*
 * The test items of the lowest and of the highest correct rate, every
 * one of a tie (問3「…」と問5「…」（いずれも40.0%）); the highest not
 * when all items tie.
 */
static int
items_extreme(struct docx *dx, const struct tr_results *r)
{
	struct buf	 lo = BUF_INIT, hi = BUF_INIT;
	double		*v;
	size_t		*idx, i, nlo, nhi;
	int		 rc;

	if (r->nitems == 0)
		return 0;
	v = calloc(r->nitems, sizeof *v);
	idx = calloc(r->nitems, sizeof *idx);
	if (v == NULL || idx == NULL) {
		free(v);
		free(idx);
		return error_set(NC_ENOMEM, "out of memory");
	}
	for (i = 0; i < r->nitems; i++)
		v[i] = 100 * r->items[i].p;
	nlo = tr_extremes(v, r->nitems, 0, idx);
	items_named(&lo, r, idx, nlo, v);
	nhi = tr_extremes(v, r->nitems, 1, idx);
	items_named(&hi, r, idx, nhi, v);
	if ((rc = buf_ok(&lo)) == 0)
		rc = buf_ok(&hi);
	if (rc == 0 && nlo > 0)
		rc = body(dx, "正答率が最も低かったのは%sで、%sの理解が十分でない"
		    "受講者が多い。", lo.data, nlo > 1 ? "これらの内容" :
		    "この内容");
	/* where every item ties, the lowest are the highest: said once */
	if (rc == 0 && nhi > 0 && strcmp(lo.data, hi.data) != 0)
		rc = body(dx, "正答率が最も高かったのは%sであった。", hi.data);
	buf_free(&lo);
	buf_free(&hi);
	free(v);
	free(idx);
	return rc;
}

/* 問3「topic」と問5「topic」（いずれも40.0%）, or 問3「topic」（40.0%）. */
static void
items_named(struct buf *b, const struct tr_results *r, const size_t *idx,
    size_t n, const double *v)
{
	char	x[32];
	size_t	k;

	for (k = 0; k < n; k++) {
		const char *tp = r->items[idx[k]].q->topic;

		buf_printf(b, "%s問%zu", k > 0 ? "と" : "", idx[k] + 1);
		if (tp != NULL)
			buf_printf(b, "「%s」", tp);
	}
	if (n > 0)
		buf_printf(b, "（%s%s）", n > 1 ? "いずれも" : "",
		    p1(x, sizeof x, v[idx[0]]));
}

static int
cmp_size(const void *a, const void *b)
{
	size_t	x = *(const size_t *)a, y = *(const size_t *)b;

	return x < y ? -1 : x > y;
}

/*
 * The numbers of a part's repeated questions, consecutive ones as a
 * range: 「アンケートの設問1～10」, 「テストの問2、問5、問7～9」, and 「すべて
 * の設問（1～10）」 where that is every one (twenty numbers one by one
 * filled three lines: rev18a).  nums ascending, n of total.
 */
static void
reuse_numbers(struct buf *b, int test, const size_t *nums, size_t n,
    size_t total)
{
	const char	*q = test ? "問" : "設問";
	size_t		 i, j;

	if (n == total && n > 2) {
		buf_printf(b, "%sすべての%s（%s1～%zu）", test ? "テストの" :
		    "アンケートの", test ? "問題" : "設問", q, n);
		return;
	}
	buf_puts(b, test ? "テストの" : "アンケートの");
	for (i = 0; i < n; i = j) {
		for (j = i + 1; j < n && nums[j] == nums[j - 1] + 1; j++)
			;
		buf_printf(b, "%s%s%zu", i > 0 ? "、" : "", q, nums[i] + 1);
		if (j - i > 2)
			buf_printf(b, "～%zu", nums[j - 1] + 1);
		else if (j - i == 2)
			buf_printf(b, "、%s%zu", q, nums[i + 1] + 1);
	}
}

/*
 * What the new-content check found: this year's questions that repeated
 * last year's or the general training's, to replace next year.
 */
static int
reuse(struct docx *dx, struct rctx *c)
{
	struct tr_check	*ck = NULL;
	struct buf	 b = BUF_INIT;
	size_t		 i, n[3] = { 0, 0, 0 }, total[3] = { 0, 0, 0 };
	size_t		*nums = NULL;
	int		 rc, p;

	if (c->st == NULL)
		return 0;
	if (tr_check_run(&ck, c->st, c->t, NULL) != 0) {
		error_clear();	/* the report stands without it */
		return 0;
	}
	if (ck->nunits > 0 &&
	    (nums = calloc(ck->nunits, sizeof *nums)) == NULL) {
		tr_check_free(ck);
		return error_set(NC_ENOMEM, "out of memory");
	}
	for (p = 0; p < 3; p++) {
		for (i = 0; i < ck->nunits; i++) {
			const struct tr_unit *u = &ck->units[i];

			if (u->part != p)
				continue;
			total[p]++;
			if (u->match != TR_VERBATIM && u->match != TR_NEAR)
				continue;
			if (p != TR_PART_OUTLINE)
				nums[n[p]] = u->index;
			n[p]++;
		}
		if (p == TR_PART_OUTLINE || n[p] == 0)
			continue;
		qsort(nums, n[p], sizeof *nums, cmp_size);
		if (b.len > 0)
			buf_puts(&b, "と");
		reuse_numbers(&b, p == TR_TEST, nums, n[p], total[p]);
	}
	free(nums);
	rc = buf_ok(&b);
	if (rc == 0 && n[TR_SURVEY] + n[TR_TEST] > 0)
		rc = body(dx, "新規性の確認の結果、%sは%sと同一または類似の内容で"
		    "あった。次年度は新たな%sに置き換える。", b.data,
		    ck->nothers > 0 && ck->why[0] == TR_WHY_LAST_YEAR ?
		    "前年度の研修" : "一般職員向け研修", n[TR_TEST] > 0 ?
		    "問題・設問" : "設問");
	if (rc == 0 && n[TR_PART_OUTLINE] > 0)
		rc = body(dx, "研修内容のうち%zu項目は前年度と同じであり、事例や"
		    "演習を入れ替える。", n[TR_PART_OUTLINE]);
	buf_free(&b);
	tr_check_free(ck);
	return rc;
}

/*
 * The survey's scale question with the fewest positive answers, as
 * sec_discussion() names it, or (size_t)-1 when there is none.
 */
static int
weakest(struct buf *b, const struct tr_results *r)
{
	double	*v;
	size_t	*idx, i, n;
	char	 x[32];

	if (r->nsurvey == 0)
		return 0;
	v = calloc(r->nsurvey, sizeof *v);
	idx = calloc(r->nsurvey, sizeof *idx);
	if (v == NULL || idx == NULL) {
		free(v);
		free(idx);
		return error_set(NC_ENOMEM, "out of memory");
	}
	for (i = 0; i < r->nsurvey; i++)
		v[i] = r->survey[i].q->type == TR_Q_SCALE ?
		    100 * r->survey[i].top2 : NAN;
	n = tr_extremes(v, r->nsurvey, 0, idx);
	for (i = 0; i < n; i++) {
		const char *qt = r->survey[idx[i]].q->text;

		buf_printf(b, "%s設問%zu「%.*s」", i > 0 ? "と" : "",
		    idx[i] + 1, quoted(qt), qt != NULL ? qt : "");
	}
	if (n > 0)
		buf_printf(b, "（%s%s）", n > 1 ? "いずれも" : "",
		    p1(x, sizeof x, v[idx[0]]));
	free(v);
	free(idx);
	return buf_ok(b);
}

/* What the survey says to improve first: its weakest questions. */
static int
weakest_next(struct docx *dx, const struct tr_results *r)
{
	struct buf	b = BUF_INIT;
	int		rc;

	if ((rc = weakest(&b, r)) == 0 && b.len > 0)
		rc = body(dx, "アンケートで肯定的回答が最も少なかった%sに関わる"
		    "内容・方法は、次年度に重点的に見直す。", b.data);
	buf_free(&b);
	return rc;
}

/*
 * Audiences of 3(2)イ's table that are the same people year after year,
 * whose training must bring new content rather than repeat the last
 * (the new hires and new managers change every year: theirs is drafted
 * for the next year instead).
 */
static const char *const same_every_year[] = {
	"security-officer", "system-staff", "regular-staff",
	"fiscal-appointee", "nursery-head", "nursery-staff",
	"nursery-appointee", NULL
};

/*
 * What the specification asks of next year's training, by its kind:
 * 3(2)イ for the security trainings -- new content where the audience
 * stays the same, the role trainings without what the general training
 * covers, next April's new-hire and new-manager material drafted within
 * the year; 3(1)イ for the digital ones (practical content following
 * the technology); none for the My Number training, whose clause
 * (3(1)ウ(イ)) says nothing of the next year.  A テスト only where this
 * one had one.
 */
static int
next_content(struct docx *dx, struct rctx *c)
{
	const struct training	*t = c->t;
	const struct tr_results	*r = c->r;
	const char		*aud = t->audience != NULL ? t->audience : "";
	char			 fy[CAL_FMT_MAX], fy1[CAL_FMT_MAX];
	size_t			 i;
	int			 rc, test = r->test_rows || !isnan(r->mean);

	if (t->kind != NULL && strcmp(t->kind, "digital") == 0)
		return body(dx, "次年度は、今年度の結果に加え、デジタル化の流れや"
		    "技術の進展を背景に、研修後に職員が自主的に取り組める実務的な"
		    "研修内容を提案する（仕様書3(1)イ）。");
	if (t->kind != NULL && strcmp(t->kind, "mynumber") == 0)
		return body(dx, "次年度は、今年度のアンケート%sの結果を踏まえ、"
		    "マイナンバーの利用に係る注意事項をまとめた教材を見直す。",
		    test ? "およびテスト" : "");
	if (strcmp(aud, "new-hire") == 0 || strcmp(aud, "new-manager") == 0) {
		cal_fy_label(fy, sizeof fy, t->fy);
		cal_fy_label(fy1, sizeof fy1, t->fy + 1);
		rc = body(dx, "%sの%s向け研修（4月実施）の教材案は、今年度の"
		    "結果を踏まえ、%s中に作成する（仕様書3(2)イ）。", fy1,
		    tr_label(c->st, "audience", aud), fy);
	} else {
		for (i = 0; same_every_year[i] != NULL; i++)
			if (strcmp(aud, same_every_year[i]) == 0)
				break;
		if (same_every_year[i] != NULL)
			rc = body(dx, "対象者が例年同じ研修であるため、次年度は前例"
			    "踏襲ではなく、今年度の結果を踏まえた新たな内容の教材"
			    "%sを提案する（仕様書3(2)イ）。", test ? "・テスト" :
			    "");
		else
			rc = body(dx, "次年度は、今年度の結果を踏まえ、教材%sを"
			    "見直す。", test ? "・テスト" : "");
	}
	if (rc == 0 && t->ngeneral > 0)
		rc = body(dx, "役割に応じた研修であるため、一般職員向け研修で"
		    "既知の内容は省略し、役割に特化した内容とする（仕様書"
		    "3(2)イ）。");
	return rc;
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
	if ((rc = reuse(dx, c)) != 0 || (rc = weakest_next(dx, r)) != 0)
		goto done;
	rc = next_content(dx, c);
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

/*
 * Last year's same training, for 考察's comparison and to check the
 * summary's claims: last year's trainings read whole (the figures need
 * the answers).  Without one (none, or unreadable) the report is made
 * without the comparison.
 */
static int
last_year(struct tr_list *pool, struct tr_results **lr, struct rctx *c,
    struct store *st)
{
	const struct training	*o;

	if (tr_list_load(pool, st, c->t->fy - 1, TR_LOAD_FULL, NULL) != 0 ||
	    (o = tr_last_year(c->t, pool)) == NULL ||
	    tr_results_compute(lr, o, st, NAN) != 0) {
		if (error_code() == NC_ENOMEM)
			return NC_ENOMEM;
		error_clear();
		return 0;
	}
	tr_figures_of(&c->prev_f, *lr);
	/* a pass rate against another pass mark is not the same figure */
	if (text_round_half((*lr)->pass_mark, 10) !=
	    text_round_half(c->r->pass_mark, 10))
		c->prev_f.v[TR_FIG_PASS] = NAN;
	c->prev = &c->prev_f;
	c->prev_t = o;
	return 0;
}

int
tr_report_docx(const char *path, const struct tr_results *r,
    struct store *st, const struct tr_doc_opts *o)
{
	const struct training	*t = r->t;
	struct docx		*dx = NULL;
	struct rctx		 c;
	struct tr_list		 last = { NULL, 0 };
	struct tr_results	*lr = NULL;
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
	tr_figures_of(&c.now, r);
	if (st != NULL && (rc = last_year(&last, &lr, &c, st)) != 0)
		goto done;
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
	tr_results_free(lr);
	tr_list_free(&last);
	return rc;
}

/* ---- survey and test for approval --------------------------------- */

/* An empty box the width of the text, room for a few lines by hand. */
static int
write_in(struct docx *dx)
{
	struct docx_table	*t = NULL;
	int			 rc;

	if ((rc = docx_table_new(&t, 1, NULL)) != 0)
		return rc;
	if ((rc = docx_table_form(t)) == 0 &&
	    (rc = docx_table_cell(t, 0, 0, "\n\n\n", NULL)) == 0)
		rc = docx_add_table(dx, t);
	docx_table_free(t);
	return rc;
}

int
tr_questions_docx(const char *path, const struct training *t,
    enum tr_part part, struct store *st, const struct tr_doc_opts *o)
{
	struct docx		*dx = NULL;
	struct docx_para_style	 q, ch;
	struct grid		 g;
	struct buf		 b = BUF_INIT;
	const char		*what;
	char			 x[64], x2[512];
	size_t			 i, k;
	int			 rc, online;

	if (training_form_final(t))
		what = part == TR_SURVEY ? "アンケート" : "テスト";
	else
		what = part == TR_SURVEY ? "アンケート（案）" : "テスト（案）";
	if (t->nitems[part] == 0 && part == TR_SURVEY)
		return error_set(NC_EINVALID, "'%s' has no survey questions",
		    t->title);
	if (t->nitems[part] == 0)
		return error_set(NC_EINVALID, "'%s' has no test items",
		    t->title);
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
	/*
	 * the words follow the forms: no question asks the 所属; on paper
	 * the answers come back on each division's sheet, online or by
	 * e-learning with the attendance record, and the results are
	 * reported by division, so not "無記名" nor "任意で尋ねる"
	 */
	online = t->method != NULL && (strcmp(t->method, "e-learning") == 0 ||
	    strcmp(t->method, "online") == 0);
	snprintf(x2, sizeof x2, "%s%s%s", part == TR_SURVEY ?
	    "研修の効果を測り、次年度の研修の改善に役立てるため、受講者に次の"
	    "アンケートを行う。氏名は記入せず、所属は" :
	    "研修内容の理解度を確認するため、受講者に次のテストを行う。氏名は"
	    "記入せず、所属は", online ? "受講記録で把握する。" :
	    "課ごとの回答用紙で把握する。", part == TR_SURVEY ? "" :
	    "結果は研修実施報告書で問題ごとの正答率として報告する。");
	if ((rc = buf_ok(&b)) != 0 ||
	    (rc = docx_add_para(dx, x2, NULL)) != 0 ||
	    (rc = docx_add_para(dx, "", NULL)) != 0)
		goto done;
	{
		char line[512];

		/* a line each: a period of dates does not wrap mid-date */
		snprintf(line, sizeof line, "対象者：%s",
		    tr_label(st, "audience", t->audience != NULL ?
		    t->audience : "other"));
		if ((rc = docx_add_para(dx, line, NULL)) != 0)
			goto done;
		snprintf(line, sizeof line, "実施日：%s", b.data);
		if ((rc = docx_add_para(dx, line, NULL)) != 0)
			goto done;
	}
	for (i = 0; i < t->nitems[part]; i++) {
		const struct tr_question *it = &t->items[part][i];

		buf_reset(&b);
		buf_printf(&b, "問%zu　%s", i + 1, it->text);
		if (it->type == TR_Q_MULTIPLE && strstr(it->text, "すべて") ==
		    NULL)
			buf_puts(&b, "（当てはまるものをすべて選択）");
		if ((rc = buf_ok(&b)) != 0 ||
		    (rc = docx_add_para(dx, b.data, &q)) != 0)
			goto done;
		if (it->type == TR_Q_TEXT) {
			/*
			 * a box of four lines to write in: the printed form
			 * is answered by hand
			 */
			if ((rc = docx_add_para(dx, "（自由記述）", &ch)) != 0 ||
			    (rc = write_in(dx)) != 0)
				goto done;
			continue;
		}
		for (k = 0; k < it->nchoices; k++) {
			buf_reset(&b);
			if (part == TR_SURVEY)
				buf_printf(&b, "□　%s", it->choices[k]);
			else
				buf_printf(&b, "%zu　%s", k + 1, it->choices[k]);
			ch.keep_next = k + 1 < it->nchoices;
			if ((rc = buf_ok(&b)) != 0 ||
			    (rc = docx_add_para(dx, b.data, &ch)) != 0)
				goto done;
		}
		ch.keep_next = 1;
	}
	if (part == TR_TEST) {
		/*
		 * 解説, 主題 and 対策基準 only where an item has one: bank
		 * items without them made three empty columns beside a
		 * heading that promised 解説
		 */
		const char	*v[5];
		int		 has[3] = { 0, 0, 0 };
		size_t		 n;

		for (i = 0; i < t->nitems[part]; i++) {
			const struct tr_question *it = &t->items[part][i];

			has[0] |= it->explanation != NULL &&
			    *it->explanation != '\0';
			has[1] |= it->topic != NULL && *it->topic != '\0';
			has[2] |= it->clause != NULL && *it->clause != '\0';
		}
		if ((rc = docx_add_para(dx, has[0] ?
		    "正答と解説（受講者には配付しない）" :
		    "正答（受講者には配付しない）",
		    &(struct docx_para_style){ .gothic = 1, .bold = 1,
		    .page_break_before = 1, .space_after = 6,
		    .keep_next = 1 })) != 0 || (rc = grid_new(&g, 2 +
		    (size_t)(has[0] + has[1] + has[2]))) != 0)
			goto done;
		g.align[0] = g.align[1] = DOCX_CENTER;
		if (has[0])
			g.cap[2] = 1;
		n = 0;
		v[n++] = "問";
		v[n++] = "正答";
		if (has[0])
			v[n++] = "解説";
		if (has[1])
			v[n++] = "主題";
		if (has[2])
			v[n++] = "対策基準";
		grid_rowv(&g, v);
		for (i = 0; i < t->nitems[part]; i++) {
			const struct tr_question *it = &t->items[part][i];

			buf_reset(&b);
			for (k = 0; k < it->nchoices; k++)
				if (it->key & (1u << k))
					buf_printf(&b, "%s%zu", b.len > 0 ?
					    "・" : "", k + 1);
			snprintf(x, sizeof x, "%zu", i + 1);
			n = 0;
			v[n++] = x;
			v[n++] = buf_ok(&b) == 0 ? b.data : "";
			if (has[0])
				v[n++] = it->explanation;
			if (has[1])
				v[n++] = it->topic;
			if (has[2])
				v[n++] = it->clause;
			grid_rowv(&g, v);
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
