/*
 * The criteria (対応基準) as data: questions with their answer types,
 * actions in order of precedence, rules from answers to actions.  The
 * engine knows no question; a catalog that changes needs no code.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "error.h"
#include "i18n.h"
#include "incident.h"
#include "incident_int.h"
#include "parse.h"

static int
qtype(enum incident_qtype *out, const char *s)
{
	if (s == NULL)
		return -1;
	if (strcmp(s, "yes-no") == 0)
		*out = INCIDENT_Q_YESNO;
	else if (strcmp(s, "yes-no-unknown") == 0)
		*out = INCIDENT_Q_YESNO_UNKNOWN;
	else if (strcmp(s, "choice") == 0)
		*out = INCIDENT_Q_CHOICE;
	else if (strcmp(s, "count") == 0)
		*out = INCIDENT_Q_COUNT;
	else
		return -1;
	return 0;
}

static int
is_phase(const struct node *n, const char *phase)
{
	const char	*p = node_get_str(n, "phase");

	return p != NULL && strcmp(p, phase) == 0;
}

int
incident_questions(struct incident_question **out, size_t *nout,
    const struct node *catalog, const char *phase)
{
	const struct node	*qs = inc_seq(catalog, "questions"), *q;
	struct incident_question *v;
	size_t			 i, n = 0;

	*out = NULL;
	*nout = 0;
	if (qs == NULL || qs->n == 0)
		return 0;
	if ((v = calloc(qs->n, sizeof *v)) == NULL)
		return error_set(NC_ENOMEM, "out of memory");
	for (i = 0; i < qs->n; i++) {
		q = qs->u.items[i];
		if (!is_phase(q, phase))
			continue;
		v[n].key = node_get_str(q, "key");
		v[n].text = node_get_str(q, "text");
		v[n].help = node_get_str(q, "help");
		v[n].node = q;
		v[n].number = n + 1;
		if (v[n].key == NULL || v[n].text == NULL ||
		    qtype(&v[n].type, node_get_str(q, "type")) != 0) {
			free(v);
			return error_set(NC_EINVALID, "question %zu of the "
			    "catalog has no key, text or known type", i + 1);
		}
		n++;
	}
	*out = v;
	*nout = n;
	return 0;
}

/* Words people type for yes, no and unknown (after folding to ASCII). */
static const char *const yes_words[] = { "y", "yes", "true", "はい", "有",
    "あり", "する", NULL };
static const char *const no_words[] = { "n", "no", "false", "いいえ", "無",
    "なし", "しない", NULL };
static const char *const unknown_words[] = { "u", "unknown", "?",
    "わからない", "分からない", "不明", "未確認", NULL };

static int
word_in(const char *s, const char *const *words)
{
	size_t	i;

	for (i = 0; words[i] != NULL; i++)
		if (strcasecmp(s, words[i]) == 0)
			return 1;
	return 0;
}

int
incident_answer_hint(char **out, const struct incident_question *q)
{
	const struct node	*cs, *c;
	struct buf		 b = BUF_INIT;
	size_t			 i;

	*out = NULL;
	switch (q->type) {
	case INCIDENT_Q_YESNO:
		buf_puts(&b, "yes or no (はい/いいえ)");
		break;
	case INCIDENT_Q_YESNO_UNKNOWN:
		buf_puts(&b, "yes, no or unknown (はい/いいえ/わからない)");
		break;
	case INCIDENT_Q_COUNT:
		buf_puts(&b, "a whole number, 0 or more");
		break;
	case INCIDENT_Q_CHOICE:
		cs = inc_seq(q->node, "choices");
		buf_puts(&b, "one of ");
		for (i = 0; cs != NULL && i < cs->n; i++) {
			c = cs->u.items[i];
			buf_printf(&b, "%s%zu %s (%s)", i == 0 ? "" :
			    i + 1 == cs->n ? " or " : ", ", i + 1,
			    node_get_str(c, "value"), node_get_str(c, "title"));
		}
		break;
	}
	if (buf_ok(&b) != 0)
		return NC_ENOMEM;
	*out = buf_detach(&b, NULL);
	return 0;
}

