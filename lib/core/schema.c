/*
 * The schema engine: compiles the schemas/ files into a tree of struct schema
 * and validates record trees against it.
 */
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "cal.h"
#include "i18n.h"
#include "pattern.h"
#include "schema.h"
#include "schema_cache.h"
#include "text.h"

#define SCHEMA_MAX_DEPTH	64

struct sprop {
	char		*name;
	size_t		 len;		/* strlen(name) */
	struct schema	*s;
};

struct sdef {
	char		*name;
	struct schema	*s;
};

struct sfile;

struct schema {
	struct sfile	*file;
	const struct node *src;		/* the schema's own node, for positions */
	char		*title;
	char		*desc;
	unsigned	 types;		/* 0 = any */
	struct sprop	*props;
	size_t		 nprops;
	char		**required;
	size_t		 nrequired;
	int		 addl_forbidden;
	struct schema	*addl;
	const struct node **enumv;
	size_t		 nenum;
	const struct node *constv;
	struct pattern	*pat;
	char		*pattern;
	enum schema_format format;
	int		 has_min, has_max;
	double		 min, max;
	long		 minlen, maxlen;	/* -1 = none */
	long		 minitems, maxitems;
	struct schema	*items;
	char		*ref;		/* as written, until resolved */
	struct schema	*reft;
	const struct node *deflt;
	char		*xref;
	const struct node *enum_titles;	/* x-enum-titles: value -> label */
	struct schema	*next_all;	/* every schema of the set, for freeing */
};

struct sfile {
	char		*name;		/* file name, e.g. review.yaml */
	char		*path;
	int		 compiled;	/* parsed and compiled (need_file()) */
	int		 known;		/* from the cache: patterns valid */
	int		 badpat;	/* a pattern did not compile */
	struct ydoc	*doc;
	struct schema	*root;
	struct sdef	*defs;
	size_t		 ndefs;
	/* Kind annotations. */
	char		*kind;
	char		*dir;
	char		*id_prefix;
	char		*fy_field;
	char		*title_field;
	char		**columns;
	size_t		 ncolumns;
};

struct schemaset {
	struct sfile	**files;
	size_t		 nfiles;
	struct sfile	**kinds;	/* files with x-dir, sorted by kind */
	size_t		 nkinds;
	struct schema	*all;
	struct diags	*d;
	int		 bad;
	int		 complete;	/* every file compiled, kinds checked */
	size_t		 ncached;	/* files read from the parse cache */
};

static void
sfile_free(struct sfile *f)
{
	size_t	i;

	if (f == NULL)
		return;
	free(f->name);
	free(f->path);
	ydoc_free(f->doc);
	for (i = 0; i < f->ndefs; i++)
		free(f->defs[i].name);
	free(f->defs);
	free(f->kind);
	free(f->dir);
	free(f->id_prefix);
	free(f->fy_field);
	free(f->title_field);
	for (i = 0; i < f->ncolumns; i++)
		free(f->columns[i]);
	free(f->columns);
	free(f);
}

static void
schema_free_one(struct schema *s)
{
	size_t	i;

	free(s->title);
	free(s->desc);
	for (i = 0; i < s->nprops; i++)
		free(s->props[i].name);
	free(s->props);
	for (i = 0; i < s->nrequired; i++)
		free(s->required[i]);
	free(s->required);
	free(s->enumv);
	pattern_free(s->pat);
	free(s->pattern);
	free(s->ref);
	free(s->xref);
	free(s);
}

void
schemaset_free(struct schemaset *set)
{
	struct schema	*s, *next;
	size_t		 i;

	if (set == NULL)
		return;
	for (s = set->all; s != NULL; s = next) {
		next = s->next_all;
		schema_free_one(s);
	}
	for (i = 0; i < set->nfiles; i++)
		sfile_free(set->files[i]);
	free(set->files);
	free(set->kinds);
	free(set);
}

/*
 * Compiling.
 */

static void
bad(struct schemaset *set, struct sfile *f, const struct node *n,
    const char *fmt, const char *arg)
{
	diags_add(set->d, f->path, n != NULL ? n->line : 0,
	    n != NULL ? n->col : 0, fmt, arg);
	set->bad = 1;
}

static char *
scalar_dup(struct schemaset *set, struct sfile *f, const struct node *n,
    const char *what)
{
	char	*p;

	if (n == NULL || n->kind != NODE_SCALAR) {
		bad(set, f, n, "'%s' must be a text", what);
		return NULL;
	}
	if ((p = strdup(n->u.s.str)) == NULL)
		set->bad = 1;
	return p;
}

static int
scalar_long(struct schemaset *set, struct sfile *f, const struct node *n,
    const char *what, long *out)
{
	char	*end;
	long	 v;

	if (n->kind != NODE_SCALAR ||
	    !(schema_scalar_type(n) & SCHEMA_T_INTEGER)) {
		bad(set, f, n, "'%s' must be a whole number", what);
		return -1;
	}
	errno = 0;
	v = strtol(n->u.s.str, &end, 0);
	if (errno != 0 || *end != '\0' || v < 0) {
		bad(set, f, n, "'%s' must be a whole number from 0", what);
		return -1;
	}
	*out = v;
	return 0;
}

static int
type_bit(const char *name)
{
	static const struct {
		const char	*name;
		unsigned	 bit;
	} t[] = {
		{ "string", SCHEMA_T_STRING }, { "integer", SCHEMA_T_INTEGER },
		{ "number", SCHEMA_T_NUMBER }, { "boolean", SCHEMA_T_BOOLEAN },
		{ "object", SCHEMA_T_OBJECT }, { "array", SCHEMA_T_ARRAY },
		{ "null", SCHEMA_T_NULL },
	};
	size_t	i;

	for (i = 0; i < sizeof t / sizeof t[0]; i++) {
		if (strcmp(t[i].name, name) == 0)
			return (int)t[i].bit;
	}
	return 0;
}

static struct schema *compile(struct schemaset *, struct sfile *,
    const struct node *, int);

static void
compile_kind(struct schemaset *set, struct sfile *f, const char *key,
    const struct node *v)
{
	size_t	i;

	if (strcmp(key, "x-kind") == 0)
		f->kind = scalar_dup(set, f, v, key);
	else if (strcmp(key, "x-dir") == 0)
		f->dir = scalar_dup(set, f, v, key);
	else if (strcmp(key, "x-id-prefix") == 0)
		f->id_prefix = scalar_dup(set, f, v, key);
	else if (strcmp(key, "x-fy-field") == 0)
		f->fy_field = scalar_dup(set, f, v, key);
	else if (strcmp(key, "x-title-field") == 0)
		f->title_field = scalar_dup(set, f, v, key);
	else if (strcmp(key, "x-columns") == 0) {
		if (v->kind != NODE_SEQ) {
			bad(set, f, v, "'%s' must be a list of field names", key);
			return;
		}
		if ((f->columns = calloc(v->n ? v->n : 1, sizeof(char *))) == NULL) {
			set->bad = 1;
			return;
		}
		for (i = 0; i < v->n; i++) {
			if ((f->columns[i] = scalar_dup(set, f, v->u.items[i],
			    key)) == NULL)
				return;
			f->ncolumns++;
		}
	}
}

