/*
 * YAML documents as trees of plain data.
 *
 * A record is plain data: mappings, sequences and scalars.  The reader
 * (libyaml underneath) keeps the line and column of every node and rejects
 * what plain data does not have: anchors, aliases, tags, duplicate keys,
 * several documents in one file, git conflict markers.  The writer is our
 * own, deterministic: block style, two-space indent, UTF-8 written as is,
 * quoting only where a plain scalar would be misread, multi-line text as
 * literal blocks, and escapes in a double-quoted scalar for every character
 * a YAML reader refuses or changes as is (C0 and C1 controls, U+FFFE,
 * U+FFFF, line and paragraph separators, the BOM).  The writer never writes
 * what the reader refuses: text that no YAML can hold (a NUL, invalid
 * UTF-8), a key or a tree beyond the limits below, is an error naming the
 * field.  Every node lives in its document's arena and goes away with
 * ydoc_free().
 */
#ifndef NCIO_NODE_H
#define NCIO_NODE_H

#include <stddef.h>

#include "buf.h"
#include "diag.h"

/*
 * Limits, the same for the reader and the writer (nerima-cio(1) LIMITS).
 * A file larger than NODE_MAX_BYTES is refused before it is read; nesting
 * deeper than NODE_MAX_DEPTH stops the reader at once (its work would
 * otherwise grow with the square of the depth), and so do more than
 * NODE_MAX_KEYS keys in one mapping (a record's mappings have the few
 * fields of their schema) and more than NODE_MAX_PROBLEMS problems; a key
 * is at most NODE_MAX_KEY bytes, which keeps every key, escaped, within
 * the 1024 characters a YAML reader allows an implicit key.
 */
#define NODE_MAX_BYTES		(4 * 1024 * 1024)
#define NODE_MAX_DEPTH		64
#define NODE_MAX_KEYS		10000
#define NODE_MAX_KEY		200
#define NODE_MAX_PROBLEMS	100

enum node_kind {
	NODE_SCALAR = 1,
	NODE_MAP,
	NODE_SEQ,
};

/*
 * How a scalar was written, or how it must be written.  NODE_STYLE_AUTO
 * lets the writer choose (plain when safe, else quoted or literal);
 * NODE_STYLE_PLAIN writes the text verbatim and is for values whose schema
 * type is a number, boolean or date, where the plain form is the meaning.
 */
enum node_style {
	NODE_STYLE_AUTO = 0,
	NODE_STYLE_PLAIN,
	NODE_STYLE_QUOTED,	/* single or double quoted in the source */
	NODE_STYLE_BLOCK,	/* literal or folded block in the source */
};

struct node;

struct node_pair {
	struct node	*key;		/* always a scalar */
	struct node	*value;
};

struct node {
	enum node_kind	 kind;
	enum node_style	 style;
	unsigned	 line;		/* 1-based; 0 when built in memory */
	unsigned	 col;
	size_t		 n;		/* items or pairs */
	size_t		 cap;
	union {
		struct {
			char	*str;	/* NUL-terminated */
			size_t	 len;
		} s;
		struct node		**items;
		struct node_pair	 *pairs;
	} u;
};

struct ydoc;

/*
 * Parse a whole file or buffer.  Problems are added to d (may be NULL).
 * A record in the canonical form is read by the document reader
 * (quickdoc.h) without libyaml, anything else by libyaml; the tree is the
 * same either way.
 */
int		 ydoc_parse(struct ydoc **out, const char *buf, size_t len,
		    const char *path, struct diags *d);
int		 ydoc_load(struct ydoc **out, const char *path, struct diags *d);
/* Load path, naming it name in messages (a path relative to the data dir). */
int		 ydoc_load_as(struct ydoc **out, const char *path,
		    const char *name, struct diags *d);
/*
 * Like ydoc_load_as(), but stop parsing once the top-level mapping has
 * every key in want (at most 63) that the file has at all: the rest of the
 * file is neither parsed nor checked.  For listings that need a few
 * leading fields of large records; never for validation.  A wanted key
 * counts as absent only when no line of the file could start it (the keys
 * of a block mapping at column 0 start lines; any line break YAML knows,
 * a BOM, tabs or spaces before the colon, quoted and explicit keys are
 * taken into account, and anything unusual counts as present), so the
 * fields read are always those a full parse gives.  A record in the
 * canonical form is read by the head reader (quickhead.h) without
 * libyaml, anything else by libyaml; the file is read whole either way,
 * into the process's read buffer (fileio_read_shared()).
 */
