/*
 * Schema patterns: a fast matcher for anchored runs of ASCII literals and
 * bracket classes with counts, regexec() for everything else.
 */
#include <regex.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "pattern.h"

#define PATTERN_MAX_ATOMS	32

struct atom {
	unsigned char	set[16];	/* ASCII bytes this atom accepts */
	int		min;
	int		max;		/* -1: no limit */
};

struct pattern {
	regex_t		re;
	int		simple;
	int		head;		/* anchored at the start (^) */
	int		tail;		/* anchored at the end ($) */
	size_t		natoms;
	struct atom	atoms[PATTERN_MAX_ATOMS];
};

static void
set_add(struct atom *a, int c)
{
	a->set[c >> 3] |= (unsigned char)(1u << (c & 7));
}

static int
set_has(const struct atom *a, int c)
{
	return c < 128 && (a->set[c >> 3] & (1u << (c & 7))) != 0;
}

static int
is_ascii_print(int c)
{
	return c >= 0x20 && c < 0x7f;
}

/* A bracket expression at p (after '['); returns the byte after ']'. */
static const char *
parse_bracket(struct atom *a, const char *p)
{
	int	c, hi, first = 1;

	if (*p == '^')
		return NULL;		/* negation: leave it to regexec */
	while (*p != '\0' && (*p != ']' || first)) {
		c = (unsigned char)*p;
		if (!is_ascii_print(c) || (c == '[' && (p[1] == ':' ||
		    p[1] == '.' || p[1] == '=')))
			return NULL;
		if (p[1] == '-' && p[2] != ']' && p[2] != '\0') {
			hi = (unsigned char)p[2];
			if (!is_ascii_print(hi) || hi < c || hi == '[')
				return NULL;
			for (; c <= hi; c++)
				set_add(a, c);
			p += 3;
		} else {
			set_add(a, c);
			p++;
		}
		first = 0;
	}
	return *p == ']' ? p + 1 : NULL;
}

static int
parse_count(const char **pp, int *out)
{
	const char	*p = *pp;
	int		 n = 0;

	if (*p < '0' || *p > '9')
		return -1;
	while (*p >= '0' && *p <= '9') {
		n = n * 10 + (*p - '0');
		if (n > 255)
			return -1;
		p++;
	}
	*pp = p;
	*out = n;
	return 0;
}

