/*
 * The writer never writes what the reader refuses: for arbitrary Unicode
 * text -- code points from every plane, controls C0 and C1, noncharacters,
 * the BOM, line and paragraph separators, NEL, tabs, CR LF, spaces at the
 * ends, and texts that look like numbers, booleans, dates, null, document
 * markers, git conflict markers, comments and keys -- as values and as
 * keys, at the top and nested: write, read back, the same tree; write
 * again, the same bytes.  What no YAML can hold (a NUL, invalid UTF-8), a
 * key too long, nesting too deep: an error naming the field.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "buf.h"
#include "node.h"

/* xorshift64*: the same cases on every run and every machine. */
static uint64_t	rng_state = 0x9e3779b97f4a7c15ULL;

static uint32_t
rnd(uint32_t n)
{
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return (uint32_t)((rng_state * 0x2545f4914f6cdd1dULL) >> 32) % n;
}

static void
put_cp(struct buf *b, uint32_t c)
{
	if (c < 0x80)
		buf_putc(b, (int)c);
	else if (c < 0x800) {
		buf_putc(b, (int)(0xc0 | c >> 6));
		buf_putc(b, (int)(0x80 | (c & 0x3f)));
	} else if (c < 0x10000) {
		buf_putc(b, (int)(0xe0 | c >> 12));
		buf_putc(b, (int)(0x80 | ((c >> 6) & 0x3f)));
		buf_putc(b, (int)(0x80 | (c & 0x3f)));
	} else {
		buf_putc(b, (int)(0xf0 | c >> 18));
		buf_putc(b, (int)(0x80 | ((c >> 12) & 0x3f)));
		buf_putc(b, (int)(0x80 | ((c >> 6) & 0x3f)));
		buf_putc(b, (int)(0x80 | (c & 0x3f)));
	}
}

/* Whole texts that a reader could take for something else. */
static const char *const tricky[] = {
	"---", "...", "--- x", "... x", "<<<<<<<", "<<<<<<< HEAD", "=======",
	">>>>>>> theirs", "|||||||", "|||||||  base", "#", "# c", "a #b",
	": ", "a: b", "a:", ":a", "-", "- x", "-x", "?", "? x", "?x", "!x",
	"&a", "*a", "%YAML", "@x", "`x", "{}", "[]", "{a: 1}", "[1, 2]",
	"true", "True", "FALSE", "yes", "No", "on", "OFF", "y", "n", "null",
	"Null", "~", "", " ", "  ", "0", "-1", "+1", "1e3", "1E-3", ".5",
	"0x1F", "0o17", "0b101", "1_000", "1:30:00", ".inf", "-.Inf", ".NaN",
	"2026-04-01", "2026-04-01 10:00", "2026-04-01T10:00:00Z", "<<", "=",
	"\r\n", "a\r\nb", "\r", "\n", "\n\n", "a\n", "a\n\n", "\ta", "a\t",
	" a", "a ", "a\n b", "a\n\n b", "a\n  \nb", "\xc2\x85", "\xe2\x80\xa8",
	"\xe2\x80\xa9", "\xef\xbb\xbf", "\xef\xbb\xbfx", "\xef\xbf\xbe",
	"\xef\xbf\xbf", "\xc2\x9d", "\xc2\x80", "\xc2\x9f", "\xc2\xa0",
	"\x7f", "\x01", "\x1b[0m", "\"", "'", "\\", "'x'", "\"x\"",
	"練馬区：情報政策課", "全角　スペース", "１２３４", "ｶﾀｶﾅ",
};

/* One code point from one of the classes readers treat specially. */
static uint32_t
random_cp(void)
{
	static const uint32_t special[] = {
		'\t', '\n', '\r', ' ', ':', '#', '-', '?', '"', '\'', '\\',
		'|', '>', '[', ']', '{', '}', ',', '&', '*', '!', '%', '@',
		'`', '~', '.', '<', '=', 0x7f, 0x85, 0xa0, 0x2028, 0x2029,
		0xfeff, 0xfffe, 0xffff, 0xfffd, 0x3000, 0x202f, 0x200b,
		0xfdd0, 0xfdef, 0x1fffe, 0x10ffff, 0x10fffe, 0xe000, 0xd7ff,
	};
	uint32_t	c;

	switch (rnd(10)) {
	case 0:
	case 1:
		return 0x20 + rnd(0x5f);			/* ASCII */
	case 2:
		return special[rnd(sizeof special / sizeof special[0])];
	case 3:
		return 1 + rnd(0x1f);				/* C0 */
	case 4:
		return 0x80 + rnd(0x20);			/* C1 */
	case 5:
		return 0x3040 + rnd(0x6000);			/* kana, kanji */
	case 6:
		do
			c = 0xa0 + rnd(0xffff - 0xa0 + 1);
		while (c >= 0xd800 && c <= 0xdfff);
		return c;					/* BMP */
	case 7:
		return 0x10000 + rnd(0x100000);			/* astral */
	case 8:
		return (rnd(17) << 16) | (0xfffe + rnd(2));	/* nonchar */
	default:
		return '0' + rnd(10);
	}
}

