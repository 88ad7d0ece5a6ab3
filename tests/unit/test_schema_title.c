/*
 * Titles in the user's language (issue 16 point 1): schema_ui_title()
 * gives x-title-en unless messages are Japanese, schema_title_in() the
 * one asked for, schema_title() always the ward's Japanese.
 */
#include <sys/stat.h>

#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "diag.h"
#include "i18n.h"
#include "node.h"
#include "progdir.h"
#include "schema.h"

static char	tmpdir[] = "/tmp/test_schema_title.XXXXXX";
static char	sdir[64];

static void
write_file(const char *name, const char *text)
{
	char	 path[256];
	FILE	*fp;

	snprintf(path, sizeof path, "%s/%s", sdir, name);
	assert_non_null(fp = fopen(path, "w"));
	fputs(text, fp);
	assert_int_equal(fclose(fp), 0);
}

static int
setup(void **state)
{
	(void)state;
	if (mkdtemp(tmpdir) == NULL)
		return -1;
	snprintf(sdir, sizeof sdir, "%s/schemas", tmpdir);
	if (mkdir(sdir, 0755) != 0)
		return -1;
	write_file("common.yaml", "$defs:\n"
	    "  day:\n    title: 日付\n    x-title-en: Date\n"
	    "    type: string\n    format: date\n");
	write_file("k.yaml", "x-kind: k\nx-dir: ks\nx-id-prefix: kk\n"
	    "title: 記録\nx-title-en: Record\ntype: object\nproperties:\n"
	    "  received:\n    title: 受付日\n    x-title-en: Received\n"
	    "    $ref: common.yaml#/$defs/day\n"
	    /* its own title, no English: the title, not its $ref's */
	    "  closed:\n    title: 終結日\n    $ref: common.yaml#/$defs/day\n"
	    /* no title of its own: its $ref's, in both languages */
	    "  when:\n    $ref: common.yaml#/$defs/day\n"
	    "  note:\n    type: string\n"
	    "  items:\n    title: 項目一覧\n    x-title-en: Items\n"
	    "    type: array\n    items:\n"
	    "      title: 項目\n      x-title-en: Item\n"
	    "      type: object\n      properties:\n"
	    "        text:\n          title: 内容\n"
	    "          x-title-en: Text\n          type: string\n");
	return 0;
}

static int
teardown(void **state)
{
	char	cmd[128];

	(void)state;
	if (getenv("NCIO_TEST_KEEP") == NULL) {
		snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
		return system(cmd) == 0 ? 0 : -1;
	}
	return 0;
}

static void
test_title_in(void **state)
{
	static const struct {
		const char	*path;
		const char	*ja;
		const char	*en;
	} t[] = {
		{ "received", "受付日", "Received" },
		{ "closed", "終結日", "終結日" },
		{ "when", "日付", "Date" },
		{ "note", NULL, NULL },
		{ "items", "項目一覧", "Items" },
		{ "items.text", "内容", "Text" },
	};
	struct schemaset	*set;
	const struct schema	*k, *s;
	const char		*dirs[1] = { sdir };
	size_t			 i;

	(void)state;
	assert_int_equal(schemaset_load(&set, dirs, 1, NULL), 0);
	assert_non_null(k = schemaset_kind(set, "k"));
	assert_string_equal(schema_title_in(k, 0), "Record");
	assert_string_equal(schema_title_in(k, 1), "記録");
	for (i = 0; i < sizeof t / sizeof t[0]; i++) {
		assert_non_null(s = schema_at(k, t[i].path));
		if (t[i].ja == NULL) {
			assert_null(schema_title_in(s, 1));
			assert_null(schema_title_in(s, 0));
			continue;
		}
		assert_string_equal(schema_title_in(s, 1), t[i].ja);
		assert_string_equal(schema_title_in(s, 0), t[i].en);
		/* Documents: the title, whatever the language. */
		assert_string_equal(schema_title(s), t[i].ja);
	}
	assert_null(schema_title_in(NULL, 0));
	assert_null(schema_ui_title(NULL));
	schemaset_free(set);
}

