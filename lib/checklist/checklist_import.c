/*
 * Checklist import: returned .xlsx forms, CSV files and survey exports
 * (through a rules file) to checklist records.
 *
 * Each file is read whole and every problem in it is collected with its
 * position before anything is written; a file with a problem adds no
 * submission.  Submissions are built as record trees and checked against
 * the schema (and the My Number guard) at once, so the commit cannot fail
 * on content.  The commit compares each with the record held for the
 * same division (and contract and stage): the same answers leave the
 * record untouched, different ones replace its answers and say what
 * changed, so importing a file again is harmless.
 */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "buf.h"
#include "cal.h"
#include "checklist.h"
#include "checklist_int.h"
#include "clock.h"
#include "csvread.h"
#include "error.h"
#include "guard.h"
#include "node.h"
#include "record.h"
#include "schema.h"
#include "store.h"
#include "strmap.h"
#include "xlsxread.h"

#define MAXSETS	8

struct pending {
	struct ydoc		*doc;
	const struct ck_set	*set;
	const struct ck_org	*org;
	char			*key;
	char			*file;
	const char		*encoding;
	char			*what;
	unsigned		 line;	/* where it starts, for duplicates */
};

struct rules;

struct ck_import {
	struct store		*st;
	struct ck_import_opts	 opts;
	const struct schema	*schema;
	struct checker		*checker;
	struct ck_orgs		*orgs;
	struct ck_set		*sets[MAXSETS];
	size_t			 nsets;
	struct pending		*v;
	size_t			 n, cap;
	struct strmap		*bykey;
	struct ck_result	*res;
	size_t			 nres;
	struct rules		*rules;
};

/* Where a value came from, for messages. */
struct pos {
	const char	*path;		/* file or file:sheet */
	unsigned	 line;
	unsigned	 col;
	int		 xlsx;
};

static void
problem(struct diags *d, const struct pos *p, const char *fmt, ...)
    NC_PRINTF(3, 4);

static void
problem(struct diags *d, const struct pos *p, const char *fmt, ...)
{
	char	msg[1024], ref[16];
	va_list	ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	if (p->xlsx && p->line > 0 && p->col > 0) {
		xlsxread_ref_format(ref, p->line - 1, p->col - 1);
		diags_add(d, p->path, p->line, p->col, "cell %s: %s", ref,
		    msg);
	} else
		diags_add(d, p->path, p->line, p->col, "%s", msg);
}

/* ---- rules files ---- */

struct rule_col {
	unsigned	 col;		/* 1-based; 0 when by header */
	char		*header;
};

struct rule_item {
	char		*ref;
	struct rule_col	 answer;
	struct rule_col	 note;
};

struct rule_value {
	char		*text;
	enum ck_value	 value;
};

struct rules {
	char		*path;
	int		 kind;		/* -1: not given */
	int		 fy;
	int		 encoding;	/* -1: detect */
	unsigned	 skip;
	struct rule_col	 org, respondent, submitted, contract, stage,
			 vendor;
	struct rule_item *items;
	size_t		 nitems;
	struct rule_value *values;
	size_t		 nvalues;
};

static void
rules_free(struct rules *r)
{
	size_t	i;

	if (r == NULL)
		return;
	for (i = 0; i < r->nitems; i++) {
		free(r->items[i].ref);
		free(r->items[i].answer.header);
		free(r->items[i].note.header);
	}
	for (i = 0; i < r->nvalues; i++)
		free(r->values[i].text);
	free(r->org.header);
	free(r->respondent.header);
	free(r->submitted.header);
	free(r->contract.header);
	free(r->stage.header);
	free(r->vendor.header);
	free(r->items);
	free(r->values);
	free(r->path);
	free(r);
}

/* Next word of a rules line: bare, or in double quotes. */
static char *
word(char **p)
{
	char	*s = *p, *w;

	while (*s == ' ' || *s == '\t')
		s++;
	if (*s == '\0' || *s == '#')
		return NULL;
	if (*s == '"') {
		w = ++s;
		while (*s != '\0' && *s != '"')
			s++;
		if (*s == '"')
			*s++ = '\0';
		*p = s;
		return w;
	}
	w = s;
	while (*s != '\0' && *s != ' ' && *s != '\t')
		s++;
	if (*s != '\0')
		*s++ = '\0';
	*p = s;
	return w;
}

static int
parse_col(struct rule_col *c, const char *w, int quoted)
{
	char	*end;
	unsigned long	n;
	uint32_t	row, col;
	char	ref[16];

	if (!quoted && isdigit((unsigned char)w[0])) {
		n = strtoul(w, &end, 10);
		if (*end != '\0' || n == 0 || n > 16384)
			return -1;
		c->col = (unsigned)n;
		return 0;
	}
	if (!quoted && isupper((unsigned char)w[0]) && strlen(w) <= 3) {
		snprintf(ref, sizeof ref, "%s1", w);
		if (xlsxread_ref_parse(&row, &col, ref) == 0) {
			c->col = col + 1;
			return 0;
		}
	}
	free(c->header);
	return (c->header = strdup(w)) == NULL ? -1 : 0;
}

static int
rules_load(struct rules **out, const char *path, struct diags *d)
{
	struct rules	*r;
	FILE		*f;
	char		 line[2048], *p, *k, *a, *b;
	unsigned	 ln = 0;
	int		 bad = 0, qa;
	enum ck_kind	 kind;
	enum ck_value	 v;
	size_t		 i;

	*out = NULL;
	if ((f = fopen(path, "r")) == NULL) {
		diags_add(d, path, 0, 0, "cannot open the rules file");
		return error_sys(NC_ENOTFOUND, "cannot open '%s'", path);
	}
	if ((r = calloc(1, sizeof *r)) == NULL || (r->path = strdup(path)) ==
	    NULL) {
		fclose(f);
		free(r);
		return error_set(NC_ENOMEM, "out of memory");
	}
	r->kind = -1;
	r->encoding = -1;
	r->skip = 1;
	while (fgets(line, sizeof line, f) != NULL) {
		ln++;
		line[strcspn(line, "\r\n")] = '\0';
		p = line;
		if ((k = word(&p)) == NULL)
			continue;
		while (*p == ' ' || *p == '\t')
			p++;
		qa = *p == '"';
		a = word(&p);
		while (*p == ' ' || *p == '\t')
			p++;
		b = word(&p);
#define NEED(n) do { if ((n) >= 1 && a == NULL) goto missing; \
	if ((n) >= 2 && b == NULL) goto missing; } while (0)
		if (strcmp(k, "kind") == 0) {
			NEED(1);
			if (ck_kind_parse(&kind, a) != 0)
				goto badval;
			r->kind = (int)kind;
		} else if (strcmp(k, "fy") == 0) {
			NEED(1);
			r->fy = atoi(a);
			if (r->fy < 2000 || r->fy > 2099)
				goto badval;
		} else if (strcmp(k, "encoding") == 0) {
			NEED(1);
			if (strcasecmp(a, "utf-8") == 0)
				r->encoding = CSVREAD_UTF8;
			else if (strcasecmp(a, "cp932") == 0 ||
			    strcasecmp(a, "shift_jis") == 0)
				r->encoding = CSVREAD_CP932;
			else if (strcasecmp(a, "auto") == 0)
				r->encoding = -1;
			else
				goto badval;
		} else if (strcmp(k, "skip") == 0) {
			NEED(1);
			r->skip = (unsigned)atoi(a);
		} else if (strcmp(k, "org") == 0 || strcmp(k, "respondent") ==
		    0 || strcmp(k, "submitted") == 0 || strcmp(k, "contract") ==
		    0 || strcmp(k, "stage") == 0 || strcmp(k, "vendor") == 0) {
			struct rule_col	*c = strcmp(k, "org") == 0 ? &r->org :
			    strcmp(k, "respondent") == 0 ? &r->respondent :
			    strcmp(k, "submitted") == 0 ? &r->submitted :
			    strcmp(k, "contract") == 0 ? &r->contract :
			    strcmp(k, "stage") == 0 ? &r->stage : &r->vendor;

			NEED(1);
			if (parse_col(c, a, qa) != 0)
				goto badval;
		} else if (strcmp(k, "item") == 0 || strcmp(k, "note") == 0) {
			struct rule_item	*it = NULL;

			NEED(2);
			for (i = 0; i < r->nitems; i++) {
				if (strcmp(r->items[i].ref, a) == 0)
					it = &r->items[i];
			}
			if (it == NULL) {
				it = realloc(r->items, (r->nitems + 1) *
				    sizeof *it);
				if (it == NULL)
					goto nomem;
				r->items = it;
				it = &r->items[r->nitems++];
				memset(it, 0, sizeof *it);
				if ((it->ref = strdup(a)) == NULL)
					goto nomem;
			}
			if (parse_col(strcmp(k, "item") == 0 ? &it->answer :
			    &it->note, b, p[-1] == '\0' && b[-1] == '"') != 0)
				goto badval;
		} else if (strcmp(k, "value") == 0) {
			struct rule_value	*rv;

			NEED(2);
			for (v = 0; v < CK_NVALUES; v++) {
				if (strcmp(b, ck_value_name(v)) == 0)
					break;
			}
			if (v == CK_NVALUES) {
				diags_add(d, path, ln, 0, "unknown value '%s':"
				    " expected yes, no, na, done, partial,"
				    " not-done or unknown", b);
				bad = 1;
				continue;
			}
			rv = realloc(r->values, (r->nvalues + 1) * sizeof *rv);
			if (rv == NULL)
				goto nomem;
			r->values = rv;
			rv[r->nvalues].value = v;
			if ((rv[r->nvalues].text = strdup(a)) == NULL)
				goto nomem;
			r->nvalues++;
		} else {
			diags_add(d, path, ln, 1, "unknown rule '%s'", k);
			bad = 1;
		}
		continue;
missing:
		diags_add(d, path, ln, 0, "'%s' needs %s", k,
		    strcmp(k, "item") == 0 || strcmp(k, "note") == 0 ?
		    "an item ref and a column" : strcmp(k, "value") == 0 ?
		    "a text and a value" : "a value");
		bad = 1;
		continue;
badval:
		diags_add(d, path, ln, 0, "invalid value for '%s'", k);
		bad = 1;
	}
