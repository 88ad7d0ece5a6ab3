/*
 * nerima-cio review: plan scrutiny (情報化企画審査), procurement opinions
 * (調達実施支援) and system evaluation (システム評価), 3(1)ア(イ) a-c.
 *
 * Each sub-verb changes one record through the record engine (validated,
 * guarded against My Numbers, written atomically); the computations and
 * the documents are in lib/review.c.
 */
#include <sys/stat.h>

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "amount.h"
#include "buf.h"
#include "cal.h"
#include "cmd.h"
#include "node.h"
#include "prompt.h"
#include "record.h"
#include "review.h"
#include "store.h"
#include "table.h"

extern const struct cmd_entry cmd_review_entry;

/* A record being worked on. */
struct rv {
	struct store		*st;
	struct review_ctx	*ctx;
	struct recref		 ref;
	struct record		*rec;
	struct diags		 d;
};

/* A date option: YYYY-MM-DD or era form, normalised to YYYY-MM-DD. */
static int
opt_date(struct cal_date *out, char iso[CAL_FMT_MAX], const char *opt,
    const char *arg)
{
	if (cal_parse(out, arg) != 0)
		return cmd_error("--%s: %s", opt, error_last());
	cal_format_iso(iso, CAL_FMT_MAX, *out);
	return 0;
}

static int
opt_amount(char out[32], const char *opt, const char *arg)
{
	long long	v;

	if (amount_parse(&v, arg) != 0)
		return cmd_error("--%s: %s", opt, error_last());
	snprintf(out, 32, "%lld", v);
	return 0;
}

static const char *
org_label(struct store *st, const char *code)
{
	const char	*name = NULL;

	if (code != NULL && store_org(&name, NULL, st, code) == 0 &&
	    name != NULL)
		return name;
	return code != NULL ? code : "";
}

static void
rv_close(struct rv *r)
{
	record_free(r->rec);
	review_ctx_free(r->ctx);
	free(r->ref.id);
	free(r->ref.relpath);
	diags_free(&r->d);
	memset(r, 0, sizeof *r);
}

static int
rv_open(struct rv *r, struct cmd_ctx *ctx, const char *id)
{
	memset(r, 0, sizeof *r);
	if ((r->st = cmd_store(ctx)) == NULL)
		return CMD_FAIL;
	if (review_ctx_new(&r->ctx, r->st) != 0)
		return cmd_lib_error();
	return cmd_load_record(&r->rec, &r->ref, r->st, id, "review");
}

static int
rv_save(struct rv *r)
{
	if (cmd_save_record(r->st, r->rec) != CMD_OK)
		return CMD_FAIL;
	fprintf(stderr, "updated %s/%s\n", store_root(r->st), r->ref.relpath);
	return CMD_OK;
}

static struct node *
rv_root(struct rv *r)
{
	return record_root(r->rec);
}

/* A mapping or sequence under key, made when absent. */
static struct node *
child(struct ydoc *doc, struct node *map, const char *key, int seq)
{
	struct node	*n = node_get(map, key);

	if (n != NULL)
		return n;
	if ((n = seq ? node_seq(doc) : node_map(doc)) == NULL ||
	    node_map_set(doc, map, key, n) != 0)
		return NULL;
	return n;
}

static int
set_str(struct ydoc *doc, struct node *map, const char *key, const char *v)
{
	if (node_map_set_str(doc, map, key, v) != 0)
		return cmd_lib_error();
	return 0;
}

/* Move the status forward, never back from a closed state. */
static int
advance_status(struct ydoc *doc, struct node *root, const char *to)
{
	static const char *const order[] = { "received", "hearing",
	    "assessed", "decided", "submitted", NULL };
	const char	*now = node_get_str(root, "status");
	int		 i, a = -1, b = -1;

	for (i = 0; order[i] != NULL; i++) {
		if (now != NULL && strcmp(order[i], now) == 0)
			a = i;
		if (strcmp(order[i], to) == 0)
			b = i;
	}
	if (a >= 0 && b <= a)
		return 0;
	return set_str(doc, root, "status", to);
}

/*
 * review add
 */

/* The options of add: each fills one field. */
struct addopt {
	const char	*opt;		/* long option */
	const char	*field;		/* dotted path */
	int		 kind;		/* how the value is read */
};

enum { A_TEXT, A_DATE, A_YEN, A_BOOL, A_ORG, A_LIST };

static const struct addopt addopts[] = {
	{ "type", "type", A_TEXT },
	{ "title", "title", A_TEXT },
	{ "org", "org", A_ORG },
	{ "received", "received", A_DATE },
	{ "ref-no", "ref_no", A_TEXT },
	{ "due", "due", A_DATE },
	{ "reviewer", "reviewers", A_LIST },
	{ "category", "category", A_TEXT },
	{ "system", "system_name", A_TEXT },
	{ "purpose", "purpose", A_TEXT },
	{ "necessity", "necessity", A_TEXT },
	{ "effect", "effect", A_TEXT },
	{ "cost-effectiveness", "cost_effectiveness", A_TEXT },
	{ "personal-info", "security.personal_info", A_BOOL },
	{ "my-number", "security.my_number", A_BOOL },
	{ "cloud", "security.cloud", A_BOOL },
	{ "cloud-service", "security.cloud_service", A_TEXT },
	{ "network", "security.network", A_TEXT },
	{ "measures", "security.measures", A_TEXT },
	{ "stage", "procurement_stage", A_TEXT },
	{ "method", "procurement_method", A_TEXT },
	{ "document", "documents", A_LIST },
	{ "evaluation-kind", "evaluation_kind", A_TEXT },
	{ "operation-start", "operation_start", A_DATE },
	{ "note", "note", A_TEXT },
};
#define NADDOPTS	(sizeof addopts / sizeof addopts[0])

/*
 * What interactive add asks, by type, after type, title, org and
 * received.  Costs and security are asked for plans separately.
 */
static const char *const ask_plan[] = { "category", "system_name",
    "purpose", "necessity", "effect", "cost_effectiveness", NULL };
static const char *const ask_procurement[] = { "system_name",
    "procurement_stage", "procurement_method", NULL };
static const char *const ask_syseval[] = { "system_name",
    "evaluation_kind", "operation_start", NULL };

/* Fields add requires, by type, beyond the schema's: they drive logic. */
static const char *
type_required(const char *type)
{
	if (type != NULL && strcmp(type, "plan") == 0)
		return "category";
	if (type != NULL && strcmp(type, "system-evaluation") == 0)
		return "evaluation_kind";
	return NULL;
}

/* Set a dotted field to a scalar. */
static int
set_path(struct ydoc *doc, struct node *root, const char *path,
    const char *v, int list)
{
	char		 buf[128], *dot, *key = buf;
	struct node	*map = root, *seq, *n;

	snprintf(buf, sizeof buf, "%s", path);
	while ((dot = strchr(key, '.')) != NULL) {
		*dot = '\0';
		if ((map = child(doc, map, key, 0)) == NULL)
			return cmd_lib_error();
		key = dot + 1;
	}
	if (!list)
		return set_str(doc, map, key, v);
	if ((seq = child(doc, map, key, 1)) == NULL ||
	    (n = node_str(doc, v)) == NULL || node_seq_push(doc, seq, n) != 0)
		return cmd_lib_error();
	return 0;
}

static const char *
get_path(const struct node *root, const char *path)
{
	const char	*dot = strchr(path, '.');
	char		 head[64];

	if (dot == NULL)
		return node_get_str(root, path);
	snprintf(head, sizeof head, "%.*s", (int)(dot - path), path);
	return node_get_str(node_get(root, head), dot + 1);
}

/* The property schema of a dotted field. */
static const struct schema *
prop_of(const struct schema *kind, const char *path)
{
	const struct schema	*s = kind;
	const char		*dot;
	char			 head[64];

	while ((dot = strchr(path, '.')) != NULL) {
		snprintf(head, sizeof head, "%.*s", (int)(dot - path), path);
		if ((s = schema_prop(s, head)) == NULL)
			return NULL;
		path = dot + 1;
	}
	return schema_prop(s, path);
}

static const char *
prop_title(const struct schema *kind, const char *path)
{
	const struct schema	*p = prop_of(kind, path);
	const char		*t = p != NULL ? schema_title(p) : NULL;

	return t != NULL ? t : path;
}

