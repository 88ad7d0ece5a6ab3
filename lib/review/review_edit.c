/*
 * Reviews: the rules of each step of the work -- status order, costs,
 * hearing rounds and how answers find their questions, findings per
 * viewpoint, opinions, decisions -- applied to a record's tree.  The
 * caller loads and saves the record (under the lock); nothing here prints.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "review.h"
#include "review_int.h"
#include "statuslog.h"

/* The order the steps move a review in. */
static const char *const status_order[] = { "received", "hearing",
    "assessed", "decided", "submitted", NULL };

static int
order_of(const char *s)
{
	int	i;

	for (i = 0; s != NULL && status_order[i] != NULL; i++)
		if (strcmp(status_order[i], s) == 0)
			return i;
	return -1;
}

int
review_advance(struct ydoc *doc, struct node *rec, const char *to,
    struct cal_date on)
{
	const char	*now = node_get_str(rec, "status");
	int		 b = order_of(to), rc;

	if (b < 0)
		return error_set(NC_EINVALID, "'%s' is not a step of a review",
		    to);
	/* on-hold and withdrawn are set by hand, and left by hand. */
	if (now != NULL && order_of(now) < 0)
		return 0;
	if (now != NULL && b <= order_of(now))
		return 0;
	/* dated, for a document of an earlier day (statuslog.h) */
	if ((rc = statuslog_append(doc, rec, now, to, on)) != 0)
		return rc;
	return node_map_set_str(doc, rec, "status", to);
}

const char *
review_type_required(const char *type)
{
	if (type != NULL && strcmp(type, "plan") == 0)
		return "category";
	if (type != NULL && strcmp(type, "system-evaluation") == 0)
		return "evaluation_kind";
	return NULL;
}

const char *const *
review_ask_fields(const char *type)
{
	static const char *const plan[] = { "category", "system_name",
	    "purpose", "necessity", "effect", "cost_effectiveness", NULL };
	static const char *const procurement[] = { "system_name",
	    "procurement_stage", "procurement_method", NULL };
	static const char *const syseval[] = { "system_name",
	    "evaluation_kind", "operation_start", NULL };

	if (type != NULL && strcmp(type, "procurement") == 0)
		return procurement;
	if (type != NULL && strcmp(type, "system-evaluation") == 0)
		return syseval;
	return plan;
}

int
review_fill_new(struct ydoc *doc, struct node *rec,
    const struct schema *kind, const struct cal *cal)
{
	const struct node	*dflt;
	struct cal_date		 due;
	char			 iso[CAL_FMT_MAX];
	int			 rc;

	if (node_get(rec, "type") == NULL &&
	    (dflt = schema_default(schema_prop(kind, "type"))) != NULL &&
	    dflt->kind == NODE_SCALAR &&
	    (rc = node_map_set_str(doc, rec, "type", dflt->u.s.str)) != 0)
		return rc;
	/* A procurement opinion is due about a week after the request. */
	if (node_scalar_eq(node_get(rec, "type"), "procurement") &&
	    node_get(rec, "due") == NULL && review_due(&due, cal, rec) == 0) {
		cal_format_iso(iso, sizeof iso, due);
		return node_map_set_str(doc, rec, "due", iso);
	}
	error_clear();
	return 0;
}

/* A mapping or sequence under key, made when absent. */
static struct node *
child(struct ydoc *doc, struct node *map, const char *key, int seq)
{
	struct node	*n = node_get(map, key);

	if (n != NULL)
		return n;
	if ((n = seq ? node_seq(doc) : node_map(doc)) == NULL ||
	    node_map_set(doc, map, key, n) != 0) {
		error_set(NC_ENOMEM, "out of memory");
		return NULL;
	}
	return n;
}

static int
set_num(struct ydoc *doc, struct node *map, const char *key, long long v)
{
	char	b[32];

	snprintf(b, sizeof b, "%lld", v);
	return node_map_set_str(doc, map, key, b);
}

