/*
 * nerima-cio list: records of one kind as a table, CSV, JSON or YAML.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "cmd.h"
#include "i18n.h"
#include "listing.h"
#include "opt.h"
#include "json.h"
#include "recfmt.h"
#include "record.h"
#include "store.h"
#include "table.h"

enum format { FMT_TABLE, FMT_CSV, FMT_JSON, FMT_YAML };

struct where {
	char	*field;
	char	*value;
};

/*
 * A row keeps the whole record only for JSON and YAML, which print it; a
 * table or CSV keeps just its cells, so a listing of large records (the
 * self-check rows of a hundred divisions) costs the cells, not the trees.
 * The cells, fiscal years and dates of all rows are texts in one buffer
 * (struct cells), not an allocation each.
 */
#define NOTEXT	((size_t)-1)

struct row {
	struct record	*r;
	size_t		 cell;		/* its first cell in cells.off[] */
	size_t		 fy;		/* text offsets, or NOTEXT */
	size_t		 key;		/* the kind's date, for ordering */
	const char	*relpath;	/* the scan's, which outlives rows */
};

struct cells {
	struct buf	 text;		/* NUL-terminated texts */
	size_t		*off;		/* of each row's cells, in turn */
	size_t		 n, cap;
};

/* The text at off in cells, or NULL. */
static const char *
text_at(const struct cells *cs, size_t off)
{
	return off == NOTEXT ? NULL : cs->text.data + off;
}

/* s (NULL: none) into the text; its offset, NOTEXT for NULL. */
static size_t
text_put(struct cells *cs, const char *s, size_t len)
{
	size_t	off = cs->text.len;

	if (s == NULL)
		return NOTEXT;
	buf_add(&cs->text, s, len);
	buf_putc(&cs->text, '\0');
	return off;
}

static int
cells_grow(struct cells *cs, size_t more)
{
	size_t	*v, cap;

	if (cs->n + more <= cs->cap)
		return 0;
	cap = cs->cap != 0 ? cs->cap : 256;
	while (cap < cs->n + more)
		cap *= 2;
	if ((v = realloc(cs->off, cap * sizeof *v)) == NULL)
		return error_set(NC_ENOMEM, _("out of memory"));
	cs->off = v;
	cs->cap = cap;
	return 0;
}

/* The order of the listing: fiscal year, the kind's date, the path. */
static const struct cells	*sort_cells;

static int
row_cmp(const void *a, const void *b)
{
	const struct row	*x = a, *y = b;
	const char		*xs, *ys;
	int			 c;

	xs = text_at(sort_cells, x->fy);
	ys = text_at(sort_cells, y->fy);
	if (xs != NULL && ys != NULL && (c = strcmp(xs, ys)) != 0)
		return c;
	xs = text_at(sort_cells, x->key);
	ys = text_at(sort_cells, y->key);
	if ((c = strcmp(xs != NULL ? xs : "", ys != NULL ? ys : "")) != 0)
		return c;
	return strcmp(x->relpath, y->relpath);
}

static void
sort_rows(struct row *rows, size_t nrows, const struct cells *cs)
{
	sort_cells = cs;
	qsort(rows, nrows, sizeof *rows, row_cmp);
}

static int
matches(const struct record *r, const struct where *w, size_t nw)
{
	const struct node	*v;
	size_t			 i, k;
	int			 hit;

	for (i = 0; i < nw; i++) {
		v = node_get(record_root(r), w[i].field);
		if (v == NULL)
			return 0;
		if (v->kind == NODE_SCALAR) {
			if (strcmp(v->u.s.str, w[i].value) != 0)
				return 0;
			continue;
		}
		hit = 0;
		for (k = 0; v->kind == NODE_SEQ && k < v->n && !hit; k++)
			hit = node_scalar_eq(v->u.items[k], w[i].value);
		if (!hit)
			return 0;
	}
	return 1;
}

static int
split_columns(char *spec, const char ***out, size_t *n)
{
	const char	**v;
	char		 *p, *save = NULL;
	size_t		  cap = 1;

	for (p = spec; *p != '\0'; p++)
		cap += *p == ',';
	if ((v = calloc(cap, sizeof *v)) == NULL)
		return -1;
	*n = 0;
	for (p = strtok_r(spec, ",", &save); p != NULL;
	    p = strtok_r(NULL, ",", &save))
		v[(*n)++] = p;
	*out = v;
	return 0;
}

/*
 * What a person reads in a table: enum values by their Japanese label,
 * organisations by name.  CSV, JSON and YAML keep the stored values.
 */
