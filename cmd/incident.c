/*
 * nerima-cio incident: security incidents (事故等, 3(2)オ) -- open a
 * record, log what happens in time order, walk the isolation and recovery
 * criteria, see which reports are due, review the division's
 * recurrence-prevention measures, and export the documents.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "cal.h"
#include "cmd.h"
#include "i18n.h"
#include "incident.h"
#include "listing.h"
#include "opt.h"
#include "prompt.h"
#include "record.h"
#include "store.h"
#include "table.h"

/* The data directory, the incident schema and the module's context. */
struct inc {
	struct cmd_ctx		*ctx;
	struct store		*st;
	const struct schema	*kind;
	struct incident_ctx	*ictx;
};

static int
inc_open(struct inc *c, struct cmd_ctx *ctx)
{
	memset(c, 0, sizeof *c);
	c->ctx = ctx;
	if ((c->st = cmd_store(ctx)) == NULL)
		return CMD_FAIL;
	if (incident_ctx_new(&c->ictx, c->st) != 0)
		return cmd_lib_error();
	c->kind = incident_ctx_kind(c->ictx);
	return CMD_OK;
}

static void
inc_close(struct inc *c)
{
	incident_ctx_free(c->ictx);
	c->ictx = NULL;
}

static const char *
label(const struct inc *c, const char *path, const char *v)
{
	const char	*l;

	if (v == NULL)
		return "";
	l = schema_label(c->kind, path, v);
	return l != NULL ? l : v;
}

/* "企画部 情報政策課" for an org code. */
static void
org_name(struct buf *b, struct store *st, const char *code)
{
	const char	*name = NULL, *dept = NULL;

	buf_reset(b);
	if (code == NULL)
		return;
	if (store_org(&name, &dept, st, code) != 0) {
		error_clear();
		buf_puts(b, code);
		return;
	}
	if (dept != NULL)
		buf_printf(b, "%s ", dept);
	buf_puts(b, name);
}

/* "2026-06-10 14:05" from a stored time. */
static const char *
when(char out[32], const char *at)
{
	if (at == NULL)
		return "";
	snprintf(out, 32, "%.10s %.5s", at, strlen(at) >= 16 ? at + 11 : "");
	return out;
}

/* Set a dotted field ("privacy.people") of a new record. */
static int
set_path(struct ydoc *doc, struct node *root, const char *path,
    const char *v)
{
	const char	*dot = strchr(path, '.');
	struct node	*m;
	char		 head[64];

	if (dot == NULL)
		return node_map_set_str(doc, root, path, v);
	snprintf(head, sizeof head, "%.*s", (int)(dot - path), path);
	if ((m = node_get(root, head)) == NULL || m->kind != NODE_MAP) {
		if ((m = node_map(doc)) == NULL ||
		    node_map_set(doc, root, head, m) != 0)
			return NC_ENOMEM;
	}
	return node_map_set_str(doc, m, dot + 1, v);
}

static const char *
get_path(const struct node *root, const char *path)
{
	const char	*dot = strchr(path, '.');
	char		 head[64];

	if (dot == NULL)
		return node_get_str(root, path);
	snprintf(head, sizeof head, "%.*s", (int)(dot - path), path);
	return node_get_str(node_get(root, head), dot + 1);
}

/* --- add -------------------------------------------------------------- */

/* Options of add that fill one field each; yes|no ones are booleans. */
static const struct {
	const char	*opt;
	const char	*field;
} add_fields[] = {
	{ "title", "title" },
	{ "org", "org" },
	{ "occurred", "occurred" },
	{ "discovered", "discovered" },
	{ "reported", "reported" },
	{ "category", "category" },
	{ "severity", "severity" },
	{ "ref-no", "ref_no" },
	{ "system", "system" },
	{ "affected", "affected" },
	{ "contractor", "contractor" },
	{ "description", "description" },
	{ "response", "response" },
	{ "personal-info", "personal_info" },
	{ "my-number", "my_number" },
	{ "known", "privacy.known" },
	{ "items", "privacy.items" },
	{ "people", "privacy.people" },
	{ "sensitive", "privacy.sensitive" },
	{ "ordinance", "privacy.ordinance" },
	{ "financial", "privacy.financial" },
	{ "wrongful", "privacy.wrongful" },
	{ "exposed", "privacy.exposed" },
	{ "number-system", "privacy.number_system" },
};

static const struct opt add_opts[] = {
	{ "title", 0, OPT_TEXT, 0, NULL, NULL, 0, 0, "title of the incident" },
	{ "org", 0, OPT_ORG, 0, NULL, NULL, 0, 0,
	  "the division where it happened (code or name)" },
	{ "occurred", 0, OPT_DATE, 0, NULL, NULL, 0, 0, "the day it happened" },
	{ "discovered", 0, OPT_DATE, 0, NULL, NULL, 0, 0, "the day it was discovered" },
	{ "reported", 0, OPT_DATE, 0, NULL, NULL, 0, 0, "the day the report was received" },
	{ "category", 0, OPT_ENUM, 0, "CATEGORY", "incident:category", 0, 0,
	  "malware, attack, loss, misdelivery, leak, outage ..." },
	{ "severity", 0, OPT_ENUM, 0, "LEVEL", "incident:severity", 0, 0,
	  "critical, high, medium, low" },
	{ "ref-no", 0, OPT_TEXT, 0, NULL, NULL, 0, 0, "the ward's reference number" },
	{ "system", 0, OPT_TEXT, 0, NULL, NULL, 0, 0, "the system involved" },
	{ "affected", 0, OPT_TEXT, 0, NULL, NULL, 0, 0, "the extent of the impact" },
	{ "contractor", 0, OPT_TEXT, 0, NULL, NULL, 0, 0,
	  "the contractor involved" },
	{ "description", 0, OPT_TEXT, 0, NULL, NULL, 0, 0,
	  "what happened, in a few sentences" },
	{ "response", 0, OPT_TEXT, 0, NULL, NULL, 0, 0, "the first response" },
	{ "personal-info", 0, OPT_CHOICE, 0, "yes|no", "yes|no", 0, 0,
	  "personal information involved" },
	{ "my-number", 0, OPT_CHOICE, 0, "yes|no", "yes|no", 0, 0,
	  "My Number data involved" },
	{ "known", 0, OPT_DATE, 0, NULL, NULL, 0, 0,
	  "the day the ward knew of the leak (default: discovered)" },
	{ "items", 0, OPT_TEXT, 0, NULL, NULL, 0, 0,
	  "the items of information (name, address ...)" },
	{ "people", 0, OPT_INT, 0, NULL, NULL, 0, 999999999,
	  "the number of people concerned" },
	{ "sensitive", 0, OPT_CHOICE, 0, "yes|no", "yes|no", 0, 0,
	  "sensitive personal information involved" },
	{ "ordinance", 0, OPT_CHOICE, 0, "yes|no", "yes|no", 0, 0,
	  "information sensitive under the ordinance involved" },
	{ "financial", 0, OPT_CHOICE, 0, "yes|no", "yes|no", 0, 0,
	  "financial harm possible" },
	{ "wrongful", 0, OPT_CHOICE, 0, "yes|no", "yes|no", 0, 0,
	  "done for a wrongful purpose, possibly" },
	{ "exposed", 0, OPT_CHOICE, 0, "yes|no", "yes|no", 0, 0,
	  "open to anyone to see, possibly" },
	{ "number-system", 0, OPT_CHOICE, 0, "yes|no", "yes|no", 0, 0,
	  "held in a My Number system (reportable whatever the number)" },
	{ "member", 0, OPT_MEMBER, OPT_REPEAT, NULL, NULL, 0, 0,
	  "a team member handling it" },
	{ "no-input", 0, OPT_FLAG, 0, NULL, NULL, 0, 0,
	  "do not ask at a terminal" },
	OPT_END
};

/* Ask for one field unless it has a value; PROMPT_CANCEL on Ctrl-D. */
static int
ask_field(struct inc *c, struct ydoc *doc, const char *field,
    const char *def, int required)
{
	char	*v = NULL;
	int	 rc;

	if (get_path(ydoc_root(doc), field) != NULL)
		return 0;
	if ((rc = prompt_prop(&v, c->st, schema_at(c->kind, field), def,
	    required)) != 0)
		return rc;
	if (v != NULL && set_path(doc, ydoc_root(doc), field, v) != 0)
		rc = PROMPT_CANCEL;
	free(v);
	return rc;
}

