/*
 * Schemas parsed when first needed (issue 15): schemaset_need() for a kind
 * parses that kind's file and the files its $refs name, and nothing else;
 * for NULL, or a kind not in a file of its name, everything, with the
 * checks of the whole set (tests/e2e/startup.sh: what the store makes
 * of it).
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

#include "diag.h"
#include "error.h"
#include "node.h"
#include "schema.h"

static char	tmpdir[] = "/tmp/test_schema_lazy.XXXXXX";
static char	sdir[64];

static void
write_file(const char *name, const char *text)
{
	char	 path[256];
	FILE	*fp;

	snprintf(path, sizeof path, "%s/%s", sdir, name);
	assert_non_null(fp = fopen(path, "w"));
	fputs(text, fp);
	assert_int_equal(fclose(fp), 0);
}

static int
setup(void **state)
{
	(void)state;
	if (mkdtemp(tmpdir) == NULL)
		return -1;
	snprintf(sdir, sizeof sdir, "%s/schemas", tmpdir);
	if (mkdir(sdir, 0755) != 0)
		return -1;
	write_file("common.yaml", "$defs:\n  yen: {type: integer, minimum: 0}\n");
	write_file("a.yaml", "x-kind: a\nx-dir: as\nx-id-prefix: aa\n"
	    "type: object\nproperties:\n"
	    "  cost: {$ref: \"common.yaml#/$defs/yen\"}\n");
	/* A kind in a file not named after it. */
	write_file("zz-other.yaml", "x-kind: c\nx-dir: cs\nx-id-prefix: cc\n"
	    "type: object\n");
	/* Broken: parsed only when everything is needed. */
	write_file("b.yaml", "x-kind: b\nx-dir: bs\nx-id-prefix: bb\n"
	    "type: object\nproperties: [not, a, mapping\n");
	return 0;
}

static int
teardown(void **state)
{
	char	cmd[128];

	(void)state;
	if (getenv("NCIO_TEST_KEEP") == NULL) {
		snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
		return system(cmd) == 0 ? 0 : -1;
	}
	return 0;
}

static void
test_one_kind(void **state)
{
	struct schemaset	*set;
	struct diags		 d = DIAGS_INIT;
	const struct schema	*a, *cost;
	const char		*dirs[1] = { sdir };

	(void)state;
	assert_int_equal(schemaset_open(&set, dirs, 1), 0);
	assert_null(schemaset_kind(set, "a"));
	assert_int_equal(schemaset_need(set, "a", &d), 0);
	assert_int_equal(d.n, 0);
	assert_non_null(a = schemaset_kind(set, "a"));
	assert_string_equal(schema_dir(a), "as");
	/* The $ref into common.yaml is followed. */
	assert_non_null(cost = schema_at(a, "cost"));
	assert_int_equal(schema_types(cost) != 0, 1);
	assert_null(schemaset_kind(set, "b"));
	/* Everything: b.yaml's error, by file. */
	assert_int_equal(schemaset_need(set, NULL, &d), NC_ESCHEMA);
	assert_true(d.n > 0);
	assert_non_null(strstr(d.v[0].path, "b.yaml"));
	/* And again, without parsing again. */
	assert_int_equal(schemaset_need(set, "a", NULL), NC_ESCHEMA);
	diags_free(&d);
	schemaset_free(set);
	/* schemaset_load() is all at once, as before. */
	assert_int_not_equal(schemaset_load(&set, dirs, 1, NULL), 0);
	assert_null(set);
}

static void
test_kind_elsewhere(void **state)
{
	struct schemaset	*set;
	const char		*dirs[1] = { sdir };

	(void)state;
	write_file("b.yaml", "x-kind: b\nx-dir: bs\nx-id-prefix: bb\n"
	    "type: object\n");
	assert_int_equal(schemaset_open(&set, dirs, 1), 0);
	assert_int_equal(schemaset_need(set, "c", NULL), 0);
	assert_non_null(schemaset_kind(set, "c"));
	assert_int_equal(schemaset_nkinds(set), 3);
	schemaset_free(set);
	/* An unknown kind: everything parsed, and not found. */
	assert_int_equal(schemaset_open(&set, dirs, 1), 0);
	assert_int_equal(schemaset_need(set, "nosuch", NULL), 0);
	assert_null(schemaset_kind(set, "nosuch"));
	assert_int_equal(schemaset_nkinds(set), 3);
	schemaset_free(set);
	write_file("b.yaml", "x-kind: b\nx-dir: bs\nx-id-prefix: bb\n"
	    "type: object\nproperties: [not, a, mapping\n");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_one_kind),
		cmocka_unit_test(test_kind_elsewhere),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
