/*
 * Answer files coming back into a training: our own answer sheet, a
 * Microsoft Forms export, or an e-learning system's table through a rules
 * file -- all read by the rules engine of lib/io (rules.h), which checks
 * every cell against the My Number guard and reports every problem as
 * file:sheet:row:col.  The rules of the first two are built here; the
 * third is the user's.  A file is converted whole before anything is
 * merged, and merged (training_merge.c) only when nothing in it was
 * wrong; its SHA-256 is noted so that the same file again changes nothing.
 *
 * Only the respondent code, the organisation and the answers are taken:
 * a column not named by a field (氏名, メール, 開始時刻 ...) is never read
 * into the record.
 */
#include <ctype.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "cal.h"
#include "error.h"
#include "i18n.h"
#include "node.h"
#include "parse.h"
#include "rules.h"
#include "store.h"
#include "strmap.h"
#include "training.h"
#include "training_int.h"
#include "sha256.h"
#include "xlsxread.h"

enum how {
	HOW_SHEET,		/* our answer sheet (training form) */
	HOW_FORMS,		/* a Microsoft Forms export */
	HOW_RULES,		/* the user's rules file */
};

/* The identity cells of an answer sheet's hidden sheet (training_form.c). */
static const struct {
	const char	*name, *cell;
} sheet_ident[] = {
	{ "format", "B1" },
	{ "training", "B2" },
	{ "fy", "B3" },
	{ "title", "B4" },
	{ "survey_refs", "B10" },
	{ "test_refs", "B11" },
};

/* Largest answer sheet training_form.c writes, and its columns. */
static const struct io_limits sheet_limits = {
	0, 16ULL * 1024 * 1024, 6000, 256, 1600000, 0
};

struct ctx {
	struct store		*st;
	const struct training	*t;
	enum how		 how;
	struct tr_in_file	*f;
	struct rules_report	*rep;
	int			 fcode, forg;
	int			*fq[2];		/* each question's field, -1 */
	int			 has[2];	/* the part has its columns */
	int			 stop;		/* not the file: rows unread */
	struct strmap		*seen;		/* code -> 1 + row index */
	size_t			 cap;
	struct buf		 tok;
};

/* A question's name in messages, whole: "survey question 3" */
static const char *const part_fmt[2] = { N_("survey question %zu"),
    N_("test item %zu") };
static const char *const part_ref_fmt[2] = { N_("survey question %zu (%s)"),
    N_("test item %zu (%s)") };

void
tr_in_file_free(struct tr_in_file *f)
{
	size_t	i, k;

	if (f == NULL)
		return;
	for (i = 0; i < f->n; i++) {
		free(f->rows[i].code);
		free(f->rows[i].org);
		free(f->rows[i].tok[0]);
		free(f->rows[i].tok[1]);
		for (k = 0; k < f->rows[i].ntexts; k++)
			free(f->rows[i].texts[k]);
		free(f->rows[i].texts);
	}
	free(f->rows);
	free(f->line);
	free(f->path);
	free(f->format);
	free(f->where);
	free(f);
}

/* A respondent code of the schema: ^[a-z][a-z0-9-]{1,31}$. */
static int
valid_code(const char *s)
{
	size_t	i, n = strlen(s);

	if (n < 2 || n > 32 || !(s[0] >= 'a' && s[0] <= 'z'))
		return 0;
	for (i = 1; i < n; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' &&
		    s[i] <= '9') || s[i] == '-'))
			return 0;
	return 1;
}

/*
 * The code a respondent gets: an answer sheet's as it is, a Forms
 * export's number as f0001, a rules file's in lower case, with an r
 * before one that begins with a digit.
 */
static int
make_code(char *out, size_t size, enum how how, const char *cell)
{
	size_t	i, n;

	if (how == HOW_FORMS) {
		snprintf(out, size, "f%04lld", strtoll(cell, NULL, 10));
		return 0;
	}
	n = 0;
	if (how == HOW_RULES && cell[0] >= '0' && cell[0] <= '9')
		out[n++] = 'r';
	for (i = 0; cell[i] != '\0' && n + 1 < size; i++)
		out[n++] = how == HOW_RULES ? (char)tolower((unsigned char)
		    cell[i]) : cell[i];
	out[n] = '\0';
	return cell[i] == '\0' && valid_code(out) ? 0 : -1;
}

