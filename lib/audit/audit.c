/*
 * Internal security audits (3(2)エ): results, the compliance rate,
 * planning, answers, findings, agreement and follow-up.
 */
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "buf.h"
#include "cal.h"
#include "error.h"
#include "i18n.h"
#include "node.h"
#include "record.h"
#include "refdata.h"
#include "schema.h"
#include "statuslog.h"
#include "store.h"

static const struct {
	const char	*code;
	const char	*label;
} results[AUDIT_NRESULTS] = {
	{ NULL, NULL },
	{ "conform", "適合" },
	{ "partial", "一部不適合" },
	{ "nonconform", "不適合" },
	{ "na", "該当なし" },
	{ "unchecked", "未確認" },
};

const char *
audit_result_code(enum audit_result r)
{
	return (unsigned)r < AUDIT_NRESULTS ? results[r].code : NULL;
}

const char *
audit_result_label(enum audit_result r)
{
	return (unsigned)r < AUDIT_NRESULTS ? results[r].label : NULL;
}

int
audit_result_parse(enum audit_result *out, const char *s)
{
	int	 i;

	*out = AUDIT_NONE;
	if (s[0] >= '1' && s[0] <= '5' && s[1] == '\0') {
		*out = (enum audit_result)(s[0] - '0');
		return 0;
	}
	for (i = 1; i < AUDIT_NRESULTS; i++) {
		if (strcmp(s, results[i].code) == 0 ||
		    strcmp(s, results[i].label) == 0) {
			*out = (enum audit_result)i;
			return 0;
		}
	}
	return error_set(NC_EINVALID, "unknown result '%s': expected "
	    "conform (適合), partial (一部不適合), nonconform (不適合), "
	    "na (該当なし) or unchecked (未確認)", s);
}

enum audit_result
audit_item_result(const struct node *item)
{
	const char	*s;
	int		 i;

	if ((s = node_get_str(item, "result")) == NULL)
		return AUDIT_NONE;
	for (i = 1; i < AUDIT_NRESULTS; i++) {
		if (strcmp(s, results[i].code) == 0)
			return (enum audit_result)i;
	}
	return AUDIT_NONE;
}

double
audit_item_weight(const char *importance, long weight)
{
	if (weight < 1)
		weight = 1;
	/* Required (必須) items count double: a missing basic measure
	 * should move the rate more than a recommended one. */
	if (importance == NULL || strcmp(importance, "recommended") != 0)
		return 2.0 * (double)weight;
	return (double)weight;
}

double
audit_result_credit(enum audit_result r)
{
	switch (r) {
	case AUDIT_CONFORM:
		return 1.0;
	case AUDIT_PARTIAL:
		return 0.5;
	default:
		return 0.0;
	}
}

void
audit_chapter_of(char *out, size_t size, const char *clause)
{
	const char	*p;
	size_t		 n;

	if (size == 0)
		return;
	out[0] = '\0';
	if (clause == NULL)
		return;
	/* The chapter is the first two numbers: 2-5 of 2-5-3. */
	p = strchr(clause, '-');
	if (p != NULL && (p = strchr(p + 1, '-')) != NULL)
		n = (size_t)(p - clause);
	else
		n = strlen(clause);
	if (n >= size)
		n = size - 1;
	memcpy(out, clause, n);
	out[n] = '\0';
}

/* Compare chapter keys numerically part by part; keys that are not
 * numbers (categories) come after, in the order they were met. */
static int
chapter_cmp(const char *a, const char *b)
{
	long	 x, y;
	char	*ea, *eb;

	for (;;) {
		x = strtol(a, &ea, 10);
		y = strtol(b, &eb, 10);
		if (x != y)
			return x < y ? -1 : 1;
		if (*ea != '-' || *eb != '-')
			return (*ea == '-') - (*eb == '-');
		a = ea + 1;
		b = eb + 1;
	}
}

static int
is_clause_key(const char *k)
{
	return k[0] >= '0' && k[0] <= '9';
}

static void
tally_add(struct audit_tally *t, enum audit_result r, double w)
{
	t->count[r]++;
	t->items++;
	if (r == AUDIT_CONFORM || r == AUDIT_PARTIAL || r == AUDIT_NONCONFORM) {
		t->possible += w;
		t->earned += w * audit_result_credit(r);
	}
}

int
audit_score(struct audit_score *out, const struct node *items)
{
	const struct node	*it;
	struct audit_tally	*t, *v;
	const char		*clause, *cat, *w, *key;
	char			 chapter[32];	/* 2-5: a policy_clause's */
	double			 weight;
	size_t			 i, j, k;

	memset(out, 0, sizeof *out);
	if (items == NULL || items->kind != NODE_SEQ)
		return 0;
	for (i = 0; i < items->n; i++) {
		it = items->u.items[i];
		if (it->kind != NODE_MAP)
			continue;
		clause = node_get_str(it, "clause");
		cat = node_get_str(it, "category");
		/*
		 * A category is the key whole, a line of up to 200
		 * characters: key[128] cut it mid-character, and the
		 * documents that print a key beside its title wrote none.
		 */
		if (clause != NULL) {
			audit_chapter_of(chapter, sizeof chapter, clause);
			key = chapter;
		} else
			key = cat != NULL ? cat : "その他";
		for (j = 0; j < out->nchapters; j++) {
			if (strcmp(out->chapters[j].key, key) == 0)
				break;
		}
		if (j == out->nchapters) {
			v = realloc(out->chapters, (j + 1) * sizeof *v);
			if (v == NULL)
				goto nomem;
			out->chapters = v;
			t = &v[j];
			memset(t, 0, sizeof *t);
			out->nchapters++;
			if ((t->key = strdup(key)) == NULL ||
			    (t->title = strdup(cat != NULL ? cat : key)) ==
			    NULL)
				goto nomem;
		}
		w = node_get_str(it, "weight");
		weight = audit_item_weight(node_get_str(it, "importance"),
		    w != NULL ? strtol(w, NULL, 10) : 1);
		tally_add(&out->chapters[j], audit_item_result(it), weight);
		tally_add(&out->total, audit_item_result(it), weight);
	}
	/* Insertion sort: clause chapters in number order, then the rest
	 * as met (stable). */
	for (i = 1; i < out->nchapters; i++) {
		struct audit_tally tmp = out->chapters[i];

		for (k = i; k > 0; k--) {
			t = &out->chapters[k - 1];
			if (!is_clause_key(tmp.key) || (is_clause_key(t->key) &&
			    chapter_cmp(t->key, tmp.key) <= 0))
				break;
			out->chapters[k] = *t;
		}
		out->chapters[k] = tmp;
	}
	return 0;
nomem:
	audit_score_free(out);
	return error_set(NC_ENOMEM, "out of memory");
}

void
audit_score_free(struct audit_score *s)
{
	size_t	i;

	if (s == NULL)
		return;
	for (i = 0; i < s->nchapters; i++) {
		free(s->chapters[i].key);
		free(s->chapters[i].title);
	}
	free(s->chapters);
	memset(s, 0, sizeof *s);
}

int
audit_tally_rate(double *out, const struct audit_tally *t)
{
	*out = 0;
	if (t->possible <= 0)
		return 0;
	*out = t->earned / t->possible;
	return 1;
}

void
audit_tenths_text(char *out, size_t size, long tenths, int unit)
{
	/* (a rate: 0 to 1000 tenths; clamped, so the text always fits) */
	int	v = (int)(tenths < 0 ? 0 : tenths > 99999 ? 99999 : tenths);

	snprintf(out, size, "%d.%d%s", v / 10, v % 10, unit ? "%" : "");
}

int
audit_tally_tenths(long *out, const struct audit_tally *t)
{
	long long	a, b;

	*out = 0;
	if (t->possible <= 0)
		return 0;
	/* Weights are whole and credits 1, 0.5 or 0: both sums are whole
	 * numbers of halves. */
	a = llround(t->earned * 2.0);
	b = llround(t->possible * 2.0);
	if (b <= 0)
		return 0;
	*out = (long)((1000 * a + b / 2) / b);
	return 1;
}

long
audit_rate_tenths(double rate)
{
	/* the tolerance absorbs the binary error of 0.8125-like values */
	return (long)floor(rate * 1000.0 + 0.5 + 1e-9);
}

/* --- organisations and members -------------------------------------- */

int
audit_org_my_number(int *out, struct store *st, const char *code)
{
	const struct refdata		*rd;
	const struct refdata_org	*o;
	int				 rc;

	*out = 0;
	if ((rc = store_refdata(&rd, st)) != 0 ||
	    (rc = refdata_orgs_ok(rd)) != 0)
		return rc;
	if (refdata_org(&o, rd, code) != 0)
		return error_set(NC_ENOTFOUND, "no organisation '%s' in %s",
		    code, STORE_ORGS);
	*out = o->my_number;
	return 0;
}

const char *
audit_member_name(struct store *st, const char *id)
{
	const struct refdata		*rd;
	const struct refdata_member	*m;

	if (id == NULL || store_refdata(&rd, st) != 0 ||
	    refdata_member(&m, rd, id) != 0) {
		error_clear();
		return NULL;
	}
	return m->name;
}

const char *
audit_default_chief(struct store *st)
{
	const struct refdata	*rd;
	const char		*role;
	size_t			 i;

	if (store_refdata(&rd, st) != 0) {
		error_clear();
		return NULL;
	}
	/* 3(2)エ(ウ): the contractor is the chief auditor; on the team that
	 * is the chief information security advisor. */
	for (i = 0; i < refdata_nmembers(rd); i++) {
		role = refdata_member_at(rd, i)->role;
		if (role != NULL && strcmp(role, "ciso-advisor") == 0)
			return refdata_member_at(rd, i)->id;
	}
	return NULL;
}

/* --- planning ---------------------------------------------------------- */

struct pick {
	struct record	*rec;
	int		 fy;
	long		 version;
};

