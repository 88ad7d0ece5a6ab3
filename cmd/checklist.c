/*
 * nerima-cio checklist: self checks (自己点検), department checks (所属点検)
 * and the contractor checklists (特記事項チェックシート) -- item sets,
 * forms, imports, status, aggregation, reports (3(2)ウ, 3(2)カ(イ)).
 */
#include <sys/stat.h>

#include <errno.h>
#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "cal.h"
#include "checklist.h"
#include "cmd.h"
#include "diag.h"
#include "store.h"
#include "table.h"

static int	ck_items_cmd(const struct cmd_entry *, struct cmd_ctx *, int,
		    char **);
static int	ck_diff_cmd(const struct cmd_entry *, struct cmd_ctx *, int,
		    char **);
static int	ck_form_cmd(const struct cmd_entry *, struct cmd_ctx *, int,
		    char **);
static int	ck_import_cmd(const struct cmd_entry *, struct cmd_ctx *, int,
		    char **);
static int	ck_status_cmd(const struct cmd_entry *, struct cmd_ctx *, int,
		    char **);
static int	ck_aggregate_cmd(const struct cmd_entry *, struct cmd_ctx *,
		    int, char **);
static int	ck_report_cmd(const struct cmd_entry *, struct cmd_ctx *, int,
		    char **);

static const struct cmd_sub ck_subs[] = {
	{ "items", ck_items_cmd },
	{ "diff", ck_diff_cmd },
	{ "form", ck_form_cmd },
	{ "import", ck_import_cmd },
	{ "status", ck_status_cmd },
	{ "aggregate", ck_aggregate_cmd },
	{ "report", ck_report_cmd },
	{ NULL, NULL }
};

static int
ck_main(const struct cmd_entry *e, struct cmd_ctx *ctx, int argc, char **argv)
{
	return cmd_dispatch(e, ck_subs, ctx, argc, argv);
}

const struct cmd_entry cmd_checklist_entry = {
	.name = "checklist",
	.usage =
	    "nerima-cio checklist items --kind KIND --fy FY\n"
	    "nerima-cio checklist diff --kind KIND FY1 FY2\n"
	    "nerima-cio checklist form --kind KIND --fy FY (--org ORG | --all)"
	    " -o DIR\n"
	    "nerima-cio checklist import [--kind KIND] [--fy FY] [--rules FILE]"
	    " [--dry-run] FILE ...\n"
	    "nerima-cio checklist status --kind KIND --fy FY [--missing]\n"
	    "nerima-cio checklist aggregate --kind KIND --fy FY"
	    " [--by item | division | department] [--lowest N]\n"
	    "nerima-cio checklist report --kind KIND --fy FY [--date DATE]"
	    " -o DIR",
	.desc = "self, department and contractor checklists: forms, imports,"
	    " results",
	.help =
	    "KIND is self (自己点検), department (所属点検) or vendor\n"
	    "(特記事項チェックシート).\n"
	    "\n"
	    "   items      the item set of a fiscal year\n"
	    "   diff       items added, removed and reworded between years\n"
	    "   form       one .xlsx form per division to fill in\n"
	    "   import     returned forms (.xlsx) and CSV files; --dry-run\n"
	    "              checks and says what would change\n"
	    "   status     which divisions have submitted\n"
	    "   aggregate  implementation rates by item, division (score and\n"
	    "              偏差値) or department, against the previous year\n"
	    "   report     the result report (.docx) and tables with charts\n"
	    "              (.xlsx)\n"
	    "\n"
	    "See nerima-cio-checklist(1) for rules files (survey exports).\n",
	.exec = ck_main,
};

struct opts {
	int		 kind;		/* -1: not given */
	int		 fy;
	const char	*org;
	int		 all;
	const char	*outdir;
	const char	*rules;
	int		 dry_run;
	int		 missing;
	const char	*by;
	long		 lowest;
	const char	*date;
};

