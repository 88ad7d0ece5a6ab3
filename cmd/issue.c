/*
 * nerima-cio issue: the 課題管理表 (3(3)ア(エ)(オ)): issues with an owner,
 * a due date and a history of every update; the table as an .xlsx.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "i18n.h"
#include "issue.h"
#include "listing.h"
#include "opt.h"
#include "record.h"
#include "report.h"
#include "schema.h"
#include "store.h"

static int
issue_add(struct cmd_ctx *ctx, struct optv *ov)
{
	struct store		*st;
	struct issue_new	 in;
	struct recref		 ref = { NULL, NULL, NULL, 0 };
	struct diags		 d = DIAGS_INIT;
	char			*id = NULL, *rel = NULL;
	int			 rc = CMD_FAIL;

	if ((st = cmd_store(ctx)) == NULL)
		return CMD_FAIL;
	memset(&in, 0, sizeof in);
	in.title = opt_get(ov, "title");
	in.owner = opt_get(ov, "owner");
	in.due = opt_get(ov, "due");
	in.raised = opt_get(ov, "raised");
	in.raised_by = opt_get(ov, "raised-by");
	in.ward_owner = opt_get(ov, "ward-owner");
	in.priority = opt_get(ov, "priority");
	in.description = opt_get(ov, "description");
	in.action = opt_get(ov, "action");
	in.by = opt_get(ov, "owner");
	if (opt_has(ov, "from")) {
		/* the record the issue came from, of any kind */
		if (cmd_find_record(&ref, st, NULL, opt_get(ov, "from")) !=
		    CMD_OK)
			return CMD_FAIL;
		in.raised_in = ref.id;
		if (strcmp(schema_kind(ref.kind), "meeting") == 0)
			in.meeting = ref.id;
	}
	if (in.due != NULL && in.raised != NULL && strcmp(in.due,
	    in.raised) < 0) {
		rc = cmd_error(_("no issue created: due %s is before the issue "
		    "was raised (%s)"), in.due, in.raised);
		goto done;
	}
	if (issue_create(&id, &rel, st, &in, &d) != 0) {
		cmd_print_diags(stderr, &d);
		rc = cmd_error(_("no issue created: %s"), error_last());
		goto done;
	}
	printf("%s\n", id);
	fprintf(stderr, "%s/%s\n", store_root(st), rel);
	rc = CMD_OK;
done:
	free(id);
	free(rel);
	free(ref.id);
	free(ref.relpath);
	diags_free(&d);
	return rc;
}

static int
update_edit(struct record *r, void *arg)
{
	return issue_update(r->doc, record_root(r), arg);
}

static int
issue_update_cmd(struct cmd_ctx *ctx, struct optv *ov)
{
	struct issue_change	c;

	memset(&c, 0, sizeof c);
	c.status = opt_get(ov, "status");
	c.due = opt_get(ov, "due");
	c.owner = opt_get(ov, "owner");
	c.action = opt_get(ov, "action");
	c.title = opt_get(ov, "title");
	c.note = opt_get(ov, "note");
	c.date = opt_get(ov, "date");
	c.by = opt_get(ov, "by");
	if (c.status != NULL && strcmp(c.status, "closed") == 0 &&
	    (c.note == NULL || *c.note == '\0'))
		return opt_bad_usage(ov->entry, ov->sub, _("closing an issue "
		    "needs a completion note: --note 'what was done'"));
	return cmd_edit_record(NULL, ctx, "issue", ov->argv[0], update_edit,
	    &c);
}

static int
issue_close(struct cmd_ctx *ctx, struct optv *ov)
{
	struct issue_change	c;

	memset(&c, 0, sizeof c);
	c.status = "closed";
	c.note = opt_get(ov, "note");
	c.date = opt_get(ov, "date");
	c.by = opt_get(ov, "by");
	if (c.note == NULL || *c.note == '\0')
		return opt_bad_usage(ov->entry, ov->sub, _("closing an issue "
		    "needs a completion note: --note 'what was done'"));
	return cmd_edit_record(NULL, ctx, "issue", ov->argv[0], update_edit,
	    &c);
}

static const struct listing_col list_cols[] = {
	{ "id", "ID", 0, 0 },
	{ "no", "No.", 0, 0 },
	{ "raised", N_("Raised"), 0, 0 },
	{ "title", N_("Issue"), 0, 0 },
	{ "owner", N_("Owner"), 0, 0 },
	{ "due", N_("Due"), 0, 0 },
	{ "status", N_("Status"), 0, 0 },
	{ "closed", N_("Closed on"), 0, 0 },
	{ "overdue", N_("Overdue"), 0, 0 },
};