int
audit_pick_catalog(struct record **out, struct store *st, const char *ckind,
    int fy)
{
	const struct schema	*kind;
	struct reclist		 l = RECLIST_INIT;
	struct record		*r;
	struct pick		 best = { NULL, 0, 0 };
	const char		*k, *s, *v;
	long			 version;
	size_t			 i;
	int			 rc;

	*out = NULL;
	if ((rc = store_kind(&kind, st, "catalog")) != 0 ||
	    (rc = store_scan(&l, st, kind, 0, NULL)) != 0)
		return rc;
	for (i = 0; i < l.n; i++) {
		if (l.v[i].fy > fy)
			continue;
		if ((rc = record_load(&r, st, &l.v[i], NULL)) != 0)
			goto done;
		k = record_field(r, "kind");
		s = record_field(r, "status");
		v = record_field(r, "version");
		version = v != NULL ? strtol(v, NULL, 10) : 1;
		if (k == NULL || strcmp(k, ckind) != 0 || s == NULL ||
		    strcmp(s, "final") != 0 || (best.rec != NULL &&
		    (l.v[i].fy < best.fy || (l.v[i].fy == best.fy &&
		    version <= best.version)))) {
			record_free(r);
			continue;
		}
		record_free(best.rec);
		best.rec = r;
		best.fy = l.v[i].fy;
		best.version = version;
	}
	if (best.rec == NULL) {
		rc = error_set(NC_ENOTFOUND, "no final catalog of kind '%s' "
		    "for fiscal year %d; add one (nerima-cio add catalog) or "
		    "name one with --catalog", ckind, fy);
		goto done;
	}
	*out = best.rec;
	best.rec = NULL;
done:
	record_free(best.rec);
	reclist_free(&l);
	return rc;
}

int
audit_load_catalog(struct record **out, struct store *st, const char *prefix)
{
	struct recref		 ref = { NULL, NULL, NULL, 0 };
	struct reclist		 m = RECLIST_INIT;
	const struct schema	*kind;
	const char		*k;
	int			 rc;

	*out = NULL;
	if ((rc = store_kind(&kind, st, "catalog")) != 0)
		return rc;
	if ((rc = store_find(&ref, &m, st, kind, prefix)) != 0) {
		reclist_free(&m);
		return rc;
	}
	if ((rc = record_load(out, st, &ref, NULL)) != 0)
		goto done;
	k = record_field(*out, "kind");
	if (k == NULL || strncmp(k, "audit-", 6) != 0) {
		rc = error_set(NC_EINVALID, "catalog '%s' holds %s items, not "
		    "audit items", ref.id, k != NULL ? k : "no kind of");
		record_free(*out);
		*out = NULL;
	}
done:
	free(ref.id);
	free(ref.relpath);
	return rc;
}

/* Copy what an audit keeps of a catalog item. */
static int
freeze_item(struct ydoc *doc, struct node *items, const struct node *ci,
    const char *catalog)
{
	static const char *const keep[] = { "clause", "category", "text",
	    "evidence_examples", "how_to_check", "methods", "importance",
	    "weight" };
	struct node	*it;
	const struct node *v;
	size_t		 i;
	int		 rc;

	if ((it = node_map(doc)) == NULL)
		return error_set(NC_ENOMEM, "out of memory");
	if ((rc = node_map_set(doc, it, "ref",
	    node_copy(doc, node_get(ci, "ref")))) != 0 ||
	    (rc = node_map_set_str(doc, it, "catalog", catalog)) != 0)
		return rc;
	for (i = 0; i < sizeof keep / sizeof keep[0]; i++) {
		if ((v = node_get(ci, keep[i])) != NULL && !node_is_null(v) &&
		    (rc = node_map_set(doc, it, keep[i],
		    node_copy(doc, v))) != 0)
			return rc;
	}
	return node_seq_push(doc, items, it);
}

static int
add_catalog(struct ydoc *doc, struct node *root, struct record *cat)
{
	struct node		*cats, *items, *c;
	const struct node	*ci;
	const char		*v;
	size_t			 i, j;
	int			 rc;

	cats = node_get(root, "catalogs");
	items = node_get(root, "items");
	/* The same catalog twice would freeze its items twice. */
	for (i = 0; i < cats->n; i++) {
		if ((v = node_get_str(cats->u.items[i], "catalog")) != NULL &&
		    strcmp(v, record_id(cat)) == 0)
			return error_set(NC_EINVALID, "catalog '%s' given "
			    "twice", v);
	}
	if ((c = node_map(doc)) == NULL)
		return error_set(NC_ENOMEM, "out of memory");
	if ((rc = node_map_set_str(doc, c, "catalog", record_id(cat))) != 0 ||
	    (rc = node_map_set_str(doc, c, "version",
	    (v = record_field(cat, "version")) != NULL ? v : "1")) != 0 ||
	    (rc = node_seq_push(doc, cats, c)) != 0)
		return rc;
	ci = node_get(record_root(cat), "items");
	for (i = 0; ci != NULL && ci->kind == NODE_SEQ && i < ci->n; i++) {
		v = node_get_str(ci->u.items[i], "ref");
		for (j = 0; v != NULL && j < items->n; j++) {
			if (node_scalar_eq(node_get(items->u.items[j], "ref"),
			    v))
				return error_set(NC_EINVALID, "item '%s' is in "
				    "two of the catalogs", v);
		}
		if ((rc = freeze_item(doc, items, ci->u.items[i],
		    record_id(cat))) != 0)
			return rc;
	}
	return 0;
}

struct node *
audit_person(struct ydoc *doc, const char *text)
{
	struct node	*p;
	const char	*open, *end;
	size_t		 len = strlen(text);
	char		*name;
	int		 rc;

	if ((p = node_map(doc)) == NULL)
		return NULL;
	/* 見本 直子（主任）: the position in full-width brackets. */
	open = strstr(text, "（");
	end = len >= 3 ? text + len - 3 : text;
	if (open != NULL && open > text && end > open &&
	    strcmp(end, "）") == 0) {
		if ((name = strndup(text, (size_t)(open - text))) == NULL)
			return NULL;
		rc = node_map_set_str(doc, p, "name", name);
		free(name);
		if (rc != 0 || (name = strndup(open + 3,
		    (size_t)(end - open - 3))) == NULL)
			return NULL;
		rc = node_map_set_str(doc, p, "position", name);
		free(name);
		return rc == 0 ? p : NULL;
	}
	return node_map_set_str(doc, p, "name", text) == 0 ? p : NULL;
}

static void
plan_title(struct buf *b, struct store *st, const struct audit_plan *p,
    int fy)
{
	const char	*name = NULL, *dept = NULL;
	char		 lab[CAL_FMT_MAX];

	if (cal_fy_label(lab, sizeof lab, fy) != 0)
		snprintf(lab, sizeof lab, "%d年度", fy);
	buf_printf(b, "%s 情報セキュリティ監査（%s）", lab,
	    strcmp(p->type, "system") == 0 ? "システム面" : "運用面");
	if (p->target_system != NULL)
		buf_printf(b, " %s", p->target_system);
	else if (p->target_org != NULL &&
	    store_org(&name, &dept, st, p->target_org) == 0)
		buf_printf(b, " %s", name);
	error_clear();
}

int
audit_plan(char **out_id, char **out_relpath, struct store *st,
    const struct audit_plan *p, struct diags *d)
{
	const struct schema	*kind;
	struct ydoc		*doc = NULL;
	struct node		*root;
	struct record		*cat = NULL;
	struct cal_date		 date;
	struct buf		 title = BUF_INIT;
	const char		*ckind;
	size_t			 i;
	int			 rc, mn = p->my_number;

	*out_id = NULL;
	*out_relpath = NULL;
	if (strcmp(p->type, "operational") == 0)
		ckind = "audit-operational";
	else if (strcmp(p->type, "system") == 0)
		ckind = "audit-system";
	else
		return error_set(NC_EINVALID, "unknown audit type '%s': "
		    "expected operational or system", p->type);
	if (p->date == NULL || cal_parse_iso(&date, p->date) != 0)
		return error_set(NC_EINVALID, "the audit needs a date "
		    "(YYYY-MM-DD), not '%s'", p->date != NULL ? p->date : "");
	if (p->target_org == NULL && p->target_system == NULL)
		return error_set(NC_EINVALID, "the audit needs a target");
	if (mn < 0) {
		mn = 0;
		if (p->target_org != NULL &&
		    (rc = audit_org_my_number(&mn, st, p->target_org)) != 0)
			return rc;
	}
	if ((rc = store_kind(&kind, st, "audit")) != 0)
		return rc;
	if ((doc = ydoc_new()) == NULL || (root = node_map(doc)) == NULL) {
		ydoc_free(doc);
		return error_set(NC_ENOMEM, "out of memory");
	}
	ydoc_set_root(doc, root);
	if (p->title == NULL)
		plan_title(&title, st, p, cal_fy(date));
	if ((rc = buf_ok(&title)) != 0 ||
	    (rc = node_map_set_str(doc, root, "type", p->type)) != 0 ||
	    (rc = node_map_set_str(doc, root, "title", p->title != NULL ?
	    p->title : title.data)) != 0 ||
	    (rc = node_map_set_str(doc, root, "status", "planned")) != 0 ||
	    (p->target_org != NULL && (rc = node_map_set_str(doc, root,
	    "target_org", p->target_org)) != 0) ||
	    (p->target_system != NULL && (rc = node_map_set_str(doc, root,
	    "target_system", p->target_system)) != 0) ||
	    (rc = node_map_set_str(doc, root, "my_number",
	    mn ? "true" : "false")) != 0 ||
	    (rc = node_map_set_str(doc, root, "date", p->date)) != 0 ||
	    (p->end_date != NULL && (rc = node_map_set_str(doc, root,
	    "end_date", p->end_date)) != 0) ||
	    (p->place != NULL && (rc = node_map_set_str(doc, root, "place",
	    p->place)) != 0) ||
	    (p->chief != NULL && (rc = node_map_set_str(doc, root,
	    "chief_auditor", p->chief)) != 0) ||
	    (rc = node_map_set_list(doc, root, "auditors", p->auditors,
	    p->nauditors, audit_person)) != 0 ||
	    (rc = node_map_set_list(doc, root, "auditees", p->auditees,
	    p->nauditees, audit_person)) != 0 ||
	    (rc = node_map_set(doc, root, "catalogs", node_seq(doc))) != 0 ||
	    (rc = node_map_set(doc, root, "items", node_seq(doc))) != 0)
		goto done;
	if (p->ncatalogs > 0) {
		for (i = 0; i < p->ncatalogs; i++) {
			if ((rc = audit_load_catalog(&cat, st,
			    p->catalogs[i])) != 0 ||
			    (rc = add_catalog(doc, root, cat)) != 0)
				goto done;
			record_free(cat);
			cat = NULL;
		}
	} else {
		if ((rc = audit_pick_catalog(&cat, st, ckind,
		    cal_fy(date))) != 0 ||
		    (rc = add_catalog(doc, root, cat)) != 0)
			goto done;
		record_free(cat);
		cat = NULL;
		if (mn && ((rc = audit_pick_catalog(&cat, st, "audit-mynumber",
		    cal_fy(date))) != 0 || (rc = add_catalog(doc, root,
		    cat)) != 0))
			goto done;
	}
	if (node_get(root, "items")->n == 0) {
		rc = error_set(NC_EINVALID, "the catalogs hold no items");
		goto done;
	}
	rc = record_create(out_id, out_relpath, st, kind, doc, d);
done:
	record_free(cat);
	buf_free(&title);
	ydoc_free(doc);
	return rc;
}

