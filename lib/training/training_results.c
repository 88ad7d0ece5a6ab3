/*
 * Results of a training: participation, the survey's distributions and
 * satisfaction, the test's scores and an item analysis.
 *
 * Item analysis (DOMAIN.md): the facility of an item is its correct rate
 * among the examinees whose answers are held (a blank is wrong); its
 * discrimination is the upper-lower index D = p(upper 27%) - p(lower
 * 27%) over examinees ranked by their score on the other items (Kelley's
 * groups; leaving the item out of the ranking keeps a ten-item test from
 * crediting an item with its own point).  An item
 * above 0.9 is too easy, below 0.3 too hard, and one whose D is below
 * 0.2 does not separate stronger from weaker examinees (Ebel's rule of
 * thumb); such items are flagged for next year.
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "i18n.h"
#include "json.h"
#include "refdata.h"
#include "store.h"
#include "strmap.h"
#include "training.h"
#include "training_int.h"

struct pair {
	int		score;
	unsigned char	ok;
};

static int
by_score(const void *a, const void *b)
{
	const struct pair	*x = a, *y = b;

	return (x->score > y->score) - (x->score < y->score);
}

/* Share correct among k places taken from one end of the sorted pairs. */
static double
group_share(const struct pair *v, size_t n, size_t k, int from_top)
{
	double	sum = 0, left = (double)k;
	size_t	i = 0, j, tied, ok;

	while (left > 0 && i < n) {
		/* the run of equal scores at position i from the end */
		size_t	at = from_top ? n - 1 - i : i;
		int	s = v[at].score;

		for (j = i, tied = 0, ok = 0; j < n; j++) {
			size_t a = from_top ? n - 1 - j : j;

			if (v[a].score != s)
				break;
			tied++;
			ok += v[a].ok;
		}
		if ((double)tied <= left) {
			sum += (double)ok;
			left -= (double)tied;
		} else {
			sum += (double)ok * left / (double)tied;
			left = 0;
		}
		i = j;
	}
	return sum / (double)k;
}

double
tr_discrimination(const int *scores, const unsigned char *ok, size_t n,
    double frac)
{
	struct pair	*v;
	size_t		 k, i;
	double		 d;

	if (n < 2)
		return NAN;
	k = (size_t)floor(frac * (double)n + 0.5);
	if (k < 1)
		k = 1;
	if (2 * k > n)
		k = n / 2;
	if ((v = calloc(n, sizeof *v)) == NULL)
		return NAN;
	for (i = 0; i < n; i++) {
		v[i].score = scores[i];
		v[i].ok = ok[i] != 0;
	}
	qsort(v, n, sizeof *v, by_score);
	d = group_share(v, n, k, 1) - group_share(v, n, k, 0);
	free(v);
	return d;
}

/* Private parts the view points into. */
struct priv {
	char		**texts;	/* guarded copies */
	size_t		  ntexts;
	const char	**tptr;
	int		  lean;		/* figures only (tr_results_figures()) */
};

