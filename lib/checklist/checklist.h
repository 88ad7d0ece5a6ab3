/*
 * Checklists (3(2)ウ, 3(2)カ(イ)): the 自己点検 every staff member answers,
 * the 所属点検 every division (課) answers, and the checklist on the
 * special security clauses (特記事項チェックシート) a division submits for
 * each contract at the four stages.
 *
 * Item sets are catalog records (kind checklist-self, checklist-department,
 * checklist-vendor), one per fiscal year, items keyed by a stable ref.
 * Submissions are checklist records.  This module loads both, compares
 * item sets between years, writes the forms divisions fill in, imports
 * what comes back (.xlsx forms, CSV, survey exports through a rules
 * file), aggregates, and writes the reports.  It never prints.
 */
#ifndef NCIO_CHECKLIST_H
#define NCIO_CHECKLIST_H

#include <stddef.h>
#include <time.h>

#include "cal.h"
#include "diag.h"

struct store;
struct strmap;

enum ck_kind {
	CK_SELF,
	CK_DEPARTMENT,
	CK_VENDOR,
};

/* "self", "department", "vendor". */
const char	*ck_kind_name(enum ck_kind);
/* 自己点検, 所属点検, 特記事項チェックシート. */
const char	*ck_kind_title(enum ck_kind);
int		 ck_kind_parse(enum ck_kind *out, const char *);

/* Answers, as stored (schemas/common.yaml answer). */
enum ck_value {
	CK_YES,
	CK_NO,
	CK_NA,
	CK_DONE,
	CK_PARTIAL,
	CK_NOTDONE,
	CK_UNKNOWN,
	CK_NVALUES
};

const char	*ck_value_name(enum ck_value);	/* "yes", "done" ... */
const char	*ck_value_label(enum ck_value);	/* はい, 実施 ... */
/*
 * The score of an answer toward the implementation rate: 1 for yes and
 * done, 0.5 for partial, 0 for no, not-done and unknown; -1 for na,
 * which is left out of the rate.
 */
double		 ck_value_score(enum ck_value);

/* The four stages of a contract (委託事業者等に対する情報セキュリティ点検手順書). */
enum ck_stage {
	CK_BEFORE,
	CK_START,
	CK_DURING,
	CK_END,
	CK_NSTAGES
};

const char	*ck_stage_name(enum ck_stage);		/* "before" ... */
const char	*ck_stage_label(enum ck_stage);		/* 契約等の締結前 ... */
int		 ck_stage_parse(enum ck_stage *out, const char *name_or_label);

struct ck_item {
	const char	*ref;
	const char	*text;
	const char	*category;	/* or "" */
	const char	*clause;	/* or "" */
	int		 weight;
	int		 scale4;	/* 実施/一部実施/未実施/わからない */
	unsigned	 stages;	/* vendor: 1 << enum ck_stage */
	size_t		 index;
};

/* The answers an item allows, in form order; *n is 3 or 4. */
const enum ck_value *ck_item_values(const struct ck_item *, size_t *n);
/* An answer as a label (実施) or a name (done) the item allows. */
int		 ck_item_value_parse(enum ck_value *out, const struct ck_item *,
		    const char *text);

/* An item set: one catalog record. */
struct ck_set {
	enum ck_kind	 kind;
	int		 fy;
	const char	*catalog;	/* its id */
	const char	*title;
	int		 version;
	const char	*issued;	/* or NULL */
	struct ck_item	*items;
	size_t		 nitems;
	struct strmap	*byref;
	/* 報告書: what the advisor writes in the catalog (report:) */
	const char	*period;	/* 実施期間, or NULL */
	const char	*method;	/* 実施方法, or NULL */
	const char	**recommendations;
	size_t		 nrecommendations;
	void		*doc;		/* the catalog record: owns the text */
};

/*
 * The item set of kind for fy: the catalog of kind checklist-<kind> and
 * that fiscal year with the highest version.  NC_ENOTFOUND with a message
 * saying what to add when there is none.
 */
int		 ck_set_load(struct ck_set **out, struct store *, enum ck_kind,
		    int fy);
void		 ck_set_free(struct ck_set *);
const struct ck_item *ck_set_item(const struct ck_set *, const char *ref);

