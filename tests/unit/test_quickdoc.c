/*
 * The document reader (quickdoc_parse(), tried first by ydoc_parse() and
 * the loaders) against the libyaml reader it stands in for
 * (ydoc_parse_libyaml()): whenever the document reader takes a file, the
 * libyaml reader takes it without a problem and builds the same tree --
 * node by node the same kinds, styles, texts (bytes and length), lines,
 * columns and order.  The files: every .yaml of data/, tests/data/ and
 * schemas/, every file of the YAML test suite, the written form of each
 * of them, hand-made records of every form the writer writes, and every
 * deletion, insertion and substitution of one byte in some records.  And
 * it is not a reader that declines everything: every sample record the
 * writer writes back byte for byte is taken.
 */
#include <sys/stat.h>

#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "buf.h"
#include "error.h"
#include "node.h"
#include "quickdoc.h"

#include "nodecmp.h"

static char	why[256];

/*
 * The fields quickdoc_parse_without() is tried with on every file: an
 * audit's items (what audit_load_findings() leaves out), the answers of
 * a checklist and a few keys that nest in the test suite's files.
 */
static const char *const cut_keys[] = { "items", "answers", "a", "foo" };
static size_t	cut_took;

/*
 * quickdoc_parse_without() on data: when it takes it and libyaml reads
 * it, the tree is libyaml's without those fields, node for node (lines
 * and columns too); what it leaves out is not read, so libyaml may find
 * a problem there.
 */
static void
compare_without(const char *name, const char *data, size_t len)
{
	struct ydoc	*quick = NULL, *slow = NULL;
	struct node	*root;
	size_t		 i;
	int		 rc;

	rc = quickdoc_parse_without(&quick, data, len, cut_keys,
	    sizeof cut_keys / sizeof *cut_keys);
	assert_true(rc == 0 || rc == 1);
	if (rc == 0) {
		assert_null(quick);
		return;
	}
	if (ydoc_parse_libyaml(&slow, data, len, name, NULL) == 0) {
		root = ydoc_root(slow);
		for (i = 0; root != NULL && root->kind == NODE_MAP &&
		    i < sizeof cut_keys / sizeof *cut_keys; i++)
			if (node_map_remove(root, cut_keys[i]) == 0 && i == 0)
				cut_took++;
		if (!node_same(ydoc_root(quick), root, why, sizeof why))
			fail_msg("%s: the trees without %s... differ: %s: %s",
			    name, cut_keys[0], why, node_shown(data, len));
	}
	error_clear();
	ydoc_free(quick);
	ydoc_free(slow);
}

/* 1 when the document reader took data (and agreed), 0 when it declined. */
static int
compare(const char *name, const char *data, size_t len)
{
	struct ydoc	*quick = NULL, *slow = NULL;
	struct diags	 d = DIAGS_INIT;
	int		 rc;

	compare_without(name, data, len);
	rc = quickdoc_parse(&quick, data, len);
	assert_true(rc == 0 || rc == 1);
	if (rc == 0) {
		assert_null(quick);
		return 0;
	}
	if (ydoc_parse_libyaml(&slow, data, len, name, &d) != 0 || d.n != 0)
		fail_msg("%s: the document reader takes it, libyaml does not:"
		    " %s: %s", name, d.n > 0 ? d.v[0].msg : error_last(),
		    node_shown(data, len));
	if (!node_same(ydoc_root(quick), ydoc_root(slow), why, sizeof why))
		fail_msg("%s: the trees differ: %s: %s", name, why,
		    node_shown(data, len));
	ydoc_free(quick);
	ydoc_free(slow);
	diags_free(&d);
	return 1;
}

struct tally {
	size_t	files;
	size_t	took;
	size_t	canonical;	/* written back byte for byte */
	size_t	canonical_took;
	size_t	written;	/* written forms of collections */
	size_t	written_took;
};

/*
 * The file, and its written form when libyaml reads it: a file the
 * writer writes back as it is must be taken, with its written form.
 */
static void
compare_file(const char *name, const char *data, size_t len,
    struct tally *t)
{
	struct ydoc	*doc = NULL;
	struct buf	 out = BUF_INIT;
	int		 took;

