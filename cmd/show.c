/*
 * nerima-cio show: one record, found by any unique id prefix.
 */
#include <fcntl.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "cmd.h"
#include "i18n.h"
#include "opt.h"
#include "json.h"
#include "recfmt.h"
#include "record.h"
#include "store.h"

static int
cmd_show(struct cmd_ctx *ctx, struct optv *ov)
{
	struct store	*st;
	struct recref	 ref;
	struct record	*r = NULL;
	struct diags	 d = DIAGS_INIT;
	struct buf	 out = BUF_INIT;
	struct json	*j;
	const char	*format = opt_get(ov, "format");
	char		**argv = ov->argv;
	int		 rc = CMD_OK, path_only = opt_has(ov, "path");

	if (format == NULL)
		format = "yaml";
	if ((st = cmd_store(ctx)) == NULL)
		return CMD_FAIL;
	if (cmd_find_record(&ref, st, ov->entry->kind, argv[0]) != CMD_OK)
		return CMD_FAIL;
	if (path_only) {
		printf("%s/%s\n", store_root(st), ref.relpath);
		goto done;
	}
	if (record_load(&r, st, &ref, &d) != 0) {
		cmd_print_diags(stderr, &d);
		rc = cmd_error(_("cannot show %s: %s"), ref.id, error_last());
		goto done;
	}
	if (strcmp(format, "json") == 0) {
		/* One record: one object, as the man page says. */
		if ((j = json_new(&out)) == NULL ||
		    recfmt_json(j, record_root(r)) != 0 ||
		    json_finish(j) != 0) {
			json_free(j);
			rc = cmd_lib_error();
			goto done;
		}
		json_free(j);
	} else if (node_emit(&out, record_root(r)) != 0) {
		rc = cmd_lib_error();
		goto done;
	}
	fwrite(out.data, 1, out.len, stdout);
done:
	record_free(r);
	buf_free(&out);
	diags_free(&d);
	free(ref.id);
	free(ref.relpath);
	return rc;
}

static const struct opt show_opts[] = {
	{ "format", 0, OPT_CHOICE, 0, NULL, "yaml|json", 0, 0,
	  "output format (default yaml)" },
	{ "path", 0, OPT_FLAG, 0, NULL, NULL, 0, 0,
	  "print the record's file path only" },
	OPT_END
};

static const struct subcmd show_subs[] = {
	{ NULL, cmd_show, show_opts, "ID", 1, 1,
	  "[--format yaml|json] [--path] ID", NULL },
	SUBCMD_END
};

const struct cmd_entry cmd_show_entry = {
	.name = "show",
	.desc = "show one record by id or unique id prefix",
	.help =
	    "ID may be a whole id (rv-7kq3m9xa), any unique prefix of it (rv-7k),\n"
	    "or a prefix of the part after the dash (7kq).  An ambiguous prefix\n"
	    "lists the candidates.\n",
	.subs = show_subs,
};