/* --- items and answers ------------------------------------------------ */

struct node *
audit_items(const struct node *root)
{
	struct node	*n = node_get(root, "items");

	return n != NULL && n->kind == NODE_SEQ ? n : NULL;
}

size_t
audit_nitems(const struct node *root)
{
	struct node	*n = audit_items(root);

	return n != NULL ? n->n : 0;
}

int
audit_item_find(size_t *out, const struct node *root, const char *ref)
{
	struct node	*items = audit_items(root);
	char		*end;
	long		 n;
	size_t		 i;

	*out = 0;
	for (i = 0; items != NULL && i < items->n; i++) {
		if (node_scalar_eq(node_get(items->u.items[i], "ref"), ref)) {
			*out = i;
			return 0;
		}
	}
	n = strtol(ref, &end, 10);
	if (*ref != '\0' && *end == '\0' && n >= 1 && items != NULL &&
	    (size_t)n <= items->n) {
		*out = (size_t)n - 1;
		return 0;
	}
	return error_set(NC_ENOTFOUND, "no item '%s' in the audit (%zu "
	    "items; give a ref such as '%s' or a number)", ref,
	    items != NULL ? items->n : 0, items != NULL && items->n > 0 &&
	    node_get_str(items->u.items[0], "ref") != NULL ?
	    node_get_str(items->u.items[0], "ref") : "op-2-1-01");
}

/*
 * The kinds of catalog whose refs carry a prefix, by it: 運用 for
 * op-2-1-04 ...  The prefix keeps the refs of the catalogs of one audit
 * apart in the records (op-2-1-04 and sy-2-1-04 are two items); a
 * document names the kind in Japanese where it has to.
 */
static const struct {
	const char	*prefix;
	const char	*kind;
} item_kinds[] = {
	{ "op-", "運用" },
	{ "sy-", "システム" },
	{ "mn-", "マイナンバー" },
};

const char *
audit_item_number(const char *ref)
{
	const char	*p;

	if (ref == NULL)
		return NULL;
	for (p = ref; *p >= 'a' && *p <= 'z'; p++)
		continue;
	return p != ref && p[0] == '-' && p[1] >= '0' && p[1] <= '9' ?
	    p + 1 : ref;
}

const char *
audit_item_kind(const char *ref)
{
	size_t	 i;

	for (i = 0; ref != NULL && i < sizeof item_kinds /
	    sizeof item_kinds[0]; i++)
		if (strncmp(ref, item_kinds[i].prefix,
		    strlen(item_kinds[i].prefix)) == 0)
			return item_kinds[i].kind;
	return NULL;
}

const char *
audit_own_kind(const struct node *root)
{
	const struct node	*items = audit_items(root);
	const struct node	*fs = audit_findings(root);

	if (items != NULL && items->n > 0)
		return audit_item_kind(node_get_str(items->u.items[0], "ref"));
	if (fs != NULL && fs->n > 0)
		return audit_item_kind(node_get_str(fs->u.items[0], "item"));
	return NULL;
}

const char *
audit_item_label(struct buf *b, const char *ref, const char *own)
{
	const char	*k = audit_item_kind(ref);

	buf_reset(b);
	if (ref == NULL)
		return "";
	if (k != NULL && (own == NULL || strcmp(k, own) != 0))
		buf_printf(b, "%s ", k);
	buf_puts(b, audit_item_number(ref));
	return b->data != NULL ? b->data : "";
}

size_t
audit_resume_index(const struct node *root)
{
	struct node	*items = audit_items(root);
	size_t		 i;

	for (i = 0; items != NULL && i < items->n; i++) {
		if (audit_item_result(items->u.items[i]) == AUDIT_NONE)
			return i;
	}
	for (i = 0; items != NULL && i < items->n; i++) {
		if (audit_item_result(items->u.items[i]) == AUDIT_UNCHECKED)
			return i;
	}
	return 0;
}

static int
is_agreed(const struct node *root)
{
	const char	*s = node_get_str(root, "status");

	return node_get(root, "agreement") != NULL || (s != NULL &&
	    (strcmp(s, "agreed") == 0 || strcmp(s, "reported") == 0 ||
	    strcmp(s, "following-up") == 0 || strcmp(s, "closed") == 0));
}

static int
set_or_remove(struct ydoc *doc, struct node *map, const char *key,
    const char *val)
{
	if (val == NULL)
		return 0;
	if (*val == '\0') {
		node_map_remove(map, key);
		return 0;
	}
	return node_map_set_str(doc, map, key, val);
}

int
audit_answer(struct ydoc *doc, struct node *root, size_t index,
    const struct audit_answer *a)
{
	struct node	*items = audit_items(root), *it, *seq;
	const char	*s;
	size_t		 i;
	int		 rc;

	if (is_agreed(root))
		return error_set(NC_EINVALID, "the results of '%s' were agreed "
		    "with the unit; they are not changed any more",
		    node_get_str(root, "id"));
	if (items == NULL || index >= items->n)
		return error_set(NC_ENOTFOUND, "no item %zu in the audit",
		    index + 1);
	if (a->result == AUDIT_NONE)
		return error_set(NC_EINVALID, "no result given");
	it = items->u.items[index];
	if ((rc = node_map_set_str(doc, it, "result",
	    audit_result_code(a->result))) != 0 ||
	    (rc = set_or_remove(doc, it, "note", a->note)) != 0 ||
	    (a->checked != NULL && (rc = node_map_set_str(doc, it, "checked",
	    a->checked)) != 0))
		return rc;
	if (a->set_evidence) {
		if (a->nevidence == 0)
			node_map_remove(it, "evidence");
		else {
			if ((seq = node_seq(doc)) == NULL)
				return error_set(NC_ENOMEM, "out of memory");
			for (i = 0; i < a->nevidence; i++) {
				if ((rc = node_seq_push(doc, seq,
				    node_str(doc, a->evidence[i]))) != 0)
					return rc;
			}
			if ((rc = node_map_set(doc, it, "evidence", seq)) != 0)
				return rc;
		}
	}
	s = node_get_str(root, "status");
	if (s == NULL || strcmp(s, "planned") == 0)
		if ((rc = node_map_set_str(doc, root, "status",
		    "in-progress")) != 0)
			return rc;
	return audit_sync_finding(doc, root, index);
}

/* --- findings ----------------------------------------------------------- */

struct node *
audit_findings(const struct node *root)
{
	struct node	*n = node_get(root, "findings");

	return n != NULL && n->kind == NODE_SEQ ? n : NULL;
}

struct node *
audit_finding(const struct node *root, long number)
{
	struct node	*f = audit_findings(root);
	const char	*s;
	size_t		 i;

	for (i = 0; f != NULL && i < f->n; i++) {
		s = node_get_str(f->u.items[i], "number");
		if (s != NULL && strtol(s, NULL, 10) == number)
			return f->u.items[i];
	}
	return NULL;
}

int
audit_finding_corrected(const struct node *f)
{
	const char	*s = node_get_str(f, "status");

	return s != NULL && (strcmp(s, "corrected") == 0 ||
	    strcmp(s, "accepted") == 0);
}

static int
finding_open(const struct node *f)
{
	const char	*s = node_get_str(f, "status");

	return s == NULL || strcmp(s, "accepted") != 0;
}

size_t
audit_open_findings(const struct node *root)
{
	struct node	*f = audit_findings(root);
	size_t		 i, n = 0;

	for (i = 0; f != NULL && i < f->n; i++)
		n += finding_open(f->u.items[i]);
	return n;
}

int
audit_sync_finding(struct ydoc *doc, struct node *root, size_t index)
{
	struct node		*items = audit_items(root), *it, *fs, *f = NULL;
	enum audit_result	 r;
	const char		*ref, *s, *text;
	char			 num[24];
	long			 max = 0, v;
	size_t			 i, at = 0;
	int			 rc;

	if (items == NULL || index >= items->n)
		return 0;
	it = items->u.items[index];
	ref = node_get_str(it, "ref");
	r = audit_item_result(it);
	fs = audit_findings(root);
	for (i = 0; fs != NULL && i < fs->n; i++) {
		if ((s = node_get_str(fs->u.items[i], "number")) != NULL &&
		    (v = strtol(s, NULL, 10)) > max)
			max = v;
		if (f == NULL && ref != NULL &&
		    node_scalar_eq(node_get(fs->u.items[i], "item"), ref)) {
			f = fs->u.items[i];
			at = i;
		}
	}
	if (r == AUDIT_PARTIAL || r == AUDIT_NONCONFORM) {
		if (f != NULL)
			return 0;
		if (fs == NULL) {
			if ((fs = node_seq(doc)) == NULL)
				return error_set(NC_ENOMEM, "out of memory");
			if ((rc = node_map_set(doc, root, "findings", fs)) != 0)
				return rc;
		}
		/* The auditor's note is the finding's first text; without
		 * one the finding waits for its own (audit finding --finding):
		 * the item's question is never a finding. */
		text = node_get_str(it, "note");
		if (text != NULL && *text == '\0')
			text = NULL;
		snprintf(num, sizeof num, "%ld", max + 1);
		if ((f = node_map(doc)) == NULL)
			return error_set(NC_ENOMEM, "out of memory");
		if ((rc = node_map_set_str(doc, f, "number", num)) != 0 ||
		    (ref != NULL && (rc = node_map_set_str(doc, f, "item",
		    ref)) != 0) ||
		    (rc = node_map_set_str(doc, f, "grade",
		    r == AUDIT_NONCONFORM ? "major" : "minor")) != 0 ||
		    (text != NULL && (rc = node_map_set_str(doc, f,
		    "finding", text)) != 0) ||
		    (rc = node_map_set_str(doc, f, "status", "open")) != 0)
			return rc;
		return node_seq_push(doc, fs, f);
	}
	if (r == AUDIT_NONE || r == AUDIT_UNCHECKED || f == NULL)
		return 0;
	/* Conform or not applicable now: drop the finding unless work was
	 * recorded on it. */
	if (node_get(f, "correction") != NULL ||
	    node_get(f, "response") != NULL || node_get(f, "qa") != NULL ||
	    node_get(f, "due") != NULL)
		return 0;
	memmove(&fs->u.items[at], &fs->u.items[at + 1],
	    (fs->n - at - 1) * sizeof *fs->u.items);
	fs->n--;
	if (fs->n == 0)
		node_map_remove(root, "findings");
	return 0;
}

