/*
 * The incident documents, in two steps: a plain view is computed from the
 * records (labels from the schema, names from orgs.yaml, dates in 令和,
 * the obligations and durations), then laid out with lib/office.  No
 * document shows a record id: a reader knows an incident by its 受付番号,
 * title, division and date.
 *
 *	対応基準提案書		incident_write_criteria_docx()
 *	再発防止策の提案書	incident_write_prevention_docx()
 *	事故等報告書		incident_write_report_docx()
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "docx.h"
#include "error.h"
#include "incident.h"
#include "incident_int.h"
#include "text.h"

/* --- common ------------------------------------------------------------ */

/* Table text is set flush left: justified text in narrow cells spreads. */
static const struct docx_para_style LEFT = { .align = DOCX_LEFT };

/*
 * Text as shown: a hyphen between two ASCII letters or digits (AES-256,
 * 7-Zip, tr-01) becomes a non-breaking hyphen (U+2011), so a line never
 * breaks inside such a word.  NULL stays NULL; the caller frees.
 */
static char *
shown(const char *s)
{
	struct buf	b = BUF_INIT;
	const char	*p;

	if (s == NULL)
		return NULL;
	for (p = s; *p != '\0'; p++) {
		if (*p == '-' && p > s && p[1] != '\0' &&
		    (unsigned char)p[-1] < 0x80 && isalnum((unsigned char)p[-1])
		    && (unsigned char)p[1] < 0x80 &&
		    isalnum((unsigned char)p[1]))
			buf_puts(&b, "\xe2\x80\x91");
		else
			buf_putc(&b, *p);
	}
	if (b.data == NULL)
		buf_puts(&b, "");
	return buf_detach(&b, NULL);
}

static int
cell(struct docx_table *t, size_t row, size_t col, const char *text,
    const struct docx_para_style *ps)
{
	char	*v = shown(text);
	int	 rc;

	if (text != NULL && v == NULL)
		return error_set(NC_ENOMEM, "out of memory");
	rc = docx_table_cell(t, row, col, v, ps);
	free(v);
	return rc;
}

static int
body(struct docx *d, const char *text)
{
	char	*v = shown(text);
	int	 rc;

	if (text != NULL && v == NULL)
		return error_set(NC_ENOMEM, "out of memory");
	rc = docx_add_outline_body(d, v);
	free(v);
	return rc;
}

static const char *
author_of(struct store *st)
{
	const struct node	*cfg;
	const char		*s;

	if (store_config(&cfg, st) != 0) {
		error_clear();
		return NULL;
	}
	if ((s = node_get_str(node_get(cfg, "documents"), "author")) != NULL)
		return s;
	return node_get_str(cfg, "contractor");
}

static int
new_doc(struct docx **out, const char *title, const char *date_iso,
    const char *author)
{
	struct docx_props	 props;
	struct docx_report	 cover;
	char			 day[CAL_FMT_MAX];
	int			 rc;

	memset(&props, 0, sizeof props);
	props.title = title;
	props.author = author;
	props.created = date_iso;
	if ((rc = docx_new(out, &props)) != 0)
		return rc;
	inc_era(day, date_iso);
	memset(&cover, 0, sizeof cover);
	cover.title = title;
	cover.date = day[0] != '\0' ? day : NULL;
	cover.author = author;
	if ((rc = docx_footer_page_number(*out, DOCX_PAGENUM_DASH)) != 0 ||
	    (rc = docx_add_report_cover(*out, &cover)) != 0) {
		docx_free(*out);
		*out = NULL;
	}
	return rc;
}

/*
 * A list item in the body under an outline heading of level depth: the
 * label hangs ("ア　text", "(1)　text") so wrapped lines align.  keep
 * keeps it on the page of what follows.
 */
/*
 * The 助言・提案 recorded as what was done (「…ことを助言した。」「…
 * ことを提案した。」) as the document says it (review 19, rev19a T9):
 * in the 提案書, which makes the proposal, 「…ことを提案する。」; in the
 * 事故等報告書, under its lead 「次のことを提案した。」, the thing
 * proposed, 「…こと。」.  Other text is left as it is.
 */
static char *
as_proposed(const char *text, int in_report)
{
	static const char *const past[] = { "ことを助言した。",
	    "ことを提案した。" };
	struct buf	 b = BUF_INIT;
	const char	*p = text, *hit, *q;
	size_t		 i, len = 0;

	if (text == NULL)
		return NULL;
	while (*p != '\0') {
		hit = NULL;
		for (i = 0; i < sizeof past / sizeof past[0]; i++)
			if ((q = strstr(p, past[i])) != NULL &&
			    (hit == NULL || q < hit)) {
				hit = q;
				len = strlen(past[i]);
			}
		if (hit == NULL) {
			buf_puts(&b, p);
			break;
		}
		buf_printf(&b, "%.*s%s", (int)(hit - p), p, in_report ?
		    "こと。" : "ことを提案する。");
		p = hit + len;
	}
	buf_puts(&b, "");
	if (buf_ok(&b) != 0) {
		buf_free(&b);
		return NULL;
	}
	return b.data;
}

/*
 * text and its bracket tail as add_item() lays them out, the bracket
 * whole on one line: where it would straddle the end of text's last
 * line, it starts the next (review 19, rev19a T8: 「（有効／性：有効）」).
 */
static void
with_tail(struct buf *b, const struct docx *d, int depth, const char *label,
    const char *text, const char *tail)
{
	unsigned	room = docx_text_width(d), used;

	used = (unsigned)depth * 100 + docx_measure(label) + 100;
	room = room > used ? room - used : 0;
	used = room > 0 ? docx_measure(text) % room : 0;
	buf_reset(b);
	buf_printf(b, "%s%s%s", text, room > 0 && used > 0 &&
	    used + docx_measure(tail) > room ? "\n" : "", tail);
}

static int
add_item(struct docx *d, int depth, const char *label, const char *text,
    int keep)
{
	struct docx_para_style	 ps;
	struct buf		 b = BUF_INIT;
	unsigned		 w = docx_measure(label) + 100;
	char			*v = shown(text);
	int			 rc;

	memset(&ps, 0, sizeof ps);
	ps.indent_left = depth * 100 + (int)w;
	ps.indent_first = -(int)w;
	/* The last item keeps 以上 company on its page. */
	ps.keep_next = keep;
	buf_printf(&b, "%s　%s", label, v != NULL ? v : "");
	if ((rc = buf_ok(&b)) == 0)
		rc = docx_add_para(d, b.data, &ps);
	buf_free(&b);
	free(v);
	return rc;
}

/* A two-column table of labels and values; empty values are left out. */
static int
add_kv(struct docx *d, const char *const *kv, size_t n)
{
	static const unsigned	 w[] = { 24, 76 };
	struct docx_table	*t = NULL;
	struct docx_para_style	 lab;
	size_t			 i, row = 0;
	int			 rc = 0;

	memset(&lab, 0, sizeof lab);
	lab.gothic = 1;
	lab.align = DOCX_LEFT;
	if ((rc = docx_table_new(&t, 2, w)) != 0)
		return rc;
	for (i = 0; i < n && rc == 0; i++) {
		if (kv[2 * i + 1] == NULL || kv[2 * i + 1][0] == '\0')
			continue;
		if ((rc = cell(t, row, 0, kv[2 * i], &lab)) == 0)
			rc = cell(t, row, 1, kv[2 * i + 1], &LEFT);
		row++;
	}
	if (rc == 0)
		rc = docx_add_table(d, t);
	docx_table_free(t);
	return rc;
}

/* A table with a header row of n columns. */
static int
table_start(struct docx_table **t, const char *const *h,
    const unsigned *w, size_t n)
{
	size_t	i;
	int	rc;

	if ((rc = docx_table_new(t, n, w)) != 0)
		return rc;
	for (i = 0; i < n; i++)
		if ((rc = cell(*t, 0, i, h[i], &LEFT)) != 0)
			return rc;
	return docx_table_header_rows(*t, 1);
}

/* --- the incident view ---------------------------------------------------- */

struct v_entry {
	long		 t;		/* incident_time(), -1 unknown */
	char		 when[64];
	const char	*type;
	char		*text;		/* with corrections and checks */
};

struct v_measure {
	const char	*measure;
	const char	*rating;	/* label, or NULL */
	const char	*reason;
	const char	*proposal;
};

struct v_oblig {
	char		 due[CAL_FMT_MAX];
	const char	*to;
	const char	*title;
	const char	*basis;
	char		*state;
	const char	*why;
};

struct inc_view {
	const struct schema	*kind;		/* incident */
	const char		*title;
	const char		*ref_no;
	char			*org;
	const char		*category, *severity, *status;
	char			 occurred[CAL_FMT_MAX], discovered[CAL_FMT_MAX];
	char			 reported[CAL_FMT_MAX], closed[CAL_FMT_MAX];
	char			 date_iso[16];	/* the document's date */
	char			 status_text[256]; /* 状況 as at that date */
	int			 is_closed;	/* 終結 as at that date */
	const char		*system, *affected, *contractor;
	const char		*description, *response, *advice;
	char			*privacy;	/* one sentence, or NULL */
	char			*isolation;	/* one sentence, or NULL */
	char			*durations;
	struct v_entry		*tl;
	size_t			 ntl;
	int			 dated;		/* tl: the record's dates */
	struct incident_obligations ob;
	struct v_oblig		*obl;
	size_t			 nobl;
	const char		*cause, *measures_text, *comment, *report_no;
	const char		*rating;	/* the measures', label */
	char			 received[CAL_FMT_MAX], reviewed[CAL_FMT_MAX];
	struct v_measure	*m;
	size_t			 nm;
	unsigned		 counts[3];	/* 有効, 一部有効, 不十分 */
	const char		*author;
};

static void
view_free(struct inc_view *v)
{
	size_t	i;

	free(v->org);
	free(v->privacy);
	free(v->isolation);
	free(v->durations);
	for (i = 0; i < v->ntl; i++)
		free(v->tl[i].text);
	free(v->tl);
	for (i = 0; i < v->nobl; i++)
		free(v->obl[i].state);
	free(v->obl);
	incident_obligations_free(&v->ob);
	free(v->m);
	memset(v, 0, sizeof *v);
}

static char *
org_of(struct store *st, const char *code)
{
	const char	*name = NULL, *dept = NULL;
	struct buf	 b = BUF_INIT;

	if (code == NULL)
		return NULL;
	if (store_org(&name, &dept, st, code) != 0) {
		error_clear();
		buf_puts(&b, code);
	} else if (dept != NULL)
		/*
		 * 部 and 課 apart, as the other documents write them (区民部
		 * 戸籍住民課, review_doc.c): 「地域文化部文化・生涯学習課」 ran
		 * them together (rev21b T10)
		 */
		buf_printf(&b, "%s %s", dept, name);
	else
		buf_puts(&b, name);
	return buf_detach(&b, NULL);
}

#define NO_PRIVACY	"個人情報は含まれない。"

