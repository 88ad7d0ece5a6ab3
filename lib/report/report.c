/*
 * The view of a work report: every work item of the specification with
 * what was done in a period and in the year to date, from the records.
 */
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "amount.h"
#include "audit.h"
#include "audit_doc.h"
#include "buf.h"
#include "consult.h"
#include "error.h"
#include "incident.h"
#include "issue.h"
#include "meeting.h"
#include "record.h"
#include "report.h"
#include "report_int.h"
#include "review.h"
#include "schema.h"
#include "statuslog.h"
#include "strpool.h"
#include "training.h"

/*
 * The work items in the specification's order.  key is the config's
 * expectations key where the specification gives a yearly volume; the
 * label and the unit come from that key's title in schemas/config.yaml
 * ("情報化企画審査（件）"), else from here.
 */
static const struct item_def {
	const char	*key;
	const char	*spec;
	const char	*label;		/* items without an expectation */
	const char	*unit;
	/*
	 * The yearly volume the specification gives in words, where the
	 * config has no number for it: 3(2)ア's 運営計画書 and 最終報告書,
	 * one each (a number would be prorated, and the 最終報告書 of
	 * March fall short of its share all year).
	 */
	const char	*volume;
} item_defs[] = {
	{ "dx_support", "3(1)ア(ア)", NULL, NULL, NULL },
	{ "plan_reviews", "3(1)ア(イ)a", NULL, NULL, NULL },
	{ "procurement_support", "3(1)ア(イ)b", NULL, NULL, NULL },
	{ "system_evaluations", "3(1)ア(イ)c", NULL, NULL, NULL },
	{ "digital_trainings", "3(1)イ", NULL, NULL, NULL },
	{ "pia_support", "3(1)ウ(ア)", NULL, NULL, NULL },
	{ "mynumber_trainings", "3(1)ウ(イ)", NULL, NULL, NULL },
	{ "security_reports", "3(2)ア", "運営計画書・最終報告書", "件",
	    "各1" },
	{ "security_trainings", "3(2)イ", NULL, NULL, NULL },
	{ "checklists", "3(2)ウ", "自己点検・所属点検（提出）", "件",
	    NULL },
	{ "operational_audits", "3(2)エ", NULL, NULL, NULL },
	{ "system_audits", "3(2)エ", NULL, NULL, NULL },
	{ "followup_audits", "3(2)エ", "フォローアップ監査", "件", NULL },
	{ "incidents", "3(2)オ", "情報セキュリティ事故等への対応", "件",
	    NULL },
	{ "vendor_checklists", "3(2)カ", "特記事項チェックシート（提出）",
	    "件", NULL },
	{ "policy_reviews", "3(2)キ", "セキュリティポリシー等の見直し",
	    "件", NULL },
	{ "department_consultations", "3(3)ア(イ)a", NULL, NULL, NULL },
	{ "consultation_attendances", "3(3)ア(イ)a", NULL, NULL, NULL },
	{ "division_consultations", "3(3)ア(イ)b", NULL, NULL, NULL },
	{ "it_honbu_meetings", "3(3)ア(ウ)", NULL, NULL, NULL },
	{ "unei_meetings", "3(3)ア(ウ)", NULL, NULL, NULL },
	{ "security_committee_meetings", "3(3)ア(ウ)", NULL, NULL, NULL },
	{ "regular_meetings", "3(3)ア(エ)", NULL, NULL, NULL },
	{ "progress_meetings", "3(3)ア(オ)", NULL, NULL, NULL },
};
#define NITEMS	(sizeof item_defs / sizeof item_defs[0])

enum {
	I_DX, I_PLAN, I_PROC, I_SYSEVAL, I_DIGITAL, I_PIA, I_MYNUMBER,
	I_SECREPORT, I_SECURITY, I_CHECKLIST, I_OPAUDIT, I_SYSAUDIT,
	I_FOLLOWUP, I_INCIDENT, I_VENDOR, I_POLICY, I_DEPT, I_ATTEND, I_DIV,
	I_HONBU, I_UNEI,
	I_SECCOM, I_REGULAR, I_PROGRESS
};

/* The builder's state: the view, its pool, growing ref arrays. */
struct bld {
	struct report_work	*w;
	struct strpool		*pool;
	struct store		*st;
	struct cal_date		 fy0;
	size_t			 cap[NITEMS];
	/* distinct keys counted (trainings of a kind, audiences) */
	const char		**seen_p[NITEMS], **seen_y[NITEMS];
	size_t			 nseen_p[NITEMS], nseen_y[NITEMS];
	size_t			 capseen_p[NITEMS], capseen_y[NITEMS];
	/* and those of the whole year, held or scheduled */
	const char		**seen_f[NITEMS];
	size_t			 nseen_f[NITEMS], capseen_f[NITEMS];
	void			*arg;		/* the counter's own state */
	int			 bad;
	int			 yearend;	/* ends_year() of the period */
	long			 nsec[2];	/* 運営計画書, 最終報告書 to date */
	size_t			 caphand;	/* of w->handover */
};

const char *
rp_str(void *pool, const char *s)
{
	const char	*p;

	if (s == NULL)
		s = "";
	p = strpool_add(pool, s, strlen(s));
	return p != NULL ? p : "";
}

const char *
rp_fmt(void *pool, const char *fmt, ...)
{
	struct buf	b = BUF_INIT;
	const char	*p;
	va_list		ap;

	/* whole, however long (a list of 課 cut at 1,024 bytes mid-character) */
	va_start(ap, fmt);
	buf_vprintf(&b, fmt, ap);
	va_end(ap);
	p = rp_str(pool, buf_ok(&b) == 0 && b.data != NULL ? b.data : "");
	buf_free(&b);
	return p;
}

int
rp_between(struct cal_date d, struct cal_date a, struct cal_date b)
{
	return d.y != 0 && cal_cmp(d, a) >= 0 && cal_cmp(d, b) <= 0;
}

int
rp_date(struct cal_date *out, const struct node *rec, const char *field)
{
	const char	*s = node_get_str(rec, field);

	memset(out, 0, sizeof *out);
	if (s == NULL || cal_parse_iso(out, s) != 0) {
		error_clear();
		memset(out, 0, sizeof *out);
		return -1;
	}
	return 0;
}

const char *
rp_org(struct store *st, const char *code)
{
	const char	*name = NULL, *dept = NULL;

	if (code == NULL)
		return "";
	if (store_org(&name, &dept, st, code) != 0 || name == NULL) {
		error_clear();
		return code;
	}
	return name;
}

void
rp_era(char out[CAL_FMT_MAX], struct cal_date d)
{
	out[0] = '\0';
	if (d.y != 0 && cal_format_era(out, CAL_FMT_MAX, d, CAL_ERA_LONG) != 0)
		error_clear();
}

void
rp_period_end(char out[RP_PERIOD_END], struct cal_date d, struct cal_date end)
{
	char	era[CAL_FMT_MAX];

	if (end.y == 0 || cal_cmp(end, d) <= 0)
		out[0] = '\0';
	else if (end.y == d.y && end.m == d.m)
		snprintf(out, RP_PERIOD_END, "～%d日", end.d);
	else if (end.y == d.y)
		snprintf(out, RP_PERIOD_END, "～%d月%d日", end.m, end.d);
	else {
		/*
		 * Into the next year: 令和8年12月18日～1月12日 read as a
		 * January before the start, so the year is written.
		 */
		rp_era(era, end);
		/* an era date is 24 bytes at most: the precision only says so */
		snprintf(out, RP_PERIOD_END, "～%.*s", RP_PERIOD_END - 4, era);
	}
}

void
rp_sched_end(char out[RP_PERIOD_END], struct cal_date d, struct cal_date end)
{
	/* within the fiscal year: the month names the day */
	if (end.y == d.y + 1 && end.m < d.m && cal_cmp(end, d) > 0 &&
	    cal_fy(end) == cal_fy(d))
		snprintf(out, RP_PERIOD_END, "～%d月%d日", end.m, end.d);
	else
		rp_period_end(out, d, end);
}

void
rp_era_period(char out[RP_ERA_PERIOD], struct cal_date d,
    struct cal_date end)
{
	char	tail[RP_PERIOD_END];

	rp_era(out, d);
	rp_period_end(tail, d, end);
	snprintf(out + strlen(out), RP_ERA_PERIOD - strlen(out), "%s", tail);
}

int
rp_training_reports(const struct training *t)
{
	/*
	 * 3(2)イ: the report is of the training's survey and test, so a
	 * training with neither has none, whatever else the record says; a
	 * survey run by another 課 (survey_org: 人材育成課 for the new
	 * hires) is one, its results given to us to report.
	 */
	if (t->status != NULL && strcmp(t->status, "cancelled") == 0)
		return 0;
	return training_needs_report(t);
}

static struct report_ref *
add_ref(struct bld *b, size_t i, const char *no, const char *title,
    const char *org, struct cal_date date, const char *note)
{
	struct report_item	*it = &b->w->items[i];
	struct report_ref	*r;

	if (it->nrefs == b->cap[i]) {
		size_t	n = b->cap[i] ? b->cap[i] * 2 : 8;

		if ((r = realloc(it->refs, n * sizeof *r)) == NULL) {
			b->bad = 1;
			return NULL;
		}
		it->refs = r;
		b->cap[i] = n;
	}
	r = &it->refs[it->nrefs++];
	r->no = rp_str(b->pool, no);
	r->title = rp_str(b->pool, title);
	r->org = rp_str(b->pool, org);
	r->date = date;
	memset(&r->end, 0, sizeof r->end);
	r->note = rp_str(b->pool, note);
	r->list_note = NULL;
	r->interim = 0;
	return r;
}

/* Count key once per period and per year; returns whether new in the period. */
static int
seen(const char ***v, size_t *n, size_t *cap, const char *key, int *bad)
{
	const char	**nv;
	size_t		  i;

	for (i = 0; i < *n; i++)
		if (strcmp((*v)[i], key) == 0)
			return 0;
	if (*n == *cap) {
		size_t	c = *cap ? *cap * 2 : 8;

		if ((nv = realloc(*v, c * sizeof *nv)) == NULL) {
			*bad = 1;
			return 0;
		}
		*v = nv;
		*cap = c;
	}
	(*v)[(*n)++] = key;
	return 1;
}

/*
 * Count one event of item i on date d: in the year to date when from
 * 1 April to the end, in the period (with its record) when in it.  With
 * a distinct key, each key counts once.
 */
static int
count(struct bld *b, size_t i, struct cal_date d, const char *distinct)
{
	struct report_work	*w = b->w;
	struct report_item	*it = &w->items[i];
	int			 in_p = rp_between(d, w->from, w->to);

	if (!rp_between(d, b->fy0, w->to))
		return 0;
	if (distinct == NULL) {
		it->ytd++;
		it->period += in_p;
		return in_p;
	}
	it->ytd += seen(&b->seen_y[i], &b->nseen_y[i], &b->capseen_y[i],
	    distinct, &b->bad);
	(void)seen(&b->seen_f[i], &b->nseen_f[i], &b->capseen_f[i], distinct,
	    &b->bad);
	if (in_p)
		it->period += seen(&b->seen_p[i], &b->nseen_p[i],
		    &b->capseen_p[i], distinct, &b->bad);
	return in_p;
}

/*
 * An event of item i scheduled after the period's end, in the year: the
 * plan's remainder (report_item_scheduled()).  With a distinct key, the
 * year's keys held or scheduled are counted once (scheduled_done()).
 */
static void
scheduled(struct bld *b, size_t i, struct cal_date d, const char *distinct)
{
	struct report_work	*w = b->w;
	struct cal_date		 end = { b->fy0.y + 1, 3, 31 };

	if (cal_cmp(d, w->to) <= 0 || cal_cmp(d, end) > 0)
		return;
	if (distinct == NULL)
		w->items[i].nscheduled++;
	else
		(void)seen(&b->seen_f[i], &b->nseen_f[i], &b->capseen_f[i],
		    rp_str(b->pool, distinct), &b->bad);
}

/* The scheduled keys: those of the year not held by the period's end. */
static void
scheduled_done(struct bld *b)
{
	size_t	i;

	for (i = 0; i < NITEMS && i < b->w->nitems; i++)
		if (b->nseen_f[i] > b->nseen_y[i])
			b->w->items[i].nscheduled += (long)(b->nseen_f[i] -
			    b->nseen_y[i]);
}

/*
 * An event of item i dated by the period's end but still planned: a
 * warning when in the year to date, named under the item when in the
 * period; never counted.
 */
