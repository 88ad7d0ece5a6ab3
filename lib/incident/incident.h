/*
 * Incidents (事故等, 3(2)オ): the timeline of what happened, the criteria
 * for isolating the network and for recovering (a catalog of questions,
 * actions and rules: 対応基準), the reports the facts make due (a catalog
 * of reporting rules with day counts and legal basis), the review of the
 * division's recurrence-prevention measures, and the documents.
 *
 * What an incident holds is in schemas/incident.yaml; the two catalogs'
 * shapes are in schemas/catalog.yaml (kinds isolation-criteria and
 * incident-reporting).  Rules and day counts are data: nothing here knows
 * a question, a law or a number of days.  Functions work on record trees
 * and never print.
 */
#ifndef NCIO_INCIDENT_H
#define NCIO_INCIDENT_H

#include <stddef.h>

#include "cal.h"
#include "diag.h"
#include "due.h"
#include "node.h"
#include "record.h"
#include "schema.h"
#include "store.h"

/* Catalog kinds (schemas/catalog.yaml). */
#define INCIDENT_CRITERIA	"isolation-criteria"
#define INCIDENT_REPORTING	"incident-reporting"

/* Phases of the criteria: deciding isolation, deciding recovery. */
#define INCIDENT_TRIAGE		"triage"
#define INCIDENT_RECOVER	"recover"

/*
 * What the incident computations need from the data directory: the
 * incident schema, the calendar with the directory's closures, and the
 * catalogs.  Built once per command.
 */
struct incident_ctx;

int		 incident_ctx_new(struct incident_ctx **out, struct store *);
void		 incident_ctx_free(struct incident_ctx *);
const struct schema *incident_ctx_kind(const struct incident_ctx *);
const struct cal *incident_ctx_cal(const struct incident_ctx *);
struct store	*incident_ctx_store(const struct incident_ctx *);

/*
 * The catalog of a kind in force in fiscal year fy: of the catalogs of
 * that kind of the latest fiscal year not after fy, a final one before a
 * draft, then the highest version.  The record stays the context's.
 * NC_ENOTFOUND naming the kind when there is none.
 */
int		 incident_pick_catalog(const struct record **out,
		    struct incident_ctx *, const char *catalog_kind, int fy);
/* A catalog by id or prefix, which must be of catalog_kind. */
int		 incident_find_catalog(const struct record **out,
		    struct incident_ctx *, const char *catalog_kind,
		    const char *prefix);

/* --- the criteria: questions, answers, rules ------------------------- */

enum incident_qtype {
	INCIDENT_Q_YESNO,		/* yes, no */
	INCIDENT_Q_YESNO_UNKNOWN,	/* yes, no, unknown */
	INCIDENT_Q_CHOICE,		/* one of the question's choices */
	INCIDENT_Q_COUNT,		/* a whole number >= 0 */
};

struct incident_question {
	const char		*key;
	const char		*text;
	const char		*help;		/* or NULL */
	enum incident_qtype	 type;
	const struct node	*node;		/* the catalog's mapping */
	size_t			 number;	/* 1-based within its phase */
};

/* The questions of one phase, in catalog order; *out is the caller's. */
int		 incident_questions(struct incident_question **out,
		    size_t *nout, const struct node *catalog,
		    const char *phase);
/*
 * An answer as a person types it, checked against the question's type and
 * stored as its value: yes/no/unknown from y, はい, いいえ, わからない ...;
 * a choice by value, title or number; a count in ASCII or full-width
 * digits.  NC_EINVALID naming the question and what it expects.
 */
int		 incident_answer_parse(char **out,
		    const struct incident_question *, const char *text);
/* What a reader sees for a stored answer (はい, LGWAN接続系, 3). */
const char	*incident_answer_label(const struct incident_question *,
		    const char *value);
/* "はい／いいえ／わからない", "1 マイナンバー利用事務系 …", "0以上の数". */
int		 incident_answer_hint(char **out,
		    const struct incident_question *);

struct incident_answer {
	const char	*key;
	const char	*value;		/* as incident_answer_parse() stores */
};

struct incident_fired {
	const char		*rule;		/* tr-01 */
	const char		*action;	/* isolate-terminal */
	const struct node	*node;		/* the rule */
};

struct incident_eval {
	struct incident_fired	*fired;
	size_t			 nfired;
	/* The recommended action: the fired one listed first in actions. */
	const char		*action;
	const struct node	*action_node;
};

/*
 * Apply the rules of one phase to the answers.  A rule fires when every
 * condition of its when holds (an unanswered question holds none); rules
 * without conditions fire only when no other rule of the phase did.
 * action is NULL when nothing fired.  NC_EINVALID when the catalog is
 * inconsistent (incident_check_catalog() says where).
 */
int		 incident_evaluate(struct incident_eval *out,
		    const struct node *catalog, const char *phase,
		    const struct incident_answer *answers, size_t nanswers);