static char *
privacy_of(const struct schema *kind, const struct node *root)
{
	static const char *const flags[] = { "sensitive", "ordinance",
	    "financial", "wrongful", "exposed", "number_system", NULL };
	const struct node	*pv = node_get(root, "privacy");
	const char		*s;
	struct buf		 b = BUF_INIT;
	char			 path[64];
	size_t			 i;
	int			 n = 0;

	if (!node_scalar_eq(node_get(root, "personal_info"), "true") &&
	    !node_scalar_eq(node_get(root, "my_number"), "true"))
		return node_get(root, "personal_info") != NULL ?
		    strdup(NO_PRIVACY) : NULL;
	buf_puts(&b, node_scalar_eq(node_get(root, "my_number"), "true") ?
	    "特定個人情報（マイナンバーを含む個人情報）を含む。" :
	    "個人情報を含む。");
	if ((s = node_get_str(pv, "items")) != NULL)
		buf_printf(&b, "項目は%s。", s);
	if ((s = node_get_str(pv, "people")) != NULL) {
		long	 n = strtol(s, NULL, 10);

		if (n >= 1000)
			buf_printf(&b, "本人の数は%ld,%03ld人。", n / 1000,
			    n % 1000);
		else
			buf_printf(&b, "本人の数は%ld人。", n);
	}
	for (i = 0; flags[i] != NULL; i++) {
		if (!node_scalar_eq(node_get(pv, flags[i]), "true"))
			continue;
		snprintf(path, sizeof path, "privacy.%s", flags[i]);
		buf_printf(&b, "%s%s", n++ == 0 ? "" : "、",
		    schema_title(schema_at(kind, path)));
	}
	if (n > 0)
		buf_puts(&b, "。");
	return buf_detach(&b, NULL);
}

/* One line of the timeline: its text and corrections. */
static char *
entry_text(const struct node *e)
{
	const struct node	*cs = node_get(e, "corrections");
	struct buf		 b = BUF_INIT;
	char			 t[64];
	size_t			 i;

	buf_puts(&b, node_get_str(e, "text") != NULL ?
	    node_get_str(e, "text") : "");
	for (i = 0; cs != NULL && cs->kind == NODE_SEQ && i < cs->n; i++) {
		if (incident_time_era(t, sizeof t, node_get_str(cs->u.items[i],
		    "was"), CAL_ERA_LONG) != 0) {
			error_clear();
			continue;
		}
		buf_printf(&b, "\n（日時を訂正。訂正前は%s%s%s）", t,
		    node_get_str(cs->u.items[i], "reason") != NULL ? "。" : "",
		    node_get_str(cs->u.items[i], "reason") != NULL ?
		    node_get_str(cs->u.items[i], "reason") : "");
	}
	return buf_detach(&b, NULL);
}

/* The answers of e's criteria run, a line each (\n・…【はい】), or NULL. */
static char *
entry_answers(const struct node *e)
{
	const struct node	*chk = node_get(e, "check"), *as;
	struct buf		 b = BUF_INIT;
	size_t			 i;

	as = chk != NULL ? node_get(chk, "answers") : NULL;
	if (as == NULL || as->kind != NODE_SEQ || as->n == 0)
		return NULL;
	for (i = 0; i < as->n; i++)
		buf_printf(&b, "\n・%s【%s】",
		    node_get_str(as->u.items[i], "text") != NULL ?
		    node_get_str(as->u.items[i], "text") :
		    node_get_str(as->u.items[i], "question"),
		    node_get_str(as->u.items[i], "label") != NULL ?
		    node_get_str(as->u.items[i], "label") :
		    node_get_str(as->u.items[i], "answer"));
	return buf_detach(&b, NULL);
}

/* 6分, 1時間35分, 47時間8分（約2.0日）. */
static char *
hours(double h)
{
	struct buf	b = BUF_INIT;
	long		m = (long)(h * 60 + 0.5);
	char		days[32];

	if (m < 60)
		buf_printf(&b, "%ld分", m);
	else if (m % 60 == 0)
		buf_printf(&b, "%ld時間", m / 60);
	else
		buf_printf(&b, "%ld時間%ld分", m / 60, m % 60);
	if (m >= 24 * 60) {
		/* half up once: 30 hours is 約1.3日, not printf's 1.2 */
		text_pct1(days, sizeof days, (double)m / 1440, 0, "");
		buf_printf(&b, "（約%s日）", days);
	}
	return buf_detach(&b, NULL);
}

int
incident_prevention_reviewed(const struct node *root, const char *status,
    const char *date)
{
	const char	*rv = node_get_str(node_get(root, "prevention"),
			    "reviewed");

	return status != NULL && strcmp(status, "prevention") == 0 &&
	    rv != NULL && (date == NULL || strncmp(rv, date, 10) <= 0);
}

/*
 * 状況 as the records stand on the document's date (YYYY-MM-DD): the
 * status the last status change up to that day set (the one before the
 * first change after it, else the record's), and a review of the
 * measures made by then said as done: a report of 8月14日 read
 * 再発防止策の確認中 beside the 再発防止策の提案書 of 8月7日.
 */
static void
status_asof(char *out, size_t size, const struct schema *k,
    const struct node *root, const char *date)
{
	const struct node	*tl = incident_timeline(root), *e, *ch;
	const struct node	*p = node_get(root, "prevention");
	const char		*st = node_get_str(root, "status"), *at;
	const char		*rv;
	char			 day[CAL_FMT_MAX];
	size_t			 i;
	int			 seen = 0;

	for (i = 0; date[0] != '\0' && tl != NULL && i < tl->n; i++) {
		e = tl->u.items[i];
		ch = node_get(e, "change");
		if (!node_scalar_eq(node_get(e, "type"), "status") ||
		    ch == NULL || (at = node_get_str(e, "at")) == NULL)
			continue;
		if (strncmp(at, date, 10) <= 0) {
			if (node_get_str(ch, "to") != NULL)
				st = node_get_str(ch, "to");
			seen = 1;
		} else {
			if (!seen && node_get_str(ch, "from") != NULL)
				st = node_get_str(ch, "from");
			break;
		}
	}
	rv = node_get_str(p, "reviewed");
	if (date[0] != '\0' && incident_prevention_reviewed(root, st, date)) {
		inc_era(day, rv);
		/* one line of the table's cell */
		snprintf(out, size, "再発防止策の確認済み（%sに提案書を提出）",
		    day);
		return;
	}
	snprintf(out, size, "%s", inc_label(k, "status", st));
}

/*
 * Where the timeline has no entry to show, the course of events as the
 * record's dates give it: a 事故等報告書 of a closed incident of 重大度 高
 * said only 「経過の記録はない。」 beside its 発生日, 発見日, 報告受理日 and
 * 終結日.  In this order on the same day.
 */
static const struct {
	const char	*path;		/* a date or time of the record */
	const char	*type;		/* 区分 */
	const char	*text;		/* 内容 */
} record_dates[] = {
	{ "occurred", "発生", "事故等が発生した。" },
	{ "discovered", "発見", "所管課が事故等を発見した。" },
	{ "privacy.known", "個人情報", "個人情報の漏えい等の事態を知った。" },
	{ "reported", "報告受理", "所管課からの報告を受理した。" },
	{ "isolation.decided", "遮断の判断", NULL },
	{ "isolation.restored", "接続の再開", "ネットワークへの接続を再開し"
	    "た。" },
	{ "prevention.received", "報告書の受領", "所管課の報告書を受領した。" },
	{ "prevention.reviewed", "再発防止策の確認", "再発防止策の有効性を確認"
	    "した。" },
	{ "closed", "終結", "事故等の対応を終結した。" },
};
#define NRECORD_DATES	(sizeof record_dates / sizeof record_dates[0])

/*
 * The record's dates up to asof (or all) into v->tl, in time order;
 * v->dated says so.  The timeline showed nothing (v->ntl is 0).
 */
static int
dates_build(struct inc_view *v, const struct schema *k,
    const struct node *root, const char *asof)
{
	const char	*at[NRECORD_DATES], *s;
	size_t		 i, j, ord[NRECORD_DATES], n = 0, tmp;
	char		*sp;

	for (i = 0; i < NRECORD_DATES; i++) {
		s = inc_path_str(root, record_dates[i].path);
		if (s == NULL || strlen(s) < 10 ||
		    (asof != NULL && strncmp(s, asof, 10) > 0))
			continue;
		at[i] = s;
		/* by day, the table's order within a day (a stable insert) */
		for (j = n; j > 0 && strncmp(at[ord[j - 1]], s, 10) > 0; j--)
			ord[j] = ord[j - 1];
		ord[j] = i;
		n++;
	}
	if (n == 0)
		return 0;
	free(v->tl);
	if ((v->tl = calloc(n, sizeof *v->tl)) == NULL)
		return error_set(NC_ENOMEM, "out of memory");
	for (j = 0; j < n; j++) {
		struct v_entry	*e = &v->tl[v->ntl];

		tmp = ord[j];
		s = at[tmp];
		if (strlen(s) > 10) {
			/* a time: the date and the time on two lines */
			if (incident_time_era(e->when, sizeof e->when, s,
			    CAL_ERA_LONG) != 0) {
				error_clear();
				continue;
			}
			if ((sp = strchr(e->when, ' ')) != NULL)
				*sp = '\n';
		} else {
			inc_era(e->when, s);
			if (e->when[0] == '\0')
				continue;
		}
		e->type = record_dates[tmp].type;
		e->text = record_dates[tmp].text != NULL ?
		    strdup(record_dates[tmp].text) :
		    text_printf("ネットワーク遮断の判断は「%s」。",
		    inc_label(k, "isolation.decision", inc_path_str(root,
		    "isolation.decision")));
		if (e->text == NULL)
			return error_set(NC_ENOMEM, "out of memory");
		v->ntl++;
	}
	v->dated = v->ntl > 0;
	return 0;
}

/*
 * Whether the timeline has an entry of one of types at t: the record's
 * decision or reconnection the timeline already tells (the sample's
 * 「判断基準により…決定した」 at isolation.decided).
 */
static int
told_at(const struct node *root, long t, const char *const *types)
{
	const struct node	*tl = incident_timeline(root), *e;
	size_t			 i, j;
	long			 u;

	for (i = 0; tl != NULL && i < tl->n; i++) {
		e = tl->u.items[i];
		if (incident_time(&u, node_get_str(e, "at")) != 0) {
			error_clear();
			continue;
		}
		for (j = 0; u == t && types[j] != NULL; j++)
			if (node_scalar_eq(node_get(e, "type"), types[j]))
				return 1;
	}
	return 0;
}

/*
 * The record's network cut (isolation.decided) and reconnection
 * (isolation.restored) into the timeline's rows v->tl, in time order,
 * where the timeline does not tell them itself: a 事故等報告書 gave
 * 「部分遮断（令和9年10月19日 10:01）」 and the reconnection of 10月21日
 * in its text only, beside a 経過 that began at 11:10, so that the
 * reader saw the cut outside the course of events.  Up to asof.
 */
static int
isolation_build(struct inc_view *v, const struct schema *k,
    const struct node *root, const char *asof)
{
	static const char *const decided_by[] = { "decision", "isolation",
	    "triage", NULL };
	static const char *const restored_by[] = { "recovery", NULL };
	static const char *const fields[] = { "decided", "restored" };
	const struct node	*iso = node_get(root, "isolation");
	struct v_entry		*tl, *e;
	const char		*s;
	char			*sp, path[32];
	size_t			 i, j, r;
	long			 t;

	for (i = 0; iso != NULL && i < 2; i++) {
		s = node_get_str(iso, fields[i]);
		if (s == NULL || incident_time(&t, s) != 0 ||
		    (asof != NULL && strncmp(s, asof, 10) > 0)) {
			error_clear();
			continue;
		}
		if (told_at(root, t, i == 0 ? decided_by : restored_by))
			continue;
		if ((tl = realloc(v->tl, (v->ntl + 1) * sizeof *tl)) == NULL)
			return error_set(NC_ENOMEM, "out of memory");
		v->tl = tl;
		/* after every row not later than it */
		for (j = v->ntl; j > 0 && tl[j - 1].t > t; j--)
			;
		memmove(&tl[j + 1], &tl[j], (v->ntl - j) * sizeof *tl);
		e = &tl[j];
		memset(e, 0, sizeof *e);
		v->ntl++;
		e->t = t;
		if (incident_time_era(e->when, sizeof e->when, s,
		    CAL_ERA_LONG) != 0)
			error_clear();
		if ((sp = strchr(e->when, ' ')) != NULL)
			*sp = '\n';
		/* the rows a record without a timeline has for them */
		snprintf(path, sizeof path, "isolation.%s", fields[i]);
		for (r = 0; strcmp(record_dates[r].path, path) != 0; r++)
			;
		e->type = record_dates[r].type;
		e->text = record_dates[r].text != NULL ?
		    strdup(record_dates[r].text) :
		    text_printf("ネットワーク遮断の判断は「%s」。",
		    inc_label(k, "isolation.decision", node_get_str(iso,
		    "decision")));
		if (e->text == NULL)
			return error_set(NC_ENOMEM, "out of memory");
	}
	return 0;
}

