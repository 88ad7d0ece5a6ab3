/*
 * The schema files' parse cache (issue 15).
 *
 * Every command that needs every kind (lint, show, due, the writers)
 * parsed all the schema files, ~130 KB of YAML, with libyaml: ~25 M
 * instructions, the largest fixed cost of a command after the dynamic
 * loader.  The schema files rarely change, so the tree libyaml gives for
 * a file's exact bytes is kept in a compact form, one cache file per
 * schema file content, in $XDG_CACHE_HOME/nerima-cio/schemas (or
 * ~/.cache/nerima-cio/schemas): never in the data directory or the
 * source tree, where it could be committed.
 *
 * The cache can never serve a stale tree: an entry holds a copy of the
 * schema file's bytes and is used only when they equal the file's bytes
 * as read now (the file name, a hash of the bytes, only finds the entry).
 * The tree is rebuilt exactly as the reader made it (kinds, styles,
 * lines and columns), so compiling it, and every message about it, is
 * the same.  Only a file that parsed without a problem, and whose
 * patterns all compiled (the caller says, schema_cache_done()), is kept:
 * a file read back from the cache has valid patterns, which schema.c
 * then compiles without regcomp() where the fast matchers serve them.  Damage
 * (a truncated or altered entry: its payload has a checksum and every
 * read is bounds-checked), an entry owned by another user, a missing or
 * unwritable directory: the file is parsed as before and nothing is said.
 * Entries are written to a temporary file and renamed into place; the
 * directory is pruned to CACHE_KEEP entries, the oldest first, when it
 * holds more than CACHE_MAX.  NCIO_SCHEMA_CACHE=0 switches it off.
 */
#include <sys/stat.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "error.h"
#include "schema_cache.h"

/*
 * 2: an entry is kept only once its file compiled with every pattern
 * valid (schema.c), so version 1 entries, which did not promise that,
 * are not read.
 */
#define CACHE_MAGIC	"ncioSC2\n"
/*
 * In the entry's name too, so that two versions of the program sharing a
 * cache do not overwrite each other's entries at every run.
 */
#define CACHE_NAME	"-v2"
#define CACHE_ORDER	0x01020304u	/* written natively: byte order */
#define CACHE_HEADER	40
#define CACHE_MAX_SRC	(1024 * 1024)	/* larger schema files: parsed */
#define CACHE_MAX	64		/* entries before pruning */
#define CACHE_KEEP	48		/* entries kept by pruning */
#define NODE_REC	14		/* kind, style, line, col, n */

static uint64_t
hash64(const void *p, size_t len)
{
	const unsigned char	*s = p;
	uint64_t		 h = 0x9e3779b97f4a7c15ULL ^ len, w;

	for (; len >= 8; s += 8, len -= 8) {
		memcpy(&w, s, 8);
		h = (h ^ w) * 0xff51afd7ed558ccdULL;
		h ^= h >> 32;
	}
	w = 0;
	memcpy(&w, s, len);
	h = (h ^ w) * 0xc4ceb9fe1a85ec53ULL;
	h ^= h >> 29;
	return h;
}

/* The cache directory, or NULL when there is none (no error set). */
static char *
cache_dir(void)
{
	const char	*env, *home;
	struct buf	 b = BUF_INIT;

	if ((env = getenv("NCIO_SCHEMA_CACHE")) != NULL &&
	    (strcmp(env, "0") == 0 || strcmp(env, "off") == 0))
		return NULL;
	if ((env = getenv("XDG_CACHE_HOME")) != NULL && env[0] == '/')
		buf_printf(&b, "%s/nerima-cio/schemas", env);
	else if ((home = getenv("HOME")) != NULL && home[0] == '/')
		buf_printf(&b, "%s/.cache/nerima-cio/schemas", home);
	else
		return NULL;
	if (buf_ok(&b) != 0) {
		buf_free(&b);
		return NULL;
	}
	return buf_detach(&b, NULL);
}

static char *
entry_path(const char *dir, const char *src, size_t len)
{
	struct buf	b = BUF_INIT;

	buf_printf(&b, "%s/%016" PRIx64 "-%zu" CACHE_NAME ".ncsc", dir,
	    hash64(src, len), len);
	if (buf_ok(&b) != 0) {
		buf_free(&b);
		return NULL;
	}
	return buf_detach(&b, NULL);
}

