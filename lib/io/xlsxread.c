/*
 * .xlsx reader on minizip's unzip and libxml2's xmlTextReader (see
 * xlsxread.h).  Parts are unzipped whole into memory (bounded by
 * XLSXREAD_MAX_PART) and streamed through the reader; cells are kept in
 * one array sorted by row and column and found by binary search.
 */
#include <sys/stat.h>

#include <libxml/xmlreader.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unzip.h>

#include "buf.h"
#include "cal.h"
#include "error.h"
#include "xlsxread.h"

/* Excel's limits: 1,048,576 rows and 16,384 columns. */
#define MAXROW	1048576U
#define MAXCOL	16384U

struct xcell {
	uint32_t	 row;
	uint32_t	 col;
	enum xlsxread_type type;
	int		 formula;
	int		 shared;	/* text is in the workbook's strings */
	size_t		 off;		/* into the sheet's text, or sst */
	double		 num;
};

struct xlsxread_sheet {
	struct xcell	*cells;
	size_t		 n;
	size_t		 cap;
	struct buf	 text;
	uint32_t	 nrows;
	uint32_t	 ncols;
	const char	*sst;		/* the workbook's shared strings */
};

struct sheetinfo {
	char			*name;
	char			*part;	/* xl/worksheets/sheet1.xml */
	enum xlsxread_state	 state;
	struct xlsxread_sheet	*sheet;
};

struct xlsxread {
	char		*name;
	unzFile		 zf;
	struct sheetinfo *sheets;
	size_t		 nsheets;
	struct buf	 sst;		/* shared strings, NUL-separated */
	size_t		*sstoff;
	size_t		 nsst;
};

static int
read_part(char **out, size_t *outlen, struct xlsxread *x, const char *part,
    int optional)
{
	unz_file_info64	 info;
	char		*data = NULL;
	size_t		 got = 0;
	int		 n, r;

	*out = NULL;
	*outlen = 0;
	if (unzLocateFile(x->zf, part, 1) != UNZ_OK) {
		if (optional)
			return NC_ENOTFOUND;
		return error_set(NC_EINVALID, "'%s' is not an Excel workbook:"
		    " it has no %s", x->name, part);
	}
	if (unzGetCurrentFileInfo64(x->zf, &info, NULL, 0, NULL, 0, NULL,
	    0) != UNZ_OK)
		return error_set(NC_EINVALID, "'%s': cannot read %s", x->name,
		    part);
	if (info.uncompressed_size > XLSXREAD_MAX_PART)
		return error_set(NC_EINVALID, "'%s': %s unpacks to %llu"
		    " bytes; the limit is %lu MB", x->name, part,
		    (unsigned long long)info.uncompressed_size,
		    XLSXREAD_MAX_PART / (1024 * 1024));
	if (unzOpenCurrentFile(x->zf) != UNZ_OK)
		return error_set(NC_EINVALID, "'%s': cannot unpack %s",
		    x->name, part);
	if ((data = malloc((size_t)info.uncompressed_size + 1)) == NULL) {
		unzCloseCurrentFile(x->zf);
		return error_set(NC_ENOMEM, "out of memory");
	}
	for (;;) {
		if (got == (size_t)info.uncompressed_size) {
			/* the header may understate the size */
			char	probe;

			n = unzReadCurrentFile(x->zf, &probe, 1);
			if (n == 0)
				break;
			n = -1;
		} else
			n = unzReadCurrentFile(x->zf, data + got,
			    (unsigned)((size_t)info.uncompressed_size - got));
		if (n < 0) {
			unzCloseCurrentFile(x->zf);
			free(data);
			return error_set(NC_EINVALID, "'%s': %s is damaged",
			    x->name, part);
		}
		if (n == 0)
			break;
		got += (size_t)n;
	}
	r = unzCloseCurrentFile(x->zf);
	if (r != UNZ_OK || got != (size_t)info.uncompressed_size) {
		free(data);
		return error_set(NC_EINVALID, "'%s': %s is damaged (bad"
		    " checksum or size)", x->name, part);
	}
	data[got] = '\0';
	*out = data;
	*outlen = got;
	return 0;
}

