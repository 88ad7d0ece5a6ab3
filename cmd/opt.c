/*
 * Options as data: one parser for every sub-verb, typed values, usage and
 * help generated from the tables.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "amount.h"
#include "buf.h"
#include "cmd.h"
#include "i18n.h"
#include "opt.h"
#include "parse.h"
#include "record.h"
#include "schema.h"
#include "store.h"

static size_t
nopts(const struct opt *o)
{
	size_t	n = 0;

	while (o != NULL && o[n].name != NULL)
		n++;
	return n;
}

static const char *
type_arg(const struct opt *o)
{
	if (o->arg != NULL)
		return o->arg;
	switch (o->type) {
	case OPT_FLAG:
		return NULL;
	case OPT_TEXT:
		return "TEXT";
	case OPT_PATH:
		return "PATH";
	case OPT_DATE:
		return "DATE";
	case OPT_DATETIME:
		return "DATETIME";
	case OPT_FY:
		return "FY";
	case OPT_INT:
		return "N";
	case OPT_AMOUNT:
		return "YEN";
	case OPT_ORG:
		return "ORG";
	case OPT_MEMBER:
		return "MEMBER";
	case OPT_ENUM:
	case OPT_CHOICE:
		return "VALUE";
	case OPT_ID:
		return "ID";
	case OPT_BOOL:
		return "yes|no";
	}
	return "VALUE";
}

/*
 * Edit distance with adjacent transpositions counted as one edit
 * (optimal string alignment): "--fromat" is one slip from "--format".
 */
static size_t
distance(const char *a, const char *b)
{
	size_t	la = strlen(a), lb = strlen(b), i, j, t;
	size_t	d[48][48];

	if (la >= 48 || lb >= 48)
		return (size_t)-1;
	for (i = 0; i <= la; i++)
		d[i][0] = i;
	for (j = 0; j <= lb; j++)
		d[0][j] = j;
	for (i = 1; i <= la; i++) {
		for (j = 1; j <= lb; j++) {
			t = d[i - 1][j - 1] + (a[i - 1] != b[j - 1]);
			if (d[i - 1][j] + 1 < t)
				t = d[i - 1][j] + 1;
			if (d[i][j - 1] + 1 < t)
				t = d[i][j - 1] + 1;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] &&
			    a[i - 2] == b[j - 1] && d[i - 2][j - 2] + 1 < t)
				t = d[i - 2][j - 2] + 1;
			d[i][j] = t;
		}
	}
	return d[la][lb];
}

const char *
opt_nearest(const char *s, const char *const *words)
{
	const char	*best = NULL;
	size_t		 d, bestd = (size_t)-1, len = strlen(s), limit;

	/* One edit in four characters, at least one, at most three. */
	limit = len / 4 < 1 ? 1 : len / 4 > 3 ? 3 : len / 4;
	for (; words != NULL && *words != NULL; words++) {
		/* A prefix of a longer word is what the user meant. */
		if (len >= 3 && strncmp(*words, s, len) == 0)
			return *words;
		d = distance(s, *words);
		if (d <= limit && d < bestd) {
			bestd = d;
			best = *words;
		}
	}
	return best;
}

static void
print_synopsis(FILE *fp, const char *lead, const struct cmd_entry *e,
    const struct subcmd *s)
{
	const struct opt	*o;
	const char		*arg;
	size_t			 i;

	fprintf(fp, "%snerima-cio %s", lead, e->name);
	if (s->name != NULL)
		fprintf(fp, " %s", s->name);
	if (s->synopsis != NULL) {
		if (*s->synopsis != '\0')
			fprintf(fp, " %s", s->synopsis);
		fputc('\n', fp);
		return;
	}
	if (s->args != NULL && *s->args != '\0')
		fprintf(fp, " %s", s->args);
	for (i = 0; i < nopts(s->opts); i++) {
		o = &s->opts[i];
		arg = type_arg(o);
		fputs(o->flags & OPT_REQUIRED ? " " : " [", fp);
		if (o->letter != 0)
			fprintf(fp, "-%c", o->letter);
		else
			fprintf(fp, "--%s", o->name);
		if (arg != NULL)
			fprintf(fp, " %s", arg);
		if (!(o->flags & OPT_REQUIRED))
			fputc(']', fp);
		if (o->flags & OPT_REPEAT)
			fputs("...", fp);
	}
	fputc('\n', fp);
}

