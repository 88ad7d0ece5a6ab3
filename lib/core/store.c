/*
 * The data directory: discovery, schemas, scanning, ids, atomic writes,
 * the lock.
 */
#include <sys/types.h>
#include <sys/file.h>
#include <sys/random.h>
#include <sys/stat.h>

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "fileio.h"
#include "progdir.h"
#include "refdata.h"
#include "store.h"

#ifndef NCIO_SCHEMA_DIR
#define NCIO_SCHEMA_DIR "/usr/local/share/nerima-cio/schemas"
#endif
#ifndef NCIO_SOURCE_SCHEMA_DIR
#define NCIO_SOURCE_SCHEMA_DIR NCIO_SCHEMA_DIR
#endif

/* Lower-case Crockford base32: no i, l, o, u to misread. */
static const char id_alphabet[] = "0123456789abcdefghjkmnpqrstvwxyz";
#define ID_CHARS	8

struct store {
	char			*root;
	int			 lockfd;
	int			 locked;
	struct schemaset	*schemas;
	struct refdata		*ref;		/* config and orgs, on first use */
	int			 cleaned;	/* leftovers removed once */
	int			 batch;		/* nested write batches */
	unsigned		 batchid;	/* the outermost one's number */
	void			*cache;		/* the record layer's checker */
	void			(*cache_free)(void *);
};

static int
is_dir(const char *path)
{
	struct stat	st;

	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static int
has_marker(const char *dir)
{
	struct buf	p = BUF_INIT;
	struct stat	st;
	int		found;

	buf_printf(&p, "%s/%s", dir, STORE_MARKER);
	found = buf_ok(&p) == 0 && stat(p.data, &st) == 0 &&
	    S_ISREG(st.st_mode);
	buf_free(&p);
	return found;
}

static int
store_new(struct store **out, const char *root)
{
	struct store	*st;

	if ((st = calloc(1, sizeof *st)) == NULL ||
	    (st->root = realpath(root, NULL)) == NULL) {
		int rc = st == NULL ? error_set(NC_ENOMEM, "out of memory") :
		    error_sys(NC_EIO, "cannot resolve '%s'", root);
		free(st);
		return rc;
	}
	st->lockfd = -1;
	*out = st;
	return 0;
}

int
store_open(struct store **out, const char *dir)
{
	const char	*from = "";
	char		*cwd, *p;
	int		 rc;

	*out = NULL;
	if (dir == NULL || *dir == '\0') {
		/* Name the variable: the user may not remember setting it. */
		dir = getenv("NERIMA_CIO_DIR");
		from = "NERIMA_CIO_DIR=";
	}
	if (dir != NULL && *dir != '\0') {
		if (!is_dir(dir))
			return error_set(NC_ENODIR, "%s'%s' is not a directory",
			    from, dir);
		if (!has_marker(dir))
			return error_set(NC_ENODIR, "%s'%s' is not a nerima-cio"
			    " data directory (no %s)", from, dir, STORE_MARKER);
		return store_new(out, dir);
	}
	if ((cwd = getcwd(NULL, 0)) == NULL)
		return error_sys(NC_EIO, "cannot get the current directory");
	for (;;) {
		if (has_marker(cwd)) {
			rc = store_new(out, cwd);
			free(cwd);
			return rc;
		}
		if ((p = strrchr(cwd, '/')) == NULL || p == cwd) {
			if (p == cwd && cwd[1] != '\0') {
				cwd[1] = '\0';
				continue;
			}
			break;
		}
		*p = '\0';
	}
	free(cwd);
	return error_set(NC_ENODIR, "not in a nerima-cio data directory"
	    " (no %s here or in any parent)", STORE_MARKER);
}

void
store_free(struct store *st)
{
	if (st == NULL)
		return;
	if (st->locked > 0) {
		st->locked = 1;
		store_unlock(st);
	}
	if (st->lockfd != -1)
		close(st->lockfd);
	if (st->cache_free != NULL)
		st->cache_free(st->cache);
	schemaset_free(st->schemas);
	refdata_free(st->ref);
	free(st->root);
	free(st);
}

void *
store_cache(const struct store *st)
{
	return st->cache;
}

void
store_set_cache(struct store *st, void *p, void (*free_fn)(void *))
{
	if (st->cache_free != NULL && st->cache != p)
		st->cache_free(st->cache);
	st->cache = p;
	st->cache_free = free_fn;
}

const char *
store_root(const struct store *st)
{
	return st->root;
}

/*
 * Joined by hand: a listing makes one for every file it reads, and
 * vsnprintf() twice (buf_printf()) was 4 % of `list checklist`'s
 * instructions (issue 15).
 */
char *
store_path(const struct store *st, const char *rel)
{
	size_t	 rl = strlen(st->root), n = strlen(rel);
	char	*p;

	if ((p = malloc(rl + n + 2)) == NULL) {
		error_set(NC_ENOMEM, "out of memory");
		return NULL;
	}
	memcpy(p, st->root, rl);
	p[rl] = '/';
	memcpy(p + rl + 1, rel, n + 1);
	return p;
}

int
store_lock(struct store *st)
{
	char	*path;
	int	 rc;

	if (st->locked > 0) {
		st->locked++;
		return 0;
	}
	if (st->lockfd == -1) {
		if ((path = store_path(st, STORE_LOCK)) == NULL)
			return NC_ENOMEM;
		st->lockfd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0666);
		if (st->lockfd == -1) {
			rc = error_sys(NC_EIO, "cannot open lock '%s'", path);
			free(path);
			return rc;
		}
		free(path);
	}
	while (flock(st->lockfd, LOCK_EX) == -1) {
		if (errno != EINTR)
			return error_sys(NC_EIO, "cannot lock the data"
			    " directory");
	}
	st->locked = 1;
	return 0;
}