static void
human_cell(struct buf *cell, struct store *st, const struct schema *ps)
{
	const char	*label = NULL, *xref;

	if (ps == NULL || cell->data == NULL || cell->len == 0)
		return;
	if ((label = schema_enum_title(ps, cell->data)) == NULL &&
	    (xref = schema_xref(ps)) != NULL && strcmp(xref, "org") == 0)
		store_org(&label, NULL, st, cell->data);
	if (label != NULL) {
		buf_reset(cell);
		buf_puts(cell, label);
	}
}

/*
 * CSV lines end in LF on a terminal, in a pipe and in a file the shell
 * redirects to (> x.csv is a pipe's output kept, and a "\r" would stick to
 * the last field of each line); --crlf gives Excel's CRLF after a BOM
 * (issue 16 point 2, as every listing verb does).
 */
static int	csv_excel;	/* --crlf: CRLF and a BOM, for Excel */

static int
emit_rows(enum format fmt, const struct schema *kind, struct row *rows,
    size_t nrows, const struct cells *cs, const char **cols, size_t ncols,
    struct buf *out)
{
	struct table	*t = NULL;
	const char	**cells = NULL;
	struct json	*j = NULL;
	struct ydoc	*doc = NULL;
	struct node	*seq;
	const char	*title;
	size_t		 i, c;
	int		 rc = 0;

	if (fmt == FMT_JSON) {
		if ((j = json_new(out)) == NULL)
			return error_set(NC_ENOMEM, _("out of memory"));
		rc = json_begin_array(j);
		for (i = 0; rc == 0 && i < nrows; i++)
			rc = recfmt_json(j, record_root(rows[i].r));
		if (rc == 0 && (rc = json_end_array(j)) == 0)
			rc = json_finish(j);
		json_free(j);
		return rc;
	}
	if (fmt == FMT_YAML) {
		/* One YAML sequence of the records, as they are written. */
		if ((doc = ydoc_new()) == NULL || (seq = node_seq(doc)) == NULL) {
			ydoc_free(doc);
			return error_set(NC_ENOMEM, _("out of memory"));
		}
		for (i = 0; rc == 0 && i < nrows; i++)
			rc = node_seq_push(doc, seq, record_root(rows[i].r));
		if (rc == 0)
			rc = node_emit(out, seq);
		ydoc_free(doc);
		return rc;
	}
	if ((t = table_new(ncols)) == NULL) {
		rc = error_set(NC_ENOMEM, _("out of memory"));
		goto done;
	}
	for (c = 0; c < ncols; c++) {
		const struct schema *ps = schema_prop(kind, cols[c]);
		unsigned types = ps != NULL ? schema_types(ps) : 0;
		/* A terminal table is read by people: titles in their language. */
		title = fmt == FMT_TABLE && ps != NULL && schema_ui_title(ps) ?
		    schema_ui_title(ps) : cols[c];
		table_set_header(t, c, title, types != 0 && !(types &
		    ~(unsigned)(SCHEMA_T_INTEGER | SCHEMA_T_NUMBER |
		    SCHEMA_T_NULL)));
	}
	if ((cells = calloc(ncols, sizeof *cells)) == NULL) {
		rc = error_set(NC_ENOMEM, _("out of memory"));
		goto done;
	}
	for (i = 0; rc == 0 && i < nrows; i++) {
		for (c = 0; c < ncols; c++)
			cells[c] = text_at(cs, cs->off[rows[i].cell + c]);
		rc = table_add_row(t, cells);
	}
	if (rc == 0)
		rc = fmt == FMT_CSV ? table_render_csv_eol(t, out, csv_excel,
		    csv_excel) : table_render(t, out);
done:
	free(cells);
	table_free(t);
	return rc;
}

/*
 * The cells of a table or CSV row, as they will be shown, into cs; props
 * are the columns' schemas, cell a scratch buffer.
 */
static int
row_cells(struct row *row, struct cells *cs, struct buf *cell,
    struct store *st, enum format fmt, const struct schema *const *props,
    const struct record *r, const char **cols, size_t ncols)
{
	size_t	c;

	if (cells_grow(cs, ncols) != 0)
		return NC_ENOMEM;
	row->cell = cs->n;
	for (c = 0; c < ncols; c++) {
		buf_reset(cell);
		recfmt_cell(cell, node_get(record_root(r), cols[c]));
		if (fmt == FMT_TABLE)
			human_cell(cell, st, props[c]);
		if (buf_ok(cell) != 0)
			return error_set(NC_ENOMEM, _("out of memory"));
		cs->off[cs->n++] = text_put(cs, cell->len > 0 ? cell->data :
		    "", cell->len);
	}
	if (buf_ok(&cs->text) != 0)
		return error_set(NC_ENOMEM, _("out of memory"));
	return 0;
}

