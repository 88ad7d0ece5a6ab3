/*
 * Registering authored deliverables and checking them (4, 4(3)イ).
 */
#include <sys/stat.h>

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "cal.h"
#include "deliverable.h"
#include "error.h"
#include "node.h"
#include "record.h"
#include "schema.h"
#include "sha256.h"
#include "store.h"

int
deliverable_relpath(char **out, struct store *st, const char *file)
{
	char		*root = NULL, *real = NULL;
	struct stat	 sb;
	size_t		 n;
	int		 rc;

	*out = NULL;
	if ((root = realpath(store_root(st), NULL)) == NULL) {
		rc = error_sys(NC_EIO, "cannot resolve the data directory '%s'",
		    store_root(st));
		goto done;
	}
	if ((real = realpath(file, NULL)) == NULL) {
		rc = error_sys(errno == ENOENT ? NC_ENOTFOUND : NC_EIO,
		    "cannot find '%s'", file);
		goto done;
	}
	n = strlen(root);
	if (strncmp(real, root, n) != 0 || real[n] != '/') {
		rc = error_set(NC_EINVALID, "'%s' is outside the data directory "
		    "'%s'; copy it into the data directory (a folder such as "
		    "files/) and register the copy", file,
		    store_root(st));
		goto done;
	}
	if (stat(real, &sb) != 0 || !S_ISREG(sb.st_mode)) {
		rc = error_set(NC_EINVALID, "'%s' is not a regular file", file);
		goto done;
	}
	if ((*out = strdup(real + n + 1)) == NULL) {
		rc = error_set(NC_ENOMEM, "out of memory");
		goto done;
	}
	rc = 0;
done:
	free(root);
	free(real);
	return rc;
}

/* The deliverable registered for relpath, if any: its id in *out. */
static int
find_registered(char **out, struct store *st, const struct schema *kind,
    const char *relpath)
{
	struct reclist	 all = RECLIST_INIT;
	struct record	*r;
	const char	*file;
	size_t		 i;
	int		 rc;

	*out = NULL;
	if ((rc = store_scan(&all, st, kind, 0, NULL)) != 0)
		return rc;
	for (i = 0; i < all.n && *out == NULL; i++) {
		if (record_load(&r, st, &all.v[i], NULL) != 0)
			continue;
		file = node_get_str(record_root(r), "file");
		if (file != NULL && strcmp(file, relpath) == 0 &&
		    (*out = strdup(all.v[i].id)) == NULL)
			rc = error_set(NC_ENOMEM, "out of memory");
		record_free(r);
	}
	reclist_free(&all);
	return rc;
}

/* The file's name without folder and extension. */
static char *
base_title(const char *relpath)
{
	const char	*s = strrchr(relpath, '/'), *dot;

	s = s != NULL ? s + 1 : relpath;
	dot = strrchr(s, '.');
	if (dot == NULL || dot == s)
		return strdup(s);
	return strndup(s, (size_t)(dot - s));
}

