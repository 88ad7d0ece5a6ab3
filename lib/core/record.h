/*
 * Records: loading, checking, creating and saving, on top of the store,
 * the schemas and the YAML tree.  Every write is validated first, goes
 * through the My Number guard, and is atomic under the data directory's
 * lock; nothing invalid is ever written.
 */
#ifndef NCIO_RECORD_H
#define NCIO_RECORD_H

#include "diag.h"
#include "node.h"
#include "schema.h"
#include "store.h"

struct record {
	struct ydoc		*doc;
	const struct schema	*kind;
	char			*relpath;
};

int		 record_load(struct record **out, struct store *,
		    const struct recref *, struct diags *d);
/*
 * Only as much of the record as it takes to have the top-level fields in
 * want (see ydoc_load_fields()): for listings, never for saving.
 */
int		 record_load_fields(struct record **out, struct store *,
		    const struct recref *, struct diags *d,
		    const char *const *want, size_t nwant);
/*
 * The record without the top-level fields in skip (see
 * ydoc_load_without()): for a loader that needs none of them, never for
 * saving.
 */
int		 record_load_without(struct record **out, struct store *,
		    const struct recref *, struct diags *d,
		    const char *const *skip, size_t nskip);
/*
 * The record if its top-level key holds value (or may: see
 * ydoc_load_where()), else *out is NULL and 0 is returned, the rest of the
 * file unread: one kind of record of a folder shared by several.
 */
int		 record_load_where(struct record **out, struct store *,
		    const struct recref *, struct diags *d, const char *key,
		    const char *value);
/*
 * The same when the key holds one of the n values (n > 0): each file
 * whose key holds another text is read only as far as that key.
 */
int		 record_load_where_in(struct record **out, struct store *,
		    const struct recref *, struct diags *d, const char *key,
		    const char *const *values, size_t n);
void		 record_free(struct record *);
struct node	*record_root(const struct record *);
const char	*record_id(const struct record *);
/* The text of a field for display, or NULL. */
const char	*record_field(const struct record *, const char *name);

/*
 * What the checks compare references with: organisation codes from
 * orgs.yaml, member ids from nerima-cio.yaml, the ids of every record.
 * Building one reads those two files and lists the record folders.
 */
struct checker;

int		 checker_new(struct checker **out, struct store *,
		    struct diags *d);
void		 checker_free(struct checker *);
/* Whether the config and org list themselves had problems (reported). */
int		 checker_failed(const struct checker *);

/*
 * Check one record tree: its schema, references, the My Number guard,
 * and that its id and fy agree with its path.  Problems go to d.
 */
int		 record_check(struct checker *, const struct schema *kind,
		    const struct node *root, const char *relpath,
		    struct diags *d);
/*
 * The same for a record as record_load() gave it, unchanged: its texts
 * are not decoded again (schema_validate_parsed()).
 */
int		 record_check_loaded(struct checker *, const struct record *,
		    struct diags *d);

/*
 * The My Number guard over every text in a tree (keys too): a match is
 * reported with the field, the position and what was found.
 */
int		 record_guard(const struct node *, const char *path,
		    struct diags *d);

/*
 * Create a record of kind from the fields in doc's root mapping: fill
 * schema defaults, derive fy from the kind's x-fy-field (or today), assign
 * a fresh id, put keys in schema order, check, and write atomically under
 * the lock.  On success *out_id and *out_relpath are the caller's.
 */
int		 record_create(char **out_id, char **out_relpath,
		    struct store *, const struct schema *kind,
		    struct ydoc *doc, struct diags *d);

/* Check and write back a loaded record (atomically, under the lock). */
int		 record_save(struct store *, struct record *, struct diags *d);

/*
 * Read-modify-write of one record, holding the data directory's lock from
 * the read to the rename, so two processes editing different parts of one
 * record both keep their change: lock, load ref, call edit, check and
 * write, unlock.  edit returns 0 to save, RECORD_EDIT_NOCHANGE to leave
 * the file untouched, or anything else (an error code with error_set(),
 * say) to abandon the edit, which record_edit() then returns; problems
 * go to d.  *out, when not NULL, receives the edited record (the caller
 * frees it) so the caller can report on it.
 */
#define RECORD_EDIT_NOCHANGE	100
typedef int	(*record_edit_fn)(struct record *, void *arg);
int		 record_edit(struct record **out, struct store *,
		    const struct recref *, record_edit_fn edit, void *arg,
		    struct diags *d);

/*
 * Set the field at a dotted path (security.cloud) of root to the text
 * value, making the mappings on the way; with append, push value onto
 * the list there (made when absent).  NC_EINVALID when a step of the
 * path is not a mapping, or the field is not a list when appending.
 */
int		 record_set_field(struct ydoc *, struct node *root,
		    const char *path, const char *value, int append);

/* Serialise a record tree as it would be written. */
int		 record_serialise(struct buf *out, const struct schema *kind,
		    struct node *root);

#endif