int
review_add_cost(struct ydoc *doc, struct node *rec, int fy,
    long long initial, long long running, int first)
{
	struct node	*costs, *e, *seq;
	const char	*rcv = node_get_str(rec, "received");
	struct cal_date	 d;
	size_t		 i;
	int		 rc;

	if (fy == 0) {
		if (rcv == NULL || cal_parse_iso(&d, rcv) != 0)
			d = cal_today();
		fy = cal_fy(d);
	}
	if ((costs = child(doc, rec, "costs", 1)) == NULL)
		return NC_ENOMEM;
	if (costs->kind != NODE_SEQ)
		return error_set(NC_EINVALID, "costs is not a list");
	if ((e = node_map(doc)) == NULL)
		return error_set(NC_ENOMEM, "out of memory");
	if ((rc = set_num(doc, e, "fy", fy)) != 0 ||
	    (rc = set_num(doc, e, "initial", initial)) != 0 ||
	    (running >= 0 && (rc = set_num(doc, e, "running", running)) != 0))
		return rc;
	if (!first || costs->n == 0)
		return node_seq_push(doc, costs, e);
	/* The first year goes before the others: a new list in order. */
	if ((seq = node_seq(doc)) == NULL ||
	    (rc = node_seq_push(doc, seq, e)) != 0)
		return seq == NULL ? error_set(NC_ENOMEM, "out of memory") : rc;
	for (i = 0; i < costs->n; i++)
		if ((rc = node_seq_push(doc, seq, costs->u.items[i])) != 0)
			return rc;
	return node_map_set(doc, rec, "costs", seq);
}

/*
 * Hearings.
 */

struct node *
review_round(struct node *rec, long n)
{
	struct node	*h = node_get(rec, "hearings");
	const char	*r;
	size_t		 i;

	if (h == NULL || h->kind != NODE_SEQ || h->n == 0)
		return NULL;
	if (n == 0)
		return h->u.items[h->n - 1];
	for (i = 0; i < h->n; i++) {
		r = node_get_str(h->u.items[i], "round");
		if (r != NULL && strtol(r, NULL, 10) == n)
			return h->u.items[i];
	}
	return NULL;
}

size_t
review_round_unanswered(const struct node *round)
{
	const struct node	*items = node_get(round, "items");
	size_t			 i, n = 0;

	for (i = 0; items != NULL && items->kind == NODE_SEQ &&
	    i < items->n; i++)
		if (node_get(items->u.items[i], "answer") == NULL)
			n++;
	return n;
}

int
review_hearing_ask(struct ydoc *doc, struct node *rec,
    const struct review_round_new *in, long *round)
{
	struct node	*seq, *r, *items, *it;
	char		 iso[CAL_FMT_MAX];
	size_t		 i;
	int		 rc;

	*round = 0;
	if (in->nquestions == 0)
		return error_set(NC_EINVALID, "a hearing round needs at least "
		    "one question");
	if ((seq = child(doc, rec, "hearings", 1)) == NULL)
		return NC_ENOMEM;
	if (seq->kind != NODE_SEQ)
		return error_set(NC_EINVALID, "hearings is not a list");
	if ((r = node_map(doc)) == NULL || (items = node_seq(doc)) == NULL)
		return error_set(NC_ENOMEM, "out of memory");
	*round = (long)seq->n + 1;
	if ((rc = set_num(doc, r, "round", *round)) != 0 ||
	    (rc = node_map_set_str(doc, r, "method", in->method != NULL ?
	    in->method : "written")) != 0)
		return rc;
	cal_format_iso(iso, sizeof iso, in->sent);
	if ((rc = node_map_set_str(doc, r, "sent", iso)) != 0)
		return rc;
	if (in->due != NULL) {
		cal_format_iso(iso, sizeof iso, *in->due);
		if ((rc = node_map_set_str(doc, r, "due", iso)) != 0)
			return rc;
	}
	for (i = 0; i < in->nquestions; i++) {
		if ((it = node_map(doc)) == NULL)
			return error_set(NC_ENOMEM, "out of memory");
		if ((rc = node_map_set_str(doc, it, "question",
		    in->questions[i])) != 0 ||
		    (rc = node_seq_push(doc, items, it)) != 0)
			return rc;
	}
	if ((rc = node_map_set(doc, r, "items", items)) != 0 ||
	    (rc = node_seq_push(doc, seq, r)) != 0)
		return rc;
	return review_advance(doc, rec, "hearing", in->sent);
}

