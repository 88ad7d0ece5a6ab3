/*
 * Work reports (3(3)ア(ア)(オ), 6(1)ウ): the 作業実施報告書 submitted to
 * every 進捗報告会, its attachment 予定と実績, and the year's totals per
 * specification item (2(1), 4(3)イ).
 *
 * The numbers come from the other domains' records through their public
 * headers (review, audit, training, consult, meeting); nothing is typed
 * twice.  A document is built as a plain view first (struct report_work:
 * counts, the records behind them by their 文書番号, title, division and
 * date, never an id), then laid out, so the .docx and the .xlsx cannot
 * disagree.  Nothing here prints.
 */
#ifndef NCIO_REPORT_H
#define NCIO_REPORT_H

#include <stddef.h>

#include "cal.h"
#include "diag.h"
#include "due.h"
#include "evstate.h"
#include "store.h"

/* One record behind a count, as a reader knows it. */
struct report_ref {
	const char	*no;		/* 文書番号/受付番号, or "" */
	const char	*title;
	const char	*org;		/* 課 name, or "" */
	struct cal_date	 date;		/* the date that counted it */
	/*
	 * The last day of one held over a period (a training by
	 * e-learning, 令和8年7月6日～8月14日); y == 0: a single day.
	 */
	struct cal_date	 end;
	const char	*note;		/* 状況, due date met, ... or "" */
	/*
	 * The note as the workbook's list (業務項目別実績) gives it, or
	 * NULL for note: dates as the list's other dates (R8.6.5), a line
	 * each where the narrow column would cut a rate from its label.
	 */
	const char	*list_note;
	/*
	 * Its rate is interim (an audit with items still to check,
	 * audit_score_interim()): list_note marks it ※, and the list
	 * says under it what ※ means.
	 */
	int		 interim;
};

/*
 * A work item of the specification.  period and ytd count the same
 * thing (documented per item in nerima-cio-report(1)): received,
 * held or submitted between from and to, and between 1 April and to.
 */