static int
check_enum(const char *what, const char *v, const char *const *ok,
    const char *expected)
{
	size_t	i;

	for (i = 0; ok[i] != NULL; i++) {
		if (strcmp(v, ok[i]) == 0)
			return 0;
	}
	return error_set(NC_EINVALID, "unknown %s '%s': expected %s", what, v,
	    expected);
}

static int
check_date(const char *what, const char *v)
{
	struct cal_date	 d;

	if (v == NULL || *v == '\0')
		return 0;
	if (cal_parse_iso(&d, v) != 0) {
		char msg[256];

		snprintf(msg, sizeof msg, "%s", error_last());
		return error_set(NC_EINVALID, "%s: %s", what, msg);
	}
	return 0;
}

static int
finding_edit(struct ydoc *doc, struct node *root, long number,
    const struct audit_finding_edit *e)
{
	static const char *const grades[] = { "major", "minor", "observation",
	    "suggestion", NULL };
	static const char *const states[] = { "open", "in-progress",
	    "corrected", "accepted", NULL };
	struct node	*f, *qa, *q = NULL;
	const char	*was;
	size_t		 i;
	int		 rc;

	if ((f = audit_finding(root, number)) == NULL)
		return error_set(NC_ENOTFOUND, "no finding %ld in '%s'",
		    number, node_get_str(root, "id"));
	if (e->grade != NULL && (rc = check_enum("grade", e->grade, grades,
	    "major (重大), minor (軽微), observation (観察) or suggestion "
	    "(改善提案)")) != 0)
		return rc;
	if (e->status != NULL && (rc = check_enum("status", e->status, states,
	    "open (未是正), in-progress (是正中), corrected (是正済) or "
	    "accepted (是正確認済)")) != 0)
		return rc;
	if (e->status_date != NULL && e->status == NULL)
		return error_set(NC_EINVALID, "a status date needs a status");
	if ((rc = check_date("status date", e->status_date)) != 0 ||
	    (rc = check_date("due", e->due)) != 0 ||
	    (rc = check_date("response date", e->response_date)) != 0 ||
	    (rc = check_date("question date", e->qa_date)) != 0)
		return rc;
	/*
	 * dated: a document of an earlier day reads it (audit_hist).  The
	 * status the finding has already is no change and logs nothing (an
	 * accepted -> accepted entry dated before the last change put the
	 * history out of order, and lint warned of it).
	 */
	was = node_get_str(f, "status");
	if (e->status != NULL && strcmp(e->status,
	    was != NULL ? was : "open") == 0)
		;
	else if (e->status_date != NULL) {
		struct cal_date	 d;

		/* valid: check_date() above */
		if ((rc = cal_parse_iso(&d, e->status_date)) != 0 ||
		    (rc = statuslog_append(doc, f, was, e->status, d)) != 0)
			return rc;
	} else if (e->status != NULL &&
	    node_get(f, "status_history") != NULL) {
		/* a history once kept stays whole: the change is today's */
		if ((rc = statuslog_append(doc, f, was != NULL ? was : "open",
		    e->status, cal_today())) != 0)
			return rc;
	}
	if ((e->grade != NULL && (rc = node_map_set_str(doc, f, "grade",
	    e->grade)) != 0) ||
	    (e->finding != NULL && *e->finding != '\0' &&
	    (rc = node_map_set_str(doc, f, "finding", e->finding)) != 0) ||
	    (rc = set_or_remove(doc, f, "correction", e->correction)) != 0 ||
	    (rc = set_or_remove(doc, f, "due", e->due)) != 0 ||
	    (e->status != NULL && (rc = node_map_set_str(doc, f, "status",
	    e->status)) != 0) ||
	    (rc = set_or_remove(doc, f, "response", e->response)) != 0 ||
	    (rc = set_or_remove(doc, f, "response_date",
	    e->response_date)) != 0)
		return rc;
	if (e->question == NULL && e->answer == NULL)
		return 0;
	qa = node_get(f, "qa");
	if (e->question == NULL) {
		/* An answer alone goes to the last question without one. */
		for (i = qa != NULL ? qa->n : 0; i > 0; i--) {
			if (node_get(qa->u.items[i - 1], "answer") == NULL) {
				q = qa->u.items[i - 1];
				break;
			}
		}
		if (q == NULL)
			return error_set(NC_EINVALID, "finding %ld has no "
			    "unanswered question; give --question too", number);
		return node_map_set_str(doc, q, "answer", e->answer);
	}
	if (qa == NULL) {
		if ((qa = node_seq(doc)) == NULL)
			return error_set(NC_ENOMEM, "out of memory");
		if ((rc = node_map_set(doc, f, "qa", qa)) != 0)
			return rc;
	}
	if ((q = node_map(doc)) == NULL)
		return error_set(NC_ENOMEM, "out of memory");
	if ((e->qa_date != NULL && (rc = node_map_set_str(doc, q, "date",
	    e->qa_date)) != 0) ||
	    (rc = node_map_set_str(doc, q, "question", e->question)) != 0 ||
	    (e->answer != NULL && (rc = node_map_set_str(doc, q, "answer",
	    e->answer)) != 0))
		return rc;
	return node_seq_push(doc, qa, q);
}

int
audit_finding_edit(struct ydoc *doc, struct node *root, long number,
    const struct audit_finding_edit *e)
{
	int	rc;

	if ((rc = finding_edit(doc, root, number, e)) != 0)
		return rc;
	/* A follow-up audit is under way once its findings are worked on. */
	if (node_scalar_eq(node_get(root, "type"), "followup") &&
	    node_scalar_eq(node_get(root, "status"), "planned"))
		return node_map_set_str(doc, root, "status", "in-progress");
	return 0;
}

int
audit_findings_edited(struct buf *told, struct ydoc *doc, struct node *root,
    const struct node *old, struct cal_date d)
{
	const struct node	*ofs = audit_findings(old), *of = NULL, *h, *oh;
	struct node		*fs = audit_findings(root), *f;
	const char		*num, *was, *now;
	size_t			 i, k, n0;
	int			 rc;

	for (i = 0; fs != NULL && fs->kind == NODE_SEQ && i < fs->n; i++) {
		f = fs->u.items[i];
		if ((num = node_get_str(f, "number")) == NULL)
			continue;
		for (k = 0, of = NULL; ofs != NULL && ofs->kind == NODE_SEQ &&
		    k < ofs->n && of == NULL; k++)
			if (node_scalar_eq(node_get(ofs->u.items[k], "number"),
			    num))
				of = ofs->u.items[k];
		/* a new finding's status is its first; none is changed */
		if (of == NULL)
			continue;
		if ((was = node_get_str(of, "status")) == NULL)
			was = "open";
		if ((now = node_get_str(f, "status")) == NULL)
			now = "open";
		if (strcmp(was, now) == 0)
			continue;
		h = node_get(f, "status_history");
		if (h != NULL && h->kind != NODE_SEQ)
			continue;	/* the schema's check names it */
		oh = node_get(of, "status_history");
		n0 = oh != NULL && oh->kind == NODE_SEQ ? oh->n : 0;
		/* logged by the one who edited: a new last change to it */
		if (h != NULL && h->n > n0 &&
		    node_scalar_eq(node_get(h->u.items[h->n - 1], "to"), now))
			continue;
		if ((rc = statuslog_append(doc, f, was, now, d)) != 0)
			return rc;
		buf_printf(told, "%s\t%s\t%s\n", num, was, now);
		if ((rc = buf_ok(told)) != 0)
			return rc;
	}
	return 0;
}

/* --- agreement and report ------------------------------------------ */

int
audit_agree_blockers(char **out, const struct node *root)
{
	struct node		*items = audit_items(root), *fs, *f;
	struct buf		 b = BUF_INIT;
	enum audit_result	 r;
	const char		*ref, *num;
	size_t			 i;

	*out = NULL;
	for (i = 0; items != NULL && i < items->n; i++) {
		r = audit_item_result(items->u.items[i]);
		if (r != AUDIT_NONE && r != AUDIT_UNCHECKED)
			continue;
		ref = node_get_str(items->u.items[i], "ref");
		if (r == AUDIT_NONE)
			buf_printf(&b, _("item %zu %s: not answered\n"), i + 1,
			    ref != NULL ? ref : "");
		else
			buf_printf(&b, _("item %zu %s: 未確認 (skipped)\n"),
			    i + 1, ref != NULL ? ref : "");
	}
	fs = audit_findings(root);
	for (i = 0; fs != NULL && i < fs->n; i++) {
		f = fs->u.items[i];
		num = node_get_str(f, "number");
		if (node_get_str(f, "finding") == NULL)
			buf_printf(&b, _("finding %s: no text (指摘内容)\n"),
			    num != NULL ? num : "?");
		if (node_get_str(f, "correction") == NULL)
			buf_printf(&b, _("finding %s: no correction (改善の方向性)"
			    "\n"), num != NULL ? num : "?");
		if (node_get_str(f, "due") == NULL)
			buf_printf(&b, _("finding %s: no due date (是正期限)\n"),
			    num != NULL ? num : "?");
	}
	buf_puts(&b, "");
	if (buf_ok(&b) != 0)
		return NC_ENOMEM;
	*out = buf_detach(&b, NULL);
	return 0;
}