#undef NEED
	fclose(f);
	if (!bad && r->org.col == 0 && r->org.header == NULL) {
		diags_add(d, path, 0, 0, "no 'org' rule: say which column"
		    " holds the division");
		bad = 1;
	}
	if (!bad && r->nitems == 0) {
		diags_add(d, path, 0, 0, "no 'item' rules: say which column"
		    " answers which item");
		bad = 1;
	}
	if (bad) {
		rules_free(r);
		return error_set(NC_EINVALID, "the rules file '%s' has errors",
		    path);
	}
	*out = r;
	return 0;
nomem:
	fclose(f);
	rules_free(r);
	return error_set(NC_ENOMEM, "out of memory");
}

/* ---- the batch ---- */

int
ck_import_new(struct ck_import **out, struct store *st,
    const struct ck_import_opts *opts, struct diags *d)
{
	struct ck_import	*im;
	int			 r;

	*out = NULL;
	if ((im = calloc(1, sizeof *im)) == NULL)
		return error_set(NC_ENOMEM, "out of memory");
	im->st = st;
	im->opts = *opts;
	if ((r = store_kind(&im->schema, st, "checklist")) != 0 ||
	    (r = ck_orgs_load(&im->orgs, st)) != 0 ||
	    (r = checker_new(&im->checker, st, d)) != 0)
		goto fail;
	if ((im->bykey = strmap_new()) == NULL) {
		r = NC_ENOMEM;
		goto fail;
	}
	if (opts->rules != NULL) {
		if ((r = rules_load(&im->rules, opts->rules, d)) != 0)
			goto fail;
		if (im->opts.kind < 0)
			im->opts.kind = im->rules->kind;
		if (im->opts.fy == 0)
			im->opts.fy = im->rules->fy;
	}
	*out = im;
	return 0;
fail:
	ck_import_free(im);
	return r;
}

static void
pending_free(struct pending *p)
{
	ydoc_free(p->doc);
	free(p->key);
	free(p->file);
	free(p->what);
}

void
ck_import_free(struct ck_import *im)
{
	size_t	i;

	if (im == NULL)
		return;
	for (i = 0; i < im->n; i++)
		pending_free(&im->v[i]);
	free(im->v);
	for (i = 0; i < im->nres; i++) {
		free(im->res[i].id);
		free(im->res[i].changes);
	}
	free(im->res);
	for (i = 0; i < im->nsets; i++)
		ck_set_free(im->sets[i]);
	strmap_free(im->bykey);
	checker_free(im->checker);
	ck_orgs_free(im->orgs);
	rules_free(im->rules);
	free(im);
}

size_t
ck_import_count(const struct ck_import *im)
{
	return im->n;
}

static int
get_set(const struct ck_set **out, struct ck_import *im, enum ck_kind k,
    int fy)
{
	size_t	i;
	int	r;

	for (i = 0; i < im->nsets; i++) {
		if (im->sets[i]->kind == k && im->sets[i]->fy == fy) {
			*out = im->sets[i];
			return 0;
		}
	}
	if (im->nsets == MAXSETS)
		return error_set(NC_EINVALID, "too many item sets in one"
		    " import");
	if ((r = ck_set_load(&im->sets[im->nsets], im->st, k, fy)) != 0)
		return r;
	*out = im->sets[im->nsets++];
	return 0;
}

/* ---- values ---- */

static int
trim(char *out, size_t size, const char *s)
{
	size_t	n;

	while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
		s++;
	/* a full-width space at either end is a typing slip too */
	while (strncmp(s, "\u3000", 3) == 0)
		s += 3;
	n = strlen(s);
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' ||
	    s[n - 1] == '\n' || s[n - 1] == '\r'))
		n--;
	while (n >= 3 && strncmp(s + n - 3, "\u3000", 3) == 0)
		n -= 3;
	if (n >= size)
		return -1;
	memcpy(out, s, n);
	out[n] = '\0';
	return 0;
}

/*
 * The checks every text taken from a file goes through: not a formula,
 * no My Number.  0 when fine.
 */
static int
check_text(struct diags *d, const struct pos *p, const char *what,
    const char *s, int formula)
{
	size_t	off, len;

	if (formula) {
		problem(d, p, "%s holds a formula; type the value itself",
		    what);
		return -1;
	}
	if (s[0] == '=') {
		problem(d, p, "%s begins with '=': formulas are not accepted;"
		    " type the value itself", what);
		return -1;
	}
	if (guard_find_mynumber(s, strlen(s), &off, &len)) {
		problem(d, p, "%s holds what looks like a My Number (個人番号)"
		    " at character %zu: remove it; personal numbers must"
		    " never be recorded", what, off + 1);
		return -1;
	}
	return 0;
}

/* A date as typed: YYYY-MM-DD, YYYY/M/D, an era date, or a serial. */
static int
parse_date(char *out, const char *s, double serial, int is_num)
{
	struct cal_date	dt;
	int		y, m, dd;

	if (is_num) {
		if (xlsxread_serial_date(&y, &m, &dd, serial) != 0)
			return -1;
		dt.y = y;
		dt.m = m;
		dt.d = dd;
	} else if (sscanf(s, "%d/%d/%d", &y, &m, &dd) == 3 && y > 1900) {
		dt.y = y;
		dt.m = m;
		dt.d = dd;
		if (!cal_date_valid(dt))
			return -1;
	} else if (cal_parse(&dt, s) != 0)
		return -1;
	return cal_format_iso(out, CAL_FMT_MAX, dt);
}

/*
 * A value of a particular (提出情報) into the record; 0 when fine or
 * empty, -1 after reporting a problem.
 */
static int
set_field(struct ydoc *doc, struct node *root, const struct ck_field *f,
    const char *raw, double num, int is_num, int formula,
    const struct pos *p, struct diags *d)
{
	char	v[1024], date[CAL_FMT_MAX];
	size_t	i;

	if (trim(v, sizeof v, raw) != 0) {
		problem(d, p, "%s is too long", f->label);
		return -1;
	}
	if (v[0] == '\0') {
		if (f->required) {
			problem(d, p, "%s is required", f->label);
			return -1;
		}
		return 0;
	}
	if (check_text(d, p, f->label, v, formula) != 0)
		return -1;
	switch (f->type) {
	case CK_FIELD_DATE:
		if (parse_date(date, v, num, is_num) != 0) {
			problem(d, p, "%s '%s' is not a date (write it as"
			    " 2026/10/9 or 令和8年10月9日)", f->label, v);
			return -1;
		}
		return node_map_set_str(doc, root, f->key, date) ? -1 : 0;
	case CK_FIELD_COUNT:
		for (i = 0; v[i] != '\0'; i++) {
			if (!isdigit((unsigned char)v[i]))
				break;
		}
		if (v[i] != '\0' || i > 6) {
			problem(d, p, "%s '%s' is not a number of people",
			    f->label, v);
			return -1;
		}
		return node_map_set_str(doc, root, f->key, v) ? -1 : 0;
	case CK_FIELD_CHOICE:
	case CK_FIELD_BOOL:
		for (i = 0; f->choices[i] != NULL; i++) {
			if (strcmp(v, f->choices[i]) == 0 ||
			    strcmp(v, f->values[i]) == 0)
				return node_map_set_str(doc, root, f->key,
				    f->values[i]) ? -1 : 0;
		}
		problem(d, p, "%s '%s' is not one of the choices", f->label, v);
		return -1;
	default:
		return node_map_set_str(doc, root, f->key, v) ? -1 : 0;
	}
}

