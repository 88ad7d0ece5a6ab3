/*
 * A year's trainings, their standing (what is overdue) and their dated
 * obligations for the due agenda.
 */
#include <sys/stat.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "record.h"
#include "store.h"
#include "training.h"
#include "training_int.h"

/* The fields before the items: enough for lists, dues and the plan. */
static const char *const heads[] = {
	"id", "fy", "ref_no", "kind", "title", "audience", "status",
	"plan_key", "session", "org", "survey_org", "method", "date",
	"end_date", "start_time", "end_time", "place", "makes_material",
	"makes_survey", "makes_test", "sends_instructor", "instructors",
	"general_audiences", "purpose", "outline", "exercise", "materials",
	"material_due", "material_submitted", "report_due",
	"report_submitted", "target_count", "attended", "participation",
	"pass_mark",
	/* TR_LOAD_ITEMS: the questions too (the answers come after them) */
	"survey_items", "test_items",
};

static int
by_date(const void *a, const void *b)
{
	const struct training	*x = *(struct training *const *)a;
	const struct training	*y = *(struct training *const *)b;
	int			 c;

	if (x->date.y == 0 || y->date.y == 0)
		c = (x->date.y == 0) - (y->date.y == 0);
	else
		c = cal_cmp(x->date, y->date);
	if (c == 0)
		c = strcmp(x->title, y->title);
	return c != 0 ? c : strcmp(x->id != NULL ? x->id : "",
	    y->id != NULL ? y->id : "");
}

int
tr_list_load(struct tr_list *out, struct store *st, int fy, int what,
    struct diags *d)
{
	const struct schema	*kind;
	struct reclist		 l = RECLIST_INIT;
	struct record		*r;
	struct training		*t;
	size_t			 i;
	int			 rc;

	memset(out, 0, sizeof *out);
	if ((rc = store_kind(&kind, st, "training")) != 0 ||
	    (rc = store_scan(&l, st, kind, fy, NULL)) != 0)
		return rc;
	if ((out->v = calloc(l.n + 1, sizeof *out->v)) == NULL) {
		rc = error_set(NC_ENOMEM, "out of memory");
		goto done;
	}
	for (i = 0; i < l.n; i++) {
		if (what != TR_LOAD_FULL)
			rc = record_load_fields(&r, st, &l.v[i], d, heads,
			    sizeof heads / sizeof heads[0] -
			    (what == TR_LOAD_HEADS ? 2 : 0));
		else
			rc = record_load(&r, st, &l.v[i], d);
		if (rc != 0)
			goto done;
		rc = training_read(&t, record_root(r), l.v[i].relpath, d);
		if (rc != 0) {
			record_free(r);
			goto done;
		}
		t->doc = r->doc;
		r->doc = NULL;
		record_free(r);
		if ((t->own_path = strdup(l.v[i].relpath)) == NULL) {
			training_free(t);
			rc = error_set(NC_ENOMEM, "out of memory");
			goto done;
		}
		t->relpath = t->own_path;
		out->v[out->n++] = t;
	}
	qsort(out->v, out->n, sizeof *out->v, by_date);
done:
	reclist_free(&l);
	if (rc != 0)
		tr_list_free(out);
	return rc;
}

void
tr_list_free(struct tr_list *l)
{
	size_t	i;

	for (i = 0; i < l->n; i++)
		training_free(l->v[i]);
	free(l->v);
	memset(l, 0, sizeof *l);
}

struct tr_plan *
tr_report_rule(struct store *st)
{
	struct tr_plan	*plan = NULL;
	struct stat	 sb;
	char		*path;

	if ((path = store_path(st, TR_PLAN_FILE)) != NULL &&
	    stat(path, &sb) == 0 &&
	    tr_plan_load(&plan, st, path, TR_PLAN_FILE, NULL) != 0)
		plan = NULL;
	free(path);
	/* the lists stand without the rule; lint reports a broken table */
	error_clear();
	return plan;
}

struct cal_date
tr_report_due(const struct training *t, const struct tr_plan *plan,
    const struct cal *cal)
{
	struct cal_date	due = t->report_due, last = training_last_day(t);

	if (due.y == 0 && plan != NULL && cal != NULL && last.y != 0 &&
	    training_needs_report(t) && cal_add_business_days(&due, cal,
	    last, plan->report_due_days) != 0) {
		error_clear();
		due.y = 0;
	}
	return due;
}

