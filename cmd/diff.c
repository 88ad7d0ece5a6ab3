/*
 * nerima-cio diff: which records changed between the working tree and a
 * commit (HEAD by default), or between two commits, each with its title
 * and its changes field by field -- what a teammate wants to see before
 * committing or merging, instead of a diff of YAML lines.
 *
 * 'git diff --name-status' (and 'git ls-files --others' for records not
 * yet added) says which files changed, one 'git cat-file --batch' reads
 * their old versions, and recdiff compares them.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "cmd.h"
#include "gitrec.h"
#include "i18n.h"
#include "json.h"
#include "opt.h"
#include "schema.h"
#include "store.h"
#include "text.h"

struct change {
	char	 status;	/* A, M, D, R */
	char	*path;		/* top-relative, after */
	char	*oldpath;	/* before (differs when renamed) */
};

struct changes {
	struct change	*v;
	size_t		 n, cap;
};

static int
push(struct changes *c, char status, const char *prefix, const char *path,
    const char *oldpath)
{
	struct change	*nv;
	struct buf	 a = BUF_INIT, b = BUF_INIT;

	if (c->n == c->cap) {
		if ((nv = realloc(c->v, (c->cap * 2 + 16) * sizeof *nv)) ==
		    NULL)
			return cmd_error(_("out of memory"));
		c->v = nv;
		c->cap = c->cap * 2 + 16;
	}
	buf_printf(&a, "%s%s", prefix, path);
	buf_printf(&b, "%s%s", prefix, oldpath);
	if (buf_ok(&a) != 0 || buf_ok(&b) != 0) {
		buf_free(&a);
		buf_free(&b);
		return cmd_error(_("out of memory"));
	}
	c->v[c->n].status = status;
	c->v[c->n].path = buf_detach(&a, NULL);
	c->v[c->n].oldpath = buf_detach(&b, NULL);
	c->n++;
	return CMD_OK;
}

static void
changes_free(struct changes *c)
{
	size_t	i;

	for (i = 0; i < c->n; i++) {
		free(c->v[i].path);
		free(c->v[i].oldpath);
	}
	free(c->v);
}

static int
is_yaml(const char *path)
{
	size_t	len = strlen(path);

	return len > 5 && strcmp(path + len - 5, ".yaml") == 0;
}

/* 'git diff -z --name-status' output: status, path[, new path]. */
static int
parse_status(struct changes *c, char *data, size_t len)
{
	char	*p = data, *end = data + len, *st, *a, *b;
	char	 s;

	while (p < end) {
		st = p;
		p += strnlen(p, (size_t)(end - p)) + 1;
		if (p >= end)
			return cmd_error(_("git diff: unexpected output"));
		a = b = p;
		p += strnlen(p, (size_t)(end - p)) + 1;
		if (*st == 'R' || *st == 'C') {
			if (p >= end)
				return cmd_error(_("git diff: unexpected "
				    "output"));
			b = p;
			p += strnlen(p, (size_t)(end - p)) + 1;
		}
		s = *st == 'A' || *st == 'D' || *st == 'R' ? *st :
		    *st == 'C' ? 'A' : 'M';
		if (!is_yaml(b) && !(s == 'R' && is_yaml(a)))
			continue;
		if (push(c, s, "", b, a) != CMD_OK)
			return CMD_FAIL;
	}
	return CMD_OK;
}

/* "<rev>:<path>" for git cat-file, malloc'ed; NULL on no memory. */
static char *
spec(const char *rev, const char *path)
{
	struct buf	b = BUF_INIT;

	buf_printf(&b, "%s:%s", rev, path);
	if (buf_ok(&b) != 0) {
		buf_free(&b);
		return NULL;
	}
	return buf_detach(&b, NULL);
}

/* The path as the user knows it: relative to the data directory. */
static const char *
local(const char *path, const char *prefix)
{
	size_t	len = strlen(prefix);

	return strncmp(path, prefix, len) == 0 ? path + len : path;
}

