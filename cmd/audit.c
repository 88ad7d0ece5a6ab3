/*
 * nerima-cio audit: internal security audits (3(2)エ) -- item catalogs,
 * plans, fieldwork scoring, findings, agreement, follow-up and documents.
 *
 * The rules are in lib/audit (audit.h); this file reads the options,
 * asks at a terminal, changes a record through cmd_edit_record() and
 * prints.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "audit_doc.h"
#include "buf.h"
#include "cal.h"
#include "clock.h"
#include "fileio.h"
#include "json.h"
#include "cmd.h"
#include "i18n.h"
#include "listing.h"
#include "node.h"
#include "opt.h"
#include "parse.h"
#include "prompt.h"
#include "record.h"
#include "schema.h"
#include "store.h"
#include "table.h"

#define MAX_LIST	64

/* The audit schema, for titles and labels; NULL after printing why. */
static const struct schema *
audit_kind(struct store *st)
{
	const struct schema	*kind;

	if (store_kind(&kind, st, "audit") != 0) {
		cmd_lib_error();
		return NULL;
	}
	return kind;
}

/* 適合 ...: a result as the schema titles it. */
static const char *
result_label(const struct schema *kind, enum audit_result r)
{
	return schema_label(kind, "items.result", audit_result_code(r));
}

/* Split a comma (or 、) separated list in place. */
static size_t
split_list(char *s, const char **out, size_t max)
{
	char	*p, *q;
	size_t	 n = 0;

	while ((p = strstr(s, "、")) != NULL) {
		p[0] = ',';
		memmove(p + 1, p + 3, strlen(p + 3) + 1);
	}
	for (p = strtok_r(s, ",", &q); p != NULL && n < max;
	    p = strtok_r(NULL, ",", &q)) {
		while (*p == ' ')
			p++;
		if (*p != '\0')
			out[n++] = p;
	}
	return n;
}

static void
rate_text(char *out, size_t size, const struct audit_tally *t)
{
	long	v;

	/* as the documents print it */
	if (audit_tally_tenths(&v, t))
		audit_tenths_text(out, size, v, 1);
	else
		snprintf(out, size, "-");
}

static const char *
target_name(struct store *st, const struct node *root)
{
	const char	*s, *name = NULL, *dept = NULL;

	if ((s = node_get_str(root, "target_system")) != NULL)
		return s;
	if ((s = node_get_str(root, "target_org")) == NULL)
		return "";
	if (store_org(&name, &dept, st, s) == 0)
		return name;
	return s;
}


/* The live score line after an answer. */
static void
print_score(FILE *fp, const struct node *root, size_t index)
{
	struct audit_score	 s;
	const struct node	*it = audit_items(root)->u.items[index];
	const char		*clause = node_get_str(it, "clause");
	const char		*cat = node_get_str(it, "category");
	char			 key[128], all[16], ch[16];
	size_t			 i, done;

	if (audit_score(&s, audit_items(root)) != 0)
		return;
	rate_text(all, sizeof all, &s.total);
	if (clause != NULL)
		audit_chapter_of(key, sizeof key, clause);
	else
		snprintf(key, sizeof key, "%s", cat != NULL ? cat : "その他");
	done = s.total.items - s.total.count[AUDIT_NONE];
	fprintf(fp, _("conformity %s"), all);
	for (i = 0; i < s.nchapters; i++) {
		if (strcmp(s.chapters[i].key, key) == 0) {
			rate_text(ch, sizeof ch, &s.chapters[i]);
			fprintf(fp, _(" (%s %s %s)"), strcmp(s.chapters[i].key,
			    s.chapters[i].title) != 0 ? s.chapters[i].key : "",
			    s.chapters[i].title, ch);
		}
	}
	fprintf(fp, _("  answered %zu/%u  unchecked %u\n"), done, s.total.items,
	    s.total.count[AUDIT_UNCHECKED]);
	audit_score_free(&s);
}


static void
join_seq(struct buf *b, const struct node *seq, const char *sep)
{
	size_t	i;

	for (i = 0; seq != NULL && seq->kind == NODE_SEQ && i < seq->n; i++) {
		if (i > 0)
			buf_puts(b, sep);
		if (seq->u.items[i]->kind == NODE_SCALAR)
			buf_puts(b, seq->u.items[i]->u.s.str);
	}
	buf_puts(b, "");
}


static void
show_item(const struct schema *kind, const struct node *root, size_t i)
{
	const struct node	*it = audit_items(root)->u.items[i];
	const char		*s, *imp = node_get_str(it, "importance");
	enum audit_result	 r = audit_item_result(it);
	struct buf		 b = BUF_INIT;

	fprintf(stderr, "\n[%zu/%zu] %s", i + 1, audit_nitems(root),
	    node_get_str(it, "ref"));
	if ((s = node_get_str(it, "clause")) != NULL)
		fprintf(stderr, "  %s", s);
	if ((s = node_get_str(it, "category")) != NULL)
		fprintf(stderr, " %s", s);
	fprintf(stderr, _("  %s, weight %s\n"), schema_label(kind,
	    "items.importance", imp != NULL ? imp : "required"),
	    (s = node_get_str(it, "weight")) != NULL ? s : "1");
	fprintf(stderr, "%s\n", node_get_str(it, "text"));
	join_seq(&b, node_get(it, "evidence_examples"), "、");
	if (b.len > 0)
		fprintf(stderr, _("  documents to ask for: %s\n"), b.data);
	if ((s = node_get_str(it, "how_to_check")) != NULL)
		fprintf(stderr, _("  how to check: %s\n"), s);
	if (r != AUDIT_NONE) {
		fprintf(stderr, _("  last result: %s"), result_label(kind, r));
		if ((s = node_get_str(it, "note")) != NULL)
			fprintf(stderr, _("  note: %s"), s);
		buf_reset(&b);
		join_seq(&b, node_get(it, "evidence"), "、");
		if (b.len > 0)
			fprintf(stderr, _("  documents checked: %s"), b.data);
		fputc('\n', stderr);
	}
	buf_free(&b);
}


static const char *const score_help = N_(
    "  1 conforms  2 partly  3 does not  4 not applicable"
    "  (Enter: keep, next)\n"
    "  s skip (unchecked)  b back  j N|REF go to  q quit  ? this help\n"
    "  note, documents: Enter keeps them, - clears\n");


static void
people(struct buf *b, const struct node *seq)
{
	const char	*s;
	size_t		 i;

	for (i = 0; seq != NULL && seq->kind == NODE_SEQ && i < seq->n; i++) {
		if (i > 0)
			buf_puts(b, "、");
		buf_puts(b, (s = node_get_str(seq->u.items[i], "name")) !=
		    NULL ? s : "");
		if ((s = node_get_str(seq->u.items[i], "position")) != NULL)
			buf_printf(b, "（%s）", s);
	}
	buf_puts(b, "");
}



/* --- items ------------------------------------------------------------- */

static int
load_catalogs(struct record **cats, size_t *n, struct store *st,
    const struct optv *ov, int fy)
{
	const char	*sel[MAX_LIST];
	size_t		 i, nsel = opt_count(ov, "catalog");

	if (nsel > MAX_LIST)
		return opt_bad_usage(ov->entry, ov->sub, _("too many catalogs"));
	for (i = 0; i < nsel; i++)
		sel[i] = opt_at(ov, "catalog", i);
	if (audit_catalogs(cats, n, 8, st, sel, nsel, fy) != 0)
		return cmd_lib_error();
	return CMD_OK;
}