int
tr_standing(struct tr_standing *out, const struct training *t,
    const struct tr_plan *plan, const struct cal *cal, struct cal_date today)
{
	long	n;
	int	rc;

	memset(out, 0, sizeof *out);
	out->report_due = t->report_due;
	if (strcmp(t->status, "cancelled") == 0)
		return 0;
	/* the deadline the 研修実施状況 workbook shows (tr_summary_xlsx()) */
	out->report_due = tr_report_due(t, plan, cal);
	if (out->report_due.y != 0 && t->report_submitted.y == 0 &&
	    strcmp(t->status, "reported") != 0 &&
	    cal_cmp(today, out->report_due) > 0) {
		out->report_overdue = 1;
		if ((rc = cal_count_business_days(&n, cal, out->report_due,
		    today)) != 0)
			return rc;
		out->report_late_days = n;
	}
	if (t->material_due.y != 0 && t->material_submitted.y == 0 &&
	    (strcmp(t->status, "planned") == 0 ||
	    strcmp(t->status, "preparing") == 0) &&
	    cal_cmp(today, t->material_due) > 0)
		out->material_overdue = 1;
	return 0;
}

static int
in_range(struct cal_date d, struct cal_date from, struct cal_date to)
{
	if (d.y == 0)
		return 0;
	if (from.y != 0 && cal_cmp(d, from) < 0)
		return 0;
	if (to.y != 0 && cal_cmp(d, to) > 0)
		return 0;
	return 1;
}

int
training_dues(struct duelist *l, struct store *st, struct cal_date from,
    struct cal_date to)
{
	struct tr_list		 tl;
	const struct training	*t;
	struct tr_plan		*plan;
	struct cal		*cal = NULL;
	struct cal_date		 due;
	struct buf		 what = BUF_INIT;
	size_t			 i;
	int			 rc, held;

	if ((rc = tr_list_load(&tl, st, 0, TR_LOAD_HEADS, NULL)) != 0)
		return rc;
	/* the deadline the list and the workbook give (tr_report_due()) */
	if ((plan = tr_report_rule(st)) != NULL && tr_cal_load(&cal, st) != 0) {
		tr_plan_free(plan);
		plan = NULL;
		error_clear();
	}
	for (i = 0; i < tl.n && rc == 0; i++) {
		t = tl.v[i];
		if (strcmp(t->status, "cancelled") == 0 || t->id == NULL)
			continue;
		held = strcmp(t->status, "held") == 0 ||
		    strcmp(t->status, "reported") == 0;
		if (in_range(t->material_due, from, to)) {
			buf_reset(&what);
			if (t->fy > cal_fy(t->material_due))
				buf_puts(&what, "翌年度研修の教材案の作成（");
			else
				buf_puts(&what, "教材等の提出（");
			buf_puts(&what, t->makes_survey || t->makes_test ?
			    "教材・" : "教材");
			if (t->makes_survey)
				buf_puts(&what, t->makes_test ? "アンケート・" :
				    "アンケート");
			if (t->makes_test)
				buf_puts(&what, "テスト");
			buf_puts(&what, "、区の確認用）");
			if ((rc = buf_ok(&what)) != 0 ||
			    (rc = duelist_add(l, t->material_due, -1, -1,
			    "training", t->id, t->title, what.data, NULL,
			    t->fy > cal_fy(t->material_due) ?
			    "仕様書3(2)イ（翌年度の新規採用職員・新任管理職向け研修の"
			    "教材案）" : "仕様書4(2)イ（期限は区と協議、既定は"
			    "研修の開庁日前）", t->material_submitted.y != 0 ||
			    held)) != 0)
				break;
		}
		due = tr_report_due(t, plan, cal);
		if (training_needs_report(t) && in_range(due, from, to) &&
		    (rc = duelist_add(l, due, -1, -1, "training",
		    t->id, t->title, "研修実施報告書の提出", NULL,
		    "仕様書3(2)イ・4(2)イ（期限は区と協議、既定は研修後の開庁日数）",
		    t->report_submitted.y != 0 ||
		    strcmp(t->status, "reported") == 0)) != 0)
			break;
	}
	buf_free(&what);
	tr_plan_free(plan);
	cal_free(cal);
	tr_list_free(&tl);
	return rc;
}