/* The question a field stands for: S3, T10 or a question's ref. */
static int
field_question(const struct training *t, const char *name, int *part,
    size_t *q)
{
	char		*end;
	unsigned long	 n;
	size_t		 i;
	int		 p;

	if ((name[0] == 'S' || name[0] == 'T') && name[1] >= '1' &&
	    name[1] <= '9') {
		n = strtoul(name + 1, &end, 10);
		p = name[0] == 'S' ? TR_SURVEY : TR_TEST;
		if (*end == '\0' && n >= 1 && n <= t->nitems[p]) {
			*part = p;
			*q = n - 1;
			return 1;
		}
		return 0;
	}
	for (p = 0; p < 2; p++)
		for (i = 0; i < t->nitems[p]; i++)
			if (strcmp(t->items[p][i].ref, name) == 0) {
				*part = p;
				*q = i;
				return 1;
			}
	return 0;
}

/* The refs of a part as the answer sheet names them. */
static int
refs_of(struct buf *b, const struct training *t, int p)
{
	size_t	i;

	buf_reset(b);
	for (i = 0; i < t->nitems[p]; i++)
		buf_printf(b, "%s%s", i > 0 ? " " : "", t->items[p][i].ref);
	if (b->data == NULL)
		buf_puts(b, "");
	return buf_ok(b);
}

/* An answer sheet's identity: this training, this year, these questions. */
static int
check_sheet(struct ctx *c, struct rules_table *tb)
{
	const struct training	*t = c->t;
	const char		*fmt = rules_ident(tb, "format");
	const char		*id = rules_ident(tb, "training");
	const char		*fy = rules_ident(tb, "fy");
	const char		*title = rules_ident(tb, "title");
	const char		*refs[2];
	struct buf		 where = BUF_INIT, b = BUF_INIT;
	char			 era[64];
	int			 p, y = 0;

	size_t			 n0 = c->rep->n;

	buf_printf(&where, "%s:%s", c->f->path, TR_FORM_SHEET);
	if (buf_ok(&where) != 0)
		return NC_ENOMEM;
	refs[0] = rules_ident(tb, "survey_refs");
	refs[1] = rules_ident(tb, "test_refs");
	if (fmt == NULL || strcmp(fmt, TR_FORM_FORMAT) != 0) {
		rules_report_add(c->rep, where.data, 1, 2, 1, "not an answer"
		    " sheet of 'nerima-cio training form' ('%s' expected)",
		    TR_FORM_FORMAT);
		goto done;
	}
	if (id == NULL || strcmp(id, t->id) != 0)
		rules_report_add(c->rep, where.data, 2, 2, 1, "this answer"
		    " sheet is for another training, '%s' (%s), not '%s'"
		    " (%s)", title != NULL ? title : "?", id != NULL ? id :
		    "?", t->title, t->id);
	else if (fy == NULL || parse_fy(&y, fy) != 0 || y != t->fy) {
		cal_fy_label(era, sizeof era, t->fy);
		rules_report_add(c->rep, where.data, 3, 2, 1, "this answer"
		    " sheet is for fiscal year '%s', not %s", fy != NULL ? fy :
		    "", era);
	} else {
		for (p = 0; p < 2; p++) {
			if (refs_of(&b, t, p) != 0)
				goto done;
			if (refs[p] != NULL && strcmp(refs[p], b.data) == 0)
				continue;
			if (p == TR_SURVEY)
				rules_report_add(c->rep, where.data, 10, 2, 1,
				    "the answer sheet has other survey"
				    " questions than '%s' has now (%s): make"
				    " a new one with 'nerima-cio training"
				    " form'", t->title, b.data);
			else
				rules_report_add(c->rep, where.data, 11, 2, 1,
				    "the answer sheet has other test items"
				    " than '%s' has now (%s): make a new one"
				    " with 'nerima-cio training form'",
				    t->title, b.data);
		}
	}
done:
	buf_free(&where);
	buf_free(&b);
	return c->rep->n > n0;
}