	t->files++;
	took = compare(name, data, len);
	t->took += (size_t)took;
	if (ydoc_parse_libyaml(&doc, data, len, name, NULL) == 0 &&
	    ydoc_root(doc) != NULL && node_emit(&out, ydoc_root(doc)) == 0) {
		int	 wtook = compare(name, out.data, out.len);

		/* (a scalar or an empty collection at the top: declined) */
		if (ydoc_root(doc)->kind != NODE_SCALAR &&
		    ydoc_root(doc)->n > 0) {
			t->written++;
			t->written_took += (size_t)wtook;
			if (!wtook)
				fail_msg("%s: written form declined: %s", name,
				    node_shown(out.data, out.len));
		}
		if (out.len == len && memcmp(out.data, data, len) == 0 &&
		    ydoc_root(doc)->kind != NODE_SCALAR &&
		    ydoc_root(doc)->n > 0) {
			t->canonical++;
			t->canonical_took += (size_t)took;
			if (!took)
				fail_msg("%s: canonical, yet declined", name);
		}
	}
	error_clear();
	ydoc_free(doc);
	buf_free(&out);
}

/* Every .yaml file under dir (every file with all). */
static void
walk(const char *dir, int all, struct tally *t)
{
	struct buf	 path = BUF_INIT, data = BUF_INIT;
	struct dirent	*de;
	struct stat	 st;
	size_t		 n;
	DIR		*dp;

	if ((dp = opendir(dir)) == NULL)
		return;
	while ((de = readdir(dp)) != NULL) {
		if (de->d_name[0] == '.' && (de->d_name[1] == '\0' ||
		    (de->d_name[1] == '.' && de->d_name[2] == '\0')))
			continue;
		buf_reset(&path);
		buf_printf(&path, "%s/%s", dir, de->d_name);
		assert_int_equal(buf_ok(&path), 0);
		if (stat(path.data, &st) != 0)
			continue;
		if (S_ISDIR(st.st_mode)) {
			walk(path.data, all, t);
			continue;
		}
		n = strlen(de->d_name);
		if (!S_ISREG(st.st_mode) || (!all && (n < 5 ||
		    strcmp(de->d_name + n - 5, ".yaml") != 0)))
			continue;
		buf_reset(&data);
		if (buf_load(&data, path.data) != 0)
			continue;
		compare_file(path.data, data.data != NULL ? data.data : "",
		    data.len, t);
	}
	closedir(dp);
	buf_free(&path);
	buf_free(&data);
}

static void
test_sample(void **state)
{
	struct tally	t = { 0 };

	(void)state;
	walk(NCIO_SOURCE_DIR "/data/sample", 0, &t);
	print_message("%zu sample files, %zu taken; %zu canonical, %zu"
	    " taken\n", t.files, t.took, t.canonical, t.canonical_took);
	assert_true(t.files > 100);
	/* The point of it: the records are read without libyaml. */
	assert_true(t.canonical * 10 > t.files * 9);
	assert_int_equal(t.canonical_took, t.canonical);
	assert_int_equal(t.written_took, t.written);
	/* the audits read without their items (audit_load_findings()) */
	print_message("%zu taken without items\n", cut_took);
	assert_true(cut_took > 0);
}

static void
test_project_files(void **state)
{
	struct tally	t = { 0 };

	(void)state;
	walk(NCIO_SOURCE_DIR "/data", 0, &t);
	walk(NCIO_SOURCE_DIR "/tests/data", 1, &t);
	walk(NCIO_SOURCE_DIR "/schemas", 0, &t);
	walk(NCIO_SOURCE_DIR "/tests/fuzz/corpus", 1, &t);
	print_message("%zu files, %zu taken; %zu written forms, %zu taken\n",
	    t.files, t.took, t.written, t.written_took);
	assert_true(t.files > 500);
	assert_int_equal(t.written_took, t.written);
}

static void
test_yaml_suite(void **state)
{
	struct tally	t = { 0 };
	DIR		*dp;

	(void)state;
	if ((dp = opendir(NCIO_TESTDATA_DIR "/yaml-test-suite")) == NULL)
		skip();
	closedir(dp);
	walk(NCIO_TESTDATA_DIR "/yaml-test-suite", 1, &t);
	print_message("%zu files, %zu taken; %zu written forms, %zu taken\n",
	    t.files, t.took, t.written, t.written_took);
	assert_true(t.files > 300);
	assert_int_equal(t.written_took, t.written);
}