static void
compile_keyword(struct schemaset *set, struct sfile *f, struct schema *s,
    const char *key, const struct node *v, int depth)
{
	size_t	i;
	int	bit;

	if (strcmp(key, "type") == 0) {
		if (v->kind == NODE_SCALAR) {
			if ((bit = type_bit(v->u.s.str)) == 0)
				bad(set, f, v, "unknown type '%s'", v->u.s.str);
			s->types |= (unsigned)bit;
		} else if (v->kind == NODE_SEQ) {
			for (i = 0; i < v->n; i++) {
				const struct node *t = v->u.items[i];
				if (t->kind != NODE_SCALAR ||
				    (bit = type_bit(t->u.s.str)) == 0) {
					bad(set, f, t, "unknown type%s", "");
					continue;
				}
				s->types |= (unsigned)bit;
			}
		} else
			bad(set, f, v, "'type' must be a type name or a list%s",
			    "");
	} else if (strcmp(key, "properties") == 0) {
		if (v->kind != NODE_MAP) {
			bad(set, f, v, "'properties' must be a mapping%s", "");
			return;
		}
		if ((s->props = calloc(v->n ? v->n : 1, sizeof *s->props)) == NULL) {
			set->bad = 1;
			return;
		}
		for (i = 0; i < v->n; i++) {
			s->props[i].name = strdup(v->u.pairs[i].key->u.s.str);
			s->props[i].len = s->props[i].name != NULL ?
			    strlen(s->props[i].name) : 0;
			s->props[i].s = compile(set, f, v->u.pairs[i].value,
			    depth + 1);
			s->nprops++;
			if (s->props[i].name == NULL || s->props[i].s == NULL) {
				set->bad = 1;
				return;
			}
		}
	} else if (strcmp(key, "required") == 0) {
		if (v->kind != NODE_SEQ) {
			bad(set, f, v, "'required' must be a list%s", "");
			return;
		}
		if ((s->required = calloc(v->n ? v->n : 1, sizeof(char *))) == NULL) {
			set->bad = 1;
			return;
		}
		for (i = 0; i < v->n; i++) {
			if ((s->required[i] = scalar_dup(set, f, v->u.items[i],
			    key)) == NULL)
				return;
			s->nrequired++;
		}
	} else if (strcmp(key, "additionalProperties") == 0) {
		if (v->kind == NODE_SCALAR && strcmp(v->u.s.str, "false") == 0)
			s->addl_forbidden = 1;
		else if (v->kind == NODE_SCALAR && strcmp(v->u.s.str, "true") == 0)
			;
		else
			s->addl = compile(set, f, v, depth + 1);
	} else if (strcmp(key, "enum") == 0) {
		if (v->kind != NODE_SEQ || v->n == 0) {
			bad(set, f, v, "'enum' must be a non-empty list%s", "");
			return;
		}
		if ((s->enumv = calloc(v->n, sizeof *s->enumv)) == NULL) {
			set->bad = 1;
			return;
		}
		for (i = 0; i < v->n; i++)
			s->enumv[i] = v->u.items[i];
		s->nenum = v->n;
	} else if (strcmp(key, "const") == 0) {
		s->constv = v;
	} else if (strcmp(key, "pattern") == 0) {
		if ((s->pattern = scalar_dup(set, f, v, key)) == NULL)
			return;
		if ((f->known ? pattern_compile_known(&s->pat, s->pattern) :
		    pattern_compile(&s->pat, s->pattern)) != 0) {
			f->badpat = 1;
			bad(set, f, v, "bad pattern: %s", error_last());
			return;
		}
	} else if (strcmp(key, "format") == 0) {
		if (node_scalar_eq(v, "date"))
			s->format = SCHEMA_F_DATE;
		else if (node_scalar_eq(v, "date-time"))
			s->format = SCHEMA_F_DATETIME;
		/* Other formats are annotations only, as JSON Schema allows. */
	} else if (strcmp(key, "minimum") == 0 || strcmp(key, "maximum") == 0) {
		double	 x;
		char	*end;

		if (v->kind != NODE_SCALAR || !(schema_scalar_type(v) &
		    (SCHEMA_T_INTEGER | SCHEMA_T_NUMBER))) {
			bad(set, f, v, "'%s' must be a number", key);
			return;
		}
		x = strtod(v->u.s.str, &end);
		if (key[1] == 'i') {
			s->has_min = 1;
			s->min = x;
		} else {
			s->has_max = 1;
			s->max = x;
		}
	} else if (strcmp(key, "minLength") == 0) {
		scalar_long(set, f, v, key, &s->minlen);
	} else if (strcmp(key, "maxLength") == 0) {
		scalar_long(set, f, v, key, &s->maxlen);
	} else if (strcmp(key, "minItems") == 0) {
		scalar_long(set, f, v, key, &s->minitems);
	} else if (strcmp(key, "maxItems") == 0) {
		scalar_long(set, f, v, key, &s->maxitems);
	} else if (strcmp(key, "items") == 0) {
		s->items = compile(set, f, v, depth + 1);
	} else if (strcmp(key, "$ref") == 0) {
		s->ref = scalar_dup(set, f, v, key);
	} else if (strcmp(key, "title") == 0) {
		s->title = scalar_dup(set, f, v, key);
	} else if (strcmp(key, "description") == 0) {
		s->desc = scalar_dup(set, f, v, key);
	} else if (strcmp(key, "default") == 0) {
		s->deflt = v;
	} else if (strcmp(key, "x-ref") == 0) {
		s->xref = scalar_dup(set, f, v, key);
	} else if (strcmp(key, "x-enum-titles") == 0) {
		if (v->kind != NODE_MAP) {
			bad(set, f, v, "'%s' must map values to labels", key);
			return;
		}
		s->enum_titles = v;
	} else if (strcmp(key, "$defs") == 0 && depth == 0) {
		if (v->kind != NODE_MAP) {
			bad(set, f, v, "'$defs' must be a mapping%s", "");
			return;
		}
		if ((f->defs = calloc(v->n ? v->n : 1, sizeof *f->defs)) == NULL) {
			set->bad = 1;
			return;
		}
		for (i = 0; i < v->n; i++) {
			f->defs[i].name = strdup(v->u.pairs[i].key->u.s.str);
			f->defs[i].s = compile(set, f, v->u.pairs[i].value,
			    depth + 1);
			f->ndefs++;
			if (f->defs[i].name == NULL || f->defs[i].s == NULL) {
				set->bad = 1;
				return;
			}
		}
	} else if (depth == 0 && strncmp(key, "x-", 2) == 0) {
		compile_kind(set, f, key, v);
	}
	/* Anything else is an annotation (or $schema, $id): ignored. */
}

static struct schema *
compile(struct schemaset *set, struct sfile *f, const struct node *n, int depth)
{
	struct schema	*s;
	size_t		 i;

	if ((s = calloc(1, sizeof *s)) == NULL) {
		set->bad = 1;
		return NULL;
	}
	s->next_all = set->all;
	set->all = s;
	s->file = f;
	s->src = n;
	s->minlen = s->maxlen = s->minitems = s->maxitems = -1;
	if (depth > SCHEMA_MAX_DEPTH) {
		bad(set, f, n, "schema nested too deep%s", "");
		return s;
	}
	if (n->kind == NODE_SCALAR && (strcmp(n->u.s.str, "true") == 0 ||
	    strcmp(n->u.s.str, "{}") == 0))
		return s;
	if (n->kind != NODE_MAP) {
		bad(set, f, n, "a schema must be a mapping%s", "");
		return s;
	}
	for (i = 0; i < n->n; i++)
		compile_keyword(set, f, s, n->u.pairs[i].key->u.s.str,
		    n->u.pairs[i].value, depth);
	return s;
}

static struct sfile *
find_file(const struct schemaset *set, const char *name, size_t len)
{
	size_t	i;

	for (i = 0; i < set->nfiles; i++) {
		if (strlen(set->files[i]->name) == len &&
		    memcmp(set->files[i]->name, name, len) == 0)
			return set->files[i];
	}
	return NULL;
}

