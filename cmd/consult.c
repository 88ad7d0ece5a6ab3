/*
 * nerima-cio consult: consultations (3(3)ア(イ), 3(1)ア(ア)) from receipt
 * to the 回答書, attendance at vendor talks, the 相談シート form and its
 * import, and the 相談業務実施報告書 for a progress meeting.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "cmd.h"
#include "consult.h"
#include "i18n.h"
#include "listing.h"
#include "meeting.h"
#include "opt.h"
#include "period.h"
#include "record.h"
#include "report.h"
#include "schema.h"
#include "store.h"

static int
set(struct ydoc *doc, struct node *root, const char *key, const char *v)
{
	if (v == NULL)
		return 0;
	return node_map_set_str(doc, root, key, v);
}

/* A whole text file, for a question or an answer too long to type. */
static int
read_text(char **out, const char *path)
{
	struct buf	b = BUF_INIT;
	int		rc;

	*out = NULL;
	if ((rc = buf_load(&b, path)) != 0) {
		buf_free(&b);
		return cmd_error(_("cannot read '%s': %s"), path, error_last());
	}
	/* a UTF-8 BOM from Notepad is not part of the text */
	if (b.len >= 3 && memcmp(b.data, "\xef\xbb\xbf", 3) == 0) {
		memmove(b.data, b.data + 3, b.len - 2);
		b.len -= 3;
	}
	while (b.len > 0 && (b.data[b.len - 1] == '\n' ||
	    b.data[b.len - 1] == '\r'))
		b.data[--b.len] = '\0';
	if (b.len == 0) {
		buf_free(&b);
		return cmd_error(_("'%s' is empty"), path);
	}
	*out = buf_detach(&b, NULL);
	return CMD_OK;
}

/*
 * consult add
 */

static int
consult_add(struct cmd_ctx *ctx, struct optv *ov)
{
	const struct schema	*kind;
	struct store		*st;
	struct ydoc		*doc = NULL;
	struct node		*root, *by;
	struct diags		 d = DIAGS_INIT;
	char			*id = NULL, *rel = NULL, *q = NULL;
	size_t			 i;
	int			 rc = CMD_FAIL;

	if ((st = cmd_store(ctx)) == NULL)
		return CMD_FAIL;
	if (store_kind(&kind, st, "consult") != 0)
		return cmd_lib_error();
	if (opt_has(ov, "question") && opt_has(ov, "question-file"))
		return opt_bad_usage(ov->entry, ov->sub, _("give --question or "
		    "--question-file, not both"));
	if (opt_has(ov, "question-file") &&
	    read_text(&q, opt_get(ov, "question-file")) != CMD_OK)
		return CMD_FAIL;
	if ((doc = ydoc_new()) == NULL || (root = node_map(doc)) == NULL) {
		rc = cmd_error(_("out of memory"));
		goto done;
	}
	ydoc_set_root(doc, root);
	if (set(doc, root, "ref_no", opt_get(ov, "ref-no")) != 0 ||
	    set(doc, root, "type", opt_get(ov, "type")) != 0 ||
	    set(doc, root, "title", opt_get(ov, "title")) != 0 ||
	    set(doc, root, "org", opt_get(ov, "org")) != 0 ||
	    set(doc, root, "requester", opt_get(ov, "requester")) != 0 ||
	    set(doc, root, "received", opt_get(ov, "received")) != 0 ||
	    set(doc, root, "channel", opt_get(ov, "channel")) != 0 ||
	    set(doc, root, "due", opt_get(ov, "due")) != 0 ||
	    set(doc, root, "question", q != NULL ? q :
	    opt_get(ov, "question")) != 0 ||
	    (node_scalar_eq(node_get(root, "type"), "dx") &&
	    set(doc, root, "deliverable", "report") != 0)) {
		rc = cmd_lib_error();
		goto done;
	}
	if (opt_count(ov, "by") > 0) {
		if ((by = node_seq(doc)) == NULL ||
		    node_map_set(doc, root, "answered_by", by) != 0) {
			rc = cmd_error(_("out of memory"));
			goto done;
		}
		for (i = 0; i < opt_count(ov, "by"); i++)
			if (node_seq_push(doc, by, node_str(doc,
			    opt_at(ov, "by", i))) != 0) {
				rc = cmd_error(_("out of memory"));
				goto done;
			}
	}
	if (consult_check_dates(root) != 0) {
		rc = cmd_error(_("no consultation created: %s"), error_last());
		goto done;
	}
	if (record_create(&id, &rel, st, kind, doc, &d) != 0) {
		cmd_print_diags(stderr, &d);
		rc = cmd_error(_("no consultation created: %s"), error_last());
		goto done;
	}
	printf("%s\n", id);
	fprintf(stderr, "%s/%s\n", store_root(st), rel);
	rc = CMD_OK;
done:
	free(q);
	free(id);
	free(rel);
	ydoc_free(doc);
	diags_free(&d);
	return rc;
}