/* A rules file's identity, when it has one: this training, this year. */
static void
check_rules_ident(struct ctx *c, struct rules_table *tb)
{
	const char	*id = rules_ident(tb, "training");
	const char	*fy = rules_ident(tb, "fy");
	char		 era[64];
	int		 y = 0;

	if (id != NULL && strcmp(id, c->t->id) != 0)
		rules_problem_at(tb, 0, 0, "the rules are for training '%s',"
		    " not '%s' (%s)", id, c->t->title, c->t->id);
	if (fy != NULL && (parse_fy(&y, fy) != 0 || y != c->t->fy)) {
		cal_fy_label(era, sizeof era, c->t->fy);
		rules_problem_at(tb, 0, 0, "the file is for fiscal year '%s',"
		    " not %s", fy, era);
	}
}

static int
begin(void *arg, struct rules_table *tb)
{
	struct ctx		*c = arg;
	const struct rules	*r = rules_table_rules(tb);
	const struct training	*t = c->t;
	struct buf		 miss = BUF_INIT;
	const char		*name;
	size_t			 i, q, n[2] = { 0, 0 };
	int			 p;

	if (c->how == HOW_SHEET && (c->stop = check_sheet(c, tb)) != 0)
		return c->stop < 0 ? c->stop : 0;
	if (c->how == HOW_RULES)
		check_rules_ident(c, tb);
	c->fcode = c->forg = -1;
	for (i = 0; i < rules_nfields(r); i++) {
		name = rules_field_name(r, i);
		if (strcmp(name, "respondent") == 0)
			c->fcode = (int)i;
		else if (strcmp(name, "org") == 0) {
			if (rules_col(tb, i) != 0)
				c->forg = (int)i;
		} else if (field_question(t, name, &p, &q) &&
		    rules_col(tb, i) != 0) {
			if (c->fq[p][q] >= 0 && p == TR_SURVEY)
				rules_problem_at(tb, 0, 0, "fields '%s' and"
				    " '%s' are both survey question %zu",
				    rules_field_name(r, (size_t)c->fq[p][q]),
				    name, q + 1);
			else if (c->fq[p][q] >= 0)
				rules_problem_at(tb, 0, 0, "fields '%s' and"
				    " '%s' are both test item %zu",
				    rules_field_name(r, (size_t)c->fq[p][q]),
				    name, q + 1);
			c->fq[p][q] = (int)i;
			n[p]++;
		}
	}
	if (c->fcode < 0 || rules_col(tb, (size_t)c->fcode) == 0)
		rules_problem_at(tb, 0, 0, "no field 'respondent': the rules"
		    " must name the column of the respondent codes");
	for (p = 0; p < 2; p++) {
		c->has[p] = n[p] > 0;
		if (n[p] == t->nitems[p] || (n[p] == 0 && c->how !=
		    HOW_SHEET))
			continue;
		for (q = 0; q < t->nitems[p]; q++)
			if (c->fq[p][q] < 0)
				buf_printf(&miss, "%s%zu (%s)", miss.len > 0 ?
				    ", " : "", q + 1, t->items[p][q].ref);
		if (buf_ok(&miss) != 0)
			return NC_ENOMEM;
		if (p == TR_SURVEY)
			rules_problem_at(tb, 0, 0, "the file answers %zu of"
			    " the %zu survey questions of '%s': no column for"
			    " %s", n[p], t->nitems[p], t->title, miss.data);
		else
			rules_problem_at(tb, 0, 0, "the file answers %zu of"
			    " the %zu test items of '%s': no column for %s",
			    n[p], t->nitems[p], t->title, miss.data);
		buf_reset(&miss);
	}
	if (n[0] + n[1] == 0)
		rules_problem_at(tb, 0, 0, "no column of the file is a"
		    " question of '%s'", t->title);
	buf_free(&miss);
	return 0;
}

