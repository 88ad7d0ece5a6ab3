/*
 * YAML documents as trees of plain data: the reader on libyaml's event
 * parser, and our own deterministic writer.
 */
#include <sys/mman.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <yaml.h>

#include "fileio.h"
#include "node.h"
#include "quickdoc.h"
#include "quickhead.h"
#include "strmap.h"
#include "text.h"

#define ARENA_CHUNK	(32 * 1024)
/* A mapping with more keys than this finds duplicates through a hash. */
#define DUP_LINEAR	16

struct chunk {
	struct chunk	*next;
	size_t		 used;
	size_t		 size;
	max_align_t	 data[];
};

struct ydoc {
	struct chunk	*chunks;
	struct node	*root;
	char		*path;
};

/*
 * The arena's standard chunks come from one pool for the whole process
 * (issue 15).  Reading records one after another, a command builds a
 * tree, frees it and builds the next: from the pool the next tree takes
 * the chunks the last one gave back, memory already mapped, where
 * malloc() and free() could hand out fresh pages.  The pool is one
 * reservation of 64 MiB of address space (MAP_NORESERVE: memory only
 * where touched) marked for transparent huge pages: where the system
 * allows them (transparent_hugepage "madvise", as on the benchmark
 * machine, or "always") the kernel backs it with 2 MiB pages, so the
 * trees of the schemas and of a large record cost a few page faults
 * rather than one per 4 KiB.  A page fault costs some 10-17 us on the
 * virtual machines this runs on, and lint of one fiscal year took 1,000
 * of them more than the libyaml floor, mostly building trees.  When the
 * reservation cannot be made or is used up (trees of several large
 * records alive at once), or a sanitizer is watching the heap (which must
 * see every chunk come and go), chunks come from malloc() as before.
 */
#define POOL_RESERVE	((size_t)64 * 1024 * 1024)
#define POOL_ALIGN	((size_t)2 * 1024 * 1024)
#define POOL_CHUNK	(sizeof(struct chunk) + ARENA_CHUNK)

#if defined(__SANITIZE_ADDRESS__)
#define POOL_OFF	1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(memory_sanitizer)
#define POOL_OFF	1
#endif
#endif
#ifndef POOL_OFF
#define POOL_OFF	0
#endif

static struct {
	char		*base;		/* the reservation, or NULL */
	char		*next;		/* first byte never handed out */
	char		*end;
	struct chunk	*free;		/* chunks given back */
	int		 tried;
} pool;

