/*
 * libzip, loaded on first use (lazylib.h): the AES-encrypted zips of
 * lib/util/zipenc.c.  Each line below is checked by the compiler against
 * the prototype in <zip.h>.
 */
#include <zip.h>

#include "lazylib.h"

#define LAZYLIB_THIS	lazylib_libzip

#define API(FN, VOID, VAR) \
	FN(int, zip_close, (zip_t *a0), (a0)) \
	VOID(zip_discard, (zip_t *a0), (a0)) \
	FN(int, zip_encryption_method_supported, (zip_uint16_t a0, int a1), \
	    (a0, a1)) \
	VOID(zip_error_fini, (zip_error_t *a0), (a0)) \
	VOID(zip_error_init, (zip_error_t *a0), (a0)) \
	FN(const char *, zip_error_strerror, (zip_error_t *a0), (a0)) \
	FN(zip_int64_t, zip_file_add, (zip_t *a0, const char *a1, \
	    zip_source_t *a2, zip_flags_t a3), (a0, a1, a2, a3)) \
	FN(int, zip_file_set_encryption, (zip_t *a0, zip_uint64_t a1, \
	    zip_uint16_t a2, const char *a3), (a0, a1, a2, a3)) \
	FN(int, zip_file_set_mtime, (zip_t *a0, zip_uint64_t a1, time_t a2, \
	    zip_flags_t a3), (a0, a1, a2, a3)) \
	FN(zip_t *, zip_open_from_source, (zip_source_t *a0, int a1, \
	    zip_error_t *a2), (a0, a1, a2)) \
	FN(zip_source_t *, zip_source_buffer_create, (const void *a0, \
	    zip_uint64_t a1, int a2, zip_error_t *a3), (a0, a1, a2, a3)) \
	FN(int, zip_source_close, (zip_source_t *a0), (a0)) \
	FN(zip_error_t *, zip_source_error, (zip_source_t *a0), (a0)) \
	FN(zip_source_t *, zip_source_file, (zip_t *a0, const char *a1, \
	    zip_uint64_t a2, zip_int64_t a3), (a0, a1, a2, a3)) \
	VOID(zip_source_free, (zip_source_t *a0), (a0)) \
	VOID(zip_source_keep, (zip_source_t *a0), (a0)) \
	FN(int, zip_source_open, (zip_source_t *a0), (a0)) \
	FN(zip_int64_t, zip_source_read, (zip_source_t *a0, void *a1, \
	    zip_uint64_t a2), (a0, a1, a2)) \
	FN(int, zip_source_stat, (zip_source_t *a0, zip_stat_t *a1), (a0, \
	    a1)) \
	FN(const char *, zip_strerror, (zip_t *a0), (a0))

LAZYLIB_DEFINE(API, "libzip", NCIO_LIBZIP_SONAME, "NCIO_LIBZIP")