static int
ask_add(struct inc *c, struct ydoc *doc)
{
	static const char *const privacy[] = { "my_number",
	    "privacy.number_system", "privacy.people", "privacy.sensitive",
	    "privacy.financial", "privacy.wrongful", NULL };
	const char	*occ;
	char		 today[CAL_FMT_MAX];
	size_t		 i;

	cal_format_iso(today, sizeof today, cal_today());
	if (ask_field(c, doc, "title", NULL, 1) ||
	    ask_field(c, doc, "org", NULL, 1) ||
	    ask_field(c, doc, "occurred", today, 1))
		return PROMPT_CANCEL;
	occ = node_get_str(ydoc_root(doc), "occurred");
	if (ask_field(c, doc, "discovered", occ, 0) ||
	    ask_field(c, doc, "category", NULL, 1) ||
	    ask_field(c, doc, "severity", NULL, 0) ||
	    ask_field(c, doc, "description", NULL, 0) ||
	    ask_field(c, doc, "personal_info", "false", 0))
		return PROMPT_CANCEL;
	if (!node_scalar_eq(node_get(ydoc_root(doc), "personal_info"), "true"))
		return 0;
	for (i = 0; privacy[i] != NULL; i++) {
		/* a My Number system only where My Number data is */
		if (strcmp(privacy[i], "privacy.number_system") == 0 &&
		    !node_scalar_eq(node_get(ydoc_root(doc), "my_number"),
		    "true"))
			continue;
		if (ask_field(c, doc, privacy[i], NULL, 0))
			return PROMPT_CANCEL;
	}
	return 0;
}

static int
incident_add(struct cmd_ctx *ctx, struct optv *ov)
{
	struct inc	 c;
	struct ydoc	*doc = NULL;
	struct node	*root, *seq;
	struct diags	 d = DIAGS_INIT;
	const char	*v;
	char		*id = NULL, *rel = NULL;
	size_t		 i;
	int		 rc = CMD_FAIL;

	if (inc_open(&c, ctx) != CMD_OK)
		return CMD_FAIL;
	if ((doc = ydoc_new()) == NULL || (root = node_map(doc)) == NULL) {
		cmd_error(_("out of memory"));
		goto done;
	}
	ydoc_set_root(doc, root);
	for (i = 0; i < sizeof add_fields / sizeof add_fields[0]; i++) {
		if ((v = opt_get(ov, add_fields[i].opt)) == NULL)
			continue;
		if (strcmp(v, "yes") == 0)
			v = "true";
		else if (strcmp(v, "no") == 0)
			v = "false";
		if (set_path(doc, root, add_fields[i].field, v) != 0) {
			cmd_error(_("out of memory"));
			goto done;
		}
	}
	if (opt_count(ov, "member") > 0) {
		if ((seq = node_seq(doc)) == NULL ||
		    node_map_set(doc, root, "members", seq) != 0)
			goto done;
		for (i = 0; i < opt_count(ov, "member"); i++)
			if (node_seq_push(doc, seq, node_str(doc,
			    opt_at(ov, "member", i))) != 0)
				goto done;
	}
	if (!opt_has(ov, "no-input") && prompt_interactive() &&
	    ask_add(&c, doc) != 0) {
		rc = prompt_cancelled();
		goto done;
	}
	if (incident_timeline_check(root) != 0) {
		cmd_error(_("no incident created: %s"), error_last());
		goto done;
	}
	if (record_create(&id, &rel, c.st, c.kind, doc, &d) != 0) {
		cmd_print_diags(stderr, &d);
		cmd_error(_("no incident created: %s"), error_last());
		goto done;
	}
	printf("%s\n", id);
	fprintf(stderr, "%s/%s\n", store_root(c.st), rel);
	rc = CMD_OK;
done:
	free(id);
	free(rel);
	diags_free(&d);
	ydoc_free(doc);
	inc_close(&c);
	return rc;
}

/* --- log ------------------------------------------------------------------ */

static const struct opt log_opts[] = {
	{ "type", 0, OPT_ENUM, 0, "TYPE", "incident:timeline.type", 0, 0,
	  "detection, report, containment, isolation, eradication, recovery,"
	  " notification, decision or note" },
	{ "text", 0, OPT_TEXT, 0, NULL, NULL, 0, 0, "what happened" },
	{ "at", 0, OPT_DATETIME, 0, NULL, NULL, 0, 0,
	  "when (\"2026-06-10 14:05\"; default now)" },
	{ "report", 0, OPT_TEXT, 0, "REF", NULL, 0, 0,
	  "the reporting obligation this entry meets (ppc-prompt ...)" },
	{ "status", 0, OPT_ENUM, 0, "STATUS", "incident:status", 0, 0,
	  "change the status (logged with the time)" },
	{ "severity", 0, OPT_ENUM, 0, "LEVEL", "incident:severity", 0, 0,
	  "change the severity (logged with the time)" },
	{ "correct", 0, OPT_INT, 0, "SEQ", NULL, 1, 999999,
	  "correct the time of entry SEQ to --at (the old time is kept)" },
	{ "reason", 0, OPT_TEXT, 0, NULL, NULL, 0, 0,
	  "why the time is corrected" },
	{ "by", 0, OPT_MEMBER, 0, NULL, NULL, 0, 0, "who logs it" },
	OPT_END
};

struct log_arg {
	struct inc		*c;
	struct optv		*ov;
	char			 now[32];
	long			 seq;
	int			 changed;
};

/* A reporting obligation named by --report must be one of the rules'. */
static int
check_report(struct inc *c, const struct node *root, const char *ref)
{
	struct incident_obligations	 ob;
	const struct node		*reps;
	struct buf			 b = BUF_INIT;
	const char			*r;
	size_t				 i;
	int				 rc, found = 0;

	if ((rc = incident_obligations(&ob, c->ictx, root)) != 0)
		return rc;
	reps = ob.catalog != NULL ? node_get(record_root(ob.catalog),
	    "reports") : NULL;
	for (i = 0; reps != NULL && reps->kind == NODE_SEQ && i < reps->n;
	    i++) {
		r = node_get_str(reps->u.items[i], "ref");
		if (r == NULL)
			continue;
		buf_printf(&b, "%s%s", b.len > 0 ? ", " : "", r);
		found |= strcmp(r, ref) == 0;
	}
	incident_obligations_free(&ob);
	if (!found && reps != NULL)
		rc = error_set(NC_EINVALID, _("--report %s: the reporting rules "
		    "have no report '%s' (timeline.report): %s"), ref, ref,
		    b.data != NULL ? b.data : "");
	buf_free(&b);
	return rc;
}

static int
log_edit(struct record *r, void *arg)
{
	struct log_arg			*a = arg;
	struct optv			*ov = a->ov;
	struct node			*root = record_root(r);
	struct incident_entry_in	 in;
	int				 rc, ch;

	a->changed = 0;
	if (opt_has(ov, "correct")) {
		if ((rc = incident_correct(r->doc, root, (long)opt_num(ov,
		    "correct", 0), opt_get(ov, "at"), opt_get(ov, "reason"),
		    opt_get(ov, "by"), a->now)) != 0)
			return rc;
		a->seq = (long)opt_num(ov, "correct", 0);
		a->changed = 1;
	} else if (opt_has(ov, "type") || opt_has(ov, "text")) {
		memset(&in, 0, sizeof in);
		in.type = opt_has(ov, "type") ? opt_get(ov, "type") : "note";
		in.text = opt_get(ov, "text");
		in.at = opt_has(ov, "at") ? opt_get(ov, "at") : a->now;
		in.by = opt_get(ov, "by");
		in.report = opt_get(ov, "report");
		if (in.report != NULL &&
		    (rc = check_report(a->c, root, in.report)) != 0)
			return rc;
		if ((rc = incident_log(r->doc, root, &in, a->now,
		    &a->seq)) != 0)
			return rc;
		a->changed = 1;
	}
	if (opt_has(ov, "status")) {
		if ((rc = incident_set(r->doc, root, a->c->kind, "status",
		    opt_get(ov, "status"), opt_get(ov, "by"), a->now,
		    &ch)) != 0)
			return rc;
		a->changed |= ch;
	}
	if (opt_has(ov, "severity")) {
		if ((rc = incident_set(r->doc, root, a->c->kind, "severity",
		    opt_get(ov, "severity"), opt_get(ov, "by"), a->now,
		    &ch)) != 0)
			return rc;
		a->changed |= ch;
	}
	return a->changed ? 0 : RECORD_EDIT_NOCHANGE;
}

