/*
 * The chart model, its value axis and layout decisions, and its DrawingML.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "chart.h"
#include "error.h"
#include "opc.h"
#include "text.h"
#include "textfit.h"

#define CHART_FONT	"游ゴシック"
#define AX_CAT		"50010001"
#define AX_VAL		"50010002"

/*
 * Neighbours differ in hue and in lightness, so a greyscale print still
 * tells them apart (grey levels 73, 169, 113, 188, 127, 80, 215, 89, 192,
 * 103), and the first and the fifth (the last of five) are not two blues.
 */
static const char *const palette[] = {
	"1F4E9A", "F4A300", "C0504D", "9DC3E6", "5B9F3A", "7030A0",
	"FFD966", "595959", "F4B183", "2E75B6",
};

const char *
chart_color(size_t i)
{
	return palette[i % (sizeof palette / sizeof palette[0])];
}

unsigned long
chart_color_rgb(size_t i)
{
	return strtoul(chart_color(i), NULL, 16);
}

/*
 * Levels of severity, the most severe first: dark red, red, orange,
 * yellow, lighter each (grey levels 42, 108, 169, 215: a greyscale print
 * keeps their order), and a grey (191) for the least, which a lighter
 * grey left hard to see on white.
 */
static const char *const severity_palette[] = {
	"8B0000", "E03C31", "F4A300", "FFD966", "BFBFBF",
};

/* Level k of a chart with levels of severity. */
static const char *
level_color(const struct chart *c, size_t k)
{
	size_t	n = sizeof severity_palette / sizeof severity_palette[0];
	size_t	i;

	/* the red one is 1; those before it 0 */
	i = k + 1 > c->severity_red ? k + 1 - c->severity_red : 0;
	return severity_palette[i < n ? i : n - 1];
}

const char *
chart_point_color(const struct chart *c, size_t k)
{
	return c->severity ? level_color(c, k) : chart_color(k);
}

unsigned long
chart_point_color_rgb(const struct chart *c, size_t k)
{
	return strtoul(chart_point_color(c, k), NULL, 16);
}

const char *
chart_series_color(const struct chart *c, size_t i)
{
	return c->severity && c->kind != CHART_PIE ? level_color(c, i) :
	    chart_color(i);
}

unsigned long
chart_series_color_rgb(const struct chart *c, size_t i)
{
	return strtoul(chart_series_color(c, i), NULL, 16);
}

static int
chart_fail(struct chart *c, int rc)
{
	if (c->err == 0) {
		c->err = rc;
		c->errmsg = strdup(error_last());
	}
	return rc;
}

static int
chart_sticky(const struct chart *c)
{
	if (c == NULL)
		return error_set(NC_EINVALID, "no chart: creating it failed");
	if (c->err == 0)
		return 0;
	return error_set(c->err, "%s", c->errmsg != NULL ? c->errmsg :
	    "out of memory");
}

static int
dup_text(struct chart *c, char **out, const char *s, const char *what)
{
	char	*p = NULL;
	int	 rc;

	if (s != NULL) {
		if ((rc = opc_check_text(s, what)) != 0)
			return chart_fail(c, rc);
		if ((p = strdup(s)) == NULL)
			return chart_fail(c, error_set(NC_ENOMEM,
			    "out of memory"));
	}
	free(*out);
	*out = p;
	return 0;
}

int
chart_new(struct chart **out, enum chart_kind kind, const char *title)
{
	struct chart	*c;
	int		 rc;

	*out = NULL;
	if ((unsigned)kind > CHART_PIE)
		return error_set(NC_EINVALID, "unknown chart kind %d",
		    (int)kind);
	if ((c = calloc(1, sizeof *c)) == NULL)
		return error_set(NC_ENOMEM, "out of memory");
	c->kind = kind;
	if ((rc = dup_text(c, &c->title, title, "chart title")) != 0) {
		chart_free(c);
		return rc;
	}
	*out = c;
	return 0;
}

void
chart_free(struct chart *c)
{
	size_t	i;

	if (c == NULL)
		return;
	for (i = 0; i < c->ncats; i++)
		free(c->cats[i]);
	for (i = 0; i < c->nseries; i++) {
		free(c->series[i].name);
		free(c->series[i].values);
	}
	free(c->cats);
	free(c->series);
	free(c->title);
	free(c->cat_title);
	free(c->val_title);
	free(c->numfmt);
	free(c->label_numfmt);
	free(c->note);
	free(c->errmsg);
	free(c);
}

int
chart_category(struct chart *c, const char *label)
{
	char	**v;
	int	  rc;

	if ((rc = chart_sticky(c)) != 0)
		return rc;
	if (c->nseries > 0)
		return chart_fail(c, error_set(NC_EINVALID, "chart '%s': "
		    "categories go before the series", c->title != NULL ?
		    c->title : ""));
	if (c->ncats >= CHART_MAX_CATEGORIES)
		return chart_fail(c, error_set(NC_EINVALID, "chart '%s': more "
		    "than %d categories", c->title != NULL ? c->title : "",
		    CHART_MAX_CATEGORIES));
	if ((v = realloc(c->cats, (c->ncats + 1) * sizeof *v)) == NULL)
		return chart_fail(c, error_set(NC_ENOMEM, "out of memory"));
	c->cats = v;
	v[c->ncats] = NULL;
	if ((rc = dup_text(c, &v[c->ncats], label != NULL ? label : "",
	    "chart category")) != 0)
		return rc;
	c->ncats++;
	return 0;
}

