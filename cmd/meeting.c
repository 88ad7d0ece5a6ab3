/*
 * nerima-cio meeting: the year's 定例会 and 進捗報告会 (3(3)ア(エ)(オ)),
 * committees and extra meetings (3(3)ア(ウ)), the 次第 and the 議事録,
 * whose action items become issues.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "cmd.h"
#include "i18n.h"
#include "listing.h"
#include "meeting.h"
#include "opt.h"
#include "parse.h"
#include "record.h"
#include "schema.h"
#include "store.h"

static const char *const wday_en[] = { N_("Sun"), N_("Mon"), N_("Tue"),
    N_("Wed"), N_("Thu"), N_("Fri"), N_("Sat") };

/* The deadline as "2026-05-01 10:00 (Fri)". */
static void
due_text(char *out, size_t size, const struct cal *c, struct cal_date d)
{
	struct cal_due	due;
	char		iso[CAL_FMT_MAX];

	if (cal_due_meeting(&due, c, d) != 0) {
		snprintf(out, size, "?");
		error_clear();
		return;
	}
	cal_format_due(iso, sizeof iso, &due);
	snprintf(out, size, "%s (%s)", iso, _(wday_en[cal_weekday(due.date)]));
}

/*
 * A meeting on a closed day is refused, naming the nearest business
 * days, unless --force: then it is a warning.
 */
static int
check_day(const struct cal *c, struct cal_date d, int force)
{
	if (meeting_check_day(c, d) == 0)
		return CMD_OK;
	if (!force)
		return cmd_error(_("%s; use --force to hold it anyway"),
		    error_last());
	cmd_warn("%s", error_last());
	return CMD_OK;
}

/*
 * meeting plan
 */

static int
meeting_plan_cmd(struct cmd_ctx *ctx, struct optv *ov)
{
	const struct schema	*kind;
	struct store		*st;
	struct cal		*cal = NULL;
	struct meeting_planned	*v = NULL;
	struct diags		 d = DIAGS_INIT;
	char			 iso[CAL_FMT_MAX], due[64], pat[CAL_FMT_MAX];
	size_t			 n = 0, i, made = 0;
	int			 fy = (int)opt_num(ov, "fy", 0);
	int			 dry = opt_has(ov, "dry-run"), rc = CMD_OK;

	if ((st = cmd_store(ctx)) == NULL)
		return CMD_FAIL;
	if (store_kind(&kind, st, "meeting") != 0 ||
	    meeting_cal(&cal, st) != 0)
		return cmd_lib_error();
	if (meeting_plan(&v, &n, st, cal, fy, dry, &d) != 0) {
		cmd_print_diags(stderr, &d);
		rc = cmd_error(_("the plan stopped: %s"), error_last());
		goto done;
	}
	for (i = 0; i < n; i++) {
		cal_format_iso(iso, sizeof iso, v[i].date);
		due_text(due, sizeof due, cal, v[i].date);
		printf(_("%s %s  documents %s  %-12s %-11s  %s\n"), iso,
		    _(wday_en[cal_weekday(v[i].date)]), due, v[i].created ?
		    (dry ? _("would create") : _("created")) : _("exists"),
		    v[i].id != NULL ? v[i].id : "", v[i].title);
		if (v[i].created && v[i].slot.closed != NULL) {
			cal_format_iso(pat, sizeof pat, v[i].slot.pattern);
			fprintf(stderr, _("note: %s is a closed day (%s); %s "
			    "is on %s\n"), pat, v[i].slot.closed, v[i].title,
			    iso);
		}
		made += v[i].created;
	}
	fprintf(stderr, _("%s%zu of %zu meetings of FY%d %s; %zu already "
	    "there\n"), dry ? _("dry run: ") : "", made, n, fy, dry ?
	    _("would be created") : _("created"), n - made);
done:
	meeting_planned_free(v, n);
	cal_free(cal);
	diags_free(&d);
	return rc;
}

/*
 * meeting add
 */

