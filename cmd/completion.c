/*
 * Shell completion, from the option tables.
 *
 *	nerima-cio completion bash|zsh [-o FILE]
 *	nerima-cio __complete -- WORD...
 *
 * The scripts 'completion' prints are thin: on every Tab they run
 * '__complete' with the words typed so far (the last one being completed,
 * maybe empty), which prints one candidate a line -- verbs, sub-verbs,
 * options of the sub-verb's struct opt table, values of an option by its
 * type (schema enums, choices, organisation codes, member ids, record ids
 * of the verb's kind), record ids for an ID argument -- or a single line
 * "!files" / "!dirs" asking the shell to complete file or folder names.
 * Because the candidates come from the same tables as the usage lines,
 * completion cannot drift from the program.  A verb not yet on option
 * tables completes its name and what its usage lines show (sub-verbs and
 * options).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "cal.h"
#include "cmd.h"
#include "fileio.h"
#include "i18n.h"
#include "node.h"
#include "opt.h"
#include "schema.h"
#include "store.h"
#include "strmap.h"

extern const struct cmd_entry *const cmd_hidden[];

static const char bash_script[] =
    "# bash completion for nerima-cio               -*- shell-script -*-\n"
    "# Written by 'nerima-cio completion bash'.  The candidates come from\n"
    "# the program ('nerima-cio __complete -- WORD...'), from the option\n"
    "# tables its usage lines come from, so they follow every new verb.\n"
    "_nerima_cio()\n"
    "{\n"
    "\tlocal cur=${COMP_WORDS[COMP_CWORD]} c IFS=$'\\n'\n"
    "\tlocal -a out\n"
    "\tCOMPREPLY=()\n"
    "\tout=($(command \"${COMP_WORDS[0]}\" __complete -- \\\n"
    "\t    \"${COMP_WORDS[@]:1:COMP_CWORD}\" 2>/dev/null)) || return 0\n"
    "\t# Bash splits --opt=value at '='; right after it the word is '='.\n"
    "\tlocal eq=\n"
    "\tif [ \"$cur\" = = ]; then\n"
    "\t\teq==\n"
    "\t\tcur=\n"
    "\tfi\n"
    "\tcase ${out[0]-} in\n"
    "\t'!dirs')\n"
    "\t\tcompopt -o filenames 2>/dev/null\n"
    "\t\tCOMPREPLY=($(compgen -d -- \"$cur\"))\n"
    "\t\t[ -n \"$eq\" ] && COMPREPLY=(\"${COMPREPLY[@]/#/=}\")\n"
    "\t\treturn 0 ;;\n"
    "\t'!files')\n"
    "\t\tcompopt -o filenames 2>/dev/null\n"
    "\t\tCOMPREPLY=($(compgen -f -- \"$cur\"))\n"
    "\t\t[ -n \"$eq\" ] && COMPREPLY=(\"${COMPREPLY[@]/#/=}\")\n"
    "\t\treturn 0 ;;\n"
    "\tesac\n"
    "\t# A name with a space (a member's) stays one word.\n"
    "\tfor c in \"${out[@]}\"; do\n"
    "\t\tCOMPREPLY+=(\"$eq${c// /\\\\ }\")\n"
    "\tdone\n"
    "\treturn 0\n"
    "}\n"
    "complete -F _nerima_cio nerima-cio\n";

static const char zsh_script[] =
    "#compdef nerima-cio\n"
    "# zsh completion for nerima-cio, written by 'nerima-cio completion\n"
    "# zsh'.  The candidates come from the program ('nerima-cio\n"
    "# __complete -- WORD...'), from the option tables its usage lines\n"
    "# come from, so they follow every new verb.\n"
    "_nerima-cio() {\n"
    "\tlocal -a out\n"
    "\tout=(\"${(@f)$(${words[1]} __complete -- \\\n"
    "\t    \"${(@)words[2,CURRENT]}\" 2>/dev/null)}\")\n"
    "\tcase ${out[1]-} in\n"
    "\t'!files') _files ;;\n"
    "\t'!dirs') _files -/ ;;\n"
    "\t'') return 1 ;;\n"
    "\t*) compadd -U -- \"${out[@]}\" ;;\n"
    "\tesac\n"
    "}\n"
    "if [ \"${funcstack[1]}\" = _nerima-cio ]; then\n"
    "\t_nerima-cio \"$@\"\n"
    "else\n"
    "\tcompdef _nerima-cio nerima-cio\n"
    "fi\n";

static int
write_script(struct optv *ov, const char *script)
{
	const char	*path = opt_get(ov, "output");

	if (path == NULL) {
		fputs(script, stdout);
		return CMD_OK;
	}
	if (fileio_write_atomic(path, script, strlen(script)) != 0)
		return cmd_lib_error();
	return CMD_OK;
}

static int
completion_bash(struct cmd_ctx *ctx, struct optv *ov)
{
	(void)ctx;
	return write_script(ov, bash_script);
}

static int
completion_zsh(struct cmd_ctx *ctx, struct optv *ov)
{
	(void)ctx;
	return write_script(ov, zsh_script);
}

static const struct opt script_opts[] = {
	{ "output", 'o', OPT_PATH, 0, "FILE", NULL, 0, 0,
	  N_("write the script to FILE instead of standard output") },
	OPT_END
};

static const struct subcmd completion_subs[] = {
	{ "bash", completion_bash, script_opts, "", 0, 0, NULL,
	  N_("print the bash completion script") },
	{ "zsh", completion_zsh, script_opts, "", 0, 0, NULL,
	  N_("print the zsh completion script") },
	SUBCMD_END
};

const struct cmd_entry cmd_completion_entry = {
	.name = "completion",
	.desc = N_("print a shell completion script"),
	.help = N_("Load it in the running shell with\n"
	    "   source <(nerima-cio completion bash)\n"
	    "An install puts both scripts where bash-completion and zsh look.\n"),
	.subs = completion_subs,
};

/*
 * Candidates, each once, printed by cands_print(); the current word
 * filters them.
 */
