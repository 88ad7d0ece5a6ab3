/*
 * nerima-cio training: the year's trainings (3(1)イ, 3(1)ウ(イ), 3(2)イ) --
 * plan, question banks, items, the new-content check, answer sheets,
 * results, the list with what is overdue, and the documents.
 */
#include <sys/stat.h>

#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "cal.h"
#include "cmd.h"
#include "diag.h"
#include "fileio.h"
#include "i18n.h"
#include "json.h"
#include "listing.h"
#include "node.h"
#include "opt.h"
#include "record.h"
#include "rules.h"
#include "store.h"
#include "table.h"
#include "text.h"
#include "training.h"

/* ---- shared helpers ------------------------------------------------ */

static const char *
iso(char *out, size_t size, struct cal_date d)
{
	if (d.y == 0)
		snprintf(out, size, "-");
	else
		cal_format_iso(out, size, d);
	return out;
}

static const char *
pct(char *out, size_t size, double v)
{
	text_pct1(out, size, v, 1, "-");
	return out;
}

/* The label of a training field's enum value from the schema. */
static const char *
label(struct store *st, const char *path, const char *value)
{
	const struct schema	*k;
	const char		*s;

	if (value == NULL)
		return "-";
	if (store_kind(&k, st, "training") != 0)
		return value;
	s = schema_label(k, path, value);
	return s != NULL ? s : value;
}

/* A training by id prefix, loaded whole (problems printed). */
static int
load_training(struct training **out, struct store *st, const char *prefix)
{
	struct recref	ref = { NULL, NULL, NULL, 0 };
	struct diags	d = DIAGS_INIT;
	int		rc = CMD_OK;

	*out = NULL;
	if (cmd_find_record(&ref, st, "training", prefix) != CMD_OK)
		return CMD_FAIL;
	if (training_load(out, st, &ref, &d) != 0) {
		cmd_print_diags(stderr, &d);
		rc = cmd_error(_("cannot read %s: %s"), ref.id, error_last());
	}
	diags_free(&d);
	free(ref.id);
	free(ref.relpath);
	return rc;
}

/* The files' time: the document's date, so the same data give the same bytes. */
static time_t
created_of(struct cal_date d)
{
	return (time_t)(cal_days(d) * 86400L + 3 * 3600L);
}

/* A name for files: the title with spaces as underscores. */
static char *
file_title(const char *what, const char *title, const char *ext)
{
	struct buf	 b = BUF_INIT;
	const char	*p;

	buf_printf(&b, "%s_", what);
	for (p = title; *p != '\0'; p++) {
		if (*p == ' ')
			buf_putc(&b, '_');
		else if (strncmp(p, "\xe3\x80\x80", 3) == 0) {
			buf_putc(&b, '_');
			p += 2;
		} else
			buf_putc(&b, *p);
	}
	buf_puts(&b, ext);
	if (buf_ok(&b) != 0)
		return NULL;
	return buf_detach(&b, NULL);
}

/*
 * The shipped data (the specification's plan table) when the data
 * directory has none of its own: $NCIO_SAMPLE_DIR, then beside the
 * installed program, then the source tree.
 */
static char *
shipped(const char *name)
{
	char		 exe[PATH_MAX];
	struct buf	 b = BUF_INIT;
	struct stat	 sb;
	const char	*env;
	char		*slash;
	ssize_t		 n;

	if ((env = getenv("NCIO_SAMPLE_DIR")) != NULL && *env != '\0') {
		buf_printf(&b, "%s/%s", env, name);
		if (buf_ok(&b) == 0 && stat(b.data, &sb) == 0)
			return buf_detach(&b, NULL);
		buf_reset(&b);
	}
	if ((n = readlink("/proc/self/exe", exe, sizeof exe - 1)) > 0) {
		exe[n] = '\0';
		if ((slash = strrchr(exe, '/')) != NULL) {
			*slash = '\0';
			buf_printf(&b, "%s/../share/nerima-cio/sample/%s", exe,
			    name);
			if (buf_ok(&b) == 0 && stat(b.data, &sb) == 0)
				return buf_detach(&b, NULL);
			buf_reset(&b);
		}
	}
	buf_printf(&b, "%s/data/sample/%s", NCIO_SOURCE_DIR, name);
	if (buf_ok(&b) == 0 && stat(b.data, &sb) == 0)
		return buf_detach(&b, NULL);
	buf_free(&b);
	return NULL;
}

/* ---- plan ---------------------------------------------------------- */

/* This year's trainings by date, then next year's drafts. */
static int
by_plan_date(const void *a, const void *b)
{
	const struct tr_planned	*x = a, *y = b;

	if (x->draft != y->draft)
		return x->draft - y->draft;
	return cal_cmp(x->date, y->date);
}

static int
tr_plan_cmd(struct cmd_ctx *ctx, struct optv *ov)
{
	struct store		*st;
	struct tr_plan		*plan = NULL;
	struct tr_planned	*v = NULL;
	struct diags		 d = DIAGS_INIT;
	struct stat		 sb;
	struct table		*tb = NULL;
	struct buf		 out = BUF_INIT;
	char			*path = NULL, a[CAL_FMT_MAX], b[CAL_FMT_MAX];
	char			 c[CAL_FMT_MAX], fyl[CAL_FMT_MAX];
	const char		*name = TR_PLAN_FILE;
	size_t			 n = 0, i, made = 0, had = 0, drafts = 0;
	int			 fy = (int)opt_num(ov, "fy", 0);
	int			 dry = opt_has(ov, "dry-run"), rc = CMD_FAIL;

	if ((st = cmd_store(ctx)) == NULL)
		return CMD_FAIL;
	if ((path = store_path(st, TR_PLAN_FILE)) == NULL)
		return cmd_lib_error();
	if (stat(path, &sb) != 0) {
		free(path);
		if ((path = shipped(TR_PLAN_FILE)) == NULL)
			return cmd_error(_("no %s in the data directory and"
			    " no shipped plan table to fall back on"),
			    TR_PLAN_FILE);
		name = path;
		fprintf(stderr, _("using the shipped plan table %s (the"
		    " specification's); copy it to the data directory to"
		    " change it\n"), path);
	}
	if (tr_plan_load(&plan, st, path, name, &d) != 0) {
		cmd_print_diags(stderr, &d);
		cmd_lib_error();
		goto done;
	}
	if (tr_plan_apply(&v, &n, st, plan, fy, dry, &d) != 0) {
		cmd_print_diags(stderr, &d);
		cmd_lib_error();
		goto done;
	}
	qsort(v, n, sizeof *v, by_plan_date);
	if ((tb = table_new(6)) == NULL)
		goto nomem;
	table_set_header(tb, 0, "", 0);
	table_set_header(tb, 1, "ID", 0);
	table_set_header(tb, 2, _("Date"), 0);
	table_set_header(tb, 3, _("Training"), 0);
	table_set_header(tb, 4, _("Material due"), 0);
	table_set_header(tb, 5, _("Report due"), 0);
	for (i = 0; i < n; i++) {
		const char *row[6];

		row[0] = v[i].created ? (dry ? _("would add") : _("new")) :
		    _("planned");
		if (v[i].draft && v[i].created)
			row[0] = dry ? _("would add draft") : _("new draft");
		else if (v[i].draft)
			row[0] = _("draft");
		row[1] = v[i].id != NULL ? v[i].id : "-";
		row[2] = iso(a, sizeof a, v[i].date);
		row[3] = v[i].title;
		row[4] = iso(b, sizeof b, v[i].material_due);
		row[5] = iso(c, sizeof c, v[i].report_due);
		if (table_add_row(tb, row) != 0)
			goto nomem;
		if (v[i].created)
			made++;
		else
			had++;
	}
	if (table_render(tb, &out) != 0)
		goto nomem;
	fwrite(out.data, 1, out.len, stdout);
	cal_fy_label(fyl, sizeof fyl, fy);
	for (i = 0; i < n; i++)
		drafts += v[i].draft;
	if (made == 0) {
		printf(_("nothing to add: the %zu trainings of %s"), n - drafts,
		    fyl);
		cal_fy_label(fyl, sizeof fyl, fy + 1);
		printf(_(" and the %zu material drafts for %s are already"
		    " planned\n"), drafts, fyl);
	} else
		printf(_("%s%zu new, %zu already planned\n"), dry ?
		    _("dry run: ") : "", made, had);
	rc = CMD_OK;
	goto done;
nomem:
	rc = cmd_lib_error();
done:
	table_free(tb);
	buf_free(&out);
	tr_planned_free(v, n);
	tr_plan_free(plan);
	diags_free(&d);
	free(path);
	return rc;
}

