/*
 * Where the running program lives, for what is installed beside it: the
 * schemas, the shipped data and the message catalogues are found relative
 * to the binary (../share/... when installed), so an install under any
 * prefix -- /usr/local, ~/.local -- works without configuration.
 */
#ifndef NCIO_PROGDIR_H
#define NCIO_PROGDIR_H

/*
 * The directory holding the running program (from /proc/self/exe),
 * malloc'ed; NULL when it cannot be known.
 */
char	*progdir(void);
/*
 * "<program's directory>/<rel>" when that is a directory, malloc'ed;
 * NULL otherwise.  rel is "../share/nerima-cio/schemas", "locale" ...
 */
char	*progdir_find(const char *rel);

#endif
