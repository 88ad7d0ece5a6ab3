/*
 * How alike two Japanese texts are.
 *
 * Japanese has no spaces between words, so word-based measures need a
 * morphological analyser; character n-grams do not.  A text is first
 * normalised (width, case, punctuation and spaces), then cut into the
 * set of its character bigrams, and two sets are compared with the Dice
 * coefficient 2|A∩B| / (|A| + |B|), each bigram weighted: one of two
 * hiragana (は分, ですか -- the particles and endings every question has)
 * counts a quarter.  The same question reworded a little (a particle
 * changed, a clause added) keeps most of its bigrams and scores 0.85 or
 * more; two questions on the same topic share topic words only and score
 * 0.1 to 0.5 (measured on the sample banks: tests/unit/test_training.c
 * fails if a distinct pair reaches TR_SIMILAR - 0.05).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "error.h"
#include "text.h"
#include "training.h"

/* Half-width katakana U+FF61..U+FF9F to full-width. */
static const uint16_t halfkana[] = {
	0x3002, 0x300C, 0x300D, 0x3001, 0x30FB, 0x30F2, 0x30A1, 0x30A3,
	0x30A5, 0x30A7, 0x30A9, 0x30E3, 0x30E5, 0x30E7, 0x30C3, 0x30FC,
	0x30A2, 0x30A4, 0x30A6, 0x30A8, 0x30AA, 0x30AB, 0x30AD, 0x30AF,
	0x30B1, 0x30B3, 0x30B5, 0x30B7, 0x30B9, 0x30BB, 0x30BD, 0x30BF,
	0x30C1, 0x30C4, 0x30C6, 0x30C8, 0x30CA, 0x30CB, 0x30CC, 0x30CD,
	0x30CE, 0x30CF, 0x30D2, 0x30D5, 0x30D8, 0x30DB, 0x30DE, 0x30DF,
	0x30E0, 0x30E1, 0x30E2, 0x30E4, 0x30E6, 0x30E8, 0x30E9, 0x30EA,
	0x30EB, 0x30EC, 0x30ED, 0x30EF, 0x30F3, 0x309B, 0x309C,
};

