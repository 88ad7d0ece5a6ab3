/*
 * The store: discovery, ids, prefix lookup, atomic writes, record creation
 * with byte-identical load and save.
 */
#include <sys/file.h>
#include <sys/resource.h>
#include <sys/stat.h>

#include <dirent.h>
#include <fcntl.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "fileio.h"
#include "record.h"
#include "store.h"

static char	root[] = "/tmp/ncio-store-XXXXXX";

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

static char *
slurp(const char *path)
{
	static char	 data[65536];
	FILE		*fp;
	size_t		 n;

	if ((fp = fopen(path, "r")) == NULL)
		return NULL;
	n = fread(data, 1, sizeof data - 1, fp);
	data[n] = '\0';
	fclose(fp);
	return data;
}

static int
count_files(const char *dir)
{
	DIR		*dp;
	struct dirent	*de;
	int		 n = 0;

	if ((dp = opendir(dir)) == NULL)
		return -1;
	while ((de = readdir(dp)) != NULL)
		n += de->d_name[0] != '.';
	closedir(dp);
	return n;
}

static void
test_discovery(void **state)
{
	struct store	*st;
	char		 sub[512], cwd[512];

	(void)state;
	assert_int_equal(store_open(&st, "/nonexistent-dir"), NC_ENODIR);
	assert_int_equal(store_open(&st, "/tmp"), NC_ENODIR);
	assert_non_null(strstr(error_last(), "not a nerima-cio data directory"));
	assert_int_equal(store_open(&st, root), 0);
	assert_string_equal(store_root(st), root);
	store_free(st);
	/* Walking up from a subdirectory. */
	snprintf(sub, sizeof sub, "%s/reviews", root);
	mkdir(sub, 0777);
	assert_non_null(getcwd(cwd, sizeof cwd));
	assert_int_equal(chdir(sub), 0);
	unsetenv("NERIMA_CIO_DIR");
	assert_int_equal(store_open(&st, NULL), 0);
	assert_string_equal(store_root(st), root);
	store_free(st);
	assert_int_equal(chdir("/"), 0);
	assert_int_equal(store_open(&st, NULL), NC_ENODIR);
	setenv("NERIMA_CIO_DIR", root, 1);
	assert_int_equal(store_open(&st, NULL), 0);
	store_free(st);
	unsetenv("NERIMA_CIO_DIR");
	assert_int_equal(chdir(cwd), 0);
	store_free(NULL);
}

static void
test_ids(void **state)
{
	struct store		*st;
	const struct schema	*k;
	char			*ids[200];
	int			 i, j;

	(void)state;
	assert_int_equal(store_open(&st, root), 0);
	assert_int_equal(store_kind(&k, st, "issue"), 0);
	for (i = 0; i < 200; i++) {
		assert_int_equal(store_new_id(&ids[i], st, k), 0);
		assert_true(store_id_valid(k, ids[i]));
		assert_int_equal(strlen(ids[i]), 11);
		assert_int_equal(strncmp(ids[i], "is-", 3), 0);
		/* Crockford base32 in lower case: no i, l, o, u. */
		assert_null(strpbrk(ids[i] + 3, "iloIULO_-"));
		for (j = 0; j < i; j++)
			assert_string_not_equal(ids[i], ids[j]);
	}
	for (i = 0; i < 200; i++)
		free(ids[i]);
	assert_false(store_id_valid(k, "is-1234567"));
	assert_false(store_id_valid(k, "is-123456789"));
	assert_false(store_id_valid(k, "is-1234567i"));
	assert_false(store_id_valid(k, "rv-12345678"));
	assert_true(store_id_valid(k, "is-0123abcz"));
	assert_int_equal(store_kind(&k, st, "nosuch"), NC_ENOTFOUND);
	assert_non_null(strstr(error_last(), "kinds: "));
	store_free(st);
}

