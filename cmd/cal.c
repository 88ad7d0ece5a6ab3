/*
 * nerima-cio cal: fiscal years, era dates, national holidays, business days
 * and the specification's deadlines, from the command line.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cal.h"
#include "cmd.h"
#include "store.h"

/* More business days than the holiday range holds; keeps loops short. */
#define ADD_MAX		100000L

static int	cal_holidays_cmd(const struct cmd_entry *, struct cmd_ctx *,
		    int, char **);
static int	cal_fy_cmd(const struct cmd_entry *, struct cmd_ctx *, int,
		    char **);
static int	cal_era_cmd(const struct cmd_entry *, struct cmd_ctx *, int,
		    char **);
static int	cal_add_cmd(const struct cmd_entry *, struct cmd_ctx *, int,
		    char **);
static int	cal_due_cmd(const struct cmd_entry *, struct cmd_ctx *, int,
		    char **);
static int	cal_business_cmd(const struct cmd_entry *, struct cmd_ctx *,
		    int, char **);

static const struct cmd_sub cal_subs[] = {
	{ "holidays", cal_holidays_cmd },
	{ "fy", cal_fy_cmd },
	{ "era", cal_era_cmd },
	{ "add", cal_add_cmd },
	{ "due", cal_due_cmd },
	{ "business", cal_business_cmd },
	{ NULL, NULL }
};

static int
cal_main(const struct cmd_entry *e, struct cmd_ctx *ctx, int argc,
    char **argv)
{
	return cmd_dispatch(e, cal_subs, ctx, argc, argv);
}

const struct cmd_entry cmd_cal_entry = {
	.name = "cal",
	.usage =
	    "nerima-cio cal holidays YEAR[..YEAR]\n"
	    "nerima-cio cal fy DATE\n"
	    "nerima-cio cal era DATE\n"
	    "nerima-cio cal add DATE N\n"
	    "nerima-cio cal due KIND DATE\n"
	    "nerima-cio cal business DATE",
	.desc = "fiscal years, era dates, holidays, business days, deadlines",
	.help =
	    "DATE is YYYY-MM-DD or an era date (令和8年4月1日, R8.4.1).\n"
	    "\n"
	    "   holidays   national holidays of YEAR, or of YEAR..YEAR\n"
	    "   fy         fiscal year of DATE, its label, first and last day\n"
	    "   era        DATE in era forms, or an era date as YYYY-MM-DD\n"
	    "   add        the N-th business day after DATE (N < 0: before)\n"
	    "   due        deadline of KIND for DATE: meeting, procurement,\n"
	    "              workplan or inspection\n"
	    "   business   whether the ward is open on DATE, and why not\n"
	    "\n"
	    "Extra closures come from closures.yaml in the data directory.\n"
	    "See nerima-cio-cal(1).\n",
	.exec = cal_main,
};

