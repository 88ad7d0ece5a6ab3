/*
 * AES-256 encrypted zips through libzip (Debian's libzip-dev; its
 * zip_file_set_encryption() writes WinZip AES when built with a crypto
 * backend, which zipenc_write_dir() checks).  The zip is made in memory
 * and written with fileio_write_atomic(), so it appears whole or not at
 * all.
 */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <zip.h>

#include "buf.h"
#include "clock.h"
#include "dirtree.h"
#include "error.h"
#include "fileio.h"
#include "lazylib.h"
#include "zipenc.h"

int
zipenc_password_load(char **out, const char *file)
{
	struct stat	 sb;
	char		*pw = NULL;
	ssize_t		 n;
	size_t		 len = 0;
	int		 fd = -1, rc = NC_EINVALID;

	*out = NULL;
	if ((fd = open(file, O_RDONLY | O_NOCTTY)) == -1) {
		if (errno == ENOENT)
			return error_set(NC_EINVALID, "password file '%s' is "
			    "missing: write the password into a file only you "
			    "can read (chmod 600)", file);
		return error_sys(NC_EINVALID, "cannot read the password file "
		    "'%s'", file);
	}
	if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode)) {
		error_set(NC_EINVALID, "password file '%s' is not a regular "
		    "file", file);
		goto done;
	}
	if ((sb.st_mode & 044) != 0) {
		error_set(NC_EINVALID, "password file '%s' can be read by "
		    "others (mode %03o): make it private with 'chmod 600 %s' "
		    "and, since others could read it, choose a new password",
		    file, (unsigned)(sb.st_mode & 0777), file);
		goto done;
	}
	if ((sb.st_mode & 077) != 0) {
		error_set(NC_EINVALID, "password file '%s' can be written by "
		    "others (mode %03o): make it private with 'chmod 600 %s' "
		    "and, since others could read it, choose a new password",
		    file, (unsigned)(sb.st_mode & 0777), file);
		goto done;
	}
	if ((pw = calloc(1, ZIPENC_PASSWORD_MAX + 2)) == NULL) {
		rc = error_set(NC_ENOMEM, "out of memory");
		goto done;
	}
	while (len < ZIPENC_PASSWORD_MAX + 1 && (n = read(fd, pw + len,
	    ZIPENC_PASSWORD_MAX + 1 - len)) != 0) {
		if (n < 0) {
			if (errno == EINTR)
				continue;
			error_sys(NC_EIO, "cannot read the password file '%s'",
			    file);
			goto done;
		}
		len += (size_t)n;
	}
	/* The first line; a NUL ends it too. */
	if ((len = strcspn(pw, "\r\n")) > ZIPENC_PASSWORD_MAX) {
		error_set(NC_EINVALID, "password file '%s': the password is "
		    "longer than %d bytes", file, ZIPENC_PASSWORD_MAX);
		goto done;
	}
	pw[len] = '\0';
	if (pw[0] == '\0') {
		error_set(NC_EINVALID, "password file '%s' is empty: its first "
		    "line is the password", file);
		goto done;
	}
	*out = pw;
	pw = NULL;
	rc = 0;
done:
	zipenc_password_free(pw);
	close(fd);
	return rc;
}

void
zipenc_password_free(char *pw)
{
	if (pw == NULL)
		return;
	explicit_bzero(pw, ZIPENC_PASSWORD_MAX + 2);
	free(pw);
}

static int
zip_fail(zip_error_t *ze, const char *what)
{
	int	rc = error_set(NC_EIO, "cannot make the zip: %s: %s", what,
		    zip_error_strerror(ze));

	zip_error_fini(ze);
	return rc;
}

