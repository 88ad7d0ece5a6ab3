/*
 * The bundle's manifest (4(3)イ): SHA-256 of every file, in the format of
 * sha256sum(1) so that the ward can check a copy with any tool, and the
 * check itself (report bundle --verify).
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "deliverable.h"
#include "dirtree.h"
#include "error.h"
#include "sha256.h"

static int
name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/*
 * The files the manifest lists: every file of the bundle but the
 * manifest itself.
 */
static int
list_files(struct dirtree *out, const char *dir)
{
	size_t	i;
	int	rc;

	if ((rc = dirtree_list(out, dir, DIRTREE_PLAIN_NAMES)) != 0)
		return rc;
	for (i = 0; i < out->n; i++)
		if (strcmp(out->v[i], MANIFEST_NAME) == 0) {
			free(out->v[i]);
			memmove(&out->v[i], &out->v[i + 1], (out->n - i - 1) *
			    sizeof *out->v);
			out->n--;
			break;
		}
	return 0;
}

static int
hash_of(char hex[65], const char *dir, const char *rel)
{
	struct buf	 path = BUF_INIT;
	int		 rc;

	buf_printf(&path, "%s/%s", dir, rel);
	if ((rc = buf_ok(&path)) == 0)
		rc = sha256_file(hex, path.data);
	buf_free(&path);
	return rc;
}

int
manifest_make(struct buf *out, const char *dir)
{
	struct dirtree	 nm = DIRTREE_INIT;
	char		 hex[65];
	size_t		 i;
	int		 rc;

	if ((rc = list_files(&nm, dir)) != 0)
		return rc;
	for (i = 0; i < nm.n && rc == 0; i++) {
		if ((rc = hash_of(hex, dir, nm.v[i])) == 0)
			buf_printf(out, "%s  %s\n", hex, nm.v[i]);
	}
	if (rc == 0)
		rc = buf_ok(out);
	dirtree_free(&nm);
	return rc;
}

/* One manifest line: 64 hex digits, two spaces (or " *"), a path. */
static int
parse_line(const char **hex, const char **path, char *line)
{
	size_t	i;

	for (i = 0; i < 64; i++)
		if (strchr("0123456789abcdef", line[i]) == NULL ||
		    line[i] == '\0')
			return -1;
	if (line[64] != ' ' || (line[65] != ' ' && line[65] != '*') ||
	    line[66] == '\0')
		return -1;
	line[64] = '\0';
	*hex = line;
	*path = line + 66;
	return 0;
}

int
manifest_verify(struct diags *d, const char *dir)
{
	struct buf	 man = BUF_INIT, mpath = BUF_INIT;
	struct dirtree	 nm = DIRTREE_INIT;
	char		*line, *next, hex[65], *seen = NULL, **hit;
	const char	*want, *path;
	unsigned	 lineno = 0;
	size_t		 i;
	int		 rc, problems = 0;

	buf_printf(&mpath, "%s/%s", dir, MANIFEST_NAME);
	if ((rc = buf_ok(&mpath)) != 0)
		goto done;
	if (buf_load(&man, mpath.data) != 0) {
		rc = error_set(NC_ENOTFOUND, "'%s' has no manifest %s: is it "
		    "a bundle?", dir, MANIFEST_NAME);
		goto done;
	}
	buf_putc(&man, '\0');
	if ((rc = buf_ok(&man)) != 0 || (rc = list_files(&nm, dir)) != 0)
		goto done;
	if (nm.n > 0 && (seen = calloc(nm.n, 1)) == NULL) {
		rc = error_set(NC_ENOMEM, "out of memory");
		goto done;
	}
	for (line = man.data; *line != '\0'; line = next) {
		lineno++;
		if ((next = strchr(line, '\n')) != NULL)
			*next++ = '\0';
		else
			next = line + strlen(line);
		if (*line == '\0')
			continue;
		if (parse_line(&want, &path, line) != 0) {
			rc = error_set(NC_EINVALID, "%s, line %u: expected 64 "
			    "hex digits, two spaces and a file name",
			    MANIFEST_NAME, lineno);
			goto done;
		}
		hit = nm.n > 0 ? bsearch(&path, nm.v, nm.n, sizeof *nm.v,
		    name_cmp) : NULL;
		if (hit == NULL) {
			diags_add(d, path, 0, 0, "missing");
			problems++;
			continue;
		}
		seen[hit - nm.v] = 1;
		if ((rc = hash_of(hex, dir, path)) != 0)
			goto done;
		if (strcmp(hex, want) != 0) {
			diags_add(d, path, 0, 0, "changed (SHA-256 %.12s..., "
			    "manifest %.12s...)", hex, want);
			problems++;
		}
	}
	for (i = 0; i < nm.n; i++) {
		if (!seen[i]) {
			diags_add(d, nm.v[i], 0, 0, "not in the manifest");
			problems++;
		}
	}
	rc = problems;
done:
	free(seen);
	dirtree_free(&nm);
	buf_free(&man);
	buf_free(&mpath);
	return rc;
}
