/*
 * The rules-file import engine (see rules.h): the rules, the bounded
 * problem report, the source (a CSV file or a sheet), and rules_apply():
 * identity, header, columns, the guard over every cell, then each row
 * converted field by field into the table.  The YAML form of the rules
 * is read in rules_yaml.c through the builder functions here.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "cal.h"
#include "csvread.h"
#include "error.h"
#include "guard.h"
#include "i18n.h"
#include "parse.h"
#include "pattern.h"
#include "rules.h"
#include "strmap.h"
#include "strpool.h"
#include "text.h"
#include "xlsxread.h"

/* ---- rules ---- */

struct field {
	const char	 *name;
	const char	**headers;
	size_t		  nheaders;
	const char	 *pattern;
	struct pattern	 *re;
	unsigned	  position;
	enum rules_type	  type;
	const char	**choices;
	size_t		  nchoices;
	int		  ranged;
	long long	  min, max;
	const char	 *map;
	const char	 *label;
	unsigned	  flags;
};

struct map {
	const char	*name;
	struct strmap	*m;
};

struct ident {
	const char	*name;
	const char	*value;
	const char	*sheet;
	const char	*cell;
	const char	*expect;
	uint32_t	 row, col;
};

struct rules {
	char		 *name;
	struct strpool	  pool;
	struct field	 *fields;
	size_t		  nfields;
	struct map	 *maps;
	size_t		  nmaps;
	struct ident	 *idents;
	size_t		  nidents;
	size_t		 *key;
	size_t		  nkey;
	enum rules_header header;
	unsigned	  header_row;
	unsigned	  skip;
	const char	 *sheet;
	unsigned	  sheetno;
	int		  encoding;
	struct io_limits  lim;
};

static const char *
pool_str(struct rules *r, const char *s)
{
	return s == NULL ? NULL : strpool_add(&r->pool, s, strlen(s));
}

/* A NULL-terminated list copied into the pool. */
static const char **
pool_list(struct rules *r, const char *const *v, size_t *n)
{
	const char	**out;
	size_t		  i, k = 0;

	while (v != NULL && v[k] != NULL)
		k++;
	*n = k;
	if ((out = strpool_alloc(&r->pool, (k + 1) * sizeof *out)) == NULL)
		return NULL;
	for (i = 0; i < k; i++) {
		if ((out[i] = pool_str(r, v[i])) == NULL)
			return NULL;
	}
	out[k] = NULL;
	return out;
}

int
rules_new(struct rules **out, const char *name)
{
	struct rules	*r;

	*out = NULL;
	if ((r = calloc(1, sizeof *r)) == NULL ||
	    (r->name = strdup(name != NULL ? name : "rules")) == NULL) {
		free(r);
		return error_set(NC_ENOMEM, "out of memory");
	}
	strpool_init(&r->pool);
	r->header = RULES_HEADER_AUTO;
	r->encoding = CSVREAD_DETECT;
	r->lim = io_limits(NULL);
	*out = r;
	return 0;
}

void
rules_free(struct rules *r)
{
	size_t	i;

	if (r == NULL)
		return;
	for (i = 0; i < r->nfields; i++)
		pattern_free(r->fields[i].re);
	for (i = 0; i < r->nmaps; i++)
		strmap_free(r->maps[i].m);
	free(r->fields);
	free(r->maps);
	free(r->idents);
	free(r->key);
	strpool_free(&r->pool);
	free(r->name);
	free(r);
}

int
rules_field_index(const struct rules *r, const char *name)
{
	size_t	i;

	for (i = 0; i < r->nfields; i++) {
		if (strcmp(r->fields[i].name, name) == 0)
			return (int)i;
	}
	return -1;
}

int
rules_add_field(struct rules *r, const struct rules_field *in)
{
	struct field	*f, *v;
	int		 ways, e;

	if (in->name == NULL || in->name[0] == '\0')
		return error_set(NC_EINVALID, "a field needs a name");
	if (rules_field_index(r, in->name) >= 0)
		return error_set(NC_EINVALID, "field '%s' is given twice",
		    in->name);
	ways = (in->headers != NULL && in->headers[0] != NULL) +
	    (in->pattern != NULL) + (in->position > 0);
	if (ways != 1)
		return error_set(NC_EINVALID, "field '%s' needs one of a"
		    " header, a pattern or a position", in->name);
	if (in->position > IO_MAX_COLS)
		return error_set(NC_EINVALID, "field '%s': column %u is beyond"
		    " the limit of %u columns", in->name, in->position,
		    IO_MAX_COLS);
	if (in->type == RULES_CHOICE && (in->choices == NULL ||
	    in->choices[0] == NULL))
		return error_set(NC_EINVALID, "field '%s' is a choice but has"
		    " no choices", in->name);
	if (in->ranged && in->min > in->max)
		return error_set(NC_EINVALID, "field '%s': the minimum is"
		    " above the maximum", in->name);
	if ((v = realloc(r->fields, (r->nfields + 1) * sizeof *v)) == NULL)
		return error_set(NC_ENOMEM, "out of memory");
	r->fields = v;
	f = &v[r->nfields];
	memset(f, 0, sizeof *f);
	if (in->pattern != NULL && (e = pattern_compile_bounded(&f->re,
	    in->pattern)) != 0)
		return error_set(e, "field '%s': %s", in->name, error_last());
	f->position = in->position;
	f->type = in->type;
	f->ranged = in->ranged;
	f->min = in->min;
	f->max = in->max;
	f->flags = in->flags;
	r->nfields++;
	if ((f->name = pool_str(r, in->name)) == NULL ||
	    (in->headers != NULL && in->headers[0] != NULL &&
	    (f->headers = pool_list(r, in->headers, &f->nheaders)) == NULL) ||
	    (in->pattern != NULL && (f->pattern = pool_str(r,
	    in->pattern)) == NULL) ||
	    (in->choices != NULL && (f->choices = pool_list(r, in->choices,
	    &f->nchoices)) == NULL) ||
	    (in->map != NULL && (f->map = pool_str(r, in->map)) == NULL) ||
	    (in->label != NULL && (f->label = pool_str(r, in->label)) ==
	    NULL))
		return NC_ENOMEM;
	return 0;
}