static int
incident_logcmd(struct cmd_ctx *ctx, struct optv *ov)
{
	static const char *const user_types[] = { "detection", "report",
	    "containment", "isolation", "eradication", "recovery",
	    "notification", "decision", "note", NULL };
	struct inc	 c;
	struct log_arg	 a;
	const char	*type = opt_get(ov, "type");
	size_t		 i;
	int		 rc;

	if (opt_has(ov, "correct") && (opt_has(ov, "type") ||
	    opt_has(ov, "text") || opt_has(ov, "report")))
		return opt_bad_usage(ov->entry, ov->sub, _("--correct changes "
		    "the time of an entry; it takes --at and --reason, not "
		    "--type, --text or --report"));
	if (opt_has(ov, "correct") && !opt_has(ov, "at"))
		return opt_bad_usage(ov->entry, ov->sub, _("--correct needs "
		    "--at, the right time"));
	if (opt_has(ov, "reason") && !opt_has(ov, "correct"))
		return opt_bad_usage(ov->entry, ov->sub, _("--reason goes with"
		    " --correct"));
	if (opt_has(ov, "type") && !opt_has(ov, "text"))
		return opt_bad_usage(ov->entry, ov->sub, _("--type needs "
		    "--text, what happened"));
	if (opt_has(ov, "report") && !opt_has(ov, "text"))
		return opt_bad_usage(ov->entry, ov->sub, _("--report needs "
		    "--text, what was reported"));
	if (!opt_has(ov, "correct") && !opt_has(ov, "text") &&
	    !opt_has(ov, "status") && !opt_has(ov, "severity"))
		return opt_bad_usage(ov->entry, ov->sub, _("nothing to log: "
		    "give --type and --text, --status, --severity, or "
		    "--correct SEQ --at TIME"));
	for (i = 0; type != NULL && user_types[i] != NULL; i++)
		if (strcmp(type, user_types[i]) == 0)
			break;
	if (type != NULL && user_types[i] == NULL)
		return opt_bad_usage(ov->entry, ov->sub, _("--type %s: entries"
		    " of this type are written by the tool (status changes "
		    "with --status; triage and recover run the criteria)"),
		    type);
	if (inc_open(&c, ctx) != CMD_OK)
		return CMD_FAIL;
	memset(&a, 0, sizeof a);
	a.c = &c;
	a.ov = ov;
	incident_now(a.now);
	rc = cmd_edit_record(NULL, ctx, "incident", ov->argv[0], log_edit, &a);
	if (rc == CMD_OK && a.seq > 0)
		printf("%ld\n", a.seq);
	inc_close(&c);
	return rc;
}

/* --- show -------------------------------------------------------------- */

static void
print_facts(struct inc *c, const struct node *root)
{
	const struct node	*pv = node_get(root, "privacy");
	static const char *const flags[] = { "sensitive", "ordinance",
	    "financial", "wrongful", "exposed", "number_system", NULL };
	const char		*v;
	char			 path[64];
	size_t			 i;
	int			 first = 1;

	printf("%s: %s", schema_ui_title(schema_prop(c->kind, "personal_info")),
	    node_scalar_eq(node_get(root, "personal_info"), "true") ? _("yes") :
	    node_get(root, "personal_info") != NULL ? _("no") : _("not checked"));
	printf(_("  %s: %s\n"), schema_ui_title(schema_prop(c->kind,
	    "my_number")),
	    node_scalar_eq(node_get(root, "my_number"), "true") ? _("yes") :
	    node_get(root, "my_number") != NULL ? _("no") : _("not checked"));
	if (pv == NULL)
		return;
	printf("  ");
	if ((v = node_get_str(pv, "people")) != NULL) {
		long	n = strtol(v, NULL, 10);

		if (n >= 1000)
			printf(_("people concerned %ld,%03ld"), n / 1000,
			    n % 1000);
		else
			printf(_("people concerned %ld"), n);
		first = 0;
	}
	for (i = 0; flags[i] != NULL; i++) {
		if (!node_scalar_eq(node_get(pv, flags[i]), "true"))
			continue;
		snprintf(path, sizeof path, "privacy.%s", flags[i]);
		printf("%s%s", first ? "" : _(", "),
		    schema_ui_title(schema_at(c->kind, path)));
		first = 0;
	}
	if ((v = node_get_str(pv, "items")) != NULL)
		printf(_("%sitems: %s"), first ? "" : _("; "), v);
	if ((v = node_get_str(pv, "known")) != NULL)
		printf(_("; known on %s"), v);
	printf("\n");
}

static int
print_obligations(struct inc *c, const struct node *root, int all)
{
	struct incident_obligations	 ob;
	struct cal_date			 today = cal_today();
	char				 day[CAL_FMT_MAX], t[32];
	long				 left;
	size_t				 i;
	const struct incident_obligation *o;

	if (incident_obligations(&ob, c->ictx, root) != 0)
		return cmd_lib_error();
	if (ob.catalog == NULL) {
		printf(_("\nreports due: no reporting criteria (catalog kind "
		    "%s)\n"),
		    INCIDENT_REPORTING);
		return CMD_OK;
	}
	printf(_("\nreports due (%s, version %s):\n"),
	    record_field(ob.catalog, "title"),
	    record_field(ob.catalog, "version") != NULL ?
	    record_field(ob.catalog, "version") : "1");
	for (i = 0; i < ob.n; i++) {
		o = &ob.v[i];
		if (!all && o->done_seq != 0)
			continue;
		cal_format_iso(day, sizeof day, o->due);
		left = cal_days(o->due) - cal_days(today);
		printf("  %s  %s %s [%s]  ", day, o->to, o->title, o->ref);
		if (o->done_seq != 0)
			printf(_("done (entry %ld, %s)\n"), o->done_seq,
			    when(t, o->done_at));
		else if (left < 0)
			printf(_("overdue (%ld days)\n"), -left);
		else if (left == 0)
			printf(_("due today\n"));
		else
			printf(_("open (%ld days left)\n"), left);
		printf(_("      because: %s\n      basis: %s\n"), o->why,
		    o->basis);
	}
	if (ob.n == 0)
		printf(_("  none\n"));
	incident_obligations_free(&ob);
	return CMD_OK;
}

static void
print_check(const struct node *chk)
{
	const struct node	*as = node_get(chk, "answers");
	const struct node	*fs = node_get(chk, "fired");
	size_t			 i;

	for (i = 0; as != NULL && as->kind == NODE_SEQ && i < as->n; i++)
		printf("        %s %s → %s\n",
		    node_get_str(as->u.items[i], "question"),
		    node_get_str(as->u.items[i], "text") != NULL ?
		    node_get_str(as->u.items[i], "text") : "",
		    node_get_str(as->u.items[i], "label") != NULL ?
		    node_get_str(as->u.items[i], "label") :
		    node_get_str(as->u.items[i], "answer"));
	if (fs != NULL && fs->kind == NODE_SEQ && fs->n > 0) {
		printf(_("        criteria met:"));
		for (i = 0; i < fs->n; i++)
			printf(_(" %s (%s)"), node_get_str(fs->u.items[i],
			    "rule"),
			    node_get_str(fs->u.items[i], "action"));
		printf("\n");
	}
}

static void
print_timeline(struct inc *c, const struct node *root)
{
	const struct node	*tl = node_get(root, "timeline"), *e, *cs;
	char			 t[32], t2[32];
	size_t			 i, k;

	printf(_("\ntimeline:\n"));
	if (tl == NULL || tl->kind != NODE_SEQ || tl->n == 0) {
		printf(_("  none\n"));
		return;
	}
	for (i = 0; i < tl->n; i++) {
		e = tl->u.items[i];
		printf("  %3s  %s  %s  %s\n", node_get_str(e, "seq"),
		    when(t, node_get_str(e, "at")),
		    label(c, "timeline.type", node_get_str(e, "type")),
		    node_get_str(e, "text"));
		if (node_get_str(e, "report") != NULL)
			printf(_("        report: %s\n"), node_get_str(e,
			    "report"));
		cs = node_get(e, "corrections");
		for (k = 0; cs != NULL && cs->kind == NODE_SEQ && k < cs->n;
		    k++)
			printf(_("        time corrected (was %s, corrected on "
			    "%s%s%s)\n"),
			    when(t, node_get_str(cs->u.items[k], "was")),
			    when(t2, node_get_str(cs->u.items[k],
			    "corrected")),
			    node_get_str(cs->u.items[k], "reason") != NULL ?
			    _(", reason: ") : "",
			    node_get_str(cs->u.items[k], "reason") != NULL ?
			    node_get_str(cs->u.items[k], "reason") : "");
		if (node_get(e, "check") != NULL)
			print_check(node_get(e, "check"));
	}
}

