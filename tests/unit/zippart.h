/*
 * One part of a saved package (a .docx, .xlsx or .pptx), for the tests of
 * the writers: include after <cmocka.h> and <minizip/unzip.h>.
 */
#ifndef NCIO_TEST_ZIPPART_H
#define NCIO_TEST_ZIPPART_H

#include <stdlib.h>

/* The part name of path, NUL-terminated (free it); NULL if absent. */
static inline char *
part_of(const char *path, const char *name)
{
	unzFile		 uf;
	unz_file_info64	 fi;
	char		*p;
	int		 n;

	assert_non_null(uf = unzOpen64(path));
	if (unzLocateFile(uf, name, 1) != UNZ_OK) {
		unzClose(uf);
		return NULL;
	}
	assert_int_equal(unzGetCurrentFileInfo64(uf, &fi, NULL, 0, NULL, 0,
	    NULL, 0), UNZ_OK);
	assert_non_null(p = malloc(fi.uncompressed_size + 1));
	assert_int_equal(unzOpenCurrentFile(uf), UNZ_OK);
	n = unzReadCurrentFile(uf, p, (unsigned)fi.uncompressed_size);
	assert_int_equal(n, (int)fi.uncompressed_size);
	p[n] = '\0';
	unzCloseCurrentFile(uf);
	unzClose(uf);
	return p;
}

/* As part_of(), of a part that must be there. */
static inline char *
zip_part(const char *path, const char *name)
{
	char	*p;

	assert_non_null(p = part_of(path, name));
	return p;
}

#endif
