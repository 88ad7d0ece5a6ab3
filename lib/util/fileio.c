/*
 * Atomic file replacement: temporary, fsync, rename, fsync of the directory;
 * all-or-nothing sets of files; leftovers of killed writers.
 */
#include <sys/file.h>
#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "error.h"
#include "fileio.h"
#include "i18n.h"

/* A leftover beside a file being written is removed once this old. */
#define STALE_SECONDS	60

/*
 * Warnings.
 */

static char	**warn_v;
static size_t	  warn_n;

void
fileio_warn(const char *fmt, ...)
{
	char	**nv, *msg;
	va_list	  ap;
	int	  n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, _(fmt), ap);
	va_end(ap);
	if (n < 0 || (msg = malloc((size_t)n + 1)) == NULL)
		return;
	va_start(ap, fmt);
	vsnprintf(msg, (size_t)n + 1, _(fmt), ap);
	va_end(ap);
	if ((nv = realloc(warn_v, (warn_n + 1) * sizeof *nv)) == NULL) {
		free(msg);
		return;
	}
	warn_v = nv;
	warn_v[warn_n++] = msg;
}

const char *
fileio_warning(size_t i)
{
	return i < warn_n ? warn_v[i] : NULL;
}

/*
 * Directories.
 */

int
fileio_sync_dir(const char *dir)
{
	int	fd, rc = 0;

	if ((fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) == -1 ||
	    fsync(fd) == -1)
		rc = error_sys(NC_EIO, "the folder '%s' could not be flushed"
		    " to disk", dir);
	if (fd != -1)
		close(fd);
	return rc;
}

/* The directory of path, malloc'ed ("." for a bare name). */
static char *
dir_of(const char *path)
{
	const char	*slash = strrchr(path, '/');

	if (slash == NULL)
		return strdup(".");
	if (slash == path)
		return strdup("/");
	return strndup(path, (size_t)(slash - path));
}

/*
 * Flush the directory of a file just renamed into place.  The file is in
 * place whatever happens here, so a failure is a warning, not an error.
 */
static void
sync_published(const char *path)
{
	char	*dir;

	if ((dir = dir_of(path)) == NULL || fileio_sync_dir(dir) != 0)
		fileio_warn("'%s' was written, but %s; the file may be lost if"
		    " the computer stops before the system writes it", path,
		    dir != NULL ? error_last() : "out of memory");
	free(dir);
}

/*
 * Leftovers.
 */

/* Whether name ends in suffix and six characters of mkstemp()'s. */
static int
tmp_suffix(const char *name, size_t len, const char *suffix)
{
	size_t	slen = strlen(suffix), i;

	if (len < slen + 6 + 1 || memcmp(name + len - 6 - slen, suffix,
	    slen) != 0)
		return 0;
	for (i = len - 6; i < len; i++) {
		if (!((name[i] >= 'a' && name[i] <= 'z') ||
		    (name[i] >= 'A' && name[i] <= 'Z') ||
		    (name[i] >= '0' && name[i] <= '9')))
			return 0;
	}
	return 1;
}

int
fileio_tmp_name(const char *name)
{
	size_t	len = strlen(name);

	return tmp_suffix(name, len, FILEIO_TMP_SUFFIX) ||
	    tmp_suffix(name, len, FILEIO_BAK_SUFFIX);
}

/* Hold a lock on a temporary for as long as fd is open. */
static void
hold(int fd)
{
	/* A file system without flock() gets no protection, no failure. */
	(void)flock(fd, LOCK_EX | LOCK_NB);
}

int
fileio_tmp_stale(const char *path)
{
	const char	*base = strrchr(path, '/');
	struct stat	 sb;
	int		 fd, stale;

	base = base != NULL ? base + 1 : path;
	if (!fileio_tmp_name(base) || lstat(path, &sb) == -1 || !S_ISREG(sb.st_mode))
		return 0;
	if ((fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK |
	    O_CLOEXEC)) == -1)
		return 0;
	/* Nobody holds it: its writer is gone. */
	stale = flock(fd, LOCK_EX | LOCK_NB) == 0;
	close(fd);
	return stale;
}

/*
 * Remove leftovers of earlier writes of path: "<path>.tmpXXXXXX" and
 * "<path>.tmpbakXXXXXX" that nobody holds and that are older than now (the
 * time of the file system, from our own new temporary) by a margin.
 */
