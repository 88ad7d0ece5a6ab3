/*
 * Checklist import: returned .xlsx forms, CSV files and survey exports
 * (through a rules file) to checklist records.
 *
 * Each file is read whole and every problem in it is reported with its
 * position (the first RULES_MAX_PROBLEMS of a file listed, the rest
 * counted) before anything is written; a file with a problem adds no
 * submission.  CSV files and survey exports go through the rules engine
 * of lib/io (rules.h): with the user's rules file, or with the built-in
 * rules of the two plain CSV layouts.  Forms are read cell by cell: their
 * layout is our own.
 *
 * A submission is held compact until the commit -- its particulars, and
 * one byte per answer, text in the file's string pool -- and checked
 * against the schema (and the My Number guard) as the record it will be,
 * so the commit cannot fail on content.  The commit builds each record in
 * turn, compares it with the record held for the same division (and
 * contract and stage), and creates, replaces or leaves it, holding the
 * lock from the read to the write; one record is in memory at a time, so
 * an import holds little more than its own files, whatever the history.
 */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "cal.h"
#include "checklist.h"
#include "checklist_int.h"
#include "clock.h"
#include "csvread.h"
#include "error.h"
#include "guard.h"
#include "i18n.h"
#include "node.h"
#include "parse.h"
#include "record.h"
#include "rules.h"
#include "schema.h"
#include "store.h"
#include "strmap.h"
#include "strpool.h"
#include "text.h"
#include "xlsxread.h"

#define MAXSETS		8
#define MAXFIELDS	8	/* particulars of a kind (ck_fields) */
#define NOVALUE		0xff

/*
 * A returned form is small -- 提出情報 about ten rows, 点検項目 about
 * fifty-five rows of six columns, a self check's 回答 sheet
 * CK_FORM_STAFF_ROWS to CK_FORM_STAFF_MAX rows of a dozen columns -- so a
 * workbook far beyond that is not one of our forms, whatever its name.
 */
static const struct io_limits form_limits = {
	0,			/* file: the default, 32 MB */
	16ULL * 1024 * 1024,	/* unpacked */
	5000,			/* rows */
	256,			/* columns */
	200000,			/* cells */
	0,			/* field length: the default */
};

/* One file of the batch: its name and the text of its submissions. */
struct ckfile {
	char		*path;
	const char	*encoding;
	struct strpool	 pool;
};

struct ans {
	uint32_t	 item;
	uint8_t		 value;		/* enum ck_value */
	const char	*note;		/* or NULL */
};

/* A submission, held until the commit. */
struct sub {
	struct ckfile		*file;
	const struct ck_set	*set;
	const struct ck_org	*org;
	unsigned		 line;		/* where it starts */
	const char		*key;
	const char		*what;		/* contract (stage), or NULL */
	const char		*field[MAXFIELDS];	/* by ck_fields() */
	/* department, vendor: answers in the order given */
	struct ans		*ans;
	size_t			 nans, capans;
	uint32_t		*answered;	/* per item: 1 + index in ans */
	/* self: respondents, with one value per item each */
	const char		**resp;
	uint8_t			*vals;
	size_t			 nresp, capresp;
	struct strmap		*seen;		/* respondent -> sub */
};

struct ck_import {
	struct store		*st;
	struct ck_import_opts	 opts;
	const struct schema	*schema;
	struct checker		*checker;
	struct ck_orgs		*orgs;
	struct ck_set		*sets[MAXSETS];
	size_t			 nsets;
	struct ckfile		**files;
	size_t			 nfiles;
	struct sub		**v;
	size_t			 n, cap;
	struct strmap		*bykey;
	struct ck_result	*res;
	size_t			 nres;
	size_t			 ndone;		/* of them, committed */
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
problem(struct rules_report *rep, const struct pos *p, const char *fmt, ...)
    NC_PRINTF(3, 4);

static void
problem(struct rules_report *rep, const struct pos *p, const char *fmt, ...)
{
	char	msg[1024];
	va_list	ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, _(fmt), ap);
	va_end(ap);
	rules_report_add(rep, p->path, p->line, p->col, p->xlsx, "%s", msg);
}

/* ---- submissions ---- */

static void
sub_free(struct sub *s)
{
	if (s == NULL)
		return;
	free(s->ans);
	free(s->answered);
	free(s->resp);
	free(s->vals);
	strmap_free(s->seen);
	free(s);
}

static struct sub *
sub_new(struct ckfile *file, const struct ck_set *set,
    const struct ck_org *org, unsigned line)
{
	struct sub	*s;

	if ((s = calloc(1, sizeof *s)) == NULL ||
	    (s->answered = calloc(set->nitems + 1, sizeof *s->answered)) ==
	    NULL || (set->kind == CK_SELF && (s->seen = strmap_new()) ==
	    NULL)) {
		sub_free(s);
		error_set(NC_ENOMEM, "out of memory");
		return NULL;
	}
	s->file = file;
	s->set = set;
	s->org = org;
	s->line = line;
	return s;
}

/* Text kept for the submission: in its file's pool. */
static const char *
keep(struct sub *s, const char *text, size_t len)
{
	return strpool_add(&s->file->pool, text, len);
}

static int
add_answer(struct sub *s, size_t item, enum ck_value v, const char *note)
{
	struct ans	*a;
	size_t		 cap;

	if (s->nans == s->capans) {
		cap = s->capans == 0 ? 64 : s->capans * 2;
		if ((a = realloc(s->ans, cap * sizeof *a)) == NULL)
			return error_set(NC_ENOMEM, "out of memory");
		s->ans = a;
		s->capans = cap;
	}
	s->ans[s->nans].item = (uint32_t)item;
	s->ans[s->nans].value = (uint8_t)v;
	s->ans[s->nans].note = note;
	s->nans++;
	s->answered[item] = (uint32_t)s->nans;
	return 0;
}

/* A new respondent; its values are NOVALUE until set. */
static int
add_respondent(struct sub *s, const char *id)
{
	size_t		 n = s->set->nitems, cap;
	const char	**r;
	uint8_t		*v;

	if (s->nresp == s->capresp) {
		cap = s->capresp == 0 ? 64 : s->capresp * 2;
		if ((r = realloc(s->resp, cap * sizeof *r)) == NULL)
			return error_set(NC_ENOMEM, "out of memory");
		s->resp = r;
		if ((v = realloc(s->vals, cap * (n ? n : 1))) == NULL)
			return error_set(NC_ENOMEM, "out of memory");
		s->vals = v;
		s->capresp = cap;
	}
	s->resp[s->nresp] = id;
	memset(s->vals + s->nresp * n, NOVALUE, n);
	s->nresp++;
	return strmap_put(s->seen, id, s);
}

/* Start a submission's record tree in doc. */
static struct node *
new_submission(struct ydoc *doc, const struct ck_set *set,
    const struct ck_org *org)
{
	struct node	*root;
	char		 fy[16], ver[16], title[256], label[CAL_FMT_MAX];

	if ((root = node_map(doc)) == NULL) {
		error_set(NC_ENOMEM, "out of memory");
		return NULL;
	}
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
	    node_map_set_str(doc, root, "catalog_version", ver) != 0)
		return NULL;
	return root;
}

/*
 * The answers of a submission are few distinct maps repeated: a
 * self check of 1,000 staff is 10,000 answers of ten items, each yes, no
 * or na.  An answer without a note is one map per item and value, made
 * once and pointed to from every list that holds it (the tree's nodes
 * live in the document's arena and are freed with it, so sharing is
 * safe; schema_normalize() visits a shared map once per list and leaves
 * it as it was after the first visit, and nothing else changes the
 * nodes of an answer).  This saves two scalars and a map per answer, a
 * third of the import's instructions at 100,000 rows.
 */
struct answers {
	struct ydoc		*doc;
	const struct ck_set	*set;
	struct node		**maps;	/* [item * CK_NVALUES + value] */
};

static int
answers_init(struct answers *a, struct ydoc *doc, const struct ck_set *set)
{
	a->doc = doc;
	a->set = set;
	if ((a->maps = calloc(set->nitems * CK_NVALUES + 1,
	    sizeof *a->maps)) == NULL)
		return error_set(NC_ENOMEM, "out of memory");
	return 0;
}

static int
answer_push(struct answers *a, struct node *seq, size_t item,
    enum ck_value v, const char *note)
{
	struct ydoc	*doc = a->doc;
	struct node	*m, **slot;

	slot = &a->maps[item * CK_NVALUES + v];
	if ((note == NULL || *note == '\0') && *slot != NULL)
		return node_seq_push(doc, seq, *slot);
	if ((m = node_map(doc)) == NULL ||
	    node_map_set_str(doc, m, "ref", a->set->items[item].ref) != 0 ||
	    node_map_set_str(doc, m, "value", ck_value_name(v)) != 0 ||
	    (note != NULL && *note != '\0' &&
	    node_map_set_str(doc, m, "note", note) != 0) ||
	    node_seq_push(doc, seq, m) != 0)
		return NC_ENOMEM;
	if (note == NULL || *note == '\0')
		*slot = m;
	return 0;
}

static int
responses_nodes(struct answers *a, struct node *root, const struct sub *s)
{
	struct ydoc		*doc = a->doc;
	const struct ck_set	*set = s->set;
	struct node		*seq, *m, *ans;
	size_t			 i, k;

	if ((seq = node_seq(doc)) == NULL ||
	    node_map_set(doc, root, "responses", seq) != 0)
		return NC_ENOMEM;
	for (i = 0; i < s->nresp; i++) {
		if ((m = node_map(doc)) == NULL || (ans = node_seq(doc)) ==
		    NULL || node_map_set_str(doc, m, "respondent",
		    s->resp[i]) != 0 || node_map_set(doc, m, "answers",
		    ans) != 0 || node_seq_push(doc, seq, m) != 0)
			return NC_ENOMEM;
		for (k = 0; k < set->nitems; k++) {
			if (s->vals[i * set->nitems + k] == NOVALUE)
				continue;
			if (answer_push(a, ans, k,
			    (enum ck_value)s->vals[i * set->nitems + k],
			    NULL) != 0)
				return NC_ENOMEM;
		}
	}
	return 0;
}

/*
 * The record a submission becomes, built in doc.  With kind, its
 * particulars are normalised to the schema (record_create() and
 * record_save() normalise what they write themselves; this is for
 * checking it first): before the answers are added, as normalising them
 * changes nothing -- they are built as texts, which their schemas take,
 * with their keys in the schema's order -- and walking them cost as much
 * as checking them.
 */