/* Start a submission's record tree. */
static struct node *
new_submission(struct ydoc **out, const struct ck_set *set,
    const struct ck_org *org)
{
	struct ydoc	*doc;
	struct node	*root;
	char		 fy[16], ver[16], title[256], label[CAL_FMT_MAX];

	*out = NULL;
	if ((doc = ydoc_new()) == NULL || (root = node_map(doc)) == NULL) {
		ydoc_free(doc);
		error_set(NC_ENOMEM, "out of memory");
		return NULL;
	}
	ydoc_set_root(doc, root);
	snprintf(fy, sizeof fy, "%d", set->fy);
	snprintf(ver, sizeof ver, "%d", set->version);
	cal_fy_label(label, sizeof label, set->fy);
	snprintf(title, sizeof title, "%s %s（%s）", label,
	    ck_kind_title(set->kind), org->name);
	if (node_map_set_str(doc, root, "fy", fy) != 0 ||
	    node_map_set_str(doc, root, "kind", ck_kind_name(set->kind)) !=
	    0 || node_map_set_str(doc, root, "org", org->code) != 0 ||
	    node_map_set_str(doc, root, "title", title) != 0 ||
	    node_map_set_str(doc, root, "catalog", set->catalog) != 0 ||
	    node_map_set_str(doc, root, "catalog_version", ver) != 0) {
		ydoc_free(doc);
		return NULL;
	}
	*out = doc;
	return root;
}

static int
add_answer(struct ydoc *doc, struct node *seq, const char *ref,
    enum ck_value v, const char *note)
{
	struct node	*m;

	if ((m = node_map(doc)) == NULL ||
	    node_map_set_str(doc, m, "ref", ref) != 0 ||
	    node_map_set_str(doc, m, "value", ck_value_name(v)) != 0 ||
	    (note != NULL && *note != '\0' &&
	    node_map_set_str(doc, m, "note", note) != 0) ||
	    node_seq_push(doc, seq, m) != 0)
		return NC_ENOMEM;
	return 0;
}

/*
 * Hold a submission: check it as the record it will become, and that no
 * other file in the batch submits the same.
 */
static int
hold(struct ck_import *im, struct ydoc *doc, const struct ck_set *set,
    const struct ck_org *org, const char *file, const char *encoding,
    const struct pos *p, struct diags *d)
{
	struct node	*root = ydoc_root(doc);
	struct pending	*v, *other;
	struct buf	 key = BUF_INIT, what = BUF_INIT;
	const char	*contract, *stage;
	enum ck_stage	 sg;
	size_t		 n0 = d->n, i;
	int		 r;

	buf_printf(&key, "%s\x1f%d\x1f%s", ck_kind_name(set->kind), set->fy,
	    org->code);
	if (set->kind == CK_VENDOR) {
		contract = node_get_str(root, "contract");
		stage = node_get_str(root, "stage");
		buf_printf(&key, "\x1f%s\x1f%s", contract ? contract : "",
		    stage ? stage : "");
		if (stage != NULL && ck_stage_parse(&sg, stage) == 0)
			buf_printf(&what, "%s（%s）", contract ? contract : "",
			    ck_stage_label(sg));
	}
	if ((r = buf_ok(&key)) != 0 || (r = buf_ok(&what)) != 0)
		goto fail;
	if ((other = strmap_get(im->bykey, key.data)) != NULL) {
		problem(d, p, "%s is submitted twice: also in '%s'%s",
		    org->name, other->file, set->kind == CK_VENDOR ?
		    " for the same contract and stage" : "");
		r = NC_EINVALID;
		goto fail;
	}
	/* check it as the record it will be, with a stand-in id */
	if ((r = node_map_set_str(doc, root, "id", "ck-00000000")) != 0 ||
	    (r = schema_normalize(im->schema, root)) != 0)
		goto fail;
	if (record_check(im->checker, im->schema, root, NULL, d) != 0 ||
	    d->n > n0) {
		for (i = n0; i < d->n; i++) {
			/* name the file, not the record it would become */
			char	*pp = strdup(p->path);

			if (pp != NULL) {
				free(d->v[i].path);
				d->v[i].path = pp;
			}
		}
		r = NC_EINVALID;
		goto fail;
	}
	node_map_remove(root, "id");
	if (im->n == im->cap) {
		im->cap = im->cap == 0 ? 64 : im->cap * 2;
		if ((v = realloc(im->v, im->cap * sizeof *v)) == NULL) {
			r = error_set(NC_ENOMEM, "out of memory");
			goto fail;
		}
		im->v = v;
	}
	v = &im->v[im->n];
	memset(v, 0, sizeof *v);
	v->doc = doc;
	v->set = set;
	v->org = org;
	v->key = buf_detach(&key, NULL);
	v->file = strdup(file);
	v->encoding = encoding;
	v->what = what.len > 0 ? buf_detach(&what, NULL) : NULL;
	v->line = p->line;
	im->n++;
	buf_free(&what);
	return 0;
fail:
	buf_free(&key);
	buf_free(&what);
	ydoc_free(doc);
	return r != 0 ? r : NC_EINVALID;
}

/* Make the batch's key map point at the held submissions (after growth). */
static int
reindex(struct ck_import *im, size_t from)
{
	size_t	i;

	for (i = from; i < im->n; i++) {
		if (strmap_put(im->bykey, im->v[i].key, &im->v[i]) != 0)
			return NC_ENOMEM;
	}
	return 0;
}

static int
rebuild_index(struct ck_import *im)
{
	strmap_free(im->bykey);
	if ((im->bykey = strmap_new()) == NULL)
		return NC_ENOMEM;
	return reindex(im, 0);
}

/* Drop what a bad file held, keeping the earlier files' submissions. */
static void
drop_from(struct ck_import *im, size_t n0)
{
	while (im->n > n0)
		pending_free(&im->v[--im->n]);
}

/* ---- .xlsx forms ---- */

struct formid {
	char	 kind[32], fy[16], org[64], catalog[32], version[16],
		 sheet[64], items_row[16], fields_row[16], items[16],
		 format[64];
};

static int
read_formid(struct formid *f, struct xlsxread *x, const char *file,
    struct diags *d)
{
	const struct xlsxread_sheet	*s;
	size_t				 i;
	uint32_t			 row;
	struct {
		const char	*key;
		char		*dst;
		size_t		 size;
	} keys[] = {
		{ "format", f->format, sizeof f->format },
		{ "kind", f->kind, sizeof f->kind },
		{ "fy", f->fy, sizeof f->fy },
		{ "org", f->org, sizeof f->org },
		{ "catalog", f->catalog, sizeof f->catalog },
		{ "version", f->version, sizeof f->version },
		{ "items_sheet", f->sheet, sizeof f->sheet },
		{ "items_row", f->items_row, sizeof f->items_row },
		{ "fields_row", f->fields_row, sizeof f->fields_row },
		{ "items", f->items, sizeof f->items },
	};

	memset(f, 0, sizeof *f);
	if (xlsxread_sheet_find(&i, x, CK_FORM_SHEET) != 0) {
		diags_add(d, file, 0, 0, "no hidden sheet '%s': this is not a"
		    " form written by 'nerima-cio checklist form' (give a rules"
		    " file for other layouts)", CK_FORM_SHEET);
		return -1;
	}
	if (xlsxread_sheet(&s, x, i) != 0) {
		diags_add(d, file, 0, 0, "%s", error_last());
		return -1;
	}
	for (row = 0; row < xlsxread_nrows(s); row++) {
		const char	*k = xlsxread_cell(s, row, 0).text;

		for (i = 0; i < sizeof keys / sizeof keys[0]; i++) {
			if (strcmp(k, keys[i].key) == 0)
				snprintf(keys[i].dst, keys[i].size, "%s",
				    xlsxread_cell(s, row, 1).text);
		}
	}
	if (strcmp(f->format, CK_FORM_FORMAT) != 0) {
		diags_add(d, file, 0, 0, "the sheet '%s' does not identify a"
		    " checklist form ('%s')", CK_FORM_SHEET, f->format);
		return -1;
	}
	return 0;
}

static int
import_xlsx(struct ck_import *im, const char *path, const char *file,
    struct diags *d)
{
	struct xlsxread			*x = NULL;
	const struct xlsxread_sheet	*s, *fs;
	const struct ck_set		*set = NULL;
	const struct ck_org		*org;
	const struct ck_field		*fields;
	struct formid			 f;
	struct ydoc			*doc = NULL;
	struct node			*root, *seq, *resp = NULL;
	struct pos			 p;
	enum ck_kind			 kind;
	enum ck_value			 v;
	enum ck_stage			 stage = CK_BEFORE;
	struct buf			 where = BUF_INIT;
	char				 val[1024], note[4096];
	size_t				 i, nf, idx, n0 = d->n, nresp = 0;
	uint32_t			 row, irow, frow, col;
	int				 fy, r = 0, has_stage = 0;