static int
issue_list(struct cmd_ctx *ctx, struct optv *ov)
{
	const struct schema	*kind;
	struct store		*st;
	struct reclist		 refs = RECLIST_INIT;
	struct record		*r;
	struct listing		*l = NULL;
	const struct node	*root, *conf, *ms;
	struct cal_date		 today = cal_today();
	const char		*cells[9], *owner, *who = opt_get(ov, "owner");
	size_t			 i, k;
	int			 rc = CMD_OK, over;

	if ((st = cmd_store(ctx)) == NULL)
		return CMD_FAIL;
	if (store_kind(&kind, st, "issue") != 0 ||
	    store_config(&conf, st) != 0 ||
	    store_scan(&refs, st, kind, (int)opt_num(ov, "fy", 0), NULL) != 0)
		return cmd_lib_error();
	ms = node_get(conf, "members");
	if ((l = listing_new(list_cols, 9)) == NULL) {
		rc = cmd_error(_("out of memory"));
		goto done;
	}
	for (i = 0; i < refs.n; i++) {
		if (record_load(&r, st, &refs.v[i], NULL) != 0) {
			rc = cmd_error(_("cannot read %s: %s"),
			    refs.v[i].relpath, error_last());
			continue;
		}
		root = record_root(r);
		over = issue_overdue(root, issue_is_open(root), today);
		owner = node_get_str(root, "owner");
		if ((opt_has(ov, "open") && !issue_is_open(root)) ||
		    (opt_has(ov, "overdue") && !over) ||
		    (who != NULL && (owner == NULL || strcmp(owner, who) !=
		    0))) {
			record_free(r);
			continue;
		}
		for (k = 0; owner != NULL && ms != NULL &&
		    ms->kind == NODE_SEQ && k < ms->n; k++)
			if (node_scalar_eq(node_get(ms->u.items[k], "id"),
			    owner)) {
				owner = node_get_str(ms->u.items[k], "name");
				break;
			}
		cells[0] = record_id(r);
		cells[1] = node_get_str(root, "ref_no");
		cells[2] = node_get_str(root, "raised");
		cells[3] = node_get_str(root, "title");
		cells[4] = owner;
		cells[5] = node_get_str(root, "due");
		cells[6] = schema_label(kind, "status", node_get_str(root,
		    "status"));
		cells[7] = node_get_str(root, "closed");
		cells[8] = over ? _("overdue") : "";
		if (listing_row(l, cells) != 0)
			rc = cmd_lib_error();
		record_free(r);
	}
	listing_sort(l, 2, 1);
	if (listing_print_out(l, opt_get(ov, "format"), opt_has(ov, "crlf"),
	    opt_get(ov, "output")) != CMD_OK)
		rc = CMD_FAIL;
done:
	listing_free(l);
	reclist_free(&refs);
	return rc;
}

static int
issue_export(struct cmd_ctx *ctx, struct optv *ov)
{
	struct store		*st;
	struct issue_table	 t;
	struct cal_date		 as_of = cal_today();
	char			 era[CAL_FMT_MAX], name[128], *path = NULL;
	char			 hday[CAL_FMT_MAX];
	int			 rc, ok;

	if (strcmp(ov->argv[0], "table") != 0)
		return opt_bad_usage(ov->entry, ov->sub, _("no document '%s':"
		    " table"), ov->argv[0]);
	if ((st = cmd_store(ctx)) == NULL)
		return CMD_FAIL;
	opt_date(ov, "as-of", &as_of);
	if (issue_table_build(&t, st, (int)opt_num(ov, "fy", 0), as_of,
	    opt_has(ov, "open")) != 0)
		return cmd_lib_error();
	/* as of the contract's end, as the 作業実施報告書's attachment */
	if ((t.fy == 0 || t.fy == cal_fy(as_of)) &&
	    report_handover_day(hday, st, as_of))
		t.handover = hday;
	cal_format_era(era, sizeof era, as_of, CAL_ERA_LONG);
	snprintf(name, sizeof name, "課題管理表_%s.xlsx", era);
	if ((rc = cmd_export_path(&path, opt_get(ov, "o"), name, 0)) !=
	    CMD_OK || (rc = cmd_export_begin()) != CMD_OK)
		goto done;
	ok = issue_table_write_xlsx(&t, path) == 0;
	if (!ok)
		cmd_lib_error();
	else
		cmd_export_note(path);
	rc = cmd_export_end(ok);
done:
	free(path);
	issue_table_free(&t);
	return rc;
}