/*
 * The latest day (YYYY-MM-DD) of the record's dates and its timeline, up
 * to asof when not NULL: what a document of the incident reports last.
 */
static void
latest(char *out, size_t size, const struct node *root, const char *asof)
{
	const struct node	*tl = incident_timeline(root);
	const char		*s, *best = NULL;
	size_t			 i, n = tl != NULL ? tl->n : 0;

	for (i = 0; i < NRECORD_DATES + n; i++) {
		s = i < NRECORD_DATES ? inc_path_str(root,
		    record_dates[i].path) : node_get_str(tl->u.items[i -
		    NRECORD_DATES], "at");
		if (s == NULL || strlen(s) < 10 ||
		    (asof != NULL && strncmp(s, asof, 10) > 0))
			continue;
		if (best == NULL || strncmp(s, best, 10) > 0)
			best = s;
	}
	snprintf(out, size, "%.10s", best != NULL ? best : "");
}

/*
 * The view of one incident; detail adds the answers of each criteria run
 * to 3(2) (the report has them, the prevention proposal not).
 * asof (YYYY-MM-DD, or NULL) is the document's date: a document tells
 * the course of events as it stood that day, not what happened after.
 */
static int
view_build(struct inc_view *v, struct incident_ctx *c,
    const struct node *root, int detail, const char *asof)
{
	const struct schema	*k = incident_ctx_kind(c);
	const struct node	*tl = incident_timeline(root), *e, *iso, *p;
	const struct node	*items;
	struct buf		 b = BUF_INIT;
	const char		*s;
	char			 day[CAL_FMT_MAX], iso10[16], *h1, *h2, *sp;
	double			 dc, dr;
	long			 t;
	size_t			 i;
	int			 rc, kept_contain = 0, kept_recover = 0;
	int			 kept_cut = 0;
	const struct node	*chk;
	const char		*rec = NULL, *rec_title = NULL;
	struct buf		 answers = BUF_INIT;
	char			 when[CAL_FMT_MAX + 16], *as;

	memset(v, 0, sizeof *v);
	v->kind = k;
	v->author = author_of(incident_ctx_store(c));
	v->title = node_get_str(root, "title");
	v->ref_no = node_get_str(root, "ref_no");
	v->org = org_of(incident_ctx_store(c), node_get_str(root, "org"));
	v->category = inc_label(k, "category", node_get_str(root, "category"));
	v->severity = node_get_str(root, "severity") != NULL ?
	    inc_label(k, "severity", node_get_str(root, "severity")) : NULL;
	inc_era(v->occurred, node_get_str(root, "occurred"));
	inc_era(v->discovered, node_get_str(root, "discovered"));
	inc_era(v->reported, node_get_str(root, "reported"));
	inc_era(v->closed, node_get_str(root, "closed"));
	v->system = node_get_str(root, "system");
	v->affected = node_get_str(root, "affected");
	v->contractor = node_get_str(root, "contractor");
	v->description = node_get_str(root, "description");
	v->response = node_get_str(root, "response");
	v->advice = node_get_str(root, "advice");
	v->privacy = privacy_of(k, root);

	/*
	 * The document's date: the last thing it reports, never before it
	 * (a report of an open incident was dated its 報告受理日, 3月4日,
	 * above the 報告書の受領 of 3月13日 and the 再発防止策の確認 of
	 * 3月17日 in its 経過).  For a closed incident its 終結日 as a rule.
	 */
	latest(v->date_iso, sizeof v->date_iso, root, asof);
	status_asof(v->status_text, sizeof v->status_text, k, root,
	    v->date_iso);
	v->status = v->status_text;
	v->is_closed = strcmp(v->status_text, inc_label(k, "status", "closed")) ==
	    0;

	if (tl != NULL && tl->n > 0 &&
	    (v->tl = calloc(tl->n, sizeof *v->tl)) == NULL)
		return error_set(NC_ENOMEM, "out of memory");
	for (i = 0; tl != NULL && i < tl->n; i++) {
		e = tl->u.items[i];
		/* Status changes are the tool's bookkeeping, not events. */
		if (node_scalar_eq(node_get(e, "type"), "status"))
			continue;
		if (asof != NULL && node_get_str(e, "at") != NULL &&
		    strncmp(node_get_str(e, "at"), asof, 10) > 0)
			continue;
		if (node_scalar_eq(node_get(e, "type"), "containment"))
			kept_contain = 1;
		if (node_scalar_eq(node_get(e, "type"), "isolation"))
			kept_contain = kept_cut = 1;
		if (node_scalar_eq(node_get(e, "type"), "recovery"))
			kept_recover = 1;
		if (incident_time_era(v->tl[v->ntl].when,
		    sizeof v->tl[v->ntl].when, node_get_str(e, "at"),
		    CAL_ERA_LONG) != 0) {
			error_clear();
			continue;
		}
		/* The date and the time on two lines of the table's cell. */
		if ((sp = strchr(v->tl[v->ntl].when, ' ')) != NULL)
			*sp = '\n';
		if (incident_time(&v->tl[v->ntl].t, node_get_str(e, "at"))
		    != 0) {
			error_clear();
			v->tl[v->ntl].t = -1;
		}
		v->tl[v->ntl].type = inc_label(k, "timeline.type",
		    node_get_str(e, "type"));
		/*
		 * the answers of a criteria run in 3(2), not in the course
		 * of events: a cell of 22 lines in a column of 17
		 * characters left half of page 1 empty (rev21b T9)
		 */
		if ((v->tl[v->ntl].text = entry_text(e)) == NULL) {
			rc = error_set(NC_ENOMEM, "out of memory");
			goto done;
		}
		if ((chk = node_get(e, "check")) != NULL) {
			if (node_scalar_eq(node_get(chk, "phase"), "triage")) {
				rec = node_get_str(chk, "recommendation");
				rec_title = node_get_str(chk,
				    "recommendation_title");
			}
			if (detail && (as = entry_answers(e)) != NULL) {
				snprintf(when, sizeof when, "%s",
				    v->tl[v->ntl].when);
				if ((sp = strchr(when, '\n')) != NULL)
					*sp = ' ';
				buf_printf(&answers, "%s%sの判断基準による確認"
				    "（%s）の回答は次のとおり。%s",
				    answers.len > 0 ? "\n" : "",
				    node_scalar_eq(node_get(chk, "phase"),
				    "triage") ? "遮断" : "復旧", when, as);
				free(as);
			}
		}
		v->ntl++;
	}
	if (v->ntl == 0 && (rc = dates_build(v, k, root, asof)) != 0)
		goto done;
	if (!v->dated && v->ntl > 0 && (rc = isolation_build(v, k, root,
	    asof)) != 0)
		goto done;
	for (i = 0; i < v->ntl; i++) {
		/* the record's cut and 復旧 the course of events shows */
		if (strcmp(v->tl[i].type, "遮断の判断") == 0 &&
		    (node_scalar_eq(inc_path(root, "isolation.decision"),
		    "isolate") || node_scalar_eq(inc_path(root,
		    "isolation.decision"), "partial")))
			kept_contain = kept_cut = 1;
		if (strcmp(v->tl[i].type, "接続の再開") == 0)
			kept_recover = 1;
	}
	if ((iso = node_get(root, "isolation")) != NULL) {
		/* a network cut, decided by the document's date */
		if ((node_scalar_eq(node_get(iso, "decision"), "isolate") ||
		    node_scalar_eq(node_get(iso, "decision"), "partial")) &&
		    (asof == NULL || node_get_str(iso, "decided") == NULL ||
		    strncmp(node_get_str(iso, "decided"), asof, 10) <= 0))
			kept_cut = 1;
		buf_reset(&b);
		/*
		 * in the words of the criteria that recommended it, as the
		 * course of events and the 対応基準提案書 say it: 「遮断せず
		 * 監視」 beside 「接続を維持して監視」 (rev21b T9)
		 */
		buf_printf(&b, "ネットワーク遮断の判断は「%s」", rec != NULL &&
		    rec_title != NULL && node_scalar_eq(node_get(iso,
		    "decision"), rec) ? rec_title : inc_label(k,
		    "isolation.decision", node_get_str(iso, "decision")));
		if (node_get_str(iso, "decided") != NULL &&
		    incident_time_era(day, sizeof day, node_get_str(iso,
		    "decided"), CAL_ERA_LONG) == 0)
			buf_printf(&b, "（%s）", day);
		buf_puts(&b, "。");
		if (node_get_str(iso, "reason") != NULL)
			buf_printf(&b, "%s", node_get_str(iso, "reason"));
		if (node_get_str(iso, "restored") != NULL &&
		    incident_time_era(day, sizeof day, node_get_str(iso,
		    "restored"), CAL_ERA_LONG) == 0)
			buf_printf(&b, "\n%sに接続を再開した。", day);
		error_clear();
		v->isolation = buf_detach(&b, NULL);
	}
	/* the criteria's answers after the decision they led to */
	if ((rc = buf_ok(&answers)) != 0)
		goto done;
	if (answers.len > 0) {
		sp = v->isolation;
		v->isolation = text_printf("%s%s%s", sp != NULL ? sp : "",
		    sp != NULL ? "\n" : "", answers.data);
		free(sp);
		if (v->isolation == NULL) {
			rc = error_set(NC_ENOMEM, "out of memory");
			goto done;
		}
	}
	incident_durations(&dc, &dr, root);
	/* nothing the document's course of events does not show */
	if (!kept_contain)
		dc = -1;
	if (!kept_recover)
		dr = -1;
	if (dc >= 0 || dr >= 0) {
		buf_reset(&b);
		h1 = dc >= 0 ? hours(dc) : NULL;
		h2 = dr >= 0 ? hours(dr) : NULL;
		buf_puts(&b, "検知・発見から");
		/*
		 * 遮断 only where a network was cut: an e-mail sent amiss
		 * is contained by asking its recipient to delete it.
		 */
		if (h1 != NULL)
			buf_printf(&b, "%sまで%s", kept_cut ?
			    "封じ込め・遮断" : "封じ込め", h1);
		if (h1 != NULL && h2 != NULL)
			buf_puts(&b, "、");
		if (h2 != NULL)
			buf_printf(&b, "復旧まで%s", h2);
		buf_puts(&b, "であった。");
		free(h1);
		free(h2);
		v->durations = buf_detach(&b, NULL);
	}

	if ((rc = incident_obligations(&v->ob, c, root)) != 0)
		goto done;
	if (v->ob.n > 0 &&
	    (v->obl = calloc(v->ob.n, sizeof *v->obl)) == NULL) {
		rc = error_set(NC_ENOMEM, "out of memory");
		goto done;
	}
	for (i = 0; i < v->ob.n; i++) {
		struct v_oblig *o = &v->obl[v->nobl++];

		if (cal_format_era(o->due, sizeof o->due, v->ob.v[i].due,
		    CAL_ERA_LONG) != 0)
			error_clear();
		o->to = v->ob.v[i].to;
		o->title = v->ob.v[i].title;
		o->basis = v->ob.v[i].basis;
		o->why = v->ob.v[i].why;
		buf_reset(&b);
		if (v->ob.v[i].done_seq != 0 &&
		    incident_time(&t, v->ob.v[i].done_at) == 0) {
			/*
			 * In the style of the 期限 beside it: 報告済 令和8年
			 * 7月22日 (報告済 7月22日 dropped the era and year).
			 */
			snprintf(iso10, sizeof iso10, "%.10s",
			    v->ob.v[i].done_at);
			inc_era(day, iso10);
			buf_printf(&b, "報告済\n%s", day);
		} else
			buf_puts(&b, v->ob.v[i].done_seq != 0 ? "報告済" :
			    "未了");
		error_clear();
		o->state = buf_detach(&b, NULL);
	}

	p = node_get(root, "prevention");
	v->cause = node_get_str(p, "cause");
	v->measures_text = node_get_str(p, "measures");
	v->comment = node_get_str(p, "comment");
	v->rating = node_get_str(p, "rating") != NULL ? inc_label(k,
	    "prevention.rating", node_get_str(p, "rating")) : NULL;
	v->report_no = node_get_str(p, "report_no");
	inc_era(v->received, node_get_str(p, "received"));
	inc_era(v->reviewed, node_get_str(p, "reviewed"));
	items = incident_measures(root);
	if (items != NULL && items->n > 0 &&
	    (v->m = calloc(items->n, sizeof *v->m)) == NULL) {
		rc = error_set(NC_ENOMEM, "out of memory");
		goto done;
	}
	for (i = 0; items != NULL && i < items->n; i++) {
		e = items->u.items[i];
		v->m[i].measure = node_get_str(e, "measure");
		s = node_get_str(e, "rating");
		v->m[i].rating = s != NULL ? inc_label(k,
		    "prevention.items.rating", s) : NULL;
		v->m[i].reason = node_get_str(e, "reason");
		v->m[i].proposal = node_get_str(e, "proposal");
		if (s != NULL)
			v->counts[strcmp(s, "effective") == 0 ? 0 :
			    strcmp(s, "partial") == 0 ? 1 : 2]++;
		v->nm++;
	}
	rc = 0;
done:
	buf_free(&b);
	buf_free(&answers);
	return rc;
}