struct cands {
	const char	*cur;		/* the word being completed */
	char		 lead[80];	/* printed before each ("--format=") */
	char		**v;
	size_t		 n, cap;
	struct strmap	*seen;
};

/* Add s unless it is there already (out of memory: dropped). */
static void
cand_add(struct cands *c, const char *s)
{
	char	*d, **nv;

	if (c->seen == NULL && (c->seen = strmap_new()) == NULL)
		return;
	if (strmap_get(c->seen, s) != NULL)
		return;
	if (c->n == c->cap) {
		if ((nv = realloc(c->v, (c->cap * 2 + 16) * sizeof *nv)) ==
		    NULL)
			return;
		c->v = nv;
		c->cap = c->cap * 2 + 16;
	}
	if ((d = strdup(s)) == NULL)
		return;
	if (strmap_put(c->seen, d, d) != 0) {
		free(d);
		return;
	}
	c->v[c->n++] = d;
}

/* Add s when it starts with the current word. */
static void
cand(struct cands *c, const char *s)
{
	if (s != NULL && strncmp(s, c->cur, strlen(c->cur)) == 0)
		cand_add(c, s);
}

/* Print and free. */
static void
cands_print(struct cands *c)
{
	size_t	i;

	for (i = 0; i < c->n; i++) {
		if (c->v[i][0] == '!')
			printf("%s\n", c->v[i]);	/* "!files", "!dirs" */
		else
			printf("%s%s\n", c->lead, c->v[i]);
		free(c->v[i]);
	}
	free(c->v);
	strmap_free(c->seen);
}

/* Like cand() with s of len bytes. */
static void
cand_n(struct cands *c, const char *s, size_t len)
{
	char	w[128];

	if (len >= sizeof w)
		return;
	memcpy(w, s, len);
	w[len] = '\0';
	cand(c, w);
}

/* Whether s starts with a byte outside ASCII: Japanese, matched to names. */
static int
non_ascii(const char *s)
{
	return (unsigned char)s[0] >= 0x80;
}

static void
cand_choices(struct cands *c, const char *values)
{
	const char	*p = values, *bar;

	while (p != NULL && *p != '\0') {
		bar = strchr(p, '|');
		cand_n(c, p, bar != NULL ? (size_t)(bar - p) : strlen(p));
		p = bar != NULL ? bar + 1 : NULL;
	}
}

