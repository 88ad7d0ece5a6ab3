/*
 * Asking questions at a terminal: the prompts of interactive verbs
 * (review add, audit score ...).
 *
 * Prompts go to standard error, answers come from standard input, so
 * standard output stays free for the verb's result (the new id).  Every
 * function re-asks, with the reason, until the answer is valid; earlier
 * answers are the caller's and are never lost.  An empty answer takes the
 * default shown in brackets.
 *
 * Every function returns 0 with the answer, or PROMPT_CANCEL when the user
 * typed Ctrl-D (end of input) or Ctrl-C: the caller then writes nothing,
 * calls prompt_cancelled() and returns CMD_FAIL.  Answers are malloc'ed
 * strings the caller frees; NULL means "no answer" to an optional question.
 *
 * Usage:
 *	char *title = NULL, *org = NULL;
 *	if (prompt_prop(&title, st, schema_prop(kind, "title"), NULL, 1) ||
 *	    prompt_prop(&org, st, schema_prop(kind, "org"), NULL, 1))
 *		return prompt_cancelled();
 */
#ifndef NCIO_PROMPT_H
#define NCIO_PROMPT_H

struct schema;
struct store;

#define PROMPT_CANCEL	(-1)

/* Whether to ask at all: standard input is a terminal. */
int	prompt_interactive(void);

/*
 * One line of text.  label is shown as "label [def]: "; def may be NULL.
 * A required question without a default re-asks on an empty answer.
 */
int	prompt_line(char **out, const char *label, const char *def,
	    int required);

/* Yes or no (y, yes, n, no, はい, いいえ); def is 1, 0 or -1 for none. */
int	prompt_yesno(int *out, const char *label, int def);

/*
 * One value of an enumerated schema: the choices are listed numbered, with
 * their x-enum-titles labels, and accepted by number, value or label.
 */
int	prompt_enum(char **out, const char *label, const struct schema *s,
	    const char *def, int required);

/*
 * One scalar property, driven by its schema: the title is the prompt;
 * enums as prompt_enum(); booleans as prompt_yesno() ("true"/"false");
 * integers and numbers checked against minimum/maximum (integers also
 * read as amounts: 12,800,000 or 1280万円); dates as YYYY-MM-DD or in era
 * form (令和8年4月1日, R8.4.1), answered as YYYY-MM-DD; strings checked
 * for pattern and length; x-ref org accepts a code or a 部・課 name,
 * x-ref member a member id or name, answered as the code or id.  The
 * default is def, else the schema's default.  A property whose type is
 * an object or array cannot be asked this way (PROMPT_CANCEL with a
 * message).
 */
int	prompt_prop(char **out, struct store *, const struct schema *prop,
	    const char *def, int required);

/*
 * The organisation code for text that is a code or a name (情報政策課);
 * NULL with a message in error_last() when there is none or several.
 * Used for --org options as well as prompts.
 */
const char *prompt_org_code(struct store *, const char *text);

/* Say that nothing was written; returns CMD_FAIL. */
int	prompt_cancelled(void);

#endif