int
chart_series(struct chart *c, const char *name, const double *values,
    size_t n)
{
	struct chart_series	*v, *s;
	size_t			 i;
	int			 rc;

	if ((rc = chart_sticky(c)) != 0)
		return rc;
	if (n != c->ncats || (n > 0 && values == NULL))
		return chart_fail(c, error_set(NC_EINVALID, "chart '%s': "
		    "series '%s' has %zu values for %zu categories",
		    c->title != NULL ? c->title : "", name != NULL ? name : "",
		    n, c->ncats));
	if (c->nseries >= CHART_MAX_SERIES)
		return chart_fail(c, error_set(NC_EINVALID, "chart '%s': more "
		    "than %d series", c->title != NULL ? c->title : "",
		    CHART_MAX_SERIES));
	for (i = 0; i < n; i++)
		if (isinf(values[i]))
			return chart_fail(c, error_set(NC_EINVALID, "chart "
			    "'%s': value %zu of series '%s' is not finite",
			    c->title != NULL ? c->title : "", i + 1,
			    name != NULL ? name : ""));
	if ((v = realloc(c->series, (c->nseries + 1) * sizeof *v)) == NULL)
		return chart_fail(c, error_set(NC_ENOMEM, "out of memory"));
	c->series = v;
	s = &v[c->nseries];
	memset(s, 0, sizeof *s);
	if ((rc = dup_text(c, &s->name, name != NULL ? name : "",
	    "chart series name")) != 0)
		return rc;
	if ((s->values = calloc(n > 0 ? n : 1, sizeof *s->values)) == NULL) {
		free(s->name);
		return chart_fail(c, error_set(NC_ENOMEM, "out of memory"));
	}
	if (n > 0)
		memcpy(s->values, values, n * sizeof *values);
	c->nseries++;
	return 0;
}

int
chart_set_format(struct chart *c, enum chart_format f)
{
	int	rc;

	if ((rc = chart_sticky(c)) != 0)
		return rc;
	if ((unsigned)f > CHART_YEN)
		return chart_fail(c, error_set(NC_EINVALID, "unknown chart "
		    "format %d", (int)f));
	c->format = f;
	return 0;
}

int
chart_set_axis_titles(struct chart *c, const char *cat, const char *val)
{
	int	rc;

	if ((rc = chart_sticky(c)) != 0)
		return rc;
	if ((rc = dup_text(c, &c->cat_title, cat, "axis title")) != 0)
		return rc;
	return dup_text(c, &c->val_title, val, "axis title");
}

int
chart_set_numfmt(struct chart *c, const char *ticks, const char *labels)
{
	int	rc;

	if ((rc = chart_sticky(c)) != 0)
		return rc;
	if ((rc = dup_text(c, &c->numfmt, ticks, "chart number format")) != 0)
		return rc;
	return dup_text(c, &c->label_numfmt, labels, "chart label format");
}

int
chart_set_note(struct chart *c, const char *note)
{
	int	rc;

	if ((rc = chart_sticky(c)) != 0)
		return rc;
	return dup_text(c, &c->note, note, "chart note");
}

int
chart_set_labels(struct chart *c, int on)
{
	int	rc;

	if ((rc = chart_sticky(c)) != 0)
		return rc;
	c->labels = on != 0;
	return 0;
}

int
chart_set_legend(struct chart *c, enum chart_legend l)
{
	int	rc;

	if ((rc = chart_sticky(c)) != 0)
		return rc;
	if ((unsigned)l > CHART_LEGEND_TOP)
		return chart_fail(c, error_set(NC_EINVALID, "unknown legend "
		    "position %d", (int)l));
	c->legend = l;
	return 0;
}

int
chart_set_severity(struct chart *c, int on, size_t red)
{
	int	rc;

	if ((rc = chart_sticky(c)) != 0)
		return rc;
	c->severity = on != 0;
	c->severity_red = red;
	return 0;
}

int
chart_check(const struct chart *c)
{
	int	rc;

	if ((rc = chart_sticky(c)) != 0)
		return rc;
	if (c->ncats == 0 || c->nseries == 0)
		return error_set(NC_EINVALID, "chart '%s' has no %s",
		    c->title != NULL ? c->title : "", c->ncats == 0 ?
		    "categories" : "series");
	if (c->kind == CHART_PIE && c->nseries != 1)
		return error_set(NC_EINVALID, "pie chart '%s' has %zu series: "
		    "a pie shows one", c->title != NULL ? c->title : "",
		    c->nseries);
	return 0;
}

static int
stacked(enum chart_kind k)
{
	return k == CHART_COLUMN_STACKED || k == CHART_BAR_STACKED;
}

/* The smallest 1-2-5 step (at least min_step) giving at most 8 steps. */
static double
nice_step(double range, double min_step)
{
	static const double	 m[] = { 1, 2, 5 };
	double			 p, s;
	int			 i;

	if (range <= 0)
		return min_step > 0 ? min_step : 1;
	p = pow(10, floor(log10(range / 8)));
	for (;;) {
		for (i = 0; i < 3; i++) {
			s = m[i] * p;
			if (s >= min_step && range / s <= 8 + 1e-9)
				return s;
		}
		p *= 10;
	}
}

void
chart_value_axis(struct chart_axis *out, const struct chart *c)
{
	double	 hi = 0, lo = 0, pos, neg, v, step, span;
	size_t	 i, k;

	if (c->fixed_axis) {
		*out = c->axis;
		return;
	}
	for (k = 0; k < c->ncats; k++) {
		pos = neg = 0;
		for (i = 0; i < c->nseries; i++) {
			v = c->series[i].values[k];
			if (isnan(v))
				continue;
			if (stacked(c->kind)) {
				if (v > 0)
					pos += v;
				else
					neg += v;
			} else {
				if (v > hi)
					hi = v;
				if (v < lo)
					lo = v;
			}
		}
		if (pos > hi)
			hi = pos;
		if (neg < lo)
			lo = neg;
	}
	memset(out, 0, sizeof *out);
	switch (c->format) {
	case CHART_PERCENT:
		step = 0.2;
		out->numfmt = "0%";
		out->label_numfmt = "0.0%";
		if (hi < 1)
			hi = 1;
		break;
	case CHART_COUNT:
	case CHART_YEN:
		step = nice_step(hi - lo, 1);
		out->numfmt = "#,##0";
		/* no label for a 0: the empty third section */
		out->label_numfmt = "#,##0;-#,##0;";
		break;
	default:
		step = nice_step(hi - lo, 0);
		out->numfmt = step >= 1 ? "#,##0" : step >= 0.1 ? "#,##0.0" :
		    "#,##0.00";
		out->label_numfmt = "General";
		break;
	}
	/* All zero: an axis of one step, not a degenerate one. */
	if (hi <= 0 && lo >= 0)
		hi = step;
	out->max = ceil(hi / step - 1e-9) * step;
	out->min = lo < 0 ? floor(lo / step + 1e-9) * step : 0;
	/* A label above the tallest bar needs room under the top. */
	span = out->max - out->min;
	if (c->labels && c->format != CHART_PERCENT && c->kind != CHART_PIE &&
	    !stacked(c->kind) && out->max - hi < span * 0.08)
		out->max += step;
	/* Round away float noise: 0.6000000000000001 */
	out->max = round(out->max / step) * step;
	out->min = round(out->min / step) * step;
	out->major = step;
	/* The builder's formats, where it gives them. */
	if (c->numfmt != NULL)
		out->numfmt = c->numfmt;
	if (c->label_numfmt != NULL)
		out->label_numfmt = c->label_numfmt;
}

