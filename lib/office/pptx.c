/*
 * PowerPoint writer: the template (built-in, a directory of parts or a
 * .potx/.pptx package), the slides, and the package.
 */
#include <sys/stat.h>

#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <minizip/unzip.h>

#include "buf.h"
#include "chart.h"
#include "error.h"
#include "fileio.h"
#include "lazylib.h"
#include "opc.h"
#include "pptx.h"
#include "pptx_template.h"
#include "text.h"
#include "textfit.h"
#include "xlsx.h"

#define NS_A	"http://schemas.openxmlformats.org/drawingml/2006/main"
#define NS_P	"http://schemas.openxmlformats.org/presentationml/2006/main"
#define NS_R	"http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define NS_C	"http://schemas.openxmlformats.org/drawingml/2006/chart"
#define NS_PKG	"http://schemas.openxmlformats.org/package/2006/relationships"
#define CT_PML	"application/vnd.openxmlformats-officedocument.presentationml."

#define EMU_PT		12700
#define EMU_CM		360000
#define SLIDE_CHART_PT	14		/* CHART_DML_SLIDE's axis text */
/*
 * Line height as a multiple of the font size.  游ゴシック and the Noto
 * Sans CJK that stands in for it here set lines well apart; estimating
 * high only moves a bullet or a row to the next slide a little early.
 */
#define LINE		1.6
#define INSET_X		91440		/* text inset of a shape, EMU */
#define INSET_Y		45720
#define MAX_SLIDES	2000

static const char xml_decl[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

enum { L_TITLE, L_OBJ, L_TITLEONLY, L_MAX };

struct rect {
	long	x, y, cx, cy;
	int	set;
};

/* A slide layout the writer uses, and where its placeholders are. */
struct layout {
	char		*part;		/* ppt/slideLayouts/slideLayout1.xml */
	char		 title_ph[48];	/* attributes of its title <p:ph> */
	char		 body_ph[48];	/* of its subtitle or body, or "" */
	char		 num_ph[48];	/* of its slide number, or "" */
	struct rect	 title;
	struct rect	 body;
};

/* A part copied from the template, with its relationships. */
struct tpart {
	char	*name;
	char	*type;
	char	*data;
	size_t	 len;
};

struct trel {
	char	*source;
	char	*id;
	char	*type;
	char	*target;
};

struct slide {
	char	*xml;
	size_t	 len;
	int	 layout;
	size_t	 chart;		/* 1 + index into charts, or 0 */
	char	*notes;
};

struct pchart {
	char	*xml;
	size_t	 xml_len;
	char	*xlsx;
	size_t	 xlsx_len;
};

struct pptx {
	struct tpart	*parts;
	size_t		 nparts;
	struct trel	*rels;
	size_t		 nrels;
	char		*master;
	char		*notes_master;
	char		*theme;
	char		*default_text;	/* <p:defaultTextStyle>, or NULL */
	long		 sw, sh;	/* slide size */
	long		 nw, nh;	/* notes size */
	unsigned long	 master_id;
	struct layout	 lay[L_MAX];
	struct rect	 master_title, master_body;
	unsigned	 title_sz;	/* hundredths of a point */
	unsigned	 body_sz[5];
	long		 body_marl[5];
	unsigned	 body_spc[5];
	struct slide	*slides;
	size_t		 nslides;
	size_t		 group;		/* first slide of the last call */
	struct pchart	*charts;
	size_t		 ncharts;
	char		*title;
	char		*author;
	char		*created;
	int		 err;
	char		*errmsg;
};

/* Sticky errors. */

static int
pptx_sticky(const struct pptx *p)
{
	if (p == NULL)
		return error_set(NC_EINVALID, "no presentation: creating it "
		    "failed");
	if (p->err == 0)
		return 0;
	return error_set(p->err, "%s", p->errmsg != NULL ? p->errmsg :
	    "out of memory");
}

static int
pptx_keep(struct pptx *p, int rc)
{
	if (rc != 0 && p != NULL && p->err == 0) {
		p->err = rc;
		p->errmsg = strdup(error_last());
	}
	return rc;
}

int
pptx_error(const struct pptx *p)
{
	return pptx_sticky(p);
}

#define PPTX_CALL(p, call) do {						\
	int rc_ = pptx_sticky(p);					\
	if (rc_ != 0)							\
		return rc_;						\
	return pptx_keep((p), (call));					\
} while (0)

static int
nomem(void)
{
	return error_set(NC_ENOMEM, "out of memory");
}

/* Where the template comes from. */

enum { SRC_BUILTIN, SRC_DIR, SRC_ZIP };

struct tsrc {
	int		 kind;
	const char	*path;
	unzFile		 zf;
};

static int
tsrc_read(struct tsrc *s, const char *name, struct buf *out)
{
	struct buf	 path = BUF_INIT;
	unz_file_info64	 fi;
	size_t		 i;
	int		 rc, n;

	buf_reset(out);
	switch (s->kind) {
	case SRC_BUILTIN:
		for (i = 0; i < pptx_ntemplate; i++)
			if (strcmp(pptx_template[i].name, name) == 0) {
				buf_add(out, pptx_template[i].data,
				    pptx_template[i].len);
				return buf_ok(out);
			}
		return NC_ENOTFOUND;
	case SRC_DIR:
		buf_printf(&path, "%s/%s", s->path, name);
		if ((rc = buf_ok(&path)) != 0)
			return rc;
		rc = buf_load(out, path.data);
		buf_free(&path);
		return rc;
	default:
		if (unzLocateFile(s->zf, name, 1) != UNZ_OK)
			return NC_ENOTFOUND;
		if (unzGetCurrentFileInfo64(s->zf, &fi, NULL, 0, NULL, 0, NULL,
		    0) != UNZ_OK || fi.uncompressed_size > 0x7FFFFFFF ||
		    unzOpenCurrentFile(s->zf) != UNZ_OK)
			return error_set(NC_EIO, "cannot read '%s' in '%s'",
			    name, s->path);
		if (buf_grow(out, (size_t)fi.uncompressed_size) != 0) {
			unzCloseCurrentFile(s->zf);
			return nomem();
		}
		n = unzReadCurrentFile(s->zf, out->data,
		    (unsigned)fi.uncompressed_size);
		if (unzCloseCurrentFile(s->zf) != UNZ_OK || n < 0 ||
		    (ZPOS64_T)n != fi.uncompressed_size)
			return error_set(NC_EIO, "cannot read '%s' in '%s'",
			    name, s->path);
		out->len = (size_t)n;
		out->data[n] = '\0';
		return 0;
	}
}

static const char *
src_name(const struct tsrc *s)
{
	return s->kind == SRC_BUILTIN ? "the built-in template" : s->path;
}

