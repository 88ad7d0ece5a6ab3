/*
 * Audit deliverables (4(2)エ): item lists, working papers, the summary
 * report per audit, the follow-up Q&A, the fiscal year's results report
 * and the risk list.  Layouts follow EXAMPLES.md.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "audit.h"
#include "audit_doc.h"
#include "buf.h"
#include "cal.h"
#include "chart.h"
#include "docx.h"
#include "error.h"
#include "evstate.h"
#include "node.h"
#include "record.h"
#include "refdata.h"
#include "schema.h"
#include "store.h"
#include "text.h"
#include "xlsx.h"

/*
 * How a rate is computed, in the words of the documents that print one
 * in a sentence (the 概要報告書 and the 実施結果報告書), so that a reader
 * can recompute it from the items: audit_item_weight() and
 * audit_result_credit().
 */
static const char RATE_RULE[] = "適合率は、該当なしを除いた項目について、"
    "適合を1、一部不適合を0.5、不適合を0とし、監査項目ごとの重み（必須項目"
    "はその2倍）により加重平均したものである。";

/* --- small helpers ---------------------------------------------------- */

#define ERA_HELD_MAX	(2 * CAL_FMT_MAX)

static void
era_as(char out[CAL_FMT_MAX], const char *iso, enum cal_era_style style)
{
	struct cal_date	d;

	out[0] = '\0';
	if (iso == NULL)
		return;
	if (cal_parse_iso(&d, iso) != 0 ||
	    cal_format_era(out, CAL_FMT_MAX, d, style) != 0) {
		snprintf(out, CAL_FMT_MAX, "%s", iso);
		error_clear();
	}
}

static void
era(char out[CAL_FMT_MAX], const char *iso)
{
	era_as(out, iso, CAL_ERA_LONG);
}

/*
 * The days an audit was held, as the 作業実施計画書 gives a period:
 * 令和8年8月14日, 令和8年8月14日～15日, 令和8年8月31日～9月1日; an end
 * in another year is written whole.  A two-day audit named by its first
 * day alone read as one held on that day.
 */
static void
era_held(char out[ERA_HELD_MAX], const struct node *root)
{
	const char	*iso = node_get_str(root, "date");
	struct cal_date	 d, e;
	char		 end[CAL_FMT_MAX];
	size_t		 len;

	era(out, iso);
	if (iso == NULL || cal_parse_iso(&d, iso) != 0 ||
	    node_get_str(root, "end_date") == NULL ||
	    cal_parse_iso(&e, node_get_str(root, "end_date")) != 0 ||
	    cal_cmp(e, d) <= 0) {
		error_clear();
		return;
	}
	if (e.y == d.y && e.m == d.m)
		snprintf(end, sizeof end, "%d日", e.d);
	else if (e.y == d.y)
		snprintf(end, sizeof end, "%d月%d日", e.m, e.d);
	else
		era(end, node_get_str(root, "end_date"));
	len = strlen(out);
	snprintf(out + len, ERA_HELD_MAX - len, "～%s", end);
}

/*
 * 令和8年9月10日\n～11日: a period on two lines, broken before its ～,
 * never inside its first day (令和10年10月 / 11日 / ～12日).
 */
static void
held_lines(char out[ERA_HELD_MAX])
{
	char	*t = strstr(out, "～");
	size_t	 n;

	if (t == NULL || (n = strlen(out)) + 2 > ERA_HELD_MAX)
		return;
	memmove(t + 1, t, n + 1 - (size_t)(t - out));
	*t = '\n';
}

/*
 * 令和8年\n10月30日: a date on two lines, broken after the year, for a
 * narrow column of a table (a date never breaks elsewhere).
 */
static void
era_lines(char out[CAL_FMT_MAX], const char *iso)
{
	char	*y;
	size_t	 n;

	era(out, iso);
	if ((y = strstr(out, "年")) == NULL || y[strlen("年")] == '\0')
		return;
	y += strlen("年");
	n = strlen(y);
	if ((size_t)(y - out) + n + 2 > CAL_FMT_MAX)
		return;
	memmove(y + 1, y, n + 1);
	*y = '\n';
}

static time_t
date_time(const char *iso)
{
	struct cal_date	d;

	if (iso == NULL || cal_parse_iso(&d, iso) != 0)
		return 86400;	/* a fixed time, never the clock */
	return (time_t)cal_days(d) * 86400;
}

static int
write_date(struct xlsx_sheet *sh, uint32_t row, uint16_t col,
    const char *iso)
{
	struct cal_date	d;

	if (iso != NULL && cal_parse_iso(&d, iso) == 0)
		return xlsx_write_date(sh, row, col, d.y, d.m, d.d,
		    XLSX_DATE_ERA);
	return xlsx_write_text(sh, row, col, iso);
}

/* A value of the data directory's configuration (refdata.h). */
static const char *
cfg(struct store *st, const char *section, const char *key)
{
	const struct refdata	*rd;
	char			 path[128];

	if (store_refdata(&rd, st) != 0) {
		error_clear();
		return NULL;
	}
	snprintf(path, sizeof path, "%s%s%s", section != NULL ? section : "",
	    section != NULL ? "." : "", key);
	return refdata_config_str(rd, path);
}

static const char *
author(struct store *st)
{
	const char	*s = cfg(st, "documents", "author");

	return s != NULL ? s : cfg(st, NULL, "contractor");
}

/* An enum label from the audit schema: path is prop, or prop/sub for an
 * item of an array of objects (findings/grade). */
static const char *
label(struct store *st, const char *prop, const char *sub, const char *v)
{
	const struct schema	*k, *p;
	const char		*l;

	if (v == NULL)
		return "";
	if (store_kind(&k, st, "audit") != 0) {
		error_clear();
		return v;
	}
	p = schema_prop(k, prop);
	if (p != NULL && sub != NULL) {
		p = schema_items(p);
		p = p != NULL ? schema_prop(p, sub) : NULL;
	}
	if (p != NULL && schema_items(p) != NULL &&
	    (schema_types(p) & SCHEMA_T_ARRAY))
		p = schema_items(p);
	l = p != NULL ? schema_enum_title(p, v) : NULL;
	return l != NULL ? l : v;
}

static const char *
target(struct buf *b, struct store *st, const struct node *root, int dept)
{
	const char	*s, *name = NULL, *dn = NULL;

	buf_reset(b);
	if ((s = node_get_str(root, "target_org")) != NULL) {
		if (store_org(&name, &dn, st, s) == 0) {
			if (dept && dn != NULL)
				buf_printf(b, "%s ", dn);
			buf_puts(b, name);
		} else {
			error_clear();
			buf_puts(b, s);
		}
	}
	if ((s = node_get_str(root, "target_system")) != NULL)
		buf_printf(b, "%s%s", b->len > 0 ? "　" : "", s);
	buf_puts(b, "");
	return b->data != NULL ? b->data : "";
}

/*
 * How a ward reader knows an audit: its 文書番号 when it has one, its kind
 * and its date -- never our record id.  運用面の監査（令和8年7月15日）.
 * In a list of fy, an audit of another year says its year before its
 * number: two 監査第4号 of the リスク一覧 told apart only by the date
 * (rev21c T8).
 */
static const char *
audit_name(struct buf *b, struct store *st, const struct node *root, int fy)
{
	const char	*s = node_get_str(root, "fy");
	char		 day[CAL_FMT_MAX], lab[CAL_FMT_MAX];

	buf_reset(b);
	era(day, node_get_str(root, "date"));
	if (fy > 0 && s != NULL && node_get_str(root, "ref_no") != NULL &&
	    atoi(s) != fy) {
		if (cal_fy_label(lab, sizeof lab, atoi(s)) == 0)
			buf_printf(b, "%s ", lab);
		else
			error_clear();
	}
	if (node_get_str(root, "ref_no") != NULL)
		buf_printf(b, "%s ", node_get_str(root, "ref_no"));
	buf_puts(b, label(st, "type", NULL, node_get_str(root, "type")));
	if (day[0] != '\0')
		buf_printf(b, "（%s）", day);
	buf_puts(b, "");
	return b->data != NULL ? b->data : "";
}

/*
 * The audit record with this id, for the names below; -1 with no error
 * left set when there is no id or no such audit (a follow-up whose
 * source was removed), so the caller names it as missing.
 */
static int
audit_by_id(struct record **out, struct store *st, const char *id)
{
	const struct schema	*kind;
	struct recref		 ref = { NULL, NULL, NULL, 0 };
	struct reclist		 m = RECLIST_INIT;
	int			 rc = -1;

	*out = NULL;
	if (id != NULL && store_kind(&kind, st, "audit") == 0 &&
	    store_find(&ref, &m, st, kind, id) == 0 &&
	    record_load(out, st, &ref, NULL) == 0)
		rc = 0;
	else
		error_clear();
	reclist_free(&m);
	free(ref.id);
	free(ref.relpath);
	return rc;
}

/*
 * The audit a follow-up came from, by its title and date (or 文書番号):
 * 令和8年度 情報セキュリティ監査（運用面） 戸籍住民課（令和8年7月15日実施）.
 * An audit no longer in the data directory is named as such.
 */
static const char *
audit_source_name(struct buf *b, struct store *st, const char *id,
    int full)
{
	struct record		*r = NULL;
	const struct node	*root;
	char			 day[ERA_HELD_MAX];

	buf_reset(b);
	if (audit_by_id(&r, st, id) != 0) {
		buf_puts(b, id != NULL ? "（記録のない監査）" : "");
		goto done;
	}
	root = record_root(r);
	if (!full) {
		struct buf	o = BUF_INIT;

		buf_puts(b, audit_name(&o, st, root, 0));
		buf_free(&o);
		goto done;
	}
	era_held(day, root);
	if (node_get_str(root, "ref_no") != NULL)
		buf_printf(b, "%s ", node_get_str(root, "ref_no"));
	buf_puts(b, node_get_str(root, "title") != NULL ?
	    node_get_str(root, "title") : label(st, "type", NULL,
	    node_get_str(root, "type")));
	if (day[0] != '\0')
		buf_printf(b, "\n（%s実施）", day);
done:
	buf_puts(b, "");
	record_free(r);
	return b->data != NULL ? b->data : "";
}

/*
 * An audit named in a sentence, its year, number, kind and days in one
 * bracket: 令和9年度 監査第5号（運用面の監査、令和9年11月12日実施）.
 * audit_name()'s 監査第5号 運用面の監査（令和9年11月12日） put inside
 * the sentence's own bracket nested two and said no year (review 19,
 * rev19a T18).
 */
static const char *
audit_lead_name(struct buf *b, struct store *st, const char *id)
{
	struct record		*r = NULL;
	const struct node	*root;
	const char		*s;
	char			 day[ERA_HELD_MAX], lab[CAL_FMT_MAX];

	buf_reset(b);
	if (audit_by_id(&r, st, id) != 0) {
		buf_puts(b, id != NULL ? "記録のない監査" : "");
		goto done;
	}
	root = record_root(r);
	s = node_get_str(root, "fy");
	if (s == NULL || cal_fy_label(lab, sizeof lab, (int)strtol(s, NULL,
	    10)) != 0) {
		error_clear();
		lab[0] = '\0';
	}
	era_held(day, root);
	if (lab[0] != '\0')
		buf_printf(b, "%s ", lab);
	/* no 監査番号: 令和8年度 運用面の監査（令和8年7月15日実施） */
	if (node_get_str(root, "ref_no") != NULL)
		buf_printf(b, "%s（%s%s", node_get_str(root, "ref_no"),
		    label(st, "type", NULL, node_get_str(root, "type")),
		    day[0] != '\0' ? "、" : "");
	else
		buf_printf(b, "%s%s", label(st, "type", NULL,
		    node_get_str(root, "type")), day[0] != '\0' ? "（" : "");
	if (day[0] != '\0')
		buf_printf(b, "%s実施", day);
	if (node_get_str(root, "ref_no") != NULL || day[0] != '\0')
		buf_puts(b, "）");
done:
	buf_puts(b, "");
	record_free(r);
	return b->data != NULL ? b->data : "";
}

/*
 * What a follow-up's papers say of an earlier follow-up of the same
 * findings (review17 M4: a second follow-up that never named the first):
 * 令和8年12月7日のフォローアップ監査（監査第69号）で是正を確認した指摘を
 * 除く。, or how many of its findings that one had already accepted.
 * "" when there is none.
 */
static const char *
prior_text(struct buf *b, struct store *st, const struct node *root)
{
	struct diags		 skip = DIAGS_INIT;
	struct record		**all = NULL;
	struct audit_prior	 p;
	const struct node	*by;
	char			 day[CAL_FMT_MAX];
	size_t			 nall = 0;

	buf_reset(b);
	if (node_scalar_eq(node_get(root, "type"), "followup") &&
	    audit_load_year(&all, &nall, st, 0, &skip) == 0) {
		audit_prior(&p, all, nall, root);
		by = p.naccepted > 0 ? p.accepted_by : p.earlier;
		if (by != NULL) {
			era(day, node_get_str(by, "date"));
			if (p.naccepted == 0)
				buf_printf(b, "%sのフォローアップ監査%s%s%sで"
				    "是正を確認した指摘を除く。", day,
				    node_get_str(by, "ref_no") ? "（" : "",
				    node_get_str(by, "ref_no") ?
				    node_get_str(by, "ref_no") : "",
				    node_get_str(by, "ref_no") ? "）" : "");
			else
				buf_printf(b, "%s%zu件%sは、%sのフォローアップ"
				    "監査%s%s%sで是正を確認済みである。",
				    p.naccepted == p.n ? "本監査の指摘" :
				    "本監査の指摘のうち", p.naccepted,
				    p.naccepted == p.n && p.n > 1 ?
				    "（全件）" : "", day,
				    node_get_str(by, "ref_no") ? "（" : "",
				    node_get_str(by, "ref_no") ?
				    node_get_str(by, "ref_no") : "",
				    node_get_str(by, "ref_no") ? "）" : "");
		}
	}
	error_clear();
	diags_free(&skip);
	audit_free_all(all, nall);
	buf_puts(b, "");
	return b->data != NULL ? b->data : "";
}

/*
 * A position inside the brackets after a name, its own aside joined with
 * ・: 仮設 真理（庶務係長・情報セキュリティ担当者）, not （庶務係長（情報
 * セキュリティ担当者）） in brackets twice (review17 T8).
 */
static void
flat_position(struct buf *b, const char *s)
{
	static const char open[] = "（", close[] = "）";
	const char	*o = strstr(s, open);
	size_t		 n = strlen(s);

	if (o == NULL || o == s || n < sizeof close - 1 ||
	    strcmp(s + n - (sizeof close - 1), close) != 0 ||
	    strstr(o + sizeof open - 1, open) != NULL) {
		buf_puts(b, s);
		return;
	}
	buf_printf(b, "%.*s・%.*s", (int)(o - s), s,
	    (int)(s + n - (sizeof close - 1) - (o + sizeof open - 1)),
	    o + sizeof open - 1);
}

static void
people(struct buf *b, const struct node *seq, int pos)
{
	const char	*s;
	size_t		 i;

	buf_reset(b);
	for (i = 0; seq != NULL && seq->kind == NODE_SEQ && i < seq->n; i++) {
		if (i > 0)
			buf_puts(b, "、");
		if ((s = node_get_str(seq->u.items[i], "name")) != NULL)
			buf_puts(b, s);
		if (pos && (s = node_get_str(seq->u.items[i], "position")) !=
		    NULL) {
			buf_puts(b, "（");
			flat_position(b, s);
			buf_puts(b, "）");
		}
	}
	buf_puts(b, "");
}

static void
join(struct buf *b, const struct node *seq, const char *sep,
    struct store *st, const char *prop)
{
	size_t	i;

	buf_reset(b);
	for (i = 0; seq != NULL && seq->kind == NODE_SEQ && i < seq->n; i++) {
		if (seq->u.items[i]->kind != NODE_SCALAR)
			continue;
		if (i > 0)
			buf_puts(b, sep);
		buf_puts(b, prop != NULL ? label(st, "items", prop,
		    seq->u.items[i]->u.s.str) : seq->u.items[i]->u.s.str);
	}
	buf_puts(b, "");
}

static const char *
chief(struct store *st, const struct node *root)
{
	const char	*id = node_get_str(root, "chief_auditor");
	const char	*n = audit_member_name(st, id);

	return n != NULL ? n : id != NULL ? id : "";
}

/* The value of a rate cell formatted "0.0%": Excel shows the text. */
static double
tenths_value(long t)
{
	return (double)t / 1000.0;
}

static void
rate_text(char *out, size_t size, const struct audit_tally *t)
{
	long	v;

	if (audit_tally_tenths(&v, t))
		audit_tenths_text(out, size, v, 1);
	else
		snprintf(out, size, "－");
}

static void
rate_cell(char *out, size_t size, const struct audit_tally *t)
{
	long	v;

	if (audit_tally_tenths(&v, t))
		audit_tenths_text(out, size, v, 0);
	else
		snprintf(out, size, "－");
}

/*
 * The date a document about this audit is dated: report, agreement, the
 * audit itself; never before the audit's last day (令和8年9月10日～9月11日
 * is reported on 9月11日 at the earliest), as a checklist report is dated
 * no earlier than the end of its period.
 */
static const char *
doc_date(const struct node *root)
{
	const char	*s, *end = node_get_str(root, "end_date");

	if ((s = node_get_str(root, "reported")) == NULL &&
	    (s = node_get_str(node_get(root, "agreement"), "date")) == NULL)
		s = node_get_str(root, "date");
	if (s != NULL && end != NULL && strcmp(end, s) > 0)
		return end;
	return s;
}

static int
sheet_name(char *out, size_t size, const char *want, const char *suffix)
{
	const char	*p = want;
	size_t		 chars = 0, bytes = 0;

	/* 31 characters at most, whole UTF-8 sequences. */
	while (*p != '\0' && chars < 20 && bytes + 4 < size) {
		size_t l = ((unsigned char)*p >= 0xf0) ? 4 :
		    ((unsigned char)*p >= 0xe0) ? 3 :
		    ((unsigned char)*p >= 0xc0) ? 2 : 1;

		if (strchr("[]:*?/\\", *p) == NULL) {
			memcpy(out + bytes, p, l);
			bytes += l;
			chars++;
		}
		p += l;
	}
	out[bytes] = '\0';
	if (suffix != NULL && suffix[0] != '\0')
		/* Two audits of one unit in a workbook: the kind (and a
		 * number) tells them apart, as the reader knows them. */
		/* in full-width brackets, as the documents write them
		 * (rev19b T5: 戸籍住民課(フォローアップ) in the footer) */
		snprintf(out + bytes, size - bytes, "（%s）", suffix);
	else if (bytes == 0)
		snprintf(out, size, "監査");
	return 0;
}

int
audit_doc_is_draft(const struct node *root)
{
	return node_scalar_eq(node_get(root, "status"), "in-progress");
}

/* --- 監査調書 -------------------------------------------------------- */

/*
 * The working paper's table is collected in a grid before it is written,
 * so that its columns get widths from their content (xlsx_fit_table()):
 * a short code (判定, 確認方法) keeps a line of its own, the long texts
 * share what is left of the page width and are broken into lines by the
 * writer (XLSX_COL_BREAK), with kinsoku, so that Excel and LibreOffice
 * show the same lines.  A column nobody has filled in yet keeps room to
 * write in.
 */
struct grid {
	size_t		 nrows;
	size_t		 ncols;
	char		**cell;		/* nrows x ncols, NULL: empty */
	size_t		 cap;
	int		 nomem;
};

static void
grid_free(struct grid *g)
{
	size_t	 i;

	for (i = 0; i < g->nrows * g->ncols; i++)
		free(g->cell[i]);
	free(g->cell);
	memset(g, 0, sizeof *g);
}

/* Start row r (the next one): its cells are empty. */
static size_t
grid_row(struct grid *g)
{
	char	**v;
	size_t	  n;

	if ((g->nrows + 1) * g->ncols > g->cap) {
		n = g->cap > 0 ? g->cap * 2 : g->ncols * 64;
		if ((v = realloc(g->cell, n * sizeof *v)) == NULL) {
			g->nomem = 1;
			return g->nrows > 0 ? g->nrows - 1 : 0;
		}
		g->cell = v;
		g->cap = n;
	}
	memset(g->cell + g->nrows * g->ncols, 0, g->ncols * sizeof *g->cell);
	return g->nrows++;
}

static void
grid_set(struct grid *g, size_t r, size_t c, const char *s)
{
	char	*p;

	if (r >= g->nrows || s == NULL || *s == '\0')
		return;
	if ((p = strdup(s)) == NULL) {
		g->nomem = 1;
		return;
	}
	free(g->cell[r * g->ncols + c]);
	g->cell[r * g->ncols + c] = p;
}

static const char *
grid_get(const struct grid *g, size_t r, size_t c)
{
	return g->cell[r * g->ncols + c];
}

/*
 * How a finding's 影響度 comes from its 指摘区分, in b, from the schema's
 * grades as the risk list maps them (major 高, the others 中): 指摘の
 * 影響度は指摘区分による（重大は高、軽微・観察・改善提案は中）.
 */
static void
impact_note(struct buf *b, struct store *st)
{
	const struct schema	*k, *g = NULL;
	const char		*v;
	size_t			 i, nmid = 0;
	struct buf		 mid = BUF_INIT;

	if (store_kind(&k, st, "audit") == 0)
		g = schema_at(k, "findings.grade");
	error_clear();
	for (i = 0; g != NULL && i < schema_nenum(g); i++)
		if ((v = schema_enum_at(g, i)) != NULL &&
		    strcmp(v, "major") != 0)
			buf_printf(&mid, "%s%s", nmid++ > 0 ? "・" : "",
			    label(st, "findings", "grade", v));
	buf_reset(b);
	buf_printf(b, "指摘の影響度は指摘区分による（%sは高、%sは中）。"
	    "指摘の発生可能性は未評価。", label(st, "findings", "grade",
	    "major"), mid.len > 0 ? mid.data : "その他");
	if (buf_ok(&mid) != 0)
		b->failed = 1;
	buf_free(&mid);
}

/*
 * An item's number in a column of codes (not wrapped): its kind, where
 * that is not own, on a line above it (マイナンバー / 01), so that the
 * column is no wider than the kind; b->data.
 */
static const char *
item_cell(struct buf *b, const char *ref, const char *own)
{
	struct buf	 t = BUF_INIT;
	const char	*p;

	audit_item_label(&t, ref, own);
	buf_reset(b);
	for (p = t.data != NULL ? t.data : ""; *p != '\0'; p++)
		buf_putc(b, *p == ' ' ? '\n' : *p);
	buf_puts(b, "");
	buf_free(&t);
	return b->data != NULL ? b->data : "";
}

/* A text the record does not give yet, said so: （対応策未記入）. */
static const char *
or_unwritten(const char *s, const char *missing)
{
	return s != NULL && *s != '\0' ? s : missing;
}

#define BRK	XLSX_COL_BREAK
#define SENT	XLSX_COL_SENTENCES

static const struct xlsx_fit_col paper_cols[] = {
	{ { "No.", XLSX_COL_CENTER, 4.5 }, XLSX_FIT_FIXED },
	{ { "項目番号", 0, 10 }, XLSX_FIT_CODE },
	{ { "対策基準の条項", XLSX_COL_CENTER, 7 }, XLSX_FIT_CODE },
	{ { "監査項目", BRK, 34 }, XLSX_FIT_TEXT },
	{ { "確認方法", XLSX_COL_CENTER, 9 }, XLSX_FIT_CODE },
	{ { "確認資料", BRK, 12 }, XLSX_FIT_TEXT },
	{ { "判定", XLSX_COL_CENTER, 10 }, XLSX_FIT_CODE },
	{ { "確認結果・所見", BRK, 22 }, XLSX_FIT_TEXT },
	{ { "指摘区分", XLSX_COL_CENTER, 8 }, XLSX_FIT_CODE },
	{ { "改善の方向性", BRK, 16 }, XLSX_FIT_TEXT },
};

