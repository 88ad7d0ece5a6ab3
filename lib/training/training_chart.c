/*
 * The charts of a training's results, as chart models (lib/office's
 * chart.h): the same three in the results workbook and in the
 * 研修実施報告書, so they cannot disagree.
 */
#include <math.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "chart.h"
#include "error.h"
#include "text.h"
#include "training.h"
#include "training_int.h"

/*
 * Bars labelled with their values as the workbook's charts are, up to
 * as many as it labels (xlsx.c's XLSX_CHART_LABELS_MAX): a reader of the
 * 研修実施報告書 checks a 得点分布 or a 正答率 against the tables, not
 * against the axis.
 */
#define TR_CHART_LABELS_MAX	24

static int
finish(struct chart **out, struct chart *c, const char *name, double *v,
    size_t n, enum chart_format fmt, const char *cat, const char *val)
{
	int	rc;

	if ((rc = chart_series(c, name, v, n)) != 0 ||
	    (rc = chart_set_format(c, fmt)) != 0 ||
	    (rc = chart_set_labels(c, n <= TR_CHART_LABELS_MAX)) != 0 ||
	    (rc = chart_set_axis_titles(c, cat, val)) != 0 ||
	    (rc = chart_check(c)) != 0) {
		chart_free(c);
		return rc;
	}
	*out = c;
	return 0;
}

/*
 * A survey question as a category label: 設問3 and its topic, or its
 * text without the closing 。 whole up to SURVEY_LABEL_MAX characters,
 * a longer one cut with … where a phrase ends (after a particle or a
 * 、, before the next word: 「本研修の内容は、日ごろの…」), else after
 * SURVEY_LABEL_MAX - 1 characters.  「設問1…設問7」 alone said nothing
 * (the アンケート sheet and the report's table have the whole text); cut
 * at 18 characters the Word report's chart had its labels shortened
 * again by the renderer in their middle (「日…業務に役立…」, rev18a).
 */
#define SURVEY_LABEL_MAX	16

static int
is_hira(uint32_t c)
{
	return c >= 0x3041 && c <= 0x309F;
}

/* a word's first character after a particle: kanji or katakana */
static int
word_start(uint32_t c)
{
	return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x30A1 && c <= 0x30FA);
}

static void
survey_label(char *out, size_t size, size_t i, const struct tr_question *q)
{
	const char	*s = q->topic != NULL ? q->topic : q->text;
	size_t		 len, k, n, cut = 0;
	uint32_t	 cp, prev = 0;

	if (s == NULL) {
		snprintf(out, size, "設問%zu", i + 1);
		return;
	}
	len = strlen(s);
	if (len >= 3 && (strcmp(s + len - 3, "。") == 0 ||
	    strcmp(s + len - 3, "？") == 0))
		len -= 3;
	if (text_chars(s, len) <= SURVEY_LABEL_MAX) {
		snprintf(out, size, "設問%zu %.*s", i + 1, (int)len, s);
		return;
	}
	/* the last phrase end within the room, past the label's first third */
	for (k = 0, n = 0; n < SURVEY_LABEL_MAX && k < len; n++) {
		size_t	at = k;

		k += text_utf8_decode(&cp, s + k, len - k);
		if (n >= SURVEY_LABEL_MAX / 3 && word_start(cp) &&
		    (is_hira(prev) || prev == 0x3001 /* 、 */))
			cut = at;
		prev = cp;
	}
	if (cut == 0)
		for (k = 0, n = 0; n < SURVEY_LABEL_MAX - 1 && k < len; n++)
			cut = k += text_utf8_decode(&cp, s + k, len - k);
	/* 「…は、」 cut after its 、: the ellipsis stands for it */
	if (cut >= 3 && strncmp(s + cut - 3, "、", 3) == 0)
		cut -= 3;
	snprintf(out, size, "設問%zu %.*s…", i + 1, (int)cut, s);
}

int
tr_chart_survey(struct chart **out, const struct tr_results *r)
{
	struct chart	*c;
	double		*v;
	char		 lab[256];
	size_t		 i, n = 0;
	int		 rc;

	*out = NULL;
	for (i = 0; i < r->nsurvey; i++)
		n += r->survey[i].q->type == TR_Q_SCALE &&
		    !isnan(r->survey[i].top2);
	if (n == 0)
		return 0;
	if ((v = calloc(n, sizeof *v)) == NULL)
		return error_set(NC_ENOMEM, "out of memory");
	if ((rc = chart_new(&c, CHART_BAR, "アンケートの肯定的回答の割合")) != 0) {
		free(v);
		return rc;
	}
	for (i = 0, n = 0; i < r->nsurvey && rc == 0; i++) {
		const struct tr_survey_stat *s = &r->survey[i];

		if (s->q->type != TR_Q_SCALE || isnan(s->top2))
			continue;
		survey_label(lab, sizeof lab, i, s->q);
		rc = chart_category(c, lab);
		v[n++] = s->top2;
	}
	if (rc == 0)
		rc = finish(out, c, "肯定的回答（上位2段階）", v, n,
		    CHART_PERCENT, NULL, NULL);
	else
		chart_free(c);
	free(v);
	return rc;
}

int
tr_chart_scores(struct chart **out, const struct tr_results *r)
{
	struct chart	*c;
	double		*v;
	char		 lab[32];
	size_t		 i;
	int		 rc;

	*out = NULL;
	if (r->hist == NULL)
		return 0;
	if ((v = calloc(r->nq + 1, sizeof *v)) == NULL)
		return error_set(NC_ENOMEM, "out of memory");
	if ((rc = chart_new(&c, CHART_COLUMN, "テストの得点分布")) != 0) {
		free(v);
		return rc;
	}
	for (i = 0; i <= r->nq && rc == 0; i++) {
		snprintf(lab, sizeof lab, "%zu問", i);
		rc = chart_category(c, lab);
		v[i] = (double)r->hist[i];
	}
	if (rc == 0)
		rc = finish(out, c, "人数", v, r->nq + 1, CHART_COUNT, "正答数",
		    "人数");
	else
		chart_free(c);
	free(v);
	return rc;
}

int
tr_chart_items(struct chart **out, const struct tr_results *r)
{
	struct chart	*c;
	double		*v;
	char		 lab[32];
	size_t		 i;
	int		 rc;

	*out = NULL;
	if (r->nitems == 0)
		return 0;
	if ((v = calloc(r->nitems, sizeof *v)) == NULL)
		return error_set(NC_ENOMEM, "out of memory");
	if ((rc = chart_new(&c, CHART_COLUMN, "問題別の正答率")) != 0) {
		free(v);
		return rc;
	}
	for (i = 0; i < r->nitems && rc == 0; i++) {
		snprintf(lab, sizeof lab, "問%zu", i + 1);
		rc = chart_category(c, lab);
		v[i] = r->items[i].p;
	}
	if (rc == 0)
		/* titled as the workbook's chart of the 設問分析 sheet */
		rc = finish(out, c, "正答率", v, r->nitems, CHART_PERCENT, "問題",
		    "正答率");
	else
		chart_free(c);
	free(v);
	return rc;
}
