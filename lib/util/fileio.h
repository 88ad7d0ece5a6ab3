/*
 * Atomic file replacement, the one writer for records and Office files.
 *
 * A file is written to a temporary beside its final name (same directory,
 * so rename() is atomic), flushed, renamed over the old one, and then the
 * directory is flushed.  On any failure before the rename the old file is
 * left byte for byte as it was and the temporary is removed.
 */
#ifndef NCIO_FILEIO_H
#define NCIO_FILEIO_H

#include <stddef.h>

/* The suffix of temporaries: "<name>.tmpXXXXXX". */
#define FILEIO_TMP_SUFFIX	".tmp"

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
};

int	fileio_tmp_open(struct fileio_tmp *, const char *path);
int	fileio_tmp_commit(struct fileio_tmp *);
void	fileio_tmp_abort(struct fileio_tmp *);

/*
 * All or nothing for a set of files (an export that writes a workbook and
 * a document): between fileio_defer_begin() and fileio_defer_commit(),
 * every fileio_write_atomic() and fileio_tmp_commit() writes and flushes
 * its temporary but does not rename it; commit renames them all (and on a
 * failure part way puts back the files already replaced, from hard-linked
 * backups), abort removes every temporary.  Not nested; one set per
 * process at a time.
 */
int	fileio_defer_begin(void);
int	fileio_defer_commit(void);
void	fileio_defer_abort(void);

#endif
