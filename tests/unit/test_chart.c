/*
 * The chart model: value axes from data (counts whole, rates 0-100%),
 * the orientation that keeps category labels readable, sticky errors, the
 * DrawingML part (parsed back: caches equal the model) and the embedded
 * workbook's bytes.
 */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "buf.h"
#include "chart.h"
#include "error.h"
#include "xlsx.h"

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

static struct chart *
make(enum chart_kind kind, enum chart_format f, int labels,
    const double *a, const double *b, size_t n)
{
	struct chart	*c;
	char		 cat[64];
	size_t		 i;

	assert_int_equal(chart_new(&c, kind, "件数"), 0);
	for (i = 0; i < n; i++) {
		snprintf(cat, sizeof cat, "第%zu四半期", i + 1);
		assert_int_equal(chart_category(c, cat), 0);
	}
	assert_int_equal(chart_series(c, "今年度", a, n), 0);
	if (b != NULL)
		assert_int_equal(chart_series(c, "前年度", b, n), 0);
	assert_int_equal(chart_set_format(c, f), 0);
	assert_int_equal(chart_set_labels(c, labels), 0);
	return c;
}

/*
 * A table of data and the axis every drawer gets from it: counts never
 * tick at 0.5, rates stay 0% to 100%, amounts and plain numbers get 1-2-5
 * steps; labels leave room above the tallest bar.
 */
static void
test_axis(void **state)
{
	static const struct {
		enum chart_kind		 kind;
		enum chart_format	 fmt;
		int			 labels;
		double			 a[4];
		double			 b[4];	/* NAN everywhere: one series */
		double			 min, max, major;
		const char		*numfmt;
	} cases[] = {
		/* counts: small numbers, integer steps */
		{ CHART_COLUMN, CHART_COUNT, 0, { 1, 2, 3, 1 },
		    { NAN, NAN, NAN, NAN }, 0, 3, 1, "#,##0" },
		{ CHART_COLUMN, CHART_COUNT, 0, { 0, 1, 0, 1 },
		    { NAN, NAN, NAN, NAN }, 0, 1, 1, "#,##0" },
		{ CHART_COLUMN, CHART_COUNT, 0, { 0, 0, 0, 0 },
		    { NAN, NAN, NAN, NAN }, 0, 1, 1, "#,##0" },
		{ CHART_COLUMN, CHART_COUNT, 0, { 47, 12, 3, 30 },
		    { NAN, NAN, NAN, NAN }, 0, 50, 10, "#,##0" },
		{ CHART_COLUMN, CHART_COUNT, 0, { 70, 1, 2, 3 },
		    { NAN, NAN, NAN, NAN }, 0, 70, 10, "#,##0" },
		{ CHART_COLUMN, CHART_COUNT, 1, { 70, 1, 2, 3 },
		    { NAN, NAN, NAN, NAN }, 0, 80, 10, "#,##0" },
		{ CHART_COLUMN, CHART_COUNT, 0, { 9, 12, 5, 11 },
		    { 8, 31, 9, 20 }, 0, 35, 5, "#,##0" },
		/* stacked: the largest stack */
		{ CHART_COLUMN_STACKED, CHART_COUNT, 1, { 12, 8, 5, 3 },
		    { 30, 31, 29, 20 }, 0, 50, 10, "#,##0" },
		/* rates: 0% to 100% whatever the data, 20% steps */
		{ CHART_BAR, CHART_PERCENT, 0, { 0.62, 0.7, 0.81, 0.75 },
		    { NAN, NAN, NAN, NAN }, 0, 1, 0.2, "0%" },
		{ CHART_BAR, CHART_PERCENT, 1, { 1, 0.97, 0.05, 0 },
		    { NAN, NAN, NAN, NAN }, 0, 1, 0.2, "0%" },
		{ CHART_COLUMN, CHART_PERCENT, 0, { 1.15, 0.9, 1, 0.5 },
		    { NAN, NAN, NAN, NAN }, 0, 1.2, 0.2, "0%" },
		/* amounts */
		{ CHART_COLUMN, CHART_YEN, 0, { 12800000, 3600000, 980000, 0 },
		    { NAN, NAN, NAN, NAN }, 0, 14000000, 2000000, "#,##0" },
		/* plain: decimals where the data has them */
		{ CHART_LINE, CHART_PLAIN, 0, { 0.3, 0.8, 0.1, 0.45 },
		    { NAN, NAN, NAN, NAN }, 0, 0.8, 0.1, "#,##0.0" },
		{ CHART_COLUMN, CHART_PLAIN, 0, { 72.5, 81.3, 64.9, 90 },
		    { NAN, NAN, NAN, NAN }, 0, 100, 20, "#,##0" },
		/* negative differences */
		{ CHART_COLUMN, CHART_PLAIN, 0, { 4.9, -2.8, 1, -0.5 },
		    { NAN, NAN, NAN, NAN }, -3, 5, 1, "#,##0" },
	};
	struct chart_axis	 ax;
	struct chart		*c;
	size_t			 i;

	(void)state;
	for (i = 0; i < NELEM(cases); i++) {
		c = make(cases[i].kind, cases[i].fmt, cases[i].labels,
		    cases[i].a, isnan(cases[i].b[0]) ? NULL : cases[i].b, 4);
		chart_value_axis(&ax, c);
		if (fabs(ax.min - cases[i].min) > 1e-9 ||
		    fabs(ax.max - cases[i].max) > 1e-9 ||
		    fabs(ax.major - cases[i].major) > 1e-9 ||
		    strcmp(ax.numfmt, cases[i].numfmt) != 0)
			fail_msg("case %zu: axis %g..%g by %g '%s', want %g..%g "
			    "by %g '%s'", i, ax.min, ax.max, ax.major, ax.numfmt,
			    cases[i].min, cases[i].max, cases[i].major,
			    cases[i].numfmt);
		/* counts: whole steps, never a 0.5 */
		if (cases[i].fmt == CHART_COUNT)
			assert_true(ax.major >= 1 && ax.major == floor(ax.major));
		chart_free(c);
	}
}