static int
audit_items_cmd(struct cmd_ctx *ctx, struct optv *ov)
{
	struct store		*st;
	const struct schema	*ckind;
	struct record		*cats[8];
	struct table		*t = NULL;
	struct buf		 b = BUF_INIT;
	const struct node	*items, *it;
	char			 num[24];
	size_t			 ncats = 0, i, j;
	int			 rc = CMD_OK;

	if ((st = cmd_store(ctx)) == NULL)
		return CMD_FAIL;
	if (store_kind(&ckind, st, "catalog") != 0)
		return cmd_lib_error();
	if ((rc = load_catalogs(cats, &ncats, st, ov, (int)opt_num(ov, "fy",
	    cal_fy(cal_today())))) != CMD_OK)
		return rc;
	/* One table per catalog, each numbered from 1. */
	for (i = 0; i < ncats; i++) {
		buf_printf(&b, "%s%s  %s（第%s版）\n", i > 0 ? "\n" : "",
		    record_id(cats[i]), record_field(cats[i], "title"),
		    record_field(cats[i], "version"));
		table_free(t);
		if ((t = table_new(6)) == NULL) {
			rc = cmd_lib_error();
			goto done;
		}
		table_set_header(t, 0, "No.", 1);
		table_set_header(t, 1, schema_ui_title(schema_at(ckind,
		    "items.ref")), 0);
		table_set_header(t, 2, _("Clause"), 0);
		table_set_header(t, 3, schema_ui_title(schema_at(ckind,
		    "items.importance")), 0);
		table_set_header(t, 4, schema_ui_title(schema_at(ckind,
		    "items.weight")), 1);
		table_set_header(t, 5, _("Audit item"), 0);
		items = node_get(record_root(cats[i]), "items");
		for (j = 0; items != NULL && j < items->n; j++) {
			const char *row[6], *imp;

			it = items->u.items[j];
			imp = node_get_str(it, "importance");
			snprintf(num, sizeof num, "%zu", j + 1);
			row[0] = num;
			row[1] = node_get_str(it, "ref");
			row[2] = node_get_str(it, "clause");
			row[3] = schema_label(ckind, "items.importance",
			    imp != NULL ? imp : "required");
			row[4] = node_get_str(it, "weight");
			row[5] = node_get_str(it, "text");
			if (table_add_row(t, row) != 0) {
				rc = cmd_lib_error();
				goto done;
			}
		}
		if (table_render(t, &b) != 0) {
			rc = cmd_lib_error();
			goto done;
		}
	}
	fwrite(b.data, 1, b.len, stdout);
done:
	for (i = 0; i < ncats; i++)
		record_free(cats[i]);
	table_free(t);
	buf_free(&b);
	return rc;
}

/* --- plan and follow-up ------------------------------------------------ */

struct followup {
	struct store		*st;
	struct audit_followup	 f;
	char			*id;		/* the follow-up made */
	size_t			 carried;
};

/* Under src's lock: make the follow-up, then src says so. */
static int
followup_apply(struct record *src, void *arg)
{
	struct followup	*fu = arg;
	struct diags	 d = DIAGS_INIT;
	char		*rel = NULL;
	int		 rc = 0;

	fu->carried = audit_open_findings(record_root(src));
	if (audit_followup(&fu->id, &rel, fu->st, src, &fu->f, &d) != 0) {
		cmd_print_diags(stderr, &d);
		rc = cmd_lib_error();
	}
	diags_free(&d);
	free(rel);
	return rc;
}

static int
do_followup(struct cmd_ctx *ctx, const char *src, struct followup *fu)
{
	int	rc;

	fu->st = cmd_store(ctx);
	rc = cmd_edit_record(NULL, ctx, "audit", src, followup_apply, fu);
	if (rc == CMD_OK) {
		printf("%s\n", fu->id);
		fprintf(stderr, _("created %s: follow-up of %s, %zu open "
		    "finding(s) carried\n"), fu->id, src, fu->carried);
	} else if (fu->id != NULL)
		cmd_error(_("follow-up %s was created, but %s does not name it"
		    " yet: run 'nerima-cio edit %s' to add followup: %s"),
		    fu->id, src, src, fu->id);
	free(fu->id);
	return rc;
}

static int
audit_plan_cmd(struct cmd_ctx *ctx, struct optv *ov)
{
	struct audit_plan	 p;
	struct followup		 fu;
	struct store		*st;
	struct diags		 d = DIAGS_INIT;
	const char		*auditors[MAX_LIST], *cats[MAX_LIST];
	const char		*auditees[MAX_LIST];
	const char		*target = opt_get(ov, "target"), *code;
	char			*alist = NULL, *elist = NULL, *id = NULL;
	char			*rel = NULL, *src = NULL, *other = NULL;
	size_t			 i;
	int			 rc = CMD_OK;

	if (opt_has(ov, "my-number") && opt_has(ov, "no-my-number"))
		return opt_bad_usage(ov->entry, ov->sub, _("--my-number and "
		    "--no-my-number exclude each other"));
	if (opt_count(ov, "catalog") > MAX_LIST)
		return opt_bad_usage(ov->entry, ov->sub, _("too many catalogs"));
	memset(&p, 0, sizeof p);
	p.type = opt_get(ov, "type");
	p.date = opt_get(ov, "date");
	p.end_date = opt_get(ov, "end-date");
	p.place = opt_get(ov, "place");
	p.chief = opt_get(ov, "chief");
	p.title = opt_get(ov, "title");
	p.my_number = opt_has(ov, "my-number") ? 1 :
	    opt_has(ov, "no-my-number") ? 0 : -1;
	p.auditors = auditors;
	p.auditees = auditees;
	p.catalogs = cats;
	for (i = 0; i < opt_count(ov, "catalog"); i++)
		cats[p.ncatalogs++] = opt_at(ov, "catalog", i);
	if (opt_has(ov, "auditors")) {
		if ((alist = strdup(opt_get(ov, "auditors"))) == NULL)
			return cmd_error(_("out of memory"));
		p.nauditors = split_list(alist, auditors, MAX_LIST);
	}
	if (opt_has(ov, "auditees")) {
		if ((elist = strdup(opt_get(ov, "auditees"))) == NULL) {
			free(alist);
			return cmd_error(_("out of memory"));
		}
		p.nauditees = split_list(elist, auditees, MAX_LIST);
	}
	if ((st = cmd_store(ctx)) == NULL) {
		rc = CMD_FAIL;
		goto done;
	}
	if (p.chief == NULL)
		p.chief = audit_default_chief(st);
	if (strcmp(p.type, "system") == 0) {
		p.target_system = target;
		p.target_org = opt_get(ov, "org");
		if (p.my_number < 0)
			p.my_number = 0;
	} else {
		if (store_org_find(&code, st, target) != 0) {
			rc = cmd_error(_("%s (the target of this audit is an "
			    "organisation in orgs.yaml)"), error_last());
			goto done;
		}
		p.target_org = code;
	}
	if (strcmp(p.type, "followup") == 0) {
		memset(&fu, 0, sizeof fu);
		fu.f.date = p.date;
		fu.f.place = p.place;
		fu.f.chief = opt_get(ov, "chief");
		fu.f.auditors = p.auditors;
		fu.f.nauditors = p.nauditors;
		if (audit_followup_source(&src, st, p.target_org) != 0)
			rc = cmd_lib_error();
		else
			rc = do_followup(ctx, src, &fu);
		goto done;
	}
	if (audit_same_day(&other, st, p.target_org, p.target_system, p.date,
	    NULL))
		cmd_warn(_("%s already audits the same target on %s"),
		    other != NULL ? other : "another audit", p.date);
	free(other);
	if (audit_plan(&id, &rel, st, &p, &d) != 0) {
		cmd_print_diags(stderr, &d);
		rc = cmd_lib_error();
		goto done;
	}
	printf("%s\n", id);
	fprintf(stderr, _("created %s\n"), rel);
done:
	diags_free(&d);
	free(alist);
	free(elist);
	free(id);
	free(rel);
	free(src);
	return rc;
}

static int
audit_followup_cmd(struct cmd_ctx *ctx, struct optv *ov)
{
	struct followup	 fu;
	const char	*auditors[MAX_LIST];
	char		*alist = NULL;
	int		 rc;

	memset(&fu, 0, sizeof fu);
	fu.f.date = opt_get(ov, "date");
	fu.f.place = opt_get(ov, "place");
	fu.f.chief = opt_get(ov, "chief");
	fu.f.auditors = auditors;
	if (opt_has(ov, "auditors")) {
		if ((alist = strdup(opt_get(ov, "auditors"))) == NULL)
			return cmd_error(_("out of memory"));
		fu.f.nauditors = split_list(alist, auditors, MAX_LIST);
	}
	rc = do_followup(ctx, ov->argv[0], &fu);
	free(alist);
	return rc;
}

/* --- score ------------------------------------------------------------- */

struct answer {
	const char		*ref;	/* the item, by its ref */
	struct audit_answer	 a;
};

static int
answer_apply(struct record *r, void *arg)
{
	struct answer	*an = arg;
	size_t		 i;

	if (node_get(record_root(r), "agreement") != NULL)
		return cmd_error(_("the results of '%s' were agreed with the "
		    "unit; they are not changed any more"), record_id(r));
	if (audit_item_find(&i, record_root(r), an->ref) != 0)
		return cmd_error("%s: %s", record_id(r), error_last());
	if (audit_answer(r->doc, record_root(r), i, &an->a) != 0)
		return cmd_lib_error();
	return 0;
}