static void
clean_siblings(const char *path, time_t now)
{
	struct buf	 full = BUF_INIT;
	struct dirent	*de;
	struct stat	 sb;
	const char	*base;
	char		*dir;
	DIR		*dp;
	size_t		 blen;

	if ((dir = dir_of(path)) == NULL)
		return;
	base = strrchr(path, '/');
	base = base != NULL ? base + 1 : path;
	blen = strlen(base);
	if ((dp = opendir(dir)) == NULL) {
		free(dir);
		return;
	}
	while ((de = readdir(dp)) != NULL) {
		if (strncmp(de->d_name, base, blen) != 0 ||
		    !fileio_tmp_name(de->d_name) ||
		    strchr(de->d_name + blen + 1, '.') != NULL)
			continue;
		buf_reset(&full);
		buf_printf(&full, "%s/%s", dir, de->d_name);
		if (buf_ok(&full) != 0)
			break;
		if (lstat(full.data, &sb) == 0 &&
		    sb.st_mtime + STALE_SECONDS < now &&
		    fileio_tmp_stale(full.data) && unlink(full.data) == 0)
			fileio_warn("removed '%s', left by an interrupted"
			    " write", full.data);
	}
	closedir(dp);
	buf_free(&full);
	free(dir);
}

/*
 * Single files.
 */

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
tmp_create(struct fileio_tmp *t, const char *path)
{
	struct buf	b = BUF_INIT;
	struct stat	sb;
	int		rc;

	t->path = NULL;
	t->tmp = NULL;
	t->fd = -1;
	buf_printf(&b, "%s" FILEIO_TMP_SUFFIX "XXXXXX", path);
	if ((rc = buf_ok(&b)) != 0)
		return rc;
	if ((t->path = strdup(path)) == NULL) {
		buf_free(&b);
		return error_set(NC_ENOMEM, "out of memory");
	}
	if ((t->fd = mkstemp(b.data)) == -1) {
		rc = error_sys(NC_EIO, "cannot create a file beside '%s'", path);
		buf_free(&b);
		free(t->path);
		t->path = NULL;
		return rc;
	}
	hold(t->fd);
	t->tmp = buf_detach(&b, NULL);
	if (fstat(t->fd, &sb) == 0)
		clean_siblings(path, sb.st_mtime);
	return 0;
}

int
fileio_tmp_open(struct fileio_tmp *t, const char *path)
{
	return tmp_create(t, path);
}

void
fileio_tmp_abort(struct fileio_tmp *t)
{
	if (t->tmp != NULL)
		unlink(t->tmp);
	if (t->fd != -1)
		close(t->fd);
	free(t->tmp);
	free(t->path);
	t->tmp = t->path = NULL;
	t->fd = -1;
}

/* Temporaries waiting for fileio_defer_commit(). */
struct pending {
	char	*tmp;
	char	*path;
	int	 fd;		/* holds the temporary */
	char	*backup;	/* the file it replaces, kept */
	int	 bakfd;		/* holds the backup */
	int	 undone;	/* put back after a failure */
};
static struct pending	*defer_v;
static size_t		 defer_n;
static int		 defer_on;

static void
pending_drop(struct pending *p)
{
	if (p->tmp != NULL)
		unlink(p->tmp);
	if (p->fd != -1)
		close(p->fd);
	free(p->tmp);
	free(p->path);
	p->tmp = p->path = NULL;
	p->fd = -1;
}

static int
defer_add(struct fileio_tmp *t)
{
	struct pending	*nv;
	size_t		 i;

	/* The same file twice: the later content wins. */
	for (i = 0; i < defer_n; i++) {
		if (strcmp(defer_v[i].path, t->path) == 0) {
			pending_drop(&defer_v[i]);
			defer_v[i].tmp = t->tmp;
			defer_v[i].path = t->path;
			defer_v[i].fd = t->fd;
			t->tmp = t->path = NULL;
			t->fd = -1;
			return 0;
		}
	}
	if ((nv = realloc(defer_v, (defer_n + 1) * sizeof *nv)) == NULL)
		return error_set(NC_ENOMEM, "out of memory");
	defer_v = nv;
	memset(&defer_v[defer_n], 0, sizeof *defer_v);
	defer_v[defer_n].tmp = t->tmp;
	defer_v[defer_n].path = t->path;
	defer_v[defer_n].fd = t->fd;
	defer_v[defer_n].bakfd = -1;
	defer_n++;
	t->tmp = t->path = NULL;
	t->fd = -1;
	return 0;
}

/*
 * Set the mode of the temporary and flush it (through fd, which may be
 * t->fd), then rename it over the final name -- or, in a deferred set,
 * leave that to fileio_defer_commit().
 */
