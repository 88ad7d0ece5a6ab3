/*
 * The head reader (quickhead_parse(), used by ydoc_load_fields())
 * against the quick reader it stands in for (ydoc_parse_fields()):
 * whenever the head reader takes a file, the quick reader takes it too
 * and builds the same tree -- the same keys in the same order, the same
 * texts, styles, lines and columns.  The files: every record of the
 * sample data, every case of the YAML test suite, the cases the quick
 * reader's own test reports, and thousands of canonical heads with
 * something YAML reads otherwise put in at random.
 */
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
#include "node.h"
#include "quickhead.h"

#include "nodecmp.h"

/* Compare on one want list: 1 when the head reader took the file. */
static int
compare(const char *name, const char *data, size_t len,
    const char *const *want, size_t nwant)
{
	struct ydoc	*head = NULL, *quick = NULL;
	int		 rc;

	rc = quickhead_parse(&head, data, len, want, nwant);
	assert_true(rc == 0 || rc == 1);
	if (rc == 0) {
		assert_null(head);
		return 0;
	}
	if (ydoc_parse_fields(&quick, data, len, name, NULL, want, nwant) != 0)
		fail_msg("%s: the head reader takes it, the quick reader"
		    " does not: %s: %s", name, error_last(), node_shown(data, len));
	if (!node_same(ydoc_root(head), ydoc_root(quick), NULL, 0))
		fail_msg("%s: the trees differ (want %s ... %zu keys): %s",
		    name, want[0], nwant, node_shown(data, len));
	ydoc_free(head);
	ydoc_free(quick);
	return 1;
}

/*
 * Each key of the full parse alone, the first and the last, every key,
 * each with a key the file lacks.  Returns how many the head reader took.
 */
static size_t
compare_all(const char *name, const char *data, size_t len)
{
	struct ydoc		*full = NULL;
	const struct node	*root;
	const char		*want[64];
	size_t			 i, n = 0, took = 0;

	if (ydoc_parse(&full, data, len, name, NULL) != 0 ||
	    (root = ydoc_root(full)) == NULL || root->kind != NODE_MAP) {
		/* Not a mapping: the head reader must still agree. */
		want[0] = "id";
		want[1] = "absent-field";
		took += (size_t)compare(name, data, len, want, 2);
		ydoc_free(full);
		return took;
	}
	for (i = 0; i < root->n && n < 60; i++)
		want[n++] = root->u.pairs[i].key->u.s.str;
	want[n++] = "absent-field";
	took += (size_t)compare(name, data, len, want, n);
	for (i = 0; i + 1 < n; i++) {
		const char *pair[2] = { want[i], "absent-field" };

		took += (size_t)compare(name, data, len, pair, 2);
		took += (size_t)compare(name, data, len, pair, 1);
	}
	ydoc_free(full);
	return took;
}

static void
test_sample(void **state)
{
	const char	*kinds[] = { "reviews", "audits", "checklists",
	    "consults", "incidents", "meetings", "issues", "trainings",
	    "catalogs", "pias" };
	struct buf	 path = BUF_INIT, data = BUF_INIT;
	struct dirent	*de, *fe;
	DIR		*dp, *fp;
	size_t		 k, files = 0, took = 0;
	const char	*want[] = { "id", "title", "status" };

	(void)state;
	for (k = 0; k < sizeof kinds / sizeof kinds[0]; k++) {
		buf_reset(&path);
		buf_printf(&path, "%s/data/sample/%s", NCIO_SOURCE_DIR,
		    kinds[k]);
		if ((dp = opendir(path.data)) == NULL)
			continue;
		while ((de = readdir(dp)) != NULL) {
			if (de->d_name[0] == '.')
				continue;
			buf_reset(&path);
			buf_printf(&path, "%s/data/sample/%s/%s",
			    NCIO_SOURCE_DIR, kinds[k], de->d_name);
			if ((fp = opendir(path.data)) == NULL)
				continue;
			while ((fe = readdir(fp)) != NULL) {
				if (fe->d_name[0] == '.')
					continue;
				buf_reset(&path);
				buf_printf(&path, "%s/data/sample/%s/%s/%s",
				    NCIO_SOURCE_DIR, kinds[k], de->d_name,
				    fe->d_name);
				buf_reset(&data);
				assert_int_equal(buf_load(&data, path.data), 0);
				files++;
				compare_all(fe->d_name, data.data, data.len);
				took += (size_t)compare(fe->d_name, data.data,
				    data.len, want, 3);
			}
			closedir(fp);
		}
		closedir(dp);
	}
	print_message("%zu sample records, the head reader took %zu\n",
	    files, took);
	assert_true(files > 20);
	/* The point of it: canonical records are read without libyaml. */
	assert_true(took * 2 > files);
	buf_free(&path);
	buf_free(&data);
}

