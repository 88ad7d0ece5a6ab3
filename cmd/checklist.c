/*
 * nerima-cio checklist: self checks (自己点検), department checks (所属点検)
 * and the contractor checklists (特記事項チェックシート) -- item sets,
 * forms, imports, status, aggregation, reports (3(2)ウ, 3(2)カ(イ)).
 *
 * The work is in lib/checklist (checklist.h); this file reads the
 * options and prints.
 */
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
#include "i18n.h"
#include "listing.h"
#include "opt.h"
#include "parse.h"
#include "store.h"
#include "table.h"
#include "text.h"

/* --kind, read by the option table as the schema's value. */
static enum ck_kind
kind_of(const struct optv *ov)
{
	enum ck_kind	k = CK_DEPARTMENT;

	if (opt_has(ov, "kind"))
		ck_kind_parse(&k, opt_get(ov, "kind"));
	return k;
}

static int
fy_of(const struct optv *ov)
{
	return (int)opt_num(ov, "fy", 0);
}

static void
fmt_rate(char *out, size_t size, double r)
{
	text_pct1(out, size, 100 * r, 1, "-");
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
ck_items_cmd(struct cmd_ctx *ctx, struct optv *ov)
{
	static const char *const cols[] = { "ref", "category", "weight",
	    "answer_type", "text" };
	const struct schema	*ckind;
	struct store		*st;
	struct ck_set		*set;
	struct table		*t;
	const char		*path = opt_get(ov, "output");
	const char		*format = listing_format(opt_get(ov, "format"),
				    path);
	char			 w[16], hpath[32];
	size_t			 i;
	int			 r, data = strcmp(format, "table") != 0;

	if ((st = cmd_store(ctx)) == NULL)
		return CMD_FAIL;
	if (store_kind(&ckind, st, "catalog") != 0 ||
	    ck_set_load(&set, st, kind_of(ov), fy_of(ov)) != 0)
		return cmd_lib_error();
	/* the set's name: on standard error when the output is data */
	fprintf(data || path != NULL ? stderr : stdout,
	    _("%s  %s (version %d)  %zu items\n"), set->catalog, set->title,
	    set->version, set->nitems);
	if ((t = table_new(5)) == NULL) {
		ck_set_free(set);
		return cmd_lib_error();
	}
	/* Headed by the catalog schema's titles: 項目番号, 分類 ... */
	for (i = 0; i < 5; i++) {
		snprintf(hpath, sizeof hpath, "items.%s", cols[i]);
		table_set_header(t, i, data ? cols[i] :
		    schema_ui_title(schema_at(ckind, hpath)), i == 2);
	}
	for (i = 0; i < set->nitems; i++) {
		const struct ck_item	*it = &set->items[i];
		const char		*row[5], *type;

		type = it->scale4 ? "scale4" : "yes-no-na";
		snprintf(w, sizeof w, "%d", it->weight);
		row[0] = it->ref;
		row[1] = it->category;
		row[2] = w;
		row[3] = data ? type : schema_label(ckind, "items.answer_type",
		    type);
		row[4] = it->text;
		table_add_row(t, row);
	}
	ck_set_free(set);
	r = listing_table_out(t, cols, format, opt_has(ov, "crlf"), path);
	table_free(t);
	return r;
}

static int
ck_diff_cmd(struct cmd_ctx *ctx, struct optv *ov)
{
	static const char *const what[] = { N_("added"), N_("removed"),
	    N_("reworded"), N_("changed") };
	struct store	*st;
	struct ck_set	*a = NULL, *b = NULL;
	struct ck_diff	*v = NULL;
	size_t		 n, i;
	enum ck_kind	 kind = kind_of(ov);
	int		 fy1, fy2, rc = CMD_FAIL;

	if (parse_fy(&fy1, ov->argv[0]) != 0 ||
	    parse_fy(&fy2, ov->argv[1]) != 0)
		return opt_bad_usage(ov->entry, ov->sub, "%s", error_last());
	if ((st = cmd_store(ctx)) == NULL)
		return CMD_FAIL;
	if (ck_set_load(&a, st, kind, fy1) != 0 ||
	    ck_set_load(&b, st, kind, fy2) != 0 ||
	    ck_set_diff(&v, &n, a, b) != 0) {
		cmd_lib_error();
		goto done;
	}
	printf(_("%s FY%d %s（第%d版, %zu 項目） → FY%d %s（第%d版, %zu 項目）\n"),
	    ck_kind_title(kind), fy1, a->catalog, a->version, a->nitems,
	    fy2, b->catalog, b->version, b->nitems);
	for (i = 0; i < n; i++) {
		const struct ck_item	*it = v[i].to ? v[i].to : v[i].from;

		printf("%-9s %s\n", _(what[v[i].change]), it->ref);
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
		printf(_("%zu added, %zu removed, %zu reworded, %zu changed\n"),
		    c[CK_ADDED], c[CK_REMOVED], c[CK_REWORDED], c[CK_CHANGED]);
	}
	rc = CMD_OK;
done:
	free(v);
	ck_set_free(a);
	ck_set_free(b);
	return rc;
}

static void
progress(size_t done, size_t total, void *arg)
{
	(void)arg;
	fputc('\r', stderr);
	fprintf(stderr, _("writing %zu/%zu"), done, total);
	if (done == total)
		fputc('\n', stderr);
}

static int
ck_import_cmd(struct cmd_ctx *ctx, struct optv *ov)
{
	static const char *const outcome[] = { "new", "updated", "unchanged" };
	struct ck_import_opts	 io;
	struct store		*st;
	struct ck_import	*im = NULL;
	struct diags		 d = DIAGS_INIT;
	const struct ck_result	*res;
	size_t			 i, nbad = 0, nfiles, c[3] = { 0, 0, 0 };
	int			 rc = CMD_FAIL, tty, failed;
	int			 dry_run = opt_has(ov, "dry-run");

	if ((st = cmd_store(ctx)) == NULL)
		return CMD_FAIL;
	io.kind = opt_has(ov, "kind") ? (int)kind_of(ov) : -1;
	io.fy = fy_of(ov);
	io.rules = opt_get(ov, "rules");
	if (ck_import_new(&im, st, &io, &d) != 0) {
		cmd_print_diags(stderr, &d);
		cmd_lib_error();
		goto done;
	}
	nfiles = (size_t)ov->argc;
	tty = isatty(STDERR_FILENO) && nfiles >= 10;
	for (i = 0; i < nfiles; i++) {
		size_t	n0 = d.n;

		if (tty) {
			fputc('\r', stderr);
			fprintf(stderr, _("reading %zu/%zu"), i + 1, nfiles);
		}
		if (ck_import_file(im, ov->argv[i], &d) != 0) {
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
	failed = ck_import_commit(im, dry_run, tty &&
	    ck_import_count(im) >= 10 ? progress : NULL, NULL, &d) != 0;
	if (failed) {
		/* Say what was written before the failure: it stays. */
		cmd_print_diags(stderr, &d);
		cmd_lib_error();
		if (ck_import_nresults(im) == 0)
			goto done;
		fprintf(stderr, _("nerima-cio: written before the failure"
		    " (kept):\n"));
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
	printf(_("%s%zu new, %zu updated, %zu unchanged; %zu file%s with"
	    " errors\n"), dry_run ? _("dry run: ") : "", c[CK_NEW],
	    c[CK_UPDATED], c[CK_UNCHANGED], nbad, nbad == 1 ? "" : "s");
	rc = nbad > 0 || failed ? CMD_FAIL : CMD_OK;
done:
	diags_free(&d);
	ck_import_free(im);
	return rc;
}

static int
ck_status_cmd(struct cmd_ctx *ctx, struct optv *ov)
{
	struct store	*st;
	struct ck_stats	*s;
	struct diags	 d = DIAGS_INIT;
	struct table	*t;
	static const char *const keys[] = { "department", "org", "name",
	    "status", "submitted_on", "respondents", "staff" };
	const char	*path = opt_get(ov, "output");
	const char	*format = listing_format(opt_get(ov, "format"), path);
	char		 resp[32], staff[32];
	size_t		 i;
	enum ck_kind	 kind = kind_of(ov);
	int		 r, fy = fy_of(ov), missing = opt_has(ov, "missing");
	int		 data = strcmp(format, "table") != 0;

	if ((st = cmd_store(ctx)) == NULL)
		return CMD_FAIL;
	if (ck_aggregate(&s, st, kind, fy, &d) != 0) {
		cmd_print_diags(stderr, &d);
		diags_free(&d);
		return cmd_lib_error();
	}
	diags_free(&d);
	if ((t = table_new(data ? 7 : 5)) == NULL) {
		ck_stats_free(s);
		return cmd_lib_error();
	}
	for (i = 0; data && i < 7; i++)
		table_set_header(t, i, keys[i], i >= 5);
	if (!data) {
		table_set_header(t, 0, _("Department"), 0);
		table_set_header(t, 1, _("Division"), 0);
		table_set_header(t, 2, _("Status"), 0);
		table_set_header(t, 3, _("Submitted on"), 0);
		table_set_header(t, 4, kind == CK_SELF ? _("Respondents") : "",
		    1);
	}
	for (i = 0; i < s->ndiv; i++) {
		const struct ck_div_stat	*ds = &s->divs[i];
		const char			*row[7];

		if (missing && ds->submitted)
			continue;
		resp[0] = staff[0] = '\0';
		if (data) {
			if (kind == CK_SELF && ds->submitted)
				snprintf(resp, sizeof resp, "%zu",
				    ds->respondents);
			if (kind == CK_SELF && ds->staff_total >= 0)
				snprintf(staff, sizeof staff, "%d",
				    ds->staff_total);
			row[0] = ds->org->dept_name;
			row[1] = ds->org->code;
			row[2] = ds->org->name;
			row[3] = ds->submitted ? "submitted" : "missing";
			row[4] = ds->submitted_on;
			row[5] = resp;
			row[6] = staff;
			table_add_row(t, row);
			continue;
		}
		if (kind == CK_SELF && ds->submitted) {
			if (ds->staff_total >= 0)
				snprintf(resp, sizeof resp, "%zu/%d",
				    ds->respondents, ds->staff_total);
			else
				snprintf(resp, sizeof resp, "%zu",
				    ds->respondents);
		}
		row[0] = ds->org->dept_name;
		row[1] = ds->org->name;
		row[2] = ds->submitted ? _("submitted") : _("not submitted");
		row[3] = ds->submitted_on;
		row[4] = resp;
		table_add_row(t, row);
	}
	r = listing_table_out(t, keys, format, opt_has(ov, "crlf"), path);
	table_free(t);
	/* the summary: on standard error when the output is data */
	fprintf(data || path != NULL ? stderr : stdout,
	    _("%s FY%d: %zu of %zu divisions submitted (%.1f%%)\n"),
	    ck_kind_title(kind), fy, s->nsubmitted, s->ndiv,
	    s->ndiv ? 100.0 * (double)s->nsubmitted / (double)s->ndiv : 0.0);
	ck_stats_free(s);
	return r;
}

/* A fraction for data, a percentage for people; "" or "-" when none. */
static void
fmt_frac(char *out, size_t size, double r, int data)
{
	if (!data)
		fmt_rate(out, size, r);
	else if (isnan(r))
		out[0] = '\0';
	else
		snprintf(out, size, "%.4f", r);
}

static void
fmt_val(char *out, size_t size, double v, int data)
{
	if (data && isnan(v))
		out[0] = '\0';
	else
		fmt_num(out, size, v);
}

static const char *const item_keys[] = { "ref", "answered", "rate",
    "prev_rate", "change", "text" };

static struct table *
by_item(const struct ck_stats *s, int data)
{
	struct table	*t;
	char		 a[32], b[32], c[32], n[32];
	size_t		 i;

	if ((t = table_new(6)) == NULL)
		return NULL;
	for (i = 0; data && i < 6; i++)
		table_set_header(t, i, item_keys[i], i >= 1 && i <= 4);
	if (!data) {
		table_set_header(t, 0, _("Item no."), 0);
		table_set_header(t, 1, _("Answers"), 1);
		table_set_header(t, 2, _("Rate"), 1);
		table_set_header(t, 3, _("Last year"), 1);
		table_set_header(t, 4, _("Change"), 1);
		table_set_header(t, 5, _("Text"), 0);
	}
	for (i = 0; i < s->set->nitems; i++) {
		const struct ck_item_stat	*is = &s->items[i];
		const char			*row[6];

		snprintf(n, sizeof n, "%zu", is->n);
		fmt_frac(a, sizeof a, is->rate, data);
		fmt_frac(b, sizeof b, is->prev, data);
		if (isnan(is->rate) || isnan(is->prev))
			snprintf(c, sizeof c, "%s", data ? "" : "-");
		else if (data)
			snprintf(c, sizeof c, "%.4f", is->rate - is->prev);
		else
			snprintf(c, sizeof c, "%+.1f",
			    100 * (is->rate - is->prev));
		row[0] = is->item->ref;
		row[1] = n;
		row[2] = a;
		row[3] = b;
		row[4] = c;
		row[5] = is->item->text;
		if (table_add_row(t, row) != 0) {
			table_free(t);
			return NULL;
		}
	}
	return t;
}

static const char *const div_keys[] = { "department", "org", "name",
    "status", "score", "deviation", "rank", "prev_score", "respondents" };

static struct table *
by_division(const struct ck_stats *s, enum ck_kind kind, int data)
{
	struct table	*t;
	char		 a[32], b[32], c[32], n[32], f[32];
	size_t		 i, k;

	if ((t = table_new(data ? 9 : 7)) == NULL)
		return NULL;
	for (i = 0; data && i < 9; i++)
		table_set_header(t, i, div_keys[i], i >= 4);
	if (!data) {
		table_set_header(t, 0, _("Department"), 0);
		table_set_header(t, 1, _("Division"), 0);
		table_set_header(t, 2, _("Score"), 1);
		table_set_header(t, 3, _("Deviation"), 1);
		table_set_header(t, 4, _("Rank"), 1);
		table_set_header(t, 5, _("Last year"), 1);
		table_set_header(t, 6, kind == CK_SELF ? _("Respondents") : "",
		    1);
	}
	for (i = 0; i < s->ndiv; i++) {
		const struct ck_div_stat	*ds = &s->divs[i];
		const char			*row[9];

		fmt_val(a, sizeof a, ds->score, data);
		fmt_val(b, sizeof b, ds->deviation, data);
		if (ds->rank > 0)
			snprintf(c, sizeof c, "%zu", ds->rank);
		else
			snprintf(c, sizeof c, "%s", data ? "" : "-");
		fmt_val(n, sizeof n, ds->prev, data);
		f[0] = '\0';
		if (kind == CK_SELF && ds->submitted)
			snprintf(f, sizeof f, "%zu", ds->respondents);
		k = 0;
		row[k++] = ds->org->dept_name;
		if (data) {
			row[k++] = ds->org->code;
			row[k++] = ds->org->name;
			row[k++] = ds->submitted ? "submitted" : "missing";
			row[k++] = ds->submitted ? a : "";
		} else {
			row[k++] = ds->org->name;
			row[k++] = ds->submitted ? a : _("not submitted");
		}
		row[k++] = b;
		row[k++] = c;
		row[k++] = n;
		row[k++] = f;
		if (table_add_row(t, row) != 0) {
			table_free(t);
			return NULL;
		}
	}
	return t;
}

static const char *const dept_keys[] = { "department", "divisions",
    "submitted", "mean_score", "max_score", "min_score", "prev_score" };

static struct table *
by_department(const struct ck_stats *s, int data)
{
	struct table	*t;
	char		 a[32], b[32], c[32], n[32], nd[24], g[32];
	size_t		 i;

	if ((t = table_new(7)) == NULL)
		return NULL;
	for (i = 0; data && i < 7; i++)
		table_set_header(t, i, dept_keys[i], i >= 1);
	if (!data) {
		table_set_header(t, 0, _("Department"), 0);
		table_set_header(t, 1, _("Divisions"), 1);
		table_set_header(t, 2, _("Submitted"), 1);
		table_set_header(t, 3, _("Mean score"), 1);
		table_set_header(t, 4, _("Highest"), 1);
		table_set_header(t, 5, _("Lowest"), 1);
		table_set_header(t, 6, _("Last year"), 1);
	}
	for (i = 0; i < s->ndepts; i++) {
		const struct ck_dept_stat	*ds = &s->depts[i];
		const char			*row[7];

		if (ds->ndiv == 0)
			continue;
		snprintf(nd, sizeof nd, "%zu", ds->ndiv);
		snprintf(n, sizeof n, "%zu", ds->nsubmitted);
		fmt_val(a, sizeof a, ds->score, data);
		fmt_val(b, sizeof b, ds->max, data);
		fmt_val(c, sizeof c, ds->min, data);
		fmt_val(g, sizeof g, ds->prev, data);
		row[0] = ds->name;
		row[1] = nd;
		row[2] = n;
		row[3] = a;
		row[4] = b;
		row[5] = c;
		row[6] = g;
		if (table_add_row(t, row) != 0) {
			table_free(t);
			return NULL;
		}
	}
	return t;
}

static int
ck_aggregate_cmd(struct cmd_ctx *ctx, struct optv *ov)
{
	struct store		*st;
	struct ck_stats		*s;
	struct diags		 d = DIAGS_INIT;
	struct table		*t;
	const char *const	*keys;
	char			 a[32], b[32];
	size_t			 i, *low;
	enum ck_kind		 kind = kind_of(ov);
	const char		*by = opt_get(ov, "by");
	const char		*path = opt_get(ov, "output");
	const char		*format = listing_format(opt_get(ov, "format"),
				    path);
	long long		 lowest = opt_num(ov, "lowest", 10);
	int			 r, fy = fy_of(ov);
	int			 data = strcmp(format, "table") != 0;
	FILE			*fp;

	/* Refuse what does not apply, rather than ignore it. */
	if (opt_has(ov, "lowest") && by != NULL && strcmp(by, "item") != 0)
		return opt_bad_usage(ov->entry, ov->sub, _("--lowest lists the "
		    "items with the lowest rates; it goes with --by item, not "
		    "--by %s"), by);
	if (opt_has(ov, "lowest") && (data || path != NULL))
		return opt_bad_usage(ov->entry, ov->sub, _("--lowest lists the "
		    "items with the lowest rates in the table; with --format "
		    "csv or json, or -o, sort the rates yourself"));
	if ((st = cmd_store(ctx)) == NULL)
		return CMD_FAIL;
	if (ck_aggregate(&s, st, kind, fy, &d) != 0) {
		cmd_print_diags(stderr, &d);
		diags_free(&d);
		return cmd_lib_error();
	}
	diags_free(&d);
	/* the summary lines: on standard error when the output is data */
	fp = data || path != NULL ? stderr : stdout;
	fmt_rate(a, sizeof a, s->rate);
	fmt_rate(b, sizeof b, s->prev_rate);
	fprintf(fp, _("%s FY%d: %zu of %zu divisions submitted; "
	    "implementation rate %s (FY%d %s)\n"), ck_kind_title(kind), fy,
	    s->nsubmitted, s->ndiv, a, fy - 1, b);
	if (by == NULL || strcmp(by, "item") == 0) {
		t = by_item(s, data);
		keys = item_keys;
	} else if (strcmp(by, "division") == 0) {
		t = by_division(s, kind, data);
		keys = div_keys;
	} else {
		t = by_department(s, data);
		keys = dept_keys;
	}
	if (t == NULL) {
		ck_stats_free(s);
		return cmd_lib_error();
	}
	r = listing_table_out(t, keys, format, opt_has(ov, "crlf"), path);
	table_free(t);
	if (r != CMD_OK)
		goto out;
	if ((by == NULL || strcmp(by, "item") == 0) && !data && path == NULL &&
	    lowest > 0 && (low = ck_stats_lowest(s)) != NULL) {
		printf(_("\nlowest items:\n"));
		for (i = 0; i < s->set->nitems && i < (size_t)lowest; i++) {
			const struct ck_item_stat *is = &s->items[low[i]];

			if (isnan(is->rate))
				break;
			fmt_rate(a, sizeof a, is->rate);
			printf("%3zu  %-12s %7s  %s\n", i + 1, is->item->ref,
			    a, is->item->text);
		}
		free(low);
	}
	if (by != NULL && strcmp(by, "division") == 0) {
		fmt_num(a, sizeof a, s->mean);
		fmt_num(b, sizeof b, s->sd);
		fprintf(fp, _("mean %s, standard deviation %s\n"), a, b);
	}
out:
	ck_stats_free(s);
	return r;
}

/*
 * checklist export form|report
 */

struct ckdoc {
	const struct ck_set	*set;
	const struct ck_org	*org;
	const struct ck_stats	*s, *self;
	struct store		*st;
	const char		*date;
	int			 xlsx;
};

static int
write_form(const char *path, void *arg)
{
	struct ckdoc	*c = arg;

	return ck_form_write_path(path, c->set, c->org);
}

static int
write_report(const char *path, void *arg)
{
	struct ckdoc	*c = arg;

	if (c->xlsx)
		return ck_report_xlsx(path, c->s, c->self, c->st, c->date);
	return ck_report_docx(path, c->s, c->self, c->st, c->date);
}

/* One form per division, or the one --org names: all or none. */
static int
export_form(struct cmd_ctx *ctx, struct optv *ov)
{
	struct store		*st;
	struct ck_set		*set = NULL;
	struct ck_orgs		*orgs = NULL;
	struct cmd_export_doc	*docs = NULL;
	struct ckdoc		*cd = NULL;
	char			*name;
	size_t			 i, n = 0;
	int			 rc = CMD_FAIL;

	if (opt_has(ov, "org") == opt_has(ov, "all"))
		return opt_bad_usage(ov->entry, ov->sub, _("the form export "
		    "needs --org ORG or --all"));
	if (opt_has(ov, "date"))
		return opt_bad_usage(ov->entry, ov->sub, _("--date dates the "
		    "report; a form carries its item set's date"));
	if ((st = cmd_store(ctx)) == NULL)
		return CMD_FAIL;
	if (ck_set_load(&set, st, kind_of(ov), fy_of(ov)) != 0 ||
	    ck_orgs_load(&orgs, st) != 0) {
		cmd_lib_error();
		goto done;
	}
	if ((docs = calloc(orgs->n + 1, sizeof *docs)) == NULL ||
	    (cd = calloc(orgs->n + 1, sizeof *cd)) == NULL) {
		cmd_error(_("out of memory"));
		goto done;
	}
	for (i = 0; i < orgs->n; i++) {
		if (opt_has(ov, "org") &&
		    strcmp(orgs->v[i].code, opt_get(ov, "org")) != 0)
			continue;
		cd[n].set = set;
		cd[n].org = &orgs->v[i];
		if (ck_form_name(&name, set, &orgs->v[i]) != 0) {
			cmd_lib_error();
			goto done;
		}
		docs[n].name = name;
		docs[n].write = write_form;
		docs[n].arg = &cd[n];
		n++;
	}
	if (n == 0) {
		cmd_error(_("no division '%s' in %s (a 部 has no form; give one "
		    "of its 課)"), opt_get(ov, "org"), STORE_ORGS);
		goto done;
	}
	rc = cmd_export_docs(opt_get(ov, "output"), docs, n);
done:
	for (i = 0; i < n; i++)
		free((char *)docs[i].name);
	free(docs);
	free(cd);
	ck_set_free(set);
	ck_orgs_free(orgs);
	return rc;
}

static int
export_report(struct cmd_ctx *ctx, struct optv *ov)
{
	struct store		*st;
	struct ck_stats		*s = NULL, *self = NULL;
	struct diags		 d = DIAGS_INIT;
	struct cmd_export_doc	 docs[2];
	struct ckdoc		 cd[2];
	struct cal_date		 dt;
	char			 date[CAL_FMT_MAX], *names[2] = { NULL, NULL };
	enum ck_kind		 kind = kind_of(ov);
	int			 rc = CMD_FAIL, fy = fy_of(ov);

	if (opt_has(ov, "org") || opt_has(ov, "all"))
		return opt_bad_usage(ov->entry, ov->sub, _("the report covers "
		    "every division; --org and --all choose forms"));
	if ((st = cmd_store(ctx)) == NULL)
		return CMD_FAIL;
	/* a department report summarises the staff's self check too */
	if ((kind == CK_DEPARTMENT ? ck_aggregate_with_self(&s, &self, st,
	    fy, &d) : ck_aggregate(&s, st, kind, fy, &d)) != 0) {
		cmd_print_diags(stderr, &d);
		rc = cmd_lib_error();
		goto done;
	}
	diags_free(&d);
	if (opt_date(ov, "date", &dt))
		cal_format_iso(date, sizeof date, dt);
	else
		ck_report_date(date, sizeof date, s);
	if (s->kind != CK_VENDOR && s->set->nrecommendations == 0)
		cmd_warn(_("no recommendations in item set %s (report:"
		    " recommendations): the report has no section 今後の取組"),
		    s->set->catalog);
	if (ck_report_names(&names[0], &names[1], s) != 0) {
		rc = cmd_lib_error();
		goto done;
	}
	memset(cd, 0, sizeof cd);
	cd[0].s = cd[1].s = s;
	cd[0].self = cd[1].self = self;
	cd[0].st = cd[1].st = st;
	cd[0].date = cd[1].date = date;
	cd[1].xlsx = 1;
	docs[0].name = names[0];
	docs[1].name = names[1];
	docs[0].write = docs[1].write = write_report;
	docs[0].arg = &cd[0];
	docs[1].arg = &cd[1];
	rc = cmd_export_docs(opt_get(ov, "output"), docs, 2);
done:
	free(names[0]);
	free(names[1]);
	diags_free(&d);
	ck_stats_free(s);
	ck_stats_free(self);
	return rc;
}

static int
ck_export_cmd(struct cmd_ctx *ctx, struct optv *ov)
{
	static const char *const words[] = { "report", "form", NULL };
	const char	*near;

	if (strcmp(ov->argv[0], "form") == 0)
		return export_form(ctx, ov);
	if (strcmp(ov->argv[0], "report") == 0)
		return export_report(ctx, ov);
	if ((near = opt_nearest(ov->argv[0], words)) != NULL)
		return opt_bad_usage(ov->entry, ov->sub, _("'%s' is not a "
		    "checklist document; did you mean '%s'?"), ov->argv[0],
		    near);
	return opt_bad_usage(ov->entry, ov->sub, _("'%s' is not a checklist "
	    "document: report or form"), ov->argv[0]);
}

/*
 * The table.
 */

#define KIND_OPT(flags)							\
	{ "kind", 0, OPT_ENUM, (flags), "KIND", "checklist:kind", 0, 0,	\
	  "self, department or vendor (自己点検, 所属点検, "		\
	  "特記事項チェックシート)" }
#define FY_OPT(flags)							\
	{ "fy", 0, OPT_FY, (flags), NULL, NULL, 0, 0,			\
	  "the fiscal year (2026, 令和8年度)" }

static const struct opt items_opts[] = {
	KIND_OPT(OPT_REQUIRED),
	FY_OPT(OPT_REQUIRED),
	LISTING_OPT_FORMAT,
	LISTING_OPT_CRLF,
	LISTING_OPT_OUTPUT,
	OPT_END
};

static const struct opt diff_opts[] = {
	KIND_OPT(OPT_REQUIRED),
	OPT_END
};

static const struct opt import_opts[] = {
	KIND_OPT(0),
	FY_OPT(0),
	{ "rules", 0, OPT_PATH, 0, "FILE", NULL, 0, 0,
	  "a rules file that maps a survey export's columns" },
	{ "dry-run", 0, OPT_FLAG, 0, NULL, NULL, 0, 0,
	  "check and say what would change; write nothing" },
	OPT_END
};

static const struct opt status_opts[] = {
	KIND_OPT(OPT_REQUIRED),
	FY_OPT(OPT_REQUIRED),
	{ "missing", 0, OPT_FLAG, 0, NULL, NULL, 0, 0,
	  "only the divisions that have not submitted" },
	LISTING_OPT_FORMAT,
	LISTING_OPT_CRLF,
	LISTING_OPT_OUTPUT,
	OPT_END
};

static const struct opt aggregate_opts[] = {
	KIND_OPT(OPT_REQUIRED),
	FY_OPT(OPT_REQUIRED),
	{ "by", 0, OPT_CHOICE, 0, "item|division|department",
	  "item|division|department", 0, 0,
	  "rates by item (default), scores by division or department" },
	{ "lowest", 0, OPT_INT, 0, NULL, NULL, 0, 1000,
	  "with --by item: list the N items with the lowest rates (10)" },
	LISTING_OPT_FORMAT,
	LISTING_OPT_CRLF,
	LISTING_OPT_OUTPUT,
	OPT_END
};

static const struct opt export_opts[] = {
	KIND_OPT(OPT_REQUIRED),
	FY_OPT(OPT_REQUIRED),
	{ "org", 0, OPT_ORG, 0, NULL, NULL, 0, 0,
	  "form: the division's form only" },
	{ "all", 0, OPT_FLAG, 0, NULL, NULL, 0, 0,
	  "form: every division's form" },
	{ "date", 0, OPT_DATE, 0, NULL, NULL, 0, 0,
	  "report: its date (default the last submission, not before the"
	  " period's end)" },
	{ "output", 'o', OPT_PATH, 0, NULL, NULL, 0, 0,
	  "a file, or a folder (ending in /) for several" },
	OPT_ZIP_OPTS,
	OPT_END
};

static const struct subcmd ck_subs[] = {
	{ "items", ck_items_cmd, items_opts, NULL, 0, 0, NULL,
	  "the item set of a fiscal year" },
	{ "diff", ck_diff_cmd, diff_opts, "FY1 FY2", 2, 2, NULL,
	  "items added, removed and reworded between years" },
	{ "import", ck_import_cmd, import_opts, "FILE...", 1, -1, NULL,
	  "returned forms (.xlsx) and CSV files" },
	{ "status", ck_status_cmd, status_opts, NULL, 0, 0, NULL,
	  "which divisions have submitted" },
	{ "aggregate", ck_aggregate_cmd, aggregate_opts, NULL, 0, 0, NULL,
	  "implementation rates by item, division (偏差値) or department" },
	{ "export", ck_export_cmd, export_opts, "report|form", 1, 1, NULL,
	  "the result report (.docx, .xlsx), or the forms to fill in" },
	SUBCMD_END
};

const struct cmd_entry cmd_checklist_entry = {
	.name = "checklist",
	.desc = "self, department and contractor checklists: forms, imports,"
	    " results",
	.help =
	    "KIND is self (自己点検), department (所属点検) or vendor\n"
	    "(特記事項チェックシート).  See nerima-cio-checklist(1) for rules\n"
	    "files (survey exports).\n",
	.kind = "checklist",
	.subs = ck_subs,
};
