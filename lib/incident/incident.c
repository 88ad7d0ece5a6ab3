/*
 * Incidents: the data directory context, catalogs, helpers, and the review
 * of recurrence-prevention measures.  The criteria engine is in
 * incident_criteria.c, the timeline in incident_timeline.c, reporting
 * obligations in incident_report.c, documents in incident_doc.c and
 * incident_stats.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "incident.h"
#include "incident_int.h"

int
incident_ctx_new(struct incident_ctx **out, struct store *st)
{
	struct incident_ctx	*c;
	char			*path = NULL;
	int			 rc;

	*out = NULL;
	if ((c = calloc(1, sizeof *c)) == NULL)
		return error_set(NC_ENOMEM, "out of memory");
	c->st = st;
	if ((rc = store_kind(&c->kind, st, "incident")) != 0)
		goto fail;
	if ((c->cal = cal_new()) == NULL) {
		rc = error_set(NC_ENOMEM, "out of memory");
		goto fail;
	}
	if ((path = store_path(st, CAL_CLOSURES_FILE)) == NULL) {
		rc = error_set(NC_ENOMEM, "out of memory");
		goto fail;
	}
	rc = cal_load_closures(c->cal, path, NULL);
	free(path);
	if (rc != 0 && rc != NC_ENOTFOUND)
		goto fail;
	error_clear();
	*out = c;
	return 0;
fail:
	incident_ctx_free(c);
	return rc;
}

void
incident_ctx_free(struct incident_ctx *c)
{
	size_t	i;

	if (c == NULL)
		return;
	for (i = 0; i < c->ncatalogs; i++)
		record_free(c->catalogs[i]);
	free(c->catalogs);
	cal_free(c->cal);
	free(c);
}

const struct schema *
incident_ctx_kind(const struct incident_ctx *c)
{
	return c->kind;
}

const struct cal *
incident_ctx_cal(const struct incident_ctx *c)
{
	return c->cal;
}

struct store *
incident_ctx_store(const struct incident_ctx *c)
{
	return c->st;
}

/* The incident catalogs (both kinds), loaded on first use. */
static int
load_catalogs(struct incident_ctx *c)
{
	const struct schema	*kind;
	struct reclist		 l = RECLIST_INIT;
	struct record		*r;
	const char		*k;
	size_t			 i;
	int			 rc;

	if (c->loaded)
		return 0;
	if ((rc = store_kind(&kind, c->st, "catalog")) != 0 ||
	    (rc = store_scan(&l, c->st, kind, 0, NULL)) != 0)
		return rc;
	if (l.n > 0 && (c->catalogs = calloc(l.n, sizeof *c->catalogs)) ==
	    NULL) {
		reclist_free(&l);
		return error_set(NC_ENOMEM, "out of memory");
	}
	for (i = 0; i < l.n; i++) {
		if ((rc = record_load_fields(&r, c->st, &l.v[i], NULL,
		    (const char *[]){ "kind" }, 1)) != 0)
			goto done;
		k = record_field(r, "kind");
		if (k == NULL || (strcmp(k, INCIDENT_CRITERIA) != 0 &&
		    strcmp(k, INCIDENT_REPORTING) != 0)) {
			record_free(r);
			continue;
		}
		record_free(r);
		if ((rc = record_load(&r, c->st, &l.v[i], NULL)) != 0)
			goto done;
		c->catalogs[c->ncatalogs++] = r;
	}
	c->loaded = 1;
done:
	reclist_free(&l);
	return rc;
}

static long
version_of(const struct record *r)
{
	const char	*v = record_field(r, "version");

	return v != NULL ? strtol(v, NULL, 10) : 1;
}

static int
fy_of(const struct record *r)
{
	const char	*v = record_field(r, "fy");

	return v != NULL ? (int)strtol(v, NULL, 10) : 0;
}

