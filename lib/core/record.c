/*
 * Records: load, check, create, save.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "buf.h"
#include "cal.h"
#include "fileio.h"
#include "guard.h"
#include "i18n.h"
#include "record.h"
#include "statuslog.h"
#include "strmap.h"
#include "text.h"

/*
 * Loading.
 */

static int
load(struct record **out, struct store *st, const struct recref *ref,
    struct diags *d, const char *const *want, size_t nwant, const char *wkey,
    const char *wvalue, const char *const *skip, size_t nskip)
{
	struct record	*r;
	char		*path;
	int		 rc;

	*out = NULL;
	if ((r = calloc(1, sizeof *r)) == NULL ||
	    (r->relpath = strdup(ref->relpath)) == NULL) {
		free(r);
		return error_set(NC_ENOMEM, "out of memory");
	}
	r->kind = ref->kind;
	if ((path = store_path(st, ref->relpath)) == NULL) {
		record_free(r);
		return NC_ENOMEM;
	}
	if (wkey != NULL)
		rc = ydoc_load_where(&r->doc, path, ref->relpath, d, wkey,
		    wvalue);
	else if (skip != NULL)
		rc = ydoc_load_without(&r->doc, path, ref->relpath, d, skip,
		    nskip);
	else if (want != NULL)
		rc = ydoc_load_fields(&r->doc, path, ref->relpath, d, want,
		    nwant);
	else
		rc = ydoc_load_as(&r->doc, path, ref->relpath, d);
	free(path);
	if (rc != 0 || r->doc == NULL) {
		record_free(r);
		return rc;
	}
	*out = r;
	return 0;
}

int
record_load(struct record **out, struct store *st, const struct recref *ref,
    struct diags *d)
{
	return load(out, st, ref, d, NULL, 0, NULL, NULL, NULL, 0);
}

int
record_load_where(struct record **out, struct store *st,
    const struct recref *ref, struct diags *d, const char *key,
    const char *value)
{
	return load(out, st, ref, d, NULL, 0, key, value, NULL, 0);
}

int
record_load_where_in(struct record **out, struct store *st,
    const struct recref *ref, struct diags *d, const char *key,
    const char *const *values, size_t n)
{
	struct record		*q = NULL;
	const struct node	*v;
	size_t			 i;
	int			 other = 0;

	*out = NULL;
	if (n == 1)
		return record_load_where(out, st, ref, d, key, values[0]);
	/* As ydoc_load_where(): what the quick reader doubts is parsed. */
	if (load(&q, st, ref, NULL, &key, 1, NULL, NULL, NULL, 0) == 0 &&
	    (v = node_get(record_root(q), key)) != NULL &&
	    v->kind == NODE_SCALAR) {
		for (other = 1, i = 0; i < n && other; i++)
			other = strcmp(v->u.s.str, values[i]) != 0;
	}
	record_free(q);
	error_clear();
	if (other)
		return 0;
	return load(out, st, ref, d, NULL, 0, NULL, NULL, NULL, 0);
}

int
record_load_fields(struct record **out, struct store *st,
    const struct recref *ref, struct diags *d, const char *const *want,
    size_t nwant)
{
	return load(out, st, ref, d, want, nwant, NULL, NULL, NULL, 0);
}

int
record_load_without(struct record **out, struct store *st,
    const struct recref *ref, struct diags *d, const char *const *skip,
    size_t nskip)
{
	return load(out, st, ref, d, NULL, 0, NULL, NULL, skip, nskip);
}

void
record_free(struct record *r)
{
	if (r == NULL)
		return;
	ydoc_free(r->doc);
	free(r->relpath);
	free(r);
}

struct node *
record_root(const struct record *r)
{
	return ydoc_root(r->doc);
}

const char *
record_id(const struct record *r)
{
	return node_get_str(record_root(r), "id");
}

const char *
record_field(const struct record *r, const char *name)
{
	return node_get_str(record_root(r), name);
}

/*
 * The checker.
 */

/*
 * Org codes, member ids and record ids in hash maps, so checking a
 * reference costs the same however many records there are.  The keys
 * point into the two documents and the record list, kept as long as the
 * checker.
 */
