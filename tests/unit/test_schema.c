/*
 * The schema engine: one table row per keyword, valid and invalid, plus
 * key order and typing on write.
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

#include "schema.h"

static char	tmpdir[] = "/tmp/ncio-schema-XXXXXX";

static void
write_file(const char *name, const char *text)
{
	char	 path[512];
	FILE	*fp;

	snprintf(path, sizeof path, "%s/%s", tmpdir, name);
	fp = fopen(path, "w");
	assert_non_null(fp);
	fputs(text, fp);
	fclose(fp);
}

static const struct {
	const char	*schema;	/* the body of t.yaml */
	const char	*value;		/* YAML of the instance */
	const char	*error;		/* NULL when valid, else a substring */
} cases[] = {
	/* type */
	{ "type: string", "abc", NULL },
	{ "type: string", "\"12\"", NULL },
	{ "type: string", "12", "put it in quotes" },
	{ "type: string", "true", "put it in quotes" },
	{ "type: string", "~", "found nothing" },
	{ "type: string", "2026-04-01", NULL },
	{ "type: integer", "12", NULL },
	{ "type: integer", "-3", NULL },
	{ "type: integer", "1.5", "expected a whole number" },
	{ "type: integer", "\"12\"", "expected a whole number" },
	{ "type: number", "1.5", NULL },
	{ "type: number", "7", NULL },
	{ "type: number", "1e3", NULL },
	{ "type: number", "abc", "expected a number" },
	{ "type: boolean", "true", NULL },
	{ "type: boolean", "yes", "expected true or false" },
	{ "type: \"null\"", "~", NULL },
	{ "type: object", "{a: 1}", NULL },
	{ "type: object", "[1]", "expected a mapping" },
	{ "type: array", "[1]", NULL },
	{ "type: array", "x", "expected a list" },
	{ "type: [string, \"null\"]", "~", NULL },
	{ "type: [string, \"null\"]", "x", NULL },
	{ "type: [string, \"null\"]", "5", "a text or nothing" },
	/* properties, required, additionalProperties */
	{ "type: object\nproperties:\n  a: {type: integer}", "{a: 1}", NULL },
	{ "type: object\nproperties:\n  a: {type: integer, title: 件数}",
	    "{a: x}", "a (件数): expected a whole number" },
	{ "type: object\nrequired: [a]\nproperties:\n  a: {type: string}",
	    "{}", "a: required field is missing" },
	{ "type: object\nrequired: [a]\nproperties:\n  a: {type: string}",
	    "{a: }", "a: required field is empty" },
	{ "type: object\nadditionalProperties: false\nproperties:\n"
	    "  title: {type: string}", "{titel: x}",
	    "titel: unknown field (did you mean 'title'?)" },
	{ "type: object\nadditionalProperties: false\nproperties:\n"
	    "  title: {type: string}", "{zzzzzz: x}", "unknown field" },
	{ "type: object\nadditionalProperties: {type: integer}",
	    "{x: 1, y: z}", "y: expected a whole number" },
	{ "type: object\nadditionalProperties: true", "{x: 1}", NULL },
	/* enum, const */
	{ "enum: [plan, procurement]", "plan", NULL },
	{ "enum: [plan, procurement]", "plans",
	    "'plans' is not one of: plan, procurement" },
	{ "const: fixed", "fixed", NULL },
	{ "const: fixed", "other", "must be 'fixed'" },
	/* pattern */
	{ "type: string\npattern: \"^[a-z]+-[0-9]{2}$\"", "ab-12", NULL },
	{ "type: string\npattern: \"^[a-z]+-[0-9]{2}$\"", "ab-123",
	    "does not match the pattern" },
	/* a text matched before is remembered; a failure never is */
	{ "type: array\nitems: {type: string, pattern: \"^[a-z]+-[0-9]{2}$\"}",
	    "[ab-12, ab-12, cd-34, ab-12]", NULL },
	{ "type: array\nitems: {type: string, pattern: \"^[a-z]+-[0-9]{2}$\"}",
	    "[ab-12, ab-123, ab-12, ab-123]", "[4]: 'ab-123' does not match" },
	/* format */
	{ "type: string\nformat: date", "2026-04-01", NULL },
	{ "type: string\nformat: date", "2028-02-29", NULL },
	{ "type: string\nformat: date", "2026-02-29", "expected a date" },
	{ "type: string\nformat: date", "2026-13-01", "expected a date" },
	{ "type: string\nformat: date", "2026-4-1", "expected a date" },
	{ "type: string\nformat: date-time", "2026-04-01T10:00", NULL },
	{ "type: string\nformat: date-time", "2026-04-01T10:00:30+09:00",
	    NULL },
	{ "type: string\nformat: date-time", "2026-04-01T25:00",
	    "expected a date and time" },
	{ "type: string\nformat: email", "anything", NULL },
	/* minimum, maximum */
	{ "type: integer\nminimum: 0", "0", NULL },
	{ "type: integer\nminimum: 0", "-1", "below the minimum 0" },
	{ "type: integer\nmaximum: 10", "11", "above the maximum 10" },
	{ "type: number\nmaximum: 1.5", "1.5", NULL },
	/* minLength, maxLength: characters, not bytes */
	{ "type: string\nmaxLength: 3", "練馬区", NULL },
	{ "type: string\nmaxLength: 3", "練馬区役所", "longer than 3" },
	{ "type: string\nminLength: 1", "\"\"", "shorter than 1 character" },
	/* counted eight bytes at a time, 2-, 3- and 4-byte characters */
	{ "type: string\nmaxLength: 14", "\"é練🙂a é練🙂a é練🙂a\"", NULL },
	{ "type: string\nmaxLength: 13", "\"é練🙂a é練🙂a é練🙂a\"",
	    "longer than 13 characters (14)" },
	{ "type: string\nminLength: 15", "\"é練🙂a é練🙂a é練🙂a\"",
	    "shorter than 15 characters" },
	{ "type: string\nmaxLength: 2", "\"\\x80\\u3042\"", NULL },
	{ "type: string\nmaxLength: 1", "\"\\x80\\u3042\"", "longer than 1" },
	/* items, minItems, maxItems */
	{ "type: array\nitems: {type: integer}", "[1, 2]", NULL },
	{ "type: array\nitems: {type: integer, title: 数}", "[1, x]",
	    "[2] (数): expected a whole number" },
	{ "type: array\nminItems: 1", "[]", "at least 1 item" },
	{ "type: array\nmaxItems: 1", "[1, 2]", "at most 1 allowed" },
	/* $ref and $defs, local and across files */
	{ "$defs:\n  d: {type: string, format: date}\n$ref: \"#/$defs/d\"",
	    "2026-04-01", NULL },
	{ "$defs:\n  d: {type: string, format: date}\n$ref: \"#/$defs/d\"",
	    "x", "expected a date" },
	{ "$ref: \"other.yaml#/$defs/yen\"", "100", NULL },
	{ "$ref: \"other.yaml#/$defs/yen\"", "-100", "below the minimum 0" },
	{ "type: object\nproperties:\n  cost:\n    title: 経費\n"
	    "    $ref: \"other.yaml#/$defs/yen\"", "{cost: x}",
	    "cost (経費): expected a whole number" },
	/* title and description are annotations only */
	{ "title: 件名\ndescription: 説明", "anything", NULL },
	/* default is used on create, not in validation */
	{ "type: string\ndefault: x", "y", NULL },
};

