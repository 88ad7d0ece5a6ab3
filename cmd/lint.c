/*
 * nerima-cio lint: check every record, or the given ones, and report every
 * problem as path:line:column: message.
 */
#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "cal.h"
#include "cmd.h"
#include "deliverable.h"
#include "i18n.h"
#include "listing.h"
#include "docno.h"
#include "incident.h"
#include "issue.h"
#include "lint_coherence.h"
#include "meeting.h"
#include "opt.h"
#include "reclint.h"
#include "record.h"
#include "report.h"
#include "review.h"
#include "store.h"
#include "table.h"
#include "training.h"

/* Keep the records whose path is arg or lies under it. */
static int
select_paths(struct reclist *keep, struct reclist *all, struct store *st,
    int argc, char **argv, int *want_config, struct diags *d)
{
	const char	*root = store_root(st), *rel;
	char		 real[PATH_MAX];
	size_t		 i, rootlen = strlen(root), len;
	int		 a, hit;

	for (a = 0; a < argc; a++) {
		if (realpath(argv[a], real) == NULL) {
			diags_add(d, argv[a], 0, 0, "cannot open: %s",
			    strerror(errno));
			continue;
		}
		if (strcmp(real, root) == 0) {
			rel = "";
		} else if (strncmp(real, root, rootlen) == 0 &&
		    real[rootlen] == '/') {
			rel = real + rootlen + 1;
		} else {
			diags_add(d, argv[a], 0, 0, "not inside the data"
			    " directory %s", root);
			continue;
		}
		if (*rel == '\0' || strcmp(rel, STORE_MARKER) == 0 ||
		    strcmp(rel, STORE_ORGS) == 0)
			*want_config = 1;
		len = strlen(rel);
		hit = *rel == '\0' || strcmp(rel, STORE_MARKER) == 0 ||
		    strcmp(rel, STORE_ORGS) == 0;
		for (i = 0; i < all->n; i++) {
			if (all->v[i].id == NULL)
				continue;
			if (len == 0 || strcmp(all->v[i].relpath, rel) == 0 ||
			    (strncmp(all->v[i].relpath, rel, len) == 0 &&
			    all->v[i].relpath[len] == '/')) {
				keep->v[keep->n++] = all->v[i];
				all->v[i].id = NULL;	/* moved */
				all->v[i].relpath = NULL;
				hit = 1;
			}
		}
		if (!hit)
			diags_add(d, argv[a], 0, 0, "not a record file of this"
			    " data directory (records live at"
			    " <kind>/<year>/<id>.yaml)");
	}
	return 0;
}

/*
 * The calendar with the data directory's extra closures, which the
 * closed-day warnings use; the closures file's problems are added to d
 * when d is not NULL.  *files is 1 when the file exists.
 */
static struct cal *
lint_cal(struct store *st, struct diags *d, size_t *files)
{
	struct cal	*cal;
	struct diags	 tmp = DIAGS_INIT;
	char		*path;
	size_t		 i;

	*files = 0;
	if ((cal = cal_new()) == NULL)
		return NULL;
	if ((path = store_path(st, CAL_CLOSURES_FILE)) == NULL)
		return cal;
	if (cal_load_closures(cal, path, &tmp) != NC_ENOTFOUND) {
		*files = 1;
		/* Name the file as the user knows it: relative. */
		for (i = 0; d != NULL && i < tmp.n; i++)
			diags_add(d, CAL_CLOSURES_FILE, tmp.v[i].line,
			    tmp.v[i].col, "%s", tmp.v[i].msg);
	}
	error_clear();
	diags_free(&tmp);
	free(path);
	return cal;
}

/* A document number seen: its full text, fiscal year and file. */
struct docno_seen {
	char	*no;
	char	*fy;
	char	*path;
};

struct docnos {
	struct docno_seen	*v;
	size_t			 n, cap;
};

