/*
 * nerima-cio audit: internal security audits (3(2)エ) -- item catalogs,
 * plans, fieldwork scoring, findings, agreement, follow-up and documents.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "audit.h"
#include "audit_doc.h"
#include "buf.h"
#include "cal.h"
#include "clock.h"
#include "cmd.h"
#include "node.h"
#include "prompt.h"
#include "record.h"
#include "schema.h"
#include "store.h"
#include "table.h"

#define MAX_LIST	64

static const char *const catalog_kinds[] = {
	"audit-operational", "audit-system", "audit-mynumber", NULL
};

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
free_ref(struct recref *ref)
{
	free(ref->id);
	free(ref->relpath);
	ref->id = ref->relpath = NULL;
}

static void
rate_text(char *out, size_t size, const struct audit_tally *t)
{
	double	r;

	if (audit_tally_rate(&r, t))
		snprintf(out, size, "%.1f%%", r * 100.0);
	else
		snprintf(out, size, "-");
}

static const char *
enum_label(struct store *st, const char *prop, const char *v)
{
	const struct schema	*kind, *p;
	const char		*l;

	if (v == NULL)
		return "";
	if (store_kind(&kind, st, "audit") != 0 ||
	    (p = schema_prop(kind, prop)) == NULL)
		return v;
	l = schema_enum_title(p, v);
	return l != NULL ? l : v;
}

static const char *
finding_label(struct store *st, const char *prop, const char *v)
{
	const struct schema	*kind, *p;
	const char		*l;

	if (v == NULL)
		return "";
	if (store_kind(&kind, st, "audit") != 0 ||
	    (p = schema_prop(kind, "findings")) == NULL ||
	    (p = schema_items(p)) == NULL || (p = schema_prop(p, prop)) == NULL)
		return v;
	l = schema_enum_title(p, v);
	return l != NULL ? l : v;
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

/* --- items ------------------------------------------------------------- */

static int
today_fy(void)
{
	return cal_fy(cal_today());
}