/*
 * Ask for note and evidence after a result, then save at once: what was
 * answered is on disk before the next question (3(2)エ fieldwork on a
 * laptop that may be closed at any moment).  On success *rp is the
 * record as saved; an answer the record refused (the My Number guard, a
 * full disk) leaves *rp as it was.
 */
static int
answer_item(struct cmd_ctx *ctx, struct record **rp, size_t i,
    enum audit_result res)
{
	const struct node	*it = audit_items(record_root(*rp))->u.items[i];
	struct answer		 an;
	struct record		*saved = NULL;
	struct buf		 prev = BUF_INIT;
	const char		*ev[MAX_LIST];
	char			*note = NULL, *evs = NULL, when[CLOCK_ISO_MAX];
	int			 rc;

	memset(&an, 0, sizeof an);
	an.ref = node_get_str(it, "ref");
	an.a.result = res;
	if (res != AUDIT_UNCHECKED) {
		if (prompt_line(&note, _("note"), node_get_str(it, "note"),
		    0) != 0)
			return PROMPT_CANCEL;
		join_seq(&prev, node_get(it, "evidence"), "、");
		if (prompt_line(&evs, _("documents checked (separated by 、)"),
		    prev.len > 0 ? prev.data : NULL, 0) != 0) {
			free(note);
			buf_free(&prev);
			return PROMPT_CANCEL;
		}
		buf_free(&prev);
		an.a.note = note == NULL ? "" : strcmp(note, "-") == 0 ? "" :
		    note;
		an.a.set_evidence = 1;
		if (evs != NULL && strcmp(evs, "-") != 0)
			an.a.nevidence = split_list(evs, ev, MAX_LIST);
		an.a.evidence = ev;
	}
	clock_iso(when);
	an.a.checked = when;
	rc = cmd_edit_record_as(&saved, ctx, "audit", record_id(*rp),
	    answer_apply, &an, CMD_EDIT_QUIET);
	if (rc == CMD_OK) {
		record_free(*rp);
		*rp = saved;
	}
	free(note);
	free(evs);
	return rc;
}

static int
score_session(struct cmd_ctx *ctx, const struct schema *kind,
    struct record **rp)
{
	struct node		*root = record_root(*rp);
	enum audit_result	 res, prev;
	size_t			 i, n = audit_nitems(root), j;
	char			*in = NULL;
	const char		*arg;
	int			 rc = CMD_OK;

	if (node_get(root, "agreement") != NULL)
		return cmd_error(_("the results of '%s' were agreed with the "
		    "unit; they are not changed any more"), record_id(*rp));
	if (n == 0)
		return cmd_error(_("'%s' has no items to score%s"),
		    record_id(*rp), node_scalar_eq(node_get(root, "type"),
		    "followup") ? _("; record a follow-up with 'nerima-cio "
		    "audit finding'") : "");
	i = audit_resume_index(root);
	fprintf(stderr, _("%s (%s)  %zu items\n"), node_get_str(root,
	    "title"), record_id(*rp), n);
	if (audit_item_result(audit_items(root)->u.items[i]) != AUDIT_NONE ||
	    i > 0)
		fprintf(stderr, _("resuming at item %zu\n"), i + 1);
	fputs(_(score_help), stderr);
	for (;;) {
		root = record_root(*rp);
		show_item(kind, root, i);
		prev = audit_item_result(audit_items(root)->u.items[i]);
		free(in);
		in = NULL;
		if (prompt_line(&in, _("result"), prev != AUDIT_NONE ?
		    result_label(kind, prev) : NULL, 1) != 0)
			break;	/* Ctrl-D, Ctrl-C: every answer is saved */
		if (in == NULL)
			continue;
		if (strcmp(in, "q") == 0)
			break;
		if (strcmp(in, "?") == 0) {
			fputs(_(score_help), stderr);
			continue;
		}
		if (strcmp(in, "b") == 0) {
			if (i > 0)
				i--;
			continue;
		}
		if (in[0] == 'j' && (in[1] == ' ' || in[1] == '\0')) {
			arg = in + 1;
			while (*arg == ' ')
				arg++;
			if (*arg == '\0' || audit_item_find(&j, root, arg) != 0)
				fprintf(stderr, "%s\n", *arg == '\0' ?
				    _("give an item's number or ref after j") :
				    error_last());
			else
				i = j;
			continue;
		}
		if (prev != AUDIT_NONE &&
		    strcmp(in, result_label(kind, prev)) == 0) {
			/* Enter on an answered item (the default): keep it
			 * and go on; a number re-asks the note. */
		} else if (strcmp(in, "s") == 0) {
			if (prev == AUDIT_NONE &&
			    (rc = answer_item(ctx, rp, i, AUDIT_UNCHECKED)) !=
			    0) {
				if (rc == PROMPT_CANCEL)
					break;
				fprintf(stderr, _("the answer to item %zu was"
				    " not saved; enter it again\n"), i + 1);
				rc = CMD_OK;
				continue;
			}
		} else {
			if (audit_result_parse(&res, in) != 0) {
				fprintf(stderr, "%s\n", error_last());
				continue;
			}
			if ((rc = answer_item(ctx, rp, i, res)) != 0) {
				if (rc == PROMPT_CANCEL)
					break;
				fprintf(stderr, _("the answer to item %zu was"
				    " not saved; enter it again\n"), i + 1);
				rc = CMD_OK;
				continue;
			}
			print_score(stderr, record_root(*rp), i);
		}
		root = record_root(*rp);
		if (i + 1 < n) {
			i++;
			continue;
		}
		/* At the end: go back to any item never answered. */
		for (j = 0; j < n; j++) {
			if (audit_item_result(audit_items(root)->u.items[j]) ==
			    AUDIT_NONE)
				break;
		}
		if (j == n)
			break;
		fprintf(stderr, _("back to item %zu, not answered yet\n"),
		    j + 1);
		i = j;
	}
	free(in);
	if (rc == PROMPT_CANCEL)
		rc = CMD_OK;
	fputc('\n', stderr);
	print_score(stdout, record_root(*rp), i);
	return rc == CMD_OK ? CMD_OK : CMD_FAIL;
}

static int
audit_score_cmd(struct cmd_ctx *ctx, struct optv *ov)
{
	const struct schema	*kind;
	struct store		*st;
	struct record		*r = NULL;
	struct answer		 an;
	const char		*ev[MAX_LIST];
	char			 when[CLOCK_ISO_MAX];
	size_t			 i;
	int			 rc;

	if (opt_has(ov, "item") != opt_has(ov, "result"))
		return opt_bad_usage(ov->entry, ov->sub, _("--item and --result "
		    "go together"));
	if (!opt_has(ov, "item") && (opt_has(ov, "note") ||
	    opt_has(ov, "evidence")))
		return opt_bad_usage(ov->entry, ov->sub, _("--note and "
		    "--evidence need --item and --result"));
	if (opt_count(ov, "evidence") > MAX_LIST)
		return opt_bad_usage(ov->entry, ov->sub, _("too many "
		    "--evidence"));
	memset(&an, 0, sizeof an);
	if (opt_has(ov, "result") &&
	    audit_result_parse(&an.a.result, opt_get(ov, "result")) != 0)
		return cmd_lib_error();
	if ((st = cmd_store(ctx)) == NULL || (kind = audit_kind(st)) == NULL)
		return CMD_FAIL;
	if (!opt_has(ov, "item")) {
		/* Fieldwork at the terminal, from where it stopped. */
		if ((rc = cmd_read_record(&r, ctx, "audit", ov->argv[0])) ==
		    CMD_OK)
			rc = score_session(ctx, kind, &r);
		record_free(r);
		return rc;
	}
	an.ref = opt_get(ov, "item");
	an.a.note = opt_get(ov, "note");
	for (i = 0; i < opt_count(ov, "evidence"); i++)
		ev[i] = opt_at(ov, "evidence", i);
	an.a.nevidence = opt_count(ov, "evidence");
	an.a.set_evidence = an.a.nevidence > 0;
	an.a.evidence = ev;
	clock_iso(when);
	an.a.checked = when;
	if ((rc = cmd_edit_record(&r, ctx, "audit", ov->argv[0], answer_apply,
	    &an)) != CMD_OK)
		return rc;
	if (audit_item_find(&i, record_root(r), an.ref) == 0)
		print_score(stdout, record_root(r), i);
	record_free(r);
	return CMD_OK;
}

