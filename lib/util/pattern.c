/*
 * Schema patterns: a fast matcher for anchored runs of ASCII literals and
 * bracket classes with counts, regexec() for everything else.
 */
#include <regex.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "pattern.h"

#define PATTERN_MAX_ATOMS	32
/* The automaton path: at most this many states, instructions, tree nodes. */
#define NFA_MAX_SETS		64
#define NFA_MAX_PROG		256
#define NFA_MAX_TREE		128

struct atom {
	unsigned char	set[16];	/* ASCII bytes this atom accepts */
	int		min;
	int		max;		/* -1: no limit */
};

/*
 * The automaton path: a pattern with groups and alternation as a
 * position automaton over at most 64 bracket sets.  State k is "set k
 * matched last"; follow[k] are the states reachable next (through
 * groups, alternatives and repetitions), fmatch[k] whether the pattern
 * can end there; bychar[c] the states whose set has byte c.  A match runs the states as a bit set, one step a byte:
 * linear in the subject, whatever the pattern.
 */
struct nfa {
	uint64_t	 bychar[128];	/* the states whose set has the byte */
	uint64_t	 start;		/* the states of the first byte */
	int		 smatch;	/* the empty string matches */
	uint64_t	 follow[NFA_MAX_SETS];
	unsigned char	 fmatch[NFA_MAX_SETS];
};

