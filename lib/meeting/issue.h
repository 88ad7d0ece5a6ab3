/*
 * The 課題管理表 (3(3)ア(エ)(オ), attached to every 定例会 and work
 * report): issues with an owner, a due date and a history of updates;
 * the table as an .xlsx (open first, overdue highlighted, A4 landscape).
 * What an issue holds is in schemas/issue.yaml.
 */
#ifndef NCIO_ISSUE_H
#define NCIO_ISSUE_H

#include <stddef.h>

#include "cal.h"
#include "diag.h"
#include "due.h"
#include "node.h"
#include "record.h"
#include "store.h"

/* Not closed. */
int		 issue_is_open(const struct node *rec);
/*
 * Past its due date on day and open: open as the caller knows it, now
 * (issue_is_open()) or on the day by the history (the 課題管理表 as of a
 * date), so the list and the table judge by the one rule.
 */
int		 issue_overdue(const struct node *rec, int open,
		    struct cal_date day);
/*
 * The due date in force on day, by the history's due changes (an entry
 * dated after day with due_before says what held until then); -1 when
 * the issue had none that day.
 */
int		 issue_due_on(struct cal_date *out, const struct node *rec,
		    struct cal_date day);
/*
 * Open at the end of day by the history, as the 課題管理表 as of a date
 * reads it: an issue completed and later reopened was closed between.
 */
int		 issue_open_on(const struct node *rec, struct cal_date day);

/*
 * The number a document prints for an issue: N of its 課題N (with word,
 * 課題N), else its ref_no.  Numbers restart each fiscal year, so that an
 * issue raised in another year than fy carries that year in the ward's
 * short 令和 form: R8-23, 課題R8-23 (a 令和9年度 list with the open
 * issues of 令和8年度 printed 課題6 twice).  fy 0: always the year.
 */
void		 issue_label(char *buf, size_t size, const struct node *rec,
		    int fy, int word);

/* A new issue; NULL fields are left out. */
struct issue_new {
	const char	*title;
	const char	*owner;		/* member id */
	const char	*due;
	const char	*raised;	/* default today */
	const char	*raised_by;	/* 定例会, 所管課 ... */
	const char	*raised_in;	/* the record the issue came from */
	const char	*meeting;	/* a meeting to link (meetings) */
	const char	*ward_owner;
	const char	*priority;
	const char	*description;
	const char	*action;
	const char	*by;		/* who raised it (history) */
};

/*
 * Create an issue, numbered 課題N (ref_no) after the highest number of
 * its fiscal year, with a first history entry.
 */
int		 issue_create(char **out_id, char **out_relpath,
		    struct store *, const struct issue_new *, struct diags *d);

/*
 * What `issue update` and `issue close` change; NULL fields are left.
 * Every change appends a history entry (date, status, by, note); the
 * note says what changed when none is given.  Closing needs a note (the
 * completion note, also kept as the resolution) and sets closed.
 * NC_EINVALID when nothing would change, or on a closing without note.
 */
struct issue_change {
	const char	*status;	/* open, in-progress; closed to close */
	const char	*due;
	const char	*owner;
	const char	*action;
	const char	*title;
	const char	*note;
	const char	*date;		/* of the entry; default today */
	const char	*by;
};

int		 issue_update(struct ydoc *, struct node *root,
		    const struct issue_change *);

/*
 * The 課題管理表 as a view: every issue of fy (or of every year when 0,
 * open ones of earlier years included when fy is given), open first by
 * due date, then closed ones by completion; 起票元 as the source
 * record's title and date, never its id.  Each issue as it stood on
 * as_of: its history by then, the status and completion from it.
 */
struct issue_row {
	char		*no;		/* 3 (from 課題3), or the ref_no;
					   R8-3 of another year (issue_label()) */
	int		 fy;		/* the year it was raised in */
	char		*title;
	struct cal_date	 raised;
	char		*source;	/* 第3回 定例会（R8.5.14） */
	char		*owner;		/* member name (and 課) */
	struct cal_date	 due;		/* zero when none */
	char		*status;
	char		*action;	/* 対応内容 */
	struct cal_date	 closed;	/* zero when open */
	char		*history;	/* one line per entry */
	int		 overdue;
};

struct issue_table {
	struct cal_date	 as_of;
	int		 fy;
	struct issue_row *rows;
	size_t		 nrows;
	size_t		 nopen, noverdue;
	char		*author;
	/*
	 * Set by the caller when as_of is the contract's last day (its
	 * date in 令和): the open issues are handed to the ward, which the
	 * table says (rev21c T5); else NULL.  Not owned.
	 */
	const char	*handover;
};

int		 issue_table_build(struct issue_table *out, struct store *,
		    int fy, struct cal_date as_of, int open_only);
void		 issue_table_free(struct issue_table *);
int		 issue_table_write_xlsx(const struct issue_table *,
		    const char *path);

/*
 * lint: a status that disagrees with the history's last entry (the
 * documents show the history's, but for a completion), and an issue
 * still open more than a year after its due date on today (the 課題管理表
 * carries it overdue year after year), as warnings to warns.
 */
void		 issue_lint(const struct node *rec, const char *relpath,
		    struct cal_date today, struct diags *warns);

/* Dated obligations: each open issue's due date (who: its owner). */
int		 issue_dues(struct duelist *, struct store *,
		    struct cal_date from, struct cal_date to);

#endif
