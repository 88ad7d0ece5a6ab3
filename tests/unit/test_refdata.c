/*
 * Reference data (lib/core/refdata.c): the config and the organisations,
 * read once per store; lookups by code, by name, ambiguity, the 部 of a
 * 課, the My Number flag, headcounts, members; a missing orgs.yaml.
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

#include "error.h"
#include "refdata.h"
#include "store.h"

static char	root[] = "/tmp/ncio-refdata-XXXXXX";

static const char config[] =
    "ward: 練馬区\n"
    "contractor: 株式会社架空\n"
    "contract:\n  title: 業務委託\n  fiscal_years: [2026]\n"
    "documents:\n  author: 架空 太郎\n"
    "members:\n"
    "  - id: kakuu-taro\n    name: 架空 太郎\n    role: cio-advisor\n"
    "  - id: mihon-hanako\n    name: 見本 花子\n    role: ciso-advisor\n";

static const char orgs[] =
    "departments:\n"
    "  - code: kikaku-bu\n    name: 企画部\n    divisions:\n"
    "      - code: johoseisaku\n        name: 情報政策課\n"
    "        headcount: 24\n"
    "      - code: shomu-a\n        name: 庶務係\n"
    "  - code: kumin-bu\n    name: 区民部\n    divisions:\n"
    "      - code: koseki\n        name: 戸籍住民課\n"
    "        handles_my_number: true\n"
    "      - code: shomu-b\n        name: 庶務係\n"
    "        kind: office\n        operated_by: contractor\n";

static void
put(const char *rel, const char *text)
{
	char	 path[512];
	FILE	*fp;

	snprintf(path, sizeof path, "%s/%s", root, rel);
	assert_non_null(fp = fopen(path, "w"));
	fputs(text, fp);
	fclose(fp);
}

static int
setup(void **state)
{
	(void)state;
	if (mkdtemp(root) == NULL)
		return -1;
	put(STORE_MARKER, config);
	put(STORE_ORGS, orgs);
	return 0;
}

static int
teardown(void **state)
{
	char	path[512];

	(void)state;
	snprintf(path, sizeof path, "%s/%s", root, STORE_MARKER);
	unlink(path);
	snprintf(path, sizeof path, "%s/%s", root, STORE_ORGS);
	unlink(path);
	rmdir(root);
	return 0;
}

/* Lookups by text: what each finds, or the error and its message. */
static const struct {
	const char	*text;
	const char	*code;		/* NULL: refused */
	int		 err;
	const char	*msg;
} finds[] = {
	{ "johoseisaku", "johoseisaku", 0, NULL },
	{ "情報政策課", "johoseisaku", 0, NULL },
	{ "企画部", "kikaku-bu", 0, NULL },
	{ "kumin-bu", "kumin-bu", 0, NULL },
	{ "戸籍住民課", "koseki", 0, NULL },
	{ "shomu-b", "shomu-b", 0, NULL },
	{ "庶務係", NULL, NC_EAMBIGUOUS, "names several organisations" },
	{ "保育課", NULL, NC_ENOTFOUND, "neither an organisation code" },
	{ "", NULL, NC_ENOTFOUND, "orgs.yaml" },
};

