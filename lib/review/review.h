/*
 * Reviews (3(1)ア(イ) a-c): plan scrutiny (情報化企画審査), procurement
 * opinions (調達実施支援) and system evaluation (システム評価).
 *
 * What a review holds is in schemas/review.yaml; this module computes what
 * drives the work (cost, 決裁区分, due dates, days open, overdue), builds
 * the ward's documents from a record and counts a year's reviews.  It
 * never prints.
 */
#ifndef NCIO_REVIEW_H
#define NCIO_REVIEW_H

#include <stddef.h>

#include "cal.h"
#include "diag.h"
#include "node.h"
#include "schema.h"
#include "store.h"

/*
 * What every review computation needs from the data directory: the
 * review schema, the config (nerima-cio.yaml), the calendar with its
 * closures.  Built once per command.
 */
struct review_ctx;

int		 review_ctx_new(struct review_ctx **out, struct store *);
void		 review_ctx_free(struct review_ctx *);
const struct schema *review_ctx_kind(const struct review_ctx *);
const struct node *review_ctx_config(const struct review_ctx *);
const struct cal *review_ctx_cal(const struct review_ctx *);
struct store	*review_ctx_store(const struct review_ctx *);

/* Statuses after which a review is no longer open work. */
int		 review_is_open(const struct node *rec);

/*
 * Whether a review was withdrawn (取下げ), and when against its end: a
 * decision or submission dated in the record happened (the dates are
 * what the record says most reliably: the 意見書 went out, the notice
 * was sent), so a review withdrawn with one was withdrawn after it and
 * counts as done; without one the withdrawal ended the work with no
 * conclusion.  The record has no date of the withdrawal itself.
 */
enum {
	REVIEW_NOT_WITHDRAWN,
	REVIEW_WITHDRAWN_BEFORE,	/* before any decision or submission */
	REVIEW_WITHDRAWN_AFTER		/* after its decision or submission */
};
int		 review_withdrawn(const struct node *rec);
/*
 * The same as it stood at the end of day d (review_status_on()): a
 * review withdrawn after d was not withdrawn then, and one withdrawn
 * by d after its decision only if that was dated by d.
 */
int		 review_withdrawn_on(const struct node *rec, struct cal_date d);

/*
 * A procurement's 意見書 not yet submitted, written as a draft (案):
 * REVIEW_OPINION_FINAL when it went out (submitted set, the opinions
 * settled); REVIEW_OPINION_UNSENT without a submitted date;
 * REVIEW_OPINION_UNSETTLED while the review is still at received or
 * hearing, whatever date it carries (its opinions are not settled).
 */
enum {
	REVIEW_OPINION_FINAL,
	REVIEW_OPINION_UNSENT,
	REVIEW_OPINION_UNSETTLED
};
int		 review_opinion_draft(const struct node *rec);

/* Sums of initial and running costs over every year (0 when none). */
void		 review_cost_sums(long long *initial, long long *running,
		    const struct node *rec);
/*
 * The cost the approval rules compare: basis "total" (every year's
 * initial and running), "initial" (every year's initial) or "first-year"
 * (initial and running of the earliest year).  NULL means total.
 */
int		 review_cost(long long *out, const struct node *rec,
		    const char *basis);

/* The 決裁区分 of a plan and how it was found. */
struct review_approval {
	const char	*code;		/* division-head, cio ... */
	const char	*title;		/* the config's 職名, or NULL */
	const char	*basis;		/* total, initial, first-year */
	long long	 cost;		/* compared with the rules */
	long long	 below;		/* the matching rule's limit; -1: none */
	size_t		 rule;		/* index of the matching rule */
};

/*
 * Apply the config's approval.rules to a plan: the first rule whose
 * category is the plan's and whose limit (below) is absent or above the
 * cost.  NC_EINVALID when the plan has no category or the config no
 * rules, NC_ENOTFOUND when no rule matches; the message says which.
 */
int		 review_approver(struct review_approval *out,
		    const struct node *config, const struct node *rec);

/*
 * Whether a plan's decision was taken by an approver below the one the
 * rules give for its cost today (review_approver() into *rule): the
 * config's approval.approvers list them lowest first.  The decision is
 * the record's fact (review decide takes the rules' tier; a record
 * written by hand or costs changed after the decision may disagree), so
 * this is told, never corrected.  0 when the plan is undecided, its tier
 * cannot be found, or either approver is not in the list.
 */