struct report_item {
	const char		*key;	/* expectations key, or the item's own */
	const char		*spec;	/* 3(1)ア(イ)a */
	const char		*label;	/* 情報化企画審査 */
	/*
	 * Its 業務 as the tables list it: 「　うち面談・交渉への同席」 for a
	 * part of the item above it (the config schema's x-part-of), as
	 * the 相談業務実施報告書 counts a consultation once and its
	 * attendances among them; else the label.
	 */
	const char		*row_label;
	const char		*unit;	/* 件, 回, 種類 ... */
	long			 period;
	long			 ytd;
	long			 expected;	/* yearly; -1: none */
	/*
	 * With no expected, the yearly volume in words (各1: 3(2)ア's
	 * 運営計画書 and 最終報告書), or NULL: 随時.
	 */
	const char		*volume;
	double			 prorated;	/* expected x months / 12 */
	int			 is_short;	/* ytd below prorated (6(1)ウ) */
	const char		*detail;	/* a second figure, or NULL */
	/*
	 * detail as a table of the year words it (決定 1件, not 当期の
	 * 決定 1件) where the period is the whole year to date, from 1
	 * April; NULL otherwise, or when detail says no 当期.  The
	 * 作業実施報告書 keeps detail: its period is two months, April's
	 * too.
	 */
	const char		*ytd_detail;
	struct report_ref	*refs;		/* in the period, by date */
	size_t			 nrefs;
	const char		*note;		/* 6(1)ウ, when short */
	int			 note_given;	/* worded by the user */
	/*
	 * Dated in the period, on or before its end, but still planned:
	 * not counted, named here ("…（令和8年10月21日）、…") as 未実施.
	 */
	long			 nunheld;
	const char		*unheld;	/* or NULL */
	/* those of the whole year to date (the shortfall's share) */
	long			 nunheld_ytd;
	/*
	 * Reviews withdrawn (取下げ) by the period's end, received in the
	 * year to date: not counted, as the 情報化企画審査等実施状況 counts
	 * them (no 可否決定通知 is made for them); named here.
	 */
	long			 nwithdrawn;
	const char		*withdrawn;	/* or NULL, by date received */
	/*
	 * Withdrawn after its decision or 意見書 and counted (the work was
	 * done): the 業務項目別実績 says so beside 取下げは実績に含めない.
	 */
	long			 nwd_after;
	const char		*wd_after_what;	/* 決定後, 意見書提出後 */
	/*
	 * The cases detail counts (当期の決定 2件): decided, submitted or
	 * notified in the period, by that date, whenever received -- a
	 * case received in an earlier period is not among refs, and the
	 * 作業実施報告書 printed 当期の意見書提出 1件 over 当期の実績は
	 * ありません.  closed_head says what they are (当期に決定した
	 * もの); NULL both when there are none.
	 */
	long			 nclosed;
	const char		*closed;
	const char		*closed_head;
	/*
	 * 意見書 past their 提出期限 and unsent at the period's end that
	 * the rows do not show (received before the period, or in a year
	 * before: 令和7年度練企情受第12号), by 提出期限; or NULL.  detail
	 * counts them with the rows' among 提出期限を過ぎて未提出.
	 */
	const char		*overdue;
	/*
	 * Cases received in a year before and still undecided at the
	 * period's end (not counted: their year counted them), by the day
	 * received; or NULL.  Listed nowhere, a year's 審査中 cases
	 * vanished from the reports on 1 April (rev18a).
	 */
	const char		*carried;
	/*
	 * At the contract's end, what carried is: every case undecided,
	 * handed to the ward (契約期間の末日（…）までに決定に至らず、区に
	 * 引き継ぐもの); else NULL, the cases of years before.
	 */
	const char		*carried_head;
	/*
	 * Cases of the year received before the period and undecided at
	 * its end (counted when received), by the day received; or NULL.
	 * Only their period's rows showed them (rev20 M2).
	 */
	const char		*pending;
	/*
	 * Consultations not answered at the year's end, named, and what
	 * becomes of them (open_end_head: carried to the next year, or
	 * handed to the ward at the contract's end); or NULL.
	 */
	const char		*open_end;
	const char		*open_end_head;
	/* cancelled in the year to date, with the reason: not counted */
	long			 ncancelled;
	const char		*cancelled;	/* or NULL */
	/*
	 * The same, a record each (note: the reason), by date: the
	 * 業務項目別実績 lists them among the rows as 中止, so that its
	 * 第3回, 第5回 reconcile with the 中止 1件 beside the total.
	 */
	struct report_ref	*cancels;
	size_t			 ncancels;
	/*
	 * Scheduled later in the year (a meeting, an audit, a training
	 * dated after the period's end, in the unit the item counts): a
	 * shortfall they make up is the plan's timing, not effort moved.
	 */
	long			 nscheduled;
};

/*
 * A row of what the ward takes over at the contract's end (the
 * 作業実施報告書's 区への引継ぎ事項: one joined paragraph per item read as
 * a wall of text, rev20 T8): the case's item (区分) or 課題, its 件名
 * with its number, 課 and day received, its state then (状態, as the
 * records label it: 受付, 精査済, 未着手 ...) and what is left to do.
 */
/* the 作業実施報告書's section of them, which the items refer to */
#define REPORT_HANDOVER_TITLE	"区への引継ぎ事項"

struct report_handover {
	const char		*kind;		/* 情報化企画審査, 課題 */
	const char		*subject;
	const char		*state;
	const char		*todo;		/* 可否の決定, 回答 ... */
	size_t			 item;		/* order: item, then date */
	struct cal_date		 date;
	long			 no;		/* in its day; -1: none */
	size_t			 seq;		/* as it came, the last key */
};