/* ---- bank ---------------------------------------------------------- */

static int
part_of(enum tr_part *out, const char *kind)
{
	if (kind == NULL)
		return -1;
	*out = strcmp(kind, "test") == 0 ? TR_TEST : TR_SURVEY;
	return 0;
}

static int
has_audience(const struct tr_question *q, const char *a)
{
	size_t	i;

	if (a == NULL)
		return 1;
	for (i = 0; i < q->naudiences; i++)
		if (strcmp(q->audiences[i], a) == 0)
			return 1;
	return q->naudiences == 0;
}

static int
bank_list(struct store *st, struct optv *ov)
{
	struct tr_bank		*b = NULL;
	struct diags		 d = DIAGS_INIT;
	struct table		*tb = NULL;
	struct buf		 out = BUF_INIT, keys = BUF_INIT;
	enum tr_part		 only = TR_SURVEY;
	const char		*topic = opt_get(ov, "topic");
	const char		*aud = opt_get(ov, "audience");
	const struct tr_question *q;
	size_t			 i, c, shown = 0;
	int			 p, rc = CMD_FAIL, filter;

	filter = part_of(&only, opt_get(ov, "kind")) == 0;
	if (tr_bank_load(&b, st, (int)opt_num(ov, "fy", 0), &d) != 0) {
		cmd_print_diags(stderr, &d);
		rc = cmd_lib_error();
		goto done;
	}
	if ((tb = table_new(6)) == NULL)
		goto nomem;
	table_set_header(tb, 0, _("Item no."), 0);
	table_set_header(tb, 1, _("Kind"), 0);
	table_set_header(tb, 2, _("Format"), 0);
	table_set_header(tb, 3, _("Topic"), 0);
	table_set_header(tb, 4, _("Answer key"), 0);
	table_set_header(tb, 5, _("Question"), 0);
	for (p = 0; p < 2; p++) {
		if (filter && (enum tr_part)p != only)
			continue;
		for (i = 0; i < b->n[p]; i++) {
			const char *row[6];

			q = &b->q[p][i];
			if ((topic != NULL && (q->topic == NULL ||
			    strcmp(q->topic, topic) != 0)) ||
			    !has_audience(q, aud))
				continue;
			buf_reset(&keys);
			for (c = 0; c < q->nchoices; c++)
				if (q->key & (1u << c))
					buf_printf(&keys, "%s%zu",
					    keys.len > 0 ? "," : "", c + 1);
			if (buf_ok(&keys) != 0)
				goto nomem;
			row[0] = q->ref;
			row[1] = p == TR_TEST ? "テスト" : "アンケート";
			row[2] = label(st, "survey_items.type",
			    tr_qtype_name(q->type));
			row[3] = q->topic != NULL ? q->topic : "";
			row[4] = keys.len > 0 ? keys.data : "";
			row[5] = q->text;
			if (table_add_row(tb, row) != 0)
				goto nomem;
			shown++;
		}
	}
	if (table_render(tb, &out) != 0)
		goto nomem;
	fwrite(out.data, 1, out.len, stdout);
	fprintf(stderr, _("%zu question%s (bank: %zu survey, %zu test)\n"),
	    shown, shown == 1 ? "" : "s", b->n[TR_SURVEY], b->n[TR_TEST]);
	rc = CMD_OK;
	goto done;
nomem:
	rc = cmd_lib_error();
done:
	table_free(tb);
	buf_free(&out);
	buf_free(&keys);
	tr_bank_free(b);
	diags_free(&d);
	return rc;
}

/* One question from the options, as the catalog holds it. */
static int
question_from_opts(struct ydoc **out, struct optv *ov)
{
	struct ydoc	*doc;
	struct node	*seq, *m, *s;
	size_t		 i;
	const char	*v;
	static const char *const scalars[] = { "ref", "type", "topic",
	    "clause", "text", "explanation" };

	*out = NULL;
	if ((doc = ydoc_new()) == NULL || (seq = node_seq(doc)) == NULL ||
	    (m = node_map(doc)) == NULL)
		goto nomem;
	ydoc_set_root(doc, seq);
	if (node_seq_push(doc, seq, m) != 0)
		goto nomem;
	for (i = 0; i < sizeof scalars / sizeof scalars[0]; i++)
		if ((v = opt_get(ov, scalars[i])) != NULL &&
		    node_map_set_str(doc, m, scalars[i], v) != 0)
			goto nomem;
	if (opt_count(ov, "audience") > 0) {
		if ((s = node_seq(doc)) == NULL ||
		    node_map_set(doc, m, "audiences", s) != 0)
			goto nomem;
		for (i = 0; i < opt_count(ov, "audience"); i++)
			if (node_seq_push(doc, s, node_str(doc,
			    opt_at(ov, "audience", i))) != 0)
				goto nomem;
	}
	if (opt_count(ov, "choice") > 0) {
		if ((s = node_seq(doc)) == NULL ||
		    node_map_set(doc, m, "choices", s) != 0)
			goto nomem;
		for (i = 0; i < opt_count(ov, "choice"); i++)
			if (node_seq_push(doc, s, node_str(doc,
			    opt_at(ov, "choice", i))) != 0)
				goto nomem;
	}
	if (opt_count(ov, "key") > 0) {
		if ((s = node_seq(doc)) == NULL ||
		    node_map_set(doc, m, "key", s) != 0)
			goto nomem;
		for (i = 0; i < opt_count(ov, "key"); i++) {
			struct node *k = node_str(doc, opt_at(ov, "key", i));

			if (k == NULL)
				goto nomem;
			k->style = NODE_STYLE_PLAIN;
			if (node_seq_push(doc, s, k) != 0)
				goto nomem;
		}
	}
	if (opt_has(ov, "satisfaction") &&
	    node_map_set_str(doc, m, "satisfaction", "true") != 0)
		goto nomem;
	if (opt_has(ov, "fixed") &&
	    node_map_set_str(doc, m, "fixed", "true") != 0)
		goto nomem;
	*out = doc;
	return 0;
nomem:
	ydoc_free(doc);
	return cmd_error(_("out of memory"));
}

static int
bank_add(struct store *st, struct optv *ov)
{
	struct ydoc		*doc = NULL;
	struct diags		 d = DIAGS_INIT;
	struct node		*root, *seq;
	enum tr_part		 part;
	const char		*from = opt_get(ov, "from");
	char			*id = NULL;
	int			 rc = CMD_OK;

	if (part_of(&part, opt_get(ov, "kind")) != 0)
		return opt_bad_usage(ov->entry, ov->sub, _("bank add needs"
		    " --kind survey or --kind test"));
	if (from != NULL) {
		if (opt_has(ov, "text") || opt_has(ov, "ref"))
			return opt_bad_usage(ov->entry, ov->sub, _("give the"
			    " questions in --from FILE or as options, not"
			    " both"));
		if (ydoc_load(&doc, from, &d) != 0) {
			cmd_print_diags(stderr, &d);
			rc = cmd_lib_error();
			goto done;
		}
		root = ydoc_root(doc);
		/* a file of one question, or of a list of them */
		if (root != NULL && root->kind == NODE_MAP &&
		    node_get(root, "items") != NULL)
			root = node_get(root, "items");
		if (root != NULL && root->kind == NODE_MAP) {
			if ((seq = node_seq(doc)) == NULL ||
			    node_seq_push(doc, seq, root) != 0) {
				rc = cmd_error(_("out of memory"));
				goto done;
			}
			root = seq;
		}
	} else {
		if (!opt_has(ov, "ref") || !opt_has(ov, "text") ||
		    !opt_has(ov, "type"))
			return opt_bad_usage(ov->entry, ov->sub, _("bank add"
			    " needs --ref, --type and --text (or --from"
			    " FILE)"));
		if (question_from_opts(&doc, ov) != 0)
			return CMD_FAIL;
		root = ydoc_root(doc);
	}
	if (tr_bank_add(&id, st, part, root, from != NULL ? from :
	    "(command line)", &d) != 0) {
		cmd_print_diags(stderr, &d);
		rc = cmd_lib_error();
		goto done;
	}
	fprintf(stderr, _("added %zu question%s to the %s bank %s\n"),
	    root->n, root->n == 1 ? "" : "s", part == TR_TEST ? "test" :
	    "survey", id);
done:
	free(id);
	ydoc_free(doc);
	diags_free(&d);
	return rc;
}