static struct map *
find_map(const struct rules *r, const char *name)
{
	size_t	i;

	for (i = 0; i < r->nmaps; i++) {
		if (strcmp(r->maps[i].name, name) == 0)
			return &r->maps[i];
	}
	return NULL;
}

int
rules_add_map(struct rules *r, const char *name, const char *from,
    const char *to)
{
	struct map	*m, *v;
	const char	*k, *val;

	if ((m = find_map(r, name)) == NULL) {
		if ((v = realloc(r->maps, (r->nmaps + 1) * sizeof *v)) == NULL)
			return error_set(NC_ENOMEM, "out of memory");
		r->maps = v;
		m = &v[r->nmaps];
		if ((m->name = pool_str(r, name)) == NULL ||
		    (m->m = strmap_new()) == NULL)
			return error_set(NC_ENOMEM, "out of memory");
		r->nmaps++;
	}
	if ((k = pool_str(r, from)) == NULL || (val = pool_str(r, to)) == NULL)
		return NC_ENOMEM;
	return strmap_put(m->m, k, (void *)val);
}

int
rules_add_ident(struct rules *r, const struct rules_ident *in)
{
	struct ident	*v, *id;
	size_t		 i;

	if (in->name == NULL || in->name[0] == '\0')
		return error_set(NC_EINVALID, "an identity needs a name");
	for (i = 0; i < r->nidents; i++) {
		if (strcmp(r->idents[i].name, in->name) == 0)
			return error_set(NC_EINVALID, "identity '%s' is given"
			    " twice", in->name);
	}
	if ((in->value == NULL) == (in->cell == NULL))
		return error_set(NC_EINVALID, "identity '%s' needs a value or"
		    " a cell", in->name);
	if ((v = realloc(r->idents, (r->nidents + 1) * sizeof *v)) == NULL)
		return error_set(NC_ENOMEM, "out of memory");
	r->idents = v;
	id = &v[r->nidents];
	memset(id, 0, sizeof *id);
	if (in->cell != NULL && xlsxread_ref_parse(&id->row, &id->col,
	    in->cell) != 0)
		return error_set(NC_EINVALID, "identity '%s': '%s' is not a"
		    " cell such as B3", in->name, in->cell);
	r->nidents++;
	if ((id->name = pool_str(r, in->name)) == NULL ||
	    (in->value != NULL && (id->value = pool_str(r, in->value)) ==
	    NULL) ||
	    (in->sheet != NULL && (id->sheet = pool_str(r, in->sheet)) ==
	    NULL) ||
	    (in->cell != NULL && (id->cell = pool_str(r, in->cell)) == NULL) ||
	    (in->expect != NULL && (id->expect = pool_str(r, in->expect)) ==
	    NULL))
		return NC_ENOMEM;
	return 0;
}

int
rules_set_key(struct rules *r, const char *const *fields)
{
	size_t	n = 0, i;
	int	k;

	while (fields != NULL && fields[n] != NULL)
		n++;
	free(r->key);
	r->key = NULL;
	r->nkey = 0;
	if (n == 0)
		return 0;
	if ((r->key = calloc(n, sizeof *r->key)) == NULL)
		return error_set(NC_ENOMEM, "out of memory");
	for (i = 0; i < n; i++) {
		if ((k = rules_field_index(r, fields[i])) < 0)
			return error_set(NC_EINVALID, "the key names field"
			    " '%s', which is not one of the fields",
			    fields[i]);
		r->key[r->nkey++] = (size_t)k;
	}
	return 0;
}

void
rules_set_header(struct rules *r, enum rules_header h, unsigned row)
{
	r->header = h;
	r->header_row = row;
}

void
rules_set_skip(struct rules *r, unsigned rows)
{
	r->skip = rows;
}

int
rules_set_sheet(struct rules *r, const char *name, unsigned number)
{
	r->sheetno = number;
	r->sheet = NULL;
	if (name != NULL && (r->sheet = pool_str(r, name)) == NULL)
		return NC_ENOMEM;
	return 0;
}

void
rules_set_encoding(struct rules *r, int enc)
{
	r->encoding = enc;
}

void
rules_set_limits(struct rules *r, const struct io_limits *lim)
{
	r->lim = io_limits(lim);
}

const char *
rules_name(const struct rules *r)
{
	return r->name;
}

size_t
rules_nfields(const struct rules *r)
{
	return r->nfields;
}

const char *
rules_field_name(const struct rules *r, size_t i)
{
	return i < r->nfields ? r->fields[i].name : NULL;
}

int
rules_field_by_header(const struct rules *r, size_t i)
{
	return i < r->nfields && r->fields[i].position == 0;
}

int
rules_has_map(const struct rules *r, const char *name)
{
	return find_map(r, name) != NULL;
}

const char *
rules_constant(const struct rules *r, const char *name)
{
	size_t	i;

	for (i = 0; i < r->nidents; i++) {
		if (strcmp(r->idents[i].name, name) == 0)
			return r->idents[i].value;
	}
	return NULL;
}

/* ---- the report ---- */

void
rules_report_init(struct rules_report *rep, struct diags *d, size_t max)
{
	rep->d = d;
	rep->n = 0;
	rep->max = max;
}

void
rules_report_add(struct rules_report *rep, const char *path, unsigned line,
    unsigned col, int xlsx, const char *fmt, ...)
{
	char	msg[1024], ref[16];
	va_list	ap;

	if (++rep->n > rep->max)
		return;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, _(fmt), ap);
	va_end(ap);
	if (xlsx && line > 0 && col > 0) {
		xlsxread_ref_format(ref, line - 1, col - 1);
		diags_add(rep->d, path, line, col, "cell %s: %s", ref, msg);
	} else
		diags_add(rep->d, path, line, col, "%s", msg);
}

void
rules_report_end(struct rules_report *rep, const char *path)
{
	if (rep->n > rep->max)
		diags_add(rep->d, path, 0, 0, "%zu problems in all; only the"
		    " first %zu are listed", rep->n, rep->max);
}

const char *
rules_trim(const char *s, size_t *len)
{
	size_t	n;

	for (;;) {
		if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
			s++;
		else if (strncmp(s, "\u3000", 3) == 0)
			s += 3;
		else
			break;
	}
	n = strlen(s);
	for (;;) {
		if (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' ||
		    s[n - 1] == '\n' || s[n - 1] == '\r'))
			n--;
		else if (n >= 3 && memcmp(s + n - 3, "\u3000", 3) == 0)
			n -= 3;
		else
			break;
	}
	*len = n;
	return s;
}

