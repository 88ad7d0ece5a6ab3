#include <stdio.h>
#include <string.h>

#include "i18n.h"
#include "recfmt.h"
#include "schema.h"

static int
json_node(struct json *j, const struct node *n, int depth)
{
	size_t	i;
	int	rc = 0;

	if (depth > 64)
		return error_set(NC_EINVALID, "nesting too deep");
	switch (n->kind) {
	case NODE_MAP:
		rc = json_begin_object(j);
		for (i = 0; rc == 0 && i < n->n; i++) {
			if ((rc = json_key(j, n->u.pairs[i].key->u.s.str)) == 0)
				rc = json_node(j, n->u.pairs[i].value,
				    depth + 1);
		}
		return rc != 0 ? rc : json_end_object(j);
	case NODE_SEQ:
		rc = json_begin_array(j);
		for (i = 0; rc == 0 && i < n->n; i++)
			rc = json_node(j, n->u.items[i], depth + 1);
		return rc != 0 ? rc : json_end_array(j);
	default:
		switch (schema_scalar_type(n)) {
		case SCHEMA_T_NULL:
			return json_value_raw(j, "null");
		case SCHEMA_T_BOOLEAN:
			return json_value_raw(j, n->u.s.str[0] == 't' ||
			    n->u.s.str[0] == 'T' ? "true" : "false");
		case SCHEMA_T_INTEGER:
		case SCHEMA_T_NUMBER:
			if (json_number_ok(n->u.s.str))
				return json_value_raw(j, n->u.s.str);
			break;
		default:
			break;
		}
		return json_value_string(j, n->u.s.str, n->u.s.len);
	}
}

int
recfmt_json(struct json *j, const struct node *n)
{
	return json_node(j, n, 0);
}

void
recfmt_cell(struct buf *out, const struct node *n)
{
	size_t	i;

	if (n == NULL || node_is_null(n))
		return;
	if (n->kind == NODE_SCALAR) {
		buf_add(out, n->u.s.str, n->u.s.len);
		return;
	}
	if (n->kind == NODE_SEQ) {
		for (i = 0; i < n->n; i++) {
			if (n->u.items[i]->kind != NODE_SCALAR)
				break;
		}
		if (i == n->n) {
			for (i = 0; i < n->n; i++) {
				if (i > 0)
					buf_puts(out, ", ");
				buf_add(out, n->u.items[i]->u.s.str,
				    n->u.items[i]->u.s.len);
			}
			return;
		}
	}
	if (n->kind == NODE_SEQ)
		buf_printf(out, n->n == 1 ? _("(%zu item)") : _("(%zu items)"),
		    n->n);
	else
		buf_printf(out, n->n == 1 ? _("(%zu field)") :
		    _("(%zu fields)"), n->n);
}