static int
grow(struct ctx *c)
{
	struct tr_in_file	*f = c->f;
	struct tr_in_row	*v;
	unsigned		*l;
	size_t			 cap;

	if (f->n < c->cap)
		return 0;
	cap = c->cap == 0 ? 256 : c->cap * 2;
	if ((v = realloc(f->rows, cap * sizeof *v)) == NULL)
		return error_set(NC_ENOMEM, "out of memory");
	f->rows = v;
	if ((l = realloc(f->line, cap * sizeof *l)) == NULL)
		return error_set(NC_ENOMEM, "out of memory");
	f->line = l;
	c->cap = cap;
	return 0;
}

static int
row(void *arg, struct rules_table *tb, size_t row)
{
	struct ctx		*c = arg;
	const struct training	*t = c->t;
	struct tr_in_row	*r;
	const char		*cell, *code, *org = NULL, *text;
	char			 tok[64], cb[64];
	size_t			 q, any = 0, other;
	int			 p, f, bad = 0, ans[2] = { 0, 0 };

	if (c->stop)
		return 0;
	/* a row that answers nothing is an unused row of the form */
	for (p = 0; p < 2; p++)
		for (q = 0; c->has[p] && q < t->nitems[p]; q++) {
			if ((cell = rules_get(tb, row, (size_t)c->fq[p][q])) ==
			    NULL)
				bad = 1;
			else {
				other = strlen(cell);
				rules_trim(cell, &other);
				any += other > 0;
			}
		}
	if (bad || any == 0 || c->fcode < 0)
		return 0;
	if ((code = rules_get(tb, row, (size_t)c->fcode)) == NULL)
		return 0;
	if (*code == '\0') {
		rules_problem(tb, row, c->fcode, "the row has answers but no"
		    " respondent code");
		return 0;
	}
	if (make_code(cb, sizeof cb, c->how, code) != 0) {
		rules_problem(tb, row, c->fcode, "respondent code '%.40s' is"
		    " not a code: a letter, then letters, digits or hyphens"
		    " (2 to 32; never a name or a staff number)", code);
		return 0;
	}
	if ((other = (size_t)(uintptr_t)strmap_get(c->seen, cb)) != 0) {
		/* one whole sentence each, so that each translates whole */
		if (rules_is_xlsx(tb))
			rules_problem(tb, row, c->fcode, "respondent '%s' is"
			    " in the file twice: also on row %u", cb,
			    c->f->line[other - 1]);
		else
			rules_problem(tb, row, c->fcode, "respondent '%s' is"
			    " in the file twice: also on line %u", cb,
			    c->f->line[other - 1]);
		return 0;
	}
	if (c->forg >= 0 && (cell = rules_get(tb, row, (size_t)c->forg)) !=
	    NULL && *cell != '\0' && store_org_find(&org, c->st, cell) !=
	    0) {
		rules_problem(tb, row, c->forg, "'%.100s' is not a 部 or 課 of"
		    " orgs.yaml (give its name or code, or leave it empty)",
		    cell);
		bad = 1;
	}
	if (grow(c) != 0)
		return NC_ENOMEM;
	r = &c->f->rows[c->f->n];
	memset(r, 0, sizeof *r);
	for (p = 0; p < 2; p++) {
		if (!c->has[p])
			continue;
		buf_reset(&c->tok);
		for (q = 0; q < t->nitems[p]; q++) {
			f = c->fq[p][q];
			cell = rules_get(tb, row, (size_t)f);
			if (tr_cell_answer(tok, sizeof tok, &text,
			    &t->items[p][q], cell) != 0) {
				if (p == TR_SURVEY)
					rules_problem(tb, row, f, "survey"
					    " question %zu (%s): %s", q + 1,
					    t->items[p][q].ref, error_last());
				else
					rules_problem(tb, row, f, "test item"
					    " %zu (%s): %s", q + 1,
					    t->items[p][q].ref, error_last());
				bad = 1;
				continue;
			}
			if (strcmp(tok, "-") != 0)
				ans[p] = 1;
			buf_printf(&c->tok, "%s%s", q > 0 ? " " : "", tok);
			if (text == NULL || p != TR_SURVEY)
				continue;
			if (r->texts == NULL && (r->texts = calloc(
			    t->nitems[p], sizeof *r->texts)) == NULL)
				goto nomem;
			r->ntexts = t->nitems[p];
			if ((r->texts[q] = strdup(text)) == NULL)
				goto nomem;
		}
		if (buf_ok(&c->tok) != 0)
			goto nomem;
		if (!bad && ans[p] && (r->tok[p] = strdup(c->tok.data)) ==
		    NULL)
			goto nomem;
	}
	if (bad) {
		for (q = 0; q < r->ntexts; q++)
			free(r->texts[q]);
		free(r->texts);
		free(r->tok[0]);
		free(r->tok[1]);
		return 0;
	}
	if ((r->code = strdup(cb)) == NULL || (org != NULL && (r->org =
	    strdup(org)) == NULL))
		goto nomem;
	c->f->line[c->f->n] = rules_line(tb, row);
	for (p = 0; p < 2; p++)
		if (r->tok[p] != NULL)
			c->f->nparts[p]++;
	c->f->n++;
	return strmap_put(c->seen, r->code, (void *)(uintptr_t)c->f->n);
nomem:
	c->f->n++;		/* freed with the file */
	return error_set(NC_ENOMEM, "out of memory");
}

