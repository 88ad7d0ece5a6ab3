/*
 * Meetings (3(3)ア(ウ)(エ)(オ)): the year's 定例会 and 進捗報告会 laid out
 * from the config's pattern, committees and extra meetings, the document
 * deadline of each (10:00 one ward business day before, 4(3)ア(ウ)(エ)),
 * the 次第 filled from the records and the 議事録 with its action items,
 * each of which becomes an issue of the 課題管理表 (issue.h).
 *
 * What a meeting holds is in schemas/meeting.yaml.  Documents are built
 * as plain views first (struct meeting_view), then laid out.  Nothing
 * here prints.
 */
#ifndef NCIO_MEETING_H
#define NCIO_MEETING_H

#include <stddef.h>

#include "cal.h"
#include "diag.h"
#include "due.h"
#include "node.h"
#include "record.h"
#include "store.h"

/* The ward's calendar with the data directory's closures.yaml. */
int		 meeting_cal(struct cal **out, struct store *);

/*
 * 0 when d is a ward business day; otherwise NC_EINVALID with a message
 * that says why the ward is closed and names the nearest business days
 * before and after ("2026-05-05 is a closed day (こどもの日); the nearest
 * business days are 2026-05-01 (Fri) and 2026-05-07 (Thu)").
 */
int		 meeting_check_day(const struct cal *, struct cal_date d);

/* The document deadline as stored: "2026-05-01T10:00+09:00". */
#define MEETING_DUE_MAX	32
int		 meeting_materials_due(char out[MEETING_DUE_MAX],
		    const struct cal *, struct cal_date meeting);

/*
 * The year's plan from the config (meetings.regular, meetings.progress,
 * defaults from the config schema): for each slot -- a month and the
 * n-th meeting of its type in it -- the date (the n-th weekday, moved
 * to the next business day of the month, else the one before, when the
 * ward is closed), the number in the year, the title.
 */
struct meeting_slot {
	const char	*type;		/* regular, progress */
	char		 slot[16];	/* 2026-05-2 */
	int		 number;	/* 第n回 */
	struct cal_date	 date;
	struct cal_date	 pattern;	/* the n-th weekday itself */
	const char	*closed;	/* why pattern moved, or NULL */
	char		 start[8], end[8];
	const char	*place;		/* NULL when the config has none */
};

int		 meeting_slots(struct meeting_slot **out, size_t *nout,
		    struct store *, const struct cal *, int fy);

/* What `meeting plan` did with each slot. */
struct meeting_planned {
	struct meeting_slot	 slot;
	char			*id;		/* created or existing */
	char			*title;
	struct cal_date		 date;		/* the record's (may be moved) */
	int			 created;
};

/*
 * Create the meetings of fy's slots that do not exist yet (a meeting of
 * the type with that slot, wherever it was moved), idempotently, under
 * the data directory's lock.  dry_run creates nothing.
 */
int		 meeting_plan(struct meeting_planned **out, size_t *nout,
		    struct store *, const struct cal *, int fy, int dry_run,
		    struct diags *d);
void		 meeting_planned_free(struct meeting_planned *, size_t);

/*
 * The title a new meeting gets: "第3回 定例会", or for a committee
 * "令和8年度 第2回 IT推進本部", numbered among the meetings of its type
 * in the fiscal year dated before it; *number is that n.
 */
int		 meeting_default_title(char **out, int *number,
		    struct store *, const char *type, struct cal_date date);

/*
 * Move a meeting (a loaded record) to date: the date, the deadline and
 * moved_from (the first date it had) change.  NC_EINVALID when date is
 * in another fiscal year.
 */
int		 meeting_move(struct ydoc *, struct node *root,
		    const struct cal *, struct cal_date date);

/* The meeting's date; NC_EINVALID when it has none. */
int		 meeting_date(struct cal_date *out, const struct node *rec);

/*
 * The reporting period of a progress meeting (and of the 相談業務実施
 * 報告書 for it): from the day after the previous progress meeting's
 * documents were dated (or 1 April) to the day this one's are, the day
 * they are due for the meeting (one business day before it); as_of, when
 * not NULL, that day too.
 */
int		 meeting_report_period(struct cal_date *from,
		    struct cal_date *to, struct cal_date *as_of, struct store *,
		    const struct node *rec);

/*
 * The year's last reporting period, which no progress meeting has: from
 * the day after the fiscal year's last progress meeting's documents were
 * dated (or 1 April) to the
 * last business day of the year, when the year's deliverables are due
 * (4(3)イ); as_of that day too.  The days after it are closed days, so
 * every day the ward works is in one report.
 */
int		 meeting_yearend_period(struct cal_date *from,
		    struct cal_date *to, struct cal_date *as_of, struct store *,
		    int fy);

/* Append an item the user puts on the agenda. */
int		 meeting_add_item(struct ydoc *, struct node *root,
		    const char *title, const char *presenter,
		    const char *const *materials, size_t nmaterials);

/*
 * The 次第 and the 議事録 as views.  The agenda is the stored items,
 * then the automatic topics not stored yet.  A 定例会 gets 課題の状況
 * (issues open at the meeting and past due or due before the next
 * meeting of the type), 前回以降の実施状況 (reviews decided or
 * submitted, consultations answered, audits and trainings held since the
 * previous meeting of the type, by kind) and 今後の予定 (audits and
 * trainings until the next one); a 進捗報告会 the reports to submit with
 * their period, then 課題の状況.  A stored item with a topic, or titled
 * as one (課題管理表, 課題の状況), gets that topic's lines too.  Everything is as of the meeting's day, so the
 * 次第 of a past meeting comes out the same later.
 */
