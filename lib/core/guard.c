#include <stdint.h>
#include <string.h>

#include "error.h"
#include "guard.h"
#include "text.h"

#define GUARD_NDIGITS	12

enum guard_class {
	GUARD_OTHER = 0,
	GUARD_DIGIT,
	GUARD_SEP,
};

/* One maximal run of digits, with its first twelve digit values. */
struct guard_group {
	size_t		 start;
	size_t		 n;
	unsigned char	 d[GUARD_NDIGITS];
};

/* d[0..10] are digit values, most significant first. */
static int
guard_check(const unsigned char d[GUARD_NDIGITS - 1])
{
	unsigned	sum = 0, n, q, r;

	for (n = 1; n <= 11; n++) {
		q = n <= 6 ? n + 1 : n - 5;
		sum += d[11 - n] * q;
	}
	r = sum % 11;
	return r <= 1 ? 0 : (int)(11 - r);
}

int
guard_mynumber_check_digit(const char digits[11])
{
	unsigned char	d[GUARD_NDIGITS - 1];
	size_t		i;

	for (i = 0; i < sizeof d; i++) {
		if (digits[i] < '0' || digits[i] > '9')
			return error_set(NC_EINVALID,
			    "cannot compute a check digit: '%.11s' is not "
			    "eleven digits", digits);
		d[i] = (unsigned char)(digits[i] - '0');
	}
	return guard_check(d);
}

int
guard_mynumber_valid(const char *s)
{
	unsigned char	d[GUARD_NDIGITS];
	size_t		i;

	if (s == NULL)
		return 0;
	for (i = 0; i < GUARD_NDIGITS; i++) {
		if (s[i] < '0' || s[i] > '9')
			return 0;
		d[i] = (unsigned char)(s[i] - '0');
	}
	if (s[GUARD_NDIGITS] != '\0')
		return 0;
	return guard_check(d) == d[GUARD_NDIGITS - 1];
}

static enum guard_class
guard_classify(uint32_t cp, unsigned *value)
{
	if (cp >= '0' && cp <= '9') {
		*value = cp - '0';
		return GUARD_DIGIT;
	}
	if (cp >= 0xFF10 && cp <= 0xFF19) {
		*value = cp - 0xFF10;
		return GUARD_DIGIT;
	}
	if (cp == ' ' || cp == '-')
		return GUARD_SEP;
	if (cp < 0x80)
		return cp == '\t' ? GUARD_SEP : GUARD_OTHER;
	switch (cp) {
	/* Unicode spaces (category Zs). */
	case 0x00A0:	/* no-break space */
	case 0x1680:	/* ogham space mark */
	case 0x202F:	/* narrow no-break space */
	case 0x205F:	/* medium mathematical space */
	case 0x3000:	/* ideographic space */
	/* Invisible ones, which make digits look written together. */
	case 0x00AD:	/* soft hyphen */
	case 0x180E:	/* Mongolian vowel separator */
	case 0x200B:	/* zero width space */
	case 0x200C:
	case 0x200D:
	case 0x2060:	/* word joiner */
	case 0xFEFF:	/* zero width no-break space */
	/* Dashes (category Pd). */
	case 0x058A:
	case 0x05BE:
	case 0x1400:
	case 0x1806:
	case 0x2E17:
	case 0x2E1A:
	case 0x2E3A:
	case 0x2E3B:
	case 0x2E40:
	case 0x2E5D:
	case 0x301C:	/* 〜 wave dash */
	case 0x3030:	/* 〰 wavy dash */
	case 0x30A0:	/* ゠ */
	case 0xFE31:
	case 0xFE32:
	case 0xFE58:
	case 0xFE63:	/* small hyphen-minus */
	case 0xFF0D:	/* fullwidth hyphen-minus */
	case 0x10EAD:
	/* Minus signs and what is typed for a dash in Japanese. */
	case 0x207B:	/* superscript minus */
	case 0x208B:	/* subscript minus */
	case 0x2212:	/* minus sign */
	case 0x2796:	/* heavy minus sign */
	case 0x2043:	/* hyphen bullet */
	case 0x30FC:	/* ー, the long vowel mark */
	case 0xFF70:	/* ｰ, its half-width form */
		return GUARD_SEP;
	}
	if (cp >= 0x2000 && cp <= 0x200A)	/* en quad .. hair space */
		return GUARD_SEP;
	if (cp >= 0x2010 && cp <= 0x2015)	/* hyphen .. horizontal bar */
		return GUARD_SEP;
	return GUARD_OTHER;
}