struct checker {
	struct store	*st;
	struct ydoc	*confdoc;
	struct ydoc	*orgdoc;
	struct strmap	*orgs;
	struct strmap	*members;
	struct strmap	*ids;
	struct reclist	 recs;
	int		 failed;
	char		 msg[256];
	/* The store's checker only (checker_shared()): */
	struct stamp	*stamps;	/* what it was built from */
	size_t		 nstamps;
	char		**added;	/* ids this process wrote since */
	size_t		 nadded;
	unsigned	 batch;		/* checked in this write batch */
};

/*
 * A file or folder as it was when a checker was built: a folder's
 * modification and change times move whenever an entry is added to it,
 * removed from it or renamed in it.
 */
struct stamp {
	char		*rel;
	int		 absent;
	dev_t		 dev;
	ino_t		 ino;
	off_t		 size;
	struct timespec	 mtim;
	struct timespec	 ctim;
};

/* Every value under a key named key, anywhere in the tree. */
static int
collect(struct strmap *set, const struct node *n, const char *key,
    const char *path, struct diags *d, int depth)
{
	const struct node	*v;
	size_t			 i;
	int			 rc;

	if (n == NULL || depth > 16)
		return 0;
	if (n->kind == NODE_SEQ) {
		for (i = 0; i < n->n; i++) {
			if ((rc = collect(set, n->u.items[i], key, path, d,
			    depth + 1)) < 0)
				return rc;
		}
		return 0;
	}
	if (n->kind != NODE_MAP)
		return 0;
	for (i = 0; i < n->n; i++) {
		v = n->u.pairs[i].value;
		if (strcmp(n->u.pairs[i].key->u.s.str, key) == 0 &&
		    v->kind == NODE_SCALAR) {
			if (strmap_get(set, v->u.s.str) != NULL) {
				diags_add(d, path, v->line, v->col,
				    "%s '%s' is used twice", key, v->u.s.str);
				continue;
			}
			if ((rc = strmap_put(set, v->u.s.str, (void *)v)) != 0)
				return error_set(rc, "out of memory");
		} else if ((rc = collect(set, v, key, path, d, depth + 1)) < 0)
			return rc;
	}
	return 0;
}

/* Load, validate and collect from nerima-cio.yaml or orgs.yaml. */
static int
checker_file(struct ydoc **docp, struct checker *c,
    const struct schemaset *set, const char *kind, const char *rel,
    struct strmap *into, const char *key, struct diags *d)
{
	const struct schema	*s = schemaset_kind(set, kind);
	struct ydoc		*doc = NULL;
	struct diags		 tmp = DIAGS_INIT;
	char			*path;
	size_t			 n0;
	int			 rc;

	if ((path = store_path(c->st, rel)) == NULL)
		return NC_ENOMEM;
	n0 = d != NULL ? d->n : 0;
	rc = ydoc_load_as(&doc, path, rel, d != NULL ? d : &tmp);
	if (rc == NC_ENOTFOUND && strcmp(rel, STORE_ORGS) == 0) {
		diags_add(d != NULL ? d : &tmp, rel, 0, 0, "missing: the"
		    " organisation list is needed to check org fields");
		rc = 0;
		c->failed = 1;
		goto done;
	}
	if (rc != 0) {
		c->failed = 1;
		rc = 0;
		goto done;
	}
	if (s != NULL && schema_validate(s, ydoc_root(doc), rel,
	    d != NULL ? d : &tmp, NULL) != 0)
		c->failed = 1;
	if (record_guard(ydoc_root(doc), rel, d != NULL ? d : &tmp) != 0)
		c->failed = 1;
	rc = collect(into, ydoc_root(doc), key, rel, d != NULL ? d : &tmp, 0);
	if (d != NULL && d->n > n0)
		c->failed = 1;
done:
	diags_free(&tmp);
	*docp = doc;
	free(path);
	return rc;
}

int
checker_new(struct checker **out, struct store *st, struct diags *d)
{
	const struct schemaset	*set;
	struct checker		*c;
	size_t			 i;
	int			 rc;

	*out = NULL;
	if ((rc = store_schemas(&set, st, d)) != 0)
		return rc;
	if ((c = calloc(1, sizeof *c)) == NULL)
		return error_set(NC_ENOMEM, "out of memory");
	c->st = st;
	if ((c->orgs = strmap_new()) == NULL ||
	    (c->members = strmap_new()) == NULL ||
	    (c->ids = strmap_new()) == NULL) {
		rc = error_set(NC_ENOMEM, "out of memory");
		goto fail;
	}
	if ((rc = checker_file(&c->confdoc, c, set, "config", STORE_MARKER,
	    c->members, "id", d)) != 0 ||
	    (rc = checker_file(&c->orgdoc, c, set, "orgs", STORE_ORGS,
	    c->orgs, "code", d)) != 0 ||
	    (rc = store_scan(&c->recs, st, NULL, 0, d)) != 0)
		goto fail;
	for (i = 0; i < c->recs.n; i++) {
		if (strmap_put(c->ids, c->recs.v[i].id, &c->recs.v[i]) != 0) {
			rc = error_set(NC_ENOMEM, "out of memory");
			goto fail;
		}
	}
	*out = c;
	return 0;
fail:
	checker_free(c);
	return rc;
}

