/*
 * YAML documents as trees of plain data: the reader on libyaml's event
 * parser, and our own deterministic writer.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <yaml.h>

#include "node.h"

/* Deeper nesting than a record ever needs; it guards the recursive walks. */
#define NODE_MAX_DEPTH	64
#define ARENA_CHUNK	(32 * 1024)

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

static void *
arena_alloc(struct ydoc *doc, size_t n)
{
	struct chunk	*c = doc->chunks;
	size_t		 size;
	void		*p;

	n = (n + sizeof(max_align_t) - 1) & ~(sizeof(max_align_t) - 1);
	if (c == NULL || c->size - c->used < n) {
		size = n > ARENA_CHUNK / 4 ? n : ARENA_CHUNK;
		if ((c = malloc(sizeof *c + size)) == NULL)
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
	}
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
		free(c);
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

struct node *
node_scalar(struct ydoc *doc, const char *s, size_t len)
{
	struct node	*n;
	char		*p;

	if ((n = node_alloc(doc, NODE_SCALAR)) == NULL ||
	    (p = arena_alloc(doc, len + 1)) == NULL)
		return NULL;
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

static int
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

struct node *
node_get(const struct node *map, const char *key)
{
	size_t	i;

	if (map == NULL || map->kind != NODE_MAP)
		return NULL;
	for (i = 0; i < map->n; i++) {
		if (strcmp(map->u.pairs[i].key->u.s.str, key) == 0)
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
	return *s == '\0' || strcmp(s, "~") == 0 || strcmp(s, "null") == 0 ||
	    strcmp(s, "Null") == 0 || strcmp(s, "NULL") == 0;
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
	int		  depth;
	int		  docs;
	int		  bad;		/* a problem was reported */
	int		  skip;		/* nesting of a subtree being dropped */
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

static void
parse_report(struct parse_state *ps, const yaml_mark_t *m, const char *what)
{
	diags_add(ps->d, ps->path, mark_line(m), mark_col(m), "%s", what);
	ps->bad = 1;
}

/* Attach a finished node to its parent (or make it the root). */
static int
parse_attach(struct parse_state *ps, struct node *n, const yaml_mark_t *m)
{
	struct node	*parent, *key;
	size_t		 i;

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
			ps->bad = 1;
			/* Keep a placeholder so the value pairs up. */
			n = node_str(ps->doc, "");
			if (n == NULL)
				return NC_ENOMEM;
			n->line = mark_line(m);
			n->col = mark_col(m);
		}
		ps->pending_key[ps->depth - 1] = n;
		return 0;
	}
	ps->pending_key[ps->depth - 1] = NULL;
	for (i = 0; i < parent->n; i++) {
		if (strcmp(parent->u.pairs[i].key->u.s.str, key->u.s.str) == 0) {
			diags_add(ps->d, ps->path, key->line, key->col,
			    "duplicate key '%s' (first at line %u)",
			    key->u.s.str, parent->u.pairs[i].key->line);
			ps->bad = 1;
			return 0;
		}
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
		if (++ps->docs == 2)
			parse_report(ps, m, "a second document in the file;"
			    " a record is one document");
		return 0;
	case YAML_ALIAS_EVENT:
		if (ps->skip == 0) {
			parse_report(ps, m, "aliases (*name) are not allowed"
			    " in records; write the value out");
			if (ps->docs > 1)
				return 0;
			if ((n = node_str(ps->doc, "")) == NULL)
				return NC_ENOMEM;
			n->line = mark_line(m);
			n->col = mark_col(m);
			return parse_attach(ps, n, m);
		}
		return 0;
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
		if (ps->skip > 0) {
			ps->skip--;
			return 0;
		}
		ps->depth--;
		if (ps->pending_key[ps->depth] != NULL)
			ps->pending_key[ps->depth] = NULL;
		n = ps->stack[ps->depth];
		return parse_attach(ps, n, m);
	default:
		return 0;
	}

	if (ps->docs > 1 || ps->skip > 0) {
		if (ev->type != YAML_SCALAR_EVENT)
			ps->skip++;
		return 0;
	}
	if (anchor != NULL)
		parse_report(ps, m, "anchors (&name) are not allowed in records");
	if (tag != NULL)
		parse_report(ps, m, "tags (!tag) are not allowed in records");

	if (ev->type == YAML_SCALAR_EVENT) {
		if (memchr(ev->data.scalar.value, '\0',
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
		parse_report(ps, m, "nesting deeper than 64 levels");
		ps->skip++;
		return 0;
	}
	/* Keys of a flow mapping are not at line starts: read it all. */
	if (ps->depth == 0 && ev->type == YAML_MAPPING_START_EVENT &&
	    ev->data.mapping_start.style == YAML_FLOW_MAPPING_STYLE)
		ps->nwant = 0;
	n = ev->type == YAML_MAPPING_START_EVENT ? node_map(ps->doc) :
	    node_seq(ps->doc);
	if (n == NULL)
		return error_set(NC_ENOMEM, "out of memory");
	n->line = mark_line(m);
	n->col = mark_col(m);
	ps->pending_key[ps->depth] = NULL;
	ps->stack[ps->depth++] = n;
	return 0;
}

/*
 * Lines that git leaves in a file with a merge conflict.  libyaml would
 * report something confusing about them, so they are looked for first.
 */
static int
scan_conflicts(const char *buf, size_t len, const char *path, struct diags *d)
{
	const char	*p = buf, *end = buf + len, *nl;
	unsigned	 line = 1;
	int		 found = 0;

	while (p < end) {
		nl = memchr(p, '\n', (size_t)(end - p));
		if (nl == NULL)
			nl = end;
		if ((nl - p >= 7 && (memcmp(p, "<<<<<<<", 7) == 0 ||
		    memcmp(p, ">>>>>>>", 7) == 0 ||
		    memcmp(p, "|||||||", 7) == 0) &&
		    (nl - p == 7 || p[7] == ' ')) ||
		    (nl - p == 7 && memcmp(p, "=======", 7) == 0)) {
			diags_add(d, path, line, 1, "git conflict marker '%.7s';"
			    " resolve the merge and remove the markers", p);
			found = 1;
		}
		p = nl + 1;
		line++;
	}
	return found;
}

/*
 * Whether key may stand as a top-level key of a block mapping: at the
 * start of a line, plain or quoted, followed by spaces and a colon.  Errs
 * towards yes (a comment or a literal line would be at column 0 only if
 * it began with '#' or belonged to a deeper, indented block).
 */
static int
key_at_line_start(const char *buf, size_t len, const char *key)
{
	const char	*p = buf, *end = buf + len, *q;
	size_t		 klen = strlen(key);

	for (; p < end; p = q + 1) {
		if ((q = memchr(p, '\n', (size_t)(end - p))) == NULL)
			q = end;
		if (*p == '"' || *p == '\'')
			p++;
		if ((size_t)(q - p) > klen && memcmp(p, key, klen) == 0) {
			p += klen;
			if (*p == '"' || *p == '\'')
				p++;
			while (p < q && *p == ' ')
				p++;
			if (p < q && *p == ':')
				return 1;
		}
	}
	return 0;
}

static int
parse(struct ydoc **out, const char *buf, size_t len, const char *path,
    struct diags *d, const char *const *want, size_t nwant)
{
	struct parse_state	 ps;
	yaml_parser_t		 parser;
	yaml_event_t		 ev;
	struct ydoc		*doc;
	size_t			 i;
	int			 rc = 0, done = 0;

	*out = NULL;
	if ((doc = ydoc_new()) == NULL)
		return error_set(NC_ENOMEM, "out of memory");
	if (path != NULL && (doc->path = strdup(path)) == NULL) {
		ydoc_free(doc);
		return error_set(NC_ENOMEM, "out of memory");
	}
	if (scan_conflicts(buf, len, path, d)) {
		ydoc_free(doc);
		return error_set(NC_EINVALID, "%s: unresolved merge conflict",
		    path);
	}
	memset(&ps, 0, sizeof ps);
	ps.doc = doc;
	ps.d = d;
	ps.path = path;
	ps.want = want;
	ps.nwant = nwant < 64 ? nwant : 0;
	/* A wanted key the file does not have counts as in from the start. */
	for (i = 0; i < ps.nwant; i++) {
		if (!key_at_line_start(buf, len, want[i]))
			ps.found |= (uint64_t)1 << i;
	}
	if (!yaml_parser_initialize(&parser)) {
		ydoc_free(doc);
		return error_set(NC_ENOMEM, "out of memory");
	}
	yaml_parser_set_input_string(&parser, (const unsigned char *)buf, len);
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
		if (rc != 0)
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
	if (rc == 0 && ps.bad)
		rc = error_set(NC_EINVALID, "%s: not plain YAML data", path);
	if (rc != 0) {
		ydoc_free(doc);
		return rc;
	}
	*out = doc;
	return 0;
}

int
ydoc_parse(struct ydoc **out, const char *buf, size_t len, const char *path,
    struct diags *d)
{
	return parse(out, buf, len, path, d, NULL, 0);
}

int
ydoc_load(struct ydoc **out, const char *path, struct diags *d)
{
	return ydoc_load_as(out, path, path, d);
}

static int
load(struct ydoc **out, const char *path, const char *name, struct diags *d,
    const char *const *want, size_t nwant)
{
	struct stat	 st;
	char		*buf = NULL;
	size_t		 len = 0;
	ssize_t		 r;
	int		 fd, rc;

	*out = NULL;
	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1)
		return error_sys(errno == ENOENT ? NC_ENOTFOUND : NC_EIO,
		    "cannot open '%s'", path);
	if (fstat(fd, &st) == -1) {
		rc = error_sys(NC_EIO, "cannot read '%s'", path);
		goto done;
	}
	if (!S_ISREG(st.st_mode)) {
		rc = error_set(NC_EINVALID, "'%s' is not a regular file", path);
		goto done;
	}
	if ((buf = malloc((size_t)st.st_size + 1)) == NULL) {
		rc = error_set(NC_ENOMEM, "out of memory");
		goto done;
	}
	while (len < (size_t)st.st_size) {
		r = read(fd, buf + len, (size_t)st.st_size - len);
		if (r == -1 && errno == EINTR)
			continue;
		if (r == -1) {
			rc = error_sys(NC_EIO, "cannot read '%s'", path);
			goto done;
		}
		if (r == 0)
			break;
		len += (size_t)r;
	}
	rc = parse(out, buf, len, name, d, want, nwant);
done:
	free(buf);
	close(fd);
	return rc;
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

	for (i = 0; words[i] != NULL; i++) {
		if (strlen(words[i]) == len && memcmp(words[i], s, len) == 0)
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

int
node_needs_quotes(const char *s, size_t len)
{
	size_t		 i;
	unsigned char	 c;

	if (len == 0 || s[0] == ' ' || s[len - 1] == ' ')
		return 1;
	if (strchr("-?:,[]{}#&*!|>'\"%@`", s[0]) != NULL)
		return 1;
	if (s[len - 1] == ':')
		return 1;
	for (i = 0; i < len; i++) {
		c = (unsigned char)s[i];
		if (c < 0x20 || c == 0x7f)
			return 1;
		if (c == ':' && i + 1 < len && s[i + 1] == ' ')
			return 1;
		if (c == '#' && i > 0 && s[i - 1] == ' ')
			return 1;
		/* U+0085, U+2028, U+2029 and the BOM break lines or vanish. */
		if (c == 0xc2 && i + 1 < len && (unsigned char)s[i + 1] == 0x85)
			return 1;
		if (c == 0xe2 && i + 2 < len && (unsigned char)s[i + 1] == 0x80 &&
		    ((unsigned char)s[i + 2] == 0xa8 ||
		    (unsigned char)s[i + 2] == 0xa9))
			return 1;
		if (c == 0xef && i + 2 < len && (unsigned char)s[i + 1] == 0xbb &&
		    (unsigned char)s[i + 2] == 0xbf)
			return 1;
	}
	return looks_typed(s, len);
}

static void
emit_indent(struct buf *out, int indent)
{
	int	i;

	for (i = 0; i < indent; i++)
		buf_putc(out, ' ');
}

static void
emit_double_quoted(struct buf *out, const char *s, size_t len)
{
	size_t		 i;
	unsigned char	 c;

	buf_putc(out, '"');
	for (i = 0; i < len; i++) {
		c = (unsigned char)s[i];
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
		default:
			if (c < 0x20 || c == 0x7f) {
				buf_printf(out, "\\x%02x", c);
			} else if (c == 0xc2 && i + 1 < len &&
			    (unsigned char)s[i + 1] == 0x85) {
				buf_puts(out, "\\N");
				i++;
			} else if (c == 0xe2 && i + 2 < len &&
			    (unsigned char)s[i + 1] == 0x80 &&
			    ((unsigned char)s[i + 2] == 0xa8 ||
			    (unsigned char)s[i + 2] == 0xa9)) {
				buf_puts(out, (unsigned char)s[i + 2] == 0xa8 ?
				    "\\L" : "\\P");
				i += 2;
			} else if (c == 0xef && i + 2 < len &&
			    (unsigned char)s[i + 1] == 0xbb &&
			    (unsigned char)s[i + 2] == 0xbf) {
				buf_puts(out, "\\uFEFF");
				i += 2;
			} else {
				buf_putc(out, c);
			}
			break;
		}
	}
	buf_putc(out, '"');
}

/*
 * Multi-line text goes in a literal block when every line can stand in
 * one: no control characters but tab, no carriage return, no line
 * separators, and a first line that does not start with a space (which
 * would need an indentation indicator) or a blank line.
 */
static int
literal_ok(const char *s, size_t len)
{
	size_t		 i;
	unsigned char	 c;

	if (memchr(s, '\n', len) == NULL)
		return 0;
	if (s[0] == ' ' || s[0] == '\n' || s[0] == '\t')
		return 0;
	for (i = 0; i < len; i++) {
		c = (unsigned char)s[i];
		if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7f)
			return 0;
		if (c == '\t' && (i == 0 || s[i - 1] == '\n'))
			return 0;
		if (c == 0xc2 && i + 1 < len && (unsigned char)s[i + 1] == 0x85)
			return 0;
		if (c == 0xe2 && i + 2 < len && (unsigned char)s[i + 1] == 0x80 &&
		    ((unsigned char)s[i + 2] == 0xa8 ||
		    (unsigned char)s[i + 2] == 0xa9))
			return 0;
		if (c == 0xef && i + 2 < len && (unsigned char)s[i + 1] == 0xbb &&
		    (unsigned char)s[i + 2] == 0xbf)
			return 0;
		/* A line of only spaces before a deeper line confuses readers. */
		if (c == ' ' && (i == 0 || s[i - 1] == '\n')) {
			size_t j = i;
			while (j < len && s[j] == ' ')
				j++;
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

	if (n->style == NODE_STYLE_PLAIN && memchr(s, '\n', len) == NULL &&
	    (len == 0 || !node_needs_quotes(s, len) || looks_typed(s, len))) {
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

int
node_emit(struct buf *out, const struct node *root)
{
	if (root == NULL)
		return error_set(NC_EINVALID, "nothing to write");
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
	return buf_ok(out);
}

int
ydoc_load_as(struct ydoc **out, const char *path, const char *name,
    struct diags *d)
{
	return load(out, path, name, d, NULL, 0);
}

int
ydoc_load_fields(struct ydoc **out, const char *path, const char *name,
    struct diags *d, const char *const *want, size_t nwant)
{
	return load(out, path, name, d, want, nwant);
}
