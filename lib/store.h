/*
 * The data directory: discovery, paths, record ids, atomic writes, the lock.
 */
#ifndef NCIO_STORE_H
#define NCIO_STORE_H

#include <stddef.h>

#include "diag.h"

/* The file whose presence marks a data directory; it holds the config. */
#define STORE_MARKER	"nerima-cio.yaml"
#define STORE_ORGS	"orgs.yaml"
#define STORE_LOCK	".nerima-cio.lock"

struct store;

/*
 * Find the data directory like git finds a repository: dir (from -C) when
 * not NULL, else $NERIMA_CIO_DIR, else the nearest ancestor of the current
 * directory holding STORE_MARKER.  NC_ENODIR when there is none.
 */
int		 store_open(struct store **out, const char *dir);
void		 store_free(struct store *);
const char	*store_root(const struct store *);
/* root/rel into a static-free, caller-owned string. */
char		*store_path(const struct store *, const char *rel);

/*
 * Write a file atomically: a temporary file beside it, fsync, rename over
 * the old one, fsync of the directory.  On any failure the old file is
 * left as it was and the temporary file is removed.
 */
int		 store_write_atomic(const char *path, const void *data, size_t len);

/* Whole-directory advisory lock serialising writers (flock). */
int		 store_lock(struct store *);
void		 store_unlock(struct store *);

#endif
