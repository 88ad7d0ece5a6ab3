/*
 * Rules files in YAML (see README.md in this folder): read with the
 * project's YAML reader (lib/core/node.h), so every problem has its line
 * and column, and turned into rules through the builder of rules.h.
 */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "csvread.h"
#include "error.h"
#include "guard.h"
#include "i18n.h"
#include "node.h"
#include "rules.h"
#include "text.h"
#include "xlsxread.h"

#define MAXLIST	64

struct yctx {
	struct rules	*r;
	const char	*name;
	struct diags	*d;
	int		 bad;
};

static void
bad(struct yctx *c, const struct node *n, const char *fmt, ...)
    NC_PRINTF(3, 4);

static void
bad(struct yctx *c, const struct node *n, const char *fmt, ...)
{
	char	msg[1024];
	va_list	ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, _(fmt), ap);
	va_end(ap);
	diags_add(c->d, c->name, n != NULL ? n->line : 0, n != NULL ? n->col :
	    0, "%s", msg);
	c->bad = 1;
}

static const char *
scalar(struct yctx *c, const struct node *n, const char *what)
{
	if (n == NULL || n->kind != NODE_SCALAR || node_is_null(n)) {
		bad(c, n, "%s: expected a text", what);
		return NULL;
	}
	return n->u.s.str;
}

/* A whole number in [min, max], plain. */
static int
number(struct yctx *c, const struct node *n, const char *what,
    unsigned long long min, unsigned long long max, unsigned long long *out)
{
	const char		*s;
	char			*end;
	unsigned long long	 v;

	if ((s = scalar(c, n, what)) == NULL)
		return -1;
	if (!isdigit((unsigned char)s[0]) || (v = strtoull(s, &end, 10),
	    *end != '\0') || v < min || v > max) {
		bad(c, n, "%s: expected a whole number from %llu to %llu",
		    what, min, max);
		return -1;
	}
	*out = v;
	return 0;
}

static int
boolean(struct yctx *c, const struct node *n, const char *what)
{
	const char	*s;

	if ((s = scalar(c, n, what)) == NULL)
		return -1;
	if (strcmp(s, "true") == 0)
		return 1;
	if (strcmp(s, "false") == 0)
		return 0;
	bad(c, n, "%s: expected true or false", what);
	return -1;
}

/* A text or a list of texts, into v (at most MAXLIST, NULL-terminated). */
static int
texts(struct yctx *c, const struct node *n, const char *what,
    const char **v)
{
	size_t	i;

	if (n != NULL && n->kind == NODE_SEQ) {
		if (n->n == 0 || n->n >= MAXLIST) {
			bad(c, n, "%s: expected 1 to %d texts", what,
			    MAXLIST - 1);
			return -1;
		}
		for (i = 0; i < n->n; i++) {
			if ((v[i] = scalar(c, n->u.items[i], what)) == NULL)
				return -1;
		}
		v[n->n] = NULL;
		return 0;
	}
	if ((v[0] = scalar(c, n, what)) == NULL)
		return -1;
	v[1] = NULL;
	return 0;
}

/* Report a builder's error at node n. */
static void
built(struct yctx *c, const struct node *n, int e)
{
	if (e == NC_ENOMEM)
		c->bad = 2;
	else if (e != 0)
		bad(c, n, "%s", error_last());
}

static void
map_entries(struct yctx *c, const char *name, const struct node *m)
{
	size_t	i;
	const char *from, *to;

	if (m->kind != NODE_MAP) {
		bad(c, m, "map '%s': expected a mapping of texts to texts",
		    name);
		return;
	}
	for (i = 0; i < m->n; i++) {
		from = m->u.pairs[i].key->u.s.str;
		if ((to = scalar(c, m->u.pairs[i].value, from)) == NULL)
			continue;
		built(c, m->u.pairs[i].key, rules_add_map(c->r, name, from,
		    to));
	}
}

static void
do_maps(struct yctx *c, const struct node *v)
{
	size_t	i;

	if (v->kind != NODE_MAP) {
		bad(c, v, "maps: expected a mapping of map names to maps");
		return;
	}
	for (i = 0; i < v->n; i++)
		map_entries(c, v->u.pairs[i].key->u.s.str,
		    v->u.pairs[i].value);
}