static int
bank_export(struct store *st, struct optv *ov)
{
	struct tr_bank	*b = NULL;
	struct diags	 d = DIAGS_INIT;
	char		*path = NULL, fyl[CAL_FMT_MAX], *name = NULL;
	int		 fy = (int)opt_num(ov, "fy", 0), rc = CMD_FAIL;
	struct buf	 nb = BUF_INIT;

	if (tr_bank_load(&b, st, fy, &d) != 0) {
		cmd_print_diags(stderr, &d);
		rc = cmd_lib_error();
		goto done;
	}
	if (b->n[TR_SURVEY] + b->n[TR_TEST] == 0) {
		rc = cmd_error(_("the question banks are empty; add questions"
		    " with 'nerima-cio training bank add'"));
		goto done;
	}
	cal_fy_label(fyl, sizeof fyl, fy != 0 ? fy : b->test_fy > b->survey_fy ?
	    b->test_fy : b->survey_fy);
	buf_printf(&nb, "研修設問バンク_%s.xlsx", fyl);
	if (buf_ok(&nb) != 0 || (name = buf_detach(&nb, NULL)) == NULL) {
		rc = cmd_lib_error();
		goto done;
	}
	if (cmd_export_path(&path, opt_get(ov, "output"), name, 0) != CMD_OK)
		goto done;
	if (cmd_export_begin() != CMD_OK)
		goto done;
	if (tr_bank_export(b, st, path, created_of(cal_today())) != 0) {
		cmd_lib_error();
		cmd_export_end(0);
		goto done;
	}
	cmd_export_note(path);
	rc = cmd_export_end(1);
done:
	free(path);
	free(name);
	tr_bank_free(b);
	diags_free(&d);
	return rc;
}

/* What each bank action takes besides --kind. */
static const char *const bank_takes[][14] = {
	{ "list", "kind", "topic", "audience", "fy", NULL },
	{ "add", "kind", "from", "ref", "type", "text", "choice", "key",
	  "explanation", "topic", "audience", "clause", "satisfaction",
	  "fixed" },
	{ "export", "fy", "output", NULL },
};

static int
tr_bank_cmd(struct cmd_ctx *ctx, struct optv *ov)
{
	struct store	*st;
	const char	*act = ov->argv[0];
	size_t		 a, i, k;

	for (a = 0; a < 3; a++)
		if (strcmp(act, bank_takes[a][0]) == 0)
			break;
	if (a == 3)
		return opt_bad_usage(ov->entry, ov->sub, _("'%s' is not list,"
		    " add or export"), act);
	/* an option another action takes is a mistake, not ignored */
	for (i = 0; ov->opts[i].name != NULL; i++) {
		if (!opt_has(ov, ov->opts[i].name))
			continue;
		for (k = 1; k < 14 && bank_takes[a][k] != NULL; k++)
			if (strcmp(bank_takes[a][k], ov->opts[i].name) == 0)
				break;
		if (k == 14 || bank_takes[a][k] == NULL)
			return opt_bad_usage(ov->entry, ov->sub, _("bank %s"
			    " does not take --%s"), act, ov->opts[i].name);
	}
	if ((st = cmd_store(ctx)) == NULL)
		return CMD_FAIL;
	switch (a) {
	case 0:
		return bank_list(st, ov);
	case 1:
		return bank_add(st, ov);
	default:
		return bank_export(st, ov);
	}
}

/* ---- items --------------------------------------------------------- */

struct items_arg {
	struct tr_bank		*bank;
	const char *const	*refs;
	size_t			 nrefs;
	int			 remove;
	struct diags		*warn;
};

static int
items_edit(struct record *r, void *arg)
{
	struct items_arg	*a = arg;

	return tr_items_edit(r->doc, record_root(r), a->bank, a->refs,
	    a->nrefs, a->remove, a->warn);
}

static void
print_items(struct store *st, const struct training *t)
{
	struct table	*tb;
	struct buf	 out = BUF_INIT;
	char		 no[32];
	size_t		 i;
	int		 p;

	if ((tb = table_new(5)) == NULL)
		return;
	table_set_header(tb, 0, "No.", 1);
	table_set_header(tb, 1, _("Item no."), 0);
	table_set_header(tb, 2, _("Format"), 0);
	table_set_header(tb, 3, _("Topic"), 0);
	table_set_header(tb, 4, _("Question"), 0);
	for (p = 0; p < 2; p++) {
		for (i = 0; i < t->nitems[p]; i++) {
			const struct tr_question *q = &t->items[p][i];
			const char *row[5];

			snprintf(no, sizeof no, "%s%zu", p == TR_TEST ? "T" :
			    "S", i + 1);
			row[0] = no;
			row[1] = q->ref;
			row[2] = label(st, "survey_items.type",
			    tr_qtype_name(q->type));
			row[3] = q->topic != NULL ? q->topic : "";
			row[4] = q->text;
			table_add_row(tb, row);
		}
	}
	if (table_render(tb, &out) == 0)
		fwrite(out.data, 1, out.len, stdout);
	printf(_("%zu survey questions, %zu test items\n"),
	    t->nitems[TR_SURVEY], t->nitems[TR_TEST]);
	table_free(tb);
	buf_free(&out);
}

static int
tr_items_cmd(struct cmd_ctx *ctx, struct optv *ov)
{
	struct store		*st;
	struct training		*t = NULL;
	struct record		*r = NULL;
	struct items_arg	 a;
	struct diags		 warn = DIAGS_INIT;
	int			 rc;

	if ((st = cmd_store(ctx)) == NULL)
		return CMD_FAIL;
	if (opt_has(ov, "add") && opt_has(ov, "remove"))
		return opt_bad_usage(ov->entry, ov->sub, _("--add or --remove,"
		    " not both"));
	if (ov->argc > 1 && !opt_has(ov, "add") && !opt_has(ov, "remove"))
		return opt_bad_usage(ov->entry, ov->sub, _("say --add or"
		    " --remove before the refs"));
	if (ov->argc == 1) {
		if (opt_has(ov, "add") || opt_has(ov, "remove"))
			return opt_bad_usage(ov->entry, ov->sub, _("name the"
			    " questions (REF...) to add or remove"));
		if ((rc = load_training(&t, st, ov->argv[0])) != CMD_OK)
			return rc;
		print_items(st, t);
		training_free(t);
		return CMD_OK;
	}
	memset(&a, 0, sizeof a);
	a.refs = (const char *const *)ov->argv + 1;
	a.nrefs = (size_t)ov->argc - 1;
	a.remove = opt_has(ov, "remove");
	a.warn = &warn;
	/* the bank of the training's year: find the training first */
	{
		struct recref	ref = { NULL, NULL, NULL, 0 };
		struct diags	d = DIAGS_INIT;

		if (cmd_find_record(&ref, st, "training", ov->argv[0]) !=
		    CMD_OK)
			return CMD_FAIL;
		rc = tr_bank_load(&a.bank, st, ref.fy, &d);
		cmd_print_diags(stderr, &d);
		diags_free(&d);
		free(ref.id);
		free(ref.relpath);
		if (rc != 0)
			return cmd_lib_error();
	}
	rc = cmd_edit_record(&r, ctx, "training", ov->argv[0], items_edit,
	    &a);
	for (size_t i = 0; i < warn.n; i++)
		cmd_warn("%s", warn.v[i].msg);
	if (rc == CMD_OK && r != NULL) {
		struct diags d = DIAGS_INIT;

		if (training_read(&t, record_root(r), r->relpath, &d) == 0)
			print_items(st, t);
		training_free(t);
		diags_free(&d);
	}
	record_free(r);
	tr_bank_free(a.bank);
	diags_free(&warn);
	return rc;
}

/* ---- check --------------------------------------------------------- */

static const char *
match_label(enum tr_match m)
{
	switch (m) {
	case TR_VERBATIM:
		return "同一";
	case TR_NEAR:
		return "類似";
	case TR_KEPT:
		return "定点";
	default:
		return "新規";
	}
}

static const char *
part_label(int part)
{
	return part == TR_SURVEY ? "アンケート" : part == TR_TEST ? "テスト" :
	    "研修内容";
}

