/*
 * Reviews: the computations that drive the work (cost, 決裁区分, due
 * dates, days open, overdue) and the data directory context.  The
 * documents are in review_doc.c, the yearly summary in review_sum.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "review.h"
#include "review_int.h"
#include "statuslog.h"

int
review_ctx_new(struct review_ctx **out, struct store *st)
{
	struct review_ctx	*c;
	char			*path = NULL;
	int			 rc;

	*out = NULL;
	if ((c = calloc(1, sizeof *c)) == NULL)
		return error_set(NC_ENOMEM, "out of memory");
	c->st = st;
	if ((rc = store_kind(&c->kind, st, "review")) != 0 ||
	    (rc = store_refdata(&c->ref, st)) != 0 ||
	    (rc = refdata_config(&c->config, c->ref)) != 0)
		goto fail;
	if ((c->cal = cal_new()) == NULL) {
		rc = error_set(NC_ENOMEM, "out of memory");
		goto fail;
	}
	if ((path = store_path(st, CAL_CLOSURES_FILE)) == NULL) {
		rc = NC_ENOMEM;
		goto fail;
	}
	rc = cal_load_closures(c->cal, path, NULL);
	free(path);
	if (rc != 0 && rc != NC_ENOTFOUND)
		goto fail;
	*out = c;
	return 0;
fail:
	review_ctx_free(c);
	return rc;
}

void
review_ctx_free(struct review_ctx *c)
{
	if (c == NULL)
		return;
	cal_free(c->cal);
	free(c);
}

const struct schema *
review_ctx_kind(const struct review_ctx *c)
{
	return c->kind;
}

const struct node *
review_ctx_config(const struct review_ctx *c)
{
	return c->config;
}

const struct cal *
review_ctx_cal(const struct review_ctx *c)
{
	return c->cal;
}

struct store *
review_ctx_store(const struct review_ctx *c)
{
	return c->st;
}

int
review_is_open(const struct node *rec)
{
	static const char *const closed[] = { "decided", "submitted",
	    "withdrawn", NULL };
	const char	*s = node_get_str(rec, "status");
	size_t		 i;

	for (i = 0; s != NULL && closed[i] != NULL; i++)
		if (strcmp(s, closed[i]) == 0)
			return 0;
	return 1;
}

int
review_withdrawn(const struct node *rec)
{
	struct cal_date	 d;

	if (!node_scalar_eq(node_get(rec, "status"), "withdrawn"))
		return REVIEW_NOT_WITHDRAWN;
	if (review_closed_on(&d, rec) == 0)
		return REVIEW_WITHDRAWN_AFTER;
	error_clear();
	return REVIEW_WITHDRAWN_BEFORE;
}

int
review_withdrawn_on(const struct node *rec, struct cal_date d)
{
	const char	*s = review_status_on(rec, d);
	struct cal_date	 c;

	if (s == NULL || strcmp(s, "withdrawn") != 0)
		return REVIEW_NOT_WITHDRAWN;
	if (review_closed_on(&c, rec) == 0 && cal_cmp(c, d) <= 0)
		return REVIEW_WITHDRAWN_AFTER;
	error_clear();
	return REVIEW_WITHDRAWN_BEFORE;
}

int
review_opinion_draft(const struct node *rec)
{
	/*
	 * The opinions are settled by the assessment (assessed on); a
	 * review still at received or hearing has a 意見書 in the making
	 * even where a submitted date was written ahead of it.
	 */
	if (node_scalar_eq(node_get(rec, "status"), "received") ||
	    node_scalar_eq(node_get(rec, "status"), "hearing"))
		return REVIEW_OPINION_UNSETTLED;
	if (node_get_str(rec, "submitted") == NULL)
		return REVIEW_OPINION_UNSENT;
	return REVIEW_OPINION_FINAL;
}

/* An integer scalar; 0 when absent or not a number. */
long long
review_int(const struct node *map, const char *key)
{
	const char	*s = node_get_str(map, key);

	return s != NULL ? strtoll(s, NULL, 10) : 0;
}