static void
print_measures(struct inc *c, const struct node *root)
{
	const struct node	*p = node_get(root, "prevention"), *m;
	const struct node	*items = incident_measures(root);
	size_t			 i;

	if (p == NULL)
		return;
	printf(_("\nprevention:\n"));
	if (node_get_str(p, "received") != NULL)
		printf(_("  report received: %s\n"), node_get_str(p,
		    "received"));
	if (node_get_str(p, "cause") != NULL)
		printf(_("  cause: %s\n"), node_get_str(p, "cause"));
	for (i = 0; items != NULL && i < items->n; i++) {
		m = items->u.items[i];
		printf("  %zu. [%s] %s\n", i + 1,
		    node_get_str(m, "rating") != NULL ? label(c,
		    "prevention.items.rating", node_get_str(m, "rating")) :
		    _("not checked"), node_get_str(m, "measure"));
		if (node_get_str(m, "reason") != NULL)
			printf(_("      reason: %s\n"), node_get_str(m,
			    "reason"));
		if (node_get_str(m, "proposal") != NULL)
			printf(_("      proposal: %s\n"), node_get_str(m,
			    "proposal"));
	}
	if (node_get_str(p, "comment") != NULL)
		printf(_("  advice: %s\n"), node_get_str(p, "comment"));
}

static int
show_record(struct inc *c, const struct node *root)
{
	const struct node	*iso = node_get(root, "isolation");
	struct buf		 b = BUF_INIT;
	static const char *const texts[] = { "system", "contractor",
	    "affected", "description", "response", "advice", NULL };
	size_t			 i;
	int			 rc;

	printf("%s  %s\n", node_get_str(root, "id"),
	    node_get_str(root, "title"));
	if (node_get_str(root, "ref_no") != NULL)
		printf(_("ref. no.: %s\n"), node_get_str(root, "ref_no"));
	org_name(&b, c->st, node_get_str(root, "org"));
	printf(_("division: %s\n"), b.data != NULL ? b.data : "");
	printf(_("category: %s  severity: %s  status: %s\n"),
	    label(c, "category", node_get_str(root, "category")),
	    node_get_str(root, "severity") != NULL ? label(c, "severity",
	    node_get_str(root, "severity")) : _("not set"),
	    label(c, "status", node_get_str(root, "status")));
	printf(_("occurred: %s  discovered: %s  reported: %s%s%s\n"),
	    node_get_str(root, "occurred"),
	    node_get_str(root, "discovered") != NULL ?
	    node_get_str(root, "discovered") : "-",
	    node_get_str(root, "reported") != NULL ?
	    node_get_str(root, "reported") : "-",
	    node_get_str(root, "closed") != NULL ? _("  closed: ") : "",
	    node_get_str(root, "closed") != NULL ?
	    node_get_str(root, "closed") : "");
	for (i = 0; texts[i] != NULL; i++)
		if (node_get_str(root, texts[i]) != NULL)
			printf("%s: %s\n", schema_ui_title(schema_prop(c->kind,
			    texts[i])), node_get_str(root, texts[i]));
	print_facts(c, root);
	if ((rc = print_obligations(c, root, 1)) != CMD_OK)
		goto done;
	print_timeline(c, root);
	if (iso != NULL) {
		printf(_("\nisolation decision: %s"),
		    label(c, "isolation.decision", node_get_str(iso,
		    "decision")));
		if (node_get_str(iso, "decided") != NULL)
			printf(_(" (%s)"), node_get_str(iso, "decided"));
		if (node_get_str(iso, "restored") != NULL)
			printf(_("; restored %s"), node_get_str(iso, "restored"));
		printf("\n");
		if (node_get_str(iso, "reason") != NULL)
			printf("  %s\n", node_get_str(iso, "reason"));
	}
	print_measures(c, root);
done:
	buf_free(&b);
	return rc;
}

static int
incident_show(struct cmd_ctx *ctx, struct optv *ov)
{
	struct inc	 c;
	struct recref	 ref = { NULL, NULL, NULL, 0 };
	struct record	*r = NULL;
	int		 rc;

	if (inc_open(&c, ctx) != CMD_OK)
		return CMD_FAIL;
	if ((rc = cmd_read_record(&r, ctx, "incident", ov->argv[0])) ==
	    CMD_OK)
		rc = show_record(&c, record_root(r));
	record_free(r);
	free(ref.id);
	free(ref.relpath);
	inc_close(&c);
	return rc;
}

/* --- list ------------------------------------------------------------- */

static const struct opt list_opts[] = {
	{ "fy", 0, OPT_FY, 0, NULL, NULL, 0, 0, "fiscal year (default: all)" },
	{ "open", 0, OPT_FLAG, 0, NULL, NULL, 0, 0,
	  "only incidents not closed" },
	{ "due", 0, OPT_FLAG, 0, NULL, NULL, 0, 0,
	  "the reports still due, by date" },
	LISTING_OPT_FORMAT,
	LISTING_OPT_CRLF,
	LISTING_OPT_OUTPUT,
	OPT_END
};

struct lrec {
	struct record	*r;
	const char	*occurred;
};

static int
lrec_cmp(const void *a, const void *b)
{
	const struct lrec	*x = a, *y = b;
	int			 c = strcmp(x->occurred, y->occurred);

	return c != 0 ? c : strcmp(record_id(x->r), record_id(y->r));
}

static int
load_incidents(struct lrec **out, size_t *nout, struct inc *c, int fy,
    int open_only)
{
	struct reclist	 l = RECLIST_INIT;
	struct diags	 d = DIAGS_INIT;
	struct record	*r;
	struct lrec	*v = NULL;
	const char	*s;
	size_t		 i, n = 0;
	int		 rc = CMD_OK;

	*out = NULL;
	*nout = 0;
	if (store_scan(&l, c->st, c->kind, fy, NULL) != 0)
		return cmd_lib_error();
	if (l.n > 0 && (v = calloc(l.n, sizeof *v)) == NULL) {
		reclist_free(&l);
		return cmd_error(_("out of memory"));
	}
	for (i = 0; i < l.n; i++) {
		if (record_load(&r, c->st, &l.v[i], &d) != 0) {
			cmd_print_diags(stderr, &d);
			rc = cmd_error(_("cannot read %s: %s"), l.v[i].relpath,
			    error_last());
			break;
		}
		s = record_field(r, "status");
		if (open_only && s != NULL && strcmp(s, "closed") == 0) {
			record_free(r);
			continue;
		}
		v[n].r = r;
		v[n].occurred = record_field(r, "occurred") != NULL ?
		    record_field(r, "occurred") : "";
		n++;
	}
	diags_free(&d);
	reclist_free(&l);
	if (n > 1)
		qsort(v, n, sizeof *v, lrec_cmp);
	*out = v;
	*nout = n;
	return rc;
}

static void
free_incidents(struct lrec *v, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++)
		record_free(v[i].r);
	free(v);
}

struct out {
	const char	*format;
	const char	*path;
	int		 crlf;
	int		 data;		/* csv, json: codes, plain numbers */
};

/* Reports still due, of every listed incident, by date. */
static int
list_due(struct inc *c, struct lrec *v, size_t n, const struct out *o)
{
	static const char *const keys[] = { "due", "days_left", "id",
	    "title", "report", "report_code" };
	struct duelist			 dl = DUELIST_INIT;
	struct incident_obligations	 ob;
	struct table			*t;
	struct buf			 what = BUF_INIT;
	struct cal_date			 today = cal_today();
	char				 day[CAL_FMT_MAX], left[32];
	const char			*row[6];
	long				 dd;
	size_t				 i, k;
	int				 rc = CMD_OK;

	for (i = 0; i < n && rc == CMD_OK; i++) {
		/* Closing an incident settled what it owed. */
		if (node_scalar_eq(node_get(record_root(v[i].r), "status"),
		    "closed"))
			continue;
		if (incident_obligations(&ob, c->ictx, record_root(v[i].r)) !=
		    0) {
			rc = cmd_lib_error();
			break;
		}
		for (k = 0; k < ob.n; k++) {
			if (ob.v[k].done_seq != 0)
				continue;
			buf_reset(&what);
			buf_printf(&what, "%s（%s）", ob.v[k].title,
			    ob.v[k].to);
			if (buf_ok(&what) != 0 || duelist_add(&dl, ob.v[k].due,
			    -1, -1, "incident", record_id(v[i].r),
			    record_field(v[i].r, "title"), what.data, NULL,
			    ob.v[k].ref, 0) != 0) {
				rc = cmd_lib_error();
				break;
			}
		}
		incident_obligations_free(&ob);
	}
	duelist_sort(&dl);
	if (rc == CMD_OK && (t = table_new(6)) != NULL) {
		for (i = 0; o->data && i < 6; i++)
			table_set_header(t, i, keys[i], i == 1);
		if (!o->data) {
			table_set_header(t, 0, _("Due"), 0);
			table_set_header(t, 1, _("Left"), 1);
			table_set_header(t, 2, "ID", 0);
			table_set_header(t, 3, _("Title"), 0);
			table_set_header(t, 4, _("Report"), 0);
			table_set_header(t, 5, _("Code"), 0);
		}
		for (i = 0; i < dl.n; i++) {
			cal_format_iso(day, sizeof day, dl.v[i].date);
			dd = cal_days(dl.v[i].date) - cal_days(today);
			if (o->data)
				snprintf(left, sizeof left, "%ld", dd);
			else if (dd < 0)
				snprintf(left, sizeof left,
				    _("%ld days overdue"), -dd);
			else
				snprintf(left, sizeof left, _("%ld days"), dd);
			row[0] = day;
			row[1] = left;
			row[2] = dl.v[i].id;
			row[3] = dl.v[i].title;
			row[4] = dl.v[i].what;
			row[5] = dl.v[i].basis;
			table_add_row(t, row);
		}
		if (dl.n == 0 && !o->data && o->path == NULL)
			fprintf(stderr, "%s\n", _("no reports due"));
		else
			rc = listing_table_out(t, keys, o->format, o->crlf,
			    o->path);
		table_free(t);
	} else if (rc == CMD_OK)
		rc = cmd_lib_error();
	duelist_free(&dl);
	buf_free(&what);
	return rc;
}