/* Ask for one field unless it has a value; PROMPT_CANCEL on Ctrl-D. */
static int
ask_field(struct store *st, const struct schema *kind, struct ydoc *doc,
    const char *field, const char *def, int required)
{
	char	*v = NULL;
	int	 rc;

	if (get_path(ydoc_root(doc), field) != NULL)
		return 0;
	if ((rc = prompt_prop(&v, st, prop_of(kind, field), def,
	    required)) != 0)
		return rc;
	if (v != NULL)
		rc = set_path(doc, ydoc_root(doc), field, v, 0) != 0 ?
		    PROMPT_CANCEL : 0;
	free(v);
	return rc;
}

/* A plan's costs: initial and yearly running cost over some years. */
static int
ask_costs(struct store *st, const struct schema *kind, struct ydoc *doc)
{
	const struct schema	*item = schema_items(prop_of(kind, "costs"));
	struct node		*costs, *e;
	const char		*rcv = node_get_str(ydoc_root(doc), "received");
	char			*ini = NULL, *run = NULL, *years = NULL;
	char			 fy[32], buf[32];
	struct cal_date		 d;
	long			 i, n;
	int			 rc;

	if (node_get(ydoc_root(doc), "costs") != NULL)
		return 0;
	if ((rc = prompt_prop(&ini, st, schema_prop(item, "initial"), "0",
	    1)) != 0 ||
	    (rc = prompt_prop(&run, st, schema_prop(item, "running"), "0",
	    1)) != 0 ||
	    (rc = prompt_line(&years, "運用経費を計上する年数", "5", 1)) != 0)
		goto done;
	n = strtol(years, NULL, 10);
	if (n < 1 || n > 10)
		n = 5;
	if (rcv == NULL || cal_parse_iso(&d, rcv) != 0)
		d = cal_today();
	if ((costs = child(doc, ydoc_root(doc), "costs", 1)) == NULL) {
		rc = PROMPT_CANCEL;
		goto done;
	}
	/* Initial cost in the first year, running cost in the following. */
	for (i = 0; i <= (strcmp(run, "0") != 0 ? n : 0); i++) {
		if ((e = node_map(doc)) == NULL ||
		    node_seq_push(doc, costs, e) != 0) {
			rc = PROMPT_CANCEL;
			goto done;
		}
		snprintf(fy, sizeof fy, "%ld", cal_fy(d) + i);
		node_map_set_str(doc, e, "fy", fy);
		node_map_set_str(doc, e, "initial", i == 0 ? ini : "0");
		snprintf(buf, sizeof buf, "%s", i == 0 ? "0" : run);
		node_map_set_str(doc, e, "running", buf);
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
	const char		*type;
	char			 day[CAL_FMT_MAX];
	size_t			 i;
	int			 yes;

	cal_format_iso(day, sizeof day, cal_today());
	if (ask_field(st, kind, doc, "type", NULL, 1) ||
	    ask_field(st, kind, doc, "title", NULL, 1) ||
	    ask_field(st, kind, doc, "org", NULL, 1) ||
	    ask_field(st, kind, doc, "received", day, 1))
		return PROMPT_CANCEL;
	/* One reviewer at the start; more with nerima-cio edit. */
	if (node_get(ydoc_root(doc), "reviewers") == NULL) {
		char	*who = NULL;

		if (prompt_prop(&who, st, schema_items(prop_of(kind,
		    "reviewers")), NULL, 0) != 0)
			return PROMPT_CANCEL;
		if (who != NULL && set_path(doc, ydoc_root(doc), "reviewers",
		    who, 1) != 0) {
			free(who);
			return PROMPT_CANCEL;
		}
		free(who);
	}
	type = node_get_str(ydoc_root(doc), "type");
	list = strcmp(type, "plan") == 0 ? ask_plan :
	    strcmp(type, "procurement") == 0 ? ask_procurement : ask_syseval;
	for (i = 0; list[i] != NULL; i++) {
		if (ask_field(st, kind, doc, list[i], NULL,
		    type_required(type) != NULL &&
		    strcmp(type_required(type), list[i]) == 0))
			return PROMPT_CANCEL;
	}
	if (strcmp(type, "plan") != 0)
		return 0;
	if (ask_costs(st, kind, doc) ||
	    ask_field(st, kind, doc, "security.personal_info", NULL, 0) ||
	    ask_field(st, kind, doc, "security.my_number", NULL, 0) ||
	    ask_field(st, kind, doc, "security.cloud", NULL, 0))
		return PROMPT_CANCEL;
	yes = node_scalar_eq(node_get(node_get(ydoc_root(doc), "security"),
	    "cloud"), "true");
	if (yes && ask_field(st, kind, doc, "security.cloud_service", NULL, 0))
		return PROMPT_CANCEL;
	return 0;
}

/* --year-cost FY:INITIAL:RUNNING */
static int
add_year_cost(struct ydoc *doc, const char *arg)
{
	char		 buf[256], *fy, *ini, *run, a[32], b[32];
	struct node	*costs, *e;

	snprintf(buf, sizeof buf, "%s", arg);
	fy = buf;
	if ((ini = strchr(fy, ':')) == NULL)
		return cmd_error("--year-cost: expected FY:INITIAL[:RUNNING],"
		    " not '%s'", arg);
	*ini++ = '\0';
	if ((run = strchr(ini, ':')) != NULL)
		*run++ = '\0';
	if (strlen(fy) != 4 || strspn(fy, "0123456789") != 4)
		return cmd_error("--year-cost: '%s' is not a fiscal year", fy);
	if (opt_amount(a, "year-cost", ini) != 0 ||
	    (run != NULL && opt_amount(b, "year-cost", run) != 0))
		return CMD_FAIL;
	if ((costs = child(doc, ydoc_root(doc), "costs", 1)) == NULL ||
	    (e = node_map(doc)) == NULL || node_seq_push(doc, costs, e) != 0)
		return cmd_lib_error();
	node_map_set_str(doc, e, "fy", fy);
	node_map_set_str(doc, e, "initial", a);
	if (run != NULL)
		node_map_set_str(doc, e, "running", b);
	return 0;
}

/* --cost and --running: the first year's costs. */
static int
add_first_year(struct ydoc *doc, const char *cost, const char *running)
{
	struct node	*costs, *e;
	const char	*rcv = node_get_str(ydoc_root(doc), "received");
	struct cal_date	 d;
	char		 fy[16];

	if (cost == NULL && running == NULL)
		return 0;
	if (rcv == NULL || cal_parse_iso(&d, rcv) != 0)
		d = cal_today();
	snprintf(fy, sizeof fy, "%d", cal_fy(d));
	if ((costs = child(doc, ydoc_root(doc), "costs", 1)) == NULL ||
	    (e = node_map(doc)) == NULL)
		return cmd_lib_error();
	/* The first year goes first, before any --year-cost. */
	if (node_seq_push(doc, costs, e) != 0)
		return cmd_lib_error();
	memmove(costs->u.items + 1, costs->u.items,
	    (costs->n - 1) * sizeof *costs->u.items);
	costs->u.items[0] = e;
	node_map_set_str(doc, e, "fy", fy);
	node_map_set_str(doc, e, "initial", cost != NULL ? cost : "0");
	if (running != NULL)
		node_map_set_str(doc, e, "running", running);
	return 0;
}

static int
check_yesno(char out[8], const char *opt, const char *arg)
{
	static const char *const yes[] = { "yes", "y", "true", "はい", NULL };
	static const char *const no[] = { "no", "n", "false", "いいえ", NULL };
	size_t	i;

	for (i = 0; yes[i] != NULL; i++)
		if (strcmp(arg, yes[i]) == 0)
			return snprintf(out, 8, "true"), 0;
	for (i = 0; no[i] != NULL; i++)
		if (strcmp(arg, no[i]) == 0)
			return snprintf(out, 8, "false"), 0;
	return cmd_error("--%s: answer yes or no, not '%s'", opt, arg);
}

/* List every missing required field at once. */
static int
missing_fields(const struct schema *kind, struct ydoc *doc)
{
	const char	*want[5] = { "type", "title", "org", "received", NULL };
	struct buf	 b = BUF_INIT;
	const char	*opt;
	size_t		 i, k, n = 0;

	want[4] = type_required(node_get_str(ydoc_root(doc), "type"));
	for (i = 0; i < 5; i++) {
		if (want[i] == NULL || get_path(ydoc_root(doc), want[i]) != NULL)
			continue;
		opt = want[i];
		for (k = 0; k < NADDOPTS; k++)
			if (strcmp(addopts[k].field, want[i]) == 0)
				opt = addopts[k].opt;
		buf_printf(&b, "%s--%s (%s)", n++ ? ", " : "", opt,
		    prop_title(kind, want[i]));
	}
	if (n > 0)
		cmd_error("missing required field%s: %s", n > 1 ? "s" : "",
		    b.data);
	buf_free(&b);
	return n > 0 ? CMD_FAIL : 0;
}

static int
review_add(const struct cmd_entry *e, struct cmd_ctx *ctx, int argc,
    char **argv)
{
	struct option		 longopts[NADDOPTS + 8];
	struct store		*st;
	const struct schema	*kind;
	struct review_ctx	*rctx = NULL;
	struct ydoc		*doc = NULL;
	struct diags		 d = DIAGS_INIT;
	struct cal_date		 date, due;
	const char		*from = NULL, *cost = NULL, *running = NULL;
	const struct node	*dflt;
	const char		*code, *v;
	char			*id = NULL, *rel = NULL, **yearcosts = NULL;
	char			 iso[CAL_FMT_MAX], yen[32], yen2[32], yn[8];
	size_t			 i, nyc = 0;
	int			 ch, idx, noinput = 0, rc = CMD_FAIL;
	char			**setv = NULL;
	size_t			 nset = 0;

	for (i = 0; i < NADDOPTS; i++) {
		longopts[i].name = addopts[i].opt;
		longopts[i].has_arg = required_argument;
		longopts[i].flag = NULL;
		longopts[i].val = 1000 + (int)i;
	}
	longopts[i++] = (struct option){ "from", required_argument, NULL, 'f' };
	longopts[i++] = (struct option){ "no-input", no_argument, NULL, 'n' };
	longopts[i++] = (struct option){ "cost", required_argument, NULL, 'c' };
	longopts[i++] = (struct option){ "running", required_argument, NULL,
	    'r' };
	longopts[i++] = (struct option){ "year-cost", required_argument, NULL,
	    'y' };
	longopts[i] = (struct option){ NULL, 0, NULL, 0 };

	if ((setv = calloc((size_t)argc, sizeof *setv)) == NULL ||
	    (yearcosts = calloc((size_t)argc, sizeof *yearcosts)) == NULL) {
		free(setv);
		return cmd_error("out of memory");
	}
	optind = 1;
	while ((ch = getopt_long(argc, argv, "", longopts, &idx)) != -1) {
		if (ch >= 1000) {
			setv[nset++] = argv[optind - 1];
			continue;
		}
		switch (ch) {
		case 'f':
			from = optarg;
			break;
		case 'n':
			noinput = 1;
			break;
		case 'c':
			cost = optarg;
			break;
		case 'r':
			running = optarg;
			break;
		case 'y':
			yearcosts[nyc++] = optarg;
			break;
		default:
			rc = cmd_bad_usage(e, NULL);
			goto done;
		}
	}
	if (optind < argc) {
		rc = cmd_bad_usage(e, "unexpected argument '%s'", argv[optind]);
		goto done;
	}
	if ((st = cmd_store(ctx)) == NULL)
		goto done;
	if (store_kind(&kind, st, "review") != 0 ||
	    review_ctx_new(&rctx, st) != 0) {
		cmd_lib_error();
		goto done;
	}
	if (from != NULL) {
		if (ydoc_load(&doc, from, &d) != 0) {
			cmd_print_diags(stderr, &d);
			cmd_error("cannot read '%s': %s", from, error_last());
			goto done;
		}
		if (ydoc_root(doc) == NULL ||
		    ydoc_root(doc)->kind != NODE_MAP) {
			cmd_error("'%s' must hold a mapping of fields", from);
			goto done;
		}
		if (node_get(ydoc_root(doc), "id") != NULL) {
			cmd_error("'%s' has an id; a new record gets a new id"
			    " (remove the id line)", from);
			goto done;
		}
	} else if ((doc = ydoc_new()) == NULL ||
	    (ydoc_set_root(doc, node_map(doc)), ydoc_root(doc) == NULL)) {
		cmd_error("out of memory");
		goto done;
	}

	/* Options, in the order given, each checked as it is read. */
	optind = 1;
	while ((ch = getopt_long(argc, argv, "", longopts, &idx)) != -1) {
		const struct addopt *a;

		if (ch < 1000)
			continue;
		a = &addopts[ch - 1000];
		v = optarg;
		switch (a->kind) {
		case A_DATE:
			if (opt_date(&date, iso, a->opt, optarg) != 0)
				goto done;
			v = iso;
			break;
		case A_BOOL:
			if (check_yesno(yn, a->opt, optarg) != 0)
				goto done;
			v = yn;
			break;
		case A_ORG:
			if ((code = prompt_org_code(st, optarg)) == NULL) {
				cmd_error("--org: %s", error_last());
				goto done;
			}
			v = code;
			break;
		}
		if (set_path(doc, ydoc_root(doc), a->field, v,
		    a->kind == A_LIST) != 0)
			goto done;
	}
	for (i = 0; i < nyc; i++)
		if (add_year_cost(doc, yearcosts[i]) != 0)
			goto done;
	if (cost != NULL && opt_amount(yen, "cost", cost) != 0)
		goto done;
	if (running != NULL && opt_amount(yen2, "running", running) != 0)
		goto done;
	if (!noinput && prompt_interactive()) {
		if (ask_all(st, kind, doc) != 0) {
			rc = prompt_cancelled();
			goto done;
		}
	}
	if (add_first_year(doc, cost != NULL ? yen : NULL,
	    running != NULL ? yen2 : NULL) != 0)
		goto done;
	/* The schema's default type (plan) decides what else is required. */
	if (node_get(ydoc_root(doc), "type") == NULL &&
	    (dflt = schema_default(schema_prop(kind, "type"))) != NULL &&
	    dflt->kind == NODE_SCALAR &&
	    set_str(doc, ydoc_root(doc), "type", dflt->u.s.str) != 0)
		goto done;
	if (missing_fields(kind, doc) != 0)
		goto done;

	/* A procurement opinion is due about a week after the request. */
	if (node_scalar_eq(node_get(ydoc_root(doc), "type"), "procurement") &&
	    node_get(ydoc_root(doc), "due") == NULL &&
	    review_due(&due, review_ctx_cal(rctx), ydoc_root(doc)) == 0) {
		cal_format_iso(iso, sizeof iso, due);
		if (set_str(doc, ydoc_root(doc), "due", iso) != 0)
			goto done;
	}
	if (record_create(&id, &rel, st, kind, doc, &d) != 0) {
		cmd_print_diags(stderr, &d);
		cmd_error("no review created: %s", error_last());
		goto done;
	}
	printf("%s\n", id);
	fprintf(stderr, "%s/%s\n", store_root(st), rel);
	rc = CMD_OK;
done:
	free(setv);
	free(yearcosts);
	free(id);
	free(rel);
	ydoc_free(doc);
	diags_free(&d);
	review_ctx_free(rctx);
	return rc;
}

/*
 * review hearing
 */

static struct node *
last_round(struct node *root)
{
	struct node	*h = node_get(root, "hearings");

	if (h == NULL || h->kind != NODE_SEQ || h->n == 0)
		return NULL;
	return h->u.items[h->n - 1];
}

static struct node *
find_round(struct node *root, long n)
{
	struct node	*h = node_get(root, "hearings");
	size_t		 i;

	for (i = 0; h != NULL && h->kind == NODE_SEQ && i < h->n; i++)
		if (node_get_str(h->u.items[i], "round") != NULL &&
		    strtol(node_get_str(h->u.items[i], "round"), NULL, 10) ==
		    n)
			return h->u.items[i];
	return NULL;
}

static int
unanswered(const struct node *round)
{
	const struct node	*items = node_get(round, "items");
	size_t			 i, n = 0;

	for (i = 0; items != NULL && items->kind == NODE_SEQ &&
	    i < items->n; i++)
		if (node_get(items->u.items[i], "answer") == NULL)
			n++;
	return (int)n;
}

/* Check a step's date against the record and write it as YYYY-MM-DD. */
static int
step_date(char iso[CAL_FMT_MAX], struct rv *r, const char *what,
    const char *arg)
{
	struct cal_date	d;

	if (arg == NULL)
		d = cal_today();
	else if (cal_parse(&d, arg) != 0)
		return cmd_error("%s: %s", what, error_last());
	if (review_check_date(rv_root(r), what, d) != 0)
		return cmd_lib_error();
	cal_format_iso(iso, CAL_FMT_MAX, d);
	return 0;
}

static int
review_hearing(const struct cmd_entry *e, struct cmd_ctx *ctx, int argc,
    char **argv)
{
	static const struct option longopts[] = {
		{ "question", required_argument, NULL, 'q' },
		{ "answer", required_argument, NULL, 'a' },
		{ "sent", required_argument, NULL, 's' },
		{ "due", required_argument, NULL, 'd' },
		{ "answered", required_argument, NULL, 'A' },
		{ "method", required_argument, NULL, 'm' },
		{ "round", required_argument, NULL, 'R' },
		{ NULL, 0, NULL, 0 }
	};
	struct rv	 r;
	struct ydoc	*doc;
	struct node	*root, *round, *seq, *items, *it;
	const struct schema *hs;
	const char	*sent = NULL, *due = NULL, *answered = NULL;
	const char	*method = NULL;
	char		**qs = NULL, **as = NULL, iso[CAL_FMT_MAX], buf[16];
	char		*v, *end;
	size_t		 nq = 0, na = 0, i;
	long		 rn = 0, k;
	int		 ch, rc = CMD_FAIL, interactive;

	if ((qs = calloc((size_t)argc, sizeof *qs)) == NULL ||
	    (as = calloc((size_t)argc, sizeof *as)) == NULL) {
		free(qs);
		return cmd_error("out of memory");
	}
	memset(&r, 0, sizeof r);
	optind = 1;
	while ((ch = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		switch (ch) {
		case 'q':
			qs[nq++] = optarg;
			break;
		case 'a':
			as[na++] = optarg;
			break;
		case 's':
			sent = optarg;
			break;
		case 'd':
			due = optarg;
			break;
		case 'A':
			answered = optarg;
			break;
		case 'm':
			method = optarg;
			break;
		case 'R':
			rn = strtol(optarg, &end, 10);
			if (*end != '\0' || rn < 1) {
				rc = cmd_bad_usage(e, "--round: '%s' is not a"
				    " round number", optarg);
				goto out;
			}
			break;
		default:
			rc = cmd_bad_usage(e, NULL);
			goto out;
		}
	}
	if (argc - optind != 1) {
		rc = cmd_bad_usage(e, argc - optind < 1 ? "which review?" :
		    "too many arguments");
		goto out;
	}
	if (nq > 0 && (na > 0 || answered != NULL)) {
		rc = cmd_bad_usage(e, "send questions and record answers in"
		    " separate steps");
		goto out;
	}
	if ((rc = rv_open(&r, ctx, argv[optind])) != CMD_OK)
		goto done;
	rc = CMD_FAIL;
	doc = r.rec->doc;
	root = rv_root(&r);
	hs = schema_items(schema_prop(r.ctx == NULL ? NULL :
	    review_ctx_kind(r.ctx), "hearings"));
	/* Dates may come with the questions or answers typed in. */
	interactive = nq == 0 && na == 0 && prompt_interactive();
	round = rn > 0 ? find_round(root, rn) : last_round(root);
	if (rn > 0 && round == NULL) {
		cmd_error("%s has no hearing round %ld", r.ref.id, rn);
		goto done;
	}

	/* Answers to the latest round, or to --round N. */
	if (na > 0 || (answered != NULL && !interactive) || (interactive &&
	    round != NULL && unanswered(round) > 0)) {
		if (round == NULL) {
			cmd_error("%s has no hearing round to answer; send"
			    " questions first (--question)", r.ref.id);
			goto done;
		}
		items = node_get(round, "items");
		if (interactive) {
			for (i = 0; items != NULL && i < items->n; i++) {
				it = items->u.items[i];
				if (node_get(it, "answer") != NULL)
					continue;
				fprintf(stderr, "質問%zu: %s\n", i + 1,
				    node_get_str(it, "question"));
				if (prompt_line(&v, "  所管課回答", NULL, 0)
				    != 0) {
					rc = prompt_cancelled();
					goto done;
				}
				if (v != NULL)
					node_map_set_str(doc, it, "answer", v);
				free(v);
			}
		}
		for (i = 0; i < na; i++) {
			/* N:TEXT answers question N; TEXT the next open one. */
			k = strtol(as[i], &end, 10);
			if (end != as[i] && *end == ':' && k >= 1) {
				v = end + 1;
			} else {
				v = as[i];
				for (k = 1; items != NULL &&
				    (size_t)k <= items->n; k++)
					if (node_get(items->u.items[k - 1],
					    "answer") == NULL)
						break;
			}
			if (items == NULL || k < 1 || (size_t)k > items->n) {
				cmd_error("--answer '%s': round %s has no"
				    " question %ld (it has %zu)", as[i],
				    node_get_str(round, "round"), k,
				    items != NULL ? items->n : 0);
				goto done;
			}
			if (set_str(doc, items->u.items[k - 1], "answer", v)
			    != 0)
				goto done;
		}
		if (answered != NULL || unanswered(round) == 0) {
			if (step_date(iso, &r, "--answered", answered) != 0)
				goto done;
			if (node_get(round, "answered") == NULL ||
			    answered != NULL)
				set_str(doc, round, "answered", iso);
		}
		rc = rv_save(&r);
		goto done;
	}

	/* A new round of questions. */
	if ((seq = child(doc, root, "hearings", 1)) == NULL ||
	    (round = node_map(doc)) == NULL) {
		cmd_lib_error();
		goto done;
	}
	snprintf(buf, sizeof buf, "%zu", seq->n + 1);
	node_map_set_str(doc, round, "round", buf);
	if (method == NULL && interactive) {
		if (prompt_prop(&v, r.st, schema_prop(hs, "method"), NULL, 1)
		    != 0) {
			rc = prompt_cancelled();
			goto done;
		}
		node_map_set_str(doc, round, "method", v);
		free(v);
	} else
		node_map_set_str(doc, round, "method", method != NULL ?
		    method : "written");
	if (step_date(iso, &r, "--sent", sent) != 0)
		goto done;
	node_map_set_str(doc, round, "sent", iso);
	if (due != NULL) {
		if (step_date(iso, &r, "--due", due) != 0)
			goto done;
		node_map_set_str(doc, round, "due", iso);
	}
	if ((items = child(doc, round, "items", 1)) == NULL)
		goto done;
	for (i = 0; i < nq; i++) {
		if ((it = node_map(doc)) == NULL ||
		    node_seq_push(doc, items, it) != 0 ||
		    node_map_set_str(doc, it, "question", qs[i]) != 0) {
			cmd_lib_error();
			goto done;
		}
	}
	if (interactive) {
		fprintf(stderr, "質問を1件ずつ入力してください（空行で終了）\n");
		for (k = 1;; k++) {
			char label[32];

			snprintf(label, sizeof label, "質問%ld", k);
			if (prompt_line(&v, label, NULL, 0) != 0) {
				rc = prompt_cancelled();
				goto done;
			}
			if (v == NULL)
				break;
			if ((it = node_map(doc)) == NULL ||
			    node_seq_push(doc, items, it) != 0 ||
			    node_map_set_str(doc, it, "question", v) != 0) {
				free(v);
				cmd_lib_error();
				goto done;
			}
			free(v);
		}
	}
	if (items->n == 0) {
		cmd_error("a hearing round needs at least one question"
		    " (--question TEXT)");
		goto done;
	}
	if (node_seq_push(doc, seq, round) != 0 ||
	    advance_status(doc, root, "hearing") != 0) {
		cmd_lib_error();
		goto done;
	}
	if ((rc = rv_save(&r)) == CMD_OK)
		fprintf(stderr, "round %s: %zu question%s\n", buf, items->n,
		    items->n == 1 ? "" : "s");
done:
	rv_close(&r);
out:
	free(qs);
	free(as);
	return rc;
}

/*
 * review assess
 */

/* An enum value given as value or Japanese label. */
static const char *
enum_value(const struct schema *s, const char *text)
{
	const char	*v, *t;
	size_t		 i;

	s = schema_resolve(s);
	for (i = 0; i < schema_nenum(s); i++) {
		v = schema_enum_at(s, i);
		t = schema_enum_title(s, v);
		if (strcmp(v, text) == 0 || (t != NULL && strcmp(t, text) == 0))
			return v;
	}
	return NULL;
}

static int
bad_enum(const struct schema *s, const char *opt, const char *text)
{
	struct buf	 b = BUF_INIT;
	size_t		 i;

	s = schema_resolve(s);
	for (i = 0; i < schema_nenum(s); i++)
		buf_printf(&b, "%s%s", i ? ", " : "", schema_enum_at(s, i));
	cmd_error("%s: '%s' is not one of %s", opt, text,
	    b.data != NULL ? b.data : "");
	buf_free(&b);
	return CMD_FAIL;
}

static struct node *
finding_for(struct ydoc *doc, struct node *root, const char *viewpoint)
{
	struct node	*seq, *f;
	size_t		 i;

	if ((seq = child(doc, root, "findings", 1)) == NULL)
		return NULL;
	for (i = 0; i < seq->n; i++)
		if (node_scalar_eq(node_get(seq->u.items[i], "viewpoint"),
		    viewpoint))
			return seq->u.items[i];
	if ((f = node_map(doc)) == NULL || node_seq_push(doc, seq, f) != 0 ||
	    node_map_set_str(doc, f, "viewpoint", viewpoint) != 0)
		return NULL;
	return f;
}

/* Findings one viewpoint at a time until an empty answer. */
static int
assess_interactive(struct rv *r, const struct schema *fs)
{
	static const char *const fields[] = { "rating", "check", "answer",
	    "comment", NULL };
	struct ydoc	*doc = r->rec->doc;
	struct node	*f;
	const char	*old;
	char		*vp = NULL, *v;
	size_t		 i;

	for (;;) {
		if (prompt_prop(&vp, r->st, schema_prop(fs, "viewpoint"), NULL,
		    0) != 0)
			return PROMPT_CANCEL;
		if (vp == NULL)
			return 0;
		if ((f = finding_for(doc, rv_root(r), vp)) == NULL) {
			free(vp);
			return PROMPT_CANCEL;
		}
		free(vp);
		for (i = 0; fields[i] != NULL; i++) {
			old = node_get_str(f, fields[i]);
			if (prompt_prop(&v, r->st, schema_prop(fs, fields[i]),
			    old, i == 0) != 0)
				return PROMPT_CANCEL;
			if (v != NULL)
				node_map_set_str(doc, f, fields[i], v);
			free(v);
		}
	}
}

static int
review_assess(const struct cmd_entry *e, struct cmd_ctx *ctx, int argc,
    char **argv)
{
	static const struct option longopts[] = {
		{ "viewpoint", required_argument, NULL, 'v' },
		{ "rating", required_argument, NULL, 'r' },
		{ "check", required_argument, NULL, 'c' },
		{ "answer", required_argument, NULL, 'a' },
		{ "comment", required_argument, NULL, 'm' },
		{ "overall", required_argument, NULL, 'o' },
		{ "proposed", required_argument, NULL, 'p' },
		{ "opinion", required_argument, NULL, 'O' },
		{ "target", required_argument, NULL, 't' },
		{ "submitted", required_argument, NULL, 's' },
		{ NULL, 0, NULL, 0 }
	};
	struct rv		 r;
	struct ydoc		*doc;
	struct node		*root, *f, *op, *seq;
	const struct schema	*kind, *fs;
	const char		*vp = NULL, *rating = NULL, *check = NULL;
	const char		*answer = NULL, *comment = NULL;
	const char		*overall = NULL, *proposed = NULL;
	const char		*opinion = NULL, *target = NULL;
	const char		*submitted = NULL, *val;
	char			 iso[CAL_FMT_MAX], *v;
	int			 ch, rc, any;

	optind = 1;
	while ((ch = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		switch (ch) {
		case 'v': vp = optarg; break;
		case 'r': rating = optarg; break;
		case 'c': check = optarg; break;
		case 'a': answer = optarg; break;
		case 'm': comment = optarg; break;
		case 'o': overall = optarg; break;
		case 'p': proposed = optarg; break;
		case 'O': opinion = optarg; break;
		case 't': target = optarg; break;
		case 's': submitted = optarg; break;
		default:
			return cmd_bad_usage(e, NULL);
		}
	}
	if (argc - optind != 1)
		return cmd_bad_usage(e, argc - optind < 1 ? "which review?" :
		    "too many arguments");
	if (vp == NULL && (rating != NULL || check != NULL || answer != NULL ||
	    comment != NULL))
		return cmd_bad_usage(e, "--rating, --check, --answer and"
		    " --comment describe the finding of a --viewpoint");
	if (target != NULL && opinion == NULL)
		return cmd_bad_usage(e, "--target goes with --opinion");
	if ((rc = rv_open(&r, ctx, argv[optind])) != CMD_OK)
		goto done;
	rc = CMD_FAIL;
	doc = r.rec->doc;
	root = rv_root(&r);
	kind = review_ctx_kind(r.ctx);
	fs = schema_items(schema_prop(kind, "findings"));
	any = vp != NULL || overall != NULL || proposed != NULL ||
	    opinion != NULL || submitted != NULL;

	if (!any) {
		if (!prompt_interactive()) {
			rc = cmd_bad_usage(e, "nothing to record: give"
			    " --viewpoint and --rating, --overall, --proposed,"
			    " --opinion or --submitted");
			goto done;
		}
		if (assess_interactive(&r, fs) != 0 ||
		    prompt_prop(&v, r.st, schema_prop(kind, "overall"),
		    node_get_str(root, "overall"), 0) != 0) {
			rc = prompt_cancelled();
			goto done;
		}
		if (v != NULL)
			node_map_set_str(doc, root, "overall", v);
		free(v);
		if (prompt_prop(&v, r.st, schema_prop(kind, "proposed_result"),
		    node_get_str(root, "proposed_result"), 0) != 0) {
			rc = prompt_cancelled();
			goto done;
		}
		if (v != NULL)
			node_map_set_str(doc, root, "proposed_result", v);
		free(v);
	}
	if (vp != NULL) {
		if ((val = enum_value(schema_prop(fs, "viewpoint"), vp)) ==
		    NULL) {
			bad_enum(schema_prop(fs, "viewpoint"), "--viewpoint",
			    vp);
			goto done;
		}
		if ((f = finding_for(doc, root, val)) == NULL) {
			cmd_lib_error();
			goto done;
		}
		if (rating != NULL) {
			if ((val = enum_value(schema_prop(fs, "rating"),
			    rating)) == NULL) {
				bad_enum(schema_prop(fs, "rating"), "--rating",
				    rating);
				goto done;
			}
			node_map_set_str(doc, f, "rating", val);
		}
		if (check != NULL)
			node_map_set_str(doc, f, "check", check);
		if (answer != NULL)
			node_map_set_str(doc, f, "answer", answer);
		if (comment != NULL)
			node_map_set_str(doc, f, "comment", comment);
	}
	if (overall != NULL)
		node_map_set_str(doc, root, "overall", overall);
	if (proposed != NULL) {
		if ((val = enum_value(schema_prop(kind, "proposed_result"),
		    proposed)) == NULL) {
			bad_enum(schema_prop(kind, "proposed_result"),
			    "--proposed", proposed);
			goto done;
		}
		node_map_set_str(doc, root, "proposed_result", val);
	}
	if (opinion != NULL) {
		if ((seq = child(doc, root, "opinions", 1)) == NULL ||
		    (op = node_map(doc)) == NULL ||
		    node_seq_push(doc, seq, op) != 0) {
			cmd_lib_error();
			goto done;
		}
		if (target != NULL)
			node_map_set_str(doc, op, "target", target);
		node_map_set_str(doc, op, "comment", opinion);
	}
	if (advance_status(doc, root, "assessed") != 0)
		goto done;
	if (submitted != NULL) {
		if (step_date(iso, &r, "--submitted", submitted) != 0)
			goto done;
		node_map_set_str(doc, root, "submitted", iso);
		if (!node_scalar_eq(node_get(root, "type"), "plan") &&
		    advance_status(doc, root, "submitted") != 0)
			goto done;
	}
	rc = rv_save(&r);
done:
	rv_close(&r);
	return rc;
}

/*
 * review decide
 */

static const char *
approver_label(const struct review_approval *a, const struct schema *kind)
{
	const struct schema	*s;
	const char		*t;

	if (a->title != NULL)
		return a->title;
	s = schema_prop(schema_prop(kind, "decision"), "approver");
	t = s != NULL ? schema_enum_title(schema_resolve(s), a->code) : NULL;
	return t != NULL ? t : a->code;
}

static int
review_decide(const struct cmd_entry *e, struct cmd_ctx *ctx, int argc,
    char **argv)
{
	static const struct option longopts[] = {
		{ "result", required_argument, NULL, 'r' },
		{ "condition", required_argument, NULL, 'c' },
		{ "date", required_argument, NULL, 'd' },
		{ "notice-no", required_argument, NULL, 'n' },
		{ "force", no_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 }
	};
	struct rv		 r;
	struct review_approval	 a;
	struct ydoc		*doc;
	struct node		*root, *dec, *conds, *n, *fnd;
	const struct schema	*kind, *rs;
	const char		*result = NULL, *date = NULL, *notice = NULL;
	const char		*type, *val;
	char			**cs = NULL, iso[CAL_FMT_MAX], yen[32];
	char			 lim[32];
	size_t			 ncs = 0, i;
	int			 ch, rc = CMD_FAIL, force = 0, plan;

	if ((cs = calloc((size_t)argc, sizeof *cs)) == NULL)
		return cmd_error("out of memory");
	memset(&r, 0, sizeof r);
	optind = 1;
	while ((ch = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		switch (ch) {
		case 'r': result = optarg; break;
		case 'c': cs[ncs++] = optarg; break;
		case 'd': date = optarg; break;
		case 'n': notice = optarg; break;
		case 'f': force = 1; break;
		default:
			rc = cmd_bad_usage(e, NULL);
			goto out;
		}
	}
	if (argc - optind != 1) {
		rc = cmd_bad_usage(e, argc - optind < 1 ? "which review?" :
		    "too many arguments");
		goto out;
	}
	if (result == NULL) {
		rc = cmd_bad_usage(e, "--result approve, conditional or reject"
		    " is required");
		goto out;
	}
	if ((rc = rv_open(&r, ctx, argv[optind])) != CMD_OK)
		goto done;
	rc = CMD_FAIL;
	doc = r.rec->doc;
	root = rv_root(&r);
	kind = review_ctx_kind(r.ctx);
	type = node_get_str(root, "type");
	plan = type != NULL && strcmp(type, "plan") == 0;
	if (type != NULL && strcmp(type, "procurement") == 0) {
		cmd_error("%s is a procurement opinion: it is submitted, not"
		    " decided (review assess %s --submitted DATE)", r.ref.id,
		    r.ref.id);
		goto done;
	}
	rs = schema_prop(schema_prop(kind, "decision"), "result");
	if ((val = enum_value(rs, result)) == NULL) {
		bad_enum(rs, "--result", result);
		goto done;
	}
	if (strcmp(val, "conditional") == 0 && ncs == 0) {
		cmd_error("a conditional decision needs its conditions"
		    " (--condition TEXT)");
		goto done;
	}
	if (strcmp(val, "conditional") != 0 && ncs > 0) {
		cmd_error("--condition goes with --result conditional, not"
		    " '%s'", val);
		goto done;
	}
	fnd = node_get(root, "findings");
	if (fnd == NULL || fnd->kind != NODE_SEQ || fnd->n == 0) {
		if (!force) {
			cmd_warn("%s has no findings (review assess %s"
			    " --viewpoint ...)", r.ref.id, r.ref.id);
			cmd_error("not decided; use --force to decide without"
			    " findings");
			goto done;
		}
		cmd_warn("%s has no findings; deciding anyway (--force)",
		    r.ref.id);
	}
	if (step_date(iso, &r, "--date", date) != 0)
		goto done;
	if (node_get(root, "decision") != NULL)
		cmd_warn("replacing the earlier decision of %s",
		    node_get_str(node_get(root, "decision"), "date") != NULL ?
		    node_get_str(node_get(root, "decision"), "date") : "?");
	if ((dec = node_map(doc)) == NULL ||
	    node_map_set(doc, root, "decision", dec) != 0) {
		cmd_lib_error();
		goto done;
	}
	node_map_set_str(doc, dec, "result", val);
	if (ncs > 0) {
		if ((conds = node_seq(doc)) == NULL ||
		    node_map_set(doc, dec, "conditions", conds) != 0) {
			cmd_lib_error();
			goto done;
		}
		for (i = 0; i < ncs; i++)
			if ((n = node_str(doc, cs[i])) == NULL ||
			    node_seq_push(doc, conds, n) != 0) {
				cmd_lib_error();
				goto done;
			}
	}
	if (plan) {
		if (review_approver(&a, review_ctx_config(r.ctx), root) != 0) {
			cmd_lib_error();
			goto done;
		}
		node_map_set_str(doc, dec, "approver", a.code);
	}
	node_map_set_str(doc, dec, "date", iso);
	if (notice != NULL)
		node_map_set_str(doc, dec, "notice_no", notice);
	if (advance_status(doc, root, "decided") != 0)
		goto done;
	if ((rc = rv_save(&r)) != CMD_OK)
		goto done;
	printf("判定: %s\n", schema_enum_title(schema_resolve(rs), val));
	if (plan) {
		amount_format(yen, sizeof yen, a.cost);
		printf("決裁区分: %s (%s)\n", approver_label(&a, kind), a.code);
		printf("  区分 %s, 経費 %s円 (%s)", node_get_str(root,
		    "category"), yen, a.basis);
		if (a.below >= 0) {
			amount_format(lim, sizeof lim, a.below);
			printf(" < %s円", lim);
		}
		printf(": %s approval.rules[%zu]\n", STORE_MARKER, a.rule + 1);
	}
done:
	rv_close(&r);
out:
	free(cs);
	return rc;
}

/*
 * review list
 */

struct lrow {
	struct record	*r;
	const char	*received;
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

/* Load every review of a year (0: all), sorted by date received. */
static int
load_reviews(struct lrow **out, size_t *nout, struct store *st,
    const struct schema *kind, int fy)
{
	struct reclist	 l = RECLIST_INIT;
	struct diags	 d = DIAGS_INIT;
	struct lrow	*v = NULL;
	size_t		 i, n = 0;
	int		 rc = CMD_OK;

	*out = NULL;
	*nout = 0;
	if (store_scan(&l, st, kind, fy, NULL) != 0)
		return cmd_lib_error();
	if (l.n > 0 && (v = calloc(l.n, sizeof *v)) == NULL) {
		reclist_free(&l);
		return cmd_error("out of memory");
	}
	for (i = 0; i < l.n; i++) {
		if (record_load(&v[n].r, st, &l.v[i], &d) != 0) {
			cmd_print_diags(stderr, &d);
			diags_free(&d);
			cmd_warn("skipping %s: %s", l.v[i].relpath,
			    error_last());
			continue;
		}
		v[n].received = record_field(v[n].r, "received");
		n++;
	}
	reclist_free(&l);
	if (n > 0)
		qsort(v, n, sizeof *v, lrow_cmp);
	*out = v;
	*nout = n;
	return rc;
}

static void
free_reviews(struct lrow *v, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++)
		record_free(v[i].r);
	free(v);
}

static int
review_list(const struct cmd_entry *e, struct cmd_ctx *ctx, int argc,
    char **argv)
{
	static const struct option longopts[] = {
		{ "fy", required_argument, NULL, 'y' },
		{ "type", required_argument, NULL, 't' },
		{ "status", required_argument, NULL, 's' },
		{ "overdue", no_argument, NULL, 'o' },
		{ "as-of", required_argument, NULL, 'a' },
		{ NULL, 0, NULL, 0 }
	};
	struct store		*st;
	struct review_ctx	*rctx = NULL;
	const struct schema	*kind, *ss, *ts;
	struct lrow		*rows = NULL;
	struct table		*t = NULL;
	struct buf		 out = BUF_INIT;
	struct cal_date		 asof = cal_today(), due;
	const struct node	*root;
	const char		*cells[7], *type = NULL, *v, **sts = NULL;
	char			 iso[CAL_FMT_MAX], days[32], duebuf[CAL_FMT_MAX + 48];
	size_t			 i, k, n = 0, nst = 0;
	long			 open, over;
	int			 ch, fy = 0, overdue = 0, rc = CMD_FAIL, hit;

	if ((sts = calloc((size_t)argc + 1, sizeof *sts)) == NULL)
		return cmd_error("out of memory");
	optind = 1;
	while ((ch = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		switch (ch) {
		case 'y':
			if (cmd_parse_fy(optarg, &fy) != 0) {
				rc = CMD_USAGE;
				goto done;
			}
			break;
		case 't':
			type = optarg;
			break;
		case 's':
			sts[nst++] = optarg;
			break;
		case 'o':
			overdue = 1;
			break;
		case 'a':
			if (opt_date(&asof, iso, "as-of", optarg) != 0) {
				rc = CMD_USAGE;
				goto done;
			}
			break;
		default:
			rc = cmd_bad_usage(e, NULL);
			goto done;
		}
	}
	if (optind != argc) {
		rc = cmd_bad_usage(e, "unexpected argument '%s'", argv[optind]);
		goto done;
	}
	if ((st = cmd_store(ctx)) == NULL)
		goto done;
	if (store_kind(&kind, st, "review") != 0 ||
	    review_ctx_new(&rctx, st) != 0) {
		cmd_lib_error();
		goto done;
	}
	ss = schema_resolve(schema_prop(kind, "status"));
	ts = schema_resolve(schema_prop(kind, "type"));
	for (i = 0; i < nst; i++) {
		if ((v = enum_value(ss, sts[i])) == NULL) {
			bad_enum(ss, "--status", sts[i]);
			goto done;
		}
		sts[i] = v;
	}
	if (type != NULL && (type = enum_value(ts, type)) == NULL) {
		bad_enum(ts, "--type", type);
		goto done;
	}
	if (load_reviews(&rows, &n, st, kind, fy) != CMD_OK)
		goto done;
	if ((t = table_new(7)) == NULL) {
		cmd_lib_error();
		goto done;
	}
	table_set_header(t, 0, "ID", 0);
	table_set_header(t, 1, "受付日", 0);
	table_set_header(t, 2, "所管課", 0);
	table_set_header(t, 3, "件名", 0);
	table_set_header(t, 4, "状況", 0);
	table_set_header(t, 5, "日数", 1);
	table_set_header(t, 6, "期限", 0);
	for (i = 0; i < n; i++) {
		root = record_root(rows[i].r);
		if (type != NULL && !node_scalar_eq(node_get(root, "type"),
		    type))
			continue;
		for (hit = nst == 0, k = 0; k < nst; k++)
			if (node_scalar_eq(node_get(root, "status"), sts[k]))
				hit = 1;
		if (!hit)
			continue;
		if (review_overdue(&over, review_ctx_cal(rctx), root, asof)
		    != 0) {
			cmd_lib_error();
			goto done;
		}
		if (overdue && over == 0)
			continue;
		days[0] = '\0';
		if (!node_scalar_eq(node_get(root, "status"), "withdrawn") &&
		    review_days_open(&open, root, asof) == 0)
			snprintf(days, sizeof days, "%ld", open);
		duebuf[0] = '\0';
		if (review_due(&due, review_ctx_cal(rctx), root) == 0) {
			cal_format_iso(iso, sizeof iso, due);
			if (over > 0)
				snprintf(duebuf, sizeof duebuf,
				    "%s 超過%ld日", iso, over);
			else
				snprintf(duebuf, sizeof duebuf, "%s", iso);
		}
		v = node_get_str(root, "status");
		cells[0] = rows[i].r->relpath != NULL ? record_id(rows[i].r) :
		    "";
		cells[1] = rows[i].received;
		cells[2] = org_label(st, node_get_str(root, "org"));
		cells[3] = node_get_str(root, "title");
		cells[4] = v != NULL && schema_enum_title(ss, v) != NULL ?
		    schema_enum_title(ss, v) : v;
		cells[5] = days;
		cells[6] = duebuf;
		if (table_add_row(t, cells) != 0) {
			cmd_lib_error();
			goto done;
		}
	}
	if (table_nrows(t) == 0) {
		fprintf(stderr, "no reviews%s\n", overdue ? " past due" : "");
		rc = CMD_OK;
		goto done;
	}
	if (table_render(t, &out) != 0) {
		cmd_lib_error();
		goto done;
	}
	fwrite(out.data, 1, out.len, stdout);
	rc = CMD_OK;
done:
	free(sts);
	table_free(t);
	buf_free(&out);
	free_reviews(rows, n);
	review_ctx_free(rctx);
	return rc;
}

/*
 * review export
 */

enum { DOC_RECORD = 1, DOC_NOTICE = 2, DOC_OPINION = 4, DOC_SHEET = 8 };

static int
write_doc(struct rv *r, const char *dir, const char *name,
    int (*fn)(struct review_ctx *, const struct node *, const char *))
{
	struct buf	path = BUF_INIT;
	int		rc;

	buf_printf(&path, "%s%s%s_%s", dir, dir[0] != '\0' &&
	    dir[strlen(dir) - 1] == '/' ? "" : "/", r->ref.id, name);
	if (buf_ok(&path) != 0)
		return cmd_lib_error();
	if ((rc = fn(r->ctx, rv_root(r), path.data)) != 0)
		rc = cmd_error("%s: %s", path.data, error_last());
	else
		printf("%s\n", path.data);
	buf_free(&path);
	return rc;
}

static int
review_export(const struct cmd_entry *e, struct cmd_ctx *ctx, int argc,
    char **argv)
{
	static const struct option longopts[] = {
		{ "record", no_argument, NULL, 'r' },
		{ "notice", no_argument, NULL, 'n' },
		{ "opinion", no_argument, NULL, 'p' },
		{ "sheet", no_argument, NULL, 's' },
		{ NULL, 0, NULL, 0 }
	};
	struct rv	 r;
	const char	*dir = ".", *type;
	int		 ch, rc, want = 0, plan, proc, sys;

	optind = 1;
	while ((ch = getopt_long(argc, argv, "o:", longopts, NULL)) != -1) {
		switch (ch) {
		case 'r': want |= DOC_RECORD; break;
		case 'n': want |= DOC_NOTICE; break;
		case 'p': want |= DOC_OPINION; break;
		case 's': want |= DOC_SHEET; break;
		case 'o': dir = optarg; break;
		default:
			return cmd_bad_usage(e, NULL);
		}
	}
	if (argc - optind != 1)
		return cmd_bad_usage(e, argc - optind < 1 ? "which review?" :
		    "too many arguments");
	if ((rc = rv_open(&r, ctx, argv[optind])) != CMD_OK)
		goto done;
	/* -o names a folder of deliverables: make it, like mkdir. */
	if (mkdir(dir, 0777) != 0 && errno != EEXIST) {
		rc = cmd_error("cannot create '%s': %s", dir, strerror(errno));
		goto done;
	}
	type = node_get_str(rv_root(&r), "type");
	plan = type != NULL && strcmp(type, "plan") == 0;
	proc = type != NULL && strcmp(type, "procurement") == 0;
	sys = type != NULL && strcmp(type, "system-evaluation") == 0;
	/* Without a choice: what the review's type and state call for. */
	if (want == 0) {
		if (plan)
			want = DOC_RECORD | (node_get(rv_root(&r), "decision") !=
			    NULL ? DOC_NOTICE : 0);
		else if (proc)
			want = DOC_OPINION;
		else
			want = DOC_SHEET | (node_get(rv_root(&r), "decision") !=
			    NULL ? DOC_NOTICE : 0);
	}
	if ((want & DOC_OPINION) && !proc) {
		rc = cmd_error("%s is not a procurement review: no opinion to"
		    " write", r.ref.id);
		goto done;
	}
	if ((want & DOC_SHEET) && !sys) {
		rc = cmd_error("%s is not a system evaluation: no evaluation"
		    " sheet to write", r.ref.id);
		goto done;
	}
	if ((want & DOC_NOTICE) && proc) {
		rc = cmd_error("%s is a procurement review: its document is the"
		    " opinion (--opinion)", r.ref.id);
		goto done;
	}
	if ((want & DOC_RECORD) &&
	    ((rc = write_doc(&r, dir, "精査記録.xlsx",
	    review_write_record_xlsx)) != 0 ||
	    (rc = write_doc(&r, dir, "精査記録.docx",
	    review_write_record_docx)) != 0))
		goto done;
	if ((want & DOC_NOTICE) && plan && (rc = write_doc(&r, dir,
	    "可否決定通知.docx", review_write_notice_docx)) != 0)
		goto done;
	if ((want & DOC_OPINION) && (rc = write_doc(&r, dir, "意見書.docx",
	    review_write_opinion_docx)) != 0)
		goto done;
	if ((want & DOC_SHEET) && (rc = write_doc(&r, dir,
	    "システム評価確認シート.xlsx", review_write_syseval_xlsx)) != 0)
		goto done;
	if ((want & DOC_NOTICE) && sys && (rc = write_doc(&r, dir,
	    "システム評価結果通知書.docx", review_write_syseval_docx)) != 0)
		goto done;
	rc = CMD_OK;
done:
	rv_close(&r);
	return rc;
}

/*
 * review summary
 */

static void
print_counts(struct table *t, const char *group,
    const struct review_counts *c, const long *expect)
{
	char		 n[32], cost[32], ex[32];
	const char	*cells[5];
	size_t		 i;

	for (i = 0; i < c->n; i++) {
		snprintf(n, sizeof n, "%zu", c->v[i].n);
		amount_format(cost, sizeof cost, c->v[i].cost);
		ex[0] = '\0';
		if (expect != NULL && i < 3)
			snprintf(ex, sizeof ex, "%ld", expect[i]);
		cells[0] = i == 0 ? group : "";
		cells[1] = c->v[i].label;
		cells[2] = n;
		cells[3] = ex;
		cells[4] = c->v[i].cost != 0 ? cost : "";
		table_add_row(t, cells);
	}
}

static int
review_summary(const struct cmd_entry *e, struct cmd_ctx *ctx, int argc,
    char **argv)
{
	static const struct option longopts[] = {
		{ "fy", required_argument, NULL, 'y' },
		{ NULL, 0, NULL, 0 }
	};
	struct store		*st;
	struct review_ctx	*rctx = NULL;
	struct review_summary	 sum;
	const struct schema	*kind;
	const struct node	**roots = NULL;
	struct lrow		*rows = NULL;
	struct table		*t = NULL;
	struct buf		 out = BUF_INIT;
	const char		*file = NULL;
	char			 cost[32];
	size_t			 i, n = 0;
	int			 ch, fy = 0, rc = CMD_FAIL, have = 0;

	optind = 1;
	while ((ch = getopt_long(argc, argv, "o:", longopts, NULL)) != -1) {
		switch (ch) {
		case 'y':
			if (cmd_parse_fy(optarg, &fy) != 0)
				return CMD_USAGE;
			break;
		case 'o':
			file = optarg;
			break;
		default:
			return cmd_bad_usage(e, NULL);
		}
	}
	if (optind != argc)
		return cmd_bad_usage(e, "unexpected argument '%s'",
		    argv[optind]);
	if (fy == 0)
		return cmd_bad_usage(e, "which fiscal year? (--fy YEAR)");
	if ((st = cmd_store(ctx)) == NULL)
		return CMD_FAIL;
	if (store_kind(&kind, st, "review") != 0 ||
	    review_ctx_new(&rctx, st) != 0) {
		cmd_lib_error();
		goto done;
	}
	if (load_reviews(&rows, &n, st, kind, fy) != CMD_OK)
		goto done;
	if (n > 0 && (roots = calloc(n, sizeof *roots)) == NULL) {
		cmd_error("out of memory");
		goto done;
	}
	for (i = 0; i < n; i++)
		roots[i] = record_root(rows[i].r);
	if (review_summarise(&sum, rctx, fy, roots, n) != 0) {
		cmd_lib_error();
		goto done;
	}
	have = 1;
	if ((t = table_new(5)) == NULL) {
		cmd_lib_error();
		goto done;
	}
	table_set_header(t, 0, "集計", 0);
	table_set_header(t, 1, "項目", 0);
	table_set_header(t, 2, "件数", 1);
	table_set_header(t, 3, "年間想定", 1);
	table_set_header(t, 4, "経費（税込・円）", 1);
	print_counts(t, "種別", &sum.by_type, sum.expect);
	print_counts(t, "判定", &sum.by_result, NULL);
	print_counts(t, "区分", &sum.by_category, NULL);
	print_counts(t, "部", &sum.by_dept, NULL);
	if (table_render(t, &out) != 0) {
		cmd_lib_error();
		goto done;
	}
	fwrite(out.data, 1, out.len, stdout);
	amount_format(cost, sizeof cost, sum.cost_total);
	printf("\n計 %zu件（取下げを除く）、審査した情報化企画の経費 %s円\n",
	    sum.total, cost);
	if (sum.median_days >= 0)
		printf("受付から決定までの日数（中央値） %.1f日（%zu件）\n",
		    sum.median_days, sum.ndecided);
	if (file != NULL) {
		if (review_write_summary_xlsx(rctx, &sum, file) != 0) {
			cmd_error("%s: %s", file, error_last());
			goto done;
		}
		fprintf(stderr, "%s\n", file);
	}
	rc = CMD_OK;
done:
	if (have)
		review_summary_free(&sum);
	table_free(t);
	buf_free(&out);
	free(roots);
	free_reviews(rows, n);
	review_ctx_free(rctx);
	return rc;
}

static const struct cmd_sub review_subs[] = {
	{ "add", review_add },
	{ "hearing", review_hearing },
	{ "assess", review_assess },
	{ "decide", review_decide },
	{ "export", review_export },
	{ "list", review_list },
	{ "summary", review_summary },
	{ NULL, NULL }
};

static int
cmd_review(const struct cmd_entry *e, struct cmd_ctx *ctx, int argc,
    char **argv)
{
	return cmd_dispatch(e, review_subs, ctx, argc, argv);
}

const struct cmd_entry cmd_review_entry = {
	.name = "review",
	.usage =
	    "nerima-cio review add [--no-input] [--from FILE] [--type TYPE]"
	    " [--title TEXT] [--org ORG] [--received DATE] [--category CATEGORY]"
	    " [--cost YEN] [--running YEN] [--year-cost FY:INITIAL:RUNNING]"
	    " [--OPTION VALUE ...]\n"
	    "nerima-cio review hearing ID [--question TEXT ...] [--sent DATE]"
	    " [--due DATE] [--method METHOD]\n"
	    "nerima-cio review hearing ID --answer TEXT ... [--answered DATE]"
	    " [--round N]\n"
	    "nerima-cio review assess ID [--viewpoint VIEWPOINT --rating RATING"
	    " [--check TEXT] [--answer TEXT] [--comment TEXT]] [--overall TEXT]"
	    " [--proposed RESULT] [--opinion TEXT [--target TEXT]]"
	    " [--submitted DATE]\n"
	    "nerima-cio review decide ID --result RESULT [--condition TEXT ...]"
	    " [--date DATE] [--notice-no TEXT] [--force]\n"
	    "nerima-cio review export ID [--record] [--notice] [--opinion]"
	    " [--sheet] [-o DIR]\n"
	    "nerima-cio review list [--fy YEAR] [--type TYPE] [--status STATUS ...]"
	    " [--overdue] [--as-of DATE]\n"
	    "nerima-cio review summary --fy YEAR [-o FILE]",
	.desc = "plan reviews, procurement opinions, system evaluation",
	.help =
	    "Plan scrutiny (情報化企画審査), procurement opinions (調達実施支援)\n"
	    "and system evaluation (システム評価), 3(1)ア(イ) a-c.\n"
	    "\n"
	    "  add        a new review: asks at a terminal, else from options;\n"
	    "             prints the id on standard output\n"
	    "  hearing    a round of questions to the division, or its answers\n"
	    "  assess     findings per viewpoint, overall view, opinions\n"
	    "  decide     the decision; a plan's 決裁区分 comes from the rules\n"
	    "             in nerima-cio.yaml (approval)\n"
	    "  export     the ward's documents (.xlsx, .docx) into DIR\n"
	    "  list       reviews with days open and due date\n"
	    "  summary    a year's counts against the expectations\n"
	    "\n"
	    "Options of add, each filling one field: --type plan|procurement|\n"
	    "system-evaluation, --title, --org (code or name), --received,\n"
	    "--ref-no, --due, --reviewer, --category new|update|modification,\n"
	    "--system, --purpose, --necessity, --effect, --cost-effectiveness,\n"
	    "--personal-info, --my-number, --cloud (yes/no), --cloud-service,\n"
	    "--network, --measures, --stage, --method, --document,\n"
	    "--evaluation-kind pre|post|operation, --operation-start, --note.\n"
	    "Amounts may be written 12800000, 12,800,000 or 1280万円; dates\n"
	    "YYYY-MM-DD or 令和8年4月1日.  See nerima-cio-review(1).\n",
	.exec = cmd_review,
};
