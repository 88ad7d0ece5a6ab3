/*
 * Consultations (3(3)ア(イ), 3(1)ア(ア)): a division's consultation sheet
 * (相談シート) answered in writing, 情報政策課's own questions, and DX
 * support requests; attendance at the divisions' talks with vendors; the
 * 回答書 and the 相談業務実施報告書 submitted to every progress meeting.
 *
 * What a consultation holds is in schemas/consult.yaml.  This module
 * computes what drives the work (open, overdue, days to answer), edits
 * the record trees it is given (the caller saves them), builds the
 * documents as plain views first and then lays them out, and reads the
 * returned 相談シート.  It never prints.
 */
#ifndef NCIO_CONSULT_H
#define NCIO_CONSULT_H

#include <stddef.h>
#include <time.h>

#include "cal.h"
#include "diag.h"
#include "evstate.h"
#include "due.h"
#include "node.h"
#include "record.h"
#include "store.h"

/* Not yet answered in writing (status received or answering). */
int		 consult_is_open(const struct node *rec);
/* The answer due date (the record's due).  NC_ENOTFOUND when none. */
int		 consult_due(struct cal_date *out, const struct node *rec);
/* Open and past its due date on today (the due day itself is not late). */
int		 consult_overdue(const struct node *rec, struct cal_date today);
/*
 * Calendar days from received to answered.  NC_ENOTFOUND while the
 * consultation is unanswered.
 */
int		 consult_days_to_answer(long *out, const struct node *rec);
/* Attendances at vendor talks: the list, or the single legacy pair. */
size_t		 consult_nattendances(const struct node *rec);

/*
 * The dates of a record must be in order: an answer, an attendance or a
 * due date before the question was received is refused, naming the
 * field.  0 or NC_EINVALID.
 */
int		 consult_check_dates(const struct node *rec);

/* What `consult answer` records; NULL fields are left as they are. */
struct consult_answer {
	const char		*text;		/* the answer */
	const char		*file;		/* a long answer's file */
	const char		*date;		/* answered, YYYY-MM-DD */
	const char *const	*by;		/* member ids, appended */
	size_t			 nby;
	const char		*deliverable;
	const char		*number;	/* 回答書の号数 */
	int			 draft;		/* still being written */
};

/*
 * Record an answer: status answered (or answering for a draft, which
 * takes no date), the text or file, the date, who answered.  Refused
 * with NC_EINVALID when dated before the question was received, or when
 * neither text nor file is given and the record has neither.
 */
int		 consult_set_answer(struct ydoc *, struct node *root,
		    const struct consult_answer *);

/*
 * Record an attendance at a vendor talk (3(3)ア(イ)a, counted apart):
 * appended to attendances, attended set.  Returns 1 when the same date
 * and counterpart are already there (nothing changed), 0 when added.
 */
int		 consult_add_attendance(struct ydoc *, struct node *root,
		    const char *date, const char *counterpart,
		    const char *note);

/*
 * Dated obligations (due.h): each answer's due date, done once answered;
 * each answered consultation's inspection period (5(1), informational:
 * done once it has passed).
 */
int		 consult_dues(struct duelist *, struct store *,
		    struct cal_date from, struct cal_date to);

/*
 * 回答書: the notice layout of EXAMPLES.md (the contractor's own number,
 * the config's documents.contractor_no_format with the record's
 * answer_no, and no number without one: never the ward's; 令和 date; the requesting 課長 as
 * addressee; the advisor as sender; the question quoted; the answer;
 * 以上).  NC_EINVALID when the record has no answer yet.
 */
int		 consult_write_answer_docx(struct store *,
		    const struct node *rec, const char *path);

/*
 * 相談業務実施報告書: every consultation handled in a period (received on
 * or before its end and not answered before its start), and the counts
 * of this period and of the fiscal year to date against the yearly
 * expectations of the config (20 department, 5 attended, 40 division,
 * 5 DX).  The view holds only what the documents show: no record ids.
 */
struct consult_report_row {
	char		*ref_no;	/* 受付番号, or "" */
	char		*type;		/* 種別 label */
	struct cal_date	 received;
	char		*org;		/* 課 name (部 name for a 部) */
	char		*title;
	char		*status;	/* as of the end of the period */
	struct cal_date	 answered;	/* zero when not by the end */
	long		 days;		/* to answer; -1 when not answered */
	char		*attended;	/* 同席 dates and counterparts, or "" */
	char		*attended_short; /* the same with R8.4.28 dates, for
					   the workbook's list */
};