/* XML through libxml2: no network, no messages on stderr. */
static xmlDocPtr
xml_read(const struct buf *b)
{
	if (b->len > 0x7FFFFFFF)
		return NULL;
	return xmlReadMemory(b->data, (int)b->len, NULL, NULL,
	    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
}

static int
is_el(const xmlNode *n, const char *name)
{
	return n != NULL && n->type == XML_ELEMENT_NODE &&
	    strcmp((const char *)n->name, name) == 0;
}

static xmlNode *
child(const xmlNode *n, const char *name)
{
	xmlNode	*c;

	for (c = n != NULL ? n->children : NULL; c != NULL; c = c->next)
		if (is_el(c, name))
			return c;
	return NULL;
}

/* Attribute text (no namespace), or NULL; points into the tree. */
static const char *
attr(const xmlNode *n, const char *name)
{
	xmlAttr	*a;

	for (a = n != NULL ? n->properties : NULL; a != NULL; a = a->next)
		if (strcmp((const char *)a->name, name) == 0 &&
		    a->children != NULL && a->children->type == XML_TEXT_NODE)
			return (const char *)a->children->content;
	return NULL;
}

static long
attr_long(const xmlNode *n, const char *name, long def)
{
	const char	*s = attr(n, name);
	char		*end;
	long		 v;

	if (s == NULL)
		return def;
	v = strtol(s, &end, 10);
	return *end == '\0' && end != s ? v : def;
}

/* [Content_Types].xml */

struct ctypes {
	xmlDocPtr	doc;
};

static const char *
ctype_of(const struct ctypes *ct, const char *part)
{
	const xmlNode	*n;
	const char	*pn, *ext, *e;

	ext = strrchr(part, '.');
	for (n = xmlDocGetRootElement(ct->doc)->children; n != NULL;
	    n = n->next) {
		if (is_el(n, "Override") && (pn = attr(n, "PartName")) != NULL &&
		    pn[0] == '/' && strcmp(pn + 1, part) == 0)
			return attr(n, "ContentType");
	}
	if (ext == NULL)
		return NULL;
	for (n = xmlDocGetRootElement(ct->doc)->children; n != NULL;
	    n = n->next)
		if (is_el(n, "Default") && (e = attr(n, "Extension")) != NULL &&
		    strcasecmp(e, ext + 1) == 0)
			return attr(n, "ContentType");
	return NULL;
}

/* The relationships part of a part: "dir/_rels/name.rels". */
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

/* Relationships of part, parsed; NULL (no error) when it has none. */
static int
read_rels(xmlDocPtr *out, struct tsrc *s, const char *part)
{
	struct buf	name = BUF_INIT, b = BUF_INIT;
	int		rc;

	*out = NULL;
	rels_name(&name, part);
	if ((rc = buf_ok(&name)) != 0)
		return rc;
	rc = tsrc_read(s, name.data, &b);
	if (rc == NC_ENOTFOUND)
		rc = 0;
	else if (rc == 0 && (*out = xml_read(&b)) == NULL)
		rc = error_set(NC_EINVALID, "%s: '%s' is not well-formed XML",
		    src_name(s), name.data);
	buf_free(&name);
	buf_free(&b);
	return rc;
}

/* The target of the first relationship of the given type, resolved. */
static int
rel_target(char **out, xmlDocPtr rels, const char *source, const char *type)
{
	const xmlNode	*n;
	const char	*t, *tg;
	size_t		 tl = strlen(type);

	*out = NULL;
	if (rels == NULL)
		return 0;
	for (n = xmlDocGetRootElement(rels)->children; n != NULL; n = n->next) {
		if (!is_el(n, "Relationship") ||
		    (t = attr(n, "Type")) == NULL ||
		    (tg = attr(n, "Target")) == NULL)
			continue;
		if (strlen(t) > tl && strcmp(t + strlen(t) - tl, type) == 0 &&
		    t[strlen(t) - tl - 1] == '/')
			return opc_resolve(out, source, tg);
	}
	return 0;
}

static int
has_part(const struct pptx *p, const char *name)
{
	size_t	i;

	for (i = 0; i < p->nparts; i++)
		if (strcmp(p->parts[i].name, name) == 0)
			return 1;
	return 0;
}

static int
add_trel(struct pptx *p, const char *source, const char *id,
    const char *type, const char *target)
{
	struct trel	*v;

	if ((v = realloc(p->rels, (p->nrels + 1) * sizeof *v)) == NULL)
		return nomem();
	p->rels = v;
	v = &p->rels[p->nrels];
	v->source = strdup(source);
	v->id = strdup(id);
	v->type = strdup(type);
	v->target = strdup(target);
	if (v->source == NULL || v->id == NULL || v->type == NULL ||
	    v->target == NULL) {
		free(v->source);
		free(v->id);
		free(v->type);
		free(v->target);
		return nomem();
	}
	p->nrels++;
	return 0;
}

/*
 * Copy part start and everything its relationships reach (layouts,
 * themes, pictures ...) but slides, from s.  rename_from/rename_to give
 * one part a new name (the built-in notes theme beside a template's own).
 */
static int
collect(struct pptx *p, struct tsrc *s, const struct ctypes *ct,
    const char *start, const char *rename_from, const char *rename_to)
{
	char		**queue = NULL, *target = NULL, *q;
	size_t		  nq = 0, head = 0, i;
	struct buf	  b = BUF_INIT;
	xmlDocPtr	  rels = NULL;
	const xmlNode	 *n;
	const char	 *type, *id, *tg, *mode, *ctype, *name;
	struct tpart	 *v;
	int		  rc = 0;

	if ((queue = malloc(sizeof *queue)) == NULL ||
	    (queue[0] = strdup(start)) == NULL) {
		free(queue);
		return nomem();
	}
	nq = 1;
	for (head = 0; head < nq && rc == 0; head++) {
		q = queue[head];
		name = rename_from != NULL && strcmp(q, rename_from) == 0 ?
		    rename_to : q;
		if (has_part(p, name))
			continue;
		if ((rc = tsrc_read(s, q, &b)) != 0) {
			if (rc == NC_ENOTFOUND)
				rc = error_set(NC_EINVALID, "%s: no part '%s'",
				    src_name(s), q);
			break;
		}
		if ((ctype = ctype_of(ct, q)) == NULL) {
			rc = error_set(NC_EINVALID, "%s: part '%s' has no "
			    "content type", src_name(s), q);
			break;
		}
		if ((v = realloc(p->parts, (p->nparts + 1) * sizeof *v)) ==
		    NULL) {
			rc = nomem();
			break;
		}
		p->parts = v;
		v = &p->parts[p->nparts];
		v->name = strdup(name);
		v->type = strdup(ctype);
		v->len = b.len;
		v->data = buf_detach(&b, NULL);
		if (v->name == NULL || v->type == NULL || v->data == NULL) {
			free(v->name);
			free(v->type);
			free(v->data);
			rc = nomem();
			break;
		}
		p->nparts++;
		if ((rc = read_rels(&rels, s, q)) != 0 || rels == NULL)
			continue;
		for (n = xmlDocGetRootElement(rels)->children; n != NULL &&
		    rc == 0; n = n->next) {
			if (!is_el(n, "Relationship") ||
			    (id = attr(n, "Id")) == NULL ||
			    (type = attr(n, "Type")) == NULL ||
			    (tg = attr(n, "Target")) == NULL)
				continue;
			mode = attr(n, "TargetMode");
			if (mode != NULL && strcmp(mode, "External") == 0) {
				/* Only web links survive the copy. */
				if (strncmp(tg, "http://", 7) == 0 ||
				    strncmp(tg, "https://", 8) == 0)
					rc = add_trel(p, name, id, type, tg);
				continue;
			}
			/* Slides of the template are not ours. */
			if (strstr(type, "/slide") != NULL &&
			    strstr(type, "/slideLayout") == NULL &&
			    strstr(type, "/slideMaster") == NULL)
				continue;
			if (strstr(type, "/notesSlide") != NULL)
				continue;
			if ((rc = opc_resolve(&target, q, tg)) != 0)
				break;
			if (rename_from != NULL && strcmp(target,
			    rename_from) == 0) {
				/* the same folder: ../theme/<new name> */
				const char *base = strrchr(rename_to, '/');

				buf_reset(&b);
				buf_printf(&b, "../theme/%s", base != NULL ?
				    base + 1 : rename_to);
				if ((rc = buf_ok(&b)) == 0)
					rc = add_trel(p, name, id, type,
					    b.data);
			} else
				rc = add_trel(p, name, id, type, tg);
			for (i = 0; rc == 0 && i < nq; i++)
				if (strcmp(queue[i], target) == 0)
					break;
			if (rc == 0 && i == nq) {
				char **nv = realloc(queue, (nq + 1) *
				    sizeof *nv);

				if (nv == NULL) {
					rc = nomem();
					break;
				}
				queue = nv;
				queue[nq++] = target;
				target = NULL;
			}
			free(target);
			target = NULL;
		}
		xmlFreeDoc(rels);
		rels = NULL;
	}
	xmlFreeDoc(rels);
	free(target);
	for (i = 0; i < nq; i++)
		free(queue[i]);
	free(queue);
	buf_free(&b);
	return rc;
}

static const struct tpart *
find_tpart(const struct pptx *p, const char *name)
{
	size_t	i;

	for (i = 0; i < p->nparts; i++)
		if (strcmp(p->parts[i].name, name) == 0)
			return &p->parts[i];
	return NULL;
}

/* The geometry of a placeholder shape, if it has its own. */
static void
sp_rect(const xmlNode *sp, struct rect *r)
{
	const xmlNode	*xf, *off, *ext;

	xf = child(child(sp, "spPr"), "xfrm");
	off = child(xf, "off");
	ext = child(xf, "ext");
	if (off == NULL || ext == NULL)
		return;
	r->x = attr_long(off, "x", 0);
	r->y = attr_long(off, "y", 0);
	r->cx = attr_long(ext, "cx", 0);
	r->cy = attr_long(ext, "cy", 0);
	r->set = r->cx > 0 && r->cy > 0;
}

/* The <p:ph> of a shape, or NULL. */
static const xmlNode *
sp_ph(const xmlNode *sp)
{
	return child(child(child(sp, "nvSpPr"), "nvPr"), "ph");
}

/* "type=\"ctrTitle\"" and " idx=\"1\"" as the ph has them. */
static void
ph_attrs(char *out, size_t size, const xmlNode *ph)
{
	const char	*type = attr(ph, "type"), *idx = attr(ph, "idx");

	snprintf(out, size, "%s%s%s%s%s%s", type != NULL ? "type=\"" : "",
	    type != NULL ? type : "", type != NULL ? "\"" : "",
	    idx != NULL ? (type != NULL ? " idx=\"" : "idx=\"") : "",
	    idx != NULL ? idx : "", idx != NULL ? "\"" : "");
}

static int
read_layout(struct pptx *p, struct layout *l, const char *part,
    const char *what)
{
	const struct tpart	*tp = find_tpart(p, part);
	struct buf		 b = BUF_INIT;
	xmlDocPtr		 doc;
	const xmlNode		*sp, *ph;
	const char		*type;

	memset(l, 0, sizeof *l);
	if (tp == NULL)
		return error_set(NC_EINVALID, "template: no layout for %s",
		    what);
	buf_add(&b, tp->data, tp->len);
	doc = buf_ok(&b) == 0 ? xml_read(&b) : NULL;
	buf_free(&b);
	if (doc == NULL)
		return error_set(NC_EINVALID, "template: '%s' is not "
		    "well-formed XML", part);
	if ((l->part = strdup(part)) == NULL) {
		xmlFreeDoc(doc);
		return nomem();
	}
	l->title = p->master_title;
	l->body = p->master_body;
	sp = child(child(xmlDocGetRootElement(doc), "cSld"), "spTree");
	for (sp = sp != NULL ? sp->children : NULL; sp != NULL;
	    sp = sp->next) {
		if (!is_el(sp, "sp") || (ph = sp_ph(sp)) == NULL)
			continue;
		type = attr(ph, "type");
		if (type != NULL && (strcmp(type, "title") == 0 ||
		    strcmp(type, "ctrTitle") == 0)) {
			ph_attrs(l->title_ph, sizeof l->title_ph, ph);
			sp_rect(sp, &l->title);
		} else if (type != NULL && strcmp(type, "sldNum") == 0)
			ph_attrs(l->num_ph, sizeof l->num_ph, ph);
		else if (l->body_ph[0] == '\0' && (type == NULL ||
		    strcmp(type, "subTitle") == 0 ||
		    strcmp(type, "body") == 0 || strcmp(type, "obj") == 0)) {
			ph_attrs(l->body_ph, sizeof l->body_ph, ph);
			sp_rect(sp, &l->body);
		}
	}
	xmlFreeDoc(doc);
	if (l->title_ph[0] == '\0')
		return error_set(NC_EINVALID, "template: layout '%s' for %s "
		    "has no title placeholder", part, what);
	return 0;
}

/* The master: placeholder positions, text sizes, layouts by type. */
static int
read_master(struct pptx *p, char **layouts, char **types, size_t *nlayouts,
    xmlDocPtr rels)
{
	static const unsigned	 def_sz[5] = { 2000, 1800, 1600, 1400, 1400 };
	const struct tpart	*tp = find_tpart(p, p->master);
	struct buf		 b = BUF_INIT;
	xmlDocPtr		 doc;
	const xmlNode		*root, *sp, *ph, *n, *lv, *r;
	const char		*type, *id, *tg;
	char			 lvl[16];
	unsigned long		 max_id, id_v;
	int			 i, rc = 0, taken;

	buf_add(&b, tp->data, tp->len);
	doc = buf_ok(&b) == 0 ? xml_read(&b) : NULL;
	buf_free(&b);
	if (doc == NULL)
		return error_set(NC_EINVALID, "template: '%s' is not "
		    "well-formed XML", p->master);
	root = xmlDocGetRootElement(doc);
	/* Defaults: the built-in master's. */
	p->master_title = (struct rect){ 609600, 228600, 10972800, 914400, 1 };
	p->master_body = (struct rect){ 609600, 1371600, 10972800, 4754880, 1 };
	for (sp = child(child(root, "cSld"), "spTree") != NULL ?
	    child(child(root, "cSld"), "spTree")->children : NULL; sp != NULL;
	    sp = sp->next) {
		if (!is_el(sp, "sp") || (ph = sp_ph(sp)) == NULL ||
		    (type = attr(ph, "type")) == NULL)
			continue;
		if (strcmp(type, "title") == 0)
			sp_rect(sp, &p->master_title);
		else if (strcmp(type, "body") == 0)
			sp_rect(sp, &p->master_body);
	}
	p->title_sz = 2800;
	n = child(child(child(child(root, "txStyles"), "titleStyle"),
	    "lvl1pPr"), "defRPr");
	p->title_sz = (unsigned)attr_long(n, "sz", 2800);
	for (i = 0; i < 5; i++) {
		snprintf(lvl, sizeof lvl, "lvl%dpPr", i + 1);
		lv = child(child(child(root, "txStyles"), "bodyStyle"), lvl);
		p->body_sz[i] = (unsigned)attr_long(child(lv, "defRPr"), "sz",
		    def_sz[i]);
		p->body_marl[i] = attr_long(lv, "marL", 342900L * (i + 1));
		p->body_spc[i] = (unsigned)attr_long(child(child(lv, "spcBef"),
		    "spcPts"), "val", i == 0 ? 1000 : 500);
		if (p->body_sz[i] < 600 || p->body_sz[i] > 8000)
			p->body_sz[i] = def_sz[i];
	}
	if (p->title_sz < 1000 || p->title_sz > 8000)
		p->title_sz = 2800;
	/*
	 * The master's id is 2147483648, as PowerPoint numbers it, unless a
	 * layout has it: ids are unique among masters and layouts.
	 */
	p->master_id = 2147483648UL;
	max_id = 0;
	taken = 0;
	for (n = child(child(root, "sldLayoutIdLst"), "sldLayoutId");
	    n != NULL; n = n->next) {
		if (!is_el(n, "sldLayoutId"))
			continue;
		id_v = (unsigned long)attr_long(n, "id", 0);
		if (id_v == p->master_id)
			taken = 1;
		if (id_v > max_id)
			max_id = id_v;
	}
	if (taken)
		p->master_id = max_id + 1;
	xmlFreeDoc(doc);
	/* The layouts, in the order of the master's relationships. */
	*nlayouts = 0;
	for (r = rels != NULL ? xmlDocGetRootElement(rels)->children : NULL;
	    r != NULL && rc == 0; r = r->next) {
		if (!is_el(r, "Relationship") ||
		    (type = attr(r, "Type")) == NULL ||
		    (id = attr(r, "Id")) == NULL ||
		    (tg = attr(r, "Target")) == NULL ||
		    strstr(type, "/slideLayout") == NULL || *nlayouts >= 64)
			continue;
		if ((rc = opc_resolve(&layouts[*nlayouts], p->master, tg)) != 0)
			break;
		tp = find_tpart(p, layouts[*nlayouts]);
		types[*nlayouts] = NULL;
		if (tp != NULL) {
			buf_reset(&b);
			buf_add(&b, tp->data, tp->len);
			if ((doc = buf_ok(&b) == 0 ? xml_read(&b) : NULL) !=
			    NULL) {
				type = attr(xmlDocGetRootElement(doc), "type");
				types[*nlayouts] = strdup(type != NULL ? type :
				    "cust");
				xmlFreeDoc(doc);
			}
		}
		if (types[*nlayouts] == NULL)
			types[*nlayouts] = strdup("");
		(*nlayouts)++;
	}
	buf_free(&b);
	if (rc == 0 && *nlayouts == 0)
		rc = error_set(NC_EINVALID, "template: the slide master has no "
		    "layouts");
	return rc;
}

/* The default text style of the template's presentation, as XML. */
static int
read_presentation(struct pptx *p, struct tsrc *s, const char *part)
{
	struct buf	 b = BUF_INIT;
	xmlDocPtr	 doc = NULL, copy = NULL;
	xmlNode		*root, *sz, *dts, *cn;
	xmlBufferPtr	 xb = NULL;
	int		 rc;

	if ((rc = tsrc_read(s, part, &b)) != 0) {
		if (rc == NC_ENOTFOUND)
			rc = error_set(NC_EINVALID, "%s: no '%s'", src_name(s),
			    part);
		goto done;
	}
	if ((doc = xml_read(&b)) == NULL) {
		rc = error_set(NC_EINVALID, "%s: '%s' is not well-formed XML",
		    src_name(s), part);
		goto done;
	}
	root = xmlDocGetRootElement(doc);
	sz = child(root, "sldSz");
	p->sw = attr_long(sz, "cx", 12192000);
	p->sh = attr_long(sz, "cy", 6858000);
	p->nw = attr_long(child(root, "notesSz"), "cx", 6858000);
	p->nh = attr_long(child(root, "notesSz"), "cy", 9144000);
	if (p->sw <= 0 || p->sh <= 0 ||
	    fabs((double)p->sw / (double)p->sh - 16.0 / 9.0) > 0.02) {
		rc = error_set(NC_EINVALID, "%s: slides of %.2f x %.2f cm are "
		    "not 16:9", src_name(s), (double)p->sw / 360000,
		    (double)p->sh / 360000);
		goto done;
	}
	if ((dts = child(root, "defaultTextStyle")) != NULL) {
		/* A copy in a document of its own declares its namespaces. */
		if ((copy = xmlNewDoc((const xmlChar *)"1.0")) == NULL ||
		    (cn = xmlDocCopyNode(dts, copy, 1)) == NULL ||
		    (xb = xmlBufferCreate()) == NULL) {
			rc = nomem();
			goto done;
		}
		xmlDocSetRootElement(copy, cn);
		xmlReconciliateNs(copy, cn);
		if (xmlNodeDump(xb, copy, cn, 0, 0) < 0 ||
		    (p->default_text = strdup((const char *)
		    xmlBufferContent(xb))) == NULL) {
			rc = nomem();
			goto done;
		}
	}
done:
	if (xb != NULL)
		xmlBufferFree(xb);
	xmlFreeDoc(copy);
	xmlFreeDoc(doc);
	buf_free(&b);
	return rc;
}

static int
load_template(struct pptx *p, struct tsrc *s)
{
	struct buf	 b = BUF_INIT;
	struct ctypes	 ct = { NULL }, bct = { NULL };
	struct tsrc	 builtin = { SRC_BUILTIN, NULL, NULL };
	xmlDocPtr	 rels = NULL, prels = NULL, mrels = NULL;
	char		*main = NULL, *layouts[64], *types[64];
	const char	*want[L_MAX] = { "title", "obj", "titleOnly" };
	const char	*what[L_MAX] = { "the title slide", "bullets",
			    "tables and charts" };
	size_t		 nl = 0, i, k, pick;
	int		 rc;

	if ((rc = tsrc_read(s, "[Content_Types].xml", &b)) != 0) {
		if (rc == NC_ENOTFOUND)
			rc = error_set(NC_EINVALID, "%s: not a presentation "
			    "package: no [Content_Types].xml", src_name(s));
		goto done;
	}
	if ((ct.doc = xml_read(&b)) == NULL) {
		rc = error_set(NC_EINVALID, "%s: [Content_Types].xml is not "
		    "well-formed XML", src_name(s));
		goto done;
	}
	if ((rc = read_rels(&rels, s, "")) != 0 ||
	    (rc = rel_target(&main, rels, NULL, "officeDocument")) != 0)
		goto done;
	if (main == NULL) {
		rc = error_set(NC_EINVALID, "%s: no main part", src_name(s));
		goto done;
	}
	if ((rc = read_presentation(p, s, main)) != 0 ||
	    (rc = read_rels(&prels, s, main)) != 0 ||
	    (rc = rel_target(&p->master, prels, main, "slideMaster")) != 0 ||
	    (rc = rel_target(&p->notes_master, prels, main,
	    "notesMaster")) != 0)
		goto done;
	if (p->master == NULL) {
		rc = error_set(NC_EINVALID, "%s: no slide master", src_name(s));
		goto done;
	}
	if ((rc = collect(p, s, &ct, p->master, NULL, NULL)) != 0)
		goto done;
	if (p->notes_master != NULL) {
		if ((rc = collect(p, s, &ct, p->notes_master, NULL, NULL)) != 0)
			goto done;
	} else {
		/* The built-in notes master, its theme beside the template's. */
		const char	*nt = "ppt/theme/theme2.xml";
		char		 alt[64];

		snprintf(alt, sizeof alt, "%s", nt);
		for (k = 3; has_part(p, alt) && k < 100; k++)
			snprintf(alt, sizeof alt, "ppt/theme/theme%zu.xml", k);
		buf_reset(&b);
		if ((rc = tsrc_read(&builtin, "[Content_Types].xml", &b)) != 0)
			goto done;
		if ((bct.doc = xml_read(&b)) == NULL) {
			rc = error_set(NC_EINVALID, "the built-in template is "
			    "broken");
			goto done;
		}
		if ((p->notes_master = strdup("ppt/notesMasters/"
		    "notesMaster1.xml")) == NULL) {
			rc = nomem();
			goto done;
		}
		if (has_part(p, p->notes_master)) {
			rc = error_set(NC_EINVALID, "%s: '%s' is not the notes "
			    "master of the presentation", src_name(s),
			    p->notes_master);
			goto done;
		}
		if ((rc = collect(p, &builtin, &bct, p->notes_master, nt,
		    alt)) != 0)
			goto done;
	}
	if ((rc = read_rels(&mrels, s, p->master)) != 0 ||
	    (rc = rel_target(&p->theme, mrels, p->master, "theme")) != 0)
		goto done;
	if (p->theme == NULL) {
		rc = error_set(NC_EINVALID, "%s: the slide master has no "
		    "theme", src_name(s));
		goto done;
	}
	for (i = 0; i < 64; i++)
		layouts[i] = types[i] = NULL;
	if ((rc = read_master(p, layouts, types, &nl, mrels)) != 0)
		goto layouts_done;
	for (k = 0; k < L_MAX; k++) {
		pick = nl;
		for (i = 0; i < nl && pick == nl; i++)
			if (strcmp(types[i], want[k]) == 0)
				pick = i;
		/* Fallbacks: any layout with a body for bullets, obj after. */
		for (i = 0; k == L_OBJ && i < nl && pick == nl; i++)
			if (strcmp(types[i], "tx") == 0 ||
			    strcmp(types[i], "twoObj") == 0)
				pick = i;
		if (pick == nl && k == L_TITLEONLY)
			pick = nl + 1;	/* the obj layout, below */
		if (pick == nl && k == L_TITLE)
			pick = 0;
		if (pick == nl) {
			rc = error_set(NC_EINVALID, "%s: no slide layout of "
			    "type '%s' for %s", src_name(s), want[k], what[k]);
			break;
		}
		if (pick == nl + 1)
			rc = read_layout(p, &p->lay[k], p->lay[L_OBJ].part,
			    what[k]);
		else
			rc = read_layout(p, &p->lay[k], layouts[pick], what[k]);
		if (rc != 0)
			break;
	}
	if (rc == 0 && p->lay[L_OBJ].body_ph[0] == '\0')
		rc = error_set(NC_EINVALID, "%s: layout '%s' has no body "
		    "placeholder for bullets", src_name(s), p->lay[L_OBJ].part);
layouts_done:
	for (i = 0; i < 64; i++) {
		free(layouts[i]);
		free(types[i]);
	}
done:
	xmlFreeDoc(ct.doc);
	xmlFreeDoc(bct.doc);
	xmlFreeDoc(rels);
	xmlFreeDoc(prels);
	xmlFreeDoc(mrels);
	free(main);
	buf_free(&b);
	return rc;
}

int
pptx_template_find(char **out, const char *datadir)
{
	static const char *const names[] = {
		PPTX_TEMPLATE_FILE, PPTX_TEMPLATE_PPTX,
		PPTX_TEMPLATE_DIR "/[Content_Types].xml",
	};
	struct buf	 b = BUF_INIT;
	struct stat	 sb;
	size_t		 i;
	int		 rc;

	*out = NULL;
	for (i = 0; i < sizeof names / sizeof names[0]; i++) {
		buf_reset(&b);
		buf_printf(&b, "%s/%s", datadir, names[i]);
		if ((rc = buf_ok(&b)) != 0)
			return rc;
		if (stat(b.data, &sb) != 0)
			continue;
		if (i == 2)
			b.data[b.len - strlen("/[Content_Types].xml")] = '\0';
		*out = buf_detach(&b, NULL);
		return 0;
	}
	buf_free(&b);
	return 0;
}

static void
free_parts(struct pptx *p)
{
	size_t	i;

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
}

static void	wrap_memo_free(void);

void
pptx_free(struct pptx *p)
{
	size_t	i;

	if (p == NULL)
		return;
	wrap_memo_free();
	free_parts(p);
	for (i = 0; i < L_MAX; i++)
		free(p->lay[i].part);
	for (i = 0; i < p->nslides; i++) {
		free(p->slides[i].xml);
		free(p->slides[i].notes);
	}
	for (i = 0; i < p->ncharts; i++) {
		free(p->charts[i].xml);
		free(p->charts[i].xlsx);
	}
	free(p->slides);
	free(p->charts);
	free(p->master);
	free(p->notes_master);
	free(p->theme);
	free(p->default_text);
	free(p->title);
	free(p->author);
	free(p->created);
	free(p->errmsg);
	free(p);
}

static int
dup_prop(char **out, const char *s, const char *what)
{
	int	rc;

	*out = NULL;
	if (s == NULL)
		return 0;
	if ((rc = opc_check_text(s, what)) != 0)
		return rc;
	if ((*out = strdup(s)) == NULL)
		return nomem();
	return 0;
}

int
pptx_new(struct pptx **out, const struct pptx_props *props,
    const char *template)
{
	struct pptx	*p;
	struct tsrc	 s;
	struct stat	 sb;
	char		 w3c[32];
	int		 rc, y, mo, d, h, mi, se;

	*out = NULL;
	/* libxml2 is loaded on first use (lazylib.h). */
	if ((rc = lazylib_load(&lazylib_libxml2)) != 0)
		return rc;
	if ((p = calloc(1, sizeof *p)) == NULL)
		return nomem();
	if (props != NULL) {
		if ((rc = dup_prop(&p->title, props->title, "title")) != 0 ||
		    (rc = dup_prop(&p->author, props->author, "author")) != 0)
			goto fail;
		if (props->created != NULL &&
		    ((rc = opc_parse_created(props->created, w3c, &y, &mo, &d,
		    &h, &mi, &se)) != 0 ||
		    (rc = dup_prop(&p->created, props->created, "created")) !=
		    0))
			goto fail;
	}
	memset(&s, 0, sizeof s);
	s.path = template;
	if (template == NULL)
		s.kind = SRC_BUILTIN;
	else if (stat(template, &sb) != 0) {
		rc = error_sys(NC_ENOTFOUND, "cannot read template '%s'",
		    template);
		goto fail;
	} else if (S_ISDIR(sb.st_mode))
		s.kind = SRC_DIR;
	else {
		s.kind = SRC_ZIP;
		if ((rc = lazylib_load(&lazylib_libminizip)) != 0)
			goto fail;
		if ((s.zf = unzOpen64(template)) == NULL) {
			rc = error_set(NC_EINVALID, "cannot read template "
			    "'%s': not a .potx or .pptx package", template);
			goto fail;
		}
	}
	rc = load_template(p, &s);
	if (s.zf != NULL)
		unzClose(s.zf);
	if (rc != 0)
		goto fail;
	*out = p;
	return 0;
fail:
	pptx_free(p);
	return rc;
}

size_t
pptx_slide_count(const struct pptx *p)
{
	return p != NULL ? p->nslides : 0;
}

/* Slides. */

/* Runs of text; a line end is <a:br/> within the paragraph. */
static void
put_runs(struct buf *b, const char *s, const char *rpr)
{
	const char	*nl;
	size_t		 n;

	for (;;) {
		nl = strpbrk(s, "\r\n");
		n = nl != NULL ? (size_t)(nl - s) : strlen(s);
		if (n > 0) {
			buf_printf(b, "<a:r><a:rPr lang=\"ja-JP\" altLang=\"en-US\""
			    "%s dirty=\"0\"/><a:t>", rpr);
			opc_put_text(b, s, n);
			buf_puts(b, "</a:t></a:r>");
		}
		if (nl == NULL)
			break;
		buf_printf(b, "<a:br><a:rPr lang=\"ja-JP\" altLang=\"en-US\"%s/>"
		    "</a:br>", rpr);
		s = nl + (nl[0] == '\r' && nl[1] == '\n' ? 2 : 1);
	}
}

static void
slide_begin(struct buf *b)
{
	buf_puts(b, xml_decl);
	buf_puts(b, "<p:sld xmlns:a=\"" NS_A "\" xmlns:r=\"" NS_R "\" "
	    "xmlns:p=\"" NS_P "\"><p:cSld><p:spTree><p:nvGrpSpPr><p:cNvPr "
	    "id=\"1\" name=\"\"/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr>"
	    "<p:grpSpPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"0\" "
	    "cy=\"0\"/><a:chOff x=\"0\" y=\"0\"/><a:chExt cx=\"0\" cy=\"0\"/>"
	    "</a:xfrm></p:grpSpPr>");
}

static void
slide_end(struct buf *b)
{
	buf_puts(b, "</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/>"
	    "</p:clrMapOvr></p:sld>");
}

/* A placeholder shape; paras is its paragraphs' XML. */
static void
put_ph(struct buf *b, unsigned id, const char *name, const char *ph,
    const char *paras)
{
	buf_printf(b, "<p:sp><p:nvSpPr><p:cNvPr id=\"%u\" name=\"%s\"/>"
	    "<p:cNvSpPr><a:spLocks noGrp=\"1\"/></p:cNvSpPr><p:nvPr><p:ph %s/>"
	    "</p:nvPr></p:nvSpPr><p:spPr/><p:txBody><a:bodyPr/><a:lstStyle/>",
	    id, name, ph);
	buf_puts(b, paras);
	buf_puts(b, "</p:txBody></p:sp>");
}

/* Slide number, if the layout has a place for it. */
static void
put_number(struct buf *b, const struct layout *l, size_t n)
{
	if (l->num_ph[0] == '\0')
		return;
	buf_printf(b, "<p:sp><p:nvSpPr><p:cNvPr id=\"9\" name=\"Slide Number\"/>"
	    "<p:cNvSpPr><a:spLocks noGrp=\"1\"/></p:cNvSpPr><p:nvPr><p:ph %s/>"
	    "</p:nvPr></p:nvSpPr><p:spPr/><p:txBody><a:bodyPr/><a:lstStyle/>"
	    "<a:p><a:fld id=\"{6D22F896-40B5-4ADD-8801-0D06FADFA095}\" "
	    "type=\"slidenum\"><a:rPr lang=\"en-US\" altLang=\"ja-JP\"/>"
	    "<a:t>%zu</a:t></a:fld><a:endParaRPr lang=\"ja-JP\" "
	    "altLang=\"en-US\"/></a:p></p:txBody></p:sp>", l->num_ph, n);
}

/* Full-width characters of size sz (hundredths of a point) across w EMU. */
static unsigned
chars_across(long w, unsigned sz)
{
	if (w <= 0 || sz == 0)
		return 100;
	return (unsigned)((double)w * 100 / ((double)sz / 100 * EMU_PT));
}

/*
 * The room a line of text at size sz takes across w EMU, in hundredths
 * of a character, for textfit_wrap(): TEXTFIT_ROOM % of it, since
 * LibreOffice and PowerPoint set the text wider than textfit measures.
 */
static unsigned
room_across(long w, unsigned sz)
{
	return (unsigned)((unsigned long)chars_across(w, sz) * TEXTFIT_ROOM /
	    100);
}

/*
 * Paragraph runs of s wrapped at room (room_across()) by wrap: the writer
 * sets the line breaks, as <a:br/>, so that no line breaks inside a date,
 * a number with its unit, a katakana word or a short aside, nor leaves a
 * word's last character or two alone (textfit_wrap(), or phrase_wrap()
 * for running text).
 */
static void
put_wrapped(struct buf *b, const char *s, unsigned room, const char *rpr,
    char *(*wrap)(const char *, unsigned))
{
	char	*w;

	if ((w = wrap(s, room)) == NULL) {
		b->failed = 1;
		return;
	}
	put_runs(b, w, rpr);
	free(w);
}

/*
 * Running text of a slide (bullets, a table's note) wrapped to fill its
 * box, as a reader expects a line to run to the box's edge before it
 * breaks: textfit_wrap() sets the fewest lines and then the best breaks
 * among them, and where those were three lines it broke the first after
 * its first 、 at 40 % of the width ("運営計画書に基づき、内部監査、所属
 * 点検、／研修および…").  Here each line runs to the last phrase boundary
 * that fits: after 、。 or a closing bracket, at a space, before an
 * opening bracket (strong), or where a run of hiragana ends (a particle,
 * 監査と／研修), not before a figure but after 、。, nor between a closing
 * bracket and a particle, nor before an aside that qualifies the word
 * before it (適合率（全体）); a strong one unless a weaker one fills the line further
 * by more than PHRASE_SLACK %; the line textfit_wrap_fill() makes when
 * no boundary fills PHRASE_LEAST % of it.  A boundary is taken only
 * where textfit_wrap_fill() breaks a line ending there, so nothing
 * textfit keeps whole (a date, a number with its unit, a katakana word,
 * a short aside) breaks, and no last line is of one or two characters.
 */
#define PHRASE_SLACK	15
#define PHRASE_LEAST	60

static int
is_hira(uint32_t c)
{
	return c >= 0x3041 && c <= 0x309F;
}

/* 、。，．：closing brackets: a line may end after them */
static int
ends_phrase(uint32_t c)
{
	return c == 0x3001 || c == 0x3002 || c == 0xFF0C || c == 0xFF0E ||
	    c == 0xFF1A || c == 0xFF09 || c == 0x300D || c == 0x300F ||
	    c == 0x3011 || c == 0x3015 || c == ')' || c == ' ' ||
	    c == 0x3000;
}

/* opening brackets: a line may start with them */
static int
starts_phrase(uint32_t c)
{
	return c == 0xFF08 || c == 0x300C || c == 0x300E || c == 0x3010 ||
	    c == 0x3014 || c == '(' || c == ' ' || c == 0x3000;
}

/* Width of the first n bytes of s (textfit_width()); UINT_MAX: no memory */
static unsigned
prefix_width(const char *s, size_t n)
{
	char		*t;
	unsigned	 w;

	if ((t = malloc(n + 1)) == NULL)
		return UINT_MAX;
	memcpy(t, s, n);
	t[n] = '\0';
	w = textfit_width(t);
	free(t);
	return w;
}

/* Bytes of the first line textfit_wrap_fill() makes of s at width, spaces
 * at its end left out; (size_t)-1 when out of memory. */
static size_t
fill_first(const char *s, unsigned width)
{
	char	*w;
	size_t	 n;

	if ((w = textfit_wrap_fill(s, width)) == NULL)
		return (size_t)-1;
	n = strcspn(w, "\n");
	while (n > 0 && w[n - 1] == ' ')
		n--;
	free(w);
	return n;
}

/* One paragraph (no line end) s wrapped into out. */
static int
phrase_para(struct buf *out, const char *s, unsigned room)
{
	const char	*rest = s;
	size_t		 len, j, n, fit, strong, weak, pick, f;
	unsigned	 w, ws, ww, wp;
	uint32_t	 a, c;

	for (;;) {
		while (*rest == ' ')
			rest++;
		len = strlen(rest);
		if ((w = textfit_width(rest)) == UINT_MAX)
			return -1;
		if (w <= room) {
			buf_puts(out, rest);
			return 0;
		}
		strong = weak = 0;
		ws = ww = 0;
		a = 0;
		for (j = 0; j < len; j += n) {
			n = text_utf8_decode(&c, rest + j, len - j);
			if (n == 0)
				break;
			/*
			 * （…）を: the particle stays with its bracket, and a
			 * figure with its label (適合率（全体）94.5%) unless
			 * a 、 parts them.
			 */
			if (j > 0 && !(c >= '0' && c <= '9' && a != 0x3001 &&
			    a != 0x3002 && a != 0xFF0C) && ((ends_phrase(a) && !(is_hira(c) &&
			    (a == 0xFF09 || a == 0x300D || a == 0x300F ||
			    a == 0x3011 || a == 0x3015 || a == ')'))) ||
			    (starts_phrase(c) && (is_hira(a) ||
			    ends_phrase(a))) || (is_hira(a) && !is_hira(c) &&
			    !ends_phrase(c) && c != 0x30FC))) {
				if ((w = prefix_width(rest, j)) == UINT_MAX)
					return -1;
				if (w > room)
					break;
				/* where fill would break a line ending here */
				fit = j;
				while (fit > 0 && rest[fit - 1] == ' ')
					fit--;
				if ((f = fill_first(rest, w)) == (size_t)-1)
					return -1;
				if (f == fit && fit > 0) {
					if (ends_phrase(a) ||
					    starts_phrase(c)) {
						strong = fit;
						ws = w;
					} else {
						weak = fit;
						ww = w;
					}
				}
			}
			a = c;
		}
		pick = strong;
		wp = ws;
		if (weak > strong && (ws == 0 || (unsigned long)(ww - ws) *
		    100 > (unsigned long)room * PHRASE_SLACK)) {
			pick = weak;
			wp = ww;
		}
		if (pick == 0 || (unsigned long)wp * 100 <
		    (unsigned long)room * PHRASE_LEAST) {
			if ((pick = fill_first(rest, room)) == (size_t)-1)
				return -1;
			if (pick == 0 || pick >= len) {
				buf_puts(out, rest);
				return 0;
			}
		}
		buf_add(out, rest, pick);
		buf_puts(out, "\n");
		rest += pick;
	}
}

/* s (lines ending at LF) wrapped as above; NULL when out of memory. */
static char *
phrase_wrap_new(const char *s, unsigned room)
{
	struct buf	 out = BUF_INIT;
	char		*para;
	size_t		 n;

	for (;;) {
		n = strcspn(s, "\r\n");
		if ((para = malloc(n + 1)) == NULL) {
			buf_free(&out);
			return NULL;
		}
		memcpy(para, s, n);
		para[n] = '\0';
		if (phrase_para(&out, para, room) != 0) {
			free(para);
			buf_free(&out);
			return NULL;
		}
		free(para);
		s += n;
		if (*s == '\0')
			break;
		s += s[0] == '\r' && s[1] == '\n' ? 2 : 1;
		buf_puts(&out, "\n");
	}
	if (buf_ok(&out) != 0) {
		buf_free(&out);
		return NULL;
	}
	if (out.data == NULL)
		return strdup("");
	return out.data;
}

/*
 * The texts last wrapped and their wrapping, phrase_wrap() being costly
 * (each break tried is a fill of the rest) and asked again for the same
 * text at the same room: a slide's bullets are measured at each size,
 * then cut into parts, then written (the 最終報告書 wrapped each 3 to 6
 * times).  A copy of what phrase_wrap_new() gives, nothing else.
 */
#define WRAP_MEMO	32
static struct wrap_memo {
	char		*s;
	unsigned	 room;
	char		*w;
} wrap_memo[WRAP_MEMO];
static size_t	wrap_memo_next;

static void
wrap_memo_free(void)
{
	size_t	i;

	for (i = 0; i < WRAP_MEMO; i++) {
		free(wrap_memo[i].s);
		free(wrap_memo[i].w);
		wrap_memo[i].s = wrap_memo[i].w = NULL;
	}
	wrap_memo_next = 0;
}

/* phrase_wrap_new(), from the memo when s was wrapped at room lately. */
static char *
phrase_wrap(const char *s, unsigned room)
{
	struct wrap_memo	*m;
	char			*w, *ks, *kw;
	size_t			 i;

	for (i = 0; i < WRAP_MEMO; i++)
		if (wrap_memo[i].s != NULL && wrap_memo[i].room == room &&
		    strcmp(wrap_memo[i].s, s) == 0)
			return strdup(wrap_memo[i].w);
	if ((w = phrase_wrap_new(s, room)) == NULL)
		return NULL;
	if ((ks = strdup(s)) == NULL || (kw = strdup(w)) == NULL) {
		/* (only the memo goes without) */
		free(ks);
		return w;
	}
	m = &wrap_memo[wrap_memo_next];
	wrap_memo_next = (wrap_memo_next + 1) % WRAP_MEMO;
	free(m->s);
	free(m->w);
	m->s = ks;
	m->room = room;
	m->w = kw;
	return w;
}

/* Lines phrase_wrap() makes of s (at least one); 1 when out of memory. */
static unsigned
phrase_lines(const char *s, unsigned room)
{
	char		*w = phrase_wrap(s, room);
	const char	*q;
	unsigned	 n = 1;

	if (w == NULL)
		return 1;
	for (q = w; (q = strchr(q, '\n')) != NULL; q++)
		n++;
	free(w);
	return n;
}

/*
 * The title paragraph, set smaller when it would not fit its box: the
 * master's size, then 24, 20 and 18 points, on at most as many lines as
 * the box holds.
 */
static void
put_title_para(struct buf *b, const struct pptx *p, const struct layout *l,
    const char *title)
{
	static const unsigned	 sizes[] = { 0, 2400, 2000, 1800 };
	unsigned		 sz = 0, s, lines;
	char			 rpr[32] = "";
	size_t			 i;

	for (i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
		s = sizes[i] != 0 ? sizes[i] : p->title_sz;
		if (s > p->title_sz)
			continue;
		lines = textfit_wrap_lines(title, room_across(l->title.cx -
		    2 * INSET_X, s));
		sz = s;
		if ((double)lines * s / 100 * EMU_PT * LINE <=
		    (double)(l->title.cy - 2 * INSET_Y))
			break;
	}
	if (sz != p->title_sz)
		snprintf(rpr, sizeof rpr, " sz=\"%u\"", sz);
	buf_puts(b, "<a:p>");
	put_wrapped(b, title, room_across(l->title.cx - 2 * INSET_X, sz), rpr,
	    textfit_wrap);
	buf_puts(b, "</a:p>");
}

static int
check_text(const char *s, const char *what)
{
	return opc_check_text(s, what);
}

/* Add a finished slide. */
static int
add_slide(struct pptx *p, struct buf *b, int layout, size_t chart)
{
	struct slide	*v;
	int		 rc;

	if ((rc = buf_ok(b)) != 0)
		return rc;
	if (p->nslides >= MAX_SLIDES)
		return error_set(NC_EINVALID, "more than %d slides",
		    MAX_SLIDES);
	if ((v = realloc(p->slides, (p->nslides + 1) * sizeof *v)) == NULL)
		return nomem();
	p->slides = v;
	v = &p->slides[p->nslides];
	memset(v, 0, sizeof *v);
	v->xml = buf_detach(b, &v->len);
	v->layout = layout;
	v->chart = chart;
	p->nslides++;
	return 0;
}

static int
title_impl(struct pptx *p, const struct pptx_title *t)
{
	const struct layout	*l = &p->lay[L_TITLE];
	struct buf		 b = BUF_INIT, paras = BUF_INIT;
	const char		*lines[3];
	size_t			 i;
	int			 rc;

	if ((rc = check_text(t->title, "title")) != 0 ||
	    (rc = check_text(t->subtitle, "subtitle")) != 0 ||
	    (rc = check_text(t->date, "date")) != 0 ||
	    (rc = check_text(t->author, "author")) != 0)
		return rc;
	slide_begin(&b);
	put_title_para(&paras, p, l, t->title != NULL ? t->title : "");
	put_ph(&b, 2, "Title 1", l->title_ph, paras.data);
	lines[0] = t->subtitle;
	lines[1] = t->date;
	lines[2] = t->author;
	buf_reset(&paras);
	for (i = 0; i < 3; i++) {
		if (lines[i] == NULL || *lines[i] == '\0')
			continue;
		buf_puts(&paras, "<a:p>");
		put_runs(&paras, lines[i], i == 0 ? "" : " sz=\"1600\"");
		buf_puts(&paras, "</a:p>");
	}
	if (paras.len > 0 && l->body_ph[0] != '\0')
		put_ph(&b, 3, "Subtitle 2", l->body_ph, paras.data);
	slide_end(&b);
	p->group = p->nslides;
	rc = add_slide(p, &b, L_TITLE, 0);
	buf_free(&b);
	buf_free(&paras);
	return rc;
}

int
pptx_title_slide(struct pptx *p, const struct pptx_title *t)
{
	PPTX_CALL(p, title_impl(p, t));
}

/* The title of the k-th slide of a group: continuation ones say so. */
static void
group_title(struct buf *b, const char *title, size_t k)
{
	buf_reset(b);
	buf_puts(b, title != NULL ? title : "");
	if (k > 0)
		buf_puts(b, "（続き）");
}

/*
 * The room of a line of a bullet of level lv + 1 (room_across()), its
 * text at scale % of the master's size.
 */
static unsigned
bullet_room(const struct pptx *p, const struct layout *l, int lv,
    unsigned scale)
{
	return room_across(l->body.cx - 2 * INSET_X - p->body_marl[lv],
	    p->body_sz[lv] * scale / 100);
}

/*
 * The height bullets take at scale % of the master's sizes, EMU; HUGE_VAL
 * when a bullet takes more lines than at the master's sizes.
 */
static double
bullets_height(const struct pptx *p, const struct layout *l,
    const struct pptx_bullet *it, size_t n, unsigned scale)
{
	double		 h = 0;
	size_t		 i;
	unsigned	 lines;
	const char	*t;
	int		 lv;

	for (i = 0; i < n; i++) {
		lv = it[i].level - 1;
		t = it[i].text != NULL ? it[i].text : "";
		lines = phrase_lines(t, bullet_room(p, l, lv, scale));
		if (scale != 100 && lines > phrase_lines(t, bullet_room(p, l,
		    lv, 100)))
			return HUGE_VAL;
		h += (double)lines * (p->body_sz[lv] * scale / 100) / 100 *
		    EMU_PT * LINE + (double)p->body_spc[lv] / 100 * EMU_PT;
	}
	return h;
}

/*
 * A slide of a few bullets sets them larger, all levels alike, in steps
 * of a tenth up to BULLET_SCALE_MAX % (the master's 20pt first level at
 * 24pt, below the title's 28pt and still clear of its ■), the largest
 * whose lines take at most BULLET_FILL % of the body's height and none
 * a line more than at the master's size (改善する。 alone on a line):
 * three short bullets in 20pt left four fifths of the box empty.
 * Bullets that need more than a slide keep the master's sizes.
 */
#define BULLET_SCALE_MAX	120
#define BULLET_FILL		75

/*
 * A bullet too tall for a slide of its own, its lines in parts that each
 * fit one (the parts after the first marked cont, set without the mark
 * and at the text's indent, as the bullet's lines go on): a 総括 of
 * 1,500 characters in the final report ran past the slide's foot, its
 * end unseen, where a list too long for a slide goes on on the next.
 * *out the parts (for bparts_free()), *nout how many: n when no bullet
 * needs it, each part then the bullet's own text.
 */
struct bpart {
	int		 level;
	int		 cont;
	char		*text;		/* NULL: the bullet's own */
	const char	*own;
};

static void
bparts_free(struct bpart *v, size_t n)
{
	size_t	i;

	for (i = 0; v != NULL && i < n; i++)
		free(v[i].text);
	free(v);
}

static int
bullet_parts(struct bpart **out, size_t *nout, const struct pptx *p,
    const struct layout *l, const struct pptx_bullet *it, size_t n,
    double avail)
{
	struct bpart	*v = NULL, *nv;
	size_t		 i, nv_n = 0, cap = 0, k, maxl, nl;
	double		 lh, spc;
	const char	*t, *q, *e;
	char		*w;
	int		 lv;

	*out = NULL;
	*nout = 0;
	for (i = 0; i < n; i++) {
		lv = it[i].level - 1;
		t = it[i].text != NULL ? it[i].text : "";
		lh = (double)p->body_sz[lv] / 100 * EMU_PT * LINE;
		spc = (double)p->body_spc[lv] / 100 * EMU_PT;
		maxl = avail > spc + lh ? (size_t)((avail - spc) / lh) : 1;
		w = NULL;
		nl = phrase_lines(t, bullet_room(p, l, lv, 100));
		if (nl > maxl && (w = phrase_wrap(t, bullet_room(p, l, lv,
		    100))) == NULL)
			goto nomem;
		/* the bullet whole, or its lines maxl at a time */
		for (q = w != NULL ? w : t, k = 0; w == NULL ? k == 0 :
		    *q != '\0'; k++) {
			if (nv_n == cap) {
				cap = cap > 0 ? cap * 2 : n + 8;
				if ((nv = realloc(v, cap * sizeof *v)) == NULL) {
					free(w);
					goto nomem;
				}
				v = nv;
			}
			memset(&v[nv_n], 0, sizeof v[nv_n]);
			v[nv_n].level = it[i].level;
			v[nv_n].cont = k > 0;
			if (w == NULL) {
				v[nv_n++].own = t;
				continue;
			}
			for (e = q, nl = 0; *e != '\0'; e++)
				if (*e == '\n' && ++nl == maxl)
					break;
			if ((v[nv_n].text = strndup(q, (size_t)(e - q))) ==
			    NULL) {
				free(w);
				nv_n++;
				goto nomem;
			}
			v[nv_n].own = v[nv_n].text;
			nv_n++;
			q = *e == '\n' ? e + 1 : e;
		}
		free(w);
	}
	*out = v;
	*nout = nv_n;
	return 0;
nomem:
	bparts_free(v, nv_n);
	return nomem();
}

static int
bullet_impl(struct pptx *p, const char *title, const struct pptx_bullet *it,
    size_t n)
{
	const struct layout	*l = &p->lay[L_OBJ];
	struct buf		 b = BUF_INIT, paras = BUF_INIT, t = BUF_INIT;
	struct bpart		*bp = NULL;
	double			 avail, used = 0, h;
	size_t			 i, k = 0, on = 0;
	unsigned		 sz, lines, scale = 100;
	char			 rpr[32];
	int			 lv, rc;

	if ((rc = check_text(title, "slide title")) != 0)
		return rc;
	if (n > 0 && it == NULL)
		return error_set(NC_EINVALID, "%zu bullets but no list", n);
	for (i = 0; i < n; i++) {
		if (it[i].level < 1 || it[i].level > 5)
			return error_set(NC_EINVALID, "bullet %zu: level %d out "
			    "of range: expected 1 to 5", i + 1, it[i].level);
		if ((rc = check_text(it[i].text, "bullet")) != 0)
			return rc;
	}
	avail = (double)(l->body.cy - 2 * INSET_Y);
	if (n > 0 && bullets_height(p, l, it, n, 100) <= avail)
		for (scale = BULLET_SCALE_MAX; scale > 100; scale -= 10)
			if (bullets_height(p, l, it, n, scale) <= avail *
			    BULLET_FILL / 100)
				break;
	if ((rc = bullet_parts(&bp, &n, p, l, it, n, avail)) != 0)
		return rc;
	p->group = p->nslides;
	for (i = 0; i <= n; i++) {
		h = 0;
		if (i < n) {
			lv = bp[i].level - 1;
			sz = p->body_sz[lv];
			lines = phrase_lines(bp[i].own, bullet_room(p, l, lv,
			    scale));
			h = (double)lines * (sz * scale / 100) / 100 * EMU_PT *
			    LINE + (double)p->body_spc[lv] / 100 * EMU_PT;
		}
		/* The slide so far is full, or this was the last bullet. */
		if (i == n || (on > 0 && used + h > avail)) {
			slide_begin(&b);
			group_title(&t, title, k);
			buf_reset(&paras);
			if ((rc = buf_ok(&t)) != 0)
				break;
			put_title_para(&paras, p, l, t.data);
			put_ph(&b, 2, "Title 1", l->title_ph, paras.data);
			buf_reset(&paras);
			for (; on > 0; on--) {
				size_t j = i - on;

				lv = bp[j].level - 1;
				rpr[0] = '\0';
				if (scale != 100)
					snprintf(rpr, sizeof rpr, " sz=\"%u\"",
					    p->body_sz[lv] * scale / 100);
				if (bp[j].cont)
					buf_printf(&paras, "<a:p><a:pPr lvl=\"%d\""
					    " marL=\"%ld\" indent=\"0\"><a:buNone/>"
					    "</a:pPr>", lv, p->body_marl[lv]);
				else
					buf_printf(&paras, "<a:p><a:pPr "
					    "lvl=\"%d\"/>", lv);
				put_wrapped(&paras, bp[j].own, bullet_room(p, l,
				    lv, scale), rpr, phrase_wrap);
				buf_puts(&paras, "</a:p>");
			}
			if (paras.len == 0)
				buf_puts(&paras, "<a:p><a:endParaRPr "
				    "lang=\"ja-JP\" altLang=\"en-US\"/></a:p>");
			put_ph(&b, 3, "Content 2", l->body_ph, paras.data);
			put_number(&b, l, p->nslides + 1);
			slide_end(&b);
			if ((rc = add_slide(p, &b, L_OBJ, 0)) != 0)
				break;
			k++;
			used = 0;
			if (i == n)
				break;
		}
		used += h;
		on++;
	}
	bparts_free(bp, n);
	buf_free(&b);
	buf_free(&paras);
	buf_free(&t);
	return rc;
}

int
pptx_bullet_slide(struct pptx *p, const char *title,
    const struct pptx_bullet *items, size_t n)
{
	PPTX_CALL(p, bullet_impl(p, title, items, n));
}

/* Where tables and charts go: the obj layout's body. */
static struct rect
content_rect(const struct pptx *p)
{
	return p->lay[L_OBJ].body;
}

#define CELL_MAR_X	91440
#define CELL_MAR_Y	45720

static const char *
cell_of(const struct pptx_table *t, size_t r, size_t c)
{
	const char	*s = t->cells[r * t->ncols + c];

	return s != NULL ? s : "";
}

/*
 * The width of a column whose lines hold hundredths (of a character at
 * size sz) as cell_room() measures them: the text at TEXTFIT_ROOM % of
 * the room, the margins and two points to spare.
 */
static long
cell_emu(unsigned hundredths, unsigned sz)
{
	if (hundredths == 0)
		return 0;
	return (long)((double)hundredths * 100 / TEXTFIT_ROOM / 100 * sz /
	    100 * EMU_PT) + 2 * CELL_MAR_X + EMU_PT * 2;
}

/* The room of a line of a cell of a column width EMU wide. */
static unsigned
cell_room(long width, unsigned sz)
{
	return room_across(width - 2 * CELL_MAR_X, sz);
}

struct cellfit {
	const struct pptx_table	*t;
	unsigned		 sz;
};

/* The heading is row 0. */
static const char *
fit_cell(void *arg, size_t r, size_t c)
{
	const struct cellfit	*f = arg;

	if (r == 0)
		return f->t->head[c];
	return cell_of(f->t, r - 1, c);
}

static unsigned
fit_room(void *arg, size_t r, size_t c, unsigned width)
{
	const struct cellfit	*f = arg;

	(void)r;
	(void)c;
	return cell_room((long)width, f->sz);
}

/*
 * Where a cell that is a range of dates, 令和12年8月19日～9月13日 or
 * 令和12年10月15日～16日, may break: after its ～, where a figure
 * follows; NULL for any other text.  A slide's 予定日 column was as wide
 * as its longest range, and every row of g5's 実施計画 two lines high.
 */
static const char *
range_cut(const char *s)
{
	const char	*p = strstr(s, "～");

	if (p == NULL || (size_t)(p - s) < 3 || strchr(s, ' ') != NULL ||
	    strstr(s, "、") != NULL || (strncmp(s, "令和", 6) != 0 &&
	    (*s < '0' || *s > '9')) ||
	    strncmp(p - 3, "日", 3) != 0 || strstr(p + 3, "～") != NULL)
		return NULL;
	p += 3;
	return *p >= '0' && *p <= '9' ? p : NULL;
}

/*
 * The narrowest a column may be for text s: no narrower than a piece
 * the writer does not break (a date, a number with its unit, a katakana
 * word, a short aside, a name: textfit_min_kept()), nor than
 * textfit_min() with short_limit.
 */
static unsigned
kept(const char *s, unsigned short_limit)
{
	unsigned	a, b;
	const char	*p = range_cut(s);
	char		 left[64];

	/*
	 * a range of dates may break after its ～ (cell_break()): each of
	 * its dates whole (令和12年8月19日～／9月13日)
	 */
	if (p != NULL && (size_t)(p - s) < sizeof left) {
		memcpy(left, s, (size_t)(p - s));
		left[p - s] = '\0';
		a = kept(left, short_limit);
		b = kept(p, short_limit);
		return a > b ? a : b;
	}
	a = textfit_min(s, short_limit);
	b = textfit_min_kept(s);
	return a > b ? a : b;
}

/* Lines of row r (0 the heading) of column c at width, into l[r]. */
static void
column_lines(unsigned *l, const struct pptx_table *t, size_t c,
    unsigned width, unsigned sz)
{
	const char	*s;
	size_t		 r;

	for (r = 0; r <= t->nrows; r++) {
		s = r == 0 ? t->head[c] : cell_of(t, r - 1, c);
		l[r] = textfit_wrap_lines(s != NULL ? s : "",
		    cell_room((long)width, sz));
	}
}

/*
 * Would columns i and j at li and lj leave every row as high as it is
 * (lines[] of all columns at the widths now) and set fewer lines?
 */
static int
unwrap_gain(const unsigned *lines, size_t nr, size_t nc, size_t i,
    const unsigned *li, size_t j, const unsigned *lj)
{
	unsigned	old, now, l;
	long		gain = 0;
	size_t		r, c;

	for (r = 0; r < nr; r++) {
		for (c = 0, old = now = 0; c < nc; c++) {
			l = lines[c * nr + r];
			old = l > old ? l : old;
			l = c == i ? li[r] : c == j ? lj[r] : l;
			now = l > now ? l : now;
		}
		if (now > old)
			return 0;
		gain += (long)lines[i * nr + r] + lines[j * nr + r] -
		    li[r] - lj[r];
	}
	return gain > 0;
}

/*
 * Cells on one line where it costs nothing: a column whose text wraps
 * (a name, 管理外の外部記録媒体による情報の持出し・紛失) takes the room
 * it lacks from a column whose cells wrap anyway, when no row gets
 * taller for it (the risks table set its names on two lines beside
 * measures of two lines with room to spare).  -1 when out of memory.
 */
static int
unwrap_columns(unsigned *grid, const struct textfit_col *cols,
    const struct pptx_table *t, unsigned sz)
{
	size_t		 nr = t->nrows + 1, nc = t->ncols, i, j, r;
	unsigned	*lines, *li, *lj, need;
	int		 wraps;

	lines = calloc(nr * nc, sizeof *lines);
	li = calloc(nr, sizeof *li);
	lj = calloc(nr, sizeof *lj);
	if (lines == NULL || li == NULL || lj == NULL) {
		free(lines);
		free(li);
		free(lj);
		return -1;
	}
	for (j = 0; j < nc; j++)
		column_lines(lines + j * nr, t, j, grid[j], sz);
	for (j = 0; j < nc; j++) {
		if (cols[j].empty || cols[j].blank ||
		    cols[j].natural <= grid[j])
			continue;
		for (r = 0, wraps = 0; r < nr; r++)
			wraps |= lines[j * nr + r] > 1;
		if (!wraps)
			continue;
		need = cols[j].natural - grid[j];
		column_lines(lj, t, j, cols[j].natural, sz);
		for (i = 0; i < nc; i++) {
			if (i == j || cols[i].empty || cols[i].blank ||
			    grid[i] < need || grid[i] - need < cols[i].min)
				continue;
			column_lines(li, t, i, grid[i] - need, sz);
			if (!unwrap_gain(lines, nr, nc, i, li, j, lj))
				continue;
			grid[i] -= need;
			grid[j] += need;
			memcpy(lines + i * nr, li, nr * sizeof *li);
			memcpy(lines + j * nr, lj, nr * sizeof *lj);
			break;
		}
	}
	free(lines);
	free(li);
	free(lj);
	return 0;
}

static char	*cell_break(const char *, unsigned, unsigned, unsigned,
		    unsigned *);

/*
 * Lines of cell (r, c) (r 0 the heading) at width, as the writer sets
 * it (cell_break() on its own); 0 when out of memory.
 */
static unsigned
set_lines(const struct pptx_table *t, size_t r, size_t c, unsigned width,
    unsigned sz)
{
	const char	*s = r == 0 ? t->head[c] : cell_of(t, r - 1, c);
	char		*w;
	unsigned	 n = 1;

	if (s == NULL || *s == '\0')
		return 1;
	if ((w = cell_break(s, cell_room((long)width, sz), 0, 0, &n)) == NULL)
		return 0;
	free(w);
	return n;
}

/* Lines of column c at width into l[] (nr rows, 0 the heading); -1 nomem */
static int
set_column(unsigned *l, const struct pptx_table *t, size_t c,
    unsigned width, unsigned sz)
{
	size_t	r;

	for (r = 0; r <= t->nrows; r++)
		if ((l[r] = set_lines(t, r, c, width, sz)) == 0)
			return -1;
	return 0;
}

/* The table's height in lines with columns i and j at li[] and lj[]. */
static unsigned long
set_height(const unsigned *lines, size_t nr, size_t nc, size_t i,
    const unsigned *li, size_t j, const unsigned *lj)
{
	unsigned long	h = 0;
	unsigned	max, l;
	size_t		r, c;

	for (r = 0; r < nr; r++) {
		for (c = 0, max = 1; c < nc; c++) {
			l = c == i ? li[r] : c == j ? lj[r] : lines[c * nr + r];
			max = l > max ? l : max;
		}
		h += max;
	}
	return h;
}

/*
 * Fewer lines where a column's share costs a row its height: a cell that
 * makes its row tallest gets the room that sets it on a line less (up
 * to max_move) from a column that stays at its minimum or more, where
 * the table as the writer sets it (cell_break(), which keeps a list's
 * items whole) is lower for it.  The widths share the room by the
 * columns' widest text, and textfit measures lines by its own breaks:
 * the 運営計画書's 成果物 column, narrowed when an audit's 監査調書、
 * 監査結果概要報告書 lowered its minimum, set a training's four items
 * on four lines, not two, and its 実施計画 took a third slide (rev21c
 * T3).  Tables of more than SHORTEN_CELLS cells, or with a cell of more
 * than SHORTEN_TEXT bytes, keep their widths, the search being the cells'
 * squares and a cell's breaks the square of its places to break (a cell
 * of 4,000 items took 2 s, test_pptx's test_cell_long).  -1 when out of
 * memory.
 */
#define SHORTEN_CELLS	240
#define SHORTEN_NEEDS	8
#define SHORTEN_TEXT	600	/* bytes: some 200 characters */

/* d among the SHORTEN_NEEDS smallest of need[] (*nn of them), once */
static void
shorten_need(unsigned *need, size_t *nn, unsigned d)
{
	size_t	k, top;

	for (k = 0; k < *nn; k++)
		if (need[k] == d)
			return;
	if (*nn < SHORTEN_NEEDS) {
		need[(*nn)++] = d;
		return;
	}
	for (k = 1, top = 0; k < *nn; k++)
		if (need[k] > need[top])
			top = k;
	if (need[top] > d)
		need[top] = d;
}
static int
shorten_rows(unsigned *grid, const struct textfit_col *cols,
    const struct pptx_table *t, unsigned sz, unsigned max_move)
{
	size_t		 nr = t->nrows + 1, nc = t->ncols, i, j, r, k, nn, round;
	size_t		 bi = 0, bj = 0;
	unsigned	*lines, *li, *lj, need[SHORTEN_NEEDS], lo, hi, mid, l;
	unsigned	 rowmax, bneed, want;
	unsigned long	 h, h2, bh;
	int		 rc = -1;

	if (nr * nc > SHORTEN_CELLS || nc < 2)
		return 0;
	/* a cell longer than a slide holds: the search would weigh it often */
	for (r = 0; r < nr; r++)
		for (j = 0; j < nc; j++) {
			const char *s = r == 0 ? t->head[j] : cell_of(t, r - 1, j);

			if (s != NULL && strlen(s) > SHORTEN_TEXT)
				return 0;
		}
	lines = calloc(nr * nc, sizeof *lines);
	li = calloc(nr, sizeof *li);
	lj = calloc(nr, sizeof *lj);
	if (lines == NULL || li == NULL || lj == NULL)
		goto done;
	for (j = 0; j < nc; j++)
		if (set_column(lines + j * nr, t, j, grid[j], sz) != 0)
			goto done;
	h = set_height(lines, nr, nc, nc, NULL, nc, NULL);
	for (round = 0; round < 4; round++) {
		bh = h;
		bneed = UINT_MAX;
		for (j = 0; j < nc; j++) {
			if (cols[j].empty || cols[j].blank)
				continue;
			/* the room each tallest cell of j needs for a line less */
			for (r = 0, nn = 0; r < nr; r++) {
				l = lines[j * nr + r];
				for (i = 0, rowmax = 1; i < nc; i++)
					if (lines[i * nr + r] > rowmax)
						rowmax = lines[i * nr + r];
				if (l < 2 || l < rowmax)
					continue;
				for (want = lines[j * nr + r] - 1; want > 0; want--) {
					lo = grid[j];
					hi = grid[j] + max_move;
					if ((l = set_lines(t, r, j, hi, sz)) == 0)
						goto done;
					if (l > want)
						break;
					while (hi - lo > max_move / 64 + 1) {
						mid = lo + (hi - lo) / 2;
						if ((l = set_lines(t, r, j, mid,
						    sz)) == 0)
							goto done;
						if (l <= want)
							hi = mid;
						else
							lo = mid;
					}
					shorten_need(need, &nn, hi - grid[j]);
				}
			}
			for (k = 0; k < nn; k++) {
				if (set_column(lj, t, j, grid[j] + need[k], sz) != 0)
					goto done;
				for (i = 0; i < nc; i++) {
					if (i == j || cols[i].empty ||
					    cols[i].blank || grid[i] < need[k] ||
					    grid[i] - need[k] < cols[i].min)
						continue;
					if (set_column(li, t, i, grid[i] - need[k],
					    sz) != 0)
						goto done;
					h2 = set_height(lines, nr, nc, i, li, j,
					    lj);
					if (h2 < bh || (h2 == bh && h2 < h &&
					    need[k] < bneed)) {
						bh = h2;
						bi = i;
						bj = j;
						bneed = need[k];
					}
				}
			}
		}
		if (bh >= h)
			break;
		grid[bi] -= bneed;
		grid[bj] += bneed;
		if (set_column(lines + bi * nr, t, bi, grid[bi], sz) != 0 ||
		    set_column(lines + bj * nr, t, bj, grid[bj], sz) != 0)
			goto done;
		h = bh;
	}
	rc = 0;
done:
	free(lines);
	free(li);
	free(lj);
	return rc;
}

/*
 * Column widths at size sz, with the widows (a last line of one or two
 * characters) the widths leave in *widows; 0 if even the minimums do not
 * fit.
 */
static int
table_grid(unsigned *grid, const struct pptx_table *t, unsigned sz,
    long width, unsigned *widows)
{
	struct textfit_col	*cols;
	struct textfit_table	 tt;
	struct cellfit		 f;
	size_t			 r, c;
	unsigned		 nat, min;
	unsigned long		 summin = 0;

	*widows = 0;
	if ((cols = calloc(t->ncols, sizeof *cols)) == NULL)
		return -1;
	for (c = 0; c < t->ncols; c++) {
		const char *h = t->head[c] != NULL ? t->head[c] : "";

		cols[c].natural = (unsigned)cell_emu(textfit_width(h), sz);
		cols[c].min = (unsigned)cell_emu(kept(h, 800), sz);
		cols[c].empty = 1;
		for (r = 0; r < t->nrows; r++) {
			const char *s = cell_of(t, r, c);

			if (*s == '\0')
				continue;
			cols[c].empty = 0;
			nat = (unsigned)cell_emu(textfit_width(s), sz);
			min = (unsigned)cell_emu(kept(s, 400), sz);
			if (nat > cols[c].natural)
				cols[c].natural = nat;
			if (min > cols[c].min)
				cols[c].min = min;
		}
		if (cols[c].min < (unsigned)cell_emu(200, sz))
			cols[c].min = (unsigned)cell_emu(200, sz);
		cols[c].weight = cols[c].natural > 0 ? cols[c].natural :
		    (unsigned)cell_emu(400, sz);
		summin += cols[c].min;
	}
	textfit_columns(grid, cols, t->ncols, (unsigned)width);
	if (summin <= (unsigned long)width) {
		/* a quarter of a character a step, eight at most */
		f.t = t;
		f.sz = sz;
		tt.nrows = t->nrows + 1;
		tt.ncols = t->ncols;
		tt.cell = fit_cell;
		tt.room = fit_room;
		tt.arg = &f;
		*widows = textfit_balance(grid, cols, &tt,
		    (unsigned)((double)sz / 100 * EMU_PT / 4),
		    (unsigned)((double)sz / 100 * EMU_PT * 8));
		if (unwrap_columns(grid, cols, t, sz) != 0 ||
		    shorten_rows(grid, cols, t, sz,
		    (unsigned)((double)sz / 100 * EMU_PT * 8)) != 0) {
			free(cols);
			return -1;
		}
	}
	free(cols);
	return summin <= (unsigned long)width;
}

/*
 * A table cell's lines.  textfit_wrap() sets the fewest lines and the
 * best breaks among them by its own measure, which takes the end of a
 * katakana word and an opening bracket for good places: the 運営計画書's
 * schedule broke 常勤職員向け情報セキュリティ研修／（3日～9月2日）、 and
 * 情報セキュリティ／監査（運用面）, its 件名 column 区立保育園長向け情報／
 * セキュリティ研修, and LibreOffice or PowerPoint set such a cell as the
 * writer breaks it.  Here a cell breaks where a reader takes a phrase to
 * end, each place at a cost: after 、。 or at a space nothing; after the
 * ～ of a range of dates (range_cut()) CUT_RANGE; where a
 * run of hiragana ends (向け／情報) or after a closing bracket
 * CUT_PHRASE; before an opening bracket CUT_BRACKET, or CUT_ASIDE in a
 * list (a cell with 、) or before a figure's aside, which then stands
 * orphaned at a line's start; textfit_wrap()'s own breaks elsewhere
 * CUT_OTHER, so that its lines are always among the choices; a last line
 * of one or two characters CUT_WIDOW.  A line more than textfit_wrap()
 * sets costs CUT_LINE, so a cell takes one where that spares a bad break
 * (the schedule's 8月 on four lines, each item whole); a line its row
 * has anyway costs nothing.  Among wraps of equal cost the first lines
 * are the fullest, as Japanese is set.
 */
#define CUT_PHRASE	1
#define CUT_RANGE	1
#define CUT_BRACKET	1
#define CUT_ASIDE	3
#define CUT_OTHER	4
#define CUT_WIDOW	6
#define CUT_LINE	2
#define CUT_NO		UINT_MAX

static int
is_space(uint32_t c)
{
	return c == ' ' || c == 0x3000;
}

/* kanji (々 too) or katakana (not ー nor ・) */
static int
is_word_char(uint32_t c)
{
	return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 &&
	    c <= 0x4DBF) || c == 0x3005 || (c >= 0x30A1 && c <= 0x30FA);
}

