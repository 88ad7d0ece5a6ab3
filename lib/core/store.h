/*
 * The data directory: discovery, paths, record ids, atomic writes, the lock.
 */
#ifndef NCIO_STORE_H
#define NCIO_STORE_H

#include <stddef.h>

#include "diag.h"
#include "node.h"
#include "schema.h"

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
 * Whole-directory advisory lock serialising writers (flock).  Nested calls
 * count: the lock is released by the unlock that matches the first lock,
 * so a read-modify-write can hold it across record_save(), which locks
 * too.
 */
int		 store_lock(struct store *);
void		 store_unlock(struct store *);
/*
 * A write batch: a command that writes many records in a row (an import)
 * holds the lock from the first write to the last.  No other nerima-cio
 * process can write in between, so the record layer trusts the reference
 * checker it has checked once in the batch, instead of checking every
 * folder of the data directory again before each write (issue 15: that
 * made each write's cost grow with the years held).  An edit by hand
 * during the batch shows at the first write after it.  Batches nest like
 * the lock.  store_batch() is 0 outside a batch, else a number that
 * tells the current outermost batch from earlier ones.
 */
int		 store_batch_begin(struct store *);
void		 store_batch_end(struct store *);
unsigned	 store_batch(const struct store *);

/*
 * The schemas in force: $NCIO_SCHEMA_PATH, else the installed ones (beside
 * the program, ../share/nerima-cio/schemas), else -- for a program that
 * does not run from its build tree -- the configured install prefix's,
 * else the source tree's; then the data directory's own schemas/ on top.
 * Loaded on first use.
 */
int		 store_schemas(const struct schemaset **out, struct store *,
		    struct diags *d);
/* The schema of a record kind, with a clear error when unknown. */
int		 store_kind(const struct schema **out, struct store *,
		    const char *kind);

/* A record file found by scanning: id from its name, kind from its folder. */
struct recref {
	char			*id;
	char			*relpath;	/* <x-dir>/<fy>/<id>.yaml */
	const struct schema	*kind;
	int			 fy;
};

struct reclist {
	struct recref	*v;
	size_t		 n;
	size_t		 cap;
};

#define RECLIST_INIT { NULL, 0, 0 }

/*
 * List record files of one kind (or every kind when NULL) and one fiscal
 * year (or all when 0), sorted by path.  Names that are not <prefix>-*.yaml
 * files and folders that are not years are reported to d when given.
 */
int		 store_scan(struct reclist *out, struct store *,
		    const struct schema *kind, int fy, struct diags *d);
void		 reclist_free(struct reclist *);
/*
 * The record of kind (every kind when NULL) whose id starts with prefix
 * (with or without the kind's "xx-" part).  NC_ENOTFOUND, or
 * NC_EAMBIGUOUS with the candidates in *matches (the caller frees it) so
 * the caller can list them.
 */
int		 store_find(struct recref *out, struct reclist *matches,
		    struct store *, const struct schema *kind,
		    const char *prefix);
/* A fresh id for kind: "<prefix>-" and 8 Crockford base32 characters. */
int		 store_new_id(char **out, struct store *, const struct schema *);
/* The same, for a caller that knows the ids taken: taken(arg, id). */
int		 store_new_id_unless(char **out, struct store *,
		    const struct schema *, int (*taken)(void *, const char *),
		    void *arg);
/*
 * One object the record layer keeps for the store's lifetime (its
 * reference checker, record.c), freed with the store by free_fn.
 */
void		*store_cache(const struct store *);
void		 store_set_cache(struct store *, void *,
		    void (*free_fn)(void *));
/*
 * The data directory's reference data (config, organisations, members:
 * refdata.h), read on first use and freed with the store.
 */
struct refdata;
int		 store_refdata(const struct refdata **out, struct store *);
/*
 * An organisation from orgs.yaml by code: its name (情報政策課) and, for a
 * 課, the name of its 部 (企画部; NULL for a 部).  NC_ENOTFOUND when the
 * code is not there.
 */
int		 store_org(const char **name, const char **dept, struct store *,
		    const char *code);
/*
 * The code of the organisation text names: a code, or a 部 or 課 name
 * that only one organisation has.  NC_ENOTFOUND, or NC_EAMBIGUOUS when
 * two share the name (give the code).  The code lives as long as the store.
 */
int		 store_org_find(const char **code, struct store *,
		    const char *text);
/*
 * The organisations of orgs.yaml in file order (each 部, then its 課):
 * how many, and the code (and name, when name is not NULL) of the i-th;
 * NULL past the end.  For listings and shell completion.
 */
size_t		 store_norgs(struct store *);
const char	*store_org_at(struct store *, size_t i, const char **name);
/*
 * The config (nerima-cio.yaml) as a tree, read once per store and freed
 * with it.  The error of ydoc_load() when it cannot be read.
 */
int		 store_config(const struct node **out, struct store *);
/*
 * The id of the team member that text names (an id, or a name in the
 * config's members).  NC_ENOTFOUND when none.  The id lives as long as
 * the store.
 */
int		 store_member_find(const char **id, struct store *,
		    const char *text);
/* Whether s has the form of an id of that kind. */
int		 store_id_valid(const struct schema *, const char *s);

/*
 * Leftovers of interrupted writes (fileio.h) at the top of the data
 * directory and in its record folders: temporaries and backups that no
 * process holds.  Every writer of those folders writes under the lock, so
 * a leftover seen under the lock is surely stale: with the lock held and
 * remove set, each is removed (the first time only: a process's own
 * writes leave none) and the removal is a fileio warning;
 * otherwise each is added to d (relative path, "stale temporary file from
 * an interrupted write").  Returns how many were found.
 */
size_t		 store_stale_temps(struct store *, int remove,
		    struct diags *d);

#endif
