/*
 * The security-management plan and final report (3(2)ア, 4(2)ア) as
 * PowerPoint: one model (struct report_sec) laid out twice, as the 詳細版
 * (every slide) and the 概要版 (the slides marked for it), so the two
 * cannot disagree; report_sec_check() proves it on the text.
 */
#include <ctype.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "amount.h"
#include "audit.h"
#include "buf.h"
#include "chart.h"
#include "checklist.h"
#include "error.h"
#include "incident.h"
#include "pptx.h"
#include "record.h"
#include "report.h"
#include "report_int.h"
#include "schema.h"
#include "strpool.h"
#include "textfit.h"
#include "training.h"

/* Characters of a line of note under a slide's chart (47 wrapped there). */
#define SEC_NOTE_CHARS	44

/*
 * Copies into the deck's pool, whole however long the text.  Out of
 * memory the copy is "" and s->nomem is set: report_sec_build() fails
 * once, at its end, rather than give a slide an empty line.
 */
static const char *
sec_str(struct report_sec *s, const char *t)
{
	const char	*p;

	if (t == NULL)
		t = "";
	if ((p = strpool_add(s->pool, t, strlen(t))) == NULL) {
		s->nomem = 1;
		return "";
	}
	return p;
}

static const char	*sec_fmt(struct report_sec *, const char *, ...)
			    NC_PRINTF(2, 3);

static const char *
sec_fmt(struct report_sec *s, const char *fmt, ...)
{
	struct buf	 b = BUF_INIT;
	const char	*p = "";
	va_list		 ap;

	va_start(ap, fmt);
	buf_vprintf(&b, fmt, ap);
	va_end(ap);
	if (buf_ok(&b) != 0)
		s->nomem = 1;
	else
		p = sec_str(s, b.data);
	buf_free(&b);
	return p;
}

static int
slide_new(struct report_sec *s, struct sec_slide **out, int kind,
    const char *title, int overview)
{
	struct sec_slide	*v;

	*out = NULL;	/* set on every path: callers use it after rc checks */
	if ((v = realloc(s->slides, (s->nslides + 1) * sizeof *v)) == NULL)
		return error_set(NC_ENOMEM, "out of memory");
	s->slides = v;
	v = &s->slides[s->nslides++];
	memset(v, 0, sizeof *v);
	v->kind = kind;
	v->title = sec_str(s, title);
	v->overview = overview;
	*out = v;
	return 0;
}

static int
bullet(struct report_sec *s, struct sec_slide *sl, int level,
    const char *text)
{
	struct pptx_bullet	*v;

	if ((v = realloc(sl->bullets, (sl->nbullets + 1) * sizeof *v)) == NULL)
		return error_set(NC_ENOMEM, "out of memory");
	sl->bullets = v;
	v[sl->nbullets].level = level;
	v[sl->nbullets].text = sec_str(s, text);
	sl->nbullets++;
	return 0;
}

/* A table slide: ncols headings, then cells row by row (table_cell). */
static int
table_init(struct report_sec *s, struct sec_slide *sl, size_t ncols,
    const char *const *head)
{
	size_t	i;

	sl->ncols = ncols;
	if ((sl->head = calloc(ncols, sizeof *sl->head)) == NULL)
		return error_set(NC_ENOMEM, "out of memory");
	for (i = 0; i < ncols; i++)
		sl->head[i] = sec_str(s, head[i]);
	return 0;
}

static int
table_cell(struct report_sec *s, struct sec_slide *sl, const char *text)
{
	const char	**v;
	size_t		  n = sl->nrows * sl->ncols + sl->ncell;

	if ((v = realloc(sl->cells, (n + 1) * sizeof *v)) == NULL)
		return error_set(NC_ENOMEM, "out of memory");
	sl->cells = v;
	v[n] = sec_str(s, text);
	if (++sl->ncell == sl->ncols) {
		sl->ncell = 0;
		sl->nrows++;
	}
	return 0;
}

/*
 * A deck, on the built-in template: every deck is written on it, and
 * the schedule's lines are packed to the room it gives (sched_pack()).
 */
static int
sec_deck_new(struct pptx **p, const struct pptx_props *props)
{
	return pptx_new(p, props, NULL);
}

static struct cal_date	sec_date_at(const struct report_sec *, const char *,
			    struct cal_date);
static struct cal_date	period_end(const struct training *, struct cal_date);
static const char	*strrchr_str(const char *, const char *);

/*
 * A note under a table, after the one it has (each its line): an event
 * held on another date than the 運営計画書 planned it (sec_plan_moves()),
 * 「注 経済課の監査は、運営計画書の予定（令和8年8月19日）から日程を変更
 * した。」: a reader comparing the two documents asked why 8月19日 became
 * 10月21日 (issue 18).  注, not ※: the table's ※ marks an interim rate,
 * and nothing in it referred to a second ※.
 */
static int
moved_note(struct buf *b, const char *what, struct cal_date plan,
    struct cal_date plan_end)
{
	char	era[CAL_FMT_MAX + 32];

	rp_era_period(era, plan, plan_end);
	buf_printf(b, "%s注 %sは、運営計画書の予定（%s）から日程を変更した。",
	    b->len > 0 ? "\n" : "", what, era);
	return buf_ok(b);
}

/* A count with thousands separators: 4313 -> "4,313". */
static const char *
count(char out[32], long n)
{
	amount_format(out, 32, n);
	return out;
}

/*
 * A record's title without the deck's fiscal year in front
 * ("令和8年度 新任管理職研修" -> "新任管理職研修"): the deck's title
 * says the year once; a chart's labels and a table's names then stay on
 * one line.
 */
static const char *
without_fy(const struct report_sec *s, const char *title)
{
	char		 fyl[CAL_FMT_MAX];
	size_t		 n;
	const char	*p;

	if (title == NULL || cal_fy_label(fyl, sizeof fyl, s->fy) != 0)
		return title;
	n = strlen(fyl);
	if (strncmp(title, fyl, n) != 0)
		return title;
	for (p = title + n;;) {
		if (*p == ' ')
			p++;
		else if (strncmp(p, "　", 3) == 0)
			p += 3;
		else
			break;
	}
	return *p != '\0' && p != title + n ? p : title;
}

/*
 * An audit's columns of the table 内部監査の実施結果: its kind (the title
 * without the target it ends with, "情報セキュリティ監査（運用面）") and
 * its target (the division, with the system audited: "総務課 文書管理
 * システム"); the title in the first column said the target the second
 * said again (…（運用面） 戸籍住民課 | 戸籍住民課).
 */
static void
audit_cols(struct report_sec *s, const char *title, const char *org,
    const char *sys, const char **kind, const char **target)
{
	const char	*tails[2] = { org, sys }, *t;
	size_t		 i, n, tl;

	*kind = title;
	for (i = 0; i < 2 && title != NULL; i++) {
		if ((t = tails[i]) == NULL || (tl = strlen(t)) == 0 ||
		    (n = strlen(title)) <= tl || strcmp(title + n - tl, t) != 0)
			continue;
		n -= tl;
		if (n >= 1 && title[n - 1] == ' ')
			n--;
		else if (n >= 3 && strncmp(title + n - 3, "　", 3) == 0)
			n -= 3;
		else
			continue;
		*kind = sec_fmt(s, "%.*s", (int)n, title);
		break;
	}
	if (org != NULL && sys != NULL)
		*target = sec_fmt(s, "%s %s", org, sys);
	else
		*target = org != NULL ? org : sys != NULL ? sys : "";
}

/* --- the final report's sections ----------------------------------------- */

/*
 * An event dated after the report: listed as 予定, not counted; one held
 * over a period (a training by e-learning) from d to end (y 0: none).
 */
static int
later_add(struct report_sec *s, const char *what, const char *title,
    struct cal_date d, struct cal_date end)
{
	struct sec_later	*v;

	if ((v = realloc(s->later, (s->nlater + 1) * sizeof *v)) == NULL)
		return error_set(NC_ENOMEM, "out of memory");
	s->later = v;
	v[s->nlater].what = what;
	v[s->nlater].title = sec_str(s, title);
	v[s->nlater].date = d;
	v[s->nlater].end = end;
	s->nlater++;
	return 0;
}


/*
 * The note of the chart 章別の適合率, as its value axis's title (the
 * line under the bars): 「※ 暫定の適合率を含む。特定個人情報の3章は
 * 戸籍住民課の監査1件による。」.  The chapters of one audit are named by
 * what their titles share (特定個人情報), or counted.
 */
static int
chapter_note(struct report_sec *s, struct chart *ch, int interim,
    const char *const *titles, const long *ccnt, const char *const *csrc,
    size_t nch)
{
	struct buf	 b = BUF_INIT;
	const char	*src = NULL, *first = NULL;
	size_t		 k, n1 = 0, pre = 0, j;
	int		 same = 1, rc;

	for (k = 0; k < nch; k++) {
		if (ccnt[k] != 1)
			continue;
		if (n1++ == 0) {
			src = csrc[k];
			first = titles[k];
			pre = strlen(first);
			continue;
		}
		same &= src != NULL && csrc[k] != NULL &&
		    strcmp(src, csrc[k]) == 0;
		for (j = 0; j < pre && titles[k][j] == first[j]; j++)
			;
		pre = j;
	}
	/* whole characters, without a trailing の */
	while (pre > 0 && ((unsigned char)first[pre] & 0xc0) == 0x80)
		pre--;
	if (pre >= 3 && strncmp(first + pre - 3, "の", 3) == 0)
		pre -= 3;
	if (interim)
		buf_printf(&b, "※ 暫定の適合率を含む。");
	if (n1 == 1 && src != NULL)
		buf_printf(&b, "「%s」は%sの監査1件による。", first, src);
	else if (n1 > 1 && same && pre >= 6)
		buf_printf(&b, "%.*sの%zu章は%sの監査1件による。", (int)pre,
		    first, n1, src);
	else if (n1 > 1 && same)
		buf_printf(&b, "%zu章は%sの監査1件による。", n1, src);
	else if (n1 > 1)
		buf_printf(&b, "%zu章は監査1件ずつによる。", n1);
	if ((rc = buf_ok(&b)) == 0 && b.len > 0)
		rc = chart_set_axis_titles(ch, NULL, sec_str(s, b.data));
	buf_free(&b);
	return rc;
}

/* A risk of the final report's table, with where it was rated. */
struct sec_risk {
	const struct node	*rk;
	const char		*target;
	int			 value;		/* 発生可能性 × 影響度 */
	size_t			 order;		/* audits', then risks' order */
};

/* By リスク値, the highest first; equal values in the audits' order. */
static int
risk_cmp(const void *a, const void *b)
{
	const struct sec_risk	*x = a, *y = b;

	if (x->value != y->value)
		return x->value > y->value ? -1 : 1;
	return x->order < y->order ? -1 : x->order > y->order;
}

/*
 * The table 監査のリスク分析で評価したリスク: each risk with the audit's
 * 対象 it was rated in, by リスク値 as the リスク一覧 workbook computes it
 * (高3・中2・低1, 発生可能性 × 影響度) and headed as it is.  Without the
 * 対象, 不要なアカウントの悪用 was five rows a reader could not tell apart.
 */
static int
sec_risks(struct report_sec *s, struct sec_slide **out,
    struct store *st, const struct schema *ak, struct record **v, size_t n,
    const char *counted)
{
	static const char *const rh[] = { "対象", "リスク", "発生可能性",
	    "影響度", "対策" };
	struct sec_risk		*r = NULL, *t;
	struct sec_slide	*rs;
	const struct node	*rec, *risks;
	const char		*org, *akind, *atarget, *lk, *im;
	size_t			 i, k, m = 0, cap = 0;
	int			 rc;

	for (i = 0; i < n; i++) {
		if (!counted[i])
			continue;
		rec = record_root(v[i]);
		org = node_get_str(rec, "target_org");
		audit_cols(s, without_fy(s, node_get_str(rec, "title")),
		    org != NULL ? rp_org(st, org) : NULL,
		    node_get_str(rec, "target_system"), &akind, &atarget);
		risks = node_get(rec, "risks");
		for (k = 0; risks != NULL && risks->kind == NODE_SEQ &&
		    k < risks->n; k++) {
			if (m == cap) {
				cap = cap == 0 ? 16 : 2 * cap;
				if ((t = reallocarray(r, cap, sizeof *r)) ==
				    NULL) {
					rc = error_set(NC_ENOMEM,
					    "out of memory");
					goto done;
				}
				r = t;
			}
			r[m].rk = risks->u.items[k];
			r[m].target = atarget;
			r[m].value = audit_level_score(node_get_str(
			    r[m].rk, "likelihood")) *
			    audit_level_score(node_get_str(r[m].rk, "impact"));
			r[m].order = m;
			m++;
		}
	}
	if (m > 0)
		qsort(r, m, sizeof *r, risk_cmp);
	if ((rc = slide_new(s, &rs, 1, "監査のリスク分析で評価したリスク",
	    0)) != 0 || (rc = table_init(s, rs, 5, rh)) != 0)
		goto done;
	for (i = 0; i < m; i++) {
		lk = node_get_str(r[i].rk, "likelihood");
		im = node_get_str(r[i].rk, "impact");
		table_cell(s, rs, r[i].target);
		table_cell(s, rs, node_get_str(r[i].rk, "risk"));
		table_cell(s, rs, lk != NULL ? schema_label(ak,
		    "risks.likelihood", lk) : "");
		table_cell(s, rs, im != NULL ? schema_label(ak,
		    "risks.impact", im) : "");
		if ((rc = table_cell(s, rs, node_get_str(r[i].rk,
		    "measure"))) != 0)
			goto done;
	}
	*out = rs;
done:
	free(r);
	return rc;
}

