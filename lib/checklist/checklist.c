/*
 * Checklists: kinds, answers, stages, item sets and their differences
 * between years, the divisions of orgs.yaml (see checklist.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "checklist.h"
#include "checklist_int.h"
#include "error.h"
#include "node.h"
#include "record.h"
#include "refdata.h"
#include "store.h"
#include "strmap.h"

static const char *const kind_names[] = { "self", "department", "vendor" };
static const char *const kind_titles[] = {
	"自己点検", "所属点検", "特記事項チェックシート"
};

const char *
ck_kind_name(enum ck_kind k)
{
	return kind_names[k];
}

const char *
ck_kind_title(enum ck_kind k)
{
	return kind_titles[k];
}

int
ck_kind_parse(enum ck_kind *out, const char *s)
{
	size_t	i;

	for (i = 0; i < 3; i++) {
		if (strcmp(s, kind_names[i]) == 0 ||
		    strcmp(s, kind_titles[i]) == 0) {
			*out = (enum ck_kind)i;
			return 0;
		}
	}
	return error_set(NC_EINVALID, "unknown checklist kind '%s': expected"
	    " self, department or vendor", s);
}

static const char *const value_names[CK_NVALUES] = {
	"yes", "no", "na", "done", "partial", "not-done", "unknown"
};
static const char *const value_labels[CK_NVALUES] = {
	"はい", "いいえ", "該当なし", "実施", "一部実施", "未実施", "わからない"
};

const char *
ck_value_name(enum ck_value v)
{
	return value_names[v];
}

const char *
ck_value_label(enum ck_value v)
{
	return value_labels[v];
}

double
ck_value_score(enum ck_value v)
{
	switch (v) {
	case CK_YES:
	case CK_DONE:
		return 1;
	case CK_PARTIAL:
		return 0.5;
	case CK_NA:
		return -1;
	default:
		return 0;
	}
}

static const char *const stage_names[CK_NSTAGES] = {
	"before", "start", "during", "end"
};
static const char *const stage_labels[CK_NSTAGES] = {
	"契約等の締結前", "締結当初", "履行中", "終了時"
};

const char *
ck_stage_name(enum ck_stage s)
{
	return stage_names[s];
}

const char *
ck_stage_label(enum ck_stage s)
{
	return stage_labels[s];
}

int
ck_stage_parse(enum ck_stage *out, const char *s)
{
	size_t	i;

	for (i = 0; i < CK_NSTAGES; i++) {
		if (strcmp(s, stage_names[i]) == 0 ||
		    strcmp(s, stage_labels[i]) == 0) {
			*out = (enum ck_stage)i;
			return 0;
		}
	}
	return error_set(NC_EINVALID, "unknown stage '%s': expected %s, %s,"
	    " %s or %s", s, stage_labels[0], stage_labels[1], stage_labels[2],
	    stage_labels[3]);
}

static const enum ck_value yesno[] = { CK_YES, CK_NO, CK_NA };
/*
 * The four steps and 該当なし: an item may not apply to a 課 (「該当しない
 * 課は該当なし」, a 課 without a system of its own), and the records and
 * the 集計表 had it where the form and its import did not.
 */
static const enum ck_value scale4[] = {
	CK_DONE, CK_PARTIAL, CK_NOTDONE, CK_UNKNOWN, CK_NA
};

const enum ck_value *
ck_item_values(const struct ck_item *it, size_t *n)
{
	if (it->scale4) {
		*n = sizeof scale4 / sizeof scale4[0];
		return scale4;
	}
	*n = 3;
	return yesno;
}

int
ck_item_value_parse(enum ck_value *out, const struct ck_item *it,
    const char *text)
{
	const enum ck_value	*v;
	size_t			 n, i;

	v = ck_item_values(it, &n);
	for (i = 0; i < n; i++) {
		if (strcmp(text, value_labels[v[i]]) == 0 ||
		    strcmp(text, value_names[v[i]]) == 0) {
			*out = v[i];
			return 0;
		}
	}
	if (it->scale4)
		return error_set(NC_EINVALID, "answer '%s' is not one of"
		    " 実施, 一部実施, 未実施, わからない, 該当なし", text);
	return error_set(NC_EINVALID, "answer '%s' is not one of はい, いいえ,"
	    " 該当なし", text);
}

static int
int_field(const struct node *map, const char *key, int dflt)
{
	const char	*s = node_get_str(map, key);

	return s == NULL ? dflt : atoi(s);
}

