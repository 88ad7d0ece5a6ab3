/*
 * Schema patterns: the fast path must agree with regexec() on every
 * pattern and subject, in the UTF-8 locale the program runs in.
 */
#include <locale.h>
#include <regex.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "error.h"
#include "pattern.h"

static const struct {
	const char	*src;
	int		 simple;
} patterns[] = {
	/* What the schemas use. */
	{ "^[a-z][a-z0-9-]{1,31}$", 1 },
	{ "^rv-[0-9a-hjkmnp-tv-z]{8}$", 1 },
	{ "^[a-z]{2}-[0-9a-hjkmnp-tv-z]{8}$", 1 },
	{ "^[0-9a-f]{64}$", 1 },
	{ "^[0-9]{1,2}(-[0-9]{1,2}){0,3}$", 2 },
	{ "^([01][0-9]|2[0-3]):[0-5][0-9]$", 2 },
	{ "^(-|[*]|[1-9](\\+[1-9])*)( (-|[*]|[1-9](\\+[1-9])*))*$", 2 },
	{ "^[0-9]{4}-(0[1-9]|1[0-2])-[1-9]$", 2 },
	{ "^[a-z][a-z_]*([.][a-z][a-z_]*)?$", 2 },
	/* The subset's corners. */
	{ "abc", 1 },
	{ "^a?b*c+$", 1 },
	{ "x{2,}", 1 },
	{ "^[]a]+$", 1 },
	{ "^[a-]+$", 1 },
	{ "^\\.\\-[.]$", 1 },
	{ "^$", 1 },
	{ "", 1 },
	{ "^a{0}b$", 1 },
	{ "^a{0,0}$", 1 },
	/* The automaton's corners. */
	{ "(a|b)*c", 2 },
	{ "((a)*)*b", 2 },
	{ "(a|ab)(c|bcd)(d*)", 2 },
	{ "x(a)?$", 2 },
	{ "^(a|b)", 2 },
	{ "(a|b)+$", 2 },
	{ "(\\$)$", 2 },
	{ "(\\$)\\$", 2 },
	{ "^(x{2}|[ab]{1,3})c?$", 2 },
	{ "a|b", 2 },
	{ "(2|-)+", 2 },
	/* Outside it: regexec decides. */
	{ "^a|b$", 0 },
	{ "(^a)", 0 },
	{ "(a$)", 0 },
	{ "(.)", 0 },
	{ "^[^a-z]+$", 0 },
	{ "^.{1,3}$", 0 },
	{ "^[[:digit:]]+$", 0 },
	{ "^練馬", 0 },
	{ "^\\w+$", 0 },
	{ "a$b", 0 },
	/* GNU anchors, not the punctuation itself (found by fuzz_pattern) */
	{ "\\'", 0 },
	{ "\\`a", 0 },
	{ "(\\<a|b)", 0 },
	{ "a\\>", 0 },
};

static const char *const subjects[] = {
	"", "a", "b", "ab", "abc", "xabcx", "aabbcc", "c", "bc", "abcc",
	"xx", "x", "xxx", "]", "]a", "a]", "-", "a-", ".-.", ".-a", "\\.-.",
	"\\\\", "'", "`a", "a b",
	"rv-7kq3m9xa", "rv-7kq3m9x", "rv-7kq3m9xai", "rv-7kq3m9xi",
	"RV-7kq3m9xa", "au-01234567", "hoiku", "h", "hoiku-1", "Hoiku",
	"a123456789012345678901234567890123", "2-3", "2-3-1", "12-3-4-5",
	"2-", "10:00", "24:00", "09:59", "練馬区", "a練馬", "練馬a", "ab\xe3\x80\x80",
	"0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
	"0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdeF",
	"b", "ab", "aab",
	/* The automaton's. */
	"1 2 2 1 1 2 3 2 1+3 *", "-", "*", "1+", "1+3", " 1", "1  2", "1 2 ",
	"0", "1+3+5 - *", "1+3+", "+", "- -", "-1", "2026-04-1", "2026-13-1",
	"2026-12-9", "2026-00-1", "2026-10-10", "a.b", "a_b.c_d", "a.", ".a",
	"a.b.c", "abcd", "abbcd", "abc", "acd", "xa", "xaa", "xx", "$", "$$",
	"a$", "xxc", "abac", "bbbc", "x", "22-", "--2", "1-2-3-4",
	"\xe3\x80\x80" "a", "a\xe3\x80\x80", "1 \xe3\x80\x80" "2",
};

static void
test_agrees_with_regexec(void **state)
{
	struct pattern	*pt;
	regex_t		 re;
	size_t		 i, j;
	int		 want, got;

	(void)state;
	for (i = 0; i < sizeof patterns / sizeof patterns[0]; i++) {
		if (pattern_compile(&pt, patterns[i].src) != 0)
			fail_msg("'%s': %s", patterns[i].src, error_last());
		assert_int_equal(regcomp(&re, patterns[i].src,
		    REG_EXTENDED | REG_NOSUB), 0);
		if (pattern_is_simple(pt) != patterns[i].simple)
			fail_msg("'%s': simple %d, want %d", patterns[i].src,
			    pattern_is_simple(pt), patterns[i].simple);
		for (j = 0; j < sizeof subjects / sizeof subjects[0]; j++) {
			want = regexec(&re, subjects[j], 0, NULL, 0) == 0;
			got = pattern_match(pt, subjects[j]);
			if (want != got)
				fail_msg("'%s' on '%s': %d, regexec says %d",
				    patterns[i].src, subjects[j], got, want);
		}
		regfree(&re);
		pattern_free(pt);
	}
}