/* Rules of an answer sheet: 回答者番号, 所属（課名）, アンケート1..., テスト1... */
static int
sheet_rules(struct rules **out, const struct training *t)
{
	struct rules		*r;
	struct rules_field	 fl;
	struct rules_ident	 id;
	const char		*h[2] = { NULL, NULL };
	char			 name[32], head[64], lb[128];
	size_t			 i, q;
	int			 p, e;

	if ((e = rules_new(&r, "answer sheet")) != 0)
		return e;
	rules_set_limits(r, &sheet_limits);
	if ((e = rules_set_sheet(r, "回答", 0)) != 0)
		goto fail;
	for (i = 0; i < sizeof sheet_ident / sizeof sheet_ident[0]; i++) {
		memset(&id, 0, sizeof id);
		id.name = sheet_ident[i].name;
		id.sheet = TR_FORM_SHEET;
		id.cell = sheet_ident[i].cell;
		if ((e = rules_add_ident(r, &id)) != 0)
			goto fail;
	}
	memset(&fl, 0, sizeof fl);
	fl.name = "respondent";
	fl.headers = h;
	h[0] = "回答者番号";
	fl.label = N_("the respondent code");
	if ((e = rules_add_field(r, &fl)) != 0)
		goto fail;
	fl.name = "org";
	h[0] = "所属（課名）";
	fl.label = N_("the organisation");
	fl.flags = RULES_OPTIONAL;
	if ((e = rules_add_field(r, &fl)) != 0)
		goto fail;
	/* optional: begin() says which are missing, after the identity */
	fl.map = "";
	for (p = 0; p < 2; p++)
		for (q = 0; q < t->nitems[p]; q++) {
			snprintf(name, sizeof name, "%c%zu", p == TR_SURVEY ?
			    'S' : 'T', q + 1);
			snprintf(head, sizeof head, "%s%zu", p == TR_SURVEY ?
			    "アンケート" : "テスト", q + 1);
			snprintf(lb, sizeof lb, _(part_fmt[p]), q + 1);
			fl.name = name;
			h[0] = head;
			fl.label = lb;
			if ((e = rules_add_field(r, &fl)) != 0)
				goto fail;
		}
	*out = r;
	return 0;
fail:
	rules_free(r);
	return e;
}

/*
 * Rules of a Microsoft Forms export: ID, 開始時刻, 完了時刻, メール, 名前,
 * then a column per question headed by its text.  Only ID (the
 * respondent), 所属 and the questions are read.
 */