static void
not_held(struct bld *b, size_t i, const char *kind, const char *title,
    struct cal_date d)
{
	struct report_item	*it = &b->w->items[i];
	char			 era[CAL_FMT_MAX];

	if (!rp_between(d, b->fy0, b->w->to))
		return;
	ev_warn_not_held(&b->w->warns, kind, title, d, b->w->to);
	it->nunheld_ytd++;
	if (!rp_between(d, b->w->from, b->w->to))
		return;
	rp_era(era, d);
	it->unheld = rp_fmt(b->pool, "%s%s%s（%s）", it->unheld != NULL ?
	    it->unheld : "", it->unheld != NULL ? "、" : "",
	    title != NULL ? title : "", era);
	it->nunheld++;
}

/*
 * An event of item i of the year to date that was cancelled: never
 * counted, named under the item with the record's reason, so that a
 * reader who sees 第7回 beside 年度累計6回 sees which one was not held.
 */
static void
cancelled(struct bld *b, size_t i, const char *title, struct cal_date d,
    const char *why)
{
	struct report_item	*it = &b->w->items[i];
	struct report_ref	*r;
	char			 era[CAL_FMT_MAX];
	size_t			 n = why != NULL ? strlen(why) : 0;

	if (n >= 3 && strcmp(why + n - 3, "。") == 0)
		n -= 3;
	/* in date order: the records come by file, not by date */
	if ((r = realloc(it->cancels, (it->ncancels + 1) * sizeof *r)) ==
	    NULL) {
		b->bad = 1;
		return;
	}
	it->cancels = r;
	r = &it->cancels[it->ncancels];
	while (r > it->cancels && cal_cmp(r[-1].date, d) > 0) {
		r[0] = r[-1];
		r--;
	}
	memset(r, 0, sizeof *r);
	r->no = "";
	r->title = rp_str(b->pool, title);
	r->org = "";
	r->date = d;
	r->note = rp_fmt(b->pool, "%.*s", (int)n, n > 0 ? why : "");
	it->ncancels++;
	rp_era(era, d);
	it->cancelled = rp_fmt(b->pool, "%s%s%s（%s%s%.*s）",
	    it->cancelled != NULL ? it->cancelled : "",
	    it->cancelled != NULL ? "、" : "", title != NULL ? title : "",
	    era, n > 0 ? "、" : "", (int)n, n > 0 ? why : "");
	it->ncancelled++;
}

/*
 * Records of a kind of the fiscal year and of the years_before years
 * before it (work begun in one year and done in the next: a review's
 * steps may be dated to the end of the following year,
 * review_check_date()), only the fields wanted.  Every year's made the
 * report at 10 fiscal years 1.2 × its time.
 */
typedef int (*each_fn)(struct bld *, const struct schema *,
    const struct node *);

static int
each_record(struct bld *b, const char *kindname, int years_before,
    const char *const *want, size_t nwant, each_fn fn)
{
	const struct schema	*kind;
	struct reclist		 l = RECLIST_INIT;
	struct record		*r;
	size_t			 i;
	int			 rc, fy;

	if ((rc = store_kind(&kind, b->st, kindname)) != 0)
		return rc;
	for (fy = b->w->fy - years_before; fy <= b->w->fy && rc == 0; fy++) {
		if ((rc = store_scan(&l, b->st, kind, fy, NULL)) != 0)
			break;
		for (i = 0; i < l.n && rc == 0 && !b->bad; i++) {
			if ((rc = record_load_fields(&r, b->st, &l.v[i], NULL,
			    want, nwant)) != 0)
				break;
			rc = fn(b, kind, record_root(r));
			record_free(r);
		}
		reclist_free(&l);
	}
	return rc;
}

/* --- reviews: received; decided or submitted; opinions on time -------- */

/*
 * Texts named under an item, kept in date order as they come (the
 * records come by file): the withdrawn cases read 4月15日, 10月27日,
 * 10月2日, 6月15日.  Of equal dates the first come stays first.
 */
struct dated {
	struct dated_ent {
		struct cal_date	 d;
		long		 no;
		const char	*s;
	}		*v;
	size_t		 n;
};

/*
 * The order of a case among those of its day: the year it was received
 * and its number (練企情受第57号: 57), -1 for none.  Of one day, the
 * records came by file: 第57, 59, 58号 (review 19, rev19a T6).
 */
static long
case_order(const char *ref_no, struct cal_date rcv)
{
	const char	*p = ref_no;

	if (p == NULL)
		return -1;
	while (*p != '\0' && (*p < '0' || *p > '9'))
		p++;
	if (*p == '\0')
		return -1;
	return (long)(rcv.y > 0 ? cal_fy(rcv) : 0) * 1000000L +
	    strtol(p, NULL, 10) % 1000000L;
}

/* s dated d, among those of its day by no (-1: after them, as it comes) */
static void
dated_add_no(struct bld *b, struct dated *l, struct cal_date d, long no,
    const char *s)
{
	struct dated_ent	*e;
	int			 c;

	if ((e = realloc(l->v, (l->n + 1) * sizeof *e)) == NULL) {
		b->bad = 1;
		return;
	}
	l->v = e;
	e = &l->v[l->n++];
	while (e > l->v && ((c = cal_cmp(e[-1].d, d)) > 0 || (c == 0 &&
	    no >= 0 && e[-1].no > no))) {
		e[0] = e[-1];
		e--;
	}
	e->d = d;
	e->no = no;
	e->s = s;
}

static void
dated_add(struct bld *b, struct dated *l, struct cal_date d, const char *s)
{
	dated_add_no(b, l, d, -1, s);
}

/* The texts joined with 、 in the pool; NULL for none.  l is emptied. */
static const char *
dated_join_sep(struct bld *b, struct dated *l, const char *sep)
{
	struct buf	 out = BUF_INIT;
	const char	*p = NULL;
	size_t		 i;

	for (i = 0; i < l->n; i++)
		buf_printf(&out, "%s%s", i > 0 ? sep : "", l->v[i].s);
	if (l->n > 0) {
		if (buf_ok(&out) != 0)
			b->bad = 1;
		else
			p = rp_str(b->pool, out.data);
	}
	buf_free(&out);
	free(l->v);
	l->v = NULL;
	l->n = 0;
	return p;
}

static const char *
dated_join(struct bld *b, struct dated *l)
{
	return dated_join_sep(b, l, "、");
}

/*
 * A case or 課題 the ward takes over at the contract's end, appended;
 * handover_sort() puts them in the order of the table once all are in.
 */
static void
handover_add(struct bld *b, size_t item, const char *subject,
    const char *state, const char *todo, struct cal_date d, long no)
{
	struct report_handover	*v, *e;
	size_t			 cap;

	if (b->w->nhandover == b->caphand) {
		cap = b->caphand == 0 ? 16 : 2 * b->caphand;
		if ((v = realloc(b->w->handover, cap * sizeof *v)) == NULL) {
			b->bad = 1;
			return;
		}
		b->w->handover = v;
		b->caphand = cap;
	}
	e = &b->w->handover[b->w->nhandover];
	e->item = item;
	e->kind = item == SIZE_MAX ? "課題" : b->w->items[item].label;
	e->subject = subject;
	e->state = state != NULL && state[0] != '\0' ? rp_str(b->pool, state) :
	    "―";
	e->todo = todo;
	e->date = d;
	e->no = no;
	e->seq = b->w->nhandover++;
}

/*
 * The table's order: by item (its 区分, the item's order; SIZE_MAX: 課題,
 * last), then day, then number (none: after the numbered of its day);
 * of equal keys, as they came.  One sort once all are in: each row was
 * moved into place as it came, a quadratic insertion (stop 42).
 */
static int
handover_cmp(const void *x, const void *y)
{
	const struct report_handover	*a = x, *b = y;
	long				 na, nb;
	int				 c;

	if (a->item != b->item)
		return a->item < b->item ? -1 : 1;
	if ((c = cal_cmp(a->date, b->date)) != 0)
		return c;
	na = a->no < 0 ? LONG_MAX : a->no;
	nb = b->no < 0 ? LONG_MAX : b->no;
	if (na != nb)
		return na < nb ? -1 : 1;
	return a->seq < b->seq ? -1 : a->seq > b->seq;
}

static void
handover_sort(struct report_work *w)
{
	if (w->nhandover > 1)
		qsort(w->handover, w->nhandover, sizeof *w->handover,
		    handover_cmp);
}

/*
 * Under an item, its cases in the table of them: 2件（…に記載）, and
 * how many of them an earlier year received (nold), not in the counts.
 */
static const char *
handover_ref(struct bld *b, long n, long nold)
{
	char	c[32], o[32];

	if (nold > 0)
		return rp_fmt(b->pool, "%s件（うち前年度以前に受け付けたもの"
		    "%s件は件数に含めていません。「%s」に記載）", rp_count(c, n),
		    rp_count(o, nold), REPORT_HANDOVER_TITLE);
	return rp_fmt(b->pool, "%s件（「%s」に記載）", rp_count(c, n),
	    REPORT_HANDOVER_TITLE);
}

static enum ev_open open_end_of(struct store *, struct cal_date,
		    struct cal_date *, int *);

/*
 * The contract's last day, 令和13年3月31日, when the period ends the
 * year and the contract ends with it (contract.fiscal_years does not
 * list the next year); else NULL.  What is undecided then is handed to
 * the ward.
 */
static const char *
handover_day(struct bld *b)
{
	struct cal_date	 end;
	char		 e[CAL_FMT_MAX];
	int		 next;

	if (!b->yearend || open_end_of(b->st, b->w->to, &end, &next) !=
	    EV_OPEN_HANDED)
		return NULL;
	rp_era(e, end);
	return rp_str(b->pool, e);
}

struct review_acc {
	struct review_ctx	*ctx;
	long			 closed[3];	/* in the period */
	long			 ontime, late;	/* procurement opinions */
	long			 overdue;	/* unsent at the end, past due */
	struct dated		 od;		/* of those, not in the rows */
	struct dated		 co[3];		/* last year's, still open */
	struct dated		 pe[3];		/* this year's, before the period */
	const char		*handover;	/* the contract's end, or NULL */
	long			 nold[3];	/* of co, of the years before */
	long			 nhand[3];	/* handed over (handover_add) */
	struct dated		 wd[3];		/* withdrawn, by type */
	struct dated		 cl[3];		/* closed in the period */
};

/*
 * A review of item i received in the year to date and withdrawn (取下げ)
 * by the period's end: not counted.  The specification counts cases
 * scrutinised to a 可否決定通知 (3(1)ア(イ)a, 60 a year), which a
 * withdrawn case never gets, and the 情報化企画審査等実施状況 (review
 * export summary) sets its totals against the same expectation
 * 「（取下げを除く）」: counted here, the two disagreed by the withdrawn
 * cases.  Named under the item, so that the count is explained.
 */
static void
withdrawn(struct bld *b, size_t i, struct dated *l, const char *title,
    const char *org, struct cal_date rcv)
{
	struct report_item	*it = &b->w->items[i];
	char			 era[CAL_FMT_MAX];

	if (!rp_between(rcv, b->fy0, b->w->to))
		return;
	rp_era(era, rcv);
	dated_add(b, l, rcv, rp_fmt(b->pool, "%s（%s%s%s受付）",
	    title != NULL ? title : "",
	    org != NULL && org[0] != '\0' ? org : "",
	    org != NULL && org[0] != '\0' ? "、" : "", era));
	it->nwithdrawn++;
}

/*
 * The head every case named under an item starts with: 件名（番号、課、
 * -- the number of a case received in a year before with its year, the
 * numbers restarting each year (令和9年度練企情受第58号).  The caller
 * adds the dates and closes the bracket.
 */
static const char *
case_head(struct bld *b, const struct node *rec, struct cal_date rcv)
{
	const char	*no = node_get_str(rec, "ref_no");
	const char	*org = rp_org(b->st, node_get_str(rec, "org"));
	const char	*title = node_get_str(rec, "title");
	char		 year[CAL_FMT_MAX];

	if (no != NULL && no[0] != '\0' && cal_fy(rcv) < b->w->fy &&
	    cal_fy_label(year, sizeof year, cal_fy(rcv)) == 0)
		no = rp_fmt(b->pool, "%s%s", year, no);
	error_clear();
	return rp_fmt(b->pool, "%s（%s%s%s%s", title != NULL ? title : "",
	    no != NULL && no[0] != '\0' ? no : "",
	    no != NULL && no[0] != '\0' ? "、" : "",
	    org[0] != '\0' ? org : "", org[0] != '\0' ? "、" : "");
}

