/*
 * Internal security audits (3(2)エ): catalogs of audit items, planning
 * (the item list frozen into the audit record), scoring item by item,
 * the compliance rate, findings, agreement with the audited unit and
 * follow-up audits of the open findings.  The documents are built by
 * audit_doc.c (audit_doc.h).
 *
 * The functions here work on record trees (struct record from record.h);
 * the caller saves them with record_save().  Nothing prints.
 */
#ifndef NCIO_AUDIT_H
#define NCIO_AUDIT_H

#include <stddef.h>

#include "cal.h"
#include "diag.h"
#include "node.h"
#include "record.h"
#include "store.h"

struct buf;

/* 判定.  AUDIT_NONE is an item not yet answered (no result field). */
enum audit_result {
	AUDIT_NONE = 0,
	AUDIT_CONFORM,		/* 適合 */
	AUDIT_PARTIAL,		/* 一部不適合 */
	AUDIT_NONCONFORM,	/* 不適合 */
	AUDIT_NA,		/* 該当なし */
	AUDIT_UNCHECKED,	/* 未確認 (skipped) */
};
#define AUDIT_NRESULTS	6

/* "conform" ... and 適合 ...; NULL for AUDIT_NONE. */
const char	*audit_result_code(enum audit_result);
const char	*audit_result_label(enum audit_result);
/*
 * A result from its code (conform), its label (一部不適合) or its number
 * in the fieldwork menu (1 適合, 2 一部不適合, 3 不適合, 4 該当なし,
 * 5 未確認).  NC_EINVALID naming the input and the choices.
 */
int		 audit_result_parse(enum audit_result *out, const char *s);
/* The result stored in an item mapping (AUDIT_NONE when absent). */
enum audit_result audit_item_result(const struct node *item);

/*
 * The compliance rate (documented in nerima-cio-audit(1)).  Each item
 * with a result of 適合, 一部不適合 or 不適合 counts with weight
 * w = weight (default 1) x 2 for 必須 items, x 1 for 推奨 items, and
 * earns w x 1, w x 0.5 or 0.  The rate is earned / possible.  該当なし,
 * 未確認 and unanswered items are left out (and counted).
 */
double		 audit_item_weight(const char *importance, long weight);
double		 audit_result_credit(enum audit_result);

struct audit_tally {
	char		*key;		/* "2-5", or the category */
	char		*title;		/* 人的セキュリティ, or the key */
	unsigned	 count[AUDIT_NRESULTS];	/* by result */
	unsigned	 items;
	double		 earned;
	double		 possible;
};

struct audit_score {
	struct audit_tally	 total;
	struct audit_tally	*chapters;	/* in clause order */
	size_t			 nchapters;
};

/*
 * Tally a sequence of items (an audit's items).  Items are grouped by
 * the chapter of their clause (the first two numbers, 2-5 of 2-5-3) or,
 * without a clause, by their category; a chapter's title is the category
 * of its first item.
 */
int		 audit_score(struct audit_score *out, const struct node *items);
void		 audit_score_free(struct audit_score *);
/* 1 and the rate (0..1) when anything was scored, 0 when nothing was. */
int		 audit_tally_rate(double *out, const struct audit_tally *);
/*
 * The rate as the documents print it, in tenths of a percent, rounded
 * half up on the decimal value from the whole counts (13 / 16 = 81.25 %
 * is 813, 81.3 %, in the Word text and in Excel's "0.0%" alike): 1 and
 * the tenths, or 0 when nothing was scored.
 */
int		 audit_tally_tenths(long *out, const struct audit_tally *);
/*
 * A rate in tenths of a percent as text: "81.3%", or with unit 0 "81.3"
 * under a heading that carries the unit (適合率（%）).  Every percentage
 * the audit documents and `audit list` print comes through here.
 */
void		 audit_tenths_text(char *out, size_t size, long tenths,
		    int unit);
/* A rate (0..1) not a ratio of counts (an average) in tenths of a
 * percent, rounded half up the same way. */
long		 audit_rate_tenths(double rate);

/* The chapter key of a clause ("2-5" of "2-5-3") into out. */
void		 audit_chapter_of(char *out, size_t size, const char *clause);