/* 、。，．: an item or a sentence ends */
static int
is_comma(uint32_t c)
{
	return c == 0x3001 || c == 0x3002 || c == 0xFF0C || c == 0xFF0E;
}

static int
is_open(uint32_t c)
{
	return c == 0xFF08 || c == 0x300C || c == 0x300E || c == 0x3010 ||
	    c == 0x3014 || c == '(';
}

static int
is_close(uint32_t c)
{
	return c == 0xFF09 || c == 0x300D || c == 0x300F || c == 0x3011 ||
	    c == 0x3015 || c == ')';
}

/*
 * The cost of a break between a and c (next: the text from c on) in a
 * cell that is a list or not; CUT_NO where the writer does not break.
 */
static unsigned
cut_cost(uint32_t a, uint32_t c, const char *next, int list)
{
	uint32_t	d = 0;
	size_t		n;

	if (is_open(a))
		return CUT_NO;
	if (is_space(a) || is_space(c))
		return 0;
	/* a line starts with none of 、。）」 ー ・ nor a small kana */
	if (is_comma(c) || is_close(c) || c == 0x30FC || c == 0x30FB ||
	    c == 0xFF1A || c == 0xFF1B)
		return CUT_NO;
	if (is_comma(a))
		return 0;
	if (is_open(c)) {
		n = text_utf8_decode(&c, next, strlen(next));
		if (n > 0)
			text_utf8_decode(&d, next + n, strlen(next + n));
		return list || (d >= '0' && d <= '9') || (d >= 0xFF10 &&
		    d <= 0xFF19) ? CUT_ASIDE : CUT_BRACKET;
	}
	if (is_close(a))
		return is_hira(c) ? CUT_NO : CUT_PHRASE;
	if (is_hira(a) && is_word_char(c))
		return CUT_PHRASE;
	return CUT_NO;
}

