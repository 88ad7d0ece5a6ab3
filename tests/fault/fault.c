/*
 * Fault injection for the end-to-end tests (tests/e2e/fault.sh): loaded
 * with LD_PRELOAD into nerima-cio, it makes the N-th call of one system
 * call fail, so that every write path can be made to fail at every step.
 *
 *	NCIO_FAULT=CALL:N[:ERRNO|kill]	fail the N-th CALL (from 1) with
 *					ERRNO (EIO by default: ENOSPC,
 *					EPERM ... by name), or kill the
 *					process there with SIGKILL
 *	NCIO_FAULT_COUNT=FILE		at exit, append "CALL COUNT" lines:
 *					how many of each call were made
 *
 * CALL is one of write, fsync, fdatasync, rename, close, link, mkstemp,
 * unlink, mkdir, open.  The calls are counted as the program makes them
 * (calls the C library makes inside itself, for stdio say, are not seen);
 * close counts only descriptors opened for writing (open() with O_WRONLY
 * or O_RDWR, mkstemp()), whose close can lose data.
 * The variables are removed from the environment at start, so programs
 * that nerima-cio runs (git, the editor) run without faults.
 *
 * Only for tests: never installed.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

enum call {
	C_WRITE, C_FSYNC, C_FDATASYNC, C_RENAME, C_CLOSE, C_LINK, C_MKSTEMP,
	C_UNLINK, C_MKDIR, C_OPEN, C_N
};

static const char *const names[C_N] = {
	"write", "fsync", "fdatasync", "rename", "close", "link", "mkstemp",
	"unlink", "mkdir", "open",
};

static const struct {
	const char	*name;
	int		 value;
} errnos[] = {
	{ "EIO", EIO }, { "ENOSPC", ENOSPC }, { "EPERM", EPERM },
	{ "EACCES", EACCES }, { "EDQUOT", EDQUOT }, { "EROFS", EROFS },
	{ "EXDEV", EXDEV }, { "EMLINK", EMLINK }, { "ENOTSUP", ENOTSUP },
	{ "EINTR", EINTR }, { "ENOENT", ENOENT },
};

static unsigned long	 count[C_N];
/* Descriptors open for writing, the ones whose close() counts. */
static unsigned char	 writing[4096];

static void
opened(int fd, int w)
{
	if (fd >= 0 && fd < (int)sizeof writing)
		writing[fd] = (unsigned char)w;
}
static int		 target = -1;
static unsigned long	 target_n;
static int		 target_errno = EIO;
static int		 target_kill;
static char		*count_file;

static void
report(void)
{
	FILE	*fp;
	int	 i;

	if (count_file == NULL || (fp = fopen(count_file, "a")) == NULL)
		return;
	for (i = 0; i < C_N; i++)
		fprintf(fp, "%s %lu\n", names[i], count[i]);
	fclose(fp);
}

__attribute__((constructor)) static void
setup(void)
{
	const char	*spec, *c;
	char		*end;
	size_t		 i;
	int		 k;

	if ((spec = getenv("NCIO_FAULT")) != NULL && *spec != '\0') {
		for (k = 0; k < C_N; k++) {
			size_t len = strlen(names[k]);

			if (strncmp(spec, names[k], len) == 0 &&
			    spec[len] == ':') {
				target = k;
				break;
			}
		}
		if (target < 0) {
			fprintf(stderr, "fault: bad NCIO_FAULT '%s'\n", spec);
			_exit(99);
		}
		c = strchr(spec, ':') + 1;
		target_n = strtoul(c, &end, 10);
		if (*end == ':') {
			if (strcmp(end + 1, "kill") == 0)
				target_kill = 1;
			for (i = 0; i < sizeof errnos / sizeof errnos[0]; i++)
				if (strcmp(end + 1, errnos[i].name) == 0)
					target_errno = errnos[i].value;
		}
	}
	if ((c = getenv("NCIO_FAULT_COUNT")) != NULL && *c != '\0' &&
	    (count_file = strdup(c)) != NULL)
		atexit(report);
	/* Children (git, the editor) run without faults. */
	unsetenv("NCIO_FAULT");
	unsetenv("NCIO_FAULT_COUNT");
	unsetenv("LD_PRELOAD");
}

/* Whether this call of k is the one to fail; errno is set then. */
static int
fault(enum call k)
{
	if (++count[k] != target_n || (int)k != target)
		return 0;
	if (target_kill) {
		report();
		kill(getpid(), SIGKILL);
	}
	errno = target_errno;
	return 1;
}

/* The C library's function under ours (POSIX's way to cast dlsym()). */
#define REAL(name) \
	static __typeof__(&name) real_##name; \
	if (real_##name == NULL) \
		*(void **)&real_##name = dlsym(RTLD_NEXT, #name)

ssize_t
write(int fd, const void *p, size_t n)
{
	REAL(write);
	/* Standard error stays: the messages are what is tested. */
	if (fd != 2 && fault(C_WRITE))
		return -1;
	return real_write(fd, p, n);
}

int
fsync(int fd)
{
	REAL(fsync);
	if (fault(C_FSYNC))
		return -1;
	return real_fsync(fd);
}

int
fdatasync(int fd)
{
	REAL(fdatasync);
	if (fault(C_FDATASYNC))
		return -1;
	return real_fdatasync(fd);
}

int
rename(const char *from, const char *to)
{
	REAL(rename);
	if (fault(C_RENAME))
		return -1;
	return real_rename(from, to);
}

int
close(int fd)
{
	int	rc;

	REAL(close);
	/* close() fails after closing the descriptor, as Linux does. */
	rc = real_close(fd);
	if (fd >= 0 && fd < (int)sizeof writing && writing[fd]) {
		writing[fd] = 0;
		if (fault(C_CLOSE))
			return -1;
	}
	return rc;
}

int
link(const char *from, const char *to)
{
	REAL(link);
	if (fault(C_LINK))
		return -1;
	return real_link(from, to);
}

int
mkstemp(char *tmpl)
{
	int	fd;

	REAL(mkstemp);
	if (fault(C_MKSTEMP))
		return -1;
	fd = real_mkstemp(tmpl);
	opened(fd, 1);
	return fd;
}

int
mkstemp64(char *tmpl)
{
	int	fd;

	REAL(mkstemp64);
	if (fault(C_MKSTEMP))
		return -1;
	fd = real_mkstemp64(tmpl);
	opened(fd, 1);
	return fd;
}

int
mkstemps(char *tmpl, int suffixlen)
{
	int	fd;

	REAL(mkstemps);
	if (fault(C_MKSTEMP))
		return -1;
	fd = real_mkstemps(tmpl, suffixlen);
	opened(fd, 1);
	return fd;
}

int
unlink(const char *path)
{
	REAL(unlink);
	if (fault(C_UNLINK))
		return -1;
	return real_unlink(path);
}

int
mkdir(const char *path, mode_t mode)
{
	REAL(mkdir);
	if (fault(C_MKDIR))
		return -1;
	return real_mkdir(path, mode);
}

int
open(const char *path, int flags, ...)
{
	mode_t	mode = 0;
	va_list	ap;
	int	fd;

	REAL(open);
	if (flags & (O_CREAT | O_TMPFILE)) {
		va_start(ap, flags);
		mode = (mode_t)va_arg(ap, int);
		va_end(ap);
	}
	if (fault(C_OPEN))
		return -1;
	fd = real_open(path, flags, mode);
	opened(fd, (flags & O_ACCMODE) != O_RDONLY);
	return fd;
}
