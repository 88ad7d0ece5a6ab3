/*
 * The .xlsx reader (lib/io/xlsxread.c) and the rules engine on a sheet.
 * The first byte picks one of two harnesses:
 *
 *   even: the rest is the bytes of a workbook, as a file would be;
 *   odd:  structure-aware -- the rest is the XML of a sheet, then after
 *         a NUL the XML of the shared strings, and a valid zip (stored,
 *         CRCs right) is built around them in memory with the
 *         relationships and the workbook, so that every input reaches
 *         the sheet parser instead of failing at the zip.
 *
 * Either way: an error with a message, or sheets whose cells, walked in
 * order, are the cells found by position; never a crash, an overrun, a
 * leak or undefined behaviour (the date serial of every number cell is
 * converted, NaN and all).  Tight limits (bit 1 of the first byte) reach
 * the limit paths with small inputs.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "buf.h"
#include "diag.h"
#include "error.h"
#include "rules.h"
#include "text.h"
#include "xlsxread.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static const char rels[] =
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/"
    "relationships\"><Relationship Id=\"rId1\" Type=\"x\" Target=\"worksheets"
    "/sheet1.xml\"/><Relationship Id=\"rId2\" Type=\"x\" Target=\"/xl/"
    "worksheets/sheet1.xml\"/></Relationships>";
static const char workbook[] =
    "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/"
    "main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/"
    "relationships\"><sheets><sheet name=\"回答\" sheetId=\"1\" r:id=\"rId1\"/>"
    "<sheet name=\"_form\" sheetId=\"2\" state=\"hidden\" r:id=\"rId2\"/>"
    "</sheets></workbook>";

static void
put16(struct buf *b, unsigned v)
{
	buf_putc(b, (int)(v & 0xff));
	buf_putc(b, (int)((v >> 8) & 0xff));
}

static void
put32(struct buf *b, unsigned long v)
{
	put16(b, (unsigned)(v & 0xffff));
	put16(b, (unsigned)((v >> 16) & 0xffff));
}

struct part {
	const char	*name;
	const char	*data;
	size_t		 len;
};

/* A zip of stored parts, as any writer could make it. */
static void
zip_stored(struct buf *z, const struct part *p, size_t n)
{
	struct buf	 cd = BUF_INIT;
	unsigned long	 crc, off[8];
	size_t		 i, nl;

	for (i = 0; i < n; i++) {
		nl = strlen(p[i].name);
		crc = crc32(0, (const Bytef *)p[i].data, (uInt)p[i].len);
		off[i] = z->len;
		put32(z, 0x04034b50);
		put16(z, 20);
		put16(z, 0);
		put16(z, 0);		/* stored */
		put16(z, 0);
		put16(z, 0x21);
		put32(z, crc);
		put32(z, p[i].len);
		put32(z, p[i].len);
		put16(z, (unsigned)nl);
		put16(z, 0);
		buf_add(z, p[i].name, nl);
		buf_add(z, p[i].data, p[i].len);

		put32(&cd, 0x02014b50);
		put16(&cd, 20);
		put16(&cd, 20);
		put16(&cd, 0);
		put16(&cd, 0);
		put16(&cd, 0);
		put16(&cd, 0x21);
		put32(&cd, crc);
		put32(&cd, p[i].len);
		put32(&cd, p[i].len);
		put16(&cd, (unsigned)nl);
		put16(&cd, 0);
		put16(&cd, 0);
		put16(&cd, 0);
		put16(&cd, 0);
		put32(&cd, 0);
		put32(&cd, off[i]);
		buf_add(&cd, p[i].name, nl);
	}
	off[n] = z->len;
	buf_add(z, cd.data, cd.len);
	put32(z, 0x06054b50);
	put16(z, 0);
	put16(z, 0);
	put16(z, (unsigned)n);
	put16(z, (unsigned)n);
	put32(z, cd.len);
	put32(z, off[n]);
	put16(z, 0);
	buf_free(&cd);
}

