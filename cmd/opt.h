/*
 * Options as data (git's parse-options, tmux's cmd_entry templates).
 *
 * Each sub-verb declares its options in a table of struct opt and its
 * positional arguments in its struct subcmd.  opt_parse() reads argv
 * against the table, converts and checks each value by its type, and
 * leaves the results in a struct optv the sub-verb reads by option name.
 * The usage lines, the --help text, the man page SYNOPSIS check and the
 * shell completion all come from the same tables, so they cannot drift.
 *
 * Usage (a sub-verb):
 *
 *	static const struct opt hearing_opts[] = {
 *		{ "question", 0, OPT_TEXT, OPT_REPEAT, NULL, NULL, 0, 0,
 *		  "a question to put to the division" },
 *		{ "sent", 0, OPT_DATE, 0, NULL, NULL, 0, 0,
 *		  "the day the questions went out (default today)" },
 *		OPT_END
 *	};
 *	static int
 *	review_hearing(struct cmd_ctx *ctx, struct optv *ov)
 *	{
 *		const char *id = ov->argv[0];
 *		struct cal_date sent = cal_today();
 *
 *		opt_date(ov, "sent", &sent);
 *		for (i = 0; i < opt_count(ov, "question"); i++)
 *			... opt_at(ov, "question", i) ...
 *	}
 *	static const struct subcmd review_subs[] = {
 *		{ "hearing", review_hearing, hearing_opts, "ID", 1, 1, NULL,
 *		  "put questions to the division, or record its answers" },
 *		SUBCMD_END
 *	};
 *
 * Every value is checked before the sub-verb runs: a bad one is a usage
 * error naming the option and what was expected, with that sub-verb's
 * usage only.  An unknown option suggests the nearest known one.
 */
#ifndef NCIO_OPT_H
#define NCIO_OPT_H

#include <stddef.h>

#include <stdio.h>

#include "cal.h"
#include "error.h"

struct cmd_ctx;
struct cmd_entry;
struct store;

enum opt_type {
	OPT_FLAG,	/* no argument */
	OPT_TEXT,	/* free text, as given */
	OPT_PATH,	/* a file or directory name */
	/*
	 * A date: 2026-04-10, 2026/4/10, 20260410, 令和8年4月10日, R8.4.10,
	 * full-width digits; kept as YYYY-MM-DD (parse_date()).
	 */
	OPT_DATE,
	/* A date and a time (parse_datetime()); kept as YYYY-MM-DDTHH:MM. */
	OPT_DATETIME,
	/* A fiscal year: 2026, FY2026, 令和8年度, R8; kept as "2026". */
	OPT_FY,
	/* A whole number (full-width digits too), in [min, max] when min<max. */
	OPT_INT,
	/* Yen: 12,800,000, 1280万円, 1億2800万円; kept as digits. */
	OPT_AMOUNT,
	/* An organisation code or a 部・課 name only one has; kept as the code. */
	OPT_ORG,
	/* A team member id or name (nerima-cio.yaml); kept as the id. */
	OPT_MEMBER,
	/*
	 * A value of a schema enum, given as the value or its Japanese title;
	 * kept as the value.  values is "kind:field.path" ("review:status").
	 */
	OPT_ENUM,
	/* One of the words in values, "|"-separated ("table|csv|json"). */
	OPT_CHOICE,
	/* A record id or unique prefix (resolved by the sub-verb). */
	OPT_ID,
	/* Yes or no (yes, y, true, はい, no, n, false, いいえ); kept as
	 * "true" or "false". */
	OPT_BOOL,
};

/* Flags. */
#define OPT_REQUIRED	0x01	/* must be given */
#define OPT_REPEAT	0x02	/* may be given more than once, kept in order */

struct opt {
	const char	*name;		/* long name, without "--" */
	int		 letter;	/* short option letter, or 0 */
	enum opt_type	 type;
	unsigned	 flags;
	const char	*arg;		/* argument name in usage; NULL: by type */
	const char	*values;	/* OPT_ENUM "kind:path", OPT_CHOICE "a|b" */
	long long	 min, max;	/* OPT_INT range, used when min < max */
	const char	*help;		/* one line, for --help */
};

#define OPT_END	{ NULL, 0, OPT_FLAG, 0, NULL, NULL, 0, 0, NULL }

/*
 * Protected attachments (3(3)イ(エ)), in every export's table: with them
 * cmd_run() has the export write into a private folder and puts what it
 * wrote into an AES-256 encrypted zip (cmd.h, "Protected attachments").
 */
#define OPT_ZIP_OPTS							\
	{ "zip", 0, OPT_PATH, 0, "FILE", NULL, 0, 0,			\
	  "write the files into this AES-256 encrypted zip instead" },	\
	{ "password-file", 0, OPT_PATH, 0, "FILE", NULL, 0, 0,		\
	  "the zip's password: the first line of a file only you can read" }

/* What opt_parse() read for one option. */
struct optval {
	size_t		 n;		/* times given */
	char		**v;		/* normalised values, n of them */
	struct cal_date	 date;		/* last OPT_DATE / OPT_DATETIME date */
	int		 hour, min;	/* last OPT_DATETIME time */
	long long	 num;		/* last OPT_INT / OPT_AMOUNT / OPT_FY */
};

struct subcmd;

struct optv {
	const struct cmd_entry	*entry;
	const struct subcmd	*sub;
	const struct opt	*opts;
	struct optval		*vals;		/* one per option in opts */
	int			 argc;		/* positional arguments */
	char			**argv;
};

