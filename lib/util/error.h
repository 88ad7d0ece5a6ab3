/*
 * Error codes and the last error message.
 *
 * lib/ never prints and never exits: a function that fails returns one of
 * the negative codes below and leaves a message for the caller to read with
 * error_last() (libgit2's git_error_last()).  Only cmd/ talks to the user.
 */
#ifndef NCIO_ERROR_H
#define NCIO_ERROR_H

enum {
	NC_OK = 0,
	NC_ENOTFOUND = -1,	/* no such record, file or field */
	NC_EAMBIGUOUS = -2,	/* a prefix names several records */
	NC_EINVALID = -3,	/* bad input: syntax, value, argument */
	NC_ESCHEMA = -4,	/* a record does not follow its schema */
	NC_EIO = -5,		/* the system refused: open, write, rename */
	NC_ENOMEM = -6,		/* out of memory */
	NC_EEXISTS = -7,	/* refusing to overwrite */
	NC_ENODIR = -8,		/* no data directory found */
};

#ifdef __GNUC__
#define NC_PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#define NC_PRINTF(f, a)
#endif

/* Set the message and return code, so a caller can `return error_set(...)`. */
int		 error_set(int code, const char *fmt, ...) NC_PRINTF(2, 3);
/* Like error_set() with ": strerror(errno)" appended. */
int		 error_sys(int code, const char *fmt, ...) NC_PRINTF(2, 3);
const char	*error_last(void);
int		 error_code(void);
void		 error_clear(void);

#endif