struct pattern {
	regex_t		re;
	int		has_re;		/* re compiled and kept */
	int		simple;		/* 1: atoms, 2: nfa, 0: regexec */
	int		head;		/* anchored at the start (^) */
	int		tail;		/* anchored at the end ($) */
	size_t		natoms;
	struct atom	atoms[PATTERN_MAX_ATOMS];
	struct nfa	*nfa;
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

/*
 * Whether "\c" is the character c itself.  Letters and digits are not
 * (classes, back references), nor the GNU anchors regexec() gives "\`",
 * "\'", "\<" and "\>": a pattern with them is left to regexec().
 */
static int
escape_is_literal(unsigned char c)
{
	return is_ascii_print(c) && !(c >= '0' && c <= '9') &&
	    !(c >= 'a' && c <= 'z') && !(c >= 'A' && c <= 'Z') &&
	    strchr("`'<>", c) == NULL;
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
			if (!escape_is_literal(c))
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

/*
 * The automaton path, for what the atoms cannot say: groups, alternation
 * and repetition of groups over ASCII literals and bracket sets.  The
 * pattern is parsed into a tree, the tree emitted as a program (set,
 * split, jump, match) and the program's epsilon closures folded into
 * struct nfa.  Anything else (., negated or named classes, back
 * references, anchors inside, non-ASCII) stays with regexec().
 */
enum { T_SET = 1, T_CAT, T_ALT, T_REP, T_EMPTY };

struct tnode {
	int		type;
	int		l, r;		/* children (T_CAT, T_ALT), child (T_REP) */
	int		min, max;	/* T_REP; max -1: no limit */
	struct atom	a;		/* T_SET */
};

struct tparse {
	const char	*p;
	struct tnode	 t[NFA_MAX_TREE];
	int		 n;
	int		 bad;
	int		 top_alt;	/* a | outside every group */
};

enum { OP_SET = 1, OP_SPLIT, OP_JMP, OP_MATCH };

struct instr {
	int	op;
	int	x, y;		/* OP_SET: set index; OP_SPLIT x, y; OP_JMP x */
};

struct tprog {
	struct instr	 v[NFA_MAX_PROG];
	int		 n;
	int		 nsets;
	int		 bad;
	unsigned char	 set[NFA_MAX_SETS][16];
};

static int
tnew(struct tparse *tp, int type)
{
	if (tp->n == NFA_MAX_TREE) {
		tp->bad = 1;
		return 0;
	}
	memset(&tp->t[tp->n], 0, sizeof tp->t[tp->n]);
	tp->t[tp->n].type = type;
	return tp->n++;
}

static int talt(struct tparse *, int);

/* An atom and its repetition; -1 at the end of a branch. */
static int
trepeat(struct tparse *tp, int depth)
{
	struct atom	 a;
	int		 n, c, min, max;

	c = (unsigned char)*tp->p;
	if (c == '\0' || c == '|' || c == ')')
		return -1;
	memset(&a, 0, sizeof a);
	if (c == '(') {
		tp->p++;
		if (depth >= 16 || *tp->p == ')') {
			tp->bad = 1;
			return -1;
		}
		n = talt(tp, depth + 1);
		if (tp->bad || *tp->p != ')') {
			tp->bad = 1;
			return -1;
		}
		tp->p++;
	} else {
		if (c == '[') {
			if ((tp->p = parse_bracket(&a, tp->p + 1)) == NULL) {
				tp->bad = 1;
				return -1;
			}
		} else if (c == '\\') {
			c = (unsigned char)tp->p[1];
			if (!escape_is_literal(c)) {
				tp->bad = 1;
				return -1;
			}
			set_add(&a, c);
			tp->p += 2;
		} else if (strchr(".^$*+?{}]", c) != NULL ||
		    !is_ascii_print(c)) {
			tp->bad = 1;
			return -1;
		} else {
			set_add(&a, c);
			tp->p++;
		}
		n = tnew(tp, T_SET);
		tp->t[n].a = a;
	}
	c = (unsigned char)*tp->p;
	if (c != '?' && c != '*' && c != '+' && c != '{')
		return n;
	min = c == '+' ? 1 : 0;
	max = c == '?' ? 1 : -1;
	tp->p++;
	if (c == '{') {
		if (parse_count(&tp->p, &min) != 0) {
			tp->bad = 1;
			return -1;
		}
		max = min;
		if (*tp->p == ',') {
			tp->p++;
			max = -1;
			if (*tp->p != '}' && parse_count(&tp->p, &max) != 0) {
				tp->bad = 1;
				return -1;
			}
		}
		if (*tp->p != '}' || (max != -1 && max < min) || min > 16 ||
		    max > 16) {
			tp->bad = 1;
			return -1;
		}
		tp->p++;
	}
	c = (unsigned char)*tp->p;
	if (c == '?' || c == '*' || c == '+' || c == '{') {
		tp->bad = 1;	/* "a**" and the like: regcomp's business */
		return -1;
	}
	c = tnew(tp, T_REP);
	tp->t[c].l = n;
	tp->t[c].min = min;
	tp->t[c].max = max;
	return c;
}

/* A branch: atoms one after another; at least one. */
static int
tcat(struct tparse *tp, int depth)
{
	int	l, r, n;

	if ((l = trepeat(tp, depth)) < 0) {
		tp->bad = 1;	/* an empty branch */
		return -1;
	}
	while (!tp->bad && (r = trepeat(tp, depth)) >= 0) {
		n = tnew(tp, T_CAT);
		tp->t[n].l = l;
		tp->t[n].r = r;
		l = n;
	}
	return l;
}

static int
talt(struct tparse *tp, int depth)
{
	int	l, r, n;

	l = tcat(tp, depth);
	while (!tp->bad && *tp->p == '|') {
		if (depth == 0)
			tp->top_alt = 1;
		tp->p++;
		r = tcat(tp, depth);
		n = tnew(tp, T_ALT);
		tp->t[n].l = l;
		tp->t[n].r = r;
		l = n;
	}
	return l;
}

static int
emit(struct tprog *pg, int op, int x, int y)
{
	if (pg->n == NFA_MAX_PROG) {
		pg->bad = 1;
		return 0;
	}
	pg->v[pg->n].op = op;
	pg->v[pg->n].x = x;
	pg->v[pg->n].y = y;
	return pg->n++;
}

static void
emit_tree(struct tprog *pg, const struct tparse *tp, int i)
{
	const struct tnode	*t = &tp->t[i];
	int			 k, split, jmp;

	if (pg->bad)
		return;
	switch (t->type) {
	case T_SET:
		if (pg->nsets == NFA_MAX_SETS) {
			pg->bad = 1;
			return;
		}
		memcpy(pg->set[pg->nsets], t->a.set, 16);
		emit(pg, OP_SET, pg->nsets++, 0);
		break;
	case T_CAT:
		emit_tree(pg, tp, t->l);
		emit_tree(pg, tp, t->r);
		break;
	case T_ALT:
		split = emit(pg, OP_SPLIT, 0, 0);
		pg->v[split].x = pg->n;
		emit_tree(pg, tp, t->l);
		jmp = emit(pg, OP_JMP, 0, 0);
		pg->v[split].y = pg->n;
		emit_tree(pg, tp, t->r);
		pg->v[jmp].x = pg->n;
		break;
	case T_REP:
		for (k = 0; k < t->min; k++)
			emit_tree(pg, tp, t->l);
		if (t->max == -1) {
			/* x*: a split back to itself around x */
			split = emit(pg, OP_SPLIT, 0, 0);
			pg->v[split].x = pg->n;
			emit_tree(pg, tp, t->l);
			emit(pg, OP_JMP, split, 0);
			pg->v[split].y = pg->n;
			break;
		}
		for (; k < t->max; k++) {
			/* x?, max - min times */
			split = emit(pg, OP_SPLIT, 0, 0);
			pg->v[split].x = pg->n;
			emit_tree(pg, tp, t->l);
			pg->v[split].y = pg->n;
		}
		break;
	}
}

/* The states reachable from pc without reading a byte. */
static void
closure(const struct tprog *pg, int pc, uint64_t *states, int *match,
    unsigned char *seen)
{
	while (pc < pg->n && !seen[pc]) {
		seen[pc] = 1;
		switch (pg->v[pc].op) {
		case OP_SET:
			*states |= (uint64_t)1 << pg->v[pc].x;
			return;
		case OP_MATCH:
			*match = 1;
			return;
		case OP_JMP:
			pc = pg->v[pc].x;
			break;
		default:
			closure(pg, pg->v[pc].x, states, match, seen);
			pc = pg->v[pc].y;
			break;
		}
	}
}

/* Fill pt->nfa when src is in the automaton's subset; 0 when it is not. */
static int
parse_nfa(struct pattern *pt, const char *src)
{
	struct tparse	*tp = NULL;
	struct tprog	*pg = NULL;
	struct nfa	*a = NULL;
	unsigned char	 seen[NFA_MAX_PROG];
	size_t		 len = strlen(src);
	char		*body = NULL;
	int		 root, pc, ok = 0, m;

	if ((tp = calloc(1, sizeof *tp)) == NULL ||
	    (pg = calloc(1, sizeof *pg)) == NULL ||
	    (a = calloc(1, sizeof *a)) == NULL ||
	    (body = strdup(src)) == NULL)
		goto done;
	pt->head = pt->tail = 0;
	tp->p = body;
	if (*tp->p == '^') {
		pt->head = 1;
		tp->p++;
	}
	/* A last $ is the anchor unless escaped (an odd run of \ before). */
	if (len > (size_t)(tp->p - body) && body[len - 1] == '$') {
		size_t	 i = len - 1, nb = 0;

		while (i > (size_t)(tp->p - body) && body[i - 1] == '\\') {
			nb++;
			i--;
		}
		if (nb % 2 == 0) {
			pt->tail = 1;
			body[len - 1] = '\0';
		}
	}
	if (*tp->p == '\0')
		goto done;	/* "^$" and the like: the atoms' business */
	root = talt(tp, 0);
	if (tp->bad || *tp->p != '\0')
		goto done;
	/* ^a|b$ anchors one alternative each: leave that to regexec */
	if (tp->top_alt && (pt->head || pt->tail))
		goto done;
	emit_tree(pg, tp, root);
	emit(pg, OP_MATCH, 0, 0);
	if (pg->bad)
		goto done;
	for (pc = 0; pc < pg->nsets; pc++)
		for (m = 0; m < 128; m++)
			if (pg->set[pc][m >> 3] & (1u << (m & 7)))
				a->bychar[m] |= (uint64_t)1 << pc;
	memset(seen, 0, sizeof seen);
	m = 0;
	closure(pg, 0, &a->start, &m, seen);
	a->smatch = (unsigned char)m;
	for (pc = 0; pc < pg->n; pc++) {
		if (pg->v[pc].op != OP_SET)
			continue;
		memset(seen, 0, sizeof seen);
		m = 0;
		closure(pg, pc + 1, &a->follow[pg->v[pc].x], &m, seen);
		a->fmatch[pg->v[pc].x] = (unsigned char)m;
	}
	pt->nfa = a;
	a = NULL;
	ok = 1;
done:
	if (!ok)
		pt->head = pt->tail = 0;
	free(tp);
	free(pg);
	free(a);
	free(body);
	return ok;
}

static int
match_nfa(const struct pattern *pt, const unsigned char *s)
{
	const struct nfa	*a = pt->nfa;
	uint64_t		 cur = a->start, next, left;
	int			 k, m;

	if (a->smatch && (!pt->tail || !pt->head || *s == '\0'))
		return 1;
	for (; *s != '\0'; s++) {
		next = 0;
		m = 0;
		left = *s < 128 ? cur & a->bychar[*s] : 0;
		for (; left != 0; left &= left - 1) {
#if defined(__GNUC__)
			k = __builtin_ctzll(left);
#else
			for (k = 0; !(left & ((uint64_t)1 << k)); k++)
				;
#endif
			next |= a->follow[k];
			m |= a->fmatch[k];
		}
		if (m && (!pt->tail || s[1] == '\0'))
			return 1;
		/* Unanchored: a match may also start at the next byte. */
		cur = pt->head ? next : next | a->start;
		if (cur == 0)
			return 0;
	}
	return 0;
}

/*
 * regcomp() is the judge of what is valid, and the matcher of what the
 * fast paths do not serve.  With check 0 (the caller knows these bytes
 * compiled before) a pattern a fast path serves is not given to it: in a
 * UTF-8 locale regcomp() costs over 100,000 instructions for a pattern
 * like ^rv-[0-9a-hjkmnp-tv-z]{8}$ (3.7 M for the 27 of the schemas).
 * A fast path's pattern is never matched with regexec(), so its compiled
 * form is freed at once.
 */
static int
compile(struct pattern **out, const char *src, int check)
{
	struct pattern	*pt;
	char		 msg[256];
	int		 rc;

	*out = NULL;
	if ((pt = calloc(1, sizeof *pt)) == NULL)
		return error_set(NC_ENOMEM, "out of memory");
	pt->simple = parse_simple(pt, src);
	if (!pt->simple && parse_nfa(pt, src))
		pt->simple = 2;
	if (check || !pt->simple) {
		if ((rc = regcomp(&pt->re, src, REG_EXTENDED | REG_NOSUB)) !=
		    0) {
			regerror(rc, &pt->re, msg, sizeof msg);
			free(pt->nfa);
			free(pt);
			return error_set(NC_EINVALID, "%s", msg);
		}
		/* A fast path serves it: the compiled form is not kept. */
		if (pt->simple)
			regfree(&pt->re);
		else
			pt->has_re = 1;
	}
	*out = pt;
	return 0;
}

int
pattern_compile(struct pattern **out, const char *src)
{
	return compile(out, src, 1);
}

int
pattern_compile_known(struct pattern **out, const char *src)
{
	return compile(out, src, 0);
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
	if (pt->has_re)
		regfree(&pt->re);
	free(pt->nfa);
	free(pt);
}

int
pattern_match(const struct pattern *pt, const char *s)
{
	const unsigned char	*p = (const unsigned char *)s;

	if (!pt->simple)
		return regexec(&pt->re, s, 0, NULL, 0) == 0;
	if (pt->simple == 2)
		return match_nfa(pt, p);
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