/*
 * A follow-up's findings (review17 T8): 元の指摘 is 指摘3 when the header
 * names the audit; the item by its number and its text (last year's
 * numbers, renumbered since, said nothing alone); the 是正期限 on two
 * lines (令和10年 / 1月2日) and the room to the texts, which wrapped to
 * five lines of six characters beside wide dates; 指摘内容 and 改善の
 * 方向性 10 characters a line at least (XLSX_COL_SENTENCES), where the
 * 回答 beside them took the room and left them seven (stop 38); the
 * 監査項目 too, which the room they took left seven.
 */
static const struct xlsx_fit_col followup_cols[] = {
	{ { "No.", XLSX_COL_CENTER, 4.5 }, XLSX_FIT_FIXED },
	{ { "元の指摘", XLSX_COL_CENTER, 18 }, XLSX_FIT_CODE },
	{ { "監査項目", BRK | SENT, 24 }, XLSX_FIT_TEXT },
	{ { "指摘区分", XLSX_COL_CENTER, 7 }, XLSX_FIT_CODE },
	{ { "指摘内容", BRK | SENT, 32 }, XLSX_FIT_TEXT },
	{ { "改善の方向性", BRK | SENT, 30 }, XLSX_FIT_TEXT },
	{ { "是正期限", XLSX_COL_CENTER, 10 }, XLSX_FIT_FIXED },
	{ { "是正状況", XLSX_COL_CENTER, 8 }, XLSX_FIT_CODE },
	{ { "被監査部署の回答・質疑応答", BRK, 36 }, XLSX_FIT_TEXT },
};

#undef BRK
#undef SENT

#define PAPER_COLS	(sizeof paper_cols / sizeof paper_cols[0])

/*
 * The working paper's columns for grid g into pc: 項目番号 as wide as its
 * heading where every number is a short code (2-1-04, 01), as it was
 * with op-2-1-04; fitted to the numbers (one unit narrower) the
 * widths of the fewest pages gave the 改善の方向性 seven lines.  Any
 * other number, a column as wide as the longest.
 */
static const struct xlsx_fit_col *
paper_fit(struct xlsx_fit_col pc[PAPER_COLS], const struct grid *g)
{
	const char	*s;
	size_t		 r;

	memcpy(pc, paper_cols, sizeof paper_cols);
	for (r = 0; r < g->nrows; r++) {
		s = g->cell[r * g->ncols + 1];
		if (s != NULL && (strlen(s) > 8 || strspn(s, "0123456789-") !=
		    strlen(s)))
			return pc;
	}
	pc[1].fit = XLSX_FIT_FIXED;
	return pc;
}
#define FOLLOWUP_COLS	(sizeof followup_cols / sizeof followup_cols[0])

static void	one_line(struct buf *, const char *);
static const char *source_item_text(const struct record *,
    const struct node *, const char *);

/*
 * The audit every finding of a follow-up was made in (audit_origin():
 * through a follow-up named by hand), into b; NULL when none or not one.
 */
static const char *
common_source(struct buf *b, struct store *st, const struct node *root)
{
	const struct node	*fs = audit_findings(root), *of;
	struct record		*r;
	const char		*s;
	size_t			 i;
	int			 one = 1;

	buf_reset(b);
	for (i = 0; one && fs != NULL && i < fs->n; i++) {
		s = audit_origin(&r, &of, st, fs->u.items[i]) == 1 ?
		    record_id(r) : node_get_str(fs->u.items[i], "from_audit");
		if (s == NULL || (b->len > 0 && strcmp(b->data, s) != 0))
			one = 0;
		else if (b->len == 0)
			buf_puts(b, s);
		record_free(r);
	}
	return one && b->len > 0 && buf_ok(b) == 0 ? b->data : NULL;
}

/* The working paper's header block (EXAMPLES.md 監査調書). */
static int
paper_header(struct xlsx_sheet *sh, struct store *st, const struct node *root)
{
	struct buf		 tg = BUF_INIT, aud = BUF_INIT;
	struct buf		 who = BUF_INIT, src = BUF_INIT, of = BUF_INIT;
	struct buf		 prior = BUF_INIT, o = BUF_INIT, cs = BUF_INIT;
	struct xlsx_field	 f[8];
	const char		*from;
	char			 d1[ERA_HELD_MAX];
	int			 rc;

	/* 令和10年10月11日～12日, as the 作業実施計画書 */
	era_held(d1, root);
	target(&tg, st, root, 1);
	/*
	 * A follow-up's source once here, its rows 指摘3 (review17 T8: the
	 * audit's name and date in each of 12 rows): the audit that made
	 * the findings, and the follow-up it follows up if another.
	 */
	from = common_source(&cs, st, root);
	if (from != NULL)
		one_line(&src, audit_source_name(&o, st, from, 1));
	if (node_get_str(root, "followup_of") != NULL && (from == NULL ||
	    strcmp(from, node_get_str(root, "followup_of")) != 0))
		one_line(&of, audit_source_name(&o, st,
		    node_get_str(root, "followup_of"), 1));
	prior_text(&prior, st, root);
	people(&aud, node_get(root, "auditors"), 0);
	people(&who, node_get(root, "auditees"), 1);
	f[0].label = "監査対象";
	f[0].value = tg.data;
	f[1].label = "実施日";
	f[1].value = d1;
	f[2].label = "主任監査員";
	f[2].value = chief(st, root);
	f[3].label = "監査員";
	f[3].value = aud.data;
	f[4].label = "対応者";
	f[4].value = who.data;
	f[5].label = "指摘を行った監査";
	f[5].value = src.data;
	f[6].label = "フォローアップ元";
	f[6].value = of.data;
	f[7].label = "前回のフォローアップ";
	f[7].value = prior.len > 0 ? prior.data : NULL;
	rc = xlsx_fields(sh, f, sizeof f / sizeof f[0]);
	buf_free(&tg);
	buf_free(&aud);
	buf_free(&who);
	buf_free(&src);
	buf_free(&of);
	buf_free(&prior);
	buf_free(&o);
	buf_free(&cs);
	return rc;
}

/*
 * The table of a working paper from its grid: widths fitted, then the
 * cells; No. is the row's number, column date (if not 0) an ISO date
 * shown as 令和.  *next is the row after the table.
 */
#define PAPER_SCALE	0.70
/*
 * The least: on as many pages, two points smaller where that cuts fewer
 * words of the 所見 (証明書交付の補助業／務, 確認／票 at 70 %: review7)
 */
#define PAPER_LEAST	0.68

static int
grid_write(uint32_t *next, struct xlsx_sheet *sh, const struct grid *g,
    const struct xlsx_fit_col *fc, size_t date)
{
	struct xlsx_column	 cols[16];
	uint32_t		 row;
	size_t			 r, c;
	int			 rc;

	if (g->nomem)
		return error_set(NC_ENOMEM, "out of memory");
	if (g->ncols > 16)
		return error_set(NC_EINVALID, "a working paper has at most 16 "
		    "columns");
	/*
	 * The widths for the fewest pages at PAPER_SCALE or more, none
	 * weighing more for its scale above it: a working paper of 59 items
	 * and their findings on 6 pages at 70 %, not 8 at 80 %; then, on
	 * as many pages, down to PAPER_LEAST for fewer words cut
	 * (xlsx_fit_sheet()'s XLSX_FIT_BAD_SCALE).
	 */
	if ((rc = xlsx_fit_sheet(sh, cols, fc, g->ncols, (const char *const *)
	    g->cell, g->nrows, PAPER_LEAST, PAPER_SCALE, NULL)) != 0)
		return rc;
	if ((rc = xlsx_table(&row, sh, cols, g->ncols)) != 0)
		return rc;
	for (r = 0; r < g->nrows; r++, row++) {
		xlsx_write_number(sh, row, 0, (double)(r + 1), XLSX_NUM_INT);
		for (c = 1; c < g->ncols; c++) {
			if (date != 0 && c == date)
				write_date(sh, row, (uint16_t)c,
				    grid_get(g, r, c));
			else
				xlsx_write_text(sh, row, (uint16_t)c,
				    grid_get(g, r, c));
		}
	}
	*next = row;
	return 0;
}

/* --- 監査項目 -------------------------------------------------------- */

/*
 * The catalog's items laid out as the working paper is: codes and the
 * 分類 on a line of their own (a 分類 broken mid-word reads badly), the
 * three texts sharing the rest of the page, broken by the writer.
 */
static const struct xlsx_fit_col items_cols[] = {
	{ { "No.", XLSX_COL_CENTER, 5 }, XLSX_FIT_FIXED },
	{ { "項目番号", 0, 11 }, XLSX_FIT_CODE },
	{ { "対策基準の条項", XLSX_COL_CENTER, 8 }, XLSX_FIT_CODE },
	/*
	 * a label broken at its phrases: 情報システム全体の / 強靭性の向上,
	 * never inside a run of kanji (特定個人情報保 / 護評価)
	 */
	{ { "分類", XLSX_COL_NAME | XLSX_COL_PHRASE, 16 }, XLSX_FIT_TEXT },
	{ { "監査項目", XLSX_COL_BREAK, 44 }, XLSX_FIT_TEXT },
	{ { "監査資料の例", XLSX_COL_BREAK, 26 }, XLSX_FIT_TEXT },
	{ { "監査実施の例", XLSX_COL_BREAK, 36 }, XLSX_FIT_TEXT },
	{ { "重要度", XLSX_COL_CENTER, 7 }, XLSX_FIT_CODE },
	{ { "重み", XLSX_COL_CENTER, 6 }, XLSX_FIT_CODE },
};

#define ITEMS_COLS	(sizeof items_cols / sizeof items_cols[0])
#define ITEMS_CLAUSE	2	/* 対策基準の条項 */

static void
items_grid(struct grid *g, struct store *st, const struct schema *ckind,
    const struct node *items)
{
	const struct node	*it;
	struct buf		 b = BUF_INIT;
	const char		*s;
	size_t			 j, row;

	for (j = 0; items != NULL && j < items->n; j++) {
		it = items->u.items[j];
		row = grid_row(g);
		/* the sheet is the catalog's kind: the number alone */
		grid_set(g, row, 1, audit_item_number(node_get_str(it,
		    "ref")));
		grid_set(g, row, 2, node_get_str(it, "clause"));
		grid_set(g, row, 3, node_get_str(it, "category"));
		grid_set(g, row, 4, node_get_str(it, "text"));
		join(&b, node_get(it, "evidence_examples"), "\n", st, NULL);
		grid_set(g, row, 5, b.data);
		grid_set(g, row, 6, node_get_str(it, "how_to_check"));
		s = node_get_str(it, "importance");
		grid_set(g, row, 7, schema_label(ckind, "items.importance",
		    s != NULL ? s : "required"));
		s = node_get_str(it, "weight");
		grid_set(g, row, 8, s != NULL ? s : "1");
	}
	buf_free(&b);
}

int
audit_doc_items(const char *path, struct store *st,
    const struct record *const *cats, size_t n)
{
	struct xlsx_props	 props;
	struct xlsx		*x = NULL;
	struct xlsx_sheet	*sh;
	struct xlsx_column	 cols[ITEMS_COLS];
	struct xlsx_fit_col	 ic[ITEMS_COLS];
	struct buf		 note = BUF_INIT;
	struct grid		 g;
	const struct schema	*ckind;
	const char		*k, *s, *latest = NULL;
	char			 day[CAL_FMT_MAX];
	uint32_t		 row;
	size_t			 i, j, c, nc, clauses;
	int			 rc;

	if ((rc = store_kind(&ckind, st, "catalog")) != 0)
		return rc;
	for (i = 0; i < n; i++) {
		s = record_field(cats[i], "issued");
		if (s != NULL && (latest == NULL || strcmp(s, latest) > 0))
			latest = s;
	}
	memset(&g, 0, sizeof g);
	memset(&props, 0, sizeof props);
	props.title = "情報セキュリティ監査項目";
	props.author = author(st);
	props.created = date_time(latest);
	if ((rc = xlsx_new(&x, path, &props)) != 0)
		return rc;
	for (i = 0; i < n; i++) {
		k = record_field(cats[i], "kind");
		xlsx_add_sheet(&sh, x, k != NULL && strcmp(k,
		    "audit-mynumber") == 0 ? "マイナンバー" : k != NULL &&
		    strcmp(k, "audit-system") == 0 ? "システム面" : "運用面",
		    XLSX_LANDSCAPE);
		era(day, record_field(cats[i], "issued"));
		buf_reset(&note);
		s = record_field(cats[i], "version");
		buf_printf(&note, "第%s版　%s%s", s != NULL ? s : "1",
		    day, day[0] != '\0' ? "確定" : "");
		xlsx_title(sh, record_field(cats[i], "title"), note.data);
		g.ncols = ITEMS_COLS;
		items_grid(&g, st, ckind, node_get(record_root(cats[i]),
		    "items"));
		/*
		 * A catalog none of whose items has a clause (マイナンバー:
		 * its items follow the 評価書, not the 対策基準) has no
		 * column of them: an empty column under a heading reads as
		 * left to fill in.
		 */
		for (j = 0, clauses = 0; j < g.nrows; j++)
			clauses += grid_get(&g, j, ITEMS_CLAUSE) != NULL;
		for (c = 0, nc = 0; c < ITEMS_COLS; c++)
			if (c != ITEMS_CLAUSE || clauses > 0)
				ic[nc++] = items_cols[c];
		/* the grid's rows closed up over the column (all empty) */
		for (j = 0; nc < ITEMS_COLS && j < g.nrows; j++) {
			memmove(g.cell + j * nc, g.cell + j * ITEMS_COLS,
			    ITEMS_CLAUSE * sizeof *g.cell);
			memmove(g.cell + j * nc + ITEMS_CLAUSE, g.cell +
			    j * ITEMS_COLS + ITEMS_CLAUSE + 1, (ITEMS_COLS -
			    ITEMS_CLAUSE - 1) * sizeof *g.cell);
		}
		g.ncols = nc;
		if (g.nomem)
			rc = error_set(NC_ENOMEM, "out of memory");
		else
			rc = xlsx_fit_table(cols, ic, nc,
			    (const char *const *)g.cell, g.nrows,
			    XLSX_FIT_LANDSCAPE);
		if (rc != 0) {
			grid_free(&g);
			goto done;
		}
		xlsx_table(&row, sh, cols, nc);
		for (j = 0; j < g.nrows; j++, row++) {
			xlsx_write_number(sh, row, 0, (double)(j + 1),
			    XLSX_NUM_INT);
			for (c = 1; c < nc - 1; c++)
				xlsx_write_text(sh, row, (uint16_t)c,
				    grid_get(&g, j, c));
			xlsx_write_number(sh, row, (uint16_t)(nc - 1),
			    strtod(grid_get(&g, j, nc - 1), NULL),
			    XLSX_NUM_INT);
		}
		grid_free(&g);
	}
	rc = xlsx_save(x);
done:
	xlsx_free(x);
	buf_free(&note);
	return rc;
}

static void
paper_items(struct grid *g, struct store *st, const struct node *root)
{
	const struct node	*items = audit_items(root), *it, *f = NULL;
	const struct node	*fs = audit_findings(root);
	enum audit_result	 r;
	struct buf		 b = BUF_INIT;
	const char		*own = audit_own_kind(root), *kind;
	size_t			 i, k, row;

	for (i = 0; items != NULL && i < items->n; i++) {
		it = items->u.items[i];
		f = NULL;
		for (k = 0; fs != NULL && k < fs->n; k++) {
			if (node_scalar_eq(node_get(fs->u.items[k], "item"),
			    node_get_str(it, "ref")))
				f = fs->u.items[k];
		}
		row = grid_row(g);
		/*
		 * The number alone, and an item of another kind than the
		 * audit's own marked 【マイナンバー】 before its question
		 * (paper_kinds() says so under the table): its number may be
		 * an item's of the audit's own catalog too (2-1-01), and the
		 * kind in the 項目番号 column widened it by half and cut the
		 * 改善の方向性 to eight lines.
		 */
		grid_set(g, row, 1, audit_item_number(node_get_str(it,
		    "ref")));
		/* マイナンバー's items have none: 「－」, not a blank to fill */
		grid_set(g, row, 2, or_unwritten(node_get_str(it, "clause"),
		    "－"));
		kind = audit_item_kind(node_get_str(it, "ref"));
		buf_reset(&b);
		if (kind != NULL && own != NULL && strcmp(kind, own) != 0)
			buf_printf(&b, "【%s】", kind);
		buf_puts(&b, node_get_str(it, "text") != NULL ?
		    node_get_str(it, "text") : "");
		grid_set(g, row, 3, b.data);
		join(&b, node_get(it, "methods"), "\n", st, "methods");
		grid_set(g, row, 4, b.data);
		join(&b, node_get(it, "evidence"), "\n", st, NULL);
		grid_set(g, row, 5, b.data);
		r = audit_item_result(it);
		grid_set(g, row, 6, r == AUDIT_NONE ? "" :
		    audit_result_label(r));
		grid_set(g, row, 7, node_get_str(it, "note"));
		grid_set(g, row, 8, f != NULL ? label(st, "findings",
		    "grade", node_get_str(f, "grade")) : NULL);
		grid_set(g, row, 9, f != NULL ? node_get_str(f,
		    "correction") : NULL);
	}
	buf_free(&b);
}

/*
 * The note under a working paper of an audit with items of another kind
 * than its own (paper_items()): 「監査項目に【マイナンバー】を付した項目
 * は、マイナンバーの監査項目であり、項目番号は監査項目の「マイナンバー」の
 * シートの番号である。」.  b->data, "" when none.
 */
static const char *
paper_kinds(struct buf *b, const struct node *root)
{
	const struct node	*items = audit_items(root);
	const char		*own = audit_own_kind(root), *k;
	const char		*seen[8];
	size_t			 i, j, n = 0;

	buf_reset(b);
	for (i = 0; own != NULL && items != NULL && i < items->n; i++) {
		k = audit_item_kind(node_get_str(items->u.items[i], "ref"));
		if (k == NULL || strcmp(k, own) == 0)
			continue;
		for (j = 0; j < n && strcmp(seen[j], k) != 0; j++)
			continue;
		if (j < n || n == sizeof seen / sizeof seen[0])
			continue;
		seen[n++] = k;
		buf_printf(b, "監査項目に【%s】を付した項目は、%sの監査項目であり、"
		    "項目番号は監査項目の「%s」のシートの番号である。", k, k, k);
	}
	buf_puts(b, "");
	return b->data != NULL ? b->data : "";
}

/*
 * Append s to b a part a line, for a column that does not wrap: a break
 * at each space (after a 文書番号, between a 課 and its system) and
 * before a bracket, so that a date
 * in brackets keeps a line of its own: "運用面の監査\n（令和8年7月15日）".
 */
static void
lines_of(struct buf *b, const char *s)
{
	const char	*open = "（";

	for (; *s != '\0'; s++) {
		if (*s == ' ' || strncmp(s, "　", strlen("　")) == 0) {
			buf_puts(b, "\n");
			s += *s == ' ' ? 0 : strlen("　") - 1;
			continue;
		}
		if (strncmp(s, open, strlen(open)) == 0 && b->len > 0 &&
		    b->data[b->len - 1] != '\n')
			buf_puts(b, "\n");
		buf_putc(b, *s);
	}
	buf_puts(b, "");
}

/*
 * Mark an audit whose rates are interim (items still to check) with ※
 * after the first line of its name: 総務課※／文書管理システム, the longer
 * line left as wide as it was.
 */
static void
mark_first_line(struct buf *b)
{
	struct buf	 o = BUF_INIT;
	const char	*nl;

	if (b->data == NULL)
		return;
	buf_puts(&o, b->data);
	if (buf_ok(&o) != 0) {
		buf_free(&o);
		return;
	}
	buf_reset(b);
	if ((nl = strchr(o.data, '\n')) != NULL) {
		buf_add(b, o.data, (size_t)(nl - o.data));
		buf_puts(b, "※");
		buf_puts(b, nl);
	} else {
		buf_puts(b, o.data);
		buf_puts(b, "※");
	}
	buf_free(&o);
}

/* Display width of the widest line of s. */
static double
widest_line(const char *s)
{
	const char	*nl;
	size_t		 w, max = 0;

	for (; s != NULL; s = nl != NULL ? nl + 1 : NULL) {
		nl = strchr(s, '\n');
		w = text_width(s, nl != NULL ? (size_t)(nl - s) : strlen(s));
		if (w > max)
			max = w;
	}
	return (double)max;
}

/* Append s to b with its line breaks as full-width spaces. */
static void
one_line(struct buf *b, const char *s)
{
	for (; *s != '\0'; s++) {
		if (*s == '\n')
			buf_puts(b, "　");
		else
			buf_putc(b, *s);
	}
	buf_puts(b, "");
}

/*
 * The text of a finding as the documents print it.  A finding made when
 * an item is answered 一部不適合 or 不適合 has no text of its own until the
 * auditor writes one (audit_sync_finding()); records written before held
 * the item's question in its place.  A question is never a finding:
 * both print as FINDING_UNWRITTEN.
 */
#define FINDING_UNWRITTEN	"（指摘内容未記入）"

static const char *
finding_text(const struct node *root, const struct node *f)
{
	const struct node	*items = audit_items(root), *it;
	const char		*s = node_get_str(f, "finding");
	const char		*ref = node_get_str(f, "item");
	size_t			 i;

	if (s == NULL || *s == '\0')
		return FINDING_UNWRITTEN;
	for (i = 0; items != NULL && ref != NULL && i < items->n; i++) {
		it = items->u.items[i];
		if (node_scalar_eq(node_get(it, "ref"), ref) &&
		    node_scalar_eq(node_get(it, "text"), s))
			return FINDING_UNWRITTEN;
	}
	return s;
}

/*
 * What a follow-up prints of a carried finding: its 項目番号, 指摘区分,
 * 指摘内容 and 改善の方向性 as the audit that made it recorded them (the
 * row says 元の指摘 監査第21号 指摘3, and a reader holds that audit's
 * 概要報告書), the follow-up's copy only where the original is not in
 * the data directory or lacks the field; `lint` names a copy that
 * differs.  The 是正期限, 是正状況 and answers are the follow-up's own.
 */
struct carried {
	struct record		*rec;	/* the original audit, or NULL */
	const struct node	*root;	/* whose finding f is */
	const struct node	*f;
};

static void
carried_get(struct carried *c, struct store *st, const struct node *root,
    const struct node *f)
{
	if (audit_origin(&c->rec, &c->f, st, f) == 1)
		c->root = record_root(c->rec);
	else {
		c->rec = NULL;
		c->root = root;
		c->f = f;
	}
}

static const char *
carried_str(const struct carried *c, const struct node *f, const char *key)
{
	const char	*s = node_get_str(c->f, key);

	return s != NULL ? s : node_get_str(f, key);
}

/*
 * The audit that made carried finding f and its number there, as
 * carried_get() found them (through a follow-up named by hand), or as f
 * names them where the chain breaks; NULL when f was not carried.
 */
static const char *
carried_src(const struct carried *c, const struct node *f)
{
	return c->rec != NULL ? record_id(c->rec) :
	    node_get_str(f, "from_audit");
}

static const char *
carried_num(const struct carried *c, const struct node *f)
{
	return c->rec != NULL ? node_get_str(c->f, "number") :
	    node_get_str(f, "from_finding");
}