static int
sec_audits(struct report_sec *s, struct store *st)
{
	static const char *const head[] = { "監査", "実施日", "対象",
	    "状況", "適合率" };
	struct record		**v = NULL;
	const struct node	*rec, *risks, *rk;
	struct audit_score	 sc;
	struct sec_slide	*sl, *ov, *tb, *rs = NULL;
	struct chart		*ch = NULL;
	long			 csum[64], ccnt[64], tenths, sum_t = 0;
	const char		*csrc[64];	/* a chapter's first audit */
	struct buf		 note = BUF_INIT, named = BUF_INIT;
	struct buf		 moved = BUF_INIT;
	size_t			 nint = 0;
	const char		*last = NULL;
	/*
	 * A chapter's key is its category where its items have no clause:
	 * a line of up to 200 characters, kept whole (cut to 16 bytes, two
	 * categories sharing their first five characters were one chapter).
	 */
	const char		*keys[64], *titles[64];
	char			 line[512], p[32], era[CAL_FMT_MAX], ong[64];
	const char		*type, *status, *org;
	size_t			 n = 0, i, k, nch = 0, held = 0, nrisk = 0, nhigh = 0;
	size_t			 ongoing = 0, nnot = 0, nlater = 0;
	char			 nots[64], lat[128], *counted = NULL;
	const struct schema	*ak;
	size_t			 nrated = 0, nmid = 0, nlow = 0;
	/* the findings of the audits held (重大, 軽微, 観察, 改善提案) */
	static const char *const grades[] = { "major", "minor", "observation",
	    "suggestion" };
	size_t			 ngrade[4] = { 0 }, nfind = 0, nlate = 0;
	size_t			 nwait = 0, nall = 0;
	struct record		**all = NULL;
	struct audit_hist	 hist;
	char			 asof[CAL_FMT_MAX];
	char			 mean[32];
	struct cal_date		 d, pd, none = { 0, 0, 0 };
	int			 rc;

	size_t			 iov, itb;

	memset(&hist, 0, sizeof hist);
	if ((rc = store_kind(&ak, st, "audit")) != 0 ||
	    (rc = audit_load_year(&v, &n, st, s->fy, NULL)) != 0)
		return rc;
	/*
	 * Every audit's findings, for their state on the report's date:
	 * a follow-up after it has confirmed nothing yet (review19 M2)
	 */
	if ((rc = audit_load_findings(&all, &nall, st, 0, NULL)) != 0 ||
	    (rc = audit_hist_init(&hist, all, nall)) != 0)
		goto done;
	if ((counted = calloc(n + 1, 1)) == NULL) {
		rc = error_set(NC_ENOMEM, "out of memory");
		goto done;
	}
	if ((rc = slide_new(s, &ov, 0, "内部監査（3(2)エ）", 1)) != 0)
		goto done;
	ov->section = 1;
	iov = s->nslides - 1;
	if ((rc = slide_new(s, &tb, 1, "内部監査の実施結果", 0)) != 0 ||
	    (rc = table_init(s, tb, 5, head)) != 0)
		goto done;
	itb = s->nslides - 1;
	for (i = 0; i < n; i++) {
		enum ev_state	 when;
		const char	*title, *akind, *atarget;
		int		 interim;

		rec = record_root(v[i]);
		type = node_get_str(rec, "type");
		status = node_get_str(rec, "status");
		if (type == NULL || status == NULL ||
		    rp_date(&d, rec, "date") != 0)
			continue;
		/* its 状況 as of the report's date: reported later, agreed */
		status = audit_hist_audit_status(&hist, rec, s->as_of);
		title = without_fy(s, node_get_str(rec, "title"));
		org = node_get_str(rec, "target_org");
		audit_cols(s, title, org != NULL ? rp_org(st, org) : NULL,
		    node_get_str(rec, "target_system"), &akind, &atarget);
		rp_era(era, d);
		when = ev_state(d, strcmp(status, "planned") != 0, 0, s->as_of);
		pd = sec_date_at(s, node_get_str(rec, "id"), d);
		if (when != EV_SCHEDULED && cal_cmp(pd, d) != 0 &&
		    (rc = moved_note(&moved, sec_fmt(s, "%sの監査",
		    atarget), pd, none)) != 0)
			goto done;
		if (when == EV_SCHEDULED) {
			if ((rc = later_add(s, "監査", title, d,
			    none)) != 0)
				goto done;
			nlater++;
			continue;
		}
		if (when == EV_NOT_HELD) {
			/* dated before the report, still planned: said so */
			ev_warn_not_held(&s->warns, "audit",
			    node_get_str(rec, "title"), d, s->as_of);
			table_cell(s, tb, akind);
			table_cell(s, tb, era);
			table_cell(s, tb, atarget);
			table_cell(s, tb, ev_state_label(when));
			if ((rc = table_cell(s, tb, "―")) != 0)
				goto done;
			nnot++;
			continue;
		}
		held++;
		/*
		 * Its findings, as the 実施結果報告書 counts them: those of
		 * the audits proper (a follow-up carries them again), late
		 * where the 是正期限 is past and not 是正確認済.
		 */
		if (strcmp(type, "followup") != 0) {
			const struct node *fs = audit_findings(rec);
			size_t j, g;

			cal_format_iso(asof, sizeof asof, s->as_of);
			for (j = 0; fs != NULL && j < fs->n; j++) {
				const struct node *f = fs->u.items[j];
				const char *gr = node_get_str(f, "grade");

				nfind++;
				for (g = 0; gr != NULL && g < 4; g++)
					ngrade[g] += strcmp(gr, grades[g]) == 0;
				/* late: past due and not corrected */
				nlate += audit_hist_late(&hist, rec, f, asof);
				nwait += strcmp(audit_hist_status(&hist, rec,
				    f, asof), "corrected") == 0;
			}
		}
		/* held but not finished: the table and the summary say so */
		ongoing += strcmp(status, "in-progress") == 0;
		p[0] = '\0';
		interim = 0;
		if (audit_score(&sc, audit_items(rec)) == 0) {
			/*
			 * Each audit's rate as its report prints it; one with
			 * items not checked yet is interim, its 状況 marked ※
			 * and the audit named under the table.  The mark is
			 * not beside the figure (91.7%※, as the Word reports
			 * have it): in the slide's right-aligned column it
			 * pushed that rate a character left of the others.
			 * 状況 is text, set left, where a mark moves nothing,
			 * and it is what makes the rate interim (実施中, items
			 * left to check).
			 */
			if (audit_tally_tenths(&tenths, &sc.total)) {
				unsigned unconf = sc.total.count[AUDIT_UNCHECKED]
				    + sc.total.count[AUDIT_NONE];

				audit_tenths_text(p, sizeof p, tenths, 1);
				sum_t += tenths;
				nrated++;
				if (unconf > 0) {
					const char *sys = node_get_str(rec,
					    "target_system");

					interim = 1;
					/* 総務課 文書管理システム, as Word */
					buf_printf(&note, "%s%s%s%s：%u項目",
					    nint ? "、" : "", org != NULL ?
					    rp_org(st, org) : "", org != NULL &&
					    sys != NULL ? " " : "", sys != NULL ?
					    sys : "", unconf);
					/* the 概要版's note names them too */
					if (last != NULL)
						buf_printf(&named, "%s%s",
						    nint > 1 ? "、" : "", last);
					last = sec_fmt(s, "%s%s%s",
					    org != NULL ? rp_org(st, org) : "",
					    org != NULL && sys != NULL ? " " :
					    "", sys != NULL ? sys : "");
					nint++;
				}
			}
			for (k = 0; k < sc.nchapters; k++) {
				size_t j;
				long ct;

				for (j = 0; j < nch; j++)
					if (strcmp(keys[j], sc.chapters[k].key)
					    == 0)
						break;
				if (j == nch) {
					if (nch == 64)
						continue;
					keys[j] = sec_str(s,
					    sc.chapters[k].key);
					if (strcmp(sc.chapters[k].key,
					    sc.chapters[k].title) == 0)
						titles[j] = sec_str(s,
						    sc.chapters[k].title);
					else
						titles[j] = sec_fmt(s,
						    "%s %s",
						    sc.chapters[k].key,
						    sc.chapters[k].title);
					csum[j] = ccnt[j] = 0;
					nch++;
				}
				/* a chapter's rate: the mean of the audits' */
				if (audit_tally_tenths(&ct, &sc.chapters[k])) {
					csum[j] += ct;
					if (ccnt[j]++ == 0)
						csrc[j] = atarget;
				}
			}
			audit_score_free(&sc);
		}
		error_clear();
		table_cell(s, tb, akind);
		table_cell(s, tb, era);
		table_cell(s, tb, atarget);
		table_cell(s, tb, interim ? sec_fmt(s, "%s※",
		    schema_label(ak, "status", status)) : schema_label(ak,
		    "status", status));
		if ((rc = table_cell(s, tb, p[0] ? p : "―")) != 0)
			goto done;
		counted[i] = 1;
		risks = node_get(rec, "risks");
		for (k = 0; risks != NULL && risks->kind == NODE_SEQ &&
		    k < risks->n; k++) {
			const char *lk;

			rk = risks->u.items[k];
			lk = node_get_str(rk, "likelihood");
			nrisk++;
			nhigh += lk != NULL && strcmp(lk, "high") == 0;
			nmid += lk != NULL && strcmp(lk, "medium") == 0;
			nlow += lk != NULL && strcmp(lk, "low") == 0;
		}
	}
	/* held and finished, held and in progress: each its count */
	snprintf(ong, sizeof ong, "、実施中 %zu件", ongoing);
	snprintf(nots, sizeof nots, "、未実施 %zu件", nnot);
	/*
	 * 予定 and why: an audit dated after the deck is, whatever its
	 * record says now (ev_state(), the rule of the 実施結果報告書 too).
	 * The 実施結果報告書 of 3月31日 gives the follow-up of 1月20日 as
	 * 実施中, and the deck of 11月27日 counted it 予定 with no word of
	 * why.
	 */
	snprintf(lat, sizeof lat, "、今後の予定 %zu件（作成日より後）", nlater);
	s->aud_done = held - ongoing;
	s->aud_ongoing = ongoing;
	/*
	 * The overall rate and each chapter's are the simple mean of the
	 * audits' rates (each audit weighs the same), as the 実施結果報告書
	 * averages them (「2-6 技術的セキュリティ」の適合率が平均 88.4%), each
	 * mean rounded half up once from the rates in tenths: a reader
	 * checks the overall one against the table.  Summing every audit's
	 * item points instead gave 2-6 89.9% beside the Word report's 88.4%.
	 * The risks are those the audits brought to light, each rated for
	 * how likely it is to happen: "顕在化したリスク（うち発生可能性が
	 * 高いもの）" read as risks that had happened and yet were unlikely.
	 */
	/*
	 * Under the heading 内部監査（3(2)エ）, not after it again (■内部
	 * 監査・内部監査 実施済 …)
	 */
	snprintf(line, sizeof line, "実施済 %zu件%s%s%s",
	    held - ongoing, ongoing > 0 ? ong : "", nnot > 0 ? nots : "",
	    nlater > 0 ? lat : "");
	if ((rc = bullet(s, &s->slides[iov], 1, line)) != 0)
		goto done;
	if (nrated > 0)
		audit_tenths_text(mean, sizeof mean, (2 * sum_t +
		    (long)nrated) / (2 * (long)nrated), 1);
	else
		snprintf(mean, sizeof mean, "―");
	snprintf(line, sizeof line, "適合率（全体）%s%s", mean, nint > 0 ?
	    "※" : "");
	if ((rc = bullet(s, &s->slides[iov], 1, line)) != 0)
		goto done;
	/*
	 * a chapter's rate is the mean over the audits that have items of
	 * it (3 or 4 of 5 for some, 1 for 特定個人情報): "the same" read as
	 * all five
	 */
	/*
	 * the audits counted above, said so: the 概要版 has no table of
	 * them, and "5件の監査" named five it never listed
	 */
	snprintf(line, sizeof line, "%s%zu件の%s適合率の単純平均（章別は、その章"
	    "の項目がある監査の平均）", nrated != held ? "" : ongoing == 0 ?
	    "実施済の" : held == ongoing ? "実施中の" : "実施済・実施中の",
	    nrated, nrated != held ? "監査の" : "");
	if ((rc = bullet(s, &s->slides[iov], 2, line)) != 0)
		goto done;
	/*
	 * The audits named: the 概要版 has no table of them for the mark
	 * to refer to (総務課 文書管理システムおよび清掃事務所（見本Ａ）).
	 */
	if (nint > 0) {
		if (nint > 1)
			buf_printf(&named, "および");
		buf_printf(&named, "%s", last);
		if ((rc = buf_ok(&named)) != 0)
			goto done;
		/* every audit named, however many (line[] cut the list) */
		if ((rc = bullet(s, &s->slides[iov], 2, sec_fmt(s,
		    "※ %sの監査は未確認の項目があり、その暫定の適合率を含む",
		    named.data))) != 0)
			goto done;
	}
	if (nint > 0) {
		buf_printf(&note, "が未確認）の適合率は、確認を終えた項目による"
		    "暫定の値である。");
		if ((rc = buf_ok(&note)) != 0)
			goto done;
		s->slides[itb].note = sec_fmt(s, "※ 未確認の項目がある監査"
		    "（%s", note.data);
	}
	if (moved.len > 0)
		s->slides[itb].note = s->slides[itb].note != NULL ?
		    sec_fmt(s, "%s\n%s", s->slides[itb].note,
		    moved.data) : sec_str(s, moved.data);
	/*
	 * The findings and those past their 是正期限, as the 実施結果報告書
	 * gives them: the risks alone (2件, 高 0件) read as an audit year
	 * with nothing to correct.
	 */
	if (nfind > 0) {
		struct buf	 gb = BUF_INIT;
		size_t		 g;

		for (g = 0; g < 4; g++)
			if (ngrade[g] > 0)
				buf_printf(&gb, "%s%s %zu件", gb.len ? "、" : "",
				    schema_label(ak, "findings.grade", grades[g]),
				    ngrade[g]);
		if ((rc = buf_ok(&gb)) != 0) {
			buf_free(&gb);
			goto done;
		}
		snprintf(line, sizeof line, "指摘事項 %zu件（%s）", nfind,
		    gb.data);
		buf_free(&gb);
		if ((rc = bullet(s, &s->slides[iov], 1, line)) != 0)
			goto done;
		/*
		 * late: past due and not corrected; those corrected, the
		 * follow-up to confirm them still to come, on the same line
		 * (review19 rev19b M4: 60 late of which 31 were 是正済)
		 */
		line[0] = '\0';
		if (nlate > 0)
			snprintf(line, sizeof line, "うち是正期限を過ぎて是正"
			    "されていないもの %zu件", nlate);
		if (nwait > 0)
			snprintf(line + strlen(line), sizeof line -
			    strlen(line), "%s是正済で確認待ちのもの %zu件",
			    nlate > 0 ? "、" : "うち", nwait);
		if (line[0] != '\0' && (rc = bullet(s, &s->slides[iov], 2,
		    line)) != 0)
			goto done;
	}
	/*
	 * And those of earlier years' audits still open, as the 監査実施
	 * 結果 集計表 counts them under its list (リスク一覧 lists them):
	 * the year's report was silent on 168, the larger open risk.
	 */
	s->aud_late = nlate;
	cal_format_iso(asof, sizeof asof, s->as_of);
	s->aud_earlier = audit_earlier_open(&hist, s->fy, asof);
	if (s->aud_earlier > 0 && (rc = bullet(s, &s->slides[iov],
	    nfind > 0 ? 2 : 1, sec_fmt(s, "%s前年度以前の監査の指摘で是正の確認を"
	    "終えていないもの %zu件（リスク一覧に記載）", nfind > 0 ?
	    "このほか、" : "", s->aud_earlier))) != 0)
		goto done;
	/*
	 * The risks the audits' analyses rated are the 詳細版's slide of
	 * them, under a title that counts them: on the 概要 beside the
	 * findings they pushed a line onto a slide of its own.
	 */
	/* compliance by chapter */
	if (nch > 0) {
		double vals[64];

		if ((rc = chart_new(&ch, CHART_BAR, "章別の適合率")) != 0)
			goto done;
		for (k = 0; k < nch; k++) {
			const char *sp = strchr(titles[k], ' ');

			chart_category(ch, titles[k]);
			vals[k] = ccnt[k] > 0 ? (double)((2 * csum[k] +
			    ccnt[k]) / (2 * ccnt[k])) / 1000 : NAN;
			s->ch_title[k] = sec_str(s, sp != NULL ? sp + 1 :
			    titles[k]);
			s->ch_rate[k] = vals[k];
		}
		s->nch = nch;
		chart_series(ch, "適合率", vals, nch);
		chart_set_format(ch, CHART_PERCENT);
		chart_set_labels(ch, 1);
		/*
		 * What the bars rest on, under them (where a table has its
		 * note): the chart stood alone with interim rates in it and
		 * three 特定個人情報 chapters from one audit (戸籍住民課).
		 */
		if ((rc = chapter_note(s, ch, nint > 0, titles, ccnt, csrc,
		    nch)) != 0)
			goto done;
		if ((rc = chart_check(ch)) != 0 ||
		    (rc = slide_new(s, &sl, 2, "章別の適合率", 1)) != 0)
			goto done;
		sl->chart = ch;
		ch = NULL;
	}
	/*
	 * The risks the audits' analyses rated, named so: 監査で明らかに
	 * なったリスク 2件 read beside the ward's 監査により顕在化したリスク
	 * workbook, which lists the findings too (14).
	 */
	if (nrisk > 0) {
		if ((rc = sec_risks(s, &rs, st, ak, v, n,
		    counted)) != 0)
			goto done;
		/* counted under the table, as the 概要 counted them */
		rs->note = sec_fmt(s, "評価したリスク %zu件"
		    "（発生可能性 高 %zu件、中 %zu件、低 %zu件）、リスク値"
		    "（発生可能性 × 影響度、高3・中2・低1）の高い順。指摘事項は"
		    "概要に示す。", nrisk, nhigh, nmid, nlow);
	}
done:
	buf_free(&note);
	buf_free(&named);
	buf_free(&moved);
	chart_free(ch);
	free(counted);
	audit_free_all(v, n);
	audit_hist_free(&hist);
	audit_free_all(all, nall);
	return rc;
}