/*
 * consult answer, consult attend
 */

static int
answer_edit(struct record *r, void *arg)
{
	return consult_set_answer(r->doc, record_root(r), arg);
}

static int
consult_answer(struct cmd_ctx *ctx, struct optv *ov)
{
	struct consult_answer	 a;
	const char		*by[32];
	char			*text = NULL, today[CAL_FMT_MAX];
	size_t			 i;
	int			 rc;

	if (opt_has(ov, "text") + opt_has(ov, "text-file") > 1)
		return opt_bad_usage(ov->entry, ov->sub, _("give --text or "
		    "--text-file, not both"));
	if (opt_count(ov, "by") > 32)
		return opt_bad_usage(ov->entry, ov->sub, _("at most 32 --by"));
	if (opt_has(ov, "draft") && opt_has(ov, "date"))
		return opt_bad_usage(ov->entry, ov->sub, _("a --draft has no "
		    "answer date yet"));
	if (opt_has(ov, "text-file") &&
	    read_text(&text, opt_get(ov, "text-file")) != CMD_OK)
		return CMD_FAIL;
	memset(&a, 0, sizeof a);
	a.text = text != NULL ? text : opt_get(ov, "text");
	a.file = opt_get(ov, "file");
	cal_format_iso(today, sizeof today, cal_today());
	a.date = opt_has(ov, "date") ? opt_get(ov, "date") : today;
	for (i = 0; i < opt_count(ov, "by"); i++)
		by[i] = opt_at(ov, "by", i);
	a.by = by;
	a.nby = opt_count(ov, "by");
	a.deliverable = opt_get(ov, "deliverable");
	a.number = opt_get(ov, "no");
	a.draft = opt_has(ov, "draft");
	rc = cmd_edit_record(NULL, ctx, "consult", ov->argv[0], answer_edit,
	    &a);
	free(text);
	return rc;
}

struct attend {
	const char	*date, *with, *note;
};

static int
attend_edit(struct record *r, void *arg)
{
	struct attend	*a = arg;
	int		 rc;

	rc = consult_add_attendance(r->doc, record_root(r), a->date, a->with,
	    a->note);
	return rc == 1 ? RECORD_EDIT_NOCHANGE : rc;
}

static int
consult_attend(struct cmd_ctx *ctx, struct optv *ov)
{
	struct attend	a;

	a.date = opt_get(ov, "date");
	a.with = opt_get(ov, "with");
	a.note = opt_get(ov, "note");
	if (*a.with == '\0')
		return opt_bad_usage(ov->entry, ov->sub, _("--with needs the "
		    "counterpart's name (the vendor)"));
	return cmd_edit_record(NULL, ctx, "consult", ov->argv[0], attend_edit,
	    &a);
}

/*
 * consult list
 */

static const struct listing_col list_cols[] = {
	{ "id", "ID", 0, 0 },
	{ "received", N_("Received"), 0, 0 },
	{ "type", N_("Type"), 0, 0 },
	{ "org", N_("Asked by"), 0, 0 },
	{ "title", N_("Title"), 0, 0 },
	{ "status", N_("Status"), 0, 0 },
	{ "due", N_("Answer due"), 0, 0 },
	{ "answered", N_("Answered on"), 0, 0 },
	{ "days", N_("Days"), 1, 0 },
	{ "attended", N_("Sat in"), 1, 0 },
	{ "overdue", N_("Overdue"), 0, 0 },
};