static int
tr_check_cmd(struct cmd_ctx *ctx, struct optv *ov)
{
	struct store		*st;
	struct training		*t = NULL;
	struct tr_bank		*b = NULL;
	struct tr_check		*c = NULL;
	struct table		*tb = NULL;
	struct buf		 out = BUF_INIT;
	char			 no[32], sim[16], fyl[CAL_FMT_MAX];
	size_t			 i, n;
	int			 rc;

	if ((st = cmd_store(ctx)) == NULL)
		return CMD_FAIL;
	if ((rc = load_training(&t, st, ov->argv[0])) != CMD_OK)
		return rc;
	if (tr_bank_load(&b, st, t->fy, NULL) != 0 ||
	    tr_check_run(&c, st, t, b) != 0) {
		rc = cmd_lib_error();
		goto done;
	}
	printf("%s\n", t->title);
	if (c->nothers == 0)
		printf(_("compared with: nothing (no training of last year for"
		    " %s, no general training)\n"), label(st, "audience",
		    t->audience));
	for (i = 0; i < c->nothers; i++) {
		cal_fy_label(fyl, sizeof fyl, c->others[i]->fy);
		printf(_("compared with: %s (%s)\n"), c->others[i]->title,
		    c->why[i] == TR_WHY_LAST_YEAR ? _("last year's training"
		    " for the same audience") : _("the general training the"
		    " staff already had"));
	}
	if ((tb = table_new(6)) == NULL)
		goto nomem;
	table_set_header(tb, 0, _("Part"), 0);
	table_set_header(tb, 1, "No.", 1);
	table_set_header(tb, 2, _("Verdict"), 0);
	table_set_header(tb, 3, _("Similarity"), 1);
	table_set_header(tb, 4, _("Content"), 0);
	table_set_header(tb, 5, _("Overlapping training or replacement"),
	    0);
	for (i = 0; i < c->nunits; i++) {
		const struct tr_unit *u = &c->units[i];
		const char *row[6];
		struct buf where = BUF_INIT, what = BUF_INIT;

		snprintf(no, sizeof no, "%zu", u->index + 1);
		snprintf(sim, sizeof sim, "%.2f", u->sim);
		if (u->ref != NULL)
			buf_printf(&what, "%s %s", u->ref, u->text);
		else
			buf_puts(&what, u->text);
		if (u->other != NULL && u->match != TR_NEW)
			buf_printf(&where, "%s %s%zu", u->other->title,
			    u->part == TR_PART_OUTLINE ? "文" : "No.",
			    u->other_index + 1);
		if (u->suggest != NULL)
			buf_printf(&where, "%s→ 候補 %s", where.len > 0 ? " " :
			    "", u->suggest->ref);
		if (buf_ok(&where) != 0 || buf_ok(&what) != 0) {
			buf_free(&where);
			buf_free(&what);
			goto nomem;
		}
		row[0] = part_label(u->part);
		row[1] = no;
		row[2] = match_label(u->match);
		row[3] = u->other != NULL ? sim : "-";
		row[4] = what.data;
		row[5] = where.len > 0 ? where.data : "";
		rc = table_add_row(tb, row);
		buf_free(&where);
		buf_free(&what);
		if (rc != 0)
			goto nomem;
	}
	if (table_render(tb, &out) != 0)
		goto nomem;
	fwrite(out.data, 1, out.len, stdout);
	printf(_("new content: %s (test %zu of %zu, survey %zu of %zu,"
	    " outline %zu of %zu; similar means a similarity of %.2f or more)\n"),
	    pct(no, sizeof no, isnan(c->share_new) ? NAN :
	    100 * c->share_new), c->fresh[TR_TEST], c->total[TR_TEST],
	    c->fresh[TR_SURVEY], c->total[TR_SURVEY],
	    c->fresh[TR_PART_OUTLINE], c->total[TR_PART_OUTLINE], TR_SIMILAR);
	for (i = 0; i < c->nnotes; i++)
		printf(_("note: %s\n"), c->notes[i]);
	n = tr_check_nreplace(c);
	if (n > 0) {
		printf(_("replace %zu:"), n);
		for (i = 0; i < c->nunits; i++) {
			const struct tr_unit *u = &c->units[i];

			if (u->match != TR_VERBATIM && u->match != TR_NEAR)
				continue;
			if (u->part == TR_PART_OUTLINE)
				printf(" %s%zu", _("outline sentence "),
				    u->index + 1);
			else
				printf(" %s", u->ref);
		}
		printf("\n");
		rc = CMD_FAIL;
	} else
		rc = CMD_OK;
	goto done;
nomem:
	rc = cmd_lib_error();
done:
	table_free(tb);
	buf_free(&out);
	tr_check_free(c);
	tr_bank_free(b);
	training_free(t);
	return rc;
}

/* ---- results ------------------------------------------------------- */

static const char *
flags_label(int f, char *out, size_t size)
{
	snprintf(out, size, "%s%s%s%s%s",
	    f & TR_FLAG_EASY ? "易しすぎ" : "",
	    (f & TR_FLAG_EASY) && (f & (TR_FLAG_HARD | TR_FLAG_NODISC)) ?
	    "・" : "",
	    f & TR_FLAG_HARD ? "難しすぎ" : "",
	    (f & TR_FLAG_HARD) && (f & TR_FLAG_NODISC) ? "・" : "",
	    f & TR_FLAG_NODISC ? "識別力が低い" : "");
	return out;
}

static int
render(struct table *tb)
{
	struct buf	out = BUF_INIT;
	int		rc;

	if ((rc = table_render(tb, &out)) == 0)
		fwrite(out.data, 1, out.len, stdout);
	buf_free(&out);
	table_free(tb);
	return rc;
}