	memset(&p, 0, sizeof p);
	p.xlsx = 1;
	if (xlsxread_open(&x, path, file) != 0) {
		diags_add(d, file, 0, 0, "%s", error_last());
		return NC_EINVALID;
	}
	if (read_formid(&f, x, file, d) != 0)
		goto bad;
	if (ck_kind_parse(&kind, f.kind) != 0) {
		diags_add(d, file, 0, 0, "the form names an unknown kind"
		    " '%s'", f.kind);
		goto bad;
	}
	fy = atoi(f.fy);
	if (im->opts.kind >= 0 && (int)kind != im->opts.kind) {
		diags_add(d, file, 0, 0, "this is a %s form, not %s",
		    ck_kind_title(kind), ck_kind_title(im->opts.kind));
		goto bad;
	}
	if (im->opts.fy != 0 && fy != im->opts.fy) {
		diags_add(d, file, 0, 0, "this form is for FY%d, not FY%d",
		    fy, im->opts.fy);
		goto bad;
	}
	if ((org = strmap_get(im->orgs->bycode, f.org)) == NULL) {
		diags_add(d, file, 0, 0, "the form's division '%s' is not in"
		    " orgs.yaml", f.org);
		goto bad;
	}
	if (get_set(&set, im, kind, fy) != 0) {
		diags_add(d, file, 0, 0, "%s", error_last());
		goto bad;
	}
	if (strcmp(f.catalog, set->catalog) != 0 || atoi(f.version) !=
	    set->version) {
		diags_add(d, file, 0, 0, "this form was made from item set"
		    " '%s' version %s; the FY%d item set is now '%s' version"
		    " %d: send %s a new form", f.catalog, f.version, fy,
		    set->catalog, set->version, org->name);
		goto bad;
	}
	if ((size_t)atoi(f.items) != set->nitems) {
		diags_add(d, file, 0, 0, "the form has %s items; the item set"
		    " has %zu", f.items, set->nitems);
		goto bad;
	}
	irow = (uint32_t)atoi(f.items_row);
	frow = (uint32_t)atoi(f.fields_row);
	if (xlsxread_sheet_find(&i, x, f.sheet) != 0 ||
	    xlsxread_sheet(&s, x, i) != 0 ||
	    xlsxread_sheet_find(&i, x, "提出情報") != 0 ||
	    xlsxread_sheet(&fs, x, i) != 0 || irow < 2 || frow < 2) {
		diags_add(d, file, 0, 0, "%s", error_last());
		goto bad;
	}
	if ((root = new_submission(&doc, set, org)) == NULL) {
		r = NC_ENOMEM;
		goto done;
	}

	/* 提出情報 */
	buf_printf(&where, "%s:提出情報", file);
	if ((r = buf_ok(&where)) != 0)
		goto done;
	p.path = where.data;
	fields = ck_fields(kind, &nf);
	for (i = 0; i < nf; i++) {
		struct xlsxread_cell	c;

		row = frow - 1 + (uint32_t)i;
		p.line = row + 1;
		p.col = 1;
		if (strcmp(xlsxread_cell(fs, row, 0).text, fields[i].label) !=
		    0) {
			problem(d, &p, "expected '%s': the sheet has been"
			    " changed", fields[i].label);
			continue;
		}
		p.col = 2;
		c = xlsxread_cell(fs, row, 1);
		set_field(doc, root, &fields[i], c.text, c.num, c.type ==
		    XLSXREAD_NUMBER, c.formula, &p, d);
	}
	if (kind == CK_VENDOR && node_get_str(root, "stage") != NULL) {
		has_stage = ck_stage_parse(&stage, node_get_str(root,
		    "stage")) == 0;
	}

	buf_reset(&where);
	buf_printf(&where, "%s:%s", file, f.sheet);
	if ((r = buf_ok(&where)) != 0)
		goto done;
	p.path = where.data;
	if (kind != CK_SELF) {
		if ((seq = node_seq(doc)) == NULL ||
		    node_map_set(doc, root, "answers", seq) != 0) {
			r = NC_ENOMEM;
			goto done;
		}
		for (idx = 0; idx < set->nitems; idx++) {
			const struct ck_item	*it = &set->items[idx];
			struct xlsxread_cell	 c;
			int			 applies;

			row = irow - 1 + (uint32_t)idx;
			p.line = row + 1;
			p.col = 2;
			if (strcmp(xlsxread_cell(s, row, 1).text, it->ref) !=
			    0) {
				problem(d, &p, "expected item '%s': the sheet"
				    " has been changed", it->ref);
				continue;
			}
			c = xlsxread_cell(s, row, 4);
			p.col = 5;
			if (trim(val, sizeof val, c.text) != 0)
				val[0] = '\0';
			trim(note, sizeof note, xlsxread_cell(s, row, 5).text);
			applies = kind != CK_VENDOR || !has_stage ||
			    (it->stages & (1u << stage));
			if (c.formula) {
				problem(d, &p, "the answer holds a formula;"
				    " choose it from the list");
				continue;
			}
			if (xlsxread_cell(s, row, 5).formula) {
				p.col = 6;
				problem(d, &p, "the note holds a formula; type"
				    " the text itself");
				continue;
			}
			if (val[0] == '\0') {
				if (applies)
					problem(d, &p, "item %s has no answer",
					    it->ref);
				continue;
			}
			if (!applies) {
				problem(d, &p, "item %s is not checked at"
				    " stage %s; leave it blank", it->ref,
				    ck_stage_label(stage));
				continue;
			}
			if (check_text(d, &p, "the answer", val,
			    c.formula) != 0)
				continue;
			if (ck_item_value_parse(&v, it, val) != 0) {
				problem(d, &p, "item %s: %s", it->ref,
				    error_last());
				continue;
			}
			p.col = 6;
			if (note[0] != '\0' && check_text(d, &p, "the note",
			    note, xlsxread_cell(s, row, 5).formula) != 0)
				continue;
			if (add_answer(doc, seq, it->ref, v, note) != 0) {
				r = NC_ENOMEM;
				goto done;
			}
		}
	} else {
		struct strmap	*seen = NULL;

		/* the header names each column's item: "1 分類\n(sf-01)" */
		for (idx = 0; idx < set->nitems; idx++) {
			char	want[64];

			snprintf(want, sizeof want, "(%s)",
			    set->items[idx].ref);
			p.line = irow - 1;
			p.col = (unsigned)idx + 2;
			if (strstr(xlsxread_cell(s, irow - 2,
			    (uint32_t)idx + 1).text, want) == NULL)
				problem(d, &p, "expected the column of item"
				    " '%s': the sheet has been changed",
				    set->items[idx].ref);
		}
		if (d->n > n0)
			goto bad;
		if ((resp = node_seq(doc)) == NULL || (seen = strmap_new()) ==
		    NULL || node_map_set(doc, root, "responses", resp) != 0) {
			strmap_free(seen);
			r = NC_ENOMEM;
			goto done;
		}
		for (row = irow - 1; row < xlsxread_nrows(s); row++) {
			struct node	*m, *ans;
			char		 rid[64];
			size_t		 filled = 0;

			for (col = 1; col <= set->nitems; col++) {
				if (xlsxread_cell(s, row, col).type !=
				    XLSXREAD_EMPTY && xlsxread_cell(s, row,
				    col).text[0] != '\0')
					filled++;
			}
			if (filled == 0)
				continue;
			p.line = row + 1;
			p.col = 1;
			trim(rid, sizeof rid, xlsxread_cell(s, row, 0).text);
			if (rid[0] == '\0') {
				problem(d, &p, "a row of answers has no"
				    " respondent number");
				continue;
			}
			if (strmap_get(seen, xlsxread_cell(s, row, 0).text) !=
			    NULL) {
				problem(d, &p, "respondent '%s' appears twice",
				    rid);
				continue;
			}
			strmap_put(seen, xlsxread_cell(s, row, 0).text, seen);
			if ((m = node_map(doc)) == NULL ||
			    (ans = node_seq(doc)) == NULL ||
			    node_map_set_str(doc, m, "respondent", rid) != 0 ||
			    node_map_set(doc, m, "answers", ans) != 0 ||
			    node_seq_push(doc, resp, m) != 0) {
				strmap_free(seen);
				r = NC_ENOMEM;
				goto done;
			}
			nresp++;
			for (idx = 0; idx < set->nitems; idx++) {
				struct xlsxread_cell	c;

				c = xlsxread_cell(s, row, (uint32_t)idx + 1);
				p.col = (unsigned)idx + 2;
				trim(val, sizeof val, c.text);
				if (val[0] == '\0') {
					problem(d, &p, "respondent %s did not"
					    " answer item %s", rid,
					    set->items[idx].ref);
					continue;
				}
				if (check_text(d, &p, "the answer", val,
				    c.formula) != 0)
					continue;
				if (ck_item_value_parse(&v, &set->items[idx],
				    val) != 0) {
					problem(d, &p, "item %s: %s",
					    set->items[idx].ref, error_last());
					continue;
				}
				if (add_answer(doc, ans, set->items[idx].ref,
				    v, NULL) != 0) {
					strmap_free(seen);
					r = NC_ENOMEM;
					goto done;
				}
			}
		}
		strmap_free(seen);
		if (nresp == 0) {
			p.line = irow;
			p.col = 0;
			problem(d, &p, "no staff answers in the form");
		}
	}
	if (d->n > n0)
		goto bad;
	p.line = 0;
	p.col = 0;
	p.path = file;
	r = hold(im, doc, set, org, file, NULL, &p, d);
	doc = NULL;
	goto done;
bad:
	r = NC_EINVALID;
done:
	ydoc_free(doc);
	buf_free(&where);
	xlsxread_free(x);
	return r;
}

/* ---- CSV ---- */

/*
 * Rows and columns of a CSV file or of a workbook's sheet (a survey
 * export saved as .xlsx), as one table: blank rows are skipped in both.
 */
struct table {
	struct csvread			*csv;
	struct xlsxread			*x;
	const struct xlsxread_sheet	*sheet;
	uint32_t			*rows;		/* xlsx: rows used */
	uint32_t			*ncols;		/* xlsx: per row */
	size_t				 nrows;
};