static struct node *
sub_root(struct ydoc *doc, const struct sub *s, const struct schema *kind)
{
	const struct ck_field	*fields;
	struct answers		 a;
	struct node		*root, *seq;
	size_t			 nf, i;

	a.maps = NULL;
	if ((root = new_submission(doc, s->set, s->org)) == NULL)
		goto nomem;
	fields = ck_fields(s->set->kind, &nf);
	for (i = 0; i < nf && i < MAXFIELDS; i++) {
		if (s->field[i] != NULL && node_map_set_str(doc, root,
		    fields[i].key, s->field[i]) != 0)
			goto nomem;
	}
	if (kind != NULL && schema_normalize(kind, root) != 0)
		return NULL;
	if (answers_init(&a, doc, s->set) != 0)
		return NULL;
	if (s->set->kind == CK_SELF) {
		if (responses_nodes(&a, root, s) != 0)
			goto nomem;
	} else {
		if ((seq = node_seq(doc)) == NULL ||
		    node_map_set(doc, root, "answers", seq) != 0)
			goto nomem;
		for (i = 0; i < s->nans; i++) {
			if (answer_push(&a, seq, s->ans[i].item,
			    (enum ck_value)s->ans[i].value, s->ans[i].note) !=
			    0)
				goto nomem;
		}
	}
	free(a.maps);
	return root;
nomem:
	free(a.maps);
	error_set(NC_ENOMEM, "out of memory");
	return NULL;
}

/* The same in a document of its own. */
static int
sub_doc(struct ydoc **out, const struct sub *s, const struct schema *kind)
{
	struct ydoc	*doc;
	struct node	*root;

	*out = NULL;
	if ((doc = ydoc_new()) == NULL)
		return error_set(NC_ENOMEM, "out of memory");
	if ((root = sub_root(doc, s, kind)) == NULL) {
		ydoc_free(doc);
		return NC_ENOMEM;
	}
	ydoc_set_root(doc, root);
	*out = doc;
	return 0;
}

/* ---- the batch ---- */

static int	rules_file_load(struct rules **, int *, int *, const char *,
		    struct diags *);

int
ck_import_new(struct ck_import **out, struct store *st,
    const struct ck_import_opts *opts, struct diags *d)
{
	struct ck_import	*im;
	int			 r, kind = -1, fy = 0;

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
		if ((r = rules_file_load(&im->rules, &kind, &fy, opts->rules,
		    d)) != 0)
			goto fail;
		if (im->opts.kind < 0)
			im->opts.kind = kind;
		if (im->opts.fy == 0)
			im->opts.fy = fy;
	}
	*out = im;
	return 0;
fail:
	ck_import_free(im);
	return r;
}

static void
file_free(struct ckfile *f)
{
	if (f == NULL)
		return;
	strpool_free(&f->pool);
	free(f->path);
	free(f);
}

void
ck_import_free(struct ck_import *im)
{
	size_t	i;

	if (im == NULL)
		return;
	for (i = 0; i < im->n; i++)
		sub_free(im->v[i]);
	free(im->v);
	for (i = 0; i < im->nfiles; i++)
		file_free(im->files[i]);
	free(im->files);
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

	*out = NULL;	/* set on every path: callers use it after rc checks */
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

/* The key of a submission: kind, year, division (contract, stage). */
static const char *
sub_key(struct sub *s)
{
	struct buf	 b = BUF_INIT;
	const char	*k;
	size_t		 nf, i;
	const char	*contract = NULL, *stage = NULL;
	const struct ck_field *fields = ck_fields(s->set->kind, &nf);

	for (i = 0; i < nf && i < MAXFIELDS; i++) {
		if (strcmp(fields[i].key, "contract") == 0)
			contract = s->field[i];
		else if (strcmp(fields[i].key, "stage") == 0)
			stage = s->field[i];
	}
	buf_printf(&b, "%s\x1f%d\x1f%s", ck_kind_name(s->set->kind),
	    s->set->fy, s->org->code);
	if (s->set->kind == CK_VENDOR)
		buf_printf(&b, "\x1f%s\x1f%s", contract ? contract : "",
		    stage ? stage : "");
	if (buf_ok(&b) != 0)
		return NULL;
	k = keep(s, b.data, b.len);
	buf_free(&b);
	return k;
}

/* What a vendor submission is about: "契約名（履行中）". */
static const char *
sub_what(struct sub *s)
{
	struct buf	 b = BUF_INIT;
	const char	*contract = NULL, *stage = NULL, *w;
	const struct ck_field *fields;
	enum ck_stage	 sg;
	size_t		 nf, i;

	if (s->set->kind != CK_VENDOR)
		return NULL;
	fields = ck_fields(CK_VENDOR, &nf);
	for (i = 0; i < nf && i < MAXFIELDS; i++) {
		if (strcmp(fields[i].key, "contract") == 0)
			contract = s->field[i];
		else if (strcmp(fields[i].key, "stage") == 0)
			stage = s->field[i];
	}
	if (stage == NULL || ck_stage_parse(&sg, stage) != 0)
		return NULL;
	buf_printf(&b, "%s（%s）", contract ? contract : "",
	    ck_stage_label(sg));
	w = buf_ok(&b) == 0 ? keep(s, b.data, b.len) : NULL;
	buf_free(&b);
	return w;
}

/* The stage a vendor submission is at; 0 when it has none. */
static int
sub_stage(const struct sub *s, enum ck_stage *out)
{
	const struct ck_field	*fields;
	size_t			 nf, i;

	if (s->set->kind != CK_VENDOR)
		return 0;
	fields = ck_fields(CK_VENDOR, &nf);
	for (i = 0; i < nf && i < MAXFIELDS; i++) {
		if (strcmp(fields[i].key, "stage") == 0 && s->field[i] !=
		    NULL)
			return ck_stage_parse(out, s->field[i]) == 0;
	}
	return 0;
}

/*
 * Hold a submission: check it as the record it will be, and that no
 * other file in the batch submits the same.  The submission is the
 * batch's from here, or freed.
 */
static int
hold(struct ck_import *im, struct sub *s, const struct pos *p,
    struct rules_report *rep, struct diags *d)
{
	struct ydoc	*doc = NULL;
	struct sub	**v, *other;
	size_t		 n0 = d->n, i, cap;
	int		 r;

	if ((s->key = sub_key(s)) == NULL) {
		r = NC_ENOMEM;
		goto fail;
	}
	s->what = sub_what(s);
	if ((other = strmap_get(im->bykey, s->key)) != NULL) {
		problem(rep, p, "%s is submitted twice: also in '%s'%s",
		    s->org->name, other->file->path, s->set->kind ==
		    CK_VENDOR ? " for the same contract and stage" : "");
		r = NC_EINVALID;
		goto fail;
	}
	/* check it as the record it will be, with a stand-in id */
	if ((r = sub_doc(&doc, s, im->schema)) != 0 ||
	    (r = node_map_set_str(doc, ydoc_root(doc), "id",
	    "ck-00000000")) != 0)
		goto fail;
	if (record_check(im->checker, im->schema, ydoc_root(doc), NULL, d) !=
	    0 || d->n > n0) {
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
	ydoc_free(doc);
	doc = NULL;
	if (im->n == im->cap) {
		cap = im->cap == 0 ? 64 : im->cap * 2;
		if ((v = realloc(im->v, cap * sizeof *v)) == NULL) {
			r = error_set(NC_ENOMEM, "out of memory");
			goto fail;
		}
		im->v = v;
		im->cap = cap;
	}
	if ((r = strmap_put(im->bykey, s->key, s)) != 0)
		goto fail;
	/* the seen map is for reading the file only */
	strmap_free(s->seen);
	s->seen = NULL;
	im->v[im->n++] = s;
	return 0;
fail:
	ydoc_free(doc);
	sub_free(s);
	return r != 0 ? r : NC_EINVALID;
}

/* Drop what a bad file held, keeping the earlier files' submissions. */
static int
drop_from(struct ck_import *im, size_t n0)
{
	size_t	i;

	while (im->n > n0)
		sub_free(im->v[--im->n]);
	strmap_free(im->bykey);
	if ((im->bykey = strmap_new()) == NULL)
		return NC_ENOMEM;
	for (i = 0; i < im->n; i++) {
		if (strmap_put(im->bykey, im->v[i]->key, im->v[i]) != 0)
			return NC_ENOMEM;
	}
	return 0;
}

/* ---- values ---- */

/*
 * The checks every text taken from a form goes through: not a formula,
 * no My Number.  0 when fine.
 */
static int
check_text(struct rules_report *rep, const struct pos *p, const char *what,
    const char *s, int formula)
{
	size_t	off, len;

	what = _(what);		/* N_() where it is given */
	if (formula) {
		problem(rep, p, "%s holds a formula; type the value itself",
		    what);
		return -1;
	}
	if (s[0] == '=') {
		problem(rep, p, "%s begins with '=': formulas are not"
		    " accepted; type the value itself", what);
		return -1;
	}
	if (guard_find_mynumber(s, strlen(s), &off, &len)) {
		problem(rep, p, "%s holds what looks like a My Number (個人番号)"
		    " at character %zu: remove it; personal numbers must"
		    " never be recorded", what, text_chars(s, off) + 1);
		return -1;
	}
	return 0;
}

/* A cell's text without spaces at either end, kept in the pool. */
static const char *
trimmed(struct sub *s, const char *raw)
{
	size_t		 len;
	const char	*t = rules_trim(raw, &len);

	return keep(s, t, len);
}

/* A date as typed (any form lib/core/parse reads) or a serial. */
static int
field_date(char *out, const char *s, double serial, int is_num)
{
	struct cal_date	dt;
	int		y, m, dd;

	if (is_num) {
		if (xlsxread_serial_date(&y, &m, &dd, serial) != 0)
			return -1;
		dt.y = y;
		dt.m = m;
		dt.d = dd;
	} else if (parse_date(&dt, s) != 0)
		return -1;
	return cal_format_iso(out, CAL_FMT_MAX, dt);
}

/*
 * A particular (提出情報) of the submission, field i of its kind; 0 when
 * fine or empty, -1 after reporting a problem, NC_ENOMEM.
 */
static int
set_field(struct sub *s, size_t i, const char *raw, double num, int is_num,
    int formula, const struct pos *p, struct rules_report *rep)
{
	const struct ck_field	*f;
	const char		*v;
	char			 date[CAL_FMT_MAX];
	long long		 n;
	size_t			 nf, k;

	f = &ck_fields(s->set->kind, &nf)[i];
	if ((v = trimmed(s, raw)) == NULL)
		return NC_ENOMEM;
	if (v[0] == '\0') {
		if (f->required) {
			problem(rep, p, "%s is required", f->label);
			return -1;
		}
		return 0;
	}
	if (check_text(rep, p, f->label, v, formula) != 0)
		return -1;
	switch (f->type) {
	case CK_FIELD_DATE:
		if (field_date(date, v, num, is_num) != 0) {
			problem(rep, p, "%s '%s' is not a date (write it as"
			    " 2026/10/9 or 令和8年10月9日)", f->label, v);
			return -1;
		}
		v = keep(s, date, strlen(date));
		break;
	case CK_FIELD_COUNT:
		if (parse_int(&n, v, 0, 999999) != 0) {
			problem(rep, p, "%s '%s' is not a number of people",
			    f->label, v);
			return -1;
		}
		snprintf(date, sizeof date, "%lld", n);
		v = keep(s, date, strlen(date));
		break;
	case CK_FIELD_CHOICE:
	case CK_FIELD_BOOL:
		for (k = 0; f->choices[k] != NULL; k++) {
			if (strcmp(v, f->choices[k]) == 0 ||
			    strcmp(v, f->values[k]) == 0)
				break;
		}
		if (f->choices[k] == NULL) {
			problem(rep, p, "%s '%s' is not one of the choices",
			    f->label, v);
			return -1;
		}
		v = f->values[k];
		break;
	default:
		break;
	}
	if (v == NULL)
		return NC_ENOMEM;
	s->field[i] = v;
	return 0;
}

/* The index of the particular key of kind k, or -1. */
static int
field_index(enum ck_kind k, const char *key)
{
	const struct ck_field	*f;
	size_t			 n, i;

	f = ck_fields(k, &n);
	for (i = 0; i < n && i < MAXFIELDS; i++) {
		if (strcmp(f[i].key, key) == 0)
			return (int)i;
	}
	return -1;
}

/* ---- .xlsx forms ---- */

struct formid {
	char	 kind[32], fy[16], org[64], catalog[32], version[16],
		 sheet[64], items_row[16], fields_row[16], items[16],
		 format[64];
	/*
	 * The items' refs in order, when the form names its items by No.
	 * alone (a contractor checklist written since the No. became the
	 * one number the ward sees); empty: the ref is in column B.
	 */
	char	 refs[8192];
};

struct form {
	struct xlsxread			*x;
	const struct xlsxread_sheet	*items;		/* 点検項目 or 回答 */
	const struct xlsxread_sheet	*fields;	/* 提出情報 */
	struct formid			 id;
	enum ck_kind			 kind;
	const struct ck_org		*org;
	const struct ck_set		*set;
	uint32_t			 irow;		/* first item row */
	uint32_t			 frow;		/* first field row */
	char				*where;		/* file:sheet */
	char				*fwhere;	/* file:提出情報 */
};

static void
form_free(struct form *f)
{
	xlsxread_free(f->x);
	free(f->where);
	free(f->fwhere);
}

static int
read_formid(struct formid *f, struct xlsxread *x, const char *file,
    struct rules_report *rep)
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
		{ "refs", f->refs, sizeof f->refs },
	};

	memset(f, 0, sizeof *f);
	if (xlsxread_sheet_find(&i, x, CK_FORM_SHEET) != 0) {
		rules_report_add(rep, file, 0, 0, 0, "no hidden sheet '%s':"
		    " this is not a form written by 'nerima-cio checklist"
		    " form' (give a rules file for other layouts)",
		    CK_FORM_SHEET);
		return -1;
	}
	if (xlsxread_sheet(&s, x, i) != 0) {
		rules_report_add(rep, file, 0, 0, 0, "%s", error_last());
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
		rules_report_add(rep, file, 0, 0, 0, "the sheet '%s' does not"
		    " identify a checklist form ('%s')", CK_FORM_SHEET,
		    f->format);
		return -1;
	}
	return 0;
}