/* Remember the document numbers of a record (docno_fields). */
static void
docnos_add(struct docnos *ds, struct store *st, const struct record *r,
    const char *relpath)
{
	const struct node		*conf = NULL;
	const struct docno_field	*f;
	const char			*kind = schema_kind(r->kind), *v, *fy;
	struct docno_seen		*nv;
	char				*no;

	if (kind == NULL)
		return;
	if (store_config(&conf, st) != 0)
		error_clear();
	fy = node_get_str(record_root(r), "fy");
	for (f = docno_fields; f->kind != NULL; f++) {
		if (strcmp(f->kind, kind) != 0 ||
		    (v = docno_get(record_root(r), f->path)) == NULL)
			continue;
		no = docno_format(node_get_str(node_get(conf, "documents"),
		    f->format), v);
		if (no == NULL)
			continue;
		if (ds->n == ds->cap) {
			ds->cap = ds->cap ? ds->cap * 2 : 16;
			if ((nv = realloc(ds->v, ds->cap * sizeof *nv)) ==
			    NULL) {
				free(no);
				return;
			}
			ds->v = nv;
		}
		ds->v[ds->n].no = no;
		ds->v[ds->n].fy = strdup(fy != NULL ? fy : "");
		ds->v[ds->n].path = strdup(relpath);
		if (ds->v[ds->n].fy == NULL || ds->v[ds->n].path == NULL) {
			free(ds->v[ds->n].no);
			free(ds->v[ds->n].fy);
			free(ds->v[ds->n].path);
			return;
		}
		ds->n++;
	}
}

static int
docno_cmp(const void *a, const void *b)
{
	const struct docno_seen *x = a, *y = b;
	int c;

	if ((c = strcmp(x->fy, y->fy)) != 0 || (c = strcmp(x->no, y->no)) !=
	    0)
		return c;
	return strcmp(x->path, y->path);
}

/* A document number used twice in one fiscal year is a problem. */
static void
docnos_check(struct docnos *ds, struct diags *d)
{
	size_t	i;

	if (ds->n > 1)		/* qsort() may not be given NULL */
		qsort(ds->v, ds->n, sizeof *ds->v, docno_cmp);
	for (i = 1; i < ds->n; i++)
		if (strcmp(ds->v[i].fy, ds->v[i - 1].fy) == 0 &&
		    strcmp(ds->v[i].no, ds->v[i - 1].no) == 0)
			diags_add(d, ds->v[i].path, 0, 0, "duplicate document"
			    " number '%s' in fiscal year %s (also %s)",
			    ds->v[i].no, ds->v[i].fy, ds->v[i - 1].path);
	for (i = 0; i < ds->n; i++) {
		free(ds->v[i].no);
		free(ds->v[i].fy);
		free(ds->v[i].path);
	}
	free(ds->v);
}

/*
 * Two audits of one unit on one day: a warning, as audit_same_day() finds
 * it -- the first audit of the folder (in path order) other than the
 * record's own id with the same date, target org and target system -- but
 * with every audit loaded once, not once per audit: the audits' fields are
 * kept as the main loop loads them, and looked for after it.
 */
struct audit_seen {
	char	*fid;		/* the id in the file name */
	char	*id;		/* the record's id field, or NULL */
	char	*date;
	char	*org;
	char	*sys;
	char	*relpath;
};

struct audits {
	struct audit_seen	*v;
	size_t			 n, cap;
};

static char *
dup_or_null(const char *s, int *bad)
{
	char	*p;

	if (s == NULL)
		return NULL;
	if ((p = strdup(s)) == NULL)
		*bad = 1;
	return p;
}

static void
audits_add(struct audits *as, const struct record *r, const char *fid,
    const char *relpath)
{
	struct audit_seen	*nv, *a;
	int			 bad = 0;

	if (as->n == as->cap) {
		as->cap = as->cap ? as->cap * 2 : 16;
		if ((nv = realloc(as->v, as->cap * sizeof *nv)) == NULL) {
			as->cap = as->n;
			return;
		}
		as->v = nv;
	}
	a = &as->v[as->n];
	a->fid = dup_or_null(fid, &bad);
	a->id = dup_or_null(record_id(r), &bad);
	a->date = dup_or_null(record_field(r, "date"), &bad);
	a->org = dup_or_null(record_field(r, "target_org"), &bad);
	a->sys = dup_or_null(record_field(r, "target_system"), &bad);
	a->relpath = dup_or_null(relpath, &bad);
	if (a->fid == NULL || a->relpath == NULL)
		bad = 1;
	if (!bad) {
		as->n++;
		return;
	}
	/* Out of memory: this audit is not compared (as if unreadable). */
	free(a->fid);
	free(a->id);
	free(a->date);
	free(a->org);
	free(a->sys);
	free(a->relpath);
}