static void
cand_enum(struct cands *c, struct cmd_ctx *ctx, const char *values)
{
	const struct schema	*kind, *es;
	const char		*colon, *v;
	struct store		*st;
	char			 k[64];
	size_t			 i;

	if (values == NULL || (colon = strchr(values, ':')) == NULL ||
	    (size_t)(colon - values) >= sizeof k ||
	    (st = cmd_store_optional(ctx)) == NULL)
		return;
	memcpy(k, values, (size_t)(colon - values));
	k[colon - values] = '\0';
	if (store_kind(&kind, st, k) != 0 ||
	    (es = schema_resolve(schema_at(kind, colon + 1))) == NULL)
		return;
	for (i = 0; i < schema_nenum(es); i++) {
		v = schema_enum_at(es, i);
		cand(c, non_ascii(c->cur) ? schema_enum_title(es, v) : v);
	}
}

static void
cand_orgs(struct cands *c, struct cmd_ctx *ctx)
{
	struct store	*st;
	const char	*code, *name;
	size_t		 i;

	if ((st = cmd_store_optional(ctx)) == NULL)
		return;
	for (i = 0; (code = store_org_at(st, i, &name)) != NULL; i++)
		cand(c, non_ascii(c->cur) ? name : code);
}

static void
cand_members(struct cands *c, struct cmd_ctx *ctx)
{
	const struct node	*conf, *ms;
	struct store		*st;
	size_t			 i;

	if ((st = cmd_store_optional(ctx)) == NULL ||
	    store_config(&conf, st) != 0)
		return;
	ms = node_get(conf, "members");
	for (i = 0; ms != NULL && ms->kind == NODE_SEQ && i < ms->n; i++)
		cand(c, node_get_str(ms->u.items[i],
		    non_ascii(c->cur) ? "name" : "id"));
}

/*
 * Record ids of kind (every kind when NULL).  Like the command line, a
 * prefix of the part after the dash finds an id too ("7k" for
 * rv-7kq3m9xa); the whole id is offered.
 */
static void
cand_ids(struct cands *c, struct cmd_ctx *ctx, const char *kind)
{
	const struct schema	*ks = NULL;
	struct reclist		 l = RECLIST_INIT;
	struct store		*st;
	const char		*dash;
	size_t			 i, len = strlen(c->cur);
	int			 bare = strchr(c->cur, '-') == NULL;

	if ((st = cmd_store_optional(ctx)) == NULL ||
	    (kind != NULL && store_kind(&ks, st, kind) != 0) ||
	    store_scan(&l, st, ks, 0, NULL) != 0) {
		reclist_free(&l);
		return;
	}
	for (i = 0; i < l.n; i++) {
		dash = strchr(l.v[i].id, '-');
		if (strncmp(l.v[i].id, c->cur, len) == 0 || (bare &&
		    dash != NULL && strncmp(dash + 1, c->cur, len) == 0))
			cand_add(c, l.v[i].id);
	}
	reclist_free(&l);
}

static void
cand_kinds(struct cands *c, struct cmd_ctx *ctx)
{
	const struct schemaset	*set;
	struct store		*st;
	size_t			 i;

	if ((st = cmd_store_optional(ctx)) == NULL ||
	    store_schemas(&set, st, NULL) != 0)
		return;
	for (i = 0; i < schemaset_nkinds(set); i++)
		cand(c, schema_kind(schemaset_kind_at(set, i)));
}

/* A value of option o. */
static void
cand_value(struct cands *c, struct cmd_ctx *ctx, const struct cmd_entry *e,
    const struct opt *o)
{
	char	today[16];

	switch (o->type) {
	case OPT_CHOICE:
		cand_choices(c, o->values);
		break;
	case OPT_ENUM:
		cand_enum(c, ctx, o->values);
		break;
	case OPT_ORG:
		cand_orgs(c, ctx);
		break;
	case OPT_MEMBER:
		cand_members(c, ctx);
		break;
	case OPT_ID:
		cand_ids(c, ctx, e->kind);
		break;
	case OPT_PATH:
		cand_add(c, "!files");
		break;
	case OPT_DATE:
		cal_format_iso(today, sizeof today, cal_today());
		cand(c, today);
		break;
	default:
		break;
	}
}