static void
test_drawn_kind(void **state)
{
	static const char *const depts[] = {
		"企画部", "総務部", "区民部", "産業経済部", "福祉部",
		"健康部", "環境部", "都市整備部", "土木部", "教育振興部",
	};
	static const char *const refs[] = {
		"dp-2-1-01", "dp-2-1-02", "dp-2-1-03", "dp-2-2-01",
		"dp-2-2-02", "dp-2-3-01", "dp-2-3-02", "dp-2-3-03",
	};
	double		 v[10] = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 };
	double		 r[12] = { 1, .9, .8, .7, .6, .5, .4, .3, .2, .1, 0, 1 };
	struct chart	*c;
	size_t		 i;

	(void)state;
	/* Ten department names side by side do not fit 16 cm: bars. */
	assert_int_equal(chart_new(&c, CHART_COLUMN, "部別"), 0);
	for (i = 0; i < 10; i++)
		assert_int_equal(chart_category(c, depts[i]), 0);
	assert_int_equal(chart_series(c, "件数", v, 10), 0);
	assert_int_equal(chart_drawn_kind(c, 16 / 0.3528), CHART_BAR);
	/* A whole slide has room for them. */
	assert_int_equal(chart_drawn_kind(c, 80), CHART_COLUMN);
	assert_true(fabs(chart_label_chars(c) - 5) < 1e-9);
	assert_true(chart_height_cm(c, CHART_BAR, 16) >= 2.6 + 10 * 0.45);
	/* half the width: a column chart of 16 cm fits a third of a page */
	assert_true(fabs(chart_height_cm(c, CHART_COLUMN, 16) - 8.0) < 1e-9);
	chart_free(c);
	/* four columns of one series take 0.4 of the width (点検段階別) */
	assert_int_equal(chart_new(&c, CHART_COLUMN, "点検段階別の実施率"), 0);
	for (i = 0; i < 4; i++)
		assert_int_equal(chart_category(c, depts[i]), 0);
	assert_int_equal(chart_series(c, "実施率", v, 4), 0);
	assert_true(fabs(chart_height_cm(c, CHART_COLUMN, 16) - 6.4) < 1e-9);
	chart_free(c);

	/*
	 * Clustered bars: 0.3 cm a bar up to two series, 0.2 cm from three
	 * on, 0.15 cm between categories, 2.6 cm of title, axis and legend:
	 * 12 chapters of 5 audits are 16.4 cm, whole on a page.
	 */
	assert_int_equal(chart_new(&c, CHART_BAR, "章別の適合率"), 0);
	for (i = 0; i < 10; i++)
		assert_int_equal(chart_category(c, depts[i]), 0);
	assert_int_equal(chart_category(c, "特定個人情報の取扱い"), 0);
	assert_int_equal(chart_category(c, "運用"), 0);
	assert_int_equal(chart_series(c, "戸籍住民課", r, 12), 0);
	assert_int_equal(chart_series(c, "区立図書館", r, 12), 0);
	assert_true(fabs(chart_height_cm(c, CHART_BAR, 16) - 11.6) < 1e-9);
	assert_int_equal(chart_series(c, "総務課", r, 12), 0);
	assert_int_equal(chart_series(c, "経済課", r, 12), 0);
	assert_int_equal(chart_series(c, "清掃事務所", r, 12), 0);
	assert_true(fabs(chart_height_cm(c, CHART_BAR, 16) - 16.4) < 1e-9);
	assert_int_equal(chart_fit_categories(c, CHART_BAR, 16.4), 12);
	assert_int_equal(chart_fit_categories(c, CHART_BAR, 16.3), 11);
	chart_free(c);

	/* Item codes that Excel broke into "dp- / 2- / 1-": bars too. */
	assert_int_equal(chart_new(&c, CHART_COLUMN_STACKED, "項目"), 0);
	for (i = 0; i < NELEM(refs); i++)
		assert_int_equal(chart_category(c, refs[i]), 0);
	assert_int_equal(chart_series(c, "実施率", v, NELEM(refs)), 0);
	assert_int_equal(chart_drawn_kind(c, 45), CHART_BAR_STACKED);
	chart_free(c);

	/* Four short labels stay columns; pies and lines stay as they are. */
	c = make(CHART_COLUMN, CHART_COUNT, 0, v, NULL, 4);
	assert_int_equal(chart_drawn_kind(c, 45), CHART_COLUMN);
	chart_free(c);
	c = make(CHART_LINE, CHART_COUNT, 0, v, NULL, 4);
	assert_int_equal(chart_drawn_kind(c, 5), CHART_LINE);
	chart_free(c);
}

