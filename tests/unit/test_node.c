/*
 * The YAML reader and writer: round trips, the quoting table, plain-data
 * rejections with their positions.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "node.h"

/* Canonical documents: parse and write must give the same bytes. */
static const char *const canonical[] = {
	"id: rv-12345678\nfy: 2026\ntitle: 保育園業務支援システムの更新\n",
	"a: \"no\"\nb: \"yes\"\nc: \"on\"\nd: \"null\"\ne: \"1e3\"\n"
	    "f: \"2026-04-01\"\ng: \" lead\"\nh: \"trail \"\ni: \"#x\"\n"
	    "j: \"a: b\"\nk: \"a #b\"\nl: \"\"\n",
	"date: 2026-04-01\nnum: 12\nx: 1.5\nt: true\nnothing:\n",
	"list:\n  - a\n  - \"yes\"\n  - k: v\n    k2: 3\n  - []\n  - {}\n"
	    "  - - x\n    - y\n",
	"text: |\n  line one\n  line two\ntext2: |-\n  no newline\n  end\n"
	    "text3: |+\n  kept\n\n",
	"nested:\n  deep:\n    x: 1\n    yy:\n      - 1\n      - 2\nz: {}\n",
	"- a\n- b\n",
	"q: \"tab\\there\"\nr: \"bell\\x07\"\ns: back\\slash \"q\"\n",
	"blank: |\n  para one\n\n  para two\n",
	"jp: 練馬区：情報政策課　（全角スペース）\nurl: https://example.jp/a?b=c\n",
	"hyphen: \"-5\"\nplus: \"+1\"\nat: \"@cmd\"\neq: =x\n",
};

static void
test_round_trip(void **state)
{
	struct ydoc	*doc;
	struct diags	 d = DIAGS_INIT;
	struct buf	 out = BUF_INIT;
	size_t		 i;

	(void)state;
	for (i = 0; i < sizeof canonical / sizeof canonical[0]; i++) {
		assert_int_equal(ydoc_parse(&doc, canonical[i],
		    strlen(canonical[i]), "t.yaml", &d), 0);
		assert_int_equal(d.n, 0);
		buf_reset(&out);
		assert_int_equal(node_emit(&out, ydoc_root(doc)), 0);
		if (strcmp(out.data, canonical[i]) != 0)
			fail_msg("case %zu:\nwant:\n%s\ngot:\n%s", i,
			    canonical[i], out.data);
		ydoc_free(doc);
	}
	buf_free(&out);
	diags_free(&d);
}

/* Strings built in memory (no source style) and how they are written. */
static const struct {
	const char	*text;
	const char	*line;
} quoting[] = {
	{ "plain text", "v: plain text\n" },
	{ "練馬区", "v: 練馬区\n" },
	{ "no", "v: \"no\"\n" },
	{ "No", "v: \"No\"\n" },
	{ "yes", "v: \"yes\"\n" },
	{ "on", "v: \"on\"\n" },
	{ "off", "v: \"off\"\n" },
	{ "y", "v: \"y\"\n" },
	{ "null", "v: \"null\"\n" },
	{ "~", "v: \"~\"\n" },
	{ "true", "v: \"true\"\n" },
	{ "1e3", "v: \"1e3\"\n" },
	{ "12", "v: \"12\"\n" },
	{ "0x1f", "v: \"0x1f\"\n" },
	{ "1_000", "v: \"1_000\"\n" },
	{ "12:30", "v: \"12:30\"\n" },
	{ ".inf", "v: \".inf\"\n" },
	{ "2026-04-01", "v: \"2026-04-01\"\n" },
	{ "2026-04-01 10:00", "v: \"2026-04-01 10:00\"\n" },
	{ " lead", "v: \" lead\"\n" },
	{ "trail ", "v: \"trail \"\n" },
	{ "#hash", "v: \"#hash\"\n" },
	{ "a #b", "v: \"a #b\"\n" },
	{ "a#b", "v: a#b\n" },
	{ "a: b", "v: \"a: b\"\n" },
	{ "a:b", "v: a:b\n" },
	{ "end:", "v: \"end:\"\n" },
	{ "- item", "v: \"- item\"\n" },
	{ "[x]", "v: \"[x]\"\n" },
	{ "{x}", "v: \"{x}\"\n" },
	{ "*star", "v: \"*star\"\n" },
	{ "&amp", "v: \"&amp\"\n" },
	{ "!tag", "v: \"!tag\"\n" },
	{ "|bar", "v: \"|bar\"\n" },
	{ ">gt", "v: \">gt\"\n" },
	{ "'q", "v: \"'q\"\n" },
	{ "\"q", "v: \"\\\"q\"\n" },
	{ "%pct", "v: \"%pct\"\n" },
	{ "@at", "v: \"@at\"\n" },
	{ "`bt", "v: \"`bt\"\n" },
	{ "", "v: \"\"\n" },
	{ "two\nlines", "v: |-\n  two\n  lines\n" },
	{ "two\nlines\n", "v: |\n  two\n  lines\n" },
	{ " indented\nsecond", "v: \" indented\\nsecond\"\n" },
	{ "cr\r\nlf", "v: \"cr\\r\\nlf\"\n" },
	{ "tab\tinside", "v: \"tab\\tinside\"\n" },
	{ "ls\xe2\x80\xa8sep", "v: \"ls\\Lsep\"\n" },
	{ "-5", "v: \"-5\"\n" },
	{ "=SUM(A1)", "v: =SUM(A1)\n" },
};