int
audit_agree(struct ydoc *doc, struct node *root, const char *by,
    const char *position, const char *date)
{
	struct node	*a;
	char		*blk = NULL;
	const char	*type;
	int		 rc;

	if (node_get(root, "agreement") != NULL)
		return error_set(NC_EEXISTS, "'%s' was already agreed on %s",
		    node_get_str(root, "id"),
		    node_get_str(node_get(root, "agreement"), "date"));
	if ((rc = check_date("agreement date", date)) != 0)
		return rc;
	type = node_get_str(root, "type");
	if (type != NULL && strcmp(type, "followup") != 0 &&
	    audit_nitems(root) == 0)
		return error_set(NC_EINVALID, "'%s' has no items",
		    node_get_str(root, "id"));
	if ((rc = audit_agree_blockers(&blk, root)) != 0)
		return rc;
	if (*blk != '\0') {
		size_t	 lines = 0, more = 0;
		char	*p, *cut = NULL;

		blk[strlen(blk) - 1] = '\0';
		/* The message has a bounded size: ten reasons, then a count. */
		for (p = blk; (p = strchr(p, '\n')) != NULL; p++) {
			if (++lines == 10)
				cut = p;
		}
		if (cut != NULL) {
			more = lines - 9;
			*cut = '\0';
		}
		if (more > 0)
			rc = error_set(NC_EINVALID, "cannot agree '%s' yet:\n%s\n"
			    "... and %zu more (see 'nerima-cio audit show %s')",
			    node_get_str(root, "id"), blk, more,
			    node_get_str(root, "id"));
		else
			rc = error_set(NC_EINVALID, "cannot agree '%s' yet:\n%s",
			    node_get_str(root, "id"), blk);
		free(blk);
		return rc;
	}
	free(blk);
	if ((a = node_map(doc)) == NULL)
		return error_set(NC_ENOMEM, "out of memory");
	if ((rc = node_map_set_str(doc, a, "by", by)) != 0 ||
	    (position != NULL && (rc = node_map_set_str(doc, a, "position",
	    position)) != 0) ||
	    (rc = node_map_set_str(doc, a, "date", date)) != 0 ||
	    (rc = node_map_set(doc, root, "agreement", a)) != 0)
		return rc;
	return node_map_set_str(doc, root, "status", "agreed");
}

int
audit_mark_reported(struct ydoc *doc, struct node *root, const char *date)
{
	const char	*s = node_get_str(root, "status");
	int		 rc;

	if (node_get(root, "agreement") == NULL)
		return error_set(NC_EINVALID, "'%s' is not agreed with the "
		    "unit yet (nerima-cio audit agree)",
		    node_get_str(root, "id"));
	if ((rc = check_date("report date", date)) != 0)
		return rc;
	if ((rc = node_map_set_str(doc, root, "reported", date)) != 0)
		return rc;
	if (s != NULL && strcmp(s, "agreed") == 0)
		return node_map_set_str(doc, root, "status", "reported");
	return 0;
}

/* --- follow-up ------------------------------------------------------ */

/*
 * Finding f into follow-up findings fs as number, pointing at where it
 * was made: src's finding srcnum (audit_finding_made(), a finding
 * carried twice keeps pointing at the audit that made it).
 */
static int
carry_finding(struct ydoc *doc, struct node *fs, const struct node *f,
    const char *src, const char *srcnum, long number)
{
	static const char *const keep[] = { "item", "grade", "finding",
	    "correction", "due", "status", "response", "response_date" };
	struct node		*n;
	const struct node	*v;
	char			 num[24];
	size_t			 i;
	int			 rc;

	if ((n = node_map(doc)) == NULL)
		return error_set(NC_ENOMEM, "out of memory");
	snprintf(num, sizeof num, "%ld", number);
	if ((rc = node_map_set_str(doc, n, "number", num)) != 0)
		return rc;
	for (i = 0; i < sizeof keep / sizeof keep[0]; i++) {
		if ((v = node_get(f, keep[i])) != NULL && !node_is_null(v) &&
		    (rc = node_map_set(doc, n, keep[i],
		    node_copy(doc, v))) != 0)
			return rc;
	}
	if ((rc = node_map_set_str(doc, n, "from_audit", src)) != 0 ||
	    (rc = node_map_set_str(doc, n, "from_finding", srcnum)) != 0)
		return rc;
	return node_seq_push(doc, fs, n);
}

/*
 * Where a carried finding was made.  `audit followup` names in
 * from_audit the audit that made the finding, also when it carries it a
 * second time; a follow-up made by hand may name the follow-up it copied
 * the finding from.  The chain is followed through each follow-up's copy
 * (its own from_audit and from_finding) to the finding that was not
 * carried: the one shared resolver of lint and the documents.  get(arg,
 * id) is the root of audit id or NULL.  *src and *num are where the
 * finding was made as far as the chain is known, *out_f that finding or
 * NULL when the chain breaks; the hops made are returned (0: not
 * carried).  AUDIT_HOPS_MAX ends a loop in hand-edited records.
 */
#define AUDIT_HOPS_MAX	16

static int
origin_walk(const char **src, const char **num, const struct node **out_f,
    const struct node *(*get)(void *, const char *), void *arg,
    const struct node *f)
{
	const struct node	*root, *g;
	char			*end;
	long			 k;
	int			 hops = 0;

	*out_f = NULL;
	*src = node_get_str(f, "from_audit");
	*num = node_get_str(f, "from_finding");
	while (*src != NULL && *num != NULL && hops < AUDIT_HOPS_MAX) {
		hops++;
		*out_f = NULL;
		k = strtol(*num, &end, 10);
		if (*end != '\0' || (root = get(arg, *src)) == NULL ||
		    (g = audit_finding(root, k)) == NULL)
			break;
		*out_f = g;
		if (node_get_str(g, "from_audit") == NULL ||
		    node_get_str(g, "from_finding") == NULL)
			break;
		*src = node_get_str(g, "from_audit");
		*num = node_get_str(g, "from_finding");
	}
	return hops;
}

struct among {
	struct record *const	*all;
	size_t			 nall;
};

static const struct node *
among_get(void *arg, const char *id)
{
	const struct among	*a = arg;
	size_t			 i;

	for (i = 0; i < a->nall; i++)
		if (node_scalar_eq(node_get(record_root(a->all[i]), "id"), id))
			return record_root(a->all[i]);
	return NULL;
}

void
audit_finding_made(const char **src, const char **num,
    struct record *const *all, size_t nall, const struct node *root,
    const struct node *f)
{
	struct among		 a = { all, nall };
	const struct node	*of;

	if (node_get_str(f, "from_audit") != NULL)
		origin_walk(src, num, &of, among_get, &a, f);
	else {
		*src = node_get_str(root, "id");
		*num = node_get_str(f, "number");
	}
}

/*
 * Whether follow-up g carries finding num of src (status: as accepted),
 * among all (to resolve what g names).
 */
static const struct node *
carries(struct record *const *all, size_t nall, const struct node *g,
    const char *src, const char *num)
{
	const struct node	*fs = audit_findings(g), *f;
	const char		*a, *b;
	size_t			 i;

	for (i = 0; fs != NULL && src != NULL && num != NULL && i < fs->n;
	    i++) {
		f = fs->u.items[i];
		audit_finding_made(&a, &b, all, nall, g, f);
		if (a != NULL && b != NULL && strcmp(a, src) == 0 &&
		    strcmp(b, num) == 0)
			return f;
	}
	return NULL;
}

/* A follow-up other than except dated before day, or NULL. */
static const struct node *
followup_before(const struct record *r, const char *day, const char *except)
{
	const struct node	*g = record_root(r);
	const char		*d = node_get_str(g, "date");
	const char		*id = node_get_str(g, "id");

	if (!node_scalar_eq(node_get(g, "type"), "followup") || d == NULL ||
	    day == NULL || strcmp(d, day) >= 0 ||
	    (except != NULL && id != NULL && strcmp(id, except) == 0))
		return NULL;
	return g;
}

const struct node *
audit_accepted_before(struct record *const *all, size_t nall,
    const char *src, const char *num, const char *day, const char *except)
{
	const struct node	*g, *f, *by = NULL;
	size_t			 i;

	/* all is in date order: the last that qualifies is the latest */
	for (i = 0; i < nall; i++) {
		if ((g = followup_before(all[i], day, except)) != NULL &&
		    (f = carries(all, nall, g, src, num)) != NULL &&
		    !finding_open(f))
			by = g;
	}
	return by;
}

void
audit_prior(struct audit_prior *out, struct record *const *all, size_t nall,
    const struct node *root)
{
	const struct node	*fs = audit_findings(root), *f, *g, *by;
	const char		*day = node_get_str(root, "date");
	const char		*id = node_get_str(root, "id");
	const char		*of = node_get_str(root, "followup_of");
	const char		*src, *num;
	size_t			 i, k;

	memset(out, 0, sizeof *out);
	for (i = 0; fs != NULL && i < fs->n; i++) {
		f = fs->u.items[i];
		audit_finding_made(&src, &num, all, nall, root, f);
		out->n++;
		if ((by = audit_accepted_before(all, nall, src, num, day,
		    id)) != NULL) {
			out->naccepted++;
			if (out->accepted_by == NULL || strcmp(node_get_str(by,
			    "date"), node_get_str(out->accepted_by, "date")) >
			    0)
				out->accepted_by = by;
		} else
			out->nopen += finding_open(f);
	}
	/* the one it follows up if a follow-up, else one of its findings' */
	for (i = 0; i < nall; i++) {
		if ((g = followup_before(all[i], day, id)) == NULL)
			continue;
		if (of != NULL && node_scalar_eq(node_get(g, "id"), of)) {
			out->earlier = g;
			continue;
		}
		for (k = 0; fs != NULL && k < fs->n; k++) {
			audit_finding_made(&src, &num, all, nall, root,
			    fs->u.items[k]);
			if (carries(all, nall, g, src, num) != NULL) {
				out->earlier = g;
				break;
			}
		}
	}
}