/* The word, padded to the width of the widest of the four. */
static void
pad(const char *word)
{
	const char	*w[4];
	size_t		 i, max = 0, n;

	w[0] = _("added");
	w[1] = _("removed");
	w[2] = _("moved");
	w[3] = _("changed");
	for (i = 0; i < 4; i++)
		if ((n = text_width(w[i], strlen(w[i]))) > max)
			max = n;
	fputs(word, stdout);
	for (n = text_width(word, strlen(word)); n < max; n++)
		putchar(' ');
}

struct counts {
	size_t	added, removed, changed;
};

static int
show_change(struct store *st, const struct change *c, const char *prefix,
    const char *old, size_t oldlen, const char *new, size_t newlen,
    struct json *j, struct counts *n)
{
	const struct schema	*kind;
	struct recdiff		 d = RECDIFF_INIT;
	struct ydoc		*a = NULL, *b = NULL;
	const char		*path = local(c->path, prefix), *what, *word;
	const char		*title = NULL, *tf, *slash, *name;
	char			 id[128];
	int			 broken, rc;
	size_t			 len;

	if ((rc = gitrec_compare(&d, &a, &b, path, old, oldlen, new, newlen,
	    &broken)) != CMD_OK)
		goto done;
	if (old == NULL && new == NULL)
		goto done;
	/* Saved again with no change in value: not a change to report. */
	if (old != NULL && new != NULL && !broken && d.n == 0 &&
	    strcmp(c->path, c->oldpath) == 0)
		goto done;
	id[0] = '\0';
	if ((kind = gitrec_kind(st, path)) != NULL) {
		name = (slash = strrchr(path, '/')) != NULL ? slash + 1 : path;
		len = strlen(name) - 5;		/* ".yaml" */
		if (len < sizeof id) {
			memcpy(id, name, len);
			id[len] = '\0';
		}
		if ((tf = schema_title_field(kind)) != NULL)
			title = node_get_str(b != NULL ? ydoc_root(b) :
			    a != NULL ? ydoc_root(a) : NULL, tf);
	}
	if (old == NULL) {
		what = "added";
		word = _("added");
		n->added++;
	} else if (new == NULL) {
		what = "removed";
		word = _("removed");
		n->removed++;
	} else if (strcmp(c->path, c->oldpath) != 0) {
		what = "moved";
		word = _("moved");
		n->changed++;
	} else {
		what = "changed";
		word = _("changed");
		n->changed++;
	}
	if (j != NULL) {
		const char *op = local(c->oldpath, prefix);

		if (json_begin_object(j) != 0 || json_key(j, "path") != 0 ||
		    json_value_string(j, path, strlen(path)) != 0 ||
		    json_key(j, "old_path") != 0 ||
		    json_value_string(j, op, strlen(op)) != 0 ||
		    json_key(j, "kind") != 0 ||
		    (kind != NULL ? json_value_string(j, schema_kind(kind),
		    strlen(schema_kind(kind))) : json_value_raw(j, "null")) !=
		    0 || json_key(j, "id") != 0 ||
		    (id[0] != '\0' ? json_value_string(j, id, strlen(id)) :
		    json_value_raw(j, "null")) != 0 ||
		    json_key(j, "title") != 0 ||
		    (title != NULL ? json_value_string(j, title,
		    strlen(title)) : json_value_raw(j, "null")) != 0 ||
		    json_key(j, "status") != 0 ||
		    json_value_string(j, what, strlen(what)) != 0 ||
		    json_key(j, "readable") != 0 ||
		    json_value_raw(j, broken ? "false" : "true") != 0 ||
		    json_key(j, "changes") != 0 ||
		    gitrec_json_changes(j, &d) != 0 ||
		    json_end_object(j) != 0)
			rc = cmd_error(_("out of memory"));
		goto done;
	}
	pad(word);
	printf("  %s", id[0] != '\0' ? id : path);
	if (title != NULL)
		printf("  %s", title);
	putchar('\n');
	if (strcmp(c->path, c->oldpath) != 0) {
		fputs("    ", stdout);
		printf(_("moved from %s\n"), local(c->oldpath, prefix));
	}
	if (broken)
		printf("    %s\n", _("(not readable as YAML; see git diff)"));
	else
		gitrec_print_changes(stdout, &d, 4);
done:
	recdiff_free(&d);
	ydoc_free(a);
	ydoc_free(b);
	return rc;
}