enum ck_change {
	CK_ADDED,
	CK_REMOVED,
	CK_REWORDED,	/* same ref, new text */
	CK_CHANGED,	/* same text; category, clause, weight, answer type
			   or stages changed */
};

struct ck_diff {
	enum ck_change		 change;
	const struct ck_item	*from;	/* NULL when added */
	const struct ck_item	*to;	/* NULL when removed */
};

/* Changes from a to b in b's item order, removed items last. */
int		 ck_set_diff(struct ck_diff **out, size_t *nout,
		    const struct ck_set *a, const struct ck_set *b);

/* Divisions (課) from orgs.yaml (the store's refdata), in file order. */
struct ck_org {
	const char	*code;
	const char	*name;
	const char	*dept;		/* 部 code */
	const char	*dept_name;
	size_t		 index;
	size_t		 dept_index;
	long		 headcount;	/* orgs.yaml's, or -1 */
};

struct ck_orgs {
	struct ck_org	*v;
	size_t		 n;
	const char	**depts;	/* 部 codes in file order */
	const char	**dept_names;
	size_t		 ndepts;
	struct strmap	*bycode;	/* 課 code -> struct ck_org */
	struct strmap	*byname;	/* 課 name -> struct ck_org */
	void		*doc;
};

int		 ck_orgs_load(struct ck_orgs **out, struct store *);
void		 ck_orgs_free(struct ck_orgs *);
/* A 課 by code or by name; NULL when it is not one. */
const struct ck_org *ck_orgs_find(const struct ck_orgs *, const char *);
/* Whether s is not a code but the name of more than one division. */
int		 ck_orgs_ambiguous(const struct ck_orgs *, const char *);

/*
 * Forms: one .xlsx per division, named
 * <kind title>_<令和N年度>_<部>_<課>.xlsx.  The first sheet says how
 * to fill it in, the second takes the submission's particulars, the third
 * the answers (drop-down lists, everything else locked, no password), and
 * a hidden sheet "_form" identifies the form for the import.
 */
#define CK_FORM_SHEET		"_form"
#define CK_FORM_FORMAT		"nerima-cio checklist form 1"
/* Answer rows for staff in a self-check form. */
#define CK_FORM_STAFF_ROWS	200
/* Of them, the rows printed where orgs.yaml has no headcount: a page. */
#define CK_FORM_STAFF_PRINT	30
/*
 * A 課 whose orgs.yaml headcount is larger gets that many rows, up to
 * this (the import's limits of a form hold them).
 */
#define CK_FORM_STAFF_MAX	1000

/* The form's file name: <kind title>_<令和N年度>_<部>_<課>.xlsx. */
int		 ck_form_name(char **out, const struct ck_set *,
		    const struct ck_org *);
/*
 * Write one division's form to path; the files carry the item set's
 * issue date, never the clock, so the same set gives the same bytes.
 */
int		 ck_form_write_path(const char *path, const struct ck_set *,
		    const struct ck_org *);

/*
 * Import.  Files are read and checked one by one (ck_import_file); a file
 * with any problem contributes nothing.  ck_import_commit() then compares
 * each submission with the record already held for the same division
 * (and, for vendor checklists, contract and stage) and creates, replaces
 * or leaves it, so importing the same file twice changes nothing.
 */
struct ck_import;

struct ck_import_opts {
	int		 kind;		/* enum ck_kind, or -1: from the form */
	int		 fy;		/* 0: from the form */
	const char	*rules;		/* rules file for CSV, or NULL */
};

enum ck_outcome {
	CK_NEW,
	CK_UPDATED,
	CK_UNCHANGED,
};

struct ck_result {
	const char	*file;
	const char	*encoding;	/* CSV: "UTF-8", "CP932" ...; or NULL */
	const char	*org;
	const char	*org_name;
	const char	*what;		/* the contract and stage, or NULL */
	enum ck_outcome	 outcome;
	char		*id;		/* the record's id */
	char		*changes;	/* updated: one line per change */
};

int		 ck_import_new(struct ck_import **out, struct store *,
		    const struct ck_import_opts *, struct diags *d);