static int
consult_list(struct cmd_ctx *ctx, struct optv *ov)
{
	const struct schema	*kind;
	struct store		*st;
	struct reclist		 refs = RECLIST_INIT;
	struct record		*r;
	struct listing		*l = NULL;
	const struct node	*root;
	const char		*cells[11], *name, *dept, *type;
	struct cal_date		 today = cal_today();
	char			 days[24], att[24];
	long			 n;
	size_t			 i;
	int			 rc = CMD_OK, over;

	if ((st = cmd_store(ctx)) == NULL)
		return CMD_FAIL;
	if (store_kind(&kind, st, "consult") != 0 ||
	    store_scan(&refs, st, kind, (int)opt_num(ov, "fy", 0), NULL) != 0)
		return cmd_lib_error();
	if ((l = listing_new(list_cols, 11)) == NULL) {
		rc = cmd_error(_("out of memory"));
		goto done;
	}
	type = opt_get(ov, "type");
	for (i = 0; i < refs.n; i++) {
		if (record_load(&r, st, &refs.v[i], NULL) != 0) {
			rc = cmd_error(_("cannot read %s: %s"),
			    refs.v[i].relpath, error_last());
			continue;
		}
		root = record_root(r);
		over = consult_overdue(root, today);
		if ((opt_has(ov, "open") && !consult_is_open(root)) ||
		    (opt_has(ov, "overdue") && !over) ||
		    (type != NULL && !node_scalar_eq(node_get(root, "type"),
		    type))) {
			record_free(r);
			continue;
		}
		name = dept = NULL;
		if (store_org(&name, &dept, st, node_get_str(root, "org")) !=
		    0)
			name = node_get_str(root, "org");
		days[0] = att[0] = '\0';
		if (consult_days_to_answer(&n, root) == 0)
			snprintf(days, sizeof days, "%ld", n);
		if (consult_nattendances(root) > 0)
			snprintf(att, sizeof att, "%zu",
			    consult_nattendances(root));
		cells[0] = record_id(r);
		cells[1] = node_get_str(root, "received");
		cells[2] = schema_label(kind, "type", node_get_str(root,
		    "type"));
		cells[3] = name;
		cells[4] = node_get_str(root, "title");
		cells[5] = schema_label(kind, "status", node_get_str(root,
		    "status"));
		cells[6] = node_get_str(root, "due");
		cells[7] = node_get_str(root, "answered");
		cells[8] = days;
		cells[9] = att;
		cells[10] = over ? _("overdue") : "";
		if (listing_row(l, cells) != 0)
			rc = cmd_lib_error();
		record_free(r);
	}
	error_clear();
	listing_sort(l, 1, 4);
	if (listing_print_out(l, opt_get(ov, "format"), opt_has(ov, "crlf"),
	    opt_get(ov, "output")) != CMD_OK)
		rc = CMD_FAIL;
done:
	listing_free(l);
	reclist_free(&refs);
	return rc;
}

/*
 * consult export answer | report | sheet
 */

static int
export_answer(struct cmd_ctx *ctx, struct optv *ov, const char *prefix)
{
	struct store	*st;
	struct record	*r = NULL;
	struct recref	 ref = { NULL, NULL, NULL, 0 };
	struct buf	 name = BUF_INIT;
	char		*path = NULL;
	int		 rc;

	if ((st = cmd_store(ctx)) == NULL)
		return CMD_FAIL;
	if (cmd_load_record(&r, &ref, st, prefix, "consult") != CMD_OK)
		return CMD_FAIL;
	buf_printf(&name, "%s_%s.docx", schema_label(r->kind, "deliverable",
	    node_get_str(record_root(r), "deliverable") != NULL ?
	    node_get_str(record_root(r), "deliverable") : "answer"),
	    record_field(r, "title"));
	if (buf_ok(&name) != 0) {
		rc = cmd_lib_error();
		goto done;
	}
	if ((rc = cmd_export_path(&path, opt_get(ov, "o"), name.data, 0)) !=
	    CMD_OK || (rc = cmd_export_begin()) != CMD_OK)
		goto done;
	if (consult_write_answer_docx(st, record_root(r), path) != 0) {
		cmd_lib_error();
		rc = cmd_export_end(0);
		goto done;
	}
	cmd_export_note(path);
	rc = cmd_export_end(1);
done:
	free(path);
	buf_free(&name);
	record_free(r);
	free(ref.id);
	free(ref.relpath);
	return rc;
}

