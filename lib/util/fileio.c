/*
 * Atomic file replacement: temporary, fsync, rename, fsync of the directory.
 */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "error.h"
#include "fileio.h"

static int
fsync_dir(const char *path)
{
	char	*dir, *slash;
	int	 fd, rc = 0;

	if ((dir = strdup(path)) == NULL)
		return error_set(NC_ENOMEM, "out of memory");
	slash = strrchr(dir, '/');
	if (slash == NULL)
		strcpy(dir, ".");
	else if (slash == dir)
		slash[1] = '\0';
	else
		*slash = '\0';
	if ((fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) == -1 ||
	    fsync(fd) == -1)
		rc = error_sys(NC_EIO, "cannot sync directory '%s'", dir);
	if (fd != -1)
		close(fd);
	free(dir);
	return rc;
}

/*
 * The mode the new file gets: that of the file it replaces, or what a new
 * file would get (0666 & ~umask; mkstemp() makes 0600, and records and
 * documents are shared through git and Teams).
 */
static mode_t
new_mode(const char *path)
{
	struct stat	sb;
	mode_t		mask;

	if (stat(path, &sb) == 0)
		return sb.st_mode & 07777;
	mask = umask(0);
	umask(mask);
	return 0666 & ~mask;
}

static int
tmp_create(struct fileio_tmp *t, const char *path, int *fdp)
{
	struct buf	b = BUF_INIT;
	int		fd, rc;

	t->path = NULL;
	t->tmp = NULL;
	buf_printf(&b, "%s" FILEIO_TMP_SUFFIX "XXXXXX", path);
	if ((rc = buf_ok(&b)) != 0)
		return rc;
	if ((t->path = strdup(path)) == NULL) {
		buf_free(&b);
		return error_set(NC_ENOMEM, "out of memory");
	}
	if ((fd = mkstemp(b.data)) == -1) {
		rc = error_sys(NC_EIO, "cannot create a file beside '%s'", path);
		buf_free(&b);
		free(t->path);
		t->path = NULL;
		return rc;
	}
	t->tmp = buf_detach(&b, NULL);
	*fdp = fd;
	return 0;
}

int
fileio_tmp_open(struct fileio_tmp *t, const char *path)
{
	int	fd, rc;

	if ((rc = tmp_create(t, path, &fd)) != 0)
		return rc;
	if (close(fd) == -1) {
		rc = error_sys(NC_EIO, "cannot create '%s'", t->tmp);
		fileio_tmp_abort(t);
	}
	return rc;
}

/* Temporaries waiting for fileio_defer_commit(). */
static struct pending {
	char	*tmp;
	char	*path;
	char	*backup;	/* a hard link to the file it replaces */
} *defer_v;
static size_t	defer_n;
static int	defer_on;

static int
defer_add(struct fileio_tmp *t)
{
	struct pending	*nv;

	if ((nv = realloc(defer_v, (defer_n + 1) * sizeof *nv)) == NULL)
		return error_set(NC_ENOMEM, "out of memory");
	defer_v = nv;
	defer_v[defer_n].tmp = t->tmp;
	defer_v[defer_n].path = t->path;
	defer_v[defer_n].backup = NULL;
	defer_n++;
	t->tmp = t->path = NULL;
	return 0;
}

/* Set the mode, flush, close fd; rename over the final name; sync the dir. */
static int
finish(struct fileio_tmp *t, int fd)
{
	int	rc = 0;

	if (fchmod(fd, new_mode(t->path)) == -1)
		rc = error_sys(NC_EIO, "cannot set the mode of '%s'", t->tmp);
	else if (fsync(fd) == -1)
		rc = error_sys(NC_EIO, "cannot write '%s'", t->path);
	if (close(fd) == -1 && rc == 0)
		rc = error_sys(NC_EIO, "cannot write '%s'", t->path);
	if (rc == 0 && defer_on) {
		if ((rc = defer_add(t)) == 0)
			return 0;
	}
	if (rc == 0 && rename(t->tmp, t->path) == -1)
		rc = error_sys(NC_EIO, "cannot replace '%s'", t->path);
	if (rc != 0) {
		fileio_tmp_abort(t);
		return rc;
	}
	rc = fsync_dir(t->path);
	free(t->tmp);
	free(t->path);
	t->tmp = t->path = NULL;
	return rc;
}