/* Whether finding f of src was accepted by a follow-up before day. */
static const struct node *
accepted_earlier(struct record *const *all, size_t nall,
    const struct node *src, const struct node *f, const char *day)
{
	const char	*a, *num;

	audit_finding_made(&a, &num, all, nall, src, f);
	return audit_accepted_before(all, nall, a, num, day,
	    node_get_str(src, "id"));
}

/*
 * A follow-up covers the findings still open at its date: one that an
 * earlier follow-up accepted is not checked again (review17 M4: twelve
 * findings re-checked eleven months after they were accepted).  An error
 * naming that follow-up when nothing is left.
 */
static int
left_to_follow(struct record *const *all, size_t nall,
    const struct node *src, const char *day)
{
	const struct node	*sf = audit_findings(src), *by = NULL, *g;
	const char		*ref;
	size_t			 i;

	for (i = 0; sf != NULL && i < sf->n; i++) {
		if (!finding_open(sf->u.items[i]))
			continue;
		if ((g = accepted_earlier(all, nall, src, sf->u.items[i],
		    day)) == NULL)
			return 0;
		by = g;
	}
	if (by == NULL)
		return 0;
	ref = node_get_str(by, "ref_no");
	return error_set(NC_EINVALID, "'%s' has no findings left to follow "
	    "up: follow-up %s%s%s%s of %s already accepted them",
	    node_get_str(src, "id"), node_get_str(by, "id"),
	    ref != NULL ? " (" : "", ref != NULL ? ref : "",
	    ref != NULL ? ")" : "", node_get_str(by, "date"));
}

int
audit_followup(char **out_id, char **out_relpath, struct store *st,
    struct record *src, const struct audit_followup *p, struct diags *d)
{
	const struct schema	*kind;
	struct node		*sroot = record_root(src), *root, *fs, *sf;
	struct ydoc		*doc = NULL;
	struct cal_date		 date;
	struct buf		 title = BUF_INIT;
	struct diags		 skip = DIAGS_INIT;
	struct record		**all = NULL;
	const char		*v, *name = NULL, *dept = NULL, *a, *num;
	char			 lab[CAL_FMT_MAX];
	size_t			 nall = 0;
	size_t			 i;
	long			 n = 0;
	int			 rc;

	*out_id = NULL;
	*out_relpath = NULL;
	if ((v = node_get_str(sroot, "followup")) != NULL)
		return error_set(NC_EEXISTS, "'%s' already has a follow-up "
		    "audit, %s", record_id(src), v);
	if (audit_open_findings(sroot) == 0)
		return error_set(NC_EINVALID, "'%s' has no open findings to "
		    "follow up", record_id(src));
	if (node_get(sroot, "agreement") == NULL)
		return error_set(NC_EINVALID, "'%s' is not agreed with the "
		    "unit yet; agree the results before the follow-up",
		    record_id(src));
	if (p->date == NULL || cal_parse_iso(&date, p->date) != 0)
		return error_set(NC_EINVALID, "the follow-up needs a date "
		    "(YYYY-MM-DD), not '%s'", p->date != NULL ? p->date : "");
	if ((v = node_get_str(sroot, "date")) != NULL &&
	    strcmp(p->date, v) <= 0)
		return error_set(NC_EINVALID, "the follow-up date %s is not "
		    "after the audit's, %s", p->date, v);
	if ((rc = store_kind(&kind, st, "audit")) != 0 ||
	    (rc = audit_load_year(&all, &nall, st, 0, &skip)) != 0) {
		diags_free(&skip);
		return rc;
	}
	diags_free(&skip);
	if ((rc = left_to_follow(all, nall, sroot, p->date)) != 0)
		goto done;
	if ((doc = ydoc_new()) == NULL || (root = node_map(doc)) == NULL ||
	    (fs = node_seq(doc)) == NULL) {
		rc = error_set(NC_ENOMEM, "out of memory");
		goto done;
	}
	ydoc_set_root(doc, root);
	if (cal_fy_label(lab, sizeof lab, cal_fy(date)) != 0)
		snprintf(lab, sizeof lab, "%d年度", cal_fy(date));
	/*
	 * titled as the year's other audits and the 運営計画書's schedule
	 * name them, the kind in brackets: 令和10年度 情報セキュリティ監査
	 * （フォローアップ） 都市農業課 (review17: 「令和10年度 フォローアップ
	 * 監査 都市農業課」 beside the generator's form in one year's lists)
	 */
	buf_printf(&title, "%s 情報セキュリティ監査（フォローアップ）", lab);
	if ((v = node_get_str(sroot, "target_system")) != NULL)
		buf_printf(&title, " %s", v);
	else if ((v = node_get_str(sroot, "target_org")) != NULL &&
	    store_org(&name, &dept, st, v) == 0)
		buf_printf(&title, " %s", name);
	error_clear();
	if ((rc = buf_ok(&title)) != 0 ||
	    (rc = node_map_set_str(doc, root, "type", "followup")) != 0 ||
	    (rc = node_map_set_str(doc, root, "title", title.data)) != 0 ||
	    (rc = node_map_set_str(doc, root, "status", "planned")) != 0)
		goto done;
	static const char *const copy[] = { "target_org", "target_system",
	    "my_number" };
	for (i = 0; i < sizeof copy / sizeof copy[0]; i++) {
		const struct node *cv = node_get(sroot, copy[i]);

		if (cv != NULL && (rc = node_map_set(doc, root, copy[i],
		    node_copy(doc, cv))) != 0)
			goto done;
	}
	if ((rc = node_map_set_str(doc, root, "followup_of",
	    record_id(src))) != 0 ||
	    (rc = node_map_set_str(doc, root, "date", p->date)) != 0 ||
	    (p->place != NULL && (rc = node_map_set_str(doc, root, "place",
	    p->place)) != 0) ||
	    ((v = p->chief != NULL ? p->chief : node_get_str(sroot,
	    "chief_auditor")) != NULL && (rc = node_map_set_str(doc, root,
	    "chief_auditor", v)) != 0) ||
	    (rc = node_map_set_list(doc, root, "auditors", p->auditors,
	    p->nauditors, audit_person)) != 0)
		goto done;
	if (p->nauditors == 0 && node_get(sroot, "auditors") != NULL &&
	    (rc = node_map_set(doc, root, "auditors",
	    node_copy(doc, node_get(sroot, "auditors")))) != 0)
		goto done;
	sf = audit_findings(sroot);
	for (i = 0; sf != NULL && i < sf->n; i++) {
		if (!finding_open(sf->u.items[i]) || accepted_earlier(all,
		    nall, sroot, sf->u.items[i], p->date))
			continue;
		audit_finding_made(&a, &num, all, nall, sroot, sf->u.items[i]);
		if ((rc = carry_finding(doc, fs, sf->u.items[i], a, num,
		    ++n)) != 0)
			goto done;
	}
	if ((rc = node_map_set(doc, root, "findings", fs)) != 0 ||
	    (rc = record_create(out_id, out_relpath, st, kind, doc, d)) != 0)
		goto done;
	if ((rc = node_map_set_str(src->doc, sroot, "followup",
	    *out_id)) != 0 ||
	    (rc = node_map_set_str(src->doc, sroot, "status",
	    "following-up")) != 0) {
		char msg[256];

		snprintf(msg, sizeof msg, "%s", error_last());
		rc = error_set(rc, "follow-up %s was created, but '%s' could "
		    "not be updated: %s", *out_id, record_id(src), msg);
	}
done:
	buf_free(&title);
	ydoc_free(doc);
	audit_free_all(all, nall);
	return rc;
}

int
audit_propagate(struct ydoc *doc, struct node *sroot, long from_finding,
    const char *status, const char *date)
{
	struct node	*f, *fs;
	const char	*s;
	size_t		 i;
	struct cal_date	 d;
	int		 rc;

	if ((f = audit_finding(sroot, from_finding)) == NULL)
		return error_set(NC_ENOTFOUND, "no finding %ld in '%s'",
		    from_finding, node_get_str(sroot, "id"));
	s = node_get_str(f, "status");
	if (s != NULL && strcmp(s, status) == 0)
		return 0;
	if (date == NULL || *date == '\0')
		d = cal_today();
	else if ((rc = check_date("date", date)) != 0 ||
	    (rc = cal_parse_iso(&d, date)) != 0)
		return rc;
	/* the status it replaces stays in the history (stop 40's note) */
	if ((rc = statuslog_append(doc, f, s != NULL ? s : "open", status,
	    d)) != 0 ||
	    (rc = node_map_set_str(doc, f, "status", status)) != 0)
		return rc;
	fs = audit_findings(sroot);
	for (i = 0; i < fs->n; i++) {
		if (finding_open(fs->u.items[i]))
			return 1;
	}
	if ((rc = node_map_set_str(doc, sroot, "status", "closed")) != 0)
		return rc;
	return 1;
}

int
audit_add_risk(struct ydoc *doc, struct node *root,
    const struct audit_risk *r)
{
	static const char *const levels[] = { "high", "medium", "low", NULL };
	struct node	*seq, *m;
	int		 rc;

	if (r->risk == NULL || *r->risk == '\0')
		return error_set(NC_EINVALID, "the risk needs a description");
	if ((r->likelihood != NULL && (rc = check_enum("likelihood",
	    r->likelihood, levels, "high (高), medium (中) or low (低)")) !=
	    0) || (r->impact != NULL && (rc = check_enum("impact", r->impact,
	    levels, "high (高), medium (中) or low (低)")) != 0))
		return rc;
	if ((seq = node_get(root, "risks")) == NULL) {
		if ((seq = node_seq(doc)) == NULL)
			return error_set(NC_ENOMEM, "out of memory");
		if ((rc = node_map_set(doc, root, "risks", seq)) != 0)
			return rc;
	}
	if ((m = node_map(doc)) == NULL)
		return error_set(NC_ENOMEM, "out of memory");
	if ((rc = node_map_set_str(doc, m, "risk", r->risk)) != 0 ||
	    (r->clause != NULL && (rc = node_map_set_str(doc, m, "clause",
	    r->clause)) != 0) ||
	    (r->analysis != NULL && (rc = node_map_set_str(doc, m,
	    "analysis", r->analysis)) != 0) ||
	    (r->likelihood != NULL && (rc = node_map_set_str(doc, m,
	    "likelihood", r->likelihood)) != 0) ||
	    (r->impact != NULL && (rc = node_map_set_str(doc, m, "impact",
	    r->impact)) != 0) ||
	    (r->measure != NULL && (rc = node_map_set_str(doc, m, "measure",
	    r->measure)) != 0))
		return rc;
	return node_seq_push(doc, seq, m);
}