/* Whether an argument's name says it repeats: "FILE..." or "[FILE...]". */
static int
repeats(const char *w, size_t n)
{
	while (n > 0 && w[n - 1] == ']')
		n--;
	return n > 3 && strncmp(w + n - 3, "...", 3) == 0;
}

/*
 * A positional argument, by its name in the sub-verb's args ("ID",
 * "[KIND]", "FILE..."): the pos-th, or the last when it repeats.
 */
static void
cand_positional(struct cands *c, struct cmd_ctx *ctx,
    const struct cmd_entry *e, const char *args, int pos)
{
	const char	*p = args, *tok[16];
	char		 name[64];
	size_t		 len[16], n, k;
	int		 ntok = 0, i;

	while (p != NULL && *p != '\0' && ntok < 16) {
		p += strspn(p, " ");
		if ((n = strcspn(p, " ")) == 0)
			break;
		tok[ntok] = p;
		len[ntok++] = n;
		p += n;
	}
	if (ntok == 0)
		return;
	if (pos < ntok)
		i = pos;
	else if (repeats(tok[ntok - 1], len[ntok - 1]))
		i = ntok - 1;
	else
		return;
	/* Strip "[", "]" and "...". */
	p = tok[i];
	n = len[i];
	while (n > 0 && strchr("[].", p[n - 1]) != NULL)
		n--;
	for (k = 0; k < n && p[k] == '['; k++)
		;
	if (n - k == 0 || n - k >= sizeof name)
		return;
	memcpy(name, p + k, n - k);
	name[n - k] = '\0';
	if (strcmp(name, "ID") == 0)
		cand_ids(c, ctx, e->kind);
	else if (strcmp(name, "KIND") == 0)
		cand_kinds(c, ctx);
	else if (strcmp(name, "ORG") == 0)
		cand_orgs(c, ctx);
	else if (strcmp(name, "MEMBER") == 0)
		cand_members(c, ctx);
	else if (strcmp(name, "DIR") == 0) {
		cand_add(c, "!dirs");
	} else if (strcmp(name, "FILE") == 0 || strcmp(name, "PATH") == 0) {
		cand_add(c, "!files");
	}
}

static const struct opt *
find_long(const struct opt *opts, const char *name, size_t len)
{
	for (; opts != NULL && opts->name != NULL; opts++)
		if (strlen(opts->name) == len &&
		    strncmp(opts->name, name, len) == 0)
			return opts;
	return NULL;
}

static const struct opt *
find_short(const struct opt *opts, int letter)
{
	for (; opts != NULL && opts->name != NULL; opts++)
		if (opts->letter == letter)
			return opts;
	return NULL;
}

/* Words w[0..n-2] after the sub-verb, w[n-1] the one completed. */
static void
complete_sub(struct cands *c, struct cmd_ctx *ctx, const struct cmd_entry *e,
    const struct subcmd *s, char **w, int n)
{
	const struct opt	*o, *want = NULL;
	const char		*a, *eq;
	char			 name[80];
	unsigned char		 given[128] = { 0 };
	int			 j, pos = 0, only_args = 0;

	for (j = 0; j < n - 1; j++) {
		a = w[j];
		if (want != NULL) {
			if (strcmp(a, "=") != 0)	/* bash's split */
				want = NULL;
			continue;
		}
		if (only_args || a[0] != '-' || a[1] == '\0') {
			pos++;
			continue;
		}
		if (strcmp(a, "--") == 0) {
			only_args = 1;
			continue;
		}
		if (a[1] == '-') {
			eq = strchr(a + 2, '=');
			o = find_long(s->opts, a + 2, eq != NULL ?
			    (size_t)(eq - a - 2) : strlen(a + 2));
			if (o != NULL && o->type != OPT_FLAG && eq == NULL)
				want = o;
		} else {
			o = find_short(s->opts, a[1]);
			if (o != NULL && o->type != OPT_FLAG && a[2] == '\0')
				want = o;
		}
		if (o != NULL && o - s->opts < (long)sizeof given)
			given[o - s->opts] = 1;
	}
	if (want != NULL) {
		if (strcmp(c->cur, "=") == 0)
			c->cur = "";
		cand_value(c, ctx, e, want);
		return;
	}
	if (!only_args && strncmp(c->cur, "--", 2) == 0 &&
	    (eq = strchr(c->cur, '=')) != NULL) {
		/* zsh keeps --opt=value in one word. */
		if ((o = find_long(s->opts, c->cur + 2,
		    (size_t)(eq - c->cur - 2))) != NULL &&
		    (size_t)(eq - c->cur + 1) < sizeof c->lead) {
			memcpy(c->lead, c->cur, (size_t)(eq - c->cur + 1));
			c->lead[eq - c->cur + 1] = '\0';
			c->cur = eq + 1;
			cand_value(c, ctx, e, o);
		}
		return;
	}
	if (!only_args && c->cur[0] == '-') {
		for (o = s->opts; o != NULL && o->name != NULL; o++) {
			if (o - s->opts < (long)sizeof given &&
			    given[o - s->opts] && !(o->flags & OPT_REPEAT))
				continue;
			snprintf(name, sizeof name, "--%s", o->name);
			cand(c, name);
		}
		cand(c, "--help");
		return;
	}
	cand_positional(c, ctx, e, s->args, pos);
}