static int
type_of(struct yctx *c, const struct node *n, enum rules_type *out)
{
	static const char *const names[] = { "text", "integer", "date",
	    "choice" };
	const char	*s;
	size_t		 i;

	if ((s = scalar(c, n, "type")) == NULL)
		return -1;
	for (i = 0; i < sizeof names / sizeof names[0]; i++) {
		if (strcmp(s, names[i]) == 0) {
			*out = (enum rules_type)i;
			return 0;
		}
	}
	bad(c, n, "type '%s': expected text, integer, date or choice", s);
	return -1;
}

/* position: 3 or C. */
static int
position_of(struct yctx *c, const struct node *n, unsigned *out)
{
	unsigned long long	 v;
	const char		*s;
	char			 ref[16];
	uint32_t		 row, col;

	if ((s = scalar(c, n, "position")) == NULL)
		return -1;
	if (isdigit((unsigned char)s[0])) {
		if (number(c, n, "position", 1, IO_MAX_COLS, &v) != 0)
			return -1;
		*out = (unsigned)v;
		return 0;
	}
	if (strlen(s) <= 3) {
		snprintf(ref, sizeof ref, "%s1", s);
		if (xlsxread_ref_parse(&row, &col, ref) == 0 &&
		    col < IO_MAX_COLS) {
			*out = col + 1;
			return 0;
		}
	}
	bad(c, n, "position '%s': expected a column number (1 is the first)"
	    " or letter (A)", s);
	return -1;
}

static void
one_field(struct yctx *c, const char *name, const struct node *v)
{
	struct rules_field	 f;
	const char		*headers[MAXLIST], *choices[MAXLIST];
	const struct node	*k, *val;
	char			 inl[300];
	size_t			 i;
	int			 b, e, nbad = c->bad;

	memset(&f, 0, sizeof f);
	f.name = name;
	if (v->kind == NODE_SCALAR) {
		if (texts(c, v, name, headers) == 0) {
			f.headers = headers;
			built(c, v, rules_add_field(c->r, &f));
		}
		return;
	}
	if (v->kind != NODE_MAP) {
		bad(c, v, "field '%s': expected a header text or a mapping",
		    name);
		return;
	}
	for (i = 0; i < v->n; i++) {
		k = v->u.pairs[i].key;
		val = v->u.pairs[i].value;
		if (node_scalar_eq(k, "column")) {
			if (texts(c, val, "column", headers) == 0)
				f.headers = headers;
		} else if (node_scalar_eq(k, "pattern"))
			f.pattern = scalar(c, val, "pattern");
		else if (node_scalar_eq(k, "position"))
			(void)position_of(c, val, &f.position);
		else if (node_scalar_eq(k, "type"))
			(void)type_of(c, val, &f.type);
		else if (node_scalar_eq(k, "choices")) {
			if (texts(c, val, "choices", choices) == 0)
				f.choices = choices;
		} else if (node_scalar_eq(k, "map")) {
			if (val->kind == NODE_MAP) {
				/* a map of the field's own */
				snprintf(inl, sizeof inl, "\001%s", name);
				map_entries(c, inl, val);
				f.map = inl;
			} else if ((f.map = scalar(c, val, "map")) != NULL &&
			    strcmp(f.map, "none") == 0)
				f.map = "";
		} else if (node_scalar_eq(k, "required")) {
			if ((b = boolean(c, val, "required")) > 0)
				f.flags |= RULES_REQUIRED;
		} else if (node_scalar_eq(k, "optional")) {
			if ((b = boolean(c, val, "optional")) > 0)
				f.flags |= RULES_OPTIONAL;
		} else if (node_scalar_eq(k, "label"))
			f.label = scalar(c, val, "label");
		else if (node_scalar_eq(k, "min") ||
		    node_scalar_eq(k, "max")) {
			const char	*s = scalar(c, val, k->u.s.str);
			long long	 x;
			char		*end;

			if (s == NULL)
				continue;
			x = strtoll(s, &end, 10);
			if (*s == '\0' || *end != '\0') {
				bad(c, val, "%s: expected a whole number",
				    k->u.s.str);
				continue;
			}
			if (!f.ranged) {
				f.min = -999999999999LL;
				f.max = 999999999999LL;
			}
			f.ranged = 1;
			if (node_scalar_eq(k, "min"))
				f.min = x;
			else
				f.max = x;
		} else
			bad(c, k, "field '%s': unknown key '%s': expected"
			    " column, pattern, position, type, choices, map,"
			    " required, optional, label, min or max", name,
			    k->u.s.str);
	}
	if (c->bad != nbad)
		return;
	if ((e = rules_add_field(c->r, &f)) != 0)
		built(c, v, e);
}