/* ---- the source: a CSV file or a sheet ---- */

struct srccell {
	const char	*text;
	size_t		 len;
	int		 formula;
	int		 number;
	double		 num;
};

struct src {
	struct csvread			*csv;
	struct xlsxread			*x;
	const struct xlsxread_sheet	*sh;
	const char			*sheet;
	/* the rows that hold something */
	size_t				 nrows;
	uint32_t			*line;	/* 1-based row or line */
	size_t				*first;	/* csv: its row; xlsx: cell */
	uint32_t			*ncells;	/* xlsx */
	/* xlsx: the current row's cells by column */
	size_t				 cur;
	size_t				*bycol;
	uint32_t			 nbycol;
};

static void
src_free(struct src *s)
{
	csvread_free(s->csv);
	xlsxread_free(s->x);
	free(s->line);
	free(s->first);
	free(s->ncells);
	free(s->bycol);
	memset(s, 0, sizeof *s);
}

static int
src_grow(struct src *s, size_t n)
{
	void	*a, *b, *c;

	if ((a = realloc(s->line, n * sizeof *s->line)) != NULL)
		s->line = a;
	if ((b = realloc(s->first, n * sizeof *s->first)) != NULL)
		s->first = b;
	if ((c = realloc(s->ncells, n * sizeof *s->ncells)) != NULL)
		s->ncells = c;
	return a == NULL || b == NULL || c == NULL ? NC_ENOMEM : 0;
}

/* The rows of a CSV file with a field that is not empty. */
static int
src_csv_rows(struct src *s)
{
	size_t	n = csvread_nrows(s->csv), i, k, nc;

	if (src_grow(s, n + 1) != 0)
		return error_set(NC_ENOMEM, "out of memory");
	for (i = 0; i < n; i++) {
		nc = csvread_ncols(s->csv, i);
		for (k = 0; k < nc; k++) {
			if (csvread_cell_len(s->csv, i, k) > 0)
				break;
		}
		if (k == nc)
			continue;
		s->line[s->nrows] = csvread_line(s->csv, i);
		s->first[s->nrows] = i;
		s->ncells[s->nrows] = (uint32_t)nc;
		s->nrows++;
	}
	return 0;
}

/* The rows of a sheet with a cell that holds text or a formula. */
static int
src_xlsx_rows(struct src *s)
{
	size_t			 n = xlsxread_ncells(s->sh), i, cap = 0;
	struct xlsxread_cell	 c;
	uint32_t		 row, col, last = UINT32_MAX;
	int			 used = 0;

	for (i = 0; i < n; i++) {
		c = xlsxread_cell_at(s->sh, i, &row, &col);
		if (row != last) {
			if (used)
				s->nrows++;
			if (s->nrows + 1 >= cap) {
				cap = cap == 0 ? 256 : cap * 2;
				if (src_grow(s, cap) != 0)
					return error_set(NC_ENOMEM,
					    "out of memory");
			}
			s->line[s->nrows] = row + 1;
			s->first[s->nrows] = i;
			s->ncells[s->nrows] = 0;
			last = row;
			used = 0;
		}
		s->ncells[s->nrows]++;
		if (c.text[0] != '\0' || c.formula)
			used = 1;
	}
	if (used)
		s->nrows++;
	if (cap == 0 && src_grow(s, 1) != 0)
		return error_set(NC_ENOMEM, "out of memory");
	s->cur = SIZE_MAX;
	return 0;
}

/* Columns of row i: one past the last cell. */
static size_t
src_ncols(const struct src *s, size_t i)
{
	uint32_t	row, col;

	if (s->csv != NULL)
		return s->ncells[i];
	if (s->ncells[i] == 0)
		return 0;
	(void)xlsxread_cell_at(s->sh, s->first[i] + s->ncells[i] - 1, &row,
	    &col);
	return (size_t)col + 1;
}

static int
src_load_row(struct src *s, size_t i)
{
	size_t		 n = src_ncols(s, i), k, *v;
	uint32_t	 row, col;

	if (s->cur == i)
		return 0;
	if (n > s->nbycol) {
		if ((v = realloc(s->bycol, n * sizeof *v)) == NULL)
			return error_set(NC_ENOMEM, "out of memory");
		s->bycol = v;
		s->nbycol = (uint32_t)n;
	}
	for (k = 0; k < n; k++)
		s->bycol[k] = SIZE_MAX;
	for (k = 0; k < s->ncells[i]; k++) {
		(void)xlsxread_cell_at(s->sh, s->first[i] + k, &row, &col);
		s->bycol[col] = s->first[i] + k;
	}
	s->cur = i;
	return 0;
}

static int
src_cell(struct srccell *out, struct src *s, size_t i, size_t col)
{
	struct xlsxread_cell	 c;
	uint32_t		 row, cc;
	int			 r;

	memset(out, 0, sizeof *out);
	out->text = "";
	if (s->csv != NULL) {
		out->text = csvread_cell(s->csv, s->first[i], col);
		out->len = csvread_cell_len(s->csv, s->first[i], col);
		return 0;
	}
	if ((r = src_load_row(s, i)) != 0)
		return r;
	if (col >= src_ncols(s, i) || s->bycol[col] == SIZE_MAX)
		return 0;
	c = xlsxread_cell_at(s->sh, s->bycol[col], &row, &cc);
	out->text = c.text;
	out->len = strlen(c.text);
	out->formula = c.formula;
	out->number = c.type == XLSXREAD_NUMBER;
	out->num = c.num;
	return 0;
}

/* The source row index of line (or row) n, or SIZE_MAX. */
static size_t
src_find_line(const struct src *s, unsigned n)
{
	size_t	lo = 0, hi = s->nrows, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (s->line[mid] < n)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < s->nrows && s->line[lo] == n ? lo : SIZE_MAX;
}

/* ---- the table ---- */

struct rules_table {
	const struct rules	 *r;
	struct rules_report	 *rep;
	char			 *name;
	char			 *where;
	int			  xlsx;
	const char		 *encoding;
	struct strpool		  pool;
	int			 *col;		/* per field, 0-based; -1 */
	const struct map	**fmap;		/* per field */
	const char		**cells;	/* nrows x nfields */
	uint32_t		 *lines;
	size_t			  nrows, cap;
	unsigned		  header_line;
	const char		**idents;	/* per rules ident */
	struct strmap		 *keys;		/* key text -> line */
	struct buf		  keybuf;
	struct buf		  scratch;
	struct src		  src;
};

