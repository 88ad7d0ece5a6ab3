/*
 * The year's trainings from the plan table (training-plan.yaml).
 *
 * Each row of the table is a training given count times a year in its
 * month; `training plan --fy FY` makes one record per row and session
 * that the year does not have yet (matched by plan_key and session, so a
 * second run adds nothing), with the deadlines computed from the table:
 * the material (教材, and the survey and test when the contractor makes
 * them) due material_lead_days business days before the training, for
 * the ward to check, and the 研修実施報告書 report_due_days business days
 * after its last day when the training has a survey or a test.  Neither
 * deadline is in the specification, which leaves them to be agreed with
 * the ward (4, first paragraph); the table's values are the agreement.
 *
 * 3(2)イ also asks for next year's new-hire and new-manager material to
 * be drafted within this year: the rows under drafts get their next-year
 * training too, its material due no later than this year's last business
 * day.
 */
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "record.h"
#include "schema.h"
#include "store.h"
#include "strmap.h"
#include "training.h"
#include "training_int.h"

int
tr_plan_load(struct tr_plan **out, struct store *st, const char *path,
    const char *name, struct diags *d)
{
	const struct schemaset	*set;
	const struct schema	*kind;
	struct tr_plan		*p;
	struct strmap		*keys = NULL;
	const struct node	*root, *rows, *row, *days;
	struct diags		 mine = DIAGS_INIT;
	size_t			 i, j, n0;
	int			 rc;

	*out = NULL;
	if (d == NULL)
		d = &mine;
	if ((p = calloc(1, sizeof *p)) == NULL)
		return error_set(NC_ENOMEM, "out of memory");
	p->path = name;
	n0 = d->n;
	if ((rc = ydoc_load_as(&p->doc, path, name, d)) != 0)
		goto fail;
	root = ydoc_root(p->doc);
	if ((rc = store_schemas(&set, st, d)) != 0)
		goto fail;
	if ((kind = schemaset_kind(set, "training-plan")) == NULL) {
		rc = error_set(NC_ENOTFOUND, "no schema for the plan table"
		    " (training-plan.yaml in the schemas)");
		goto fail;
	}
	if (schema_validate(kind, root, "", d, NULL) != 0 || d->n > n0) {
		rc = error_set(NC_ESCHEMA, "'%s' does not follow the plan"
		    " table's schema", name);
		goto fail;
	}
	p->report_due_days = (int)tr_long(root, "report_due_days",
	    TR_REPORT_DUE_DAYS);
	p->material_lead_days = (int)tr_long(root, "material_lead_days",
	    TR_MATERIAL_LEAD_DAYS);
	p->pass_mark = tr_double(root, "pass_mark");
	if (p->pass_mark != p->pass_mark)
		p->pass_mark = TR_PASS_MARK;
	if ((rc = tr_strs(&p->drafts, &p->ndrafts,
	    tr_seq(root, "drafts"))) != 0)
		goto fail;
	rows = tr_seq(root, "trainings");
	if ((p->rows = calloc(rows->n, sizeof *p->rows)) == NULL ||
	    (keys = strmap_new()) == NULL) {
		rc = error_set(NC_ENOMEM, "out of memory");
		goto fail;
	}
	for (i = 0; i < rows->n; i++) {
		struct tr_plan_row *r = &p->rows[p->nrows++];

		row = rows->u.items[i];
		r->key = tr_str(row, "key");
		r->basis = tr_str(row, "basis");
		r->kind = tr_str(row, "kind");
		r->audience = tr_str(row, "audience");
		r->title = tr_str(row, "title");
		r->count = (int)tr_long(row, "count", 1);
		r->month = (int)tr_long(row, "month", 4);
		r->period_days = (int)tr_long(row, "period_days", 0);
		r->method = tr_str(row, "method");
		r->org = tr_str(row, "org");
		r->survey_org = tr_str(row, "survey_org");
		r->purpose = tr_str(row, "purpose");
		r->makes_material = tr_str(row, "makes_material") == NULL ||
		    tr_bool(row, "makes_material");
		r->makes_survey = tr_bool(row, "makes_survey");
		r->makes_test = tr_bool(row, "makes_test");
		r->sends_instructor = tr_bool(row, "sends_instructor");
		r->target = tr_long(row, "target_count", -1);
		if ((rc = tr_strs(&r->general, &r->ngeneral,
		    tr_seq(row, "general_audiences"))) != 0)
			goto fail;
		if ((days = tr_seq(row, "days")) != NULL) {
			for (j = 0; j < days->n && j < 12; j++)
				r->days[r->ndays++] = (int)strtol(
				    days->u.items[j]->u.s.str, NULL, 10);
			if (r->ndays != (size_t)r->count)
				tr_diag(d, name, days, "row '%s': %zu days for"
				    " %d sessions", r->key, r->ndays, r->count);
		}
		if (strmap_get(keys, r->key) != NULL)
			tr_diag(d, name, row, "row key '%s' is used twice",
			    r->key);
		else if ((rc = strmap_put(keys, r->key, r)) != 0)
			goto fail;
	}
	for (i = 0; i < p->ndrafts; i++)
		if (strmap_get(keys, p->drafts[i]) == NULL)
			tr_diag(d, name, tr_seq(root, "drafts")->u.items[i],
			    "drafts: '%s' is not the key of a row",
			    p->drafts[i]);
	if (d->n > n0) {
		rc = error_set(NC_EINVALID, "'%s' has errors", name);
		goto fail;
	}
	strmap_free(keys);
	diags_free(&mine);
	*out = p;
	return 0;
fail:
	strmap_free(keys);
	diags_free(&mine);
	tr_plan_free(p);
	return rc;
}

