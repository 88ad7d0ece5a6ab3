/*
 * A training against last year's same training: the four figures the
 * ward compares year on year (受講率, 満足度, 平均正答率, 合格率), and
 * whether a sentence of the record's summary that claims a change from
 * last year ("前年度より平均正答率が上がった。") says what the figures
 * say.  A generated summary claimed a rise beside a fall (78.0% to
 * 76.0%): the report prints the figures' comparison instead of such a
 * sentence, and lint names it.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "text.h"
#include "training.h"
#include "training_int.h"

const char *const tr_fig_name[TR_NFIG] = {
	"受講率", "満足度", "平均正答率", "合格率"
};

void
tr_figures_of(struct tr_figures *f, const struct tr_results *r)
{
	f->v[TR_FIG_ATTEND] = r->attend_rate;
	f->v[TR_FIG_SAT] = r->satisfaction;
	f->v[TR_FIG_MEAN] = r->mean;
	/* a pass rate only where there are answer rows to count passes */
	f->v[TR_FIG_PASS] = r->test_rows ? r->pass_rate : NAN;
}

double
tr_points(double now, double before)
{
	/* the difference of the two figures as printed, one decimal each */
	return text_round_half(text_round_half(now, 10) -
	    text_round_half(before, 10), 10);
}

static int
same(const char *a, const char *b)
{
	return a != NULL && b != NULL && strcmp(a, b) == 0;
}

/* A title without its leading 「令和N年度 」 (or 「令和元年度」). */
static const char *
yearless(const char *title)
{
	const char	*p;

	if (title == NULL || strncmp(title, "令和", strlen("令和")) != 0 ||
	    (p = strstr(title, "年度")) == NULL || p - title > 16)
		return title;
	p += strlen("年度");
	while (*p == ' ')
		p++;
	if (strncmp(p, "　", strlen("　")) == 0)
		p += strlen("　");
	return p;
}

const struct training *
tr_last_year(const struct training *t, const struct tr_list *pool)
{
	const struct training	*o, *one = NULL;
	size_t			 i, n = 0, nt = 0;

	for (i = 0; pool != NULL && i < pool->n; i++) {
		o = pool->v[i];
		if (o->fy != t->fy - 1 || strcmp(o->status, "cancelled") == 0 ||
		    !same(o->kind, t->kind) || !same(o->audience, t->audience))
			continue;
		n++;
		one = n == 1 ? o : one;
	}
	if (n <= 1)
		return one;
	/*
	 * Several of the kind and audience (a digital training on two
	 * themes, the My Number training's two halves): the one of the
	 * same title, else none rather than the wrong one.
	 */
	for (i = 0, one = NULL; i < pool->n; i++) {
		o = pool->v[i];
		if (o->fy != t->fy - 1 || strcmp(o->status, "cancelled") == 0 ||
		    !same(o->kind, t->kind) || !same(o->audience, t->audience) ||
		    !same(yearless(o->title), yearless(t->title)))
			continue;
		nt++;
		one = o;
	}
	return nt == 1 ? one : NULL;
}

/* Whether the len bytes at s hold any of words. */
static int
has_any(const char *s, size_t len, const char *const *words)
{
	size_t	i, k, w;

	for (k = 0; words[k] != NULL; k++) {
		w = strlen(words[k]);
		for (i = 0; i + w <= len; i++)
			if (memcmp(s + i, words[k], w) == 0)
				return 1;
	}
	return 0;
}

int
tr_claim(const char *s, size_t len, int *dir)
{
	static const char *const last[] = { "前年", "昨年", "前回", NULL };
	static const char *const up[] = { "上が", "上昇", "向上", "高くな",
	    "高まっ", "増加", "増え", "改善", NULL };
	static const char *const down[] = { "下が", "低下", "低くな", "減少",
	    "減っ", "悪化", NULL };
	static const char *const name[TR_NFIG][3] = {
		[TR_FIG_ATTEND] = { "受講率", NULL },
		[TR_FIG_SAT] = { "満足度", NULL },
		[TR_FIG_MEAN] = { "正答率", "平均点", NULL },
		[TR_FIG_PASS] = { "合格率", NULL },
	};
	int	k, fig = -1, u, d;

	if (!has_any(s, len, last))
		return -1;
	for (k = 0; k < TR_NFIG; k++) {
		if (!has_any(s, len, name[k]))
			continue;
		if (fig >= 0)
			return -1;	/* two figures: not read */
		fig = k;
	}
	u = has_any(s, len, up);
	d = has_any(s, len, down);
	if (fig < 0 || u == d)
		return -1;
	*dir = u ? 1 : -1;
	return fig;
}

int
tr_claim_holds(const char *s, size_t len, const struct tr_figures *now,
    const struct tr_figures *before, int *fig)
{
	double	d;
	int	dir;

	if ((*fig = tr_claim(s, len, &dir)) < 0)
		return 1;
	if (before == NULL || isnan(now->v[*fig]) || isnan(before->v[*fig]))
		return 0;	/* nothing to bear it out */
	d = tr_points(now->v[*fig], before->v[*fig]);
	return dir > 0 ? d > 0 : d < 0;
}

size_t
tr_sentence(const char *s)
{
	const char	*p = s, *end;

	if ((end = strstr(p, "。")) != NULL)
		end += strlen("。");
	else
		end = p + strlen(p);
	/* a line ends a sentence too */
	if ((p = memchr(s, '\n', (size_t)(end - s))) != NULL)
		end = p + 1;
	return (size_t)(end - s);
}

size_t
tr_extremes(const double *v, size_t n, int hi, size_t *idx)
{
	double	best = NAN, x;
	size_t	i, k = 0;

	for (i = 0; i < n; i++) {
		if (isnan(v[i]))
			continue;
		/* as printed: 82.2% and 82.2% tie whatever lies beyond */
		x = text_round_half(v[i], 10);
		if (isnan(best) || (hi ? x > best : x < best)) {
			best = x;
			k = 0;
		}
		if (x == best)
			idx[k++] = i;
	}
	return k;
}

/*
 * A rate of 80% or more after a fall of 3 points or more is still read
 * as accepted, but the fall is not passed over: a fixed 「おおむね受け
 * 入れられた」 followed an 8.2-point fall.
 */
const char *
tr_sat_verdict(double now, double before)
{
	int	fell;

	fell = !isnan(before) && tr_points(now, before) <= -TR_SAT_FALL;
	if (text_round_half(now, 10) >= TR_SAT_GOOD)
		return fell ? "研修の内容・方法はおおむね受講者に受け入れられた"
		    "ものの、前年度から低下しており、その要因を確かめて内容"
		    "・方法を改善する必要がある" :
		    "研修の内容・方法はおおむね受講者に受け入れられたと考え"
		    "られる";
	if (text_round_half(now, 10) >= TR_SAT_FAIR)
		return fell ? "一定の評価を得たが、前年度から低下しており、"
		    "内容・方法に改善の余地がある" :
		    "一定の評価を得たが、内容・方法に改善の余地がある";
	return fell ? "前年度からも低下しており、内容・方法を見直す必要が"
	    "ある" : "内容・方法を見直す必要がある";
}