/* "#/$defs/x" or "file.yaml#/$defs/x" or "file.yaml"; the file compiled. */
static void
resolve_ref(struct schemaset *set, struct schema *s)
{
	struct sfile	*f;
	const char	*hash, *def;
	size_t		 i;

	hash = strchr(s->ref, '#');
	f = s->file;
	if (hash != s->ref) {
		f = find_file(set, s->ref, hash != NULL ?
		    (size_t)(hash - s->ref) : strlen(s->ref));
		if (f == NULL) {
			bad(set, s->file, node_get(s->src, "$ref"),
			    "$ref names an unknown schema file: '%s'", s->ref);
			return;
		}
	}
	if (hash == NULL || hash[1] == '\0') {
		s->reft = f->root;
		return;
	}
	if (strncmp(hash, "#/$defs/", 8) != 0) {
		bad(set, s->file, node_get(s->src, "$ref"),
		    "unsupported $ref '%s' (use #/$defs/NAME)", s->ref);
		return;
	}
	def = hash + 8;
	for (i = 0; i < f->ndefs; i++) {
		if (strcmp(f->defs[i].name, def) == 0) {
			s->reft = f->defs[i].s;
			break;
		}
	}
	if (s->reft == NULL)
		bad(set, s->file, node_get(s->src, "$ref"),
		    "$ref '%s' names no definition", s->ref);
}

static int
file_cmp(const void *a, const void *b)
{
	const struct sfile *const *x = a, *const *y = b;

	return strcmp((*x)->kind, (*y)->kind);
}

static int
name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/*
 * Schemas are parsed when first needed (issue 15): parsing all of them
 * (~80 KB of YAML) cost every command ~5 ms, most of `list review` on the
 * sample data, though a command about one kind needs only that kind's
 * file and those its $refs name.  Listing the directories only notes each
 * file; need_file() parses and compiles one, and the files it refers to.
 */
static int
list_file(struct schemaset *set, const char *dir, const char *name)
{
	struct sfile	*f, **files;
	struct buf	 path = BUF_INIT;
	size_t		 i;
	int		 rc;

	buf_printf(&path, "%s/%s", dir, name);
	if ((rc = buf_ok(&path)) != 0)
		return rc;
	if ((f = calloc(1, sizeof *f)) == NULL ||
	    (f->name = strdup(name)) == NULL) {
		free(f);
		buf_free(&path);
		return error_set(NC_ENOMEM, "out of memory");
	}
	f->path = buf_detach(&path, NULL);
	/* A later directory replaces a file of the same name. */
	for (i = 0; i < set->nfiles; i++) {
		if (strcmp(set->files[i]->name, name) == 0) {
			sfile_free(set->files[i]);
			set->files[i] = f;
			return 0;
		}
	}
	files = realloc(set->files, (set->nfiles + 1) * sizeof *files);
	if (files == NULL) {
		sfile_free(f);
		return error_set(NC_ENOMEM, "out of memory");
	}
	set->files = files;
	set->files[set->nfiles++] = f;
	return 0;
}

static int
need_file(struct schemaset *set, struct sfile *f)
{
	struct schema_cache_miss *miss;
	struct schema	*first, *mark, *s;
	struct sfile	*to;
	const char	*hash;
	int		 rc, hit;

	if (f->compiled)
		return 0;
	f->compiled = 1;
	if (schema_cache_load(&f->doc, f->path, set->d, &hit, &miss) != 0) {
		set->bad = 1;
		return 0;
	}
	set->ncached += (size_t)hit;
	/*
	 * The cache keeps only files whose patterns all compiled: read back
	 * from it, they need no second check (pattern_compile_known()).
	 */
	f->known = hit;
	mark = set->all;
	f->root = compile(set, f, ydoc_root(f->doc), 0);
	schema_cache_done(miss, ydoc_root(f->doc), f->root != NULL &&
	    !f->badpat);
	if (f->root == NULL)
		return error_set(NC_ENOMEM, "out of memory");
	/*
	 * The schemas just compiled are those before mark on the list (a
	 * file compiled below is put in front of them): first the files
	 * their $refs name, then the $refs.
	 */
	first = set->all;
	for (s = first; s != mark; s = s->next_all) {
		if (s->ref == NULL || (hash = strchr(s->ref, '#')) == s->ref)
			continue;
		to = find_file(set, s->ref, hash != NULL ?
		    (size_t)(hash - s->ref) : strlen(s->ref));
		if (to != NULL && (rc = need_file(set, to)) != 0)
			return rc;
	}
	for (s = first; s != mark; s = s->next_all)
		if (s->ref != NULL)
			resolve_ref(set, s);
	return 0;
}

static int
load_dir(struct schemaset *set, const char *dir)
{
	DIR		*dp;
	struct dirent	*de;
	char		**names = NULL, **nn;
	size_t		 n = 0, i, len;
	int		 rc = 0;

	if ((dp = opendir(dir)) == NULL) {
		if (errno == ENOENT)
			return 0;
		return error_sys(NC_EIO, "cannot read schema directory '%s'",
		    dir);
	}
	while ((de = readdir(dp)) != NULL) {
		len = strlen(de->d_name);
		if (len < 6 || de->d_name[0] == '.' ||
		    strcmp(de->d_name + len - 5, ".yaml") != 0)
			continue;
		if ((nn = realloc(names, (n + 1) * sizeof *names)) == NULL ||
		    (nn[n] = strdup(de->d_name)) == NULL) {
			if (nn != NULL)
				names = nn;
			rc = error_set(NC_ENOMEM, "out of memory");
			break;
		}
		names = nn;
		n++;
	}
	closedir(dp);
	if (names != NULL)
		qsort(names, n, sizeof *names, name_cmp);
	for (i = 0; i < n; i++) {
		if (rc == 0)
			rc = list_file(set, dir, names[i]);
		free(names[i]);
	}
	free(names);
	return rc;
}

int
schemaset_open(struct schemaset **out, const char *const *dirs, size_t ndirs)
{
	struct schemaset	*set;
	size_t			 i;
	int			 rc = 0;

	*out = NULL;
	if ((set = calloc(1, sizeof *set)) == NULL)
		return error_set(NC_ENOMEM, "out of memory");
	for (i = 0; i < ndirs && rc == 0; i++)
		rc = load_dir(set, dirs[i]);
	if (rc == 0 && set->nfiles == 0)
		rc = error_set(NC_ENOTFOUND, "no schemas found in '%s'",
		    ndirs > 0 ? dirs[0] : "");
	if (rc != 0) {
		schemaset_free(set);
		return rc;
	}
	*out = set;
	return 0;
}

/* Every file compiled, and the record kinds listed and checked. */
static int
need_all(struct schemaset *set)
{
	struct sfile	*f;
	size_t		 i, j;
	int		 rc = 0;

	for (i = 0; i < set->nfiles && rc == 0; i++)
		rc = need_file(set, set->files[i]);
	if (rc == 0 && (set->kinds = calloc(set->nfiles + 1,
	    sizeof *set->kinds)) == NULL)
		rc = error_set(NC_ENOMEM, "out of memory");
	for (i = 0; i < set->nfiles && rc == 0; i++) {
		f = set->files[i];
		if (f->kind == NULL || f->dir == NULL)
			continue;
		if (f->id_prefix == NULL) {
			bad(set, f, ydoc_root(f->doc), "record kind '%s' has no"
			    " x-id-prefix", f->kind);
			continue;
		}
		for (j = 0; j < set->nkinds; j++) {
			if (strcmp(set->kinds[j]->kind, f->kind) == 0 ||
			    strcmp(set->kinds[j]->id_prefix, f->id_prefix) == 0)
				bad(set, f, ydoc_root(f->doc), "x-kind or"
				    " x-id-prefix of '%s' used twice", f->kind);
		}
		set->kinds[set->nkinds++] = f;
	}
	if (rc == 0 && set->nkinds > 1)
		qsort(set->kinds, set->nkinds, sizeof *set->kinds, file_cmp);
	if (rc == 0)
		set->complete = 1;
	return rc;
}

