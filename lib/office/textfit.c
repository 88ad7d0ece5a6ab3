/*
 * Column widths from content, and what may not break.
 */
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "textfit.h"

/*
 * The code point at s (len > 0 bytes), as text_utf8_decode() decodes it,
 * its length returned; ASCII and a well-formed three-byte sequence (kana
 * and kanji, most of a Japanese text) without the call.
 */
static inline size_t
utf8_next(uint32_t *out, const char *s, size_t len)
{
	const unsigned char	*p = (const unsigned char *)s;
	uint32_t		 cp;

	if (p[0] < 0x80) {
		*out = p[0];
		return 1;
	}
	if (len >= 3 && (p[0] & 0xF0) == 0xE0 && (p[1] & 0xC0) == 0x80 &&
	    (p[2] & 0xC0) == 0x80) {
		cp = ((uint32_t)(p[0] & 0x0F) << 12) |
		    ((uint32_t)(p[1] & 0x3F) << 6) | (uint32_t)(p[2] & 0x3F);
		if (cp >= 0x800 && (cp < 0xD800 || cp > 0xDFFF)) {
			*out = cp;
			return 3;
		}
	}
	return text_utf8_decode(out, s, len);
}

/* Code points of s, NUL-terminated; NULL when out of memory. */
static uint32_t *
decode(const char *s, size_t *np)
{
	size_t		 len = strlen(s), off, n, k = 0;
	uint32_t	*v;

	if ((v = calloc(len + 1, sizeof *v)) == NULL)
		return NULL;
	for (off = 0; off < len; off += n) {
		n = utf8_next(&v[k], s + off, len - off);
		k++;
	}
	v[k] = 0;
	*np = k;
	return v;
}

/*
 * text_cp_width() of the Basic Multilingual Plane, plus one, each looked
 * up once (0: not yet): a table's layout asks for the widths of its
 * cells' characters at every width it tries (issue 7: text_cp_width()'s
 * searches were a tenth of a bundle's time).
 */
static unsigned char	cp_width_memo[0x10000];

static int
cp_width(uint32_t cp)
{
	int	w;

	if (cp < 0x10000) {
		if (cp_width_memo[cp] != 0)
			return cp_width_memo[cp] - 1;
		w = text_cp_width(cp);
		if (w >= 0 && w <= 2)
			cp_width_memo[cp] = (unsigned char)(w + 1);
		return w;
	}
	return cp == TEXT_BADCP ? 1 : text_cp_width(cp);
}

/*
 * Hundredths of a character a code point takes (see textfit.h).  The
 * wide Latin glyphs take TEXTFIT_WIDE: "%" is 0.83 of a character in
 * Century, and "100.0%" measured at 0.6 a glyph wrapped to "100.0 / %".
 */
static unsigned
cp_hundredths(uint32_t cp)
{
	int	w = cp_width(cp);

	if (w == 1 && (cp == '%' || cp == '@' || cp == 'M' || cp == 'W' ||
	    cp == 'm' || cp == 'w'))
		return TEXTFIT_WIDE;
	return w == 2 ? 100 : w == 1 ? TEXTFIT_HALF : 0;
}

static int
is_digit(uint32_t c)
{
	return (c >= '0' && c <= '9') || (c >= 0xFF10 && c <= 0xFF19);
}

static int
is_newline(uint32_t c)
{
	return c == '\n' || c == '\r';
}

static int
is_alnum(uint32_t c)
{
	return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') ||
	    (c >= 'a' && c <= 'z');
}

/*
 * The space Word and LibreOffice put between Japanese and a Latin letter
 * or digit (autoSpaceDE, autoSpaceDN, on by default): "令和 8 年 4 月".
 */
static unsigned
gap(uint32_t prev, uint32_t c)
{
	if ((cp_width(prev) == 2 && is_alnum(c)) ||
	    (is_alnum(prev) && cp_width(c) == 2))
		return TEXTFIT_GAP;
	return 0;
}

unsigned
textfit_width(const char *s)
{
	size_t		 len, off, k;
	uint32_t	 cp, prev = 0;
	unsigned	 w = 0, max = 0;

	if (s == NULL)
		return 0;
	/* decoded as it goes: the layouts measure lines by the million */
	len = strlen(s);
	for (off = 0; off < len; off += k, prev = cp) {
		k = utf8_next(&cp, s + off, len - off);
		if (is_newline(cp)) {
			w = 0;
			continue;
		}
		w += cp_hundredths(cp);
		if (off > 0 && w > 0)
			w += gap(prev, cp);
		if (w > max)
			max = w;
	}
	return max;
}

/* Does s (from byte off) end with one of the units? Its length, or 0. */
static size_t
unit_suffix(const char *s, size_t len)
{
	static const char *const units[] = {
		"ポイント", "千円", "万円", "時間", "か月", "%", "％", "円", "件",
		"人", "名", "回", "点", "倍", "日", "pt", "歳", "箇所",
	};
	size_t	i, m;

	for (i = 0; i < sizeof units / sizeof units[0]; i++) {
		m = strlen(units[i]);
		if (len > m && memcmp(s + len - m, units[i], m) == 0)
			return m;
	}
	return 0;
}

static int
is_sign(uint32_t c)
{
	return c == '+' || c == '-' || c == 0x2212 || c == 0x25B3 ||
	    c == 0x25B2 || c == 0xB1;
}

int
textfit_is_number(const char *s)
{
	size_t		 len, off, n, ndig = 0;
	uint32_t	 cp;
	int		 seen_dot = 0;

	if (s == NULL)
		return 0;
	while (*s == ' ')
		s++;
	len = strlen(s);
	while (len > 0 && s[len - 1] == ' ')
		len--;
	len -= unit_suffix(s, len);
	off = 0;
	if (len > 0) {
		n = text_utf8_decode(&cp, s, len);
		if (is_sign(cp))
			off = n;
	}
	for (; off < len; off += n) {
		n = text_utf8_decode(&cp, s + off, len - off);
		if (is_digit(cp))
			ndig++;
		else if ((cp == ',' || cp == 0xFF0C) && ndig > 0 && !seen_dot)
			continue;
		else if ((cp == '.' || cp == 0xFF0E) && ndig > 0 && !seen_dot)
			seen_dot = 1;
		else
			return 0;
	}
	return ndig > 0;
}

int
textfit_is_unbreakable(const char *s)
{
	static const char	 ok_ascii[] = ",.:/-+%()~";
	static const uint32_t	 ok_wide[] = {
		0xFF05, 0xFF08, 0xFF09, 0xFF0C, 0xFF0E, 0xFF0F, 0xFF1A,
		0x301C, 0xFF5E, 0x30FB, 0x2212, 0x25B3, 0x25B2, 0xB1,
		0x5E74 /* 年 */, 0x6708 /* 月 */, 0x65E5 /* 日 */,
		0x6642 /* 時 */, 0x5206 /* 分 */, 0x79D2 /* 秒 */,
		0x5186 /* 円 */, 0x4EF6 /* 件 */, 0x4EBA /* 人 */,
		0x540D /* 名 */, 0x56DE /* 回 */, 0x70B9 /* 点 */,
		0x53F7 /* 号 */, 0x7B2C /* 第 */, 0x4EE4 /* 令 */,
		0x548C /* 和 */, 0x5E73 /* 平 */, 0x6210 /* 成 */,
		0x5143 /* 元 */, 0x662D /* 昭 */, 0x4E07 /* 万 */,
		0x5104 /* 億 */, 0x5343 /* 千 */, 0x5348 /* 午 */,
		0x524D /* 前 */, 0x5F8C /* 後 */, 0x706B /* 火 */,
		0x6C34 /* 水 */, 0x6728 /* 木 */, 0x91D1 /* 金 */,
		0x571F /* 土 */, 0x5EA6 /* 度 */,
	};
	uint32_t	*v;
	size_t		 n, i, k, ndig = 0;
	int		 ok = 1;

	if (s == NULL || textfit_width(s) > 2000 || (v = decode(s, &n)) == NULL)
		return 0;
	for (i = 0; i < n && ok; i++) {
		if (is_digit(v[i])) {
			ndig++;
			continue;
		}
		if (v[i] < 0x80) {
			ok = strchr(ok_ascii, (int)v[i]) != NULL && v[i] != 0;
			/* R8.4.1, H31: the era letter before a digit */
			if (!ok && (v[i] == 'R' || v[i] == 'H') &&
			    i + 1 < n && is_digit(v[i + 1]))
				ok = 1;
			continue;
		}
		ok = 0;
		for (k = 0; k < sizeof ok_wide / sizeof ok_wide[0]; k++)
			if (v[i] == ok_wide[k])
				ok = 1;
	}
	free(v);
	return ok && ndig > 0;
}

/* Closing punctuation, which may not begin a line (行頭禁則). */
static int
is_closing(uint32_t c)
{
	switch (c) {
	case 0x3001: case 0x3002: case 0xFF09: case 0x300D: case 0x300F:
	case 0x3011: case 0xFF0C: case 0xFF0E: case 0xFF1A: case 0xFF1B:
	case 0x30FC: case 0x3063: case 0x30C3: case 0xFF01: case 0xFF1F:
	case 0x3015: case 0xFF3D: case 0xFF5D: case ')': case ']':
	case ',': case '.': case ':': case ';': case '%': case 0xFF05:
		return 1;
	default:
		return 0;
	}
}

unsigned
textfit_min(const char *s, unsigned short_limit)
{
	uint32_t	*v;
	size_t		 n, i;
	unsigned	 w, run = 0, best = 0, min;

	if (s == NULL || (w = textfit_width(s)) == 0)
		return 0;
	if (w <= short_limit || textfit_is_unbreakable(s))
		return w;
	if ((v = decode(s, &n)) == NULL)
		return w;
	for (i = 0; i <= n; i++) {
		if (i < n && cp_width(v[i]) == 1 && v[i] != ' ' &&
		    !is_newline(v[i])) {
			run += cp_hundredths(v[i]);
			continue;
		}
		if (run > best)
			best = run;
		run = 0;
	}
	free(v);
	min = best > 0 ? best + 100 : 200;
	if (min < 200)
		min = 200;
	return min < w ? min : w;
}

/*
 * Lines v[0..n) takes wrapped at width (see textfit_lines()); with widows
 * non-NULL, adds there the paragraphs that wrap and leave fewer than
 * TEXTFIT_WIDOW characters on their last line (確認す／る。).
 */
static unsigned
wrap(const uint32_t *v, size_t n, unsigned width, unsigned *widows)
{
	size_t		 i, j;
	unsigned	 lines = 1, plines = 1, cur = 0, nch = 0, u, u0, k;

	if (width < 100)
		width = 100;
	for (i = 0; i <= n; i = j) {
		j = i + 1;
		if (i == n || is_newline(v[i])) {
			/* a paragraph ends: its last line */
			if (widows != NULL && plines > 1 && nch < TEXTFIT_WIDOW)
				(*widows)++;
			if (i == n)
				break;
			if (v[i] == '\r' && j < n && v[j] == '\n')
				j++;
			lines++;
			plines = 1;
			cur = nch = 0;
			continue;
		}
		if (v[i] == ' ' || v[i] == 0x3000) {
			/* a space at the start of a wrapped line vanishes */
			u = cp_hundredths(v[i]);
			if (cur > 0 && cur + u <= width)
				cur += u;
			continue;
		}
		if (cp_width(v[i]) == 1) {
			/* a half-width word moves whole to the next line */
			u = cp_hundredths(v[i]);
			while (j < n && cp_width(v[j]) == 1 && v[j] != ' ' &&
			    !is_newline(v[j])) {
				u += cp_hundredths(v[j]);
				j++;
			}
		} else
			u = cp_hundredths(v[i]);
		k = (unsigned)(j - i);
		if (cur > 0 && i > 0)
			u += gap(v[i - 1], v[i]);
		if (cur + u <= width || (cur > 0 && is_closing(v[i]) &&
		    u <= 100 + TEXTFIT_GAP)) {
			cur += u;
			nch += k;
			continue;
		}
		if (cur > 0) {
			lines++;
			plines++;
		}
		/* a word wider than the line takes as many as it needs */
		u0 = u;
		while (u > width) {
			lines++;
			plines++;
			u -= width;
		}
		cur = u;
		nch = u0 > 0 ? (k * u + u0 - 1) / u0 : k;
	}
	return lines;
}

unsigned
textfit_lines(const char *s, unsigned width)
{
	uint32_t	*v;
	size_t		 n;
	unsigned	 lines;

	if (s == NULL || (v = decode(s, &n)) == NULL)
		return 1;
	lines = wrap(v, n, width, NULL);
	free(v);
	return lines;
}

unsigned
textfit_widows(const char *s, unsigned width)
{
	uint32_t	*v;
	size_t		 n;
	unsigned	 widows = 0;

	if (s == NULL || (v = decode(s, &n)) == NULL)
		return 0;
	wrap(v, n, width, &widows);
	free(v);
	return widows;
}