/* The whole of a regular file of at most max bytes; -1 otherwise. */
static int
read_file(const char *path, size_t max, int own, char **out, size_t *outlen)
{
	struct stat	 st;
	char		*buf = NULL;
	size_t		 len = 0;
	ssize_t		 r;
	int		 fd;

	*out = NULL;
	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1)
		return -1;
	if (fstat(fd, &st) == -1 || !S_ISREG(st.st_mode) ||
	    (uintmax_t)st.st_size > max || (own && st.st_uid != geteuid()) ||
	    (buf = malloc((size_t)st.st_size + 1)) == NULL)
		goto fail;
	while (len < (size_t)st.st_size) {
		r = read(fd, buf + len, (size_t)st.st_size - len);
		if (r == -1 && errno == EINTR)
			continue;
		if (r <= 0)
			goto fail;
		len += (size_t)r;
	}
	close(fd);
	buf[len] = '\0';
	*out = buf;
	*outlen = len;
	return 0;
fail:
	free(buf);
	close(fd);
	return -1;
}

/*
 * The tree, depth first: each node as kind, style (one byte each), line,
 * column and n (four bytes each: a scalar's length, a mapping's pairs, a
 * sequence's items), then a scalar's bytes and a NUL, or the pairs (key,
 * value) or the items.
 */
static int
put_node(struct buf *b, const struct node *n, int depth)
{
	unsigned char	rec[NODE_REC];
	uint32_t	u;
	size_t		i;

	if (depth > NODE_MAX_DEPTH + 1 || n->n > UINT32_MAX ||
	    (n->kind == NODE_SCALAR && n->u.s.len > UINT32_MAX))
		return -1;
	rec[0] = (unsigned char)n->kind;
	rec[1] = (unsigned char)n->style;
	memcpy(rec + 2, &n->line, 4);
	memcpy(rec + 6, &n->col, 4);
	u = (uint32_t)(n->kind == NODE_SCALAR ? n->u.s.len : n->n);
	memcpy(rec + 10, &u, 4);
	buf_add(b, rec, sizeof rec);
	switch (n->kind) {
	case NODE_SCALAR:
		buf_add(b, n->u.s.str, n->u.s.len + 1);
		return 0;
	case NODE_MAP:
		for (i = 0; i < n->n; i++) {
			/* Keys are rebuilt from their text up to a NUL. */
			if (strlen(n->u.pairs[i].key->u.s.str) !=
			    n->u.pairs[i].key->u.s.len ||
			    put_node(b, n->u.pairs[i].key, depth + 1) != 0 ||
			    put_node(b, n->u.pairs[i].value, depth + 1) != 0)
				return -1;
		}
		return 0;
	case NODE_SEQ:
		for (i = 0; i < n->n; i++)
			if (put_node(b, n->u.items[i], depth + 1) != 0)
				return -1;
		return 0;
	}
	return -1;
}

struct reader {
	const unsigned char	*p, *end;
	struct ydoc		*doc;
};

/* Whether map has a key of k's text already (a damaged entry). */
static int
has_key(const struct node *map, const struct node *k)
{
	const struct node	*o;
	size_t			 i;

	for (i = 0; i < map->n; i++) {
		o = map->u.pairs[i].key;
		if (o->u.s.len == k->u.s.len &&
		    memcmp(o->u.s.str, k->u.s.str, k->u.s.len) == 0)
			return 1;
	}
	return 0;
}