int
review_hearing_answer(struct ydoc *doc, struct node *rec, long n,
    const char *const *answers, size_t nanswers,
    const struct cal_date *answered, struct cal_date today)
{
	struct node	*round, *items;
	const char	*text;
	char		*end, iso[CAL_FMT_MAX];
	struct cal_date	 d;
	size_t		 i;
	long		 k;
	int		 rc;

	if ((round = review_round(rec, n)) == NULL)
		return n > 0 ?
		    error_set(NC_ENOTFOUND, "no hearing round %ld", n) :
		    error_set(NC_ENOTFOUND, "no hearing round to answer");
	items = node_get(round, "items");
	if (items != NULL && items->kind != NODE_SEQ)
		items = NULL;
	for (i = 0; i < nanswers; i++) {
		/* N:TEXT answers question N; TEXT the first open one. */
		k = strtol(answers[i], &end, 10);
		if (end != answers[i] && *end == ':' && k >= 1)
			text = end + 1;
		else {
			text = answers[i];
			for (k = 1; items != NULL && (size_t)k <= items->n; k++)
				if (node_get(items->u.items[k - 1], "answer") ==
				    NULL)
					break;
		}
		if (items == NULL || k < 1 || (size_t)k > items->n)
			return error_set(NC_EINVALID, "answer '%s': round %s "
			    "has no question %ld (it has %zu)", answers[i],
			    node_get_str(round, "round"), k,
			    items != NULL ? items->n : 0);
		if ((rc = node_map_set_str(doc, items->u.items[k - 1],
		    "answer", text)) != 0)
			return rc;
	}
	/* The day the answers came back: given, or today once complete. */
	if (answered != NULL || (review_round_unanswered(round) == 0 &&
	    node_get(round, "answered") == NULL)) {
		d = answered != NULL ? *answered : today;
		if (answered == NULL &&
		    (rc = review_check_date(rec, "answered (today)",
		    d)) != 0)
			return rc;
		cal_format_iso(iso, sizeof iso, d);
		if ((rc = node_map_set_str(doc, round, "answered", iso)) != 0)
			return rc;
	}
	return 0;
}

/*
 * Assessment.
 */

struct node *
review_finding(struct ydoc *doc, struct node *rec, const char *viewpoint)
{
	struct node	*seq, *f;
	size_t		 i;

	if ((seq = child(doc, rec, "findings", 1)) == NULL)
		return NULL;
	if (seq->kind != NODE_SEQ) {
		error_set(NC_EINVALID, "findings is not a list");
		return NULL;
	}
	for (i = 0; i < seq->n; i++)
		if (node_scalar_eq(node_get(seq->u.items[i], "viewpoint"),
		    viewpoint))
			return seq->u.items[i];
	if ((f = node_map(doc)) == NULL ||
	    node_map_set_str(doc, f, "viewpoint", viewpoint) != 0 ||
	    node_seq_push(doc, seq, f) != 0) {
		error_set(NC_ENOMEM, "out of memory");
		return NULL;
	}
	return f;
}

int
review_has_findings(const struct node *rec)
{
	const struct node	*f = node_get(rec, "findings");

	return f != NULL && f->kind == NODE_SEQ && f->n > 0;
}

/* Set key when v is given. */
static int
maybe_set(struct ydoc *doc, struct node *map, const char *key, const char *v)
{
	return v != NULL ? node_map_set_str(doc, map, key, v) : 0;
}