struct meeting_item {
	char		*title;
	char		*presenter;
	char		**materials;	/* 資料 file names */
	size_t		  nmaterials;
	char		**lines;	/* what the topic lists */
	unsigned char	 *sub;		/* per line: 1 under the line before */
	size_t		  nlines;
	char		*summary;	/* 協議の概要 (minutes) */
	const char	*topic;		/* issues, activity ... or NULL */
	int		 stored;	/* index in the record's agenda, or -1 */
};

struct meeting_action_view {
	char		*action;
	char		*owner;		/* the member's name */
	char		*due;		/* 令和8年6月30日, or "" */
	char		*issue;		/* the issue's 課題番号, or "" */
};

struct meeting_view {
	char			*title;		/* 第3回 定例会 */
	char			*type;		/* 定例会 */
	struct cal_date		 date;
	char			*when;		/* 令和8年5月14日（木）13:30～17:00 */
	char			*place;
	struct cal_date		 doc_date;	/* the document's date */
	char			*period;	/* progress: 報告期間, or NULL */
	struct meeting_item	*items;
	size_t			 nitems;
	char			**handouts;	/* 配付資料 */
	size_t			 nhandouts;
	char			*next;		/* 次回 ..., or NULL */
	char			**ward;		/* 出席者（区） */
	size_t			 nward;
	char			*contractor;	/* the contractor's name, or "" */
	char			**team;		/* 出席者（受託者）: role\tname */
	size_t			 nteam;
	char			**decisions;
	size_t			 ndecisions;
	struct meeting_action_view *actions;
	size_t			 nactions;
	char			*minutes;	/* その他の記録 */
	char			*author;
};

int		 meeting_agenda_view(struct meeting_view *out, struct store *,
		    const struct cal *, const struct node *rec);
int		 meeting_minutes_view(struct meeting_view *out,
		    struct store *, const struct cal *, const struct node *rec);
void		 meeting_view_free(struct meeting_view *);
/*
 * Whether the minutes of a held meeting are recorded: an attendee, an
 * agenda item's summary (its 協議の概要), a decision or an action.  A
 * meeting held with none of them gives a blank 議事録 (「（議題の記録な
 * し）」), no deliverable (review 21, rev21a M1).
 */
int		 meeting_minutes_recorded(const struct node *rec);
int		 meeting_write_agenda_docx(const struct meeting_view *,
		    const char *path);
int		 meeting_write_minutes_docx(const struct meeting_view *,
		    const char *path);

/*
 * What `meeting minutes` records.  Discussion is per agenda item, by its
 * number in the 次第 (an automatic topic named this way is stored on the
 * record, with those before it, so the numbers stay).  Action items need
 * an owner (a member id); each becomes an issue (owner, due, raised_in
 * and meetings pointing back here) unless it names one (issue) or an
 * open issue of the same title exists, which it is linked to instead.
 */
struct meeting_action {
	const char	*action;
	const char	*owner;
	const char	*due;		/* YYYY-MM-DD or NULL */
	const char	*issue;		/* an issue id or prefix, or NULL */
};

struct meeting_discussion {
	long		 item;		/* 1-based number in the 次第 */
	const char	*text;
};

struct meeting_minutes {
	const char *const		*attendees;	/* 見本 直子（主任） */
	size_t				 nattendees;
	const char			*attendee_org;	/* their org code */
	const char *const		*members;
	size_t				 nmembers;
	const struct meeting_discussion	*discussion;
	size_t				 ndiscussion;
	const char *const		*decisions;
	size_t				 ndecisions;
	const struct meeting_action	*actions;
	size_t				 nactions;
	const char			*minutes;
	const char			*submitted;
};

/*
 * Check what minutes would record against the meeting and the data
 * directory (owners, issues, agenda numbers, dates), so that nothing is
 * created when anything is wrong; every problem goes to d under the
 * name "(minutes)" and the result is NC_EINVALID.
 */
int		 meeting_minutes_check(struct store *, const struct cal *,
		    const struct record *meeting,
		    const struct meeting_minutes *, struct diags *d);

/*
 * Record the minutes on the meeting (which becomes held, or
 * minutes-done when submitted is given), creating the issues of new
 * action items first.  *created receives how many issues were made.
 * The meeting is saved; call meeting_minutes_check() first.
 */
int		 meeting_record_minutes(size_t *created, struct store *,
		    const struct cal *, const struct recref *meeting,
		    const struct meeting_minutes *, struct diags *d);

/*
 * Dated obligations (due.h): every meeting's documents at 10:00 one
 * business day before (定例会 and 進捗報告会 always, other meetings when
 * they have a materials_due), done once submitted or held; minutes'
 * inspection periods (5(1)).
 */
int		 meeting_dues(struct duelist *, struct store *,
		    struct cal_date from, struct cal_date to);
/*
 * The contract's own obligations: the work plan 14 days after the
 * contract date (3(3)ア(ア), 4(3)ア(ア)) and its inspection, and every
 * year's deliverables on CD/DVD by the end of the contract (4(3)イ).
 */
int		 contract_dues(struct duelist *, struct store *,
		    struct cal_date from, struct cal_date to);

#endif
