/*
 * The head reader: see quickhead.h.
 */
#include <stdint.h>
#include <string.h>

#if defined(__SSE2__) && !defined(QH_NO_SIMD)
#include <emmintrin.h>
#endif
#if defined(__GNUC__) && defined(__x86_64__) && !defined(QH_NO_SIMD) && \
    !defined(QH_NO_AVX2)
#include <immintrin.h>
#endif

#include "error.h"
#include "quickhead.h"

/* Column-0 lines beyond this many: let the full reader have the file. */
#define QH_MAX_LINES	256
/* Keys longer than this: the same. */
#define QH_MAX_KEY	64

enum qh_kind {
	QH_KEY = 1,	/* [a-z][a-z0-9_-]* and a colon */
	QH_OTHER,	/* an empty line or a comment: no key, no marker */
};

struct qh_line {
	size_t		at;	/* offset of the line */
	size_t		end;	/* offset of its LF, or the length */
	size_t		klen;	/* QH_KEY: the key's length */
	enum qh_kind	kind;
};

/*
 * A byte that may start a line break other than LF (CR, NEL, LS, PS): 1
 * when it does not.
 */
static int
not_break(const unsigned char *u, size_t i, size_t len)
{
	if (u[i] == '\r')
		return 0;
	if (u[i] == 0xc2)
		return !(i + 1 < len && u[i + 1] == 0x85);
	return !(i + 2 < len && u[i + 1] == 0x80 &&
	    (u[i + 2] == 0xa8 || u[i + 2] == 0xa9));
}

/*
 * The bytes of a turn of the vectorised walk at base that need a look:
 * sm those that may start another line break, lm the LFs before a line
 * that does not start with a space (appended to lines[]).  0 to decline.
 */
static int
take(const unsigned char *u, size_t len, size_t base, uint32_t sm,
    uint32_t lm, struct qh_line *lines, size_t *n)
{
	for (; sm != 0; sm &= sm - 1)
		if (!not_break(u, base + (size_t)__builtin_ctz(sm), len))
			return 0;
	for (; lm != 0; lm &= lm - 1) {
		if (*n == QH_MAX_LINES)
			return 0;
		lines[(*n)++].at = base + (size_t)__builtin_ctz(lm) + 1;
	}
	return 1;
}

/*
 * The walk, 16 bytes a turn (SSE2, in every x86-64) or 32 (AVX2, where
 * the processor has it): most turns have nothing to look at, and take one
 * test.  A byte that may start another line break is 0x0d, 0xc2 or 0xe2,
 * the last two being those equal to 0xc2 once bit 5 is cleared.  Returns
 * where it stopped, or (size_t)-1 to decline.
 */
#if defined(__SSE2__) && !defined(QH_NO_SIMD)
static size_t
walk_sse2(const unsigned char *u, size_t len, struct qh_line *lines,
    size_t *n)
{
	const __m128i	lf = _mm_set1_epi8('\n'), sp = _mm_set1_epi8(' ');
	const __m128i	cr = _mm_set1_epi8('\r');
	const __m128i	c2 = _mm_set1_epi8((char)0xc2);
	const __m128i	no5 = _mm_set1_epi8((char)0xdf);
	__m128i		v, w;
	uint32_t	sm, lm;
	size_t		i;

	for (i = 0; i + 17 <= len; i += 16) {
		v = _mm_loadu_si128((const __m128i *)(const void *)(u + i));
		w = _mm_loadu_si128((const __m128i *)(const void *)(u + i + 1));
		sm = (uint32_t)_mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(v,
		    cr), _mm_cmpeq_epi8(_mm_and_si128(v, no5), c2)));
		lm = (uint32_t)_mm_movemask_epi8(_mm_andnot_si128(
		    _mm_cmpeq_epi8(w, sp), _mm_cmpeq_epi8(v, lf)));
		if ((sm | lm) != 0 && !take(u, len, i, sm, lm, lines, n))
			return (size_t)-1;
	}
	return i;
}
#endif

#if defined(__GNUC__) && defined(__x86_64__) && !defined(QH_NO_SIMD) && \
    !defined(QH_NO_AVX2)