/*
 * The two sides: REV (working tree after it), REV REV2, A..B, or A...B
 * (from where B left A: their merge base, to B).  *newrev NULL: the
 * working tree.  *base is malloc'ed when a merge base was looked up.
 */
static int
sides(const char **oldrev, const char **newrev, char **base, char **split,
    struct store *st, struct optv *ov)
{
	const char	*mb[] = { "merge-base", NULL, NULL, NULL };
	struct buf	 out = BUF_INIT;
	char		*dots;

	*oldrev = "HEAD";
	*newrev = NULL;
	*base = *split = NULL;
	if (ov->argc == 2) {
		*oldrev = ov->argv[0];
		*newrev = ov->argv[1];
		return CMD_OK;
	}
	if (ov->argc == 0)
		return CMD_OK;
	if ((dots = strstr(ov->argv[0], "..")) == NULL) {
		*oldrev = ov->argv[0];
		return CMD_OK;
	}
	if ((*split = strdup(ov->argv[0])) == NULL)
		return cmd_error(_("out of memory"));
	dots = *split + (dots - ov->argv[0]);
	*dots = '\0';
	*oldrev = **split != '\0' ? *split : "HEAD";
	if (dots[2] == '.') {
		*newrev = dots[3] != '\0' ? dots + 3 : "HEAD";
		mb[1] = *oldrev;
		mb[2] = *newrev;
		if (gitrec_run(&out, store_root(st), mb, NULL, 0) != CMD_OK) {
			buf_free(&out);
			return CMD_FAIL;
		}
		while (out.len > 0 && out.data[out.len - 1] == '\n')
			out.data[--out.len] = '\0';
		*base = buf_detach(&out, NULL);
		*oldrev = *base;
	} else
		*newrev = dots[2] != '\0' ? dots + 2 : "HEAD";
	return CMD_OK;
}