enum {
	OPT_KIND = 256, OPT_FY, OPT_ORG, OPT_ALL, OPT_RULES, OPT_DRY,
	OPT_MISSING, OPT_BY, OPT_LOWEST, OPT_DATE
};

/* Every sub-verb's options; each sub-verb refuses what it does not take. */
static int
parse_opts(struct opts *o, const struct cmd_entry *e, int argc, char **argv,
    const char *allowed)
{
	static const struct option longopts[] = {
		{ "kind", required_argument, NULL, OPT_KIND },
		{ "fy", required_argument, NULL, OPT_FY },
		{ "org", required_argument, NULL, OPT_ORG },
		{ "all", no_argument, NULL, OPT_ALL },
		{ "rules", required_argument, NULL, OPT_RULES },
		{ "dry-run", no_argument, NULL, OPT_DRY },
		{ "missing", no_argument, NULL, OPT_MISSING },
		{ "by", required_argument, NULL, OPT_BY },
		{ "lowest", required_argument, NULL, OPT_LOWEST },
		{ "date", required_argument, NULL, OPT_DATE },
		{ "output", required_argument, NULL, 'o' },
		{ NULL, 0, NULL, 0 }
	};
	enum ck_kind	 k;
	char		*end;
	int		 ch, idx;

	memset(o, 0, sizeof *o);
	o->kind = -1;
	o->lowest = 10;
	optind = 1;
	opterr = 0;
	while ((ch = getopt_long(argc, argv, ":o:", longopts, &idx)) != -1) {
		const char	*name = ch == 'o' ? "o" : ch >= 256 &&
		    ch - 256 < (int)(sizeof longopts / sizeof longopts[0]) ?
		    longopts[ch - 256].name : NULL;

		if (ch == '?' || ch == ':')
			return cmd_bad_usage(e, "%s option '%s'", ch == ':' ?
			    "missing argument to" : "unknown", argv[optind -
			    1]);
		if (name != NULL && strstr(allowed, name) == NULL)
			return cmd_bad_usage(e, "'checklist %s' does not take"
			    " %s%s", argv[0], ch == 'o' ? "-" : "--", name);
		switch (ch) {
		case OPT_KIND:
			if (ck_kind_parse(&k, optarg) != 0)
				return cmd_bad_usage(e, "%s", error_last());
			o->kind = (int)k;
			break;
		case OPT_FY:
			if (cmd_parse_fy(optarg, &o->fy) != 0)
				return CMD_USAGE;
			break;
		case OPT_ORG:
			o->org = optarg;
			break;
		case OPT_ALL:
			o->all = 1;
			break;
		case OPT_RULES:
			o->rules = optarg;
			break;
		case OPT_DRY:
			o->dry_run = 1;
			break;
		case OPT_MISSING:
			o->missing = 1;
			break;
		case OPT_BY:
			if (strcmp(optarg, "item") != 0 &&
			    strcmp(optarg, "division") != 0 &&
			    strcmp(optarg, "department") != 0)
				return cmd_bad_usage(e, "--by takes item,"
				    " division or department, not '%s'",
				    optarg);
			o->by = optarg;
			break;
		case OPT_LOWEST:
			o->lowest = strtol(optarg, &end, 10);
			if (*end != '\0' || o->lowest < 0 || o->lowest > 1000)
				return cmd_bad_usage(e, "--lowest takes a"
				    " number, not '%s'", optarg);
			break;
		case OPT_DATE:
			o->date = optarg;
			break;
		case 'o':
			o->outdir = optarg;
			break;
		}
	}
	return -1;
}

static int
need_kind_fy(const struct cmd_entry *e, const struct opts *o, const char *sub)
{
	if (o->kind < 0)
		return cmd_bad_usage(e, "'checklist %s' needs --kind", sub);
	if (o->fy == 0)
		return cmd_bad_usage(e, "'checklist %s' needs --fy", sub);
	return -1;
}

