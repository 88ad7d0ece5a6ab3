/*
 * nerima-cio init: create a data directory.
 */
#include <sys/stat.h>
#include <sys/wait.h>

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "fileio.h"
#include "cmd.h"
#include "i18n.h"
#include "opt.h"
#include "store.h"

extern char **environ;

static const char gitattributes[] =
    "# Records are text; let git diff and merge them line by line.\n"
    "*.yaml text eol=lf diff\n"
    "*.csv text eol=lf\n"
    "# Deliverables for the ward are binary files.\n"
    "*.xlsx binary\n"
    "*.docx binary\n"
    "*.pptx binary\n"
    "*.pdf binary\n";

static const char gitignore[] =
    "# The lock that serialises writers, and leftovers of interrupted writes.\n"
    STORE_LOCK "\n"
    "*.yaml.tmp*\n"
    "# Generated deliverables: regenerate them with nerima-cio.\n"
    "out/\n";

/*
 * The pre-commit hook calls the binary that wrote it, by its absolute path:
 * a program built in a work tree is seldom on the PATH git runs hooks
 * with.  When that binary has gone, it tries the PATH, and otherwise says
 * how to fix it rather than "exec: nerima-cio: not found".
 */
static int
hook_text(struct buf *b)
{
	char		exe[PATH_MAX];
	ssize_t		n;
	const char	*p;

	if ((n = readlink("/proc/self/exe", exe, sizeof exe - 1)) <= 0)
		return error_sys(NC_EIO, _("cannot find the path of this program"));
	exe[n] = '\0';
	buf_puts(b, "#!/bin/sh\n"
	    "# Installed by 'nerima-cio init --hook': refuse a commit whose"
	    " records\n"
	    "# do not pass 'nerima-cio lint'.  Skip once with 'git commit"
	    " --no-verify'.\n"
	    "ncio='");
	/* single-quoted for the shell: ' becomes '\'' */
	for (p = exe; *p != '\0'; p++) {
		if (*p == '\'')
			buf_puts(b, "'\\''");
		else
			buf_putc(b, *p);
	}
	buf_puts(b, "'\n"
	    "if [ ! -x \"$ncio\" ]; then\n"
	    "\tif command -v nerima-cio >/dev/null 2>&1; then\n"
	    "\t\tncio=nerima-cio\n"
	    "\telse\n"
	    "\t\techo \"pre-commit: $ncio is gone and nerima-cio is not on"
	    " the PATH;\" >&2\n"
	    "\t\techo \"  put the directory of nerima-cio on the PATH"
	    " (export PATH=DIR:\\$PATH),\" >&2\n"
	    "\t\techo \"  or run 'nerima-cio init --hook' again after"
	    " removing .git/hooks/pre-commit\" >&2\n"
	    "\t\texit 1\n"
	    "\tfi\n"
	    "fi\n"
	    "exec \"$ncio\" -C \"$(git rev-parse --show-toplevel)\" lint\n");
	return buf_ok(b);
}

/* Where the shipped sample data directory is: installed, or the source. */
static char *
sample_dir(void)
{
	char		 exe[PATH_MAX];
	struct buf	 b = BUF_INIT;
	struct stat	 st;
	ssize_t		 n;
	char		*slash;
	const char	*env;

	if ((env = getenv("NCIO_SAMPLE_DIR")) != NULL && *env != '\0')
		return strdup(env);
	if ((n = readlink("/proc/self/exe", exe, sizeof exe - 1)) > 0) {
		exe[n] = '\0';
		if ((slash = strrchr(exe, '/')) != NULL) {
			*slash = '\0';
			buf_printf(&b, "%s/../share/nerima-cio/sample", exe);
			if (buf_ok(&b) == 0 && stat(b.data, &st) == 0 &&
			    S_ISDIR(st.st_mode))
				return buf_detach(&b, NULL);
			buf_free(&b);
		}
	}
	return strdup(NCIO_SOURCE_DIR "/data/sample");
}

