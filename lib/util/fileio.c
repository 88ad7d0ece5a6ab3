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
