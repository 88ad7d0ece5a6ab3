/*
 * nerima-cio review: plan scrutiny (情報化企画審査), procurement opinions
 * (調達実施支援) and system evaluation (システム評価), 3(1)ア(イ) a-c.
 *
 * The rules of each step are in lib/review (review_edit.c): this file
 * reads the options, asks at a terminal, applies a step through
 * cmd_edit_record() and prints.  review add's options come from the
 * schema (opt_schema_table()).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "amount.h"
#include "buf.h"
#include "cal.h"
#include "cmd.h"
#include "i18n.h"
#include "listing.h"
#include "node.h"
#include "opt.h"
#include "parse.h"
#include "prompt.h"
#include "record.h"
#include "review.h"
#include "store.h"
#include "table.h"

extern const struct cmd_entry cmd_review_entry;

static const char *
org_label(struct store *st, const char *code)
{
	const char	*name = NULL;

	if (code != NULL && store_org(&name, NULL, st, code) == 0 &&
	    name != NULL)
		return name;
	error_clear();
	return code != NULL ? code : "";
}

/* The title a schema gives the field at path of a review. */
static const char *
title_of(const struct schema *kind, const char *path)
{
	const char	*t = schema_ui_title(schema_at(kind, path));

	return t != NULL ? t : path;
}

/*
 * A date option given, else today, checked against the review: not
 * before it was received, nor more than a year after its fiscal year
 * ended (review_check_date()).
 */
static int
step_date(struct cal_date *out, const struct optv *ov, const char *opt,
    const struct record *r)
{
	char	what[64];

	if (!opt_date(ov, opt, out))
		*out = cal_today();
	snprintf(what, sizeof what, "--%s", opt);
	if (review_check_date(record_root(r), what, *out) != 0)
		return cmd_error("%s: %s", record_id(r), error_last());
	return 0;
}

/*
 * Every change of a review goes through here: the step, then what its
 * documents would be wrong from (review_check()), refused with every
 * problem named.
 */
struct checked {
	cmd_edit_fn	 fn;
	void		*arg;
	struct store	*st;
};

static int
print_checks(struct store *st, const struct node *rec, const char *id)
{
	const struct node	*conf = NULL;
	struct diags		 d = DIAGS_INIT;
	size_t			 i;
	int			 rc = 0;

	if (store_config(&conf, st) != 0)
		return cmd_lib_error();
	if (review_check(conf, rec, id, &d) != 0) {
		for (i = 0; i < d.n; i++)
			cmd_error("%s: %s", d.v[i].path, d.v[i].msg);
		rc = CMD_FAIL;
	}
	/* told, not refused: the record keeps the decision as taken */
	i = d.n;
	review_warn(conf, rec, id, &d);
	for (; i < d.n; i++)
		cmd_warn("%s: %s", d.v[i].path, d.v[i].msg);
	diags_free(&d);
	return rc;
}

static int
checked_apply(struct record *r, void *arg)
{
	struct checked	*c = arg;
	int		 rc;

	if ((rc = c->fn(r, c->arg)) != 0)
		return rc;
	return print_checks(c->st, record_root(r), record_id(r));
}

static int
edit_review(struct record **out, struct cmd_ctx *ctx, const char *prefix,
    cmd_edit_fn fn, void *arg)
{
	struct checked	c;

	c.fn = fn;
	c.arg = arg;
	if ((c.st = cmd_store(ctx)) == NULL)
		return CMD_FAIL;
	return cmd_edit_record(out, ctx, "review", prefix, checked_apply, &c);
}

/* Print a step's refusal; the record is left as it was. */
static int
refused(const struct record *r)
{
	return cmd_error("%s: %s", record_id(r), error_last());
}

/*
 * review add
 */

static const struct opt add_opts[] = {
	{ "no-input", 0, OPT_FLAG, 0, NULL, NULL, 0, 0,
	  "never ask, even at a terminal" },
	{ "from", 0, OPT_PATH, 0, "FILE", NULL, 0, 0,
	  "start from the fields in a YAML file" },
	{ "cost", 0, OPT_AMOUNT, 0, NULL, NULL, 0, 0,
	  "the first year's initial cost (tax included)" },
	{ "running", 0, OPT_AMOUNT, 0, NULL, NULL, 0, 0,
	  "the first year's running cost" },
	{ "year-cost", 0, OPT_TEXT, OPT_REPEAT, "FY:INITIAL[:RUNNING]", NULL,
	  0, 0, "another year's costs (2027:0:360万円)" },
	OPT_END
};

/* Ask for one field unless it has a value; PROMPT_CANCEL on Ctrl-D. */
static int
ask_field(struct store *st, const struct schema *kind, struct ydoc *doc,
    const char *field, const char *def, int required)
{
	const char	*dot = strchr(field, '.');
	char		*v = NULL;
	int		 rc;

	if (dot == NULL ? node_get(ydoc_root(doc), field) != NULL :
	    node_get(node_get(ydoc_root(doc), "security"), dot + 1) != NULL)
		return 0;
	if ((rc = prompt_prop(&v, st, schema_at(kind, field), def,
	    required)) != 0)
		return rc;
	if (v != NULL && record_set_field(doc, ydoc_root(doc), field, v, 0) !=
	    0)
		rc = PROMPT_CANCEL;
	free(v);
	return rc;
}

/* A plan's costs: initial and yearly running cost over some years. */
static int
ask_costs(struct store *st, const struct schema *kind, struct ydoc *doc)
{
	const char	*rcv = node_get_str(ydoc_root(doc), "received");
	char		*ini = NULL, *run = NULL, *years = NULL;
	struct cal_date	 d;
	long long	 n, a = 0, b = 0;
	long		 i;
	int		 rc;

	if (node_get(ydoc_root(doc), "costs") != NULL)
		return 0;
	if ((rc = prompt_prop(&ini, st, schema_at(kind, "costs.initial"), "0",
	    1)) != 0 ||
	    (rc = prompt_prop(&run, st, schema_at(kind, "costs.running"), "0",
	    1)) != 0 ||
	    (rc = prompt_line(&years, "運用経費を計上する年数", "5", 1)) != 0)
		goto done;
	if (parse_int(&n, years, 1, 10) != 0)
		n = 5;
	if (rcv == NULL || cal_parse_iso(&d, rcv) != 0)
		d = cal_today();
	a = strtoll(ini, NULL, 10);
	b = strtoll(run, NULL, 10);
	/* Initial cost in the first year, running cost in the following. */
	for (i = 0; i <= (b != 0 ? n : 0); i++)
		if (review_add_cost(doc, ydoc_root(doc), cal_fy(d) + (int)i,
		    i == 0 ? a : 0, i == 0 ? 0 : b, 0) != 0) {
			rc = PROMPT_CANCEL;
			goto done;
		}
done:
	free(ini);
	free(run);
	free(years);
	return rc;
}

static int
ask_all(struct store *st, const struct schema *kind, struct ydoc *doc)
{
	const char *const	*list;
	const char		*type, *need;
	char			 day[CAL_FMT_MAX];
	size_t			 i;

	cal_format_iso(day, sizeof day, cal_today());
	if (ask_field(st, kind, doc, "type", NULL, 1) ||
	    ask_field(st, kind, doc, "title", NULL, 1) ||
	    ask_field(st, kind, doc, "org", NULL, 1) ||
	    ask_field(st, kind, doc, "received", day, 1))
		return PROMPT_CANCEL;
	/* One reviewer at the start; more with nerima-cio edit. */
	if (node_get(ydoc_root(doc), "reviewers") == NULL) {
		char	*who = NULL;

		if (prompt_prop(&who, st, schema_items(schema_at(kind,
		    "reviewers")), NULL, 0) != 0)
			return PROMPT_CANCEL;
		if (who != NULL && record_set_field(doc, ydoc_root(doc),
		    "reviewers", who, 1) != 0) {
			free(who);
			return PROMPT_CANCEL;
		}
		free(who);
	}
	type = node_get_str(ydoc_root(doc), "type");
	need = review_type_required(type);
	list = review_ask_fields(type);
	for (i = 0; list[i] != NULL; i++)
		if (ask_field(st, kind, doc, list[i], NULL, need != NULL &&
		    strcmp(need, list[i]) == 0))
			return PROMPT_CANCEL;
	if (type == NULL || strcmp(type, "plan") != 0)
		return 0;
	if (ask_costs(st, kind, doc) ||
	    ask_field(st, kind, doc, "security.personal_info", NULL, 0) ||
	    ask_field(st, kind, doc, "security.my_number", NULL, 0) ||
	    ask_field(st, kind, doc, "security.cloud", NULL, 0))
		return PROMPT_CANCEL;
	if (node_scalar_eq(node_get(node_get(ydoc_root(doc), "security"),
	    "cloud"), "true") &&
	    ask_field(st, kind, doc, "security.cloud_service", NULL, 0))
		return PROMPT_CANCEL;
	return 0;
}