int
schemaset_need(struct schemaset *set, const char *kind, struct diags *d)
{
	struct buf	 name = BUF_INIT;
	struct sfile	*f = NULL;
	int		 rc = 0;

	if (set->complete)
		return set->bad ? error_set(NC_ESCHEMA,
		    "the schemas have errors") : 0;
	set->d = d;
	/* A kind's file is named after it (review.yaml); if not, all. */
	if (kind != NULL) {
		buf_printf(&name, "%s.yaml", kind);
		if ((rc = buf_ok(&name)) == 0 &&
		    (f = find_file(set, name.data, name.len)) != NULL &&
		    (rc = need_file(set, f)) == 0 && (f->kind == NULL ||
		    strcmp(f->kind, kind) != 0))
			f = NULL;
		buf_free(&name);
	}
	if (rc == 0 && f == NULL)
		rc = need_all(set);
	if (rc == 0 && set->bad)
		rc = error_set(NC_ESCHEMA, "the schemas have errors");
	set->d = NULL;
	return rc;
}

int
schemaset_load(struct schemaset **out, const char *const *dirs, size_t ndirs,
    struct diags *d)
{
	struct schemaset	*set;
	int			 rc;

	*out = NULL;
	if ((rc = schemaset_open(&set, dirs, ndirs)) != 0)
		return rc;
	if ((rc = schemaset_need(set, NULL, d)) != 0) {
		schemaset_free(set);
		return rc;
	}
	*out = set;
	return 0;
}

const struct schema *
schemaset_kind(const struct schemaset *set, const char *kind)
{
	size_t	i;

	for (i = 0; i < set->nfiles; i++) {
		if (set->files[i]->kind != NULL &&
		    strcmp(set->files[i]->kind, kind) == 0)
			return set->files[i]->root;
	}
	return NULL;
}

size_t
schemaset_cached(const struct schemaset *set)
{
	return set->ncached;
}

size_t
schemaset_nkinds(const struct schemaset *set)
{
	return set->nkinds;
}

const struct schema *
schemaset_kind_at(const struct schemaset *set, size_t i)
{
	return i < set->nkinds ? set->kinds[i]->root : NULL;
}

const struct schema *
schemaset_by_prefix(const struct schemaset *set, const char *prefix,
    size_t len)
{
	size_t	i;

	for (i = 0; i < set->nkinds; i++) {
		if (strlen(set->kinds[i]->id_prefix) == len &&
		    memcmp(set->kinds[i]->id_prefix, prefix, len) == 0)
			return set->kinds[i]->root;
	}
	return NULL;
}

const char *schema_kind(const struct schema *s) { return s->file->kind; }
const char *schema_dir(const struct schema *s) { return s->file->dir; }
const char *schema_id_prefix(const struct schema *s) { return s->file->id_prefix; }
const char *schema_fy_field(const struct schema *s) { return s->file->fy_field; }
const char *schema_title_field(const struct schema *s) { return s->file->title_field; }
size_t schema_ncolumns(const struct schema *s) { return s->file->ncolumns; }

const char *
schema_column(const struct schema *s, size_t i)
{
	return i < s->file->ncolumns ? s->file->columns[i] : NULL;
}

/* Follow $ref to the schema that has the structure. */
const struct schema *
schema_resolve(const struct schema *s)
{
	int	n = 0;

	while (s != NULL && s->reft != NULL && s->nprops == 0 &&
	    s->items == NULL && s->types == 0 && n++ < SCHEMA_MAX_DEPTH)
		s = s->reft;
	return s;
}

size_t
schema_nprops(const struct schema *s)
{
	s = schema_resolve(s);
	return s != NULL ? s->nprops : 0;
}

const struct schema *
schema_prop_at(const struct schema *s, size_t i, const char **name)
{
	s = schema_resolve(s);
	if (s == NULL || i >= s->nprops)
		return NULL;
	if (name != NULL)
		*name = s->props[i].name;
	return s->props[i].s;
}

const struct schema *
schema_prop(const struct schema *s, const char *name)
{
	size_t	i;

	s = schema_resolve(s);
	for (i = 0; s != NULL && i < s->nprops; i++) {
		if (strcmp(s->props[i].name, name) == 0)
			return s->props[i].s;
	}
	return NULL;
}

const struct schema *
schema_items(const struct schema *s)
{
	s = schema_resolve(s);
	return s != NULL ? s->items : NULL;
}

int
schema_required(const struct schema *s, const char *name)
{
	size_t	i;
	int	n = 0;

	for (; s != NULL && n < SCHEMA_MAX_DEPTH; s = s->reft, n++) {
		for (i = 0; i < s->nrequired; i++) {
			if (strcmp(s->required[i], name) == 0)
				return 1;
		}
	}
	return 0;
}

/* The first of the schema or its $ref chain that has the keyword. */
#define CHAIN(s, field, none) do {					\
	int n_ = 0;							\
	for (; (s) != NULL && n_ < SCHEMA_MAX_DEPTH; (s) = (s)->reft, n_++) \
		if ((s)->field != (none))				\
			return (s)->field;				\
	return (none);							\
} while (0)

const char *schema_title(const struct schema *s) { CHAIN(s, title, NULL); }
const char *schema_description(const struct schema *s) { CHAIN(s, desc, NULL); }

/*
 * x-title-en beside a title; a $ref's target gives both only when the
 * schema itself has no title (its own title is the one to translate).
 */
const char *
schema_title_in(const struct schema *s, int japanese)
{
	const char	*en;
	int		 n = 0;

	if (japanese)
		return schema_title(s);
	for (; s != NULL && n < SCHEMA_MAX_DEPTH; s = s->reft, n++) {
		if ((en = schema_annotation(s, "x-title-en")) != NULL)
			return en;
		if (s->title != NULL)
			return s->title;
	}
	return NULL;
}

const char *
schema_ui_title(const struct schema *s)
{
	return schema_title_in(s, i18n_japanese());
}
unsigned schema_types(const struct schema *s) { CHAIN(s, types, 0u); }
const char *schema_xref(const struct schema *s) { CHAIN(s, xref, NULL); }
const struct node *schema_default(const struct schema *s) { CHAIN(s, deflt, NULL); }

enum schema_format
schema_format(const struct schema *s)
{
	CHAIN(s, format, SCHEMA_F_NONE);
}

size_t
schema_nenum(const struct schema *s)
{
	CHAIN(s, nenum, (size_t)0);
}

const char *
schema_enum_title(const struct schema *s, const char *value)
{
	int	n = 0;

	for (; s != NULL && n < SCHEMA_MAX_DEPTH; s = s->reft, n++) {
		if (s->enum_titles != NULL)
			return node_get_str(s->enum_titles, value);
	}
	return NULL;
}

const char *
schema_enum_at(const struct schema *s, size_t i)
{
	int	n = 0;

	for (; s != NULL && n < SCHEMA_MAX_DEPTH; s = s->reft, n++) {
		if (s->nenum != 0)
			return i < s->nenum &&
			    s->enumv[i]->kind == NODE_SCALAR ?
			    s->enumv[i]->u.s.str : NULL;
	}
	return NULL;
}

/*
 * Scalars.
 */

