/*
 * Atomic file replacement, the one writer for records and Office files.
 *
 * A file is written to a temporary beside its final name (same directory,
 * so rename() is atomic), flushed, renamed over the old one, and then the
 * directory is flushed.  On any failure before the rename the old file is
 * left byte for byte as it was and the temporary is removed, and the call
 * fails.  The rename is the point of no return: once it is done the new
 * file is what everyone reads, so a later failure (the directory cannot be
 * flushed to disk) does not fail the call -- it would make the caller say
 * "nothing was written" of a file that is there -- but leaves a warning
 * (fileio_warning()) that the file may not survive a power cut.
 *
 * A temporary is named "<name>.tmpXXXXXX" and its writer holds a flock()
 * on it as long as it lives.  One that nobody holds is left by a process
 * that was killed: fileio_tmp_stale() tells it, and the next write of the
 * same file removes such leftovers beside it (a data directory's writers
 * clean its record folders under the directory's lock, store.h).
 */
#ifndef NCIO_FILEIO_H
#define NCIO_FILEIO_H

#include <stddef.h>

#include "error.h"

/* The suffix of temporaries: "<name>.tmpXXXXXX", backups ".tmpbakXXXXXX". */
#define FILEIO_TMP_SUFFIX	".tmp"
#define FILEIO_BAK_SUFFIX	".tmpbak"

/* Write data as path's whole new content, atomically. */
int	fileio_write_atomic(const char *path, const void *data, size_t len);

/*
 * For writers that want a file name (libxlsxwriter): open() makes an empty
 * temporary beside path and gives its name in tmp; the caller writes it by
 * name; commit() flushes and renames it over path; abort() removes it.
 * Commit and abort free the names; abort after commit is a no-op.
 */
struct fileio_tmp {
	char	*path;
	char	*tmp;
	int	 fd;		/* open, flock()ed, while the temporary lives */
};

int	fileio_tmp_open(struct fileio_tmp *, const char *path);
int	fileio_tmp_commit(struct fileio_tmp *);
void	fileio_tmp_abort(struct fileio_tmp *);

/*
 * All or nothing for a set of files (an export that writes a workbook and
 * a document): between fileio_defer_begin() and fileio_defer_commit(),
 * every fileio_write_atomic() and fileio_tmp_commit() writes and flushes
 * its temporary but does not rename it; commit puts them all in place, or
 * none: every file about to be replaced is first kept as a backup (a hard
 * link, or a copy where the file system has no links), and when a rename
 * fails part way the files already replaced are put back from their
 * backups and the new ones removed.  If even that fails, the message says
 * which files are new and which old.  abort() removes every temporary.
 * Not nested; one set per process at a time.  A crash (not a failure)
 * during the renames can leave some files new; their backups then remain
 * as "<name>.tmpbakXXXXXX" and 'lint' reports them.
 */
int	fileio_defer_begin(void);
int	fileio_defer_commit(void);
void	fileio_defer_abort(void);

/*
 * Whether path is a temporary or backup left by a writer that is gone:
 * its name ends in ".tmpXXXXXX" or ".tmpbakXXXXXX", it is a regular file
 * and no process holds its flock().  1 yes, 0 no (or cannot tell).
 */
int	fileio_tmp_stale(const char *path);
/* Whether a file name has the form of a temporary or backup. */
int	fileio_tmp_name(const char *name);

/*
 * Flush a directory to disk (after creating or renaming a file in it);
 * NC_EIO with the message set.
 */
int	fileio_sync_dir(const char *dir);

/*
 * Warnings about files written: the i-th (from 0), or NULL past the last.
 * They say what was done and what may be at risk ("'x' was written, but
 * its folder could not be flushed to disk ..."); cmd/ prints them at the
 * end.  fileio_warn() adds one (for callers that clean up, say).
 */
const char *fileio_warning(size_t i);
void	fileio_warn(const char *fmt, ...) NC_PRINTF(1, 2);

/*
 * The whole of the regular file path, in one allocation: *out (the
 * caller's, with a NUL after the *len bytes).  NC_ENOTFOUND when it does
 * not exist, NC_EIO when it cannot be opened or read, NC_EINVALID when it
 * is not a regular file or larger than max bytes; the message names the
 * file.  Larger than max: nothing is read, and *len is the file's size
 * (which is how a caller tells that case); on the other errors *len is 0.
 */
int	fileio_read_all(const char *path, size_t max, char **out,
	    size_t *len);

/*
 * The same into one buffer of the process, kept from one call to the
 * next (a listing reads thousands of files, each parsed at once): *out
 * is valid until the next call, which reuses it, or until
 * fileio_read_release() frees it.  The readers of records (node.c,
 * the head reader, the self-check reader) read through it; what must
 * outlive the next read is copied out (as the trees do).
 */
int	fileio_read_shared(const char *path, size_t max, const char **out,
	    size_t *len);
void	fileio_read_release(void);

#endif