/* --year-cost FY:INITIAL[:RUNNING] */
static int
add_year_cost(struct ydoc *doc, const struct optv *ov, const char *arg)
{
	char		 buf[256], *ini, *run;
	long long	 a, b = -1;
	int		 fy;

	snprintf(buf, sizeof buf, "%s", arg);
	if ((ini = strchr(buf, ':')) == NULL)
		return opt_bad_usage(ov->entry, ov->sub, _("--year-cost: "
		    "expected FY:INITIAL[:RUNNING], not '%s'"), arg);
	*ini++ = '\0';
	if ((run = strchr(ini, ':')) != NULL)
		*run++ = '\0';
	if (parse_fy(&fy, buf) != 0 || amount_parse(&a, ini) != 0 ||
	    (run != NULL && amount_parse(&b, run) != 0))
		return opt_bad_usage(ov->entry, ov->sub, _("--year-cost: %s"),
		    error_last());
	if (review_add_cost(doc, ydoc_root(doc), fy, a, b, 0) != 0)
		return cmd_lib_error();
	return 0;
}

/* Every required field missing, at once, by its option. */
static int
missing_fields(const struct schema *kind, const struct optv *ov,
    struct ydoc *doc)
{
	const char	*want[5] = { "type", "title", "org", "received", NULL };
	const char	*opt, *p;
	struct buf	 b = BUF_INIT;
	size_t		 i, k, n = 0;

	want[4] = review_type_required(node_get_str(ydoc_root(doc), "type"));
	for (i = 0; i < 5; i++) {
		if (want[i] == NULL || node_get(ydoc_root(doc), want[i]) !=
		    NULL)
			continue;
		opt = want[i];
		for (k = 0; ov->opts[k].name != NULL; k++)
			if (ov->opts[k].values != NULL &&
			    (p = strchr(ov->opts[k].values, ':')) != NULL &&
			    strcmp(p + 1, want[i]) == 0)
				opt = ov->opts[k].name;
		buf_printf(&b, "%s--%s (%s)", n++ ? ", " : "", opt,
		    title_of(kind, want[i]));
	}
	if (n > 0)
		cmd_error(n > 1 ? _("missing required fields: %s") :
		    _("missing required field: %s"), b.data);
	buf_free(&b);
	return n > 0 ? CMD_FAIL : 0;
}

static int
review_add_cmd(struct cmd_ctx *ctx, struct optv *ov)
{
	struct store		*st;
	const struct schema	*kind;
	struct review_ctx	*rctx = NULL;
	struct ydoc		*doc = NULL;
	const char		*from = opt_get(ov, "from");
	size_t			 i;
	int			 rc = CMD_FAIL;

	if ((st = cmd_store(ctx)) == NULL)
		return CMD_FAIL;
	if (store_kind(&kind, st, "review") != 0 ||
	    review_ctx_new(&rctx, st) != 0)
		return cmd_lib_error();
	if ((from != NULL ? cmd_load_fields(&doc, from) :
	    cmd_new_fields(&doc)) != CMD_OK)
		goto done;
	/* Options, in table order, each already read by its type. */
	if (opt_set_fields(doc, ydoc_root(doc), ov, add_opts) != 0) {
		cmd_lib_error();
		goto done;
	}
	for (i = 0; i < opt_count(ov, "year-cost"); i++)
		if ((rc = add_year_cost(doc, ov, opt_at(ov, "year-cost", i))) !=
		    0)
			goto done;
	rc = CMD_FAIL;
	if (!opt_has(ov, "no-input") && prompt_interactive() &&
	    ask_all(st, kind, doc) != 0) {
		rc = prompt_cancelled();
		goto done;
	}
	/* --cost and --running: the first year, before any --year-cost. */
	if ((opt_has(ov, "cost") || opt_has(ov, "running")) &&
	    review_add_cost(doc, ydoc_root(doc), 0, opt_num(ov, "cost", 0),
	    opt_num(ov, "running", -1), 1) != 0) {
		cmd_lib_error();
		goto done;
	}
	if (review_fill_new(doc, ydoc_root(doc), kind, review_ctx_cal(rctx))
	    != 0) {
		cmd_lib_error();
		goto done;
	}
	if (missing_fields(kind, ov, doc) != 0 ||
	    print_checks(st, ydoc_root(doc), _("new review")) != 0)
		goto done;
	rc = cmd_create_record(st, kind, doc, _("review"));
done:
	ydoc_free(doc);
	review_ctx_free(rctx);
	return rc;
}

/* review add's options: the fixed ones and one per field of the schema. */
static int
review_sub_opts(struct opt **out, struct cmd_ctx *ctx, const struct subcmd *s)
{
	if (strcmp(s->name, "add") != 0)
		return 0;
	return opt_schema_table(out, add_opts, ctx, "review") == 0 ? 1 : -1;
}

/*
 * review hearing
 */

struct hearing {
	const struct optv	*ov;
	const char		**answers;	/* typed at the terminal too */
	size_t			 nanswers;
	const char		**questions;
	size_t			 nquestions;
	const char		*method;
	long			 round;		/* made */
};

static int
hearing_answer(struct record *r, void *arg)
{
	struct hearing	*h = arg;
	struct cal_date	 d;
	int		 given = opt_has(h->ov, "answered");

	if (given && step_date(&d, h->ov, "answered", r) != 0)
		return CMD_FAIL;
	if (review_hearing_answer(r->doc, record_root(r), opt_num(h->ov,
	    "round", 0), h->answers, h->nanswers, given ? &d : NULL,
	    cal_today()) != 0) {
		if (error_code() == NC_ENOTFOUND && !opt_has(h->ov, "round"))
			return cmd_error(_("%s: %s; send questions first "
			    "(--question)"), record_id(r), error_last());
		return refused(r);
	}
	return 0;
}

static int
hearing_ask(struct record *r, void *arg)
{
	struct hearing		*h = arg;
	struct review_round_new	 in;
	struct cal_date		 due;

	memset(&in, 0, sizeof in);
	if (step_date(&in.sent, h->ov, "sent", r) != 0)
		return CMD_FAIL;
	if (opt_has(h->ov, "due")) {
		if (step_date(&due, h->ov, "due", r) != 0)
			return CMD_FAIL;
		in.due = &due;
	}
	in.method = h->method;
	in.questions = h->questions;
	in.nquestions = h->nquestions;
	if (review_hearing_ask(r->doc, record_root(r), &in, &h->round) != 0)
		return refused(r);
	return 0;
}

/* Append s to a list of strings. */
static int
push(const char ***v, size_t *n, const char *s)
{
	const char	**nv;

	if ((nv = realloc(*v, (*n + 1) * sizeof *nv)) == NULL)
		return cmd_error(_("out of memory"));
	*v = nv;
	nv[(*n)++] = s;
	return 0;
}

/* Keep a string typed at the terminal, to free at the end. */
static int
keep(char ***owned, size_t *n, char *s)
{
	char	**nv;

	if ((nv = realloc(*owned, (*n + 1) * sizeof *nv)) == NULL) {
		free(s);
		return cmd_error(_("out of memory"));
	}
	*owned = nv;
	nv[(*n)++] = s;
	return 0;
}

/*
 * At a terminal, without questions or answers given: the open questions
 * of the latest round are asked for their answers; without open
 * questions, a new round's questions are asked.  What is typed is
 * applied afterwards, under the lock.
 */
