/*
 * Lint's checks from the schemas' annotations: dates on days the ward is
 * closed (x-open-day) and numbers out of date order (x-number-date).
 * See reclint.h.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "docno.h"
#include "error.h"
#include "i18n.h"
#include "reclint.h"

/* Deep enough for every record schema (findings[].qa[].date is 3). */
#define FIELD_DEPTH	6
#define PATH_MAX_LEN	256

/* An annotated field of a kind. */
struct field {
	char		*path;		/* hearings[].sent */
	const char	*title;		/* the schema's (Japanese) title */
	char		*date;		/* x-number-date: the date's path */
	/* a 文書番号 of docno_fields: 1 the ward's, 2 the contractor's */
	int		 doc;
};

struct kind_fields {
	const struct schema	*kind;
	struct field		*open;	/* x-open-day */
	size_t			 nopen;
	struct field		*num;	/* x-number-date */
	size_t			 nnum;
};

/* A number seen, with its date. */
struct number {
	char		*series;	/* kind or "\1doc", prefix, suffix */
	int		 fy;
	long		 n;
	long		 day;
	char		*text;		/* 相談第7号 */
	char		*date;		/* 2026-04-22 */
	char		*field;		/* ref_no */
	const struct field *f;
	char		*path;
	unsigned	 line, col;
};

struct reclint {
	const struct cal	*cal;
	char			*format;	/* doc_no_format */
	char			*cformat;	/* contractor_no_format */
	struct kind_fields	*kinds;
	size_t			 nkinds;
	struct number		*nums;
	size_t			 nnums, capnums;
	const char		*cur_kind;	/* of the record being read */
};

int
reclint_new(struct reclint **out, const struct cal *cal,
    const char *doc_no_format, const char *contractor_no_format)
{
	struct reclint	*rl;

	*out = NULL;
	if ((rl = calloc(1, sizeof *rl)) == NULL)
		return error_set(NC_ENOMEM, "out of memory");
	rl->cal = cal;
	if ((doc_no_format != NULL &&
	    (rl->format = strdup(doc_no_format)) == NULL) ||
	    (contractor_no_format != NULL &&
	    (rl->cformat = strdup(contractor_no_format)) == NULL)) {
		free(rl->format);
		free(rl);
		return error_set(NC_ENOMEM, "out of memory");
	}
	*out = rl;
	return 0;
}

static void
fields_free(struct field *v, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++) {
		free(v[i].path);
		free(v[i].date);
	}
	free(v);
}

static void
numbers_free(struct reclint *rl)
{
	size_t	i;

	for (i = 0; i < rl->nnums; i++) {
		free(rl->nums[i].series);
		free(rl->nums[i].text);
		free(rl->nums[i].date);
		free(rl->nums[i].field);
		free(rl->nums[i].path);
	}
	free(rl->nums);
	rl->nums = NULL;
	rl->nnums = rl->capnums = 0;
}

void
reclint_free(struct reclint *rl)
{
	size_t	i;

	if (rl == NULL)
		return;
	for (i = 0; i < rl->nkinds; i++) {
		fields_free(rl->kinds[i].open, rl->kinds[i].nopen);
		fields_free(rl->kinds[i].num, rl->kinds[i].nnum);
	}
	free(rl->kinds);
	numbers_free(rl);
	free(rl->format);
	free(rl->cformat);
	free(rl);
}

void
reclint_day(char out[CAL_FMT_MAX], struct cal_date d)
{
	if (!i18n_japanese() ||
	    cal_format_era(out, CAL_FMT_MAX, d, CAL_ERA_LONG) != 0) {
		error_clear();
		cal_format_iso(out, CAL_FMT_MAX, d);
	}
}

/* --- the annotated fields of a kind, found once ------------------------- */

static int
field_add(struct field **v, size_t *n, const char *path,
    const struct schema *s, const char *date, int doc)
{
	struct field	*nv;

	if ((nv = realloc(*v, (*n + 1) * sizeof *nv)) == NULL)
		return error_set(NC_ENOMEM, "out of memory");
	*v = nv;
	nv += *n;
	nv->title = schema_title(s);
	nv->doc = doc;
	nv->date = NULL;
	if ((nv->path = strdup(path)) == NULL ||
	    (date != NULL && (nv->date = strdup(date)) == NULL)) {
		free(nv->path);
		return error_set(NC_ENOMEM, "out of memory");
	}
	(*n)++;
	return 0;
}