static const struct opt add_opts[] = {
	{ "title", 0, OPT_TEXT, OPT_REQUIRED, NULL, NULL, 0, 0,
	  "the issue (課題)" },
	{ "owner", 0, OPT_MEMBER, OPT_REQUIRED, NULL, NULL, 0, 0,
	  "the team member in charge" },
	{ "due", 0, OPT_DATE, 0, NULL, NULL, 0, 0, "the due date" },
	{ "raised", 0, OPT_DATE, 0, NULL, NULL, 0, 0,
	  "the day it was raised (default today)" },
	{ "from", 0, OPT_ID, 0, NULL, NULL, 0, 0,
	  "the record it came from (a meeting, a review ...)" },
	{ "raised-by", 0, OPT_TEXT, 0, "TEXT", NULL, 0, 0,
	  "who raised it, when no record says (所管課, 定例会)" },
	{ "ward-owner", 0, OPT_ORG, 0, NULL, NULL, 0, 0,
	  "the ward's 課 in charge" },
	{ "priority", 0, OPT_ENUM, 0, "LEVEL", "issue:priority", 0, 0,
	  "high, medium or low" },
	{ "description", 0, OPT_TEXT, 0, NULL, NULL, 0, 0, "what it is" },
	{ "action", 0, OPT_TEXT, 0, NULL, NULL, 0, 0, "what will be done" },
	OPT_END
};

static const struct opt update_opts[] = {
	{ "note", 0, OPT_TEXT, 0, NULL, NULL, 0, 0,
	  "what happened (kept in the history)" },
	{ "status", 0, OPT_ENUM, 0, "STATUS", "issue:status", 0, 0,
	  "open, in-progress or closed" },
	{ "due", 0, OPT_DATE, 0, NULL, NULL, 0, 0, "a new due date" },
	{ "owner", 0, OPT_MEMBER, 0, NULL, NULL, 0, 0, "a new owner" },
	{ "action", 0, OPT_TEXT, 0, NULL, NULL, 0, 0, "the plan (対応方針)" },
	{ "title", 0, OPT_TEXT, 0, NULL, NULL, 0, 0, "a new title" },
	{ "date", 0, OPT_DATE, 0, NULL, NULL, 0, 0,
	  "the day of the update (default today)" },
	{ "by", 0, OPT_MEMBER, 0, NULL, NULL, 0, 0, "who updates" },
	OPT_END
};

static const struct opt close_opts[] = {
	{ "note", 0, OPT_TEXT, 0, NULL, NULL, 0, 0,
	  "the completion note: what was done (required)" },
	{ "date", 0, OPT_DATE, 0, NULL, NULL, 0, 0,
	  "the completion day (default today)" },
	{ "by", 0, OPT_MEMBER, 0, NULL, NULL, 0, 0, "who closes it" },
	OPT_END
};

static const struct opt list_opts[] = {
	{ "fy", 0, OPT_FY, 0, NULL, NULL, 0, 0, "one fiscal year only" },
	{ "open", 0, OPT_FLAG, 0, NULL, NULL, 0, 0, "not closed" },
	{ "overdue", 0, OPT_FLAG, 0, NULL, NULL, 0, 0,
	  "open and past the due date" },
	{ "owner", 0, OPT_MEMBER, 0, NULL, NULL, 0, 0, "one owner's only" },
	{ "format", 0, OPT_CHOICE, 0, "table|csv|json", "table|csv|json", 0, 0,
	  "output format (default table)" },
	LISTING_OPT_CRLF,
	LISTING_OPT_OUTPUT,
	OPT_END
};

static const struct opt export_opts[] = {
	{ "fy", 0, OPT_FY, 0, NULL, NULL, 0, 0,
	  "the year's issues and older open ones (default all)" },
	{ "open", 0, OPT_FLAG, 0, NULL, NULL, 0, 0, "open issues only" },
	{ "as-of", 0, OPT_DATE, 0, NULL, NULL, 0, 0,
	  "the date of the table (default today)" },
	{ "o", 'o', OPT_PATH, 0, NULL, NULL, 0, 0,
	  "the file, or a folder (ending in /)" },
	OPT_ZIP_OPTS,
	OPT_END
};

static const struct subcmd issue_subs[] = {
	{ "add", issue_add, add_opts, NULL, 0, 0, NULL, "raise an issue" },
	{ "update", issue_update_cmd, update_opts, "ID", 1, 1, NULL,
	  "record progress or a change (kept in the history)" },
	{ "close", issue_close, close_opts, "ID", 1, 1,
	  "ID --note TEXT [--date DATE] [--by MEMBER]",
	  "close an issue with its completion note" },
	{ "list", issue_list, list_opts, NULL, 0, 0, NULL, "list issues" },
	{ "export", issue_export, export_opts, "WHAT", 1, 1,
	  "table [--fy FY] [--open] [--as-of DATE] [-o PATH]"
	  " [--zip FILE] [--password-file FILE]",
	  "write the 課題管理表 (.xlsx)" },
	SUBCMD_END
};

const struct cmd_entry cmd_issue_entry = {
	.name = "issue",
	.desc = "the issue table (課題管理表)",
	.help =
	    "Every update is kept in the issue's history.  An issue is closed\n"
	    "only with a completion note.  Action items of meeting minutes\n"
	    "become issues by themselves (nerima-cio-meeting(1)).\n",
	.subs = issue_subs,
	.kind = "issue",
};