static void
fmt_rate(char *out, size_t size, double r)
{
	if (isnan(r))
		snprintf(out, size, "-");
	else
		snprintf(out, size, "%.1f%%", 100 * r);
}

static void
fmt_num(char *out, size_t size, double v)
{
	if (isnan(v))
		snprintf(out, size, "-");
	else
		snprintf(out, size, "%.1f", v);
}

static int
print_table(struct table *t)
{
	struct buf	b = BUF_INIT;
	int		r;

	if ((r = table_render(t, &b)) == 0)
		fwrite(b.data, 1, b.len, stdout);
	buf_free(&b);
	table_free(t);
	return r == 0 ? CMD_OK : cmd_lib_error();
}

static int
ck_items_cmd(const struct cmd_entry *e, struct cmd_ctx *ctx, int argc,
    char **argv)
{
	struct opts	 o;
	struct store	*st;
	struct ck_set	*set;
	struct table	*t;
	char		 w[16];
	size_t		 i;
	int		 r;

	if ((r = parse_opts(&o, e, argc, argv, "kind fy")) >= 0)
		return r;
	if (optind != argc)
		return cmd_bad_usage(e, "'checklist items' takes no arguments");
	if ((r = need_kind_fy(e, &o, "items")) >= 0)
		return r;
	if ((st = cmd_store(ctx)) == NULL)
		return CMD_FAIL;
	if (ck_set_load(&set, st, o.kind, o.fy) != 0)
		return cmd_lib_error();
	printf("%s  %s（第%d版）  %zu 項目\n", set->catalog, set->title,
	    set->version, set->nitems);
	if ((t = table_new(5)) == NULL) {
		ck_set_free(set);
		return cmd_lib_error();
	}
	table_set_header(t, 0, "項目番号", 0);
	table_set_header(t, 1, "分類", 0);
	table_set_header(t, 2, "重み", 1);
	table_set_header(t, 3, "回答形式", 0);
	table_set_header(t, 4, "項目", 0);
	for (i = 0; i < set->nitems; i++) {
		const struct ck_item	*it = &set->items[i];
		const char		*row[5];

		snprintf(w, sizeof w, "%d", it->weight);
		row[0] = it->ref;
		row[1] = it->category;
		row[2] = w;
		row[3] = it->scale4 ? "4段階" : "はい/いいえ";
		row[4] = it->text;
		table_add_row(t, row);
	}
	ck_set_free(set);
	return print_table(t);
}