void
store_unlock(struct store *st)
{
	if (st != NULL && st->locked > 0 && --st->locked == 0)
		flock(st->lockfd, LOCK_UN);
}

int
store_batch_begin(struct store *st)
{
	int	rc;

	if ((rc = store_lock(st)) != 0)
		return rc;
	if (st->batch++ == 0 && ++st->batchid == 0)
		st->batchid = 1;
	return 0;
}

void
store_batch_end(struct store *st)
{
	if (st != NULL && st->batch > 0) {
		st->batch--;
		store_unlock(st);
	}
}

unsigned
store_batch(const struct store *st)
{
	return st->batch > 0 ? st->batchid : 0;
}

/*
 * Whether this program runs from the build tree it was built in; only
 * then do the source tree's schemas come before the installed prefix's.
 */
static int
in_build_tree(void)
{
#ifdef NCIO_BUILD_DIR
	char	*dir = progdir();
	size_t	 len = strlen(NCIO_BUILD_DIR);
	int	 yes;

	yes = dir != NULL && strncmp(dir, NCIO_BUILD_DIR, len) == 0 &&
	    (dir[len] == '/' || dir[len] == '\0');
	free(dir);
	return yes;
#else
	return 0;
#endif
}

/* The schema files listed, none parsed yet (schemaset_need()). */
static int
schemas_open(struct store *st)
{
	const char	*dirs[2];
	char		*exe = NULL, *own = NULL;
	const char	*env;
	int		 rc;

	if (st->schemas != NULL)
		return 0;
	if ((env = getenv("NCIO_SCHEMA_PATH")) != NULL && *env != '\0')
		dirs[0] = env;
	else if ((exe = progdir_find("../share/nerima-cio/schemas")) != NULL)
		dirs[0] = exe;
	else if (!in_build_tree() && is_dir(NCIO_SCHEMA_DIR))
		dirs[0] = NCIO_SCHEMA_DIR;
	else if (is_dir(NCIO_SOURCE_SCHEMA_DIR))
		dirs[0] = NCIO_SOURCE_SCHEMA_DIR;
	else
		dirs[0] = NCIO_SCHEMA_DIR;
	if ((own = store_path(st, "schemas")) == NULL) {
		free(exe);
		return NC_ENOMEM;
	}
	dirs[1] = own;
	rc = schemaset_open(&st->schemas, dirs, 2);
	free(exe);
	free(own);
	return rc;
}

/*
 * Parse what kind (NULL: everything) needs.  The set is kept after a
 * failure (which every later call repeats): kinds found before may still
 * be in use.
 */
static int
schemas_need(struct store *st, const char *kind, struct diags *d)
{
	int	rc;

	if ((rc = schemas_open(st)) != 0)
		return rc;
	return schemaset_need(st->schemas, kind, d);
}

