/*
 * What a review's documents would be wrong from, beyond the schema:
 * checked when a record is written (cmd/review.c) and by lint.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cal.h"
#include "diag.h"
#include "error.h"
#include "reclint.h"
#include "review.h"
#include "text.h"

/* The last day the contract may run: its renewal limit, else its end. */
static const char *
contract_limit(const struct node *config)
{
	const struct node	*c = node_get(config, "contract");
	const char		*s;

	if ((s = node_get_str(c, "renewal_limit")) != NULL)
		return s;
	return node_get_str(c, "end");
}

static void
after_limit(struct diags *d, const char *path, const char *limit,
    const char *field, const char *v)
{
	if (v != NULL && limit != NULL && strcmp(v, limit) > 0)
		diags_add(d, path, 0, 0, "%s '%s' is after the contract's last "
		    "day %s (contract.renewal_limit, or contract.end)", field,
		    v, limit);
}

int
review_check(const struct node *config, const struct node *rec,
    const char *path, struct diags *d)
{
	const struct node	*hs = node_get(rec, "hearings"), *h, *costs;
	const struct node	*dec = node_get(rec, "decision");
	const char		*limit = contract_limit(config), *dd, *v;
	static const char *const hk[] = { "sent", "answered", NULL };
	static const char *const top[] = { "received", "submitted", NULL };
	char			 field[64];
	size_t			 n0 = d->n, i, k;

	for (k = 0; top[k] != NULL; k++)
		after_limit(d, path, limit, top[k], node_get_str(rec, top[k]));
	after_limit(d, path, limit, "decision.date", node_get_str(dec, "date"));
	after_limit(d, path, limit, "decision.notified",
	    node_get_str(dec, "notified"));
	dd = node_get_str(dec, "date");
	for (i = 0; hs != NULL && hs->kind == NODE_SEQ && i < hs->n; i++) {
		h = hs->u.items[i];
		for (k = 0; hk[k] != NULL; k++) {
			if ((v = node_get_str(h, hk[k])) == NULL)
				continue;
			snprintf(field, sizeof field, "hearings[%zu].%s", i,
			    hk[k]);
			after_limit(d, path, limit, field, v);
			/* The notice cites the hearings before it. */
			if (dd != NULL && strcmp(v, dd) > 0)
				diags_add(d, path, 0, 0, "%s '%s' is after the "
				    "decision (decision.date %s)", field, v,
				    dd);
		}
	}
	/*
	 * The notice states a rejection's grounds and a conditional
	 * decision's conditions (review decide asks for them; a record
	 * edited by hand may lack them).
	 */
	if (node_scalar_eq(node_get(dec, "result"), "reject") &&
	    node_get(dec, "reasons") == NULL)
		diags_add(d, path, 0, 0, "the decision is a rejection without "
		    "its reasons (decision.reasons): the notice states them");
	if (node_scalar_eq(node_get(dec, "result"), "conditional") &&
	    node_get(dec, "conditions") == NULL)
		diags_add(d, path, 0, 0, "the decision is conditional without "
		    "its conditions (decision.conditions)");
	if (node_get(dec, "reasons") != NULL &&
	    !node_scalar_eq(node_get(dec, "result"), "reject"))
		diags_add(d, path, 0, 0, "decision.reasons go with a "
		    "rejection, not '%s'", node_get_str(dec, "result") !=
		    NULL ? node_get_str(dec, "result") : "");
	/* The 決裁区分 of a plan comes from its cost. */
	costs = node_get(rec, "costs");
	if (dec != NULL && node_scalar_eq(node_get(rec, "type"), "plan") &&
	    (costs == NULL || costs->kind != NODE_SEQ || costs->n == 0))
		diags_add(d, path, 0, 0, "the plan is decided without a cost "
		    "(costs): its 決裁区分 (decision.approver) depends on it");
	return d->n > n0 ? NC_EINVALID : 0;
}

/*
 * What lint and a change of the record tell without refusing: a plan
 * decided by an approver below the tier its cost gives under the
 * config's rules.  The decision was taken, and the record keeps who took
 * it; the 精査記録 prints the rules' tier beside it.
 */
/*
 * A viewpoint rated ×（不適） says what is wrong: a 所見 that is missing
 * or begins 「妥当である」 contradicts the rating on the 精査記録 (rev19a
 * M5: 経費見積りの妥当性 × beside 「妥当である。」).
 */