/*
 * Planning.  Catalogs are picked by kind (audit-operational or
 * audit-system, and audit-mynumber when the target handles My Number):
 * for each kind the final (確定) catalog of the latest fiscal year not
 * after the audit's and, within it, the highest version.  Explicit
 * catalog ids replace the choice.
 */
struct audit_plan {
	const char		*type;		/* operational, system */
	const char		*target_org;	/* org code, or NULL */
	const char		*target_system;	/* system name, or NULL */
	int			 my_number;	/* -1 from orgs.yaml, 0, 1 */
	const char		*date;
	const char		*end_date;
	const char		*place;
	const char		*title;		/* NULL: made up */
	const char		*chief;		/* member id */
	const char *const	*auditors;	/* names (ward staff) */
	size_t			 nauditors;
	const char *const	*auditees;	/* the unit's staff */
	size_t			 nauditees;
	const char *const	*catalogs;	/* ids or prefixes; or none */
	size_t			 ncatalogs;
};

int		 audit_pick_catalog(struct record **out, struct store *,
		    const char *catalog_kind, int fy);
/* A catalog of audit items by id or unique prefix. */
int		 audit_load_catalog(struct record **out, struct store *,
		    const char *prefix);
int		 audit_plan(char **out_id, char **out_relpath,
		    struct store *, const struct audit_plan *,
		    struct diags *d);

/*
 * 1 when another audit than except (an id, or NULL) has the same target
 * (organisation and system) and date, its id in *out (the caller frees
 * it); 0 when none.  Planning one is allowed with a warning; lint warns.
 */
int		 audit_same_day(char **out, struct store *,
		    const char *target_org, const char *target_system,
		    const char *date, const char *except);

/*
 * Warnings into warns on an audit record (root, at relpath) the
 * documents would print otherwise than it says: a status behind its
 * report or agreement date, and a follow-up's finding that differs from
 * the finding it was carried from (grade, item, text, correction) or
 * whose original is missing, a 主任監査員 other than the one the
 * 作業実施計画書 names (the ciso-advisor), one risk listed twice.  For
 * `lint`.
 */
void		 audit_lint(struct store *, const struct node *root,
		    const char *relpath, struct diags *warns);

/*
 * A person mapping from "見本 直子" or "見本 直子（主任）", the position
 * in full-width brackets at the end; NULL when out of memory.
 */
struct node	*audit_person(struct ydoc *, const char *text);

/* Whether an org code is marked handles_my_number in orgs.yaml. */
int		 audit_org_my_number(int *out, struct store *,
		    const char *code);
/* A team member's name from nerima-cio.yaml; NULL when unknown. */
const char	*audit_member_name(struct store *, const char *id);
/* The id of the first member with role ciso-advisor, or NULL. */
const char	*audit_default_chief(struct store *);
/*
 * The status (schema value) the audit had at the end of day d, for a
 * document about a period that ended before today: planned before its
 * date, agreed only from the agreement's date, reported (and what
 * follows) only from the report's; a status whose date is not recorded
 * is the record's; a report or agreement dated by d makes it at least
 * reported or agreed, the dates being the history the status sums up.
 */
const char	*audit_status_on(const struct node *rec, struct cal_date d);

/*
 * Items of an audit.  audit_item_find() takes a ref (op-2-5-01) or a
 * 1-based number; NC_ENOTFOUND names the audit's refs' form.
 */
struct node	*audit_items(const struct node *root);
size_t		 audit_nitems(const struct node *root);
int		 audit_item_find(size_t *out, const struct node *root,
		    const char *ref);
/*
 * Item numbers as the documents print them (issue 18): one number for an
 * item wherever a reader meets it, the 監査項目 workbook included.
 *
 * audit_item_number(): the ref without the prefix of its catalog's kind,
 * 2-1-04 of op-2-1-04, 01 of mn-01 (a run of letters and a hyphen before
 * a digit); any other ref as it is.  A pointer into ref.
 * audit_item_kind(): that kind in Japanese, 運用, システム or マイナンバー;
 * NULL for a ref without a known prefix.
 * audit_own_kind(): the kind of an audit's own items (its first item's,
 * or a follow-up's first finding's), NULL when unknown.
 * audit_item_label(): the number into b, preceded by its kind where that
 * is not own (運用 2-1-04 in a table or text that mixes kinds: own NULL;
 * マイナンバー 01 in an operational audit's table: own 運用); b->data.
 */