/* Whether a record is of this kind. */
static int
is_kind(const struct record *r, const char *name)
{
	const char	*kind = schema_kind(r->kind);

	return kind != NULL && strcmp(kind, name) == 0;
}

static void
audits_free(struct audits *as)
{
	size_t	i;

	for (i = 0; i < as->n; i++) {
		free(as->v[i].fid);
		free(as->v[i].id);
		free(as->v[i].date);
		free(as->v[i].org);
		free(as->v[i].sys);
		free(as->v[i].relpath);
	}
	free(as->v);
	as->v = NULL;
	as->n = as->cap = 0;
}

/* Every audit of the data directory, in path order (audit_same_day()). */
static void
audits_scan(struct audits *all, struct store *st)
{
	const struct schema	*kind;
	struct reclist		 l = RECLIST_INIT;
	struct record		*r;
	size_t			 i;

	if (store_kind(&kind, st, "audit") != 0 ||
	    store_scan(&l, st, kind, 0, NULL) != 0) {
		error_clear();
		return;
	}
	for (i = 0; i < l.n; i++) {
		if (record_load(&r, st, &l.v[i], NULL) != 0) {
			error_clear();
			continue;
		}
		audits_add(all, r, l.v[i].id, l.v[i].relpath);
		record_free(r);
	}
	reclist_free(&l);
}

static int
same(const char *a, const char *b)
{
	return (a == NULL && b == NULL) || (a != NULL && b != NULL &&
	    strcmp(a, b) == 0);
}

/*
 * The audits checked (in the order lint read them) against all of them;
 * all is the checked list itself when lint read every record.
 */
static void
audits_check(const struct audits *checked, const struct audits *all,
    struct diags *warns)
{
	const struct audit_seen	*a, *b;
	size_t			 i, j;

	for (i = 0; i < checked->n; i++) {
		a = &checked->v[i];
		if (a->date == NULL)
			continue;
		for (j = 0; j < all->n; j++) {
			b = &all->v[j];
			if (a->id != NULL && strcmp(b->fid, a->id) == 0)
				continue;
			if (same(b->date, a->date) && same(b->org, a->org) &&
			    same(b->sys, a->sys))
				break;
		}
		if (j < all->n)
			diags_add(warns, a->relpath, 0, 0, "%s audits the same"
			    " target on the same day (%s)", all->v[j].fid,
			    a->date);
	}
}

/*
 * A catalog holding one text under two item numbers (items[].text): the
 * 集計表 lists the item twice and its answers are split between them
 * (rev19b T7: 所属点検 No.41 and No.43).
 */
static void
catalog_lint(const struct record *r, const char *relpath,
    struct diags *warns)
{
	const struct node	*its = node_get(record_root(r), "items");
	const char		*a, *b;
	size_t			 i, j;

	if (its == NULL || its->kind != NODE_SEQ)
		return;
	for (i = 1; i < its->n; i++) {
		if ((a = node_get_str(its->u.items[i], "text")) == NULL)
			continue;
		for (j = 0; j < i; j++)
			if ((b = node_get_str(its->u.items[j], "text")) !=
			    NULL && strcmp(a, b) == 0)
				break;
		if (j < i)
			diags_add(warns, relpath, its->u.items[i]->line, 0,
			    "items[%zu] (%s) has the same text as items[%zu]"
			    " (%s): one item twice in one catalog", i,
			    node_get_str(its->u.items[i], "ref") ? node_get_str(
			    its->u.items[i], "ref") : "?", j, node_get_str(
			    its->u.items[j], "ref") ? node_get_str(
			    its->u.items[j], "ref") : "?");
	}
}

/*
 * What a review's documents would be wrong from (review_check()), and
 * what is only told (review_warn(): a decision below its 決裁区分).
 */
static void
lint_review(struct store *st, const struct record *r, const char *relpath,
    struct cal_date today, struct diags *d, struct diags *warns)
{
	const struct node	*conf = NULL;
	const char		*kind = schema_kind(r->kind);