static void
do_fields(struct yctx *c, const struct node *v)
{
	size_t	i;

	if (v->kind != NODE_MAP || v->n == 0) {
		bad(c, v, "fields: expected a mapping of field names to"
		    " columns");
		return;
	}
	for (i = 0; i < v->n; i++)
		one_field(c, v->u.pairs[i].key->u.s.str, v->u.pairs[i].value);
}

static void
do_identity(struct yctx *c, const struct node *v)
{
	struct rules_ident	 id;
	const struct node	*e, *k;
	size_t			 i, j;
	int			 nbad;

	if (v->kind != NODE_MAP) {
		bad(c, v, "identity: expected a mapping of names to values or"
		    " cells");
		return;
	}
	for (i = 0; i < v->n; i++) {
		memset(&id, 0, sizeof id);
		id.name = v->u.pairs[i].key->u.s.str;
		e = v->u.pairs[i].value;
		nbad = c->bad;
		if (e->kind == NODE_SCALAR)
			id.value = scalar(c, e, id.name);
		else if (e->kind == NODE_MAP) {
			for (j = 0; j < e->n; j++) {
				k = e->u.pairs[j].key;
				if (node_scalar_eq(k, "cell"))
					id.cell = scalar(c,
					    e->u.pairs[j].value, "cell");
				else if (node_scalar_eq(k, "sheet"))
					id.sheet = scalar(c,
					    e->u.pairs[j].value, "sheet");
				else if (node_scalar_eq(k, "expect"))
					id.expect = scalar(c,
					    e->u.pairs[j].value, "expect");
				else if (node_scalar_eq(k, "value"))
					id.value = scalar(c,
					    e->u.pairs[j].value, "value");
				else
					bad(c, k, "identity '%s': unknown key"
					    " '%s': expected value, cell, sheet"
					    " or expect", id.name, k->u.s.str);
			}
		} else
			bad(c, e, "identity '%s': expected a value or a"
			    " mapping", id.name);
		if (c->bad == nbad)
			built(c, e, rules_add_ident(c->r, &id));
	}
}

static void
do_limits(struct yctx *c, const struct node *v)
{
	struct io_limits	 lim;
	const struct node	*k, *val;
	unsigned long long	 n;
	size_t			 i;

	memset(&lim, 0, sizeof lim);
	if (v->kind != NODE_MAP) {
		bad(c, v, "limits: expected a mapping");
		return;
	}
	/* limits can be lowered to the shape expected, never raised */
	for (i = 0; i < v->n; i++) {
		k = v->u.pairs[i].key;
		val = v->u.pairs[i].value;
		if (node_scalar_eq(k, "rows")) {
			if (number(c, val, "rows", 1, IO_MAX_ROWS, &n) == 0)
				lim.rows = (uint32_t)n;
		} else if (node_scalar_eq(k, "columns")) {
			if (number(c, val, "columns", 1, IO_MAX_COLS, &n) == 0)
				lim.cols = (uint32_t)n;
		} else if (node_scalar_eq(k, "cells")) {
			if (number(c, val, "cells", 1, IO_MAX_CELLS, &n) == 0)
				lim.cells = n;
		} else if (node_scalar_eq(k, "field_length")) {
			if (number(c, val, "field_length", 1,
			    IO_MAX_FIELD_CHARS, &n) == 0)
				lim.field_chars = (uint32_t)n;
		} else if (node_scalar_eq(k, "file_mb")) {
			if (number(c, val, "file_mb", 1, IO_MAX_FILE_BYTES >>
			    20, &n) == 0)
				lim.file_bytes = n << 20;
		} else if (node_scalar_eq(k, "unpacked_mb")) {
			if (number(c, val, "unpacked_mb", 1,
			    IO_MAX_UNPACKED_BYTES >> 20, &n) == 0)
				lim.unpacked_bytes = n << 20;
		} else
			bad(c, k, "limits: unknown key '%s': expected rows,"
			    " columns, cells, field_length, file_mb or"
			    " unpacked_mb", k->u.s.str);
	}
	rules_set_limits(c->r, &lim);
}