static int
forms_rules(struct rules **out, const struct training *t)
{
	struct rules		*r;
	struct rules_field	 fl;
	const char		*h[2] = { NULL, NULL };
	char			 name[32], lb[128];
	size_t			 q;
	int			 p, e;

	if ((e = rules_new(&r, "Microsoft Forms")) != 0)
		return e;
	memset(&fl, 0, sizeof fl);
	fl.name = "respondent";
	fl.headers = h;
	h[0] = "ID";
	fl.type = RULES_INTEGER;
	fl.ranged = 1;
	fl.min = 1;
	fl.max = 9999999;
	fl.label = N_("the response's ID");
	fl.flags = RULES_REQUIRED;
	if ((e = rules_add_field(r, &fl)) != 0)
		goto fail;
	memset(&fl, 0, sizeof fl);
	fl.name = "org";
	fl.pattern = "^所属";
	fl.label = N_("the organisation");
	fl.flags = RULES_OPTIONAL;
	fl.map = "";
	if ((e = rules_add_field(r, &fl)) != 0)
		goto fail;
	fl.pattern = NULL;
	fl.headers = h;
	fl.flags = 0;
	for (p = 0; p < 2; p++)
		for (q = 0; q < t->nitems[p]; q++) {
			snprintf(name, sizeof name, "%c%zu", p == TR_SURVEY ?
			    'S' : 'T', q + 1);
			snprintf(lb, sizeof lb, _(part_ref_fmt[p]), q + 1,
			    t->items[p][q].ref);
			fl.name = name;
			h[0] = t->items[p][q].text;
			fl.label = lb;
			if ((e = rules_add_field(r, &fl)) != 0)
				goto fail;
		}
	*out = r;
	return 0;
fail:
	rules_free(r);
	return e;
}

/* Whether path is a zip (an .xlsx), and whether it has our hidden sheet. */
static int
sniff(const char *path, int *zip, int *sheet)
{
	struct xlsxread	*x = NULL;
	unsigned char	 m[4];
	size_t		 i;
	FILE		*fp;

	*zip = *sheet = 0;
	if ((fp = fopen(path, "rb")) == NULL)
		return error_set(NC_EIO, "cannot open '%s': %s", path,
		    strerror(errno));
	*zip = fread(m, 1, 4, fp) == 4 && memcmp(m, "PK\x03\x04", 4) == 0;
	fclose(fp);
	if (*zip && xlsxread_open(&x, path, path) == 0) {
		*sheet = xlsxread_sheet_find(&i, x, TR_FORM_SHEET) == 0;
		xlsxread_free(x);
	}
	error_clear();
	return 0;
}

/* The items must be scorable: a key, one where one is expected. */
static size_t
check_items(const struct training *t, struct rules_report *rep)
{
	struct diags	d = DIAGS_INIT;
	size_t		i, bad = 0;
	int		p;

	for (p = 0; p < 2; p++)
		for (i = 0; i < t->nitems[p]; i++)
			bad += tr_question_check(&t->items[p][i],
			    (enum tr_part)p, t->relpath, &d);
	for (i = 0; i < d.n; i++)
		rules_report_add(rep, d.v[i].path, d.v[i].line, d.v[i].col, 0,
		    "%s; no answers are imported until it is put right",
		    d.v[i].msg);
	diags_free(&d);
	return bad;
}

static const char *
base_name(const char *p)
{
	const char	*s = strrchr(p, '/');

	return s == NULL ? p : s + 1;
}