void
textfit_columns(unsigned *out, const struct textfit_col *cols, size_t n,
    unsigned total)
{
	unsigned long long	 wsum = 0, sum, wact = 0;
	unsigned		*want, *need;
	size_t			 i, last = 0;
	unsigned		 avail, used = 0, maxw = 0, w;
	int			 changed, allblank;

	if (n == 0)
		return;
	if ((want = calloc(n, sizeof *want)) == NULL ||
	    (need = calloc(n, sizeof *need)) == NULL) {
		free(want);
		for (i = 0; i < n; i++)
			out[i] = (unsigned)(total / n);
		out[n - 1] += total - (unsigned)(total / n) * (unsigned)n;
		return;
	}
	for (i = 0; i < n; i++)
		if (!cols[i].blank)
			wsum += cols[i].weight > 0 ? cols[i].weight : 1;
	/* All blank: they share by weight as any. */
	for (i = 0, allblank = wsum == 0; allblank && i < n; i++)
		wsum += cols[i].weight > 0 ? cols[i].weight : 1;
	sum = 0;
	for (i = 0; i < n; i++) {
		if (cols[i].empty && !cols[i].blank) {
			want[i] = (unsigned)((unsigned long long)total *
			    (cols[i].weight > 0 ? cols[i].weight : 1) / wsum);
			if (want[i] < cols[i].min)
				want[i] = cols[i].min;
		} else
			want[i] = cols[i].natural > cols[i].min ?
			    cols[i].natural : cols[i].min;
		sum += want[i];
	}
	if (sum <= total) {
		/* All fit: share the room left by weight. */
		avail = total - (unsigned)sum;
		for (i = 0; i < n; i++)
			out[i] = want[i] + (cols[i].blank && !allblank ? 0 :
			    (unsigned)((unsigned long long)avail *
			    (cols[i].weight > 0 ? cols[i].weight : 1) / wsum));
		goto exact;
	}
	sum = 0;
	for (i = 0; i < n; i++) {
		out[i] = cols[i].min;
		sum += out[i];
	}
	if (sum >= total) {
		/* Not even the minimums fit: scale them. */
		for (i = 0; i < n; i++)
			out[i] = sum > 0 ? (unsigned)((unsigned long long)
			    out[i] * total / sum) : 0;
		goto exact;
	}
	avail = total - (unsigned)sum;
	for (i = 0; i < n; i++)
		need[i] = want[i] > out[i] ? want[i] - out[i] : 0;
	/*
	 * Weighted water-filling: every column lacking room gets the same
	 * share per unit of weight, except that none gets more than it
	 * lacks, so the smaller needs are met whole (dates, names, short
	 * codes on one line) and the long texts share the rest by weight.
	 */
	do {
		changed = 0;
		wact = 0;
		for (i = 0; i < n; i++)
			if (need[i] > 0)
				wact += cols[i].weight > 0 ? cols[i].weight : 1;
		if (wact == 0)
			break;
		for (i = 0; i < n; i++) {
			w = cols[i].weight > 0 ? cols[i].weight : 1;
			if (need[i] > 0 && (unsigned long long)need[i] * wact <=
			    (unsigned long long)avail * w) {
				out[i] += need[i];
				avail -= need[i];
				need[i] = 0;
				changed = 1;
			}
		}
	} while (changed);
	for (i = 0; i < n && wact > 0; i++) {
		if (need[i] == 0)
			continue;
		w = cols[i].weight > 0 ? cols[i].weight : 1;
		out[i] += (unsigned)((unsigned long long)avail * w / wact);
	}
exact:
	for (i = 0; i < n; i++) {
		used += out[i];
		if (out[i] >= maxw) {
			maxw = out[i];
			last = i;
		}
	}
	/* Rounding: the widest column takes the difference. */
	if (used < total)
		out[last] += total - used;
	else if (used > total && out[last] >= used - total)
		out[last] -= used - total;
	free(want);
	free(need);
}

static int
is_kana_run(uint32_t c)
{
	/* katakana and the long vowel mark: one word, not broken */
	return (c >= 0x30A1 && c <= 0x30FA) || c == 0x30FC;
}

static int	is_hira(uint32_t);
static int	is_kata(uint32_t);
static int	is_kanji(uint32_t);
static void	kana_scores(unsigned char *, const uint32_t *, size_t);
static int	kana_split(const uint32_t *, size_t, size_t);
static int	legal_end(const uint32_t *, size_t, size_t);
static int	legal_tail(const uint32_t *, size_t);
static int	name_cut(const uint32_t *, size_t, size_t, unsigned);

size_t
textfit_name_break(const char *s, unsigned width)
{
	uint32_t	*v;
	size_t		*off, n, i, k, p, best = 0, len;
	unsigned	*cw, w = 0;
	int		 score, top = -1;

	if (s == NULL || strpbrk(s, "\r\n") != NULL || (v = decode(s, &n)) ==
	    NULL)
		return 0;
	len = strlen(s);
	off = calloc(n + 1, sizeof *off);
	cw = calloc(n + 1, sizeof *cw);
	if (off == NULL || cw == NULL)
		goto done;
	for (i = 0, k = 0; i < n; i++) {
		uint32_t	cp;

		off[i] = k;
		k += utf8_next(&cp, s + k, len - k);
		w += cp_hundredths(v[i]);
		if (i > 0)
			w += gap(v[i - 1], v[i]);
		cw[i + 1] = w;
	}
	off[n] = k;
	/*
	 * Fits; or holds a figure (園当たり月額25,000円) or is a sentence
	 * (。、？！「): what someone wrote, which the application breaks
	 * well enough, not a name, and whose text stays as written.
	 */
	if (cw[n] <= width)
		goto done;
	for (i = 0; i < n; i++)
		if (is_digit(v[i]) || v[i] == 0x3002 || v[i] == 0x3001 ||
		    v[i] == 0xFF1F || v[i] == 0xFF01 || v[i] == 0x300C)
			goto done;
	for (p = 1; p < n; p++) {
		if (cw[p] > width)
			break;
		/* the second line must fit too, and not start with ）、。 */
		if (cw[n] - cw[p] > width || is_closing(v[p]))
			continue;
		/* nor inside a word, a code or a number, or before its unit */
		if ((cp_width(v[p - 1]) == 1 && cp_width(v[p]) == 1 &&
		    v[p - 1] != ' ' && v[p] != ' ') || is_digit(v[p - 1]))
			continue;
		score = 0;
		if (v[p - 1] == 0x30FB || v[p] == 0xFF08 || v[p] == '(' || v[p - 1] == ' ' ||
		    v[p - 1] == 0x3000)
			score = 4;
		/* where a word changes script: 地域振興台帳／データ入力業務委託 */
		else if (n - p >= 3 && ((is_kanji(v[p - 1]) && is_kata(v[p])) ||
		    (is_kata(v[p - 1]) && is_kanji(v[p])) ||
		    (is_hira(v[p - 1]) && is_kanji(v[p]))))
			score = 3;
		else if (!(is_kana_run(v[p - 1]) && is_kana_run(v[p])) &&
		    !(is_hira(v[p - 1]) && is_hira(v[p])) && n - p >= 3)
			score = 2;
		else if (!(is_kana_run(v[p - 1]) && is_kana_run(v[p])))
			score = 1;
		if (score >= top) {
			top = score;
			best = off[p];
		}
	}
done:
	free(v);
	free(off);
	free(cw);
	return best;
}

/* --- widow-aware widths (textfit_balance()) ----------------------------- */

struct balance {
	const struct textfit_table *t;
	uint32_t	**v;		/* the cells decoded, row by row */
	size_t		 *len;
	unsigned	 *lines;	/* at the widths now, column by column */
	unsigned	 *widows;
	unsigned	 *cw;		/* widows of each column */
	unsigned	 *base;		/* lines at the widths given */
};

/* Does no cell of column c take more lines in lines[] than at first? */
static int
balance_no_more(const struct balance *b, size_t c, const unsigned *lines)
{
	size_t	r;

	for (r = 0; r < b->t->nrows; r++)
		if (lines[r] > b->base[c * b->t->nrows + r])
			return 0;
	return 1;
}

/* Lines and widows of column c's cells at width; its widows. */
static unsigned
balance_col(const struct balance *b, size_t c, unsigned width,
    unsigned *lines, unsigned *widows)
{
	const struct textfit_table *t = b->t;
	unsigned	sum = 0;
	size_t		r, k;

	for (r = 0; r < t->nrows; r++) {
		k = r * t->ncols + c;
		widows[r] = 0;
		lines[r] = b->len[k] > 0 ? wrap(b->v[k], b->len[k],
		    t->room(t->arg, r, c, width), &widows[r]) : 1;
		sum += widows[r];
	}
	return sum;
}

/*
 * Height of the table, in lines: the most lines of a cell of each row,
 * with columns i and j at li and lj.
 */
static unsigned long
balance_height(const struct balance *b, size_t i, const unsigned *li,
    size_t j, const unsigned *lj)
{
	const struct textfit_table *t = b->t;
	unsigned long	h = 0;
	unsigned	max, l;
	size_t		r, c;

	for (r = 0; r < t->nrows; r++) {
		for (c = 0, max = 0; c < t->ncols; c++) {
			l = c == i ? li[r] : c == j ? lj[r] :
			    b->lines[c * t->nrows + r];
			if (l > max)
				max = l;
		}
		h += max;
	}
	return h;
}

static int
balance_movable(const struct textfit_col *c)
{
	return !c->empty && !c->blank;
}

unsigned
textfit_balance(unsigned *grid, const struct textfit_col *cols,
    const struct textfit_table *t, unsigned step, unsigned max_move)
{
	struct balance	 b;
	unsigned	*li = NULL, *wi = NULL, *lj = NULL, *wj = NULL;
	unsigned	 w = 0, w2, bw, ni, nj, d, bd, bni = 0, bnj = 0;
	unsigned long	 h, h2, bh;
	size_t		 nr = t->nrows, nc = t->ncols, k, i, j, bi, bj, round;
	int		 dir;

	memset(&b, 0, sizeof b);
	b.t = t;
	if (nr == 0 || nc == 0 || nr > SIZE_MAX / nc)
		return 0;
	if ((b.v = calloc(nr * nc, sizeof *b.v)) == NULL ||
	    (b.len = calloc(nr * nc, sizeof *b.len)) == NULL ||
	    (b.lines = calloc(nr * nc, sizeof *b.lines)) == NULL ||
	    (b.widows = calloc(nr * nc, sizeof *b.widows)) == NULL ||
	    (b.cw = calloc(nc, sizeof *b.cw)) == NULL ||
	    (b.base = calloc(nr * nc, sizeof *b.base)) == NULL ||
	    (li = calloc(nr, sizeof *li)) == NULL ||
	    (wi = calloc(nr, sizeof *wi)) == NULL ||
	    (lj = calloc(nr, sizeof *lj)) == NULL ||
	    (wj = calloc(nr, sizeof *wj)) == NULL)
		goto done;
	for (k = 0; k < nr * nc; k++) {
		const char	*s = t->cell(t->arg, k / nc, k % nc);

		if (s != NULL && *s != '\0' &&
		    (b.v[k] = decode(s, &b.len[k])) == NULL)
			goto done;
	}
	for (k = 0; k < nc; k++) {
		b.cw[k] = balance_col(&b, k, grid[k], b.lines + k * nr,
		    b.widows + k * nr);
		w += b.cw[k];
	}
	memcpy(b.base, b.lines, nr * nc * sizeof *b.base);
	h = balance_height(&b, nc, NULL, nc, NULL);
	for (round = 0; round < 8 && w > 0 && step > 0 && nc > 1; round++) {
		bw = w;
		bh = h;
		bd = 0;
		bi = bj = nc;
		for (j = 0; j < nc; j++) {
			if (b.cw[j] == 0 || !balance_movable(&cols[j]))
				continue;
			for (i = 0; i < nc; i++) {
				if (i == j || !balance_movable(&cols[i]))
					continue;
				/* j wider and i narrower, or the other way */
				for (dir = 1; dir >= -1; dir -= 2) {
					for (d = step; d <= max_move; d += step) {
						nj = dir > 0 ? grid[j] + d :
						    grid[j] - d;
						ni = dir > 0 ? grid[i] - d :
						    grid[i] + d;
						if ((dir > 0 && (grid[i] < d ||
						    ni < cols[i].min)) ||
						    (dir < 0 && (grid[j] < d ||
						    nj < cols[j].min)))
							break;
						/* room only to a column that wraps */
						if ((dir > 0 && grid[j] >=
						    cols[j].natural) || (dir < 0 &&
						    grid[i] >= cols[i].natural))
							break;
						w2 = w - b.cw[i] - b.cw[j] +
						    balance_col(&b, i, ni, li,
						    wi) + balance_col(&b, j, nj,
						    lj, wj);
						/* no cell wraps more than it did */
						if (w2 > bw ||
						    !balance_no_more(&b, i, li) ||
						    !balance_no_more(&b, j, lj))
							continue;
						h2 = balance_height(&b, i, li, j,
						    lj);
						if (w2 < bw || h2 < bh ||
						    (h2 == bh && d < bd)) {
							bw = w2;
							bh = h2;
							bd = d;
							bi = i;
							bj = j;
							bni = ni;
							bnj = nj;
						}
					}
				}
			}
		}
		/* only a move that leaves fewer widows */
		if (bi == nc || bw >= w)
			break;
		grid[bi] = bni;
		grid[bj] = bnj;
		b.cw[bi] = balance_col(&b, bi, bni, b.lines + bi * nr,
		    b.widows + bi * nr);
		b.cw[bj] = balance_col(&b, bj, bnj, b.lines + bj * nr,
		    b.widows + bj * nr);
		w = bw;
		h = bh;
	}
done:
	if (b.v != NULL)
		for (k = 0; k < nr * nc; k++)
			free(b.v[k]);
	free(b.v);
	free(b.len);
	free(b.lines);
	free(b.widows);
	free(b.cw);
	free(b.base);
	free(li);
	free(wi);
	free(lj);
	free(wj);
	return w;
}

/* --- line breaks the writer sets (textfit_wrap()) ----------------------- */

static int
is_hira(uint32_t c)
{
	return c >= 0x3041 && c <= 0x309F;
}

static int
is_kata(uint32_t c)
{
	return is_kana_run(c) || (c >= 0xFF66 && c <= 0xFF9F);
}

static int
is_kanji(uint32_t c)
{
	return (c >= 0x4E00 && c <= 0x9FFF) || c == 0x3005 /* 々 */ ||
	    (c >= 0x3400 && c <= 0x4DBF) || (c >= 0xF900 && c <= 0xFAFF);
}

static int
is_space(uint32_t c)
{
	return c == ' ' || c == '\t' || c == 0x3000;
}

/* Opening brackets, which may not end a line (行末禁則). */
static int
is_opening(uint32_t c)
{
	switch (c) {
	case 0xFF08: case '(': case 0x300C: case 0x300E: case 0x3010:
	case 0x3014: case 0xFF3B: case '[': case 0xFF5B: case 0x3008:
	case 0x300A: case 0x201C: case 0x2018:
		return 1;
	default:
		return 0;
	}
}

