/*
 * CSV reader on libcsv with encoding detection (see csvread.h).
 */
#include <sys/stat.h>

#include <csv.h>
#include <errno.h>
#include <fcntl.h>
#include <iconv.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "csvread.h"
#include "error.h"
#include "text.h"

struct csvrow {
	size_t		 first;		/* index into cells */
	size_t		 n;
	unsigned	 line;
};

struct csvread {
	enum csvread_enc	 enc;
	struct buf		 text;	/* every field, NUL-terminated */
	size_t			*cells;	/* offsets into text */
	size_t			 ncells;
	size_t			 capcells;
	struct csvrow		*rows;
	size_t			 nrows;
	size_t			 caprows;
	/* while parsing */
	size_t			 rowfirst;
	unsigned		 line;
	unsigned		 rowline;
	int			 inrow;
	int			 failed;
};

static void
on_field(void *s, size_t len, void *arg)
{
	struct csvread	*c = arg;
	size_t		*v;

	if (c->failed)
		return;
	if (c->ncells == c->capcells) {
		c->capcells = c->capcells == 0 ? 1024 : c->capcells * 2;
		if ((v = realloc(c->cells, c->capcells * sizeof *v)) == NULL) {
			c->failed = 1;
			return;
		}
		c->cells = v;
	}
	c->cells[c->ncells++] = c->text.len;
	buf_add(&c->text, s, len);
	buf_putc(&c->text, '\0');
}

static void
on_row(int term, void *arg)
{
	struct csvread	*c = arg;
	struct csvrow	*v;

	(void)term;
	if (c->failed)
		return;
	if (c->nrows == c->caprows) {
		c->caprows = c->caprows == 0 ? 256 : c->caprows * 2;
		if ((v = realloc(c->rows, c->caprows * sizeof *v)) == NULL) {
			c->failed = 1;
			return;
		}
		c->rows = v;
	}
	c->rows[c->nrows].first = c->rowfirst;
	c->rows[c->nrows].n = c->ncells - c->rowfirst;
	c->rows[c->nrows].line = c->rowline;
	c->nrows++;
	c->rowfirst = c->ncells;
	c->inrow = 0;
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
		if (s[i] == '\n') {
			(*line)++;
			*col = 1;
			q = 0;
		} else if (s[i] == '"')
			q = !q;
		else if (s[i] == ',' && !q)
			(*col)++;
	}
}

static int
to_utf8(char **out, size_t *outlen, const char *s, size_t len,
    const char *name, struct diags *d)
{
	iconv_t		 cd;
	char		*in = (char *)s, *o, *res;
	size_t		 inleft = len, oleft, cap;
	unsigned	 line, col;

	*out = NULL;
	if ((cd = iconv_open("UTF-8", "CP932")) == (iconv_t)-1)
		return error_sys(NC_EIO, "cannot convert from CP932");
	/* CP932 never takes more than 3 UTF-8 bytes per 2 bytes, or 1 per 1 */
	cap = len * 2 + 16;
	if ((res = malloc(cap)) == NULL) {
		iconv_close(cd);
		return error_set(NC_ENOMEM, "out of memory");
	}
	o = res;
	oleft = cap - 1;
	if (iconv(cd, &in, &inleft, &o, &oleft) == (size_t)-1) {
		position(&line, &col, s, (size_t)(in - s));
		diags_add(d, name, line, col, "neither UTF-8 nor CP932:"
		    " invalid byte 0x%02x", (unsigned char)*in);
		free(res);
		iconv_close(cd);
		return error_set(NC_EINVALID, "'%s': invalid byte 0x%02x at"
		    " line %u", name, (unsigned char)*in, line);
	}
	iconv_close(cd);
	*o = '\0';
	*out = res;
	*outlen = (size_t)(o - res);
	return 0;
}

static int
parse(struct csvread *c, const char *s, size_t len, const char *name,
    struct diags *d)
{
	struct csv_parser	 p;
	const char		*nl, *end = s + len;
	size_t			 n;
	int			 r = 0;