/* A text: tricky pieces and random code points, joined. */
static void
random_text(struct buf *b, size_t maxbytes)
{
	size_t	parts = rnd(4), i, n;

	buf_reset(b);
	buf_puts(b, "");
	for (i = 0; i < parts; i++) {
		if (rnd(3) == 0)
			buf_puts(b, tricky[rnd(sizeof tricky /
			    sizeof tricky[0])]);
		else
			for (n = rnd(12); n > 0; n--)
				put_cp(b, random_cp());
	}
	if (b->len > maxbytes)
		b->len = 0;	/* keys: too long, use the empty key */
	b->data[b->len] = '\0';
}

static int
tree_eq(const struct node *a, const struct node *b)
{
	size_t	i;

	if (a->kind != b->kind)
		return 0;
	if (a->kind == NODE_SCALAR)
		return a->u.s.len == b->u.s.len &&
		    memcmp(a->u.s.str, b->u.s.str, a->u.s.len) == 0;
	if (a->n != b->n)
		return 0;
	for (i = 0; i < a->n; i++) {
		if (a->kind == NODE_MAP ? !tree_eq(a->u.pairs[i].key,
		    b->u.pairs[i].key) || !tree_eq(a->u.pairs[i].value,
		    b->u.pairs[i].value) : !tree_eq(a->u.items[i],
		    b->u.items[i]))
			return 0;
	}
	return 1;
}

static void
dump(const char *what, const char *s, size_t len)
{
	size_t	i;

	fprintf(stderr, "%s: ", what);
	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c >= 0x20 && c < 0x7f && c != '\\')
			fputc(c, stderr);
		else
			fprintf(stderr, "\\x%02x", c);
	}
	fputc('\n', stderr);
}

/* Write root, read it back, compare; write again, compare bytes. */
static void
round_trip(const struct node *root)
{
	struct buf	 out = BUF_INIT, again = BUF_INIT;
	struct diags	 d = DIAGS_INIT;
	struct ydoc	*back = NULL;

	if (node_emit(&out, root) != 0)
		fail_msg("emit: %s", error_last());
	if (ydoc_parse(&back, out.data, out.len, "rt.yaml", &d) != 0) {
		dump("written", out.data, out.len);
		fail_msg("the reader refuses what the writer wrote: %s",
		    d.n > 0 ? d.v[0].msg : error_last());
	}
	if (!tree_eq(root, ydoc_root(back))) {
		dump("written", out.data, out.len);
		fail_msg("read back as a different tree");
	}
	assert_int_equal(node_emit(&again, ydoc_root(back)), 0);
	if (again.len != out.len || memcmp(again.data, out.data, out.len)) {
		dump("first", out.data, out.len);
		dump("second", again.data, again.len);
		fail_msg("the second write differs");
	}
	ydoc_free(back);
	buf_free(&out);
	buf_free(&again);
	diags_free(&d);
}

#define ROUNDS	20000

static void
test_random_text(void **state)
{
	struct buf	 a = BUF_INIT, b = BUF_INIT;
	struct ydoc	*doc;
	struct node	*root, *inner, *seq, *v;
	size_t		 i;

	(void)state;
	for (i = 0; i < ROUNDS; i++) {
		doc = ydoc_new();
		random_text(&a, 4096);
		random_text(&b, NODE_MAX_KEY);
		/* As a value and a key at the top, and nested in both. */
		root = node_map(doc);
		inner = node_map(doc);
		seq = node_seq(doc);
		assert_int_equal(node_map_set_str(doc, root, "v", a.data), 0);
		assert_int_equal(node_map_set_str(doc, root, b.data, "k"), 0);
		assert_int_equal(node_map_set_str(doc, inner, b.data, a.data),
		    0);
		assert_int_equal(node_seq_push(doc, seq, node_scalar(doc,
		    a.data, a.len)), 0);
		assert_int_equal(node_seq_push(doc, seq, inner), 0);
		assert_int_equal(node_map_set(doc, root, "nested", seq), 0);
		round_trip(root);
		/* Alone, as the whole document. */
		round_trip(node_scalar(doc, a.data, a.len));
		/* Typed plain by a schema: a text that is no number. */
		v = node_scalar(doc, a.data, a.len);
		v->style = NODE_STYLE_PLAIN;
		assert_int_equal(node_map_set(doc, root, "v", v), 0);
		round_trip(root);
		ydoc_free(doc);
	}
	buf_free(&a);
	buf_free(&b);
}

/* Every tricky text as a value, as a key, and as every top-level key. */
static void
test_tricky(void **state)
{
	struct ydoc	*doc;
	struct node	*root;
	size_t		 i, j;

	(void)state;
	for (i = 0; i < sizeof tricky / sizeof tricky[0]; i++) {
		doc = ydoc_new();
		root = node_map(doc);
		assert_int_equal(node_map_set_str(doc, root, "v", tricky[i]), 0);
		for (j = 0; j < sizeof tricky / sizeof tricky[0]; j++)
			assert_int_equal(node_map_set_str(doc, root,
			    tricky[j], tricky[i]), 0);
		round_trip(root);
		ydoc_free(doc);
	}
}