static int
export_report(struct cmd_ctx *ctx, struct optv *ov)
{
	struct consult_report	 rp;
	struct cmd_period	 pd;
	char			 era[CAL_FMT_MAX], name[128], ohead[256];
	char			*docx = NULL, *xlsx = NULL;
	int			 rc = CMD_FAIL, ok;

	memset(&rp, 0, sizeof rp);
	if ((rc = cmd_period(&pd, ctx, ov, 0)) != CMD_OK)
		goto done;
	if (consult_report_build(&rp, pd.st, pd.from, pd.to) != 0) {
		rc = cmd_lib_error();
		goto done;
	}
	rp.as_of = pd.as_of;
	/*
	 * what becomes of the cases not answered, as the one attached to
	 * the 作業実施報告書 says: 回答作成中 here, 区に引継ぎ there, for one
	 * case on one day (rev21c T4)
	 */
	report_open_end(&rp.open_kind, ohead, sizeof ohead, pd.st, pd.to);
	if (rp.open_kind != EV_OPEN_RUNS)
		rp.open_end = ohead;
	rc = CMD_FAIL;
	cal_format_era(era, sizeof era, rp.as_of, CAL_ERA_LONG);
	snprintf(name, sizeof name, "相談業務実施報告書_%s.docx", era);
	if ((rc = cmd_export_path(&docx, opt_get(ov, "o"), name, 1)) != CMD_OK)
		goto done;
	snprintf(name, sizeof name, "相談業務実施報告書_%s.xlsx", era);
	if ((rc = cmd_export_path(&xlsx, opt_get(ov, "o"), name, 1)) != CMD_OK ||
	    (rc = cmd_export_begin()) != CMD_OK)
		goto done;
	ok = consult_report_write_docx(&rp, docx) == 0 &&
	    cmd_export_note(docx) == CMD_OK &&
	    consult_report_write_xlsx(&rp, xlsx) == 0 &&
	    cmd_export_note(xlsx) == CMD_OK;
	if (!ok)
		cmd_lib_error();
	rc = cmd_export_end(ok);
done:
	consult_report_free(&rp);
	cmd_period_free(&pd);
	free(docx);
	free(xlsx);
	return rc;
}

static int
export_sheet(struct cmd_ctx *ctx, struct optv *ov)
{
	struct store	*st;
	const char	*org = opt_get(ov, "org"), *oname = NULL, *dept;
	/*
	 * a 課's name of any length: name[256], then name[1024] for a name
	 * edited by hand past the schema's 200 characters, cut it and
	 * .xlsx (safe_name() shortens the name whole, before its extension)
	 */
	struct buf	 name = BUF_INIT;
	char		*path = NULL;
	int		 rc;

	if ((st = cmd_store(ctx)) == NULL)
		return CMD_FAIL;
	if (org != NULL && store_org(&oname, &dept, st, org) != 0)
		return cmd_lib_error();
	if (oname != NULL)
		buf_printf(&name, "相談シート_%s.xlsx", oname);
	else
		buf_puts(&name, "相談シート.xlsx");
	if (buf_ok(&name) != 0) {
		buf_free(&name);
		return cmd_lib_error();
	}
	rc = cmd_export_path(&path, opt_get(ov, "o"), name.data, 0);
	buf_free(&name);
	if (rc != CMD_OK || (rc = cmd_export_begin()) != CMD_OK) {
		free(path);
		return rc;
	}
	if (consult_sheet_write(st, org, path, (time_t)cal_days(cal_today()) *
	    86400) != 0) {
		cmd_lib_error();
		free(path);
		return cmd_export_end(0);
	}
	cmd_export_note(path);
	rc = cmd_export_end(1);
	free(path);
	return rc;
}

static int
consult_export(struct cmd_ctx *ctx, struct optv *ov)
{
	const char	*what = ov->argv[0];

	if (strcmp(what, "answer") == 0) {
		if (ov->argc != 2)
			return opt_bad_usage(ov->entry, ov->sub, _("'export "
			    "answer' takes the consultation's ID"));
		if (opt_has(ov, "from") || opt_has(ov, "to") ||
		    opt_has(ov, "meeting") || opt_has(ov, "org"))
			return opt_bad_usage(ov->entry, ov->sub, _("'export "
			    "answer' takes only ID and -o"));
		return export_answer(ctx, ov, ov->argv[1]);
	}
	if (strcmp(what, "report") == 0) {
		if (ov->argc != 1 || opt_has(ov, "org"))
			return opt_bad_usage(ov->entry, ov->sub, _("'export "
			    "report' takes --meeting ID or --from and --to"));
		return export_report(ctx, ov);
	}
	if (strcmp(what, "sheet") == 0) {
		if (ov->argc != 1 || opt_has(ov, "from") ||
		    opt_has(ov, "to") || opt_has(ov, "meeting"))
			return opt_bad_usage(ov->entry, ov->sub, _("'export "
			    "sheet' takes only --org and -o"));
		return export_sheet(ctx, ov);
	}
	return opt_bad_usage(ov->entry, ov->sub, _("no document '%s': "
	    "answer, report or sheet"), what);
}

