/*
 * String map: insert, replace, find, growth past many thousand keys.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "strmap.h"

static void
test_map(void **state)
{
	struct strmap	*m;
	static char	 keys[20000][12];
	size_t		 i;
	int		 one = 1, two = 2;

	(void)state;
	assert_null(strmap_get(NULL, "x"));
	assert_non_null(m = strmap_new());
	assert_null(strmap_get(m, "dp-2-1-01"));
	assert_int_equal(strmap_put(m, "dp-2-1-01", &one), 0);
	assert_ptr_equal(strmap_get(m, "dp-2-1-01"), &one);
	assert_int_equal(strmap_put(m, "dp-2-1-01", &two), 0);
	assert_ptr_equal(strmap_get(m, "dp-2-1-01"), &two);
	assert_int_equal(strmap_count(m), 1);
	for (i = 0; i < 20000; i++) {
		snprintf(keys[i], sizeof keys[i], "k%zu", i);
		assert_int_equal(strmap_put(m, keys[i], keys[i]), 0);
	}
	assert_int_equal(strmap_count(m), 20001);
	for (i = 0; i < 20000; i++)
		assert_ptr_equal(strmap_get(m, keys[i]), keys[i]);
	assert_null(strmap_get(m, "k20000"));
	assert_null(strmap_get(m, ""));
	strmap_free(m);
	strmap_free(NULL);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_map),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