static int
ck_diff_cmd(const struct cmd_entry *e, struct cmd_ctx *ctx, int argc,
    char **argv)
{
	static const char *const what[] = { "added", "removed", "reworded",
	    "changed" };
	struct opts	 o;
	struct store	*st;
	struct ck_set	*a = NULL, *b = NULL;
	struct ck_diff	*v = NULL;
	size_t		 n, i;
	int		 r, fy1, fy2, rc = CMD_FAIL;

	if ((r = parse_opts(&o, e, argc, argv, "kind")) >= 0)
		return r;
	if (o.kind < 0)
		return cmd_bad_usage(e, "'checklist diff' needs --kind");
	if (argc - optind != 2)
		return cmd_bad_usage(e, "'checklist diff' takes two fiscal"
		    " years");
	if (cmd_parse_fy(argv[optind], &fy1) != 0 ||
	    cmd_parse_fy(argv[optind + 1], &fy2) != 0)
		return CMD_USAGE;
	if ((st = cmd_store(ctx)) == NULL)
		return CMD_FAIL;
	if (ck_set_load(&a, st, o.kind, fy1) != 0 ||
	    ck_set_load(&b, st, o.kind, fy2) != 0 ||
	    ck_set_diff(&v, &n, a, b) != 0) {
		cmd_lib_error();
		goto done;
	}
	printf("%s FY%d %s（第%d版, %zu 項目） → FY%d %s（第%d版, %zu 項目）\n",
	    ck_kind_title(o.kind), fy1, a->catalog, a->version, a->nitems,
	    fy2, b->catalog, b->version, b->nitems);
	for (i = 0; i < n; i++) {
		const struct ck_item	*it = v[i].to ? v[i].to : v[i].from;

		printf("%-9s %s\n", what[v[i].change], it->ref);
		if (v[i].change == CK_REWORDED) {
			printf("  - %s\n  + %s\n", v[i].from->text,
			    v[i].to->text);
		} else if (v[i].change == CK_CHANGED) {
			if (v[i].from->weight != v[i].to->weight)
				printf("  重み %d → %d\n", v[i].from->weight,
				    v[i].to->weight);
			if (strcmp(v[i].from->category, v[i].to->category))
				printf("  分類 %s → %s\n", v[i].from->category,
				    v[i].to->category);
			if (strcmp(v[i].from->clause, v[i].to->clause))
				printf("  条項 %s → %s\n", v[i].from->clause,
				    v[i].to->clause);
			if (v[i].from->scale4 != v[i].to->scale4 ||
			    v[i].from->stages != v[i].to->stages)
				printf("  回答形式または点検段階を変更\n");
		} else
			printf("  %s\n", it->text);
	}
	{
		size_t	c[4] = { 0, 0, 0, 0 };

		for (i = 0; i < n; i++)
			c[v[i].change]++;
		printf("%zu added, %zu removed, %zu reworded, %zu changed\n",
		    c[CK_ADDED], c[CK_REMOVED], c[CK_REWORDED], c[CK_CHANGED]);
	}
	rc = CMD_OK;
done:
	free(v);
	ck_set_free(a);
	ck_set_free(b);
	return rc;
}

/* The as-of time of forms: the item set's issue date, never the clock. */
static time_t
created_of(const char *date)
{
	struct cal_date	d;

	if (date == NULL || cal_parse_iso(&d, date) != 0)
		return (time_t)315532800;	/* 1980-01-01, zip's epoch */
	/* noon JST, so the day is the same in every time zone we meet */
	return (time_t)(cal_days(d) * 86400L + 3 * 3600L);
}

static int
make_dir(const char *dir)
{
	if (mkdir(dir, 0777) == -1 && errno != EEXIST)
		return cmd_error("cannot create '%s': %s", dir,
		    strerror(errno));
	return CMD_OK;
}

static int
ck_form_cmd(const struct cmd_entry *e, struct cmd_ctx *ctx, int argc,
    char **argv)
{
	struct opts		 o;
	struct store		*st;
	struct ck_set		*set = NULL;
	struct ck_orgs		*orgs = NULL;
	const struct ck_org	*org;
	char			*path;
	size_t			 i;
	int			 r, rc = CMD_FAIL;

	if ((r = parse_opts(&o, e, argc, argv, "kind fy org all o")) >= 0)
		return r;
	if (optind != argc)
		return cmd_bad_usage(e, "'checklist form' takes no arguments");
	if ((r = need_kind_fy(e, &o, "form")) >= 0)
		return r;
	if ((o.org == NULL) == !o.all)
		return cmd_bad_usage(e, "'checklist form' needs --org ORG or"
		    " --all");
	if (o.outdir == NULL)
		return cmd_bad_usage(e, "'checklist form' needs -o DIR");
	if ((st = cmd_store(ctx)) == NULL)
		return CMD_FAIL;
	if (ck_set_load(&set, st, o.kind, o.fy) != 0 ||
	    ck_orgs_load(&orgs, st) != 0) {
		cmd_lib_error();
		goto done;
	}
	if (make_dir(o.outdir) != CMD_OK)
		goto done;
	if (o.org != NULL) {
		if ((org = ck_orgs_find(orgs, o.org)) == NULL) {
			cmd_error("no division '%s' in %s", o.org, STORE_ORGS);
			goto done;
		}
		if (ck_form_write(&path, set, org, o.outdir,
		    created_of(set->issued)) != 0) {
			cmd_lib_error();
			goto done;
		}
		printf("%s\n", path);
		free(path);
	} else {
		for (i = 0; i < orgs->n; i++) {
			if (ck_form_write(&path, set, &orgs->v[i], o.outdir,
			    created_of(set->issued)) != 0) {
				cmd_lib_error();
				goto done;
			}
			printf("%s\n", path);
			free(path);
		}
	}
	rc = CMD_OK;
done:
	ck_set_free(set);
	ck_orgs_free(orgs);
	return rc;
}

