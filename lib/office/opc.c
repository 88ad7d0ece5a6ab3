/*
 * OPC packages in memory, written through minizip and fileio.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <minizip/zip.h>

#include "buf.h"
#include "cal.h"
#include "error.h"
#include "fileio.h"
#include "lazylib.h"
#include "opc.h"
#include "text.h"

static const char xml_decl[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

struct rel {
	char	*source;	/* NULL: the package */
	char	*id;
	char	*type;
	char	*target;
};

struct part {
	char	*name;
	char	*type;
	char	*data;
	size_t	 len;
};

struct opc {
	struct part	*parts;
	size_t		 nparts;
	struct rel	*rels;
	size_t		 nrels;
	char		*title;
	char		*author;
	char		*app;
	char		 created[32];	/* W3CDTF, or "" */
	tm_zip		 zdate;
	int		 err;
	char		*errmsg;
};

/* Keep the first error; later calls return it again. */
static int
opc_fail(struct opc *p, int rc)
{
	if (p->err == 0) {
		p->err = rc;
		p->errmsg = strdup(error_last());
	}
	return rc;
}

static int
opc_sticky(const struct opc *p)
{
	if (p->err == 0)
		return 0;
	return error_set(p->err, "%s", p->errmsg != NULL ? p->errmsg :
	    "out of memory");
}

int
opc_xml_forbidden(unsigned long cp)
{
	if (cp < 0x20)
		return cp != '\t' && cp != '\n' && cp != '\r';
	if (cp >= 0x7F && cp <= 0x9F)
		return 1;
	return cp == 0xFFFE || cp == 0xFFFF;
}

int
opc_check_text(const char *s, const char *what)
{
	size_t		 len, off, n;
	uint32_t	 cp;

	if (s == NULL)
		return 0;
	len = strlen(s);
	for (off = 0; off < len; off += n) {
		n = text_utf8_decode(&cp, s + off, len - off);
		if (cp == TEXT_BADCP)
			return error_set(NC_EINVALID,
			    "invalid UTF-8 in %s at byte %zu", what, off);
	}
	return 0;
}

void
opc_put_text(struct buf *b, const char *s, size_t len)
{
	size_t		 off, n;
	uint32_t	 cp;

	for (off = 0; off < len; off += n) {
		n = text_utf8_decode(&cp, s + off, len - off);
		switch (cp) {
		case '&':
			buf_puts(b, "&amp;");
			break;
		case '<':
			buf_puts(b, "&lt;");
			break;
		case '>':
			buf_puts(b, "&gt;");
			break;
		case '"':
			buf_puts(b, "&quot;");
			break;
		case '\'':
			buf_puts(b, "&apos;");
			break;
		default:
			if (cp != TEXT_BADCP && !opc_xml_forbidden(cp))
				buf_add(b, s + off, n);
			break;
		}
	}
}

static int
digits(const char *s, int n, int *out)
{
	int	i, v = 0;

	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return 0;
}

int
opc_parse_created(const char *s, char *w3c, int *year, int *mon, int *day,
    int *hour, int *min, int *sec)
{
	int	y, mo, da, h = 0, mi = 0, se = 0, ok;
	size_t	len = strlen(s);

	ok = (len == 10 || len == 20) &&
	    digits(s, 4, &y) == 0 && s[4] == '-' &&
	    digits(s + 5, 2, &mo) == 0 && s[7] == '-' &&
	    digits(s + 8, 2, &da) == 0;
	if (ok && len == 20)
		ok = s[10] == 'T' && digits(s + 11, 2, &h) == 0 &&
		    s[13] == ':' && digits(s + 14, 2, &mi) == 0 &&
		    s[16] == ':' && digits(s + 17, 2, &se) == 0 &&
		    s[19] == 'Z';
	if (!ok)
		return error_set(NC_EINVALID, "cannot parse created date "
		    "'%s': expected YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ", s);
	if (mo < 1 || mo > 12 || da < 1 || da > cal_days_in_month(y, mo) ||
	    h > 23 || mi > 59 || se > 59)
		return error_set(NC_EINVALID, "cannot parse created date "
		    "'%s': out of range", s);
	/* Every field is in range here: exactly 20 characters. */
	{
		char	t[64];

		snprintf(t, sizeof t, "%04d-%02d-%02dT%02d:%02d:%02dZ", y,
		    mo, da, h, mi, se);
		memcpy(w3c, t, 21);
	}
	*year = y;
	*mon = mo;
	*day = da;
	*hour = h;
	*min = mi;
	*sec = se;
	return 0;
}