static int
incident_list(struct cmd_ctx *ctx, struct optv *ov)
{
	static const char *const keys[] = { "id", "ref_no", "occurred",
	    "org", "category", "severity", "title", "status" };
	struct inc	 c;
	struct lrec	*v = NULL;
	struct table	*t = NULL;
	struct buf	 org = BUF_INIT;
	struct out	 o;
	const struct node *root;
	const char	*row[8];
	size_t		 n = 0, i;
	int		 rc;

	o.path = opt_get(ov, "output");
	o.format = listing_format(opt_get(ov, "format"), o.path);
	o.crlf = opt_has(ov, "crlf");
	o.data = strcmp(o.format, "table") != 0;
	if (inc_open(&c, ctx) != CMD_OK)
		return CMD_FAIL;
	if ((rc = load_incidents(&v, &n, &c, (int)opt_num(ov, "fy", 0),
	    opt_has(ov, "open"))) != CMD_OK)
		goto done;
	if (opt_has(ov, "due")) {
		rc = list_due(&c, v, n, &o);
		goto done;
	}
	if ((t = table_new(8)) == NULL) {
		rc = cmd_lib_error();
		goto done;
	}
	for (i = 0; o.data && i < 8; i++)
		table_set_header(t, i, keys[i], 0);
	if (!o.data) {
		table_set_header(t, 0, "ID", 0);
		table_set_header(t, 1, _("Ref. no."), 0);
		table_set_header(t, 2, _("Occurred"), 0);
		table_set_header(t, 3, _("Occurred in"), 0);
		table_set_header(t, 4, _("Category"), 0);
		table_set_header(t, 5, _("Severity"), 0);
		table_set_header(t, 6, _("Title"), 0);
		table_set_header(t, 7, _("Status"), 0);
	}
	for (i = 0; i < n; i++) {
		root = record_root(v[i].r);
		org_name(&org, c.st, node_get_str(root, "org"));
		row[0] = record_id(v[i].r);
		row[1] = node_get_str(root, "ref_no");
		row[2] = node_get_str(root, "occurred");
		if (o.data) {
			row[3] = node_get_str(root, "org");
			row[4] = node_get_str(root, "category");
			row[5] = node_get_str(root, "severity");
			row[7] = node_get_str(root, "status");
		} else {
			row[3] = org.data;
			row[4] = label(&c, "category", node_get_str(root,
			    "category"));
			row[5] = label(&c, "severity", node_get_str(root,
			    "severity"));
			row[7] = label(&c, "status", node_get_str(root,
			    "status"));
		}
		row[6] = node_get_str(root, "title");
		if (table_add_row(t, row) != 0) {
			rc = cmd_lib_error();
			goto done;
		}
	}
	if (n == 0 && !o.data && o.path == NULL)
		fprintf(stderr, "%s\n", _("no incidents"));
	else
		rc = listing_table_out(t, keys, o.format, o.crlf, o.path);
done:
	table_free(t);
	buf_free(&org);
	free_incidents(v, n);
	inc_close(&c);
	return rc;
}

/* --- triage and recover ------------------------------------------------- */

static const struct opt triage_opts[] = {
	{ "answer", 0, OPT_TEXT, OPT_REPEAT, "KEY=VALUE", NULL, 0, 0,
	  "the answer to one question (for scripts; the rest are asked)" },
	{ "catalog", 0, OPT_ID, 0, NULL, NULL, 0, 0,
	  "the criteria catalog (default: the one in force)" },
	{ "at", 0, OPT_DATETIME, 0, NULL, NULL, 0, 0,
	  "when the check was made (default now)" },
	{ "by", 0, OPT_MEMBER, 0, NULL, NULL, 0, 0, "who made it" },
	{ "decide", 0, OPT_FLAG, 0, NULL, NULL, 0, 0,
	  "record the recommendation as the isolation decision" },
	{ "no-input", 0, OPT_FLAG, 0, NULL, NULL, 0, 0,
	  "do not ask at a terminal" },
	OPT_END
};

static const struct opt recover_opts[] = {
	{ "answer", 0, OPT_TEXT, OPT_REPEAT, "KEY=VALUE", NULL, 0, 0,
	  "the answer to one question (for scripts; the rest are asked)" },
	{ "catalog", 0, OPT_ID, 0, NULL, NULL, 0, 0,
	  "the criteria catalog (default: the one in force)" },
	{ "at", 0, OPT_DATETIME, 0, NULL, NULL, 0, 0,
	  "when the check was made (default now)" },
	{ "by", 0, OPT_MEMBER, 0, NULL, NULL, 0, 0, "who made it" },
	{ "no-input", 0, OPT_FLAG, 0, NULL, NULL, 0, 0,
	  "do not ask at a terminal" },
	OPT_END
};

struct run_arg {
	struct incident_run	 run;
	struct incident_eval	*ev;
	int			 decide;
	char			 now[32];
	long			 seq;
};

static int
run_edit(struct record *r, void *arg)
{
	struct run_arg	*a = arg;
	int		 rc;

	if ((rc = incident_log_run(r->doc, record_root(r), &a->run, a->ev,
	    a->now, &a->seq)) != 0)
		return rc;
	if (a->decide && (rc = incident_decide(r->doc, record_root(r),
	    &a->run, a->ev)) != 0)
		return rc;
	return 0;
}

/* The answers of the latest run of phase, as defaults. */
static const char *
previous_answer(const struct node *root, const char *phase, const char *key)
{
	const struct node	*tl = incident_timeline(root), *chk, *as;
	const char		*found = NULL, *q;
	size_t			 i, k;

	for (i = 0; tl != NULL && i < tl->n; i++) {
		chk = node_get(tl->u.items[i], "check");
		if (chk == NULL || !node_scalar_eq(node_get(chk, "phase"),
		    phase))
			continue;
		as = node_get(chk, "answers");
		for (k = 0; as != NULL && as->kind == NODE_SEQ && k < as->n;
		    k++) {
			q = node_get_str(as->u.items[k], "question");
			if (q != NULL && strcmp(q, key) == 0)
				found = node_get_str(as->u.items[k], "label");
		}
	}
	return found;
}

/* Ask one question until the answer fits its type. */
static int
ask_question(char **out, const struct incident_question *q, size_t total,
    const char *def)
{
	const struct node	*cs = node_get(q->node, "choices");
	char			*line = NULL, *hint = NULL, label[1024];
	size_t			 i;
	int			 rc;

	*out = NULL;
	fprintf(stderr, "\n[%zu/%zu] %s\n", q->number, total, q->text);
	if (q->help != NULL)
		fprintf(stderr, _("  (how to check) %s\n"), q->help);
	if (cs != NULL && cs->kind == NODE_SEQ)
		for (i = 0; i < cs->n; i++)
			fprintf(stderr, "  %2zu) %-12s %s\n", i + 1,
			    node_get_str(cs->u.items[i], "value"),
			    node_get_str(cs->u.items[i], "title"));
	snprintf(label, sizeof label, "  %s%s", q->key,
	    q->type == INCIDENT_Q_YESNO ? _(" (yes/no)") :
	    q->type == INCIDENT_Q_YESNO_UNKNOWN ?
	    _(" (yes/no/unknown)") : q->type == INCIDENT_Q_COUNT ?
	    _(" (number)") : "");
	for (;;) {
		if ((rc = prompt_line(&line, label, def, 1)) != 0)
			return rc;
		if (incident_answer_parse(out, q, line) == 0)
			break;
		if (incident_answer_hint(&hint, q) == 0)
			fprintf(stderr, _("  not an answer: expected %s; please "
			    "answer again\n"), hint);
		free(hint);
		hint = NULL;
		free(line);
		line = NULL;
	}
	free(line);
	return 0;
}