void
opt_usage(FILE *fp, const struct cmd_entry *e, const struct subcmd *sub)
{
	const struct subcmd	*s;
	int			 first = 1;

	if (sub != NULL) {
		print_synopsis(fp, _("usage: "), e, sub);
		return;
	}
	for (s = e->subs; s != NULL && s->exec != NULL; s++) {
		/*
		 * TRANSLATORS: "usage: " and "   or: " start the lines of
		 * a command's synopsis; give them the same width so the
		 * commands line up.
		 */
		print_synopsis(fp, first ? _("usage: ") : _("   or: "), e, s);
		first = 0;
	}
}

void
opt_help(FILE *fp, const struct cmd_entry *e, const struct subcmd *sub)
{
	const struct opt	*o;
	struct buf		 b = BUF_INIT;
	const char		*arg;
	size_t			 i;

	opt_usage(fp, e, sub);
	if (sub == NULL) {
		fprintf(fp, "\n%s\n", _(e->desc));
		if (e->subs != NULL && e->subs[0].name != NULL) {
			fputc('\n', fp);
			for (i = 0; e->subs[i].exec != NULL; i++)
				fprintf(fp, "   %-12s %s\n", e->subs[i].name,
				    _(e->subs[i].desc));
			fprintf(fp, "\n%s\n", _("See 'nerima-cio VERB SUB --help'"
			    " for a sub-verb's options."));
		}
		if (e->help != NULL && *e->help != '\0')
			fprintf(fp, "\n%s", _(e->help));
		return;
	}
	fprintf(fp, "\n%s\n", _(sub->desc != NULL ? sub->desc : e->desc));
	if (nopts(sub->opts) > 0)
		fputc('\n', fp);
	for (i = 0; i < nopts(sub->opts); i++) {
		o = &sub->opts[i];
		arg = type_arg(o);
		buf_reset(&b);
		if (o->letter != 0)
			buf_printf(&b, "-%c, ", o->letter);
		buf_printf(&b, "--%s", o->name);
		if (arg != NULL)
			buf_printf(&b, " %s", arg);
		if (buf_ok(&b) != 0)
			break;
		fprintf(fp, "   %-26s %s", b.data, o->help != NULL ?
		    _(o->help) : "");
		if (o->type == OPT_CHOICE && o->values != NULL)
			fprintf(fp, " (%s)", o->values);
		fputc('\n', fp);
	}
	buf_free(&b);
	if (e->help != NULL && *e->help != '\0' && e->subs[0].name == NULL)
		fprintf(fp, "\n%s", _(e->help));
}

int
opt_bad_usage(const struct cmd_entry *e, const struct subcmd *s,
    const char *fmt, ...)
{
	va_list	ap;

	if (fmt != NULL) {
		fprintf(stderr, "nerima-cio: %s%s%s: ", e->name,
		    s != NULL && s->name != NULL ? " " : "",
		    s != NULL && s->name != NULL ? s->name : "");
		va_start(ap, fmt);
		vfprintf(stderr, fmt, ap);
		va_end(ap);
		fputc('\n', stderr);
	}
	opt_usage(stderr, e, s);
	return CMD_USAGE;
}

/* The schema enum an OPT_ENUM names ("kind:path"). */
static const struct schema *
enum_schema(const struct opt *o, struct cmd_ctx *ctx)
{
	const struct schema	*kind;
	struct store		*st;
	const char		*colon;
	char			 k[64];

	if (o->values == NULL || (colon = strchr(o->values, ':')) == NULL ||
	    (size_t)(colon - o->values) >= sizeof k) {
		error_set(NC_EINVALID, _("option --%s names no schema field"),
		    o->name);
		return NULL;
	}
	memcpy(k, o->values, (size_t)(colon - o->values));
	k[colon - o->values] = '\0';
	if ((st = cmd_store_optional(ctx)) == NULL) {
		error_set(NC_ENODIR, _("this value needs the data directory's "
		    "schemas"));
		return NULL;
	}
	if (store_kind(&kind, st, k) != 0)
		return NULL;
	return schema_at(kind, colon + 1);
}