static xmlTextReaderPtr
reader(const char *data, size_t len)
{
	/* no network, no entity substitution: a form is data, not a program */
	return xmlReaderForMemory(data, (int)len, NULL, NULL,
	    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
}

static int
xml_error(struct xlsxread *x, const char *part, xmlTextReaderPtr rd)
{
	int	line = rd == NULL ? 0 : xmlTextReaderGetParserLineNumber(rd);

	return error_set(NC_EINVALID, "'%s': %s: line %d: not well-formed XML",
	    x->name, part, line);
}

static int
is(const xmlChar *a, const char *b)
{
	return a != NULL && strcmp((const char *)a, b) == 0;
}

static char *
attr(xmlTextReaderPtr rd, const char *name)
{
	return (char *)xmlTextReaderGetAttribute(rd, (const xmlChar *)name);
}

/* r:id and other attributes in a namespace: match by local name. */
static char *
attr_local(xmlTextReaderPtr rd, const char *local)
{
	char	*v = NULL;

	if (xmlTextReaderMoveToFirstAttribute(rd) != 1)
		return NULL;
	do {
		if (is(xmlTextReaderConstLocalName(rd), local)) {
			v = (char *)xmlStrdup(xmlTextReaderConstValue(rd));
			break;
		}
	} while (xmlTextReaderMoveToNextAttribute(rd) == 1);
	xmlTextReaderMoveToElement(rd);
	return v;
}

static int
text_node(int type)
{
	return type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA ||
	    type == XML_READER_TYPE_WHITESPACE ||
	    type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE;
}

static int
load_sst(struct xlsxread *x)
{
	xmlTextReaderPtr	 rd = NULL;
	char			*data = NULL;
	size_t			 len, *v, cap = 0;
	int			 r, t, in_t = 0, in_rph = 0, in_si = 0;
	const xmlChar		*nm;

	if ((r = read_part(&data, &len, x, "xl/sharedStrings.xml", 1)) != 0)
		return r == NC_ENOTFOUND ? 0 : r;
	if ((rd = reader(data, len)) == NULL) {
		r = error_set(NC_ENOMEM, "out of memory");
		goto done;
	}
	while ((r = xmlTextReaderRead(rd)) == 1) {
		t = xmlTextReaderNodeType(rd);
		nm = xmlTextReaderConstLocalName(rd);
		if (t == XML_READER_TYPE_ELEMENT) {
			if (is(nm, "si")) {
				if (x->nsst == cap) {
					cap = cap == 0 ? 256 : cap * 2;
					v = realloc(x->sstoff, cap * sizeof *v);
					if (v == NULL) {
						r = error_set(NC_ENOMEM,
						    "out of memory");
						goto done;
					}
					x->sstoff = v;
				}
				x->sstoff[x->nsst++] = x->sst.len;
				in_si = !xmlTextReaderIsEmptyElement(rd);
				if (!in_si)
					buf_putc(&x->sst, '\0');
			} else if (is(nm, "rPh"))
				in_rph = !xmlTextReaderIsEmptyElement(rd);
			else if (is(nm, "t"))
				in_t = !xmlTextReaderIsEmptyElement(rd);
		} else if (t == XML_READER_TYPE_END_ELEMENT) {
			if (is(nm, "si") && in_si) {
				buf_putc(&x->sst, '\0');
				in_si = 0;
			} else if (is(nm, "rPh"))
				in_rph = 0;
			else if (is(nm, "t"))
				in_t = 0;
		} else if (text_node(t) && in_si && in_t && !in_rph)
			buf_puts(&x->sst, (const char *)
			    xmlTextReaderConstValue(rd));
	}
	if (r != 0) {
		r = xml_error(x, "xl/sharedStrings.xml", rd);
		goto done;
	}
	r = buf_ok(&x->sst);
done:
	xmlFreeTextReader(rd);
	free(data);
	return r;
}

struct rel {
	char	*id;
	char	*target;
};

static int
load_sheets(struct xlsxread *x)
{
	xmlTextReaderPtr	 rd = NULL;
	char			*data = NULL, *id, *target, *state;
	struct rel		*rels = NULL;
	struct sheetinfo	*si;
	size_t			 len, nrels = 0, i;
	int			 r;

	/* the relationships: rId -> part */
	if ((r = read_part(&data, &len, x, "xl/_rels/workbook.xml.rels",
	    0)) != 0)
		return r;
	if ((rd = reader(data, len)) == NULL) {
		r = error_set(NC_ENOMEM, "out of memory");
		goto done;
	}
	while ((r = xmlTextReaderRead(rd)) == 1) {
		if (xmlTextReaderNodeType(rd) != XML_READER_TYPE_ELEMENT ||
		    !is(xmlTextReaderConstLocalName(rd), "Relationship"))
			continue;
		id = attr(rd, "Id");
		target = attr(rd, "Target");
		if (id == NULL || target == NULL) {
			xmlFree(id);
			xmlFree(target);
			continue;
		}
		struct rel *v = realloc(rels, (nrels + 1) * sizeof *v);
		if (v == NULL) {
			xmlFree(id);
			xmlFree(target);
			r = error_set(NC_ENOMEM, "out of memory");
			goto done;
		}
		rels = v;
		rels[nrels].id = id;
		rels[nrels].target = target;
		nrels++;
	}
	if (r != 0) {
		r = xml_error(x, "xl/_rels/workbook.xml.rels", rd);
		goto done;
	}
	xmlFreeTextReader(rd);
	rd = NULL;
	free(data);
	data = NULL;

	if ((r = read_part(&data, &len, x, "xl/workbook.xml", 0)) != 0)
		goto done;
	if ((rd = reader(data, len)) == NULL) {
		r = error_set(NC_ENOMEM, "out of memory");
		goto done;
	}
	while ((r = xmlTextReaderRead(rd)) == 1) {
		if (xmlTextReaderNodeType(rd) != XML_READER_TYPE_ELEMENT ||
		    !is(xmlTextReaderConstLocalName(rd), "sheet"))
			continue;
		si = realloc(x->sheets, (x->nsheets + 1) * sizeof *si);
		if (si == NULL) {
			r = error_set(NC_ENOMEM, "out of memory");
			goto done;
		}
		x->sheets = si;
		si = &x->sheets[x->nsheets];
		memset(si, 0, sizeof *si);
		x->nsheets++;
		si->name = attr(rd, "name");
		state = attr(rd, "state");
		si->state = is((xmlChar *)state, "hidden") ? XLSXREAD_HIDDEN :
		    is((xmlChar *)state, "veryHidden") ? XLSXREAD_VERY_HIDDEN :
		    XLSXREAD_VISIBLE;
		xmlFree(state);
		id = attr_local(rd, "id");
		for (i = 0; id != NULL && i < nrels; i++) {
			if (strcmp(rels[i].id, id) != 0)
				continue;
			target = rels[i].target;
			if (target[0] == '/')
				si->part = strdup(target + 1);
			else if ((si->part = malloc(strlen(target) + 4)) !=
			    NULL) {
				memcpy(si->part, "xl/", 3);
				strcpy(si->part + 3, target);
			}
			break;
		}
		xmlFree(id);
		if (si->name == NULL || si->part == NULL) {
			r = error_set(NC_EINVALID, "'%s': xl/workbook.xml: a"
			    " sheet has no name or no part", x->name);
			goto done;
		}
	}
	if (r != 0) {
		r = xml_error(x, "xl/workbook.xml", rd);
		goto done;
	}
done:
	for (i = 0; i < nrels; i++) {
		xmlFree(rels[i].id);
		xmlFree(rels[i].target);
	}
	free(rels);
	xmlFreeTextReader(rd);
	free(data);
	return r;
}

int
xlsxread_open(struct xlsxread **out, const char *path, const char *name)
{
	struct xlsxread	*x;
	struct stat	 st;
	int		 r;

	*out = NULL;
	if (name == NULL)
		name = path;
	if (stat(path, &st) == -1)
		return error_sys(NC_ENOTFOUND, "cannot open '%s'", name);
	if ((unsigned long long)st.st_size > XLSXREAD_MAX_BYTES)
		return error_set(NC_EINVALID, "'%s' is %.1f MB; the limit is"
		    " %lu MB", name, (double)st.st_size / (1024 * 1024),
		    XLSXREAD_MAX_BYTES / (1024 * 1024));
	if ((x = calloc(1, sizeof *x)) == NULL ||
	    (x->name = strdup(name)) == NULL) {
		free(x);
		return error_set(NC_ENOMEM, "out of memory");
	}
	buf_init(&x->sst);
	if ((x->zf = unzOpen64(path)) == NULL) {
		r = error_set(NC_EINVALID, "'%s' is not an Excel workbook"
		    " (not a zip file)", name);
		goto fail;
	}
	if ((r = load_sheets(x)) != 0 || (r = load_sst(x)) != 0)
		goto fail;
	*out = x;
	return 0;
fail:
	xlsxread_free(x);
	return r;
}

static void
sheet_free(struct xlsxread_sheet *s)
{
	if (s == NULL)
		return;
	free(s->cells);
	buf_free(&s->text);
	free(s);
}

void
xlsxread_free(struct xlsxread *x)
{
	size_t	i;

	if (x == NULL)
		return;
	for (i = 0; i < x->nsheets; i++) {
		xmlFree(x->sheets[i].name);
		free(x->sheets[i].part);
		sheet_free(x->sheets[i].sheet);
	}
	free(x->sheets);
	if (x->zf != NULL)
		unzClose(x->zf);
	buf_free(&x->sst);
	free(x->sstoff);
	free(x->name);
	free(x);
}

size_t
xlsxread_nsheets(const struct xlsxread *x)
{
	return x->nsheets;
}

const char *
xlsxread_sheet_name(const struct xlsxread *x, size_t i)
{
	return i < x->nsheets ? x->sheets[i].name : NULL;
}

enum xlsxread_state
xlsxread_sheet_state(const struct xlsxread *x, size_t i)
{
	return i < x->nsheets ? x->sheets[i].state : XLSXREAD_VISIBLE;
}

int
xlsxread_sheet_find(size_t *out, const struct xlsxread *x, const char *name)
{
	size_t	i;

	for (i = 0; i < x->nsheets; i++) {
		if (strcmp(x->sheets[i].name, name) == 0) {
			*out = i;
			return 0;
		}
	}
	return error_set(NC_ENOTFOUND, "'%s' has no sheet '%s'", x->name,
	    name);
}

int
xlsxread_ref_parse(uint32_t *row, uint32_t *col, const char *ref)
{
	uint32_t	c = 0, r = 0;
	const char	*p = ref;

	while (*p >= 'A' && *p <= 'Z') {
		c = c * 26 + (uint32_t)(*p++ - 'A' + 1);
		if (c > MAXCOL)
			goto bad;
	}
	if (c == 0 || *p < '1' || *p > '9')
		goto bad;
	while (*p >= '0' && *p <= '9') {
		r = r * 10 + (uint32_t)(*p++ - '0');
		if (r > MAXROW)
			goto bad;
	}
	if (*p != '\0')
		goto bad;
	*row = r - 1;
	*col = c - 1;
	return 0;
bad:
	return error_set(NC_EINVALID, "invalid cell reference '%s'", ref);
}

void
xlsxread_col_format(char *out, uint32_t col)
{
	char	tmp[8];
	size_t	n = 0, i;

	col++;
	while (col > 0 && n < sizeof tmp) {
		tmp[n++] = (char)('A' + (col - 1) % 26);
		col = (col - 1) / 26;
	}
	for (i = 0; i < n; i++)
		out[i] = tmp[n - 1 - i];
	out[n] = '\0';
}

void
xlsxread_ref_format(char *out, uint32_t row, uint32_t col)
{
	char	c[8];

	xlsxread_col_format(c, col);
	snprintf(out, 16, "%s%u", c, row + 1);
}

static int
cellcmp(const void *a, const void *b)
{
	const struct xcell	*x = a, *y = b;

	if (x->row != y->row)
		return x->row < y->row ? -1 : 1;
	if (x->col != y->col)
		return x->col < y->col ? -1 : 1;
	return 0;
}

struct cellstate {
	struct xcell	 c;
	int		 have;
	int		 in_v, in_is, in_t, in_rph;
	char		*type;
	struct buf	 val;
};

static int
finish_cell(struct xlsxread *x, struct xlsxread_sheet *s,
    struct cellstate *cs, const char *part)
{
	struct xcell	*c = &cs->c, *v;
	const char	*t = cs->type, *val = cs->val.data ? cs->val.data : "";
	char		*end;
	unsigned long	 k;

	if (t != NULL && strcmp(t, "s") == 0) {
		k = strtoul(val, &end, 10);
		if (*val == '\0' || *end != '\0' || k >= x->nsst)
			return error_set(NC_EINVALID, "'%s': %s: cell at row"
			    " %u refers to shared string '%s', which does not"
			    " exist", x->name, part, c->row + 1, val);
		c->type = XLSXREAD_STRING;
		c->shared = 1;
		c->off = x->sstoff[k];
	} else {
		if (!cs->have && !c->formula)
			return 0;
		if (t != NULL && (strcmp(t, "inlineStr") == 0 ||
		    strcmp(t, "str") == 0))
			c->type = XLSXREAD_STRING;
		else if (t != NULL && strcmp(t, "b") == 0) {
			c->type = XLSXREAD_BOOL;
			c->num = strcmp(val, "1") == 0;
			val = c->num != 0 ? "TRUE" : "FALSE";
		} else if (t != NULL && strcmp(t, "e") == 0)
			c->type = XLSXREAD_ERROR;
		else if (!cs->have || (c->formula && *val == '\0'))
			/* a formula never calculated has no value */
			c->type = XLSXREAD_EMPTY;
		else {
			c->type = XLSXREAD_NUMBER;
			c->num = strtod(val, &end);
			if (*val == '\0' || *end != '\0')
				return error_set(NC_EINVALID, "'%s': %s: cell"
				    " at row %u holds '%s', not a number",
				    x->name, part, c->row + 1, val);
		}
		c->off = s->text.len;
		buf_puts(&s->text, val);
		buf_putc(&s->text, '\0');
	}
	if (s->n == s->cap) {
		s->cap = s->cap == 0 ? 1024 : s->cap * 2;
		if ((v = realloc(s->cells, s->cap * sizeof *v)) == NULL)
			return error_set(NC_ENOMEM, "out of memory");
		s->cells = v;
	}
	s->cells[s->n++] = *c;
	if (c->row + 1 > s->nrows)
		s->nrows = c->row + 1;
	if (c->col + 1 > s->ncols)
		s->ncols = c->col + 1;
	return 0;
}

static int
load_sheet(struct xlsxread *x, struct sheetinfo *si)
{
	struct xlsxread_sheet	*s = NULL;
	struct cellstate	 cs;
	xmlTextReaderPtr	 rd = NULL;
	const xmlChar		*nm;
	char			*data = NULL, *a;
	size_t			 len, i;
	uint32_t		 row = 0, col = 0, rr, cc;
	int			 r, t, nextrow = 0, sorted = 1, in_c = 0;

	memset(&cs, 0, sizeof cs);
	buf_init(&cs.val);
	if ((r = read_part(&data, &len, x, si->part, 0)) != 0)
		return r;
	if ((s = calloc(1, sizeof *s)) == NULL ||
	    (rd = reader(data, len)) == NULL) {
		r = error_set(NC_ENOMEM, "out of memory");
		goto done;
	}
	buf_init(&s->text);
	while ((r = xmlTextReaderRead(rd)) == 1) {
		t = xmlTextReaderNodeType(rd);
		nm = xmlTextReaderConstLocalName(rd);
		if (t == XML_READER_TYPE_ELEMENT && is(nm, "row")) {
			a = attr(rd, "r");
			if (a != NULL)
				row = (uint32_t)strtoul(a, NULL, 10) - 1;
			else
				row = (uint32_t)nextrow;
			xmlFree(a);
			if (row >= MAXROW) {
				r = error_set(NC_EINVALID, "'%s': %s: row"
				    " number out of range", x->name, si->part);
				goto done;
			}
			nextrow = (int)row + 1;
			col = 0;
		} else if (t == XML_READER_TYPE_ELEMENT && is(nm, "c")) {
			memset(&cs.c, 0, sizeof cs.c);
			cs.have = 0;
			buf_reset(&cs.val);
			xmlFree(cs.type);
			cs.type = attr(rd, "t");
			a = attr(rd, "r");
			if (a != NULL) {
				if (xlsxread_ref_parse(&rr, &cc, a) != 0) {
					r = error_set(NC_EINVALID, "'%s': %s:"
					    " invalid cell reference '%s'",
					    x->name, si->part, a);
					xmlFree(a);
					goto done;
				}
				row = rr;
				col = cc;
				nextrow = (int)row + 1;
			}
			xmlFree(a);
			cs.c.row = row;
			cs.c.col = col++;
			if (s->n > 0 && cellcmp(&s->cells[s->n - 1],
			    &cs.c) >= 0)
				sorted = 0;
			in_c = 1;
			if (xmlTextReaderIsEmptyElement(rd))
				in_c = 0;	/* a styled empty cell */
		} else if (t == XML_READER_TYPE_END_ELEMENT && is(nm, "c") &&
		    in_c) {
			if ((r = finish_cell(x, s, &cs, si->part)) != 0)
				goto done;
			in_c = 0;
		} else if (!in_c)
			continue;
		else if (t == XML_READER_TYPE_ELEMENT) {
			if (is(nm, "f"))
				cs.c.formula = 1;
			else if (is(nm, "v") &&
			    !xmlTextReaderIsEmptyElement(rd)) {
				cs.in_v = 1;
				cs.have = 1;
			} else if (is(nm, "is")) {
				cs.in_is = 1;
				cs.have = 1;
			} else if (is(nm, "t"))
				cs.in_t = 1;
			else if (is(nm, "rPh"))
				cs.in_rph = 1;
		} else if (t == XML_READER_TYPE_END_ELEMENT) {
			if (is(nm, "v"))
				cs.in_v = 0;
			else if (is(nm, "is"))
				cs.in_is = 0;
			else if (is(nm, "t"))
				cs.in_t = 0;
			else if (is(nm, "rPh"))
				cs.in_rph = 0;
		} else if (text_node(t) && (cs.in_v || (cs.in_is &&
		    cs.in_t && !cs.in_rph)))
			buf_puts(&cs.val, (const char *)
			    xmlTextReaderConstValue(rd));
	}
	if (r != 0) {
		r = xml_error(x, si->part, rd);
		goto done;
	}
	if ((r = buf_ok(&s->text)) != 0 || (r = buf_ok(&cs.val)) != 0)
		goto done;
	if (!sorted)
		qsort(s->cells, s->n, sizeof *s->cells, cellcmp);
	for (i = 1; i < s->n; i++) {
		if (cellcmp(&s->cells[i - 1], &s->cells[i]) == 0) {
			char	ref[16];

			xlsxread_ref_format(ref, s->cells[i].row,
			    s->cells[i].col);
			r = error_set(NC_EINVALID, "'%s': %s: cell %s appears"
			    " twice", x->name, si->part, ref);
			goto done;
		}
	}
	si->sheet = s;
	s = NULL;
done:
	xmlFree(cs.type);
	buf_free(&cs.val);
	xmlFreeTextReader(rd);
	free(data);
	sheet_free(s);
	return r;
}

int
xlsxread_sheet(const struct xlsxread_sheet **out, struct xlsxread *x,
    size_t i)
{
	int	r;

	*out = NULL;
	if (i >= x->nsheets)
		return error_set(NC_ENOTFOUND, "'%s' has no sheet %zu",
		    x->name, i + 1);
	if (x->sheets[i].sheet == NULL &&
	    (r = load_sheet(x, &x->sheets[i])) != 0)
		return r;
	/* shared strings are read-only once the workbook is open */
	x->sheets[i].sheet->sst = x->sst.data;
	*out = x->sheets[i].sheet;
	return 0;
}

uint32_t
xlsxread_nrows(const struct xlsxread_sheet *s)
{
	return s->nrows;
}

uint32_t
xlsxread_ncols(const struct xlsxread_sheet *s)
{
	return s->ncols;
}

struct xlsxread_cell
xlsxread_cell(const struct xlsxread_sheet *s, uint32_t row, uint32_t col)
{
	struct xlsxread_cell	 out;
	struct xcell		 key, *c;

	key.row = row;
	key.col = col;
	c = s->n == 0 ? NULL : bsearch(&key, s->cells, s->n, sizeof *c,
	    cellcmp);
	memset(&out, 0, sizeof out);
	out.text = "";
	if (c != NULL) {
		out.type = c->type;
		out.num = c->num;
		out.formula = c->formula;
		out.text = c->shared ? s->sst + c->off : s->text.data + c->off;
	}
	return out;
}

int
xlsxread_serial_date(int *y, int *m, int *d, double serial)
{
	struct cal_date	dt;
	long		n = (long)serial;

	/* serial 61 is 1900-03-01; 60 is Excel's phantom 1900-02-29 */
	if (serial < 61 || serial >= 2958466)
		return error_set(NC_EINVALID, "date serial %g is out of"
		    " range", serial);
	dt = cal_from_days(n - 25569);
	*y = dt.y;
	*m = dt.m;
	*d = dt.d;
	return 0;
}
