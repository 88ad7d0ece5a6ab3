/*
 * Protected attachments (3(3)イ(エ)): a zip whose every file is encrypted
 * with WinZip AES-256 (not the broken ZipCrypto), names in UTF-8 (general
 * purpose bit 11), so 7-Zip, Windows with 7-Zip and the like open it with
 * the password sent by another channel.
 */
#ifndef NCIO_ZIPENC_H
#define NCIO_ZIPENC_H

#include <stddef.h>

/* The longest password a password file may hold, in bytes. */
#define ZIPENC_PASSWORD_MAX	1024

/*
 * Read the password from file: its first line, without the line break.
 * Refused (NC_EINVALID, the message says why and how to fix it) when the
 * file is missing, not a regular file, readable or writable by group or
 * others, empty or longer than ZIPENC_PASSWORD_MAX.  *out is the caller's,
 * to be given back with zipenc_password_free() as soon as it is used.
 */
int	zipenc_password_load(char **out, const char *file);
/* Wipe (explicit_bzero) and free; NULL is a no-op. */
void	zipenc_password_free(char *);

/*
 * Write zip_path, atomically (fileio.h), holding every regular file under
 * dir by its path relative to dir, in byte order, each AES-256 encrypted
 * with password.  *nfiles, when not NULL, receives how many.  NC_EINVALID
 * when dir holds no file.
 */
int	zipenc_write_dir(const char *zip_path, const char *dir,
	    const char *password, size_t *nfiles);

#endif
