/*
 * nerima-cio cal: fiscal years, era dates, national holidays, business days
 * and the specification's deadlines, from the command line.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "cal.h"
#include "cmd.h"
#include "fileio.h"
#include "i18n.h"
#include "listing.h"
#include "opt.h"
#include "parse.h"
#include "store.h"
#include "table.h"

/* More business days than the holiday range holds; keeps loops short. */
#define ADD_MAX		100000L

/*
 * A DATE operand: what cal_parse() reads (any year it knows, with its
 * precise messages), else every form a date option takes (2026/4/10,
 * full-width digits: parse_date()).
 */
static int
arg_date(struct cal_date *out, const char *arg)
{
	char	msg[512];

	if (cal_parse(out, arg) == 0)
		return CMD_OK;
	snprintf(msg, sizeof msg, "%s", error_last());
	if (parse_date(out, arg) == 0)
		return CMD_OK;
	return cmd_error("%s", msg);
}

/*
 * The calendar with the data directory's closures when there is a data
 * directory; without one, national holidays and the year-end closure.
 */
static int
open_cal(struct cal **out, struct cmd_ctx *ctx)
{
	struct store	*st;
	struct cal	*c;
	char		*path;
	int		 r;

	*out = NULL;
	if ((c = cal_new()) == NULL)
		return cmd_lib_error();
	if ((st = cmd_store_optional(ctx)) != NULL) {
		if ((path = store_path(st, CAL_CLOSURES_FILE)) == NULL) {
			cal_free(c);
			return cmd_lib_error();
		}
		r = cal_load_closures(c, path, NULL);
		free(path);
		if (r != 0 && r != NC_ENOTFOUND) {
			cal_free(c);
			return cmd_lib_error();
		}
	}
	*out = c;
	return CMD_OK;
}

static int
parse_year(int *out, const char *s, size_t len)
{
	size_t	i;
	int	y = 0;

	if (len != 4)
		return -1;
	for (i = 0; i < len; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		y = y * 10 + (s[i] - '0');
	}
	*out = y;
	return 0;
}

static int
cal_holidays_cmd(struct cmd_ctx *ctx, struct optv *ov)
{
	static const char *const keys[] = { "date", "name" };
	struct cal_holiday	 v[CAL_HOLIDAYS_MAX];
	struct table		*t = NULL;
	struct buf		 out = BUF_INIT;
	const char		*dots, *arg = ov->argv[0], *row[2];
	const char		*path = opt_get(ov, "output");
	const char		*format = opt_get(ov, "format");
	char			 iso[CAL_FMT_MAX];
	size_t			 n, i;
	int			 from, to, y, rc = CMD_FAIL;

	(void)ctx;
	/* text: one holiday a line, date TAB name, as scripts read it */
	if (format == NULL)
		format = path != NULL ? listing_format(NULL, path) : "text";
	if (strcmp(format, "table") == 0)
		format = "text";
	if ((dots = strstr(arg, "..")) == NULL) {
		if (parse_year(&from, arg, strlen(arg)) != 0)
			goto bad;
		to = from;
	} else if (parse_year(&from, arg, (size_t)(dots - arg)) != 0 ||
	    parse_year(&to, dots + 2, strlen(dots + 2)) != 0)
		goto bad;
	if (to < from)
		return cmd_error(_("invalid years '%s': the range ends before "
		    "it begins"), arg);
	if ((t = table_new(2)) == NULL)
		return cmd_lib_error();
	table_set_header(t, 0, keys[0], 0);
	table_set_header(t, 1, keys[1], 0);
	for (y = from; y <= to; y++) {
		if (cal_holidays(v, &n, y) != 0) {
			rc = cmd_lib_error();
			goto done;
		}
		for (i = 0; i < n; i++) {
			cal_format_iso(iso, sizeof iso, v[i].date);
			row[0] = iso;
			row[1] = v[i].name;
			if (table_add_row(t, row) != 0) {
				rc = cmd_lib_error();
				goto done;
			}
		}
	}
	if (strcmp(format, "text") != 0) {
		rc = listing_table_out(t, keys, format, opt_has(ov, "crlf"),
		    path);
		goto done;
	}
	for (i = 0; i < table_nrows(t); i++)
		buf_printf(&out, "%s\t%s\n", table_cell(t, i, 0),
		    table_cell(t, i, 1));
	if (buf_ok(&out) != 0)
		rc = cmd_lib_error();
	else if (path == NULL) {
		fwrite(out.data, 1, out.len, stdout);
		rc = CMD_OK;
	} else if (fileio_write_atomic(path, out.data, out.len) != 0)
		rc = cmd_lib_error();
	else {
		fprintf(stderr, "%s\n", path);
		rc = CMD_OK;
	}
done:
	table_free(t);
	buf_free(&out);
	return rc;

bad:
	return cmd_error(_("invalid years '%s': expected YYYY or YYYY..YYYY"),
	    arg);
}

static int
cal_fy_cmd(struct cmd_ctx *ctx, struct optv *ov)
{
	struct cal_date	d, start, end;
	char		label[CAL_FMT_MAX], a[CAL_FMT_MAX], b[CAL_FMT_MAX];
	int		fy;

	(void)ctx;
	if (arg_date(&d, ov->argv[0]) != CMD_OK)
		return CMD_FAIL;
	fy = cal_fy(d);
	cal_fy_bounds(&start, &end, fy);
	if (cal_fy_label(label, sizeof label, fy) != 0 ||
	    cal_format_iso(a, sizeof a, start) != 0 ||
	    cal_format_iso(b, sizeof b, end) != 0)
		return cmd_lib_error();
	printf("%d\t%s\t%s\t%s\n", fy, label, a, b);
	return CMD_OK;
}