void
checker_free(struct checker *c)
{
	size_t	i;

	if (c == NULL)
		return;
	for (i = 0; i < c->nstamps; i++)
		free(c->stamps[i].rel);
	free(c->stamps);
	for (i = 0; i < c->nadded; i++)
		free(c->added[i]);
	free(c->added);
	strmap_free(c->orgs);
	strmap_free(c->members);
	strmap_free(c->ids);
	ydoc_free(c->confdoc);
	ydoc_free(c->orgdoc);
	reclist_free(&c->recs);
	free(c);
}

int
checker_failed(const struct checker *c)
{
	return c->failed;
}

/*
 * The checker of a write batch.  record_create() and record_save() check
 * references against the id of every record, and building a checker
 * lists every record folder; a command that writes N records (an import)
 * would list the whole directory N times, O(N x records).  Instead the
 * store keeps one checker for its lifetime, adds the id of each record
 * this process writes, and stamps what it was built from: the two
 * reference files, every kind folder and every fiscal-year folder.  When
 * a stamp differs (another process wrote, a user edited or a git pull
 * came in between) the checker is built anew, so it always says what a
 * fresh one would; checking costs one stat() per folder rather than a
 * listing of every record.  In a write batch (store_batch_begin()) the
 * lock keeps other writers out, so a checker checked once in the batch
 * is trusted for the rest of it: each write then costs nothing that
 * grows with the folders.  Its stamps are not taken again after the
 * batch's writes, so the first check after the batch builds it anew.
 */
/* "a/b" in a new string, or NULL. */
static char *
join(const char *a, const char *b)
{
	size_t	 na = strlen(a), nb = strlen(b);
	char	*p;

	if ((p = malloc(na + nb + 2)) == NULL)
		return NULL;
	memcpy(p, a, na);
	p[na] = '/';
	memcpy(p + na + 1, b, nb + 1);
	return p;
}

static int
stamp_add(struct checker *c, size_t *cap, const char *root, const char *rel)
{
	struct stamp	*v, *sp;
	struct stat	 sb;
	char		*path;

	if (c->nstamps == *cap) {
		size_t n = *cap ? *cap * 2 : 32;
		if ((v = realloc(c->stamps, n * sizeof *v)) == NULL)
			return error_set(NC_ENOMEM, "out of memory");
		c->stamps = v;
		*cap = n;
	}
	sp = &c->stamps[c->nstamps];
	memset(sp, 0, sizeof *sp);
	if ((sp->rel = strdup(rel)) == NULL ||
	    (path = join(root, rel)) == NULL) {
		free(sp->rel);
		return error_set(NC_ENOMEM, "out of memory");
	}
	if (stat(path, &sb) == -1)
		sp->absent = 1;
	else {
		sp->dev = sb.st_dev;
		sp->ino = sb.st_ino;
		sp->size = sb.st_size;
		sp->mtim = sb.st_mtim;
		sp->ctim = sb.st_ctim;
	}
	free(path);
	c->nstamps++;
	return 0;
}