/* Closing brackets: a break after one is a good one. */
static int
is_close_bracket(uint32_t c)
{
	switch (c) {
	case 0xFF09: case ')': case 0x300D: case 0x300F: case 0x3011:
	case 0x3015: case 0xFF3D: case ']': case 0xFF5D: case 0x3009:
	case 0x300B: case 0x201D: case 0x2019:
		return 1;
	default:
		return 0;
	}
}

/* What may not begin a line: closing punctuation and small kana. */
static int
no_line_start(uint32_t c)
{
	static const uint32_t	small[] = {
		0x3041, 0x3043, 0x3045, 0x3047, 0x3049, 0x3083, 0x3085,
		0x3087, 0x308E, 0x30A1, 0x30A3, 0x30A5, 0x30A7, 0x30A9,
		0x30E3, 0x30E5, 0x30E7, 0x30EE, 0x30F5, 0x30F6, 0x3005,
		0x309D, 0x309E, 0x30FD, 0x30FE, 0x30FB, 0x300D, 0x300F,
		0x3009, 0x300B, 0x201D, 0x2019, '!', '?',
	};
	size_t	i;

	if (is_closing(c))
		return 1;
	for (i = 0; i < sizeof small / sizeof small[0]; i++)
		if (c == small[i])
			return 1;
	return 0;
}

/* The pair the bracket o closes with. */
static uint32_t
closer_of(uint32_t o)
{
	switch (o) {
	case 0xFF08:	return 0xFF09;
	case '(':	return ')';
	case 0x300C:	return 0x300D;
	case 0x300E:	return 0x300F;
	case 0x3010:	return 0x3011;
	case 0x3014:	return 0x3015;
	case 0xFF3B:	return 0xFF3D;
	case '[':	return ']';
	default:	return 0;
	}
}

/* Multi-character units kept with their number. */
static size_t
unit_at(const uint32_t *v, size_t n, size_t i)
{
	static const char *const units[] = {
		"年度", "か月", "ヶ月", "カ月", "か所", "箇所", "千円", "万円",
		"億円", "時間", "組織", "区分", "週間", "開庁日", "営業日",
		"日間",
	};
	size_t		k, m;
	uint32_t	cp;
	const char	*u;
	int		match;

	for (k = 0; k < sizeof units / sizeof units[0]; k++) {
		match = 1;
		for (u = units[k], m = 0; *u != '\0' && match; m++) {
			u += text_utf8_decode(&cp, u, strlen(u));
			match = i + m < n && cp == v[i + m];
		}
		if (match)
			return m;
	}
	return 0;
}

static int
is_num_inner(uint32_t c)
{
	return is_digit(c) || c == ',' || c == '.' || c == 0xFF0C ||
	    c == 0xFF0E || c == ':' || c == 0xFF1A || c == '/';
}

/*
 * The end of the number, date or time starting at v[i] (a digit) with
 * its unit: "令和8年4月10日", "2026年4月", "94.5%", "4,313人", "5件",
 * "1システム", "第3号" (the era or 第 before it is the caller's).
 */
static size_t
number_end(const uint32_t *v, size_t n, size_t i)
{
	size_t	m;

	for (;;) {
		while (i < n && is_num_inner(v[i]))
			i++;
		/* a separator ends nothing: 10,  */
		if (i < n && (v[i] == '%' || v[i] == 0xFF05)) {
			i++;
			break;
		}
		if (i >= n)
			break;
		if ((m = unit_at(v, n, i)) > 0) {
			i += m;
			break;
		}
		if (is_kata(v[i]) && v[i] != 0x30FB) {
			while (i < n && is_kata(v[i]) && v[i] != 0x30FB)
				i++;
			break;
		}
		if (!is_kanji(v[i]))
			break;
		/* 年, 月 and 時 go on to the next figure of a date, a time */
		i++;
		if ((v[i - 1] == 0x5E74 || v[i - 1] == 0x6708 ||
		    v[i - 1] == 0x6642) && i < n && is_digit(v[i]))
			continue;
		if (v[i - 1] == 0x5E74 && i < n && v[i] == 0x5EA6)
			i++;	/* 年度 */
		break;
	}
	return i;
}

/*
 * The end of a code of the specification starting at v[i] (a digit):
 * 4(2)イ, 3(1)ア(イ), 4(3)ア(ウ)(エ), a number, then groups of a figure
 * or a katakana in brackets and single katakana; or i where there is
 * none.  A reader looks such a code up whole (rev20 T3: 4(3)ア／(ウ)(エ)).
 */
static size_t
spec_code_end(const uint32_t *v, size_t n, size_t i)
{
	size_t	j = i, k;
	int	groups = 0;

	while (j < n && is_digit(v[j]))
		j++;
	while (j < n) {
		if (v[j] == '(') {
			for (k = j + 1; k < n && k - j <= 3 && (is_digit(v[k]) ||
			    (is_kata(v[k]) && v[k] != 0x30FB)); k++)
				;
			if (k >= n || k == j + 1 || v[k] != ')')
				break;
			j = k + 1;
			groups++;
		} else if (groups > 0 && is_kata(v[j]) && v[j] != 0x30FB &&
		    v[j] != 0x30FC && (j + 1 >= n || !is_kata(v[j + 1])))
			j++;
		else
			break;
	}
	return groups > 0 ? j : i;
}

/* The longest name of a division or office break_scores() keeps whole. */
#define ORG_MAX	8
/*
 * The longest name of a body or a post (情報セキュリティ委員会,
 * 最高情報セキュリティ責任者: ending in 会 or 者, or holding a katakana
 * word) and of a company (株式会社架空情報コンサルティング) kept whole:
 * where it does not fit a line it breaks as any piece too wide.
 */
#define ORG_LONG	16

/* Does a division's or an office's name end in c (課, 部, 館 ...)? */
static int
is_org_end(uint32_t c)
{
	static const uint32_t	 ends[] = { 0x8AB2 /* 課 */, 0x90E8 /* 部 */,
	    0x5BA4 /* 室 */, 0x6240 /* 所 */, 0x9928 /* 館 */, 0x5C40 /* 局 */,
	    0x5712 /* 園 */, 0x6821 /* 校 */, 0x4FC2 /* 係 */,
	    0x4F1A /* 会: 情報化運営委員会, 進捗報告会 */ };
	size_t			 i;

	for (i = 0; i < sizeof ends / sizeof ends[0]; i++)
		if (c == ends[i])
			return 1;
	return 0;
}

/* Does v[i..) start with the code points of the UTF-8 string u? */
static int
cp_match(const uint32_t *v, size_t n, size_t i, const char *u)
{
	uint32_t	cp;
	size_t		len = strlen(u), k;

	while (len > 0) {
		if (i >= n)
			return 0;
		k = text_utf8_decode(&cp, u, len);
		u += k;
		len -= k;
		if (v[i++] != cp)
			return 0;
	}
	return 1;
}

/* A character of a Japanese name: kanji, hiragana, katakana but ・. */
static int
is_name_char(uint32_t c)
{
	return is_kanji(c) || is_hira(c) || (is_kata(c) && c != 0x30FB);
}

/*
 * Is the run of kanji and katakana v[i..e) a name kept whole: a
 * division's or an office's (戸籍住民課, up to ORG_MAX characters), a
 * body's or a post's (情報セキュリティ委員会, 最高情報セキュリティ責任者:
 * ending in 会 or 者, or with a katakana word, up to ORG_LONG), or a
 * company's (株式会社見本システム, 試作ビルメンテナンス株式会社, or with
 * （株） beside it, up to ORG_LONG).
 */
static int
org_name(const uint32_t *v, size_t n, size_t i, size_t e)
{
	size_t	k;
	int	kata = 0;

	if (e - i < 3)
		return 0;
	for (k = i; k < e; k++)
		kata |= is_kata(v[k]);
	if (e - i <= ORG_LONG && (cp_match(v, n, i, "株式会社") ||
	    (e - i >= 4 && cp_match(v, n, e - 4, "株式会社")) ||
	    (i >= 3 && cp_match(v, n, i - 3, "（株）")) ||
	    cp_match(v, n, e, "（株）")))
		return 1;
	if (!is_org_end(v[e - 1]) && v[e - 1] != 0x8005 /* 者 */)
		return 0;
	if (e - i <= ORG_MAX && v[e - 1] != 0x8005)
		return 1;
	return e - i <= ORG_LONG && (kata || v[e - 1] == 0x4F1A /* 会 */ ||
	    v[e - 1] == 0x8005);
}

/* The most Latin capitals a name starts with: IT推進本部, ICT推進課. */
#define ORG_LATIN	4

/*
 * Where a name from v[i] starts: before a （株） first, or before the
 * Latin capitals it starts with (IT／推進本部 read as two words).
 */
static size_t
org_start(const uint32_t *v, size_t i)
{
	static const uint32_t	kabu[] = { 0xFF08, 0x682A, 0xFF09 };
	size_t			j;

	if (i >= 3 && v[i - 3] == kabu[0] && v[i - 2] == kabu[1] &&
	    v[i - 1] == kabu[2])
		return i - 3;
	for (j = i; j > 0 && i - j < ORG_LATIN && ((v[j - 1] >= 'A' &&
	    v[j - 1] <= 'Z') || (v[j - 1] >= 0xFF21 && v[j - 1] <= 0xFF3A));
	    j--)
		;
	/* capitals only, not the end of a longer word: ABCDE推進課 */
	if (j > 0 && ((v[j - 1] >= 'A' && v[j - 1] <= 'Z') ||
	    (v[j - 1] >= 'a' && v[j - 1] <= 'z') ||
	    (v[j - 1] >= 0xFF21 && v[j - 1] <= 0xFF5A)))
		return i;
	return j;
}

/* Where a name up to v[e) ends: after a （株） next. */
static size_t
org_stop(const uint32_t *v, size_t n, size_t e)
{
	return e + 3 <= n && v[e] == 0xFF08 && v[e + 1] == 0x682A &&
	    v[e + 2] == 0xFF09 ? e + 3 : e;
}

/* No break inside v[s..e): boundaries s+1 .. e-1. */
static void
keep(unsigned char *score, size_t s, size_t e)
{
	size_t	i;

	for (i = s + 1; i < e; i++)
		score[i] = 0;
}

#define ASIDE_SCAN	400
/* The longest symbol before 第 of a document number kept whole. */
#define DOCNO_SYMBOL	5

/*
 * The words of a run of kanji v[a..e): a break a character from its edge
 * 2, inside a word of two of a run of an even number 2 (入力／業務／委託
 * reads as words of two, not 入力業／務委託), else 4; breaks kept (0) or
 * a last resort (1) stay.
 */
static void
kanji_words(unsigned char *score, size_t a, size_t e)
{
	size_t	k;

	for (k = a + 1; k < e; k++)
		if (score[k] == 2 || score[k] == 4)
			score[k] = 4;
	if (e - a >= 2 && score[a + 1] == 4)
		score[a + 1] = 2;
	if (e - a >= 2 && score[e - 1] == 4)
		score[e - 1] = 2;
	if ((e - a) % 2 == 0)
		for (k = a + 3; k + 1 < e; k += 2)
			if (score[k] == 4)
				score[k] = 2;
}

/*
 * score[i] (i in 1..n-1): how good a break before v[i] is, 0 where
 * there may be none, else 1 (the last hiragana of a word: 化し|た), 2 (a
 * kanji word cut a character from its edge: 確|認) to 8 (after 、。 or a
 * space).  See textfit_wrap().
 */
/*
 * A legal form a word of its own, and the name after it one where it
 * fits a line of width: 株式会社／見本システムズ, not 株式会社見本／
 * システムズ nor 株式会／社…
 */
static void
legal_scores(unsigned char *score, const uint32_t *v, size_t n,
    unsigned width)
{
	size_t	 i;

	/* most paragraphs name no company: nothing to do (legal_end()) */
	for (i = 2; i <= n && !legal_tail(v, i); i++)
		;
	if (i > n)
		return;
	for (i = 1; i < n; i++)
		if (score[i] > 1 && is_kanji(v[i - 1]) && legal_end(v, n, i))
			score[i] = 5;
		else if (score[i] > 1 && name_cut(v, n, i, width) == 2)
			score[i] = 1;
}

/*
 * score[i] as break_scores() has it before the pieces that must not
 * break are kept: how good a break is, wherever it is.
 */
static void
base_scores(unsigned char *score, const uint32_t *v, size_t n)
{
	size_t		i, e;
	uint32_t	p, q;

	if (n == 0)
		return;
	score[0] = 0;
	for (i = 1; i < n; i++) {
		p = v[i - 1];
		q = v[i];
		if (is_space(q) || no_line_start(q) || is_opening(p))
			score[i] = 0;
		else if (is_space(p) || p == 0x3001 || p == 0x3002 ||
		    p == 0xFF0C || p == 0xFF0E || p == 0xFF01 || p == 0xFF1F)
			score[i] = 8;
		else if (is_opening(q) || is_close_bracket(p))
			score[i] = 7;
		else if (p == 0x30FB || p == 0xFF0F || p == '/')
			score[i] = 6;
		else if ((is_hira(p) && !is_hira(q)) ||
		    (is_kata(p) && is_kanji(q)) || (is_kanji(p) && is_kata(q)))
			score[i] = 5;
		else if (!is_hira(q))
			score[i] = 4;
		else {
			/* 化|した, リスク|が; the last one or two: 化し|た */
			for (e = i; e < n && e - i < 3 && is_hira(v[e]); e++)
				;
			score[i] = e - i <= 2 ? 1 : 3;
		}
	}
	/*
	 * a kanji word cut one character from its edge (確／認, 閲覧範／囲,
	 * 合格／率, 処／理日数): nearly as bad as okurigana cut off; a run
	 * of kanji may be two words (閲覧／範囲), but seldom one of them a
	 * single character
	 */
	for (i = 0; i < n; i = e) {
		for (e = i; e < n && is_kanji(v[e]); e++)
			;
		if (e == i) {
			e = i + 1;
			continue;
		}
		kanji_words(score, i, e);
	}
}

