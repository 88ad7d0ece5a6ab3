/*
 * Consultations: what drives the work (open, overdue, days to answer),
 * the edits of `consult answer` and `consult attend`, the dated
 * obligations, and the helpers the documents and the sheet share.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "consult.h"
#include "consult_int.h"
#include "error.h"
#include "i18n.h"
#include "schema.h"
#include "text.h"

/* --- helpers ---------------------------------------------------------- */

const char *
cs_keep(struct cs_strs *s, char *p)
{
	char	**nv;

	if (p == NULL) {
		s->failed = 1;
		return "";
	}
	if (s->n == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 32;
		if ((nv = realloc(s->v, s->cap * sizeof *nv)) == NULL) {
			free(p);
			s->failed = 1;
			return "";
		}
		s->v = nv;
	}
	s->v[s->n++] = p;
	return p;
}

const char *
cs_fmt(struct cs_strs *s, const char *f, ...)
{
	va_list	 ap;
	char	*p;

	va_start(ap, f);
	p = text_vprintf(f, ap);
	va_end(ap);
	return cs_keep(s, p);
}

void
cs_strs_free(struct cs_strs *s)
{
	size_t	i;

	for (i = 0; i < s->n; i++)
		free(s->v[i]);
	free(s->v);
	memset(s, 0, sizeof *s);
}

const struct schema *
cs_kind(struct store *st)
{
	const struct schema	*k = NULL;

	if (store_kind(&k, st, "consult") != 0)
		return NULL;
	return k;
}

int
cs_date(struct cal_date *out, const struct node *map, const char *key)
{
	const char	*s = node_get_str(map, key);

	if (s == NULL)
		return NC_ENOTFOUND;
	return cal_parse_iso(out, s);
}

void
cs_iso(char out[CAL_FMT_MAX], struct cal_date d)
{
	if (cal_format_iso(out, CAL_FMT_MAX, d) != 0)
		out[0] = '\0';
}

void
cs_era(char out[CAL_FMT_MAX], const char *iso)
{
	struct cal_date	d;

	out[0] = '\0';
	if (iso == NULL)
		return;
	if (cal_parse_iso(&d, iso) != 0 ||
	    cal_format_era(out, CAL_FMT_MAX, d, CAL_ERA_LONG) != 0) {
		snprintf(out, CAL_FMT_MAX, "%s", iso);
		error_clear();
	}
}

const char *
cs_config(struct store *st, const char *a, const char *b)
{
	const struct node	*conf;

	if (store_config(&conf, st) != 0) {
		error_clear();
		return NULL;
	}
	return b != NULL ? node_get_str(node_get(conf, a), b) :
	    node_get_str(conf, a);
}

long
cs_expected(struct store *st, const char *key)
{
	const struct schemaset	*set;
	const struct schema	*cs, *ps;
	const struct node	*def;
	const char		*v;
	char			 path[96];

	if ((v = cs_config(st, "expectations", key)) != NULL)
		return strtol(v, NULL, 10);
	if (store_schemas(&set, st, NULL) != 0) {
		error_clear();
		return -1;
	}
	snprintf(path, sizeof path, "expectations.%s", key);
	if ((cs = schemaset_kind(set, "config")) == NULL ||
	    (ps = schema_at(cs, path)) == NULL ||
	    (def = schema_default(ps)) == NULL || def->kind != NODE_SCALAR)
		return -1;
	return strtol(def->u.s.str, NULL, 10);
}

const char *
cs_org_name(struct store *st, const char *code)
{
	const char	*name = NULL, *dept = NULL;

	if (code == NULL)
		return "";
	if (store_org(&name, &dept, st, code) != 0 || name == NULL) {
		error_clear();
		return code;
	}
	return name;
}

const char *
cs_org_full(struct cs_strs *s, struct store *st, const char *code)
{
	const char	*name = NULL, *dept = NULL;

	if (code == NULL)
		return "";
	if (store_org(&name, &dept, st, code) != 0 || name == NULL) {
		error_clear();
		return code;
	}
	return cs_fmt(s, "%s%s", dept != NULL ? dept : "", name);
}

/* --- the record -------------------------------------------------------- */

int
consult_is_open(const struct node *rec)
{
	const char	*s = node_get_str(rec, "status");

	return s == NULL || strcmp(s, "received") == 0 ||
	    strcmp(s, "answering") == 0;
}

int
consult_due(struct cal_date *out, const struct node *rec)
{
	int	rc;

	if ((rc = cs_date(out, rec, "due")) == NC_ENOTFOUND)
		return error_set(rc, "no answer due date");
	return rc;
}

int
consult_overdue(const struct node *rec, struct cal_date today)
{
	struct cal_date	due;

	if (!consult_is_open(rec) || consult_due(&due, rec) != 0) {
		error_clear();
		return 0;
	}
	return cal_cmp(today, due) > 0;
}