/* --- show and list ----------------------------------------------------- */

/*
 * The chapters of an audit's score and, last, the whole: data (csv,
 * json) headed by keys, the whole's chapter "total", the rate a fraction.
 */
static const char *const chapter_keys[] = { "chapter", "title", "items",
    "conform", "partial", "nonconform", "na", "unanswered",
    "compliance_rate" };

static struct table *
chapter_table(const struct schema *kind, const struct audit_score *s,
    int data)
{
	static const enum audit_result cols[] = { AUDIT_CONFORM,
	    AUDIT_PARTIAL, AUDIT_NONCONFORM, AUDIT_NA };
	struct table	*t;
	char		 c[7][16], rate[16];
	const char	*row[9];
	size_t		 i, k;
	double		 r;

	if ((t = table_new(9)) == NULL)
		return NULL;
	for (k = 0; data && k < 9; k++)
		table_set_header(t, k, chapter_keys[k], k >= 2);
	if (!data) {
		table_set_header(t, 0, _("Chapter"), 0);
		table_set_header(t, 1, _("Name"), 0);
		table_set_header(t, 2, _("Items"), 1);
		for (k = 0; k < 4; k++)
			table_set_header(t, 3 + k, result_label(kind, cols[k]),
			    1);
		table_set_header(t, 7, _("Unchecked or unanswered"), 1);
		table_set_header(t, 8, _("Compliance"), 1);
	}
	for (i = 0; i <= s->nchapters; i++) {
		const struct audit_tally *ct = i < s->nchapters ?
		    &s->chapters[i] : &s->total;

		snprintf(c[0], sizeof c[0], "%u", ct->items);
		for (k = 0; k < 4; k++)
			snprintf(c[k + 1], sizeof c[k + 1], "%u",
			    ct->count[cols[k]]);
		snprintf(c[5], sizeof c[5], "%u", ct->count[AUDIT_UNCHECKED] +
		    ct->count[AUDIT_NONE]);
		if (!data)
			rate_text(rate, sizeof rate, ct);
		else if (audit_tally_rate(&r, ct))
			snprintf(rate, sizeof rate, "%.4f", r);
		else
			rate[0] = '\0';
		if (data) {
			row[0] = i < s->nchapters ? ct->key : "total";
			row[1] = i < s->nchapters ? ct->title : "";
		} else {
			row[0] = i < s->nchapters ? (strcmp(ct->key,
			    ct->title) ? ct->key : "") : _("Total");
			row[1] = i < s->nchapters ? ct->title : "";
		}
		for (k = 0; k < 6; k++)
			row[2 + k] = c[k];
		row[8] = rate;
		if (table_add_row(t, row) != 0) {
			table_free(t);
			return NULL;
		}
	}
	return t;
}

static const char *const finding_keys[] = { "number", "item", "grade",
    "status", "due", "finding" };

static struct table *
finding_table(const struct schema *kind, const struct node *fs, int data)
{
	static const char *const paths[] = { NULL, "findings.item",
	    "findings.grade", "findings.status", "findings.due",
	    "findings.finding" };
	struct table		*t;
	const struct node	*f;
	const char		*row[6];
	size_t			 i;

	if ((t = table_new(6)) == NULL)
		return NULL;
	for (i = 0; i < 6; i++)
		table_set_header(t, i, data ? finding_keys[i] : i == 0 ?
		    "No." : schema_ui_title(schema_at(kind, paths[i])), i == 0);
	for (i = 0; fs != NULL && i < fs->n; i++) {
		f = fs->u.items[i];
		row[0] = node_get_str(f, "number");
		row[1] = node_get_str(f, "item");
		row[2] = data ? node_get_str(f, "grade") : schema_label(kind,
		    "findings.grade", node_get_str(f, "grade"));
		row[3] = data ? node_get_str(f, "status") : schema_label(kind,
		    "findings.status", node_get_str(f, "status"));
		row[4] = node_get_str(f, "due");
		row[5] = node_get_str(f, "finding");
		if (table_add_row(t, row) != 0) {
			table_free(t);
			return NULL;
		}
	}
	return t;
}

/* key: the string, or null. */
static void
json_str(struct json *j, const char *key, const char *v)
{
	json_key(j, key);
	if (v == NULL)
		json_value_raw(j, "null");
	else
		json_value_string(j, v, strlen(v));
}

/* audit show --format json: one object (nerima-cio-audit(1)). */
static int
show_json(struct buf *out, struct store *st, const struct node *root,
    const char *id, const struct table *ch, const struct table *fi)
{
	struct json		*j;
	const struct node	*seq, *f;
	size_t			 i;
	int			 rc;

	if ((j = json_new(out)) == NULL)
		return error_set(NC_ENOMEM, "out of memory");
	json_begin_object(j);
	json_str(j, "id", id);
	json_str(j, "title", node_get_str(root, "title"));
	json_str(j, "type", node_get_str(root, "type"));
	json_str(j, "status", node_get_str(root, "status"));
	json_str(j, "target", target_name(st, root));
	json_str(j, "target_org", node_get_str(root, "target_org"));
	json_str(j, "target_system", node_get_str(root, "target_system"));
	json_str(j, "date", node_get_str(root, "date"));
	json_str(j, "end_date", node_get_str(root, "end_date"));
	json_str(j, "chief_auditor", node_get_str(root, "chief_auditor"));
	json_str(j, "chief_auditor_name", audit_member_name(st,
	    node_get_str(root, "chief_auditor")));
	json_key(j, "auditors");
	json_begin_array(j);
	seq = node_get(root, "auditors");
	for (i = 0; seq != NULL && seq->kind == NODE_SEQ && i < seq->n; i++) {
		json_begin_object(j);
		json_str(j, "name", node_get_str(seq->u.items[i], "name"));
		json_str(j, "position", node_get_str(seq->u.items[i],
		    "position"));
		json_end_object(j);
	}
	json_end_array(j);
	json_str(j, "followup_of", node_get_str(root, "followup_of"));
	json_str(j, "followup", node_get_str(root, "followup"));
	json_key(j, "agreement");
	if ((f = node_get(root, "agreement")) != NULL) {
		json_begin_object(j);
		json_str(j, "date", node_get_str(f, "date"));
		json_str(j, "by", node_get_str(f, "by"));
		json_str(j, "position", node_get_str(f, "position"));
		json_end_object(j);
	} else
		json_value_raw(j, "null");
	json_key(j, "chapters");
	if (ch != NULL)
		listing_json_rows(j, ch, chapter_keys);
	else {
		json_begin_array(j);
		json_end_array(j);
	}
	json_key(j, "findings");
	listing_json_rows(j, fi, finding_keys);
	json_end_object(j);
	rc = json_finish(j);
	json_free(j);
	return rc;
}

