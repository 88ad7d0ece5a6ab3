/*
 * The atomic writer (lib/util/fileio.c): modes, the all-or-nothing sets of
 * files -- committed, aborted, a rename failing part way and undone from
 * the backups, a backup that cannot be made -- leftovers of killed writers
 * told from temporaries in use, and the warnings.  Faults that only an
 * injector can make (fsync, link, close failing) are tests/e2e/fault.sh's.
 */
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/time.h>

#include <dirent.h>
#include <fcntl.h>
#include <glob.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "error.h"
#include "fileio.h"

static char	dir[] = "/tmp/ncio-fileio-XXXXXX";

static const char *
at(const char *name)
{
	static char	path[4][512];
	static int	k;

	k = (k + 1) % 4;
	snprintf(path[k], sizeof path[k], "%s/%s", dir, name);
	return path[k];
}

static const char *
slurp(const char *name)
{
	static char	 data[4096];
	FILE		*fp;
	size_t		 n;

	if ((fp = fopen(at(name), "r")) == NULL)
		return "(absent)";
	n = fread(data, 1, sizeof data - 1, fp);
	data[n] = '\0';
	fclose(fp);
	return data;
}

static void
put(const char *name, const char *text)
{
	FILE	*fp;

	assert_non_null(fp = fopen(at(name), "w"));
	fputs(text, fp);
	fclose(fp);
}

/* Names in the directory that look like temporaries or backups. */
static int
leftovers(void)
{
	DIR		*dp;
	struct dirent	*de;
	int		 n = 0;

	assert_non_null(dp = opendir(dir));
	while ((de = readdir(dp)) != NULL)
		n += fileio_tmp_name(de->d_name);
	closedir(dp);
	return n;
}

static size_t
nwarnings(void)
{
	size_t	n = 0;

	while (fileio_warning(n) != NULL)
		n++;
	return n;
}

static void
test_modes(void **state)
{
	struct stat	sb;
	mode_t		mask;

	(void)state;
	mask = umask(022);
	assert_int_equal(fileio_write_atomic(at("new"), "n\n", 2), 0);
	assert_int_equal(stat(at("new"), &sb), 0);
	assert_int_equal(sb.st_mode & 07777, 0644);
	/* A file replaced keeps its mode. */
	assert_int_equal(chmod(at("new"), 0640), 0);
	assert_int_equal(fileio_write_atomic(at("new"), "m\n", 2), 0);
	assert_int_equal(stat(at("new"), &sb), 0);
	assert_int_equal(sb.st_mode & 07777, 0640);
	assert_string_equal(slurp("new"), "m\n");
	umask(mask);
	assert_int_equal(leftovers(), 0);
}

static void
test_names(void **state)
{
	(void)state;
	assert_true(fileio_tmp_name("rv-1.yaml.tmpAbC123"));
	assert_true(fileio_tmp_name("x.docx.tmpbak000000"));
	assert_false(fileio_tmp_name("rv-1.yaml.tmp"));
	assert_false(fileio_tmp_name("rv-1.yaml.tmpAbC12"));
	assert_false(fileio_tmp_name("rv-1.yaml.tmpAbC12_"));
	assert_false(fileio_tmp_name(".tmpAbC123"));
	assert_false(fileio_tmp_name("rv-1.yaml"));
}

/* A set is written all at once; until then the old files stand. */
static void
test_defer_commit(void **state)
{
	(void)state;
	put("b.txt", "old b");
	assert_int_equal(fileio_defer_begin(), 0);
	assert_int_equal(fileio_defer_begin(), NC_EINVALID);
	assert_int_equal(fileio_write_atomic(at("a.txt"), "new a", 5), 0);
	assert_int_equal(fileio_write_atomic(at("b.txt"), "new b", 5), 0);
	/* The same file twice: the later content wins. */
	assert_int_equal(fileio_write_atomic(at("a.txt"), "newer a", 7), 0);
	assert_string_equal(slurp("a.txt"), "(absent)");
	assert_string_equal(slurp("b.txt"), "old b");
	assert_int_equal(leftovers(), 2);
	assert_int_equal(fileio_defer_commit(), 0);
	assert_string_equal(slurp("a.txt"), "newer a");
	assert_string_equal(slurp("b.txt"), "new b");
	assert_int_equal(leftovers(), 0);
	/* Aborted: nothing changes, nothing is left. */
	assert_int_equal(fileio_defer_begin(), 0);
	assert_int_equal(fileio_write_atomic(at("a.txt"), "x", 1), 0);
	assert_int_equal(fileio_write_atomic(at("c.txt"), "x", 1), 0);
	fileio_defer_abort();
	assert_string_equal(slurp("a.txt"), "newer a");
	assert_string_equal(slurp("c.txt"), "(absent)");
	assert_int_equal(leftovers(), 0);
	assert_int_equal(fileio_defer_commit(), NC_EINVALID);
}

