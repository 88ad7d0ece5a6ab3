/*
 * nerima-cio report: the 作業実施報告書 for a progress meeting with its
 * attachments, and the year's totals per specification item.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "cal.h"
#include "cmd.h"
#include "consult.h"
#include "error.h"
#include "i18n.h"
#include "issue.h"
#include "opt.h"
#include "period.h"
#include "record.h"
#include "report.h"
#include "report_bundle.h"
#include "store.h"

/* --note ITEM=TEXT: the user's wording of a 6(1)ウ note. */
static int
apply_notes(struct report_work *w, struct optv *ov)
{
	const char	*arg, *eq;
	char		*item;
	size_t		 i;
	int		 rc;

	for (i = 0; i < opt_count(ov, "note"); i++) {
		arg = opt_at(ov, "note", i);
		if ((eq = strchr(arg, '=')) == NULL || eq == arg)
			return opt_bad_usage(ov->entry, ov->sub, _("--note "
			    "takes ITEM=TEXT, such as plan_reviews=..., not "
			    "'%s'"), arg);
		if ((item = strndup(arg, (size_t)(eq - arg))) == NULL)
			return cmd_error(_("out of memory"));
		rc = report_work_set_note(w, item, eq + 1);
		free(item);
		if (rc != 0)
			return cmd_lib_error();
	}
	return CMD_OK;
}

/*
 * What a report found in the records it counts (an event dated before
 * the report but still planned): warnings, the documents say 未実施.
 */
static void
print_warns(const struct diags *d)
{
	size_t	i;

	for (i = 0; i < d->n; i++)
		cmd_warn("%s", d->v[i].msg);
}

enum { F_REPORT, F_ISSUES, F_SCHEDULE, F_CONSULT, F_N };

static int
report_bimonthly(struct cmd_ctx *ctx, struct optv *ov)
{
	static const char *const doc[F_N] = { "作業実施報告書", "課題管理表",
	    "予定と実績", "相談業務実施報告書" };
	static const char *const ext[F_N] = { "docx", "xlsx", "xlsx", "docx" };
	struct store		*st;
	struct cmd_period	 pd;
	struct report_work	 w;
	struct consult_report	 cr;
	struct issue_table	 it;
	struct cal_date		 from, to, as_of;
	const char		*att[F_N - 1], *mtitle = NULL;
	char			 era[CAL_FMT_MAX], name[F_N][160], ohead[256];
	char			 title[F_N][256];
	char			*path[F_N] = { NULL, NULL, NULL, NULL };
	int			 rc = CMD_FAIL, ok, built = 0;
	size_t			 i;

	memset(&w, 0, sizeof w);
	memset(&cr, 0, sizeof cr);
	memset(&it, 0, sizeof it);
	if ((rc = cmd_period(&pd, ctx, ov, 1)) != CMD_OK)
		goto done;
	rc = CMD_FAIL;
	st = pd.st;
	from = pd.from;
	to = pd.to;
	as_of = pd.as_of;
	if (pd.meeting != NULL)
		mtitle = node_get_str(record_root(pd.meeting), "title");
	if (report_work_build(&w, st, from, to, as_of, mtitle) != 0) {
		rc = cmd_lib_error();
		goto done;
	}
	built = 1;
	print_warns(&w.warns);
	if ((rc = apply_notes(&w, ov)) != CMD_OK)
		goto done;
	rc = CMD_FAIL;
	if (consult_report_build(&cr, st, from, to) != 0 ||
	    issue_table_build(&it, st, w.fy, as_of, 0) != 0) {
		rc = cmd_lib_error();
		goto done;
	}
	cr.as_of = as_of;
	/*
	 * the 作業実施報告書's words on what is not answered at year end,
	 * by the rule `consult export report` follows too
	 */
	report_open_end(&cr.open_kind, ohead, sizeof ohead, st, to);
	if (cr.open_kind != EV_OPEN_RUNS)
		cr.open_end = ohead;
	it.handover = w.handover_day;
	cal_format_era(era, sizeof era, as_of, CAL_ERA_LONG);
	for (i = 0; i < F_N; i++) {
		snprintf(name[i], sizeof name[i], "%s_%s.%s", doc[i], era,
		    ext[i]);
		if ((rc = cmd_export_path(&path[i], opt_get(ov, "o"), name[i],
		    1)) != CMD_OK)
			goto done;
		/*
		 * The attachments by their titles, as the ward lists a
		 * document (課題管理表（令和8年7月22日現在）), not by
		 * file name; the consultations' report by its period.
		 */
		if (i == F_CONSULT && w.period != NULL)
			snprintf(title[i], sizeof title[i], "%s（%s）", doc[i],
			    w.period);
		else
			snprintf(title[i], sizeof title[i], "%s（%s現在）",
			    doc[i], era);
		if (i > 0)
			att[i - 1] = title[i];
	}
	/*
	 * The 予定と実績 as of the report's date, the date its file is
	 * named by: it took the period's last day, the calendar day before
	 * the meeting, and said 「令和8年9月23日現在」 (秋分の日) in
	 * 予定と実績_令和8年9月18日.xlsx, which 成果物一覧 listed at 9月23日
	 * (review 21, rev21a M3).
	 */
	if ((rc = cmd_export_begin()) != CMD_OK)
		goto done;
	ok = report_work_write_docx(&w, att, F_N - 1, path[F_REPORT]) == 0 &&
	    cmd_export_note(path[F_REPORT]) == CMD_OK &&
	    issue_table_write_xlsx(&it, path[F_ISSUES]) == 0 &&
	    cmd_export_note(path[F_ISSUES]) == CMD_OK &&
	    report_schedule_write_xlsx(st, w.fy, as_of, path[F_SCHEDULE]) ==
	    0 &&
	    cmd_export_note(path[F_SCHEDULE]) == CMD_OK &&
	    consult_report_write_docx(&cr, path[F_CONSULT]) == 0 &&
	    cmd_export_note(path[F_CONSULT]) == CMD_OK;
	if (!ok)
		cmd_lib_error();
	rc = cmd_export_end(ok);
done:
	if (built)
		report_work_free(&w);
	consult_report_free(&cr);
	issue_table_free(&it);
	cmd_period_free(&pd);
	for (i = 0; i < F_N; i++)
		free(path[i]);
	return rc;
}

