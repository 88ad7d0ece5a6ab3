/*
 * Trainings (3(1)イ, 3(1)ウ(イ), 3(2)イ): the year's plan from the plan
 * table, the question banks, the items frozen into each training, the
 * new-content check against last year's and the general training, the
 * answer sheets, the results with item analysis, and the documents
 * (研修実施報告書, results workbook, survey and test for approval, the
 * year's summary).
 *
 * What a training holds is in schemas/training.yaml, the plan table in
 * schemas/training-plan.yaml, the banks are catalog records of kind
 * training-survey and training-test.  Documents are made in two steps:
 * a plain view (struct tr_results and friends) computed here, then laid
 * out by lib/office.  This module never prints.
 */
#ifndef NCIO_TRAINING_H
#define NCIO_TRAINING_H

#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "buf.h"
#include "cal.h"
#include "diag.h"
#include "due.h"
#include "node.h"

struct store;
struct recref;
struct strmap;

/* ---- questions ---------------------------------------------------- */

/* At most this many choices per question (schemas: maxItems 9). */
#define TR_MAXCHOICES	9
/* A respondent's answer to a free-text question ("*"). */
#define TR_SEL_TEXT	0x8000u

enum tr_qtype {
	TR_Q_SCALE,		/* 5段階評価: five labels, best first */
	TR_Q_SINGLE,		/* 単一選択 */
	TR_Q_MULTIPLE,		/* 複数選択 */
	TR_Q_TEXT,		/* 自由記述 */
};

/* "scale", "single", "multiple", "text" and back. */
const char	*tr_qtype_name(enum tr_qtype);
int		 tr_qtype_parse(enum tr_qtype *out, const char *);

/* Which bank a question belongs to. */
enum tr_part {
	TR_SURVEY,
	TR_TEST,
};

struct tr_question {
	const char	*ref;
	const char	*bank;		/* the catalog's id, or NULL */
	enum tr_qtype	 type;
	const char	*topic;		/* or NULL */
	const char	*clause;	/* or NULL */
	const char	*text;
	const char	*explanation;	/* or NULL */
	const char	*choices[TR_MAXCHOICES];
	size_t		 nchoices;
	unsigned	 key;		/* bit i: choice i + 1 is a key */
	int		 satisfaction;	/* the satisfaction question */
	int		 fixed;		/* 定点設問 */
	const char	**audiences;	/* bank items; NULL-terminated or NULL */
	size_t		 naudiences;
	const struct node *node;	/* where it was read, for messages */
};

/* Number of bits set: how many keys, or how many choices picked. */
int		 tr_popcount(unsigned);

/*
 * The rules a question must follow beyond its schema, as the problems
 * found (added to d at the question's position in path): a test item
 * has two to nine choices and a key -- exactly one for a single-choice
 * item, one or more for multiple choice -- within its choices; a scale
 * has exactly five labels; a choice question at least two choices; a
 * free-text question none; survey questions have no key.  Returns the
 * number of problems.
 */
size_t		 tr_question_check(const struct tr_question *, enum tr_part,
		    const char *path, struct diags *d);

/* Read a question from its mapping (catalog item or frozen item). */
int		 tr_question_read(struct tr_question *out, const struct node *);
void		 tr_question_free(struct tr_question *);

/* ---- banks --------------------------------------------------------- */

/*
 * The question banks: the catalog of kind training-survey and the one of
 * kind training-test with the highest fiscal year not after fy (any year
 * when fy is 0), and the highest version in that year.
 */
struct tr_bank {
	const char		*survey_id;	/* NULL when there is none */
	const char		*test_id;
	int			 survey_fy, test_fy;
	struct tr_question	*q[2];		/* by enum tr_part */
	size_t			 n[2];
	struct strmap		*byref;		/* ref -> struct tr_question */
	void			*docs[2];
};

int		 tr_bank_load(struct tr_bank **out, struct store *, int fy,
		    struct diags *d);