/* Create, find by prefixes, load and save without changing a byte. */
static void
test_create_find_save(void **state)
{
	struct store		*st;
	const struct schema	*k;
	struct ydoc		*doc;
	struct diags		 d = DIAGS_INIT;
	struct recref		 ref;
	struct reclist		 m = RECLIST_INIT;
	struct record		*r;
	char			*id, *rel, *id2, *rel2, path[512], before[4096];

	(void)state;
	assert_int_equal(store_open(&st, root), 0);
	assert_int_equal(store_kind(&k, st, "issue"), 0);
	doc = ydoc_new();
	ydoc_set_root(doc, node_map(doc));
	node_map_set_str(doc, ydoc_root(doc), "title", "課題管理表の項目");
	node_map_set_str(doc, ydoc_root(doc), "raised", "2026-04-02");
	node_map_set_str(doc, ydoc_root(doc), "status", "open");
	node_map_set_str(doc, ydoc_root(doc), "note", "no");
	if (record_create(&id, &rel, st, k, doc, &d) != 0)
		fail_msg("create: %s %s", error_last(), d.n ? d.v[0].msg : "");
	ydoc_free(doc);
	snprintf(path, sizeof path, "issues/2026/%s.yaml", id);
	assert_string_equal(rel, path);
	snprintf(path, sizeof path, "%s/%s", root, rel);
	/* Keys in schema order, whatever the order given; "no" quoted. */
	snprintf(before, sizeof before, "id: %s\nfy: 2026\ntitle: 課題管理表の項目\n"
	    "status: open\nraised: 2026-04-02\nnote: \"no\"\n", id);
	assert_string_equal(slurp(path), before);

	/* Exact id, prefix with the kind, prefix of the random part. */
	assert_int_equal(store_find(&ref, NULL, st, NULL, id), 0);
	assert_string_equal(ref.relpath, rel);
	free(ref.id);
	free(ref.relpath);
	assert_int_equal(store_find(&ref, NULL, st, NULL, id + 3), 0);
	free(ref.id);
	free(ref.relpath);
	assert_int_equal(store_find(&ref, NULL, st, NULL, "zzzz"), NC_ENOTFOUND);

	/* A second record makes "is-" ambiguous, with both as candidates. */
	doc = ydoc_new();
	ydoc_set_root(doc, node_map(doc));
	node_map_set_str(doc, ydoc_root(doc), "title", "二件目");
	node_map_set_str(doc, ydoc_root(doc), "raised", "2027-03-31");
	node_map_set_str(doc, ydoc_root(doc), "status", "open");
	assert_int_equal(record_create(&id2, &rel2, st, k, doc, &d), 0);
	ydoc_free(doc);
	assert_int_equal(strncmp(rel2, "issues/2026/", 12), 0);
	assert_int_equal(store_find(&ref, &m, st, NULL, "is-"), NC_EAMBIGUOUS);
	assert_int_equal(m.n, 2);
	reclist_free(&m);

	/* Load and save an untouched record: no byte changes. */
	assert_int_equal(store_find(&ref, NULL, st, NULL, id), 0);
	assert_int_equal(record_load(&r, st, &ref, &d), 0);
	assert_int_equal(record_save(st, r, &d), 0);
	assert_string_equal(slurp(path), before);
	record_free(r);
	free(ref.id);
	free(ref.relpath);

	free(id);
	free(rel);
	free(id2);
	free(rel2);
	diags_free(&d);
	store_free(st);
}

/* An issue that refers to meeting mid: 0 or the create error. */
static int
create_issue_citing(struct store *st, const char *mid, struct diags *d)
{
	const struct schema	*k;
	struct ydoc		*doc;
	struct node		*seq;
	char			*id = NULL, *rel = NULL;
	int			 rc;

	assert_int_equal(store_kind(&k, st, "issue"), 0);
	doc = ydoc_new();
	ydoc_set_root(doc, node_map(doc));
	node_map_set_str(doc, ydoc_root(doc), "title", "会議の宿題");
	node_map_set_str(doc, ydoc_root(doc), "raised", "2026-05-01");
	node_map_set_str(doc, ydoc_root(doc), "status", "open");
	seq = node_seq(doc);
	node_seq_push(doc, seq, node_str(doc, mid));
	node_map_set(doc, ydoc_root(doc), "meetings", seq);
	rc = record_create(&id, &rel, st, k, doc, d);
	ydoc_free(doc);
	free(id);
	free(rel);
	return rc;
}

/*
 * One store writes many records with one reference checker (issue 15),
 * yet it sees what others change between its writes: a record another
 * process adds can be referred to at once, one it removes no longer can.
 */