int
deliverable_add(char **out_id, char **out_relpath, struct store *st,
    const struct deliverable_new *in, struct diags *d)
{
	const struct schema	*kind;
	struct ydoc		*doc = NULL;
	struct node		*root;
	struct stat		 sb;
	char			*rel = NULL, *title = NULL, *other = NULL;
	char			 hex[65], size[32], today[CAL_FMT_MAX];
	int			 rc, locked = 0;

	*out_id = *out_relpath = NULL;
	if ((rc = store_kind(&kind, st, "deliverable")) != 0)
		return rc;
	if ((rc = deliverable_relpath(&rel, st, in->file)) != 0)
		goto done;
	if ((rc = store_lock(st)) != 0)
		goto done;
	locked = 1;
	if ((rc = find_registered(&other, st, kind, rel)) != 0)
		goto done;
	if (other != NULL) {
		rc = error_set(NC_EEXISTS, "'%s' is registered already (%s)",
		    rel, other);
		goto done;
	}
	if ((rc = sha256_file(hex, in->file)) != 0)
		goto done;
	if (stat(in->file, &sb) != 0) {
		rc = error_sys(NC_EIO, "cannot read '%s'", in->file);
		goto done;
	}
	snprintf(size, sizeof size, "%lld", (long long)sb.st_size);
	if (in->title == NULL && (title = base_title(rel)) == NULL) {
		rc = error_set(NC_ENOMEM, "out of memory");
		goto done;
	}
	cal_format_iso(today, sizeof today, cal_today());
	if ((doc = ydoc_new()) == NULL || (root = node_map(doc)) == NULL) {
		rc = error_set(NC_ENOMEM, "out of memory");
		goto done;
	}
	ydoc_set_root(doc, root);
	if ((in->ref_no != NULL && (rc = node_map_set_str(doc, root,
	    "ref_no", in->ref_no)) != 0) ||
	    (rc = node_map_set_str(doc, root, "title", in->title != NULL ?
	    in->title : title)) != 0 ||
	    (rc = node_map_set_str(doc, root, "kind", in->kind)) != 0 ||
	    (rc = node_map_set_str(doc, root, "spec", in->spec)) != 0 ||
	    (rc = node_map_set_str(doc, root, "date", in->date != NULL ?
	    in->date : today)) != 0 ||
	    (in->for_id != NULL && (rc = node_map_set_str(doc, root, "for",
	    in->for_id)) != 0) ||
	    (rc = node_map_set_str(doc, root, "file", rel)) != 0 ||
	    (rc = node_map_set_str(doc, root, "sha256", hex)) != 0 ||
	    (rc = node_map_set_str(doc, root, "size", size)) != 0 ||
	    (in->author != NULL && (rc = node_map_set_str(doc, root,
	    "author", in->author)) != 0) ||
	    (in->note != NULL && (rc = node_map_set_str(doc, root, "note",
	    in->note)) != 0))
		goto done;
	rc = record_create(out_id, out_relpath, st, kind, doc, d);
done:
	if (locked)
		store_unlock(st);
	ydoc_free(doc);
	free(rel);
	free(title);
	free(other);
	return rc;
}

void
deliverable_lint(struct store *st, const struct schema *kind,
    const struct node *root, const char *relpath, struct diags *d)
{
	const char	*file, *want;
	char		*path, hex[65];

	if (kind == NULL || strcmp(schema_kind(kind), "deliverable") != 0 ||
	    (file = node_get_str(root, "file")) == NULL ||
	    (want = node_get_str(root, "sha256")) == NULL)
		return;
	if ((path = store_path(st, file)) == NULL)
		return;
	if (access(path, F_OK) != 0)
		diags_add(d, relpath, 0, 0, "the registered file '%s' is "
		    "missing", file);
	else if (sha256_file(hex, path) != 0)
		diags_add(d, relpath, 0, 0, "%s", error_last());
	else if (strcmp(hex, want) != 0)
		diags_add(d, relpath, 0, 0, "the registered file '%s' has "
		    "changed since it was registered (SHA-256 %.12s..., "
		    "registered %.12s...); register the new version", file,
		    hex, want);
	free(path);
}

int
deliverable_record_label(char **out, struct store *st, const char *id)
{
	struct recref	 ref = { NULL, NULL, NULL, 0 };
	struct record	*r = NULL;
	struct buf	 b = BUF_INIT;
	const char	*no, *title, *tf;
	int		 rc;

	*out = NULL;
	if ((rc = store_find(&ref, NULL, st, NULL, id)) != 0)
		return rc;
	if ((rc = record_load(&r, st, &ref, NULL)) != 0)
		goto done;
	tf = schema_title_field(r->kind);
	no = node_get_str(record_root(r), "ref_no");
	title = tf != NULL ? node_get_str(record_root(r), tf) : NULL;
	if (no != NULL)
		buf_puts(&b, no);
	if (no != NULL && title != NULL)
		buf_puts(&b, " ");
	if (title != NULL)
		buf_puts(&b, title);
	if (no == NULL && title == NULL)
		buf_puts(&b, schema_title(r->kind));
	if ((rc = buf_ok(&b)) != 0)
		goto done;
	*out = buf_detach(&b, NULL);
done:
	buf_free(&b);
	record_free(r);
	free(ref.id);
	free(ref.relpath);
	return rc;
}