double
chart_label_chars(const struct chart *c)
{
	size_t	i, w, max = 0;

	/* a label broken by the caller: its longest line */
	for (i = 0; i < c->ncats; i++) {
		const char *p = c->cats[i], *e;

		for (;; p = e + 1) {
			e = strchr(p, '\n');
			if ((w = text_width(p, e != NULL ? (size_t)(e - p) :
			    strlen(p))) > max)
				max = w;
			if (e == NULL)
				break;
		}
	}
	return (double)max / 2;
}

/* Widest data label, in characters of the 10pt chart font. */
static double
value_label_chars(const struct chart *c)
{
	char	tmp[64];
	double	v, w, max = 0;
	size_t	i, k, n, len, digits;

	for (i = 0; i < c->nseries; i++)
		for (k = 0; k < c->ncats; k++) {
			if (isnan(v = c->series[i].values[k]))
				continue;
			if (c->format == CHART_PERCENT)
				snprintf(tmp, sizeof tmp, "%.1f%%", v * 100);
			else if (c->format == CHART_PLAIN)
				snprintf(tmp, sizeof tmp, "%g", v);
			else
				snprintf(tmp, sizeof tmp, "%.0f", v);
			len = strlen(tmp);
			for (n = digits = 0; n < len && tmp[n] != '.'; n++)
				if (tmp[n] >= '0' && tmp[n] <= '9')
					digits++;
			if (c->format == CHART_COUNT || c->format == CHART_YEN)
				len += digits > 0 ? (digits - 1) / 3 : 0;
			/* 9pt labels; digits about 0.6 of a character */
			w = (double)len * 0.6 * 0.9;
			if (w > max)
				max = w;
		}
	return max;
}

enum chart_kind
chart_drawn_kind(const struct chart *c, double width_chars)
{
	double	slot, bar;

	if (c->kind != CHART_COLUMN && c->kind != CHART_COLUMN_STACKED)
		return c->kind;
	if (c->ncats == 0 || c->nseries == 0)
		return c->kind;
	/* The plot takes about 85% of the width; labels need a margin. */
	slot = width_chars * 0.85 / (double)c->ncats;
	/* A bar's share of its slot, with the gap drawn between slots. */
	bar = c->kind == CHART_COLUMN ? slot / ((double)c->nseries + 0.8) :
	    slot / 1.6;
	if (chart_label_chars(c) + 0.5 <= slot &&
	    (!c->labels || value_label_chars(c) <= bar))
		return c->kind;
	return c->kind == CHART_COLUMN ? CHART_BAR : CHART_BAR_STACKED;
}

/*
 * Title, value axis and legend of a bar chart, cm: what
 * put_bar_layout() gives them on a page (1.1 + 0.8 + 0.6) and a little.
 */
#define BAR_FRAME_CM	2.6

/*
 * A bar of a clustered bar chart, cm: 0.3, or 0.2 from three series on,
 * which keeps a chart of 12 categories of 5 series (a report's chapters
 * by audit) at 16.4 cm, whole on a page.
 */
#define BAR_CM(n)	((n) >= 3 ? 0.2 : 0.3)

/*
 * A data label at the end of a bar takes most of a line of 9pt text
 * (0.32 cm, its digits 0.22 cm high), cm.  The bars of a category lie next to
 * each other, their labels too: a bar thinner than that line put each
 * label on its neighbour's ("73.9%" over "77.3%").
 */
#define LABEL_LINE_CM	0.38

int
chart_gap_width(const struct chart *c, enum chart_kind drawn)
{
	if (stacked(drawn))
		return 60;
	/* Labelled horizontal bars: the room goes to the bars' labels. */
	if (drawn == CHART_BAR && c->labels)
		return 40;
	return 80;
}

/* Thickness of a bar of a clustered bar chart, cm. */
static double
bar_cm(const struct chart *c)
{
	double	bar = BAR_CM(c->nseries);

	return c->labels && bar < LABEL_LINE_CM ? LABEL_LINE_CM : bar;
}

/* Height of a category's bars and label, cm: a 9-10pt label, a gap. */
static double
per_category_cm(const struct chart *c, enum chart_kind drawn)
{
	double	per;

	if (drawn != CHART_BAR)
		per = 0.45;
	else if (c->labels)
		/* the gap is a share of a bar: the bars get what they need */
		per = bar_cm(c) * ((double)c->nseries +
		    chart_gap_width(c, drawn) / 100.0);
	else
		per = BAR_CM(c->nseries) * (double)c->nseries + 0.15;
	return per < 0.45 ? 0.45 : per;
}

/*
 * The lines a legend above or below a chart width_cm wide takes, its text
 * f times 10pt: LibreOffice sets the entries row by row in as many
 * columns as fit, each as wide as its widest entry (the name, its key and
 * a gap: two characters more).  Five audits' names took two lines, which
 * the room of one ran into the value axis' labels.
 */
static size_t
legend_lines(const struct chart *c, double width_cm, double f)
{
	double	avail = width_cm * 0.9, sum, w, max;
	size_t	cols, j, i;

	if (c->nseries <= 1 || width_cm <= 0)
		return 1;
	for (cols = c->nseries; cols > 1; cols--) {
		for (j = 0, sum = 0; j < cols; j++) {
			for (i = j, max = 0; i < c->nseries; i += cols) {
				w = (double)text_width(c->series[i].name,
				    strlen(c->series[i].name)) / 2;
				if (w > max)
					max = w;
			}
			sum += (max + 2) * 0.3528 * f;
		}
		if (sum <= avail)
			break;
	}
	return (c->nseries + cols - 1) / cols;
}

