/*
 * nerima-cio log: the history of one record from git -- who changed it,
 * when, and which fields -- newest first, each change summarised field
 * by field ("status: received → decided") rather than as a YAML diff.
 *
 * One 'git log --follow' lists the commits that touched the record's file
 * (across renames: a record moved to another fiscal year keeps its
 * history), one 'git cat-file --batch' reads every version of it, and
 * recdiff compares each version with the one before.  Changes not yet
 * committed come first.
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
#include "record.h"
#include "store.h"

/* One commit that touched the record. */
struct logent {
	const char	*hash, *author, *email, *date, *subject;
	char		 status;	/* A, M, D, R (git's name-status) */
	const char	*path;		/* top-relative, after the commit */
	const char	*oldpath;	/* before it (differs when renamed) */
};

/*
 * Parse 'git log -z --name-status' output made with the format
 * "%x01%H%x00%an%x00%ae%x00%aI%x00%s": NUL-separated fields, each commit
 * starting with \1, its name-status fields after it.  The strings point
 * into out (which is modified).
 */
static int
parse_log(struct logent **out, size_t *nout, char *data, size_t len)
{
	struct logent	*v = NULL, *nv, *e = NULL;
	char		*p = data, *end = data + len, *f[5];
	size_t		 n = 0, i;

	while (p < end) {
		while (p < end && (*p == '\n' || *p == '\0'))
			p++;
		if (p >= end)
			break;
		if (*p == '\001') {
			p++;
			for (i = 0; i < 5; i++) {
				f[i] = p;
				p += strnlen(p, (size_t)(end - p)) + 1;
				if (p > end)
					goto bad;
			}
			if ((nv = realloc(v, (n + 1) * sizeof *v)) == NULL) {
				free(v);
				return cmd_error(_("out of memory"));
			}
			v = nv;
			e = &v[n++];
			memset(e, 0, sizeof *e);
			e->hash = f[0];
			e->author = f[1];
			e->email = f[2];
			e->date = f[3];
			e->subject = f[4];
			continue;
		}
		/* A status ("M", "R100") and its one or two paths. */
		if (e == NULL)
			goto bad;
		e->status = *p;
		p += strnlen(p, (size_t)(end - p)) + 1;
		if (p >= end)
			goto bad;
		e->oldpath = e->path = p;
		p += strnlen(p, (size_t)(end - p)) + 1;
		if (e->status == 'R' || e->status == 'C') {
			if (p >= end)
				goto bad;
			e->path = p;
			p += strnlen(p, (size_t)(end - p)) + 1;
		}
	}
	/* A commit with no file listed (git cannot say): dropped. */
	for (i = 0; i < n;) {
		if (v[i].status == 0) {
			memmove(&v[i], &v[i + 1], (n - i - 1) * sizeof *v);
			n--;
		} else
			i++;
	}
	*out = v;
	*nout = n;
	return CMD_OK;
bad:
	free(v);
	return cmd_error(_("git log: unexpected output"));
}

/* "2026-04-20T10:31:05+09:00" as "2026-04-20 10:31". */
static void
short_date(char *out, size_t size, const char *iso)
{
	if (strlen(iso) >= 16 && iso[10] == 'T')
		snprintf(out, size, "%.10s %.5s", iso, iso + 11);
	else
		snprintf(out, size, "%s", iso);
}

/* The path as the user knows it: relative to the data directory. */
static const char *
local(const char *path, const char *prefix)
{
	size_t	len = strlen(prefix);

	return strncmp(path, prefix, len) == 0 ? path + len : path;
}

struct logview {
	int		 json;
	struct json	*j;
	const char	*prefix;
	const char	*relpath;
};

/*
 * One entry: e is NULL for the changes not yet committed.  old and new
 * are the versions before and after (NULL: none).
 */