int
review_assess(struct ydoc *doc, struct node *rec,
    const struct review_assessment *a)
{
	struct node	*f, *seq, *op;
	struct cal_date	 on;
	char		 iso[CAL_FMT_MAX];
	int		 rc;

	if (a->viewpoint == NULL && (a->rating != NULL || a->check != NULL ||
	    a->answer != NULL || a->comment != NULL))
		return error_set(NC_EINVALID, "a rating, check, answer or "
		    "comment describes the finding of a viewpoint");
	if (a->target != NULL && a->opinion == NULL)
		return error_set(NC_EINVALID, "a target goes with an opinion");
	if (a->viewpoint != NULL) {
		if ((f = review_finding(doc, rec, a->viewpoint)) == NULL)
			return error_code();
		if ((rc = maybe_set(doc, f, "rating", a->rating)) != 0 ||
		    (rc = maybe_set(doc, f, "check", a->check)) != 0 ||
		    (rc = maybe_set(doc, f, "answer", a->answer)) != 0 ||
		    (rc = maybe_set(doc, f, "comment", a->comment)) != 0)
			return rc;
	}
	if ((rc = maybe_set(doc, rec, "overall", a->overall)) != 0 ||
	    (rc = maybe_set(doc, rec, "proposed_result", a->proposed)) != 0)
		return rc;
	/*
	 * The 判定案's conditions, for the 精査記録's 条件 row: a 条件付可
	 * proposed over a blank 条件 was what a 課長 sends back (rev43a A2).
	 */
	if (a->nconditions > 0) {
		if (node_get(rec, "decision") != NULL)
			return error_set(NC_EINVALID, "the review is decided: "
			    "its conditions are the decision's "
			    "(decision.conditions), not the proposed result's");
		if (!node_scalar_eq(node_get(rec, "proposed_result"),
		    "conditional"))
			return error_set(NC_EINVALID, "conditions go with a "
			    "conditional proposed result (判定案), not '%s'",
			    node_get_str(rec, "proposed_result") != NULL ?
			    node_get_str(rec, "proposed_result") : "none");
		if ((rc = node_map_set_list(doc, rec, "proposed_conditions",
		    a->conditions, a->nconditions, NULL)) != 0)
			return rc;
	} else if (a->proposed != NULL && strcmp(a->proposed,
	    "conditional") != 0)
		(void)node_map_remove(rec, "proposed_conditions");
	if (a->opinion != NULL) {
		if ((seq = child(doc, rec, "opinions", 1)) == NULL)
			return NC_ENOMEM;
		if (seq->kind != NODE_SEQ)
			return error_set(NC_EINVALID, "opinions is not a list");
		if ((op = node_map(doc)) == NULL)
			return error_set(NC_ENOMEM, "out of memory");
		if ((rc = maybe_set(doc, op, "target", a->target)) != 0 ||
		    (rc = node_map_set_str(doc, op, "comment",
		    a->opinion)) != 0 ||
		    (rc = node_seq_push(doc, seq, op)) != 0)
			return rc;
	}
	/*
	 * Assessed the day it is recorded, by the day the opinion went out
	 * at the latest.
	 */
	on = a->on != NULL ? *a->on : cal_today();
	if (a->submitted != NULL && cal_cmp(*a->submitted, on) < 0)
		on = *a->submitted;
	if ((rc = review_advance(doc, rec, "assessed", on)) != 0)
		return rc;
	if (a->submitted != NULL) {
		cal_format_iso(iso, sizeof iso, *a->submitted);
		if ((rc = node_map_set_str(doc, rec, "submitted", iso)) != 0)
			return rc;
		/* A plan is decided; the others end when they are sent. */
		if (!node_scalar_eq(node_get(rec, "type"), "plan") &&
		    (rc = review_advance(doc, rec, "submitted",
		    *a->submitted)) != 0)
			return rc;
	}
	return 0;
}

/*
 * Decision.
 */

int
review_decide(struct ydoc *doc, struct node *rec, const struct node *config,
    const struct review_decision_in *in, struct review_approval *approval)
{
	struct review_approval	 a;
	struct node		*dec;
	char			 iso[CAL_FMT_MAX];
	int			 conditional, reject, plan, rc;

	if (node_scalar_eq(node_get(rec, "type"), "procurement"))
		return error_set(NC_EINVALID, "a procurement opinion is "
		    "submitted, not decided");
	conditional = strcmp(in->result, "conditional") == 0;
	if (conditional && in->nconditions == 0)
		return error_set(NC_EINVALID, "a conditional decision needs "
		    "its conditions");
	if (!conditional && in->nconditions > 0)
		return error_set(NC_EINVALID, "conditions go with a "
		    "conditional decision, not '%s'", in->result);
	reject = strcmp(in->result, "reject") == 0;
	if (reject && in->nreasons == 0)
		return error_set(NC_EINVALID, "a rejection needs its reasons: "
		    "the decision notice states them");
	if (!reject && in->nreasons > 0)
		return error_set(NC_EINVALID, "reasons go with a rejection, "
		    "not '%s'", in->result);
	if (!review_has_findings(rec) && !in->force)
		return error_set(NC_EINVALID, "the review has no findings");
	plan = node_scalar_eq(node_get(rec, "type"), "plan");
	if (plan && (rc = review_approver(&a, config, rec)) != 0)
		return rc;
	if ((dec = node_map(doc)) == NULL)
		return error_set(NC_ENOMEM, "out of memory");
	if ((rc = node_map_set_str(doc, dec, "result", in->result)) != 0)
		return rc;
	if ((rc = node_map_set_list(doc, dec, "conditions", in->conditions,
	    in->nconditions, NULL)) != 0 || (rc = node_map_set_list(doc, dec,
	    "reasons", in->reasons, in->nreasons, NULL)) != 0)
		return rc;
	if (plan && (rc = node_map_set_str(doc, dec, "approver", a.code)) != 0)
		return rc;
	cal_format_iso(iso, sizeof iso, in->date);
	if ((rc = node_map_set_str(doc, dec, "date", iso)) != 0 ||
	    (rc = maybe_set(doc, dec, "notice_no", in->notice_no)) != 0 ||
	    (rc = node_map_set(doc, rec, "decision", dec)) != 0)
		return rc;
	if (approval != NULL) {
		if (plan)
			*approval = a;
		else
			memset(approval, 0, sizeof *approval);
	}
	return review_advance(doc, rec, "decided", in->date);
}