struct report_work {
	int			 fy;
	struct cal_date		 from, to;
	struct cal_date		 as_of;		/* the document's date */
	int			 months;	/* of the year elapsed by to */
	const char		*period;	/* 令和8年5月28日から…まで */
	/*
	 * After period in the report's 報告期間, where the period ends the
	 * year before 31 March: （3月30日から31日は閉庁日）; or NULL.
	 */
	const char		*period_note;
	const char		*meeting;	/* 第2回 進捗報告会, or NULL */
	const char		*author;
	const char		*contract;	/* the contract's title */
	const char		*addressee;	/* 情報政策課長 */
	/* where the effort of short items went, with figures, or NULL */
	const char		*effort;
	struct report_item	*items;
	size_t			 nitems;
	/*
	 * At the contract's end (the period ends the year and the contract
	 * is not renewed): its last day in 令和 and every case and 課題
	 * still open, by item then date; else NULL and none.
	 */
	const char		*handover_day;
	struct report_handover	*handover;
	size_t			 nhandover;
	/* a dated event of the year to date still planned, one each */
	struct diags		 warns;
	void			*pool;
};

/*
 * The fiscal year named by a contract title's leading 令和N年度, or 0;
 * *len (may be NULL) the bytes of it.  The documents of a year put
 * that year in its place (contract.fiscal_years lists the renewals).
 */
int		 report_contract_fy(const char *title, size_t *len);
/*
 * Whether the config's contract.fiscal_years lists fy: 1 it does, 0 it
 * does not, -1 the config has no such list.
 */
int		 report_contract_year(const struct node *conf, int fy);
/*
 * What becomes of the cases still open at to, the one rule of every
 * document dated then (rev21c T4: the 相談業務実施報告書 made alone said
 * 回答作成中 where the one attached to the 作業実施報告書 said 区に
 * 引継ぎ): EV_OPEN_RUNS unless to ends the year (no business day after
 * it), then EV_OPEN_NEXT_YEAR when contract.fiscal_years lists the next
 * year, else EV_OPEN_HANDED.  head (n bytes, may be NULL): the
 * consultations' words for it (契約期間の末日（令和9年3月31日）までに回答
 * に至らず、区に引き継ぐもの), "" for EV_OPEN_RUNS.
 */
int		 report_open_end(enum ev_open *out, char *head, size_t n,
		    struct store *st, struct cal_date to);
/*
 * Whether to is the contract's end (report_open_end()'s EV_OPEN_HANDED):
 * 1 and its last day in 令和 in out, else 0.
 */
int		 report_handover_day(char out[CAL_FMT_MAX], struct store *st,
		    struct cal_date to);
/* lint: a contract.title naming a year contract.fiscal_years lacks. */
void		 report_config_lint(const struct node *conf, const char *path,
		    struct diags *warns);

/*
 * Build the view of [from, to], which must lie in one fiscal year
 * (NC_EINVALID naming the fiscal year otherwise).  as_of is the
 * document's date; meeting (may be NULL) the progress meeting's title.
 * Each short item gets the proposed 6(1)ウ note: the effort went to the
 * items whose year to date is furthest above their share of the year,
 * and to the work without a yearly volume (incidents, checklists).
 */
int		 report_work_build(struct report_work *out, struct store *,
		    struct cal_date from, struct cal_date to,
		    struct cal_date as_of, const char *meeting);
void		 report_work_free(struct report_work *);

/*
 * How much of a short item's shortfall its events of the year to date
 * still planned after their day (未実施, nunheld_ytd) and cancelled (中止,
 * ncancelled) account for: none, a part (the rest is the effort 6(1)ウ
 * moves to other items) or all of it (held, they would have reached the
 * share: nothing moved).
 * The 作業実施報告書's note and the 業務項目別実績's 備考 both word
 * the item by it.
 */
enum report_unheld {
	REPORT_UNHELD_NONE,
	REPORT_UNHELD_PART,
	REPORT_UNHELD_ALL
};
enum report_unheld report_item_unheld(const struct report_work *,
		    const struct report_item *);