static void
paper_followup(struct grid *g, struct store *st, const struct node *root)
{
	const struct node	*fs = audit_findings(root), *f, *qa, *q;
	struct buf		 b = BUF_INIT, cs = BUF_INIT;
	struct carried		 c;
	const char		*s, *from = common_source(&cs, st, root);
	char			 d[CAL_FMT_MAX];
	size_t			 i, k, row;

	for (i = 0; fs != NULL && i < fs->n; i++) {
		f = fs->u.items[i];
		row = grid_row(g);
		buf_reset(&b);
		carried_get(&c, st, root, f);
		if ((s = carried_src(&c, f)) != NULL) {
			struct buf	 o = BUF_INIT;

			/* the original audit by its kind and date, unless
			 * the header names the one of every row */
			if (from == NULL) {
				lines_of(&b, audit_source_name(&o, st, s, 0));
				buf_puts(&b, "\n");
			}
			buf_printf(&b, "指摘%s", carried_num(&c, f) != NULL ?
			    carried_num(&c, f) : "");
			buf_free(&o);
		}
		buf_puts(&b, "");
		grid_set(g, row, 1, b.data);
		buf_reset(&b);
		if ((s = carried_str(&c, f, "item")) != NULL) {
			struct buf	 nb = BUF_INIT;

			buf_puts(&b, audit_item_label(&nb, s,
			    audit_own_kind(c.root)));
			buf_free(&nb);
			if ((s = source_item_text(NULL, c.root, s)) != NULL)
				buf_printf(&b, "\n%s", s);
		}
		buf_puts(&b, "");
		grid_set(g, row, 2, b.data);
		grid_set(g, row, 3, label(st, "findings", "grade",
		    carried_str(&c, f, "grade")));
		grid_set(g, row, 4, finding_text(c.root, c.f));
		grid_set(g, row, 5, carried_str(&c, f, "correction"));
		record_free(c.rec);
		era_lines(d, node_get_str(f, "due"));
		grid_set(g, row, 6, d);
		grid_set(g, row, 7, label(st, "findings", "status",
		    node_get_str(f, "status")));
		buf_reset(&b);
		if ((s = node_get_str(f, "response")) != NULL)
			buf_printf(&b, "回答：%s", s);
		qa = node_get(f, "qa");
		for (k = 0; qa != NULL && qa->kind == NODE_SEQ && k < qa->n;
		    k++) {
			q = qa->u.items[k];
			era(d, node_get_str(q, "date"));
			buf_printf(&b, "%s問%zu%s%s%s：%s", b.len > 0 ? "\n" :
			    "", k + 1, d[0] ? "（" : "", d, d[0] ? "）" : "",
			    node_get_str(q, "question"));
			if ((s = node_get_str(q, "answer")) != NULL)
				buf_printf(&b, "\n答%zu：%s", k + 1, s);
		}
		buf_puts(&b, "");
		grid_set(g, row, 8, b.data);
	}
	buf_free(&b);
	buf_free(&cs);
}

int
audit_doc_paper(const char *path, struct store *st,
    const struct record *const *audits, size_t n)
{
	struct xlsx_props	 props;
	struct xlsx		*x = NULL;
	struct xlsx_sheet	*sh;
	struct audit_score	 s;
	struct buf		 b = BUF_INIT, t = BUF_INIT;
	struct grid		 g;
	const struct node	*root;
	const char		*latest = NULL, *dd;
	struct xlsx_fit_col	 pc[PAPER_COLS];
	char			 name[128], rate[16];
	uint32_t		 row;
	size_t			 i, k, same, kinds;
	int			 rc;

	if (n > 64)
		return error_set(NC_EINVALID, "at most 64 audits in one "
		    "workbook, not %zu", n);
	for (i = 0; i < n; i++) {
		dd = doc_date(record_root(audits[i]));
		if (dd != NULL && (latest == NULL || strcmp(dd, latest) > 0))
			latest = dd;
	}
	memset(&g, 0, sizeof g);
	memset(&props, 0, sizeof props);
	props.title = "監査調書";
	props.author = author(st);
	props.created = date_time(latest);
	if ((rc = xlsx_new(&x, path, &props)) != 0)
		return rc;
	for (i = 0; i < n; i++) {
		root = record_root(audits[i]);
		target(&t, st, root, 0);
		for (k = same = kinds = 0; k < i; k++) {
			struct buf o = BUF_INIT;

			if (strcmp(target(&o, st, record_root(audits[k]), 0),
			    t.data) == 0) {
				same++;
				kinds += node_scalar_eq(node_get(record_root(
				    audits[k]), "type"), node_get_str(root,
				    "type"));
			}
			buf_free(&o);
		}
		buf_reset(&b);
		if (same > 0) {
			/* 運用面/システム面/フォローアップ, then a number. */
			buf_puts(&b, node_scalar_eq(node_get(root, "type"),
			    "followup") ? "フォローアップ" : node_scalar_eq(
			    node_get(root, "type"), "system") ? "システム面" :
			    "運用面");
			if (kinds > 0)
				buf_printf(&b, "%zu", kinds + 1);
		}
		buf_puts(&b, "");
		sheet_name(name, sizeof name, t.data, b.data);
		xlsx_add_sheet(&sh, x, name, XLSX_LANDSCAPE);
		buf_reset(&b);
		buf_printf(&b, "監査調書　%s", node_get_str(root, "title"));
		xlsx_title(sh, b.data, NULL);
		paper_header(sh, st, root);
		if (node_scalar_eq(node_get(root, "type"), "followup")) {
			g.ncols = FOLLOWUP_COLS;
			paper_followup(&g, st, root);
			rc = grid_write(&row, sh, &g, followup_cols, 0);
			grid_free(&g);
			if (rc != 0)
				goto done;
			/* the source is in the header */
			buf_reset(&b);
			buf_printf(&b, "是正確認未了の指摘 %zu 件",
			    audit_open_findings(root));
			xlsx_note(sh, row + 1, b.data);
			continue;
		}
		g.ncols = PAPER_COLS;
		paper_items(&g, st, root);
		rc = grid_write(&row, sh, &g, paper_fit(pc, &g), 0);
		grid_free(&g);
		if (rc != 0)
			goto done;
		if (audit_score(&s, audit_items(root)) == 0) {
			rate_text(rate, sizeof rate, &s.total);
			buf_reset(&b);
			/* the weights are the 監査項目 workbook's, not a column here */
			buf_printf(&b, "適合率 %s（該当なしを除く。監査項目の重み"
			    "（必須項目はその2倍）による加重平均、一部不適合は0.5）"
			    "　適合 %u　一部不適合"
			    " %u　不適合 %u　該当なし %u　未確認・未回答 %u", rate,
			    s.total.count[AUDIT_CONFORM],
			    s.total.count[AUDIT_PARTIAL],
			    s.total.count[AUDIT_NONCONFORM],
			    s.total.count[AUDIT_NA],
			    s.total.count[AUDIT_UNCHECKED] +
			    s.total.count[AUDIT_NONE]);
			xlsx_note(sh, row + 1, b.data);
			audit_score_free(&s);
			row++;
		}
		if (*paper_kinds(&b, root) != '\0')
			xlsx_note(sh, row + 1, b.data);
	}
	rc = xlsx_save(x);
done:
	xlsx_free(x);
	buf_free(&b);
	buf_free(&t);
	return rc;
}

/* --- docx helpers ------------------------------------------------------ */

static int
new_report(struct docx **out, struct store *st, const char *title,
    const char *date)
{
	struct docx_props	 props;
	struct docx_report	 cover;
	char			 day[CAL_FMT_MAX], created[16];
	int			 rc;

	*out = NULL;
	snprintf(created, sizeof created, "%s", date != NULL ? date : "");
	memset(&props, 0, sizeof props);
	props.title = title;
	props.author = author(st);
	props.created = date != NULL ? created : NULL;
	if ((rc = docx_new(out, &props)) != 0)
		return rc;
	era(day, date);
	memset(&cover, 0, sizeof cover);
	cover.title = title;
	cover.date = day[0] != '\0' ? day : NULL;
	cover.author = author(st);
	if ((rc = docx_footer_page_number(*out, DOCX_PAGENUM_DASH)) != 0 ||
	    (rc = docx_add_report_cover(*out, &cover)) != 0) {
		docx_free(*out);
		*out = NULL;
	}
	return rc;
}

/* A two-column table of labels and values (NULL values are skipped). */
static int
kv_table(struct docx_table **out, const char *const *kv, size_t n)
{
	static const unsigned w[] = { 26, 74 };
	struct docx_table	*t = NULL;
	struct docx_para_style	 lab;
	size_t			 i, row = 0;
	int			 rc = 0;

	*out = NULL;
	memset(&lab, 0, sizeof lab);
	lab.gothic = 1;
	/*
	 * The labels whole: with a long 監査項目 beside them every box of
	 * g5's 質疑応答書 read 「被監査部／署の回答」 and 「改善の／方向性」,
	 * all alike since rev19a T4 but all cut (rev43a A16).
	 */
	if ((rc = docx_table_new(&t, 2, w)) != 0 ||
	    (rc = docx_table_whole(t, 0)) != 0) {
		docx_table_free(t);
		return rc;
	}
	for (i = 0; i + 1 < n * 2 && rc == 0; i += 2) {
		if (kv[i + 1] == NULL || kv[i + 1][0] == '\0')
			continue;
		if ((rc = docx_table_cell(t, row, 0, kv[i], &lab)) == 0)
			rc = docx_table_cell(t, row, 1, kv[i + 1], NULL);
		row++;
	}
	if (rc != 0) {
		docx_table_free(t);
		return rc;
	}
	*out = t;
	return 0;
}

static int
add_kv(struct docx *d, const char *const *kv, size_t n)
{
	struct docx_table	*t = NULL;
	int			 rc;

	if ((rc = kv_table(&t, kv, n)) == 0)
		rc = docx_add_table(d, t);
	docx_table_free(t);
	return rc;
}

static int
add_header_row(struct docx_table *t, const char *const *h, size_t n)
{
	size_t	i;
	int	rc;

	for (i = 0; i < n; i++) {
		if ((rc = docx_table_cell(t, 0, i, h[i], NULL)) != 0)
			return rc;
	}
	return docx_table_header_rows(t, 1);
}

/* The score by chapter of one audit as a table. */
static int
add_score_table(struct docx *d, const struct audit_score *s)
{
	/* Two-line headings leave the width to the chapter names. */
	static const char *const h[] = { "章", "名称", "項目", "適合",
	    "一部\n不適合", "不適合", "該当\nなし", "適合率\n（%）" };
	static const unsigned w[] = { 7, 33, 6, 6, 12, 8, 10, 14 };
	struct docx_table	*t = NULL;
	struct docx_para_style	 num;
	const struct audit_tally *ct;
	char			 c[16];
	size_t			 i, k;
	int			 rc;

	memset(&num, 0, sizeof num);
	num.align = DOCX_RIGHT;
	if ((rc = docx_table_new(&t, 8, w)) != 0)
		return rc;
	if ((rc = add_header_row(t, h, 8)) != 0)
		goto done;
	for (i = 0; i <= s->nchapters; i++) {
		ct = i < s->nchapters ? &s->chapters[i] : &s->total;
		if (i < s->nchapters) {
			rc = docx_table_cell(t, i + 1, 0, strcmp(ct->key,
			    ct->title) != 0 ? ct->key : "", NULL);
			if (rc == 0)
				rc = docx_table_cell(t, i + 1, 1, ct->title,
				    NULL);
		} else if ((rc = docx_table_cell(t, i + 1, 0, "合計",
		    NULL)) == 0)
			rc = docx_table_merge(t, i + 1, 0, 1, 2);
		snprintf(c, sizeof c, "%u", ct->items);
		if (rc == 0)
			rc = docx_table_cell(t, i + 1, 2, c, &num);
		for (k = 1; k <= 4 && rc == 0; k++) {
			snprintf(c, sizeof c, "%u", ct->count[k]);
			rc = docx_table_cell(t, i + 1, 2 + k, c, &num);
		}
		rate_cell(c, sizeof c, ct);
		if (rc == 0)
			rc = docx_table_cell(t, i + 1, 7, c, &num);
		if (rc != 0)
			goto done;
	}
	rc = docx_add_table(d, t);
done:
	docx_table_free(t);
	return rc;
}

/*
 * The findings' state as at the report's date: the responses received by
 * then (a response dated after it is not known to the report), the
 * findings named by their 番号 in the table below (「1 件について」 left
 * the reader to guess which).
 */
static void
responses_as_of(struct buf *b, const struct node *fs, const char *date)
{
	struct buf	 nums = BUF_INIT;
	const char	*rd, *no;
	char		 day[CAL_FMT_MAX];
	size_t		 i, n = 0;
	int		 named = 1;

	if (date == NULL)
		return;
	for (i = 0; fs != NULL && i < fs->n; i++) {
		rd = node_get_str(fs->u.items[i], "response_date");
		if (rd == NULL || strcmp(rd, date) > 0)
			continue;
		if ((no = node_get_str(fs->u.items[i], "number")) == NULL)
			named = 0;
		else
			buf_printf(&nums, "%s%s", n > 0 ? "、" : "", no);
		n++;
	}
	era(day, date);
	if (n == 0)
		buf_printf(b, "%s時点で、被監査部署から是正の報告を受けた指摘は"
		    "ない。", day);
	else if (named && buf_ok(&nums) == 0 && n == 1)
		buf_printf(b, "%s時点で、番号%sの指摘について被監査部署から"
		    "回答を受けている。", day, nums.data);
	else if (named && buf_ok(&nums) == 0)
		buf_printf(b, "%s時点で、番号%sの指摘（%zu 件）について被監査"
		    "部署から回答を受けている。", day, nums.data, n);
	else
		buf_printf(b, "%s時点で、%zu 件について被監査部署から回答を受け"
		    "ている。", day, n);
	buf_free(&nums);
}

static int
add_findings_table(struct docx *d, struct store *st, const struct node *root,
    const struct node *fs)
{
	static const char *const h[] = { "番号", "項目番号", "区分",
	    "指摘内容", "改善の方向性", "是正期限" };
	static const unsigned w[] = { 5, 12, 7, 38, 38, 10 };
	struct docx_table	*t = NULL;
	struct docx_para_style	 small;
	const struct node	*f;
	struct buf		 nb = BUF_INIT;
	const char		*own = audit_own_kind(root);
	char			 day[CAL_FMT_MAX];
	size_t			 i;
	int			 rc;

	/*
	 * In 9pt, the due date on two lines (令和8年 / 10月30日): six
	 * columns, four of them codes, names and dates that may not break,
	 * left the finding and its correction five characters a line.
	 */
	memset(&small, 0, sizeof small);
	small.size = 18;
	if ((rc = docx_table_new(&t, 6, w)) != 0)
		return rc;
	for (i = 0; i < 6; i++)
		if ((rc = docx_table_cell(t, 0, i, h[i], &small)) != 0)
			goto done;
	if ((rc = docx_table_header_rows(t, 1)) != 0)
		goto done;
	for (i = 0; fs != NULL && i < fs->n; i++) {
		f = fs->u.items[i];
		era_lines(day, node_get_str(f, "due"));
		if ((rc = docx_table_cell(t, i + 1, 0, node_get_str(f,
		    "number"), &small)) != 0 ||
		    (rc = docx_table_cell(t, i + 1, 1, audit_item_label(&nb,
		    node_get_str(f, "item"), own), &small)) != 0 ||
		    (rc = docx_table_cell(t, i + 1, 2, label(st, "findings",
		    "grade", node_get_str(f, "grade")), &small)) != 0 ||
		    (rc = docx_table_cell(t, i + 1, 3, finding_text(root, f),
		    &small)) != 0 ||
		    (rc = docx_table_cell(t, i + 1, 4, node_get_str(f,
		    "correction"), &small)) != 0 ||
		    (rc = docx_table_cell(t, i + 1, 5, day, &small)) != 0)
			goto done;
	}
	rc = docx_add_table(d, t);
done:
	docx_table_free(t);
	buf_free(&nb);
	return rc;
}

static void
catalog_line(struct buf *b, const struct node *root)
{
	struct audit_score	 s;

	buf_reset(b);
	if (audit_score(&s, audit_items(root)) != 0)
		return;
	buf_printf(b, "%u項目（該当なし %u 項目）", s.total.items,
	    s.total.count[AUDIT_NA]);
	if (node_scalar_eq(node_get(root, "my_number"), "true"))
		buf_puts(b, "。マイナンバーの監査項目を含む。");
	audit_score_free(&s);
}

/* --- 情報セキュリティ監査結果概要報告書 ------------------------------ */

int
audit_doc_summary(const char *path, struct store *st,
    const struct record *r)
{
	const struct node	*root = record_root(r), *fs, *ag;
	struct docx		*d = NULL;
	struct audit_score	 s;
	struct buf		 tg = BUF_INIT, au = BUF_INIT, ae = BUF_INIT;
	struct buf		 ca = BUF_INIT, b = BUF_INIT;
	char			 d1[CAL_FMT_MAX], held[ERA_HELD_MAX];
	char			 rate[16];
	const char		*kv[20];
	unsigned		 grades[4] = { 0 };
	size_t			 i, nopen;
	int			 rc, has_score = 0, draft;

	if (node_scalar_eq(node_get(root, "type"), "followup"))
		return error_set(NC_EINVALID, "'%s' is a follow-up audit; "
		    "export its 質疑応答書 (qa) or its working paper",
		    record_id(r));
	/*
	 * The report follows the audit's state: nothing to report while it
	 * is planned; a draft (案) while it is in progress; the report once
	 * its results are agreed.
	 */
	if (node_scalar_eq(node_get(root, "status"), "planned"))
		return error_set(NC_EINVALID, "'%s' is still planned (計画): "
		    "nothing has been checked; the 概要報告書 is written once "
		    "the audit has been carried out", record_id(r));
	draft = audit_doc_is_draft(root);
	memset(&s, 0, sizeof s);
	if ((rc = new_report(&d, st, draft ? "情報セキュリティ監査結果概要報告書"
	    "（案）" : "情報セキュリティ監査結果概要報告書", doc_date(root))) !=
	    0)
		return rc;
	if ((rc = audit_score(&s, audit_items(root))) != 0)
		goto done;
	has_score = 1;
	/* 令和11年10月17日～18日, as the 質疑応答書 and 作業実施計画書 */
	era_held(held, root);
	buf_puts(&b, held);
	people(&au, node_get(root, "auditors"), 1);
	people(&ae, node_get(root, "auditees"), 1);
	catalog_line(&ca, root);
	kv[0] = "監査名";	kv[1] = node_get_str(root, "title");
	kv[2] = "監査の種類";	kv[3] = label(st, "type", NULL,
	    node_get_str(root, "type"));
	kv[4] = "監査対象";	kv[5] = target(&tg, st, root, 1);
	kv[6] = "実施日";	kv[7] = b.data;
	kv[8] = "実施場所";	kv[9] = node_get_str(root, "place");
	kv[10] = "主任監査員";	kv[11] = chief(st, root);
	kv[12] = "監査員";	kv[13] = au.data;
	kv[14] = "対応者";	kv[15] = ae.data;
	kv[16] = "監査項目";	kv[17] = ca.data;
	if ((rc = docx_add_outline_heading(d, 1, "監査の概要")) != 0 ||
	    (rc = docx_add_outline_body(d, draft ? "練馬区情報セキュリティ"
	    "ポリシー等の規定に対する監査対象のセキュリティ対策の実施状況に"
	    "ついて、ヒアリング、現場確認および書類確認により内部監査を実施"
	    "している（本書は監査の途中の状況をまとめた案である）。" :
	    "練馬区情報セキュリティポリシー等"
	    "の規定に対する監査対象のセキュリティ対策の実施状況について、"
	    "ヒアリング、現場確認および書類確認により内部監査を実施した。"))
	    != 0 || (rc = add_kv(d, kv, 9)) != 0)
		goto done;

	rate_text(rate, sizeof rate, &s.total);
	buf_reset(&b);
	buf_printf(&b, "監査項目 %u 項目のうち、適合 %u、一部不適合 %u、"
	    "不適合 %u、該当なし %u であり、適合率は %s であった。%s",
	    s.total.items, s.total.count[AUDIT_CONFORM],
	    s.total.count[AUDIT_PARTIAL], s.total.count[AUDIT_NONCONFORM],
	    s.total.count[AUDIT_NA], rate, RATE_RULE);
	if (s.total.count[AUDIT_UNCHECKED] + s.total.count[AUDIT_NONE] > 0)
		buf_printf(&b, "なお、%u 項目は未確認である。",
		    s.total.count[AUDIT_UNCHECKED] + s.total.count[AUDIT_NONE]);
	if ((rc = buf_ok(&b)) != 0 ||
	    (rc = docx_add_blank(d)) != 0 ||
	    (rc = docx_add_outline_heading(d, 1, "監査の結果")) != 0 ||
	    (rc = docx_add_outline_heading(d, 2, "章別の判定")) != 0 ||
	    (rc = docx_add_outline_body(d, b.data)) != 0 ||
	    (rc = add_score_table(d, &s)) != 0)
		goto done;
	if (node_get_str(root, "summary") != NULL &&
	    ((rc = docx_add_outline_heading(d, 2, "総括")) != 0 ||
	    (rc = docx_add_outline_body(d, node_get_str(root, "summary"))) !=
	    0))
		goto done;

	fs = audit_findings(root);
	for (i = 0; fs != NULL && i < fs->n; i++) {
		const char *g = node_get_str(fs->u.items[i], "grade");

		grades[g == NULL ? 0 : strcmp(g, "major") == 0 ? 0 :
		    strcmp(g, "minor") == 0 ? 1 : strcmp(g, "observation") ==
		    0 ? 2 : 3]++;
	}
	buf_reset(&b);
	if (fs == NULL || fs->n == 0)
		buf_puts(&b, "指摘事項はない。");
	else {
		buf_printf(&b, "指摘事項は %zu 件（重大 %u、軽微 %u、観察 %u、"
		    "改善提案 %u）である。", fs->n, grades[0], grades[1],
		    grades[2], grades[3]);
		responses_as_of(&b, fs, doc_date(root));
		/*
		 * What is asked follows the findings' state: a finding
		 * whose correction or due date is not yet written (a draft)
		 * has no 是正期限 to meet.
		 */
		for (i = 0, nopen = 0; i < fs->n; i++)
			nopen += node_get_str(fs->u.items[i], "due") == NULL ||
			    node_get_str(fs->u.items[i], "correction") == NULL;
		if (nopen == 0)
			buf_puts(&b, "是正期限までの是正を求める。");
		else if (nopen == fs->n)
			buf_puts(&b, "改善の方向性および是正期限は、監査結果の合意"
			    "までに定める。");
		else
			buf_printf(&b, "改善の方向性および是正期限を定めた指摘は"
			    "是正期限までの是正を求め、その他の %zu 件はこれらを"
			    "監査結果の合意までに定める。", nopen);
	}
	if ((rc = buf_ok(&b)) != 0 ||
	    (rc = docx_add_blank(d)) != 0 ||
	    (rc = docx_add_outline_heading(d, 1, "指摘事項")) != 0 ||
	    (rc = docx_add_outline_body(d, b.data)) != 0 ||
	    (fs != NULL && fs->n > 0 && (rc = add_findings_table(d, st,
	    root, fs)) != 0))
		goto done;

	buf_reset(&b);
	if ((ag = node_get(root, "agreement")) != NULL) {
		static const char role[] = "（情報セキュリティ責任者）";
		const char	*pos = node_get_str(ag, "position"), *tgt;
		char		 own[256];
		size_t		 pl = pos != NULL ? strlen(pos) : 0;

		/* The role is said once: 戸籍住民課長（情報セキュリティ
		 * 責任者） loses its parenthesis after "責任者である". */
		if (pl >= sizeof role - 1 && strcmp(pos + pl - (sizeof role -
		    1), role) == 0)
			pl -= sizeof role - 1;
		/*
		 * A bare 課長 (所長, 館長) is the audited unit's: 「課長 仮名
		 * 浩二（情報セキュリティ責任者）と」 named no 課 (rev43a
		 * A21); the unit's name ends in the title's first character.
		 */
		if (pos != NULL && pl == 6 && strncmp(pos + 3, "長", 3) == 0 &&
		    (tgt = node_get_str(root, "target_org")) != NULL) {
			const char	*on = NULL, *od = NULL;
			size_t		 ol;

			if (store_org(&on, &od, st, tgt) == 0 &&
			    (ol = strlen(on)) >= 3 && ol < sizeof own - 4 &&
			    memcmp(on + ol - 3, pos, 3) == 0) {
				snprintf(own, sizeof own, "%s長", on);
				pos = own;
				pl = strlen(own);
			}
			error_clear();
		}
		/*
		 * The person right after the date, on the paragraph's first
		 * line: at the end of the line their name broke mid-name
		 * (戸籍住民課長 例／示 和夫), a line break no character of
		 * the text can forbid in Word or LibreOffice.
		 */
		era(d1, node_get_str(ag, "date"));
		buf_printf(&b, "%s、%.*s%s%s（情報セキュリティ責任者）と、"
		    "監査結果の内容について合意した。", d1,
		    (int)pl, pos != NULL ? pos : "", pl > 0 ? " " : "",
		    node_get_str(ag, "by"));
	} else
		buf_puts(&b, "監査結果の内容について、監査対象組織の情報"
		    "セキュリティ責任者との合意は未了である。");
	if ((rc = buf_ok(&b)) != 0 ||
	    (rc = docx_add_blank(d)) != 0 ||
	    (rc = docx_add_outline_heading(d, 1, "結果の合意")) != 0 ||
	    (rc = docx_add_outline_body(d, b.data)) != 0)
		goto done;
	if (fs != NULL && fs->n > 0 &&
	    ((rc = docx_add_blank(d)) != 0 ||
	    (rc = docx_add_outline_heading(d, 1, "今後の対応")) != 0 ||
	    (rc = docx_add_outline_body(d, "指摘事項の是正状況は、是正期限の"
	    "後にフォローアップ監査により確認する。")) != 0))
		goto done;
	{
		struct docx_para_style right;

		memset(&right, 0, sizeof right);
		right.align = DOCX_RIGHT;
		if ((rc = docx_add_para(d, "以上", &right)) != 0)
			goto done;
	}
	rc = docx_save(d, path);
done:
	if (has_score)
		audit_score_free(&s);
	docx_free(d);
	buf_free(&tg);
	buf_free(&au);
	buf_free(&ae);
	buf_free(&ca);
	buf_free(&b);
	return rc;
}