/* Whether text is title with spaces (ASCII or U+3000) around it. */
static int
same_trimmed(const char *title, const char *text)
{
	size_t	n;

	for (;;) {
		if (*text == ' ' || *text == '\t')
			text++;
		else if (strncmp(text, "\xe3\x80\x80", 3) == 0)
			text += 3;
		else
			break;
	}
	n = strlen(title);
	if (strncmp(title, text, n) != 0)
		return 0;
	for (text += n; *text != '\0';) {
		if (*text == ' ' || *text == '\t')
			text++;
		else if (strncmp(text, "\xe3\x80\x80", 3) == 0)
			text += 3;
		else
			return 0;
	}
	return 1;
}

static int
bad_answer(const struct incident_question *q, const char *text)
{
	char	*hint = NULL;
	int	 rc;

	if (incident_answer_hint(&hint, q) != 0)
		return NC_ENOMEM;
	rc = error_set(NC_EINVALID, "'%s' is not an answer to '%s' (%s): "
	    "expected %s", text, q->key, q->text, hint);
	free(hint);
	return rc;
}

int
incident_answer_parse(char **out, const struct incident_question *q,
    const char *text)
{
	const struct node	*cs, *c;
	const char		*v = NULL, *cv, *ct;
	char			 s[PARSE_INPUT_MAX], num[32];
	long long		 k;
	size_t			 i;

	*out = NULL;
	if (text == NULL || parse_fold(s, sizeof s, text) != 0 || *s == '\0')
		return bad_answer(q, text != NULL ? text : "");
	switch (q->type) {
	case INCIDENT_Q_YESNO_UNKNOWN:
		if (word_in(s, unknown_words)) {
			v = "unknown";
			break;
		}
		/* FALLTHROUGH */
	case INCIDENT_Q_YESNO:
		if (word_in(s, yes_words))
			v = "yes";
		else if (word_in(s, no_words))
			v = "no";
		break;
	case INCIDENT_Q_COUNT:
		if (parse_int(&k, s, 0, 999999999) != 0)
			break;
		snprintf(num, sizeof num, "%lld", k);
		v = num;
		break;
	case INCIDENT_Q_CHOICE:
		cs = inc_seq(q->node, "choices");
		for (i = 0; cs != NULL && i < cs->n && v == NULL; i++) {
			c = cs->u.items[i];
			cv = node_get_str(c, "value");
			ct = node_get_str(c, "title");
			/* Titles as typed: folding turns ー into -. */
			if ((cv != NULL && strcmp(cv, s) == 0) ||
			    (ct != NULL && (strcmp(ct, s) == 0 ||
			    same_trimmed(ct, text))))
				v = cv;
		}
		if (v == NULL && cs != NULL && parse_int(&k, s, 1,
		    (long long)cs->n) == 0)
			v = node_get_str(cs->u.items[k - 1], "value");
		break;
	}
	error_clear();
	if (v == NULL)
		return bad_answer(q, text);
	if ((*out = strdup(v)) == NULL)
		return error_set(NC_ENOMEM, "out of memory");
	return 0;
}

const char *
incident_answer_label(const struct incident_question *q, const char *value)
{
	const struct node	*cs;
	const char		*cv;
	size_t			 i;

	if (value == NULL)
		return "";
	switch (q->type) {
	case INCIDENT_Q_YESNO:
	case INCIDENT_Q_YESNO_UNKNOWN:
		if (strcmp(value, "yes") == 0)
			return "はい";
		if (strcmp(value, "no") == 0)
			return "いいえ";
		if (strcmp(value, "unknown") == 0)
			return "わからない";
		break;
	case INCIDENT_Q_CHOICE:
		cs = inc_seq(q->node, "choices");
		for (i = 0; cs != NULL && i < cs->n; i++) {
			cv = node_get_str(cs->u.items[i], "value");
			if (cv != NULL && strcmp(cv, value) == 0)
				return node_get_str(cs->u.items[i], "title");
		}
		break;
	case INCIDENT_Q_COUNT:
		break;
	}
	return value;
}

