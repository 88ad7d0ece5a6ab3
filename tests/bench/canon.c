/*
 * Check that every record of a data directory is already in the canonical
 * form the engine's writer produces: load it, serialise it as a save would
 * (keys in schema order, the writer's quoting and block style), compare
 * the bytes.  The benchmark's generator writes YAML by itself, without the
 * engine, so this is what keeps it honest.
 *
 * usage: canon DIR		(exit 0 when every record is canonical)
 *
 * Linked with the engine's library by tests/bench/run; not part of the
 * product.
 */
#define _POSIX_C_SOURCE 200809L

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "diag.h"
#include "node.h"
#include "record.h"
#include "store.h"

/* The first line where a and b differ, 1-based. */
static size_t
first_diff_line(const char *a, size_t alen, const char *b, size_t blen)
{
	size_t	i, line = 1;

	for (i = 0; i < alen && i < blen && a[i] == b[i]; i++) {
		if (a[i] == '\n')
			line++;
	}
	return line;
}

static const char *
line_at(const char *s, size_t len, size_t line, size_t *outlen)
{
	size_t	i = 0, l = 1, end;

	while (i < len && l < line) {
		if (s[i++] == '\n')
			l++;
	}
	for (end = i; end < len && s[end] != '\n'; end++)
		;
	*outlen = end - i;
	return s + i;
}

int
main(int argc, char **argv)
{
	struct store	*st = NULL;
	const struct schemaset *set;
	struct reclist	 recs = RECLIST_INIT;
	struct diags	 d = DIAGS_INIT;
	struct record	*r;
	struct buf	 out = BUF_INIT;
	char		*path, *bytes;
	size_t		 i, len, bad = 0, line, la, lb;
	const char	*pa, *pb;
	FILE		*f;
	long		 n;

	if (argc != 2) {
		fprintf(stderr, "usage: canon DIR\n");
		return 2;
	}
	if (store_open(&st, argv[1]) != 0 ||
	    store_schemas(&set, st, &d) != 0 ||
	    store_scan(&recs, st, NULL, 0, NULL) != 0) {
		fprintf(stderr, "canon: %s\n", error_last());
		return 1;
	}
	for (i = 0; i < recs.n; i++) {
		if ((path = store_path(st, recs.v[i].relpath)) == NULL ||
		    (f = fopen(path, "rb")) == NULL) {
			fprintf(stderr, "canon: cannot open %s\n",
			    recs.v[i].relpath);
			return 1;
		}
		fseek(f, 0, SEEK_END);
		n = ftell(f);
		fseek(f, 0, SEEK_SET);
		if (n < 0 || (bytes = malloc((size_t)n + 1)) == NULL ||
		    fread(bytes, 1, (size_t)n, f) != (size_t)n) {
			fprintf(stderr, "canon: cannot read %s\n", path);
			return 1;
		}
		fclose(f);
		len = (size_t)n;
		if (record_load(&r, st, &recs.v[i], &d) != 0) {
			fprintf(stderr, "%s: cannot load: %s\n",
			    recs.v[i].relpath, error_last());
			bad++;
		} else {
			buf_reset(&out);
			if (record_serialise(&out, r->kind, record_root(r)) !=
			    0 || buf_ok(&out) != 0) {
				fprintf(stderr, "%s: cannot serialise: %s\n",
				    recs.v[i].relpath, error_last());
				bad++;
			} else if (out.len != len ||
			    memcmp(out.data, bytes, len) != 0) {
				line = first_diff_line(bytes, len, out.data,
				    out.len);
				pa = line_at(bytes, len, line, &la);
				pb = line_at(out.data, out.len, line, &lb);
				fprintf(stderr, "%s:%zu: not canonical\n"
				    "  file:   %.*s\n  writer: %.*s\n",
				    recs.v[i].relpath, line, (int)la, pa,
				    (int)lb, pb);
				bad++;
			}
			record_free(r);
		}
		free(bytes);
		free(path);
	}
	printf("%zu records, %zu not canonical\n", recs.n, bad);
	buf_free(&out);
	diags_free(&d);
	reclist_free(&recs);
	store_free(st);
	return bad == 0 ? 0 : 1;
}