static void
test_quoting(void **state)
{
	struct ydoc	*doc, *back;
	struct node	*map;
	struct diags	 d = DIAGS_INIT;
	struct buf	 out = BUF_INIT;
	size_t		 i;

	(void)state;
	for (i = 0; i < sizeof quoting / sizeof quoting[0]; i++) {
		doc = ydoc_new();
		map = node_map(doc);
		ydoc_set_root(doc, map);
		assert_int_equal(node_map_set_str(doc, map, "v",
		    quoting[i].text), 0);
		buf_reset(&out);
		assert_int_equal(node_emit(&out, map), 0);
		if (strcmp(out.data, quoting[i].line) != 0)
			fail_msg("'%s': want %s got %s", quoting[i].text,
			    quoting[i].line, out.data);
		/* And it reads back as the same string. */
		assert_int_equal(ydoc_parse(&back, out.data, out.len, "q",
		    &d), 0);
		assert_string_equal(node_get(ydoc_root(back), "v")->u.s.str,
		    quoting[i].text);
		assert_int_not_equal(node_get(ydoc_root(back), "v")->style,
		    strcmp(quoting[i].line, "v: \"\"\n") == 0 ?
		    NODE_STYLE_PLAIN : -1);
		ydoc_free(back);
		ydoc_free(doc);
	}
	buf_free(&out);
	diags_free(&d);
}

/* What plain data refuses, and where it says so. */
static const struct {
	const char	*yaml;
	unsigned	 line, col;
	const char	*msg;
} rejected[] = {
	{ "a: &x 1\n", 1, 4, "anchors" },
	{ "a: 1\nb: *a\n", 2, 4, "aliases" },
	{ "a: !!str 1\n", 1, 4, "tags" },
	{ "!custom\na: 1\n", 1, 1, "tags" },
	{ "a: 1\nb: 2\na: 3\n", 3, 1, "duplicate key 'a' (first at line 1)" },
	{ "a: 1\n---\nb: 2\n", 2, 1, "second document" },
	{ "a: 1\n<<<<<<< HEAD\nb: 2\n", 2, 1, "conflict marker" },
	{ "a: 1\n=======\n", 2, 1, "conflict marker" },
	{ "a: 1\n>>>>>>> theirs\n", 2, 1, "conflict marker" },
	{ "a: [1, 2\n", 2, 1, "invalid YAML" },
	{ "a: b: c\n", 1, 5, "invalid YAML" },
	{ "? [a]\n: b\n", 1, 3, "key must be a plain text" },
	{ "a: \"x\\0y\"\n", 1, 4, "NUL" },
	{ "a:\n\t- b\n", 2, 1, "invalid YAML" },
};