static const struct node *
find_keyed(const struct node *catalog, const char *seq, const char *field,
    const char *key)
{
	const struct node	*s = inc_seq(catalog, seq);
	const char		*k;
	size_t			 i;

	for (i = 0; s != NULL && key != NULL && i < s->n; i++) {
		k = node_get_str(s->u.items[i], field);
		if (k != NULL && strcmp(k, key) == 0)
			return s->u.items[i];
	}
	return NULL;
}

const struct node *
incident_action(const struct node *catalog, const char *key)
{
	return find_keyed(catalog, "actions", "key", key);
}

const struct node *
incident_source(const struct node *catalog, const char *key)
{
	return find_keyed(catalog, "sources", "key", key);
}

static const char *
answer_of(const struct incident_answer *a, size_t n, const char *key)
{
	size_t	i;

	for (i = 0; key != NULL && i < n; i++)
		if (strcmp(a[i].key, key) == 0)
			return a[i].value;
	return NULL;
}

/* Whether one condition holds for the answers. */
static int
holds(const struct node *catalog, const struct node *cond,
    const struct incident_answer *a, size_t na)
{
	const struct node	*q, *in;
	const char		*key = node_get_str(cond, "question");
	const char		*v = answer_of(a, na, key), *is, *lim;
	enum incident_qtype	 t = INCIDENT_Q_YESNO;
	long long		 num = 0;
	size_t			 i;

	if (v == NULL)
		return 0;
	q = find_keyed(catalog, "questions", "key", key);
	if (q != NULL)
		qtype(&t, node_get_str(q, "type"));
	if (t == INCIDENT_Q_COUNT)
		num = strtoll(v, NULL, 10);
	if ((is = node_get_str(cond, "is")) != NULL) {
		if (t == INCIDENT_Q_COUNT ? num != strtoll(is, NULL, 10) :
		    strcmp(is, v) != 0)
			return 0;
	}
	if ((in = inc_seq(cond, "in")) != NULL) {
		for (i = 0; i < in->n; i++)
			if (in->u.items[i]->kind == NODE_SCALAR &&
			    strcmp(in->u.items[i]->u.s.str, v) == 0)
				break;
		if (i == in->n)
			return 0;
	}
	if ((lim = node_get_str(cond, "min")) != NULL &&
	    (t != INCIDENT_Q_COUNT || num < strtoll(lim, NULL, 10)))
		return 0;
	if ((lim = node_get_str(cond, "max")) != NULL &&
	    (t != INCIDENT_Q_COUNT || num > strtoll(lim, NULL, 10)))
		return 0;
	return 1;
}

/* Position of an action in the catalog's list (its precedence). */
static size_t
action_rank(const struct node *catalog, const char *key)
{
	const struct node	*s = inc_seq(catalog, "actions");
	const char		*k;
	size_t			 i;

	for (i = 0; s != NULL && i < s->n; i++) {
		k = node_get_str(s->u.items[i], "key");
		if (k != NULL && strcmp(k, key) == 0)
			return i;
	}
	return (size_t)-1;
}

static int
fire(struct incident_eval *out, const struct node *rule, size_t cap)
{
	const char	*ref = node_get_str(rule, "ref");
	const char	*act = node_get_str(rule, "action");

	if (ref == NULL || act == NULL)
		return error_set(NC_EINVALID, "a rule of the catalog has no ref"
		    " or action");
	if (out->nfired == cap)
		return error_set(NC_EINVALID, "too many rules fired");
	out->fired[out->nfired].rule = ref;
	out->fired[out->nfired].action = act;
	out->fired[out->nfired].node = rule;
	out->nfired++;
	return 0;
}

