/*
 * The labels that lib/ keeps in C -- where it works without a data
 * directory, as the import engine and the audit's fieldwork keys do --
 * are exactly the schemas' x-enum-titles, value for value, so the schema
 * stays the single source: a label changed in one place and not the
 * other fails here.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "audit.h"
#include "checklist.h"
#include "schema.h"

static struct schemaset	*set;

static int
setup(void **state)
{
	const char	*dir = getenv("NCIO_SCHEMA_PATH");
	struct diags	 d = DIAGS_INIT;

	(void)state;
	if (dir == NULL)
		dir = NCIO_SOURCE_DIR "/schemas";
	if (schemaset_load(&set, &dir, 1, &d) != 0)
		return -1;
	diags_free(&d);
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	schemaset_free(set);
	return 0;
}

/* The enum of kind's field at path: its values and titles, as C has them. */
static void
same(const char *kind, const char *path, const char *const *codes,
    const char *const *labels, size_t n)
{
	const struct schema	*k, *s;
	size_t			 i;

	assert_non_null(k = schemaset_kind(set, kind));
	assert_non_null(s = schema_at(k, path));
	/* Every value of the schema is in C, and the other way round. */
	assert_int_equal(schema_nenum(s), n);
	for (i = 0; i < n; i++) {
		if (schema_enum_find(s, codes[i]) == NULL)
			fail_msg("%s %s: '%s' is not in the schema", kind, path,
			    codes[i]);
		if (schema_enum_title(s, codes[i]) == NULL ||
		    strcmp(schema_enum_title(s, codes[i]), labels[i]) != 0)
			fail_msg("%s %s: '%s' is '%s' in C, '%s' in the "
			    "schema", kind, path, codes[i], labels[i],
			    schema_enum_title(s, codes[i]) ?
			    schema_enum_title(s, codes[i]) : "(none)");
	}
}

static void
test_audit_results(void **state)
{
	const char	*codes[AUDIT_NRESULTS], *labels[AUDIT_NRESULTS];
	size_t		 n = 0;
	int		 r;

	(void)state;
	for (r = AUDIT_CONFORM; r < AUDIT_NRESULTS; r++) {
		codes[n] = audit_result_code((enum audit_result)r);
		labels[n++] = audit_result_label((enum audit_result)r);
	}
	same("audit", "items.result", codes, labels, n);
}

static void
test_checklist_labels(void **state)
{
	const char	*codes[CK_NVALUES], *labels[CK_NVALUES];
	size_t		 i;

	(void)state;
	for (i = 0; i < 3; i++) {
		codes[i] = ck_kind_name((enum ck_kind)i);
		labels[i] = ck_kind_title((enum ck_kind)i);
	}
	same("checklist", "kind", codes, labels, 3);
	for (i = 0; i < CK_NVALUES; i++) {
		codes[i] = ck_value_name((enum ck_value)i);
		labels[i] = ck_value_label((enum ck_value)i);
	}
	same("checklist", "answers.value", codes, labels, CK_NVALUES);
	for (i = 0; i < CK_NSTAGES; i++) {
		codes[i] = ck_stage_name((enum ck_stage)i);
		labels[i] = ck_stage_label((enum ck_stage)i);
	}
	same("checklist", "stage", codes, labels, CK_NSTAGES);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_audit_results),
		cmocka_unit_test(test_checklist_labels),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