static int
meeting_add(struct cmd_ctx *ctx, struct optv *ov)
{
	const struct schema	*kind;
	struct store		*st;
	struct cal		*cal = NULL;
	struct ydoc		*doc = NULL;
	struct node		*root, *ms;
	struct diags		 d = DIAGS_INIT;
	struct cal_date		 date;
	char			*title = NULL, *id = NULL, *rel = NULL;
	char			 iso[CAL_FMT_MAX], due[64], num[16];
	const char		*type = opt_get(ov, "type");
	size_t			 i;
	int			 n, rc = CMD_FAIL;

	if ((st = cmd_store(ctx)) == NULL)
		return CMD_FAIL;
	if (store_kind(&kind, st, "meeting") != 0 ||
	    meeting_cal(&cal, st) != 0)
		return cmd_lib_error();
	opt_date(ov, "date", &date);
	if (check_day(cal, date, opt_has(ov, "force")) != CMD_OK)
		goto done;
	if (meeting_default_title(&title, &n, st, type, date) != 0) {
		rc = cmd_lib_error();
		goto done;
	}
	cal_format_iso(iso, sizeof iso, date);
	snprintf(num, sizeof num, "%d", n);
	if ((doc = ydoc_new()) == NULL || (root = node_map(doc)) == NULL) {
		rc = cmd_error(_("out of memory"));
		goto done;
	}
	ydoc_set_root(doc, root);
	if (node_map_set_str(doc, root, "type", type) != 0 ||
	    node_map_set_str(doc, root, "title", opt_has(ov, "title") ?
	    opt_get(ov, "title") : title) != 0 ||
	    (strcmp(type, "other") != 0 &&
	    node_map_set_str(doc, root, "number", num) != 0) ||
	    node_map_set_str(doc, root, "date", iso) != 0 ||
	    (opt_has(ov, "start") && node_map_set_str(doc, root,
	    "start_time", opt_get(ov, "start")) != 0) ||
	    (opt_has(ov, "end") && node_map_set_str(doc, root, "end_time",
	    opt_get(ov, "end")) != 0) ||
	    (opt_has(ov, "place") && node_map_set_str(doc, root, "place",
	    opt_get(ov, "place")) != 0) ||
	    node_map_set_str(doc, root, "status", "scheduled") != 0) {
		rc = cmd_lib_error();
		goto done;
	}
	/* 定例会 and 進捗報告会 always; a committee when asked for material */
	if (strcmp(type, "regular") == 0 || strcmp(type, "progress") == 0 ||
	    opt_has(ov, "materials")) {
		if (meeting_materials_due(due, cal, date) != 0 ||
		    node_map_set_str(doc, root, "materials_due", due) != 0) {
			rc = cmd_lib_error();
			goto done;
		}
	}
	if (opt_count(ov, "member") > 0) {
		if ((ms = node_seq(doc)) == NULL ||
		    node_map_set(doc, root, "members", ms) != 0) {
			rc = cmd_error(_("out of memory"));
			goto done;
		}
		for (i = 0; i < opt_count(ov, "member"); i++)
			node_seq_push(doc, ms, node_str(doc, opt_at(ov,
			    "member", i)));
	}
	if (record_create(&id, &rel, st, kind, doc, &d) != 0) {
		cmd_print_diags(stderr, &d);
		rc = cmd_error(_("no meeting created: %s"), error_last());
		goto done;
	}
	printf("%s\n", id);
	fprintf(stderr, "%s/%s\n", store_root(st), rel);
	if (node_get(root, "materials_due") != NULL) {
		due_text(due, sizeof due, cal, date);
		fprintf(stderr, _("documents due %s\n"), due);
	}
	rc = CMD_OK;
done:
	free(title);
	free(id);
	free(rel);
	ydoc_free(doc);
	cal_free(cal);
	diags_free(&d);
	return rc;
}

/*
 * meeting move, cancel, item
 */

struct move {
	const struct cal	*cal;
	struct cal_date		 date;
};

static int
move_edit(struct record *r, void *arg)
{
	struct move	*m = arg;

	return meeting_move(r->doc, record_root(r), m->cal, m->date);
}

static int
meeting_move_cmd(struct cmd_ctx *ctx, struct optv *ov)
{
	struct store	*st;
	struct cal	*cal = NULL;
	struct record	*r = NULL;
	struct move	 m;
	char		 due[64];
	int		 rc;

	if ((st = cmd_store(ctx)) == NULL)
		return CMD_FAIL;
	if (meeting_cal(&cal, st) != 0)
		return cmd_lib_error();
	opt_date(ov, "date", &m.date);
	m.cal = cal;
	if ((rc = check_day(cal, m.date, opt_has(ov, "force"))) == CMD_OK &&
	    (rc = cmd_edit_record(&r, ctx, "meeting", ov->argv[0], move_edit,
	    &m)) == CMD_OK) {
		due_text(due, sizeof due, cal, m.date);
		if (node_get(record_root(r), "materials_due") != NULL)
			fprintf(stderr, _("documents now due %s\n"), due);
	}
	record_free(r);
	cal_free(cal);
	return rc;
}