static int
print_results(const struct tr_results *r, struct store *st)
{
	const struct training	*t = r->t;
	struct table		*tb;
	char			 a[64], b[64], c[64], d[64], e[64];
	char			 cells[TR_MAXCHOICES + 4][32];
	const char		*row[TR_MAXCHOICES + 6];
	size_t			 i, k;

	printf("%s\n", t->title);
	printf(_("audience %s, %s, %s\n"), label(st, "audience", t->audience),
	    label(st, "method", t->method), iso(a, sizeof a, t->date));
	printf(_("attended %s of %s (%s)\n"), r->attended >= 0 ?
	    (snprintf(b, sizeof b, "%ld", r->attended), b) : "-",
	    r->target >= 0 ? (snprintf(c, sizeof c, "%ld", r->target), c) :
	    "-", pct(d, sizeof d, r->attend_rate));
	if (r->norgs > 0) {
		if ((tb = table_new(4)) == NULL)
			return -1;
		table_set_header(tb, 0, "部", 0);
		table_set_header(tb, 1, "課", 0);
		table_set_header(tb, 2, "対象者", 1);
		table_set_header(tb, 3, "受講者", 1);
		for (i = 0; i < r->norgs; i++) {
			const struct tr_org_stat *o = &r->orgs[i];

			snprintf(a, sizeof a, "%ld", o->target);
			snprintf(b, sizeof b, "%ld", o->attended);
			row[0] = o->dept != NULL ? o->dept : o->name;
			row[1] = o->dept != NULL ? o->name : "";
			row[2] = o->target >= 0 ? a : "-";
			row[3] = b;
			table_add_row(tb, row);
		}
		if (render(tb) != 0)
			return -1;
	}
	printf("\n");
	if (r->survey_rows || r->respondents > 0 || !isnan(r->satisfaction)) {
		printf(_("survey: %zu respondents (%s of those who attended),"
		    " satisfaction %s%s\n"), r->respondents,
		    pct(a, sizeof a, r->response_rate),
		    pct(b, sizeof b, r->satisfaction), r->survey_rows ? "" :
		    _(" (as reported)"));
		if (t->survey_org != NULL) {
			const char *name = NULL, *dept = NULL;

			if (store_org(&name, &dept, st, t->survey_org) != 0)
				name = t->survey_org;
			printf(_("survey run by %s\n"), name);
		}
	} else
		printf(_("survey: no results\n"));
	if (r->nsurvey > 0) {
		if ((tb = table_new(TR_MAXCHOICES + 4)) == NULL)
			return -1;
		table_set_header(tb, 0, "No.", 1);
		table_set_header(tb, 1, "設問", 0);
		table_set_header(tb, 2, "回答数", 1);
		for (k = 0; k < TR_MAXCHOICES; k++) {
			snprintf(cells[k], sizeof cells[k], "%zu", k + 1);
			table_set_header(tb, 3 + k, cells[k], 1);
		}
		table_set_header(tb, 3 + TR_MAXCHOICES, "上位2", 1);
		for (i = 0; i < r->nsurvey; i++) {
			const struct tr_survey_stat *s = &r->survey[i];

			snprintf(a, sizeof a, "%zu", i + 1);
			snprintf(b, sizeof b, "%zu", s->n);
			row[0] = a;
			row[1] = s->q->text;
			row[2] = b;
			for (k = 0; k < TR_MAXCHOICES; k++) {
				if (k < s->q->nchoices)
					snprintf(cells[k], sizeof cells[k],
					    "%zu", s->picks[k]);
				else
					cells[k][0] = '\0';
				row[3 + k] = cells[k];
			}
			row[3 + TR_MAXCHOICES] = s->q->type == TR_Q_SCALE ?
			    pct(c, sizeof c, 100 * s->top2) : "";
			table_add_row(tb, row);
		}
		if (render(tb) != 0)
			return -1;
		for (i = 0; i < r->nsurvey; i++) {
			const struct tr_survey_stat *s = &r->survey[i];

			if (s->q->type != TR_Q_TEXT)
				continue;
			printf(_("free text, question %zu (%zu answers):\n"),
			    i + 1, s->ntexts);
			for (k = 0; k < s->ntexts; k++)
				printf("  - %s\n", s->texts[k]);
		}
	}
	printf("\n");
	if (!r->test_rows && isnan(r->mean)) {
		printf(_("test: no results\n"));
		return 0;
	}
	printf(_("test: %zu examinees, %zu questions, mean %s, median %s,"
	    " sd %s\n"), r->examinees, r->nq, pct(a, sizeof a, r->mean),
	    pct(b, sizeof b, r->median), isnan(r->sd) ? "-" :
	    (text_pct1(c, sizeof c, r->sd, 0, "-"), c));
	if (r->test_rows)
		printf(_("pass mark %s: %zu passed (%s)\n"),
		    pct(d, sizeof d, r->pass_mark), r->passed,
		    pct(e, sizeof e, r->pass_rate));
	if (r->hist != NULL) {
		printf(_("scores:"));
		for (i = 0; i <= r->nq; i++)
			printf(" %zu:%zu", i, r->hist[i]);
		printf("\n");
	}
	if (r->nitems > 0) {
		if ((tb = table_new(7)) == NULL)
			return -1;
		table_set_header(tb, 0, "No.", 1);
		table_set_header(tb, 1, "項目番号", 0);
		table_set_header(tb, 2, "主題", 0);
		table_set_header(tb, 3, "正答率", 1);
		table_set_header(tb, 4, "識別力", 1);
		table_set_header(tb, 5, "無回答", 1);
		table_set_header(tb, 6, "判定", 0);
		for (i = 0; i < r->nitems; i++) {
			const struct tr_item_stat *it = &r->items[i];

			snprintf(a, sizeof a, "%zu", i + 1);
			if (isnan(it->d))
				snprintf(c, sizeof c, "-");
			else
				snprintf(c, sizeof c, "%.2f", it->d);
			snprintf(d, sizeof d, "%zu", it->blank);
			row[0] = a;
			row[1] = it->q->ref;
			row[2] = it->q->topic != NULL ? it->q->topic : "";
			row[3] = pct(b, sizeof b, isnan(it->p) ? NAN :
			    100 * it->p);
			row[4] = c;
			row[5] = d;
			row[6] = flags_label(it->flags, e, sizeof e);
			table_add_row(tb, row);
		}
		if (render(tb) != 0)
			return -1;
		printf(_("flagged: too easy above %.0f%%, too hard below"
		    " %.0f%%, not discriminating below %.2f (upper-lower"
		    " 27%% index)\n"), 100 * TR_EASY, 100 * TR_HARD,
		    TR_NODISC);
	}
	return 0;
}

static int
tr_results_cmd(struct cmd_ctx *ctx, struct optv *ov)
{
	struct store		*st;
	struct training		*t = NULL;
	struct tr_results	*r = NULL;
	struct buf		 out = BUF_INIT;
	const char		*fmt = opt_get(ov, "format");
	double			 pm = NAN;
	int			 rc;

	if ((st = cmd_store(ctx)) == NULL)
		return CMD_FAIL;
	if (opt_has(ov, "pass-mark"))
		pm = (double)opt_num(ov, "pass-mark", 80);
	if ((rc = load_training(&t, st, ov->argv[0])) != CMD_OK)
		return rc;
	if (tr_results_compute(&r, t, st, pm) != 0) {
		rc = cmd_lib_error();
		goto done;
	}
	if (fmt != NULL && strcmp(fmt, "json") == 0) {
		if (tr_results_json(&out, r, st) != 0) {
			rc = cmd_lib_error();
			goto done;
		}
		fwrite(out.data, 1, out.len, stdout);
	} else if (print_results(r, st) != 0)
		rc = cmd_lib_error();
done:
	buf_free(&out);
	tr_results_free(r);
	training_free(t);
	return rc;
}

/* ---- list ---------------------------------------------------------- */

/*
 * Next year's trainings whose material is due this year (the drafts of
 * 3(2)イ) belong to this year's list too.
 */
static int
add_drafts(struct tr_list *l, struct store *st, int fy, struct diags *d)
{
	struct tr_list	 next;
	struct training	**nv;
	struct cal_date	 start, end;
	size_t		 i;

	if (tr_list_load(&next, st, fy + 1, TR_LOAD_HEADS, d) != 0)
		return -1;
	cal_fy_bounds(&start, &end, fy);
	if ((nv = realloc(l->v, (l->n + next.n + 1) * sizeof *nv)) == NULL) {
		tr_list_free(&next);
		return error_set(NC_ENOMEM, _("out of memory"));
	}
	l->v = nv;
	for (i = 0; i < next.n; i++) {
		if (next.v[i]->material_due.y != 0 &&
		    cal_cmp(next.v[i]->material_due, end) <= 0) {
			l->v[l->n++] = next.v[i];
			next.v[i] = NULL;
		}
	}
	for (i = 0; i < next.n; i++)
		training_free(next.v[i]);
	free(next.v);
	return 0;
}

