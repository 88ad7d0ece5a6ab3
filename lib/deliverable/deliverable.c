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
#include "dirtree.h"
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

static char *
named_dup(const char *s)
{
	return strdup(s != NULL ? s : "");
}

int
deliverable_named_load(struct deliverable_named *nm, struct store *st)
{
	const struct schema	*kind;
	struct reclist		 refs = RECLIST_INIT;
	struct record		*r;
	const struct node	*root;
	const char		*file;
	size_t			 i;
	int			 rc;

	if ((rc = store_kind(&kind, st, "deliverable")) != 0 ||
	    (rc = store_scan(&refs, st, kind, 0, NULL)) != 0)
		return rc;
	for (i = 0; i < refs.n && rc == 0; i++) {
		if (record_load(&r, st, &refs.v[i], NULL) != 0) {
			error_clear();
			continue;
		}
		root = record_root(r);
		file = node_get_str(root, "file");
		if (nm->n == nm->cap) {
			size_t	 c = nm->cap ? nm->cap * 2 : 16;
			char	**a = realloc(nm->forid, c * sizeof *a);

			if (a != NULL)
				nm->forid = a;
			if (a != NULL && (a = realloc(nm->file,
			    c * sizeof *a)) != NULL)
				nm->file = a;
			if (a != NULL && (a = realloc(nm->kind,
			    c * sizeof *a)) != NULL)
				nm->kind = a;
			if (a == NULL) {
				record_free(r);
				rc = error_set(NC_ENOMEM, "out of memory");
				break;
			}
			nm->cap = c;
		}
		nm->forid[nm->n] = named_dup(node_get_str(root, "for"));
		nm->file[nm->n] = named_dup(file);
		nm->kind[nm->n] = named_dup(node_get_str(root, "kind"));
		if (nm->forid[nm->n] == NULL || nm->file[nm->n] == NULL ||
		    nm->kind[nm->n] == NULL)
			rc = error_set(NC_ENOMEM, "out of memory");
		nm->n++;
		record_free(r);
	}
	reclist_free(&refs);
	return rc;
}

void
deliverable_named_free(struct deliverable_named *nm)
{
	size_t	i;

	for (i = 0; i < nm->n; i++) {
		free(nm->forid[i]);
		free(nm->file[i]);
		free(nm->kind[i]);
	}
	free(nm->forid);
	free(nm->file);
	free(nm->kind);
	memset(nm, 0, sizeof *nm);
}

static int
path_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Not a file of ours: a lock or owner file of an open document. */
static int
scratch_name(const char *rel)
{
	const char	*sl = strrchr(rel, '/');

	rel = sl != NULL ? sl + 1 : rel;
	return rel[0] == '.' || strncmp(rel, "~$", 2) == 0;
}

int
deliverable_unregistered(const struct deliverable_named *nm,
    struct store *st, void (*fn)(void *arg, const char *path), void *arg)
{
	struct dirtree	  t = DIRTREE_INIT;
	struct buf	  b = BUF_INIT;
	char		**reg = NULL, *dir, *key;
	size_t		  i;
	int		  rc = 0;

	if ((dir = store_path(st, "files")) == NULL)
		return error_set(NC_ENOMEM, "out of memory");
	if (access(dir, F_OK) != 0) {
		free(dir);
		return 0;
	}
	if ((rc = dirtree_list(&t, dir, 0)) != 0)
		goto done;
	if (nm->n > 0 && (reg = malloc(nm->n * sizeof *reg)) == NULL) {
		rc = error_set(NC_ENOMEM, "out of memory");
		goto done;
	}
	for (i = 0; i < nm->n; i++)
		reg[i] = nm->file[i];
	if (nm->n > 1)
		qsort(reg, nm->n, sizeof *reg, path_cmp);
	for (i = 0; i < t.n; i++) {
		if (scratch_name(t.v[i]))
			continue;
		buf_reset(&b);
		buf_printf(&b, "files/%s", t.v[i]);
		if ((rc = buf_ok(&b)) != 0)
			break;
		key = b.data;
		if (nm->n == 0 || bsearch(&key, reg, nm->n, sizeof *reg,
		    path_cmp) == NULL)
			fn(arg, b.data);
	}
done:
	dirtree_free(&t);
	buf_free(&b);
	free(reg);
	free(dir);
	return rc;
}

/* name is in the data directory, as given or under files/ */
static int
named_on_disk(struct store *st, const char *name)
{
	struct buf	 b = BUF_INIT;
	char		*p;
	int		 ok = 0;

	if ((p = store_path(st, name)) != NULL) {
		ok = access(p, F_OK) == 0;
		free(p);
	}
	buf_printf(&b, "files/%s", name);
	if (!ok && buf_ok(&b) == 0 && (p = store_path(st, b.data)) != NULL) {
		ok = access(p, F_OK) == 0;
		free(p);
	}
	buf_free(&b);
	return ok;
}

static int
named_registered(const struct deliverable_named *nm, const char *id,
    const char *name, int any_material)
{
	const char	*sl = strrchr(name, '/'), *base;
	size_t		 i;

	name = sl != NULL ? sl + 1 : name;
	for (i = 0; i < nm->n; i++) {
		sl = strrchr(nm->file[i], '/');
		base = sl != NULL ? sl + 1 : nm->file[i];
		if (strcmp(base, name) == 0)
			return 1;
		if (any_material && strcmp(nm->forid[i], id) == 0 &&
		    strcmp(nm->kind[i], "material") == 0)
			return 1;
	}
	return 0;
}

size_t
deliverable_named_missing(const struct deliverable_named *nm,
    struct store *st, const char *kind, const char *id,
    const struct node *root,
    void (*fn)(void *arg, const char *field, const char *name,
    const struct node *at), void *arg)
{
	const struct node	*l;
	const char		*s;
	size_t			 i, n = 0;

	if (kind == NULL || id == NULL)
		return 0;
	if (strcmp(kind, "training") == 0) {
		/* 教材 not yet due: made later, nothing missing */
		s = node_get_str(root, "status");
		if (node_get_str(root, "material_submitted") == NULL &&
		    (s == NULL || (strcmp(s, "held") != 0 &&
		    strcmp(s, "reported") != 0)))
			return 0;
		l = node_get(root, "materials");
		for (i = 0; l != NULL && l->kind == NODE_SEQ && i < l->n;
		    i++) {
			if (l->u.items[i]->kind != NODE_SCALAR)
				continue;
			s = l->u.items[i]->u.s.str;
			if (named_on_disk(st, s) ||
			    named_registered(nm, id, s, 1))
				continue;
			fn(arg, "materials", s, l->u.items[i]);
			n++;
		}
	} else if (strcmp(kind, "consult") == 0 &&
	    (s = node_get_str(root, "answer_file")) != NULL &&
	    !named_on_disk(st, s) && !named_registered(nm, id, s, 0)) {
		fn(arg, "answer_file", s, node_get(root, "answer_file"));
		n++;
	}
	return n;
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
