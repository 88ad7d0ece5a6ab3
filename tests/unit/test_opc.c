/*
 * The OPC package layer: deterministic bytes, content types, relationships
 * checked before writing, sticky errors, atomic save within fileio_defer.
 */
#include <sys/stat.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>
#include <minizip/unzip.h>

#include "error.h"
#include "fileio.h"
#include "opc.h"

static char	 tmpdir[] = "/tmp/test_opc.XXXXXX";

static int
setup(void **state)
{
	(void)state;
	return mkdtemp(tmpdir) == NULL ? -1 : 0;
}

static int
teardown(void **state)
{
	char	cmd[256];

	(void)state;
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
	return system(cmd) == 0 ? 0 : -1;
}

#define CT_DOC	"application/vnd.openxmlformats-officedocument." \
		"wordprocessingml.document.main+xml"
#define CT_STY	"application/vnd.openxmlformats-officedocument." \
		"wordprocessingml.styles+xml"
#define CT_XLSX	"application/vnd.openxmlformats-officedocument." \
		"spreadsheetml.sheet"

static const char doc_xml[] = "<?xml version=\"1.0\"?><w:document "
    "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/"
    "main\"/>";
static const char sty_xml[] = "<?xml version=\"1.0\"?><w:styles "
    "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/"
    "main\"/>";

/* A small package; order 1 adds the parts the other way round. */
static struct opc *
make(int order, const char *created)
{
	struct opc_props	 props = { "題<&>", "作成者", created, NULL };
	struct opc		*p;

	assert_int_equal(opc_new(&p, &props), 0);
	if (order == 0) {
		assert_int_equal(opc_part(p, "word/document.xml", CT_DOC,
		    doc_xml, strlen(doc_xml)), 0);
		assert_int_equal(opc_part(p, "word/styles.xml", CT_STY,
		    sty_xml, strlen(sty_xml)), 0);
	} else {
		assert_int_equal(opc_part(p, "word/styles.xml", CT_STY,
		    sty_xml, strlen(sty_xml)), 0);
		assert_int_equal(opc_part(p, "word/document.xml", CT_DOC,
		    doc_xml, strlen(doc_xml)), 0);
	}
	assert_int_equal(opc_part(p, "word/embeddings/data.xlsx", CT_XLSX,
	    "PK\003\004binary", 10), 0);
	assert_int_equal(opc_rel(p, NULL, "rId1", "officeDocument",
	    "word/document.xml"), 0);
	assert_int_equal(opc_rel(p, "word/document.xml", "rId1", "styles",
	    "styles.xml"), 0);
	assert_int_equal(opc_rel(p, "word/document.xml", "rId2", "package",
	    "embeddings/data.xlsx"), 0);
	return p;
}

/* The entries of a zip in memory, written out and read with minizip. */
struct entry {
	char	name[128];
	char	data[4096];
	size_t	len;
	int	year, mon, day;
};

static size_t
entries(struct entry *out, size_t max, const char *data, size_t len)
{
	char		 path[512];
	FILE		*f;
	unzFile		 uf;
	unz_file_info64	 fi;
	size_t		 n = 0;
	int		 rc;

	snprintf(path, sizeof path, "%s/mem.zip", tmpdir);
	assert_non_null(f = fopen(path, "wb"));
	assert_int_equal(fwrite(data, 1, len, f), len);
	assert_int_equal(fclose(f), 0);
	assert_non_null(uf = unzOpen64(path));
	for (rc = unzGoToFirstFile(uf); rc == UNZ_OK && n < max;
	    rc = unzGoToNextFile(uf), n++) {
		assert_int_equal(unzGetCurrentFileInfo64(uf, &fi, out[n].name,
		    sizeof out[n].name, NULL, 0, NULL, 0), UNZ_OK);
		assert_true(fi.uncompressed_size < sizeof out[n].data);
		assert_int_equal(unzOpenCurrentFile(uf), UNZ_OK);
		out[n].len = (size_t)unzReadCurrentFile(uf, out[n].data,
		    sizeof out[n].data - 1);
		out[n].data[out[n].len] = '\0';
		unzCloseCurrentFile(uf);
		out[n].year = (int)fi.tmu_date.tm_year;
		out[n].mon = (int)fi.tmu_date.tm_mon;
		out[n].day = (int)fi.tmu_date.tm_mday;
	}
	unzClose(uf);
	return n;
}