static void
break_scores(unsigned char *score, const uint32_t *v, size_t n)
{
	size_t		i, j, e, depth;
	uint32_t	cl;
	unsigned char	sv;

	if (n == 0)
		return;
	base_scores(score, v, n);
	for (i = 0; i < n; i = e) {
		e = i + 1;
		if (is_digit(v[i])) {
			/* the era, 第 or a sign before it */
			j = i;
			if (j >= 2 && ((v[j - 2] == 0x4EE4 && v[j - 1] ==
			    0x548C) || (v[j - 2] == 0x5E73 && v[j - 1] ==
			    0x6210) || (v[j - 2] == 0x662D && v[j - 1] ==
			    0x548C)))
				j -= 2;
			else if (j >= 1 && (v[j - 1] == 0x7B2C ||
			    is_sign(v[j - 1])))
				j--;
			/*
			 * an amount with the word naming it: 月額25,000円,
			 * 約120件 (月／額25,000円 read as a mistake)
			 */
			else if (j >= 2 && v[j - 1] == 0x984D /* 額 */ &&
			    is_kanji(v[j - 2]))
				j -= 2;
			else if (j >= 1 && v[j - 1] == 0x7D04 /* 約 */)
				j--;
			e = number_end(v, n, i);
			/*
			 * and the half-width word it starts: a chapter's 2-3,
			 * a code's 4-1a (2／-3 on two lines); not past a
			 * kanji that ended it (の4第／1項 is two numbers)
			 */
			while (cp_width(v[e - 1]) == 1 && e < n &&
			    cp_width(v[e]) == 1 && !is_space(v[e]))
				e++;
			/* a code of the specification: 4(3)ア(ウ)(エ) */
			if (spec_code_end(v, n, i) > e)
				e = spec_code_end(v, n, i);
			/*
			 * a document number with its symbol: 情政受第15号,
			 * 練企情発第27号 (情政受／第15号 reads as two things)
			 */
			if (j + 1 == i && v[j] == 0x7B2C && e > i &&
			    v[e - 1] == 0x53F7)
				while (j > 0 && i - j <= DOCNO_SYMBOL &&
				    is_kanji(v[j - 1]))
					j--;
			keep(score, j, e);
			/*
			 * and a break from the kanji before it only as a last
			 * resort: 問／2が reads as a mistake
			 */
			if (j == i && i >= 1 && is_kanji(v[i - 1]) &&
			    score[i] > 1)
				score[i] = 1;
		} else if (is_kata(v[i]) && v[i] != 0x30FB) {
			while (e < n && is_kata(v[e]) && v[e] != 0x30FB)
				e++;
			keep(score, i, e);
		} else if (cp_width(v[i]) == 1 && !is_space(v[i])) {
			while (e < n && cp_width(v[e]) == 1 && !is_space(v[e]))
				e++;
			/*
			 * Latin letters and the katakana word they start are
			 * one word: USBメモリ, ICカード (USB／メモリ)
			 */
			if (e < n && ((v[e - 1] >= 'A' && v[e - 1] <= 'Z') ||
			    (v[e - 1] >= 'a' && v[e - 1] <= 'z')) &&
			    is_kata(v[e]) && v[e] != 0x30FB)
				while (e < n && is_kata(v[e]) && v[e] != 0x30FB)
					e++;
			keep(score, i, e);
		}
	}
	/*
	 * a person's name, family and given name of one to four
	 * characters each with a space between (見本 花子, 架空 健): whole
	 */
	for (i = 1; i + 1 < n; i++) {
		if (v[i] != ' ' && v[i] != 0x3000)
			continue;
		for (j = i; j > 0 && i - j < 5 && is_name_char(v[j - 1]); j--)
			;
		for (e = i + 1; e < n && e - i <= 5 && is_name_char(v[e]); e++)
			;
		/* not a date after a heading: 開催日 令和8年 */
		if (j < i && i - j <= 4 && (j == 0 ||
		    (!is_name_char(v[j - 1]) && !is_digit(v[j - 1]))) &&
		    e > i + 1 && e - i - 1 <= 4 && (e == n ||
		    (!is_name_char(v[e]) && !is_digit(v[e]))))
			keep(score, j, e);
	}
	/*
	 * the name of a division, an office or a body, a run of kanji and
	 * katakana ending in 課 部 室 所 館 局 園 校 係 会 (戸籍住民課,
	 * 区立図書館, 情報化運営委員会): whole, up to ORG_MAX characters
	 */
	for (i = 0; i < n; i = e) {
		for (e = i; e < n && (is_kanji(v[e]) || (is_kata(v[e]) &&
		    v[e] != 0x30FB)); e++)
			;
		if (e == i) {
			e = i + 1;
			continue;
		}
		if (org_name(v, n, i, e))
			keep(score, org_start(v, i), org_stop(v, n, e));
	}
	/* asides: a short one whole, a long one not at its edges */
	for (i = 0; i < n; i++) {
		if ((cl = closer_of(v[i])) == 0)
			continue;
		/* an aside longer than ASIDE_SCAN is not looked for */
		for (j = i + 1, depth = 0; j < n && j - i <= ASIDE_SCAN &&
		    !is_newline(v[j]); j++) {
			if (v[j] == v[i])
				depth++;
			else if (v[j] == cl && depth-- == 0)
				break;
		}
		if (j >= n || v[j] != cl)
			continue;
		if (j - i - 1 <= TEXTFIT_ASIDE) {
			/*
			 * but a list breaks after its 、 where both sides
			 * are words: （担当者数、／委託の範囲）を示してくださ
			 * い。 on two lines, not three (rev20 T6)
			 */
			for (e = i + 4; e + 3 <= j && e < n; e++)
				if (v[e - 1] == 0x3001 && score[e] != 0)
					break;
			sv = e + 3 <= j ? score[e] : 0;
			keep(score, i, j + 1);
			if (sv != 0)
				score[e] = sv;
		} else {
			keep(score, i, i + 3);
			keep(score, j - 2, j + 1);
		}
	}
}

/* Width of v[a..e), spaces at its end left out. */
static unsigned
span_width(const uint32_t *v, size_t a, size_t e)
{
	unsigned	w = 0;
	size_t		i;

	while (e > a && is_space(v[e - 1]))
		e--;
	for (i = a; i < e; i++) {
		w += cp_hundredths(v[i]);
		if (i > a)
			w += gap(v[i - 1], v[i]);
	}
	return w;
}

/* Where a line starts after a break at i: past the spaces. */
static size_t
line_start(const uint32_t *v, size_t n, size_t i)
{
	while (i < n && is_space(v[i]))
		i++;
	return i;
}

/*
 * The cost of a paragraph's lines (see textfit_wrap()): a line costs
 * WRAP_LINE, so that the fewest lines win; then a break costs the more
 * the worse it is (break_cost[] by its score: two inside a word cost
 * more than three between words), and a line less the fuller it is
 * (less than a step of break_cost[]); a last line of fewer than
 * TEXTFIT_WIDOW characters after a break costs more than a line; a
 * break inside what must not break yet more, taken only where nothing
 * else fits.
 */
#define WRAP_LINE	1000UL
#define WRAP_RAGGED	4UL
#define WRAP_WIDOW	1500UL
#define WRAP_FORCED	3000UL
/*
 * A last line that is a verb's ending torn off its verb, hiragana alone
 * (示して／ください。, 行って／います。: rev20 T6, the 精査記録's
 * questions, in a cell's filled lines): more than a break at a phrase
 * a line earlier costs
 * (…を／示してください。), less than a line.
 */
#define WRAP_KANA_TAIL	500UL
#define KANA_TAIL_MAX	6

/*
 * The breaks of paragraph v[0..n) at width: brk[a] is where the line
 * starting at a ends; cost[a] what the lines from a on cost.
 */
static const unsigned long break_cost[] = {
	0, 400, 150, 100, 40, 20, 10, 5, 0,
};
/*
 * Filled lines (textfit_wrap_fill()): running text in a table cell
 * reads as Japanese is set, each line to the cell's edge.  A character
 * left on a line of ten (200) costs less than the worst breaks (化し|た,
 * 確|認), so a line ends short to spare one of those or a line of one or
 * two.
 */
static const unsigned long fill_cost[] = {
	0, 800, 800, 60, 30, 0, 0, 0, 0,
};
#define FILL_RAGGED	2000UL
/*
 * But a numbered item's line that ends at a phrase, after 、 or 。, at a
 * space between its words or before an opening bracket, costs its
 * shortfall by FILL_PHRASE: a writer ends a line short there, not after
 * a word inside one (the 精査記録's questions: 「(3) 効果の／算定根拠
 * （…）を／示してください。」 became 「(3) 効果の算定根拠／（…）を／…」,
 * 「クラウドサービスを／利用する場合、…」 「…利用する場合、／ISMAP…」).
 * Linear, the shortfall of the lines before the last adds up the same
 * wherever it falls, and a short first line cost no more than two a
 * little short.
 */
#define FILL_PHRASE	2UL

/*
 * Division by a line's width, which plan_breaks() does for every break
 * it weighs (a fifth of its time a hardware division): by a multiply
 * and shift (Lemire, Kaser and Kurz, "Faster remainder by direct
 * computation", 2019: for d > 1 and n < 2^32, n / d is the high 64 bits
 * of n times ceil(2^64 / d)), the same quotient.
 */
#ifdef __SIZEOF_INT128__
__extension__ typedef unsigned __int128	u128;
#endif

struct divisor {
	unsigned long	d;
	uint64_t	m;		/* 0: divide */
};

static void
div_init(struct divisor *dv, unsigned d)
{
	dv->d = d;
	dv->m = 0;
#ifdef __SIZEOF_INT128__
	if (d > 1)
		dv->m = UINT64_MAX / d + 1;
#endif
}

static inline unsigned long
div_by(const struct divisor *dv, unsigned long n)
{
#ifdef __SIZEOF_INT128__
	if (dv->m != 0 && n <= UINT32_MAX)
		return (unsigned long)(((u128)dv->m * n) >> 64);
#endif
	return n / dv->d;
}

/*
 * Does a line ending before v[i] end at a phrase: after 、 。 ，, before
 * an opening bracket, or at a space after text (past the label)?  Not
 * after a closing bracket: （…）／を splits a particle off.
 */
static int
phrase_end(const uint32_t *v, size_t i, size_t text)
{
	uint32_t	p = v[i - 1];

	return p == 0x3001 || p == 0x3002 || p == 0xFF0C ||
	    is_opening(v[i]) || (is_space(p) && i > text);
}