static void
test_keywords(void **state)
{
	struct schemaset	*set;
	struct diags		 d = DIAGS_INIT, pd = DIAGS_INIT;
	struct ydoc		*doc;
	const char		*dirs[1] = { tmpdir };
	char			 text[1024];
	size_t			 i, k;
	int			 rc;

	(void)state;
	write_file("other.yaml", "x-kind: other\n$defs:\n"
	    "  yen: {type: integer, minimum: 0}\n");
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		snprintf(text, sizeof text, "x-kind: t\n%s\n", cases[i].schema);
		write_file("t.yaml", text);
		rc = schemaset_load(&set, dirs, 1, &d);
		if (rc != 0)
			fail_msg("case %zu: schema: %s (%s)", i, error_last(),
			    d.n ? d.v[0].msg : "");
		snprintf(text, sizeof text, "v: %s\n", cases[i].value);
		assert_int_equal(ydoc_parse(&doc, text, strlen(text), "i",
		    &d), 0);
		rc = schema_validate(schemaset_kind(set, "t"),
		    node_get(ydoc_root(doc), "v"), "i.yaml", &d, NULL);
		/* A tree as the reader gave it: the same problems. */
		assert_int_equal(schema_validate_parsed(schemaset_kind(set,
		    "t"), node_get(ydoc_root(doc), "v"), "i.yaml", &pd, NULL),
		    rc);
		assert_int_equal(pd.n, d.n);
		for (k = 0; k < d.n; k++) {
			assert_string_equal(pd.v[k].msg, d.v[k].msg);
			assert_int_equal(pd.v[k].line, d.v[k].line);
			assert_int_equal(pd.v[k].col, d.v[k].col);
		}
		diags_free(&pd);
		if (cases[i].error == NULL && rc != 0)
			fail_msg("case %zu: '%s' against '%s': unexpected %s",
			    i, cases[i].value, cases[i].schema, d.v[0].msg);
		if (cases[i].error != NULL) {
			if (rc != NC_ESCHEMA)
				fail_msg("case %zu: '%s' against '%s' passed",
				    i, cases[i].value, cases[i].schema);
			for (k = 0; k < d.n; k++) {
				if (strstr(d.v[k].msg, cases[i].error) != NULL)
					break;
			}
			if (k == d.n)
				fail_msg("case %zu: want '%s', got '%s'", i,
				    cases[i].error, d.v[0].msg);
			assert_string_equal(d.v[0].path, "i.yaml");
			assert_int_equal(d.v[0].line, 1);
		}
		diags_free(&d);
		ydoc_free(doc);
		schemaset_free(set);
	}
}