/*
 * The 部 without a submission, under the chart 部別の平均得点 on lines
 * of their own (SEC_NOTE_CHARS): each name whole, where the chart's
 * reader wrapped 土木部 after 土木.
 */
static int
missing_note(struct report_sec *s, struct chart *ch, const char *names)
{
	char	*w;
	int	 rc;

	if ((w = textfit_wrap(sec_fmt(s, "未提出の部：%s", names),
	    SEC_NOTE_CHARS * 100)) == NULL)
		return error_set(NC_ENOMEM, "out of memory");
	rc = chart_set_axis_titles(ch, NULL, w);
	free(w);
	return rc;
}

static int
sec_checklists(struct report_sec *s, struct store *st)
{
	struct ck_stats		*cs = NULL;
	struct sec_slide	*ov, *sl;
	struct chart		*ch = NULL;
	struct buf		 missing = BUF_INIT;
	double			*now = NULL, *prev = NULL;
	char			 line[512], a[32], b[32], c[32], *label;
	char			 fyl[CAL_FMT_MAX], pfyl[CAL_FMT_MAX];
	size_t			 i, nd;
	int			 rc;

	if ((rc = ck_aggregate(&cs, st, CK_DEPARTMENT, s->fy, NULL)) != 0) {
		/* no item set or no submissions: said so, not an error */
		error_clear();
		if ((rc = slide_new(s, &ov, 0, "所属点検（3(2)ウ）", 1)) != 0)
			return rc;
		ov->section = 1;
		return bullet(s, ov, 1, "所属点検の集計結果はありません");
	}
	/*
	 * The year's aggregate has no date to stop at: a submission after
	 * the report's date is counted, and said so.
	 */
	if (cs->last_submitted != NULL) {
		char	iso[CAL_FMT_MAX];

		cal_format_iso(iso, sizeof iso, s->as_of);
		if (strncmp(cs->last_submitted, iso, 10) > 0)
			diags_add(&s->warns, NULL, 0, 0, "the department checks "
			    "counted include submissions after the report's "
			    "date %s (the last on %.10s): date the report "
			    "after them", iso, cs->last_submitted);
	}
	/*
	 * Two rates a reader cannot confuse: the divisions that submitted,
	 * and the items their answers say are implemented (the figure of
	 * the 部別 chart), said what it is measured over.
	 */
	snprintf(line, sizeof line, "提出 %zu課／%zu課（提出率 %s）、"
	    "点検項目の実施率 %s（前年度 %s", cs->nsubmitted, cs->ndiv,
	    rp_rate(c, (double)cs->nsubmitted, (double)cs->ndiv),
	    rp_pct(a, cs->rate), rp_pct(b, cs->prev_rate));
	/*
	 * A year with new items (No.47, 50) rates more items than the last:
	 * its rate over the items both years have (ck_same_rate(), those
	 * the Word report compares, 前年度と同じ項目（48項目）) beside last
	 * year's, for 80.2% against 75.3% was not like for like; said to be
	 * this year's (「前年度と同じ47項目では75.0%」 read as last year's
	 * figure), the figure the workbook's 分類別 note gives.
	 */
	{
		size_t	nsame;
		double	same = ck_same_rate_shown(cs, &nsame);

		if (!isnan(same))
			snprintf(line + strlen(line), sizeof line -
			    strlen(line), "。前年度と同じ%zu項目に限ると今年度 %s",
			    nsame, rp_pct(a, same));
	}
	snprintf(line + strlen(line), sizeof line - strlen(line), "）");
	if ((rc = slide_new(s, &ov, 0, "所属点検（3(2)ウ）", 1)) != 0 ||
	    (ov->section = 1) == 0 ||
	    (rc = bullet(s, ov, 1, line)) != 0 ||
	    (rc = bullet(s, ov, 2, "点検項目の実施率：提出した課の回答のうち"
	    "実施済の項目の割合（一部実施は半分、該当なしは除く）")) != 0 ||
	    /* defined where it is charted: the 詳細版 alone */
	    (s->final && cs->ndepts > 0 && (rc = bullet(s, ov, 2 +
	    SEC_DETAIL_ONLY, "部別の平均得点：部の提出した課の得点（100点満点）"
	    "の平均")) != 0))
		goto done;
	if (cs->ndepts == 0)
		goto done;
	if ((now = calloc(cs->ndepts, sizeof *now)) == NULL ||
	    (prev = calloc(cs->ndepts, sizeof *prev)) == NULL) {
		rc = error_set(NC_ENOMEM, "out of memory");
		goto done;
	}
	/*
	 * By department, what the 所属点検 report charts: each 部's mean
	 * of its divisions' scores (100点満点), not the items' rate above,
	 * titled so; a 部 without a division in the organisation list (a
	 * 事務局 of one office) has nothing to submit and no row, as in
	 * the Word report: the rows are the 部 whose 課 the 93 counts.
	 */
	if ((rc = chart_new(&ch, CHART_BAR, "部別の平均得点（前年度比較）"))
	    != 0)
		goto done;
	for (i = 0, nd = 0; i < cs->ndepts; i++) {
		if (cs->depts[i].ndiv == 0)
			continue;
		/*
		 * A department without a bar is named under the chart, not
		 * given an empty row: with 19 of 93 課 submitting, 12 rows
		 * of 「○○部（未提出）」 filled two slides with no bars.
		 */
		if (cs->depts[i].nsubmitted == 0) {
			buf_printf(&missing, "%s%s", missing.len > 0 ? "、" :
			    "", cs->depts[i].name);
			continue;
		}
		/*
		 * a bar of some of the 部's 課 says so: 議会事務局's 62.9点
		 * is 議事課's alone (議会総務課 未提出), as the workbook's
		 * chart names it
		 */
		if ((label = ck_dept_label(&cs->depts[i])) == NULL) {
			rc = error_set(NC_ENOMEM, "out of memory");
			goto done;
		}
		chart_category(ch, label);
		free(label);
		now[nd] = cs->depts[i].score;
		prev[nd] = cs->depts[i].prev;
		if (s->ndept < 64 && cs->depts[i].nsubmitted > 0) {
			s->dept_name[s->ndept] = sec_str(s,
			    cs->depts[i].name);
			s->dept_nsub[s->ndept] = cs->depts[i].nsubmitted;
			s->dept_ndiv[s->ndept] = cs->depts[i].ndiv;
			s->dept_mean[s->ndept++] = now[nd];
		}
		nd++;
	}
	/* the years by name, as the ward's documents label them */
	if (cal_fy_label(fyl, sizeof fyl, s->fy) != 0 ||
	    cal_fy_label(pfyl, sizeof pfyl, s->fy - 1) != 0) {
		rc = error_code();
		goto done;
	}
	/*
	 * The earlier year first, as the 所属点検 report and its workbook
	 * chart them: the same colour for the same year in both documents.
	 */
	if (cs->has_prev)
		chart_series(ch, pfyl, prev, nd);
	chart_series(ch, fyl, now, nd);
	chart_set_format(ch, CHART_PLAIN);
	if ((rc = buf_ok(&missing)) != 0 || (missing.len > 0 &&
	    (rc = missing_note(s, ch, missing.data)) != 0))
		goto done;
	chart_set_numfmt(ch, "0", "0.0\\点");
	/*
	 * The scores as labels (one decimal): horizontal bars, as many to a
	 * slide as have a line each, carry them legibly.
	 */
	chart_set_labels(ch, 1);
	if (nd == 0)
		goto done;
	if ((rc = chart_check(ch)) != 0 ||
	    (rc = slide_new(s, &sl, 2, "部別の平均得点（前年度比較）", 0)) != 0)
		goto done;
	sl->chart = ch;
	ch = NULL;
	s->dept_score = nd > 0;
done:
	buf_free(&missing);
	chart_free(ch);
	free(now);
	free(prev);
	ck_stats_free(cs);
	return rc;
}

static int
sec_trainings(struct report_sec *s, struct store *st)
{
	static const char *const head[] = { "研修", "実施日", "対象者数",
	    "受講者数", "受講率" };
	struct tr_list		 l;
	struct sec_slide	*ov, *tb, *sl;
	struct chart		*ch = NULL;
	double			*vals = NULL;
	char			 line[512], buf[64], era[CAL_FMT_MAX + 32];
	size_t			 i, held = 0, nnot = 0, nlater = 0, nrun = 0;
	long			 att = 0, tgt = 0;
	int			 partial = 0;
	struct buf		 moved = BUF_INIT;
	struct cal_date		 pd, runend = { 0, 0, 0 };
	int			 rc;

	if ((rc = tr_list_load(&l, st, s->fy, TR_LOAD_HEADS, NULL)) != 0)
		return rc;
	size_t			 iov;

	if ((rc = slide_new(s, &ov, 0, "研修（3(2)イ）", 1)) != 0)
		goto done;
	ov->section = 1;
	iov = s->nslides - 1;
	if ((rc = slide_new(s, &tb, 1, "研修の実施状況", 0)) != 0 ||
	    (rc = table_init(s, tb, 5, head)) != 0)
		goto done;
	if ((vals = calloc(l.n + 1, sizeof *vals)) == NULL ||
	    (rc = chart_new(&ch, CHART_BAR, "研修別の受講者数")) != 0) {
		rc = rc ? rc : error_set(NC_ENOMEM, "out of memory");
		goto done;
	}
	for (i = 0; i < l.n; i++) {
		const struct training *t = l.v[i];

		enum ev_state	 when;

		if (t->kind == NULL || strcmp(t->kind, "security") != 0 ||
		    t->status == NULL || t->date.y == 0)
			continue;
		when = ev_state(t->date, strcmp(t->status, "held") == 0 ||
		    strcmp(t->status, "reported") == 0,
		    strcmp(t->status, "cancelled") == 0, s->as_of);
		if (when == EV_CANCELLED)
			continue;
		if (when == EV_SCHEDULED) {
			/* a period as the table of those held gives it */
			if ((rc = later_add(s, "研修", without_fy(s, t->title),
			    t->date, t->end_date)) != 0)
				goto done;
			nlater++;
			continue;
		}
		/* held over a period: the period, as the plan gave it */
		rp_era_period(era, t->date, t->end_date);
		pd = sec_date_at(s, t->id, t->date);
		if (cal_cmp(pd, t->date) != 0 && (rc = moved_note(&moved,
		    without_fy(s, t->title), pd, period_end(t, pd))) != 0)
			goto done;
		/*
		 * Begun by the report's date but running past it (研修 by
		 * e-learning, 3月6日～31日): its attendance did not exist
		 * on that date.  The 最終報告書 of 3月9日 gave its final
		 * 1,246人 and counted them in the 延べ and the chart.
		 */
		if (when == EV_DONE && t->end_date.y != 0 &&
		    cal_cmp(t->end_date, s->as_of) > 0) {
			table_cell(s, tb, without_fy(s, t->title));
			table_cell(s, tb, era);
			table_cell(s, tb, t->target >= 0 ? count(buf,
			    t->target) : "―");
			table_cell(s, tb, "実施中");
			if ((rc = table_cell(s, tb, "―")) != 0)
				goto done;
			if (nrun++ == 0)
				runend = t->end_date;
			else if (cal_cmp(runend, t->end_date) != 0)
				runend.y = 0;	/* ends differ: not named */
			continue;
		}
		if (when == EV_NOT_HELD) {
			ev_warn_not_held(&s->warns, "training", t->title,
			    t->date, s->as_of);
			table_cell(s, tb, without_fy(s, t->title));
			table_cell(s, tb, era);
			table_cell(s, tb, t->target >= 0 ? count(buf,
			    t->target) : "―");
			table_cell(s, tb, ev_state_label(when));
			if ((rc = table_cell(s, tb, "―")) != 0)
				goto done;
			nnot++;
			continue;
		}
		table_cell(s, tb, without_fy(s, t->title));
		table_cell(s, tb, era);
		table_cell(s, tb, t->target >= 0 ? count(buf, t->target) : "―");
		table_cell(s, tb, t->attended >= 0 ? count(buf, t->attended) :
		    "―");
		if (t->target > 0 && t->attended >= 0)
			rp_rate(buf, (double)t->attended, (double)t->target);
		else
			snprintf(buf, sizeof buf, "―");
		if ((rc = table_cell(s, tb, buf)) != 0)
			goto done;
		chart_category(ch, without_fy(s, t->title));
		vals[held++] = t->attended >= 0 ? (double)t->attended : NAN;
		if (t->attended > 0)
			att += t->attended;
		if (t->target > 0 && t->attended >= 0)
			tgt += t->target;
		else
			partial = 1;
	}
	/*
	 * The table's 計, the figure the 概要 gives: a reader checks 4,313
	 * against the rows.  A person in two sessions (担当者研修 第1回 and
	 * 第2回) is counted in each, so the 計 is 延べ and says so.
	 */
	if (held > 1) {
		table_cell(s, tb, "計（延べ人数）");
		table_cell(s, tb, "");
		table_cell(s, tb, partial ? "―" : count(buf, tgt));
		table_cell(s, tb, count(buf, att));
		if (!partial && tgt > 0)
			rp_rate(buf, (double)att, (double)tgt);
		else
			snprintf(buf, sizeof buf, "―");
		if ((rc = table_cell(s, tb, buf)) != 0)
			goto done;
	}
	snprintf(line, sizeof line, "情報セキュリティ研修 %zu回、受講者 延べ%s人",
	    held, count(buf, att));
	if (nnot > 0)
		snprintf(line + strlen(line), sizeof line - strlen(line),
		    "、未実施 %zu回", nnot);
	if (nlater > 0)
		snprintf(line + strlen(line), sizeof line - strlen(line),
		    "、今後の予定 %zu回", nlater);
	/*
	 * what the figures leave out: 実施中 beside the other counts (the
	 * line stays one line on the 概要), why under the table.  Neither
	 * the 対象者数 of a training still running nor of one not held is
	 * in the 計 (the 受講率 is of those held): the note said only the
	 * 受講者数, and 4,620 read as short of the rows by 1,400.
	 */
	if (nrun > 0)
		snprintf(line + strlen(line), sizeof line - strlen(line),
		    "、実施中 %zu回", nrun);
	if (held > 1 && (nrun > 0 || nnot > 0)) {
		if (runend.y != 0)
			rp_era(era, runend);
		buf_printf(&moved, "%s注 ", moved.len > 0 ? "\n" : "");
		if (nrun > 0)
			buf_printf(&moved, "実施中の研修%s%s%s",
			    runend.y != 0 ? "（" : "", runend.y != 0 ? era : "",
			    runend.y != 0 ? "まで）" : "");
		buf_printf(&moved, "%s%sは、対象者数・受講者数とも計に含まない。",
		    nrun > 0 && nnot > 0 ? "及び" : "", nnot > 0 ?
		    "未実施の研修" : "");
		if ((rc = buf_ok(&moved)) != 0)
			goto done;
	}
	if ((rc = bullet(s, &s->slides[iov], 1, line)) != 0)
		goto done;
	if (moved.len > 0)
		tb->note = sec_str(s, moved.data);
	if (held > 0) {
		chart_series(ch, "受講者数", vals, held);
		chart_set_format(ch, CHART_COUNT);
		chart_set_labels(ch, 1);
		if ((rc = chart_check(ch)) != 0 ||
		    (rc = slide_new(s, &sl, 2, "研修別の受講者数", 1)) != 0)
			goto done;
		sl->chart = ch;
		ch = NULL;
	}
done:
	buf_free(&moved);
	chart_free(ch);
	free(vals);
	tr_list_free(&l);
	return rc;
}

