/*
 * The document reader: see quickdoc.h.
 *
 * It reads line by line.  A collection is read at the column its first
 * entry starts (a line's indent, or the column after "- " for a
 * collection that is an item of a sequence); every later entry starts a
 * line at that indent, a line indented less ends it, and a line indented
 * more than its entries allow, or at an indent no open collection has, is
 * declined.  The marks are those libyaml gives: a mapping at its first
 * key, a sequence at its first "-", a scalar at its first character (the
 * quote, the "|"), an empty value just after its ":" or "-"; columns
 * count characters, not bytes.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#if defined(__SSE2__) && !defined(QD_NO_SIMD)
#include <emmintrin.h>
#endif

#include "error.h"
#include "quickdoc.h"
#include "strmap.h"

/* Deeper than this, libyaml reads it (and stops at NODE_MAX_DEPTH). */
#define QD_MAX_DEPTH	(NODE_MAX_DEPTH - 4)
/* A mapping with more keys than this finds duplicates through a hash. */
#define QD_DUP_LINEAR	16
/*
 * A quoted key longer in the source than this: libyaml's simple keys are
 * at most 1024 characters.
 */
#define QD_MAX_KEY_SRC	1000

/*
 * The block of a top-level field left out: the lines from `from` (the
 * line after `key:`) to `to` (the next line with a character at column
 * 0, or the end), `lines` of them.
 */
struct qd_cut {
	size_t		 from;
	size_t		 to;
	unsigned	 lines;
	size_t		 key;	/* its key, of skip */
};

/* At most this many top-level fields are left out. */
#define QD_MAX_CUT	8

struct qd {
	const unsigned char	*u;
	size_t			 len;
	size_t			 ls;	/* the current line's start */
	size_t			 le;	/* its LF */
	size_t			 at;	/* where reading goes on */
	unsigned		 line;	/* of ls, 1-based */
	int			 eof;
	int			 nomem;
	struct ydoc		*doc;
	/* quickdoc_parse_without(): the top-level fields left out */
	const char *const	*skip;
	size_t			 nskip;
	const struct qd_cut	*cut;	/* their blocks, in file order */
	size_t			 ncut;
	size_t			 used;	/* of cut, passed over */
	uint32_t		 seen;	/* of skip, by bit */
};

/*
 * Whether libyaml reads every character of u as it stands and none of
 * them changes what the reader sees: printable ASCII, LF and tab, and
 * strict UTF-8 of U+00A0 and up but the line and paragraph separators,
 * the BOM, U+FFFE and U+FFFF.  No CR, no NEL, no control character.
 */
static int
text_ok(const unsigned char *u, size_t len)
{
	size_t		i = 0, more, k;
	uint32_t	cp, min;

	while (i < len) {
#if defined(__SSE2__) && !defined(QD_NO_SIMD)
		/* Runs of printable ASCII, LF and tab, 16 bytes at a time. */
		while (i + 16 <= len) {
			const __m128i	v = _mm_loadu_si128(
			    (const __m128i *)(const void *)(u + i));
			const __m128i	ok = _mm_or_si128(_mm_cmpeq_epi8(v,
			    _mm_set1_epi8('\n')), _mm_cmpeq_epi8(v,
			    _mm_set1_epi8('\t')));
			const __m128i	bad = _mm_or_si128(
			    _mm_andnot_si128(ok, _mm_cmplt_epi8(v,
			    _mm_set1_epi8(0x20))), _mm_cmpeq_epi8(v,
			    _mm_set1_epi8(0x7f)));

			/* (bytes from 0x80 are negative: in bad too) */
			if (_mm_movemask_epi8(bad) != 0)
				break;
			i += 16;
		}
		if (i == len)
			break;
#endif
		if (u[i] < 0x80) {
			if ((u[i] < 0x20 && u[i] != '\n' && u[i] != '\t') ||
			    u[i] == 0x7f)
				return 0;
			i++;
			continue;
		}
		if (u[i] >= 0xc2 && u[i] <= 0xdf) {
			cp = u[i] & 0x1f;
			more = 1;
			min = 0x80;
		} else if (u[i] >= 0xe0 && u[i] <= 0xef) {
			cp = u[i] & 0x0f;
			more = 2;
			min = 0x800;
		} else if (u[i] >= 0xf0 && u[i] <= 0xf4) {
			cp = u[i] & 0x07;
			more = 3;
			min = 0x10000;
		} else
			return 0;
		if (len - i <= more)
			return 0;
		for (k = 1; k <= more; k++) {
			if ((u[i + k] & 0xc0) != 0x80)
				return 0;
			cp = cp << 6 | (u[i + k] & 0x3f);
		}
		if (cp < min || cp < 0xa0 || (cp >= 0xd800 && cp <= 0xdfff) ||
		    cp > 0x10ffff || cp == 0x2028 || cp == 0x2029 ||
		    cp == 0xfeff || cp == 0xfffe || cp == 0xffff)
			return 0;
		i += more + 1;
	}
	return 1;
}