/* A form by No.: its refs, in order, must be the item set's. */
static int
form_check_refs(const struct form *fm, const char *file,
    struct rules_report *rep)
{
	const struct ck_set	*set = fm->set;
	const char		*p = fm->id.refs;
	size_t			 i, len;

	if (p[0] == '\0')
		return 0;
	for (i = 0; i < set->nitems; i++) {
		len = strlen(set->items[i].ref);
		if (strncmp(p, set->items[i].ref, len) != 0 ||
		    (p[len] != ' ' && p[len] != '\0'))
			break;
		p += len + (p[len] == ' ');
	}
	if (i < set->nitems || *p != '\0') {
		rules_report_add(rep, file, 0, 0, 0, "the form's items are not"
		    " those of the item set (No.%zu): the sheet '%s' has been"
		    " changed", i + 1, CK_FORM_SHEET);
		return -1;
	}
	return 0;
}

/* What the hidden sheet says, against the batch and the item set. */
static int
form_check_id(struct form *fm, struct ck_import *im, const char *file,
    struct rules_report *rep)
{
	const struct formid	*f = &fm->id;
	int			 fy;

	if (ck_kind_parse(&fm->kind, f->kind) != 0) {
		rules_report_add(rep, file, 0, 0, 0, "the form names an"
		    " unknown kind '%s'", f->kind);
		return -1;
	}
	fy = atoi(f->fy);
	if (im->opts.kind >= 0 && (int)fm->kind != im->opts.kind) {
		rules_report_add(rep, file, 0, 0, 0, "this is a %s form, not"
		    " %s", ck_kind_title(fm->kind),
		    ck_kind_title(im->opts.kind));
		return -1;
	}
	if (im->opts.fy != 0 && fy != im->opts.fy) {
		rules_report_add(rep, file, 0, 0, 0, "this form is for FY%d,"
		    " not FY%d", fy, im->opts.fy);
		return -1;
	}
	if ((fm->org = strmap_get(im->orgs->bycode, f->org)) == NULL) {
		rules_report_add(rep, file, 0, 0, 0, "the form's division"
		    " '%s' is not in orgs.yaml", f->org);
		return -1;
	}
	if (get_set(&fm->set, im, fm->kind, fy) != 0) {
		rules_report_add(rep, file, 0, 0, 0, "%s", error_last());
		return -1;
	}
	if (strcmp(f->catalog, fm->set->catalog) != 0 || atoi(f->version) !=
	    fm->set->version) {
		rules_report_add(rep, file, 0, 0, 0, "this form was made from"
		    " item set '%s' version %s; the FY%d item set is now '%s'"
		    " version %d: send %s a new form", f->catalog, f->version,
		    fy, fm->set->catalog, fm->set->version, fm->org->name);
		return -1;
	}
	if ((size_t)atoi(f->items) != fm->set->nitems) {
		rules_report_add(rep, file, 0, 0, 0, "the form has %s items;"
		    " the item set has %zu", f->items, fm->set->nitems);
		return -1;
	}
	return form_check_refs(fm, file, rep);
}

static int
form_open(struct form *fm, struct ck_import *im, const char *file,
    struct rules_report *rep)
{
	size_t	i;
	int	r;

	memset(fm, 0, sizeof *fm);
	if ((r = xlsxread_open_lim(&fm->x, file, file, &form_limits)) != 0) {
		rules_report_add(rep, file, 0, 0, 0, "%s", error_last());
		return r == NC_ENOMEM ? r : NC_EINVALID;
	}
	if (read_formid(&fm->id, fm->x, file, rep) != 0 ||
	    form_check_id(fm, im, file, rep) != 0)
		return NC_EINVALID;
	fm->irow = (uint32_t)atoi(fm->id.items_row);
	fm->frow = (uint32_t)atoi(fm->id.fields_row);
	if (xlsxread_sheet_find(&i, fm->x, fm->id.sheet) != 0 ||
	    xlsxread_sheet(&fm->items, fm->x, i) != 0 ||
	    xlsxread_sheet_find(&i, fm->x, "提出情報") != 0 ||
	    xlsxread_sheet(&fm->fields, fm->x, i) != 0 || fm->irow < 2 ||
	    fm->frow < 2) {
		rules_report_add(rep, file, 0, 0, 0, "%s", error_last());
		return NC_EINVALID;
	}
	fm->where = malloc(strlen(file) + strlen(fm->id.sheet) + 2);
	fm->fwhere = malloc(strlen(file) + sizeof ":提出情報");
	if (fm->where == NULL || fm->fwhere == NULL)
		return error_set(NC_ENOMEM, "out of memory");
	sprintf(fm->where, "%s:%s", file, fm->id.sheet);
	sprintf(fm->fwhere, "%s:提出情報", file);
	return 0;
}

/* 提出情報: one row per particular, in ck_fields() order. */
static int
form_particulars(struct sub *s, const struct form *fm,
    struct rules_report *rep)
{
	const struct ck_field	*fields;
	struct xlsxread_cell	 c;
	struct pos		 p = { fm->fwhere, 0, 0, 1 };
	uint32_t		 row;
	size_t			 i, nf;

	fields = ck_fields(fm->kind, &nf);
	for (i = 0; i < nf && i < MAXFIELDS; i++) {
		row = fm->frow - 1 + (uint32_t)i;
		p.line = row + 1;
		p.col = 1;
		if (strcmp(xlsxread_cell(fm->fields, row, 0).text,
		    fields[i].label) != 0) {
			problem(rep, &p, "expected '%s': the sheet has been"
			    " changed", fields[i].label);
			continue;
		}
		p.col = 2;
		c = xlsxread_cell(fm->fields, row, 1);
		if (set_field(s, i, c.text, c.num, c.type == XLSXREAD_NUMBER,
		    c.formula, &p, rep) == NC_ENOMEM)
			return NC_ENOMEM;
	}
	return 0;
}

/* 点検項目 of a department or vendor form: one row per item. */
static int
form_answers(struct sub *s, const struct form *fm, struct rules_report *rep)
{
	const struct ck_set	*set = fm->set;
	const struct ck_item	*it;
	struct xlsxread_cell	 c, nc;
	struct pos		 p = { fm->where, 0, 0, 1 };
	enum ck_stage		 stage = CK_BEFORE;
	enum ck_value		 v;
	const char		*val, *note;
	char			 no[24];
	uint32_t		 row, ac;
	size_t			 idx;
	int			 has_stage, applies, byno;

	/*
	 * A form by No. (its refs on the hidden sheet): No., 点検段階,
	 * 点検項目, 回答, 補足; before, the ref in column B after the No.
	 */
	byno = fm->id.refs[0] != '\0';
	ac = byno ? 3 : 4;
	has_stage = sub_stage(s, &stage);
	for (idx = 0; idx < set->nitems; idx++) {
		it = &set->items[idx];
		row = fm->irow - 1 + (uint32_t)idx;
		p.line = row + 1;
		p.col = byno ? 1 : 2;
		snprintf(no, sizeof no, "%zu", idx + 1);
		if (byno ? strcmp(xlsxread_cell(fm->items, row, 0).text,
		    no) != 0 : strcmp(xlsxread_cell(fm->items, row, 1).text,
		    it->ref) != 0) {
			problem(rep, &p, "expected item '%s': the sheet has"
			    " been changed", byno ? no : it->ref);
			continue;
		}
		c = xlsxread_cell(fm->items, row, ac);
		nc = xlsxread_cell(fm->items, row, ac + 1);
		p.col = ac + 1;
		if ((val = trimmed(s, c.text)) == NULL ||
		    (note = trimmed(s, nc.text)) == NULL)
			return NC_ENOMEM;
		applies = fm->kind != CK_VENDOR || !has_stage ||
		    (it->stages & (1u << stage));
		if (c.formula) {
			problem(rep, &p, "the answer holds a formula; choose"
			    " it from the list");
			continue;
		}
		if (nc.formula) {
			p.col = ac + 2;
			problem(rep, &p, "the note holds a formula; type the"
			    " text itself");
			continue;
		}
		if (val[0] == '\0') {
			if (applies)
				problem(rep, &p, "item %s has no answer",
				    it->ref);
			continue;
		}
		if (!applies) {
			problem(rep, &p, "item %s is not checked at stage %s;"
			    " leave it blank", it->ref, ck_stage_label(stage));
			continue;
		}
		if (check_text(rep, &p, N_("the answer"), val, 0) != 0)
			continue;
		if (ck_item_value_parse(&v, it, val) != 0) {
			problem(rep, &p, "item %s: %s", it->ref, error_last());
			continue;
		}
		p.col = ac + 2;
		if (note[0] != '\0' && check_text(rep, &p, N_("the note"), note,
		    0) != 0)
			continue;
		if (add_answer(s, idx, v, note[0] != '\0' ? note : NULL) != 0)
			return NC_ENOMEM;
	}
	return 0;
}