int
store_schemas(const struct schemaset **out, struct store *st, struct diags *d)
{
	int	rc;

	*out = NULL;
	if ((rc = schemas_need(st, NULL, d)) == 0)
		*out = st->schemas;
	return rc;
}

int
store_kind(const struct schema **out, struct store *st, const char *kind)
{
	const struct schemaset	*set;
	const struct schema	*s;
	struct buf		 known = BUF_INIT;
	size_t			 i;
	int			 rc;

	*out = NULL;
	if ((rc = schemas_need(st, kind, NULL)) != 0)
		return rc;
	s = schemaset_kind(st->schemas, kind);
	if (s != NULL && schema_dir(s) != NULL) {
		*out = s;
		return 0;
	}
	if ((rc = store_schemas(&set, st, NULL)) != 0)
		return rc;
	for (i = 0; i < schemaset_nkinds(set); i++) {
		buf_puts(&known, i ? ", " : "");
		buf_puts(&known, schema_kind(schemaset_kind_at(set, i)));
	}
	rc = error_set(NC_ENOTFOUND, "unknown record kind '%s'; kinds: %s",
	    kind, known.data != NULL ? known.data : "(none)");
	buf_free(&known);
	return rc;
}

int
store_id_valid(const struct schema *kind, const char *s)
{
	const char	*prefix = schema_id_prefix(kind);
	size_t		 plen = strlen(prefix), i;

	if (strncmp(s, prefix, plen) != 0 || s[plen] != '-' ||
	    strlen(s + plen + 1) != ID_CHARS)
		return 0;
	for (i = 0; i < ID_CHARS; i++) {
		if (s[plen + 1 + i] == '\0' ||
		    strchr(id_alphabet, s[plen + 1 + i]) == NULL)
			return 0;
	}
	return 1;
}

void
reclist_free(struct reclist *l)
{
	size_t	i;

	for (i = 0; i < l->n; i++) {
		free(l->v[i].id);
		free(l->v[i].relpath);
	}
	free(l->v);
	l->v = NULL;
	l->n = l->cap = 0;
}

static int
reclist_add(struct reclist *l, const char *id, size_t idlen,
    const char *relpath, const struct schema *kind, int fy)
{
	struct recref	*v;

	if (l->n == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 64;
		if ((v = realloc(l->v, cap * sizeof *v)) == NULL)
			return error_set(NC_ENOMEM, "out of memory");
		l->v = v;
		l->cap = cap;
	}
	v = &l->v[l->n];
	v->id = strndup(id, idlen);
	v->relpath = strdup(relpath);
	if (v->id == NULL || v->relpath == NULL) {
		free(v->id);
		free(v->relpath);
		return error_set(NC_ENOMEM, "out of memory");
	}
	v->kind = kind;
	v->fy = fy;
	l->n++;
	return 0;
}

static int
recref_cmp(const void *a, const void *b)
{
	const struct recref	*x = a, *y = b;

	return strcmp(x->relpath, y->relpath);
}

static int
year_name(const char *s)
{
	int	i, y = 0;

	for (i = 0; i < 4; i++) {
		if (!isdigit((unsigned char)s[i]))
			return 0;
		y = y * 10 + (s[i] - '0');
	}
	return s[4] == '\0' && y >= 2000 && y <= 2099 ? y : 0;
}