static const char *
str_or_empty(const struct node *map, const char *key)
{
	const char	*s = node_get_str(map, key);

	return s == NULL ? "" : s;
}

void
ck_set_free(struct ck_set *s)
{
	if (s == NULL)
		return;
	free(s->items);
	free(s->recommendations);
	strmap_free(s->byref);
	record_free(s->doc);
	free(s);
}

static int
set_from_record(struct ck_set *s, struct record *rec)
{
	const struct node	*root = record_root(rec), *items, *it, *st,
				*rep, *recs;
	size_t			 i, j;
	enum ck_stage		 stage = CK_BEFORE;

	s->doc = rec;
	s->catalog = record_id(rec);
	s->title = str_or_empty(root, "title");
	s->version = int_field(root, "version", 1);
	s->issued = node_get_str(root, "issued");
	if ((s->byref = strmap_new()) == NULL)
		return NC_ENOMEM;
	items = node_get(root, "items");
	if (items != NULL && items->kind == NODE_SEQ && items->n > 0) {
		if ((s->items = calloc(items->n, sizeof *s->items)) == NULL)
			return error_set(NC_ENOMEM, "out of memory");
		for (i = 0; i < items->n; i++) {
			struct ck_item	*ci = &s->items[s->nitems];

			it = items->u.items[i];
			if ((ci->ref = node_get_str(it, "ref")) == NULL)
				continue;
			ci->text = str_or_empty(it, "text");
			ci->category = str_or_empty(it, "category");
			ci->clause = str_or_empty(it, "clause");
			ci->weight = int_field(it, "weight", 1);
			ci->scale4 = node_get_str(it, "answer_type") != NULL &&
			    strcmp(node_get_str(it, "answer_type"),
			    "scale4") == 0;
			st = node_get(it, "stages");
			for (j = 0; st != NULL && st->kind == NODE_SEQ &&
			    j < st->n; j++) {
				if (st->u.items[j]->kind == NODE_SCALAR &&
				    ck_stage_parse(&stage,
				    st->u.items[j]->u.s.str) == 0)
					ci->stages |= 1u << stage;
			}
			if (ci->stages == 0)
				ci->stages = (1u << CK_NSTAGES) - 1;
			ci->index = s->nitems;
			if (strmap_get(s->byref, ci->ref) != NULL)
				return error_set(NC_EINVALID, "item set '%s'"
				    " has item '%s' twice", s->catalog,
				    ci->ref);
			if (strmap_put(s->byref, ci->ref, ci) != 0)
				return NC_ENOMEM;
			s->nitems++;
		}
	}
	if ((rep = node_get(root, "report")) != NULL) {
		s->period = node_get_str(rep, "period");
		s->method = node_get_str(rep, "method");
		recs = node_get(rep, "recommendations");
		if (recs != NULL && recs->kind == NODE_SEQ && recs->n > 0) {
			s->recommendations = calloc(recs->n, sizeof(char *));
			if (s->recommendations == NULL)
				return error_set(NC_ENOMEM, "out of memory");
			for (i = 0; i < recs->n; i++) {
				if (recs->u.items[i]->kind == NODE_SCALAR)
					s->recommendations[
					    s->nrecommendations++] =
					    recs->u.items[i]->u.s.str;
			}
		}
	}
	return 0;
}

int
ck_set_load(struct ck_set **out, struct store *st, enum ck_kind kind, int fy)
{
	const struct schema	*cat;
	struct reclist		 l = RECLIST_INIT;
	struct record		*rec, *best = NULL;
	struct ck_set		*s = NULL;
	const char		*k;
	char			 want[32];
	size_t			 i;
	int			 r, v, bestv = 0;

	*out = NULL;
	snprintf(want, sizeof want, "checklist-%s", kind_names[kind]);
	if ((r = store_kind(&cat, st, "catalog")) != 0 ||
	    (r = store_scan(&l, st, cat, fy, NULL)) != 0)
		return r;
	for (i = 0; i < l.n; i++) {
		/* the other item sets are not parsed (issue 15) */
		if ((r = record_load_where(&rec, st, &l.v[i], NULL, "kind",
		    want)) != 0)
			goto done;
		if (rec == NULL)
			continue;
		k = node_get_str(record_root(rec), "kind");
		v = int_field(record_root(rec), "version", 1);
		if (k != NULL && strcmp(k, want) == 0 && v > bestv) {
			record_free(best);
			best = rec;
			bestv = v;
		} else
			record_free(rec);
	}
	if (best == NULL) {
		r = error_set(NC_ENOTFOUND, "no %s items for FY%d: add a"
		    " catalog record of kind %s in catalogs/%d/",
		    kind_titles[kind], fy, want, fy);
		goto done;
	}
	if ((s = calloc(1, sizeof *s)) == NULL) {
		record_free(best);
		r = error_set(NC_ENOMEM, "out of memory");
		goto done;
	}
	s->kind = kind;
	s->fy = fy;
	if ((r = set_from_record(s, best)) != 0)
		goto done;
	*out = s;
	s = NULL;
done:
	ck_set_free(s);
	reclist_free(&l);
	return r;
}