static void
check_sheet(const struct xlsxread_sheet *s)
{
	struct xlsxread_cell	 c, k;
	size_t			 i;
	uint32_t		 row, col, prow = 0, pcol = 0;
	int			 y, m, d;

	for (i = 0; i < xlsxread_ncells(s); i++) {
		c = xlsxread_cell_at(s, i, &row, &col);
		if (c.text == NULL || row >= xlsxread_nrows(s) ||
		    col >= xlsxread_ncols(s))
			abort();
		if (i > 0 && (row < prow || (row == prow && col <= pcol)))
			abort();
		prow = row;
		pcol = col;
		k = xlsxread_cell(s, row, col);
		if (k.text != c.text || k.type != c.type)
			abort();
		if (c.type == XLSXREAD_NUMBER)
			(void)xlsxread_serial_date(&y, &m, &d, c.num);
		if (c.type == XLSXREAD_STRING &&
		    !text_utf8_valid(c.text, strlen(c.text)))
			abort();
	}
}

static struct rules *
fixed_rules(void)
{
	static const char yaml[] =
	    "header: none\n"
	    "fields:\n"
	    "  a: { position: 1 }\n"
	    "  d: { position: 2, type: date }\n"
	    "  n: { position: 3, type: integer }\n";
	struct rules	*r = NULL;

	if (rules_parse(&r, yaml, sizeof yaml - 1, "fixed", NULL) != 0)
		abort();
	return r;
}

static void
run(const void *data, size_t len, const struct io_limits *lim)
{
	static struct rules	*r;
	struct xlsxread		*x;
	const struct xlsxread_sheet *s;
	struct rules_table	*t = NULL;
	struct rules_report	 rep;
	struct diags		 d = DIAGS_INIT;
	size_t			 i;

	if (r == NULL)
		r = fixed_rules();
	if (xlsxread_open_mem(&x, data, len, "in.xlsx", lim) == 0) {
		for (i = 0; i < xlsxread_nsheets(x); i++) {
			if (xlsxread_sheet(&s, x, i) == 0)
				check_sheet(s);
			else if (*error_last() == '\0')
				abort();
		}
		xlsxread_free(x);
	} else if (*error_last() == '\0')
		abort();
	rules_report_init(&rep, &d, RULES_MAX_PROBLEMS);
	if (rules_apply_mem(&t, r, data, len, "in.xlsx", NULL, &rep) != 0 &&
	    (t != NULL || d.n == 0))
		abort();
	rules_table_free(t);
	diags_free(&d);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct io_limits	 lim, *lp = NULL;
	struct buf		 z = BUF_INIT;
	struct part		 p[4];
	const char		*in, *nul;
	size_t			 n, np = 0;

	if (size == 0)
		return 0;
	if (data[0] & 2) {
		memset(&lim, 0, sizeof lim);
		lim.rows = 20;
		lim.cols = 10;
		lim.cells = 60;
		lim.field_chars = 40;
		lim.unpacked_bytes = 64 * 1024;
		lp = &lim;
	}
	if (!(data[0] & 1)) {
		run(data + 1, size - 1, lp);
		return 0;
	}
	in = (const char *)data + 1;
	n = size - 1;
	p[np++] = (struct part){ "xl/_rels/workbook.xml.rels", rels,
	    sizeof rels - 1 };
	p[np++] = (struct part){ "xl/workbook.xml", workbook,
	    sizeof workbook - 1 };
	if ((nul = memchr(in, '\0', n)) != NULL) {
		p[np++] = (struct part){ "xl/sharedStrings.xml", nul + 1,
		    n - (size_t)(nul - in) - 1 };
		n = (size_t)(nul - in);
	}
	p[np++] = (struct part){ "xl/worksheets/sheet1.xml", in, n };
	zip_stored(&z, p, np);
	if (buf_ok(&z) == 0)
		run(z.data, z.len, lp);
	buf_free(&z);
	return 0;
}