int
incident_pick_catalog(const struct record **out, struct incident_ctx *c,
    const char *ckind, int fy)
{
	const struct record	*best = NULL, *r;
	const char		*k, *s;
	int			 rc, f, bf = 0, fin, bfin = 0;
	size_t			 i;

	*out = NULL;
	if ((rc = load_catalogs(c)) != 0)
		return rc;
	for (i = 0; i < c->ncatalogs; i++) {
		r = c->catalogs[i];
		k = record_field(r, "kind");
		if (k == NULL || strcmp(k, ckind) != 0 || (f = fy_of(r)) > fy)
			continue;
		s = record_field(r, "status");
		fin = s != NULL && strcmp(s, "final") == 0;
		if (best != NULL && (f < bf || (f == bf && (fin < bfin ||
		    (fin == bfin && version_of(r) <= version_of(best))))))
			continue;
		best = r;
		bf = f;
		bfin = fin;
	}
	if (best == NULL)
		return error_set(NC_ENOTFOUND, "no catalog of kind '%s' for "
		    "fiscal year %d (add one under catalogs/, or name one)",
		    ckind, fy);
	*out = best;
	return 0;
}

int
incident_find_catalog(const struct record **out, struct incident_ctx *c,
    const char *ckind, const char *prefix)
{
	const struct schema	*kind;
	struct recref		 ref = { NULL, NULL, NULL, 0 };
	struct reclist		 m = RECLIST_INIT;
	const char		*k;
	size_t			 i;
	int			 rc;

	*out = NULL;
	if ((rc = load_catalogs(c)) != 0 ||
	    (rc = store_kind(&kind, c->st, "catalog")) != 0)
		return rc;
	rc = store_find(&ref, &m, c->st, kind, prefix);
	reclist_free(&m);
	if (rc != 0)
		return rc;
	for (i = 0; i < c->ncatalogs; i++) {
		if (strcmp(record_id(c->catalogs[i]), ref.id) != 0)
			continue;
		k = record_field(c->catalogs[i], "kind");
		if (k == NULL || strcmp(k, ckind) != 0)
			break;
		*out = c->catalogs[i];
		break;
	}
	if (*out == NULL)
		rc = error_set(NC_EINVALID, "catalog '%s' is not of kind '%s'",
		    ref.id, ckind);
	free(ref.id);
	free(ref.relpath);
	return rc;
}

/* --- helpers -------------------------------------------------------------- */

const struct node *
inc_seq(const struct node *map, const char *key)
{
	const struct node	*n = node_get(map, key);

	return n != NULL && n->kind == NODE_SEQ ? n : NULL;
}

const struct node *
inc_path(const struct node *root, const char *path)
{
	const char	*dot;
	char		 head[64];

	while (root != NULL && (dot = strchr(path, '.')) != NULL) {
		if ((size_t)(dot - path) >= sizeof head)
			return NULL;
		memcpy(head, path, (size_t)(dot - path));
		head[dot - path] = '\0';
		root = node_get(root, head);
		path = dot + 1;
	}
	return root != NULL && root->kind == NODE_MAP ? node_get(root, path) :
	    NULL;
}

const char *
inc_path_str(const struct node *root, const char *path)
{
	const struct node	*n = inc_path(root, path);

	return n != NULL && n->kind == NODE_SCALAR && !node_is_null(n) ?
	    n->u.s.str : NULL;
}

struct node *
inc_str(struct ydoc *doc, const char *s)
{
	return node_str(doc, s);
}

int
inc_set(struct ydoc *doc, struct node *map, const char *key, const char *v)
{
	if (v == NULL) {
		node_map_remove(map, key);
		return 0;
	}
	if (node_map_set_str(doc, map, key, v) != 0)
		return error_set(NC_ENOMEM, "out of memory");
	return 0;
}

struct node *
inc_child_map(struct ydoc *doc, struct node *map, const char *key)
{
	struct node	*n = node_get(map, key);

	if (n != NULL && n->kind == NODE_MAP)
		return n;
	if ((n = node_map(doc)) == NULL || node_map_set(doc, map, key, n) != 0)
		return NULL;
	return n;
}

struct node *
inc_child_seq(struct ydoc *doc, struct node *map, const char *key)
{
	struct node	*n = node_get(map, key);

	if (n != NULL && n->kind == NODE_SEQ)
		return n;
	if ((n = node_seq(doc)) == NULL || node_map_set(doc, map, key, n) != 0)
		return NULL;
	return n;
}