static size_t
tab_nrows(const struct table *t)
{
	return t->csv != NULL ? csvread_nrows(t->csv) : t->nrows;
}

static size_t
tab_ncols(const struct table *t, size_t row)
{
	if (t->csv != NULL)
		return csvread_ncols(t->csv, row);
	return row < t->nrows ? t->ncols[row] : 0;
}

static const char *
tab_cell(const struct table *t, size_t row, size_t col)
{
	if (t->csv != NULL)
		return csvread_cell(t->csv, row, col);
	if (row >= t->nrows)
		return "";
	return xlsxread_cell(t->sheet, t->rows[row], (uint32_t)col).text;
}

static int
tab_formula(const struct table *t, size_t row, size_t col)
{
	if (t->csv != NULL || row >= t->nrows)
		return 0;
	return xlsxread_cell(t->sheet, t->rows[row], (uint32_t)col).formula;
}

/* The file's line, or the sheet's 1-based row. */
static unsigned
tab_line(const struct table *t, size_t row)
{
	if (t->csv != NULL)
		return csvread_line(t->csv, row);
	return row < t->nrows ? t->rows[row] + 1 : 0;
}

static void
tab_free(struct table *t)
{
	csvread_free(t->csv);
	xlsxread_free(t->x);
	free(t->rows);
	free(t->ncols);
}

/* The first visible sheet of a workbook as a table. */
static int
tab_xlsx(struct table *t, const char *path, const char *file,
    const char **sheetname, struct diags *d)
{
	size_t		 i;
	uint32_t	 r, c, nr, last;

	if (xlsxread_open(&t->x, path, file) != 0) {
		diags_add(d, file, 0, 0, "%s", error_last());
		return NC_EINVALID;
	}
	for (i = 0; i < xlsxread_nsheets(t->x); i++) {
		if (xlsxread_sheet_state(t->x, i) == XLSXREAD_VISIBLE)
			break;
	}
	if (i == xlsxread_nsheets(t->x) ||
	    xlsxread_sheet(&t->sheet, t->x, i) != 0) {
		diags_add(d, file, 0, 0, "%s", i == xlsxread_nsheets(t->x) ?
		    "the workbook has no visible sheet" : error_last());
		return NC_EINVALID;
	}
	*sheetname = xlsxread_sheet_name(t->x, i);
	nr = xlsxread_nrows(t->sheet);
	t->rows = calloc((size_t)nr + 1, sizeof *t->rows);
	t->ncols = calloc((size_t)nr + 1, sizeof *t->ncols);
	if (t->rows == NULL || t->ncols == NULL)
		return error_set(NC_ENOMEM, "out of memory");
	for (r = 0; r < nr; r++) {
		last = 0;
		for (c = 0; c < xlsxread_ncols(t->sheet); c++) {
			if (xlsxread_cell(t->sheet, r, c).text[0] != '\0' ||
			    xlsxread_cell(t->sheet, r, c).formula)
				last = c + 1;
		}
		if (last == 0)
			continue;
		t->rows[t->nrows] = r;
		t->ncols[t->nrows++] = last;
	}
	if (t->nrows == 0) {
		diags_add(d, file, 0, 0, "the sheet '%s' is empty", *sheetname);
		return NC_EINVALID;
	}
	return 0;
}

/* The column of a header among the names given; -1 when none. */
static int
find_header(const struct table *c, size_t row, const char *const *names)
{
	size_t	i, k;

	for (i = 0; i < tab_ncols(c, row); i++) {
		for (k = 0; names[k] != NULL; k++) {
			if (strcmp(tab_cell(c, row, i), names[k]) == 0)
				return (int)i;
		}
	}
	return -1;
}

static int
rule_col(const struct rule_col *rc, const struct table *c, size_t hdr,
    int has_header)
{
	size_t	i;

	if (rc->col > 0)
		return (int)rc->col - 1;
	if (rc->header == NULL || !has_header)
		return -1;
	for (i = 0; i < tab_ncols(c, hdr); i++) {
		if (strcmp(tab_cell(c, hdr, i), rc->header) == 0)
			return (int)i;
	}
	return -2;
}

/* One submission being gathered from CSV rows. */
struct gather {
	struct ydoc		*doc;
	struct node		*root;
	struct node		*seq;		/* answers or responses */
	const struct ck_org	*org;
	struct strmap		*seen;		/* ref or respondent -> line */
	char			*key;
	unsigned		 line;
	struct gather		*next;
};

static void
gather_free(struct gather *g)
{
	struct gather	*n;

	for (; g != NULL; g = n) {
		n = g->next;
		ydoc_free(g->doc);
		strmap_free(g->seen);
		free(g->key);
		free(g);
	}
}

static struct gather *
gather_get(struct gather **list, struct strmap *map, const char *key,
    const struct ck_set *set, const struct ck_org *org, unsigned line)
{
	struct gather	*g, **tail;

	if ((g = strmap_get(map, key)) != NULL)
		return g;
	if ((g = calloc(1, sizeof *g)) == NULL ||
	    (g->key = strdup(key)) == NULL ||
	    (g->seen = strmap_new()) == NULL ||
	    (g->root = new_submission(&g->doc, set, org)) == NULL ||
	    (g->seq = node_seq(g->doc)) == NULL ||
	    node_map_set(g->doc, g->root, set->kind == CK_SELF ? "responses" :
	    "answers", g->seq) != 0 || strmap_put(map, g->key, g) != 0) {
		if (g != NULL) {
			g->next = NULL;
			gather_free(g);
		}
		return NULL;
	}
	g->org = org;
	g->line = line;
	/* keep file order */
	for (tail = list; *tail != NULL; tail = &(*tail)->next)
		;
	*tail = g;
	return g;
}

/* Map an answer through the rules' value table, then the item's labels. */
static int
answer_value(enum ck_value *v, const struct rules *ru,
    const struct ck_item *it, const char *text)
{
	size_t	i;

	for (i = 0; ru != NULL && i < ru->nvalues; i++) {
		if (strcmp(ru->values[i].text, text) == 0) {
			*v = ru->values[i].value;
			return 0;
		}
	}
	return ck_item_value_parse(v, it, text);
}