/*
 * A second-level verb (review add, cal holidays), or the one body of a
 * verb without second-level verbs (name NULL).
 */
struct subcmd {
	const char	*name;
	int		(*exec)(struct cmd_ctx *, struct optv *);
	const struct opt *opts;		/* OPT_END-terminated; NULL for none */
	/*
	 * Positional arguments as shown in usage ("ID", "FILE...",
	 * "[KIND]"), and how many are allowed (max -1: any number).
	 */
	const char	*args;
	int		 minargs, maxargs;
	/*
	 * The synopsis after "nerima-cio VERB SUB ", when the grammar is
	 * more than the table says (alternatives: "(--meeting ID | --from
	 * DATE --to DATE)"); NULL to generate it from args and opts.  A
	 * test checks that every option of the table appears in it.
	 */
	const char	*synopsis;
	const char	*desc;		/* one line */
};

#define SUBCMD_END	{ NULL, NULL, NULL, NULL, 0, 0, NULL, NULL }

/*
 * Parse argv (argv[0] is the sub-verb's name) against sub's options.
 * Options and positional arguments may be mixed; "--" ends options.
 * "--name=value" and "--name value" both work, as do "-o value" and
 * "-ovalue".  Organisation and member values need the data directory,
 * which is opened through ctx when such an option is given.  Returns 0,
 * or CMD_USAGE / CMD_FAIL after printing the error and the sub-verb's
 * usage.
 */
int		 opt_parse(struct optv *out, const struct cmd_entry *,
		    const struct subcmd *sub, struct cmd_ctx *ctx, int argc,
		    char **argv);
void		 optv_free(struct optv *);

/* Whether the option was given. */
int		 opt_has(const struct optv *, const char *name);
/* Its last value, or NULL. */
const char	*opt_get(const struct optv *, const char *name);
/* How many times it was given, and the i-th value. */
size_t		 opt_count(const struct optv *, const char *name);
const char	*opt_at(const struct optv *, const char *name, size_t i);
/* Dates: 1 and *out when given (date and time for OPT_DATETIME), else 0. */
int		 opt_date(const struct optv *, const char *name,
		    struct cal_date *out);
int		 opt_time(const struct optv *, const char *name, int *hour,
		    int *min);
/* Numbers (OPT_INT, OPT_AMOUNT, OPT_FY): the value, or def. */
long long	 opt_num(const struct optv *, const char *name, long long def);

/*
 * Convert one value as an option of type t would (for prompts and
 * FIELD=VALUE arguments that want the same forms): the normalised text
 * is malloc'ed into *out.  NC_EINVALID with a message on a bad value.
 */
int		 opt_convert(char **out, const struct opt *, struct cmd_ctx *,
		    const char *value);

/*
 * The option table of a domain's add (made at run time through the
 * verb's cmd_entry sub_opts): the options of fixed, then one for each
 * plain field of kind's schema -- a scalar, a list of scalars, or a
 * scalar inside a mapping of scalars -- except id, fy, fields marked
 * "x-add: false" and fields whose option fixed has.  An option is named
 * by the field's "x-option" annotation, else by the field's name with
 * '_' as '-' (cost_effectiveness: --cost-effectiveness); its type comes
 * from the field's schema (opt_field()), its help is the field's title,
 * its values "kind:path"; a list gives a repeatable option.  Freed with
 * opt_table_free().
 */
int		 opt_schema_table(struct opt **out, const struct opt *fixed,
		    struct cmd_ctx *, const char *kind);
void		 opt_table_free(struct opt *);
/*
 * Set the fields of a record from the options opt_schema_table() made
 * (those not in fixed), in table order; a repeated option appends to its
 * list.
 */
struct ydoc;
struct node;
int		 opt_set_fields(struct ydoc *, struct node *root,
		    const struct optv *, const struct opt *fixed);
/*
 * How a value of the field at path of kind is read: the option type its
 * schema calls for (a date, an amount, an organisation, an enum ...).
 * name and help are left NULL; values (for OPT_ENUM) is malloc'ed into
 * *values, which the caller frees.
 */
struct schema;
int		 opt_field(struct opt *out, char **values, const char *kind,
		    const char *path, const struct schema *prop);
/*
 * Convert a value of the field at path of kind as an option of that field
 * would (add's FIELD=VALUE): *out is the normalised text, malloc'ed.
 * NC_ENOTFOUND when kind has no such field, NC_EINVALID with a message
 * when the value is not of its type.
 */
int		 opt_convert_field(char **out, struct cmd_ctx *,
		    const char *kind, const char *path, const char *value);

/* Print the usage lines of one sub-verb, or of every sub-verb of e. */
void		 opt_usage(FILE *, const struct cmd_entry *,
		    const struct subcmd *sub);
/* The --help text of a sub-verb: usage, description, options. */
void		 opt_help(FILE *, const struct cmd_entry *,
		    const struct subcmd *sub);
/* A usage error: "nerima-cio: VERB SUB: message", then the usage. */
int		 opt_bad_usage(const struct cmd_entry *, const struct subcmd *,
		    const char *fmt, ...) NC_PRINTF(3, 4);

/*
 * The nearest of words (NULL-terminated) to s by edit distance, or NULL
 * when none is near enough to suggest ("did you mean ...?").
 */
const char	*opt_nearest(const char *s, const char *const *words);

#endif