/*
 * pattern_compile_known(), for bytes pattern_compile() accepted before:
 * the same path and the same answers, without regcomp() on a fast path.
 */
static void
test_known(void **state)
{
	struct pattern	*pt, *kt;
	size_t		 i, j;

	(void)state;
	for (i = 0; i < sizeof patterns / sizeof patterns[0]; i++) {
		assert_int_equal(pattern_compile(&pt, patterns[i].src), 0);
		assert_int_equal(pattern_compile_known(&kt, patterns[i].src),
		    0);
		assert_int_equal(pattern_is_simple(kt), pattern_is_simple(pt));
		for (j = 0; j < sizeof subjects / sizeof subjects[0]; j++)
			if (pattern_match(kt, subjects[j]) !=
			    pattern_match(pt, subjects[j]))
				fail_msg("'%s' on '%s': known %d, checked %d",
				    patterns[i].src, subjects[j],
				    pattern_match(kt, subjects[j]),
				    pattern_match(pt, subjects[j]));
		pattern_free(kt);
		pattern_free(pt);
	}
	/* What no fast path serves still goes through regcomp(). */
	assert_int_equal(pattern_compile_known(&kt, "([a-z]+"), NC_EINVALID);
	assert_null(kt);
	assert_int_equal(pattern_compile_known(&kt, "[[:alpha:]]+"), 0);
	assert_int_equal(pattern_is_simple(kt), 0);
	assert_int_equal(pattern_match(kt, "abc"), 1);
	assert_int_equal(pattern_match(kt, "123"), 0);
	pattern_free(kt);
}

/*
 * Random subjects over the alphabets the patterns care about: a wide one,
 * and a narrow one where the automaton's patterns match often.
 */
static void
test_random(void **state)
{
	static const char	 wide[] = "abcdxyz019-.]:rvRV +*$_";
	static const char	 narrow[] = "0123 +-*ab";
	const char		*alphabet;
	size_t			 na;
	struct pattern		*pt;
	regex_t			 re;
	char			 s[40];
	size_t			 i, k, len;
	int			 n;

	(void)state;
	srand(12345);
	for (i = 0; i < sizeof patterns / sizeof patterns[0]; i++) {
		if (!patterns[i].simple)
			continue;
		assert_int_equal(pattern_compile(&pt, patterns[i].src), 0);
		assert_int_equal(regcomp(&re, patterns[i].src,
		    REG_EXTENDED | REG_NOSUB), 0);
		for (n = 0; n < 6000; n++) {
			alphabet = n % 2 ? narrow : wide;
			na = strlen(alphabet);
			len = (size_t)(rand() % 16);
			for (k = 0; k < len; k++)
				s[k] = alphabet[(size_t)rand() % na];
			s[len] = '\0';
			if ((regexec(&re, s, 0, NULL, 0) == 0) !=
			    pattern_match(pt, s))
				fail_msg("'%s' on '%s' disagrees",
				    patterns[i].src, s);
		}
		regfree(&re);
		pattern_free(pt);
	}
}

static void
test_invalid(void **state)
{
	struct pattern	*pt;

	(void)state;
	assert_int_equal(pattern_compile(&pt, "["), NC_EINVALID);
	assert_null(pt);
	assert_int_equal(pattern_compile(&pt, "a{2,1}"), NC_EINVALID);
	assert_null(pt);
	/* Fast-path shapes regcomp() refuses: the check still runs. */
	assert_int_equal(pattern_compile(&pt, "^[z-a]{2}$"), NC_EINVALID);
	assert_null(pt);
	assert_int_equal(pattern_compile(&pt, "^(a|b){3,1}$"), NC_EINVALID);
	assert_null(pt);
	pattern_free(NULL);
}

/* Patterns from rules files: what could take regcomp unbounded time. */
static void
test_bounded(void **state)
{
	static const char *const bad[] = {
		"^U*respmnso[v1-77;]+++++++++++++++++++++++",
		"a**", "a+?", "a{1,9}{1,9}", "(((a)+)+)+", "((a+))*",
		"(a{1,200}){1,200}", "a{101}", "(b|c+){2,3}",
		NULL
	};
	static const char *const good[] = {
		"^[0-9]{1,2}(-[0-9]{1,2})?$", "^回答", "(問|設問)?[0-9]+",
		"[+*?]+", "\\++", "^(a|b)?(c+)?$", "[[:digit:]]{1,100}",
		NULL
	};
	struct pattern	*pt;
	char		 big[PATTERN_MAX_LEN + 2];
	size_t		 i;

	(void)state;
	for (i = 0; bad[i] != NULL; i++) {
		assert_int_equal(pattern_compile_bounded(&pt, bad[i]),
		    NC_EINVALID);
		assert_null(pt);
	}
	for (i = 0; good[i] != NULL; i++) {
		assert_int_equal(pattern_compile_bounded(&pt, good[i]), 0);
		pattern_free(pt);
	}
	memset(big, 'a', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	assert_int_equal(pattern_compile_bounded(&pt, big), NC_EINVALID);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_agrees_with_regexec),
		cmocka_unit_test(test_known),
		cmocka_unit_test(test_random),
		cmocka_unit_test(test_invalid),
		cmocka_unit_test(test_bounded),
	};

	/* As the program runs: in the user's (UTF-8) locale. */
	if (setlocale(LC_ALL, "C.UTF-8") == NULL)
		setlocale(LC_ALL, "");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
