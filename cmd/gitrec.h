/*
 * Records in git, for 'nerima-cio log' and 'nerima-cio diff': running
 * git (posix_spawnp, no shell, output captured), reading many file
 * versions through one 'git cat-file --batch', and showing what changed
 * in a record field by field (recdiff.h) as text or JSON.
 *
 * Every function prints its own error ("git is not installed", "... is
 * not in a git repository", git's own message) and returns CMD_FAIL.
 */
#ifndef NCIO_GITREC_H
#define NCIO_GITREC_H

#include <stddef.h>
#include <stdio.h>

#include "buf.h"
#include "recdiff.h"

struct json;
struct store;
struct schema;

/*
 * Run "git -C dir ARGS..." (args NULL-terminated), feeding it in (may be
 * NULL) on standard input; its standard output goes to out.  CMD_OK, or
 * CMD_FAIL after saying why (git missing, git's message on a non-zero
 * exit).
 */
int	gitrec_run(struct buf *out, const char *dir, const char *const *args,
	    const char *in, size_t inlen);

/*
 * The data directory's path inside its git repository ("" at the top,
 * "data/sample/" below it), malloc'ed into *out: paths git prints are
 * relative to the top.  Fails with a message saying the directory is
 * not under git.
 */
int	gitrec_prefix(char **out, struct store *);

/* One file version: data (NUL-terminated) or missing. */
struct gitrec_blob {
	char	*data;
	size_t	 len;
	int	 missing;
};

/*
 * The versions named by specs ("REV:path", path relative to the top of
 * the repository), in order, through one 'git cat-file --batch'.  A
 * version that does not exist is marked missing, not an error.
 */
int	gitrec_cat(struct gitrec_blob *out, const char *dir,
	    char *const *specs, size_t n);
void	gitrec_blobs_free(struct gitrec_blob *, size_t n);

/*
 * The kind of the record at relpath (relative to the data directory:
 * <dir>/<fy>/<id>.yaml), or NULL for a file that is not a record.
 */
const struct schema *gitrec_kind(struct store *, const char *relpath);

/*
 * Compare two versions of a file (either may be NULL: added or removed)
 * into d.  When a version is not valid YAML, *broken is set and d stays
 * empty.  The parsed trees are kept in *a and *b (freed by the caller
 * with ydoc_free()) since d points into them.
 */
struct ydoc;
int	gitrec_compare(struct recdiff *d, struct ydoc **a, struct ydoc **b,
	    const char *name, const char *old, size_t oldlen,
	    const char *new, size_t newlen, int *broken);

/*
 * The changes of d, one line each, indented by indent spaces:
 *	status: received → decided
 *	decided: 2026-04-20 (added)
 *	hearings[2] added
 *	decision.conditions[1] changed
 * A whole record added or removed (path "") is not listed.
 */
void	gitrec_print_changes(FILE *, const struct recdiff *d, int indent);

/* The changes as a JSON array of {op, path, old, new}. */
int	gitrec_json_changes(struct json *, const struct recdiff *d);

#endif