/* Stamp the reference files, the kind folders and their year folders. */
static int
stamps_take(struct checker *c)
{
	const struct schemaset	*set;
	const char		*root = store_root(c->st), *kd;
	struct dirent		*de;
	DIR			*dp;
	char			*path, *rel;
	size_t			 i, cap = c->nstamps;
	int			 rc;

	for (i = 0; i < c->nstamps; i++)
		free(c->stamps[i].rel);
	c->nstamps = 0;
	if ((rc = store_schemas(&set, c->st, NULL)) != 0 ||
	    (rc = stamp_add(c, &cap, root, STORE_MARKER)) != 0 ||
	    (rc = stamp_add(c, &cap, root, STORE_ORGS)) != 0)
		return rc;
	for (i = 0; i < schemaset_nkinds(set); i++) {
		if ((kd = schema_dir(schemaset_kind_at(set, i))) == NULL)
			continue;
		if ((rc = stamp_add(c, &cap, root, kd)) != 0)
			return rc;
		if ((path = join(root, kd)) == NULL)
			return error_set(NC_ENOMEM, "out of memory");
		dp = opendir(path);
		free(path);
		while (dp != NULL && (de = readdir(dp)) != NULL) {
			if (de->d_name[0] == '.')
				continue;
			if ((rel = join(kd, de->d_name)) == NULL) {
				closedir(dp);
				return error_set(NC_ENOMEM, "out of memory");
			}
			rc = stamp_add(c, &cap, root, rel);
			free(rel);
			if (rc != 0) {
				closedir(dp);
				return rc;
			}
		}
		if (dp != NULL)
			closedir(dp);
	}
	return 0;
}

static int
same_time(struct timespec a, struct timespec b)
{
	return a.tv_sec == b.tv_sec && a.tv_nsec == b.tv_nsec;
}

/* Whether everything stamped is as it was. */
static int
stamps_hold(const struct checker *c)
{
	const struct stamp	*sp;
	struct stat		 sb;
	char			*path;
	size_t			 i;
	int			 same;

	if (c->nstamps == 0)
		return 0;
	for (i = 0; i < c->nstamps; i++) {
		sp = &c->stamps[i];
		if ((path = join(store_root(c->st), sp->rel)) == NULL)
			return 0;
		if (stat(path, &sb) == -1)
			same = sp->absent;
		else
			same = !sp->absent && sb.st_dev == sp->dev &&
			    sb.st_ino == sp->ino && sb.st_size == sp->size &&
			    same_time(sb.st_mtim, sp->mtim) &&
			    same_time(sb.st_ctim, sp->ctim);
		free(path);
		if (!same)
			return 0;
	}
	return 1;
}

static void
checker_free_cb(void *p)
{
	checker_free(p);
}

/* Whether c was checked in the write batch under way. */
static int
trusted(const struct checker *c)
{
	return c->batch != 0 && c->batch == store_batch(c->st);
}

/* The store's checker, built anew when what it was built from changed. */
static int
checker_shared(struct checker **out, struct store *st)
{
	struct checker	*c = store_cache(st);
	int		 rc;

	*out = NULL;
	if (c != NULL && (trusted(c) || stamps_hold(c))) {
		c->batch = store_batch(st);
		*out = c;
		return 0;
	}
	store_set_cache(st, NULL, NULL);
	/* Stamped first: a change while it is built shows next time. */
	if ((c = calloc(1, sizeof *c)) == NULL)
		return error_set(NC_ENOMEM, "out of memory");
	c->st = st;
	rc = stamps_take(c);
	if (rc == 0) {
		struct checker *built;

		if ((rc = checker_new(&built, st, NULL)) == 0) {
			built->stamps = c->stamps;
			built->nstamps = c->nstamps;
			c->stamps = NULL;
			c->nstamps = 0;
		}
		checker_free(c);
		c = rc == 0 ? built : NULL;
	} else {
		checker_free(c);
		c = NULL;
	}
	if (rc != 0)
		return rc;
	c->batch = store_batch(st);
	store_set_cache(st, c, checker_free_cb);
	*out = c;
	return 0;
}

static int
id_taken(void *arg, const char *id)
{
	const struct checker	*c = arg;

	return strmap_get(c->ids, id) != NULL;
}

/*
 * After this process wrote relpath (under the lock): the store's checker
 * learns its id and the folders' new stamps, if it was up to date before
 * the write (fresh); else it is dropped and built anew when next needed.
 */