const struct ck_item *
ck_set_item(const struct ck_set *s, const char *ref)
{
	return strmap_get(s->byref, ref);
}

static int
same_attrs(const struct ck_item *a, const struct ck_item *b)
{
	return strcmp(a->category, b->category) == 0 &&
	    strcmp(a->clause, b->clause) == 0 && a->weight == b->weight &&
	    a->scale4 == b->scale4 && a->stages == b->stages;
}

int
ck_set_diff(struct ck_diff **out, size_t *nout, const struct ck_set *a,
    const struct ck_set *b)
{
	struct ck_diff		*v;
	const struct ck_item	*o;
	size_t			 i, n = 0;

	*out = NULL;
	*nout = 0;
	if ((v = calloc(a->nitems + b->nitems + 1, sizeof *v)) == NULL)
		return error_set(NC_ENOMEM, "out of memory");
	for (i = 0; i < b->nitems; i++) {
		o = ck_set_item(a, b->items[i].ref);
		if (o == NULL)
			v[n++] = (struct ck_diff){ CK_ADDED, NULL,
			    &b->items[i] };
		else if (strcmp(o->text, b->items[i].text) != 0)
			v[n++] = (struct ck_diff){ CK_REWORDED, o,
			    &b->items[i] };
		else if (!same_attrs(o, &b->items[i]))
			v[n++] = (struct ck_diff){ CK_CHANGED, o,
			    &b->items[i] };
	}
	for (i = 0; i < a->nitems; i++) {
		if (ck_set_item(b, a->items[i].ref) == NULL)
			v[n++] = (struct ck_diff){ CK_REMOVED, &a->items[i],
			    NULL };
	}
	*out = v;
	*nout = n;
	return 0;
}

/* The value under a name that more than one division has. */
static const char	ambiguous;

void
ck_orgs_free(struct ck_orgs *o)
{
	if (o == NULL)
		return;
	free(o->v);
	free(o->depts);
	free(o->dept_names);
	strmap_free(o->bycode);
	strmap_free(o->byname);
	free(o);
}

/*
 * The divisions as the checklists see them: a view of the store's
 * organisations (refdata.h), which own the names.
 */
int
ck_orgs_load(struct ck_orgs **out, struct store *st)
{
	const struct refdata		*rd;
	const struct refdata_org	*ro;
	struct ck_orgs			*o;
	size_t				 i, n;
	int				 r;

	*out = NULL;
	if ((r = store_refdata(&rd, st)) != 0 ||
	    (r = refdata_orgs_ok(rd)) != 0)
		return r;
	if (refdata_ndepts(rd) == 0)
		return error_set(NC_EINVALID, "'%s' lists no departments",
		    STORE_ORGS);
	if ((o = calloc(1, sizeof *o)) == NULL)
		return error_set(NC_ENOMEM, "out of memory");
	n = refdata_ndivisions(rd);
	o->v = calloc(n + 1, sizeof *o->v);
	o->depts = calloc(refdata_ndepts(rd) + 1, sizeof *o->depts);
	o->dept_names = calloc(refdata_ndepts(rd) + 1,
	    sizeof *o->dept_names);
	o->bycode = strmap_new();
	o->byname = strmap_new();
	if (o->v == NULL || o->depts == NULL || o->dept_names == NULL ||
	    o->bycode == NULL || o->byname == NULL) {
		r = error_set(NC_ENOMEM, "out of memory");
		goto fail;
	}
	for (i = 0; i < refdata_ndepts(rd); i++) {
		ro = refdata_dept_at(rd, i);
		o->depts[i] = ro->code;
		o->dept_names[i] = ro->name != NULL ? ro->name : "";
	}
	o->ndepts = refdata_ndepts(rd);
	for (i = 0; i < n; i++) {
		struct ck_org	*g = &o->v[o->n];

		ro = refdata_division_at(rd, i);
		g->code = ro->code;
		g->name = ro->name != NULL ? ro->name : "";
		g->dept = ro->dept->code;
		g->dept_name = o->dept_names[ro->dept->index];
		g->index = o->n;
		g->dept_index = ro->dept->index;
		g->headcount = ro->headcount;
		/* a name two divisions share names neither */
		if (strmap_put(o->bycode, g->code, g) != 0 ||
		    strmap_put(o->byname, g->name,
		    strmap_get(o->byname, g->name) != NULL ?
		    (void *)&ambiguous : g) != 0) {
			r = NC_ENOMEM;
			goto fail;
		}
		o->n++;
	}
	*out = o;
	return 0;
fail:
	ck_orgs_free(o);
	return r;
}