/* "a|b|c" has word w. */
static int
has_choice(const char *values, const char *w)
{
	const char	*p = values, *bar;
	size_t		 n, len = strlen(w);

	while (p != NULL && *p != '\0') {
		bar = strchr(p, '|');
		n = bar != NULL ? (size_t)(bar - p) : strlen(p);
		if (n == len && strncmp(p, w, n) == 0)
			return 1;
		p = bar != NULL ? bar + 1 : NULL;
	}
	return 0;
}

static int
convert(char **out, struct optval *ov, const struct opt *o,
    struct cmd_ctx *ctx, const char *v)
{
	const struct schema	*es;
	struct store		*st;
	const char		*code;
	struct buf		 b = BUF_INIT;
	struct cal_date		 d;
	char			 t[64];
	long long		 n;
	int			 h, mi, fy;
	size_t			 i;

	*out = NULL;
	switch (o->type) {
	case OPT_FLAG:
		v = "1";
		break;
	case OPT_TEXT:
	case OPT_PATH:
	case OPT_ID:
		if (*v == '\0' && o->type != OPT_TEXT)
			return error_set(NC_EINVALID, _("expected a value"));
		break;
	case OPT_DATE:
		if (parse_date(&d, v) != 0)
			return NC_EINVALID;
		cal_format_iso(t, sizeof t, d);
		if (ov != NULL)
			ov->date = d;
		v = t;
		break;
	case OPT_DATETIME:
		if (parse_datetime(&d, &h, &mi, v, 0) != 0)
			return NC_EINVALID;
		snprintf(t, sizeof t, "%04d-%02d-%02dT%02d:%02d", d.y, d.m,
		    d.d, h, mi);
		if (ov != NULL) {
			ov->date = d;
			ov->hour = h;
			ov->min = mi;
		}
		v = t;
		break;
	case OPT_FY:
		if (parse_fy(&fy, v) != 0)
			return NC_EINVALID;
		snprintf(t, sizeof t, "%d", fy);
		if (ov != NULL)
			ov->num = fy;
		v = t;
		break;
	case OPT_INT:
		if (parse_int(&n, v, o->min < o->max ? o->min : -999999999999LL,
		    o->min < o->max ? o->max : 999999999999LL) != 0)
			return NC_EINVALID;
		snprintf(t, sizeof t, "%lld", n);
		if (ov != NULL)
			ov->num = n;
		v = t;
		break;
	case OPT_AMOUNT:
		if (amount_parse(&n, v) != 0)
			return NC_EINVALID;
		snprintf(t, sizeof t, "%lld", n);
		if (ov != NULL)
			ov->num = n;
		v = t;
		break;
	case OPT_ORG:
		if ((st = cmd_store_optional(ctx)) == NULL)
			return error_set(NC_ENODIR, _("an organisation needs "
			    "the data directory's %s"), STORE_ORGS);
		if (store_org_find(&code, st, v) != 0)
			return NC_EINVALID;
		v = code;
		break;
	case OPT_MEMBER:
		if ((st = cmd_store_optional(ctx)) == NULL)
			return error_set(NC_ENODIR, _("a team member needs the "
			    "data directory's %s"), STORE_MARKER);
		if (store_member_find(&code, st, v) != 0)
			return NC_EINVALID;
		v = code;
		break;
	case OPT_ENUM:
		if ((es = enum_schema(o, ctx)) == NULL)
			return NC_EINVALID;
		if ((code = schema_enum_find(es, v)) == NULL) {
			for (i = 0; i < schema_nenum(es); i++) {
				const char *ev = schema_enum_at(es, i);
				const char *et = schema_enum_title(es, ev);

				buf_printf(&b, "%s%s", i > 0 ? ", " : "", ev);
				if (et != NULL)
					buf_printf(&b, " (%s)", et);
			}
			error_set(NC_EINVALID, _("'%s' is not one of: %s"), v,
			    b.data != NULL ? b.data : "");
			buf_free(&b);
			return NC_EINVALID;
		}
		v = code;
		break;
	case OPT_CHOICE:
		if (o->values == NULL || !has_choice(o->values, v))
			return error_set(NC_EINVALID, _("'%s' is not one of %s"),
			    v, o->values != NULL ? o->values : "");
		break;
	case OPT_BOOL:
		if (parse_fold(t, sizeof t, v) != 0)
			return NC_EINVALID;
		for (i = 0; t[i] != '\0'; i++)
			if (t[i] >= 'A' && t[i] <= 'Z')
				t[i] = (char)(t[i] - 'A' + 'a');
		if (has_choice("yes|y|true|はい|有|あり", t))
			v = "true";
		else if (has_choice("no|n|false|いいえ|無|なし", t))
			v = "false";
		else
			return error_set(NC_EINVALID, _("answer yes or no, not "
			    "'%s'"), v);
		break;
	}
	if ((*out = strdup(v)) == NULL)
		return error_set(NC_ENOMEM, _("out of memory"));
	return 0;
}