static int
report_annual(struct cmd_ctx *ctx, struct optv *ov)
{
	struct store		*st;
	struct report_work	 w, pw;
	struct cal_date		 fy0, fy1, today = cal_today(), to, p0, p1;
	const struct node	*conf;
	char			 fyl[CAL_FMT_MAX], name[128], *path = NULL;
	int			 fy = (int)opt_num(ov, "fy", 0), rc, ok, prev;

	if ((st = cmd_store(ctx)) == NULL)
		return CMD_FAIL;
	cal_fy_bounds(&fy0, &fy1, fy);
	if (cal_cmp(today, fy0) < 0)
		return cmd_error(_("FY%d has not begun (it starts on %d-04-01)"),
		    fy, fy);
	/* the year so far while it runs; the whole year after it */
	to = cal_cmp(today, fy1) < 0 ? today : fy1;
	if (report_work_build(&w, st, fy0, to, to, NULL) != 0)
		return cmd_lib_error();
	/*
	 * The whole year before, for 前年度実績, where it was a year of
	 * the contract: the records of a year before it (a training's,
	 * kept to compare with) gave 0 against every other item.  Its
	 * warnings are that year's report's, not said again here.
	 */
	memset(&pw, 0, sizeof pw);
	if (store_config(&conf, st) != 0)
		conf = NULL;
	error_clear();
	prev = conf == NULL || report_contract_year(conf, fy - 1) != 0;
	cal_fy_bounds(&p0, &p1, fy - 1);
	if (prev && report_work_build(&pw, st, p0, p1, p1, NULL) != 0) {
		report_work_free(&w);
		return cmd_lib_error();
	}
	print_warns(&w.warns);
	cal_fy_label(fyl, sizeof fyl, fy);
	snprintf(name, sizeof name, "業務項目別実績_%s.xlsx", fyl);
	if ((rc = cmd_export_path(&path, opt_get(ov, "o"), name, 0)) !=
	    CMD_OK || (rc = cmd_export_begin()) != CMD_OK)
		goto done;
	ok = report_annual_write_xlsx(&w, prev ? &pw : NULL, path) == 0 &&
	    cmd_export_note(path) == CMD_OK;
	if (!ok)
		cmd_lib_error();
	rc = cmd_export_end(ok);
done:
	report_work_free(&w);
	report_work_free(&pw);
	free(path);
	return rc;
}