	if (kind == NULL || strcmp(kind, "review") != 0)
		return;
	if (store_config(&conf, st) != 0) {
		error_clear();
		return;
	}
	review_check(conf, record_root(r), relpath, d);
	review_warn(conf, record_root(r), relpath, warns);
	review_lint_undecided(record_root(r), today, relpath, warns);
}

/*
 * The day an issue's age is judged on: today, or the contract's last day
 * (contract.end) once that has passed.  An issue a year past its due date
 * is worth a warning because the 課題管理表 of every meeting shows it
 * overdue; a directory whose contract has ended has no meeting after that
 * day and stays as it was left (the sample, one year's contract, is
 * such a directory), so it is judged as it stood then, not anew each
 * year.  A renewal moves contract.end, and the warning with it.
 */
static struct cal_date
issue_lint_day(struct store *st, struct cal_date today)
{
	const struct node	*conf = NULL;
	const char		*s;
	struct cal_date		 end;

	if (store_config(&conf, st) != 0 || (s = node_get_str(node_get(conf,
	    "contract"), "end")) == NULL || cal_parse_iso(&end, s) != 0) {
		error_clear();
		return today;
	}
	return cal_cmp(today, end) > 0 ? end : today;
}

static int
byid_cmp(const void *a, const void *b)
{
	const struct recref *const *x = a, *const *y = b;
	int c = strcmp((*x)->id, (*y)->id);

	return c != 0 ? c : strcmp((*x)->relpath, (*y)->relpath);
}

/* Problems (and warnings) as rows: path, line, column, message, level. */
static int
add_rows(struct table *t, const struct diags *d, const char *level)
{
	char		line[24], col[24];
	const char	*row[5];
	size_t		i;
	int		rc = 0;

	for (i = 0; i < d->n && rc == 0; i++) {
		snprintf(line, sizeof line, "%u", d->v[i].line);
		snprintf(col, sizeof col, "%u", d->v[i].col);
		row[0] = d->v[i].path;
		row[1] = d->v[i].line != 0 ? line : "";
		row[2] = d->v[i].line != 0 ? col : "";
		row[3] = d->v[i].msg;
		row[4] = level;
		rc = table_add_row(t, row);
	}
	return rc;
}

/*
 * --format json or csv: every problem, then every warning, one object
 * (row) each on standard output.
 */
static int
print_structured(const char *format, int crlf, const char *path,
    const struct diags *d, const struct diags *stale,
    const struct diags *warns)
{
	static const char *const keys[] = { "path", "line", "column",
	    "message", "level" };
	struct table	*t;
	size_t		 i;
	int		 rc;

	if ((t = table_new(5)) == NULL)
		return cmd_lib_error();
	for (i = 0; i < 5; i++)
		table_set_header(t, i, keys[i], i == 1 || i == 2);
	if (add_rows(t, d, "error") != 0 || add_rows(t, stale, "warning") != 0 ||
	    add_rows(t, warns, "warning") != 0) {
		table_free(t);
		return cmd_lib_error();
	}
	rc = listing_table_out(t, keys, format, crlf, path);
	table_free(t);
	return rc;
}

/*
 * A file a record names as its deliverable (a training's 教材, a
 * consult's 別添) that the data directory does not hold, nor a
 * registered deliverable: the bundle cannot deliver it (rev21a M2,
 * rev21b M2).  The warning gives the line that names it.
 */
struct named_arg {
	struct diags	*warns;
	const char	*relpath;
};

static void
named_missing(void *arg, const char *field, const char *name,
    const struct node *at)
{
	struct named_arg	*a = arg;

	diags_add(a->warns, a->relpath, at != NULL ? at->line : 0,
	    at != NULL ? at->col : 0, "%s: '%s' is not in the data "
	    "directory and not registered (deliverable add): the bundle "
	    "cannot deliver it", field, name);
}

/*
 * A file under files/ no deliverable record registers: the bundle
 * delivers registered files only (deliverable_unregistered()).
 */
static void
unregistered_file(void *arg, const char *path)
{
	diags_add(arg, path, 0, 0, "not registered (deliverable add): the "
	    "bundle leaves it out");
}

/*
 * A 定例会 or 進捗報告会 whose day has passed, not cancelled, with no
 * minutes recorded (meeting_minutes_recorded(), the bundle's rule): the
 * year-end bundle leaves its 議事録 out (rev21a M1).  Named by its title
 * (回次) and date, as the ward knows it.  The ward's own committees keep
 * their own papers, as in the bundle.
 */