void
rules_table_free(struct rules_table *t)
{
	if (t == NULL)
		return;
	src_free(&t->src);
	strpool_free(&t->pool);
	strmap_free(t->keys);
	buf_free(&t->keybuf);
	buf_free(&t->scratch);
	free(t->col);
	free(t->fmap);
	free(t->cells);
	free(t->lines);
	free(t->idents);
	free(t->name);
	free(t->where);
	free(t);
}

void
rules_problem_at(struct rules_table *t, unsigned line, unsigned col,
    const char *fmt, ...)
{
	char	msg[1024];
	va_list	ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, _(fmt), ap);
	va_end(ap);
	rules_report_add(t->rep, t->where, line, col, t->xlsx, "%s", msg);
}

void
rules_problem(struct rules_table *t, size_t row, int f, const char *fmt, ...)
{
	char	msg[1024];
	va_list	ap;
	unsigned col = 0;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, _(fmt), ap);
	va_end(ap);
	if (f >= 0 && (size_t)f < t->r->nfields && t->col[f] >= 0)
		col = (unsigned)t->col[f] + 1;
	rules_report_add(t->rep, t->where, rules_line(t, row), col, t->xlsx,
	    "%s", msg);
}

/* What messages call field f. */
static const char *
label(const struct rules_table *t, size_t f, char *buf, size_t size)
{
	const struct field	*fl = &t->r->fields[f];

	/* the built-in layouts' labels are marked N_() where they are set */
	if (fl->label != NULL)
		return fl->label[0] != '\0' ? _(fl->label) : fl->label;
	snprintf(buf, size, _("field '%s'"), fl->name);
	return buf;
}

/* The field whose column is col, for messages about a cell; or -1. */
static int
field_at(const struct rules_table *t, size_t col)
{
	size_t	f;

	for (f = 0; f < t->r->nfields; f++) {
		if (t->col[f] >= 0 && (size_t)t->col[f] == col)
			return (int)f;
	}
	return -1;
}

/* ---- opening the file ---- */

static int
is_zip(const void *data, size_t len)
{
	return len >= 4 && memcmp(data, "PK\003\004", 4) == 0;
}

/* The sheet the rules name, or the first visible one. */
static int
pick_sheet(struct rules_table *t)
{
	const struct rules	*r = t->r;
	struct src		*s = &t->src;
	size_t			 i, n = xlsxread_nsheets(s->x);

	if (r->sheet != NULL) {
		if (xlsxread_sheet_find(&i, s->x, r->sheet) != 0) {
			rules_report_add(t->rep, t->name, 0, 0, 0, "no sheet"
			    " '%s' (rules '%s')", r->sheet, r->name);
			return NC_EINVALID;
		}
	} else if (r->sheetno > 0) {
		if (r->sheetno > n) {
			rules_report_add(t->rep, t->name, 0, 0, 0, "the"
			    " workbook has %zu sheets; the rules '%s' read"
			    " sheet %u", n, r->name, r->sheetno);
			return NC_EINVALID;
		}
		i = r->sheetno - 1;
	} else {
		for (i = 0; i < n; i++) {
			if (xlsxread_sheet_state(s->x, i) == XLSXREAD_VISIBLE)
				break;
		}
		if (i == n) {
			rules_report_add(t->rep, t->name, 0, 0, 0, "the"
			    " workbook has no visible sheet");
			return NC_EINVALID;
		}
	}
	if (xlsxread_sheet(&s->sh, s->x, i) != 0) {
		rules_report_add(t->rep, t->name, 0, 0, 0, "%s", error_last());
		return error_code() == NC_ENOMEM ? NC_ENOMEM : NC_EINVALID;
	}
	s->sheet = xlsxread_sheet_name(s->x, i);
	return 0;
}

/*
 * Open the source from path (data NULL) or from memory.  Problems with
 * the file as a whole are reported at the file.
 */
static int
src_open(struct rules_table *t, const char *path, const void *data,
    size_t len)
{
	struct src	*s = &t->src;
	struct diags	 d = DIAGS_INIT;
	char		 magic[4];
	size_t		 i, got = 0;
	FILE		*f;
	int		 r, xlsx;

	if (data == NULL) {
		if ((f = fopen(path, "rb")) == NULL) {
			rules_report_add(t->rep, t->name, 0, 0, 0, "cannot"
			    " open the file");
			return NC_EINVALID;
		}
		got = fread(magic, 1, sizeof magic, f);
		fclose(f);
		xlsx = is_zip(magic, got);
	} else
		xlsx = is_zip(data, len);
	t->xlsx = xlsx;
	if (xlsx) {
		r = data == NULL ? xlsxread_open_lim(&s->x, path, t->name,
		    &t->r->lim) : xlsxread_open_mem(&s->x, data, len, t->name,
		    &t->r->lim);
		if (r != 0) {
			rules_report_add(t->rep, t->name, 0, 0, 0, "%s",
			    error_last());
			return r == NC_ENOMEM ? r : NC_EINVALID;
		}
		if ((r = pick_sheet(t)) != 0)
			return r;
		return src_xlsx_rows(s);
	}
	r = data == NULL ? csvread_file_lim(&s->csv, path, t->name,
	    t->r->encoding, &t->r->lim, &d) : csvread_mem_lim(&s->csv, data,
	    len, t->r->encoding, t->name, &t->r->lim, &d);
	for (i = 0; i < d.n; i++)
		rules_report_add(t->rep, d.v[i].path, d.v[i].line, d.v[i].col,
		    0, "%s", d.v[i].msg);
	diags_free(&d);
	if (r != 0)
		return r == NC_ENOMEM ? r : NC_EINVALID;
	t->encoding = csvread_encoding_name(csvread_encoding(s->csv));
	return src_csv_rows(s);
}

/* ---- identity ---- */

/* The text of a cell of another sheet (or the same), for the identity. */
static int
ident_cell(struct rules_table *t, const struct ident *id,
    struct srccell *out, const char **where)
{
	const struct xlsxread_sheet	*sh;
	struct xlsxread_cell		 c;
	size_t				 i;