int
consult_days_to_answer(long *out, const struct node *rec)
{
	struct cal_date	r, a;
	int		rc;

	*out = -1;
	if ((rc = cs_date(&a, rec, "answered")) != 0)
		return rc == NC_ENOTFOUND ? error_set(rc, "not answered") : rc;
	if ((rc = cs_date(&r, rec, "received")) != 0)
		return rc == NC_ENOTFOUND ? error_set(rc, "no received date") :
		    rc;
	*out = cal_days(a) - cal_days(r);
	return 0;
}

size_t
consult_nattendances(const struct node *rec)
{
	const struct node	*a = node_get(rec, "attendances");

	if (a != NULL && a->kind == NODE_SEQ && a->n > 0)
		return a->n;
	if (node_get_str(rec, "attended_date") != NULL ||
	    node_scalar_eq(node_get(rec, "attended"), "true"))
		return 1;
	return 0;
}

/*
 * The date at key, if any, must not be before the question was received;
 * fmt is the whole message (N_(), error_set() translates it): the date,
 * key, the day received.
 */
static int
not_before(const struct node *map, const char *key, const char *fmt,
    struct cal_date rcv)
{
	struct cal_date	 d;
	char		 a[CAL_FMT_MAX], b[CAL_FMT_MAX];

	if (cs_date(&d, map, key) != 0) {
		error_clear();
		return 0;
	}
	if (cal_cmp(d, rcv) >= 0)
		return 0;
	cs_iso(a, d);
	cs_iso(b, rcv);
	return error_set(NC_EINVALID, fmt, a, key, b);
}

int
consult_check_dates(const struct node *rec)
{
	const struct node	*as = node_get(rec, "attendances");
	struct cal_date		 rcv;
	size_t			 i;
	int			 rc;

	if (cs_date(&rcv, rec, "received") != 0) {
		error_clear();
		return 0;	/* the schema says what is wrong */
	}
	if ((rc = not_before(rec, "due", N_("the answer due date %s (%s) is"
	    " before the question was received (%s)"), rcv)) != 0 ||
	    (rc = not_before(rec, "answered", N_("the answer date %s (%s) is"
	    " before the question was received (%s)"), rcv)) != 0 ||
	    (rc = not_before(rec, "attended_date", N_("the attendance date %s"
	    " (%s) is before the question was received (%s)"), rcv)) != 0)
		return rc;
	for (i = 0; as != NULL && as->kind == NODE_SEQ && i < as->n; i++)
		if ((rc = not_before(as->u.items[i], "date",
		    N_("the attendance date %s (%s) is before the question"
		    " was received (%s)"), rcv)) != 0)
			return rc;
	return 0;
}

static int
seq_has(const struct node *seq, const char *v)
{
	size_t	i;

	for (i = 0; seq != NULL && seq->kind == NODE_SEQ && i < seq->n; i++)
		if (node_scalar_eq(seq->u.items[i], v))
			return 1;
	return 0;
}

int
consult_set_answer(struct ydoc *doc, struct node *root,
    const struct consult_answer *a)
{
	struct node	*by;
	size_t		 i;
	int		 rc;

	if (a->text != NULL && *a->text == '\0')
		return error_set(NC_EINVALID, "the answer is empty");
	if (!a->draft && a->text == NULL && a->file == NULL &&
	    node_get_str(root, "answer") == NULL &&
	    node_get_str(root, "answer_file") == NULL)
		return error_set(NC_EINVALID, "no answer: give the text, or "
		    "the file that holds a long one");
	if (a->text != NULL &&
	    (rc = node_map_set_str(doc, root, "answer", a->text)) != 0)
		return rc;
	if (a->file != NULL &&
	    (rc = node_map_set_str(doc, root, "answer_file", a->file)) != 0)
		return rc;
	if (a->deliverable != NULL && (rc = node_map_set_str(doc, root,
	    "deliverable", a->deliverable)) != 0)
		return rc;
	if (a->number != NULL && (rc = node_map_set_str(doc, root,
	    "answer_no", a->number)) != 0)
		return rc;
	for (i = 0; i < a->nby; i++) {
		if ((by = node_get(root, "answered_by")) == NULL) {
			if ((by = node_seq(doc)) == NULL ||
			    (rc = node_map_set(doc, root, "answered_by",
			    by)) != 0)
				return rc != 0 ? rc : NC_ENOMEM;
		}
		if (!seq_has(by, a->by[i]) &&
		    (rc = node_seq_push(doc, by, node_str(doc, a->by[i]))) != 0)
			return rc;
	}
	if (a->draft) {
		if (!consult_is_open(root))
			return error_set(NC_EINVALID, "the consultation is "
			    "answered already; a draft would reopen it");
		return node_map_set_str(doc, root, "status", "answering");
	}
	if (a->date != NULL &&
	    (rc = node_map_set_str(doc, root, "answered", a->date)) != 0)
		return rc;
	if (node_get_str(root, "answered") == NULL)
		return error_set(NC_EINVALID, "no answer date");
	if (!node_scalar_eq(node_get(root, "status"), "closed") &&
	    (rc = node_map_set_str(doc, root, "status", "answered")) != 0)
		return rc;
	return consult_check_dates(root);
}