int
opt_convert(char **out, const struct opt *o, struct cmd_ctx *ctx,
    const char *value)
{
	return convert(out, NULL, o, ctx, value);
}

static int
add_value(struct optval *ov, char *v)
{
	char	**nv;

	if ((nv = realloc(ov->v, (ov->n + 1) * sizeof *nv)) == NULL) {
		free(v);
		return error_set(NC_ENOMEM, _("out of memory"));
	}
	ov->v = nv;
	ov->v[ov->n++] = v;
	return 0;
}

/* The option named by "--name" (len bytes) or by letter. */
static const struct opt *
find_opt(const struct opt *opts, const char *name, size_t len, int letter)
{
	size_t	i;

	for (i = 0; i < nopts(opts); i++) {
		if (letter != 0 && opts[i].letter == letter)
			return &opts[i];
		if (name != NULL && strlen(opts[i].name) == len &&
		    strncmp(opts[i].name, name, len) == 0)
			return &opts[i];
	}
	return NULL;
}

static int
unknown_option(const struct cmd_entry *e, const struct subcmd *s,
    const char *arg, size_t len)
{
	const char	*words[128];
	const char	*near;
	char		 name[64];
	size_t		 i, n = nopts(s->opts);

	for (i = 0; i < n && i < 126; i++)
		words[i] = s->opts[i].name;
	words[i++] = "help";
	words[i] = NULL;
	snprintf(name, sizeof name, "%.*s", (int)(len < 63 ? len : 63), arg);
	if ((near = opt_nearest(name, words)) != NULL)
		return opt_bad_usage(e, s, _("unknown option '--%s'; did you "
		    "mean --%s?"), name, near);
	return opt_bad_usage(e, s, _("unknown option '--%s'"), name);
}

/* The names of the arguments from the n-th to the last required. */
static const char *
missing_args(char *buf, size_t size, const struct subcmd *s, int n)
{
	const char	*p = s->args, *sp;
	size_t		 len;
	int		 i;

	if (p == NULL)
		return _("argument");
	buf[0] = '\0';
	for (i = 0; *p != '\0' && i < s->minargs; i++) {
		sp = strchr(p, ' ');
		len = sp != NULL ? (size_t)(sp - p) : strlen(p);
		if (i >= n)
			snprintf(buf + strlen(buf), size - strlen(buf), "%s%.*s",
			    buf[0] != '\0' ? " " : "", (int)len, p);
		p += len;
		while (*p == ' ')
			p++;
	}
	return buf[0] != '\0' ? buf : s->args;
}