static int
scan_year(struct reclist *out, struct store *st, const struct schema *kind,
    int fy, struct diags *d)
{
	struct buf	 rel = BUF_INIT, full = BUF_INIT;
	DIR		*dp;
	struct dirent	*de;
	size_t		 len, base;
	int		 rc = 0;

	buf_printf(&rel, "%s/%d", schema_dir(kind), fy);
	buf_printf(&full, "%s/%s", st->root, rel.data);
	if ((rc = buf_ok(&rel)) != 0 || (rc = buf_ok(&full)) != 0)
		goto done;
	if ((dp = opendir(full.data)) == NULL) {
		if (errno != ENOENT && errno != ENOTDIR)
			rc = error_sys(NC_EIO, "cannot read '%s'", rel.data);
		goto done;
	}
	base = rel.len;
	while (rc == 0 && (de = readdir(dp)) != NULL) {
		if (de->d_name[0] == '.')
			continue;
		len = strlen(de->d_name);
		/* Not buf_printf(): thousands of names per command. */
		rel.len = base;
		buf_putc(&rel, '/');
		buf_add(&rel, de->d_name, len);
		if ((rc = buf_ok(&rel)) != 0)
			break;
		if (len < 6 || strcmp(de->d_name + len - 5, ".yaml") != 0) {
			/*
			 * Temporaries are not records; those left by an
			 * interrupted write are store_stale_temps()'s.
			 */
			if (!fileio_tmp_name(de->d_name))
				diags_add(d, rel.data, 0, 0, "not a record file"
				    " (expected <id>.yaml); move it out of the"
				    " record folders");
			continue;
		}
		de->d_name[len - 5] = '\0';
		if (!store_id_valid(kind, de->d_name)) {
			diags_add(d, rel.data, 0, 0, "file name is not an id of kind %s"
			    " (%s-xxxxxxxx.yaml); it is not read as a record",
			    schema_kind(kind), schema_id_prefix(kind));
			continue;
		}
		rc = reclist_add(out, de->d_name, len - 5, rel.data, kind, fy);
	}
	closedir(dp);
done:
	buf_free(&rel);
	buf_free(&full);
	return rc;
}

static int
scan_kind(struct reclist *out, struct store *st, const struct schema *kind,
    int fy, struct diags *d)
{
	struct buf	 full = BUF_INIT;
	DIR		*dp;
	struct dirent	*de;
	int		 rc = 0, y;

	if (fy != 0)
		return scan_year(out, st, kind, fy, d);
	buf_printf(&full, "%s/%s", st->root, schema_dir(kind));
	if ((rc = buf_ok(&full)) != 0)
		return rc;
	if ((dp = opendir(full.data)) == NULL) {
		if (errno != ENOENT && errno != ENOTDIR)
			rc = error_sys(NC_EIO, "cannot read '%s'",
			    schema_dir(kind));
		buf_free(&full);
		return rc;
	}
	while (rc == 0 && (de = readdir(dp)) != NULL) {
		if (de->d_name[0] == '.')
			continue;
		if ((y = year_name(de->d_name)) == 0) {
			diags_add(d, schema_dir(kind), 0, 0, "'%s' is not a"
			    " fiscal-year folder (expected e.g. 2026); its files"
			    " are not read as records", de->d_name);
			continue;
		}
		rc = scan_year(out, st, kind, y, d);
	}
	closedir(dp);
	buf_free(&full);
	return rc;
}

int
store_scan(struct reclist *out, struct store *st, const struct schema *kind,
    int fy, struct diags *d)
{
	const struct schemaset	*set;
	size_t			 i;
	int			 rc;

	/* One kind's scan needs no other kind's schema. */
	if (kind != NULL)
		rc = scan_kind(out, st, kind, fy, d);
	else if ((rc = store_schemas(&set, st, NULL)) != 0)
		return rc;
	for (i = 0; kind == NULL && rc == 0 && i < schemaset_nkinds(set); i++)
		rc = scan_kind(out, st, schemaset_kind_at(set, i), fy, d);
	if (rc == 0 && out->n > 1)
		qsort(out->v, out->n, sizeof *out->v, recref_cmp);
	return rc;
}

int
store_find(struct recref *out, struct reclist *matches, struct store *st,
    const struct schema *kind, const char *prefix)
{
	struct reclist	 all = RECLIST_INIT;
	const char	*dash;
	size_t		 i, plen = strlen(prefix);
	int		 rc, found = -1, n = 0;

	memset(out, 0, sizeof *out);
	if (plen == 0)
		return error_set(NC_EINVALID, "empty id");
	if ((rc = store_scan(&all, st, kind, 0, NULL)) != 0)
		return rc;
	for (i = 0; i < all.n; i++) {
		dash = strchr(all.v[i].id, '-');
		if (strncmp(all.v[i].id, prefix, plen) == 0 ||
		    (dash != NULL && strncmp(dash + 1, prefix, plen) == 0)) {
			if (strcmp(all.v[i].id, prefix) == 0) {
				/* An exact id wins over longer ones. */
				found = (int)i;
				n = 1;
				break;
			}
			found = (int)i;
			n++;
		}
	}
	if (n == 0 && kind != NULL) {
		rc = error_set(NC_ENOTFOUND, "no %s record with id '%s'",
		    schema_kind(kind), prefix);
	} else if (n == 0) {
		rc = error_set(NC_ENOTFOUND, "no record with id '%s'", prefix);
	} else if (n == 1) {
		*out = all.v[found];
		all.v[found].id = NULL;
		all.v[found].relpath = NULL;
	} else {
		rc = error_set(NC_EAMBIGUOUS, "id prefix '%s' is ambiguous:"
		    " %d records match", prefix, n);
		for (i = 0; matches != NULL && i < all.n; i++) {
			dash = strchr(all.v[i].id, '-');
			if (strncmp(all.v[i].id, prefix, plen) != 0 &&
			    (dash == NULL ||
			    strncmp(dash + 1, prefix, plen) != 0))
				continue;
			if (reclist_add(matches, all.v[i].id,
			    strlen(all.v[i].id), all.v[i].relpath,
			    all.v[i].kind, all.v[i].fy) != 0)
				break;
		}
	}
	reclist_free(&all);
	return rc;
}