static int
finish(struct fileio_tmp *t, int fd)
{
	int	rc = 0;

	if (fchmod(fd, new_mode(t->path)) == -1)
		rc = error_sys(NC_EIO, "cannot set the mode of '%s'", t->tmp);
	else if (fsync(fd) == -1)
		rc = error_sys(NC_EIO, "cannot write '%s'", t->path);
	if (fd != t->fd && close(fd) == -1 && rc == 0)
		rc = error_sys(NC_EIO, "cannot write '%s'", t->path);
	if (rc == 0 && defer_on)
		rc = defer_add(t);
	else if (rc == 0 && rename(t->tmp, t->path) == -1)
		rc = error_sys(NC_EIO, "cannot replace '%s'", t->path);
	else if (rc == 0) {
		/*
		 * In place: the point of no return.  The content was flushed
		 * by fsync(), so a close() error loses nothing.
		 */
		free(t->tmp);
		t->tmp = NULL;
		sync_published(t->path);
	}
	fileio_tmp_abort(t);
	return rc;
}

int
fileio_tmp_commit(struct fileio_tmp *t)
{
	int	fd, rc;

	if (t->tmp == NULL)
		return error_set(NC_EINVALID, "no temporary file to commit");
	/* The writer wrote it by name: flush what the name holds now. */
	if ((fd = open(t->tmp, O_RDWR | O_CLOEXEC)) == -1) {
		rc = error_sys(NC_EIO, "cannot open '%s'", t->tmp);
		fileio_tmp_abort(t);
		return rc;
	}
	return finish(t, fd);
}

int
fileio_write_atomic(const char *path, const void *data, size_t len)
{
	struct fileio_tmp	 t;
	const char		*p = data;
	ssize_t			 w;
	int			 rc;

	if ((rc = tmp_create(&t, path)) != 0)
		return rc;
	while (len > 0) {
		w = write(t.fd, p, len);
		if (w == -1 && errno == EINTR)
			continue;
		if (w == -1 || w == 0) {
			rc = error_sys(NC_EIO, "cannot write '%s'", path);
			fileio_tmp_abort(&t);
			return rc;
		}
		p += w;
		len -= (size_t)w;
	}
	return finish(&t, t.fd);
}

/*
 * Sets of files.
 */

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
		pending_drop(&defer_v[i]);
		if (defer_v[i].bakfd != -1)
			close(defer_v[i].bakfd);
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
	defer_clear();
}

/* Copy the file at path into fd (a backup where links cannot be made). */
static int
copy_into(int fd, const char *path)
{
	char	 block[65536];
	ssize_t	 r, w;
	size_t	 off;
	int	 in, rc = 0;

	if ((in = open(path, O_RDONLY | O_CLOEXEC)) == -1)
		return -1;
	while (rc == 0 && (r = read(in, block, sizeof block)) != 0) {
		if (r == -1) {
			if (errno != EINTR)
				rc = -1;
			continue;
		}
		for (off = 0; rc == 0 && off < (size_t)r; ) {
			w = write(fd, block + off, (size_t)r - off);
			if (w == -1 && errno == EINTR)
				continue;
			if (w <= 0)
				rc = -1;
			else
				off += (size_t)w;
		}
	}
	if (rc == 0 && fsync(fd) == -1)
		rc = -1;
	close(in);
	return rc;
}

/*
 * Keep the file p->path replaces as p->backup, held open: a hard link to
 * it, or a copy (with its mode) where the file system cannot link.  0 when
 * there is nothing to keep.
 */
static int
keep_backup(struct pending *p)
{
	struct buf	b = BUF_INIT;
	struct stat	sb;
	int		fd, tries, rc = 0;

	if (lstat(p->path, &sb) == -1) {
		if (errno == ENOENT)
			return 0;
		return error_sys(NC_EIO, "cannot read '%s'", p->path);
	}
	for (tries = 0; tries < 10; tries++) {
		buf_reset(&b);
		buf_printf(&b, "%s" FILEIO_BAK_SUFFIX "XXXXXX", p->path);
		if ((rc = buf_ok(&b)) != 0)
			return rc;
		/* A free name (mkstemp() finds one), then the link there. */
		if ((fd = mkstemp(b.data)) == -1) {
			rc = error_sys(NC_EIO, "cannot create a file beside"
			    " '%s'", p->path);
			goto done;
		}
		close(fd);
		unlink(b.data);
		if (link(p->path, b.data) == 0) {
			if ((fd = open(b.data, O_RDONLY | O_CLOEXEC)) != -1)
				hold(fd);
			goto kept;
		}
		if (errno == EEXIST)
			continue;	/* taken meanwhile: another name */
		if (errno != EPERM && errno != ENOTSUP && errno != EOPNOTSUPP &&
		    errno != EMLINK && errno != ENOSYS) {
			rc = error_sys(NC_EIO, "cannot keep a copy of '%s'",
			    p->path);
			goto done;
		}
		/* No hard links here (FAT, some shares): a copy. */
		if ((fd = open(b.data, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC,
		    0600)) == -1) {
			if (errno == EEXIST)
				continue;
			rc = error_sys(NC_EIO, "cannot keep a copy of '%s'",
			    p->path);
			goto done;
		}
		hold(fd);
		if (copy_into(fd, p->path) == -1 ||
		    fchmod(fd, sb.st_mode & 07777) == -1) {
			rc = error_sys(NC_EIO, "cannot keep a copy of '%s'",
			    p->path);
			unlink(b.data);
			close(fd);
			goto done;
		}
		goto kept;
	}
	rc = error_set(NC_EIO, "cannot find a free name beside '%s'",
	    p->path);
done:
	buf_free(&b);
	return rc;
kept:
	p->bakfd = fd;
	p->backup = buf_detach(&b, NULL);
	return 0;
}

