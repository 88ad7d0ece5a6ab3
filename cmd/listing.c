/*
 * Rows for the listing verbs (listing.h).
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "cmd.h"
#include "fileio.h"
#include "i18n.h"
#include "json.h"
#include "listing.h"
#include "table.h"

static int	print_rows(struct listing *, const char *, int, const char *,
		    FILE *);
static int	print_table(const struct table *, const char *const *,
		    const char *, int, const char *, FILE *);

struct listing {
	const struct listing_col *cols;
	size_t			  ncols;
	char			**cells;	/* nrows * ncols */
	size_t			  nrows;
	size_t			  cap;
};

const char *
listing_format(const char *format, const char *path)
{
	const char	*dot;

	if (format != NULL)
		return format;
	if (path != NULL && (dot = strrchr(path, '.')) != NULL) {
		if (strcasecmp(dot, ".csv") == 0)
			return "csv";
		if (strcasecmp(dot, ".json") == 0)
			return "json";
	}
	return "table";
}

/* The output in out (rc: how making it went) to standard output or path. */
static int
emit(struct buf *out, int rc, const char *path, FILE *fp)
{
	if (rc != 0 || buf_ok(out) != 0) {
		buf_free(out);
		return cmd_lib_error();
	}
	if (path != NULL) {
		rc = fileio_write_atomic(path, out->data != NULL ? out->data :
		    "", out->len);
		buf_free(out);
		if (rc != 0)
			return cmd_lib_error();
		/* the path on standard error, as the exports print theirs */
		fprintf(stderr, "%s\n", path);
		return CMD_OK;
	}
	if (out->len > 0)
		fwrite(out->data, 1, out->len, fp);
	buf_free(out);
	return CMD_OK;
}

struct listing *
listing_new(const struct listing_col *cols, size_t ncols)
{
	struct listing	*l;

	if ((l = calloc(1, sizeof *l)) == NULL)
		return NULL;
	l->cols = cols;
	l->ncols = ncols;
	return l;
}

int
listing_row(struct listing *l, const char *const *cells)
{
	char	**nv;
	size_t	  i;

	if (l->nrows == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 32;
		if ((nv = realloc(l->cells, l->cap * l->ncols *
		    sizeof *nv)) == NULL)
			return error_set(NC_ENOMEM, _("out of memory"));
		l->cells = nv;
	}
	for (i = 0; i < l->ncols; i++) {
		l->cells[l->nrows * l->ncols + i] = strdup(cells[i] != NULL ?
		    cells[i] : "");
		if (l->cells[l->nrows * l->ncols + i] == NULL) {
			while (i-- > 0)
				free(l->cells[l->nrows * l->ncols + i]);
			return error_set(NC_ENOMEM, _("out of memory"));
		}
	}
	l->nrows++;
	return 0;
}

size_t
listing_nrows(const struct listing *l)
{
	return l->nrows;
}

static size_t	sort_col, sort_col2;

static int
row_ptr_cmp(const void *a, const void *b)
{
	char *const	*x = *(char **const *)a;
	char *const	*y = *(char **const *)b;
	int		 c;

	if ((c = strcmp(x[sort_col], y[sort_col])) != 0)
		return c;
	if ((c = strcmp(x[sort_col2], y[sort_col2])) != 0)
		return c;
	return strcmp(x[0], y[0]);
}

void
listing_sort(struct listing *l, size_t col, size_t col2)
{
	char	***rows, **cells;
	size_t	   i;

	/* sort pointers to the rows, then lay the rows out in that order */
	if (l->nrows < 2 || (rows = malloc(l->nrows * sizeof *rows)) == NULL)
		return;
	if ((cells = malloc(l->nrows * l->ncols * sizeof *cells)) == NULL) {
		free(rows);
		return;
	}
	for (i = 0; i < l->nrows; i++)
		rows[i] = &l->cells[i * l->ncols];
	sort_col = col;
	sort_col2 = col2;
	qsort(rows, l->nrows, sizeof *rows, row_ptr_cmp);
	for (i = 0; i < l->nrows; i++)
		memcpy(&cells[i * l->ncols], rows[i], l->ncols * sizeof *cells);
	free(l->cells);
	l->cells = cells;
	l->cap = l->nrows;
	free(rows);
}

int
listing_print(struct listing *l, const char *format, FILE *fp)
{
	return listing_print_eol(l, format, 0, fp);
}

int
listing_print_eol(struct listing *l, const char *format, int crlf, FILE *fp)
{
	return print_rows(l, format, crlf, NULL, fp);
}

int
listing_print_out(struct listing *l, const char *format, int crlf,
    const char *path)
{
	return print_rows(l, format, crlf, path, stdout);
}