/* Whether id is among the records listed (all of the kind). */
static int
listed(void *arg, const char *id)
{
	const struct reclist	*all = arg;
	size_t			 i;

	for (i = 0; i < all->n; i++)
		if (strcmp(all->v[i].id, id) == 0)
			return 1;
	return 0;
}

int
store_new_id_unless(char **out, struct store *st, const struct schema *kind,
    int (*taken)(void *, const char *), void *arg)
{
	unsigned char	 rnd[ID_CHARS];
	char		 id[64];
	size_t		 plen, i;
	int		 rc = 0, tries;

	*out = NULL;
	plen = strlen(schema_id_prefix(kind));
	if (plen > 16)
		return error_set(NC_EINVALID, "id prefix too long");
	for (tries = 0; tries < 100; tries++) {
		if (getrandom(rnd, sizeof rnd, 0) != (ssize_t)sizeof rnd) {
			rc = error_sys(NC_EIO, "cannot get random bytes");
			break;
		}
		memcpy(id, schema_id_prefix(kind), plen);
		id[plen] = '-';
		for (i = 0; i < ID_CHARS; i++)
			id[plen + 1 + i] = id_alphabet[rnd[i] & 31];
		id[plen + 1 + ID_CHARS] = '\0';
		if (!taken(arg, id)) {
			if ((*out = strdup(id)) == NULL)
				rc = error_set(NC_ENOMEM, "out of memory");
			break;
		}
	}
	if (rc == 0 && *out == NULL)
		rc = error_set(NC_EIO, "cannot find a free id");
	(void)st;
	return rc;
}

int
store_new_id(char **out, struct store *st, const struct schema *kind)
{
	struct reclist	 all = RECLIST_INIT;
	int		 rc;

	*out = NULL;
	if (strlen(schema_id_prefix(kind)) > 16)
		return error_set(NC_EINVALID, "id prefix too long");
	if ((rc = store_scan(&all, st, kind, 0, NULL)) != 0)
		return rc;
	rc = store_new_id_unless(out, st, kind, listed, &all);
	reclist_free(&all);
	return rc;
}

int
store_refdata(const struct refdata **out, struct store *st)
{
	int	rc;

	*out = NULL;
	if (st->ref == NULL && (rc = refdata_load(&st->ref, st->root)) != 0)
		return rc;
	*out = st->ref;
	return 0;
}

int
store_org(const char **name, const char **dept, struct store *st,
    const char *code)
{
	const struct refdata		*rd;
	const struct refdata_org	*o;
	int				 rc;

	if ((rc = store_refdata(&rd, st)) != 0 ||
	    (rc = refdata_org(&o, rd, code)) != 0)
		return rc;
	if (name != NULL)
		*name = o->name;
	if (dept != NULL)
		*dept = o->dept != NULL ? o->dept->name : NULL;
	return 0;
}

size_t
store_norgs(struct store *st)
{
	const struct refdata	*rd;

	if (store_refdata(&rd, st) != 0)
		return 0;
	return refdata_ndepts(rd) + refdata_ndivisions(rd);
}