static int
audit_show_cmd(struct cmd_ctx *ctx, struct optv *ov)
{
	const struct schema	*kind;
	struct store		*st;
	struct record		*r = NULL;
	struct audit_score	 s;
	struct table		*ch = NULL, *fi = NULL;
	struct buf		 b = BUF_INIT;
	const struct node	*root, *fs, *f;
	const char		*v, *path = opt_get(ov, "output");
	const char		*format = listing_format(opt_get(ov, "format"),
				    path);
	int			 rc = CMD_OK, data;

	/* csv: the chapters' table; json: the whole audit as one object */
	data = strcmp(format, "table") != 0;
	if ((st = cmd_store(ctx)) == NULL || (kind = audit_kind(st)) == NULL)
		return CMD_FAIL;
	if (cmd_read_record(&r, ctx, "audit", ov->argv[0]) != CMD_OK)
		return CMD_FAIL;
	root = record_root(r);
	if (audit_nitems(root) > 0) {
		if (audit_score(&s, audit_items(root)) != 0) {
			rc = cmd_lib_error();
			goto done;
		}
		ch = chapter_table(kind, &s, data);
		audit_score_free(&s);
		if (ch == NULL) {
			rc = cmd_lib_error();
			goto done;
		}
	}
	fs = audit_findings(root);
	if ((fi = finding_table(kind, fs, data)) == NULL) {
		rc = cmd_lib_error();
		goto done;
	}
	if (strcmp(format, "json") == 0) {
		if (show_json(&b, st, root, record_id(r), ch, fi) != 0 ||
		    buf_ok(&b) != 0) {
			rc = cmd_lib_error();
			goto done;
		}
		if (path == NULL)
			fwrite(b.data, 1, b.len, stdout);
		else if (fileio_write_atomic(path, b.data, b.len) != 0)
			rc = cmd_lib_error();
		else
			fprintf(stderr, "%s\n", path);
		goto done;
	}
	if (strcmp(format, "csv") == 0) {
		if (ch == NULL) {
			rc = cmd_error(_("audit '%s' has no items to count"),
			    record_id(r));
			goto done;
		}
		rc = listing_table_out(ch, chapter_keys, format,
		    opt_has(ov, "crlf"), path);
		goto done;
	}
	if (path != NULL) {
		rc = cmd_error(_("-o writes CSV or JSON: give --format csv or "
		    "json, or a file name ending in .csv or .json"));
		goto done;
	}
	printf("%s  %s\n", record_id(r), node_get_str(root, "title"));
	printf("%s: %s  %s: %s  %s: %s\n", schema_ui_title(schema_at(kind,
	    "type")), schema_label(kind, "type", node_get_str(root, "type")),
	    schema_ui_title(schema_at(kind, "status")), schema_label(kind,
	    "status", node_get_str(root, "status")), _("Target"),
	    target_name(st, root));
	printf("%s: %s", schema_ui_title(schema_at(kind, "date")),
	    (v = node_get_str(root, "date")) ? v : "");
	if ((v = node_get_str(root, "end_date")) != NULL)
		/* TRANSLATORS: the end of a period of days ("to 2026-07-03") */
		printf(_(" to %s"), v);
	if ((v = audit_member_name(st, node_get_str(root,
	    "chief_auditor"))) != NULL)
		printf("  %s: %s", schema_ui_title(schema_at(kind,
		    "chief_auditor")), v);
	putchar('\n');
	people(&b, node_get(root, "auditors"));
	if (b.len > 0)
		printf("%s: %s\n", schema_ui_title(schema_at(kind, "auditors")),
		    b.data);
	if ((v = node_get_str(root, "followup_of")) != NULL)
		printf("%s: %s\n", schema_ui_title(schema_at(kind,
		    "followup_of")), v);
	if ((v = node_get_str(root, "followup")) != NULL)
		printf("%s: %s\n", schema_ui_title(schema_at(kind, "followup")),
		    v);
	if ((f = node_get(root, "agreement")) != NULL) {
		/* 合意: the date, who, and their position when recorded. */
		printf("%s: %s", schema_ui_title(schema_at(kind, "agreement")),
		    (v = node_get_str(f, "date")) ? v : "");
		printf(" %s", (v = node_get_str(f, "by")) ? v : "");
		if ((v = node_get_str(f, "position")) != NULL && *v != '\0')
			/* TRANSLATORS: a position after a name */
			printf(_(" (%s)"), v);
		putchar('\n');
	}
	if (ch != NULL) {
		putchar('\n');
		if ((rc = listing_table(ch, chapter_keys, "table", 0, stdout))
		    != CMD_OK)
			goto done;
	}
	if (fs != NULL && fs->n > 0) {
		printf("\n%s\n", schema_ui_title(schema_at(kind, "findings")));
		rc = listing_table(fi, finding_keys, "table", 0, stdout);
	}
done:
	table_free(ch);
	table_free(fi);
	buf_free(&b);
	record_free(r);
	return rc;
}

static int
audit_list_cmd(struct cmd_ctx *ctx, struct optv *ov)
{
	const struct schema	*kind;
	struct store		*st;
	struct record		**v = NULL;
	struct table		*t = NULL;
	struct buf		 b = BUF_INIT;
	struct audit_score	 s;
	struct diags		 d = DIAGS_INIT;
	const struct node	*root;
	static const char *const keys[] = { "id", "date", "type", "target",
	    "status", "compliance_rate", "answered", "items",
	    "open_findings" };
	const char		*row[9], *path = opt_get(ov, "output");
	const char		*format = listing_format(opt_get(ov, "format"),
				    path);
	char			 rate[16], ans[32], open[16], items[16];
	size_t			 i, nv = 0;
	int			 rc = CMD_OK, data;
	double			 r;

	/* csv and json: stored values, the rate as a fraction, English keys */
	data = strcmp(format, "table") != 0;
	if ((st = cmd_store(ctx)) == NULL || (kind = audit_kind(st)) == NULL)
		return CMD_FAIL;
	/* Loaded once, in date order: the order audits happen in. */
	if (audit_load_year(&v, &nv, st, (int)opt_num(ov, "fy", 0), &d) != 0 ||
	    (t = table_new(data ? 9 : 8)) == NULL) {
		rc = cmd_lib_error();
		goto done;
	}
	for (i = 0; i < d.n; i++)
		cmd_warn("%s: %s", d.v[i].path, d.v[i].msg);
	for (i = 0; data && i < 9; i++)
		table_set_header(t, i, keys[i], i >= 5);
	if (!data) {
		table_set_header(t, 0, "ID", 0);
		table_set_header(t, 1, schema_ui_title(schema_at(kind, "date")), 0);
		table_set_header(t, 2, schema_ui_title(schema_at(kind, "type")), 0);
		table_set_header(t, 3, _("Target"), 0);
		table_set_header(t, 4, schema_ui_title(schema_at(kind, "status")),
		    0);
		table_set_header(t, 5, _("Conformity"), 1);
		table_set_header(t, 6, _("Answered"), 1);
		table_set_header(t, 7, _("Unconfirmed"), 1);
	}
	for (i = 0; i < nv; i++) {
		root = record_root(v[i]);
		rate[0] = ans[0] = items[0] = '\0';
		if (audit_nitems(root) > 0 &&
		    audit_score(&s, audit_items(root)) == 0) {
			rate_text(rate, sizeof rate, &s.total);
			if (data && audit_tally_rate(&r, &s.total))
				snprintf(rate, sizeof rate, "%.4f", r);
			else if (data)
				rate[0] = '\0';
			snprintf(ans, sizeof ans, data ? "%u" : "%u/%u",
			    s.total.items - s.total.count[AUDIT_NONE] -
			    s.total.count[AUDIT_UNCHECKED], s.total.items);
			snprintf(items, sizeof items, "%u", s.total.items);
			audit_score_free(&s);
		}
		snprintf(open, sizeof open, "%zu", audit_open_findings(root));
		row[0] = record_id(v[i]);
		row[1] = node_get_str(root, "date");
		row[2] = data ? node_get_str(root, "type") :
		    schema_label(kind, "type", node_get_str(root, "type"));
		row[3] = target_name(st, root);
		row[4] = data ? node_get_str(root, "status") :
		    schema_label(kind, "status", node_get_str(root, "status"));
		row[5] = rate;
		row[6] = ans;
		row[7] = data ? items : open;
		row[8] = open;
		table_add_row(t, row);
	}
	rc = listing_table_out(t, keys, format, opt_has(ov, "crlf"), path);
done:
	audit_free_all(v, nv);
	table_free(t);
	buf_free(&b);
	diags_free(&d);
	return rc;
}

/* --- finding, agree, report, risk -------------------------------------- */

struct finding {
	long				 number;
	struct audit_finding_edit	 ed;
	struct store			*st;
	char				*from;		/* where it was made */
	long				 from_finding;
	char				*date;		/* of the change there */
};

static int
finding_apply(struct record *r, void *arg)
{
	struct finding	*fi = arg;
	struct node	*f;
	const char	*s;

	if (audit_finding_edit(r->doc, record_root(r), fi->number, &fi->ed) !=
	    0)
		return cmd_error("%s: %s", record_id(r), error_last());
	f = audit_finding(record_root(r), fi->number);
	if (fi->ed.status != NULL &&
	    (s = node_get_str(f, "from_audit")) != NULL) {
		struct record		*or;
		const struct node	*of;

		/* the audit that made it, through a follow-up named by hand */
		if (audit_origin(&or, &of, fi->st, f) == 1) {
			fi->from = strdup(record_id(or));
			fi->from_finding = strtol(node_get_str(of, "number"),
			    NULL, 10);
		} else {
			fi->from = strdup(s);
			fi->from_finding = strtol(node_get_str(f,
			    "from_finding") ? node_get_str(f, "from_finding") :
			    "0", NULL, 10);
		}
		record_free(or);
		/* the change's date there: as logged here, else the
		 * follow-up's */
		s = fi->ed.status_date != NULL ? fi->ed.status_date :
		    node_get_str(record_root(r), "date");
		if (fi->from == NULL || (s != NULL &&
		    (fi->date = strdup(s)) == NULL))
			return cmd_error(_("out of memory"));
	}
	return 0;
}

