/*
 * .xlsx reader on minizip's unzip and libxml2's xmlTextReader (see
 * xlsxread.h).  The file is read into memory (it is at most the file
 * limit) and unzipped from there; each part is streamed from the unzip
 * into the XML reader, so a part's unpacked size is never held whole and
 * the limits are checked as the bytes come.  A sheet's cells are kept in
 * one array of 12-byte entries sorted by row and column, their text in
 * one buffer, and found by binary search.
 */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <libxml/xmlreader.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <unzip.h>

#include "buf.h"
#include "cal.h"
#include "error.h"
#include "lazylib.h"
#include "text.h"
#include "xlsxread.h"

/* Excel's limits: 1,048,576 rows and 16,384 columns. */
#define MAXROW	1048576U
#define MAXCOL	16384U

enum {
	XC_FORMULA = 1,
	XC_SHARED = 2,		/* text is the workbook's shared string */
};

struct xcell {
	uint32_t	 row;
	uint16_t	 col;
	uint8_t		 type;		/* enum xlsxread_type */
	uint8_t		 flags;
	uint32_t	 off;		/* sheet text, or sst index */
};

struct xlsxread_sheet {
	struct xcell	*cells;
	size_t		 n;
	size_t		 cap;
	struct buf	 text;
	uint32_t	 nrows;
	uint32_t	 ncols;
	const struct xlsxread *x;
};

struct sheetinfo {
	char			*name;
	char			*part;	/* xl/worksheets/sheet1.xml */
	enum xlsxread_state	 state;
	struct xlsxread_sheet	*sheet;
};

struct xlsxread {
	char		*name;
	char		*data;		/* the file */
	size_t		 len;
	size_t		 pos;		/* minizip's file position */
	unzFile		 zf;
	struct io_limits lim;
	uint64_t	 unpacked;	/* bytes unzipped so far */
	struct sheetinfo *sheets;
	size_t		 nsheets;
	struct buf	 sst;		/* shared strings, NUL-separated */
	uint32_t	*sstoff;
	size_t		 nsst;
};

/* ---- minizip on the bytes in memory ---- */

static voidpf ZCALLBACK
mem_open(voidpf opaque, const void *filename, int mode)
{
	(void)filename;
	if ((mode & ZLIB_FILEFUNC_MODE_WRITE) != 0)
		return NULL;
	((struct xlsxread *)opaque)->pos = 0;
	return opaque;
}

static uLong ZCALLBACK
mem_read(voidpf opaque, voidpf stream, void *buf, uLong size)
{
	struct xlsxread	*x = opaque;
	size_t		 n;

	(void)stream;
	n = x->len - x->pos;
	if (n > size)
		n = size;
	memcpy(buf, x->data + x->pos, n);
	x->pos += n;
	return (uLong)n;
}

static uLong ZCALLBACK
mem_write(voidpf opaque, voidpf stream, const void *buf, uLong size)
{
	(void)opaque;
	(void)stream;
	(void)buf;
	(void)size;
	return 0;
}

static ZPOS64_T ZCALLBACK
mem_tell(voidpf opaque, voidpf stream)
{
	(void)stream;
	return ((struct xlsxread *)opaque)->pos;
}

static long ZCALLBACK
mem_seek(voidpf opaque, voidpf stream, ZPOS64_T off, int origin)
{
	struct xlsxread	*x = opaque;
	ZPOS64_T	 base;

	(void)stream;
	switch (origin) {
	case ZLIB_FILEFUNC_SEEK_SET:
		base = 0;
		break;
	case ZLIB_FILEFUNC_SEEK_CUR:
		base = x->pos;
		break;
	case ZLIB_FILEFUNC_SEEK_END:
		base = x->len;
		break;
	default:
		return -1;
	}
	if (off > x->len || base > x->len - off)
		return -1;
	x->pos = (size_t)(base + off);
	return 0;
}

static int ZCALLBACK
mem_close(voidpf opaque, voidpf stream)
{
	(void)opaque;
	(void)stream;
	return 0;
}

static int ZCALLBACK
mem_error(voidpf opaque, voidpf stream)
{
	(void)opaque;
	(void)stream;
	return 0;
}