static void
rating_lint(const struct node *rec, const char *path, struct diags *w)
{
	static const char *const fine[] = { "妥当", "概ね妥当", "適切",
	    "問題ない", "問題はない", NULL };
	const struct node	*fs = node_get(rec, "findings"), *f;
	const char		*c, *vp;
	size_t			 i, k;

	for (i = 0; fs != NULL && fs->kind == NODE_SEQ && i < fs->n; i++) {
		f = fs->u.items[i];
		if (!node_scalar_eq(node_get(f, "rating"), "inadequate"))
			continue;
		vp = node_get_str(f, "viewpoint");
		if ((c = node_get_str(f, "comment")) == NULL || *c == '\0') {
			diags_add(w, path, 0, 0, "findings[%zu] (%s) is rated"
			    " inadequate with no comment: the 精査記録 shows ×"
			    " with no 所見 saying what to correct", i,
			    vp != NULL ? vp : "?");
			continue;
		}
		for (k = 0; fine[k] != NULL; k++)
			if (strncmp(c, fine[k], strlen(fine[k])) == 0)
				break;
		if (fine[k] != NULL)
			diags_add(w, path, 0, 0, "findings[%zu] (%s) is rated"
			    " inadequate but its comment begins 「%s」: the"
			    " 精査記録 shows × beside a 所見 that finds it"
			    " adequate", i, vp != NULL ? vp : "?", fine[k]);
	}
}

/*
 * A plan's 区分 against the words of its title: 「…の新規導入」 filed as
 * 改修 or 更新, 「…改修」 filed as 新規 (rev19a M6: 8 of 49 notices).  The
 * 可否決定通知 prints both, and the 区分 decides the 決裁区分.
 */
static void
category_lint(const struct node *rec, const char *path, struct diags *w)
{
	const char	*t = node_get_str(rec, "title");
	const char	*c = node_get_str(rec, "category");
	size_t		 n;

	if (t == NULL || c == NULL)
		return;
	n = strlen(t);
	if (n >= strlen("新規導入") && strcmp(t + n - strlen("新規導入"),
	    "新規導入") == 0 && strcmp(c, "new") != 0)
		diags_add(w, path, 0, 0, "the title ends in 「新規導入」 but"
		    " category is '%s': the 可否決定通知 prints both", c);
	else if (n >= strlen("改修") && strcmp(t + n - strlen("改修"),
	    "改修") == 0 && strcmp(c, "new") == 0)
		diags_add(w, path, 0, 0, "the title ends in 「改修」 but"
		    " category is 'new': the 可否決定通知 prints both");
}

/*
 * A plan's result against its ratings and 総合所見 (rev21a M4: 19 of 49
 * decided 可 over a ×, 13 with a 総合所見 that sets conditions): a 可
 * (approve) over a viewpoint rated ×（不適）, or beside a 総合所見 that
 * speaks of 条件, prints a 可否決定通知 with no condition.  The decision's
 * result, else the proposed one.
 */
static void
result_lint(const struct node *rec, const char *path, struct diags *w)
{
	const struct node	*dec = node_get(rec, "decision");
	const struct node	*fs = node_get(rec, "findings"), *f, *res;
	const char		*field = "decision.result", *o, *vp;
	size_t			 i;

	/*
	 * A 条件付可 proposed with no condition: the 精査記録 printed
	 * 判定案 条件付可 over a blank 条件 row (rev43a A2).
	 */
	res = node_get(rec, "proposed_result");
	if (dec == NULL && node_scalar_eq(res, "conditional") &&
	    node_get(rec, "proposed_conditions") == NULL)
		diags_add(w, path, res->line, res->col, "proposed_result is "
		    "'conditional' without its conditions "
		    "(proposed_conditions): the 精査記録 prints 条件付可 over "
		    "a blank 条件; review assess --condition records them");
	if (node_get(rec, "proposed_conditions") != NULL &&
	    !node_scalar_eq(res, "conditional"))
		diags_add(w, path, 0, 0, "proposed_conditions go with a "
		    "conditional proposed_result, not '%s'",
		    node_get_str(rec, "proposed_result") != NULL ?
		    node_get_str(rec, "proposed_result") : "none");
	if (!node_scalar_eq(node_get(rec, "type"), "plan"))
		return;
	if ((res = node_get(dec, "result")) == NULL) {
		res = node_get(rec, "proposed_result");
		field = "proposed_result";
	}
	if (!node_scalar_eq(res, "approve"))
		return;
	for (i = 0; fs != NULL && fs->kind == NODE_SEQ && i < fs->n; i++) {
		f = fs->u.items[i];
		if (!node_scalar_eq(node_get(f, "rating"), "inadequate"))
			continue;
		vp = node_get_str(f, "viewpoint");
		diags_add(w, path, f->line, f->col, "%s is 'approve' but "
		    "findings[%zu] (%s) is rated inadequate: the 可否決定通知 "
		    "says 可 over a ×（不適）; 'conditional' with a condition "
		    "on it, or 'reject', was expected", field, i,
		    vp != NULL ? vp : "?");
	}
	if ((o = node_get_str(rec, "overall")) != NULL &&
	    strstr(o, "条件") != NULL)
		diags_add(w, path, 0, 0, "overall speaks of 条件 but %s is "
		    "'approve', which has no conditions: the 可否決定通知 "
		    "states none; 'conditional' with its conditions "
		    "(decision.conditions), or an overall without them, was "
		    "expected", field);
}