/* Problems in the schema files themselves, with positions. */
static void
test_bad_schemas(void **state)
{
	static const struct {
		const char	*body;
		const char	*error;
	} bad[] = {
		{ "type: strng", "unknown type 'strng'" },
		{ "pattern: \"[\"", "bad pattern" },
		{ "$ref: \"#/$defs/none\"", "names no definition" },
		{ "$ref: \"nofile.yaml#/$defs/x\"", "unknown schema file" },
		{ "minLength: -1", "whole number" },
		{ "properties: [a]", "must be a mapping" },
	};
	struct schemaset	*set;
	struct diags		 d = DIAGS_INIT;
	const char		*dirs[1] = { tmpdir };
	char			 text[512];
	size_t			 i;

	(void)state;
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		snprintf(text, sizeof text, "x-kind: t\n%s\n", bad[i].body);
		write_file("t.yaml", text);
		assert_int_not_equal(schemaset_load(&set, dirs, 1, &d), 0);
		assert_null(set);
		assert_true(d.n > 0);
		if (strstr(d.v[0].msg, bad[i].error) == NULL)
			fail_msg("case %zu: want %s got %s", i, bad[i].error,
			    d.v[0].msg);
		assert_int_equal(d.v[0].line, 2);
		diags_free(&d);
	}
}

/* Keys in schema order on write; types decide quoting. */
static void
test_normalize(void **state)
{
	static const char	 in[] =
	    "extra: 1\nnote: \"plain\"\nwhen: \"2026-04-01\"\nn: 5\n"
	    "word: no\nflag: true\nlabel: 2026-04-01\n";
	static const char	 want[] =
	    "\"n\": 5\nwhen: 2026-04-01\nflag: true\nword: \"no\"\n"
	    "label: \"2026-04-01\"\nnote: plain\nextra: 1\n";
	struct schemaset	*set;
	struct ydoc		*doc;
	struct buf		 out = BUF_INIT;
	const char		*dirs[1] = { tmpdir };

	(void)state;
	write_file("t.yaml", "x-kind: t\ntype: object\nproperties:\n"
	    "  n: {type: integer}\n  when: {type: string, format: date}\n"
	    "  flag: {type: boolean}\n  word: {type: string}\n"
	    "  label: {type: string}\n  note: {type: string}\n");
	assert_int_equal(schemaset_load(&set, dirs, 1, NULL), 0);
	assert_int_equal(ydoc_parse(&doc, in, sizeof in - 1, "n", NULL), 0);
	assert_int_equal(schema_normalize(schemaset_kind(set, "t"),
	    ydoc_root(doc)), 0);
	assert_int_equal(node_emit(&out, ydoc_root(doc)), 0);
	assert_string_equal(out.data, want);
	buf_free(&out);
	ydoc_free(doc);
	schemaset_free(set);
}