/*
 * The third rename fails (its temporary is gone): the two files already
 * replaced are put back from their backups, the new one removed.
 */
static void
test_defer_undo(void **state)
{
	glob_t	g;
	int	i;

	(void)state;
	put("u1.txt", "old 1");
	put("u2.txt", "old 2");
	assert_int_equal(fileio_defer_begin(), 0);
	assert_int_equal(fileio_write_atomic(at("u1.txt"), "new 1", 5), 0);
	assert_int_equal(fileio_write_atomic(at("u0.txt"), "new 0", 5), 0);
	assert_int_equal(fileio_write_atomic(at("u2.txt"), "new 2", 5), 0);
	assert_int_equal(glob(at("u2.txt.tmp??????"), 0, NULL, &g), 0);
	assert_int_equal(g.gl_pathc, 1);
	assert_int_equal(unlink(g.gl_pathv[0]), 0);
	globfree(&g);
	assert_int_equal(fileio_defer_commit(), NC_EIO);
	assert_non_null(strstr(error_last(), "nothing was written: cannot"
	    " replace '"));
	assert_non_null(strstr(error_last(), "u2.txt'"));
	assert_string_equal(slurp("u1.txt"), "old 1");
	assert_string_equal(slurp("u0.txt"), "(absent)");
	assert_string_equal(slurp("u2.txt"), "old 2");
	assert_int_equal(leftovers(), 0);

	/* A file that cannot be kept (a directory): nothing is replaced. */
	assert_int_equal(mkdir(at("d.txt"), 0777), 0);
	assert_int_equal(fileio_defer_begin(), 0);
	assert_int_equal(fileio_write_atomic(at("u1.txt"), "new 1", 5), 0);
	assert_int_equal(fileio_write_atomic(at("d.txt"), "new d", 5), 0);
	assert_int_equal(fileio_defer_commit(), NC_EIO);
	assert_non_null(strstr(error_last(), "nothing was written"));
	assert_string_equal(slurp("u1.txt"), "old 1");
	assert_int_equal(leftovers(), 0);
	assert_int_equal(rmdir(at("d.txt")), 0);
	for (i = 0; i < 3; i++)
		unlink(at(i == 0 ? "u0.txt" : i == 1 ? "u1.txt" : "u2.txt"));
}

/*
 * Leftovers: one nobody holds is stale, one held is not; the next write of
 * the same file removes stale ones old enough, and says so.
 */
static void
test_stale(void **state)
{
	struct timeval	 old[2];
	size_t		 w0;
	int		 fd, held;

	(void)state;
	put("s.yaml.tmpAAAAAA", "killed");
	put("s.yaml.tmpbakBBBBBB", "killed");
	put("s.yaml.tmpCCCCCC", "in use");
	put("s.yaml.tmpDDDDDD", "recent");
	put("s.yaml.tmpx", "not ours");
	assert_true(fileio_tmp_stale(at("s.yaml.tmpAAAAAA")));
	assert_false(fileio_tmp_stale(at("s.yaml.tmpx")));
	assert_false(fileio_tmp_stale(at("nosuch.tmpAAAAAA")));
	assert_true((held = open(at("s.yaml.tmpCCCCCC"), O_RDONLY)) != -1);
	assert_int_equal(flock(held, LOCK_EX), 0);
	assert_false(fileio_tmp_stale(at("s.yaml.tmpCCCCCC")));
	/* A symbolic link is never one. */
	assert_int_equal(symlink(at("s.yaml.tmpAAAAAA"),
	    at("s.yaml.tmpEEEEEE")), 0);
	assert_false(fileio_tmp_stale(at("s.yaml.tmpEEEEEE")));
	unlink(at("s.yaml.tmpEEEEEE"));

	memset(old, 0, sizeof old);
	old[0].tv_sec = old[1].tv_sec = 1000000000;	/* 2001 */
	assert_int_equal(utimes(at("s.yaml.tmpAAAAAA"), old), 0);
	assert_int_equal(utimes(at("s.yaml.tmpbakBBBBBB"), old), 0);
	assert_int_equal(utimes(at("s.yaml.tmpCCCCCC"), old), 0);
	w0 = nwarnings();
	assert_int_equal(fileio_write_atomic(at("s.yaml"), "s\n", 2), 0);
	assert_string_equal(slurp("s.yaml.tmpAAAAAA"), "(absent)");
	assert_string_equal(slurp("s.yaml.tmpbakBBBBBB"), "(absent)");
	assert_string_equal(slurp("s.yaml.tmpCCCCCC"), "in use");
	assert_string_equal(slurp("s.yaml.tmpDDDDDD"), "recent");
	assert_string_equal(slurp("s.yaml.tmpx"), "not ours");
	assert_int_equal(nwarnings(), w0 + 2);
	assert_non_null(strstr(fileio_warning(w0), "left by an interrupted"
	    " write"));
	close(held);
	unlink(at("s.yaml.tmpCCCCCC"));
	unlink(at("s.yaml.tmpDDDDDD"));
	unlink(at("s.yaml.tmpx"));

	/* A temporary of fileio_tmp_open() is held until it is done. */
	{
		struct fileio_tmp	t;

		assert_int_equal(fileio_tmp_open(&t, at("t.xlsx")), 0);
		assert_false(fileio_tmp_stale(t.tmp));
		fd = open(t.tmp, O_WRONLY | O_TRUNC);
		assert_int_equal(write(fd, "by name", 7), 7);
		close(fd);
		assert_int_equal(fileio_tmp_commit(&t), 0);
		assert_string_equal(slurp("t.xlsx"), "by name");
		assert_int_equal(fileio_tmp_open(&t, at("t.xlsx")), 0);
		fileio_tmp_abort(&t);
		fileio_tmp_abort(&t);
		assert_string_equal(slurp("t.xlsx"), "by name");
	}
	assert_int_equal(leftovers(), 0);
}