static void
test_checker_batch(void **state)
{
	struct store	*st;
	struct diags	 d = DIAGS_INIT;
	char		 dir[512], path[600];
	int		 i;

	(void)state;
	assert_int_equal(store_open(&st, root), 0);
	assert_int_equal(create_issue_citing(st, "mt-2b3c4d5e", &d),
	    NC_ESCHEMA);
	assert_true(d.n > 0);
	assert_non_null(strstr(d.v[0].msg, "no meeting record with id"));
	diags_free(&d);
	/* Written behind the store's back, as another process would. */
	snprintf(dir, sizeof dir, "%s/meetings", root);
	mkdir(dir, 0777);
	snprintf(dir, sizeof dir, "%s/meetings/2026", root);
	mkdir(dir, 0777);
	put("meetings/2026/mt-2b3c4d5e.yaml", "id: mt-2b3c4d5e\n");
	for (i = 0; i < 3; i++)
		if (create_issue_citing(st, "mt-2b3c4d5e", &d) != 0)
			fail_msg("create %d: %s %s", i, error_last(),
			    d.n ? d.v[0].msg : "");
	snprintf(path, sizeof path, "%s/meetings/2026/mt-2b3c4d5e.yaml", root);
	assert_int_equal(unlink(path), 0);
	assert_int_equal(create_issue_citing(st, "mt-2b3c4d5e", &d),
	    NC_ESCHEMA);
	diags_free(&d);
	/* A new fiscal-year folder is seen too. */
	snprintf(dir, sizeof dir, "%s/meetings/2027", root);
	mkdir(dir, 0777);
	put("meetings/2027/mt-6f7g8h9j.yaml", "id: mt-6f7g8h9j\n");
	assert_int_equal(create_issue_citing(st, "mt-6f7g8h9j", &d), 0);
	snprintf(path, sizeof path, "%s/meetings/2027/mt-6f7g8h9j.yaml", root);
	assert_int_equal(unlink(path), 0);
	rmdir(dir);
	snprintf(dir, sizeof dir, "%s/meetings/2026", root);
	rmdir(dir);
	snprintf(dir, sizeof dir, "%s/meetings", root);
	rmdir(dir);
	diags_free(&d);
	store_free(st);
}

/*
 * A write batch (issue 15): the checker is checked once and then trusted
 * until the batch ends, so a write in it costs nothing that grows with
 * the folders; the first write after it checks the folders again and
 * sees what changed behind the store's back meanwhile.
 */
static void
test_write_batch(void **state)
{
	struct store	*st;
	struct diags	 d = DIAGS_INIT;
	char		 dir[512], path[600];
	unsigned	 first;

	(void)state;
	assert_int_equal(store_open(&st, root), 0);
	assert_int_equal(store_batch(st), 0);
	snprintf(dir, sizeof dir, "%s/meetings", root);
	mkdir(dir, 0777);
	snprintf(dir, sizeof dir, "%s/meetings/2026", root);
	mkdir(dir, 0777);
	put("meetings/2026/mt-3c4d5e6f.yaml", "id: mt-3c4d5e6f\n");
	snprintf(path, sizeof path, "%s/meetings/2026/mt-3c4d5e6f.yaml", root);

	assert_int_equal(store_batch_begin(st), 0);
	first = store_batch(st);
	assert_true(first != 0);
	/* nested: the same batch */
	assert_int_equal(store_batch_begin(st), 0);
	assert_int_equal(store_batch(st), first);
	store_batch_end(st);
	assert_int_equal(store_batch(st), first);
	if (create_issue_citing(st, "mt-3c4d5e6f", &d) != 0)
		fail_msg("in the batch: %s", error_last());
	/* Removed by hand during the batch: trusted until its end. */
	assert_int_equal(unlink(path), 0);
	assert_int_equal(create_issue_citing(st, "mt-3c4d5e6f", &d), 0);
	store_batch_end(st);
	assert_int_equal(store_batch(st), 0);
	/* After it, the folders are checked again: the removal shows. */
	assert_int_equal(create_issue_citing(st, "mt-3c4d5e6f", &d),
	    NC_ESCHEMA);
	diags_free(&d);
	/* A later batch is another one, and checks once more. */
	assert_int_equal(store_batch_begin(st), 0);
	assert_true(store_batch(st) != 0 && store_batch(st) != first);
	assert_int_equal(create_issue_citing(st, "mt-3c4d5e6f", &d),
	    NC_ESCHEMA);
	store_batch_end(st);
	diags_free(&d);
	rmdir(dir);
	snprintf(dir, sizeof dir, "%s/meetings", root);
	rmdir(dir);
	store_free(st);
}

/*
 * record_load_where_in() (issue 15): a record whose key holds one of the
 * values is loaded whole, one that holds another is skipped, and whatever
 * the quick reader cannot judge (no key, a key that is not text) is
 * loaded whole for the caller to judge.
 */