static void
test_orgs(void **state)
{
	struct store			*st;
	const struct refdata		*rd, *again;
	const struct refdata_org	*o;
	size_t				 i;
	int				 rc;

	(void)state;
	assert_int_equal(store_open(&st, root), 0);
	assert_int_equal(store_refdata(&rd, st), 0);
	assert_int_equal(refdata_orgs_ok(rd), 0);
	/* Once per store. */
	assert_int_equal(store_refdata(&again, st), 0);
	assert_ptr_equal(rd, again);
	for (i = 0; i < sizeof finds / sizeof finds[0]; i++) {
		rc = refdata_org_find(&o, rd, finds[i].text);
		if (finds[i].code != NULL) {
			if (rc != 0)
				fail_msg("'%s': %s", finds[i].text,
				    error_last());
			assert_string_equal(o->code, finds[i].code);
			continue;
		}
		assert_int_equal(rc, finds[i].err);
		assert_null(o);
		assert_non_null(strstr(error_last(), finds[i].msg));
	}
	/* 部 and 課 in file order, each 課 with its 部. */
	assert_int_equal(refdata_ndepts(rd), 2);
	assert_int_equal(refdata_ndivisions(rd), 4);
	o = refdata_division_at(rd, 2);
	assert_string_equal(o->code, "koseki");
	assert_int_equal(o->index, 2);
	assert_string_equal(o->dept->name, "区民部");
	assert_int_equal(o->dept->index, 1);
	assert_int_equal(o->my_number, 1);
	assert_int_equal(o->headcount, -1);
	assert_string_equal(o->kind, "division");
	assert_string_equal(o->operated_by, "direct");
	assert_int_equal(refdata_org(&o, rd, "johoseisaku"), 0);
	assert_int_equal(o->headcount, 24);
	assert_int_equal(o->my_number, 0);
	assert_int_equal(refdata_org(&o, rd, "shomu-b"), 0);
	assert_string_equal(o->kind, "office");
	assert_string_equal(o->operated_by, "contractor");
	assert_int_equal(refdata_org(&o, rd, "kikaku-bu"), 0);
	assert_null(o->dept);
	assert_int_equal(refdata_org(&o, rd, "情報政策課"), NC_ENOTFOUND);
	/* The store's own lookups answer from the same data. */
	{
		const char *name, *dept, *code;

		assert_int_equal(store_org(&name, &dept, st, "koseki"), 0);
		assert_string_equal(name, "戸籍住民課");
		assert_string_equal(dept, "区民部");
		assert_int_equal(store_org_find(&code, st, "情報政策課"), 0);
		assert_string_equal(code, "johoseisaku");
	}
	store_free(st);
}

static void
test_config_members(void **state)
{
	struct store			*st;
	const struct refdata		*rd;
	const struct refdata_member	*m;
	const struct node		*conf;
	const char			*id;

	(void)state;
	assert_int_equal(store_open(&st, root), 0);
	assert_int_equal(store_refdata(&rd, st), 0);
	assert_int_equal(refdata_config(&conf, rd), 0);
	assert_string_equal(node_get_str(conf, "ward"), "練馬区");
	assert_string_equal(refdata_config_str(rd, "documents.author"),
	    "架空 太郎");
	assert_string_equal(refdata_config_str(rd, "contract.title"),
	    "業務委託");
	assert_null(refdata_config_str(rd, "documents.sender"));
	assert_null(refdata_config_str(rd, "nosuch.key"));
	assert_int_equal(refdata_nmembers(rd), 2);
	assert_int_equal(refdata_member(&m, rd, "mihon-hanako"), 0);
	assert_string_equal(m->role, "ciso-advisor");
	assert_int_equal(refdata_member(&m, rd, "見本 花子"), NC_ENOTFOUND);
	assert_int_equal(refdata_member_find(&m, rd, "見本 花子"), 0);
	assert_string_equal(m->id, "mihon-hanako");
	assert_int_equal(refdata_member_find(&m, rd, "nobody"), NC_ENOTFOUND);
	assert_non_null(strstr(error_last(), "nerima-cio.yaml"));
	assert_int_equal(store_member_find(&id, st, "架空 太郎"), 0);
	assert_string_equal(id, "kakuu-taro");
	store_free(st);
}

/* Without orgs.yaml: the config still answers, orgs say why not. */
static void
test_missing_orgs(void **state)
{
	struct store			*st;
	const struct refdata		*rd;
	const struct refdata_org	*o;
	char				 path[512];

	(void)state;
	snprintf(path, sizeof path, "%s/%s", root, STORE_ORGS);
	assert_int_equal(rename(path, "/tmp/ncio-refdata-orgs.yaml"), 0);
	assert_int_equal(store_open(&st, root), 0);
	assert_int_equal(store_refdata(&rd, st), 0);
	assert_int_not_equal(refdata_orgs_ok(rd), 0);
	assert_non_null(strstr(error_last(), STORE_ORGS));
	assert_int_equal(refdata_ndivisions(rd), 0);
	assert_int_equal(refdata_org_find(&o, rd, "koseki"), NC_ENOTFOUND);
	assert_string_equal(refdata_config_str(rd, "ward"), "練馬区");
	store_free(st);
	assert_int_equal(rename("/tmp/ncio-refdata-orgs.yaml", path), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_orgs),
		cmocka_unit_test(test_config_members),
		cmocka_unit_test(test_missing_orgs),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