int
incident_evaluate(struct incident_eval *out, const struct node *catalog,
    const char *phase, const struct incident_answer *a, size_t na)
{
	const struct node	*rules = inc_seq(catalog, "rules"), *r, *when;
	size_t			 i, k, cap, best = (size_t)-1, rank;
	int			 all, pass, rc;

	memset(out, 0, sizeof *out);
	cap = rules != NULL ? rules->n : 0;
	if (cap > 0 && (out->fired = calloc(cap, sizeof *out->fired)) == NULL)
		return error_set(NC_ENOMEM, "out of memory");
	/* Pass 0: rules with conditions; pass 1: the defaults, if needed. */
	for (pass = 0; pass < 2; pass++) {
		if (pass == 1 && out->nfired > 0)
			break;
		for (i = 0; i < cap; i++) {
			r = rules->u.items[i];
			if (!is_phase(r, phase))
				continue;
			when = inc_seq(r, "when");
			if ((when == NULL || when->n == 0) != (pass == 1))
				continue;
			for (all = 1, k = 0; when != NULL && k < when->n; k++)
				if (!holds(catalog, when->u.items[k], a, na)) {
					all = 0;
					break;
				}
			if (all && (rc = fire(out, r, cap)) != 0) {
				incident_eval_free(out);
				return rc;
			}
		}
	}
	for (i = 0; i < out->nfired; i++) {
		rank = action_rank(catalog, out->fired[i].action);
		if (rank == (size_t)-1) {
			rc = error_set(NC_EINVALID, "rule '%s' recommends '%s',"
			    " which is not an action of the catalog",
			    out->fired[i].rule, out->fired[i].action);
			incident_eval_free(out);
			return rc;
		}
		if (best == (size_t)-1 || rank < best) {
			best = rank;
			out->action = out->fired[i].action;
		}
	}
	if (out->action != NULL)
		out->action_node = incident_action(catalog, out->action);
	return 0;
}

void
incident_eval_free(struct incident_eval *e)
{
	if (e == NULL)
		return;
	free(e->fired);
	memset(e, 0, sizeof *e);
}

/* --- lint ---------------------------------------------------------------- */

struct chk {
	const char	*path;
	struct diags	*d;
	int		 bad;
};

static void at(struct chk *, const struct node *, const char *, ...)
    NC_PRINTF(3, 4);

static void
at(struct chk *c, const struct node *n, const char *fmt, ...)
{
	va_list	ap;
	char	msg[1024];

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, _(fmt), ap);
	va_end(ap);
	c->bad = 1;
	diags_add(c->d, c->path, n != NULL ? n->line : 0,
	    n != NULL ? n->col : 0, "%s", msg);
}

/* NULL as "?" in messages. */
static const char *
q_(const char *s)
{
	return s != NULL ? s : "?";
}

/* Duplicate keys within a sequence of mappings. */
static void
unique(struct chk *c, const struct node *seq, const char *field,
    const char *what)
{
	const char	*k, *k2;
	size_t		 i, j;

	for (i = 0; seq != NULL && i < seq->n; i++) {
		k = node_get_str(seq->u.items[i], field);
		for (j = 0; k != NULL && j < i; j++) {
			k2 = node_get_str(seq->u.items[j], field);
			if (k2 != NULL && strcmp(k, k2) == 0) {
				at(c, node_get(seq->u.items[i], field),
				    "%s '%s' is given twice", what, k);
				break;
			}
		}
	}
}