/* The room a legend's lines after the first take, cm. */
static double
legend_extra_cm(const struct chart *c, double width_cm, double f)
{
	enum chart_legend	legend = c->legend;

	if (legend == CHART_LEGEND_AUTO)
		legend = c->nseries == 1 ? CHART_LEGEND_NONE :
		    CHART_LEGEND_BOTTOM;
	if (legend != CHART_LEGEND_BOTTOM && legend != CHART_LEGEND_TOP)
		return 0;
	return (double)(legend_lines(c, width_cm, f) - 1) * 0.45 * f;
}

double
chart_height_cm(const struct chart *c, enum chart_kind drawn,
    double width_cm)
{
	double	h;

	h = width_cm * 0.5;
	/*
	 * a few columns of one series (the 特記事項 report's four 点検段階)
	 * need no half of the width: at 0.5 the chart left a third of a page
	 * empty before it when a sentence more came above it
	 */
	if (drawn == CHART_COLUMN && c->nseries == 1 && c->ncats <= 5)
		h = width_cm * 0.4;
	if (drawn == CHART_BAR || drawn == CHART_BAR_STACKED)
		h = BAR_FRAME_CM + legend_extra_cm(c, width_cm, 1) +
		    per_category_cm(c, drawn) * (double)c->ncats;
	if (h < 6)
		h = 6;
	return h;
}

size_t
chart_fit_categories(const struct chart *c, enum chart_kind drawn,
    double height_cm)
{
	double	n;

	if (drawn != CHART_BAR && drawn != CHART_BAR_STACKED)
		return c->ncats;
	n = floor((height_cm - BAR_FRAME_CM) / per_category_cm(c, drawn));
	return n < 1 ? 1 : (size_t)n;
}

int
chart_slice(struct chart **out, const struct chart *c, size_t first,
    size_t n, size_t k, size_t m)
{
	struct chart	*s = NULL;
	struct buf	 t = BUF_INIT;
	size_t		 i;
	int		 rc;

	*out = NULL;
	if ((rc = chart_check(c)) != 0)
		return rc;
	if (n == 0 || first > c->ncats || n > c->ncats - first || k == 0 ||
	    k > m)
		return error_set(NC_EINVALID, "chart '%s': no categories "
		    "%zu to %zu", c->title != NULL ? c->title : "", first + 1,
		    first + n);
	/* その1, その2: the parts of a Japanese document. */
	buf_puts(&t, c->title != NULL ? c->title : "");
	if (m > 1)
		buf_printf(&t, "（その%zu）", k);
	if ((rc = buf_ok(&t)) != 0 ||
	    (rc = chart_new(&s, c->kind, t.data)) != 0)
		goto done;
	for (i = first; i < first + n && rc == 0; i++)
		rc = chart_category(s, c->cats[i]);
	for (i = 0; i < c->nseries && rc == 0; i++)
		rc = chart_series(s, c->series[i].name, c->series[i].values +
		    first, n);
	if (rc == 0)
		rc = chart_set_axis_titles(s, c->cat_title, c->val_title);
	if (rc != 0)
		goto done;
	s->format = c->format;
	s->legend = c->legend;
	s->labels = c->labels;
	s->severity = c->severity;
	s->severity_red = c->severity_red;
	s->label_width = c->label_width;
	for (i = 0; i < c->ncats; i++)
		if (textfit_width(c->cats[i]) > s->label_width)
			s->label_width = textfit_width(c->cats[i]);
	if ((rc = chart_set_numfmt(s, c->numfmt, c->label_numfmt)) != 0 ||
	    (rc = chart_set_note(s, c->note)) != 0)
		goto done;
	chart_value_axis(&s->axis, c);
	s->fixed_axis = 1;
	*out = s;
	s = NULL;
done:
	chart_free(s);
	buf_free(&t);
	return rc;
}

int
chart_dml_model(struct chart **out, const struct chart *c,
    enum chart_kind drawn)
{
	struct chart	*r = NULL;
	double		*v = NULL;
	size_t		 i, k;
	int		 rc;

	*out = NULL;
	if ((rc = chart_check(c)) != 0)
		return rc;
	if ((rc = chart_new(&r, c->kind, c->title)) != 0)
		return rc;
	if ((v = calloc(c->ncats, sizeof *v)) == NULL) {
		chart_free(r);
		return error_set(NC_ENOMEM, "out of memory");
	}
	r->bottom_up = drawn == CHART_BAR;
	for (k = 0; k < c->ncats && rc == 0; k++)
		rc = chart_category(r, c->cats[r->bottom_up ? c->ncats - 1 - k :
		    k]);
	for (i = 0; i < c->nseries && rc == 0; i++) {
		const struct chart_series *s = &c->series[r->bottom_up ?
		    c->nseries - 1 - i : i];

		for (k = 0; k < c->ncats; k++)
			v[k] = s->values[r->bottom_up ? c->ncats - 1 - k : k];
		rc = chart_series(r, s->name, v, c->ncats);
	}
	free(v);
	if (rc == 0)
		rc = chart_set_axis_titles(r, c->cat_title, c->val_title);
	if (rc != 0) {
		chart_free(r);
		return rc;
	}
	r->format = c->format;
	r->legend = c->legend;
	r->labels = c->labels;
	r->severity = c->severity;
	r->severity_red = c->severity_red;
	r->label_width = c->label_width;
	if ((rc = chart_set_numfmt(r, c->numfmt, c->label_numfmt)) != 0 ||
	    (rc = chart_set_note(r, c->note)) != 0) {
		chart_free(r);
		return rc;
	}
	chart_value_axis(&r->axis, c);
	r->fixed_axis = 1;
	*out = r;
	return 0;
}

/* DrawingML. */

static void
put_font(struct buf *b, const char *tag, unsigned sz, int bold,
    const char *extra)
{
	buf_printf(b, "<a:%s lang=\"ja-JP\" altLang=\"en-US\"", tag);
	if (sz != 0)
		buf_printf(b, " sz=\"%u\"", sz);
	buf_printf(b, " b=\"%d\"%s>", bold, extra != NULL ? extra : "");
	buf_puts(b, "<a:solidFill><a:srgbClr val=\"404040\"/></a:solidFill>"
	    "<a:latin typeface=\"" CHART_FONT "\"/><a:ea typeface=\""
	    CHART_FONT "\"/><a:cs typeface=\"" CHART_FONT "\"/>");
	buf_printf(b, "</a:%s>", tag);
}