int
consult_add_attendance(struct ydoc *doc, struct node *root, const char *date,
    const char *counterpart, const char *note)
{
	struct node	*as, *m;
	size_t		 i;
	int		 rc;

	if ((as = node_get(root, "attendances")) == NULL) {
		if ((as = node_seq(doc)) == NULL)
			return error_set(NC_ENOMEM, "out of memory");
		/* the legacy single pair becomes the first of the list */
		if (node_get_str(root, "attended_date") != NULL &&
		    node_get_str(root, "counterpart") != NULL) {
			if ((m = node_map(doc)) == NULL ||
			    node_map_set_str(doc, m, "date", node_get_str(root,
			    "attended_date")) != 0 ||
			    node_map_set_str(doc, m, "counterpart",
			    node_get_str(root, "counterpart")) != 0 ||
			    node_seq_push(doc, as, m) != 0)
				return error_set(NC_ENOMEM, "out of memory");
			node_map_remove(root, "attended_date");
			node_map_remove(root, "counterpart");
		}
		if ((rc = node_map_set(doc, root, "attendances", as)) != 0)
			return rc;
	}
	for (i = 0; as->kind == NODE_SEQ && i < as->n; i++) {
		m = as->u.items[i];
		if (node_scalar_eq(node_get(m, "date"), date) &&
		    node_scalar_eq(node_get(m, "counterpart"), counterpart))
			return 1;
	}
	if ((m = node_map(doc)) == NULL ||
	    node_map_set_str(doc, m, "date", date) != 0 ||
	    node_map_set_str(doc, m, "counterpart", counterpart) != 0 ||
	    (note != NULL && node_map_set_str(doc, m, "note", note) != 0) ||
	    node_seq_push(doc, as, m) != 0)
		return error_set(NC_ENOMEM, "out of memory");
	if ((rc = node_map_set_str(doc, root, "attended", "true")) != 0)
		return rc;
	if ((rc = consult_check_dates(root)) != 0)
		return rc;
	return 0;
}

/* --- dated obligations -------------------------------------------------- */

static int
in_range(struct cal_date d, struct cal_date from, struct cal_date to)
{
	if (from.y != 0 && cal_cmp(d, from) < 0)
		return 0;
	if (to.y != 0 && cal_cmp(d, to) > 0)
		return 0;
	return 1;
}

int
consult_dues(struct duelist *l, struct store *st, struct cal_date from,
    struct cal_date to)
{
	static const char *const want[] = { "id", "type", "title", "status",
	    "due", "answered", "answered_by", "deliverable" };
	const struct schema	*kind;
	struct reclist		 refs = RECLIST_INIT;
	struct record		*r;
	const struct node	*root, *by;
	struct cal_date		 due, ans, insp, today = cal_today();
	const char		*deliv, *who, *type;
	char			 what[160];
	size_t			 i;
	int			 rc = 0;

	if ((kind = cs_kind(st)) == NULL)
		return error_code();
	if ((rc = store_scan(&refs, st, kind, 0, NULL)) != 0)
		return rc;
	for (i = 0; i < refs.n && rc == 0; i++) {
		r = NULL;
		if ((rc = record_load_fields(&r, st, &refs.v[i], NULL, want,
		    sizeof want / sizeof want[0])) != 0)
			break;
		root = record_root(r);
		type = node_get_str(root, "type");
		by = node_get(root, "answered_by");
		who = by != NULL && by->kind == NODE_SEQ && by->n > 0 &&
		    by->u.items[0]->kind == NODE_SCALAR ?
		    by->u.items[0]->u.s.str : NULL;
		deliv = schema_label(kind, "deliverable",
		    node_get_str(root, "deliverable") != NULL ?
		    node_get_str(root, "deliverable") : "answer");
		if (cs_date(&due, root, "due") == 0 &&
		    in_range(due, from, to)) {
			snprintf(what, sizeof what, "%sの提出", deliv);
			rc = duelist_add(l, due, -1, 0, "consult",
			    record_id(r), node_get_str(root, "title"), what,
			    who, type != NULL && strcmp(type, "dx") == 0 ?
			    "仕様書3(1)ア(ア)" : "仕様書3(3)ア(イ)",
			    !consult_is_open(root));
		}
		/* 5(1): the ward's inspection ends 15 days after submission */
		if (rc == 0 && cs_date(&ans, root, "answered") == 0 &&
		    cal_due_inspection(&insp, ans) == 0 &&
		    in_range(insp, from, to)) {
			snprintf(what, sizeof what, "%sの検収期間の終了",
			    deliv);
			rc = duelist_add(l, insp, -1, 0, "consult",
			    record_id(r), node_get_str(root, "title"), what,
			    NULL, "仕様書5(1)", cal_cmp(insp, today) < 0);
		}
		if (rc == 0)
			error_clear();
		record_free(r);
	}
	reclist_free(&refs);
	return rc;
}