static int
cancel_edit(struct record *r, void *arg)
{
	const char	*note = arg;
	int		 rc;

	if (node_scalar_eq(node_get(record_root(r), "status"), "cancelled"))
		return RECORD_EDIT_NOCHANGE;
	if (!node_scalar_eq(node_get(record_root(r), "status"), "scheduled"))
		return error_set(NC_EINVALID, _("the meeting was held; it "
		    "cannot be cancelled"));
	if ((rc = node_map_set_str(r->doc, record_root(r), "status",
	    "cancelled")) != 0)
		return rc;
	if (note != NULL)
		return node_map_set_str(r->doc, record_root(r), "note", note);
	return 0;
}

static int
meeting_cancel(struct cmd_ctx *ctx, struct optv *ov)
{
	return cmd_edit_record(NULL, ctx, "meeting", ov->argv[0], cancel_edit,
	    (void *)opt_get(ov, "note"));
}

static int
item_edit(struct record *r, void *arg)
{
	struct optv	*ov = arg;
	const char	*mat[32];
	size_t		 i, n = opt_count(ov, "material");

	if (n > 32)
		return error_set(NC_EINVALID, _("at most 32 --material"));
	for (i = 0; i < n; i++)
		mat[i] = opt_at(ov, "material", i);
	return meeting_add_item(r->doc, record_root(r), opt_get(ov, "title"),
	    opt_get(ov, "presenter"), mat, n);
}

static int
meeting_item(struct cmd_ctx *ctx, struct optv *ov)
{
	return cmd_edit_record(NULL, ctx, "meeting", ov->argv[0], item_edit,
	    ov);
}

/*
 * meeting minutes
 */

/* The minutes put together from a file and the options. */
struct minutes_in {
	struct ydoc			*doc;
	const char			**attendees;
	size_t				  nattendees;
	const char			**members;
	size_t				  nmembers;
	struct meeting_discussion	 *discussion;
	size_t				  ndiscussion;
	const char			**decisions;
	size_t				  ndecisions;
	struct meeting_action		 *actions;
	size_t				  nactions;
	char				 *dues[256];
	size_t				  ndues;
};

static int
grow(void *pv, size_t *n, size_t size)
{
	void	**p = pv, *nv;

	if ((nv = realloc(*p, (*n + 1) * size)) == NULL)
		return cmd_error(_("out of memory"));
	*p = nv;
	memset((char *)nv + *n * size, 0, size);
	(*n)++;
	return CMD_OK;
}

static int
push_str(const char ***v, size_t *n, const char *s)
{
	if (grow(v, n, sizeof **v) != CMD_OK)
		return CMD_FAIL;
	(*v)[*n - 1] = s;
	return CMD_OK;
}

/* A date as the options take it, into a kept ISO string. */
static int
due_value(struct minutes_in *in, const char *s, const char **out,
    const char *where)
{
	struct cal_date	d;
	char		iso[CAL_FMT_MAX];

	*out = NULL;
	if (s == NULL || strcmp(s, "-") == 0 || *s == '\0')
		return CMD_OK;
	if (parse_date(&d, s) != 0)
		return cmd_error("%s: %s", where, error_last());
	if (in->ndues >= sizeof in->dues / sizeof in->dues[0])
		return cmd_error(_("too many action items"));
	cal_format_iso(iso, sizeof iso, d);
	if ((in->dues[in->ndues] = strdup(iso)) == NULL)
		return cmd_error(_("out of memory"));
	*out = in->dues[in->ndues++];
	return CMD_OK;
}

static const char *
scalar(const struct node *n)
{
	return n != NULL && n->kind == NODE_SCALAR && !node_is_null(n) ?
	    n->u.s.str : NULL;
}

/*
 * The file's minutes:
 *	attendees: [見本 直子（主任）, ...]   members: [kakuu-taro]
 *	discussion: [{item: 1, text: ...}]    decisions: [...]
 *	actions: [{action: ..., owner: ..., due: ..., issue: ...}]
 *	minutes: ...    submitted: 2026-04-14
 */