/* The original audit learns what the follow-up found. */
static int
propagate_apply(struct record *r, void *arg)
{
	struct finding	*fi = arg;
	int		 rc;

	rc = audit_propagate(r->doc, record_root(r), fi->from_finding,
	    fi->ed.status, fi->date);
	if (rc < 0)
		return cmd_error("%s: %s", record_id(r), error_last());
	return rc > 0 ? 0 : RECORD_EDIT_NOCHANGE;
}

static int
audit_finding_cmd(struct cmd_ctx *ctx, struct optv *ov)
{
	static const char *const edits[] = { "grade", "finding", "correction",
	    "due", "status", "date", "response", "response-date", "question",
	    "answer", "qa-date", NULL };
	const struct schema	*kind;
	struct store		*st;
	struct record		*r = NULL;
	struct finding		 fi;
	struct node		*f;
	struct buf		 b = BUF_INIT;
	long long		 num;
	size_t			 i;
	int			 rc = CMD_OK, any = 0;

	if (parse_int(&num, ov->argv[1], 1, 9999) != 0)
		return opt_bad_usage(ov->entry, ov->sub, _("bad finding number "
		    "'%s'"), ov->argv[1]);
	for (i = 0; edits[i] != NULL; i++)
		any |= opt_has(ov, edits[i]);
	if ((st = cmd_store(ctx)) == NULL || (kind = audit_kind(st)) == NULL)
		return CMD_FAIL;
	if (!any) {
		/* No change asked: show the finding. */
		if (cmd_read_record(&r, ctx, "audit", ov->argv[0]) != CMD_OK)
			return CMD_FAIL;
		if ((f = audit_finding(record_root(r), (long)num)) == NULL)
			rc = cmd_error(_("no finding %lld in '%s'"), num,
			    record_id(r));
		else if (node_emit(&b, f) != 0)
			rc = cmd_lib_error();
		else
			fwrite(b.data, 1, b.len, stdout);
		buf_free(&b);
		record_free(r);
		return rc;
	}
	memset(&fi, 0, sizeof fi);
	fi.st = st;
	fi.number = (long)num;
	fi.ed.grade = opt_get(ov, "grade");
	fi.ed.finding = opt_get(ov, "finding");
	fi.ed.correction = opt_get(ov, "correction");
	fi.ed.due = opt_get(ov, "due");
	fi.ed.status = opt_get(ov, "status");
	fi.ed.status_date = opt_get(ov, "date");
	fi.ed.response = opt_get(ov, "response");
	fi.ed.response_date = opt_get(ov, "response-date");
	fi.ed.question = opt_get(ov, "question");
	fi.ed.answer = opt_get(ov, "answer");
	fi.ed.qa_date = opt_get(ov, "qa-date");
	if ((rc = cmd_edit_record(NULL, ctx, "audit", ov->argv[0],
	    finding_apply, &fi)) != CMD_OK || fi.from == NULL)
		goto done;
	if ((rc = cmd_edit_record(NULL, ctx, "audit", fi.from,
	    propagate_apply, &fi)) == CMD_OK)
		fprintf(stderr, _("%s finding %ld: %s\n"), fi.from,
		    fi.from_finding, schema_label(kind, "findings.status",
		    fi.ed.status));
done:
	free(fi.from);
	free(fi.date);
	return rc;
}

struct agree {
	const struct optv	*ov;
};

static int
agree_apply(struct record *r, void *arg)
{
	const struct optv	*ov = ((struct agree *)arg)->ov;

	if (audit_agree(r->doc, record_root(r), opt_get(ov, "by"),
	    opt_get(ov, "position"), opt_get(ov, "date")) != 0)
		return cmd_lib_error();
	return 0;
}

static int
audit_agree_cmd(struct cmd_ctx *ctx, struct optv *ov)
{
	struct agree	a = { ov };
	int		rc;

	if ((rc = cmd_edit_record(NULL, ctx, "audit", ov->argv[0],
	    agree_apply, &a)) == CMD_OK) {
		if (opt_has(ov, "position"))
			fprintf(stderr, _("%s: agreed with %s（%s） on %s\n"),
			    ov->argv[0], opt_get(ov, "by"),
			    opt_get(ov, "position"), opt_get(ov, "date"));
		else
			fprintf(stderr, _("%s: agreed with %s on %s\n"),
			    ov->argv[0], opt_get(ov, "by"),
			    opt_get(ov, "date"));
	}
	return rc;
}

static int
report_apply(struct record *r, void *arg)
{
	if (audit_mark_reported(r->doc, record_root(r), arg) != 0)
		return cmd_lib_error();
	return 0;
}

static int
audit_report_cmd(struct cmd_ctx *ctx, struct optv *ov)
{
	return cmd_edit_record(NULL, ctx, "audit", ov->argv[0], report_apply,
	    (void *)opt_get(ov, "date"));
}

static int
risk_apply(struct record *r, void *arg)
{
	if (audit_add_risk(r->doc, record_root(r), arg) != 0)
		return cmd_lib_error();
	return 0;
}

static int
audit_risk_cmd(struct cmd_ctx *ctx, struct optv *ov)
{
	struct audit_risk	rk;

	memset(&rk, 0, sizeof rk);
	rk.risk = opt_get(ov, "risk");
	rk.clause = opt_get(ov, "clause");
	rk.analysis = opt_get(ov, "analysis");
	rk.likelihood = opt_get(ov, "likelihood");
	rk.impact = opt_get(ov, "impact");
	rk.measure = opt_get(ov, "measure");
	return cmd_edit_record(NULL, ctx, "audit", ov->argv[0], risk_apply,
	    &rk);
}

/* --- export ----------------------------------------------------------- */

static const char *const export_words[] = { "paper", "summary", "qa",
    "results", "risks", "items", NULL };

struct adoc {
	const char		*what;
	struct store		*st;
	struct record		**v;
	size_t			 n;
	int			 fy;
	int			 xlsx;		/* results: the workbook */
	struct cal_date		 as_of;		/* results, risks: its date */
	struct diags		*warn;		/* results: 未実施 audits */
};

static int
write_adoc(const char *path, void *arg)
{
	struct adoc			*a = arg;
	const struct record *const	*v = (const struct record *const *)a->v;

	if (strcmp(a->what, "paper") == 0)
		return audit_doc_paper(path, a->st, v, a->n);
	if (strcmp(a->what, "summary") == 0)
		return audit_doc_summary(path, a->st, v[0]);
	if (strcmp(a->what, "qa") == 0)
		return audit_doc_qa(path, a->st, v[0]);
	if (strcmp(a->what, "risks") == 0)
		return audit_doc_risks(path, a->st, v, a->n, a->fy,
		    a->as_of);
	if (strcmp(a->what, "items") == 0)
		return audit_doc_items(path, a->st, v, a->n);
	if (a->xlsx)
		return audit_doc_results_xlsx(path, a->st, v, a->n, a->fy,
		    a->as_of, a->warn);
	return audit_doc_results_docx(path, a->st, v, a->n, a->fy, a->as_of,
	    a->warn);
}

/* The audits an export names: by id, or every one of a fiscal year. */
/*
 * The day a year's report and lists are as of: today, or the year's end
 * once today is past it.  A past year's 実施結果報告書 exported later (the
 * 電子媒体 made again) was dated today and counted as of today
 * 「令和10年度（令和12年3月31日まで）に実施した」 (review18a); the
 * 所属点検 and 研修 reports keep their own dates the same way.
 */
static struct cal_date
year_as_of(int fy)
{
	struct cal_date	start, end, today = cal_today();

	cal_fy_bounds(&start, &end, fy);
	return cal_cmp(today, end) > 0 ? end : today;
}

static int
collect(struct adoc *a, struct cmd_ctx *ctx, const struct optv *ov)
{
	size_t		 i;

	if (ov->argc < 2) {
		if (audit_load_year(&a->v, &a->n, a->st, a->fy, NULL) != 0)
			return cmd_lib_error();
		if (a->n == 0)
			return cmd_error(_("no audits in fiscal year %d"), a->fy);
		return CMD_OK;
	}
	if ((a->v = calloc((size_t)ov->argc, sizeof *a->v)) == NULL)
		return cmd_error(_("out of memory"));
	for (i = 1; i < (size_t)ov->argc; i++) {
		if (cmd_read_record(&a->v[a->n], ctx, "audit", ov->argv[i]) !=
		    CMD_OK)
			return CMD_FAIL;
		a->n++;
	}
	return CMD_OK;
}