static const struct entry *
entry(const struct entry *e, size_t n, const char *name)
{
	size_t	i;

	for (i = 0; i < n; i++)
		if (strcmp(e[i].name, name) == 0)
			return &e[i];
	fail_msg("no part '%s'", name);
	return e;	/* not reached */
}

static void
test_deterministic(void **state)
{
	struct opc	*a, *b;
	struct entry	*ea, *eb;
	char		*ma, *mb;
	size_t		 la, lb, na, nb, i;

	(void)state;
	ea = calloc(16, sizeof *ea);
	eb = calloc(16, sizeof *eb);
	assert_non_null(ea);
	assert_non_null(eb);
	/* The same calls twice: the same bytes. */
	a = make(0, "2026-04-20T09:30:00Z");
	b = make(0, "2026-04-20T09:30:00Z");
	assert_int_equal(opc_to_mem(&ma, &la, a), 0);
	assert_int_equal(opc_to_mem(&mb, &lb, b), 0);
	assert_int_equal(la, lb);
	assert_memory_equal(ma, mb, la);
	free(mb);
	/* Saving again gives the same bytes (no state left behind). */
	assert_int_equal(opc_to_mem(&mb, &lb, a), 0);
	assert_int_equal(la, lb);
	assert_memory_equal(ma, mb, la);
	free(mb);
	opc_free(b);

	/* Parts in another order: the content types are the same bytes. */
	b = make(1, "2026-04-20T09:30:00Z");
	assert_int_equal(opc_to_mem(&mb, &lb, b), 0);
	na = entries(ea, 16, ma, la);
	nb = entries(eb, 16, mb, lb);
	assert_int_equal(na, nb);
	assert_string_equal(ea[0].name, "[Content_Types].xml");
	assert_string_equal(eb[0].name, "[Content_Types].xml");
	assert_string_equal(ea[0].data, eb[0].data);
	assert_string_equal(ea[1].name, "_rels/.rels");
	assert_string_equal(ea[2].name, "docProps/core.xml");
	assert_string_equal(ea[3].name, "docProps/app.xml");
	/* Every entry dated from the created property. */
	for (i = 0; i < na; i++) {
		assert_int_equal(ea[i].year, 2026);
		assert_int_equal(ea[i].mon, 3);
		assert_int_equal(ea[i].day, 20);
	}
	free(ma);
	free(mb);
	opc_free(a);
	opc_free(b);

	/* No created date: no clock either, 1980-01-01. */
	a = make(0, NULL);
	assert_int_equal(opc_to_mem(&ma, &la, a), 0);
	na = entries(ea, 16, ma, la);
	for (i = 0; i < na; i++) {
		assert_int_equal(ea[i].year, 1980);
		assert_int_equal(ea[i].mon, 0);
		assert_int_equal(ea[i].day, 1);
	}
	assert_null(strstr(entry(ea, na, "docProps/core.xml")->data,
	    "dcterms:created"));
	free(ma);
	opc_free(a);
	free(ea);
	free(eb);
}