	memset(out, 0, sizeof *out);
	out->text = "";
	*where = t->where;
	if (!t->xlsx) {
		if (id->sheet != NULL) {
			rules_problem_at(t, 0, 0, "identity '%s' is on sheet"
			    " '%s', but a CSV file has no sheets", id->name,
			    id->sheet);
			return NC_EINVALID;
		}
		if ((i = src_find_line(&t->src, id->row + 1)) != SIZE_MAX)
			return src_cell(out, &t->src, i, id->col);
		return 0;
	}
	sh = t->src.sh;
	if (id->sheet != NULL) {
		if (xlsxread_sheet_find(&i, t->src.x, id->sheet) != 0) {
			rules_problem_at(t, 0, 0, "no sheet '%s', which holds"
			    " identity '%s'", id->sheet, id->name);
			return NC_EINVALID;
		}
		if (xlsxread_sheet(&sh, t->src.x, i) != 0) {
			rules_problem_at(t, 0, 0, "%s", error_last());
			return error_code() == NC_ENOMEM ? NC_ENOMEM :
			    NC_EINVALID;
		}
		*where = NULL;
	}
	c = xlsxread_cell(sh, id->row, id->col);
	out->text = c.text;
	out->len = strlen(c.text);
	out->formula = c.formula;
	return 0;
}

static int
resolve_idents(struct rules_table *t)
{
	const struct rules	*r = t->r;
	const struct ident	*id;
	struct srccell		 c;
	struct buf		 w = BUF_INIT;
	const char		*where, *v;
	size_t			 i, len, off, mlen;
	int			 e, bad = 0;

	if (r->nidents == 0)
		return 0;
	if ((t->idents = calloc(r->nidents, sizeof *t->idents)) == NULL)
		return error_set(NC_ENOMEM, "out of memory");
	for (i = 0; i < r->nidents; i++) {
		id = &r->idents[i];
		if (id->value != NULL) {
			t->idents[i] = id->value;
			continue;
		}
		if ((e = ident_cell(t, id, &c, &where)) != 0) {
			if (e == NC_ENOMEM)
				return e;
			bad = 1;
			continue;
		}
		buf_reset(&w);
		if (where == NULL)
			buf_printf(&w, "%s:%s", t->name, id->sheet);
		else
			buf_puts(&w, where);
		if ((e = buf_ok(&w)) != 0)
			return e;
		v = rules_trim(c.text, &len);
		if (c.formula) {
			rules_report_add(t->rep, w.data, id->row + 1,
			    id->col + 1, t->xlsx, "identity '%s' holds a"
			    " formula", id->name);
			bad = 1;
		} else if (guard_find_mynumber(v, len, &off, &mlen)) {
			rules_report_add(t->rep, w.data, id->row + 1,
			    id->col + 1, t->xlsx, "the cell holds what looks"
			    " like a My Number (個人番号) at character %zu:"
			    " remove it; personal numbers must never be"
			    " recorded", text_chars(v, off) + 1);
			bad = 1;
		} else if (id->expect != NULL && (strlen(id->expect) != len ||
		    memcmp(id->expect, v, len) != 0)) {
			rules_report_add(t->rep, w.data, id->row + 1,
			    id->col + 1, t->xlsx, "'%.*s' where '%s' was"
			    " expected (identity '%s' of rules '%s')",
			    (int)(len > 200 ? 200 : len), v, id->expect,
			    id->name, r->name);
			bad = 1;
		} else if ((t->idents[i] = strpool_add(&t->pool, v, len)) ==
		    NULL) {
			buf_free(&w);
			return NC_ENOMEM;
		}
	}
	buf_free(&w);
	return bad ? NC_EINVALID : 0;
}

/* ---- header and columns ---- */

/* Whether header text h (trimmed) names field f. */
static int
header_names(const struct field *f, const char *h, size_t len)
{
	size_t	i;
	char	*tmp;
	int	m;

	if (f->re != NULL) {
		if ((tmp = malloc(len + 1)) == NULL)
			return 0;
		memcpy(tmp, h, len);
		tmp[len] = '\0';
		m = pattern_match(f->re, tmp);
		free(tmp);
		return m;
	}
	for (i = 0; i < f->nheaders; i++) {
		if (strlen(f->headers[i]) == len &&
		    memcmp(f->headers[i], h, len) == 0)
			return 1;
	}
	return 0;
}

/* How many columns of header row i name field f; *col the first. */
static int
header_count(struct rules_table *t, const struct field *f, size_t i,
    size_t *col, size_t *second)
{
	struct srccell	 c;
	const char	*h;
	size_t		 k, n = src_ncols(&t->src, i), len;
	int		 found = 0;

	for (k = 0; k < n; k++) {
		if (src_cell(&c, &t->src, i, k) != 0)
			return -1;
		h = rules_trim(c.text, &len);
		if (len == 0 || !header_names(f, h, len))
			continue;
		if (found == 0)
			*col = k;
		else if (found == 1)
			*second = k;
		found++;
	}
	return found;
}

static int
needs_header(const struct rules *r)
{
	size_t	i;

	for (i = 0; i < r->nfields; i++) {
		if (r->fields[i].position == 0)
			return 1;
	}
	return 0;
}

/* The fields found by header that a header row must name. */
static int
needed(const struct field *f)
{
	return f->position == 0 && !(f->flags & RULES_OPTIONAL);
}

/*
 * The header row: given, or the first of the first rows that names every
 * column the fields need (fields with RULES_OPTIONAL are not needed).
 * When no row does, the row naming the most, so that the missing ones
 * are reported there; when no field is needed, the row naming the most
 * optional ones.
 */