#define QH_AVX2
__attribute__((target("avx2"))) static size_t
walk_avx2(const unsigned char *u, size_t len, struct qh_line *lines,
    size_t *n)
{
	const __m256i	lf = _mm256_set1_epi8('\n'), sp = _mm256_set1_epi8(' ');
	const __m256i	cr = _mm256_set1_epi8('\r');
	const __m256i	c2 = _mm256_set1_epi8((char)0xc2);
	const __m256i	no5 = _mm256_set1_epi8((char)0xdf);
	__m256i		v, w;
	uint32_t	sm, lm;
	size_t		i;

	for (i = 0; i + 33 <= len; i += 32) {
		v = _mm256_loadu_si256((const __m256i *)(const void *)(u + i));
		w = _mm256_loadu_si256((const __m256i *)(const void *)
		    (u + i + 1));
		sm = (uint32_t)_mm256_movemask_epi8(_mm256_or_si256(
		    _mm256_cmpeq_epi8(v, cr), _mm256_cmpeq_epi8(
		    _mm256_and_si256(v, no5), c2)));
		lm = (uint32_t)_mm256_movemask_epi8(_mm256_andnot_si256(
		    _mm256_cmpeq_epi8(w, sp), _mm256_cmpeq_epi8(v, lf)));
		if ((sm | lm) != 0 && !take(u, len, i, sm, lm, lines, n))
			return (size_t)-1;
	}
	return i;
}
#endif

/*
 * Every line that starts in column 0 with anything but a space, into
 * lines[] (offsets only); 0 when the file has a line break other than LF
 * or too many such lines.  The lines of a canonical record's nested
 * values all start with a space, so this finds its top-level keys and
 * whatever else could be a key or a conflict marker.
 */
static int
find_lines(const unsigned char *u, size_t len, struct qh_line *lines,
    size_t *n)
{
	size_t	i = 0;

	*n = 0;
	if (len == 0)
		return 1;
	lines[(*n)++].at = 0;
#if defined(QH_AVX2)
	if (__builtin_cpu_supports("avx2"))
		i = walk_avx2(u, len, lines, n);
	else
#endif
#if defined(__SSE2__) && !defined(QH_NO_SIMD)
		i = walk_sse2(u, len, lines, n);
#endif
	if (i == (size_t)-1)
		return 0;
	for (; i < len; i++) {
		if ((u[i] == '\r' || u[i] == 0xc2 || u[i] == 0xe2) &&
		    !not_break(u, i, len))
			return 0;
		if (u[i] == '\n' && i + 1 < len && u[i + 1] != ' ') {
			if (*n == QH_MAX_LINES)
				return 0;
			lines[(*n)++].at = i + 1;
		}
	}
	return 1;
}

/*
 * What a column-0 line is: 0 when it may be something this reader does
 * not read (a quoted or explicit key, a sequence, a conflict marker, a
 * document marker, a tab ...).
 */
static int
classify(const unsigned char *u, size_t len, struct qh_line *l)
{
	const unsigned char	*nl;
	size_t			 k;

	nl = memchr(u + l->at, '\n', len - l->at);
	l->end = nl != NULL ? (size_t)(nl - u) : len;
	if (l->at == l->end || u[l->at] == '#') {
		l->kind = QH_OTHER;
		return 1;
	}
	if (u[l->at] < 'a' || u[l->at] > 'z')
		return 0;
	for (k = l->at + 1; k < l->end && ((u[k] >= 'a' && u[k] <= 'z') ||
	    (u[k] >= '0' && u[k] <= '9') || u[k] == '_' || u[k] == '-'); k++)
		;
	if (k == l->end || u[k] != ':' || k - l->at > QH_MAX_KEY)
		return 0;
	l->kind = QH_KEY;
	l->klen = k - l->at;
	return 1;
}

/*
 * The code point of the strict UTF-8 sequence at p (avail bytes there,
 * p[0] >= 0x80) and its length, or 0 when it is not one (overlong,
 * surrogate, above U+10FFFF, cut short).  text_utf8_decode() inlined: it
 * runs for every character of every head, the hottest loop of a listing.
 */
