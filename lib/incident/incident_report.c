/*
 * Reporting obligations: which reports an incident's facts make due, to
 * whom and by when.  The triggers, day counts and legal basis are the
 * reporting catalog's (schemas/catalog.yaml, kind incident-reporting);
 * this file only reads them.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "error.h"
#include "incident.h"
#include "incident_int.h"

/* Whether a fact condition holds; its wording is added to why when it does. */
static int
fact_holds(const struct node *incident, const struct node *cond,
    const struct schema *kind, struct buf *why)
{
	const char		*field = node_get_str(cond, "field");
	const char		*v, *is, *over, *title = NULL;
	const struct schema	*fs;

	if (field == NULL || (v = inc_path_str(incident, field)) == NULL)
		return 0;
	is = node_get_str(cond, "is");
	over = node_get_str(cond, "over");
	if (is != NULL && strcmp(is, v) != 0)
		return 0;
	if (over != NULL && strtoll(v, NULL, 10) <= strtoll(over, NULL, 10))
		return 0;
	if (is == NULL && over == NULL)
		return 0;
	if (why != NULL) {
		fs = kind != NULL ? schema_at(kind, field) : NULL;
		if (fs != NULL)
			title = schema_title(fs);
		if (why->len > 0)
			buf_puts(why, "、");
		if (over != NULL) {
			long	n = strtol(v, NULL, 10);

			buf_puts(why, title != NULL ? title : field);
			if (n >= 1000)
				buf_printf(why, "%ld,%03ld", n / 1000, n % 1000);
			else
				buf_printf(why, "%ld", n);
			buf_printf(why, "人（%s人超）", over);
		}
		else if (strcmp(v, "true") == 0)
			buf_puts(why, title != NULL ? title : field);
		else
			buf_printf(why, "%s：%s", title != NULL ? title :
			    field, inc_label(kind, field, v));
	}
	return 1;
}

/* Whether a report applies; its reasons go to why. */
static int
applies(const struct node *rep, const struct node *incident,
    const struct schema *kind, struct buf *why)
{
	const struct node	*all = inc_seq(rep, "when_all");
	const struct node	*any = inc_seq(rep, "when_any");
	const struct node	*none = inc_seq(rep, "when_none");
	size_t			 i;
	int			 hit;

	for (i = 0; all != NULL && i < all->n; i++)
		if (!fact_holds(incident, all->u.items[i], kind, NULL))
			return 0;
	for (i = 0; none != NULL && i < none->n; i++)
		if (fact_holds(incident, none->u.items[i], kind, NULL))
			return 0;
	if (any != NULL && any->n > 0) {
		for (hit = 0, i = 0; i < any->n; i++)
			hit |= fact_holds(incident, any->u.items[i], kind,
			    why);
		if (!hit)
			return 0;
	}
	/* Name the all-conditions only when nothing more specific did. */
	if (why->len == 0)
		for (i = 0; all != NULL && i < all->n; i++)
			fact_holds(incident, all->u.items[i], kind, why);
	if (why->len == 0)
		buf_puts(why, "すべての事故等");
	return 1;
}

/* The day the count starts: the first of due.from the incident has. */
static int
base_of(struct cal_date *out, const char **field, const struct node *due,
    const struct node *incident)
{
	static const char *const dflt[] = { "privacy.known", "discovered",
	    "occurred" };
	const struct node	*from = inc_seq(due, "from");
	const char		*f, *v;
	size_t			 i, n = from != NULL ? from->n : 3;

	for (i = 0; i < n; i++) {
		f = from != NULL ? (from->u.items[i]->kind == NODE_SCALAR ?
		    from->u.items[i]->u.s.str : NULL) : dflt[i];
		if (f == NULL || (v = inc_path_str(incident, f)) == NULL)
			continue;
		if (cal_parse_iso(out, v) == 0) {
			*field = f;
			return 0;
		}
		error_clear();
	}
	return error_set(NC_EINVALID, "the incident has no date to count "
	    "the report's days from (occurred)");
}

/*
 * The due day by the report's rule: days after base (calendar or ward
 * business days; with first_day the base day is day 1), moved to the next
 * business day when closed says so, and not later than cap days after.
 */
static int
due_of(struct cal_date *out, const struct node *due, struct cal_date base,
    const struct cal *cal)
{
	const char	*unit = node_get_str(due, "unit");
	const char	*closed = node_get_str(due, "closed");
	const char	*cap = node_get_str(due, "cap");
	long		 days = strtol(node_get_str(due, "days") != NULL ?
			    node_get_str(due, "days") : "0", NULL, 10);
	struct cal_date	 d, limit;
	int		 rc;

	if (unit != NULL && strcmp(unit, "business") == 0) {
		if ((rc = cal_add_business_days(&d, cal, base, days)) != 0)
			return rc;
	} else {
		if (node_scalar_eq(node_get(due, "first_day"), "true") &&
		    days > 0)
			days--;
		d = cal_add_days(base, days);
	}
	if (closed != NULL && strcmp(closed, "next") == 0 &&
	    (rc = cal_is_business_day(cal, d)) <= 0) {
		if (rc < 0 || (rc = cal_next_business_day(&d, cal, d)) != 0)
			return rc;
	}
	if (cap != NULL) {
		limit = cal_add_days(base, strtol(cap, NULL, 10));
		if (cal_cmp(d, limit) > 0)
			d = limit;
	}
	*out = d;
	return 0;
}