int
tr_import_read(struct tr_in_file **out, struct store *st,
    const struct training *t, const struct rules *user,
    const char *path, struct rules_report *rep)
{
	struct rules_sink	 sink = { begin, row, NULL, NULL };
	struct rules_table	*tb = NULL;
	struct rules		*own = NULL;
	const struct rules	*ru = user;
	struct ctx		 c;
	const char		*enc;
	struct buf		 b = BUF_INIT;
	size_t			 n0 = rep->n, q;
	int			 zip, sheet, p, r;

	*out = NULL;
	memset(&c, 0, sizeof c);
	c.st = st;
	c.t = t;
	c.rep = rep;
	sink.arg = &c;
	if ((c.f = calloc(1, sizeof *c.f)) == NULL ||
	    (c.f->path = strdup(path)) == NULL ||
	    (c.seen = strmap_new()) == NULL)
		goto nomem;
	c.f->name = base_name(c.f->path);
	for (p = 0; p < 2; p++) {
		if ((c.fq[p] = malloc((t->nitems[p] + 1) * sizeof *c.fq[p])) ==
		    NULL)
			goto nomem;
		for (q = 0; q < t->nitems[p]; q++)
			c.fq[p][q] = -1;
	}
	if (t->nitems[TR_SURVEY] + t->nitems[TR_TEST] == 0) {
		rules_report_add(rep, t->relpath, 0, 0, 0, "'%s' has no survey"
		    " questions or test items to answer", t->title);
		r = NC_EINVALID;
		goto done;
	}
	if (check_items(t, rep) > 0) {
		r = NC_EINVALID;
		goto done;
	}
	if ((r = sniff(path, &zip, &sheet)) != 0) {
		rules_report_add(rep, path, 0, 0, 0, "%s", error_last());
		r = NC_EINVALID;
		goto done;
	}
	if (user != NULL)
		c.how = HOW_RULES;
	else if (sheet) {
		c.how = HOW_SHEET;
		r = sheet_rules(&own, t);
	} else if (zip) {
		c.how = HOW_FORMS;
		r = forms_rules(&own, t);
	} else {
		rules_report_add(rep, path, 0, 0, 0, "a CSV file is read"
		    " through a rules file that names its columns: give one"
		    " with --rules FILE (see nerima-cio-training(1))");
		r = NC_EINVALID;
		goto done;
	}
	if (r != 0)
		goto done;
	if (own != NULL)
		ru = own;
	if ((r = sha256_file(c.f->sha256, path)) != 0) {
		rules_report_add(rep, path, 0, 0, 0, "%s", error_last());
		r = NC_EINVALID;
		goto done;
	}
	if ((r = rules_apply(&tb, ru, path, path, &sink, rep)) != 0)
		goto done;
	if (rep->n > n0) {
		r = NC_EINVALID;
		goto done;
	}
	if (c.f->n == 0) {
		rules_report_add(rep, rules_where(tb), 0, 0, rules_is_xlsx(tb),
		    "no respondent answered anything: nothing to import");
		r = NC_EINVALID;
		goto done;
	}
	enc = rules_encoding(tb);
	if (c.how == HOW_SHEET)
		buf_puts(&b, "answer sheet (training form)");
	else if (c.how == HOW_FORMS)
		buf_puts(&b, "Microsoft Forms export");
	else if (enc != NULL)
		buf_printf(&b, "e-learning CSV (%s)", strncmp(enc, "UTF-8",
		    5) == 0 ? "UTF-8" : enc);
	else
		buf_puts(&b, "workbook through a rules file");
	if ((r = buf_ok(&b)) != 0)
		goto done;
	c.f->format = buf_detach(&b, NULL);
	if ((c.f->where = strdup(rules_where(tb))) == NULL)
		goto nomem;
	c.f->xlsx = rules_is_xlsx(tb);
	c.f->code_col = rules_col(tb, (size_t)c.fcode);
	*out = c.f;
	c.f = NULL;
	r = 0;
	goto done;
nomem:
	r = error_set(NC_ENOMEM, "out of memory");
done:
	if (r == NC_EINVALID)
		error_set(NC_EINVALID, "nothing imported from '%s'", path);
	rules_table_free(tb);
	rules_free(own);
	tr_in_file_free(c.f);
	strmap_free(c.seen);
	free(c.fq[0]);
	free(c.fq[1]);
	buf_free(&c.tok);
	buf_free(&b);
	return r;
}

/* ---- merging a file that was read --------------------------------- */

static struct node *
seq_at(struct node *root, const char *part, const char *rows)
{
	struct node	*m = node_get(root, part), *s;

	if (m == NULL || m->kind != NODE_MAP || (s = node_get(m, rows)) ==
	    NULL || s->kind != NODE_SEQ)
		return NULL;
	return s;
}

static int
index_codes(struct strmap *m, struct node *seq)
{
	const char	*code;
	size_t		 i;
	int		 r;

	for (i = 0; seq != NULL && i < seq->n; i++)
		if ((code = tr_str(seq->u.items[i], "respondent")) != NULL &&
		    (r = strmap_put(m, code, (void *)1)) != 0)
			return r;
	return 0;
}