/* Text properties: size in hundredths of a point, rotation in 60000ths. */
static void
put_txpr(struct buf *b, unsigned sz, int bold, long rot)
{
	buf_printf(b, "<c:txPr><a:bodyPr rot=\"%ld\" vert=\"horz\"/>"
	    "<a:lstStyle/><a:p><a:pPr>", rot);
	put_font(b, "defRPr", sz, bold, NULL);
	buf_puts(b, "</a:pPr><a:endParaRPr lang=\"ja-JP\"/></a:p></c:txPr>");
}

static void
put_rich_title(struct buf *b, const char *text, unsigned sz, int bold,
    long rot)
{
	buf_printf(b, "<c:title><c:tx><c:rich><a:bodyPr rot=\"%ld\" "
	    "vert=\"horz\"/><a:lstStyle/><a:p><a:pPr>", rot);
	put_font(b, "defRPr", sz, bold, NULL);
	buf_puts(b, "</a:pPr>");
	/*
	 * A line feed starts a paragraph: a title its writer wrapped (a
	 * list of names kept whole) keeps its lines, where the reader's
	 * own wrapping broke 土木部 after 土木.
	 */
	for (;;) {
		size_t	len = strcspn(text, "\n");

		buf_puts(b, "<a:r>");
		put_font(b, "rPr", sz, bold, NULL);
		buf_puts(b, "<a:t>");
		opc_put_text(b, text, len);
		buf_puts(b, "</a:t></a:r>");
		if (text[len] == '\0')
			break;
		text += len + 1;
		buf_puts(b, "</a:p><a:p><a:pPr>");
		put_font(b, "defRPr", sz, bold, NULL);
		buf_puts(b, "</a:pPr>");
	}
	buf_puts(b, "</a:p></c:rich></c:tx><c:overlay val=\"0\"/>"
	    "</c:title>");
}

/* The line feeds of a title: its lines after the first. */
static size_t
title_breaks(const char *t)
{
	size_t	n = 0;

	while ((t = strchr(t, '\n')) != NULL) {
		n++;
		t++;
	}
	return n;
}

static void
col_name(char *out, size_t col)
{
	/* 0 is A; enough for CHART_MAX_SERIES + 1 columns. */
	if (col < 26)
		snprintf(out, 4, "%c", (int)('A' + col));
	else
		snprintf(out, 4, "%c%c", (int)('A' + col / 26 - 1),
		    (int)('A' + col % 26));
}

static void
put_number(struct buf *b, double v)
{
	char	tmp[64];

	snprintf(tmp, sizeof tmp, "%.15g", v);
	buf_puts(b, tmp);
}

/*
 * A number format as the attribute of <c:numFmt>: escaped, since a
 * format may quote its text (0.0"点").
 */
static void
put_numfmt(struct buf *b, const char *fmt)
{
	buf_puts(b, "<c:numFmt formatCode=\"");
	opc_put_text(b, fmt, strlen(fmt));
	buf_puts(b, "\" sourceLinked=\"0\"/>");
}

static void
put_str_cache(struct buf *b, const char *f, char *const *v, size_t n)
{
	size_t	i;

	buf_printf(b, "<c:strRef><c:f>%s</c:f><c:strCache><c:ptCount "
	    "val=\"%zu\"/>", f, n);
	for (i = 0; i < n; i++) {
		buf_printf(b, "<c:pt idx=\"%zu\"><c:v>", i);
		opc_put_text(b, v[i], strlen(v[i]));
		buf_puts(b, "</c:v></c:pt>");
	}
	buf_puts(b, "</c:strCache></c:strRef>");
}

/*
 * The text sizes of a chart, hundredths of a point: 10pt axes and legend
 * and 9pt data labels on a page; 14pt and 12pt on a slide
 * (CHART_DML_SLIDE), read from across a room.
 */
struct dml_sizes {
	unsigned	text;		/* axes, axis titles, legend */
	unsigned	label;		/* data labels */
	unsigned	title;
};

static void
dml_sizes(struct dml_sizes *z, int flags)
{
	int	slide = (flags & CHART_DML_SLIDE) != 0;

	z->text = slide ? 1400 : 1000;
	z->label = slide ? 1200 : 900;
	z->title = slide ? 1600 : 1200;
}