static int
hearing_prompts(struct hearing *h, struct cmd_ctx *ctx, const char *id,
    char ***owned, size_t *nowned)
{
	struct store		*st = cmd_store(ctx);
	const struct schema	*kind;
	struct record		*r = NULL;
	struct node		*round, *items;
	char			*v, *a, label[32], buf[32];
	size_t			 i;
	long			 k;
	int			 rc = CMD_FAIL;

	if (st == NULL || cmd_read_record(&r, ctx, "review", id) != CMD_OK)
		return CMD_FAIL;
	if (store_kind(&kind, st, "review") != 0) {
		rc = cmd_lib_error();
		goto done;
	}
	round = review_round(record_root(r), opt_num(h->ov, "round", 0));
	if (round != NULL && review_round_unanswered(round) > 0) {
		items = node_get(round, "items");
		for (i = 0; items != NULL && i < items->n; i++) {
			if (node_get(items->u.items[i], "answer") != NULL)
				continue;
			fprintf(stderr, "質問%zu: %s\n", i + 1,
			    node_get_str(items->u.items[i], "question"));
			if (prompt_line(&v, "  所管課回答", NULL, 0) != 0) {
				rc = prompt_cancelled();
				goto done;
			}
			if (v == NULL)
				continue;
			/* Addressed to its question: N:TEXT. */
			snprintf(buf, sizeof buf, "%zu:", i + 1);
			if ((a = malloc(strlen(buf) + strlen(v) + 1)) != NULL)
				sprintf(a, "%s%s", buf, v);
			free(v);
			if (a == NULL) {
				rc = cmd_error(_("out of memory"));
				goto done;
			}
			if (keep(owned, nowned, a) != 0 ||
			    push(&h->answers, &h->nanswers, a) != 0)
				goto done;
		}
		rc = CMD_OK;
		goto done;
	}
	if (h->method == NULL) {
		if (prompt_prop(&v, st, schema_at(kind, "hearings.method"),
		    NULL, 1) != 0) {
			rc = prompt_cancelled();
			goto done;
		}
		if (v == NULL || keep(owned, nowned, v) != 0)
			goto done;
		h->method = v;
	}
	fprintf(stderr, "質問を1件ずつ入力してください（空行で終了）\n");
	for (k = 1;; k++) {
		snprintf(label, sizeof label, "質問%ld", k);
		if (prompt_line(&v, label, NULL, 0) != 0) {
			rc = prompt_cancelled();
			goto done;
		}
		if (v == NULL)
			break;
		if (keep(owned, nowned, v) != 0 ||
		    push(&h->questions, &h->nquestions, v) != 0)
			goto done;
	}
	rc = CMD_OK;
done:
	record_free(r);
	return rc;
}

static int
review_hearing_cmd(struct cmd_ctx *ctx, struct optv *ov)
{
	struct hearing	 h;
	char		**owned = NULL;
	size_t		 nowned = 0, i, nq = opt_count(ov, "question");
	size_t		 na = opt_count(ov, "answer");
	int		 rc = CMD_FAIL, answering;

	if (nq > 0 && (na > 0 || opt_has(ov, "answered")))
		return opt_bad_usage(ov->entry, ov->sub, _("send questions and "
		    "record answers in separate steps"));
	memset(&h, 0, sizeof h);
	h.ov = ov;
	h.method = opt_get(ov, "method");
	for (i = 0; i < nq; i++)
		if (push(&h.questions, &h.nquestions,
		    opt_at(ov, "question", i)) != 0)
			goto done;
	for (i = 0; i < na; i++)
		if (push(&h.answers, &h.nanswers, opt_at(ov, "answer", i)) !=
		    0)
			goto done;
	if (nq == 0 && na == 0 && prompt_interactive() &&
	    hearing_prompts(&h, ctx, ov->argv[0], &owned, &nowned) != CMD_OK)
		goto done;
	answering = h.nanswers > 0 || (h.nquestions == 0 &&
	    opt_has(ov, "answered"));
	if (!answering && h.nquestions == 0 && !prompt_interactive()) {
		rc = opt_bad_usage(ov->entry, ov->sub, _("nothing to record: "
		    "give --question TEXT or --answer TEXT"));
		goto done;
	}
	if (answering)
		rc = edit_review(NULL, ctx, ov->argv[0], hearing_answer, &h);
	else if ((rc = edit_review(NULL, ctx, ov->argv[0], hearing_ask,
	    &h)) == CMD_OK)
		fprintf(stderr, _("round %ld: %zu question%s\n"), h.round,
		    h.nquestions, h.nquestions == 1 ? "" : "s");
done:
	for (i = 0; i < nowned; i++)
		free(owned[i]);
	free(owned);
	free(h.questions);
	free(h.answers);
	return rc;
}

/*
 * review assess
 */

struct assess {
	const struct optv		*ov;
	struct review_assessment	*v;	/* steps, in order */
	size_t				 n;
};

static int
assess_apply(struct record *r, void *arg)
{
	struct assess	*a = arg;
	struct cal_date	 d, on;
	size_t		 i;

	/*
	 * The day of the assessment, logged in status_history: recorded
	 * later (minutes typed up after the week), it was today's date,
	 * and `review list --as-of` and the reports showed the review 受付
	 * on days it was 精査済.
	 */
	if (opt_has(a->ov, "date")) {
		if (step_date(&on, a->ov, "date", r) != 0)
			return CMD_FAIL;
		for (i = 0; i < a->n; i++)
			a->v[i].on = &on;
	}
	if (opt_has(a->ov, "submitted")) {
		if (step_date(&d, a->ov, "submitted", r) != 0)
			return CMD_FAIL;
		a->v[a->n - 1].submitted = &d;
	}
	for (i = 0; i < a->n; i++)
		if (review_assess(r->doc, record_root(r), &a->v[i]) != 0)
			return refused(r);
	return 0;
}

/*
 * At a terminal without options: findings one viewpoint at a time until
 * an empty answer, then the overall view and the proposed result; the
 * record is read for the earlier answers, shown as defaults.
 */
static int
assess_prompts(struct assess *a, struct cmd_ctx *ctx, const char *id,
    char ***owned, size_t *nowned)
{
	static const char *const fields[] = { "rating", "check", "answer",
	    "comment", NULL };
	struct store			*st = cmd_store(ctx);
	const struct schema		*kind;
	struct record			*r = NULL;
	struct review_assessment	*nv, *s;
	const struct node		*f, *fs;
	char				*vp = NULL, *v, path[64];
	const char			**slot[4];
	size_t				 i, k;
	int				 rc = CMD_FAIL;

	if (st == NULL || cmd_read_record(&r, ctx, "review", id) != CMD_OK)
		return CMD_FAIL;
	if (store_kind(&kind, st, "review") != 0) {
		rc = cmd_lib_error();
		goto done;
	}
	for (;;) {
		if (prompt_prop(&vp, st, schema_at(kind, "findings.viewpoint"),
		    NULL, 0) != 0) {
			rc = prompt_cancelled();
			goto done;
		}
		if (vp == NULL)
			break;
		if (keep(owned, nowned, vp) != 0)
			goto done;
		if ((nv = realloc(a->v, (a->n + 2) * sizeof *nv)) == NULL) {
			rc = cmd_error(_("out of memory"));
			goto done;
		}
		a->v = nv;
		s = &a->v[a->n++];
		memset(s, 0, sizeof *s);
		s->viewpoint = vp;
		slot[0] = &s->rating;
		slot[1] = &s->check;
		slot[2] = &s->answer;
		slot[3] = &s->comment;
		/* The finding as recorded, for the defaults. */
		fs = node_get(record_root(r), "findings");
		for (f = NULL, k = 0; fs != NULL && fs->kind == NODE_SEQ &&
		    k < fs->n; k++)
			if (node_scalar_eq(node_get(fs->u.items[k],
			    "viewpoint"), vp))
				f = fs->u.items[k];
		for (i = 0; fields[i] != NULL; i++) {
			snprintf(path, sizeof path, "findings.%s", fields[i]);
			if (prompt_prop(&v, st, schema_at(kind, path),
			    node_get_str(f, fields[i]), i == 0) != 0) {
				rc = prompt_cancelled();
				goto done;
			}
			if (v != NULL && keep(owned, nowned, v) != 0)
				goto done;
			*slot[i] = v;
		}
	}
	if ((nv = realloc(a->v, (a->n + 1) * sizeof *nv)) == NULL) {
		rc = cmd_error(_("out of memory"));
		goto done;
	}
	a->v = nv;
	s = &a->v[a->n++];
	memset(s, 0, sizeof *s);
	if (prompt_prop(&v, st, schema_at(kind, "overall"),
	    node_get_str(record_root(r), "overall"), 0) != 0) {
		rc = prompt_cancelled();
		goto done;
	}
	if (v != NULL && keep(owned, nowned, v) != 0)
		goto done;
	s->overall = v;
	if (prompt_prop(&v, st, schema_at(kind, "proposed_result"),
	    node_get_str(record_root(r), "proposed_result"), 0) != 0) {
		rc = prompt_cancelled();
		goto done;
	}
	if (v != NULL && keep(owned, nowned, v) != 0)
		goto done;
	s->proposed = v;
	/*
	 * A conditional 判定案's conditions (条件案), one at a time until
	 * an empty answer; none given keeps those recorded.
	 */
	if ((v != NULL ? strcmp(v, "conditional") == 0 :
	    node_scalar_eq(node_get(record_root(r), "proposed_result"),
	    "conditional")) && node_get(record_root(r), "decision") == NULL) {
		const char	**conds = NULL, **nc;

		for (;;) {
			if (prompt_prop(&v, st, schema_items(schema_at(kind,
			    "proposed_conditions")), NULL, 0) != 0) {
				free(conds);
				rc = prompt_cancelled();
				goto done;
			}
			if (v == NULL)
				break;
			if (keep(owned, nowned, v) != 0) {
				free(conds);
				goto done;
			}
			if ((nc = realloc(conds, (s->nconditions + 1) *
			    sizeof *nc)) == NULL) {
				free(conds);
				rc = cmd_error(_("out of memory"));
				goto done;
			}
			conds = nc;
			conds[s->nconditions++] = v;
		}
		/* the list itself is freed with the answers */
		if (conds != NULL && keep(owned, nowned, (char *)conds) != 0)
			goto done;
		s->conditions = conds;
	}
	rc = CMD_OK;
done:
	record_free(r);
	return rc;
}