static int
cmd_complete(struct cmd_ctx *ctx, struct optv *ov)
{
	const struct cmd_entry *const	*e;
	const struct subcmd		*s;
	struct cands			 c;
	char				**w;
	int				 n, i = 0;

	/* The words after "--", the last one being completed. */
	w = ov->argv;
	n = ov->argc;
	memset(&c, 0, sizeof c);
	c.cur = w[n - 1];
	/* Global options before the verb. */
	while (i < n - 1 && w[i][0] == '-') {
		if (strcmp(w[i], "-C") == 0) {
			if (i + 1 == n - 1) {
				cand_add(&c, "!dirs");
				goto done;
			}
			ctx->dir = w[i + 1];
			i += 2;
		} else {
			if (strncmp(w[i], "-C", 2) == 0)
				ctx->dir = w[i] + 2;
			i++;
		}
	}
	if (i == n - 1) {
		if (c.cur[0] == '-') {
			cand(&c, "-C");
			cand(&c, "--help");
			cand(&c, "--version");
		} else {
			for (e = cmd_table; *e != NULL; e++)
				cand(&c, (*e)->name);
			/* 'completion' is for people; '__complete' is not. */
			for (e = cmd_hidden; *e != NULL; e++)
				if (strncmp((*e)->name, "__", 2) != 0)
					cand(&c, (*e)->name);
			cand(&c, "help");
		}
		goto done;
	}
	for (e = cmd_table; *e != NULL; e++)
		if (strcmp((*e)->name, w[i]) == 0)
			break;
	if (*e == NULL) {
		for (e = cmd_hidden; *e != NULL; e++)
			if (strcmp((*e)->name, w[i]) == 0 &&
			    strncmp((*e)->name, "__", 2) != 0)
				break;
		if (*e == NULL)
			goto done;
	}
	i++;
	if ((*e)->subs == NULL)
		goto done;
	s = (*e)->subs;
	if (s->name != NULL) {
		if (i == n - 1) {
			for (; s->exec != NULL; s++)
				cand(&c, s->name);
			if (c.cur[0] == '-')
				cand(&c, "--help");
			goto done;
		}
		for (; s->exec != NULL; s++)
			if (strcmp(s->name, w[i]) == 0)
				break;
		if (s->exec == NULL)
			goto done;
		i++;
	}
	complete_sub(&c, ctx, *e, s, w + i, n - i);
done:
	cands_print(&c);
	return CMD_OK;
}

static const struct subcmd complete_subs[] = {
	{ NULL, cmd_complete, NULL, "-- WORD...", 1, -1, NULL,
	  N_("print completion candidates for the last WORD") },
	SUBCMD_END
};

const struct cmd_entry cmd_complete_entry = {
	.name = "__complete",
	.desc = N_("print completion candidates for the last WORD"),
	.subs = complete_subs,
};