/* Write dir/name unless it exists; never clobbers. */
static int
put_file(const char *dir, const char *name, const char *data, size_t len,
    int mode)
{
	struct buf	path = BUF_INIT;
	struct stat	st;
	int		rc;

	buf_printf(&path, "%s/%s", dir, name);
	if ((rc = buf_ok(&path)) != 0)
		return cmd_lib_error();
	if (lstat(path.data, &st) == 0) {
		fprintf(stderr, _("kept existing %s\n"), name);
		buf_free(&path);
		return 0;
	}
	rc = fileio_write_atomic(path.data, data, len);
	if (rc == 0 && mode != 0 && chmod(path.data, (mode_t)mode) == -1)
		rc = error_sys(NC_EIO, _("cannot chmod '%s'"), path.data);
	buf_free(&path);
	if (rc != 0)
		return cmd_lib_error();
	fprintf(stderr, _("created %s\n"), name);
	return 0;
}

static int
copy_sample(const char *dir, const char *from, const char *name)
{
	struct buf	src = BUF_INIT, data = BUF_INIT;
	int		rc;

	buf_printf(&src, "%s/%s", from, name);
	if (buf_ok(&src) != 0 || buf_load(&data, src.data) != 0) {
		rc = cmd_error(_("cannot read the template: %s"), error_last());
		goto done;
	}
	rc = put_file(dir, name, data.data, data.len, 0);
done:
	buf_free(&src);
	buf_free(&data);
	return rc;
}