static void
meeting_minutes_lint(const struct node *root, const char *relpath,
    struct cal_date today, struct diags *warns)
{
	const char	*type = node_get_str(root, "type");
	const char	*status = node_get_str(root, "status");
	const char	*date = node_get_str(root, "date");
	const char	*title = node_get_str(root, "title");
	const struct node *at = node_get(root, "status");
	struct cal_date	 d;

	if (type == NULL || (strcmp(type, "regular") != 0 &&
	    strcmp(type, "progress") != 0) || status == NULL ||
	    strcmp(status, "cancelled") == 0 || date == NULL ||
	    cal_parse_iso(&d, date) != 0) {
		error_clear();
		return;
	}
	if (cal_cmp(d, today) >= 0 || meeting_minutes_recorded(root))
		return;
	diags_add(warns, relpath, at != NULL ? at->line : 0,
	    at != NULL ? at->col : 0, "meeting %s of %s (status %s) has no "
	    "minutes recorded (no attendee, agenda summary, decision or "
	    "action): record them with 'meeting minutes', or cancel it; the "
	    "bundle leaves its 議事録 out", title != NULL ? title : "",
	    date, status);
}

static int
cmd_lint(struct cmd_ctx *ctx, struct optv *ov)
{
	const char		*format = opt_get(ov, "format");
	const char		*path = opt_get(ov, "output");
	int			 structured;
	struct store		*st;
	const struct schemaset	*set;
	struct checker		*c = NULL;
	struct reclist		 all = RECLIST_INIT, sel = RECLIST_INIT;
	struct reclist		*recs;
	struct diags		 d = DIAGS_INIT, setup = DIAGS_INIT;
	struct diags		 stale = DIAGS_INIT;
	struct diags		 warns = DIAGS_INIT;
	struct record		*r;
	struct recref		**byid = NULL;
	struct docnos		 dn = { NULL, 0, 0 };
	struct audits		 audits = { NULL, 0, 0 };
	struct tr_lint		*tl = NULL;
	const struct node	*conf;
	struct audits		 every_audit = { NULL, 0, 0 };
	struct cal		*cal = NULL;
	struct reclint		*rl = NULL;
	struct deliverable_named named = DELIVERABLE_NAMED_INIT;
	struct named_arg	 na;
	struct cal_date		 today = cal_today(), issue_day;
	size_t			 i, files = 0, bad_files = 0, n0, nclos;
	int			 quiet = opt_has(ov, "quiet"), want_config = 1;
	int			 rc = CMD_OK, argc = ov->argc;
	char			**argv = ov->argv;

	if (path != NULL) {
		/* A file holds rows: .csv or .json, or what --format says. */
		format = listing_format(format, path);
		if (strcmp(format, "csv") != 0 && strcmp(format, "json") != 0)
			return cmd_error(_("-o writes CSV or JSON: give --format"
			    " csv or json, or a file name ending in .csv or"
			    " .json"));
	}
	structured = format != NULL && strcmp(format, "text") != 0;
	if ((st = cmd_store(ctx)) == NULL)
		return CMD_FAIL;
	if (store_schemas(&set, st, &d) != 0) {
		cmd_print_diags(stdout, &d);
		diags_free(&d);
		return cmd_lib_error();
	}
	/* Config, org list and the list of records, with their problems. */
	if (checker_new(&c, st, &setup) != 0) {
		cmd_print_diags(stdout, &setup);
		diags_free(&setup);
		return cmd_lib_error();
	}
	if (store_scan(&all, st, NULL, 0, NULL) != 0) {
		rc = cmd_lib_error();
		goto done;
	}
	recs = &all;
	if (argc > 0) {
		want_config = 0;
		if ((sel.v = calloc(all.n + 1, sizeof *sel.v)) == NULL) {
			rc = cmd_error(_("out of memory"));
			goto done;
		}
		sel.cap = all.n + 1;
		select_paths(&sel, &all, st, argc, argv, &want_config, &d);
		recs = &sel;
	}
	if (want_config) {
		for (i = 0; i < setup.n; i++)
			diags_add(&d, setup.v[i].path, setup.v[i].line,
			    setup.v[i].col, "%s", setup.v[i].msg);
		files += 2;
	}
	/* Dates on closed days, numbers out of date order. */
	if ((cal = lint_cal(st, want_config ? &d : NULL, &nclos)) == NULL ||
	    reclint_new(&rl, cal, store_config(&conf, st) == 0 ?
	    node_get_str(node_get(conf, "documents"), "doc_no_format") :
	    NULL, store_config(&conf, st) == 0 ? node_get_str(node_get(conf,
	    "documents"), "contractor_no_format") : NULL) != 0) {
		rc = cmd_error(_("out of memory"));
		goto done;
	}
	error_clear();
	if (want_config) {
		files += nclos;
		/* A contract title naming a year it was not let for. */
		if (store_config(&conf, st) == 0)
			report_config_lint(conf, STORE_MARKER, &warns);
		error_clear();
	}
	/*
	 * What the schemas cannot say: the training plan, question banks,
	 * trainings' answers; checked on every record as it is read.
	 */
	if (argc == 0 && training_lint_begin(&tl, st, &d) != 0) {
		rc = cmd_lib_error();
		goto done;
	}
	issue_day = issue_lint_day(st, today);
	/* the registered files, for the files records name */
	if (deliverable_named_load(&named, st) != 0)
		error_clear();
	na.warns = &warns;
	for (i = 0; i < recs->n; i++) {
		n0 = d.n;
		files++;
		if (record_load(&r, st, &recs->v[i], &d) == 0) {
			record_check_loaded(c, r, &d);
			/* What only the incident module knows: criteria. */
			incident_lint(st, r->kind, record_root(r),
			    recs->v[i].relpath, &d);
			incident_lint_status(r->kind, record_root(r),
			    recs->v[i].relpath, &warns);
			/* A registered file missing or changed. */
			deliverable_lint(st, r->kind, record_root(r),
			    recs->v[i].relpath, &d);
			docnos_add(&dn, st, r, recs->v[i].relpath);
			/* 教材 and 別添 named but not there */
			na.relpath = recs->v[i].relpath;
			(void)deliverable_named_missing(&named, st,
			    schema_kind(r->kind), recs->v[i].id,
			    record_root(r), named_missing, &na);
			if (tl != NULL && training_lint_record(tl,
			    schema_kind(r->kind), record_root(r),
			    recs->v[i].relpath, &d) != 0) {
				record_free(r);
				rc = cmd_lib_error();
				goto done;
			}
			lint_review(st, r, recs->v[i].relpath, today, &d,
			    &warns);
			if (reclint_record(rl, r->kind, record_root(r),
			    recs->v[i].relpath, &warns) != 0) {
				record_free(r);
				rc = cmd_lib_error();
				goto done;
			}
			/* An item twice, a date against the timeline. */
			lint_coherence(schema_kind(r->kind), record_root(r),
			    recs->v[i].relpath, &warns);
			/* A status its history contradicts. */
			if (is_kind(r, "issue"))
				issue_lint(record_root(r), recs->v[i].relpath,
				    issue_day, &warns);
			if (is_kind(r, "catalog"))
				catalog_lint(r, recs->v[i].relpath, &warns);
			if (is_kind(r, "meeting"))
				meeting_minutes_lint(record_root(r),
				    recs->v[i].relpath, today, &warns);
			if (is_kind(r, "audit")) {
				audits_add(&audits, r, recs->v[i].id,
				    recs->v[i].relpath);
				/* status and dates, follow-up copies */
				audit_lint(st, record_root(r),
				    recs->v[i].relpath, &warns);
			}
			record_free(r);
		} else if (d.n == n0)
			diags_add(&d, recs->v[i].relpath, 0, 0, "%s",
			    error_last());
	}
	/* A file put under files/ and never registered. */
	if (argc == 0 && deliverable_unregistered(&named, st,
	    unregistered_file, &warns) != 0)
		diags_add(&warns, "files", 0, 0, "%s", error_last());
	/* Two audits of one target on one day. */
	if (audits.n > 0) {
		if (argc > 0)
			audits_scan(&every_audit, st);
		audits_check(&audits, argc > 0 ? &every_audit : &audits,
		    &warns);
	}
	/* Numbers given out of the order of their dates. */
	if (reclint_end(rl, &warns) != 0) {
		rc = cmd_lib_error();
		goto done;
	}
	/* Reused training content is a warning. */
	if (tl != NULL && training_lint_end(tl, &warns) != 0) {
		rc = cmd_lib_error();
		goto done;
	}
	for (i = 0; i < warns.n && !structured; i++)
		fprintf(stderr, _("%s: warning: %s\n"), warns.v[i].path,
		    warns.v[i].msg);
	/* The same document number twice in a fiscal year. */
	docnos_check(&dn, &d);
	dn.v = NULL;
	/* The same id in two fiscal-year folders. */
	if ((byid = calloc(recs->n + 1, sizeof *byid)) == NULL) {
		rc = cmd_error(_("out of memory"));
		goto done;
	}
	for (i = 0; i < recs->n; i++)
		byid[i] = &recs->v[i];
	qsort(byid, recs->n, sizeof *byid, byid_cmp);
	for (i = 1; i < recs->n; i++) {
		if (strcmp(byid[i - 1]->id, byid[i]->id) == 0)
			diags_add(&d, byid[i]->relpath, 0, 0, "duplicate id"
			    " '%s' (also %s)", byid[i]->id,
			    byid[i - 1]->relpath);
	}
	/* Leftovers of interrupted writes: warnings, not problems. */
	if (argc == 0) {
		store_stale_temps(st, 0, &stale);
		diags_sort(&stale);
		if (!structured)
			cmd_print_diags(stdout, &stale);
	}
	diags_sort(&d);
	if (!structured)
		cmd_print_diags(stdout, &d);
	else if (print_structured(format, opt_has(ov, "crlf"), path, &d,
	    &stale, &warns) != CMD_OK) {
		rc = CMD_FAIL;
		goto done;
	}
	/* Files with problems: distinct paths among the sorted problems. */
	bad_files = 0;
	for (i = 0; i < d.n; i++)
		bad_files += i == 0 || strcmp(d.v[i].path, d.v[i - 1].path) != 0;
	if (d.n > 0) {
		if (!quiet)
			fprintf(stderr, _("%zu problem%s in %zu file%s (%zu"
			    " checked)\n"), d.n, d.n == 1 ? "" : "s", bad_files,
			    bad_files == 1 ? "" : "s", files);
		rc = CMD_FAIL;
	} else if (!quiet)
		fprintf(stderr, _("%zu file%s checked, no problems\n"), files,
		    files == 1 ? "" : "s");
done:
	deliverable_named_free(&named);
	reclint_free(rl);
	cal_free(cal);
	training_lint_free(tl);
	audits_free(&audits);
	audits_free(&every_audit);
	free(byid);
	checker_free(c);
	reclist_free(&all);
	reclist_free(&sel);
	diags_free(&d);
	diags_free(&setup);
	diags_free(&stale);
	diags_free(&warns);
	return rc;
}