int
opt_parse(struct optv *out, const struct cmd_entry *e, const struct subcmd *s,
    struct cmd_ctx *ctx, int argc, char **argv)
{
	char			 name[128];
	const struct opt	*o;
	struct optval		*ov;
	const char		*a, *eq, *val;
	char			*conv;
	size_t			 n = nopts(s->opts), len;
	int			 i, only_args = 0, rc;

	memset(out, 0, sizeof *out);
	out->entry = e;
	out->sub = s;
	out->opts = s->opts;
	if ((out->vals = calloc(n + 1, sizeof *out->vals)) == NULL ||
	    (out->argv = calloc((size_t)argc + 1, sizeof *out->argv)) ==
	    NULL) {
		optv_free(out);
		return cmd_error(_("out of memory"));
	}
	for (i = 1; i < argc; i++) {
		a = argv[i];
		/* -3 is a number (cal add DATE -3), not an option. */
		if (only_args || a[0] != '-' || a[1] == '\0' ||
		    (a[1] >= '0' && a[1] <= '9' &&
		    find_opt(s->opts, NULL, 0, a[1]) == NULL)) {
			out->argv[out->argc++] = argv[i];
			continue;
		}
		if (strcmp(a, "--") == 0) {
			only_args = 1;
			continue;
		}
		val = NULL;
		if (a[1] == '-') {
			eq = strchr(a + 2, '=');
			len = eq != NULL ? (size_t)(eq - a - 2) : strlen(a + 2);
			if ((o = find_opt(s->opts, a + 2, len, 0)) == NULL) {
				rc = unknown_option(e, s, a + 2, len);
				goto fail;
			}
			if (eq != NULL) {
				if (o->type == OPT_FLAG) {
					rc = opt_bad_usage(e, s, _("--%s takes "
					    "no value"), o->name);
					goto fail;
				}
				val = eq + 1;
			}
		} else {
			if ((o = find_opt(s->opts, NULL, 0, a[1])) == NULL) {
				rc = opt_bad_usage(e, s, _("unknown option "
				    "'-%c'"), a[1]);
				goto fail;
			}
			if (a[2] != '\0') {
				if (o->type == OPT_FLAG) {
					rc = opt_bad_usage(e, s, _("-%c takes "
					    "no value"), a[1]);
					goto fail;
				}
				val = a + 2;
			}
		}
		if (o->type != OPT_FLAG && val == NULL) {
			if (i + 1 >= argc) {
				rc = opt_bad_usage(e, s, _("--%s needs a "
				    "value (%s)"), o->name, type_arg(o));
				goto fail;
			}
			val = argv[++i];
		}
		ov = &out->vals[o - s->opts];
		if (ov->n > 0 && !(o->flags & OPT_REPEAT)) {
			rc = opt_bad_usage(e, s, _("--%s given twice"),
			    o->name);
			goto fail;
		}
		if (convert(&conv, ov, o, ctx, val != NULL ? val : "") != 0) {
			rc = opt_bad_usage(e, s, "--%s: %s", o->name,
			    error_last());
			goto fail;
		}
		if (add_value(ov, conv) != 0) {
			rc = cmd_lib_error();
			goto fail;
		}
	}
	for (i = 0; (size_t)i < n; i++) {
		if ((s->opts[i].flags & OPT_REQUIRED) && out->vals[i].n == 0) {
			rc = opt_bad_usage(e, s, _("--%s is required"),
			    s->opts[i].name);
			goto fail;
		}
	}
	if (out->argc < s->minargs) {
		rc = opt_bad_usage(e, s, _("missing %s"), missing_args(name,
		    sizeof name, s, out->argc));
		goto fail;
	}
	if (s->maxargs >= 0 && out->argc > s->maxargs) {
		rc = opt_bad_usage(e, s, _("unexpected argument '%s'"),
		    out->argv[s->maxargs]);
		goto fail;
	}
	return 0;
fail:
	optv_free(out);
	return rc;
}