static void
put_series(struct buf *b, const struct chart *c, enum chart_kind drawn,
    size_t si, const struct chart_axis *ax, const struct dml_sizes *z)
{
	const struct chart_series	*s = &c->series[si];
	char				 col[4], f[64];
	char				*name = s->name;
	const char			*color;
	size_t				 k;

	/* A series keeps its colour when drawn in reverse (bottom_up). */
	color = chart_series_color(c, c->bottom_up ? c->nseries - 1 - si : si);
	col_name(col, si + 1);
	buf_printf(b, "<c:ser><c:idx val=\"%zu\"/><c:order val=\"%zu\"/>",
	    si, si);
	snprintf(f, sizeof f, CHART_DATA_SHEET "!$%s$1", col);
	buf_puts(b, "<c:tx>");
	put_str_cache(b, f, &name, 1);
	buf_puts(b, "</c:tx>");
	if (drawn == CHART_LINE) {
		buf_printf(b, "<c:spPr><a:ln w=\"28575\" cap=\"rnd\"><a:solidFill>"
		    "<a:srgbClr val=\"%s\"/></a:solidFill><a:round/></a:ln>"
		    "</c:spPr><c:marker><c:symbol val=\"circle\"/><c:size "
		    "val=\"6\"/><c:spPr><a:solidFill><a:srgbClr val=\"%s\"/>"
		    "</a:solidFill><a:ln><a:noFill/></a:ln></c:spPr></c:marker>",
		    color, color);
	} else if (drawn == CHART_PIE) {
		buf_puts(b, "<c:spPr><a:ln w=\"12700\"><a:solidFill><a:srgbClr "
		    "val=\"FFFFFF\"/></a:solidFill></a:ln></c:spPr>");
		for (k = 0; k < c->ncats; k++)
			buf_printf(b, "<c:dPt><c:idx val=\"%zu\"/><c:bubble3D "
			    "val=\"0\"/><c:spPr><a:solidFill><a:srgbClr "
			    "val=\"%s\"/></a:solidFill><a:ln w=\"12700\">"
			    "<a:solidFill><a:srgbClr val=\"FFFFFF\"/>"
			    "</a:solidFill></a:ln></c:spPr></c:dPt>", k,
			    chart_point_color(c, k));
	} else {
		buf_printf(b, "<c:spPr><a:solidFill><a:srgbClr val=\"%s\"/>"
		    "</a:solidFill><a:ln><a:noFill/></a:ln></c:spPr>"
		    "<c:invertIfNegative val=\"0\"/>", color);
	}
	/*
	 * Data labels: the value, in the axis' format; a pie's slices show
	 * their value and share on two lines, outside, where dark text reads
	 * on any colour (the xlsx writer labels its pies the same way).
	 */
	if (drawn == CHART_PIE || c->labels) {
		buf_puts(b, "<c:dLbls>");
		if (drawn != CHART_PIE)
			put_numfmt(b, ax->label_numfmt);
		buf_puts(b, "<c:spPr><a:noFill/><a:ln><a:noFill/></a:ln>"
		    "</c:spPr>");
		put_txpr(b, z->label, 0, 0);
		buf_printf(b, "<c:dLblPos val=\"%s\"/>",
		    drawn == CHART_PIE ? "outEnd" : drawn == CHART_LINE ? "t" :
		    stacked(drawn) ? "ctr" : "outEnd");
		buf_printf(b, "<c:showLegendKey val=\"0\"/><c:showVal val=\"1\"/>"
		    "<c:showCatName val=\"0\"/><c:showSerName val=\"0\"/>"
		    "<c:showPercent val=\"%d\"/><c:showBubbleSize val=\"0\"/>",
		    drawn == CHART_PIE);
		if (drawn == CHART_PIE)
			buf_puts(b, "<c:separator>\n</c:separator>"
			    "<c:showLeaderLines val=\"1\"/>");
		buf_puts(b, "</c:dLbls>");
	}
	snprintf(f, sizeof f, CHART_DATA_SHEET "!$A$2:$A$%zu", c->ncats + 1);
	buf_puts(b, "<c:cat>");
	put_str_cache(b, f, c->cats, c->ncats);
	buf_puts(b, "</c:cat>");
	snprintf(f, sizeof f, CHART_DATA_SHEET "!$%s$2:$%s$%zu", col, col,
	    c->ncats + 1);
	buf_printf(b, "<c:val><c:numRef><c:f>%s</c:f><c:numCache><c:formatCode>",
	    f);
	opc_put_text(b, ax->label_numfmt, strlen(ax->label_numfmt));
	buf_printf(b, "</c:formatCode><c:ptCount val=\"%zu\"/>", c->ncats);
	for (k = 0; k < c->ncats; k++) {
		if (isnan(s->values[k]))
			continue;
		buf_printf(b, "<c:pt idx=\"%zu\"><c:v>", k);
		put_number(b, s->values[k]);
		buf_puts(b, "</c:v></c:pt>");
	}
	buf_puts(b, "</c:numCache></c:numRef></c:val>");
	if (drawn == CHART_LINE)
		buf_puts(b, "<c:smooth val=\"0\"/>");
	buf_puts(b, "</c:ser>");
}

static void
put_line_props(struct buf *b, const char *color)
{
	buf_printf(b, "<c:spPr><a:noFill/><a:ln w=\"9525\"><a:solidFill>"
	    "<a:srgbClr val=\"%s\"/></a:solidFill></a:ln></c:spPr>", color);
}

static void
put_axes(struct buf *b, const struct chart *c, enum chart_kind drawn,
    const struct chart_axis *ax, const struct dml_sizes *z)
{
	int	horiz = drawn == CHART_BAR || drawn == CHART_BAR_STACKED;
	int	flip = horiz && !c->bottom_up;

	/*
	 * Categories: top to bottom in the model's order for bars, by
	 * reversing the axis; a bottom_up model (chart_dml_model()) is
	 * stored in reverse already and keeps the natural orientation.
	 */
	buf_printf(b, "<c:catAx><c:axId val=\"" AX_CAT "\"/><c:scaling>"
	    "<c:orientation val=\"%s\"/></c:scaling><c:delete val=\"0\"/>"
	    "<c:axPos val=\"%s\"/>", flip ? "maxMin" : "minMax",
	    horiz ? "l" : "b");
	if (c->cat_title != NULL)
		put_rich_title(b, c->cat_title, z->text, 0, horiz ? -5400000 : 0);
	buf_puts(b, "<c:numFmt formatCode=\"General\" sourceLinked=\"1\"/>"
	    "<c:majorTickMark val=\"none\"/><c:minorTickMark val=\"none\"/>"
	    "<c:tickLblPos val=\"low\"/>");
	put_line_props(b, "BFBFBF");
	/* Horizontal labels, always: never rotated, never broken. */
	put_txpr(b, z->text, 0, 0);
	buf_puts(b, "<c:crossAx val=\"" AX_VAL "\"/><c:crosses val=\"autoZero\"/>"
	    "<c:auto val=\"1\"/><c:lblAlgn val=\"ctr\"/><c:lblOffset "
	    "val=\"100\"/><c:noMultiLvlLbl val=\"0\"/></c:catAx>");

	buf_puts(b, "<c:valAx><c:axId val=\"" AX_VAL "\"/><c:scaling>"
	    "<c:orientation val=\"minMax\"/><c:max val=\"");
	put_number(b, ax->max);
	buf_puts(b, "\"/><c:min val=\"");
	put_number(b, ax->min);
	buf_printf(b, "\"/></c:scaling><c:delete val=\"0\"/><c:axPos "
	    "val=\"%s\"/><c:majorGridlines><c:spPr><a:ln w=\"9525\">"
	    "<a:solidFill><a:srgbClr val=\"D9D9D9\"/></a:solidFill></a:ln>"
	    "</c:spPr></c:majorGridlines>", horiz ? "b" : "l");
	if (c->val_title != NULL)
		put_rich_title(b, c->val_title, z->text, 0, horiz ? 0 : -5400000);
	put_numfmt(b, ax->numfmt);
	buf_puts(b, "<c:majorTickMark val=\"none\"/><c:minorTickMark "
	    "val=\"none\"/><c:tickLblPos val=\"nextTo\"/>");
	buf_puts(b, "<c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>");
	put_txpr(b, z->text, 0, 0);
	/* With the categories reversed, the value axis stays at the bottom. */
	buf_printf(b, "<c:crossAx val=\"" AX_CAT "\"/><c:crosses val=\"%s\"/>"
	    "<c:crossBetween val=\"between\"/><c:majorUnit val=\"",
	    flip ? "max" : "autoZero");
	put_number(b, ax->major);
	buf_puts(b, "\"/></c:valAx>");
}