void		 incident_eval_free(struct incident_eval *);
/* The catalog's action mapping of key, or NULL. */
const struct node *incident_action(const struct node *catalog,
		    const char *key);
/* The catalog's source mapping of key, or NULL. */
const struct node *incident_source(const struct node *catalog,
		    const char *key);

/*
 * Checks that the schema cannot make, for lint: in a criteria catalog,
 * every rule's question, answer values, action and source exist (and
 * belong to the rule's phase), keys are unique, choices are given; in a
 * reporting catalog, every field names a field of the incident schema
 * (incident may be NULL to skip that) and sources exist; in an incident,
 * the timeline is consistent.  Problems go to d at the node's position.
 */
int		 incident_check(const struct schema *kind,
		    const struct node *root, const char *relpath,
		    const struct schema *incident, struct diags *d);
/* incident_check() with the data directory's incident schema (lint). */
int		 incident_lint(struct store *, const struct schema *kind,
		    const struct node *root, const char *relpath,
		    struct diags *d);
/*
 * Warnings for lint: an incident's status behind its own dates (a 終結日
 * and not closed; the division's report received or the measures
 * reviewed and not yet prevention).
 */
void		 incident_lint_status(const struct schema *kind,
		    const struct node *root, const char *relpath,
		    struct diags *warns);

/* --- the timeline ------------------------------------------------------ */

/*
 * Times are the ward's local time as "YYYY-MM-DDTHH:MM" (an offset or
 * seconds after it are ignored); minutes since 1970-01-01 for comparing.
 */
int		 incident_time(long *out, const char *s);
/* "2026-06-10T14:05" of the clock. */
void		 incident_now(char out[32]);
/* 令和8年6月10日 14:05 (or with the short era), for documents. */
int		 incident_time_era(char *out, size_t size, const char *s,
		    enum cal_era_style);

/* The timeline sequence (NULL when none) and an entry by its seq. */
struct node	*incident_timeline(const struct node *root);
struct node	*incident_entry(const struct node *root, long seq);

struct incident_entry_in {
	const char	*at;		/* required */
	const char	*type;		/* a user type: not status, triage ... */
	const char	*text;
	const char	*by;		/* member id or NULL */
	const char	*report;	/* obligation met (ref) or NULL */
};

/*
 * Append an entry in time order (after entries of the same time) with the
 * next seq; logged is now.  Refused (NC_EINVALID naming the field) when at
 * is after now, before the day the incident occurred, or breaks the order
 * of the timeline (a recovery before the detection ...).  *seq_out, when
 * not NULL, is the new entry's seq.
 */
int		 incident_log(struct ydoc *, struct node *root,
		    const struct incident_entry_in *, const char *now,
		    long *seq_out);
/*
 * Correct the time of entry seq; the old time is kept in its corrections
 * with now, the reason and who.  The same checks as incident_log().
 */
int		 incident_correct(struct ydoc *, struct node *root, long seq,
		    const char *at, const char *reason, const char *by,
		    const char *now);
/*
 * Change status or severity, logging the change (type status) at now.
 * Returns 0 and *changed 0 when the value is already that.  A status of
 * closed sets closed to now's date.
 */
int		 incident_set(struct ydoc *, struct node *root,
		    const struct schema *kind, const char *field,
		    const char *value, const char *by, const char *now,
		    int *changed);
/*
 * The status (schema value) the incident had at the end of day d, for a
 * document dated before a later change (a 作業実施報告書 of 4/14 of an
 * incident closed on 5/6).  The changes incident_set() logged tell it:
 * the last one by d, else the first later one's from.  Without any, and
 * with something dated after d (closed, prevention.received), the step
 * the record's dates show on d: closed, prevention (the division's report
 * received or its measures reviewed), responding (a containment,
 * isolation, decision ... by d), else reported.  With nothing after d,
 * the record's status.  NULL when the incident was reported after d.
 */
const char	*incident_status_on(const struct node *root,
		    struct cal_date d);
/*
 * Whether an incident at status (prevention) had its measures reviewed
 * by date (YYYY-MM-DD..., or any day when NULL): prevention.reviewed on
 * or before it.  The 事故等報告書 then says 再発防止策の確認済み, and the
 * 事故等統計 the same: one said 確認中 of the incident the other said
 * 確認済み (review 21, rev21b M6).
 */
int		 incident_prevention_reviewed(const struct node *root,
		    const char *status, const char *date);
/* The severity on day d, by the changes logged; NULL as above. */
const char	*incident_severity_on(const struct node *root,
		    struct cal_date d);
/*
 * The order the timeline must keep: not discovered before it occurred; no
 * entry before the day the incident occurred; no containment, isolation, eradication or recovery before
 * the detection (the first detection entry, else the discovered day).
 * 0, or NC_EINVALID with the first problem.  Also used by lint.
 */