void
tr_plan_free(struct tr_plan *p)
{
	size_t	i;

	if (p == NULL)
		return;
	for (i = 0; i < p->nrows; i++)
		free(p->rows[i].general);
	free(p->rows);
	free(p->drafts);
	ydoc_free(p->doc);
	free(p);
}

void
tr_planned_free(struct tr_planned *v, size_t n)
{
	size_t	i;

	for (i = 0; v != NULL && i < n; i++) {
		free(v[i].id);
		free(v[i].title);
	}
	free(v);
}

/* The day of session s (0-based) of a row in fy. */
static int
session_date(struct cal_date *out, const struct cal *cal,
    const struct tr_plan_row *r, int fy, int s)
{
	struct cal_date	d;
	int		rc;

	d.y = r->month >= 4 ? fy : fy + 1;
	d.m = r->month;
	if ((size_t)s < r->ndays) {
		/* the day given, or the next business day when closed */
		d.d = r->days[s];
		if (d.d > cal_days_in_month(d.y, d.m))
			d.d = cal_days_in_month(d.y, d.m);
		if ((rc = cal_is_business_day(cal, d)) < 0)
			return rc;
		if (rc == 0 && (rc = cal_next_business_day(&d, cal, d)) != 0)
			return rc;
		*out = d;
		return 0;
	}
	/* the first business day of the month, then every two weeks */
	d.d = 1;
	if ((rc = cal_is_business_day(cal, d)) < 0)
		return rc;
	if (rc == 0 && (rc = cal_next_business_day(&d, cal, d)) != 0)
		return rc;
	if (s > 0) {
		d = cal_add_days(d, 14L * s);
		if ((rc = cal_is_business_day(cal, d)) < 0)
			return rc;
		if (rc == 0 && (rc = cal_next_business_day(&d, cal, d)) != 0)
			return rc;
	}
	*out = d;
	return 0;
}

static int
set_date(struct ydoc *doc, struct node *root, const char *key,
    struct cal_date d)
{
	char	s[CAL_FMT_MAX];

	cal_format_iso(s, sizeof s, d);
	return node_map_set_str(doc, root, key, s);
}

static int
set_bool(struct ydoc *doc, struct node *root, const char *key, int v)
{
	return node_map_set_str(doc, root, key, v ? "true" : "false");
}

struct want {
	const struct tr_plan_row *row;
	int			 fy, session, draft;
	struct cal_date		 date, end, material_due, report_due;
	char			*title;
};

static int
compute(struct want *w, const struct tr_plan *p, const struct cal *cal,
    const struct tr_plan_row *r, int fy, int s, int draft)
{
	struct cal_date	 last, fy_end, start;
	char		 fylabel[CAL_FMT_MAX];
	struct buf	 b = BUF_INIT;
	int		 rc;

	memset(w, 0, sizeof *w);
	w->row = r;
	w->fy = fy;
	w->session = s + 1;
	w->draft = draft;
	if ((rc = session_date(&w->date, cal, r, fy, s)) != 0)
		return rc;
	last = w->date;
	if (r->period_days > 1) {
		w->end = cal_add_days(w->date, r->period_days - 1);
		last = w->end;
	}
	if ((rc = cal_add_business_days(&w->material_due, cal, w->date,
	    -(long)p->material_lead_days)) != 0)
		return rc;
	if (draft) {
		/* drafted within the year before (3(2)イ) */
		cal_fy_bounds(&start, &fy_end, fy - 1);
		if (cal_cmp(w->material_due, fy_end) > 0 &&
		    (rc = cal_is_business_day(cal, fy_end)) >= 0) {
			w->material_due = fy_end;
			if (rc == 0 && (rc = cal_prev_business_day(
			    &w->material_due, cal, fy_end)) != 0)
				return rc;
		}
		if (rc < 0)
			return rc;
	}
	if ((r->makes_survey || r->makes_test || r->survey_org != NULL) &&
	    (rc = cal_add_business_days(&w->report_due, cal, last,
	    p->report_due_days)) != 0)
		return rc;
	cal_fy_label(fylabel, sizeof fylabel, fy);
	buf_printf(&b, "%s %s", fylabel, r->title);
	if (r->count > 1)
		buf_printf(&b, "（第%d回）", s + 1);
	if ((rc = buf_ok(&b)) != 0)
		return rc;
	w->title = buf_detach(&b, NULL);
	return 0;
}