const struct ck_org *
ck_orgs_find(const struct ck_orgs *o, const char *s)
{
	const struct ck_org	*g;

	if ((g = strmap_get(o->bycode, s)) != NULL)
		return g;
	g = strmap_get(o->byname, s);
	return g == (const void *)&ambiguous ? NULL : g;
}

int
ck_orgs_ambiguous(const struct ck_orgs *o, const char *s)
{
	return strmap_get(o->bycode, s) == NULL &&
	    strmap_get(o->byname, s) == (const void *)&ambiguous;
}

static const struct ck_field fields_department[] = {
	{ "respondent", "回答者の職名", "例：庶務係長（情報セキュリティ担当者）",
	    CK_FIELD_TEXT, 0, { NULL }, { NULL } },
	{ "submitted", "提出日", "例：令和8年10月9日（2026/10/9と入力）",
	    CK_FIELD_DATE, 0, { NULL }, { NULL } },
};

static const struct ck_field fields_self[] = {
	{ "staff_total", "対象職員数", "課の職員数（会計年度任用職員を含む）",
	    CK_FIELD_COUNT, 0, { NULL }, { NULL } },
	{ "submitted", "提出日", "例：令和8年10月9日（2026/10/9と入力）",
	    CK_FIELD_DATE, 0, { NULL }, { NULL } },
};

static const struct ck_field fields_vendor[] = {
	{ "contract", "契約名", "例：区立○○保育園運営業務委託", CK_FIELD_TEXT,
	    1, { NULL }, { NULL } },
	{ "vendor", "委託事業者等の名称", "例：株式会社○○", CK_FIELD_TEXT, 0,
	    { NULL }, { NULL } },
	{ "vendor_type", "区分", "委託事業者または指定管理者", CK_FIELD_CHOICE,
	    0, { "委託事業者", "指定管理者", NULL },
	    { "contractor", "designated-manager", NULL } },
	{ "stage", "点検段階", "契約等の締結前・締結当初・履行中・終了時",
	    CK_FIELD_CHOICE, 1,
	    { "契約等の締結前", "締結当初", "履行中", "終了時", NULL },
	    { "before", "start", "during", "end", NULL } },
	{ "contract_from", "契約期間（開始）", "例：令和8年4月1日（2026/4/1と入力）",
	    CK_FIELD_DATE, 0, { NULL }, { NULL } },
	{ "contract_to", "契約期間（終了）", "例：令和9年3月31日（2027/3/31と入力）",
	    CK_FIELD_DATE, 0, { NULL }, { NULL } },
	{ "personal_info", "個人情報の取扱い", "あり または なし",
	    CK_FIELD_BOOL, 0, { "あり", "なし", NULL },
	    { "true", "false", NULL } },
	{ "submitted", "提出日", "例：令和8年11月20日（2026/11/20と入力）",
	    CK_FIELD_DATE, 0, { NULL }, { NULL } },
};

const struct ck_field *
ck_fields(enum ck_kind k, size_t *n)
{
	switch (k) {
	case CK_SELF:
		*n = sizeof fields_self / sizeof fields_self[0];
		return fields_self;
	case CK_DEPARTMENT:
		*n = sizeof fields_department / sizeof fields_department[0];
		return fields_department;
	default:
		*n = sizeof fields_vendor / sizeof fields_vendor[0];
		return fields_vendor;
	}
}