/*
 * Whether kind's field at path holds a document number: 1 the ward's
 * (doc_no_format), 2 the contractor's own (its 回答書), else 0.
 */
static int
is_docno(const char *kind, const char *path)
{
	const struct docno_field	*f;

	for (f = docno_fields; f->kind != NULL; f++)
		if (strcmp(f->kind, kind) == 0 && strcmp(f->path, path) == 0)
			return strcmp(f->format, "contractor_no_format") == 0 ?
			    2 : 1;
	return 0;
}

static int
annotated(struct kind_fields *kf, const struct schema *s, const char *path)
{
	const char	*v;
	int		 rc = 0;

	if ((v = schema_annotation(s, "x-open-day")) != NULL &&
	    strcmp(v, "true") == 0)
		rc = field_add(&kf->open, &kf->nopen, path, s, NULL, 0);
	if (rc == 0 && (v = schema_annotation(s, "x-number-date")) != NULL)
		rc = field_add(&kf->num, &kf->nnum, path, s, v,
		    is_docno(schema_kind(kf->kind), path));
	return rc;
}

static int
collect(struct kind_fields *kf, const struct schema *s, char *path,
    size_t len, int depth)
{
	const struct schema	*ps, *it;
	const char		*name;
	size_t			 i, n, l;
	int			 rc;

	if (depth > FIELD_DEPTH)
		return 0;
	n = schema_nprops(s);
	for (i = 0; i < n; i++) {
		if ((ps = schema_prop_at(s, i, &name)) == NULL)
			continue;
		l = strlen(name) + (len > 0);
		if (len + l + 3 >= PATH_MAX_LEN)
			continue;
		snprintf(path + len, PATH_MAX_LEN - len, "%s%s",
		    len > 0 ? "." : "", name);
		if ((rc = annotated(kf, ps, path)) != 0 ||
		    (rc = collect(kf, ps, path, len + l, depth + 1)) != 0)
			return rc;
		if ((it = schema_items(ps)) != NULL) {
			memcpy(path + len + l, "[]", 3);
			if ((rc = annotated(kf, it, path)) != 0 ||
			    (rc = collect(kf, it, path, len + l + 2,
			    depth + 1)) != 0)
				return rc;
		}
		path[len] = '\0';
	}
	return 0;
}

static int
kind_fields(struct kind_fields **out, struct reclint *rl,
    const struct schema *kind)
{
	struct kind_fields	*nv, *kf;
	char			 path[PATH_MAX_LEN] = "";
	size_t			 i;
	int			 rc;

	for (i = 0; i < rl->nkinds; i++)
		if (rl->kinds[i].kind == kind) {
			*out = &rl->kinds[i];
			return 0;
		}
	if ((nv = realloc(rl->kinds, (rl->nkinds + 1) * sizeof *nv)) == NULL)
		return error_set(NC_ENOMEM, "out of memory");
	rl->kinds = nv;
	kf = &nv[rl->nkinds++];
	memset(kf, 0, sizeof *kf);
	kf->kind = kind;
	if ((rc = collect(kf, kind, path, 0, 0)) != 0)
		return rc;
	*out = kf;
	return 0;
}

/* --- a record's fields along a path ------------------------------------- */

typedef int (*leaf_fn)(struct reclint *, const struct field *,
    const struct node *root, const struct node *leaf, const char *shown,
    const char *relpath, struct diags *);

/*
 * Call fn on every value at rest (hearings[].sent) under n, with the path
 * as the user reads it (hearings[1].sent) in shown.
 */
static int
walk(struct reclint *rl, const struct field *f, const struct node *root,
    const struct node *n, const char *rest, char *shown, size_t slen,
    const char *relpath, struct diags *w, leaf_fn fn)
{
	const struct node	*c;
	char			 key[64];
	size_t			 kl, i, l;
	int			 seq, rc;

	kl = strcspn(rest, ".[");
	if (kl >= sizeof key || n == NULL || n->kind != NODE_MAP)
		return 0;
	memcpy(key, rest, kl);
	key[kl] = '\0';
	if ((c = node_get(n, key)) == NULL)
		return 0;
	seq = rest[kl] == '[';
	rest += kl + (seq ? 2 : 0);
	if (*rest == '.')
		rest++;
	l = (size_t)snprintf(shown + slen, PATH_MAX_LEN - slen, "%s%s",
	    slen > 0 ? "." : "", key);
	if (slen + l >= PATH_MAX_LEN)
		return 0;
	if (!seq)
		return *rest == '\0' ? fn(rl, f, root, c, shown, relpath, w) :
		    walk(rl, f, root, c, rest, shown, slen + l, relpath, w, fn);
	if (c->kind != NODE_SEQ)
		return 0;
	for (i = 0; i < c->n; i++) {
		size_t il = (size_t)snprintf(shown + slen + l,
		    PATH_MAX_LEN - slen - l, "[%zu]", i);

		if (slen + l + il >= PATH_MAX_LEN)
			return 0;
		rc = *rest == '\0' ? fn(rl, f, root, c->u.items[i], shown,
		    relpath, w) : walk(rl, f, root, c->u.items[i], rest, shown,
		    slen + l + il, relpath, w, fn);
		if (rc != 0)
			return rc;
	}
	return 0;
}