/* --- フォローアップ監査に係る質疑応答書 -------------------------------- */

/*
 * The question of the item a finding was made on (its 監査項目), from the
 * audit that made it: a follow-up carries the finding, not the item.
 */
static const char *
source_item_text(const struct record *src, const struct node *root,
    const char *ref)
{
	const struct node	*roots[2], *items, *it;
	size_t			 k, i;

	roots[0] = root;
	roots[1] = src != NULL ? record_root(src) : NULL;
	for (k = 0; ref != NULL && k < 2; k++) {
		items = roots[k] != NULL ? audit_items(roots[k]) : NULL;
		for (i = 0; items != NULL && i < items->n; i++) {
			it = items->u.items[i];
			if (node_scalar_eq(node_get(it, "ref"), ref))
				return node_get_str(it, "text");
		}
	}
	return NULL;
}

/*
 * A finding by the number it was made under (指摘事項1, 3, 4, 5 of the
 * audit followed up, as its 概要報告書 numbers them), not the follow-up's
 * own renumbering (1-4) a reader cannot match.
 */
static const char *
qa_number(const struct carried *c, const struct node *f)
{
	const char	*s = carried_num(c, f);

	return s != NULL && carried_src(c, f) != NULL ? s :
	    node_get_str(f, "number");
}

/*
 * Overdue as at the document's date: a 是正期限 before it and a 是正状況
 * not yet corrected (未是正, 是正中), as `nerima-cio due` tells a
 * finding done once 是正済 or 是正確認済.
 */
static int
finding_overdue(const struct node *f, const char *asof)
{
	const char	*due = node_get_str(f, "due");

	return due != NULL && asof != NULL && strcmp(due, asof) < 0 &&
	    !audit_finding_corrected(f);
}

/*
 * The note under the heading table: whose numbers the findings carry
 * and which findings of the audit followed up are not in the document
 * (audit_followup() carries the findings not yet 是正確認済, whatever
 * their grade).  Empty when no finding was carried from an audit.
 */
static void
qa_note(struct buf *b, struct store *st, const struct node *root,
    const struct record *sr)
{
	const struct node	*fs = audit_findings(root), *sf;
	const char		*from = NULL, *s, *of;
	struct buf		 src = BUF_INIT, left = BUF_INIT;
	struct carried		*c = NULL;
	size_t			 i, k, n = fs != NULL ? fs->n : 0;
	int			 one = 1, same, confirmed;

	buf_reset(b);
	/* where each was made, through a follow-up named by hand */
	if (n == 0 || (c = calloc(n, sizeof *c)) == NULL)
		goto done;
	for (i = 0; i < n; i++) {
		carried_get(&c[i], st, root, fs->u.items[i]);
		s = carried_src(&c[i], fs->u.items[i]);
		if (s == NULL || carried_num(&c[i], fs->u.items[i]) == NULL) {
			n = i + 1;
			goto done;
		}
		if (from != NULL && strcmp(from, s) != 0)
			one = 0;
		from = s;
	}
	of = node_get_str(root, "followup_of");
	/* all of the audit this one follows up */
	same = one && of != NULL && strcmp(of, from) == 0;
	if (same)
		buf_puts(b, "指摘事項の番号は、指摘を行った監査（フォローアップ"
		    "元）での番号であり、その監査結果概要報告書の番号と同じで"
		    "ある。");
	else if (one)
		buf_printf(b, "指摘事項の番号は、指摘を行った%sでの"
		    "番号である。", audit_lead_name(&src, st, from));
	else
		buf_puts(b, "指摘事項の番号は、指摘を行った監査での番号で"
		    "ある。");
	/* those of the audit followed up not carried into this one */
	sf = sr != NULL ? audit_findings(record_root(sr)) : NULL;
	for (i = 0; same && sf != NULL && i < sf->n; i++) {
		s = node_get_str(sf->u.items[i], "number");
		for (k = 0; s != NULL && k < n; k++)
			if (strcmp(carried_num(&c[k], fs->u.items[k]), s) == 0)
				break;
		if (s != NULL && k == n)
			buf_printf(&left, "%s指摘事項%s", left.len ? "、" : "",
			    s);
	}
	/*
	 * what this audit found corrected is listed 是正確認済: "not yet
	 * confirmed" was read as the findings' state now
	 */
	for (k = 0, confirmed = 0; fs != NULL && k < fs->n; k++)
		confirmed |= node_scalar_eq(node_get(fs->u.items[k], "status"),
		    "accepted");
	if (left.len > 0)
		buf_printf(b, "フォローアップ監査は、その実施前に是正確認済でな"
		    "かった指摘事項を対象とし%s、是正確認済であった%sは含まない。",
		    confirmed ? "（本監査で是正を確認したものを含む）" : "",
		    left.data);
done:
	for (i = 0; c != NULL && i < n; i++)
		record_free(c[i].rec);
	free(c);
	buf_free(&src);
	buf_free(&left);
}

/*
 * The 質疑応答書's date: the follow-up's (doc_date()), or the latest
 * date of what it reports if later -- an answer (回答日) or a 質疑 dated
 * after the report.  It states each finding's 是正状況 as the records
 * hold it, so it cannot be dated before the answers that status rests on
 * (a 質疑応答書 of 12月8日 showing 是正確認済 on answers of 1月7日).
 */
static const char *
qa_date(const struct node *root)
{
	const struct node	*fs = audit_findings(root), *f, *qa;
	const char		*best = doc_date(root), *s;
	size_t			 i, k;

	for (i = 0; fs != NULL && i < fs->n; i++) {
		f = fs->u.items[i];
		s = node_get_str(f, "response_date");
		if (s != NULL && (best == NULL || strcmp(s, best) > 0))
			best = s;
		qa = node_get(f, "qa");
		for (k = 0; qa != NULL && qa->kind == NODE_SEQ && k < qa->n;
		    k++) {
			s = node_get_str(qa->u.items[k], "date");
			if (s != NULL && (best == NULL || strcmp(s, best) > 0))
				best = s;
		}
	}
	return best;
}

/* The 質疑応答 table of finding f, or *out NULL when it has none. */
static int
qa_table(struct docx_table **out, const struct node *f)
{
	static const char *const qh[] = { "番号", "日付", "質問", "回答" };
	static const unsigned qw[] = { 5, 11, 42, 42 };
	const struct node	*qa = node_get(f, "qa"), *q;
	struct docx_table	*t = NULL;
	char			 d2[CAL_FMT_MAX], num[24];
	size_t			 k;
	int			 rc;

	*out = NULL;
	if (qa == NULL || qa->kind != NODE_SEQ || qa->n == 0)
		return 0;
	if ((rc = docx_table_new(&t, 4, qw)) != 0 ||
	    (rc = add_header_row(t, qh, 4)) != 0)
		goto fail;
	for (k = 0; k < qa->n; k++) {
		q = qa->u.items[k];
		snprintf(num, sizeof num, "%zu", k + 1);
		era(d2, node_get_str(q, "date"));
		if ((rc = docx_table_cell(t, k + 1, 0, num, NULL)) != 0 ||
		    (rc = docx_table_cell(t, k + 1, 1, d2, NULL)) != 0 ||
		    (rc = docx_table_cell(t, k + 1, 2, node_get_str(q,
		    "question"), NULL)) != 0 ||
		    (rc = docx_table_cell(t, k + 1, 3, node_get_str(q,
		    "answer") ? node_get_str(q, "answer") : "（未回答）",
		    NULL)) != 0)
			goto fail;
	}
	*out = t;
	return 0;
fail:
	docx_table_free(t);
	return rc;
}

int
audit_doc_qa(const char *path, struct store *st, const struct record *r)
{
	const struct node	*root = record_root(r), *fs, *f;
	struct docx		*d = NULL;
	struct docx_table	**qt = NULL, **kt = NULL;
	char			**head = NULL;
	struct buf		 tg = BUF_INIT, b = BUF_INIT, au = BUF_INIT;
	struct buf		 src = BUF_INIT, stat = BUF_INIT;
	struct buf		 nb = BUF_INIT;
	char			 d1[ERA_HELD_MAX], d2[CAL_FMT_MAX];
	const char		*kv[16];
	const struct schema	*kind;
	struct recref		 ref = { NULL, NULL, NULL, 0 };
	struct reclist		 m = RECLIST_INIT;
	struct record		*sr = NULL;
	struct carried		 c;
	const char		*date;
	size_t			 i, k, nqt = 0;
	int			 rc;

	if (!node_scalar_eq(node_get(root, "type"), "followup"))
		return error_set(NC_EINVALID, "'%s' is not a follow-up audit; "
		    "the 質疑応答書 is written for follow-up audits",
		    record_id(r));
	/* the audit followed up, for its items' questions; none is no
	 * error (the heading names the item by its 項目番号) */
	if (node_get_str(root, "followup_of") != NULL &&
	    (store_kind(&kind, st, "audit") != 0 || store_find(&ref, &m, st,
	    kind, node_get_str(root, "followup_of")) != 0 ||
	    record_load(&sr, st, &ref, NULL) != 0)) {
		error_clear();
		sr = NULL;
	}
	c.rec = NULL;
	date = qa_date(root);
	if ((rc = new_report(&d, st, "フォローアップ監査に係る質疑応答書",
	    date)) != 0)
		goto done;
	/* its own days too, as the audit it follows up is named */
	era_held(d1, root);
	people(&au, node_get(root, "auditors"), 0);
	kv[0] = "監査名";		kv[1] = node_get_str(root, "title");
	kv[2] = "監査対象";		kv[3] = target(&tg, st, root, 1);
	kv[4] = "実施日";		kv[5] = d1;
	kv[6] = "フォローアップ元";	kv[7] = audit_source_name(&src, st,
	    node_get_str(root, "followup_of"), 1);
	kv[8] = "主任監査員";		kv[9] = chief(st, root);
	kv[10] = "監査員";		kv[11] = au.data;
	if ((rc = add_kv(d, kv, 6)) != 0)
		goto done;
	qa_note(&b, st, root, sr);
	{
		struct buf	o = BUF_INIT;

		buf_puts(&b, prior_text(&o, st, root));
		buf_free(&o);
	}
	if ((rc = buf_ok(&b)) != 0 || (b.len > 0 &&
	    ((rc = docx_add_blank(d)) != 0 ||
	    (rc = docx_add_outline_body(d, b.data)) != 0)))
		goto done;
	fs = audit_findings(root);
	/*
	 * The 質疑応答 tables first, each sized with the others: tables of
	 * the same four columns one after another read as one list, and
	 * each laid out alone gave 質問 and 回答 different widths.
	 */
	if (fs != NULL && fs->n > 0 &&
	    (qt = calloc(fs->n, sizeof *qt)) == NULL) {
		rc = error_set(NC_ENOMEM, "out of memory");
		goto done;
	}
	nqt = qt != NULL ? fs->n : 0;
	for (i = 0; i < nqt; i++)
		if ((rc = qa_table(&qt[i], fs->u.items[i])) != 0)
			goto done;
	for (i = 0; i < nqt; i++)
		for (k = 0; qt[i] != NULL && k < nqt; k++)
			if (k != i && qt[k] != NULL &&
			    (rc = docx_table_size_with(qt[i], qt[k])) != 0)
				goto done;
	/*
	 * The findings' boxes too, each sized with the others: laid out
	 * alone, 指摘事項1 broke 「改善の／方向性」 and 「被監査部／署の
	 * 回答」, 指摘事項2 「被監査部署／の回答」 and the others none, a
	 * label column of a different width for each finding (review 19,
	 * rev19a T4).
	 */
	if (nqt > 0 && ((kt = calloc(nqt, sizeof *kt)) == NULL ||
	    (head = calloc(nqt, sizeof *head)) == NULL)) {
		rc = error_set(NC_ENOMEM, "out of memory");
		goto done;
	}
	for (i = 0; i < nqt; i++) {
		f = fs->u.items[i];
		buf_reset(&b);
		/*
		 * The item by its 項目番号 (2-2-01, as the 監査項目
		 * workbook, the 監査調書 and the 概要報告書 number it) in a
		 * row of its own with its question, not bare in the heading.
		 * The heading is the finding's number alone: an outline's
		 * 「10　指摘事項10」 said one number twice, and 「2　指摘事項3」
		 * two numbers of one finding when some were accepted before.
		 */
		record_free(c.rec);
		carried_get(&c, st, root, f);
		buf_printf(&b, "指摘事項%s（%s）", qa_number(&c, f),
		    label(st, "findings", "grade", carried_str(&c, f,
		    "grade")));
		/* 是正中（期限超過）: past its 是正期限 as at the document */
		buf_reset(&stat);
		buf_printf(&stat, "%s%s", label(st, "findings", "status",
		    node_get_str(f, "status")), finding_overdue(f, date) ?
		    "（期限超過）" : "");
		era(d2, node_get_str(f, "due"));
		kv[0] = "項目番号";	kv[1] = audit_item_label(&nb,
		    carried_str(&c, f, "item"), audit_own_kind(c.root));
		kv[2] = "監査項目";	kv[3] = source_item_text(c.rec != NULL ?
		    c.rec : sr, c.root, carried_str(&c, f, "item"));
		kv[4] = "指摘内容";	kv[5] = finding_text(c.root, c.f);
		kv[6] = "改善の方向性";	kv[7] = carried_str(&c, f,
		    "correction");
		kv[8] = "是正期限";	kv[9] = d2;
		kv[10] = "是正状況";	kv[11] = stat.data;
		kv[12] = "被監査部署の回答"; kv[13] = node_get_str(f, "response");
		if ((rc = buf_ok(&b)) != 0 || (rc = buf_ok(&stat)) != 0 ||
		    (rc = kv_table(&kt[i], kv, 7)) != 0)
			goto done;
		if ((head[i] = strdup(b.data)) == NULL) {
			rc = error_set(NC_ENOMEM, "out of memory");
			goto done;
		}
	}
	for (i = 0; i < nqt; i++)
		for (k = 0; k < nqt; k++)
			if (k != i && (rc = docx_table_size_with(kt[i],
			    kt[k])) != 0)
				goto done;
	for (i = 0; i < nqt; i++) {
		if ((rc = docx_add_blank(d)) != 0 ||
		    (rc = docx_add_heading(d, 1, head[i])) != 0 ||
		    (rc = docx_add_table(d, kt[i])) != 0 ||
		    (rc = docx_keep_next(d)) != 0)
			goto done;
		/*
		 * the finding with its 質疑応答: its box ended on one page and
		 * the table started on the next (review18a)
		 */
		/* where a Q&A table would be, after a blank as it is */
		if (qt[i] == NULL) {
			if ((rc = docx_add_blank(d)) != 0 ||
			    (rc = docx_add_outline_body(d, "質疑応答なし。")) !=
			    0)
				goto done;
			continue;
		}
		if ((rc = docx_add_blank(d)) != 0 ||
		    (rc = docx_add_table(d, qt[i])) != 0)
			goto done;
	}
	{
		struct docx_para_style right;

		memset(&right, 0, sizeof right);
		right.align = DOCX_RIGHT;
		if ((rc = docx_add_blank(d)) != 0 ||
		    (rc = docx_add_para(d, "以上", &right)) != 0)
			goto done;
	}
	rc = docx_save(d, path);
done:
	record_free(c.rec);
	for (i = 0; i < nqt; i++) {
		docx_table_free(qt[i]);
		if (kt != NULL)
			docx_table_free(kt[i]);
		if (head != NULL)
			free(head[i]);
	}
	free(qt);
	free(kt);
	free(head);
	docx_free(d);
	buf_free(&tg);
	buf_free(&b);
	buf_free(&au);
	buf_free(&src);
	buf_free(&stat);
	buf_free(&nb);
	record_free(sr);
	reclist_free(&m);
	free(ref.id);
	free(ref.relpath);
	return rc;
}

/* --- 実施結果報告書 ---------------------------------------------------- */

/* Chapters over every audit of the year, for the comparison. */
struct chapters {
	char	*key[32];
	char	*title[32];
	size_t	 n;
};

static void
chapters_add(struct chapters *c, const struct audit_score *s)
{
	size_t	i, k;

	for (i = 0; i < s->nchapters; i++) {
		for (k = 0; k < c->n; k++) {
			if (strcmp(c->key[k], s->chapters[i].key) == 0)
				break;
		}
		if (k < c->n || c->n == 32)
			continue;
		c->key[c->n] = strdup(s->chapters[i].key);
		c->title[c->n] = strdup(s->chapters[i].title);
		c->n++;
	}
}

static void
chapters_free(struct chapters *c)
{
	size_t	i;

	for (i = 0; i < c->n; i++) {
		free(c->key[i]);
		free(c->title[i]);
	}
	c->n = 0;
}

/*
 * The chapter of a finding: that of its item in the audit it was made in,
 * in out (a clause's 2-5, or その他) or the item's category itself, whole
 * as audit_score() keys it (key[128] cut it: the finding matched no
 * chapter, and the 指摘一覧 printed half a character).
 */
static const char *
finding_chapter(char *out, size_t size, const struct node *root,
    const struct node *f)
{
	const struct node	*items = audit_items(root);
	const char		*ref = node_get_str(f, "item"), *c;
	size_t			 i;

	snprintf(out, size, "その他");
	for (i = 0; items != NULL && ref != NULL && i < items->n; i++) {
		if (!node_scalar_eq(node_get(items->u.items[i], "ref"), ref))
			continue;
		if ((c = node_get_str(items->u.items[i], "clause")) != NULL)
			audit_chapter_of(out, size, c);
		else if ((c = node_get_str(items->u.items[i], "category")) !=
		    NULL)
			return c;
		break;
	}
	return out;
}

static const char *const grade_codes[] = { "major", "minor",
    "observation", "suggestion" };

static int
grade_index(const char *g)
{
	int	i;

	for (i = 0; i < 4; i++) {
		if (g != NULL && strcmp(g, grade_codes[i]) == 0)
			return i;
	}
	return 3;
}

struct year {
	struct audit_score	*s;	/* per audit; zeroed for follow-ups */
	struct chapters		 ch;
	unsigned		 (*grades)[4];	/* per chapter */
	enum ev_state		*state;	/* per audit, as of the date */
	char			 latest[16];	/* the report's date */
	size_t			 nfindings, nops, nsys, nfu, nsched, nnot;
	size_t			 nprog;	/* of those held, still 実施中 */
};

/* 令和8年12月1日: the day after iso */
static void
next_day(char out[CAL_FMT_MAX], const char *iso)
{
	struct cal_date	 d;
	char		 next[16];

	out[0] = '\0';
	if (cal_parse_iso(&d, iso) != 0) {
		error_clear();
		return;
	}
	cal_format_iso(next, sizeof next, cal_add_days(d, 1));
	era(out, next);
}

/*
 * The year as a report of as_of tells it (issue 18, the rule of
 * evstate.h): an audit held by as_of is counted with its results; one
 * dated after it is 予定, one dated on or before it still planned is
 * 未実施 (warned about in warn): neither is counted nor scored.
 */
static int
year_new(struct year *y, const struct record *const *a, size_t n,
    struct cal_date as_of, struct diags *warn)
{
	const struct node	*root, *fs;
	struct cal_date		 d;
	char			 key[128];
	const char		*ck;
	size_t			 i, k, c;

	memset(y, 0, sizeof *y);
	cal_format_iso(y->latest, sizeof y->latest, as_of);
	if ((y->s = calloc(n + 1, sizeof *y->s)) == NULL ||
	    (y->state = calloc(n + 1, sizeof *y->state)) == NULL)
		return error_set(NC_ENOMEM, "out of memory");
	for (i = 0; i < n; i++) {
		root = record_root(a[i]);
		if (cal_parse_iso(&d, node_get_str(root, "date")) != 0) {
			error_clear();
			d = as_of;
		}
		y->state[i] = ev_state(d, !node_scalar_eq(node_get(root,
		    "status"), "planned"), 0, as_of);
		if (y->state[i] == EV_NOT_HELD) {
			ev_warn_not_held(warn, "audit", node_get_str(root,
			    "title"), d, as_of);
			y->nnot++;
			continue;
		}
		if (y->state[i] != EV_DONE) {
			y->nsched++;
			continue;
		}
		if (audit_score(&y->s[i], audit_items(root)) != 0)
			return NC_ENOMEM;
		chapters_add(&y->ch, &y->s[i]);
		/* held but not finished: 実施中 in the 状況 column */
		y->nprog += strcmp(audit_status_on(root, as_of) != NULL ?
		    audit_status_on(root, as_of) : "", "in-progress") == 0;
		if (node_scalar_eq(node_get(root, "type"), "followup"))
			y->nfu++;
		else if (node_scalar_eq(node_get(root, "type"), "system"))
			y->nsys++;
		else
			y->nops++;
	}
	if ((y->grades = calloc(y->ch.n + 1, sizeof *y->grades)) == NULL)
		return error_set(NC_ENOMEM, "out of memory");
	for (i = 0; i < n; i++) {
		root = record_root(a[i]);
		/* Follow-ups carry findings made elsewhere: count once. */
		if (node_scalar_eq(node_get(root, "type"), "followup") ||
		    y->state[i] != EV_DONE)
			continue;
		fs = audit_findings(root);
		for (k = 0; fs != NULL && k < fs->n; k++) {
			ck = finding_chapter(key, sizeof key, root,
			    fs->u.items[k]);
			for (c = 0; c < y->ch.n; c++) {
				if (strcmp(y->ch.key[c], ck) == 0)
					break;
			}
			y->grades[c][grade_index(node_get_str(fs->u.items[k],
			    "grade"))]++;
			y->nfindings++;
		}
	}
	return 0;
}