static int
has_suffix(const char *s, const char *suf)
{
	size_t	a = strlen(s), b = strlen(suf);

	return a >= b && strcmp(s + a - b, suf) == 0;
}

static int
audit_export_cmd(struct cmd_ctx *ctx, struct optv *ov)
{
	const char		*what = ov->argv[0], *o = opt_get(ov, "output");
	const char		*near, *subject;
	struct adoc		 a[2];
	struct cmd_export_doc	 docs[2];
	struct record		*cats[8];
	struct diags		 warn = DIAGS_INIT;
	char			 fyl[CAL_FMT_MAX], *names[2] = { NULL, NULL };
	size_t			 i, n = 1, ncats = 0, nids = (size_t)ov->argc - 1;
	int			 rc = CMD_FAIL, fy = (int)opt_num(ov, "fy", 0);

	for (i = 0; export_words[i] != NULL; i++)
		if (strcmp(export_words[i], what) == 0)
			break;
	if (export_words[i] == NULL) {
		if ((near = opt_nearest(what, export_words)) != NULL)
			return opt_bad_usage(ov->entry, ov->sub, _("'%s' is not "
			    "an audit document; did you mean '%s'?"), what,
			    near);
		return opt_bad_usage(ov->entry, ov->sub, _("'%s' is not an "
		    "audit document: paper, summary, qa, results, risks or "
		    "items"), what);
	}
	/* What each document is made of; options that do not apply. */
	if (opt_has(ov, "catalog") && strcmp(what, "items") != 0)
		return opt_bad_usage(ov->entry, ov->sub, _("--catalog chooses "
		    "the catalogs of the items export only"));
	if ((strcmp(what, "summary") == 0 || strcmp(what, "qa") == 0) &&
	    (nids != 1 || fy != 0))
		return opt_bad_usage(ov->entry, ov->sub, _("the %s export takes "
		    "one audit id"), what);
	if (strcmp(what, "paper") == 0 && (nids == 0) == (fy == 0))
		return opt_bad_usage(ov->entry, ov->sub, _("the paper export "
		    "takes audit ids or --fy"));
	if ((strcmp(what, "results") == 0 || strcmp(what, "risks") == 0) &&
	    (nids != 0 || fy == 0))
		return opt_bad_usage(ov->entry, ov->sub, _("the %s export takes "
		    "--fy FY"), what);
	if (opt_has(ov, "date") && strcmp(what, "results") != 0)
		return opt_bad_usage(ov->entry, ov->sub, _("--date dates the "
		    "results export only"));
	if (strcmp(what, "items") == 0 && nids != 0)
		return opt_bad_usage(ov->entry, ov->sub, _("the items export "
		    "takes --catalog and --fy, not audit ids"));
	memset(a, 0, sizeof a);
	if ((a[0].st = cmd_store(ctx)) == NULL)
		return CMD_FAIL;
	a[0].what = what;
	a[0].fy = fy;
	if (strcmp(what, "items") == 0) {
		if (a[0].fy == 0)
			a[0].fy = cal_fy(cal_today());
		if (load_catalogs(cats, &ncats, a[0].st, ov, a[0].fy) !=
		    CMD_OK)
			return CMD_FAIL;
		a[0].v = cats;
		a[0].n = ncats;
	} else if (collect(&a[0], ctx, ov) != CMD_OK)
		goto done;
	/* a follow-up has no 概要報告書: its refusal says so, alone */
	if (strcmp(what, "summary") == 0 &&
	    !node_scalar_eq(node_get(record_root(a[0].v[0]), "type"),
	    "followup") && audit_doc_is_draft(record_root(a[0].v[0])))
		cmd_warn(_("'%s' is in progress: the 概要報告書 is marked 案 "
		    "(draft)"), record_id(a[0].v[0]));
	/* The subject of the file name: the audit, or the year. */
	if (a[0].fy == 0)
		a[0].fy = (int)strtol(record_field(a[0].v[0], "fy") ?
		    record_field(a[0].v[0], "fy") : "0", NULL, 10);
	cal_fy_label(fyl, sizeof fyl, a[0].fy);
	subject = nids == 1 ? record_field(a[0].v[0], "title") : fyl;
	if (strcmp(what, "paper") == 0)
		names[0] = cmd_export_name("監査調書", subject, ".xlsx");
	else if (strcmp(what, "summary") == 0)
		names[0] = cmd_export_name("情報セキュリティ監査結果概要報告書",
		    subject, ".docx");
	else if (strcmp(what, "qa") == 0)
		names[0] = cmd_export_name("フォローアップ監査に係る質疑応答書",
		    subject, ".docx");
	else if (strcmp(what, "risks") == 0) {
		/* the 是正状況 of today: 「令和11年3月31日現在」 */
		a[0].as_of = year_as_of(a[0].fy);
		names[0] = cmd_export_name("リスク一覧", fyl, ".xlsx");
	}
	else if (strcmp(what, "items") == 0)
		names[0] = cmd_export_name("監査項目", fyl, ".xlsx");
	else {
		/*
		 * The report and its tables, dated --date or today (the
		 * year's end for a past year): they count the audits held by
		 * then (warnings for the past-dated planned ones, once); -o
		 * FILE says which one.
		 */
		a[0].as_of = year_as_of(a[0].fy);
		if (opt_has(ov, "date"))
			opt_date(ov, "date", &a[0].as_of);
		a[0].warn = &warn;
		a[1] = a[0];
		a[1].warn = NULL;
		a[1].xlsx = 1;
		names[0] = cmd_export_name("情報セキュリティ監査実施結果報告書",
		    fyl, ".docx");
		names[1] = cmd_export_name("情報セキュリティ監査実施結果報告書_"
		    "集計表", fyl, ".xlsx");
		n = 2;
		if (o != NULL && has_suffix(o, ".xlsx")) {
			a[0] = a[1];
			free(names[0]);
			names[0] = names[1];
			names[1] = NULL;
			n = 1;
		} else if (o != NULL && has_suffix(o, ".docx"))
			n = 1;
	}
	for (i = 0; i < n; i++) {
		if (names[i] == NULL) {
			cmd_error(_("out of memory"));
			goto done;
		}
		docs[i].name = names[i];
		docs[i].write = write_adoc;
		docs[i].arg = &a[i];
	}
	rc = cmd_export_docs(o, docs, n);
	for (i = 0; i < warn.n; i++)
		cmd_warn("%s", warn.v[i].msg);
done:
	diags_free(&warn);
	free(names[0]);
	free(names[1]);
	if (a[0].v == cats) {
		for (i = 0; i < ncats; i++)
			record_free(cats[i]);
	} else
		audit_free_all(a[0].v, a[0].n);
	return rc;
}

/* --- the table --------------------------------------------------------- */

static const struct opt items_opts[] = {
	{ "catalog", 0, OPT_TEXT, OPT_REPEAT, "ID|KIND", NULL, 0, 0,
	  "a catalog, or the final one of a kind (operational, system, "
	  "mynumber)" },
	{ "fy", 0, OPT_FY, 0, NULL, NULL, 0, 0,
	  "the fiscal year of the catalogs (default this year)" },
	OPT_END
};

static const struct opt plan_opts[] = {
	{ "type", 0, OPT_ENUM, OPT_REQUIRED, "TYPE", "audit:type", 0, 0,
	  "operational, system or followup" },
	{ "target", 0, OPT_TEXT, OPT_REQUIRED, "ORG|SYSTEM", NULL, 0, 0,
	  "the organisation audited, or the system's name" },
	{ "date", 0, OPT_DATE, OPT_REQUIRED, NULL, NULL, 0, 0,
	  "the day of the audit" },
	{ "org", 0, OPT_ORG, 0, NULL, NULL, 0, 0,
	  "a system audit: the organisation in charge" },
	{ "end-date", 0, OPT_DATE, 0, NULL, NULL, 0, 0,
	  "the last day, when it takes more than one" },
	{ "place", 0, OPT_TEXT, 0, NULL, NULL, 0, 0, "where" },
	{ "chief", 0, OPT_MEMBER, 0, NULL, NULL, 0, 0,
	  "the chief auditor (default the ciso-advisor)" },
	{ "auditors", 0, OPT_TEXT, 0, "NAME,...", NULL, 0, 0,
	  "the ward's auditors, 氏名（役職） separated by , or 、" },
	{ "auditees", 0, OPT_TEXT, 0, "NAME,...", NULL, 0, 0,
	  "the unit's staff who answer" },
	{ "catalog", 0, OPT_TEXT, OPT_REPEAT, "ID", NULL, 0, 0,
	  "a catalog of items, instead of the year's final ones" },
	{ "my-number", 0, OPT_FLAG, 0, NULL, NULL, 0, 0,
	  "add the My Number items" },
	{ "no-my-number", 0, OPT_FLAG, 0, NULL, NULL, 0, 0,
	  "leave the My Number items out" },
	{ "title", 0, OPT_TEXT, 0, NULL, NULL, 0, 0,
	  "the audit's name (default from type, year and target)" },
	OPT_END
};