/* The line at q->ls: its end and its first byte that is not a space. */
static void
qd_line(struct qd *q)
{
	const unsigned char	*nl;

	if (q->ls >= q->len) {
		q->eof = 1;
		q->at = q->le = q->len;
		return;
	}
	/* (the buffer ends with a LF) */
	nl = memchr(q->u + q->ls, '\n', q->len - q->ls);
	q->le = (size_t)(nl - q->u);
	for (q->at = q->ls; q->at < q->le && q->u[q->at] == ' '; q->at++)
		;
}

static void
qd_next(struct qd *q)
{
	q->ls = q->le + 1;
	q->line++;
	qd_line(q);
}

/*
 * Past empty lines and comment lines (spaces, then '#'), which libyaml
 * skips between the entries of block collections; never inside a
 * literal block, which reads its own lines.
 */
static void
qd_skip(struct qd *q)
{
	while (!q->eof && (q->ls == q->le || (q->at < q->le &&
	    q->u[q->at] == '#')))
		qd_next(q);
}

/* The 1-based column of p on the current line, in characters. */
static unsigned
qd_col(const struct qd *q, size_t p)
{
	unsigned	c = 1;
	size_t		i;

	for (i = q->ls; i < p; i++)
		if ((q->u[i] & 0xc0) != 0x80)
			c++;
	return c;
}

/* Whether q->at starts a sequence entry: "-" then a space or the LF. */
static int
qd_entry(const struct qd *q)
{
	return q->u[q->at] == '-' && (q->at + 1 == q->le ||
	    q->u[q->at + 1] == ' ');
}

/*
 * Whether p[0..n) is a plain scalar that YAML reads as written on one
 * line of a block collection: not empty, no indicator first (a '-' only
 * before a character that is not a space, and never in a key), no
 * document marker, no blank at either end, no tab, no `: ` or ` #`, no
 * colon last.  text_ok() has seen the characters.
 */
static int
plain_ok(const unsigned char *p, size_t n, int key)
{
	size_t	i;

	if (n == 0 || p[0] == ' ' || p[n - 1] == ' ' || p[n - 1] == ':')
		return 0;
	if (strchr("?:,[]{}#&*!|>'\"%@`\t", p[0]) != NULL)
		return 0;
	if (p[0] == '-' && (key || n == 1 || p[1] == ' '))
		return 0;
	if (n >= 3 && (memcmp(p, "---", 3) == 0 || memcmp(p, "...", 3) == 0))
		return 0;
	for (i = 0; i < n; i++) {
		if (p[i] == '\t')
			return 0;
		if (p[i] == ':' && p[i + 1] == ' ')
			return 0;
		if (p[i] == ' ' && p[i + 1] == '#')
			return 0;
	}
	return 1;
}

static void
put_utf8(unsigned char **d, uint32_t c)
{
	unsigned char	*o = *d;

	if (c < 0x80) {
		*o++ = (unsigned char)c;
	} else if (c < 0x800) {
		*o++ = (unsigned char)(0xc0 | c >> 6);
		*o++ = (unsigned char)(0x80 | (c & 0x3f));
	} else {
		*o++ = (unsigned char)(0xe0 | c >> 12);
		*o++ = (unsigned char)(0x80 | ((c >> 6) & 0x3f));
		*o++ = (unsigned char)(0x80 | (c & 0x3f));
	}
	*d = o;
}