static int
find_header(struct rules_table *t, size_t *hdr)
{
	const struct rules	*r = t->r;
	size_t			 i, f, n, col, second, best = 0, need = 0;
	size_t			 have, opt, most = 0;
	int			 k;

	*hdr = SIZE_MAX;
	if (r->header == RULES_HEADER_NONE ||
	    (r->header == RULES_HEADER_AUTO && !needs_header(r)))
		return 0;
	if (r->header == RULES_HEADER_ROW) {
		if ((*hdr = src_find_line(&t->src, r->header_row)) ==
		    SIZE_MAX) {
			rules_problem_at(t, r->header_row, 0, "row %u is"
			    " empty; the rules '%s' say the header is there",
			    r->header_row, r->name);
			return NC_EINVALID;
		}
		return 0;
	}
	if (t->src.nrows == 0)
		return 0;
	for (f = 0; f < r->nfields; f++)
		need += needed(&r->fields[f]);
	n = t->src.nrows < RULES_HEADER_WITHIN ? t->src.nrows :
	    RULES_HEADER_WITHIN;
	for (i = 0; i < n; i++) {
		have = opt = 0;
		for (f = 0; f < r->nfields; f++) {
			if (r->fields[f].position > 0)
				continue;
			if ((k = header_count(t, &r->fields[f], i, &col,
			    &second)) < 0)
				return NC_ENOMEM;
			if (k > 0 && needed(&r->fields[f]))
				have++;
			else if (k > 0)
				opt++;
		}
		if (need > 0 && have == need) {
			*hdr = i;
			return 0;
		}
		if ((need > 0 ? have : opt) > most) {
			most = need > 0 ? have : opt;
			best = i;
		}
	}
	*hdr = best;
	return 0;
}

static void
missing_column(struct rules_table *t, const struct field *f, size_t fi)
{
	struct buf	 alt = BUF_INIT;
	char		 lb[128];
	size_t		 i;

	if (f->re != NULL) {
		rules_problem_at(t, t->header_line, 0, "no column in the"
		    " header matches '%s' for %s", f->pattern,
		    label(t, fi, lb, sizeof lb));
		return;
	}
	for (i = 1; i < f->nheaders; i++)
		buf_printf(&alt, "%s'%s'", i == 1 ? " (or " : ", ",
		    f->headers[i]);
	if (alt.len > 0)
		buf_putc(&alt, ')');
	rules_problem_at(t, t->header_line, 0, "no column '%s'%s for %s in"
	    " the header", f->headers[0], alt.data ? alt.data : "",
	    label(t, fi, lb, sizeof lb));
	buf_free(&alt);
}

/* Each field's column. */
static int
find_columns(struct rules_table *t, size_t hdr)
{
	const struct rules	*r = t->r;
	const struct field	*f;
	char			 a[8], b[8], lb[128];
	size_t			 i, col = 0, second = 0;
	int			 k, bad = 0;

	for (i = 0; i < r->nfields; i++) {
		f = &r->fields[i];
		t->col[i] = -1;
		if (f->position > 0) {
			t->col[i] = (int)f->position - 1;
			continue;
		}
		if (hdr == SIZE_MAX) {
			rules_problem_at(t, 0, 0, "field '%s' is found by its"
			    " header, but the rules '%s' say there is no"
			    " header row", f->name, r->name);
			bad = 1;
			continue;
		}
		if ((k = header_count(t, f, hdr, &col, &second)) < 0)
			return NC_ENOMEM;
		if (k == 0) {
			if (!(f->flags & RULES_OPTIONAL)) {
				missing_column(t, f, i);
				bad = 1;
			}
		} else if (k > 1) {
			xlsxread_col_format(a, (uint32_t)col);
			xlsxread_col_format(b, (uint32_t)second);
			rules_problem_at(t, t->header_line, 0, "columns %s and"
			    " %s%s both name %s: the rules must tell them"
			    " apart", a, b, k > 2 ? " (and more)" : "",
			    label(t, i, lb, sizeof lb));
			bad = 1;
		} else
			t->col[i] = (int)col;
	}
	return bad ? NC_EINVALID : 0;
}

/* Each field's value map. */
static void
find_maps(struct rules_table *t)
{
	const struct rules	*r = t->r;
	const struct map	*dflt = find_map(r, "default");
	size_t			 i;

	for (i = 0; i < r->nfields; i++) {
		if (r->fields[i].map == NULL)
			t->fmap[i] = dflt;
		else if (r->fields[i].map[0] == '\0')
			t->fmap[i] = NULL;
		else
			t->fmap[i] = find_map(r, r->fields[i].map);
	}
}

/* ---- the My Number guard over every cell ---- */

static int
guard_cells(struct rules_table *t)
{
	struct srccell	 c;
	char		 lb[128];
	const char	*what;
	size_t		 i, k, n, off, mlen;
	int		 f, e;

	for (i = 0; i < t->src.nrows; i++) {
		n = src_ncols(&t->src, i);
		for (k = 0; k < n; k++) {
			if ((e = src_cell(&c, &t->src, i, k)) != 0)
				return e;
			if (c.len < 12 || !guard_find_mynumber(c.text, c.len,
			    &off, &mlen))
				continue;
			f = field_at(t, k);
			what = f < 0 ? "the cell" : label(t, (size_t)f, lb,
			    sizeof lb);
			rules_problem_at(t, t->src.line[i], (unsigned)k + 1,
			    "%s holds what looks like a My Number (個人番号)"
			    " at character %zu: remove it; personal numbers"
			    " must never be recorded%s", what,
			    text_chars(c.text, off) + 1, f < 0 ? " (the"
			    " column is not imported, but the file must not"
			    " carry it)" : "");
		}
	}
	return 0;
}

/* ---- rows ---- */

static const char *
convert_date(struct rules_table *t, size_t row, size_t f,
    const struct srccell *c, const char *v, int serial)
{
	struct cal_date	 dt;
	char		 iso[CAL_FMT_MAX], lb[128];
	int		 y, m, d, h, mi;

	if (serial) {
		if (xlsxread_serial_date(&y, &m, &d, c->num) != 0) {
			rules_problem(t, row, (int)f, "%s: %s",
			    label(t, f, lb, sizeof lb), error_last());
			return NULL;
		}
		dt.y = y;
		dt.m = m;
		dt.d = d;
	} else if (parse_date(&dt, v) != 0 &&
	    parse_datetime(&dt, &h, &mi, v, 1) != 0) {
		rules_problem(t, row, (int)f, "%s '%.100s' is not a date"
		    " (write it as 2026-10-09 or 令和8年10月9日)",
		    label(t, f, lb, sizeof lb), v);
		return NULL;
	}
	cal_format_iso(iso, sizeof iso, dt);
	return strpool_add(&t->pool, iso, strlen(iso));
}