static int
dup_text(char **out, const char *s, const char *what)
{
	int	rc;

	*out = NULL;
	if (s == NULL)
		return 0;
	if ((rc = opc_check_text(s, what)) != 0)
		return rc;
	if ((*out = strdup(s)) == NULL)
		return error_set(NC_ENOMEM, "out of memory");
	return 0;
}

int
opc_new(struct opc **out, const struct opc_props *props)
{
	struct opc	*p;
	int		 rc, y, mo, d, h, mi, s;

	*out = NULL;
	if ((p = calloc(1, sizeof *p)) == NULL)
		return error_set(NC_ENOMEM, "out of memory");
	p->zdate.tm_year = 1980;
	p->zdate.tm_mday = 1;
	if (props != NULL) {
		if ((rc = dup_text(&p->title, props->title, "title")) != 0 ||
		    (rc = dup_text(&p->author, props->author, "author")) != 0 ||
		    (rc = dup_text(&p->app, props->app, "properties")) != 0)
			goto fail;
		if (props->created != NULL) {
			if ((rc = opc_parse_created(props->created, p->created,
			    &y, &mo, &d, &h, &mi, &s)) != 0)
				goto fail;
			/* A zip entry can only be dated 1980 to 2107. */
			if (y >= 1980 && y <= 2107) {
				p->zdate.tm_year = (uInt)y;
				p->zdate.tm_mon = (uInt)mo - 1;
				p->zdate.tm_mday = (uInt)d;
				p->zdate.tm_hour = (uInt)h;
				p->zdate.tm_min = (uInt)mi;
				p->zdate.tm_sec = (uInt)s;
			}
		}
	}
	*out = p;
	return 0;
fail:
	opc_free(p);
	return rc;
}

void
opc_free(struct opc *p)
{
	size_t	i;

	if (p == NULL)
		return;
	for (i = 0; i < p->nparts; i++) {
		free(p->parts[i].name);
		free(p->parts[i].type);
		free(p->parts[i].data);
	}
	for (i = 0; i < p->nrels; i++) {
		free(p->rels[i].source);
		free(p->rels[i].id);
		free(p->rels[i].type);
		free(p->rels[i].target);
	}
	free(p->parts);
	free(p->rels);
	free(p->title);
	free(p->author);
	free(p->app);
	free(p->errmsg);
	free(p);
}

static const struct part *
find_part(const struct opc *p, const char *name)
{
	size_t	i;

	for (i = 0; i < p->nparts; i++)
		if (strcmp(p->parts[i].name, name) == 0)
			return &p->parts[i];
	return NULL;
}

int
opc_has_part(const struct opc *p, const char *name)
{
	return p != NULL && find_part(p, name) != NULL;
}

/* A part name: printable ASCII or UTF-8, no leading '/', no "//", "." or "..". */
static int
check_name(const char *name)
{
	const char	*s;

	if (name == NULL || *name == '\0' || *name == '/' ||
	    name[strlen(name) - 1] == '/' || strstr(name, "//") != NULL)
		return error_set(NC_EINVALID, "invalid part name '%s'",
		    name != NULL ? name : "");
	for (s = name; *s != '\0'; s++)
		if ((unsigned char)*s <= ' ' || *s == '\\' || *s == '"' ||
		    *s == '<' || *s == '>' || *s == '&' || *s == '\'')
			return error_set(NC_EINVALID, "invalid part name "
			    "'%s'", name);
	if (strcmp(name, "[Content_Types].xml") == 0 ||
	    strncmp(name, "_rels/", 6) == 0 || strstr(name, "/_rels/") != NULL)
		return error_set(NC_EINVALID, "part name '%s' is reserved for "
		    "the package", name);
	if (opc_check_text(name, "part name") != 0)
		return NC_EINVALID;
	return 0;
}