/*
 * Is a short item's shortfall all the plan's timing: what was held, with
 * the 未実施 and 中止 and what is scheduled later in the year, makes the
 * year's volume (定例会: 第8回 is the day after the report; the
 * 情報セキュリティ委員会 meets in November and February).  Then no effort
 * is moved for it (6(1)ウ): the note and the section's text say so.
 */
int		 report_item_scheduled(const struct report_work *,
		    const struct report_item *);

/*
 * Is the rest of a short item's shortfall, past what its 未実施 and 中止
 * explain and not the plan's timing, the reviews withdrawn (取下げ, not
 * counted): 55 of 60 with 5 withdrawn is no effort moved to other work,
 * and the 業務項目別実績 said 他の業務に振替.  Both documents word it so.
 */
int		 report_item_withdrawn(const struct report_work *,
		    const struct report_item *);

/*
 * The user's wording of an item's 6(1)ウ note.  item is the item's key
 * (plan_reviews) or label (情報化企画審査).  NC_ENOTFOUND for no such
 * item, NC_EINVALID when the item is not below its expectation (the
 * note is shown exactly where a count is short).
 */
int		 report_work_set_note(struct report_work *, const char *item,
		    const char *text);

/* The item of key, or NULL. */
const struct report_item *report_work_item(const struct report_work *,
		    const char *key);

/*
 * The progress meeting a report is for: NC_EINVALID when rec is not a
 * 進捗報告会 (the message names what it is); its reporting period
 * (meeting_report_period()) and the document's date (the meeting's
 * document deadline) otherwise.
 */
int		 report_meeting_period(struct cal_date *from,
		    struct cal_date *to, struct cal_date *as_of,
		    struct store *, const struct node *rec);

/* 作業実施報告書 (.docx); attachments are the attached documents' titles. */
int		 report_work_write_docx(const struct report_work *,
		    const char *const *attachments, size_t nattachments,
		    const char *path);

/*
 * 予定と実績: the year's meetings, trainings and audits, done (実績) by
 * the end of the period or to come (予定), by date (.xlsx).
 */
int		 report_schedule_write_xlsx(struct store *, int fy,
		    struct cal_date as_of, const char *path);

/*
 * The year's totals per specification item (.xlsx): the view of the
 * whole fiscal year, with the rate against the yearly expectation, and
 * every record behind the counts on a second sheet.  prev, the view of
 * the whole fiscal year before (or NULL), gives each item's 前年度実績
 * where that year counted any work.
 */
int		 report_annual_write_xlsx(const struct report_work *,
		    const struct report_work *prev, const char *path);

/*
 * 作業実施計画書 (.docx) of fy from its work plan records (kind
 * workplan): the highest version, with every version's changes as the
 * change history; the volumes per item from the config's expectations,
 * the team and roles from the config, the schedule by month from the
 * year's meetings, trainings and audits, the deliverables with their due
 * dates.  NC_ENOTFOUND (saying how to add one) when the year has no
 * plan record; NC_EINVALID when a later version does not say what
 * changed or two have the same version.
 */
int		 report_plan_write_docx(struct store *, int fy,
		    const char *path);

/*
 * The security-management plan (運営計画書) and final report (最終報告書),
 * 3(2)ア and 4(2)ア, as one model of slides; the 概要版 is the slides
 * marked overview, the 詳細版 all of them.  The record (kind secreport,
 * type plan or final, the latest of the year) gives the goals, the
 * schedule, next year's actions and the proofreading rounds (on the
 * cover slide's notes); the final report's figures come from the year's
 * audits, department checks, trainings and incidents, with native
 * charts.  NC_ENOTFOUND when the year has no such record.
 */
struct pptx_bullet;
struct chart;
struct sec_later {
	const char		*what;		/* 監査, 研修 */
	const char		*title;
	struct cal_date		 date;
	struct cal_date		 end;		/* of a period; y == 0: none */
};
#define SEC_OVERVIEW_ONLY	2	/* in the 概要版, not the 詳細版 */
/*
 * A bullet's level with SEC_DETAIL_ONLY added is shown in the 詳細版
 * only: the definition of a figure only the 詳細版 charts (部別の平均
 * 得点), on a slide both decks show.
 */
