/*
 * nerima-cio: records and deliverables for the ward's CIO advisor team.
 *
 * main() handles the global options, finds the verb in the table and runs
 * it; the verb returns the exit status.  Output errors (a full disk, a
 * closed pipe) are caught by checking fclose(stdout).
 */
#include <errno.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "cmd.h"
#include "i18n.h"
#include "opt.h"
#include "store.h"

#ifndef NCIO_VERSION
#define NCIO_VERSION "0.0.0"
#endif

extern const struct cmd_entry cmd_init_entry;
extern const struct cmd_entry cmd_add_entry;
extern const struct cmd_entry cmd_lint_entry;
extern const struct cmd_entry cmd_list_entry;
extern const struct cmd_entry cmd_show_entry;
extern const struct cmd_entry cmd_edit_entry;
extern const struct cmd_entry cmd_cal_entry;
extern const struct cmd_entry cmd_review_entry;
extern const struct cmd_entry cmd_audit_entry;
extern const struct cmd_entry cmd_checklist_entry;
extern const struct cmd_entry cmd_training_entry;

/* In the order a new user meets them. */
const struct cmd_entry *const cmd_table[] = {
	&cmd_init_entry,
	&cmd_add_entry,
	&cmd_list_entry,
	&cmd_show_entry,
	&cmd_edit_entry,
	&cmd_lint_entry,
	&cmd_cal_entry,
	&cmd_review_entry,
	&cmd_audit_entry,
	&cmd_checklist_entry,
	&cmd_training_entry,
	NULL
};

static void
usage(FILE *fp)
{
	const struct cmd_entry *const	*e;

	fputs("usage: nerima-cio [-C DIR] [--version] [--help] VERB [ARGS]\n"
	    "\nVerbs:\n", fp);
	for (e = cmd_table; *e != NULL; e++)
		fprintf(fp, "   %-10s %s\n", (*e)->name, (*e)->desc);
	fputs("\nSee 'nerima-cio VERB --help' or nerima-cio-VERB(1).\n", fp);
}

static int
finish(int status)
{
	if (fflush(stdout) != 0 || ferror(stdout) || fclose(stdout) != 0) {
		if (errno != EPIPE) {
			fprintf(stderr, "nerima-cio: cannot write output: %s\n",
			    strerror(errno));
			return CMD_FAIL;
		}
	}
	return status;
}

int
main(int argc, char **argv)
{
	const struct cmd_entry *const	*e;
	struct cmd_ctx			 ctx = { NULL, NULL };
	int				 status;

	setlocale(LC_CTYPE, "");
	argc--;
	argv++;
	while (argc > 0 && argv[0][0] == '-') {
		if (strcmp(argv[0], "-C") == 0) {
			if (argc < 2) {
				fputs("nerima-cio: -C needs a directory\n", stderr);
				return CMD_USAGE;
			}
			ctx.dir = argv[1];
			argc -= 2;
			argv += 2;
		} else if (strncmp(argv[0], "-C", 2) == 0) {
			ctx.dir = argv[0] + 2;
			argc--;
			argv++;
		} else if (cmd_is_help(argv[0])) {
			usage(stdout);
			return finish(CMD_OK);
		} else if (strcmp(argv[0], "--version") == 0) {
			printf("nerima-cio %s\n", NCIO_VERSION);
			return finish(CMD_OK);
		} else {
			fprintf(stderr, "nerima-cio: unknown option '%s'\n",
			    argv[0]);
			usage(stderr);
			return CMD_USAGE;
		}
	}
	if (clock_check_env() != 0) {
		fprintf(stderr, "nerima-cio: %s\n", error_last());
		return CMD_USAGE;
	}
	if (argc == 0) {
		usage(stderr);
		return CMD_USAGE;
	}
	if (strcmp(argv[0], "help") == 0 && argc == 1) {
		usage(stdout);
		return finish(CMD_OK);
	}
	for (e = cmd_table; *e != NULL; e++) {
		if (strcmp((*e)->name, argv[0]) == 0)
			break;
	}
	if (*e == NULL) {
		const char	*words[64], *near;
		size_t		 i;

		for (i = 0; cmd_table[i] != NULL && i < 63; i++)
			words[i] = cmd_table[i]->name;
		words[i] = NULL;
		if ((near = opt_nearest(argv[0], words)) != NULL)
			fprintf(stderr, _("nerima-cio: '%s' is not a verb; did "
			    "you mean '%s'?\n"), argv[0], near);
		else
			fprintf(stderr, _("nerima-cio: '%s' is not a verb;"
			    " see 'nerima-cio --help'\n"), argv[0]);
		return CMD_USAGE;
	}
	if ((*e)->subs != NULL)
		status = cmd_run(*e, &ctx, argc, argv);
	else if (argc > 1 && cmd_is_help(argv[1]))
		status = cmd_usage(*e, stdout, 1);
	else
		status = (*e)->exec(*e, &ctx, argc, argv);
	store_free(ctx.store);
	return finish(status);
}
