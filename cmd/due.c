/*
 * nerima-cio due: one agenda of every dated obligation of the team --
 * meeting documents, procurement opinions, audit corrections, answers
 * to consultations, issues, the work plan, inspections -- as a table,
 * JSON, or an iCalendar file for Outlook and Teams.
 */
#include <sys/stat.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit_due.h"
#include "buf.h"
#include "clock.h"
#include "cmd.h"
#include "consult.h"
#include "due.h"
#include "fileio.h"
#include "i18n.h"
#include "incident.h"
#include "ical.h"
#include "issue.h"
#include "listing.h"
#include "meeting.h"
#include "opt.h"
#include "review_due.h"
#include "store.h"
#include "training.h"

/*
 * Where obligations come from: one due_source_fn per record kind, each
 * in its module's public header.  A module that gains deadlines is one
 * line here.
 */
static const struct due_source {
	const char	*name;
	due_source_fn	 fn;
} due_sources[] = {
	{ "meeting", meeting_dues },
	{ "contract", contract_dues },
	{ "consult", consult_dues },
	{ "issue", issue_dues },
	{ "review", review_dues },
	{ "audit", audit_dues },
	{ "incident", incident_dues },
	{ "training", training_dues },
};

/* Without --to, the agenda looks this many days ahead. */
#define DUE_DAYS_AHEAD	28

static const char *const wday_en[] = { N_("Sun"), N_("Mon"), N_("Tue"),
    N_("Wed"), N_("Thu"), N_("Fri"), N_("Sat") };

static const char *
member_name(void *arg, const char *id)
{
	const struct node	*conf, *ms;
	struct store		*st = arg;
	size_t			 i;

	if (id == NULL || store_config(&conf, st) != 0) {
		error_clear();
		return id;
	}
	ms = node_get(conf, "members");
	for (i = 0; ms != NULL && ms->kind == NODE_SEQ && i < ms->n; i++)
		if (node_scalar_eq(node_get(ms->u.items[i], "id"), id) &&
		    node_get_str(ms->u.items[i], "name") != NULL)
			return node_get_str(ms->u.items[i], "name");
	return id;
}

static const struct listing_col cols[] = {
	{ "due", N_("Due"), 0, 0 },
	{ "state", N_("State"), 0, 0 },
	{ "what", N_("Obligation"), 0, 0 },
	{ "title", N_("Title"), 0, 0 },
	{ "who", N_("Owner"), 0, 0 },
	{ "who_id", N_("Owner ID"), 0, 1 },
	{ "basis", N_("Basis"), 0, 1 },
	{ "kind", N_("Kind"), 0, 1 },
	{ "id", N_("Record"), 0, 0 },
};

static int
write_ics(struct store *st, const struct duelist *l, const char *path,
    int force)
{
	struct ical_opts	 o;
	struct buf		 b = BUF_INIT;
	struct stat		 sb;
	int			 rc = CMD_OK;

	/* an existing calendar file is never overwritten silently */
	if (!force && stat(path, &sb) == 0)
		return cmd_error(_("'%s' exists; nothing written (use --force "
		    "to replace it)"), path);
	memset(&o, 0, sizeof o);
	o.calname = "nerima-cio 期限";
	o.stamp = clock_time();
	o.who = member_name;
	o.arg = st;
	if (ical_write(&b, l, &o) != 0 ||
	    fileio_write_atomic(path, b.data, b.len) != 0)
		rc = cmd_error(_("cannot write '%s': %s"), path, error_last());
	else
		fprintf(stderr, _("%s: %zu event%s\n"), path, l->n,
		    l->n == 1 ? "" : "s");
	buf_free(&b);
	return rc;
}