static void
plan_breaks(const uint32_t *v, size_t n, const unsigned char *score,
    const unsigned char *raw, unsigned width, unsigned hang, int fill,
    unsigned long line, unsigned long ragged, size_t *brk,
    unsigned long *cost, size_t *left, unsigned *cw, unsigned *gp)
{
	size_t		a, e, i, nx, tail, first = line_start(v, n, 0), text;
	unsigned	w, add, lw, run, short_by, nwid, lwid;
	struct divisor	dv;
	unsigned long	c, best;
	int		any;

	/*
	 * cw[i], gp[i]: v[i]'s width and the gap before it, once: the
	 * loops below look at each character once a line it may start
	 */
	for (i = 0; i < n; i++) {
		cw[i] = cp_hundredths(v[i]);
		gp[i] = i > 0 ? gap(v[i - 1], v[i]) : 0;
	}
	/* left[i]: characters other than spaces from i on */
	left[n] = 0;
	for (i = n; i-- > 0;)
		left[i] = left[i + 1] + !is_space(v[i]);
	/* tail: where the paragraph's closing run of hiragana starts */
	for (tail = n; tail > 0 && (is_hira(v[tail - 1]) ||
	    no_line_start(v[tail - 1]) || is_space(v[tail - 1])); tail--)
		;
	while (tail < n && !is_hira(v[tail]))
		tail++;
	/* text: where a numbered item's text starts, past its label */
	for (text = first; text < n && !is_space(v[text]); text++)
		;
	text = line_start(v, n, text);
	cost[n] = 0;
	brk[n] = n;
	for (a = n; a-- > 0;) {
		if (is_space(v[a])) {
			/* not a line start: as the next one */
			cost[a] = cost[line_start(v, n, a)];
			brk[a] = brk[line_start(v, n, a)];
			continue;
		}
		/* lines after the first are hang narrower */
		nwid = width > hang + 100 ? width - hang : 100;
		lwid = a == first ? width : nwid;
		div_init(&dv, lwid);
		for (e = a, w = 0; e < n; e++) {
			add = cw[e] + (e > a ? gp[e] : 0);
			if (e > a && w + add > lwid && !is_space(v[e]))
				break;
			w += add;
		}
		if (e >= n) {
			cost[a] = line;
			brk[a] = n;
			continue;
		}
		best = ULONG_MAX;
		any = 0;
		/* lw: the width of v[a..i) less its spaces at the end */
		for (i = a + 1, run = lw = cw[a]; i <= e; i++) {
			if (i > a + 1) {
				run += cw[i - 1] + gp[i - 1];
				if (!is_space(v[i - 1]))
					lw = run;
			}
			if (score[i] == 0)
				continue;
			any = 1;
			nx = line_start(v, n, i);
			short_by = lwid - (lw < lwid ? lw : lwid);
			c = line + cost[nx] + (fill ?
			    fill_cost[score[i]] + div_by(&dv,
			    FILL_RAGGED * short_by / (hang > 0 &&
			    score[i] >= 7 && phrase_end(v, i, text) ?
			    FILL_PHRASE : 1)) :
			    break_cost[score[i]] + div_by(&dv,
			    ragged * short_by));
			if (nx < n && left[nx] < TEXTFIT_WIDOW &&
			    span_width(v, nx, n) <= nwid)
				c += WRAP_WIDOW;
			else if (fill && nx < n && nx >= tail && tail > 0 &&
			    is_hira(v[nx - 1]) && left[nx] <= KANA_TAIL_MAX &&
			    span_width(v, nx, n) <= nwid)
				c += WRAP_KANA_TAIL;
			/* nor one of one or two in the middle (見／積り) */
			if (nx < n && a > line_start(v, n, 0) &&
			    left[a] - left[i] < TEXTFIT_WIDOW)
				c += WRAP_WIDOW;
			if (c <= best) {
				best = c;
				brk[a] = i;
			}
		}
		if (!any) {
			/*
			 * a piece wider than the line breaks where it must:
			 * at its best break in the line's second half (an
			 * aside at its space, （情報公開課／主事）), else
			 * not before closing punctuation nor after an
			 * opening bracket: （情報セキュリティ／） never
			 */
			for (i = e, nx = 0, run = 0; i > a + (e - a) / 2;
			    i--)
				if (raw[i] > run) {
					run = raw[i];
					nx = i;
				}
			if (run >= 5)
				i = nx;
			else {
				for (i = e; i > a + 1 && (no_line_start(v[i]) ||
				    is_opening(v[i - 1])); i--)
					;
				if (i == a + 1 && (no_line_start(v[i]) ||
				    is_opening(v[a])))
					i = e;
			}
			nx = line_start(v, n, i);
			best = line + WRAP_FORCED + cost[nx];
			if (nx < n && left[nx] < TEXTFIT_WIDOW &&
			    span_width(v, nx, n) <= nwid)
				best += WRAP_WIDOW;
			/*
			 * inside a katakana word: only to spare a line
			 * (（情報セキュリ／ティ）の条項), not where breaking
			 * between words takes as many (最高情報／セキュリティ
			 * 責任者／（CISO）, not 最高情報セキュリ／ティ責任者)
			 */
			if (i > a && i < n && is_kata(v[i - 1]) &&
			    is_kata(v[i]) && v[i - 1] != 0x30FB &&
			    v[i] != 0x30FB)
				best += WRAP_LINE / 2;
			brk[a] = i;
			/*
			 * or at any break a piece of words has (raw 2, 4 and
			 * more) where that costs less with what follows: a
			 * name too wide for its line, 地域／文化部 rather than
			 * 地域文化／部
			 */
			/* a break where the script changes in reach? */
			for (i = a + 1, any = 0; run < 5 && i <= e; i++)
				any |= raw[i] >= 5;
			/*
			 * then not between two kanji: 株式会社／架空ソリューシ
			 * ョンズ, not 株式／会社架空ソリューションズ
			 */
			if (any && brk[a] > a && brk[a] < n &&
			    is_kanji(v[brk[a] - 1]) && is_kanji(v[brk[a]]) &&
			    !legal_end(v, n, brk[a]))
				best += WRAP_LINE;
			for (i = a + 1; run < 5 && i <= e; i++) {
				if (raw[i] != 2 && raw[i] < 4)
					continue;
				/* but after a legal form: 株式会社／架空… */
				if (any && is_kanji(v[i - 1]) &&
				    is_kanji(v[i]) && !legal_end(v, n, i))
					continue;
				nx = line_start(v, n, i);
				c = line + WRAP_FORCED + break_cost[raw[i]] +
				    cost[nx];
				if (nx < n && left[nx] < TEXTFIT_WIDOW &&
				    span_width(v, nx, n) <= nwid)
					c += WRAP_WIDOW;
				/* nor one character alone: 区／立図書館 */
				if (left[a] - left[i] < 2)
					c += WRAP_WIDOW;
				/*
				 * a katakana word is split only to spare two
				 * lines more: （情報／セキュリティ責任者） on three
				 * lines, not （情報セキュ／リティ責任者）
				 */
				if (is_kata(v[i - 1]) && is_kata(v[i]) &&
				    v[i - 1] != 0x30FB && v[i] != 0x30FB)
					c += 2 * WRAP_LINE;
				/* the fuller line first */
				if (c <= best) {
					best = c;
					brk[a] = i;
				}
			}
		}
		cost[a] = best;
	}
}

struct wbuf {
	char	*s;
	size_t	 len;
	size_t	 cap;
	int	 fail;
};

static void
wbuf_add(struct wbuf *o, const char *s, size_t n)
{
	char	*t;
	size_t	 cap;

	if (o->fail)
		return;
	if (o->len + n + 1 > o->cap) {
		cap = o->cap > 0 ? o->cap : 64;
		while (cap < o->len + n + 1)
			cap *= 2;
		if ((t = realloc(o->s, cap)) == NULL) {
			o->fail = 1;
			return;
		}
		o->s = t;
		o->cap = cap;
	}
	memcpy(o->s + o->len, s, n);
	o->len += n;
	o->s[o->len] = '\0';
}

/* wrap_text()'s fill: lines as full as may be, and hanging at a label */
#define FILL_HANG	2

/*
 * The width of the label a numbered item of v[0..n) starts with, "(1) "
 * or "（1）", or 0: the item's lines after the first start after it.
 */
/* The longest day label label_width() hangs at: 12日～12月28日. */
#define DAY_LABEL	10

/*
 * The label v[0..n) of a numbered item as wide as it prints, which is
 * where its lines hang: "(1) " is about 1.4 characters in Century
 * (brackets a third, a digit a half, a space a quarter), not the 2.4
 * that measuring it as text makes (the items of a 精査記録's ヒアリング
 * hung a character deeper than their label).
 */
static unsigned
item_label_width(const uint32_t *v, size_t n)
{
	size_t		i;
	unsigned	w = 0;

	for (i = 0; i < n; i++) {
		if (v[i] == '(' || v[i] == ')')
			w += 33;
		else if (v[i] == ' ')
			w += 25;
		else if (v[i] < 0x80)
			w += 50;
		else
			w += cp_hundredths(v[i]);
		/* a half-width digit between full-width brackets: （1） */
		if (i > 0 && is_digit(v[i]) != is_digit(v[i - 1]) &&
		    (v[i] >= 0x80 || v[i - 1] >= 0x80))
			w += TEXTFIT_GAP;
	}
	return w;
}

static unsigned
label_width(const uint32_t *v, size_t n)
{
	size_t		i = 0, d;
	uint32_t	close;

	/*
	 * a day or days before a full-width space (11日　第5回 定例会,
	 * 3日～9月2日　研修): a schedule's entry, its lines hanging at
	 * the text as an item's at its number
	 */
	if (n >= 3 && is_digit(v[0])) {
		for (i = 1; i < n && i <= DAY_LABEL && (is_digit(v[i]) ||
		    v[i] == 0x6708 /* 月 */ || v[i] == 0x65E5 /* 日 */ ||
		    v[i] == 0xFF5E /* ～ */ || v[i] == 0x301C /* 〜 */); i++)
			;
		if (i + 1 < n && v[i] == 0x3000 && v[i - 1] == 0x65E5)
			return span_width(v, 0, i) + cp_hundredths(v[i]);
		return 0;
	}
	if (n < 3 || (v[0] != '(' && v[0] != 0xFF08))
		return 0;
	close = v[0] == '(' ? ')' : 0xFF09;
	for (i = 1, d = 0; i < n && (is_digit(v[i]) ||
	    (v[i] >= 0xFF10 && v[i] <= 0xFF19)); i++)
		d++;
	if (d == 0 || d > 2 || i >= n || v[i] != close)
		return 0;
	i++;
	while (i < n && is_space(v[i]))
		i++;
	if (i >= n)
		return 0;
	return item_label_width(v, i);
}

/*
 * wrap_text()'s fill: 0 the best breaks, 1 filled lines, FILL_HANG filled
 * and hanging at a numbered item's label, HANG_ONLY the best breaks so.
 */
#define HANG_ONLY	3
/* and HANG_LOOSE so, lines short of the width costing as in textfit_wrap() */
#define HANG_LOOSE	4
/*
 * Lines short of the width cost more there: a line taken for a better
 * break, not lines left ragged (異なる種類の要素を組み／合わせることで…).
 */
#define WITHIN_RAGGED	400UL

/* Does v[i] start an ordinal, 第 before a digit (規則／第44条)? */
static int
ordinal_at(const uint32_t *v, size_t n, size_t i)
{
	return v[i] == 0x7B2C && i + 1 < n && is_digit(v[i + 1]);
}

/*
 * Does a body's name of three or more kanji end before v[i] inside a run
 * of kanji, a word of two or more after it (区立保育園／会計年度任用職員,
 * 事故等／管理要領), as kana_scores() takes such a run as two: a break
 * there splits no word, and the words either side are counted apart.
 * Not 関係, which ends in 係 and names no body (住民関係通知書), nor
 * before a word that starts with the name's last kanji (保育園会計).
 */
static int
name_end_at(const uint32_t *v, size_t n, size_t i)
{
	/* words that start with such a kanji: 会計, 課題, 所管, 部門, 係長 */
	static const char	 starts[] = "会計会議会場会社会員会館会合会話"
	    "課題課長課税部門部分部署部長部局所管所属所見所長所在所有所定"
	    "所要室長局長館長館内園長校長係長係員";
	uint32_t		 cp[2];
	size_t			 k;

	if (i < 3 || i + 2 > n || !(is_org_end(v[i - 1]) ||
	    v[i - 1] == 0x7B49 /* 等 */) ||
	    (v[i - 2] == 0x95A2 && v[i - 1] == 0x4FC2) /* 関係 */)
		return 0;
	for (k = 0; k + 6 <= sizeof starts - 1; k += 6) {
		(void)text_utf8_decode(&cp[0], starts + k, 3);
		(void)text_utf8_decode(&cp[1], starts + k + 3, 3);
		if (cp[0] == v[i - 1] && cp[1] == v[i])
			return 0;
	}
	return is_kanji(v[i - 1]) &&
	    is_kanji(v[i - 2]) && is_kanji(v[i - 3]) && is_kanji(v[i]) &&
	    is_kanji(v[i + 1]);
}

/* Does c end a document's name: 提案書, 管理表, 確認票, 管理簿? */
static int
doc_suffix(uint32_t c)
{
	return c == 0x66F8 /* 書 */ || c == 0x8868 /* 表 */ ||
	    c == 0x7968 /* 票 */ || c == 0x7C3F /* 簿 */;
}

/*
 * Words a run of kanji holds that its pairs misread: 要配慮 (条例要配慮
 * 個人情報 read as 条例／要配／慮個／人情／報 let 要配／慮 pass as a
 * compound cut between its parts), and a company's or a body's legal
 * form (textfit_legal_forms[]: 株式会社見本／システム, where 株式会社／
 * 見本システム keeps the name whole).
 */
static const char *const terms[] = { "要配慮" };
static const char *const legal_forms[] = {
	"株式会社", "有限会社", "合同会社", "合資会社", "合名会社",
	"一般社団法人", "一般財団法人", "公益社団法人", "公益財団法人",
	"特定非営利活動法人", "社会福祉法人", "独立行政法人"
};

/*
 * Does t end before v[i]?  Its last character is looked at first: the
 * terms are of kanji, three bytes each.
 */
static int
term_ends(const uint32_t *v, size_t n, size_t i, const char *t)
{
	size_t		 len = strlen(t), c;
	uint32_t	 last;

	if (i == 0 || len < 3)
		return 0;
	(void)text_utf8_decode(&last, t + len - 3, 3);
	if (v[i - 1] != last)
		return 0;
	c = text_chars(t, len);
	return i >= c && cp_match(v, n, i - c, t);
}

/* Is v[i] where one of terms[] or legal_forms[] starts or ends? */
static int
term_edge(const uint32_t *v, size_t n, size_t i)
{
	const char *const	*t;
	size_t			 k;

	for (k = 0; k < sizeof terms / sizeof terms[0] +
	    sizeof legal_forms / sizeof legal_forms[0]; k++) {
		t = k < sizeof terms / sizeof terms[0] ? &terms[k] :
		    &legal_forms[k - sizeof terms / sizeof terms[0]];
		if (cp_match(v, n, i, *t) || term_ends(v, n, i, *t))
			return 1;
	}
	return 0;
}

/*
 * Does v[i - 2..i) end a legal form as each does, in 会社 or 法人?  Asked
 * at every break of a paragraph, the forms are looked at only after one.
 */
static int
legal_tail(const uint32_t *v, size_t i)
{
	return i >= 2 && ((v[i - 2] == 0x4F1A /* 会 */ &&
	    v[i - 1] == 0x793E /* 社 */) || (v[i - 2] == 0x6CD5 /* 法 */ &&
	    v[i - 1] == 0x4EBA /* 人 */));
}

/* Does a legal form end before v[i] (株式会社／見本システムズ)? */
static int
legal_end(const uint32_t *v, size_t n, size_t i)
{
	size_t	 k;

	if (i > n || !legal_tail(v, i))
		return 0;
	for (k = 0; k < sizeof legal_forms / sizeof legal_forms[0]; k++)
		if (term_ends(v, n, i, legal_forms[k]))
			return 1;
	return 0;
}

size_t
textfit_legal_form(const char *s, size_t len)
{
	size_t	 k, m;

	for (k = 0; k < sizeof legal_forms / sizeof legal_forms[0]; k++) {
		m = strlen(legal_forms[k]);
		if (m <= len && memcmp(s, legal_forms[k], m) == 0)
			return m;
	}
	return 0;
}

/*
 * Does a word end before v[i] inside a run of kanji: a term_edge() there
 * (条例／要配慮／個人情報), or a word of three, a negation and two kanji
 * that start their run (前年度の未実施／項目, 不適合／事項), so that 未実／施
 * is a word cut one character from its edge, not a compound cut between
 * its parts.
 */
static int
word_end_at(const uint32_t *v, size_t n, size_t i)
{
	uint32_t	c;

	if (i < n && term_edge(v, n, i))
		return 1;
	if (i < 3 || i >= n || !is_kanji(v[i]) || !is_kanji(v[i - 1]) ||
	    !is_kanji(v[i - 2]) || (i >= 4 && is_kanji(v[i - 4])))
		return 0;
	c = v[i - 3];
	return c == 0x672A /* 未 */ || c == 0x4E0D /* 不 */ ||
	    c == 0x975E /* 非 */ || c == 0x7121 /* 無 */;
}

/*
 * Does v[i] start a word of its own after the kanji before it: 向け
 * (職員向け), whose kanji is not the end of 会計年度任用職員.
 */