static void
print_eval(const struct node *catalog, const struct incident_eval *ev,
    const char *phase)
{
	const struct node	*src;
	const char		*title;
	size_t			 i;

	title = ev->action_node != NULL ? node_get_str(ev->action_node,
	    "title") : NULL;
	printf("%s: %s\n", strcmp(phase, INCIDENT_TRIAGE) == 0 ?
	    _("advised action (isolation)") : _("advised action (recovery)"),
	    ev->action == NULL ? _("no criterion applies") : title != NULL ?
	    title : ev->action);
	for (i = 0; i < ev->nfired; i++) {
		src = incident_source(catalog, node_get_str(ev->fired[i].node,
		    "source"));
		printf("  %s %s: %s", ev->fired[i].rule,
		    node_get_str(incident_action(catalog, ev->fired[i].action),
		    "title"), node_get_str(ev->fired[i].node, "reason"));
		if (src != NULL)
			printf(_(" (source: %s \"%s\")"),
			    node_get_str(src, "publisher") != NULL ?
			    node_get_str(src, "publisher") : "",
			    node_get_str(src, "title"));
		printf("\n");
	}
}

static int
run_criteria(struct cmd_ctx *ctx, struct optv *ov, const char *phase)
{
	struct inc			 c;
	struct recref			 ref = { NULL, NULL, NULL, 0 };
	struct record			*r = NULL;
	const struct record		*cat = NULL;
	struct incident_question	*qs = NULL;
	struct incident_answer		*ans = NULL;
	struct incident_eval		 ev;
	struct run_arg			 a;
	struct buf			 missing = BUF_INIT;
	char				**vals = NULL, *key = NULL, *eq;
	const char			*fy, *def;
	size_t				 nq = 0, na = 0, i, k;
	int				 rc = CMD_FAIL, yes, interactive;
	int				 decide = phase[0] == 't' &&
					    opt_has(ov, "decide");

	memset(&ev, 0, sizeof ev);
	interactive = !opt_has(ov, "no-input") && prompt_interactive();
	if (inc_open(&c, ctx) != CMD_OK)
		return CMD_FAIL;
	if (cmd_read_record(&r, ctx, "incident", ov->argv[0]) != CMD_OK)
		goto done;
	fy = record_field(r, "fy");
	if ((opt_has(ov, "catalog") ? incident_find_catalog(&cat, c.ictx,
	    INCIDENT_CRITERIA, opt_get(ov, "catalog")) :
	    incident_pick_catalog(&cat, c.ictx, INCIDENT_CRITERIA,
	    fy != NULL ? atoi(fy) : cal_fy(cal_today()))) != 0) {
		cmd_lib_error();
		goto done;
	}
	if (incident_questions(&qs, &nq, record_root(cat), phase) != 0) {
		cmd_lib_error();
		goto done;
	}
	if (nq == 0) {
		cmd_error(_("the criteria '%s' have no %s questions"),
		    record_id(cat), phase);
		goto done;
	}
	if ((ans = calloc(nq, sizeof *ans)) == NULL ||
	    (vals = calloc(nq, sizeof *vals)) == NULL) {
		cmd_error(_("out of memory"));
		goto done;
	}
	/* --answer KEY=VALUE, each checked against its question. */
	for (i = 0; i < opt_count(ov, "answer"); i++) {
		free(key);
		if ((key = strdup(opt_at(ov, "answer", i))) == NULL) {
			cmd_error(_("out of memory"));
			goto done;
		}
		if ((eq = strchr(key, '=')) == NULL) {
			rc = opt_bad_usage(ov->entry, ov->sub, _("--answer %s:"
			    " expected KEY=VALUE"), key);
			goto done;
		}
		*eq++ = '\0';
		for (k = 0; k < nq; k++)
			if (strcmp(qs[k].key, key) == 0)
				break;
		if (k == nq) {
			for (k = 0; k < nq; k++)
				buf_printf(&missing, "%s%s", k > 0 ? ", " : "",
				    qs[k].key);
			rc = opt_bad_usage(ov->entry, ov->sub, _("--answer %s:"
			    " the criteria have no %s question '%s' (they "
			    "have: %s)"), opt_at(ov, "answer", i), phase, key,
			    missing.data);
			goto done;
		}
		free(vals[k]);
		vals[k] = NULL;
		if (incident_answer_parse(&vals[k], &qs[k], eq) != 0) {
			rc = opt_bad_usage(ov->entry, ov->sub, _("--answer %s: %s"),
			    opt_at(ov, "answer", i), error_last());
			goto done;
		}
	}
	buf_reset(&missing);
	for (k = 0; k < nq; k++) {
		if (vals[k] != NULL)
			continue;
		if (interactive) {
			def = previous_answer(record_root(r), phase,
			    qs[k].key);
			if (ask_question(&vals[k], &qs[k], nq, def) != 0) {
				rc = prompt_cancelled();
				goto done;
			}
		} else
			buf_printf(&missing, "\n  %s: %s", qs[k].key,
			    qs[k].text);
	}
	if (missing.len > 0) {
		cmd_error(_("no answer to:%s\ngive --answer KEY=VALUE for each,"
		    " or run at a terminal; nothing was written"),
		    missing.data);
		goto done;
	}
	for (k = 0; k < nq; k++) {
		ans[na].key = qs[k].key;
		ans[na].value = vals[k];
		na++;
	}
	if (incident_evaluate(&ev, record_root(cat), phase, ans, na) != 0) {
		cmd_lib_error();
		goto done;
	}
	if (interactive)
		fputc('\n', stderr);
	print_eval(record_root(cat), &ev, phase);
	if (interactive && phase[0] == 't' && !decide && ev.action_node !=
	    NULL && node_get_str(ev.action_node, "decision") != NULL) {
		if (prompt_yesno(&yes, _("record this advice as the decision"
		    " on isolating the network"), 0) != 0) {
			rc = prompt_cancelled();
			goto done;
		}
		decide = yes;
	}
	memset(&a, 0, sizeof a);
	a.run.phase = phase;
	a.run.catalog = record_root(cat);
	a.run.answers = ans;
	a.run.nanswers = na;
	a.run.by = opt_get(ov, "by");
	a.ev = &ev;
	a.decide = decide;
	incident_now(a.now);
	a.run.at = opt_has(ov, "at") ? opt_get(ov, "at") : a.now;
	if ((rc = cmd_edit_record(NULL, ctx, "incident", record_id(r),
	    run_edit, &a)) == CMD_OK)
		fprintf(stderr, _("logged as entry %ld%s\n"), a.seq, decide ?
		    _(", and recorded as the isolation decision") : "");
done:
	for (k = 0; vals != NULL && k < nq; k++)
		free(vals[k]);
	free(vals);
	free(ans);
	free(qs);
	free(key);
	buf_free(&missing);
	incident_eval_free(&ev);
	record_free(r);
	free(ref.id);
	free(ref.relpath);
	inc_close(&c);
	return rc;
}

static int
incident_triage(struct cmd_ctx *ctx, struct optv *ov)
{
	return run_criteria(ctx, ov, INCIDENT_TRIAGE);
}

static int
incident_recover(struct cmd_ctx *ctx, struct optv *ov)
{
	return run_criteria(ctx, ov, INCIDENT_RECOVER);
}

/* --- measures ------------------------------------------------------------ */

static const struct opt measures_opts[] = {
	{ "received", 0, OPT_DATE, 0, NULL, NULL, 0, 0,
	  "the day the division's report came in" },
	{ "report-no", 0, OPT_TEXT, 0, NULL, NULL, 0, 0,
	  "the division's report's document number" },
	{ "cause", 0, OPT_TEXT, 0, NULL, NULL, 0, 0,
	  "the cause, as the report says" },
	{ "measure", 0, OPT_TEXT, OPT_REPEAT, NULL, NULL, 0, 0,
	  "one of the division's measures" },
	{ "review", 0, OPT_INT, 0, "NO", NULL, 1, 999,
	  "review measure NO (with --rating and --reason)" },
	{ "rating", 0, OPT_ENUM, 0, "RATING", "incident:prevention.items.rating",
	  0, 0, "effective (有効), partial (一部有効), insufficient (不十分)" },
	{ "reason", 0, OPT_TEXT, 0, NULL, NULL, 0, 0, "why that rating" },
	{ "proposal", 0, OPT_TEXT, 0, NULL, NULL, 0, 0,
	  "how to improve the measure" },
	{ "reviewed", 0, OPT_DATE, 0, NULL, NULL, 0, 0,
	  "the day of the review (default today)" },
	{ "comment", 0, OPT_TEXT, 0, NULL, NULL, 0, 0,
	  "overall advice (助言・提案)" },
	OPT_END
};