static int
cmd_list(struct cmd_ctx *ctx, struct optv *ov)
{
	struct store		*st;
	const struct schema	*kind;
	struct reclist		 recs = RECLIST_INIT;
	struct where		*w = NULL;
	struct row		*rows = NULL;
	struct record		*r;
	struct row		*row;
	const char		**want = NULL, *key, *fys, *f;
	const char		 *kname = ov->argv[0];
	const struct schema	**props = NULL;
	struct cells		 cs = { BUF_INIT, NULL, 0, 0 };
	struct buf		 cell = BUF_INIT;
	size_t			 nwant = 0;
	struct diags		 d = DIAGS_INIT;
	struct buf		 out = BUF_INIT;
	enum format		 fmt = FMT_TABLE;
	const char		**cols = NULL;
	char			*colspec = NULL, *eq, *conv;
	size_t			 nw = 0, nrows = 0, ncols = 0, i;
	int			 fy, rc = CMD_OK, skipped = 0;

	fy = (int)opt_num(ov, "fy", 0);
	csv_excel = opt_has(ov, "crlf");
	if ((f = opt_get(ov, "format")) != NULL)
		fmt = strcmp(f, "csv") == 0 ? FMT_CSV : strcmp(f, "json") == 0 ?
		    FMT_JSON : strcmp(f, "yaml") == 0 ? FMT_YAML : FMT_TABLE;
	if ((w = calloc(opt_count(ov, "where") + 1, sizeof *w)) == NULL)
		return cmd_error(_("out of memory"));
	for (i = 0; i < opt_count(ov, "where"); i++) {
		if ((eq = strchr(opt_at(ov, "where", i), '=')) == NULL ||
		    eq == opt_at(ov, "where", i)) {
			rc = opt_bad_usage(ov->entry, ov->sub, _("--where takes"
			    " FIELD=VALUE, not '%s'"), opt_at(ov, "where", i));
			goto done;
		}
		if ((w[nw].field = strndup(opt_at(ov, "where", i),
		    (size_t)(eq - opt_at(ov, "where", i)))) == NULL ||
		    (w[nw++].value = strdup(eq + 1)) == NULL) {
			rc = cmd_error(_("out of memory"));
			goto done;
		}
	}
	if (opt_has(ov, "columns") &&
	    (colspec = strdup(opt_get(ov, "columns"))) == NULL) {
		rc = cmd_error(_("out of memory"));
		goto done;
	}
	if ((st = cmd_store(ctx)) == NULL) {
		rc = CMD_FAIL;
		goto done;
	}
	if (store_kind(&kind, st, kname) != 0) {
		rc = cmd_lib_error();
		goto done;
	}
	for (i = 0; i < nw; i++) {
		if (schema_prop(kind, w[i].field) == NULL) {
			rc = cmd_error(_("--where: %s records have no field "
			    "'%s'"), kname, w[i].field);
			goto done;
		}
		/* The value as the field's type reads it (dates, names). */
		if (opt_convert_field(&conv, ctx, kname, w[i].field,
		    w[i].value) == 0) {
			free(w[i].value);
			w[i].value = conv;
		} else
			error_clear();
	}
	if (colspec != NULL) {
		if (split_columns(colspec, &cols, &ncols) != 0) {
			rc = cmd_error(_("out of memory"));
			goto done;
		}
		for (i = 0; i < ncols; i++) {
			if (schema_prop(kind, cols[i]) == NULL) {
				rc = cmd_error(_("--columns: %s records have "
				    "no field '%s'"), kname, cols[i]);
				goto done;
			}
		}
	} else {
		ncols = schema_ncolumns(kind);
		if ((cols = calloc(ncols + 2, sizeof *cols)) == NULL) {
			rc = cmd_error(_("out of memory"));
			goto done;
		}
		for (i = 0; i < ncols; i++)
			cols[i] = schema_column(kind, i);
		if (ncols == 0) {
			cols[ncols++] = "id";
			if (schema_title_field(kind) != NULL)
				cols[ncols++] = schema_title_field(kind);
		}
	}
	if ((props = calloc(ncols + 1, sizeof *props)) == NULL) {
		rc = cmd_error(_("out of memory"));
		goto done;
	}
	for (i = 0; i < ncols; i++)
		props[i] = schema_prop(kind, cols[i]);
	if (store_scan(&recs, st, kind, fy, NULL) != 0) {
		rc = cmd_lib_error();
		goto done;
	}
	if ((rows = calloc(recs.n + 1, sizeof *rows)) == NULL) {
		rc = cmd_error(_("out of memory"));
		goto done;
	}
	/* A table or CSV needs only the leading fields it shows. */
	if (fmt == FMT_TABLE || fmt == FMT_CSV) {
		if ((want = calloc(ncols + nw + 2, sizeof *want)) == NULL) {
			rc = cmd_error(_("out of memory"));
			goto done;
		}
		want[nwant++] = "fy";
		if (schema_fy_field(kind) != NULL)
			want[nwant++] = schema_fy_field(kind);
		for (i = 0; i < ncols; i++)
			want[nwant++] = cols[i];
		for (i = 0; i < nw; i++)
			want[nwant++] = w[i].field;
		if (nwant > 63)
			nwant = 0;	/* so many: read it all */
	}
	for (i = 0; i < recs.n; i++) {
		if ((nwant > 0 ? record_load_fields(&r, st, &recs.v[i], &d,
		    want, nwant) : record_load(&r, st, &recs.v[i], &d)) != 0) {
			cmd_warn(_("skipped %s: %s (see 'nerima-cio lint')"),
			    recs.v[i].relpath, d.n > 0 ?
			    d.v[d.n - 1].msg : error_last());
			skipped++;
			continue;
		}
		if (record_root(r) == NULL || record_root(r)->kind != NODE_MAP ||
		    !matches(r, w, nw)) {
			record_free(r);
			continue;
		}
		row = &rows[nrows++];
		key = schema_fy_field(kind) != NULL ?
		    record_field(r, schema_fy_field(kind)) : NULL;
		row->relpath = recs.v[i].relpath;
		fys = record_field(r, "fy");
		row->fy = text_put(&cs, fys, fys != NULL ? strlen(fys) : 0);
		row->key = text_put(&cs, key, key != NULL ? strlen(key) : 0);
		if (buf_ok(&cs.text) != 0) {
			record_free(r);
			rc = cmd_error(_("out of memory"));
			goto done;
		}
		if (fmt == FMT_JSON || fmt == FMT_YAML) {
			row->r = r;
			continue;
		}
		if (row_cells(row, &cs, &cell, st, fmt, props, r, cols,
		    ncols) != 0) {
			record_free(r);
			rc = cmd_lib_error();
			goto done;
		}
		record_free(r);
	}
	sort_rows(rows, nrows, &cs);
	if (emit_rows(fmt, kind, rows, nrows, &cs, cols, ncols, &out) != 0) {
		rc = cmd_lib_error();
		goto done;
	}
	fwrite(out.data != NULL ? out.data : "", 1, out.len, stdout);
	if (skipped > 0)
		rc = CMD_FAIL;
done:
	for (i = 0; rows != NULL && i < nrows; i++)
		record_free(rows[i].r);
	free(rows);
	free(props);
	free(cs.off);
	buf_free(&cs.text);
	buf_free(&cell);
	free(want);
	for (i = 0; w != NULL && i < nw; i++) {
		free(w[i].field);
		free(w[i].value);
	}
	free(w);
	free(cols);
	free(colspec);
	reclist_free(&recs);
	diags_free(&d);
	buf_free(&out);
	return rc;
}

