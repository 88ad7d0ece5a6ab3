/*
 * The schema files' parse cache (issue 15, lib/core/schema_cache.c): a
 * file read back from the cache gives the reader's tree exactly; a schema
 * changed on disk is never served from the cache, not even with its size
 * and time kept; a damaged, foreign or unwritable cache falls back to
 * parsing; a data directory's own schemas win; the directory stays
 * bounded.
 */
#include <sys/stat.h>

#include <dirent.h>
#include <fcntl.h>
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
#include "error.h"
#include "node.h"
#include "schema.h"
#include "schema_cache.h"

static char	tmpdir[] = "/tmp/test_schema_cache.XXXXXX";
static char	sdir[128], odir[128], cdir[128], edir[192];

static void
write_at(const char *dir, const char *name, const char *text)
{
	char	 path[256];
	FILE	*fp;

	snprintf(path, sizeof path, "%s/%s", dir, name);
	assert_non_null(fp = fopen(path, "w"));
	fputs(text, fp);
	assert_int_equal(fclose(fp), 0);
}

static const char common_yaml[] =
    "$defs:\n"
    "  code:\n"
    "    type: string\n"
    "    pattern: \"^[A-Z]{2}[0-9]{3}$\"\n"
    "  yen: {type: integer, minimum: 0}\n";

static const char a_yaml[] =
    "x-kind: a\nx-dir: as\nx-id-prefix: aa\n"
    "type: object\n"
    "additionalProperties: false\n"
    "properties:\n"
    "  status:\n"
    "    type: string\n"
    "    enum: [open, done]\n"
    "    x-enum-titles: {open: 対応中, done: 完了}\n"
    "  code: {$ref: \"common.yaml#/$defs/code\"}\n"
    "  cost: {$ref: \"common.yaml#/$defs/yen\"}\n";

static void
reset(void)
{
	char	cmd[1024];

	snprintf(cmd, sizeof cmd, "rm -rf '%s' '%s' '%s' && mkdir -p '%s' '%s'",
	    sdir, odir, cdir, sdir, odir);
	assert_int_equal(system(cmd), 0);
	write_at(sdir, "common.yaml", common_yaml);
	write_at(sdir, "a.yaml", a_yaml);
	assert_int_equal(setenv("XDG_CACHE_HOME", cdir, 1), 0);
	assert_int_equal(unsetenv("NCIO_SCHEMA_CACHE"), 0);
}