const char *
store_org_at(struct store *st, size_t i, const char **name)
{
	const struct refdata		*rd;
	const struct refdata_org	*o;
	size_t				 nd;

	if (store_refdata(&rd, st) != 0)
		return NULL;
	nd = refdata_ndepts(rd);
	if (i < nd)
		o = refdata_dept_at(rd, i);
	else if (i - nd < refdata_ndivisions(rd))
		o = refdata_division_at(rd, i - nd);
	else
		return NULL;
	if (name != NULL)
		*name = o->name;
	return o->code;
}

int
store_org_find(const char **code, struct store *st, const char *text)
{
	const struct refdata		*rd;
	const struct refdata_org	*o;
	int				 rc;

	*code = NULL;
	if ((rc = store_refdata(&rd, st)) != 0 ||
	    (rc = refdata_org_find(&o, rd, text)) != 0)
		return rc;
	*code = o->code;
	return 0;
}

int
store_config(const struct node **out, struct store *st)
{
	const struct refdata	*rd;
	int			 rc;

	*out = NULL;
	if ((rc = store_refdata(&rd, st)) != 0)
		return rc;
	return refdata_config(out, rd);
}

int
store_member_find(const char **id, struct store *st, const char *text)
{
	const struct refdata		*rd;
	const struct refdata_member	*m;
	int				 rc;

	*id = NULL;
	if ((rc = store_refdata(&rd, st)) != 0)
		return rc;
	if ((rc = refdata_config(&(const struct node *){ NULL }, rd)) != 0)
		return rc;
	if ((rc = refdata_member_find(&m, rd, text)) != 0)
		return rc;
	*id = m->id;
	return 0;
}

/* The leftovers in one folder (rel to the root, "" for the root). */
static size_t
stale_in(struct store *st, const char *rel, int remove, struct diags *d)
{
	struct buf	 dir = BUF_INIT, full = BUF_INIT;
	struct dirent	*de;
	const char	*name;
	DIR		*dp;
	size_t		 n = 0, base;

	buf_printf(&dir, "%s%s%s", st->root, *rel != '\0' ? "/" : "", rel);
	if (buf_ok(&dir) != 0 || (dp = opendir(dir.data)) == NULL) {
		buf_free(&dir);
		return 0;
	}
	buf_puts(&full, dir.data);
	buf_putc(&full, '/');
	base = full.len;
	while ((de = readdir(dp)) != NULL) {
		if (!fileio_tmp_name(de->d_name))
			continue;
		full.len = base;
		buf_puts(&full, de->d_name);
		if (buf_ok(&full) != 0 || !fileio_tmp_stale(full.data))
			continue;
		n++;
		/* Named relative to the data directory, as lint names files. */
		name = full.data + strlen(st->root) + 1;
		if (!remove)
			diags_add(d, name, 0, 0, "stale temporary file from an"
			    " interrupted write");
		else if (unlink(full.data) == 0)
			fileio_warn("removed '%s', a temporary file left by an"
			    " interrupted write", name);
	}
	closedir(dp);
	buf_free(&dir);
	buf_free(&full);
	return n;
}

size_t
store_stale_temps(struct store *st, int remove, struct diags *d)
{
	const struct schemaset	*set;
	struct buf		 rel = BUF_INIT, full = BUF_INIT;
	struct dirent		*de;
	DIR			*dp;
	size_t			 i, n;

	/* Only dead processes leave them: once per process is enough. */
	if (remove && (st->locked == 0 || st->cleaned))
		return 0;
	if (remove)
		st->cleaned = 1;
	n = stale_in(st, "", remove, d);
	if (store_schemas(&set, st, NULL) == 0) {
		for (i = 0; i < schemaset_nkinds(set); i++) {
			const char *kd = schema_dir(schemaset_kind_at(set, i));

			if (kd == NULL)
				continue;
			n += stale_in(st, kd, remove, d);
			buf_reset(&full);
			buf_printf(&full, "%s/%s", st->root, kd);
			if (buf_ok(&full) != 0 ||
			    (dp = opendir(full.data)) == NULL)
				continue;
			while ((de = readdir(dp)) != NULL) {
				if (year_name(de->d_name) == 0)
					continue;
				buf_reset(&rel);
				buf_printf(&rel, "%s/%s", kd, de->d_name);
				if (buf_ok(&rel) == 0)
					n += stale_in(st, rel.data, remove,
					    d);
			}
			closedir(dp);
		}
	}
	buf_free(&rel);
	buf_free(&full);
	return n;
}