static int
audit_items_cmd(const struct cmd_entry *e, struct cmd_ctx *ctx, int argc,
    char **argv)
{
	static const struct option longopts[] = {
		{ "catalog", required_argument, NULL, 'c' },
		{ "fy", required_argument, NULL, 'f' },
		{ "output", required_argument, NULL, 'o' },
		{ NULL, 0, NULL, 0 }
	};
	struct store		*st;
	struct record		*cats[8] = { NULL };
	const char		*sel[8];
	struct table		*t = NULL;
	struct buf		 b = BUF_INIT;
	const struct node	*items, *it;
	const char		*output = NULL;
	char			 num[24], ck[32];
	size_t			 ncats = 0, nsel = 0, i, j;
	int			 ch, fy = 0, rc = CMD_OK;

	optind = 1;
	while ((ch = getopt_long(argc, argv, "o:", longopts, NULL)) != -1) {
		switch (ch) {
		case 'c':
			if (nsel == 8)
				return cmd_bad_usage(e, "too many catalogs");
			sel[nsel++] = optarg;
			break;
		case 'f':
			if (cmd_parse_fy(optarg, &fy) != 0)
				return CMD_USAGE;
			break;
		case 'o':
			output = optarg;
			break;
		default:
			return cmd_bad_usage(e, NULL);
		}
	}
	if (optind != argc)
		return cmd_bad_usage(e, "unexpected argument '%s'",
		    argv[optind]);
	if ((st = cmd_store(ctx)) == NULL)
		return CMD_FAIL;
	if (fy == 0)
		fy = today_fy();
	if (nsel == 0) {
		for (i = 0; catalog_kinds[i] != NULL; i++) {
			if (audit_pick_catalog(&cats[ncats], st,
			    catalog_kinds[i], fy) == 0)
				ncats++;
		}
		if (ncats == 0) {
			rc = cmd_error("no final catalog of audit items for "
			    "fiscal year %d", fy);
			goto done;
		}
	}
	for (i = 0; i < nsel; i++) {
		/* A kind (operational, audit-system ...) or a catalog id. */
		snprintf(ck, sizeof ck, "%s%s", strncmp(sel[i], "audit-", 6) ?
		    "audit-" : "", sel[i]);
		for (j = 0; catalog_kinds[j] != NULL; j++) {
			if (strcmp(ck, catalog_kinds[j]) == 0)
				break;
		}
		if (catalog_kinds[j] != NULL)
			rc = audit_pick_catalog(&cats[ncats], st, ck, fy);
		else
			rc = audit_load_catalog(&cats[ncats], st, sel[i]);
		if (rc != 0) {
			rc = cmd_lib_error();
			goto done;
		}
		ncats++;
	}
	if (output != NULL) {
		if (audit_doc_items(output, st, (const struct record *const *)
		    cats, ncats) != 0)
			rc = cmd_lib_error();
		else
			fprintf(stderr, "wrote %s\n", output);
		goto done;
	}
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
		table_set_header(t, 1, "項目番号", 0);
		table_set_header(t, 2, "条項", 0);
		table_set_header(t, 3, "重要度", 0);
		table_set_header(t, 4, "重み", 1);
		table_set_header(t, 5, "監査項目", 0);
		items = node_get(record_root(cats[i]), "items");
		for (j = 0; items != NULL && j < items->n; j++) {
			const char *row[6];

			it = items->u.items[j];
			snprintf(num, sizeof num, "%zu", j + 1);
			row[0] = num;
			row[1] = node_get_str(it, "ref");
			row[2] = node_get_str(it, "clause");
			row[3] = node_get_str(it, "importance") != NULL &&
			    strcmp(node_get_str(it, "importance"),
			    "recommended") == 0 ? "推奨" : "必須";
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

/* --- plan ------------------------------------------------------------- */

static int
check_date_arg(const char *what, const char *s)
{
	struct cal_date	d;

	if (s != NULL && cal_parse_iso(&d, s) != 0)
		return cmd_error("%s: %s", what, error_last());
	return 0;
}

/* The latest agreed audit of org with open findings and no follow-up. */
static int
find_followup_source(struct record **out, struct store *st, const char *org)
{
	const struct schema	*kind;
	struct reclist		 l = RECLIST_INIT;
	struct record		*r, *best = NULL;
	const struct node	*root;
	const char		*s, *bd = NULL;
	size_t			 i;

	*out = NULL;
	if (store_kind(&kind, st, "audit") != 0 ||
	    store_scan(&l, st, kind, 0, NULL) != 0)
		return cmd_lib_error();
	for (i = 0; i < l.n; i++) {
		if (record_load(&r, st, &l.v[i], NULL) != 0)
			continue;
		root = record_root(r);
		s = node_get_str(root, "target_org");
		if (s == NULL || strcmp(s, org) != 0 ||
		    node_get(root, "followup") != NULL ||
		    node_get(root, "agreement") == NULL ||
		    audit_open_findings(root) == 0 ||
		    (bd != NULL && strcmp(node_get_str(root, "date"),
		    bd) <= 0)) {
			record_free(r);
			continue;
		}
		record_free(best);
		best = r;
		bd = node_get_str(root, "date");
	}
	reclist_free(&l);
	if (best == NULL)
		return cmd_error("no agreed audit of '%s' has open findings "
		    "without a follow-up", org);
	*out = best;
	return CMD_OK;
}

static int
do_followup(struct store *st, struct record *src,
    const struct audit_followup *f)
{
	struct diags	 d = DIAGS_INIT;
	char		*id = NULL, *rel = NULL;
	int		 rc = CMD_OK;

	if (audit_followup(&id, &rel, st, src, f, &d) != 0) {
		cmd_print_diags(stderr, &d);
		rc = cmd_lib_error();
	} else {
		printf("%s\n", id);
		fprintf(stderr, "created %s: follow-up of %s, %zu open "
		    "finding(s) carried\n", rel, record_id(src),
		    audit_open_findings(record_root(src)));
	}
	diags_free(&d);
	free(id);
	free(rel);
	return rc;
}

static int
audit_plan_cmd(const struct cmd_entry *e, struct cmd_ctx *ctx, int argc,
    char **argv)
{
	static const struct option longopts[] = {
		{ "type", required_argument, NULL, 't' },
		{ "target", required_argument, NULL, 'T' },
		{ "org", required_argument, NULL, 'O' },
		{ "date", required_argument, NULL, 'd' },
		{ "end-date", required_argument, NULL, 'E' },
		{ "place", required_argument, NULL, 'p' },
		{ "chief", required_argument, NULL, 'c' },
		{ "auditors", required_argument, NULL, 'a' },
		{ "auditees", required_argument, NULL, 'A' },
		{ "catalog", required_argument, NULL, 'k' },
		{ "title", required_argument, NULL, 'n' },
		{ "my-number", no_argument, NULL, 'm' },
		{ "no-my-number", no_argument, NULL, 'M' },
		{ NULL, 0, NULL, 0 }
	};
	struct audit_plan	 p;
	struct store		*st;
	struct diags		 d = DIAGS_INIT;
	struct record		*src = NULL;
	const char		*auditors[MAX_LIST], *cats[MAX_LIST];
	const char		*auditees[MAX_LIST];
	const char		*target = NULL, *org = NULL, *code;
	char			*alist = NULL, *elist = NULL, *id = NULL;
	char			*rel = NULL;
	int			 ch, rc = CMD_OK;

	memset(&p, 0, sizeof p);
	p.my_number = -1;
	p.auditors = auditors;
	p.auditees = auditees;
	p.catalogs = cats;
	optind = 1;
	while ((ch = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		switch (ch) {
		case 't':
			p.type = optarg;
			break;
		case 'T':
			target = optarg;
			break;
		case 'O':
			org = optarg;
			break;
		case 'd':
			p.date = optarg;
			break;
		case 'E':
			p.end_date = optarg;
			break;
		case 'p':
			p.place = optarg;
			break;
		case 'c':
			p.chief = optarg;
			break;
		case 'a':
			free(alist);
			if ((alist = strdup(optarg)) == NULL)
				return cmd_error("out of memory");
			p.nauditors = split_list(alist, auditors, MAX_LIST);
			break;
		case 'A':
			free(elist);
			if ((elist = strdup(optarg)) == NULL)
				return cmd_error("out of memory");
			p.nauditees = split_list(elist, auditees, MAX_LIST);
			break;
		case 'k':
			if (p.ncatalogs == MAX_LIST)
				return cmd_bad_usage(e, "too many catalogs");
			cats[p.ncatalogs++] = optarg;
			break;
		case 'n':
			p.title = optarg;
			break;
		case 'm':
			p.my_number = 1;
			break;
		case 'M':
			p.my_number = 0;
			break;
		default:
			free(alist);
			free(elist);
			return cmd_bad_usage(e, NULL);
		}
	}
	if (optind != argc) {
		free(alist);
			free(elist);
		return cmd_bad_usage(e, "unexpected argument '%s'",
		    argv[optind]);
	}
	if (p.type == NULL || target == NULL || p.date == NULL) {
		free(alist);
			free(elist);
		return cmd_bad_usage(e, "plan needs --type, --target and "
		    "--date");
	}
	if (strcmp(p.type, "operational") != 0 &&
	    strcmp(p.type, "system") != 0 && strcmp(p.type, "followup") != 0) {
		free(alist);
			free(elist);
		return cmd_bad_usage(e, "unknown audit type '%s': expected "
		    "operational, system or followup", p.type);
	}
	if ((st = cmd_store(ctx)) == NULL ||
	    check_date_arg("--date", p.date) != 0 ||
	    check_date_arg("--end-date", p.end_date) != 0) {
		rc = CMD_FAIL;
		goto done;
	}
	if (p.chief == NULL)
		p.chief = audit_default_chief(st);
	if (strcmp(p.type, "system") == 0) {
		p.target_system = target;
		if (org != NULL) {
			if ((code = prompt_org_code(st, org)) == NULL) {
				rc = cmd_lib_error();
				goto done;
			}
			p.target_org = code;
		}
		if (p.my_number < 0)
			p.my_number = 0;
	} else {
		if ((code = prompt_org_code(st, target)) == NULL) {
			rc = cmd_error("%s (the target of an %s audit is an "
			    "organisation in orgs.yaml)", error_last(),
			    p.type);
			goto done;
		}
		p.target_org = code;
	}
	if (strcmp(p.type, "followup") == 0) {
		struct audit_followup f = { p.date, p.place, p.chief,
		    p.auditors, p.nauditors };

		if ((rc = find_followup_source(&src, st, p.target_org)) == 0)
			rc = do_followup(st, src, &f);
		goto done;
	}
	if (audit_plan(&id, &rel, st, &p, &d) != 0) {
		cmd_print_diags(stderr, &d);
		rc = cmd_lib_error();
		goto done;
	}
	printf("%s\n", id);
	fprintf(stderr, "created %s\n", rel);
done:
	record_free(src);
	diags_free(&d);
	free(alist);
	free(elist);
	free(id);
	free(rel);
	return rc;
}

/* --- score ------------------------------------------------------------- */


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
	fprintf(fp, "適合率 %s", all);
	for (i = 0; i < s.nchapters; i++) {
		if (strcmp(s.chapters[i].key, key) == 0) {
			rate_text(ch, sizeof ch, &s.chapters[i]);
			fprintf(fp, "（%s %s %s）", strcmp(s.chapters[i].key,
			    s.chapters[i].title) != 0 ? s.chapters[i].key : "",
			    s.chapters[i].title, ch);
		}
	}
	fprintf(fp, "  回答 %zu/%u  未確認 %u\n", done, s.total.items,
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
show_item(const struct node *root, size_t i)
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
	fprintf(stderr, "  %s・重み%s\n", imp != NULL &&
	    strcmp(imp, "recommended") == 0 ? "推奨" : "必須",
	    (s = node_get_str(it, "weight")) != NULL ? s : "1");
	fprintf(stderr, "%s\n", node_get_str(it, "text"));
	join_seq(&b, node_get(it, "evidence_examples"), "、");
	if (b.len > 0)
		fprintf(stderr, "  監査資料の例: %s\n", b.data);
	if ((s = node_get_str(it, "how_to_check")) != NULL)
		fprintf(stderr, "  監査実施の例: %s\n", s);
	if (r != AUDIT_NONE) {
		fprintf(stderr, "  前回の判定: %s", audit_result_label(r));
		if ((s = node_get_str(it, "note")) != NULL)
			fprintf(stderr, "  所見: %s", s);
		buf_reset(&b);
		join_seq(&b, node_get(it, "evidence"), "、");
		if (b.len > 0)
			fprintf(stderr, "  確認資料: %s", b.data);
		fputc('\n', stderr);
	}
	buf_free(&b);
}

static const char score_help[] =
    "  1 適合  2 一部不適合  3 不適合  4 該当なし  (Enter: 前回のまま次へ)\n"
    "  s 飛ばす (未確認)  b 戻る  j 番号|項目番号 移動  q 終了  ? この説明\n"
    "  所見・確認資料: Enter で前回のまま、- で消す\n";

/*
 * Ask for note and evidence after a result, then save at once: what was
 * answered is on disk before the next question (3(2)エ fieldwork on a
 * laptop that may be closed at any moment).
 */
static int
answer_item(struct store *st, struct record *r, size_t i,
    enum audit_result res)
{
	const struct node	*it = audit_items(record_root(r))->u.items[i];
	struct audit_answer	 a;
	struct buf		 prev = BUF_INIT;
	const char		*ev[MAX_LIST];
	char			*note = NULL, *evs = NULL, when[CLOCK_ISO_MAX];
	int			 rc;

	memset(&a, 0, sizeof a);
	a.result = res;
	if (res != AUDIT_UNCHECKED) {
		if (prompt_line(&note, "所見", node_get_str(it, "note"), 0) != 0)
			return PROMPT_CANCEL;
		join_seq(&prev, node_get(it, "evidence"), "、");
		if (prompt_line(&evs, "確認資料（、で区切る）",
		    prev.len > 0 ? prev.data : NULL, 0) != 0) {
			free(note);
			buf_free(&prev);
			return PROMPT_CANCEL;
		}
		buf_free(&prev);
		a.note = note == NULL ? "" : strcmp(note, "-") == 0 ? "" : note;
		a.set_evidence = 1;
		if (evs != NULL && strcmp(evs, "-") != 0)
			a.nevidence = split_list(evs, ev, MAX_LIST);
		a.evidence = ev;
	}
	clock_iso(when);
	a.checked = when;
	if (audit_answer(r->doc, record_root(r), i, &a) != 0)
		rc = cmd_lib_error();
	else
		rc = cmd_save_record(st, r);
	free(note);
	free(evs);
	return rc;
}

/*
 * An answer the record refused (the My Number guard, a full disk) is not
 * on disk; drop it from memory too by reading the record again, and ask
 * the same item again.
 */
static int
reload(struct record **rp, struct store *st, const struct recref *ref,
    size_t i)
{
	record_free(*rp);
	*rp = NULL;
	if (record_load(rp, st, ref, NULL) != 0)
		return cmd_lib_error();
	fprintf(stderr, "項目 %zu の回答は保存されていません。もう一度入力して"
	    "ください。\n", i + 1);
	return CMD_OK;
}

static int
score_session(struct store *st, struct record **rp, const struct recref *ref)
{
	struct record		*r = *rp;
	struct node		*root = record_root(r);
	enum audit_result	 res, prev;
	size_t			 i, n = audit_nitems(root), j;
	char			*in = NULL;
	const char		*arg;
	int			 rc = CMD_OK;

	if (node_get(root, "agreement") != NULL)
		return cmd_error("the results of '%s' were agreed with the "
		    "unit; they are not changed any more", record_id(r));
	if (n == 0)
		return cmd_error("'%s' has no items to score%s", record_id(r),
		    node_scalar_eq(node_get(root, "type"), "followup") ?
		    "; record a follow-up with 'nerima-cio audit finding'" :
		    "");
	i = audit_resume_index(root);
	fprintf(stderr, "%s（%s）  %zu 項目\n", node_get_str(root, "title"),
	    record_id(r), n);
	if (audit_item_result(audit_items(root)->u.items[i]) != AUDIT_NONE ||
	    i > 0)
		fprintf(stderr, "項目 %zu から再開します。\n", i + 1);
	fputs(score_help, stderr);
	for (;;) {
		show_item(root, i);
		prev = audit_item_result(audit_items(root)->u.items[i]);
		free(in);
		in = NULL;
		if (prompt_line(&in, "判定", prev != AUDIT_NONE ?
		    audit_result_label(prev) : NULL, 1) != 0)
			break;	/* Ctrl-D, Ctrl-C: every answer is saved */
		if (in == NULL)
			continue;
		if (strcmp(in, "q") == 0)
			break;
		if (strcmp(in, "?") == 0) {
			fputs(score_help, stderr);
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
				    "j の後に番号か項目番号を入れてください" :
				    error_last());
			else
				i = j;
			continue;
		}
		if (prev != AUDIT_NONE &&
		    strcmp(in, audit_result_label(prev)) == 0) {
			/* Enter on an answered item (the default): keep it
			 * and go on; a number re-asks the note. */
		} else if (strcmp(in, "s") == 0) {
			if (prev == AUDIT_NONE &&
			    (rc = answer_item(st, r, i,
			    AUDIT_UNCHECKED)) != 0) {
				if (rc == PROMPT_CANCEL ||
				    (rc = reload(rp, st, ref, i)) != CMD_OK)
					break;
				r = *rp;
				root = record_root(r);
				continue;
			}
		} else {
			if (audit_result_parse(&res, in) != 0) {
				fprintf(stderr, "%s\n", error_last());
				continue;
			}
			if ((rc = answer_item(st, r, i, res)) != 0) {
				if (rc == PROMPT_CANCEL ||
				    (rc = reload(rp, st, ref, i)) != CMD_OK)
					break;
				r = *rp;
				root = record_root(r);
				continue;
			}
			print_score(stderr, root, i);
		}
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
		fprintf(stderr, "未回答の項目 %zu に戻ります。\n", j + 1);
		i = j;
	}
	free(in);
	if (rc == PROMPT_CANCEL)
		rc = CMD_OK;
	fputc('\n', stderr);
	print_score(stdout, root, i);
	return rc == CMD_OK ? CMD_OK : CMD_FAIL;
}

static int
audit_score_cmd(const struct cmd_entry *e, struct cmd_ctx *ctx, int argc,
    char **argv)
{
	static const struct option longopts[] = {
		{ "item", required_argument, NULL, 'i' },
		{ "result", required_argument, NULL, 'r' },
		{ "note", required_argument, NULL, 'n' },
		{ "evidence", required_argument, NULL, 'e' },
		{ NULL, 0, NULL, 0 }
	};
	struct store		*st;
	struct recref		 ref = { NULL, NULL, NULL, 0 };
	struct record		*r = NULL;
	struct audit_answer	 a;
	const char		*item = NULL, *result = NULL, *ev[MAX_LIST];
	char			 when[CLOCK_ISO_MAX];
	size_t			 i;
	int			 ch, rc = CMD_OK;

	memset(&a, 0, sizeof a);
	optind = 1;
	while ((ch = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		switch (ch) {
		case 'i':
			item = optarg;
			break;
		case 'r':
			result = optarg;
			break;
		case 'n':
			a.note = optarg;
			break;
		case 'e':
			if (a.nevidence == MAX_LIST)
				return cmd_bad_usage(e, "too many --evidence");
			ev[a.nevidence++] = optarg;
			a.set_evidence = 1;
			break;
		default:
			return cmd_bad_usage(e, NULL);
		}
	}
	argc -= optind;
	argv += optind;
	if (argc != 1)
		return cmd_bad_usage(e, argc == 0 ? "which audit? give its id" :
		    "too many arguments");
	if ((item == NULL) != (result == NULL))
		return cmd_bad_usage(e, "--item and --result go together");
	if (item == NULL && (a.note != NULL || a.set_evidence))
		return cmd_bad_usage(e, "--note and --evidence need --item and "
		    "--result");
	if (result != NULL && audit_result_parse(&a.result, result) != 0)
		return cmd_error("%s", error_last());
	if ((st = cmd_store(ctx)) == NULL ||
	    cmd_load_record(&r, &ref, st, argv[0], "audit") != CMD_OK) {
		rc = CMD_FAIL;
		goto done;
	}
	if (item == NULL) {
		rc = score_session(st, &r, &ref);
		goto done;
	}
	if (audit_item_find(&i, record_root(r), item) != 0) {
		rc = cmd_error("%s: %s", ref.id, error_last());
		goto done;
	}
	a.evidence = ev;
	clock_iso(when);
	a.checked = when;
	if (audit_answer(r->doc, record_root(r), i, &a) != 0) {
		rc = cmd_lib_error();
		goto done;
	}
	if ((rc = cmd_save_record(st, r)) != CMD_OK)
		goto done;
	print_score(stdout, record_root(r), i);
done:
	record_free(r);
	free_ref(&ref);
	return rc;
}

/* --- show and list ----------------------------------------------------- */

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

static int
print_chapters(struct buf *out, const struct audit_score *s)
{
	struct table	*t;
	char		 c[7][16], rate[16];
	const char	*row[9];
	size_t		 i, k;
	int		 rc;

	if ((t = table_new(9)) == NULL)
		return -1;
	table_set_header(t, 0, "章", 0);
	table_set_header(t, 1, "名称", 0);
	table_set_header(t, 2, "項目", 1);
	table_set_header(t, 3, "適合", 1);
	table_set_header(t, 4, "一部不適合", 1);
	table_set_header(t, 5, "不適合", 1);
	table_set_header(t, 6, "該当なし", 1);
	table_set_header(t, 7, "未確認・未回答", 1);
	table_set_header(t, 8, "適合率", 1);
	for (i = 0; i <= s->nchapters; i++) {
		const struct audit_tally *ct = i < s->nchapters ?
		    &s->chapters[i] : &s->total;

		snprintf(c[0], sizeof c[0], "%u", ct->items);
		for (k = 1; k <= 4; k++)
			snprintf(c[k], sizeof c[k], "%u", ct->count[k]);
		snprintf(c[5], sizeof c[5], "%u", ct->count[AUDIT_UNCHECKED] +
		    ct->count[AUDIT_NONE]);
		rate_text(rate, sizeof rate, ct);
		row[0] = i < s->nchapters ? (strcmp(ct->key, ct->title) ?
		    ct->key : "") : "計";
		row[1] = i < s->nchapters ? ct->title : "";
		row[2] = c[0];
		row[3] = c[1];
		row[4] = c[2];
		row[5] = c[3];
		row[6] = c[4];
		row[7] = c[5];
		row[8] = rate;
		if (table_add_row(t, row) != 0)
			break;
	}
	rc = table_render(t, out);
	table_free(t);
	return rc;
}

static int
audit_show_cmd(const struct cmd_entry *e, struct cmd_ctx *ctx, int argc,
    char **argv)
{
	struct store		*st;
	struct recref		 ref = { NULL, NULL, NULL, 0 };
	struct record		*r = NULL;
	struct audit_score	 s;
	struct table		*t = NULL;
	struct buf		 b = BUF_INIT;
	const struct node	*root, *fs, *f;
	const char		*v, *row[6];
	int			 rc = CMD_OK;
	size_t			 i;

	if (argc != 2)
		return cmd_bad_usage(e, argc < 2 ? "which audit? give its id" :
		    "too many arguments");
	if ((st = cmd_store(ctx)) == NULL ||
	    cmd_load_record(&r, &ref, st, argv[1], "audit") != CMD_OK) {
		free_ref(&ref);
		return CMD_FAIL;
	}
	root = record_root(r);
	printf("%s  %s\n", record_id(r), node_get_str(root, "title"));
	printf("種類: %s  状況: %s  対象: %s\n",
	    enum_label(st, "type", node_get_str(root, "type")),
	    enum_label(st, "status", node_get_str(root, "status")),
	    target_name(st, root));
	printf("実施日: %s", (v = node_get_str(root, "date")) ? v : "");
	if ((v = node_get_str(root, "end_date")) != NULL)
		printf("〜%s", v);
	if ((v = audit_member_name(st, node_get_str(root,
	    "chief_auditor"))) != NULL)
		printf("  主任監査員: %s", v);
	putchar('\n');
	people(&b, node_get(root, "auditors"));
	if (b.len > 0)
		printf("監査員: %s\n", b.data);
	if ((v = node_get_str(root, "followup_of")) != NULL)
		printf("フォローアップ元: %s\n", v);
	if ((v = node_get_str(root, "followup")) != NULL)
		printf("フォローアップ監査: %s\n", v);
	if ((f = node_get(root, "agreement")) != NULL)
		printf("合意: %s %s（%s）\n", node_get_str(f, "date"),
		    node_get_str(f, "by"), (v = node_get_str(f, "position")) ?
		    v : "");
	buf_reset(&b);
	if (audit_nitems(root) > 0) {
		if (audit_score(&s, audit_items(root)) != 0) {
			rc = cmd_lib_error();
			goto done;
		}
		putchar('\n');
		rc = print_chapters(&b, &s);
		audit_score_free(&s);
		if (rc != 0) {
			rc = cmd_lib_error();
			goto done;
		}
		fwrite(b.data, 1, b.len, stdout);
	}
	fs = audit_findings(root);
	if (fs != NULL && fs->n > 0) {
		printf("\n指摘事項\n");
		if ((t = table_new(6)) == NULL) {
			rc = cmd_lib_error();
			goto done;
		}
		table_set_header(t, 0, "No.", 1);
		table_set_header(t, 1, "項目番号", 0);
		table_set_header(t, 2, "指摘区分", 0);
		table_set_header(t, 3, "是正状況", 0);
		table_set_header(t, 4, "是正期限", 0);
		table_set_header(t, 5, "指摘内容", 0);
		for (i = 0; i < fs->n; i++) {
			f = fs->u.items[i];
			row[0] = node_get_str(f, "number");
			row[1] = node_get_str(f, "item");
			row[2] = finding_label(st, "grade", node_get_str(f,
			    "grade"));
			row[3] = finding_label(st, "status", node_get_str(f,
			    "status"));
			row[4] = node_get_str(f, "due");
			row[5] = node_get_str(f, "finding");
			table_add_row(t, row);
		}
		buf_reset(&b);
		if (table_render(t, &b) != 0) {
			rc = cmd_lib_error();
			goto done;
		}
		fwrite(b.data, 1, b.len, stdout);
	}
done:
	table_free(t);
	buf_free(&b);
	record_free(r);
	free_ref(&ref);
	return rc;
}

static int
rec_by_date(const void *a, const void *b)
{
	struct record *const	*x = a, *const *y = b;
	const char		*dx = record_field(*x, "date");
	const char		*dy = record_field(*y, "date");
	int			 c;

	c = strcmp(dx != NULL ? dx : "", dy != NULL ? dy : "");
	return c != 0 ? c : strcmp(record_id(*x), record_id(*y));
}

static int
audit_list_cmd(const struct cmd_entry *e, struct cmd_ctx *ctx, int argc,
    char **argv)
{
	static const struct option longopts[] = {
		{ "fy", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 }
	};
	const struct schema	*kind;
	struct store		*st;
	struct reclist		 l = RECLIST_INIT;
	struct record		*r;
	struct table		*t = NULL;
	struct buf		 b = BUF_INIT;
	struct audit_score	 s;
	const struct node	*root;
	struct record		**v = NULL;
	const char		*row[8];
	char			 rate[16], ans[32], open[16];
	size_t			 i, nv = 0;
	int			 ch, fy = 0, rc = CMD_OK;

	optind = 1;
	while ((ch = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		switch (ch) {
		case 'f':
			if (cmd_parse_fy(optarg, &fy) != 0)
				return CMD_USAGE;
			break;
		default:
			return cmd_bad_usage(e, NULL);
		}
	}
	if (optind != argc)
		return cmd_bad_usage(e, "unexpected argument '%s'",
		    argv[optind]);
	if ((st = cmd_store(ctx)) == NULL)
		return CMD_FAIL;
	if (store_kind(&kind, st, "audit") != 0 ||
	    store_scan(&l, st, kind, fy, NULL) != 0 ||
	    (t = table_new(8)) == NULL) {
		rc = cmd_lib_error();
		goto done;
	}
	table_set_header(t, 0, "ID", 0);
	table_set_header(t, 1, "実施日", 0);
	table_set_header(t, 2, "種類", 0);
	table_set_header(t, 3, "対象", 0);
	table_set_header(t, 4, "状況", 0);
	table_set_header(t, 5, "適合率", 1);
	table_set_header(t, 6, "回答", 1);
	table_set_header(t, 7, "未是正", 1);
	/* Loaded once, then in date order: the order audits happen in. */
	if ((v = calloc(l.n + 1, sizeof *v)) == NULL) {
		rc = cmd_error("out of memory");
		goto done;
	}
	for (i = 0; i < l.n; i++) {
		if (record_load(&v[nv], st, &l.v[i], NULL) != 0)
			cmd_warn("%s", error_last());
		else
			nv++;
	}
	qsort(v, nv, sizeof *v, rec_by_date);
	for (i = 0; i < nv; i++) {
		r = v[i];
		root = record_root(r);
		rate[0] = ans[0] = '\0';
		if (audit_nitems(root) > 0 &&
		    audit_score(&s, audit_items(root)) == 0) {
			rate_text(rate, sizeof rate, &s.total);
			snprintf(ans, sizeof ans, "%u/%u", s.total.items -
			    s.total.count[AUDIT_NONE] -
			    s.total.count[AUDIT_UNCHECKED], s.total.items);
			audit_score_free(&s);
		}
		snprintf(open, sizeof open, "%zu", audit_open_findings(root));
		row[0] = record_id(r);
		row[1] = node_get_str(root, "date");
		row[2] = enum_label(st, "type", node_get_str(root, "type"));
		row[3] = target_name(st, root);
		row[4] = enum_label(st, "status", node_get_str(root, "status"));
		row[5] = rate;
		row[6] = ans;
		row[7] = open;
		table_add_row(t, row);
	}
	if (table_render(t, &b) != 0) {
		rc = cmd_lib_error();
		goto done;
	}
	fwrite(b.data, 1, b.len, stdout);
done:
	for (i = 0; i < nv; i++)
		record_free(v[i]);
	free(v);
	table_free(t);
	buf_free(&b);
	reclist_free(&l);
	return rc;
}

/* --- finding, agree, report, followup ---------------------------------- */

static int
audit_finding_cmd(const struct cmd_entry *e, struct cmd_ctx *ctx, int argc,
    char **argv)
{
	static const struct option longopts[] = {
		{ "grade", required_argument, NULL, 'g' },
		{ "finding", required_argument, NULL, 'f' },
		{ "correction", required_argument, NULL, 'c' },
		{ "due", required_argument, NULL, 'd' },
		{ "status", required_argument, NULL, 's' },
		{ "response", required_argument, NULL, 'r' },
		{ "response-date", required_argument, NULL, 'R' },
		{ "question", required_argument, NULL, 'q' },
		{ "answer", required_argument, NULL, 'a' },
		{ "qa-date", required_argument, NULL, 'Q' },
		{ NULL, 0, NULL, 0 }
	};
	struct audit_finding_edit	 ed;
	struct store			*st;
	struct recref			 ref = { NULL, NULL, NULL, 0 };
	struct recref			 sref = { NULL, NULL, NULL, 0 };
	struct record			*r = NULL, *src = NULL;
	struct node			*f;
	const char			*from, *s;
	char				*end;
	long				 num;
	int				 ch, rc = CMD_OK, any = 0;

	memset(&ed, 0, sizeof ed);
	optind = 1;
	while ((ch = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		any = 1;
		switch (ch) {
		case 'g': ed.grade = optarg; break;
		case 'f': ed.finding = optarg; break;
		case 'c': ed.correction = optarg; break;
		case 'd': ed.due = optarg; break;
		case 's': ed.status = optarg; break;
		case 'r': ed.response = optarg; break;
		case 'R': ed.response_date = optarg; break;
		case 'q': ed.question = optarg; break;
		case 'a': ed.answer = optarg; break;
		case 'Q': ed.qa_date = optarg; break;
		default:
			return cmd_bad_usage(e, NULL);
		}
	}
	argc -= optind;
	argv += optind;
	if (argc != 2)
		return cmd_bad_usage(e, "finding needs the audit id and the "
		    "finding number");
	num = strtol(argv[1], &end, 10);
	if (*argv[1] == '\0' || *end != '\0' || num < 1)
		return cmd_bad_usage(e, "bad finding number '%s'", argv[1]);
	if ((st = cmd_store(ctx)) == NULL ||
	    cmd_load_record(&r, &ref, st, argv[0], "audit") != CMD_OK) {
		rc = CMD_FAIL;
		goto done;
	}
	if (!any) {
		/* No change asked: show the finding. */
		if ((f = audit_finding(record_root(r), num)) == NULL) {
			rc = cmd_error("no finding %ld in '%s'", num, ref.id);
			goto done;
		}
		{
			struct buf b = BUF_INIT;

			node_emit(&b, f);
			fwrite(b.data, 1, b.len, stdout);
			buf_free(&b);
		}
		goto done;
	}
	if (audit_finding_edit(r->doc, record_root(r), num, &ed) != 0) {
		rc = cmd_error("%s: %s", ref.id, error_last());
		goto done;
	}
	s = node_get_str(record_root(r), "status");
	if (node_scalar_eq(node_get(record_root(r), "type"), "followup") &&
	    s != NULL && strcmp(s, "planned") == 0)
		node_map_set_str(r->doc, record_root(r), "status",
		    "in-progress");
	if ((rc = cmd_save_record(st, r)) != CMD_OK)
		goto done;
	f = audit_finding(record_root(r), num);
	from = node_get_str(f, "from_audit");
	if (ed.status != NULL && from != NULL) {
		/* The original audit learns what the follow-up found. */
		if (cmd_load_record(&src, &sref, st, from, "audit") != CMD_OK) {
			rc = CMD_FAIL;
			goto done;
		}
		rc = audit_propagate(src->doc, record_root(src),
		    strtol(node_get_str(f, "from_finding"), NULL, 10),
		    ed.status);
		if (rc < 0)
			rc = cmd_lib_error();
		else if (rc > 0 && (rc = cmd_save_record(st, src)) == CMD_OK)
			fprintf(stderr, "%s finding %s: %s\n", from,
			    node_get_str(f, "from_finding"),
			    finding_label(st, "status", ed.status));
	}
done:
	record_free(r);
	record_free(src);
	free_ref(&ref);
	free_ref(&sref);
	return rc;
}

static int
audit_agree_cmd(const struct cmd_entry *e, struct cmd_ctx *ctx, int argc,
    char **argv)
{
	static const struct option longopts[] = {
		{ "by", required_argument, NULL, 'b' },
		{ "date", required_argument, NULL, 'd' },
		{ "position", required_argument, NULL, 'p' },
		{ NULL, 0, NULL, 0 }
	};
	struct store	*st;
	struct recref	 ref = { NULL, NULL, NULL, 0 };
	struct record	*r = NULL;
	const char	*by = NULL, *date = NULL, *pos = NULL;
	int		 ch, rc = CMD_OK;

	optind = 1;
	while ((ch = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		switch (ch) {
		case 'b': by = optarg; break;
		case 'd': date = optarg; break;
		case 'p': pos = optarg; break;
		default:
			return cmd_bad_usage(e, NULL);
		}
	}
	argc -= optind;
	argv += optind;
	if (argc != 1 || by == NULL || date == NULL)
		return cmd_bad_usage(e, "agree needs the audit id, --by and "
		    "--date");
	if ((st = cmd_store(ctx)) == NULL ||
	    cmd_load_record(&r, &ref, st, argv[0], "audit") != CMD_OK) {
		rc = CMD_FAIL;
		goto done;
	}
	if (audit_agree(r->doc, record_root(r), by, pos, date) != 0) {
		rc = cmd_lib_error();
		goto done;
	}
	if ((rc = cmd_save_record(st, r)) == CMD_OK)
		fprintf(stderr, "%s: agreed with %s on %s\n", ref.id, by, date);
done:
	record_free(r);
	free_ref(&ref);
	return rc;
}

static int
audit_report_cmd(const struct cmd_entry *e, struct cmd_ctx *ctx, int argc,
    char **argv)
{
	static const struct option longopts[] = {
		{ "date", required_argument, NULL, 'd' },
		{ NULL, 0, NULL, 0 }
	};
	struct store	*st;
	struct recref	 ref = { NULL, NULL, NULL, 0 };
	struct record	*r = NULL;
	const char	*date = NULL;
	int		 ch, rc = CMD_OK;

	optind = 1;
	while ((ch = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		if (ch != 'd')
			return cmd_bad_usage(e, NULL);
		date = optarg;
	}
	argc -= optind;
	argv += optind;
	if (argc != 1 || date == NULL)
		return cmd_bad_usage(e, "report needs the audit id and --date");
	if ((st = cmd_store(ctx)) == NULL ||
	    cmd_load_record(&r, &ref, st, argv[0], "audit") != CMD_OK) {
		rc = CMD_FAIL;
		goto done;
	}
	if (audit_mark_reported(r->doc, record_root(r), date) != 0)
		rc = cmd_lib_error();
	else
		rc = cmd_save_record(st, r);
done:
	record_free(r);
	free_ref(&ref);
	return rc;
}

static int
audit_followup_cmd(const struct cmd_entry *e, struct cmd_ctx *ctx, int argc,
    char **argv)
{
	static const struct option longopts[] = {
		{ "date", required_argument, NULL, 'd' },
		{ "place", required_argument, NULL, 'p' },
		{ "chief", required_argument, NULL, 'c' },
		{ "auditors", required_argument, NULL, 'a' },
		{ NULL, 0, NULL, 0 }
	};
	struct audit_followup	 f;
	struct store		*st;
	struct recref		 ref = { NULL, NULL, NULL, 0 };
	struct record		*r = NULL;
	const char		*auditors[MAX_LIST];
	char			*alist = NULL;
	int			 ch, rc = CMD_OK;

	memset(&f, 0, sizeof f);
	f.auditors = auditors;
	optind = 1;
	while ((ch = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		switch (ch) {
		case 'd': f.date = optarg; break;
		case 'p': f.place = optarg; break;
		case 'c': f.chief = optarg; break;
		case 'a':
			free(alist);
			if ((alist = strdup(optarg)) == NULL)
				return cmd_error("out of memory");
			f.nauditors = split_list(alist, auditors, MAX_LIST);
			break;
		default:
			free(alist);
			return cmd_bad_usage(e, NULL);
		}
	}
	argc -= optind;
	argv += optind;
	if (argc != 1 || f.date == NULL) {
		free(alist);
		return cmd_bad_usage(e, "followup needs the audit id and "
		    "--date");
	}
	if ((st = cmd_store(ctx)) == NULL ||
	    check_date_arg("--date", f.date) != 0 ||
	    cmd_load_record(&r, &ref, st, argv[0], "audit") != CMD_OK) {
		rc = CMD_FAIL;
		goto done;
	}
	rc = do_followup(st, r, &f);
done:
	free(alist);
	record_free(r);
	free_ref(&ref);
	return rc;
}

static int
audit_risk_cmd(const struct cmd_entry *e, struct cmd_ctx *ctx, int argc,
    char **argv)
{
	static const struct option longopts[] = {
		{ "risk", required_argument, NULL, 'r' },
		{ "clause", required_argument, NULL, 'c' },
		{ "analysis", required_argument, NULL, 'a' },
		{ "likelihood", required_argument, NULL, 'l' },
		{ "impact", required_argument, NULL, 'i' },
		{ "measure", required_argument, NULL, 'm' },
		{ NULL, 0, NULL, 0 }
	};
	struct audit_risk	 rk;
	struct store		*st;
	struct recref		 ref = { NULL, NULL, NULL, 0 };
	struct record		*r = NULL;
	int			 ch, rc = CMD_OK;

	memset(&rk, 0, sizeof rk);
	optind = 1;
	while ((ch = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		switch (ch) {
		case 'r': rk.risk = optarg; break;
		case 'c': rk.clause = optarg; break;
		case 'a': rk.analysis = optarg; break;
		case 'l': rk.likelihood = optarg; break;
		case 'i': rk.impact = optarg; break;
		case 'm': rk.measure = optarg; break;
		default:
			return cmd_bad_usage(e, NULL);
		}
	}
	argc -= optind;
	argv += optind;
	if (argc != 1 || rk.risk == NULL)
		return cmd_bad_usage(e, "risk needs the audit id and --risk");
	if ((st = cmd_store(ctx)) == NULL ||
	    cmd_load_record(&r, &ref, st, argv[0], "audit") != CMD_OK) {
		rc = CMD_FAIL;
		goto done;
	}
	if (audit_add_risk(r->doc, record_root(r), &rk) != 0)
		rc = cmd_lib_error();
	else
		rc = cmd_save_record(st, r);
done:
	record_free(r);
	free_ref(&ref);
	return rc;
}

/* --- export ----------------------------------------------------------- */

/* Audits by id, or every audit of a fiscal year in date order. */
static int
collect(struct record ***out, size_t *nout, struct store *st, int fy,
    char **ids, int nids)
{
	const struct schema	*kind;
	struct reclist		 l = RECLIST_INIT;
	struct recref		 ref = { NULL, NULL, NULL, 0 };
	struct record		**v;
	size_t			 n = 0, i, k;
	int			 rc = CMD_OK;

	*out = NULL;
	*nout = 0;
	if (nids > 0) {
		if ((v = calloc((size_t)nids, sizeof *v)) == NULL)
			return cmd_error("out of memory");
		for (i = 0; i < (size_t)nids; i++) {
			if ((rc = cmd_load_record(&v[n], &ref, st, ids[i],
			    "audit")) != 0)
				break;
			n++;
			free_ref(&ref);
		}
	} else {
		if (store_kind(&kind, st, "audit") != 0 ||
		    store_scan(&l, st, kind, fy, NULL) != 0)
			return cmd_lib_error();
		if ((v = calloc(l.n + 1, sizeof *v)) == NULL) {
			reclist_free(&l);
			return cmd_error("out of memory");
		}
		for (i = 0; i < l.n; i++) {
			if (record_load(&v[n], st, &l.v[i], NULL) != 0) {
				rc = cmd_lib_error();
				break;
			}
			n++;
		}
		reclist_free(&l);
		/* Date order, as the report lists them. */
		for (i = 1; i < n; i++) {
			struct record *tmp = v[i];
			const char *d = record_field(tmp, "date");

			for (k = i; k > 0 && strcmp(record_field(v[k - 1],
			    "date") ? record_field(v[k - 1], "date") : "",
			    d ? d : "") > 0; k--)
				v[k] = v[k - 1];
			v[k] = tmp;
		}
		if (rc == CMD_OK && n == 0)
			rc = cmd_error("no audits in fiscal year %d", fy);
	}
	free_ref(&ref);
	if (rc != CMD_OK) {
		for (i = 0; i < n; i++)
			record_free(v[i]);
		free(v);
		return CMD_FAIL;
	}
	*out = v;
	*nout = n;
	return CMD_OK;
}

static int
has_suffix(const char *s, const char *suf)
{
	size_t	a = strlen(s), b = strlen(suf);

	return a >= b && strcmp(s + a - b, suf) == 0;
}

static int
audit_export_cmd(const struct cmd_entry *e, struct cmd_ctx *ctx, int argc,
    char **argv)
{
	static const struct option longopts[] = {
		{ "fy", required_argument, NULL, 'f' },
		{ "output", required_argument, NULL, 'o' },
		{ NULL, 0, NULL, 0 }
	};
	struct store	*st;
	struct record	**v = NULL;
	const char	*what, *out = NULL, *want;
	size_t		 n = 0, i;
	int		 ch, fy = 0, rc = CMD_OK, lrc;

	if (argc < 2)
		return cmd_bad_usage(e, "export what? paper, summary, qa, "
		    "results or risks");
	what = argv[1];
	argc--;
	argv++;
	optind = 1;
	while ((ch = getopt_long(argc, argv, "o:", longopts, NULL)) != -1) {
		switch (ch) {
		case 'f':
			if (cmd_parse_fy(optarg, &fy) != 0)
				return CMD_USAGE;
			break;
		case 'o':
			out = optarg;
			break;
		default:
			return cmd_bad_usage(e, NULL);
		}
	}
	argc -= optind;
	argv += optind;
	if (out == NULL)
		return cmd_bad_usage(e, "export needs -o FILE");
	if (strcmp(what, "paper") == 0 || strcmp(what, "risks") == 0)
		want = ".xlsx";
	else if (strcmp(what, "summary") == 0 || strcmp(what, "qa") == 0)
		want = ".docx";
	else if (strcmp(what, "results") == 0)
		want = has_suffix(out, ".xlsx") ? ".xlsx" : ".docx";
	else
		return cmd_bad_usage(e, "unknown export '%s': expected paper, "
		    "summary, qa, results or risks", what);
	if (!has_suffix(out, want))
		return cmd_bad_usage(e, "the %s export is a %s file, not '%s'",
		    what, want, out);
	if (strcmp(what, "summary") == 0 || strcmp(what, "qa") == 0) {
		if (argc != 1 || fy != 0)
			return cmd_bad_usage(e, "the %s export takes one audit "
			    "id", what);
	} else if (strcmp(what, "paper") == 0) {
		if ((argc == 0) == (fy == 0))
			return cmd_bad_usage(e, "the paper export takes audit "
			    "ids or --fy");
	} else if (argc != 0 || fy == 0)
		return cmd_bad_usage(e, "the %s export takes --fy FY", what);
	if ((st = cmd_store(ctx)) == NULL ||
	    collect(&v, &n, st, fy, argv, argc) != CMD_OK)
		return CMD_FAIL;
	if (strcmp(what, "paper") == 0)
		lrc = audit_doc_paper(out, st, (const struct record *const *)v,
		    n);
	else if (strcmp(what, "summary") == 0)
		lrc = audit_doc_summary(out, st, v[0]);
	else if (strcmp(what, "qa") == 0)
		lrc = audit_doc_qa(out, st, v[0]);
	else if (strcmp(what, "risks") == 0)
		lrc = audit_doc_risks(out, st, (const struct record *const *)v,
		    n, fy);
	else if (strcmp(want, ".xlsx") == 0)
		lrc = audit_doc_results_xlsx(out, st,
		    (const struct record *const *)v, n, fy);
	else
		lrc = audit_doc_results_docx(out, st,
		    (const struct record *const *)v, n, fy);
	if (lrc != 0)
		rc = cmd_lib_error();
	else
		fprintf(stderr, "wrote %s\n", out);
	for (i = 0; i < n; i++)
		record_free(v[i]);
	free(v);
	return rc;
}

static const struct cmd_sub audit_subs[] = {
	{ "items", audit_items_cmd },
	{ "plan", audit_plan_cmd },
	{ "score", audit_score_cmd },
	{ "show", audit_show_cmd },
	{ "list", audit_list_cmd },
	{ "finding", audit_finding_cmd },
	{ "agree", audit_agree_cmd },
	{ "report", audit_report_cmd },
	{ "followup", audit_followup_cmd },
	{ "risk", audit_risk_cmd },
	{ "export", audit_export_cmd },
	{ NULL, NULL }
};

static int
cmd_audit(const struct cmd_entry *e, struct cmd_ctx *ctx, int argc,
    char **argv)
{
	return cmd_dispatch(e, audit_subs, ctx, argc, argv);
}

const struct cmd_entry cmd_audit_entry = {
	.name = "audit",
	.usage =
	    "nerima-cio audit items [--catalog ID|KIND]... [--fy FY] [-o "
	    "FILE.xlsx]\n"
	    "nerima-cio audit plan --type operational|system|followup "
	    "--target ORG|SYSTEM --date DATE [--org ORG] [--end-date DATE] "
	    "[--place TEXT] [--chief MEMBER] [--auditors NAME,...] "
	    "[--auditees NAME,...] [--catalog ID]... [--my-number | "
	    "--no-my-number] [--title TEXT]\n"
	    "nerima-cio audit score ID [--item REF --result RESULT [--note "
	    "TEXT] [--evidence TEXT]...]\n"
	    "nerima-cio audit show ID\n"
	    "nerima-cio audit list [--fy FY]\n"
	    "nerima-cio audit finding ID NUMBER [--grade GRADE] [--finding "
	    "TEXT] [--correction TEXT] [--due DATE] [--status STATUS] "
	    "[--response TEXT] [--response-date DATE] [--question TEXT] "
	    "[--answer TEXT] [--qa-date DATE]\n"
	    "nerima-cio audit agree ID --by NAME --date DATE [--position "
	    "TEXT]\n"
	    "nerima-cio audit report ID --date DATE\n"
	    "nerima-cio audit followup ID --date DATE [--place TEXT] [--chief "
	    "MEMBER] [--auditors NAME,...]\n"
	    "nerima-cio audit risk ID --risk TEXT [--clause CLAUSE] "
	    "[--analysis TEXT] [--likelihood LEVEL] [--impact LEVEL] "
	    "[--measure TEXT]\n"
	    "nerima-cio audit export paper ID... -o FILE.xlsx\n"
	    "nerima-cio audit export paper --fy FY -o FILE.xlsx\n"
	    "nerima-cio audit export summary ID -o FILE.docx\n"
	    "nerima-cio audit export qa ID -o FILE.docx\n"
	    "nerima-cio audit export results --fy FY -o FILE.docx|FILE.xlsx\n"
	    "nerima-cio audit export risks --fy FY -o FILE.xlsx",
	.desc =
	    "internal security audits: items, plans, scoring, findings, "
	    "reports",
	.help =
	    "   items      list the audit items (監査項目), or export them\n"
	    "   plan       plan an audit, freezing its items into the record\n"
	    "   score      score items at the terminal, each answer saved at "
	    "once\n"
	    "   show       one audit with its compliance rate by chapter\n"
	    "   list       audits of a fiscal year with status and rate\n"
	    "   finding    grade, correction, due date, response, Q&A of a "
	    "finding\n"
	    "   agree      record the agreement with the unit's security "
	    "officer\n"
	    "   report     record the date the results were reported\n"
	    "   followup   a follow-up audit of the open findings\n"
	    "   risk       add a risk surfaced by the audit\n"
	    "   export     監査調書, 概要報告書, 質疑応答書, 実施結果報告書, risks\n"
	    "\n"
	    "RESULT is conform, partial, nonconform, na, unchecked, or 適合,\n"
	    "一部不適合, 不適合, 該当なし, 未確認, or 1 to 5.  See nerima-cio-audit(1).\n",
	.exec = cmd_audit,
};