/*
 * A review closed in the period, named under its item whenever it was
 * received, so that 当期の決定 2件 shows which two: 件名（番号、課、
 * 令和8年12月14日提出、期限内）; one withdrawn after it closed says so
 * (…、期限内、提出後に取下げ).
 */
static void
closed_in_period(struct bld *b, struct dated *l, const struct node *rec,
    int t, struct cal_date rcv, struct cal_date closed, int has_due,
    struct cal_date due, int wd_after)
{
	static const char *const what[3] = { "決定", "提出", "通知" };
	char		 era[CAL_FMT_MAX];

	rp_era(era, closed);
	dated_add_no(b, l, closed, case_order(node_get_str(rec, "ref_no"),
	    rcv), rp_fmt(b->pool, "%s%s%s%s%s%s%s）", case_head(b, rec, rcv), era, what[t], t != 1 || !has_due ? "" :
	    cal_cmp(closed, due) <= 0 ? "、期限内" : "、期限超過",
	    wd_after ? "、" : "", wd_after ? what[t] : "",
	    wd_after ? "後に取下げ" : ""));
}

/*
 * A 意見書 past its 提出期限 and unsent at the period's end, not among
 * the period's rows (received before the period, or in a year before):
 * 件名（令和7年度練企情受第12号、保育課、令和8年3月2日受付、提出期限
 * 令和8年3月9日）.
 */
static void
overdue_named(struct bld *b, struct dated *l, const struct node *rec,
    struct cal_date rcv, struct cal_date due)
{
	char		 er[CAL_FMT_MAX], ed[CAL_FMT_MAX];

	rp_era(er, rcv);
	rp_era(ed, due);
	dated_add_no(b, l, due, case_order(node_get_str(rec, "ref_no"), rcv),
	    rp_fmt(b->pool, "%s%s受付、提出期限 %s）",
	    case_head(b, rec, rcv), er, ed));
}

/*
 * A case of a year before still undecided at the period's end, as
 * the list names it: 「…の再構築（令和10年度練企情受第59号、学校施設課、
 * 令和11年3月10日受付、精査済）」.
 */
static void
carried_named(struct bld *b, struct dated *l, const struct node *rec,
    struct cal_date rcv, const char *status, const struct schema *kind)
{
	/* 「…受付、受付」 says nothing: the state from ヒアリング中 on */
	const char	*st = strcmp(status, "received") == 0 ? NULL :
			    schema_label(kind, "status", status);
	char		 er[CAL_FMT_MAX];

	rp_era(er, rcv);
	dated_add_no(b, l, rcv, case_order(node_get_str(rec, "ref_no"), rcv),
	    rp_fmt(b->pool, "%s%s受付%s%s）",
	    case_head(b, rec, rcv), er, st != NULL ? "、" : "",
	    st != NULL ? st : ""));
}

/*
 * At the contract's end, a case still open handed to the ward, a row
 * of the 作業実施報告書's table (handover_add()); else named under its
 * item (carried_named()).
 */
static void
open_case(struct bld *b, struct review_acc *acc, struct dated *l, int t,
    const struct node *rec, struct cal_date rcv, const char *status,
    const struct schema *kind)
{
	static const size_t items[3] = { I_PLAN, I_PROC, I_SYSEVAL };
	static const char *const todo[3] = { "可否の決定", "意見書の提出",
	    "結果の通知" };
	char		 er[CAL_FMT_MAX];

	if (acc->handover == NULL) {
		carried_named(b, l, rec, rcv, status, kind);
		return;
	}
	rp_era(er, rcv);
	handover_add(b, items[t], rp_fmt(b->pool, "%s%s受付）",
	    case_head(b, rec, rcv), er), schema_label(kind, "status", status),
	    todo[t], rcv, case_order(node_get_str(rec, "ref_no"), rcv));
	acc->nhand[t]++;
}

static int
on_review(struct bld *b, const struct schema *kind, const struct node *rec,
    struct review_acc *acc)
{
	static const char *const types[3] = { "plan", "procurement",
	    "system-evaluation" };
	static const size_t items[3] = { I_PLAN, I_PROC, I_SYSEVAL };
	struct cal_date	 rcv, closed, due, notified;
	const char	*type = node_get_str(rec, "type");
	/* the state at the period's end, not today's */
	const char	*status = review_status_on(rec, b->w->to);
	struct report_ref *r;
	char		 note[256], lnote[192], e[CAL_FMT_MAX];
	char		 sd[CAL_FMT_MAX], sc[CAL_FMT_MAX];
	int		 t, has_closed, has_due, wd_after;

	for (t = 0; t < 3; t++)
		if (type != NULL && strcmp(type, types[t]) == 0)
			break;
	if (t == 3 || rp_date(&rcv, rec, "received") != 0)
		return 0;
	has_closed = review_closed_on(&closed, rec) == 0;
	/*
	 * A system evaluation counts when its 結果通知 went out, the day
	 * its 通知書 is dated (decision.notified), not the decision's: the
	 * report said 「令和11年1月19日通知」 of a 通知書 dated 1月22日
	 * (rev17a).  One with no such day is counted by its decision.
	 */
	if (has_closed && t == 2 && rp_date(&notified,
	    node_get(rec, "decision"), "notified") == 0)
		closed = notified;
	has_due = review_due(&due, review_ctx_cal(acc->ctx), rec) == 0;
	error_clear();
	/*
	 * Received before the year and still undecided at the period's
	 * end (an 意見書 past due is named below, as late): named, or it
	 * was in no report of its second year, or of any year after.
	 */
	if (cal_cmp(rcv, b->fy0) < 0 && (!has_closed ||
	    cal_cmp(closed, b->w->to) > 0) && status != NULL &&
	    strcmp(status, "withdrawn") != 0 &&
	    !(t == 1 && has_due && cal_cmp(due, b->w->to) < 0))
	{
		open_case(b, acc, &acc->co[t], t, rec, rcv, status, kind);
		acc->nold[t]++;
	}
	/*
	 * Received in the year before the period, or (at the contract's
	 * end, all of them handed to the ward) in it, and undecided at
	 * its end: named too.  Only the period's rows showed a case, and
	 * 練企情受第50号, 保留 since 11月, was in no report after its
	 * period's, not even the contract's last (rev20 M2).
	 */
	else if (cal_cmp(rcv, b->fy0) >= 0 && cal_cmp(rcv, b->w->to) <= 0 &&
	    (acc->handover != NULL || cal_cmp(rcv, b->w->from) < 0) &&
	    (!has_closed || cal_cmp(closed, b->w->to) > 0) &&
	    status != NULL && strcmp(status, "withdrawn") != 0 &&
	    !(t == 1 && has_due && cal_cmp(due, b->w->to) < 0))
		open_case(b, acc, acc->handover != NULL ? &acc->co[t] :
		    &acc->pe[t], t, rec, rcv, status, kind);
	/*
	 * Past its 提出期限 at the period's end and not sent by it: late,
	 * though no 期限超過 submission counts it (練企情受第63号,
	 * 未提出（期限R11.2.27） beside 「期限超過 0件」 on 3/31, rev17b),
	 * whatever year it was asked in -- an earlier year's, or one
	 * received before the period, was in no count.  Named where the
	 * period's rows do not show it.
	 */
	if (t == 1 && has_due && cal_cmp(due, b->w->to) < 0 &&
	    (!has_closed || cal_cmp(closed, b->w->to) > 0) &&
	    status != NULL && strcmp(status, "withdrawn") != 0) {
		acc->overdue++;
		if (!rp_between(rcv, b->w->from, b->w->to))
			overdue_named(b, &acc->od, rec, rcv, due);
		/* late, and at the contract's end the ward's too */
		if (acc->handover != NULL) {
			rp_era(e, rcv);
			rp_era(sd, due);
			handover_add(b, I_PROC, rp_fmt(b->pool, "%s%s受付）",
			    case_head(b, rec, rcv), e), rp_fmt(b->pool,
			    "未提出\n（提出期限 %s）", sd), "意見書の提出", rcv,
			    case_order(node_get_str(rec, "ref_no"), rcv));
			acc->nhand[1]++;
		}
	}
	if (has_closed && !rp_between(closed, b->fy0, b->w->to))
		has_closed = 0;
	/*
	 * Withdrawn after its decision or its 意見書 (the record's dates
	 * say the work was done and sent; its status only that the case
	 * ended later): counted as done, the withdrawal noted.  Listed as
	 * withdrawn and not counted, it was also 当期の意見書提出 2件's
	 * second (練企情受第65号, review15).
	 */
	wd_after = status != NULL && strcmp(status, "withdrawn") == 0 &&
	    has_closed;
	if (has_closed && rp_between(closed, b->w->from, b->w->to)) {
		acc->closed[t]++;
		closed_in_period(b, &acc->cl[t], rec, t, rcv, closed, has_due,
		    due, wd_after);
		if (t == 1 && has_due) {
			if (cal_cmp(closed, due) <= 0)
				acc->ontime++;
			else
				acc->late++;
		}
	}
	if (status != NULL && strcmp(status, "withdrawn") == 0 && !wd_after) {
		withdrawn(b, items[t], &acc->wd[t], node_get_str(rec, "title"),
		    rp_org(b->st, node_get_str(rec, "org")), rcv);
		return 0;
	}
	if (!count(b, items[t], rcv, NULL))
		return 0;
	if (wd_after) {
		b->w->items[items[t]].nwd_after++;
		b->w->items[items[t]].wd_after_what = t == 1 ? "意見書提出後" :
		    t == 2 ? "結果通知後" : "決定後";
	}
	/* open at the contract's end: as the 業務項目別実績 says it */
	snprintf(note, sizeof note, "%s", wd_after ? "決定後に取下げ" :
	    status == NULL ? "" : ev_open_label(schema_label(kind, "status",
	    status), acc->handover != NULL && !has_closed &&
	    strcmp(status, "withdrawn") != 0 ? EV_OPEN_HANDED :
	    EV_OPEN_RUNS));
	lnote[0] = '\0';
	if (t == 1 && has_due) {
		rp_era(e, due);
		snprintf(note, sizeof note, "提出期限 %s", e);
		/*
		 * The list's dates are R8.6.5: 提出期限／令和8年6月8日／
		 * 提出／令和8年6月5日／（期限内） took five lines there.
		 */
		cal_format_era(sd, sizeof sd, due, CAL_ERA_SHORT);
		if (has_closed) {
			size_t	l = strlen(note);

			rp_era(e, closed);
			/* a line each: 「…、提／出 …」 broke in a narrow cell */
			snprintf(note + l, sizeof note - l, "\n提出 %s（%s）", e,
			    cal_cmp(closed, due) <= 0 ? "期限内" : "期限超過");
			cal_format_era(sc, sizeof sc, closed, CAL_ERA_SHORT);
			snprintf(lnote, sizeof lnote, "%s提出\n（期限%s%s）%s",
			    sc, sd, cal_cmp(closed, due) <= 0 ? "" : "を超過",
			    wd_after ? "\n提出後に取下げ" : "");
			if (wd_after)
				strncat(note, "\n提出後に取下げ", sizeof note -
				    strlen(note) - 1);
		} else {
			strncat(note, "\n未提出", sizeof note - strlen(note) - 1);
			snprintf(lnote, sizeof lnote, "未提出\n（期限%s）", sd);
		}
	}
	r = add_ref(b, items[t], node_get_str(rec, "ref_no"),
	    node_get_str(rec, "title"), rp_org(b->st, node_get_str(rec, "org")),
	    rcv, note);
	if (r != NULL && lnote[0] != '\0')
		r->list_note = rp_str(b->pool, lnote);
	return 0;
}

/*
 * An item's second figure, counted in the period (fig: 決定 1件): the
 * 作業実施報告書 gives it of 当期, its period two months even when it
 * starts on 1 April; a table of the year (the 業務項目別実績) gives it
 * bare, which it may where the period starts on the year's first day,
 * the figure then the year's to date.
 */
static void
period_detail(struct bld *b, size_t i, const char *fig)
{
	struct report_item	*it = &b->w->items[i];

	it->detail = rp_fmt(b->pool, "当期の%s", fig);
	it->ytd_detail = cal_cmp(b->w->from, b->fy0) == 0 ?
	    rp_str(b->pool, fig) : NULL;
}

static int
on_review_cb(struct bld *b, const struct schema *k, const struct node *rec)
{
	return on_review(b, k, rec, b->arg);
}

/*
 * The reviews of the years before the two each_record() reads that may
 * still be open at the period's end (on_review()): 意見書 unsent, and
 * cases undecided, named with their year -- only the year before's
 * were, and a case of 令和9年度 still 保留 in 令和11年度 was in no report
 * (rev18a).  Each file is read only as far as its type and status; a
 * procurement review, or one whose status is not decided, submitted or
 * withdrawn, is read whole.  A case decided since the period's end
 * (its status now 決定済) is not among them: a past period's report
 * made later may leave it out.
 */
