/*
 * nerima-cio add: create a record of any kind from FIELD=VALUE arguments
 * and/or a YAML file.  The domain verbs (review add ...) build on the same
 * library call, record_create().
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "node.h"
#include "record.h"
#include "store.h"

/*
 * FIELD=VALUE sets a field, FIELD+=VALUE appends to a list; FIELD may be
 * a dotted path into mappings (decision.result=approve).
 */
static int
set_field(struct ydoc *doc, struct node *root, char *arg)
{
	struct node	*map = root, *next, *val, *seq;
	char		*eq, *key, *dot;
	int		 append = 0;

	if ((eq = strchr(arg, '=')) == NULL || eq == arg)
		return cmd_error("expected FIELD=VALUE, not '%s'", arg);
	if (eq[-1] == '+') {
		append = 1;
		eq[-1] = '\0';
	}
	*eq = '\0';
	key = arg;
	while ((dot = strchr(key, '.')) != NULL) {
		*dot = '\0';
		next = node_get(map, key);
		if (next == NULL) {
			if ((next = node_map(doc)) == NULL ||
			    node_map_set(doc, map, key, next) != 0)
				return cmd_lib_error();
		} else if (next->kind != NODE_MAP)
			return cmd_error("'%s' is not a mapping", key);
		map = next;
		key = dot + 1;
	}
	if (*key == '\0')
		return cmd_error("empty field name in '%s'", arg);
	if ((val = node_str(doc, eq + 1)) == NULL)
		return cmd_error("out of memory");
	if (!append)
		return node_map_set(doc, map, key, val) != 0 ?
		    cmd_lib_error() : 0;
	seq = node_get(map, key);
	if (seq == NULL) {
		if ((seq = node_seq(doc)) == NULL ||
		    node_map_set(doc, map, key, seq) != 0)
			return cmd_lib_error();
	} else if (seq->kind != NODE_SEQ)
		return cmd_error("'%s' is not a list; use %s=VALUE", key, key);
	return node_seq_push(doc, seq, val) != 0 ? cmd_lib_error() : 0;
}

static int
cmd_add(const struct cmd_entry *e, struct cmd_ctx *ctx, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "from", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 }
	};
	struct store		*st;
	const struct schema	*kind;
	struct ydoc		*doc = NULL;
	struct diags		 d = DIAGS_INIT;
	const char		*from = NULL;
	char			*id = NULL, *rel = NULL;
	int			 ch, i, rc = CMD_OK;

	optind = 1;
	while ((ch = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		switch (ch) {
		case 'f':
			from = optarg;
			break;
		default:
			return cmd_bad_usage(e, NULL);
		}
	}
	argc -= optind;
	argv += optind;
	if (argc < 1)
		return cmd_bad_usage(e, "which kind of record?");
	if ((st = cmd_store(ctx)) == NULL)
		return CMD_FAIL;
	if (store_kind(&kind, st, argv[0]) != 0)
		return cmd_lib_error();
	if (from != NULL) {
		if (ydoc_load(&doc, from, &d) != 0) {
			cmd_print_diags(stderr, &d);
			rc = cmd_error("cannot read '%s': %s", from,
			    error_last());
			goto done;
		}
		if (ydoc_root(doc) == NULL || ydoc_root(doc)->kind != NODE_MAP) {
			rc = cmd_error("'%s' must hold a mapping of fields",
			    from);
			goto done;
		}
		if (node_get(ydoc_root(doc), "id") != NULL) {
			rc = cmd_error("'%s' has an id; a new record gets a"
			    " new id (remove the id line)", from);
			goto done;
		}
	} else if ((doc = ydoc_new()) == NULL ||
	    (ydoc_set_root(doc, node_map(doc)), ydoc_root(doc) == NULL)) {
		rc = cmd_error("out of memory");
		goto done;
	}
	for (i = 1; i < argc; i++) {
		if (set_field(doc, ydoc_root(doc), argv[i]) != 0) {
			rc = CMD_USAGE;
			goto done;
		}
	}
	if (record_create(&id, &rel, st, kind, doc, &d) != 0) {
		cmd_print_diags(stderr, &d);
		rc = cmd_error("no record created: %s", error_last());
		goto done;
	}
	printf("%s\n", id);
	fprintf(stderr, "%s/%s\n", store_root(st), rel);
done:
	free(id);
	free(rel);
	ydoc_free(doc);
	diags_free(&d);
	return rc;
}

const struct cmd_entry cmd_add_entry = {
	.name = "add",
	.usage = "nerima-cio add KIND [--from FILE] [FIELD=VALUE ...]",
	.desc = "create a record of any kind from field values",
	.help =
	    "Creates a record of KIND, checks it against the schema, gives it a\n"
	    "new id and writes it.  Prints the id alone on standard output and\n"
	    "the file's path on standard error.  Nothing is written when any\n"
	    "field is wrong; every problem is listed.\n"
	    "\n"
	    "  --from FILE      start from the fields in a YAML file\n"
	    "  FIELD=VALUE      set a field; a dotted FIELD reaches into a\n"
	    "                   mapping (decision.result=approve)\n"
	    "  FIELD+=VALUE     append VALUE to a list field\n",
	.exec = cmd_add,
};