static const char *
convert_integer(struct rules_table *t, size_t row, size_t f, const char *v)
{
	const struct field	*fl = &t->r->fields[f];
	long long		 n;
	char			 num[32], lb[128];

	if (parse_int(&n, v, fl->ranged ? fl->min : -999999999999LL,
	    fl->ranged ? fl->max : 999999999999LL) != 0) {
		if (fl->ranged)
			rules_problem(t, row, (int)f, "%s '%.100s' is not a"
			    " whole number from %lld to %lld",
			    label(t, f, lb, sizeof lb), v, fl->min, fl->max);
		else
			rules_problem(t, row, (int)f, "%s '%.100s' is not a"
			    " whole number", label(t, f, lb, sizeof lb), v);
		return NULL;
	}
	snprintf(num, sizeof num, "%lld", n);
	return strpool_add(&t->pool, num, strlen(num));
}

static const char *
convert_choice(struct rules_table *t, size_t row, size_t f, const char *v)
{
	const struct field	*fl = &t->r->fields[f];
	struct buf		 list = BUF_INIT;
	char			 lb[128];
	size_t			 i;

	for (i = 0; i < fl->nchoices; i++) {
		if (strcmp(fl->choices[i], v) == 0)
			return fl->choices[i];
	}
	for (i = 0; i < fl->nchoices && i < 12; i++)
		buf_printf(&list, "%s%s", i ? ", " : "", fl->choices[i]);
	if (fl->nchoices > 12)
		buf_puts(&list, " ...");
	rules_problem(t, row, (int)f, "%s '%.100s' is not one of %s",
	    label(t, f, lb, sizeof lb), v, list.data ? list.data : "");
	buf_free(&list);
	return NULL;
}

/*
 * Field f of source row i, converted: "" when empty; text in the
 * table's pool, or a map's or a choice's own text in the rules; NULL
 * after a problem was reported (and with *nomem set when out of memory).
 */
static const char *
convert(struct rules_table *t, size_t row, size_t i, size_t f, int *nomem)
{
	const struct field	*fl = &t->r->fields[f];
	struct srccell		 c;
	const char		*v, *mapped = NULL;
	char			 lb[128];
	size_t			 len;

	memset(&c, 0, sizeof c);
	c.text = "";
	if (t->col[f] >= 0 && src_cell(&c, &t->src, i,
	    (size_t)t->col[f]) != 0) {
		*nomem = 1;
		return NULL;
	}
	if (c.formula) {
		rules_problem(t, row, (int)f, "%s holds a formula; type the"
		    " value itself", label(t, f, lb, sizeof lb));
		return NULL;
	}
	v = rules_trim(c.text, &len);
	if (len == 0) {
		if (fl->flags & RULES_REQUIRED) {
			rules_problem(t, row, (int)f, "%s is empty; a value is"
			    " required", label(t, f, lb, sizeof lb));
			return NULL;
		}
		return "";
	}
	if (v[0] == '=') {
		rules_problem(t, row, (int)f, "%s begins with '=': formulas"
		    " are not accepted; type the value itself",
		    label(t, f, lb, sizeof lb));
		return NULL;
	}
	if (v[len] != '\0') {
		/* trimmed at the end: a terminated copy to look up */
		buf_reset(&t->scratch);
		buf_add(&t->scratch, v, len);
		if (buf_ok(&t->scratch) != 0) {
			*nomem = 1;
			return NULL;
		}
		v = t->scratch.data;
	}
	if (t->fmap[f] != NULL)
		mapped = strmap_get(t->fmap[f]->m, v);
	switch (fl->type) {
	case RULES_DATE:
		v = convert_date(t, row, f, &c, mapped ? mapped : v,
		    mapped == NULL && c.number);
		break;
	case RULES_INTEGER:
		v = convert_integer(t, row, f, mapped ? mapped : v);
		break;
	case RULES_CHOICE:
		v = convert_choice(t, row, f, mapped ? mapped : v);
		break;
	default:
		v = mapped ? mapped : strpool_add(&t->pool, v, len);
		if (v == NULL)
			*nomem = 1;
	}
	if (v == NULL && error_code() == NC_ENOMEM)
		*nomem = 1;
	return v;
}

/* The row's key, unique in the file. */
static int
check_key(struct rules_table *t, size_t row, const char **cells)
{
	const struct rules	*r = t->r;
	const char		*k;
	uintptr_t		 other;
	size_t			 i;
	int			 e;

	if (r->nkey == 0)
		return 0;
	buf_reset(&t->keybuf);
	for (i = 0; i < r->nkey; i++) {
		if (cells[r->key[i]] == NULL)
			return 0;
		/* "org='hisho', respondent='r001'"; a row each: no printf */
		if (i > 0)
			buf_add(&t->keybuf, ", ", 2);
		buf_puts(&t->keybuf, r->fields[r->key[i]].name);
		buf_add(&t->keybuf, "='", 2);
		buf_puts(&t->keybuf, cells[r->key[i]]);
		buf_putc(&t->keybuf, '\'');
	}
	if ((e = buf_ok(&t->keybuf)) != 0)
		return e;
	if ((other = (uintptr_t)strmap_get(t->keys, t->keybuf.data)) != 0) {
		rules_problem(t, row, (int)r->key[0], "a row with %s is"
		    " already on line %u: the key must be unique",
		    t->keybuf.data, (unsigned)other);
		return 0;
	}
	if ((k = strpool_add(&t->pool, t->keybuf.data, t->keybuf.len)) ==
	    NULL)
		return NC_ENOMEM;
	return strmap_put(t->keys, k, (void *)(uintptr_t)t->lines[row]);
}

static int
add_row(struct rules_table *t, size_t i, const struct rules_sink *sink)
{
	size_t		 nf = t->r->nfields, f, row = t->nrows;
	const char	**cells, **v;
	uint32_t	*l;
	int		 nomem = 0, e;

	if (t->nrows == t->cap) {
		t->cap = t->cap == 0 ? 256 : t->cap * 2;
		if ((v = realloc(t->cells, t->cap * (nf ? nf : 1) *
		    sizeof *v)) == NULL)
			return error_set(NC_ENOMEM, "out of memory");
		t->cells = v;
		if ((l = realloc(t->lines, t->cap * sizeof *l)) == NULL)
			return error_set(NC_ENOMEM, "out of memory");
		t->lines = l;
	}
	t->lines[row] = t->src.line[i];
	t->nrows++;
	cells = t->cells + row * nf;
	for (f = 0; f < nf; f++) {
		cells[f] = convert(t, row, i, f, &nomem);
		if (nomem)
			return error_set(NC_ENOMEM, "out of memory");
	}
	if ((e = check_key(t, row, cells)) != 0)
		return e;
	if (sink != NULL && sink->row != NULL)
		return sink->row(sink->arg, t, row);
	return 0;
}