void		 tr_bank_free(struct tr_bank *);
/* The question with ref, and which bank it is in; NULL when none. */
const struct tr_question *tr_bank_find(const struct tr_bank *,
		    const char *ref, enum tr_part *part);
/*
 * Add questions (a mapping per question, as in the catalog) to the bank
 * of part: every question is checked first and nothing is added when one
 * is wrong or its ref is taken; problems go to d.  The catalog is made
 * (for the fiscal year of today) when there is none.  *out_id names the
 * catalog written (the caller frees it).
 */
int		 tr_bank_add(char **out_id, struct store *, enum tr_part,
		    const struct node *questions, const char *path,
		    struct diags *d);
/*
 * The bank as an .xlsx (a sheet per bank), each question with the
 * trainings it was used in.
 */
int		 tr_bank_export(const struct tr_bank *, struct store *,
		    const char *path, time_t created);

/* ---- a training ---------------------------------------------------- */

/* One respondent's row of a survey or a test. */
struct tr_resp {
	const char	*code;
	const char	*org;		/* or NULL */
	int		 correct;	/* test: the stored count, or -1 */
	int		 answered;	/* has an answers string */
	const struct node *node;
};

/* The answers of a survey or a test, one row per respondent. */
struct tr_sheet {
	struct tr_resp	*who;
	size_t		 n;
	size_t		 nq;
	uint16_t	*sel;		/* n * nq: chosen choices, TR_SEL_TEXT */
	const char	**text;		/* n * nq free texts, or NULL */
};

struct training {
	const char		*id;
	int			 fy;
	const char		*relpath;
	const char		*title;
	const char		*kind;
	const char		*audience;	/* or NULL */
	const char		*status;
	const char		*plan_key;	/* or NULL */
	int			 session;	/* 0 when none */
	const char		*org, *survey_org;
	const char		*method;
	struct cal_date		 date, end_date;	/* y == 0: none */
	const char		*start_time, *end_time, *place;
	int			 makes_material, makes_survey, makes_test;
	int			 sends_instructor;
	const char		**instructors;	/* member ids */
	size_t			 ninstructors;
	const char		**general;	/* general_audiences */
	size_t			 ngeneral;
	const char		*purpose, *outline, *exercise;
	struct cal_date		 material_due, material_submitted;
	struct cal_date		 report_due, report_submitted;
	long			 target, attended;	/* -1: unknown */
	struct tr_part_row {
		const char	*org;
		long		 target, attended;
	}			*participation;
	size_t			 nparticipation;
	double			 pass_mark;	/* NAN: not set */
	struct tr_question	*items[2];	/* by enum tr_part */
	size_t			 nitems[2];
	struct tr_sheet		 answers[2];
	/* Figures reported without per-respondent rows; -1 or NAN. */
	long			 rep_questions[2];
	long			 rep_respondents[2];
	double			 rep_satisfaction, rep_average;
	const char		*summary[2];
	const char		*discussion, *next_steps;
	size_t			 nimports;
	struct ydoc		*doc;
	char			*own_path;
	const struct node	*root;
};

/*
 * Read a training from its record tree (root stays owned by the caller
 * and must outlive the training).  Answers that do not fit the frozen
 * items (a token count, a choice number out of range, several choices
 * on a single-choice question, a text without its question) are added
 * to d as problems of path, and make it NC_EINVALID.
 */
int		 training_read(struct training **out, const struct node *root,
		    const char *path, struct diags *d);
/* Load a training by reference; the training owns its document. */
int		 training_load(struct training **out, struct store *,
		    const struct recref *, struct diags *d);
void		 training_free(struct training *);
/* Whether the training needs a 研修実施報告書 (a survey or a test). */
int		 training_needs_report(const struct training *);
/*
 * The specification's item a training's documents are delivered under,
 * by its kind (NULL as security): 4(1)イ デジタル人材育成, 4(1)ウ
 * マイナンバー, 4(2)イ 情報セキュリティ.
 */