/* s[from, to) without the spaces at its ends, as *at and *n */
static void
trim(const char *s, size_t from, size_t to, size_t *at, size_t *n)
{
	while (from < to && s[from] == ' ')
		from++;
	while (to > from && s[to - 1] == ' ')
		to--;
	*at = from;
	*n = to - from;
}

#define CUT_INF	(UINT_MAX / 4)
/*
 * The places to break a cell weighed at most: its widths' table grows as
 * their square.  A longer text (a slide holds some hundred characters a
 * cell) keeps textfit_wrap()'s lines.
 */
#define CUT_PLACES_MAX	400

/*
 * s broken into lines at room as above, on at most rowlines lines that
 * cost nothing more (0: a cell on its own, up to extra lines more than
 * textfit_wrap() at CUT_LINE each), into *lines; NULL when out of
 * memory.
 */
static char *
cell_break(const char *s, unsigned room, unsigned rowlines, unsigned extra,
    unsigned *lines)
{
	char		*w;
	unsigned	*cost = NULL, *f = NULL, *wid = NULL, tf, maxk, base;
	unsigned	 best, c, v, k, kk;
	size_t		*pos = NULL, *nx = NULL, len = strlen(s), m = 0, i, j;
	size_t		 at, n, q;
	uint32_t	 a = 0, ch;
	int		 list = strstr(s, "、") != NULL, wide;
	const char	*r;
	struct buf	 b = BUF_INIT;

	if ((w = textfit_wrap(s, room)) == NULL)
		return NULL;
	*lines = tf = textfit_count_lines(w);
	if (tf <= 1 || strpbrk(s, "\r\n") != NULL)
		return w;
	if ((cost = malloc((len + 1) * sizeof *cost)) == NULL)
		goto fail;
	for (i = 0; i <= len; i++)
		cost[i] = CUT_NO;
	for (i = 0; i < len; i += n, a = ch) {
		if ((n = text_utf8_decode(&ch, s + i, len - i)) == 0)
			break;
		if (i > 0)
			cost[i] = cut_cost(a, ch, s + i, list);
	}
	/* a range of dates after its ～ */
	if ((r = range_cut(s)) != NULL)
		cost[r - s] = CUT_RANGE;
	/* textfit_wrap()'s breaks, where the spaces at them went */
	for (i = 0, q = 0; w[q] != '\0' && i < len; q++) {
		if (w[q] == '\n') {
			/* at a character's start only, were the two to part */
			if (cost[i] == CUT_NO && i > 0 &&
			    ((unsigned char)s[i] & 0xC0) != 0x80)
				cost[i] = CUT_OTHER;
			while (i < len && s[i] == ' ' && w[q + 1] != ' ')
				i++;
			continue;
		}
		while (i < len && s[i] == ' ' && w[q] != ' ')
			i++;
		i++;
	}
	maxk = rowlines > 0 ? rowlines : tf + extra;
	base = rowlines > 0 ? rowlines : tf;
	if ((pos = malloc((len + 2) * sizeof *pos)) == NULL)
		goto fail;
	pos[m++] = 0;
	for (i = 1; i < len; i++)
		if (cost[i] != CUT_NO)
			pos[m++] = i;
	pos[m++] = len;
	if (m > CUT_PLACES_MAX)
		goto done;
	/*
	 * f[k * m + i]: the least cost of the text from pos[i] on in k
	 * lines, nx[] the next line's start; wid[] the widths of the
	 * lines from pos[i] to pos[j] (CUT_INF wider than room).
	 */
	f = calloc((maxk + 1) * m, sizeof *f);
	nx = calloc((maxk + 1) * m, sizeof *nx);
	wid = calloc(m * m, sizeof *wid);
	if (f == NULL || nx == NULL || wid == NULL)
		goto fail;
	for (i = 0; i < m; i++)
		for (j = i + 1, wide = 0; j < m; j++) {
			/* a line only grows */
			trim(s, pos[i], pos[j], &at, &n);
			if (wide || n == 0) {
				wid[i * m + j] = CUT_INF;
				continue;
			}
			if ((v = prefix_width(s + at, n)) == UINT_MAX)
				goto fail;
			wide = v > room;
			wid[i * m + j] = wide ? CUT_INF : v;
		}
	for (k = 1; k <= maxk; k++)
		for (i = 0; i + 1 < m; i++) {
			f[k * m + i] = CUT_INF;
			if (k == 1) {
				if (wid[i * m + m - 1] == CUT_INF)
					continue;
				trim(s, pos[i], len, &at, &n);
				f[k * m + i] = i > 0 && text_chars(s + at, n) <
				    TEXTFIT_WIDOW ? CUT_WIDOW : 0;
				nx[k * m + i] = m - 1;
				continue;
			}
			/* the fullest first line among the cheapest */
			for (j = m - 2; j > i; j--) {
				if (wid[i * m + j] == CUT_INF ||
				    f[(k - 1) * m + j] == CUT_INF)
					continue;
				v = cost[pos[j]] + f[(k - 1) * m + j];
				if (v < f[k * m + i]) {
					f[k * m + i] = v;
					nx[k * m + i] = j;
				}
			}
		}
	best = CUT_INF;
	kk = 0;
	for (k = 1; k <= maxk; k++) {
		if (f[k * m] == CUT_INF)
			continue;
		c = f[k * m] + (k > base ? CUT_LINE * (k - base) : 0);
		if (c < best) {
			best = c;
			kk = k;
		}
	}
	if (kk == 0)
		goto done;	/* textfit_wrap()'s lines, wider than measured */
	for (i = 0, k = kk; k > 0; k--) {
		j = nx[k * m + i];
		trim(s, pos[i], pos[j], &at, &n);
		buf_add(&b, s + at, n);
		if (k > 1)
			buf_puts(&b, "\n");
		i = j;
	}
	if (buf_ok(&b) != 0)
		goto fail;
	free(w);
	w = b.data;
	b.data = NULL;
	*lines = kk;
done:
	buf_free(&b);
	free(cost);
	free(pos);
	free(f);
	free(nx);
	free(wid);
	return w;
fail:
	free(w);
	w = NULL;
	goto done;
}