#define SEC_DETAIL_ONLY		0x100

struct sec_slide {
	int			 kind;		/* 0 bullets, 1 table, 2 chart */
	const char		*title;
	int			 overview;	/* in the 概要版 too; or
						   SEC_OVERVIEW_ONLY */
	int			 section;	/* a section's few figures:
						   merged into 概要 */
	struct pptx_bullet	*bullets;
	size_t			 nbullets;
	const char		**head;
	const char		**cells;
	size_t			 ncols, nrows, ncell;
	const char		*note;		/* under a table, or NULL */
	struct chart		*chart;
};

struct report_sec {
	int			 fy;
	int			 final;
	const char		*title, *date, *author;
	/*
	 * The final report counts the audits, trainings and incidents of
	 * its own date (as_of); what is dated later is listed as 予定, a
	 * record dated before it but still planned is shown as 未実施 with
	 * a warning in warns.
	 */
	struct cal_date		 as_of;
	/*
	 * A final report dated before the month the 運営計画書 schedules
	 * it (最終報告書の作成, 3月): a draft (案) of its figures as of its
	 * date, with a warning; the cover says both.
	 */
	int			 draft;
	struct diags		 warns;
	struct sec_later	*later;		/* dated after as_of */
	size_t			 nlater;
	/*
	 * The figures the deck shows that the authored text may refer to
	 * ("…の多かった…"): compliance by chapter, incidents by category,
	 * the audits held, in progress and to come.
	 */
	const char		*ch_title[64];	/* without the chapter key */
	double			 ch_rate[64];
	size_t			 nch;
	const char		*inc_label[32];
	double			 inc_n[32];
	size_t			 ninc;
	size_t			 aud_done, aud_ongoing;
	/*
	 * Findings not 是正確認済: this year's audits' past their 是正期限,
	 * and those of earlier years' audits (audit_earlier_open()), which
	 * the 次年度の取組 follows up.
	 */
	size_t			 aud_late, aud_earlier;
	/*
	 * The figure by department is the 平均得点 (the chart 部別の平均
	 * 得点, 100点満点), not the items' 実施率, which the deck gives for
	 * the whole ward only.
	 */
	int			 dept_score;
	/* the 部 of that chart with their 平均得点 this year */
	const char		*dept_name[64];
	double			 dept_mean[64];
	/* its 課 that submitted, of its 課 (議会事務局: 1 of 2) */
	size_t			 dept_nsub[64], dept_ndiv[64];
	size_t			 ndept;
	/*
	 * The work plan (作業実施計画書) as it stood at as_of: its version
	 * (0 when the year has none dated by then), and what the later
	 * versions moved (record id, its date at as_of): the plan's
	 * schedule shows a record on the date it had then.
	 */
	long			 plan_version;
	struct sec_move {
		const char	*id;
		struct cal_date	 date;
	}			*moves;
	size_t			 nmoves;
	const char		*notes;		/* the proofreading rounds */
	size_t			 nproofreads;
	struct sec_slide	*slides;
	size_t			 nslides;
	void			*pool;
	/* a copy into pool failed: report_sec_build() fails, once, at its end */
	int			 nomem;
};

int		 report_sec_build(struct report_sec *out, struct store *,
		    int fy, int final);
void		 report_sec_free(struct report_sec *);
/* The 詳細版 (overview 0) or the 概要版 (.pptx). */
int		 report_sec_write(const struct report_sec *, int overview,
		    const char *path);
/* The text of a version, as its slides show it. */
struct buf;
int		 report_sec_text(struct buf *out, const struct report_sec *,
		    int overview);
/*
 * Every number of the 概要版's text appears, equal, in the 詳細版's:
 * 0, or NC_EINVALID naming the first that does not.
 */
int		 report_sec_check(const char *overview, const char *detail);

#endif