int
opc_part(struct opc *p, const char *name, const char *type,
    const void *data, size_t len)
{
	struct part	*v, *np;
	int		 rc;

	if (p == NULL)
		return error_set(NC_EINVALID, "no package: creating it failed");
	if ((rc = opc_sticky(p)) != 0)
		return rc;
	if ((rc = check_name(name)) != 0)
		return opc_fail(p, rc);
	if (find_part(p, name) != NULL)
		return opc_fail(p, error_set(NC_EEXISTS, "part '%s' added "
		    "twice", name));
	if (type == NULL || *type == '\0' || strpbrk(type, "\"<>&") != NULL)
		return opc_fail(p, error_set(NC_EINVALID, "part '%s': invalid "
		    "content type", name));
	if (len > 0x7FFFFFFF)
		return opc_fail(p, error_set(NC_EINVALID, "part '%s' too large "
		    "for a zip without zip64", name));
	if ((v = realloc(p->parts, (p->nparts + 1) * sizeof *v)) == NULL)
		return opc_fail(p, error_set(NC_ENOMEM, "out of memory"));
	p->parts = v;
	np = &v[p->nparts];
	memset(np, 0, sizeof *np);
	np->name = strdup(name);
	np->type = strdup(type);
	np->data = malloc(len > 0 ? len : 1);
	if (np->name == NULL || np->type == NULL || np->data == NULL) {
		free(np->name);
		free(np->type);
		free(np->data);
		return opc_fail(p, error_set(NC_ENOMEM, "out of memory"));
	}
	if (len > 0)
		memcpy(np->data, data, len);
	np->len = len;
	p->nparts++;
	return 0;
}

static int
attr_ok(const char *s)
{
	return s != NULL && *s != '\0' && strpbrk(s, "\"<>&") == NULL &&
	    opc_check_text(s, "relationship") == 0;
}

int
opc_rel(struct opc *p, const char *source, const char *id, const char *type,
    const char *target)
{
	struct rel	*v, *r;
	size_t		 i;
	int		 rc;

	if (p == NULL)
		return error_set(NC_EINVALID, "no package: creating it failed");
	if ((rc = opc_sticky(p)) != 0)
		return rc;
	if (!attr_ok(id) || !attr_ok(type) || !attr_ok(target) ||
	    (source != NULL && !attr_ok(source)))
		return opc_fail(p, error_set(NC_EINVALID, "invalid "
		    "relationship '%s' of '%s'", id != NULL ? id : "",
		    source != NULL ? source : "/"));
	for (i = 0; i < p->nrels; i++) {
		r = &p->rels[i];
		if (((r->source == NULL && source == NULL) ||
		    (r->source != NULL && source != NULL &&
		    strcmp(r->source, source) == 0)) &&
		    strcmp(r->id, id) == 0)
			return opc_fail(p, error_set(NC_EEXISTS, "relationship "
			    "'%s' of '%s' added twice", id,
			    source != NULL ? source : "/"));
	}
	if ((v = realloc(p->rels, (p->nrels + 1) * sizeof *v)) == NULL)
		return opc_fail(p, error_set(NC_ENOMEM, "out of memory"));
	p->rels = v;
	r = &v[p->nrels];
	memset(r, 0, sizeof *r);
	r->source = source != NULL ? strdup(source) : NULL;
	r->id = strdup(id);
	if (strchr(type, ':') == NULL) {
		if ((r->type = malloc(strlen(OPC_REL) + strlen(type) + 1)) !=
		    NULL) {
			strcpy(r->type, OPC_REL);
			strcat(r->type, type);
		}
	} else
		r->type = strdup(type);
	r->target = strdup(target);
	if ((source != NULL && r->source == NULL) || r->id == NULL ||
	    r->type == NULL || r->target == NULL) {
		free(r->source);
		free(r->id);
		free(r->type);
		free(r->target);
		return opc_fail(p, error_set(NC_ENOMEM, "out of memory"));
	}
	p->nrels++;
	return 0;
}

