/*
 * SHA-256 as 64 lower-case hex digits, of bytes or of a file.
 */
#ifndef NCIO_SHA256_H
#define NCIO_SHA256_H

#include <stddef.h>
#include <stdint.h>

/* The running state, for data that comes in pieces. */
struct sha256 {
	uint32_t	h[8];
	uint64_t	len;
	unsigned char	buf[64];
	size_t		nbuf;
};

void	sha256_init(struct sha256 *);
void	sha256_update(struct sha256 *, const void *data, size_t n);
void	sha256_final(struct sha256 *, char hex[65]);

void	sha256_hex(char hex[65], const void *data, size_t n);
/* NC_EIO with the message set when path cannot be read. */
int	sha256_file(char hex[65], const char *path);

#endif