/*
 * Put back what the first n renames replaced; describe into msg every file
 * that could not be put back.  0 when all is as it was.
 */
static int
undo(size_t n, struct buf *msg)
{
	size_t	i;
	int	bad = 0;

	for (i = n; i-- > 0; ) {
		struct pending *p = &defer_v[i];

		if (p->backup != NULL ? rename(p->backup, p->path) == 0 :
		    unlink(p->path) == 0) {
			p->undone = 1;
			if (p->backup != NULL) {
				free(p->backup);
				p->backup = NULL;
			}
			continue;
		}
		bad = 1;
		if (p->backup != NULL)
			buf_printf(msg, _("; '%s' is written and could not be"
			    " put back (%s)"), p->path, strerror(errno));
		else
			buf_printf(msg, _("; '%s' is written and could not be"
			    " removed (%s)"), p->path, strerror(errno));
		if (p->backup != NULL)
			buf_printf(msg, _(": its old content is in '%s'"),
			    p->backup);
	}
	return bad;
}

int
fileio_defer_commit(void)
{
	struct buf	 msg = BUF_INIT;
	size_t		 i, done = 0;
	int		 rc = 0;

	if (!defer_on)
		return error_set(NC_EINVALID, "no deferred set of files");
	/* Keep every file about to be replaced, so a failure can undo. */
	for (i = 0; i < defer_n && rc == 0; i++)
		rc = keep_backup(&defer_v[i]);
	if (rc != 0) {
		rc = error_set(rc, "nothing was written: %s", error_last());
		goto done;
	}
	for (done = 0; done < defer_n; done++) {
		if (rename(defer_v[done].tmp, defer_v[done].path) == -1)
			break;
		free(defer_v[done].tmp);
		defer_v[done].tmp = NULL;
	}
	if (done < defer_n) {
		buf_printf(&msg, _("cannot replace '%s': %s"),
		    defer_v[done].path, strerror(errno));
		if (undo(done, &msg)) {
			for (i = done; i < defer_n; i++)
				buf_printf(&msg, _("; '%s' was not written"),
				    defer_v[i].path);
			for (i = 0; i < done; i++)
				if (defer_v[i].undone)
					buf_printf(&msg, _("; '%s' was put back"),
					    defer_v[i].path);
			rc = error_set(NC_EIO, "%s", buf_ok(&msg) == 0 ?
			    msg.data : "out of memory");
		} else
			rc = error_set(NC_EIO, "nothing was written: %s",
			    buf_ok(&msg) == 0 ? msg.data : "out of memory");
		for (i = 0; i < done; i++)
			sync_published(defer_v[i].path);
		goto done;
	}
	/* All in place: the point of no return. */
	for (i = 0; i < defer_n; i++) {
		sync_published(defer_v[i].path);
		if (defer_v[i].backup != NULL && unlink(defer_v[i].backup) == -1)
			fileio_warn("cannot remove '%s', the old content of"
			    " '%s' (%s); remove it", defer_v[i].backup,
			    defer_v[i].path, strerror(errno));
	}
done:
	/* Backups not needed any more (a failure before the renames). */
	for (i = 0; rc != 0 && i < defer_n; i++) {
		if (defer_v[i].backup != NULL && !defer_v[i].undone &&
		    i >= done)
			unlink(defer_v[i].backup);
	}
	buf_free(&msg);
	defer_clear();
	return rc;
}