/* --- closed days -------------------------------------------------------- */

static int
closed_day(struct reclint *rl, const struct field *f,
    const struct node *root, const struct node *leaf, const char *shown,
    const char *relpath, struct diags *w)
{
	struct cal_date	 d;
	const char	*why;
	char		 day[CAL_FMT_MAX];

	(void)root;
	if (leaf->kind != NODE_SCALAR ||
	    cal_parse_iso(&d, leaf->u.s.str) != 0 ||
	    cal_closed_reason(&why, rl->cal, d) != 1) {
		/* not a date (the schema says so), or out of the calendar */
		error_clear();
		return 0;
	}
	reclint_day(day, d);
	diags_add(w, relpath, leaf->line, leaf->col, "%s (%s) is %s (%s), "
	    "a day the ward is closed; the ward acts on this date, so a "
	    "business day (開庁日) was expected", shown,
	    f->title != NULL ? f->title : "", day, why);
	return 0;
}

/* --- numbers out of date order ------------------------------------------ */

/*
 * The last run of digits of s (full-width ones read as ASCII) as *n,
 * with what stands before and after it: 相談第7号 is 相談第, 7, 号.
 * 0 when s has no digit.
 */
static int
split_number(const char *s, char **pre, long *n, char **post)
{
	char	*a, *p, *q, *e, *dig = NULL, *end = NULL;

	if ((a = malloc(strlen(s) + 1)) == NULL)
		return error_set(NC_ENOMEM, "out of memory");
	for (p = a; *s != '\0'; s++) {
		/* ０..９ are EF BC 90..99 */
		if ((unsigned char)s[0] == 0xef &&
		    (unsigned char)s[1] == 0xbc &&
		    (unsigned char)s[2] >= 0x90 &&
		    (unsigned char)s[2] <= 0x99) {
			*p++ = (char)('0' + (unsigned char)s[2] - 0x90);
			s += 2;
		} else
			*p++ = *s;
	}
	*p = '\0';
	for (q = a; *q != '\0'; q++)
		if (*q >= '0' && *q <= '9') {
			for (e = q; *e >= '0' && *e <= '9'; e++)
				;
			dig = q;
			end = e;
			q = e - 1;
		}
	if (dig == NULL || end - dig > 9) {
		free(a);
		return 0;
	}
	*n = strtol(dig, NULL, 10);
	*pre = NULL;
	if ((*post = strdup(end)) == NULL)
		goto nomem;
	*dig = '\0';
	*pre = a;
	return 1;
nomem:
	free(a);
	return error_set(NC_ENOMEM, "out of memory");
}

static int
number_seen(struct reclint *rl, const struct field *f,
    const struct node *root, const struct node *leaf, const char *shown,
    const char *relpath, struct diags *w)
{
	struct number	*nv, *e;
	struct cal_date	 d;
	const char	*ds, *series = f->doc == 1 ? "\1doc" : f->doc == 2 ?
			    "\1contractor" : rl->cur_kind;
	char		*text = NULL, *pre = NULL, *post = NULL;
	long		 n = 0;
	int		 rc;

	(void)w;
	if (leaf->kind != NODE_SCALAR ||
	    (ds = docno_get(root, f->date)) == NULL)
		return 0;
	if (cal_parse_iso(&d, ds) != 0) {
		error_clear();
		return 0;
	}
	text = f->doc ? docno_format(f->doc == 1 ? rl->format : rl->cformat,
	    leaf->u.s.str) :
	    strdup(leaf->u.s.str);
	if (text == NULL)
		return error_set(NC_ENOMEM, "out of memory");
	if ((rc = split_number(text, &pre, &n, &post)) <= 0) {
		free(text);
		return rc;
	}
	if (rl->nnums == rl->capnums) {
		size_t cap = rl->capnums ? rl->capnums * 2 : 64;

		if ((nv = realloc(rl->nums, cap * sizeof *nv)) == NULL)
			goto nomem;
		rl->nums = nv;
		rl->capnums = cap;
	}
	e = &rl->nums[rl->nnums];
	memset(e, 0, sizeof *e);
	e->fy = cal_fy(d);
	e->n = n;
	e->day = cal_days(d);
	e->f = f;
	e->line = leaf->line;
	e->col = leaf->col;
	e->series = malloc(strlen(series) + strlen(pre) + strlen(post) + 3);
	e->date = strdup(ds);
	e->field = strdup(shown);
	e->path = strdup(relpath);
	if (e->series == NULL || e->date == NULL || e->field == NULL ||
	    e->path == NULL) {
		free(e->series);
		free(e->date);
		free(e->field);
		free(e->path);
		goto nomem;
	}
	/* 0x1f cannot be in a kind's name, nor in a record's text */
	sprintf(e->series, "%s\x1f%s\x1f%s", series, pre, post);
	e->text = text;
	rl->nnums++;
	free(pre);
	free(post);
	return 0;
nomem:
	free(text);
	free(pre);
	free(post);
	return error_set(NC_ENOMEM, "out of memory");
}