/* Punctuation and spaces that carry no content. */
static int
dropped(uint32_t c)
{
	if (c < 0x80)
		return !((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
		    (c >= 'A' && c <= 'Z'));
	switch (c) {
	case 0x3000:		/* ideographic space */
	case 0x3001: case 0x3002: case 0x3003:	/* 、。〃 */
	case 0x3008: case 0x3009: case 0x300A: case 0x300B:
	case 0x300C: case 0x300D: case 0x300E: case 0x300F:
	case 0x3010: case 0x3011: case 0x3014: case 0x3015:
	case 0x301C: case 0x301D: case 0x301F:	/* 〜〝〟 */
	case 0x30FB:		/* ・ */
	case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014:
	case 0x2015: case 0x2018: case 0x2019: case 0x201C: case 0x201D:
	case 0x2025: case 0x2026:	/* ‥… */
	case 0x00A0:
	case 0x309B: case 0x309C:	/* lone voicing marks */
		return 1;
	}
	return 0;
}

/* Append the normalised code points of text to v (grows *cap). */
static int
normalise_cps(uint32_t **v, size_t *n, size_t *cap, const char *text)
{
	size_t		 len = text != NULL ? strlen(text) : 0, k;
	uint32_t	 c, *nv;
	const char	*p = text;

	while (len > 0) {
		k = text_utf8_decode(&c, p, len);
		p += k;
		len -= k;
		if (c == TEXT_BADCP)
			continue;
		if (c >= 0xFF01 && c <= 0xFF5E)
			c -= 0xFEE0;
		else if (c >= 0xFF61 && c <= 0xFF9F) {
			c = halfkana[c - 0xFF61];
			if ((c == 0x309B || c == 0x309C) && *n > 0) {
				uint32_t *prev = &(*v)[*n - 1];

				/* カ+ﾞ = ガ, ハ+ﾟ = パ, ウ+ﾞ = ヴ */
				if (c == 0x309B && *prev == 0x30A6)
					*prev = 0x30F4;
				else if (c == 0x309B && ((*prev >= 0x30AB &&
				    *prev <= 0x30C8) || (*prev >= 0x30CF &&
				    *prev <= 0x30DB && (*prev - 0x30CF) % 3 ==
				    0)))
					*prev += 1;
				else if (c == 0x309C && *prev >= 0x30CF &&
				    *prev <= 0x30DB && (*prev - 0x30CF) % 3 ==
				    0)
					*prev += 2;
				continue;
			}
		}
		if (c >= 'A' && c <= 'Z')
			c += 'a' - 'A';
		if (dropped(c))
			continue;
		if (*n == *cap) {
			*cap = *cap == 0 ? 64 : *cap * 2;
			if ((nv = realloc(*v, *cap * sizeof *nv)) == NULL)
				return error_set(NC_ENOMEM, "out of memory");
			*v = nv;
		}
		(*v)[(*n)++] = c;
	}
	return 0;
}

int
tr_normalise(struct buf *out, const char *text)
{
	uint32_t	*v = NULL, c;
	size_t		 n = 0, cap = 0, i;
	char		 u[4];
	int		 r;

	if ((r = normalise_cps(&v, &n, &cap, text)) != 0)
		return r;
	for (i = 0; i < n; i++) {
		c = v[i];
		if (c < 0x80)
			buf_putc(out, (int)c);
		else if (c < 0x800) {
			u[0] = (char)(0xC0 | (c >> 6));
			u[1] = (char)(0x80 | (c & 0x3F));
			buf_add(out, u, 2);
		} else if (c < 0x10000) {
			u[0] = (char)(0xE0 | (c >> 12));
			u[1] = (char)(0x80 | ((c >> 6) & 0x3F));
			u[2] = (char)(0x80 | (c & 0x3F));
			buf_add(out, u, 3);
		} else {
			u[0] = (char)(0xF0 | (c >> 18));
			u[1] = (char)(0x80 | ((c >> 12) & 0x3F));
			u[2] = (char)(0x80 | ((c >> 6) & 0x3F));
			u[3] = (char)(0x80 | (c & 0x3F));
			buf_add(out, u, 4);
		}
	}
	free(v);
	return buf_ok(out);
}

static int
cmp64(const void *a, const void *b)
{
	uint64_t	x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

/* The sorted set of bigrams (unigram for a one-character text). */
static uint64_t *
bigrams(const char *text, size_t *nout)
{
	uint32_t	*v = NULL;
	uint64_t	*g;
	size_t		 n = 0, cap = 0, i, k;

	*nout = 0;
	if (normalise_cps(&v, &n, &cap, text) != 0)
		return NULL;
	if ((g = calloc(n > 1 ? n - 1 : 1, sizeof *g)) == NULL) {
		free(v);
		return NULL;
	}
	k = 0;
	if (n == 1)
		g[k++] = (uint64_t)v[0] << 21;
	for (i = 0; i + 1 < n; i++)
		g[k++] = ((uint64_t)v[i] << 21) | v[i + 1];
	free(v);
	qsort(g, k, sizeof *g, cmp64);
	for (i = 0, n = 0; i < k; i++)
		if (n == 0 || g[n - 1] != g[i])
			g[n++] = g[i];
	*nout = n;
	return g;
}

static int
hiragana(uint32_t c)
{
	return c >= 0x3041 && c <= 0x309F;
}

/*
 * The weight of a bigram: one, or HIRAGANA_WEIGHT for two hiragana.  In
 * Japanese the hiragana between the content words are mostly particles
 * and endings (は, を, ですか, しましたか), which every question shares;
 * the content is in the kanji, katakana and Latin letters.
 */
#define HIRAGANA_WEIGHT	0.25

static double
weight(uint64_t g)
{
	uint32_t	a = (uint32_t)(g >> 21), b = (uint32_t)(g & 0x1FFFFF);

	return hiragana(a) && (b == 0 || hiragana(b)) ? HIRAGANA_WEIGHT : 1.0;
}

double
tr_similarity(const char *a, const char *b)
{
	uint64_t	*x, *y;
	size_t		 nx, ny, i = 0, j = 0;
	double		 both = 0, wx = 0, wy = 0;

	x = bigrams(a, &nx);
	y = bigrams(b, &ny);
	if (x == NULL || y == NULL || nx + ny == 0) {
		free(x);
		free(y);
		return 0;
	}
	for (i = 0; i < nx; i++)
		wx += weight(x[i]);
	for (j = 0; j < ny; j++)
		wy += weight(y[j]);
	i = j = 0;
	while (i < nx && j < ny) {
		if (x[i] == y[j]) {
			both += weight(x[i]);
			i++;
			j++;
		} else if (x[i] < y[j])
			i++;
		else
			j++;
	}
	free(x);
	free(y);
	return 2.0 * both / (wx + wy);
}

int
tr_question_compare_text(struct buf *out, const struct tr_question *q)
{
	size_t	i;

	buf_puts(out, q->text != NULL ? q->text : "");
	if (q->type != TR_Q_SCALE) {
		for (i = 0; i < q->nchoices; i++) {
			buf_putc(out, '\n');
			buf_puts(out, q->choices[i]);
		}
	}
	return buf_ok(out);
}