static int
read_minutes_file(struct minutes_in *in, struct meeting_minutes *m,
    const char *path)
{
	struct diags		 d = DIAGS_INIT;
	const struct node	*root, *l, *e;
	const char		*known[] = { "attendees", "members",
	    "discussion", "decisions", "actions", "minutes", "submitted",
	    NULL };
	char			 where[300];
	size_t			 i, k;
	long long		 item;

	if (ydoc_load(&in->doc, path, &d) != 0) {
		cmd_print_diags(stderr, &d);
		diags_free(&d);
		return cmd_error(_("cannot read '%s': %s"), path, error_last());
	}
	root = ydoc_root(in->doc);
	if (root == NULL || root->kind != NODE_MAP)
		return cmd_error(_("'%s' must hold a mapping (attendees, "
		    "discussion, decisions, actions, minutes)"), path);
	for (i = 0; i < root->n; i++) {
		for (k = 0; known[k] != NULL; k++)
			if (strcmp(root->u.pairs[i].key->u.s.str,
			    known[k]) == 0)
				break;
		if (known[k] == NULL)
			return cmd_error(_("%s:%u:%u: unknown key '%s'; the "
			    "minutes take attendees, members, discussion, "
			    "decisions, actions, minutes, submitted"), path,
			    root->u.pairs[i].key->line,
			    root->u.pairs[i].key->col,
			    root->u.pairs[i].key->u.s.str);
	}
#define EACH(key) for (l = node_get(root, key), i = 0; l != NULL && \
	    l->kind == NODE_SEQ && i < l->n && (e = l->u.items[i]) != NULL; i++)
	EACH("attendees")
		if (scalar(e) != NULL &&
		    push_str(&in->attendees, &in->nattendees, scalar(e)) !=
		    CMD_OK)
			return CMD_FAIL;
	EACH("members")
		if (scalar(e) != NULL &&
		    push_str(&in->members, &in->nmembers, scalar(e)) != CMD_OK)
			return CMD_FAIL;
	EACH("decisions")
		if (scalar(e) != NULL &&
		    push_str(&in->decisions, &in->ndecisions, scalar(e)) !=
		    CMD_OK)
			return CMD_FAIL;
	EACH("discussion") {
		if (parse_int(&item, scalar(node_get(e, "item")) != NULL ?
		    scalar(node_get(e, "item")) : "", 1, 99) != 0 ||
		    scalar(node_get(e, "text")) == NULL)
			return cmd_error(_("%s:%u:%u: a discussion entry needs "
			    "item (the agenda number) and text"), path,
			    e->line, e->col);
		if (grow(&in->discussion, &in->ndiscussion,
		    sizeof *in->discussion) != CMD_OK)
			return CMD_FAIL;
		in->discussion[in->ndiscussion - 1].item = (long)item;
		in->discussion[in->ndiscussion - 1].text =
		    scalar(node_get(e, "text"));
	}
	EACH("actions") {
		struct meeting_action *a;

		if (grow(&in->actions, &in->nactions, sizeof *in->actions) !=
		    CMD_OK)
			return CMD_FAIL;
		a = &in->actions[in->nactions - 1];
		a->action = scalar(node_get(e, "action"));
		a->owner = scalar(node_get(e, "owner"));
		a->issue = scalar(node_get(e, "issue"));
		snprintf(where, sizeof where, "%s:%u:%u", path, e->line,
		    e->col);
		if (due_value(in, scalar(node_get(e, "due")), &a->due,
		    where) != CMD_OK)
			return CMD_FAIL;
	}
#undef EACH
	m->minutes = scalar(node_get(root, "minutes"));
	if (scalar(node_get(root, "submitted")) != NULL &&
	    due_value(in, scalar(node_get(root, "submitted")), &m->submitted,
	    path) != CMD_OK)
		return CMD_FAIL;
	return CMD_OK;
}

static void
minutes_in_free(struct minutes_in *in)
{
	size_t	i;

	ydoc_free(in->doc);
	free(in->attendees);
	free(in->members);
	free(in->discussion);
	free(in->decisions);
	free(in->actions);
	for (i = 0; i < in->ndues; i++)
		free(in->dues[i]);
}