/*
 * The header of a self-check form names each item: "1\n分類" (forms
 * made before the refs on the hidden sheet: "1\n分類\n(sf-01)").
 */
static int
form_staff_header(const struct form *fm, struct rules_report *rep)
{
	const struct ck_set	*set = fm->set;
	struct pos		 p = { fm->where, fm->irow - 1, 0, 1 };
	char			 want[64];
	size_t			 idx, n0 = rep->n;

	for (idx = 0; idx < set->nitems; idx++) {
		const char *h = xlsxread_cell(fm->items, fm->irow - 2,
		    (uint32_t)idx + 1).text;

		p.col = (unsigned)idx + 2;
		/* by No. ("1\n分類") when the hidden sheet lists the refs */
		if (fm->id.refs[0] != '\0') {
			snprintf(want, sizeof want, "%zu\n", idx + 1);
			if (strncmp(h, want, strlen(want)) != 0)
				problem(rep, &p, "expected the column of item"
				    " No.%zu: the sheet has been changed",
				    idx + 1);
			continue;
		}
		snprintf(want, sizeof want, "(%s)", set->items[idx].ref);
		if (strstr(h, want) == NULL)
			problem(rep, &p, "expected the column of item '%s':"
			    " the sheet has been changed",
			    set->items[idx].ref);
	}
	return rep->n > n0 ? -1 : 0;
}

/* One staff row of a self-check form. */
static int
form_staff_row(struct sub *s, const struct form *fm, uint32_t row,
    struct rules_report *rep)
{
	const struct ck_set	*set = fm->set;
	struct xlsxread_cell	 c;
	struct pos		 p = { fm->where, row + 1, 1, 1 };
	enum ck_value		 v;
	const char		*rid, *val;
	size_t			 idx, filled = 0, me;

	for (idx = 1; idx <= set->nitems; idx++) {
		c = xlsxread_cell(fm->items, row, (uint32_t)idx);
		if (c.type != XLSXREAD_EMPTY && c.text[0] != '\0')
			filled++;
	}
	if (filled == 0)
		return 0;
	c = xlsxread_cell(fm->items, row, 0);
	if ((rid = trimmed(s, c.text)) == NULL)
		return NC_ENOMEM;
	if (rid[0] == '\0') {
		problem(rep, &p, "a row of answers has no respondent number");
		return 0;
	}
	if (check_text(rep, &p, "the respondent number", rid, c.formula) !=
	    0)
		return 0;
	if (strmap_get(s->seen, rid) != NULL) {
		problem(rep, &p, "respondent '%s' appears twice", rid);
		return 0;
	}
	if (add_respondent(s, rid) != 0)
		return NC_ENOMEM;
	me = s->nresp - 1;
	for (idx = 0; idx < set->nitems; idx++) {
		c = xlsxread_cell(fm->items, row, (uint32_t)idx + 1);
		p.col = (unsigned)idx + 2;
		if ((val = trimmed(s, c.text)) == NULL)
			return NC_ENOMEM;
		if (val[0] == '\0') {
			problem(rep, &p, "respondent %s did not answer item %s",
			    rid, set->items[idx].ref);
			continue;
		}
		if (check_text(rep, &p, N_("the answer"), val, c.formula) != 0)
			continue;
		if (ck_item_value_parse(&v, &set->items[idx], val) != 0) {
			problem(rep, &p, "item %s: %s", set->items[idx].ref,
			    error_last());
			continue;
		}
		s->vals[me * set->nitems + idx] = (uint8_t)v;
	}
	return 0;
}

/* 回答 of a self-check form: one row per member of staff. */
static int
form_staff(struct sub *s, const struct form *fm, struct rules_report *rep)
{
	struct pos	 p = { fm->where, fm->irow, 0, 1 };
	uint32_t	 row;
	int		 r;

	if (form_staff_header(fm, rep) != 0)
		return 0;
	for (row = fm->irow - 1; row < xlsxread_nrows(fm->items); row++) {
		if ((r = form_staff_row(s, fm, row, rep)) != 0)
			return r;
	}
	if (s->nresp == 0)
		problem(rep, &p, "no staff answers in the form");
	return 0;
}

static int
import_form(struct ck_import *im, struct ckfile *file,
    struct rules_report *rep, struct diags *d)
{
	struct form	 fm;
	struct sub	*s = NULL;
	struct pos	 p = { file->path, 0, 0, 0 };
	size_t		 n0 = rep->n;
	int		 r;

	if ((r = form_open(&fm, im, file->path, rep)) != 0)
		goto done;
	if ((s = sub_new(file, fm.set, fm.org, 0)) == NULL) {
		r = NC_ENOMEM;
		goto done;
	}
	if ((r = form_particulars(s, &fm, rep)) != 0)
		goto done;
	if (fm.kind == CK_SELF)
		r = form_staff(s, &fm, rep);
	else
		r = form_answers(s, &fm, rep);
	if (r != 0)
		goto done;
	if (rep->n > n0) {
		r = NC_EINVALID;
		goto done;
	}
	r = hold(im, s, &p, rep, d);
	s = NULL;
done:
	sub_free(s);
	form_free(&fm);
	return r;
}

/* ---- CSV files and survey exports, through the rules engine ---- */

/*
 * Built-in rules for CSV files without a rules file.  Department and
 * vendor checks: one row per answer (the long layout); self checks: one
 * row per member of staff with a column per item named by its ref.
 */
static int
builtin_field(struct rules *r, const char *name, const char *const *headers,
    const char *label, unsigned flags)
{
	struct rules_field	f;

	memset(&f, 0, sizeof f);
	f.name = name;
	f.headers = headers;
	f.label = label;
	f.map = "";
	f.flags = flags;
	return rules_add_field(r, &f);
}

static int
builtin_rules(struct rules **out, const struct ck_set *set)
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
	struct rules	*r;
	const char	*h[2] = { NULL, NULL };
	size_t		 i;
	int		 e;

	*out = NULL;
	if ((e = rules_new(&r, "built-in CSV layout")) != 0)
		return e;
	if ((e = builtin_field(r, "org", h_org, "the division", 0)) != 0)
		goto fail;
	if (set->kind == CK_SELF) {
		if ((e = builtin_field(r, "respondent", h_resp,
		    "the respondent number", RULES_OPTIONAL)) != 0)
			goto fail;
		for (i = 0; i < set->nitems; i++) {
			h[0] = set->items[i].ref;
			if ((e = builtin_field(r, set->items[i].ref, h,
			    N_("the answer"), RULES_OPTIONAL)) != 0)
				goto fail;
		}
		*out = r;
		return 0;
	}
	if ((e = builtin_field(r, "ref", h_ref, "the item number",
	    RULES_OPTIONAL)) != 0 ||
	    (e = builtin_field(r, "value", h_val, N_("the answer"),
	    RULES_OPTIONAL)) != 0 ||
	    (e = builtin_field(r, "note", h_note, N_("the note"),
	    RULES_OPTIONAL)) != 0)
		goto fail;
	if (set->kind == CK_VENDOR &&
	    ((e = builtin_field(r, "contract", h_contract, "契約名",
	    RULES_OPTIONAL)) != 0 ||
	    (e = builtin_field(r, "stage", h_stage, "点検段階",
	    RULES_OPTIONAL)) != 0 ||
	    (e = builtin_field(r, "vendor", h_vendor, "委託事業者等の名称",
	    RULES_OPTIONAL)) != 0))
		goto fail;
	*out = r;
	return 0;
fail:
	rules_free(r);
	return e;
}

/* Reading one table: the columns, and the submissions as they build up. */
struct take {
	struct ck_import	*im;
	struct ckfile		*file;
	struct rules_report	*rep;
	int			 builtin;
	enum ck_kind		 kind;
	int			 fy;
	const struct ck_set	*set;
	int			 f_org, f_resp, f_ref, f_val, f_note;
	int			 f_contract, f_stage, f_vendor;
	int			*f_item;	/* per item: its answer */
	int			*f_inote;	/* per item: its note */
	struct strmap		*groups;	/* key -> sub */
	struct sub		**subs;		/* in file order */
	size_t			 nsubs, capsubs;
	struct buf		 key;
};

static void
take_free(struct take *tk)
{
	size_t	i;

	for (i = 0; i < tk->nsubs; i++)
		sub_free(tk->subs[i]);
	free(tk->subs);
	free(tk->f_item);
	free(tk->f_inote);
	strmap_free(tk->groups);
	buf_free(&tk->key);
}

/* Whether the rules field is the note of an item: "REF.note". */
static const struct ck_item *
note_of(const struct ck_set *set, const char *name)
{
	const char	*dot = strrchr(name, '.');
	char		 ref[64];

	if (dot == NULL || strcmp(dot, ".note") != 0 ||
	    (size_t)(dot - name) >= sizeof ref)
		return NULL;
	memcpy(ref, name, (size_t)(dot - name));
	ref[dot - name] = '\0';
	return ck_set_item(set, ref);
}

/* The kind and year of a table: the command line, the rules, the file. */
static int
take_identity(struct take *tk, struct rules_table *t)
{
	struct ck_import	*im = tk->im;
	const char		*k = rules_ident(t, "kind");
	const char		*y = rules_ident(t, "fy");
	enum ck_kind		 kind;
	int			 fy;

	tk->kind = (enum ck_kind)im->opts.kind;
	tk->fy = im->opts.fy;
	if (k != NULL && rules_constant(rules_table_rules(t), "kind") ==
	    NULL) {
		if (ck_kind_parse(&kind, k) != 0) {
			rules_problem_at(t, 0, 0, "the file names an unknown"
			    " kind '%s'", k);
			return -1;
		}
		if (im->opts.kind >= 0 && (int)kind != im->opts.kind) {
			rules_problem_at(t, 0, 0, "this is a %s file, not %s",
			    ck_kind_title(kind), ck_kind_title(im->opts.kind));
			return -1;
		}
		tk->kind = kind;
	}
	if (y != NULL && rules_constant(rules_table_rules(t), "fy") == NULL) {
		if (parse_fy(&fy, y) != 0) {
			rules_problem_at(t, 0, 0, "the file's fiscal year '%s'"
			    " is not one", y);
			return -1;
		}
		if (im->opts.fy != 0 && fy != im->opts.fy) {
			rules_problem_at(t, 0, 0, "this file is for FY%d, not"
			    " FY%d", fy, im->opts.fy);
			return -1;
		}
		tk->fy = fy;
	}
	if ((int)tk->kind < 0 || tk->fy == 0) {
		rules_problem_at(t, 0, 0, "the file does not say what it"
		    " answers: give --kind and --fy (or kind and fy in the"
		    " rules file)");
		return -1;
	}
	if (get_set(&tk->set, im, tk->kind, tk->fy) != 0) {
		rules_problem_at(t, 0, 0, "%s", error_last());
		return -1;
	}
	return 0;
}