/* --- finding and loading audits ---------------------------------------- */

/* The number of a 監査第4号 (4); LONG_MAX for none. */
static long
ref_number(const char *s)
{
	while (s != NULL && *s != '\0' && (*s < '0' || *s > '9'))
		s++;
	return s != NULL && *s != '\0' ? strtol(s, NULL, 10) : LONG_MAX;
}

static int
by_date(const void *a, const void *b)
{
	struct record *const	*x = a, *const *y = b;
	const char		*dx = record_field(*x, "date");
	const char		*dy = record_field(*y, "date");
	long			 nx, ny;
	int			 c;

	c = strcmp(dx != NULL ? dx : "", dy != NULL ? dy : "");
	if (c != 0)
		return c;
	/*
	 * Of one day, by 監査番号: row No.3 was 監査第4号 and No.4 監査第3号,
	 * by their ids (review 19, rev19b T12).  None comes after.
	 */
	nx = ref_number(record_field(*x, "ref_no"));
	ny = ref_number(record_field(*y, "ref_no"));
	if (nx != ny)
		return nx < ny ? -1 : 1;
	return strcmp(record_id(*x), record_id(*y));
}

static int
load_year(struct record ***out, size_t *nout, struct store *st, int fy,
    struct diags *d, const char *const *skip, size_t nskip)
{
	const struct schema	*kind;
	struct reclist		 l = RECLIST_INIT;
	struct record		**v;
	size_t			 i, n = 0;
	int			 rc;

	*out = NULL;
	*nout = 0;
	if ((rc = store_kind(&kind, st, "audit")) != 0 ||
	    (rc = store_scan(&l, st, kind, fy, NULL)) != 0)
		return rc;
	if ((v = calloc(l.n + 1, sizeof *v)) == NULL) {
		reclist_free(&l);
		return error_set(NC_ENOMEM, "out of memory");
	}
	for (i = 0; i < l.n; i++) {
		if ((rc = skip != NULL ? record_load_without(&v[n], st,
		    &l.v[i], NULL, skip, nskip) : record_load(&v[n], st,
		    &l.v[i], NULL)) == 0) {
			n++;
			continue;
		}
		if (d == NULL || rc == NC_ENOMEM) {
			while (n > 0)
				record_free(v[--n]);
			free(v);
			reclist_free(&l);
			return rc;
		}
		diags_add(d, l.v[i].relpath, 0, 0, "%s", error_last());
	}
	reclist_free(&l);
	qsort(v, n, sizeof *v, by_date);
	*out = v;
	*nout = n;
	return 0;
}

int
audit_load_year(struct record ***out, size_t *nout, struct store *st, int fy,
    struct diags *d)
{
	return load_year(out, nout, st, fy, d, NULL, 0);
}

int
audit_load_findings(struct record ***out, size_t *nout, struct store *st,
    int fy, struct diags *d)
{
	/* (what the audit_earlier_open() and its helpers do not read) */
	static const char *const	skip[] = { "items", "risks",
	    "auditors", "auditees", "assistants", "summary", "catalogs" };

	return load_year(out, nout, st, fy, d, skip, sizeof skip /
	    sizeof *skip);
}

void
audit_free_all(struct record **v, size_t n)
{
	size_t	i;

	for (i = 0; v != NULL && i < n; i++)
		record_free(v[i]);
	free(v);
}

int
audit_followup_source(char **out_id, struct store *st, const char *org)
{
	struct record		**v = NULL, *best = NULL;
	const struct node	*root;
	const char		*s;
	size_t			 i, n = 0;
	int			 rc;

	*out_id = NULL;
	if ((rc = audit_load_year(&v, &n, st, 0, NULL)) != 0)
		return rc;
	/* In date order: the last that qualifies is the latest. */
	for (i = 0; i < n; i++) {
		root = record_root(v[i]);
		s = node_get_str(root, "target_org");
		if (s != NULL && strcmp(s, org) == 0 &&
		    node_get(root, "followup") == NULL &&
		    node_get(root, "agreement") != NULL &&
		    audit_open_findings(root) > 0 &&
		    left_to_follow(v, n, root, "9999-12-31") == 0)
			best = v[i];
		error_clear();
	}
	if (best == NULL)
		rc = error_set(NC_ENOTFOUND, "no agreed audit of '%s' has "
		    "open findings without a follow-up", org);
	else if ((*out_id = strdup(record_id(best))) == NULL)
		rc = error_set(NC_ENOMEM, "out of memory");
	audit_free_all(v, n);
	return rc;
}

static const char *const catalog_kinds[] = {
	"audit-operational", "audit-system", "audit-mynumber", NULL
};

int
audit_catalogs(struct record **out, size_t *nout, size_t max,
    struct store *st, const char *const *sel, size_t nsel, int fy)
{
	char	 ck[64];
	size_t	 i, j, n = 0;
	int	 rc = 0;

	*nout = 0;
	if (nsel == 0) {
		/* Every kind that has a final catalog for the year. */
		for (i = 0; catalog_kinds[i] != NULL && n < max; i++)
			if (audit_pick_catalog(&out[n], st, catalog_kinds[i],
			    fy) == 0)
				n++;
		error_clear();
		if (n == 0)
			return error_set(NC_ENOTFOUND, "no final catalog of "
			    "audit items for fiscal year %d", fy);
		*nout = n;
		return 0;
	}
	for (i = 0; i < nsel && rc == 0; i++) {
		if (n == max) {
			rc = error_set(NC_EINVALID, "too many catalogs");
			break;
		}
		/* A kind (operational, audit-system ...) or a catalog id. */
		snprintf(ck, sizeof ck, "%s%s", strncmp(sel[i], "audit-", 6) ?
		    "audit-" : "", sel[i]);
		for (j = 0; catalog_kinds[j] != NULL; j++)
			if (strcmp(ck, catalog_kinds[j]) == 0)
				break;
		if (catalog_kinds[j] != NULL)
			rc = audit_pick_catalog(&out[n], st, ck, fy);
		else
			rc = audit_load_catalog(&out[n], st, sel[i]);
		if (rc == 0)
			n++;
	}
	if (rc != 0) {
		while (n > 0)
			record_free(out[--n]);
		return rc;
	}
	*nout = n;
	return 0;
}

/* after: the date is recorded and later than d */
static int
dated_after(const struct node *map, const char *key, struct cal_date d)
{
	const char	*s = node_get_str(map, key);
	struct cal_date	 x;

	if (s == NULL || cal_parse_iso(&x, s) != 0) {
		error_clear();
		return 0;
	}
	return cal_cmp(x, d) > 0;
}

/* Whether map's date key is recorded and not after d. */
static int
dated_by(const struct node *map, const char *key, struct cal_date d)
{
	const char	*s = node_get_str(map, key);
	struct cal_date	 x;

	if (s == NULL || cal_parse_iso(&x, s) != 0) {
		error_clear();
		return 0;
	}
	return cal_cmp(x, d) <= 0;
}

const char *
audit_status_on(const struct node *rec, struct cal_date d)
{
	static const char *const order[] = { "planned", "in-progress",
	    "agreed", "reported", "following-up", "closed" };
	const char	*status = node_get_str(rec, "status");
	size_t		 i, n = sizeof order / sizeof order[0];

	for (i = 0; status != NULL && i < n; i++)
		if (strcmp(status, order[i]) == 0)
			break;
	if (status == NULL || i == n)
		return status;
	if (dated_after(rec, "date", d))
		return order[0];
	/*
	 * A date recorded is history, the status field only its summary:
	 * an audit whose report (or agreement) is dated by d was reported
	 * (agreed) by then, whatever a status not moved on says.
	 */
	if (i < 3 && dated_by(rec, "reported", d))
		i = 3;
	if (i < 2 && dated_by(node_get(rec, "agreement"), "date", d))
		i = 2;
	if (i >= 3 && dated_after(rec, "reported", d))
		i = 2;
	if (i >= 2 && dated_after(node_get(rec, "agreement"), "date", d))
		i = 1;
	return order[i];
}

/* Records loaded while following a chain (origin_walk() through a store). */
struct loaded {
	struct store	*st;
	struct record	*rec[AUDIT_HOPS_MAX];
	size_t		 n;
};

static const struct node *
loaded_get(void *arg, const char *id)
{
	struct loaded		*l = arg;
	const struct schema	*kind;
	struct recref		 ref = { NULL, NULL, NULL, 0 };
	struct reclist		 m = RECLIST_INIT;
	struct record		*r = NULL;

	if (l->n < AUDIT_HOPS_MAX && store_kind(&kind, l->st, "audit") == 0 &&
	    store_find(&ref, &m, l->st, kind, id) == 0 &&
	    record_load(&r, l->st, &ref, NULL) == 0)
		l->rec[l->n++] = r;
	else
		r = NULL;
	error_clear();
	reclist_free(&m);
	free(ref.id);
	free(ref.relpath);
	return r != NULL ? record_root(r) : NULL;
}

int
audit_origin(struct record **out_rec, const struct node **out_f,
    struct store *st, const struct node *f)
{
	struct loaded	 l;
	const char	*src, *num;
	size_t		 i;

	*out_rec = NULL;
	memset(&l, 0, sizeof l);
	l.st = st;
	if (origin_walk(&src, &num, out_f, loaded_get, &l, f) == 0)
		return 0;
	/* the finding is in the last record loaded */
	if (*out_f != NULL)
		*out_rec = l.rec[--l.n];
	for (i = 0; i < l.n; i++)
		record_free(l.rec[i]);
	return *out_f != NULL ? 1 : -1;
}

/* --- the state on a day (audit_hist) ----------------------------------- */

/* A follow-up's finding g, its follow-up fu, and where it was made. */
struct audit_carry {
	const struct node	*g;
	const struct node	*fu;
	const char		*src;
	const char		*num;
};

