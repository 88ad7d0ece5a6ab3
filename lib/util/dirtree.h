/*
 * The files of a folder tree, for the zips and the manifest of a
 * delivered bundle: every regular file under a folder, as paths relative
 * to it ("2026/回答書.docx"), sorted bytewise so that whatever is made
 * from them comes out the same on every machine.
 */
#ifndef NCIO_DIRTREE_H
#define NCIO_DIRTREE_H

#include <stddef.h>

struct dirtree {
	char	**v;		/* the relative paths, sorted */
	size_t	  n, cap;
};

#define DIRTREE_INIT	{ NULL, 0, 0 }

/*
 * Refuse a name with a line break or a backslash (NC_EINVALID), which a
 * line-based list such as sha256sum(1)'s could not hold.
 */
#define DIRTREE_PLAIN_NAMES	0x01

/*
 * Every regular file under dir, its folders walked.  Anything else (a
 * symbolic link, a device, a socket) is refused with NC_EINVALID naming
 * it, never skipped: what is delivered is exactly what is listed.
 * NC_EIO when a folder or an entry cannot be read.  On error, t holds
 * nothing.
 */
int	dirtree_list(struct dirtree *t, const char *dir, int flags);
void	dirtree_free(struct dirtree *);

#endif