void		 ck_import_free(struct ck_import *);
/*
 * Read and check one file (.xlsx or .csv); problems go to d as
 * file:sheet, row, column.  NC_EINVALID when the file had any.
 */
int		 ck_import_file(struct ck_import *, const char *path,
		    struct diags *d);
/* Submissions held so far. */
size_t		 ck_import_count(const struct ck_import *);
/*
 * Write what changed (nothing when dry_run); results in file order.
 * progress, when not NULL, is called after each submission.
 */
int		 ck_import_commit(struct ck_import *, int dry_run,
		    void (*progress)(size_t done, size_t total, void *),
		    void *arg, struct diags *d);
size_t		 ck_import_nresults(const struct ck_import *);
const struct ck_result *ck_import_result(const struct ck_import *, size_t);

/* Aggregation. */
struct ck_item_stat {
	const struct ck_item	*item;
	size_t			 counts[CK_NVALUES];
	size_t			 n;		/* answered, na excluded */
	double			 rate;		/* 0..1; NAN when n == 0 */
	/*
	 * last year's rate, only of the same item: the same ref and the
	 * same words (NAN: none, or reworded)
	 */
	double			 prev;
	size_t			 prev_n;	/* last year's answers, na excluded */
	int			 in_prev;	/* last year had the same item */
	int			 reworded;	/* last year's ref, other words */
	int			 recategorised;	/* the same item, another 分類 */
};

struct ck_div_stat {
	const struct ck_org	*org;
	int			 submitted;
	double			 score;		/* 0..100; NAN: none */
	double			 deviation;	/* 偏差値; NAN: none */
	size_t			 rank;		/* 1 = best; 0: none */
	double			 prev;		/* last year's score */
	size_t			 respondents;	/* self */
	int			 staff_total;	/* self; -1 unknown */
	const char		*submitted_on;	/* or NULL */
};

struct ck_dept_stat {
	const char	*code;
	const char	*name;
	size_t		 ndiv;
	size_t		 nsubmitted;
	double		 score;		/* mean of its divisions; NAN */
	double		 min, max;
	double		 prev;
};

struct ck_stage_stat {
	size_t		 nsheets;	/* checklists at this stage */
	size_t		 n;
	double		 rate;
	/* per item at this stage: index by item */
	size_t		*yes;
	size_t		*answered;
};

/*
 * A contract with items answered 「いいえ」.  The gaps are in the ward's
 * organisation order (orgs.yaml's, as the 課別 sheets), then by
 * contract, stage and the first item's No.; the items by No.
 */
struct ck_gap {
	const char		*org;
	size_t			 org_index;	/* in orgs.yaml, or SIZE_MAX */
	const char		*org_name;
	const char		*contract;
	const char		*vendor;
	enum ck_stage		 stage;
	const char		*id;
	const struct ck_item	**items;	/* answered no */
	size_t			 nitems;
};

struct ck_stats {
	enum ck_kind		 kind;
	int			 fy;
	const struct ck_set	*set;
	int			 has_prev;
	size_t			 ndiv;		/* divisions in orgs.yaml */
	size_t			 nsubmitted;
	size_t			 nrespondents;	/* self: staff rows */
	double			 rate;		/* overall, 0..1 */
	double			 prev_rate;	/* NAN when none */
	size_t			 nanswers;	/* rate's, na excluded */
	size_t			 prev_nanswers;	/* prev_rate's */
	/* last year's item set and its items' rates (set order), when
	 * has_prev: prev_rate is over all of them, this year's or not */
	const struct ck_set	*prev_set;
	double			*prev_items;
	/*
	 * this year's items with last year's rate (the same ref and words),
	 * and those under last year's ref in other words, left out of every
	 * comparison: a question reworded under its old code is another
	 * question (the 令和9年度 catalog reworded all 50 and 前年度 was
	 * another item's rate).  With none the same, nothing is compared:
	 * prev_rate and the divisions' and departments' prev are NAN too.
	 */
	size_t			 ncompared;
	size_t			 nreworded;
	double			 mean, sd;	/* of division scores */
	const char		*first_submitted, *last_submitted;
	struct ck_item_stat	*items;		/* set order */
	struct ck_div_stat	*divs;		/* orgs.yaml order */
	struct ck_dept_stat	*depts;
	size_t			 ndepts;
	struct ck_stage_stat	 stages[CK_NSTAGES];	/* vendor */
	struct ck_gap		*gaps;		/* vendor */
	size_t			 ngaps;
	void			*priv;
};