static void
test_rejected(void **state)
{
	struct ydoc	*doc;
	struct diags	 d = DIAGS_INIT;
	size_t		 i;

	(void)state;
	for (i = 0; i < sizeof rejected / sizeof rejected[0]; i++) {
		assert_int_not_equal(ydoc_parse(&doc, rejected[i].yaml,
		    strlen(rejected[i].yaml), "r.yaml", &d), 0);
		assert_null(doc);
		if (d.n == 0)
			fail_msg("case %zu: no diagnostic", i);
		if (d.v[0].line != rejected[i].line ||
		    d.v[0].col != rejected[i].col ||
		    strstr(d.v[0].msg, rejected[i].msg) == NULL)
			fail_msg("case %zu: want %u:%u %s, got %u:%u %s", i,
			    rejected[i].line, rejected[i].col, rejected[i].msg,
			    d.v[0].line, d.v[0].col, d.v[0].msg);
		assert_string_equal(d.v[0].path, "r.yaml");
		diags_free(&d);
	}
}

static void
test_positions(void **state)
{
	static const char	 y[] = "id: x\nlist:\n  - a\n  - k: v\n";
	struct ydoc		*doc;
	struct node		*list, *item;

	(void)state;
	assert_int_equal(ydoc_parse(&doc, y, sizeof y - 1, "p", NULL), 0);
	list = node_get(ydoc_root(doc), "list");
	assert_non_null(list);
	assert_int_equal(list->line, 3);
	assert_int_equal(list->col, 3);
	item = node_get(list->u.items[1], "k");
	assert_int_equal(item->line, 4);
	assert_int_equal(item->col, 8);
	assert_string_equal(node_get_str(ydoc_root(doc), "id"), "x");
	assert_null(node_get_str(ydoc_root(doc), "missing"));
	ydoc_free(doc);
}

static void
test_build(void **state)
{
	struct ydoc	*doc = ydoc_new();
	struct node	*m = node_map(doc), *s = node_seq(doc);
	struct buf	 out = BUF_INIT;

	(void)state;
	ydoc_set_root(doc, m);
	assert_int_equal(node_map_set_str(doc, m, "b", "2"), 0);
	assert_int_equal(node_map_set_str(doc, m, "a", "1"), 0);
	assert_int_equal(node_map_set_str(doc, m, "b", "3"), 0);
	assert_int_equal(node_map_set(doc, m, "s", s), 0);
	assert_int_equal(node_seq_push(doc, s, node_str(doc, "x")), 0);
	assert_int_equal(node_emit(&out, m), 0);
	assert_string_equal(out.data, "b: \"3\"\na: \"1\"\ns:\n  - x\n");
	assert_int_equal(node_map_remove(m, "a"), 0);
	assert_int_equal(node_map_remove(m, "a"), NC_ENOTFOUND);
	assert_int_equal(m->n, 2);
	/* Keys YAML 1.1 reads as booleans are quoted too (PyYAML, Excel add-ins). */
	buf_reset(&out);
	assert_int_equal(node_map_set_str(doc, m, "n", "x"), 0);
	assert_int_equal(node_map_set_str(doc, m, "no", "x"), 0);
	assert_int_equal(node_emit(&out, m), 0);
	assert_string_equal(out.data,
	    "b: \"3\"\ns:\n  - x\n\"n\": x\n\"no\": x\n");
	buf_free(&out);
	ydoc_free(doc);
}

/* A person as a mapping, as audit_person() makes one. */
static struct node *
named(struct ydoc *doc, const char *text)
{
	struct node	*p = node_map(doc);

	return p != NULL && node_map_set_str(doc, p, "name", text) == 0 ?
	    p : NULL;
}

/* A list of texts as a sequence: of strings, or of what make makes. */
static void
test_set_list(void **state)
{
	static const char *const v[] = { "条件1", "条件2" };
	struct ydoc	*doc = ydoc_new();
	struct node	*m = node_map(doc);
	struct buf	 out = BUF_INIT;

	(void)state;
	ydoc_set_root(doc, m);
	assert_int_equal(node_map_set_list(doc, m, "none", v, 0, NULL), 0);
	assert_null(node_get(m, "none"));
	assert_int_equal(node_map_set_list(doc, m, "conditions", v, 2, NULL),
	    0);
	assert_int_equal(node_map_set_list(doc, m, "auditors", v, 1, named),
	    0);
	assert_int_equal(node_emit(&out, m), 0);
	assert_string_equal(out.data, "conditions:\n  - 条件1\n  - 条件2\n"
	    "auditors:\n  - name: 条件1\n");
	buf_free(&out);
	ydoc_free(doc);
}