/*
 * Reading a whole file.
 *
 * A listing reads a couple of thousand record files one after another,
 * each parsed at once and dropped, and the system calls are most of its
 * time (issue 15).  A file is read into a buffer that is kept from one file
 * to the next: open, read, close, no fstat() and no allocation a file.
 * The end of the file is the first read that returns fewer bytes than it
 * asked for: POSIX has a read of a regular file return less only at its
 * end (or when a signal interrupts it, and a read from the page cache is
 * not interrupted but by a fatal one).  What is not a regular file shows
 * itself: a folder fails with EISDIR, a device that never ends fills the
 * buffer up to the limit, and the fstat() then made for the message (a
 * file larger than the limit, or nothing read) tells it.  A FIFO blocks
 * in open() as it did before.
 */

/* The first size of a buffer: every canonical record of the bench data. */
#define READ_FIRST	(64 * 1024)

struct rbuf {
	char	*data;
	size_t	 cap;
};

/* The buffer of fileio_read_shared(). */
static struct rbuf	shared;

/*
 * The whole of path into rb, grown as needed, NUL-terminated; errors as
 * fileio_read_all().
 */
static int
read_into(struct rbuf *rb, const char *path, size_t max, size_t *outlen)
{
	struct stat	 st;
	char		*p;
	size_t		 len = 0, lim, want, cap;
	ssize_t		 r;
	int		 fd, rc = 0;

	*outlen = 0;
	/* One byte more than max tells a file that is larger. */
	lim = max < (size_t)-1 - 2 ? max + 1 : max;
	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1)
		return error_sys(errno == ENOENT ? NC_ENOTFOUND : NC_EIO,
		    "cannot open '%s'", path);
	for (;;) {
		if (rb->cap < len + 2 && len < lim) {
			cap = rb->cap != 0 ? rb->cap * 2 : READ_FIRST;
			/*
			 * A file larger than the buffer: doubled at once to
			 * hold it and a byte (which the short read at its
			 * end needs), not in steps that each copy what was
			 * read and touch fresh pages.
			 */
			if (len > 0 && fstat(fd, &st) == 0 &&
			    S_ISREG(st.st_mode) && (unsigned long long)
			    st.st_size < lim)
				while (cap < (size_t)st.st_size + 2)
					cap *= 2;
			if (cap > lim + 1)
				cap = lim + 1;
			if ((p = realloc(rb->data, cap)) == NULL) {
				rc = error_set(NC_ENOMEM, "out of memory");
				goto done;
			}
			rb->data = p;
			rb->cap = cap;
		}
		want = (rb->cap - 1 < lim ? rb->cap - 1 : lim) - len;
		if (want == 0)
			break;
		if ((r = read(fd, rb->data + len, want)) == -1) {
			if (errno == EINTR)
				continue;
			if (errno == EISDIR)
				rc = error_set(NC_EINVALID, "'%s' is not a "
				    "regular file", path);
			else
				rc = error_sys(NC_EIO, "cannot read '%s'",
				    path);
			goto done;
		}
		len += (size_t)r;
		if ((size_t)r < want)
			break;		/* the end of the file */
	}
	if (len > max || len == 0) {
		if (fstat(fd, &st) == -1) {
			rc = error_sys(NC_EIO, "cannot read '%s'", path);
			goto done;
		}
		if (!S_ISREG(st.st_mode)) {
			rc = error_set(NC_EINVALID, "'%s' is not a regular "
			    "file", path);
			goto done;
		}
	}
	if (len > max) {
		*outlen = (size_t)st.st_size;
		rc = error_set(NC_EINVALID, "'%s' is larger than %zu bytes "
		    "(%lld bytes)", path, max, (long long)st.st_size);
		goto done;
	}
	rb->data[len] = '\0';	/* the loop made room before its first read */
	*outlen = len;
done:
	close(fd);
	return rc;
}

int
fileio_read_shared(const char *path, size_t max, const char **out,
    size_t *outlen)
{
	int	rc;

	*out = NULL;
	if ((rc = read_into(&shared, path, max, outlen)) == 0)
		*out = shared.data;
	return rc;
}

void
fileio_read_release(void)
{
	free(shared.data);
	shared.data = NULL;
	shared.cap = 0;
}

int
fileio_read_all(const char *path, size_t max, char **out, size_t *outlen)
{
	struct rbuf	 rb = { NULL, 0 };
	char		*p;
	int		 rc;

	*out = NULL;
	if ((rc = read_into(&rb, path, max, outlen)) != 0) {
		free(rb.data);
		return rc;
	}
	/* The caller may keep it: no more than it holds. */
	if (rb.cap > *outlen + 1 && (p = realloc(rb.data, *outlen + 1)) !=
	    NULL)
		rb.data = p;
	*out = rb.data;
	return 0;
}