int		 review_approver_below(struct review_approval *rule,
		    const struct node *config, const struct node *rec);

/*
 * The review's due date: its due field, else for a procurement opinion
 * the calendar's rule from the date received (4(1)ア(イ)b, "about one
 * week").  NC_ENOTFOUND when a review has none.
 */
int		 review_due(struct cal_date *out, const struct cal *,
		    const struct node *rec);

/*
 * The day the work ended: the decision date, else the date the opinion
 * or result was submitted.  NC_ENOTFOUND while the review is open.
 */
int		 review_closed_on(struct cal_date *out, const struct node *rec);

/*
 * The status (schema value) the review had at the end of day d, for a
 * document dated before a later change: the change last logged by d in
 * its status_history (statuslog_on()), 取下げ, 保留 and 精査済 too.  A
 * record without a history, or a day before its first change logged
 * (from the status that change left), by its dates: decided or
 * submitted only if that happened by d.  Dated after d (a decision, an opinion, a hearing's
 * questions or answers), the review was at the step its dates show on d:
 * hearing once a hearing's questions were sent by d, else received --
 * not 精査済 in a report of 4/14 whose hearing was answered 4/17.  With
 * nothing dated after d, the record's status (on-hold, withdrawn and
 * assessed have no date of their own), unless its hearings were all
 * after d.  NULL when the review was received after d.
 */
const char	*review_status_on(const struct node *rec, struct cal_date d);
/*
 * review_overdue() as it stood on day d, status the review's status on d
 * (review_status_on()): 0 days when it was closed or on hold then.
 */
int		 review_overdue_on(long *out, const struct cal *cal,
		    const struct node *rec, const char *status,
		    struct cal_date d);

/* Calendar days from received to the end (or today while open). */
int		 review_days_open(long *out, const struct node *rec,
		    struct cal_date today);

/*
 * Business days an open review is past its due date on today: 0 when it
 * is not past due, has no due date or is closed.
 */
int		 review_overdue(long *out, const struct cal *,
		    const struct node *rec, struct cal_date today);

/*
 * A date given for a step of the review must lie in the record's fiscal
 * year and not before it was received; what names the date in the message.
 */
/*
 * What the documents would be wrong from, beyond the schema: a date after
 * the contract's last day (renewal_limit, else end), a hearing dated
 * after the decision, a plan decided without a cost.  Each problem is
 * added to d under path; NC_EINVALID when there was any.  Used when a
 * review is written and by lint.
 */
int		 review_check(const struct node *config, const struct node *rec,
		    const char *path, struct diags *d);
int		 review_check_date(const struct node *rec, const char *what,
		    struct cal_date);
/*
 * What is told without refusing (lint's warnings, and after a change of
 * the record): a plan decided below the 決裁区分 its cost gives
 * (review_approver_below()).
 */
void		 review_warn(const struct node *config, const struct node *rec,
		    const char *path, struct diags *w);
/*
 * lint, as of today: a plan at status submitted (its 精査記録 handed to
 * the ward) with no decision once the ward's inspection of what is
 * submitted (15 days, 5(1)) is over -- counted from its submitted date,
 * else its due date, else the day it was received.
 */
void		 review_lint_undecided(const struct node *rec,
		    struct cal_date today, const char *path, struct diags *w);

/*
 * Changing a review: the rules of each step, applied to a record's tree
 * (the caller loads and saves it, under the lock: cmd_edit_record()).
 * Each returns 0, or an error code with a message and the tree unchanged
 * in what matters (a refused step writes nothing).
 */

/*
 * Move the status forward along received, hearing, assessed, decided,
 * submitted; never back, and never away from on-hold or withdrawn by a
 * step (only by hand).  The change is logged in status_history dated on
 * (the questions sent, the decision, the opinion submitted).
 * NC_EINVALID for a status not in that order.
 */
int		 review_advance(struct ydoc *, struct node *rec,
		    const char *to, struct cal_date on);

/*
 * What add asks for beyond the schema, by type (they drive the work): a
 * plan needs its category (new, update, modification: the 決裁区分), a
 * system evaluation its evaluation_kind.  NULL when none.
 */
const char	*review_type_required(const char *type);
/*
 * The fields an interactive add asks for, by type, after type, title,
 * org, received and a reviewer; NULL-terminated.
 */
const char *const *review_ask_fields(const char *type);
/*
 * A new record's derived fields: the schema's default type when none
 * is given; for a procurement opinion without a due date, the due date
 * from the calendar (about a week after the request, 4(1)ア(イ)b).
 */