const char	*training_spec_item(const char *kind);
/* The last day of the training: end_date, else date. */
struct cal_date	 training_last_day(const struct training *);
/*
 * The date a document about the training carries when none is asked
 * for: the 研修実施報告書 the day it was submitted, the アンケート and
 * テスト（案） (drafts for the ward to approve) the day they went to it
 * with the material (material_submitted, else material_due, else the
 * training's first day); today only when the record has no such date.
 */
struct cal_date	 training_doc_date(const struct training *, int report,
		    struct cal_date today);
/*
 * Whether the アンケート and テスト are final rather than drafts（案）
 * for the ward to approve: once their material went to the ward
 * (material_submitted) or the training was held (held, reported).
 */
int		 training_form_final(const struct training *);

/*
 * All trainings of fy (every year when 0), in date order: the whole
 * records, only the fields before the questions (heads: enough for
 * lists, dues and the plan), or those and the questions, not the
 * answers.
 */
struct tr_list {
	struct training	**v;
	size_t		  n;
};
#define TR_LOAD_FULL	0
#define TR_LOAD_HEADS	1
#define TR_LOAD_ITEMS	2
int		 tr_list_load(struct tr_list *out, struct store *, int fy,
		    int what, struct diags *d);
void		 tr_list_free(struct tr_list *);

/* ---- the plan ----------------------------------------------------- */

struct tr_plan_row {
	const char	*key, *basis, *kind, *audience, *title;
	int		 count, month;
	int		 days[12];
	size_t		 ndays;
	int		 period_days;	/* 0: one day */
	const char	*method, *org, *survey_org, *purpose;
	int		 makes_material, makes_survey, makes_test;
	int		 sends_instructor;
	long		 target;	/* -1 */
	const char	**general;
	size_t		 ngeneral;
};

struct tr_plan {
	int			 report_due_days;
	int			 material_lead_days;
	double			 pass_mark;
	const char		**drafts;
	size_t			 ndrafts;
	struct tr_plan_row	*rows;
	size_t			 nrows;
	const char		*path;
	struct ydoc		*doc;
};

/* Defaults of the plan table (schemas/training-plan.yaml). */
#define TR_REPORT_DUE_DAYS	15
#define TR_MATERIAL_LEAD_DAYS	10
#define TR_PASS_MARK		80.0
#define TR_PLAN_FILE		"training-plan.yaml"

/* Read and check a plan table (schema and unique keys; problems to d). */
int		 tr_plan_load(struct tr_plan **out, struct store *,
		    const char *path, const char *name, struct diags *d);
void		 tr_plan_free(struct tr_plan *);

/* What `training plan` did, per training of the plan. */
struct tr_planned {
	int		 created;	/* 0: the year already had it */
	int		 draft;		/* the next year's material draft */
	char		*id;
	char		*title;
	struct cal_date	 date, material_due, report_due;	/* y 0: none */
	int		 fy;
};

/*
 * Create the trainings of fy from the plan that the year does not have
 * yet (same plan_key and session), and the next year's trainings of the
 * rows under drafts with their material due within fy.  Holds the data
 * directory's lock throughout, so two runs cannot both create.  With
 * dry_run nothing is written.
 */
int		 tr_plan_apply(struct tr_planned **out, size_t *nout,
		    struct store *, const struct tr_plan *, int fy,
		    int dry_run, struct diags *d);
void		 tr_planned_free(struct tr_planned *, size_t);

/* ---- items -------------------------------------------------------- */

/*
 * Freeze bank questions into a training record (root of its tree in
 * doc): each ref is looked up in the bank of the training's fiscal year
 * and copied, survey questions to survey_items and test items to
 * test_items, in the order given; remove takes refs out.  Refused when
 * the training already has answers, when a ref is in neither bank or is
 * already there (add) or not there (remove).  Warnings (a question not
 * meant for the audience) go to warn.
 */