static struct node *
get_node(struct reader *r, int depth)
{
	struct node	*n, *k, *v;
	uint32_t	 line, col, u, i;
	int		 kind, style;

	if (depth > NODE_MAX_DEPTH + 1 || r->end - r->p < NODE_REC)
		return NULL;
	kind = r->p[0];
	style = r->p[1];
	memcpy(&line, r->p + 2, 4);
	memcpy(&col, r->p + 6, 4);
	memcpy(&u, r->p + 10, 4);
	r->p += NODE_REC;
	if (style > NODE_STYLE_BLOCK)
		return NULL;
	switch (kind) {
	case NODE_SCALAR:
		if ((size_t)(r->end - r->p) <= u || r->p[u] != '\0' ||
		    (n = node_scalar(r->doc, (const char *)r->p, u)) == NULL)
			return NULL;
		r->p += (size_t)u + 1;
		break;
	case NODE_MAP:
		if ((n = node_map(r->doc)) == NULL)
			return NULL;
		/* The key node as written, position and all; never twice. */
		for (i = 0; i < u; i++) {
			if ((k = get_node(r, depth + 1)) == NULL ||
			    k->kind != NODE_SCALAR ||
			    strlen(k->u.s.str) != k->u.s.len ||
			    has_key(n, k) ||
			    (v = get_node(r, depth + 1)) == NULL ||
			    node_map_push(r->doc, n, k, v) != 0)
				return NULL;
		}
		break;
	case NODE_SEQ:
		if ((n = node_seq(r->doc)) == NULL)
			return NULL;
		/* A damaged entry sets no error: it is only a miss. */
		for (i = 0; i < u; i++)
			if ((v = get_node(r, depth + 1)) == NULL ||
			    node_seq_push(r->doc, n, v) != 0)
				return NULL;
		break;
	default:
		return NULL;
	}
	n->style = (enum node_style)style;
	n->line = line;
	n->col = col;
	return n;
}

/* The tree of an entry, when the entry is whole and holds src's bytes. */
static struct ydoc *
entry_tree(const char *e, size_t elen, const char *src, size_t len)
{
	struct reader	 r;
	struct node	*root;
	uint64_t	 srclen, plen, sum;
	uint32_t	 order;

	if (elen < CACHE_HEADER || memcmp(e, CACHE_MAGIC, 8) != 0)
		return NULL;
	memcpy(&order, e + 8, 4);
	memcpy(&srclen, e + 16, 8);
	memcpy(&plen, e + 24, 8);
	memcpy(&sum, e + 32, 8);
	if (order != CACHE_ORDER || srclen != len ||
	    elen - CACHE_HEADER < len || elen - CACHE_HEADER - len != plen ||
	    memcmp(e + CACHE_HEADER, src, len) != 0 ||
	    hash64(e + CACHE_HEADER + len, plen) != sum)
		return NULL;
	r.p = (const unsigned char *)e + CACHE_HEADER + len;
	r.end = r.p + plen;
	if ((r.doc = ydoc_new()) == NULL)
		return NULL;
	if ((root = get_node(&r, 0)) == NULL || r.p != r.end) {
		ydoc_free(r.doc);
		return NULL;
	}
	ydoc_set_root(r.doc, root);
	return r.doc;
}

static int
mtime_cmp(const void *a, const void *b)
{
	const struct stat	*x = a, *y = b;

	if (x->st_mtim.tv_sec != y->st_mtim.tv_sec)
		return x->st_mtim.tv_sec < y->st_mtim.tv_sec ? -1 : 1;
	if (x->st_mtim.tv_nsec != y->st_mtim.tv_nsec)
		return x->st_mtim.tv_nsec < y->st_mtim.tv_nsec ? -1 : 1;
	return 0;
}

/*
 * At most CACHE_MAX entries: beyond, the oldest go.  The names are kept
 * beside each stat (st_ino holds the index into names).
 */
static void
prune(const char *dir)
{
	DIR		*dp;
	struct dirent	*de;
	struct stat	 st[CACHE_MAX * 4];
	char		*names[CACHE_MAX * 4];
	struct buf	 p = BUF_INIT;
	size_t		 n = 0, i, len;

	if ((dp = opendir(dir)) == NULL)
		return;
	while ((de = readdir(dp)) != NULL && n < CACHE_MAX * 4) {
		len = strlen(de->d_name);
		if (len < 6 || strcmp(de->d_name + len - 5, ".ncsc") != 0)
			continue;
		buf_reset(&p);
		buf_printf(&p, "%s/%s", dir, de->d_name);
		if (buf_ok(&p) != 0 || stat(p.data, &st[n]) != 0 ||
		    (names[n] = strdup(p.data)) == NULL)
			continue;
		st[n].st_ino = (ino_t)n;
		n++;
	}
	closedir(dp);
	buf_free(&p);
	if (n > CACHE_MAX) {
		qsort(st, n, sizeof st[0], mtime_cmp);
		for (i = 0; i < n - CACHE_KEEP; i++)
			unlink(names[st[i].st_ino]);
	}
	for (i = 0; i < n; i++)
		free(names[i]);
}