static int
setup(void **state)
{
	(void)state;
	if (mkdtemp(tmpdir) == NULL)
		return -1;
	snprintf(sdir, sizeof sdir, "%s/schemas", tmpdir);
	snprintf(odir, sizeof odir, "%s/data/schemas", tmpdir);
	snprintf(cdir, sizeof cdir, "%s/cache", tmpdir);
	snprintf(edir, sizeof edir, "%s/nerima-cio/schemas", cdir);
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

/* The cache entries, or -1 when there is no cache directory. */
static int
nentries(void)
{
	DIR		*dp;
	struct dirent	*de;
	int		 n = 0;

	if ((dp = opendir(edir)) == NULL)
		return -1;
	while ((de = readdir(dp)) != NULL)
		if (strstr(de->d_name, ".ncsc") != NULL)
			n++;
	closedir(dp);
	return n;
}

/*
 * Open the set over dirs, need kind (NULL: all), validate the record text
 * against kind a, and return the number of problems; *cached the files
 * read from the cache.
 */
static size_t
check(const char *const *dirs, size_t ndirs, const char *kind,
    const char *record, size_t *cached, char *first, size_t firstlen)
{
	struct schemaset	*set;
	struct diags		 d = DIAGS_INIT;
	struct ydoc		*doc;
	size_t			 n;

	assert_int_equal(schemaset_open(&set, dirs, ndirs), 0);
	if (schemaset_need(set, kind, &d) != 0)
		fail_msg("schemas: %s (%s)", error_last(),
		    d.n ? d.v[0].msg : "");
	assert_int_equal(ydoc_parse(&doc, record, strlen(record), "r.yaml",
	    &d), 0);
	(void)schema_validate_parsed(schemaset_kind(set, "a"), ydoc_root(doc),
	    "r.yaml", &d, NULL);
	n = d.n;
	if (first != NULL)
		snprintf(first, firstlen, "%s", d.n ? d.v[0].msg : "");
	*cached = schemaset_cached(set);
	ydoc_free(doc);
	diags_free(&d);
	schemaset_free(set);
	return n;
}

static const char good[] = "status: open\ncode: AB123\ncost: 5\n";

/* A kind alone, with the common.yaml its $refs name, from the cache. */
static void
test_hit_and_refs(void **state)
{
	const char	*dirs[1] = { sdir };
	size_t		 cached;

	(void)state;
	reset();
	assert_int_equal(check(dirs, 1, "a", good, &cached, NULL, 0), 0);
	assert_int_equal(cached, 0);
	assert_int_equal(nentries(), 2);
	assert_int_equal(check(dirs, 1, "a", good, &cached, NULL, 0), 0);
	assert_int_equal(cached, 2);
	/* The $ref'd pattern and minimum still apply. */
	assert_int_equal(check(dirs, 1, "a", "status: open\ncode: ab123\n"
	    "cost: -1\n", &cached, NULL, 0), 2);
	assert_int_equal(cached, 2);
	assert_int_equal(check(dirs, 1, "a", "status: shut\n", &cached, NULL,
	    0), 1);
	/* Everything at once, from the cache too. */
	assert_int_equal(check(dirs, 1, NULL, good, &cached, NULL, 0), 0);
	assert_int_equal(cached, 2);
}

/* Same size, same time, other bytes: parsed again, the change seen. */
static void
test_changed_file(void **state)
{
	const char	*dirs[1] = { sdir };
	char		 path[256], text[sizeof a_yaml], *p;
	struct stat	 st;
	struct timespec	 ts[2];
	size_t		 cached;

	(void)state;
	reset();
	assert_int_equal(check(dirs, 1, "a", good, &cached, NULL, 0), 0);
	assert_int_equal(check(dirs, 1, "a", good, &cached, NULL, 0), 0);
	assert_int_equal(cached, 2);
	snprintf(path, sizeof path, "%s/a.yaml", sdir);
	assert_int_equal(stat(path, &st), 0);
	memcpy(text, a_yaml, sizeof a_yaml);
	assert_non_null(p = strstr(text, "[open, done]"));
	memcpy(p, "[shut, done]", 12);
	write_at(sdir, "a.yaml", text);
	ts[0] = st.st_atim;
	ts[1] = st.st_mtim;
	assert_int_equal(utimensat(AT_FDCWD, path, ts, 0), 0);
	assert_int_equal(check(dirs, 1, "a", good, &cached, NULL, 0), 1);
	assert_int_equal(cached, 1);	/* common.yaml only */
	assert_int_equal(check(dirs, 1, "a", "status: shut\ncode: AB123\n",
	    &cached, NULL, 0), 0);
	assert_int_equal(cached, 2);
	/* A change in the file a $ref names is seen as well. */
	write_at(sdir, "common.yaml", "$defs:\n  code: {type: string,"
	    " pattern: \"^[a-z]{2}[0-9]{3}$\"}\n  yen: {type: integer}\n");
	assert_int_equal(check(dirs, 1, "a", "status: shut\ncode: ab123\n"
	    "cost: -1\n", &cached, NULL, 0), 0);
	assert_int_equal(cached, 1);
	/* And back: the first entries serve again. */
	write_at(sdir, "a.yaml", a_yaml);
	write_at(sdir, "common.yaml", common_yaml);
	assert_int_equal(check(dirs, 1, "a", good, &cached, NULL, 0), 0);
	assert_int_equal(cached, 2);
}

static void
each_entry(void (*fn)(const char *path))
{
	DIR		*dp;
	struct dirent	*de;
	char		 path[512];

	assert_non_null(dp = opendir(edir));
	while ((de = readdir(dp)) != NULL) {
		if (strstr(de->d_name, ".ncsc") == NULL)
			continue;
		snprintf(path, sizeof path, "%s/%s", edir, de->d_name);
		fn(path);
	}
	closedir(dp);
}

static long
file_size(const char *path)
{
	struct stat	st;

	assert_int_equal(stat(path, &st), 0);
	return (long)st.st_size;
}

/* One byte of the tree changed: a key's text, say. */
static void
flip_last(const char *path)
{
	FILE	*fp;
	long	 size = file_size(path);
	int	 c;

	assert_non_null(fp = fopen(path, "r+b"));
	assert_int_equal(fseek(fp, size - 3, SEEK_SET), 0);
	c = fgetc(fp);
	assert_int_equal(fseek(fp, size - 3, SEEK_SET), 0);
	fputc(c ^ 0x01, fp);
	assert_int_equal(fclose(fp), 0);
}

static void
truncate_half(const char *path)
{
	assert_int_equal(truncate(path, file_size(path) / 2), 0);
}

static void
garbage(const char *path)
{
	FILE	*fp;

	assert_non_null(fp = fopen(path, "wb"));
	fputs("ncioSC2\nno", fp);
	assert_int_equal(fclose(fp), 0);
}

static void
test_damaged(void **state)
{
	void		(*damage[])(const char *) = {
		flip_last, truncate_half, garbage,
	};
	const char	*dirs[1] = { sdir };
	char		 msg[256], msg0[256];
	size_t		 cached, i;

	(void)state;
	reset();
	assert_int_equal(check(dirs, 1, "a", "code: x\n", &cached, msg0,
	    sizeof msg0), 1);
	for (i = 0; i < sizeof damage / sizeof damage[0]; i++) {
		each_entry(damage[i]);
		assert_int_equal(check(dirs, 1, "a", "code: x\n", &cached,
		    msg, sizeof msg), 1);
		assert_int_equal(cached, 0);
		assert_string_equal(msg, msg0);
		/* Written again whole. */
		assert_int_equal(check(dirs, 1, "a", "code: x\n", &cached,
		    msg, sizeof msg), 1);
		assert_int_equal(cached, 2);
		assert_string_equal(msg, msg0);
	}
}

/* No directory can be made, or the cache is switched off: parsed. */
static void
test_no_cache(void **state)
{
	const char	*dirs[1] = { sdir };
	char		 file[256];
	size_t		 cached;

	(void)state;
	reset();
	snprintf(file, sizeof file, "%s/a.yaml", sdir);
	assert_int_equal(setenv("XDG_CACHE_HOME", file, 1), 0);
	assert_int_equal(check(dirs, 1, "a", good, &cached, NULL, 0), 0);
	assert_int_equal(check(dirs, 1, "a", "status: x\n", &cached, NULL,
	    0), 1);
	assert_int_equal(cached, 0);
	assert_int_equal(setenv("XDG_CACHE_HOME", cdir, 1), 0);
	assert_int_equal(setenv("NCIO_SCHEMA_CACHE", "0", 1), 0);
	assert_int_equal(check(dirs, 1, "a", good, &cached, NULL, 0), 0);
	assert_int_equal(check(dirs, 1, "a", good, &cached, NULL, 0), 0);
	assert_int_equal(cached, 0);
	assert_int_equal(nentries(), -1);
	assert_int_equal(unsetenv("NCIO_SCHEMA_CACHE"), 0);
}

/* A data directory's own a.yaml replaces the program's, cached or not. */
static void
test_own_schemas(void **state)
{
	const char	*both[2] = { sdir, odir }, *base[1] = { sdir };
	char		 text[sizeof a_yaml], *p;
	size_t		 cached, round;

	(void)state;
	reset();
	memcpy(text, a_yaml, sizeof a_yaml);
	assert_non_null(p = strstr(text, "[open, done]"));
	memcpy(p, "[wait, done]", 12);
	write_at(odir, "a.yaml", text);
	for (round = 0; round < 2; round++) {
		assert_int_equal(check(both, 2, "a", "status: wait\n",
		    &cached, NULL, 0), 0);
		assert_int_equal(check(both, 2, "a", "status: open\n",
		    &cached, NULL, 0), 1);
		assert_int_equal(cached, 2);
		assert_int_equal(check(base, 1, "a", "status: wait\n",
		    &cached, NULL, 0), 1);
		assert_int_equal(check(base, 1, NULL, "status: open\n",
		    &cached, NULL, 0), 0);
		assert_int_equal(cached, 2);
	}
	assert_int_equal(nentries(), 3);
}

/* Many versions of a schema: the directory keeps a bounded number. */
static void
test_bounded(void **state)
{
	const char	*dirs[1] = { sdir };
	char		 text[1024];
	size_t		 cached;
	int		 i;

	(void)state;
	reset();
	for (i = 0; i < 80; i++) {
		snprintf(text, sizeof text, "%s  n%d: {type: integer}\n",
		    a_yaml, i);
		write_at(sdir, "a.yaml", text);
		assert_int_equal(check(dirs, 1, "a", good, &cached, NULL,
		    0), 0);
		assert_true(nentries() <= 64);
	}
	assert_true(nentries() >= 48);
	/* The newest still serve. */
	assert_int_equal(check(dirs, 1, "a", good, &cached, NULL, 0), 0);
	assert_int_equal(cached, 2);
}

static void
same_tree(const struct node *a, const struct node *b)
{
	size_t	i;

	assert_int_equal(a->kind, b->kind);
	assert_int_equal(a->style, b->style);
	assert_int_equal(a->line, b->line);
	assert_int_equal(a->col, b->col);
	switch (a->kind) {
	case NODE_SCALAR:
		assert_int_equal(a->u.s.len, b->u.s.len);
		assert_memory_equal(a->u.s.str, b->u.s.str, a->u.s.len + 1);
		break;
	case NODE_MAP:
		assert_int_equal(a->n, b->n);
		for (i = 0; i < a->n; i++) {
			same_tree(a->u.pairs[i].key, b->u.pairs[i].key);
			same_tree(a->u.pairs[i].value, b->u.pairs[i].value);
		}
		break;
	case NODE_SEQ:
		assert_int_equal(a->n, b->n);
		for (i = 0; i < a->n; i++)
			same_tree(a->u.items[i], b->u.items[i]);
		break;
	}
}

/* Every schema file of the program: the cached tree is the reader's. */
static void
test_real_schemas(void **state)
{
	const char	*dir = NCIO_SOURCE_DIR "/schemas";
	DIR		*dp;
	struct dirent	*de;
	struct schema_cache_miss *miss;
	struct ydoc	*want, *got;
	char		 path[1024];
	size_t		 n = 0, len;
	int		 hit;

	(void)state;
	reset();
	assert_non_null(dp = opendir(dir));
	while ((de = readdir(dp)) != NULL) {
		len = strlen(de->d_name);
		if (len < 6 || strcmp(de->d_name + len - 5, ".yaml") != 0)
			continue;
		snprintf(path, sizeof path, "%s/%s", dir, de->d_name);
		assert_int_equal(ydoc_load(&want, path, NULL), 0);
		assert_int_equal(schema_cache_load(&got, path, NULL, &hit,
		    &miss), 0);
		assert_int_equal(hit, 0);
		assert_non_null(miss);
		schema_cache_done(miss, ydoc_root(got), 1);
		same_tree(ydoc_root(want), ydoc_root(got));
		ydoc_free(got);
		assert_int_equal(schema_cache_load(&got, path, NULL, &hit,
		    &miss), 0);
		assert_int_equal(hit, 1);
		assert_null(miss);
		same_tree(ydoc_root(want), ydoc_root(got));
		ydoc_free(got);
		ydoc_free(want);
		n++;
	}
	closedir(dp);
	assert_true(n >= 10);
	assert_int_equal(nentries(), (int)n);
}

/* A file with a problem is never kept: the same message every time. */
static void
test_bad_file(void **state)
{
	const char	*dirs[1] = { sdir };
	struct schemaset *set;
	struct diags	 d = DIAGS_INIT;
	unsigned	 line = 0;
	size_t		 round;

	(void)state;
	reset();
	write_at(sdir, "a.yaml", "x-kind: a\nproperties: [a, b\n");
	for (round = 0; round < 2; round++) {
		assert_int_equal(schemaset_open(&set, dirs, 1), 0);
		assert_int_equal(schemaset_need(set, "a", &d), NC_ESCHEMA);
		assert_true(d.n >= 1);
		assert_non_null(strstr(d.v[0].msg, "invalid YAML"));
		if (round == 0)
			line = d.v[0].line;
		assert_true(line > 0);
		assert_int_equal(d.v[0].line, line);
		/* common.yaml, from the second time on; a.yaml never. */
		assert_int_equal(schemaset_cached(set), round);
		schemaset_free(set);
		diags_free(&d);
	}
	assert_int_equal(nentries(), 1);
}

/*
 * A pattern that does not compile: reported with its file and line every
 * time, the cache warm or not, because a file with a bad pattern is never
 * kept (what is kept has valid patterns, compiled without a second check
 * when read back).  Its other, valid file is kept and served.
 */
static void
test_bad_pattern(void **state)
{
	const char	*dirs[1] = { sdir };
	struct schemaset *set;
	struct diags	 d = DIAGS_INIT;
	char		 msg[256];
	size_t		 round, i, cached;
	int		 found;

	(void)state;
	reset();
	write_at(sdir, "common.yaml", common_yaml);
	write_at(sdir, "a.yaml", "x-kind: a\nx-dir: as\nx-id-prefix: aa\n"
	    "type: object\n"
	    "properties:\n"
	    "  code: {$ref: \"common.yaml#/$defs/code\"}\n"
	    "  ref:\n"
	    "    type: string\n"
	    "    pattern: \"^[z-a]{3}$\"\n");
	for (round = 0; round < 3; round++) {
		assert_int_equal(schemaset_open(&set, dirs, 1), 0);
		assert_int_equal(schemaset_need(set, "a", &d), NC_ESCHEMA);
		for (found = 0, i = 0; i < d.n; i++) {
			if (strstr(d.v[i].msg, "bad pattern") == NULL)
				continue;
			found++;
			assert_non_null(strstr(d.v[i].path, "a.yaml"));
			assert_int_equal(d.v[i].line, 9);
			assert_int_equal(d.v[i].col, 14);
		}
		assert_int_equal(found, 1);
		/* common.yaml from the cache from the second time on. */
		assert_int_equal(schemaset_cached(set), round > 0);
		schemaset_free(set);
		diags_free(&d);
	}
	assert_int_equal(nentries(), 1);
	/* Mended, it is kept, and its patterns work read back. */
	write_at(sdir, "a.yaml", a_yaml);
	for (round = 0; round < 2; round++) {
		assert_int_equal(check(dirs, 1, "a", good, &cached, NULL, 0),
		    0);
		assert_int_equal(cached, round == 0 ? 1 : 2);
		assert_int_equal(check(dirs, 1, "a",
		    "status: open\ncode: ab123\ncost: 5\n", &cached, msg,
		    sizeof msg), 1);
		assert_non_null(strstr(msg, "does not match the pattern"));
	}
	assert_int_equal(nentries(), 2);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_hit_and_refs),
		cmocka_unit_test(test_changed_file),
		cmocka_unit_test(test_damaged),
		cmocka_unit_test(test_no_cache),
		cmocka_unit_test(test_own_schemas),
		cmocka_unit_test(test_bounded),
		cmocka_unit_test(test_real_schemas),
		cmocka_unit_test(test_bad_file),
		cmocka_unit_test(test_bad_pattern),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
