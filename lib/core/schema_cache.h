/*
 * The schema files' parse cache (issue 15), used by schema.c only.
 */
#ifndef NCIO_SCHEMA_CACHE_H
#define NCIO_SCHEMA_CACHE_H

#include "diag.h"
#include "node.h"

/*
 * Like ydoc_load(out, path, d), the same tree, problems and result, but a
 * file whose exact bytes were parsed cleanly before is read back from the
 * cache instead of parsed; *hit says which.  The cache is never needed:
 * when it is absent, switched off, unwritable or damaged, the file is
 * parsed as by ydoc_load().
 */
int	schema_cache_load(struct ydoc **out, const char *path,
	    struct diags *d, int *hit);

#endif