/* The class of the code point at s[p], its length in *n. */
static enum guard_class
guard_at(const char *s, size_t len, size_t p, size_t *n,
    unsigned *value)
{
	uint32_t	cp;

	*n = text_utf8_decode(&cp, s + p, len - p);
	return guard_classify(cp, value);
}

/* Whether the code point ending just before byte p is a digit. */
static int
guard_digit_before(const char *s, size_t p)
{
	const unsigned char	*u = (const unsigned char *)s;

	if (p >= 1 && u[p - 1] >= '0' && u[p - 1] <= '9')
		return 1;
	/* U+FF10..U+FF19 are EF BC 90..99. */
	if (p >= 3 && u[p - 3] == 0xEF && u[p - 2] == 0xBC &&
	    u[p - 1] >= 0x90 && u[p - 1] <= 0x99)
		return 1;
	return 0;
}

#define ONES	UINT64_C(0x0101010101010101)
#define HIGHS	UINT64_C(0x8080808080808080)

/*
 * The digits of s, ASCII and full-width, counted up to GUARD_NDIGITS:
 * eight bytes at a time, a word of ASCII digits counted with bit
 * arithmetic, a word with an EF byte (which may start a full-width
 * digit) byte by byte.
 */
static size_t
guard_count_digits(const char *s, size_t len)
{
	const unsigned char	*u = (const unsigned char *)s;
	size_t			 n = 0, p = 0, end;
	uint64_t		 w, x, y, dig;

	while (p < len && n < GUARD_NDIGITS) {
		/* Each digit takes a byte at least. */
		if (n + (len - p) < GUARD_NDIGITS)
			return n;
		if (len - p >= 8) {
			memcpy(&w, u + p, 8);
			/* Bytes EF: a zero byte of w ^ EF.. (may err to yes). */
			y = w ^ (ONES * 0xEF);
			if (((y - ONES) & ~y & HIGHS) == 0) {
				/* Bytes 30..39: 7-bit value >= 30 and not
				 * >= 3A, high bit clear; no carries cross
				 * bytes as every sum stays below 0x100. */
				x = w & ~HIGHS;
				dig = (x + ONES * (0x80 - 0x30)) &
				    ~(x + ONES * (0x80 - 0x3A)) & ~w & HIGHS;
				for (; dig != 0; dig &= dig - 1)
					n++;
				p += 8;
				continue;
			}
			end = p + 8;
		} else
			end = len;
		for (; p < end; p++) {
			if ((u[p] >= '0' && u[p] <= '9') || (u[p] == 0xEF &&
			    p + 2 < len && u[p + 1] == 0xBC &&
			    u[p + 2] >= 0x90 && u[p + 2] <= 0x99))
				n++;
		}
	}
	return n;
}

/* Whether s[p..p+n) are n ASCII digits. */
static int
guard_digits_at(const char *s, size_t p, size_t n)
{
	for (; n > 0; n--, p++) {
		if (s[p] < '0' || s[p] > '9')
			return 0;
	}
	return 1;
}

/*
 * Whether s is exactly an ISO date-time: YYYY-MM-DD, a 'T' or a space,
 * HH:MM, optionally :SS, optionally 'Z' or +HH:MM / -HH:MM, nothing else
 * (no fraction of a second, which could hold any number of digits).
 * Such a text cannot hold a candidate: ':', 'T', 'Z' and '+' are not
 * separators, so its longest chain of digit groups is "YYYY-MM-DD HH"
 * (ten digits); an offset's "SS-HH" or "MM-HH" is four.  Date-time cells
 * (an e-learning export's 回答日時) hold twelve digits or more, so the
 * digit count alone does not spare them the full scan.
 */
static int
guard_is_datetime(const char *s, size_t len)
{
	size_t	p;

	if (len < 16 || len > 25 || !guard_digits_at(s, 0, 4) ||
	    s[4] != '-' || !guard_digits_at(s, 5, 2) || s[7] != '-' ||
	    !guard_digits_at(s, 8, 2) || (s[10] != 'T' && s[10] != ' ') ||
	    !guard_digits_at(s, 11, 2) || s[13] != ':' ||
	    !guard_digits_at(s, 14, 2))
		return 0;
	p = 16;
	if (p + 3 <= len && s[p] == ':' && guard_digits_at(s, p + 1, 2))
		p += 3;
	if (p < len && s[p] == 'Z')
		p++;
	else if (p + 6 <= len && (s[p] == '+' || s[p] == '-') &&
	    guard_digits_at(s, p + 1, 2) && s[p + 3] == ':' &&
	    guard_digits_at(s, p + 4, 2))
		p += 6;
	return p == len;
}