/* Which rules field is which: particulars, items, notes. */
static int
take_fields(struct take *tk, struct rules_table *t)
{
	const struct rules	*r = rules_table_rules(t);
	const struct ck_item	*it;
	const char		*name;
	size_t			 i, n = rules_nfields(r);
	int			 bad = 0;

	tk->f_org = rules_field_index(r, "org");
	tk->f_resp = rules_field_index(r, "respondent");
	tk->f_ref = rules_field_index(r, "ref");
	tk->f_val = rules_field_index(r, "value");
	tk->f_note = rules_field_index(r, "note");
	tk->f_contract = rules_field_index(r, "contract");
	tk->f_stage = rules_field_index(r, "stage");
	tk->f_vendor = rules_field_index(r, "vendor");
	if ((tk->f_item = calloc(tk->set->nitems + 1, sizeof *tk->f_item)) ==
	    NULL || (tk->f_inote = calloc(tk->set->nitems + 1,
	    sizeof *tk->f_inote)) == NULL)
		return error_set(NC_ENOMEM, "out of memory");
	for (i = 0; i < tk->set->nitems; i++)
		tk->f_item[i] = tk->f_inote[i] = -1;
	for (i = 0; i < n; i++) {
		name = rules_field_name(r, i);
		if ((int)i == tk->f_org || (int)i == tk->f_resp ||
		    (int)i == tk->f_contract || (int)i == tk->f_stage ||
		    (int)i == tk->f_vendor || (tk->builtin &&
		    ((int)i == tk->f_ref || (int)i == tk->f_val ||
		    (int)i == tk->f_note)) || strcmp(name, "submitted") == 0)
			continue;
		if ((it = ck_set_item(tk->set, name)) != NULL)
			tk->f_item[it->index] = (int)i;
		else if ((it = note_of(tk->set, name)) != NULL)
			tk->f_inote[it->index] = (int)i;
		else {
			rules_report_add(tk->rep, rules_name(r), 0, 0, 0,
			    "item '%s' is not in the FY%d %s items", name,
			    tk->fy, ck_kind_title(tk->kind));
			bad = 1;
		}
	}
	return bad ? -1 : 0;
}

/* The columns the layout needs, at the header. */
static void
take_columns(struct take *tk, struct rules_table *t)
{
	const struct rules	*r = rules_table_rules(t);
	unsigned		 hl = rules_header_line(t);
	size_t			 i;

	if (tk->f_org < 0)
		rules_report_add(tk->rep, rules_name(r), 0, 0, 0, "no 'org'"
		    " rule: say which column holds the division");
	if (tk->builtin && tk->kind != CK_SELF) {
		if (rules_col(t, (size_t)tk->f_ref) == 0 ||
		    rules_col(t, (size_t)tk->f_val) == 0)
			rules_problem_at(t, hl, 0, "the header needs columns"
			    " 項目番号 and 回答");
		if (tk->kind == CK_VENDOR &&
		    (rules_col(t, (size_t)tk->f_contract) == 0 ||
		    rules_col(t, (size_t)tk->f_stage) == 0))
			rules_problem_at(t, hl, 0, "the header needs columns"
			    " 契約名 and 点検段階");
		return;
	}
	if (!tk->builtin && tk->kind == CK_VENDOR &&
	    (tk->f_contract < 0 || tk->f_stage < 0))
		rules_report_add(tk->rep, rules_name(r), 0, 0, 0, "a vendor"
		    " checklist needs 'contract' and 'stage' rules");
	if (tk->kind != CK_SELF)
		return;
	for (i = 0; i < tk->set->nitems; i++) {
		if (tk->f_item[i] < 0 || rules_col(t,
		    (size_t)tk->f_item[i]) == 0)
			rules_problem_at(t, hl, 0, "no column for item %s",
			    tk->set->items[i].ref);
	}
}

static int
take_begin(void *arg, struct rules_table *t)
{
	struct take	*tk = arg;
	int		 r;

	if (take_identity(tk, t) != 0)
		return 0;
	if ((r = take_fields(tk, t)) != 0)
		return r == NC_ENOMEM ? r : 0;
	take_columns(tk, t);
	return 0;
}

/* The division a row names; NULL after reporting. */
static const struct ck_org *
row_org(struct take *tk, struct rules_table *t, size_t row)
{
	const char		*s = rules_get(t, row, (size_t)tk->f_org);
	const struct ck_org	*org;

	if (s == NULL)
		return NULL;
	if ((org = ck_orgs_find(tk->im->orgs, s)) != NULL)
		return org;
	if (ck_orgs_ambiguous(tk->im->orgs, s))
		rules_problem(t, row, tk->f_org, "division name '%s' is shared"
		    " by several divisions: use the code", s);
	else
		rules_problem(t, row, tk->f_org, "division '%s' is not in"
		    " orgs.yaml", s);
	return NULL;
}

/* A vendor row's particulars, the first time its submission is seen. */
static int
row_particulars(struct take *tk, struct rules_table *t, size_t row,
    struct sub *s)
{
	struct pos	 p = { rules_where(t), rules_line(t, row), 0,
			    rules_is_xlsx(t) };
	struct {
		int		 f;
		const char	*key;
	} v[] = {
		{ tk->f_contract, "contract" },
		{ tk->f_vendor, "vendor" },
		{ tk->f_stage, "stage" },
	};
	const char	*text;
	size_t		 i;
	int		 fi;

	for (i = 0; i < sizeof v / sizeof v[0]; i++) {
		if (v[i].f < 0 || (fi = field_index(CK_VENDOR, v[i].key)) < 0 ||
		    (text = rules_get(t, row, (size_t)v[i].f)) == NULL)
			continue;
		p.col = rules_col(t, (size_t)v[i].f);
		if (set_field(s, (size_t)fi, text, 0, 0, 0, &p, tk->rep) ==
		    NC_ENOMEM)
			return NC_ENOMEM;
	}
	return 0;
}

/*
 * The submission a row belongs to: the division (and, for a vendor
 * checklist, the contract and stage as written); NULL with *nomem clear
 * after reporting a problem.
 */
static struct sub *
row_sub(struct take *tk, struct rules_table *t, size_t row, int *nomem)
{
	const struct ck_org	*org;
	struct sub		*s, **v;
	const char		*c, *st;
	size_t			 cap;

	*nomem = 0;
	if ((org = row_org(tk, t, row)) == NULL)
		return NULL;
	buf_reset(&tk->key);
	buf_puts(&tk->key, org->code);
	if (tk->kind == CK_VENDOR) {
		c = tk->f_contract >= 0 ? rules_get(t, row,
		    (size_t)tk->f_contract) : "";
		st = tk->f_stage >= 0 ? rules_get(t, row,
		    (size_t)tk->f_stage) : "";
		if (c == NULL || st == NULL)
			return NULL;
		buf_printf(&tk->key, "\x1f%s\x1f%s", c, st);
	}
	if (buf_ok(&tk->key) != 0)
		goto nomem;
	if ((s = strmap_get(tk->groups, tk->key.data)) != NULL)
		return s;
	if ((s = sub_new(tk->file, tk->set, org, rules_line(t, row))) ==
	    NULL)
		goto nomem;
	if (tk->nsubs == tk->capsubs) {
		cap = tk->capsubs == 0 ? 16 : tk->capsubs * 2;
		if ((v = realloc(tk->subs, cap * sizeof *v)) == NULL) {
			sub_free(s);
			goto nomem;
		}
		tk->subs = v;
		tk->capsubs = cap;
	}
	tk->subs[tk->nsubs++] = s;
	if ((c = keep(s, tk->key.data, tk->key.len)) == NULL ||
	    strmap_put(tk->groups, c, s) != 0)
		goto nomem;
	if (tk->kind == CK_VENDOR && row_particulars(tk, t, row, s) != 0)
		goto nomem;
	return s;
nomem:
	*nomem = 1;
	return NULL;
}

/* Self check: one member of staff per row, a column per item. */
static int
take_staff_row(struct take *tk, struct rules_table *t, size_t row,
    struct sub *s)
{
	const struct ck_set	*set = tk->set;
	const char		*rid, *val;
	char			 lno[32];
	enum ck_value		 v;
	size_t			 i, me;

	if (tk->f_resp >= 0 && rules_col(t, (size_t)tk->f_resp) > 0)
		rid = rules_get(t, row, (size_t)tk->f_resp);
	else {
		snprintf(lno, sizeof lno, "l%u", rules_line(t, row));
		rid = lno;
	}
	if (rid == NULL)
		return 0;
	if (rid[0] == '\0') {
		rules_problem(t, row, tk->f_resp, "no respondent number");
		return 0;
	}
	if (strmap_get(s->seen, rid) != NULL) {
		rules_problem(t, row, tk->f_resp, "respondent '%s' of %s"
		    " appears twice", rid, s->org->name);
		return 0;
	}
	if ((rid = keep(s, rid, strlen(rid))) == NULL ||
	    add_respondent(s, rid) != 0)
		return NC_ENOMEM;
	me = s->nresp - 1;
	for (i = 0; i < set->nitems; i++) {
		if (tk->f_item[i] < 0 || (val = rules_get(t, row,
		    (size_t)tk->f_item[i])) == NULL)
			continue;
		if (val[0] == '\0') {
			rules_problem(t, row, tk->f_item[i], "respondent %s"
			    " did not answer item %s", rid, set->items[i].ref);
			continue;
		}
		if (ck_item_value_parse(&v, &set->items[i], val) != 0) {
			rules_problem(t, row, tk->f_item[i], "item %s: %s",
			    set->items[i].ref, error_last());
			continue;
		}
		s->vals[me * set->nitems + i] = (uint8_t)v;
	}
	return 0;
}

/* One answer (and its note) of a department or vendor submission. */
static int
take_answer(struct take *tk, struct rules_table *t, size_t row,
    struct sub *s, const struct ck_item *it, int fval, int fnote)
{
	const char	*val, *note = NULL;
	enum ck_value	 v;