/* Many keys and items: the arena grows and nothing is lost. */
static void
test_large(void **state)
{
	struct buf	 in = BUF_INIT, out = BUF_INIT;
	struct ydoc	*doc;
	int		 i;

	(void)state;
	buf_puts(&in, "items:\n");
	for (i = 0; i < 20000; i++)
		buf_printf(&in, "  - ref: item-%05d\n    text: 点検項目%d\n", i,
		    i);
	assert_int_equal(ydoc_parse(&doc, in.data, in.len, "l", NULL), 0);
	assert_int_equal(node_get(ydoc_root(doc), "items")->n, 20000);
	assert_int_equal(node_emit(&out, ydoc_root(doc)), 0);
	assert_string_equal(out.data, in.data);
	ydoc_free(doc);
	buf_free(&in);
	buf_free(&out);
}

/* Listings stop parsing once the fields they show are in. */
static void
test_load_fields(void **state)
{
	static const char	 text[] =
	    "id: x\nfy: 2026\nanswers:\n  - a\n  - b\nlater: [unclosed\n";
	const char		*want1[] = { "fy", "id" };
	const char		*want2[] = { "id", "answers" };
	const char		*want3[] = { "id", "nosuch" };
	const char		*want4[] = { "id", "later" };
	char			 path[] = "/tmp/ncio-node-XXXXXX";
	struct ydoc		*doc;
	struct diags		 d = DIAGS_INIT;
	int			 fd;

	(void)state;
	assert_true((fd = mkstemp(path)) != -1);
	assert_int_equal(write(fd, text, sizeof text - 1),
	    (ssize_t)(sizeof text - 1));
	close(fd);
	assert_int_equal(ydoc_load_fields(&doc, path, "f", &d, want1, 2), 0);
	assert_int_equal(ydoc_root(doc)->n, 2);
	assert_string_equal(node_get_str(ydoc_root(doc), "fy"), "2026");
	ydoc_free(doc);
	assert_int_equal(ydoc_load_fields(&doc, path, "f", &d, want2, 2), 0);
	assert_int_equal(ydoc_root(doc)->n, 3);
	assert_int_equal(node_get(ydoc_root(doc), "answers")->n, 2);
	ydoc_free(doc);
	assert_int_equal(d.n, 0);
	/* A field the file does not have does not make it read it all. */
	assert_int_equal(ydoc_load_fields(&doc, path, "f", &d, want3, 2), 0);
	assert_int_equal(ydoc_root(doc)->n, 1);
	ydoc_free(doc);
	/* One that stands later, out of order, does; so does its error. */
	assert_int_not_equal(ydoc_load_fields(&doc, path, "f", &d, want4, 2),
	    0);
	assert_true(d.n > 0);
	assert_int_equal(d.v[0].line, 7);
	diags_free(&d);
	unlink(path);
	/* A flow mapping at the top is read whole. */
	assert_int_equal(ydoc_parse(&doc, "{}", 2, "x", NULL), 0);
	ydoc_free(doc);
}

/*
 * Bounded work: nesting, keys, problems and size each stop the reader at
 * once with one clear problem at its position.
 */