static int
tr_list_cmd(struct cmd_ctx *ctx, struct optv *ov)
{
	static const char *const keys[] = { "id", "date", "title", "audience",
	    "status", "target", "attended", "satisfaction", "mean_score",
	    "report_due", "report_overdue", "material_overdue" };
	struct store		*st;
	struct tr_list		 l = { NULL, 0 };
	struct tr_results	*r = NULL;
	struct tr_standing	 s;
	struct tr_plan		*plan = NULL;
	struct cal		*cal = NULL;
	struct diags		 d = DIAGS_INIT;
	struct table		*tb = NULL;
	struct buf		 rep = BUF_INIT;
	struct cal_date		 today = cal_today();
	const char		*path = opt_get(ov, "output");
	const char		*fmt = listing_format(opt_get(ov, "format"),
				    path);
	char			 a[64], b[64], c[64], e[64], f[64], g[64];
	size_t			 i, shown = 0;
	int			 fy = (int)opt_num(ov, "fy", 0), rc = CMD_FAIL;
	int			 overdue = opt_has(ov, "overdue");
	int			 data = strcmp(fmt, "table") != 0;

	if ((st = cmd_store(ctx)) == NULL)
		return CMD_FAIL;
	if (tr_cal_load(&cal, st) != 0 ||
	    tr_list_load(&l, st, fy, TR_LOAD_FULL, &d) != 0 ||
	    (fy != 0 && add_drafts(&l, st, fy, &d) != 0)) {
		cmd_print_diags(stderr, &d);
		rc = cmd_lib_error();
		goto done;
	}
	/* a deadline where a record has none, as the workbook has it */
	plan = tr_report_rule(st);
	/* csv and json: stored codes, plain numbers, true/false */
	if ((tb = table_new(data ? 12 : 9)) == NULL)
		goto nomem;
	for (i = 0; data && i < 12; i++)
		table_set_header(tb, i, keys[i], i >= 5 && i != 9);
	if (!data) {
		table_set_header(tb, 0, "ID", 0);
		table_set_header(tb, 1, _("Date"), 0);
		table_set_header(tb, 2, _("Training"), 0);
		table_set_header(tb, 3, _("Audience"), 0);
		table_set_header(tb, 4, _("Status"), 0);
		table_set_header(tb, 5, _("Attended"), 1);
		table_set_header(tb, 6, _("Satisfaction"), 1);
		table_set_header(tb, 7, _("Mean correct"), 1);
		table_set_header(tb, 8, _("Training report"), 0);
	}
	for (i = 0; i < l.n; i++) {
		const struct training *t = l.v[i];
		const char *row[12];

		if (tr_standing(&s, t, plan, cal, today) != 0 ||
		    tr_results_compute(&r, t, st, NAN) != 0)
			goto fail;
		if (overdue && !s.report_overdue && !s.material_overdue) {
			tr_results_free(r);
			r = NULL;
			continue;
		}
		if (data) {
			snprintf(a, sizeof a, "%ld", r->target);
			snprintf(c, sizeof c, "%ld", r->attended);
			/* half up, as the documents print them */
			text_pct1(f, sizeof f, r->satisfaction, 0, "nan");
			text_pct1(g, sizeof g, r->mean, 0, "nan");
			row[0] = t->id;
			row[1] = iso(b, sizeof b, t->date);
			row[2] = t->title;
			row[3] = t->audience;
			row[4] = t->status;
			row[5] = r->target >= 0 ? a : "";
			row[6] = r->attended >= 0 ? c : "";
			row[7] = isnan(r->satisfaction) ? "" : f;
			row[8] = isnan(r->mean) ? "" : g;
			row[9] = s.report_due.y != 0 ? iso(e, sizeof e,
			    s.report_due) : "";
			row[10] = s.report_overdue ? "true" : "false";
			row[11] = s.material_overdue ? "true" : "false";
			if (table_add_row(tb, row) != 0)
				goto nomem;
			goto next;
		}
		buf_reset(&rep);
		if (fy != 0 && t->fy > fy) {
			buf_printf(&rep, _("next year's material due %s"),
			    iso(e, sizeof e, t->material_due));
			if (t->material_submitted.y != 0)
				buf_puts(&rep, _(" (submitted)"));
		} else if (t->report_submitted.y != 0)
			buf_printf(&rep, _("submitted %s"), iso(e, sizeof e,
			    t->report_submitted));
		else if (s.report_overdue)
			buf_printf(&rep, _("overdue since %s (%ld business "
			    "days)"), iso(e, sizeof e, s.report_due),
			    s.report_late_days);
		else if (s.report_due.y != 0)
			buf_printf(&rep, _("due %s"), iso(e, sizeof e,
			    s.report_due));
		else if (training_needs_report(t) &&
		    strcmp(t->status, "cancelled") != 0)
			/* the workbook's 「－」: due, on a day still to agree */
			buf_puts(&rep, _("due, no deadline set"));
		else
			buf_puts(&rep, _("not required"));
		if (s.material_overdue && !(fy != 0 && t->fy > fy))
			buf_printf(&rep, _(", material overdue since %s"),
			    iso(f, sizeof f, t->material_due));
		if (buf_ok(&rep) != 0)
			goto nomem;
		if (r->attended >= 0 && r->target > 0)
			snprintf(a, sizeof a, "%ld/%ld", r->attended,
			    r->target);
		else if (r->attended >= 0)
			snprintf(a, sizeof a, "%ld", r->attended);
		else
			snprintf(a, sizeof a, "-");
		row[0] = t->id;
		row[1] = iso(b, sizeof b, t->date);
		row[2] = t->title;
		row[3] = label(st, "audience", t->audience);
		row[4] = label(st, "status", t->status);
		row[5] = a;
		row[6] = pct(c, sizeof c, r->satisfaction);
		row[7] = pct(f, sizeof f, r->mean);
		row[8] = rep.data;
		if (table_add_row(tb, row) != 0)
			goto nomem;
next:
		shown++;
		tr_results_free(r);
		r = NULL;
	}
	if (!data && path == NULL && shown == 0) {
		fprintf(stderr, overdue ? _("no trainings overdue\n") :
		    _("no trainings\n"));
		rc = CMD_OK;
		goto done;
	}
	rc = listing_table_out(tb, keys, fmt, opt_has(ov, "crlf"), path);
	goto done;
nomem:
fail:
	rc = cmd_lib_error();
done:
	tr_results_free(r);
	table_free(tb);
	buf_free(&rep);
	tr_list_free(&l);
	tr_plan_free(plan);
	cal_free(cal);
	diags_free(&d);
	return rc;
}

/* ---- form ---------------------------------------------------------- */

static int
tr_form_cmd(struct cmd_ctx *ctx, struct optv *ov)
{
	struct store		*st;
	struct training		*t = NULL;
	struct tr_doc_opts	 o;
	struct buf		 txt = BUF_INIT, what = BUF_INIT;
	char			*n1 = NULL, *n2 = NULL, *p1 = NULL, *p2 = NULL;
	size_t			 i, norg = opt_count(ov, "org");
	int			 rc = CMD_FAIL, ok = 0;

	if ((st = cmd_store(ctx)) == NULL)
		return CMD_FAIL;
	if ((rc = load_training(&t, st, ov->argv[0])) != CMD_OK)
		return rc;
	rc = CMD_FAIL;
	if (t->nitems[TR_SURVEY] + t->nitems[TR_TEST] == 0) {
		cmd_error(_("%s has no survey questions or test items yet;"
		    " add them with 'nerima-cio training items %s --add"
		    " REF...'"), t->id, t->id);
		goto done;
	}
	for (i = 0; i < norg; i++)
		if (strlen(opt_at(ov, "org", i)) > TR_FORM_ORG_MAX) {
			cmd_error(_("--org: the code '%s' is too long to start"
			    " respondent codes (%d characters at most); give"
			    " answer sheets without --org"), opt_at(ov, "org",
			    i), TR_FORM_ORG_MAX);
			goto done;
		}
	memset(&o, 0, sizeof o);
	o.created = created_of(t->date.y != 0 ? t->date : cal_today());
	o.pass_mark = NAN;
	if ((n2 = file_title("Forms用設問", t->title, ".txt")) == NULL) {
		cmd_error(_("out of memory"));
		goto done;
	}
	if (cmd_export_path(&p2, opt_get(ov, "output"), n2, 1) != CMD_OK)
		goto done;
	if (tr_form_text(&txt, t) != 0) {
		cmd_lib_error();
		goto done;
	}
	if (cmd_export_begin() != CMD_OK)
		goto done;
	/* one sheet for anyone, or one for each division named */
	for (i = 0; i < (norg > 0 ? norg : 1); i++) {
		size_t	k;

		for (k = 0; k < i; k++)		/* --org given twice */
			if (strcmp(opt_at(ov, "org", k), opt_at(ov, "org",
			    i)) == 0)
				break;
		if (k < i)
			continue;
		free(n1);
		free(p1);
		n1 = p1 = NULL;
		buf_reset(&what);
		o.org = o.org_name = NULL;
		if (norg > 0) {
			o.org = opt_at(ov, "org", i);
			if (store_org(&o.org_name, NULL, st, o.org) != 0) {
				cmd_lib_error();
				goto end;
			}
			buf_printf(&what, "%s_%s", t->title, o.org_name);
		} else
			buf_puts(&what, t->title);
		if (buf_ok(&what) != 0 || (n1 = file_title("回答用紙",
		    what.data, ".xlsx")) == NULL) {
			cmd_error(_("out of memory"));
			goto end;
		}
		if (cmd_export_path(&p1, opt_get(ov, "output"), n1, 1) !=
		    CMD_OK)
			goto end;
		if (tr_form_xlsx(p1, t, &o) != 0) {
			cmd_lib_error();
			goto end;
		}
		if (cmd_export_note(p1) != CMD_OK)
			goto end;
	}
	if (fileio_write_atomic(p2, txt.data, txt.len) != 0)
		cmd_lib_error();
	else if (cmd_export_note(p2) == CMD_OK)
		ok = 1;
end:
	rc = cmd_export_end(ok);
done:
	buf_free(&txt);
	buf_free(&what);
	free(n1);
	free(n2);
	free(p1);
	free(p2);
	training_free(t);
	return rc;
}

/* ---- import -------------------------------------------------------- */

struct import_arg {
	const struct tr_in_file	*f;
	struct rules_report	*rep;
	struct tr_imported	 res;
	int			 dry_run;
	int			 refused;
};

static int
import_edit(struct record *r, void *arg)
{
	struct import_arg	*a = arg;

	if (tr_import_merge(&a->res, r->doc, record_root(r), a->f, a->rep) !=
	    0) {
		if (error_code() == NC_ENOMEM)
			return NC_ENOMEM;
		a->refused = 1;
		return CMD_FAIL;
	}
	if (a->dry_run || a->res.outcome != TR_IMPORT_MERGED)
		return RECORD_EDIT_NOCHANGE;
	return 0;
}

