/*
 * Records as text for other programs: JSON, and one-line cell text for
 * tables and CSV.
 */
#ifndef NCIO_RECFMT_H
#define NCIO_RECFMT_H

#include "buf.h"
#include "json.h"
#include "node.h"

/*
 * A tree as JSON: plain numbers, booleans and nulls keep their type (as
 * YAML 1.2 reads them), everything else is a string.
 */
int	recfmt_json(struct json *, const struct node *);
/*
 * A field's value as one cell: a scalar's text, a list of scalars joined
 * with ", ", anything else summarised as "(N items)".
 */
void	recfmt_cell(struct buf *out, const struct node *);

#endif