static void
test_yaml_suite(void **state)
{
	const char	*dirs[] = { NCIO_TESTDATA_DIR "/yaml-test-suite",
	    NCIO_SOURCE_DIR "/tests/data/yaml-test-suite" };
	struct buf	 path = BUF_INIT, data = BUF_INIT;
	struct dirent	*de;
	DIR		*dp = NULL;
	size_t		 i, cases = 0, took = 0;

	(void)state;
	for (i = 0; i < 2 && dp == NULL; i++)
		if ((dp = opendir(dirs[i])) != NULL)
			break;
	if (dp == NULL)
		skip();
	while ((de = readdir(dp)) != NULL) {
		if (de->d_name[0] == '.')
			continue;
		buf_reset(&path);
		buf_printf(&path, "%s/%s/in.yaml", dirs[i], de->d_name);
		buf_reset(&data);
		if (buf_load(&data, path.data) != 0)
			continue;
		cases++;
		took += compare_all(de->d_name, data.data != NULL ?
		    data.data : "", data.len);
	}
	closedir(dp);
	print_message("%zu cases, the head reader took %zu\n", cases, took);
	assert_true(cases > 300);
	buf_free(&path);
	buf_free(&data);
}

/* A canonical head, and what YAML reads otherwise, put in at random. */
static const char base[] =
    "id: ck-z2gj1mah\n"
    "fy: 2030\n"
    "kind: self\n"
    "org: kumin-bosai\n"
    "title: 令和12年度 自己点検（区民防災課）\n"
    "status: accepted\n"
    "submitted: 2030-09-20T09:30\n"
    "responses:\n"
    "  - respondent: r001\n"
    "    value: \"yes\"\n"
    "source:\n"
    "  file: a.xlsx\n";

static const char *const bits[] = {
	":", ": ", " ", " #", "#", "\t", "\r", "\r\n", "\n", "\n\n", "\n  ",
	"\n- ", "- ", "-", "?", "? ", "'", "\"", "\\", "[", "]", "{", "}",
	",", "&a ", "*a", "!t ", "|", ">", "%", "@", "`", "\xc2\x85",
	"\xe2\x80\xa8", "\xe2\x80\xa9", "\xef\xbb\xbf", "\xef\xbf\xbe",
	"\xed\xa0\x80", "\xc0\xaf", "\xf0\x9f\x98\x80", "\x7f", "\x01",
	"\xc2\xa0", "\xe2\x80\xa6", "---", "...", "\n---\n", "\n...\n",
	"<<<<<<< HEAD\n", "\n=======\n", "\n>>>>>>> b\n", "id: x\n",
	"\nstatus: x\n", "\nstage: start\n", "stage", "Title: x\n", "\n#c\n",
	"~", "null", "\"q\"", "'q'", "a: b", "0", "\x80", "\xff", "\0",
};

static void
test_mutations(void **state)
{
	const char	*want[4][8] = {
		{ "id", "kind", "org", "title", "stage", "submitted",
		    "status" },
		{ "status" },
		{ "stage", "fy" },
		{ "id", "source" },
	};
	const size_t	 nwant[4] = { 7, 1, 2, 2 };
	char		 data[sizeof base + 256];
	size_t		 len, at, k, m, w, took = 0, rounds = 20000;
	uint32_t	 seed = 12345;

	(void)state;
	for (w = 0; w < 4; w++)
		took += (size_t)compare("base", base, sizeof base - 1,
		    want[w], nwant[w]);
	/* The unchanged head is read, but for the key after the lists. */
	assert_int_equal(took, 3);
	took = 0;
	for (k = 0; k < rounds; k++) {
		memcpy(data, base, sizeof base - 1);
		len = sizeof base - 1;
		for (m = 0; m < 1 + k % 3; m++) {
			const char	*b;
			size_t		 bl;

			seed = seed * 1103515245u + 12345u;
			b = bits[(seed >> 8) % (sizeof bits / sizeof bits[0])];
			bl = b[0] == '\0' ? 1 : strlen(b);
			seed = seed * 1103515245u + 12345u;
			/* Mostly in the head, where it matters. */
			at = (seed >> 8) % (k % 4 == 0 ? len + 1 : 140);
			if (at > len)
				at = len;
			memmove(data + at + bl, data + at, len - at);
			memcpy(data + at, b, bl);
			len += bl;
		}
		for (w = 0; w < 4; w++)
			took += (size_t)compare("mutated", data, len, want[w],
			    nwant[w]);
	}
	print_message("%zu rounds, the head reader took %zu\n", rounds, took);
	assert_true(took > rounds / 4);
}

/*
 * Japanese text after the head, of every length, so that the end of what
 * libyaml would have decoded falls inside a character at every offset:
 * the head reader takes them all.
 */
static void
test_long_text(void **state)
{
	const char	*want[] = { "id", "status" };
	struct buf	 b = BUF_INIT;
	size_t		 n, k, took = 0;

	(void)state;
	for (n = 0; n < 400; n++) {
		buf_reset(&b);
		buf_puts(&b, "id: rv-0r3jn3cx\nstatus: received\nlist:\n  - ");
		for (k = 0; k < n; k++)
			buf_puts(&b, k % 7 == 6 ? "a" : "窓");
		buf_puts(&b, "\nnote: x\n");
		assert_int_equal(buf_ok(&b), 0);
		took += (size_t)compare("long", b.data, b.len, want, 2);
	}
	assert_int_equal(took, 400);
	buf_free(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sample),
		cmocka_unit_test(test_yaml_suite),
		cmocka_unit_test(test_mutations),
		cmocka_unit_test(test_long_text),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
