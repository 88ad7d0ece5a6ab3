/*
 * Field-by-field comparison of two YAML trees (recdiff): a table of old
 * and new documents and the changes expected, one line each:
 * "+ path" added, "- path" removed, "~ path: old -> new" changed (a side
 * that is not a scalar shows as {map} or [seq]).
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
#include "recdiff.h"

static const struct {
	const char	*name;
	const char	*old;		/* NULL: the record did not exist */
	const char	*new;		/* NULL: the record was removed */
	const char	*want;		/* the changes, "\n"-terminated lines */
} cases[] = {
	{ "same", "a: 1\nb: [x, y]\n", "a: 1\nb: [x, y]\n", "" },
	{ "key order and quoting do not count",
	  "a: '1'\nb: \"x\"\n", "b: x\na: 1\n", "" },
	{ "a scalar",
	  "id: rv-1\nstatus: received\n", "id: rv-1\nstatus: decided\n",
	  "~ status: received -> decided\n" },
	{ "a key added and one removed",
	  "a: 1\nold: x\n", "a: 1\nnew: y\n",
	  "+ new\n- old\n" },
	{ "nested mapping",
	  "decision:\n  result: approve\n  date: 2026-04-20\n",
	  "decision:\n  result: conditional\n  date: 2026-04-20\n",
	  "~ decision.result: approve -> conditional\n" },
	{ "a mapping added whole",
	  "status: received\n",
	  "status: decided\ndecision:\n  result: approve\n",
	  "~ status: received -> decided\n+ decision\n" },
	{ "an item appended",
	  "hearings:\n  - round: 1\n", "hearings:\n  - round: 1\n  - round: 2\n",
	  "+ hearings[2]\n" },
	{ "an item inserted at the front",
	  "c: [b, c]\n", "c: [a, b, c]\n", "+ c[1]\n" },
	{ "an item removed from the middle",
	  "c: [a, b, c]\n", "c: [a, c]\n", "- c[2]\n" },
	{ "an item changed",
	  "decision:\n  conditions: [x, y]\n",
	  "decision:\n  conditions: [x, z]\n",
	  "~ decision.conditions[2]: y -> z\n" },
	{ "a field of an item",
	  "hearings:\n  - round: 1\n    answer: no\n  - round: 2\n",
	  "hearings:\n  - round: 1\n    answer: yes\n  - round: 2\n",
	  "~ hearings[1].answer: no -> yes\n" },
	{ "an item changed and one appended",
	  "c: [a, b, c]\n", "c: [a, x, c, d]\n",
	  "~ c[2]: b -> x\n+ c[4]\n" },
	{ "an item moved",
	  "c: [a, b, c]\n", "c: [b, c, a]\n", "- c[1]\n+ c[3]\n" },
	{ "a field of an item after an inserted item",
	  "h:\n  - {r: 1, q: a}\n  - {r: 2, q: b}\n",
	  "h:\n  - {r: 0, q: new}\n  - {r: 1, q: a}\n  - {r: 2, q: c}\n",
	  "+ h[1]\n~ h[3].q: b -> c\n" },
	{ "kind changed",
	  "a: text\n", "a:\n  b: 1\n", "~ a: text -> {map}\n" },
	{ "null to a value",
	  "decided:\n", "decided: 2026-04-20\n",
	  "~ decided:  -> 2026-04-20\n" },
	{ "a key that needs quoting",
	  "answers:\n  '1.2': yes\n  作業: a\n",
	  "answers:\n  '1.2': no\n  作業: b\n",
	  "~ answers[\"1.2\"]: yes -> no\n~ answers[\"作業\"]: a -> b\n" },
	{ "a list emptied",
	  "c: [a, b]\n", "c: []\n", "- c[1]\n- c[2]\n" },
	{ "created", NULL, "id: rv-1\n", "+ \n" },
	{ "deleted", "id: rv-1\n", NULL, "- \n" },
	{ "multi-line text",
	  "memo: |\n  one\n  two\n", "memo: |\n  one\n  three\n",
	  "~ memo: one\ntwo\n -> one\nthree\n\n" },
};

static void
show(struct buf *b, const struct node *n)
{
	if (n == NULL)
		buf_puts(b, "(none)");
	else if (n->kind == NODE_SCALAR)
		buf_puts(b, n->u.s.str);
	else
		buf_puts(b, n->kind == NODE_MAP ? "{map}" : "[seq]");
}

