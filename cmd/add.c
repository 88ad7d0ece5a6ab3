/*
 * nerima-cio add: create a record of any kind from FIELD=VALUE arguments
 * and/or a YAML file.  The domain verbs (review add ...) build on the same
 * library call, record_create().
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "i18n.h"
#include "node.h"
#include "opt.h"
#include "record.h"
#include "store.h"

/*
 * FIELD=VALUE sets a field, FIELD+=VALUE appends to a list; FIELD may be
 * a dotted path into mappings (decision.result=approve).  The value is
 * read as an option of the field's type would read it (令和8年4月10日 for
 * a date, 1280万円 for an amount, 保育課 for an organisation); a value
 * that cannot be read so is kept as typed, for the schema check to report
 * with every other problem.
 */
static int
set_field(struct cmd_ctx *ctx, const char *kind, struct ydoc *doc,
    const char *arg)
{
	const char	*eq;
	char		*path, *conv = NULL;
	int		 append = 0, rc;

	if ((eq = strchr(arg, '=')) == NULL || eq == arg)
		return cmd_error(_("expected FIELD=VALUE, not '%s'"), arg);
	if (eq[-1] == '+')
		append = 1;
	if ((path = strndup(arg, (size_t)(eq - arg) - append)) == NULL)
		return cmd_error(_("out of memory"));
	if (*path == '\0' || path[strlen(path) - 1] == '.') {
		rc = cmd_error(_("empty field name in '%s'"), arg);
		goto done;
	}
	if (opt_convert_field(&conv, ctx, kind, path, eq + 1) != 0)
		error_clear();
	if (record_set_field(doc, ydoc_root(doc), path, conv != NULL ? conv :
	    eq + 1, append) != 0)
		rc = cmd_lib_error();
	else
		rc = 0;
done:
	free(conv);
	free(path);
	return rc;
}

/* A mapping of fields from a YAML file, for a new record (no id). */
int
cmd_load_fields(struct ydoc **out, const char *file)
{
	struct diags	d = DIAGS_INIT;
	int		rc = CMD_FAIL;

	if (ydoc_load(out, file, &d) != 0) {
		cmd_print_diags(stderr, &d);
		cmd_error(_("cannot read '%s': %s"), file, error_last());
	} else if (ydoc_root(*out) == NULL ||
	    ydoc_root(*out)->kind != NODE_MAP)
		cmd_error(_("'%s' must hold a mapping of fields"), file);
	else if (node_get(ydoc_root(*out), "id") != NULL)
		cmd_error(_("'%s' has an id; a new record gets a new id"
		    " (remove the id line)"), file);
	else
		rc = CMD_OK;
	diags_free(&d);
	if (rc != CMD_OK) {
		ydoc_free(*out);
		*out = NULL;
	}
	return rc;
}

/* An empty mapping for a new record. */
int
cmd_new_fields(struct ydoc **out)
{
	struct node	*root;

	if ((*out = ydoc_new()) == NULL || (root = node_map(*out)) == NULL) {
		ydoc_free(*out);
		*out = NULL;
		return cmd_error(_("out of memory"));
	}
	ydoc_set_root(*out, root);
	return CMD_OK;
}

int
cmd_create_record(struct store *st, const struct schema *kind,
    struct ydoc *doc, const char *what)
{
	struct diags	 d = DIAGS_INIT;
	char		*id = NULL, *rel = NULL;
	int		 rc = CMD_OK;

	if (record_create(&id, &rel, st, kind, doc, &d) != 0) {
		cmd_print_diags(stderr, &d);
		rc = cmd_error(_("no %s created: %s"), what, error_last());
	} else {
		printf("%s\n", id);
		fprintf(stderr, "%s/%s\n", store_root(st), rel);
	}
	free(id);
	free(rel);
	diags_free(&d);
	return rc;
}

static int
cmd_add(struct cmd_ctx *ctx, struct optv *ov)
{
	struct store		*st;
	const struct schema	*kind;
	struct ydoc		*doc = NULL;
	const char		*from = opt_get(ov, "from");
	int			 i, rc;

	if ((st = cmd_store(ctx)) == NULL)
		return CMD_FAIL;
	if (store_kind(&kind, st, ov->argv[0]) != 0)
		return cmd_lib_error();
	if ((from != NULL ? cmd_load_fields(&doc, from) :
	    cmd_new_fields(&doc)) != CMD_OK)
		return CMD_FAIL;
	for (i = 1; i < ov->argc; i++) {
		if (set_field(ctx, ov->argv[0], doc, ov->argv[i]) != 0) {
			rc = CMD_USAGE;
			goto done;
		}
	}
	rc = cmd_create_record(st, kind, doc, _("record"));
done:
	ydoc_free(doc);
	return rc;
}

static const struct opt add_opts[] = {
	{ "from", 0, OPT_PATH, 0, "FILE", NULL, 0, 0,
	  "start from the fields in a YAML file" },
	OPT_END
};

static const struct subcmd add_subs[] = {
	{ NULL, cmd_add, add_opts, "KIND [FIELD=VALUE]...", 1, -1, NULL, NULL },
	SUBCMD_END
};

const struct cmd_entry cmd_add_entry = {
	.name = "add",
	.desc = "create a record of any kind from field values",
	.help =
	    "Creates a record of KIND, checks it against the schema, gives it a\n"
	    "new id and writes it.  Prints the id alone on standard output and\n"
	    "the file's path on standard error.  Nothing is written when any\n"
	    "field is wrong; every problem is listed.\n"
	    "\n"
	    "  FIELD=VALUE      set a field; a dotted FIELD reaches into a\n"
	    "                   mapping (decision.result=approve); VALUE is read\n"
	    "                   by the field's type, as options are (dates in\n"
	    "                   令和 form, amounts as 1280万円, 部・課 names)\n"
	    "  FIELD+=VALUE     append VALUE to a list field\n",
	.kind = NULL,
	.subs = add_subs,
};