static void
test_errors(void **state)
{
	double		 v[3] = { 1, 2, 3 }, inf[1] = { INFINITY };
	struct chart	*c;

	(void)state;
	assert_int_equal(chart_new(&c, (enum chart_kind)99, "x"), NC_EINVALID);
	assert_int_equal(chart_new(&c, CHART_PIE, "\xff"), NC_EINVALID);
	assert_null(c);

	/* Wrong length: sticky from there on. */
	assert_int_equal(chart_new(&c, CHART_COLUMN, "x"), 0);
	assert_int_equal(chart_category(c, "a"), 0);
	assert_int_equal(chart_category(c, "b"), 0);
	assert_int_equal(chart_series(c, "s", v, 3), NC_EINVALID);
	assert_non_null(strstr(error_last(), "3 values for 2 categories"));
	assert_int_equal(chart_set_labels(c, 1), NC_EINVALID);
	assert_int_equal(chart_check(c), NC_EINVALID);
	assert_non_null(strstr(error_last(), "3 values for 2 categories"));
	chart_free(c);

	/* A pie shows one series. */
	assert_int_equal(chart_new(&c, CHART_PIE, "x"), 0);
	assert_int_equal(chart_category(c, "a"), 0);
	assert_int_equal(chart_series(c, "s", v, 1), 0);
	assert_int_equal(chart_check(c), 0);
	assert_int_equal(chart_series(c, "t", v, 1), 0);
	assert_int_equal(chart_check(c), NC_EINVALID);
	assert_non_null(strstr(error_last(), "a pie shows one"));
	chart_free(c);

	/* Nothing to draw; categories after series; infinity; bad text. */
	assert_int_equal(chart_new(&c, CHART_LINE, "x"), 0);
	assert_int_equal(chart_check(c), NC_EINVALID);
	assert_int_equal(chart_category(c, "a"), 0);
	assert_int_equal(chart_series(c, "s", inf, 1), NC_EINVALID);
	chart_free(c);
	assert_int_equal(chart_new(&c, CHART_LINE, "x"), 0);
	assert_int_equal(chart_category(c, "a"), 0);
	assert_int_equal(chart_series(c, "s", v, 1), 0);
	assert_int_equal(chart_category(c, "b"), NC_EINVALID);
	chart_free(c);
	assert_int_equal(chart_new(&c, CHART_LINE, "x"), 0);
	assert_int_equal(chart_category(c, "\xc0\xaf"), NC_EINVALID);
	chart_free(c);
	assert_int_equal(chart_check(NULL), NC_EINVALID);
	chart_free(NULL);
}

/* Text of the first element named name under n (depth first). */
static xmlNode *
find(xmlNode *n, const char *name)
{
	xmlNode	*c, *r;

	for (c = n; c != NULL; c = c->next) {
		if (c->type == XML_ELEMENT_NODE &&
		    strcmp((const char *)c->name, name) == 0)
			return c;
		if ((r = find(c->children, name)) != NULL)
			return r;
	}
	return NULL;
}

static size_t
count(xmlNode *n, const char *name)
{
	xmlNode	*c;
	size_t	 k = 0;

	for (c = n; c != NULL; c = c->next) {
		if (c->type == XML_ELEMENT_NODE &&
		    strcmp((const char *)c->name, name) == 0)
			k++;
		k += count(c->children, name);
	}
	return k;
}

static const char *
val(xmlNode *n)
{
	xmlAttr	*a;

	for (a = n->properties; a != NULL; a = a->next)
		if (strcmp((const char *)a->name, "val") == 0)
			return (const char *)a->children->content;
	return NULL;
}

/* The text of an element, copied (xmlNodeGetContent() allocates). */
static const char *
content(xmlNode *n)
{
	static char	 out[256];
	xmlChar		*s = xmlNodeGetContent(n);

	snprintf(out, sizeof out, "%s", s != NULL ? (const char *)s : "");
	xmlFree(s);
	return out;
}

/* The cached points of a strCache or numCache, in order. */
static size_t
points(xmlNode *cache, char out[][64], size_t max)
{
	xmlNode	*pt, *v;
	size_t	 n = 0;
	xmlChar	*s;

	for (pt = cache->children; pt != NULL && n < max; pt = pt->next) {
		if (pt->type != XML_ELEMENT_NODE ||
		    strcmp((const char *)pt->name, "pt") != 0)
			continue;
		v = find(pt->children, "v");
		s = xmlNodeGetContent(v);
		snprintf(out[n++], 64, "%s", (const char *)s);
		xmlFree(s);
	}
	return n;
}