static int
review_assess_cmd(struct cmd_ctx *ctx, struct optv *ov)
{
	struct review_assessment	 one;
	struct assess			 a;
	const char			**conds = NULL;
	char				**owned = NULL;
	size_t				 nowned = 0, i;
	int				 rc, any;

	if (!opt_has(ov, "viewpoint") && (opt_has(ov, "rating") ||
	    opt_has(ov, "check") || opt_has(ov, "answer") ||
	    opt_has(ov, "comment")))
		return opt_bad_usage(ov->entry, ov->sub, _("--rating, --check, "
		    "--answer and --comment describe the finding of a "
		    "--viewpoint"));
	if (opt_has(ov, "target") && !opt_has(ov, "opinion"))
		return opt_bad_usage(ov->entry, ov->sub, _("--target goes with "
		    "--opinion"));
	any = opt_has(ov, "viewpoint") || opt_has(ov, "overall") ||
	    opt_has(ov, "proposed") || opt_has(ov, "condition") ||
	    opt_has(ov, "opinion") || opt_has(ov, "submitted");
	if (!any && !prompt_interactive())
		return opt_bad_usage(ov->entry, ov->sub, _("nothing to record: "
		    "give --viewpoint and --rating, --overall, --proposed, "
		    "--condition, --opinion or --submitted"));
	memset(&a, 0, sizeof a);
	a.ov = ov;
	if (!any) {
		if ((rc = assess_prompts(&a, ctx, ov->argv[0], &owned,
		    &nowned)) != CMD_OK)
			goto done;
	} else {
		memset(&one, 0, sizeof one);
		one.viewpoint = opt_get(ov, "viewpoint");
		one.rating = opt_get(ov, "rating");
		one.check = opt_get(ov, "check");
		one.answer = opt_get(ov, "answer");
		one.comment = opt_get(ov, "comment");
		one.overall = opt_get(ov, "overall");
		one.proposed = opt_get(ov, "proposed");
		one.nconditions = opt_count(ov, "condition");
		if (one.nconditions > 0 && (conds = calloc(one.nconditions,
		    sizeof *conds)) == NULL) {
			rc = cmd_error(_("out of memory"));
			goto done;
		}
		for (i = 0; i < one.nconditions; i++)
			conds[i] = opt_at(ov, "condition", i);
		one.conditions = conds;
		one.opinion = opt_get(ov, "opinion");
		one.target = opt_get(ov, "target");
		a.v = &one;
		a.n = 1;
	}
	rc = edit_review(NULL, ctx, ov->argv[0], assess_apply, &a);
done:
	for (i = 0; i < nowned; i++)
		free(owned[i]);
	free(owned);
	if (any)
		a.v = NULL;
	free(a.v);
	free(conds);
	return rc;
}

/*
 * review decide
 */

struct decide {
	const struct optv	*ov;
	const struct node	*config;
	struct review_approval	 approval;
};

static int
decide_apply(struct record *r, void *arg)
{
	struct decide			*dc = arg;
	const struct optv		*ov = dc->ov;
	struct review_decision_in	 in;
	const struct node		*root = record_root(r);
	const char			*id = record_id(r), *was;
	const char			**conds, **reasons = NULL;
	size_t				 i;
	int				 rc = CMD_FAIL;

	if (node_scalar_eq(node_get(root, "type"), "procurement"))
		return cmd_error(_("%s is a procurement opinion: it is "
		    "submitted, not decided (review assess %s --submitted "
		    "DATE)"), id, id);
	memset(&in, 0, sizeof in);
	in.result = opt_get(ov, "result");
	in.nconditions = opt_count(ov, "condition");
	if ((conds = calloc(in.nconditions + 1, sizeof *conds)) == NULL)
		return cmd_error(_("out of memory"));
	for (i = 0; i < in.nconditions; i++)
		conds[i] = opt_at(ov, "condition", i);
	in.conditions = conds;
	in.nreasons = opt_count(ov, "reason");
	if ((reasons = calloc(in.nreasons + 1, sizeof *reasons)) == NULL) {
		cmd_error(_("out of memory"));
		goto done;
	}
	for (i = 0; i < in.nreasons; i++)
		reasons[i] = opt_at(ov, "reason", i);
	in.reasons = reasons;
	in.notice_no = opt_get(ov, "notice-no");
	in.force = opt_has(ov, "force");
	/* none given: the 判定案's (review assess --condition) */
	if (strcmp(in.result, "conditional") == 0 && in.nconditions == 0) {
		const struct node *pc = node_get(root, "proposed_conditions");

		for (i = 0; pc != NULL && pc->kind == NODE_SEQ && i < pc->n;
		    i++) {
			const char	**nc;

			if (pc->u.items[i]->kind != NODE_SCALAR)
				continue;
			if ((nc = realloc(conds, (in.nconditions + 2) *
			    sizeof *nc)) == NULL) {
				cmd_error(_("out of memory"));
				goto done;
			}
			conds = nc;
			conds[in.nconditions++] = pc->u.items[i]->u.s.str;
		}
		in.conditions = conds;
	}
	if (strcmp(in.result, "conditional") == 0 && in.nconditions == 0) {
		cmd_error(_("a conditional decision needs its conditions "
		    "(--condition TEXT, or the proposed result's: review "
		    "assess --condition)"));
		goto done;
	}
	if (strcmp(in.result, "conditional") != 0 && in.nconditions > 0) {
		cmd_error(_("--condition goes with --result conditional, not "
		    "'%s'"), in.result);
		goto done;
	}
	/* the notice of a 否 says why: the division cannot act on less */
	if (strcmp(in.result, "reject") == 0 && in.nreasons == 0) {
		cmd_error(_("a rejection needs its reasons (--reason TEXT): "
		    "the decision notice states them"));
		goto done;
	}
	if (strcmp(in.result, "reject") != 0 && in.nreasons > 0) {
		cmd_error(_("--reason goes with --result reject, not '%s'"),
		    in.result);
		goto done;
	}
	if (!review_has_findings(root)) {
		if (!in.force) {
			cmd_warn(_("%s has no findings (review assess %s "
			    "--viewpoint ...)"), id, id);
			cmd_error(_("not decided; use --force to decide "
			    "without findings"));
			goto done;
		}
		cmd_warn(_("%s has no findings; deciding anyway (--force)"),
		    id);
	}
	if (step_date(&in.date, ov, "date", r) != 0)
		goto done;
	was = node_get_str(node_get(root, "decision"), "date");
	if (node_get(root, "decision") != NULL)
		cmd_warn(_("replacing the earlier decision of %s"),
		    was != NULL ? was : "?");
	if (review_decide(r->doc, record_root(r), dc->config, &in,
	    &dc->approval) != 0) {
		refused(r);
		goto done;
	}
	rc = 0;
done:
	free(conds);
	free(reasons);
	return rc;
}