/*
 * consult import
 */

static int
consult_import_cmd(struct cmd_ctx *ctx, struct optv *ov)
{
	struct store			*st;
	struct consult_sheet		 s;
	struct diags			 d = DIAGS_INIT;
	enum consult_import_state	 state;
	char				*id, *rel, *changed;
	int				 i, rc = CMD_OK;

	if ((st = cmd_store(ctx)) == NULL)
		return CMD_FAIL;
	for (i = 0; i < ov->argc; i++) {
		const char *file = ov->argv[i];

		if (consult_sheet_read(&s, st, file, file, &d) != 0) {
			cmd_print_diags(stderr, &d);
			diags_free(&d);
			rc = cmd_lib_error();
			continue;
		}
		if (consult_import(&id, &rel, &state, &changed, st, &s, file,
		    &d) != 0) {
			cmd_print_diags(stderr, &d);
			diags_free(&d);
			rc = cmd_error(_("'%s' not imported: %s"), file,
			    error_last());
			consult_sheet_free(&s);
			continue;
		}
		printf("%s\n", id);
		switch (state) {
		case CONSULT_IMPORT_NEW:
			fprintf(stderr, _("imported '%s' as %s (%s/%s)\n"),
			    file, id, store_root(st), rel);
			break;
		case CONSULT_IMPORT_SAME:
			fprintf(stderr, _("'%s' was imported before as %s; "
			    "nothing changed\n"), file, id);
			break;
		case CONSULT_IMPORT_UPDATED:
			fprintf(stderr, _("updated %s from '%s': %s\n"), id,
			    file, changed != NULL && *changed != '\0' ?
			    changed : _("the sheet's record of import"));
			break;
		}
		free(id);
		free(rel);
		free(changed);
		consult_sheet_free(&s);
		diags_free(&d);
	}
	return rc;
}

static const struct opt add_opts[] = {
	{ "type", 0, OPT_ENUM, OPT_REQUIRED, "TYPE", "consult:type", 0, 0,
	  "department, division or dx (or the Japanese title)" },
	{ "title", 0, OPT_TEXT, OPT_REQUIRED, NULL, NULL, 0, 0,
	  "the subject (件名)" },
	{ "org", 0, OPT_ORG, OPT_REQUIRED, NULL, NULL, 0, 0,
	  "the requesting 課 (code or name)" },
	{ "received", 0, OPT_DATE, OPT_REQUIRED, NULL, NULL, 0, 0,
	  "the day the question was received" },
	{ "question", 0, OPT_TEXT, 0, NULL, NULL, 0, 0,
	  "the question (相談内容)" },
	{ "question-file", 0, OPT_PATH, 0, "FILE", NULL, 0, 0,
	  "read the question from a UTF-8 text file" },
	{ "requester", 0, OPT_TEXT, 0, "ROLE", NULL, 0, 0,
	  "the requester's role (庶務係長), never a name" },
	{ "due", 0, OPT_DATE, 0, NULL, NULL, 0, 0,
	  "the requested answer date" },
	{ "channel", 0, OPT_ENUM, 0, "CHANNEL", "consult:channel", 0, 0,
	  "sheet (default), mail, teams, meeting or phone" },
	{ "ref-no", 0, OPT_TEXT, 0, "TEXT", NULL, 0, 0,
	  "the ward's reference number (受付番号)" },
	{ "by", 0, OPT_MEMBER, OPT_REPEAT, NULL, NULL, 0, 0,
	  "a team member who answers" },
	OPT_END
};

static const struct opt answer_opts[] = {
	{ "text", 0, OPT_TEXT, 0, NULL, NULL, 0, 0, "the answer" },
	{ "text-file", 0, OPT_PATH, 0, "FILE", NULL, 0, 0,
	  "read the answer from a UTF-8 text file" },
	{ "file", 0, OPT_PATH, 0, "NAME", NULL, 0, 0,
	  "the file that holds a long answer (回答書, 調査報告書)" },
	{ "date", 0, OPT_DATE, 0, NULL, NULL, 0, 0,
	  "the answer date (default today)" },
	{ "by", 0, OPT_MEMBER, OPT_REPEAT, NULL, NULL, 0, 0,
	  "a team member who answered" },
	{ "deliverable", 0, OPT_ENUM, 0, "KIND", "consult:deliverable", 0, 0,
	  "answer (default), report, opinion or information" },
	{ "no", 0, OPT_INT, 0, "N", NULL, 1, 999999,
	  "the contractor's number of the 回答書, for the config's contractor_no_format" },
	{ "draft", 0, OPT_FLAG, 0, NULL, NULL, 0, 0,
	  "still being written: status answering, no date" },
	OPT_END
};