/*
 * Height of a row at size sz in the grid, EMU, with the lines its cells
 * take (cell_break() on their own, extra lines more at most) in *lines.
 */
static double
row_height(const struct pptx_table *t, const char *const *cells,
    const unsigned *grid, unsigned sz, unsigned extra, unsigned *lines)
{
	unsigned	n, max = 1;
	size_t		c;
	char		*w;

	for (c = 0; c < t->ncols; c++) {
		n = 1;
		w = cell_break(cells[c] != NULL ? cells[c] : "",
		    cell_room((long)grid[c], sz), 0, extra, &n);
		free(w);
		if (n > max)
			max = n;
	}
	*lines = max;
	return (double)max * sz / 100 * EMU_PT * LINE + 2 * CELL_MAR_Y;
}

/*
 * The heights of t's rows at sz in grid, EMU, into rh[] and their lines
 * into rl[] (row_height() with extra), the heading's returned and its
 * lines in *hl.
 */
static double
table_rows(const struct pptx_table *t, const unsigned *grid, unsigned sz,
    unsigned extra, double *rh, unsigned *rl, unsigned *hl)
{
	size_t	r;

	for (r = 0; r < t->nrows; r++)
		rh[r] = row_height(t, t->cells + r * t->ncols, grid, sz, extra,
		    &rl[r]);
	return row_height(t, t->head, grid, sz, extra, hl);
}