static int
print_rows(struct listing *l, const char *format, int crlf, const char *path,
    FILE *fp)
{
	struct buf	 out = BUF_INIT;
	struct table	*t = NULL;
	struct json	*j = NULL;
	const char	*c;
	size_t		 r, i;
	int		 rc = 0;

	format = listing_format(format, path);
	crlf = crlf || (path != NULL && strcmp(format, "csv") == 0);
	if (strcmp(format, "json") == 0) {
		if ((j = json_new(&out)) == NULL)
			return cmd_error(_("out of memory"));
		rc = json_begin_array(j);
		for (r = 0; r < l->nrows && rc == 0; r++) {
			rc = json_begin_object(j);
			for (i = 0; i < l->ncols && rc == 0; i++) {
				c = l->cells[r * l->ncols + i];
				if ((rc = json_key(j, l->cols[i].key)) != 0)
					break;
				rc = *c == '\0' ? json_value_raw(j, "null") :
				    json_value_string(j, c, strlen(c));
			}
			if (rc == 0)
				rc = json_end_object(j);
		}
		if (rc == 0)
			rc = json_end_array(j);
		if (rc == 0)
			rc = json_finish(j);
		json_free(j);
	} else {
		const char	**row;
		size_t		  k, n = 0;

		for (i = 0; i < l->ncols; i++)
			n += !l->cols[i].json_only;
		if ((row = calloc(n + 1, sizeof *row)) == NULL)
			return cmd_error(_("out of memory"));
		if ((t = table_new(n)) == NULL) {
			free(row);
			return cmd_lib_error();
		}
		for (i = k = 0; i < l->ncols && rc == 0; i++)
			if (!l->cols[i].json_only)
				rc = table_set_header(t, k++, _(l->cols[i].head),
				    l->cols[i].right);
		for (r = 0; r < l->nrows && rc == 0; r++) {
			for (i = k = 0; i < l->ncols; i++)
				if (!l->cols[i].json_only)
					row[k++] = l->cells[r * l->ncols + i];
			rc = table_add_row(t, row);
		}
		free(row);
		if (rc == 0)
			rc = strcmp(format, "csv") == 0 ?
			    table_render_csv_eol(t, &out, crlf, crlf) :
			    table_render(t, &out);
		table_free(t);
	}
	return emit(&out, rc, path, fp);
}

void
listing_free(struct listing *l)
{
	size_t	i;

	if (l == NULL)
		return;
	for (i = 0; i < l->nrows * l->ncols; i++)
		free(l->cells[i]);
	free(l->cells);
	free(l);
}

/* A cell of a number column that reads as a JSON number, as it is. */
static int
json_number(const char *c)
{
	const char	*p = c;

	if (*p == '-')
		p++;
	if (*p < '0' || *p > '9' || (*p == '0' && p[1] >= '0' && p[1] <= '9'))
		return 0;
	while (*p >= '0' && *p <= '9')
		p++;
	if (*p == '.') {
		p++;
		if (*p < '0' || *p > '9')
			return 0;
		while (*p >= '0' && *p <= '9')
			p++;
	}
	return *p == '\0';
}

int
listing_json_rows(struct json *j, const struct table *t,
    const char *const *keys)
{
	const char	*c;
	size_t		 r, i;
	int		 rc;

	rc = json_begin_array(j);
	for (r = 0; r < table_nrows(t) && rc == 0; r++) {
		rc = json_begin_object(j);
		for (i = 0; i < table_ncols(t) && rc == 0; i++) {
			if (keys[i] == NULL)
				continue;
			c = table_cell(t, r, i);
			if ((rc = json_key(j, keys[i])) != 0)
				break;
			if (*c == '\0')
				rc = json_value_raw(j, "null");
			else if (table_right(t, i) && (json_number(c) ||
			    strcmp(c, "true") == 0 || strcmp(c, "false") == 0))
				rc = json_value_raw(j, c);
			else
				rc = json_value_string(j, c, strlen(c));
		}
		if (rc == 0)
			rc = json_end_object(j);
	}
	if (rc == 0)
		rc = json_end_array(j);
	return rc;
}

int
listing_table(const struct table *t, const char *const *keys,
    const char *format, int crlf, FILE *fp)
{
	return print_table(t, keys, format, crlf, NULL, fp);
}

int
listing_table_out(const struct table *t, const char *const *keys,
    const char *format, int crlf, const char *path)
{
	return print_table(t, keys, format, crlf, path, stdout);
}

static int
print_table(const struct table *t, const char *const *keys,
    const char *format, int crlf, const char *path, FILE *fp)
{
	struct buf	 out = BUF_INIT;
	struct json	*j;
	int		 rc = 0;

	format = listing_format(format, path);
	crlf = crlf || (path != NULL && strcmp(format, "csv") == 0);
	if (strcmp(format, "table") == 0)
		rc = table_render(t, &out);
	else if (strcmp(format, "csv") == 0)
		rc = table_render_csv_eol(t, &out, crlf, crlf);
	else {
		if ((j = json_new(&out)) == NULL)
			return cmd_error(_("out of memory"));
		rc = listing_json_rows(j, t, keys);
		if (rc == 0)
			rc = json_finish(j);
		json_free(j);
	}
	return emit(&out, rc, path, fp);
}