static int
hex(unsigned char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/*
 * The double-quoted scalar at u[at] on a line ending at le: the escapes
 * the writer uses (\" \\ \n \t \r \N \L \P \xXX \uXXXX, none giving a NUL
 * or a surrogate), no raw tab, closed on the same line.  Sets *end past
 * the closing quote and, with dst, writes the text there (never longer
 * than the source) and its length in *n.  0 to decline.
 */
static int
qd_dquoted(const unsigned char *u, size_t at, size_t le, unsigned char *dst,
    size_t *end, size_t *n)
{
	unsigned char	*o = dst;
	size_t		 i, k, digits, cnt = 0;
	uint32_t	 c;
	int		 h;

	for (i = at + 1; i < le; i++) {
		if (u[i] == '"') {
			*end = i + 1;
			if (n != NULL)
				*n = cnt;
			return 1;
		}
		if (u[i] == '\t')
			return 0;
		if (u[i] != '\\') {
			if (dst != NULL)
				*o++ = u[i];
			cnt++;
			continue;
		}
		if (++i == le)
			return 0;
		digits = 0;
		switch (u[i]) {
		case '"':
		case '\\':
			c = u[i];
			break;
		case 'n':
			c = '\n';
			break;
		case 't':
			c = '\t';
			break;
		case 'r':
			c = '\r';
			break;
		case 'N':
			c = 0x85;
			break;
		case 'L':
			c = 0x2028;
			break;
		case 'P':
			c = 0x2029;
			break;
		case 'x':
			digits = 2;
			break;
		case 'u':
			digits = 4;
			break;
		default:
			return 0;
		}
		if (digits != 0) {
			if (le - i <= digits)
				return 0;
			for (c = 0, k = 1; k <= digits; k++) {
				if ((h = hex(u[i + k])) < 0)
					return 0;
				c = c << 4 | (uint32_t)h;
			}
			i += digits;
			if (c == 0 || (c >= 0xd800 && c <= 0xdfff))
				return 0;
		}
		if (dst != NULL)
			put_utf8(&o, c);
		cnt += c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
	}
	return 0;
}

/* The same for a single-quoted scalar ('' is a quote). */
static int
qd_squoted(const unsigned char *u, size_t at, size_t le, unsigned char *dst,
    size_t *end, size_t *n)
{
	unsigned char	*o = dst;
	size_t		 i;

	for (i = at + 1; i < le; i++) {
		if (u[i] == '\t')
			return 0;
		if (u[i] == '\'') {
			if (i + 1 < le && u[i + 1] == '\'') {
				i++;
			} else {
				*end = i + 1;
				if (dst != NULL)
					*n = (size_t)(o - dst);
				return 1;
			}
		}
		if (dst != NULL)
			*o++ = u[i];
	}
	return 0;
}

/* A new scalar node of n bytes (text copied from src), marked at p. */
static struct node *
qd_scalar(struct qd *q, const unsigned char *src, size_t n,
    enum node_style style, size_t p)
{
	struct node	*s;

	if ((s = node_scalar(q->doc, (const char *)src, n)) == NULL) {
		q->nomem = 1;
		return NULL;
	}
	s->style = style;
	s->line = q->line;
	s->col = qd_col(q, p);
	return s;
}

/* The quoted scalar at q->at, ending at *end. */
static struct node *
qd_quoted(struct qd *q, size_t *end)
{
	int		(*scan)(const unsigned char *, size_t, size_t,
			    unsigned char *, size_t *, size_t *);
	struct node	*s;
	size_t		 n = 0;

	scan = q->u[q->at] == '"' ? qd_dquoted : qd_squoted;
	if (!scan(q->u, q->at, q->le, NULL, end, &n))
		return NULL;
	/*
	 * Decoded into a copy of its source, which it never outgrows but
	 * by \L and \P (two bytes, three decoded): then into a buffer of
	 * its own (fuzz_quickdoc: "\L\P\L\P" overran the copy).
	 */
	if (n > *end - q->at) {
		unsigned char	*tmp;

		if ((tmp = malloc(n + 1)) == NULL) {
			q->nomem = 1;
			return NULL;
		}
		scan(q->u, q->at, q->le, tmp, end, &n);
		s = qd_scalar(q, tmp, n, NODE_STYLE_QUOTED, q->at);
		free(tmp);
		return s;
	}
	if ((s = qd_scalar(q, q->u + q->at, *end - q->at, NODE_STYLE_QUOTED,
	    q->at)) == NULL)
		return NULL;
	scan(q->u, q->at, q->le, (unsigned char *)s->u.s.str, end, &n);
	s->u.s.str[n] = '\0';
	s->u.s.len = n;
	return s;
}

/*
 * The text of a literal block's first `lines` lines that are not blank,
 * from offset from, at indent ind, into o, the blank lines between them
 * kept: o past the text.
 */
static unsigned char *
literal_text(const unsigned char *u, size_t len, size_t from, size_t lines,
    size_t ind, unsigned char *o)
{
	size_t	p, e, gap = 0, seen = 0;

	for (p = from; seen < lines; p = e + 1) {
		e = (size_t)((const unsigned char *)memchr(u + p, '\n',
		    len - p) - u);
		if (e == p) {
			gap++;
			continue;
		}
		if (seen++ > 0) {
			*o++ = '\n';
			memset(o, '\n', gap);
			o += gap;
		}
		gap = 0;
		memcpy(o, u + p + ind, e - p - ind);
		o += e - p - ind;
	}
	return o;
}

/*
 * A literal block whose header "|", "|-" or "|+" is at q->at, its lines
 * at indent ind, as the writer writes them: the first line a text at
 * exactly ind, no line of spaces only, no tab where libyaml would see
 * indentation.  Leaves the reader at the first line after the block.
 */
static struct node *
qd_literal(struct qd *q, size_t ind)
{
	const unsigned char	*u = q->u;
	struct node		*s;
	unsigned char		*o;
	size_t			 hdr = q->at, from, blanks = 0, lines = 0;
	unsigned		 line = q->line, col = qd_col(q, q->at);
	int			 chomp = 0;

	if (hdr + 1 < q->le) {
		if (hdr + 2 != q->le || (u[hdr + 1] != '-' &&
		    u[hdr + 1] != '+'))
			return NULL;
		chomp = u[hdr + 1] == '-' ? -1 : 1;
	}
	qd_next(q);
	if (q->eof || q->at - q->ls != ind || q->at == q->le ||
	    u[q->at] == '\t')
		return NULL;
	from = q->ls;
	for (; !q->eof; qd_next(q)) {
		if (q->ls == q->le) {
			blanks++;
			continue;
		}
		if (q->at == q->le)
			return NULL;	/* spaces only */
		if (q->at - q->ls < ind) {
			if (u[q->at] == '\t')
				return NULL;
			break;
		}
		if (u[q->ls + ind] == '\t')
			return NULL;
		blanks = 0;
		lines++;
	}
	/* The text is never longer than the lines it comes from. */
	if ((s = node_scalar(q->doc, (const char *)u + from, (q->eof ?
	    q->len : q->ls) - from)) == NULL) {
		q->nomem = 1;
		return NULL;
	}
	s->style = NODE_STYLE_BLOCK;
	s->line = line;
	s->col = col;
	o = literal_text(u, q->len, from, lines, ind,
	    (unsigned char *)s->u.s.str);
	if (chomp >= 0)
		*o++ = '\n';
	if (chomp > 0) {
		memset(o, '\n', blanks);
		o += blanks;
	}
	*o = '\0';
	s->u.s.len = (size_t)(o - (unsigned char *)s->u.s.str);
	return s;
}

/*
 * A value on the line, after "key: " or "- ": a plain or quoted scalar
 * filling the rest of the line, a literal block of lines at ind, or an
 * empty [] or {}.  Leaves the reader at the next line.
 */
static struct node *
qd_value(struct qd *q, size_t ind)
{
	const unsigned char	*u = q->u;
	struct node		*v;
	size_t			 end;

	switch (u[q->at]) {
	case '"':
	case '\'':
		if ((v = qd_quoted(q, &end)) == NULL || end != q->le)
			return NULL;
		break;
	case '|':
		return qd_literal(q, ind);
	case '[':
	case '{':
		if (q->at + 2 != q->le || u[q->at + 1] != (u[q->at] == '[' ?
		    ']' : '}'))
			return NULL;
		if ((v = u[q->at] == '[' ? node_seq(q->doc) :
		    node_map(q->doc)) == NULL) {
			q->nomem = 1;
			return NULL;
		}
		v->line = q->line;
		v->col = qd_col(q, q->at);
		break;
	default:
		if (!plain_ok(u + q->at, q->le - q->at, 0))
			return NULL;
		v = qd_scalar(q, u + q->at, q->le - q->at, NODE_STYLE_PLAIN,
		    q->at);
		break;
	}
	if (v != NULL)
		qd_next(q);
	return v;
}

/*
 * Where the key at q->at ends (its closing quote, or its last byte) and
 * its colon, when the line starts `key:` followed by a space or the LF.
 * 0 when it does not (then it may be a value).
 */
static int
qd_keyend(const struct qd *q, size_t *colon)
{
	const unsigned char	*u = q->u;
	size_t			 end, i;

	if (u[q->at] == '"' || u[q->at] == '\'') {
		if (u[q->at] == '"' ? !qd_dquoted(u, q->at, q->le, NULL, &end,
		    NULL) : !qd_squoted(u, q->at, q->le, NULL, &end, NULL))
			return 0;
		i = end;
		if (i == q->le || u[i] != ':')
			return 0;
	} else {
		for (i = q->at; i < q->le; i++)
			if (u[i] == ':' && (i + 1 == q->le || u[i + 1] == ' '))
				break;
		if (i == q->le)
			return 0;
	}
	if (i + 1 != q->le && u[i + 1] != ' ')
		return 0;
	*colon = i;
	return 1;
}

/* The key at q->at, its colon at colon; leaves q->at after the colon. */
static struct node *
qd_key(struct qd *q, size_t colon)
{
	const unsigned char	*u = q->u;
	struct node		*k;
	size_t			 end;

	if (u[q->at] == '"' || u[q->at] == '\'') {
		if (colon - q->at > QD_MAX_KEY_SRC ||
		    (k = qd_quoted(q, &end)) == NULL)
			return NULL;
	} else {
		/*
		 * Nor what may be one of git's conflict markers at a line's
		 * start (seven of '<', '=', '>' or '|').
		 */
		if (!plain_ok(u + q->at, colon - q->at, 1) ||
		    (q->at == q->ls && colon - q->at >= 7 &&
		    strchr("<=>", u[q->at]) != NULL &&
		    memcmp(u + q->at, u + q->at + 1, 6) == 0))
			return NULL;
		k = qd_scalar(q, u + q->at, colon - q->at, NODE_STYLE_PLAIN,
		    q->at);
	}
	if (k == NULL || k->u.s.len > NODE_MAX_KEY)
		return NULL;
	q->at = colon + 1;
	return k;
}

/* Whether map has a key equal to k: through *keys past a few keys. */
static int
qd_dup(struct qd *q, const struct node *map, struct node *k,
    struct strmap **keys)
{
	size_t	i;

	if (*keys == NULL && map->n < QD_DUP_LINEAR) {
		for (i = 0; i < map->n; i++)
			if (map->u.pairs[i].key->u.s.len == k->u.s.len &&
			    memcmp(map->u.pairs[i].key->u.s.str, k->u.s.str,
			    k->u.s.len) == 0)
				return 1;
		return 0;
	}
	if (*keys == NULL) {
		if ((*keys = strmap_new()) == NULL)
			goto nomem;
		for (i = 0; i < map->n; i++)
			if (strmap_put(*keys, map->u.pairs[i].key->u.s.str,
			    map->u.pairs[i].key) != 0)
				goto nomem;
	}
	if (strmap_get(*keys, k->u.s.str) != NULL)
		return 1;
	if (strmap_put(*keys, k->u.s.str, k) != 0)
		goto nomem;
	return 0;
nomem:
	q->nomem = 1;
	return 1;
}

static struct node	*qd_block(struct qd *, int);

/*
 * Top-level key k, its colon just read, when it is to be left out: 1,
 * its block passed over (the line after its `key:` starts the next
 * cut), the reader at the line after it; 2, a value on its line or
 * none (no line indented under it), to read and drop; 0 when k is not
 * left out; -1 decline (left out twice).
 */
static int
qd_cut(struct qd *q, const struct node *k)
{
	const struct qd_cut	*c;
	size_t			 i;

	for (i = 0; i < q->nskip; i++)
		if (strlen(q->skip[i]) == k->u.s.len &&
		    memcmp(q->skip[i], k->u.s.str, k->u.s.len) == 0)
			break;
	if (i == q->nskip)
		return 0;
	if ((q->seen & (UINT32_C(1) << i)) != 0)
		return -1;
	q->seen |= UINT32_C(1) << i;
	if (q->at != q->le || q->used == q->ncut ||
	    (c = &q->cut[q->used])->from != q->le + 1)
		return 2;
	if (c->key != i)
		return -1;
	q->used++;
	q->ls = c->to;
	q->line += 1 + c->lines;
	qd_line(q);
	return 1;
}

/*
 * Whether the reader is at an entry of the collection at indent ind:
 * 1 yes, 0 the collection ends here, -1 decline (a line indented more,
 * a blank line).
 */
static int
qd_more(struct qd *q, size_t ind)
{
	qd_skip(q);
	if (q->eof)
		return 0;
	if (q->at == q->le || q->at - q->ls > ind)
		return -1;
	return q->at - q->ls == ind;
}

/* A block mapping whose first key is at q->at. */
static struct node *
qd_map(struct qd *q, int depth)
{
	struct strmap	*keys = NULL;
	struct node	*map, *k, *v;
	size_t		 ind = q->at - q->ls, colon;
	int		 more, drop;

	if ((map = node_map(q->doc)) == NULL)
		goto nomem;
	map->line = q->line;
	map->col = (unsigned)ind + 1;
	do {
		if (qd_entry(q) || !qd_keyend(q, &colon) ||
		    (k = qd_key(q, colon)) == NULL)
			goto fail;
		drop = 0;
		if (depth == 1 && q->nskip > 0) {
			/* a field left out: its block passed over, unread */
			int	r = qd_cut(q, k);

			if (r < 0)
				goto fail;
			if (r == 1)
				continue;
			drop = r == 2;
		}
		if (q->at == q->le) {
			/* Nothing after the colon: a nested block or null. */
			unsigned line = q->line, col = qd_col(q, q->at);

			qd_next(q);
			qd_skip(q);
			if (!q->eof && q->at - q->ls > ind) {
				if (q->at - q->ls != ind + 2 ||
				    q->at == q->le ||
				    (v = qd_block(q, depth + 1)) == NULL)
					goto fail;
			} else {
				if ((v = node_scalar(q->doc, "", 0)) == NULL)
					goto nomem;
				v->style = NODE_STYLE_PLAIN;
				v->line = line;
				v->col = col;
			}
		} else {
			if (q->u[q->at + 1] == ' ')
				goto fail;
			q->at++;
			if ((v = qd_value(q, ind + 2)) == NULL)
				goto fail;
		}
		/* (a field left out whose value is on its line: read) */
		if (drop)
			continue;
		if (map->n == NODE_MAX_KEYS || qd_dup(q, map, k, &keys))
			goto fail;
		if (node_map_push(q->doc, map, k, v) != 0)
			goto nomem;
	} while ((more = qd_more(q, ind)) == 1);
	strmap_free(keys);
	return more == 0 ? map : NULL;
nomem:
	q->nomem = 1;
fail:
	strmap_free(keys);
	return NULL;
}

/* A block sequence whose first "-" is at q->at. */
static struct node *
qd_seq(struct qd *q, int depth)
{
	struct node	*seq, *v;
	size_t		 ind = q->at - q->ls, colon;
	int		 more;

	if ((seq = node_seq(q->doc)) == NULL)
		goto nomem;
	seq->line = q->line;
	seq->col = (unsigned)ind + 1;
	do {
		if (!qd_entry(q))
			return NULL;
		if (q->at + 1 == q->le) {
			/* "-" alone: null (a nested block would follow). */
			if ((v = node_scalar(q->doc, "", 0)) == NULL)
				goto nomem;
			v->style = NODE_STYLE_PLAIN;
			v->line = q->line;
			v->col = qd_col(q, q->at + 1);
			qd_next(q);
		} else {
			q->at += 2;
			if (q->u[q->at] == ' ')
				return NULL;
			/* A collection starts on the line, or a value. */
			if (qd_entry(q) || qd_keyend(q, &colon))
				v = qd_block(q, depth + 1);
			else
				v = qd_value(q, ind + 2);
			if (v == NULL)
				return NULL;
		}
		if (node_seq_push(q->doc, seq, v) != 0)
			goto nomem;
	} while ((more = qd_more(q, ind)) == 1);
	return more == 0 ? seq : NULL;
nomem:
	q->nomem = 1;
	return NULL;
}

/* The collection starting at q->at, depth deep. */
static struct node *
qd_block(struct qd *q, int depth)
{
	if (depth > QD_MAX_DEPTH)
		return NULL;
	return qd_entry(q) ? qd_seq(q, depth) : qd_map(q, depth);
}

/* Whether u[i] starts a line break other than LF: CR, NEL, LS, PS. */
static int
other_break(const unsigned char *u, size_t i, size_t len)
{
	return u[i] == '\r' || (u[i] == 0xc2 && i + 1 < len &&
	    u[i + 1] == 0x85) || (u[i] == 0xe2 && i + 2 < len &&
	    u[i + 1] == 0x80 && (u[i + 2] == 0xa8 || u[i + 2] == 0xa9));
}

#if defined(__SSE2__) && !defined(QD_NO_SIMD)
/* The sum of the 16 bytes of cnt. */
static unsigned
lf_count(__m128i cnt)
{
	const __m128i	s = _mm_sad_epu8(cnt, _mm_setzero_si128());

	return (unsigned)(_mm_cvtsi128_si32(s) +
	    _mm_cvtsi128_si32(_mm_srli_si128(s, 8)));
}
#endif

/*
 * The end of the block of a field left out, whose lines start at from
 * (u[from - 1] is a LF): the first line from there with a character at
 * column 0 (not a space, not empty), or len; its lines into *lines.  0
 * when the block has a line break other than LF (CR, NEL, LS, PS: its
 * lines would not be those YAML reads).
 */
static size_t
cut_end(const unsigned char *u, size_t from, size_t len, unsigned *lines)
{
	size_t		i = from, stop;
	unsigned	n = 0;

	while (i < len) {
#if defined(__SSE2__) && !defined(QD_NO_SIMD)
		/*
		 * Lines that start indented or empty, 16 bytes at a time,
		 * their LFs counted in bytes of cnt (at most 255 rounds).
		 */
		__m128i		cnt = _mm_setzero_si128();
		unsigned	r = 0;

		while (i + 16 <= len) {
			const __m128i	v = _mm_loadu_si128(
			    (const __m128i *)(const void *)(u + i));
			const __m128i	pv = _mm_loadu_si128(
			    (const __m128i *)(const void *)(u + i - 1));
			const __m128i	lf = _mm_cmpeq_epi8(v,
			    _mm_set1_epi8('\n'));
			const __m128i	start = _mm_andnot_si128(_mm_or_si128(
			    lf, _mm_cmpeq_epi8(v, _mm_set1_epi8(' '))),
			    _mm_cmpeq_epi8(pv, _mm_set1_epi8('\n')));
			const __m128i	brk = _mm_or_si128(_mm_or_si128(
			    _mm_cmpeq_epi8(v, _mm_set1_epi8('\r')),
			    _mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xc2))),
			    _mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xe2)));

			if (_mm_movemask_epi8(_mm_or_si128(start, brk)) != 0)
				break;
			/* (a LF is -1 in lf) */
			cnt = _mm_sub_epi8(cnt, lf);
			i += 16;
			if (++r == 255) {
				n += lf_count(cnt);
				cnt = _mm_setzero_si128();
				r = 0;
			}
		}
		n += lf_count(cnt);