/* The first timeline entry that met the report ref. */
static void
met(struct incident_obligation *o, const struct node *incident)
{
	const struct node	*tl = incident_timeline(incident), *e;
	const char		*r, *s;
	size_t			 i;

	for (i = 0; tl != NULL && i < tl->n; i++) {
		e = tl->u.items[i];
		r = node_get_str(e, "report");
		if (r == NULL || strcmp(r, o->ref) != 0)
			continue;
		s = node_get_str(e, "seq");
		o->done_seq = s != NULL ? strtol(s, NULL, 10) : 0;
		snprintf(o->done_at, sizeof o->done_at, "%s",
		    node_get_str(e, "at") != NULL ? node_get_str(e, "at") : "");
		return;
	}
}

int
incident_obligations_of(struct incident_obligations *out,
    const struct node *catalog, const struct node *incident,
    const struct schema *kind, const struct cal *cal)
{
	const struct node		*reps = inc_seq(catalog, "reports");
	const struct node		*rep;
	struct incident_obligation	*o;
	struct buf			 why = BUF_INIT;
	size_t				 i;
	int				 rc = 0;

	memset(out, 0, sizeof *out);
	if (reps == NULL || reps->n == 0)
		return 0;
	if ((out->v = calloc(reps->n, sizeof *out->v)) == NULL)
		return error_set(NC_ENOMEM, "out of memory");
	for (i = 0; i < reps->n; i++) {
		rep = reps->u.items[i];
		buf_reset(&why);
		if (!applies(rep, incident, kind, &why))
			continue;
		if ((rc = buf_ok(&why)) != 0)
			break;
		o = &out->v[out->n];
		o->report = rep;
		o->ref = node_get_str(rep, "ref");
		o->to = node_get_str(rep, "to");
		o->title = node_get_str(rep, "title");
		o->basis = node_get_str(rep, "basis");
		o->note = node_get_str(rep, "note");
		if (o->ref == NULL) {
			rc = error_set(NC_EINVALID, "report %zu of the catalog"
			    " has no ref", i + 1);
			break;
		}
		if ((rc = base_of(&o->base, &o->base_field,
		    node_get(rep, "due"), incident)) != 0 ||
		    (rc = due_of(&o->due, node_get(rep, "due"), o->base,
		    cal)) != 0)
			break;
		o->why = buf_detach(&why, NULL);
		met(o, incident);
		out->n++;
	}
	buf_free(&why);
	if (rc != 0) {
		incident_obligations_free(out);
		return rc;
	}
	/* By due date; the catalog's order among the same day. */
	for (i = 1; i < out->n; i++) {
		struct incident_obligation	 o = out->v[i];
		size_t				 k = i;

		for (; k > 0 && cal_cmp(out->v[k - 1].due, o.due) > 0; k--)
			out->v[k] = out->v[k - 1];
		out->v[k] = o;
	}
	return 0;
}

int
incident_obligations(struct incident_obligations *out,
    struct incident_ctx *c, const struct node *incident)
{
	const struct record	*cat;
	const char		*fy = node_get_str(incident, "fy");
	int			 rc;

	memset(out, 0, sizeof *out);
	rc = incident_pick_catalog(&cat, c, INCIDENT_REPORTING,
	    fy != NULL ? atoi(fy) : cal_fy(cal_today()));
	if (rc == NC_ENOTFOUND) {
		error_clear();
		return 0;
	}
	if (rc != 0)
		return rc;
	if ((rc = incident_obligations_of(out, record_root(cat), incident,
	    c->kind, c->cal)) != 0)
		return rc;
	out->catalog = cat;
	return 0;
}

void
incident_obligations_free(struct incident_obligations *l)
{
	size_t	i;

	if (l == NULL)
		return;
	for (i = 0; i < l->n; i++)
		free(l->v[i].why);
	free(l->v);
	memset(l, 0, sizeof *l);
}

static int
zero(struct cal_date d)
{
	return d.y == 0 && d.m == 0 && d.d == 0;
}

int
incident_dues(struct duelist *l, struct store *st, struct cal_date from,
    struct cal_date to)
{
	struct incident_ctx		*c = NULL;
	struct incident_obligations	 ob;
	struct reclist			 recs = RECLIST_INIT;
	struct record			*r;
	struct buf			 what = BUF_INIT;
	const struct node		*root, *mem;
	const char			*who;
	size_t				 i, k;
	int				 rc, closed;

	if ((rc = incident_ctx_new(&c, st)) != 0)
		return rc;
	if ((rc = store_scan(&recs, st, c->kind, 0, NULL)) != 0)
		goto done;
	for (i = 0; i < recs.n; i++) {
		if ((rc = record_load(&r, st, &recs.v[i], NULL)) != 0)
			goto done;
		root = record_root(r);
		if ((rc = incident_obligations(&ob, c, root)) != 0) {
			record_free(r);
			goto done;
		}
		mem = inc_seq(root, "members");
		who = mem != NULL && mem->n > 0 &&
		    mem->u.items[0]->kind == NODE_SCALAR ?
		    mem->u.items[0]->u.s.str : NULL;
		closed = node_scalar_eq(node_get(root, "status"), "closed");
		for (k = 0; k < ob.n && rc == 0; k++) {
			const struct incident_obligation *o = &ob.v[k];

			if (closed && o->done_seq == 0)
				continue;
			if ((!zero(from) && cal_cmp(o->due, from) < 0) ||
			    (!zero(to) && cal_cmp(o->due, to) > 0))
				continue;
			buf_reset(&what);
			buf_printf(&what, "%s（%s）", o->title, o->to);
			if ((rc = buf_ok(&what)) == 0)
				rc = duelist_add(l, o->due, -1, -1, "incident",
				    record_id(r), node_get_str(root, "title"),
				    what.data, who, o->basis,
				    o->done_seq != 0);
		}
		incident_obligations_free(&ob);
		record_free(r);
		if (rc != 0)
			goto done;
	}
done:
	buf_free(&what);
	reclist_free(&recs);
	incident_ctx_free(c);
	return rc;
}