/*
 * The slides rows of heights rh[] take under a heading hh high, the last
 * with a note nh high, in an area cy high, as table_impl() splits them.
 */
static size_t
table_slides(const double *rh, size_t nrows, double hh, double nh,
    double cy)
{
	size_t	first = 0, r, k = 0;
	double	used;

	do {
		used = hh;
		for (r = first; r < nrows; r++) {
			if (r > first && used + rh[r] + (r + 1 == nrows ?
			    nh : 0) > cy)
				break;
			used += rh[r];
		}
		k++;
		first = r;
	} while (first < nrows);
	return k;
}

/*
 * The height, at most cy, a slide of the table's parts is filled to:
 * the least that splits the rows into no more slides than filling each
 * to cy does, so that the rows are spread evenly over them.  Filled to
 * cy, the 年間スケジュール's nine months took a slide and its 3月 one
 * of its own.
 */
static double
table_balance(const double *rh, size_t nrows, double hh, double nh,
    double cy)
{
	size_t	n = table_slides(rh, nrows, hh, nh, cy), r, i;
	double	lo = 0, hi = cy, mid;

	if (n < 2)
		return cy;
	for (r = 0; r < nrows; r++)
		if (hh + rh[r] > lo)
			lo = hh + rh[r];
	/* a slide holds one row whatever its height: lo itself may split */
	for (i = 0; i < 40 && hi - lo > 1; i++) {
		mid = (lo + hi) / 2;
		if (table_slides(rh, nrows, hh, nh, mid) <= n)
			hi = mid;
		else
			lo = mid;
	}
	return hi;
}

static void
put_border(struct buf *b, const char *tag)
{
	buf_printf(b, "<a:%s w=\"9525\"><a:solidFill><a:srgbClr val=\"808080\"/>"
	    "</a:solidFill></a:%s>", tag, tag);
}

/* A cell saying "none": ―, ー, -, or an em or en dash alone. */
static int
is_dash(const char *s)
{
	return strcmp(s, "―") == 0 || strcmp(s, "-") == 0 ||
	    strcmp(s, "ー") == 0 || strcmp(s, "—") == 0 ||
	    strcmp(s, "–") == 0;
}

/* A cell of a row of rowlines lines (row_height()). */
static void
put_tc(struct buf *b, const char *text, unsigned sz, long width, int header,
    enum pptx_align align, unsigned rowlines)
{
	const char	*algn;
	char		 rpr[48], *w;
	unsigned	 n;

	if (header)
		algn = "ctr";
	else if (align == PPTX_CENTER)
		algn = "ctr";
	else if (align == PPTX_AUTO && is_dash(text))
		algn = "ctr";	/* "no figure", between the numbers' edges */
	else if (align == PPTX_RIGHT || (align == PPTX_AUTO &&
	    textfit_is_number(text)))
		algn = "r";
	else
		algn = "l";
	snprintf(rpr, sizeof rpr, " sz=\"%u\"%s", sz, header ? " b=\"1\"" : "");
	buf_printf(b, "<a:tc><a:txBody><a:bodyPr/><a:lstStyle/><a:p><a:pPr "
	    "algn=\"%s\"/>", algn);
	if ((w = cell_break(text, cell_room(width, sz), rowlines, 0, &n)) ==
	    NULL)
		b->failed = 1;
	else
		put_runs(b, w, rpr);
	free(w);
	buf_printf(b, "<a:endParaRPr lang=\"ja-JP\" altLang=\"en-US\" "
	    "sz=\"%u\"/></a:p></a:txBody><a:tcPr marL=\"%d\" marR=\"%d\" "
	    "marT=\"%d\" marB=\"%d\" anchor=\"ctr\">", sz, CELL_MAR_X,
	    CELL_MAR_X, CELL_MAR_Y, CELL_MAR_Y);
	put_border(b, "lnL");
	put_border(b, "lnR");
	put_border(b, "lnT");
	put_border(b, "lnB");
	if (header)
		buf_puts(b, "<a:solidFill><a:schemeClr val=\"accent1\"><a:lumMod "
		    "val=\"20000\"/><a:lumOff val=\"80000\"/></a:schemeClr>"
		    "</a:solidFill>");
	else
		buf_puts(b, "<a:noFill/>");
	buf_puts(b, "</a:tcPr></a:tc>");
}

/*
 * A column of short words (中, 高, 済, ○: two characters at most, no
 * number) is centred under its heading, as a ward's table has them.
 */