int
opc_resolve(char **out, const char *source, const char *target)
{
	struct buf	 b = BUF_INIT;
	const char	*s, *e, *slash;
	size_t		 n;
	int		 rc;

	*out = NULL;
	if (*target == '/')
		target++;
	else if (source != NULL && (slash = strrchr(source, '/')) != NULL)
		buf_add(&b, source, (size_t)(slash - source));
	for (s = target; *s != '\0'; s = *e != '\0' ? e + 1 : e) {
		e = strchr(s, '/');
		if (e == NULL)
			e = s + strlen(s);
		n = (size_t)(e - s);
		if (n == 0 || (n == 1 && s[0] == '.'))
			continue;
		if (n == 2 && s[0] == '.' && s[1] == '.') {
			if (b.len == 0) {
				buf_free(&b);
				return error_set(NC_EINVALID, "target '%s' of "
				    "'%s' is outside the package", target,
				    source != NULL ? source : "/");
			}
			slash = b.data != NULL ? strrchr(b.data, '/') : NULL;
			b.len = slash != NULL ? (size_t)(slash - b.data) : 0;
			b.data[b.len] = '\0';
			continue;
		}
		if (b.len > 0)
			buf_putc(&b, '/');
		buf_add(&b, s, n);
	}
	if ((rc = buf_ok(&b)) != 0)
		return rc;
	if (b.len == 0) {
		buf_free(&b);
		return error_set(NC_EINVALID, "empty target '%s'", target);
	}
	*out = buf_detach(&b, NULL);
	return 0;
}

/* Every relationship has its source and target; checked before writing. */
static int
check_rels(const struct opc *p)
{
	const struct rel	*r;
	char			*name;
	size_t			 i;
	int			 rc;

	for (i = 0; i < p->nrels; i++) {
		r = &p->rels[i];
		if (r->source != NULL && find_part(p, r->source) == NULL)
			return error_set(NC_EINVALID, "relationship '%s' "
			    "from '%s', a part that is not in the package",
			    r->id, r->source);
		if (strncmp(r->target, "http://", 7) == 0 ||
		    strncmp(r->target, "https://", 8) == 0)
			continue;
		if ((rc = opc_resolve(&name, r->source, r->target)) != 0)
			return rc;
		if (find_part(p, name) == NULL &&
		    strcmp(name, "docProps/core.xml") != 0 &&
		    strcmp(name, "docProps/app.xml") != 0) {
			rc = error_set(NC_EINVALID, "relationship '%s' of "
			    "'%s' points to '%s', which is not in the package",
			    r->id, r->source != NULL ? r->source : "/", name);
			free(name);
			return rc;
		}
		free(name);
	}
	return 0;
}

/* minizip writes through these into memory; it seeks back for headers. */
struct zmem {
	struct buf	b;
	size_t		pos;
};

static voidpf ZCALLBACK
zmem_open(voidpf opaque, const char *name, int mode)
{
	(void)name;
	(void)mode;
	return opaque;
}

static uLong ZCALLBACK
zmem_read(voidpf opaque, voidpf stream, void *p, uLong n)
{
	struct zmem	*z = stream;

	(void)opaque;
	if (z->pos >= z->b.len)
		return 0;
	if (n > z->b.len - z->pos)
		n = z->b.len - z->pos;
	memcpy(p, z->b.data + z->pos, n);
	z->pos += n;
	return n;
}

static uLong ZCALLBACK
zmem_write(voidpf opaque, voidpf stream, const void *p, uLong n)
{
	struct zmem	*z = stream;

	(void)opaque;
	if (z->pos + n > z->b.len &&
	    buf_grow(&z->b, z->pos + n - z->b.len) != 0)
		return 0;
	memcpy(z->b.data + z->pos, p, n);
	z->pos += n;
	if (z->pos > z->b.len) {
		z->b.len = z->pos;
		z->b.data[z->b.len] = '\0';
	}
	return n;
}