static int
import_table(struct ck_import *im, const char *path, const char *file,
    int xlsx, struct diags *d)
{
	static const char *const h_org[] = { "課コード", "課名", "org", NULL };
	static const char *const h_ref[] = { "項目番号", "ref", NULL };
	static const char *const h_val[] = { "回答", "value", NULL };
	static const char *const h_note[] = { "補足", "補足・改善予定", "note",
	    NULL };
	static const char *const h_resp[] = { "回答者番号", "respondent",
	    NULL };
	static const char *const h_contract[] = { "契約名", "contract", NULL };
	static const char *const h_stage[] = { "点検段階", "stage", NULL };
	static const char *const h_vendor[] = { "委託事業者等の名称", "vendor",
	    NULL };
	struct table		 tb, *c = &tb;
	struct buf		 where = BUF_INIT;
	const char		*sheetname = NULL;
	const struct rules	*ru = im->rules;
	const struct ck_set	*set = NULL;
	struct strmap		*groups = NULL;
	struct gather		*list = NULL, *g;
	struct pos		 p;
	struct buf		 key = BUF_INIT;
	enum ck_kind		 kind;
	enum ck_value		 v;
	const char		*enc;
	char			 val[4096], note[4096];
	int			 c_org, c_ref = -1, c_val = -1, c_note = -1,
				 c_resp = -1, c_contract = -1, c_stage = -1,
				 c_vendor = -1, *c_items = NULL,
				 *c_notes = NULL, r = 0;
	size_t			 row, first, hdr, i, nitems, n0 = d->n;
	int			 fy;

	memset(&p, 0, sizeof p);
	memset(&tb, 0, sizeof tb);
	p.path = file;
	if (im->opts.kind < 0 || im->opts.fy == 0) {
		diags_add(d, file, 0, 0, "a CSV file does not say what it"
		    " answers: give --kind and --fy (or kind and fy in the"
		    " rules file)");
		return NC_EINVALID;
	}
	kind = (enum ck_kind)im->opts.kind;
	fy = im->opts.fy;
	if (get_set(&set, im, kind, fy) != 0) {
		diags_add(d, file, 0, 0, "%s", error_last());
		return NC_EINVALID;
	}
	if (xlsx) {
		if ((r = tab_xlsx(&tb, path, file, &sheetname, d)) != 0)
			goto done;
		buf_printf(&where, "%s:%s", file, sheetname);
		if ((r = buf_ok(&where)) != 0)
			goto done;
		p.path = where.data;
		p.xlsx = 1;
	} else if (ru != NULL && ru->encoding >= 0) {
		char	*data = NULL;
		size_t	 len = 0;
		FILE	*fp;

		if ((fp = fopen(path, "rb")) == NULL) {
			diags_add(d, file, 0, 0, "cannot open the file");
			return NC_EINVALID;
		}
		fseek(fp, 0, SEEK_END);
		len = (size_t)ftell(fp);
		rewind(fp);
		if (len > CSVREAD_MAX_BYTES || (data = malloc(len + 1)) ==
		    NULL || fread(data, 1, len, fp) != len) {
			fclose(fp);
			free(data);
			diags_add(d, file, 0, 0, "cannot read the file (the"
			    " limit is %lu MB)", CSVREAD_MAX_BYTES >> 20);
			return NC_EINVALID;
		}
		fclose(fp);
		r = csvread_mem_enc(&tb.csv, data, len, (enum csvread_enc)
		    ru->encoding, file, d);
		free(data);
		if (r != 0)
			return NC_EINVALID;
	} else if (csvread_file(&tb.csv, path, file, d) != 0)
		return NC_EINVALID;
	enc = tb.csv != NULL ? csvread_encoding_name(csvread_encoding(tb.csv)) :
	    NULL;
	if ((groups = strmap_new()) == NULL) {
		r = NC_ENOMEM;
		goto done;
	}
	nitems = set->nitems;
	if ((c_items = calloc(nitems + 1, sizeof *c_items)) == NULL ||
	    (c_notes = calloc(nitems + 1, sizeof *c_notes)) == NULL) {
		r = error_set(NC_ENOMEM, "out of memory");
		goto done;
	}
	for (i = 0; i < nitems; i++)
		c_items[i] = c_notes[i] = -1;

	/* where the columns are */
	if (ru != NULL) {
		hdr = ru->skip > 0 ? ru->skip - 1 : 0;
		first = ru->skip;
		/* skipped lines that are blank were never rows */
		while (hdr > 0 && hdr >= tab_nrows(c))
			hdr--;
		c_org = rule_col(&ru->org, c, hdr, ru->skip > 0);
		c_resp = rule_col(&ru->respondent, c, hdr, ru->skip > 0);
		c_contract = rule_col(&ru->contract, c, hdr, ru->skip > 0);
		c_stage = rule_col(&ru->stage, c, hdr, ru->skip > 0);
		c_vendor = rule_col(&ru->vendor, c, hdr, ru->skip > 0);
		if (c_org < 0)
			diags_add(d, file, tab_line(c, hdr), 0, "no"
			    " column '%s' for the division (rules file '%s')",
			    ru->org.header ? ru->org.header : "?", ru->path);
		for (i = 0; i < ru->nitems; i++) {
			const struct ck_item	*it;
			int			 ac, nc;

			if ((it = ck_set_item(set, ru->items[i].ref)) ==
			    NULL) {
				diags_add(d, ru->path, 0, 0, "item '%s' is not"
				    " in the FY%d %s items", ru->items[i].ref,
				    fy, ck_kind_title(kind));
				continue;
			}
			ac = rule_col(&ru->items[i].answer, c, hdr,
			    ru->skip > 0);
			nc = rule_col(&ru->items[i].note, c, hdr,
			    ru->skip > 0);
			if (ac == -2 || (ru->items[i].note.header != NULL &&
			    nc == -2))
				diags_add(d, file, tab_line(c, hdr), 0,
				    "no column '%s' for item %s",
				    ac == -2 ? ru->items[i].answer.header :
				    ru->items[i].note.header, it->ref);
			c_items[it->index] = ac;
			c_notes[it->index] = nc;
		}
		if (kind == CK_VENDOR && (c_contract < 0 || c_stage < 0))
			diags_add(d, ru->path, 0, 0, "a vendor checklist needs"
			    " 'contract' and 'stage' rules");
	} else {
		hdr = 0;
		first = 1;
		c_org = find_header(c, 0, h_org);
		if (c_org < 0)
			diags_add(d, file, tab_line(c, 0), 0, "no column"
			    " 課コード (or 課名) in the header");
		if (kind == CK_SELF) {
			c_resp = find_header(c, 0, h_resp);
			for (i = 0; i < tab_ncols(c, 0); i++) {
				const struct ck_item *it = ck_set_item(set,
				    tab_cell(c, 0, i));

				if (it != NULL)
					c_items[it->index] = (int)i;
			}
		} else {
			c_ref = find_header(c, 0, h_ref);
			c_val = find_header(c, 0, h_val);
			c_note = find_header(c, 0, h_note);
			if (c_ref < 0 || c_val < 0)
				diags_add(d, file, tab_line(c, 0), 0,
				    "the header needs columns 項目番号 and"
				    " 回答");
			if (kind == CK_VENDOR) {
				c_contract = find_header(c, 0, h_contract);
				c_stage = find_header(c, 0, h_stage);
				c_vendor = find_header(c, 0, h_vendor);
				if (c_contract < 0 || c_stage < 0)
					diags_add(d, file, tab_line(c, 0),
					    0, "the header needs columns 契約名"
					    " and 点検段階");
			}
		}
	}
	if (kind == CK_SELF || ru != NULL) {
		for (i = 0; i < nitems; i++) {
			if (c_items[i] < 0 && (kind == CK_SELF || ru ==
			    NULL))
				diags_add(d, file, tab_line(c, hdr), 0,
				    "no column for item %s",
				    set->items[i].ref);
		}
	}
	if (d->n > n0)
		goto bad;

	for (row = first; row < tab_nrows(c); row++) {
		const struct ck_org	*org;
		size_t			 ncols = tab_ncols(c, row);
		char			 orgtext[256];

		p.line = tab_line(c, row);
		p.col = 0;
		if (tb.csv != NULL && ncols != tab_ncols(c, hdr) &&
		    (ru == NULL ||
		    ru->skip > 0)) {
			problem(d, &p, "the row has %zu fields; the header"
			    " has %zu", ncols, tab_ncols(c, hdr));
			continue;
		}
		p.col = (unsigned)c_org + 1;
		trim(orgtext, sizeof orgtext, tab_cell(c, row,
		    (size_t)c_org));
		if ((org = ck_orgs_find(im->orgs, orgtext)) == NULL) {
			if (ck_orgs_ambiguous(im->orgs, orgtext))
				problem(d, &p, "division name '%s' is shared"
				    " by several divisions: use the code",
				    orgtext);
			else
				problem(d, &p, "division '%s' is not in"
				    " orgs.yaml", orgtext);
			continue;
		}
		buf_reset(&key);
		buf_puts(&key, org->code);
		if (kind == CK_VENDOR) {
			buf_putc(&key, '\x1f');
			buf_puts(&key, tab_cell(c, row,
			    (size_t)c_contract));
			buf_putc(&key, '\x1f');
			buf_puts(&key, tab_cell(c, row, (size_t)c_stage));
		}
		if ((r = buf_ok(&key)) != 0)
			goto done;
		if ((g = gather_get(&list, groups, key.data, set, org,
		    p.line)) == NULL) {
			r = NC_ENOMEM;
			goto done;
		}
		if (kind == CK_VENDOR && node_get(g->root, "contract") ==
		    NULL) {
			static const int	 keys[] = { 0, 1, 3 };
			const struct ck_field	*fl;
			size_t			 nf;
			int			 cols[3] = { c_contract,
						    c_vendor, c_stage };

			fl = ck_fields(CK_VENDOR, &nf);
			for (i = 0; i < 3; i++) {
				if (cols[i] < 0)
					continue;
				p.col = (unsigned)cols[i] + 1;
				set_field(g->doc, g->root, &fl[keys[i]],
				    tab_cell(c, row, (size_t)cols[i]), 0,
				    0, 0, &p, d);
			}
		}
		if (kind == CK_SELF) {
			struct node	*m, *ans;
			char		 rid[64];

			if (c_resp >= 0)
				trim(rid, sizeof rid, tab_cell(c, row,
				    (size_t)c_resp));
			else
				snprintf(rid, sizeof rid, "l%u", p.line);
			p.col = c_resp >= 0 ? (unsigned)c_resp + 1 : 0;
			if (rid[0] == '\0') {
				problem(d, &p, "no respondent number");
				continue;
			}
			if (check_text(d, &p, "the respondent number", rid,
			    c_resp >= 0 && tab_formula(c, row, (size_t)c_resp))
			    != 0)
				continue;
			if (strmap_get(g->seen, rid) != NULL) {
				problem(d, &p, "respondent '%s' of %s appears"
				    " twice", rid, org->name);
				continue;
			}
			if ((m = node_map(g->doc)) == NULL ||
			    (ans = node_seq(g->doc)) == NULL ||
			    node_map_set_str(g->doc, m, "respondent", rid) !=
			    0 || node_map_set(g->doc, m, "answers", ans) != 0 ||
			    node_seq_push(g->doc, g->seq, m) != 0 ||
			    strmap_put(g->seen, node_get_str(m, "respondent"),
			    g) != 0) {
				r = NC_ENOMEM;
				goto done;
			}
			for (i = 0; i < nitems; i++) {
				p.col = (unsigned)c_items[i] + 1;
				trim(val, sizeof val, tab_cell(c, row,
				    (size_t)c_items[i]));
				if (val[0] == '\0') {
					problem(d, &p, "respondent %s did not"
					    " answer item %s", rid,
					    set->items[i].ref);
					continue;
				}
				if (check_text(d, &p, "the answer", val,
				    tab_formula(c, row, (size_t)c_items[i])) != 0)
					continue;
				if (answer_value(&v, ru, &set->items[i], val)
				    != 0) {
					problem(d, &p, "item %s: %s",
					    set->items[i].ref, error_last());
					continue;
				}
				if (add_answer(g->doc, ans, set->items[i].ref,
				    v, NULL) != 0) {
					r = NC_ENOMEM;
					goto done;
				}
			}
			continue;
		}
		if (ru != NULL) {
			/* wide: one row holds the division's answers */
			for (i = 0; i < nitems; i++) {
				const struct ck_item	*it = &set->items[i];

				if (c_items[i] < 0)
					continue;
				p.col = (unsigned)c_items[i] + 1;
				trim(val, sizeof val, tab_cell(c, row,
				    (size_t)c_items[i]));
				note[0] = '\0';
				if (c_notes[i] >= 0)
					trim(note, sizeof note, tab_cell(c,
					    row, (size_t)c_notes[i]));
				if (val[0] == '\0')
					continue;
				if (strmap_get(g->seen, it->ref) != NULL) {
					problem(d, &p, "%s answers item %s"
					    " twice", org->name, it->ref);
					continue;
				}
				if (check_text(d, &p, "the answer", val,
				    tab_formula(c, row, (size_t)c_items[i])) != 0 ||
				    (note[0] != '\0' && check_text(d, &p,
				    "the note", note, 0) != 0))
					continue;
				if (answer_value(&v, ru, it, val) != 0) {
					problem(d, &p, "item %s: %s", it->ref,
					    error_last());
					continue;
				}
				strmap_put(g->seen, it->ref, g);
				if (add_answer(g->doc, g->seq, it->ref, v,
				    note) != 0) {
					r = NC_ENOMEM;
					goto done;
				}
			}
			continue;
		}
		/* long: one row per answer */
		{
			const struct ck_item	*it;
			char			 ref[64];

			p.col = (unsigned)c_ref + 1;
			trim(ref, sizeof ref, tab_cell(c, row,
			    (size_t)c_ref));
			if ((it = ck_set_item(set, ref)) == NULL) {
				problem(d, &p, "item '%s' is not in the FY%d"
				    " %s items", ref, fy, ck_kind_title(kind));
				continue;
			}
			if (strmap_get(g->seen, it->ref) != NULL) {
				problem(d, &p, "%s answers item %s twice",
				    org->name, it->ref);
				continue;
			}
			strmap_put(g->seen, it->ref, g);
			p.col = (unsigned)c_val + 1;
			trim(val, sizeof val, tab_cell(c, row,
			    (size_t)c_val));
			note[0] = '\0';
			if (c_note >= 0)
				trim(note, sizeof note, tab_cell(c, row,
				    (size_t)c_note));
			if (val[0] == '\0') {
				problem(d, &p, "item %s has no answer",
				    it->ref);
				continue;
			}
			if (check_text(d, &p, "the answer", val,
			    tab_formula(c, row, (size_t)c_val)) != 0)
				continue;
			if (c_note >= 0)
				p.col = (unsigned)c_note + 1;
			if (note[0] != '\0' && check_text(d, &p, "the note",
			    note, 0) != 0)
				continue;
			p.col = (unsigned)c_val + 1;
			if (ck_item_value_parse(&v, it, val) != 0) {
				problem(d, &p, "item %s: %s", it->ref,
				    error_last());
				continue;
			}
			if (add_answer(g->doc, g->seq, it->ref, v, note) != 0) {
				r = NC_ENOMEM;
				goto done;
			}
		}
	}
	/* every submission answers every item that applies */
	if (kind != CK_SELF) {
		for (g = list; g != NULL; g = g->next) {
			enum ck_stage	sg = CK_BEFORE;
			int		hs = 0;

			if (kind == CK_VENDOR && node_get_str(g->root,
			    "stage") != NULL)
				hs = ck_stage_parse(&sg, node_get_str(g->root,
				    "stage")) == 0;
			for (i = 0; i < nitems; i++) {
				const struct ck_item	*it = &set->items[i];

				if (kind == CK_VENDOR && hs &&
				    !(it->stages & (1u << sg)))
					continue;
				if (strmap_get(g->seen, it->ref) == NULL) {
					p.line = g->line;
					p.col = 0;
					problem(d, &p, "%s has no answer to"
					    " item %s", g->org->name, it->ref);
				}
			}
		}
	}
	if (d->n > n0)
		goto bad;
	p.col = 0;
	for (g = list; g != NULL; g = g->next) {
		p.line = g->line;
		r = hold(im, g->doc, set, g->org, file, enc, &p, d);
		g->doc = NULL;
		if (r != 0)
			goto done;
	}
	goto done;
bad:
	r = NC_EINVALID;
done:
	free(c_items);
	free(c_notes);
	buf_free(&key);
	gather_free(list);
	strmap_free(groups);
	tab_free(&tb);
	buf_free(&where);
	return r;
}