static int
build(struct ydoc **out, const struct tr_plan *p, const struct want *w,
    const char *title)
{
	const struct tr_plan_row *r = w->row;
	struct ydoc		*doc;
	struct node		*root;
	char			 num[32];
	int			 rc;

	*out = NULL;
	if ((doc = ydoc_new()) == NULL || (root = node_map(doc)) == NULL) {
		ydoc_free(doc);
		return error_set(NC_ENOMEM, "out of memory");
	}
	ydoc_set_root(doc, root);
	snprintf(num, sizeof num, "%d", w->session);
	if ((rc = node_map_set_str(doc, root, "kind", r->kind)) != 0 ||
	    (rc = node_map_set_str(doc, root, "title", title)) != 0 ||
	    (rc = node_map_set_str(doc, root, "audience", r->audience)) != 0 ||
	    (rc = node_map_set_str(doc, root, "status", "planned")) != 0 ||
	    (rc = node_map_set_str(doc, root, "plan_key", r->key)) != 0 ||
	    (rc = node_map_set_str(doc, root, "session", num)) != 0 ||
	    (r->org != NULL && (rc = node_map_set_str(doc, root, "org",
	    r->org)) != 0) ||
	    (r->survey_org != NULL && (rc = node_map_set_str(doc, root,
	    "survey_org", r->survey_org)) != 0) ||
	    (r->method != NULL && (rc = node_map_set_str(doc, root, "method",
	    r->method)) != 0) ||
	    (rc = set_date(doc, root, "date", w->date)) != 0 ||
	    (w->end.y != 0 && (rc = set_date(doc, root, "end_date",
	    w->end)) != 0) ||
	    (rc = set_bool(doc, root, "makes_material",
	    r->makes_material)) != 0 ||
	    (rc = set_bool(doc, root, "makes_survey", r->makes_survey)) != 0 ||
	    (rc = set_bool(doc, root, "makes_test", r->makes_test)) != 0 ||
	    (rc = set_bool(doc, root, "sends_instructor",
	    r->sends_instructor)) != 0 ||
	    (r->purpose != NULL && (rc = node_map_set_str(doc, root,
	    "purpose", r->purpose)) != 0) ||
	    (rc = set_date(doc, root, "material_due", w->material_due)) != 0 ||
	    (w->report_due.y != 0 && (rc = set_date(doc, root, "report_due",
	    w->report_due)) != 0))
		goto fail;
	if ((rc = node_map_set_list(doc, root, "general_audiences",
	    (const char *const *)r->general, r->ngeneral, NULL)) != 0)
		goto fail;
	if (r->target >= 0) {
		snprintf(num, sizeof num, "%ld", r->target);
		if ((rc = node_map_set_str(doc, root, "target_count", num)) != 0)
			goto fail;
	}
	if (r->makes_test) {
		snprintf(num, sizeof num, "%g", p->pass_mark);
		if ((rc = node_map_set_str(doc, root, "pass_mark", num)) != 0)
			goto fail;
	}
	*out = doc;
	return 0;
fail:
	ydoc_free(doc);
	return rc;
}

/* "fy/key/session" of a training, for finding what the year has. */
static char *
key_of(int fy, const char *key, int session)
{
	struct buf	b = BUF_INIT;

	buf_printf(&b, "%d/%s/%d", fy, key, session > 0 ? session : 1);
	return buf_ok(&b) == 0 ? buf_detach(&b, NULL) : NULL;
}