enum consult_count_key {
	CONSULT_COUNT_DEPARTMENT,	/* 3(3)ア(イ)a */
	CONSULT_COUNT_ATTENDED,		/* of which attended */
	CONSULT_COUNT_DIVISION,		/* 3(3)ア(イ)b */
	CONSULT_COUNT_DX,		/* 3(1)ア(ア) */
	CONSULT_NCOUNTS
};

struct consult_count {
	const char	*label;		/* from the config schema's titles */
	long		 period;
	long		 ytd;
	long		 expected;	/* -1 when the config has none */
};

struct consult_report {
	int			 fy;
	struct cal_date		 from, to;
	struct cal_date		 as_of;		/* the document's date */
	char			*period;	/* 令和8年4月1日から令和8年5月27日まで */
	struct consult_report_row *rows;
	size_t			 nrows;
	struct consult_count	 counts[CONSULT_NCOUNTS];
	long			 answered;	/* rows answered in the period */
	double			 mean_days;	/* of those; -1 when none */
	char			*author;	/* config documents.author */
	char			*addressee;	/* config client.head_title */
	/*
	 * Set by the caller at the year's end: what becomes of the
	 * consultations not answered (the 作業実施報告書's words:
	 * 契約期間の末日（…）までに回答に至らず、区に引き継ぐもの), said of
	 * them under the list and in their 状況; else NULL.  Not owned.
	 */
	const char		*open_end;
	/* what open_end says, for the rows' 状況 (ev_open_label()) */
	enum ev_open		 open_kind;
};

/* from and to must lie in one fiscal year. */
int		 consult_report_build(struct consult_report *out,
		    struct store *, struct cal_date from, struct cal_date to);
void		 consult_report_free(struct consult_report *);
int		 consult_report_write_docx(const struct consult_report *,
		    const char *path);
int		 consult_report_write_xlsx(const struct consult_report *,
		    const char *path);

/*
 * 相談シート: the form a division fills in (.xlsx).  Every cell but the
 * answers is locked; a very plain hidden sheet "_form" marks it as this
 * template (CONSULT_SHEET_FORMAT) and says where each answer is, so that
 * `consult import` can refuse anything else.  When org is not NULL the
 * division is printed in the form and recorded in the marker.
 */
#define CONSULT_SHEET_FORMAT	"nerima-cio consult-sheet 1"
#define CONSULT_SHEET_MARKER	"_form"

int		 consult_sheet_write(struct store *, const char *org,
		    const char *path, time_t created);

/* What a returned sheet says. */
struct consult_sheet {
	char		*type;		/* department, division, dx */
	char		*org;		/* code */
	char		*requester;	/* 職名 */
	char		*title;
	char		*question;
	char		*received;	/* YYYY-MM-DD */
	char		*due;		/* YYYY-MM-DD or NULL */
	char		*sha256;	/* of the filled-in content */
};

/*
 * Read a returned sheet.  Every problem (a missing answer, a date that
 * is not one, an unknown division, a My Number) goes to d as
 * "name:CELL: message"; the result is NC_EINVALID when there was any,
 * and then nothing may be imported.  A workbook that is not this
 * template is NC_EINVALID with a message that says so.
 */
int		 consult_sheet_read(struct consult_sheet *out, struct store *,
		    const char *path, const char *name, struct diags *d);
void		 consult_sheet_free(struct consult_sheet *);

/*
 * Import a returned sheet as a new consultation, idempotently: a sheet
 * whose content was imported before (the same SHA-256) changes nothing
 * and gives its record (state CONSULT_IMPORT_SAME); one with the same
 * division, title and received date but other content updates that
 * record (CONSULT_IMPORT_UPDATED, with the fields that changed in
 * *changed, "、"-separated titles); anything else is created
 * (CONSULT_IMPORT_NEW).  *out_id and *changed are the caller's.
 */
enum consult_import_state {
	CONSULT_IMPORT_NEW,
	CONSULT_IMPORT_SAME,
	CONSULT_IMPORT_UPDATED,
};

int		 consult_import(char **out_id, char **out_relpath,
		    enum consult_import_state *state, char **changed,
		    struct store *, const struct consult_sheet *,
		    const char *file, struct diags *d);

#endif