static void
describe(struct buf *b, const struct recdiff *d)
{
	size_t	i;

	for (i = 0; i < d->n; i++) {
		switch (d->v[i].op) {
		case RECDIFF_ADDED:
			buf_printf(b, "+ %s\n", d->v[i].path);
			break;
		case RECDIFF_REMOVED:
			buf_printf(b, "- %s\n", d->v[i].path);
			break;
		case RECDIFF_CHANGED:
			buf_printf(b, "~ %s: ", d->v[i].path);
			show(b, d->v[i].old);
			buf_puts(b, " -> ");
			show(b, d->v[i].new);
			buf_putc(b, '\n');
			break;
		}
	}
}

static struct ydoc *
parse(const char *yaml)
{
	struct ydoc	*doc = NULL;

	if (yaml == NULL)
		return NULL;
	assert_int_equal(ydoc_parse(&doc, yaml, strlen(yaml), "t.yaml", NULL),
	    0);
	return doc;
}

static void
test_table(void **state)
{
	struct ydoc	*a, *b;
	struct recdiff	 d = RECDIFF_INIT;
	struct buf	 got = BUF_INIT;
	size_t		 i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		a = parse(cases[i].old);
		b = parse(cases[i].new);
		assert_int_equal(recdiff_compare(&d, a != NULL ? ydoc_root(a) :
		    NULL, b != NULL ? ydoc_root(b) : NULL), 0);
		buf_reset(&got);
		buf_puts(&got, "");
		describe(&got, &d);
		if (strcmp(got.data != NULL ? got.data : "", cases[i].want)
		    != 0) {
			print_error("case '%s':\n--- want\n%s--- got\n%s",
			    cases[i].name, cases[i].want,
			    got.data != NULL ? got.data : "");
			fail();
		}
		/* The other way round, every addition is a removal. */
		recdiff_free(&d);
		assert_int_equal(recdiff_compare(&d, b != NULL ? ydoc_root(b) :
		    NULL, a != NULL ? ydoc_root(a) : NULL), 0);
		assert_int_equal(d.n == 0, cases[i].want[0] == '\0');
		recdiff_free(&d);
		ydoc_free(a);
		ydoc_free(b);
	}
	buf_free(&got);
}

/* Past the table size for alignment, items pair in order: still linear. */
static void
test_long_sequences(void **state)
{
	struct ydoc	*a, *b;
	struct node	*sa, *sb;
	struct recdiff	 d = RECDIFF_INIT;
	char		 t[32];
	size_t		 i;

	(void)state;
	assert_non_null(a = ydoc_new());
	assert_non_null(b = ydoc_new());
	assert_non_null(sa = node_seq(a));
	assert_non_null(sb = node_seq(b));
	for (i = 0; i < 3000; i++) {
		snprintf(t, sizeof t, "old %zu", i);
		assert_int_equal(node_seq_push(a, sa, node_str(a, t)), 0);
		snprintf(t, sizeof t, "new %zu", i);
		assert_int_equal(node_seq_push(b, sb, node_str(b, t)), 0);
	}
	assert_int_equal(node_seq_push(b, sb, node_str(b, "extra")), 0);
	assert_int_equal(recdiff_compare(&d, sa, sb), 0);
	assert_int_equal(d.n, 3001);
	assert_int_equal(d.v[0].op, RECDIFF_CHANGED);
	assert_string_equal(d.v[0].path, "[1]");
	assert_int_equal(d.v[3000].op, RECDIFF_ADDED);
	assert_string_equal(d.v[3000].path, "[3001]");
	recdiff_free(&d);
	/* Equal long sequences cost nothing but the comparison. */
	assert_int_equal(recdiff_compare(&d, sa, sa), 0);
	assert_int_equal(d.n, 0);
	recdiff_free(&d);
	ydoc_free(a);
	ydoc_free(b);
}

static void
test_equal(void **state)
{
	struct ydoc	*a = parse("x: {a: 1, b: [1, 2]}\n");
	struct ydoc	*b = parse("x: {b: [1, 2], a: '1'}\n");
	struct ydoc	*c = parse("x: {b: [2, 1], a: 1}\n");

	(void)state;
	assert_true(recdiff_equal(ydoc_root(a), ydoc_root(b)));
	assert_false(recdiff_equal(ydoc_root(a), ydoc_root(c)));
	assert_false(recdiff_equal(ydoc_root(a), NULL));
	assert_true(recdiff_equal(NULL, NULL));
	ydoc_free(a);
	ydoc_free(b);
	ydoc_free(c);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_table),
		cmocka_unit_test(test_long_sequences),
		cmocka_unit_test(test_equal),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