static void
test_content_types_and_rels(void **state)
{
	struct opc	*p;
	struct entry	*e;
	const char	*ct, *a, *b, *c, *d;
	char		*m;
	size_t		 len, n;

	(void)state;
	assert_non_null(e = calloc(16, sizeof *e));
	p = make(1, "2026-04-20");
	assert_int_equal(opc_to_mem(&m, &len, p), 0);
	n = entries(e, 16, m, len);
	assert_int_equal(n, 8);
	ct = entry(e, n, "[Content_Types].xml")->data;
	/* Sorted by part name, every part but plain XML has its type. */
	a = strstr(ct, "PartName=\"/docProps/app.xml\"");
	b = strstr(ct, "PartName=\"/docProps/core.xml\"");
	c = strstr(ct, "PartName=\"/word/document.xml\" ContentType=\""
	    CT_DOC "\"");
	d = strstr(ct, "PartName=\"/word/embeddings/data.xlsx\" "
	    "ContentType=\"" CT_XLSX "\"");
	assert_non_null(a);
	assert_non_null(b);
	assert_non_null(c);
	assert_non_null(d);
	assert_true(a < b && b < c && c < d);
	assert_non_null(strstr(ct, "PartName=\"/word/styles.xml\""));
	assert_true(strstr(ct, "/word/styles.xml") > d);
	assert_non_null(strstr(ct, "<Default Extension=\"rels\""));
	/* Relationships: the package's and the document's. */
	assert_non_null(strstr(entry(e, n, "_rels/.rels")->data,
	    "Id=\"rId1\" Type=\"" OPC_REL "officeDocument\" "
	    "Target=\"word/document.xml\""));
	assert_non_null(strstr(entry(e, n, "_rels/.rels")->data,
	    "Target=\"docProps/core.xml\""));
	assert_non_null(strstr(entry(e, n, "word/_rels/document.xml.rels")->data,
	    "Id=\"rId2\" Type=\"" OPC_REL "package\" "
	    "Target=\"embeddings/data.xlsx\""));
	/* Binary parts as they were; core properties escaped. */
	assert_memory_equal(entry(e, n, "word/embeddings/data.xlsx")->data,
	    "PK\003\004binary", 10);
	assert_non_null(strstr(entry(e, n, "docProps/core.xml")->data,
	    "<dc:title>題&lt;&amp;&gt;</dc:title>"));
	assert_non_null(strstr(entry(e, n, "docProps/core.xml")->data,
	    "2026-04-20T00:00:00Z"));
	free(m);
	opc_free(p);
	free(e);
}

static void
test_resolve(void **state)
{
	static const struct {
		const char	*source;
		const char	*target;
		const char	*want;
	} cases[] = {
		{ "word/document.xml", "charts/chart1.xml",
		    "word/charts/chart1.xml" },
		{ "ppt/charts/chart1.xml", "../embeddings/a.xlsx",
		    "ppt/embeddings/a.xlsx" },
		{ "ppt/slides/slide1.xml", "./../slideLayouts/x.xml",
		    "ppt/slideLayouts/x.xml" },
		{ NULL, "ppt/presentation.xml", "ppt/presentation.xml" },
		{ "ppt/slides/slide1.xml", "/ppt/media/i.png",
		    "ppt/media/i.png" },
		{ "a.xml", "../x.xml", NULL },
		{ "ppt/a.xml", "../../x.xml", NULL },
	};
	char	*out;
	size_t	 i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		if (cases[i].want == NULL) {
			assert_int_equal(opc_resolve(&out, cases[i].source,
			    cases[i].target), NC_EINVALID);
			continue;
		}
		assert_int_equal(opc_resolve(&out, cases[i].source,
		    cases[i].target), 0);
		assert_string_equal(out, cases[i].want);
		free(out);
	}
}