/* ---- parts, streamed into the XML reader ---- */

struct stream {
	struct xlsxread	*x;
	const char	*part;
	uint64_t	 got;
	int		 over;		/* the unpack limit was reached */
	int		 damaged;
	/* the XML reader's first error */
	char		 msg[256];
	int		 line, col;
	int		 haserr;
};

static int
stream_read(void *ctx, char *buf, int len)
{
	struct stream	*s = ctx;
	struct xlsxread	*x = s->x;
	int		 n;

	if (s->over || s->damaged)
		return -1;
	if ((n = unzReadCurrentFile(x->zf, buf, (unsigned)len)) < 0) {
		s->damaged = 1;
		return -1;
	}
	s->got += (uint64_t)n;
	x->unpacked += (uint64_t)n;
	if (x->unpacked > x->lim.unpacked_bytes) {
		s->over = 1;
		return -1;
	}
	return n;
}

static int
stream_close(void *ctx)
{
	(void)ctx;
	return 0;
}

static void
stream_error(void *ctx, xmlErrorPtr e)
{
	struct stream	*s = ctx;
	size_t		 n;

	if (s->haserr || e == NULL)
		return;
	s->haserr = 1;
	snprintf(s->msg, sizeof s->msg, "%s", e->message ? e->message : "");
	n = strlen(s->msg);
	while (n > 0 && (s->msg[n - 1] == '\n' || s->msg[n - 1] == ' '))
		s->msg[--n] = '\0';
	s->line = e->line;
	s->col = e->int2;
}

/* "128 MB", or the bytes when that is not whole megabytes. */
static const char *
size_text(char *buf, size_t size, uint64_t n)
{
	if (n >= (1 << 20) && n % (1 << 20) == 0)
		snprintf(buf, size, "%llu MB", (unsigned long long)(n >> 20));
	else
		snprintf(buf, size, "%llu bytes", (unsigned long long)n);
	return buf;
}

static int
unpack_limit(struct xlsxread *x, const char *part)
{
	char	lim[32];

	size_text(lim, sizeof lim, x->lim.unpacked_bytes);
	return error_set(NC_EINVALID, "'%s': %s: the parts read unpack to"
	    " more than %s; the limit is %s for all parts read (unpacked"
	    " size)", x->name, part, lim, lim);
}

/*
 * Open part for streaming: *rd reads it.  NC_ENOTFOUND (no message) for
 * a missing optional part.
 */