static void
progress(size_t done, size_t total, void *arg)
{
	(void)arg;
	fprintf(stderr, "\rwriting %zu/%zu", done, total);
	if (done == total)
		fputc('\n', stderr);
}

static int
ck_import_cmd(const struct cmd_entry *e, struct cmd_ctx *ctx, int argc,
    char **argv)
{
	static const char *const outcome[] = { "new", "updated", "unchanged" };
	struct opts		 o;
	struct ck_import_opts	 io;
	struct store		*st;
	struct ck_import	*im = NULL;
	struct diags		 d = DIAGS_INIT;
	const struct ck_result	*res;
	size_t			 i, nbad = 0, nfiles, c[3] = { 0, 0, 0 };
	int			 r, rc = CMD_FAIL, tty;

	if ((r = parse_opts(&o, e, argc, argv, "kind fy rules dry-run")) >= 0)
		return r;
	if (optind == argc)
		return cmd_bad_usage(e, "'checklist import' needs a FILE");
	if ((st = cmd_store(ctx)) == NULL)
		return CMD_FAIL;
	io.kind = o.kind;
	io.fy = o.fy;
	io.rules = o.rules;
	if (ck_import_new(&im, st, &io, &d) != 0) {
		cmd_print_diags(stderr, &d);
		cmd_lib_error();
		goto done;
	}
	nfiles = (size_t)(argc - optind);
	tty = isatty(STDERR_FILENO) && nfiles >= 10;
	for (i = 0; i < nfiles; i++) {
		size_t	n0 = d.n;

		if (tty)
			fprintf(stderr, "\rreading %zu/%zu", i + 1, nfiles);
		if (ck_import_file(im, argv[optind + i], &d) != 0) {
			if (error_code() == NC_ENOMEM) {
				cmd_lib_error();
				goto done;
			}
			nbad++;
			if (tty)
				fputc('\n', stderr);
			diags_sort(&d);
			/* print this file's problems as they are found */
			{
				struct diags	one = { d.v + n0, d.n - n0, 0 };

				cmd_print_diags(stderr, &one);
			}
			fprintf(stderr, "nerima-cio: %s\n", error_last());
		}
	}
	if (tty)
		fputc('\n', stderr);
	if (ck_import_commit(im, o.dry_run, tty && ck_import_count(im) >= 10 ?
	    progress : NULL, NULL, &d) != 0) {
		cmd_print_diags(stderr, &d);
		cmd_lib_error();
		goto done;
	}
	for (i = 0; i < ck_import_nresults(im); i++) {
		res = ck_import_result(im, i);
		c[res->outcome]++;
		printf("%-9s %s  %s%s%s%s  %s%s%s\n", outcome[res->outcome],
		    res->id != NULL ? res->id : "-", res->org_name,
		    res->what ? " " : "", res->what ? res->what : "", "",
		    res->file, res->encoding ? "  " : "",
		    res->encoding ? res->encoding : "");
		if (res->changes != NULL) {
			const char	*p = res->changes, *nl;

			for (; *p != '\0'; p = nl + 1) {
				nl = strchr(p, '\n');
				printf("  %.*s\n", (int)(nl - p), p);
			}
		}
	}
	printf("%s%zu new, %zu updated, %zu unchanged; %zu file%s with"
	    " errors\n", o.dry_run ? "dry run: " : "", c[CK_NEW],
	    c[CK_UPDATED], c[CK_UNCHANGED], nbad, nbad == 1 ? "" : "s");
	rc = nbad > 0 ? CMD_FAIL : CMD_OK;
done:
	diags_free(&d);
	ck_import_free(im);
	return rc;
}