static void
checker_wrote(struct store *st, const char *relpath, const char *path,
    int fresh)
{
	struct checker	*c = store_cache(st);
	struct stat	 sb;
	const char	*base;
	char		*id, **v;
	size_t		 len;

	if (c == NULL)
		return;
	base = strrchr(relpath, '/');
	base = base != NULL ? base + 1 : relpath;
	len = strlen(base);
	/* A write deferred to a batch's commit is not on disk yet. */
	if (!fresh || stat(path, &sb) == -1 || len < 6 ||
	    strcmp(base + len - 5, ".yaml") != 0)
		goto drop;
	if ((id = strndup(base, len - 5)) == NULL)
		goto drop;
	if (strmap_get(c->ids, id) != NULL)
		free(id);
	else {
		if ((v = realloc(c->added, (c->nadded + 1) * sizeof *v)) ==
		    NULL) {
			free(id);
			goto drop;
		}
		c->added = v;
		c->added[c->nadded++] = id;
		if (strmap_put(c->ids, id, id) != 0)
			goto drop;
	}
	/* In a batch the stamps wait: the next check after it rebuilds. */
	if (trusted(c) || stamps_take(c) == 0)
		return;
drop:
	store_set_cache(st, NULL, NULL);
}

static const char *
check_ref(void *arg, const char *xref, const char *value)
{
	struct checker	*c = arg;
	const struct schemaset *set;
	const struct schema *k;

	if (strcmp(xref, "org") == 0) {
		if (strmap_get(c->orgs, value) != NULL)
			return NULL;
		snprintf(c->msg, sizeof c->msg, _("'%s' is not an organisation"
		    " code in %s"), value, STORE_ORGS);
		return c->msg;
	}
	if (strcmp(xref, "member") == 0) {
		if (strmap_get(c->members, value) != NULL)
			return NULL;
		snprintf(c->msg, sizeof c->msg, _("'%s' is not a team member id"
		    " in %s"), value, STORE_MARKER);
		return c->msg;
	}
	if (store_schemas(&set, c->st, NULL) != 0 ||
	    (k = schemaset_kind(set, xref)) == NULL)
		return NULL;	/* an annotation we do not check */
	if (strmap_get(c->ids, value) != NULL)
		return NULL;
	snprintf(c->msg, sizeof c->msg, _("no %s record with id '%s'"), xref,
	    value);
	return c->msg;
}

/*
 * The My Number guard.
 */

static void
guard_report(const struct node *n, size_t off, size_t len, const char *path,
    const char *field, struct diags *d)
{
	unsigned	line = n->line, col = n->col;
	size_t		i;

	/* On a one-line plain scalar the column of the match is exact. */
	if (n->style == NODE_STYLE_PLAIN && memchr(n->u.s.str, '\n', off) ==
	    NULL) {
		for (i = 0; i < off; ) {
			uint32_t cp;
			i += text_utf8_decode(&cp, n->u.s.str + i, off - i);
			col++;
		}
	}
	diags_add(d, path, line, col, "%s%stext '%.*s' is a valid individual"
	    " number (My Number) by its check digit; records must never hold"
	    " one (if it is not one, write it with other separators, e.g."
	    " '1234/5678/9012', and see the README)",
	    field != NULL ? field : "", field != NULL ? ": " : "", (int)len,
	    n->u.s.str + off);
}

/*
 * The matches in one scalar.  A text of fewer than twelve bytes cannot
 * hold twelve digits: it is passed over without a call (issue 15: most
 * keys and values are that short).
 */
static int
guard_scalar(const struct node *n, const char *path, const char *field,
    struct diags *d)
{
	size_t	off, len, from;
	int	found = 0;

	if (n->u.s.len < 12)
		return 0;
	for (from = 0; guard_find_mynumber_from(n->u.s.str, n->u.s.len,
	    from, &off, &len) == 1; from = off + len) {
		guard_report(n, off, len, path, field, d);
		found = 1;
	}
	return found;
}

static int
guard_walk(const struct node *n, const char *path, const char *field,
    struct diags *d, int depth)
{
	const struct node	*v;
	size_t			 i;
	int			 found = 0;

	if (depth > 64)
		return 0;
	switch (n->kind) {
	case NODE_SCALAR:
		found = guard_scalar(n, path, field, d);
		break;
	case NODE_MAP:
		for (i = 0; i < n->n; i++) {
			const char *k = n->u.pairs[i].key->u.s.str;
			/* A key is a scalar; a scalar value at depth + 1. */
			if (depth + 1 <= 64)
				found |= guard_scalar(n->u.pairs[i].key, path,
				    k, d);
			v = n->u.pairs[i].value;
			if (v->kind == NODE_SCALAR) {
				if (depth + 1 <= 64)
					found |= guard_scalar(v, path, k, d);
			} else
				found |= guard_walk(v, path, k, d, depth + 1);
		}
		break;
	default:
		for (i = 0; i < n->n; i++) {
			v = n->u.items[i];
			if (v->kind == NODE_SCALAR) {
				if (depth + 1 <= 64)
					found |= guard_scalar(v, path, field,
					    d);
			} else
				found |= guard_walk(v, path, field, d,
				    depth + 1);
		}
		break;
	}
	return found;
}