/*
 * The room of names width wide (textfit units) at the left of horizontal
 * bars, f the text's size against 10pt: at 10pt a character is 0.3528
 * cm; the tick gap and a little room; an axis title's line.
 */
static double
bar_names_cm(const struct chart *c, unsigned width, double f)
{
	return (double)width / 100 * 0.3528 * f + 0.5 +
	    (c->cat_title != NULL ? 0.8 * f : 0);
}

/* Bytes of the first characters of s (back: the last) at most room wide. */
static size_t
fit_bytes(const char *s, unsigned room, int back)
{
	char		*t;
	uint32_t	 cp;
	size_t		 len = strlen(s), n = 0, k, step;
	int		 c;

	if (back) {
		for (k = len; k > 0; k--) {
			if (((unsigned char)s[k - 1] & 0xc0) == 0x80)
				continue;	/* inside a character */
			if (textfit_width(s + k - 1) > room)
				break;
			n = len - (k - 1);
		}
		return n;
	}
	if ((t = strdup(s)) == NULL)
		return 0;
	while (n < len && (step = text_utf8_decode(&cp, s + n,
	    len - n)) > 0) {
		k = n + step;
		c = t[k];
		t[k] = '\0';
		if (textfit_width(t) > room)
			break;
		t[k] = c;
		n = k;
	}
	free(t);
	return n;
}

/* One character less than n bytes at the front (back: the end) of s. */
static size_t
less_one(const char *s, size_t n, int back)
{
	size_t	len = strlen(s), k;

	if (n == 0)
		return 0;
	if (back) {
		for (k = len - n + 1; k < len &&
		    ((unsigned char)s[k] & 0xc0) == 0x80; k++)
			;
		return len - k;
	}
	for (k = n - 1; k > 0 && ((unsigned char)s[k] & 0xc0) == 0x80; k--)
		;
	return k;
}

int
chart_fit_names(struct chart *c, enum chart_kind drawn, int flags,
    double width_cm)
{
	static const char	 dots[] = "…";
	struct dml_sizes	 z;
	double			 f, cm;
	unsigned		 room, head, dw = textfit_width(dots);
	size_t			 k, h, t, len, nd = sizeof dots - 1;
	char			*v;

	if (drawn != CHART_BAR && drawn != CHART_BAR_STACKED)
		return 0;
	dml_sizes(&z, flags);
	f = (double)z.text / 1000;
	if ((cm = width_cm / 2 - bar_names_cm(c, 0, f)) <= 0)
		return 0;
	room = (unsigned)(cm / (0.3528 * f) * 100);
	if (room < 6 * 100 + dw)
		return 0;	/* too narrow to name anything */
	for (k = 0; k < c->ncats; k++) {
		if (textfit_width(c->cats[k]) <= room)
			continue;
		/* two thirds of the room the head, the rest its end */
		len = strlen(c->cats[k]);
		head = (room - dw) * 2 / 3;
		h = fit_bytes(c->cats[k], head, 0);
		t = fit_bytes(c->cats[k], room - dw - head, 1);
		if ((v = malloc(h + nd + t + 1)) == NULL)
			return chart_fail(c, error_set(NC_ENOMEM,
			    "out of memory"));
		for (;;) {
			memcpy(v, c->cats[k], h);
			memcpy(v + h, dots, nd);
			memcpy(v + h + nd, c->cats[k] + len - t, t);
			v[h + nd + t] = '\0';
			/* the gaps between scripts may want a character more */
			if (textfit_width(v) <= room || h == 0)
				break;
			if (t > 0)
				t = less_one(c->cats[k], t, 1);
			else
				h = less_one(c->cats[k], h, 0);
		}
		free(c->cats[k]);
		c->cats[k] = v;
	}
	return 0;
}

/*
 * The plot area of a horizontal bar chart drawn width_cm x height_cm, as
 * fractions of the chart (c:manualLayout, inner): the category names at
 * the left get the room their longest one takes on one line (10pt), up
 * to half the width; the title above, the value axis, its title and the
 * legend below keep theirs.  Left to itself LibreOffice gave the names
 * less and broke "2-8 業務委託と外部サービスの利用" before its last
 * character.
 */
static void
put_bar_layout(struct buf *b, const struct chart *c, int title,
    double width_cm, double height_cm, const struct dml_sizes *z)
{
	enum chart_legend	 legend = c->legend;
	double			 left = 0, right, top, bottom, w, x, y, h, f;
	unsigned		 tw, max = c->label_width;
	size_t			 k;

	/* A part of a chart (chart_slice()) leaves its whole's room. */
	for (k = 0; k < c->ncats; k++)
		if ((tw = textfit_width(c->cats[k])) > max)
			max = tw;
	/*
	 * At 10pt a character is 0.3528 cm; the tick gap and a little room;
	 * the rest of the frame grows with the text (f = 1 on a page).
	 */
	f = (double)z->text / 1000;
	left = bar_names_cm(c, max, f);
	right = c->labels ? 1.6 * z->label / 900 : 0.5;
	top = title ? 1.1 * z->title / 1200 : 0.4;
	bottom = 0.8 * f;
	/* a line of title, and its others (0.45 cm at 10pt) */
	if (c->val_title != NULL)
		bottom += (0.7 + 0.45 * title_breaks(c->val_title)) * f;
	if (legend == CHART_LEGEND_AUTO)
		legend = c->nseries == 1 ? CHART_LEGEND_NONE :
		    CHART_LEGEND_BOTTOM;
	/* a line of legend (more left a blank line above it), and its others */
	if (legend == CHART_LEGEND_BOTTOM)
		bottom += 0.6 * f + legend_extra_cm(c, width_cm, f);
	else if (legend == CHART_LEGEND_TOP)
		top += 0.6 * f + legend_extra_cm(c, width_cm, f);
	else if (legend == CHART_LEGEND_RIGHT)
		right += 3.5 * f;
	if (left > width_cm / 2)
		left = width_cm / 2;
	x = left / width_cm;
	w = 1 - x - right / width_cm;
	y = top / height_cm;
	h = 1 - y - bottom / height_cm;
	if (w < 0.2 || h < 0.2) {
		buf_puts(b, "<c:layout/>");
		return;
	}
	buf_printf(b, "<c:layout><c:manualLayout><c:layoutTarget "
	    "val=\"inner\"/><c:xMode val=\"edge\"/><c:yMode val=\"edge\"/>"
	    "<c:x val=\"%.4f\"/><c:y val=\"%.4f\"/><c:w val=\"%.4f\"/>"
	    "<c:h val=\"%.4f\"/></c:manualLayout></c:layout>", x, y, w, h);
}