static int
parse_date(struct cal_date *out, const char *arg)
{
	if (cal_parse(out, arg) != 0)
		return cmd_lib_error();
	return CMD_OK;
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
cal_holidays_cmd(const struct cmd_entry *e, struct cmd_ctx *ctx, int argc,
    char **argv)
{
	struct cal_holiday	 v[CAL_HOLIDAYS_MAX];
	const char		*dots;
	char			 iso[CAL_FMT_MAX];
	size_t			 n, i;
	int			 from, to, y;

	(void)ctx;
	if (argc != 2)
		return cmd_bad_usage(e, "'cal holidays' takes one YEAR or"
		    " YEAR..YEAR");
	if ((dots = strstr(argv[1], "..")) == NULL) {
		if (parse_year(&from, argv[1], strlen(argv[1])) != 0)
			goto bad;
		to = from;
	} else if (parse_year(&from, argv[1], (size_t)(dots - argv[1])) != 0 ||
	    parse_year(&to, dots + 2, strlen(dots + 2)) != 0)
		goto bad;
	if (to < from)
		return cmd_error("invalid years '%s': the range ends before it"
		    " begins", argv[1]);
	for (y = from; y <= to; y++) {
		if (cal_holidays(v, &n, y) != 0)
			return cmd_lib_error();
		for (i = 0; i < n; i++) {
			cal_format_iso(iso, sizeof iso, v[i].date);
			printf("%s\t%s\n", iso, v[i].name);
		}
	}
	return CMD_OK;

bad:
	return cmd_error("invalid years '%s': expected YYYY or YYYY..YYYY",
	    argv[1]);
}

static int
cal_fy_cmd(const struct cmd_entry *e, struct cmd_ctx *ctx, int argc,
    char **argv)
{
	struct cal_date	d, start, end;
	char		label[CAL_FMT_MAX], a[CAL_FMT_MAX], b[CAL_FMT_MAX];
	int		fy;

	(void)ctx;
	if (argc != 2)
		return cmd_bad_usage(e, "'cal fy' takes one DATE");
	if (parse_date(&d, argv[1]) != CMD_OK)
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
cal_era_cmd(const struct cmd_entry *e, struct cmd_ctx *ctx, int argc,
    char **argv)
{
	struct cal_date	d;
	char		a[CAL_FMT_MAX], b[CAL_FMT_MAX];

	(void)ctx;
	if (argc != 2)
		return cmd_bad_usage(e, "'cal era' takes one DATE");
	if (parse_date(&d, argv[1]) != CMD_OK)
		return CMD_FAIL;
	/* An era date is answered in ISO form, an ISO date in era forms. */
	if (argv[1][0] < '0' || argv[1][0] > '9') {
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
cal_add_cmd(const struct cmd_entry *e, struct cmd_ctx *ctx, int argc,
    char **argv)
{
	struct cal	*c = NULL;
	struct cal_date	 d, out;
	char		 iso[CAL_FMT_MAX], *end;
	long		 n;
	int		 status;

	if (argc != 3)
		return cmd_bad_usage(e, "'cal add' takes DATE and N");
	if (parse_date(&d, argv[1]) != CMD_OK)
		return CMD_FAIL;
	errno = 0;
	n = strtol(argv[2], &end, 10);
	/* strtol() would skip leading spaces; a count is only digits. */
	if (strchr("+-0123456789", argv[2][0]) == NULL || argv[2][0] == '\0' ||
	    *end != '\0' || errno != 0 || n < -ADD_MAX || n > ADD_MAX)
		return cmd_error("invalid number of business days '%s':"
		    " expected a whole number such as 5 or -3", argv[2]);
	if ((status = open_cal(&c, ctx)) != CMD_OK)
		return status;
	if (cal_add_business_days(&out, c, d, n) != 0 ||
	    cal_format_iso(iso, sizeof iso, out) != 0)
		status = cmd_lib_error();
	else
		printf("%s\n", iso);
	cal_free(c);
	return status;
}

static int
cal_due_cmd(const struct cmd_entry *e, struct cmd_ctx *ctx, int argc,
    char **argv)
{
	struct cal		*c = NULL;
	struct cal_date		 d;
	struct cal_due		 due;
	enum cal_due_kind	 kind;
	char			 buf[CAL_FMT_MAX];
	int			 status;

	if (argc != 3)
		return cmd_bad_usage(e, "'cal due' takes KIND and DATE");
	if (cal_due_kind_parse(&kind, argv[1]) != 0)
		return cmd_bad_usage(e, "%s", error_last());
	if (parse_date(&d, argv[2]) != CMD_OK)
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
cal_business_cmd(const struct cmd_entry *e, struct cmd_ctx *ctx, int argc,
    char **argv)
{
	struct cal	*c = NULL;
	struct cal_date	 d;
	const char	*why;
	char		 iso[CAL_FMT_MAX];
	int		 status, r;

	if (argc != 2)
		return cmd_bad_usage(e, "'cal business' takes one DATE");
	if (parse_date(&d, argv[1]) != CMD_OK)
		return CMD_FAIL;
	if ((status = open_cal(&c, ctx)) != CMD_OK)
		return status;
	cal_format_iso(iso, sizeof iso, d);
	if ((r = cal_closed_reason(&why, c, d)) < 0)
		status = cmd_lib_error();
	else if (r == 1)
		printf("%s\tclosed\t%s\n", iso, why);
	else
		printf("%s\topen\n", iso);
	cal_free(c);
	return status;
}