/*
 * Whether s is exactly a hex digest: 64 (SHA-256) or 40 (SHA-1, a git
 * commit) lowercase hex digits, as the records keep a file's sha256.  The
 * program computes these; a run of twelve decimal digits inside one is
 * the hash's, and about one SHA-256 in fifty holds a run that passes the
 * check digit, which refused the import of an unlucky file ("sha256: text
 * '613184148627' is a valid individual number").  A digest of one letter
 * less or more, or with anything beside it, is searched as any text.
 */
static int
guard_is_digest(const char *s, size_t len)
{
	size_t	i;

	if (len != 64 && len != 40)
		return 0;
	for (i = 0; i < len; i++)
		if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' &&
		    s[i] <= 'f')))
			return 0;
	return 1;
}

int
guard_find_mynumber(const char *s, size_t len, size_t *off,
    size_t *mlen)
{
	return guard_find_mynumber_from(s, len, 0, off, mlen);
}

int
guard_find_mynumber_from(const char *s, size_t len, size_t from, size_t *off,
    size_t *mlen)
{
	/*
	 * The last twelve groups of the current chain, in a ring: a candidate
	 * has at most twelve groups since each holds at least one digit.
	 */
	struct guard_group	 ring[GUARD_NDIGITS], *g;
	unsigned char		 d[GUARD_NDIGITS];
	size_t			 head = 0, ngroups = 0, p, n, k, i, j;
	size_t			 total, start;
	unsigned		 v;

	if (s == NULL || from >= len)
		return 0;
	/*
	 * Most text holds fewer than twelve digits: count them (a full-width
	 * digit is EF BC 90..99) before decoding anything.
	 */
	if (guard_count_digits(s + from, len - from) < GUARD_NDIGITS)
		return 0;
	/* A whole text that is a date-time holds no candidate (above). */
	if (from == 0 && (guard_is_datetime(s, len) ||
	    guard_is_digest(s, len)))
		return 0;
	while (from < len && ((unsigned char)s[from] & 0xC0) == 0x80)
		from++;
	p = from;
	/* A run of digits cut by from is adjacent to a digit: skip it. */
	if (guard_digit_before(s, p)) {
		while (p < len && guard_at(s, len, p, &n, &v) == GUARD_DIGIT)
			p += n;
	}

	while (p < len) {
		if (guard_at(s, len, p, &n, &v) != GUARD_DIGIT) {
			ngroups = 0;
			p += n;
			continue;
		}

		g = &ring[head];
		g->start = p;
		g->n = 0;
		while (p < len && guard_at(s, len, p, &n, &v) == GUARD_DIGIT) {
			if (g->n < GUARD_NDIGITS)
				g->d[g->n] = (unsigned char)v;
			if (g->n <= GUARD_NDIGITS)
				g->n++;
			p += n;
		}

		if (g->n > GUARD_NDIGITS) {
			/* No candidate can hold this run; start afresh. */
			ngroups = 0;
		} else {
			head = (head + 1) % GUARD_NDIGITS;
			if (ngroups < GUARD_NDIGITS)
				ngroups++;
			/* Candidates ending with this group, newest first. */
			total = 0;
			for (k = 1; k <= ngroups; k++) {
				g = &ring[(head + GUARD_NDIGITS - k) %
				    GUARD_NDIGITS];
				total += g->n;
				if (total >= GUARD_NDIGITS)
					break;
			}
			if (total == GUARD_NDIGITS && k <= ngroups) {
				/* Gather the digits of groups k..1 in order. */
				start = ring[(head + GUARD_NDIGITS - k) %
				    GUARD_NDIGITS].start;
				for (i = 0; k >= 1; k--) {
					g = &ring[(head + GUARD_NDIGITS - k) %
					    GUARD_NDIGITS];
					for (j = 0; j < g->n; j++)
						d[i++] = g->d[j];
				}
				if (guard_check(d) == d[GUARD_NDIGITS - 1]) {
					if (off != NULL)
						*off = start;
					if (mlen != NULL)
						*mlen = p - start;
					return 1;
				}
			}
		}

		/* The chain goes on over one separator followed by a digit. */
		if (p < len && guard_at(s, len, p, &n, &v) == GUARD_SEP &&
		    p + n < len &&
		    guard_at(s, len, p + n, &k, &v) == GUARD_DIGIT) {
			p += n;
			continue;
		}
		ngroups = 0;
	}
	return 0;
}