static int
cmd_due(struct cmd_ctx *ctx, struct optv *ov)
{
	struct store	*st;
	struct duelist	 all = DUELIST_INIT, sel = DUELIST_INIT;
	struct listing	*l = NULL;
	struct cal_date	 today = cal_today(), from, to, lo = { 0, 0, 0 };
	const struct due_item *it;
	const char	*who = opt_get(ov, "who"), *cells[9];
	char		 when[64], iso[CAL_FMT_MAX], id[128];
	size_t		 i;
	int		 rc = CMD_OK, with_from = opt_date(ov, "from", &from);
	int		 overdue, json;
	struct tm	 now;

	clock_now(&now);
	if (!with_from)
		from = today;
	if (!opt_date(ov, "to", &to))
		to = cal_add_days(from, DUE_DAYS_AHEAD);
	if (cal_cmp(to, from) < 0)
		return opt_bad_usage(ov->entry, ov->sub, _("--to is before "
		    "--from"));
	if (opt_has(ov, "force") && !opt_has(ov, "ics"))
		return opt_bad_usage(ov->entry, ov->sub, _("--force goes with "
		    "--ics"));
	if ((st = cmd_store(ctx)) == NULL)
		return CMD_FAIL;
	/* without --from, what is still open from before today comes too */
	for (i = 0; i < sizeof due_sources / sizeof due_sources[0]; i++) {
		if (due_sources[i].fn(&all, st, with_from ? from : lo, to) !=
		    0) {
			rc = cmd_error(_("cannot list the %s deadlines: %s"),
			    due_sources[i].name, error_last());
			goto done;
		}
	}
	duelist_sort(&all);
	for (i = 0; i < all.n; i++) {
		it = &all.v[i];
		if (it->done && !opt_has(ov, "done"))
			continue;
		if (!with_from && cal_cmp(it->date, from) < 0 && it->done)
			continue;
		if (who != NULL && (it->who == NULL ||
		    strcmp(it->who, who) != 0))
			continue;
		if (duelist_add(&sel, it->date, it->hour, it->minute,
		    it->kind, it->id, it->title, it->what, it->who, it->basis,
		    it->done) != 0) {
			rc = cmd_lib_error();
			goto done;
		}
	}
	if (opt_has(ov, "ics")) {
		rc = write_ics(st, &sel, opt_get(ov, "ics"), opt_has(ov,
		    "force"));
		goto done;
	}
	/* json and csv: data for programs (RFC 3339 times, English states) */
	json = strcmp(listing_format(opt_get(ov, "format"),
	    opt_get(ov, "output")), "table") != 0;
	if ((l = listing_new(cols, 9)) == NULL) {
		rc = cmd_error(_("out of memory"));
		goto done;
	}
	for (i = 0; i < sel.n; i++) {
		struct cal_due d = { sel.v[i].date, sel.v[i].hour,
		    sel.v[i].minute };

		it = &sel.v[i];
		if (cal_format_due(iso, sizeof iso, &d) != 0) {
			rc = cmd_lib_error();
			goto done;
		}
		/* JSON: RFC 3339, the ward's time zone */
		if (json && it->hour >= 0)
			snprintf(when, sizeof when, "%.10sT%s+09:00", iso,
			    iso + 11);
		else if (json)
			snprintf(when, sizeof when, "%s", iso);
		else
			snprintf(when, sizeof when, "%s (%s)", iso,
			    _(wday_en[cal_weekday(it->date)]));
		/* a deadline at 10:00 today is past at 10:00 */
		overdue = !it->done && (cal_cmp(it->date, today) < 0 ||
		    (cal_cmp(it->date, today) == 0 && it->hour >= 0 &&
		    now.tm_hour * 60 + now.tm_min >= it->hour * 60 +
		    it->minute));
		snprintf(id, sizeof id, "%s", it->id);
		cells[0] = when;
		if (json)
			cells[1] = it->done ? "done" : overdue ? "overdue" :
			    "open";
		else
			cells[1] = it->done ? _("done") : overdue ?
			    _("overdue") : "";
		cells[2] = it->what;
		cells[3] = it->title;
		/* an inspection is the ward's: no member owns it */
		cells[4] = it->who != NULL ? member_name(st, it->who) :
		    strcmp(it->basis != NULL ? it->basis : "", "仕様書5(1)") ==
		    0 ? _("(the ward)") : NULL;
		cells[5] = it->who;
		cells[6] = it->basis;
		cells[7] = it->kind;
		cells[8] = id;
		if (listing_row(l, cells) != 0) {
			rc = cmd_lib_error();
			goto done;
		}
	}
	rc = listing_print_out(l, opt_get(ov, "format"), opt_has(ov, "crlf"),
	    opt_get(ov, "output"));
done:
	listing_free(l);
	duelist_free(&all);
	duelist_free(&sel);
	return rc;
}

static const struct opt due_opts[] = {
	{ "from", 0, OPT_DATE, 0, NULL, NULL, 0, 0,
	  "from this day (default today, with what is overdue)" },
	{ "to", 0, OPT_DATE, 0, NULL, NULL, 0, 0,
	  "to this day (default four weeks on)" },
	{ "who", 0, OPT_MEMBER, 0, NULL, NULL, 0, 0,
	  "one team member's obligations" },
	{ "done", 0, OPT_FLAG, 0, NULL, NULL, 0, 0,
	  "include obligations already met" },
	{ "format", 0, OPT_CHOICE, 0, "table|csv|json", "table|csv|json", 0, 0,
	  "output format (default table)" },
	LISTING_OPT_CRLF,
	LISTING_OPT_OUTPUT,
	{ "ics", 0, OPT_PATH, 0, "FILE", NULL, 0, 0,
	  "write an iCalendar file for Outlook and Teams instead" },
	{ "force", 0, OPT_FLAG, 0, NULL, NULL, 0, 0,
	  "replace an existing --ics file" },
	OPT_END
};

static const struct subcmd due_subs[] = {
	{ NULL, cmd_due, due_opts, NULL, 0, 0, NULL, NULL },
	SUBCMD_END
};

const struct cmd_entry cmd_due_entry = {
	.name = "due",
	.desc = "every deadline of the team in one agenda",
	.help =
	    "Lists every dated obligation from every kind of record, earliest\n"
	    "first: meeting documents (10:00 one business day before), answers\n"
	    "to consultations, procurement opinions, audit corrections, issue\n"
	    "due dates, the work plan and the ward's inspection periods.\n"
	    "Without --from, obligations still open from before today come\n"
	    "first, marked overdue.\n",
	.subs = due_subs,
};
