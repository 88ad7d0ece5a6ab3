/*
 * Diagnostics: problems found in files, each with a position, collected so
 * that lint can report every one of them and go on.  cmd/ prints them as
 * path:line:column: message.
 */
#ifndef NCIO_DIAG_H
#define NCIO_DIAG_H

#include <stddef.h>

#include "error.h"

struct diag {
	char		*path;
	unsigned	 line;	/* 1-based; 0 when the problem is the whole file */
	unsigned	 col;	/* 1-based; 0 when unknown */
	char		*msg;
};

struct diags {
	struct diag	*v;
	size_t		 n;
	size_t		 cap;
};

#define DIAGS_INIT { NULL, 0, 0 }

void	diags_add(struct diags *, const char *path, unsigned line, unsigned col,
	    const char *fmt, ...) NC_PRINTF(5, 6);
void	diags_sort(struct diags *);
void	diags_free(struct diags *);

#endif