static int
review_decide_cmd(struct cmd_ctx *ctx, struct optv *ov)
{
	struct decide		 dc;
	struct store		*st;
	const struct schema	*kind;
	struct record		*r = NULL;
	const struct review_approval *a = &dc.approval;
	const char		*t;
	char			 yen[32], lim[32];

	memset(&dc, 0, sizeof dc);
	dc.ov = ov;
	if ((st = cmd_store(ctx)) == NULL)
		return CMD_FAIL;
	if (store_kind(&kind, st, "review") != 0 ||
	    store_config(&dc.config, st) != 0)
		return cmd_lib_error();
	if (edit_review(&r, ctx, ov->argv[0], decide_apply, &dc) != CMD_OK)
		return CMD_FAIL;
	printf(_("%s: %s\n"), title_of(kind, "decision.result"),
	    schema_label(kind, "decision.result", opt_get(ov, "result")));
	if (a->code != NULL) {
		t = a->title != NULL ? a->title :
		    schema_label(kind, "decision.approver", a->code);
		amount_format(yen, sizeof yen, a->cost);
		printf(_("%s: %s (%s)\n"), title_of(kind, "decision.approver"),
		    t, a->code);
		printf(_("  区分 %s, 経費 %s円 (%s)"), node_get_str(record_root(r),
		    "category"), yen, a->basis);
		if (a->below >= 0) {
			amount_format(lim, sizeof lim, a->below);
			printf(" < %s円", lim);
		}
		printf(": %s approval.rules[%zu]\n", STORE_MARKER, a->rule + 1);
	}
	record_free(r);
	return CMD_OK;
}

/*
 * review list
 */

struct lrow {
	struct record	*r;
	const char	*received;
	size_t		 ref;		/* its file in the scan */
	long		 over;		/* business days past due, by keep() */
};

static int
lrow_cmp(const void *a, const void *b)
{
	const struct lrow	*x = a, *y = b;
	int			 c;

	if ((c = strcmp(x->received != NULL ? x->received : "",
	    y->received != NULL ? y->received : "")) != 0)
		return c;
	return strcmp(x->r->relpath, y->r->relpath);
}

static void
free_reviews(struct lrow *v, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++)
		record_free(v[i].r);
	free(v);
}

/*
 * Which rows a listing shows: keep() is called with each record as it is
 * loaded, and the records it does not want are freed at once, so a list
 * of a few rows out of ten years does not hold every year's records
 * (issue 15: each tree has its own arena; 660 of them kept were a
 * thousand page faults of `review list --overdue`).  1 keep, 0 not, -1
 * on an error, its message printed; *over is what the row shows as its
 * business days past due.
 */
typedef int	(*lrow_keep)(void *, const struct node *root, long *over);

/*
 * Load every review of a year (0: all), sorted by date received: whole,
 * or only the top-level fields in want (nwant > 0: see
 * record_load_fields()); only those keep() wants when it is not NULL.
 * l is the scan, kept for reloading a row.
 */
static int
load_reviews(struct lrow **out, size_t *nout, struct reclist *l,
    struct store *st, const struct schema *kind, int fy,
    const char *const *want, size_t nwant, lrow_keep keep, void *arg)
{
	struct diags	 d = DIAGS_INIT;
	struct lrow	*v = NULL;
	size_t		 i, n = 0;
	int		 rc;

	*out = NULL;
	*nout = 0;
	if (store_scan(l, st, kind, fy, NULL) != 0)
		return cmd_lib_error();
	if (l->n > 0 && (v = calloc(l->n, sizeof *v)) == NULL)
		return cmd_error(_("out of memory"));
	for (i = 0; i < l->n; i++) {
		rc = nwant > 0 ? record_load_fields(&v[n].r, st, &l->v[i], &d,
		    want, nwant) : record_load(&v[n].r, st, &l->v[i], &d);
		if (rc != 0) {
			cmd_print_diags(stderr, &d);
			diags_free(&d);
			cmd_warn(_("skipping %s: %s"), l->v[i].relpath,
			    error_last());
			continue;
		}
		v[n].over = 0;
		if (keep != NULL && (rc = keep(arg, record_root(v[n].r),
		    &v[n].over)) != 1) {
			record_free(v[n].r);
			v[n].r = NULL;
			if (rc == 0)
				continue;
			free_reviews(v, n);
			return CMD_FAIL;
		}
		v[n].received = record_field(v[n].r, "received");
		v[n].ref = i;
		n++;
	}
	if (n > 0)
		qsort(v, n, sizeof *v, lrow_cmp);
	*out = v;
	*nout = n;
	return CMD_OK;
}

/* The filters of review list. */
struct lfilter {
	struct optv		*ov;
	const struct cal	*cal;
	struct cal_date		 asof;
	const char		*type;
	size_t			 nst;
	int			 overdue;
	int			 on;	/* --as-of: the list as it stood */
};

/*
 * A review's status at the end of the --as-of day (review_status_on():
 * its status_history, else its dates), NULL when not received by then;
 * without --as-of the record's own.
 */
static const char *
status_shown(const struct lfilter *f, const struct node *root)
{
	return f->on ? review_status_on(root, f->asof) :
	    node_get_str(root, "status");
}

/*
 * The lrow_keep of review list: whether it shows a review (its --type,
 * --status and --overdue filters, arg a struct lfilter): 1 with *over
 * its business days past due, 0 not, -1 with the error printed.
 */
static int
lfilter_keep(void *arg, const struct node *root, long *over)
{
	const struct lfilter	*f = arg;
	const char		*status = status_shown(f, root);
	size_t			 k;
	int			 hit;

	*over = 0;
	if (f->type != NULL && !node_scalar_eq(node_get(root, "type"),
	    f->type))
		return 0;
	if (status == NULL)
		return 0;	/* received after the --as-of day */
	for (hit = f->nst == 0, k = 0; k < f->nst; k++)
		if (strcmp(status, opt_at(f->ov, "status", k)) == 0)
			hit = 1;
	if (!hit)
		return 0;
	if (review_overdue_on(over, f->cal, root, status, f->asof) != 0) {
		cmd_lib_error();
		return -1;
	}
	return !f->overdue || *over > 0;
}