static void
year_free(struct year *y, size_t n)
{
	size_t	i;

	for (i = 0; y->s != NULL && i < n; i++)
		audit_score_free(&y->s[i]);
	free(y->s);
	free(y->state);
	free(y->grades);
	chapters_free(&y->ch);
}

/* Whether anything of the audit was answered: planned audits stay out of
 * the comparisons. */
static int
scored(const struct audit_score *s)
{
	return s->total.items > s->total.count[AUDIT_NONE];
}

/* Items not checked yet (未確認, or no result): a rate of the others is
 * interim (暫定) until they are. */
static unsigned
unconfirmed(const struct audit_score *s)
{
	return s->total.count[AUDIT_UNCHECKED] + s->total.count[AUDIT_NONE];
}

int
audit_score_interim(const struct audit_score *s)
{
	return scored(s) && unconfirmed(s) > 0;
}

/* The rate of a chapter in tenths of a percent (audit_tally_tenths()). */
static long
chapter_rate(const struct audit_score *s, const char *key, int *ok)
{
	long	r = 0;
	size_t	i;

	*ok = 0;
	for (i = 0; i < s->nchapters; i++) {
		if (strcmp(s->chapters[i].key, key) == 0)
			*ok = audit_tally_tenths(&r, &s->chapters[i]);
	}
	return r;
}

/*
 * The year's rate of a chapter (key; NULL: of all the items): the simple
 * mean of the scored audits' rates the 章別 table shows, in tenths of a
 * percent, rounded half up once -- as the 実施結果報告書 and the 最終報告書
 * give the year's rates (each audit weighs the same; a chapter's mean
 * over the audits that have items of it).  The table's one column and
 * the chart's one series where the audits are too many for a bar each
 * (A13: 6 audits, 60 thin bars).  It pooled the audits' items, and the
 * sample's 2-6 read 89.9% beside the Word report's 88.4% (rev20 M1).
 */
#define CHAPTER_AUDITS	3	/* audits the 章別 chart shows a bar each */

static int
year_chapter_rate(long *out, const struct year *y, size_t n, const char *key)
{
	long	sum = 0, cnt = 0, r;
	size_t	i;
	int	ok;

	for (i = 0; i < n; i++) {
		if (!scored(&y->s[i]))
			continue;
		if (key == NULL)
			ok = audit_tally_tenths(&r, &y->s[i].total);
		else
			r = chapter_rate(&y->s[i], key, &ok);
		if (ok) {
			sum += r;
			cnt++;
		}
	}
	if (cnt == 0)
		return 0;
	*out = (2 * sum + cnt) / (2 * cnt);
	return 1;
}

/*
 * Whether a scored audit of the year has a chapter without a rate (「－」
 * in the report's table, a blank in the workbook's, no bar): the notes
 * that say what that means are written only then.
 */
static int
some_chapter_unrated(const struct year *y, size_t n)
{
	size_t	i, k;
	int	ok;

	for (i = 0; i < n; i++) {
		if (!scored(&y->s[i]))
			continue;
		for (k = 0; k < y->ch.n; k++) {
			(void)chapter_rate(&y->s[i], y->ch.key[k], &ok);
			if (!ok)
				return 1;
		}
	}
	return 0;
}

/*
 * Whether the year has a follow-up audit, which the notes on it need: 1
 * when one follows an audit of the year (its findings are counted there,
 * not again), 2 when all follow audits of earlier years (their findings
 * are in no count of the year: review15 read 「重ねて数えない」 as if
 * they were), 0 without one.
 */
static int
some_followup(const struct record *const *a, size_t n)
{
	const char	*of;
	size_t		 i, k;
	int		 any = 0;

	for (i = 0; i < n; i++) {
		if (!node_scalar_eq(node_get(record_root(a[i]), "type"),
		    "followup"))
			continue;
		any = 2;
		of = node_get_str(record_root(a[i]), "followup_of");
		for (k = 0; of != NULL && k < n; k++)
			if (node_scalar_eq(node_get(record_root(a[k]), "id"),
			    of))
				return 1;
	}
	return any;
}

/*
 * The audits of the years before fy (not follow-ups, which carry findings
 * made elsewhere) that still have a finding not 是正確認済: in the second
 * year, last year's open findings are no audit of this year's, and a
 * report that counted this year's only read as if nothing was left
 * (review15: 60 findings of 5 audits never followed up).  A finding's
 * state is that of the latest follow-up that carried it when there is
 * one (the later history; `audit finding` copies it back, records made
 * otherwise may not have it), and an audit is followed up when its
 * followup is set or a follow-up names it.  An unreadable record is left
 * out here; `lint` reports it.
 */
struct earlier {
	struct record	**all;	/* every audit, in date order */
	size_t		  nall;
	size_t		 *idx;	/* of all: the earlier ones still open */
	size_t		  n;
	struct audit_hist h;	/* every carried finding, resolved once */
	char		  day[16];	/* the document's; "" for now */
};

/* The status of finding f of audit root on e's day (audit_hist_status()). */
static const char *
earlier_status(const struct earlier *e, const struct node *root,
    const struct node *f)
{
	return audit_hist_status(&e->h, root, f, e->day[0] ? e->day : NULL);
}

/* Whether finding f of audit root is late on day (audit_hist_late()). */
static int
earlier_late(const struct earlier *e, const struct node *root,
    const struct node *f, const char *day)
{
	return audit_hist_late(&e->h, root, f, day);
}

static void
earlier_free(struct earlier *e)
{
	audit_hist_free(&e->h);
	audit_free_all(e->all, e->nall);
	free(e->idx);
	memset(e, 0, sizeof *e);
}

/*
 * light: the audits without their items (audit_load_findings()), for a
 * caller that reads only the findings.  day (ISO, or NULL for now): the
 * statuses are those of that day (audit_hist_status()).
 */
static int
earlier_load(struct earlier *e, struct store *st, int fy, int light,
    const char *day)
{
	struct diags		 d = DIAGS_INIT;
	const struct node	*root, *fs;
	const char		*s;
	size_t			 i, k;
	int			 rc;

	memset(e, 0, sizeof *e);
	if (day != NULL)
		snprintf(e->day, sizeof e->day, "%s", day);
	rc = light ? audit_load_findings(&e->all, &e->nall, st, 0, &d) :
	    audit_load_year(&e->all, &e->nall, st, 0, &d);
	diags_free(&d);
	if (rc != 0)
		return rc;
	if ((e->idx = calloc(e->nall + 1, sizeof *e->idx)) == NULL) {
		earlier_free(e);
		return error_set(NC_ENOMEM, "out of memory");
	}
	/* where each carried finding was made, once for every question */
	if ((rc = audit_hist_init(&e->h, e->all, e->nall)) != 0) {
		earlier_free(e);
		return rc;
	}
	for (i = 0; i < e->nall; i++) {
		root = record_root(e->all[i]);
		s = node_get_str(root, "fy");
		if (s == NULL || strtol(s, NULL, 10) >= fy ||
		    node_scalar_eq(node_get(root, "type"), "followup"))
			continue;
		fs = audit_findings(root);
		for (k = 0; fs != NULL && k < fs->n; k++)
			if (strcmp(earlier_status(e, root, fs->u.items[k]),
			    "accepted") != 0)
				break;
		if (fs != NULL && k < fs->n)
			e->idx[e->n++] = i;
	}
	return 0;
}

/* The findings of e's earlier audits not 是正確認済. */
static size_t
earlier_open(const struct earlier *e)
{
	const struct node	*root, *fs;
	size_t			 i, k, n = 0;

	for (i = 0; i < e->n; i++) {
		root = record_root(e->all[e->idx[i]]);
		fs = audit_findings(root);
		for (k = 0; fs != NULL && k < fs->n; k++)
			n += strcmp(earlier_status(e, root, fs->u.items[k]),
			    "accepted") != 0;
	}
	return n;
}

size_t
audit_earlier_open(const struct audit_hist *h, int fy, const char *day)
{
	const struct node	*root, *fs;
	const char		*s;
	size_t			 i, k, n = 0;

	for (i = 0; i < h->nall; i++) {
		root = record_root(h->all[i]);
		s = node_get_str(root, "fy");
		if (s == NULL || strtol(s, NULL, 10) >= fy ||
		    node_scalar_eq(node_get(root, "type"), "followup"))
			continue;
		fs = audit_findings(root);
		for (k = 0; fs != NULL && k < fs->n; k++)
			n += strcmp(audit_hist_status(h, root, fs->u.items[k],
			    day), "accepted") != 0;
	}
	return n;
}

/*
 * The note under the list of audits naming the audit a follow-up (its
 * row No.) followed up: 「No.1 のフォローアップ監査は、監査第21号（令和8年度
 * 情報セキュリティ監査（運用面） 収納課、令和8年8月14日）の指摘の是正を
 * 確認したもの。」.  Nothing for another audit, or an original not in
 * the data directory.
 */
static int
followed_note(struct xlsx_sheet *sh, uint32_t *row, const struct earlier *e,
    const struct node *root, size_t no)
{
	const char		*id = node_get_str(root, "followup_of");
	const struct node	*o = NULL;
	const char		*ref, *title;
	char			 d[CAL_FMT_MAX], line[1024];
	size_t			 i;

	if (!node_scalar_eq(node_get(root, "type"), "followup") || id == NULL)
		return 0;
	for (i = 0; i < e->nall && o == NULL; i++)
		if (node_scalar_eq(node_get(record_root(e->all[i]), "id"), id))
			o = record_root(e->all[i]);
	if (o == NULL)
		return 0;
	ref = node_get_str(o, "ref_no");
	title = node_get_str(o, "title");
	era(d, node_get_str(o, "date"));
	snprintf(line, sizeof line, "No.%zu のフォローアップ監査は、%s（%s%s%s）"
	    "の指摘の是正を確認したもの。", no, ref != NULL ? ref : "元の監査",
	    title != NULL ? title : "", title != NULL ? "、" : "", d);
	return xlsx_note(sh, ++*row, line);
}

/*
 * The number in the list a[0..n-1] (1-based) of the audit follow-up
 * root followed up, or 0: not a follow-up, or its original not listed
 * (of a year before).
 */
static size_t
listed_original(const struct record *const *a, size_t n, const struct node *root)
{
	const char	*id = node_get_str(root, "followup_of");
	size_t		 i;

	if (id == NULL || !node_scalar_eq(node_get(root, "type"), "followup"))
		return 0;
	for (i = 0; i < n; i++)
		if (node_scalar_eq(node_get(record_root(a[i]), "id"), id))
			return i + 1;
	return 0;
}

/*
 * Whether finding f of follow-up root was accepted by an earlier
 * follow-up (before root's date): it is no finding root took over.
 */
static int
taken_accepted(const struct earlier *e, const struct node *root,
    const struct node *f)
{
	const char	*src = NULL, *num = NULL;

	if (node_get_str(f, "from_audit") != NULL)
		audit_finding_made(&src, &num, e->all, e->nall, root, f);
	return src != NULL && audit_accepted_before(e->all, e->nall, src, num,
	    node_get_str(root, "date"), node_get_str(root, "id")) != NULL;
}

/*
 * An audit's 指摘 in the list of audits: a follow-up's are the findings
 * it took over still open at its date, not those an earlier follow-up
 * had accepted (review17 M4: 12 against a note saying "not yet
 * accepted", none were).  *nopen (if not NULL): of those, the ones not
 * accepted on e's day (audit_hist_status(): a follow-up after that day
 * has not accepted them yet, review19 M2).
 */
static size_t
covered(const struct earlier *e, const struct node *root, size_t *nopen)
{
	const struct node	*fs = audit_findings(root), *f;
	size_t			 i, n = 0;
	int			 fu;

	fu = node_scalar_eq(node_get(root, "type"), "followup");
	if (nopen != NULL)
		*nopen = 0;
	for (i = 0; fs != NULL && i < fs->n; i++) {
		f = fs->u.items[i];
		if (fu && taken_accepted(e, root, f))
			continue;
		n++;
		if (nopen != NULL)
			*nopen += strcmp(earlier_status(e, root, f),
			    "accepted") != 0;
	}
	return n;
}

/*
 * Of an audit's findings, those late on day (ISO, audit_hist_late(): past
 * their 是正期限 and not corrected), as the 最終報告書 counts them; a
 * follow-up's that an earlier follow-up accepted are not.
 */
static size_t
late(const struct earlier *e, const struct node *root, const char *day)
{
	const struct node	*fs = audit_findings(root), *f;
	size_t			 i, n = 0;
	int			 fu;

	fu = node_scalar_eq(node_get(root, "type"), "followup");
	for (i = 0; fs != NULL && i < fs->n; i++) {
		f = fs->u.items[i];
		if (fu && taken_accepted(e, root, f))
			continue;
		n += earlier_late(e, root, f, day);
	}
	return n;
}

/* 令和8年度 学務課: an earlier audit as the report names it. */
static const char *
earlier_name(struct buf *b, struct store *st, const struct node *root)
{
	struct buf	 t = BUF_INIT;
	char		 lab[CAL_FMT_MAX];
	const char	*s = node_get_str(root, "fy");
	int		 fy = s != NULL ? (int)strtol(s, NULL, 10) : 0;

	buf_reset(b);
	if (cal_fy_label(lab, sizeof lab, fy) != 0) {
		error_clear();
		lab[0] = '\0';
	}
	buf_printf(b, "%s%s%s", lab, lab[0] ? " " : "", target(&t, st, root,
	    0));
	buf_free(&t);
	return b->data != NULL ? b->data : "";
}

/*
 * The end of a sentence on n findings past their due date, nofu of them
 * without a follow-up audit planned, and what the report proposes.
 */
static void
nofu_tail(struct buf *out, size_t n, size_t nofu)
{
	if (nofu == n)
		buf_puts(out, "。いずれもフォローアップ監査が計画されていない");
	else if (nofu > 0)
		buf_printf(out, "。うち %zu 件はフォローアップ監査が計画されて"
		    "いない", nofu);
	buf_puts(out, nofu > 0 ? "。速やかにフォローアップ監査を計画することを"
	    "提案する。\n" : "。フォローアップ監査で是正を確認することを提案する。"
	    "\n");
}

/*
 * Proposals on the audit method, from what the year's audits show: items
 * that never applied, items left unchecked, the weakest chapter, findings
 * past their due date without a follow-up.
 */
static void
proposals(struct buf *out, const struct record *const *a, size_t n,
    const struct year *y, struct store *st, const struct earlier *e)
{
	const struct node	*items, *it, *fs;
	const char		*ref;
	size_t			 i, j, k, used, na, unchecked = 0, late = 0;
	size_t			 late_nofu = 0, late_e = 0, late_e_nofu = 0;
	struct buf		 enames = BUF_INIT, en = BUF_INIT;
	long			 worst = 1001, r, avg, wcnt = 0, nscored = 0;
	int			 ok, wi = -1;
	char			 asof[CAL_FMT_MAX], pct[16];
	struct buf		 nas = BUF_INIT, refs = BUF_INIT, nb = BUF_INIT;

	buf_reset(out);
	/* Items 該当なし wherever they were used (in two audits or more). */
	for (i = 0; i < n; i++) {
		items = audit_items(record_root(a[i]));
		for (j = 0; items != NULL && j < items->n; j++) {
			it = items->u.items[j];
			ref = node_get_str(it, "ref");
			/* refs seen, each between newlines: op-2-1-1 is
			 * not op-2-1-10 */
			buf_reset(&nb);
			buf_printf(&nb, "\n%s\n", ref != NULL ? ref : "");
			if (ref == NULL || strstr(refs.data ? refs.data : "",
			    nb.data) != NULL)
				continue;
			buf_printf(&refs, "%s%s\n", refs.len ? "" : "\n",
			    ref);
			used = na = 0;
			for (k = 0; k < n; k++) {
				size_t x;
				const struct node *o =
				    audit_items(record_root(a[k]));

				if (o == NULL || audit_item_find(&x,
				    record_root(a[k]), ref) != 0 ||
				    !node_scalar_eq(node_get(o->u.items[x],
				    "ref"), ref))
					continue;
				used++;
				na += audit_item_result(o->u.items[x]) ==
				    AUDIT_NA;
			}
			error_clear();
			/*
			 * the year's audits are of both kinds: 運用 2-1-04,
			 * システム 2-1-01
			 */
			if (used >= 2 && na == used)
				buf_printf(&nas, "%s%s", nas.len ? "、" : "",
				    audit_item_label(&nb, ref, NULL));
			if (audit_item_result(it) == AUDIT_UNCHECKED)
				unchecked++;
		}
		/*
		 * Late: a finding of the 指摘事項一覧 (those of the audits
		 * proper; a follow-up carries them again) whose 是正期限 is
		 * before the report's date and which is not corrected on it
		 * (audit_hist_late()), which the list lets a reader count;
		 * those no follow-up is planned for (audit_hist_planned():
		 * one that carries it, not carried out by the report's date)
		 * are told apart.
		 */
		if (node_scalar_eq(node_get(record_root(a[i]), "type"),
		    "followup"))
			continue;
		fs = audit_findings(record_root(a[i]));
		for (j = 0; fs != NULL && j < fs->n; j++)
			if (earlier_late(e, record_root(a[i]), fs->u.items[j],
			    y->latest)) {
				late++;
				late_nofu += audit_hist_planned(&e->h,
				    record_root(a[i]), fs->u.items[j],
				    y->latest) == NULL;
			}
	}
	/* The average of the rates the table shows, rounded half up. */
	for (k = 0; k < n; k++)
		nscored += scored(&y->s[k]);
	for (i = 0; i < y->ch.n; i++) {
		long sum = 0, cnt = 0;

		for (k = 0; k < n; k++) {
			r = chapter_rate(&y->s[k], y->ch.key[i], &ok);
			if (ok) {
				sum += r;
				cnt++;
			}
		}
		if (cnt == 0)
			continue;
		avg = (2 * sum + cnt) / (2 * cnt);
		if (avg < worst) {
			worst = avg;
			wcnt = cnt;
			wi = (int)i;
		}
	}
	if (wi >= 0 && worst < 1000) {
		audit_tenths_text(pct, sizeof pct, worst, 1);
		/*
		 * Which average, so that a reader can check it against the
		 * table: the plain mean of the audits' rates the row shows
		 * (each audit counts once, whatever its number of items),
		 * not a rate of the items of all audits pooled.
		 */
		buf_printf(out, "「%s%s%s」の適合率は、章別の適合率の表に示した"
		    " %ld 件の監査の値%sの単純平均で %s と、最も"
		    "低い。次年度はこの章の監査項目を重点的に確認し、所属点検の"
		    "項目にも反映することを提案する。\n", strcmp(y->ch.key[wi],
		    y->ch.title[wi]) ? y->ch.key[wi] : "", strcmp(y->ch.key[wi],
		    y->ch.title[wi]) ? " " : "", y->ch.title[wi], wcnt,
		    wcnt < nscored ? "（「－」を除く）" : "", pct);
	}
	if (nas.len > 0)
		buf_printf(out, "監査項目 %s は、使用した全ての監査で該当なし"
		    "であった。対象の実情に合わせて項目を見直すか、対象を選んで"
		    "使用することを提案する。\n", nas.data);
	if (unchecked > 0)
		buf_printf(out, "未確認のまま終えた項目が %zu 件あった。監査"
		    "資料の事前提出を依頼し、当日の確認時間を確保することを"
		    "提案する。\n", unchecked);
	/* the same of the earlier years' audits, named */
	for (i = 0; i < e->n; i++) {
		const struct node *er = record_root(e->all[e->idx[i]]);
		size_t l = 0;

		fs = audit_findings(er);
		for (j = 0; fs != NULL && j < fs->n; j++) {
			if (!earlier_late(e, er, fs->u.items[j], y->latest))
				continue;
			l++;
			/* planned: a follow-up of it not yet carried out */
			late_e_nofu += audit_hist_planned(&e->h, er,
			    fs->u.items[j], y->latest) == NULL;
		}
		if (l == 0)
			continue;
		late_e += l;
		buf_printf(&enames, "%s%s", enames.len ? "、" : "",
		    earlier_name(&en, st, er));
	}
	if (late > 0) {
		era(asof, y->latest);
		/* whose, when earlier years' are told apart below */
		/*
		 * late: not corrected (未是正, 是正中); one 是正済 waiting
		 * for its follow-up is not late (review19 rev19b M4)
		 */
		buf_printf(out, "%s時点で、是正期限を過ぎても是正されていない"
		    "（是正状況が未是正または是正中の）%s指摘が %zu 件ある（集計表"
		    "の指摘事項一覧による）", asof, late_e > 0 ?
		    "今年度の監査の" : "", late);
		nofu_tail(out, late, late_nofu);
	}
	if (late_e > 0) {
		era(asof, y->latest);
		buf_printf(out, "%s前年度以前の監査（%s）の指摘のうち、%s時点で"
		    "是正期限を過ぎても是正されていない（是正状況が未是正または"
		    "是正中の）ものが %zu 件ある（リスク一覧による）", late > 0 ?
		    "また、" : "", enames.data, asof, late_e);
		nofu_tail(out, late_e, late_e_nofu);
	}
	if (out->len == 0)
		buf_puts(out, "監査の実施方法について、特に改善を要する点は"
		    "なかった。\n");
	buf_free(&nas);
	buf_free(&refs);
	buf_free(&nb);
	buf_free(&enames);
	buf_free(&en);
}

/*
 * The report's charts, drawn in the .docx as native Word charts with
 * their data (docx_chart()): the rates by chapter, one series per audit
 * carried out (0-100%), and the findings by chapter stacked by grade
 * (whole numbers).
 */
static int
chapter_label(struct buf *b, const struct year *y, size_t row)
{
	buf_reset(b);
	if (row < y->ch.n)
		buf_printf(b, "%s%s%s", strcmp(y->ch.key[row],
		    y->ch.title[row]) ? y->ch.key[row] : "",
		    strcmp(y->ch.key[row], y->ch.title[row]) ? " " : "",
		    y->ch.title[row]);
	else
		buf_puts(b, "その他");
	return buf_ok(b);
}

static int
chart_rates(struct docx *d, struct store *st, const struct record *const *a,
    size_t n, const struct year *y)
{
	struct chart	*c = NULL;
	struct buf	 b = BUF_INIT;
	double		*v = NULL;
	long		 r;
	size_t		 i, row;
	int		 rc, ok;

	if (y->ch.n == 0)
		return 0;
	if ((v = calloc(y->ch.n, sizeof *v)) == NULL)
		return error_set(NC_ENOMEM, "out of memory");
	if ((rc = chart_new(&c, CHART_BAR, "章別の適合率")) != 0)
		goto done;
	for (row = 0; row < y->ch.n && rc == 0; row++)
		if ((rc = chapter_label(&b, y, row)) == 0)
			rc = chart_category(c, b.data);
	for (i = 0; i < n && rc == 0; i++) {
		if (!scored(&y->s[i]))
			continue;
		for (row = 0; row < y->ch.n; row++) {
			r = chapter_rate(&y->s[i], y->ch.key[row], &ok);
			v[row] = ok ? tenths_value(r) : NAN;
		}
		rc = chart_series(c, target(&b, st, record_root(a[i]), 0), v,
		    y->ch.n);
	}
	if (rc == 0 && (rc = chart_set_format(c, CHART_PERCENT)) == 0 &&
	    (rc = chart_check(c)) == 0)
		rc = docx_chart(d, c, 0, 0);
done:
	chart_free(c);
	free(v);
	buf_free(&b);
	return rc;
}