int		 tr_items_edit(struct ydoc *doc, struct node *root,
		    const struct tr_bank *, const char *const *refs,
		    size_t nrefs, int remove, struct diags *warn);

/*
 * Answers as files write them: the token (training.yaml's answers) of
 * one cell for question q -- a choice's label or its number (ASCII or
 * full-width), several of them for a multiple-choice question separated
 * by ; , 、 or ， (Microsoft Forms writes "a;b;"), any text for a free-text
 * question ("*", with *text the cell), "-" for an empty cell.  size is at
 * least 32.  NC_EINVALID with the message naming the choices when the
 * cell is not one of them.
 */
int		 tr_cell_answer(char *tok, size_t size, const char **text,
		    const struct tr_question *q, const char *cell);

/* One respondent of an answer file, converted (tokens as in the record). */
struct tr_in_row {
	char		*code;		/* respondent code */
	char		*org;		/* organisation code, or NULL */
	char		*tok[2];	/* answers by part, or NULL: none */
	char		**texts;	/* survey: free texts by question */
	size_t		 ntexts;
};

struct tr_merged {
	size_t		 added, updated, unchanged;	/* respondents */
};

/*
 * Merge a file's respondents into a training record: a respondent not
 * there is added, one there with other answers (or organisation, or
 * texts) replaced, one with the same left, so the same file twice
 * changes nothing.  Survey rows go to survey.responses, test rows to
 * test.results.
 */
int		 tr_merge(struct tr_merged *out, struct ydoc *doc,
		    struct node *root, const struct tr_in_row *rows, size_t n);

/* ---- import ------------------------------------------------------ */

struct rules;
struct rules_report;

/*
 * One answer file read and converted, not yet merged: our own answer
 * sheet (training form), a Microsoft Forms .xlsx export, or any table
 * (an e-learning CSV in UTF-8 or CP932) through a rules file -- every one
 * through the rules engine of lib/io (rules.h).  Only the respondent
 * code, the organisation and the answers are taken: a name or e-mail
 * column is never read into the record.
 */
struct tr_in_file {
	char		*path;		/* as given */
	const char	*name;		/* its base name */
	char		 sha256[65];
	char		*format;	/* what it was read as, for the record */
	char		*where;		/* file or file:sheet, for messages */
	int		 xlsx;
	struct tr_in_row *rows;
	unsigned	*line;		/* each row's line (CSV) or row */
	size_t		 n;
	size_t		 nparts[2];	/* rows with answers in each part */
	unsigned	 code_col;	/* the respondent column */
};

/*
 * Read path for training t: with rules (a user's rules file) any table;
 * without, an .xlsx with our hidden identity sheet is an answer sheet
 * (refused when it names another training or fiscal year, or other
 * questions), any other .xlsx a Microsoft Forms export (a column per
 * question, headed by its text), and a CSV file needs rules.  Every
 * problem -- a cell that is not one of its question's choices, a
 * respondent code twice, a test item of t that cannot be scored (no key,
 * several keys on a single-choice item) -- goes to rep as
 * file:sheet:row:col, and then NC_EINVALID and nothing.
 */
int		 tr_import_read(struct tr_in_file **out, struct store *,
		    const struct training *t, const struct rules *rules,
		    const char *path, struct rules_report *rep);
void		 tr_in_file_free(struct tr_in_file *);

enum tr_import_outcome {
	TR_IMPORT_MERGED,	/* respondents added or updated */
	TR_IMPORT_SAME,		/* this file (same SHA-256) was imported */
	TR_IMPORT_NOCHANGE,	/* other bytes, the same answers */
};

struct tr_imported {
	enum tr_import_outcome	 outcome;
	struct tr_merged	 merged;
	char			 as[256];	/* SAME: the name it had */
	char			 date[16];	/* SAME: when, or "" */
};

