/*
 * nerima-cio: records and deliverables for the ward's CIO advisor team.
 *
 * main() handles the global options, finds the verb in the table and runs
 * it; the verb returns the exit status.  Output errors (a full disk, a
 * closed pipe) are caught by checking fclose(stdout).
 */
#include <errno.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "cmd.h"
#include "fileio.h"
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
extern const struct cmd_entry cmd_log_entry;
extern const struct cmd_entry cmd_diff_entry;
extern const struct cmd_entry cmd_completion_entry;
extern const struct cmd_entry cmd_complete_entry;
extern const struct cmd_entry cmd_incident_entry;
extern const struct cmd_entry cmd_consult_entry;
extern const struct cmd_entry cmd_meeting_entry;
extern const struct cmd_entry cmd_issue_entry;
extern const struct cmd_entry cmd_due_entry;
extern const struct cmd_entry cmd_deliverable_entry;
extern const struct cmd_entry cmd_report_entry;
extern const struct cmd_entry cmd_strings_entry;

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
	&cmd_incident_entry,
	&cmd_consult_entry,
	&cmd_meeting_entry,
	&cmd_issue_entry,
	&cmd_due_entry,
	&cmd_training_entry,
	&cmd_deliverable_entry,
	&cmd_report_entry,
	&cmd_log_entry,
	&cmd_diff_entry,
	NULL
};

/*
 * Verbs for the shell rather than for people, not listed by --help:
 * 'completion bash|zsh' prints a completion script (nerima-cio(1),
 * COMPLETION), and the script asks '__complete WORD...' for candidates.
 */
const struct cmd_entry *const cmd_hidden[] = {
	&cmd_completion_entry,
	&cmd_complete_entry,
	&cmd_strings_entry,
	NULL
};

static void
usage(FILE *fp)
{
	const struct cmd_entry *const	*e;

	fprintf(fp, "%snerima-cio [-C DIR] [--version] [--help] VERB [ARGS]\n"
	    "\n%s\n", _("usage: "), _("Verbs:"));
	for (e = cmd_table; *e != NULL; e++)
		fprintf(fp, "   %-10s %s\n", (*e)->name, _((*e)->desc));
	fprintf(fp, "\n%s\n", _("See 'nerima-cio VERB --help' or "
	    "nerima-cio-VERB(1)."));
}

/*
 * The allocator, configured once before anything is allocated.  A command
 * reads records one after another, each into an arena of 32 KiB chunks
 * that is freed whole when the next record is read.  With glibc's default
 * settings every such free shrinks the top of the heap back to the kernel
 * (brk) and the next record faults the same pages in again: lint of three
 * fiscal years made 4,000 brk calls and 45,000 page faults, half its CPU
 * time in the kernel (issue 15).  A run is short-lived and its peak is
 * what it needs anyway, so the heap is never trimmed, and blocks up to
 * the largest record file (the 32 MiB import limit) come from the heap
 * rather than from a fresh mmap each time, which costs the same faults.
 */
static void
tune_malloc(void)
{
#ifdef __GLIBC__
	mallopt(M_TRIM_THRESHOLD, 512 * 1024 * 1024);
	mallopt(M_MMAP_THRESHOLD, 32 * 1024 * 1024);
#endif
}

static int
finish(int status)
{
	if (fflush(stdout) != 0 || ferror(stdout) || fclose(stdout) != 0) {
		if (errno != EPIPE) {
			fprintf(stderr, _("nerima-cio: cannot write output: "
			    "%s\n"), strerror(errno));
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
	size_t				 i;
	int				 status;

	tune_malloc();
	/*
	 * --version (after -C options only, as the loop below takes them)
	 * prints no translated text: no locale, no catalogue looked for
	 * (issue 15: a third of what it ran, and ~20 system calls).
	 */
	for (i = 1; i < (size_t)argc; i++) {
		if (strcmp(argv[i], "-C") == 0)
			i++;
		else if (strncmp(argv[i], "-C", 2) != 0)
			break;
	}
	if (i < (size_t)argc && strcmp(argv[i], "--version") == 0) {
		printf("nerima-cio %s\n", NCIO_VERSION);
		return finish(CMD_OK);
	}
	i18n_init();
	argc--;
	argv++;
	while (argc > 0 && argv[0][0] == '-') {
		if (strcmp(argv[0], "-C") == 0) {
			if (argc < 2) {
				fputs(_("nerima-cio: -C needs a directory\n"),
				    stderr);
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
			fprintf(stderr, _("nerima-cio: unknown option "
			    "'%s'\n"), argv[0]);
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
		for (e = cmd_hidden; *e != NULL; e++)
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
	status = cmd_run(*e, &ctx, argc, argv);
	store_free(ctx.store);
	/* Files written whose safety on disk is in doubt, leftovers removed. */
	for (i = 0; fileio_warning(i) != NULL; i++)
		cmd_warn("%s", fileio_warning(i));
	return finish(status);
}
