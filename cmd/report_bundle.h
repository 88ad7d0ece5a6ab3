/*
 * report bundle: the year-end bundle of every deliverable (4(3)イ), as a
 * sub-verb of 'report' (cmd/report.c lists it in its table).
 */
#ifndef NCIO_REPORT_BUNDLE_H
#define NCIO_REPORT_BUNDLE_H

#include "opt.h"

struct cmd_ctx;

int	report_bundle(struct cmd_ctx *, struct optv *);
extern const struct opt report_bundle_opts[];

/* The sub-verb's entry for a table of struct subcmd. */
#define REPORT_BUNDLE_SUBCMD						\
	{ "bundle", report_bundle, report_bundle_opts, NULL, 0, 0,	\
	  "(--fy FY -o DIR [--zip FILE] [--password-file FILE] |"	\
	  " --verify DIR)",						\
	  "every deliverable of the year in one folder, or check one" }

#endif