#endif
		/* byte by byte: the rest, or 16 bytes with something in them */
		for (stop = len - i > 16 ? i + 16 : len; i < stop; i++) {
			if (u[i - 1] == '\n' && u[i] != ' ' && u[i] != '\n')
				goto done;
			if (other_break(u, i, len))
				return 0;
			n += u[i] == '\n';
		}
	}
done:
	*lines = n;
	return i;
}

/*
 * The blocks of the top-level fields in skip: a line `key:` alone at
 * column 0, then the lines that start with a space or are empty.  0 when
 * there are more than QD_MAX_CUT, or a block has a line break other than
 * LF.
 */
static int
qd_cuts(const unsigned char *u, size_t len, const char *const *skip,
    size_t nskip, struct qd_cut *cut, size_t *ncut)
{
	const unsigned char	*nl;
	size_t			 p = 0, e, i, kl, from;
	unsigned		 n;

	*ncut = 0;
	while (p < len) {
		/* (the buffer ends with a LF) */
		nl = memchr(u + p, '\n', len - p);
		e = (size_t)(nl - u);
		for (i = 0; i < nskip; i++) {
			kl = strlen(skip[i]);
			if (e - p == kl + 1 && u[p + kl] == ':' &&
			    memcmp(u + p, skip[i], kl) == 0)
				break;
		}
		p = e + 1;
		if (i == nskip)
			continue;
		from = p;
		if (p < len && (u[p] == ' ' || u[p] == '\n') &&
		    (p = cut_end(u, from, len, &n)) == 0)
			return 0;
		if (p == from)
			continue;
		if (*ncut == QD_MAX_CUT)
			return 0;
		cut[*ncut].from = from;
		cut[*ncut].to = p;
		cut[*ncut].lines = n;
		cut[*ncut].key = i;
		++*ncut;
	}
	return 1;
}

