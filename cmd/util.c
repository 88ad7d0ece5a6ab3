/*
 * What every verb shares: error printing, finding the data directory and
 * records, running a sub-verb from its option table (opt.h), changing a
 * record, the export convention.
 */
#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "buf.h"
#include "cmd.h"
#include "deliverable.h"
#include "i18n.h"
#include "opt.h"
#include "diag.h"
#include "fileio.h"
#include "record.h"
#include "store.h"
#include "zipenc.h"

static void
vmessage(const char *lead, const char *fmt, va_list ap)
{
	fputs(lead, stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
}

int
cmd_error(const char *fmt, ...)
{
	va_list	ap;

	va_start(ap, fmt);
	vmessage("nerima-cio: ", fmt, ap);
	va_end(ap);
	return CMD_FAIL;
}

int
cmd_lib_error(void)
{
	return cmd_error("%s", error_last());
}

void
cmd_warn(const char *fmt, ...)
{
	va_list	ap;

	va_start(ap, fmt);
	vmessage(_("nerima-cio: warning: "), fmt, ap);
	va_end(ap);
}

int
cmd_is_help(const char *arg)
{
	return strcmp(arg, "-h") == 0 || strcmp(arg, "--help") == 0;
}

struct store *
cmd_store(struct cmd_ctx *ctx)
{
	if (ctx->store == NULL && store_open(&ctx->store, ctx->dir) != 0) {
		if (error_code() == NC_ENODIR)
			cmd_error(_("%s (run 'nerima-cio init DIR' to create "
			    "one, or use -C DIR)"), error_last());
		else
			cmd_lib_error();
		return NULL;
	}
	return ctx->store;
}

struct store *
cmd_store_optional(struct cmd_ctx *ctx)
{
	if (ctx->store == NULL && store_open(&ctx->store, ctx->dir) != 0)
		return NULL;
	return ctx->store;
}

size_t
cmd_print_diags(FILE *fp, const struct diags *d)
{
	size_t			 i;
	const struct diag	*g;

	for (i = 0; i < d->n; i++) {
		g = &d->v[i];
		if (g->line != 0)
			fprintf(fp, "%s:%u:%u: %s\n", g->path, g->line,
			    g->col, g->msg);
		else
			fprintf(fp, "%s: %s\n", g->path, g->msg);
	}
	return d->n;
}

/* Candidates listed for an ambiguous prefix; the rest are counted. */
#define CANDIDATES_MAX	10

int
cmd_find_record(struct recref *out, struct store *st, const char *kind,
    const char *prefix)
{
	struct reclist		 m = RECLIST_INIT;
	const struct schema	*ks = NULL;
	struct record		*r;
	const char		*title;
	size_t			 i;
	int			 rc;

	if (kind != NULL && store_kind(&ks, st, kind) != 0)
		return cmd_lib_error();
	if ((rc = store_find(out, &m, st, ks, prefix)) == 0)
		return CMD_OK;
	cmd_lib_error();
	if (rc == NC_EAMBIGUOUS) {
		fputs(_("candidates:\n"), stderr);
		for (i = 0; i < m.n && i < CANDIDATES_MAX; i++) {
			title = NULL;
			r = NULL;
			if (schema_title_field(m.v[i].kind) != NULL &&
			    record_load_fields(&r, st, &m.v[i], NULL,
			    (const char *[]){ schema_title_field(m.v[i].kind) },
			    1) == 0)
				title = record_field(r,
				    schema_title_field(m.v[i].kind));
			fprintf(stderr, "  %s  %s  %s\n", m.v[i].id,
			    m.v[i].relpath, title != NULL ? title : "");
			record_free(r);
		}
		if (m.n > CANDIDATES_MAX)
			fprintf(stderr, _("  ... and %zu more; type more of "
			    "the id\n"), m.n - CANDIDATES_MAX);
	}
	reclist_free(&m);
	return CMD_FAIL;
}

int
cmd_load_record(struct record **out, struct recref *ref, struct store *st,
    const char *prefix, const char *kind)
{
	struct diags	d = DIAGS_INIT;
	int		rc = CMD_OK;

	*out = NULL;
	if (cmd_find_record(ref, st, kind, prefix) != CMD_OK)
		return CMD_FAIL;
	if (record_load(out, st, ref, &d) != 0) {
		cmd_print_diags(stderr, &d);
		rc = cmd_error(_("cannot read %s: %s"), ref->id, error_last());
	}
	diags_free(&d);
	return rc;
}

int
cmd_read_record(struct record **out, struct cmd_ctx *ctx, const char *kind,
    const char *prefix)
{
	struct store	*st;
	struct recref	 ref = { NULL, NULL, NULL, 0 };
	int		 rc;

	*out = NULL;
	if ((st = cmd_store(ctx)) == NULL)
		return CMD_FAIL;
	rc = cmd_load_record(out, &ref, st, prefix, kind);
	free(ref.id);
	free(ref.relpath);
	return rc;
}

int
cmd_edit_record(struct record **out, struct cmd_ctx *ctx, const char *kind,
    const char *prefix, cmd_edit_fn edit, void *arg)
{
	return cmd_edit_record_as(out, ctx, kind, prefix, edit, arg, 0);
}

int
cmd_edit_record_as(struct record **out, struct cmd_ctx *ctx, const char *kind,
    const char *prefix, cmd_edit_fn edit, void *arg, unsigned flags)
{
	struct store	*st;
	struct recref	 ref = { NULL, NULL, NULL, 0 };
	struct diags	 d = DIAGS_INIT;
	struct record	*r = NULL;
	int		 rc;

	if (out != NULL)
		*out = NULL;
	if ((st = cmd_store(ctx)) == NULL)
		return CMD_FAIL;
	if (cmd_find_record(&ref, st, kind, prefix) != CMD_OK)
		return CMD_FAIL;
	rc = record_edit(&r, st, &ref, edit, arg, &d);
	if (rc == 0 && !(flags & CMD_EDIT_QUIET))
		fprintf(stderr, _("updated %s/%s\n"), store_root(st),
		    ref.relpath);
	else if (rc == RECORD_EDIT_NOCHANGE && !(flags & CMD_EDIT_QUIET))
		fprintf(stderr, _("%s unchanged\n"), ref.id);
	else if (rc < 0) {
		cmd_print_diags(stderr, &d);
		cmd_error(_("cannot save %s: %s"), ref.id, error_last());
	}
	diags_free(&d);
	free(ref.id);
	free(ref.relpath);
	if (rc != 0 && rc != RECORD_EDIT_NOCHANGE) {
		record_free(r);
		return CMD_FAIL;
	}
	if (out != NULL)
		*out = r;
	else
		record_free(r);
	return CMD_OK;
}

static int
has_opt(const struct opt *o, const char *name)
{
	for (; o != NULL && o->name != NULL; o++)
		if (strcmp(o->name, name) == 0)
			return 1;
	return 0;
}

int
cmd_run(const struct cmd_entry *e, struct cmd_ctx *ctx, int argc, char **argv)
{
	const struct subcmd	*s = e->subs;
	struct subcmd		 dyn;
	struct opt		*table = NULL;
	const char		*words[64];
	const char		*near;
	struct optv		 ov;
	size_t			 i;
	int			 rc, help = 0;

	if (s->name != NULL) {
		if (argc < 2)
			return opt_bad_usage(e, NULL, NULL);
		if (cmd_is_help(argv[1])) {
			opt_help(stdout, e, NULL);
			return CMD_OK;
		}
		for (; s->exec != NULL; s++)
			if (strcmp(s->name, argv[1]) == 0)
				break;
		if (s->exec == NULL) {
			for (i = 0; e->subs[i].exec != NULL && i < 63; i++)
				words[i] = e->subs[i].name;
			words[i] = NULL;
			fprintf(stderr, "nerima-cio: ");
			if ((near = opt_nearest(argv[1], words)) != NULL)
				fprintf(stderr, _("'%s %s' is not a command; "
				    "did you mean '%s %s'?\n"), e->name,
				    argv[1], e->name, near);
			else
				fprintf(stderr, _("'%s %s' is not a command\n"),
				    e->name, argv[1]);
			opt_usage(stderr, e, NULL);
			return CMD_USAGE;
		}
		argc--;
		argv++;
	}
	for (i = 1; i < (size_t)argc && strcmp(argv[i], "--") != 0; i++)
		if (cmd_is_help(argv[i]))
			help = 1;
	/* A table made at run time, from the data directory's schemas. */
	if (e->sub_opts != NULL) {
		if ((rc = e->sub_opts(&table, ctx, s)) < 0) {
			table = NULL;
			if (!help) {
				if (cmd_store(ctx) != NULL)
					cmd_lib_error();
				return CMD_FAIL;
			}
			error_clear();
		} else if (rc > 0) {
			dyn = *s;
			dyn.opts = table;
			s = &dyn;
		}
	}
	if (help) {
		opt_help(stdout, e, s);
		opt_table_free(table);
		return CMD_OK;
	}
	if ((rc = opt_parse(&ov, e, s, ctx, argc, argv)) == 0) {
		if (has_opt(s->opts, "zip") && (opt_has(&ov, "zip") ||
		    opt_has(&ov, "password-file")))
			rc = cmd_zip_exec(ctx, &ov, s->exec);
		else
			rc = s->exec(ctx, &ov);
		optv_free(&ov);
	}
	opt_table_free(table);
	return rc;
}

/* Files an export has written, for the report at the end. */
static char	**export_v;
static size_t	  export_n;

/* mkdir -p */
static int
make_dirs(const char *dir)
{
	char	*p, *s;
	int	 rc = 0;

	if ((p = strdup(dir)) == NULL)
		return cmd_error(_("out of memory"));
	for (s = p + 1; rc == 0; s++) {
		if (*s != '/' && *s != '\0')
			continue;
		char c = *s;

		*s = '\0';
		if (mkdir(p, 0777) != 0 && errno != EEXIST)
			rc = cmd_error(_("cannot make the folder '%s': %s"), p,
			    strerror(errno));
		*s = c;
		if (c == '\0')
			break;
	}
	free(p);
	return rc;
}

/*
 * The most bytes a default file name takes: NAME_MAX (255) less the
 * suffixes the export and fileio put on it while writing (".tmp<pid>-<n>",
 * then ".tmpbakXXXXXX": a record's 200-character title made a name of
 * 247 bytes that could not be written), and about 66 Japanese characters,
 * which Explorer shows.
 */
#define CMD_NAME_MAX	200

/*
 * A file name Windows and Teams accept: \ / : * ? " < > | replaced; a
 * name longer than CMD_NAME_MAX cut at a character before its extension,
 * marked with …
 */
static void
safe_name(struct buf *b, const char *name)
{
	const char	*p, *dot = strrchr(name, '.'), *end;
	size_t		 len = strlen(name), ext;

	ext = dot != NULL && strlen(dot) <= 8 ? strlen(dot) : 0;
	end = name + len - ext;
	if (len > CMD_NAME_MAX) {
		end = name + CMD_NAME_MAX - ext - strlen("…");
		while (end > name && ((unsigned char)*end & 0xC0) == 0x80)
			end--;
	}
	for (p = name; p < end; p++) {
		if (strchr("\\/:*?\"<>|", *p) != NULL ||
		    (unsigned char)*p < 0x20)
			buf_putc(b, '_');
		else
			buf_putc(b, *p);
	}
	if (len > CMD_NAME_MAX)
		buf_puts(b, "…");
	buf_puts(b, name + len - ext);
}

/* The private folder of the zip being made (cmd_zip_exec()). */
static char	*zip_stage;
/* Exports run by another command (report bundle) say nothing. */
static int	 export_quiet;

void
cmd_export_set_quiet(int quiet)
{
	export_quiet = quiet;
}

static int	zip_path(char **, const char *, const char *, int);

int
cmd_export_path(char **out, const char *o, const char *name, int several)
{
	struct buf	 b = BUF_INIT;
	struct stat	 sb;
	size_t		 len;
	int		 isdir;

	*out = NULL;
	if (zip_stage != NULL)
		return zip_path(out, o, name, several);
	len = o != NULL ? strlen(o) : 0;
	isdir = o == NULL || (len > 0 && o[len - 1] == '/') ||
	    (stat(o, &sb) == 0 && S_ISDIR(sb.st_mode));
	if (!isdir && several)
		return cmd_error(_("-o %s: this export writes several files; "
		    "give a folder (end it with '/')"), o);
	if (o != NULL && isdir) {
		if (make_dirs(o) != 0)
			return CMD_FAIL;
		buf_puts(&b, o);
		if (o[len - 1] != '/')
			buf_putc(&b, '/');
		safe_name(&b, name);
	} else if (o != NULL) {
		char *slash = strrchr(o, '/');

		if (slash != NULL && slash != o) {
			char *dir = strndup(o, (size_t)(slash - o));

			if (dir == NULL || make_dirs(dir) != 0) {
				free(dir);
				return CMD_FAIL;
			}
			free(dir);
		}
		buf_puts(&b, o);
	} else
		safe_name(&b, name);
	if (buf_ok(&b) != 0)
		return cmd_lib_error();
	*out = buf_detach(&b, NULL);
	return CMD_OK;
}

int
cmd_export_begin(void)
{
	if (fileio_defer_begin() != 0)
		return cmd_lib_error();
	return CMD_OK;
}

/* Record a path an export wrote (called by cmd_export_note()). */
int
cmd_export_note(const char *path)
{
	char	**nv;

	if ((nv = realloc(export_v, (export_n + 1) * sizeof *nv)) == NULL ||
	    (nv[export_n] = strdup(path)) == NULL) {
		if (nv != NULL)
			export_v = nv;
		return cmd_error(_("out of memory"));
	}
	export_v = nv;
	export_n++;
	return CMD_OK;
}

int
cmd_export_end(int ok)
{
	size_t	i;
	int	rc = CMD_OK;

	if (!ok)
		fileio_defer_abort();
	else if (fileio_defer_commit() != 0)
		rc = cmd_error(_("nothing was written: %s"), error_last());
	for (i = 0; i < export_n; i++) {
		/* In a zip's private folder, the zip is what was written. */
		if (ok && rc == CMD_OK && zip_stage == NULL && !export_quiet)
			fprintf(stderr, "%s\n", export_v[i]);
		free(export_v[i]);
	}
	free(export_v);
	export_v = NULL;
	export_n = 0;
	return ok ? rc : CMD_FAIL;
}

char *
cmd_export_name(const char *doc, const char *subject, const char *ext)
{
	struct buf	 b = BUF_INIT;
	size_t		 n;

	buf_puts(&b, doc);
	if (subject != NULL && *subject != '\0') {
		/* Some 60 characters of subject: a name Explorer can show. */
		n = strlen(subject);
		if (n > 180) {
			n = 180;
			while (n > 0 && ((unsigned char)subject[n] & 0xC0) ==
			    0x80)
				n--;
		}
		buf_putc(&b, '_');
		buf_add(&b, subject, n);
	}
	buf_puts(&b, ext);
	if (buf_ok(&b) != 0) {
		buf_free(&b);
		return NULL;
	}
	return buf_detach(&b, NULL);
}

static const char *
extension(const char *path)
{
	const char	*slash = strrchr(path, '/'), *dot = strrchr(path, '.');

	return dot != NULL && (slash == NULL || dot > slash) ? dot : "";
}

int
cmd_export_docs(const char *o, const struct cmd_export_doc *docs, size_t n)
{
	struct buf	 data = BUF_INIT;
	struct stat	 sb;
	char		**path = NULL, **stage = NULL;
	size_t		 i, k, done = 0;
	int		 rc = CMD_FAIL, ok = 1;

	if (n == 0)
		return CMD_OK;
	if ((path = calloc(n, sizeof *path)) == NULL ||
	    (stage = calloc(n, sizeof *stage)) == NULL) {
		free(path);
		return cmd_error(_("out of memory"));
	}
	/* -o naming one file: of the document's kind. */
	if (n == 1 && o != NULL && *o != '\0' && o[strlen(o) - 1] != '/' &&
	    (stat(o, &sb) != 0 || !S_ISDIR(sb.st_mode)) &&
	    strcmp(extension(o), extension(docs[0].name)) != 0) {
		cmd_error(_("-o %s: this document is a %s file"), o,
		    extension(docs[0].name));
		rc = CMD_USAGE;
		goto done;
	}
	for (i = 0; i < n; i++) {
		if (cmd_export_path(&path[i], o, docs[i].name, n > 1) !=
		    CMD_OK)
			goto done;
		for (k = 0; k < i; k++) {
			if (strcmp(path[k], path[i]) == 0) {
				cmd_error(_("two documents would be written to "
				    "'%s'; export them one at a time"),
				    path[i]);
				goto done;
			}
		}
	}
	/*
	 * Every document is made first, beside its place, so that the
	 * files go in together or not at all whatever each writer does.
	 */
	for (i = 0; i < n; i++) {
		if ((stage[i] = malloc(strlen(path[i]) + 32)) == NULL) {
			cmd_error(_("out of memory"));
			goto done;
		}
		snprintf(stage[i], strlen(path[i]) + 32, "%s.tmp%ld-%zu",
		    path[i], (long)getpid(), i);
		done = i + 1;
		if (docs[i].write(stage[i], docs[i].arg) != 0) {
			cmd_error("%s: %s", path[i], error_last());
			goto done;
		}
	}
	if (cmd_export_begin() != CMD_OK)
		goto done;
	for (i = 0; i < n && ok; i++) {
		buf_reset(&data);
		if (buf_load(&data, stage[i]) != 0 ||
		    fileio_write_atomic(path[i], data.data != NULL ?
		    data.data : "", data.len) != 0 ||
		    cmd_export_note(path[i]) != CMD_OK) {
			cmd_error("%s: %s", path[i], error_last());
			ok = 0;
		}
	}
	rc = cmd_export_end(ok);
done:
	for (i = 0; i < done; i++)
		unlink(stage[i]);
	for (i = 0; i < n; i++) {
		free(path[i]);
		free(stage[i]);
	}
	free(path);
	free(stage);
	buf_free(&data);
	return rc;
}

/* ---- protected attachments ------------------------------------------ */

int
cmd_remove_tree(const char *path)
{
	struct buf	 sub = BUF_INIT;
	struct dirent	*de;
	struct stat	 sb;
	DIR		*dp;
	int		 rc = 0;

	if (lstat(path, &sb) != 0)
		return errno == ENOENT ? 0 : -1;
	if (!S_ISDIR(sb.st_mode))
		return unlink(path);
	if ((dp = opendir(path)) == NULL)
		return -1;
	while ((de = readdir(dp)) != NULL) {
		if (strcmp(de->d_name, ".") == 0 ||
		    strcmp(de->d_name, "..") == 0)
			continue;
		buf_reset(&sub);
		buf_printf(&sub, "%s/%s", path, de->d_name);
		if (buf_ok(&sub) != 0 || cmd_remove_tree(sub.data) != 0)
			rc = -1;
	}
	closedir(dp);
	buf_free(&sub);
	if (rmdir(path) != 0)
		rc = -1;
	return rc;
}

const char *
cmd_zip_stage(void)
{
	return zip_stage;
}

/* An export's path inside the zip's private folder. */
static int
zip_path(char **out, const char *o, const char *name, int several)
{
	struct buf	 b = BUF_INIT;
	char		*stage = zip_stage;
	int		 rc;

	if (o != NULL && (o[0] == '/' || strcmp(o, "..") == 0 ||
	    strncmp(o, "../", 3) == 0 || strstr(o, "/../") != NULL ||
	    (strlen(o) >= 3 && strcmp(o + strlen(o) - 3, "/..") == 0)))
		return cmd_error(_("-o %s: with --zip, -o names the file or "
		    "folder inside the zip; give a relative path without "
		    "'..'"), o);
	buf_printf(&b, "%s/%s", stage, o != NULL ? o : "");
	if (buf_ok(&b) != 0)
		return cmd_lib_error();
	zip_stage = NULL;
	rc = cmd_export_path(out, b.data, name, several);
	zip_stage = stage;
	buf_free(&b);
	return rc;
}

/* Whether path lies in the data directory (shared through git). */
static int
in_data_dir(struct cmd_ctx *ctx, const char *path)
{
	struct store	*st;
	char		*rel = NULL;
	int		 in;

	if ((st = cmd_store_optional(ctx)) == NULL)
		return 0;
	in = deliverable_relpath(&rel, st, path) == 0;
	free(rel);
	error_clear();
	return in;
}

int
cmd_zip_exec(struct cmd_ctx *ctx, struct optv *ov,
    int (*exec)(struct cmd_ctx *, struct optv *))
{
	const char	*zip = opt_get(ov, "zip");
	const char	*pwf = opt_get(ov, "password-file");
	const char	*slash;
	char		*pw = NULL, *stage = NULL, *dir = NULL;
	size_t		 len, n;
	int		 rc = CMD_FAIL;

	if (zip == NULL || pwf == NULL)
		return opt_bad_usage(ov->entry, ov->sub, _("--zip and "
		    "--password-file go together"));
	len = strlen(zip);
	if (len < 5 || strcasecmp(zip + len - 4, ".zip") != 0)
		return opt_bad_usage(ov->entry, ov->sub, _("--zip %s: the "
		    "file's name must end in .zip"), zip);
	if (in_data_dir(ctx, pwf))
		return cmd_error(_("password file '%s' is in the data "
		    "directory, which is shared through git: keep it outside "
		    "(in your home folder, say) and choose a new password"),
		    pwf);
	/* Checked before anything is made; read again only to encrypt. */
	if (zipenc_password_load(&pw, pwf) != 0)
		return cmd_lib_error();
	zipenc_password_free(pw);
	pw = NULL;
	slash = strrchr(zip, '/');
	if ((dir = slash == NULL ? strdup(".") : slash == zip ? strdup("/") :
	    strndup(zip, (size_t)(slash - zip))) == NULL)
		return cmd_error(_("out of memory"));
	if (make_dirs(dir) != CMD_OK)
		goto done;
	if ((stage = malloc(strlen(dir) + 32)) == NULL) {
		rc = cmd_error(_("out of memory"));
		goto done;
	}
	snprintf(stage, strlen(dir) + 32, "%s/.nerima-cio-zip.XXXXXX", dir);
	if (mkdtemp(stage) == NULL) {
		rc = cmd_error(_("cannot make a private folder beside '%s': %s"),
		    zip, strerror(errno));
		free(stage);
		stage = NULL;
		goto done;
	}
	zip_stage = stage;
	rc = exec(ctx, ov);
	zip_stage = NULL;
	if (rc != CMD_OK)
		goto done;
	if (zipenc_password_load(&pw, pwf) != 0)
		rc = cmd_lib_error();
	else if (zipenc_write_dir(zip, stage, pw, &n) != 0)
		rc = cmd_error(_("'%s' was not written: %s"), zip,
		    error_last());
	else
		fprintf(stderr, "%s\n", zip);
	zipenc_password_free(pw);
done:
	if (stage != NULL && cmd_remove_tree(stage) != 0)
		cmd_warn(_("cannot remove the private folder '%s': remove it "
		    "yourself, it holds the files unencrypted"), stage);
	free(stage);
	free(dir);
	return rc;
}