static int
cmp_double(const void *a, const void *b)
{
	double	x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

static int
test_stats(struct tr_results *r, const struct training *t)
{
	const struct tr_sheet	*sh = &t->answers[TR_TEST];
	const struct tr_question *q = t->items[TR_TEST];
	size_t			 nq = t->nitems[TR_TEST], i, j, m = 0, na = 0;
	int			*scores = NULL, *ascores = NULL, *rest = NULL;
	unsigned char		*ok = NULL;
	double			*pct = NULL, sum = 0, ss = 0, pr, dr;
	int			 rc = 0;

	if (nq == 0 && t->rep_questions[TR_TEST] > 0)
		nq = (size_t)t->rep_questions[TR_TEST];
	r->nq = nq;
	r->mean = r->sd = r->median = r->min = r->max = NAN;
	r->pass_rate = NAN;
	if (sh->n == 0 || nq == 0) {
		if (t->rep_respondents[TR_TEST] >= 0)
			r->examinees = (size_t)t->rep_respondents[TR_TEST];
		r->mean = t->rep_average;
		return 0;
	}
	r->test_rows = 1;
	scores = calloc(sh->n, sizeof *scores);
	ascores = calloc(sh->n, sizeof *ascores);
	pct = calloc(sh->n, sizeof *pct);
	ok = calloc(sh->n, 1);
	rest = calloc(sh->n, sizeof *rest);
	r->hist = calloc(nq + 1, sizeof *r->hist);
	r->items = calloc(t->nitems[TR_TEST] + 1, sizeof *r->items);
	if (scores == NULL || ascores == NULL || pct == NULL || ok == NULL ||
	    rest == NULL ||
	    r->hist == NULL || r->items == NULL) {
		rc = error_set(NC_ENOMEM, "out of memory");
		goto done;
	}
	for (i = 0; i < sh->n; i++) {
		int	s = 0;

		if (sh->who[i].answered && t->nitems[TR_TEST] > 0) {
			for (j = 0; j < t->nitems[TR_TEST]; j++) {
				uint16_t v = sh->sel[i * sh->nq + j];

				s += v != 0 && v == q[j].key;
			}
			ascores[na++] = s;
		} else if (sh->who[i].correct >= 0)
			s = sh->who[i].correct;
		else
			continue;
		if ((size_t)s > nq)
			s = (int)nq;
		scores[m] = s;
		pct[m] = 100.0 * s / (double)nq;
		sum += pct[m];
		r->hist[s]++;
		if (pct[m] + 1e-9 >= r->pass_mark)
			r->passed++;
		m++;
	}
	r->examinees = m;
	if (m > 0) {
		r->mean = sum / (double)m;
		for (i = 0; i < m; i++)
			ss += (pct[i] - r->mean) * (pct[i] - r->mean);
		r->sd = sqrt(ss / (double)m);
		qsort(pct, m, sizeof *pct, cmp_double);
		r->min = pct[0];
		r->max = pct[m - 1];
		r->median = m % 2 ? pct[m / 2] : (pct[m / 2 - 1] +
		    pct[m / 2]) / 2;
		r->pass_rate = 100.0 * (double)r->passed / (double)m;
	}
	/* item analysis over the examinees whose answers are held */
	r->nitems = ((struct priv *)r->priv)->lean ? 0 : t->nitems[TR_TEST];
	for (j = 0; j < r->nitems; j++) {
		struct tr_item_stat	*it = &r->items[j];
		size_t			 a = 0, c;

		it->q = &q[j];
		for (i = 0; i < sh->n; i++) {
			uint16_t v;

			if (!sh->who[i].answered)
				continue;
			v = sh->sel[i * sh->nq + j];
			ok[a] = v != 0 && v == q[j].key;
			/* ranked by the other items, so an item does not
			 * raise its own group's score */
			rest[a] = ascores[a] - ok[a];
			it->correct += ok[a];
			it->blank += v == 0;
			for (c = 0; c < TR_MAXCHOICES; c++)
				if (v & (1u << c))
					it->picks[c]++;
			a++;
		}
		it->n = a;
		it->p = a > 0 ? (double)it->correct / (double)a : NAN;
		it->d = tr_discrimination(rest, ok, a, TR_GROUP);
		/*
		 * Judged on the figures as shown (a rate to 0.1%, the index
		 * to two decimals), so a reader never sees 0.20 flagged as
		 * below 0.2.
		 */
		pr = floor(it->p * 1000 + 0.5) / 1000;
		dr = floor(it->d * 100 + 0.5) / 100;
		if (!isnan(it->p) && pr > TR_EASY)
			it->flags |= TR_FLAG_EASY;
		if (!isnan(it->p) && pr < TR_HARD)
			it->flags |= TR_FLAG_HARD;
		if (!isnan(it->d) && dr < TR_NODISC)
			it->flags |= TR_FLAG_NODISC;
		r->nflagged += it->flags != 0;
	}
done:
	free(scores);
	free(ascores);
	free(rest);
	free(pct);
	free(ok);
	return rc;
}

static int
survey_stats(struct tr_results *r, const struct training *t)
{
	const struct tr_sheet	*sh = &t->answers[TR_SURVEY];
	const struct tr_question *q = t->items[TR_SURVEY];
	struct priv		*pv = r->priv;
	size_t			 nq = t->nitems[TR_SURVEY], i, j, c, nt = 0;
	int			 sat = -1;

	r->satisfaction = NAN;
	if (sh->n == 0 || nq == 0) {
		if (t->rep_respondents[TR_SURVEY] >= 0)
			r->respondents =
			    (size_t)t->rep_respondents[TR_SURVEY];
		r->satisfaction = t->rep_satisfaction;
		return 0;
	}
	r->survey_rows = 1;
	r->respondents = sh->n;
	if ((r->survey = calloc(nq, sizeof *r->survey)) == NULL)
		return error_set(NC_ENOMEM, "out of memory");
	for (i = 0; i < sh->n * nq; i++)
		nt += sh->text[i] != NULL;
	if ((pv->texts = calloc(nt + 1, sizeof *pv->texts)) == NULL ||
	    (pv->tptr = calloc(nt + 1, sizeof *pv->tptr)) == NULL)
		return error_set(NC_ENOMEM, "out of memory");
	r->nsurvey = nq;
	for (j = 0; j < nq; j++) {
		struct tr_survey_stat	*s = &r->survey[j];
		double			 sum = 0;

		s->q = &q[j];
		s->top2 = s->mean = NAN;
		s->texts = pv->tptr + pv->ntexts;
		for (i = 0; i < sh->n; i++) {
			uint16_t	 v = sh->sel[i * nq + j];
			const char	*tx = sh->text[i * nq + j];

			if (v == 0)
				continue;
			s->n++;
			if (v == TR_SEL_TEXT && tx != NULL && pv->lean)
				continue;
			if (v == TR_SEL_TEXT && tx != NULL) {
				char *g = tr_guarded(tx);

				if (g == NULL)
					return error_set(NC_ENOMEM,
					    "out of memory");
				pv->texts[pv->ntexts] = g;
				pv->tptr[pv->ntexts++] = g;
				s->ntexts++;
				continue;
			}
			for (c = 0; c < TR_MAXCHOICES; c++)
				if (v & (1u << c))
					s->picks[c]++;
		}
		if (q[j].type == TR_Q_SCALE && s->n > 0) {
			s->top2 = (double)(s->picks[0] + s->picks[1]) /
			    (double)s->n;
			for (c = 0; c < 5; c++)
				sum += (double)(5 - c) * (double)s->picks[c];
			s->mean = sum / (double)s->n;
			if (q[j].satisfaction && sat < 0)
				sat = (int)j;
		}
	}
	if (sat >= 0)
		r->satisfaction = 100.0 * r->survey[sat].top2;
	else
		r->satisfaction = t->rep_satisfaction;
	return 0;
}

/*
 * The 所属別 tables (the results workbook's sheet, the report's table)
 * list the 課 grouped under their 部, in the order orgs.yaml gives them:
 * the order in which the ward lists its organisation everywhere, and so
 * where an official looks for a 課.  They are not a ranking of who sent
 * the most staff (no rank column, no 上位 in the title); ranked by
 * attendance with ties in code order, one 部 was scattered over the sheet
 * (教育振興部 on three rows apart).  Organisations orgs.yaml does not
 * know come last, by code.
 */
static int
by_org_order(const void *a, const void *b)
{
	const struct tr_org_stat *x = a, *y = b;

	if (x->dorder != y->dorder)
		return x->dorder < y->dorder ? -1 : 1;
	if (x->order != y->order)
		return x->order < y->order ? -1 : 1;
	return strcmp(x->code, y->code);
}

/* Name o, and place it in orgs.yaml's order. */
static void
org_place(struct tr_org_stat *o, struct store *st)
{
	const struct refdata		*rd;
	const struct refdata_org	*g;

	o->name = o->code;
	o->dept = NULL;
	o->dorder = o->order = SIZE_MAX;
	if (st == NULL || store_refdata(&rd, st) != 0 ||
	    refdata_org(&g, rd, o->code) != 0) {
		error_clear();
		return;
	}
	o->name = g->name;
	if (g->dept != NULL) {
		o->dept = g->dept->name;
		o->dorder = g->dept->index;
		o->order = g->index + 1;
	} else {
		o->dorder = g->index;
		o->order = 0;
	}
}

/* Participation by 課 and 部. */
static int
org_stats(struct tr_results *r, const struct training *t, struct store *st)
{
	struct strmap	*seen = NULL, *byorg = NULL, *bydept = NULL;
	struct tr_org_stat *o;
	long		*cnt = NULL;
	size_t		 p, i, n = 0, distinct = 0, cap;
	int		 rc = 0;

	cap = t->nparticipation + t->answers[0].n + t->answers[1].n + 1;
	if ((seen = strmap_new()) == NULL || (byorg = strmap_new()) == NULL ||
	    (bydept = strmap_new()) == NULL ||
	    (cnt = calloc(cap, sizeof *cnt)) == NULL ||
	    (r->orgs = calloc(cap, sizeof *r->orgs)) == NULL ||
	    (r->depts = calloc(cap, sizeof *r->depts)) == NULL) {
		rc = error_set(NC_ENOMEM, "out of memory");
		goto done;
	}
	for (i = 0; i < t->nparticipation; i++) {
		if (strmap_get(byorg, t->participation[i].org) != NULL)
			continue;
		o = &r->orgs[n++];
		o->code = t->participation[i].org;
		o->target = t->participation[i].target;
		o->attended = t->participation[i].attended;
		if ((rc = strmap_put(byorg, o->code, o)) != 0)
			goto done;
	}
	/*
	 * Respondents, each counted once across survey and test, in the
	 * organisation either row gives.
	 */
	for (p = 0; p < 2; p++) {
		const struct tr_sheet *sh = &t->answers[p];

		for (i = 0; i < sh->n; i++) {
			const struct tr_resp *w = &sh->who[i];
			const char *org = strmap_get(seen, w->code);

			if (org == NULL) {
				distinct++;
				if ((rc = strmap_put(seen, w->code, w->org != NULL ?
				    (void *)w->org : (void *)"")) != 0)
					goto done;
			} else if (*org != '\0' || w->org == NULL)
				continue;	/* counted, or nothing new */
			else if ((rc = strmap_put(seen, w->code,
			    (void *)w->org)) != 0)
				goto done;
			if (w->org == NULL)
				continue;
			if ((o = strmap_get(byorg, w->org)) == NULL) {
				o = &r->orgs[n++];
				o->code = w->org;
				o->target = -1;
				o->attended = -1;
				if ((rc = strmap_put(byorg, o->code, o)) != 0)
					goto done;
			}
			cnt[o - r->orgs]++;
		}
	}
	/* a figure given in participation wins over the count */
	for (i = 0; i < n; i++)
		if (r->orgs[i].attended < 0)
			r->orgs[i].attended = cnt[i];
	r->norgs = n;
	for (i = 0; i < n; i++)
		org_place(&r->orgs[i], st);
	qsort(r->orgs, n, sizeof *r->orgs, by_org_order);
	/* The 部 in the order of their 課 above: orgs.yaml's again. */
	for (i = 0; i < n; i++) {
		struct tr_org_stat	*dp;
		const char		*key;

		o = &r->orgs[i];
		key = o->dept != NULL ? o->dept : o->name;
		if ((dp = strmap_get(bydept, key)) == NULL) {
			dp = &r->depts[r->ndepts++];
			dp->code = key;
			dp->name = key;
			dp->target = 0;
			dp->attended = 0;
			dp->dorder = o->dorder;
			dp->order = 0;
			if ((rc = strmap_put(bydept, key, dp)) != 0)
				goto done;
		}
		if (dp->target >= 0)
			dp->target = o->target >= 0 ? dp->target + o->target :
			    -1;
		dp->attended += o->attended;
	}
	r->attended = t->attended >= 0 ? t->attended : distinct > 0 ?
	    (long)distinct : -1;
done:
	free(cnt);
	strmap_free(seen);
	strmap_free(byorg);
	strmap_free(bydept);
	return rc;
}

static int
compute(struct tr_results **out, const struct training *t,
    struct store *st, double pass_mark, int lean)
{
	struct tr_results	*r;
	int			 rc;

	*out = NULL;
	if ((r = calloc(1, sizeof *r)) == NULL ||
	    (r->priv = calloc(1, sizeof(struct priv))) == NULL) {
		free(r);
		return error_set(NC_ENOMEM, "out of memory");
	}
	((struct priv *)r->priv)->lean = lean;
	r->t = t;
	r->pass_mark = !isnan(pass_mark) ? pass_mark : !isnan(t->pass_mark) ?
	    t->pass_mark : TR_PASS_MARK;
	r->target = t->target;
	if ((rc = org_stats(r, t, st)) != 0 ||
	    (rc = survey_stats(r, t)) != 0 ||
	    (rc = test_stats(r, t)) != 0) {
		tr_results_free(r);
		return rc;
	}
	r->attend_rate = r->target > 0 && r->attended >= 0 ?
	    100.0 * (double)r->attended / (double)r->target : NAN;
	r->response_rate = r->attended > 0 && r->respondents > 0 ?
	    100.0 * (double)r->respondents / (double)r->attended : NAN;
	*out = r;
	return 0;
}

int
tr_results_compute(struct tr_results **out, const struct training *t,
    struct store *st, double pass_mark)
{
	return compute(out, t, st, pass_mark, 0);
}

int
tr_results_figures(struct tr_results **out, const struct training *t)
{
	return compute(out, t, NULL, NAN, 1);
}

void
tr_results_free(struct tr_results *r)
{
	struct priv	*pv;
	size_t		 i;

	if (r == NULL)
		return;
	if ((pv = r->priv) != NULL) {
		for (i = 0; i < pv->ntexts; i++)
			free(pv->texts[i]);
		free(pv->texts);
		free(pv->tptr);
		free(pv);
	}
	free(r->survey);
	free(r->items);
	free(r->hist);
	free(r->orgs);
	free(r->depts);
	free(r);
}

int
tr_results_any(const struct tr_results *r)
{
	return r->survey_rows || r->test_rows || r->respondents > 0 ||
	    r->examinees > 0 || !isnan(r->satisfaction) || !isnan(r->mean);
}

const char *
tr_report_missing(const struct tr_results *r)
{
	if (!tr_results_any(r) && !training_needs_report(r->t))
		/* Translated here: the reason is put into messages as %s. */
		return _("it had neither a survey nor a test, so it needs no"
		    " report (3(2)イ: a report for every training with a survey"
		    " or a test)");
	if (!tr_results_any(r))
		return _("it has no survey or test results: import the answers"
		    " ('nerima-cio training import') or enter the figures"
		    " reported to you (survey.respondents and"
		    " survey.satisfaction, test.examinees and test.average)");
	return NULL;
}

/* ---- JSON ---------------------------------------------------------- */

static void
jnum(struct json *j, const char *key, double v, int decimals)
{
	char	s[64];

	json_key(j, key);
	if (isnan(v))
		json_value_raw(j, "null");
	else {
		/*
		 * Rounded half up once, as the documents print the figures
		 * (81.25 is 81.3; "%.1f" alone printed 81.2).
		 */
		double	f = pow(10, decimals);
		double	r = floor(fabs(v) * f + 0.5 + 1e-9) / f;

		snprintf(s, sizeof s, "%.*f", decimals, v < 0 ? -r : r);
		if (strcmp(s, "-0") == 0 || strcmp(s, "-0.0") == 0 ||
		    strcmp(s, "-0.000") == 0)
			memmove(s, s + 1, strlen(s));
		json_value_raw(j, s);
	}
}

static void
jlong(struct json *j, const char *key, long v)
{
	char	s[32];

	json_key(j, key);
	if (v < 0)
		json_value_raw(j, "null");
	else {
		snprintf(s, sizeof s, "%ld", v);
		json_value_raw(j, s);
	}
}

static void
jstr(struct json *j, const char *key, const char *s)
{
	json_key(j, key);
	if (s == NULL)
		json_value_raw(j, "null");
	else
		json_value_string(j, s, strlen(s));
}

int
tr_results_json(struct buf *out, const struct tr_results *r,
    struct store *st)
{
	const struct training	*t = r->t;
	struct json		*j;
	char			 d[CAL_FMT_MAX];
	size_t			 i, c, k;
	int			 rc;

	if ((j = json_new(out)) == NULL)
		return error_set(NC_ENOMEM, "out of memory");
	json_begin_object(j);
	jstr(j, "id", t->id);
	jstr(j, "title", t->title);
	jstr(j, "audience", t->audience);
	jstr(j, "audience_label", tr_label(st, "audience", t->audience));
	if (t->date.y != 0) {
		cal_format_iso(d, sizeof d, t->date);
		jstr(j, "date", d);
	} else
		jstr(j, "date", NULL);
	json_key(j, "participation");
	json_begin_object(j);
	jlong(j, "target", r->target);
	jlong(j, "attended", r->attended);
	jnum(j, "rate", r->attend_rate, 1);
	json_key(j, "by_org");
	json_begin_array(j);
	for (i = 0; i < r->norgs; i++) {
		json_begin_object(j);
		jstr(j, "org", r->orgs[i].code);
		jstr(j, "name", r->orgs[i].name);
		jstr(j, "department", r->orgs[i].dept);
		jlong(j, "target", r->orgs[i].target);
		jlong(j, "attended", r->orgs[i].attended);
		json_end_object(j);
	}
	json_end_array(j);
	json_end_object(j);

	json_key(j, "survey");
	json_begin_object(j);
	jlong(j, "respondents", (long)r->respondents);
	jnum(j, "response_rate", r->response_rate, 1);
	jnum(j, "satisfaction", r->satisfaction, 1);
	json_key(j, "questions");
	json_begin_array(j);
	for (i = 0; i < r->nsurvey; i++) {
		const struct tr_survey_stat *s = &r->survey[i];

		json_begin_object(j);
		jlong(j, "no", (long)i + 1);
		jstr(j, "ref", s->q->ref);
		jstr(j, "type", tr_qtype_name(s->q->type));
		jstr(j, "text", s->q->text);
		jlong(j, "answered", (long)s->n);
		if (s->q->type != TR_Q_TEXT) {
			json_key(j, "choices");
			json_begin_array(j);
			for (c = 0; c < s->q->nchoices; c++) {
				json_begin_object(j);
				jstr(j, "label", s->q->choices[c]);
				jlong(j, "count", (long)s->picks[c]);
				json_end_object(j);
			}
			json_end_array(j);
		}
		if (s->q->type == TR_Q_SCALE) {
			jnum(j, "top2", isnan(s->top2) ? NAN : 100 * s->top2,
			    1);
			jnum(j, "mean", s->mean, 2);
		}
		if (s->q->type == TR_Q_TEXT) {
			json_key(j, "texts");
			json_begin_array(j);
			for (k = 0; k < s->ntexts; k++)
				json_value_string(j, s->texts[k],
				    strlen(s->texts[k]));
			json_end_array(j);
		}
		json_end_object(j);
	}
	json_end_array(j);
	json_end_object(j);

	json_key(j, "test");
	json_begin_object(j);
	jlong(j, "examinees", (long)r->examinees);
	jlong(j, "questions", (long)r->nq);
	jnum(j, "mean", r->mean, 1);
	jnum(j, "sd", r->sd, 1);
	jnum(j, "median", r->median, 1);
	jnum(j, "min", r->min, 1);
	jnum(j, "max", r->max, 1);
	jnum(j, "pass_mark", r->pass_mark, 1);
	jlong(j, "passed", r->test_rows ? (long)r->passed : -1);
	jnum(j, "pass_rate", r->pass_rate, 1);
	json_key(j, "distribution");
	json_begin_array(j);
	for (i = 0; r->hist != NULL && i <= r->nq; i++) {
		json_begin_object(j);
		jlong(j, "correct", (long)i);
		jlong(j, "examinees", (long)r->hist[i]);
		json_end_object(j);
	}
	json_end_array(j);
	json_key(j, "items");
	json_begin_array(j);
	for (i = 0; i < r->nitems; i++) {
		const struct tr_item_stat *it = &r->items[i];

		json_begin_object(j);
		jlong(j, "no", (long)i + 1);
		jstr(j, "ref", it->q->ref);
		jstr(j, "topic", it->q->topic);
		jlong(j, "answered", (long)it->n);
		jlong(j, "correct", (long)it->correct);
		jnum(j, "facility", it->p, 3);
		jnum(j, "discrimination", it->d, 3);
		json_key(j, "flags");
		json_begin_array(j);
		if (it->flags & TR_FLAG_EASY)
			json_value_string(j, "too-easy", 8);
		if (it->flags & TR_FLAG_HARD)
			json_value_string(j, "too-hard", 8);
		if (it->flags & TR_FLAG_NODISC)
			json_value_string(j, "non-discriminating", 18);
		json_end_array(j);
		json_end_object(j);
	}
	json_end_array(j);
	json_end_object(j);
	json_end_object(j);
	rc = json_finish(j);
	json_free(j);
	if (rc == 0)
		buf_putc(out, '\n');
	return rc != 0 ? rc : buf_ok(out);
}
