/*
 * Record schemas: the JSON Schema subset of schemas/README.md, read from
 * YAML files and compiled once.  One schema does four jobs: validation,
 * key order on write, prompts (titles) and export headings.
 */
#ifndef NCIO_SCHEMA_H
#define NCIO_SCHEMA_H

#include <stddef.h>

#include "diag.h"
#include "node.h"

/* Types, as a bit set. */
#define SCHEMA_T_STRING		0x01
#define SCHEMA_T_INTEGER	0x02
#define SCHEMA_T_NUMBER		0x04
#define SCHEMA_T_BOOLEAN	0x08
#define SCHEMA_T_OBJECT		0x10
#define SCHEMA_T_ARRAY		0x20
#define SCHEMA_T_NULL		0x40

enum schema_format {
	SCHEMA_F_NONE = 0,
	SCHEMA_F_DATE,
	SCHEMA_F_DATETIME,
};

struct schema;
struct schemaset;

/*
 * Load every *.yaml of each directory in turn; a file of the same name in
 * a later directory replaces the earlier one.  Problems in schema files are
 * added to d and make the load fail.
 */
int		 schemaset_load(struct schemaset **out,
		    const char *const *dirs, size_t ndirs, struct diags *d);
/*
 * The same in two steps, parsing only what is asked for (issue 15):
 * schemaset_open() lists the files; schemaset_need() parses and compiles
 * the file of kind (the one named kind.yaml, if its x-kind is kind) and
 * the files its $refs name, or every file when kind is NULL or not so
 * found, and then lists and checks the record kinds.  schemaset_kind()
 * finds a kind needed before; the other functions below want the whole
 * set (kind NULL).  Problems go to d, as for schemaset_load(), and make
 * this and every later call fail.
 */
int		 schemaset_open(struct schemaset **out,
		    const char *const *dirs, size_t ndirs);
int		 schemaset_need(struct schemaset *, const char *kind,
		    struct diags *d);
void		 schemaset_free(struct schemaset *);
/*
 * How many files of the set were read back from the parse cache rather
 * than parsed (lib/core/schema_cache.c: $XDG_CACHE_HOME/nerima-cio or
 * ~/.cache/nerima-cio, keyed by the files' exact bytes; NCIO_SCHEMA_CACHE=0
 * switches it off).  For tests and measurements.
 */
size_t		 schemaset_cached(const struct schemaset *);
/* The schema whose x-kind is kind (review, config, orgs ...), or NULL. */
const struct schema *schemaset_kind(const struct schemaset *, const char *);
/* Record kinds (schemas with x-dir), in name order. */
size_t		 schemaset_nkinds(const struct schemaset *);
const struct schema *schemaset_kind_at(const struct schemaset *, size_t);
/* The kind whose id prefix is prefix, or NULL. */
const struct schema *schemaset_by_prefix(const struct schemaset *,
		    const char *prefix, size_t len);

/* Kind annotations (NULL when absent). */
const char	*schema_kind(const struct schema *);
const char	*schema_dir(const struct schema *);
const char	*schema_id_prefix(const struct schema *);
const char	*schema_fy_field(const struct schema *);
const char	*schema_title_field(const struct schema *);
size_t		 schema_ncolumns(const struct schema *);
const char	*schema_column(const struct schema *, size_t);

/* Property access, following $ref. */
const struct schema *schema_resolve(const struct schema *);
size_t		 schema_nprops(const struct schema *);
const struct schema *schema_prop_at(const struct schema *, size_t,
		    const char **name);
const struct schema *schema_prop(const struct schema *, const char *name);
const struct schema *schema_items(const struct schema *);
int		 schema_required(const struct schema *, const char *name);
const char	*schema_title(const struct schema *);
/*
 * The title to show people in the user interface (table headings, option
 * help, prompts): under a Japanese message locale the title, otherwise
 * the English of x-title-en, falling back to the title when the schema
 * gives none.  Documents for the ward use schema_title().
 */
const char	*schema_ui_title(const struct schema *);
/* The same in the language asked for: japanese 1, English 0. */
const char	*schema_title_in(const struct schema *, int japanese);
const char	*schema_description(const struct schema *);
unsigned	 schema_types(const struct schema *);
enum schema_format schema_format(const struct schema *);
const char	*schema_xref(const struct schema *);
const struct node *schema_default(const struct schema *);
size_t		 schema_nenum(const struct schema *);
const char	*schema_enum_at(const struct schema *, size_t);
/* The label of an enum value from x-enum-titles (承認, 条件付承認 ...). */
const char	*schema_enum_title(const struct schema *, const char *value);
/*
 * The schema of a field by dotted path from a kind's root: "status",
 * "decision.result", "assessments.rating" (an array's items are entered
 * implicitly; "assessments[].rating" says so explicitly).  NULL when the
 * path names no field.
 */
const struct schema *schema_at(const struct schema *, const char *path);
/*
 * The enum value of the field at path that text names: the value itself
 * or its x-enum-titles label.  NULL when neither.
 */
const char	*schema_enum_find(const struct schema *, const char *text);
/*
 * What a reader sees for a field's value: the enum title when there is
 * one, else value itself.  For documents and tables.
 */
const char	*schema_label(const struct schema *kind, const char *path,
		    const char *value);

/*
 * An annotation of the schema itself (not of its $ref target), read as
 * text: "x-option", "x-add".  NULL when absent or not a scalar.
 */
const char	*schema_annotation(const struct schema *, const char *key);

/*
 * References (x-ref) are checked by the caller, who knows the org list and
 * the records: check returns NULL when value is fine, else a message.
 */
struct schema_refcheck {
	const char	*(*check)(void *arg, const char *xref,
			    const char *value);
	void		*arg;
};

/*
 * Validate n against s; every problem is added to d with the path and
 * the position of the node.  Returns 0, or NC_ESCHEMA when anything was
 * wrong.
 */
int		 schema_validate(const struct schema *, const struct node *,
		    const char *path, struct diags *d,
		    const struct schema_refcheck *refs);
/*
 * The same for a tree exactly as the reader (ydoc_parse(), ydoc_load*())
 * returned it, whose texts the reader has checked to be valid UTF-8: they
 * are not decoded again, only their characters counted where a length
 * is limited (issue 15).  Never for a tree changed or built in memory.
 */
int		 schema_validate_parsed(const struct schema *,
		    const struct node *, const char *path, struct diags *d,
		    const struct schema_refcheck *refs);

/*
 * Prepare a tree for writing: keys in schema order (unknown keys after,
 * as they were), and each scalar styled for its type: numbers, booleans
 * and dates plain, text quoted where it must be.
 */
int		 schema_normalize(const struct schema *, struct node *);

/* How a scalar would be read plain under the YAML 1.2 core schema. */
unsigned	 schema_scalar_type(const struct node *);
/* A real calendar day written YYYY-MM-DD. */
int		 schema_is_date(const char *);
int		 schema_is_datetime(const char *);

#endif
