/*
 * The files of a folder tree (lib/util/dirtree.c), which the bundle's zip
 * and manifest list: sorted relative paths of regular files, folders
 * walked, a symbolic link refused rather than skipped, a line break in a
 * name refused only where a line-based list asks it to be.
 */
#include <sys/stat.h>

#include <fcntl.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "dirtree.h"
#include "error.h"

static char	dir[] = "/tmp/ncio-dirtree.XXXXXX";

static const char *
at(const char *rel)
{
	static char	path[512];

	snprintf(path, sizeof path, "%s/%s", dir, rel);
	return path;
}

static void
touch(const char *rel)
{
	int	fd = open(at(rel), O_WRONLY | O_CREAT | O_TRUNC, 0644);

	assert_true(fd >= 0);
	assert_int_equal(write(fd, "x", 1), 1);
	close(fd);
}

static void
test_tree(void **state)
{
	struct dirtree	t = DIRTREE_INIT;

	(void)state;
	assert_int_equal(mkdir(at("b"), 0755), 0);
	assert_int_equal(mkdir(at("b/c"), 0755), 0);
	assert_int_equal(mkdir(at("empty"), 0755), 0);
	touch("z.txt");
	touch("b/回答書.docx");
	touch("b/c/a.xlsx");
	touch("a b.txt");
	assert_int_equal(dirtree_list(&t, dir, DIRTREE_PLAIN_NAMES), 0);
	assert_int_equal(t.n, 4);
	assert_string_equal(t.v[0], "a b.txt");
	assert_string_equal(t.v[1], "b/c/a.xlsx");
	assert_string_equal(t.v[2], "b/回答書.docx");
	assert_string_equal(t.v[3], "z.txt");
	dirtree_free(&t);
	assert_null(t.v);
	assert_int_equal(t.n, 0);
	dirtree_free(&t);		/* twice is harmless */
}

static void
test_refused(void **state)
{
	struct dirtree	t = DIRTREE_INIT;

	(void)state;
	/* a line break: refused for a manifest, listed for a zip */
	touch("b/line\nbreak");
	assert_int_equal(dirtree_list(&t, dir, DIRTREE_PLAIN_NAMES),
	    NC_EINVALID);
	assert_non_null(strstr(error_last(), "line break"));
	assert_null(t.v);
	assert_int_equal(dirtree_list(&t, dir, 0), 0);
	assert_int_equal(t.n, 5);
	dirtree_free(&t);
	assert_int_equal(unlink(at("b/line\nbreak")), 0);
	/* a symbolic link is never skipped in silence */
	assert_int_equal(symlink("z.txt", at("b/link")), 0);
	assert_int_equal(dirtree_list(&t, dir, 0), NC_EINVALID);
	assert_non_null(strstr(error_last(), "'b/link' is neither a file nor"
	    " a folder"));
	assert_null(t.v);
	assert_int_equal(unlink(at("b/link")), 0);
	/* a folder that is not there */
	assert_int_equal(dirtree_list(&t, at("none"), 0), NC_EIO);
	assert_non_null(strstr(error_last(), "cannot read the folder"));
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
		cmocka_unit_test(test_tree),
		cmocka_unit_test(test_refused),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