int
tr_plan_apply(struct tr_planned **out, size_t *nout, struct store *st,
    const struct tr_plan *p, int fy, int dry_run, struct diags *d)
{
	const struct schema	*kind;
	struct tr_list		 have[2] = { { NULL, 0 }, { NULL, 0 } };
	struct strmap		*byk = NULL;
	struct cal		*cal = NULL;
	struct tr_planned	*v = NULL;
	struct want		*ws = NULL;
	struct ydoc		*doc;
	struct training		*t;
	char			**keys = NULL, *k, *rel;
	size_t			 nw = 0, nkeys = 0, cap = 0, i, j;
	int			 rc, locked = 0, s, dr;

	*out = NULL;
	*nout = 0;
	if ((rc = store_kind(&kind, st, "training")) != 0 ||
	    (rc = tr_cal_load(&cal, st)) != 0)
		return rc;
	if (!dry_run) {
		if ((rc = store_batch_begin(st)) != 0)
			goto done;
		locked = 1;
	}
	if ((rc = tr_list_load(&have[0], st, fy, TR_LOAD_HEADS, d)) != 0 ||
	    (rc = tr_list_load(&have[1], st, fy + 1, TR_LOAD_HEADS, d)) != 0)
		goto done;
	if ((byk = strmap_new()) == NULL) {
		rc = error_set(NC_ENOMEM, "out of memory");
		goto done;
	}
	if ((keys = calloc(have[0].n + have[1].n + 1, sizeof *keys)) == NULL) {
		rc = error_set(NC_ENOMEM, "out of memory");
		goto done;
	}
	for (j = 0; j < 2; j++) {
		for (i = 0; i < have[j].n; i++) {
			t = have[j].v[i];
			if (t->plan_key == NULL)
				continue;
			if ((k = key_of(t->fy, t->plan_key, t->session)) ==
			    NULL) {
				rc = error_set(NC_ENOMEM, "out of memory");
				goto done;
			}
			keys[nkeys++] = k;
			if ((rc = strmap_put(byk, k, t)) != 0)
				goto done;
		}
	}
	/* what the plan wants: this year's rows, then next year's drafts */
	for (dr = 0; dr < 2; dr++) {
		for (i = 0; i < p->nrows; i++) {
			const struct tr_plan_row *r = &p->rows[i];

			if (dr) {
				for (j = 0; j < p->ndrafts; j++)
					if (strcmp(p->drafts[j], r->key) == 0)
						break;
				if (j == p->ndrafts)
					continue;
			}
			for (s = 0; s < r->count; s++) {
				if (nw == cap) {
					struct want *nv;

					cap = cap == 0 ? 32 : cap * 2;
					if ((nv = realloc(ws, cap *
					    sizeof *nv)) == NULL) {
						rc = error_set(NC_ENOMEM,
						    "out of memory");
						goto done;
					}
					ws = nv;
				}
				if ((rc = compute(&ws[nw], p, cal, r, fy + dr,
				    s, dr)) != 0)
					goto done;
				nw++;
			}
		}
	}
	if ((v = calloc(nw + 1, sizeof *v)) == NULL) {
		rc = error_set(NC_ENOMEM, "out of memory");
		goto done;
	}
	for (i = 0; i < nw; i++) {
		struct want	*w = &ws[i];

		v[i].draft = w->draft;
		v[i].fy = w->fy;
		v[i].title = w->title;
		w->title = NULL;
		*nout = i + 1;
		if ((k = key_of(w->fy, w->row->key, w->session)) == NULL) {
			rc = error_set(NC_ENOMEM, "out of memory");
			goto done;
		}
		t = strmap_get(byk, k);
		free(k);
		if (t != NULL) {
			v[i].date = t->date;
			v[i].material_due = t->material_due;
			v[i].report_due = t->report_due;
			if ((v[i].id = strdup(t->id)) == NULL) {
				rc = error_set(NC_ENOMEM, "out of memory");
				goto done;
			}
			continue;
		}
		v[i].created = 1;
		v[i].date = w->date;
		v[i].material_due = w->material_due;
		v[i].report_due = w->report_due;
		if (dry_run)
			continue;
		if ((rc = build(&doc, p, w, v[i].title)) != 0)
			goto done;
		rc = record_create(&v[i].id, &rel, st, kind, doc, d);
		ydoc_free(doc);
		free(rel);
		if (rc != 0)
			goto done;
	}
	*out = v;
	v = NULL;
done:
	if (locked)
		store_batch_end(st);
	for (i = 0; i < nw; i++)
		free(ws[i].title);
	free(ws);
	if (v != NULL)
		tr_planned_free(v, *nout);
	if (rc != 0)
		*nout = 0;
	for (i = 0; i < nkeys; i++)
		free(keys[i]);
	free(keys);
	strmap_free(byk);
	tr_list_free(&have[0]);
	tr_list_free(&have[1]);
	cal_free(cal);
	return rc;
}