/* A package that refers to what it does not hold is never written. */
static void
test_checked_and_sticky(void **state)
{
	struct opc	*p;
	char		*m, path[512];
	size_t		 len;

	(void)state;
	p = make(0, NULL);
	assert_int_equal(opc_rel(p, "word/document.xml", "rId3", "image",
	    "media/missing.png"), 0);
	assert_int_equal(opc_to_mem(&m, &len, p), NC_EINVALID);
	assert_non_null(strstr(error_last(), "word/media/missing.png"));
	assert_null(m);
	/* Sticky: every later call says so, nothing is written. */
	assert_int_equal(opc_part(p, "word/media/missing.png", "image/png",
	    "x", 1), NC_EINVALID);
	snprintf(path, sizeof path, "%s/never.docx", tmpdir);
	assert_int_equal(opc_save(p, path), NC_EINVALID);
	assert_int_not_equal(access(path, F_OK), 0);
	opc_free(p);

	/* A source part that is not there. */
	p = make(0, NULL);
	assert_int_equal(opc_rel(p, "word/nothere.xml", "rId1", "styles",
	    "styles.xml"), 0);
	assert_int_equal(opc_to_mem(&m, &len, p), NC_EINVALID);
	assert_non_null(strstr(error_last(), "word/nothere.xml"));
	opc_free(p);

	/* Duplicates, reserved and bad names, bad text. */
	p = make(0, NULL);
	assert_int_equal(opc_part(p, "word/styles.xml", CT_STY, "x", 1),
	    NC_EEXISTS);
	assert_non_null(strstr(error_last(), "added twice"));
	assert_int_equal(opc_part(p, "other.xml", CT_STY, "x", 1), NC_EEXISTS);
	opc_free(p);
	p = make(0, NULL);
	assert_int_equal(opc_rel(p, "word/document.xml", "rId1", "styles",
	    "styles.xml"), NC_EEXISTS);
	opc_free(p);
	assert_int_equal(opc_new(&p, NULL), 0);
	assert_int_equal(opc_part(p, "_rels/.rels", CT_STY, "x", 1),
	    NC_EINVALID);
	opc_free(p);
	assert_int_equal(opc_new(&p, NULL), 0);
	assert_int_equal(opc_part(p, "/word/a.xml", CT_STY, "x", 1),
	    NC_EINVALID);
	opc_free(p);
	assert_int_equal(opc_new(&p, NULL), 0);
	assert_int_equal(opc_part(p, "a b.xml", CT_STY, "x", 1), NC_EINVALID);
	opc_free(p);
	assert_int_equal(opc_new(&p, &(struct opc_props){ "\xff", NULL, NULL,
	    NULL }), NC_EINVALID);
	assert_null(p);
	assert_int_equal(opc_new(&p, &(struct opc_props){ NULL, NULL,
	    "2026-02-30", NULL }), NC_EINVALID);
	assert_int_equal(opc_part(NULL, "a.xml", CT_STY, "x", 1), NC_EINVALID);
	assert_int_equal(opc_to_mem(&m, &len, NULL), NC_EINVALID);
	opc_free(NULL);
}

/* Saved through fileio: atomic, and held back inside a deferred set. */
static void
test_save_deferred(void **state)
{
	struct opc	*p;
	char		 path[512];

	(void)state;
	snprintf(path, sizeof path, "%s/deferred.docx", tmpdir);
	p = make(0, NULL);
	assert_int_equal(fileio_defer_begin(), 0);
	assert_int_equal(opc_save(p, path), 0);
	assert_int_not_equal(access(path, F_OK), 0);
	fileio_defer_abort();
	assert_int_not_equal(access(path, F_OK), 0);

	assert_int_equal(fileio_defer_begin(), 0);
	assert_int_equal(opc_save(p, path), 0);
	assert_int_not_equal(access(path, F_OK), 0);
	assert_int_equal(fileio_defer_commit(), 0);
	assert_int_equal(access(path, F_OK), 0);
	opc_free(p);
}

static void
test_text(void **state)
{
	struct buf	b = BUF_INIT;

	(void)state;
	opc_put_text(&b, "a&<>\"'\x01\t\xc2\x85z", 12);
	assert_int_equal(buf_ok(&b), 0);
	assert_string_equal(b.data, "a&amp;&lt;&gt;&quot;&apos;\tz");
	buf_free(&b);
	assert_int_equal(opc_check_text("正しい", "x"), 0);
	assert_int_equal(opc_check_text("\xe3\x81", "見出し"), NC_EINVALID);
	assert_non_null(strstr(error_last(), "invalid UTF-8 in 見出し at byte 0"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_deterministic),
		cmocka_unit_test(test_content_types_and_rels),
		cmocka_unit_test(test_resolve),
		cmocka_unit_test(test_checked_and_sticky),
		cmocka_unit_test(test_save_deferred),
		cmocka_unit_test(test_text),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