static int
meeting_minutes_cmd(struct cmd_ctx *ctx, struct optv *ov)
{
	struct store		*st;
	struct cal		*cal = NULL;
	struct record		*r = NULL;
	struct recref		 ref = { NULL, NULL, NULL, 0 };
	struct diags		 d = DIAGS_INIT;
	struct minutes_in	 in;
	struct meeting_minutes	 m;
	const char		*s, *eq;
	long long		 item;
	char			 where[64];
	size_t			 i, na, nown, ndue;
	int			 rc = CMD_FAIL;

	memset(&in, 0, sizeof in);
	memset(&m, 0, sizeof m);
	/* the n-th --owner and --due belong to the n-th --action */
	na = opt_count(ov, "action");
	nown = opt_count(ov, "owner");
	ndue = opt_count(ov, "due");
	if (nown > na || (ndue > 0 && ndue != na))
		return opt_bad_usage(ov->entry, ov->sub, _("give one --owner "
		    "(and, if any, one --due; '-' for none) for each --action,"
		    " in the same order"));
	if (nown < na)
		return cmd_error(_("action item %zu ('%s') has no owner: every "
		    "action item needs --owner MEMBER; nothing recorded"),
		    nown + 1, opt_at(ov, "action", nown));
	if ((st = cmd_store(ctx)) == NULL)
		return CMD_FAIL;
	if (meeting_cal(&cal, st) != 0)
		return cmd_lib_error();
	if (opt_has(ov, "from") &&
	    read_minutes_file(&in, &m, opt_get(ov, "from")) != CMD_OK)
		goto done;
	for (i = 0; i < opt_count(ov, "attendee"); i++)
		if (push_str(&in.attendees, &in.nattendees,
		    opt_at(ov, "attendee", i)) != CMD_OK)
			goto done;
	for (i = 0; i < opt_count(ov, "member"); i++)
		if (push_str(&in.members, &in.nmembers,
		    opt_at(ov, "member", i)) != CMD_OK)
			goto done;
	for (i = 0; i < opt_count(ov, "decision"); i++)
		if (push_str(&in.decisions, &in.ndecisions,
		    opt_at(ov, "decision", i)) != CMD_OK)
			goto done;
	for (i = 0; i < opt_count(ov, "discussion"); i++) {
		s = opt_at(ov, "discussion", i);
		if ((eq = strchr(s, '=')) == NULL || eq == s ||
		    (size_t)(eq - s) > 8) {
			rc = opt_bad_usage(ov->entry, ov->sub, _("--discussion "
			    "'%s': write N=TEXT, N the item's number in the "
			    "次第"), s);
			goto done;
		}
		snprintf(where, sizeof where, "%.*s", (int)(eq - s), s);
		if (parse_int(&item, where, 1, 99) != 0) {
			rc = opt_bad_usage(ov->entry, ov->sub, _("--discussion: "
			    "%s"), error_last());
			goto done;
		}
		if (grow(&in.discussion, &in.ndiscussion,
		    sizeof *in.discussion) != CMD_OK)
			goto done;
		in.discussion[in.ndiscussion - 1].item = (long)item;
		in.discussion[in.ndiscussion - 1].text = eq + 1;
	}
	for (i = 0; i < na; i++) {
		struct meeting_action *a;

		if (grow(&in.actions, &in.nactions, sizeof *in.actions) !=
		    CMD_OK)
			goto done;
		a = &in.actions[in.nactions - 1];
		a->action = opt_at(ov, "action", i);
		a->owner = opt_at(ov, "owner", i);
		if (ndue > 0 && due_value(&in, opt_at(ov, "due", i), &a->due,
		    "--due") != CMD_OK)
			goto done;
	}
	m.attendees = in.attendees;
	m.nattendees = in.nattendees;
	m.attendee_org = opt_get(ov, "attendee-org");
	m.members = in.members;
	m.nmembers = in.nmembers;
	m.discussion = in.discussion;
	m.ndiscussion = in.ndiscussion;
	m.decisions = in.decisions;
	m.ndecisions = in.ndecisions;
	m.actions = in.actions;
	m.nactions = in.nactions;
	if (opt_has(ov, "text"))
		m.minutes = opt_get(ov, "text");
	if (opt_has(ov, "submitted"))
		m.submitted = opt_get(ov, "submitted");
	/* ward attendees are of the client division unless told */
	if (m.attendee_org == NULL && m.nattendees > 0) {
		const struct node *conf;

		if (store_config(&conf, st) == 0)
			m.attendee_org = node_get_str(node_get(conf, "client"),
			    "org");
		error_clear();
	}
	if (cmd_load_record(&r, &ref, st, ov->argv[0], "meeting") != CMD_OK)
		goto done;
	if (meeting_minutes_check(st, cal, r, &m, &d) != 0) {
		cmd_print_diags(stderr, &d);
		rc = cmd_error(_("%s: %s"), ref.id, error_last());
		goto done;
	}
	{
		size_t created = 0;

		if (meeting_record_minutes(&created, st, cal, &ref, &m,
		    &d) != 0) {
			cmd_print_diags(stderr, &d);
			rc = cmd_error(_("cannot record the minutes of %s: %s"),
			    ref.id, error_last());
			goto done;
		}
		fprintf(stderr, _("updated %s/%s\n"), store_root(st),
		    ref.relpath);
		if (created > 0)
			fprintf(stderr, _("%zu action item%s added to the "
			    "issue table\n"), created, created == 1 ? "" :
			    "s");
	}
	rc = CMD_OK;
done:
	minutes_in_free(&in);
	record_free(r);
	free(ref.id);
	free(ref.relpath);
	cal_free(cal);
	diags_free(&d);
	return rc;
}

/*
 * meeting list
 */