void
optv_free(struct optv *ov)
{
	size_t	i, j;

	if (ov->vals != NULL) {
		for (i = 0; i < nopts(ov->opts); i++) {
			for (j = 0; j < ov->vals[i].n; j++)
				free(ov->vals[i].v[j]);
			free(ov->vals[i].v);
		}
	}
	free(ov->vals);
	free(ov->argv);
	memset(ov, 0, sizeof *ov);
}

static const struct optval *
lookup(const struct optv *ov, const char *name)
{
	size_t	i;

	for (i = 0; i < nopts(ov->opts); i++)
		if (strcmp(ov->opts[i].name, name) == 0)
			return &ov->vals[i];
	/* A sub-verb asking for an option it did not declare is a bug. */
	fprintf(stderr, _("nerima-cio: internal error: no option --%s\n"),
	    name);
	abort();
}

int
opt_has(const struct optv *ov, const char *name)
{
	return lookup(ov, name)->n > 0;
}

const char *
opt_get(const struct optv *ov, const char *name)
{
	const struct optval	*v = lookup(ov, name);

	return v->n > 0 ? v->v[v->n - 1] : NULL;
}

size_t
opt_count(const struct optv *ov, const char *name)
{
	return lookup(ov, name)->n;
}

const char *
opt_at(const struct optv *ov, const char *name, size_t i)
{
	const struct optval	*v = lookup(ov, name);

	return i < v->n ? v->v[i] : NULL;
}

int
opt_date(const struct optv *ov, const char *name, struct cal_date *out)
{
	const struct optval	*v = lookup(ov, name);

	if (v->n == 0)
		return 0;
	*out = v->date;
	return 1;
}

int
opt_time(const struct optv *ov, const char *name, int *hour, int *min)
{
	const struct optval	*v = lookup(ov, name);

	if (v->n == 0)
		return 0;
	*hour = v->hour;
	*min = v->min;
	return 1;
}

long long
opt_num(const struct optv *ov, const char *name, long long def)
{
	const struct optval	*v = lookup(ov, name);

	return v->n > 0 ? v->num : def;
}

/*
 * Options made from a schema.
 */

int
opt_field(struct opt *out, char **values, const char *kind, const char *path,
    const struct schema *prop)
{
	const struct schema	*s = schema_resolve(prop);
	const char		*xref, *last;
	const char		*title = schema_title(prop);
	unsigned		 types;
	int			 rep = 0;

	memset(out, 0, sizeof *out);
	*values = NULL;
	if (s == NULL)
		return error_set(NC_ENOTFOUND, _("no field '%s'"), path);
	types = schema_types(s);
	if ((types & SCHEMA_T_ARRAY) && schema_items(s) != NULL) {
		rep = 1;
		prop = schema_items(s);
		s = schema_resolve(prop);
		types = schema_types(s);
	}
	out->flags = rep ? OPT_REPEAT : 0;
	if ((xref = schema_xref(prop)) == NULL)
		xref = schema_xref(s);
	last = strrchr(path, '.') != NULL ? strrchr(path, '.') + 1 : path;
	if (types & (SCHEMA_T_OBJECT | SCHEMA_T_ARRAY))
		return error_set(NC_EINVALID, _("'%s' is not a single value"),
		    path);
	if (schema_nenum(s) > 0) {
		out->type = OPT_ENUM;
		if ((*values = malloc(strlen(kind) + strlen(path) + 2)) == NULL)
			return error_set(NC_ENOMEM, _("out of memory"));
		sprintf(*values, "%s:%s", kind, path);
		out->values = *values;
	} else if (schema_format(s) == SCHEMA_F_DATE)
		out->type = OPT_DATE;
	else if (schema_format(s) == SCHEMA_F_DATETIME)
		out->type = OPT_DATETIME;
	else if (xref != NULL && strcmp(xref, "org") == 0)
		out->type = OPT_ORG;
	else if (xref != NULL && strcmp(xref, "member") == 0)
		out->type = OPT_MEMBER;
	else if (types == SCHEMA_T_BOOLEAN)
		out->type = OPT_BOOL;
	else if ((types & SCHEMA_T_INTEGER) && !(types & SCHEMA_T_STRING)) {
		/* Years as people write them; other numbers as amounts do. */
		if (strcmp(last, "fy") == 0)
			out->type = OPT_FY;
		else {
			out->type = OPT_AMOUNT;
			out->arg = title != NULL && strstr(title, "円") != NULL ?
			    "YEN" : "N";
		}
	} else
		out->type = OPT_TEXT;
	return 0;
}