static int
older_reviews(struct bld *b, struct review_acc *acc,
    const char *const *want, size_t nwant)
{
	static const char *const head[] = { "type", "status" };
	const struct schema	*kind;
	struct reclist		 l = RECLIST_INIT;
	struct record		*r;
	const char		*type, *status;
	size_t			 i;
	int			 rc, open;

	if ((rc = store_kind(&kind, b->st, "review")) != 0 ||
	    (rc = store_scan(&l, b->st, kind, 0, NULL)) != 0)
		return rc;
	for (i = 0; i < l.n && rc == 0 && !b->bad; i++) {
		if (l.v[i].fy >= b->w->fy - 1)
			continue;
		if ((rc = record_load_fields(&r, b->st, &l.v[i], NULL, head,
		    2)) != 0)
			break;
		type = node_get_str(record_root(r), "type");
		status = node_get_str(record_root(r), "status");
		open = (type != NULL && strcmp(type, "procurement") == 0) ||
		    status == NULL || (strcmp(status, "decided") != 0 &&
		    strcmp(status, "submitted") != 0 &&
		    strcmp(status, "withdrawn") != 0);
		record_free(r);
		if (!open)
			continue;
		if ((rc = record_load_fields(&r, b->st, &l.v[i], NULL, want,
		    nwant)) != 0)
			break;
		rc = on_review(b, kind, record_root(r), acc);
		record_free(r);
	}
	reclist_free(&l);
	return rc;
}

static int
count_reviews(struct bld *b)
{
	static const char *const want[] = { "ref_no", "type", "title", "org",
	    "status", "received", "due", "submitted", "decision",
	    "hearings", "status_history" };
	static const char *const heads[3] = { "当期に決定したもの",
	    "当期に意見書を提出したもの", "当期に結果を通知したもの" };
	static const size_t items[3] = { I_PLAN, I_PROC, I_SYSEVAL };
	struct review_acc	acc;
	struct report_item	*it;
	char			n1[32], n2[32], n3[32], fig[256];
	int			rc, t;

	memset(&acc, 0, sizeof acc);
	acc.handover = handover_day(b);
	if ((rc = review_ctx_new(&acc.ctx, b->st)) != 0)
		return rc;
	b->arg = &acc;
	/*
	 * the year before's too: a plan received in March and decided in
	 * April is decided in April's period (rev17a), and was in no report
	 */
	rc = each_record(b, "review", 1, want, sizeof want / sizeof want[0],
	    on_review_cb);
	if (rc == 0)
		rc = older_reviews(b, &acc, want, sizeof want / sizeof want[0]);
	b->arg = NULL;
	b->w->items[I_PROC].overdue = dated_join(b, &acc.od);
	review_ctx_free(acc.ctx);
	for (t = 0; t < 3; t++) {
		it = &b->w->items[items[t]];
		it->withdrawn = dated_join(b, &acc.wd[t]);
		it->carried = acc.nhand[t] > 0 ? handover_ref(b,
		    acc.nhand[t], acc.nold[t]) : dated_join(b, &acc.co[t]);
		/* at the year's end, carried to the next: one a line */
		it->pending = b->yearend ? dated_join_sep(b, &acc.pe[t], "\n") :
		    dated_join(b, &acc.pe[t]);
		if (acc.handover != NULL)
			it->carried_head = rp_fmt(b->pool, "契約期間の末日（%s）"
			    "までに%sに至らず、区に引き継ぐもの%s", acc.handover,
			    t == 0 ? "決定" : t == 1 ? "意見書の提出" :
			    "結果の通知", acc.nold[t] == 0 ||
			    acc.nhand[t] > 0 ? "" : "（前年度以前に"
			    "受け付けたものは件数に含めていません）");
		it->nclosed = acc.closed[t];
		if ((it->closed = dated_join(b, &acc.cl[t])) != NULL)
			it->closed_head = heads[t];
	}
	if (rc != 0)
		return rc;
	snprintf(fig, sizeof fig, "決定 %s件", rp_count(n1, acc.closed[0]));
	period_detail(b, I_PLAN, fig);
	snprintf(fig, sizeof fig, "意見書提出 %s件（うち提出期限内 %s件、"
	    "期限超過 %s件）", rp_count(n1, acc.closed[1]),
	    rp_count(n2, acc.ontime), rp_count(n3, acc.late));
	if (acc.overdue > 0) {
		size_t	l = strlen(fig);

		snprintf(fig + l, sizeof fig - l, "、提出期限を過ぎて未提出 "
		    "%s件", rp_count(n1, acc.overdue));
	}
	period_detail(b, I_PROC, fig);
	snprintf(fig, sizeof fig, "結果通知 %s件", rp_count(n1, acc.closed[2]));
	period_detail(b, I_SYSEVAL, fig);
	return 0;
}

/* --- PIA: requests received ------------------------------------------ */

/*
 * A PIA's status by its dates on d, status the one it had last: the
 * advisor's 確認・助言 (review_notes) are its only dated steps.  One
 * noted after d was, on d, at most 確認・助言中, and still 評価書作成中
 * when none was noted by d (a report of 8月 showed 確認・助言中 of an
 * assessment whose first note is of 10月).
 */
static const char *
pia_by_dates(const struct node *rec, struct cal_date d, const char *status)
{
	const struct node	*ns = node_get(rec, "review_notes");
	struct cal_date		 day;
	size_t			 i;
	int			 by = 0, after = 0;

	for (i = 0; ns != NULL && ns->kind == NODE_SEQ && i < ns->n; i++) {
		if (rp_date(&day, ns->u.items[i], "date") != 0)
			continue;
		if (cal_cmp(day, d) <= 0)
			by = 1;
		else
			after = 1;
	}
	/* requested and drafting come before any note */
	if (!after || status == NULL || strcmp(status, "requested") == 0 ||
	    strcmp(status, "drafting") == 0)
		return status;
	return by ? "reviewing" : "drafting";
}

/*
 * A PIA's status on d: the change last logged by d (status_history,
 * written by nerima-cio edit), else by its dates.
 */
static const char *
pia_status_on(const struct node *rec, struct cal_date d)
{
	const char	*status = node_get_str(rec, "status"), *was;

	switch (statuslog_on(&was, rec, d)) {
	case STATUSLOG_LOGGED:
		return was;
	case STATUSLOG_BEFORE:
		status = was != NULL ? was : "requested";
		break;
	}
	return pia_by_dates(rec, d, status);
}

/*
 * A PIA whose 評価書 is not with the committee at the contract's end
 * (依頼受付 to 意見聴取・第三者点検中): the team's 確認・助言 is handed to
 * the ward, a row of the 作業実施報告書's table as the reviews' are; the
 * year-end table left it out while the 業務項目別実績 of the same day
 * said 確認・助言中 (rev43b B3).
 */
struct pia_acc {
	const char	*handover;	/* the contract's end, or NULL */
	long		 nhand, nold;
};

static int
pia_open(const char *status)
{
	return status == NULL || (strcmp(status, "submitted") != 0 &&
	    strcmp(status, "published") != 0);
}

static int
on_pia(struct bld *b, const struct schema *kind, const struct node *rec)
{
	struct pia_acc	*acc = b->arg;
	struct cal_date	 rcv;
	/* the state at the period's end, not today's */
	const char	*status = pia_status_on(rec, b->w->to);
	const char	*label = schema_label(kind, "status", status);
	int		 handed;
	char		 er[CAL_FMT_MAX];

	if (rp_date(&rcv, rec, "received") != 0 || cal_cmp(rcv, b->w->to) > 0)
		return 0;
	handed = acc->handover != NULL && pia_open(status);
	if (handed) {
		rp_era(er, rcv);
		handover_add(b, I_PIA, rp_fmt(b->pool, "%s%s受付）",
		    case_head(b, rec, rcv), er), label, "評価書の確認・助言",
		    rcv, case_order(node_get_str(rec, "ref_no"), rcv));
		acc->nhand++;
		if (cal_fy(rcv) < b->w->fy)
			acc->nold++;
	}
	if (count(b, I_PIA, rcv, NULL))
		add_ref(b, I_PIA, node_get_str(rec, "ref_no"),
		    node_get_str(rec, "title"),
		    rp_org(b->st, node_get_str(rec, "org")), rcv,
		    pia_open(status) ? ev_open_label(label, handed ?
		    EV_OPEN_HANDED : EV_OPEN_RUNS) : label);
	return 0;
}

static int
count_pias(struct bld *b, const char *const *want, size_t nwant)
{
	struct pia_acc		 acc;
	struct report_item	*it = &b->w->items[I_PIA];
	int			 rc;

	memset(&acc, 0, sizeof acc);
	acc.handover = handover_day(b);
	b->arg = &acc;
	/* the year before's too: one still open is handed over with ours */
	rc = each_record(b, "pia", acc.handover != NULL ? 1 : 0, want, nwant,
	    on_pia);
	b->arg = NULL;
	if (rc == 0 && acc.nhand > 0) {
		it->carried = handover_ref(b, acc.nhand, acc.nold);
		it->carried_head = rp_fmt(b->pool, "契約期間の末日（%s）までに"
		    "委員会への提出に至らず、区に引き継ぐもの", acc.handover);
	}
	return rc;
}

/* --- trainings: held -------------------------------------------------- */

/*
 * The 状況・備考 of a training: its attendance.  A training held over a
 * period and still running at the period's end (e-learning, 7月6日～
 * 8月14日, a period ending 7月22日) is said to be running, and its
 * count is given only as it stood then: the count of its imports all
 * dated by the period's end, with that date (受講者 1,204人（7月20日
 * 現在）).  The record keeps the latest count only, so one imported
 * after the period's end (the whole training's 2,973人, imported 8月17日)
 * is not the count at that end and is left to a later report.
 */
static void
training_note(char *out, size_t size, const struct training *t,
    struct cal_date to)
{
	const struct node	*seq, *it;
	struct cal_date		 last, on = { 0, 0, 0 }, d;
	char			 num[32];
	size_t			 i;
	int			 known;

	out[0] = '\0';
	last = training_last_day(t);
	if (cal_cmp(last, to) <= 0) {
		if (t->attended >= 0)
			snprintf(out, size, "受講者 %s人", rp_count(num,
			    t->attended));
		return;
	}
	/* the count's date: its latest import's, all by the period's end */
	known = t->attended >= 0 && t->root != NULL &&
	    (seq = node_get(t->root, "imports")) != NULL &&
	    seq->kind == NODE_SEQ && seq->n > 0;
	for (i = 0; known && i < seq->n; i++) {
		it = seq->u.items[i];
		if (rp_date(&d, it, "imported") != 0 || cal_cmp(d, to) > 0)
			known = 0;
		else if (cal_cmp(d, on) > 0)
			on = d;
	}
	if (known)
		snprintf(out, size, "実施中（%d月%d日まで）、受講者 %s人（%d月"
		    "%d日現在）", last.m, last.d, rp_count(num, t->attended),
		    on.m, on.d);
	else
		snprintf(out, size, "実施中（%d月%d日まで）", last.m, last.d);
}

static int
count_trainings(struct bld *b)
{
	struct tr_list		 l;
	const struct training	*t;
	struct report_ref	*r;
	const char		*key;
	char			 note[128];
	size_t			 i, item;
	int			 rc;

	if ((rc = tr_list_load(&l, b->st, b->w->fy, TR_LOAD_HEADS, NULL)) != 0)
		return rc;
	for (i = 0; i < l.n; i++) {
		t = l.v[i];
		enum ev_state	 when;

		if (t->status == NULL || t->kind == NULL || t->date.y == 0)
			continue;
		when = ev_state(t->date, strcmp(t->status, "held") == 0 ||
		    strcmp(t->status, "reported") == 0,
		    strcmp(t->status, "cancelled") == 0, b->w->to);
		if (when != EV_DONE && when != EV_NOT_HELD &&
		    when != EV_SCHEDULED)
			continue;
		/*
		 * 3(1)イ counts kinds of training, 3(2)イ audiences,
		 * 3(1)ウ(イ) sessions.
		 */
		if (strcmp(t->kind, "digital") == 0) {
			item = I_DIGITAL;
			key = t->plan_key != NULL ? t->plan_key : t->title;
		} else if (strcmp(t->kind, "security") == 0) {
			item = I_SECURITY;
			key = t->audience != NULL ? t->audience : t->title;
		} else if (strcmp(t->kind, "mynumber") == 0) {
			item = I_MYNUMBER;
			key = NULL;
		} else
			continue;
		if (when == EV_NOT_HELD) {
			not_held(b, item, "training", t->title, t->date);
			continue;
		}
		if (when == EV_SCHEDULED) {
			scheduled(b, item, t->date, key);
			continue;
		}
		if (key != NULL)
			key = rp_str(b->pool, key);
		if (!rp_between(t->date, b->w->from, b->w->to)) {
			count(b, item, t->date, key);
			continue;
		}
		count(b, item, t->date, key);
		training_note(note, sizeof note, t, b->w->to);
		if ((r = add_ref(b, item, "", t->title, rp_org(b->st, t->org),
		    t->date, note)) != NULL && t->end_date.y != 0 &&
		    cal_cmp(t->end_date, t->date) > 0)
			r->end = t->end_date;
	}
	tr_list_free(&l);
	return 0;
}