/* What measures changes, from options or from the prompts. */
struct review_in {
	size_t		 no;
	char		*rating, *reason, *proposal;
};

/* Measures one session at a terminal can add. */
#define MEASURES_ASKED	64

struct measures_arg {
	struct inc		*c;
	struct optv		*ov;
	char			**added;
	size_t			 nadded;
	struct review_in	*reviews;
	size_t			 nreviews;
	char			 day[CAL_FMT_MAX];
};

static int
measures_edit(struct record *r, void *arg)
{
	struct measures_arg	*a = arg;
	struct optv		*ov = a->ov;
	struct node		*root = record_root(r), *p;
	static const struct { const char *opt, *field; } f[] = {
		{ "received", "received" }, { "report-no", "report_no" },
		{ "cause", "cause" }, { "comment", "comment" },
	};
	size_t			 i;
	int			 rc;

	if ((p = node_get(root, "prevention")) == NULL) {
		if ((p = node_map(r->doc)) == NULL ||
		    node_map_set(r->doc, root, "prevention", p) != 0)
			return error_set(NC_ENOMEM, _("out of memory"));
	}
	for (i = 0; i < sizeof f / sizeof f[0]; i++)
		if (opt_has(ov, f[i].opt) && node_map_set_str(r->doc, p,
		    f[i].field, opt_get(ov, f[i].opt)) != 0)
			return error_set(NC_ENOMEM, _("out of memory"));
	for (i = 0; i < a->nadded; i++)
		if ((rc = incident_measure_add(r->doc, root, a->added[i],
		    NULL)) != 0)
			return rc;
	for (i = 0; i < a->nreviews; i++)
		if ((rc = incident_measure_review(r->doc, root, a->c->kind,
		    a->reviews[i].no, a->reviews[i].rating,
		    a->reviews[i].reason, a->reviews[i].proposal,
		    a->day)) != 0)
			return rc;
	return 0;
}

/* At a terminal with nothing given: add measures, then review each. */
static int
ask_measures(struct measures_arg *a, const struct node *root)
{
	const struct node	*items = incident_measures(root);
	const struct schema	*rs = schema_at(a->c->kind,
				    "prevention.items.rating");
	char			*line = NULL, title[64];
	size_t			 i, n = items != NULL ? items->n : 0, total;

	if (n == 0) {
		fprintf(stderr, _("enter the measures of the division's report"
		    " one at a time (an empty line ends)\n"));
		while (a->nadded < MEASURES_ASKED) {
			snprintf(title, sizeof title, _("measure %zu"),
			    a->nadded + 1);
			if (prompt_line(&line, title, NULL, 0) != 0)
				return PROMPT_CANCEL;
			if (line == NULL)
				break;
			a->added[a->nadded++] = line;
			line = NULL;
		}
	}
	total = n + a->nadded;
	for (i = 0; i < total; i++) {
		struct review_in *rv = &a->reviews[a->nreviews];
		const char *text = i < n ? node_get_str(items->u.items[i],
		    "measure") : a->added[i - n];

		if (i < n && node_get_str(items->u.items[i], "rating") !=
		    NULL)
			continue;
		fprintf(stderr, "\n%zu. %s\n", i + 1, text);
		rv->no = i + 1;
		if (prompt_enum(&rv->rating, _("effectiveness"), rs, NULL,
		    1) != 0 ||
		    prompt_line(&rv->reason, _("reason"), NULL, 1) != 0 ||
		    prompt_line(&rv->proposal, _("proposal"), NULL, 0) != 0)
			return PROMPT_CANCEL;
		a->nreviews++;
	}
	return 0;
}

static int
incident_measures_cmd(struct cmd_ctx *ctx, struct optv *ov)
{
	struct inc		 c;
	struct measures_arg	 a;
	struct recref		 ref = { NULL, NULL, NULL, 0 };
	struct record		*r = NULL, *saved = NULL;
	size_t			 i, n;
	int			 rc = CMD_FAIL, any;

	any = opt_has(ov, "received") || opt_has(ov, "report-no") ||
	    opt_has(ov, "cause") || opt_has(ov, "measure") ||
	    opt_has(ov, "review") || opt_has(ov, "comment");
	if ((opt_has(ov, "rating") || opt_has(ov, "reason") ||
	    opt_has(ov, "proposal")) && !opt_has(ov, "review"))
		return opt_bad_usage(ov->entry, ov->sub, _("--rating, --reason "
		    "and --proposal review one measure: give --review NO"));
	if (opt_has(ov, "review") && !opt_has(ov, "rating"))
		return opt_bad_usage(ov->entry, ov->sub, _("--review needs "
		    "--rating (and --reason)"));
	if (inc_open(&c, ctx) != CMD_OK)
		return CMD_FAIL;
	memset(&a, 0, sizeof a);
	a.c = &c;
	a.ov = ov;
	cal_format_iso(a.day, sizeof a.day, cal_today());
	if (opt_has(ov, "reviewed"))
		snprintf(a.day, sizeof a.day, "%s", opt_get(ov, "reviewed"));
	if (cmd_read_record(&r, ctx, "incident", ov->argv[0]) != CMD_OK)
		goto done;
	n = incident_measures(record_root(r)) != NULL ?
	    incident_measures(record_root(r))->n : 0;
	if ((a.added = calloc(opt_count(ov, "measure") + MEASURES_ASKED,
	    sizeof *a.added)) == NULL ||
	    (a.reviews = calloc(n + opt_count(ov, "measure") +
	    MEASURES_ASKED + 1, sizeof *a.reviews)) == NULL) {
		cmd_error(_("out of memory"));
		goto done;
	}
	for (i = 0; i < opt_count(ov, "measure"); i++)
		if ((a.added[a.nadded++] = strdup(opt_at(ov, "measure", i))) ==
		    NULL) {
			cmd_error(_("out of memory"));
			goto done;
		}
	if (opt_has(ov, "review")) {
		a.reviews[0].no = (size_t)opt_num(ov, "review", 0);
		a.reviews[0].rating = strdup(opt_get(ov, "rating"));
		a.reviews[0].reason = opt_has(ov, "reason") ?
		    strdup(opt_get(ov, "reason")) : NULL;
		a.reviews[0].proposal = opt_has(ov, "proposal") ?
		    strdup(opt_get(ov, "proposal")) : NULL;
		a.nreviews = 1;
	}
	if (!any) {
		if (!prompt_interactive()) {
			rc = show_record(&c, record_root(r));
			goto done;
		}
		if (ask_measures(&a, record_root(r)) != 0) {
			rc = prompt_cancelled();
			goto done;
		}
		if (a.nadded == 0 && a.nreviews == 0) {
			fprintf(stderr, "%s\n", _("nothing to review"));
			rc = CMD_OK;
			goto done;
		}
	}
	if ((rc = cmd_edit_record(&saved, ctx, "incident", record_id(r),
	    measures_edit, &a)) == CMD_OK && saved != NULL)
		print_measures(&c, record_root(saved));
done:
	for (i = 0; a.added != NULL && i < a.nadded; i++)
		free(a.added[i]);
	for (i = 0; a.reviews != NULL && i < a.nreviews; i++) {
		free(a.reviews[i].rating);
		free(a.reviews[i].reason);
		free(a.reviews[i].proposal);
	}
	free(a.added);
	free(a.reviews);
	record_free(saved);
	record_free(r);
	free(ref.id);
	free(ref.relpath);
	inc_close(&c);
	return rc;
}

/* --- export -------------------------------------------------------------- */

static const struct opt export_opts[] = {
	{ "fy", 0, OPT_FY, 0, NULL, NULL, 0, 0,
	  "fiscal year (criteria, stats; default: this year)" },
	{ "out", 'o', OPT_PATH, 0, NULL, NULL, 0, 0,
	  "file, or folder ending in /" },
	OPT_ZIP_OPTS,
	OPT_END
};

/* The latest date in the records: the as-of date of the statistics. */
static void
latest_date(char out[CAL_FMT_MAX], const struct node *const *recs, size_t n)
{
	static const char *const fields[] = { "occurred", "discovered",
	    "reported", "closed", NULL };
	const struct node	*tl;
	const char		*s;
	size_t			 i, k;

	out[0] = '\0';
	for (i = 0; i < n; i++) {
		for (k = 0; fields[k] != NULL; k++)
			if ((s = node_get_str(recs[i], fields[k])) != NULL &&
			    strncmp(s, out, 10) > 0)
				snprintf(out, CAL_FMT_MAX, "%.10s", s);
		tl = incident_timeline(recs[i]);
		for (k = 0; tl != NULL && k < tl->n; k++)
			if ((s = node_get_str(tl->u.items[k], "at")) != NULL &&
			    strncmp(s, out, 10) > 0)
				snprintf(out, CAL_FMT_MAX, "%.10s", s);
	}
}