int
zipenc_write_dir(const char *zip_path, const char *dir, const char *password,
    size_t *nfiles)
{
	struct dirtree	 f = DIRTREE_INIT;
	struct buf	 path = BUF_INIT;
	zip_error_t	 ze;
	zip_source_t	*mem = NULL, *fs;
	zip_t		*za = NULL;
	zip_stat_t	 zs;
	zip_int64_t	 idx;
	unsigned char	*data = NULL;
	size_t		 i;
	int		 rc;

	if (nfiles != NULL)
		*nfiles = 0;
	/* libzip is loaded on first use (lazylib.h). */
	if ((rc = lazylib_load(&lazylib_libzip)) != 0)
		return rc;
	if (!zip_encryption_method_supported(ZIP_EM_AES_256, 1))
		return error_set(NC_EIO, "this libzip cannot write AES-256 "
		    "(built without a crypto library)");
	if ((rc = dirtree_list(&f, dir, 0)) != 0)
		goto done;
	if (f.n == 0) {
		rc = error_set(NC_EINVALID, "nothing to put in the zip");
		goto done;
	}
	zip_error_init(&ze);
	if ((mem = zip_source_buffer_create(NULL, 0, 0, &ze)) == NULL) {
		rc = zip_fail(&ze, "memory");
		goto done;
	}
	zip_source_keep(mem);
	if ((za = zip_open_from_source(mem, ZIP_TRUNCATE, &ze)) == NULL) {
		rc = zip_fail(&ze, "open");
		goto done;
	}
	for (i = 0; i < f.n; i++) {
		buf_reset(&path);
		buf_printf(&path, "%s/%s", dir, f.v[i]);
		if ((rc = buf_ok(&path)) != 0)
			goto done;
		if ((fs = zip_source_file(za, path.data, 0, -1)) == NULL) {
			rc = error_set(NC_EIO, "cannot make the zip: '%s': %s",
			    path.data, zip_strerror(za));
			goto done;
		}
		/* UTF-8 names: libzip sets general purpose bit 11. */
		if ((idx = zip_file_add(za, f.v[i], fs, ZIP_FL_ENC_UTF_8)) <
		    0) {
			zip_source_free(fs);
			rc = error_set(NC_EIO, "cannot make the zip: '%s': %s",
			    f.v[i], zip_strerror(za));
			goto done;
		}
		/* The one clock's time, not the files' (clock.h). */
		if (zip_file_set_mtime(za, (zip_uint64_t)idx, clock_time(),
		    0) != 0 || zip_file_set_encryption(za, (zip_uint64_t)idx,
		    ZIP_EM_AES_256, password) != 0) {
			rc = error_set(NC_EIO, "cannot encrypt '%s': %s",
			    f.v[i], zip_strerror(za));
			goto done;
		}
	}
	if (zip_close(za) != 0) {
		rc = error_set(NC_EIO, "cannot make the zip: %s",
		    zip_strerror(za));
		goto done;
	}
	za = NULL;
	if (zip_source_open(mem) != 0 || zip_source_stat(mem, &zs) != 0 ||
	    (zs.valid & ZIP_STAT_SIZE) == 0) {
		rc = error_set(NC_EIO, "cannot make the zip: %s",
		    zip_error_strerror(zip_source_error(mem)));
		goto done;
	}
	if ((data = malloc(zs.size + 1)) == NULL) {
		zip_source_close(mem);
		rc = error_set(NC_ENOMEM, "out of memory");
		goto done;
	}
	if (zip_source_read(mem, data, zs.size) != (zip_int64_t)zs.size) {
		zip_source_close(mem);
		rc = error_set(NC_EIO, "cannot make the zip: %s",
		    zip_error_strerror(zip_source_error(mem)));
		goto done;
	}
	zip_source_close(mem);
	if ((rc = fileio_write_atomic(zip_path, data, zs.size)) != 0)
		goto done;
	if (nfiles != NULL)
		*nfiles = f.n;
	rc = 0;
done:
	if (za != NULL)
		zip_discard(za);
	if (mem != NULL)
		zip_source_free(mem);
	free(data);
	buf_free(&path);
	dirtree_free(&f);
	return rc;
}