/* Every form the writer writes, in records it must take. */
static const char *const forms[] = {
	"id: rv-0r3jn3cx\nfy: 2026\ntitle: 庁内ネットワーク更改\n",
	"a:\n  b:\n    c: d\n  e: f\ng: h\n",
	"list:\n  - a\n  - b\n  -\n  - \"\"\nnext: x\n",
	"list:\n  - a: 1\n    b: 2\n  - c: 3\n  - - x\n    - y\n  - []\n"
	    "  - {}\n",
	"- a\n- - b\n  - c\n- d: e\n  f:\n    - g\n",
	"empty:\nafter: 1\nlast:\n",
	"flow: []\nmap: {}\n",
	"text: |\n  line one\n  line two\n",
	"text: |-\n  no newline\n  at the end\nnext: x\n",
	"text: |+\n  kept\n\n\nnext: x\n",
	"text: |+\n  kept at the end\n\n",
	"text: |\n  a\n\n  b\n    deeper\n  tab\there\n  # not a comment\n"
	    "  \"quoted\" 'too' - [x] {y}: z\nn: 1\n",
	"list:\n  - |\n    in a sequence\n  - k: |-\n      in a mapping\n"
	    "        in a sequence\n",
	"q: \"yes\"\nr: \"a \\\"b\\\" \\\\ c\\n\\t\\r\\N\\L\\P\\x01\\x9d"
	    "\\uFEFF\\uFFFE\"\ns: 'it''s'\n",
	"\"quoted key\": 1\n\"\\x01\": 2\n'single': 3\n",
	"名前: 見本\n\"キー\": 値\n- x: 1\n",
	"k: \"値\" \n",
	"日本語のキー: 値\n次: \"引用\"\n空:\n",
	"- 日本語: 1\n  次: 2\n",
	"neg: -5\ndate: 2026-04-01\nurl: http://example.jp/a#b\n"
	    "colon: a:b\nnull: ~\n",
	"<<: merge\n",
	"=list: 1\n<<<<<<<x: 2\n",
	"<<<<<<< HEAD: 1\n",
	"=======: 1\n",
	"k: v # a comment after a value\n",
	/* Comment lines and empty lines between entries. */
	"# head\n\nid: x\n\n# between\nlist:\n  # inside\n  - a\n\n  - b\n"
	    "# column 0\n  - c\nmap:\n\n  k: v\n# end\n",
	"text: |+\n  kept\n\n# comment\nnext: x\n",
	"text: |\n  x\n  # content\n# comment\n\nnext: x\n",
	"empty:\n# c\nnext: 1\n",
	"a:\n  b: 1\n# c\n  d: 2\n",
	"k: v\n    # deeper\nn: 1\n",
};

static void
test_forms(void **state)
{
	size_t	i, took = 0;

	(void)state;
	for (i = 0; i < sizeof forms / sizeof forms[0]; i++)
		took += (size_t)compare("form", forms[i], strlen(forms[i]));
	print_message("%zu forms, %zu taken\n", sizeof forms / sizeof
	    forms[0], took);
	/*
	 * "k: \"値\" \n" (a blank after the quote), "名前...- x", a
	 * comment after a value, what may be a conflict marker (three).
	 */
	assert_int_equal(took, sizeof forms / sizeof forms[0] - 6);
	/*
	 * \L and \P decode to three bytes from two: one fits the copy of
	 * its source, more get a buffer of their own (fuzz_quickdoc,
	 * 2026-12-01: the reader wrote past the copy and took another
	 * text than libyaml's); the writer uses them, so they are taken
	 */
	assert_int_equal(compare("expand", "q: \"\\L\"\n", 8), 1);
	assert_int_equal(compare("expand", "q: \"a\\L\\P\\L\\PEFF\"\n",
	    strlen("q: \"a\\L\\P\\L\\PEFF\"\n")), 1);
}

/*
 * The limits: a key of NODE_MAX_KEY bytes is taken, one byte more is
 * left to libyaml (which reports it); duplicate keys in a small and in a
 * large mapping (found through the hash) are left to libyaml; nesting is
 * taken up to well under NODE_MAX_DEPTH.
 */