	if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI) != 0)
		return error_set(NC_ENOMEM, "out of memory");
	c->line = 1;
	/* one line at a time, so every row knows the line it starts on */
	while (s < end) {
		nl = memchr(s, '\n', (size_t)(end - s));
		n = nl == NULL ? (size_t)(end - s) : (size_t)(nl - s) + 1;
		if (!c->inrow && !(n == 1 || (n == 2 && s[0] == '\r'))) {
			c->inrow = 1;
			c->rowline = c->line;
		}
		if (csv_parse(&p, s, n, on_field, on_row, c) != n) {
			diags_add(d, name, c->line, 0, "%s",
			    csv_strerror(csv_error(&p)));
			r = error_set(NC_EINVALID, "'%s': line %u: %s", name,
			    c->line, csv_strerror(csv_error(&p)));
			goto done;
		}
		s += n;
		c->line++;
	}
	if (csv_fini(&p, on_field, on_row, c) != 0) {
		diags_add(d, name, c->rowline, 0, "a quoted field is not"
		    " closed before the end of the file");
		r = error_set(NC_EINVALID, "'%s': line %u: a quoted field is"
		    " not closed", name, c->rowline);
		goto done;
	}
	if (c->failed || buf_ok(&c->text) != 0)
		r = error_set(NC_ENOMEM, "out of memory");
done:
	csv_free(&p);
	return r;
}

static int	mem_enc(struct csvread **, const char *, size_t,
		    enum csvread_enc, const char *, struct diags *, int);

int
csvread_mem_enc(struct csvread **out, const char *data, size_t len,
    enum csvread_enc enc, const char *name, struct diags *d)
{
	return mem_enc(out, data, len, enc, name, d, 0);
}

/* valid: the bytes are known to be UTF-8 already (detection checked). */
static int
mem_enc(struct csvread **out, const char *data, size_t len,
    enum csvread_enc enc, const char *name, struct diags *d, int valid)
{
	struct csvread	*c;
	char		*conv = NULL;
	size_t		 convlen = 0, off, n;
	uint32_t	 cp;
	unsigned	 line, col;
	int		 r;

	*out = NULL;
	if (len == 0) {
		diags_add(d, name, 0, 0, "the file is empty");
		return error_set(NC_EINVALID, "'%s' is empty", name);
	}
	if ((c = calloc(1, sizeof *c)) == NULL)
		return error_set(NC_ENOMEM, "out of memory");
	buf_init(&c->text);
	c->enc = enc;
	if (enc == CSVREAD_UTF8_BOM) {
		if (len >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0) {
			data += 3;
			len -= 3;
		}
	}
	if (enc == CSVREAD_CP932) {
		if ((r = to_utf8(&conv, &convlen, data, len, name, d)) != 0)
			goto fail;
		data = conv;
		len = convlen;
	} else if (!valid && !text_utf8_valid(data, len)) {
		/* find the first bad byte for the message */
		for (off = 0; off < len; off += n) {
			n = text_utf8_decode(&cp, data + off, len - off);
			if (cp == TEXT_BADCP)
				break;
		}
		position(&line, &col, data, off);
		diags_add(d, name, line, col, "invalid UTF-8");
		r = error_set(NC_EINVALID, "'%s': line %u: invalid UTF-8",
		    name, line);
		goto fail;
	}
	if ((r = parse(c, data, len, name, d)) != 0)
		goto fail;
	if (c->nrows == 0) {
		diags_add(d, name, 0, 0, "the file holds no rows");
		r = error_set(NC_EINVALID, "'%s' holds no rows", name);
		goto fail;
	}
	free(conv);
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
	if (len >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0)
		return mem_enc(out, data, len, CSVREAD_UTF8_BOM, name, d, 0);
	if (text_utf8_valid(data, len))
		return mem_enc(out, data, len, CSVREAD_UTF8, name, d, 1);
	return mem_enc(out, data, len, CSVREAD_CP932, name, d, 0);
}

int
csvread_file(struct csvread **out, const char *path, const char *name,
    struct diags *d)
{
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
		goto done;
	}
	if ((unsigned long long)st.st_size > CSVREAD_MAX_BYTES) {
		diags_add(d, name, 0, 0, "the file is %.1f MB; the limit is"
		    " %lu MB", (double)st.st_size / (1024 * 1024),
		    CSVREAD_MAX_BYTES / (1024 * 1024));
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
	r = csvread_mem(out, data, got, name, d);
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

unsigned
csvread_line(const struct csvread *c, size_t row)
{
	return row < c->nrows ? c->rows[row].line : 0;
}