/* The day a deadline counts from, by its field: 所管課が事故等を発見した日. */
static const char *
base_phrase(const struct schema *k, const char *field)
{
	static const struct {
		const char	*field, *text;
	} phrases[] = {
		{ "discovered", "所管課が事故等を発見した日" },
		{ "privacy.known", "個人情報の漏えい等の事態を知った日" },
		{ "occurred", "事故等が発生した日" },
		{ "reported", "所管課からの報告を受理した日" },
	};
	const char	*t;
	size_t		 i;

	for (i = 0; i < sizeof phrases / sizeof phrases[0]; i++)
		if (strcmp(phrases[i].field, field) == 0)
			return phrases[i].text;
	t = schema_title(schema_at(k, field));
	return t != NULL ? t : field;
}

/*
 * How the days of a report counted from its first day are counted, as
 * the 個人情報保護委員会's guideline (通則編 3-5-3-4) counts the 確報's 30
 * or 60 days: the day the event was known is day 1, and a last day on a
 * day the ward is closed moves to the next day it is open (review 19,
 * rev19a T23: 8月19日 gave 9月17日, 3月1日 gave 3月31日 for a Sunday
 * 3月30日, with no word of either).  The reports so counted are named,
 * A、BおよびC.
 */
static void
rule_text(struct buf *b, const struct inc_view *v)
{
	const struct incident_obligation *o;
	const struct node	*due;
	size_t			 i, n = 0, k = 0;
	int			 closed = 1;

	for (i = 0; i < v->ob.n; i++) {
		due = node_get(v->ob.v[i].report, "due");
		if (node_scalar_eq(node_get(due, "first_day"), "true")) {
			n++;
			closed &= node_scalar_eq(node_get(due, "closed"),
			    "next");
		}
	}
	if (n == 0)
		return;
	for (i = 0; i < v->ob.n; i++) {
		o = &v->ob.v[i];
		due = node_get(o->report, "due");
		if (!node_scalar_eq(node_get(due, "first_day"), "true"))
			continue;
		buf_printf(b, "%s%s", k == 0 ? "" : k + 1 == n ? "および" :
		    "、", o->title != NULL ? o->title : o->ref);
		k++;
	}
	buf_printf(b, "の期限は、起算の日を1日目として数え%s。", closed ?
	    "、最後の日が閉庁日のときは翌開庁日とした" : "た");
}

/*
 * Which day the deadlines count from, with its date: 「事故等を知った日」
 * alone was read as the 対応基準提案書's 所管課が発見した日 (8月29日),
 * while the reports of personal information counted from the day it was
 * known to be at stake (8月30日): one day later without saying so.  The
 * reports' own rule (due.from) decides.  Days that differ each name
 * their reports, the day of most reports 「その他」; one day is said as
 * what it is where every report counts from the same field.
 */
static void
bases_text(struct buf *b, const struct inc_view *v, const struct schema *k)
{
	const struct incident_obligation *o, *g[16];
	char		 day[CAL_FMT_MAX];
	size_t		 i, j, n = 0, cnt[16], most = 0, m;
	int		 same[16];

	for (i = 0; i < v->ob.n; i++) {
		o = &v->ob.v[i];
		for (j = 0; j < n; j++)
			if (cal_cmp(g[j]->base, o->base) == 0)
				break;
		if (j == n) {
			if (n == sizeof g / sizeof g[0])
				continue;
			g[n] = o;
			same[n] = 1;
			cnt[n++] = 0;
		}
		if (strcmp(g[j]->base_field, o->base_field) != 0)
			same[j] = 0;
		cnt[j]++;
	}
	if (n == 0)
		return;
	for (j = 1; j < n; j++)
		if (cnt[j] >= cnt[most])
			most = j;
	if (n == 1) {
		if (cal_format_era(day, sizeof day, g[0]->base,
		    CAL_ERA_LONG) != 0)
			error_clear();
		buf_printf(b, "期限は、%s（%s）から、基準の日数により計算した。",
		    same[0] ? base_phrase(k, g[0]->base_field) :
		    "事故等を知った日", day);
		return;
	}
	buf_puts(b, "期限は、基準の日数により、");
	for (j = 0; j < n; j++) {
		if (j == most)
			continue;
		/* A、BおよびC, as the documents write it (rev19a T8) */
		for (i = m = 0; i < v->ob.n; i++) {
			o = &v->ob.v[i];
			if (cal_cmp(o->base, g[j]->base) != 0)
				continue;
			buf_printf(b, "%s%s", m == 0 ? "" : m + 1 == cnt[j] ?
			    "および" : "、", o->title != NULL ? o->title :
			    o->ref);
			m++;
		}
		if (cal_format_era(day, sizeof day, g[j]->base,
		    CAL_ERA_LONG) != 0)
			error_clear();
		buf_printf(b, "は%s（%s）から、", base_phrase(k,
		    g[j]->base_field), day);
	}
	if (cal_format_era(day, sizeof day, g[most]->base, CAL_ERA_LONG) != 0)
		error_clear();
	buf_printf(b, "その他は%s（%s）から計算した。", base_phrase(k,
	    g[most]->base_field), day);
}

/* --- layout: pieces shared by the two incident documents ------------------ */

/*
 * The summary table; text, if not NULL, its last row, headed label
 * (where it would be the one numbered item of its section, a (1)
 * without a (2)).
 */
static int
add_summary_table(struct docx *d, const struct inc_view *v, int prevention,
    const char *label, const char *text)
{
	struct buf	 occ = BUF_INIT;
	const char	*kv[28];
	size_t		 n = 0;
	int		 rc;

	buf_puts(&occ, v->occurred);
	if (v->discovered[0] != '\0' && strcmp(v->discovered,
	    v->occurred) != 0)
		buf_printf(&occ, "（発見 %s）", v->discovered);
	if ((rc = buf_ok(&occ)) != 0)
		return rc;
#define KV(l, val) do { kv[2 * n] = (l); kv[2 * n + 1] = (val); n++; } \
	while (0)
	KV("件名", v->title);
	KV("受付番号", v->ref_no);
	KV("発生課", v->org);
	KV("発生日", occ.data);
	KV("分類", v->category);
	KV("重大度", v->severity);
	if (prevention) {
		KV("報告書の受領日", v->received);
		KV("報告書の文書番号", v->report_no);
	} else {
		KV("報告受理日", v->reported);
		KV("状況", v->status);
		KV("終結日", v->closed);
		KV("関係するシステム", v->system);
		KV("委託事業者等", v->contractor);
	}
	KV("影響の範囲", v->affected);
	if (text != NULL)
		KV(label, text);
#undef KV
	rc = add_kv(d, kv, n);
	buf_free(&occ);
	return rc;
}

static int
add_timeline_table(struct docx *d, const struct inc_view *v)
{
	static const char *const h[] = { "日時", "区分", "内容" };
	static const unsigned	 w[] = { 40, 14, 46 };
	struct docx_table	*t = NULL;
	size_t			 i;
	int			 rc;

	if (v->ntl == 0)
		return body(d, "経過の記録はない。");
	if (v->dated && (rc = body(d, "日時ごとの経過の記録はないため、事故等"
	    "の記録にある日付を次に示す。")) != 0)
		return rc;
	if ((rc = table_start(&t, h, w, 3)) != 0)
		goto done;
	for (i = 0; i < v->ntl; i++)
		if ((rc = cell(t, i + 1, 0, v->tl[i].when,
		    &LEFT)) != 0 ||
		    (rc = cell(t, i + 1, 1, v->tl[i].type,
		    &LEFT)) != 0 ||
		    (rc = cell(t, i + 1, 2, v->tl[i].text,
		    &LEFT)) != 0)
			goto done;
	rc = docx_add_table(d, t);
done:
	docx_table_free(t);
	return rc;
}

static int
add_measures_table(struct docx *d, const struct inc_view *v)
{
	static const char *const h[] = { "No.", "所管課の再発防止策",
	    "有効性", "評価の理由", "改善の提案" };
	static const unsigned	 w[] = { 7, 28, 13, 26, 26 };
	struct docx_table	*t = NULL;
	struct docx_para_style	 ctr;
	char			 num[24];
	size_t			 i;
	int			 rc;

	memset(&ctr, 0, sizeof ctr);
	ctr.align = DOCX_CENTER;
	if ((rc = table_start(&t, h, w, 5)) != 0)
		goto done;
	for (i = 0; i < v->nm; i++) {
		snprintf(num, sizeof num, "%zu", i + 1);
		if ((rc = cell(t, i + 1, 0, num, &ctr)) != 0 ||
		    (rc = cell(t, i + 1, 1, v->m[i].measure,
		    &LEFT)) != 0 ||
		    (rc = cell(t, i + 1, 2, v->m[i].rating != NULL ?
		    v->m[i].rating : "未確認", &ctr)) != 0 ||
		    (rc = cell(t, i + 1, 3, v->m[i].reason,
		    &LEFT)) != 0 ||
		    (rc = cell(t, i + 1, 4, v->m[i].proposal != NULL ?
		    v->m[i].proposal : "―", &LEFT)) != 0)
			goto done;
	}
	rc = docx_add_table(d, t);
done:
	docx_table_free(t);
	return rc;
}

