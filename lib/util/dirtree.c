/*
 * The files of a folder tree (dirtree.h).
 */
#include <sys/stat.h>

#include <dirent.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "dirtree.h"
#include "error.h"

static int
add(struct dirtree *t, const char *s)
{
	char	**nv;

	if (t->n == t->cap) {
		size_t cap = t->cap ? t->cap * 2 : 64;

		if ((nv = realloc(t->v, cap * sizeof *nv)) == NULL)
			return error_set(NC_ENOMEM, "out of memory");
		t->v = nv;
		t->cap = cap;
	}
	if ((t->v[t->n] = strdup(s)) == NULL)
		return error_set(NC_ENOMEM, "out of memory");
	t->n++;
	return 0;
}

/* Every regular file under top/rel, as paths relative to top. */
static int
walk(struct dirtree *t, const char *top, const char *rel, int flags)
{
	struct buf	 path = BUF_INIT, sub = BUF_INIT;
	struct dirent	*de;
	struct stat	 sb;
	DIR		*dp = NULL;
	int		 rc;

	buf_puts(&path, top);
	if (*rel != '\0')
		buf_printf(&path, "/%s", rel);
	if ((rc = buf_ok(&path)) != 0)
		goto done;
	if ((dp = opendir(path.data)) == NULL) {
		rc = error_sys(NC_EIO, "cannot read the folder '%s'",
		    path.data);
		goto done;
	}
	while (rc == 0 && (de = readdir(dp)) != NULL) {
		if (strcmp(de->d_name, ".") == 0 ||
		    strcmp(de->d_name, "..") == 0)
			continue;
		buf_reset(&sub);
		if (*rel != '\0')
			buf_printf(&sub, "%s/", rel);
		buf_puts(&sub, de->d_name);
		buf_reset(&path);
		buf_printf(&path, "%s/%s", top, sub.data);
		if ((rc = buf_ok(&sub)) != 0 || (rc = buf_ok(&path)) != 0)
			break;
		if ((flags & DIRTREE_PLAIN_NAMES) &&
		    strpbrk(de->d_name, "\n\r\\") != NULL) {
			rc = error_set(NC_EINVALID, "'%s': a file name with a "
			    "line break or a backslash cannot be listed",
			    sub.data);
			break;
		}
		if (lstat(path.data, &sb) != 0)
			rc = error_sys(NC_EIO, "cannot read '%s'", path.data);
		else if (S_ISDIR(sb.st_mode))
			rc = walk(t, top, sub.data, flags);
		else if (S_ISREG(sb.st_mode))
			rc = add(t, sub.data);
		else
			rc = error_set(NC_EINVALID, "'%s' is neither a file "
			    "nor a folder", sub.data);
	}
done:
	if (dp != NULL)
		closedir(dp);
	buf_free(&path);
	buf_free(&sub);
	return rc;
}

static int
cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int
dirtree_list(struct dirtree *t, const char *dir, int flags)
{
	int	rc;

	t->v = NULL;
	t->n = t->cap = 0;
	if ((rc = walk(t, dir, "", flags)) != 0) {
		dirtree_free(t);
		return rc;
	}
	if (t->n > 1)
		qsort(t->v, t->n, sizeof *t->v, cmp);
	return 0;
}

void
dirtree_free(struct dirtree *t)
{
	size_t	i;

	for (i = 0; i < t->n; i++)
		free(t->v[i]);
	free(t->v);
	t->v = NULL;
	t->n = t->cap = 0;
}