/*
 * The shipped schemas: every field of every record kind has an English
 * title, plain ASCII, different from the Japanese one where that is not
 * ASCII itself (tests/py/check_schemas.py says which titles lack it).
 */
static void
check_fields(const struct schema *s, int depth)
{
	const struct schema	*p;
	const char		*ja, *en;
	size_t			 i;

	if (depth > 8 || s == NULL)
		return;
	s = schema_resolve(s);
	if (schema_items(s) != NULL)
		check_fields(schema_items(s), depth + 1);
	for (i = 0; i < schema_nprops(s); i++) {
		p = schema_prop_at(s, i, NULL);
		ja = schema_title_in(p, 1);
		en = schema_title_in(p, 0);
		assert_non_null(ja);
		assert_non_null(en);
		for (const char *c = en; *c != '\0'; c++)
			assert_true((unsigned char)*c < 0x80);
		check_fields(p, depth + 1);
	}
}

static void
test_shipped(void **state)
{
	struct schemaset	*set;
	const struct schema	*k;
	const char		*dirs[1] = { NCIO_SOURCE_DIR "/schemas" };
	size_t			 i;

	(void)state;
	assert_int_equal(schemaset_load(&set, dirs, 1, NULL), 0);
	assert_true(schemaset_nkinds(set) > 10);
	for (i = 0; i < schemaset_nkinds(set); i++)
		check_fields(schemaset_kind_at(set, i), 0);
	k = schemaset_kind(set, "review");
	assert_string_equal(schema_title_in(schema_at(k, "received"), 0),
	    "Received");
	assert_string_equal(schema_title_in(schema_at(k, "ref_no"), 1),
	    "受付番号");
	assert_string_equal(schema_title_in(schema_at(k, "ref_no"), 0),
	    "Ref. no.");
	schemaset_free(set);
}

/*
 * schema_ui_title() follows the message catalogue in use: English with
 * none (the tests run under C.UTF-8), Japanese under ja_JP.UTF-8 with the
 * build's catalogue.
 */
static void
test_ui_locale(void **state)
{
	struct schemaset	*set;
	const struct schema	*k;
	const char		*dirs[1] = { NCIO_SOURCE_DIR "/schemas" };
	char			*dir, mo[4096];
	struct stat		 st;

	(void)state;
	assert_int_equal(schemaset_load(&set, dirs, 1, NULL), 0);
	k = schemaset_kind(set, "review");
	setlocale(LC_ALL, "C.UTF-8");
	assert_int_equal(i18n_japanese(), 0);
	assert_string_equal(schema_ui_title(schema_at(k, "received")),
	    "Received");
	/* The build's catalogue, beside the tests' folder. */
	if ((dir = progdir_find("../locale")) == NULL) {
		schemaset_free(set);
		skip();
	}
	snprintf(mo, sizeof mo, "%s/ja/LC_MESSAGES/%s.mo", dir,
	    NCIO_TEXTDOMAIN);
	if (stat(mo, &st) != 0 || setlocale(LC_ALL, "ja_JP.UTF-8") == NULL) {
		free(dir);
		schemaset_free(set);
		skip();
	}
	unsetenv("LANGUAGE");
	bindtextdomain(NCIO_TEXTDOMAIN, dir);
	bind_textdomain_codeset(NCIO_TEXTDOMAIN, "UTF-8");
	textdomain(NCIO_TEXTDOMAIN);
	assert_int_equal(i18n_japanese(), 1);
	assert_string_equal(schema_ui_title(schema_at(k, "received")),
	    "受付日");
	/* and back */
	setlocale(LC_ALL, "C.UTF-8");
	assert_int_equal(i18n_japanese(), 0);
	assert_string_equal(schema_ui_title(schema_at(k, "received")),
	    "Received");
	free(dir);
	schemaset_free(set);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_title_in),
		cmocka_unit_test(test_shipped),
		cmocka_unit_test(test_ui_locale),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