static int
word_after(const uint32_t *v, size_t n, size_t i)
{
	return i >= 1 && i + 1 < n && v[i] == 0x5411 /* 向 */ &&
	    (v[i + 1] == 0x3051 /* け */ || v[i + 1] == 0x304D /* き */);
}

/*
 * The paragraph v[0..n), at s + off[0], wrapped into o, a line costing
 * line (WRAP_LINE; less to take a line more for a better break).
 */
/*
 * The scores of a paragraph that do not depend on the width: its breaks
 * (break_scores(), with kana_scores() where it fills) and the raw ones
 * (base_scores()).  A table tries a cell at many widths, and each try
 * wraps it again: scoring it again each time was a third of a long
 * 作業実施計画書's time.  Entries are found by a hash of the paragraph
 * and checked whole; a miss scores it and takes the slot.
 */
#define SCORE_MEMO	256

struct score_memo {
	uint32_t	*v;
	unsigned char	*score, *raw;
	size_t		 n;
	int		 kana;
};

static struct score_memo	score_memo[SCORE_MEMO];

static void
para_scores(unsigned char *score, unsigned char *raw, const uint32_t *v,
    size_t n, int kana)
{
	struct score_memo	*m;
	size_t			 i, h = n * 31 + (size_t)kana;
	uint32_t		*mv;
	unsigned char		*ms;

	for (i = 0; i < n; i++)
		h = h * 16777619u ^ v[i];
	m = &score_memo[h % SCORE_MEMO];
	if (m->v != NULL && m->n == n && m->kana == kana &&
	    memcmp(m->v, v, n * sizeof *v) == 0) {
		memcpy(score, m->score, n + 1);
		memcpy(raw, m->raw, n + 1);
		return;
	}
	break_scores(score, v, n);
	base_scores(raw, v, n);
	if (kana)
		kana_scores(score, v, n);
	/* kept where there is memory for it; scored again where not */
	if ((mv = malloc((n + 1) * sizeof *v)) == NULL ||
	    (ms = malloc(2 * (n + 1))) == NULL) {
		free(mv);
		return;
	}
	free(m->v);
	free(m->score);
	memcpy(mv, v, n * sizeof *v);
	memcpy(ms, score, n + 1);
	memcpy(ms + n + 1, raw, n + 1);
	m->v = mv;
	m->score = ms;
	m->raw = ms + n + 1;
	m->n = n;
	m->kana = kana;
}

static void
wrap_para(struct wbuf *o, const char *s, const size_t *off,
    const uint32_t *v, size_t n, unsigned width, int fill, unsigned long line)
{
	unsigned	 hang = 0, *cw, *gp;
	unsigned char	*score, *raw;
	int		 within;
	unsigned long	*cost;
	size_t		*brk, *left, a, e, t;

	/* one allocation, the widest elements first */
	if ((cost = calloc(n + 1, sizeof *cost + sizeof *brk + sizeof *left +
	    sizeof *cw + sizeof *gp + 2)) == NULL) {
		o->fail = 1;
		return;
	}
	brk = (size_t *)(cost + n + 1);
	left = brk + n + 1;
	cw = (unsigned *)(left + n + 1);
	gp = cw + n + 1;
	score = (unsigned char *)(gp + n + 1);
	raw = score + n + 1;
	para_scores(score, raw, v, n, fill != 0);
	/* a numbered item hangs at its label: (1) 稼働前に… */
	if (fill == FILL_HANG || fill == HANG_ONLY || fill == HANG_LOOSE)
		hang = label_width(v, n);
	/*
	 * with lines to spare, a kanji word is broken only as a last
	 * resort, as textfit_bad_break() counts it (延長／保守, 業務／改善)
	 */
	within = fill == HANG_ONLY || fill == HANG_LOOSE;
	legal_scores(score, v, n, width);
	legal_scores(raw, v, n, width);
	for (a = 1; within && a < n; a++)
		if (score[a] > 1 && is_kanji(v[a - 1]) && is_kanji(v[a]) &&
		    !ordinal_at(v, n, a) && !name_end_at(v, n, a) &&
		    !legal_end(v, n, a))
			score[a] = 1;
	/* nor a code alone on its line: 2-8／業務委託と外部サービスの利用 */
	for (a = 0; within && a < n && v[a] < 0x80 && !is_space(v[a]); a++)
		;
	if (within && a > 0 && a + 1 < n && is_space(v[a]) &&
	    score[a + 1] > 1)
		score[a + 1] = 1;
	plan_breaks(v, n, score, raw, width, hang, fill == 1 ||
	    fill == FILL_HANG, line, fill == HANG_ONLY ? WITHIN_RAGGED :
	    WRAP_RAGGED, brk, cost, left, cw, gp);
	for (a = line_start(v, n, 0); a < n; a = line_start(v, n, e)) {
		e = brk[a];
		t = e;
		while (t > a && is_space(v[t - 1]))
			t--;
		wbuf_add(o, s + off[a], off[t] - off[a]);
		if (line_start(v, n, e) < n)
			wbuf_add(o, "\n", 1);
	}
	free(cost);
}

/*
 * Words of kana that running text in a table cell keeps whole: the
 * endings, auxiliaries and particles of several characters a reader
 * takes as one (であ／り, 令和8年度か／ら, 示してく／ださい, 確認す／る,
 * あらかじ／め, 調整中であるた／め); a hiragana that may end a word
 * inside one of them is not told from one that may not.
 */
static const char *const kana_words[] = {
	"あらかじめ", "ください", "について", "とどまり", "とどまる",
	"おそれ",
	"ならびに", "もしくは", "および", "または", "ただし",
	"おらず", "ならず", "おいて", "ついて", "ところ", "すべて", "できる",
	"できず", "できな", "もらい", "もらう", "でき",
	"から", "まで", "ため", "こと", "もの", "とき", "など", "より",
	"ます", "です", "ある", "あり", "あっ", "いる", "いた", "いな",
	"だが",
	"おり", "する", "すれ", "られ", "れる", "れた", "たり", "ずつ",
	"のみ", "よう", "べき", "やす", "なく", "ない", "われ", "され",
	"させ", "れて",
};

#define KANA_WORDS	(sizeof kana_words / sizeof kana_words[0])

/*
 * kana_words[] by their first hiragana: kana_head[c - 0x3040] is the
 * first word (its index plus one) that starts with c, kana_next[] the
 * next; kana_len[] their lengths in code points.  kana_split() looks a
 * break up in it at every hiragana of every wrap of a cell at every
 * width a table tries: a search through the whole list there was half
 * of a long 作業実施計画書's time.
 */
static unsigned char	kana_head[0x60], kana_next[KANA_WORDS];
static unsigned char	kana_len[KANA_WORDS];

static void
kana_index(void)
{
	const unsigned char	*u;
	uint32_t		 c;
	size_t			 w;

	if (kana_len[0] != 0)
		return;
	for (w = KANA_WORDS; w-- > 0;) {
		/* three bytes each, all in U+3041..U+309F */
		u = (const unsigned char *)kana_words[w];
		c = ((uint32_t)(u[0] & 0x0F) << 12) |
		    ((uint32_t)(u[1] & 0x3F) << 6) | (uint32_t)(u[2] & 0x3F);
		kana_next[w] = kana_head[c - 0x3040];
		kana_head[c - 0x3040] = (unsigned char)(w + 1);
		kana_len[w] = (unsigned char)(strlen(kana_words[w]) / 3);
	}
}

/* Is c one of the code points of the UTF-8 string set? */
static int
cp_in(uint32_t c, const char *set)
{
	uint32_t	 cp;
	size_t		 len = strlen(set), k;

	while (len > 0) {
		k = text_utf8_decode(&cp, set, len);
		set += k;
		len -= k;
		if (cp == c)
			return 1;
	}
	return 0;
}

/* Is c a particle that may begin a line after a kanji: 市／の? */
static int
is_particle(uint32_t c)
{
	return cp_in(c, "をにがはのとでもへやか");
}

/*
 * Does a break before v[j] split a word a reader takes as one, though
 * textfit_wrap() scores it a break between words: inside one of
 * kana_words[]; after a small っ (貼っ／たり, 当たっ／ては); between a
 * kanji alone and its kana but a particle (行／われた, 示／して, not
 * 市／の); inside a verb of two kanji joined by the kana ending the
 * first (組み／込む, 取り／扱い, 持ち／出し: a kanji, one of
 * いきしちみりけえびじ, a kanji and kana)?
 */
static int
kana_split(const uint32_t *v, size_t n, size_t j)
{
	static const char	 stems[] = "いきしちみりけえびじ";
	size_t			 i, w;

	if (j == 0 || j >= n)
		return 0;
	if (v[j - 1] == 0x3063 && is_hira(v[j]))
		return 1;
	if (is_kanji(v[j - 1]) && is_hira(v[j]) && (j < 2 ||
	    !is_kanji(v[j - 2])) && !is_particle(v[j]) &&
	    (j < 2 || !is_digit(v[j - 2])))
		return 1;
	if (j >= 2 && j + 1 < n && is_hira(v[j - 1]) && is_kanji(v[j - 2]) &&
	    is_kanji(v[j]) && is_hira(v[j + 1]) && cp_in(v[j - 1], stems))
		return 1;
	/*
	 * a verb's て, た or る off its stem of a kanji and a kana (付け／て,
	 * 定め／ている, 確認し／たため, 伝え／る): the break goes before
	 * the verb
	 */
	if (j >= 2 && is_kanji(v[j - 2]) && is_hira(v[j - 1]) &&
	    (v[j] == 0x3066 /* て */ || v[j] == 0x3067 /* で */ ||
	    v[j] == 0x305F /* た */ || v[j] == 0x3060 /* だ */ ||
	    v[j] == 0x308B /* る */) &&
	    !is_particle(v[j - 1]))
		return 1;
	/*
	 * a verb of a compound and する off it, its し alone before 、
	 * (取得／し、復元を): the line would start with a lone し; before
	 * the whole verb's kana it is a break like another (確認／して)
	 */
	if (j + 1 < n && is_kanji(v[j - 1]) && v[j] == 0x3057 /* し */ &&
	    v[j + 1] == 0x3001 /* 、 */)
		return 1;
	/*
	 * and its やすい, やすく off it (形骸化し／やすく): one word to a
	 * reader, as 付けて is
	 */
	if (j >= 2 && j + 1 < n && is_kanji(v[j - 2]) && is_hira(v[j - 1]) &&
	    v[j] == 0x3084 /* や */ && v[j + 1] == 0x3059 /* す */ &&
	    !is_particle(v[j - 1]))
		return 1;
	/*
	 * 情報, 電子 or 不正 alone before a katakana word, a term of the two
	 * (、情報／セキュリティ, の電子／メール, （不正／アクセス; after a
	 * word's kana too, 担当者向け情報／セキュリティ研修: review5);
	 * not the end of a
	 * longer word (練馬区情報／セキュリティ), nor another word of two,
	 * which reads as well apart (当該／サーバ, 台帳／データ)
	 */
	if (j >= 2 && is_kata(v[j]) &&
	    ((v[j - 2] == 0x60C5 /* 情 */ && v[j - 1] == 0x5831 /* 報 */) ||
	    (v[j - 2] == 0x96FB /* 電 */ && v[j - 1] == 0x5B50 /* 子 */) ||
	    (v[j - 2] == 0x4E0D /* 不 */ && v[j - 1] == 0x6B63 /* 正 */)) &&
	    (j < 3 || is_hira(v[j - 3]) ||
	    (!is_kanji(v[j - 3]) &&
	    !is_kata(v[j - 3]) && !is_alnum(v[j - 3]))))
		return 1;
	/* an article's branch number: 第29条／の4, 第29条の／4 */
	if (v[j - 1] == 0x6761 /* 条 */ && v[j] == 0x306E /* の */ &&
	    j + 1 < n && is_digit(v[j + 1]))
		return 1;
	if (j >= 2 && v[j - 2] == 0x6761 && v[j - 1] == 0x306E &&
	    is_digit(v[j]))
		return 1;
	/* a frequency: 年／1回, 月／2回 (review9, the 監査調書's 改善) */
	if ((v[j - 1] == 0x5E74 /* 年 */ || v[j - 1] == 0x6708 /* 月 */ ||
	    v[j - 1] == 0x9031 /* 週 */ || v[j - 1] == 0x65E5 /* 日 */) &&
	    is_digit(v[j])) {
		for (i = j; i < n && is_digit(v[i]); i++)
			;
		if (i < n && v[i] == 0x56DE /* 回 */)
			return 1;
	}
	/*
	 * a compound verb's ending off its stem of 込 or 扱 (見込／める,
	 * 申込／み, 取扱／う): dearer than a particle off an aside, which
	 * would otherwise take its place (（27,200,000円）は／…見込／める)
	 */
	if ((v[j - 1] == 0x8FBC /* 込 */ || v[j - 1] == 0x6271 /* 扱 */) &&
	    j >= 2 && is_kanji(v[j - 2]) && is_hira(v[j]) &&
	    !is_particle(v[j]))
		return 1;
	/* 付き off its noun: パスワード／付き, 条件／付き */
	if (v[j] == 0x4ED8 /* 付 */ && j + 1 < n && v[j + 1] == 0x304D &&
	    (is_kanji(v[j - 1]) || is_kata(v[j - 1])))
		return 1;
	/* 等 off the word it follows: 事故／等管理要領, 漏えい／等に */
	if (v[j] == 0x7B49 /* 等 */ && (is_kanji(v[j - 1]) ||
	    is_hira(v[j - 1]) || is_kata(v[j - 1])))
		return 1;
	/*
	 * a suffix off its word inside a run of kanji: 脆弱／性診断,
	 * 担当／者研修 (review13, the 課題管理表)
	 */
	if (is_kanji(v[j - 1]) && j + 1 < n && is_kanji(v[j + 1]) &&
	    (v[j] == 0x6027 /* 性 */ || v[j] == 0x7684 /* 的 */ ||
	    v[j] == 0x5316 /* 化 */ || v[j] == 0x7387 /* 率 */ ||
	    v[j] == 0x8005 /* 者 */))
		return 1;
	if (!is_hira(v[j]))
		return 0;
	kana_index();
	for (i = j; i-- > 0 && j - i < 5 && is_hira(v[i]);)
		for (w = kana_head[v[i] - 0x3040]; w > 0;
		    w = kana_next[w - 1])
			if (i + kana_len[w - 1] > j &&
			    cp_match(v, n, i, kana_words[w - 1]))
				return 1;
	return 0;
}