/*
 * Merge a file read by tr_import_read() into the training's record (its
 * tree, under the lock): refused (NC_EINVALID, each code's cell to rep)
 * when a respondent code of the file is already in the training and no
 * earlier import had the file's name (a corrected file: its codes are
 * expected to be there and are not checked); else the respondents merged
 * (tr_merge()) and the file noted under imports with its SHA-256, so the
 * same file again changes nothing.
 */
int		 tr_import_merge(struct tr_imported *out, struct ydoc *doc,
		    struct node *root, const struct tr_in_file *,
		    struct rules_report *rep);

/* ---- similarity and the new-content check ------------------------- */

/*
 * Text normalised for comparing Japanese: full-width ASCII and spaces
 * folded to ASCII, half-width katakana to full-width (with their voicing
 * marks), ASCII letters to lower case, and white space and punctuation
 * (ASCII and 、。「」『』【】（）・…〜 and the like) dropped.  The result
 * is UTF-8 appended to out.
 */
int		 tr_normalise(struct buf *out, const char *text);
/*
 * Similarity of two texts: the weighted Dice coefficient of the sets of
 * character bigrams of their normalised forms, 2w(A∩B) / (w(A) + w(B)),
 * from 0 to 1, where a bigram of two hiragana (particles and endings)
 * weighs a quarter and any other bigram one.  Texts of one character
 * compare that character.  Two empty texts are 0.
 */
double		 tr_similarity(const char *a, const char *b);
/*
 * From this a question or sentence is "nearly the same" (documented in
 * nerima-cio-training(1)): on the sample banks, reworded questions score
 * 0.87 to 0.94 and distinct ones at most 0.57.
 */
#define TR_SIMILAR	0.65

/* The text of a question as it is compared (stem, and choices unless a scale). */
int		 tr_question_compare_text(struct buf *out,
		    const struct tr_question *);

enum tr_match {
	TR_NEW,			/* nothing like it */
	TR_VERBATIM,		/* the same text */
	TR_NEAR,		/* similarity >= TR_SIMILAR */
	TR_KEPT,		/* a 定点設問, repeated on purpose */
};

/* What a unit of the training was compared with. */
enum tr_why {
	TR_WHY_LAST_YEAR,	/* last year's training for the audience */
	TR_WHY_GENERAL,		/* the general training the staff had */
};

#define TR_PART_OUTLINE	2	/* the third part, after survey and test */

struct tr_unit {
	int			 part;		/* TR_SURVEY, TR_TEST, outline */
	size_t			 index;		/* question or sentence */
	const char		*ref;		/* questions */
	char			*text;		/* question text or sentence */
	enum tr_match		 match;
	double			 sim;
	const struct training	*other;		/* the nearest, or NULL */
	enum tr_why		 why;
	size_t			 other_index;
	char			*other_text;
	const struct tr_question *suggest;	/* a replacement, or NULL */
};

struct tr_check {
	const struct training	*t;
	struct training		**others;	/* compared with */
	enum tr_why		*why;
	size_t			  nothers;
	struct tr_unit		 *units;
	size_t			  nunits;
	size_t			  total[3], fresh[3];	/* by part */
	double			  share_new;	/* of every unit; NAN: none */
	/* Other findings: item counts, the practical exercise. */
	char			**notes;
	size_t			  nnotes;
	void			 *priv;
};

/*
 * Compare a training with last year's trainings of the same kind and
 * audience and with the latest general training (general_audiences) its
 * staff had before it; bank (may be NULL) proposes replacements.
 */
int		 tr_check_run(struct tr_check **out, struct store *,
		    const struct training *, const struct tr_bank *);
void		 tr_check_free(struct tr_check *);
/* Units to replace: verbatim or near. */
size_t		 tr_check_nreplace(const struct tr_check *);

