/*
 * nerima-cio __strings: the text of the option tables as a gettext
 * template (POT) on standard output.
 *
 * The descriptions and help of every verb, sub-verb and option live in
 * the tables of cmd/ and are translated where they are printed
 * (cmd/opt.c); xgettext cannot see into a struct initializer, so the
 * program lists them itself, from the same tables its --help reads.
 * po/check merges this with what xgettext finds in the code; a table
 * entry added anywhere is therefore in the catalogue check at once,
 * without an N_() on every line of every table.
 */
#include <stdio.h>
#include <string.h>

#include "cmd.h"
#include "i18n.h"
#include "opt.h"

extern const struct cmd_entry *const cmd_hidden[];

static void
po_str(const char *s)
{
	const unsigned char	*p;

	putchar('"');
	for (p = (const unsigned char *)s; *p != '\0'; p++) {
		switch (*p) {
		case '"':
			fputs("\\\"", stdout);
			break;
		case '\\':
			fputs("\\\\", stdout);
			break;
		case '\n':
			fputs("\\n", stdout);
			break;
		case '\t':
			fputs("\\t", stdout);
			break;
		default:
			putchar(*p);
		}
	}
	putchar('"');
}

/* One entry; "where" names the table, as a location comment. */
static void
entry(const char *where, const char *s)
{
	if (s == NULL || *s == '\0')
		return;
	printf("#: %s\n", where);
	/* printf-like text is never a table entry: no c-format check */
	printf("#, no-c-format\nmsgid ");
	po_str(s);
	printf("\nmsgstr \"\"\n\n");
}

static void
verb(const struct cmd_entry *e)
{
	const struct subcmd	*s;
	const struct opt	*o;
	char			 where[256];

	snprintf(where, sizeof where, "(table):%s", e->name);
	entry(where, e->desc);
	entry(where, e->help);
	for (s = e->subs; s != NULL && s->exec != NULL; s++) {
		snprintf(where, sizeof where, "(table):%s%s%s", e->name,
		    s->name != NULL ? "." : "", s->name != NULL ? s->name : "");
		entry(where, s->desc);
		for (o = s->opts; o != NULL && o->name != NULL; o++)
			entry(where, o->help);
	}
}

static int
cmd_strings(struct cmd_ctx *ctx, struct optv *ov)
{
	const struct cmd_entry *const	*e;

	(void)ctx;
	(void)ov;
	printf("msgid \"\"\nmsgstr \"\"\n"
	    "\"Content-Type: text/plain; charset=UTF-8\\n\"\n\n");
	for (e = cmd_table; *e != NULL; e++)
		verb(*e);
	for (e = cmd_hidden; *e != NULL; e++)
		verb(*e);
	return CMD_OK;
}

static const struct subcmd strings_subs[] = {
	{ NULL, cmd_strings, NULL, NULL, 0, 0, NULL,
	  N_("print the option tables' text as a gettext template") },
	SUBCMD_END
};

const struct cmd_entry cmd_strings_entry = {
	.name = "__strings",
	.desc = N_("print the option tables' text as a gettext template"),
	.subs = strings_subs,
};