static int
ck_status_cmd(const struct cmd_entry *e, struct cmd_ctx *ctx, int argc,
    char **argv)
{
	struct opts	 o;
	struct store	*st;
	struct ck_stats	*s;
	struct diags	 d = DIAGS_INIT;
	struct table	*t;
	char		 resp[32];
	size_t		 i;
	int		 r;

	if ((r = parse_opts(&o, e, argc, argv, "kind fy missing")) >= 0)
		return r;
	if (optind != argc)
		return cmd_bad_usage(e, "'checklist status' takes no"
		    " arguments");
	if ((r = need_kind_fy(e, &o, "status")) >= 0)
		return r;
	if ((st = cmd_store(ctx)) == NULL)
		return CMD_FAIL;
	if (ck_aggregate(&s, st, o.kind, o.fy, &d) != 0) {
		cmd_print_diags(stderr, &d);
		diags_free(&d);
		return cmd_lib_error();
	}
	diags_free(&d);
	if ((t = table_new(5)) == NULL) {
		ck_stats_free(s);
		return cmd_lib_error();
	}
	table_set_header(t, 0, "部", 0);
	table_set_header(t, 1, "課", 0);
	table_set_header(t, 2, "状況", 0);
	table_set_header(t, 3, "提出日", 0);
	table_set_header(t, 4, o.kind == CK_SELF ? "回答者数" : "", 1);
	for (i = 0; i < s->ndiv; i++) {
		const struct ck_div_stat	*ds = &s->divs[i];
		const char			*row[5];

		if (o.missing && ds->submitted)
			continue;
		resp[0] = '\0';
		if (o.kind == CK_SELF && ds->submitted) {
			if (ds->staff_total >= 0)
				snprintf(resp, sizeof resp, "%zu/%d",
				    ds->respondents, ds->staff_total);
			else
				snprintf(resp, sizeof resp, "%zu",
				    ds->respondents);
		}
		row[0] = ds->org->dept_name;
		row[1] = ds->org->name;
		row[2] = ds->submitted ? "提出済" : "未提出";
		row[3] = ds->submitted_on;
		row[4] = resp;
		table_add_row(t, row);
	}
	r = print_table(t);
	printf("%s FY%d: %zu of %zu divisions submitted (%.1f%%)\n",
	    ck_kind_title(o.kind), o.fy, s->nsubmitted, s->ndiv,
	    s->ndiv ? 100.0 * (double)s->nsubmitted / (double)s->ndiv : 0.0);
	ck_stats_free(s);
	return r;
}