/*
 * The longest compound of a word of kanji and one of katakana that
 * compound_seam() keeps: マイナンバー利用事務系 is eleven.
 */
#define COMPOUND_MAX	12
#define COMPOUND_KANJI	4

/*
 * Is v[j] the seam of a compound noun of a word of kanji and one of
 * katakana, or the other way round (添付／ファイル, 送信／ボタン,
 * データ／連携, アクセス／記録), inside a sentence: both words of two
 * characters or more, the whole of at most COMPOUND_MAX characters
 * after kana or an opening bracket and before kana (メールと添付
 * ファイルの, （送信ボタンを)?  A reader takes it as one word; a break
 * there reads as one inside a word of kanji (閲覧／範囲), not as one
 * between words (メールと／添付), as the change of script had it.  Not
 * a name alone or at the end of the text, where the seam is the break
 * between its words (障害福祉／サービス, 子育て支援／システム), nor
 * after 、 (当該／サーバ reads as well apart), nor where the kanji are
 * more than COMPOUND_KANJI, words of their own (練馬区情報／セキュリティ).
 */
static int
compound_seam(const uint32_t *v, size_t n, size_t j)
{
	size_t	a, b;
	int	k;

	if (j < 2 || j + 2 > n)
		return 0;
	if (!((is_kanji(v[j - 1]) && is_kata(v[j])) ||
	    (is_kata(v[j - 1]) && is_kanji(v[j]))))
		return 0;
	if (v[j - 1] == 0x30FB || v[j] == 0x30FB)
		return 0;
	k = is_kanji(v[j - 1]);
	for (a = j; a > 0 && j - a <= COMPOUND_MAX && (k ?
	    is_kanji(v[a - 1]) : is_kata(v[a - 1]) && v[a - 1] != 0x30FB);
	    a--)
		;
	for (b = j; b < n && b - j <= COMPOUND_MAX && (k ?
	    is_kata(v[b]) && v[b] != 0x30FB : is_kanji(v[b])); b++)
		;
	if (j - a < 2 || b - j < 2 || b - a > COMPOUND_MAX ||
	    (k ? j - a : b - j) > COMPOUND_KANJI)
		return 0;
	return a > 0 && (is_hira(v[a - 1]) || is_opening(v[a - 1])) &&
	    b < n && is_hira(v[b]);
}

/*
 * score[] of a table cell's running text (wrap_text()'s fill) with the
 * breaks that split a word (kana_split()) a last resort, and a run of
 * kanji that holds the name of a body of three or more (保育園, 情報政策課)
 * before a word of two or more taken as two runs: 区立例題保育園／関係
 * 通知書印刷, not 区立例題保育園関／係通知書 (its words of two counted
 * from its start, 園関 was one).
 */
static void
kana_scores(unsigned char *score, const uint32_t *v, size_t n)
{
	size_t	j, i, e, a;

	for (j = 1; j < n; j++)
		if (score[j] > 1 && kana_split(v, n, j))
			score[j] = 1;
		else if (score[j] > 2 && compound_seam(v, n, j))
			score[j] = 2;
	for (i = 0; i < n; i = e) {
		for (e = i; e < n && is_kanji(v[e]); e++)
			;
		if (e == i) {
			e = i + 1;
			continue;
		}
		for (a = i, j = i + 3; j + 2 <= e; j++) {
			if (j - a < 3 || !is_org_end(v[j - 1]) ||
			    score[j] == 0)
				continue;
			kanji_words(score, a, j);
			a = j;
			if (score[j] == 2)
				score[j] = 4;
		}
		if (a > i) {
			kanji_words(score, a, e);
			if (score[a] == 2)
				score[a] = 4;
		}
	}
}

/* Byte offsets of the code points of s (n + 1 of them). */
static size_t *
offsets(const char *s, size_t n)
{
	size_t		*off, i, k = 0, len = strlen(s);
	uint32_t	 cp;

	if ((off = calloc(n + 1, sizeof *off)) == NULL)
		return NULL;
	for (i = 0; i < n; i++) {
		off[i] = k;
		k += utf8_next(&cp, s + k, len - k);
	}
	off[n] = k;
	return off;
}

/* Sets of wrap_text()'s memory: a large 課 list's cells at its widths. */
#define WRAP_SETS	16384

static char *
wrap_compute(const char *s, unsigned width, int fill, unsigned long line)
{
	struct wbuf	 o = { NULL, 0, 0, 0 };
	uint32_t	*v;
	size_t		*off, n, a, e;

	if ((v = decode(s, &n)) == NULL)
		return NULL;
	if ((off = offsets(s, n)) == NULL) {
		free(v);
		return NULL;
	}
	/* room for the text and a line feed after each character */
	if ((o.s = malloc(strlen(s) + n + 1)) == NULL) {
		free(v);
		free(off);
		return NULL;
	}
	o.cap = strlen(s) + n + 1;
	wbuf_add(&o, "", 0);
	for (a = 0; a <= n; a = e + 1) {
		for (e = a; e < n && !is_newline(v[e]); e++)
			;
		wrap_para(&o, s, off + a, v + a, e - a, width, fill, line);
		if (e >= n)
			break;
		/* the line ends as written (CR LF as one) */
		if (v[e] == '\r' && e + 1 < n && v[e + 1] == '\n') {
			wbuf_add(&o, s + off[e], 2);
			e++;
		} else
			wbuf_add(&o, s + off[e], 1);
	}
	free(v);
	free(off);
	if (o.fail) {
		free(o.s);
		return NULL;
	}
	return o.s;
}

struct textfit_memo_entry {
	char		*s;		/* the text, NUL, the result, NUL */
	size_t		 len;		/* of the text */
	size_t		 outlen;	/* of the result */
	uint64_t	 k1, k2;
	unsigned	 v[2];
	int		 out;		/* a result text, not NULL */
	uint32_t	 hash;
};

static uint32_t
memo_hash(const char *s, size_t len, uint64_t k1, uint64_t k2)
{
	uint64_t	h = 14695981039346656037ULL;
	size_t		i;

	for (i = 0; i < len; i++) {
		h ^= (unsigned char)s[i];
		h *= 1099511628211ULL;
	}
	h ^= k1;
	h *= 0x9E3779B97F4A7C15ULL;
	h ^= k2;
	h *= 0x9E3779B97F4A7C15ULL;
	return (uint32_t)(h >> 32);
}

int
textfit_memo_get(struct textfit_memo *m, const char *s, size_t len,
    uint64_t k1, uint64_t k2, unsigned *v, const char **out, size_t *outlen)
{
	struct textfit_memo_entry	*set, e;
	uint32_t			 h;
	size_t				 k;

	if (m->e == NULL || len > TEXTFIT_MEMO_TEXT)
		return 0;
	h = memo_hash(s, len, k1, k2);
	set = m->e + (h & (m->sets - 1)) * TEXTFIT_MEMO_WAYS;
	for (k = 0; k < TEXTFIT_MEMO_WAYS; k++) {
		if (set[k].s == NULL || set[k].hash != h || set[k].len != len ||
		    set[k].k1 != k1 || set[k].k2 != k2 ||
		    memcmp(set[k].s, s, len) != 0)
			continue;
		/* the last used first */
		e = set[k];
		memmove(set + 1, set, k * sizeof *set);
		set[0] = e;
		v[0] = e.v[0];
		v[1] = e.v[1];
		*out = e.out ? e.s + len + 1 : NULL;
		*outlen = e.out ? e.outlen : 0;
		return 1;
	}
	return 0;
}

void
textfit_memo_put(struct textfit_memo *m, const char *s, size_t len,
    uint64_t k1, uint64_t k2, const unsigned *v, const char *out,
    size_t outlen)
{
	struct textfit_memo_entry	*set, *e;
	char				*t;

	if (len > TEXTFIT_MEMO_TEXT || m->sets == 0)
		return;
	if (m->e == NULL && (m->e = calloc(m->sets * TEXTFIT_MEMO_WAYS,
	    sizeof *m->e)) == NULL)
		return;
	if (out == NULL)
		outlen = 0;
	if ((t = malloc(len + 1 + outlen + 1)) == NULL)
		return;
	memcpy(t, s, len);
	t[len] = '\0';
	if (out != NULL)
		memcpy(t + len + 1, out, outlen);
	t[len + 1 + outlen] = '\0';
	/* in place of the one used longest ago */
	set = m->e + (memo_hash(s, len, k1, k2) & (m->sets - 1)) *
	    TEXTFIT_MEMO_WAYS;
	free(set[TEXTFIT_MEMO_WAYS - 1].s);
	memmove(set + 1, set, (TEXTFIT_MEMO_WAYS - 1) * sizeof *set);
	e = &set[0];
	e->s = t;
	e->len = len;
	e->outlen = outlen;
	e->k1 = k1;
	e->k2 = k2;
	e->v[0] = v[0];
	e->v[1] = v[1];
	e->out = out != NULL;
	e->hash = memo_hash(s, len, k1, k2);
}

void
textfit_memo_free(struct textfit_memo *m)
{
	size_t	i;

	if (m->e != NULL)
		for (i = 0; i < m->sets * TEXTFIT_MEMO_WAYS; i++)
			free(m->e[i].s);
	free(m->e);
	m->e = NULL;
}

/*
 * wrap_text()'s results (issue 7: three wraps in five of the sample's
 * bundle had been made before, at the widths a table's layout tries
 * again for each grid, by textfit_wrap_within() and
 * textfit_spare_word() again, and wrapping was half of its time).  A
 * wrap depends on nothing but its text and parameters: a remembered one
 * is the same bytes.
 */
static struct textfit_memo	wrap_memo = { NULL, WRAP_SETS };

static char *
wrap_text(const char *s, unsigned width, int fill, unsigned long line)
{
	const char	*kept;
	size_t		 len, klen;
	unsigned	 v[2] = { 0, 0 };
	char		*out;

	if (s == NULL)
		s = "";
	if (width < 100)
		width = 100;
	len = strlen(s);
	if (textfit_memo_get(&wrap_memo, s, len, width, ((uint64_t)line <<
	    8) | (unsigned)fill, v, &kept, &klen) && kept != NULL) {
		if ((out = malloc(klen + 1)) != NULL)
			memcpy(out, kept, klen + 1);
		return out;
	}
	if ((out = wrap_compute(s, width, fill, line)) != NULL)
		textfit_memo_put(&wrap_memo, s, len, width, ((uint64_t)line <<
		    8) | (unsigned)fill, v, out, strlen(out));
	return out;
}

char *
textfit_wrap(const char *s, unsigned width)
{
	return wrap_text(s, width, 0, WRAP_LINE);
}

char *
textfit_wrap_fill(const char *s, unsigned width)
{
	return wrap_text(s, width, 1, WRAP_LINE);
}

char *
textfit_wrap_hang(const char *s, unsigned width)
{
	return wrap_text(s, width, FILL_HANG, WRAP_LINE);
}

unsigned
textfit_label_width(const char *s)
{
	uint32_t	*v;
	size_t		 n, e;
	unsigned	 w;

	if (s == NULL || (v = decode(s, &n)) == NULL)
		return 0;
	for (e = 0; e < n && !is_newline(v[e]); e++)
		;
	w = label_width(v, e);
	free(v);
	return w;
}

unsigned
textfit_wrap_lines(const char *s, unsigned width)
{
	char		*w;
	const char	*p;
	unsigned	 lines = 1;

	if ((w = wrap_text(s, width, 0, WRAP_LINE)) == NULL)
		return textfit_lines(s, width);
	for (p = w; *p != '\0'; p++)
		if (*p == '\n' || (*p == '\r' && p[1] != '\n'))
			lines++;
	free(w);
	return lines;
}

/* Is paragraph v[0..n) a name: no space, no 、。, few characters? */
static int
is_name(const uint32_t *v, size_t n)
{
	size_t	i;

	if (n > TEXTFIT_NAME)
		return 0;
	for (i = 0; i < n; i++)
		if (is_space(v[i]) || v[i] == 0x3001 || v[i] == 0x3002 ||
		    v[i] == 0xFF0C || v[i] == 0xFF0E)
			return 0;
	return 1;
}

/*
 * The widest piece of s that textfit_wrap() does not break, and with
 * names, the widest line that is a name (is_name()).
 */
static unsigned
min_piece(const char *s, int names, unsigned limit)
{
	uint32_t	*v;
	unsigned char	*score;
	size_t		 n, a, e, i, j;
	unsigned	 w, max = 0;

	if (s == NULL || (v = decode(s, &n)) == NULL)
		return 0;
	/* its breaks and, for para_scores(), the raw ones after them */
	if ((score = calloc(2 * (n + 1), 1)) == NULL) {
		free(v);
		return textfit_width(s);
	}
	for (a = 0; a <= n; a = e + 1) {
		for (e = a; e < n && !is_newline(v[e]); e++)
			;
		if (e == a)
			continue;
		if (names && is_name(v + a, e - a)) {
			w = span_width(v, a, e);
			max = w > max && w <= limit ? w : max;
			continue;
		}
		para_scores(score + a, score + n + 1, v + a, e - a, 0);
		for (i = a; i < e; i = j) {
			while (i < e && is_space(v[i]))
				i++;
			for (j = i + 1; j < e && score[j] == 0; j++)
				;
			if (i < e && (w = span_width(v, i, j)) > max &&
			    w <= limit)
				max = w;
		}
	}
	free(score);
	free(v);
	return max;
}

unsigned
textfit_min_kept(const char *s)
{
	return min_piece(s, 1, UINT_MAX);
}

