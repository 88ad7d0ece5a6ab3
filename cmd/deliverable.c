/*
 * nerima-cio deliverable: authored deliverables (4) -- 教材, 提案書,
 * 調査報告書, 意見書 written by people -- registered with their SHA-256 so
 * that they count, go into the year-end bundle (report bundle, 4(3)イ) and
 * are checked by lint.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "deliverable.h"
#include "i18n.h"
#include "listing.h"
#include "node.h"
#include "opt.h"
#include "record.h"
#include "schema.h"
#include "store.h"

static int
dl_add(struct cmd_ctx *ctx, struct optv *ov)
{
	struct store		*st;
	struct deliverable_new	 in;
	struct recref		 ref = { NULL, NULL, NULL, 0 };
	struct diags		 d = DIAGS_INIT;
	char			*id = NULL, *rel = NULL;
	int			 rc = CMD_FAIL;

	if ((st = cmd_store(ctx)) == NULL)
		return CMD_FAIL;
	memset(&in, 0, sizeof in);
	in.file = ov->argv[0];
	in.kind = opt_get(ov, "kind");
	in.spec = opt_get(ov, "spec");
	in.title = opt_get(ov, "title");
	in.date = opt_get(ov, "date");
	in.author = opt_get(ov, "author");
	in.note = opt_get(ov, "note");
	if (opt_has(ov, "for")) {
		if (cmd_find_record(&ref, st, NULL, opt_get(ov, "for")) !=
		    CMD_OK)
			return CMD_FAIL;
		in.for_id = ref.id;
	}
	if (deliverable_add(&id, &rel, st, &in, &d) != 0) {
		cmd_print_diags(stderr, &d);
		rc = cmd_error(_("no deliverable registered: %s"),
		    error_last());
		goto done;
	}
	printf("%s\n", id);
	fprintf(stderr, "%s/%s\n", store_root(st), rel);
	rc = CMD_OK;
done:
	free(id);
	free(rel);
	free(ref.id);
	free(ref.relpath);
	diags_free(&d);
	return rc;
}

static const struct listing_col list_cols[] = {
	{ "id", "ID", 0, 0 },
	{ "date", N_("Dated"), 0, 0 },
	{ "spec", N_("Spec item"), 0, 0 },
	{ "kind", N_("Kind"), 0, 0 },
	{ "title", N_("Deliverable"), 0, 0 },
	{ "for", N_("For"), 0, 0 },
	{ "file", N_("File"), 0, 0 },
	{ "size", N_("Size"), 1, 0 },
	{ "sha256", "SHA-256", 0, 1 },
	{ "for_id", N_("For ID"), 0, 1 },
};
#define NCOLS	(sizeof list_cols / sizeof list_cols[0])

static int
dl_list(struct cmd_ctx *ctx, struct optv *ov)
{
	const struct schema	*kind;
	struct store		*st;
	struct reclist		 refs = RECLIST_INIT;
	struct record		*r;
	struct listing		*l = NULL;
	const struct node	*root;
	const char		*cells[NCOLS], *forid;
	char			*label;
	size_t			 i;
	int			 rc = CMD_OK;

	if ((st = cmd_store(ctx)) == NULL)
		return CMD_FAIL;
	if (store_kind(&kind, st, "deliverable") != 0 ||
	    store_scan(&refs, st, kind, (int)opt_num(ov, "fy", 0), NULL) != 0)
		return cmd_lib_error();
	if ((l = listing_new(list_cols, NCOLS)) == NULL) {
		rc = cmd_error("out of memory");
		goto done;
	}
	for (i = 0; i < refs.n; i++) {
		if (record_load(&r, st, &refs.v[i], NULL) != 0) {
			rc = cmd_error(_("cannot read %s: %s"),
			    refs.v[i].relpath, error_last());
			continue;
		}
		root = record_root(r);
		label = NULL;
		forid = node_get_str(root, "for");
		if (forid != NULL &&
		    deliverable_record_label(&label, st, forid) != 0)
			cmd_warn(_("%s: %s"), refs.v[i].relpath, error_last());
		cells[0] = record_id(r);
		cells[1] = node_get_str(root, "date");
		cells[2] = node_get_str(root, "spec");
		cells[3] = schema_label(kind, "kind", node_get_str(root,
		    "kind"));
		cells[4] = node_get_str(root, "title");
		cells[5] = label;
		cells[6] = node_get_str(root, "file");
		cells[7] = node_get_str(root, "size");
		cells[8] = node_get_str(root, "sha256");
		cells[9] = forid;
		if (listing_row(l, cells) != 0)
			rc = cmd_lib_error();
		free(label);
		record_free(r);
	}
	listing_sort(l, 1, 4);
	if (listing_print(l, opt_get(ov, "format"), stdout) != CMD_OK)
		rc = CMD_FAIL;
done:
	listing_free(l);
	reclist_free(&refs);
	return rc;
}

static const struct opt add_opts[] = {
	{ "kind", 0, OPT_ENUM, OPT_REQUIRED, "KIND", "deliverable:kind", 0, 0,
	  "material, proposal, survey, opinion ... (or 教材, 提案書 ...)" },
	{ "spec", 0, OPT_ENUM, OPT_REQUIRED, "ITEM", "deliverable:spec", 0, 0,
	  "the specification item it delivers: 4(1)イ, 4(2)エ ..." },
	{ "for", 0, OPT_ID, 0, "RECORD", NULL, 0, 0,
	  "the record it belongs to (a training, review, consultation ...)" },
	{ "date", 0, OPT_DATE, 0, NULL, NULL, 0, 0,
	  "its date (default today); the fiscal year follows it" },
	{ "title", 0, OPT_TEXT, 0, NULL, NULL, 0, 0,
	  "its name (default the file's name)" },
	{ "author", 0, OPT_MEMBER, 0, NULL, NULL, 0, 0,
	  "the team member who wrote it" },
	{ "note", 0, OPT_TEXT, 0, NULL, NULL, 0, 0, "a remark" },
	OPT_END
};

static const struct opt list_opts[] = {
	{ "fy", 0, OPT_FY, 0, NULL, NULL, 0, 0, "one fiscal year only" },
	{ "format", 0, OPT_CHOICE, 0, "table|json", "table|json", 0, 0,
	  "a table (default) or JSON" },
	OPT_END
};

static const struct subcmd dl_subs[] = {
	{ "add", dl_add, add_opts, "FILE", 1, 1, NULL,
	  "register a file under the data directory as a deliverable" },
	{ "list", dl_list, list_opts, NULL, 0, 0, NULL,
	  "list the registered deliverables" },
	SUBCMD_END
};

const struct cmd_entry cmd_deliverable_entry = {
	.name = "deliverable",
	.desc = "authored deliverables (教材, 提案書, 意見書 ...)",
	.help =
	    "A registered file stays where it is, under the data directory;\n"
	    "lint reports it when it is missing or has changed since, and\n"
	    "report bundle copies it into the year-end bundle.\n",
	.subs = dl_subs,
	.kind = "deliverable",
};