/* ---- results ------------------------------------------------------ */

/* Item analysis thresholds (documented in nerima-cio-training(1)). */
#define TR_EASY		0.9	/* facility above: too easy */
#define TR_HARD		0.3	/* facility below: too hard */
#define TR_NODISC	0.2	/* discrimination below: does not separate */
#define TR_GROUP	0.27	/* upper and lower groups: 27% each */

#define TR_FLAG_EASY	0x1
#define TR_FLAG_HARD	0x2
#define TR_FLAG_NODISC	0x4

/*
 * The upper-lower discrimination index of one item: the share correct in
 * the upper group minus the share in the lower group, each group the
 * round(frac * n) examinees with the highest (lowest) scores (the results
 * pass each examinee's score on the other items).
 * Examinees tied at a group's boundary score share the remaining places
 * (each counts with weight places / tied), so the index does not depend
 * on the order of the rows.  NAN when n < 2 or a group would be empty.
 */
double		 tr_discrimination(const int *scores, const unsigned char *ok,
		    size_t n, double frac);

struct tr_item_stat {
	const struct tr_question *q;
	size_t		 n;		/* examinees with answers */
	size_t		 correct;
	size_t		 blank;
	size_t		 picks[TR_MAXCHOICES];
	double		 p;		/* facility, 0..1; NAN: n == 0 */
	double		 d;		/* discrimination; NAN */
	int		 flags;
};

struct tr_survey_stat {
	const struct tr_question *q;
	size_t		 n;		/* answered */
	size_t		 picks[TR_MAXCHOICES];
	double		 top2;		/* scale: share of the best two; NAN */
	double		 mean;		/* scale: 5 (best) .. 1; NAN */
	const char	**texts;	/* text: the answers, guarded */
	size_t		 ntexts;
};

struct tr_org_stat {
	const char	*code;
	const char	*name;		/* 課 (or 部) name */
	const char	*dept;		/* its 部 name, or NULL */
	long		 target;	/* -1 */
	long		 attended;
	/* Place in orgs.yaml: its 部's, then its own (0 for the 部 itself);
	   SIZE_MAX for an organisation orgs.yaml does not know. */
	size_t		 dorder, order;
};

struct tr_results {
	const struct training	*t;
	long			 target, attended;	/* -1: unknown */
	double			 attend_rate;		/* NAN */
	/* survey */
	int			 survey_rows;	/* per-respondent answers */
	size_t			 respondents;
	double			 response_rate;	/* of attended; NAN */
	double			 satisfaction;	/* 0..100; NAN */
	struct tr_survey_stat	*survey;
	size_t			 nsurvey;
	/* test */
	int			 test_rows;
	size_t			 nq;		/* questions scored */
	size_t			 examinees;
	double			 mean, sd, median, min, max;	/* % */
	double			 pass_mark;
	size_t			 passed;
	double			 pass_rate;	/* 0..100; NAN */
	size_t			*hist;		/* nq + 1 counts by correct */
	struct tr_item_stat	*items;
	size_t			 nitems;
	size_t			 nflagged;
	/* participation */
	/* in the ward's organisation order (orgs.yaml) */
	struct tr_org_stat	*orgs;		/* 課 */
	size_t			 norgs;
	struct tr_org_stat	*depts;		/* 部 */
	size_t			 ndepts;
	void			*priv;
};

/*
 * Compute the results of a training; pass_mark NAN takes the training's
 * (else TR_PASS_MARK).  st (may be NULL) names the organisations.
 */
int		 tr_results_compute(struct tr_results **out,
		    const struct training *, struct store *, double pass_mark);
/*
 * The same, but only the figures a year is compared by (受講率, 満足度,
 * 平均正答率, 合格率; tr_figures_of()): no item analysis and no free
 * texts, the most of the work — lint computes them for every training.
 */
int		 tr_results_figures(struct tr_results **out,
		    const struct training *);