int
fileio_tmp_commit(struct fileio_tmp *t)
{
	int	fd;

	if (t->tmp == NULL)
		return error_set(NC_EINVALID, "no temporary file to commit");
	if ((fd = open(t->tmp, O_RDWR | O_CLOEXEC)) == -1) {
		int rc = error_sys(NC_EIO, "cannot open '%s'", t->tmp);

		fileio_tmp_abort(t);
		return rc;
	}
	return finish(t, fd);
}

void
fileio_tmp_abort(struct fileio_tmp *t)
{
	if (t->tmp != NULL)
		unlink(t->tmp);
	free(t->tmp);
	free(t->path);
	t->tmp = t->path = NULL;
}

int
fileio_write_atomic(const char *path, const void *data, size_t len)
{
	struct fileio_tmp	 t;
	const char		*p = data;
	ssize_t			 w;
	int			 fd, rc;

	if ((rc = tmp_create(&t, path, &fd)) != 0)
		return rc;
	while (len > 0) {
		w = write(fd, p, len);
		if (w == -1 && errno == EINTR)
			continue;
		if (w == -1) {
			rc = error_sys(NC_EIO, "cannot write '%s'", path);
			close(fd);
			fileio_tmp_abort(&t);
			return rc;
		}
		p += w;
		len -= (size_t)w;
	}
	return finish(&t, fd);
}

int
fileio_defer_begin(void)
{
	if (defer_on)
		return error_set(NC_EINVALID, "a deferred set of files is "
		    "open already");
	defer_on = 1;
	defer_n = 0;
	return 0;
}

static void
defer_clear(void)
{
	size_t	i;

	for (i = 0; i < defer_n; i++) {
		free(defer_v[i].tmp);
		free(defer_v[i].path);
		free(defer_v[i].backup);
	}
	free(defer_v);
	defer_v = NULL;
	defer_n = 0;
	defer_on = 0;
}

void
fileio_defer_abort(void)
{
	size_t	i;

	for (i = 0; i < defer_n; i++)
		unlink(defer_v[i].tmp);
	defer_clear();
}

int
fileio_defer_commit(void)
{
	struct buf	 b = BUF_INIT;
	size_t		 i, done;
	int		 rc = 0;

	/* Back up every file about to be replaced, so a failure can undo. */
	for (i = 0; i < defer_n && rc == 0; i++) {
		if (access(defer_v[i].path, F_OK) != 0)
			continue;
		buf_reset(&b);
		buf_printf(&b, "%s" FILEIO_TMP_SUFFIX "bakXXXXXX",
		    defer_v[i].path);
		if ((rc = buf_ok(&b)) != 0)
			break;
		/* mktemp-style unique name for the link. */
		{
			int fd = mkstemp(b.data);

			if (fd == -1) {
				rc = error_sys(NC_EIO, "cannot back up '%s'",
				    defer_v[i].path);
				break;
			}
			close(fd);
			unlink(b.data);
		}
		if (link(defer_v[i].path, b.data) == -1) {
			rc = error_sys(NC_EIO, "cannot back up '%s'",
			    defer_v[i].path);
			break;
		}
		defer_v[i].backup = buf_detach(&b, NULL);
	}
	for (done = 0; rc == 0 && done < defer_n; done++) {
		if (rename(defer_v[done].tmp, defer_v[done].path) == -1)
			rc = error_sys(NC_EIO, "cannot replace '%s'",
			    defer_v[done].path);
	}
	if (rc != 0) {
		/* Undo: restore what was replaced, remove what was new. */
		for (i = 0; i < done; i++) {
			if (defer_v[i].backup != NULL)
				rename(defer_v[i].backup, defer_v[i].path);
			else
				unlink(defer_v[i].path);
		}
		for (i = done; i < defer_n; i++)
			unlink(defer_v[i].tmp);
	} else {
		for (i = 0; i < defer_n; i++)
			if (fsync_dir(defer_v[i].path) != 0 && rc == 0)
				rc = error_sys(NC_EIO, "the files were "
				    "written, but the directory of '%s' "
				    "could not be flushed to disk",
				    defer_v[i].path);
	}
	for (i = 0; i < defer_n; i++)
		if (defer_v[i].backup != NULL)
			unlink(defer_v[i].backup);
	buf_free(&b);
	defer_clear();
	return rc;
}