/*
 * The clauses of s (cut[] their ends, n + 1 of them) packed greedily
 * into lines of at most limit (a clause wider goes alone), into out
 * with a line feed at each line end when out is not NULL.  Returns the
 * number of lines.
 */
static size_t
clause_lines(struct buf *out, const char *s, const char *const *cut,
    size_t n, unsigned limit)
{
	struct buf	 line = BUF_INIT;
	const char	*from = s, *start = s;
	size_t		 i, lines = 1;

	for (i = 0; i <= n; i++) {
		buf_reset(&line);
		buf_add(&line, start, (size_t)(cut[i] - start));
		if (buf_ok(&line) == 0 && from != start &&
		    textfit_width(line.data) > limit) {
			/* the line ends before clause i */
			if (out != NULL) {
				buf_add(out, start, (size_t)(from - start));
				buf_putc(out, '\n');
			}
			start = from;
			lines++;
		}
		from = cut[i];
	}
	if (out != NULL)
		buf_add(out, start, (size_t)(from - start));
	buf_free(&line);
	return lines;
}

/*
 * s with its lines broken after 、 or 。 only, each line at most width
 * (textfit's hundredths, at TEXTFIT_ROOM) where its clauses allow, on
 * the fewest lines and those as even as they can be: a centred caption
 * that its reader wrapped broke 個人情／報, inside a word.  NULL when out
 * of memory; free the result.
 */
static char *
clause_wrap(const char *s, unsigned width)
{
	struct buf	 b = BUF_INIT;
	const char	*cut[64], *p;
	size_t		 n = 0, lines;
	unsigned	 room = width * TEXTFIT_ROOM / 100, limit;

	/* the clauses' ends, after 、 or 。 (the text's end the last) */
	for (p = s; *p != '\0' && n < 63; p++)
		if ((strncmp(p, "、", 3) == 0 || strncmp(p, "。", 3) == 0) &&
		    p[3] != '\0')
			cut[n++] = p + 3;
	cut[n] = s + strlen(s);
	/* the narrowest limit that keeps the fewest lines: even lines */
	lines = clause_lines(NULL, s, cut, n, room);
	for (limit = room; limit > 100 &&
	    clause_lines(NULL, s, cut, n, limit - 100) == lines; limit -= 100)
		;
	(void)clause_lines(&b, s, cut, n, limit);
	if (buf_ok(&b) != 0 || b.data == NULL) {
		buf_free(&b);
		return NULL;
	}
	return buf_detach(&b, NULL);
}

/*
 * The caption of the chart 事故等の分類別件数 into b, a sentence each:
 * 「29件のうち 重大 4件・高 5件。終結していないもの 3件（報告受理 1件、
 * 対応中 1件、再発防止策の確認中 1件）。個人情報を含むもの 11件。」;
 * nothing when there is nothing to say.
 */
static int
incident_caption(struct buf *b, const struct schema *kind, size_t total,
    const size_t nsev[2], const size_t nsts[4], size_t npi)
{
	static const char *const sev[] = { "critical", "high" };
	static const char *const sts[] = { "reported", "responding",
	    "recovering", "prevention" };
	size_t	k, nopen = 0, any = 0, head;
	int	rc;

	buf_printf(b, "%zu件のうち ", total);
	head = b->len;
	for (k = 0; k < 2; k++)
		if (nsev[k] > 0)
			buf_printf(b, "%s%s %zu件", any++ ? "・" :
			    "", schema_label(kind, "severity", sev[k]), nsev[k]);
	if (any > 0)
		buf_puts(b, "。");
	for (k = 0; k < 4; k++)
		nopen += nsts[k];
	if (nopen > 0) {
		buf_printf(b, "終結していないもの %zu件（", nopen);
		for (k = 0, any = 0; k < 4; k++)
			if (nsts[k] > 0)
				buf_printf(b, "%s%s %zu件", any++ ? "、" : "",
				    schema_label(kind, "status", sts[k]),
				    nsts[k]);
		buf_puts(b, "）。");
	}
	if (npi > 0)
		buf_printf(b, "個人情報を含むもの %zu件。", npi);
	if ((rc = buf_ok(b)) == 0 && b->len == head)
		buf_reset(b);
	return rc;
}

static int
sec_incidents(struct report_sec *s, struct store *st)
{
	const struct schema	*kind, *cat;
	struct reclist		 l = RECLIST_INIT;
	struct record		*r;
	struct sec_slide	*ov, *sl;
	struct chart		*ch = NULL;
	static const char *const want[] = { "category", "reported",
	    "discovered", "occurred", "severity", "status", "personal_info",
	    "closed", "timeline", "prevention", "isolation" };
	/* the severities that weigh, the states not 終結 (counted) */
	static const char *const sev[] = { "critical", "high" };
	static const char *const sts[] = { "reported", "responding",
	    "recovering", "prevention" };
	size_t			 nsev[2] = { 0 }, nsts[4] = { 0 }, npi = 0;
	struct buf		 sub = BUF_INIT;
	struct cal_date		 d;
	double			 n[32];
	const char		*c, *v;
	char			 line[512];
	size_t			 i, k, ncat = 0, total = 0;
	int			 rc;

	memset(n, 0, sizeof n);
	if ((rc = store_kind(&kind, st, "incident")) != 0 ||
	    (rc = store_scan(&l, st, kind, s->fy, NULL)) != 0)
		goto done;
	cat = schema_at(kind, "category");
	while (cat != NULL && ncat < 32 && schema_enum_at(cat, ncat) != NULL)
		ncat++;
	for (i = 0; i < l.n; i++) {
		if ((rc = record_load_fields(&r, st, &l.v[i], NULL, want,
		    sizeof want / sizeof want[0])) != 0)
			goto done;
		/* known to the team by the report's date */
		if ((rp_date(&d, record_root(r), "reported") == 0 ||
		    rp_date(&d, record_root(r), "discovered") == 0 ||
		    rp_date(&d, record_root(r), "occurred") == 0) &&
		    cal_cmp(d, s->as_of) > 0) {
			record_free(r);
			continue;
		}
		c = node_get_str(record_root(r), "category");
		for (k = 0; c != NULL && k < ncat; k++)
			if (strcmp(schema_enum_at(cat, k), c) == 0)
				n[k]++;
		/* grave and open as of the report's date, not today */
		v = incident_severity_on(record_root(r), s->as_of);
		for (k = 0; v != NULL && k < 2; k++)
			nsev[k] += strcmp(v, sev[k]) == 0;
		v = incident_status_on(record_root(r), s->as_of);
		for (k = 0; v != NULL && k < 4; k++)
			nsts[k] += strcmp(v, sts[k]) == 0;
		npi += node_scalar_eq(node_get(record_root(r),
		    "personal_info"), "true");
		total++;
		record_free(r);
	}
	for (k = 0; k < ncat; k++) {
		s->inc_label[k] = schema_label(kind, "category",
		    schema_enum_at(cat, k));
		s->inc_n[k] = n[k];
	}
	s->ninc = ncat;
	/* under the heading 事故等への対応, not after it again */
	snprintf(line, sizeof line, "事故等 %zu件", total);
	if ((rc = slide_new(s, &ov, 0, "事故等への対応（3(2)オ）", 1)) != 0 ||
	    (ov->section = 1) == 0 ||
	    (rc = bullet(s, ov, 1, line)) != 0)
		goto done;
	if (total == 0)
		goto done;
	if ((rc = chart_new(&ch, CHART_BAR, "事故等の分類別件数")) != 0)
		goto done;
	for (k = 0; k < ncat; k++) {
		v = schema_enum_at(cat, k);
		chart_category(ch, schema_label(kind, "category", v));
	}
	chart_series(ch, "件数", n, ncat);
	chart_set_format(ch, CHART_COUNT);
	chart_set_labels(ch, 1);
	/*
	 * Under the bars (the value axis's title, as 章別の適合率 has its
	 * note), what the categories do not say: how grave, how many still
	 * open and in which state, how many with personal data, as the
	 * 事故等 statistics give them, a sentence each: the states had
	 * followed the severities after 「重大度」 as if they were some.
	 */
	if ((rc = incident_caption(&sub, kind, total, nsev, nsts, npi)) != 0)
		goto done;
	if (sub.len > 0) {
		char	*w;

		if ((w = clause_wrap(sub.data, SEC_NOTE_CHARS * 100)) == NULL) {
			rc = error_set(NC_ENOMEM, "out of memory");
			goto done;
		}
		rc = chart_set_axis_titles(ch, NULL, sec_str(s, w));
		free(w);
		if (rc != 0)
			goto done;
	}
	if ((rc = chart_check(ch)) != 0 ||
	    (rc = slide_new(s, &sl, 2, "事故等の分類別件数", 1)) != 0)
		goto done;
	sl->chart = ch;
	ch = NULL;
done:
	buf_free(&sub);
	chart_free(ch);
	reclist_free(&l);
	return rc;
}

/*
 * What the year still holds after the report's date, by date: the
 * reader sees it is to come, and it is in no count above.
 */
static int
later_cmp(const void *a, const void *b)
{
	const struct sec_later	*x = a, *y = b;
	int			 c;

	if ((c = cal_cmp(x->date, y->date)) != 0)
		return c;
	return strcmp(x->title, y->title);
}

static int
sec_later(struct report_sec *s)
{
	static const char *const head[] = { "区分", "件名", "予定日" };
	struct sec_slide	*sl;
	struct cal_date		 next;
	char			 era[CAL_FMT_MAX + 32], title[128];
	size_t			 i;
	int			 rc;

	if (s->nlater == 0)
		return 0;
	qsort(s->later, s->nlater, sizeof *s->later, later_cmp);
	next = cal_add_days(s->as_of, 1);
	rp_era(era, next);
	snprintf(title, sizeof title, "今後の予定（%s以降）", era);
	if ((rc = slide_new(s, &sl, 1, title, 0)) != 0 ||
	    (rc = table_init(s, sl, 3, head)) != 0)
		return rc;
	/*
	 * why a follow-up the 実施結果報告書 of 3月31日 gives as 実施中 is
	 * here: the deck counts as of its date (ev_state())
	 */
	rp_era(era, s->as_of);
	sl->note = sec_fmt(s, "予定日が作成日（%s）より後のもので、概要の"
	    "件数・適合率に含まない。", era);
	for (i = 0; i < s->nlater; i++) {
		rp_era_period(era, s->later[i].date, s->later[i].end);
		table_cell(s, sl, s->later[i].what);
		table_cell(s, sl, s->later[i].title);
		if ((rc = table_cell(s, sl, era)) != 0)
			return rc;
	}
	return 0;
}

/*
 * The work plan as it stood at the deck's date: the highest version
 * dated on or before it, and the moves of every later version undone
 * (a record a later version moved is shown on its date before the
 * first such move).  The 運営計画書 of 5月8日 showed 経済課's audit in
 * 10月, where 第2版 of 6月30日 put it.
 */
static int
sec_plan_at(struct report_sec *s, struct store *st)
{
	struct plan_rec		*v = NULL;
	struct sec_move		*mv;
	size_t			 i, j, k, n = 0;
	int			 rc;

	/* the records as the 作業実施計画書 reads them (plan_load()) */
	if ((rc = plan_load(&v, &n, s->pool, st, s->fy)) != 0) {
		if (rc != NC_ENOTFOUND)
			return rc;
		error_clear();
		return 0;
	}
	/* by version: the first later version's move is the one undone */
	for (i = 0; i < n; i++) {
		if (v[i].date.y == 0)
			continue;
		if (cal_cmp(v[i].date, s->as_of) <= 0) {
			s->plan_version = v[i].version;
			continue;
		}
		for (j = 0; j < v[i].nmoves; j++) {
			for (k = 0; k < s->nmoves; k++)
				if (strcmp(s->moves[k].id, v[i].moves[j].id) ==
				    0)
					break;
			if (k < s->nmoves)
				continue;
			if ((mv = realloc(s->moves, (s->nmoves + 1) *
			    sizeof *mv)) == NULL) {
				rc = error_set(NC_ENOMEM, "out of memory");
				goto done;
			}
			s->moves = mv;
			mv[s->nmoves].id = v[i].moves[j].id;
			mv[s->nmoves++].date = v[i].moves[j].from;
		}
	}
done:
	plan_free(v, n);
	return rc;
}

/* A record's date as the plan at the deck's date had it. */
static struct cal_date
sec_date_at(const struct report_sec *s, const char *id, struct cal_date d)
{
	size_t	i;

	for (i = 0; id != NULL && i < s->nmoves; i++)
		if (strcmp(s->moves[i].id, id) == 0)
			return s->moves[i].date;
	return d;
}

/*
 * The bytes of title's base, before its first （ (not one it starts
 * with).  Measured, not copied: a title is up to 200 characters, and a
 * copy into 256 bytes cut it.
 */
static size_t
base_len(const char *title)
{
	const char	*p;

	if ((p = strstr(title, "（")) != NULL && p != title)
		return (size_t)(p - title);
	return strlen(title);
}

/* strstr() of the first n bytes of base: where they are in cell, or NULL. */
static const char *
find_base(const char *cell, const char *base, size_t n)
{
	for (; *cell != '\0'; cell++)
		if (strncmp(cell, base, n) == 0)
			return cell;
	return n == 0 ? cell : NULL;
}

/*
 * An authored item of cell (the items are split by 、) naming the
 * training of base (its first n bytes) the short way: 新規採用職員研修
 * for 新規採用職員向け情報セキュリティ研修 -- the item's words before its
 * 研修, then 向け, and the base ends in 研修.  Where the item is, *len its
 * bytes up to its 研修's end (a day already after it is kept); or NULL.
 * The 運営計画書 listed 4月's two trainings twice, as the record's item
 * and as the training rows.
 */
static const char *
find_short(const char *cell, const char *base, size_t n, size_t *len)
{
	const size_t	 kl = strlen("研修"), ml = strlen("向け");
	const char	*p = cell, *e, *k;

	if (n <= kl || strncmp(base + n - kl, "研修", kl) != 0)
		return NULL;
	for (;;) {
		if ((e = strstr(p, "、")) == NULL)
			e = p + strlen(p);
		/* the item's 研修: at its end, or before its （ */
		for (k = p; k + kl <= e; k++)
			if (strncmp(k, "研修", kl) == 0 && (k + kl == e ||
			    strncmp(k + kl, "（", strlen("（")) == 0))
				break;
		if (k + kl <= e && k > p && (size_t)(k - p) + ml + kl <= n &&
		    strncmp(base, p, (size_t)(k - p)) == 0 &&
		    strncmp(base + (k - p), "向け", ml) == 0) {
			*len = (size_t)(k - p) + kl;
			return p;
		}
		if (*e == '\0')
			return NULL;
		p = e + strlen("、");
	}
}

/*
 * Where the authored items of a month name a training, *len the bytes
 * of the name: its title without the year and without a trailing （…）
 * (新規採用職員研修 for 新規採用職員研修（情報セキュリティ）, 情報
 * セキュリティ担当者研修 for its 第1回), or that base the short way
 * (find_short()).
 */
static const char *
find_named(const char *cell, const char *title, size_t *len)
{
	const char	*p;

	*len = base_len(title);
	if (cell == NULL)
		return NULL;
	if ((p = find_base(cell, title, *len)) != NULL)
		return p;
	return find_short(cell, title, *len, len);
}

/* Whether the authored items of a month already name a training. */
static int
named_in(const char *cell, const char *title)
{
	size_t	n;

	return find_named(cell, title, &n) != NULL;
}

/*
 * The day d after the first mention in cell of title's base (named_in()):
 * 情報セキュリティ担当者研修 becomes 情報セキュリティ担当者研修（10日）, a
 * second session's day joins the first's (10日・24日).  The slides said
 * 6月 情報セキュリティ担当者研修 for two sessions, and no day.
 */