static int
short_column(const struct pptx_table *t, size_t c)
{
	const char	*s;
	size_t		 r, n = 0;

	for (r = 0; r < t->nrows; r++) {
		s = cell_of(t, r, c);
		if (*s == '\0')
			continue;
		if (textfit_width(s) > 200 || textfit_is_number(s))
			return 0;
		n++;
	}
	return n > 0;
}

/* A note's size: the least a slide's text is set in. */
#define NOTE_SZ	1200

/* A text box of a note (NOTE_SZ) at x, y, cx wide and cy high. */
static void
put_note(struct buf *b, const char *text, long x, long y, long cx, long cy)
{
	char	rpr[32];

	snprintf(rpr, sizeof rpr, " sz=\"%u\"", NOTE_SZ);
	buf_printf(b, "<p:sp><p:nvSpPr><p:cNvPr id=\"5\" name=\"Note 4\"/>"
	    "<p:cNvSpPr txBox=\"1\"/><p:nvPr/></p:nvSpPr><p:spPr><a:xfrm>"
	    "<a:off x=\"%ld\" y=\"%ld\"/><a:ext cx=\"%ld\" cy=\"%ld\"/>"
	    "</a:xfrm><a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom>"
	    "<a:noFill/></p:spPr><p:txBody><a:bodyPr wrap=\"square\" "
	    "lIns=\"%d\" tIns=\"%d\" rIns=\"%d\" bIns=\"%d\"><a:noAutofit/>"
	    "</a:bodyPr><a:lstStyle/><a:p>", x, y, cx, cy, INSET_X, INSET_Y,
	    INSET_X, INSET_Y);
	put_wrapped(b, text, room_across(cx - 2 * INSET_X, NOTE_SZ), rpr,
	    phrase_wrap);
	buf_puts(b, "</a:p></p:txBody></p:sp>");
}

/* t's shape and text as a table slide takes them; title for the error. */
static int
table_check(const struct pptx_table *t, const char *title)
{
	size_t	c, r;
	int	rc;

	if ((rc = check_text(title, "slide title")) != 0)
		return rc;
	if (t == NULL || t->ncols == 0 || t->ncols > 40 || t->head == NULL ||
	    (t->nrows > 0 && t->cells == NULL))
		return error_set(NC_EINVALID, "table for slide '%s': needs 1 to "
		    "40 columns with headings", title != NULL ? title : "");
	for (c = 0; c < t->ncols; c++)
		if ((rc = check_text(t->head[c], "table heading")) != 0)
			return rc;
	for (r = 0; r < t->nrows * t->ncols; r++)
		if ((rc = check_text(t->cells[r], "table cell")) != 0)
			return rc;
	return check_text(t->note, "table note");
}

/*
 * The size a table slide sets t in, into *sz, and its column widths at
 * it, into grid[] (t->ncols): the one layout of table_impl() and
 * pptx_table_room(), so that a caller fitting its text to a column's
 * room measures what the slide gives it.
 */
static int
table_layout(unsigned *grid, unsigned *sz, const struct pptx *p,
    const struct pptx_table *t)
{
	/*
	 * 14pt, or 12pt where a column's minimum does not fit: never less,
	 * a slide is read from across a room.  Rows that then wrap more
	 * continue on further slides.
	 */
	static const unsigned	 sizes[] = { 1400, 1200 };
	struct rect		 area = content_rect(p);
	unsigned		*alt, widows, best = UINT_MAX;
	size_t			 i;
	int			 rc;

	*sz = 0;
	if ((alt = calloc(t->ncols, sizeof *alt)) == NULL)
		return nomem();
	/*
	 * The largest size at which every column holds its minimum, and
	 * the smaller one where that leaves a cell's last line one or two
	 * characters (確認す／る。) and the smaller size none.
	 */
	for (i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
		if ((rc = table_grid(alt, t, sizes[i], area.cx, &widows)) < 0) {
			free(alt);
			return nomem();
		}
		if (*sz == 0 && (rc == 1 || i + 1 == sizeof sizes /
		    sizeof sizes[0])) {
			*sz = sizes[i];
			memcpy(grid, alt, t->ncols * sizeof *grid);
			best = rc == 1 ? widows : UINT_MAX;
		} else if (rc == 1 && widows == 0 && best > 0) {
			*sz = sizes[i];
			memcpy(grid, alt, t->ncols * sizeof *grid);
			best = 0;
		}
		if (best == 0)
			break;
	}
	free(alt);
	return 0;
}

/*
 * The table at the smaller size (SIZE_SMALL) if that puts its rows on
 * fewer slides than the n it takes at *sz: into grid, *sz and *n, the
 * rows measured again into rh[] and rl[]; all kept else.
 */
#define SIZE_SMALL	1200
static int
table_smaller(const struct pptx *p, const struct pptx_table *t,
    unsigned *grid, unsigned *sz, double *rh, unsigned *rl, double nh,
    size_t *n)
{
	struct rect	 area = content_rect(p);
	unsigned	*alt, widows, hl;
	double		 hh;
	size_t		 m;
	int		 rc;

	if (*sz <= SIZE_SMALL)
		return 0;
	if ((alt = calloc(t->ncols, sizeof *alt)) == NULL)
		return nomem();
	if ((rc = table_grid(alt, t, SIZE_SMALL, area.cx, &widows)) < 0) {
		free(alt);
		return nomem();
	}
	if (rc == 1) {
		hh = table_rows(t, alt, SIZE_SMALL, 0, rh, rl, &hl);
		m = table_slides(rh, t->nrows, hh, nh, (double)area.cy);
		if (m < *n) {
			memcpy(grid, alt, t->ncols * sizeof *grid);
			*sz = SIZE_SMALL;
			*n = m;
		} else
			(void)table_rows(t, grid, *sz, 0, rh, rl, &hl);
	}
	free(alt);
	return 0;
}

static int
table_impl(struct pptx *p, const char *title, const struct pptx_table *t)
{
	const struct layout	*l = &p->lay[L_TITLEONLY];
	struct rect		 area = content_rect(p);
	struct buf		 b = BUF_INIT, paras = BUF_INIT, tt = BUF_INIT;
	unsigned		*grid = NULL, *rl = NULL, sz = 0;
	unsigned		 hl;
	double			*rh = NULL, hh, used, nh = 0, fill;
	size_t			 i, r, c, first, n, k = 0;
	long			 total;
	int			 rc = 0;

	if ((rc = table_check(t, title)) != 0)
		return rc;
	if ((grid = calloc(t->ncols, sizeof *grid)) == NULL ||
	    (rh = calloc(t->nrows + 1, sizeof *rh)) == NULL ||
	    (rl = calloc(t->nrows + 1, sizeof *rl)) == NULL) {
		free(grid);
		free(rh);
		return nomem();
	}
	if ((rc = table_layout(grid, &sz, p, t)) != 0)
		goto done;
	total = 0;
	for (c = 0; c < t->ncols; c++)
		total += (long)grid[c];
	/* the note's lines at 12pt across the table's area, and a gap */
	if (t->note != NULL && t->note[0] != '\0')
		nh = (double)phrase_lines(t->note, room_across(area.cx -
		    2 * INSET_X, NOTE_SZ)) * NOTE_SZ / 100 * EMU_PT * LINE +
		    2 * INSET_Y + (double)NOTE_SZ / 100 * EMU_PT / 2;
	/*
	 * A cell takes a line more to spare a bad break (cell_break())
	 * only where the table keeps to its slides for it: the schedule's
	 * 8月 on four lines pushed its 3月 onto a slide of its own.
	 */
	hh = table_rows(t, grid, sz, 0, rh, rl, &hl);
	n = table_slides(rh, t->nrows, hh, nh, (double)area.cy);
	/*
	 * 12pt where that puts the rows on fewer slides: a table whose
	 * rows wrap to two lines at 14pt and hold one at 12 (the 最終報告書's
	 * 15 risks over three slides of five, with room for two rows more
	 * on each: review 17).
	 */
	if (n > 1 && (rc = table_smaller(p, t, grid, &sz, rh, rl, nh,
	    &n)) != 0)
		goto done;
	hh = table_rows(t, grid, sz, 1, rh, rl, &hl);
	if (table_slides(rh, t->nrows, hh, nh, (double)area.cy) > n)
		hh = table_rows(t, grid, sz, 0, rh, rl, &hl);
	fill = table_balance(rh, t->nrows, hh, nh, (double)area.cy);
	p->group = p->nslides;
	for (first = 0; first < t->nrows || (t->nrows == 0 && k == 0); k++) {
		/*
		 * As many rows as fill the slide to its share, at least one;
		 * the last with the note under it.
		 */
		used = hh;
		for (r = first; r < t->nrows; r++) {
			if (r > first && used + rh[r] + (r + 1 == t->nrows ?
			    nh : 0) > fill)
				break;
			used += rh[r];
		}
		slide_begin(&b);
		group_title(&tt, title, k);
		buf_reset(&paras);
		if ((rc = buf_ok(&tt)) != 0)
			break;
		put_title_para(&paras, p, l, tt.data);
		put_ph(&b, 2, "Title 1", l->title_ph, paras.data);
		buf_printf(&b, "<p:graphicFrame><p:nvGraphicFramePr><p:cNvPr "
		    "id=\"3\" name=\"Table 2\"/><p:cNvGraphicFramePr>"
		    "<a:graphicFrameLocks noGrp=\"1\"/></p:cNvGraphicFramePr>"
		    "<p:nvPr/></p:nvGraphicFramePr><p:xfrm><a:off x=\"%ld\" "
		    "y=\"%ld\"/><a:ext cx=\"%ld\" cy=\"%ld\"/></p:xfrm><a:graphic>"
		    "<a:graphicData uri=\"http://schemas.openxmlformats.org/"
		    "drawingml/2006/table\"><a:tbl><a:tblPr firstRow=\"1\"/>"
		    "<a:tblGrid>", area.x, area.y, total, (long)used);
		for (c = 0; c < t->ncols; c++)
			buf_printf(&b, "<a:gridCol w=\"%u\"/>", grid[c]);
		buf_printf(&b, "</a:tblGrid><a:tr h=\"%ld\">", lround(hh));
		for (c = 0; c < t->ncols; c++)
			put_tc(&b, t->head[c] != NULL ? t->head[c] : "", sz,
			    (long)grid[c], 1, PPTX_CENTER, hl);
		buf_puts(&b, "</a:tr>");
		for (i = first; i < r; i++) {
			buf_printf(&b, "<a:tr h=\"%ld\">", lround(rh[i]));
			for (c = 0; c < t->ncols; c++)
				put_tc(&b, cell_of(t, i, c), sz,
				    (long)grid[c], 0, t->align != NULL ?
				    t->align[c] : short_column(t, c) ?
				    PPTX_CENTER : PPTX_AUTO, rl[i]);
			buf_puts(&b, "</a:tr>");
		}
		buf_puts(&b, "</a:tbl></a:graphicData></a:graphic>"
		    "</p:graphicFrame>");
		if (nh > 0 && r == t->nrows)
			put_note(&b, t->note, area.x, area.y + (long)used +
			    NOTE_SZ / 100 * EMU_PT / 2, area.cx, (long)nh);
		put_number(&b, l, p->nslides + 1);
		slide_end(&b);
		if ((rc = add_slide(p, &b, L_TITLEONLY, 0)) != 0)
			break;
		first = r;
		if (t->nrows == 0)
			break;
	}
done:
	free(grid);
	free(rh);
	free(rl);
	buf_free(&b);
	buf_free(&paras);
	buf_free(&tt);
	return rc;
}

int
pptx_table_slide(struct pptx *p, const char *title,
    const struct pptx_table *t)
{
	PPTX_CALL(p, table_impl(p, title, t));
}

int
pptx_table_room(const struct pptx *p, const struct pptx_table *t,
    size_t col, unsigned *room, unsigned *sz)
{
	unsigned	*grid, size;
	int		 rc;

	*room = 0;
	if (sz != NULL)
		*sz = 0;
	if ((rc = pptx_sticky(p)) != 0 || (rc = table_check(t, NULL)) != 0)
		return rc;
	if (col >= t->ncols)
		return error_set(NC_EINVALID, "no column %zu: the table has "
		    "%zu", col + 1, t->ncols);
	if ((grid = calloc(t->ncols, sizeof *grid)) == NULL)
		return nomem();
	if ((rc = table_layout(grid, &size, p, t)) == 0) {
		*room = cell_room((long)grid[col], size);
		if (sz != NULL)
			*sz = size;
	}
	free(grid);
	return rc;
}

/* One chart slide; flags for chart_drawingml(). */
static int
chart_one(struct pptx *p, const char *title, const struct chart *m,
    enum chart_kind drawn, int flags)
{
	const struct layout	*l = &p->lay[L_TITLEONLY];
	struct rect		 area = content_rect(p);
	struct buf		 b = BUF_INIT, paras = BUF_INIT, x = BUF_INIT;
	struct pchart		 ch, *v;
	struct chart		*r = NULL;
	int			 rc;

	memset(&ch, 0, sizeof ch);
	if ((rc = chart_dml_model(&r, m, drawn)) != 0 ||
	    (rc = chart_fit_names(r, drawn, flags | CHART_DML_SLIDE,
	    (double)area.cx / EMU_CM)) != 0 ||
	    (rc = chart_drawingml_sized(&x, r, drawn, "rId1", flags |
	    CHART_DML_SLIDE, (double)area.cx / EMU_CM, (double)area.cy /
	    EMU_CM)) != 0 ||
	    (rc = xlsx_chart_data(&ch.xlsx, &ch.xlsx_len, r, p->created)) != 0)
		goto done;
	ch.xml = buf_detach(&x, &ch.xml_len);
	if ((v = realloc(p->charts, (p->ncharts + 1) * sizeof *v)) == NULL) {
		rc = nomem();
		goto done;
	}
	p->charts = v;
	slide_begin(&b);
	put_title_para(&paras, p, l, title);
	put_ph(&b, 2, "Title 1", l->title_ph, paras.data);
	buf_printf(&b, "<p:graphicFrame><p:nvGraphicFramePr><p:cNvPr id=\"3\" "
	    "name=\"Chart 2\"/><p:cNvGraphicFramePr/><p:nvPr/>"
	    "</p:nvGraphicFramePr><p:xfrm><a:off x=\"%ld\" y=\"%ld\"/><a:ext "
	    "cx=\"%ld\" cy=\"%ld\"/></p:xfrm><a:graphic><a:graphicData "
	    "uri=\"" NS_C "\"><c:chart xmlns:c=\"" NS_C "\" r:id=\"rId2\"/>"
	    "</a:graphicData></a:graphic></p:graphicFrame>", area.x, area.y,
	    area.cx, area.cy);
	put_number(&b, l, p->nslides + 1);
	slide_end(&b);
	if ((rc = add_slide(p, &b, L_TITLEONLY, p->ncharts + 1)) != 0)
		goto done;
	p->charts[p->ncharts++] = ch;
	ch.xml = ch.xlsx = NULL;
done:
	chart_free(r);
	free(ch.xml);
	free(ch.xlsx);
	buf_free(&b);
	buf_free(&paras);
	buf_free(&x);
	return rc;
}

/*
 * The chart on the content area; horizontal bars too many for it go on
 * continuation slides in parts of equal length, on the same axis.  A
 * slide titled as its chart does not say it twice.
 */