static void
test_limits(void **state)
{
	struct buf	 in = BUF_INIT;
	struct ydoc	*doc;
	struct diags	 d = DIAGS_INIT;
	char		 path[] = "/tmp/ncio-limit-XXXXXX";
	FILE		*fp;
	int		 i, fd;

	(void)state;
	/* 200 KB of nested flow sequences: one problem, at level 65 (the
	 * mapping is level 1). */
	buf_puts(&in, "a: ");
	for (i = 0; i < 200000; i++)
		buf_putc(&in, '[');
	assert_int_equal(ydoc_parse(&doc, in.data, in.len, "n", &d),
	    NC_EINVALID);
	assert_int_equal(d.n, 1);
	assert_int_equal(d.v[0].line, 1);
	assert_int_equal(d.v[0].col, 4 + 63);
	assert_non_null(strstr(d.v[0].msg, "deeper than 64"));
	diags_free(&d);

	/* 64 levels are fine. */
	buf_reset(&in);
	for (i = 0; i < 64; i++)
		buf_putc(&in, '[');
	for (i = 0; i < 64; i++)
		buf_putc(&in, ']');
	assert_int_equal(ydoc_parse(&doc, in.data, in.len, "n", &d), 0);
	ydoc_free(doc);

	/* Many keys: found duplicates by hash, stopped past the limit. */
	buf_reset(&in);
	for (i = 0; i < NODE_MAX_KEYS; i++)
		buf_printf(&in, "k%d: %d\n", i, i);
	buf_puts(&in, "k77: dup\n");
	assert_int_equal(ydoc_parse(&doc, in.data, in.len, "k", &d),
	    NC_EINVALID);
	assert_int_equal(d.n, 1);
	assert_int_equal(d.v[0].line, NODE_MAX_KEYS + 1);
	assert_non_null(strstr(d.v[0].msg, "duplicate key 'k77' (first at"
	    " line 78)"));
	diags_free(&d);
	in.len -= strlen("k77: dup\n");
	buf_puts(&in, "one: more\n");
	assert_int_equal(ydoc_parse(&doc, in.data, in.len, "k", &d),
	    NC_EINVALID);
	assert_int_equal(d.n, 1);
	assert_int_equal(d.v[0].line, NODE_MAX_KEYS + 1);
	assert_non_null(strstr(d.v[0].msg, "more than 10000 keys"));
	diags_free(&d);

	/* Problems: at most NODE_MAX_PROBLEMS, then a last word. */
	buf_reset(&in);
	for (i = 0; i < 5000; i++)
		buf_printf(&in, "- &a%d x\n", i);
	assert_int_equal(ydoc_parse(&doc, in.data, in.len, "p", &d),
	    NC_EINVALID);
	assert_int_equal(d.n, NODE_MAX_PROBLEMS + 1);
	assert_non_null(strstr(d.v[NODE_MAX_PROBLEMS].msg, "stopped"));
	diags_free(&d);

	/* Size: a file or buffer larger than 4 MiB is refused unread. */
	buf_reset(&in);
	while (in.len <= NODE_MAX_BYTES)
		buf_puts(&in, "# a comment line that takes up some room\n");
	assert_int_equal(ydoc_parse(&doc, in.data, in.len, "s", &d),
	    NC_EINVALID);
	assert_int_equal(d.n, 1);
	assert_non_null(strstr(d.v[0].msg, "at most 4 MiB"));
	diags_free(&d);
	assert_true((fd = mkstemp(path)) != -1);
	assert_non_null(fp = fdopen(fd, "w"));
	assert_int_equal(fwrite(in.data, 1, in.len, fp), in.len);
	fclose(fp);
	assert_int_equal(ydoc_load_as(&doc, path, "big.yaml", &d),
	    NC_EINVALID);
	assert_int_equal(d.n, 1);
	assert_string_equal(d.v[0].path, "big.yaml");
	assert_non_null(strstr(error_last(), "big.yaml"));
	diags_free(&d);
	unlink(path);
	buf_free(&in);
}

/*
 * The writer's typed words and the reader's nulls, and their near misses
 * (issue 15: both are now decided from the first character and length).
 */
static void
test_typed_words(void **state)
{
	static const struct {
		const char	*s;
		int		 quote, null;
	} cases[] = {
		{ "~", 1, 1 }, { "null", 1, 1 }, { "Null", 1, 1 },
		{ "NULL", 1, 1 }, { "nULL", 0, 0 }, { "nul", 0, 0 },
		{ "nulls", 0, 0 }, { "~~", 0, 0 }, { "", 1, 1 },
		{ "y", 1, 0 }, { "Y", 1, 0 }, { "yes", 1, 0 }, { "YES", 1, 0 },
		{ "yES", 0, 0 }, { "n", 1, 0 }, { "no", 1, 0 }, { "on", 1, 0 },
		{ "Off", 1, 0 }, { "OFF", 1, 0 }, { "oFF", 0, 0 },
		{ "true", 1, 0 }, { "False", 1, 0 }, { "FALSE", 1, 0 },
		{ "falsy", 0, 0 }, { "falsey", 0, 0 }, { ".inf", 1, 0 },
		{ "-.Inf", 1, 0 }, { "+.INF", 1, 0 }, { ".nan", 1, 0 },
		{ ".NaN", 1, 0 }, { "<<", 1, 0 }, { "=", 1, 0 }, { "na", 0, 0 },
		{ "yesterday", 0, 0 }, { "none", 0, 0 }, { "2026-04-01", 1, 0 },
	};
	struct ydoc	*doc;
	struct node	*n;
	size_t		 i;

	(void)state;
	assert_non_null(doc = ydoc_new());
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		if (node_needs_quotes(cases[i].s, strlen(cases[i].s)) !=
		    cases[i].quote)
			fail_msg("'%s': quote %d", cases[i].s, cases[i].quote);
		assert_non_null(n = node_str(doc, cases[i].s));
		if (node_is_null(n) != cases[i].null)
			fail_msg("'%s': null %d", cases[i].s, cases[i].null);
	}
	ydoc_free(doc);
}

