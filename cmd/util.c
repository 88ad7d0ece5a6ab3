/*
 * What every verb shares: usage and error printing, sub-verb dispatch,
 * finding the data directory.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "cmd.h"
#include "diag.h"
#include "record.h"
#include "store.h"

int
cmd_usage(const struct cmd_entry *e, FILE *fp, int full)
{
	const char	*p, *nl;
	int		 first = 1;

	for (p = e->usage; *p != '\0'; p = nl + (*nl != '\0')) {
		nl = strchr(p, '\n');
		if (nl == NULL)
			nl = p + strlen(p);
		fprintf(fp, "%s%.*s\n", first ? "usage: " : "   or: ",
		    (int)(nl - p), p);
		first = 0;
	}
	if (full) {
		fprintf(fp, "\n%s\n", e->desc);
		if (e->help != NULL && *e->help != '\0')
			fprintf(fp, "\n%s", e->help);
	}
	return CMD_OK;
}

int
cmd_bad_usage(const struct cmd_entry *e, const char *fmt, ...)
{
	va_list	ap;

	if (fmt != NULL) {
		fputs("nerima-cio: ", stderr);
		va_start(ap, fmt);
		vfprintf(stderr, fmt, ap);
		va_end(ap);
		fputc('\n', stderr);
	}
	cmd_usage(e, stderr, 0);
	return CMD_USAGE;
}

int
cmd_error(const char *fmt, ...)
{
	va_list	ap;

	fputs("nerima-cio: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
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

	fputs("nerima-cio: warning: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

int
cmd_is_help(const char *arg)
{
	return strcmp(arg, "-h") == 0 || strcmp(arg, "--help") == 0;
}

int
cmd_dispatch(const struct cmd_entry *e, const struct cmd_sub *subs,
    struct cmd_ctx *ctx, int argc, char **argv)
{
	const struct cmd_sub	*s;
	int			 i;

	if (argc < 2)
		return cmd_bad_usage(e, NULL);
	for (i = 1; i < argc && strcmp(argv[i], "--") != 0; i++) {
		if (cmd_is_help(argv[i]))
			return cmd_usage(e, stdout, 1);
	}
	for (s = subs; s->name != NULL; s++) {
		if (strcmp(s->name, argv[1]) == 0)
			return s->exec(e, ctx, argc - 1, argv + 1);
	}
	return cmd_bad_usage(e, "'%s %s' is not a command", e->name, argv[1]);
}

struct store *
cmd_store(struct cmd_ctx *ctx)
{
	if (ctx->store == NULL && store_open(&ctx->store, ctx->dir) != 0) {
		if (error_code() == NC_ENODIR)
			cmd_error("%s (run 'nerima-cio init DIR' to create one,"
			    " or use -C DIR)", error_last());
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

int
cmd_load_record(struct record **out, struct recref *ref, struct store *st,
    const char *prefix, const char *kind)
{
	struct diags	d = DIAGS_INIT;
	int		rc = CMD_OK;

	*out = NULL;
	if (cmd_find_record(ref, st, prefix) != CMD_OK)
		return CMD_FAIL;
	if (kind != NULL && strcmp(schema_kind(ref->kind), kind) != 0)
		return cmd_error("'%s' is a %s record, not a %s", ref->id,
		    schema_kind(ref->kind), kind);
	if (record_load(out, st, ref, &d) != 0) {
		cmd_print_diags(stderr, &d);
		rc = cmd_error("cannot read %s: %s", ref->id, error_last());
	}
	diags_free(&d);
	return rc;
}

int
cmd_save_record(struct store *st, struct record *r)
{
	struct diags	d = DIAGS_INIT;
	int		rc = CMD_OK;

	if (record_save(st, r, &d) != 0) {
		cmd_print_diags(stderr, &d);
		rc = cmd_error("cannot save %s: %s", record_id(r) != NULL ?
		    record_id(r) : r->relpath, error_last());
	}
	diags_free(&d);
	return rc;
}