static void
pool_init(void)
{
	char	*raw, *base;
	size_t	 head;

	pool.tried = 1;
	if (POOL_OFF)
		return;
	raw = mmap(NULL, POOL_RESERVE + POOL_ALIGN, PROT_READ | PROT_WRITE,
	    MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	if (raw == MAP_FAILED)
		return;
	/* Aligned to a huge page, the slack on either side unmapped. */
	base = (char *)(((uintptr_t)raw + POOL_ALIGN - 1) &
	    ~(uintptr_t)(POOL_ALIGN - 1));
	head = (size_t)(base - raw);
	if (head != 0)
		munmap(raw, head);
	if (POOL_ALIGN - head != 0)
		munmap(base + POOL_RESERVE, POOL_ALIGN - head);
#ifdef MADV_HUGEPAGE
	(void)madvise(base, POOL_RESERVE, MADV_HUGEPAGE);
#endif
	pool.base = pool.next = base;
	pool.end = base + POOL_RESERVE;
}

static struct chunk *
pool_get(void)
{
	struct chunk	*c;

	if ((c = pool.free) != NULL) {
		pool.free = c->next;
		return c;
	}
	if (!pool.tried)
		pool_init();
	if (pool.base == NULL || (size_t)(pool.end - pool.next) < POOL_CHUNK)
		return malloc(POOL_CHUNK);
	c = (struct chunk *)(void *)pool.next;
	pool.next += POOL_CHUNK;
	return c;
}

static void
chunk_free(struct chunk *c)
{
	if (pool.base != NULL && (char *)c >= pool.base &&
	    (char *)c < pool.end) {
		c->next = pool.free;
		pool.free = c;
	} else
		free(c);
}

/* A new chunk for n bytes (n already rounded), then the block. */
static void *
arena_grow(struct ydoc *doc, size_t n)
{
	struct chunk	*c;
	size_t		 size;
	void		*p;

	if (n > ARENA_CHUNK / 4) {
		size = n;
		c = malloc(sizeof *c + size);
	} else {
		size = ARENA_CHUNK;
		c = pool_get();
	}
	if (c == NULL)
		return NULL;
	c->size = size;
	c->used = 0;
	if (n > ARENA_CHUNK / 4 && doc->chunks != NULL) {
		/* A big block: keep the current chunk for small ones. */
		c->next = doc->chunks->next;
		doc->chunks->next = c;
	} else {
		c->next = doc->chunks;
		doc->chunks = c;
	}
	p = (char *)c->data + c->used;
	c->used += n;
	return p;
}

static inline void *
arena_alloc(struct ydoc *doc, size_t n)
{
	struct chunk	*c = doc->chunks;
	void		*p;

	n = (n + sizeof(max_align_t) - 1) & ~(sizeof(max_align_t) - 1);
	if (c == NULL || c->size - c->used < n)
		return arena_grow(doc, n);
	p = (char *)c->data + c->used;
	c->used += n;
	return p;
}

struct ydoc *
ydoc_new(void)
{
	return calloc(1, sizeof(struct ydoc));
}

void
ydoc_free(struct ydoc *doc)
{
	struct chunk	*c, *next;

	if (doc == NULL)
		return;
	for (c = doc->chunks; c != NULL; c = next) {
		next = c->next;
		chunk_free(c);
	}
	free(doc->path);
	free(doc);
}

struct node *
ydoc_root(const struct ydoc *doc)
{
	return doc->root;
}

void
ydoc_set_root(struct ydoc *doc, struct node *root)
{
	doc->root = root;
}

const char *
ydoc_path(const struct ydoc *doc)
{
	return doc->path != NULL ? doc->path : "";
}

static struct node *
node_alloc(struct ydoc *doc, enum node_kind kind)
{
	struct node	*n;

	if ((n = arena_alloc(doc, sizeof *n)) == NULL)
		return NULL;
	memset(n, 0, sizeof *n);
	n->kind = kind;
	return n;
}

/*
 * A scalar and its text in one block of the arena (issue 15: one
 * allocation instead of two, and the text next to its node for the walks
 * that read both).
 */
struct node *
node_scalar(struct ydoc *doc, const char *s, size_t len)
{
	struct node	*n;
	char		*p;

	if (len > SIZE_MAX - sizeof *n - sizeof(max_align_t) ||
	    (n = arena_alloc(doc, sizeof *n + len + 1)) == NULL)
		return NULL;
	p = (char *)(n + 1);
	n->kind = NODE_SCALAR;
	n->style = NODE_STYLE_AUTO;
	n->line = n->col = 0;
	n->n = n->cap = 0;
	if (len != 0)
		memcpy(p, s, len);
	p[len] = '\0';
	n->u.s.str = p;
	n->u.s.len = len;
	return n;
}

struct node *
node_str(struct ydoc *doc, const char *s)
{
	return node_scalar(doc, s, strlen(s));
}

struct node *
node_map(struct ydoc *doc)
{
	return node_alloc(doc, NODE_MAP);
}

struct node *
node_seq(struct ydoc *doc)
{
	return node_alloc(doc, NODE_SEQ);
}

/* Room for one more item or pair; arrays live in the arena too. */
static int
node_reserve(struct ydoc *doc, struct node *n)
{
	size_t	 cap, size;
	void	*p;

	if (n->n < n->cap)
		return 0;
	cap = n->cap ? n->cap * 2 : 4;
	size = n->kind == NODE_MAP ? sizeof(struct node_pair) :
	    sizeof(struct node *);
	if ((p = arena_alloc(doc, cap * size)) == NULL)
		return error_set(NC_ENOMEM, "out of memory");
	if (n->n != 0)
		memcpy(p, n->kind == NODE_MAP ? (void *)n->u.pairs :
		    (void *)n->u.items, n->n * size);
	if (n->kind == NODE_MAP)
		n->u.pairs = p;
	else
		n->u.items = p;
	n->cap = cap;
	return 0;
}

int
node_seq_push(struct ydoc *doc, struct node *seq, struct node *v)
{
	if (v == NULL)
		return error_set(NC_ENOMEM, "out of memory");
	if (node_reserve(doc, seq) != 0)
		return NC_ENOMEM;
	seq->u.items[seq->n++] = v;
	return 0;
}

int
node_map_set_list(struct ydoc *doc, struct node *map, const char *key,
    const char *const *v, size_t n,
    struct node *(*make)(struct ydoc *, const char *))
{
	struct node	*seq;
	size_t		 i;
	int		 rc;

	if (n == 0)
		return 0;
	if (make == NULL)
		make = node_str;
	if ((seq = node_seq(doc)) == NULL)
		return error_set(NC_ENOMEM, "out of memory");
	for (i = 0; i < n; i++)
		if ((rc = node_seq_push(doc, seq, make(doc, v[i]))) != 0)
			return rc;
	return node_map_set(doc, map, key, seq);
}

int
node_map_push(struct ydoc *doc, struct node *map, struct node *k,
    struct node *v)
{
	if (k == NULL || v == NULL)
		return error_set(NC_ENOMEM, "out of memory");
	if (node_reserve(doc, map) != 0)
		return NC_ENOMEM;
	map->u.pairs[map->n].key = k;
	map->u.pairs[map->n].value = v;
	map->n++;
	return 0;
}

int
node_map_set(struct ydoc *doc, struct node *map, const char *key,
    struct node *value)
{
	size_t	i;

	if (value == NULL)
		return error_set(NC_ENOMEM, "out of memory");
	for (i = 0; i < map->n; i++) {
		if (strcmp(map->u.pairs[i].key->u.s.str, key) == 0) {
			map->u.pairs[i].value = value;
			return 0;
		}
	}
	return node_map_push(doc, map, node_str(doc, key), value);
}

int
node_map_set_str(struct ydoc *doc, struct node *map, const char *key,
    const char *value)
{
	return node_map_set(doc, map, key, node_str(doc, value));
}

int
node_map_remove(struct node *map, const char *key)
{
	size_t	i;

	for (i = 0; i < map->n; i++) {
		if (strcmp(map->u.pairs[i].key->u.s.str, key) == 0) {
			memmove(&map->u.pairs[i], &map->u.pairs[i + 1],
			    (map->n - i - 1) * sizeof *map->u.pairs);
			map->n--;
			return 0;
		}
	}
	return NC_ENOTFOUND;
}

static struct node *
node_copy_depth(struct ydoc *doc, const struct node *src, int depth)
{
	struct node	*n, *k, *v;
	size_t		 i;

	if (depth > NODE_MAX_DEPTH)
		return NULL;
	switch (src->kind) {
	case NODE_SCALAR:
		n = node_scalar(doc, src->u.s.str, src->u.s.len);
		break;
	case NODE_MAP:
		if ((n = node_map(doc)) == NULL)
			return NULL;
		for (i = 0; i < src->n; i++) {
			k = node_copy_depth(doc, src->u.pairs[i].key, depth + 1);
			v = node_copy_depth(doc, src->u.pairs[i].value,
			    depth + 1);
			if (node_map_push(doc, n, k, v) != 0)
				return NULL;
		}
		break;
	default:
		if ((n = node_seq(doc)) == NULL)
			return NULL;
		for (i = 0; i < src->n; i++) {
			v = node_copy_depth(doc, src->u.items[i], depth + 1);
			if (node_seq_push(doc, n, v) != 0)
				return NULL;
		}
		break;
	}
	if (n != NULL) {
		n->style = src->style;
		n->line = src->line;
		n->col = src->col;
	}
	return n;
}

struct node *
node_copy(struct ydoc *doc, const struct node *src)
{
	return node_copy_depth(doc, src, 0);
}

/*
 * Whether the key k is the text name of len bytes: strcmp() == 0 from
 * the lengths both have (a key built in memory may hold a NUL; it is
 * compared up to the NUL, as strcmp() does).
 */
static int
key_is(const struct node *k, const char *name, size_t len)
{
	if (k->u.s.str[0] != name[0])
		return 0;
	if (k->u.s.len == len)
		return memcmp(k->u.s.str, name, len) == 0;
	return k->u.s.len > len && k->u.s.str[len] == '\0' &&
	    memcmp(k->u.s.str, name, len) == 0;
}

struct node *
node_get(const struct node *map, const char *key)
{
	size_t	i, len;

	if (map == NULL || map->kind != NODE_MAP)
		return NULL;
	len = strlen(key);
	for (i = 0; i < map->n; i++) {
		if (key_is(map->u.pairs[i].key, key, len))
			return map->u.pairs[i].value;
	}
	return NULL;
}

int
node_is_null(const struct node *n)
{
	const char	*s;

	if (n == NULL)
		return 1;
	if (n->kind != NODE_SCALAR || n->style == NODE_STYLE_QUOTED ||
	    n->style == NODE_STYLE_BLOCK)
		return 0;
	s = n->u.s.str;
	/* by the first character: asked about every field of a write */
	switch (*s) {
	case '\0':
		return 1;
	case '~':
		return s[1] == '\0';
	case 'n':
		return strcmp(s, "null") == 0;
	case 'N':
		return strcmp(s, "Null") == 0 || strcmp(s, "NULL") == 0;
	default:
		return 0;
	}
}

const char *
node_get_str(const struct node *map, const char *key)
{
	const struct node	*v = node_get(map, key);

	if (v == NULL || v->kind != NODE_SCALAR || node_is_null(v))
		return NULL;
	return v->u.s.str;
}

int
node_scalar_eq(const struct node *n, const char *s)
{
	return n != NULL && n->kind == NODE_SCALAR && strcmp(n->u.s.str, s) == 0;
}

/*
 * Reading.
 */

struct parse_state {
	struct ydoc	 *doc;
	struct diags	 *d;
	const char	 *path;
	struct node	 *stack[NODE_MAX_DEPTH + 1];
	struct node	 *pending_key[NODE_MAX_DEPTH + 1];
	struct strmap	 *keys[NODE_MAX_DEPTH + 1];	/* of big mappings */
	int		  depth;
	int		  docs;
	int		  bad;		/* a problem was reported */
	int		  fatal;	/* stop reading: going on cannot help */
	int		  problems;
	const char *const *want;	/* stop once these top-level keys are in */
	size_t		  nwant;
	uint64_t	  found;	/* bit i: want[i] seen */
};

static unsigned
mark_line(const yaml_mark_t *m)
{
	return (unsigned)m->line + 1;
}

static unsigned
mark_col(const yaml_mark_t *m)
{
	return (unsigned)m->column + 1;
}

/* One more problem reported at line, col: past the limit, stop reading. */
static void
counted(struct parse_state *ps, unsigned line, unsigned col)
{
	ps->bad = 1;
	if (++ps->problems == NODE_MAX_PROBLEMS) {
		diags_add(ps->d, ps->path, line, col, "more than %d problems;"
		    " stopped reading", NODE_MAX_PROBLEMS);
		ps->fatal = 1;
	}
}

static void
parse_report(struct parse_state *ps, const yaml_mark_t *m, const char *what)
{
	if (ps->fatal)
		return;
	diags_add(ps->d, ps->path, mark_line(m), mark_col(m), "%s", what);
	counted(ps, mark_line(m), mark_col(m));
}

/*
 * The key of parent equal to key, or NULL (with the error cleared, or
 * NC_ENOMEM set).  Big mappings keep their keys in a hash, so a file of
 * many keys costs time in proportion to its size, not to its square; key
 * is added when it is new.
 */
static const struct node *
find_key(struct parse_state *ps, struct node *parent, struct node *key)
{
	struct strmap	**keys = &ps->keys[ps->depth - 1];
	size_t		  i;

	error_clear();
	if (*keys == NULL && parent->n < DUP_LINEAR) {
		for (i = 0; i < parent->n; i++) {
			if (parent->u.pairs[i].key->u.s.str[0] ==
			    key->u.s.str[0] &&
			    strcmp(parent->u.pairs[i].key->u.s.str,
			    key->u.s.str) == 0)
				return parent->u.pairs[i].key;
		}
		return NULL;
	}
	if (*keys == NULL) {
		if ((*keys = strmap_new()) == NULL) {
			error_set(NC_ENOMEM, "out of memory");
			return NULL;
		}
		for (i = 0; i < parent->n; i++) {
			if (strmap_put(*keys, parent->u.pairs[i].key->u.s.str,
			    parent->u.pairs[i].key) != 0)
				return NULL;
		}
	}
	if ((parent = strmap_get(*keys, key->u.s.str)) != NULL)
		return parent;
	if (strmap_put(*keys, key->u.s.str, key) != 0)
		return NULL;
	return NULL;
}

/* Attach a finished node to its parent (or make it the root). */
static int
parse_attach(struct parse_state *ps, struct node *n, const yaml_mark_t *m)
{
	struct node		*parent, *key;
	const struct node	*first;
	size_t			 i;

	if (ps->depth == 0) {
		ps->doc->root = n;
		return 0;
	}
	parent = ps->stack[ps->depth - 1];
	if (parent->kind == NODE_SEQ)
		return node_seq_push(ps->doc, parent, n);
	key = ps->pending_key[ps->depth - 1];
	if (key == NULL) {
		if (n->kind != NODE_SCALAR) {
			diags_add(ps->d, ps->path, n->line, n->col, "a key must"
			    " be a plain text, not a mapping or sequence");
			counted(ps, n->line, n->col);
			/* Keep a placeholder so the value pairs up. */
			n = node_str(ps->doc, "");
			if (n == NULL)
				return NC_ENOMEM;
			n->line = mark_line(m);
			n->col = mark_col(m);
		}
		if (n->u.s.len > NODE_MAX_KEY) {
			diags_add(ps->d, ps->path, n->line, n->col, "a key of"
			    " %zu bytes; keys are at most %d bytes",
			    n->u.s.len, NODE_MAX_KEY);
			counted(ps, n->line, n->col);
		}
		ps->pending_key[ps->depth - 1] = n;
		return 0;
	}
	ps->pending_key[ps->depth - 1] = NULL;
	if ((first = find_key(ps, parent, key)) == NULL && error_code() ==
	    NC_ENOMEM)
		return NC_ENOMEM;
	if (first != NULL) {
		diags_add(ps->d, ps->path, key->line, key->col,
		    "duplicate key '%.*s' (first at line %u)", NODE_MAX_KEY,
		    key->u.s.str, first->line);
		counted(ps, key->line, key->col);
		return 0;
	}
	if (parent->n == NODE_MAX_KEYS) {
		diags_add(ps->d, ps->path, key->line, key->col, "more than %d"
		    " keys in one mapping; stopped reading", NODE_MAX_KEYS);
		ps->bad = ps->fatal = 1;
		return 0;
	}
	if (ps->nwant > 0 && ps->depth == 1) {
		for (i = 0; i < ps->nwant; i++) {
			if (strcmp(ps->want[i], key->u.s.str) == 0)
				ps->found |= (uint64_t)1 << i;
		}
	}
	return node_map_push(ps->doc, parent, key, n);
}

static int
parse_event(struct parse_state *ps, yaml_event_t *ev)
{
	const yaml_mark_t	*m = &ev->start_mark;
	struct node		*n = NULL;
	yaml_char_t		*anchor = NULL, *tag = NULL;
	enum node_style		 style;

	switch (ev->type) {
	case YAML_DOCUMENT_START_EVENT:
		if (++ps->docs == 2) {
			/* Nothing after this is read: stop here. */
			parse_report(ps, m, "a second document in the file;"
			    " a record is one document");
			ps->fatal = 1;
		}
		return 0;
	case YAML_ALIAS_EVENT:
		parse_report(ps, m, "aliases (*name) are not allowed in"
		    " records; write the value out");
		if ((n = node_str(ps->doc, "")) == NULL)
			return error_set(NC_ENOMEM, "out of memory");
		n->line = mark_line(m);
		n->col = mark_col(m);
		return parse_attach(ps, n, m);
	case YAML_SCALAR_EVENT:
		anchor = ev->data.scalar.anchor;
		tag = ev->data.scalar.tag;
		break;
	case YAML_SEQUENCE_START_EVENT:
		anchor = ev->data.sequence_start.anchor;
		tag = ev->data.sequence_start.tag;
		break;
	case YAML_MAPPING_START_EVENT:
		anchor = ev->data.mapping_start.anchor;
		tag = ev->data.mapping_start.tag;
		break;
	case YAML_SEQUENCE_END_EVENT:
	case YAML_MAPPING_END_EVENT:
		ps->depth--;
		ps->pending_key[ps->depth] = NULL;
		strmap_free(ps->keys[ps->depth]);
		ps->keys[ps->depth] = NULL;
		n = ps->stack[ps->depth];
		return parse_attach(ps, n, m);
	default:
		return 0;
	}

	if (anchor != NULL)
		parse_report(ps, m, "anchors (&name) are not allowed in records");
	if (tag != NULL)
		parse_report(ps, m, "tags (!tag) are not allowed in records");

	if (ev->type == YAML_SCALAR_EVENT) {
		/*
		 * The reader refuses a raw NUL as it does every control
		 * character: only an escape (\0, \x00, \u0000) of a
		 * double-quoted scalar makes one.
		 */
		if (ev->data.scalar.style == YAML_DOUBLE_QUOTED_SCALAR_STYLE &&
		    memchr(ev->data.scalar.value, '\0',
		    ev->data.scalar.length) != NULL)
			parse_report(ps, m, "text contains a NUL character");
		n = node_scalar(ps->doc, (const char *)ev->data.scalar.value,
		    ev->data.scalar.length);
		if (n == NULL)
			return error_set(NC_ENOMEM, "out of memory");
		switch (ev->data.scalar.style) {
		case YAML_PLAIN_SCALAR_STYLE:
			style = NODE_STYLE_PLAIN;
			break;
		case YAML_LITERAL_SCALAR_STYLE:
		case YAML_FOLDED_SCALAR_STYLE:
			style = NODE_STYLE_BLOCK;
			break;
		default:
			style = NODE_STYLE_QUOTED;
			break;
		}
		n->style = style;
		n->line = mark_line(m);
		n->col = mark_col(m);
		return parse_attach(ps, n, m);
	}

	if (ps->depth == NODE_MAX_DEPTH) {
		/*
		 * Stop at once: libyaml's work on deeper flow collections
		 * grows with the square of their depth.
		 */
		parse_report(ps, m, "nesting deeper than 64 levels");
		ps->fatal = 1;
		return 0;
	}
	/*
	 * Keys of a flow mapping are not at line starts, nor those of a
	 * mapping that does not start at column 0: read it all.
	 */
	if (ps->depth == 0 && ev->type == YAML_MAPPING_START_EVENT &&
	    (ev->data.mapping_start.style == YAML_FLOW_MAPPING_STYLE ||
	    m->column != 0))
		ps->nwant = 0;
	n = ev->type == YAML_MAPPING_START_EVENT ? node_map(ps->doc) :
	    node_seq(ps->doc);
	if (n == NULL)
		return error_set(NC_ENOMEM, "out of memory");
	n->line = mark_line(m);
	n->col = mark_col(m);
	ps->pending_key[ps->depth] = NULL;
	ps->keys[ps->depth] = NULL;
	ps->stack[ps->depth++] = n;
	return 0;
}

/*
 * Lines that git leaves in a file with a merge conflict.  libyaml would
 * report something confusing about them, so they are looked for first.
 */
static int
conflict_marker(const char *p, const char *nl)
{
	return (nl - p >= 7 && (memcmp(p, "<<<<<<<", 7) == 0 ||
	    memcmp(p, ">>>>>>>", 7) == 0 ||
	    memcmp(p, "|||||||", 7) == 0) &&
	    (nl - p == 7 || p[7] == ' ')) ||
	    (nl - p == 7 && memcmp(p, "=======", 7) == 0);
}

/* Report the marker at line; 1 when reading should stop. */
static int
conflict_report(int *found, const char *p, unsigned line, const char *path,
    struct diags *d)
{
	if ((*found)++ == NODE_MAX_PROBLEMS) {
		diags_add(d, path, line, 1, "more than %d conflict markers;"
		    " stopped reading", NODE_MAX_PROBLEMS);
		return 1;
	}
	diags_add(d, path, line, 1, "git conflict marker '%.7s'; resolve the"
	    " merge and remove the markers", p);
	return 0;
}

/*
 * Whether a line of buf may start with a conflict marker: one memchr()
 * walk per marker character instead of one call per line (issue 15: most
 * records have none of the four characters at a line start).
 */
static int
may_have_conflicts(const char *buf, size_t len)
{
	static const char	 marks[] = "<>|=";
	const char		*p, *end = buf + len, *nl;
	size_t			 i;

	for (i = 0; marks[i] != '\0'; i++) {
		for (p = buf; (p = memchr(p, marks[i], (size_t)(end - p))) !=
		    NULL; p++) {
			if (p != buf && p[-1] != '\n')
				continue;
			if ((nl = memchr(p, '\n', (size_t)(end - p))) == NULL)
				nl = end;
			if (conflict_marker(p, nl))
				return 1;
		}
	}
	return 0;
}

static int
scan_conflicts(const char *buf, size_t len, const char *path, struct diags *d)
{
	const char	*p = buf, *end = buf + len, *nl;
	unsigned	 line = 1;
	int		 found = 0;

	if (!may_have_conflicts(buf, len))
		return 0;
	while (p < end) {
		nl = memchr(p, '\n', (size_t)(end - p));
		if (nl == NULL)
			nl = end;
		if (conflict_marker(p, nl) &&
		    conflict_report(&found, p, line, path, d))
			break;
		p = nl + 1;
		line++;
	}
	return found;
}

/*
 * The length of the YAML line break at p (LF, CR, CR LF, NEL, LS, PS), or
 * 0 when p starts none.
 */
static size_t
line_break(const char *p, const char *end)
{
	const unsigned char	*u = (const unsigned char *)p;

	if (*u == '\n')
		return 1;
	if (*u == '\r')
		return end - p > 1 && u[1] == '\n' ? 2 : 1;
	if (*u == 0xc2 && end - p > 1 && u[1] == 0x85)
		return 2;
	if (*u == 0xe2 && end - p > 2 && u[1] == 0x80 &&
	    (u[2] == 0xa8 || u[2] == 0xa9))
		return 3;
	return 0;
}

/*
 * Whether the line at p..end could hold key as a key at column 0: 1 for
 * yes or cannot tell (an explicit key, a quoted key with escapes, a
 * property before the key), 0 only when it surely does not.
 */
static int
line_may_start_key(const char *p, const char *end, const char *key,
    size_t klen)
{
	const char	*q;
	char		 quote;

	if (p == end)
		return 0;
	switch (*p) {
	case ' ':
	case '#':
		/* Indented or a comment: not a key of the top mapping. */
		return 0;
	case '"':
	case '\'':
		quote = *p++;
		for (q = p; q < end && *q != quote; q++) {
			/* Escapes or a doubled quote: cannot tell cheaply. */
			if (*q == '\\' && quote == '"')
				return 1;
			if (line_break(q, end) != 0)
				return 1;
		}
		if (q + 1 < end && quote == '\'' && q[1] == '\'')
			return 1;
		if (q == end)
			return 1;
		if ((size_t)(q - p) != klen || memcmp(p, key, klen) != 0)
			return 0;
		p = q + 1;
		break;
	case '?':
	case '&':
	case '!':
	case '*':
	case '[':
	case '{':
	case '\t':
		return 1;
	default:
		if ((size_t)(end - p) <= klen || memcmp(p, key, klen) != 0)
			return 0;
		p += klen;
		break;
	}
	while (p < end && (*p == ' ' || *p == '\t'))
		p++;
	return p < end && *p == ':';
}

/*
 * Whether key may stand as a top-level key of a block mapping starting at
 * column 0: at the start of a line (after any YAML line break, or a BOM at
 * the start of the file), plain or quoted, followed by spaces or tabs and
 * a colon.  Errs towards yes: only a no makes the reader stop before the
 * end of the file.
 */
static int
key_at_line_start(const char *buf, size_t len, const char *key)
{
	const char	*p = buf, *end = buf + len, *q;
	size_t		 klen = strlen(key), n = 0;

	if (len >= 3 && memcmp(p, "\xef\xbb\xbf", 3) == 0)
		p += 3;
	for (;;) {
		/* The end of this line, at the next line break. */
		for (q = p; q < end && (n = line_break(q, end)) == 0; q++)
			;
		if (line_may_start_key(p, q, key, klen))
			return 1;
		if (q == end)
			return 0;
		p = q + n;
	}
}

/*
 * Whether a line break other than LF (CR, NEL, LS, PS) is in buf: only
 * then must the key scan look for line starts byte by byte.
 */
static int
other_breaks(const char *buf, size_t len)
{
	const char	*p, *end = buf + len;

	if (memchr(buf, '\r', len) != NULL)
		return 1;
	for (p = buf; (p = memchr(p, 0xc2, (size_t)(end - p))) != NULL; p++)
		if (line_break(p, end) != 0)
			return 1;
	for (p = buf; (p = memchr(p, 0xe2, (size_t)(end - p))) != NULL; p++)
		if (line_break(p, end) != 0)
			return 1;
	return 0;
}

/*
 * The conflict scan and the key scan of the quick reader in one walk
 * over the lines (issue 15: they were a walk for the markers and one
 * byte-by-byte walk per wanted key, most of the cost of listing large
 * records).  Sets the bit of each wanted key no line can start in
 * *absent; returns the number of conflict markers, as scan_conflicts().
 * A file with line breaks other than LF takes the byte-by-byte walk.
 */
static int
prescan(const char *buf, size_t len, const char *path, struct diags *d,
    const char *const *want, size_t nwant, uint64_t *absent)
{
	const char	*p = buf, *end = buf + len, *nl;
	uint64_t	 maybe = 0, all = ((uint64_t)1 << nwant) - 1;
	size_t		 i, klen[64];
	unsigned	 line = 1;
	int		 found = 0;

	*absent = 0;
	if (other_breaks(buf, len)) {
		if ((found = scan_conflicts(buf, len, path, d)) != 0)
			return found;
		for (i = 0; i < nwant; i++)
			if (!key_at_line_start(buf, len, want[i]))
				*absent |= (uint64_t)1 << i;
		return 0;
	}
	for (i = 0; i < nwant; i++)
		klen[i] = strlen(want[i]);
	if (len >= 3 && memcmp(p, "\xef\xbb\xbf", 3) == 0 && nwant > 0) {
		/* After a BOM, as key_at_line_start(); never a marker. */
		nl = memchr(p, '\n', len);
		for (i = 0; i < nwant; i++)
			if (line_may_start_key(p + 3, nl != NULL ? nl : end,
			    want[i], klen[i]))
				maybe |= (uint64_t)1 << i;
	}
	while (p < end) {
		nl = memchr(p, '\n', (size_t)(end - p));
		if (nl == NULL)
			nl = end;
		if (*p != ' ' && p < nl) {
			if (conflict_marker(p, nl) &&
			    conflict_report(&found, p, line, path, d))
				break;
			for (i = 0; maybe != all && i < nwant; i++)
				if (!(maybe & ((uint64_t)1 << i)) &&
				    line_may_start_key(p, nl, want[i], klen[i]))
					maybe |= (uint64_t)1 << i;
		}
		p = nl + 1;
		line++;
	}
	*absent = all & ~maybe;
	return found;
}

/*
 * libyaml decodes all it has read before it scans a token, and its
 * string input hands it 16 KiB at a time: a reader that stops after the
 * first fields would decode the whole of a large record.  In these
 * chunks it decodes little more than it parses.
 */
#define PARSE_CHUNK	256

struct chunk_input {
	const unsigned char	*p;
	const unsigned char	*end;
};

static int
chunk_read(void *arg, unsigned char *buf, size_t size, size_t *nread)
{
	struct chunk_input	*in = arg;
	size_t			 left = (size_t)(in->end - in->p);

	if (size > PARSE_CHUNK)
		size = PARSE_CHUNK;
	if (size > left)
		size = left;
	memcpy(buf, in->p, size);
	in->p += size;
	*nread = size;
	return 1;
}

static int
parse_libyaml(struct ydoc **out, const char *buf, size_t len,
    const char *path, struct diags *d, const char *const *want, size_t nwant)
{
	struct chunk_input	 in;
	uint64_t		 absent = 0;
	struct parse_state	 ps;
	yaml_parser_t		 parser;
	yaml_event_t		 ev;
	struct ydoc		*doc;
	size_t			 i;
	int			 rc = 0, done = 0;

	*out = NULL;
	if (len > NODE_MAX_BYTES) {
		diags_add(d, path, 0, 0, "a file of %zu bytes; a record is at"
		    " most %d MiB", len, NODE_MAX_BYTES / (1024 * 1024));
		return error_set(NC_EINVALID, "%s: larger than %d MiB", path,
		    NODE_MAX_BYTES / (1024 * 1024));
	}
	if ((doc = ydoc_new()) == NULL)
		return error_set(NC_ENOMEM, "out of memory");
	if (path != NULL && (doc->path = strdup(path)) == NULL) {
		ydoc_free(doc);
		return error_set(NC_ENOMEM, "out of memory");
	}
	memset(&ps, 0, sizeof ps);
	ps.doc = doc;
	ps.d = d;
	ps.path = path;
	ps.want = want;
	ps.nwant = nwant < 64 ? nwant : 0;
	/* libyaml reads UTF-16 after its BOM; the key scan reads UTF-8. */
	if (len >= 2 && (((unsigned char)buf[0] == 0xfe &&
	    (unsigned char)buf[1] == 0xff) || ((unsigned char)buf[0] == 0xff &&
	    (unsigned char)buf[1] == 0xfe)))
		ps.nwant = 0;
	if ((ps.nwant == 0 ? scan_conflicts(buf, len, path, d) :
	    prescan(buf, len, path, d, want, ps.nwant, &absent)) != 0) {
		ydoc_free(doc);
		return error_set(NC_EINVALID, "%s: unresolved merge conflict",
		    path);
	}
	/* A wanted key the file does not have counts as in from the start. */
	ps.found = absent;
	if (!yaml_parser_initialize(&parser)) {
		ydoc_free(doc);
		return error_set(NC_ENOMEM, "out of memory");
	}
	if (ps.nwant > 0) {
		in.p = (const unsigned char *)buf;
		in.end = in.p + len;
		yaml_parser_set_input(&parser, chunk_read, &in);
	} else
		yaml_parser_set_input_string(&parser,
		    (const unsigned char *)buf, len);
	while (!done) {
		if (!yaml_parser_parse(&parser, &ev)) {
			diags_add(d, path, (unsigned)parser.problem_mark.line + 1,
			    (unsigned)parser.problem_mark.column + 1,
			    "invalid YAML: %s%s%s",
			    parser.problem ? parser.problem : "syntax error",
			    parser.context ? " " : "",
			    parser.context ? parser.context : "");
			rc = error_set(NC_EINVALID, "%s:%zu:%zu: invalid YAML: %s",
			    path, parser.problem_mark.line + 1,
			    parser.problem_mark.column + 1,
			    parser.problem ? parser.problem : "syntax error");
			break;
		}
		done = ev.type == YAML_STREAM_END_EVENT;
		rc = parse_event(&ps, &ev);
		yaml_event_delete(&ev);
		if (rc != 0 || ps.fatal)
			break;
		/* Every wanted field is in: the rest need not be parsed. */
		if (ps.nwant > 0 && ps.depth == 1 && ps.docs == 1 &&
		    ps.stack[0]->kind == NODE_MAP &&
		    ps.found == ((uint64_t)1 << ps.nwant) - 1) {
			doc->root = ps.stack[0];
			break;
		}
	}
	yaml_parser_delete(&parser);
	for (i = 0; i <= NODE_MAX_DEPTH; i++)
		strmap_free(ps.keys[i]);
	if (rc == 0 && ps.bad)
		rc = error_set(NC_EINVALID, "%s: not plain YAML data", path);
	if (rc != 0) {
		ydoc_free(doc);
		return rc;
	}
	*out = doc;
	return 0;
}

/*
 * A whole document: the document reader (quickdoc.h) first, which reads
 * a record in the canonical form without libyaml, and libyaml for
 * whatever it declines; the fields of want: libyaml (parse_fields() has
 * the head reader for them).
 */
static int
parse(struct ydoc **out, const char *buf, size_t len, const char *path,
    struct diags *d, const char *const *want, size_t nwant)
{
	int	rc;

	if (want == NULL) {
		if ((rc = quickdoc_parse(out, buf, len)) < 0)
			return rc;
		if (rc == 1) {
			if (path != NULL &&
			    ((*out)->path = strdup(path)) == NULL) {
				ydoc_free(*out);
				*out = NULL;
				return error_set(NC_ENOMEM, "out of memory");
			}
			return 0;
		}
	}
	return parse_libyaml(out, buf, len, path, d, want, nwant);
}

int
ydoc_parse(struct ydoc **out, const char *buf, size_t len, const char *path,
    struct diags *d)
{
	return parse(out, buf, len, path, d, NULL, 0);
}

int
ydoc_parse_libyaml(struct ydoc **out, const char *buf, size_t len,
    const char *path, struct diags *d)
{
	return parse_libyaml(out, buf, len, path, d, NULL, 0);
}

int
ydoc_parse_fields(struct ydoc **out, const char *buf, size_t len,
    const char *path, struct diags *d, const char *const *want, size_t nwant)
{
	return parse(out, buf, len, path, d, want, nwant);
}

int
ydoc_load(struct ydoc **out, const char *path, struct diags *d)
{
	return ydoc_load_as(out, path, path, d);
}

/*
 * The fields in want of the document in buf, as parse() gives them: the
 * head reader (quickhead.h) first, which reads the leading fields of a
 * record in the canonical form without libyaml, and parse() for
 * whatever it declines.
 */
static int
parse_fields(struct ydoc **out, const char *buf, size_t len,
    const char *name, struct diags *d, const char *const *want,
    size_t nwant)
{
	int	rc;

	if ((rc = quickhead_parse(out, buf, len, want, nwant)) != 0)
		return rc < 0 ? rc : 0;
	return parse(out, buf, len, name, d, want, nwant);
}

/* path read whole into the process's read buffer (fileio.h). */
static int
read_whole(const char **buf, size_t *len, const char *path,
    const char *name, struct diags *d)
{
	int	rc;

	*len = 0;
	if ((rc = fileio_read_shared(path, NODE_MAX_BYTES, buf, len)) != 0) {
		if (*len > NODE_MAX_BYTES) {
			diags_add(d, name, 0, 0, "a file of %zu bytes; a record"
			    " is at most %d MiB", *len,
			    NODE_MAX_BYTES / (1024 * 1024));
			rc = error_set(NC_EINVALID, "%s: larger than %d MiB",
			    name, NODE_MAX_BYTES / (1024 * 1024));
		}
		return rc;
	}
	return 0;
}

/*
 * A file read whole into the process's read buffer (fileio.h), which
 * the tree does not point into: its texts are copies in its arena.
 */
static int
load(struct ydoc **out, const char *path, const char *name, struct diags *d,
    const char *const *want, size_t nwant, const char *wkey,
    const char *wvalue)
{
	const char	*buf;
	size_t		 len = 0;
	int		 rc;

	*out = NULL;
	if ((rc = read_whole(&buf, &len, path, name, d)) != 0)
		return rc;
	if (wkey != NULL && wvalue != NULL) {
		struct ydoc		*q = NULL;
		const struct node	*v;
		int			 other = 0;

		/* Anything the quick reader doubts goes to the full parse. */
		if (parse_fields(&q, buf, len, name, NULL, &wkey, 1) == 0 &&
		    q->root != NULL && q->root->kind == NODE_MAP &&
		    (v = node_get(q->root, wkey)) != NULL &&
		    v->kind == NODE_SCALAR)
			other = strcmp(v->u.s.str, wvalue) != 0;
		ydoc_free(q);
		error_clear();
		if (other)
			return 0;
	}
	if (want != NULL)
		return parse_fields(out, buf, len, name, d, want, nwant);
	return parse(out, buf, len, name, d, NULL, 0);
}

/*
 * Writing.
 */

static int
is_digit(int c)
{
	return c >= '0' && c <= '9';
}

/*
 * Whether a plain scalar with this text would be read as something other
 * than this string by a YAML 1.1 or 1.2 reader: null, boolean, number,
 * timestamp, merge key.  Errs on the side of quoting.
 */
static int
looks_typed(const char *s, size_t len)
{
	static const char *const words[] = {
		"~", "null", "Null", "NULL", "y", "Y", "yes", "Yes", "YES",
		"n", "N", "no", "No", "NO", "true", "True", "TRUE", "false",
		"False", "FALSE", "on", "On", "ON", "off", "Off", "OFF",
		".inf", ".Inf", ".INF", "-.inf", "-.Inf", "-.INF", "+.inf",
		"+.Inf", "+.INF", ".nan", ".NaN", ".NAN", "<<", "=", NULL
	};
	const char	*p = s, *end = s + len;
	size_t		 i;

	/*
	 * None is longer than 5 bytes: the writer asks about every scalar
	 * (issue 15: 29 million strlen() calls in a 20,000-row import).
	 */
	for (i = 0; len > 0 && len <= 5 && words[i] != NULL; i++) {
		if (words[i][0] == s[0] && strlen(words[i]) == len &&
		    memcmp(words[i], s, len) == 0)
			return 1;
	}
	/* Numbers of every base, sexagesimal, dates and timestamps. */
	if (p < end && (*p == '-' || *p == '+'))
		p++;
	if (p < end && (is_digit(*p) || *p == '.')) {
		for (; p < end; p++) {
			if (!(is_digit(*p) || (*p >= 'a' && *p <= 'z') ||
			    (*p >= 'A' && *p <= 'Z') || *p == '_' ||
			    *p == '.' || *p == ':' || *p == '+' || *p == '-'))
				break;
		}
		if (p == end)
			return 1;
	}
	/* YAML 1.1 timestamps may have a space before the time. */
	if (len >= 5 && is_digit(s[0]) && is_digit(s[1]) && is_digit(s[2]) &&
	    is_digit(s[3]) && s[4] == '-')
		return 1;
	return 0;
}

/*
 * Whether a code point may stand in a scalar as it is: YAML's printable
 * set (what libyaml's reader accepts: not the C0 and C1 controls but tab,
 * line feed, CR and NEL, not U+FFFE or U+FFFF, not surrogates) less what a
 * reader would change -- line breaks (LF, CR, NEL, LS, PS), the tab, and
 * the BOM, which readers drop.
 */
static int
cp_as_is(uint32_t c)
{
	if (c >= 0x20 && c <= 0x7e)
		return 1;
	if (c < 0xa0)
		return 0;
	return (c <= 0xd7ff || (c >= 0xe000 && c <= 0xfffd) ||
	    (c >= 0x10000 && c <= 0x10ffff)) && c != 0x2028 && c != 0x2029 &&
	    c != 0xfeff;
}

/* Whether every code point of s may stand as it is (see cp_as_is()). */
static int
all_as_is(const char *s, size_t len)
{
	size_t		i, k;
	uint32_t	c;

	for (i = 0; i < len; i += k) {
		if ((unsigned char)s[i] < 0x80) {
			k = 1;
			if (!cp_as_is((unsigned char)s[i]))
				return 0;
			continue;
		}
		k = text_utf8_decode(&c, s + i, len - i);
		if (c == TEXT_BADCP || !cp_as_is(c))
			return 0;
	}
	return 1;
}

const char *
node_text_problem(const char *s, size_t len)
{
	if (memchr(s, '\0', len) != NULL)
		return "text contains a NUL character";
	if (!text_utf8_valid(s, len))
		return "text is not valid UTF-8";
	return NULL;
}

/*
 * Whether s, written as it is, would be read back as a plain scalar with
 * this text and nothing else: no leading indicator (a '-' only when
 * typed_ok and followed by a non-space, as in -5), no ": " or " #", no
 * space at either end, every character one that may stand as it is, not
 * a document marker or git conflict marker at a line start.
 */
static int
plain_ok(const char *s, size_t len, int typed_ok)
{
	size_t	i;

	if (len == 0 || s[0] == ' ' || s[len - 1] == ' ' || s[len - 1] == ':')
		return 0;
	if (strchr("?:,[]{}#&*!|>'\"%@`", s[0]) != NULL)
		return 0;
	if (s[0] == '-' && (!typed_ok || len == 1 || s[1] == ' '))
		return 0;
	if (len >= 3 && (memcmp(s, "---", 3) == 0 || memcmp(s, "...", 3) == 0))
		return 0;
	if (len >= 7 && (memcmp(s, "<<<<<<<", 7) == 0 ||
	    memcmp(s, "=======", 7) == 0 || memcmp(s, ">>>>>>>", 7) == 0 ||
	    memcmp(s, "|||||||", 7) == 0))
		return 0;
	for (i = 0; i + 1 < len; i++) {
		if (s[i] == ':' && s[i + 1] == ' ')
			return 0;
		if (s[i] == ' ' && s[i + 1] == '#')
			return 0;
	}
	return all_as_is(s, len);
}

int
node_needs_quotes(const char *s, size_t len)
{
	return !plain_ok(s, len, 0) || looks_typed(s, len);
}

static void
emit_indent(struct buf *out, int indent)
{
	int	i;

	for (i = 0; i < indent; i++)
		buf_putc(out, ' ');
}

/*
 * A double-quoted scalar: every character that may not stand as it is
 * becomes an escape a YAML reader turns back into it (\x9d, \N, \L, \P,
 * \uFEFF, \uFFFE).  Only valid UTF-8 comes here (emit_check()).
 */
static void
emit_double_quoted(struct buf *out, const char *s, size_t len)
{
	size_t		 i, k;
	uint32_t	 c;

	buf_putc(out, '"');
	for (i = 0; i < len; i += k) {
		k = text_utf8_decode(&c, s + i, len - i);
		switch (c) {
		case '"':
			buf_puts(out, "\\\"");
			break;
		case '\\':
			buf_puts(out, "\\\\");
			break;
		case '\n':
			buf_puts(out, "\\n");
			break;
		case '\t':
			buf_puts(out, "\\t");
			break;
		case '\r':
			buf_puts(out, "\\r");
			break;
		case '\0':
			buf_puts(out, "\\0");
			break;
		case 0x85:
			buf_puts(out, "\\N");
			break;
		case 0x2028:
			buf_puts(out, "\\L");
			break;
		case 0x2029:
			buf_puts(out, "\\P");
			break;
		default:
			if (c == TEXT_BADCP || cp_as_is(c))
				buf_add(out, s + i, k);
			else if (c < 0x100)
				buf_printf(out, "\\x%02x", (unsigned)c);
			else
				buf_printf(out, "\\u%04X", (unsigned)c);
			break;
		}
	}
	buf_putc(out, '"');
}

/*
 * Multi-line text goes in a literal block when every line can stand in
 * one: no characters but those that may stand as they are, line feeds
 * and tabs inside a line; a first line that does not start with a space
 * (which would need an indentation indicator) and no line of spaces only.
 */
static int
literal_ok(const char *s, size_t len)
{
	size_t		 i, j, k;
	uint32_t	 c;

	if (memchr(s, '\n', len) == NULL)
		return 0;
	if (s[0] == ' ' || s[0] == '\n' || s[0] == '\t')
		return 0;
	for (i = 0; i < len; i += k) {
		k = text_utf8_decode(&c, s + i, len - i);
		if (c == '\n')
			continue;
		if (c == '\t' && i > 0 && s[i - 1] != '\n')
			continue;
		if (c == TEXT_BADCP || !cp_as_is(c))
			return 0;
		/* A line of only spaces before a deeper line confuses readers. */
		if (c == ' ' && (i == 0 || s[i - 1] == '\n')) {
			for (j = i; j < len && s[j] == ' '; j++)
				;
			if (j == len || s[j] == '\n')
				return 0;
		}
	}
	return 1;
}

static void
emit_literal(struct buf *out, const char *s, size_t len, int indent)
{
	size_t		 trail = 0, i, start;

	while (trail < len && s[len - 1 - trail] == '\n')
		trail++;
	buf_puts(out, trail == 0 ? "|-" : trail == 1 ? "|" : "|+");
	buf_putc(out, '\n');
	start = 0;
	for (i = 0; i <= len; i++) {
		if (i == len || s[i] == '\n') {
			if (i == len && start == len)
				break;
			if (i > start) {
				emit_indent(out, indent);
				buf_add(out, s + start, i - start);
			}
			buf_putc(out, '\n');
			start = i + 1;
		}
	}
}

/*
 * A scalar after "key:" or "-" (sep is the space between them and the
 * value, "" at the top); ends the line.
 */
static void
emit_scalar(struct buf *out, const struct node *n, int indent, const char *sep)
{
	const char	*s = n->u.s.str;
	size_t		 len = n->u.s.len;

	if (n->style == NODE_STYLE_PLAIN && (len == 0 || plain_ok(s, len, 1))) {
		/*
		 * Plain in the source (a number, a date, a boolean, null) or
		 * typed so by the schema: written back as it was.
		 */
		if (len != 0) {
			buf_puts(out, sep);
			buf_add(out, s, len);
		}
		buf_putc(out, '\n');
		return;
	}
	buf_puts(out, sep);
	if (literal_ok(s, len))
		emit_literal(out, s, len, indent);
	else if (node_needs_quotes(s, len)) {
		emit_double_quoted(out, s, len);
		buf_putc(out, '\n');
	} else {
		buf_add(out, s, len);
		buf_putc(out, '\n');
	}
}

static void	emit_block(struct buf *, const struct node *, int, int);

static void
emit_key(struct buf *out, const struct node *k)
{
	if (node_needs_quotes(k->u.s.str, k->u.s.len))
		emit_double_quoted(out, k->u.s.str, k->u.s.len);
	else
		buf_add(out, k->u.s.str, k->u.s.len);
	buf_putc(out, ':');
}

/* The value after "key:" or "- "; collections start on the next line. */
static void
emit_value(struct buf *out, const struct node *v, int indent, int in_seq)
{
	if (v->kind == NODE_SCALAR) {
		emit_scalar(out, v, indent, " ");
	} else if (v->n == 0) {
		buf_puts(out, v->kind == NODE_MAP ? " {}\n" : " []\n");
	} else if (in_seq) {
		emit_block(out, v, indent, 1);
	} else {
		buf_putc(out, '\n');
		emit_block(out, v, indent, 0);
	}
}

/*
 * A mapping or sequence at indent.  With first_inline the cursor already
 * stands at the indent (after "- "), so the first entry continues the line.
 */
static void
emit_block(struct buf *out, const struct node *n, int indent, int first_inline)
{
	size_t	i;

	for (i = 0; i < n->n; i++) {
		if (i > 0 || !first_inline)
			emit_indent(out, indent);
		if (n->kind == NODE_MAP) {
			emit_key(out, n->u.pairs[i].key);
			emit_value(out, n->u.pairs[i].value, indent + 2, 0);
		} else if (n->u.items[i]->kind == NODE_SCALAR ||
		    n->u.items[i]->n == 0) {
			buf_putc(out, '-');
			emit_value(out, n->u.items[i], indent + 2, 1);
		} else {
			buf_puts(out, "- ");
			emit_value(out, n->u.items[i], indent + 2, 1);
		}
	}
}

/* The path of a field for a message: "a.b[2].c". */
static void
field_path(struct buf *b, const struct node *const *trail, const size_t *at,
    int depth)
{
	int	i;

	for (i = 0; i < depth; i++) {
		if (trail[i]->kind == NODE_SEQ)
			buf_printf(b, "[%zu]", at[i]);
		else
			buf_printf(b, "%s%.*s", i > 0 ? "." : "", 60,
			    trail[i]->u.pairs[at[i]].key->u.s.str);
	}
}

/*
 * Refuse what the reader would refuse: text no YAML can hold, a key too
 * long for an implicit key, nesting deeper than the reader reads.
 */
static int
emit_check(const struct node *n, const struct node **trail, size_t *at,
    int depth)
{
	struct buf	 b = BUF_INIT;
	const char	*why = NULL;
	size_t		 i;
	int		 rc;

	if (n->kind == NODE_SCALAR) {
		why = node_text_problem(n->u.s.str, n->u.s.len);
	} else if (depth >= NODE_MAX_DEPTH) {
		why = "nested deeper than 64 levels";
	} else if (n->kind == NODE_MAP && n->n > NODE_MAX_KEYS) {
		why = "more than 10000 keys in one mapping";
	} else {
		trail[depth] = n;
		for (i = 0; i < n->n; i++) {
			at[depth] = i;
			if (n->kind == NODE_MAP) {
				const struct node *k = n->u.pairs[i].key;

				if ((why = node_text_problem(k->u.s.str,
				    k->u.s.len)) == NULL &&
				    k->u.s.len > NODE_MAX_KEY)
					why = "a key longer than 200 bytes";
				if (why != NULL) {
					depth++;
					break;
				}
				rc = emit_check(n->u.pairs[i].value, trail,
				    at, depth + 1);
			} else
				rc = emit_check(n->u.items[i], trail, at,
				    depth + 1);
			if (rc != 0)
				return rc;
		}
	}
	if (why == NULL)
		return 0;
	field_path(&b, trail, at, depth);
	rc = error_set(NC_EINVALID, "cannot write %s%s%s: %s",
	    b.len > 0 ? "field '" : "the document", b.len > 0 ? b.data : "",
	    b.len > 0 ? "'" : "", why);
	buf_free(&b);
	return rc;
}

int
node_emit(struct buf *out, const struct node *root)
{
	const struct node	*trail[NODE_MAX_DEPTH + 1];
	size_t			 at[NODE_MAX_DEPTH + 1], start = out->len;
	int			 rc;

	if (root == NULL)
		return error_set(NC_EINVALID, "nothing to write");
	if ((rc = emit_check(root, trail, at, 0)) != 0)
		return rc;
	if (root->kind == NODE_SCALAR) {
		if (root->style == NODE_STYLE_PLAIN && root->u.s.len == 0)
			buf_puts(out, "null\n");
		else
			emit_scalar(out, root, 2, "");
	} else if (root->n == 0) {
		buf_puts(out, root->kind == NODE_MAP ? "{}\n" : "[]\n");
	} else {
		emit_block(out, root, 0, 0);
	}
	if ((rc = buf_ok(out)) != 0)
		return rc;
	if (out->len - start > NODE_MAX_BYTES)
		return error_set(NC_EINVALID, "cannot write a record of %zu"
		    " bytes; a record is at most %d MiB", out->len - start,
		    NODE_MAX_BYTES / (1024 * 1024));
	return 0;
}

int
ydoc_load_as(struct ydoc **out, const char *path, const char *name,
    struct diags *d)
{
	return load(out, path, name, d, NULL, 0, NULL, NULL);
}

int
ydoc_load_without(struct ydoc **out, const char *path, const char *name,
    struct diags *d, const char *const *skip, size_t nskip)
{
	const char	*buf;
	size_t		 len, i;
	int		 rc;

	*out = NULL;
	if ((rc = read_whole(&buf, &len, path, name, d)) != 0)
		return rc;
	if ((rc = quickdoc_parse_without(out, buf, len, skip, nskip)) < 0)
		return rc;
	if (rc == 1) {
		if (name != NULL && ((*out)->path = strdup(name)) == NULL) {
			ydoc_free(*out);
			*out = NULL;
			return error_set(NC_ENOMEM, "out of memory");
		}
		return 0;
	}
	/* what the reader declines: the whole, then the fields taken out */
	if ((rc = parse(out, buf, len, name, d, NULL, 0)) != 0)
		return rc;
	for (i = 0; i < nskip && (*out)->root != NULL &&
	    (*out)->root->kind == NODE_MAP; i++)
		(void)node_map_remove((*out)->root, skip[i]);
	return 0;
}

int
ydoc_load_fields(struct ydoc **out, const char *path, const char *name,
    struct diags *d, const char *const *want, size_t nwant)
{
	return load(out, path, name, d, want, nwant, NULL, NULL);
}

int
ydoc_load_where(struct ydoc **out, const char *path, const char *name,
    struct diags *d, const char *key, const char *value)
{
	return load(out, path, name, d, NULL, 0, key, value);
}