/* --- audits: held (past 計画) ------------------------------------------ */

static int
count_audits(struct bld *b)
{
	struct record		**v = NULL;
	const struct schema	*kind;
	const struct node	*rec;
	struct audit_score	 sc;
	struct cal_date		 d;
	struct report_ref	*r;
	const char		*type, *status, *org;
	char			 note[128], lnote[192], p[32];
	size_t			 n = 0, i, item, nall = 0;
	int			 rc, interim, marked;
	struct record		**all = NULL;
	struct audit_hist	 hist;

	memset(&hist, 0, sizeof hist);
	if ((rc = store_kind(&kind, b->st, "audit")) != 0 ||
	    (rc = audit_load_year(&v, &n, b->st, b->w->fy, NULL)) != 0)
		return rc;
	for (i = 0; i < n; i++) {
		rec = record_root(v[i]);
		type = node_get_str(rec, "type");
		status = node_get_str(rec, "status");
		if (type == NULL || status == NULL ||
		    rp_date(&d, rec, "date") != 0)
			continue;
		if (strcmp(type, "operational") == 0)
			item = I_OPAUDIT;
		else if (strcmp(type, "system") == 0)
			item = I_SYSAUDIT;
		else if (strcmp(type, "followup") == 0)
			item = I_FOLLOWUP;
		else
			continue;
		switch (ev_state(d, strcmp(status, "planned") != 0, 0,
		    b->w->to)) {
		case EV_DONE:
			break;
		case EV_NOT_HELD:
			not_held(b, item, "audit", node_get_str(rec, "title"), d);
			continue;
		case EV_SCHEDULED:
			scheduled(b, item, d, NULL);
			continue;
		default:
			continue;
		}
		if (!count(b, item, d, NULL))
			continue;
		/*
		 * the state at the period's end, not today's: 完了 only once
		 * a follow-up by then confirmed every finding (review19 M2),
		 * every audit's findings read only for one that says so
		 */
		status = audit_status_on(rec, b->w->to);
		if ((strcmp(status, "closed") == 0 ||
		    strcmp(status, "following-up") == 0) && all == NULL &&
		    ((rc = audit_load_findings(&all, &nall, b->st, 0,
		    NULL)) != 0 || (rc = audit_hist_init(&hist, all,
		    nall)) != 0)) {
			audit_free_all(all, nall);
			audit_free_all(v, n);
			return rc;
		}
		if (all != NULL)
			status = audit_hist_audit_status(&hist, rec, b->w->to);
		snprintf(note, sizeof note, "%s", schema_label(kind, "status",
		    status));
		lnote[0] = '\0';
		marked = 0;
		if (audit_score(&sc, audit_items(rec)) == 0) {
			/*
			 * The rate the audit's own documents print, interim
			 * by their rule (audit_score_interim()): items left
			 * to check.  An audit 実施中 with every item judged
			 * (経済課) is final, as its 集計表 prints it.  The
			 * list's narrow column gives the rate a line of its
			 * own (実施中、適合率／94.4% cut it from its label)
			 * and marks it ※ as the 集計表 does, with a note.
			 */
			interim = audit_score_interim(&sc);
			if (sc.total.possible > 0) {
				rp_rate(p, sc.total.earned, sc.total.possible);
				snprintf(lnote, sizeof lnote, "%s、\n適合率 %s%s",
				    note, p, interim ? "※" : "");
				snprintf(note + strlen(note), sizeof note -
				    strlen(note), "、適合率 %s%s", p, interim ?
				    "（暫定）" : "");
				marked = interim;
			}
			audit_score_free(&sc);
		}
		error_clear();
		org = node_get_str(rec, "target_org");
		r = add_ref(b, item, node_get_str(rec, "ref_no"),
		    node_get_str(rec, "title"), org != NULL ? rp_org(b->st,
		    org) : node_get_str(rec, "target_system"), d, note);
		if (r != NULL && lnote[0] != '\0') {
			r->list_note = rp_str(b->pool, lnote);
			r->interim = marked;
		}
	}
	audit_hist_free(&hist);
	audit_free_all(all, nall);
	audit_free_all(v, n);
	return b->bad ? error_set(NC_ENOMEM, "out of memory") : 0;
}

/* --- checklists: submitted -------------------------------------------- */

struct ck_acc {
	long	self, dept;	/* in the period */
};

static int
on_checklist(struct bld *b, const struct schema *kind, const struct node *rec)
{
	struct ck_acc	*acc = b->arg;
	struct cal_date	 d;
	const char	*k = node_get_str(rec, "kind");
	const char	*stage;

	if (k == NULL || rp_date(&d, rec, "submitted") != 0)
		return 0;
	if (strcmp(k, "vendor") != 0) {
		if (count(b, I_CHECKLIST, d, NULL)) {
			if (strcmp(k, "self") == 0)
				acc->self++;
			else
				acc->dept++;
		}
		return 0;
	}
	if (!count(b, I_VENDOR, d, NULL))
		return 0;
	stage = node_get_str(rec, "stage");
	add_ref(b, I_VENDOR, node_get_str(rec, "ref_no"),
	    node_get_str(rec, "contract") != NULL ?
	    node_get_str(rec, "contract") : node_get_str(rec, "title"),
	    rp_org(b->st, node_get_str(rec, "org")), d, stage != NULL ?
	    schema_label(kind, "stage", stage) : "");
	return 0;
}

static int
count_checklists(struct bld *b)
{
	static const char *const want[] = { "ref_no", "kind", "org", "title",
	    "submitted", "contract", "stage" };
	struct ck_acc	acc = { 0, 0 };
	char		n1[32], n2[32], fig[128];
	int		rc;

	b->arg = &acc;
	rc = each_record(b, "checklist", 0, want, sizeof want / sizeof want[0],
	    on_checklist);
	b->arg = NULL;
	if (rc == 0) {
		snprintf(fig, sizeof fig, "提出：所属点検 %s件、自己点検 %s件",
		    rp_count(n1, acc.dept), rp_count(n2, acc.self));
		period_detail(b, I_CHECKLIST, fig);
	}
	return rc;
}

/* --- incidents: reported to the team ---------------------------------- */

/*
 * 状況・備考: the incident's status at the period's end (対応中 in a
 * report of 4/14 of an incident closed on 5/6), then its category and
 * severity as they were then.
 */
static int
on_incident(struct bld *b, const struct schema *kind, const struct node *rec)
{
	struct cal_date	 d;
	const char	*cat = node_get_str(rec, "category");
	const char	*sev = incident_severity_on(rec, b->w->to);
	const char	*status = incident_status_on(rec, b->w->to);
	char		 note[160];

	if (rp_date(&d, rec, "reported") != 0 &&
	    rp_date(&d, rec, "discovered") != 0 &&
	    rp_date(&d, rec, "occurred") != 0)
		return 0;
	if (!count(b, I_INCIDENT, d, NULL))
		return 0;
	snprintf(note, sizeof note, "%s%s%s%s%s",
	    status != NULL ? schema_label(kind, "status", status) : "",
	    status != NULL && (cat != NULL || sev != NULL) ? "\n" : "",
	    cat != NULL ? schema_label(kind, "category", cat) : "",
	    sev != NULL ? cat != NULL ? "、重大度 " : "重大度 " : "",
	    sev != NULL ? schema_label(kind, "severity", sev) : "");
	add_ref(b, I_INCIDENT, node_get_str(rec, "ref_no"),
	    node_get_str(rec, "title"), rp_org(b->st, node_get_str(rec, "org")),
	    d, note);
	return 0;
}

/* --- meetings: held --------------------------------------------------- */

static int
on_meeting(struct bld *b, const struct schema *kind, const struct node *rec)
{
	static const struct {
		const char	*type;
		size_t		 item;
	} map[] = {
		{ "it-honbu", I_HONBU }, { "unei", I_UNEI },
		{ "security-committee", I_SECCOM }, { "regular", I_REGULAR },
		{ "progress", I_PROGRESS },
	};
	struct cal_date	 d, sent;
	const char	*type = node_get_str(rec, "type");
	const char	*status = node_get_str(rec, "status");
	size_t		 i;
	enum ev_state	 when;

	if (type == NULL || status == NULL || rp_date(&d, rec, "date") != 0)
		return 0;
	for (i = 0; i < sizeof map / sizeof map[0]; i++)
		if (strcmp(map[i].type, type) == 0)
			break;
	if (i == sizeof map / sizeof map[0])
		return 0;
	when = ev_state(d, strcmp(status, "held") == 0 ||
	    strcmp(status, "minutes-done") == 0,
	    strcmp(status, "cancelled") == 0, b->w->to);
	if (when == EV_NOT_HELD)
		not_held(b, map[i].item, "meeting", node_get_str(rec, "title"),
		    d);
	if (when == EV_CANCELLED && rp_between(d, b->fy0, b->w->to))
		cancelled(b, map[i].item, node_get_str(rec, "title"), d,
		    node_get_str(rec, "note"));
	if (when == EV_SCHEDULED)
		scheduled(b, map[i].item, d, NULL);
	if (when != EV_DONE)
		return 0;
	/* the state at the period's end: minutes sent after it were not
	 * sent yet */
	if (strcmp(status, "minutes-done") == 0 &&
	    rp_date(&sent, rec, "minutes_submitted") == 0 &&
	    cal_cmp(sent, b->w->to) > 0)
		status = "held";
	if (count(b, map[i].item, d, NULL))
		add_ref(b, map[i].item, node_get_str(rec, "ref_no"),
		    node_get_str(rec, "title"), "", d,
		    schema_label(kind, "status", status));
	return 0;
}

/* --- 3(2)ア: the 運営計画書 and 最終報告書 ------------------------------ */

/*
 * Each counted on its date, the day the document is dated (its cover's),
 * with the proofreading rounds done by the period's end: the
 * specification asks for two (4(2)ア).
 */
static int
on_secreport(struct bld *b, const struct schema *kind, const struct node *rec)
{
	const struct node	*pr = node_get(rec, "proofreads");
	const char		*type = node_get_str(rec, "type");
	struct cal_date		 d, pd;
	long			 rounds = 0;
	size_t			 i;
	char			 note[128];

	(void)kind;
	if (type == NULL || rp_date(&d, rec, "date") != 0)
		return 0;
	if (rp_between(d, b->fy0, b->w->to)) {
		struct report_item	*it = &b->w->items[I_SECREPORT];

		b->nsec[strcmp(type, "final") == 0]++;
		/*
		 * which they are, in the year's table (業務項目別実績): its
		 * 備考 was empty beside 実績 2 and 年間想定 各1 (rev20 T4)
		 */
		if (cal_cmp(b->w->from, b->fy0) == 0)
			it->ytd_detail = rp_fmt(b->pool, "運営計画書 %ld件、"
			    "最終報告書 %ld件", b->nsec[0], b->nsec[1]);
	}
	if (!count(b, I_SECREPORT, d, NULL))
		return 0;
	for (i = 0; pr != NULL && pr->kind == NODE_SEQ && i < pr->n; i++)
		if (rp_date(&pd, pr->u.items[i], "date") == 0 &&
		    cal_cmp(pd, b->w->to) <= 0)
			rounds++;
	if (rounds > 0)
		snprintf(note, sizeof note, "詳細版・概要版\n校正 %ld回", rounds);
	else
		snprintf(note, sizeof note, "詳細版・概要版");
	add_ref(b, I_SECREPORT, "", node_get_str(rec, "title"), "", d, note);
	return 0;
}

/* --- 3(2)キ: the policy-revision deliverables (4(2)キ) ----------------- */