static int
import_entry(struct node **out, struct ydoc *doc, const struct tr_in_file *f)
{
	struct node	*m;
	char		 n[32], today[16];

	snprintf(n, sizeof n, "%zu", f->n);
	cal_format_iso(today, sizeof today, cal_today());
	if ((m = node_map(doc)) == NULL ||
	    node_map_set_str(doc, m, "file", f->name) != 0 ||
	    node_map_set_str(doc, m, "sha256", f->sha256) != 0 ||
	    node_map_set_str(doc, m, "format", f->format) != 0 ||
	    node_map_set_str(doc, m, "respondents", n) != 0 ||
	    node_map_set_str(doc, m, "imported", today) != 0)
		return error_set(NC_ENOMEM, "out of memory");
	node_get(m, "respondents")->style = NODE_STYLE_PLAIN;
	*out = m;
	return 0;
}

int
tr_import_merge(struct tr_imported *out, struct ydoc *doc, struct node *root,
    const struct tr_in_file *f, struct rules_report *rep)
{
	struct strmap	*held = NULL;
	struct node	*imports = node_get(root, "imports"), *e, *entry = NULL;
	const char	*s;
	size_t		 i, same_name = (size_t)-1, clash = 0;
	int		 r = 0;

	memset(out, 0, sizeof *out);
	if (imports != NULL && imports->kind != NODE_SEQ)
		imports = NULL;
	for (i = 0; imports != NULL && i < imports->n; i++) {
		e = imports->u.items[i];
		if ((s = tr_str(e, "sha256")) != NULL && strcmp(s,
		    f->sha256) == 0) {
			out->outcome = TR_IMPORT_SAME;
			snprintf(out->as, sizeof out->as, "%s",
			    tr_str(e, "file") ? tr_str(e, "file") : "?");
			snprintf(out->date, sizeof out->date, "%s",
			    tr_str(e, "imported") ? tr_str(e, "imported") :
			    "");
			return 0;
		}
		if ((s = tr_str(e, "file")) != NULL && strcmp(s, f->name) == 0)
			same_name = i;
	}
	/* a code another file brought: refused, unless this file replaces it */
	if (same_name == (size_t)-1) {
		if ((held = strmap_new()) == NULL ||
		    (r = index_codes(held, seq_at(root, "survey",
		    "responses"))) != 0 ||
		    (r = index_codes(held, seq_at(root, "test", "results"))) !=
		    0) {
			r = error_set(NC_ENOMEM, "out of memory");
			goto done;
		}
		for (i = 0; i < f->n; i++) {
			if (strmap_get(held, f->rows[i].code) == NULL)
				continue;
			clash++;
			rules_report_add(rep, f->where, f->line[i], f->code_col,
			    f->xlsx, "respondent '%s' is already in the"
			    " training, from another file: a respondent code"
			    " is given once in a training", f->rows[i].code);
		}
		if (clash > 0) {
			r = error_set(NC_EINVALID, "nothing imported from"
			    " '%s': %zu respondent code%s already imported"
			    " from another file", f->path, clash, clash == 1 ?
			    "" : "s");
			goto done;
		}
	}
	if ((r = tr_merge(&out->merged, doc, root, f->rows, f->n)) != 0)
		goto done;
	if (out->merged.added + out->merged.updated == 0) {
		out->outcome = TR_IMPORT_NOCHANGE;
		goto done;
	}
	out->outcome = TR_IMPORT_MERGED;
	if ((r = import_entry(&entry, doc, f)) != 0)
		goto done;
	if (imports == NULL) {
		if ((imports = node_seq(doc)) == NULL ||
		    node_map_set(doc, root, "imports", imports) != 0) {
			r = error_set(NC_ENOMEM, "out of memory");
			goto done;
		}
	}
	if (same_name != (size_t)-1)
		imports->u.items[same_name] = entry;
	else if (node_seq_push(doc, imports, entry) != 0)
		r = error_set(NC_ENOMEM, "out of memory");
done:
	strmap_free(held);
	return r;
}