static inline size_t
utf8_at(const unsigned char *p, size_t avail, uint32_t *cp)
{
	size_t		more, k;
	uint32_t	min;

	if (p[0] >= 0xc2 && p[0] <= 0xdf) {
		*cp = p[0] & 0x1f;
		more = 1;
		min = 0x80;
	} else if (p[0] >= 0xe0 && p[0] <= 0xef) {
		*cp = p[0] & 0x0f;
		more = 2;
		min = 0x800;
	} else if (p[0] >= 0xf0 && p[0] <= 0xf4) {
		*cp = p[0] & 0x07;
		more = 3;
		min = 0x10000;
	} else
		return 0;
	if (avail <= more)
		return 0;
	for (k = 1; k <= more; k++) {
		if ((p[k] & 0xc0) != 0x80)
			return 0;
		*cp = *cp << 6 | (p[k] & 0x3f);
	}
	if (*cp < min || (*cp >= 0xd800 && *cp <= 0xdfff) || *cp > 0x10ffff)
		return 0;
	return more + 1;
}

/*
 * Whether p[0..n) is a plain text YAML reads as written, on one line:
 * not empty, no indicator first, no blank at either end, no `: ` or ` #`
 * (nor a colon last), no control character or tab, valid UTF-8 of
 * printable characters other than the line and paragraph separators and
 * the BOM.
 */
static int
plain_ok(const unsigned char *p, size_t n)
{
	size_t		i, more;
	uint32_t	cp;

	if (n == 0 || p[0] < 0x21 || strchr("-?:,[]{}#&*!|>'\"%@`",
	    p[0]) != NULL || p[n - 1] == ' ')
		return 0;
	for (i = 0; i < n; i++) {
		if (p[i] < 0x80) {
			if (p[i] < 0x20 || p[i] == 0x7f)
				return 0;
			if (p[i] == ':' && (i + 1 == n || p[i + 1] == ' '))
				return 0;
			if (p[i] == ' ' && i + 1 < n && p[i + 1] == '#')
				return 0;
			continue;
		}
		if ((more = utf8_at(p + i, n - i, &cp)) == 0 || cp < 0xa0 ||
		    cp == 0x2028 || cp == 0x2029 || cp == 0xfeff ||
		    cp == 0xfffe || cp == 0xffff)
			return 0;
		i += more - 1;
	}
	return 1;
}

/*
 * Whether libyaml's reader decodes p[0..n) without complaint (a
 * character that starts before n is read whole, up to len): valid
 * UTF-8 of the characters YAML allows (tab, LF, CR, printable ASCII, NEL
 * and everything from U+00A0 but surrogates, U+FFFE and U+FFFF).  The
 * reader decodes ahead of the parser, so the quick reader fails on such a
 * byte shortly after the fields it wants.
 */
static int
reader_ok(const unsigned char *p, size_t n, size_t len)
{
	size_t		i, more;
	uint32_t	cp;

	for (i = 0; i < n; i++) {
#if defined(__SSE2__) && !defined(QH_NO_SIMD)
		/* Runs of printable ASCII and LF, 16 bytes at a time. */
		while ((i & 15) == 0 && i + 16 <= n) {
			const __m128i	v = _mm_loadu_si128((const __m128i *)
			    (const void *)(p + i));
			const __m128i	ctl = _mm_andnot_si128(_mm_cmpeq_epi8(v,
			    _mm_set1_epi8('\n')), _mm_cmplt_epi8(v,
			    _mm_set1_epi8(0x20)));

			if (_mm_movemask_epi8(_mm_or_si128(ctl,
			    _mm_cmpeq_epi8(v, _mm_set1_epi8(0x7f)))) != 0)
				break;
			i += 16;
		}
		if (i == n)
			break;
#endif
		if (p[i] < 0x80) {
			if (p[i] < 0x20 && p[i] != '\t' && p[i] != '\n' &&
			    p[i] != '\r')
				return 0;
			if (p[i] == 0x7f)
				return 0;
			continue;
		}
		if ((more = utf8_at(p + i, len - i, &cp)) == 0 ||
		    (cp < 0xa0 && cp != 0x85) || cp == 0xfffe || cp == 0xffff)
			return 0;
		i += more - 1;
	}
	return 1;
}