static int
add_obligations_table(struct docx *d, const struct inc_view *v)
{
	static const char *const h[] = { "報告先・報告", "期限", "根拠",
	    "状況" };
	static const unsigned	 w[] = { 30, 26, 26, 18 };
	struct docx_table	*t = NULL;
	struct buf		 b = BUF_INIT;
	size_t			 i;
	int			 rc;

	if ((rc = table_start(&t, h, w, 4)) != 0)
		goto done;
	for (i = 0; i < v->nobl; i++) {
		buf_reset(&b);
		buf_printf(&b, "%s\n%s", v->obl[i].to, v->obl[i].title);
		if ((rc = buf_ok(&b)) != 0 ||
		    (rc = cell(t, i + 1, 0, b.data, &LEFT)) != 0 ||
		    (rc = cell(t, i + 1, 1, v->obl[i].due, &LEFT)) != 0 ||
		    (rc = cell(t, i + 1, 2, v->obl[i].basis, &LEFT)) != 0 ||
		    (rc = cell(t, i + 1, 3, v->obl[i].state, &LEFT)) != 0)
			goto done;
	}
	rc = docx_add_table(d, t);
done:
	buf_free(&b);
	docx_table_free(t);
	return rc;
}

/* --- 再発防止策の提案書 ------------------------------------------------------ */

/*
 * Its sections one after the other with the heading's own space above
 * it, no blank line as well: with one, the last section of a short case
 * went over to a page 2 of 「5 提案」, one line and 以上 (rev21b T13: 12 of
 * 12 in g5's FY2030).
 */
static int
layout_prevention(struct docx *d, const struct inc_view *v)
{
	struct buf	 b = BUF_INIT;
	char		 label[32];
	size_t		 i, k, last, n;
	int		 rc;

	buf_printf(&b, "%sで発生した事故等について、所管課から提出された報告書"
	    "に記載の再発防止策を、有効性の観点から確認した。確認の結果と改善"
	    "の提案を次のとおり報告する。", v->org != NULL ? v->org : "所管課");
	if ((rc = buf_ok(&b)) != 0 ||
	    (rc = docx_add_outline_heading(d, 1, "事故等の概要")) != 0 ||
	    (rc = body(d, b.data)) != 0 ||
	    (rc = add_summary_table(d, v, 1, v->privacy == NULL ?
	    "事故等の内容" : "個人情報の取扱い", v->privacy == NULL ?
	    v->description : v->description == NULL ? v->privacy : NULL)) != 0)
		goto done;
	/* (1) and (2) where there are both; one is a row of the table */
	if (v->description != NULL && v->privacy != NULL &&
	    ((rc = docx_add_outline_heading(d, 2, "事故等の内容")) != 0 ||
	    (rc = body(d, v->description)) != 0))
		goto done;
	if (v->privacy != NULL && v->description != NULL &&
	    ((rc = docx_add_outline_heading(d, 2, "個人情報の取扱い")) != 0 ||
	    (rc = body(d, v->privacy)) != 0))
		goto done;

	if ((rc = docx_add_outline_heading(d, 1, "経過")) != 0 ||
	    (rc = add_timeline_table(d, v)) != 0)
		goto done;
	if (v->durations != NULL &&
	    (rc = body(d, v->durations)) != 0)
		goto done;

	if ((rc = docx_add_outline_heading(d, 1, "原因")) != 0 ||
	    (rc = body(d, v->cause != NULL ? v->cause :
	    "所管課の報告書に原因の記載がない。原因の特定を求める。")) != 0)
		goto done;

	buf_reset(&b);
	buf_printf(&b, "所管課の再発防止策%zu件を確認した。有効%u件、一部有効"
	    "%u件、不十分%u件である。", v->nm, v->counts[0], v->counts[1],
	    v->counts[2]);
	if ((rc = buf_ok(&b)) != 0 ||
	    (rc = docx_add_outline_heading(d, 1, "再発防止策の有効性の確認")) !=
	    0 || (rc = body(d, b.data)) != 0 ||
	    (rc = add_measures_table(d, v)) != 0)
		goto done;

	if ((rc = docx_add_outline_heading(d, 1, "提案")) != 0)
		goto done;
	for (i = 0, last = (size_t)-1, n = 0; i < v->nm; i++)
		if (v->m[i].proposal != NULL) {
			last = i;
			n++;
		}
	n += v->comment != NULL;
	/* numbered where there are two or more: no (1) without a (2) */
	for (i = 0, k = 0; i < v->nm; i++) {
		char	 tail[64];

		if (v->m[i].proposal == NULL)
			continue;
		snprintf(label, sizeof label, "(%zu)", ++k);
		snprintf(tail, sizeof tail, "（再発防止策%zuについて）", i + 1);
		if (n == 1) {
			buf_reset(&b);
			buf_printf(&b, "%s%s", v->m[i].proposal, tail);
		} else
			with_tail(&b, d, 1, label, v->m[i].proposal, tail);
		if ((rc = buf_ok(&b)) != 0 || (rc = n == 1 ? body(d, b.data) :
		    add_item(d, 1, label, b.data, i == last &&
		    v->comment == NULL)) != 0)
			goto done;
	}
	if (v->comment != NULL) {
		char	*c = as_proposed(v->comment, 0);

		snprintf(label, sizeof label, "(%zu)", ++k);
		rc = c == NULL ? error_set(NC_ENOMEM, "out of memory") :
		    n == 1 ? body(d, c) : add_item(d, 1, label, c, 1);
		free(c);
		if (rc != 0)
			goto done;
	}
	if (k == 0 && (rc = body(d, "所管課の再発防止策は"
	    "いずれも有効であり、確実な実施と定着の確認を求める。")) != 0)
		goto done;
	rc = docx_add_closing(d);
done:
	buf_free(&b);
	return rc;
}

int
incident_write_prevention_docx(struct incident_ctx *c,
    const struct node *root, const char *path)
{
	struct inc_view	 v;
	struct docx	*d = NULL;
	const char	*date;
	int		 rc;

	if ((rc = incident_prevention_ready(root)) != 0)
		return rc;
	date = node_get_str(node_get(root, "prevention"), "reviewed");
	if ((rc = view_build(&v, c, root, 0, date)) != 0)
		goto done;
	if ((rc = new_doc(&d, "再発防止策の提案書", date != NULL ? date :
	    v.date_iso, v.author)) != 0 ||
	    (rc = layout_prevention(d, &v)) != 0 ||
	    (rc = docx_save(d, path)) != 0)
		goto done;
done:
	docx_free(d);
	view_free(&v);
	return rc;
}

/* --- 事故等報告書 --------------------------------------------------------- */

/*
 * 所管課の再発防止策 not reviewed one by one: the measures as the record
 * has them, their rating and the day of the review.
 */
static int
add_prevention(struct docx *d, const struct inc_view *v)
{
	struct buf	 r = BUF_INIT;
	const char	*kv[4];
	size_t		 n = 0;
	int		 rc;

	if (v->rating != NULL) {
		buf_puts(&r, v->rating);
		if (v->reviewed[0] != '\0')
			buf_printf(&r, "（%s確認）", v->reviewed);
		if ((rc = buf_ok(&r)) != 0)
			return rc;
	}
	kv[2 * n] = "所管課の再発防止策";
	kv[2 * n++ + 1] = v->measures_text != NULL ? v->measures_text :
	    "所管課の報告書に記載がない。";
	kv[2 * n] = "有効性の評価";
	kv[2 * n++ + 1] = v->rating != NULL ? r.data : v->measures_text !=
	    NULL ? "未確認" : NULL;
	rc = add_kv(d, kv, n);
	buf_free(&r);
	return rc;
}

/*
 * 5 原因と再発防止策: (1) 原因, (2) 再発防止策, (3) 助言・提案.  The
 * advice given in the response and the advice on the measures in one
 * place (rev17: 助言・提案 stood in 3 and again in 5 with other words),
 * and a 原因 even where the record has none yet, as its state implies.
 */
static int
add_cause_prevention(struct docx *d, const struct inc_view *v)
{
	struct buf	 b = BUF_INIT;
	char		 label[32];
	size_t		 i, k, nprop;
	int		 rc;

	if ((rc = docx_add_blank(d)) != 0 ||
	    (rc = docx_add_outline_heading(d, 1, "原因と再発防止策")) != 0 ||
	    (rc = docx_add_outline_heading(d, 2, "原因")) != 0 ||
	    (rc = body(d, v->cause != NULL ? v->cause : v->is_closed ?
	    "（所管課の報告では特定されていない）" : "（調査中）")) != 0 ||
	    (rc = docx_add_outline_heading(d, 2, "再発防止策")) != 0)
		goto done;
	if (v->nm == 0 && v->measures_text == NULL && v->rating == NULL) {
		if ((rc = body(d, v->is_closed ?
		    "（所管課の報告に記載がない）" : "（検討中）")) != 0)
			goto done;
	} else if (v->nm == 0 && (rc = add_prevention(d, v)) != 0)
		goto done;
	/*
	 * the measures the review proposed to change, said to be changed:
	 * a measure rated 不十分 stood as a measure taken
	 */
	for (i = 0, nprop = 0; i < v->nm; i++)
		nprop += v->m[i].proposal != NULL;
	if (v->reviewed[0] == '\0')
		nprop = 0;
	for (i = 0; i < v->nm; i++) {
		char	 tail[64];

		if ((rc = docx_outline_label(label, sizeof label, 3,
		    i + 1)) != 0)
			goto done;
		snprintf(tail, sizeof tail, "（有効性：%s）",
		    v->m[i].rating != NULL ? v->m[i].rating : "未確認");
		with_tail(&b, d, 2, label, v->m[i].measure, tail);
		if ((rc = buf_ok(&b)) != 0 ||
		    (rc = add_item(d, 2, label, b.data, 0)) != 0)
			goto done;
	}
	if (nprop > 0) {
		buf_reset(&b);
		buf_puts(&b, nprop == v->nm ? "これら" : "このうち");
		for (i = 0, k = 0; nprop < v->nm && i < v->nm; i++)
			if (v->m[i].proposal != NULL &&
			    docx_outline_label(label, sizeof label, 3,
			    i + 1) == 0)
				buf_printf(&b, "%s%s", k++ > 0 ? "、" : "",
				    label);
		buf_printf(&b, "は、%sに提出した再発防止策の提案書で改善を"
		    "提案した。", v->reviewed);
		if ((rc = buf_ok(&b)) != 0 || (rc = body(d, b.data)) != 0)
			goto done;
	}

	if (v->advice == NULL && v->comment == NULL)
		goto done;
	if ((rc = docx_add_outline_heading(d, 2, "助言・提案")) != 0 ||
	    (v->advice != NULL && (rc = body(d, v->advice)) != 0))
		goto done;
	/* the advice on the measures as a whole, as the proposal has it */
	if (v->comment != NULL) {
		buf_reset(&b);
		if (v->advice != NULL)
			buf_puts(&b, "また、");
		if (nprop > 0 && v->advice == NULL)
			buf_puts(&b, "同提案書では、あわせて次のことを提案した。");
		else if (v->reviewed[0] != '\0')
			buf_printf(&b, "%sに提出した再発防止策の提案書では、"
			    "%s次のことを提案した。", v->reviewed,
			    nprop > 0 ? "あわせて" : "");
		else
			buf_puts(&b, "再発防止策について、次のことを助言した。");
		if ((rc = buf_ok(&b)) != 0 || (rc = body(d, b.data)) != 0)
			goto done;
		buf_reset(&b);
		{
			char	*c = as_proposed(v->comment, 1);

			buf_puts(&b, c != NULL ? c : "");
			free(c);
		}
		if ((rc = buf_ok(&b)) != 0 || (rc = body(d, b.data)) != 0)
			goto done;
	}
done:
	buf_free(&b);
	return rc;
}

