/*
 * The bundle's manifest (what it lists, in what form, and every kind of
 * difference --verify must name) and the password file's checks.
 */
#include <sys/stat.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "buf.h"
#include "deliverable.h"
#include "diag.h"
#include "error.h"
#include "zipenc.h"

static char	top[64];

static void
put(const char *rel, const char *text)
{
	char	path[256];
	FILE	*fp;

	snprintf(path, sizeof path, "%s/%s", top, rel);
	fp = fopen(path, "w");
	assert_non_null(fp);
	fputs(text, fp);
	fclose(fp);
}

static int
setup(void **state)
{
	char	path[256];

	(void)state;
	snprintf(top, sizeof top, "/tmp/test_deliverable.XXXXXX");
	if (mkdtemp(top) == NULL)
		return -1;
	snprintf(path, sizeof path, "%s/4(2)エ_監査", top);
	mkdir(path, 0777);
	put("4(2)エ_監査/監査調書.xlsx", "abc");
	put("b.docx", "");
	put("成果物一覧.xlsx", "list");
	return 0;
}

static int
teardown(void **state)
{
	char	cmd[128];

	(void)state;
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", top);
	return system(cmd) == 0 ? 0 : -1;
}

static void
write_manifest(void)
{
	struct buf	 m = BUF_INIT;
	char		 path[256];
	FILE		*fp;

	assert_int_equal(manifest_make(&m, top), 0);
	snprintf(path, sizeof path, "%s/" MANIFEST_NAME, top);
	fp = fopen(path, "w");
	assert_non_null(fp);
	fwrite(m.data, 1, m.len, fp);
	fclose(fp);
	buf_free(&m);
}

static void
test_make(void **state)
{
	struct buf	m = BUF_INIT;

	(void)state;
	assert_int_equal(manifest_make(&m, top), 0);
	/* byte order of path; sha256sum(1) lines; the manifest not listed */
	assert_string_equal(m.data,
	    "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
	    "  4(2)エ_監査/監査調書.xlsx\n"
	    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
	    "  b.docx\n"
	    "a330395cc0a53ad1207736546afff4735940937564bbf75ce1edad40780d9139"
	    "  成果物一覧.xlsx\n");
	assert_non_null(strstr(m.data, "  成果物一覧.xlsx\n"));
	assert_true(strstr(m.data, "4(2)エ") < strstr(m.data, "b.docx"));
	assert_true(strstr(m.data, "b.docx") < strstr(m.data, "成果物"));
	write_manifest();
	buf_reset(&m);
	assert_int_equal(manifest_make(&m, top), 0);
	assert_null(strstr(m.data, MANIFEST_NAME));
	buf_free(&m);
}

static void
test_verify(void **state)
{
	struct diags	d = DIAGS_INIT;
	char		path[256];

	(void)state;
	write_manifest();
	assert_int_equal(manifest_verify(&d, top), 0);
	assert_int_equal(d.n, 0);
	put("b.docx", "changed");
	snprintf(path, sizeof path, "%s/4(2)エ_監査/監査調書.xlsx", top);
	unlink(path);
	put("4(2)エ_監査/追加.docx", "x");
	assert_int_equal(manifest_verify(&d, top), 3);
	diags_sort(&d);
	assert_string_equal(d.v[0].path, "4(2)エ_監査/監査調書.xlsx");
	assert_string_equal(d.v[0].msg, "missing");
	assert_string_equal(d.v[1].path, "4(2)エ_監査/追加.docx");
	assert_string_equal(d.v[1].msg, "not in the manifest");
	assert_string_equal(d.v[2].path, "b.docx");
	assert_non_null(strstr(d.v[2].msg, "changed"));
	diags_free(&d);
	/* a manifest that is not one */
	put(MANIFEST_NAME, "not a manifest\n");
	assert_int_equal(manifest_verify(&d, top), NC_EINVALID);
	assert_non_null(strstr(error_last(), "line 1"));
	diags_free(&d);
}

static void
test_password(void **state)
{
	static const struct {
		const char	*text;
		int		 mode;
		int		 rc;
		const char	*pw, *msg;
	} cases[] = {
		{ "secret\n", 0600, 0, "secret", NULL },
		{ "secret\r\nmore\n", 0400, 0, "secret", NULL },
		{ "合言葉 with spaces", 0600, 0, "合言葉 with spaces", NULL },
		{ "secret\n", 0640, NC_EINVALID, NULL, "can be read by others" },
		{ "secret\n", 0604, NC_EINVALID, NULL, "chmod 600" },
		{ "secret\n", 0620, NC_EINVALID, NULL, "can be written" },
		{ "", 0600, NC_EINVALID, NULL, "is empty" },
		{ "\nsecond\n", 0600, NC_EINVALID, NULL, "is empty" },
	};
	char	path[256], *pw;
	size_t	i;
	int	rc;

	(void)state;
	snprintf(path, sizeof path, "%s/pw", top);
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		put("pw", cases[i].text);
		chmod(path, (mode_t)cases[i].mode);
		rc = zipenc_password_load(&pw, path);
		assert_int_equal(rc, cases[i].rc);
		if (rc == 0) {
			assert_string_equal(pw, cases[i].pw);
			zipenc_password_free(pw);
		} else {
			assert_null(pw);
			assert_non_null(strstr(error_last(), cases[i].msg));
			/* the password is never in a message */
			assert_null(strstr(error_last(), "secret"));
		}
		chmod(path, 0600);
	}
	unlink(path);
	assert_int_equal(zipenc_password_load(&pw, path), NC_EINVALID);
	assert_non_null(strstr(error_last(), "missing"));
	zipenc_password_free(NULL);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_make, setup, teardown),
		cmocka_unit_test_setup_teardown(test_verify, setup, teardown),
		cmocka_unit_test_setup_teardown(test_password, setup,
		    teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
