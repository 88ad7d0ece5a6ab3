/*
 * A record's dated status history: appending a change, the status on a
 * day, and the checks (statuslog.h).
 */
#include <stdio.h>
#include <string.h>

#include "error.h"
#include "statuslog.h"

#define FIELD	"status_history"

static const struct node *
history(const struct node *root)
{
	const struct node	*h = node_get(root, FIELD);

	return h != NULL && h->kind == NODE_SEQ && h->n > 0 ? h : NULL;
}

/* The entry's date: 0, or -1 when it has none that parses. */
static int
entry_date(struct cal_date *out, const struct node *e)
{
	const char	*s = node_get_str(e, "date");

	if (s == NULL || cal_parse_iso(out, s) != 0) {
		error_clear();
		return -1;
	}
	return 0;
}

int
statuslog_append(struct ydoc *doc, struct node *root, const char *from,
    const char *to, struct cal_date d)
{
	struct node	*h = node_get(root, FIELD), *e;
	char		 iso[CAL_FMT_MAX];
	int		 rc;

	if (h == NULL) {
		if ((h = node_seq(doc)) == NULL ||
		    node_map_set(doc, root, FIELD, h) != 0)
			return error_set(NC_ENOMEM, "out of memory");
	} else if (h->kind != NODE_SEQ)
		return error_set(NC_EINVALID, "%s is not a list", FIELD);
	if ((e = node_map(doc)) == NULL)
		return error_set(NC_ENOMEM, "out of memory");
	cal_format_iso(iso, sizeof iso, d);
	if ((rc = node_map_set_str(doc, e, "date", iso)) != 0 ||
	    (from != NULL && (rc = node_map_set_str(doc, e, "from",
	    from)) != 0) ||
	    (rc = node_map_set_str(doc, e, "to", to)) != 0 ||
	    (rc = node_seq_push(doc, h, e)) != 0)
		return rc;
	return 0;
}

int
statuslog_on(const char **out, const struct node *root, struct cal_date d)
{
	const struct node	*h = history(root), *e, *last = NULL;
	struct cal_date		 day;
	const char		*status = node_get_str(root, "status");
	size_t			 i;

	*out = NULL;
	if (h == NULL)
		return STATUSLOG_NONE;
	for (i = 0; i < h->n; i++) {
		e = h->u.items[i];
		if (entry_date(&day, e) == 0 && cal_cmp(day, d) <= 0)
			last = e;
	}
	if (last == NULL) {
		*out = node_get_str(h->u.items[0], "from");
		return STATUSLOG_BEFORE;
	}
	/* changed since, not by the tool: its day is not known */
	if (last == h->u.items[h->n - 1] && status != NULL &&
	    !node_scalar_eq(node_get(last, "to"), status))
		return STATUSLOG_NONE;
	*out = node_get_str(last, "to");
	return STATUSLOG_LOGGED;
}

int
statuslog_edited(int *logged, struct ydoc *doc, struct node *root,
    const struct schema *kind, const struct node *old, struct cal_date d)
{
	const char		*was = node_get_str(old, "status");
	const char		*now = node_get_str(root, "status");
	const struct node	*h, *oh;
	size_t			 n0;

	*logged = 0;
	if (schema_prop(kind, FIELD) == NULL || now == NULL ||
	    (was != NULL && strcmp(was, now) == 0))
		return 0;
	h = node_get(root, FIELD);
	if (h != NULL && h->kind != NODE_SEQ)
		return 0;	/* the schema's check names it */
	oh = node_get(old, FIELD);
	n0 = oh != NULL && oh->kind == NODE_SEQ ? oh->n : 0;
	/* logged by the one who edited: a new last change to the status */
	if (h != NULL && h->n > n0 &&
	    node_scalar_eq(node_get(h->u.items[h->n - 1], "to"), now))
		return 0;
	*logged = 1;
	return statuslog_append(doc, root, was, now, d);
}

/* A value of the status's enum, as written (not its label). */
static int
is_status(const struct schema *st, const char *v)
{
	const char	*f;

	if (schema_nenum(st) == 0)
		return 1;
	return (f = schema_enum_find(st, v)) != NULL && strcmp(f, v) == 0;
}

void
statuslog_check(const struct schema *kind, const struct node *root,
    const char *path, struct diags *d)
{
	const struct node	*h = history(root), *e, *prev = NULL;
	const struct schema	*st = schema_resolve(schema_prop(kind,
				    "status"));
	const char		*status = node_get_str(root, "status");
	const char		*from, *to, *pto;
	size_t			 i;

	if (h == NULL || schema_prop(kind, FIELD) == NULL)
		return;
	for (i = 0; i < h->n; i++, prev = e) {
		e = h->u.items[i];
		from = node_get_str(e, "from");
		to = node_get_str(e, "to");
		if (from != NULL && !is_status(st, from))
			diags_add(d, path, e->line, e->col, "%s[%zu].from '%s' "
			    "is not a status", FIELD, i, from);
		if (to != NULL && !is_status(st, to))
			diags_add(d, path, e->line, e->col, "%s[%zu].to '%s' "
			    "is not a status", FIELD, i, to);
		pto = prev != NULL ? node_get_str(prev, "to") : NULL;
		if (pto != NULL && (from == NULL || strcmp(from, pto) != 0))
			diags_add(d, path, e->line, e->col, "%s[%zu] changes "
			    "from '%s', but the change before it left '%s'",
			    FIELD, i, from != NULL ? from : "", pto);
	}
	to = node_get_str(h->u.items[h->n - 1], "to");
	if (status != NULL && to != NULL && strcmp(status, to) != 0)
		diags_add(d, path, h->u.items[h->n - 1]->line,
		    h->u.items[h->n - 1]->col, "status '%s' is not the last "
		    "change logged in %s ('%s'): a status changed by hand "
		    "has its change added there, as nerima-cio edit does",
		    status, FIELD, to);
}