static const struct opt attend_opts[] = {
	{ "date", 0, OPT_DATE, OPT_REQUIRED, NULL, NULL, 0, 0,
	  "the day of the talk" },
	{ "with", 0, OPT_TEXT, OPT_REQUIRED, "VENDOR", NULL, 0, 0,
	  "the counterpart (the vendor)" },
	{ "note", 0, OPT_TEXT, 0, NULL, NULL, 0, 0, "what was discussed" },
	OPT_END
};

static const struct opt list_opts[] = {
	{ "fy", 0, OPT_FY, 0, NULL, NULL, 0, 0, "one fiscal year only" },
	{ "type", 0, OPT_ENUM, 0, "TYPE", "consult:type", 0, 0,
	  "one type only" },
	{ "open", 0, OPT_FLAG, 0, NULL, NULL, 0, 0,
	  "not answered yet" },
	{ "overdue", 0, OPT_FLAG, 0, NULL, NULL, 0, 0,
	  "open and past the answer due date" },
	{ "format", 0, OPT_CHOICE, 0, "table|csv|json", "table|csv|json", 0, 0,
	  "output format (default table)" },
	LISTING_OPT_CRLF,
	LISTING_OPT_OUTPUT,
	OPT_END
};

static const struct opt export_opts[] = {
	{ "meeting", 0, OPT_ID, 0, NULL, NULL, 0, 0,
	  "report: the progress meeting it is for (its period)" },
	{ "from", 0, OPT_DATE, 0, NULL, NULL, 0, 0,
	  "report: the first day of the period" },
	{ "to", 0, OPT_DATE, 0, NULL, NULL, 0, 0,
	  "report: the last day of the period" },
	{ "year-end", 0, OPT_FY, 0, NULL, NULL, 0, 0,
	  "report: the year's last period, from its last progress meeting to "
	  "the year's last business day" },
	{ "org", 0, OPT_ORG, 0, NULL, NULL, 0, 0,
	  "sheet: the 課 the form is for" },
	{ "o", 'o', OPT_PATH, 0, NULL, NULL, 0, 0,
	  "the file, or a folder (ending in /)" },
	OPT_ZIP_OPTS,
	OPT_END
};

static const struct subcmd consult_subs[] = {
	{ "add", consult_add, add_opts, NULL, 0, 0, NULL,
	  "record a consultation received" },
	{ "answer", consult_answer, answer_opts, "ID", 1, 1,
	  "ID [--text TEXT | --text-file FILE] [--file NAME] [--date DATE]"
	  " [--by MEMBER]... [--deliverable KIND] [--no N] [--draft]",
	  "record the answer (text, or the file of a long one)" },
	{ "attend", consult_attend, attend_opts, "ID", 1, 1, NULL,
	  "record attendance at the division's talk with a vendor" },
	{ "list", consult_list, list_opts, NULL, 0, 0, NULL,
	  "list consultations" },
	{ "export", consult_export, export_opts, "WHAT [ID]", 1, 2,
	  "(answer ID | report (--meeting ID | --from DATE --to DATE |"
	  " --year-end FY) |"
	  " sheet [--org ORG]) [-o PATH]"
	  " [--zip FILE] [--password-file FILE]",
	  "write the 回答書, the 相談業務実施報告書 or the 相談シート form" },
	{ "import", consult_import_cmd, NULL, "FILE...", 1, -1, NULL,
	  "import returned 相談シート as consultations" },
	SUBCMD_END
};

const struct cmd_entry cmd_consult_entry = {
	.name = "consult",
	.desc = "consultations: answers, vendor talks, the 相談シート and the"
	    " report",
	.help =
	    "A consultation is a division's 相談シート (type department), a\n"
	    "question of 情報政策課 (division) or a DX support request (dx).\n"
	    "The answer cannot be dated before the question was received.\n"
	    "'export report' writes the .docx and the .xlsx together, or\n"
	    "neither.  'import' reads returned sheets; the same sheet twice\n"
	    "changes nothing.\n",
	.subs = consult_subs,
	.kind = "consult",
};