/* Kind annotations and a later directory replacing a file. */
/* Plain scalars typed by the YAML 1.2 core schema, by first character. */
static void
test_scalar_types(void **state)
{
	static const struct {
		const char	*text;
		unsigned	 type;
	} t[] = {
		{ "", SCHEMA_T_NULL }, { "~", SCHEMA_T_NULL },
		{ "~x", SCHEMA_T_STRING }, { "null", SCHEMA_T_NULL },
		{ "Null", SCHEMA_T_NULL }, { "NULL", SCHEMA_T_NULL },
		{ "nULL", SCHEMA_T_STRING }, { "nulls", SCHEMA_T_STRING },
		{ "no", SCHEMA_T_STRING }, { "true", SCHEMA_T_BOOLEAN },
		{ "True", SCHEMA_T_BOOLEAN }, { "TRUE", SCHEMA_T_BOOLEAN },
		{ "false", SCHEMA_T_BOOLEAN }, { "False", SCHEMA_T_BOOLEAN },
		{ "FALSE", SCHEMA_T_BOOLEAN }, { "tRUE", SCHEMA_T_STRING },
		{ "fa", SCHEMA_T_STRING }, { "0", SCHEMA_T_INTEGER },
		{ "-12", SCHEMA_T_INTEGER }, { "+7", SCHEMA_T_INTEGER },
		{ "0o17", SCHEMA_T_INTEGER }, { "0o18", SCHEMA_T_STRING },
		{ "0o", SCHEMA_T_STRING }, { "0x1fA", SCHEMA_T_INTEGER },
		{ "0xg", SCHEMA_T_STRING }, { "0x", SCHEMA_T_STRING },
		{ "1.5", SCHEMA_T_NUMBER }, { ".5", SCHEMA_T_NUMBER },
		{ "1.", SCHEMA_T_NUMBER }, { "-1e3", SCHEMA_T_NUMBER },
		{ "1e", SCHEMA_T_STRING }, { ".inf", SCHEMA_T_NUMBER },
		{ "-.Inf", SCHEMA_T_NUMBER }, { "+.INF", SCHEMA_T_NUMBER },
		{ ".nan", SCHEMA_T_NUMBER }, { ".NaN", SCHEMA_T_NUMBER },
		{ "-.nan", SCHEMA_T_STRING }, { ".", SCHEMA_T_STRING },
		{ "-", SCHEMA_T_STRING }, { "2026-04-01", SCHEMA_T_STRING },
		{ "12:30", SCHEMA_T_STRING }, { "abc", SCHEMA_T_STRING },
		{ "練馬", SCHEMA_T_STRING },
	};
	struct ydoc	*doc;
	struct node	*n;
	size_t		 i;

	(void)state;
	assert_non_null(doc = ydoc_new());
	for (i = 0; i < sizeof t / sizeof t[0]; i++) {
		assert_non_null(n = node_str(doc, t[i].text));
		n->style = NODE_STYLE_PLAIN;
		if (schema_scalar_type(n) != t[i].type)
			fail_msg("'%s': type %#x, want %#x", t[i].text,
			    schema_scalar_type(n), t[i].type);
		n->style = NODE_STYLE_QUOTED;
		assert_int_equal(schema_scalar_type(n), SCHEMA_T_STRING);
	}
	ydoc_free(doc);
}

static void
test_kinds(void **state)
{
	char			 dir2[] = "/tmp/ncio-schema2-XXXXXX";
	const char		*dirs[2] = { tmpdir, dir2 };
	struct schemaset	*set;
	const struct schema	*k;
	char			 path[512];
	FILE			*fp;

	(void)state;
	assert_non_null(mkdtemp(dir2));
	write_file("t.yaml", "x-kind: review\nx-dir: reviews\n"
	    "x-id-prefix: rv\nx-fy-field: received\nx-title-field: title\n"
	    "x-columns: [id, title]\ntype: object\nproperties:\n"
	    "  id: {type: string, title: ID}\n  title: {type: string}\n");
	snprintf(path, sizeof path, "%s/other.yaml", dir2);
	fp = fopen(path, "w");
	fputs("x-kind: other2\n", fp);
	fclose(fp);
	assert_int_equal(schemaset_load(&set, dirs, 2, NULL), 0);
	assert_int_equal(schemaset_nkinds(set), 1);
	k = schemaset_kind(set, "review");
	assert_non_null(k);
	assert_string_equal(schema_dir(k), "reviews");
	assert_string_equal(schema_id_prefix(k), "rv");
	assert_string_equal(schema_fy_field(k), "received");
	assert_int_equal(schema_ncolumns(k), 2);
	assert_string_equal(schema_column(k, 1), "title");
	assert_string_equal(schema_title(schema_prop(k, "id")), "ID");
	assert_ptr_equal(schemaset_by_prefix(set, "rv", 2), k);
	assert_null(schemaset_kind(set, "other"));
	assert_non_null(schemaset_kind(set, "other2"));
	schemaset_free(set);
	unlink(path);
	rmdir(dir2);
}

static int
setup(void **state)
{
	(void)state;
	return mkdtemp(tmpdir) == NULL ? -1 : 0;
}

static int
teardown(void **state)
{
	char	path[512];

	(void)state;
	snprintf(path, sizeof path, "%s/t.yaml", tmpdir);
	unlink(path);
	snprintf(path, sizeof path, "%s/other.yaml", tmpdir);
	unlink(path);
	return rmdir(tmpdir);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_keywords),
		cmocka_unit_test(test_bad_schemas),
		cmocka_unit_test(test_normalize),
		cmocka_unit_test(test_kinds),
		cmocka_unit_test(test_scalar_types),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
