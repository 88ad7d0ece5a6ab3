/*
 * The data directory's closures.yaml: days the ward is closed although the
 * holiday law says nothing (臨時閉庁), and days it opens although it would
 * be closed.  Kept apart from cal.c so that the calendar alone does not
 * need the YAML reader.
 *
 *	closures:
 *	  - date: 2026-12-28
 *	    name: 臨時閉庁
 *	openings:
 *	  - date: 2027-01-04
 *	    name: 臨時開庁
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cal.h"
#include "diag.h"
#include "error.h"
#include "i18n.h"
#include "node.h"

struct entry {
	struct cal_date	 date;
	const char	*name;		/* in the document, or NULL */
	int		 open;
	unsigned	 line;
	unsigned	 col;
};

struct reader {
	const char	*path;
	struct diags	*d;
	struct entry	*v;
	size_t		 n;
	size_t		 cap;
	int		 nomem;
};

static void NC_PRINTF(3, 4)
problem(struct reader *r, const struct node *at, const char *fmt, ...)
{
	va_list	ap;
	char	msg[512];

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, _(fmt), ap);
	va_end(ap);
	diags_add(r->d, r->path, at != NULL ? at->line : 0,
	    at != NULL ? at->col : 0, "%s", msg);
}

static const char *
kind_name(enum node_kind k)
{
	switch (k) {
	case NODE_MAP:
		return "a mapping";
	case NODE_SEQ:
		return "a list";
	default:
		return "a scalar";
	}
}

static void
read_item(struct reader *r, const struct node *item, int open)
{
	const struct node	*date = NULL, *name = NULL, *k;
	struct entry		*v, e;
	size_t			 i, cap;

	if (item->kind != NODE_MAP) {
		problem(r, item, "expected a mapping with date and name, not"
		    " %s", kind_name(item->kind));
		return;
	}
	for (i = 0; i < item->n; i++) {
		k = item->u.pairs[i].key;
		if (node_scalar_eq(k, "date"))
			date = item->u.pairs[i].value;
		else if (node_scalar_eq(k, "name"))
			name = item->u.pairs[i].value;
		else
			problem(r, k, "unknown key '%s': expected date or name",
			    k->u.s.str);
	}
	if (date == NULL) {
		problem(r, item, "missing date (YYYY-MM-DD)");
		return;
	}
	if (date->kind != NODE_SCALAR) {
		problem(r, date, "expected a date YYYY-MM-DD, not %s",
		    kind_name(date->kind));
		return;
	}
	if (cal_parse_iso(&e.date, date->u.s.str) != 0) {
		problem(r, date, "%s", error_last());
		return;
	}
	e.name = NULL;
	if (name != NULL && !node_is_null(name)) {
		if (name->kind != NODE_SCALAR || name->u.s.str[0] == '\0') {
			problem(r, name, "expected a name as text");
			return;
		}
		e.name = name->u.s.str;
	}
	e.open = open;
	e.line = date->line;
	e.col = date->col;
	for (i = 0; i < r->n; i++) {
		if (cal_cmp(r->v[i].date, e.date) == 0) {
			problem(r, date, "date %s is listed twice",
			    date->u.s.str);
			return;
		}
	}
	if (r->n == r->cap) {
		cap = r->cap ? r->cap * 2 : 16;
		if ((v = realloc(r->v, cap * sizeof *v)) == NULL) {
			r->nomem = 1;
			return;
		}
		r->v = v;
		r->cap = cap;
	}
	r->v[r->n++] = e;
}

static void
read_list(struct reader *r, const struct node *list, int open)
{
	size_t	i;

	if (node_is_null(list))
		return;
	if (list->kind != NODE_SEQ) {
		problem(r, list, "expected a list of dates, not %s",
		    kind_name(list->kind));
		return;
	}
	for (i = 0; i < list->n; i++)
		read_item(r, list->u.items[i], open);
}

int
cal_load_closures(struct cal *c, const char *path, struct diags *d)
{
	struct diags		 local = DIAGS_INIT;
	struct reader		 r;
	struct ydoc		*doc = NULL;
	const struct node	*root, *k;
	const struct diag	*g;
	size_t			 i, first;
	int			 ret = 0;

	memset(&r, 0, sizeof r);
	r.path = path;
	r.d = d != NULL ? d : &local;
	first = r.d->n;
	if (ydoc_load(&doc, path, r.d) != 0) {
		/* NC_ENOTFOUND for a missing file, with its message. */
		ret = error_code() != 0 ? error_code() : NC_EINVALID;
		if (r.d->n == first)
			goto done;
		ret = NC_EINVALID;
		goto report;
	}
	root = ydoc_root(doc);
	if (root != NULL && !node_is_null(root)) {
		if (root->kind != NODE_MAP)
			problem(&r, root, "expected a mapping with closures and"
			    " openings, not %s", kind_name(root->kind));
		else {
			for (i = 0; i < root->n; i++) {
				k = root->u.pairs[i].key;
				if (node_scalar_eq(k, "closures"))
					read_list(&r, root->u.pairs[i].value,
					    0);
				else if (node_scalar_eq(k, "openings"))
					read_list(&r, root->u.pairs[i].value,
					    1);
				else
					problem(&r, k, "unknown key '%s':"
					    " expected closures or openings",
					    k->u.s.str);
			}
		}
	}
	if (r.nomem) {
		ret = error_sys(NC_ENOMEM, "cannot read '%s'", path);
		goto done;
	}
	if (r.d->n > first) {
		ret = NC_EINVALID;
		goto report;
	}
	for (i = 0; i < r.n; i++) {
		ret = r.v[i].open ? cal_add_opening(c, r.v[i].date,
		    r.v[i].name) : cal_add_closure(c, r.v[i].date, r.v[i].name);
		if (ret != 0) {
			/* Only a date the calendar already held gets here. */
			diags_add(r.d, path, r.v[i].line, r.v[i].col, "%s",
			    error_last());
			goto report;
		}
	}
	goto done;

report:
	g = &r.d->v[first];
	if (g->line != 0)
		error_set(ret, "cannot read '%s': line %u, column %u: %s",
		    path, g->line, g->col, g->msg);
	else
		error_set(ret, "cannot read '%s': %s", path, g->msg);
done:
	free(r.v);
	ydoc_free(doc);
	diags_free(&local);
	return ret;
}