static void
test_load_where_in(void **state)
{
	static const struct {
		const char	*text;
		int		 loaded;
	} cases[] = {
		{ "id: ck-00000001\nkind: self\nnote: a\n", 1 },
		{ "id: ck-00000002\nkind: department\nnote: b\n", 1 },
		{ "id: ck-00000003\nkind: vendor\nnote: c\n", 0 },
		{ "id: ck-00000004\nnote: no kind\n", 1 },
		{ "id: ck-00000005\nkind: [self]\n", 1 },
		{ "id: ck-00000006\nkind: \"self\"\n", 1 },
		{ "id: ck-00000007\nkind: selfish\n", 0 },
	};
	static const char *const kinds[] = { "self", "department" };
	const struct schema	*sch;
	struct store		*st;
	struct recref		 ref;
	struct record		*r, *whole;
	char			 dir[512], rel[64], id[16];
	size_t			 i, n;

	(void)state;
	assert_int_equal(store_open(&st, root), 0);
	assert_int_equal(store_kind(&sch, st, "checklist"), 0);
	snprintf(dir, sizeof dir, "%s/checklists", root);
	mkdir(dir, 0777);
	snprintf(dir, sizeof dir, "%s/checklists/2026", root);
	mkdir(dir, 0777);
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		snprintf(id, sizeof id, "ck-%08zu", i + 1);
		snprintf(rel, sizeof rel, "checklists/2026/%s.yaml", id);
		put(rel, cases[i].text);
		ref.id = id;
		ref.relpath = rel;
		ref.kind = sch;
		ref.fy = 2026;
		for (n = 1; n <= 2; n++) {
			assert_int_equal(record_load_where_in(&r, st, &ref,
			    NULL, "kind", kinds, n), 0);
			/* with one value: self only */
			if (n == 1 && i == 1) {
				assert_null(r);
				continue;
			}
			if (!cases[i].loaded) {
				assert_null(r);
				continue;
			}
			assert_non_null(r);
			assert_int_equal(record_load(&whole, st, &ref, NULL),
			    0);
			assert_string_equal(record_field(r, "note") ?
			    record_field(r, "note") : "", record_field(whole,
			    "note") ? record_field(whole, "note") : "");
			assert_int_equal(record_root(r)->n,
			    record_root(whole)->n);
			record_free(whole);
			record_free(r);
		}
		snprintf(dir, sizeof dir, "%s/%s", root, rel);
		unlink(dir);
	}
	snprintf(dir, sizeof dir, "%s/checklists/2026", root);
	rmdir(dir);
	snprintf(dir, sizeof dir, "%s/checklists", root);
	rmdir(dir);
	store_free(st);
}

/* Organisations by code or by a name only one of them has. */
static void
test_orgs(void **state)
{
	struct store	*st;
	const char	*code, *name, *dept;

	(void)state;
	assert_int_equal(store_open(&st, root), 0);
	assert_int_equal(store_org(&name, &dept, st, "johoseisaku"), 0);
	assert_string_equal(name, "情報政策課");
	assert_string_equal(dept, "企画部");
	assert_int_equal(store_org_find(&code, st, "johoseisaku"), 0);
	assert_string_equal(code, "johoseisaku");
	assert_int_equal(store_org_find(&code, st, "情報政策課"), 0);
	assert_string_equal(code, "johoseisaku");
	assert_int_equal(store_org_find(&code, st, "管理課"), NC_EAMBIGUOUS);
	assert_non_null(strstr(error_last(), "give the code"));
	assert_int_equal(store_org_find(&code, st, "架空課"), NC_ENOTFOUND);
	assert_null(code);
	assert_int_equal(store_org(&name, NULL, st, "nosuch"), NC_ENOTFOUND);
	store_free(st);
}

/* A write that fails halfway leaves the old file and no temporary file. */
static void
test_atomic_write(void **state)
{
	struct rlimit	 old, small;
	char		 dir[512], path[600], big[200000];

	(void)state;
	snprintf(dir, sizeof dir, "%s/atomic", root);
	mkdir(dir, 0777);
	snprintf(path, sizeof path, "%s/f.yaml", dir);
	assert_int_equal(fileio_write_atomic(path, "old\n", 4), 0);
	assert_string_equal(slurp(path), "old\n");

	/* A file-size limit makes write() fail, for root too. */
	memset(big, 'x', sizeof big);
	signal(SIGXFSZ, SIG_IGN);
	getrlimit(RLIMIT_FSIZE, &old);
	small = old;
	small.rlim_cur = 1000;
	assert_int_equal(setrlimit(RLIMIT_FSIZE, &small), 0);
	assert_int_equal(fileio_write_atomic(path, big, sizeof big), NC_EIO);
	setrlimit(RLIMIT_FSIZE, &old);
	assert_non_null(strstr(error_last(), "cannot write"));
	assert_string_equal(slurp(path), "old\n");
	assert_int_equal(count_files(dir), 1);

	/* A directory in the way of the rename. */
	snprintf(path, sizeof path, "%s/d.yaml", dir);
	mkdir(path, 0777);
	assert_int_not_equal(fileio_write_atomic(path, "x", 1), 0);
	assert_int_equal(count_files(dir), 2);
	rmdir(path);
	/* No such directory. */
	snprintf(path, sizeof path, "%s/none/f.yaml", dir);
	assert_int_equal(fileio_write_atomic(path, "x", 1), NC_EIO);
}