int
reclint_record(struct reclint *rl, const struct schema *kind,
    const struct node *root, const char *relpath, struct diags *warns)
{
	struct kind_fields	*kf = NULL;
	char			 shown[PATH_MAX_LEN];
	size_t			 i;
	int			 rc;

	if (kind == NULL || (rl->cur_kind = schema_kind(kind)) == NULL)
		return 0;
	if ((rc = kind_fields(&kf, rl, kind)) != 0)
		return rc;
	for (i = 0; i < kf->nopen; i++) {
		shown[0] = '\0';
		if ((rc = walk(rl, &kf->open[i], root, root, kf->open[i].path,
		    shown, 0, relpath, warns, closed_day)) != 0)
			return rc;
	}
	for (i = 0; i < kf->nnum; i++) {
		shown[0] = '\0';
		if ((rc = walk(rl, &kf->num[i], root, root, kf->num[i].path,
		    shown, 0, relpath, warns, number_seen)) != 0)
			return rc;
	}
	return 0;
}

static int
number_cmp(const void *a, const void *b)
{
	const struct number	*x = a, *y = b;
	int			 c;

	if ((c = strcmp(x->series, y->series)) != 0)
		return c;
	if (x->fy != y->fy)
		return x->fy < y->fy ? -1 : 1;
	if (x->n != y->n)
		return x->n < y->n ? -1 : 1;
	if (x->day != y->day)
		return x->day < y->day ? -1 : 1;
	return strcmp(x->path, y->path);
}

static void
out_of_order(const struct number *e, const struct number *lower,
    struct diags *w)
{
	struct cal_date	 d, ld;
	char		 day[CAL_FMT_MAX], lday[CAL_FMT_MAX];

	d = cal_from_days(e->day);
	ld = cal_from_days(lower->day);
	reclint_day(day, d);
	reclint_day(lday, ld);
	diags_add(w, e->path, e->line, e->col, "%s (%s) '%s' is dated %s "
	    "(%s), before the lower number '%s' of %s (%s, %s): numbers are "
	    "given in order, so within a fiscal year a higher number is not "
	    "dated earlier", e->field, e->f->title != NULL ? e->f->title : "",
	    e->text, day, e->f->date, lower->text, lday, lower->path,
	    lower->f->date);
}

/*
 * Sorted by series, fiscal year, number and date, a number is compared
 * with the latest of the number before it: each place where the dates
 * go back is told once, naming both records, and a single misdated
 * record does not make every number after it a warning.
 */
int
reclint_end(struct reclint *rl, struct diags *warns)
{
	struct number	*v = rl->nums;
	size_t		 i, prev = 0;
	int		 have = 0;

	if (rl->nnums > 1)
		qsort(v, rl->nnums, sizeof *v, number_cmp);
	for (i = 0; i < rl->nnums; i++) {
		if (i == 0 || strcmp(v[i].series, v[i - 1].series) != 0 ||
		    v[i].fy != v[i - 1].fy) {
			have = 0;
			continue;
		}
		if (v[i].n != v[i - 1].n) {
			/* the latest of the number before is its last */
			prev = i - 1;
			have = 1;
		}
		if (have && v[i].day < v[prev].day)
			out_of_order(&v[i], &v[prev], warns);
	}
	numbers_free(rl);
	return 0;
}