static const struct opt list_opts[] = {
	{ "fy", 0, OPT_FY, 0, NULL, NULL, 0, 0,
	  "only fiscal year FY (2026, 令和8年度)" },
	{ "format", 0, OPT_CHOICE, 0, "table|csv|json|yaml",
	  "table|csv|json|yaml", 0, 0, "output format (default table)" },
	LISTING_OPT_CRLF,
	{ "where", 0, OPT_TEXT, OPT_REPEAT, "FIELD=VALUE", NULL, 0, 0,
	  "only records whose FIELD is (or, for a list, holds) VALUE" },
	{ "columns", 0, OPT_TEXT, 0, "FIELD,...", NULL, 0, 0,
	  "the fields to show in a table or CSV" },
	OPT_END
};

static const struct subcmd list_subs[] = {
	{ NULL, cmd_list, list_opts, "KIND", 1, 1, NULL, NULL },
	SUBCMD_END
};

const struct cmd_entry cmd_list_entry = {
	.name = "list",
	.desc = "list records of one kind",
	.help =
	    "Lists the records of KIND (review, audit, checklist, training,\n"
	    "incident, consult, meeting, issue, pia, catalog), ordered by fiscal\n"
	    "year and date.  A table shows enum values by their Japanese titles\n"
	    "and organisations by name; csv, json (an array of objects, whole\n"
	    "records) and yaml keep the stored values.  A --where VALUE is read\n"
	    "as the field's type reads it (令和8年4月10日 for a date).\n",
	.subs = list_subs,
};