/*
 * A hearing question asked again word for word in a later round (rev21a
 * M5: round 2 repeated round 1's (4) and (2), answered the same): the
 * 精査記録's ヒアリングの経過 prints both.  Every question of every round
 * in one list, round by round; one whose first (text_first_same(): a
 * sorted copy, not every pair) is of an earlier round names it.
 */
struct hq {
	const struct node	*at;
	size_t			 round, item;
};

static void
hearing_lint(const struct node *rec, const char *path, struct diags *w)
{
	const struct node	*hs = node_get(rec, "hearings"), *a;
	const char		**q = NULL;
	struct hq		*v = NULL;
	size_t			*first = NULL, i, j, n = 0, f;

	if (hs == NULL || hs->kind != NODE_SEQ || hs->n < 2)
		return;
	for (i = 0; i < hs->n; i++)
		if ((a = node_get(hs->u.items[i], "items")) != NULL &&
		    a->kind == NODE_SEQ)
			n += a->n;
	if (n == 0 || (q = calloc(n, sizeof *q)) == NULL ||
	    (v = calloc(n, sizeof *v)) == NULL ||
	    (first = calloc(n, sizeof *first)) == NULL)
		goto done;	/* a warning only: none, short of memory */
	for (i = 0, n = 0; i < hs->n; i++) {
		a = node_get(hs->u.items[i], "items");
		for (j = 0; a != NULL && a->kind == NODE_SEQ && j < a->n;
		    j++, n++) {
			q[n] = node_get_str(a->u.items[j], "question");
			v[n].at = a->u.items[j];
			v[n].round = i;
			v[n].item = j;
		}
	}
	if (text_first_same(first, q, n) != 0) {
		error_clear();
		goto done;
	}
	for (i = 0; i < n; i++) {
		f = first[i];
		if (v[f].round < v[i].round)
			diags_add(w, path, v[i].at->line, v[i].at->col,
			    "hearings[%zu].items[%zu].question is asked word "
			    "for word in hearings[%zu].items[%zu]: the 精査記録 "
			    "prints the question twice; a question on what the "
			    "earlier answer left open was expected",
			    v[i].round, v[i].item, v[f].round, v[f].item);
	}
done:
	free(q);
	free(v);
	free(first);
}

void
review_warn(const struct node *config, const struct node *rec,
    const char *path, struct diags *w)
{
	struct review_approval	 rule;

	if (review_approver_below(&rule, config, rec))
		diags_add(w, path, 0, 0, "decision.approver '%s' is below "
		    "the 決裁区分 the approval rules give for category '%s' "
		    "and cost %lld yen (%s, approval.rules[%zu]): expected "
		    "'%s'",
		    node_get_str(node_get(rec, "decision"), "approver"),
		    node_get_str(rec, "category"), rule.cost, rule.basis,
		    rule.rule, rule.code);
	rating_lint(rec, path, w);
	category_lint(rec, path, w);
	result_lint(rec, path, w);
	hearing_lint(rec, path, w);
}

/*
 * The ward decides on a plan once it has inspected the 精査記録 (within
 * 15 days of its submission, 5(1)); a plan left at submitted after that
 * is a decision missing from the record: the work reports count it
 * undecided and no 可否決定通知 can be made.
 */
void
review_lint_undecided(const struct node *rec, struct cal_date today,
    const char *path, struct diags *w)
{
	static const char *const from[] = { "submitted", "due", "received",
	    NULL };
	const struct node	*st = node_get(rec, "status");
	struct cal_date		 d, end, rcv;
	const char		*s = NULL;
	char			 a[CAL_FMT_MAX], b[CAL_FMT_MAX];
	char			 c[CAL_FMT_MAX];
	size_t			 k;

	if (!node_scalar_eq(node_get(rec, "type"), "plan") ||
	    !node_scalar_eq(st, "submitted") || node_get(rec, "decision") !=
	    NULL)
		return;
	for (k = 0; from[k] != NULL; k++)
		if ((s = node_get_str(rec, from[k])) != NULL &&
		    cal_parse_iso(&d, s) == 0)
			break;
	if (from[k] == NULL || cal_due_inspection(&end, d) != 0 ||
	    (s = node_get_str(rec, "received")) == NULL ||
	    cal_parse_iso(&rcv, s) != 0) {
		error_clear();
		return;
	}
	if (cal_cmp(today, end) <= 0)
		return;
	reclint_day(a, rcv);
	reclint_day(b, d);
	reclint_day(c, end);
	diags_add(w, path, st->line, st->col, "status 'submitted' "
	    "(意見書等提出済) without a decision %ld days after the plan was "
	    "received (%s): the ward inspects what is submitted within 15 "
	    "days (5(1)), here from %s (%s) to %s, and then decides; "
	    "'decided' with its decision (review decide) was expected",
	    cal_days(today) - cal_days(rcv), a, b, from[k], c);
}