int
record_guard(const struct node *n, const char *path, struct diags *d)
{
	if (n != NULL && guard_walk(n, path, NULL, d, 0))
		return error_set(NC_EINVALID, "%s: holds what looks like a My"
		    " Number", path);
	return 0;
}

/*
 * Checks.
 */

static int
check(struct checker *c, const struct schema *kind, const struct node *root,
    const char *relpath, struct diags *d, int parsed)
{
	struct schema_refcheck	 refs = { check_ref, c };
	const char		*id, *fy, *base;
	char			 want[64];
	size_t			 n0;
	int			 bad = 0;

	if ((parsed ? schema_validate_parsed : schema_validate)(kind, root,
	    relpath, d, c != NULL ? &refs : NULL) != 0)
		bad = 1;
	if (record_guard(root, relpath, d) != 0)
		bad = 1;
	if (root == NULL || root->kind != NODE_MAP)
		goto done;
	if (d != NULL) {
		n0 = d->n;
		statuslog_check(kind, root, relpath, d);
		bad |= d->n > n0;
	}
	/* The path says the id and the fiscal year; so must the record. */
	id = node_get_str(root, "id");
	fy = node_get_str(root, "fy");
	if (relpath != NULL && id != NULL && fy != NULL) {
		base = strrchr(relpath, '/');
		base = base != NULL ? base + 1 : relpath;
		snprintf(want, sizeof want, "%s.yaml", id);
		if (strcmp(base, want) != 0) {
			const struct node *n = node_get(root, "id");
			diags_add(d, relpath, n->line, n->col, "id '%s' does not"
			    " match the file name '%s'", id, base);
			bad = 1;
		}
		snprintf(want, sizeof want, "%s/%s/", schema_dir(kind), fy);
		if (strncmp(relpath, want, strlen(want)) != 0 &&
		    strstr(relpath, want) == NULL) {
			const struct node *n = node_get(root, "fy");
			diags_add(d, relpath, n->line, n->col, "fy %s does not"
			    " match the folder; the record belongs in %s", fy,
			    want);
			bad = 1;
		}
	}
done:
	if (bad)
		return error_set(NC_ESCHEMA, "'%s' is not a valid %s record",
		    relpath, schema_kind(kind));
	return 0;
}

int
record_check(struct checker *c, const struct schema *kind,
    const struct node *root, const char *relpath, struct diags *d)
{
	return check(c, kind, root, relpath, d, 0);
}

int
record_check_loaded(struct checker *c, const struct record *r,
    struct diags *d)
{
	return check(c, r->kind, record_root(r), r->relpath, d, 1);
}

/*
 * Writing.
 */

int
record_serialise(struct buf *out, const struct schema *kind, struct node *root)
{
	int	rc;

	if ((rc = schema_normalize(kind, root)) != 0)
		return rc;
	return node_emit(out, root);
}

/*
 * The folders of rel under root.  A folder made is flushed into its parent
 * before a record goes in, so a record on disk is never in a folder that
 * is not.
 */
static int
mkdirs(const char *root, const char *rel)
{
	struct buf	 p = BUF_INIT;
	const char	*s;
	char		*slash;
	int		 rc = 0;

	buf_puts(&p, root);
	for (s = rel; (s = strchr(s, '/')) != NULL; s++) {
		p.len = strlen(root);
		buf_putc(&p, '/');
		buf_add(&p, rel, (size_t)(s - rel));
		if ((rc = buf_ok(&p)) != 0)
			break;
		if (mkdir(p.data, 0777) == -1) {
			if (errno == EEXIST)
				continue;
			rc = error_sys(NC_EIO, "cannot create '%s'", p.data);
			break;
		}
		slash = strrchr(p.data, '/');
		*slash = '\0';
		rc = fileio_sync_dir(p.data);
		*slash = '/';
		if (rc != 0)
			break;
	}
	buf_free(&p);
	return rc;
}

