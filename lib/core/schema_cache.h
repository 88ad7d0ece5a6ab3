/*
 * The schema files' parse cache (issue 15), used by schema.c only.
 */
#ifndef NCIO_SCHEMA_CACHE_H
#define NCIO_SCHEMA_CACHE_H

#include "diag.h"
#include "node.h"

/*
 * Like ydoc_load(out, path, d), the same tree, problems and result, but a
 * file whose exact bytes were parsed cleanly before and kept is read back
 * from the cache instead of parsed; *hit says which.  The cache is never
 * needed: when it is absent, switched off, unwritable or damaged, the file
 * is parsed as by ydoc_load().  When the file was parsed cleanly and could
 * be kept, *miss is set: the caller compiles the tree and then calls
 * schema_cache_done(), keeping the tree only when its file is fit to be
 * read back (every pattern valid).  *miss is NULL otherwise.
 */
struct schema_cache_miss;

int	schema_cache_load(struct ydoc **out, const char *path,
	    struct diags *d, int *hit, struct schema_cache_miss **miss);
/* Keep root, the tree of miss's file, when keep; free miss (or NULL). */
void	schema_cache_done(struct schema_cache_miss *miss,
	    const struct node *root, int keep);

#endif