static long ZCALLBACK
zmem_tell(voidpf opaque, voidpf stream)
{
	(void)opaque;
	return (long)((struct zmem *)stream)->pos;
}

static long ZCALLBACK
zmem_seek(voidpf opaque, voidpf stream, uLong off, int origin)
{
	struct zmem	*z = stream;
	size_t		 base;

	(void)opaque;
	switch (origin) {
	case ZLIB_FILEFUNC_SEEK_SET:
		base = 0;
		break;
	case ZLIB_FILEFUNC_SEEK_CUR:
		base = z->pos;
		break;
	case ZLIB_FILEFUNC_SEEK_END:
		base = z->b.len;
		break;
	default:
		return -1;
	}
	if (base + off > z->b.len)
		return -1;
	z->pos = base + off;
	return 0;
}

static int ZCALLBACK
zmem_close(voidpf opaque, voidpf stream)
{
	(void)opaque;
	(void)stream;
	return 0;
}

static int ZCALLBACK
zmem_error(voidpf opaque, voidpf stream)
{
	(void)opaque;
	return ((struct zmem *)stream)->b.failed;
}

static int
zip_entry(zipFile zf, const struct opc *p, const char *name,
    const char *data, size_t len)
{
	zip_fileinfo	zi;

	memset(&zi, 0, sizeof zi);
	zi.tmz_date = p->zdate;
	if (zipOpenNewFileInZip(zf, name, &zi, NULL, 0, NULL, 0, NULL,
	    Z_DEFLATED, Z_DEFAULT_COMPRESSION) != ZIP_OK ||
	    zipWriteInFileInZip(zf, data, (unsigned)len) != ZIP_OK ||
	    zipCloseFileInZip(zf) != ZIP_OK)
		return error_set(NC_EIO, "cannot add '%s' to the package",
		    name);
	return 0;
}

static int
cmp_part_name(const void *a, const void *b)
{
	const struct part *const	*x = a, *const *y = b;

	return strcmp((*x)->name, (*y)->name);
}

static int
ext_is(const char *name, const char *ext)
{
	size_t	n = strlen(name), m = strlen(ext);

	return n > m && name[n - m - 1] == '.' &&
	    strcmp(name + n - m, ext) == 0;
}

static void
put_content_types(struct buf *b, const struct part **sorted, size_t n)
{
	size_t	i;

	buf_puts(b, xml_decl);
	buf_puts(b, "<Types xmlns=\"http://schemas.openxmlformats.org/"
	    "package/2006/content-types\">"
	    "<Default Extension=\"rels\" ContentType=\"application/"
	    "vnd.openxmlformats-package.relationships+xml\"/>"
	    "<Default Extension=\"xml\" ContentType=\"application/xml\"/>");
	for (i = 0; i < n; i++) {
		/* Plain XML needs no entry: the default says it. */
		if (ext_is(sorted[i]->name, "xml") &&
		    strcmp(sorted[i]->type, "application/xml") == 0)
			continue;
		buf_printf(b, "<Override PartName=\"/%s\" ContentType=\"%s\"/>",
		    sorted[i]->name, sorted[i]->type);
	}
	buf_puts(b, "</Types>");
}

/* The relationships of source (NULL: the package), "" if it has none. */
static void
put_rels(struct buf *b, const struct opc *p, const char *source)
{
	const struct rel	*r;
	size_t			 i, n = 0;

	for (i = 0; i < p->nrels; i++) {
		r = &p->rels[i];
		if ((source == NULL) != (r->source == NULL) ||
		    (source != NULL && strcmp(source, r->source) != 0))
			continue;
		if (n++ == 0) {
			buf_puts(b, xml_decl);
			buf_puts(b, "<Relationships xmlns=\"http://schemas."
			    "openxmlformats.org/package/2006/relationships\">");
		}
		buf_printf(b, "<Relationship Id=\"%s\" Type=\"%s\" "
		    "Target=\"%s\"%s/>", r->id, r->type, r->target,
		    strncmp(r->target, "http", 4) == 0 ?
		    " TargetMode=\"External\"" : "");
	}
	if (n > 0)
		buf_puts(b, "</Relationships>");
}