static int
layout_report(struct docx *d, const struct inc_view *v)
{
	struct buf	 b = BUF_INIT;
	int		 rc, nsub;

	/* the one item of its section: a row of the table, not a lone (1) */
	if ((rc = docx_add_outline_heading(d, 1, "事故等の概要")) != 0 ||
	    (rc = add_summary_table(d, v, 0, "事故等の内容", v->description)) !=
	    0)
		goto done;

	if ((rc = docx_add_blank(d)) != 0 ||
	    (rc = docx_add_outline_heading(d, 1, "経過")) != 0 ||
	    (rc = add_timeline_table(d, v)) != 0)
		goto done;
	if (v->durations != NULL &&
	    (rc = body(d, v->durations)) != 0)
		goto done;

	if ((rc = docx_add_blank(d)) != 0 ||
	    (rc = docx_add_outline_heading(d, 1, "対応")) != 0)
		goto done;
	/* items numbered (1), (2) only where there are two: no lone (1) */
	nsub = (v->response != NULL) + (v->isolation != NULL);
	if (v->response != NULL && ((nsub > 1 &&
	    (rc = docx_add_outline_heading(d, 2, "初動対応")) != 0) ||
	    (rc = body(d, v->response)) != 0))
		goto done;
	if (v->isolation != NULL && ((nsub > 1 &&
	    (rc = docx_add_outline_heading(d, 2, "ネットワーク遮断と復旧の判断"))
	    != 0) || (rc = body(d, v->isolation)) != 0))
		goto done;
	if (v->response == NULL && v->isolation == NULL &&
	    (rc = body(d, "経過のとおり。")) != 0)
		goto done;

	if ((rc = docx_add_blank(d)) != 0 ||
	    (rc = docx_add_outline_heading(d, 1, "個人情報の取扱いと報告")) != 0 ||
	    (rc = body(d, v->privacy != NULL ? v->privacy :
	    "個人情報の有無は未確認である。")) != 0)
		goto done;
	if (v->nobl > 0) {
		buf_reset(&b);
		buf_puts(&b, "事故等の報告基準により、次の報告を要する。");
		bases_text(&b, v, v->kind);
		rule_text(&b, v);
		if ((rc = buf_ok(&b)) != 0 ||
		    (rc = body(d, b.data)) != 0 ||
		    (rc = add_obligations_table(d, v)) != 0)
			goto done;
	} else if (v->ob.catalog == NULL && v->privacy != NULL &&
	    strcmp(v->privacy, NO_PRIVACY) == 0) {
		/*
		 * Without the year's rules: the 委員会's reports are due for
		 * personal information only (個人情報の保護に関する法律第68条,
		 * and every report to it in the reporting rules has
		 * personal_info or my_number among its conditions), so none is
		 * due here; the ward's own reports are the rules' to say.
		 */
		if ((rc = body(d, "このため、個人情報保護委員会への漏えい等の"
		    "報告は要しない。")) != 0)
			goto done;
	} else if ((rc = body(d, v->ob.catalog != NULL ?
	    /*
	     * The heading promises 報告: said either way, never a claim
	     * that no report is due where no rule was there to apply.
	     */
	    "事故等の報告基準により報告を要するものはない。" :
	    /*
	     * what the reader must do, then why this report cannot say
	     * (review14: the reason alone read as a note on the tool)
	     */
	    "個人情報保護委員会等への報告の要否は、別途、報告基準に照らして"
	    "判断を要する（この年度の事故等の報告基準が登録されていないため、"
	    "本書では判定していない）。")) != 0)
		goto done;

	if ((rc = add_cause_prevention(d, v)) != 0)
		goto done;
	rc = docx_add_closing(d);
done:
	buf_free(&b);
	return rc;
}

int
incident_write_report_docx(struct incident_ctx *c, const struct node *root,
    const char *path)
{
	struct inc_view	 v;
	struct docx	*d = NULL;
	int		 rc;

	if ((rc = view_build(&v, c, root, 1, NULL)) != 0)
		goto done;
	if ((rc = new_doc(&d, "情報セキュリティ事故等報告書", v.date_iso,
	    v.author)) != 0 ||
	    (rc = layout_report(d, &v)) != 0 ||
	    (rc = docx_save(d, path)) != 0)
		goto done;
done:
	docx_free(d);
	view_free(&v);
	return rc;
}

/* --- 対応基準提案書 --------------------------------------------------------- */

struct c_question {
	char		 no[32];		/* 問1 */
	const char	*key;
	const char	*text;
	char		*answers;		/* はい／いいえ, the choices */
};

struct c_rule {
	char		*ref;
	char		*cond;
	const char	*action;		/* its title */
	const char	*reason;
	char		*source;
};

struct c_action {
	const char	*title;
	const char	*description;
	char		*rules;			/* 基準3、4 */
};

struct c_phase {
	struct c_question	*q;
	size_t			 nq;
	struct c_rule		*r;
	size_t			 nr;
	struct c_action		*a;
	size_t			 na;
};

struct crit_view {
	const struct schema	*kind;		/* incident, for field titles */
	const char		*title;
	char			 date_iso[16];
	char			 fy[CAL_FMT_MAX];
	const char		*author;
	const char		*purpose, *scope;
	struct c_phase		 ph[2];		/* triage, recover */
	const struct node	*contacts, *flow, *sources;
	const struct node	*reports;
};

static void
crit_free(struct crit_view *v)
{
	size_t	p, i;

	for (p = 0; p < 2; p++) {
		for (i = 0; i < v->ph[p].nq; i++)
			free(v->ph[p].q[i].answers);
		for (i = 0; i < v->ph[p].nr; i++) {
			free(v->ph[p].r[i].ref);
			free(v->ph[p].r[i].cond);
			free(v->ph[p].r[i].source);
		}
		for (i = 0; i < v->ph[p].na; i++)
			free(v->ph[p].a[i].rules);
		free(v->ph[p].q);
		free(v->ph[p].r);
		free(v->ph[p].a);
	}
	memset(v, 0, sizeof *v);
}

static const struct c_question *
cq_find(const struct c_phase *ph, const char *key)
{
	size_t	i;

	for (i = 0; key != NULL && i < ph->nq; i++)
		if (strcmp(ph->q[i].key, key) == 0)
			return &ph->q[i];
	return NULL;
}

/* "問3が「はい」、かつ問4が「はい」または「わからない」" */
static char *
cond_text(const struct node *rule, const struct c_phase *ph,
    const struct incident_question *qs, size_t nq)
{
	const struct node		*when = inc_seq(rule, "when"), *c, *in;
	const struct c_question		*cq;
	const struct incident_question	*q = NULL;
	struct buf			 b = BUF_INIT;
	const char			*key, *s;
	size_t				 i, k;

	if (when == NULL || when->n == 0) {
		buf_puts(&b, "他の基準のいずれにも該当しない場合");
		return buf_detach(&b, NULL);
	}
	for (i = 0; i < when->n; i++) {
		c = when->u.items[i];
		key = node_get_str(c, "question");
		cq = cq_find(ph, key);
		for (q = NULL, k = 0; k < nq; k++)
			if (strcmp(qs[k].key, key) == 0)
				q = &qs[k];
		if (i > 0)
			buf_puts(&b, "、かつ");
		buf_printf(&b, "%sが", cq != NULL ? cq->no : key != NULL ?
		    key : "?");
		if ((s = node_get_str(c, "is")) != NULL)
			buf_printf(&b, "「%s」", q != NULL ?
			    incident_answer_label(q, s) : s);
		in = inc_seq(c, "in");
		for (k = 0; in != NULL && k < in->n; k++)
			if (in->u.items[k]->kind == NODE_SCALAR)
				buf_printf(&b, "%s「%s」", k > 0 ? "または" : "",
				    q != NULL ? incident_answer_label(q,
				    in->u.items[k]->u.s.str) :
				    in->u.items[k]->u.s.str);
		if ((s = node_get_str(c, "min")) != NULL)
			buf_printf(&b, "%s以上", s);
		if ((s = node_get_str(c, "max")) != NULL)
			buf_printf(&b, "%s%s以下",
			    node_get_str(c, "min") != NULL ? "、" : "", s);
	}
	return buf_detach(&b, NULL);
}

static char *
answers_text(const struct incident_question *q)
{
	const struct node	*cs = inc_seq(q->node, "choices");
	struct buf		 b = BUF_INIT;
	size_t			 i;

	switch (q->type) {
	case INCIDENT_Q_YESNO:
		buf_puts(&b, "はい／いいえ");
		break;
	case INCIDENT_Q_YESNO_UNKNOWN:
		buf_puts(&b, "はい／いいえ／わからない");
		break;
	case INCIDENT_Q_COUNT:
		buf_puts(&b, "数");
		break;
	case INCIDENT_Q_CHOICE:
		for (i = 0; cs != NULL && i < cs->n; i++)
			buf_printf(&b, "%s%s", i > 0 ? "\n" : "",
			    node_get_str(cs->u.items[i], "title"));
		break;
	}
	return buf_detach(&b, NULL);
}

static int
crit_phase(struct c_phase *ph, const struct node *cat, const char *phase)
{
	struct incident_question *qs = NULL;
	const struct node	*rules = inc_seq(cat, "rules");
	const struct node	*acts = inc_seq(cat, "actions"), *r, *a, *src;
	struct buf		 b = BUF_INIT;
	const char		*key;
	size_t			 nq, i, k, no;
	int			 rc;

	if ((rc = incident_questions(&qs, &nq, cat, phase)) != 0)
		return rc;
	if ((nq > 0 && (ph->q = calloc(nq, sizeof *ph->q)) == NULL) ||
	    (rules != NULL && rules->n > 0 &&
	    (ph->r = calloc(rules->n, sizeof *ph->r)) == NULL) ||
	    (acts != NULL && acts->n > 0 &&
	    (ph->a = calloc(acts->n, sizeof *ph->a)) == NULL)) {
		rc = error_set(NC_ENOMEM, "out of memory");
		goto done;
	}
	for (i = 0; i < nq; i++) {
		snprintf(ph->q[i].no, sizeof ph->q[i].no, "問%zu", i + 1);
		ph->q[i].key = qs[i].key;
		ph->q[i].text = qs[i].text;
		ph->q[i].answers = answers_text(&qs[i]);
		ph->nq++;
	}
	for (i = 0; rules != NULL && i < rules->n; i++) {
		r = rules->u.items[i];
		if (!node_scalar_eq(node_get(r, "phase"), phase))
			continue;
		/*
		 * 1, 2 … under the heading 基準 (基準1, 基準2 … in the
		 * phase's order, as its questions are 問1, 問2 …): the
		 * catalog's ref (tr-01) is our key, not a name the ward knows.
		 */
		buf_reset(&b);
		buf_printf(&b, "%zu", ph->nr + 1);
		ph->r[ph->nr].ref = buf_detach(&b, NULL);
		ph->r[ph->nr].cond = cond_text(r, ph, qs, nq);
		a = incident_action(cat, node_get_str(r, "action"));
		ph->r[ph->nr].action = a != NULL ? node_get_str(a, "title") :
		    node_get_str(r, "action");
		ph->r[ph->nr].reason = node_get_str(r, "reason");
		src = incident_source(cat, node_get_str(r, "source"));
		buf_reset(&b);
		if (src != NULL) {
			if (node_get_str(src, "short") != NULL)
				buf_puts(&b, node_get_str(src, "short"));
			else
				buf_printf(&b, "%s「%s」",
				    node_get_str(src, "publisher") != NULL ?
				    node_get_str(src, "publisher") : "",
				    node_get_str(src, "title"));
			if (node_get_str(r, "section") != NULL)
				buf_printf(&b, "（%s）", node_get_str(r,
				    "section"));
		}
		ph->r[ph->nr].source = buf_detach(&b, NULL);
		ph->nr++;
	}
	for (i = 0; acts != NULL && i < acts->n; i++) {
		a = acts->u.items[i];
		if (!node_scalar_eq(node_get(a, "phase"), phase))
			continue;
		key = node_get_str(a, "key");
		ph->a[ph->na].title = node_get_str(a, "title");
		ph->a[ph->na].description = node_get_str(a, "description");
		buf_reset(&b);
		for (k = 0, no = 0; rules != NULL && k < rules->n; k++) {
			r = rules->u.items[k];
			if (!node_scalar_eq(node_get(r, "phase"), phase))
				continue;
			no++;
			if (!node_scalar_eq(node_get(r, "action"), key))
				continue;
			/* 基準1、2: the numbers of the table above */
			buf_printf(&b, "%s%zu", b.len > 0 ? "、" : "基準", no);
		}
		ph->a[ph->na].rules = buf_detach(&b, NULL);
		ph->na++;
	}
done:
	buf_free(&b);
	free(qs);
	return rc;
}