static const struct listing_col list_cols[] = {
	{ "id", "ID", 0, 0 },
	{ "date", N_("Held on"), 0, 0 },
	{ "type", N_("Meeting type"), 0, 0 },
	{ "title", N_("Meeting"), 0, 0 },
	{ "status", N_("Status"), 0, 0 },
	{ "materials_due", N_("Materials due"), 0, 0 },
	{ "moved_from", N_("Moved from"), 0, 0 },
};

static int
meeting_list(struct cmd_ctx *ctx, struct optv *ov)
{
	const struct schema	*kind;
	struct store		*st;
	struct cal		*cal = NULL;
	struct reclist		 refs = RECLIST_INIT;
	struct record		*r;
	struct listing		*l = NULL;
	const struct node	*root;
	struct cal_date		 d, today = cal_today();
	struct cal_due		 due;
	const char		*cells[7], *type = opt_get(ov, "type");
	char			 dues[CAL_FMT_MAX], date[CAL_FMT_MAX];
	size_t			 i;
	int			 rc = CMD_OK, has, data;

	/* csv and json are data for programs: the date alone */
	data = strcmp(listing_format(opt_get(ov, "format"),
	    opt_get(ov, "output")), "table") != 0;
	if ((st = cmd_store(ctx)) == NULL)
		return CMD_FAIL;
	if (store_kind(&kind, st, "meeting") != 0 ||
	    meeting_cal(&cal, st) != 0 ||
	    store_scan(&refs, st, kind, (int)opt_num(ov, "fy", 0), NULL) != 0)
		return cmd_lib_error();
	if ((l = listing_new(list_cols, 7)) == NULL) {
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
		has = meeting_date(&d, root) == 0;
		if ((type != NULL && !node_scalar_eq(node_get(root, "type"),
		    type)) || (opt_has(ov, "upcoming") && (!has ||
		    cal_cmp(d, today) < 0 || node_scalar_eq(node_get(root,
		    "status"), "cancelled")))) {
			record_free(r);
			continue;
		}
		dues[0] = date[0] = '\0';
		if (has) {
			if (data)
				snprintf(date, sizeof date, "%s",
				    node_get_str(root, "date"));
			else
				snprintf(date, sizeof date, "%s (%s)",
				    node_get_str(root, "date"),
				    _(wday_en[cal_weekday(d)]));
			if (node_get(root, "materials_due") != NULL &&
			    cal_due_meeting(&due, cal, d) == 0)
				cal_format_due(dues, sizeof dues, &due);
		}
		cells[0] = record_id(r);
		cells[1] = date;
		cells[2] = schema_label(kind, "type", node_get_str(root,
		    "type"));
		cells[3] = node_get_str(root, "title");
		cells[4] = schema_label(kind, "status", node_get_str(root,
		    "status"));
		cells[5] = dues;
		cells[6] = node_get_str(root, "moved_from");
		if (listing_row(l, cells) != 0)
			rc = cmd_lib_error();
		record_free(r);
	}
	error_clear();
	listing_sort(l, 1, 3);
	if (listing_print_out(l, opt_get(ov, "format"), opt_has(ov, "crlf"),
	    opt_get(ov, "output")) != CMD_OK)
		rc = CMD_FAIL;
done:
	listing_free(l);
	reclist_free(&refs);
	cal_free(cal);
	return rc;
}

/*
 * meeting export agenda | minutes
 */