static int
chart_impl(struct pptx *p, const char *title, const struct chart *m)
{
	struct rect		 area = content_rect(p);
	struct buf		 t = BUF_INIT;
	struct chart		*s;
	enum chart_kind		 drawn;
	size_t			 fit, parts, per, k, first, n;
	int			 rc, flags;

	if ((rc = check_text(title, "slide title")) != 0 ||
	    (rc = chart_check(m)) != 0)
		return rc;
	if (title == NULL)
		title = "";
	flags = m->title != NULL && strcmp(title, m->title) == 0 ?
	    CHART_DML_NO_TITLE : 0;
	/*
	 * The chart's text is 14pt on a slide (CHART_DML_SLIDE) where
	 * chart.h measures in 10pt: the same room holds 10/14 of it.
	 */
	drawn = chart_drawn_kind(m, (double)area.cx / (SLIDE_CHART_PT *
	    EMU_PT));
	fit = chart_fit_categories(m, drawn, (double)area.cy / EMU_CM *
	    10 / SLIDE_CHART_PT);
	p->group = p->nslides;
	if (m->ncats <= fit)
		return chart_one(p, title, m, drawn, flags);
	parts = (m->ncats + fit - 1) / fit;
	per = (m->ncats + parts - 1) / parts;
	for (k = 0, first = 0; first < m->ncats && rc == 0; k++, first += n) {
		n = m->ncats - first < per ? m->ncats - first : per;
		if ((rc = chart_slice(&s, m, first, n, k + 1, parts)) != 0)
			break;
		group_title(&t, title, k);
		if ((rc = buf_ok(&t)) == 0)
			rc = chart_one(p, t.data, s, drawn, flags);
		chart_free(s);
	}
	buf_free(&t);
	return rc;
}

int
pptx_chart_slide(struct pptx *p, const char *title, const struct chart *m)
{
	PPTX_CALL(p, chart_impl(p, title, m));
}

static int
notes_impl(struct pptx *p, const char *text)
{
	struct slide	*s;
	int		 rc;

	if ((rc = check_text(text, "notes")) != 0)
		return rc;
	if (p->nslides == 0)
		return error_set(NC_EINVALID, "notes before the first slide");
	s = &p->slides[p->group];
	free(s->notes);
	s->notes = NULL;
	if (text != NULL && (s->notes = strdup(text)) == NULL)
		return nomem();
	return 0;
}

int
pptx_notes(struct pptx *p, const char *text)
{
	PPTX_CALL(p, notes_impl(p, text));
}

/* The package. */

static void
put_notes_slide(struct buf *b, const char *text)
{
	const char	*s = text, *nl;
	size_t		 n;

	buf_puts(b, xml_decl);
	buf_puts(b, "<p:notes xmlns:a=\"" NS_A "\" xmlns:r=\"" NS_R "\" "
	    "xmlns:p=\"" NS_P "\"><p:cSld><p:spTree><p:nvGrpSpPr><p:cNvPr "
	    "id=\"1\" name=\"\"/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr>"
	    "<p:grpSpPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"0\" "
	    "cy=\"0\"/><a:chOff x=\"0\" y=\"0\"/><a:chExt cx=\"0\" cy=\"0\"/>"
	    "</a:xfrm></p:grpSpPr><p:sp><p:nvSpPr><p:cNvPr id=\"2\" "
	    "name=\"Slide Image Placeholder 1\"/><p:cNvSpPr><a:spLocks "
	    "noGrp=\"1\" noRot=\"1\" noChangeAspect=\"1\"/></p:cNvSpPr><p:nvPr>"
	    "<p:ph type=\"sldImg\"/></p:nvPr></p:nvSpPr><p:spPr/></p:sp>"
	    "<p:sp><p:nvSpPr><p:cNvPr id=\"3\" name=\"Notes Placeholder 2\"/>"
	    "<p:cNvSpPr><a:spLocks noGrp=\"1\"/></p:cNvSpPr><p:nvPr><p:ph "
	    "type=\"body\" idx=\"1\"/></p:nvPr></p:nvSpPr><p:spPr/><p:txBody>"
	    "<a:bodyPr/><a:lstStyle/>");
	/* One paragraph a line. */
	for (;;) {
		nl = strpbrk(s, "\r\n");
		n = nl != NULL ? (size_t)(nl - s) : strlen(s);
		buf_puts(b, "<a:p>");
		if (n > 0) {
			buf_puts(b, "<a:r><a:rPr lang=\"ja-JP\" altLang=\"en-US\" "
			    "dirty=\"0\"/><a:t>");
			opc_put_text(b, s, n);
			buf_puts(b, "</a:t></a:r>");
		} else
			buf_puts(b, "<a:endParaRPr lang=\"ja-JP\" "
			    "altLang=\"en-US\"/>");
		buf_puts(b, "</a:p>");
		if (nl == NULL)
			break;
		s = nl + (nl[0] == '\r' && nl[1] == '\n' ? 2 : 1);
	}
	buf_puts(b, "</p:txBody></p:sp></p:spTree></p:cSld><p:clrMapOvr>"
	    "<a:masterClrMapping/></p:clrMapOvr></p:notes>");
}

static int
part(struct opc *o, struct buf *b, const char *name, const char *type)
{
	int	rc;

	if ((rc = buf_ok(b)) != 0)
		return rc;
	return opc_part(o, name, type, b->data, b->len);
}

/* A relationship target from part from to part to, both in ppt/. */
static void
rel_path(struct buf *b, const char *from, const char *to)
{
	buf_reset(b);
	/* from is ppt/<dir>/<name> or ppt/<name>; to is ppt/... */
	if (strchr(from + 4, '/') != NULL)
		buf_printf(b, "../%s", to + 4);
	else
		buf_puts(b, to + 4);
}

static int
to_mem_impl(char **out, size_t *outlen, struct pptx *p)
{
	struct opc_props	 props;
	struct opc		*o = NULL;
	struct buf		 b = BUF_INIT, name = BUF_INIT, t = BUF_INIT,
				 id = BUF_INIT, app = BUF_INIT;
	size_t			 i, nnotes = 0;
	int			 rc;

	*out = NULL;
	*outlen = 0;
	for (i = 0; i < p->nslides; i++)
		if (p->slides[i].notes != NULL)
			nnotes++;
	memset(&props, 0, sizeof props);
	props.title = p->title;
	props.author = p->author;
	props.created = p->created;
	buf_printf(&app, "<Application>nerima-cio</Application>"
	    "<PresentationFormat>ワイド画面</PresentationFormat>"
	    "<Slides>%zu</Slides><Notes>%zu</Notes>", p->nslides, nnotes);
	if ((rc = buf_ok(&app)) != 0)
		return rc;
	props.app = app.data;
	if ((rc = opc_new(&o, &props)) != 0)
		goto done;

	/* presentation.xml */
	buf_puts(&b, xml_decl);
	buf_puts(&b, "<p:presentation xmlns:a=\"" NS_A "\" xmlns:r=\"" NS_R
	    "\" xmlns:p=\"" NS_P "\" saveSubsetFonts=\"1\">");
	buf_printf(&b, "<p:sldMasterIdLst><p:sldMasterId id=\"%lu\" "
	    "r:id=\"rId1\"/></p:sldMasterIdLst><p:notesMasterIdLst>"
	    "<p:notesMasterId r:id=\"rId2\"/></p:notesMasterIdLst>",
	    p->master_id);
	if (p->nslides > 0) {
		buf_puts(&b, "<p:sldIdLst>");
		for (i = 0; i < p->nslides; i++)
			buf_printf(&b, "<p:sldId id=\"%zu\" r:id=\"rId%zu\"/>",
			    256 + i, 10 + i);
		buf_puts(&b, "</p:sldIdLst>");
	}
	buf_printf(&b, "<p:sldSz cx=\"%ld\" cy=\"%ld\"/><p:notesSz cx=\"%ld\" "
	    "cy=\"%ld\"/>", p->sw, p->sh, p->nw, p->nh);
	if (p->default_text != NULL)
		buf_puts(&b, p->default_text);
	buf_puts(&b, "</p:presentation>");
	if ((rc = part(o, &b, "ppt/presentation.xml", CT_PML
	    "presentation.main+xml")) != 0)
		goto done;
	if ((rc = opc_rel(o, NULL, "rId1", "officeDocument",
	    "ppt/presentation.xml")) != 0)
		goto done;

	/* The slides, their notes and charts. */
	for (i = 0; i < p->nslides; i++) {
		const struct slide *s = &p->slides[i];

		buf_reset(&name);
		buf_printf(&name, "ppt/slides/slide%zu.xml", i + 1);
		if ((rc = buf_ok(&name)) != 0 ||
		    (rc = opc_part(o, name.data, CT_PML "slide+xml", s->xml,
		    s->len)) != 0)
			goto done;
		rel_path(&t, name.data, p->lay[s->layout].part);
		if ((rc = buf_ok(&t)) != 0 ||
		    (rc = opc_rel(o, name.data, "rId1", "slideLayout",
		    t.data)) != 0)
			goto done;
		if (s->chart != 0) {
			buf_reset(&t);
			buf_printf(&t, "../charts/chart%zu.xml", s->chart);
			if ((rc = buf_ok(&t)) != 0 ||
			    (rc = opc_rel(o, name.data, "rId2", "chart",
			    t.data)) != 0)
				goto done;
		}
		if (s->notes != NULL) {
			buf_reset(&t);
			buf_printf(&t, "../notesSlides/notesSlide%zu.xml", i + 1);
			if ((rc = buf_ok(&t)) != 0 ||
			    (rc = opc_rel(o, name.data, "rId3", "notesSlide",
			    t.data)) != 0)
				goto done;
		}
		buf_reset(&id);
		buf_printf(&id, "rId%zu", 10 + i);
		buf_reset(&t);
		buf_printf(&t, "slides/slide%zu.xml", i + 1);
		if ((rc = buf_ok(&id)) != 0 || (rc = buf_ok(&t)) != 0 ||
		    (rc = opc_rel(o, "ppt/presentation.xml", id.data, "slide",
		    t.data)) != 0)
			goto done;
	}
	for (i = 0; i < p->nslides; i++) {
		if (p->slides[i].notes == NULL)
			continue;
		buf_reset(&b);
		put_notes_slide(&b, p->slides[i].notes);
		buf_reset(&name);
		buf_printf(&name, "ppt/notesSlides/notesSlide%zu.xml", i + 1);
		if ((rc = buf_ok(&name)) != 0 ||
		    (rc = part(o, &b, name.data, CT_PML "notesSlide+xml")) != 0)
			goto done;
		rel_path(&t, name.data, p->notes_master);
		if ((rc = buf_ok(&t)) != 0 ||
		    (rc = opc_rel(o, name.data, "rId1", "notesMaster",
		    t.data)) != 0)
			goto done;
		buf_reset(&t);
		buf_printf(&t, "../slides/slide%zu.xml", i + 1);
		if ((rc = buf_ok(&t)) != 0 ||
		    (rc = opc_rel(o, name.data, "rId2", "slide", t.data)) != 0)
			goto done;
	}
	for (i = 0; i < p->ncharts; i++) {
		buf_reset(&name);
		buf_printf(&name, "ppt/charts/chart%zu.xml", i + 1);
		if ((rc = buf_ok(&name)) != 0 ||
		    (rc = opc_part(o, name.data, "application/vnd."
		    "openxmlformats-officedocument.drawingml.chart+xml",
		    p->charts[i].xml, p->charts[i].xml_len)) != 0)
			goto done;
		buf_reset(&t);
		buf_printf(&t, "../embeddings/Microsoft_Excel_Worksheet%zu.xlsx",
		    i + 1);
		if ((rc = buf_ok(&t)) != 0 ||
		    (rc = opc_rel(o, name.data, "rId1", "package",
		    t.data)) != 0)
			goto done;
		buf_reset(&name);
		buf_printf(&name, "ppt/embeddings/Microsoft_Excel_Worksheet"
		    "%zu.xlsx", i + 1);
		if ((rc = buf_ok(&name)) != 0 ||
		    (rc = opc_part(o, name.data, "application/vnd."
		    "openxmlformats-officedocument.spreadsheetml.sheet",
		    p->charts[i].xlsx, p->charts[i].xlsx_len)) != 0)
			goto done;
	}

	/* The template's parts, as they were. */
	for (i = 0; i < p->nparts; i++)
		if ((rc = opc_part(o, p->parts[i].name, p->parts[i].type,
		    p->parts[i].data, p->parts[i].len)) != 0)
			goto done;
	for (i = 0; i < p->nrels; i++)
		if ((rc = opc_rel(o, p->rels[i].source, p->rels[i].id,
		    p->rels[i].type, p->rels[i].target)) != 0)
			goto done;

	/* Presentation-wide properties. */
	buf_reset(&b);
	buf_puts(&b, xml_decl);
	buf_puts(&b, "<p:presentationPr xmlns:a=\"" NS_A "\" xmlns:r=\"" NS_R
	    "\" xmlns:p=\"" NS_P "\"/>");
	if ((rc = part(o, &b, "ppt/presProps.xml", CT_PML "presProps+xml")) !=
	    0)
		goto done;
	buf_reset(&b);
	buf_puts(&b, xml_decl);
	buf_puts(&b, "<p:viewPr xmlns:a=\"" NS_A "\" xmlns:r=\"" NS_R "\" "
	    "xmlns:p=\"" NS_P "\"><p:normalViewPr><p:restoredLeft sz=\"15620\"/>"
	    "<p:restoredTop sz=\"94660\"/></p:normalViewPr><p:gridSpacing "
	    "cx=\"72008\" cy=\"72008\"/></p:viewPr>");
	if ((rc = part(o, &b, "ppt/viewProps.xml", CT_PML "viewProps+xml")) !=
	    0)
		goto done;
	buf_reset(&b);
	buf_puts(&b, xml_decl);
	buf_puts(&b, "<a:tblStyleLst xmlns:a=\"" NS_A "\" def=\"{5C22544A-"
	    "7EE6-4342-B048-85BDC9FD1C3A}\"/>");
	if ((rc = part(o, &b, "ppt/tableStyles.xml", CT_PML
	    "tableStyles+xml")) != 0)
		goto done;
	rel_path(&t, "ppt/presentation.xml", p->master);
	if ((rc = buf_ok(&t)) != 0 ||
	    (rc = opc_rel(o, "ppt/presentation.xml", "rId1", "slideMaster",
	    t.data)) != 0)
		goto done;
	rel_path(&t, "ppt/presentation.xml", p->notes_master);
	if ((rc = buf_ok(&t)) != 0 ||
	    (rc = opc_rel(o, "ppt/presentation.xml", "rId2", "notesMaster",
	    t.data)) != 0)
		goto done;
	rel_path(&t, "ppt/presentation.xml", p->theme);
	if ((rc = buf_ok(&t)) != 0 ||
	    (rc = opc_rel(o, "ppt/presentation.xml", "rId3", "theme",
	    t.data)) != 0 ||
	    (rc = opc_rel(o, "ppt/presentation.xml", "rId4", "presProps",
	    "presProps.xml")) != 0 ||
	    (rc = opc_rel(o, "ppt/presentation.xml", "rId5", "viewProps",
	    "viewProps.xml")) != 0 ||
	    (rc = opc_rel(o, "ppt/presentation.xml", "rId6", "tableStyles",
	    "tableStyles.xml")) != 0)
		goto done;
	rc = opc_to_mem(out, outlen, o);
done:
	opc_free(o);
	buf_free(&b);
	buf_free(&name);
	buf_free(&t);
	buf_free(&id);
	buf_free(&app);
	return rc;
}

int
pptx_to_mem(char **out, size_t *outlen, struct pptx *p)
{
	*out = NULL;
	*outlen = 0;
	PPTX_CALL(p, to_mem_impl(out, outlen, p));
}

int
pptx_save(struct pptx *p, const char *path)
{
	char	*data = NULL;
	size_t	 len;
	int	 rc;

	if ((rc = pptx_to_mem(&data, &len, p)) != 0)
		return rc;
	rc = fileio_write_atomic(path, data, len);
	free(data);
	return rc;
}