static int
day_after(struct buf *cell, const char *title, const char *day)
{
	struct buf	 out = BUF_INIT;
	const char	*p, *q;
	size_t		 at, n;
	int		 rc;

	if ((p = find_named(cell->data, title, &n)) == NULL)
		return 0;
	at = (size_t)(p - cell->data) + n;
	buf_add(&out, cell->data, at);
	q = cell->data + at;
	if (strncmp(q, "（", strlen("（")) == 0 &&
	    (p = strstr(q, "日）")) != NULL && strstr(q, "、") != p &&
	    (strstr(q, "、") == NULL || strstr(q, "、") > p)) {
		/* （10日） so far: （10日・24日） */
		buf_add(&out, q, (size_t)(p - q) + strlen("日"));
		buf_printf(&out, "・%s", day);
		buf_puts(&out, p + strlen("日"));
	} else {
		buf_printf(&out, "（%s）", day);
		buf_puts(&out, q);
	}
	if ((rc = buf_ok(&out)) == 0) {
		buf_reset(cell);
		buf_puts(cell, out.data);
		rc = buf_ok(cell);
	}
	buf_free(&out);
	return rc;
}

/*
 * An authored item of cell that is wholly the name of the training of
 * title (find_named(): 新規採用職員研修 for 新規採用職員向け情報セキュ
 * リティ研修), taken out with its 、: the training's own entry, named
 * by its title and in the order of the days, says it.  4月 read
 * 「新規採用職員研修（16日）、新任管理職研修（9日）」, the later day first
 * and short names beside every other month's titles.  *out: 0 none
 * taken out, 1 one naming the title's base, 2 one naming it the short
 * way.
 */
static int
drop_named(struct buf *cell, const char *title, int *out)
{
	struct buf	 t = BUF_INIT;
	const char	*p, *e;
	size_t		 n, sl = strlen("、");
	int		 rc, how;

	*out = 0;
	if (cell->len == 0 || (p = find_named(cell->data, title, &n)) == NULL)
		return 0;
	e = p + n;
	if ((p != cell->data && (p - cell->data < (ptrdiff_t)sl ||
	    strncmp(p - sl, "、", sl) != 0)) ||
	    (*e != '\0' && strncmp(e, "、", sl) != 0))
		return 0;
	how = strncmp(p, title, n) == 0 && n == base_len(title) ? 1 : 2;
	/* the item and the 、 after it, or before it when it is the last */
	if (*e != '\0')
		e += sl;
	else if (p != cell->data)
		p -= sl;
	buf_add(&t, cell->data, (size_t)(p - cell->data));
	buf_puts(&t, e);
	if ((rc = buf_ok(&t)) == 0) {
		buf_reset(cell);
		if (t.len > 0)
			buf_add(cell, t.data, t.len);
		rc = buf_ok(cell);
		*out = how;
	}
	buf_free(&t);
	return rc;
}

/*
 * A day or a period as the 作業実施計画書's 実施スケジュール writes it
 * (plan_schedule()): 3日, 3日～28日, 3日～9月2日, 18日～1月12日.  The
 * deck gave a training held over a period (e-learning) its first day
 * alone.
 */
static void
period_days(char *out, size_t size, struct cal_date d, struct cal_date end)
{
	char	tail[RP_PERIOD_END];

	rp_sched_end(tail, d, end);
	snprintf(out, size, "%d日%s", d.d, tail);
}

/*
 * The last day of a training held over a period, on the plan's date d
 * for it (sec_date_at()): a plan that moved its first day moved the
 * whole period, which keeps its length.  y == 0: a single day.
 */
static struct cal_date
period_end(const struct training *t, struct cal_date d)
{
	struct cal_date	none = { 0, 0, 0 };

	if (t->end_date.y == 0 || t->date.y == 0 ||
	    cal_cmp(t->end_date, t->date) <= 0)
		return none;
	return cal_add_days(d, cal_days(t->end_date) - cal_days(t->date));
}

/*
 * The plan's 年間スケジュール: the authored items of each month, then the
 * year's security trainings and audits from their records (each named,
 * with its day) on the dates the plan had at the deck's date, months in
 * the fiscal year's order -- a training or audit the goals count (9区分
 * の研修, 運用面5組織、システム面1システム) is in the schedule though the
 * authored list forgot it; a training the authored items name already
 * is not said twice.  Items of a day go the one ending first first, and
 * audits of one kind in a month share its name (情報セキュリティ監査
 * （運用面） 経済課（19日）、区立図書館（見本A）（26日）): the 8月 of
 * 令和8年度 took four lines of the slide, or three broken inside its
 * items, where it now takes three broken between them (issue 18).
 */
struct sched_ent {
	struct cal_date	 date;
	struct cal_date	 end;		/* the last day, or the first */
	size_t		 seq;		/* in the order added */
	size_t		 head;		/* bytes of text naming the kind */
	const char	*text;
	/*
	 * A training's title and its day, apart: the sessions of one
	 * training in a month (情報セキュリティ担当者研修（第1回）, （第2回）)
	 * are one item with their days, 情報セキュリティ担当者研修（10日・
	 * 24日）.  NULL for an audit.
	 */
	const char	*title;
	const char	*day;
};

