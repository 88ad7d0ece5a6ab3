/*
 * The running program's directory: see progdir.h.
 */
#include <sys/stat.h>

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "progdir.h"

char *
progdir(void)
{
	char	 exe[PATH_MAX];
	char	*slash;
	ssize_t	 n;

	if ((n = readlink("/proc/self/exe", exe, sizeof exe - 1)) <= 0)
		return NULL;
	exe[n] = '\0';
	if ((slash = strrchr(exe, '/')) == NULL)
		return NULL;
	*slash = '\0';
	return strdup(exe);
}

char *
progdir_find(const char *rel)
{
	struct buf	 b = BUF_INIT;
	struct stat	 st;
	char		*dir;

	if ((dir = progdir()) == NULL)
		return NULL;
	buf_printf(&b, "%s/%s", dir, rel);
	free(dir);
	if (buf_ok(&b) != 0 || stat(b.data, &st) != 0 ||
	    !S_ISDIR(st.st_mode)) {
		buf_free(&b);
		return NULL;
	}
	return buf_detach(&b, NULL);
}