static int
ck_aggregate_cmd(const struct cmd_entry *e, struct cmd_ctx *ctx, int argc,
    char **argv)
{
	struct opts	 o;
	struct store	*st;
	struct ck_stats	*s;
	struct diags	 d = DIAGS_INIT;
	struct table	*t;
	char		 a[32], b[32], c[32], n[32], f[32];
	size_t		 i, *low;
	int		 r;

	if ((r = parse_opts(&o, e, argc, argv, "kind fy by lowest")) >= 0)
		return r;
	if (optind != argc)
		return cmd_bad_usage(e, "'checklist aggregate' takes no"
		    " arguments");
	if ((r = need_kind_fy(e, &o, "aggregate")) >= 0)
		return r;
	if ((st = cmd_store(ctx)) == NULL)
		return CMD_FAIL;
	if (ck_aggregate(&s, st, o.kind, o.fy, &d) != 0) {
		cmd_print_diags(stderr, &d);
		diags_free(&d);
		return cmd_lib_error();
	}
	diags_free(&d);
	fmt_rate(a, sizeof a, s->rate);
	fmt_rate(b, sizeof b, s->prev_rate);
	printf("%s FY%d: %zu of %zu divisions submitted; implementation"
	    " rate %s (FY%d %s)\n", ck_kind_title(o.kind), o.fy,
	    s->nsubmitted, s->ndiv, a, o.fy - 1, b);
	if (o.by == NULL || strcmp(o.by, "item") == 0) {
		t = table_new(6);
		if (t == NULL)
			goto nomem;
		table_set_header(t, 0, "項目番号", 0);
		table_set_header(t, 1, "回答数", 1);
		table_set_header(t, 2, "実施率", 1);
		table_set_header(t, 3, "前年度", 1);
		table_set_header(t, 4, "増減", 1);
		table_set_header(t, 5, "項目", 0);
		for (i = 0; i < s->set->nitems; i++) {
			const struct ck_item_stat	*is = &s->items[i];
			const char			*row[6];

			snprintf(n, sizeof n, "%zu", is->n);
			fmt_rate(a, sizeof a, is->rate);
			fmt_rate(b, sizeof b, is->prev);
			if (isnan(is->rate) || isnan(is->prev))
				snprintf(c, sizeof c, "-");
			else
				snprintf(c, sizeof c, "%+.1f",
				    100 * (is->rate - is->prev));
			row[0] = is->item->ref;
			row[1] = n;
			row[2] = a;
			row[3] = b;
			row[4] = c;
			row[5] = is->item->text;
			table_add_row(t, row);
		}
		if ((r = print_table(t)) != CMD_OK)
			goto out;
		if (o.lowest > 0 && (low = ck_stats_lowest(s)) != NULL) {
			printf("\nlowest items:\n");
			for (i = 0; i < s->set->nitems && i < (size_t)o.lowest;
			    i++) {
				const struct ck_item_stat *is =
				    &s->items[low[i]];

				if (isnan(is->rate))
					break;
				fmt_rate(a, sizeof a, is->rate);
				printf("%3zu  %-12s %7s  %s\n", i + 1,
				    is->item->ref, a, is->item->text);
			}
			free(low);
		}
	} else if (strcmp(o.by, "division") == 0) {
		if ((t = table_new(7)) == NULL)
			goto nomem;
		table_set_header(t, 0, "部", 0);
		table_set_header(t, 1, "課", 0);
		table_set_header(t, 2, "得点", 1);
		table_set_header(t, 3, "偏差値", 1);
		table_set_header(t, 4, "順位", 1);
		table_set_header(t, 5, "前年度", 1);
		table_set_header(t, 6, o.kind == CK_SELF ? "回答者数" : "", 1);
		for (i = 0; i < s->ndiv; i++) {
			const struct ck_div_stat	*ds = &s->divs[i];
			const char			*row[7];

			fmt_num(a, sizeof a, ds->score);
			fmt_num(b, sizeof b, ds->deviation);
			if (ds->rank > 0)
				snprintf(c, sizeof c, "%zu", ds->rank);
			else
				snprintf(c, sizeof c, "-");
			fmt_num(n, sizeof n, ds->prev);
			f[0] = '\0';
			if (o.kind == CK_SELF && ds->submitted)
				snprintf(f, sizeof f, "%zu", ds->respondents);
			row[0] = ds->org->dept_name;
			row[1] = ds->org->name;
			row[2] = ds->submitted ? a : "未提出";
			row[3] = b;
			row[4] = c;
			row[5] = n;
			row[6] = f;
			table_add_row(t, row);
		}
		if ((r = print_table(t)) != CMD_OK)
			goto out;
		fmt_num(a, sizeof a, s->mean);
		fmt_num(b, sizeof b, s->sd);
		printf("mean %s, standard deviation %s\n", a, b);
	} else {
		if ((t = table_new(7)) == NULL)
			goto nomem;
		table_set_header(t, 0, "部", 0);
		table_set_header(t, 1, "課数", 1);
		table_set_header(t, 2, "提出", 1);
		table_set_header(t, 3, "平均得点", 1);
		table_set_header(t, 4, "最高", 1);
		table_set_header(t, 5, "最低", 1);
		table_set_header(t, 6, "前年度", 1);
		for (i = 0; i < s->ndepts; i++) {
			const struct ck_dept_stat	*ds = &s->depts[i];
			const char			*row[7];
			char				 nd[24], g[32];

			if (ds->ndiv == 0)
				continue;
			snprintf(nd, sizeof nd, "%zu", ds->ndiv);
			snprintf(n, sizeof n, "%zu", ds->nsubmitted);
			fmt_num(a, sizeof a, ds->score);
			fmt_num(b, sizeof b, ds->max);
			fmt_num(c, sizeof c, ds->min);
			fmt_num(g, sizeof g, ds->prev);
			row[0] = ds->name;
			row[1] = nd;
			row[2] = n;
			row[3] = a;
			row[4] = b;
			row[5] = c;
			row[6] = g;
			table_add_row(t, row);
		}
		r = print_table(t);
	}
out:
	ck_stats_free(s);
	return r;
nomem:
	ck_stats_free(s);
	return cmd_lib_error();
}