static int
cal_era_cmd(struct cmd_ctx *ctx, struct optv *ov)
{
	struct cal_date	d;
	char		a[CAL_FMT_MAX], b[CAL_FMT_MAX];

	(void)ctx;
	if (arg_date(&d, ov->argv[0]) != CMD_OK)
		return CMD_FAIL;
	/* An era date is answered in ISO form, an ISO date in era forms. */
	if (parse_fold(a, sizeof a, ov->argv[0]) != 0 || a[0] < '0' ||
	    a[0] > '9') {
		if (cal_format_iso(a, sizeof a, d) != 0)
			return cmd_lib_error();
		printf("%s\n", a);
		return CMD_OK;
	}
	if (cal_format_era(a, sizeof a, d, CAL_ERA_LONG) != 0 ||
	    cal_format_era(b, sizeof b, d, CAL_ERA_SHORT) != 0)
		return cmd_lib_error();
	printf("%s\t%s\n", a, b);
	return CMD_OK;
}

static int
cal_add_cmd(struct cmd_ctx *ctx, struct optv *ov)
{
	struct cal	*c = NULL;
	struct cal_date	 d, out;
	char		 iso[CAL_FMT_MAX];
	long long	 n;
	int		 status;

	if (arg_date(&d, ov->argv[0]) != CMD_OK)
		return CMD_FAIL;
	/* A count is only digits (full-width too), with a sign. */
	if (parse_int(&n, ov->argv[1], -ADD_MAX, ADD_MAX) != 0 ||
	    strchr("+-0123456789\xef", ov->argv[1][0]) == NULL)
		return cmd_error(_("invalid number of business days '%s': "
		    "expected a whole number such as 5 or -3"), ov->argv[1]);
	if ((status = open_cal(&c, ctx)) != CMD_OK)
		return status;
	if (cal_add_business_days(&out, c, d, (long)n) != 0 ||
	    cal_format_iso(iso, sizeof iso, out) != 0)
		status = cmd_lib_error();
	else
		printf("%s\n", iso);
	cal_free(c);
	return status;
}

static int
cal_due_cmd(struct cmd_ctx *ctx, struct optv *ov)
{
	struct cal		*c = NULL;
	struct cal_date		 d;
	struct cal_due		 due;
	enum cal_due_kind	 kind;
	char			 buf[CAL_FMT_MAX];
	int			 status;

	if (cal_due_kind_parse(&kind, ov->argv[0]) != 0)
		return opt_bad_usage(ov->entry, ov->sub, "%s", error_last());
	if (arg_date(&d, ov->argv[1]) != CMD_OK)
		return CMD_FAIL;
	if ((status = open_cal(&c, ctx)) != CMD_OK)
		return status;
	if (cal_due(&due, c, kind, d) != 0 ||
	    cal_format_due(buf, sizeof buf, &due) != 0)
		status = cmd_lib_error();
	else
		printf("%s\n", buf);
	cal_free(c);
	return status;
}

static int
cal_business_cmd(struct cmd_ctx *ctx, struct optv *ov)
{
	struct cal	*c = NULL;
	struct cal_date	 d;
	const char	*why;
	char		 iso[CAL_FMT_MAX];
	int		 status, r;

	if (arg_date(&d, ov->argv[0]) != CMD_OK)
		return CMD_FAIL;
	if ((status = open_cal(&c, ctx)) != CMD_OK)
		return status;
	cal_format_iso(iso, sizeof iso, d);
	if ((r = cal_closed_reason(&why, c, d)) < 0)
		status = cmd_lib_error();
	else if (r == 1)
		printf(_("%s\tclosed\t%s\n"), iso, why);
	else
		printf(_("%s\topen\n"), iso);
	cal_free(c);
	return status;
}

static const struct opt holidays_opts[] = {
	{ "format", 0, OPT_CHOICE, 0, "text|csv|json", "text|csv|json", 0, 0,
	  "output format (default text: date TAB name)" },
	LISTING_OPT_CRLF,
	LISTING_OPT_OUTPUT,
	OPT_END
};

static const struct subcmd cal_subs[] = {
	{ "holidays", cal_holidays_cmd, holidays_opts, "YEAR[..YEAR]", 1, 1,
	  NULL,
	  "national holidays of YEAR, or of YEAR..YEAR" },
	{ "fy", cal_fy_cmd, NULL, "DATE", 1, 1, NULL,
	  "fiscal year of DATE, its label, first and last day" },
	{ "era", cal_era_cmd, NULL, "DATE", 1, 1, NULL,
	  "DATE in era forms, or an era date as YYYY-MM-DD" },
	{ "add", cal_add_cmd, NULL, "DATE N", 2, 2, NULL,
	  "the N-th business day after DATE (N < 0: before)" },
	{ "due", cal_due_cmd, NULL, "KIND DATE", 2, 2, NULL,
	  "deadline of KIND for DATE: meeting, procurement, workplan or "
	  "inspection" },
	{ "business", cal_business_cmd, NULL, "DATE", 1, 1, NULL,
	  "whether the ward is open on DATE, and why not" },
	SUBCMD_END
};

const struct cmd_entry cmd_cal_entry = {
	.name = "cal",
	.desc = "fiscal years, era dates, holidays, business days, deadlines",
	.help =
	    "DATE is YYYY-MM-DD, 2026/4/1, an era date (令和8年4月1日, R8.4.1),\n"
	    "in ASCII or full-width digits.  Extra closures come from\n"
	    "closures.yaml in the data directory.  See nerima-cio-cal(1).\n",
	.subs = cal_subs,
};