const char *
inc_label(const struct schema *kind, const char *path, const char *value)
{
	const char	*l;

	if (value == NULL)
		return "";
	l = kind != NULL ? schema_label(kind, path, value) : NULL;
	return l != NULL ? l : value;
}

void
inc_era(char *out, const char *iso)
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

/* --- recurrence prevention ------------------------------------------------ */

struct node *
incident_measures(const struct node *root)
{
	struct node	*n = node_get(node_get(root, "prevention"), "items");

	return n != NULL && n->kind == NODE_SEQ ? n : NULL;
}

int
incident_measure_add(struct ydoc *doc, struct node *root, const char *text,
    size_t *no)
{
	struct node	*prev, *items, *m;

	if (text == NULL || *text == '\0')
		return error_set(NC_EINVALID, "a measure needs its text "
		    "(prevention.items.measure)");
	if ((prev = inc_child_map(doc, root, "prevention")) == NULL ||
	    (items = inc_child_seq(doc, prev, "items")) == NULL ||
	    (m = node_map(doc)) == NULL ||
	    node_map_set_str(doc, m, "measure", text) != 0 ||
	    node_seq_push(doc, items, m) != 0)
		return error_set(NC_ENOMEM, "out of memory");
	if (no != NULL)
		*no = items->n;
	return 0;
}

int
incident_measure_review(struct ydoc *doc, struct node *root,
    const struct schema *kind, size_t no, const char *rating,
    const char *reason, const char *proposal, const char *day)
{
	struct node		*items = incident_measures(root), *m;
	const struct schema	*rs;
	const char		*v;
	int			 rc;

	if (items == NULL || items->n == 0)
		return error_set(NC_EINVALID, "the incident has no measures "
		    "to review (prevention.items); add the division's "
		    "measures first");
	if (no < 1 || no > items->n)
		return error_set(NC_EINVALID, "there is no measure %zu "
		    "(prevention.items has %zu)", no, items->n);
	m = items->u.items[no - 1];
	if (rating == NULL)
		return error_set(NC_EINVALID, "measure %zu: a review needs the "
		    "rating (prevention.items.rating)", no);
	rs = schema_at(kind, "prevention.items.rating");
	if (rs == NULL || (v = schema_enum_find(rs, rating)) == NULL)
		return error_set(NC_EINVALID, "measure %zu: '%s' is not a "
		    "rating (prevention.items.rating): effective (有効), "
		    "partial (一部有効) or insufficient (不十分)", no, rating);
	if ((reason == NULL || *reason == '\0') &&
	    node_get_str(m, "reason") == NULL)
		return error_set(NC_EINVALID, "measure %zu: a review needs the "
		    "reason for the rating (prevention.items.reason)", no);
	if ((rc = inc_set(doc, m, "rating", v)) != 0 ||
	    (reason != NULL && *reason != '\0' &&
	    (rc = inc_set(doc, m, "reason", reason)) != 0) ||
	    (proposal != NULL && (rc = inc_set(doc, m, "proposal",
	    *proposal != '\0' ? proposal : NULL)) != 0) ||
	    (day != NULL && (rc = inc_set(doc, m, "reviewed", day)) != 0))
		return rc;
	if (day != NULL && (rc = inc_set(doc, inc_child_map(doc, root,
	    "prevention"), "reviewed", day)) != 0)
		return rc;
	return 0;
}

int
incident_prevention_ready(const struct node *root)
{
	const struct node	*items = incident_measures(root);
	size_t			 i;

	if (items == NULL || items->n == 0)
		return error_set(NC_EINVALID, "'%s' (%s) has no recurrence-"
		    "prevention measures (prevention.items); record the "
		    "division's measures and review them with 'nerima-cio "
		    "incident measures'", node_get_str(root, "id"),
		    node_get_str(root, "title"));
	for (i = 0; i < items->n; i++)
		if (node_get_str(items->u.items[i], "rating") == NULL)
			return error_set(NC_EINVALID, "'%s': measure %zu is "
			    "not reviewed yet (prevention.items.rating); "
			    "review it with 'nerima-cio incident measures %s "
			    "--review %zu'", node_get_str(root, "id"), i + 1,
			    node_get_str(root, "id"), i + 1);
	return 0;
}
