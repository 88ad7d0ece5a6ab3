/*
 * CSV reader on libcsv with encoding detection (see csvread.h).
 *
 * The fields of the whole file are kept in one buffer, each followed by a
 * NUL, with a 32-bit offset per field and three 32-bit numbers per row:
 * about 16 bytes beyond the text per field of a survey export.
 */
#include <sys/stat.h>

#include <csv.h>
#include <errno.h>
#include <fcntl.h>
#include <iconv.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "csvread.h"
#include "error.h"
#include "i18n.h"
#include "lazylib.h"
#include "text.h"

/* Fields with a NUL or too long, listed before the rest are counted. */
#define MAX_LISTED	20

struct csvrow {
	uint32_t	 first;		/* index into cells */
	uint32_t	 n;
	uint32_t	 line;
};

struct csvread {
	enum csvread_enc	 enc;
	struct buf		 text;	/* every field, NUL-terminated */
	uint32_t		*cells;	/* offsets into text */
	size_t			 ncells;
	size_t			 capcells;
	struct csvrow		*rows;
	size_t			 nrows;
	size_t			 caprows;
	/* while parsing */
	struct io_limits	 lim;
	const char		*name;
	struct diags		*d;
	size_t			 rowfirst;
	unsigned		 line;
	unsigned		 rowline;
	int			 inrow;
	int			 failed;	/* out of memory */
	int			 stop;		/* a limit was reached */
	size_t			 nbad;		/* fields refused */
};

static int
grow(void **v, size_t *cap, size_t n, size_t size, size_t first)
{
	void	*nv;
	size_t	 c;

	if (n < *cap)
		return 0;
	c = *cap == 0 ? first : *cap * 2;
	if (c > SIZE_MAX / size || (nv = realloc(*v, c * size)) == NULL)
		return -1;
	*v = nv;
	*cap = c;
	return 0;
}

/*
 * Whether s[i] ends a line: LF, or a CR not followed by LF (libcsv ends a
 * row at either, so lines are counted the same way).
 */
static int
eol(const char *s, size_t i, size_t len)
{
	return s[i] == '\n' || (s[i] == '\r' && (i + 1 == len ||
	    s[i + 1] != '\n'));
}

static void
bad_field(struct csvread *c, unsigned line, unsigned col, const char *fmt,
    ...) NC_PRINTF(4, 5);

static void
bad_field(struct csvread *c, unsigned line, unsigned col, const char *fmt,
    ...)
{
	char	msg[512];
	va_list	ap;

	c->nbad++;
	if (c->nbad > MAX_LISTED + 1)
		return;
	if (c->nbad == MAX_LISTED + 1) {
		diags_add(c->d, c->name, line, col, "more fields like these"
		    " follow; only the first %d are listed", MAX_LISTED);
		return;
	}
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, _(fmt), ap);
	va_end(ap);
	diags_add(c->d, c->name, line, col, "%s", msg);
}

/* The line a field of len bytes that ends on this line starts on. */
static unsigned
field_line(const struct csvread *c, const char *s, size_t len)
{
	unsigned	line = c->line;
	size_t		i;

	for (i = 0; i < len; i++) {
		if (eol(s, i, len) && line > 1)
			line--;
	}
	return line;
}

/* Refuse a field that would lose text or exceed the field limit. */
static void
check_field(struct csvread *c, const char *s, size_t len, unsigned col)
{
	const char	*nul;
	unsigned	 l;
	size_t		 i, chars;

	if ((nul = memchr(s, '\0', len)) != NULL) {
		l = field_line(c, s, len);
		for (i = 0; i < (size_t)(nul - s); i++) {
			if (eol(s, i, len))
				l++;
		}
		bad_field(c, l, col, "a NUL byte (0x00) at character %zu of"
		    " the field: the text would be cut short there; remove"
		    " it", text_chars(s, (size_t)(nul - s)) + 1);
	}
	if (len > c->lim.field_chars &&
	    (chars = text_chars(s, len)) > c->lim.field_chars)
		bad_field(c, field_line(c, s, len), col, "the field is %zu"
		    " characters long; the limit is %u", chars,
		    c->lim.field_chars);
}

