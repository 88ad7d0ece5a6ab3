/*
 * SHA-256: the FIPS 180-4 examples, one million 'a's fed in uneven
 * pieces (the block boundary at every offset), and a file.
 */
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
#include "sha256.h"

static const struct {
	const char	*in;
	const char	*hex;
} vectors[] = {
	{ "", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855" },
	{ "abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad" },
	{ "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
	  "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1" },
	{ "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmn"
	  "hijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
	  "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1" },
};

static void
test_vectors(void **state)
{
	char	hex[65];
	size_t	i;

	(void)state;
	for (i = 0; i < sizeof vectors / sizeof vectors[0]; i++) {
		sha256_hex(hex, vectors[i].in, strlen(vectors[i].in));
		assert_string_equal(hex, vectors[i].hex);
	}
}

static void
test_pieces(void **state)
{
	struct sha256	 s;
	char		 hex[65], *a;
	size_t		 n = 1000000, off = 0, step = 1;

	(void)state;
	a = malloc(n);
	assert_non_null(a);
	memset(a, 'a', n);
	sha256_init(&s);
	while (off < n) {
		size_t take = step < n - off ? step : n - off;

		sha256_update(&s, a + off, take);
		off += take;
		step = step % 131 + 7;
	}
	sha256_final(&s, hex);
	assert_string_equal(hex, "cdc76e5c9914fb9281a1c7e284d73e67"
	    "f1809a48a497200e046d39ccc7112cd0");
	sha256_hex(hex, a, 1000);
	assert_string_equal(hex, "41edece42d63e8d9bf515a9ba6932e1c"
	    "20cbc9f5a5d134645adb5db1b9737ea3");
	free(a);
}

static void
test_file(void **state)
{
	char	 path[] = "/tmp/test_sha256.XXXXXX", hex[65];
	int	 fd;

	(void)state;
	fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, "abc", 3), 3);
	close(fd);
	assert_int_equal(sha256_file(hex, path), 0);
	assert_string_equal(hex, vectors[1].hex);
	unlink(path);
	assert_int_equal(sha256_file(hex, path), NC_EIO);
	assert_non_null(strstr(error_last(), "test_sha256"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_vectors),
		cmocka_unit_test(test_pieces),
		cmocka_unit_test(test_file),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