/* Whether p is one or more digits of base 8, 10 or 16 (then NUL). */
static int
all_digits(const char *p, int base)
{
	unsigned char	c;

	if (*p == '\0')
		return 0;
	for (; (c = (unsigned char)*p) != '\0'; p++) {
		if (c >= '0' && c <= (base == 8 ? '7' : '9'))
			continue;
		if (base == 16 && ((c >= 'a' && c <= 'f') ||
		    (c >= 'A' && c <= 'F')))
			continue;
		return 0;
	}
	return 1;
}

/*
 * YAML 1.2 core schema resolution of a plain scalar, by its first
 * character: null and boolean words start with a letter, numbers with a
 * digit, a sign or a dot (issue 15: every date and number went through
 * eleven strcmp() calls first).
 */
static unsigned
plain_type(const char *s)
{
	const char	*p = s;
	int		 digits = 0;

	switch (*s) {
	case '\0':
		return SCHEMA_T_NULL;
	case '~':
		return s[1] == '\0' ? SCHEMA_T_NULL : SCHEMA_T_STRING;
	case 'n':
	case 'N':
		return strcmp(s, "null") == 0 || strcmp(s, "Null") == 0 ||
		    strcmp(s, "NULL") == 0 ? SCHEMA_T_NULL : SCHEMA_T_STRING;
	case 't':
	case 'T':
	case 'f':
	case 'F':
		return strcmp(s, "true") == 0 || strcmp(s, "True") == 0 ||
		    strcmp(s, "TRUE") == 0 || strcmp(s, "false") == 0 ||
		    strcmp(s, "False") == 0 || strcmp(s, "FALSE") == 0 ?
		    SCHEMA_T_BOOLEAN : SCHEMA_T_STRING;
	case '+': case '-': case '.': case '0': case '1': case '2':
	case '3': case '4': case '5': case '6': case '7': case '8':
	case '9':
		break;
	default:
		/* Most text starts with a letter no typed scalar starts with. */
		return SCHEMA_T_STRING;
	}
	if (s[0] == '0' && s[1] == 'o' && all_digits(s + 2, 8))
		return SCHEMA_T_INTEGER;
	if (s[0] == '0' && s[1] == 'x' && all_digits(s + 2, 16))
		return SCHEMA_T_INTEGER;
	if (*p == '-' || *p == '+')
		p++;
	if (all_digits(p, 10))
		return SCHEMA_T_INTEGER;
	if (*p == '.' && (strcmp(p, ".inf") == 0 || strcmp(p, ".Inf") == 0 ||
	    strcmp(p, ".INF") == 0 || strcmp(s, ".nan") == 0 ||
	    strcmp(s, ".NaN") == 0 || strcmp(s, ".NAN") == 0))
		return SCHEMA_T_NUMBER;
	/* [-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)? */
	while (*p >= '0' && *p <= '9') {
		p++;
		digits++;
	}
	if (*p == '.') {
		p++;
		while (*p >= '0' && *p <= '9') {
			p++;
			digits++;
		}
	}
	if (digits == 0)
		return SCHEMA_T_STRING;
	if (*p == 'e' || *p == 'E') {
		p++;
		if (*p == '-' || *p == '+')
			p++;
		if (!(*p >= '0' && *p <= '9'))
			return SCHEMA_T_STRING;
		while (*p >= '0' && *p <= '9')
			p++;
	}
	return *p == '\0' ? SCHEMA_T_NUMBER : SCHEMA_T_STRING;
}

unsigned
schema_scalar_type(const struct node *n)
{
	if (n->kind == NODE_MAP)
		return SCHEMA_T_OBJECT;
	if (n->kind == NODE_SEQ)
		return SCHEMA_T_ARRAY;
	if (n->style != NODE_STYLE_PLAIN)
		return SCHEMA_T_STRING;
	return plain_type(n->u.s.str);
}

static int
two(const char *p)
{
	if (p[0] < '0' || p[0] > '9' || p[1] < '0' || p[1] > '9')
		return -1;
	return (p[0] - '0') * 10 + (p[1] - '0');
}

int
schema_is_date(const char *s)
{
	struct cal_date	d;

	return cal_parse_iso(&d, s) == 0;
}

int
schema_is_datetime(const char *s)
{
	char		 date[11];
	const char	*p;

	if (strlen(s) < 16 || (s[10] != 'T' && s[10] != ' '))
		return 0;
	memcpy(date, s, 10);
	date[10] = '\0';
	if (!schema_is_date(date))
		return 0;
	p = s + 11;
	if (two(p) < 0 || two(p) > 23 || p[2] != ':' || two(p + 3) < 0 ||
	    two(p + 3) > 59)
		return 0;
	p += 5;
	if (*p == ':') {
		if (two(p + 1) < 0 || two(p + 1) > 60)
			return 0;
		p += 3;
		if (*p == '.') {
			p++;
			if (!(*p >= '0' && *p <= '9'))
				return 0;
			while (*p >= '0' && *p <= '9')
				p++;
		}
	}
	if (*p == '\0' || (p[0] == 'Z' && p[1] == '\0'))
		return 1;
	if ((*p == '+' || *p == '-') && two(p + 1) >= 0 && two(p + 1) <= 23 &&
	    p[3] == ':' && two(p + 4) >= 0 && two(p + 4) <= 59 && p[6] == '\0')
		return 1;
	return 0;
}

/*
 * Validation.
 */

struct vstate {
	const char			*path;
	struct diags			*d;
	const struct schema_refcheck	*refs;
	/*
	 * The path of the field being checked, kept as pointers and turned
	 * into text (reviews[2].rating) only when there is a problem.
	 */
	struct fseg {
		const char		*key;	/* NULL: an index */
		size_t			 index;
		const struct schema	*s;
	}				 seg[SCHEMA_MAX_DEPTH + 2];
	size_t				 nseg;
	char				 shown[128];
	int				 bad;
	int				 parsed;	/* texts known valid UTF-8 */
	/*
	 * Texts that matched a schema's pattern lately, by a hash of the
	 * two: a record repeats its codes and references (an answer's
	 * item, a respondent's answers), and comparing a text is cheaper
	 * than matching it again (issue 15).
	 */
	struct pmemo {
		const struct schema	*s;
		const char		*str;
		size_t			 len;
	}				 memo[64];
};

/* A value as quoted in a message: at most 40 characters. */
static const char *
shown(struct vstate *vs, const char *s)
{
	size_t	i = 0, chars = 0, max = sizeof vs->shown - 8;

	while (s[i] != '\0' && chars < 40 && i < max) {
		i++;
		while (((unsigned char)s[i] & 0xc0) == 0x80 && i < max)
			i++;
		chars++;
	}
	memcpy(vs->shown, s, i);
	if (s[i] != '\0')
		memcpy(vs->shown + i, "\xe2\x80\xa6", 4);	/* … */
	else
		vs->shown[i] = '\0';
	return vs->shown;
}

static const char *
type_name(unsigned t)
{
	if (t & SCHEMA_T_STRING)
		return "a text";
	if (t & SCHEMA_T_INTEGER)
		return "a whole number";
	if (t & SCHEMA_T_NUMBER)
		return "a number";
	if (t & SCHEMA_T_BOOLEAN)
		return "true or false";
	if (t & SCHEMA_T_OBJECT)
		return "a mapping (key: value lines)";
	if (t & SCHEMA_T_ARRAY)
		return "a list (- item lines)";
	if (t & SCHEMA_T_NULL)
		return "nothing (null)";
	return "a value";
}