static int
has_suffix(const char *s, const char *suf)
{
	size_t	n = strlen(s), m = strlen(suf);

	return n >= m && strcasecmp(s + n - m, suf) == 0;
}

int
ck_import_file(struct ck_import *im, const char *path, struct diags *d)
{
	size_t	n0 = im->n, d0 = d->n;
	int	r;

	/* a workbook with a rules file is a survey export, not a form */
	if (has_suffix(path, ".xlsx") && im->rules == NULL)
		r = import_xlsx(im, path, path, d);
	else if (has_suffix(path, ".xlsx"))
		r = import_table(im, path, path, 1, d);
	else if (has_suffix(path, ".csv") || has_suffix(path, ".txt"))
		r = import_table(im, path, path, 0, d);
	else {
		diags_add(d, path, 0, 0, "not a .xlsx or .csv file");
		r = NC_EINVALID;
	}
	if (r != 0 || d->n > d0) {
		drop_from(im, n0);
		if (rebuild_index(im) != 0)
			return NC_ENOMEM;
		if (r == NC_ENOMEM)
			return r;
		return error_set(NC_EINVALID, "'%s' has errors; nothing was"
		    " taken from it", path);
	}
	/* the array may have moved: point the index at it again */
	return rebuild_index(im);
}

/* ---- commit ---- */

static const char *
value_label_of(const char *name)
{
	enum ck_value	v;

	for (v = 0; v < CK_NVALUES; v++) {
		if (strcmp(name, ck_value_name(v)) == 0)
			return ck_value_label(v);
	}
	return name;
}

/* Changes between two answer lists, as lines "ref: old → new". */
static int
diff_answers(struct buf *out, const char *who, const struct node *old,
    const struct node *new)
{
	struct strmap	*m;
	const struct node *a, *b;
	const char	*ov, *nv, *on, *nn;
	size_t		 i;

	if ((m = strmap_new()) == NULL)
		return NC_ENOMEM;
	for (i = 0; old != NULL && old->kind == NODE_SEQ && i < old->n; i++) {
		a = old->u.items[i];
		if (node_get_str(a, "ref") != NULL &&
		    strmap_put(m, node_get_str(a, "ref"), (void *)a) != 0)
			goto nomem;
	}
	for (i = 0; new != NULL && i < new->n; i++) {
		const char	*ref;

		b = new->u.items[i];
		ref = node_get_str(b, "ref");
		a = strmap_get(m, ref);
		nv = node_get_str(b, "value");
		nn = node_get_str(b, "note");
		if (a == NULL) {
			buf_printf(out, "%s%s: （なし） → %s\n", who, ref,
			    value_label_of(nv));
			continue;
		}
		ov = node_get_str(a, "value");
		on = node_get_str(a, "note");
		if (ov == NULL || strcmp(ov, nv) != 0)
			buf_printf(out, "%s%s: %s → %s\n", who, ref,
			    ov ? value_label_of(ov) : "（なし）",
			    value_label_of(nv));
		if ((on == NULL) != (nn == NULL) || (on != NULL &&
		    strcmp(on, nn) != 0))
			buf_printf(out, "%s%s: 補足を%s\n", who, ref,
			    nn == NULL ? "削除" : on == NULL ? "追加" : "変更");
		/* mark as seen */
		strmap_put(m, ref, NULL);
	}
	for (i = 0; old != NULL && old->kind == NODE_SEQ && i < old->n; i++) {
		a = old->u.items[i];
		if (node_get_str(a, "ref") != NULL &&
		    strmap_get(m, node_get_str(a, "ref")) != NULL)
			buf_printf(out, "%s%s: %s → （なし）\n", who,
			    node_get_str(a, "ref"),
			    value_label_of(node_get_str(a, "value")));
	}
	strmap_free(m);
	return buf_ok(out);
nomem:
	strmap_free(m);
	return NC_ENOMEM;
}