int
opt_convert_field(char **out, struct cmd_ctx *ctx, const char *kind,
    const char *path, const char *value)
{
	const struct schema	*ks, *prop;
	struct store		*st;
	struct opt		 o;
	char			*values = NULL;
	long long		 n;
	char			 t[32];
	int			 rc;

	*out = NULL;
	if ((st = cmd_store_optional(ctx)) == NULL ||
	    store_kind(&ks, st, kind) != 0)
		return NC_ENOTFOUND;
	if ((prop = schema_at(ks, path)) == NULL)
		return error_set(NC_ENOTFOUND, _("no field '%s'"), path);
	if ((rc = opt_field(&o, &values, kind, path, prop)) != 0)
		return rc;
	rc = convert(out, NULL, &o, ctx, value);
	/* A negative number is not an amount, but may be an integer. */
	if (rc != 0 && o.type == OPT_AMOUNT &&
	    parse_int(&n, value, -999999999999LL, 999999999999LL) == 0) {
		snprintf(t, sizeof t, "%lld", n);
		rc = (*out = strdup(t)) == NULL ?
		    error_set(NC_ENOMEM, _("out of memory")) : 0;
	}
	free(values);
	return rc;
}

/* An option's name for a field: its x-option, else the name, _ as -. */
static char *
field_opt_name(const struct schema *prop, const char *name)
{
	const char	*x = schema_annotation(prop, "x-option");
	char		*n, *p;

	if ((n = strdup(x != NULL ? x : name)) == NULL)
		return NULL;
	for (p = n; *p != '\0'; p++)
		if (*p == '_')
			*p = '-';
	return n;
}

struct otab {
	struct opt	*v;
	size_t		 n, cap;
};

static int
otab_has(const struct otab *t, const char *name)
{
	size_t	i;

	for (i = 0; i < t->n; i++)
		if (strcmp(t->v[i].name, name) == 0)
			return 1;
	return 0;
}

/* Append a copy of o (its strings duplicated). */
static int
otab_add(struct otab *t, const struct opt *o)
{
	struct opt	*nv, *c;

	if (t->n + 2 > t->cap) {
		t->cap = t->cap ? 2 * t->cap : 32;
		if ((nv = realloc(t->v, t->cap * sizeof *nv)) == NULL)
			return error_set(NC_ENOMEM, _("out of memory"));
		t->v = nv;
	}
	c = &t->v[t->n];
	*c = *o;
	c->name = c->arg = c->values = c->help = NULL;
	t->n++;
	memset(&t->v[t->n], 0, sizeof t->v[t->n]);
	if ((c->name = strdup(o->name)) == NULL ||
	    (o->arg != NULL && (c->arg = strdup(o->arg)) == NULL) ||
	    (o->values != NULL && (c->values = strdup(o->values)) == NULL) ||
	    (o->help != NULL && (c->help = strdup(o->help)) == NULL))
		return error_set(NC_ENOMEM, _("out of memory"));
	return 0;
}