static int
export_criteria(struct inc *c, struct optv *ov, int fy)
{
	const struct record	*cat = NULL, *rep = NULL;
	char			*path = NULL, fyl[CAL_FMT_MAX], name[128];
	int			 rc;

	if (ov->argc > 2)
		return opt_bad_usage(ov->entry, ov->sub, _("export criteria "
		    "takes at most one catalog id"));
	if ((ov->argc == 2 ? incident_find_catalog(&cat, c->ictx,
	    INCIDENT_CRITERIA, ov->argv[1]) : incident_pick_catalog(&cat,
	    c->ictx, INCIDENT_CRITERIA, fy)) != 0)
		return cmd_lib_error();
	if (incident_pick_catalog(&rep, c->ictx, INCIDENT_REPORTING,
	    atoi(record_field(cat, "fy"))) != 0) {
		error_clear();
		rep = NULL;
	}
	cal_fy_label(fyl, sizeof fyl, atoi(record_field(cat, "fy")));
	snprintf(name, sizeof name, "対応基準提案書_%s.docx", fyl);
	if (cmd_export_path(&path, opt_get(ov, "out"), name, 0) != CMD_OK)
		return CMD_FAIL;
	if ((rc = cmd_export_begin()) != CMD_OK)
		goto done;
	if (incident_write_criteria_docx(c->ictx, record_root(cat),
	    rep != NULL ? record_root(rep) : NULL, path) != 0) {
		cmd_lib_error();
		rc = cmd_export_end(0);
		goto done;
	}
	cmd_export_note(path);
	rc = cmd_export_end(1);
done:
	free(path);
	return rc;
}

static int
export_records(struct inc *c, struct optv *ov, const char *what)
{
	struct record	**recs = NULL;
	struct recref	  ref;
	char		 *path = NULL;
	struct buf	  name = BUF_INIT;
	int		  i, n = ov->argc - 1, rc = CMD_FAIL, ok = 1;
	int		  prevention = strcmp(what, "prevention") == 0;

	if (n < 1)
		return opt_bad_usage(ov->entry, ov->sub, _("export %s needs "
		    "the id of an incident"), what);
	if ((recs = calloc((size_t)n, sizeof *recs)) == NULL)
		return cmd_error(_("out of memory"));
	/* Everything is checked before anything is written. */
	for (i = 0; i < n; i++) {
		memset(&ref, 0, sizeof ref);
		if (cmd_read_record(&recs[i], c->ctx, "incident",
		    ov->argv[i + 1]) != CMD_OK) {
			free(ref.id);
			free(ref.relpath);
			goto done;
		}
		free(ref.id);
		free(ref.relpath);
		if (prevention && incident_prevention_ready(
		    record_root(recs[i])) != 0) {
			cmd_error(_("%s; nothing was written"), error_last());
			goto done;
		}
	}
	if (cmd_export_begin() != CMD_OK)
		goto done;
	for (i = 0; i < n && ok; i++) {
		buf_reset(&name);
		buf_printf(&name, "%s_%s.docx", prevention ?
		    "再発防止策の提案書" : "事故等報告書",
		    record_field(recs[i], "title"));
		free(path);
		path = NULL;
		if (buf_ok(&name) != 0 || cmd_export_path(&path,
		    opt_get(ov, "out"), name.data, n > 1) != CMD_OK) {
			ok = 0;
			break;
		}
		if ((prevention ? incident_write_prevention_docx(c->ictx,
		    record_root(recs[i]), path) :
		    incident_write_report_docx(c->ictx, record_root(recs[i]),
		    path)) != 0) {
			cmd_lib_error();
			ok = 0;
			break;
		}
		cmd_export_note(path);
	}
	rc = cmd_export_end(ok);
done:
	for (i = 0; recs != NULL && i < n; i++)
		record_free(recs[i]);
	free(recs);
	free(path);
	buf_free(&name);
	return rc;
}

static int
export_stats(struct inc *c, struct optv *ov, int fy)
{
	struct lrec		*v = NULL, *pv = NULL;
	const struct node	**roots = NULL, **proots = NULL;
	char			*path = NULL, fyl[CAL_FMT_MAX], name[128];
	char			 asof[CAL_FMT_MAX];
	size_t			 n = 0, np = 0, i;
	int			 rc;

	if (ov->argc > 1)
		return opt_bad_usage(ov->entry, ov->sub, _("export stats takes"
		    " no id; choose the year with --fy"));
	if ((rc = load_incidents(&v, &n, c, fy, 0)) != CMD_OK)
		return rc;
	/* the year before, for 前年度 and 増減 */
	if ((rc = load_incidents(&pv, &np, c, fy - 1, 0)) != CMD_OK) {
		free_incidents(v, n);
		return rc;
	}
	rc = CMD_FAIL;
	if ((roots = calloc(n + 1, sizeof *roots)) == NULL ||
	    (proots = calloc(np + 1, sizeof *proots)) == NULL) {
		cmd_error(_("out of memory"));
		goto done;
	}
	for (i = 0; i < n; i++)
		roots[i] = record_root(v[i].r);
	for (i = 0; i < np; i++)
		proots[i] = record_root(pv[i].r);
	latest_date(asof, roots, n);
	cal_fy_label(fyl, sizeof fyl, fy);
	snprintf(name, sizeof name, "事故等統計_%s.xlsx", fyl);
	if (cmd_export_path(&path, opt_get(ov, "out"), name, 0) != CMD_OK)
		goto done;
	if (cmd_export_begin() != CMD_OK)
		goto done;
	if (incident_write_stats_xlsx(c->ictx, fy, roots, n, proots, np,
	    asof[0] != '\0' ? asof : NULL, path) != 0) {
		cmd_lib_error();
		rc = cmd_export_end(0);
		goto done;
	}
	cmd_export_note(path);
	rc = cmd_export_end(1);
done:
	free(path);
	free(roots);
	free(proots);
	free_incidents(v, n);
	free_incidents(pv, np);
	return rc;
}

static int
incident_export(struct cmd_ctx *ctx, struct optv *ov)
{
	struct inc	 c;
	const char	*what = ov->argv[0];
	int		 fy = (int)opt_num(ov, "fy", cal_fy(cal_today()));
	int		 rc;

	if (strcmp(what, "criteria") != 0 && strcmp(what, "prevention") != 0 &&
	    strcmp(what, "report") != 0 && strcmp(what, "stats") != 0)
		return opt_bad_usage(ov->entry, ov->sub, _("'%s' is not a "
		    "document: criteria, prevention, report or stats"), what);
	if (inc_open(&c, ctx) != CMD_OK)
		return CMD_FAIL;
	if (strcmp(what, "criteria") == 0)
		rc = export_criteria(&c, ov, fy);
	else if (strcmp(what, "stats") == 0)
		rc = export_stats(&c, ov, fy);
	else
		rc = export_records(&c, ov, what);
	inc_close(&c);
	return rc;
}

static const struct subcmd incident_subs[] = {
	{ "add", incident_add, add_opts, "", 0, 0, NULL,
	  "open an incident record (asks at a terminal)" },
	{ "log", incident_logcmd, log_opts, "ID", 1, 1, NULL,
	  "log an event, change status or severity, or correct a time" },
	{ "show", incident_show, NULL, "ID", 1, 1, NULL,
	  "the incident with its reports due and its timeline" },
	{ "list", incident_list, list_opts, "", 0, 0, NULL,
	  "list incidents, or the reports still due" },
	{ "triage", incident_triage, triage_opts, "ID", 1, 1, NULL,
	  "walk the isolation criteria and log the recommendation" },
	{ "recover", incident_recover, recover_opts, "ID", 1, 1, NULL,
	  "walk the recovery conditions and log the recommendation" },
	{ "measures", incident_measures_cmd, measures_opts, "ID", 1, 1, NULL,
	  "record the division's measures and review each" },
	{ "export", incident_export, export_opts, "WHAT [ID...]", 1, -1, NULL,
	  "write criteria, prevention, report (.docx) or stats (.xlsx)" },
	SUBCMD_END
};

const struct cmd_entry cmd_incident_entry = {
	.name = "incident",
	.desc = "security incidents: timeline, criteria, reports due, documents",
	.help =
	    "WHAT for export: criteria (対応基準提案書, from the criteria catalog),\n"
	    "prevention (再発防止策の提案書, per incident), report (事故等報告書 with\n"
	    "the timeline, per incident), stats (the year's statistics, .xlsx).\n",
	.subs = incident_subs,
	.kind = "incident",
};