static int
cmd_diff(struct cmd_ctx *ctx, struct optv *ov)
{
	struct store		*st;
	struct changes		 c = { NULL, 0, 0 };
	struct gitrec_blob	*blobs = NULL;
	struct buf		 out = BUF_INIT, js = BUF_INIT, work = BUF_INIT;
	struct counts		 n = { 0, 0, 0 };
	struct json		*j = NULL;
	const char		*args[16], *oldrev, *newrev, *format;
	char			*prefix = NULL, *base = NULL, *split = NULL;
	char			**specs = NULL, *p, *file;
	const char		*old, *new;
	size_t			 i, k, oldlen, newlen;
	int			 rc = CMD_FAIL;

	format = opt_get(ov, "format");
	if ((st = cmd_store(ctx)) == NULL)
		return CMD_FAIL;
	if (gitrec_prefix(&prefix, st) != CMD_OK ||
	    sides(&oldrev, &newrev, &base, &split, st, ov) != CMD_OK)
		goto done;
	k = 0;
	args[k++] = "diff";
	args[k++] = "-z";
	args[k++] = "--name-status";
	args[k++] = "-M";
	args[k++] = "--no-relative";
	args[k++] = "--no-ext-diff";
	args[k++] = oldrev;
	if (newrev != NULL)
		args[k++] = newrev;
	args[k++] = "--";
	args[k++] = ".";
	args[k] = NULL;
	if (gitrec_run(&out, store_root(st), args, NULL, 0) != CMD_OK ||
	    parse_status(&c, out.data != NULL ? out.data : "", out.len) !=
	    CMD_OK)
		goto done;
	if (newrev == NULL) {
		/* Records not yet added to git are new too. */
		static const char *const untracked[] = { "ls-files", "-z",
		    "--others", "--exclude-standard", "--", ".", NULL };

		buf_reset(&out);
		if (gitrec_run(&out, store_root(st), untracked, NULL, 0) !=
		    CMD_OK)
			goto done;
		for (p = out.data; p != NULL && p < out.data + out.len;
		    p += strlen(p) + 1)
			if (is_yaml(p) && push(&c, 'A', prefix, p, p) != CMD_OK)
				goto done;
	}
	if ((specs = calloc(2 * c.n + 1, sizeof *specs)) == NULL ||
	    (blobs = calloc(2 * c.n + 1, sizeof *blobs)) == NULL) {
		cmd_error(_("out of memory"));
		goto done;
	}
	for (i = 0; i < c.n; i++) {
		specs[2 * i] = spec(oldrev, c.v[i].oldpath);
		specs[2 * i + 1] = spec(newrev != NULL ? newrev : oldrev,
		    c.v[i].path);
		if (specs[2 * i] == NULL || specs[2 * i + 1] == NULL) {
			cmd_error(_("out of memory"));
			goto done;
		}
	}
	if (gitrec_cat(blobs, store_root(st), specs, 2 * c.n) != CMD_OK)
		goto done;
	if (format != NULL && strcmp(format, "json") == 0 &&
	    ((j = json_new(&js)) == NULL || json_begin_array(j) != 0)) {
		cmd_error(_("out of memory"));
		goto done;
	}
	for (i = 0; i < c.n; i++) {
		old = c.v[i].status == 'A' || blobs[2 * i].missing ? NULL :
		    blobs[2 * i].data;
		oldlen = blobs[2 * i].len;
		if (c.v[i].status == 'D') {
			new = NULL;
			newlen = 0;
		} else if (newrev != NULL) {
			new = blobs[2 * i + 1].missing ? NULL :
			    blobs[2 * i + 1].data;
			newlen = blobs[2 * i + 1].len;
		} else {
			if ((file = store_path(st, local(c.v[i].path,
			    prefix))) == NULL) {
				cmd_error(_("out of memory"));
				goto done;
			}
			buf_reset(&work);
			if (buf_load(&work, file) != 0) {
				free(file);
				rc = cmd_lib_error();
				goto done;
			}
			free(file);
			buf_putc(&work, '\0');
			if (buf_ok(&work) != 0) {
				cmd_error(_("out of memory"));
				goto done;
			}
			new = work.data;
			newlen = work.len - 1;
		}
		if (show_change(st, &c.v[i], prefix, old, oldlen, new, newlen,
		    j, &n) != CMD_OK)
			goto done;
	}
	if (j != NULL) {
		if (json_end_array(j) != 0 || json_finish(j) != 0) {
			cmd_error(_("out of memory"));
			goto done;
		}
		fwrite(js.data, 1, js.len, stdout);
	} else if (n.added + n.removed + n.changed == 0)
		printf("%s\n", _("no record changed"));
	else {
		putchar('\n');
		/* TRANSLATORS: the counts of records added, changed, removed */
		printf(_("%zu added, %zu changed, %zu removed\n"), n.added,
		    n.changed, n.removed);
	}
	rc = CMD_OK;
done:
	json_free(j);
	if (blobs != NULL)
		gitrec_blobs_free(blobs, 2 * c.n);
	for (i = 0; specs != NULL && i < 2 * c.n; i++)
		free(specs[i]);
	free(specs);
	free(blobs);
	changes_free(&c);
	free(prefix);
	free(base);
	free(split);
	buf_free(&out);
	buf_free(&js);
	buf_free(&work);
	return rc;
}

static const struct opt diff_opts[] = {
	{ "format", 0, OPT_CHOICE, 0, NULL, "text|json", 0, 0,
	  N_("output format (default text)") },
	OPT_END
};

static const struct subcmd diff_subs[] = {
	{ NULL, cmd_diff, diff_opts, "[REV [REV2]]", 0, 2,
	  "[--format text|json] [REV [REV2]]", NULL },
	SUBCMD_END
};

const struct cmd_entry cmd_diff_entry = {
	.name = "diff",
	.desc = N_("which records changed since a commit, field by field"),
	.help = N_("Without REV, the working tree against HEAD (records not "
	    "yet added to git\ncount as added); with REV, against that "
	    "commit; with REV REV2 or REV..REV2,\nbetween two commits; with "
	    "A...B, what B changed since it left A (before\nmerging: "
	    "nerima-cio diff HEAD...origin/main).\n"),
	.subs = diff_subs,
};
