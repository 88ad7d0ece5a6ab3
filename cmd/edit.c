/*
 * nerima-cio edit: open a record in $EDITOR and, like crontab -e, refuse to
 * save an invalid result, offering to edit again, without ever losing the
 * user's text: until the record is saved, the edit stays in a temporary
 * file that the messages name.
 */
#include <sys/stat.h>
#include <sys/wait.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "cmd.h"
#include "audit.h"
#include "i18n.h"
#include "opt.h"
#include "record.h"
#include "statuslog.h"
#include "store.h"

static int
run_editor(const char *file)
{
	const char	*ed;
	pid_t		 pid;
	int		 status;

	if ((ed = getenv("VISUAL")) == NULL || *ed == '\0')
		ed = getenv("EDITOR");
	if (ed == NULL || *ed == '\0')
		ed = "vi";
	fflush(stdout);
	if ((pid = fork()) == -1)
		return cmd_error(_("cannot run the editor: %s"), strerror(errno));
	if (pid == 0) {
		/* $EDITOR may carry arguments ("code --wait"): let sh split. */
		execl("/bin/sh", "sh", "-c", "exec $0 \"$1\"", ed, file,
		    (char *)NULL);
		_exit(127);
	}
	while (waitpid(pid, &status, 0) == -1) {
		if (errno != EINTR)
			return cmd_error(_("cannot wait for the editor: %s"),
			    strerror(errno));
	}
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
		return cmd_error(_("the editor '%s' failed (status %d)"), ed,
		    WIFEXITED(status) ? WEXITSTATUS(status) : -1);
	return 0;
}

static int
ask_retry(void)
{
	char	line[64];

	if (!isatty(STDIN_FILENO))
		return 0;
	for (;;) {
		fputs(_("Do you want to retry the same edit? (y/n) "), stderr);
		if (fgets(line, sizeof line, stdin) == NULL)
			return 0;
		if (line[0] == 'y' || line[0] == 'Y')
			return 1;
		if (line[0] == 'n' || line[0] == 'N')
			return 0;
	}
}

/*
 * Under the lock, in cmd_edit_record(): the record must still be what the
 * editor was given (someone else may have changed it meanwhile); then the
 * edited tree replaces it, to be checked and written.
 */
struct edit_arg {
	const char	*path;
	const struct buf *orig;
	struct ydoc	*edited;
	const char	*tmp;
};

static int
replace_record(struct record *r, void *arg)
{
	struct edit_arg	*a = arg;
	struct buf	 now = BUF_INIT;
	int		 same;

	same = buf_load(&now, a->path) == 0 && now.len == a->orig->len &&
	    memcmp(now.data, a->orig->data, now.len) == 0;
	buf_free(&now);
	if (!same)
		return error_set(NC_EINVALID, _("%s changed on disk while you "
		    "edited it"), r->relpath);
	ydoc_free(r->doc);
	r->doc = a->edited;
	a->edited = NULL;
	return 0;
}

/*
 * A status changed by the edit is logged with today's date in the
 * record's status_history, where its kind keeps one (statuslog.h),
 * unless the edit logged it itself: *change says which ("hearing ->
 * withdrawn"), for the caller to tell the user once saved.  The record as it was may not
 * parse (edit repairs broken files): then there is nothing to compare.
 */
static int
log_status(char **change, struct buf *findings, struct ydoc *doc,
    const struct buf *orig, const struct recref *ref)
{
	struct ydoc	*old = NULL;
	struct buf	 b = BUF_INIT;
	const char	*s;
	int		 logged = 0, rc = 0;

	free(*change);
	*change = NULL;
	buf_reset(findings);
	if (ydoc_parse(&old, orig->data, orig->len, ref->relpath, NULL) != 0) {
		error_clear();
		return 0;
	}
	/* an audit's findings keep theirs too (audit.h) */
	if (strcmp(schema_kind(ref->kind), "audit") == 0 &&
	    (rc = audit_findings_edited(findings, doc, ydoc_root(doc),
	    ydoc_root(old), cal_today())) != 0) {
		ydoc_free(old);
		return rc;
	}
	if ((rc = statuslog_edited(&logged, doc, ydoc_root(doc), ref->kind,
	    ydoc_root(old), cal_today())) == 0 && logged) {
		s = node_get_str(ydoc_root(old), "status");
		buf_printf(&b, "%s -> %s", s != NULL ? s : "",
		    node_get_str(ydoc_root(doc), "status"));
		if ((rc = buf_ok(&b)) == 0)
			*change = buf_detach(&b, NULL);
	}
	buf_free(&b);
	ydoc_free(old);
	return rc;
}