static void
on_field(void *s, size_t len, void *arg)
{
	struct csvread	*c = arg;
	size_t		 col;

	if (c->failed || c->stop)
		return;
	col = c->ncells - c->rowfirst + 1;
	if (c->ncells >= c->lim.cells) {
		diags_add(c->d, c->name, c->rowline, (unsigned)col, "the file"
		    " has more than %llu fields; the limit is %llu",
		    (unsigned long long)c->lim.cells,
		    (unsigned long long)c->lim.cells);
		c->stop = 1;
		return;
	}
	if (col > c->lim.cols) {
		diags_add(c->d, c->name, c->rowline, (unsigned)col, "the row"
		    " has more than %u fields; the limit is %u", c->lim.cols,
		    c->lim.cols);
		c->stop = 1;
		return;
	}
	check_field(c, s, len, (unsigned)col);
	if (c->text.len + len + 1 > UINT32_MAX ||
	    grow((void **)&c->cells, &c->capcells, c->ncells,
	    sizeof *c->cells, 1024) != 0) {
		c->failed = 1;
		return;
	}
	c->cells[c->ncells++] = (uint32_t)c->text.len;
	buf_add(&c->text, s, len);
	buf_putc(&c->text, '\0');
}

static void
on_row(int term, void *arg)
{
	struct csvread	*c = arg;

	(void)term;
	if (c->failed || c->stop)
		return;
	if (c->nrows >= c->lim.rows) {
		diags_add(c->d, c->name, c->rowline, 0, "the file has more"
		    " than %u rows; the limit is %u", c->lim.rows,
		    c->lim.rows);
		c->stop = 1;
		return;
	}
	if (grow((void **)&c->rows, &c->caprows, c->nrows, sizeof *c->rows,
	    256) != 0) {
		c->failed = 1;
		return;
	}
	c->rows[c->nrows].first = (uint32_t)c->rowfirst;
	c->rows[c->nrows].n = (uint32_t)(c->ncells - c->rowfirst);
	c->rows[c->nrows].line = c->rowline;
	c->nrows++;
	c->rowfirst = c->ncells;
	c->inrow = 0;
	/*
	 * libcsv may end a row only when it sees the byte after a CR, in
	 * the next line: a row that starts there starts on this line.
	 */
	c->rowline = c->line;
}

/* Line and field number of byte off, for messages about raw bytes. */
static void
position(unsigned *line, unsigned *col, const char *s, size_t off)
{
	size_t	i;
	int	q = 0;

	*line = 1;
	*col = 1;
	for (i = 0; i < off; i++) {
		if (eol(s, i, off + 1)) {
			(*line)++;
			*col = 1;
			q = 0;
		} else if (s[i] == '"')
			q = !q;
		else if (s[i] == ',' && !q)
			(*col)++;
	}
}

/*
 * CP932 to UTF-8.  The output grows as needed: one byte of half-width
 * katakana becomes three bytes of UTF-8, so no fixed ratio of the input
 * is safe to assume.
 */
static int
to_utf8(char **out, size_t *outlen, const char *s, size_t len,
    const char *name, struct diags *d)
{
	iconv_t		 cd;
	char		*in = (char *)s, *o, *res, *nres;
	size_t		 inleft = len, oleft, cap, done;
	unsigned	 line, col;
	int		 r = 0;

	*out = NULL;
	if ((cd = iconv_open("UTF-8", "CP932")) == (iconv_t)-1)
		return error_sys(NC_EIO, "cannot convert from CP932");
	cap = len + len / 2 + 64;
	if ((res = malloc(cap)) == NULL) {
		iconv_close(cd);
		return error_set(NC_ENOMEM, "out of memory");
	}
	o = res;
	oleft = cap - 1;
	while (inleft > 0) {
		if (iconv(cd, &in, &inleft, &o, &oleft) != (size_t)-1)
			break;
		if (errno == E2BIG) {
			done = (size_t)(o - res);
			if (cap > SIZE_MAX / 2 ||
			    (nres = realloc(res, cap * 2)) == NULL) {
				r = error_set(NC_ENOMEM, "out of memory");
				goto done;
			}
			res = nres;
			cap *= 2;
			o = res + done;
			oleft = cap - 1 - done;
			continue;
		}
		/* EILSEQ, or EINVAL: a character cut off at the end */
		position(&line, &col, s, (size_t)(in - s));
		diags_add(d, name, line, col, "neither UTF-8 nor CP932:"
		    " invalid byte 0x%02x", (unsigned char)*in);
		r = error_set(NC_EINVALID, "'%s': invalid byte 0x%02x at"
		    " line %u", name, (unsigned char)*in, line);
		goto done;
	}
	*o = '\0';
	*out = res;
	*outlen = (size_t)(o - res);
	res = NULL;
done:
	free(res);
	iconv_close(cd);
	return r;
}