static void
test_drawingml(void **state)
{
	static const double	 a[4] = { 12, 8, NAN, 3 }, b[4] = { 30, 31,
	    29, 20 };
	struct chart		*c;
	struct buf		 x = BUF_INIT;
	xmlDocPtr		 doc;
	xmlNode			*root, *ser, *n;
	char			 pts[8][64];
	size_t			 np;

	(void)state;
	c = make(CHART_COLUMN, CHART_COUNT, 1, a, b, 4);
	assert_int_equal(chart_set_axis_titles(c, "四半期", "件数"), 0);
	assert_int_equal(chart_drawingml(&x, c, chart_drawn_kind(c, 45),
	    "rId1", 0), 0);
	assert_non_null(doc = xmlReadMemory(x.data, (int)x.len, NULL, NULL,
	    XML_PARSE_NONET));
	root = xmlDocGetRootElement(doc);
	assert_string_equal((const char *)root->name, "chartSpace");
	assert_non_null(n = find(root, "barChart"));
	assert_string_equal(val(find(n, "barDir")), "col");
	assert_string_equal(val(find(n, "grouping")), "clustered");
	assert_int_equal(count(root, "ser"), 2);
	/* Series 1: name, categories and values cached as the model has them. */
	ser = find(root, "ser");
	np = points(find(find(ser, "tx"), "strCache"), pts, 8);
	assert_int_equal(np, 1);
	assert_string_equal(pts[0], "今年度");
	assert_string_equal(content(find(find(ser, "cat"), "f")),
	    CHART_DATA_SHEET "!$A$2:$A$5");
	np = points(find(find(ser, "cat"), "strCache"), pts, 8);
	assert_int_equal(np, 4);
	assert_string_equal(pts[0], "第1四半期");
	assert_string_equal(pts[3], "第4四半期");
	n = find(find(ser, "val"), "numCache");
	assert_string_equal(val(find(n, "ptCount")), "4");
	np = points(n, pts, 8);
	/* the missing value is a gap: no point 2 */
	assert_int_equal(np, 3);
	assert_string_equal(pts[0], "12");
	assert_string_equal(pts[1], "8");
	assert_string_equal(pts[2], "3");
	/* Series 2 from column C. */
	for (ser = ser->next; ser != NULL && (ser->type != XML_ELEMENT_NODE ||
	    strcmp((const char *)ser->name, "ser") != 0); ser = ser->next)
		;
	assert_non_null(ser);
	assert_string_equal(content(find(find(ser, "val"), "f")),
	    CHART_DATA_SHEET "!$C$2:$C$5");
	np = points(find(find(ser, "val"), "numCache"), pts, 8);
	assert_int_equal(np, 4);
	assert_string_equal(pts[1], "31");
	/* The axis of the model, labels shown, fonts, embedded data. */
	n = find(root, "valAx");
	assert_string_equal(val(find(n, "max")), "35");
	assert_string_equal(val(find(n, "min")), "0");
	assert_string_equal(val(find(n, "majorUnit")), "5");
	assert_non_null(find(root, "dLbls"));
	assert_non_null(strstr(x.data, "<a:ea typeface=\"游ゴシック\"/>"));
	assert_non_null(strstr(x.data, "<c:externalData r:id=\"rId1\">"));
	/* category labels level, never rotated */
	assert_non_null(strstr(x.data, "<c:catAx>"));
	assert_non_null(find(root, "legend"));
	xmlFreeDoc(doc);
	buf_free(&x);

	/* Without a title, when the slide has one. */
	assert_int_equal(chart_drawingml(&x, c, CHART_COLUMN, NULL,
	    CHART_DML_NO_TITLE), 0);
	assert_null(strstr(x.data, "<c:chart><c:title>"));
	assert_non_null(strstr(x.data, "<c:autoTitleDeleted val=\"1\"/>"));
	assert_null(strstr(x.data, "externalData"));
	buf_free(&x);
	chart_free(c);

	/* A pie: one series, slices coloured, value and share. */
	c = make(CHART_PIE, CHART_COUNT, 0, b, NULL, 4);
	assert_int_equal(chart_drawingml(&x, c, CHART_PIE, "rId1", 0), 0);
	assert_non_null(doc = xmlReadMemory(x.data, (int)x.len, NULL, NULL,
	    XML_PARSE_NONET));
	root = xmlDocGetRootElement(doc);
	assert_non_null(find(root, "pieChart"));
	assert_int_equal(count(root, "dPt"), 4);
	assert_null(find(root, "valAx"));
	assert_string_equal(val(find(root, "showPercent")), "1");
	xmlFreeDoc(doc);
	buf_free(&x);
	chart_free(c);

	/* Horizontal bars: categories top down, value axis at the bottom. */
	c = make(CHART_BAR, CHART_PERCENT, 0, (double[]){ 0.5, 0.6, 0.7, 1 },
	    NULL, 4);
	assert_int_equal(chart_drawingml(&x, c, CHART_BAR, "rId1", 0), 0);
	assert_non_null(strstr(x.data, "<c:barDir val=\"bar\"/>"));
	assert_non_null(strstr(x.data, "<c:orientation val=\"maxMin\"/>"));
	assert_non_null(strstr(x.data, "<c:crosses val=\"max\"/>"));
	assert_non_null(strstr(x.data, "formatCode=\"0%\""));
	buf_free(&x);
	chart_free(c);
}

/*
 * Horizontal bars as a .docx or .pptx stores them: categories and series
 * in reverse on a natural axis, so that LibreOffice (series in document
 * order, a bar chart's legend in reverse) and Word (c:order, legend
 * matched to the bars) both read top-down 今年度, 前年度 in the legend's
 * order; each series keeps its colour.
 */