static int
crit_build(struct crit_view *v, struct incident_ctx *c, const struct node *cat,
    const struct node *rep)
{
	const char	*fy = node_get_str(cat, "fy"), *s;
	int		 rc;

	memset(v, 0, sizeof *v);
	if (inc_seq(cat, "rules") == NULL || inc_seq(cat, "questions") == NULL)
		return error_set(NC_EINVALID, "the catalog '%s' has no questions"
		    " or rules (questions, rules); the 対応基準提案書 is made "
		    "from them", node_get_str(cat, "title"));
	v->kind = incident_ctx_kind(c);
	v->title = node_get_str(cat, "title");
	v->author = author_of(incident_ctx_store(c));
	v->purpose = node_get_str(cat, "purpose");
	v->scope = node_get_str(cat, "scope");
	v->contacts = inc_seq(cat, "contacts");
	v->flow = inc_seq(cat, "flow");
	v->sources = inc_seq(cat, "sources");
	v->reports = rep != NULL ? inc_seq(rep, "reports") : NULL;
	s = node_get_str(cat, "issued");
	snprintf(v->date_iso, sizeof v->date_iso, "%s", s != NULL ? s : "");
	if (fy != NULL && cal_fy_label(v->fy, sizeof v->fy, atoi(fy)) != 0)
		error_clear();
	if ((rc = crit_phase(&v->ph[0], cat, INCIDENT_TRIAGE)) != 0 ||
	    (rc = crit_phase(&v->ph[1], cat, INCIDENT_RECOVER)) != 0)
		return rc;
	return 0;
}

/* The 確認項目 table of a phase. */
static int
questions_table(struct docx_table **out, const struct c_phase *ph)
{
	static const char *const h[] = { "番号", "確認項目", "回答" };
	static const unsigned	 w[] = { 8, 56, 36 };
	struct docx_table	*t = NULL;
	struct docx_para_style	 ctr;
	size_t			 i;
	int			 rc;

	*out = NULL;
	memset(&ctr, 0, sizeof ctr);
	ctr.align = DOCX_CENTER;
	if ((rc = table_start(&t, h, w, 3)) != 0)
		goto fail;
	for (i = 0; i < ph->nq; i++)
		if ((rc = cell(t, i + 1, 0, ph->q[i].no, &ctr)) != 0 ||
		    (rc = cell(t, i + 1, 1, ph->q[i].text,
		    &LEFT)) != 0 ||
		    (rc = cell(t, i + 1, 2, ph->q[i].answers,
		    &LEFT)) != 0)
			goto fail;
	*out = t;
	return 0;
fail:
	docx_table_free(t);
	return rc;
}

/*
 * The 確認項目 of phase ph, sized with those of the other phase: the two
 * tables read side by side, their 回答 columns as wide.
 */
static int
add_questions(struct docx *d, const struct c_phase *ph,
    const struct c_phase *other)
{
	struct docx_table	*t = NULL, *o = NULL;
	int			 rc;

	if ((rc = questions_table(&t, ph)) != 0 ||
	    (rc = questions_table(&o, other)) != 0 ||
	    (rc = docx_table_size_with(t, o)) != 0)
		goto done;
	rc = docx_add_table(d, t);
done:
	docx_table_free(t);
	docx_table_free(o);
	return rc;
}

static int
add_rules(struct docx *d, const struct c_phase *ph)
{
	static const char *const h[] = { "基準", "条件", "対応",
	    "理由（出典）" };
	static const unsigned	 w[] = { 11, 26, 18, 45 };
	struct docx_table	*t = NULL;
	struct docx_para_style	 ctr;
	struct buf		 b = BUF_INIT;
	size_t			 i;
	int			 rc;

	memset(&ctr, 0, sizeof ctr);
	ctr.align = DOCX_CENTER;
	if ((rc = table_start(&t, h, w, 4)) != 0)
		goto done;
	for (i = 0; i < ph->nr; i++) {
		buf_reset(&b);
		buf_puts(&b, ph->r[i].reason != NULL ? ph->r[i].reason : "");
		if (ph->r[i].source != NULL && ph->r[i].source[0] != '\0')
			buf_printf(&b, "\n（出典）%s", ph->r[i].source);
		if ((rc = buf_ok(&b)) != 0 ||
		    (rc = cell(t, i + 1, 0, ph->r[i].ref, &ctr)) != 0 ||
		    (rc = cell(t, i + 1, 1, ph->r[i].cond, &LEFT)) != 0 ||
		    (rc = cell(t, i + 1, 2, ph->r[i].action, &LEFT)) != 0 ||
		    (rc = cell(t, i + 1, 3, b.data, &LEFT)) != 0)
			goto done;
	}
	rc = docx_add_table(d, t);
done:
	buf_free(&b);
	docx_table_free(t);
	return rc;
}

/* The decision flow of one phase, in words. */
static int
add_flow(struct docx *d, const struct c_phase *ph, const char *what)
{
	struct buf	 b = BUF_INIT;
	char		 label[32];
	size_t		 i;
	int		 rc, unk;

	/*
	 * わからない only where a question offers it: 問1 (はい／いいえ)
	 * and 問3 (the 系統) do not, and the instruction read as if all did.
	 */
	for (i = 0, unk = 0; i < ph->nq; i++)
		unk |= ph->q[i].answers != NULL &&
		    strstr(ph->q[i].answers, "わからない") != NULL;
	buf_printf(&b, "%s（問1～問%zu）に回答する。%s", what, ph->nq, unk ?
	    "「わからない」を選べる問は、わからない事項をわからないと回答し、"
	    "判明した時点で改めて判断する。" : "");
	if ((rc = buf_ok(&b)) != 0 ||
	    (rc = add_item(d, 2, "ア", b.data, 0)) != 0 ||
	    (rc = add_item(d, 2, "イ", "回答を(3)の判断基準に照らし、該当する"
	    "基準の対応をとる。複数の基準に該当するときは、次の順に、より上位"
	    "の対応を優先する。", 0)) != 0)
		goto done;
	for (i = 0; i < ph->na; i++) {
		snprintf(label, sizeof label, "(%s)", i < 10 ?
		    (const char *[]){ "ア", "イ", "ウ", "エ", "オ", "カ", "キ",
		    "ク", "ケ", "コ" }[i] : "…");
		if ((rc = add_item(d, 3, label, ph->a[i].title, 0)) != 0)
			goto done;
		/* What it means, and the rules that lead to it. */
		buf_reset(&b);
		if (ph->a[i].description != NULL)
			buf_puts(&b, ph->a[i].description);
		if (ph->a[i].rules[0] != '\0')
			buf_printf(&b, "（%s）", ph->a[i].rules);
		if (b.len > 0) {
			struct docx_para_style ps;

			memset(&ps, 0, sizeof ps);
			ps.indent_left = 300 + (int)docx_measure(label) + 100;
			if ((rc = buf_ok(&b)) != 0 ||
			    (rc = docx_add_para(d, b.data, &ps)) != 0)
				goto done;
		}
	}
	rc = add_item(d, 2, "ウ", "判断の結果、回答と該当した基準を経過に記録し"
	    "、状況が変われば改めて判断する。", 0);
done:
	buf_free(&b);
	return rc;
}

static int
add_contacts(struct docx *d, const struct node *contacts)
{
	static const char *const h[] = { "役割", "担当", "連絡する場合" };
	static const unsigned	 w[] = { 26, 26, 48 };
	struct docx_table	*t = NULL;
	const struct node	*c;
	size_t			 i;
	int			 rc;

	if ((rc = table_start(&t, h, w, 3)) != 0)
		goto done;
	for (i = 0; i < contacts->n; i++) {
		c = contacts->u.items[i];
		if ((rc = cell(t, i + 1, 0, node_get_str(c,
		    "role"), &LEFT)) != 0 ||
		    (rc = cell(t, i + 1, 1, node_get_str(c, "who"),
		    &LEFT)) != 0 ||
		    (rc = cell(t, i + 1, 2, node_get_str(c, "when"),
		    &LEFT)) != 0)
			goto done;
	}
	rc = docx_add_table(d, t);
done:
	docx_table_free(t);
	return rc;
}

/* One fact condition in words: 要配慮個人情報を含む, 本人の数が100人を超える. */
static void
fact_text(struct buf *b, const struct node *f, const struct schema *kind)
{
	const char		*field = node_get_str(f, "field");
	const char		*is = node_get_str(f, "is");
	const char		*over = node_get_str(f, "over");
	const struct schema	*fs = field != NULL && kind != NULL ?
				    schema_at(kind, field) : NULL;
	const char		*title = fs != NULL ? schema_title(fs) : NULL;
	const char		*unit = fs != NULL ?
				    schema_annotation(fs, "x-unit") : NULL;

	if (title == NULL)
		title = field != NULL ? field : "?";
	/*
	 * a count with its unit, the field's x-unit: 本人の数が100人を
	 * 超える, not 100を超える
	 */
	if (over != NULL)
		buf_printf(b, "%sが%s%sを超える", title, over,
		    unit != NULL ? unit : "");
	else if (is != NULL && strcmp(is, "true") == 0)
		buf_puts(b, title);
	else if (is != NULL && strcmp(is, "false") == 0)
		buf_printf(b, "%s（該当しない）", title);
	else
		buf_printf(b, "%sが%s", title, is != NULL ? inc_label(kind,
		    field, is) : "?");
}

static void
facts_text(struct buf *b, const struct node *l, const struct schema *kind,
    const char *sep)
{
	size_t	i;

	for (i = 0; l != NULL && i < l->n; i++) {
		if (i > 0)
			buf_puts(b, sep);
		fact_text(b, l->u.items[i], kind);
	}
}

/* When a report is due, in words. */
static void
when_text(struct buf *b, const struct node *r, const struct schema *kind)
{
	const struct node	*all = inc_seq(r, "when_all");
	const struct node	*any = inc_seq(r, "when_any");
	const struct node	*none = inc_seq(r, "when_none");

	if (all == NULL && any == NULL && none == NULL) {
		buf_puts(b, "すべての事故等");
		return;
	}
	facts_text(b, all, kind, "、かつ");
	if (any != NULL) {
		if (all != NULL)
			buf_puts(b, "場合で、");
		if (any->n > 1)
			buf_puts(b, "次のいずれかに該当するとき：");
		facts_text(b, any, kind, "、");
	} else
		buf_puts(b, "とき");
	if (none != NULL) {
		buf_puts(b, "（");
		facts_text(b, none, kind, "、");
		buf_puts(b, "ものを除く）");
	}
}