static int
make_dirs(char *path)
{
	char	*p;

	for (p = path + 1; *p != '\0'; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(path, 0700) != 0 && errno != EEXIST) {
			*p = '/';
			return -1;
		}
		*p = '/';
	}
	return mkdir(path, 0700) != 0 && errno != EEXIST ? -1 : 0;
}

/* Keep the tree of src's bytes; quietly nothing on any failure. */
static void
entry_put(const char *dir, const char *path, const char *src, size_t len,
    const struct node *root)
{
	struct buf	 b = BUF_INIT, tmp = BUF_INIT;
	char		*mk = NULL;
	uint64_t	 u;
	uint32_t	 order = CACHE_ORDER, zero = 0;
	size_t		 off;
	ssize_t		 w;
	int		 fd;

	buf_add(&b, CACHE_MAGIC, 8);
	buf_add(&b, &order, 4);
	buf_add(&b, &zero, 4);
	u = len;
	buf_add(&b, &u, 8);
	buf_add(&b, &zero, 4);	/* payload length and sum, below */
	buf_add(&b, &zero, 4);
	buf_add(&b, &zero, 4);
	buf_add(&b, &zero, 4);
	buf_add(&b, src, len);
	if (put_node(&b, root, 0) != 0 || buf_ok(&b) != 0)
		goto done;
	u = b.len - CACHE_HEADER - len;
	memcpy(b.data + 24, &u, 8);
	u = hash64(b.data + CACHE_HEADER + len, b.len - CACHE_HEADER - len);
	memcpy(b.data + 32, &u, 8);
	if ((mk = strdup(dir)) == NULL || make_dirs(mk) != 0)
		goto done;
	buf_printf(&tmp, "%s.tmp-XXXXXX", path);
	if (buf_ok(&tmp) != 0 || (fd = mkstemp(tmp.data)) == -1)
		goto done;
	for (off = 0; off < b.len; off += (size_t)w) {
		if ((w = write(fd, b.data + off, b.len - off)) == -1 &&
		    errno == EINTR) {
			w = 0;
			continue;
		}
		if (w <= 0)
			break;
	}
	if (close(fd) != 0 || off != b.len || rename(tmp.data, path) != 0)
		unlink(tmp.data);
	else
		prune(dir);
done:
	free(mk);
	buf_free(&b);
	buf_free(&tmp);
}

/* A file parsed, not found in the cache: kept or not by its caller. */
struct schema_cache_miss {
	char	*dir;
	char	*epath;
	char	*src;
	size_t	 len;
};

int
schema_cache_load(struct ydoc **out, const char *path, struct diags *d,
    int *hit, struct schema_cache_miss **miss)
{
	struct schema_cache_miss *m;
	struct ydoc	*doc;
	char		*src = NULL, *dir = NULL, *epath = NULL, *e = NULL;
	size_t		 len, elen;
	int		 rc;

	*out = NULL;
	*hit = 0;
	*miss = NULL;
	if ((dir = cache_dir()) == NULL ||
	    read_file(path, CACHE_MAX_SRC, 0, &src, &len) != 0 ||
	    (epath = entry_path(dir, src, len)) == NULL) {
		/* The reader's own messages for what it cannot read. */
		rc = ydoc_load(out, path, d);
		goto done;
	}
	if (read_file(epath, CACHE_HEADER + 8 * (size_t)CACHE_MAX_SRC, 1,
	    &e, &elen) == 0 &&
	    (doc = entry_tree(e, elen, src, len)) != NULL) {
		*out = doc;
		*hit = 1;
		rc = 0;
		goto done;
	}
	if ((rc = ydoc_parse(out, src, len, path, d)) == 0 &&
	    ydoc_root(*out) != NULL && (m = malloc(sizeof *m)) != NULL) {
		m->dir = dir;
		m->epath = epath;
		m->src = src;
		m->len = len;
		*miss = m;
		dir = epath = src = NULL;
	}
done:
	free(src);
	free(dir);
	free(epath);
	free(e);
	return rc;
}

void
schema_cache_done(struct schema_cache_miss *miss, const struct node *root,
    int keep)
{
	if (miss == NULL)
		return;
	if (keep)
		entry_put(miss->dir, miss->epath, miss->src, miss->len, root);
	free(miss->dir);
	free(miss->epath);
	free(miss->src);
	free(miss);
}