/* A value of an is/in condition checked against the question's type. */
static void
check_value(struct chk *c, const struct node *vn, const struct node *q,
    const char *ref)
{
	struct incident_question	 iq;
	char				*norm = NULL;
	const char			*v = vn->kind == NODE_SCALAR ?
					    vn->u.s.str : NULL;

	memset(&iq, 0, sizeof iq);
	iq.key = node_get_str(q, "key");
	iq.text = node_get_str(q, "text");
	iq.node = q;
	if (qtype(&iq.type, node_get_str(q, "type")) != 0 || v == NULL)
		return;
	if (incident_answer_parse(&norm, &iq, v) != 0 ||
	    strcmp(norm, v) != 0)
		at(c, vn, "rule '%s': '%s' is not an answer to question '%s'",
		    q_(ref), v, q_(iq.key));
	free(norm);
	error_clear();
}

static void
check_criteria(struct chk *c, const struct node *root)
{
	const struct node	*qs = inc_seq(root, "questions");
	const struct node	*rules = inc_seq(root, "rules");
	const struct node	*acts = inc_seq(root, "actions");
	const struct node	*r, *when, *cond, *q, *a, *in, *cs;
	const char		*ref, *key, *phase, *act, *src, *qt;
	size_t			 i, k, j;

	unique(c, qs, "key", "question");
	unique(c, acts, "key", "action");
	unique(c, rules, "ref", "rule");
	unique(c, inc_seq(root, "sources"), "key", "source");
	for (i = 0; qs != NULL && i < qs->n; i++) {
		q = qs->u.items[i];
		qt = node_get_str(q, "type");
		cs = inc_seq(q, "choices");
		if (qt != NULL && strcmp(qt, "choice") == 0 &&
		    (cs == NULL || cs->n < 2))
			at(c, q, "question '%s' is a choice but has fewer than"
			    " two choices", q_(node_get_str(q, "key")));
		if (qt != NULL && strcmp(qt, "choice") != 0 && cs != NULL)
			at(c, node_get(q, "choices"), "question '%s' has "
			    "choices but its type is '%s'",
			    q_(node_get_str(q, "key")), qt);
		unique(c, cs, "value", "choice");
	}
	for (i = 0; rules != NULL && i < rules->n; i++) {
		r = rules->u.items[i];
		ref = node_get_str(r, "ref");
		phase = node_get_str(r, "phase");
		act = node_get_str(r, "action");
		a = incident_action(root, act);
		if (act != NULL && a == NULL)
			at(c, node_get(r, "action"), "rule '%s' recommends '%s',"
			    " which is not an action of the catalog", q_(ref),
			    act);
		else if (a != NULL && phase != NULL && !is_phase(a, phase))
			at(c, node_get(r, "action"), "rule '%s' is a %s rule "
			    "but action '%s' is not", q_(ref), phase, act);
		src = node_get_str(r, "source");
		if (src != NULL && incident_source(root, src) == NULL)
			at(c, node_get(r, "source"), "rule '%s' cites source "
			    "'%s', which is not in the catalog's sources",
			    q_(ref), src);
		when = inc_seq(r, "when");
		for (k = 0; when != NULL && k < when->n; k++) {
			cond = when->u.items[k];
			key = node_get_str(cond, "question");
			q = find_keyed(root, "questions", "key", key);
			if (q == NULL) {
				at(c, node_get(cond, "question"), "rule '%s' "
				    "refers to question '%s', which the catalog"
				    " does not have", q_(ref), q_(key));
				continue;
			}
			if (phase != NULL && !is_phase(q, phase))
				at(c, node_get(cond, "question"), "rule '%s' "
				    "is a %s rule but question '%s' is not",
				    q_(ref), phase, key);
			if (node_get(cond, "is") == NULL && node_get(cond,
			    "in") == NULL && node_get(cond, "min") == NULL &&
			    node_get(cond, "max") == NULL)
				at(c, cond, "rule '%s': the condition on '%s' "
				    "says nothing (give is, in, min or max)",
				    q_(ref), key);
			qt = node_get_str(q, "type");
			if ((node_get(cond, "min") != NULL || node_get(cond,
			    "max") != NULL) && (qt == NULL ||
			    strcmp(qt, "count") != 0))
				at(c, cond, "rule '%s': min and max apply to "
				    "count questions, and '%s' is a %s "
				    "question", q_(ref), key, q_(qt));
			if (node_get(cond, "is") != NULL)
				check_value(c, node_get(cond, "is"), q, ref);
			in = inc_seq(cond, "in");
			for (j = 0; in != NULL && j < in->n; j++)
				check_value(c, in->u.items[j], q, ref);
		}
	}
}