static int
cmd_edit(struct cmd_ctx *ctx, struct optv *ov)
{
	struct store	*st;
	struct recref	 ref;
	struct ydoc	*doc = NULL;
	struct checker	*c = NULL;
	struct diags	 d = DIAGS_INIT;
	struct buf	 orig = BUF_INIT, edited = BUF_INIT;
	struct buf	 tmpl = BUF_INIT, logged = BUF_INIT;
	struct edit_arg	 ea;
	const char	*tmpdir;
	char		*path = NULL, *change = NULL, day[CAL_FMT_MAX];
	char		*line, *end, *num, *from;
	int		 fd, rc = CMD_FAIL, keep = 0;

	memset(&ref, 0, sizeof ref);
	if ((st = cmd_store(ctx)) == NULL)
		return CMD_FAIL;
	if (cmd_find_record(&ref, st, NULL, ov->argv[0]) != CMD_OK)
		return CMD_FAIL;
	if ((path = store_path(st, ref.relpath)) == NULL ||
	    buf_load(&orig, path) != 0) {
		rc = cmd_lib_error();
		goto done;
	}
	if ((tmpdir = getenv("TMPDIR")) == NULL || *tmpdir == '\0')
		tmpdir = "/tmp";
	buf_printf(&tmpl, "%s/nerima-cio-%s-XXXXXX.yaml", tmpdir, ref.id);
	if (buf_ok(&tmpl) != 0 || (fd = mkstemps(tmpl.data, 5)) == -1) {
		rc = cmd_error(_("cannot create a temporary file in %s: %s"),
		    tmpdir, strerror(errno));
		goto done;
	}
	if (write(fd, orig.data, orig.len) != (ssize_t)orig.len ||
	    close(fd) != 0) {
		rc = cmd_error(_("cannot write '%s': %s"), tmpl.data,
		    strerror(errno));
		unlink(tmpl.data);
		goto done;
	}
	keep = 1;
	for (;;) {
		if (run_editor(tmpl.data) != 0) {
			fprintf(stderr, _("nerima-cio: %s is unchanged; the text"
			    " is kept in %s\n"), ref.relpath, tmpl.data);
			goto done;
		}
		if (buf_load(&edited, tmpl.data) != 0) {
			rc = cmd_lib_error();
			goto done;
		}
		if (edited.len == orig.len &&
		    memcmp(edited.data, orig.data, orig.len) == 0) {
			fprintf(stderr, _("no changes made to %s\n"), ref.id);
			keep = 0;
			rc = CMD_OK;
			goto done;
		}
		diags_free(&d);
		ydoc_free(doc);
		doc = NULL;
		checker_free(c);
		c = NULL;
		if (ydoc_parse(&doc, edited.data, edited.len, ref.relpath,
		    &d) == 0 && log_status(&change, &logged, doc, &orig,
		    &ref) == 0 &&
		    checker_new(&c, st, NULL) == 0)
			record_check(c, ref.kind, ydoc_root(doc), ref.relpath,
			    &d);
		else if (d.n == 0)
			diags_add(&d, ref.relpath, 0, 0, "%s", error_last());
		if (d.n == 0)
			break;
		cmd_print_diags(stderr, &d);
		fprintf(stderr, _("nerima-cio: the edit has errors; %s is"
		    " unchanged\n"), ref.relpath);
		if (!ask_retry()) {
			fprintf(stderr, _("nerima-cio: your edit is kept in "
			    "%s\n"), tmpl.data);
			goto done;
		}
	}
	/* Saved like every other change, by the full id just found. */
	ea.path = path;
	ea.orig = &orig;
	ea.edited = doc;
	ea.tmp = tmpl.data;
	doc = NULL;
	if (cmd_edit_record(NULL, ctx, NULL, ref.id, replace_record, &ea) !=
	    CMD_OK) {
		fprintf(stderr, _("nerima-cio: %s is unchanged; your edit is "
		    "kept in %s\n"), ref.relpath, tmpl.data);
		ydoc_free(ea.edited);
		goto done;
	}
	cal_format_iso(day, sizeof day, cal_today());
	if (change != NULL)
		fprintf(stderr, _("the change of status (%s) is logged in "
		    "status_history, dated %s\n"), change, day);
	/* "NUMBER\tFROM\tTO\n" each (audit_findings_edited()) */
	for (line = logged.data; line != NULL && *line != '\0';
	    line = end + 1) {
		if ((end = strchr(line, '\n')) == NULL)
			break;
		*end = '\0';
		num = strsep(&line, "\t");
		from = strsep(&line, "\t");
		fprintf(stderr, _("finding %s: the change of status (%s -> %s) "
		    "is logged in its status_history, dated %s\n"), num,
		    from != NULL ? from : "", line != NULL ? line : "", day);
		line = end;
	}
	keep = 0;
	rc = CMD_OK;
done:
	if (!keep && tmpl.data != NULL)
		unlink(tmpl.data);
	checker_free(c);
	ydoc_free(doc);
	diags_free(&d);
	buf_free(&orig);
	buf_free(&edited);
	buf_free(&tmpl);
	buf_free(&logged);
	free(path);
	free(change);
	free(ref.id);
	free(ref.relpath);
	return rc;
}

static const struct subcmd edit_subs[] = {
	{ NULL, cmd_edit, NULL, "ID", 1, 1, NULL, NULL },
	SUBCMD_END
};

const struct cmd_entry cmd_edit_entry = {
	.name = "edit",
	.desc = "edit a record in $EDITOR, saving only a valid result",
	.help =
	    "Opens the record in $VISUAL or $EDITOR (default vi).  When the\n"
	    "edited text is not a valid record, the problems are listed and the\n"
	    "record is left unchanged; at a terminal you may edit again.  Your\n"
	    "text is never lost: until it is saved it stays in the temporary\n"
	    "file the message names.  The record is saved in the tool's form\n"
	    "(keys in schema order); comments are not kept.\n",
	.subs = edit_subs,
};