static int
meeting_export(struct cmd_ctx *ctx, struct optv *ov)
{
	struct store		*st;
	struct cal		*cal = NULL;
	struct record		*r = NULL;
	struct recref		 ref = { NULL, NULL, NULL, 0 };
	struct meeting_view	 v;
	const char		*what = ov->argv[0];
	/*
	 * 議事録_, the title and .docx, whatever the title's length:
	 * name[300], then name[1024] for a title edited by hand past the
	 * schema's 200 characters, cut the title and its extension, and
	 * the document was written without one (safe_name() shortens the
	 * name whole, before its extension).
	 */
	struct buf		 name = BUF_INIT;
	char			*path = NULL;
	int			 rc = CMD_FAIL, agenda, ok;

	memset(&v, 0, sizeof v);
	agenda = strcmp(what, "agenda") == 0;
	if (!agenda && strcmp(what, "minutes") != 0)
		return opt_bad_usage(ov->entry, ov->sub, _("no document '%s':"
		    " agenda or minutes"), what);
	if ((st = cmd_store(ctx)) == NULL)
		return CMD_FAIL;
	if (meeting_cal(&cal, st) != 0)
		return cmd_lib_error();
	if (cmd_load_record(&r, &ref, st, ov->argv[1], "meeting") != CMD_OK)
		goto done;
	if (node_scalar_eq(node_get(record_root(r), "status"), "cancelled")) {
		rc = cmd_error(_("%s was cancelled"), ref.id);
		goto done;
	}
	if (!agenda && node_scalar_eq(node_get(record_root(r), "status"),
	    "scheduled")) {
		rc = cmd_error(_("%s has not been held: record its minutes "
		    "with 'meeting minutes %s' first"), ref.id, ref.id);
		goto done;
	}
	/*
	 * A meeting held with nothing recorded of it: its 議事録 would be
	 * the date, the place and 「（議題の記録なし）」, and went to the
	 * ward as a deliverable (review 21, rev21a M1).
	 */
	if (!agenda && !meeting_minutes_recorded(record_root(r))) {
		rc = cmd_error(_("%s: no minutes are recorded (no attendee, "
		    "agenda summary, decision or action): record them with "
		    "'meeting minutes %s' first"), ref.id, ref.id);
		goto done;
	}
	if ((agenda ? meeting_agenda_view(&v, st, cal, record_root(r)) :
	    meeting_minutes_view(&v, st, cal, record_root(r))) != 0) {
		rc = cmd_lib_error();
		goto done;
	}
	if (agenda && v.nitems == 0) {
		rc = cmd_error(_("'%s' has nothing on its agenda yet: add the "
		    "items with 'meeting item %s --title ...'"), v.title,
		    ref.id);
		goto done;
	}
	buf_printf(&name, "%s_%s.docx", agenda ? "次第" : "議事録", v.title);
	if (buf_ok(&name) != 0) {
		rc = cmd_lib_error();
		goto done;
	}
	if ((rc = cmd_export_path(&path, opt_get(ov, "o"), name.data, 0)) !=
	    CMD_OK || (rc = cmd_export_begin()) != CMD_OK)
		goto done;
	ok = (agenda ? meeting_write_agenda_docx(&v, path) :
	    meeting_write_minutes_docx(&v, path)) == 0;
	if (!ok)
		cmd_lib_error();
	else
		cmd_export_note(path);
	rc = cmd_export_end(ok);
done:
	meeting_view_free(&v);
	buf_free(&name);
	free(path);
	record_free(r);
	free(ref.id);
	free(ref.relpath);
	cal_free(cal);
	return rc;
}

static const struct opt plan_opts[] = {
	{ "fy", 0, OPT_FY, OPT_REQUIRED, NULL, NULL, 0, 0,
	  "the fiscal year to plan" },
	{ "dry-run", 0, OPT_FLAG, 0, NULL, NULL, 0, 0,
	  "show the plan, create nothing" },
	OPT_END
};

static const struct opt add_opts[] = {
	{ "type", 0, OPT_ENUM, OPT_REQUIRED, "TYPE", "meeting:type", 0, 0,
	  "regular, progress, it-honbu, unei, security-committee or other" },
	{ "date", 0, OPT_DATE, OPT_REQUIRED, NULL, NULL, 0, 0,
	  "the day of the meeting" },
	{ "title", 0, OPT_TEXT, 0, NULL, NULL, 0, 0,
	  "the name (default: 第n回 and the type)" },
	{ "start", 0, OPT_TEXT, 0, "HH:MM", NULL, 0, 0, "starting time" },
	{ "end", 0, OPT_TEXT, 0, "HH:MM", NULL, 0, 0, "ending time" },
	{ "place", 0, OPT_TEXT, 0, NULL, NULL, 0, 0, "where" },
	{ "materials", 0, OPT_FLAG, 0, NULL, NULL, 0, 0,
	  "the ward asked for material: it is due the day before" },
	{ "member", 0, OPT_MEMBER, OPT_REPEAT, NULL, NULL, 0, 0,
	  "a team member who attends" },
	{ "force", 0, OPT_FLAG, 0, NULL, NULL, 0, 0,
	  "hold it even on a day the ward is closed" },
	OPT_END
};

static const struct opt move_opts[] = {
	{ "date", 0, OPT_DATE, OPT_REQUIRED, NULL, NULL, 0, 0,
	  "the new day; the deadline moves with it" },
	{ "force", 0, OPT_FLAG, 0, NULL, NULL, 0, 0,
	  "even to a day the ward is closed" },
	OPT_END
};

static const struct opt cancel_opts[] = {
	{ "note", 0, OPT_TEXT, 0, NULL, NULL, 0, 0, "why" },
	OPT_END
};

static const struct opt item_opts[] = {
	{ "title", 0, OPT_TEXT, OPT_REQUIRED, NULL, NULL, 0, 0,
	  "the agenda item (議題)" },
	{ "presenter", 0, OPT_TEXT, 0, "NAME", NULL, 0, 0, "who presents it" },
	{ "material", 0, OPT_PATH, OPT_REPEAT, "FILE", NULL, 0, 0,
	  "a handout (資料) for it" },
	OPT_END
};