static void
put_core(struct buf *b, const struct opc *p)
{
	buf_puts(b, xml_decl);
	buf_puts(b, "<cp:coreProperties "
	    "xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
	    "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" "
	    "xmlns:dcterms=\"http://purl.org/dc/terms/\" "
	    "xmlns:dcmitype=\"http://purl.org/dc/dcmitype/\" "
	    "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">");
	if (p->title != NULL) {
		buf_puts(b, "<dc:title>");
		opc_put_text(b, p->title, strlen(p->title));
		buf_puts(b, "</dc:title>");
	}
	if (p->author != NULL) {
		buf_puts(b, "<dc:creator>");
		opc_put_text(b, p->author, strlen(p->author));
		buf_puts(b, "</dc:creator><cp:lastModifiedBy>");
		opc_put_text(b, p->author, strlen(p->author));
		buf_puts(b, "</cp:lastModifiedBy>");
	}
	if (p->created[0] != '\0')
		buf_printf(b, "<dcterms:created xsi:type=\"dcterms:W3CDTF\">%s"
		    "</dcterms:created><dcterms:modified "
		    "xsi:type=\"dcterms:W3CDTF\">%s</dcterms:modified>",
		    p->created, p->created);
	buf_puts(b, "</cp:coreProperties>");
}

static void
put_app(struct buf *b, const struct opc *p)
{
	buf_puts(b, xml_decl);
	buf_puts(b, "<Properties xmlns=\"http://schemas.openxmlformats.org/"
	    "officeDocument/2006/extended-properties\" xmlns:vt=\"http://"
	    "schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes\">");
	buf_puts(b, p->app != NULL ? p->app :
	    "<Application>nerima-cio</Application>");
	buf_puts(b, "</Properties>");
}

/* "dir/name.xml" -> "dir/_rels/name.xml.rels" */
static void
rels_name(struct buf *b, const char *part)
{
	const char	*slash = strrchr(part, '/');

	buf_reset(b);
	if (slash != NULL) {
		buf_add(b, part, (size_t)(slash - part) + 1);
		part = slash + 1;
	}
	buf_printf(b, "_rels/%s.rels", part);
}

int
opc_to_mem(char **out, size_t *outlen, struct opc *p)
{
	static const struct part core = { "docProps/core.xml", "application/"
	    "vnd.openxmlformats-package.core-properties+xml", NULL, 0 };
	static const struct part app = { "docProps/app.xml", "application/"
	    "vnd.openxmlformats-officedocument.extended-properties+xml",
	    NULL, 0 };
	zlib_filefunc_def	  ff;
	struct zmem		  z;
	struct buf		  b = BUF_INIT, name = BUF_INIT;
	const struct part	**sorted = NULL;
	zipFile			  zf = NULL;
	size_t			  i;
	int			  rc;

	*out = NULL;
	*outlen = 0;
	if (p == NULL)
		return error_set(NC_EINVALID, "no package: creating it failed");
	if ((rc = opc_sticky(p)) != 0)
		return rc;
	/* The package relationships every document has. */
	if ((rc = opc_rel(p, NULL, "rIdCore", "http://schemas.openxmlformats."
	    "org/package/2006/relationships/metadata/core-properties",
	    "docProps/core.xml")) != 0 ||
	    (rc = opc_rel(p, NULL, "rIdApp", "extended-properties",
	    "docProps/app.xml")) != 0)
		return rc;
	if ((rc = check_rels(p)) != 0)
		return opc_fail(p, rc);
	memset(&z, 0, sizeof z);
	buf_init(&z.b);
	memset(&ff, 0, sizeof ff);
	ff.zopen_file = zmem_open;
	ff.zread_file = zmem_read;
	ff.zwrite_file = zmem_write;
	ff.ztell_file = zmem_tell;
	ff.zseek_file = zmem_seek;
	ff.zclose_file = zmem_close;
	ff.zerror_file = zmem_error;
	ff.opaque = &z;
	if ((sorted = calloc(p->nparts + 3, sizeof *sorted)) == NULL) {
		rc = error_set(NC_ENOMEM, "out of memory");
		goto done;
	}
	for (i = 0; i < p->nparts; i++)
		sorted[i] = &p->parts[i];
	sorted[i++] = &core;
	sorted[i++] = &app;
	qsort(sorted, i, sizeof *sorted, cmp_part_name);
	/* minizip is loaded on first use (lazylib.h). */
	if ((rc = lazylib_load(&lazylib_libminizip)) != 0)
		goto done;
	if ((zf = zipOpen2("package.zip", APPEND_STATUS_CREATE, NULL,
	    &ff)) == NULL) {
		rc = error_set(NC_EIO, "cannot start the package");
		goto done;
	}

	put_content_types(&b, sorted, p->nparts + 2);
	if ((rc = buf_ok(&b)) != 0 ||
	    (rc = zip_entry(zf, p, "[Content_Types].xml", b.data, b.len)) != 0)
		goto done;
	buf_reset(&b);
	put_rels(&b, p, NULL);
	if ((rc = buf_ok(&b)) != 0 ||
	    (rc = zip_entry(zf, p, "_rels/.rels", b.data, b.len)) != 0)
		goto done;
	buf_reset(&b);
	put_core(&b, p);
	if ((rc = buf_ok(&b)) != 0 ||
	    (rc = zip_entry(zf, p, "docProps/core.xml", b.data, b.len)) != 0)
		goto done;
	buf_reset(&b);
	put_app(&b, p);
	if ((rc = buf_ok(&b)) != 0 ||
	    (rc = zip_entry(zf, p, "docProps/app.xml", b.data, b.len)) != 0)
		goto done;
	for (i = 0; i < p->nparts; i++) {
		if ((rc = zip_entry(zf, p, p->parts[i].name, p->parts[i].data,
		    p->parts[i].len)) != 0)
			goto done;
		buf_reset(&b);
		put_rels(&b, p, p->parts[i].name);
		if (b.len == 0 && !b.failed)
			continue;
		rels_name(&name, p->parts[i].name);
		if ((rc = buf_ok(&b)) != 0 || (rc = buf_ok(&name)) != 0 ||
		    (rc = zip_entry(zf, p, name.data, b.data, b.len)) != 0)
			goto done;
	}
	rc = zipClose(zf, NULL);
	zf = NULL;
	if (rc != ZIP_OK) {
		rc = error_set(NC_EIO, "cannot finish the package");
		goto done;
	}
	if ((rc = buf_ok(&z.b)) != 0)
		goto done;
	*out = buf_detach(&z.b, outlen);
done:
	/* The two package relationships go again with the next call. */
	while (p->nrels > 0 && p->rels[p->nrels - 1].source == NULL &&
	    (strcmp(p->rels[p->nrels - 1].id, "rIdCore") == 0 ||
	    strcmp(p->rels[p->nrels - 1].id, "rIdApp") == 0)) {
		p->nrels--;
		free(p->rels[p->nrels].id);
		free(p->rels[p->nrels].type);
		free(p->rels[p->nrels].target);
	}
	if (zf != NULL)
		zipClose(zf, NULL);
	free(sorted);
	buf_free(&z.b);
	buf_free(&b);
	buf_free(&name);
	if (rc != 0)
		opc_fail(p, rc);
	return rc;
}

int
opc_save(struct opc *p, const char *path)
{
	char	*data = NULL;
	size_t	 len;
	int	 rc;

	if ((rc = opc_to_mem(&data, &len, p)) != 0)
		return rc;
	rc = fileio_write_atomic(path, data, len);
	free(data);
	return rc;
}