/* One option for the field at path, unless the table fills it already. */
static int
add_field_opt(struct otab *t, const char *kind, const char *path,
    const char *name, const struct schema *prop)
{
	struct opt	 o;
	char		*values = NULL, *oname, *kp, upper[64], *up;
	int		 rc;

	if (schema_annotation(prop, "x-add") != NULL &&
	    strcmp(schema_annotation(prop, "x-add"), "false") == 0)
		return 0;
	if (opt_field(&o, &values, kind, path, prop) != 0) {
		error_clear();
		return 0;		/* not a plain value: not an option */
	}
	if ((oname = field_opt_name(prop, name)) == NULL) {
		free(values);
		return error_set(NC_ENOMEM, _("out of memory"));
	}
	rc = 0;
	/* Every such option names its field in values, "kind:path". */
	if ((kp = malloc(strlen(kind) + strlen(path) + 2)) == NULL) {
		free(oname);
		free(values);
		return error_set(NC_ENOMEM, _("out of memory"));
	}
	sprintf(kp, "%s:%s", kind, path);
	if (!otab_has(t, oname)) {
		o.name = oname;
		if (o.type == OPT_ENUM) {
			/* --category CATEGORY */
			snprintf(upper, sizeof upper, "%s", oname);
			for (up = upper; *up != '\0'; up++)
				if (*up >= 'a' && *up <= 'z')
					*up = (char)(*up - 'a' + 'A');
			o.arg = upper;
		}
		o.values = kp;
		o.help = schema_ui_title(prop);
		rc = otab_add(t, &o);
	}
	free(kp);
	free(oname);
	free(values);
	return rc;
}

int
opt_schema_table(struct opt **out, const struct opt *fixed,
    struct cmd_ctx *ctx, const char *kind)
{
	const struct schema	*ks, *p, *q, *r;
	struct store		*st;
	struct otab		 t = { NULL, 0, 0 };
	const char		*name, *sub;
	char			 path[256];
	size_t			 i, j;
	int			 rc = 0;

	*out = NULL;
	if ((st = cmd_store_optional(ctx)) == NULL)
		return NC_ENODIR;
	if ((rc = store_kind(&ks, st, kind)) != 0)
		return rc;
	for (i = 0; i < nopts(fixed) && rc == 0; i++)
		rc = otab_add(&t, &fixed[i]);
	for (i = 0; i < schema_nprops(ks) && rc == 0; i++) {
		p = schema_prop_at(ks, i, &name);
		if (strcmp(name, "id") == 0 || strcmp(name, "fy") == 0)
			continue;
		r = schema_resolve(p);
		if (!(schema_types(r) & SCHEMA_T_OBJECT) ||
		    schema_nprops(r) == 0) {
			rc = add_field_opt(&t, kind, name, name, p);
			continue;
		}
		/* A mapping of plain values (security): its fields. */
		if (schema_annotation(p, "x-add") != NULL &&
		    strcmp(schema_annotation(p, "x-add"), "false") == 0)
			continue;
		for (j = 0; j < schema_nprops(r) && rc == 0; j++) {
			q = schema_prop_at(r, j, &sub);
			snprintf(path, sizeof path, "%s.%s", name, sub);
			rc = add_field_opt(&t, kind, path, sub, q);
		}
	}
	if (rc != 0) {
		opt_table_free(t.v);
		return rc;
	}
	if (t.v == NULL && (t.v = calloc(1, sizeof *t.v)) == NULL)
		return error_set(NC_ENOMEM, _("out of memory"));
	*out = t.v;
	return 0;
}

void
opt_table_free(struct opt *v)
{
	size_t	i;

	for (i = 0; v != NULL && v[i].name != NULL; i++) {
		free((char *)v[i].name);
		free((char *)v[i].arg);
		free((char *)v[i].values);
		free((char *)v[i].help);
	}
	free(v);
}

int
opt_set_fields(struct ydoc *doc, struct node *root, const struct optv *ov,
    const struct opt *fixed)
{
	const struct opt	*o;
	const char		*path;
	size_t			 i, k;
	int			 rc;

	for (i = 0; i < nopts(ov->opts); i++) {
		o = &ov->opts[i];
		if (find_opt(fixed, o->name, strlen(o->name), 0) != NULL ||
		    o->values == NULL || (path = strchr(o->values, ':')) ==
		    NULL)
			continue;
		for (k = 0; k < ov->vals[i].n; k++) {
			if ((rc = record_set_field(doc, root, path + 1,
			    ov->vals[i].v[k], (o->flags & OPT_REPEAT) != 0)) !=
			    0)
				return rc;
		}
	}
	return 0;
}