static int
part_open(xmlTextReaderPtr *rd, struct stream *s, struct xlsxread *x,
    const char *part, int optional)
{
	unz_file_info64	 info;
	char		 lim[32];

	*rd = NULL;
	memset(s, 0, sizeof *s);
	s->x = x;
	s->part = part;
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
	/* what the zip says: refuse before unpacking anything */
	if (x->unpacked > x->lim.unpacked_bytes ||
	    info.uncompressed_size > x->lim.unpacked_bytes - x->unpacked)
		return error_set(NC_EINVALID, "'%s': %s unpacks to %llu"
		    " bytes; the limit is %s for all parts read (unpacked"
		    " size)", x->name, part,
		    (unsigned long long)info.uncompressed_size,
		    size_text(lim, sizeof lim, x->lim.unpacked_bytes));
	if (unzOpenCurrentFile(x->zf) != UNZ_OK)
		return error_set(NC_EINVALID, "'%s': cannot unpack %s",
		    x->name, part);
	/* no network, no entities, no DTD: a form is data, not a program */
	*rd = xmlReaderForIO(stream_read, stream_close, s, NULL, NULL,
	    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	if (*rd == NULL) {
		unzCloseCurrentFile(x->zf);
		return error_set(NC_ENOMEM, "out of memory");
	}
	xmlTextReaderSetStructuredErrorHandler(*rd, stream_error, s);
	return 0;
}

/*
 * Finish a part: the reader's result r (xmlTextReaderRead's last), then
 * the rest of the part read so that the checksum is checked.  The first
 * problem becomes the message.
 */
static int
part_close(xmlTextReaderPtr rd, struct stream *s, int r)
{
	struct xlsxread	*x = s->x;
	char		 rest[4096];
	int		 n, cr;

	xmlFreeTextReader(rd);
	if (s->over) {
		unzCloseCurrentFile(x->zf);
		return unpack_limit(x, s->part);
	}
	if (s->damaged) {
		unzCloseCurrentFile(x->zf);
		return error_set(NC_EINVALID, "'%s': %s is damaged", x->name,
		    s->part);
	}
	if (r != 0) {
		unzCloseCurrentFile(x->zf);
		if (s->haserr && strstr(s->msg, "huge text") != NULL)
			return error_set(NC_EINVALID, "'%s': %s: line %d: a"
			    " text of more than 10,000,000 bytes (the XML"
			    " reader's limit); a cell holds at most %u"
			    " characters (field length)", x->name, s->part,
			    s->line, x->lim.field_chars);
		if (s->haserr)
			return error_set(NC_EINVALID, "'%s': %s: line %d,"
			    " column %d: not well-formed XML: %s", x->name,
			    s->part, s->line, s->col, s->msg);
		return error_set(NC_EINVALID, "'%s': %s: not well-formed XML",
		    x->name, s->part);
	}
	while ((n = unzReadCurrentFile(x->zf, rest, sizeof rest)) > 0) {
		s->got += (uint64_t)n;
		x->unpacked += (uint64_t)n;
		if (x->unpacked > x->lim.unpacked_bytes) {
			unzCloseCurrentFile(x->zf);
			return unpack_limit(x, s->part);
		}
	}
	cr = unzCloseCurrentFile(x->zf);
	if (n < 0 || cr != UNZ_OK)
		return error_set(NC_EINVALID, "'%s': %s is damaged (bad"
		    " checksum or size)", x->name, s->part);
	return 0;
}

/* Give up on a part after an error of our own: the message stays. */
static void
part_abort(xmlTextReaderPtr rd, struct stream *s)
{
	xmlFreeTextReader(rd);
	unzCloseCurrentFile(s->x->zf);
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

/* The characters of a cell's text, against the field limit. */
static int
too_long(const struct xlsxread *x, const char *s, size_t len)
{
	return len > x->lim.field_chars &&
	    text_chars(s, len) > x->lim.field_chars;
}

static int
load_sst(struct xlsxread *x)
{
	static const char	 part[] = "xl/sharedStrings.xml";
	struct stream		 s;
	xmlTextReaderPtr	 rd = NULL;
	size_t			 cap = 0, start = 0;
	uint32_t		*v;
	int			 r, t, in_t = 0, in_rph = 0, in_si = 0;
	const xmlChar		*nm;

	if ((r = part_open(&rd, &s, x, part, 1)) != 0)
		return r == NC_ENOTFOUND ? 0 : r;
	while ((r = xmlTextReaderRead(rd)) == 1) {
		t = xmlTextReaderNodeType(rd);
		nm = xmlTextReaderConstLocalName(rd);
		if (t == XML_READER_TYPE_ELEMENT) {
			if (is(nm, "si")) {
				if (x->nsst >= x->lim.cells) {
					r = error_set(NC_EINVALID, "'%s': %s:"
					    " more than %llu strings; the limit"
					    " is %llu (cells)", x->name, part,
					    (unsigned long long)x->lim.cells,
					    (unsigned long long)x->lim.cells);
					goto fail;
				}
				if (x->nsst == cap) {
					cap = cap == 0 ? 256 : cap * 2;
					v = realloc(x->sstoff, cap * sizeof *v);
					if (v == NULL) {
						r = error_set(NC_ENOMEM,
						    "out of memory");
						goto fail;
					}
					x->sstoff = v;
				}
				if (x->sst.len >= UINT32_MAX) {
					r = unpack_limit(x, part);
					goto fail;
				}
				start = x->sst.len;
				x->sstoff[x->nsst++] = (uint32_t)start;
				in_si = !xmlTextReaderIsEmptyElement(rd);
				if (!in_si)
					buf_putc(&x->sst, '\0');
			} else if (is(nm, "rPh"))
				in_rph = !xmlTextReaderIsEmptyElement(rd);
			else if (is(nm, "t"))
				in_t = !xmlTextReaderIsEmptyElement(rd);
		} else if (t == XML_READER_TYPE_END_ELEMENT) {
			if (is(nm, "si") && in_si) {
				/*
				 * <si></si> first: nothing in the buffer yet,
				 * no data to offset (UBSan, fuzz_xlsx)
				 */
				if (x->sst.len > start && too_long(x,
				    x->sst.data + start, x->sst.len - start)) {
					r = error_set(NC_EINVALID, "'%s': %s:"
					    " shared string %zu is longer than"
					    " %u characters (field length)",
					    x->name, part, x->nsst,
					    x->lim.field_chars);
					goto fail;
				}
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
	if ((r = part_close(rd, &s, r)) != 0)
		return r;
	return buf_ok(&x->sst);
fail:
	part_abort(rd, &s);
	return r;
}

struct rel {
	char	*id;
	char	*target;
};

static int
load_rels(struct rel **out, size_t *nout, struct xlsxread *x)
{
	static const char	 part[] = "xl/_rels/workbook.xml.rels";
	struct stream		 s;
	xmlTextReaderPtr	 rd;
	struct rel		*rels = NULL, *v;
	char			*id, *target;
	size_t			 n = 0;
	int			 r;

	*out = NULL;
	*nout = 0;
	if ((r = part_open(&rd, &s, x, part, 0)) != 0)
		return r;
	while ((r = xmlTextReaderRead(rd)) == 1) {
		if (xmlTextReaderNodeType(rd) != XML_READER_TYPE_ELEMENT ||
		    !is(xmlTextReaderConstLocalName(rd), "Relationship"))
			continue;
		id = attr(rd, "Id");
		target = attr(rd, "Target");
		if (id == NULL || target == NULL ||
		    (v = realloc(rels, (n + 1) * sizeof *v)) == NULL) {
			xmlFree(id);
			xmlFree(target);
			if (id == NULL || target == NULL)
				continue;
			r = -2;
			break;
		}
		rels = v;
		rels[n].id = id;
		rels[n].target = target;
		n++;
	}
	if (r == -2) {
		part_abort(rd, &s);
		r = error_set(NC_ENOMEM, "out of memory");
	} else
		r = part_close(rd, &s, r);
	*out = rels;
	*nout = n;
	return r;
}

static char *
part_name(const char *target)
{
	char	*p;

	if (target[0] == '/')
		return strdup(target + 1);
	if ((p = malloc(strlen(target) + 4)) != NULL) {
		memcpy(p, "xl/", 3);
		strcpy(p + 3, target);
	}
	return p;
}

static int
load_sheets(struct xlsxread *x)
{
	static const char	 part[] = "xl/workbook.xml";
	struct stream		 s;
	xmlTextReaderPtr	 rd = NULL;
	char			*id, *state;
	struct rel		*rels = NULL;
	struct sheetinfo	*si;
	size_t			 nrels = 0, i;
	int			 r, open = 0;

	if ((r = load_rels(&rels, &nrels, x)) != 0)
		goto done;
	if ((r = part_open(&rd, &s, x, part, 0)) != 0)
		goto done;
	open = 1;
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
			if (strcmp(rels[i].id, id) == 0) {
				si->part = part_name(rels[i].target);
				break;
			}
		}
		xmlFree(id);
		if (si->name == NULL || si->part == NULL) {
			r = error_set(NC_EINVALID, "'%s': xl/workbook.xml: a"
			    " sheet has no name or no part", x->name);
			goto done;
		}
	}
	open = 0;
	r = part_close(rd, &s, r);
done:
	if (open)
		part_abort(rd, &s);
	for (i = 0; i < nrels; i++) {
		xmlFree(rels[i].id);
		xmlFree(rels[i].target);
	}
	free(rels);
	return r;
}

static int
open_data(struct xlsxread **out, char *data, size_t len, const char *name,
    const struct io_limits *lim)
{
	zlib_filefunc64_def	 io;
	struct xlsxread		*x;
	int			 r;

	/* libxml2 and minizip are loaded on first use (lazylib.h). */
	if ((r = lazylib_load(&lazylib_libxml2)) != 0 ||
	    (r = lazylib_load(&lazylib_libminizip)) != 0) {
		free(data);
		return r;
	}
	if ((x = calloc(1, sizeof *x)) == NULL ||
	    (x->name = strdup(name)) == NULL) {
		free(x);
		free(data);
		return error_set(NC_ENOMEM, "out of memory");
	}
	x->data = data;
	x->len = len;
	x->lim = io_limits(lim);
	buf_init(&x->sst);
	memset(&io, 0, sizeof io);
	io.zopen64_file = mem_open;
	io.zread_file = mem_read;
	io.zwrite_file = mem_write;
	io.ztell64_file = mem_tell;
	io.zseek64_file = mem_seek;
	io.zclose_file = mem_close;
	io.zerror_file = mem_error;
	io.opaque = x;
	if ((x->zf = unzOpen2_64(name, &io)) == NULL) {
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

int
xlsxread_open_mem(struct xlsxread **out, const void *data, size_t len,
    const char *name, const struct io_limits *limp)
{
	struct io_limits lim = io_limits(limp);
	char		*copy;

	*out = NULL;
	if (len > lim.file_bytes)
		return error_set(NC_EINVALID, "'%s' is %.1f MB; the limit is"
		    " %llu MB", name, (double)len / (1024 * 1024),
		    (unsigned long long)(lim.file_bytes / (1024 * 1024)));
	if ((copy = malloc(len + 1)) == NULL)
		return error_set(NC_ENOMEM, "out of memory");
	if (len > 0)
		memcpy(copy, data, len);
	return open_data(out, copy, len, name, &lim);
}

int
xlsxread_open_lim(struct xlsxread **out, const char *path, const char *name,
    const struct io_limits *limp)
{
	struct io_limits lim = io_limits(limp);
	struct stat	 st;
	char		*data = NULL;
	size_t		 got = 0;
	ssize_t		 n;
	int		 fd, r;

	*out = NULL;
	if (name == NULL)
		name = path;
	if ((fd = open(path, O_RDONLY)) == -1)
		return error_sys(errno == ENOENT ? NC_ENOTFOUND : NC_EIO,
		    "cannot open '%s'", name);
	if (fstat(fd, &st) == -1) {
		r = error_sys(NC_EIO, "cannot read '%s'", name);
		goto fail;
	}
	if (!S_ISREG(st.st_mode)) {
		r = error_set(NC_EINVALID, "'%s' is not a regular file", name);
		goto fail;
	}
	if ((unsigned long long)st.st_size > lim.file_bytes) {
		r = error_set(NC_EINVALID, "'%s' is %.1f MB; the limit is"
		    " %llu MB", name, (double)st.st_size / (1024 * 1024),
		    (unsigned long long)(lim.file_bytes / (1024 * 1024)));
		goto fail;
	}
	if ((data = malloc((size_t)st.st_size + 1)) == NULL) {
		r = error_set(NC_ENOMEM, "out of memory");
		goto fail;
	}
	while (got < (size_t)st.st_size) {
		n = read(fd, data + got, (size_t)st.st_size - got);
		if (n == -1 && errno == EINTR)
			continue;
		if (n <= 0) {
			r = error_sys(NC_EIO, "cannot read '%s'", name);
			goto fail;
		}
		got += (size_t)n;
	}
	close(fd);
	return open_data(out, data, got, name, &lim);
fail:
	free(data);
	close(fd);
	return r;
}

int
xlsxread_open(struct xlsxread **out, const char *path, const char *name)
{
	return xlsxread_open_lim(out, path, name, NULL);
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
	free(x->data);
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
	char		*end, ref[16];
	unsigned long	 k;
	size_t		 cap;

	xlsxread_ref_format(ref, c->row, c->col);
	if (t != NULL && strcmp(t, "s") == 0) {
		k = strtoul(val, &end, 10);
		if (*val == '\0' || *end != '\0' || k >= x->nsst)
			return error_set(NC_EINVALID, "'%s': %s: cell %s"
			    " refers to shared string '%s', which does not"
			    " exist", x->name, part, ref, val);
		c->type = XLSXREAD_STRING;
		c->flags |= XC_SHARED;
		c->off = (uint32_t)k;
	} else {
		if (!cs->have && !(c->flags & XC_FORMULA))
			return 0;
		if (t != NULL && (strcmp(t, "inlineStr") == 0 ||
		    strcmp(t, "str") == 0))
			c->type = XLSXREAD_STRING;
		else if (t != NULL && strcmp(t, "b") == 0) {
			c->type = XLSXREAD_BOOL;
			val = strcmp(val, "1") == 0 ? "TRUE" : "FALSE";
		} else if (t != NULL && strcmp(t, "e") == 0)
			c->type = XLSXREAD_ERROR;
		else if (!cs->have || ((c->flags & XC_FORMULA) &&
		    *val == '\0'))
			/* a formula never calculated has no value */
			c->type = XLSXREAD_EMPTY;
		else {
			c->type = XLSXREAD_NUMBER;
			(void)strtod(val, &end);
			if (*val == '\0' || *end != '\0')
				return error_set(NC_EINVALID, "'%s': %s: cell"
				    " %s holds '%.40s', not a number", x->name,
				    part, ref, val);
		}
		if (too_long(x, val, strlen(val)))
			return error_set(NC_EINVALID, "'%s': %s: cell %s"
			    " holds %zu characters; the limit is %u (field"
			    " length)", x->name, part, ref,
			    text_chars(val, strlen(val)), x->lim.field_chars);
		if (s->text.len >= UINT32_MAX - strlen(val) - 1)
			return unpack_limit(x, part);
		c->off = (uint32_t)s->text.len;
		buf_puts(&s->text, val);
		buf_putc(&s->text, '\0');
	}
	if (s->n == s->cap) {
		cap = s->cap == 0 ? 1024 : s->cap * 2;
		if ((v = realloc(s->cells, cap * sizeof *v)) == NULL)
			return error_set(NC_ENOMEM, "out of memory");
		s->cells = v;
		s->cap = cap;
	}
	s->cells[s->n++] = *c;
	if (c->row + 1 > s->nrows)
		s->nrows = c->row + 1;
	if ((uint32_t)c->col + 1 > s->ncols)
		s->ncols = (uint32_t)c->col + 1;
	return 0;
}

/* "A1:Z300" of a <dimension>: refuse a sheet that says it is too big. */
static int
check_dimension(struct xlsxread *x, const char *part, const char *ref)
{
	const char	*colon;
	uint32_t	 row, col;

	if (ref == NULL || (colon = strchr(ref, ':')) == NULL ||
	    xlsxread_ref_parse(&row, &col, colon + 1) != 0)
		return 0;
	if (row >= x->lim.rows)
		return error_set(NC_EINVALID, "'%s': %s: the sheet has %u"
		    " rows (%s); the limit is %u rows", x->name, part, row + 1,
		    ref, x->lim.rows);
	if (col >= x->lim.cols)
		return error_set(NC_EINVALID, "'%s': %s: the sheet has %u"
		    " columns (%s); the limit is %u columns", x->name, part,
		    col + 1, ref, x->lim.cols);
	return 0;
}

static int
row_limit(struct xlsxread *x, const char *part, uint32_t row)
{
	return error_set(NC_EINVALID, "'%s': %s: row %u is beyond the limit"
	    " of %u rows", x->name, part, row + 1, x->lim.rows);
}

/* A <c> element starts: its position and type. */
static int
start_cell(struct xlsxread *x, xmlTextReaderPtr rd, struct cellstate *cs,
    const char *part, uint32_t *row, uint32_t *col, uint64_t *ncells)
{
	uint32_t	 rr, cc;
	char		*a, cref[8];

	memset(&cs->c, 0, sizeof cs->c);
	cs->have = 0;
	buf_reset(&cs->val);
	xmlFree(cs->type);
	cs->type = attr(rd, "t");
	if ((a = attr(rd, "r")) != NULL) {
		if (xlsxread_ref_parse(&rr, &cc, a) != 0) {
			error_set(NC_EINVALID, "'%s': %s: invalid cell"
			    " reference '%.20s'", x->name, part, a);
			xmlFree(a);
			return NC_EINVALID;
		}
		*row = rr;
		*col = cc;
		xmlFree(a);
	}
	if (++*ncells > x->lim.cells)
		return error_set(NC_EINVALID, "'%s': %s: the sheet has more"
		    " than %llu cells; the limit is %llu cells", x->name, part,
		    (unsigned long long)x->lim.cells,
		    (unsigned long long)x->lim.cells);
	if (*row >= x->lim.rows)
		return row_limit(x, part, *row);
	if (*col >= x->lim.cols || *col >= MAXCOL) {
		xlsxread_col_format(cref, *col < MAXCOL ? *col : MAXCOL - 1);
		return error_set(NC_EINVALID, "'%s': %s: column %s%s is"
		    " beyond the limit of %u columns", x->name, part, cref,
		    *col < MAXCOL ? "" : " or later", x->lim.cols);
	}
	cs->c.row = *row;
	cs->c.col = (uint16_t)(*col)++;
	return 0;
}

/* Inside a <c>: its value, formula, inline string. */
static void
cell_content(xmlTextReaderPtr rd, struct cellstate *cs, int t,
    const xmlChar *nm)
{
	if (t == XML_READER_TYPE_ELEMENT) {
		if (is(nm, "f"))
			cs->c.flags |= XC_FORMULA;
		else if (is(nm, "v") && !xmlTextReaderIsEmptyElement(rd)) {
			cs->in_v = 1;
			cs->have = 1;
		} else if (is(nm, "is")) {
			cs->in_is = 1;
			cs->have = 1;
		} else if (is(nm, "t"))
			cs->in_t = 1;
		else if (is(nm, "rPh"))
			cs->in_rph = 1;
	} else if (t == XML_READER_TYPE_END_ELEMENT) {
		if (is(nm, "v"))
			cs->in_v = 0;
		else if (is(nm, "is"))
			cs->in_is = 0;
		else if (is(nm, "t"))
			cs->in_t = 0;
		else if (is(nm, "rPh"))
			cs->in_rph = 0;
	} else if (text_node(t) && (cs->in_v || (cs->in_is && cs->in_t &&
	    !cs->in_rph)))
		buf_puts(&cs->val, (const char *)xmlTextReaderConstValue(rd));
}

/* Sort (when the file had cells out of order) and refuse duplicates. */
static int
sort_cells(struct xlsxread *x, struct xlsxread_sheet *s, const char *part,
    int sorted)
{
	size_t	i;
	char	ref[16];

	if (!sorted)
		qsort(s->cells, s->n, sizeof *s->cells, cellcmp);
	for (i = 1; i < s->n; i++) {
		if (cellcmp(&s->cells[i - 1], &s->cells[i]) == 0) {
			xlsxread_ref_format(ref, s->cells[i].row,
			    s->cells[i].col);
			return error_set(NC_EINVALID, "'%s': %s: cell %s"
			    " appears twice", x->name, part, ref);
		}
	}
	return 0;
}

static int
load_sheet(struct xlsxread *x, struct sheetinfo *si)
{
	struct xlsxread_sheet	*s = NULL;
	struct cellstate	 cs;
	struct stream		 st;
	xmlTextReaderPtr	 rd = NULL;
	const xmlChar		*nm;
	char			*a;
	uint64_t		 ncells = 0;
	uint32_t		 row = 0, col = 0, nextrow = 0;
	unsigned long		 rn;
	int			 r, t, sorted = 1, in_c = 0, open = 0;

	memset(&cs, 0, sizeof cs);
	buf_init(&cs.val);
	if ((s = calloc(1, sizeof *s)) == NULL)
		return error_set(NC_ENOMEM, "out of memory");
	buf_init(&s->text);
	s->x = x;
	if ((r = part_open(&rd, &st, x, si->part, 0)) != 0)
		goto done;
	open = 1;
	while ((r = xmlTextReaderRead(rd)) == 1) {
		t = xmlTextReaderNodeType(rd);
		nm = xmlTextReaderConstLocalName(rd);
		if (t == XML_READER_TYPE_ELEMENT && is(nm, "dimension")) {
			a = attr(rd, "ref");
			r = check_dimension(x, si->part, a);
			xmlFree(a);
			if (r != 0)
				goto done;
		} else if (t == XML_READER_TYPE_ELEMENT && is(nm, "row")) {
			a = attr(rd, "r");
			row = nextrow;
			if (a != NULL) {
				rn = strtoul(a, NULL, 10);
				row = rn == 0 || rn > MAXROW ? MAXROW :
				    (uint32_t)rn - 1;
			}
			xmlFree(a);
			if (row >= MAXROW) {
				r = error_set(NC_EINVALID, "'%s': %s: row"
				    " number out of range", x->name, si->part);
				goto done;
			}
			if (row >= x->lim.rows) {
				r = row_limit(x, si->part, row);
				goto done;
			}
			nextrow = row + 1;
			col = 0;
		} else if (t == XML_READER_TYPE_ELEMENT && is(nm, "c")) {
			if ((r = start_cell(x, rd, &cs, si->part, &row, &col,
			    &ncells)) != 0)
				goto done;
			nextrow = row + 1;
			if (s->n > 0 && cellcmp(&s->cells[s->n - 1],
			    &cs.c) >= 0)
				sorted = 0;
			/* an empty element: a styled empty cell */
			in_c = !xmlTextReaderIsEmptyElement(rd);
		} else if (t == XML_READER_TYPE_END_ELEMENT && is(nm, "c") &&
		    in_c) {
			if ((r = finish_cell(x, s, &cs, si->part)) != 0)
				goto done;
			in_c = 0;
		} else if (in_c)
			cell_content(rd, &cs, t, nm);
	}
	open = 0;
	if ((r = part_close(rd, &st, r)) != 0)
		goto done;
	if ((r = buf_ok(&s->text)) != 0 || (r = buf_ok(&cs.val)) != 0 ||
	    (r = sort_cells(x, s, si->part, sorted)) != 0)
		goto done;
	si->sheet = s;
	s = NULL;
done:
	if (open)
		part_abort(rd, &st);
	xmlFree(cs.type);
	buf_free(&cs.val);
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

static struct xlsxread_cell
cell_of(const struct xlsxread_sheet *s, const struct xcell *c)
{
	struct xlsxread_cell	out;

	memset(&out, 0, sizeof out);
	out.text = "";
	if (c == NULL)
		return out;
	out.type = (enum xlsxread_type)c->type;
	out.formula = (c->flags & XC_FORMULA) != 0;
	out.text = (c->flags & XC_SHARED) ? s->x->sst.data +
	    s->x->sstoff[c->off] : s->text.data + c->off;
	if (out.type == XLSXREAD_NUMBER)
		out.num = strtod(out.text, NULL);
	else if (out.type == XLSXREAD_BOOL)
		out.num = out.text[0] == 'T';
	return out;
}

struct xlsxread_cell
xlsxread_cell(const struct xlsxread_sheet *s, uint32_t row, uint32_t col)
{
	struct xcell	 key, *c;

	memset(&key, 0, sizeof key);
	key.row = row;
	key.col = col >= MAXCOL ? MAXCOL - 1 : (uint16_t)col;
	c = s->n == 0 || col >= MAXCOL ? NULL : bsearch(&key, s->cells, s->n,
	    sizeof *c, cellcmp);
	return cell_of(s, c);
}

size_t
xlsxread_ncells(const struct xlsxread_sheet *s)
{
	return s->n;
}

struct xlsxread_cell
xlsxread_cell_at(const struct xlsxread_sheet *s, size_t i, uint32_t *row,
    uint32_t *col)
{
	if (i >= s->n) {
		*row = *col = 0;
		return cell_of(s, NULL);
	}
	*row = s->cells[i].row;
	*col = s->cells[i].col;
	return cell_of(s, &s->cells[i]);
}

int
xlsxread_serial_date(int *y, int *m, int *d, double serial)
{
	struct cal_date	dt;

	/*
	 * Check the double before converting it: a cast of NaN or of a
	 * value beyond long is undefined.  Serial 61 is 1900-03-01; 60 is
	 * Excel's phantom 1900-02-29.
	 */
	if (!(serial >= 61 && serial < 2958466))
		return error_set(NC_EINVALID, "date serial %g is out of"
		    " range", serial);
	dt = cal_from_days((long)serial - 25569);
	*y = dt.y;
	*m = dt.m;
	*d = dt.d;
	return 0;
}