const char	*audit_item_number(const char *ref);
const char	*audit_item_kind(const char *ref);
const char	*audit_own_kind(const struct node *root);
const char	*audit_item_label(struct buf *b, const char *ref,
		    const char *own);
/*
 * The index to resume at: the first unanswered item, else the first
 * 未確認 one, else 0.
 */
size_t		 audit_resume_index(const struct node *root);

/*
 * Record an answer on item index.  note and evidence are kept as they
 * were when NULL (an empty string or empty list removes them); checked is
 * the date-time of the answer.  The audit becomes 実施中, and the finding
 * of the item is kept in step (audit_sync_finding).  Refused once the
 * audit is agreed.
 */
struct audit_answer {
	enum audit_result	 result;
	const char		*note;
	const char *const	*evidence;
	size_t			 nevidence;
	int			 set_evidence; /* evidence given, maybe none */
	const char		*checked;
};

int		 audit_answer(struct ydoc *, struct node *root, size_t index,
		    const struct audit_answer *);

/*
 * Every 一部不適合/不適合 item has a finding: one is added (grade 軽微
 * for 一部不適合, 重大 for 不適合, the note as its text) when missing.
 * When an item stops being one, its finding goes if nothing was added to
 * it (no correction, response or Q&A); otherwise it stays.
 */
int		 audit_sync_finding(struct ydoc *, struct node *root,
		    size_t index);

/* The findings sequence and one finding by number. */
struct node	*audit_findings(const struct node *root);
struct node	*audit_finding(const struct node *root, long number);
/* Findings not yet 是正確認済 (accepted). */
size_t		 audit_open_findings(const struct node *root);

/* What `audit finding` changes; NULL fields are left as they are. */
struct audit_finding_edit {
	const char	*grade;
	const char	*finding;
	const char	*correction;
	const char	*due;
	const char	*status;
	const char	*status_date;	/* logs the change (status_history) */
	const char	*response;
	const char	*response_date;
	const char	*question;	/* appends a 質疑 */
	const char	*answer;	/* with question, or the last */
	const char	*qa_date;
};

/*
 * Is finding f's correction done (是正済 or 是正確認済)?  Its 是正期限 is
 * then met, for `nerima-cio due` and for the documents (期限超過).
 */
int		 audit_finding_corrected(const struct node *f);

/*
 * An audit edited as a whole (nerima-cio edit) from old to root: each
 * finding (by number) whose status the edit changed has the change
 * appended to its status_history dated d, as a record's own status is
 * (statuslog_edited()), unless the edit logged it itself (a new last
 * change to the new status).  One line "NUMBER\tFROM\tTO\n" per change
 * logged goes to told.
 */
int		 audit_findings_edited(struct buf *told, struct ydoc *,
		    struct node *root, const struct node *old,
		    struct cal_date d);

/*
 * Change finding number of root; a follow-up audit still planned is
 * under way (実施中) from then on.
 */
int		 audit_finding_edit(struct ydoc *, struct node *root,
		    long number, const struct audit_finding_edit *);

/*
 * The refs of unanswered or 未確認 items, and findings without a
 * correction or due date: what stops an agreement.  *out is a
 * caller-freed, "\n"-separated list ("" when nothing).
 */
int		 audit_agree_blockers(char **out, const struct node *root);
int		 audit_agree(struct ydoc *, struct node *root, const char *by,
		    const char *position, const char *date);

/* Record the report date (報告済); the audit must be agreed. */
int		 audit_mark_reported(struct ydoc *, struct node *root,
		    const char *date);

/*
 * A follow-up audit of src's open findings: a new record of type
 * followup carrying each open finding (renumbered, with from_audit and
 * from_finding) is written, then src's tree gets followup and the status
 * フォローアップ中, for the caller to save (record_edit(): src is read,
 * the follow-up made and src written under one lock).  Refused when src
 * has no open finding, is not agreed or already has a follow-up.
 */