void		 tr_results_free(struct tr_results *);
/* Whether there is anything to report: survey or test figures. */
int		 tr_results_any(const struct tr_results *);
/* The results as JSON (one object). */
int		 tr_results_json(struct buf *out, const struct tr_results *,
		    struct store *);

/* ---- last year's same training ------------------------------------ */

/* The figures compared year on year; NAN where the training has none. */
enum { TR_FIG_ATTEND, TR_FIG_SAT, TR_FIG_MEAN, TR_FIG_PASS, TR_NFIG };
extern const char *const tr_fig_name[TR_NFIG];	/* 受講率, ... */
struct tr_figures {
	double	v[TR_NFIG];
};
void		 tr_figures_of(struct tr_figures *, const struct tr_results *);
/* now - before as the two are printed (one decimal each), in points. */
double		 tr_points(double now, double before);
/*
 * Last year's same training in pool: fy - 1, the same kind and audience,
 * not cancelled; of several such, the one of the same title but its
 * 「令和N年度」.  NULL where there is none or no single one.
 */
const struct training *tr_last_year(const struct training *,
		    const struct tr_list *pool);
/*
 * Whether the sentence (len bytes at s) claims a change of a figure
 * from last year (前年度より平均正答率が上がった): the figure, *dir 1 up
 * or -1 down; -1 when it claims none (or two figures, or both ways).
 */
int		 tr_claim(const char *s, size_t len, int *dir);
/*
 * Whether a sentence's claim holds against the figures (1; also where
 * it claims nothing); 0 where the figures say otherwise or there is no
 * last year's figure (before NULL or NAN) to bear it out.  *fig is the
 * figure claimed, or -1.
 */
int		 tr_claim_holds(const char *s, size_t len,
		    const struct tr_figures *now,
		    const struct tr_figures *before, int *fig);
/* The length of the sentence at s: up to its 。 or line end. */
size_t		 tr_sentence(const char *s);

/* ---- the 研修実施報告書's judgements ------------------------------ */

/*
 * The lowest (hi 0) or highest (hi 1) of n rates in percent, compared
 * as printed (one decimal), NAN skipped: their indices in order into
 * idx (room for n); returns how many there are (a tie gives several;
 * 0 when every rate is NAN).
 */
size_t		 tr_extremes(const double *v, size_t n, int hi, size_t *idx);
/*
 * The satisfaction rate's judgement (この満足度からみて、…。), by the
 * rate and its change from last year's (before NAN: none): see
 * TR_SAT_GOOD, TR_SAT_FAIR and TR_SAT_FALL.
 */
#define TR_SAT_GOOD	80.0	/* おおむね受け入れられた from here */
#define TR_SAT_FAIR	60.0	/* 一定の評価 from here, else 見直す */
#define TR_SAT_FALL	3.0	/* a fall of this many points is noted */
const char	*tr_sat_verdict(double now, double before);

/* ---- status, list and dues ---------------------------------------- */

/*
 * The plan table's rule for the 研修実施報告書's deadline, when the data
 * directory has the table (training-plan.yaml): report_due_days business
 * days after the training's last day (what `training plan` writes into
 * the records it makes).  NULL without the table, or with one that does
 * not load (lint reports it): the deadline is then whatever the ward
 * agreed (4), which only a record's report_due can say.
 */
struct tr_plan	*tr_report_rule(struct store *);
/*
 * A training's report deadline: the record's report_due, else by the
 * plan's rule (plan or cal NULL: none) for a training that needs a
 * report; y 0 when neither gives one.
 */
struct cal_date	 tr_report_due(const struct training *,
		    const struct tr_plan *, const struct cal *);

/*
 * A training's standing on a day (for lists and the due agenda), against
 * the deadline tr_report_due() gives (plan NULL: the records' only).
 */
