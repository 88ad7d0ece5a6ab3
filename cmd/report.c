/*
 * nerima-cio report: the documents of the contract year as a whole.
 */
#include "cmd.h"
#include "opt.h"
#include "report_bundle.h"

static const struct subcmd report_subs[] = {
	REPORT_BUNDLE_SUBCMD,
	SUBCMD_END
};

const struct cmd_entry cmd_report_entry = {
	.name = "report",
	.desc = "the year's documents: the year-end bundle of deliverables",
	.help =
	    "report bundle writes every deliverable of a fiscal year, made\n"
	    "again from the records, with the registered authored files, into\n"
	    "folders by specification item, with 成果物一覧.xlsx and a\n"
	    "manifest (SHA256SUMS.txt) that --verify checks.\n",
	.subs = report_subs,
};