int
chart_drawingml(struct buf *b, const struct chart *c, enum chart_kind drawn,
    const char *external_rid, int flags)
{
	return chart_drawingml_sized(b, c, drawn, external_rid, flags, 0, 0);
}

int
chart_drawingml_sized(struct buf *b, const struct chart *c,
    enum chart_kind drawn, const char *external_rid, int flags,
    double width_cm, double height_cm)
{
	struct chart_axis	 ax;
	struct dml_sizes	 z;
	enum chart_legend	 legend;
	size_t			 i;
	int			 rc, title;

	if ((rc = chart_check(c)) != 0)
		return rc;
	dml_sizes(&z, flags);
	if (drawn == CHART_PIE && c->kind != CHART_PIE)
		drawn = c->kind;
	chart_value_axis(&ax, c);
	buf_puts(b, "<?xml version=\"1.0\" encoding=\"UTF-8\" "
	    "standalone=\"yes\"?>\n<c:chartSpace xmlns:c=\"http://schemas."
	    "openxmlformats.org/drawingml/2006/chart\" xmlns:a=\"http://"
	    "schemas.openxmlformats.org/drawingml/2006/main\" xmlns:r=\""
	    "http://schemas.openxmlformats.org/officeDocument/2006/"
	    "relationships\"><c:date1904 val=\"0\"/><c:lang val=\"ja-JP\"/>"
	    "<c:roundedCorners val=\"0\"/><c:chart>");
	title = !(flags & CHART_DML_NO_TITLE) && c->title != NULL &&
	    *c->title != '\0';
	if (title)
		put_rich_title(b, c->title, z.title, 1, 0);
	buf_printf(b, "<c:autoTitleDeleted val=\"%d\"/><c:plotArea>",
	    !title);
	if (width_cm > 0 && height_cm > 0 && (drawn == CHART_BAR ||
	    drawn == CHART_BAR_STACKED))
		put_bar_layout(b, c, title, width_cm, height_cm, &z);
	else
		buf_puts(b, "<c:layout/>");
	switch (drawn) {
	case CHART_PIE:
		buf_puts(b, "<c:pieChart><c:varyColors val=\"1\"/>");
		put_series(b, c, drawn, 0, &ax, &z);
		buf_puts(b, "<c:firstSliceAng val=\"0\"/></c:pieChart>");
		break;
	case CHART_LINE:
		buf_puts(b, "<c:lineChart><c:grouping val=\"standard\"/>"
		    "<c:varyColors val=\"0\"/>");
		for (i = 0; i < c->nseries; i++)
			put_series(b, c, drawn, i, &ax, &z);
		buf_puts(b, "<c:marker val=\"1\"/><c:axId val=\"" AX_CAT "\"/>"
		    "<c:axId val=\"" AX_VAL "\"/></c:lineChart>");
		break;
	default:
		buf_printf(b, "<c:barChart><c:barDir val=\"%s\"/><c:grouping "
		    "val=\"%s\"/><c:varyColors val=\"0\"/>",
		    drawn == CHART_BAR || drawn == CHART_BAR_STACKED ? "bar" :
		    "col", stacked(drawn) ? "stacked" : "clustered");
		for (i = 0; i < c->nseries; i++)
			put_series(b, c, drawn, i, &ax, &z);
		buf_printf(b, "<c:gapWidth val=\"%d\"/>",
		    chart_gap_width(c, drawn));
		if (stacked(drawn))
			buf_puts(b, "<c:overlap val=\"100\"/>");
		buf_puts(b, "<c:axId val=\"" AX_CAT "\"/><c:axId val=\"" AX_VAL
		    "\"/></c:barChart>");
		break;
	}
	if (drawn != CHART_PIE)
		put_axes(b, c, drawn, &ax, &z);
	buf_puts(b, "<c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>"
	    "</c:plotArea>");
	legend = c->legend;
	if (legend == CHART_LEGEND_AUTO)
		legend = c->nseries == 1 && drawn != CHART_PIE ?
		    CHART_LEGEND_NONE : CHART_LEGEND_BOTTOM;
	if (legend != CHART_LEGEND_NONE) {
		buf_printf(b, "<c:legend><c:legendPos val=\"%s\"/><c:overlay "
		    "val=\"0\"/>", legend == CHART_LEGEND_RIGHT ? "r" :
		    legend == CHART_LEGEND_TOP ? "t" : "b");
		put_txpr(b, z.text, 0, 0);
		buf_puts(b, "</c:legend>");
	}
	buf_puts(b, "<c:plotVisOnly val=\"1\"/><c:dispBlanksAs val=\"gap\"/>"
	    "</c:chart><c:spPr><a:solidFill><a:srgbClr val=\"FFFFFF\"/>"
	    "</a:solidFill><a:ln><a:noFill/></a:ln></c:spPr>");
	put_txpr(b, z.text, 0, 0);
	if (external_rid != NULL)
		buf_printf(b, "<c:externalData r:id=\"%s\"><c:autoUpdate "
		    "val=\"0\"/></c:externalData>", external_rid);
	buf_puts(b, "</c:chartSpace>");
	return buf_ok(b);
}