/* Run "git -C dir ARGS..." quietly; its exit status, or -1 when it cannot run. */
static int
run_git(const char *dir, const char *const *args)
{
	char				*argv[16];
	posix_spawn_file_actions_t	fa;
	pid_t				pid;
	size_t				n = 0;
	int				status, rc;

	argv[n++] = "git";
	argv[n++] = "-C";
	argv[n++] = (char *)dir;
	while (*args != NULL && n < sizeof argv / sizeof *argv - 1)
		argv[n++] = (char *)*args++;
	argv[n] = NULL;
	if (posix_spawn_file_actions_init(&fa) != 0)
		return -1;
	posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
	posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
	rc = posix_spawnp(&pid, "git", &fa, NULL, argv, environ);
	posix_spawn_file_actions_destroy(&fa);
	if (rc != 0)
		return -1;
	while (waitpid(pid, &status, 0) == -1) {
		if (errno != EINTR)
			return -1;
	}
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

/*
 * The first commit of a new repository: the files init wrote, with the
 * contractor's name from nerima-cio.yaml in the message when it is set.
 */
static void
first_commit(const char *dir)
{
	static const char *const add[] = { "add", "--", STORE_MARKER,
	    STORE_ORGS, ".gitattributes", ".gitignore", NULL };
	struct store		*st = NULL;
	const struct node	*cfg;
	const char		*team = NULL;
	struct buf		 msg = BUF_INIT;

	if (store_open(&st, dir) == 0 && store_config(&cfg, st) == 0 &&
	    cfg != NULL)
		team = node_get_str(cfg, "contractor");
	if (team != NULL && *team != '\0')
		buf_printf(&msg, "nerima-cio init: %s", team);
	else
		buf_puts(&msg, "nerima-cio init");
	store_free(st);
	if (buf_ok(&msg) != 0 || run_git(dir, add) != 0) {
		cmd_warn(_("could not add the new files to git in '%s'; add and"
		    " commit them yourself"), dir);
	} else {
		const char *const commit[] = { "commit", "-q", "-m", msg.data,
		    NULL };
		if (run_git(dir, commit) != 0)
			cmd_warn(_("could not make the first commit in '%s'; set"
			    " your name with 'git config --global user.name NAME'"
			    " and 'git config --global user.email ADDRESS', then"
			    " run 'git -C %s commit -m \"%s\"'"), dir, dir,
			    msg.data);
		else
			fprintf(stderr, _("committed: %s\n"), msg.data);
	}
	buf_free(&msg);
}

static int
cmd_init(struct cmd_ctx *ctx, struct optv *ov)
{
	const char	*dir;
	char		*from = NULL;
	struct buf	 hookpath = BUF_INIT, hook = BUF_INIT;
	int		 want_hook = opt_has(ov, "hook");
	int		 no_git = opt_has(ov, "no-git"), rc = CMD_OK, isrepo;
	int		 made_repo = 0;

	if (want_hook && no_git)
		return opt_bad_usage(ov->entry, ov->sub, _("--hook needs git; "
		    "drop --no-git"));
	dir = ov->argc == 1 ? ov->argv[0] : ctx->dir != NULL ? ctx->dir : ".";
	if (mkdir(dir, 0777) == -1 && errno != EEXIST)
		return cmd_error(_("cannot create '%s': %s"), dir, strerror(errno));

	if ((from = sample_dir()) == NULL)
		return cmd_error(_("out of memory"));
	if (copy_sample(dir, from, STORE_MARKER) != 0 ||
	    copy_sample(dir, from, STORE_ORGS) != 0 ||
	    put_file(dir, ".gitattributes", gitattributes,
	    sizeof gitattributes - 1, 0) != 0 ||
	    put_file(dir, ".gitignore", gitignore, sizeof gitignore - 1, 0)
	    != 0) {
		rc = CMD_FAIL;
		goto done;
	}

	if (!no_git) {
		static const char *const revparse[] = { "rev-parse",
		    "--git-dir", NULL };
		static const char *const init[] = { "init", "-q", NULL };

		isrepo = run_git(dir, revparse) == 0;
		if (!isrepo && run_git(dir, init) != 0) {
			cmd_warn(_("could not run 'git init' in '%s'; the data"
			    " directory works without git, but teammates share"
			    " it through git"), dir);
		} else if (!isrepo) {
			fprintf(stderr, _("initialised a git repository\n"));
			made_repo = 1;
		}
	}
	if (want_hook) {
		struct stat st;
		buf_printf(&hookpath, "%s/.git/hooks", dir);
		if (buf_ok(&hookpath) != 0 || stat(hookpath.data, &st) != 0) {
			rc = cmd_error(_("cannot install the hook: '%s' is not"
			    " there (is '%s' the top of a git repository?)"),
			    hookpath.data, dir);
			goto done;
		}
		if (hook_text(&hook) != 0) {
			rc = cmd_lib_error();
			goto done;
		}
		if (put_file(hookpath.data, "pre-commit", hook.data,
		    hook.len, 0755) != 0) {
			rc = CMD_FAIL;
			goto done;
		}
	}
	if (made_repo)
		first_commit(dir);
	fprintf(stderr, _("data directory ready in %s; edit %s (team, contract)"
	    " and %s (the ward's organisations) before adding records\n"),
	    dir, STORE_MARKER, STORE_ORGS);
done:
	free(from);
	buf_free(&hookpath);
	buf_free(&hook);
	return rc;
}

static const struct opt init_opts[] = {
	{ "hook", 0, OPT_FLAG, 0, NULL, NULL, 0, 0,
	  "install a git pre-commit hook that runs 'nerima-cio lint'" },
	{ "no-git", 0, OPT_FLAG, 0, NULL, NULL, 0, 0,
	  "do not run git" },
	OPT_END
};

static const struct subcmd init_subs[] = {
	{ NULL, cmd_init, init_opts, "[DIR]", 0, 1, NULL, NULL },
	SUBCMD_END
};

const struct cmd_entry cmd_init_entry = {
	.name = "init",
	.desc = "create a data directory (config, organisation list, git)",
	.help =
	    "Creates DIR (default: the current directory) with nerima-cio.yaml,\n"
	    "orgs.yaml (fictional sample content to replace), .gitattributes and\n"
	    ".gitignore, and runs 'git init' unless DIR is in a repository.\n"
	    "A new repository gets a first commit of these files.  The hook\n"
	    "calls this program by its absolute path.\n"
	    "Existing files are kept; running init twice changes nothing.\n",
	.subs = init_subs,
};