void
review_cost_sums(long long *initial, long long *running,
    const struct node *rec)
{
	const struct node	*costs = node_get(rec, "costs");
	size_t			 i;

	*initial = *running = 0;
	if (costs == NULL || costs->kind != NODE_SEQ)
		return;
	for (i = 0; i < costs->n; i++) {
		*initial += review_int(costs->u.items[i], "initial");
		*running += review_int(costs->u.items[i], "running");
	}
}

int
review_cost(long long *out, const struct node *rec, const char *basis)
{
	const struct node	*costs = node_get(rec, "costs"), *e, *first;
	long long		 ini, run, fy, minfy;
	size_t			 i;

	*out = 0;
	if (basis == NULL || strcmp(basis, "total") == 0) {
		review_cost_sums(&ini, &run, rec);
		*out = ini + run;
		return 0;
	}
	if (strcmp(basis, "initial") == 0) {
		review_cost_sums(&ini, &run, rec);
		*out = ini;
		return 0;
	}
	if (strcmp(basis, "first-year") != 0)
		return error_set(NC_EINVALID, "unknown cost basis '%s'", basis);
	if (costs == NULL || costs->kind != NODE_SEQ)
		return 0;
	first = NULL;
	minfy = 0;
	for (i = 0; i < costs->n; i++) {
		e = costs->u.items[i];
		fy = review_int(e, "fy");
		if (first == NULL || fy < minfy) {
			first = e;
			minfy = fy;
		}
	}
	if (first != NULL)
		*out = review_int(first, "initial") +
		    review_int(first, "running");
	return 0;
}

int
review_approver(struct review_approval *out, const struct node *config,
    const struct node *rec)
{
	const struct node	*appr, *rules, *r, *as;
	const char		*cat, *rc, *below, *title;
	char			 yen[32];
	size_t			 i;
	int			 err;

	memset(out, 0, sizeof *out);
	out->below = -1;
	if ((cat = node_get_str(rec, "category")) == NULL)
		return error_set(NC_EINVALID, "the review has no category"
		    " (new, update or modification); the 決裁区分 depends"
		    " on it");
	appr = node_get(config, "approval");
	rules = node_get(appr, "rules");
	if (rules == NULL || rules->kind != NODE_SEQ || rules->n == 0)
		return error_set(NC_EINVALID, "%s has no approval rules"
		    " (approval.rules)", STORE_MARKER);
	out->basis = node_get_str(appr, "cost_basis");
	if (out->basis == NULL)
		out->basis = "total";
	if ((err = review_cost(&out->cost, rec, out->basis)) != 0)
		return err;
	for (i = 0; i < rules->n; i++) {
		r = rules->u.items[i];
		if ((rc = node_get_str(r, "category")) == NULL ||
		    strcmp(rc, cat) != 0)
			continue;
		below = node_get_str(r, "below");
		if (below != NULL && out->cost >= strtoll(below, NULL, 10))
			continue;
		out->code = node_get_str(r, "approver");
		out->below = below != NULL ? strtoll(below, NULL, 10) : -1;
		out->rule = i;
		break;
	}
	if (out->code == NULL) {
		snprintf(yen, sizeof yen, "%lld", out->cost);
		return error_set(NC_ENOTFOUND, "no approval rule in %s matches"
		    " category '%s' and cost %s yen", STORE_MARKER, cat, yen);
	}
	as = node_get(appr, "approvers");
	for (i = 0; as != NULL && as->kind == NODE_SEQ && i < as->n; i++) {
		title = node_get_str(as->u.items[i], "title");
		if (node_scalar_eq(node_get(as->u.items[i], "code"),
		    out->code))
			out->title = title;
	}
	return 0;
}

/* An approver's place in the config's approvers, lowest first; -1: none. */
static long
approver_rank(const struct node *config, const char *code)
{
	const struct node	*as = node_get(node_get(config, "approval"),
				    "approvers");
	size_t			 i;

	for (i = 0; code != NULL && as != NULL && as->kind == NODE_SEQ &&
	    i < as->n; i++)
		if (node_scalar_eq(node_get(as->u.items[i], "code"), code))
			return (long)i;
	return -1;
}