	if ((val = rules_get(t, row, (size_t)fval)) == NULL)
		return 0;
	if (fnote >= 0 && rules_col(t, (size_t)fnote) > 0 &&
	    (note = rules_get(t, row, (size_t)fnote)) == NULL)
		return 0;
	if (val[0] == '\0') {
		if (tk->builtin)
			rules_problem(t, row, fval, "item %s has no answer",
			    it->ref);
		return 0;
	}
	if (ck_item_value_parse(&v, it, val) != 0) {
		rules_problem(t, row, fval, "item %s: %s", it->ref,
		    error_last());
		return 0;
	}
	if (note != NULL && note[0] != '\0' &&
	    (note = keep(s, note, strlen(note))) == NULL)
		return NC_ENOMEM;
	return add_answer(s, it->index, v, note != NULL && note[0] != '\0' ?
	    note : NULL);
}

/* Department or vendor through rules: one row holds many answers. */
static int
take_wide_row(struct take *tk, struct rules_table *t, size_t row,
    struct sub *s)
{
	const struct ck_item	*it;
	const char		*val;
	size_t			 i;
	int			 r;

	for (i = 0; i < tk->set->nitems; i++) {
		it = &tk->set->items[i];
		if (tk->f_item[i] < 0 || (val = rules_get(t, row,
		    (size_t)tk->f_item[i])) == NULL || val[0] == '\0')
			continue;
		if (s->answered[i]) {
			rules_problem(t, row, tk->f_item[i], "%s answers item"
			    " %s twice", s->org->name, it->ref);
			continue;
		}
		if ((r = take_answer(tk, t, row, s, it, tk->f_item[i],
		    tk->f_inote[i])) != 0)
			return r;
	}
	return 0;
}

/*
 * A contractor checklist's item by the No. its form prints (3 or No.3),
 * the number the ward knows it by; its ref (vd-03) is read first.
 */
static const struct ck_item *
item_by_no(const struct ck_set *set, const char *s)
{
	size_t	n = 0;

	if (set->kind != CK_VENDOR)
		return NULL;
	if (strncmp(s, "No.", 3) == 0)
		s += 3;
	if (*s < '1' || *s > '9')
		return NULL;
	for (; *s >= '0' && *s <= '9' && n <= set->nitems; s++)
		n = n * 10 + (size_t)(*s - '0');
	if (*s != '\0' || n < 1 || n > set->nitems)
		return NULL;
	return &set->items[n - 1];
}

/* Department or vendor CSV: one row per answer. */
static int
take_long_row(struct take *tk, struct rules_table *t, size_t row,
    struct sub *s)
{
	const struct ck_item	*it;
	const char		*ref;

	if ((ref = rules_get(t, row, (size_t)tk->f_ref)) == NULL)
		return 0;
	if ((it = ck_set_item(tk->set, ref)) == NULL)
		it = item_by_no(tk->set, ref);
	if (it == NULL) {
		rules_problem(t, row, tk->f_ref, "item '%s' is not in the"
		    " FY%d %s items", ref, tk->fy, ck_kind_title(tk->kind));
		return 0;
	}
	if (s->answered[it->index]) {
		rules_problem(t, row, tk->f_ref, "%s answers item %s twice",
		    s->org->name, it->ref);
		return 0;
	}
	/* mark it, so that a bad answer is not also reported missing */
	s->answered[it->index] = UINT32_MAX;
	return take_answer(tk, t, row, s, it, tk->f_val, tk->f_note);
}

static int
take_row(void *arg, struct rules_table *t, size_t row)
{
	struct take	*tk = arg;
	struct sub	*s;
	int		 nomem;

	if ((s = row_sub(tk, t, row, &nomem)) == NULL)
		return nomem ? NC_ENOMEM : 0;
	if (tk->kind == CK_SELF)
		return take_staff_row(tk, t, row, s);
	if (!tk->builtin)
		return take_wide_row(tk, t, row, s);
	return take_long_row(tk, t, row, s);
}

/* Every department or vendor submission answers every item that applies. */
static int
take_end(void *arg, struct rules_table *t)
{
	struct take	*tk = arg;
	struct sub	*s;
	enum ck_stage	 sg;
	size_t		 i, k;
	int		 hs;

	if (tk->kind == CK_SELF)
		return 0;
	for (k = 0; k < tk->nsubs; k++) {
		s = tk->subs[k];
		hs = sub_stage(s, &sg);
		for (i = 0; i < tk->set->nitems; i++) {
			if (tk->kind == CK_VENDOR && hs &&
			    !(tk->set->items[i].stages & (1u << sg)))
				continue;
			if (s->answered[i] == 0)
				rules_problem_at(t, s->line, 0, "%s has no"
				    " answer to item %s", s->org->name,
				    tk->set->items[i].ref);
		}
	}
	return 0;
}

static int
import_table(struct ck_import *im, struct ckfile *file,
    struct rules_report *rep, struct diags *d)
{
	struct take		 tk;
	struct rules		*own = NULL;
	const struct rules	*ru = im->rules;
	struct rules_table	*t = NULL;
	struct rules_sink	 sink = { take_begin, take_row, take_end, &tk };
	struct pos		 p = { file->path, 0, 0, 0 };
	const struct ck_set	*set;
	size_t			 i;
	int			 r;

	memset(&tk, 0, sizeof tk);
	tk.im = im;
	tk.file = file;
	tk.rep = rep;
	buf_init(&tk.key);
	if ((tk.groups = strmap_new()) == NULL)
		return NC_ENOMEM;
	if (ru == NULL) {
		/* the built-in layouts need the item set to start with */
		if (im->opts.kind < 0 || im->opts.fy == 0) {
			rules_report_add(rep, file->path, 0, 0, 0, "a CSV file"
			    " does not say what it answers: give --kind and"
			    " --fy (or kind and fy in the rules file)");
			r = NC_EINVALID;
			goto done;
		}
		if (get_set(&set, im, (enum ck_kind)im->opts.kind,
		    im->opts.fy) != 0) {
			rules_report_add(rep, file->path, 0, 0, 0, "%s",
			    error_last());
			r = NC_EINVALID;
			goto done;
		}
		if ((r = builtin_rules(&own, set)) != 0)
			goto done;
		ru = own;
		tk.builtin = 1;
	}
	if ((r = rules_apply(&t, ru, file->path, file->path, &sink,
	    rep)) != 0)
		goto done;
	file->encoding = rules_encoding(t);
	for (i = 0; i < tk.nsubs; i++) {
		p.line = tk.subs[i]->line;
		r = hold(im, tk.subs[i], &p, rep, d);
		tk.subs[i] = NULL;
		if (r != 0)
			goto done;
	}
done:
	rules_table_free(t);
	take_free(&tk);
	rules_free(own);
	return r;
}

static int
has_suffix(const char *s, const char *suf)
{
	size_t	n = strlen(s), m = strlen(suf);

	return n >= m && strcasecmp(s + n - m, suf) == 0;
}

static struct ckfile *
file_new(struct ck_import *im, const char *path)
{
	struct ckfile	*f, **v;

	if ((v = realloc(im->files, (im->nfiles + 1) * sizeof *v)) == NULL)
		return NULL;
	im->files = v;
	if ((f = calloc(1, sizeof *f)) == NULL ||
	    (f->path = strdup(path)) == NULL) {
		free(f);
		return NULL;
	}
	strpool_init(&f->pool);
	im->files[im->nfiles++] = f;
	return f;
}

int
ck_import_file(struct ck_import *im, const char *path, struct diags *d)
{
	struct rules_report	 rep;
	struct ckfile		*file;
	size_t			 n0 = im->n, d0 = d->n;
	int			 r;

	if ((file = file_new(im, path)) == NULL)
		return error_set(NC_ENOMEM, "out of memory");
	rules_report_init(&rep, d, RULES_MAX_PROBLEMS);
	/* a workbook with a rules file is a survey export, not a form */
	if (has_suffix(path, ".xlsx") && im->rules == NULL)
		r = import_form(im, file, &rep, d);
	else if (has_suffix(path, ".xlsx") || has_suffix(path, ".csv") ||
	    has_suffix(path, ".txt"))
		r = import_table(im, file, &rep, d);
	else {
		rules_report_add(&rep, path, 0, 0, 0, "not a .xlsx or .csv"
		    " file");
		r = NC_EINVALID;
	}
	rules_report_end(&rep, path);
	if (r != 0 || d->n > d0) {
		if (drop_from(im, n0) != 0)
			return error_set(NC_ENOMEM, "out of memory");
		/* the file's text goes with its submissions */
		file_free(im->files[--im->nfiles]);
		if (r == NC_ENOMEM)
			return r;
		return error_set(NC_EINVALID, "'%s' has errors; nothing was"
		    " taken from it", path);
	}
	return 0;
}

/* ---- rules files ---- */

/*
 * The first rules format, one rule a line ("item sf-01 "Q1""), is still
 * read: it becomes the same engine rules as its YAML equivalent.  A file
 * whose first rule is "key:" or "---" is YAML.
 */
static int
is_yaml(const char *text)
{
	const char	*p = text, *w;

	if (strncmp(p, "\xef\xbb\xbf", 3) == 0)
		p += 3;
	while (*p != '\0') {
		while (*p == ' ' || *p == '\t')
			p++;
		if (*p == '#' || *p == '\n' || *p == '\r') {
			p += strcspn(p, "\n");
			if (*p == '\n')
				p++;
			continue;
		}
		if (strncmp(p, "---", 3) == 0 || *p == '{')
			return 1;
		for (w = p; *w != '\0' && *w != ' ' && *w != '\t' &&
		    *w != '\n' && *w != '\r'; w++)
			;
		return w > p && w[-1] == ':';
	}
	return 1;
}