static int
show_entry(struct logview *lv, const struct logent *e, const char *old,
    size_t oldlen, const char *new, size_t newlen)
{
	struct recdiff	 d = RECDIFF_INIT;
	struct ydoc	*a = NULL, *b = NULL;
	const char	*what, *path;
	char		 date[32];
	int		 broken, rc;

	path = e != NULL ? local(e->path, lv->prefix) : lv->relpath;
	if ((rc = gitrec_compare(&d, &a, &b, path, old, oldlen, new, newlen,
	    &broken)) != CMD_OK)
		goto done;
	if (old == NULL)
		what = "created";
	else if (new == NULL)
		what = "deleted";
	else if (e != NULL && strcmp(e->path, e->oldpath) != 0)
		what = "moved";
	else
		what = "changed";
	if (lv->json) {
		struct json *j = lv->j;

		if (json_begin_object(j) != 0 || json_key(j, "commit") != 0 ||
		    (e != NULL ? json_value_string(j, e->hash,
		    strlen(e->hash)) : json_value_raw(j, "null")) != 0 ||
		    json_key(j, "author") != 0 ||
		    (e != NULL ? json_value_string(j, e->author,
		    strlen(e->author)) : json_value_raw(j, "null")) != 0 ||
		    json_key(j, "email") != 0 ||
		    (e != NULL ? json_value_string(j, e->email,
		    strlen(e->email)) : json_value_raw(j, "null")) != 0 ||
		    json_key(j, "date") != 0 ||
		    (e != NULL ? json_value_string(j, e->date,
		    strlen(e->date)) : json_value_raw(j, "null")) != 0 ||
		    json_key(j, "subject") != 0 ||
		    (e != NULL ? json_value_string(j, e->subject,
		    strlen(e->subject)) : json_value_raw(j, "null")) != 0 ||
		    json_key(j, "path") != 0 ||
		    json_value_string(j, path, strlen(path)) != 0 ||
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
	if (e != NULL) {
		short_date(date, sizeof date, e->date);
		printf("%s  %s  %.8s  %s\n", date, e->author, e->hash,
		    e->subject);
	} else
		printf("%s\n", _("not committed"));
	if (old == NULL)
		printf("    %s\n", _("created"));
	else if (new == NULL)
		printf("    %s\n", _("deleted"));
	else if (e != NULL && strcmp(e->path, e->oldpath) != 0) {
		fputs("    ", stdout);
		printf(_("moved from %s\n"), local(e->oldpath, lv->prefix));
	}
	if (broken)
		printf("    %s\n", _("(not readable as YAML; see git show)"));
	else
		gitrec_print_changes(stdout, &d, 4);
done:
	recdiff_free(&d);
	ydoc_free(a);
	ydoc_free(b);
	return rc;
}

/* "<rev><suffix>:<path>" for git cat-file, malloc'ed; NULL on no memory. */
static char *
spec(const char *rev, const char *suffix, const char *path)
{
	struct buf	b = BUF_INIT;

	buf_printf(&b, "%s%s:%s", rev, suffix, path);
	if (buf_ok(&b) != 0) {
		buf_free(&b);
		return NULL;
	}
	return buf_detach(&b, NULL);
}

static int
cmd_log(struct cmd_ctx *ctx, struct optv *ov)
{
	static const char *const fmt = "--format=%x01%H%x00%an%x00%ae%x00%aI"
	    "%x00%s";
	struct store		*st;
	struct recref		 ref = { NULL, NULL, NULL, 0 };
	struct logent		*v = NULL;
	struct gitrec_blob	*blobs = NULL;
	struct buf		 out = BUF_INIT, work = BUF_INIT, js = BUF_INIT;
	struct logview		 lv;
	char			**specs = NULL, *prefix = NULL, *path = NULL;
	char			 max[32];
	const char		*args[16], *format = opt_get(ov, "format");
	size_t			 n = 0, i, k;
	long long		 limit = opt_num(ov, "max-count", 0);
	int			 rc = CMD_FAIL, have_work;

	memset(&lv, 0, sizeof lv);
	lv.json = format != NULL && strcmp(format, "json") == 0;
	if ((st = cmd_store(ctx)) == NULL)
		return CMD_FAIL;
	if (cmd_find_record(&ref, st, NULL, ov->argv[0]) != CMD_OK)
		return CMD_FAIL;
	if (gitrec_prefix(&prefix, st) != CMD_OK)
		goto done;
	lv.prefix = prefix;
	lv.relpath = ref.relpath;
	k = 0;
	args[k++] = "log";
	args[k++] = "--follow";
	args[k++] = "-z";
	args[k++] = "--name-status";
	args[k++] = "--diff-merges=first-parent";
	args[k++] = "--no-color";
	args[k++] = fmt;
	if (limit > 0) {
		snprintf(max, sizeof max, "--max-count=%lld", limit);
		args[k++] = max;
	}
	args[k++] = "--";
	args[k++] = ref.relpath;
	args[k] = NULL;
	if (gitrec_run(&out, store_root(st), args, NULL, 0) != CMD_OK ||
	    parse_log(&v, &n, out.data != NULL ? out.data : "", out.len) !=
	    CMD_OK)
		goto done;
	/* Each commit's version and its parent's: 2n specs. */
	if ((specs = calloc(2 * n + 1, sizeof *specs)) == NULL ||
	    (blobs = calloc(2 * n + 1, sizeof *blobs)) == NULL) {
		cmd_error(_("out of memory"));
		goto done;
	}
	for (i = 0; i < n; i++) {
		specs[2 * i] = spec(v[i].hash, "", v[i].path);
		specs[2 * i + 1] = spec(v[i].hash, "^", v[i].oldpath);
		if (specs[2 * i] == NULL || specs[2 * i + 1] == NULL) {
			cmd_error(_("out of memory"));
			goto done;
		}
	}
	if (gitrec_cat(blobs, store_root(st), specs, 2 * n) != CMD_OK)
		goto done;
	if ((path = store_path(st, ref.relpath)) == NULL) {
		cmd_error(_("out of memory"));
		goto done;
	}
	have_work = buf_load(&work, path) == 0;
	if (lv.json) {
		if ((lv.j = json_new(&js)) == NULL ||
		    json_begin_array(lv.j) != 0) {
			cmd_error(_("out of memory"));
			goto done;
		}
	}
	/* Not committed: the working file against the newest version. */
	if (n == 0 || blobs[0].missing || !have_work ||
	    work.len != blobs[0].len ||
	    memcmp(work.data, blobs[0].data, work.len) != 0) {
		if (show_entry(&lv, NULL, n > 0 && !blobs[0].missing ?
		    blobs[0].data : NULL, n > 0 ? blobs[0].len : 0,
		    have_work ? work.data : NULL, work.len) != CMD_OK)
			goto done;
		if (!lv.json && n > 0)
			putchar('\n');
	}
	for (i = 0; i < n; i++) {
		if (show_entry(&lv, &v[i],
		    v[i].status == 'A' || blobs[2 * i + 1].missing ? NULL :
		    blobs[2 * i + 1].data, blobs[2 * i + 1].len,
		    v[i].status == 'D' || blobs[2 * i].missing ? NULL :
		    blobs[2 * i].data, blobs[2 * i].len) != CMD_OK)
			goto done;
		if (!lv.json && i + 1 < n)
			putchar('\n');
	}
	if (lv.json) {
		if (json_end_array(lv.j) != 0 || json_finish(lv.j) != 0) {
			cmd_error(_("out of memory"));
			goto done;
		}
		fwrite(js.data, 1, js.len, stdout);
	}
	rc = CMD_OK;
done:
	json_free(lv.j);
	if (blobs != NULL)
		gitrec_blobs_free(blobs, 2 * n);
	for (i = 0; specs != NULL && i < 2 * n; i++)
		free(specs[i]);
	free(specs);
	free(blobs);
	free(v);
	free(prefix);
	free(path);
	buf_free(&out);
	buf_free(&work);
	buf_free(&js);
	free(ref.id);
	free(ref.relpath);
	return rc;
}

static const struct opt log_opts[] = {
	{ "max-count", 'n', OPT_INT, 0, NULL, NULL, 1, 1000000,
	  N_("show the N latest changes only") },
	{ "format", 0, OPT_CHOICE, 0, NULL, "text|json", 0, 0,
	  N_("output format (default text)") },
	OPT_END
};

static const struct subcmd log_subs[] = {
	{ NULL, cmd_log, log_opts, "ID", 1, 1,
	  "[-n N] [--format text|json] ID", NULL },
	SUBCMD_END
};

const struct cmd_entry cmd_log_entry = {
	.name = "log",
	.desc = N_("the history of a record: who changed which field, when"),
	.help = N_("ID is a record id or a unique prefix of it.  Each change "
	    "is shown with\nits date, author and commit, and what it did to "
	    "the record field by field;\nchanges not yet committed come "
	    "first.  The data directory must be in git.\n"),
	.subs = log_subs,
};
