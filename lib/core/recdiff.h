/*
 * What changed between two versions of a record, field by field.
 *
 * 'nerima-cio log' and 'nerima-cio diff' show this instead of a diff of
 * YAML lines: "status: received → decided", "hearings[2] added",
 * "decision.conditions[1] changed".  The comparison is over the trees
 * (node.h), so layout, quoting and key order do not count, only values.
 *
 * Mappings are compared key by key.  Sequences are aligned item by item
 * on equal items (a longest common subsequence, after the equal items at
 * both ends), so inserting or removing one item reports that item alone
 * rather than every item after it; between equal items, the items left
 * over on both sides are paired in order and compared as changed (into
 * their fields when both are mappings or sequences), and the rest are
 * added or removed.
 *
 * A path names the field as a user reads it: keys joined by ".", items
 * of a sequence as "[N]" counting from 1 (as people count: conditions[1]
 * is the first condition), a key that is not letters, digits, "_" and "-"
 * quoted as ["key"].  The path of the whole record is "".
 *
 * Usage:
 *	struct recdiff	d = RECDIFF_INIT;
 *
 *	if (recdiff_compare(&d, ydoc_root(old), ydoc_root(new)) != 0)
 *		goto fail;
 *	for (i = 0; i < d.n; i++)
 *		... d.v[i].op, d.v[i].path, d.v[i].old, d.v[i].new ...
 *	recdiff_free(&d);
 */
#ifndef NCIO_RECDIFF_H
#define NCIO_RECDIFF_H

#include <stddef.h>

#include "node.h"

enum recdiff_op {
	RECDIFF_ADDED = 1,	/* new has it, old had not */
	RECDIFF_REMOVED,	/* old had it, new has not */
	RECDIFF_CHANGED,	/* both, with different values */
};

struct recdiff_change {
	enum recdiff_op		 op;
	char			*path;
	/*
	 * The values on each side (NULL for the side that has none); they
	 * point into the trees compared, so they live as long as those.
	 * A CHANGED pair is two scalars, or nodes of different kinds, or a
	 * whole item of a sequence whose counterpart differs in kind.
	 */
	const struct node	*old;
	const struct node	*new;
};

struct recdiff {
	struct recdiff_change	*v;
	size_t			 n;
	size_t			 cap;
};

#define RECDIFF_INIT { NULL, 0, 0 }

/*
 * Append to out the changes that turn old into new, in the order of new's
 * keys (a removed key after the others of its mapping).  Either tree may
 * be NULL: a record added or removed as a whole is one change with path
 * "".  0, or NC_ENOMEM.
 */
int	recdiff_compare(struct recdiff *out, const struct node *old,
	    const struct node *new);
void	recdiff_free(struct recdiff *);

/* Whether two trees hold the same values (scalars compared as text). */
int	recdiff_equal(const struct node *, const struct node *);

#endif