int
review_approver_below(struct review_approval *rule,
    const struct node *config, const struct node *rec)
{
	const char	*code = node_get_str(node_get(rec, "decision"),
			    "approver");
	long		 have, want;

	memset(rule, 0, sizeof *rule);
	if (code == NULL || !node_scalar_eq(node_get(rec, "type"), "plan"))
		return 0;
	if (review_approver(rule, config, rec) != 0) {
		error_clear();
		return 0;
	}
	have = approver_rank(config, code);
	want = approver_rank(config, rule->code);
	return have >= 0 && want >= 0 && have < want;
}

static int
get_date(struct cal_date *out, const struct node *map, const char *key)
{
	const char	*s = node_get_str(map, key);

	if (s == NULL)
		return NC_ENOTFOUND;
	return cal_parse_iso(out, s);
}

int
review_due(struct cal_date *out, const struct cal *cal,
    const struct node *rec)
{
	struct cal_date	 rcv;
	const char	*type;

	if (get_date(out, rec, "due") == 0)
		return 0;
	type = node_get_str(rec, "type");
	if (type != NULL && strcmp(type, "procurement") == 0 &&
	    get_date(&rcv, rec, "received") == 0)
		return cal_due_procurement(out, cal, rcv);
	return error_set(NC_ENOTFOUND, "no due date");
}

int
review_closed_on(struct cal_date *out, const struct node *rec)
{
	if (get_date(out, node_get(rec, "decision"), "date") == 0)
		return 0;
	if (get_date(out, rec, "submitted") == 0)
		return 0;
	return error_set(NC_ENOTFOUND, "not decided or submitted");
}

/*
 * The hearings as they stood at the end of day d: asked, one's questions
 * sent by d; later, one sent or answered after d (the review was still
 * at its hearing then); dated, any hearing has a date at all.
 */
struct heard {
	int	asked, later, dated;
};

static void
heard_by(struct heard *out, const struct node *rec, struct cal_date d)
{
	const struct node	*h = node_get(rec, "hearings"), *e;
	struct cal_date		 sent, ans;
	size_t			 i;

	memset(out, 0, sizeof *out);
	for (i = 0; h != NULL && h->kind == NODE_SEQ && i < h->n; i++) {
		e = h->u.items[i];
		if (get_date(&sent, e, "sent") == 0) {
			out->dated = 1;
			if (cal_cmp(sent, d) <= 0)
				out->asked = 1;
			else
				out->later = 1;
		}
		if (get_date(&ans, e, "answered") == 0) {
			out->dated = 1;
			if (cal_cmp(ans, d) > 0)
				out->later = 1;
		}
	}
	error_clear();
}

/*
 * The status on d by the record's dates, status the one it had last: the
 * rules of a record without a history, or for a day before its first
 * change logged.
 */
static const char *
status_by_dates(const struct node *rec, struct cal_date d, const char *status)
{
	struct cal_date	 closed;
	struct heard	 h;
	int		 later;

	heard_by(&h, rec, d);
	later = h.later;
	if (review_closed_on(&closed, rec) == 0) {
		if (cal_cmp(closed, d) <= 0)
			return status;
		later = 1;
	}
	error_clear();
	/*
	 * Decided, submitted or a hearing's questions or answers after d:
	 * on d the review was at the step its dates show, whatever it is
	 * now (精査済, 保留 and 取下げ have no date of their own, and come
	 * after the last hearing).
	 */
	if (later)
		return h.asked ? "hearing" : "received";
	if (status != NULL && (strcmp(status, "hearing") == 0 ||
	    strcmp(status, "assessed") == 0) && h.dated && !h.asked)
		return "received";
	return status;
}