static int
on_deliverable(struct bld *b, const struct schema *kind,
    const struct node *rec)
{
	const char	*spec = node_get_str(rec, "spec");
	const char	*k = node_get_str(rec, "kind");
	struct cal_date	 d;

	if (spec == NULL || strcmp(spec, "4(2)キ") != 0 ||
	    rp_date(&d, rec, "date") != 0 || !count(b, I_POLICY, d, NULL))
		return 0;
	add_ref(b, I_POLICY, node_get_str(rec, "ref_no"),
	    node_get_str(rec, "title"), "", d,
	    k != NULL ? schema_label(kind, "kind", k) : "");
	return 0;
}

/* --- consultations: the 相談業務実施報告書's own counts ----------------- */

/*
 * Whether a period ending on to ends the year: no day the ward is open
 * after it (the year-end report is dated the year's last business day).
 */
static int
year_ends(struct store *st, struct cal_date to)
{
	struct cal	*cal = NULL;
	struct cal_date	 d, fy1 = { cal_fy(to) + 1, 3, 31 };
	int		 open = 0;

	if (meeting_cal(&cal, st) != 0) {
		error_clear();
		return cal_cmp(to, fy1) >= 0;
	}
	for (d = cal_add_days(to, 1); cal_cmp(d, fy1) <= 0 && !open;
	    d = cal_add_days(d, 1))
		open = cal_is_business_day(cal, d);
	cal_free(cal);
	return !open;
}

static int
ends_year(struct bld *b)
{
	return year_ends(b->st, b->w->to);
}

/*
 * The rule of report_open_end(), with the contract's end (*end) or the
 * next year (*next) for the words.
 */
static enum ev_open
open_end_of(struct store *st, struct cal_date to, struct cal_date *end,
    int *next)
{
	const struct node	*conf;
	enum ev_open		 o = EV_OPEN_RUNS;
	int			 fy = cal_fy(to);

	*next = fy + 1;
	*end = (struct cal_date){ fy + 1, 3, 31 };
	if (!year_ends(st, to))
		return EV_OPEN_RUNS;
	if (store_config(&conf, st) != 0)
		conf = NULL;
	error_clear();
	if (conf != NULL && report_contract_year(conf, fy + 1) == 1)
		o = EV_OPEN_NEXT_YEAR;
	else {
		o = EV_OPEN_HANDED;
		if (conf == NULL || rp_date(end, node_get(conf, "contract"),
		    "end") != 0 || cal_fy(*end) != fy)
			*end = (struct cal_date){ fy + 1, 3, 31 };
	}
	error_clear();
	return o;
}

int
report_handover_day(char out[CAL_FMT_MAX], struct store *st,
    struct cal_date to)
{
	struct cal_date	 end;
	int		 next;

	if (open_end_of(st, to, &end, &next) != EV_OPEN_HANDED)
		return 0;
	rp_era(out, end);
	return 1;
}

int
report_open_end(enum ev_open *out, char *head, size_t n, struct store *st,
    struct cal_date to)
{
	struct cal_date	 end;
	char		 e[CAL_FMT_MAX];
	int		 next;

	*out = open_end_of(st, to, &end, &next);
	if (head == NULL || n == 0)
		return 0;
	head[0] = '\0';
	if (*out == EV_OPEN_NEXT_YEAR && cal_fy_label(e, sizeof e, next) == 0)
		snprintf(head, n, "年度末までに回答に至らず、次年度（%s）に引き"
		    "継いで回答するもの", e);
	else if (*out == EV_OPEN_HANDED) {
		rp_era(e, end);
		snprintf(head, n, "契約期間の末日（%s）までに回答に至らず、区に"
		    "引き継ぐもの", e);
	}
	error_clear();
	return 0;
}

/*
 * At the year's end, the consultations not answered by then are named
 * under their item with what becomes of them, as the config's contract
 * says: carried to the next year when contract.fiscal_years lists it,
 * else handed to the ward at the contract's end.  回答作成中 in the
 * rows alone left the ward to guess (rev18a).
 */
static void
open_at_end(struct bld *b, const struct consult_report *rp,
    const size_t items[CONSULT_NCOUNTS])
{
	struct dated		 l[CONSULT_NCOUNTS];
	char			 e[CAL_FMT_MAX], head[256];
	size_t			 i, k;
	long			 nh[CONSULT_NCOUNTS];
	enum ev_open		 o;

	if (!b->yearend)
		return;
	report_open_end(&o, head, sizeof head, b->st, b->w->to);
	if (o == EV_OPEN_RUNS)
		return;
	memset(l, 0, sizeof l);
	memset(nh, 0, sizeof nh);
	for (i = 0; i < rp->nrows; i++) {
		const struct consult_report_row *row = &rp->rows[i];

		if (row->days >= 0)
			continue;
		for (k = 0; k < CONSULT_NCOUNTS; k++)
			if (k != CONSULT_COUNT_ATTENDED &&
			    strcmp(row->type, rp->counts[k].label) == 0)
				break;
		if (k == CONSULT_NCOUNTS)
			continue;
		rp_era(e, row->received);
		if (o == EV_OPEN_HANDED) {
			handover_add(b, items[k], rp_fmt(b->pool,
			    "%s（%s%s%s%s%s受付）", row->title, row->ref_no,
			    row->ref_no[0] != '\0' ? "、" : "", row->org,
			    row->org[0] != '\0' ? "、" : "", e), row->status,
			    "回答", row->received, case_order(row->ref_no,
			    row->received));
			nh[k]++;
			continue;
		}
		/*
		 * 「…令和8年6月3日受付、受付）」 read as a slip (rev20 T8):
		 * the state from 回答作成中 on, as a review's
		 */
		dated_add_no(b, &l[k], row->received, case_order(row->ref_no,
		    row->received), rp_fmt(b->pool,
		    "%s（%s%s%s%s%s受付%s%s）", row->title, row->ref_no,
		    row->ref_no[0] != '\0' ? "、" : "", row->org,
		    row->org[0] != '\0' ? "、" : "", e,
		    strcmp(row->status, "受付") == 0 ? "" : "、",
		    strcmp(row->status, "受付") == 0 ? "" : row->status));
	}
	for (k = 0; k < CONSULT_NCOUNTS; k++) {
		if (l[k].n == 0 && nh[k] == 0)
			continue;
		/*
		 * carried to the next year: one a line, as the contract's
		 * end has them in a table (one paragraph of the cases joined
		 * by 、 read as a wall of text, rev20 T8)
		 */
		b->w->items[items[k]].open_end_head = rp_str(b->pool, head);
		b->w->items[items[k]].open_end = nh[k] > 0 ?
		    handover_ref(b, nh[k], 0) : dated_join_sep(b, &l[k], "\n");
	}
}

static int
count_consults(struct bld *b)
{
	static const size_t items[CONSULT_NCOUNTS] = { I_DEPT, I_ATTEND,
	    I_DIV, I_DX };
	struct consult_report	 rp;
	size_t			 i, k;
	int			 rc;
	enum ev_open		 o = EV_OPEN_RUNS;

	if ((rc = consult_report_build(&rp, b->st, b->w->from, b->w->to)) != 0)
		return rc;
	if (b->yearend)
		report_open_end(&o, NULL, 0, b->st, b->w->to);
	for (k = 0; k < CONSULT_NCOUNTS; k++) {
		b->w->items[items[k]].period = rp.counts[k].period;
		b->w->items[items[k]].ytd = rp.counts[k].ytd;
	}
	for (i = 0; i < rp.nrows; i++) {
		const struct consult_report_row *row = &rp.rows[i];

		if (!rp_between(row->received, b->w->from, b->w->to))
			continue;
		for (k = 0; k < CONSULT_NCOUNTS; k++)
			if (k != CONSULT_COUNT_ATTENDED &&
			    strcmp(row->type, rp.counts[k].label) == 0)
				break;
		if (k == CONSULT_NCOUNTS)
			continue;
		/* the 相談業務実施報告書's word for it (ev_open_label()) */
		add_ref(b, items[k], row->ref_no, row->title, row->org,
		    row->received, row->days >= 0 ? row->status :
		    ev_open_label(row->status, o));
	}
	open_at_end(b, &rp, items);
	/* counted by the date of each attendance, listed in the 相談業務実施報告書 */
	b->w->items[I_ATTEND].detail = "同席の日付と相手方は相談業務実施報告書に"
	    "記載";
	consult_report_free(&rp);
	return 0;
}

/*
 * At the contract's end, the 課題 still open: the ward's to carry on, as
 * the cases are (rev21c T5: the 課題管理表 of the contract's last day
 * said 未完了 13 件 and no one said who took them over).
 */
static int
open_issues(struct bld *b)
{
	struct issue_table	 t;
	char			 e[CAL_FMT_MAX];
	size_t			 i;
	int			 rc;

	if ((b->w->handover_day = handover_day(b)) == NULL)
		return 0;
	if ((rc = issue_table_build(&t, b->st, b->w->fy, b->w->to, 1)) != 0)
		return rc;
	for (i = 0; i < t.nrows; i++) {
		const struct issue_row *r = &t.rows[i];
		char	 er[CAL_FMT_MAX], fyl[CAL_FMT_MAX];
		const char *no = r->no, *dash;

		rp_era(er, r->raised);
		if (r->due.y != 0)
			rp_era(e, r->due);
		/*
		 * An earlier year's 課題 by its year in words, 令和8年度の
		 * 課題3, not the 課題管理表's column code 「課題R8-3」, which
		 * only its note there explains; numbered in its day by 3,
		 * not by the 8 of R8
		 */
		fyl[0] = '\0';
		if (r->fy != b->w->fy && no[0] == 'R' &&
		    (dash = strchr(no, '-')) != NULL) {
			no = dash + 1;
			cal_fy_label(fyl, sizeof fyl, r->fy);
		}
		/* its due date with its state, as the 課題管理表's row */
		handover_add(b, SIZE_MAX, rp_fmt(b->pool, "%s（%s%s課題%s、%s起票）",
		    r->title, fyl, fyl[0] != '\0' ? "の" : "", no, er),
		    r->due.y == 0 ? r->status :
		    rp_fmt(b->pool, "%s\n（期限 %s%s）", r->status, e,
		    r->overdue ? "、期限超過" : ""), "完了までの対応", r->raised,
		    case_order(no, r->raised));
	}
	issue_table_free(&t);
	return 0;
}

/* --- expectations, labels, the 6(1)ウ notes ---------------------------- */

static long
expected_of(struct store *st, const struct schema *cs, const char *key)
{
	const struct node	*conf, *def;
	const struct schema	*ps;
	const char		*v;
	char			 path[96];

	if (store_config(&conf, st) == 0 &&
	    (v = node_get_str(node_get(conf, "expectations"), key)) != NULL)
		return strtol(v, NULL, 10);
	error_clear();
	snprintf(path, sizeof path, "expectations.%s", key);
	if (cs == NULL || (ps = schema_at(cs, path)) == NULL)
		return -1;
	if ((def = schema_default(ps)) == NULL || def->kind != NODE_SCALAR)
		return -1;
	return strtol(def->u.s.str, NULL, 10);
}

/* "情報化企画審査（件）" into its label and its unit. */
static void
split_title(struct bld *b, struct report_item *it, const char *title)
{
	const char	*open = strstr(title, "（");
	size_t		 len = strlen(title);

	if (open == NULL || len < 3 || strcmp(title + len - 3, "）") != 0) {
		it->label = rp_str(b->pool, title);
		it->unit = "件";
		return;
	}
	it->label = strpool_add(b->pool, title, (size_t)(open - title));
	it->unit = strpool_add(b->pool, open + 3, (size_t)(title + len - 3 -
	    (open + 3)));
	if (it->label == NULL || it->unit == NULL)
		b->bad = 1;
}

