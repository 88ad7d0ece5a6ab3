/*
 * Amounts as people type them, and as documents show them.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "amount.h"
#include "error.h"

static const struct {
	const char	*in;
	long long	 want;		/* -1: refused */
} cases[] = {
	{ "12800000", 12800000 },
	{ "12,800,000", 12800000 },
	{ "12,800,000円", 12800000 },
	{ "¥12,800,000", 12800000 },
	{ "￥1,000", 1000 },
	{ "1280万円", 12800000 },
	{ "1,280万", 12800000 },
	{ "1億2800万円", 128000000 },
	{ "1億2800万3000円", 128003000 },
	{ "1.5万円", 15000 },
	{ "１２８０万円", 12800000 },
	{ " 0 ", 0 },
	{ "0円", 0 },
	{ "", -1 },
	{ "円", -1 },
	{ "-5", -1 },
	{ "−5000", -1 },
	{ "12,80,0", -1 },
	{ "1234,000", -1 },
	{ "1,2345", -1 },
	{ "12,", -1 },
	{ ",12", -1 },
	{ "1.23456万", -1 },
	{ "12.5", -1 },
	{ "1万2億", -1 },
	{ "abc", -1 },
	{ "12800000 yen", -1 },
	{ "1000000000000", -1 },
	{ "99999999999999999999", -1 },
};

static void
test_parse(void **state)
{
	size_t		i;
	long long	got;
	int		rc;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		got = -1;
		rc = amount_parse(&got, cases[i].in);
		if (cases[i].want < 0) {
			if (rc != NC_EINVALID)
				fail_msg("'%s' accepted as %lld", cases[i].in,
				    got);
			assert_non_null(strstr(error_last(), cases[i].in));
		} else if (rc != 0 || got != cases[i].want)
			fail_msg("'%s': rc %d, got %lld, want %lld (%s)",
			    cases[i].in, rc, got, cases[i].want, error_last());
	}
	assert_int_equal(amount_parse(&got, "-5"), NC_EINVALID);
	assert_non_null(strstr(error_last(), "negative"));
}

static void
test_format(void **state)
{
	static const struct {
		long long	 in;
		const char	*want;
	} f[] = {
		{ 0, "0" }, { 999, "999" }, { 1000, "1,000" },
		{ 12800000, "12,800,000" }, { 123456789012LL, "123,456,789,012" },
		{ -1500, "-1,500" },
	};
	char	out[32];
	size_t	i;

	(void)state;
	for (i = 0; i < sizeof f / sizeof f[0]; i++) {
		amount_format(out, sizeof out, f[i].in);
		assert_string_equal(out, f[i].want);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse),
		cmocka_unit_test(test_format),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