struct audit_followup {
	const char		*date;
	const char		*place;
	const char		*chief;
	const char *const	*auditors;
	size_t			 nauditors;
};

int		 audit_followup(char **out_id, char **out_relpath,
		    struct store *, struct record *src,
		    const struct audit_followup *, struct diags *d);

/*
 * A carried finding's status recorded in a follow-up is copied to the
 * original finding (src root), the change appended to its status_history
 * dated date (ISO: the status's date given on the follow-up, else the
 * follow-up's date; NULL or empty: today) so that the status it had
 * before is kept; the original becomes 完了 once every finding is
 * accepted.  Returns 1 when src changed.
 */
int		 audit_propagate(struct ydoc *, struct node *src_root,
		    long from_finding, const char *status, const char *date);

/*
 * The finding a follow-up's finding f was carried from: the audit that
 * made it, found through its from_audit and from_finding and, where
 * those name a follow-up (records edited by hand; `audit followup` names
 * the original), through that follow-up's copy.  1 with the audit's
 * record in *out_rec (the caller frees it) and the finding in *out_f; 0
 * when f was not carried; -1 when an audit or finding of the chain is
 * not in the data directory.  The follow-up holds a copy; where the two
 * differ, the original is the record of what was found.
 */
int		 audit_origin(struct record **out_rec,
		    const struct node **out_f, struct store *,
		    const struct node *f);

/*
 * Where finding f of audit root was made, as audit_origin() resolves it
 * but among all (loaded audits): the audit's id and the finding's number
 * there; root's id and f's number when f was not carried.  Where the
 * chain leaves all, the last audit and number it names.
 */
void		 audit_finding_made(const char **out_src, const char **out_num,
		    struct record *const *all, size_t nall,
		    const struct node *root, const struct node *f);

/*
 * Earlier follow-ups.  A finding is known by where it was made: its
 * from_audit and from_finding, or its audit and number.  all is every
 * audit (audit_load_year(..., 0, ...)).
 *
 * audit_accepted_before(): the latest follow-up other than except (an
 * id, or NULL), dated before day (ISO), that carries finding num of
 * audit src as 是正確認済; NULL when none.
 */
const struct node *audit_accepted_before(struct record *const *all,
		    size_t nall, const char *src, const char *num,
		    const char *day, const char *except);
/*
 * What came before follow-up root: earlier is the latest follow-up
 * before its date of the same findings (or the one it follows up, when
 * that is a follow-up), NULL when none; naccepted of its n findings had
 * already been accepted by an earlier follow-up at its date (accepted_by
 * the latest of those), and nopen are neither that nor accepted since.
 */
struct audit_prior {
	const struct node	*earlier;
	const struct node	*accepted_by;
	size_t			 n;
	size_t			 naccepted;
	size_t			 nopen;
};

int		 audit_level_score(const char *);
void		 audit_prior(struct audit_prior *out,
		    struct record *const *all, size_t nall,
		    const struct node *root);

/*
 * The state of findings and audits on a day, for a document of that day
 * (a past year's 実施結果報告書 exported later must not show what only a
 * later follow-up confirmed: review19 rev19a M2, rev19b M1).
 *
 * A finding is known by where it was made (audit_finding_made()).  The
 * 是正状況 it had at the end of day is read from what is dated:
 *  - each follow-up carried out (not 計画) that carries it records its
 *    status on the follow-up's date;
 *  - a status_history on the finding (`audit finding --status S --date
 *    D`) records each change on its date;
 *  - 是正済 recorded without either is dated by the response (回答日).
 * The status the records give now (as the latest follow-up has it;
 * 是正確認済 once is 是正確認済) holds on day when its date (the earliest
 * of the above that records it) is by then, or when nothing dates it and
 * nothing dated is after day: a status given by hand without a date is
 * taken to have held from the last dated one on.  Otherwise the last
 * dated status by day holds; with none, the from of the earliest change
 * logged when it is not 未是正 (是正済 from its 回答日 on: the status a
 * follow-up's result replaced, audit_propagate()); else 是正中 when a
 * response is dated by day, else 未是正.  Its 是正期限 is that of the last follow-up
 * carried out by day that set one, else its own.
 *
 * h holds every carried finding of all (every audit, in date order:
 * audit_load_year(..., 0, ...) or audit_load_findings()), resolved once;
 * all must outlive it.  day NULL: the status the records give now.
 */
