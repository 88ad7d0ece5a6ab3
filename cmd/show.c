/*
 * nerima-cio show: one record, found by any unique id prefix.
 */
#include <fcntl.h>
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "cmd.h"
#include "json.h"
#include "recfmt.h"
#include "record.h"
#include "store.h"

int
cmd_find_record(struct recref *out, struct store *st, const char *prefix)
{
	struct reclist	 m = RECLIST_INIT;
	struct record	*r;
	const char	*title;
	size_t		 i;
	int		 rc;

	if ((rc = store_find(out, &m, st, prefix)) == 0)
		return CMD_OK;
	cmd_lib_error();
	if (rc == NC_EAMBIGUOUS) {
		fputs("candidates:\n", stderr);
		for (i = 0; i < m.n; i++) {
			title = NULL;
			if (record_load(&r, st, &m.v[i], NULL) == 0) {
				if (schema_title_field(m.v[i].kind) != NULL)
					title = record_field(r,
					    schema_title_field(m.v[i].kind));
				fprintf(stderr, "  %s  %s  %s\n", m.v[i].id,
				    m.v[i].relpath, title != NULL ? title : "");
				record_free(r);
			} else
				fprintf(stderr, "  %s  %s\n", m.v[i].id,
				    m.v[i].relpath);
		}
	}
	reclist_free(&m);
	return CMD_FAIL;
}

static int
cmd_show(const struct cmd_entry *e, struct cmd_ctx *ctx, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "path", no_argument, NULL, 'p' },
		{ NULL, 0, NULL, 0 }
	};
	struct store	*st;
	struct recref	 ref;
	struct record	*r = NULL;
	struct diags	 d = DIAGS_INIT;
	struct buf	 out = BUF_INIT;
	struct json	*j;
	const char	*format = "yaml";
	int		 ch, rc = CMD_OK, path_only = 0;

	optind = 1;
	while ((ch = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		switch (ch) {
		case 'f':
			format = optarg;
			if (strcmp(format, "yaml") != 0 &&
			    strcmp(format, "json") != 0)
				return cmd_bad_usage(e, "unknown format '%s':"
				    " expected yaml or json", format);
			break;
		case 'p':
			path_only = 1;
			break;
		default:
			return cmd_bad_usage(e, NULL);
		}
	}
	argc -= optind;
	argv += optind;
	if (argc != 1)
		return cmd_bad_usage(e, argc == 0 ? "which record? give its id"
		    " or a unique prefix of it" : "too many arguments");
	if ((st = cmd_store(ctx)) == NULL)
		return CMD_FAIL;
	if (cmd_find_record(&ref, st, argv[0]) != CMD_OK)
		return CMD_FAIL;
	if (path_only) {
		printf("%s/%s\n", store_root(st), ref.relpath);
		goto done;
	}
	if (record_load(&r, st, &ref, &d) != 0) {
		cmd_print_diags(stderr, &d);
		rc = cmd_error("cannot show %s: %s", ref.id, error_last());
		goto done;
	}
	if (strcmp(format, "json") == 0) {
		/* Like every verb's JSON: an array of objects, here of one. */
		if ((j = json_new(&out)) == NULL ||
		    json_begin_array(j) != 0 ||
		    recfmt_json(j, record_root(r)) != 0 ||
		    json_end_array(j) != 0 || json_finish(j) != 0) {
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

const struct cmd_entry cmd_show_entry = {
	.name = "show",
	.usage = "nerima-cio show [--format yaml|json] [--path] ID",
	.desc = "show one record by id or unique id prefix",
	.help =
	    "ID may be a whole id (rv-7kq3m9xa), any unique prefix of it (rv-7k),\n"
	    "or a prefix of the part after the dash (7kq).  An ambiguous prefix\n"
	    "lists the candidates.\n"
	    "\n"
	    "  --format yaml|json   output format (default yaml)\n"
	    "  --path               print the record's file path only\n",
	.exec = cmd_show,
};