/* fileio_read_all(): the whole file, or an error that names it. */
static void
test_read_all(void **state)
{
	char	*buf, big[64];
	size_t	 len;

	(void)state;
	/* empty: an allocation holding only the NUL */
	put("empty", "");
	assert_int_equal(fileio_read_all(at("empty"), 16, &buf, &len), 0);
	assert_non_null(buf);
	assert_int_equal(len, 0);
	assert_int_equal(buf[0], '\0');
	free(buf);

	/* exactly at the limit: read whole */
	memset(big, 'x', 16);
	big[16] = '\0';
	put("sixteen", big);
	assert_int_equal(fileio_read_all(at("sixteen"), 16, &buf, &len), 0);
	assert_int_equal(len, 16);
	assert_memory_equal(buf, big, 16);
	assert_int_equal(buf[16], '\0');
	free(buf);

	/* one byte over: refused, nothing read, its size given */
	assert_int_equal(fileio_read_all(at("sixteen"), 15, &buf, &len),
	    NC_EINVALID);
	assert_null(buf);
	assert_int_equal(len, 16);
	assert_non_null(strstr(error_last(), at("sixteen")));
	assert_non_null(strstr(error_last(), "larger than 15 bytes"));

	/* not there */
	assert_int_equal(fileio_read_all(at("absent"), 16, &buf, &len),
	    NC_ENOTFOUND);
	assert_null(buf);
	assert_int_equal(len, 0);
	assert_non_null(strstr(error_last(), at("absent")));

	/* not a regular file */
	assert_int_equal(mkdir(at("folder"), 0700), 0);
	assert_int_equal(fileio_read_all(at("folder"), 16, &buf, &len),
	    NC_EINVALID);
	assert_null(buf);
	assert_int_equal(len, 0);
	assert_non_null(strstr(error_last(), at("folder")));
	assert_non_null(strstr(error_last(), "not a regular file"));

	/* unreadable (root reads it anyway, so only for others) */
	put("secret", "s\n");
	assert_int_equal(chmod(at("secret"), 0), 0);
	if (geteuid() != 0) {
		assert_int_equal(fileio_read_all(at("secret"), 16, &buf,
		    &len), NC_EIO);
		assert_null(buf);
		assert_int_equal(len, 0);
		assert_non_null(strstr(error_last(), at("secret")));
	}
	assert_int_equal(unlink(at("secret")), 0);
	assert_int_equal(unlink(at("empty")), 0);
	assert_int_equal(unlink(at("sixteen")), 0);
	assert_int_equal(rmdir(at("folder")), 0);
}

/* A file of n bytes: a byte pattern that shows where each byte came from. */
static void
put_n(const char *name, size_t n, char *copy)
{
	FILE	*fp;
	size_t	 i;

	assert_non_null(fp = fopen(at(name), "w"));
	for (i = 0; i < n; i++) {
		copy[i] = (char)('a' + (i * 7 + n) % 26);
		fputc(copy[i], fp);
	}
	fclose(fp);
}

