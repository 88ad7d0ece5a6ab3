/*
 * The My Number guard (lib/core/guard.c) against an independent
 * implementation written here: its own UTF-8 decoder, its own character
 * classes (from the Unicode categories the guard's contract names), its
 * own check digit from DOMAIN.md's formula, and a brute-force search over
 * every start.  For any bytes, the guard finds exactly the matches the
 * reference finds, in order, at the same offsets and lengths; and
 * guard_mynumber_valid() and guard_mynumber_check_digit() agree with the
 * reference on the first twelve bytes.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "guard.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

#define MAXCP	4096

/* DOMAIN.md: P(n) the n-th digit from the right without the check digit. */
static int
ref_check(const int d[11])
{
	int	n, q, sum = 0;

	for (n = 1; n <= 11; n++) {
		q = n <= 6 ? n + 1 : n - 5;
		sum += d[11 - n] * q;
	}
	return sum % 11 <= 1 ? 0 : 11 - sum % 11;
}

/* Strict UTF-8 (RFC 3629); an invalid byte is one unit of its own. */
static size_t
ref_decode(const uint8_t *s, size_t len, long *cp)
{
	uint32_t	c;
	size_t		n, i;

	*cp = -1;
	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	if (s[0] >= 0xc2 && s[0] <= 0xdf) {
		n = 2;
		c = s[0] & 0x1f;
	} else if (s[0] >= 0xe0 && s[0] <= 0xef) {
		n = 3;
		c = s[0] & 0x0f;
	} else if (s[0] >= 0xf0 && s[0] <= 0xf4) {
		n = 4;
		c = s[0] & 0x07;
	} else
		return 1;
	if (len < n)
		return 1;
	for (i = 1; i < n; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 1;
		c = c << 6 | (s[i] & 0x3f);
	}
	if ((n == 3 && (c < 0x800 || (c >= 0xd800 && c <= 0xdfff))) ||
	    (n == 4 && (c < 0x10000 || c > 0x10ffff)))
		return 1;
	*cp = (long)c;
	return n;
}

/* -1 separator, -2 anything else, else the digit's value. */
static int
ref_class(long c)
{
	static const long	seps[] = {
		/* Zs */
		0x20, 0xa0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004,
		0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200a, 0x202f,
		0x205f, 0x3000,
		/* tab, and invisible characters */
		0x09, 0xad, 0x180e, 0x200b, 0x200c, 0x200d, 0x2060, 0xfeff,
		/* Pd */
		0x2d, 0x58a, 0x5be, 0x1400, 0x1806, 0x2010, 0x2011, 0x2012,
		0x2013, 0x2014, 0x2015, 0x2e17, 0x2e1a, 0x2e3a, 0x2e3b,
		0x2e40, 0x2e5d, 0x301c, 0x3030, 0x30a0, 0xfe31, 0xfe32,
		0xfe58, 0xfe63, 0xff0d, 0x10ead,
		/* minus signs, ー and ｰ, hyphen bullet */
		0x207b, 0x208b, 0x2212, 0x2796, 0x30fc, 0xff70, 0x2043,
	};
	size_t	i;

	if (c >= '0' && c <= '9')
		return (int)(c - '0');
	if (c >= 0xff10 && c <= 0xff19)
		return (int)(c - 0xff10);
	for (i = 0; i < sizeof seps / sizeof seps[0]; i++)
		if (c == seps[i])
			return -1;
	return -2;
}

struct unit {
	size_t	off;
	int	cls;
};

/*
 * The first range at or after from, by start: whole digit groups joined
 * by single separators, twelve digits, no digit just before or after, a
 * right check digit.
 */
static int
ref_find(const struct unit *u, size_t n, size_t len, size_t from,
    size_t *off, size_t *mlen)
{
	size_t	i, j;
	int	d[12], ndig, sep;

	for (i = 0; i < n; i++) {
		if (u[i].off < from || u[i].cls < 0 ||
		    (i > 0 && u[i - 1].cls >= 0))
			continue;
		ndig = 0;
		sep = 0;
		for (j = i; j < n; j++) {
			if (u[j].cls == -2)
				break;
			if (u[j].cls == -1) {
				if (sep)
					break;
				sep = 1;
				continue;
			}
			sep = 0;
			if (ndig == 12)
				break;
			d[ndig++] = u[j].cls;
			if (ndig == 12 && (j + 1 == n || u[j + 1].cls < 0)) {
				if (ref_check(d) == d[11]) {
					*off = u[i].off;
					*mlen = (j + 1 < n ? u[j + 1].off :
					    len) - u[i].off;
					return 1;
				}
				break;
			}
		}
	}
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct unit	 u[MAXCP];
	const char		*s = (const char *)data;
	size_t			 n = 0, p, k, from, off, mlen, roff, rmlen;
	long			 cp;
	int			 r, rr, d[11], i, digest;
	char			 twelve[13];

	if (size > MAXCP)
		size = MAXCP;
	for (p = 0; p < size; p += k) {
		k = ref_decode(data + p, size - p, &cp);
		u[n].off = p;
		u[n++].cls = cp < 0 ? -2 : ref_class(cp);
	}
	/*
	 * A text that is exactly a lowercase hex digest (40 or 64 digits,
	 * a git commit or a sha256) holds no candidate by the guard's rule
	 * (fb5a26d): the reference knows it too, or a digest with a run of
	 * twelve decimal digits passing the check is a false alarm here.
	 */
	digest = size == 40 || size == 64;
	for (p = 0; digest && p < size; p++)
		digest = (data[p] >= '0' && data[p] <= '9') ||
		    (data[p] >= 'a' && data[p] <= 'f');
	for (from = 0;; from = off + mlen) {
		r = guard_find_mynumber_from(s, size, from, &off, &mlen);
		rr = digest ? 0 : ref_find(u, n, size, from, &roff, &rmlen);
		if (r != rr || (r == 1 && (off != roff || mlen != rmlen))) {
			fprintf(stderr, "fuzz_guard: from %zu: guard %d at"
			    " %zu+%zu, reference %d at %zu+%zu\n", from, r,
			    r ? off : 0, r ? mlen : 0, rr, rr ? roff : 0,
			    rr ? rmlen : 0);
			abort();
		}
		if (r == 0)
			break;
		if (mlen == 0)
			abort();
	}
	/* The validity check on twelve ASCII digits. */
	if (size >= 12) {
		memcpy(twelve, data, 12);
		twelve[12] = '\0';
		for (i = 0; i < 12 && twelve[i] >= '0' && twelve[i] <= '9'; i++)
			if (i < 11)
				d[i] = twelve[i] - '0';
		if (i == 12) {
			if (guard_mynumber_check_digit(twelve) != ref_check(d))
				abort();
			if (guard_mynumber_valid(twelve) !=
			    (ref_check(d) == twelve[11] - '0'))
				abort();
		} else if (guard_mynumber_valid(twelve))
			abort();
	}
	return 0;
}