static int
chart_grades(struct docx *d, const struct year *y)
{
	static const char *const gn[] = { "重大", "軽微", "観察", "改善提案" };
	struct chart	*c = NULL;
	struct buf	 b = BUF_INIT;
	double		*v = NULL;
	size_t		 row, k, m = 0, *rows = NULL;
	unsigned	 sum;
	int		 rc;

	if (y->nfindings == 0)
		return 0;
	if ((v = calloc(y->ch.n + 1, sizeof *v)) == NULL ||
	    (rows = calloc(y->ch.n + 1, sizeof *rows)) == NULL) {
		free(v);
		return error_set(NC_ENOMEM, "out of memory");
	}
	if ((rc = chart_new(&c, CHART_BAR_STACKED, "章別・区分別の指摘事項"))
	    != 0)
		goto done;
	for (row = 0; row <= y->ch.n && rc == 0; row++) {
		for (k = sum = 0; k < 4; k++)
			sum += y->grades[row][k];
		if (sum == 0)
			continue;
		rows[m++] = row;
		if ((rc = chapter_label(&b, y, row)) == 0)
			rc = chart_category(c, b.data);
	}
	for (k = 0; k < 4 && rc == 0; k++) {
		for (row = 0; row < m; row++)
			v[row] = y->grades[rows[row]][k];
		rc = chart_series(c, gn[k], v, m);
	}
	/* the grades by severity: 重大 red down to 改善提案 grey */
	if (rc == 0 && (rc = chart_set_format(c, CHART_COUNT)) == 0 &&
	    (rc = chart_set_axis_titles(c, NULL, "件")) == 0 &&
	    (rc = chart_set_severity(c, 1, 0)) == 0 &&
	    (rc = chart_check(c)) == 0)
		/* A bar a chapter, with room for its name. */
		rc = docx_chart(d, c, 0, 4.0 + 1.0 * (double)m);
done:
	chart_free(c);
	free(v);
	free(rows);
	buf_free(&b);
	return rc;
}

/*
 * Whether risk k of audit i was listed before it: the same risk, analysis
 * and 対応策 for the same target, which 4 課題と対応 lists once
 * (review15: (9) and (11), (18) and (19) were one item twice).
 */
static int
risk_seen(struct store *st, const struct record *const *a, size_t i,
    size_t k)
{
	static const char *const keys[] = { "risk", "analysis", "measure" };
	const struct node	*rk = node_get(record_root(a[i]), "risks");
	const struct node	*r = rk->u.items[k], *ok, *o;
	struct buf		 t = BUF_INIT, u = BUF_INIT;
	const char		*tg;
	size_t			 j, m, x, n;
	int			 seen = 0;

	tg = target(&t, st, record_root(a[i]), 0);
	for (j = 0; j <= i && !seen; j++) {
		ok = node_get(record_root(a[j]), "risks");
		if (ok == NULL || ok->kind != NODE_SEQ ||
		    strcmp(target(&u, st, record_root(a[j]), 0), tg) != 0)
			continue;
		n = j < i ? ok->n : k;
		for (m = 0; m < n && !seen; m++) {
			o = ok->u.items[m];
			for (x = 0; x < sizeof keys / sizeof keys[0]; x++) {
				const char *p = node_get_str(r, keys[x]);
				const char *q = node_get_str(o, keys[x]);

				if ((p == NULL) != (q == NULL) ||
				    (p != NULL && strcmp(p, q) != 0))
					break;
			}
			seen = x == sizeof keys / sizeof keys[0];
		}
	}
	buf_free(&t);
	buf_free(&u);
	return seen;
}

/*
 * The figures of a year's audits proper (operational and system; a
 * follow-up has no rate and carries findings made elsewhere) that were
 * held: their number, their findings, and the plain mean of their rates
 * (each audit once, as the chapter averages), in tenths; *nrated 0 when
 * none has a rate.
 */
static void
year_figures(const struct record *const *a, size_t n,
    const struct audit_score *sc, size_t *naud, size_t *nfind, long *mean,
    size_t *nrated)
{
	const struct node	*root, *fs;
	struct audit_score	 own;
	long			 sum = 0, r;
	size_t			 i;

	*naud = *nfind = *nrated = 0;
	*mean = 0;
	for (i = 0; i < n; i++) {
		root = record_root(a[i]);
		if (node_scalar_eq(node_get(root, "type"), "followup"))
			continue;
		if (sc == NULL) {
			/* last year's: held once it left planned */
			if (node_scalar_eq(node_get(root, "status"),
			    "planned") || audit_score(&own,
			    audit_items(root)) != 0)
				continue;
		} else if (!scored(&sc[i]))
			continue;
		(*naud)++;
		fs = audit_findings(root);
		*nfind += fs != NULL ? fs->n : 0;
		if (audit_tally_tenths(&r, sc != NULL ? &sc[i].total :
		    &own.total)) {
			sum += r;
			(*nrated)++;
		}
		if (sc == NULL)
			audit_score_free(&own);
	}
	if (*nrated > 0)
		*mean = (2 * sum + (long)*nrated) / (2 * (long)*nrated);
}

/*
 * 前年度との比較: the number of audits, their findings and the mean of
 * their rates, this year against the one before, when that year had
 * audits (review15: in the second year an official looks for it).
 */
static int
compare_prior(struct docx *d, struct store *st, const struct record *const *a,
    size_t n, const struct year *y, int fy)
{
	static const char *const h[] = { "区分", "", "" };
	static const unsigned w[] = { 40, 30, 30 };
	struct record		**p = NULL;
	struct docx_table	*t = NULL;
	struct docx_para_style	 num;
	struct diags		 dg = DIAGS_INIT;
	char			 l0[CAL_FMT_MAX], l1[CAL_FMT_MAX], c[32];
	char			 h1[CAL_FMT_MAX + 16], h2[CAL_FMT_MAX + 16];
	const char		*hh[3];
	size_t			 np = 0, na[2], nf[2], nr[2], k;
	long			 mean[2];
	int			 rc;

	rc = audit_load_year(&p, &np, st, fy - 1, &dg);
	diags_free(&dg);
	if (rc != 0)
		return rc;
	year_figures((const struct record *const *)p, np, NULL, &na[0],
	    &nf[0], &mean[0], &nr[0]);
	year_figures(a, n, y->s, &na[1], &nf[1], &mean[1], &nr[1]);
	if (na[0] == 0) {
		audit_free_all(p, np);
		return 0;
	}
	if (cal_fy_label(l0, sizeof l0, fy - 1) != 0 ||
	    cal_fy_label(l1, sizeof l1, fy) != 0) {
		error_clear();
		snprintf(l0, sizeof l0, "%d年度", fy - 1);
		snprintf(l1, sizeof l1, "%d年度", fy);
	}
	snprintf(h1, sizeof h1, "前年度\n（%s）", l0);
	snprintf(h2, sizeof h2, "今年度\n（%s）", l1);
	hh[0] = h[0];
	hh[1] = h1;
	hh[2] = h2;
	memset(&num, 0, sizeof num);
	num.align = DOCX_RIGHT;
	if ((rc = docx_add_blank(d)) != 0 ||
	    (rc = docx_add_outline_heading(d, 2, "前年度との比較")) != 0 ||
	    (rc = docx_add_outline_body(d, "運用面・システム面の監査について、"
	    "実施件数、指摘事項の件数および適合率（各監査の適合率の単純平均）"
	    "を前年度と比較する。")) != 0 ||
	    (rc = docx_table_new(&t, 3, w)) != 0 ||
	    (rc = add_header_row(t, hh, 3)) != 0)
		goto done;
	for (k = 0; k < 2; k++) {
		snprintf(c, sizeof c, "%zu", na[k]);
		if ((rc = docx_table_cell(t, 1, k + 1, c, &num)) != 0)
			goto done;
		snprintf(c, sizeof c, "%zu", nf[k]);
		if ((rc = docx_table_cell(t, 2, k + 1, c, &num)) != 0)
			goto done;
		if (nr[k] > 0)
			audit_tenths_text(c, sizeof c, mean[k], 1);
		else
			snprintf(c, sizeof c, "－");
		if ((rc = docx_table_cell(t, 3, k + 1, c, &num)) != 0)
			goto done;
	}
	if ((rc = docx_table_cell(t, 1, 0, "監査の件数", NULL)) != 0 ||
	    (rc = docx_table_cell(t, 2, 0, "指摘事項の件数", NULL)) != 0 ||
	    (rc = docx_table_cell(t, 3, 0, "適合率（単純平均）", NULL)) != 0 ||
	    (rc = docx_add_table(d, t)) != 0)
		goto done;
done:
	docx_table_free(t);
	audit_free_all(p, np);
	return rc;
}

int
audit_doc_results_docx(const char *path, struct store *st,
    const struct record *const *a, size_t n, int fy, struct cal_date as_of,
    struct diags *warn)
{
	/*
	 * 実施日（予定日）: an audit not held by the report's date (予定,
	 * 未実施) is listed on the date it was planned for.
	 */
	static const char *const lh[] = { "番号", "監査対象", "種類",
	    "実施日\n（予定日）", "項目", "適合率\n（%）", "指摘", "状況" };
	static const unsigned lw[] = { 4, 26, 16, 10, 5, 8, 5, 26 };
	struct year		 y;
	struct docx		*d = NULL;
	struct docx_table	*t = NULL;
	struct docx_para_style	 num, small, snum;
	struct buf		 b = BUF_INIT, title = BUF_INIT;
	const struct node	*root;
	char			 lab[CAL_FMT_MAX], c[32], day[CAL_FMT_MAX];
	char			 held[ERA_HELD_MAX];
	unsigned		*w = NULL;
	size_t			 i, k, row, nplain = 0, line, nint = 0;
	struct earlier		 prev;
	int			 rc, ok, interim;
	long			 r;

	memset(&num, 0, sizeof num);
	num.align = DOCX_RIGHT;
	/*
	 * The 実施状況 table in 9pt, its dates on one line (令和8年10月21日):
	 * eight columns of whole words (a 課 and its system, フォローアップ中)
	 * fit the text width in 9pt and narrow cell margins, 総務課／文書管理／
	 * システム broken between words.
	 */
	memset(&small, 0, sizeof small);
	small.size = 18;
	snum = num;
	snum.size = 18;
	memset(&prev, 0, sizeof prev);
	if ((rc = year_new(&y, a, n, as_of, warn)) != 0 ||
	    (rc = earlier_load(&prev, st, fy, 0, y.latest)) != 0)
		goto done;
	if (cal_fy_label(lab, sizeof lab, fy) != 0)
		snprintf(lab, sizeof lab, "%d年度", fy);
	buf_printf(&title, "%s 情報セキュリティ監査 実施結果報告書", lab);
	if ((rc = buf_ok(&title)) != 0 ||
	    (rc = new_report(&d, st, title.data, y.latest)) != 0)
		goto done;
	era(day, y.latest);
	/*
	 * Those held as the 状況 column tells them: an audit still 実施中
	 * is not said to be done (実施した) without saying how many are.
	 */
	buf_printf(&b, "%s（%sまで）に実施した情報セキュリティ監査 %zu 件"
	    "（運用面の監査 %zu 件、システム面の監査 %zu 件", lab, day,
	    y.nops + y.nsys + y.nfu, y.nops, y.nsys);
	/* a year without a follow-up does not list one of none */
	if (y.nfu > 0)
		buf_printf(&b, "、フォローアップ監査 %zu 件", y.nfu);
	if (y.nprog > 0)
		buf_printf(&b, "。うち実施済 %zu 件、実施中 %zu 件",
		    y.nops + y.nsys + y.nfu - y.nprog, y.nprog);
	buf_puts(&b, "）の結果を集計・分析し、報告する。");
	if (y.nprog > 0)
		buf_printf(&b, "実施中の監査は、%sまでに確認した結果による。",
		    day);
	if (y.nnot > 0)
		/* listed in (4) as 未実施, not counted: said so */
		buf_printf(&b, "このほか、予定日を過ぎて実施を記録していない監査"
		    "（未実施）%zu 件は、2(4)に状況を示すが、集計には含まない。",
		    y.nnot);
	if (y.nsched > 0) {
		next_day(day, y.latest);
		buf_printf(&b, "%s%s以降に %zu 件の監査を予定しており、その結果"
		    "は含まない。", y.nnot > 0 ? "また、" : "このほか、", day,
		    y.nsched);
	}
	if ((rc = buf_ok(&b)) != 0 ||
	    (rc = docx_add_outline_heading(d, 1, "目的")) != 0 ||
	    (rc = docx_add_outline_body(d, b.data)) != 0 ||
	    (rc = docx_add_blank(d)) != 0 ||
	    (rc = docx_add_outline_heading(d, 1, "実施方法")) != 0 ||
	    (rc = docx_add_outline_heading(d, 2, "監査の位置付け")) != 0 ||
	    (rc = docx_add_outline_body(d, "内部監査")) != 0 ||
	    (rc = docx_add_outline_heading(d, 2, "監査の方法")) != 0 ||
	    (rc = docx_add_outline_body(d, "対象組織等を訪問し、監査項目に沿っ"
	    "てヒアリング、現場視察、情報システムの状況、契約書等の確認を行っ"
	    "た。マイナンバーを取り扱う組織等には、取扱い状況および特定個人情"
	    "報保護評価書に記載したリスク対策の実施状況を確認する項目を加え"
	    "た。")) != 0 ||
	    (rc = docx_add_outline_heading(d, 2, "監査員の構成")) != 0 ||
	    (rc = docx_add_outline_body(d, "主任監査員を本業務の受託者が務め、"
	    "監査員を情報政策課、情報公開課および総務課の職員が務めた。")) != 0
	    || (rc = docx_add_outline_heading(d, 2, "実施状況")) != 0)
		goto done;
	if ((rc = docx_table_new(&t, 8, lw)) != 0 ||
	    (rc = docx_table_header_rows(t, 1)) != 0)
		goto done;
	for (i = 0; i < 8; i++)
		if ((rc = docx_table_cell(t, 0, i, lh[i], &small)) != 0)
			goto done;
	for (i = 0; i < n; i++) {
		struct buf o = BUF_INIT;

		root = record_root(a[i]);
		snprintf(c, sizeof c, "%zu", i + 1);
		/*
		 * 令和8年10月21日 on one line: on two (令和8年／10月21日),
		 * every row took two lines; the widths give 監査対象 what
		 * is left, 総務課／文書管理／システム broken between words.
		 * A two-day audit's ～22日 on a line of its own: its first
		 * day alone read as one held on that day (review18a).
		 */
		era_held(held, root);
		held_lines(held);
		/* 総務課／文書管理システム, 区立図書館／（見本A）: whole words */
		target(&o, st, root, 0);
		buf_reset(&b);
		lines_of(&b, o.data);
		if ((rc = docx_table_cell(t, i + 1, 0, c, &snum)) == 0)
			rc = docx_table_cell(t, i + 1, 1, b.data, &small);
		buf_free(&o);
		if (rc != 0 ||
		    (rc = docx_table_cell(t, i + 1, 2,
		    node_scalar_eq(node_get(root, "type"), "system") ?
		    "システム面" : node_scalar_eq(node_get(root, "type"),
		    "followup") ? "フォローアップ" : "運用面", &small)) != 0 ||
		    (rc = docx_table_cell(t, i + 1, 3, held, &small)) != 0)
			goto done;
		snprintf(c, sizeof c, "%u", y.s[i].total.items);
		if ((rc = docx_table_cell(t, i + 1, 4, y.s[i].total.items ?
		    c : "－", &snum)) != 0)
			goto done;
		/*
		 * A rate with items still to check is marked ※ in 状況, set
		 * left, not beside the figure: 91.7※ stood a character left
		 * of the other rates (as the 最終報告書 deck marks it).
		 */
		rate_cell(c, sizeof c, &y.s[i].total);
		interim = audit_score_interim(&y.s[i]);
		nint += interim;
		if ((rc = docx_table_cell(t, i + 1, 5, c, &snum)) != 0)
			goto done;
		snprintf(c, sizeof c, "%zu", covered(&prev, root, NULL));
		buf_reset(&b);
		/* as at the report's date, by the recorded dates */
		buf_printf(&b, "%s%s", y.state[i] == EV_DONE ? label(st,
		    "status", NULL, audit_hist_audit_status(&prev.h, root,
		    as_of)) :
		    ev_state_label(y.state[i]), interim ? "※" : "");
		if ((rc = buf_ok(&b)) != 0 ||
		    (rc = docx_table_cell(t, i + 1, 6, y.state[i] == EV_DONE ?
		    c : "－", &snum)) != 0 ||
		    (rc = docx_table_cell(t, i + 1, 7, b.data, &small)) != 0)
			goto done;
	}
	if ((rc = docx_add_table(d, t)) != 0)
		goto done;
	docx_table_free(t);
	t = NULL;
	/*
	 * An audit in progress with items still to check is counted with
	 * the rate of those checked: say so, and how many are left, as its
	 * 概要報告書 does (「なお、16 項目は未確認である」).
	 */
	if (nint > 0) {
		buf_reset(&b);
		buf_puts(&b, "※ 未確認の項目がある監査（");
		for (i = 0, k = 0; i < n; i++) {
			struct buf o = BUF_INIT;

			if (!scored(&y.s[i]) || unconfirmed(&y.s[i]) == 0)
				continue;
			target(&o, st, record_root(a[i]), 0);
			buf_printf(&b, "%s番号%zu %s：%u 項目", k++ ? "、" : "",
			    i + 1, o.data, unconfirmed(&y.s[i]));
			buf_free(&o);
		}
		buf_puts(&b, "が未確認）の適合率は、確認を終えた項目による暫定"
		    "の値である。");
		if ((rc = buf_ok(&b)) != 0 ||
		    (rc = docx_add_outline_body(d, b.data)) != 0)
			goto done;
	}

	/* 3 結果 (1): rates by chapter, audits side by side. */
	for (i = 0; i < n; i++)
		nplain += scored(&y.s[i]);
	if ((rc = docx_add_blank(d)) != 0 ||
	    (rc = docx_add_outline_heading(d, 1, "結果")) != 0 ||
	    (rc = docx_add_outline_heading(d, 2, "章別の適合率の比較")) != 0)
		goto done;
	if ((w = calloc(nplain + 2, sizeof *w)) == NULL) {
		rc = error_set(NC_ENOMEM, "out of memory");
		goto done;
	}
	/* the room left to the chapters' names: the rates are short */
	w[0] = 60;
	for (i = 1; i < nplain + 1; i++)
		w[i] = 10;
	if ((rc = docx_table_new(&t, nplain + 1, w)) != 0 ||
	    (rc = docx_table_header_rows(t, 1)) != 0 ||
	    (rc = docx_table_cell(t, 0, 0, "章", NULL)) != 0)
		goto done;
	for (i = 0, k = 1; i < n; i++) {
		struct buf o = BUF_INIT;

		if (!scored(&y.s[i]))
			continue;
		/* 総務課／文書管理システム, a line each */
		target(&o, st, record_root(a[i]), 0);
		buf_reset(&b);
		lines_of(&b, o.data);
		rc = docx_table_cell(t, 0, k++, b.data, NULL);
		buf_free(&o);
		if (rc != 0)
			goto done;
	}
	for (row = 0; row <= y.ch.n; row++) {
		buf_reset(&b);
		if (row < y.ch.n)
			buf_printf(&b, "%s%s%s", strcmp(y.ch.key[row],
			    y.ch.title[row]) ? y.ch.key[row] : "",
			    strcmp(y.ch.key[row], y.ch.title[row]) ? " " : "",
			    y.ch.title[row]);
		else
			/*
			 * 全体※, the audits named under the table: beside
			 * the figure (91.7%※) the mark stood it a character
			 * left of the others, and in a heading
			 * (清掃事務所※) it took a line of its own
			 */
			buf_puts(&b, nint > 0 ? "全体※" : "全体");
		if ((rc = buf_ok(&b)) != 0 ||
		    (rc = docx_table_cell(t, row + 1, 0, b.data, NULL)) != 0)
			goto done;
		for (i = 0, k = 1; i < n; i++) {
			if (!scored(&y.s[i]))
				continue;
			if (row < y.ch.n) {
				r = chapter_rate(&y.s[i], y.ch.key[row], &ok);
				if (ok)
					audit_tenths_text(c, sizeof c, r, 1);
				else
					snprintf(c, sizeof c, "－");
			} else
				rate_text(c, sizeof c, &y.s[i].total);
			if ((rc = docx_table_cell(t, row + 1, k++, c,
			    &num)) != 0)
				goto done;
		}
	}
	/*
	 * How the rate is computed under the table: above it, two lines
	 * would part the heading from the table at a page's foot.
	 */
	if ((rc = docx_add_table(d, t)) != 0 ||
	    (rc = docx_add_outline_body(d, RATE_RULE)) != 0 ||
	    (nplain > 0 && (rc = chart_rates(d, st, a, n, &y)) != 0))
		goto done;
	/*
	 * 「－」 in the table is a chapter without a rate, a missing bar in
	 * the chart a reader cannot tell from 0 %: say which it is.
	 */
	buf_reset(&b);
	if (some_chapter_unrated(&y, n))
		buf_puts(&b, "「－」は、該当する項目がない、または項目が全て未確"
		    "認で適合率のない章であり、グラフには棒を表示していない（0%で"
		    "はない）。");
	for (i = 0, k = 0; nint > 0 && i < n; i++) {
		struct buf o = BUF_INIT;

		if (!scored(&y.s[i]) || unconfirmed(&y.s[i]) == 0)
			continue;
		target(&o, st, record_root(a[i]), 0);
		buf_printf(&b, "%s%s", k++ ? "、" : "全体※のうち、", o.data);
		buf_free(&o);
	}
	if (nint > 0)
		buf_puts(&b, "の値は、未確認の項目がある監査の暫定の値である。");
	if (nplain > 0 && b.len > 0 && ((rc = buf_ok(&b)) != 0 ||
	    (rc = docx_add_outline_body(d, b.data)) != 0))
		goto done;
	docx_table_free(t);
	t = NULL;