/* Fill p->atoms when src is in the fast subset; 0 when it is not. */
static int
parse_simple(struct pattern *pt, const char *src)
{
	const char	*p = src;
	struct atom	*a;
	int		 c;

	if (*p == '^') {
		pt->head = 1;
		p++;
	}
	while (*p != '\0') {
		if (*p == '$' && p[1] == '\0') {
			pt->tail = 1;
			break;
		}
		if (pt->natoms == PATTERN_MAX_ATOMS)
			return 0;
		a = &pt->atoms[pt->natoms];
		memset(a, 0, sizeof *a);
		a->min = a->max = 1;
		c = (unsigned char)*p;
		if (c == '[') {
			if ((p = parse_bracket(a, p + 1)) == NULL)
				return 0;
		} else if (c == '\\') {
			/* An escaped punctuation mark is itself. */
			c = (unsigned char)p[1];
			if (!is_ascii_print(c) || (c >= '0' && c <= '9') ||
			    (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
				return 0;
			set_add(a, c);
			p += 2;
		} else if (strchr(".()|^$*+?{}]", c) != NULL ||
		    !is_ascii_print(c)) {
			return 0;
		} else {
			set_add(a, c);
			p++;
		}
		switch (*p) {
		case '?':
			a->min = 0;
			p++;
			break;
		case '*':
			a->min = 0;
			a->max = -1;
			p++;
			break;
		case '+':
			a->max = -1;
			p++;
			break;
		case '{':
			p++;
			if (parse_count(&p, &a->min) != 0)
				return 0;
			a->max = a->min;
			if (*p == ',') {
				p++;
				a->max = -1;
				if (*p != '}' && parse_count(&p, &a->max) != 0)
					return 0;
			}
			if (*p != '}' || (a->max != -1 && a->max < a->min))
				return 0;
			p++;
			break;
		default:
			break;
		}
		/* "a**" and the like: regcomp's business. */
		if (*p == '?' || *p == '*' || *p == '+' || *p == '{')
			return 0;
		pt->natoms++;
	}
	return 1;
}

static int
match_here(const struct pattern *pt, size_t i, const unsigned char *s)
{
	const struct atom	*a;
	int			 n;

	if (i == pt->natoms)
		return !pt->tail || *s == '\0';
	a = &pt->atoms[i];
	for (n = 0; (a->max == -1 || n < a->max) && s[n] != '\0' &&
	    set_has(a, s[n]); n++)
		;
	for (; n >= a->min; n--) {
		if (match_here(pt, i + 1, s + n))
			return 1;
	}
	return 0;
}

int
pattern_compile(struct pattern **out, const char *src)
{
	struct pattern	*pt;
	char		 msg[256];
	int		 rc;

	*out = NULL;
	if ((pt = calloc(1, sizeof *pt)) == NULL)
		return error_set(NC_ENOMEM, "out of memory");
	/* Compiled either way: regcomp is the judge of what is valid. */
	if ((rc = regcomp(&pt->re, src, REG_EXTENDED | REG_NOSUB)) != 0) {
		regerror(rc, &pt->re, msg, sizeof msg);
		free(pt);
		return error_set(NC_EINVALID, "%s", msg);
	}
	pt->simple = parse_simple(pt, src);
	*out = pt;
	return 0;
}

/* Why src could take regcomp() unbounded time, or NULL. */
static const char *
unbounded(const char *src)
{
	int		 rep[PATTERN_MAX_LEN + 1];	/* per open group */
	const char	*p = src;
	size_t		 depth = 0;
	long		 n;
	int		 last = 0;	/* 1: an atom, 2: a repetition */
	int		 grp = 0;	/* last atom a group that repeats */

	if (strlen(src) > PATTERN_MAX_LEN)
		return "longer than 256 bytes";
	rep[0] = 0;
	while (*p != '\0') {
		switch (*p) {
		case '\\':
			if (p[1] != '\0')
				p++;
			p++;
			last = 1, grp = 0;
			continue;
		case '[':
			p++;
			if (*p == '^')
				p++;
			if (*p == ']')
				p++;
			while (*p != '\0' && *p != ']') {
				if (*p == '[' && (p[1] == ':' || p[1] == '.' ||
				    p[1] == '=')) {
					char	c = p[1];

					for (p += 2; *p != '\0' &&
					    !(p[0] == c && p[1] == ']'); p++)
						;
					if (*p != '\0')
						p++;
				}
				if (*p != '\0')
					p++;
			}
			if (*p == ']')
				p++;
			last = 1, grp = 0;
			continue;
		case '(':
			rep[++depth] = 0;
			p++;
			last = 0, grp = 0;
			continue;
		case ')':
			if (depth > 0) {
				grp = rep[depth--];
				if (grp)
					rep[depth] = 1;
			}
			p++;
			last = 1;
			continue;
		case '*':
		case '+':
		case '?':
		case '{':
			if (last == 2)
				return "a repetition right after another";
			if (*p == '{') {
				for (p++; *p != '\0' && *p != '}'; p++) {
					if (*p < '0' || *p > '9')
						continue;
					n = strtol(p, (char **)&p, 10);
					if (n > PATTERN_MAX_COUNT)
						return "a count above 100";
					p--;
				}
			}
			if (*p != '?' && grp)
				return "a repeated group that repeats inside";
			rep[depth] = 1;
			if (*p != '\0')
				p++;
			last = 2, grp = 0;
			continue;
		default:
			p++;
			last = 1, grp = 0;
			continue;
		}
	}
	return NULL;
}

int
pattern_compile_bounded(struct pattern **out, const char *src)
{
	const char	*why;

	*out = NULL;
	if ((why = unbounded(src)) != NULL)
		return error_set(NC_EINVALID, "pattern '%.40s%s' refused: %s"
		    " (it could take unbounded time)", src,
		    strlen(src) > 40 ? "..." : "", why);
	return pattern_compile(out, src);
}

void
pattern_free(struct pattern *pt)
{
	if (pt == NULL)
		return;
	regfree(&pt->re);
	free(pt);
}

int
pattern_match(const struct pattern *pt, const char *s)
{
	const unsigned char	*p = (const unsigned char *)s;

	if (!pt->simple)
		return regexec(&pt->re, s, 0, NULL, 0) == 0;
	if (pt->head)
		return match_here(pt, 0, p);
	for (;; p++) {
		if (match_here(pt, 0, p))
			return 1;
		if (*p == '\0')
			return 0;
	}
}

int
pattern_is_simple(const struct pattern *pt)
{
	return pt->simple;
}