unsigned
textfit_min_piece(const char *s)
{
	return min_piece(s, 0, UINT_MAX);
}

unsigned
textfit_min_kept_within(const char *s, int names, unsigned limit)
{
	return min_piece(s, names, limit);
}

/*
 * How badly w, s wrapped at room hundredths, breaks a word that fits a
 * line (see textfit.h).
 */
int
textfit_bad_break(const char *s, const char *w, unsigned room,
    unsigned *hira)
{
	uint32_t	*t, *v;
	size_t		 n, m, i, j, a, b, a0, b0;
	int		 bad = 0;

	*hira = 0;
	if ((t = decode(s, &n)) == NULL)
		return -1;
	if ((v = decode(w, &m)) == NULL) {
		free(t);
		return -1;
	}
	for (i = 0, j = 0; i < m && j <= n && bad < 2; i++) {
		if (v[i] != '\n' || (j < n && t[j] == '\n')) {
			/* a space the wrap dropped at a break */
			while (j < n && t[j] != v[i] && is_space(t[j]))
				j++;
			j++;
			continue;
		}
		/* a break the wrap set between t[j - 1] and t[j] */
		while (j < n && is_space(t[j]))
			j++;
		if (j == 0 || j >= n)
			continue;
		if (is_hira(t[j - 1]) && is_hira(t[j]))
			(*hira)++;
		else if ((is_kanji(t[j - 1]) || is_kana_run(t[j - 1])) &&
		    is_hira(t[j]) && (j < 2 || !is_digit(t[j - 2])))
			bad = 2;
		else if (((is_kanji(t[j - 1]) && is_kanji(t[j])) ||
		    (is_kana_run(t[j - 1]) && is_kana_run(t[j]))) &&
		    !name_end_at(t, n, j)) {
			int	 k = is_kanji(t[j]);

			for (a = j; a > 0 && (k ? is_kanji(t[a - 1]) &&
			    !name_end_at(t, n, a) : is_kana_run(t[a - 1])); a--)
				;
			for (b = j; b < n && (k ? is_kanji(t[b]) &&
			    !(b > j && (name_end_at(t, n, b) ||
			    word_after(t, n, b))) : is_kana_run(t[b])); b++)
				;
			/* the run a body's name does not end */
			for (a0 = a; a0 > 0 && (k ? is_kanji(t[a0 - 1]) :
			    is_kana_run(t[a0 - 1])); a0--)
				;
			for (b0 = b; b0 < n && (k ? is_kanji(t[b0]) :
			    is_kana_run(t[b0])); b0++)
				;
			/*
			 * 1 or 2 characters of the word on a side (再委／託,
			 * 取扱状／況): 2; a longer compound cut between
			 * longer parts (特定個人情／報保護評価書): 1, and two
			 * characters off the words after a name in a run
			 * too long for a line, most often a word of two
			 * (戸籍住民課戸籍住民関係通知書／印刷)
			 */
			if ((b - a) * 100 <= room && bad < 2)
				bad = j - a <= 1 || b - j <= 1 ||
				    ((j - a == 2 || b - j == 2) &&
				    (b0 - a0) * 100 <= room) ? 2 : 1;
		}
	}
	free(t);
	free(v);
	return bad;
}

unsigned
textfit_count_lines(const char *s)
{
	unsigned	n = 1;

	for (; (s = strchr(s, '\n')) != NULL; s++)
		n++;
	return n;
}

char *
textfit_spare_word(const char *s, char *w, unsigned room, unsigned lines,
    char *(*wrap)(const char *, unsigned))
{
	char		*w2;
	unsigned	 r, h, h2;

	if (w == NULL || room < 225 || textfit_bad_break(s, w, room, &h) <= 0)
		return w;
	for (r = room - 25; r >= 200 && r >= room * 2 / 3; r -= 25) {
		if ((w2 = wrap(s, r)) == NULL)
			break;
		if (textfit_count_lines(w2) > lines) {
			free(w2);
			break;
		}
		if (textfit_bad_break(s, w2, room, &h2) == 0 && h2 <= h) {
			free(w);
			return w2;
		}
		free(w2);
	}
	return w;
}

/*
 * Lines cost less and less than the worst breaks, the fullest lines
 * first: a line of the row spared for 写真の閲覧範囲、／第三者認証、／
 * 利用者認証 rather than 第三者認／証.
 */
static const unsigned long within_line[] = { 600, 300, 150, 60, 20, 5 };

/* Characters on the last line of w, up to max + 1. */
static unsigned
last_line_chars(const char *w, unsigned max)
{
	const char	*p = strrchr(w, '\n');
	unsigned	 n = 0;
	uint32_t	 cp;

	p = p != NULL ? p + 1 : w;
	for (; *p != '\0' && n <= max; n++)
		p += text_utf8_decode(&cp, p, strlen(p));
	return n;
}

char *
textfit_wrap_within(const char *s, unsigned width, unsigned room,
    unsigned lines, int tail, unsigned *costp)
{
	char		*w, *best = NULL;
	size_t		 i, k;
	unsigned	 c, bc = 0;
	int		 ok;

	for (i = 0; i < sizeof within_line / sizeof within_line[0]; i++) {
		/* lines as full as they may be, then as they fall */
		for (k = 0; k < 2; k++) {
			if ((w = wrap_text(s, width, k == 0 ? HANG_ONLY :
			    HANG_LOOSE, within_line[i])) == NULL)
				goto fail;
			ok = !tail || textfit_count_lines(w) < 2 ||
			    last_line_chars(w, TEXTFIT_TAIL) > TEXTFIT_TAIL;
			if (textfit_count_lines(w) > lines || !ok) {
				free(w);
				continue;
			}
			/*
			 * one that breaks no word (nor a word of kana,
			 * 定め／ている, which textfit_bad_break() lets be),
			 * else the one that costs least, the fullest first
			 */
			if ((c = textfit_break_cost(s, w, room)) == 0) {
				free(best);
				if (costp != NULL)
					*costp = 0;
				return w;
			}
			if (best == NULL || c < bc) {
				free(best);
				best = w;
				bc = c;
			} else
				free(w);
		}
	}
	if (costp != NULL)
		*costp = bc;
	return best;
fail:
	free(best);
	return NULL;
}

/*
 * Kana that end the word before them (a particle or an auxiliary:
 * おそれ／がある, 行わ／れた, 定め／られた).
 */
static int
kana_tail(uint32_t c)
{
	return cp_in(c, "がはをにのへやれらせるずん");
}

/*
 * What a line starting at v[j] with kana of the word before it costs,
 * where a break between two hiragana otherwise costs nothing (a
 * particle's: の／ため, に／ついて): one hiragana cut off a run of them
 * or off its kanji but a particle, alone before a mark or a kanji
 * (…利用契約と／し、, …該当すると／き：, read as とし and とき cut a
 * character from their edge; 直接防／ぐ対策), 4, as a word
 * cut a character from its edge; one that belongs to the word before
 * (…おそれ／がある, 行わ／れた), or after の a noun of one kanji with its
 * particle (本人の／数が, 多数の／者に), 2, as a word of kana split
 * (であ／り).
 */
static unsigned
kana_start(const uint32_t *v, size_t n, size_t j)
{
	uint32_t	 b = j + 1 < n ? v[j + 1] : 0;

	if ((is_hira(v[j - 1]) || (is_kanji(v[j - 1]) && !is_particle(v[j]))) &&
	    is_hira(v[j]) && !is_hira(b) && b != 0x30FC /* ー */)
		return 4;
	if (is_hira(v[j - 1]) && is_hira(v[j]) && kana_tail(v[j]))
		return 2;
	if (v[j - 1] == 0x306E /* の */ && is_kanji(v[j]) && is_hira(b) &&
	    kana_tail(b))
		return 2;
	return 0;
}

/*
 * Is v[j] where a name set apart by a space changes between kanji and
 * katakana (令和8年度 情報セキュリティ監査（システム面） 文書管理／システム):
 * a run of kanji and katakana alone after a space or a legal form
 * (株式会社見本／システムズ（…）), up to a space, a mark, a bracket or
 * the end, of at most TEXTFIT_NAME
 * characters and no wider than room.  A reader takes it as one, and a
 * break at the space before it takes no more lines where the line has
 * room for it.  Not a run at the start of the text, which may be the
 * end of a longer word (障害福祉／サービス).  1 after a space, 2 after
 * a legal form.
 */
static int
name_cut(const uint32_t *v, size_t n, size_t j, unsigned room)
{
	size_t	a, b, k;

	if (j == 0 || j >= n || !((is_kanji(v[j - 1]) && is_kata(v[j])) ||
	    (is_kata(v[j - 1]) && is_kanji(v[j]))))
		return 0;
	/*
	 * no further than a name may be long (a run that goes on fails
	 * below): legal_scores() asks at every break of a paragraph
	 */
	for (a = j; a > 0 && j - a <= TEXTFIT_NAME && (is_kanji(v[a - 1]) ||
	    (is_kata(v[a - 1]) && v[a - 1] != 0x30FB)); a--)
		;
	for (b = j; b < n && b - j <= TEXTFIT_NAME && (is_kanji(v[b]) ||
	    (is_kata(v[b]) && v[b] != 0x30FB)); b++)
		;
	/* or after a legal form: 株式会社見本／システムズ */
	for (k = j - 1; (a == 0 || !is_space(v[a - 1])) && k > a; k--)
		if (legal_end(v, n, k)) {
			a = k;
			break;
		}
	if (a == 0 || !(is_space(v[a - 1]) || legal_end(v, n, a)) ||
	    b - a > TEXTFIT_NAME || (b - a) * 100 > room)
		return 0;
	if (!(b == n || is_space(v[b]) || is_newline(v[b]) ||
	    is_close_bracket(v[b]) || is_opening(v[b]) || v[b] == 0x3001 ||
	    v[b] == 0x3002))
		return 0;
	return is_space(v[a - 1]) ? 1 : 2;
}

/* The breaks' cost (textfit_break_cost()), or only kana_start()'s. */
static unsigned
cost_of(const char *s, const char *w, unsigned room, int kana_only)
{
	uint32_t	*t, *v;
	size_t		 n, m, i, j, a, b;
	unsigned	 cost = 0, c;
	int		 k;

	if ((t = decode(s, &n)) == NULL)
		return 0;
	if ((v = decode(w, &m)) == NULL) {
		free(t);
		return 0;
	}
	for (i = 0, j = 0; i < m && j <= n; i++) {
		if (v[i] != '\n' || (j < n && t[j] == '\n')) {
			/* a space the wrap dropped at a break */
			while (j < n && t[j] != v[i] && is_space(t[j]))
				j++;
			j++;
			continue;
		}
		while (j < n && is_space(t[j]))
			j++;
		if (j == 0 || j >= n)
			continue;
		if (kana_only) {
			cost += kana_start(t, n, j);
			continue;
		}
		/*
		 * kana of the word before (と／し、, おそれ／がある, の／者に),
		 * or a word of kana split (であ／り, 示してく／ださい,
		 * 組み／込む), the dearer where both (該当すると／き：)
		 */
		c = kana_start(t, n, j);
		if (c < 2 && kana_split(t, n, j))
			c = 2;
		if (c > 0) {
			cost += c;
			continue;
		}
		/* a name set apart cut: 文書管理／システム */
		if (name_cut(t, n, j, room)) {
			cost += 1;
			continue;
		}
		/* a compound cut at its change of script: 添付／ファイル */
		if (compound_seam(t, n, j)) {
			cost += 1;
			continue;
		}
		/* okurigana or a particle off its word: 持ち帰／り, 日／の */
		if ((is_kanji(t[j - 1]) || is_kana_run(t[j - 1])) &&
		    is_hira(t[j]) && (j < 2 || !is_digit(t[j - 2]))) {
			cost += 1;
			continue;
		}
		/*
		 * and off the aside or quotation it follows: 責任者（課長）／の
		 * 役割, 「…しれない」／と報告 (review8, the 研修結果's 問題)
		 */
		if ((t[j - 1] == 0xFF09 /* ） */ || t[j - 1] == 0x300D /* 」 */) &&
		    is_particle(t[j])) {
			cost += 1;
			continue;
		}
		if ((!(is_kanji(t[j - 1]) && is_kanji(t[j])) &&
		    !(is_kana_run(t[j - 1]) && is_kana_run(t[j]))) ||
		    ordinal_at(t, n, j) || name_end_at(t, n, j) ||
		    word_end_at(t, n, j))
			continue;
		/*
		 * a word ends before an ordinal (規則第44条) and after a
		 * body's name (区立保育園会計年度任用職員)
		 */
		k = is_kanji(t[j]);
		for (a = j; a > 0 && (k ? is_kanji(t[a - 1]) &&
		    !ordinal_at(t, n, a) && !name_end_at(t, n, a) &&
		    !(a < j && word_end_at(t, n, a)) :
		    is_kana_run(t[a - 1])); a--)
			;
		for (b = j; b < n && (k ? is_kanji(t[b]) &&
		    !(b > j && (ordinal_at(t, n, b) || name_end_at(t, n, b) ||
		    word_after(t, n, b) || word_end_at(t, n, b))) :
		    is_kana_run(t[b])); b++)
			;
		/* a word that must break to fit costs nothing */
		if ((b - a) * 100 > room)
			continue;
		/* one character off (使／用, 翌／開庁日) */
		if (j - a <= 1 || b - j <= 1)
			cost += 4;
		/*
		 * a word of two, or a pair of them cut (入力業／務委託), also
		 * in a document's name of pairs and its 書 (対応基準提／案書)
		 */
		else if (!k || b - a <= 4 || ((j - a) % 2 == 1 &&
		    ((b - a) % 2 == 0 || (b - j >= 2 && doc_suffix(t[b - 1])))))
			cost += 2;
		else
			cost += 1;
	}
	free(t);
	free(v);
	return cost;
}

unsigned
textfit_break_cost(const char *s, const char *w, unsigned room)
{
	return cost_of(s, w, room, 0);
}

unsigned
textfit_kana_cost(const char *s, const char *w)
{
	return cost_of(s, w, UINT_MAX, 1);
}