	/* (2) findings by chapter and grade. */
	{
		static const char *const gh[] = { "章", "重大", "軽微", "観察",
		    "改善提案", "計" };
		static const unsigned gw[] = { 40, 12, 12, 12, 12, 12 };
		unsigned tot[5] = { 0 };

		buf_reset(&b);
		buf_printf(&b, "運用面・システム面の監査による指摘事項は %zu 件で"
		    "ある%s。", y.nfindings, some_followup(a, n) == 1 ?
		    "（フォローアップ監査で引き継いだ指摘は重ねて数えない）" :
		    some_followup(a, n) == 2 ? "（フォローアップ監査が引き継"
		    "いだ前年度以前の監査の指摘は含まない）" : "");
		if ((rc = buf_ok(&b)) != 0 ||
		    (rc = docx_add_blank(d)) != 0 ||
		    (rc = docx_add_outline_heading(d, 2, "章別・区分別の指摘"
		    "事項")) != 0 ||
		    (rc = docx_add_outline_body(d, b.data)) != 0 ||
		    (rc = docx_table_new(&t, 6, gw)) != 0 ||
		    (rc = add_header_row(t, gh, 6)) != 0)
			goto done;
		for (row = 0, line = 1; row <= y.ch.n; row++) {
			unsigned sum = 0;

			for (k = 0; k < 4; k++)
				sum += y.grades[row][k];
			if (sum == 0)
				continue;
			buf_reset(&b);
			if (row < y.ch.n)
				buf_printf(&b, "%s%s%s", strcmp(y.ch.key[row],
				    y.ch.title[row]) ? y.ch.key[row] : "",
				    strcmp(y.ch.key[row], y.ch.title[row]) ?
				    " " : "", y.ch.title[row]);
			else
				buf_puts(&b, "その他");
			if ((rc = buf_ok(&b)) != 0 ||
			    (rc = docx_table_cell(t, line, 0, b.data,
			    NULL)) != 0)
				goto done;
			for (k = 0; k < 4; k++) {
				snprintf(c, sizeof c, "%u", y.grades[row][k]);
				tot[k] += y.grades[row][k];
				if ((rc = docx_table_cell(t, line, k + 1, c,
				    &num)) != 0)
					goto done;
			}
			tot[4] += sum;
			snprintf(c, sizeof c, "%u", sum);
			if ((rc = docx_table_cell(t, line, 5, c, &num)) != 0)
				goto done;
			line++;
		}
		if ((rc = docx_table_cell(t, line, 0, "計", NULL)) != 0)
			goto done;
		for (k = 0; k < 5; k++) {
			snprintf(c, sizeof c, "%u", tot[k]);
			if ((rc = docx_table_cell(t, line, k + 1, c,
			    &num)) != 0)
				goto done;
		}
		if ((rc = docx_add_table(d, t)) != 0 ||
		    (rc = chart_grades(d, &y)) != 0)
			goto done;
		docx_table_free(t);
		t = NULL;
	}

	/* (3) the year before, when it had audits */
	if ((rc = compare_prior(d, st, a, n, &y, fy)) != 0)
		goto done;

	/*
	 * 4 課題と対応: the risks the audits surfaced, each under its target,
	 * said so first (review17: fifteen headings of risks, nothing saying
	 * what they were nor where their ratings are).
	 */
	if ((rc = docx_add_blank(d)) != 0 ||
	    (rc = docx_add_outline_heading(d, 1, "課題と対応")) != 0)
		goto done;
	line = 0;
	for (i = 0; i < n; i++) {
		const struct node *rk = node_get(record_root(a[i]), "risks");

		for (k = 0; rk != NULL && rk->kind == NODE_SEQ && k < rk->n;
		    k++)
			line += !risk_seen(st, a, i, k);
	}
	if (line > 0) {
		buf_reset(&b);
		buf_printf(&b, "今年度の監査で顕在化したリスク（監査対象で確認"
		    "した状況から、情報セキュリティ上の問題が生じるおそれがある"
		    "と判断したもの）は %zu 件である。リスクごとに、括弧内に監査"
		    "対象を示し、確認した状況の分析と対応策を記す。発生可能性と"
		    "影響度の評価は、リスク一覧のとおりである。", line);
		if ((rc = buf_ok(&b)) != 0 ||
		    (rc = docx_add_outline_body(d, b.data)) != 0)
			goto done;
	}
	line = 0;
	for (i = 0; i < n; i++) {
		const struct node *rk = node_get(record_root(a[i]), "risks");
		struct buf o = BUF_INIT;

		for (k = 0; rk != NULL && rk->kind == NODE_SEQ && k < rk->n;
		    k++) {
			if (risk_seen(st, a, i, k))
				continue;
			buf_reset(&b);
			buf_printf(&b, "%s（%s）", node_get_str(rk->u.items[k],
			    "risk"), target(&o, st, record_root(a[i]), 0));
			if ((rc = buf_ok(&b)) != 0 ||
			    (rc = docx_add_outline_heading(d, 2, b.data)) != 0)
				break;
			/*
			 * the analysis and its 対応策 one paragraph kept on a
			 * page with its heading, the 対応策 on a line of its
			 * own indented as a paragraph: as two, LibreOffice
			 * left the 対応策 alone at the top of a page and the
			 * heading's keep-with-next did not carry the chain
			 * (review9, 4(2) of the sample)
			 */
			buf_reset(&b);
			if (node_get_str(rk->u.items[k], "analysis") != NULL)
				buf_puts(&b, node_get_str(rk->u.items[k],
				    "analysis"));
			if (node_get_str(rk->u.items[k], "measure") != NULL)
				buf_printf(&b, "%s対応策：%s", b.len > 0 ?
				    "\n　" : "", node_get_str(rk->u.items[k],
				    "measure"));
			if ((rc = buf_ok(&b)) != 0 || (b.len > 0 &&
			    (rc = docx_add_outline_body_whole(d, b.data)) != 0))
				break;
			line++;
		}
		buf_free(&o);
		if (rc != 0)
			goto done;
	}
	if (line == 0 && (rc = docx_add_outline_body(d, "監査により顕在化した"
	    "リスクの記録はない。")) != 0)
		goto done;

	/* 5 今後の取組: proposals on the audit method. */
	proposals(&b, a, n, &y, st, &prev);
	if ((rc = buf_ok(&b)) != 0 ||
	    (rc = docx_add_blank(d)) != 0 ||
	    (rc = docx_add_outline_heading(d, 1, "監査の実施方法に関する改善"
	    "提案")) != 0)
		goto done;
	{
		char *p = b.data, *nl;

		for (; p != NULL && *p != '\0'; p = nl + 1) {
			if ((nl = strchr(p, '\n')) == NULL)
				break;
			*nl = '\0';
			if ((rc = docx_add_outline_body(d, p)) != 0)
				goto done;
		}
	}
	{
		struct docx_para_style right;

		memset(&right, 0, sizeof right);
		right.align = DOCX_RIGHT;
		if ((rc = docx_add_para(d, "以上", &right)) != 0)
			goto done;
	}
	rc = docx_save(d, path);
done:
	earlier_free(&prev);
	free(w);
	docx_table_free(t);
	docx_free(d);
	year_free(&y, n);
	buf_free(&b);
	buf_free(&title);
	return rc;
}

#define LIST_NCOLS	11

int
audit_doc_results_xlsx(const char *path, struct store *st,
    const struct record *const *a, size_t n, int fy, struct cal_date as_of,
    struct diags *warn)
{
	/*
	 * 監査一覧: widths for the fewest pages at the largest scale
	 * (xlsx_fit_sheet()), the audit's name broken at its spaces and
	 * before its brackets (令和8年度 / 情報セキュリティ監査 / （システム面）
	 * / 文書管理システム), never inside a word (文書管 / 理システム).
	 */
	static const struct xlsx_fit_col lc[LIST_NCOLS] = {
		{ { "No.", XLSX_COL_CENTER, 5 }, XLSX_FIT_FIXED },
		/*
		 * 令和8年度 情報セキュリティ監査 / （運用面） 戸籍住民課:
		 * two lines, not three or four beside a 是正確認未了 of
		 * one digit; the room from that heading on two lines and
		 * the 種類 at its phrase (フォローアップ / 監査)
		 */
		{ { "監査名", XLSX_COL_NAME, 32 }, XLSX_FIT_FIXED },
		{ { "種類", XLSX_COL_CENTER | XLSX_COL_NAME | XLSX_COL_PHRASE,
		    15 }, XLSX_FIT_FIXED },
		/* 総務課／文書管理システム: a line each, not broken */
		{ { "対象", 0, 0 }, XLSX_FIT_CODE },
		/* as the report's table: 予定, 未実施 on their planned day */
		/* 令和10年10月11日 whole on a line, then ～12日 */
		{ { "実施日（予定日）", XLSX_COL_CENTER | XLSX_COL_BREAK, 21 },
		    XLSX_FIT_FIXED },
		{ { "項目数", 0, 8 }, XLSX_FIT_FIXED },
		{ { "適合率", 0, 9 }, XLSX_FIT_FIXED },
		{ { "指摘", 0, 7 }, XLSX_FIT_FIXED },
		/* what audit_open_findings() counts: every finding not
		 * 是正確認済 (未是正, 是正中 and 是正済 of the 指摘事項 sheet) */
		{ { "是正確認\n未了", 0, 10 }, XLSX_FIT_FIXED },
		/*
		 * of those, the ones past their 是正期限 as of the list's
		 * day, as the 最終報告書 counts them (review17 T9)
		 */
		{ { "うち期限\n超過", 0, 10 }, XLSX_FIT_FIXED },
		{ { "状況", XLSX_COL_CENTER, 0 }, XLSX_FIT_CODE },
	};
	struct xlsx_column	 lcols[LIST_NCOLS];
	const char		**lcells = NULL;
	char			**tg = NULL, (*kinds)[96] = NULL;
	/*
	 * 指摘事項: widths from the content, the texts broken, a line more
	 * where that spares a word (令和6年度以／降, 台／数)
	 */
	static const struct xlsx_fit_col fc[] = {
		{ { "監査", 0, 34 }, XLSX_FIT_CODE },
		{ { "対象", XLSX_COL_NAME, 12 }, XLSX_FIT_TEXT },
		{ { "No.", XLSX_COL_CENTER, 5 }, XLSX_FIT_FIXED },
		{ { "項目番号", 0, 11 }, XLSX_FIT_CODE },
		/* 特定個人情報の / 取扱い, never 特定個人情 / 報の取扱い */
		{ { "章", XLSX_COL_CENTER | XLSX_COL_NAME | XLSX_COL_PHRASE,
		    8 }, XLSX_FIT_TEXT },
		{ { "指摘区分", XLSX_COL_CENTER, 9 }, XLSX_FIT_CODE },
		{ { "指摘内容", XLSX_COL_BREAK | XLSX_COL_SPARE, 40 },
		    XLSX_FIT_TEXT },
		{ { "改善の方向性", XLSX_COL_BREAK | XLSX_COL_SPARE, 36 },
		    XLSX_FIT_TEXT },
		{ { "是正期限", XLSX_COL_CENTER, 16 }, XLSX_FIT_FIXED },
		{ { "是正状況", XLSX_COL_CENTER, 11 }, XLSX_FIT_CODE },
	};
	struct xlsx_column	 cc[40], gc[6], fcols[10];
	struct grid		 g;
	struct xlsx_props	 props;
	struct xlsx		*x = NULL;
	struct xlsx_sheet	*s1, *s2, *s3, *s4;
	struct year		 y;
	struct buf		 b = BUF_INIT, b2 = BUF_INIT, b3 = BUF_INIT;
	struct buf		 names[40];
	struct buf		 snames_b[40];
	const char		*snames[40];
	unsigned		 tot[4];
	const struct node	*root, *fs, *f;
	char			 lab[CAL_FMT_MAX], key[128];
	const char		*ck;
	uint32_t		 row, first;
	uint16_t		 vals[40];
	const char		*ysname;
	char			 ytitle[96];
	int			 ysum;
	size_t			 yblank;
	size_t			 i, k, nc = 0, j, nint = 0, nnone = 0, nfu, l;
	size_t			 nfunone = 0;
	long			 tr;
	struct earlier		 prev;
	size_t			 nprev = 0, nopen, nlate, anylate = 0;
	size_t			 allf = 0, dupf = 0, duplate = 0;
	char			 (*held)[ERA_HELD_MAX] = NULL;
	char			 asof_iso[CAL_FMT_MAX], asof_era[CAL_FMT_MAX];
	int			 rc, ok, blanks;

	memset(names, 0, sizeof names);
	memset(snames_b, 0, sizeof snames_b);
	memset(snames, 0, sizeof snames);
	memset(&prev, 0, sizeof prev);
	if ((rc = year_new(&y, a, n, as_of, warn)) != 0) {
		year_free(&y, n);
		return rc;
	}
	cal_format_iso(asof_iso, sizeof asof_iso, as_of);
	if ((rc = earlier_load(&prev, st, fy, 0, asof_iso)) != 0)
		goto done;
	if (cal_fy_label(lab, sizeof lab, fy) != 0)
		snprintf(lab, sizeof lab, "%d年度", fy);
	buf_printf(&b, "%s 情報セキュリティ監査 実施結果", lab);
	memset(&props, 0, sizeof props);
	props.title = b.data;
	props.author = author(st);
	props.created = date_time(y.latest);
	if ((rc = buf_ok(&b)) != 0 || (rc = xlsx_new(&x, path, &props)) != 0)
		goto done;

	/* 監査一覧 with a chart of the rates: the texts measured first */
	if (n > 0 && ((lcells = calloc(n * LIST_NCOLS, sizeof *lcells)) ==
	    NULL || (tg = calloc(n, sizeof *tg)) == NULL ||
	    (kinds = calloc(n, sizeof *kinds)) == NULL ||
	    (held = calloc(n, sizeof *held)) == NULL)) {
		rc = error_set(NC_ENOMEM, "out of memory");
		goto done;
	}
	for (i = 0; i < n; i++) {
		struct buf	 o = BUF_INIT;
		const char	**c = lcells + i * LIST_NCOLS;

		root = record_root(a[i]);
		buf_reset(&b2);
		lines_of(&b2, target(&o, st, root, 0));
		buf_free(&o);
		if (buf_ok(&b2) != 0 || (tg[i] = strdup(b2.data)) == NULL) {
			rc = error_set(NC_ENOMEM, "out of memory");
			goto done;
		}
		c[1] = node_get_str(root, "title");
		c[2] = label(st, "type", NULL, node_get_str(root, "type"));
		/*
		 * システム面の / 監査, フォローアップ / 監査: the 種類 of
		 * seven characters a line (運用面の監査 whole) broken before
		 * its 監査 here, where the column's breaks gave システム面 /
		 * の監査
		 */
		l = strlen(c[2]);
		if (text_width(c[2], l) > 14 && l > strlen("監査") &&
		    strcmp(c[2] + l - strlen("監査"), "監査") == 0) {
			snprintf(kinds[i], sizeof kinds[i], "%.*s\n監査",
			    (int)(l - strlen("監査")), c[2]);
			c[2] = kinds[i];
		}
		c[3] = tg[i];
		c[10] = y.state[i] == EV_DONE ? label(st, "status", NULL,
		    audit_hist_audit_status(&prev.h, root, as_of)) :
		    ev_state_label(y.state[i]);
		/*
		 * 令和10年10月11日～12日 for two days, as the 作業実施計画書,
		 * on two lines before its ～
		 */
		era_held(held[i], root);
		held_lines(held[i]);
		c[4] = held[i];
	}
	xlsx_add_sheet(&s1, x, "監査一覧", XLSX_LANDSCAPE);
	/* 是正確認未了 change with time: as of the list (review17 T9) */
	era(asof_era, asof_iso);
	buf_reset(&b2);
	buf_printf(&b2, "%s現在　出典：監査記録（適合率は該当なしを除き、監査"
	    "項目ごとの重み（必須項目はその2倍）による加重平均）", asof_era);
	if ((rc = buf_ok(&b2)) != 0)
		goto done;
	xlsx_title(s1, b.data, b2.data);
	if ((rc = xlsx_fit_sheet(s1, lcols, lc, LIST_NCOLS, lcells, n, 0, 0,
	    NULL)) != 0)
		goto done;
	xlsx_table(&first, s1, lcols, LIST_NCOLS);
	row = first;
	for (i = 0; i < n; i++, row++) {
		const char	**c = lcells + i * LIST_NCOLS;

		root = record_root(a[i]);
		xlsx_write_number(s1, row, 0, (double)(i + 1), XLSX_NUM_INT);
		xlsx_write_text(s1, row, 1, c[1]);
		xlsx_write_text(s1, row, 2, c[2]);
		xlsx_write_text(s1, row, 3, c[3]);
		if (node_get_str(root, "end_date") != NULL)
			xlsx_write_text(s1, row, 4, c[4]);
		else
			write_date(s1, row, 4, node_get_str(root, "date"));
		/*
		 * As the report's 実施状況 table: 「－」 where there is no
		 * figure yet, 91.7%※ for a rate with items still to check.
		 */
		if (y.s[i].total.items > 0)
			xlsx_write_number(s1, row, 5, y.s[i].total.items,
			    XLSX_NUM_INT);
		else
			xlsx_write_text(s1, row, 5, "－");
		if (audit_tally_tenths(&tr, &y.s[i].total)) {
			xlsx_write_number(s1, row, 6, tenths_value(tr),
			    unconfirmed(&y.s[i]) > 0 ? XLSX_NUM_PCT_INTERIM :
			    XLSX_NUM_PCT);
			nint += unconfirmed(&y.s[i]) > 0;
		} else {
			xlsx_write_text(s1, row, 6, "－");
			nnone++;
			nfunone += node_get_str(root, "followup_of") != NULL;
		}
		fs = audit_findings(root);
		if (y.state[i] != EV_DONE) {
			/* 予定, 未実施: nothing of it counted */
			xlsx_write_text(s1, row, 7, "－");
			xlsx_write_text(s1, row, 8, "－");
			xlsx_write_text(s1, row, 9, "－");
		} else {
			size_t	nf = covered(&prev, root, &nopen);

			xlsx_write_number(s1, row, 7, (double)nf,
			    XLSX_NUM_INT);
			xlsx_write_number(s1, row, 8, (double)nopen,
			    XLSX_NUM_INT);
			nlate = late(&prev, root, asof_iso);
			xlsx_write_number(s1, row, 9, (double)nlate,
			    XLSX_NUM_INT);
			anylate += nlate;
			allf += nf;
			if (listed_original(a, n, root) > 0) {
				dupf += nf;
				duplate += nlate;
			}
		}
		xlsx_write_text(s1, row, 10, c[10]);
	}
	/* the marks explained under the table, as the report does */
	if (nint > 0)
		xlsx_note(s1, ++row, AUDIT_INTERIM_NOTE);
	if (nnone > nfunone)
		xlsx_note(s1, ++row, "「－」は、実施前、または項目が全て未確認で、"
		    "まだ数値のない欄である（0ではない）。");
	/* a follow-up's 「－」 is not one still to come (review8) */
	if (nfunone > 0)
		xlsx_note(s1, ++row, "フォローアップ監査は元の監査の指摘の是正を"
		    "確認するもので、監査項目と適合率はない（「－」）。");
	/*
	 * A follow-up's 指摘 are those it took over, not its original's
	 * all: 4 of 5 beside the original's row read as a miscount.
	 */
	for (i = 0, nfu = 0; i < n; i++)
		nfu += y.state[i] == EV_DONE && node_scalar_eq(node_get(
		    record_root(a[i]), "type"), "followup");
	if (anylate > 0) {
		buf_reset(&b2);
		/*
		 * no wider than the notes below it: at 88 characters it
		 * took the print area two columns past the table, 64 %
		 */
		buf_printf(&b2, "うち期限超過は、是正確認未了のうち、是正期限を"
		    "過ぎて%s時点で未是正または是正中のもの（是正済で確認待ちの"
		    "ものを除く）の数である。", asof_era);
		if ((rc = buf_ok(&b2)) != 0)
			goto done;
		xlsx_note(s1, ++row, b2.data);
	}
	if (nfu > 0)
		xlsx_note(s1, ++row, "フォローアップ監査の指摘数は、元の監査の"
		    "指摘のうち、フォローアップ監査の対象としたもの（それまでに"
		    "是正確認が済んでいなかったもの）の数である。");
	/*
	 * which audit each follow-up followed up, by its number and day:
	 * the row said 「…（フォローアップ） 収納課」 and no more (rev18b G3)
	 */
	for (i = 0; i < n; i++)
		if ((rc = followed_note(s1, &row, &prev, record_root(a[i]),
		    i + 1)) != 0)
			goto done;
	/*
	 * A follow-up's row repeats the findings of its original's row
	 * above it: the 指摘 and うち期限超過 columns added to 18 and 6
	 * where the report says 14 and 5 (rev21c T7).  Said, with the
	 * totals a reader would add up to.
	 */
	if (dupf > 0) {
		buf_reset(&b2);
		for (i = 0, k = 0; i < n; i++) {
			size_t	o = listed_original(a, n, record_root(a[i]));

			if (o == 0 || y.state[i] != EV_DONE)
				continue;
			buf_printf(&b2, "%sNo.%zu の指摘は No.%zu の", k++ > 0 ?
			    "、" : "", i + 1, o);
		}
		buf_printf(&b2, "指摘を引き継いだもので、重複を除いた"
		    "計は、指摘 %zu件、うち期限超過 %zu件である。", allf - dupf,
		    (size_t)anylate - duplate);
		if ((rc = buf_ok(&b2)) != 0 ||
		    (rc = xlsx_note(s1, ++row, b2.data)) != 0)
			goto done;
	}
	/* 章別適合率: chapters down, audits with items across. */
	cc[0].heading = "章";
	cc[0].flags = 0;
	cc[0].width = 36;	/* 2-3 情報システム全体の強靭性の向上 */
	for (i = 0, nc = 1; i < n && nc < 39; i++) {
		if (!scored(&y.s[i]))
			continue;
		{
			struct buf	 o = BUF_INIT;

			/* the heading a word a line, in a width it fits */
			buf_init(&names[nc]);
			lines_of(&names[nc], target(&o, st, record_root(a[i]),
			    0));
			buf_free(&o);
			cc[nc].heading = names[nc].data;
			/* the legend's name, marked ※ if provisional */
			buf_init(&snames_b[nc - 1]);
			buf_puts(&snames_b[nc - 1], names[nc].data);
			if (unconfirmed(&y.s[i]) > 0)
				mark_first_line(&snames_b[nc - 1]);
			snames[nc - 1] = snames_b[nc - 1].data;
			/*
			 * as wide as the name's widest line and the
			 * reader's margin, a rate (91.7%※) at least: with
			 * five more and 14 at least, 安全・安心担当課 and
			 * 都市農業課 stood over 86.7% two or three times as
			 * wide as it (review14)
			 */
			cc[nc].flags = 0;
			cc[nc].width = 10;
			if (widest_line(names[nc].data) + 3 > cc[nc].width)
				cc[nc].width = widest_line(names[nc].data) + 3;
		}
		vals[nc - 1] = (uint16_t)nc;
		nc++;
	}
	/*
	 * More than CHAPTER_AUDITS audits: a bar each made the chart a
	 * comb (A13: 10 chapters x 6 audits, 60 thin bars); a column 平均
	 * (year_chapter_rate()), the chart's one series, the audits in the
	 * table
	 */
	ysum = nc - 1 > CHAPTER_AUDITS;
	if (ysum) {
		cc[nc].heading = "平均";
		cc[nc].flags = 0;
		cc[nc].width = 10;
	}
	xlsx_add_sheet(&s2, x, "章別適合率", XLSX_LANDSCAPE);
	xlsx_title(s2, "章別の適合率", "対策基準の章（総務省ガイドラインの章立て）"
	    "ごとの適合率");
	xlsx_table(&first, s2, cc, nc + (ysum ? 1 : 0));
	row = first;
	for (k = 0; k < y.ch.n; k++, row++) {
		buf_reset(&b);
		buf_printf(&b, "%s%s%s", strcmp(y.ch.key[k], y.ch.title[k]) ?
		    y.ch.key[k] : "", strcmp(y.ch.key[k], y.ch.title[k]) ?
		    " " : "", y.ch.title[k]);
		buf_puts(&b, "");
		xlsx_write_text(s2, row, 0, b.data);
		for (i = 0, j = 1; i < n; i++) {
			if (!scored(&y.s[i]))
				continue;
			tr = chapter_rate(&y.s[i], y.ch.key[k], &ok);
			if (ok)
				xlsx_write_number(s2, row, (uint16_t)j,
				    tenths_value(tr), XLSX_NUM_PCT);
			else
				xlsx_write_blank(s2, row, (uint16_t)j);
			j++;
		}
		if (ysum && year_chapter_rate(&tr, &y, n, y.ch.key[k]))
			xlsx_write_number(s2, row, (uint16_t)nc,
			    tenths_value(tr), XLSX_NUM_PCT);
		else if (ysum)
			xlsx_write_blank(s2, row, (uint16_t)nc);
	}
	xlsx_write_text(s2, row, 0, "全体");
	for (i = 0, j = 1; i < n; i++) {
		if (!scored(&y.s[i]))
			continue;
		if (audit_tally_tenths(&tr, &y.s[i].total))
			xlsx_write_number(s2, row, (uint16_t)j,
			    tenths_value(tr), unconfirmed(&y.s[i]) > 0 ?
			    XLSX_NUM_PCT_INTERIM : XLSX_NUM_PCT);
		else
			xlsx_write_blank(s2, row, (uint16_t)j);
		j++;
	}
	if (ysum && year_chapter_rate(&tr, &y, n, NULL))
		xlsx_write_number(s2, row, (uint16_t)nc, tenths_value(tr),
		    nint > 0 ? XLSX_NUM_PCT_INTERIM : XLSX_NUM_PCT);
	/*
	 * A chapter without a rate stays blank (the chart draws no bar; a
	 * text 「－」 would be drawn as 0 %): said so under the table, with
	 * ※ as in the report.
	 */
	blanks = some_chapter_unrated(&y, n);
	if (blanks || nint > 0)
		xlsx_note(s2, ++row, blanks && nint > 0 ? "空欄は、該当する項目が"
		    "ない、または項目が全て未確認で適合率のない章である（0%ではな"
		    "い）。※は、未確認の項目がある監査の暫定の値である。" : blanks ?
		    "空欄は、該当する項目がない、または項目が全て未確認で適合率のない"
		    "章である（0%ではない）。" : "※は、未確認の項目がある監査の暫定"
		    "の値である。");
	if (ysum) {
		buf_reset(&b);
		buf_printf(&b, "平均は、%zu件の監査の適合率の単純平均である"
		    "（章別は、その章の項目がある監査の平均。グラフは平均を示す）。",
		    nc - 1);
		if ((rc = buf_ok(&b)) != 0)
			goto done;
		xlsx_note(s2, ++row, b.data);
	}
	row++;
	if (nc > 1) {
		struct xlsx_chart ch;

		memset(&ch, 0, sizeof ch);
		ch.type = XLSX_CHART_COLUMN;
		ch.title = "章別の適合率";
		/*
		 * The chart prints on pages of its own, away from the
		 * table's note: a missing bar read as 0 %, a provisional
		 * rate as final.  The value axis' title (under the
		 * horizontal bars the chapters' names make them) says both,
		 * and the legend marks the provisional audits with ※.
		 */
		/* as the table's note: no items, or all still to check */
		ch.y_title = blanks && nint > 0 ? "適合率（棒のない章は、該当する"
		    "項目がないか全て未確認の章で、0%ではない。※の監査の値は暫定）" :
		    blanks ? "適合率（棒のない章は、該当する項目がないか全て未確認"
		    "の章で、0%ではない）" : nint > 0 ? "適合率（※の監査の値は暫定）"
		    : "適合率";
		ch.names = (const char *const *)snames;
		ch.y_pct = 1;
		ch.cat_col = 0;
		ch.val_cols = vals;
		ch.nval = nc - 1;
		if (ysum) {
			/*
			 * one series, no legend: the audits marked ※ are
			 * not on the chart for its axis' title to name
			 */
			for (k = 0, yblank = 0; k < y.ch.n; k++)
				yblank += !year_chapter_rate(&tr, &y,
				    n, y.ch.key[k]);
			ch.y_title = yblank > 0 ? "適合率（棒のない章は、該当"
			    "する項目がないか全て未確認の章で、0%ではない）" :
			    "適合率";
			if (nint > 0)
				ch.y_title = yblank > 0 ? "適合率（棒のない章は、"
				    "該当する項目がないか全て未確認の章で、0%では"
				    "ない。未確認の項目がある監査の暫定の値を含む）" :
				    "適合率（未確認の項目がある監査の暫定の値を"
				    "含む）";
			snprintf(ytitle, sizeof ytitle, "章別の適合率（%zu件の"
			    "監査の平均）", nc - 1);
			ch.title = ytitle;
			ysname = nint > 0 ? "平均※" : "平均";
			ch.names = &ysname;
			vals[nc - 1] = (uint16_t)nc;
			ch.val_cols = vals + nc - 1;
			ch.nval = 1;
		}
		ch.at_row = row + 1;
		ch.at_col = 0;
		ch.width = 900;
		ch.height = 480;
		xlsx_add_chart(s2, &ch);
	}