static void
check_fact(struct chk *c, const struct node *f, const char *ref,
    const struct schema *incident)
{
	const char		*field = node_get_str(f, "field");
	const struct schema	*s;

	if (field == NULL || incident == NULL)
		return;
	if ((s = schema_at(incident, field)) == NULL)
		at(c, node_get(f, "field"), "report '%s' refers to field '%s',"
		    " which incidents do not have", q_(ref), field);
	else if (node_get(f, "over") != NULL &&
	    !(schema_types(schema_resolve(s)) & SCHEMA_T_INTEGER))
		at(c, node_get(f, "over"), "report '%s': 'over' needs a "
		    "number and '%s' is not one", q_(ref), field);
	else if (node_get(f, "is") == NULL && node_get(f, "over") == NULL)
		at(c, f, "report '%s': the condition on '%s' says nothing "
		    "(give is or over)", q_(ref), field);
}

static void
check_reporting(struct chk *c, const struct node *root,
    const struct schema *incident)
{
	static const char *const lists[] = { "when_all", "when_any",
	    "when_none" };
	const struct node	*reps = inc_seq(root, "reports"), *r, *l, *from;
	const char		*ref, *src, *field;
	const struct schema	*s;
	size_t			 i, k, j;

	unique(c, reps, "ref", "report");
	unique(c, inc_seq(root, "sources"), "key", "source");
	for (i = 0; reps != NULL && i < reps->n; i++) {
		r = reps->u.items[i];
		ref = node_get_str(r, "ref");
		src = node_get_str(r, "source");
		if (src != NULL && incident_source(root, src) == NULL)
			at(c, node_get(r, "source"), "report '%s' cites source"
			    " '%s', which is not in the catalog's sources",
			    q_(ref), src);
		for (k = 0; k < 3; k++) {
			l = inc_seq(r, lists[k]);
			for (j = 0; l != NULL && j < l->n; j++)
				check_fact(c, l->u.items[j], ref, incident);
		}
		from = inc_seq(node_get(r, "due"), "from");
		for (j = 0; incident != NULL && from != NULL && j < from->n;
		    j++) {
			if (from->u.items[j]->kind != NODE_SCALAR)
				continue;
			field = from->u.items[j]->u.s.str;
			s = schema_at(incident, field);
			if (s == NULL || schema_format(schema_resolve(s)) !=
			    SCHEMA_F_DATE)
				at(c, from->u.items[j], "report '%s' counts "
				    "from '%s', which is not a date field of "
				    "incidents", q_(ref), field);
		}
	}
}

int
incident_check(const struct schema *kind, const struct node *root,
    const char *relpath, const struct schema *incident, struct diags *d)
{
	struct chk	 c = { relpath, d, 0 };
	const char	*k = schema_kind(kind), *ck;

	if (k == NULL || root == NULL || root->kind != NODE_MAP)
		return 0;
	if (strcmp(k, "catalog") == 0) {
		ck = node_get_str(root, "kind");
		if (ck != NULL && strcmp(ck, INCIDENT_CRITERIA) == 0)
			check_criteria(&c, root);
		else if (ck != NULL && strcmp(ck, INCIDENT_REPORTING) == 0)
			check_reporting(&c, root, incident);
	} else if (strcmp(k, "incident") == 0) {
		if (incident_timeline_check(root) != 0) {
			const struct node *tl = node_get(root, "timeline");

			c.bad = 1;
			diags_add(d, relpath, tl != NULL ? tl->line : 0,
			    tl != NULL ? tl->col : 0, "%s", error_last());
			error_clear();
		}
	}
	return c.bad ? NC_EINVALID : 0;
}