static int
read_rows(struct rules_table *t, size_t hdr, const struct rules_sink *sink)
{
	size_t		 i, first, hcols = 0, n;
	int		 e;

	first = hdr == SIZE_MAX ? 0 : hdr + 1;
	first += t->r->skip;
	if (hdr != SIZE_MAX)
		hcols = src_ncols(&t->src, hdr);
	for (i = first; i < t->src.nrows; i++) {
		n = src_ncols(&t->src, i);
		if (t->src.csv != NULL && hdr != SIZE_MAX && n != hcols) {
			rules_problem_at(t, t->src.line[i], 0, "the row has"
			    " %zu fields; the header has %zu", n, hcols);
			continue;
		}
		if ((e = add_row(t, i, sink)) != 0)
			return e;
	}
	return 0;
}

static int
apply(struct rules_table **out, const struct rules *r, const char *path,
    const void *data, size_t len, const char *name,
    const struct rules_sink *sink, struct rules_report *rep)
{
	struct rules_table	*t;
	size_t			 n0 = rep->n, hdr, nf = r->nfields;
	int			 e;

	*out = NULL;
	if ((t = calloc(1, sizeof *t)) == NULL)
		return error_set(NC_ENOMEM, "out of memory");
	t->r = r;
	t->rep = rep;
	strpool_init(&t->pool);
	buf_init(&t->keybuf);
	buf_init(&t->scratch);
	if ((t->name = strdup(name)) == NULL ||
	    (t->col = calloc(nf + 1, sizeof *t->col)) == NULL ||
	    (t->fmap = calloc(nf + 1, sizeof *t->fmap)) == NULL ||
	    (t->keys = strmap_new()) == NULL) {
		e = error_set(NC_ENOMEM, "out of memory");
		goto fail;
	}
	if ((e = src_open(t, path, data, len)) != 0)
		goto fail;
	buf_reset(&t->scratch);
	buf_puts(&t->scratch, t->name);
	if (t->xlsx)
		buf_printf(&t->scratch, ":%s", t->src.sheet);
	if ((e = buf_ok(&t->scratch)) != 0 ||
	    (t->where = strdup(t->scratch.data)) == NULL) {
		e = error_set(NC_ENOMEM, "out of memory");
		goto fail;
	}
	if (t->src.nrows == 0) {
		if (t->xlsx)
			rules_problem_at(t, 0, 0, "the sheet '%s' is empty",
			    t->src.sheet);
		else
			rules_problem_at(t, 0, 0, "the file holds no rows");
		e = NC_EINVALID;
		goto fail;
	}
	if ((e = resolve_idents(t)) == NC_ENOMEM ||
	    (e = find_header(t, &hdr)) == NC_ENOMEM)
		goto fail;
	if (hdr != SIZE_MAX)
		t->header_line = t->src.line[hdr];
	if ((e = find_columns(t, hdr)) == NC_ENOMEM ||
	    (e = guard_cells(t)) == NC_ENOMEM)
		goto fail;
	find_maps(t);
	if (rep->n > n0) {
		e = NC_EINVALID;
		goto fail;
	}
	if (sink != NULL && sink->begin != NULL &&
	    (e = sink->begin(sink->arg, t)) != 0)
		goto fail;
	if (rep->n > n0) {
		e = NC_EINVALID;
		goto fail;
	}
	if ((e = read_rows(t, hdr, sink)) != 0)
		goto fail;
	if (sink != NULL && sink->end != NULL &&
	    (e = sink->end(sink->arg, t)) != 0)
		goto fail;
	if (rep->n > n0) {
		e = NC_EINVALID;
		goto fail;
	}
	/* the file's bytes are not needed any more */
	src_free(&t->src);
	*out = t;
	return 0;
fail:
	rules_table_free(t);
	if (e != NC_ENOMEM && rep->n == n0)
		rules_report_add(rep, name, 0, 0, 0, "%s", error_last());
	return e == NC_ENOMEM ? e : NC_EINVALID;
}

int
rules_apply(struct rules_table **out, const struct rules *r,
    const char *path, const char *name, const struct rules_sink *sink,
    struct rules_report *rep)
{
	return apply(out, r, path, NULL, 0, name != NULL ? name : path, sink,
	    rep);
}

int
rules_apply_mem(struct rules_table **out, const struct rules *r,
    const void *data, size_t len, const char *name,
    const struct rules_sink *sink, struct rules_report *rep)
{
	return apply(out, r, NULL, data != NULL ? data : "", len, name, sink,
	    rep);
}

size_t
rules_nrows(const struct rules_table *t)
{
	return t->nrows;
}

const char *
rules_get(const struct rules_table *t, size_t row, size_t f)
{
	if (row >= t->nrows || f >= t->r->nfields)
		return "";
	return t->cells[row * t->r->nfields + f];
}

unsigned
rules_line(const struct rules_table *t, size_t row)
{
	return row < t->nrows ? t->lines[row] : 0;
}

unsigned
rules_col(const struct rules_table *t, size_t f)
{
	return f < t->r->nfields && t->col[f] >= 0 ? (unsigned)t->col[f] + 1 :
	    0;
}

unsigned
rules_header_line(const struct rules_table *t)
{
	return t->header_line;
}

const char *
rules_ident(const struct rules_table *t, const char *name)
{
	size_t	i;

	for (i = 0; i < t->r->nidents; i++) {
		if (strcmp(t->r->idents[i].name, name) == 0)
			return t->idents != NULL ? t->idents[i] : NULL;
	}
	return NULL;
}

const char *
rules_where(const struct rules_table *t)
{
	return t->where;
}

int
rules_is_xlsx(const struct rules_table *t)
{
	return t->xlsx;
}

const char *
rules_encoding(const struct rules_table *t)
{
	return t->encoding;
}

const struct rules *
rules_table_rules(const struct rules_table *t)
{
	return t->r;
}