static void
expected_types(struct buf *b, unsigned t)
{
	static const unsigned order[] = { SCHEMA_T_STRING, SCHEMA_T_INTEGER,
	    SCHEMA_T_NUMBER, SCHEMA_T_BOOLEAN, SCHEMA_T_OBJECT,
	    SCHEMA_T_ARRAY, SCHEMA_T_NULL };
	size_t	 i;
	int	 first = 1;

	if ((t & SCHEMA_T_NUMBER) != 0)
		t &= ~(unsigned)SCHEMA_T_INTEGER;
	for (i = 0; i < sizeof order / sizeof order[0]; i++) {
		if (!(t & order[i]))
			continue;
		if (!first)
			buf_puts(b, " or ");
		buf_puts(b, type_name(order[i]));
		first = 0;
	}
}

static void
vreport(struct vstate *vs, const struct schema *s, const struct node *n,
    const char *fmt, ...) NC_PRINTF(4, 5);

static void
vreport(struct vstate *vs, const struct schema *s, const struct node *n,
    const char *fmt, ...)
{
	struct buf	 msg = BUF_INIT;
	const char	*title = NULL;
	size_t		 i;
	va_list		 ap;
	char		 text[1024];

	va_start(ap, fmt);
	vsnprintf(text, sizeof text, _(fmt), ap);
	va_end(ap);
	for (i = 0; i < vs->nseg; i++) {
		if (vs->seg[i].key == NULL)
			buf_printf(&msg, "[%zu]", vs->seg[i].index + 1);
		else
			buf_printf(&msg, "%s%s", i > 0 ? "." : "",
			    vs->seg[i].key);
	}
	/* The innermost title: an item's own, else its list's. */
	for (i = vs->nseg; s != NULL && i > 0; i--) {
		title = vs->seg[i - 1].s != NULL ?
		    schema_ui_title(vs->seg[i - 1].s) : NULL;
		if (title != NULL || vs->seg[i - 1].key != NULL)
			break;
	}
	if (msg.len > 0) {
		if (title != NULL)
			buf_printf(&msg, " (%s)", title);
		buf_puts(&msg, ": ");
	}
	buf_puts(&msg, text);
	if (buf_ok(&msg) == 0)
		diags_add(vs->d, vs->path, n->line, n->col, "%s", msg.data);
	buf_free(&msg);
	vs->bad = 1;
}

static int
node_equal(const struct node *a, const struct node *b, int depth)
{
	size_t	i;

	if (depth > SCHEMA_MAX_DEPTH || a->kind != b->kind || a->n != b->n)
		return 0;
	if (a->kind == NODE_SCALAR)
		return a->u.s.str[0] == b->u.s.str[0] &&
		    strcmp(a->u.s.str, b->u.s.str) == 0;
	for (i = 0; i < a->n; i++) {
		if (a->kind == NODE_MAP) {
			if (strcmp(a->u.pairs[i].key->u.s.str,
			    b->u.pairs[i].key->u.s.str) != 0 ||
			    !node_equal(a->u.pairs[i].value,
			    b->u.pairs[i].value, depth + 1))
				return 0;
		} else if (!node_equal(a->u.items[i], b->u.items[i], depth + 1))
			return 0;
	}
	return 1;
}

/* Levenshtein distance, for "did you mean"; short names only. */
static size_t
edit_distance(const char *a, const char *b)
{
	size_t	la = strlen(a), lb = strlen(b), i, j, prev, cur, tmp;
	size_t	row[65];

	if (la > 64 || lb > 64)
		return SIZE_MAX;
	for (j = 0; j <= lb; j++)
		row[j] = j;
	for (i = 1; i <= la; i++) {
		prev = row[0];
		row[0] = i;
		for (j = 1; j <= lb; j++) {
			cur = prev + (a[i - 1] != b[j - 1]);
			if (row[j] + 1 < cur)
				cur = row[j] + 1;
			if (row[j - 1] + 1 < cur)
				cur = row[j - 1] + 1;
			tmp = row[j];
			row[j] = cur;
			prev = tmp;
		}
	}
	return row[lb];
}

static void validate(struct vstate *, const struct schema *,
    const struct node *, int, int);

struct fmark {
	size_t		 n;
};

static void
field_push(struct vstate *vs, struct fmark *mark, const char *key,
    size_t index, int is_index, const struct schema *s)
{
	mark->n = vs->nseg;
	if (vs->nseg == sizeof vs->seg / sizeof vs->seg[0])
		return;		/* validate() stops deeper than this */
	vs->seg[vs->nseg].key = is_index ? NULL : key;
	vs->seg[vs->nseg].index = index;
	vs->seg[vs->nseg].s = s;
	vs->nseg++;
}

static void
field_pop(struct vstate *vs, const struct fmark *mark)
{
	vs->nseg = mark->n;
}

/*
 * Whether the key k is the text name of len bytes: strcmp() == 0, but
 * from the lengths both already have (a key's text may hold a NUL only
 * when built in memory; then it is compared up to the NUL, as strcmp()
 * does).
 */
static int
key_is(const struct node *k, const char *name, size_t len)
{
	if (k->u.s.len == len)
		return memcmp(k->u.s.str, name, len) == 0;
	return k->u.s.len > len && k->u.s.str[len] == '\0' &&
	    memcmp(k->u.s.str, name, len) == 0;
}

/*
 * node_get() for the required fields, which come in the record's order:
 * looks from after the last key found (*hint), round.
 */
static const struct node *
map_get(const struct node *map, const char *key, size_t *hint)
{
	size_t	i, k;

	for (k = 0; k < map->n; k++) {
		i = *hint + k < map->n ? *hint + k : *hint + k - map->n;
		if (map->u.pairs[i].key->u.s.str[0] == key[0] &&
		    key_is(map->u.pairs[i].key, key, strlen(key))) {
			*hint = i + 1 < map->n ? i + 1 : 0;
			return map->u.pairs[i].value;
		}
	}
	return NULL;
}

static void
validate_object(struct vstate *vs, const struct schema *s,
    const struct node *n, int depth)
{
	const struct schema	*ps;
	const struct node	*kn;
	const char		*key, *best;
	struct fmark		 mark;
	size_t			 i, j, k, dist, bestd, next = 0, hint = 0;

	for (i = 0; i < s->nrequired; i++) {
		const struct node *v = map_get(n, s->required[i], &hint);
		if (v == NULL || node_is_null(v)) {
			const struct schema *rs = NULL;
			for (j = 0; j < s->nprops; j++) {
				if (strcmp(s->props[j].name, s->required[i]) == 0)
					rs = s->props[j].s;
			}
			field_push(vs, &mark, s->required[i], 0, 0, rs);
			if (v == NULL)
				vreport(vs, rs, n, "required field is missing");
			else
				vreport(vs, rs, v, "required field is empty");
			field_pop(vs, &mark);
		}
	}
	for (i = 0; i < n->n; i++) {
		kn = n->u.pairs[i].key;
		key = kn->u.s.str;
		ps = NULL;
		/*
		 * Records are written with their fields in the schema's
		 * order: look from after the last field found, round.
		 */
		for (k = 0; k < s->nprops; k++) {
			j = next + k < s->nprops ? next + k :
			    next + k - s->nprops;
			if (s->props[j].name[0] == key[0] &&
			    key_is(kn, s->props[j].name, s->props[j].len)) {
				ps = s->props[j].s;
				next = j + 1 < s->nprops ? j + 1 : 0;
				break;
			}
		}
		field_push(vs, &mark, key, 0, 0, ps != NULL ? ps : s->addl);
		if (ps == NULL && s->addl_forbidden) {
			best = NULL;
			bestd = SIZE_MAX;
			for (j = 0; j < s->nprops; j++) {
				dist = edit_distance(key, s->props[j].name);
				if (dist < bestd) {
					bestd = dist;
					best = s->props[j].name;
				}
			}
			if (best != NULL && bestd <= 2)
				vreport(vs, NULL, n->u.pairs[i].key,
				    "unknown field (did you mean '%s'?)", best);
			else
				vreport(vs, NULL, n->u.pairs[i].key,
				    "unknown field");
		} else if (ps == NULL && s->addl != NULL) {
			validate(vs, s->addl, n->u.pairs[i].value, depth + 1,
			    0);
		} else if (ps != NULL) {
			validate(vs, ps, n->u.pairs[i].value, depth + 1, 0);
		}
		field_pop(vs, &mark);
	}
}