static const struct opt score_opts[] = {
	{ "item", 0, OPT_TEXT, 0, "REF", NULL, 0, 0,
	  "the item answered: its ref (op-2-5-01) or number" },
	{ "result", 0, OPT_TEXT, 0, "RESULT", NULL, 0, 0,
	  "conform, partial, nonconform, na, unchecked, 適合 ... or 1 to 5" },
	{ "note", 0, OPT_TEXT, 0, NULL, NULL, 0, 0,
	  "the auditor's comment on the item" },
	{ "evidence", 0, OPT_TEXT, OPT_REPEAT, NULL, NULL, 0, 0,
	  "a document checked (確認資料)" },
	OPT_END
};

static const struct opt show_opts[] = {
	LISTING_OPT_FORMAT,
	LISTING_OPT_CRLF,
	LISTING_OPT_OUTPUT,
	OPT_END
};

static const struct opt list_opts[] = {
	{ "fy", 0, OPT_FY, 0, NULL, NULL, 0, 0, "only fiscal year FY" },
	LISTING_OPT_FORMAT,
	LISTING_OPT_CRLF,
	LISTING_OPT_OUTPUT,
	OPT_END
};

static const struct opt finding_opts[] = {
	{ "grade", 0, OPT_ENUM, 0, "GRADE", "audit:findings.grade", 0, 0,
	  "major, minor, observation or suggestion (重大 ...)" },
	{ "finding", 0, OPT_TEXT, 0, NULL, NULL, 0, 0,
	  "what was found" },
	{ "correction", 0, OPT_TEXT, 0, NULL, NULL, 0, 0,
	  "the direction of the correction" },
	{ "due", 0, OPT_DATE, 0, NULL, NULL, 0, 0,
	  "the day the correction is due" },
	{ "status", 0, OPT_ENUM, 0, "STATUS", "audit:findings.status", 0, 0,
	  "open, in-progress, corrected or accepted (未是正 ...)" },
	{ "date", 0, OPT_DATE, 0, NULL, NULL, 0, 0,
	  "the day of the status change (logged)" },
	{ "response", 0, OPT_TEXT, 0, NULL, NULL, 0, 0,
	  "the unit's response" },
	{ "response-date", 0, OPT_DATE, 0, NULL, NULL, 0, 0,
	  "the day of the response" },
	{ "question", 0, OPT_TEXT, 0, NULL, NULL, 0, 0,
	  "a follow-up question (質疑)" },
	{ "answer", 0, OPT_TEXT, 0, NULL, NULL, 0, 0,
	  "its answer, or the answer to the last open question" },
	{ "qa-date", 0, OPT_DATE, 0, NULL, NULL, 0, 0,
	  "the day of the question" },
	OPT_END
};

static const struct opt agree_opts[] = {
	{ "by", 0, OPT_TEXT, OPT_REQUIRED, "NAME", NULL, 0, 0,
	  "the unit's security officer who agreed" },
	{ "date", 0, OPT_DATE, OPT_REQUIRED, NULL, NULL, 0, 0,
	  "the day of the agreement" },
	{ "position", 0, OPT_TEXT, 0, NULL, NULL, 0, 0, "their position" },
	OPT_END
};

static const struct opt report_opts[] = {
	{ "date", 0, OPT_DATE, OPT_REQUIRED, NULL, NULL, 0, 0,
	  "the day the results were reported" },
	OPT_END
};

static const struct opt followup_opts[] = {
	{ "date", 0, OPT_DATE, OPT_REQUIRED, NULL, NULL, 0, 0,
	  "the day of the follow-up audit" },
	{ "place", 0, OPT_TEXT, 0, NULL, NULL, 0, 0, "where" },
	{ "chief", 0, OPT_MEMBER, 0, NULL, NULL, 0, 0,
	  "the chief auditor (default the audit's)" },
	{ "auditors", 0, OPT_TEXT, 0, "NAME,...", NULL, 0, 0,
	  "the auditors (default the audit's)" },
	OPT_END
};

static const struct opt risk_opts[] = {
	{ "risk", 0, OPT_TEXT, OPT_REQUIRED, NULL, NULL, 0, 0,
	  "the risk surfaced (顕在化したリスク)" },
	{ "clause", 0, OPT_TEXT, 0, "CLAUSE", NULL, 0, 0,
	  "the policy clause (2-5)" },
	{ "analysis", 0, OPT_TEXT, 0, NULL, NULL, 0, 0,
	  "the analysis of the risk" },
	{ "likelihood", 0, OPT_ENUM, 0, "LEVEL", "audit:risks.likelihood", 0,
	  0, "high, medium or low (高, 中, 低)" },
	{ "impact", 0, OPT_ENUM, 0, "LEVEL", "audit:risks.impact", 0, 0,
	  "high, medium or low" },
	{ "measure", 0, OPT_TEXT, 0, NULL, NULL, 0, 0,
	  "the measure against it" },
	OPT_END
};

static const struct opt export_opts[] = {
	{ "fy", 0, OPT_FY, 0, NULL, NULL, 0, 0,
	  "the fiscal year (paper, results, risks, items)" },
	{ "catalog", 0, OPT_TEXT, OPT_REPEAT, "ID|KIND", NULL, 0, 0,
	  "items: a catalog, or the final one of a kind" },
	{ "date", 0, OPT_DATE, 0, NULL, NULL, 0, 0,
	  "results: the report's date, counting the audits held by then "
	  "(default today, or the year's end for a past year)" },
	{ "output", 'o', OPT_PATH, 0, NULL, NULL, 0, 0,
	  "a file, or a folder (ending in /)" },
	OPT_ZIP_OPTS,
	OPT_END
};

static const struct subcmd audit_subs[] = {
	{ "items", audit_items_cmd, items_opts, NULL, 0, 0, NULL,
	  "the audit items (監査項目) of the year's catalogs" },
	{ "plan", audit_plan_cmd, plan_opts, NULL, 0, 0, NULL,
	  "plan an audit, freezing its items into the record" },
	{ "score", audit_score_cmd, score_opts, "ID", 1, 1, NULL,
	  "score items at the terminal, each answer saved at once" },
	{ "show", audit_show_cmd, show_opts, "ID", 1, 1, NULL,
	  "one audit with its compliance rate by chapter" },
	{ "list", audit_list_cmd, list_opts, NULL, 0, 0, NULL,
	  "audits of a fiscal year with status and rate" },
	{ "finding", audit_finding_cmd, finding_opts, "ID NUMBER", 2, 2, NULL,
	  "grade, correction, due date, response, Q&A of a finding" },
	{ "agree", audit_agree_cmd, agree_opts, "ID", 1, 1, NULL,
	  "record the agreement with the unit's security officer" },
	{ "report", audit_report_cmd, report_opts, "ID", 1, 1, NULL,
	  "record the date the results were reported" },
	{ "followup", audit_followup_cmd, followup_opts, "ID", 1, 1, NULL,
	  "a follow-up audit of the open findings" },
	{ "risk", audit_risk_cmd, risk_opts, "ID", 1, 1, NULL,
	  "add a risk surfaced by the audit" },
	{ "export", audit_export_cmd, export_opts,
	  "paper|summary|qa|results|risks|items [ID]...", 1, -1, NULL,
	  "監査調書, 概要報告書, 質疑応答書, 実施結果報告書, risks, items" },
	SUBCMD_END
};

const struct cmd_entry cmd_audit_entry = {
	.name = "audit",
	.desc = "internal security audits: items, plans, scoring, findings, "
	    "reports",
	.help =
	    "RESULT is conform, partial, nonconform, na, unchecked, or 適合,\n"
	    "一部不適合, 不適合, 該当なし, 未確認, or 1 to 5.  See nerima-cio-audit(1).\n",
	.kind = "audit",
	.subs = audit_subs,
};