static void
test_limits(void **state)
{
	const char	*dups[] = { "a: 1\nb: 2\na: 3\n",
	    "l:\n  - a: 1\n    a: 2\n", "\"a\": 1\na: 2\n" };
	struct buf	 b = BUF_INIT;
	size_t		 i;

	(void)state;
	for (i = 0; i < NODE_MAX_KEY; i++)
		buf_putc(&b, 'k');
	buf_puts(&b, ": v\n");
	assert_int_equal(compare("key", b.data, b.len), 1);
	buf_reset(&b);
	for (i = 0; i <= NODE_MAX_KEY; i++)
		buf_putc(&b, 'k');
	buf_puts(&b, ": v\n");
	assert_int_equal(compare("key", b.data, b.len), 0);

	buf_reset(&b);
	for (i = 0; i < 40; i++)
		buf_printf(&b, "k%zu: %zu\n", i, i);
	assert_int_equal(compare("keys", b.data, b.len), 1);
	buf_puts(&b, "k5: again\n");
	assert_int_equal(compare("keys", b.data, b.len), 0);
	for (i = 0; i < sizeof dups / sizeof dups[0]; i++)
		assert_int_equal(compare("keys", dups[i], strlen(dups[i])), 0);

	buf_reset(&b);
	for (i = 0; i < 40; i++)
		buf_puts(&b, "- ");
	buf_puts(&b, "x\n");
	assert_int_equal(compare("deep", b.data, b.len), 1);
	buf_reset(&b);
	for (i = 0; i < 70; i++)
		buf_puts(&b, "- ");
	buf_puts(&b, "x\n");
	assert_int_equal(compare("deep", b.data, b.len), 0);
	assert_int_equal(buf_ok(&b), 0);
	buf_free(&b);
}

/*
 * Every deletion of one byte, and every insertion and substitution of
 * one of the bytes that change what YAML reads, in the forms above and
 * in the start of a few sample records.
 */
static const unsigned char specials[] = {
	':', '#', '"', '\'', ' ', '\t', '\r', '\n', '-', '|', '&', '*', '!',
	'{', '[', '\\', '+', 'x', 0x00, 0xff, 0xc2, 0x85, 0xe2,
};

static size_t
mutate(const char *name, const char *src, size_t len)
{
	char	*m;
	size_t	 i, k, took = 0;

	if ((m = malloc(len + 2)) == NULL)
		fail();
	for (i = 0; i <= len; i++) {
		if (i < len) {
			memcpy(m, src, i);
			memcpy(m + i, src + i + 1, len - i - 1);
			took += (size_t)compare(name, m, len - 1);
		}
		for (k = 0; k < sizeof specials; k++) {
			memcpy(m, src, i);
			m[i] = (char)specials[k];
			memcpy(m + i + 1, src + i, len - i);
			took += (size_t)compare(name, m, len + 1);
			if (i < len) {
				memcpy(m, src, len);
				m[i] = (char)specials[k];
				took += (size_t)compare(name, m, len);
			}
		}
	}
	free(m);
	return took;
}

static void
test_mutations(void **state)
{
	const char	*files[] = {
	    "/data/sample/checklists/2026/ck-565nje32.yaml",
	    "/data/sample/catalogs/2026/ca-7pet4dvh.yaml",
	    "/data/sample/secreports/2026/sr-8v3n6t2w.yaml",
	    "/data/sample/nerima-cio.yaml",
	};
	struct buf	 data = BUF_INIT, path = BUF_INIT;
	size_t		 i, took = 0, len;

	(void)state;
	for (i = 0; i < sizeof forms / sizeof forms[0]; i++)
		took += mutate("form", forms[i], strlen(forms[i]));
	for (i = 0; i < sizeof files / sizeof files[0]; i++) {
		buf_reset(&path);
		buf_printf(&path, "%s%s", NCIO_SOURCE_DIR, files[i]);
		buf_reset(&data);
		assert_int_equal(buf_load(&data, path.data), 0);
		/* The start of it, cut after a line. */
		for (len = data.len < 1500 ? data.len : 1500;
		    len > 0 && data.data[len - 1] != '\n'; len--)
			;
		took += mutate(files[i], data.data, len);
	}
	print_message("%zu mutations taken\n", took);
	assert_true(took > 1000);
	buf_free(&data);
	buf_free(&path);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_forms),
		cmocka_unit_test(test_limits),
		cmocka_unit_test(test_sample),
		cmocka_unit_test(test_project_files),
		cmocka_unit_test(test_yaml_suite),
		cmocka_unit_test(test_mutations),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