const char *
review_status_on(const struct node *rec, struct cal_date d)
{
	struct cal_date	 rcv;
	const char	*status = node_get_str(rec, "status"), *was;

	if (get_date(&rcv, rec, "received") == 0 && cal_cmp(rcv, d) > 0)
		return NULL;
	error_clear();
	/* the changes logged say it, dated (statuslog.h) */
	switch (statuslog_on(&was, rec, d)) {
	case STATUSLOG_LOGGED:
		return was;
	case STATUSLOG_BEFORE:
		status = was != NULL ? was : "received";
		break;
	}
	return status_by_dates(rec, d, status);
}

int
review_days_open(long *out, const struct node *rec, struct cal_date today)
{
	struct cal_date	 rcv, end;
	int		 rc;

	*out = 0;
	if ((rc = get_date(&rcv, rec, "received")) != 0)
		return rc == NC_ENOTFOUND ? error_set(rc, "no received date") :
		    rc;
	if (review_closed_on(&end, rec) != 0)
		end = today;
	/* Received later than today (entered ahead): not open yet. */
	*out = cal_days(end) > cal_days(rcv) ? cal_days(end) - cal_days(rcv) : 0;
	return 0;
}

static int	review_due_count(long *, const struct cal *,
		    const struct node *, struct cal_date);

int
review_overdue(long *out, const struct cal *cal, const struct node *rec,
    struct cal_date today)
{
	*out = 0;
	if (!review_is_open(rec) || node_scalar_eq(node_get(rec, "status"),
	    "on-hold"))
		return 0;
	return review_due_count(out, cal, rec, today);
}

/* Business days past the due date on today, whatever the status. */
static int
review_due_count(long *out, const struct cal *cal, const struct node *rec,
    struct cal_date today)
{
	struct cal_date	 due;
	long		 n;
	int		 rc;

	*out = 0;
	if (review_due(&due, cal, rec) != 0)
		return 0;
	if (cal_cmp(today, due) <= 0)
		return 0;
	if ((rc = cal_count_business_days(&n, cal, due, today)) != 0)
		return rc;
	*out = n > 0 ? n : 0;
	return 0;
}

int
review_overdue_on(long *out, const struct cal *cal, const struct node *rec,
    const char *status, struct cal_date d)
{
	static const char *const shut[] = { "decided", "submitted",
	    "withdrawn", "on-hold", NULL };
	size_t	i;

	*out = 0;
	for (i = 0; status != NULL && shut[i] != NULL; i++)
		if (strcmp(status, shut[i]) == 0)
			return 0;
	return review_due_count(out, cal, rec, d);
}

int
review_check_date(const struct node *rec, const char *what,
    struct cal_date d)
{
	struct cal_date	 start, end, last, rcv;
	char		 a[CAL_FMT_MAX], b[CAL_FMT_MAX], s[CAL_FMT_MAX];
	long long	 fy = review_int(rec, "fy");

	cal_format_iso(s, sizeof s, d);
	if (get_date(&rcv, rec, "received") == 0 && cal_cmp(d, rcv) < 0) {
		cal_format_iso(a, sizeof a, rcv);
		return error_set(NC_EINVALID, "%s '%s' is before the review was"
		    " received (%s)", what, s, a);
	}
	if (fy == 0)
		return 0;
	cal_fy_bounds(&start, &end, (int)fy);
	if (cal_cmp(d, start) < 0) {
		cal_format_iso(a, sizeof a, start);
		return error_set(NC_EINVALID, "%s '%s' is before the record's "
		    "fiscal year %lld (from %s)", what, s, fy, a);
	}
	/*
	 * The steps after receipt may fall in the next year: a plan
	 * received in March is decided in April (rev17a), and was
	 * refused until then.  More than a year after its year's end is
	 * taken for a typing error (2029 for 2028).
	 */
	cal_fy_bounds(&start, &last, (int)fy + 1);
	if (cal_cmp(d, last) > 0) {
		cal_format_iso(a, sizeof a, end);
		cal_format_iso(b, sizeof b, last);
		return error_set(NC_EINVALID, "%s '%s' is more than a year "
		    "after the record's fiscal year %lld ended (%s); the "
		    "latest is %s", what, s, fy, a, b);
	}
	return 0;
}