static void
do_header(struct yctx *c, const struct node *v)
{
	unsigned long long	 n;
	const char		*s;

	if ((s = scalar(c, v, "header")) == NULL)
		return;
	if (strcmp(s, "auto") == 0)
		rules_set_header(c->r, RULES_HEADER_AUTO, 0);
	else if (strcmp(s, "none") == 0)
		rules_set_header(c->r, RULES_HEADER_NONE, 0);
	else if (isdigit((unsigned char)s[0]) && number(c, v, "header", 1,
	    1048576, &n) == 0)
		rules_set_header(c->r, RULES_HEADER_ROW, (unsigned)n);
	else if (!isdigit((unsigned char)s[0]))
		bad(c, v, "header '%s': expected auto, none or a row number",
		    s);
}

static void
do_encoding(struct yctx *c, const struct node *v)
{
	const char	*s;

	if ((s = scalar(c, v, "encoding")) == NULL)
		return;
	if (strcasecmp(s, "auto") == 0)
		rules_set_encoding(c->r, CSVREAD_DETECT);
	else if (strcasecmp(s, "utf-8") == 0 || strcasecmp(s, "utf8") == 0)
		rules_set_encoding(c->r, CSVREAD_UTF8);
	else if (strcasecmp(s, "cp932") == 0 ||
	    strcasecmp(s, "shift_jis") == 0 || strcasecmp(s, "sjis") == 0)
		rules_set_encoding(c->r, CSVREAD_CP932);
	else
		bad(c, v, "encoding '%s': expected auto, utf-8 or cp932", s);
}

static void
do_sheet(struct yctx *c, const struct node *v)
{
	unsigned long long	 n;
	const char		*s;

	if ((s = scalar(c, v, "sheet")) == NULL)
		return;
	/* a plain number is a position; a quoted one a name */
	if (v->style != NODE_STYLE_QUOTED && isdigit((unsigned char)s[0])) {
		if (number(c, v, "sheet", 1, 1000, &n) == 0)
			built(c, v, rules_set_sheet(c->r, NULL, (unsigned)n));
	} else
		built(c, v, rules_set_sheet(c->r, s, 0));
}

static void
do_key(struct yctx *c, const struct node *v)
{
	const char	*names[MAXLIST];

	if (texts(c, v, "key", names) == 0)
		built(c, v, rules_set_key(c->r, names));
}

/* Every field's map must exist. */
static void
check_maps(struct yctx *c, const struct node *fields)
{
	const struct node	*v, *m;
	size_t			 i;

	for (i = 0; fields != NULL && fields->kind == NODE_MAP &&
	    i < fields->n; i++) {
		v = fields->u.pairs[i].value;
		if (v->kind != NODE_MAP || (m = node_get(v, "map")) == NULL ||
		    m->kind != NODE_SCALAR || node_scalar_eq(m, "none"))
			continue;
		if (rules_has_map(c->r, m->u.s.str))
			continue;
		bad(c, m, "field '%s': no map '%s' under maps",
		    fields->u.pairs[i].key->u.s.str, m->u.s.str);
	}
}