static void
test_bar_order(void **state)
{
	static const double	 a[3] = { 0.5, 0.6, 0.7 }, b[3] = { 0.4, 0.5,
				    0.6 };
	struct chart		*c, *r;
	struct buf		 x = BUF_INIT, y = BUF_INIT;
	const char		*p, *q;

	(void)state;
	c = make(CHART_BAR, CHART_PERCENT, 0, a, b, 3);
	assert_int_equal(chart_dml_model(&r, c, CHART_BAR), 0);
	assert_true(r->bottom_up);
	assert_string_equal(r->cats[0], "第3四半期");
	assert_string_equal(r->cats[2], "第1四半期");
	assert_string_equal(r->series[0].name, "前年度");
	assert_true(r->series[0].values[0] == 0.6);
	assert_string_equal(r->series[1].name, "今年度");
	assert_true(r->series[1].values[2] == 0.5);
	assert_int_equal(chart_drawingml(&x, r, CHART_BAR, "rId1", 0), 0);
	assert_non_null(strstr(x.data, "<c:orientation val=\"minMax\"/>"));
	assert_null(strstr(x.data, "maxMin"));
	assert_null(strstr(x.data, "<c:crosses val=\"max\"/>"));
	/* 前年度 first in the document, with 前年度's colour. */
	assert_non_null(p = strstr(x.data, "<c:v>前年度</c:v>"));
	assert_non_null(q = strstr(x.data, "<c:v>今年度</c:v>"));
	assert_true(p < q);
	assert_non_null(p = strstr(x.data, "<a:srgbClr val=\"F4A300\"/>"));
	assert_true(p < q);
	assert_non_null(strstr(q, chart_color(0)));
	/* Columns and the other kinds: as they are. */
	chart_free(r);
	assert_int_equal(chart_dml_model(&r, c, CHART_COLUMN), 0);
	assert_false(r->bottom_up);
	assert_string_equal(r->cats[0], "第1四半期");
	assert_string_equal(r->series[0].name, "今年度");
	assert_int_equal(chart_drawingml(&y, r, CHART_COLUMN, "rId1", 0), 0);
	assert_null(strstr(y.data, "maxMin"));
	chart_free(r);
	buf_free(&x);
	buf_free(&y);
	chart_free(c);
}

/*
 * The palette: neighbours, and the first and the last of up to five
 * series, differ in hue and in grey level (by at least 40 of 255), so a
 * greyscale print tells them apart.
 */
static double
grey(unsigned long rgb)
{
	return 0.299 * (rgb >> 16 & 0xff) + 0.587 * (rgb >> 8 & 0xff) +
	    0.114 * (rgb & 0xff);
}

static void
test_palette(void **state)
{
	size_t	i;

	(void)state;
	for (i = 0; i + 1 < 10; i++)
		assert_true(fabs(grey(chart_color_rgb(i)) -
		    grey(chart_color_rgb(i + 1))) >= 40);
	/* The first and the last of two to five series. */
	for (i = 1; i <= 4; i++)
		assert_true(fabs(grey(chart_color_rgb(0)) -
		    grey(chart_color_rgb(i))) >= 40);
}

/*
 * Labelled horizontal bars: each bar at least 0.38 cm thick, so that the
 * 9pt labels of a category's two bars do not overlap ("73.9%" over
 * "77.3%": bars of 0.27 cm did), with a narrower gap between the
 * categories; the chart grows by what the bars need, not more.
 */
static void
test_label_room(void **state)
{
	static const double	 a[9] = { .74, .70, .75, .78, .76, .75, .75,
				    .77, .80 };
	static const double	 b[9] = { .77, .80, .80, .83, .81, .81, .80,
				    .79, .78 };
	struct chart		*c;
	struct buf		 x = BUF_INIT;
	const char		*p;
	double			 h, bar;
	int			 gap;

	(void)state;
	c = make(CHART_BAR, CHART_PERCENT, 1, a, b, 9);
	gap = chart_gap_width(c, CHART_BAR);
	h = chart_height_cm(c, CHART_BAR, 16);
	/* the plot's height is the chart's less 2.6 cm of frame */
	bar = (h - 2.6) / 9 / (2 + gap / 100.0);
	assert_true(bar >= 0.38 - 1e-9);
	assert_true(h <= 2.6 + 9 * 0.38 * 2.5);
	assert_int_equal(chart_drawingml_sized(&x, c, CHART_BAR, "rId1", 0,
	    16, h), 0);
	assert_non_null(p = strstr(x.data, "<c:gapWidth val=\""));
	assert_int_equal(atoi(p + strlen("<c:gapWidth val=\"")), gap);
	buf_free(&x);
	/* without labels, as they were: 0.3 cm bars, 0.15 cm between */
	assert_int_equal(chart_set_labels(c, 0), 0);
	assert_int_equal(chart_gap_width(c, CHART_BAR), 80);
	assert_true(fabs(chart_height_cm(c, CHART_BAR, 16) - (2.6 + 9 *
	    0.75)) < 1e-9);
	chart_free(c);
}

/*
 * A legend of two lines below bars gets the room of two: five audits'
 * names (区立図書館（見本Ａ）, 総務課　文書管理システム ...) take two
 * lines of 16 cm, and their second ran into the value axis' labels.
 */
