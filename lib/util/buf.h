/*
 * Growable byte buffer.  Allocation failure is sticky: every append after
 * it is a no-op and buf_ok() reports it once, so callers check at the end.
 * data is NUL-terminated whenever it is not NULL.
 */
#ifndef NCIO_BUF_H
#define NCIO_BUF_H

#include <stdarg.h>
#include <stddef.h>

#include "error.h"

struct buf {
	char	*data;
	size_t	 len;
	size_t	 cap;
	int	 failed;
};

#define BUF_INIT { NULL, 0, 0, 0 }

void	 buf_init(struct buf *);
void	 buf_free(struct buf *);
void	 buf_reset(struct buf *);
int	 buf_grow(struct buf *, size_t);
void	 buf_add(struct buf *, const void *, size_t);
void	 buf_puts(struct buf *, const char *);
void	 buf_putc(struct buf *, int);
void	 buf_printf(struct buf *, const char *, ...) NC_PRINTF(2, 3);
void	 buf_vprintf(struct buf *, const char *, va_list) NC_PRINTF(2, 0);
/* 0, or NC_ENOMEM with the message set. */
int	 buf_ok(const struct buf *);
/*
 * Replace the contents with the whole file at path: NC_ENOTFOUND when it
 * does not exist, NC_EIO when it cannot be read.
 */
int	 buf_load(struct buf *, const char *path);
/* Hand the bytes to the caller (never NULL unless failed); the buffer is reset. */
char	*buf_detach(struct buf *, size_t *);

#endif