static void
import_said(const struct tr_in_file *f, const struct import_arg *a)
{
	const struct tr_merged	*m = &a->res.merged;

	switch (a->res.outcome) {
	case TR_IMPORT_SAME:
		printf(_("%s: already imported (as '%s' on %s): nothing"
		    " changed\n"), f->path, a->res.as, a->res.date);
		break;
	case TR_IMPORT_NOCHANGE:
		printf(_("%s: the same answers are already imported: nothing"
		    " changed\n"), f->path);
		break;
	default:
		printf(_("%s%s: %zu respondents (survey %zu, test %zu): %zu"
		    " added, %zu updated, %zu unchanged\n"), a->dry_run ?
		    _("dry run: ") : "", f->path, f->n, f->nparts[TR_SURVEY],
		    f->nparts[TR_TEST], m->added, m->updated, m->unchanged);
	}
}

static int
tr_import_cmd(struct cmd_ctx *ctx, struct optv *ov)
{
	struct store		*st;
	struct training		*t = NULL;
	struct rules		*ru = NULL;
	struct tr_in_file	*f;
	struct diags		 d = DIAGS_INIT;
	struct rules_report	 rep;
	struct import_arg	 a;
	const char		*rpath = opt_get(ov, "rules");
	size_t			 nbad = 0;
	int			 i, rc;

	if ((st = cmd_store(ctx)) == NULL)
		return CMD_FAIL;
	if ((rc = load_training(&t, st, ov->argv[0])) != CMD_OK)
		return rc;
	if (rpath != NULL && rules_load(&ru, rpath, &d) != 0) {
		cmd_print_diags(stderr, &d);
		rc = cmd_error(_("cannot read the rules '%s': %s"), rpath,
		    error_last());
		goto done;
	}
	for (i = 1; i < ov->argc; i++) {
		diags_free(&d);
		d = (struct diags)DIAGS_INIT;
		rules_report_init(&rep, &d, RULES_MAX_PROBLEMS);
		if (tr_import_read(&f, st, t, ru, ov->argv[i], &rep) != 0) {
			if (error_code() == NC_ENOMEM) {
				rc = cmd_lib_error();
				goto done;
			}
			rules_report_end(&rep, ov->argv[i]);
			cmd_print_diags(stderr, &d);
			cmd_error("%s", error_last());
			nbad++;
			continue;
		}
		memset(&a, 0, sizeof a);
		a.f = f;
		a.rep = &rep;
		a.dry_run = opt_has(ov, "dry-run");
		rc = cmd_edit_record_as(NULL, ctx, "training", t->id,
		    import_edit, &a, CMD_EDIT_QUIET);
		if (a.refused) {
			cmd_print_diags(stderr, &d);
			cmd_error("%s", error_last());
			nbad++;
		} else if (rc != CMD_OK)
			nbad++;
		else
			import_said(f, &a);
		tr_in_file_free(f);
	}
	rc = nbad > 0 ? CMD_FAIL : CMD_OK;
done:
	diags_free(&d);
	rules_free(ru);
	training_free(t);
	return rc;
}

/* ---- export -------------------------------------------------------- */

enum { EX_REPORT, EX_RESULTS, EX_SURVEY, EX_TEST, EX_SUMMARY };

static const char *const ex_names[] = { "report", "results", "survey",
    "test", "summary", NULL };

static int
export_one(struct store *st, int what, const char *prefix, struct optv *ov,
    const struct tr_doc_opts *base, int several)
{
	struct training		*t = NULL;
	struct tr_results	*r = NULL;
	struct tr_doc_opts	 o = *base;
	const char		*missing;
	char			*name = NULL, *path = NULL, day[CAL_FMT_MAX];
	int			 rc;

	if ((rc = load_training(&t, st, prefix)) != CMD_OK)
		return rc;
	rc = CMD_FAIL;
	if (what == EX_REPORT || what == EX_RESULTS) {
		if (tr_results_compute(&r, t, st, o.pass_mark) != 0) {
			cmd_lib_error();
			goto done;
		}
		if ((missing = tr_report_missing(r)) != NULL) {
			if (what == EX_REPORT)
				cmd_error(_("no training report for '%s' (%s):"
				    " %s"), t->title, t->id, missing);
			else
				cmd_error(_("no results workbook for '%s' (%s):"
				    " %s"), t->title, t->id, missing);
			goto done;
		}
	}
	if ((what == EX_SURVEY || what == EX_TEST) &&
	    t->nitems[what == EX_SURVEY ? TR_SURVEY : TR_TEST] == 0) {
		if (what == EX_SURVEY)
			cmd_error(_("'%s' (%s) has no survey questions yet;"
			    " add them with 'nerima-cio training items %s"
			    " --add REF...'"), t->title, t->id, t->id);
		else
			cmd_error(_("'%s' (%s) has no test items yet; add"
			    " them with 'nerima-cio training items %s"
			    " --add REF...'"), t->title, t->id, t->id);
		goto done;
	}
	switch (what) {
	case EX_REPORT:
		name = file_title("研修実施報告書", t->title, ".docx");
		break;
	case EX_RESULTS:
		name = file_title("研修結果", t->title, ".xlsx");
		break;
	case EX_SURVEY:
		name = file_title("アンケート", t->title, ".docx");
		break;
	default:
		name = file_title("テスト", t->title, ".docx");
		break;
	}
	if (name == NULL) {
		cmd_error(_("out of memory"));
		goto done;
	}
	if (cmd_export_path(&path, opt_get(ov, "output"), name, several) !=
	    CMD_OK)
		goto done;
	if (o.date == NULL) {
		/* no --date: the document's own date, not today's */
		struct cal_date dd = training_doc_date(t, what == EX_REPORT ||
		    what == EX_RESULTS, cal_today());

		cal_format_iso(day, sizeof day, dd);
		o.date = day;
		o.created = created_of(dd);
	}
	switch (what) {
	case EX_REPORT:
		rc = tr_report_docx(path, r, st, &o);
		break;
	case EX_RESULTS:
		rc = tr_results_xlsx(path, r, st, &o);
		break;
	default:
		rc = tr_questions_docx(path, t, what == EX_SURVEY ? TR_SURVEY :
		    TR_TEST, st, &o);
		break;
	}
	if (rc != 0) {
		rc = cmd_lib_error();
		goto done;
	}
	rc = cmd_export_note(path);
done:
	free(name);
	free(path);
	tr_results_free(r);
	training_free(t);
	return rc;
}

static int
tr_export_cmd(struct cmd_ctx *ctx, struct optv *ov)
{
	struct store		*st;
	struct tr_doc_opts	 o;
	struct cal_date		 date = cal_today();
	char			 day[CAL_FMT_MAX], fyl[CAL_FMT_MAX];
	char			*name = NULL, *path = NULL;
	struct buf		 nb = BUF_INIT;
	int			 what, i, rc = CMD_OK, ok = 1;

	for (what = 0; ex_names[what] != NULL; what++)
		if (strcmp(ov->argv[0], ex_names[what]) == 0)
			break;
	if (ex_names[what] == NULL)
		return opt_bad_usage(ov->entry, ov->sub, _("'%s' is not one of"
		    " report, results, survey, test, summary"), ov->argv[0]);
	if (what == EX_SUMMARY && (ov->argc > 1 || !opt_has(ov, "fy")))
		return opt_bad_usage(ov->entry, ov->sub, _("export summary"
		    " takes --fy FY and no ID"));
	if (what != EX_SUMMARY && ov->argc < 2)
		return opt_bad_usage(ov->entry, ov->sub, _("export %s needs"
		    " the training's ID"), ex_names[what]);
	if (what != EX_SUMMARY && opt_has(ov, "fy"))
		return opt_bad_usage(ov->entry, ov->sub, _("--fy is for"
		    " export summary"));
	if ((st = cmd_store(ctx)) == NULL)
		return CMD_FAIL;
	opt_date(ov, "date", &date);
	if (what == EX_SUMMARY && !opt_has(ov, "date")) {
		/* a past year's summary is as of that year's last day */
		struct cal_date start, end;

		cal_fy_bounds(&start, &end, (int)opt_num(ov, "fy", 0));
		if (cal_cmp(date, end) > 0)
			date = end;
	}
	cal_format_iso(day, sizeof day, date);
	memset(&o, 0, sizeof o);
	o.date = day;
	o.created = created_of(date);
	o.pass_mark = opt_has(ov, "pass-mark") ?
	    (double)opt_num(ov, "pass-mark", 80) : NAN;
	if (cmd_export_begin() != CMD_OK)
		return CMD_FAIL;
	if (what == EX_SUMMARY) {
		int fy = (int)opt_num(ov, "fy", 0);

		cal_fy_label(fyl, sizeof fyl, fy);
		buf_printf(&nb, "研修実施状況_%s.xlsx", fyl);
		if (buf_ok(&nb) != 0 || (name = buf_detach(&nb, NULL)) ==
		    NULL) {
			cmd_lib_error();
			ok = 0;
		} else if (cmd_export_path(&path, opt_get(ov, "output"), name,
		    0) != CMD_OK)
			ok = 0;
		else if (tr_summary_xlsx(path, st, fy, &o) != 0) {
			cmd_lib_error();
			ok = 0;
		} else
			ok = cmd_export_note(path) == CMD_OK;
	} else {
		if (!opt_has(ov, "date"))
			o.date = NULL;
		for (i = 1; i < ov->argc && ok; i++)
			if (export_one(st, what, ov->argv[i], ov, &o,
			    ov->argc > 2) != CMD_OK)
				ok = 0;
	}
	rc = cmd_export_end(ok);
	if (!ok)
		fprintf(stderr, _("nothing was written\n"));
	free(name);
	free(path);
	buf_free(&nb);
	return rc;
}