/* What the writer refuses, naming the field. */
static void
test_refused(void **state)
{
	struct ydoc	*doc = ydoc_new();
	struct node	*root = node_map(doc), *inner = node_map(doc), *n;
	struct buf	 out = BUF_INIT, key = BUF_INIT;
	int		 i;

	(void)state;
	assert_int_equal(node_map_set(doc, root, "outer", inner), 0);
	assert_int_equal(node_map_set(doc, inner, "note", node_scalar(doc,
	    "a\0b", 3)), 0);
	assert_int_equal(node_emit(&out, root), NC_EINVALID);
	assert_non_null(strstr(error_last(), "'outer.note'"));
	assert_non_null(strstr(error_last(), "NUL"));
	assert_int_equal(node_map_set_str(doc, inner, "note", "caf\xe9"), 0);
	assert_int_equal(node_emit(&out, root), NC_EINVALID);
	assert_non_null(strstr(error_last(), "UTF-8"));
	assert_int_equal(node_map_set_str(doc, inner, "note", "ok"), 0);
	assert_int_equal(node_emit(&out, root), 0);

	/* A key: at most NODE_MAX_KEY bytes, so the reader reads it. */
	for (i = 0; i < NODE_MAX_KEY; i++)
		buf_putc(&key, 0x01);
	assert_int_equal(node_map_set_str(doc, inner, key.data, "x"), 0);
	round_trip(root);
	buf_putc(&key, 'x');
	assert_int_equal(node_map_set_str(doc, inner, key.data, "x"), 0);
	buf_reset(&out);
	assert_int_equal(node_emit(&out, root), NC_EINVALID);
	assert_non_null(strstr(error_last(), "key longer"));
	ydoc_free(doc);

	/* 64 levels are read and written; 65 are neither. */
	doc = ydoc_new();
	root = n = node_seq(doc);
	for (i = 1; i < NODE_MAX_DEPTH; i++) {
		inner = node_seq(doc);
		assert_int_equal(node_seq_push(doc, n, inner), 0);
		n = inner;
	}
	assert_int_equal(node_seq_push(doc, n, node_str(doc, "deep")), 0);
	round_trip(root);
	assert_int_equal(node_seq_push(doc, n, node_seq(doc)), 0);
	buf_reset(&out);
	assert_int_equal(node_emit(&out, root), NC_EINVALID);
	assert_non_null(strstr(error_last(), "deeper than 64"));
	ydoc_free(doc);

	/* Nor a mapping of more keys than the reader reads. */
	doc = ydoc_new();
	root = node_map(doc);
	for (i = 0; i <= NODE_MAX_KEYS; i++) {
		char k[16];

		snprintf(k, sizeof k, "k%d", i);
		assert_int_equal(node_map_set_str(doc, root, k, "v"), 0);
	}
	buf_reset(&out);
	assert_int_equal(node_emit(&out, root), NC_EINVALID);
	assert_non_null(strstr(error_last(), "more than 10000 keys"));
	node_map_remove(root, "k0");
	round_trip(root);
	ydoc_free(doc);

	/* Nor a record larger than the reader reads. */
	doc = ydoc_new();
	root = node_map(doc);
	buf_reset(&key);
	for (i = 0; i < NODE_MAX_BYTES / 768 + 1; i++)
		buf_puts(&key, "0123456789abcdef0123456789abcdef0123456789abcdef"
		    "0123456789abcdef0123456789abcdef0123456789abcdef"
		    "0123456789abcdef0123456789abcdef0123456789abcdef"
		    "0123456789abcdef0123456789abcdef0123456789abcdef"
		    "0123456789abcdef0123456789abcdef0123456789abcdef"
		    "0123456789abcdef0123456789abcdef0123456789abcdef"
		    "0123456789abcdef0123456789abcdef0123456789abcdef"
		    "0123456789abcdef0123456789abcdef0123456789abcdef"
		    "0123456789abcdef0123456789abcdef0123456789abcdef"
		    "0123456789abcdef0123456789abcdef0123456789abcdef"
		    "0123456789abcdef0123456789abcdef0123456789abcdef"
		    "0123456789abcdef0123456789abcdef0123456789abcdef"
		    "0123456789abcdef0123456789abcdef0123456789abcdef"
		    "0123456789abcdef0123456789abcdef0123456789abcdef"
		    "0123456789abcdef0123456789abcdef0123456789abcdef"
		    "0123456789abcdef0123456789abcdef0123456789abcdef");
	assert_int_equal(node_map_set_str(doc, root, "big", key.data), 0);
	buf_reset(&out);
	assert_int_equal(node_emit(&out, root), NC_EINVALID);
	assert_non_null(strstr(error_last(), "at most 4 MiB"));
	ydoc_free(doc);
	buf_free(&out);
	buf_free(&key);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tricky),
		cmocka_unit_test(test_random_text),
		cmocka_unit_test(test_refused),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