/* No My Number in the rules themselves: they are data too. */
static void
check_guard(struct yctx *c, const char *text, size_t len)
{
	size_t		 off, mlen, i;
	struct node	 at;

	if (!guard_find_mynumber(text, len, &off, &mlen))
		return;
	memset(&at, 0, sizeof at);
	at.line = 1;
	at.col = 1;
	for (i = 0; i < off; i++) {
		if (text[i] == '\n') {
			at.line++;
			at.col = 1;
		} else if (((unsigned char)text[i] & 0xc0) != 0x80)
			at.col++;
	}
	bad(c, &at, "what looks like a My Number (個人番号): remove it;"
	    " personal numbers must never be recorded");
}

int
rules_parse(struct rules **out, const char *text, size_t len,
    const char *name, struct diags *d)
{
	static const char *const keys = "encoding, sheet, header, skip,"
	    " fields, maps, key, identity or limits";
	struct ydoc		*doc = NULL;
	const struct node	*root, *k, *v, *fields = NULL, *key = NULL;
	struct yctx		 c;
	unsigned long long	 n;
	size_t			 i;
	int			 r;

	*out = NULL;
	memset(&c, 0, sizeof c);
	c.name = name;
	c.d = d;
	if ((r = ydoc_parse(&doc, text, len, name, d)) != 0)
		return r == NC_ENOMEM ? r : error_set(NC_EINVALID, "the rules"
		    " '%s' are not valid YAML", name);
	root = ydoc_root(doc);
	if (root == NULL || root->kind != NODE_MAP) {
		bad(&c, root, "the rules must be a YAML mapping (%s)", keys);
		ydoc_free(doc);
		return error_set(NC_EINVALID, "the rules '%s' have errors",
		    name);
	}
	check_guard(&c, text, len);
	if ((r = rules_new(&c.r, name)) != 0) {
		ydoc_free(doc);
		return r;
	}
	/* maps first: fields name them; the key after the fields */
	if ((v = node_get(root, "maps")) != NULL)
		do_maps(&c, v);
	for (i = 0; i < root->n; i++) {
		k = root->u.pairs[i].key;
		v = root->u.pairs[i].value;
		if (node_scalar_eq(k, "fields"))
			do_fields(&c, fields = v);
		else if (node_scalar_eq(k, "maps"))
			;
		else if (node_scalar_eq(k, "key"))
			key = v;
		else if (node_scalar_eq(k, "identity"))
			do_identity(&c, v);
		else if (node_scalar_eq(k, "limits"))
			do_limits(&c, v);
		else if (node_scalar_eq(k, "header"))
			do_header(&c, v);
		else if (node_scalar_eq(k, "skip")) {
			if (number(&c, v, "skip", 0, 1000000, &n) == 0)
				rules_set_skip(c.r, (unsigned)n);
		} else if (node_scalar_eq(k, "encoding"))
			do_encoding(&c, v);
		else if (node_scalar_eq(k, "sheet"))
			do_sheet(&c, v);
		else
			bad(&c, k, "unknown key '%s': expected %s", k->u.s.str,
			    keys);
	}
	if (fields == NULL)
		bad(&c, root, "no fields: say which column holds what");
	if (key != NULL && c.bad == 0)
		do_key(&c, key);
	check_maps(&c, fields);
	ydoc_free(doc);
	if (c.bad) {
		rules_free(c.r);
		if (c.bad == 2)
			return error_set(NC_ENOMEM, "out of memory");
		return error_set(NC_EINVALID, "the rules '%s' have errors",
		    name);
	}
	*out = c.r;
	return 0;
}

int
rules_load(struct rules **out, const char *path, struct diags *d)
{
	struct buf	 b = BUF_INIT;
	int		 r;

	*out = NULL;
	if ((r = buf_load(&b, path)) != 0) {
		diags_add(d, path, 0, 0, "cannot read the rules file");
		buf_free(&b);
		return r;
	}
	if (b.len > 1024 * 1024) {
		diags_add(d, path, 0, 0, "a rules file of %zu bytes; the limit"
		    " is 1 MB", b.len);
		buf_free(&b);
		return error_set(NC_EINVALID, "the rules '%s' are too large",
		    path);
	}
	r = rules_parse(out, b.data ? b.data : "", b.len, path, d);
	buf_free(&b);
	return r;
}