static int
report_plan(struct cmd_ctx *ctx, struct optv *ov)
{
	struct store	*st;
	char		 fyl[CAL_FMT_MAX], name[128], *path = NULL;
	int		 fy = (int)opt_num(ov, "fy", 0), rc, ok;

	if ((st = cmd_store(ctx)) == NULL)
		return CMD_FAIL;
	cal_fy_label(fyl, sizeof fyl, fy);
	snprintf(name, sizeof name, "作業実施計画書_%s.docx", fyl);
	if ((rc = cmd_export_path(&path, opt_get(ov, "o"), name, 0)) !=
	    CMD_OK || (rc = cmd_export_begin()) != CMD_OK)
		goto done;
	ok = report_plan_write_docx(st, fy, path) == 0 &&
	    cmd_export_note(path) == CMD_OK;
	if (!ok)
		cmd_lib_error();
	rc = cmd_export_end(ok);
done:
	free(path);
	return rc;
}

static int
report_security(struct optv *ov, struct cmd_ctx *ctx, int final)
{
	struct store		*st;
	struct report_sec	 s;
	struct buf		 ot = BUF_INIT, dt = BUF_INIT;
	char			 fyl[CAL_FMT_MAX], name[2][192];
	char			*path[2] = { NULL, NULL };
	const char		*doc = final ? "情報セキュリティ最終報告書" :
				    "情報セキュリティ運営計画書";
	int			 fy = (int)opt_num(ov, "fy", 0), rc, ok, i;

	if ((st = cmd_store(ctx)) == NULL)
		return CMD_FAIL;
	if (report_sec_build(&s, st, fy, final) != 0)
		return cmd_lib_error();
	/* the overview's figures are the detail's: refuse otherwise */
	if (report_sec_text(&ot, &s, 1) != 0 ||
	    report_sec_text(&dt, &s, 0) != 0 ||
	    report_sec_check(ot.data, dt.data) != 0) {
		rc = cmd_lib_error();
		goto done;
	}
	print_warns(&s.warns);
	if (s.nproofreads < 2)
		cmd_warn(_("%zu proofreading round(s) recorded; the "
		    "specification (3(2)ア) asks for two"), s.nproofreads);
	cal_fy_label(fyl, sizeof fyl, fy);
	snprintf(name[0], sizeof name[0], "%s_%s_詳細版.pptx", doc, fyl);
	snprintf(name[1], sizeof name[1], "%s_%s_概要版.pptx", doc, fyl);
	for (i = 0; i < 2; i++)
		if ((rc = cmd_export_path(&path[i], opt_get(ov, "o"), name[i],
		    1)) != CMD_OK)
			goto done;
	if ((rc = cmd_export_begin()) != CMD_OK)
		goto done;
	ok = report_sec_write(&s, 0, path[0]) == 0 &&
	    cmd_export_note(path[0]) == CMD_OK &&
	    report_sec_write(&s, 1, path[1]) == 0 &&
	    cmd_export_note(path[1]) == CMD_OK;
	if (!ok)
		cmd_lib_error();
	rc = cmd_export_end(ok);
done:
	buf_free(&ot);
	buf_free(&dt);
	free(path[0]);
	free(path[1]);
	report_sec_free(&s);
	return rc;
}

static int
report_security_plan(struct cmd_ctx *ctx, struct optv *ov)
{
	return report_security(ov, ctx, 0);
}

static int
report_security_final(struct cmd_ctx *ctx, struct optv *ov)
{
	return report_security(ov, ctx, 1);
}