int		 review_fill_new(struct ydoc *, struct node *rec,
		    const struct schema *kind, const struct cal *);

/*
 * One year's costs.  fy 0 is the fiscal year of the date received (or
 * of today when there is none); running < 0 leaves running out.  first:
 * put the year before every other (the year the plan starts).
 */
int		 review_add_cost(struct ydoc *, struct node *rec, int fy,
		    long long initial, long long running, int first);

/* Hearings: rounds of written (or spoken) questions and the answers. */
struct review_round_new {
	const char		*method;	/* NULL: written */
	struct cal_date		 sent;
	const struct cal_date	*due;		/* or NULL */
	const char *const	*questions;
	size_t			 nquestions;
};

/*
 * Start the next round with its questions (at least one) and move the
 * status to hearing; *round is its number.
 */
int		 review_hearing_ask(struct ydoc *, struct node *rec,
		    const struct review_round_new *, long *round);
/* Round n, or the latest when n is 0; NULL when there is none. */
struct node	*review_round(struct node *rec, long n);
/* Questions of a round without an answer. */
size_t		 review_round_unanswered(const struct node *round);
/*
 * Record answers to round n (0: the latest).  An answer "N:TEXT" answers
 * question N; any other answers the first question still open.  The
 * round's answered date is set to *answered when given, else to today
 * once every question has an answer (and not changed after).
 */
int		 review_hearing_answer(struct ydoc *, struct node *rec, long n,
		    const char *const *answers, size_t nanswers,
		    const struct cal_date *answered, struct cal_date today);

/* The finding of a viewpoint, made when there is none yet. */
struct node	*review_finding(struct ydoc *, struct node *rec,
		    const char *viewpoint);

/* What one assess step records; NULL fields are left as they are. */
struct review_assessment {
	const char		*viewpoint;	/* the finding to change */
	const char		*rating, *check, *answer, *comment;
	const char		*overall;
	const char		*proposed;	/* proposed_result */
	const char *const	*conditions;	/* proposed_conditions */
	size_t			 nconditions;
	const char		*opinion;	/* a new opinion */
	const char		*target;	/* the opinion's target */
	const struct cal_date	*submitted;	/* opinion or result sent */
	const struct cal_date	*on;		/* the day; NULL: today */
};

/*
 * Record findings, the overall view, the proposed result and its
 * conditions, an opinion or the date submitted; the status moves to
 * assessed, and for a procurement opinion or system evaluation given a
 * submitted date, to submitted.  A rating, check, answer or comment needs
 * a viewpoint; a target needs an opinion; conditions need a conditional
 * proposed result, given or recorded (NC_EINVALID).  Conditions given
 * replace those recorded; a proposed result other than conditional drops
 * them.
 */
int		 review_assess(struct ydoc *, struct node *rec,
		    const struct review_assessment *);

/* Whether any viewpoint has a finding. */
int		 review_has_findings(const struct node *rec);

struct review_decision_in {
	const char		*result;	/* approve, conditional, reject */
	const char *const	*conditions;
	size_t			 nconditions;
	const char *const	*reasons;	/* of a rejection */
	size_t			 nreasons;
	struct cal_date		 date;
	const char		*notice_no;	/* or NULL */
	int			 force;		/* decide without findings */
};

/*
 * Decide a plan or a system evaluation (a procurement opinion is
 * submitted, not decided): a conditional decision needs conditions and
 * only it takes them, a rejection its reasons (the notice states them)
 * and only it takes them; without findings only by force.  A plan's 決裁区分
 * comes from the config's rules (review_approver()), into *approval when
 * not NULL.  An earlier decision is replaced.  The status moves to
 * decided.
 */
int		 review_decide(struct ydoc *, struct node *rec,
		    const struct node *config,
		    const struct review_decision_in *,
		    struct review_approval *approval);

/*
 * The documents of a review.  what is record (精査記録, .xlsx and .docx:
 * a plan), notice (可否決定通知 of a plan, システム評価結果通知書 of a
 * system evaluation: after the decision), opinion (意見書: a procurement
 * opinion), evaluation (システム評価確認シート) or all (what the type and
 * the state call for).  NC_EINVALID when the review's type has no such
 * document, naming what it has.
 */