int
quickdoc_parse(struct ydoc **out, const char *buf, size_t len)
{
	return quickdoc_parse_without(out, buf, len, NULL, 0);
}

int
quickdoc_parse_without(struct ydoc **out, const char *buf, size_t len,
    const char *const *skip, size_t nskip)
{
	const unsigned char	*u = (const unsigned char *)buf;
	struct qd_cut		 cut[QD_MAX_CUT];
	struct qd		 q;
	struct node		*root;
	size_t			 ncut = 0, i, at = 0;

	*out = NULL;
	if (len == 0 || len > NODE_MAX_BYTES || buf[len - 1] != '\n' ||
	    nskip > 32 || (nskip > 0 && !qd_cuts(u, len, skip, nskip, cut,
	    &ncut)))
		return 0;
	/* the text read checked, the text left out only for its lines */
	for (i = 0; i < ncut; i++) {
		if (!text_ok(u + at, cut[i].from - at))
			return 0;
		at = cut[i].to;
	}
	if (!text_ok(u + at, len - at))
		return 0;
	memset(&q, 0, sizeof q);
	q.u = u;
	q.len = len;
	q.line = 1;
	q.skip = skip;
	q.nskip = nskip;
	q.cut = cut;
	q.ncut = ncut;
	if ((q.doc = ydoc_new()) == NULL)
		return error_set(NC_ENOMEM, "out of memory");
	qd_line(&q);
	qd_skip(&q);
	/* The top collection at column 0, then nothing but the end. */
	if (q.eof || q.at != q.ls || q.at == q.le ||
	    (root = qd_block(&q, 1)) == NULL || !q.eof || q.used != ncut) {
		ydoc_free(q.doc);
		return q.nomem ? error_set(NC_ENOMEM, "out of memory") : 0;
	}
	ydoc_set_root(q.doc, root);
	*out = q.doc;
	return 1;
}
