/*
 * Amounts of money: parsing what people type, formatting with commas.
 */
#include <stdio.h>
#include <string.h>

#include "amount.h"
#include "error.h"

/* Skip spaces, ASCII or the ideographic space U+3000. */
static const char *
skip_space(const char *p)
{
	for (;;) {
		if (*p == ' ' || *p == '\t')
			p++;
		else if (strncmp(p, "\xe3\x80\x80", 3) == 0)
			p += 3;
		else
			return p;
	}
}

/* One digit, ASCII or full-width (U+FF10..U+FF19); -1 when none. */
static int
digit(const char **pp)
{
	const unsigned char	*p = (const unsigned char *)*pp;

	if (*p >= '0' && *p <= '9') {
		*pp += 1;
		return *p - '0';
	}
	if (p[0] == 0xef && p[1] == 0xbc && p[2] >= 0x90 && p[2] <= 0x99) {
		*pp += 3;
		return p[2] - 0x90;
	}
	return -1;
}

static int
is_comma(const char *p, size_t *len)
{
	if (*p == ',') {
		*len = 1;
		return 1;
	}
	if (strncmp(p, "\xef\xbc\x8c", 3) == 0) {	/* ， */
		*len = 3;
		return 1;
	}
	return 0;
}

static int
bad(const char *s, const char *why)
{
	return error_set(NC_EINVALID, "cannot read the amount '%s': %s", s,
	    why);
}

int
amount_parse(long long *out, const char *s)
{
	static const struct {
		const char	*word;
		long long	 mult;
	} units[] = {
		{ "\xe5\x84\x84", 100000000LL },	/* 億 */
		{ "\xe4\xb8\x87", 10000LL },		/* 万 */
	};
	const char	*p, *q;
	long long	 total = 0, whole, frac, fracdiv, mult, part;
	long long	 lastmult = 0;
	size_t		 i, clen;
	int		 d, ndig, group, commas, any = 0;

	p = skip_space(s);
	if (*p == '-' || strncmp(p, "\xe2\x88\x92", 3) == 0 ||
	    strncmp(p, "\xef\xbc\x8d", 3) == 0)
		return bad(s, "an amount cannot be negative");
	if (*p == '\\')
		p++;
	else if (strncmp(p, "\xc2\xa5", 2) == 0)		/* ¥ */
		p += 2;
	else if (strncmp(p, "\xef\xbf\xa5", 3) == 0)	/* ￥ */
		p += 3;
	for (;;) {
		p = skip_space(p);
		q = p;
		whole = 0;
		ndig = 0;
		group = 0;
		commas = 0;
		for (;;) {
			if ((d = digit(&p)) >= 0) {
				if (whole > AMOUNT_MAX)
					return bad(s, "too large");
				whole = whole * 10 + d;
				ndig++;
				group++;
			} else if (ndig > 0 && is_comma(p, &clen)) {
				q = p + clen;
				if (digit(&q) < 0)
					return bad(s, "a comma must stand"
					    " between digits");
				if (commas ? group != 3 : group > 3)
					return bad(s, "commas go every three"
					    " digits");
				p += clen;
				commas++;
				group = 0;
			} else
				break;
		}
		if (commas && group != 3)
			return bad(s, "commas go every three digits");
		if (ndig == 0)
			break;
		frac = 0;
		fracdiv = 1;
		if (*p == '.') {
			p++;
			while ((d = digit(&p)) >= 0) {
				if (fracdiv > 100000000LL)
					return bad(s, "too many decimals");
				frac = frac * 10 + d;
				fracdiv *= 10;
			}
		}
		p = skip_space(p);
		mult = 1;
		for (i = 0; i < sizeof units / sizeof units[0]; i++) {
			if (strncmp(p, units[i].word,
			    strlen(units[i].word)) == 0) {
				mult = units[i].mult;
				p += strlen(units[i].word);
				break;
			}
		}
		if (lastmult != 0 && mult >= lastmult)
			return bad(s, "units must go from large to small"
			    " (1億2000万円)");
		if (whole > AMOUNT_MAX / mult)
			return bad(s, "too large");
		if (frac * mult % fracdiv != 0)
			return bad(s, "not a whole number of yen");
		part = whole * mult + frac * mult / fracdiv;
		total += part;
		if (total > AMOUNT_MAX)
			return bad(s, "too large");
		any = 1;
		lastmult = mult;
		if (mult == 1)
			break;
	}
	p = skip_space(p);
	if (strncmp(p, "\xe5\x86\x86", 3) == 0)		/* 円 */
		p = skip_space(p + 3);
	if (!any)
		return bad(s, "expected yen such as 12800000, 12,800,000 or"
		    " 1280万円");
	if (*p != '\0')
		return bad(s, "expected yen such as 12800000, 12,800,000 or"
		    " 1280万円");
	*out = total;
	return 0;
}

void
amount_format(char *out, size_t size, long long yen)
{
	char	digits[32], tmp[48];
	size_t	n, i, j = 0;
	int	neg = yen < 0;

	snprintf(digits, sizeof digits, "%lld", neg ? -yen : yen);
	n = strlen(digits);
	if (neg)
		tmp[j++] = '-';
	for (i = 0; i < n; i++) {
		if (i > 0 && (n - i) % 3 == 0)
			tmp[j++] = ',';
		tmp[j++] = digits[i];
	}
	tmp[j] = '\0';
	snprintf(out, size, "%s", tmp);
}