static int
setup_items(struct bld *b)
{
	const struct schemaset	*set;
	const struct schema	*cs = NULL, *ps;
	struct report_work	*w = b->w;
	char			 path[96];
	size_t			 i;

	if (store_schemas(&set, b->st, NULL) == 0)
		cs = schemaset_kind(set, "config");
	error_clear();
	if ((w->items = calloc(NITEMS, sizeof *w->items)) == NULL)
		return error_set(NC_ENOMEM, "out of memory");
	w->nitems = NITEMS;
	for (i = 0; i < NITEMS; i++) {
		struct report_item *it = &w->items[i];

		it->key = item_defs[i].key;
		it->spec = item_defs[i].spec;
		it->expected = -1;
		it->volume = item_defs[i].volume;
		if (item_defs[i].label != NULL) {
			it->label = item_defs[i].label;
			it->unit = item_defs[i].unit;
			continue;
		}
		snprintf(path, sizeof path, "expectations.%s", it->key);
		if (cs == NULL || (ps = schema_at(cs, path)) == NULL ||
		    schema_title(ps) == NULL)
			return error_set(NC_ESCHEMA, "the config schema has no "
			    "title for '%s'", path);
		split_title(b, it, schema_title(ps));
		it->expected = expected_of(b->st, cs, it->key);
	}
	for (i = 0; i < NITEMS; i++) {
		struct report_item *it = &w->items[i];
		const char *of = NULL;

		it->row_label = it->label;
		snprintf(path, sizeof path, "expectations.%s", it->key);
		if (cs != NULL && (ps = schema_at(cs, path)) != NULL)
			of = schema_annotation(ps, "x-part-of");
		error_clear();
		/* listed under the item it is a part of, the one above */
		if (of != NULL && i > 0 && strcmp(w->items[i - 1].key,
		    of) == 0)
			it->row_label = rp_fmt(b->pool, "　うち%s", it->label);
	}
	return 0;
}

int
report_item_scheduled(const struct report_work *w,
    const struct report_item *it)
{
	(void)w;
	return it->is_short && it->nscheduled > 0 && it->expected > 0 &&
	    it->ytd + it->nunheld_ytd + it->ncancelled + it->nscheduled >=
	    it->expected;
}

int
report_item_withdrawn(const struct report_work *w,
    const struct report_item *it)
{
	return it->is_short && it->nwithdrawn > 0 &&
	    !report_item_scheduled(w, it) &&
	    report_item_unheld(w, it) != REPORT_UNHELD_ALL &&
	    (it->ytd + it->nunheld_ytd + it->ncancelled + it->nwithdrawn) *
	    12 >= it->expected * w->months;
}

enum report_unheld
report_item_unheld(const struct report_work *w, const struct report_item *it)
{
	long	out = it->nunheld_ytd + it->ncancelled;

	if (!it->is_short || out == 0)
		return REPORT_UNHELD_NONE;
	/*
	 * is_short's test with the 未実施 and the 中止 counted as held (an
	 * item counted once per audience may count one fewer, if the 未実施
	 * is of an audience already counted: a part is then said to be all).
	 * A meeting cancelled is not effort moved either: 15 held, 8 未実施
	 * and 第4回 中止 are the 24 planned.
	 */
	if ((it->ytd + out) * 12 >= it->expected * w->months)
		return REPORT_UNHELD_ALL;
	return REPORT_UNHELD_PART;
}

static void
judge(struct report_work *w)
{
	size_t	i;

	for (i = 0; i < w->nitems; i++) {
		struct report_item *it = &w->items[i];

		if (it->expected <= 0)
			continue;
		it->prorated = (double)it->expected * w->months / 12.0;
		/* 6(1)ウ: below the share of the year elapsed */
		it->is_short = it->ytd * 12 < it->expected * w->months;
	}
}

const char *
rp_count(char out[32], long n)
{
	if (n < 0) {
		snprintf(out, 32, "%ld", n);
		return out;
	}
	amount_format(out, 32, n);
	return out;
}

const char *
rp_rate(char out[32], double num, double den)
{
	struct audit_tally	t;
	long			v;

	memset(&t, 0, sizeof t);
	t.earned = num;
	t.possible = den;
	if (!audit_tally_tenths(&v, &t))
		snprintf(out, 32, "―");
	else
		audit_tenths_text(out, 32, v, 1);
	return out;
}

const char *
rp_pct(char out[32], double r)
{
	if (isnan(r))
		snprintf(out, 32, "―");
	else
		audit_tenths_text(out, 32, audit_rate_tenths(r), 1);
	return out;
}

/*
 * A prorated figure, always with one decimal: "20.0" beside "1.7" in
 * one column, not "20", so the reader sees one convention.  Rounded
 * half up (四捨五入) as a reader checking by hand and a workbook's 0.0
 * format do: 9 x 11 / 12 = 8.25 is 8.3, where printf's round half to
 * even gave 8.2.  The tolerance keeps a half that binary stores a hair
 * below it (4.35) a half.
 */
const char *
rp_num(char out[32], double v)
{
	double	t = floor(fabs(v) * 10.0 + 0.5 + 1e-9);

	snprintf(out, 32, "%s%.1f", v < 0 && t > 0 ? "-" : "", t / 10.0);
	return out;
}

/*
 * The fiscal year a contract's title names in its leading 令和N年度
 * (N in ASCII or full-width digits, or 元), 0 when it names none; *len
 * the bytes of that prefix.
 */
int
report_contract_fy(const char *title, size_t *len)
{
	const char	*p = title;
	int		 n = 0, digits = 0;

	if (p == NULL || strncmp(p, "令和", 6) != 0)
		return 0;
	p += 6;
	if (strncmp(p, "元", 3) == 0) {
		n = 1;
		p += 3;
	} else {
		for (;;) {
			if (*p >= '0' && *p <= '9') {
				n = n * 10 + (*p - '0');
				p++;
			} else if ((unsigned char)p[0] == 0xef &&
			    (unsigned char)p[1] == 0xbc &&
			    (unsigned char)p[2] >= 0x90 &&
			    (unsigned char)p[2] <= 0x99) {
				n = n * 10 + ((unsigned char)p[2] - 0x90);
				p += 3;
			} else
				break;
			if (++digits > 3)
				return 0;
		}
	}
	if (n < 1 || strncmp(p, "年度", 6) != 0)
		return 0;
	if (len != NULL)
		*len = (size_t)(p + 6 - title);
	return 2018 + n;
}

/*
 * The title a document of fiscal year fy gives the contract.  The config
 * holds one title while contract.fiscal_years lists the renewals: a
 * leading 令和N年度 is the year's, so that a report of 令和9年度 under
 * the title 令和8年度…業務委託 names 令和9年度…業務委託, the contract
 * renewed for that year.  A title without a year is the same every year.
 */
const char *
report_contract_title(void *pool, const char *title, int fy)
{
	char	fyl[CAL_FMT_MAX];
	size_t	len;

	if (title == NULL)
		return rp_str(pool, NULL);
	if (report_contract_fy(title, &len) == 0 ||
	    cal_fy_label(fyl, sizeof fyl, fy) != 0) {
		error_clear();
		return rp_str(pool, title);
	}
	return rp_fmt(pool, "%s%s", fyl, title + len);
}

int
report_contract_year(const struct node *conf, int fy)
{
	const struct node	*fys = node_get(node_get(conf, "contract"),
				    "fiscal_years");
	size_t			 i;

	if (fys == NULL || fys->kind != NODE_SEQ)
		return -1;
	for (i = 0; i < fys->n; i++)
		if (fys->u.items[i]->kind == NODE_SCALAR &&
		    atoi(fys->u.items[i]->u.s.str) == fy)
			return 1;
	return 0;
}

/*
 * The contract's years as the specification allows them: one year's
 * contract, 「契約の更新は、2回まで」, so the initial year and at most two
 * renewals, one after the other (rev19b G2: five years listed, and every
 * document of the last two printed a contract that cannot exist).  A
 * year ending after contract.renewal_limit is past the limit the config
 * itself gives.
 */
static void
contract_years_lint(const struct node *c, const char *path,
    struct diags *warns)
{
	const struct node	*fys = node_get(c, "fiscal_years"), *it;
	const char		*lim = node_get_str(c, "renewal_limit");
	size_t			 i;
	int			 fy, prev = 0;
	unsigned		 line;
	char			 end[24];

	if (fys == NULL || fys->kind != NODE_SEQ)
		return;
	line = fys->line;
	if (fys->n > 3)
		diags_add(warns, path, line, 0, "contract.fiscal_years lists"
		    " %zu years; the contract is for one year, renewed at most"
		    " twice (3 years)", fys->n);
	for (i = 0; i < fys->n; i++) {
		it = fys->u.items[i];
		if (it->kind != NODE_SCALAR || (fy = atoi(it->u.s.str)) == 0)
			continue;
		if (prev != 0 && fy != prev + 1)
			diags_add(warns, path, it->line, 0, "contract."
			    "fiscal_years: %d follows %d; the years of one"
			    " contract and its renewals are consecutive", fy,
			    prev);
		/* FY2028 ends 2029-03-31: ISO dates compare as text */
		snprintf(end, sizeof end, "%04d-03-31", fy + 1);
		if (lim != NULL && strlen(lim) == 10 && strcmp(end, lim) > 0)
			diags_add(warns, path, it->line, 0, "contract."
			    "fiscal_years: %d ends after contract.renewal_limit"
			    " (%s)", fy, lim);
		prev = fy;
	}
}

void
report_config_lint(const struct node *conf, const char *path,
    struct diags *warns)
{
	const struct node	*c = node_get(conf, "contract");
	const struct node	*fys = node_get(c, "fiscal_years");
	const char		*title = node_get_str(c, "title");
	size_t			 i;
	int			 fy;

	contract_years_lint(c, path, warns);
	if ((fy = report_contract_fy(title, NULL)) == 0 || fys == NULL ||
	    fys->kind != NODE_SEQ)
		return;
	for (i = 0; i < fys->n; i++)
		if (fys->u.items[i]->kind == NODE_SCALAR &&
		    atoi(fys->u.items[i]->u.s.str) == fy)
			return;
	diags_add(warns, path, node_get(c, "title")->line, 0, "contract.title "
	    "names fiscal year %d, which contract.fiscal_years does not list; "
	    "the documents of each listed year name that year instead", fy);
}

/*
 * Where the year's effort went: every item above its share of the year,
 * furthest (relative to its volume) first, then all the work without a
 * yearly volume done this year -- exactly what the rule printed before
 * the list says, none left out.
 */
static const char *
destinations(struct bld *b)
{
	struct report_work	*w = b->w;
	struct buf		 out = BUF_INIT, names = BUF_INIT;
	size_t			 order[NITEMS], n = 0, i, j, t;
	double			 ex[NITEMS];
	char			 p[32], c[32];
	const char		*s;

	for (i = 0; i < w->nitems; i++) {
		const struct report_item *it = &w->items[i];

		if (it->expected > 0 && !it->is_short &&
		    it->ytd > it->prorated) {
			ex[i] = (it->ytd - it->prorated) / (double)it->expected;
			order[n++] = i;
		}
	}
	for (i = 1; i < n; i++)
		for (j = i; j > 0 && ex[order[j]] > ex[order[j - 1]]; j--) {
			t = order[j];
			order[j] = order[j - 1];
			order[j - 1] = t;
		}
	for (i = 0; i < n; i++) {
		const struct report_item *it = &w->items[order[i]];

		buf_printf(&names, "%s%s", out.len > 0 ? "、" : "", it->label);
		buf_printf(&out, "%s%s（年度累計%s%s、按分%s%s）",
		    out.len > 0 ? "、" : "", it->label, rp_count(c, it->ytd),
		    it->unit, rp_num(p, it->prorated), it->unit);
	}
	for (i = 0; i < w->nitems; i++) {
		const struct report_item *it = &w->items[i];

		if (it->expected >= 0 || it->volume != NULL || it->ytd == 0)
			continue;
		buf_printf(&names, "%s%s", out.len > 0 ? "、" : "", it->label);
		buf_printf(&out, "%s%s（年度累計%s%s）", out.len > 0 ? "、" :
		    "", it->label, rp_count(c, it->ytd), it->unit);
	}
	if (buf_ok(&out) != 0 || buf_ok(&names) != 0) {
		b->bad = 1;
		s = "";
	} else {
		w->effort = out.len > 0 ? rp_str(b->pool, out.data) : NULL;
		s = rp_str(b->pool, names.len > 0 ? names.data : "");
	}
	buf_free(&out);
	buf_free(&names);
	return s;
}