int
audit_hist_init(struct audit_hist *h, struct record *const *all, size_t nall)
{
	const struct node	*root, *fs;
	struct audit_carry	*c;
	size_t			 i, k;

	memset(h, 0, sizeof *h);
	h->all = all;
	h->nall = nall;
	for (i = 0; i < nall; i++) {
		root = record_root(all[i]);
		fs = audit_findings(root);
		for (k = 0; fs != NULL && k < fs->n; k++) {
			if (node_get_str(fs->u.items[k], "from_audit") == NULL)
				continue;
			if ((c = realloc(h->c, (h->n + 1) * sizeof *c)) ==
			    NULL) {
				audit_hist_free(h);
				return error_set(NC_ENOMEM, "out of memory");
			}
			h->c = c;
			c += h->n++;
			c->g = fs->u.items[k];
			c->fu = root;
			audit_finding_made(&c->src, &c->num, all, nall, root,
			    c->g);
		}
	}
	return 0;
}

void
audit_hist_free(struct audit_hist *h)
{
	free(h->c);
	memset(h, 0, sizeof *h);
}

/* Where f of root was made, and that finding when it is among all. */
static const struct node *
hist_made(const struct audit_hist *h, const struct node *root,
    const struct node *f, const char **src, const char **num)
{
	struct among		 a = { h->all, h->nall };
	const struct node	*o;
	size_t			 i;

	if (node_get_str(f, "from_audit") == NULL) {
		*src = node_get_str(root, "id");
		*num = node_get_str(f, "number");
		return f;
	}
	*src = *num = NULL;
	for (i = 0; i < h->n; i++)
		if (h->c[i].g == f) {
			*src = h->c[i].src;
			*num = h->c[i].num;
			break;
		}
	if (i == h->n)
		audit_finding_made(src, num, h->all, h->nall, root, f);
	if (*src == NULL || *num == NULL ||
	    (o = among_get(&a, *src)) == NULL)
		return NULL;
	return audit_finding(o, strtol(*num, NULL, 10));
}

static int
hist_match(const struct audit_carry *c, const char *src, const char *num)
{
	return src != NULL && num != NULL && c->src != NULL &&
	    c->num != NULL && strcmp(c->src, src) == 0 &&
	    strcmp(c->num, num) == 0;
}

/* A follow-up carried out (not 計画), its date in *day. */
static int
hist_held(const struct node *fu, const char **day)
{
	*day = node_get_str(fu, "date");
	return *day != NULL && !node_scalar_eq(node_get(fu, "status"),
	    "planned");
}

struct hist_ev {
	const char	*cur;		/* the status the records give now */
	const char	*day;
	const char	*cur_date;	/* the earliest dated cur */
	const char	*last;		/* the latest date of any */
	const char	*best_date;	/* the last dated by day */
	const char	*best;
	const char	*first_date;	/* the earliest change logged */
	const char	*first_from;	/* the status it changed */
};

static void
hist_ev(struct hist_ev *e, const char *date, const char *status)
{
	if (date == NULL)
		return;
	if (status == NULL)
		status = "open";
	if (strcmp(status, e->cur) == 0 && (e->cur_date == NULL ||
	    strcmp(date, e->cur_date) < 0))
		e->cur_date = date;
	if (e->last == NULL || strcmp(date, e->last) > 0)
		e->last = date;
	if (strcmp(date, e->day) > 0)
		return;
	/* accepted once is accepted (review17 M4) */
	if (e->best != NULL && strcmp(e->best, "accepted") == 0)
		return;
	if (strcmp(status, "accepted") == 0 || e->best == NULL ||
	    strcmp(date, e->best_date) >= 0) {
		e->best = status;
		e->best_date = date;
	}
}

static void
hist_log(struct hist_ev *e, const struct node *f)
{
	const struct node	*log = f != NULL ? node_get(f,
	    "status_history") : NULL;
	size_t			 i;

	const char		*d;

	for (i = 0; log != NULL && log->kind == NODE_SEQ && i < log->n; i++) {
		d = node_get_str(log->u.items[i], "date");
		hist_ev(e, d, node_get_str(log->u.items[i], "to"));
		if (d != NULL && (e->first_date == NULL ||
		    strcmp(d, e->first_date) < 0)) {
			e->first_date = d;
			e->first_from = node_get_str(log->u.items[i], "from");
		}
	}
}

const char *
audit_hist_status(const struct audit_hist *h, const struct node *root,
    const struct node *f, const char *day)
{
	const struct node	*o, *g;
	const char		*src, *num, *s, *d, *rd;
	struct hist_ev		 e;
	size_t			 i;

	memset(&e, 0, sizeof e);
	o = hist_made(h, root, f, &src, &num);
	e.cur = node_get_str(o != NULL ? o : f, "status");
	for (i = 0; i < h->n; i++) {
		if (!hist_match(&h->c[i], src, num))
			continue;
		if ((s = node_get_str(h->c[i].g, "status")) != NULL)
			e.cur = s;
		if (s != NULL && strcmp(s, "accepted") == 0)
			break;
	}
	if (e.cur == NULL)
		e.cur = "open";
	if (day == NULL)
		return e.cur;
	e.day = day;
	for (i = 0; i < h->n; i++) {
		if (!hist_match(&h->c[i], src, num))
			continue;
		g = h->c[i].g;
		if (hist_held(h->c[i].fu, &d))
			hist_ev(&e, d, node_get_str(g, "status"));
		hist_log(&e, g);
	}
	hist_log(&e, o != NULL ? o : f);
	if (o != NULL && o != f)
		hist_log(&e, f);
	rd = node_get_str(o != NULL ? o : f, "response_date");
	/*
	 * 是正済 is what the auditee's response reported: from its date, a
	 * follow-up's copy of it (made when it was carried) being no later
	 */
	if (strcmp(e.cur, "corrected") == 0 && rd != NULL &&
	    (e.cur_date == NULL || strcmp(rd, e.cur_date) < 0))
		e.cur_date = rd;
	/* undated: from the last dated status on */
	if (e.cur_date == NULL)
		e.cur_date = e.last;
	if (e.cur_date == NULL || strcmp(e.cur_date, day) <= 0)
		return e.cur;
	if (e.best != NULL)
		return e.best;
	/*
	 * Before every change logged, the status the first one changed
	 * (a follow-up's result written back keeps it: audit_propagate());
	 * 是正済 from its 回答日.  未是正 there is the rule's below: a
	 * history from the finding's start reads as it did before.
	 */
	if (e.first_from != NULL && strcmp(e.first_from, "open") != 0 &&
	    (strcmp(e.first_from, "corrected") != 0 || rd == NULL ||
	    strcmp(rd, day) <= 0))
		return e.first_from;
	return rd != NULL && strcmp(rd, day) <= 0 ? "in-progress" : "open";
}

const char *
audit_hist_due(const struct audit_hist *h, const struct node *root,
    const struct node *f, const char *day)
{
	const struct node	*o;
	const char		*src, *num, *d, *due;
	size_t			 i;

	o = hist_made(h, root, f, &src, &num);
	due = node_get_str(o != NULL ? o : f, "due");
	/* all in date order: the last that set one */
	for (i = 0; i < h->n; i++)
		if (hist_match(&h->c[i], src, num) &&
		    hist_held(h->c[i].fu, &d) &&
		    (day == NULL || strcmp(d, day) <= 0) &&
		    node_get_str(h->c[i].g, "due") != NULL)
			due = node_get_str(h->c[i].g, "due");
	return due;
}

int
audit_hist_late(const struct audit_hist *h, const struct node *root,
    const struct node *f, const char *day)
{
	const char	*due = audit_hist_due(h, root, f, day);
	const char	*s;

	if (due == NULL || day == NULL || *day == '\0' ||
	    strcmp(due, day) >= 0)
		return 0;
	s = audit_hist_status(h, root, f, day);
	return strcmp(s, "open") == 0 || strcmp(s, "in-progress") == 0;
}

/*
 * Held by day but not reported on it (実施中, or agreed): the follow-up
 * still covers the findings it carries.  The sample's 実施結果報告書
 * said 「いずれもフォローアップ監査が計画されていない」 beside its own
 * table's follow-up 実施中 carrying one of them (rev21c T2).
 */
static int
hist_unreported(const struct node *fu, const char *day)
{
	struct cal_date	 d;
	const char	*s;

	if (cal_parse_iso(&d, day) != 0) {
		error_clear();
		return 0;
	}
	s = audit_status_on(fu, d);
	return s != NULL && (strcmp(s, "in-progress") == 0 ||
	    strcmp(s, "agreed") == 0);
}

const struct node *
audit_hist_planned(const struct audit_hist *h, const struct node *root,
    const struct node *f, const char *day)
{
	const char	*src, *num, *d;
	size_t		 i;

	(void)hist_made(h, root, f, &src, &num);
	for (i = 0; i < h->n; i++)
		if (hist_match(&h->c[i], src, num) &&
		    h->c[i].fu != root && (!hist_held(h->c[i].fu, &d) ||
		    (day != NULL && (strcmp(d, day) > 0 ||
		    hist_unreported(h->c[i].fu, day)))))
			return h->c[i].fu;
	return NULL;
}

const char *
audit_hist_audit_status(const struct audit_hist *h, const struct node *root,
    struct cal_date d)
{
	const char		*s = audit_status_on(root, d);
	const char		*id = node_get_str(root, "id");
	const char		*fuid = node_get_str(root, "followup");
	const struct node	*fs = audit_findings(root), *g;
	const char		*gd;
	char			 day[16];
	size_t			 i;

	if (s == NULL || (strcmp(s, "following-up") != 0 &&
	    strcmp(s, "closed") != 0))
		return s;
	cal_format_iso(day, sizeof day, d);
	if (strcmp(s, "closed") == 0) {
		for (i = 0; fs != NULL && i < fs->n; i++)
			if (strcmp(audit_hist_status(h, root, fs->u.items[i],
			    day), "accepted") != 0)
				break;
		if (fs == NULL || i == fs->n)
			return s;
	}
	for (i = 0; id != NULL && i < h->nall; i++) {
		g = record_root(h->all[i]);
		if (!node_scalar_eq(node_get(g, "type"), "followup") ||
		    (!node_scalar_eq(node_get(g, "followup_of"), id) &&
		    (fuid == NULL || !node_scalar_eq(node_get(g, "id"),
		    fuid))))
			continue;
		if ((gd = node_get_str(g, "date")) != NULL &&
		    strcmp(gd, day) <= 0)
			return "following-up";
	}
	return "reported";
}
