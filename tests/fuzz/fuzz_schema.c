/*
 * Schema validation against the real schemas (the schemas/ folder): a fuzzed
 * record, validated as every kind, never crashes, overruns or hangs; a
 * record is refused exactly when problems are reported, and every problem
 * names the file and a position and says something.  A record valid for a
 * kind is normalised and written, and what is written reads back and is
 * still valid; the My Number guard walks it without harm.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "error.h"
#include "node.h"
#include "record.h"
#include "schema.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static struct schemaset	*set;

static void
die(const char *kind, const char *what)
{
	fprintf(stderr, "fuzz_schema: %s: %s (%s)\n", kind, what,
	    error_last());
	abort();
}

static void
check_diags(const struct diags *d, size_t from, const char *kind)
{
	size_t	i;

	for (i = from; i < d->n; i++) {
		if (strcmp(d->v[i].path, "f.yaml") != 0)
			die(kind, "a problem names another file");
		if (d->v[i].msg == NULL || d->v[i].msg[0] == '\0')
			die(kind, "a problem says nothing");
		if (d->v[i].line == 0 || d->v[i].col == 0)
			die(kind, "a problem without a position");
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *const	 dirs[] = { NCIO_SOURCE_DIR "/schemas" };
	const struct schema	*kind;
	struct ydoc		*doc = NULL, *back = NULL;
	struct diags		 d = DIAGS_INIT;
	struct buf		 out = BUF_INIT;
	size_t			 k, n0;
	int			 rc;

	if (set == NULL && schemaset_load(&set, dirs, 1, NULL) != 0)
		die("schemas", "cannot load the schemas");
	if (ydoc_parse(&doc, (const char *)data, size, "f.yaml", NULL) != 0 ||
	    ydoc_root(doc) == NULL)
		goto done;
	record_guard(ydoc_root(doc), "f.yaml", &d);
	check_diags(&d, 0, "guard");
	for (k = 0; k < schemaset_nkinds(set); k++) {
		kind = schemaset_kind_at(set, k);
		n0 = d.n;
		rc = schema_validate(kind, ydoc_root(doc), "f.yaml", &d, NULL);
		if ((rc != 0) != (d.n > n0))
			die(schema_kind(kind), rc != 0 ? "refused without a"
			    " problem" : "problems but accepted");
		check_diags(&d, n0, schema_kind(kind));
		if (rc != 0)
			continue;
		/* Valid: written as a record is written, and still valid. */
		buf_reset(&out);
		if (record_serialise(&out, kind, ydoc_root(doc)) != 0)
			die(schema_kind(kind), "a valid record cannot be"
			    " written");
		ydoc_free(back);
		back = NULL;
		if (ydoc_parse(&back, out.data, out.len, "f.yaml", NULL) != 0)
			die(schema_kind(kind), "what was written is refused");
		if (schema_validate(kind, ydoc_root(back), "f.yaml", &d,
		    NULL) != 0)
			die(schema_kind(kind), "valid, written, read back:"
			    " invalid");
	}
done:
	ydoc_free(doc);
	ydoc_free(back);
	diags_free(&d);
	buf_free(&out);
	return 0;
}