/* ---- the verb ------------------------------------------------------ */

static const struct opt plan_opts[] = {
	{ "fy", 0, OPT_FY, OPT_REQUIRED, NULL, NULL, 0, 0,
	  "the fiscal year to plan" },
	{ "dry-run", 0, OPT_FLAG, 0, NULL, NULL, 0, 0,
	  "say what would be added, add nothing" },
	OPT_END
};

static const struct opt bank_opts[] = {
	{ "kind", 0, OPT_CHOICE, 0, "survey|test", "survey|test", 0, 0,
	  "survey questions or test items" },
	{ "topic", 0, OPT_TEXT, 0, NULL, NULL, 0, 0,
	  "list: only this topic; add: the question's topic" },
	{ "audience", 0, OPT_ENUM, OPT_REPEAT, "AUDIENCE",
	  "training:audience", 0, 0,
	  "list: only questions for this audience; add: an audience it suits" },
	{ "fy", 0, OPT_FY, 0, NULL, NULL, 0, 0,
	  "the banks as they were for this fiscal year (default the latest)" },
	{ "from", 0, OPT_PATH, 0, "FILE", NULL, 0, 0,
	  "add: the questions from a YAML file (one, or a list)" },
	{ "ref", 0, OPT_TEXT, 0, "REF", NULL, 0, 0,
	  "add: the question's ref (unique in both banks)" },
	{ "type", 0, OPT_ENUM, 0, "TYPE", "training:survey_items.type", 0, 0,
	  "add: scale, single, multiple or text" },
	{ "text", 0, OPT_TEXT, 0, NULL, NULL, 0, 0,
	  "add: the question" },
	{ "choice", 0, OPT_TEXT, OPT_REPEAT, NULL, NULL, 0, 0,
	  "add: a choice, in order (a scale: five labels, best first)" },
	{ "key", 0, OPT_INT, OPT_REPEAT, NULL, NULL, 1, 9,
	  "add: the number of a correct choice (test items)" },
	{ "explanation", 0, OPT_TEXT, 0, NULL, NULL, 0, 0,
	  "add: why the key is right (test items)" },
	{ "clause", 0, OPT_TEXT, 0, "CLAUSE", NULL, 0, 0,
	  "add: the policy clause it teaches (2-5)" },
	{ "satisfaction", 0, OPT_FLAG, 0, NULL, NULL, 0, 0,
	  "add: the scale whose top two make the satisfaction" },
	{ "fixed", 0, OPT_FLAG, 0, NULL, NULL, 0, 0,
	  "add: asked every year on purpose (定点設問)" },
	{ "output", 'o', OPT_PATH, 0, NULL, NULL, 0, 0,
	  "export: the file or folder to write" },
	OPT_END
};

static const struct opt items_opts[] = {
	{ "add", 0, OPT_FLAG, 0, NULL, NULL, 0, 0,
	  "freeze the bank questions REF... into the training" },
	{ "remove", 0, OPT_FLAG, 0, NULL, NULL, 0, 0,
	  "take the questions REF... out" },
	OPT_END
};

static const struct opt form_opts[] = {
	{ "org", 0, OPT_ORG, OPT_REPEAT, NULL, NULL, 0, 0,
	  "one answer sheet for each division named, its respondent codes"
	  " starting with the division's code" },
	{ "output", 'o', OPT_PATH, 0, NULL, NULL, 0, 0,
	  "the folder to write the files to (default here)" },
	OPT_END
};

static const struct opt import_opts[] = {
	{ "rules", 0, OPT_PATH, 0, "FILE", NULL, 0, 0,
	  "the rules file that maps a table's columns (an e-learning CSV)" },
	{ "dry-run", 0, OPT_FLAG, 0, NULL, NULL, 0, 0,
	  "check the files and say what would change; write nothing" },
	OPT_END
};

static const struct opt results_opts[] = {
	{ "format", 0, OPT_CHOICE, 0, "table|json", "table|json", 0, 0,
	  "output format (default table)" },
	{ "pass-mark", 0, OPT_INT, 0, NULL, NULL, 0, 100,
	  "the pass mark in percent (default the training's, else 80)" },
	OPT_END
};

static const struct opt export_opts[] = {
	{ "fy", 0, OPT_FY, 0, NULL, NULL, 0, 0,
	  "summary: the fiscal year" },
	{ "date", 0, OPT_DATE, 0, NULL, NULL, 0, 0,
	  "the documents' date (default the training's day, or the report's"
	  " submission day)" },
	{ "pass-mark", 0, OPT_INT, 0, NULL, NULL, 0, 100,
	  "report, results: the pass mark in percent" },
	{ "output", 'o', OPT_PATH, 0, NULL, NULL, 0, 0,
	  "the file, or the folder (several files)" },
	OPT_ZIP_OPTS,
	OPT_END
};

static const struct opt list_opts[] = {
	{ "fy", 0, OPT_FY, 0, NULL, NULL, 0, 0,
	  "only this fiscal year" },
	{ "overdue", 0, OPT_FLAG, 0, NULL, NULL, 0, 0,
	  "only trainings with a report or material past due" },
	LISTING_OPT_FORMAT,
	LISTING_OPT_CRLF,
	LISTING_OPT_OUTPUT,
	OPT_END
};

static const struct subcmd training_subs[] = {
	{ "plan", tr_plan_cmd, plan_opts, NULL, 0, 0, NULL,
	  "create the year's trainings from the plan table" },
	{ "bank", tr_bank_cmd, bank_opts, "list|add|export", 1, 1,
	  "list|add|export [--kind survey|test] [--topic TEXT]"
	  " [--audience AUDIENCE]... [--fy FY] [--from FILE] [--ref REF]"
	  " [--type TYPE] [--text TEXT] [--choice TEXT]... [--key N]..."
	  " [--explanation TEXT] [--clause CLAUSE] [--satisfaction]"
	  " [--fixed] [-o PATH]",
	  "list, add to or export the question banks" },
	{ "items", tr_items_cmd, items_opts, "ID [REF...]", 1, -1,
	  "ID [--add | --remove] [REF...]",
	  "show, add or remove a training's questions" },
	{ "check", tr_check_cmd, NULL, "ID", 1, 1, NULL,
	  "compare with last year's and the general training: what to replace" },
	{ "form", tr_form_cmd, form_opts, "ID", 1, 1, NULL,
	  "the answer sheet (.xlsx) and the questions for Microsoft Forms" },
	{ "import", tr_import_cmd, import_opts, "ID FILE...", 2, -1, NULL,
	  "answer sheets, Microsoft Forms exports, CSV files by rules" },
	{ "results", tr_results_cmd, results_opts, "ID", 1, 1, NULL,
	  "participation, survey and test results with item analysis" },
	{ "export", tr_export_cmd, export_opts, "WHAT [ID...]", 1, -1, NULL,
	  "研修実施報告書, results workbook, survey, test, the year's summary" },
	{ "list", tr_list_cmd, list_opts, NULL, 0, 0, NULL,
	  "the trainings with status, attendance, scores and what is overdue" },
	SUBCMD_END
};

const struct cmd_entry cmd_training_entry = {
	.name = "training",
	.desc = "trainings: plan, question banks, new-content check, results,"
	    " reports",
	.help =
	    "WHAT is report (研修実施報告書, .docx), results (workbook with\n"
	    "charts, .xlsx), survey or test (.docx, for the ward to approve), or\n"
	    "summary (the year's trainings, .xlsx; with --fy).\n"
	    "\n"
	    "See nerima-cio-training(1) for the plan table, the banks, the\n"
	    "similarity measure and the item analysis.\n",
	.subs = training_subs,
	.kind = "training",
};