/*
 * Leftovers of killed writers in the data directory: reported by name
 * without the lock, removed (and said) by a writer holding the lock; one
 * in use is neither.
 */
static void
test_stale_temps(void **state)
{
	struct store	*st;
	struct diags	 d = DIAGS_INIT;
	char		 path[600];
	size_t		 w0;
	int		 fd;

	(void)state;
	snprintf(path, sizeof path, "%s/issues/2026", root);
	mkdir(path, 0777);
	put("issues/2026/is-00000000.yaml.tmpAbC123", "killed");
	put("nerima-cio.yaml.tmpbakZZZZZZ", "killed");
	put("issues/2026/is-00000001.yaml.tmpHeLd00", "in use");
	snprintf(path, sizeof path, "%s/issues/2026/is-00000001.yaml.tmpHeLd00",
	    root);
	assert_true((fd = open(path, O_RDONLY)) != -1);
	assert_int_equal(flock(fd, LOCK_EX), 0);
	assert_int_equal(store_open(&st, root), 0);
	assert_int_equal(store_stale_temps(st, 0, &d), 2);
	diags_sort(&d);
	assert_int_equal(d.n, 2);
	assert_string_equal(d.v[0].path, "issues/2026/is-00000000.yaml.tmpAbC123");
	assert_string_equal(d.v[0].msg, "stale temporary file from an"
	    " interrupted write");
	assert_string_equal(d.v[1].path, "nerima-cio.yaml.tmpbakZZZZZZ");
	diags_free(&d);
	/* Not a record, not "not a record file" either. */
	{
		struct reclist	l = RECLIST_INIT;

		assert_int_equal(store_scan(&l, st, NULL, 0, &d), 0);
		assert_int_equal(d.n, 0);
		reclist_free(&l);
	}
	/* Removing takes the lock. */
	assert_int_equal(store_stale_temps(st, 1, NULL), 0);
	assert_int_equal(store_lock(st), 0);
	w0 = 0;
	while (fileio_warning(w0) != NULL)
		w0++;
	assert_int_equal(store_stale_temps(st, 1, NULL), 2);
	/* Once per process: its own writes leave none. */
	put("issues/2026/is-00000002.yaml.tmpAbC123", "killed");
	assert_int_equal(store_stale_temps(st, 1, NULL), 0);
	store_unlock(st);
	snprintf(path, sizeof path, "%s/issues/2026/is-00000002.yaml.tmpAbC123",
	    root);
	unlink(path);
	snprintf(path, sizeof path, "%s/issues/2026/is-00000001.yaml.tmpHeLd00",
	    root);
	assert_non_null(fileio_warning(w0 + 1));
	assert_non_null(strstr(fileio_warning(w0), "removed '"));
	assert_int_equal(store_stale_temps(st, 0, &d), 0);
	assert_non_null(slurp(path));
	close(fd);
	unlink(path);
	store_free(st);
}

static int
setup(void **state)
{
	const char	*src = getenv("NCIO_SOURCE_DIR");
	char		 cmd[1024];

	(void)state;
	if (mkdtemp(root) == NULL)
		return -1;
	if (src == NULL)
		src = NCIO_SOURCE_DIR;
	setenv("NCIO_SCHEMA_PATH", NCIO_SOURCE_DIR "/schemas", 0);
	snprintf(cmd, sizeof cmd, "cp '%s/data/sample/nerima-cio.yaml' "
	    "'%s/data/sample/orgs.yaml' '%s'", src, src, root);
	if (system(cmd) != 0)
		return -1;
	put("extra.txt", "not a record\n");
	return 0;
}

static int
teardown(void **state)
{
	char	cmd[600];

	(void)state;
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", root);
	return system(cmd) == 0 ? 0 : -1;
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_discovery),
		cmocka_unit_test(test_ids),
		cmocka_unit_test(test_create_find_save),
		cmocka_unit_test(test_checker_batch),
		cmocka_unit_test(test_write_batch),
		cmocka_unit_test(test_load_where_in),
		cmocka_unit_test(test_orgs),
		cmocka_unit_test(test_atomic_write),
		cmocka_unit_test(test_stale_temps),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