static int
review_list_cmd(struct cmd_ctx *ctx, struct optv *ov)
{
	struct store		*st;
	struct review_ctx	*rctx = NULL;
	const struct schema	*kind;
	struct lrow		*rows = NULL;
	struct table		*t = NULL;
	struct buf		 out = BUF_INIT;
	struct cal_date		 asof = cal_today(), due;
	const struct node	*root;
	static const char *const keys[] = { "id", "received", "org",
	    "title", "status", "days_open", "due", "overdue_days" };
	static const char *const want[] = { "id", "received", "org",
	    "title", "status", "type", "due", "submitted", "decision" };
	const size_t		 nshort = 7;
	struct reclist		 refs = RECLIST_INIT;
	struct record		*whole = NULL;
	struct diags		 d = DIAGS_INIT;
	struct lfilter		 lf;
	const char		*cells[8], *status;
	struct cal_date		 closed;
	const char		*path = opt_get(ov, "output");
	const char		*format = listing_format(opt_get(ov, "format"),
				    path);
	char			 iso[CAL_FMT_MAX], days[32], overs[32];
	char			 duebuf[CAL_FMT_MAX + 48];
	size_t			 i, n = 0;
	long			 open, over;
	int			 rc = CMD_FAIL, overdue, data;

	overdue = opt_has(ov, "overdue");
	/* csv and json: stored values (codes, ISO dates), English keys */
	data = strcmp(format, "table") != 0;
	opt_date(ov, "as-of", &asof);
	if ((st = cmd_store(ctx)) == NULL)
		return CMD_FAIL;
	if (store_kind(&kind, st, "review") != 0 ||
	    review_ctx_new(&rctx, st) != 0)
		return cmd_lib_error();
	/*
	 * Only the fields the list shows and its filters and dates read
	 * (issue 15).  With --overdue, first those that decide whether a
	 * review is past due (its status, type, received and due, leading
	 * fields of every review); the dates that end the review, which
	 * days_open reads, are loaded only for the rows shown.  No fiscal
	 * year can be left unread: nothing ties a review's due date to its
	 * year, so a review of any year can be open past its due date.
	 */
	lf.ov = ov;
	lf.cal = review_ctx_cal(rctx);
	lf.asof = asof;
	lf.type = opt_get(ov, "type");
	lf.nst = opt_count(ov, "status");
	lf.overdue = overdue;
	/*
	 * --as-of: the list as it stood at the end of the day, for "what
	 * was pending on 9/30" at a progress meeting: the reviews received
	 * by then with their status then, which the status history and
	 * the hearings' dates tell (whole records).  It used to count the
	 * days to the day and show today's status, and list reviews
	 * received after it.
	 */
	lf.on = opt_has(ov, "as-of");
	if (load_reviews(&rows, &n, &refs, st, kind, (int)opt_num(ov, "fy",
	    0), want, lf.on ? 0 : overdue ? nshort : sizeof want /
	    sizeof want[0], lfilter_keep, &lf) != CMD_OK)
		goto done;
	if ((t = table_new(data ? 8 : 7)) == NULL) {
		cmd_lib_error();
		goto done;
	}
	for (i = 0; data && i < 8; i++)
		table_set_header(t, i, keys[i], i == 5 || i == 7);
	if (!data)
		table_set_header(t, 0, "ID", 0);
	if (!data) {
		table_set_header(t, 1, title_of(kind, "received"), 0);
		table_set_header(t, 2, title_of(kind, "org"), 0);
		table_set_header(t, 3, title_of(kind, "title"), 0);
		table_set_header(t, 4, title_of(kind, "status"), 0);
		table_set_header(t, 5, _("Days"), 1);
		table_set_header(t, 6, _("Due"), 0);
	}
	for (i = 0; i < n; i++) {
		root = record_root(rows[i].r);
		over = rows[i].over;
		if (overdue && !lf.on) {
			record_free(whole);
			if (record_load_fields(&whole, st,
			    &refs.v[rows[i].ref], &d, want,
			    sizeof want / sizeof want[0]) != 0) {
				cmd_print_diags(stderr, &d);
				diags_free(&d);
				cmd_warn(_("skipping %s: %s"),
				    refs.v[rows[i].ref].relpath, error_last());
				continue;
			}
			root = record_root(whole);
		}
		status = status_shown(&lf, root);
		days[0] = '\0';
		if ((status == NULL || strcmp(status, "withdrawn") != 0) &&
		    review_days_open(&open, root, asof) == 0) {
			/* still open on the day: its days to the day */
			if (lf.on && review_closed_on(&closed, root) == 0 &&
			    cal_cmp(closed, asof) > 0)
				open -= cal_days(closed) - cal_days(asof);
			snprintf(days, sizeof days, "%ld", open);
		}
		error_clear();
		duebuf[0] = overs[0] = '\0';
		if (over > 0)
			snprintf(overs, sizeof overs, "%ld", over);
		if (review_due(&due, review_ctx_cal(rctx), root) == 0) {
			cal_format_iso(iso, sizeof iso, due);
			if (over > 0 && !data)
				snprintf(duebuf, sizeof duebuf,
				    _("%s 超過%ld日"), iso, over);
			else
				snprintf(duebuf, sizeof duebuf, "%s", iso);
		}
		error_clear();
		cells[0] = record_id(rows[i].r);
		cells[1] = rows[i].received;
		cells[2] = data ? node_get_str(root, "org") :
		    org_label(st, node_get_str(root, "org"));
		cells[3] = node_get_str(root, "title");
		cells[4] = data ? status : schema_label(kind, "status", status);
		cells[5] = days;
		cells[6] = duebuf;
		cells[7] = overs;
		if (table_add_row(t, cells) != 0) {
			cmd_lib_error();
			goto done;
		}
	}
	if (table_nrows(t) == 0 && !data && path == NULL) {
		fprintf(stderr, overdue ? _("no reviews past due\n") :
		    _("no reviews\n"));
		rc = CMD_OK;
		goto done;
	}
	rc = listing_table_out(t, keys, format, opt_has(ov, "crlf"), path);
done:
	table_free(t);
	buf_free(&out);
	record_free(whole);
	diags_free(&d);
	reclist_free(&refs);
	free_reviews(rows, n);
	review_ctx_free(rctx);
	return rc;
}

/*
 * review summary and the export of its workbook
 */

/*
 * One group of counts as rows.  data (csv, json): the group's key, the
 * stored code and plain numbers; else the titles and labels.
 */
static int
add_counts(struct table *t, const char *group, const char *gkey,
    const struct review_counts *c, const long *expect, int data)
{
	char		 n[32], cost[32], ex[32];
	const char	*cells[6];
	size_t		 i;

	for (i = 0; i < c->n; i++) {
		snprintf(n, sizeof n, "%zu", c->v[i].n);
		if (data)
			snprintf(cost, sizeof cost, "%lld", c->v[i].cost);
		else
			amount_format(cost, sizeof cost, c->v[i].cost);
		ex[0] = '\0';
		if (expect != NULL && i < 3)
			snprintf(ex, sizeof ex, "%ld", expect[i]);
		if (data) {
			cells[0] = gkey;
			cells[1] = c->v[i].key;
			cells[2] = c->v[i].label;
		} else {
			cells[0] = i == 0 ? group : "";
			cells[1] = c->v[i].label;
			cells[2] = NULL;
		}
		cells[data ? 3 : 2] = n;
		cells[data ? 4 : 3] = ex;
		cells[data ? 5 : 4] = c->v[i].cost != 0 || data ? cost : "";
		if (table_add_row(t, cells) != 0)
			return -1;
	}
	return 0;
}

/*
 * A year's counts, and with prev the year before's too, from one load:
 * the caller frees *sum, *prev and rctx.
 */
static int
summarise(struct review_summary *sum, struct review_summary *prev,
    struct review_ctx **rctx, struct store *st, int fy)
{
	const struct schema	*kind;
	const struct node	**roots = NULL;
	struct lrow		*rows[3] = { NULL, NULL, NULL };
	struct reclist		 refs[3] = { RECLIST_INIT, RECLIST_INIT,
				    RECLIST_INIT };
	size_t			 i, k, n[3] = { 0, 0, 0 }, nr = 0;
	size_t			 years = prev != NULL ? 3 : 2;
	int			 rc = CMD_FAIL, have_sum = 0;

	*rctx = NULL;
	if (store_kind(&kind, st, "review") != 0 ||
	    review_ctx_new(rctx, st) != 0)
		return cmd_lib_error();
	/*
	 * The year's and the year before's (and the one before that, for
	 * prev): a plan of the year before decided in this one counts in
	 * this one's 判定 (review_summarise()); a step is dated at most a
	 * year after its record's year (review_check_date()).  Every
	 * year's made the summary at 10 fiscal years 3 × its time; each
	 * year loaded once, the two summaries share the year between.
	 */
	for (k = 0; k < years; k++)
		if (load_reviews(&rows[k], &n[k], &refs[k], st, kind,
		    fy - (int)k, NULL, 0, NULL, NULL) != CMD_OK)
			goto done;
	if (n[0] + n[1] + n[2] > 0 && (roots = calloc(n[0] + n[1] + n[2],
	    sizeof *roots)) == NULL) {
		cmd_error(_("out of memory"));
		goto done;
	}
	for (k = 0; k < years; k++)
		for (i = 0; i < n[k]; i++)
			roots[nr++] = record_root(rows[k][i].r);
	if (review_summarise(sum, *rctx, fy, roots, nr) != 0) {
		cmd_lib_error();
		goto done;
	}
	have_sum = 1;
	if (prev != NULL && review_summarise(prev, *rctx, fy - 1, roots,
	    nr) != 0) {
		cmd_lib_error();
		goto done;
	}
	rc = CMD_OK;
done:
	free(roots);
	for (k = 0; k < years; k++) {
		free_reviews(rows[k], n[k]);
		reclist_free(&refs[k]);
	}
	if (rc != CMD_OK) {
		if (have_sum)
			review_summary_free(sum);
		review_ctx_free(*rctx);
		*rctx = NULL;
	}
	return rc;
}

