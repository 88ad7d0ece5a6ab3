/*
 * Terminal prompts built from schemas: see prompt.h.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "amount.h"
#include "cal.h"
#include "cmd.h"
#include "diag.h"
#include "i18n.h"
#include "node.h"
#include "parse.h"
#include "prompt.h"
#include "schema.h"
#include "store.h"

static volatile sig_atomic_t	interrupted;

static void
on_sigint(int sig)
{
	(void)sig;
	interrupted = 1;
}

int
prompt_interactive(void)
{
	return isatty(STDIN_FILENO);
}

int
prompt_cancelled(void)
{
	fputs(_("\nnerima-cio: cancelled; nothing was written\n"), stderr);
	return CMD_FAIL;
}

/*
 * Read one line without its newline.  Ctrl-C while waiting interrupts the
 * read (the handler is installed without SA_RESTART) and counts as a
 * cancellation, like Ctrl-D; outside a read it keeps its usual effect.
 */
static int
read_line(char **out)
{
	struct sigaction	 sa, old;
	char			*line = NULL;
	size_t			 cap = 0;
	ssize_t			 n;

	*out = NULL;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_sigint;
	sigemptyset(&sa.sa_mask);
	interrupted = 0;
	sigaction(SIGINT, &sa, &old);
	fflush(stderr);
	n = getline(&line, &cap, stdin);
	sigaction(SIGINT, &old, NULL);
	if (n < 0 || interrupted) {
		clearerr(stdin);
		free(line);
		return PROMPT_CANCEL;
	}
	while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
		line[--n] = '\0';
	*out = line;
	return 0;
}

/* Trim spaces (ASCII and U+3000) at both ends, in place. */
static char *
trim(char *s)
{
	char	*e;

	for (;;) {
		if (*s == ' ' || *s == '\t')
			s++;
		else if (strncmp(s, "\xe3\x80\x80", 3) == 0)
			s += 3;
		else
			break;
	}
	e = s + strlen(s);
	for (;;) {
		if (e > s && (e[-1] == ' ' || e[-1] == '\t'))
			e--;
		else if (e - s >= 3 && strncmp(e - 3, "\xe3\x80\x80", 3) == 0)
			e -= 3;
		else
			break;
	}
	*e = '\0';
	return s;
}

static void
ask(const char *label, const char *def, int required)
{
	if (def != NULL && *def != '\0')
		fprintf(stderr, "%s [%s]: ", label, def);
	else if (!required)
		/* TRANSLATORS: a question that may be left unanswered. */
		fprintf(stderr, _("%s (optional): "), label);
	else
		fprintf(stderr, "%s: ", label);
}

static void
again(const char *why)
{
	fprintf(stderr, _("  %s; please answer again\n"), why);
}

/*
 * Ask until check accepts the answer.  check returns NULL and sets *val
 * (malloc'ed) when the text is fine, else the reason.  An empty answer
 * takes def; an empty optional answer without a default is NULL.
 */
typedef const char *(*check_fn)(void *, const char *, char **);

static int
ask_until(char **out, const char *label, const char *def, int required,
    check_fn check, void *arg)
{
	char		*line, *t, *val;
	const char	*why;

	*out = NULL;
	for (;;) {
		ask(label, def, required);
		if (read_line(&line) != 0)
			return PROMPT_CANCEL;
		t = trim(line);
		if (*t == '\0' && def != NULL && *def != '\0')
			t = (char *)def;
		if (*t == '\0') {
			free(line);
			if (!required)
				return 0;
			again(_("an answer is required"));
			continue;
		}
		val = NULL;
		why = check(arg, t, &val);
		free(line);
		if (why == NULL) {
			if (val == NULL)
				return PROMPT_CANCEL;	/* out of memory */
			*out = val;
			return 0;
		}
		again(why);
	}
}

static const char *
check_any(void *arg, const char *t, char **val)
{
	(void)arg;
	*val = strdup(t);
	return NULL;
}

int
prompt_line(char **out, const char *label, const char *def, int required)
{
	return ask_until(out, label, def, required, check_any, NULL);
}

static int
yesno_value(const char *t)
{
	static const char *const yes[] = { "y", "yes", "true", "はい",
	    "有", "あり", "する", NULL };
	static const char *const no[] = { "n", "no", "false", "いいえ",
	    "無", "なし", "しない", NULL };
	size_t	i;

	for (i = 0; yes[i] != NULL; i++)
		if (strcasecmp(t, yes[i]) == 0)
			return 1;
	for (i = 0; no[i] != NULL; i++)
		if (strcasecmp(t, no[i]) == 0)
			return 0;
	return -1;
}

static const char *
check_yesno(void *arg, const char *t, char **val)
{
	(void)arg;
	switch (yesno_value(t)) {
	case 1:
		*val = strdup("true");
		return NULL;
	case 0:
		*val = strdup("false");
		return NULL;
	}
	return _("answer y (yes) or n (no)");
}

int
prompt_yesno(int *out, const char *label, int def)
{
	char	*v, full[512];
	int	 rc;

	snprintf(full, sizeof full, _("%s (y/n)"), label);
	rc = ask_until(&v, full, def == 1 ? "y" : def == 0 ? "n" : NULL, 1,
	    check_yesno, NULL);
	if (rc != 0)
		return rc;
	*out = strcmp(v, "true") == 0;
	free(v);
	return 0;
}

/* The enum value named by a number, a value or a label; NULL when none. */
static const char *
enum_pick(const struct schema *s, const char *t)
{
	const char	*v, *title;
	char		*end;
	size_t		 i, n = schema_nenum(s);
	long		 k;

	k = strtol(t, &end, 10);
	if (*t != '\0' && *end == '\0' && k >= 1 && (size_t)k <= n)
		return schema_enum_at(s, (size_t)k - 1);
	for (i = 0; i < n; i++) {
		v = schema_enum_at(s, i);
		title = schema_enum_title(s, v);
		if (strcmp(v, t) == 0 || (title != NULL &&
		    strcmp(title, t) == 0))
			return v;
	}
	return NULL;
}

