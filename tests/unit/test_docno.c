#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "docno.h"

static void
check(const char *format, const char *number, const char *want)
{
	char	*got = docno_format(format, number);

	if (want == NULL)
		assert_null(got);
	else {
		assert_non_null(got);
		assert_string_equal(got, want);
	}
	free(got);
}

static void
test_format(void **state)
{
	(void)state;
	check("練企情発第%s号", "27", "練企情発第27号");
	/* A whole number is kept as written: the same number. */
	check("練企情発第%s号", "練企情発第27号", "練企情発第27号");
	/* No number: a blank for the ward to fill in. */
	check("練企情発第%s号", NULL, "練企情発第　　号");
	check(NULL, "123", "123");
	check(NULL, NULL, NULL);
	check("練企情発第号", "5", "5");
	/* %s elsewhere is not a printf conversion: no %d, no %n. */
	check("%d第%s号%n", "5", "%d第5号%n");
	check("練企情発第%s号", "", "");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_format),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