static const struct opt bimonthly_opts[] = {
	{ "meeting", 0, OPT_ID, 0, NULL, NULL, 0, 0,
	  "the progress meeting it is for (its period)" },
	{ "from", 0, OPT_DATE, 0, NULL, NULL, 0, 0,
	  "the first day of the period" },
	{ "to", 0, OPT_DATE, 0, NULL, NULL, 0, 0,
	  "the last day of the period" },
	{ "year-end", 0, OPT_FY, 0, NULL, NULL, 0, 0,
	  "the year's last period: from its last progress meeting to the "
	  "year's last business day" },
	{ "note", 0, OPT_TEXT, OPT_REPEAT, "ITEM=TEXT", NULL, 0, 0,
	  "your wording of the 6(1)ウ note of an item below expectation" },
	{ "o", 'o', OPT_PATH, 0, NULL, NULL, 0, 0,
	  "the folder for the four files (ending in /)" },
	OPT_ZIP_OPTS,
	OPT_END
};

static const struct opt annual_opts[] = {
	{ "fy", 0, OPT_FY, OPT_REQUIRED, NULL, NULL, 0, 0,
	  "the fiscal year" },
	{ "o", 'o', OPT_PATH, 0, NULL, NULL, 0, 0,
	  "the file, or a folder (ending in /)" },
	OPT_ZIP_OPTS,
	OPT_END
};

static const struct opt plan_opts[] = {
	{ "fy", 0, OPT_FY, OPT_REQUIRED, NULL, NULL, 0, 0,
	  "the fiscal year" },
	{ "o", 'o', OPT_PATH, 0, NULL, NULL, 0, 0,
	  "the file, or a folder (ending in /)" },
	OPT_ZIP_OPTS,
	OPT_END
};

static const struct subcmd report_subs[] = {
	{ "bimonthly", report_bimonthly, bimonthly_opts, NULL, 0, 0,
	  "(--meeting ID | --from DATE --to DATE | --year-end FY)"
	  " [--note ITEM=TEXT]..."
	  " [-o PATH] [--zip FILE] [--password-file FILE]",
	  "write the 作業実施報告書 with its attachments for a progress meeting" },
	{ "plan", report_plan, plan_opts, NULL, 0, 0, NULL,
	  "write the 作業実施計画書 from the year's work plan records" },
	{ "security-plan", report_security_plan, annual_opts, NULL, 0, 0,
	  NULL, "write the security-management plan, 詳細版 and 概要版 (.pptx)" },
	{ "security-final", report_security_final, annual_opts, NULL, 0, 0,
	  NULL, "write the final security report, 詳細版 and 概要版 (.pptx)" },
	{ "annual", report_annual, annual_opts, NULL, 0, 0, NULL,
	  "write the year's totals per specification item (.xlsx)" },
	REPORT_BUNDLE_SUBCMD,
	SUBCMD_END
};

const struct cmd_entry cmd_report_entry = {
	.name = "report",
	.desc = "work reports: the 作業実施報告書, the 作業実施計画書, the"
	    " security plan and final report, the year's totals, the bundle",
	.help =
	    "'bimonthly' writes four files together, or none: the\n"
	    "作業実施報告書 (.docx), the 課題管理表 and 予定と実績 (.xlsx)\n"
	    "attached to it, and the 相談業務実施報告書 (.docx) of the same\n"
	    "period.  --year-end FY covers the days after the year's last\n"
	    "progress meeting, to the year's last business day, the day\n"
	    "it is dated.  Every count comes from the\n"
	    "records.  Where an item's year to date is below its share of\n"
	    "the yearly expectation, the report carries the 6(1)ウ note;\n"
	    "--note ITEM=TEXT words it.\n"
	    "'plan' prints the highest version of the year's work plan\n"
	    "records (kind workplan); a changed plan is a new record with\n"
	    "the next version and what changed.\n"
	    "'bundle' writes every deliverable of a fiscal year, made again\n"
	    "from the records, with the registered authored files, into\n"
	    "folders by specification item, with 成果物一覧.xlsx and a\n"
	    "manifest (SHA256SUMS.txt) that --verify checks.\n",
	.subs = report_subs,
};