int		 incident_timeline_check(const struct node *root);

/*
 * One run of triage or recover: the answers (with each question's text as
 * it is now), the rules that fired and the recommendation, logged at at
 * as an entry of type triage or recovery-check.
 */
struct incident_run {
	const char			*phase;
	const struct node		*catalog;
	const struct incident_answer	*answers;
	size_t				 nanswers;
	const char			*at;
	const char			*by;
};

int		 incident_log_run(struct ydoc *, struct node *root,
		    const struct incident_run *, const struct incident_eval *,
		    const char *now, long *seq_out);
/*
 * Record the recommended action as the incident's isolation decision
 * (decision, decided, criteria, reason from the fired rules).
 */
int		 incident_decide(struct ydoc *, struct node *root,
		    const struct incident_run *, const struct incident_eval *);

/* --- reporting obligations -------------------------------------------- */

struct incident_obligation {
	const struct node	*report;	/* the catalog's report */
	const char		*ref;
	const char		*to;
	const char		*title;
	const char		*basis;
	const char		*note;
	char			*why;		/* the facts that made it due */
	struct cal_date		 base;		/* the day the count starts */
	const char		*base_field;	/* privacy.known ... */
	struct cal_date		 due;
	/* Met: the timeline entry whose report is ref (0 when none). */
	long			 done_seq;
	char			 done_at[32];
};

struct incident_obligations {
	struct incident_obligation	*v;
	size_t				 n;
	const struct record		*catalog;	/* NULL: none in force */
};

/*
 * The reports due for one incident under a reporting catalog (a record
 * tree), with the calendar for business days, by due date (the catalog's
 * order within a day).  Pure: the unit tests call it with trees.
 */
int		 incident_obligations_of(struct incident_obligations *out,
		    const struct node *catalog, const struct node *incident,
		    const struct schema *kind, const struct cal *);
/* The same with the catalog in force for the incident's fiscal year. */
int		 incident_obligations(struct incident_obligations *out,
		    struct incident_ctx *, const struct node *incident);
void		 incident_obligations_free(struct incident_obligations *);

/*
 * The obligations of every incident falling in [from, to] (zero dates
 * leave a bound open), met ones with done set (due.h).  A closed
 * incident's unmet obligations are not listed: closing it settled them.
 */
int		 incident_dues(struct duelist *, struct store *,
		    struct cal_date from, struct cal_date to);

/* --- recurrence prevention --------------------------------------------- */

/* The prevention.items sequence, or NULL. */
struct node	*incident_measures(const struct node *root);
/* Append one of the division's measures; its 1-based number in *no. */
int		 incident_measure_add(struct ydoc *, struct node *root,
		    const char *text, size_t *no);
/*
 * Review measure no (1-based): rating effective, partial or insufficient
 * (or its Japanese title), the reason, an improvement proposal (NULL to
 * keep, "" to remove) and the day.  NC_EINVALID naming the field.
 */
int		 incident_measure_review(struct ydoc *, struct node *root,
		    const struct schema *kind, size_t no, const char *rating,
		    const char *reason, const char *proposal, const char *day);

/* --- documents ---------------------------------------------------------- */

/*
 * Each writes one file atomically and deterministically (the date comes
 * from the records, never the clock).  NC_EINVALID naming the field when
 * the record lacks what the document needs.
 */
/* 対応基準提案書, from a criteria catalog (and the reporting catalog). */
int		 incident_write_criteria_docx(struct incident_ctx *,
		    const struct node *criteria, const struct node *reporting,
		    const char *path);
/* 再発防止策の提案書: needs reviewed measures (prevention.items). */
int		 incident_write_prevention_docx(struct incident_ctx *,
		    const struct node *incident, const char *path);
/* 事故等報告書, with the timeline and the obligations. */
int		 incident_write_report_docx(struct incident_ctx *,
		    const struct node *incident, const char *path);
/*
 * The year's statistics with charts; recs are incidents of fiscal year
 * fy, prev those of the year before (前年度 and 増減 where it has any).
 */
int		 incident_write_stats_xlsx(struct incident_ctx *, int fy,
		    const struct node *const *recs, size_t n,
		    const struct node *const *prev, size_t nprev,
		    const char *asof, const char *path);

/* Whether a prevention report can be made: 0 or NC_EINVALID naming why. */
int		 incident_prevention_ready(const struct node *incident);

/* --- statistics ---------------------------------------------------------- */

/*
 * Hours from the detection (first detection entry, else discovered at
 * 00:00) to the first containment/isolation entry and to the first
 * recovery entry (without them, isolation.decided of a cut and
 * isolation.restored); -1 when either end is missing or the end is
 * before the detection.
 */
void		 incident_durations(double *to_contain, double *to_recover,
		    const struct node *root);

#endif