int
quickhead_parse(struct ydoc **out, const char *buf, size_t len,
    const char *const *want, size_t nwant)
{
	const unsigned char	*u = (const unsigned char *)buf;
	struct qh_line		 lines[QH_MAX_LINES];
	struct ydoc		*doc = NULL;
	struct node		*root, *v, *k;
	uint64_t		 found = 0, all;
	size_t			 n, i, j, m, vat, lim, wl[64];
	int			 none;

	*out = NULL;
	if (nwant == 0 || nwant >= 64 || len > NODE_MAX_BYTES ||
	    !find_lines(u, len, lines, &n) || n == 0)
		return 0;
	for (i = 0; i < n; i++)
		if (!classify(u, len, &lines[i]))
			return 0;
	if (lines[0].kind != QH_KEY)
		return 0;
	/* A wanted key no line starts is absent, as for the full reader. */
	all = ((uint64_t)1 << nwant) - 1;
	for (j = 0; j < nwant; j++) {
		wl[j] = strlen(want[j]);
		for (i = 0; i < n; i++)
			if (lines[i].kind == QH_KEY && lines[i].klen == wl[j] &&
			    u[lines[i].at] == (unsigned char)want[j][0] &&
			    memcmp(u + lines[i].at, want[j], wl[j]) == 0)
				break;
		if (i == n)
			found |= (uint64_t)1 << j;
	}
	/*
	 * Every field up to the last one wanted: `key: text` lines.  The
	 * first is read even when no wanted key is in the file: the quick
	 * reader then stops at the start of the mapping, with no field,
	 * once libyaml has seen that line is a key.
	 */
	none = found == all;
	for (i = 0; i == 0 || found != all; i++) {
		if (i == n || lines[i].kind != QH_KEY)
			return 0;
		/* The next line, if any, is the next key's. */
		if (i + 1 < n ? lines[i + 1].at != lines[i].end + 1 ||
		    lines[i + 1].kind != QH_KEY : lines[i].end + 1 < len)
			return 0;
		vat = lines[i].at + lines[i].klen + 2;
		if (vat > lines[i].end || u[vat - 1] != ' ' ||
		    !plain_ok(u + vat, lines[i].end - vat))
			return 0;
		for (j = 0; j < nwant; j++)
			if (wl[j] == lines[i].klen &&
			    memcmp(u + lines[i].at, want[j], wl[j]) == 0)
				found |= (uint64_t)1 << j;
	}
	/*
	 * What libyaml would have decoded: it scans the next line's key
	 * and reads its input in chunks of 256 bytes (node.c), decoding
	 * each whole.  A margin of a chunk more costs little.
	 */
	lim = i < n ? lines[i].end + 16 : len;
	lim = (lim + 511) / 256 * 256;
	if (!reader_ok(u, lim < len ? lim : len, len))
		return 0;
	/* No key twice, which the full reader would report. */
	for (j = 0; j < i; j++)
		for (m = j + 1; m < i; m++)
			if (lines[m].klen == lines[j].klen && memcmp(u +
			    lines[m].at, u + lines[j].at, lines[j].klen) == 0)
				return 0;
	if ((doc = ydoc_new()) == NULL || (root = node_map(doc)) == NULL)
		goto nomem;
	root->line = root->col = 1;
	/* (no key twice, as checked above: each pair is appended) */
	for (j = 0; j < (none ? 0 : i); j++) {
		vat = lines[j].at + lines[j].klen + 2;
		if ((k = node_scalar(doc, buf + lines[j].at, lines[j].klen)) ==
		    NULL || (v = node_scalar(doc, buf + vat,
		    lines[j].end - vat)) == NULL ||
		    node_map_push(doc, root, k, v) != 0)
			goto nomem;
		k->style = v->style = NODE_STYLE_PLAIN;
		k->line = v->line = (unsigned)j + 1;
		k->col = 1;
		v->col = (unsigned)lines[j].klen + 3;
	}
	ydoc_set_root(doc, root);
	*out = doc;
	return 1;
nomem:
	ydoc_free(doc);
	return error_set(NC_ENOMEM, "out of memory");
}