/*
 * fileio_read_shared(): one buffer from file to file.  Files larger than
 * its first size (64 KiB) and at that size's edges are read to their last
 * byte, a small file after a large one is itself and no more, and what is
 * not a regular file, too large or absent is refused as by
 * fileio_read_all().
 */
static void
test_read_shared(void **state)
{
	static const size_t	 sizes[] = { 65534, 65535, 65536, 65537,
	    200001, 3, 131071, 131072, 0, 1 };
	const char		*buf, *first;
	char			*want, *all;
	size_t			 len, i;

	(void)state;
	assert_non_null(want = malloc(300000));
	for (i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
		put_n("f", sizes[i], want);
		assert_int_equal(fileio_read_shared(at("f"), 1 << 20, &buf,
		    &len), 0);
		assert_int_equal(len, sizes[i]);
		assert_memory_equal(buf, want, sizes[i]);
		assert_int_equal(buf[len], '\0');
	}

	/* The same buffer each time, once it is large enough. */
	put_n("f", 10, want);
	assert_int_equal(fileio_read_shared(at("f"), 1 << 20, &first, &len),
	    0);
	put_n("g", 20, want);
	assert_int_equal(fileio_read_shared(at("g"), 1 << 20, &buf, &len), 0);
	assert_ptr_equal(buf, first);
	assert_int_equal(len, 20);
	assert_memory_equal(buf, want, 20);

	/* At the limit, and one byte over it: its size given. */
	put_n("f", 70000, want);
	assert_int_equal(fileio_read_shared(at("f"), 70000, &buf, &len), 0);
	assert_int_equal(len, 70000);
	assert_int_equal(fileio_read_shared(at("f"), 69999, &buf, &len),
	    NC_EINVALID);
	assert_null(buf);
	assert_int_equal(len, 70000);
	assert_non_null(strstr(error_last(), "larger than 69999 bytes "
	    "(70000 bytes)"));
	/* A limit of 0: only an empty file. */
	put("e", "");
	assert_int_equal(fileio_read_shared(at("e"), 0, &buf, &len), 0);
	assert_int_equal(len, 0);
	assert_int_equal(buf[0], '\0');
	assert_int_equal(fileio_read_shared(at("f"), 0, &buf, &len),
	    NC_EINVALID);

	/* fileio_read_all() of a file larger than the first size. */
	put_n("f", 200001, want);
	assert_int_equal(fileio_read_all(at("f"), 1 << 20, &all, &len), 0);
	assert_int_equal(len, 200001);
	assert_memory_equal(all, want, len);
	assert_int_equal(all[len], '\0');
	free(all);

	/* Not regular files: a folder, a device read empty or endless. */
	assert_int_equal(mkdir(at("d"), 0700), 0);
	assert_int_equal(fileio_read_shared(at("d"), 16, &buf, &len),
	    NC_EINVALID);
	assert_non_null(strstr(error_last(), "not a regular file"));
	assert_int_equal(len, 0);
	if (access("/dev/null", R_OK) == 0) {
		assert_int_equal(fileio_read_shared("/dev/null", 16, &buf,
		    &len), NC_EINVALID);
		assert_non_null(strstr(error_last(), "not a regular file"));
	}
	if (access("/dev/zero", R_OK) == 0) {
		assert_int_equal(fileio_read_shared("/dev/zero", 100000, &buf,
		    &len), NC_EINVALID);
		assert_non_null(strstr(error_last(), "not a regular file"));
		assert_int_equal(len, 0);
	}
	assert_int_equal(fileio_read_shared(at("absent"), 16, &buf, &len),
	    NC_ENOTFOUND);
	assert_null(buf);

	fileio_read_release();
	free(want);
	assert_int_equal(unlink(at("f")), 0);
	assert_int_equal(unlink(at("g")), 0);
	assert_int_equal(unlink(at("e")), 0);
	assert_int_equal(rmdir(at("d")), 0);
}

static int
setup(void **state)
{
	(void)state;
	return mkdtemp(dir) == NULL ? -1 : 0;
}

static int
teardown(void **state)
{
	char	cmd[600];

	(void)state;
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	return system(cmd) == 0 ? 0 : -1;
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_modes),
		cmocka_unit_test(test_names),
		cmocka_unit_test(test_defer_commit),
		cmocka_unit_test(test_defer_undo),
		cmocka_unit_test(test_stale),
		cmocka_unit_test(test_read_all),
		cmocka_unit_test(test_read_shared),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
