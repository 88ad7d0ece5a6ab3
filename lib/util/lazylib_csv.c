/*
 * libcsv, loaded on first use (lazylib.h): the CSV reader of
 * lib/io/csvread.c.  Each line below is checked by the compiler against
 * the prototype in <csv.h>.
 */
#include <csv.h>

#include "lazylib.h"

#define LAZYLIB_THIS	lazylib_libcsv

#define API(FN, VOID, VAR) \
	FN(int, csv_error, (struct csv_parser *a0), (a0)) \
	FN(int, csv_fini, (struct csv_parser *a0, void (*a1)(void *, size_t, \
	    void *), void (*a2)(int, void *), void *a3), (a0, a1, a2, a3)) \
	VOID(csv_free, (struct csv_parser *a0), (a0)) \
	FN(int, csv_init, (struct csv_parser *a0, unsigned char a1), (a0, \
	    a1)) \
	FN(size_t, csv_parse, (struct csv_parser *a0, const void *a1, size_t \
	    a2, void (*a3)(void *, size_t, void *), void (*a4)(int, void *), \
	    void *a5), (a0, a1, a2, a3, a4, a5)) \
	FN(char *, csv_strerror, (int a0), (a0))

LAZYLIB_DEFINE(API, "libcsv", NCIO_LIBCSV_SONAME, "NCIO_LIBCSV")
