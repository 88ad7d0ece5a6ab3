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
int		 review_check_date(const struct node *rec, const char *what,
		    struct cal_date);

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
};

/* Count the reviews in recs (roots of records of one fiscal year). */
int		 review_summarise(struct review_summary *out,
		    struct review_ctx *, int fy, const struct node *const *recs,
		    size_t n);
void		 review_summary_free(struct review_summary *);
int		 review_write_summary_xlsx(struct review_ctx *,
		    const struct review_summary *, const char *path);

#endif