static int
review_summary_cmd(struct cmd_ctx *ctx, struct optv *ov)
{
	struct store		*st;
	struct review_ctx	*rctx = NULL;
	struct review_summary	 sum;
	const struct schema	*kind;
	struct table		*t = NULL;
	static const char *const keys[] = { "group", "key", "label", "count",
	    "expected", "cost" };
	const char		*path = opt_get(ov, "output");
	const char		*format = listing_format(opt_get(ov, "format"),
				    path);
	char			 cost[32], med[32];
	int			 rc = CMD_FAIL, data, i;
	FILE			*fp;

	/* csv and json: the groups' keys, stored codes, plain numbers */
	data = strcmp(format, "table") != 0;
	if ((st = cmd_store(ctx)) == NULL)
		return CMD_FAIL;
	if (store_kind(&kind, st, "review") != 0)
		return cmd_lib_error();
	if (summarise(&sum, NULL, &rctx, st, (int)opt_num(ov, "fy", 0)) !=
	    CMD_OK)
		return CMD_FAIL;
	if ((t = table_new(data ? 6 : 5)) == NULL) {
		cmd_lib_error();
		goto done;
	}
	for (i = 0; data && i < 6; i++)
		table_set_header(t, (size_t)i, keys[i], i >= 3);
	if (!data) {
		table_set_header(t, 0, _("Group"), 0);
		table_set_header(t, 1, _("Item"), 0);
		table_set_header(t, 2, _("Count"), 1);
		table_set_header(t, 3, _("Expected"), 1);
		table_set_header(t, 4, _("Cost (yen, tax incl.)"), 1);
	}
	if (add_counts(t, title_of(kind, "type"), "type", &sum.by_type,
	    sum.expect, data) != 0 ||
	    add_counts(t, title_of(kind, "decision.result"), "result",
	    &sum.by_result, NULL, data) != 0 ||
	    add_counts(t, title_of(kind, "category"), "category",
	    &sum.by_category, NULL, data) != 0 ||
	    add_counts(t, _("Department"), "department", &sum.by_dept, NULL,
	    data) != 0) {
		cmd_lib_error();
		goto done;
	}
	if ((rc = listing_table_out(t, data ? keys : NULL, format,
	    opt_has(ov, "crlf"), path)) != CMD_OK)
		goto done;
	/* the totals: on standard error when the output is data */
	fp = data || path != NULL ? stderr : stdout;
	amount_format(cost, sizeof cost, sum.cost_total);
	fprintf(fp, _("\ntotal %zu (withdrawn not counted), cost of the plans "
	    "reviewed %s yen\n"),
	    sum.total, cost);
	/* what the workbook says under its tables, said here too */
	if (sum.nwd_after > 0)
		fprintf(fp, _("of the total, withdrawn after the decision or "
		    "the opinion (counted: the work was done): %zu\n"),
		    sum.nwd_after);
	if (sum.ncarried > 0)
		fprintf(fp, _("of the decisions, plans received in an earlier "
		    "year and decided in this one: %zu\n"), sum.ncarried);
	if (sum.median_days >= 0) {
		/* as the workbook writes it: 21, or 9.5 between two */
		review_days_text(med, sizeof med, sum.median_days);
		fprintf(fp, _("median days from receipt to decision %s (%zu "
		    "decided)\n"), med, sum.ndecided);
	}
done:
	review_summary_free(&sum);
	table_free(t);
	review_ctx_free(rctx);
	return rc;
}

/*
 * review export
 */

/* One document of one record, for cmd_export_docs(). */
struct rdoc {
	struct review_ctx		*rctx;
	const struct node		*root;
	const struct review_summary	*sum;
	int				(*write)(struct review_ctx *,
					    const struct node *, const char *);
};

static int
write_rdoc(const char *path, void *arg)
{
	struct rdoc	*d = arg;

	if (d->sum != NULL)
		return review_write_summary_xlsx(d->rctx, d->sum, path);
	return d->write(d->rctx, d->root, path);
}

static int
export_summary(struct cmd_ctx *ctx, struct optv *ov, struct store *st)
{
	struct review_ctx	*rctx = NULL;
	struct review_summary	 sum, prev;
	struct cmd_export_doc	 doc;
	struct rdoc		 rd;
	char			 fyl[CAL_FMT_MAX], *name;
	int			 rc, fy = (int)opt_num(ov, "fy", 0);

	(void)ctx;
	/* the year before's counts beside, where it had reviews */
	if (summarise(&sum, &prev, &rctx, st, fy) != CMD_OK)
		return CMD_FAIL;
	rc = review_summary_compare(&sum, &prev);
	review_summary_free(&prev);
	if (rc != 0) {
		rc = cmd_lib_error();
		goto done;
	}
	cal_fy_label(fyl, sizeof fyl, fy);
	if ((name = cmd_export_name("情報化企画審査等実施状況", fyl, ".xlsx")) ==
	    NULL) {
		rc = cmd_error(_("out of memory"));
		goto done;
	}
	memset(&rd, 0, sizeof rd);
	rd.rctx = rctx;
	rd.sum = &sum;
	doc.name = name;
	doc.write = write_rdoc;
	doc.arg = &rd;
	rc = cmd_export_docs(opt_get(ov, "output"), &doc, 1);
	free(name);
done:
	review_summary_free(&sum);
	review_ctx_free(rctx);
	return rc;
}

/*
 * A 意見書 not yet submitted is written marked 案 (draft), dated its
 * 提出期限 (review_opinion_draft()); the reader is told why.
 */
static void
warn_opinion_draft(const struct record *r)
{
	const char	*status = record_field(r, "status");
	const struct node *ops = node_get(record_root(r), "opinions");

	/* with none, the export fails and says so: no draft to speak of */
	if (ops == NULL || ops->kind != NODE_SEQ || ops->n == 0)
		return;
	switch (review_opinion_draft(record_root(r))) {
	case REVIEW_OPINION_UNSETTLED:
		cmd_warn(_("'%s' is still at status '%s': the 意見書 is marked "
		    "案 (draft) until its opinions are assessed and submitted"),
		    record_id(r), status != NULL ? status : "");
		break;
	case REVIEW_OPINION_UNSENT:
		cmd_warn(_("'%s' has no submitted date: the 意見書 is marked 案 "
		    "(draft), dated its 提出期限"), record_id(r));
		break;
	default:
		break;
	}
}

static int
review_export_cmd(struct cmd_ctx *ctx, struct optv *ov)
{
	const char		*what = ov->argv[0], *near;
	struct store		*st;
	struct review_ctx	*rctx = NULL;
	struct record		**recs = NULL;
	struct review_docspec	 spec[REVIEW_DOCS_MAX];
	struct cmd_export_doc	*docs = NULL;
	struct rdoc		*rd = NULL;
	size_t			 i, k, n, nrec = 0, ndocs = 0, nids;
	int			 rc = CMD_FAIL;

	if (strcmp(what, "summary") == 0) {
		if (ov->argc > 1 || !opt_has(ov, "fy"))
			return opt_bad_usage(ov->entry, ov->sub, _("the summary "
			    "export takes --fy FY and no ids"));
		if ((st = cmd_store(ctx)) == NULL)
			return CMD_FAIL;
		return export_summary(ctx, ov, st);
	}
	for (i = 0; review_doc_words[i] != NULL; i++)
		if (strcmp(review_doc_words[i], what) == 0)
			break;
	if (review_doc_words[i] == NULL) {
		if ((near = opt_nearest(what, review_doc_words)) != NULL)
			return opt_bad_usage(ov->entry, ov->sub, _("'%s' is not "
			    "a review document; did you mean '%s'?"), what,
			    near);
		return opt_bad_usage(ov->entry, ov->sub, _("'%s' is not a "
		    "review document: record, notice, opinion, evaluation, all"
		    " or summary"), what);
	}
	if (ov->argc < 2 || opt_has(ov, "fy"))
		return opt_bad_usage(ov->entry, ov->sub, _("the %s export takes "
		    "review ids and no --fy"), what);
	if ((st = cmd_store(ctx)) == NULL)
		return CMD_FAIL;
	if (review_ctx_new(&rctx, st) != 0)
		return cmd_lib_error();
	nids = (size_t)ov->argc - 1;
	if ((recs = calloc(nids, sizeof *recs)) == NULL ||
	    (docs = calloc(nids * REVIEW_DOCS_MAX, sizeof *docs)) == NULL ||
	    (rd = calloc(nids * REVIEW_DOCS_MAX, sizeof *rd)) == NULL) {
		cmd_error(_("out of memory"));
		goto done;
	}
	for (i = 0; i < nids; i++) {
		if (cmd_read_record(&recs[nrec], ctx, "review",
		    ov->argv[i + 1]) != CMD_OK)
			goto done;
		nrec++;
		if (review_docs(spec, &n, record_root(recs[i]), what) != 0) {
			cmd_error("%s: %s", record_id(recs[i]), error_last());
			goto done;
		}
		for (k = 0; k < n; k++) {
			/* a draft said so, as the audit's 概要報告書 is */
			if (spec[k].write == review_write_opinion_docx)
				warn_opinion_draft(recs[i]);
			rd[ndocs].rctx = rctx;
			rd[ndocs].root = record_root(recs[i]);
			rd[ndocs].write = spec[k].write;
			docs[ndocs].write = write_rdoc;
			docs[ndocs].arg = &rd[ndocs];
			/* 可否決定通知_保育園業務支援システムの更新.docx */
			if ((docs[ndocs].name = cmd_export_name(spec[k].name,
			    record_field(recs[i], "title"), spec[k].ext)) ==
			    NULL) {
				cmd_error(_("out of memory"));
				goto done;
			}
			ndocs++;
		}
	}
	rc = cmd_export_docs(opt_get(ov, "output"), docs, ndocs);
done:
	for (i = 0; i < ndocs; i++)
		free((char *)docs[i].name);
	for (i = 0; i < nrec; i++)
		record_free(recs[i]);
	free(recs);
	free(docs);
	free(rd);
	review_ctx_free(rctx);
	return rc;
}