static int
ck_report_cmd(const struct cmd_entry *e, struct cmd_ctx *ctx, int argc,
    char **argv)
{
	struct opts	 o;
	struct store	*st;
	struct ck_stats	*s, *self = NULL;
	struct diags	 d = DIAGS_INIT;
	struct cal_date	 dt;
	char		*docx = NULL, *xlsx = NULL, date[CAL_FMT_MAX];
	int		 r;

	if ((r = parse_opts(&o, e, argc, argv, "kind fy date o")) >= 0)
		return r;
	if (optind != argc)
		return cmd_bad_usage(e, "'checklist report' takes no"
		    " arguments");
	if ((r = need_kind_fy(e, &o, "report")) >= 0)
		return r;
	if (o.outdir == NULL)
		return cmd_bad_usage(e, "'checklist report' needs -o DIR");
	if (o.date != NULL) {
		if (cal_parse(&dt, o.date) != 0)
			return cmd_lib_error();
		cal_format_iso(date, sizeof date, dt);
	}
	if ((st = cmd_store(ctx)) == NULL)
		return CMD_FAIL;
	if (ck_aggregate(&s, st, o.kind, o.fy, &d) != 0) {
		cmd_print_diags(stderr, &d);
		diags_free(&d);
		return cmd_lib_error();
	}
	diags_free(&d);
	if (o.date == NULL) {
		/* the last submission dates the report: same data, same file */
		if (s->last_submitted != NULL)
			snprintf(date, sizeof date, "%s", s->last_submitted);
		else if (s->set->issued != NULL)
			snprintf(date, sizeof date, "%s", s->set->issued);
		else
			snprintf(date, sizeof date, "%d-04-01", o.fy);
	}
	if (make_dir(o.outdir) != CMD_OK) {
		ck_stats_free(s);
		return CMD_FAIL;
	}
	if (s->kind != CK_VENDOR && s->set->nrecommendations == 0)
		cmd_warn("no recommendations in item set %s (report:"
		    " recommendations): the report has no section 今後の取組",
		    s->set->catalog);
	/* a department report summarises the staff's self check too */
	if (o.kind == CK_DEPARTMENT && ck_aggregate(&self, st, CK_SELF, o.fy,
	    &d) != 0) {
		if (error_code() != NC_ENOTFOUND) {
			cmd_print_diags(stderr, &d);
			diags_free(&d);
			ck_stats_free(s);
			return cmd_lib_error();
		}
		self = NULL;
	}
	diags_free(&d);
	r = ck_report_write(&docx, &xlsx, s, self, st, o.outdir, date);
	ck_stats_free(s);
	ck_stats_free(self);
	if (r != 0)
		return cmd_lib_error();
	printf("%s\n%s\n", docx, xlsx);
	free(docx);
	free(xlsx);
	return CMD_OK;
}