static void
propose_notes(struct bld *b)
{
	struct report_work	*w = b->w;
	const char		*dest = destinations(b), *out;
	char			 p[32], c1[32], c2[32], c3[32];
	size_t			 i;

	for (i = 0; i < w->nitems; i++) {
		struct report_item *it = &w->items[i];

		if (!it->is_short)
			continue;
		rp_num(p, it->prorated);
		/*
		 * Sessions due but with no record of being held are not
		 * effort moved elsewhere: where they make the whole
		 * shortfall, the note says only that; where a part, that
		 * part apart from what 6(1)ウ moves.  The 業務項目別実績
		 * words its 備考 by the same test (report_item_unheld()).
		 */
		/* 未実施 8回, 中止 1回, or both, in the item's unit */
		if (it->nunheld_ytd > 0 && it->ncancelled > 0)
			out = rp_fmt(b->pool, "年度内に予定日を過ぎて実施の記録が"
			    "ないもの（未実施）%s%sと中止したもの%ld%s",
			    rp_count(c3, it->nunheld_ytd), it->unit,
			    it->ncancelled, it->unit);
		else if (it->ncancelled > 0)
			out = rp_fmt(b->pool, "年度内に中止したもの%ld%s",
			    it->ncancelled, it->unit);
		else
			out = rp_fmt(b->pool, "年度内に予定日を過ぎて実施の記録が"
			    "ないもの（未実施）%s%s", rp_count(c3,
			    it->nunheld_ytd), it->unit);
		/*
		 * The plan's timing: the rest of the year's sessions are
		 * scheduled (第8回 定例会 the day after the report); no
		 * effort is moved, whatever was cancelled or not held.
		 */
		if (report_item_scheduled(w, it)) {
			it->note = rp_fmt(b->pool, "年度累計%s%sは、年間想定%s%s"
			    "の経過%dか月分（%s%s）を下回っていますが、年度内に"
			    "あと%s%sを予定しており（作業実施計画書）、実施時期に"
			    "よるものです。%s%s作業量の振替はありません。",
			    rp_count(c1, it->ytd), it->unit, rp_count(c2,
			    it->expected), it->unit, w->months, p, it->unit,
			    rp_count(c3, it->nscheduled), it->unit,
			    it->nunheld_ytd + it->ncancelled > 0 ? out : "",
			    it->nunheld_ytd + it->ncancelled > 0 ? "は件数に"
			    "含めていません。" : "");
			continue;
		}
		/* the withdrawn make up the rest: nothing moved either */
		if (report_item_withdrawn(w, it)) {
			it->note = rp_fmt(b->pool, "年度累計%s%sは、年間想定%s%s"
			    "の経過%dか月分（%s%s）を下回っています。下回る分は、"
			    "%s%s年度内に取り下げられたもの%s%s（件数に含めて"
			    "いません）によるもので、作業量の振替はありません。",
			    rp_count(c1, it->ytd), it->unit, rp_count(c2,
			    it->expected), it->unit, w->months, p, it->unit,
			    it->nunheld_ytd + it->ncancelled > 0 ? out : "",
			    it->nunheld_ytd + it->ncancelled > 0 ? "および" : "",
			    rp_count(c3, it->nwithdrawn), it->unit);
			continue;
		}
		switch (report_item_unheld(w, it)) {
		case REPORT_UNHELD_ALL:
			it->note = rp_fmt(b->pool, "年度累計%s%sは、年間想定%s%s"
			    "の経過%dか月分（%s%s）を下回っています。下回る分は、"
			    "%sによるものです。", rp_count(c1, it->ytd), it->unit,
			    rp_count(c2, it->expected), it->unit, w->months, p,
			    it->unit, out);
			continue;
		case REPORT_UNHELD_PART:
			it->note = rp_fmt(b->pool, "年度累計%s%sは、年間想定%s%s"
			    "の経過%dか月分（%s%s）を下回っています。下回る分の"
			    "うち、%sを除く分については、%s", rp_count(c1,
			    it->ytd), it->unit, rp_count(c2, it->expected),
			    it->unit, w->months, p, it->unit, out,
			    dest[0] != '\0' ?
			    "本項目に見込んでいた作業量を上記の振替先に振り替えて"
			    "います。" : "仕様書6(1)ウに基づき、本項目に見込んで"
			    "いた作業量を他の委託内容に振り替えます。");
			continue;
		case REPORT_UNHELD_NONE:
			break;
		}
		/* the destinations are named once, above the notes */
		if (dest[0] != '\0')
			it->note = rp_fmt(b->pool, "年度累計%s%sは、年間想定%s%s"
			    "の経過%dか月分（%s%s）を下回っています。本項目に見込ん"
			    "でいた作業量は、上記の振替先に振り替えています。",
			    rp_count(c1, it->ytd), it->unit, rp_count(c2,
			    it->expected), it->unit, w->months, p, it->unit);
		else
			it->note = rp_fmt(b->pool, "年度累計%s%sは、年間想定%s%s"
			    "の経過%dか月分（%s%s）を下回っています。仕様書6(1)ウに"
			    "基づき、本項目に見込んでいた作業量を他の委託内容に振り替え"
			    "ます。", rp_count(c1, it->ytd), it->unit, rp_count(c2,
			    it->expected), it->unit, w->months, p, it->unit);
	}
}

static int
ref_cmp(const void *a, const void *b)
{
	const struct report_ref	*x = a, *y = b;
	int			 c;

	if ((c = cal_cmp(x->date, y->date)) != 0)
		return c;
	if ((c = strcmp(x->no, y->no)) != 0)
		return c;
	return strcmp(x->title, y->title);
}

int
report_work_build(struct report_work *out, struct store *st,
    struct cal_date from, struct cal_date to, struct cal_date as_of,
    const char *meeting)
{
	static const char *const pia_want[] = { "ref_no", "title", "org",
	    "received", "status", "review_notes", "status_history" };
	static const char *const inc_want[] = { "ref_no", "title", "org",
	    "reported", "discovered", "occurred", "category", "severity",
	    "status", "closed", "timeline", "prevention", "isolation" };
	static const char *const mt_want[] = { "ref_no", "type", "title",
	    "date", "status", "minutes_submitted", "note" };
	static const char *const sr_want[] = { "type", "title", "date",
	    "proofreads" };
	static const char *const dl_want[] = { "ref_no", "title", "kind",
	    "spec", "date" };
	struct bld		 b;
	struct cal_date		 fy1;
	const struct node	*conf;
	char			 a[CAL_FMT_MAX], c[CAL_FMT_MAX];
	const char		*s;
	size_t			 i;
	int			 rc;

	memset(out, 0, sizeof *out);
	memset(&b, 0, sizeof b);
	if (!cal_date_valid(from) || !cal_date_valid(to) ||
	    cal_cmp(from, to) > 0)
		return error_set(NC_EINVALID, "the period must run forward "
		    "from one date to another");
	if (cal_fy(from) != cal_fy(to))
		return error_set(NC_EINVALID, "the period %04d-%02d-%02d to "
		    "%04d-%02d-%02d crosses fiscal years: a work report covers "
		    "one (FY%d ends on %d-03-31)", from.y, from.m, from.d,
		    to.y, to.m, to.d, cal_fy(from), cal_fy(from) + 1);
	if ((out->pool = calloc(1, sizeof(struct strpool))) == NULL)
		return error_set(NC_ENOMEM, "out of memory");
	strpool_init(out->pool);
	b.w = out;
	b.pool = out->pool;
	b.st = st;
	out->fy = cal_fy(to);
	out->from = from;
	out->to = to;
	out->as_of = as_of;
	/*
	 * Months completed, not begun: 定例会 12回, every one held, fell
	 * short of 経過7か月分 (14.0回) on 10月4日, and twelve days into
	 * the year every item of its 経過1か月分 (rev17a).
	 */
	out->months = cal_fy_months(out->fy, to);
	cal_fy_bounds(&b.fy0, &fy1, out->fy);
	rp_era(a, from);
	rp_era(c, to);
	/*
	 * a period that ends the year on its last business day says the
	 * days after it are closed, so the reader sees none is left out;
	 * its year is complete, set against the whole year's volume (the
	 * report of 3月29日 compared 56件 with 11 months' 55.0)
	 */
	b.yearend = ends_year(&b);
	if (cal_cmp(to, fy1) < 0 && b.yearend) {
		struct cal_date	 d1 = cal_add_days(to, 1);

		out->months = cal_fy_months(out->fy, fy1);
		if (cal_cmp(d1, fy1) == 0)
			out->period_note = rp_fmt(b.pool, "（%d月%d日は閉庁日）",
			    d1.m, d1.d);
		else
			out->period_note = rp_fmt(b.pool, "（%d月%d日から%d日は"
			    "閉庁日）", d1.m, d1.d, fy1.d);
	}
	out->period = rp_fmt(b.pool, "%sから%sまで", a, c);
	out->meeting = meeting != NULL ? rp_str(b.pool, meeting) : NULL;
	if ((rc = store_config(&conf, st)) != 0)
		goto done;
	s = node_get_str(node_get(conf, "documents"), "author");
	out->author = rp_str(b.pool, s != NULL ? s :
	    node_get_str(conf, "contractor"));
	out->contract = report_contract_title(b.pool, node_get_str(node_get(
	    conf, "contract"), "title"), out->fy);
	out->addressee = rp_str(b.pool, node_get_str(node_get(conf, "client"),
	    "head_title"));
	if ((rc = setup_items(&b)) != 0 ||
	    (rc = count_reviews(&b)) != 0 ||
	    (rc = count_pias(&b, pia_want,
	    sizeof pia_want / sizeof pia_want[0])) != 0 ||
	    (rc = count_trainings(&b)) != 0 ||
	    (rc = count_audits(&b)) != 0 ||
	    (rc = count_checklists(&b)) != 0 ||
	    (rc = each_record(&b, "incident", 0, inc_want,
	    sizeof inc_want / sizeof inc_want[0], on_incident)) != 0 ||
	    (rc = each_record(&b, "meeting", 0, mt_want,
	    sizeof mt_want / sizeof mt_want[0], on_meeting)) != 0 ||
	    (rc = each_record(&b, "secreport", 0, sr_want,
	    sizeof sr_want / sizeof sr_want[0], on_secreport)) != 0 ||
	    (rc = each_record(&b, "deliverable", 0, dl_want,
	    sizeof dl_want / sizeof dl_want[0], on_deliverable)) != 0 ||
	    (rc = count_consults(&b)) != 0 ||
	    (rc = open_issues(&b)) != 0)
		goto done;
	if (b.bad) {
		rc = error_set(NC_ENOMEM, "out of memory");
		goto done;
	}
	for (i = 0; i < out->nitems; i++)
		if (out->items[i].nrefs > 1)
			qsort(out->items[i].refs, out->items[i].nrefs,
			    sizeof *out->items[i].refs, ref_cmp);
	handover_sort(out);
	scheduled_done(&b);
	judge(out);
	propose_notes(&b);
	if (b.bad)
		rc = error_set(NC_ENOMEM, "out of memory");
done:
	for (i = 0; i < NITEMS; i++) {
		free(b.seen_p[i]);
		free(b.seen_y[i]);
		free(b.seen_f[i]);
	}
	if (rc != 0)
		report_work_free(out);
	return rc;
}

void
report_work_free(struct report_work *w)
{
	size_t	i;

	if (w == NULL)
		return;
	for (i = 0; i < w->nitems; i++) {
		free(w->items[i].refs);
		free(w->items[i].cancels);
	}
	free(w->items);
	free(w->handover);
	diags_free(&w->warns);
	if (w->pool != NULL) {
		strpool_free(w->pool);
		free(w->pool);
	}
	memset(w, 0, sizeof *w);
}

const struct report_item *
report_work_item(const struct report_work *w, const char *key)
{
	size_t	i;

	for (i = 0; i < w->nitems; i++)
		if (strcmp(w->items[i].key, key) == 0 ||
		    strcmp(w->items[i].label, key) == 0)
			return &w->items[i];
	return NULL;
}

int
report_work_set_note(struct report_work *w, const char *item,
    const char *text)
{
	struct report_item	*it;

	if ((it = (struct report_item *)report_work_item(w, item)) == NULL)
		return error_set(NC_ENOTFOUND, "no work item '%s': expected a "
		    "key of the config's expectations such as plan_reviews, "
		    "or its title", item);
	if (!it->is_short)
		return error_set(NC_EINVALID, "'%s' is not below its "
		    "expectation in this period: the 6(1)ウ note goes only "
		    "where a count is short", item);
	if (text == NULL || text[0] == '\0')
		return error_set(NC_EINVALID, "the note for '%s' is empty",
		    item);
	it->note = rp_str(w->pool, text);
	it->note_given = 1;
	return 0;
}

int
report_meeting_period(struct cal_date *from, struct cal_date *to,
    struct cal_date *as_of, struct store *st, const struct node *rec)
{
	const struct schema	*kind;
	const char		*type = node_get_str(rec, "type");
	const char		*title = node_get_str(rec, "title");
	int			 rc;

	if (type == NULL || strcmp(type, "progress") != 0) {
		if ((rc = store_kind(&kind, st, "meeting")) != 0)
			return rc;
		return error_set(NC_EINVALID, "'%s' is a %s, not a 進捗報告会: "
		    "a work report is made for a progress meeting",
		    title != NULL ? title : "?", type != NULL ?
		    schema_label(kind, "type", type) : "meeting of no type");
	}
	return meeting_report_period(from, to, as_of, st, rec);
}