struct audit_carry;
struct audit_hist {
	struct record *const	*all;
	size_t			 nall;
	struct audit_carry	*c;
	size_t			 n;
};

int		 audit_hist_init(struct audit_hist *, struct record *const *all,
		    size_t nall);
void		 audit_hist_free(struct audit_hist *);
/* The 是正状況 (schema value) of finding f of audit root on day. */
const char	*audit_hist_status(const struct audit_hist *,
		    const struct node *root, const struct node *f,
		    const char *day);
/* Its 是正期限 on day (ISO), NULL when none. */
const char	*audit_hist_due(const struct audit_hist *,
		    const struct node *root, const struct node *f,
		    const char *day);
/*
 * Late on day (the one rule of every document's 期限超過 / past due): its
 * 是正期限 on day is before day and on day it is not corrected (未是正 or
 * 是正中; 是正済 awaiting confirmation is not late).
 */
int		 audit_hist_late(const struct audit_hist *,
		    const struct node *root, const struct node *f,
		    const char *day);
/*
 * A follow-up that carries finding f of root and is not carried out by
 * day (dated after it, or still 計画) or not reported on it (実施中): the
 * follow-up planned for it; NULL when none.
 */
const struct node *audit_hist_planned(const struct audit_hist *,
		    const struct node *root, const struct node *f,
		    const char *day);
/*
 * The audit's status on d: audit_status_on(), and of what follows the
 * report, フォローアップ中 only from the date of a follow-up of it and
 * 完了 only once every finding is 是正確認済 on d (audit_hist_status()),
 * else 報告済.
 */
const char	*audit_hist_audit_status(const struct audit_hist *,
		    const struct node *root, struct cal_date d);

/* A risk surfaced by the audit (顕在化したリスク). */
struct audit_risk {
	const char	*risk;
	const char	*clause;
	const char	*analysis;
	const char	*likelihood;	/* high, medium, low */
	const char	*impact;
	const char	*measure;
};

int		 audit_add_risk(struct ydoc *, struct node *root,
		    const struct audit_risk *);

/*
 * Audits of fiscal year fy (0: every year), loaded, in date order (then
 * by id).  A record that cannot be read is an error, or, when d is not
 * NULL, a problem in d and left out.  Freed with audit_free_all().
 */
int		 audit_load_year(struct record ***out, size_t *n,
		    struct store *, int fy, struct diags *d);
/*
 * The same without their items (the frozen check items and their results,
 * most of an audit's bytes), risks, auditors, auditees, assistants,
 * summary and catalogs, passed over unread (record_load_without()): for
 * what needs only the head and the findings.
 */
int		 audit_load_findings(struct record ***out, size_t *n,
		    struct store *, int fy, struct diags *d);
void		 audit_free_all(struct record **, size_t n);
/*
 * The findings of the audits (of h) of the years before fy (not
 * follow-ups) that are not 是正確認済 on day (ISO; NULL: now), each as the
 * follow-ups carried out by then have it (audit_hist_status()): the count the 監査
 * 実施結果 集計表 gives under its 指摘事項一覧 (「このほか、前年度以前の
 * 監査の指摘で…」) and the リスク一覧 lists.
 */
size_t		 audit_earlier_open(const struct audit_hist *, int fy,
		    const char *day);
/*
 * The id of the audit a follow-up of org follows: the latest agreed
 * audit of org that has open findings and no follow-up yet.
 * NC_ENOTFOUND saying so when there is none.
 */
int		 audit_followup_source(char **out_id, struct store *,
		    const char *org);
/*
 * The catalogs of audit items to show or export: each of sel a kind
 * (operational, audit-system, mynumber ...: the final catalog of that
 * kind for fy) or a catalog id; without sel, every kind that has a final
 * catalog for fy.  At most max into out; the caller frees each.
 */
int		 audit_catalogs(struct record **out, size_t *n, size_t max,
		    struct store *, const char *const *sel, size_t nsel,
		    int fy);

#endif