static const char *
check_enum(void *arg, const char *t, char **val)
{
	const char	*v;

	if ((v = enum_pick(arg, t)) == NULL)
		return _("not one of the choices: give its number, value or"
		    " label");
	*val = strdup(v);
	return NULL;
}

int
prompt_enum(char **out, const char *label, const struct schema *s,
    const char *def, int required)
{
	const char	*v, *title;
	size_t		 i;

	s = schema_resolve(s);
	fprintf(stderr, "%s:\n", label);
	for (i = 0; i < schema_nenum(s); i++) {
		v = schema_enum_at(s, i);
		title = schema_enum_title(s, v);
		fprintf(stderr, "  %2zu) %-20s %s\n", i + 1, v,
		    title != NULL ? title : "");
	}
	return ask_until(out, _("  choose"), def, required, check_enum,
	    (void *)s);
}

/*
 * Organisations by code or name, from orgs.yaml (store_org() looks up
 * codes only).
 */
const char *
prompt_org_code(struct store *st, const char *text)
{
	const char	*code;

	return store_org_find(&code, st, text) == 0 ? code : NULL;
}

struct propq {
	struct store		*st;
	const struct schema	*s;
	char			 why[512];
};

static const char *
refcheck(void *arg, const char *xref, const char *value)
{
	(void)arg;
	(void)xref;
	(void)value;
	return NULL;		/* names were resolved to codes already */
}

static const char *
check_prop(void *arg, const char *t, char **val)
{
	struct propq			*q = arg;
	const struct schema		*s = q->s;
	const char			*xref = schema_xref(s), *v = t;
	struct schema_refcheck		 refs = { refcheck, NULL };
	struct ydoc			*doc = NULL;
	struct node			*n;
	struct diags			 d = DIAGS_INIT;
	struct cal_date			 date;
	long long			 yen;
	char				 tmp[64], *msg;
	unsigned			 types = schema_types(s);

	if (schema_format(s) == SCHEMA_F_DATE) {
		/* Every form a date option takes (parse.h). */
		if (cal_parse(&date, t) != 0 && (snprintf(q->why,
		    sizeof q->why, _("%s (write YYYY-MM-DD or 令和8年4月1日)"),
		    error_last()), parse_date(&date, t) != 0))
			return q->why;
		cal_format_iso(tmp, sizeof tmp, date);
		v = tmp;
	} else if ((types & SCHEMA_T_INTEGER) && !(types & SCHEMA_T_STRING)) {
		if (amount_parse(&yen, t) != 0) {
			snprintf(q->why, sizeof q->why, "%s", error_last());
			return q->why;
		}
		snprintf(tmp, sizeof tmp, "%lld", yen);
		v = tmp;
	} else if (xref != NULL && strcmp(xref, "org") == 0) {
		if ((v = prompt_org_code(q->st, t)) == NULL) {
			snprintf(q->why, sizeof q->why, "%s", error_last());
			return q->why;
		}
	} else if (xref != NULL && strcmp(xref, "member") == 0) {
		if (store_member_find(&v, q->st, t) != 0) {
			snprintf(q->why, sizeof q->why, "%s", error_last());
			return q->why;
		}
	}
	/* The schema has the last word: pattern, length, bounds. */
	if ((doc = ydoc_new()) == NULL || (n = node_str(doc, v)) == NULL) {
		ydoc_free(doc);
		*val = NULL;
		return NULL;
	}
	schema_normalize(s, n);
	if (schema_validate(s, n, "answer", &d, &refs) != 0 && d.n > 0) {
		msg = d.v[0].msg;
		snprintf(q->why, sizeof q->why, "%s", msg);
		diags_free(&d);
		ydoc_free(doc);
		return q->why;
	}
	diags_free(&d);
	ydoc_free(doc);
	*val = strdup(v);
	return NULL;
}

int
prompt_prop(char **out, struct store *st, const struct schema *prop,
    const char *def, int required)
{
	struct propq		 q;
	const struct schema	*s = schema_resolve(prop);
	const struct node	*sd;
	const char		*label;
	unsigned		 types = schema_types(s);

	*out = NULL;
	if ((label = schema_ui_title(prop)) == NULL &&
	    (label = schema_ui_title(s)) == NULL)
		label = "?";
	if (def == NULL && (sd = schema_default(s)) != NULL &&
	    sd->kind == NODE_SCALAR)
		def = sd->u.s.str;
	if (def == NULL && (sd = schema_default(prop)) != NULL &&
	    sd->kind == NODE_SCALAR)
		def = sd->u.s.str;
	if (types & (SCHEMA_T_OBJECT | SCHEMA_T_ARRAY)) {
		fprintf(stderr, _("nerima-cio: '%s' is not a single value\n"),
		    label);
		return PROMPT_CANCEL;
	}
	if (schema_nenum(s) > 0)
		return prompt_enum(out, label, s, def, required);
	if (types == SCHEMA_T_BOOLEAN) {
		char	full[512];

		snprintf(full, sizeof full, _("%s (y/n)"), label);
		return ask_until(out, full, def == NULL ? NULL :
		    strcmp(def, "true") == 0 ? "y" : "n", required,
		    check_yesno, NULL);
	}
	q.st = st;
	q.s = s;
	q.why[0] = '\0';
	if (schema_xref(s) == NULL && schema_xref(prop) != NULL)
		q.s = prop;
	return ask_until(out, label, def, required, check_prop, &q);
}