/*
 * Aggregate the submissions of kind for fy against the item set; with
 * last year's submissions and item set when there are some.
 */
int		 ck_aggregate(struct ck_stats **out, struct store *,
		    enum ck_kind, int fy, struct diags *d);
/*
 * The department check of fy and, for its report, the staff's self check
 * of the same year (*self NULL when fy has no self-check item set),
 * without the self check's previous year, which the report does not
 * show: the year's folder is read once.
 */
int		 ck_aggregate_with_self(struct ck_stats **out,
		    struct ck_stats **self, struct store *, int fy,
		    struct diags *d);
void		 ck_stats_free(struct ck_stats *);
/*
 * This year's overall rate over the items last year had too (an item
 * with a rate both years), pooled as rate is, the answers of those items
 * together: the like for like beside prev_rate, which a year with new
 * items does not give (80.2% against 75.3% counted No.47 and 50, new).
 * *nitems (may be NULL) is the number of those items; NAN without last
 * year's results or without such an item answered.
 */
double		 ck_same_rate(const struct ck_stats *, size_t *nitems);
/*
 * ck_same_rate() where it tells a reader something beside rate and
 * prev_rate: last year's overall rate known and this year rating items
 * it did not have (a year of the same items compares like for like
 * already); else NAN.  The 最終報告書 and the 集計表's 分類別 note give
 * it in the same words, so that the one can be checked in the other.
 */
double		 ck_same_rate_shown(const struct ck_stats *, size_t *nitems);
/*
 * A department as a chart of 部別の平均得点 names it: 「区民部（提出1課
 * ／8課）」 where some of its divisions did not submit, its score theirs
 * alone; its name otherwise (a name is a line of up to 200 characters:
 * whole).  NULL when out of memory; free the result.
 */
char		*ck_dept_label(const struct ck_dept_stat *);
/* Item indexes sorted by rate, lowest first (items without answers last). */
size_t		*ck_stats_lowest(const struct ck_stats *);
/*
 * 偏差値 of each x: 50 + 10 (x - mean) / sd over the values that are not
 * NAN, sd the population standard deviation; 50 for all when sd is 0.
 */
void		 ck_deviation(double *out, const double *x, size_t n,
		    double *mean, double *sd);

/*
 * Reports: 所属点検実施結果報告書 (or 自己点検 / 特記事項チェックシートの
 * 集計結果報告書) as .docx, and the full tables with charts as .xlsx,
 * each to a path; ck_report_names() gives their default names
 * (令和8年度_所属点検実施結果報告書.docx and ..._集計表.xlsx, malloc'ed).
 * date is the report's date (YYYY-MM-DD), which also fixes the files'
 * creation time so that the same data give the same bytes.  With a
 * department check, self (or NULL) is the same year's self check, which
 * the report summarises (the division reports on its staff's self check).
 */
int		 ck_report_names(char **docx, char **xlsx,
		    const struct ck_stats *);
int		 ck_report_docx(const char *path, const struct ck_stats *,
		    const struct ck_stats *self, struct store *,
		    const char *date);
int		 ck_report_xlsx(const char *path, const struct ck_stats *,
		    const struct ck_stats *self, struct store *,
		    const char *date);
/*
 * The report's date when none is given: the last submission, else the
 * item set's issue date, else 1 April of the year -- the same data give
 * the same files -- but never before the end of the 実施期間 (report:
 * period) it reports on: results are reported once the period is over.
 */
void		 ck_report_date(char *out, size_t size,
		    const struct ck_stats *);
/*
 * The last day of a 実施期間 as the catalog writes it, "令和8年9月1日から
 * 同年10月30日まで" (同年: the first date's year), or an ISO pair
 * "2026-09-01から2026-10-30まで"; NC_EINVALID when it names no end day.
 */
int		 ck_period_end(struct cal_date *out, const char *period);
/* Its first day, "令和8年9月1日" of the same; NC_EINVALID when none. */
int		 ck_period_start(struct cal_date *out, const char *period);

#endif