#define ONES	UINT64_C(0x0101010101010101)
#define HIGHS	UINT64_C(0x8080808080808080)

/*
 * The characters of valid UTF-8: the bytes that are not continuation
 * bytes (10xxxxxx), counted eight at a time.
 */
static size_t
utf8_chars(const char *s, size_t len)
{
	const unsigned char	*u = (const unsigned char *)s;
	size_t			 i = 0, cont = 0;
	uint64_t		 w, m;

	for (; len - i >= 8; i += 8) {
		memcpy(&w, u + i, 8);
		/* Bit 7 set and bit 6 clear; one bit per byte, summed. */
		m = (w & ~(w << 1) & HIGHS) >> 7;
		cont += (size_t)((m * ONES) >> 56);
	}
	for (; i < len; i++)
		cont += (u[i] & 0xc0) == 0x80;
	return len - cont;
}

/* pattern_match() of s's pattern, remembering the texts that match. */
static int
pattern_matched(struct vstate *vs, const struct schema *s, const char *str,
    size_t len)
{
	struct pmemo	*m;
	uintptr_t	 h;

	h = (uintptr_t)s / sizeof(void *) + len * 31;
	if (len > 0)
		h += (unsigned char)str[0] * 7u +
		    (unsigned char)str[len - 1] * 131u +
		    (unsigned char)str[len / 2] * 1031u;
	m = &vs->memo[h % (sizeof vs->memo / sizeof vs->memo[0])];
	if (m->s == s && m->len == len && memcmp(m->str, str, len) == 0)
		return 1;
	if (!pattern_match(s->pat, str))
		return 0;
	m->s = s;
	m->str = str;
	m->len = len;
	return 1;
}

static void
validate_scalar(struct vstate *vs, const struct schema *s, const struct node *n,
    unsigned have, int via_ref)
{
	const char	*xref = via_ref ? NULL : schema_xref(s);
	const char	*str = n->u.s.str, *msg;
	size_t		 chars = 0;
	double		 x;

	if (have & (SCHEMA_T_INTEGER | SCHEMA_T_NUMBER)) {
		x = strtod(str, NULL);
		if (s->has_min && x < s->min)
			vreport(vs, s, n, "%s is below the minimum %g",
			    shown(vs, str),
			    s->min);
		if (s->has_max && x > s->max)
			vreport(vs, s, n, "%s is above the maximum %g",
			    shown(vs, str),
			    s->max);
	}
	if (!(have & SCHEMA_T_STRING))
		return;
	if (vs->parsed) {
		/* As the reader gave it: valid UTF-8 (issue 15). */
		if (s->minlen >= 0 || s->maxlen >= 0)
			chars = utf8_chars(str, n->u.s.len);
	} else if (!text_utf8_scan(str, n->u.s.len, &chars)) {
		vreport(vs, s, n, "text is not valid UTF-8");
		return;
	}
	if (s->minlen >= 0 || s->maxlen >= 0) {
		if (s->minlen >= 0 && chars < (size_t)s->minlen)
			vreport(vs, s, n, "text is shorter than %ld character%s",
			    s->minlen, s->minlen == 1 ? "" : "s");
		if (s->maxlen >= 0 && chars > (size_t)s->maxlen)
			vreport(vs, s, n, "text is longer than %ld characters"
			    " (%zu)", s->maxlen, chars);
	}
	if (s->pat != NULL && !pattern_matched(vs, s, str, n->u.s.len))
		vreport(vs, s, n, "'%s' does not match the pattern '%s'",
		    shown(vs, str),
		    s->pattern);
	if (s->format == SCHEMA_F_DATE && !schema_is_date(str))
		vreport(vs, s, n, "expected a date YYYY-MM-DD, found '%s'",
		    shown(vs, str));
	if (s->format == SCHEMA_F_DATETIME && !schema_is_datetime(str))
		vreport(vs, s, n, "expected a date and time"
		    " YYYY-MM-DDTHH:MM[:SS][Z|+09:00], found '%s'",
		    shown(vs, str));
	/* Once per value, however many $refs lead to an x-ref. */
	if (xref != NULL && vs->refs != NULL && vs->refs->check != NULL &&
	    (msg = vs->refs->check(vs->refs->arg, xref, str)) != NULL)
		vreport(vs, s, n, "%s", msg);
}

/*
 * n against s and the schemas its $ref leads to; have is the type of n
 * (schema_scalar_type(), with integers also numbers), found once for the
 * whole chain.
 */
static void
validate_as(struct vstate *vs, const struct schema *s, const struct node *n,
    int depth, int via_ref, unsigned have)
{
	const struct node	*item;
	struct buf		 want = BUF_INIT;
	struct fmark		 mark;
	unsigned		 types;
	size_t			 i;

	if (depth > SCHEMA_MAX_DEPTH) {
		vreport(vs, s, n, "nested too deep (or a $ref loop)");
		return;
	}
	if (s->reft != NULL)
		validate_as(vs, s->reft, n, depth + 1, 1, have);

	types = s->types;
	if (types != 0 && !(types & have)) {
		expected_types(&want, types);
		if (n->kind == NODE_SCALAR && (types & SCHEMA_T_STRING) &&
		    !(have & SCHEMA_T_NULL))
			vreport(vs, s, n, "expected %s, found '%s' which YAML"
			    " reads as %s; put it in quotes", want.data,
			    shown(vs, n->u.s.str), type_name(have));
		else if (have & SCHEMA_T_NULL)
			vreport(vs, s, n, "expected %s, found nothing",
			    want.data);
		else if (n->kind == NODE_SCALAR)
			vreport(vs, s, n, "expected %s, found '%s'", want.data,
			    shown(vs, n->u.s.str));
		else
			vreport(vs, s, n, "expected %s, found %s", want.data,
			    type_name(have));
		buf_free(&want);
		return;
	}
	if (s->nenum != 0) {
		for (i = 0; i < s->nenum; i++) {
			if (node_equal(s->enumv[i], n, 0))
				break;
		}
		if (i == s->nenum) {
			for (i = 0; i < s->nenum; i++) {
				if (i > 0)
					buf_puts(&want, ", ");
				if (s->enumv[i]->kind == NODE_SCALAR)
					buf_puts(&want, s->enumv[i]->u.s.str);
			}
			if (n->kind == NODE_SCALAR)
				vreport(vs, s, n, "'%s' is not one of: %s",
				    shown(vs, n->u.s.str), want.data);
			else
				vreport(vs, s, n, "expected one of: %s",
				    want.data);
			buf_free(&want);
		}
	}
	if (s->constv != NULL && !node_equal(s->constv, n, 0))
		vreport(vs, s, n, "must be '%s'", s->constv->kind == NODE_SCALAR ?
		    s->constv->u.s.str : "the fixed value");
	switch (n->kind) {
	case NODE_MAP:
		validate_object(vs, s, n, depth);
		break;
	case NODE_SEQ:
		if (s->minitems >= 0 && n->n < (size_t)s->minitems)
			vreport(vs, s, n, "needs at least %ld item%s",
			    s->minitems, s->minitems == 1 ? "" : "s");
		if (s->maxitems >= 0 && n->n > (size_t)s->maxitems)
			vreport(vs, s, n, "has %zu items, at most %ld allowed",
			    n->n, s->maxitems);
		if (s->items == NULL)
			break;
		for (i = 0; i < n->n; i++) {
			item = n->u.items[i];
			field_push(vs, &mark, NULL, i, 1, s->items);
			validate(vs, s->items, item, depth + 1, 0);
			field_pop(vs, &mark);
		}
		break;
	default:
		validate_scalar(vs, s, n, have, via_ref);
		break;
	}
}