static int
write_record(struct store *st, const char *relpath, const struct buf *b,
    int must_be_new)
{
	struct stat	 sb;
	char		*path = NULL;
	int		 rc, fresh;

	/* Under the lock: what a killed writer left is stale. */
	store_stale_temps(st, 1, NULL);
	fresh = store_cache(st) != NULL && (trusted(store_cache(st)) ||
	    stamps_hold(store_cache(st)));
	if ((rc = mkdirs(store_root(st), relpath)) != 0)
		goto done;
	if ((path = store_path(st, relpath)) == NULL) {
		rc = NC_ENOMEM;
		goto done;
	}
	if (must_be_new && stat(path, &sb) == 0)
		rc = error_set(NC_EEXISTS, "'%s' exists already", relpath);
	else
		rc = fileio_write_atomic(path, b->data, b->len);
done:
	if (rc == 0)
		checker_wrote(st, relpath, path, fresh);
	else
		store_set_cache(st, NULL, NULL);
	free(path);
	return rc;
}

static const char *
today(char *out, size_t size)
{
	cal_format_iso(out, size, cal_today());
	return out;
}

/* Defaults from the schema for top-level fields not given. */
static int
fill_defaults(struct ydoc *doc, const struct schema *kind, struct node *root)
{
	const struct schema	*ps;
	const struct node	*def;
	const char		*name;
	size_t			 i;
	int			 rc;

	for (i = 0; i < schema_nprops(kind); i++) {
		ps = schema_prop_at(kind, i, &name);
		if (node_get(root, name) != NULL ||
		    (def = schema_default(ps)) == NULL)
			continue;
		if ((rc = node_map_set(doc, root, name, node_copy(doc, def))) != 0)
			return rc;
	}
	return 0;
}

/* Messages about a record not yet written name it "(new <kind>)". */
static void
rename_diags(struct diags *d, size_t from, const struct schema *kind)
{
	char	name[64];
	size_t	i;

	if (d == NULL)
		return;
	snprintf(name, sizeof name, _("(new %s)"), schema_kind(kind));
	for (i = from; i < d->n; i++) {
		char *p = strdup(name);
		if (p == NULL)
			continue;
		free(d->v[i].path);
		d->v[i].path = p;
	}
}

int
record_create(char **out_id, char **out_relpath, struct store *st,
    const struct schema *kind, struct ydoc *doc, struct diags *d)
{
	struct node	*root = ydoc_root(doc);
	struct checker	*c = NULL;
	struct buf	 b = BUF_INIT, rel = BUF_INIT, tmpid = BUF_INIT;
	struct diags	 mine = DIAGS_INIT;
	struct cal_date	 date;
	const char	*fyfield, *datestr, *fys;
	char		*id = NULL, day[16], fybuf[16];
	int		 rc, fy = 0, bad = 0, locked = 0;

	*out_id = NULL;
	*out_relpath = NULL;
	if (d == NULL)
		d = &mine;
	if (root == NULL) {
		if ((root = node_map(doc)) == NULL)
			return error_set(NC_ENOMEM, "out of memory");
		ydoc_set_root(doc, root);
	}
	if (root->kind != NODE_MAP)
		return error_set(NC_EINVALID, "a record must be a mapping of"
		    " fields");
	if ((rc = fill_defaults(doc, kind, root)) != 0)
		return rc;
	/* The fiscal year: given, else from the kind's date, else today. */
	if ((fys = node_get_str(root, "fy")) == NULL) {
		fyfield = schema_fy_field(kind);
		datestr = fyfield != NULL ? node_get_str(root, fyfield) : NULL;
		if (datestr == NULL)
			datestr = today(day, sizeof day);
		if (cal_parse_iso(&date, datestr) == 0) {
			snprintf(fybuf, sizeof fybuf, "%d", cal_fy(date));
			if ((rc = node_map_set_str(doc, root, "fy", fybuf)) != 0)
				return rc;
		}
		/* else the schema reports the bad date below. */
	}
	fys = node_get_str(root, "fy");
	fy = fys != NULL ? atoi(fys) : 0;

	/* Check everything first, with a stand-in id, so all is reported. */
	buf_printf(&tmpid, "%s-00000000", schema_id_prefix(kind));
	if ((rc = buf_ok(&tmpid)) != 0 ||
	    (rc = node_map_set_str(doc, root, "id", tmpid.data)) != 0)
		goto done;
	if ((rc = schema_normalize(kind, root)) != 0 ||
	    (rc = checker_shared(&c, st)) != 0)
		goto done;
	{
		size_t n0 = d->n;
		if (record_check(c, kind, root, NULL, d) != 0)
			bad = 1;
		rename_diags(d, n0, kind);
	}
	if (bad) {
		rc = error_set(NC_ESCHEMA, "the %s record has errors",
		    schema_kind(kind));
		goto done;
	}

	if ((rc = store_lock(st)) != 0)
		goto done;
	locked = 1;
	/* Under the lock, the ids taken as they are now. */
	if ((rc = checker_shared(&c, st)) != 0 ||
	    (rc = store_new_id_unless(&id, st, kind, id_taken, c)) != 0 ||
	    (rc = node_map_set_str(doc, root, "id", id)) != 0)
		goto done;
	buf_printf(&rel, "%s/%d/%s.yaml", schema_dir(kind), fy, id);
	if ((rc = buf_ok(&rel)) != 0)
		goto done;
	if ((rc = record_serialise(&b, kind, root)) != 0)
		goto done;
	rc = write_record(st, rel.data, &b, 1);
done:
	if (locked)
		store_unlock(st);
	buf_free(&b);
	buf_free(&tmpid);
	diags_free(&mine);
	if (rc == 0) {
		*out_id = id;
		*out_relpath = buf_detach(&rel, NULL);
	} else {
		free(id);
		buf_free(&rel);
	}
	return rc;
}