/*
 * The day a report's deadline counts from, as the table names it, and
 * in full: the first of its due.from (incident_report.c's base_of();
 * without one, privacy.known).  The proposal said every deadline counted
 * from 「事故等を知った日（所管課が発見した日）」 while the reports to the
 * 個人情報保護委員会 count from privacy.known, which the 事故等報告書
 * then gave a later day.
 */
static const struct {
	const char	*field, *word;
} base_words[] = {
	{ "discovered", "発見した日" },
	{ "privacy.known", "知った日" },
	{ "occurred", "発生した日" },
	{ "reported", "受理した日" },
};

/*
 * The field, its word in the table or in full (base_phrase(), as the
 * 事故等報告書 names it); else its title.
 */
static const char *
report_base(const struct schema *kind, const struct node *due, int full,
    const char **field)
{
	const struct node	*from = inc_seq(due, "from");
	const char		*f = "privacy.known", *t;
	size_t			 i;

	if (from != NULL && from->n > 0 &&
	    from->u.items[0]->kind == NODE_SCALAR)
		f = from->u.items[0]->u.s.str;
	if (field != NULL)
		*field = f;
	if (full)
		return base_phrase(kind, f);
	for (i = 0; i < sizeof base_words / sizeof base_words[0]; i++)
		if (strcmp(base_words[i].field, f) == 0)
			return base_words[i].word;
	t = schema_title(schema_at(kind, f));
	return t != NULL ? t : f;
}

/*
 * 「期限は、所管課が事故等を発見した日（表では「発見した日」）又は…から
 * 算定し」: the days the reports' deadlines count from, each once.
 */
static void
reports_bases(struct buf *b, const struct node *reports,
    const struct schema *kind)
{
	const char	*f, *seen[8], *full, *word;
	size_t		 i, j, n = 0;

	buf_puts(b, "個人情報の漏えい等のおそれがある場合の報告と、区内の"
	    "報告の期限は次のとおりとする。期限は、");
	for (i = 0; i < reports->n; i++) {
		full = report_base(kind, node_get(reports->u.items[i], "due"),
		    1, &f);
		for (j = 0; j < n && strcmp(seen[j], f) != 0; j++)
			;
		if (j < n || n == sizeof seen / sizeof seen[0])
			continue;
		seen[n++] = f;
		word = report_base(kind, node_get(reports->u.items[i], "due"),
		    0, NULL);
		if (n > 1)
			buf_puts(b, "又は");
		if (strcmp(full, word) == 0)
			buf_puts(b, full);
		else
			buf_printf(b, "%s（表では「%s」）", full, word);
	}
	buf_puts(b, "から算定し、報告した日時を経過に記録する。");
}

/* The reporting rules, as a reader needs them: to whom, when, basis. */
static int
add_reports(struct docx *d, const struct node *reports,
    const struct schema *kind)
{
	static const char *const h[] = { "報告先", "報告と対象", "期限",
	    "根拠" };
	static const unsigned	 w[] = { 17, 33, 22, 28 };
	struct docx_table	*t = NULL;
	const struct node	*r, *due;
	struct buf		 b = BUF_INIT, what = BUF_INIT;
	const char		*unit, *days, *on;
	size_t			 i;
	int			 rc;

	if ((rc = table_start(&t, h, w, 4)) != 0)
		goto done;
	for (i = 0; i < reports->n; i++) {
		r = reports->u.items[i];
		due = node_get(r, "due");
		unit = node_get_str(due, "unit");
		days = node_get_str(due, "days");
		on = report_base(kind, due, 0, NULL);
		/*
		 * A phrase a line: in the column the table could give it,
		 * broken where a line filled, it read 知った／日 and 5日を／
		 * 超えない.
		 */
		buf_reset(&b);
		if (days != NULL && strcmp(days, "0") == 0)
			buf_printf(&b, "%sの\nうちに", on);
		else if (unit != NULL && strcmp(unit, "business") == 0 &&
		    days != NULL && strcmp(days, "1") == 0)
			buf_printf(&b, "%sの\n翌開庁日まで", on);
		else if (unit != NULL && strcmp(unit, "business") == 0)
			buf_printf(&b, "%sの翌日から\n%s開庁日以内", on, days);
		else if (node_scalar_eq(node_get(due, "first_day"), "true"))
			buf_printf(&b, "%sを1日目として\n%s日以内", on, days);
		else
			buf_printf(&b, "%sの翌日から\n%s日以内", on, days);
		if (node_get_str(due, "cap") != NULL)
			buf_printf(&b, "\n（%sから\n%s日を超えない）", on,
			    node_get_str(due, "cap"));
		if (node_scalar_eq(node_get(due, "closed"), "next"))
			buf_puts(&b, "\n期限が閉庁日のときは\n翌開庁日");
		buf_reset(&what);
		buf_printf(&what, "%s\n（対象）", node_get_str(r, "title"));
		when_text(&what, r, kind);
		if ((rc = buf_ok(&b)) != 0 || (rc = buf_ok(&what)) != 0 ||
		    (rc = cell(t, i + 1, 0, node_get_str(r, "to"),
		    &LEFT)) != 0 ||
		    (rc = cell(t, i + 1, 1, what.data,
		    &LEFT)) != 0 ||
		    (rc = cell(t, i + 1, 2, b.data, &LEFT)) != 0 ||
		    (rc = cell(t, i + 1, 3, node_get_str(r, "basis"),
		    &LEFT)) != 0)
			goto done;
	}
	rc = docx_add_table(d, t);
done:
	buf_free(&b);
	buf_free(&what);
	docx_table_free(t);
	return rc;
}

static int
layout_criteria(struct docx *d, const struct crit_view *v)
{
	static const char *const ph_title[2] = { "ネットワーク遮断の判断",
	    "復旧の判断" };
	static const char *const ph_what[2] = { "確認項目",
	    "復旧の条件（確認項目）" };
	const struct node	*s;
	struct buf		 b = BUF_INIT;
	char			 label[32];
	size_t			 p, i;
	int			 rc;

	/*
	 * What the criteria are for, as the subject of the proposal: bold
	 * and larger than the body, not a small line under the sender
	 */
	buf_printf(&b, "%s", v->title);
	if ((rc = buf_ok(&b)) != 0 ||
	    (rc = docx_add_title(d, b.data, &(struct docx_para_style){
	    .align = DOCX_CENTER, .gothic = 1, .bold = 1, .size = 24,
	    .space_before = 6 })) != 0 ||
	    (rc = docx_add_blank(d)) != 0)
		goto done;
	if ((rc = docx_add_outline_heading(d, 1, "目的")) != 0 ||
	    (rc = body(d, v->purpose != NULL ? v->purpose :
	    "ウイルス感染やサイバー攻撃の際に、ネットワークの遮断と復旧を同じ"
	    "基準で判断できるようにする。")) != 0)
		goto done;
	if (v->scope != NULL &&
	    ((rc = docx_add_blank(d)) != 0 ||
	    (rc = docx_add_outline_heading(d, 1, "適用範囲")) != 0 ||
	    (rc = body(d, v->scope)) != 0))
		goto done;
	for (p = 0; p < 2; p++) {
		if (v->ph[p].nq == 0)
			continue;
		if ((rc = docx_add_blank(d)) != 0 ||
		    (rc = docx_add_outline_heading(d, 1, ph_title[p])) != 0 ||
		    (rc = docx_add_outline_heading(d, 2, "判断の流れ")) != 0 ||
		    (rc = add_flow(d, &v->ph[p], ph_what[p])) != 0 ||
		    (rc = docx_add_outline_heading(d, 2, ph_what[p])) != 0 ||
		    (rc = add_questions(d, &v->ph[p], &v->ph[1 - p])) != 0 ||
		    (rc = docx_add_outline_heading(d, 2, "判断基準")) != 0 ||
		    (rc = add_rules(d, &v->ph[p])) != 0)
			goto done;
	}
	if ((v->contacts != NULL || v->flow != NULL || v->reports != NULL) &&
	    ((rc = docx_add_blank(d)) != 0 ||
	    (rc = docx_add_outline_heading(d, 1, "連絡・報告体制")) != 0))
		goto done;
	if (v->contacts != NULL &&
	    ((rc = docx_add_outline_heading(d, 2, "連絡体制")) != 0 ||
	    (rc = add_contacts(d, v->contacts)) != 0))
		goto done;
	if (v->flow != NULL) {
		if ((rc = docx_add_outline_heading(d, 2, "報告・連絡の流れ")) != 0)
			goto done;
		for (i = 0; i < v->flow->n; i++) {
			s = v->flow->u.items[i];
			if (s->kind != NODE_SCALAR)
				continue;
			snprintf(label, sizeof label, "%s", i < 10 ?
			    (const char *[]){ "ア", "イ", "ウ", "エ", "オ",
			    "カ", "キ", "ク", "ケ", "コ" }[i] : "…");
			if ((rc = add_item(d, 2, label, s->u.s.str, 0)) != 0)
				goto done;
		}
	}
	if (v->reports != NULL) {
		buf_reset(&b);
		reports_bases(&b, v->reports, v->kind);
		if ((rc = buf_ok(&b)) != 0 ||
		    (rc = docx_add_outline_heading(d, 2, "報告の期限")) != 0 ||
		    (rc = body(d, b.data)) != 0 ||
		    (rc = add_reports(d, v->reports, v->kind)) != 0)
			goto done;
	}
	if (v->sources != NULL) {
		if ((rc = docx_add_blank(d)) != 0 ||
		    (rc = docx_add_outline_heading(d, 1, "出典")) != 0 ||
		    (rc = body(d, "判断基準は、次の資料に基づく"
		    "。各基準の出典は判断基準の表に示した。")) != 0)
			goto done;
		for (i = 0; i < v->sources->n; i++) {
			s = v->sources->u.items[i];
			snprintf(label, sizeof label, "(%zu)", i + 1);
			buf_reset(&b);
			if (node_get_str(s, "publisher") != NULL)
				buf_printf(&b, "%s", node_get_str(s,
				    "publisher"));
			buf_printf(&b, "「%s」", node_get_str(s, "title"));
			if (node_get_str(s, "short") != NULL)
				buf_printf(&b, "（表では「%s」）",
				    node_get_str(s, "short"));
			if ((rc = buf_ok(&b)) != 0 ||
			    (rc = add_item(d, 1, label, b.data,
			    i + 1 == v->sources->n)) != 0)
				goto done;
		}
	}
	rc = docx_add_closing(d);
done:
	buf_free(&b);
	return rc;
}

int
incident_write_criteria_docx(struct incident_ctx *c,
    const struct node *cat, const struct node *rep, const char *path)
{
	struct crit_view	 v;
	struct docx		*d = NULL;
	int			 rc;

	if ((rc = crit_build(&v, c, cat, rep)) != 0)
		goto done;
	if ((rc = new_doc(&d, "対応基準提案書", v.date_iso[0] != '\0' ?
	    v.date_iso : NULL, v.author)) != 0 ||
	    (rc = layout_criteria(d, &v)) != 0 ||
	    (rc = docx_save(d, path)) != 0)
		goto done;
done:
	docx_free(d);
	crit_free(&v);
	return rc;
}