int
incident_lint(struct store *st, const struct schema *kind,
    const struct node *root, const char *relpath, struct diags *d)
{
	const struct schema	*incident = NULL;

	if (store_kind(&incident, st, "incident") != 0) {
		error_clear();
		incident = NULL;
	}
	return incident_check(kind, root, relpath, incident, d);
}

/*
 * A status behind the record's own dates: a 終結日 and not closed, the
 * division's report received or the measures reviewed and not yet
 * prevention.  The documents follow the dates (a report of an incident
 * whose measures were reviewed says so, whatever the status); lint
 * warns so that the status is brought up to them.
 */
/*
 * A network cut decided (or a connection restored) before anyone knew of
 * the incident: a 事故等報告書 read 「部分遮断（10:01）」 beside a 経過 whose
 * first entry, the division noticing it, was at 11:10.  Not an error
 * (the record may be right and the detection entry late), but the
 * chronology a report prints must be looked at.
 */
static void
isolation_before_detection(const struct node *root, const char *relpath,
    struct diags *warns)
{
	static const char *const fields[] = { "decided", "restored" };
	const struct node	*iso = node_get(root, "isolation"), *n;
	const char		*at, *field;
	char			 path[32];
	long			 found, t;
	size_t			 i;

	if (iso == NULL || (found = inc_detection(root, &at, &field)) < 0)
		return;
	for (i = 0; i < sizeof fields / sizeof fields[0]; i++) {
		n = node_get(iso, fields[i]);
		if (incident_time(&t, node_get_str(iso, fields[i])) != 0) {
			error_clear();
			continue;
		}
		if (t >= found)
			continue;
		snprintf(path, sizeof path, "isolation.%s", fields[i]);
		diags_add(warns, relpath, n->line, n->col, "%s %s is before "
		    "the incident was discovered, %s (%s)", path,
		    node_get_str(iso, fields[i]), at, field);
	}
}

void
incident_lint_status(const struct schema *kind, const struct node *root,
    const char *relpath, struct diags *warns)
{
	static const char *const order[] = { "reported", "responding",
	    "recovering", "prevention", "closed", NULL };
	const struct node	*sn;
	const char		*k = kind != NULL ? schema_kind(kind) : NULL;
	const char		*st, *day;
	int			 i, rank = 0;

	if (k == NULL || strcmp(k, "incident") != 0 || root == NULL ||
	    root->kind != NODE_MAP)
		return;
	isolation_before_detection(root, relpath, warns);
	sn = node_get(root, "status");
	st = node_get_str(root, "status");
	if (st == NULL)
		st = "reported";	/* the schema's default */
	for (i = 0; order[i] != NULL; i++)
		if (strcmp(order[i], st) == 0)
			rank = i;
	if ((day = node_get_str(root, "closed")) != NULL) {
		if (rank < 4)
			diags_add(warns, relpath, sn != NULL ? sn->line : 0,
			    sn != NULL ? sn->col : 0, "status is '%s' but the"
			    " incident was closed on %s (closed); expected"
			    " 'closed'", st, day);
		return;
	}
	if ((day = inc_path_str(root, "prevention.reviewed")) != NULL &&
	    rank < 3)
		diags_add(warns, relpath, sn != NULL ? sn->line : 0,
		    sn != NULL ? sn->col : 0, "status is '%s' but the"
		    " measures were reviewed on %s (prevention.reviewed);"
		    " expected 'prevention' or 'closed'", st, day);
	else if ((day = inc_path_str(root, "prevention.received")) != NULL &&
	    rank < 3)
		diags_add(warns, relpath, sn != NULL ? sn->line : 0,
		    sn != NULL ? sn->col : 0, "status is '%s' but the"
		    " division's report was received on %s"
		    " (prevention.received); expected 'prevention' or"
		    " 'closed'", st, day);
}