static int
parse(struct csvread *c, const char *s, size_t len)
{
	struct csv_parser	 p;
	const char		*end = s + len, *nl, *cr;
	size_t			 n;
	int			 r = 0;

	/* libcsv is loaded on first use (lazylib.h). */
	if ((r = lazylib_load(&lazylib_libcsv)) != 0)
		return r;
	if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI) != 0)
		return error_set(NC_ENOMEM, "out of memory");
	c->line = 1;
	/* one line at a time, so every row knows the line it starts on */
	while (s < end) {
		if ((nl = memchr(s, '\n', (size_t)(end - s))) == NULL)
			nl = end;
		/* a CR alone ends a line too */
		if ((cr = memchr(s, '\r', (size_t)(nl - s))) != NULL &&
		    cr + 1 != nl)
			nl = cr;
		n = nl == end ? (size_t)(end - s) : (size_t)(nl - s) + 1;
		if (!c->inrow && !((n == 1 && (s[0] == '\n' || s[0] == '\r')) ||
		    (n == 2 && s[0] == '\r' && s[1] == '\n'))) {
			c->inrow = 1;
			c->rowline = c->line;
		}
		if (csv_parse(&p, s, n, on_field, on_row, c) != n) {
			diags_add(c->d, c->name, c->line, 0, "%s",
			    csv_strerror(csv_error(&p)));
			r = error_set(NC_EINVALID, "'%s': line %u: %s",
			    c->name, c->line, csv_strerror(csv_error(&p)));
			goto done;
		}
		if (c->stop || c->failed)
			break;
		s += n;
		if (s < end)
			c->line++;
	}
	if (!c->stop && !c->failed &&
	    csv_fini(&p, on_field, on_row, c) != 0) {
		diags_add(c->d, c->name, c->rowline, 0, "a quoted field is"
		    " not closed before the end of the file");
		r = error_set(NC_EINVALID, "'%s': line %u: a quoted field is"
		    " not closed", c->name, c->rowline);
		goto done;
	}
	if (c->failed || buf_ok(&c->text) != 0)
		r = error_set(NC_ENOMEM, "out of memory");
	else if (c->stop)
		r = error_set(NC_EINVALID, "'%s' is beyond a limit", c->name);
	else if (c->nbad > 0)
		r = error_set(NC_EINVALID, "'%s' has fields that cannot be"
		    " read", c->name);
done:
	csv_free(&p);
	return r;
}

int
csvread_mem_enc(struct csvread **out, const char *data, size_t len,
    enum csvread_enc enc, const char *name, struct diags *d)
{
	return csvread_mem_lim(out, data, len, (int)enc, name, NULL, d);
}

static int
bad_utf8(const char *data, size_t len, const char *name, struct diags *d)
{
	size_t		 off, n;
	uint32_t	 cp;
	unsigned	 line, col;

	/* find the first bad byte for the message */
	for (off = 0; off < len; off += n) {
		n = text_utf8_decode(&cp, data + off, len - off);
		if (cp == TEXT_BADCP)
			break;
	}
	position(&line, &col, data, off);
	diags_add(d, name, line, col, "invalid UTF-8");
	return error_set(NC_EINVALID, "'%s': line %u: invalid UTF-8", name,
	    line);
}

int
csvread_mem_lim(struct csvread **out, const char *data, size_t len,
    int enc, const char *name, const struct io_limits *lim,
    struct diags *d)
{
	struct csvread	*c;
	char		*conv = NULL;
	size_t		 convlen = 0;
	int		 r, valid = 0;

	*out = NULL;
	if (len == 0) {
		diags_add(d, name, 0, 0, "the file is empty");
		return error_set(NC_EINVALID, "'%s' is empty", name);
	}
	/* a forced UTF-8 file may still start with a byte order mark */
	if (enc == CSVREAD_UTF8 && len >= 3 &&
	    memcmp(data, "\xef\xbb\xbf", 3) == 0)
		enc = CSVREAD_UTF8_BOM;
	if (enc == CSVREAD_DETECT) {
		if (len >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0)
			enc = CSVREAD_UTF8_BOM;
		else if (text_utf8_valid(data, len)) {
			enc = CSVREAD_UTF8;
			valid = 1;
		} else
			enc = CSVREAD_CP932;
	}
	if ((c = calloc(1, sizeof *c)) == NULL)
		return error_set(NC_ENOMEM, "out of memory");
	buf_init(&c->text);
	c->enc = (enum csvread_enc)enc;
	c->lim = io_limits(lim);
	c->name = name;
	c->d = d;
	if (enc == CSVREAD_UTF8_BOM && len >= 3 &&
	    memcmp(data, "\xef\xbb\xbf", 3) == 0) {
		data += 3;
		len -= 3;
	}
	if (enc == CSVREAD_CP932) {
		if ((r = to_utf8(&conv, &convlen, data, len, name, d)) != 0)
			goto fail;
		data = conv;
		len = convlen;
	} else if (!valid && !text_utf8_valid(data, len)) {
		r = bad_utf8(data, len, name, d);
		goto fail;
	}
	/* every field and its NUL: a little more than the text */
	if (buf_grow(&c->text, len + len / 4 + 64) != 0) {
		r = error_set(NC_ENOMEM, "out of memory");
		goto fail;
	}
	if ((r = parse(c, data, len)) != 0)
		goto fail;
	if (c->nrows == 0) {
		diags_add(d, name, 0, 0, "the file holds no rows");
		r = error_set(NC_EINVALID, "'%s' holds no rows", name);
		goto fail;
	}
	free(conv);
	c->name = NULL;
	c->d = NULL;
	*out = c;
	return 0;
fail:
	free(conv);
	csvread_free(c);
	return r;
}