static void
test_legend_lines(void **state)
{
	static const char *const longn[] = {
		"戸籍住民課", "区立図書館（見本Ａ）", "総務課　文書管理システム",
		"経済課", "清掃事務所（見本Ａ）",
	};
	static const char *const shortn[] = {
		"戸籍住民課", "区立図書館", "総務課", "経済課", "清掃事務所",
	};
	static const double	 v[8] = { .5, .9, .5, .9, .5, .9, .5, .9 };
	struct chart		*a, *b;
	struct buf		 x = BUF_INIT, y = BUF_INIT;
	const char		*p, *q;
	char			 cat[32];
	size_t			 i;

	(void)state;
	assert_int_equal(chart_new(&a, CHART_BAR, "章別の適合率"), 0);
	assert_int_equal(chart_new(&b, CHART_BAR, "章別の適合率"), 0);
	for (i = 0; i < 8; i++) {
		snprintf(cat, sizeof cat, "2-%zu 組織体制", i + 1);
		assert_int_equal(chart_category(a, cat), 0);
		assert_int_equal(chart_category(b, cat), 0);
	}
	for (i = 0; i < 5; i++) {
		assert_int_equal(chart_series(a, longn[i], v, 8), 0);
		assert_int_equal(chart_series(b, shortn[i], v, 8), 0);
	}
	assert_true(fabs(chart_height_cm(a, CHART_BAR, 16) -
	    chart_height_cm(b, CHART_BAR, 16) - 0.45) < 1e-9);
	/* the plot area ends higher by as much, the bars as thick */
	assert_int_equal(chart_drawingml_sized(&x, a, CHART_BAR, NULL, 0, 16,
	    chart_height_cm(a, CHART_BAR, 16)), 0);
	assert_int_equal(chart_drawingml_sized(&y, b, CHART_BAR, NULL, 0, 16,
	    chart_height_cm(b, CHART_BAR, 16)), 0);
	assert_non_null(p = strstr(x.data, "<c:h val=\""));
	assert_non_null(q = strstr(y.data, "<c:h val=\""));
	assert_true(fabs(atof(p + 8) * chart_height_cm(a, CHART_BAR, 16) -
	    atof(q + 8) * chart_height_cm(b, CHART_BAR, 16)) < 0.01);
	buf_free(&x);
	buf_free(&y);
	chart_free(a);
	chart_free(b);
}

/*
 * Counts label no 0 (a month without one has no bar; 「0 0」 under every
 * empty month cluttered the chart); a rate of 0% keeps its label.
 */
static void
test_zero_labels(void **state)
{
	static const double	 a[4] = { 0, 1, 0, 2 };
	struct chart		*c;
	struct chart_axis	 ax;
	struct buf		 x = BUF_INIT;
	const char		*p;

	(void)state;
	c = make(CHART_COLUMN, CHART_COUNT, 1, a, a, 4);
	chart_value_axis(&ax, c);
	assert_string_equal(ax.label_numfmt, "#,##0;-#,##0;");
	assert_string_equal(ax.numfmt, "#,##0");
	assert_int_equal(chart_drawingml(&x, c, CHART_COLUMN, NULL, 0), 0);
	assert_non_null(p = strstr(x.data, "<c:dLbls>"));
	assert_non_null(strstr(p, "formatCode=\"#,##0;-#,##0;\""));
	/* the cached values are the values, 0 among them */
	assert_non_null(strstr(x.data, "<c:pt idx=\"0\"><c:v>0</c:v>"));
	buf_free(&x);
	chart_free(c);
	c = make(CHART_COLUMN, CHART_PERCENT, 1, a, NULL, 4);
	chart_value_axis(&ax, c);
	assert_string_equal(ax.label_numfmt, "0.0%");
	chart_free(c);
}

/*
 * Levels of severity, the most severe first, coloured from the one named
 * red: a pie of 重大, 高, 中, 低 (高 red) runs dark red, red, orange,
 * yellow (高 was orange and 中 red); of 高, 中, 低, from red.  The series
 * of stacked bars of 重大, 軽微, 観察, 改善提案 (重大 red) run red, orange,
 * yellow, grey (重大 was blue).  Lighter each down to yellow, in grey
 * too; a chart without levels keeps the palette.
 */