static void
validate(struct vstate *vs, const struct schema *s, const struct node *n,
    int depth, int via_ref)
{
	unsigned	have = schema_scalar_type(n);

	if (have == SCHEMA_T_INTEGER)
		have |= SCHEMA_T_NUMBER;
	validate_as(vs, s, n, depth, via_ref, have);
}

static int
validate_tree(const struct schema *s, const struct node *n,
    const char *path, struct diags *d, const struct schema_refcheck *refs,
    int parsed)
{
	struct vstate	vs;

	memset(&vs, 0, sizeof vs);
	vs.path = path;
	vs.d = d;
	vs.refs = refs;
	vs.parsed = parsed;
	if (n == NULL) {
		diags_add(d, path, 1, 1, "the file is empty; expected a"
		    " mapping of fields");
		return error_set(NC_ESCHEMA, "%s: empty record", path);
	}
	validate(&vs, s, n, 0, 0);
	if (vs.bad)
		return error_set(NC_ESCHEMA, "%s does not follow its schema",
		    path);
	return 0;
}

int
schema_validate(const struct schema *s, const struct node *n,
    const char *path, struct diags *d, const struct schema_refcheck *refs)
{
	return validate_tree(s, n, path, d, refs, 0);
}

int
schema_validate_parsed(const struct schema *s, const struct node *n,
    const char *path, struct diags *d, const struct schema_refcheck *refs)
{
	return validate_tree(s, n, path, d, refs, 1);
}

/*
 * Normalising for the writer.
 */

static void
normalize_scalar(const struct schema *s, struct node *n)
{
	unsigned		types = schema_types(s);
	enum schema_format	fmt = schema_format(s);
	unsigned		plain = plain_type(n->u.s.str);

	if (types == 0)
		return;		/* no type: keep as written */
	if (fmt == SCHEMA_F_DATE && schema_is_date(n->u.s.str)) {
		n->style = NODE_STYLE_PLAIN;
		return;
	}
	if (n->style == NODE_STYLE_PLAIN) {
		if ((plain & SCHEMA_T_STRING) && (types & SCHEMA_T_STRING))
			n->style = NODE_STYLE_AUTO;
		return;
	}
	if (n->style == NODE_STYLE_AUTO && !(types & SCHEMA_T_STRING)) {
		if (plain == SCHEMA_T_INTEGER &&
		    (types & (SCHEMA_T_INTEGER | SCHEMA_T_NUMBER)))
			n->style = NODE_STYLE_PLAIN;
		else if (plain == SCHEMA_T_NUMBER && (types & SCHEMA_T_NUMBER))
			n->style = NODE_STYLE_PLAIN;
		else if (plain == SCHEMA_T_BOOLEAN &&
		    (types & SCHEMA_T_BOOLEAN))
			n->style = NODE_STYLE_PLAIN;
		else if (plain == SCHEMA_T_NULL && (types & SCHEMA_T_NULL))
			n->style = NODE_STYLE_PLAIN;
		return;
	}
	if (n->style != NODE_STYLE_PLAIN && (types & SCHEMA_T_STRING))
		n->style = NODE_STYLE_AUTO;
}

static int
normalize(const struct schema *s, struct node *n, int depth)
{
	const struct schema	*r = schema_resolve(s), *ps;
	struct node_pair	*sorted;
	size_t			 i, j, k;
	unsigned char		*used;

	if (depth > SCHEMA_MAX_DEPTH)
		return 0;
	if (n->kind == NODE_SCALAR) {
		normalize_scalar(s, n);
		return 0;
	}
	if (n->kind == NODE_SEQ) {
		if ((ps = schema_items(s)) == NULL)
			return 0;
		for (i = 0; i < n->n; i++)
			normalize(ps, n->u.items[i], depth + 1);
		return 0;
	}
	if (r == NULL || n->n == 0)
		return 0;
	if ((sorted = malloc(n->n * sizeof *sorted)) == NULL ||
	    (used = calloc(n->n, 1)) == NULL) {
		free(sorted);
		return error_set(NC_ENOMEM, "out of memory");
	}
	k = 0;
	for (j = 0; j < r->nprops; j++) {
		for (i = 0; i < n->n; i++) {
			if (!used[i] && strcmp(n->u.pairs[i].key->u.s.str,
			    r->props[j].name) == 0) {
				used[i] = 1;
				sorted[k++] = n->u.pairs[i];
				normalize(r->props[j].s, n->u.pairs[i].value,
				    depth + 1);
				break;
			}
		}
	}
	for (i = 0; i < n->n; i++) {
		if (used[i])
			continue;
		sorted[k++] = n->u.pairs[i];
		if (r->addl != NULL)
			normalize(r->addl, n->u.pairs[i].value, depth + 1);
	}
	memcpy(n->u.pairs, sorted, n->n * sizeof *sorted);
	free(sorted);
	free(used);
	return 0;
}

int
schema_normalize(const struct schema *s, struct node *n)
{
	if (n == NULL)
		return 0;
	return normalize(s, n, 0);
}

const struct schema *
schema_at(const struct schema *s, const char *path)
{
	const char	*p = path, *dot;
	char		 name[128];
	size_t		 n;

	while (s != NULL && *p != '\0') {
		dot = strchr(p, '.');
		n = dot != NULL ? (size_t)(dot - p) : strlen(p);
		if (n >= 2 && p[n - 2] == '[' && p[n - 1] == ']')
			n -= 2;
		if (n == 0 || n >= sizeof name)
			return NULL;
		memcpy(name, p, n);
		name[n] = '\0';
		/* Through arrays to their items. */
		while (schema_items(s) != NULL && schema_nprops(s) == 0)
			s = schema_items(s);
		s = schema_prop(s, name);
		p = dot != NULL ? dot + 1 : p + strlen(p);
	}
	while (s != NULL && schema_items(s) != NULL && schema_nenum(s) == 0 &&
	    schema_nenum(schema_items(s)) > 0)
		s = schema_items(s);
	return s;
}

const char *
schema_enum_find(const struct schema *s, const char *text)
{
	const char	*v, *t;
	size_t		 i;

	for (i = 0; i < schema_nenum(s); i++) {
		v = schema_enum_at(s, i);
		if (v != NULL && strcmp(v, text) == 0)
			return v;
	}
	for (i = 0; i < schema_nenum(s); i++) {
		v = schema_enum_at(s, i);
		t = v != NULL ? schema_enum_title(s, v) : NULL;
		if (t != NULL && strcmp(t, text) == 0)
			return v;
	}
	return NULL;
}

const char *
schema_annotation(const struct schema *s, const char *key)
{
	if (s == NULL || s->src == NULL || s->src->kind != NODE_MAP)
		return NULL;
	return node_get_str(s->src, key);
}

const char *
schema_label(const struct schema *kind, const char *path, const char *value)
{
	const struct schema	*s;
	const char		*t;

	if (value == NULL)
		return NULL;
	if ((s = schema_at(kind, path)) != NULL &&
	    (t = schema_enum_title(s, value)) != NULL)
		return t;
	return value;
}