/* Next word of a rules line: bare, or in double quotes. */
static char *
word(char **p, int *quoted)
{
	char	*s = *p, *w;

	*quoted = 0;
	while (*s == ' ' || *s == '\t')
		s++;
	if (*s == '\0' || *s == '#')
		return NULL;
	if (*s == '"') {
		*quoted = 1;
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

/* A column of the old format: a number, letters, or a header. */
static int
legacy_column(struct rules_field *f, const char *w, int quoted,
    const char **header)
{
	char		*end, ref[16];
	unsigned long	 n;
	uint32_t	 row, col;

	f->position = 0;
	f->headers = NULL;
	if (!quoted && isdigit((unsigned char)w[0])) {
		n = strtoul(w, &end, 10);
		if (*end != '\0' || n == 0 || n > IO_MAX_COLS)
			return -1;
		f->position = (unsigned)n;
		return 0;
	}
	if (!quoted && isupper((unsigned char)w[0]) && strlen(w) <= 3) {
		snprintf(ref, sizeof ref, "%s1", w);
		if (xlsxread_ref_parse(&row, &col, ref) == 0 &&
		    col < IO_MAX_COLS) {
			f->position = col + 1;
			return 0;
		}
	}
	header[0] = w;
	header[1] = NULL;
	f->headers = header;
	return 0;
}

struct legacy {
	struct rules	*r;
	const char	*path;
	struct diags	*d;
	int		 kind, fy, bad, has_org, nitems;
};

/* One "org COLUMN", "item REF COLUMN" ... rule as an engine field. */
static int
legacy_field(struct legacy *lg, unsigned ln, const char *name,
    const char *label, const char *map, const char *w, int quoted)
{
	struct rules_field	 f;
	const char		*header[2];
	int			 e;

	memset(&f, 0, sizeof f);
	f.name = name;
	f.label = label;
	f.map = map;
	if (legacy_column(&f, w, quoted, header) != 0)
		return -1;
	/* a rule given again replaces the first */
	if (rules_field_index(lg->r, name) >= 0) {
		diags_add(lg->d, lg->path, ln, 0, "'%s' is given twice",
		    name);
		lg->bad = 1;
		return 0;
	}
	if ((e = rules_add_field(lg->r, &f)) == NC_ENOMEM)
		return e;
	if (e != 0) {
		diags_add(lg->d, lg->path, ln, 0, "%s", error_last());
		lg->bad = 1;
	}
	return 0;
}

/* One line of the old format; -1 for a bad value, -2 a missing one. */
static int
legacy_line(struct legacy *lg, unsigned ln, char *line)
{
	static const char *const cols[] = { "org", "respondent", "submitted",
	    "contract", "stage", "vendor", NULL };
	static const char *const labels[] = { "the division",
	    "the respondent number", "提出日", "契約名", "点検段階",
	    "委託事業者等の名称" };
	char		*p = line, *k, *a, *b, name[128];
	int		 qk, qa, qb, e;
	enum ck_kind	 kind;
	enum ck_value	 v;
	size_t		 i;

	if ((k = word(&p, &qk)) == NULL)
		return 0;
	a = word(&p, &qa);
	b = a != NULL ? word(&p, &qb) : NULL;
	if (strcmp(k, "kind") == 0) {
		if (a == NULL)
			return -2;
		if (ck_kind_parse(&kind, a) != 0)
			return -1;
		lg->kind = (int)kind;
		return 0;
	}
	if (strcmp(k, "fy") == 0) {
		if (a == NULL)
			return -2;
		lg->fy = atoi(a);
		return lg->fy < 2000 || lg->fy > 2099 ? -1 : 0;
	}
	if (strcmp(k, "encoding") == 0) {
		if (a == NULL)
			return -2;
		if (strcasecmp(a, "utf-8") == 0)
			rules_set_encoding(lg->r, CSVREAD_UTF8);
		else if (strcasecmp(a, "cp932") == 0 ||
		    strcasecmp(a, "shift_jis") == 0)
			rules_set_encoding(lg->r, CSVREAD_CP932);
		else if (strcasecmp(a, "auto") == 0)
			rules_set_encoding(lg->r, CSVREAD_DETECT);
		else
			return -1;
		return 0;
	}
	if (strcmp(k, "skip") == 0) {
		if (a == NULL)
			return -2;
		/* the last line skipped is the header */
		if (atoi(a) > 0)
			rules_set_header(lg->r, RULES_HEADER_ROW,
			    (unsigned)atoi(a));
		else
			rules_set_header(lg->r, RULES_HEADER_NONE, 0);
		return 0;
	}
	for (i = 0; cols[i] != NULL; i++) {
		if (strcmp(k, cols[i]) != 0)
			continue;
		if (a == NULL)
			return -2;
		lg->has_org |= i == 0;
		e = legacy_field(lg, ln, cols[i], labels[i], "", a, qa);
		return e == NC_ENOMEM ? e : e != 0 ? -1 : 0;
	}
	if (strcmp(k, "item") == 0 || strcmp(k, "note") == 0) {
		if (a == NULL || b == NULL)
			return -2;
		snprintf(name, sizeof name, "%s%s", a, k[0] == 'n' ? ".note" :
		    "");
		lg->nitems += k[0] == 'i';
		e = legacy_field(lg, ln, name, k[0] == 'i' ? N_("the answer") :
		    N_("the note"), k[0] == 'i' ? "answers" : "", b, qb);
		return e == NC_ENOMEM ? e : e != 0 ? -1 : 0;
	}
	if (strcmp(k, "value") == 0) {
		if (a == NULL || b == NULL)
			return -2;
		for (v = 0; v < CK_NVALUES; v++) {
			if (strcmp(b, ck_value_name(v)) == 0)
				break;
		}
		if (v == CK_NVALUES) {
			diags_add(lg->d, lg->path, ln, 0, "unknown value '%s':"
			    " expected yes, no, na, done, partial, not-done or"
			    " unknown", b);
			lg->bad = 1;
			return 0;
		}
		return rules_add_map(lg->r, "answers", a, b) == 0 ? 0 :
		    NC_ENOMEM;
	}
	diags_add(lg->d, lg->path, ln, 1, "unknown rule '%s'", k);
	lg->bad = 1;
	return 0;
}

static int
legacy_load(struct rules **out, int *kind, int *fy, const char *path,
    const char *text, struct diags *d)
{
	struct legacy	 lg;
	char		*copy, *line, *next;
	unsigned	 ln = 0;
	int		 e;

	*out = NULL;
	memset(&lg, 0, sizeof lg);
	lg.path = path;
	lg.d = d;
	lg.kind = -1;
	if ((copy = strdup(text)) == NULL)
		return error_set(NC_ENOMEM, "out of memory");
	if ((e = rules_new(&lg.r, path)) != 0) {
		free(copy);
		return e;
	}
	/* the header is the first line unless "skip" says otherwise */
	rules_set_header(lg.r, RULES_HEADER_ROW, 1);
	for (line = copy; line != NULL; line = next) {
		if ((next = strchr(line, '\n')) != NULL)
			*next++ = '\0';
		ln++;
		line[strcspn(line, "\r")] = '\0';
		if ((e = legacy_line(&lg, ln, line)) == NC_ENOMEM)
			goto fail;
		if (e == -2 || e == -1) {
			char	*p = line, *k;
			int	 q;

			k = word(&p, &q);
			if (e == -1)
				diags_add(d, path, ln, 0, "invalid value for"
				    " '%s'", k);
			else
				diags_add(d, path, ln, 0, "'%s' needs %s", k,
				    strcmp(k, "item") == 0 || strcmp(k,
				    "note") == 0 ? "an item ref and a column" :
				    strcmp(k, "value") == 0 ? "a text and a"
				    " value" : "a value");
			lg.bad = 1;
		}
	}
	free(copy);
	copy = NULL;
	if (!lg.bad && !lg.has_org) {
		diags_add(d, path, 0, 0, "no 'org' rule: say which column"
		    " holds the division");
		lg.bad = 1;
	}
	if (!lg.bad && lg.nitems == 0) {
		diags_add(d, path, 0, 0, "no 'item' rules: say which column"
		    " answers which item");
		lg.bad = 1;
	}
	if (lg.bad) {
		rules_free(lg.r);
		return error_set(NC_EINVALID, "the rules file '%s' has errors",
		    path);
	}
	*out = lg.r;
	*kind = lg.kind;
	*fy = lg.fy;
	return 0;
fail:
	free(copy);
	rules_free(lg.r);
	return e;
}

/*
 * A rules file, in YAML or in the first format; kind and fy from its
 * identity constants when it has them (else -1 and 0).
 */
static int
rules_file_load(struct rules **out, int *kind, int *fy, const char *path,
    struct diags *d)
{
	struct buf	 b = BUF_INIT;
	const char	*k, *y;
	enum ck_kind	 kk;
	int		 r;

	*out = NULL;
	*kind = -1;
	*fy = 0;
	if ((r = buf_load(&b, path)) != 0) {
		diags_add(d, path, 0, 0, "cannot open the rules file");
		buf_free(&b);
		return error_sys(NC_ENOTFOUND, "cannot open '%s'", path);
	}
	if (b.data == NULL || memchr(b.data, '\0', b.len) != NULL) {
		diags_add(d, path, 0, 0, "the rules file is empty or not text");
		buf_free(&b);
		return error_set(NC_EINVALID, "the rules file '%s' has errors",
		    path);
	}
	if (!is_yaml(b.data)) {
		r = legacy_load(out, kind, fy, path, b.data, d);
		buf_free(&b);
		return r;
	}
	r = rules_parse(out, b.data, b.len, path, d);
	buf_free(&b);
	if (r != 0)
		return r;
	k = rules_constant(*out, "kind");
	y = rules_constant(*out, "fy");
	if ((k != NULL && ck_kind_parse(&kk, k) != 0) ||
	    (y != NULL && parse_fy(fy, y) != 0)) {
		diags_add(d, path, 0, 0, "identity: kind must be self,"
		    " department or vendor and fy a fiscal year");
		rules_free(*out);
		*out = NULL;
		return error_set(NC_EINVALID, "the rules file '%s' has errors",
		    path);
	}
	if (k != NULL)
		*kind = (int)kk;
	return 0;
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

static int
same_str(const char *a, const char *b)
{
	return a == NULL ? b == NULL : b != NULL && strcmp(a, b) == 0;
}

/* Whether two answer lists are the same, in the same order. */
static int
same_answers(const struct node *old, const struct node *new)
{
	const struct node	*a, *b;
	size_t			 i;

	if (old == NULL || new == NULL || old->kind != NODE_SEQ ||
	    new->kind != NODE_SEQ || old->n != new->n)
		return 0;
	for (i = 0; i < old->n; i++) {
		a = old->u.items[i];
		b = new->u.items[i];
		if (!same_str(node_get_str(a, "ref"), node_get_str(b, "ref")) ||
		    !same_str(node_get_str(a, "value"),
		    node_get_str(b, "value")) ||
		    !same_str(node_get_str(a, "note"), node_get_str(b, "note")))
			return 0;
	}
	return 1;
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

	/* the common case, a file imported again: no map needed */
	if (same_answers(old, new))
		return buf_ok(out);
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
		strmap_put(m, rid, NULL);
		if (same_answers(node_get(a, "answers"), node_get(b,
		    "answers")))
			continue;
		buf_reset(&who);
		buf_printf(&who, "%s ", rid);
		if ((r = buf_ok(&who)) != 0 || (r = diff_answers(out, who.data,
		    node_get(a, "answers"), node_get(b, "answers"))) != 0) {
			buf_free(&who);
			strmap_free(m);
			return r;
		}
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
set_source(struct ydoc *doc, struct node *root, const struct sub *s)
{
	struct node	*src;
	char		 now[CLOCK_ISO_MAX];

	clock_iso(now);
	if ((src = node_map(doc)) == NULL ||
	    node_map_set_str(doc, src, "file", base_name(s->file->path)) !=
	    0 || node_map_set_str(doc, src, "imported", now) != 0 ||
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

/*
 * The checklist records of the fiscal years in the batch, by key: only
 * the top-level fields that make the key are read, and nothing is kept
 * but the key and where the record is.
 */
struct held {
	struct reclist	 lists[16];
	size_t		 nlists;
	char		**keys;
	size_t		 nkeys;
	struct strmap	*bykey;		/* key -> struct recref */
};

static void
held_free(struct held *h)
{
	size_t	i;

	for (i = 0; i < h->nlists; i++)
		reclist_free(&h->lists[i]);
	for (i = 0; i < h->nkeys; i++)
		free(h->keys[i]);
	free(h->keys);
	strmap_free(h->bykey);
}

static int
index_held(struct held *h, struct ck_import *im, struct diags *d)
{
	static const char *const want[] = { "fy", "kind", "org", "contract",
	    "stage" };
	struct reclist	*l;
	struct record	*rec;
	char		**v;
	int		 fys[16], nfy = 0, r, k;
	size_t		 i, j;

	memset(h, 0, sizeof *h);
	if ((h->bykey = strmap_new()) == NULL)
		return NC_ENOMEM;
	for (i = 0; i < im->n; i++) {
		for (k = 0; k < nfy; k++) {
			if (fys[k] == im->v[i]->set->fy)
				break;
		}
		if (k == nfy && nfy < 16)
			fys[nfy++] = im->v[i]->set->fy;
	}
	for (k = 0; k < nfy; k++) {
		l = &h->lists[h->nlists];
		*l = (struct reclist)RECLIST_INIT;
		if ((r = store_scan(l, im->st, im->schema, fys[k], d)) != 0)
			return r;
		h->nlists++;
		if ((v = realloc(h->keys, (h->nkeys + l->n + 1) *
		    sizeof *v)) == NULL)
			return error_set(NC_ENOMEM, "out of memory");
		h->keys = v;
		for (j = 0; j < l->n; j++) {
			if ((r = record_load_fields(&rec, im->st, &l->v[j], d,
			    want, sizeof want / sizeof want[0])) != 0)
				return r;
			h->keys[h->nkeys] = key_of(record_root(rec));
			record_free(rec);
			if (h->keys[h->nkeys] == NULL)
				return NC_ENOMEM;
			/* a later duplicate is for lint; keep the first */
			if (strmap_get(h->bykey, h->keys[h->nkeys]) == NULL &&
			    strmap_put(h->bykey, h->keys[h->nkeys],
			    &l->v[j]) != 0) {
				h->nkeys++;
				return NC_ENOMEM;
			}
			h->nkeys++;
		}
	}
	return 0;
}

/*
 * Replace the imported fields of rec with those of the submission, whose
 * tree nr was built in rec's document: its nodes are taken as they are.
 */
static int
replace(struct record *rec, const struct node *nr, const struct sub *s)
{
	struct ydoc	*doc = rec->doc;
	struct node	*root = record_root(rec), *n;
	size_t		 i;

	for (i = 0; scalar_keys[i] != NULL; i++) {
		if ((n = node_get(nr, scalar_keys[i])) == NULL)
			node_map_remove(root, scalar_keys[i]);
		else if (node_map_set(doc, root, scalar_keys[i], n) != 0)
			return NC_ENOMEM;
	}
	node_map_remove(root, "answers");
	node_map_remove(root, "responses");
	if ((n = node_get(nr, "answers")) != NULL &&
	    node_map_set(doc, root, "answers", n) != 0)
		return NC_ENOMEM;
	if ((n = node_get(nr, "responses")) != NULL &&
	    node_map_set(doc, root, "responses", n) != 0)
		return NC_ENOMEM;
	return set_source(doc, root, s);
}

/* The scalar under key of a map, by a walk of its pairs. */
static const char *
scalar_at(const struct node *map, size_t i, const char *key)
{
	const struct node	*v;

	if (map == NULL || map->kind != NODE_MAP || i >= map->n ||
	    strcmp(map->u.pairs[i].key->u.s.str, key) != 0)
		return NULL;
	v = map->u.pairs[i].value;
	return v->kind == NODE_SCALAR ? v->u.s.str : NULL;
}

/*
 * Whether an answer map is exactly {ref, value[, note]} with these: what
 * answer_push() writes, in the order the schema writes it.
 */
static int
answer_is(const struct node *m, const char *ref, enum ck_value v,
    const char *note)
{
	const char	*s;

	if (m == NULL || m->kind != NODE_MAP ||
	    m->n != (note != NULL && *note != '\0' ? 3u : 2u) ||
	    (s = scalar_at(m, 0, "ref")) == NULL || strcmp(s, ref) != 0 ||
	    (s = scalar_at(m, 1, "value")) == NULL ||
	    strcmp(s, ck_value_name(v)) != 0)
		return 0;
	return m->n == 2 || ((s = scalar_at(m, 2, "note")) != NULL &&
	    strcmp(s, note) == 0);
}

static int
same_responses(const struct node *seq, const struct sub *s)
{
	const struct ck_set	*set = s->set;
	const struct node	*m, *ans;
	const char		*rid;
	size_t			 i, k, n;
	uint8_t			 v;

	if (seq == NULL || seq->kind != NODE_SEQ || seq->n != s->nresp)
		return 0;
	for (i = 0; i < s->nresp; i++) {
		m = seq->u.items[i];
		if (m->kind != NODE_MAP || m->n != 2 ||
		    (rid = scalar_at(m, 0, "respondent")) == NULL ||
		    strcmp(rid, s->resp[i]) != 0 ||
		    strcmp(m->u.pairs[1].key->u.s.str, "answers") != 0)
			return 0;
		ans = m->u.pairs[1].value;
		if (ans->kind != NODE_SEQ)
			return 0;
		for (k = n = 0; k < set->nitems; k++) {
			if ((v = s->vals[i * set->nitems + k]) == NOVALUE)
				continue;
			if (n >= ans->n || !answer_is(ans->u.items[n],
			    set->items[k].ref, (enum ck_value)v, NULL))
				return 0;
			n++;
		}
		if (n != ans->n)
			return 0;
	}
	return 1;
}

/*
 * Whether the record held already says what the submission says, in the
 * terms changes() compares: then the file was imported before, and no
 * tree need be built for it.
 */
static int
sub_same(const struct sub *s, const struct node *root)
{
	const struct ck_set	*set = s->set;
	const struct node	*seq;
	const char		*want;
	char			 ver[16];
	size_t			 i;
	int			 fi;

	snprintf(ver, sizeof ver, "%d", set->version);
	for (i = 0; scalar_keys[i] != NULL; i++) {
		if (strcmp(scalar_keys[i], "catalog") == 0)
			want = set->catalog;
		else if (strcmp(scalar_keys[i], "catalog_version") == 0)
			want = ver;
		else
			want = (fi = field_index(set->kind,
			    scalar_keys[i])) < 0 ? NULL : s->field[fi];
		if (!same_str(node_get_str(root, scalar_keys[i]), want))
			return 0;
	}
	if (set->kind == CK_SELF)
		return node_get(root, "answers") == NULL &&
		    same_responses(node_get(root, "responses"), s);
	if (node_get(root, "responses") != NULL ||
	    (seq = node_get(root, "answers")) == NULL ||
	    seq->kind != NODE_SEQ || seq->n != s->nans)
		return 0;
	for (i = 0; i < s->nans; i++) {
		if (!answer_is(seq->u.items[i], set->items[s->ans[i].item].ref,
		    (enum ck_value)s->ans[i].value, s->ans[i].note))
			return 0;
	}
	return 1;
}

/* What the edit of a held record is given, and gives back. */
struct update {
	const struct sub	*s;
	const struct schema	*kind;
	struct buf		 changes;
	int			 dry_run;
};

/*
 * Under the lock: the same, or compare the record the submission becomes
 * and replace what changed.
 */
static int
update_edit(struct record *rec, void *arg)
{
	struct update	*u = arg;
	struct node	*nr;
	int		 r;

	if (sub_same(u->s, record_root(rec)))
		return RECORD_EDIT_NOCHANGE;
	/* in the record's own document, so nothing need be copied */
	if ((nr = sub_root(rec->doc, u->s, NULL)) == NULL)
		return NC_ENOMEM;
	if ((r = changes(&u->changes, record_root(rec), nr,
	    u->s->set->kind)) != 0)
		return r;
	if (u->changes.len == 0 || u->dry_run)
		return RECORD_EDIT_NOCHANGE;
	return replace(rec, nr, u->s);
}

/* One submission: new, updated or unchanged. */
static int
commit_one(struct ck_import *im, struct held *h, const struct sub *s,
    struct ck_result *res, int dry_run, struct diags *d)
{
	struct ydoc	*doc = NULL;
	struct record	*rec = NULL;
	struct recref	*ref;
	struct update	 u;
	char		*id, *rel;
	int		 r = 0;

	memset(&u, 0, sizeof u);
	buf_init(&u.changes);
	res->file = s->file->path;
	res->encoding = s->file->encoding;
	res->org = s->org->code;
	res->org_name = s->org->name;
	res->what = s->what;
	if ((ref = strmap_get(h->bykey, s->key)) != NULL) {
		u.s = s;
		u.dry_run = dry_run;
		r = record_edit(&rec, im->st, ref, update_edit, &u, d);
		if (r != 0 && r != RECORD_EDIT_NOCHANGE)
			goto done;
		r = 0;
		if ((res->id = strdup(record_id(rec))) == NULL ||
		    buf_ok(&u.changes) != 0) {
			r = error_set(NC_ENOMEM, "out of memory");
			goto done;
		}
		res->outcome = u.changes.len == 0 ? CK_UNCHANGED : CK_UPDATED;
		if (u.changes.len > 0)
			res->changes = buf_detach(&u.changes, NULL);
		goto done;
	}
	res->outcome = CK_NEW;
	if (!dry_run) {
		if ((r = sub_doc(&doc, s, NULL)) != 0 ||
		    (r = set_source(doc, ydoc_root(doc), s)) != 0 ||
		    (r = record_create(&id, &rel, im->st, im->schema, doc,
		    d)) != 0)
			goto done;
		res->id = id;
		free(rel);
	}
done:
	record_free(rec);
	buf_free(&u.changes);
	ydoc_free(doc);
	return r;
}

int
ck_import_commit(struct ck_import *im, int dry_run,
    void (*progress)(size_t, size_t, void *), void *arg, struct diags *d)
{
	struct held	 h;
	size_t		 i;
	int		 r, batch = 0;

	if ((r = index_held(&h, im, d)) != 0)
		goto done;
	if ((im->res = calloc(im->n + 1, sizeof *im->res)) == NULL) {
		r = error_set(NC_ENOMEM, "out of memory");
		goto done;
	}
	/*
	 * One write batch: the reference checker is checked once.  None when
	 * nothing is to be written (the lock would make its file).
	 */
	batch = !dry_run && im->n > 0;
	if (batch && (r = store_batch_begin(im->st)) != 0)
		goto done;
	for (i = 0; i < im->n; i++) {
		if ((r = commit_one(im, &h, im->v[i], &im->res[im->nres++],
		    dry_run, d)) != 0)
			break;
		im->ndone++;
		if (progress != NULL)
			progress(i + 1, im->n, arg);
	}
	if (batch)
		store_batch_end(im->st);
done:
	held_free(&h);
	return r;
}

size_t
ck_import_nresults(const struct ck_import *im)
{
	return im->ndone;
}

const struct ck_result *
ck_import_result(const struct ck_import *im, size_t i)
{
	return i < im->ndone ? &im->res[i] : NULL;
}