static void
test_severity(void **state)
{
	static const char *const lv[] = { "重大", "高", "中", "低" };
	static const char *const gr[] = { "重大", "軽微", "観察", "改善提案" };
	static const double	 v[4] = { 0, 2, 2, 1 };
	struct chart		*c;
	struct buf		 x = BUF_INIT;
	const char		*p, *q;
	size_t			 i, k;

	(void)state;
	for (i = 4; i >= 3; i--) {
		assert_int_equal(chart_new(&c, CHART_PIE, "重大度別"), 0);
		for (k = 4 - i; k < 4; k++)
			assert_int_equal(chart_category(c, lv[k]), 0);
		assert_int_equal(chart_series(c, "件数", v + 4 - i, i), 0);
		assert_string_equal(chart_point_color(c, 0), chart_color(0));
		assert_int_equal(chart_set_severity(c, 1, i - 3), 0);
		/* 高 is red, 中 orange, 低 yellow */
		assert_string_equal(chart_point_color(c, i - 3), "E03C31");
		assert_string_equal(chart_point_color(c, i - 2), "F4A300");
		assert_string_equal(chart_point_color(c, i - 1), "FFD966");
		if (i == 4)
			assert_string_equal(chart_point_color(c, 0), "8B0000");
		for (k = 0; k + 1 < i; k++)
			assert_true(grey(chart_point_color_rgb(c, k)) <
			    grey(chart_point_color_rgb(c, k + 1)));
		/* a pie's one series keeps the palette */
		assert_string_equal(chart_series_color(c, 0), chart_color(0));
		buf_reset(&x);
		assert_int_equal(chart_drawingml(&x, c, CHART_PIE, NULL, 0),
		    0);
		/* the slice of 高 drawn red */
		assert_non_null(p = strstr(x.data, "<c:dPt><c:idx val=\"1\"/>"));
		assert_non_null(q = strstr(p, "<a:srgbClr val=\""));
		assert_memory_equal(q + strlen("<a:srgbClr val=\""), i == 4 ?
		    "E03C31" : "F4A300", 6);
		chart_free(c);
	}

	assert_int_equal(chart_new(&c, CHART_BAR_STACKED, "区分別"), 0);
	assert_int_equal(chart_category(c, "2-1 組織体制"), 0);
	assert_int_equal(chart_category(c, "2-2 情報資産の管理"), 0);
	for (k = 0; k < 4; k++)
		assert_int_equal(chart_series(c, gr[k], v + 2, 2), 0);
	assert_string_equal(chart_series_color(c, 0), chart_color(0));
	assert_int_equal(chart_set_severity(c, 1, 0), 0);
	assert_string_equal(chart_series_color(c, 0), "E03C31");
	assert_string_equal(chart_series_color(c, 1), "F4A300");
	assert_string_equal(chart_series_color(c, 2), "FFD966");
	assert_string_equal(chart_series_color(c, 3), "BFBFBF");
	for (k = 0; k + 1 < 3; k++)
		assert_true(grey(chart_series_color_rgb(c, k)) <
		    grey(chart_series_color_rgb(c, k + 1)));
	assert_true(fabs(grey(chart_series_color_rgb(c, 3)) -
	    grey(chart_series_color_rgb(c, 2))) >= 20);
	buf_reset(&x);
	assert_int_equal(chart_drawingml(&x, c, CHART_BAR_STACKED, NULL, 0), 0);
	assert_non_null(p = strstr(x.data, "<c:v>重大</c:v>"));
	assert_non_null(q = strstr(p, "<a:srgbClr val=\""));
	assert_memory_equal(q + strlen("<a:srgbClr val=\""), "E03C31", 6);
	chart_free(c);
	buf_free(&x);
}

/* The builder's number format wins over the format's default. */
static void
test_numfmt(void **state)
{
	static const double	 a[3] = { 0.1, 1.5, 2 };
	struct chart		*c, *s;
	struct chart_axis	 ax;
	struct buf		 x = BUF_INIT;
	xmlDoc			*doc;

	(void)state;
	c = make(CHART_COLUMN, CHART_PLAIN, 1, a, NULL, 3);
	chart_value_axis(&ax, c);
	assert_string_equal(ax.label_numfmt, "General");
	assert_int_equal(chart_set_numfmt(c, "0.0", "0.0"), 0);
	chart_value_axis(&ax, c);
	assert_string_equal(ax.numfmt, "0.0");
	assert_string_equal(ax.label_numfmt, "0.0");
	assert_int_equal(chart_drawingml(&x, c, CHART_COLUMN, NULL, 0), 0);
	assert_non_null(strstr(x.data, "<c:dLbls><c:numFmt formatCode=\"0.0\""));
	assert_null(strstr(x.data, "General</c:formatCode>"));
	assert_int_equal(chart_slice(&s, c, 0, 2, 1, 1), 0);
	chart_value_axis(&ax, s);
	assert_string_equal(ax.label_numfmt, "0.0");
	chart_free(s);
	buf_free(&x);

	/*
	 * A format quoting its text is escaped where it is written: an
	 * attribute cut at its '"' made the chart unreadable (LibreOffice
	 * drew an empty slide).
	 */
	assert_int_equal(chart_set_numfmt(c, "0\"点\"", "0.0\"点\""), 0);
	assert_int_equal(chart_drawingml(&x, c, CHART_COLUMN, NULL, 0), 0);
	assert_non_null(doc = xmlReadMemory(x.data, (int)x.len, NULL, NULL,
	    XML_PARSE_NONET));
	xmlFreeDoc(doc);
	assert_non_null(strstr(x.data,
	    "formatCode=\"0.0&quot;点&quot;\" sourceLinked"));
	assert_non_null(strstr(x.data,
	    "<c:formatCode>0.0&quot;点&quot;</c:formatCode>"));
	buf_free(&x);
	chart_free(c);
}

/*
 * The parts of a chart drawn on several slides or pages: each leaves the
 * room of the whole's longest category name, so their plot areas align.
 */
static const char *
layout_x(const struct buf *b)
{
	const char	*p = strstr(b->data, "<c:x val=\"");

	assert_non_null(p);
	return p;
}