static int
sched_cmp(const void *a, const void *b)
{
	const struct sched_ent	*x = a, *y = b;
	int			 c;

	if ((c = cal_cmp(x->date, y->date)) != 0 ||
	    (c = cal_cmp(x->end, y->end)) != 0)
		return c;
	/*
	 * Items of one day and period by name, as the 詳細版's 実施計画
	 * orders its rows (plan_row_cmp()): 8月 listed the two 保育園
	 * trainings one way on one slide and the other way on the next.
	 */
	if ((c = strcmp(x->text, y->text)) != 0)
		return c;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

static int
sched_add(struct report_sec *s, struct sched_ent **v, size_t *n,
    struct cal_date d, struct cal_date end, const char *title, size_t head,
    const char *training)
{
	struct sched_ent	*e;
	char			 day[64];

	if ((e = realloc(*v, (*n + 1) * sizeof *e)) == NULL)
		return error_set(NC_ENOMEM, "out of memory");
	*v = e;
	period_days(day, sizeof day, d, end);
	e[*n].date = d;
	e[*n].end = end.y != 0 ? end : d;
	e[*n].seq = *n;
	/* an audit's kind, the bytes of title before the space and 組織 */
	e[*n].head = head;
	e[*n].title = training != NULL ? sec_str(s, training) : NULL;
	e[*n].day = sec_str(s, day);
	/* whole: a title is up to 200 characters (text[256] cut it) */
	e[(*n)++].text = sec_fmt(s, "%s（%s）", title, day);
	return 0;
}

/*
 * Whether entries x and y are sessions of one training in one month:
 * titles that differ, the same base before their （ (base_len()).
 */
static int
sched_sessions(const struct sched_ent *x, const struct sched_ent *y)
{
	size_t	n;

	if (x->title == NULL || y->title == NULL || x->date.m != y->date.m ||
	    strcmp(x->title, y->title) == 0 ||
	    (n = base_len(x->title)) != base_len(y->title) ||
	    n == strlen(x->title))
		return 0;
	return strncmp(x->title, y->title, n) == 0;
}

/*
 * The 詳細版's 実施計画: each training and audit of the schedule a row,
 * by the date the plan had, with what it covers, who is responsible and
 * what it delivers, from its record (the 概要版 has the months only).
 * The 詳細版 had been the 概要版 with the PDCA table alone added.
 */
struct plan_row {
	struct cal_date	 date;
	const char	*cells[5];
};

/* A schedule's title, naming the plan's version when there is one. */
static void
plan_title(char *title, size_t size, const char *what, long version)
{
	if (version > 0)
		snprintf(title, size, "%s（作業実施計画書 第%ld版）", what,
		    version);
	else
		snprintf(title, size, "%s", what);
}

static int
plan_row_cmp(const void *a, const void *b)
{
	const struct plan_row	*x = a, *y = b;
	int			 c;

	if ((c = cal_cmp(x->date, y->date)) != 0)
		return c;
	return strcmp(x->cells[1], y->cells[1]);
}

static int
plan_row_add(struct report_sec *s, struct plan_row **v, size_t *n,
    struct cal_date d, struct cal_date end, const char *title,
    const char *what, const char *who, const char *makes)
{
	struct plan_row	*e;
	char		 era[CAL_FMT_MAX + 32];

	if ((e = realloc(*v, (*n + 1) * sizeof *e)) == NULL)
		return error_set(NC_ENOMEM, "out of memory");
	*v = e;
	e += (*n)++;
	/* a period: 令和8年8月3日～28日, 令和8年8月3日～9月2日 */
	rp_era_period(era, d, end);
	e->date = d;
	e->cells[0] = sec_str(s, era);
	e->cells[1] = sec_str(s, title);
	e->cells[2] = sec_str(s, what);
	e->cells[3] = sec_str(s, who);
	e->cells[4] = sec_str(s, makes);
	return 0;
}

/*
 * The 課 that runs the survey of a training whose row lists a 研修実施
 * 報告書 and neither a test nor a survey of ours (人材育成課 for the new
 * hires), or NULL: the report is of that survey (rp_training_reports()),
 * and the row said 研修教材、研修実施報告書 beside a 作業実施計画書 that
 * makes one only of a training with a test or a survey.
 */
static const char *
plan_survey_by(const struct training *t)
{
	if (!rp_training_reports(t) || t->makes_test || t->makes_survey)
		return NULL;
	return t->survey_org;
}

/* A training's row: its audience's number, its 主管課, what it makes. */
static int
plan_training(struct report_sec *s, struct store *st, struct plan_row **v,
    size_t *n, struct cal_date d, const struct training *t)
{
	char	what[64], makes[128], c[32];
	int	reports;

	what[0] = makes[0] = '\0';
	if (t->target >= 0)
		snprintf(what, sizeof what, "対象者 %s人", rp_count(c,
		    t->target));
	/*
	 * The 研修実施報告書 only where the 作業実施計画書 gives one, by its
	 * rule (rp_training_reports()): a training without a survey or a
	 * test makes none (3(2)イ), and the deck had listed one for all.
	 */
	reports = rp_training_reports(t);
	snprintf(makes, sizeof makes, "%s%s%s%s%s%s%s",
	    t->makes_material ? "研修教材" : "", t->makes_material &&
	    (t->makes_test || t->makes_survey || reports) ? "、" : "",
	    t->makes_test ? "理解度テスト" : "", t->makes_test &&
	    (t->makes_survey || reports) ? "、" : "",
	    t->makes_survey ? "アンケート" : "", t->makes_survey && reports ?
	    "、" : "", reports ? plan_survey_by(t) != NULL ?
	    "研修実施報告書※" : "研修実施報告書" : "");
	if (makes[0] == '\0')
		snprintf(makes, sizeof makes, "―");
	return plan_row_add(s, v, n, d, period_end(t, d),
	    without_fy(s, t->title), what, t->org != NULL ? rp_org(st,
	    t->org) : "", makes);
}

/*
 * The last day of an audit held over several days (end_date), on the
 * plan's date d for it, as period_end() does a training's: the deck
 * showed 7/30–31's audit as 戸籍住民課（30日） (rev20 T5), where the
 * 作業実施計画書 and the 監査一覧 say 30日～31日.  y == 0: a single day.
 */
static struct cal_date
audit_period_end(const struct node *rec, struct cal_date d)
{
	struct cal_date	none = { 0, 0, 0 }, a, e;

	if (rp_date(&a, rec, "date") != 0 || rp_date(&e, rec, "end_date") !=
	    0 || cal_cmp(e, a) <= 0)
		return none;
	return cal_add_days(d, cal_days(e) - cal_days(a));
}

/* An audit's row: its target, its 主任監査員 (the note says so), its
 * report. */
static int
plan_audit(struct report_sec *s, struct store *st, struct plan_row **v,
    size_t *n, struct cal_date d, const struct node *rec)
{
	const char	*org = node_get_str(rec, "target_org");
	const char	*sys = node_get_str(rec, "target_system");
	const char	*chief = node_get_str(rec, "chief_auditor");
	const char	*type = node_get_str(rec, "type");
	const char	*on = org != NULL ? rp_org(st, org) : NULL;
	const char	*title, *what;
	size_t		 tl, sl, keep;

	/*
	 * The title without the target it ends with, which the next column
	 * says: 情報セキュリティ監査（運用面）｜戸籍住民課, not both.  Its
	 * bytes measured, not copied: a title, 課 and system are lines of up
	 * to 200 characters each, and title[256], what[256] cut them.
	 */
	if ((title = without_fy(s, node_get_str(rec, "title"))) == NULL)
		title = "";
	keep = tl = strlen(title);
	if ((sys != NULL && (sl = strlen(sys)) < tl &&
	    strcmp(title + tl - sl, sys) == 0) || (on != NULL && (sl =
	    strlen(on)) < tl && strcmp(title + tl - sl, on) == 0)) {
		keep = tl - sl;
		while (keep > 0 && title[keep - 1] == ' ')
			keep--;
	}
	/*
	 * 成果物 by the names of 仕様書 4(2)エ and the 作業実施計画書 6, not
	 * 「監査報告書」, a document the specification has none of (rev21c
	 * T3); a follow-up's フォローアップ監査に係る質疑応答書 as 質疑応答書
	 * beside its 件名 フォローアップ監査: in full, on three lines, it
	 * put the 詳細版's 実施計画 on three slides.  課 and system a line
	 * each, each kept whole: the narrow 対象 column broke 「情報政策課
	 * 介護／保険システム」 inside the name
	 */
	what = sec_fmt(s, "%s%s%s", org != NULL ? rp_org(st, org) :
	    "", org != NULL && sys != NULL ? "\n" : "", sys != NULL ? sys : "");
	return plan_row_add(s, v, n, d, audit_period_end(rec, d),
	    sec_fmt(s, "%.*s", (int)keep, title), what, chief != NULL ?
	    audit_member_name(st, chief) : "", type != NULL &&
	    strcmp(type, "followup") == 0 ? "監査調書、質疑応答書" :
	    "監査調書、監査結果概要報告書");
}

/*
 * Whether an authored item of month m names an audit a record of the
 * year holds in that month on the plan's date: 「内部監査（運用面）の
 * 開始」 in 7月, where the record's 「情報セキュリティ監査（運用面） 戸籍
 * 住民課（15日）」 follows it; the row named the one audit twice, by two
 * names.  The item's kind in parentheses (（運用面）) picks the audits.
 */
static int
audit_named(const struct report_sec *s, const char *item,
    struct record **v, size_t n, int m)
{
	const char	*o, *c, *t;
	struct cal_date	 d;
	size_t		 i, klen;

	/* the kind however long (kind[64] missed one of 21 characters) */
	if (item == NULL || strstr(item, "監査") == NULL ||
	    (o = strstr(item, "（")) == NULL || (c = strstr(o, "）")) == NULL)
		return 0;
	klen = (size_t)(c - o) + strlen("）");
	for (i = 0; i < n; i++) {
		const struct node *rec = record_root(v[i]);

		if (rp_date(&d, rec, "date") != 0 ||
		    (t = node_get_str(rec, "title")) == NULL)
			continue;
		d = sec_date_at(s, node_get_str(rec, "id"), d);
		if (d.m == m && strstr(t, "監査") != NULL &&
		    find_base(t, o, klen) != NULL)
			return 1;
	}
	return 0;
}

/*
 * The 、 between the audits of one item (情報セキュリティ監査（運用面）
 * 経済課（19日）、区立図書館（見本A）（26日）), which sched_lines() keeps
 * on one line: a byte no text has, made 、 there.
 */
#define SCHED_GLUE	"\x1f"

/* b's SCHED_GLUE made 、 (b->data, or "" out of memory) */
static const char *
unglue(struct buf *b)
{
	struct buf	 t = BUF_INIT;
	const char	*p;

	for (p = b->data; p != NULL && *p != '\0'; p++)
		if (*p == SCHED_GLUE[0])
			buf_puts(&t, "、");
		else
			buf_putc(&t, *p);
	if (buf_ok(&t) == 0 && t.len > 0) {
		buf_reset(b);
		buf_puts(b, t.data);
	}
	buf_free(&t);
	return buf_ok(b) == 0 && b->data != NULL ? b->data : "";
}

/*
 * A month's items on a line as far as they go, joined by 、 in every
 * month: a line ends before an item it has no room for, after the 、
 * that joins the two (counted in the line's room), so that no name is
 * broken and every month reads one way.  The slide broke 8月 where its
 * room ran out, 「…、区立保育園職員向け／情報セキュリティ研修（3日～
 * 28日）、…」, splitting a training's name; and a line break in place of
 * the 、 joined 7月's items by 、 on its first line and by the break on
 * its second, while 4月 had 、 only and 8月 breaks only (stop 38).
 */
static int
sched_lines(struct buf *cell, unsigned room)
{
	struct buf	 out = BUF_INIT, cand = BUF_INIT;
	const char	*p, *e;
	size_t		 start = 0;	/* of out's last line */
	int		 rc;

	for (p = cell->data; p != NULL && *p != '\0'; p = *e != '\0' ?
	    e + strlen("、") : e) {
		if ((e = strstr(p, "、")) == NULL)
			e = p + strlen(p);
		if (out.len > 0) {
			buf_reset(&cand);
			buf_add(&cand, out.data + start, out.len - start);
			buf_puts(&cand, "、");
			buf_add(&cand, p, (size_t)(e - p));
			/* the 、 after it, when another item follows */
			if (*e != '\0')
				buf_puts(&cand, "、");
			buf_puts(&out, "、");
			if (buf_ok(&cand) == 0 &&
			    textfit_width(unglue(&cand)) > room) {
				buf_puts(&out, "\n");
				start = out.len;
			}
		}
		buf_add(&out, p, (size_t)(e - p));
	}
	if ((rc = buf_ok(&out)) == 0 && (rc = buf_ok(&cand)) == 0 &&
	    out.len > 0) {
		buf_reset(cell);
		buf_puts(cell, unglue(&out));
		rc = buf_ok(cell);
	}
	buf_free(&out);
	buf_free(&cand);
	return rc;
}

/* The 年間スケジュール's headings, its 内容 column the second. */
static const char *const sched_head[] = { "月", "内容" };

/*
 * The 年間スケジュール's table of the months with items in cell[] (12,
 * from 4月), 月 and 内容, as sec_schedule() sets it, into *t; its cells
 * (2 a row) in v[], their text unglued (glued[] keeps cell[] as it was),
 * the months' names in mon[].
 */
static int
sched_table(struct pptx_table *t, const char **v, char mon[][8],
    struct buf *cell, struct buf *glued)
{
	int	k, rc;

	memset(t, 0, sizeof *t);
	t->ncols = 2;
	t->head = sched_head;
	t->cells = v;
	for (k = 0; k < 12; k++) {
		if (cell[k].len == 0)
			continue;
		buf_reset(&glued[k]);
		buf_add(&glued[k], cell[k].data, cell[k].len);
		if ((rc = buf_ok(&glued[k])) != 0)
			return rc;
		snprintf(mon[k], sizeof mon[k], "%d月", (k + 3) % 12 + 1);
		v[2 * t->nrows] = mon[k];
		v[2 * t->nrows + 1] = unglue(&glued[k]);
		t->nrows++;
	}
	return 0;
}

/*
 * The months' items packed into lines (sched_lines()) of the room the
 * slide gives the 内容 column, as the pptx writer lays the table out
 * (pptx_table_room()), on the template every deck is written on
 * (sec_deck_new()): the sample's 8月 has four lines there, each ending
 * an item and its 、, and the year stays on one slide.  The room
 * comes from the table as its cells are, so it is measured with the
 * items on one line each, and again once packed: the table set from
 * the packed lines must give the room they were packed to, or they are
 * packed again at what it gives.
 */
static int
sched_pack(struct buf *cell)
{
	struct pptx_table	 t;
	struct pptx		*p = NULL;
	struct buf		 raw[12], glued[12];
	const char		*v[24];
	char			 mon[12][8];
	unsigned		 room = 0, was = 0;
	int			 k, round, rc;

	for (k = 0; k < 12; k++) {
		buf_init(&raw[k]);
		buf_init(&glued[k]);
		buf_add(&raw[k], cell[k].data, cell[k].len);
	}
	for (k = 0, rc = 0; k < 12 && rc == 0; k++)
		rc = buf_ok(&raw[k]);
	if (rc != 0 || (rc = sec_deck_new(&p, NULL)) != 0)
		goto done;
	/*
	 * Round 0 measures the items unpacked; each later one the table
	 * packed at the room before, done when it gives that room again
	 * (the sample's: 5348 unpacked, 5347 packed at that, 5347 packed
	 * at 5347).  Should the room swing between two, the cells stay
	 * packed at the last and the slide breaks a line that runs over
	 * its room itself.
	 */
	for (round = 0; round < 4; round++) {
		if ((rc = sched_table(&t, v, mon, cell, glued)) != 0 ||
		    (rc = pptx_table_room(p, &t, 1, &room, NULL)) != 0)
			goto done;
		if (round > 0 && room == was)
			break;
		for (k = 0; k < 12; k++) {
			if (raw[k].len == 0)
				continue;
			buf_reset(&cell[k]);
			buf_add(&cell[k], raw[k].data, raw[k].len);
			if ((rc = buf_ok(&cell[k])) != 0 ||
			    (rc = sched_lines(&cell[k], room)) != 0)
				goto done;
		}
		was = room;
	}
done:
	pptx_free(p);
	for (k = 0; k < 12; k++) {
		buf_free(&raw[k]);
		buf_free(&glued[k]);
	}
	return rc;
}

static int
sec_schedule(struct report_sec *s, struct store *st, const struct node *seq,
    const struct node *goals)
{
	struct record		**v = NULL;
	struct sec_slide	*tb;
	struct buf		 cell[12];
	struct tr_list		 tl;
	struct sched_ent	*ent = NULL;
	struct cal_date		 d;
	const struct node	*it;
	const char		*ms, *auds[32];
	char			 line[64], title[128], fig[256], day[64];
	size_t			 n = 0, i, j, nent = 0, ntr = 0, naud = 0;
	size_t			 nty[3] = { 0, 0, 0 }, nrow = 0;
	struct plan_row		*row = NULL;
	struct buf		 others = BUF_INIT;	/* surveys of others */
	int			 rc, m, k, any = 0, loaded = 0, dropped;
	const char		*days;

	for (k = 0; k < 12; k++)
		buf_init(&cell[k]);
	if ((rc = audit_load_year(&v, &n, st, s->fy, NULL)) != 0)
		goto done;
	for (i = 0; seq != NULL && seq->kind == NODE_SEQ && i < seq->n; i++) {
		it = seq->u.items[i];
		if ((ms = node_get_str(it, "month")) == NULL ||
		    (m = atoi(ms)) < 1 || m > 12)
			continue;
		/* the record's entry names it, with its day */
		if (audit_named(s, node_get_str(it, "item"), v, n, m))
			continue;
		k = (m + 8) % 12;
		buf_printf(&cell[k], "%s%s", cell[k].len > 0 ? "、" : "",
		    node_get_str(it, "item"));
		any = 1;
	}
	/*
	 * A goal measured by a month's milestone, 「運営計画書の承認（5月）」,
	 * is in that month's row: the PDCA table named 5月 and the schedule
	 * went from 4月 to 6月.
	 */
	for (i = 0; goals != NULL && goals->kind == NODE_SEQ &&
	    i < goals->n; i++) {
		const char *me = node_get_str(goals->u.items[i], "measure");
		const char *o, *goal;
		size_t ml;

		if (me == NULL || (ml = strlen(me)) < strlen("月）") ||
		    strcmp(me + ml - strlen("月）"), "月）") != 0 ||
		    (o = strrchr_str(me, "（")) == NULL || o == me ||
		    (m = atoi(o + strlen("（"))) < 1 || m > 12)
			continue;
		k = (m + 8) % 12;
		/* the measure is a line of 200 characters: fig[256] cut it */
		goal = sec_fmt(s, "%.*s", (int)(o - me), me);
		if (cell[k].len > 0 && strstr(cell[k].data, goal) != NULL)
			continue;
		buf_printf(&cell[k], "%s%s", cell[k].len > 0 ? "、" : "", goal);
		any = 1;
	}
	if ((rc = tr_list_load(&tl, st, s->fy, TR_LOAD_HEADS, NULL)) != 0)
		goto done;
	loaded = 1;
	for (i = 0; i < tl.n; i++) {
		const struct training *t = tl.v[i];

		if (t->kind == NULL || strcmp(t->kind, "security") != 0 ||
		    t->date.y == 0 || (t->status != NULL &&
		    strcmp(t->status, "cancelled") == 0))
			continue;
		ntr++;
		for (j = 0; j < naud; j++)
			if (t->audience != NULL && strcmp(auds[j],
			    t->audience) == 0)
				break;
		if (j == naud && t->audience != NULL && naud < 32)
			auds[naud++] = t->audience;
		d = sec_date_at(s, t->id, t->date);
		if ((rc = plan_training(s, st, &row, &nrow, d, t)) != 0)
			goto done;
		/*
		 * the training named, its ※ may be a slide before the note,
		 * as the schedule's 4月 names it (新規採用職員研修, without
		 * its （情報セキュリティ）: the note on two lines pushed the
		 * table's last row onto a slide of its own)
		 */
		if (plan_survey_by(t) != NULL) {
			const char	*tt = without_fy(s, t->title);
			const char	*o = strstr(tt, "（");

			buf_printf(&others, "%s%.*sのアンケートは%s",
			    others.len > 0 ? "、" : "", o != NULL && o != tt ?
			    (int)(o - tt) : (int)strlen(tt), tt, rp_org(st,
			    plan_survey_by(t)));
		}
		k = (d.m + 8) % 12;
		period_days(day, sizeof day, d, period_end(t, d));
		if ((rc = drop_named(&cell[k], without_fy(s, t->title),
		    &dropped)) != 0)
			goto done;
		if (!dropped && cell[k].len > 0 &&
		    named_in(cell[k].data, without_fy(s, t->title))) {
			/* the authored item gets the training's day */
			if ((rc = day_after(&cell[k], without_fy(s, t->title),
			    day)) != 0)
				goto done;
			continue;
		}
		/*
		 * named as the authored item named it when that is the
		 * title's base (新規採用職員研修 of 新規採用職員研修（情報
		 * セキュリティ）), else by its title
		 */
		if ((rc = sched_add(s, &ent, &nent, d, period_end(t, d),
		    dropped == 1 ? sec_fmt(s, "%.*s", (int)base_len(without_fy(s,
		    t->title)), without_fy(s, t->title)) : without_fy(s,
		    t->title), 0, without_fy(s, t->title))) != 0)
			goto done;
	}
	for (i = 0; i < n; i++) {
		const struct node *rec = record_root(v[i]);
		const char *org = node_get_str(rec, "target_org");
		const char *akind, *atarget, *name;

		if (rp_date(&d, rec, "date") != 0)
			continue;
		if ((ms = node_get_str(rec, "type")) != NULL)
			nty[strcmp(ms, "operational") == 0 ? 0 :
			    strcmp(ms, "system") == 0 ? 1 : 2]++;
		d = sec_date_at(s, node_get_str(rec, "id"), d);
		/*
		 * Its kind and target as the 実施計画 and the final report
		 * name them (audit_cols()): 情報セキュリティ監査（システム面）
		 * 総務課 文書管理システム, where the title said 文書管理
		 * システム alone and the next slide 総務課 文書管理システム.
		 */
		audit_cols(s, without_fy(s, node_get_str(rec, "title")),
		    org != NULL ? rp_org(st, org) : NULL, node_get_str(rec,
		    "target_system"), &akind, &atarget);
		name = *atarget != '\0' && strstr(akind, atarget) == NULL ?
		    sec_fmt(s, "%s %s", akind, atarget) : akind;
		if ((rc = plan_audit(s, st, &row, &nrow, d, rec)) != 0 ||
		    (rc = sched_add(s, &ent, &nent, d, audit_period_end(rec,
		    d), name, name != akind ? strlen(akind) : 0, NULL)) != 0)
			goto done;
	}
	/* by day within the month, after the authored items */
	if (nent > 0)
		qsort(ent, nent, sizeof *ent, sched_cmp);
	for (i = 0; i < nent; i++) {
		k = (ent[i].date.m + 8) % 12;
		/* a later session of a training, said with the first */
		for (j = 0; j < i && !sched_sessions(&ent[j], &ent[i]); j++)
			;
		if (j < i)
			continue;
		for (j = i + 1, days = NULL; j < nent; j++)
			if (sched_sessions(&ent[i], &ent[j]))
				days = sec_fmt(s, "%s・%s", days != NULL ? days :
				    ent[i].day, ent[j].day);
		if (days != NULL) {
			buf_printf(&cell[k], "%s%.*s（%s）", cell[k].len > 0 ?
			    "、" : "", (int)base_len(ent[i].title),
			    ent[i].title, days);
			any = 1;
			continue;
		}
		if (i > 0 && ent[i].head > 0 && ent[i - 1].head ==
		    ent[i].head && (ent[i - 1].date.m + 8) % 12 == k &&
		    strncmp(ent[i - 1].text, ent[i].text, ent[i].head) == 0)
			/*
			 * the kind said once: …経済課（19日）、区立図書館…,
			 * one item to sched_lines() (SCHED_GLUE)
			 */
			buf_printf(&cell[k], SCHED_GLUE "%s", ent[i].text +
			    ent[i].head + 1);
		else
			buf_printf(&cell[k], "%s%s", cell[k].len > 0 ? "、" :
			    "", ent[i].text);
		any = 1;
	}
	error_clear();
	for (k = 0; k < 12; k++)
		if (buf_ok(&cell[k]) != 0) {
			rc = error_code();
			goto done;
		}
	if (!any)
		goto done;
	if ((rc = sched_pack(cell)) != 0)
		goto done;
	/*
	 * The year's volume on the 概要 slide, which held the summary's
	 * two lines alone: what the schedule below counts.
	 */
	for (i = 0; i < s->nslides; i++)
		if (s->slides[i].kind == 0 &&
		    strcmp(s->slides[i].title, "概要") == 0)
			break;
	if (i < s->nslides && (ntr > 0 || n > 0)) {
		struct sec_slide *sum = &s->slides[i];

		if (s->plan_version > 0)
			snprintf(fig, sizeof fig, "年間の計画（作業実施計画書 "
			    "第%ld版による）", s->plan_version);
		else
			snprintf(fig, sizeof fig, "年間の計画");
		if ((rc = bullet(s, sum, 1, fig)) != 0)
			goto done;
		snprintf(fig, sizeof fig, "情報セキュリティ研修 %zu区分 %zu回",
		    naud, ntr);
		if (ntr > 0 && (rc = bullet(s, sum, 2, fig)) != 0)
			goto done;
		snprintf(fig, sizeof fig, "内部監査 運用面 %zu組織、システム面 "
		    "%zuシステム、フォローアップ監査 %zu件", nty[0], nty[1],
		    nty[2]);
		if (n > 0 && (rc = bullet(s, sum, 2, fig)) != 0)
			goto done;
	}
	plan_title(title, sizeof title, "年間スケジュール", s->plan_version);
	if ((rc = slide_new(s, &tb, 1, title, 1)) != 0 ||
	    (rc = table_init(s, tb, 2, sched_head)) != 0)
		goto done;
	for (k = 0; k < 12; k++) {
		if (cell[k].len == 0)
			continue;
		snprintf(line, sizeof line, "%d月", (k + 3) % 12 + 1);
		table_cell(s, tb, line);
		if ((rc = table_cell(s, tb, cell[k].data)) != 0)
			goto done;
	}
	if (nrow > 0) {
		static const char *const ph[] = { "予定日", "件名", "対象",
		    "担当", "成果物" };

		qsort(row, nrow, sizeof *row, plan_row_cmp);
		plan_title(title, sizeof title, "研修・監査の実施計画",
		    s->plan_version);
		if ((rc = slide_new(s, &tb, 1, title, 0)) != 0 ||
		    (rc = table_init(s, tb, 5, ph)) != 0)
			goto done;
		tb->note = "担当は、研修はその主管課、監査は主任監査員である。";
		if ((rc = buf_ok(&others)) != 0)
			goto done;
		if (others.len > 0)
			tb->note = sec_fmt(s, "%s\n※ %sが実施する（研修"
			    "実施報告書は、アンケートまたはテストを実施した研修"
			    "について作成する）。", tb->note, others.data);
		for (i = 0; i < nrow; i++)
			for (j = 0; j < 5; j++)
				if ((rc = table_cell(s, tb, row[i].cells[j]))
				    != 0)
					goto done;
	}
done:
	free(row);
	buf_free(&others);
	for (k = 0; k < 12; k++)
		buf_free(&cell[k]);
	if (loaded)
		tr_list_free(&tl);
	free(ent);
	audit_free_all(v, n);
	return rc;
}

/* --- what the authored text says against the figures shown ------------- */

/*
 * A line naming some of labels[] as the ones "多かった" (or 多い, or a
 * chapter whose findings or rate stand out) holds only when each named
 * one stands apart from every one not named: more incidents (more > 0),
 * or a lower compliance rate (more == 0).  Returns 1 when it holds or
 * names none.
 */
static int
claim_holds(const char *line, const char *const *labels, const double *v,
    size_t n, int more)
{
	size_t	i, j, named = 0;

	for (i = 0; i < n; i++) {
		if (labels[i] == NULL || strstr(line, labels[i]) == NULL)
			continue;
		named++;
		for (j = 0; j < n; j++) {
			if (j == i || labels[j] == NULL ||
			    strstr(line, labels[j]) != NULL)
				continue;
			if (isnan(v[i]) || (!isnan(v[j]) &&
			    (more ? v[i] <= v[j] : v[i] >= v[j])))
				return 0;
		}
	}
	return named == 0 || named < n;
}

/*
 * Whether a line ranks departments by their 実施率 (実施率が低い部, 部別の
 * 実施率): the deck ranks them by the 平均得点.  Not 部分 (a part).
 */
static int
dept_rate(const char *line)
{
	static const char *const rank[] = { "低い部", "低かった部", "高い部",
	    "高かった部", NULL };
	const char	*p;
	size_t		 i;

	if ((p = strstr(line, "実施率")) == NULL)
		return 0;
	if (strstr(line, "部別の実施率") != NULL)
		return 1;
	for (i = 0; rank[i] != NULL; i++)
		for (p = strstr(line, rank[i]); p != NULL;
		    p = strstr(p + 1, rank[i]))
			if (strncmp(p + strlen(rank[i]), "分", strlen("分")) != 0)
				return 1;
	return 0;
}

/*
 * Whether a line ranks departments (平均得点が低い部, 高かった部): -1 no,
 * 0 by the lowest, 1 by the highest.  Not 部分 (a part).
 */
static int
dept_rank(const char *line)
{
	static const struct {
		const char	*w;
		int		 more;
	} rank[] = { { "低い部", 0 }, { "低かった部", 0 }, { "高い部", 1 },
	    { "高かった部", 1 } };
	const char	*p;
	size_t		 i;

	for (i = 0; i < sizeof rank / sizeof rank[0]; i++)
		for (p = strstr(line, rank[i].w); p != NULL;
		    p = strstr(p + 1, rank[i].w))
			if (strncmp(p + strlen(rank[i].w), "分",
			    strlen("分")) != 0)
				return rank[i].more;
	return -1;
}

/*
 * 平均得点が低い部への個別説明会: which 部?  A reader of the 概要版 has
 * no chart to find them in.  The line names them, and they are the
 * lowest (highest) of the chart 部別の平均得点.
 */
static void
dept_claim(struct report_sec *s, const char *field, const char *line)
{
	const char	*lo;
	char		 sc[32];
	size_t		 i, k = 0, named = 0;
	int		 more;

	if (!s->dept_score || s->ndept == 0 || dept_rate(line) ||
	    (more = dept_rank(line)) < 0)
		return;
	for (i = 0; i < s->ndept; i++) {
		named += strstr(line, s->dept_name[i]) != NULL;
		if (more ? s->dept_mean[i] > s->dept_mean[k] :
		    s->dept_mean[i] < s->dept_mean[k])
			k = i;
	}
	/* a 部's name is a line of up to 200 characters: lo[160] cut it */
	lo = sec_fmt(s, "%s %s点", s->dept_name[k],
	    rp_num(sc, s->dept_mean[k]));
	/* one message each way, each translated whole */
	if (named == 0 && !more)
		diags_add(&s->warns, NULL, 0, 0, "%s: '%s' does not name the "
		    "departments it means: name them (the lowest in the chart "
		    "部別の平均得点 is %s)", field, line, lo);
	else if (named == 0)
		diags_add(&s->warns, NULL, 0, 0, "%s: '%s' does not name the "
		    "departments it means: name them (the highest in the chart "
		    "部別の平均得点 is %s)", field, line, lo);
	else if (claim_holds(line, s->dept_name, s->dept_mean, s->ndept,
	    more))
		return;
	else if (!more)
		diags_add(&s->warns, NULL, 0, 0, "%s: '%s' names a department "
		    "whose 平均得点 in the chart 部別の平均得点 is not below the "
		    "others' (the lowest is %s)", field, line, lo);
	else
		diags_add(&s->warns, NULL, 0, 0, "%s: '%s' names a department "
		    "whose 平均得点 in the chart 部別の平均得点 is not above the "
		    "others' (the highest is %s)", field, line, lo);
}

static void
claim_check(struct report_sec *s, const char *field, const char *line)
{
	char	iso[CAL_FMT_MAX];

	cal_format_iso(iso, sizeof iso, s->as_of);
	if (strstr(line, "多かった") != NULL || strstr(line, "多い") != NULL ||
	    strstr(line, "低かった") != NULL || strstr(line, "低い") != NULL) {
		/* a category of incidents, a chapter of the audits */
		if (strstr(line, "事故") != NULL && !claim_holds(line, s->inc_label, s->inc_n, s->ninc, 1))
			diags_add(&s->warns, NULL, 0, 0, "%s: '%s' names an "
			    "incident category that has no more incidents than "
			    "the others in the chart 事故等の分類別件数", field, line);
		if (strstr(line, "章") != NULL && !claim_holds(line, s->ch_title, s->ch_rate, s->nch, 0))
			diags_add(&s->warns, NULL, 0, 0, "%s: '%s' names a "
			    "chapter whose rate in the chart 章別の適合率 is not "
			    "below the others'", field, line);
	}
	/*
	 * 所属点検の実施率が低い部: the deck gives each 部 its 平均得点 (点),
	 * the 実施率 (%) of the ward as a whole only; the words name a
	 * figure a reader does not find.
	 */
	if (s->dept_score && dept_rate(line))
		diags_add(&s->warns, NULL, 0, 0, "%s: '%s' ranks departments "
		    "by their 実施率, while the figure the deck gives by "
		    "department is the 平均得点 (the chart 部別の平均得点)",
		    field, line);
	dept_claim(s, field, line);
	if (strstr(line, "実施した") != NULL &&
	    (s->aud_ongoing > 0 || s->nlater > 0))
		diags_add(&s->warns, NULL, 0, 0, "%s: '%s' says 実施した while "
		    "on %s %zu audits are in progress and %zu audits and "
		    "trainings are still to come", field, line, iso,
		    s->aud_ongoing, s->nlater);
}

static void
claims_check(struct report_sec *s, const struct node *rec)
{
	const struct node	*seq = node_get(rec, "next_actions");
	const char		*t = node_get_str(rec, "summary");
	size_t			 i;

	/* each line whole: the summary is a text of up to 8,000 characters */
	for (const char *p = t, *e; p != NULL && *p != '\0';
	    p = *e ? e + 1 : e) {
		if ((e = strchr(p, '\n')) == NULL)
			e = p + strlen(p);
		claim_check(s, "summary", sec_fmt(s, "%.*s", (int)(e - p),
		    p));
	}
	for (i = 0; seq != NULL && seq->kind == NODE_SEQ && i < seq->n; i++)
		if (seq->u.items[i]->kind == NODE_SCALAR)
			claim_check(s, "next_actions",
			    seq->u.items[i]->u.s.str);
}

/*
 * A line that ranks departments by their 平均得点 (dept_rank()) with
 * each 部 it names given its score, 「所属点検の平均得点が低い部（議会
 * 事務局 62.9点、企画部 71.8点）」, and the 所属点検 slide's definition of
 * the 平均得点 shown in the 概要版 too: the 概要版 has no chart of the
 * 部 to find them in, and named two 部 as the lowest by a figure it
 * neither gave nor defined (issue 18).  Other lines as they are.
 */
static const char *
dept_scored(struct report_sec *s, const char *line)
{
	struct buf	 b = BUF_INIT;
	const char	*p, *out;
	char		 sc[32];
	size_t		 i, k, n, best, named = 0;

	if (!s->dept_score || s->ndept == 0 || dept_rate(line) ||
	    dept_rank(line) < 0)
		return line;
	for (p = line; *p != '\0';) {
		/* the longest name here: 開発担当部 inside 建築・開発担当部 */
		for (i = 0, best = 0, k = 0; i < s->ndept; i++) {
			n = strlen(s->dept_name[i]);
			if (n > best && strncmp(p, s->dept_name[i], n) == 0) {
				best = n;
				k = i;
			}
		}
		if (best == 0) {
			buf_add(&b, p, 1);
			p++;
			continue;
		}
		p += best;
		/* a score the line gives already stays alone */
		if (isdigit((unsigned char)p[*p == ' ']) ||
		    strncmp(p, "（", strlen("（")) == 0) {
			buf_add(&b, p - best, best);
			continue;
		}
		buf_printf(&b, "%s %s点", s->dept_name[k],
		    rp_num(sc, s->dept_mean[k]));
		/*
		 * A 部 some of whose 課 did not submit: its score is theirs
		 * alone, said so (議会事務局 62.9点 was 議事課's, 議会総務課
		 * 未提出), as the deck singles it out on that score.
		 */
		if (s->dept_nsub[k] < s->dept_ndiv[k])
			buf_printf(&b, "（提出%zu課／%zu課）", s->dept_nsub[k],
			    s->dept_ndiv[k]);
		named++;
	}
	if (buf_ok(&b) != 0 || named == 0) {
		buf_free(&b);
		return line;
	}
	out = sec_str(s, b.data);
	buf_free(&b);
	for (i = 0; i < s->nslides; i++)
		for (k = 0; k < s->slides[i].nbullets; k++)
			if (strncmp(s->slides[i].bullets[k].text,
			    "部別の平均得点：", strlen("部別の平均得点：")) ==
			    0)
				s->slides[i].bullets[k].level &=
				    ~SEC_DETAIL_ONLY;
	return out;
}

/*
 * The 次年度の取組 that earlier years' findings still open call for
 * (with this year's past due), when the authored ones say nothing of
 * following them up (フォローアップ, 是正): the report counted 168
 * findings of earlier audits not confirmed and planned nothing for
 * them.  NULL when none is open or a line says it.
 */
static const char *
followup_action(struct report_sec *s, const struct node *seq)
{
	const char	*t;
	size_t		 i;

	if (s->aud_earlier == 0)
		return NULL;
	for (i = 0; seq != NULL && seq->kind == NODE_SEQ && i < seq->n; i++)
		if (seq->u.items[i]->kind == NODE_SCALAR &&
		    (t = seq->u.items[i]->u.s.str) != NULL &&
		    (strstr(t, "フォローアップ") != NULL ||
		    strstr(t, "是正") != NULL))
			return NULL;
	if (s->aud_late > 0)
		return sec_fmt(s, "是正の確認を終えていない指摘（前年度以前の"
		    "監査 %zu件、今年度の監査で是正期限を過ぎて未是正のもの %zu"
		    "件）の"
		    "フォローアップ監査による確認", s->aud_earlier,
		    s->aud_late);
	return sec_fmt(s, "前年度以前の監査の指摘で是正の確認を終えていない"
	    "もの（%zu件）のフォローアップ監査による確認", s->aud_earlier);
}

/* --- the record of the plan or the final report ------------------------ */

static int
sec_record(struct record **out, struct store *st, int fy, const char *type)
{
	const struct schema	*kind;
	struct reclist		 l = RECLIST_INIT;
	struct record		*r = NULL, *best = NULL;
	const char		*t, *bd = NULL, *d;
	size_t			 i;
	int			 rc;

	*out = NULL;
	if ((rc = store_kind(&kind, st, "secreport")) != 0 ||
	    (rc = store_scan(&l, st, kind, fy, NULL)) != 0)
		goto done;
	for (i = 0; i < l.n; i++) {
		if ((rc = record_load(&r, st, &l.v[i], NULL)) != 0)
			goto done;
		t = node_get_str(record_root(r), "type");
		d = node_get_str(record_root(r), "date");
		if (t != NULL && strcmp(t, type) == 0 && (bd == NULL ||
		    (d != NULL && strcmp(d, bd) > 0))) {
			record_free(best);
			best = r;
			bd = d;
		} else
			record_free(r);
		r = NULL;
	}
	if (best == NULL) {
		rc = error_set(NC_ENOTFOUND, "FY%d has no %s record (kind "
		    "secreport, type %s): add one with 'nerima-cio add "
		    "secreport'", fy, strcmp(type, "plan") == 0 ?
		    "security-management plan (運営計画書)" :
		    "final security report (最終報告書)", type);
		goto done;
	}
	*out = best;
done:
	reclist_free(&l);
	return rc;
}

/*
 * The sections' figures (内部監査, 所属点検, 研修, 事故等: a line to five
 * each) on the 概要 slide under their headings, not on slides of their
 * own four fifths empty; their tables and charts follow as before.
 * Bullets that do not fit go on a continuation slide (pptx.h).
 */
#define MERGE_MAX	9	/* bullets a merged slide holds */

static int
sec_merge(struct report_sec *s)
{
	struct sec_slide	*v, *sl, *cur = NULL;
	size_t			 i, j, k, n = 0, nsec = 0, isum = (size_t)-1;
	int			 rc = 0;

	for (i = 0; i < s->nslides; i++) {
		nsec += s->slides[i].section;
		if (isum == (size_t)-1 && s->slides[i].kind == 0 &&
		    !s->slides[i].section &&
		    strcmp(s->slides[i].title, "概要") == 0)
			isum = i;
	}
	if (isum == (size_t)-1 || nsec == 0)
		return 0;
	if ((v = calloc(s->nslides + nsec, sizeof *v)) == NULL)
		return error_set(NC_ENOMEM, "out of memory");
	for (i = 0; i <= isum; i++)
		if (!s->slides[i].section)
			v[n++] = s->slides[i];
	cur = &v[n - 1];
	for (i = 0; i < s->nslides; i++) {
		sl = &s->slides[i];
		if (!sl->section)
			continue;
		/* a section whole on one slide: a new one when it is full */
		if (cur->nbullets > 0 && cur->nbullets + 1 + sl->nbullets >
		    MERGE_MAX) {
			cur = &v[n++];
			memset(cur, 0, sizeof *cur);
			cur->title = sec_str(s, "概要（続き）");
			cur->overview = 1;
		}
		if (rc == 0)
			rc = bullet(s, cur, 1, sl->title);
		for (k = 0; rc == 0 && k < sl->nbullets; k++)
			rc = bullet(s, cur, sl->bullets[k].level + 1,
			    sl->bullets[k].text);
		free(sl->bullets);
		free(sl->head);
		free(sl->cells);
		chart_free(sl->chart);
	}
	for (j = isum + 1; j < s->nslides; j++)
		if (!s->slides[j].section)
			v[n++] = s->slides[j];
	free(s->slides);
	s->slides = v;
	s->nslides = n;
	return rc;
}

/*
 * A final report made before the month the plan schedules it: a draft.
 * The plan's schedule names the month of 最終報告書 (its first day is
 * the scheduled date); without a plan or such an item, none is known.
 */
static int
sec_early(struct report_sec *s, struct store *st)
{
	struct record		*r = NULL;
	const struct node	*seq, *it;
	const char		*ms, *item;
	char			 iso[CAL_FMT_MAX];
	struct cal_date		 due;
	size_t			 i;
	int			 m;

	if (sec_record(&r, st, s->fy, "plan") != 0) {
		error_clear();
		return 0;
	}
	seq = node_get(record_root(r), "schedule");
	for (i = 0; seq != NULL && seq->kind == NODE_SEQ && i < seq->n; i++) {
		it = seq->u.items[i];
		if ((ms = node_get_str(it, "month")) == NULL ||
		    (m = atoi(ms)) < 1 || m > 12 ||
		    (item = node_get_str(it, "item")) == NULL ||
		    strstr(item, "最終報告書") == NULL)
			continue;
		due.y = m >= 4 ? s->fy : s->fy + 1;
		due.m = m;
		due.d = 1;
		if (cal_cmp(s->as_of, due) < 0) {
			s->draft = 1;
			cal_format_iso(iso, sizeof iso, s->as_of);
			diags_add(&s->warns, NULL, 0, 0, "the final report is "
			    "dated %s, before %d-%02d when the security-"
			    "management plan schedules it ('%s'): it is "
			    "marked 案 and its figures are as of its date",
			    iso, due.y, m, item);
		}
		break;
	}
	record_free(r);
	return 0;
}

/*
 * The final report's dates against the 運営計画書's: the work plan as it
 * stood at the plan deck's date (sec_plan_at()), whose later versions'
 * moves give each moved event the date the 運営計画書 showed
 * (sec_date_at()).  No plan deck: nothing to compare with.
 */
static int
sec_plan_moves(struct report_sec *s, struct store *st)
{
	struct record	*r = NULL;
	struct cal_date	 as_of = s->as_of, d;
	long		 version = s->plan_version;
	int		 rc;

	if ((rc = sec_record(&r, st, s->fy, "plan")) != 0) {
		if (rc != NC_ENOTFOUND)
			return rc;
		error_clear();
		return 0;
	}
	if (rp_date(&d, record_root(r), "date") == 0) {
		s->as_of = d;
		rc = sec_plan_at(s, st);
		s->as_of = as_of;
		s->plan_version = version;
	}
	record_free(r);
	return rc;
}

int
report_sec_build(struct report_sec *out, struct store *st, int fy,
    int final)
{
	struct record		*r = NULL;
	const struct node	*rec, *seq, *it, *conf;
	const struct schema	*kind;
	struct sec_slide	*sl;
	struct buf		 notes = BUF_INIT;
	struct cal_date		 d;
	char			 era[CAL_FMT_MAX];
	const char		*s;
	size_t			 i;
	int			 rc;

	memset(out, 0, sizeof *out);
	out->fy = fy;
	out->final = final;
	if ((out->pool = calloc(1, sizeof(struct strpool))) == NULL)
		return error_set(NC_ENOMEM, "out of memory");
	strpool_init(out->pool);
	if ((rc = store_kind(&kind, st, "secreport")) != 0 ||
	    (rc = sec_record(&r, st, fy, final ? "final" : "plan")) != 0 ||
	    (rc = store_config(&conf, st)) != 0)
		goto done;
	rec = record_root(r);
	out->title = sec_str(out, node_get_str(rec, "title"));
	if (rp_date(&d, rec, "date") != 0)
		d = cal_today();
	out->as_of = d;
	rp_era(era, d);
	out->date = sec_str(out, era);
	if (final && (rc = sec_early(out, st)) == 0 && out->draft)
		out->date = sec_fmt(out, "%s現在", era);
	if (rc != 0)
		goto done;
	s = node_get_str(node_get(conf, "documents"), "author");
	out->author = sec_str(out, s != NULL ? s :
	    node_get_str(conf, "contractor"));
	/* 3(2)ア: the two proofreading rounds, on the cover's notes */
	seq = node_get(rec, "proofreads");
	for (i = 0; seq != NULL && seq->kind == NODE_SEQ && i < seq->n; i++) {
		it = seq->u.items[i];
		rp_date(&d, it, "date");
		rp_era(era, d);
		buf_printf(&notes, "校正 第%s回　%s　%s\n修正内容：%s\n",
		    node_get_str(it, "round"), era, node_get_str(it, "by"),
		    node_get_str(it, "changes"));
		out->nproofreads++;
	}
	if (buf_ok(&notes) != 0) {
		rc = error_code();
		goto done;
	}
	out->notes = sec_str(out, notes.len > 0 ? notes.data :
	    "校正の記録はありません");
	if ((s = node_get_str(rec, "summary")) != NULL) {
		if ((rc = slide_new(out, &sl, 0, "概要", 1)) != 0)
			goto done;
		for (const char *p = s, *e; *p != '\0'; p = *e ? e + 1 : e) {
			e = strchr(p, '\n');
			if (e == NULL)
				e = p + strlen(p);
			/* whole: a line of the summary (a text) */
			if ((rc = bullet(out, sl, 1, sec_fmt(out, "%.*s",
			    (int)(e - p), p))) != 0)
				goto done;
		}
	}
	if (!final) {
		static const char *const gh[] = { "段階", "目標", "指標・方法" };
		struct sec_slide *tb;

		seq = node_get(rec, "goals");
		/*
		 * The goals in the 概要版, the goals with their measures in
		 * the 詳細版: tables, which keep a goal on its line (as a
		 * bullet "Check（点検・評価）：…を行う" left "う" alone on
		 * the next one), and the detail does not say them twice.
		 */
		if ((rc = slide_new(out, &sl, 1, "PDCAの目標",
		    SEC_OVERVIEW_ONLY)) != 0 ||
		    (rc = table_init(out, sl, 2, gh)) != 0 ||
		    (rc = slide_new(out, &tb, 1, "PDCAの目標と指標", 0)) != 0 ||
		    (rc = table_init(out, tb, 3, gh)) != 0)
			goto done;
		sl = &out->slides[out->nslides - 2];
		for (i = 0; seq != NULL && seq->kind == NODE_SEQ &&
		    i < seq->n; i++) {
			const char *ph;

			it = seq->u.items[i];
			ph = node_get_str(it, "phase");
			ph = ph != NULL ? schema_label(kind, "goals.phase", ph) :
			    "";
			table_cell(out, sl, ph);
			table_cell(out, sl, node_get_str(it, "goal"));
			table_cell(out, tb, ph);
			table_cell(out, tb, node_get_str(it, "goal"));
			if ((rc = table_cell(out, tb, node_get_str(it,
			    "measure"))) != 0)
				goto done;
		}
		if ((rc = sec_plan_at(out, st)) != 0 ||
		    (rc = sec_schedule(out, st, node_get(rec, "schedule"),
		    node_get(rec, "goals"))) != 0)
			goto done;
	} else if ((rc = sec_plan_moves(out, st)) != 0 ||
	    (rc = sec_audits(out, st)) != 0 ||
	    (rc = sec_checklists(out, st)) != 0 ||
	    (rc = sec_trainings(out, st)) != 0 ||
	    (rc = sec_incidents(out, st)) != 0 ||
	    (rc = sec_later(out)) != 0 ||
	    (rc = sec_merge(out)) != 0)
		goto done;
	if (final)
		claims_check(out, rec);
	seq = node_get(rec, "next_actions");
	s = final ? followup_action(out, seq) : NULL;
	if ((seq != NULL && seq->kind == NODE_SEQ && seq->n > 0) ||
	    s != NULL) {
		if ((rc = slide_new(out, &sl, 0, final ? "次年度の取組" :
		    "取組の方針", 1)) != 0)
			goto done;
		for (i = 0; seq != NULL && seq->kind == NODE_SEQ &&
		    i < seq->n; i++)
			if ((rc = bullet(out, sl, 1, dept_scored(out,
			    seq->u.items[i]->kind == NODE_SCALAR ?
			    seq->u.items[i]->u.s.str : ""))) != 0)
				goto done;
		if (s != NULL && (rc = bullet(out, sl, 1, s)) != 0)
			goto done;
	}
	if (out->nomem)
		rc = error_set(NC_ENOMEM, "out of memory");
done:
	buf_free(&notes);
	record_free(r);
	if (rc != 0)
		report_sec_free(out);
	return rc;
}

void
report_sec_free(struct report_sec *s)
{
	size_t	i;

	if (s == NULL)
		return;
	for (i = 0; i < s->nslides; i++) {
		free(s->slides[i].bullets);
		free(s->slides[i].head);
		free(s->slides[i].cells);
		chart_free(s->slides[i].chart);
	}
	free(s->slides);
	free(s->later);
	free(s->moves);
	diags_free(&s->warns);
	if (s->pool != NULL) {
		strpool_free(s->pool);
		free(s->pool);
	}
	memset(s, 0, sizeof *s);
}

/* The last occurrence of needle in s, or NULL. */
static const char *
strrchr_str(const char *s, const char *needle)
{
	const char	*p, *last = NULL;

	for (p = strstr(s, needle); p != NULL; p = strstr(p + 1, needle))
		last = p;
	return last;
}

/*
 * A slide's bullets as one deck shows them (*out malloc'd): the 概要版
 * without those marked SEC_DETAIL_ONLY, the 詳細版 with them unmarked.
 */
static int
deck_bullets(struct pptx_bullet **out, size_t *nout,
    const struct sec_slide *sl, int overview)
{
	size_t	i;

	*nout = 0;
	if ((*out = calloc(sl->nbullets + 1, sizeof **out)) == NULL)
		return error_set(NC_ENOMEM, "out of memory");
	for (i = 0; i < sl->nbullets; i++) {
		if (overview && (sl->bullets[i].level & SEC_DETAIL_ONLY))
			continue;
		(*out)[*nout] = sl->bullets[i];
		(*out)[(*nout)++].level &= ~SEC_DETAIL_ONLY;
	}
	return 0;
}

int
report_sec_write(const struct report_sec *s, int overview, const char *path)
{
	struct pptx_bullet	*bl;
	size_t			 nbl;
	struct pptx		*p = NULL;
	struct pptx_props	 props;
	struct pptx_title	 t;
	const char		*paren;
	char			 sub[64], title[1024], created[40];
	size_t			 i;
	int			 rc;

	memset(&props, 0, sizeof props);
	props.title = s->title;
	props.author = s->author;
	/*
	 * created the day the deck is dated: the charts' embedded
	 * workbooks took the clock's time, and the same records gave other
	 * bytes each run
	 */
	snprintf(created, sizeof created, "%04d-%02d-%02dT00:00:00Z",
	    s->as_of.y, s->as_of.m, s->as_of.d);
	props.created = created;
	if ((rc = sec_deck_new(&p, &props)) != 0)
		return rc;
	memset(&t, 0, sizeof t);
	/*
	 * A long title with a closing parenthetical ("…の実施結果（最終報告
	 * 書）") breaks before it rather than wherever the line runs out.
	 */
	t.title = s->title;
	if (s->title != NULL && strlen(s->title) > 60 &&
	    (paren = strrchr_str(s->title, "（")) != NULL &&
	    paren != s->title) {
		snprintf(title, sizeof title, "%.*s\n%s",
		    (int)(paren - s->title), s->title, paren);
		t.title = title;
	}
	snprintf(sub, sizeof sub, "%s%s", overview ? "概要版" : "詳細版",
	    s->draft ? "（案）" : "");
	t.subtitle = sub;
	t.date = s->date;
	t.author = s->author;
	pptx_title_slide(p, &t);
	pptx_notes(p, s->notes);
	for (i = 0; i < s->nslides && rc == 0; i++) {
		const struct sec_slide *sl = &s->slides[i];
		struct pptx_table tb;

		if (overview ? !sl->overview : sl->overview == SEC_OVERVIEW_ONLY)
			continue;
		switch (sl->kind) {
		case 0:
			if ((rc = deck_bullets(&bl, &nbl, sl, overview)) != 0)
				break;
			pptx_bullet_slide(p, sl->title, bl, nbl);
			free(bl);
			break;
		case 1:
			memset(&tb, 0, sizeof tb);
			tb.ncols = sl->ncols;
			tb.head = sl->head;
			tb.nrows = sl->nrows;
			tb.cells = sl->cells;
			tb.note = sl->note;
			pptx_table_slide(p, sl->title, &tb);
			break;
		default:
			pptx_chart_slide(p, sl->title, sl->chart);
			break;
		}
	}
	if (rc == 0)
		rc = pptx_save(p, path);
	pptx_free(p);
	return rc;
}

/* The numbers of a text: runs of digits with their decimals ("93.6"). */
static void
numbers(struct buf *out, const char *t)
{
	const char	*p = t, *q;

	while (*p != '\0') {
		if (!isdigit((unsigned char)*p)) {
			p++;
			continue;
		}
		q = p;
		while (isdigit((unsigned char)*q) || (*q == '.' &&
		    isdigit((unsigned char)q[1])))
			q++;
		buf_printf(out, "\n%.*s\n", (int)(q - p), p);
		p = q;
	}
}

static void
slide_text(struct buf *out, const struct sec_slide *sl, int overview)
{
	size_t	i;

	buf_printf(out, "%s\n", sl->title);
	for (i = 0; i < sl->nbullets; i++)
		if (!overview || !(sl->bullets[i].level & SEC_DETAIL_ONLY))
			buf_printf(out, "%s\n", sl->bullets[i].text);
	for (i = 0; i < sl->ncols; i++)
		buf_printf(out, "%s\n", sl->head[i]);
	for (i = 0; i < sl->nrows * sl->ncols; i++)
		buf_printf(out, "%s\n", sl->cells[i] != NULL ? sl->cells[i] :
		    "");
}

int
report_sec_text(struct buf *out, const struct report_sec *s, int overview)
{
	size_t	i;

	buf_printf(out, "%s\n%s\n%s\n", s->title, s->date, s->author);
	for (i = 0; i < s->nslides; i++)
		if (overview ? s->slides[i].overview != 0 :
		    s->slides[i].overview != SEC_OVERVIEW_ONLY)
			slide_text(out, &s->slides[i], overview);
	return buf_ok(out);
}

int
report_sec_check(const char *overview, const char *detail)
{
	struct buf	 on = BUF_INIT, dn = BUF_INIT;
	const char	*p, *e;
	int		 rc = 0;

	numbers(&on, overview);
	numbers(&dn, detail);
	for (p = on.len > 0 ? on.data : ""; *p != '\0'; p = e) {
		if (*p == '\n') {
			e = p + 1;
			continue;
		}
		e = strchr(p, '\n');
		/*
		 * The number with the newlines around it, where numbers() put
		 * them: however long its run of digits (needle[80] cut one).
		 */
		if (dn.data == NULL || find_base(dn.data, p - 1,
		    (size_t)(e - p) + 2) == NULL) {
			rc = error_set(NC_EINVALID, "the 概要版 shows %.*s, "
			    "which the 詳細版 does not", (int)(e - p), p);
			break;
		}
	}
	buf_free(&on);
	buf_free(&dn);
	return rc;
}