/*
 * Documents.
 */

const char *const review_doc_words[] = { "record", "notice", "opinion",
    "evaluation", "all", NULL };

static void
doc(struct review_docspec *v, size_t *n, const char *name, const char *ext,
    int (*write)(struct review_ctx *, const struct node *, const char *))
{
	v[*n].name = name;
	v[*n].ext = ext;
	v[*n].write = write;
	(*n)++;
}

int
review_docs(struct review_docspec *out, size_t *n, const struct node *rec,
    const char *what)
{
	const char	*type = node_get_str(rec, "type");
	int		 plan, proc, sys, all = strcmp(what, "all") == 0;
	int		 decided = node_get(rec, "decision") != NULL;

	*n = 0;
	plan = type != NULL && strcmp(type, "plan") == 0;
	proc = type != NULL && strcmp(type, "procurement") == 0;
	sys = type != NULL && strcmp(type, "system-evaluation") == 0;
	if (strcmp(what, "record") == 0 || (all && plan)) {
		if (!plan)
			return error_set(NC_EINVALID, "the 精査記録 (record) is "
			    "written for a plan, and this is a %s review%s",
			    type != NULL ? type : "?", proc ?
			    ": its document is the opinion" : sys ?
			    ": its documents are the evaluation and the "
			    "notice" : "");
		doc(out, n, "精査記録", ".xlsx", review_write_record_xlsx);
		doc(out, n, "精査記録", ".docx", review_write_record_docx);
	}
	if (strcmp(what, "evaluation") == 0 || (all && sys)) {
		if (!sys)
			return error_set(NC_EINVALID, "this is not a system "
			    "evaluation: no evaluation sheet to write");
		doc(out, n, "システム評価確認シート", ".xlsx",
		    review_write_syseval_xlsx);
	}
	if (strcmp(what, "opinion") == 0 || (all && proc)) {
		if (!proc)
			return error_set(NC_EINVALID, "this is not a "
			    "procurement review: no opinion to write");
		doc(out, n, "意見書", ".docx", review_write_opinion_docx);
	}
	if (strcmp(what, "notice") == 0 || (all && decided && !proc)) {
		if (proc)
			return error_set(NC_EINVALID, "a procurement review "
			    "has no notice: its document is the opinion");
		if (plan)
			doc(out, n, "可否決定通知", ".docx",
			    review_write_notice_docx);
		else
			doc(out, n, "システム評価結果通知書", ".docx",
			    review_write_syseval_docx);
	}
	if (*n == 0)
		return error_set(NC_EINVALID, "'%s' is not a review document: "
		    "record, notice, opinion, evaluation or all", what);
	return 0;
}

static int
seq_has(const struct node *rec, const char *key)
{
	const struct node	*s = node_get(rec, key);

	return s != NULL && s->kind == NODE_SEQ && s->n > 0;
}

int
review_doc_ready(const struct node *rec, const char *word)
{
	const char	*status = node_get_str(rec, "status");

	if (status == NULL)
		status = "?";
	if (strcmp(word, "record") == 0) {
		if (seq_has(rec, "hearings") || seq_has(rec, "findings") ||
		    node_get(rec, "decision") != NULL)
			return 0;
		return error_set(NC_EINVALID, "the review is at status '%s' "
		    "with no hearing or finding recorded: the 精査 has not "
		    "begun", status);
	}
	if (strcmp(word, "opinion") == 0) {
		if (!seq_has(rec, "opinions"))
			return error_set(NC_EINVALID, "the review is at status "
			    "'%s' with no opinions recorded", status);
		switch (review_opinion_draft(rec)) {
		case REVIEW_OPINION_FINAL:
			return 0;
		case REVIEW_OPINION_UNSENT:
			return error_set(NC_EINVALID, "the review is at status "
			    "'%s' and its 意見書 has no submitted date: still "
			    "a draft (案)", status);
		default:
			return error_set(NC_EINVALID, "the review is at status "
			    "'%s': its opinions are not assessed yet and the "
			    "意見書 is a draft (案)", status);
		}
	}
	if (strcmp(word, "notice") == 0 && node_get(rec, "decision") == NULL)
		return error_set(NC_EINVALID, "the review is at status '%s': "
		    "not decided", status);
	return 0;
}
