/*
 * Shell completion candidates ('nerima-cio __complete'), for every kind of
 * option value, from a command table of the test's own against the
 * sample data: a table of the words typed and the candidates expected.
 * (tests/e2e/completion.sh drives the bash script with the real verbs.)
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "buf.h"
#include "cmd.h"
#include "opt.h"
#include "store.h"

static int
run(struct cmd_ctx *ctx, struct optv *ov)
{
	(void)ctx;
	(void)ov;
	return CMD_OK;
}

static const struct opt add_opts[] = {
	{ "status", 0, OPT_ENUM, 0, NULL, "review:status", 0, 0, "status" },
	{ "org", 0, OPT_ORG, 0, NULL, NULL, 0, 0, "organisation" },
	{ "by", 0, OPT_MEMBER, 0, NULL, NULL, 0, 0, "member" },
	{ "ref", 0, OPT_ID, 0, NULL, NULL, 0, 0, "another review" },
	{ "output", 'o', OPT_PATH, 0, NULL, NULL, 0, 0, "file" },
	{ "format", 0, OPT_CHOICE, 0, NULL, "table|csv|json", 0, 0, "format" },
	{ "note", 0, OPT_TEXT, OPT_REPEAT, NULL, NULL, 0, 0, "notes" },
	{ "dry-run", 'n', OPT_FLAG, 0, NULL, NULL, 0, 0, "dry run" },
	OPT_END
};

static const struct subcmd rv_subs[] = {
	{ "add", run, add_opts, "ID [FILE...]", 1, -1, NULL, "add" },
	{ "kinds", run, NULL, "[KIND]", 0, 1, NULL, "kinds" },
	{ "dir", run, NULL, "DIR", 1, 1, NULL, "dir" },
	SUBCMD_END
};

static const struct cmd_entry rv_entry = {
	.name = "rv",
	.desc = "reviews",
	.subs = rv_subs,
	.kind = "review",
};

extern const struct cmd_entry cmd_completion_entry;
extern const struct cmd_entry cmd_complete_entry;

const struct cmd_entry *const cmd_table[] = {
	&rv_entry,
	NULL
};

const struct cmd_entry *const cmd_hidden[] = {
	&cmd_completion_entry,
	&cmd_complete_entry,
	NULL
};

#define SAMPLE	NCIO_SOURCE_DIR "/data/sample"

static const struct {
	const char	*words;		/* "|"-separated; the last is completed */
	const char	*want;		/* the candidates, "\n"-terminated */
} cases[] = {
	{ "", "rv\ncompletion\nhelp\n" },
	{ "-", "-C\n--help\n--version\n" },
	{ "-C", "-C\n" },
	{ "-C|", "!dirs\n" },
	{ "r", "rv\n" },
	{ "rv|", "add\nkinds\ndir\n" },
	{ "rv|k", "kinds\n" },
	{ "rv|-", "--help\n" },
	{ "nosuch|", "" },
	{ "rv|add|--st", "--status\n" },
	{ "rv|add|--", "--status\n--org\n--by\n--ref\n--output\n--format\n"
	  "--note\n--dry-run\n--help\n" },
	/* Given once: not again, unless it repeats. */
	{ "rv|add|--note|x|--format|csv|-n|--", "--status\n--org\n--by\n"
	  "--ref\n--output\n--note\n--help\n" },
	{ "rv|add|--format|", "table\ncsv\njson\n" },
	{ "rv|add|--format|c", "csv\n" },
	/* bash splits --format=c into --format, =, c */
	{ "rv|add|--format|=|c", "csv\n" },
	{ "rv|add|--format|=", "table\ncsv\njson\n" },
	/* zsh keeps it whole */
	{ "rv|add|--format=j", "--format=json\n" },
	{ "rv|add|--status|", "received\nhearing\nassessed\ndecided\n"
	  "submitted\non-hold\nwithdrawn\n" },
	{ "rv|add|--status|h", "hearing\n" },
	{ "rv|add|--status|ヒ", "ヒアリング中\n" },
	{ "rv|add|--org|hoiku-k", "hoiku-keikaku\nhoiku-kakuu\n" },
	{ "rv|add|--org|保育", "保育課\n保育計画調整課\n" },
	{ "rv|add|--by|", "kakuu-taro\nmihon-hanako\nshiken-ichiro\n"
	  "kamei-jiro\nreidai-sakura\n" },
	{ "rv|add|--by|mi", "mihon-hanako\n" },
	{ "rv|add|--ref|rv-1t", "rv-1t5grk0g\n" },
	{ "rv|add|-o|", "!files\n" },
	{ "rv|add|--output|x", "!files\n" },
	{ "rv|add|--note|", "" },
	/* ID of the verb's kind: a checklist's ck-1t... is not offered. */
	{ "rv|add|1t", "rv-1t5grk0g\n" },
	{ "rv|add|rv-1t5grk0g|", "!files\n" },
	{ "rv|add|rv-1t5grk0g|a|", "!files\n" },
	{ "rv|add|--|--x", "" },
	{ "rv|add|x|--|--x", "!files\n" },
	{ "rv|kinds|che", "checklist\n" },
	{ "rv|kinds|x|", "" },
	{ "rv|dir|", "!dirs\n" },
	{ "completion|", "bash\nzsh\n" },
	{ "completion|bash|-", "--output\n--help\n" },
};

/* Run __complete on words, with -C SAMPLE first; the output into got. */
static void
complete(struct buf *got, const char *words)
{
	struct cmd_ctx	 ctx = { NULL, NULL };
	char		*copy, *argv[64], *p;
	char		 tmpl[] = "/tmp/ncio-complete.XXXXXX";
	int		 argc = 0, fd, saved;
	FILE		*fp;
	char		 line[512];

	argv[argc++] = "__complete";
	argv[argc++] = "--";
	assert_non_null(copy = strdup(words));
	if (strncmp(words, "-C", 2) != 0) {
		argv[argc++] = "-C";
		argv[argc++] = SAMPLE;
	}
	for (p = copy;; p++) {
		argv[argc++] = p;
		if ((p = strchr(p, '|')) == NULL)
			break;
		*p = '\0';
	}
	argv[argc] = NULL;
	assert_true((fd = mkstemp(tmpl)) >= 0);
	fflush(stdout);
	saved = dup(1);
	dup2(fd, 1);
	assert_int_equal(cmd_run(&cmd_complete_entry, &ctx, argc, argv),
	    CMD_OK);
	fflush(stdout);
	dup2(saved, 1);
	close(saved);
	assert_non_null(fp = fdopen(fd, "r"));
	rewind(fp);
	buf_reset(got);
	buf_puts(got, "");
	while (fgets(line, sizeof line, fp) != NULL)
		buf_puts(got, line);
	fclose(fp);
	unlink(tmpl);
	store_free(ctx.store);
	free(copy);
}

static void
test_candidates(void **state)
{
	struct buf	got = BUF_INIT;
	size_t		i;
	int		bad = 0;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		complete(&got, cases[i].words);
		if (strcmp(got.data != NULL ? got.data : "", cases[i].want) !=
		    0) {
			print_error("words '%s':\n--- want\n%s--- got\n%s",
			    cases[i].words, cases[i].want,
			    got.data != NULL ? got.data : "");
			bad++;
		}
	}
	buf_free(&got);
	assert_int_equal(bad, 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_candidates),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