/*
 * The table.
 */

static const struct opt hearing_opts[] = {
	{ "question", 0, OPT_TEXT, OPT_REPEAT, NULL, NULL, 0, 0,
	  "a question of a new round" },
	{ "sent", 0, OPT_DATE, 0, NULL, NULL, 0, 0,
	  "the day the questions went out (default today)" },
	{ "due", 0, OPT_DATE, 0, NULL, NULL, 0, 0,
	  "the day the answers are due" },
	{ "method", 0, OPT_ENUM, 0, "METHOD", "review:hearings.method", 0, 0,
	  "written (default), meeting or online" },
	{ "answer", 0, OPT_TEXT, OPT_REPEAT, NULL, NULL, 0, 0,
	  "an answer: N:TEXT for question N, else the next open question" },
	{ "answered", 0, OPT_DATE, 0, NULL, NULL, 0, 0,
	  "the day the answers came (default today, once all are in)" },
	{ "round", 0, OPT_INT, 0, NULL, NULL, 1, 99,
	  "the round answered (default the latest)" },
	OPT_END
};

static const struct opt assess_opts[] = {
	{ "viewpoint", 0, OPT_ENUM, 0, "VIEWPOINT", "review:findings.viewpoint", 0,
	  0, "the viewpoint of a finding (cost, 経費見積りの妥当性 ...)" },
	{ "rating", 0, OPT_ENUM, 0, "RATING", "review:findings.rating", 0, 0,
	  "its rating" },
	{ "check", 0, OPT_TEXT, 0, NULL, NULL, 0, 0,
	  "what was checked (確認事項)" },
	{ "answer", 0, OPT_TEXT, 0, NULL, NULL, 0, 0,
	  "the division's answer (所管課回答)" },
	{ "comment", 0, OPT_TEXT, 0, NULL, NULL, 0, 0, "the finding (所見)" },
	{ "overall", 0, OPT_TEXT, 0, NULL, NULL, 0, 0,
	  "the overall comment" },
	{ "proposed", 0, OPT_ENUM, 0, "RESULT", "review:proposed_result", 0, 0,
	  "the proposed result (判定案)" },
	{ "condition", 0, OPT_TEXT, OPT_REPEAT, NULL, NULL, 0, 0,
	  "a condition of a conditional proposed result (条件案)" },
	{ "opinion", 0, OPT_TEXT, 0, NULL, NULL, 0, 0,
	  "an opinion (意見), added to the list" },
	{ "target", 0, OPT_TEXT, 0, NULL, NULL, 0, 0,
	  "the document or part the opinion is on" },
	{ "submitted", 0, OPT_DATE, 0, NULL, NULL, 0, 0,
	  "the day the opinion or result was sent" },
	{ "date", 0, OPT_DATE, 0, NULL, NULL, 0, 0,
	  "the day of the assessment (default today)" },
	OPT_END
};

static const struct opt decide_opts[] = {
	{ "result", 0, OPT_ENUM, OPT_REQUIRED, "RESULT", "review:decision.result",
	  0, 0, "approve, conditional or reject (可, 条件付可, 否)" },
	{ "condition", 0, OPT_TEXT, OPT_REPEAT, NULL, NULL, 0, 0,
	  "a condition of a conditional decision" },
	{ "reason", 0, OPT_TEXT, OPT_REPEAT, NULL, NULL, 0, 0,
	  "a reason for a rejection (理由, stated in the notice)" },
	{ "date", 0, OPT_DATE, 0, NULL, NULL, 0, 0,
	  "the day of the decision (default today)" },
	{ "notice-no", 0, OPT_TEXT, 0, NULL, NULL, 0, 0,
	  "the notice's number: 12 (put into documents.doc_no_format) or 練企情発第12号" },
	{ "force", 0, OPT_FLAG, 0, NULL, NULL, 0, 0,
	  "decide a review without findings" },
	OPT_END
};

static const struct opt list_opts[] = {
	{ "fy", 0, OPT_FY, 0, NULL, NULL, 0, 0, "only fiscal year FY" },
	{ "type", 0, OPT_ENUM, 0, "TYPE", "review:type", 0, 0,
	  "only reviews of this type" },
	{ "status", 0, OPT_ENUM, OPT_REPEAT, "STATUS", "review:status", 0, 0,
	  "only reviews in this state (repeat for several)" },
	{ "overdue", 0, OPT_FLAG, 0, NULL, NULL, 0, 0,
	  "only open reviews past their due date" },
	{ "as-of", 0, OPT_DATE, 0, NULL, NULL, 0, 0,
	  "the list as it stood at the end of DATE: reviews received by "
	  "then, their status then, days and business days to DATE" },
	{ "format", 0, OPT_CHOICE, 0, "table|csv|json", "table|csv|json", 0, 0,
	  "output format (default table)" },
	LISTING_OPT_CRLF,
	LISTING_OPT_OUTPUT,
	OPT_END
};

static const struct opt summary_opts[] = {
	{ "fy", 0, OPT_FY, OPT_REQUIRED, NULL, NULL, 0, 0,
	  "the fiscal year counted" },
	LISTING_OPT_FORMAT,
	LISTING_OPT_CRLF,
	LISTING_OPT_OUTPUT,
	OPT_END
};

static const struct opt export_opts[] = {
	{ "fy", 0, OPT_FY, 0, NULL, NULL, 0, 0,
	  "the fiscal year (summary)" },
	{ "output", 'o', OPT_PATH, 0, NULL, NULL, 0, 0,
	  "a file, or a folder (ending in /) for several" },
	OPT_ZIP_OPTS,
	OPT_END
};

static const struct subcmd review_subs[] = {
	{ "add", review_add_cmd, add_opts, NULL, 0, 0,
	  "[--no-input] [--from FILE] [--FIELD VALUE]... [--cost YEN] "
	  "[--running YEN] [--year-cost FY:INITIAL[:RUNNING]]...",
	  "a new review: asks at a terminal, else from options" },
	{ "hearing", review_hearing_cmd, hearing_opts, "ID", 1, 1, NULL,
	  "a round of questions to the division, or its answers" },
	{ "assess", review_assess_cmd, assess_opts, "ID", 1, 1, NULL,
	  "findings per viewpoint, overall view, opinions" },
	{ "decide", review_decide_cmd, decide_opts, "ID", 1, 1, NULL,
	  "the decision; a plan's 決裁区分 from the config's rules" },
	{ "export", review_export_cmd, export_opts,
	  "record|notice|opinion|evaluation|all|summary [ID]...", 1, -1, NULL,
	  "the ward's documents (.xlsx, .docx)" },
	{ "list", review_list_cmd, list_opts, NULL, 0, 0, NULL,
	  "reviews with days open and due date" },
	{ "summary", review_summary_cmd, summary_opts, NULL, 0, 0, NULL,
	  "a year's counts against the expectations" },
	SUBCMD_END
};

const struct cmd_entry cmd_review_entry = {
	.name = "review",
	.desc = "plan reviews, procurement opinions, system evaluation",
	.help =
	    "Plan scrutiny (情報化企画審査), procurement opinions (調達実施支援)\n"
	    "and system evaluation (システム評価), 3(1)ア(イ) a-c.\n"
	    "\n"
	    "review add takes an option for each field of schemas/review.yaml\n"
	    "(--title, --org, --received, --category ...: see 'review add\n"
	    "--help' in a data directory).  Amounts may be written 12800000,\n"
	    "12,800,000 or 1280万円; dates 2026-04-01, 2026/4/1, 令和8年4月1日\n"
	    "or R8.4.1.  See nerima-cio-review(1).\n",
	.kind = "review",
	.subs = review_subs,
	.sub_opts = review_sub_opts,
};