/*
 * node_get() compares keys by their lengths (issue 15), with strcmp()'s
 * meaning: a key built in memory with a NUL in it counts up to the NUL.
 * Scalars and their text share one block of the arena.
 */
static void
test_get(void **state)
{
	struct ydoc	*doc;
	struct node	*map, *v;
	size_t		 i;

	(void)state;
	assert_non_null(doc = ydoc_new());
	assert_non_null(map = node_map(doc));
	assert_int_equal(node_map_set_str(doc, map, "id", "x1"), 0);
	assert_int_equal(node_map_set_str(doc, map, "idx", "x2"), 0);
	assert_int_equal(node_map_set_str(doc, map, "", "x3"), 0);
	assert_string_equal(node_get_str(map, "id"), "x1");
	assert_string_equal(node_get_str(map, "idx"), "x2");
	assert_string_equal(node_get_str(map, ""), "x3");
	assert_null(node_get(map, "i"));
	assert_null(node_get(map, "idxy"));
	assert_null(node_get(map, "Id"));
	/* A key "ab\0c" of four bytes, as strcmp() sees it "ab". */
	assert_int_equal(node_map_set_str(doc, map, "ab", "x4"), 0);
	assert_non_null(map->u.pairs[map->n - 1].key = node_scalar(doc,
	    "ab\0c", 4));
	assert_non_null(v = node_get(map, "ab"));
	assert_string_equal(v->u.s.str, "x4");
	assert_null(node_get(map, "a"));
	/* Texts of every length, each its own NUL-terminated copy. */
	for (i = 0; i < 100; i++) {
		char	text[100];

		memset(text, 'a' + (int)(i % 26), i);
		assert_non_null(v = node_scalar(doc, text, i));
		assert_int_equal(v->u.s.len, i);
		assert_int_equal(strlen(v->u.s.str), i);
		assert_memory_equal(v->u.s.str, text, i);
	}
	ydoc_free(doc);
}

/*
 * The arena's chunks come from a pool of 64 MiB (2,048 chunks) shared by
 * every tree: more trees alive at once than it holds take theirs from
 * malloc(), and every tree keeps its own text whichever it got; chunks
 * given back serve the next trees.
 */
static void
test_arena_pool(void **state)
{
	enum { NDOCS = 2200 };
	struct ydoc	**docs;
	char		  text[64];
	size_t		  i, round;

	(void)state;
	assert_non_null(docs = calloc(NDOCS, sizeof *docs));
	for (round = 0; round < 2; round++) {
		for (i = 0; i < NDOCS; i++) {
			snprintf(text, sizeof text, "id: d%zu\nn: %zu\n", i,
			    i + round);
			assert_int_equal(ydoc_parse(&docs[i], text,
			    strlen(text), "t.yaml", NULL), 0);
		}
		for (i = 0; i < NDOCS; i++) {
			snprintf(text, sizeof text, "d%zu", i);
			assert_string_equal(node_get_str(ydoc_root(docs[i]),
			    "id"), text);
			snprintf(text, sizeof text, "%zu", i + round);
			assert_string_equal(node_get_str(ydoc_root(docs[i]),
			    "n"), text);
		}
		/* Every other one first, so the free list is mixed. */
		for (i = 0; i < NDOCS; i += 2)
			ydoc_free(docs[i]);
		for (i = 1; i < NDOCS; i += 2)
			ydoc_free(docs[i]);
	}
	free(docs);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_arena_pool),
		cmocka_unit_test(test_quoting),
		cmocka_unit_test(test_typed_words),
		cmocka_unit_test(test_get),
		cmocka_unit_test(test_rejected),
		cmocka_unit_test(test_positions),
		cmocka_unit_test(test_build),
		cmocka_unit_test(test_set_list),
		cmocka_unit_test(test_large),
		cmocka_unit_test(test_load_fields),
		cmocka_unit_test(test_limits),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