static const struct opt minutes_opts[] = {
	{ "from", 0, OPT_PATH, 0, "FILE", NULL, 0, 0,
	  "the minutes as YAML (see the manual)" },
	{ "attendee", 0, OPT_TEXT, OPT_REPEAT, "NAME", NULL, 0, 0,
	  "a ward attendee: 見本 直子（主任）" },
	{ "attendee-org", 0, OPT_ORG, 0, NULL, NULL, 0, 0,
	  "the 課 of the --attendee given" },
	{ "member", 0, OPT_MEMBER, OPT_REPEAT, NULL, NULL, 0, 0,
	  "a team member who attended" },
	{ "discussion", 0, OPT_TEXT, OPT_REPEAT, "N=TEXT", NULL, 0, 0,
	  "what was discussed under item N of the 次第" },
	{ "decision", 0, OPT_TEXT, OPT_REPEAT, NULL, NULL, 0, 0,
	  "a decision" },
	{ "action", 0, OPT_TEXT, OPT_REPEAT, NULL, NULL, 0, 0,
	  "an action item; it becomes an issue" },
	{ "owner", 0, OPT_MEMBER, OPT_REPEAT, NULL, NULL, 0, 0,
	  "the owner of the action item in the same position" },
	{ "due", 0, OPT_TEXT, OPT_REPEAT, "DATE", NULL, 0, 0,
	  "its due date ('-' for none)" },
	{ "text", 0, OPT_TEXT, 0, NULL, NULL, 0, 0,
	  "anything else to record (その他)" },
	{ "submitted", 0, OPT_DATE, 0, NULL, NULL, 0, 0,
	  "the day the minutes went to the ward" },
	OPT_END
};

static const struct opt list_opts[] = {
	{ "fy", 0, OPT_FY, 0, NULL, NULL, 0, 0, "one fiscal year only" },
	{ "type", 0, OPT_ENUM, 0, "TYPE", "meeting:type", 0, 0,
	  "one type only" },
	{ "upcoming", 0, OPT_FLAG, 0, NULL, NULL, 0, 0,
	  "today and later, not cancelled" },
	{ "format", 0, OPT_CHOICE, 0, "table|csv|json", "table|csv|json", 0, 0,
	  "output format (default table)" },
	LISTING_OPT_CRLF,
	LISTING_OPT_OUTPUT,
	OPT_END
};

static const struct opt export_opts[] = {
	{ "o", 'o', OPT_PATH, 0, NULL, NULL, 0, 0,
	  "the file, or a folder (ending in /)" },
	OPT_ZIP_OPTS,
	OPT_END
};

static const struct subcmd meeting_subs[] = {
	{ "plan", meeting_plan_cmd, plan_opts, NULL, 0, 0, NULL,
	  "create the year's 定例会 and 進捗報告会 (again: nothing new)" },
	{ "add", meeting_add, add_opts, NULL, 0, 0, NULL,
	  "add a committee or an extra meeting" },
	{ "move", meeting_move_cmd, move_opts, "ID", 1, 1, NULL,
	  "move a meeting and its document deadline" },
	{ "cancel", meeting_cancel, cancel_opts, "ID", 1, 1, NULL,
	  "cancel a meeting" },
	{ "item", meeting_item, item_opts, "ID", 1, 1, NULL,
	  "put an item on the agenda" },
	{ "minutes", meeting_minutes_cmd, minutes_opts, "ID", 1, 1, NULL,
	  "record attendees, discussion, decisions and action items" },
	{ "list", meeting_list, list_opts, NULL, 0, 0, NULL,
	  "list meetings with their document deadlines" },
	{ "export", meeting_export, export_opts, "WHAT ID", 2, 2,
	  "(agenda | minutes) ID [-o PATH] [--zip FILE]"
	  " [--password-file FILE]",
	  "write the 次第 or the 議事録 (.docx)" },
	SUBCMD_END
};

const struct cmd_entry cmd_meeting_entry = {
	.name = "meeting",
	.desc = "meetings: the year's plan, deadlines, 次第 and 議事録",
	.help =
	    "Documents for a 定例会 or 進捗報告会 (all but the minutes) are due\n"
	    "by 10:00 one ward business day before it (仕様書4(3)ア(ウ)(エ)).\n"
	    "A meeting on a day the ward is closed is refused, naming the\n"
	    "nearest business days, unless --force.\n",
	.subs = meeting_subs,
	.kind = "meeting",
};