struct tr_standing {
	struct cal_date	 report_due;		/* y 0: none */
	int		 report_overdue;	/* report due and not submitted */
	long		 report_late_days;	/* business days past due */
	int		 material_overdue;
};
int		 tr_standing(struct tr_standing *out, const struct training *,
		    const struct tr_plan *, const struct cal *,
		    struct cal_date today);

/* The ward's calendar with the data directory's closures. */
int		 tr_cal_load(struct cal **out, struct store *);

/*
 * Report due dates and material drafts of every training (not
 * cancelled) falling in [from, to] (zero dates are open), for the due
 * agenda; done when the report or material was submitted.
 */
int		 training_dues(struct duelist *, struct store *,
		    struct cal_date from, struct cal_date to);

/* ---- lint --------------------------------------------------------- */

/*
 * What the schemas cannot check, for `nerima-cio lint`, which reads every
 * record once and hands each to training_lint_record(): the plan table
 * (at begin), the question banks (keys, choices, unique refs), each
 * training's frozen items and answers (errors to errs); and at the end,
 * as warnings (to warns), trainings still to be held whose items or
 * outline repeat last year's or the general training's, in the order
 * the trainings were given (path order).  kind is the record's schema
 * kind; records of other kinds are ignored.  Each returns 0, or a
 * negative NC_* code (out of memory; at begin, no catalog or training
 * kind in the schemas).
 */
struct tr_lint;
int		 training_lint_begin(struct tr_lint **, struct store *,
		    struct diags *errs);
int		 training_lint_record(struct tr_lint *, const char *kind,
		    const struct node *root, const char *relpath,
		    struct diags *errs);
int		 training_lint_end(struct tr_lint *, struct diags *warns);
void		 training_lint_free(struct tr_lint *);

/* ---- documents ---------------------------------------------------- */

struct tr_doc_opts {
	const char	*date;		/* the document's date, YYYY-MM-DD */
	time_t		 created;	/* fixes the files' time */
	double		 pass_mark;	/* NAN: the training's */
	/*
	 * An answer sheet for one division (NULL: for anyone): its code
	 * starts the respondent codes, so that the sheets of several
	 * divisions never share one, and its name fills 所属.
	 */
	const char	*org;
	const char	*org_name;
};

/*
 * What a 研修実施報告書 cannot be made without, as a sentence ("the
 * training has no survey or test results (import them with 'training
 * import')"); NULL when it can be made.
 */
const char	*tr_report_missing(const struct tr_results *);

/* 研修実施報告書 (.docx). */
int		 tr_report_docx(const char *path, const struct tr_results *,
		    struct store *, const struct tr_doc_opts *);
/* The results workbook (.xlsx) with native charts. */
int		 tr_results_xlsx(const char *path, const struct tr_results *,
		    struct store *, const struct tr_doc_opts *);
/* The survey or the test (.docx) for the ward to approve. */
int		 tr_questions_docx(const char *path, const struct training *,
		    enum tr_part, struct store *, const struct tr_doc_opts *);
/* The year's summary (.xlsx): every training, planned vs held. */
int		 tr_summary_xlsx(const char *path, struct store *, int fy,
		    const struct tr_doc_opts *);

/* ---- forms -------------------------------------------------------- */

#define TR_FORM_SHEET	"_form"
#define TR_FORM_FORMAT	"nerima-cio training form 1"
/* Rows of an answer sheet when the training has no target count. */
#define TR_FORM_ROWS	200
/* Longest organisation code that can start a respondent code. */
#define TR_FORM_ORG_MAX	27

/*
 * The answer sheet (.xlsx): instructions, one row per respondent with a
 * drop-down per question (everything else locked), the questions, and a
 * hidden sheet naming the training and its fiscal year.
 */
int		 tr_form_xlsx(const char *path, const struct training *,
		    const struct tr_doc_opts *);
/* The questions as text to paste into Microsoft Forms. */
int		 tr_form_text(struct buf *out, const struct training *);

#endif