static const struct opt lint_opts[] = {
	{ "quiet", 'q', OPT_FLAG, 0, NULL, NULL, 0, 0,
	  "no summary line on standard error" },
	{ "format", 0, OPT_CHOICE, 0, "text|csv|json", "text|csv|json", 0, 0,
	  "text (path:line:column: message, default), csv or json" },
	LISTING_OPT_CRLF,
	LISTING_OPT_OUTPUT,
	OPT_END
};

static const struct subcmd lint_subs[] = {
	{ NULL, cmd_lint, lint_opts, "[PATH]...", 0, -1, NULL, NULL },
	SUBCMD_END
};

const struct cmd_entry cmd_lint_entry = {
	.name = "lint",
	.desc = "check records: YAML, schema, ids, references, My Number",
	.help =
	    "Checks every record of the data directory, or those under each PATH,\n"
	    "and prints every problem as path:line:column: message.  Exits 0 when\n"
	    "all is well, 1 when anything is wrong.  --format json prints an\n"
	    "array of objects {path, line, column, message, level}, --format\n"
	    "csv the same as rows; line and column are null (empty) for a\n"
	    "problem of a whole file, level is error or warning.  -o FILE\n"
	    "writes them to FILE instead, in the format its suffix names (.csv\n"
	    "or .json) unless --format says.\n",
	.subs = lint_subs,
};