static int
diff_responses(struct buf *out, const struct node *old, const struct node *new)
{
	struct strmap	*m;
	const struct node *a, *b;
	struct buf	 who = BUF_INIT;
	size_t		 i, added = 0, removed = 0;
	int		 r;

	if ((m = strmap_new()) == NULL)
		return NC_ENOMEM;
	for (i = 0; old != NULL && old->kind == NODE_SEQ && i < old->n; i++) {
		a = old->u.items[i];
		if (strmap_put(m, node_get_str(a, "respondent"), (void *)a) !=
		    0) {
			strmap_free(m);
			return NC_ENOMEM;
		}
	}
	for (i = 0; new != NULL && i < new->n; i++) {
		const char	*rid;

		b = new->u.items[i];
		rid = node_get_str(b, "respondent");
		if ((a = strmap_get(m, rid)) == NULL) {
			added++;
			continue;
		}
		buf_reset(&who);
		buf_printf(&who, "%s ", rid);
		if ((r = buf_ok(&who)) != 0 || (r = diff_answers(out, who.data,
		    node_get(a, "answers"), node_get(b, "answers"))) != 0) {
			buf_free(&who);
			strmap_free(m);
			return r;
		}
		strmap_put(m, rid, NULL);
	}
	for (i = 0; old != NULL && old->kind == NODE_SEQ && i < old->n; i++) {
		if (strmap_get(m, node_get_str(old->u.items[i],
		    "respondent")) != NULL)
			removed++;
	}
	if (added > 0)
		buf_printf(out, "回答者 %zu 人を追加\n", added);
	if (removed > 0)
		buf_printf(out, "回答者 %zu 人を削除\n", removed);
	buf_free(&who);
	strmap_free(m);
	return buf_ok(out);
}

static const char *const scalar_keys[] = {
	"catalog", "catalog_version", "respondent", "submitted", "staff_total",
	"contract", "vendor", "vendor_type", "contract_from", "contract_to",
	"stage", "personal_info", NULL
};

static int
changes(struct buf *out, const struct node *old, const struct node *new,
    enum ck_kind kind)
{
	const char	*a, *b;
	size_t		 i;

	for (i = 0; scalar_keys[i] != NULL; i++) {
		a = node_get_str(old, scalar_keys[i]);
		b = node_get_str(new, scalar_keys[i]);
		if ((a == NULL) != (b == NULL) || (a != NULL &&
		    strcmp(a, b) != 0))
			buf_printf(out, "%s: %s → %s\n", scalar_keys[i],
			    a ? a : "（なし）", b ? b : "（なし）");
	}
	if (kind == CK_SELF)
		return diff_responses(out, node_get(old, "responses"),
		    node_get(new, "responses"));
	return diff_answers(out, "", node_get(old, "answers"),
	    node_get(new, "answers"));
}

static const char *
base_name(const char *p)
{
	const char	*s = strrchr(p, '/');

	return s == NULL ? p : s + 1;
}

static int
set_source(struct ydoc *doc, struct node *root, const struct pending *p)
{
	struct node	*src;
	char		 now[CLOCK_ISO_MAX];

	clock_iso(now);
	if ((src = node_map(doc)) == NULL ||
	    node_map_set_str(doc, src, "file", base_name(p->file)) != 0 ||
	    node_map_set_str(doc, src, "imported", now) != 0 ||
	    node_map_set(doc, root, "source", src) != 0)
		return NC_ENOMEM;
	return 0;
}

static char *
key_of(const struct node *root)
{
	struct buf	 b = BUF_INIT;
	const char	*k = node_get_str(root, "kind");
	const char	*fy = node_get_str(root, "fy");
	const char	*org = node_get_str(root, "org");

	buf_printf(&b, "%s\x1f%s\x1f%s", k ? k : "", fy ? fy : "",
	    org ? org : "");
	if (k != NULL && strcmp(k, "vendor") == 0) {
		k = node_get_str(root, "contract");
		fy = node_get_str(root, "stage");
		buf_printf(&b, "\x1f%s\x1f%s", k ? k : "", fy ? fy : "");
	}
	return buf_detach(&b, NULL);
}

struct held {
	struct record	**recs;
	size_t		  n;
	char		**keys;
	struct strmap	 *bykey;
};

static void
held_free(struct held *h)
{
	size_t	i;

	for (i = 0; i < h->n; i++) {
		record_free(h->recs[i]);
		free(h->keys[i]);
	}
	free(h->recs);
	free(h->keys);
	strmap_free(h->bykey);
}

/* The checklist records of the fiscal years in the batch, by key. */
static int
load_held(struct held *h, struct ck_import *im, struct diags *d)
{
	struct reclist	 l = RECLIST_INIT;
	int		 fys[16], nfy = 0, r = 0, k;
	size_t		 i, j;

	memset(h, 0, sizeof *h);
	if ((h->bykey = strmap_new()) == NULL)
		return NC_ENOMEM;
	for (i = 0; i < im->n; i++) {
		for (k = 0; k < nfy; k++) {
			if (fys[k] == im->v[i].set->fy)
				break;
		}
		if (k == nfy && nfy < 16)
			fys[nfy++] = im->v[i].set->fy;
	}
	for (k = 0; k < nfy; k++) {
		if ((r = store_scan(&l, im->st, im->schema, fys[k], d)) != 0)
			return r;
		h->recs = realloc(h->recs, (h->n + l.n + 1) * sizeof *h->recs);
		h->keys = realloc(h->keys, (h->n + l.n + 1) * sizeof *h->keys);
		if (h->recs == NULL || h->keys == NULL) {
			reclist_free(&l);
			return error_set(NC_ENOMEM, "out of memory");
		}
		for (j = 0; j < l.n; j++) {
			if ((r = record_load(&h->recs[h->n], im->st, &l.v[j],
			    d)) != 0) {
				reclist_free(&l);
				return r;
			}
			h->keys[h->n] = key_of(record_root(h->recs[h->n]));
			if (h->keys[h->n] == NULL) {
				record_free(h->recs[h->n]);
				reclist_free(&l);
				return NC_ENOMEM;
			}
			/* a later duplicate is for lint; keep the first */
			if (strmap_get(h->bykey, h->keys[h->n]) == NULL &&
			    strmap_put(h->bykey, h->keys[h->n],
			    h->recs[h->n]) != 0) {
				h->n++;
				reclist_free(&l);
				return NC_ENOMEM;
			}
			h->n++;
		}
		reclist_free(&l);
	}
	return 0;
}

/* Replace the imported fields of rec with those of the submission. */
static int
replace(struct record *rec, const struct pending *p)
{
	struct ydoc	*doc = rec->doc;
	struct node	*root = record_root(rec), *nr = ydoc_root(p->doc),
			*n;
	size_t		 i;

	for (i = 0; scalar_keys[i] != NULL; i++) {
		if ((n = node_get(nr, scalar_keys[i])) == NULL)
			node_map_remove(root, scalar_keys[i]);
		else if ((n = node_copy(doc, n)) == NULL ||
		    node_map_set(doc, root, scalar_keys[i], n) != 0)
			return NC_ENOMEM;
	}
	node_map_remove(root, "answers");
	node_map_remove(root, "responses");
	if ((n = node_get(nr, "answers")) != NULL && ((n = node_copy(doc,
	    n)) == NULL || node_map_set(doc, root, "answers", n) != 0))
		return NC_ENOMEM;
	if ((n = node_get(nr, "responses")) != NULL && ((n = node_copy(doc,
	    n)) == NULL || node_map_set(doc, root, "responses", n) != 0))
		return NC_ENOMEM;
	return set_source(doc, root, p);
}

int
ck_import_commit(struct ck_import *im, int dry_run,
    void (*progress)(size_t, size_t, void *), void *arg, struct diags *d)
{
	struct held	 h;
	struct buf	 ch = BUF_INIT;
	struct record	*rec;
	struct ck_result *res;
	char		*key, *id, *rel;
	size_t		 i;
	int		 r;

	if ((r = load_held(&h, im, d)) != 0)
		goto done;
	if ((im->res = calloc(im->n + 1, sizeof *im->res)) == NULL) {
		r = error_set(NC_ENOMEM, "out of memory");
		goto done;
	}
	for (i = 0; i < im->n; i++) {
		struct pending	*p = &im->v[i];

		res = &im->res[im->nres++];
		res->file = p->file;
		res->encoding = p->encoding;
		res->org = p->org->code;
		res->org_name = p->org->name;
		res->what = p->what;
		if ((key = key_of(ydoc_root(p->doc))) == NULL) {
			r = NC_ENOMEM;
			goto done;
		}
		rec = strmap_get(h.bykey, key);
		free(key);
		buf_reset(&ch);
		if (rec != NULL) {
			if ((r = changes(&ch, record_root(rec),
			    ydoc_root(p->doc), p->set->kind)) != 0)
				goto done;
			res->id = strdup(record_id(rec));
			if (ch.len == 0) {
				res->outcome = CK_UNCHANGED;
			} else {
				res->outcome = CK_UPDATED;
				res->changes = buf_detach(&ch, NULL);
				if (!dry_run && ((r = replace(rec, p)) != 0 ||
				    (r = record_save(im->st, rec, d)) != 0))
					goto done;
			}
		} else {
			res->outcome = CK_NEW;
			if (!dry_run) {
				if ((r = set_source(p->doc, ydoc_root(p->doc),
				    p)) != 0 || (r = record_create(&id, &rel,
				    im->st, im->schema, p->doc, d)) != 0)
					goto done;
				res->id = id;
				free(rel);
			}
		}
		if (progress != NULL)
			progress(i + 1, im->n, arg);
	}
done:
	buf_free(&ch);
	held_free(&h);
	return r;
}

size_t
ck_import_nresults(const struct ck_import *im)
{
	return im->nres;
}

const struct ck_result *
ck_import_result(const struct ck_import *im, size_t i)
{
	return i < im->nres ? &im->res[i] : NULL;
}
