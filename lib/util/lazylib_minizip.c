/*
 * minizip, loaded on first use (lazylib.h): the OOXML packages written
 * by lib/office/opc.c and read by lib/io/xlsxread.c and lib/office/pptx.c
 * (with zlib, which it brings).  Each line below is checked by the
 * compiler against the prototypes in <minizip/zip.h> and <unzip.h>.
 */
#include <minizip/unzip.h>
#include <minizip/zip.h>

#include "lazylib.h"

#define LAZYLIB_THIS	lazylib_libminizip

#define API(FN, VOID, VAR) \
	FN(int, unzClose, (unzFile a0), (a0)) \
	FN(int, unzCloseCurrentFile, (unzFile a0), (a0)) \
	FN(int, unzGetCurrentFileInfo64, (unzFile a0, unz_file_info64 *a1, \
	    char *a2, uLong a3, void *a4, uLong a5, char *a6, uLong a7), \
	    (a0, a1, a2, a3, a4, a5, a6, a7)) \
	FN(int, unzGoToFirstFile, (unzFile a0), (a0)) \
	FN(int, unzGoToNextFile, (unzFile a0), (a0)) \
	FN(int, unzLocateFile, (unzFile a0, const char *a1, int a2), (a0, a1, \
	    a2)) \
	FN(unzFile, unzOpen2_64, (const void *a0, zlib_filefunc64_def *a1), \
	    (a0, a1)) \
	FN(unzFile, unzOpen64, (const void *a0), (a0)) \
	FN(int, unzOpenCurrentFile, (unzFile a0), (a0)) \
	FN(int, unzReadCurrentFile, (unzFile a0, voidp a1, unsigned a2), (a0, \
	    a1, a2)) \
	FN(int, zipClose, (zipFile a0, const char *a1), (a0, a1)) \
	FN(int, zipCloseFileInZip, (zipFile a0), (a0)) \
	FN(zipFile, zipOpen, (const char *a0, int a1), (a0, a1)) \
	FN(zipFile, zipOpen2, (const char *a0, int a1, zipcharpc *a2, \
	    zlib_filefunc_def *a3), (a0, a1, a2, a3)) \
	FN(int, zipOpenNewFileInZip, (zipFile a0, const char *a1, const \
	    zip_fileinfo *a2, const void *a3, uInt a4, const void *a5, uInt \
	    a6, const char *a7, int a8, int a9), (a0, a1, a2, a3, a4, a5, a6, \
	    a7, a8, a9)) \
	FN(int, zipWriteInFileInZip, (zipFile a0, const void *a1, unsigned \
	    a2), (a0, a1, a2))

LAZYLIB_DEFINE(API, "minizip", NCIO_LIBMINIZIP_SONAME, "NCIO_LIBMINIZIP")