static void
test_slice_layout(void **state)
{
	static const char *const names[] = { "区長室", "総務部",
	    "選挙管理委員会事務局（未提出）", "議会事務局" };
	struct chart	*c, *s1, *s2;
	struct buf	 a = BUF_INIT, b = BUF_INIT;
	double		 v[4] = { 0.8, 0.7, NAN, 0.6 };
	size_t		 i;

	(void)state;
	assert_int_equal(chart_new(&c, CHART_BAR, "部別の実施率"), 0);
	for (i = 0; i < 4; i++)
		assert_int_equal(chart_category(c, names[i]), 0);
	assert_int_equal(chart_series(c, "今年度", v, 4), 0);
	assert_int_equal(chart_set_format(c, CHART_PERCENT), 0);
	assert_int_equal(chart_slice(&s1, c, 0, 2, 1, 2), 0);
	assert_int_equal(chart_slice(&s2, c, 2, 2, 2, 2), 0);
	assert_int_equal(chart_drawingml_sized(&a, s1, CHART_BAR, NULL, 0,
	    16, 8), 0);
	assert_int_equal(chart_drawingml_sized(&b, s2, CHART_BAR, NULL, 0,
	    16, 8), 0);
	assert_memory_equal(layout_x(&a), layout_x(&b), 20);
	buf_free(&a);
	buf_free(&b);
	chart_free(s1);
	chart_free(s2);
	chart_free(c);
}

/* The embedded workbook: the same bytes for the same model and date. */
static void
test_workbook(void **state)
{
	static const double	 a[4] = { 12, 8, 5, 3 };
	struct chart		*c;
	char			*m1, *m2;
	size_t			 l1, l2;

	(void)state;
	c = make(CHART_COLUMN, CHART_COUNT, 0, a, NULL, 4);
	assert_int_equal(xlsx_chart_data(&m1, &l1, c, "2026-04-20"), 0);
	assert_int_equal(xlsx_chart_data(&m2, &l2, c, "2026-04-20"), 0);
	assert_true(l1 > 1000);
	assert_memory_equal(m1, "PK\003\004", 4);
	assert_int_equal(l1, l2);
	assert_memory_equal(m1, m2, l1);
	free(m1);
	free(m2);
	assert_int_equal(xlsx_chart_data(&m1, &l1, c, "2026-4-20"),
	    NC_EINVALID);
	assert_null(m1);
	chart_free(c);
}

/* More bars than a page holds: parts that keep the whole's axis. */
static void
test_slices(void **state)
{
	struct chart		*c, *s;
	struct chart_axis	 whole, part;
	double			 v[50];
	char			 cat[32];
	size_t			 i, fit;

	(void)state;
	assert_int_equal(chart_new(&c, CHART_BAR, "項目別の実施率"), 0);
	for (i = 0; i < 50; i++) {
		snprintf(cat, sizeof cat, "dp-2-%zu-%02zu", i / 10 + 1, i % 10);
		assert_int_equal(chart_category(c, cat), 0);
		v[i] = i < 25 ? 0.3 : 0.95;
	}
	assert_int_equal(chart_series(c, "実施率", v, 50), 0);
	assert_int_equal(chart_set_format(c, CHART_COUNT), 0);
	/* 16.5 cm of a landscape page: 3 cm of frame, 0.45 cm a bar. */
	fit = chart_fit_categories(c, CHART_BAR, 16.5);
	assert_int_equal(fit, 30);
	assert_int_equal(chart_fit_categories(c, CHART_BAR, 1), 1);
	assert_int_equal(chart_fit_categories(c, CHART_COLUMN, 1), 50);
	chart_value_axis(&whole, c);
	assert_int_equal(chart_slice(&s, c, 0, 25, 1, 2), 0);
	assert_string_equal(s->title, "項目別の実施率（その1）");
	assert_int_equal(s->ncats, 25);
	assert_string_equal(s->cats[24], "dp-2-3-04");
	/* The first half alone would scale to 0.3; it keeps the whole's. */
	chart_value_axis(&part, s);
	assert_true(part.max == whole.max && part.major == whole.major);
	chart_free(s);
	assert_int_equal(chart_slice(&s, c, 25, 25, 2, 2), 0);
	assert_string_equal(s->title, "項目別の実施率（その2）");
	assert_true(s->series[0].values[0] == 0.95);
	chart_free(s);
	assert_int_equal(chart_slice(&s, c, 0, 50, 1, 1), 0);
	assert_string_equal(s->title, "項目別の実施率");
	chart_free(s);
	assert_int_equal(chart_slice(&s, c, 40, 11, 1, 1), NC_EINVALID);
	assert_null(s);
	chart_free(c);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_axis),
		cmocka_unit_test(test_drawn_kind),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_drawingml),
		cmocka_unit_test(test_bar_order),
		cmocka_unit_test(test_palette),
		cmocka_unit_test(test_label_room),
		cmocka_unit_test(test_legend_lines),
		cmocka_unit_test(test_zero_labels),
		cmocka_unit_test(test_severity),
		cmocka_unit_test(test_numfmt),
		cmocka_unit_test(test_slice_layout),
		cmocka_unit_test(test_workbook),
		cmocka_unit_test(test_slices),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