struct review_docspec {
	const char	*name;		/* 精査記録: the file's name */
	const char	*ext;		/* ".xlsx" */
	int		(*write)(struct review_ctx *, const struct node *rec,
			    const char *path);
};

#define REVIEW_DOCS_MAX	4

int		 review_docs(struct review_docspec *out, size_t *n,
		    const struct node *rec, const char *what);
/* The words review_docs() takes, NULL-terminated. */
extern const char *const review_doc_words[];
/*
 * Whether the record is ready for the document word names (one of
 * review_doc_words but all) as a deliverable: 0, or NC_EINVALID saying
 * why not.  The 精査記録 once the 精査 has begun (a hearing, a finding or
 * the decision recorded), the 意見書 once it went out (opinions settled
 * and submitted), the notices once decided.  `review export` writes
 * what it is asked for, a blank form or a draft (案) included; a bundle
 * of the year's deliverables leaves those out and says why.
 */
int		 review_doc_ready(const struct node *rec, const char *word);

/*
 * Documents.  Each writes one file atomically and deterministically: the
 * same record gives the same bytes (the document date comes from the
 * record, never the clock).  NC_EINVALID when the record lacks what the
 * document needs (a notice needs a decision), with the field named.
 */
int		 review_write_record_xlsx(struct review_ctx *,
		    const struct node *rec, const char *path);
int		 review_write_record_docx(struct review_ctx *,
		    const struct node *rec, const char *path);
int		 review_write_notice_docx(struct review_ctx *,
		    const struct node *rec, const char *path);
int		 review_write_opinion_docx(struct review_ctx *,
		    const struct node *rec, const char *path);
int		 review_write_syseval_xlsx(struct review_ctx *,
		    const struct node *rec, const char *path);
int		 review_write_syseval_docx(struct review_ctx *,
		    const struct node *rec, const char *path);

/*
 * A year's reviews counted: by type, decision, category and department;
 * cost reviewed; median days from receipt to decision; against the
 * config's yearly expectations.
 */
struct review_count {
	char		*key;		/* enum value or department name */
	char		*label;		/* Japanese label */
	size_t		 n;
	long long	 cost;		/* total cost of the plans counted */
	/* A department's place in orgs.yaml; SIZE_MAX when not there. */
	size_t		 order;
	size_t		 prev;		/* the year before's n (has_prev) */
};

struct review_counts {
	struct review_count	*v;
	size_t			 n;
};

struct review_summary {
	int			 fy;
	size_t			 total;
	struct review_counts	 by_type;	/* with expected in expect[] */
	long			 expect[3];	/* plan, procurement, sys-eval */
	struct review_counts	 by_result;
	struct review_counts	 by_category;
	struct review_counts	 by_dept;
	long long		 cost_total;	/* plans' total cost */
	size_t			 ndecided;	/* plans with a decision date */
	double			 median_days;	/* -1 when none decided */
	size_t			 nplans;	/* plans counted */
	size_t			 nwd_after;	/* of total: withdrawn after */
	size_t			 nplans_wd_after; /* of nplans: the same */
	size_t			 ncarried;	/* decided, of years before */
	struct cal_date		 asof;		/* today, at most the FY end */
	/*
	 * The year before's counts beside (review_summary_compare()),
	 * where it had reviews: each count's prev, and its median.
	 */
	int			 has_prev;
	size_t			 prev_ndecided;
	double			 prev_median_days;
	size_t			 prev_nwd_after;	/* its nwd_after */
	size_t			 prev_nplans_wd_after;
};

/*
 * Count the reviews in recs: those received in fy (受付, by receipt
 * year), and the decisions of plans of the years before made in fy up
 * to its asof (決定, by decision date; ncarried).  Records of later
 * years are ignored.
 */
int		 review_summarise(struct review_summary *out,
		    struct review_ctx *, int fy, const struct node *const *recs,
		    size_t n);
void		 review_summary_free(struct review_summary *);
/*
 * The year before's counts (prev, of the fiscal year before s's) into
 * s, for 前年度 and 増減: nothing where prev counted no review; a 部 of
 * last year's without a plan this year gets a row of 0.
 */
int		 review_summary_compare(struct review_summary *s,
		    const struct review_summary *prev);
/*
 * The median's days as every output writes them: whole days as "21",
 * a median between two as "9.5" (the exact value, never rounded).
 */
void		 review_days_text(char *out, size_t size, double days);
int		 review_write_summary_xlsx(struct review_ctx *,
		    const struct review_summary *, const char *path);

#endif