	/* 指摘事項: every finding of the year's audits. */
	xlsx_add_sheet(&s3, x, "指摘事項", XLSX_LANDSCAPE);
	xlsx_title(s3, "指摘事項一覧", some_followup(a, n) == 1 ?
	    "運用面・システム面の監査の指摘（是正状況はフォローアップ監査の"
	    "結果を含む）" :
	    "運用面・システム面の監査の指摘");
	memset(&g, 0, sizeof g);
	g.ncols = sizeof fc / sizeof fc[0];
	for (i = 0; i < n; i++) {
		struct buf o = BUF_INIT, an = BUF_INIT;

		root = record_root(a[i]);
		if (node_scalar_eq(node_get(root, "type"), "followup"))
			continue;
		fs = audit_findings(root);
		for (k = 0; fs != NULL && k < fs->n; k++) {
			f = fs->u.items[k];
			row = (uint32_t)grid_row(&g);
			ck = finding_chapter(key, sizeof key, root, f);
			/* the kind over its date: 運用面の監査／（令和8年…） */
			buf_reset(&b2);
			lines_of(&b2, audit_name(&an, st, root, 0));
			grid_set(&g, row, 0, b2.data);
			buf_reset(&b2);
			lines_of(&b2, target(&o, st, root, 0));
			grid_set(&g, row, 1, b2.data);
			grid_set(&g, row, 2, node_get_str(f, "number"));
			/* the 監査名 says 運用面/システム面: the number */
			grid_set(&g, row, 3, item_cell(&b3, node_get_str(f,
			    "item"), audit_own_kind(root)));
			grid_set(&g, row, 4, ck);
			grid_set(&g, row, 5, label(st, "findings", "grade",
			    node_get_str(f, "grade")));
			grid_set(&g, row, 6, finding_text(root, f));
			/* not written yet: said so, as the リスク一覧 does */
			grid_set(&g, row, 7, or_unwritten(node_get_str(f,
			    "correction"), "（改善の方向性未記入）"));
			grid_set(&g, row, 8, or_unwritten(node_get_str(f,
			    "due"), "－"));
			/* as on the list's day, not as a later follow-up
			 * found it (review19 M2) */
			grid_set(&g, row, 9, label(st, "findings", "status",
			    earlier_status(&prev, root, f)));
		}
		buf_free(&o);
		buf_free(&an);
	}
	if (g.nomem)
		rc = error_set(NC_ENOMEM, "out of memory");
	else
		rc = xlsx_fit_table(fcols, fc, g.ncols, (const char *const *)
		    g.cell, g.nrows, XLSX_FIT_LANDSCAPE);
	if (rc != 0) {
		grid_free(&g);
		goto done;
	}
	xlsx_table(&first, s3, fcols, g.ncols);
	for (k = 0, row = first; k < g.nrows; k++, row++)
		for (j = 0; j < g.ncols; j++) {
			if (j == 8)
				write_date(s3, row, 8, grid_get(&g, k, j));
			else
				xlsx_write_text(s3, row, (uint16_t)j,
				    grid_get(&g, k, j));
		}
	grid_free(&g);
	/*
	 * The year's findings only: the earlier years' still open are
	 * counted and listed in the リスク一覧, said here so that a reader
	 * does not take this list for all that is left.
	 */
	if ((nprev = earlier_open(&prev)) > 0) {
		buf_reset(&b);
		buf_printf(&b, "このほか、前年度以前の監査の指摘で是正確認済に至っ"
		    "ていないものが %zu 件ある（リスク一覧に記載）。", nprev);
		if ((rc = buf_ok(&b)) != 0)
			goto done;
		xlsx_note(s3, row + 1, b.data);
	}

	/* 区分別集計 with a stacked chart. */
	gc[0] = (struct xlsx_column){ "章", 0, 36 };
	gc[1] = (struct xlsx_column){ "重大", 0, 8 };
	gc[2] = (struct xlsx_column){ "軽微", 0, 8 };
	gc[3] = (struct xlsx_column){ "観察", 0, 8 };
	gc[4] = (struct xlsx_column){ "改善提案", 0, 12 };
	gc[5] = (struct xlsx_column){ "計", 0, 8 };
	xlsx_add_sheet(&s4, x, "区分別集計", 0);
	xlsx_title(s4, "章別・区分別の指摘事項", some_followup(a, n) == 1 ?
	    "フォローアップ監査で引き継いだ指摘は重ねて数えない" :
	    some_followup(a, n) == 2 ? "フォローアップ監査が引き継いだ前年度"
	    "以前の監査の指摘は含まない" : NULL);
	xlsx_table(&first, s4, gc, 6);
	row = first;
	memset(tot, 0, sizeof tot);
	for (k = 0; k <= y.ch.n; k++) {
		unsigned sum = 0;

		for (j = 0; j < 4; j++)
			sum += y.grades[k][j];
		if (sum == 0)
			continue;
		buf_reset(&b);
		if (k < y.ch.n)
			buf_printf(&b, "%s%s%s", strcmp(y.ch.key[k],
			    y.ch.title[k]) ? y.ch.key[k] : "",
			    strcmp(y.ch.key[k], y.ch.title[k]) ? " " : "",
			    y.ch.title[k]);
		else
			buf_puts(&b, "その他");
		buf_puts(&b, "");
		xlsx_write_text(s4, row, 0, b.data);
		for (j = 0; j < 4; j++)
			xlsx_write_number(s4, row, (uint16_t)(j + 1),
			    y.grades[k][j], XLSX_NUM_INT);
		xlsx_write_number(s4, row, 5, sum, XLSX_NUM_INT);
		for (j = 0; j < 4; j++)
			tot[j] += y.grades[k][j];
		row++;
	}
	if (row > first) {
		static const uint16_t v[] = { 1, 2, 3, 4 };
		struct xlsx_chart ch;
		unsigned all = 0;

		/*
		 * The year's total under the chapters (14 = 重大3, 軽微8, ...),
		 * as an official expects of a table with a 計 column; the
		 * chart keeps to the chapters' rows.
		 */
		xlsx_write_text(s4, row, 0, "合計");
		for (j = 0; j < 4; j++) {
			xlsx_write_number(s4, row, (uint16_t)(j + 1), tot[j],
			    XLSX_NUM_INT);
			all += tot[j];
		}
		xlsx_write_number(s4, row, 5, all, XLSX_NUM_INT);

		memset(&ch, 0, sizeof ch);
		ch.type = XLSX_CHART_COLUMN_STACKED;
		ch.title = "章別・区分別の指摘件数";
		/* the unit, as the report's chart of the same counts */
		ch.y_title = "件";
		ch.first_row = first;
		ch.last_row = row - 1;
		ch.cat_col = 0;
		ch.val_cols = v;
		ch.nval = 4;
		/* 重大, 軽微, 観察, 改善提案: red down to grey */
		ch.severity = 1;
		ch.severity_red = 0;
		ch.at_row = row + 1;
		ch.at_col = 0;
		ch.height = 480;
		xlsx_add_chart(s4, &ch);
	}
	rc = xlsx_save(x);
done:
	earlier_free(&prev);
	xlsx_free(x);
	for (i = 0; tg != NULL && i < n; i++)
		free(tg[i]);
	free(tg);
	free(kinds);
	free(held);
	free(lcells);
	year_free(&y, n);
	for (i = 0; i < 40; i++) {
		buf_free(&names[i]);
		buf_free(&snames_b[i]);
	}
	buf_free(&b);
	buf_free(&b2);
	buf_free(&b3);
	return rc;
}

/* --- リスク一覧 -------------------------------------------------------- */

/* A risk's level as a score: high 3, medium 2, low 1, else 0 (未評価). */
int
audit_level_score(const char *v)
{
	if (v == NULL)
		return 0;
	if (strcmp(v, "high") == 0)
		return 3;
	if (strcmp(v, "medium") == 0)
		return 2;
	if (strcmp(v, "low") == 0)
		return 1;
	return 0;
}

#define RISKS_SCALE	0.72
#define UNRATED		"未評価"

int
audit_doc_risks(const char *path, struct store *st,
    const struct record *const *a, size_t n, int fy, struct cal_date as_of)
{
	/* widths from the content; the long texts broken by the writer */
	static const struct xlsx_fit_col cols[] = {
		{ { "No.", XLSX_COL_CENTER, 5 }, XLSX_FIT_FIXED },
		{ { "監査", 0, 20 }, XLSX_FIT_CODE },
		/* a name broken before its aside: 区立図書館 / （見本A） */
		{ { "対象", XLSX_COL_NAME, 12 }, XLSX_FIT_TEXT },
		{ { "出典", XLSX_COL_CENTER, 10 }, XLSX_FIT_CODE },
		/*
		 * the heading in two lines: on one it made the column 15
		 * units wide for 2-2 while 対象 beside it broke 税務 /
		 * システム (review13/14)
		 */
		/*
		 * a name, not running text: as wide as the heading's lines
		 * or a clause's widest piece (特定個人情報 / の取扱い), not
		 * the seven characters of a text column over 2-2 (stop 38)
		 */
		{ { "対策\n基準の\n条項", XLSX_COL_CENTER | XLSX_COL_NAME |
		    XLSX_COL_PHRASE, 8 },
		    XLSX_FIT_TEXT },
		/*
		 * at phrase ends, evenly, as 分析: 「1年以上行／われて」,
		 * 「異／動・退職」 (rev20 T1)
		 */
		{ { "リスク", XLSX_COL_NAME | XLSX_COL_PHRASE, 36 },
		    XLSX_FIT_TEXT },
		/*
		 * broken at phrases and never inside a run of kanji: a
		 * finding's 指摘区分：改善提案 stays a line (it broke 改 /
		 * 善提案 where the column was seven characters wide)
		 */
		{ { "分析", XLSX_COL_NAME | XLSX_COL_PHRASE, 40 },
		    XLSX_FIT_TEXT },
		/*
		 * as wide as 未評価, the heading over two lines: on one, it
		 * took the room of a column of 高, 中 and 未評価 twice
		 */
		{ { "発生\n可能性", XLSX_COL_CENTER, 9 }, XLSX_FIT_FIXED },
		{ { "影響度", XLSX_COL_CENTER, 8 }, XLSX_FIT_CODE },
		/* centred: right-aligned, it touched 対応策's text */
		{ { "リスク値", XLSX_COL_CENTER, 8 }, XLSX_FIT_CODE },
		{ { "対応策", XLSX_COL_NAME | XLSX_COL_PHRASE, 40 },
		    XLSX_FIT_TEXT },
	};
	struct xlsx_column	 fitted[sizeof cols / sizeof cols[0]];
	struct xlsx_props	 props;
	struct xlsx		*x = NULL;
	struct xlsx_sheet	*sh;
	struct buf		 b = BUF_INIT, o = BUF_INIT, an = BUF_INIT;
	struct buf		 t = BUF_INIT, on = BUF_INIT;
	struct grid		 g;
	const struct node	*root, *rk, *it, *fs, *f;
	const char		*latest = NULL, *dd, *l, *im, *fst;
	char			 lab[CAL_FMT_MAX], key[128], num[16];
	char			 day[CAL_FMT_MAX], asof_era[CAL_FMT_MAX];
	const char		*ck;
	uint32_t		 row, first;
	size_t			 i, k, r, c, nthis = 0;
	struct earlier		 e;
	int			 rc;

	memset(&g, 0, sizeof g);
	g.ncols = sizeof cols / sizeof cols[0];
	cal_format_iso(day, sizeof day, as_of);
	era(asof_era, day);
	/* and the earlier years' audits with findings still open */
	if ((rc = earlier_load(&e, st, fy, 0, day)) != 0)
		return rc;
	for (i = 0; i < n; i++) {
		dd = doc_date(record_root(a[i]));
		if (dd != NULL && (latest == NULL || strcmp(dd, latest) > 0))
			latest = dd;
	}
	if (cal_fy_label(lab, sizeof lab, fy) != 0)
		snprintf(lab, sizeof lab, "%d年度", fy);
	for (i = 0; i < n + e.n; i++) {
		root = record_root(i < n ? a[i] : e.all[e.idx[i - n]]);
		if (i == n)
			nthis = g.nrows;
		target(&t, st, root, 0);
		buf_reset(&o);
		lines_of(&o, t.data);
		/* the kind over its date: 運用面の監査／（令和8年7月15日） */
		buf_reset(&on);
		lines_of(&on, audit_name(&an, st, root, fy));
		/* an earlier year's risks were listed in its year */
		rk = i < n ? node_get(root, "risks") : NULL;
		for (k = 0; rk != NULL && rk->kind == NODE_SEQ && k < rk->n;
		    k++) {
			it = rk->u.items[k];
			r = grid_row(&g);
			grid_set(&g, r, 1, on.data);
			grid_set(&g, r, 2, o.data);
			/* two lines in a row of several: the room to リスク */
			grid_set(&g, r, 3, "リスク\n分析");
			grid_set(&g, r, 4, node_get_str(it, "clause"));
			grid_set(&g, r, 5, node_get_str(it, "risk"));
			grid_set(&g, r, 6, node_get_str(it, "analysis"));
			l = node_get_str(it, "likelihood");
			im = node_get_str(it, "impact");
			/* what the analysis left out says so (未評価) */
			grid_set(&g, r, 7, audit_level_score(l) ? label(st,
			    "risks", "likelihood", l) : UNRATED);
			grid_set(&g, r, 8, audit_level_score(im) ? label(st,
			    "risks", "impact", im) : UNRATED);
			if (audit_level_score(l) && audit_level_score(im)) {
				snprintf(num, sizeof num, "%d",
				    audit_level_score(l) *
				    audit_level_score(im));
				grid_set(&g, r, 9, num);
			} else
				grid_set(&g, r, 9, UNRATED);
			grid_set(&g, r, 10, or_unwritten(node_get_str(it,
			    "measure"), "（対応策未記入）"));
		}
		/* Open findings are risks not yet treated. */
		if (node_scalar_eq(node_get(root, "type"), "followup"))
			continue;
		fs = audit_findings(root);
		for (k = 0; fs != NULL && k < fs->n; k++) {
			f = fs->u.items[k];
			/* an earlier one's as its follow-up has it */
			fst = earlier_status(&e, root, f);
			if (fst != NULL && strcmp(fst, "accepted") == 0)
				continue;
			r = grid_row(&g);
			ck = finding_chapter(key, sizeof key, root, f);
			buf_reset(&b);
			buf_printf(&b, "指摘%s", node_get_str(f, "number"));
			buf_puts(&b, "");
			grid_set(&g, r, 1, on.data);
			grid_set(&g, r, 2, o.data);
			grid_set(&g, r, 3, b.data);
			grid_set(&g, r, 4, ck);
			grid_set(&g, r, 5, finding_text(root, f));
			buf_reset(&b);
			/* a line each, never "是正状況：是 / 正済" */
			buf_printf(&b, "指摘区分：%s\n是正状況：%s",
			    label(st, "findings", "grade", node_get_str(f,
			    "grade")), label(st, "findings", "status", fst));
			buf_puts(&b, "");
			grid_set(&g, r, 6, b.data);
			/*
			 * A finding is not a risk analysis: its impact is
			 * read from its grade (重大 高, else 中), its
			 * likelihood was not assessed, nor therefore its
			 * value; its measure is the correction asked for.
			 */
			grid_set(&g, r, 7, UNRATED);
			grid_set(&g, r, 8, node_scalar_eq(node_get(f,
			    "grade"), "major") ? "高" : "中");
			grid_set(&g, r, 9, UNRATED);
			grid_set(&g, r, 10, or_unwritten(node_get_str(f,
			    "correction"), "（改善の方向性未記入）"));
		}
	}
	if (g.nomem) {
		rc = error_set(NC_ENOMEM, "out of memory");
		goto done;
	}
	buf_reset(&b);
	buf_printf(&b, "%s 監査により顕在化したリスク", lab);
	memset(&props, 0, sizeof props);
	props.title = b.data;
	props.author = author(st);
	props.created = date_time(latest);
	if ((rc = buf_ok(&b)) != 0 || (rc = xlsx_new(&x, path, &props)) != 0)
		goto done;
	xlsx_add_sheet(&sh, x, "リスク一覧", XLSX_LANDSCAPE);
	/* no wider than the table: the subtitle widens the print area */
	/* why fewer findings than the audits have: the ones corrected */
	/* 是正状況 change with time: as of the export (review17 T9) */
	buf_reset(&t);
	buf_printf(&t, "%s現在　出典：監査記録のリスク分析と指摘事項（是正確認"
	    "済の指摘を除く。リスク値 = 発生可能性 × 影響度、高3・中2・"
	    "低1）", asof_era);
	if ((rc = buf_ok(&t)) != 0)
		goto done;
	xlsx_title(sh, b.data, t.data);
	/*
	 * Eleven columns of long texts: widths for the fewest pages at the
	 * largest scale (xlsx_fit_sheet()), a page below RISKS_SCALE weighing
	 * more: the sample's 2 pages at 70 %, where a page a quarter wider
	 * than the others' printed 1 at 58 % and 80 % took 4.
	 */
	if ((rc = xlsx_fit_sheet(sh, fitted, cols, g.ncols,
	    (const char *const *)g.cell, g.nrows, 0, RISKS_SCALE, NULL)) != 0)
		goto done;
	xlsx_table(&first, sh, fitted, g.ncols);
	for (r = 0, row = first; r < g.nrows; r++, row++) {
		xlsx_write_number(sh, row, 0, (double)(r + 1), XLSX_NUM_INT);
		for (c = 1; c < g.ncols; c++) {
			if (c == 9 && grid_get(&g, r, c) != NULL &&
			    strcmp(grid_get(&g, r, c), UNRATED) != 0)
				xlsx_write_number(sh, row, 9, strtod(grid_get(
				    &g, r, c), NULL), XLSX_NUM_INT);
			else
				xlsx_write_text(sh, row, (uint16_t)c,
				    grid_get(&g, r, c));
		}
	}
	/*
	 * how a finding's 影響度 comes from its 区分, under the table (in
	 * the subtitle it widened the print area: 61 %, review8)
	 */
	impact_note(&b, st);
	if ((rc = buf_ok(&b)) != 0)
		goto done;
	xlsx_note(sh, row + 1, b.data);
	/* the earlier years' findings after this year's, said so */
	if (e.n > 0 && nthis < g.nrows) {
		buf_reset(&b);
		buf_printf(&b, "No.%zu以降は、前年度以前の監査の指摘で、是正確認"
		    "済に至っていないもの。", nthis + 1);
		if ((rc = buf_ok(&b)) != 0)
			goto done;
		xlsx_note(sh, row + 2, b.data);
	}
	rc = xlsx_save(x);
done:
	earlier_free(&e);
	xlsx_free(x);
	grid_free(&g);
	buf_free(&b);
	buf_free(&o);
	buf_free(&an);
	buf_free(&on);
	buf_free(&t);
	return rc;
}
