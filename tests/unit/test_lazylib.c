/*
 * Libraries loaded on first use (lib/util/lazylib.h): a library that
 * cannot be loaded, or lacks a function, is an error naming it, from the
 * modules' entry points as from lazylib_load(), never a crash; a stub
 * called without the library does nothing and returns zero; once the
 * library can be loaded the same stubs reach it.
 *
 * The tests run in order: the first ones point NCIO_LIBXML2,
 * NCIO_LIBXLSXWRITER and NCIO_LIBZIP at a file that does not exist, the
 * last one clears them, and a loaded library stays loaded.
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
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <xlsxwriter.h>

#include "error.h"
#include "lazylib.h"
#include "pptx.h"
#include "xlsx.h"
#include "xlsxread.h"
#include "zipenc.h"

#define MISSING	"libncio-missing-test.so.0"

static const char	*envs[] = { "NCIO_LIBXML2", "NCIO_LIBXLSXWRITER",
			    "NCIO_LIBZIP" };

static void
expect_load_error(int rc, const char *lib)
{
	assert_int_equal(rc, NC_EIO);
	assert_non_null(strstr(error_last(), "cannot load "));
	assert_non_null(strstr(error_last(), lib));
	assert_non_null(strstr(error_last(), MISSING));
}

static void
test_missing(void **state)
{
	struct xlsxread	*xr = NULL;
	struct pptx	*p = NULL;
	struct xlsx	*x = NULL;
	char		 dir[] = "/tmp/test_lazylib.XXXXXX", path[64];
	size_t		 i;

	(void)state;
	for (i = 0; i < sizeof envs / sizeof envs[0]; i++)
		assert_int_equal(setenv(envs[i], MISSING, 1), 0);
	expect_load_error(lazylib_load(&lazylib_libxml2), "libxml2");
	/* Not remembered: the same error again, not a crash. */
	expect_load_error(lazylib_load(&lazylib_libxml2), "libxml2");
	expect_load_error(lazylib_load(&lazylib_libxlsxwriter),
	    "libxlsxwriter");
	expect_load_error(lazylib_load(&lazylib_libzip), "libzip");

	/* The modules' entry points say so. */
	expect_load_error(xlsxread_open_mem(&xr, "PK\3\4", 4, "a.xlsx", NULL),
	    "libxml2");
	assert_null(xr);
	expect_load_error(pptx_new(&p, NULL, NULL), "libxml2");
	assert_null(p);
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/a.xlsx", dir);
	expect_load_error(xlsx_new(&x, path, NULL), "libxlsxwriter");
	assert_null(x);
	assert_int_equal(access(path, F_OK), -1);
	snprintf(path, sizeof path, "%s/a.zip", dir);
	expect_load_error(zipenc_write_dir(path, dir, "pw", NULL), "libzip");
	assert_int_equal(access(path, F_OK), -1);
	assert_int_equal(rmdir(dir), 0);

	/* A stub without its library: nothing done, zero returned. */
	xmlFreeDoc(NULL);
	xmlFree(NULL);
	assert_null(xmlReadMemory("<a/>", 4, NULL, NULL, 0));
	assert_null(workbook_new("/nonexistent/a.xlsx"));
}

static void
test_missing_symbol(void **state)
{
	static const char *const	 syms[] = { "zlibVersion",
					    "ncio_no_such_function", NULL };
	void				*addr[2];
	struct lazylib			 z = { "zlib", "libz.so.1",
					    "NCIO_TEST_LIBZ", syms, addr,
					    NULL };

	(void)state;
	unsetenv("NCIO_TEST_LIBZ");
	assert_int_equal(lazylib_load(&z), NC_EIO);
	assert_non_null(strstr(error_last(), "zlib"));
	assert_non_null(strstr(error_last(), "ncio_no_such_function"));
	assert_null(z.handle);
}

static void
test_loaded(void **state)
{
	xmlDocPtr	 doc;
	xmlChar		*s;
	size_t		 i;

	(void)state;
	for (i = 0; i < sizeof envs / sizeof envs[0]; i++)
		assert_int_equal(unsetenv(envs[i]), 0);
	assert_int_equal(lazylib_load(&lazylib_libxml2), 0);
	assert_int_equal(lazylib_load(&lazylib_libxml2), 0);
	assert_int_equal(lazylib_load(&lazylib_libxlsxwriter), 0);
	assert_int_equal(lazylib_load(&lazylib_libzip), 0);
	doc = xmlReadMemory("<a>x&amp;y</a>", 14, NULL, NULL, XML_PARSE_NONET);
	assert_non_null(doc);
	s = xmlNodeGetContent(xmlDocGetRootElement(doc));
	assert_string_equal((const char *)s, "x&y");
	xmlFree(s);
	xmlFreeDoc(doc);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_missing),
		cmocka_unit_test(test_missing_symbol),
		cmocka_unit_test(test_loaded),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