int
csvread_mem(struct csvread **out, const char *data, size_t len,
    const char *name, struct diags *d)
{
	return csvread_mem_lim(out, data, len, CSVREAD_DETECT, name, NULL, d);
}

int
csvread_file(struct csvread **out, const char *path, const char *name,
    struct diags *d)
{
	return csvread_file_lim(out, path, name, CSVREAD_DETECT, NULL, d);
}

int
csvread_file_lim(struct csvread **out, const char *path, const char *name,
    int enc, const struct io_limits *limp, struct diags *d)
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
	if ((fd = open(path, O_RDONLY)) == -1) {
		r = error_sys(errno == ENOENT ? NC_ENOTFOUND : NC_EIO,
		    "cannot open '%s'", name);
		diags_add(d, name, 0, 0, "%s", error_last());
		return r;
	}
	if (fstat(fd, &st) == -1) {
		r = error_sys(NC_EIO, "cannot read '%s'", name);
		diags_add(d, name, 0, 0, "%s", error_last());
		goto done;
	}
	if (!S_ISREG(st.st_mode)) {
		diags_add(d, name, 0, 0, "not a regular file");
		r = error_set(NC_EINVALID, "'%s' is not a regular file", name);
		goto done;
	}
	if ((unsigned long long)st.st_size > lim.file_bytes) {
		diags_add(d, name, 0, 0, "the file is %.1f MB; the limit is"
		    " %llu MB", (double)st.st_size / (1024 * 1024),
		    (unsigned long long)(lim.file_bytes / (1024 * 1024)));
		r = error_set(NC_EINVALID, "'%s' is too large", name);
		goto done;
	}
	if ((data = malloc((size_t)st.st_size + 1)) == NULL) {
		r = error_set(NC_ENOMEM, "out of memory");
		goto done;
	}
	while (got < (size_t)st.st_size) {
		n = read(fd, data + got, (size_t)st.st_size - got);
		if (n == -1 && errno == EINTR)
			continue;
		if (n <= 0) {
			r = error_sys(NC_EIO, "cannot read '%s'", name);
			diags_add(d, name, 0, 0, "%s", error_last());
			goto done;
		}
		got += (size_t)n;
	}
	r = csvread_mem_lim(out, data, got, enc, name, &lim, d);
done:
	free(data);
	close(fd);
	return r;
}

void
csvread_free(struct csvread *c)
{
	if (c == NULL)
		return;
	buf_free(&c->text);
	free(c->cells);
	free(c->rows);
	free(c);
}

enum csvread_enc
csvread_encoding(const struct csvread *c)
{
	return c->enc;
}

const char *
csvread_encoding_name(enum csvread_enc e)
{
	switch (e) {
	case CSVREAD_UTF8_BOM:
		return "UTF-8 (BOM)";
	case CSVREAD_CP932:
		return "CP932";
	default:
		return "UTF-8";
	}
}

size_t
csvread_nrows(const struct csvread *c)
{
	return c->nrows;
}

size_t
csvread_ncols(const struct csvread *c, size_t row)
{
	return row < c->nrows ? c->rows[row].n : 0;
}

const char *
csvread_cell(const struct csvread *c, size_t row, size_t col)
{
	if (row >= c->nrows || col >= c->rows[row].n)
		return "";
	return c->text.data + c->cells[c->rows[row].first + col];
}

size_t
csvread_cell_len(const struct csvread *c, size_t row, size_t col)
{
	size_t	i, end;

	if (row >= c->nrows || col >= c->rows[row].n)
		return 0;
	i = c->rows[row].first + col;
	end = i + 1 < c->ncells ? c->cells[i + 1] : c->text.len;
	return end - c->cells[i] - 1;
}

unsigned
csvread_line(const struct csvread *c, size_t row)
{
	return row < c->nrows ? c->rows[row].line : 0;
}