int		 ydoc_load_fields(struct ydoc **out, const char *path,
		    const char *name, struct diags *d,
		    const char *const *want, size_t nwant);
/*
 * Like ydoc_load_as(), but without the top-level fields named in skip (at
 * most 32): for a loader that needs a record's small fields beside one
 * that is most of its bytes (an audit's items).  A record in the
 * canonical form is read by the document reader
 * (quickdoc_parse_without()), which passes over the lines of those
 * fields, neither parsing nor checking them, anything else in full, the
 * fields then taken out; the rest of the tree is the one a full parse
 * gives.  Never for validation.
 */
int		 ydoc_load_without(struct ydoc **out, const char *path,
		    const char *name, struct diags *d,
		    const char *const *skip, size_t nskip);
/*
 * Like ydoc_load_as(), but when the top-level key holds a text other than
 * value, *out is NULL, 0 is returned and the rest of the file is neither
 * parsed nor checked: the file is read once, its leading fields by the
 * quick reader above, and parsed whole only when it may match (the key
 * has value, is absent or is not a plain text, or the quick reader has
 * doubts).  For a loader that wants one kind of the records of a folder
 * shared by several kinds.
 */
int		 ydoc_load_where(struct ydoc **out, const char *path,
		    const char *name, struct diags *d, const char *key,
		    const char *value);
/* The same on a buffer. */
int		 ydoc_parse_fields(struct ydoc **out, const char *buf,
		    size_t len, const char *path, struct diags *d,
		    const char *const *want, size_t nwant);
struct ydoc	*ydoc_new(void);
void		 ydoc_free(struct ydoc *);
struct node	*ydoc_root(const struct ydoc *);
void		 ydoc_set_root(struct ydoc *, struct node *);
const char	*ydoc_path(const struct ydoc *);

/* Building nodes in a document's arena; NULL when out of memory. */
struct node	*node_scalar(struct ydoc *, const char *s, size_t len);
struct node	*node_str(struct ydoc *, const char *s);
struct node	*node_map(struct ydoc *);
struct node	*node_seq(struct ydoc *);
struct node	*node_copy(struct ydoc *, const struct node *);
/*
 * Append the pair k: v, for a caller that knows map has no key k yet
 * (NC_ENOMEM, also when k or v is NULL).
 */
int		 node_map_push(struct ydoc *, struct node *map,
		    struct node *k, struct node *v);
/* Replace the value under key, or append the pair. */
int		 node_map_set(struct ydoc *, struct node *map, const char *key,
		    struct node *value);
int		 node_map_set_str(struct ydoc *, struct node *map,
		    const char *key, const char *value);
int		 node_map_remove(struct node *map, const char *key);
int		 node_seq_push(struct ydoc *, struct node *seq, struct node *);
/*
 * map[key]: a sequence of the n texts v, each the node make(doc, text)
 * makes of it (node_str() for NULL: a person's mapping for audit_person());
 * nothing at all for none.
 */
int		 node_map_set_list(struct ydoc *, struct node *map,
		    const char *key, const char *const *v, size_t n,
		    struct node *(*make)(struct ydoc *, const char *));

/* Reading. */
struct node	*node_get(const struct node *map, const char *key);
/* The scalar text under key, or NULL when absent, null or not a scalar. */
const char	*node_get_str(const struct node *map, const char *key);
/* A plain "", "~", "null", "Null" or "NULL" scalar. */
int		 node_is_null(const struct node *);
int		 node_scalar_eq(const struct node *, const char *);

/*
 * Serialise deterministically; the result always ends with a newline.
 * NC_EINVALID, naming the field, for a tree the reader would refuse: text
 * with a NUL or invalid UTF-8, a key longer than NODE_MAX_KEY, nesting
 * deeper than NODE_MAX_DEPTH, a mapping of more than NODE_MAX_KEYS keys,
 * a result larger than NODE_MAX_BYTES.
 */
int		 node_emit(struct buf *out, const struct node *root);
/*
 * Whether a string must be quoted to be read back as the same string: it
 * would be misread as a plain scalar, or holds a character that may not
 * stand as it is (then it is written double-quoted with escapes).
 */
int		 node_needs_quotes(const char *s, size_t len);
/*
 * NULL when a YAML reader can read s back (valid UTF-8 without NUL), else
 * what is wrong, for a message.
 */
const char	*node_text_problem(const char *s, size_t len);

#endif