int
record_save(struct store *st, struct record *r, struct diags *d)
{
	struct checker	*c = NULL;
	struct buf	 b = BUF_INIT;
	int		 rc;

	if ((rc = record_serialise(&b, r->kind, record_root(r))) != 0)
		goto done;
	if ((rc = store_lock(st)) != 0)
		goto done;
	if ((rc = checker_shared(&c, st)) == 0 &&
	    (rc = record_check(c, r->kind, record_root(r), r->relpath, d)) == 0)
		rc = write_record(st, r->relpath, &b, 0);
	store_unlock(st);
done:
	buf_free(&b);
	return rc;
}

int
record_set_field(struct ydoc *doc, struct node *root, const char *path,
    const char *value, int append)
{
	struct node	*map = root, *next, *val, *seq;
	const char	*p = path, *dot;
	char		 key[128];
	size_t		 n;

	for (;;) {
		dot = strchr(p, '.');
		n = dot != NULL ? (size_t)(dot - p) : strlen(p);
		if (n == 0 || n >= sizeof key)
			return error_set(NC_EINVALID, "'%s' is not a field name",
			    path);
		memcpy(key, p, n);
		key[n] = '\0';
		if (map == NULL || map->kind != NODE_MAP)
			return error_set(NC_EINVALID, "'%s': '%.*s' is not a "
			    "mapping", path, (int)(p - path - 1), path);
		if (dot == NULL)
			break;
		if ((next = node_get(map, key)) == NULL) {
			if ((next = node_map(doc)) == NULL ||
			    node_map_set(doc, map, key, next) != 0)
				return error_set(NC_ENOMEM, "out of memory");
		}
		map = next;
		p = dot + 1;
	}
	if ((val = node_str(doc, value)) == NULL)
		return error_set(NC_ENOMEM, "out of memory");
	if (!append)
		return node_map_set(doc, map, key, val);
	if ((seq = node_get(map, key)) == NULL) {
		if ((seq = node_seq(doc)) == NULL ||
		    node_map_set(doc, map, key, seq) != 0)
			return error_set(NC_ENOMEM, "out of memory");
	} else if (seq->kind != NODE_SEQ)
		return error_set(NC_EINVALID, "'%s' is not a list; use %s=VALUE",
		    path, path);
	return node_seq_push(doc, seq, val);
}

int
record_edit(struct record **out, struct store *st, const struct recref *ref,
    record_edit_fn edit, void *arg, struct diags *d)
{
	struct record	*r = NULL;
	int		 rc;

	if (out != NULL)
		*out = NULL;
	if ((rc = store_lock(st)) != 0)
		return rc;
	if ((rc = record_load(&r, st, ref, d)) != 0)
		goto done;
	rc = edit(r, arg);
	if (rc == RECORD_EDIT_NOCHANGE)
		goto done;
	if (rc == 0)
		rc = record_save(st, r, d);
done:
	store_unlock(st);
	if (out != NULL && (rc == 0 || rc == RECORD_EDIT_NOCHANGE))
		*out = r;
	else
		record_free(r);
	return rc;
}
