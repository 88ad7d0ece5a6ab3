/*
 * Word (.docx) writer: the document model, WordprocessingML and the
 * package.  The layouts of notices and reports are in docx_layout.c.
 *
 * The body is kept as WordprocessingML text in the order of the calls.
 * Section properties of a finished section belong in its last paragraph,
 * but the header and footer references in them are only known at save
 * time, so the body holds a marker byte per finished section that
 * docx_to_mem() replaces (text can never contain it: control characters
 * are dropped from text).
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "chart.h"
#include "docx.h"
#include "docx_priv.h"
#include "error.h"
#include "fileio.h"
#include "opc.h"
#include "text.h"
#include "textfit.h"
#include "xlsx.h"

#define SECT_MARK	'\001'

/* A4 in twips (1/1440 inch, 1/20 point). */
#define A4_SHORT	11906
#define A4_LONG		16838

/* One character is the body size, 10.5pt = 210 twips. */
#define BODY_SIZE	21		/* half-points */
#define CHAR_TWIPS	210
/* A paragraph this many lines or fewer stays with a table after it. */
#define LEAD_LINES	3
/* A note this many lines or fewer right after a table stays with it. */
#define NOTE_LINES	2

struct cell {
	char			*text;
	struct docx_para_style	 style;
	int			 styled;
	size_t			 rspan;		/* origin of a merge: its size */
	size_t			 cspan;
	int			 covered;	/* inside another cell's merge */
	size_t			 orow;		/* the origin, when covered */
	size_t			 ocol;
};

struct docx_table {
	size_t		 ncols;
	unsigned	*weights;
	int		 auto_widths;	/* no weights given */
	int		 form;		/* its empty columns are written in */
	int		 narrow;	/* as wide as its content (docx_table_narrow()) */
	uint64_t	 whole;		/* columns of names kept whole, bit k (docx_table_whole()) */
	size_t		 nrows;
	size_t		 header_rows;
	struct cell	*cells;		/* nrows * ncols */
	/*
	 * Body rows of other tables of its shape (docx_table_size_with()):
	 * they size its columns with its own and are not written.
	 */
	struct cell	*sizing;	/* nsizing * ncols */
	size_t		 nsizing;
	/*
	 * Its own body rows size nothing: it is laid out from its header
	 * and the sizing rows alone (docx_table_layout_with()).
	 */
	int		 layout_only;
	/*
	 * What its own cells keep whole, each column's widest (hundredths
	 * at the body's size; NULL: none): set while it is laid out from
	 * the sizing rows alone, so that a word of its own never breaks.
	 */
	unsigned	*floor;
	int		 err;		/* first error, sticky */
	char		*errmsg;
};

/* A native chart: its DrawingML part and its embedded workbook. */
struct docx_chart {
	char		*xml;
	size_t		 xml_len;
	char		*xlsx;
	size_t		 xlsx_len;
};

/*
 * The last section of a document (its heading and what follows, up to
 * 以上) keeps together on one page when it takes at most this many lines:
 * a last page of two lines, the end of a paragraph whose section began
 * on the page before, read as a mistake.
 */
#define SECT_MAX	12
#define SECT_KEEP_LINES	16
/*
 * A longer one keeps a last paragraph of at most this many lines with
 * the one before it, so that the last page holds more than one short
 * paragraph and 以上 (review17: the 研修実施報告書's last page held its
 * last two lines alone under a section of 11 lines).
 */
#define SECT_TAIL_LINES	3

struct docx {
	struct buf		 body;
	struct buf		 para;		/* the open paragraph */
	int			 open;
	struct docx_para_style	 pstyle;	/* of the open paragraph */
	int			 last_table;	/* the body ends with a table */
	size_t			 last_row;	/* where its last row starts */
	int			 used;		/* content in the section */
	struct docx_page	 page;		/* current section */
	struct docx_page	*sections;	/* finished sections */
	size_t			 nsections;
	char			*header;	/* paragraph XML, or NULL */
	char			*footer;
	char			*title;
	char			*author;
	char			*created;	/* as given, or NULL */
	unsigned		 outline[4];
	int			 depth;
	struct docx_chart	*charts;
	size_t			 ncharts;
	/*
	 * The last paragraph, if the body ends with it: where it starts and
	 * whether it is short, at most LEAD_LINES lines, which a table or
	 * chart after it keeps with it (a caption, a heading, the sentence
	 * that introduces it: never alone at a page bottom).
	 */
	size_t			 last_para;
	size_t			 last_para_end;	/* body length after it */
	int			 last_para_short;
	unsigned		 para_width;	/* of the open paragraph's runs */
	int			 para_breaks;
	int			 para_tab;	/* the last run put is a tab */
	int			 para_heading;	/* the open one is a heading */
	/*
	 * The paragraphs since the last heading, the heading first (where
	 * each starts in body), and their lines, while no table or chart
	 * came after it; nsect 0 when there are none or too many.  A short
	 * last section keeps together at 以上 (SECT_KEEP_LINES).
	 */
	size_t			 sect[SECT_MAX];
	size_t			 nsect;
	unsigned		 sect_lines;
	unsigned		 sect_last;	/* lines of the last one */
	int			 err;		/* first error, sticky */
	char			*errmsg;
};

static const char xml_decl[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

#define NS_W	"http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define NS_WP	"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
#define NS_A	"http://schemas.openxmlformats.org/drawingml/2006/main"
#define NS_C	"http://schemas.openxmlformats.org/drawingml/2006/chart"
#define NS_R	"http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define REL	OPC_REL

/* EMU (English metric units, 914400 an inch) of a twip and a centimetre. */
#define EMU_TWIP	635
#define EMU_CM		360000

/* Body text of 10.5pt in cm: a chart's width in characters of 10pt. */
#define CM_PER_10PT	0.3528

int
docx_check_text(const char *s, const char *what)
{
	return opc_check_text(s, what);
}

/* The sticky error. */

int
docx_sticky(const struct docx *d)
{
	if (d == NULL)
		return error_set(NC_EINVALID, "no document: creating it "
		    "failed");
	if (d->err == 0)
		return 0;
	return error_set(d->err, "%s", d->errmsg != NULL ? d->errmsg :
	    "out of memory");
}

int
docx_keep(struct docx *d, int rc)
{
	if (rc != 0 && d != NULL && d->err == 0) {
		d->err = rc;
		d->errmsg = strdup(error_last());
	}
	return rc;
}

int
docx_error(const struct docx *d)
{
	return docx_sticky(d);
}

/* A public call: nothing after an error, and its own error kept. */
#define DOCX_CALL(d, call) do {						\
	int rc_ = docx_sticky(d);					\
	if (rc_ != 0)							\
		return rc_;						\
	return docx_keep((d), (call));					\
} while (0)

static int
table_sticky(const struct docx_table *t)
{
	if (t == NULL)
		return error_set(NC_EINVALID, "no table: creating it failed");
	if (t->err == 0)
		return 0;
	return error_set(t->err, "%s", t->errmsg != NULL ? t->errmsg :
	    "out of memory");
}

static int
table_keep(struct docx_table *t, int rc)
{
	if (rc != 0 && t != NULL && t->err == 0) {
		t->err = rc;
		t->errmsg = strdup(error_last());
	}
	return rc;
}

#define TABLE_CALL(t, call) do {					\
	int rc_ = table_sticky(t);					\
	if (rc_ != 0)							\
		return rc_;						\
	return table_keep((t), (call));					\
} while (0)

unsigned
docx_measure(const char *s)
{
	if (s == NULL)
		return 0;
	return (unsigned)text_width(s, strlen(s)) * 50;
}

/* Escaped character data; checked text only.  Controls are dropped. */
static void
put_escaped(struct buf *b, const char *s, size_t len)
{
	opc_put_text(b, s, len);
}

/*
 * Run content: text in <w:t>, TAB as <w:tab/>, a line end (LF, CR LF or
 * CR) as <w:br/>.  Leading and trailing spaces are kept (xml:space).
 */
static void
put_run_text(struct buf *b, const char *s, size_t len)
{
	size_t		 off, start, n;
	uint32_t	 cp;

	start = 0;
	for (off = 0; off <= len; off += n) {
		if (off == len)
			cp = '\n', n = 1;
		else
			n = text_utf8_decode(&cp, s + off, len - off);
		if (cp != '\t' && cp != '\n' && cp != '\r')
			continue;
		if (off > start) {
			buf_puts(b, "<w:t xml:space=\"preserve\">");
			put_escaped(b, s + start, off - start);
			buf_puts(b, "</w:t>");
		}
		if (off == len)
			break;
		if (cp == '\t')
			buf_puts(b, "<w:tab/>");
		else {
			if (cp == '\r' && off + 1 < len && s[off + 1] == '\n')
				n++;
			buf_puts(b, "<w:br/>");
		}
		start = off + n;
	}
}

static int
twips(int hundredths)
{
	/* 100 hundredths of a character = 210 twips, rounded half away. */
	int	t = hundredths * CHAR_TWIPS;

	return t >= 0 ? (t + 50) / 100 : -((-t + 50) / 100);
}

static const char *
align_name(enum docx_align a)
{
	switch (a) {
	case DOCX_LEFT:
		return "left";
	case DOCX_CENTER:
		return "center";
	case DOCX_RIGHT:
		return "right";
	default:
		return "both";
	}
}

static void
put_rpr(struct buf *b, int bold, int gothic, int underline, unsigned size,
    int spacing)
{
	if (!bold && !gothic && !underline && size == 0 && spacing == 0)
		return;
	buf_puts(b, "<w:rPr>");
	/* CT_RPr order: rFonts, b, bCs, spacing, sz, szCs, u. */
	if (gothic)
		buf_puts(b, "<w:rFonts w:ascii=\"游ゴシック\" "
		    "w:eastAsia=\"游ゴシック\" w:hAnsi=\"游ゴシック\"/>");
	if (bold)
		buf_puts(b, "<w:b/><w:bCs/>");
	if (spacing != 0)
		buf_printf(b, "<w:spacing w:val=\"%d\"/>", spacing);
	if (size != 0)
		buf_printf(b, "<w:sz w:val=\"%u\"/><w:szCs w:val=\"%u\"/>",
		    size, size);
	if (underline)
		buf_puts(b, "<w:u w:val=\"single\"/>");
	buf_puts(b, "</w:rPr>");
}

static int
cmp_unsigned(const void *a, const void *b)
{
	unsigned	x = *(const unsigned *)a, y = *(const unsigned *)b;

	return x < y ? -1 : x > y;
}

/* Paragraph properties in CT_PPrBase order; ind in chars and twips. */
static void
put_ppr(struct buf *b, const char *pstyle, const struct docx_para_style *ps)
{
	unsigned	tabs[DOCX_MAXTABS];
	size_t		ntabs, i, mark = b->len;
	int		first;

	buf_puts(b, "<w:pPr>");
	if (pstyle != NULL)
		buf_printf(b, "<w:pStyle w:val=\"%s\"/>", pstyle);
	if (ps->keep_next)
		buf_puts(b, "<w:keepNext/>");
	if (ps->keep_lines)
		buf_puts(b, "<w:keepLines/>");
	if (ps->page_break_before)
		buf_puts(b, "<w:pageBreakBefore/>");
	for (ntabs = 0; ntabs < DOCX_MAXTABS && ps->tabs[ntabs] != 0; ntabs++)
		tabs[ntabs] = ps->tabs[ntabs];
	if (ntabs > 0) {
		qsort(tabs, ntabs, sizeof tabs[0], cmp_unsigned);
		buf_puts(b, "<w:tabs>");
		for (i = 0; i < ntabs; i++)
			buf_printf(b, "<w:tab w:val=\"left\" w:pos=\"%d\"/>",
			    twips((int)tabs[i]));
		buf_puts(b, "</w:tabs>");
	}
	if (ps->space_before != 0 || ps->space_after != 0)
		buf_printf(b, "<w:spacing w:before=\"%u\" w:after=\"%u\"/>",
		    ps->space_before * 20, ps->space_after * 20);
	if (ps->indent_left != 0 || ps->indent_right != 0 ||
	    ps->indent_first != 0) {
		/* Word writes both: *Chars wins where it is understood. */
		buf_puts(b, "<w:ind");
		if (ps->indent_left != 0)
			buf_printf(b, " w:leftChars=\"%d\" w:left=\"%d\"",
			    ps->indent_left, twips(ps->indent_left));
		if (ps->indent_right != 0)
			buf_printf(b, " w:rightChars=\"%d\" w:right=\"%d\"",
			    ps->indent_right, twips(ps->indent_right));
		first = ps->indent_first;
		if (first > 0)
			buf_printf(b, " w:firstLineChars=\"%d\" "
			    "w:firstLine=\"%d\"", first, twips(first));
		else if (first < 0)
			buf_printf(b, " w:hangingChars=\"%d\" w:hanging=\"%d\"",
			    -first, twips(-first));
		buf_puts(b, "/>");
	}
	if (ps->align != DOCX_JUSTIFY)
		buf_printf(b, "<w:jc w:val=\"%s\"/>", align_name(ps->align));
	/*
	 * The paragraph mark at the text's size: an empty cell of a table
	 * set at 9 pt was a line of 10.5 pt, its row taller than the rest.
	 */
	if (ps->size != 0 && ps->size != BODY_SIZE)
		buf_printf(b, "<w:rPr><w:sz w:val=\"%u\"/><w:szCs "
		    "w:val=\"%u\"/></w:rPr>", ps->size, ps->size);
	/* Nothing to say: no element at all, so plain paragraphs are <w:p>. */
	if (!b->failed && b->len == mark + strlen("<w:pPr>")) {
		b->len = mark;
		b->data[mark] = '\0';
		return;
	}
	buf_puts(b, "</w:pPr>");
}

static unsigned
mm_twips(unsigned mm)
{
	return (mm * 14400 + 127) / 254;
}

static void
page_margins(const struct docx_page *pg, unsigned *top, unsigned *right,
    unsigned *bottom, unsigned *left)
{
	/* Word's Japanese A4 default: 35 mm top, 30 mm elsewhere. */
	*top = mm_twips(pg->margin_top != 0 ? pg->margin_top : 35);
	*right = mm_twips(pg->margin_right != 0 ? pg->margin_right : 30);
	*bottom = mm_twips(pg->margin_bottom != 0 ? pg->margin_bottom : 30);
	*left = mm_twips(pg->margin_left != 0 ? pg->margin_left : 30);
}

static unsigned
page_text_twips(const struct docx_page *pg)
{
	unsigned	top, right, bottom, left, w;

	page_margins(pg, &top, &right, &bottom, &left);
	w = pg->landscape ? A4_LONG : A4_SHORT;
	return w > left + right ? w - left - right : 0;
}

static void
put_sectpr(struct buf *b, const struct docx *d, const struct docx_page *pg)
{
	unsigned	top, right, bottom, left;

	page_margins(pg, &top, &right, &bottom, &left);
	buf_puts(b, "<w:sectPr>");
	if (d->header != NULL)
		buf_puts(b, "<w:headerReference w:type=\"default\" "
		    "r:id=\"rId4\"/>");
	if (d->footer != NULL)
		buf_puts(b, "<w:footerReference w:type=\"default\" "
		    "r:id=\"rId5\"/>");
	if (pg->landscape)
		buf_printf(b, "<w:pgSz w:w=\"%d\" w:h=\"%d\" "
		    "w:orient=\"landscape\"/>", A4_LONG, A4_SHORT);
	else
		buf_printf(b, "<w:pgSz w:w=\"%d\" w:h=\"%d\"/>",
		    A4_SHORT, A4_LONG);
	buf_printf(b, "<w:pgMar w:top=\"%u\" w:right=\"%u\" w:bottom=\"%u\" "
	    "w:left=\"%u\" w:header=\"851\" w:footer=\"992\" w:gutter=\"0\"/>",
	    top, right, bottom, left);
	buf_puts(b, "<w:cols w:space=\"425\"/>"
	    "<w:docGrid w:linePitch=\"360\"/></w:sectPr>");
}

static int
dup_prop(char **out, const char *s, const char *what)
{
	int	rc;

	*out = NULL;
	if (s == NULL)
		return 0;
	if ((rc = docx_check_text(s, what)) != 0)
		return rc;
	if ((*out = strdup(s)) == NULL)
		return error_set(NC_ENOMEM, "out of memory");
	return 0;
}

int
docx_new(struct docx **out, const struct docx_props *props)
{
	struct docx	*d;
	int		 rc;

	*out = NULL;
	if ((d = calloc(1, sizeof *d)) == NULL)
		return error_set(NC_ENOMEM, "out of memory");
	buf_init(&d->body);
	buf_init(&d->para);
	if (props != NULL) {
		char	w3c[32];
		int	y, mo, da, h, mi, se;

		if ((rc = dup_prop(&d->title, props->title, "title")) != 0 ||
		    (rc = dup_prop(&d->author, props->author, "author")) != 0)
			goto fail;
		if (props->created != NULL &&
		    ((rc = opc_parse_created(props->created, w3c, &y, &mo, &da,
		    &h, &mi, &se)) != 0 ||
		    (rc = dup_prop(&d->created, props->created, "created")) != 0))
			goto fail;
	}
	*out = d;
	return 0;
fail:
	docx_free(d);
	return rc;
}

void
docx_free(struct docx *d)
{
	size_t	i;

	if (d == NULL)
		return;
	buf_free(&d->body);
	buf_free(&d->para);
	free(d->sections);
	free(d->header);
	free(d->footer);
	free(d->title);
	free(d->author);
	free(d->created);
	for (i = 0; i < d->ncharts; i++) {
		free(d->charts[i].xml);
		free(d->charts[i].xlsx);
	}
	free(d->charts);
	free(d->errmsg);
	free(d);
}

static int
not_open(const struct docx *d)
{
	if (d->open)
		return error_set(NC_EINVALID, "a paragraph is still open: "
		    "end it with docx_para_end()");
	return 0;
}

static int
page_impl(struct docx *d, const struct docx_page *pg)
{
	struct docx_page	 def, *v;
	int			 rc;

	if ((rc = not_open(d)) != 0)
		return rc;
	if (pg == NULL) {
		memset(&def, 0, sizeof def);
		pg = &def;
	}
	if (pg->margin_top > 100 || pg->margin_right > 100 ||
	    pg->margin_bottom > 100 || pg->margin_left > 100)
		return error_set(NC_EINVALID, "page margins %u, %u, %u, %u mm "
		    "out of range: at most 100 mm", pg->margin_top,
		    pg->margin_right, pg->margin_bottom, pg->margin_left);
	if (page_text_twips(pg) < CHAR_TWIPS * 10)
		return error_set(NC_EINVALID, "page margins %u + %u mm leave "
		    "no room for text", pg->margin_left, pg->margin_right);
	if (d->used) {
		v = realloc(d->sections, (d->nsections + 1) * sizeof *v);
		if (v == NULL)
			return error_set(NC_ENOMEM, "out of memory");
		d->sections = v;
		d->sections[d->nsections++] = d->page;
		buf_puts(&d->body, "<w:p><w:pPr>");
		buf_putc(&d->body, SECT_MARK);
		buf_puts(&d->body, "</w:pPr></w:p>");
		if ((rc = buf_ok(&d->body)) != 0)
			return rc;
		d->used = 0;
		d->last_table = 0;
		d->last_para_short = 0;
		d->nsect = 0;
	}
	d->page = *pg;
	return 0;
}

unsigned
docx_text_width(const struct docx *d)
{
	return page_text_twips(&d->page) * 100 / CHAR_TWIPS;
}

static int
para_begin(struct docx *d, const struct docx_para_style *ps,
    const char *pstyle)
{
	static const struct docx_para_style	 zero;
	int					 rc;

	if ((rc = not_open(d)) != 0)
		return rc;
	if (ps == NULL)
		ps = &zero;
	buf_reset(&d->para);
	buf_puts(&d->para, "<w:p>");
	put_ppr(&d->para, pstyle, ps);
	if ((rc = buf_ok(&d->para)) != 0)
		return rc;
	d->pstyle = *ps;
	d->open = 1;
	d->para_width = 0;
	d->para_breaks = 0;
	d->para_tab = 0;
	d->para_heading = pstyle != NULL && strncmp(pstyle, "Heading", 7) == 0;
	return 0;
}

int
docx_para_begin(struct docx *d, const struct docx_para_style *ps)
{
	DOCX_CALL(d, para_begin(d, ps, NULL));
}

static void
put_run(struct buf *b, const char *text, const struct docx_run_style *rs)
{
	buf_puts(b, "<w:r>");
	put_rpr(b, rs->bold, rs->gothic, rs->underline, rs->size, 0);
	put_run_text(b, text, strlen(text));
	buf_puts(b, "</w:r>");
}

/*
 * 均等割り付け by character spacing after every character but the last,
 * which is as exact as Word's fitText and rendered the same everywhere.
 */
static void
put_spread_run(struct buf *b, const char *text,
    const struct docx_run_style *rs)
{
	size_t		 len = strlen(text), off, n, last = 0, nchars = 0;
	uint32_t	 cp;
	unsigned	 width = docx_measure(text);
	unsigned	 size = rs->size != 0 ? rs->size : BODY_SIZE;
	long		 extra;

	for (off = 0; off < len; off += n) {
		n = text_utf8_decode(&cp, text + off, len - off);
		if (opc_xml_forbidden(cp) || cp == '\t' || cp == '\n' ||
		    cp == '\r') {
			put_run(b, text, rs);
			return;
		}
		last = off;
		nchars++;
	}
	if (nchars < 2 || width >= rs->spread) {
		put_run(b, text, rs);
		return;
	}
	/* Hundredths of a character at this size, in twips. */
	extra = (long)(rs->spread - width) * (long)size * 10 / 100;
	buf_puts(b, "<w:r>");
	put_rpr(b, rs->bold, rs->gothic, rs->underline, rs->size,
	    (int)(extra / (long)(nchars - 1)));
	put_run_text(b, text, last);
	buf_puts(b, "</w:r><w:r>");
	put_rpr(b, rs->bold, rs->gothic, rs->underline, rs->size, 0);
	put_run_text(b, text + last, len - last);
	buf_puts(b, "</w:r>");
}

static char	*fill_wrap(const char *, unsigned);

/*
 * The text of a hanging item (a label, a tab, then the text: (2)→調達に…,
 * 6 意見 (1)→【提案依頼書（案）…】…) with the writer's own line breaks at
 * the room its lines have, from the indent to the right margin, or NULL
 * for the text as it is: not after a tab, not hanging, a line or less,
 * or failure.  LibreOffice broke the conditions of a 可否決定通知 and the
 * opinions of an 意見書 between any two characters: 妥当性を確／認する
 * こと, 調整指／数, 技術／点.
 */
static char *
hang_break(struct docx *d, const char *text,
    const struct docx_run_style *rs)
{
	const struct docx_para_style	*ps = &d->pstyle;
	unsigned			 room, size, in;
	char				*w;

	if (!d->para_tab || ps->indent_first >= 0 ||
	    strpbrk(text, "\r\n\t") != NULL)
		return NULL;
	in = (unsigned)abs(ps->indent_left) + (unsigned)abs(ps->indent_right);
	if ((room = docx_text_width(d)) <= in + 500)
		return NULL;
	size = rs->size != 0 ? rs->size : BODY_SIZE;
	room = (room - in) * BODY_SIZE / size;
	if (textfit_width(text) <= room || (w = fill_wrap(text, room)) == NULL)
		return NULL;
	if (strchr(w, '\n') == NULL) {
		free(w);
		return NULL;
	}
	return w;
}

static int
run_impl(struct docx *d, const char *text, const struct docx_run_style *rs)
{
	struct docx_run_style	 def;
	char			*lines;
	size_t			 mark;
	unsigned		 w;
	int			 rc;

	if (!d->open)
		return error_set(NC_EINVALID, "no open paragraph for a run");
	if (text == NULL)
		text = "";
	if ((rc = docx_check_text(text, "paragraph text")) != 0)
		return rc;
	if (rs == NULL) {
		memset(&def, 0, sizeof def);
		def.bold = d->pstyle.bold;
		def.gothic = d->pstyle.gothic;
		def.size = d->pstyle.size;
		rs = &def;
	}
	mark = d->para.len;
	if (rs->spread != 0)
		put_spread_run(&d->para, text, rs);
	else if ((lines = hang_break(d, text, rs)) != NULL) {
		put_run(&d->para, lines, rs);
		free(lines);
	} else
		put_run(&d->para, text, rs);
	d->para_tab = 0;
	if ((rc = buf_ok(&d->para)) != 0) {
		d->para.len = mark;
		return rc;
	}
	w = rs->spread > docx_measure(text) ? rs->spread : docx_measure(text);
	d->para_width += w * (rs->size != 0 ? rs->size : BODY_SIZE) /
	    BODY_SIZE;
	if (strpbrk(text, "\r\n") != NULL)
		d->para_breaks = 1;
	return 0;
}

static int
run_tab_impl(struct docx *d)
{
	if (!d->open)
		return error_set(NC_EINVALID, "no open paragraph for a tab");
	buf_puts(&d->para, "<w:r><w:tab/></w:r>");
	d->para_tab = 1;
	return buf_ok(&d->para);
}

/* Insert s at byte off of b. */
static void
buf_insert(struct buf *b, size_t off, const char *s)
{
	size_t	n = strlen(s);

	if (buf_grow(b, n) != 0)
		return;
	memmove(b->data + off + n, b->data + off, b->len - off + 1);
	memcpy(b->data + off, s, n);
	b->len += n;
}

/* Add <w:keepNext/> to the paragraph starting at byte off of b. */
static void
keep_with_next(struct buf *b, size_t off)
{
	char	*p = b->data + off, *end, *q;
	size_t	 at;

	if (b->failed || strncmp(p, "<w:p>", 5) != 0)
		return;
	if (strncmp(p + 5, "<w:pPr>", 7) != 0) {
		buf_insert(b, off + 5, "<w:pPr><w:keepNext/></w:pPr>");
		return;
	}
	if ((end = strstr(p, "</w:pPr>")) == NULL)
		return;
	for (q = p; q < end; q++)
		if (strncmp(q, "<w:keepNext/>", 13) == 0)
			return;
	at = off + 12;
	/* CT_PPr order: pStyle, then keepNext. */
	if (strncmp(b->data + at, "<w:pStyle ", 10) == 0 &&
	    (q = strstr(b->data + at, "/>")) != NULL)
		at = (size_t)(q - b->data) + 2;
	buf_insert(b, at, "<w:keepNext/>");
}

/* The body ends with a short paragraph: keep it with what comes next. */
static void
keep_caption(struct docx *d)
{
	if (d->last_para_short && d->body.len > d->last_para)
		keep_with_next(&d->body, d->last_para);
	d->last_para_short = 0;
}

/*
 * A note's mark at the start of a paragraph's text (注, ※, 備考, 出典):
 * the note belongs to the table it follows.
 */
static int
is_note(const char *xml)
{
	static const char *const marks[] = { "※", "＊", "注）", "注)",
	    "注：", "注:", "注　", "注1", "注2", "注１", "注２", "（注",
	    "(注", "備考：", "備考　", "出典：", "（出典" };
	const char	*t;
	size_t		 i;

	for (t = xml; (t = strstr(t, "<w:t")) != NULL; t += 4)
		if (t[4] == '>' || t[4] == ' ')
			break;
	if (t == NULL || (t = strchr(t, '>')) == NULL)
		return 0;
	t++;
	for (i = 0; i < sizeof marks / sizeof marks[0]; i++)
		if (strncmp(t, marks[i], strlen(marks[i])) == 0)
			return 1;
	return 0;
}

/*
 * The body ends with a table and a short note comes after it: the last
 * row's paragraphs keep with the next, so the note never starts a page
 * alone (the rows before the last already keep with it, KEEP_TAIL).
 */
static void
keep_last_row(struct docx *d)
{
	size_t	 off = d->last_row;
	char	*p;

	while (!d->body.failed && off < d->body.len &&
	    (p = strstr(d->body.data + off, "<w:p>")) != NULL) {
		off = (size_t)(p - d->body.data);
		keep_with_next(&d->body, off);
		off += 5;
	}
}

static int
keep_next_impl(struct docx *d)
{
	int	rc;

	if ((rc = not_open(d)) != 0)
		return rc;
	if (d->last_table)
		keep_last_row(d);
	else if (d->body.len > d->last_para)
		keep_with_next(&d->body, d->last_para);
	return buf_ok(&d->body);
}

int
docx_keep_next(struct docx *d)
{
	DOCX_CALL(d, keep_next_impl(d));
}

static int
para_end_impl(struct docx *d)
{
	const struct docx_para_style	*ps = &d->pstyle;
	unsigned			 room;
	int				 rc, shortp, note;

	if (!d->open)
		return error_set(NC_EINVALID, "no open paragraph to end");
	d->open = 0;
	buf_puts(&d->para, "</w:p>");
	if ((rc = buf_ok(&d->para)) != 0)
		return rc;
	room = docx_text_width(d);
	room = room > (unsigned)abs(ps->indent_left) + (unsigned)abs(ps->indent_right) ?
	    room - (unsigned)abs(ps->indent_left) - (unsigned)abs(ps->indent_right) : 0;
	shortp = !d->para_breaks && d->para_width <= room;
	/*
	 * A short bold, gothic or large line is a heading made by hand: it
	 * stays with what follows, never alone at the bottom of a page.
	 */
	if (shortp && d->para_width > 0 && (ps->bold || ps->gothic ||
	    ps->size > BODY_SIZE) && !ps->keep_next)
		keep_with_next(&d->para, 0);
	if ((rc = buf_ok(&d->para)) != 0)
		return rc;
	note = d->last_table && !d->para_breaks && d->para_width > 0 &&
	    d->para_width <= NOTE_LINES * room && (ps->table_note ||
	    is_note(d->para.data));
	if (note)
		keep_last_row(d);
	d->last_para = d->body.len;
	buf_add(&d->body, d->para.data, d->para.len);
	if ((rc = buf_ok(&d->body)) != 0)
		return rc;
	d->last_para_end = d->body.len;
	if (d->para_heading) {
		d->sect[0] = d->last_para;
		d->nsect = 1;
		d->sect_lines = 1;
	} else if (d->nsect > 0 && d->nsect < SECT_MAX) {
		d->sect[d->nsect++] = d->last_para;
		d->sect_last = 1 + (unsigned)d->para_breaks +
		    (room > 0 ? d->para_width / room : 0);
		d->sect_lines += d->sect_last;
	} else
		d->nsect = 0;
	/*
	 * A note belongs to the table above it, not to a table or chart
	 * after it: kept with both, it took the table's last rows along to
	 * the next page with a chart too tall for the rest of this one.
	 */
	d->last_para_short = !note && !d->para_breaks &&
	    d->para_width <= LEAD_LINES * room;
	d->used = 1;
	d->last_table = 0;
	return 0;
}

static size_t	hang_label_end(const char *, const struct docx_para_style *,
		    const char *);

/*
 * A justified paragraph spreads the characters of a line that ends short
 * across the whole line: 業 務 シ ス テ ム の … 確 認 where （No.15）, a
 * half-width word in brackets, which no line may break (a Latin word
 * whole, no line ending with （), did not fit the end of the first line
 * of the 特記事項 report's 今後の取組 and went to the next.  Does text,
 * wrapped as the applications wrap Japanese (between any two characters
 * but inside a run of half-width ones, before closing marks or small
 * kana, after opening brackets) at room hundredths, first less first,
 * leave a line but the last LOOSE_GAP or more short of room?  Such a
 * paragraph is set flush left: its lines as they fall.
 */
#define LOOSE_GAP	200

static int	no_line_start(uint32_t);

static int
no_line_end(uint32_t c)
{
	return c == '(' || c == '[' || c == 0xFF08 /* （ */ ||
	    c == 0x300C /* 「 */ || c == 0x300E /* 『 */ ||
	    c == 0x3010 /* 【 */ || c == 0x3014 /* 〔 */ || c == 0xFF3B;
}

static int
half_word(uint32_t c)
{
	return c > ' ' && c < 0x80;
}

static int
loose_line(const char *text, unsigned room, unsigned first)
{
	const char	*p = text, *end = text + strlen(text);
	char		 one[8];
	unsigned	 used = 0, at_break = 0, line_room, w;
	uint32_t	 c, prev = 0;
	size_t		 n;
	int		 lines = 0, can;

	line_room = room > first ? room - first : room;
	while (*p != '\0') {
		n = text_utf8_decode(&c, p, (size_t)(end - p));
		if (n == 0 || n >= sizeof one || c == '\n' || c == '\r' ||
		    c == '\t')
			return 0;
		memcpy(one, p, n);
		one[n] = '\0';
		w = textfit_width(one);
		/* may a line end before c? */
		can = used > 0 && !no_line_start(c) && !no_line_end(prev) &&
		    !(half_word(prev) && half_word(c));
		if (can)
			at_break = used;
		if (used + w > line_room && used > 0) {
			/* the line ends at its last break, what follows on */
			if (at_break == 0)
				return 0;
			if (line_room - at_break >= LOOSE_GAP)
				return 1;
			used -= at_break;
			at_break = 0;
			line_room = room;
			if (++lines > 64)
				return 0;
		}
		used += w;
		prev = c;
		p += n;
	}
	return 0;
}

static int
add_para(struct docx *d, const char *text, const struct docx_para_style *ps,
    const char *pstyle)
{
	struct docx_para_style	 flush;
	char	*tabbed = NULL;
	size_t	 at;
	int	 rc;

	if ((rc = docx_check_text(text, "paragraph text")) != 0)
		return rc;
	/*
	 * 以上 closes a document: never alone at the top of a page, and a
	 * short last section goes whole to the next page rather than leave
	 * its last lines alone there.
	 */
	if (text != NULL && strcmp(text, "以上") == 0 && !d->open &&
	    d->body.len == d->last_para_end && d->body.len > d->last_para) {
		size_t	i;

		/* the last first: an insertion moves what follows it */
		if (d->nsect >= 2 && d->sect_lines <= SECT_KEEP_LINES)
			for (i = d->nsect; i-- > 0;)
				keep_with_next(&d->body, d->sect[i]);
		else {
			keep_with_next(&d->body, d->last_para);
			if (d->nsect >= 3 && d->sect_last <= SECT_TAIL_LINES)
				keep_with_next(&d->body, d->sect[d->nsect - 2]);
		}
	}
	/* 1<TAB>外部宛て…: the text where the lines under it hang */
	if ((at = hang_label_end(text, ps, pstyle)) > 0) {
		if ((tabbed = malloc(strlen(text) + 1)) == NULL)
			return error_set(NC_ENOMEM, "out of memory");
		memcpy(tabbed, text, at);
		tabbed[at] = '\t';
		strcpy(tabbed + at + 1, text + at + 3);
		text = tabbed;
	}
	/* a line that ends short spread across its line: flush left */
	memset(&flush, 0, sizeof flush);
	if (ps != NULL)
		flush = *ps;
	if (text != NULL && pstyle == NULL && flush.align == DOCX_JUSTIFY &&
	    flush.indent_first >= 0 && (flush.size == 0 ||
	    flush.size == BODY_SIZE)) {
		unsigned	room = docx_text_width(d), in;

		in = (unsigned)abs(flush.indent_left) +
		    (unsigned)abs(flush.indent_right);
		if (room > in + 1000 && loose_line(text, room - in,
		    (unsigned)flush.indent_first)) {
			flush.align = DOCX_LEFT;
			ps = &flush;
		}
	}
	if ((rc = para_begin(d, ps, pstyle)) != 0) {
		free(tabbed);
		return rc;
	}
	if (text != NULL && *text != '\0' &&
	    (rc = run_impl(d, text, NULL)) != 0) {
		d->open = 0;
		free(tabbed);
		return rc;
	}
	free(tabbed);
	return para_end_impl(d);
}

/*
 * Where a body paragraph that hangs starts with a number and a
 * full-width space (a test's choice, 1　外部宛てメールの…), the byte
 * offset of that space, to be set as a tab; else 0.  The number prints
 * narrower than the half a character it is counted (1 is 0.57 of a
 * character in the fonts), so the text after the space began 0.4 of a
 * character left of the lines hanging under it; a tab goes to the
 * hanging indent itself (Word and LibreOffice take it as the first tab
 * stop), where those lines start.  Only where the number and a
 * character fit the hang, and not where the caller set tab stops.
 */
static size_t
hang_label_end(const char *text, const struct docx_para_style *ps,
    const char *pstyle)
{
	size_t	n;

	if (text == NULL || ps == NULL || pstyle != NULL ||
	    ps->indent_first >= 0 || ps->tabs[0] != 0)
		return 0;
	for (n = 0; n < 3 && text[n] >= '0' && text[n] <= '9'; n++)
		;
	if (n == 0 || n > 2 || strncmp(text + n, "　", 3) != 0 ||
	    (int)(n * 50 + 100) > -ps->indent_first)
		return 0;
	return n;
}

int
docx_add_para(struct docx *d, const char *text,
    const struct docx_para_style *ps)
{
	DOCX_CALL(d, add_para(d, text, ps, NULL));
}

int
docx_add_blank(struct docx *d)
{
	DOCX_CALL(d, add_para(d, NULL, NULL, NULL));
}

int
docx_add_closing(struct docx *d)
{
	struct docx_para_style	right;

	memset(&right, 0, sizeof right);
	right.align = DOCX_RIGHT;
	right.space_before = 10;
	DOCX_CALL(d, add_para(d, "以上", &right, NULL));
}

static int
page_break_impl(struct docx *d)
{
	int	rc;

	if ((rc = not_open(d)) != 0)
		return rc;
	buf_puts(&d->body, "<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>");
	if ((rc = buf_ok(&d->body)) != 0)
		return rc;
	d->last_para_short = 0;
	d->nsect = 0;
	d->used = 1;
	d->last_table = 0;
	return 0;
}

static int
check_level(int level)
{
	if (level < 1 || level > 4)
		return error_set(NC_EINVALID, "heading level %d out of range: "
		    "expected 1 to 4", level);
	return 0;
}

static int
heading_impl(struct docx *d, int level, const char *text)
{
	char	style[16];
	int	rc;

	if ((rc = check_level(level)) != 0)
		return rc;
	snprintf(style, sizeof style, "Heading%d", level);
	return add_para(d, text, NULL, style);
}

/* 公用文 order after 1 and (1): アイウエオ order, without ヰ and ヱ. */
static const char *const katakana[] = {
	"ア", "イ", "ウ", "エ", "オ", "カ", "キ", "ク", "ケ", "コ",
	"サ", "シ", "ス", "セ", "ソ", "タ", "チ", "ツ", "テ", "ト",
	"ナ", "ニ", "ヌ", "ネ", "ノ", "ハ", "ヒ", "フ", "ヘ", "ホ",
	"マ", "ミ", "ム", "メ", "モ", "ヤ", "ユ", "ヨ", "ラ", "リ",
	"ル", "レ", "ロ", "ワ", "ヲ", "ン",
};

int
docx_outline_label(char *out, size_t outsz, int level, unsigned n)
{
	size_t	nk = sizeof katakana / sizeof katakana[0];
	int	rc, w, kana, paren;

	if ((rc = check_level(level)) != 0)
		return rc;
	if (n == 0)
		return error_set(NC_EINVALID, "item 0 at outline level %d",
		    level);
	/*
	 * After ン the count goes on in figures, ン then 47: a list of 47
	 * at ア failed the whole document (a 次第 of the third year).
	 */
	kana = (level == 3 || level == 4) && n <= nk;
	paren = level == 2 || level == 4;
	if (kana && paren)
		w = snprintf(out, outsz, "(%s)", katakana[n - 1]);
	else if (kana)
		w = snprintf(out, outsz, "%s", katakana[n - 1]);
	else if (paren)
		w = snprintf(out, outsz, "(%u)", n);
	else
		w = snprintf(out, outsz, "%u", n);
	if (w < 0 || (size_t)w >= outsz)
		return error_set(NC_EINVALID, "outline label buffer too small");
	return 0;
}

static int
outline_heading_impl(struct docx *d, int level, const char *text)
{
	struct docx_para_style	 ps;
	struct buf		 b = BUF_INIT;
	char			 label[32], style[16];
	unsigned		 n;
	int			 rc, i;

	if ((rc = check_level(level)) != 0)
		return rc;
	if ((rc = docx_check_text(text, "heading text")) != 0)
		return rc;
	/* A level without a parent (ア directly under 1) starts at 1. */
	n = d->outline[level - 1] + 1;
	if ((rc = docx_outline_label(label, sizeof label, level, n)) != 0)
		return rc;
	buf_printf(&b, "%s　%s", label, text != NULL ? text : "");
	if ((rc = buf_ok(&b)) != 0)
		goto done;
	/* The label hangs, so a long heading wraps under its own text. */
	memset(&ps, 0, sizeof ps);
	ps.indent_first = -(int)docx_measure(label) - 100;
	ps.indent_left = (level - 1) * 100 - ps.indent_first;
	snprintf(style, sizeof style, "Heading%d", level);
	if ((rc = add_para(d, b.data, &ps, style)) != 0)
		goto done;
	d->outline[level - 1] = n;
	for (i = level; i < 4; i++)
		d->outline[i] = 0;
	d->depth = level;
done:
	buf_free(&b);
	return rc;
}

static int
outline_body_impl(struct docx *d, const char *text, int whole)
{
	struct docx_para_style	ps;

	memset(&ps, 0, sizeof ps);
	ps.indent_left = d->depth * 100;
	ps.indent_first = 100;
	ps.keep_lines = whole;
	return add_para(d, text, &ps, NULL);
}

/* Tables. */

int
docx_table_new(struct docx_table **out, size_t ncols, const unsigned *widths)
{
	struct docx_table	*t;
	size_t			 i;

	*out = NULL;
	if (ncols == 0 || ncols > 63)
		return error_set(NC_EINVALID, "a table needs 1 to 63 columns, "
		    "not %zu", ncols);
	for (i = 0; widths != NULL && i < ncols; i++)
		if (widths[i] == 0 || widths[i] > 100000)
			return error_set(NC_EINVALID, "width %u of column %zu "
			    "out of range", widths[i], i + 1);
	if ((t = calloc(1, sizeof *t)) == NULL ||
	    (t->weights = calloc(ncols, sizeof *t->weights)) == NULL) {
		free(t);
		return error_set(NC_ENOMEM, "out of memory");
	}
	t->ncols = ncols;
	t->auto_widths = widths == NULL;
	for (i = 0; i < ncols; i++)
		t->weights[i] = widths != NULL ? widths[i] : 1;
	*out = t;
	return 0;
}

void
docx_table_free(struct docx_table *t)
{
	size_t	i;

	if (t == NULL)
		return;
	for (i = 0; i < t->nrows * t->ncols; i++)
		free(t->cells[i].text);
	for (i = 0; i < t->nsizing * t->ncols; i++)
		free(t->sizing[i].text);
	free(t->cells);
	free(t->sizing);
	free(t->weights);
	free(t->errmsg);
	free(t);
}

static int
table_rows(struct docx_table *t, size_t nrows)
{
	struct cell	*v;

	if (nrows <= t->nrows)
		return 0;
	if (nrows > 100000)
		return error_set(NC_EINVALID, "table row %zu out of range",
		    nrows);
	if ((v = realloc(t->cells, nrows * t->ncols * sizeof *v)) == NULL)
		return error_set(NC_ENOMEM, "out of memory");
	memset(v + t->nrows * t->ncols, 0,
	    (nrows - t->nrows) * t->ncols * sizeof *v);
	t->cells = v;
	t->nrows = nrows;
	return 0;
}

static struct cell *
cell_at(const struct docx_table *t, size_t row, size_t col)
{
	return &t->cells[row * t->ncols + col];
}

static int
header_rows_impl(struct docx_table *t, size_t nrows)
{
	if (nrows > 100000)
		return error_set(NC_EINVALID, "%zu header rows out of range",
		    nrows);
	t->header_rows = nrows;
	return 0;
}

static int
cell_impl(struct docx_table *t, size_t row, size_t col,
    const char *text, const struct docx_para_style *ps)
{
	struct cell	*c;
	char		*copy = NULL;
	char		 what[64];
	int		 rc;

	if (col >= t->ncols)
		return error_set(NC_EINVALID, "column %zu out of range: the "
		    "table has %zu columns", col + 1, t->ncols);
	snprintf(what, sizeof what, "table cell (%zu, %zu)", row + 1,
	    col + 1);
	if ((rc = docx_check_text(text, what)) != 0)
		return rc;
	if ((rc = table_rows(t, row + 1)) != 0)
		return rc;
	c = cell_at(t, row, col);
	if (c->covered)
		return error_set(NC_EINVALID, "%s is inside the merge from "
		    "(%zu, %zu)", what, c->orow + 1, c->ocol + 1);
	if (text != NULL && (copy = strdup(text)) == NULL)
		return error_set(NC_ENOMEM, "out of memory");
	free(c->text);
	c->text = copy;
	c->styled = ps != NULL;
	if (ps != NULL)
		c->style = *ps;
	return 0;
}

static int
merge_impl(struct docx_table *t, size_t row, size_t col, size_t nrows,
    size_t ncols)
{
	struct cell	*c;
	size_t		 r, k;
	int		 rc;

	if (nrows == 0 || ncols == 0 || col >= t->ncols ||
	    ncols > t->ncols - col)
		return error_set(NC_EINVALID, "merge of %zu x %zu cells from "
		    "(%zu, %zu) out of range: the table has %zu columns",
		    nrows, ncols, row + 1, col + 1, t->ncols);
	if (nrows > 100000 || row > 100000)
		return error_set(NC_EINVALID, "merge from row %zu out of "
		    "range", row + 1);
	if ((rc = table_rows(t, row + nrows)) != 0)
		return rc;
	for (r = row; r < row + nrows; r++)
		for (k = col; k < col + ncols; k++) {
			c = cell_at(t, r, k);
			if (c->covered || c->rspan > 1 || c->cspan > 1)
				return error_set(NC_EINVALID, "merge from "
				    "(%zu, %zu) overlaps another merge",
				    row + 1, col + 1);
			if ((r != row || k != col) && c->text != NULL &&
			    *c->text != '\0')
				return error_set(NC_EINVALID, "merge from "
				    "(%zu, %zu) would hide the text of cell "
				    "(%zu, %zu)", row + 1, col + 1, r + 1,
				    k + 1);
		}
	for (r = row; r < row + nrows; r++)
		for (k = col; k < col + ncols; k++) {
			c = cell_at(t, r, k);
			if (r == row && k == col)
				continue;
			c->covered = 1;
			c->orow = row;
			c->ocol = col;
		}
	c = cell_at(t, row, col);
	c->rspan = nrows;
	c->cspan = ncols;
	return 0;
}

/*
 * Cell margins, twips each side: Word's default (1.9 mm), and the narrow
 * ones (1 mm) a dense table takes when its words do not fit otherwise
 * (eight columns of whole words in a portrait page).  CELL_SLACK is the
 * room a cell keeps beyond its text for borders and rounding.
 */
#define CELL_MARGIN		108
/*
 * Above and below a cell's text, twips: at none, LibreOffice set a
 * cell's first and last lines against its rules, the last of a cell at
 * 9 pt across its bottom rule.
 */
#define CELL_PAD		12
#define STR_(x)			#x
#define STR(x)			STR_(x)
#define CELL_MARGIN_NARROW	57
#define CELL_SLACK		40

/* The size of a cell's text, half-points: its style's, or the body's. */
static unsigned
cell_size(const struct cell *c)
{
	return c->styled && c->style.size != 0 ? c->style.size : BODY_SIZE;
}

/* What a cell's width must hold, in twips: text at its size, margins. */
static unsigned
cell_twips(unsigned hundredths, const struct cell *c, unsigned margin)
{
	unsigned	size = cell_size(c);

	if (hundredths == 0)
		return 0;
	return (unsigned)twips((int)(hundredths * size / BODY_SIZE)) +
	    2 * margin + CELL_SLACK;
}

/*
 * A list of three or more short items joined by ・ (契約等の締結前・締結当初・
 * 履行中): it breaks after a ・, so its column needs only its widest item
 * (with its ・) on a line, not the whole list as a name; a sentence
 * (。、) is not one.  Returns that width in hundredths, or 0 for a text
 * that is not such a list.
 */
static unsigned
list_item_width(const char *s)
{
	static const char	 dot[] = "・";
	const char		*p, *q;
	char			 item[256];
	unsigned		 w, max = 0;
	size_t			 n, dots = 0;

	if (s == NULL || strpbrk(s, "\r\n") != NULL || strstr(s, "。") != NULL ||
	    strstr(s, "、") != NULL)
		return 0;
	for (p = s; (q = strstr(p, dot)) != NULL; p = q + sizeof dot - 1)
		dots++;
	if (dots < 2)
		return 0;
	for (p = s; *p != '\0'; p = q) {
		q = strstr(p, dot);
		q = q != NULL ? q + sizeof dot - 1 : p + strlen(p);
		if ((n = (size_t)(q - p)) >= sizeof item)
			return 0;
		memcpy(item, p, n);
		item[n] = '\0';
		if ((w = textfit_width(item)) > max)
			max = w;
	}
	return max;
}

/*
 * The list s (list_item_width() not 0) in lines of at most room
 * (hundredths), broken after ・ with newlines: 契約等の締結前・／締結当初・
 * 履行中, never 締結当初・履行／中.  NULL when it fits whole or on failure.
 */
static char *
list_break(const char *s, unsigned room)
{
	static const char	 dot[] = "・";
	struct buf		 b = BUF_INIT;
	const char		*p, *q;
	char			 item[256];
	unsigned		 w, line = 0;
	size_t			 n;

	if (textfit_width(s) <= room)
		return NULL;
	for (p = s; *p != '\0'; p = q) {
		q = strstr(p, dot);
		q = q != NULL ? q + sizeof dot - 1 : p + strlen(p);
		if ((n = (size_t)(q - p)) >= sizeof item) {
			buf_free(&b);
			return NULL;
		}
		memcpy(item, p, n);
		item[n] = '\0';
		w = textfit_width(item);
		if (line > 0 && line + w > room) {
			buf_putc(&b, '\n');
			line = 0;
		}
		buf_add(&b, p, n);
		line += w;
	}
	if (buf_ok(&b) != 0) {
		buf_free(&b);
		return NULL;
	}
	return buf_detach(&b, &n);
}

/* Longest paragraph of a cell docx_widow_break() looks at, in characters. */
#define WIDOW_SCAN	400
/* How far back the break may move, in characters. */
#define WIDOW_BACK	8
/*
 * LibreOffice and Word fit up to a character more on a line than
 * textfit measures (narrower Latin letters and digits: "学校ICT端末の持ち
 * 帰り時のフィルタリ／ング" at a room textfit gives "…フィルタ／リング"):
 * a last line is looked at with this much more room too, hundredths.
 */
#define WIDOW_SLACK	100
/*
 * A paragraph that fits a line with this much more room (hundredths; about
 * the CELL_SLACK a cell keeps) may print on one line: it is not broken.
 */
#define WIDOW_FIT	50
/*
 * As much for a heading of Japanese alone, which prints as wide as
 * measured: about the cell's slack (CELL_SLACK), hundredths.
 */
#define JAPANESE_FIT	15
/* Every byte of UTF-8 other than ASCII: text of Japanese alone. */
#define JAPANESE_BYTES	"\x80\x81\x82\x83\x84\x85\x86\x87\x88\x89\x8a" \
	"\x8b\x8c\x8d\x8e\x8f\x90\x91\x92\x93\x94\x95\x96\x97\x98\x99" \
	"\x9a\x9b\x9c\x9d\x9e\x9f\xa0\xa1\xa2\xa3\xa4\xa5\xa6\xa7\xa8" \
	"\xa9\xaa\xab\xac\xad\xae\xaf\xb0\xb1\xb2\xb3\xb4\xb5\xb6\xb7" \
	"\xb8\xb9\xba\xbb\xbc\xbd\xbe\xbf\xc0\xc1\xc2\xc3\xc4\xc5\xc6" \
	"\xc7\xc8\xc9\xca\xcb\xcc\xcd\xce\xcf\xd0\xd1\xd2\xd3\xd4\xd5" \
	"\xd6\xd7\xd8\xd9\xda\xdb\xdc\xdd\xde\xdf\xe0\xe1\xe2\xe3\xe4" \
	"\xe5\xe6\xe7\xe8\xe9\xea\xeb\xec\xed\xee\xef\xf0\xf1\xf2\xf3" \
	"\xf4"

/*
 * How much wider than the room a text may be and still print on one
 * line: WIDOW_FIT, but only JAPANESE_FIT for Japanese alone, which
 * prints as wide as measured.  A name of 24 characters in a room of
 * 23.8 was left to LibreOffice as one that may fit, and it put 託 of
 * …封入封かん業務委託 alone on a line.
 */
static unsigned
fit_slack(const char *s)
{
	return s[strspn(s, JAPANESE_BYTES)] == '\0' ? JAPANESE_FIT : WIDOW_FIT;
}

/* A line may not start with it (行頭禁則): closing marks, small kana. */
static int
no_line_start(uint32_t c)
{
	static const char	 marks[] = "）」』】〕、。，．・：；？！ー"
				    "ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮ";
	const char		*p = marks;
	uint32_t		 m;
	size_t			 k, len = sizeof marks - 1;

	if (c == ')' || c == ']' || c == ',' || c == '.' || c == '%' ||
	    c == 0xFF05)
		return 1;
	while ((size_t)(p - marks) < len) {
		k = text_utf8_decode(&m, p, len - (size_t)(p - marks));
		if (m == c)
			return 1;
		p += k;
	}
	return 0;
}

static int
is_hiragana(uint32_t c)
{
	return c >= 0x3041 && c <= 0x309F;
}

static int
is_kanji(uint32_t c)
{
	return (c >= 0x4E00 && c <= 0x9FFF) || c == 0x3005;
}

static int
is_katakana(uint32_t c)
{
	return c >= 0x30A1 && c <= 0x30FC && c != 0x30FB;
}

/* Lines and widows of s[0, n) at room. */
static unsigned
prefix_lines(const char *s, size_t n, unsigned room, unsigned *widows)
{
	char		 tmp[WIDOW_SCAN * 4 + 1];
	unsigned	 l;

	memcpy(tmp, s, n);
	tmp[n] = '\0';
	l = textfit_lines(tmp, room);
	if (widows != NULL)
		*widows = textfit_widows(tmp, room);
	return l;
}

/*
 * Where a paragraph p (len bytes, no newline) that leaves one or two
 * characters alone on its last line at room (hundredths) is better
 * broken, as a byte offset, or 0 (the lines before, at room and at the
 * base room measured, as they were, and as many with half a character
 * less: LibreOffice, hanging no 、 at a line end, put …契約に定／めた。 on
 * three lines, "に定" alone; the last whole at base): a few characters earlier, so that the
 * last line holds three or more (…確認／した。 rather than …確認し／た。,
 * 令和8年度 …研修／（第1回） rather than …（第1／回）), before a （ or
 * after a ・, 、 or space first, then after the kana ending a word
 * (…を／削除した。), else not inside a run of kana (フィルタリング, 封かん), never
 * before a closing mark or between two half-width characters, and the
 * lines before left as they were.
 */
static size_t
widow_at(const char *p, size_t len, unsigned room, unsigned base)
{
	uint32_t	 cp[WIDOW_SCAN + 1];
	size_t		 off[WIDOW_SCAN + 1], n = 0, i, k, best = 0;
	unsigned	 lines, w;
	int		 score, top = -1;

	if (len > WIDOW_SCAN * 4 || prefix_lines(p, len, room, &w) < 2 ||
	    w == 0)
		return 0;
	for (i = 0; i < len && n < WIDOW_SCAN; n++) {
		off[n] = i;
		i += text_utf8_decode(&cp[n], p + i, len - i);
	}
	if (i < len)
		return 0;
	off[n] = len;
	lines = prefix_lines(p, len, room, NULL);
	/* the start of the last line: the longest prefix of a line fewer */
	for (k = n; k > 0 && prefix_lines(p, off[k], room, NULL) >= lines; k--)
		;
	for (i = k > WIDOW_BACK ? k - WIDOW_BACK : 1; i < k; i++) {
		if (n - i < TEXTFIT_WIDOW || no_line_start(cp[i]) ||
		    cp[i - 1] == 0xFF08 || cp[i - 1] == 0x300C ||
		    (cp[i - 1] < 0x80 && cp[i] < 0x80 && cp[i - 1] != ' ' &&
		    cp[i] != ' '))
			continue;
		if (prefix_lines(p, off[i], room, &w) != lines - 1 || w != 0 ||
		    prefix_lines(p, off[i], base, &w) != lines - 1 || w != 0 ||
		    base <= WIDOW_FIT || prefix_lines(p, off[i], base -
		    WIDOW_FIT, NULL) != lines - 1 ||
		    prefix_lines(p + off[i], len - off[i], base, NULL) != 1)
			continue;
		if (cp[i] == 0xFF08 || cp[i] == 0x300C || cp[i - 1] == 0x30FB ||
		    cp[i - 1] == 0x3001 || cp[i - 1] == ' ' ||
		    cp[i - 1] == 0x3000)
			score = 3;
		else if (is_hiragana(cp[i - 1]) && !is_hiragana(cp[i]))
			score = 2;	/* after a word's kana: を／削除した。 */
		else if (!(is_katakana(cp[i - 1]) && is_katakana(cp[i])) &&
		    !(is_hiragana(cp[i - 1]) && is_hiragana(cp[i])) &&
		    !(is_kanji(cp[i - 1]) && is_kanji(cp[i])))
			score = 1;
		else
			score = 0;	/* inside フィルタリング, 封かん, 一覧 */
		if (score >= top) {
			top = score;
			best = off[i];
		}
	}
	return best;
}

/*
 * s with a newline put in each paragraph that would leave one or two
 * characters alone on its last line at room (widow_at()), or NULL when
 * none does (or on failure).
 */
char *
docx_widow_break(const char *s, unsigned room)
{
	struct buf	 b = BUF_INIT;
	const char	*p, *nl;
	size_t		 len, at;
	unsigned	 d;
	int		 changed = 0;

	if (strchr(s, '\r') != NULL)
		return NULL;
	for (p = s; p != NULL; p = nl != NULL ? nl + 1 : NULL) {
		nl = strchr(p, '\n');
		len = nl != NULL ? (size_t)(nl - p) : strlen(p);
		/*
		 * Not one that may fit on a line as it is: a forced break
		 * made "対象者区分" two lines where LibreOffice had one.
		 */
		at = 0;
		if (len <= WIDOW_SCAN * 4 &&
		    prefix_lines(p, len, room + WIDOW_FIT, NULL) > 1)
			for (d = 0; at == 0 && d <= WIDOW_SLACK; d += 50)
				at = widow_at(p, len, room + d, room);
		if (at > 0) {
			buf_add(&b, p, at);
			buf_putc(&b, '\n');
			buf_add(&b, p + at, len - at);
			changed = 1;
		} else
			buf_add(&b, p, len);
		if (nl != NULL)
			buf_putc(&b, '\n');
	}
	if (!changed || buf_ok(&b) != 0) {
		buf_free(&b);
		return NULL;
	}
	return buf_detach(&b, &len);
}

/*
 * The part of a cell's room the writer's own lines fill: the fonts'
 * Latin capitals and the spacing around them are wider than textfit
 * counts them, and a line a little too long for Word or LibreOffice is
 * broken again by it before its last character (USB メモリが窓口で／保／
 * 管され).
 */
#define FILL_ROOM(room)	((room) * 96 / 100)

/*
 * A digit or a separator of a figure (年1回, 12,800円, 94.5%): textfit
 * counts each 0.6 of a character and LibreOffice prints a digit at
 * 0.57, a comma or a point at about 0.29, and the space between a digit
 * and Japanese a quarter of a character for its fifth (令和 9 年: 2.1 pt
 * at 10.5).  Japanese with figures alone fills the whole room.  Not a
 * space, though it too prints narrower: a line filled to the edge
 * across one set a label apart from its value (回答期限／令和8年4月16日).
 */
static int
is_figure(char c)
{
	return (c >= '0' && c <= '9') || c == ',' || c == '.';
}

/*
 * What textfit counts s[0..n), Japanese and is_figure() characters, wider
 * than it prints: 3 hundredths a digit, 30 a comma or a point, 5 a
 * change between a digit and Japanese; 0 for text with other half-width
 * characters, whose widths are less sure.
 */
static unsigned
figure_excess(const char *s, size_t n)
{
	unsigned	ex = 0;
	size_t		i;
	int		prev = 0, cur;

	for (i = 0; i < n; i++) {
		if ((unsigned char)s[i] < 0x80 && !is_figure(s[i]))
			return 0;
		if (((unsigned char)s[i] & 0xc0) == 0x80)
			continue;
		if (s[i] >= '0' && s[i] <= '9') {
			cur = 'd';
			ex += 3;
		} else if ((unsigned char)s[i] < 0x80) {
			cur = 's';
			ex += 30;
		} else
			cur = 'j';
		if ((prev == 'd' && cur == 'j') || (prev == 'j' && cur == 'd'))
			ex += 5;
		prev = cur;
	}
	return ex;
}

/*
 * s wrapped at room as its figures print (figure_excess()): wrapped at
 * room and what its figures are over-counted, each line then checked
 * against room with its own excess taken off, so that
 * 特定個人情報ファイルのアクセス記録の確認が年1回にとどまり、 (3010
 * counted, 2997 as printed) goes on a line of 3005.  NULL where that
 * takes more lines than than (s wrapped at room as counted), or a line
 * would not fit.
 */
static char *
figure_wrap(const char *s, unsigned room, const char *than)
{
	unsigned	 ex = figure_excess(s, strlen(s));
	char		*w, line[1024];
	const char	*p, *e;
	size_t		 n;

	if (ex == 0 || (w = textfit_wrap_hang(s, room + ex)) == NULL)
		return NULL;
	if (textfit_count_lines(w) > textfit_count_lines(than))
		goto no;
	for (p = w; ; p = e + 1) {
		if ((e = strchr(p, '\n')) == NULL)
			e = p + strlen(p);
		if ((n = (size_t)(e - p)) >= sizeof line)
			goto no;
		memcpy(line, p, n);
		line[n] = '\0';
		if (textfit_width(line) > room + figure_excess(line, n))
			goto no;
		if (*e == '\0')
			return w;
	}
no:
	free(w);
	return NULL;
}

/*
 * FILL_ROOM of room, but never less than what s keeps whole where that
 * fits the room itself: a column as wide as its widest aside or katakana
 * word (its minimum) broke it for the 4 % (（セグメン／ト）の遮断).
 */
static unsigned
fill_room(const char *s, unsigned room)
{
	unsigned	fill = FILL_ROOM(room), kept;
	const char	*p;

	/*
	 * Japanese only, or with figures (is_figure()): its characters as
	 * wide as counted or narrower, the whole room (統括情報／セキュリティ
	 * 責任者 in nine, not 統括情報セキュリ／ティ)
	 */
	for (p = s; *p != '\0' && ((unsigned char)*p >= 0x80 || *p == '\n' ||
	    is_figure(*p)); p++)
		;
	if (*p == '\0')
		return room;
	if ((kept = textfit_min_piece(s)) > fill && kept <= room)
		fill = kept;
	return fill;
}

/*
 * Does every line of s wider than fill hold only Japanese (measured as
 * wide as it prints)?
 */
static int
wide_lines_japanese(const char *s, unsigned fill)
{
	const char	*p, *e;
	char		 line[1024];
	size_t		 n;

	for (p = s; ; p = e + 1) {
		if ((e = strchr(p, '\n')) == NULL)
			e = p + strlen(p);
		n = (size_t)(e - p);
		if (n >= sizeof line)
			return 0;
		memcpy(line, p, n);
		line[n] = '\0';
		if (textfit_width(line) > fill)
			for (n = 0; line[n] != '\0'; n++)
				if ((unsigned char)line[n] < 0x80)
					return 0;
		if (*e == '\0')
			return 1;
	}
}

/*
 * s wrapped for a cell of room (textfit_wrap_hang() at fill_room()), or
 * at the whole room where that takes no more lines and its lines wider
 * than the fill are Japanese only, which prints as wide as measured
 * (最高情報／セキュリティ責任者／（CISO） in nine characters, not
 * 最高情報セキュリ／ティ責任者); Japanese with figures as they print
 * (figure_wrap()).
 */
static char *
fill_wrap(const char *s, unsigned room)
{
	unsigned	 fill = fill_room(s, room);
	char		*out, *full;

	if ((out = textfit_wrap_hang(s, fill)) == NULL)
		return out;
	if (fill >= room) {
		if ((full = figure_wrap(s, room, out)) != NULL) {
			free(out);
			return full;
		}
		return out;
	}
	if ((full = textfit_wrap_hang(s, room)) != NULL &&
	    textfit_count_lines(full) <= textfit_count_lines(out) &&
	    wide_lines_japanese(full, fill)) {
		free(out);
		return full;
	}
	free(full);
	return out;
}

/* Is s running text: a sentence or a clause (。 or 、)? */
static int
is_sentence(const char *s)
{
	return strstr(s, "。") != NULL || strstr(s, "、") != NULL;
}

/* Lines of s (at its line feeds) of one or two characters. */
static unsigned
short_lines(const char *s)
{
	const char	*p, *e;
	unsigned	 n = 0, k;
	uint32_t	 cp;

	for (p = s; ; p = e + 1) {
		e = strchr(p, '\n');
		if (e == NULL)
			e = p + strlen(p);
		for (k = 0; p < e && k < TEXTFIT_WIDOW; k++)
			p += text_utf8_decode(&cp, p, (size_t)(e - p));
		n += k > 0 && k < TEXTFIT_WIDOW;
		if (*e == '\0')
			break;
	}
	return n;
}

/* Does s start with a date or a number (令和8年4月16日, 10開庁日)? */
static int
is_value(const char *s)
{
	return (*s >= '0' && *s <= '9') ||
	    strncmp(s, "令和", strlen("令和")) == 0;
}

/*
 * A label at a line's end with its value on the next (書面 令和8年4月13日
 * 送付　回答期限／令和8年4月16日), or cut there (…送付　回答／期限 令和8年
 * 4月16日): the label goes down to its value, the line broken at the
 * space before it instead, where the value's line still fits room.  The
 * label: two to four characters, no figures, after a space; the value:
 * a date or a number.  out is changed in place (it only loses bytes).
 */
static void
label_down(char *out, unsigned room)
{
	char		*ls, *nl, *e, *sep, *lab, *next, *head, *val, *end;
	char		*tmp, *p;
	size_t		 m, labn;
	unsigned	 k;
	uint32_t	 cp;

	for (ls = out; (nl = strchr(ls, '\n')) != NULL; ls = nl + 1) {
		for (e = nl; e > ls && e[-1] == ' '; e--)
			;
		/* the separator before the label: a space, half or full */
		for (sep = e, lab = NULL; sep > ls; sep--) {
			if (sep[-1] == ' ') {
				lab = sep;
				sep--;
				break;
			}
			if (sep - ls >= 3 && memcmp(sep - 3, "\xe3\x80\x80",
			    3) == 0) {
				lab = sep;
				sep -= 3;
				break;
			}
		}
		if (lab == NULL || sep == ls)
			continue;
		/* the value: the next line's, or after the label's end */
		next = nl + 1;
		end = strchr(next, '\n');
		if (end == NULL)
			end = next + strlen(next);
		if (is_value(next))
			head = val = next;
		else if ((p = memchr(next, ' ', (size_t)(end - next))) !=
		    NULL && p - next <= 12 && is_value(p + 1)) {
			head = p;
			val = p + 1;
		} else
			continue;
		labn = (size_t)(e - lab) + (size_t)(head - next);
		m = (size_t)(end - val);
		if ((tmp = malloc(labn + 1 + m + 1)) == NULL)
			return;
		memcpy(tmp, lab, (size_t)(e - lab));
		memcpy(tmp + (e - lab), next, (size_t)(head - next));
		tmp[labn] = '\0';
		for (k = 0, p = tmp; *p != '\0'; k++) {
			p += text_utf8_decode(&cp, p, strlen(p));
			if (cp < 0x80 || (cp >= 0xff10 && cp <= 0xff19))
				k = 9;
		}
		tmp[labn] = ' ';
		memcpy(tmp + labn + 1, val, m);
		tmp[labn + 1 + m] = '\0';
		if (k < 2 || k > 4 || textfit_width(tmp) > room) {
			free(tmp);
			continue;
		}
		/* the line, its separator dropped; the label and value below */
		*sep = '\n';
		memmove(sep + 1, tmp, labn + 1 + m);
		memmove(sep + 1 + labn + 1 + m, end, strlen(end) + 1);
		free(tmp);
		nl = sep;
	}
}

/*
 * The text of a cell at room (hundredths) with the writer's own line
 * breaks (textfit_wrap_hang()), where Word and LibreOffice would break it
 * badly: they break Japanese between any two characters, inside a date
 * (令和8年6月8／日), a number with its unit (月額25,000／円), a katakana
 * word (午睡チェックセン／サー) or a short aside (（情報セキュリ／ティ）).
 * NULL where the application's breaks do: text that fits a line, or may
 * (WIDOW_FIT), text that may not break at all, a list (list_break()),
 * text with a CR, and on failure.
 */
static char	*text_break_compute(const char *, unsigned);

/*
 * The results of text_break() and share_text_cost(), remembered across
 * a process: a table's layout asks for a cell's lines at every width it
 * tries, for each grid it weighs (its own memory, struct linememo, is
 * the table's and by cell), the writer breaks the cell again at the
 * width taken, and the same texts fill the cells of several tables and
 * documents (issue 7: one in two of the sample bundle's had been asked
 * before, and breaking was half of its time).  Both depend on nothing
 * but the text and the room.  k2: MEMO_BREAK, MEMO_COST.
 */
static struct textfit_memo	break_memo = { NULL, 32768 };
#define MEMO_BREAK	1
#define MEMO_COST	2

static char *
text_break(const char *s, unsigned room)
{
	const char	*kept;
	size_t		 len, klen;
	unsigned	 v[2] = { 0, 0 };
	char		*out;

	if (s == NULL)
		return NULL;
	len = strlen(s);
	if (textfit_memo_get(&break_memo, s, len, room, MEMO_BREAK, v, &kept,
	    &klen)) {
		if (kept == NULL)
			return NULL;
		if ((out = malloc(klen + 1)) != NULL)
			memcpy(out, kept, klen + 1);
		return out;
	}
	out = text_break_compute(s, room);
	textfit_memo_put(&break_memo, s, len, room, MEMO_BREAK, v, out,
	    out != NULL ? strlen(out) : 0);
	return out;
}

static char *
text_break_compute(const char *s, unsigned room)
{
	unsigned	w;
	char		*out;

	if (s == NULL || *s == '\0' || strchr(s, '\r') != NULL ||
	    textfit_is_unbreakable(s) || list_item_width(s) > 0 ||
	    (w = textfit_width(s)) <= room)
		return NULL;
	/*
	 * that may fit: left to the application unless it is a sentence
	 * whose last line, where it does not fit, would be one or two
	 * characters: LibreOffice hangs no 。 past the line's end and takes
	 * the character before it along (…報告先を知ってい／る。 in a room
	 * of 28.5 characters), as textfit would at a character less.  Then
	 * broken at a phrase (…報告先を／知っている。), where no piece it
	 * keeps whole is wider than the room (a date that may just fit
	 * stays whole); a name (対象者区分) stays as it is.
	 */
	if (w <= room + fit_slack(s) && (!is_sentence(s) ||
	    textfit_widows(s, room > 100 ? room - 100 : room) == 0 ||
	    textfit_min_piece(s) > room))
		return NULL;
	/*
	 * A name of Japanese alone just too wide to print on a line (a
	 * WIDOW_FIT over but not a JAPANESE_FIT) breaks where it reads
	 * best, between its words (…通知書印刷・／封入封かん業務委託,
	 * 情報セキュリティ／事故等報告先一覧): filled, its last word went
	 * (…事故等報／告先一覧).
	 */
	if (w <= room + WIDOW_FIT && !is_sentence(s))
		out = textfit_wrap(s, room);
	else
		out = fill_wrap(s, room);
	if (out != NULL && w <= room + WIDOW_FIT &&
	    short_lines(out) > short_lines(s)) {
		/* nor where the writer's lines would be no better (回答／数) */
		free(out);
		return NULL;
	}
	if (out != NULL)
		label_down(out, room);
	return out;
}

char *
docx_cell_break(const char *s, unsigned room)
{
	return text_break(s, room);
}

/* Short lines (one or two characters) cost this many lines more. */
#define SHORT_LINE_COST	2

/*
 * What a cell's text costs the table at room when the room is shared
 * (share_cols()): its lines as put_cell() writes them, and a line of one
 * or two characters more, where the text had to break badly for want of
 * room (令和8年度か／ら／令和12年度).
 */
static unsigned	share_text_compute(const char *, unsigned, unsigned *);

static unsigned
share_text_cost(const char *s, unsigned room, unsigned *bad)
{
	const char	*kept;
	size_t		 len = strlen(s), klen;
	unsigned	 v[2];

	if (textfit_memo_get(&break_memo, s, len, room, MEMO_COST, v, &kept,
	    &klen)) {
		*bad = v[1];
		return v[0];
	}
	v[0] = share_text_compute(s, room, bad);
	v[1] = *bad;
	textfit_memo_put(&break_memo, s, len, room, MEMO_COST, v, NULL, 0);
	return v[0];
}

static unsigned
share_text_compute(const char *s, unsigned room, unsigned *bad)
{
	char		*w, *line, *nl;
	unsigned	 cost = 0;

	*bad = 0;
	if ((w = text_break(s, room)) == NULL)
		return textfit_lines(s, room);
	/* words broken where they fit a line (業／務改善, 台／帳) */
	*bad = textfit_break_cost(s, w, room);
	for (line = w; line != NULL; line = nl) {
		if ((nl = strchr(line, '\n')) != NULL)
			*nl++ = '\0';
		cost++;
		if (*line != '\0' && textfit_width(line) < 300)
			cost += SHORT_LINE_COST;
	}
	free(w);
	return cost;
}

/* Lines the text of a cell takes at room, as put_cell() writes it. */
static unsigned
text_lines(const char *s, unsigned room)
{
	char		*w;
	unsigned	 n;

	if ((w = text_break(s, room)) == NULL)
		return textfit_lines(s, room);
	n = textfit_count_lines(w);
	free(w);
	return n;
}

/*
 * A column of names: every line of its body at most this wide (hundredths
 * of a character), 最高情報セキュリティアドバイザー, 西部地域まちづくり課,
 * フォローアップ中.
 */
#define NAME_MAX	1600
/*
 * What the names may leave the columns of running text: twelve
 * characters a line (or all of a shorter text).
 */
#define TEXT_ROOM	1200

/*
 * A name of more than eight characters that textfit keeps whole (the
 * name of a division or a body, 障害者サービス調整担当課) but which holds
 * a katakana word: the wider of its two lines where it breaks between
 * its words, at the katakana word's end or start (障害者サービス／調整
 * 担当課), three characters or more on each; 0 for any other text.  Its
 * column may take that much, not the whole name, where the running text
 * beside it wraps the more for it (the 作業実施報告書's 件名 障害福祉
 * サービス／利用者一覧の／電子メール誤送信 beside it whole).
 */
static unsigned
name_split(const char *s)
{
	const char	*p;
	char		*left;
	size_t		 at;
	unsigned	 n, a, b;
	uint32_t	 cp, prev = 0;
	int		 kata = 0;

	if (textfit_width(s) <= 800 || textfit_width(s) > NAME_MAX ||
	    strpbrk(s, "\r\n") != NULL)
		return 0;
	for (p = s; *p != '\0'; kata |= is_katakana(cp))
		p += text_utf8_decode(&cp, p, strlen(p));
	if (!kata || (at = textfit_name_break(s, textfit_width(s) - 1)) == 0)
		return 0;
	/* three characters or more before, the kinds changing there */
	for (p = s, n = 0; p < s + at; n++)
		p += text_utf8_decode(&prev, p, strlen(p));
	text_utf8_decode(&cp, s + at, strlen(s + at));
	if (n < 3 || !((is_katakana(prev) && is_kanji(cp)) ||
	    (is_kanji(prev) && is_katakana(cp))))
		return 0;
	for (p = s + at, n = 0; *p != '\0'; n++)
		p += text_utf8_decode(&cp, p, strlen(p));
	if (n < 3 || (left = strndup(s, at)) == NULL)
		return 0;
	a = textfit_width(left);
	free(left);
	b = textfit_width(s + at);
	return a > b ? a : b;
}

/*
 * What of running text may not break, in hundredths: its widest date,
 * number with its unit, katakana word or short aside (textfit_min_kept()),
 * the widest up to TEXT_ROOM (a date beside a wider aside: 令和8年4月28日
 * ／株式会社見本システムズ（国保システム運用事業者）).  For a name (no
 * space, no 、。, up to NAME_MAX), which the names' own rule keeps whole
 * or lets wrap, only the pieces it keeps whole wherever it wraps
 * (textfit_min_piece()): a column of 報告済／令和8年7月17日 was narrower
 * than its date.
 */
static unsigned
kept_width(const char *s)
{
	unsigned	w, split;

	if (strchr(s, ' ') == NULL && strstr(s, "　") == NULL &&
	    strstr(s, "、") == NULL &&
	    strstr(s, "。") == NULL && textfit_width(s) <= NAME_MAX) {
		w = textfit_min_kept_within(s, 0, TEXT_ROOM);
		if ((split = name_split(s)) > 0 && split < w)
			w = split;
	} else
		w = textfit_min_kept_within(s, 1, TEXT_ROOM);
	return w;
}

/*
 * A name kept whole (docx_table_whole()): its widest line, an aside in
 * brackets taking a line of its own where it must (総合福祉事務所／
 * （見本B）), as a name given up breaks first; the name itself whole.
 */
static unsigned
whole_width(const char *s)
{
	struct buf	 b = BUF_INIT;
	const char	*p;
	unsigned	 w;

	for (p = s; *p != '\0'; p++) {
		if (p != s && p[-1] != '\n' &&
		    strncmp(p, "（", strlen("（")) == 0)
			buf_putc(&b, '\n');
		buf_putc(&b, *p);
	}
	w = buf_ok(&b) == 0 && b.len > 0 ? textfit_width(b.data) :
	    textfit_width(s);
	buf_free(&b);
	return w;
}

struct colfit {
	unsigned	cap;		/* its names up to this wide kept whole */
	unsigned	kept;		/* the widest name kept, hundredths */
	unsigned	head;		/* widest header line, hundredths */
	unsigned	room;		/* twips its running text should get */
	unsigned	base;		/* and most of what it gets without names */
	unsigned	namemin;	/* twips its names kept whole take */
	int		hname;		/* its header kept whole */
	/*
	 * Its heading may break between words (戸籍／住民課): the table
	 * cannot hold every heading whole (relax_heads()).
	 */
	int		loose;
};

/*
 * A heading that may break between its words (colfit's loose): its
 * widest line broken once where a name breaks (textfit_name_break():
 * 区立試作／保育園, 戸籍／住民課), a line that does not break, or of up to
 * four characters (項目), whole; so is an aside in brackets on a line of
 * its own up to eight (（見本B）: 総合福祉／事務所／（見／本B） broke a
 * unit's name inside its bracket, review18a).
 */
/* Is line (w wide) an aside in brackets of up to eight characters? */
static int
short_aside(const char *line, unsigned w)
{
	size_t	n = strlen(line), o = strlen("（"), c = strlen("）");

	return w <= 800 && n > o + c && strncmp(line, "（", o) == 0 &&
	    strcmp(line + n - c, "）") == 0;
}

static unsigned
head_min(const char *s)
{
	const char	*p, *nl;
	char		*line;
	size_t		 len, off;
	unsigned	 w, a, min = 0;

	for (p = s; p != NULL; p = nl != NULL ? nl + 1 : NULL) {
		nl = strchr(p, '\n');
		len = nl != NULL ? (size_t)(nl - p) : strlen(p);
		if ((line = strndup(p, len)) == NULL)
			return textfit_min(s, 800);
		w = textfit_width(line);
		if (w > 400 && !short_aside(line, w) &&
		    (off = textfit_name_break(line, w - 1)) > 0) {
			a = textfit_width(line + off);
			line[off] = '\0';
			if (textfit_width(line) > a)
				a = textfit_width(line);
			w = a;
		}
		free(line);
		if (w > min)
			min = w;
	}
	return min;
}

/*
 * The columns of t measured with the given cell margins, the sum of their
 * minimums.  A column marked name in fit[] may not be narrower than its
 * widest line; otherwise a cell's text stays whole up to four characters
 * in the body, eight in a header, or a header marked loose only its
 * widest word.
 */
static unsigned long
measure_cols(struct textfit_col *cols, struct colfit *fit,
    const struct docx_table *t, unsigned margin)
{
	const struct cell	*c;
	unsigned long		 sum = 0;
	size_t			 r, k;
	unsigned		 nat, min, four, w, room, item;
	int			 header;

	four = (unsigned)twips(400) + 2 * margin + CELL_SLACK;
	for (k = 0; k < t->ncols; k++) {
		memset(&cols[k], 0, sizeof cols[k]);
		cols[k].empty = 1;
		fit[k].kept = fit[k].head = fit[k].room = 0;
		fit[k].namemin = 0;
	}
	for (r = 0; r < t->nrows; r++) {
		header = r < t->header_rows;
		for (k = 0; k < t->ncols; k++) {
			c = cell_at(t, r, k);
			/* A cell over several columns does not size one. */
			/* nor does one of line breaks only, rows to write in */
			if (c->covered || c->cspan > 1 || c->text == NULL ||
			    (w = textfit_width(c->text)) == 0)
				continue;
			nat = cell_twips(w, c, margin);
			min = cell_twips(header && fit[k].loose ?
			    head_min(c->text) : textfit_min(c->text,
			    header ? 800 : 400), c, margin);
			if (!header && (item = kept_width(c->text)) > 0 &&
			    cell_twips(item, c, margin) > min)
				min = cell_twips(item, c, margin);
			/* a name the caller keeps whole: its widest line */
			if (!header && (t->whole >> k & 1) &&
			    (w = whole_width(c->text)) > 0 &&
			    cell_twips(w, c, margin) > min)
				min = cell_twips(w, c, margin);
			if (nat > cols[k].natural)
				cols[k].natural = nat;
			if (min > cols[k].min)
				cols[k].min = min;
			if (header) {
				/* 所管課の再発防止策, not 所管課の再発防止／策 */
				if (fit[k].hname && !fit[k].loose &&
				    w <= NAME_MAX && nat > cols[k].min)
					cols[k].min = nat;
				if (w > fit[k].head)
					fit[k].head = w;
				continue;
			}
			cols[k].empty = 0;
			/* a list needs its widest item whole, not all of it */
			if ((item = list_item_width(c->text)) > 0) {
				w = item;
				nat = cell_twips(w, c, margin);
				if (nat > cols[k].min)
					cols[k].min = nat;
			}
			if (w <= fit[k].cap && nat > fit[k].namemin)
				fit[k].namemin = nat;
			if (w <= fit[k].cap && w > fit[k].kept)
				fit[k].kept = w;
			room = cell_twips(w < TEXT_ROOM ? w : TEXT_ROOM, c,
			    margin);
			if (room > fit[k].room)
				fit[k].room = room;
		}
	}
	for (k = 0; k < t->ncols; k++) {
		/*
		 * Empty under a heading, in a table that is not a form (a
		 * draft's 改善の方向性 and 是正期限 not written yet): the
		 * heading whole, and no more, the text beside takes the rest.
		 */
		if (cols[k].empty && !t->form && t->header_rows > 0 &&
		    cols[k].natural > 0) {
			cols[k].empty = 0;
			cols[k].blank = 1;
			if (fit[k].head <= NAME_MAX)
				cols[k].min = cols[k].natural;
		}
		/* Room for four characters to be written in by hand. */
		if (cols[k].empty && cols[k].min < four)
			cols[k].min = four;
		if (fit[k].namemin > cols[k].min)
			cols[k].min = fit[k].namemin;
		if (t->floor != NULL && t->floor[k] > 0 &&
		    (unsigned)twips((int)t->floor[k]) + 2 * margin +
		    CELL_SLACK > cols[k].min)
			cols[k].min = (unsigned)twips((int)t->floor[k]) +
			    2 * margin + CELL_SLACK;
		cols[k].weight = t->auto_widths ? (cols[k].natural > 0 ?
		    cols[k].natural : (unsigned)twips(400)) : t->weights[k];
		sum += cols[k].min;
	}
	return sum;
}

struct linememo;
static int	form_to_fill(const struct docx_table *);
static unsigned	content_twips(const struct docx_table *, unsigned);
static void	share_cols(unsigned *, const struct textfit_col *,
		    const struct docx_table *, unsigned, unsigned,
		    struct linememo *);

/*
 * A table whose headings whole (up to eight characters) are more than
 * its width even with narrow margins — seven columns of divisions side
 * by side (区立試作保育園, 産業振興担当課) beside the chapters of the
 * 実施結果報告書 — shrank every column below its heading alike, so that
 * LibreOffice broke them inside words (区立図書／館, クラウドサービ／ス of
 * the text beside).  The widest headings give way first, one at a time,
 * to their words (区立試作／保育園), until the minimums fit; the others
 * stay whole.
 */
static void
relax_heads(struct textfit_col *cols, struct colfit *fit,
    const struct docx_table *t, unsigned total)
{
	size_t		k, widest;
	unsigned	wmax;

	if (t->header_rows == 0)
		return;
	while (measure_cols(cols, fit, t, CELL_MARGIN_NARROW) > total) {
		for (k = 0, widest = t->ncols, wmax = 0; k < t->ncols; k++)
			if (!fit[k].loose && fit[k].head > wmax) {
				widest = k;
				wmax = fit[k].head;
			}
		if (widest == t->ncols)
			break;
		fit[widest].loose = 1;
	}
}

/*
 * Widths for the columns as fit[] marks them, with the given margins: 1
 * when the minimums fit and every column of running text gets its room.
 */
static int
try_grid(unsigned *grid, int *fits, struct textfit_col *cols,
    struct colfit *fit, const struct docx_table *t, unsigned total,
    unsigned margin, int last, struct linememo *lm)
{
	size_t	k;
	int	ok, named = 0;

	ok = measure_cols(cols, fit, t, margin) <= total;
	if (!ok && !last)
		return 0;
	share_cols(grid, cols, t, total, margin, lm);
	for (k = 0; k < t->ncols; k++) {
		fits[k] = grid[k] >= cols[k].min;
		named |= fit[k].cap > 0 || fit[k].hname;
	}
	for (k = 0; k < t->ncols && named; k++)
		if (!cols[k].empty && cols[k].natural > cols[k].min &&
		    grid[k] < fit[k].room && grid[k] < fit[k].base)
			ok = 0;
	return ok || last;
}

struct fitarg {
	const struct docx_table	*t;
	unsigned		 margin;
};

/* A cell that sizes its column: not inside a merge, not over columns. */
static const char *
fit_cell(void *arg, size_t r, size_t k)
{
	const struct fitarg	*f = arg;
	const struct cell	*c = cell_at(f->t, r, k);

	return c->covered || c->cspan > 1 ? NULL : c->text;
}

/* The width of cell c, at column k, in twips: its columns' widths. */
static unsigned
cell_span_twips(const struct docx_table *t, const unsigned *grid, size_t k,
    const struct cell *c)
{
	size_t		 j, span = c->cspan > 1 ? c->cspan : 1;
	unsigned	 w = 0;

	for (j = k; j < k + span && j < t->ncols; j++)
		w += grid[j];
	return w;
}

/*
 * The room of a line of cell c's text in a width of w twips, margins
 * margin each side, in hundredths of the body's characters (a smaller
 * text has more); 0 where the margins take it all.
 */
static unsigned
text_room(const struct cell *c, unsigned w, unsigned margin)
{
	unsigned	 size = cell_size(c);

	return w > 2 * margin + CELL_SLACK ? (w - 2 * margin - CELL_SLACK) *
	    100 / CHAR_TWIPS * BODY_SIZE / size : 0;
}

/* A line's room in a cell w twips wide, as row_height() counts it. */
static unsigned
fit_room(void *arg, size_t r, size_t k, unsigned w)
{
	const struct fitarg	*f = arg;
	unsigned		 room = text_room(cell_at(f->t, r, k), w,
				    f->margin);

	return room > 0 ? room : 100;
}

/*
 * Sharing the room left over the minimums by the lines it saves: width
 * goes in steps of SHARE_STEP twips, each time to the column where the
 * fewest twips save the most, counting a row's height (its tallest
 * cell) SHARE_ROW times and a cell's lines once, so that the running
 * text gets the room and not the column of short values beside it.
 */
#define SHARE_STEP	(CHAR_TWIPS / 4)
#define SHARE_ROW	4

/*
 * The lines of a cell at a room, remembered: share_cols() tries the same
 * widths of a column step after step, share_even() and share_cap() again,
 * each grid table_grid() makes (names kept or not) again, and breaking a
 * cell's text is the most of its cost (a 所属点検 report of 93 課 spent
 * 55 % of its time there).  One memory a table, for all of its grids:
 * a cell's lines at a room are the same whichever asked.  Open
 * addressing, MEMO_PROBE slots looked at; full, or without memory, it
 * only computes.
 */
#define MEMO_PROBE	8

struct memo {
	uint32_t	 cell;		/* r * ncols + k, + 1: 0 is empty */
	uint32_t	 room;
	unsigned	 lines;
	unsigned	 bad;		/* share_text_cost()'s */
};

struct linememo {
	struct memo	*v;		/* n, a power of two; NULL: none */
	size_t		 n;
};

/* A memory of lines for t: about 128 widths a cell. */
static void
linememo_init(struct linememo *lm, const struct docx_table *t)
{
	for (lm->n = 64; lm->n < t->nrows * t->ncols * 128 &&
	    lm->n < (size_t)1 << 22; lm->n <<= 1)
		;
	if ((lm->v = calloc(lm->n, sizeof *lm->v)) == NULL)
		lm->n = 0;
}

struct share {
	const struct docx_table	*t;
	const struct textfit_col *cols;
	struct fitarg		 f;
	unsigned		*grid;
	unsigned		*lines;		/* nrows x ncols at grid */
	unsigned		*bad;		/* and their words broken */
	unsigned		*try;		/* nrows, column k wider */
	struct memo		*memo;		/* nmemo, a power of two */
	size_t			 nmemo;
};

/* A share of t's columns at grid, for cells at margin, with t's memory. */
static void
share_init(struct share *s, const struct docx_table *t,
    const struct textfit_col *cols, unsigned *grid, unsigned margin,
    struct linememo *lm)
{
	memset(s, 0, sizeof *s);
	s->t = t;
	s->cols = cols;
	s->f.t = t;
	s->f.margin = margin;
	s->grid = grid;
	s->memo = lm->v;
	s->nmemo = lm->n;
}

/*
 * How badly a name too wide for its cell breaks there, as put_cell()
 * breaks it (textfit_name_break()), or -1 for text that is no such name.
 */
static int
name_bad(const struct cell *c, const char *text, unsigned room, unsigned w,
    unsigned margin)
{
	char		*broken;
	size_t		 at;
	int		 bad;

	if (strpbrk(text, "\r\n") != NULL || textfit_width(text) > NAME_MAX ||
	    cell_twips(textfit_width(text), c, margin) <= w ||
	    (at = textfit_name_break(text, room)) == 0 ||
	    (broken = malloc(strlen(text) + 2)) == NULL)
		return -1;
	memcpy(broken, text, at);
	broken[at] = '\n';
	strcpy(broken + at + 1, text + at);
	bad = (int)textfit_break_cost(text, broken, room);
	free(broken);
	return bad;
}

/*
 * Lines of cell (r, k) at width w twips, 0 for one that sizes nothing,
 * and in *bad what the words it breaks cost (textfit_break_cost()).
 */
static unsigned
share_cell(struct share *s, size_t r, size_t k, unsigned w, unsigned *bad)
{
	const char	*text = fit_cell(&s->f, r, k), *p;
	char		*broken;
	struct memo	*m = NULL;
	unsigned	 room, n = 1;
	uint32_t	 cell;
	size_t		 h, i;
	int		 nb;

	*bad = 0;
	if (text == NULL || *text == '\0')
		return 0;
	room = fit_room(&s->f, r, k, w);
	cell = (uint32_t)(r * s->t->ncols + k + 1);
	h = (size_t)(cell * 2654435761u ^ room * 40503u);
	for (i = 0; i < MEMO_PROBE && s->nmemo > 0; i++) {
		m = &s->memo[(h + i) & (s->nmemo - 1)];
		if (m->cell == cell && m->room == room) {
			*bad = m->bad;
			return m->lines;
		}
		if (m->cell == 0)
			break;
	}
	/* a list breaks after its ・ (put_cell()) */
	if (r >= s->t->header_rows && list_item_width(text) > 0) {
		if ((broken = list_break(text, room)) != NULL) {
			for (p = broken; (p = strchr(p, '\n')) != NULL; p++)
				n++;
			free(broken);
		}
	} else {
		n = share_text_cost(text, room, bad);
		/* a name put_cell() breaks as a name */
		if (r >= s->t->header_rows && (nb = name_bad(cell_at(s->t, r,
		    k), text, room, w, s->f.margin)) >= 0)
			*bad = (unsigned)nb;
	}
	if (s->nmemo > 0 && i < MEMO_PROBE) {
		m->cell = cell;
		m->room = room;
		m->lines = n;
		m->bad = *bad;
	}
	return n;
}

/* Lines of cell (r, k) at width w twips; 0 for one that sizes nothing. */
static unsigned
share_lines(struct share *s, size_t r, size_t k, unsigned w)
{
	unsigned	bad;

	return share_cell(s, r, k, w, &bad);
}

/* The table's cost with column k's lines in s->try (k < ncols) or not. */
static unsigned long
share_cost(const struct share *s, size_t k)
{
	unsigned long	 cost = 0;
	unsigned	 n, most;
	size_t		 r, j, nc = s->t->ncols;

	for (r = 0; r < s->t->nrows; r++) {
		for (j = 0, most = 0; j < nc; j++) {
			n = j == k ? s->try[r] : s->lines[r * nc + j];
			cost += n;
			most = n > most ? n : most;
		}
		cost += (unsigned long)most * SHARE_ROW;
	}
	return cost;
}

/*
 * Does a body cell of column k hold running text, not a name (names 0)?
 * With names 1: a name of more than eight characters either, not a
 * short value (a number, a date, a mark, a code).
 */
static int
share_text(const struct share *s, size_t k, int names)
{
	const char	*text;
	size_t		 r;

	for (r = s->t->header_rows; r < s->t->nrows; r++) {
		if ((text = fit_cell((void *)&s->f, r, k)) == NULL ||
		    *text == '\0')
			continue;
		if (names && textfit_width(text) > 800 &&
		    !textfit_is_unbreakable(text))
			return 1;
		if (strchr(text, ' ') != NULL ||
		    strstr(text, "　") != NULL || strstr(text, "、") != NULL ||
		    strstr(text, "。") != NULL ||
		    textfit_width(text) > NAME_MAX)
			return 1;
	}
	return 0;
}

/* Can column k take more: content, and narrower than it. */
static int
share_open(const struct share *s, size_t k)
{
	const struct textfit_col *c = &s->cols[k];

	return !c->empty && !c->blank && s->grid[k] < c->natural;
}

/*
 * The empty columns of a form (to write in) over their minimums in grid:
 * each its weight's share of total, or when those do not fit in what
 * the minimums leave (*avail), that room shared by weight, none below
 * its minimum, so the heaviest stays the widest.
 */
static void
share_empty(unsigned *grid, unsigned *fixed, const struct textfit_col *cols,
    size_t nc, unsigned total, unsigned *avail)
{
	unsigned long long	 wall = 0, wsum = 0, room = *avail, want = 0;
	unsigned		 w;
	size_t			 k;
	int			 changed;

	for (k = 0; k < nc; k++) {
		wall += cols[k].weight > 0 ? cols[k].weight : 1;
		fixed[k] = !cols[k].empty || cols[k].blank;
		if (!fixed[k]) {
			room += grid[k];
			wsum += cols[k].weight > 0 ? cols[k].weight : 1;
			w = (unsigned)(total * (unsigned long long)
			    (cols[k].weight > 0 ? cols[k].weight : 1) / wall);
			want += w > grid[k] ? w : grid[k];
		}
	}
	if (wsum == 0)
		return;
	/* all their shares of the whole table fit: those */
	if (want <= room) {
		for (k = 0; k < nc; k++) {
			if (fixed[k])
				continue;
			w = (unsigned)(total * (unsigned long long)
			    (cols[k].weight > 0 ? cols[k].weight : 1) / wall);
			if (w > grid[k]) {
				*avail -= w - grid[k];
				grid[k] = w;
			}
		}
		return;
	}
	/* else the room by weight, those below their minimum kept there */
	do {
		changed = 0;
		for (k = 0; k < nc && wsum > 0; k++) {
			if (fixed[k])
				continue;
			w = (unsigned)(room * (cols[k].weight > 0 ?
			    cols[k].weight : 1) / wsum);
			if (w <= grid[k]) {
				fixed[k] = 1;
				room -= grid[k];
				wsum -= cols[k].weight > 0 ? cols[k].weight : 1;
				changed = 1;
			}
		}
	} while (changed);
	for (k = 0; k < nc && wsum > 0; k++) {
		if (fixed[k])
			continue;
		w = (unsigned)(room * (cols[k].weight > 0 ? cols[k].weight :
		    1) / wsum);
		*avail -= w - grid[k];
		grid[k] = w;
	}
}

/*
 * Column widths (twips) summing to total: every column its minimum, an
 * empty one (a form's, to write in) its share by weight (share_empty()),
 * then the room left to the columns where it
 * saves the most lines (above); what no line needs goes to the columns
 * of running text (not names) and the empty ones by weight, and
 * a column of short values (a number, a mark, a date, a code) gets no
 * more than its widest cell or heading needs unless all are such.
 */
static void
share_cols(unsigned *grid, const struct textfit_col *cols,
    const struct docx_table *t, unsigned total, unsigned margin,
    struct linememo *lm)
{
	struct share		 s;
	unsigned		*spare;
	unsigned long		 cost, c, bestc, sum = 0;
	unsigned long long	 wsum;
	unsigned		 avail, d, bestd, w, used;
	size_t			 k, r, best, nc = t->ncols;
	int			 any;

	for (k = 0; k < nc; k++)
		sum += cols[k].min;
	share_init(&s, t, cols, grid, margin, lm);
	spare = calloc(nc, sizeof *spare);
	s.lines = calloc(t->nrows * nc + 1, sizeof *s.lines);
	s.try = calloc(t->nrows + 1, sizeof *s.try);
	if (sum >= total || spare == NULL || s.lines == NULL ||
	    s.try == NULL) {
		textfit_columns(grid, cols, nc, total);
		goto done;
	}
	for (k = 0; k < nc; k++)
		grid[k] = cols[k].min;
	avail = total - (unsigned)sum;
	share_empty(grid, spare, cols, nc, total, &avail);
	for (r = 0; r < t->nrows; r++)
		for (k = 0; k < nc; k++)
			s.lines[r * nc + k] = share_lines(&s, r, k, grid[k]);
	cost = share_cost(&s, nc);
	while (avail > 0) {
		best = nc;
		bestc = 0;
		bestd = 1;
		for (k = 0; k < nc; k++) {
			if (!share_open(&s, k))
				continue;
			/* the least width that saves a line here */
			for (d = SHARE_STEP; ; d += SHARE_STEP) {
				if (d > avail)
					d = avail;
				if (grid[k] + d > cols[k].natural)
					d = cols[k].natural - grid[k];
				for (r = 0; r < t->nrows; r++)
					s.try[r] = share_lines(&s, r, k,
					    grid[k] + d);
				if ((c = share_cost(&s, k)) < cost ||
				    d == avail || grid[k] + d >=
				    cols[k].natural)
					break;
			}
			if (c >= cost)
				continue;
			/* most saved per twip, then the smaller step */
			if (best == nc || (cost - c) * bestd > bestc * d) {
				best = k;
				bestc = cost - c;
				bestd = d;
			}
		}
		if (best == nc)
			break;
		grid[best] += bestd;
		avail -= bestd;
		for (r = 0; r < t->nrows; r++)
			s.lines[r * nc + best] = share_lines(&s, r, best,
			    grid[best]);
		cost = share_cost(&s, nc);
	}
	/* what saves no line: first to what still wraps, by its lack */
	for (k = 0, sum = 0; k < nc; k++)
		if (share_open(&s, k))
			sum += cols[k].natural - grid[k];
	if (sum > 0 && avail > 0) {
		w = (unsigned)(sum < avail ? sum : avail);
		for (k = 0, used = 0; k < nc; k++)
			if (share_open(&s, k)) {
				d = (unsigned)((unsigned long long)w *
				    (cols[k].natural - grid[k]) / sum);
				grid[k] += d;
				used += d;
			}
		avail -= used;
	}
	/* then to the columns of text and the empty ones, by weight */
	for (k = 0, any = 0; k < nc; k++)
		any |= spare[k] = !cols[k].blank && (cols[k].empty ||
		    share_text(&s, k, 0));
	/* none: to the long names, not the short values */
	if (!any)
		for (k = 0; k < nc; k++)
			any |= spare[k] = !cols[k].blank &&
			    share_text(&s, k, 1);
	if (!any)
		for (k = 0; k < nc; k++)
			spare[k] = !cols[k].blank;
	for (k = 0, wsum = 0; k < nc; k++)
		if (spare[k])
			wsum += cols[k].weight > 0 ? cols[k].weight : 1;
	if (wsum == 0)
		for (k = 0; k < nc; k++) {
			spare[k] = 1;
			wsum += cols[k].weight > 0 ? cols[k].weight : 1;
		}
	for (k = 0, used = 0, best = nc; k < nc; k++) {
		if (!spare[k])
			continue;
		d = (unsigned)((unsigned long long)avail *
		    (cols[k].weight > 0 ? cols[k].weight : 1) / wsum);
		grid[k] += d;
		used += d;
		if (best == nc || grid[k] > grid[best])
			best = k;
	}
	/* rounding: the widest such column takes the difference */
	if (best < nc)
		grid[best] += avail - used;
done:
	free(spare);
	free(s.lines);
	free(s.try);
}

/*
 * Evening out a table's columns (share_even()): moves of width between
 * two columns of content in steps of SHARE_STEP, at most EVEN_STEPS at
 * a time and EVEN_ROUNDS moves in all.
 */
#define EVEN_STEPS	32
#define EVEN_ROUNDS	24

/*
 * The table's height (sum over rows of its tallest cell), the words its
 * cells break (textfit_break_cost(), summed) and its evenness.
 */
static void
even_cost(const struct share *s, size_t i, const unsigned *li,
    const unsigned *bi, size_t j, const unsigned *lj, const unsigned *bj,
    unsigned long *h, unsigned long *b, unsigned long *q)
{
	unsigned	 n, most;
	size_t		 r, k, nc = s->t->ncols;

	*h = *b = *q = 0;
	for (r = 0; r < s->t->nrows; r++) {
		for (k = 0, most = 0; k < nc; k++) {
			n = k == i ? li[r] : k == j ? lj[r] :
			    s->lines[r * nc + k];
			*b += k == i ? bi[r] : k == j ? bj[r] :
			    s->bad[r * nc + k];
			*q += (unsigned long)n * n;
			most = n > most ? n : most;
		}
		*h += most;
	}
}

/*
 * grid changed, where that makes the table lower, so that no column of
 * text runs six or eight lines a row beside columns of one to three
 * that have room to give (精査記録's 所管課回答 and 所見 beside 観点 and
 * 確認事項): width moves from a column to one that still wraps while
 * that lowers the table (the sum over rows of the most lines of a
 * cell, as share_lines() counts them), and among moves that keep it as
 * low, while that breaks fewer words where they fit a line (the sum of
 * textfit_break_cost(): 業／務改善, 第三者認／証 in a 確認事項 of seven
 * characters beside a 観点 of nine, which the table's height alone did
 * not see), then while that evens the cells' lines out (the sum of
 * their squares).  No column goes below its least width hard[] (what
 * it keeps whole: a date, a number, a katakana word), nor below
 * cols[]'s (its names whole) unless that lowers the table or breaks
 * fewer words.
 */
/*
 * Does a name too wide for room break well onto two lines there
 * (textfit_name_break(), three characters or more on the second: not
 * ヒアリング／中), not inside a piece it keeps whole nor a run of kana?
 */
static int
name_breaks_well(const char *text, unsigned room)
{
	const char	*p;
	size_t		 at;
	unsigned	 n;
	uint32_t	 cp, prev;

	if (textfit_width(text) <= room)
		return 1;
	/*
	 * nor inside what it keeps whole: （情報セキュ／リティ責任者）, a
	 * name of a body at its katakana word's end (name_split())
	 */
	if ((textfit_min_piece(text) > room && (name_split(text) == 0 ||
	    name_split(text) > room)) ||
	    (at = textfit_name_break(text, room)) == 0)
		return 0;
	/* not inside a run of kana: 情報政策課か／らの個別相談 */
	for (p = text, prev = 0; p < text + at; )
		p += text_utf8_decode(&prev, p, strlen(p));
	text_utf8_decode(&cp, text + at, strlen(text + at));
	if ((is_hiragana(prev) && is_hiragana(cp)) ||
	    (is_katakana(prev) && is_katakana(cp)))
		return 0;
	for (n = 0, text += at; *text != '\0' && n < TEXTFIT_WIDOW; n++)
		text += text_utf8_decode(&cp, text, strlen(text));
	return n >= TEXTFIT_WIDOW;
}

/*
 * Does every name of column k break well at width w (name_breaks_well())
 * where it did at width was?
 */
static int
names_break_well(struct share *s, size_t k, unsigned w, unsigned was)
{
	const char	*text;
	size_t		 r;

	for (r = s->t->header_rows; r < s->t->nrows; r++) {
		text = fit_cell(&s->f, r, k);
		if (text == NULL || *text == '\0' ||
		    strpbrk(text, "\r\n ") != NULL ||
		    strstr(text, "　") != NULL || strstr(text, "、") != NULL ||
		    strstr(text, "。") != NULL || list_item_width(text) > 0 ||
		    textfit_width(text) > NAME_MAX)
			continue;
		if (!name_breaks_well(text, fit_room(&s->f, r, k, w)) &&
		    name_breaks_well(text, fit_room(&s->f, r, k, was)))
			return 0;
	}
	return 1;
}

/* Most lines of a cell of column k at width w. */
static unsigned
cap_lines(struct share *s, size_t k, unsigned w)
{
	unsigned	n, most = 0;
	size_t		r;

	for (r = 0; r < s->t->nrows; r++)
		if ((n = share_lines(s, r, k, w)) > most)
			most = n;
	return most;
}

/*
 * The least width from cols[k].min on (in steps of SHARE_STEP, up to its
 * natural width) at which no cell of column k takes more than cap
 * lines, or its natural width.
 */
static unsigned
cap_width(struct share *s, size_t k, unsigned cap)
{
	const struct textfit_col *c = &s->cols[k];
	unsigned	lo = 0, hi, mid, top;

	top = c->natural > c->min ? (c->natural - c->min + SHARE_STEP - 1) /
	    SHARE_STEP : 0;
	if (cap_lines(s, k, c->min) <= cap)
		return c->min;
	hi = top;
	if (cap_lines(s, k, c->min + hi * SHARE_STEP) > cap)
		return c->min + hi * SHARE_STEP;
	/* lines fall as the width grows: the least step that holds */
	while (hi - lo > 1) {
		mid = lo + (hi - lo) / 2;
		if (cap_lines(s, k, c->min + mid * SHARE_STEP) <= cap)
			hi = mid;
		else
			lo = mid;
	}
	return c->min + hi * SHARE_STEP;
}

/*
 * Widths (grid) with the fewest lines a cell may take capped: the least
 * cap at which every column of content, at the least width that holds
 * its cells to the cap, fits total; the room left to the columns that
 * still wrap, by what they lack.  0 when none (the minimums alone fill
 * total, or no memory).
 */
static int
share_cap(unsigned *grid, const struct textfit_col *cols,
    const struct docx_table *t, unsigned total, unsigned margin,
    struct linememo *lm)
{
	struct share	 s;
	unsigned	 lo = 1, hi = 1, mid, n, avail, d, used;
	unsigned long	 sum, lack;
	size_t		 k, nc = t->ncols;

	share_init(&s, t, cols, grid, margin, lm);
	if (s.memo == NULL)
		return 0;
	for (k = 0, sum = 0; k < nc; k++) {
		if (cols[k].empty)
			return 0;
		sum += cols[k].min;
		if (!cols[k].blank && (n = cap_lines(&s, k, cols[k].min)) > hi)
			hi = n;
	}
	if (sum >= total)
		return 0;
	/* the least cap whose widths fit */
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		for (k = 0, sum = 0; k < nc; k++)
			sum += cols[k].blank ? cols[k].min :
			    cap_width(&s, k, mid);
		if (sum <= total)
			hi = mid;
		else
			lo = mid + 1;
	}
	for (k = 0, sum = 0, lack = 0; k < nc; k++) {
		grid[k] = cols[k].blank ? cols[k].min : cap_width(&s, k, hi);
		sum += grid[k];
		if (!cols[k].blank && grid[k] < cols[k].natural)
			lack += cols[k].natural - grid[k];
	}
	if (sum > total)
		return 0;
	avail = total - (unsigned)sum;
	for (k = 0, used = 0; k < nc && lack > 0; k++) {
		if (cols[k].blank || grid[k] >= cols[k].natural)
			continue;
		d = (unsigned)((unsigned long long)avail *
		    (cols[k].natural - grid[k]) / lack);
		grid[k] += d;
		used += d;
	}
	/* rounding, and all of it where nothing lacks: the widest */
	for (k = 1, n = 0; k < nc; k++)
		if (grid[k] > grid[n])
			n = (unsigned)k;
	grid[n] += avail - used;
	return 1;
}

/*
 * What column k's heading needs on a line, where it is kept whole (up
 * to NAME_MAX: 所管課の再発防止策, not 所管課の再発防止／策), in twips.
 */
static unsigned
head_need(struct share *s, size_t k)
{
	const char	*text;
	unsigned	 w, need = 0, n;
	size_t		 r;

	for (r = 0; r < s->t->header_rows; r++) {
		if ((text = fit_cell(&s->f, r, k)) == NULL ||
		    (w = textfit_width(text)) == 0 || w > NAME_MAX)
			continue;
		if ((n = cell_twips(w, cell_at(s->t, r, k), s->f.margin)) >
		    need)
			need = n;
	}
	return need;
}

static void
share_even(unsigned *grid, const struct textfit_col *cols,
    const struct textfit_col *hard, const struct docx_table *t,
    unsigned margin, struct linememo *lm, unsigned long *hp,
    unsigned long *bp, unsigned long *qp)
{
	struct share	 s;
	unsigned	*li, *lj, *bi_, *bj_, d, n, low;
	unsigned long	 h, b, q, h2, b2, q2, bh, bb, bq;
	size_t		 r, i, j, k, bi, bj, round, nc = t->ncols;
	size_t		 nr = t->nrows;
	unsigned	 bd;

	*hp = *bp = *qp = (unsigned long)-1;
	share_init(&s, t, cols, grid, margin, lm);
	s.lines = calloc(nr * nc + 1, sizeof *s.lines);
	s.bad = calloc(nr * nc + 1, sizeof *s.bad);
	li = calloc(nr + 1, sizeof *li);
	lj = calloc(nr + 1, sizeof *lj);
	bi_ = calloc(nr + 1, sizeof *bi_);
	bj_ = calloc(nr + 1, sizeof *bj_);
	if (s.lines == NULL || s.bad == NULL || li == NULL || lj == NULL ||
	    bi_ == NULL || bj_ == NULL || nc < 2)
		goto done;
	for (r = 0; r < nr; r++)
		for (k = 0; k < nc; k++)
			s.lines[r * nc + k] = share_cell(&s, r, k, grid[k],
			    &s.bad[r * nc + k]);
	even_cost(&s, nc, NULL, NULL, nc, NULL, NULL, &h, &b, &q);
	for (round = 0; round < EVEN_ROUNDS; round++) {
		bh = h;
		bb = b;
		bq = q;
		bd = 0;
		bi = bj = nc;
		/* from i to j */
		for (i = 0; i < nc; i++) {
			if (cols[i].empty || cols[i].blank)
				continue;
			low = hard[i].min;
			for (j = 0; j < nc; j++) {
				if (j == i || cols[j].empty || cols[j].blank ||
				    grid[j] >= cols[j].natural)
					continue;
				for (n = 1; n <= EVEN_STEPS; n++) {
					d = n * SHARE_STEP;
					if (grid[i] < low + d ||
					    grid[j] + d > cols[j].natural +
					    SHARE_STEP)
						break;
					for (r = 0; r < nr; r++) {
						li[r] = share_cell(&s, r, i,
						    grid[i] - d, &bi_[r]);
						lj[r] = share_cell(&s, r, j,
						    grid[j] + d, &bj_[r]);
					}
					even_cost(&s, i, li, bi_, j, lj, bj_,
					    &h2, &b2, &q2);
					/*
					 * its names whole unless that makes
					 * the table lower or spares a word
					 * broken beside (a 観点 of names
					 * wide enough for 経費見積りの妥当性
					 * beside 業／務改善) and keeps its
					 * heading whole, and then broken
					 * well
					 */
					if ((grid[i] - d < cols[i].min &&
					    h2 >= h && (h2 > h || b2 >= b ||
					    grid[i] - d < head_need(&s, i))) ||
					    !names_break_well(&s, i, grid[i] -
					    d, grid[i]))
						continue;
					/* lower, then fewer words broken */
					if (h2 < bh || (h2 == bh && (b2 < bb ||
					    (b2 == bb && (q2 < bq ||
					    (q2 == bq && bd > 0 &&
					    d < bd)))))) {
						bh = h2;
						bb = b2;
						bq = q2;
						bd = d;
						bi = i;
						bj = j;
					}
				}
			}
		}
		if (bi == nc || (bh == h && bb == b && bq >= q))
			break;
		grid[bi] -= bd;
		grid[bj] += bd;
		for (r = 0; r < nr; r++) {
			s.lines[r * nc + bi] = share_cell(&s, r, bi,
			    grid[bi], &s.bad[r * nc + bi]);
			s.lines[r * nc + bj] = share_cell(&s, r, bj,
			    grid[bj], &s.bad[r * nc + bj]);
		}
		h = bh;
		b = bb;
		q = bq;
	}
	*hp = h;
	*bp = b;
	*qp = q;
done:
	free(s.lines);
	free(s.bad);
	free(li);
	free(lj);
	free(bi_);
	free(bj_);
}

/*
 * A form to fill in: a column of names (its 観点) wider than its share
 * by weight takes only what its names need to break well there
 * (経費見積りの／妥当性, 標準化・／他システム連携), never less than what
 * it keeps whole, and the columns to write in the rest (a 精査記録 not
 * begun left 確認事項 and 所管課回答 six characters each beside a 観点
 * of twelve).
 */
static void
form_names(unsigned *grid, struct textfit_col *cols,
    const struct docx_table *t, unsigned total, unsigned margin,
    struct linememo *lm)
{
	struct textfit_col	*hard;
	struct colfit		*hfit;
	struct share		 s;
	unsigned long long	 wsum = 0;
	unsigned		 share, w;
	size_t			 k;
	int			 changed = 0;

	hard = calloc(t->ncols, sizeof *hard);
	hfit = calloc(t->ncols, sizeof *hfit);
	if (hard == NULL || hfit == NULL)
		goto done;
	measure_cols(hard, hfit, t, margin);
	share_init(&s, t, cols, grid, margin, lm);
	for (k = 0; k < t->ncols; k++)
		wsum += cols[k].weight > 0 ? cols[k].weight : 1;
	for (k = 0; k < t->ncols; k++) {
		if (cols[k].empty || cols[k].blank)
			continue;
		share = (unsigned)(total * (unsigned long long)(cols[k].weight >
		    0 ? cols[k].weight : 1) / wsum);
		if (grid[k] <= share || cols[k].min <= share)
			continue;
		w = hard[k].min > share ? hard[k].min : share;
		while (w < cols[k].min && !names_break_well(&s, k, w,
		    cols[k].natural))
			w += SHARE_STEP;
		if (w < cols[k].min) {
			cols[k].min = w;
			changed = 1;
		}
	}
	if (changed)
		share_cols(grid, cols, t, total, margin, lm);
done:
	free(hard);
	free(hfit);
}

/* Lower, then fewer words broken, then more even. */
static int
even_better(unsigned long h, unsigned long b, unsigned long q,
    unsigned long h1, unsigned long b1, unsigned long q1)
{
	return h < h1 || (h == h1 && (b < b1 || (b == b1 && q < q1)));
}

/*
 * Column widths in twips from the content (issue 18 "Tables in Word"):
 * each column's natural width is its widest line, its minimum what may
 * not break — a number, a date, a short word, a heading of up to eight
 * characters — and textfit_columns() shares the text width out.  The
 * caller's weights (or, without any, the content's own widths) size the
 * columns left empty for filling in and share what room is left.
 *
 * A column of names (a division, a system, a status: 西部地域まちづくり課,
 * 文書管理システム, フォローアップ中) keeps them whole when the table
 * allows it, with Word's cell margins or, in a dense table, narrow ones,
 * as long as the running text beside them keeps twelve characters a
 * line or most (85%) of what it has without them; when not, the widest
 * name kept (or heading) is left to wrap and the others tried again.  *margin is the cell margin the widths were made
 * for.
 */
static void
table_grid(unsigned *grid, const struct docx_table *t, unsigned total,
    int *fits, unsigned *margin, int names, int narrow, struct linememo *lm)
{
	struct textfit_col	*cols, *hard = NULL;
	struct colfit		*fit, *hfit = NULL;
	unsigned		*alt = NULL;
	unsigned long		 h1, b1, q1, h2, b2, q2;
	size_t			 k, widest;
	unsigned		 wmax;
	int			 named;

	*margin = CELL_MARGIN;
	cols = calloc(t->ncols, sizeof *cols);
	fit = calloc(t->ncols, sizeof *fit);
	if (cols == NULL || fit == NULL) {
		for (k = 0; k < t->ncols; k++) {
			grid[k] = total / (unsigned)t->ncols;
			fits[k] = 0;
		}
		grid[t->ncols - 1] += total - total / (unsigned)t->ncols *
		    (unsigned)t->ncols;
		goto done;
	}
	relax_heads(cols, fit, t, total);
	/* without names first: what the running text gets then */
	*margin = !narrow && measure_cols(cols, fit, t, CELL_MARGIN) <=
	    total ? CELL_MARGIN : CELL_MARGIN_NARROW;
	if (*margin != CELL_MARGIN)
		measure_cols(cols, fit, t, *margin);
	share_cols(grid, cols, t, total, *margin, lm);
	for (k = 0; k < t->ncols; k++) {
		fit[k].base = grid[k] / 100 * 85;
		fit[k].cap = cols[k].empty || cols[k].blank || !names ? 0 :
		    NAME_MAX;
		fit[k].hname = names && fit[k].head > 800 &&
		    fit[k].head <= NAME_MAX;
	}
	for (;;) {
		for (k = named = 0; k < t->ncols; k++)
			named |= fit[k].cap > 0 || fit[k].hname;
		*margin = CELL_MARGIN;
		if (!narrow && try_grid(grid, fits, cols, fit, t, total,
		    *margin, 0, lm))
			break;
		*margin = CELL_MARGIN_NARROW;
		if (try_grid(grid, fits, cols, fit, t, total, *margin, !named,
		    lm))
			break;
		/* the widest names wrap; the others are tried again */
		for (k = 0, widest = t->ncols, wmax = 0; k < t->ncols; k++) {
			if (fit[k].cap > 0 && (widest == t->ncols ||
			    fit[k].kept > wmax)) {
				widest = k;
				wmax = fit[k].kept;
			}
			if (fit[k].hname && (widest == t->ncols ||
			    fit[k].head > wmax)) {
				widest = k;
				wmax = fit[k].head;
			}
		}
		if (fit[widest].hname && fit[widest].head == wmax)
			fit[widest].hname = 0;
		else
			fit[widest].cap = fit[widest].kept > 500 ?
			    fit[widest].kept - 1 : 0;
	}
	if (form_to_fill(t))
		form_names(grid, cols, t, total, *margin, lm);
	/*
	 * The table as low as its widths make it, its columns even
	 * (share_even()), the least widths those without names.
	 */
	if (!form_to_fill(t) &&
	    (hard = calloc(t->ncols, sizeof *hard)) != NULL &&
	    (hfit = calloc(t->ncols, sizeof *hfit)) != NULL &&
	    (alt = calloc(t->ncols, sizeof *alt)) != NULL) {
		for (k = 0; k < t->ncols; k++)
			hfit[k].loose = fit[k].loose;
		measure_cols(hard, hfit, t, *margin);
		/*
		 * from the widths shared by lines saved, from those shared
		 * by weight (five like columns, which the first gave 2480
		 * 2478 1182 1182 1182 twips, even) and from those capping
		 * a cell's lines (share_cap()): the lower table
		 */
		textfit_columns(alt, cols, t->ncols, total);
		share_even(grid, cols, hard, t, *margin, lm, &h1, &b1, &q1);
		share_even(alt, cols, hard, t, *margin, lm, &h2, &b2, &q2);
		if (even_better(h2, b2, q2, h1, b1, q1)) {
			memcpy(grid, alt, t->ncols * sizeof *grid);
			h1 = h2;
			b1 = b2;
			q1 = q2;
		}
		/* and from the widths that cap a cell's lines lowest */
		if (share_cap(alt, cols, t, total, *margin, lm)) {
			share_even(alt, cols, hard, t, *margin, lm, &h2,
			    &b2, &q2);
			if (even_better(h2, b2, q2, h1, b1, q1))
				memcpy(grid, alt, t->ncols * sizeof *grid);
		}
	}
	/*
	 * No cell's last line one or two characters alone (確認す／る。):
	 * the columns of text trade a little room, those of a form to
	 * fill in as they are (a form filled in is a table like others).
	 */
	if (!form_to_fill(t)) {
		struct fitarg		 f = { t, *margin };
		struct textfit_table	 tt = {
			t->nrows, t->ncols, fit_cell, fit_room, &f,
		};

		textfit_balance(grid, cols, &tt, (unsigned)twips(25),
		    (unsigned)twips(800));
		/* a name share_even() let wrap: its column fits the rest */
		for (k = 0; k < t->ncols; k++)
			fits[k] = grid[k] >= (alt != NULL ? hard[k].min :
			    cols[k].min);
	}
done:
	free(cols);
	free(fit);
	free(hard);
	free(hfit);
	free(alt);
}

/* Does a paragraph of s start with a label, (1) or （1）? */
static int
has_items(const char *s)
{
	const char	*p;

	for (p = s; p != NULL && *p != '\0'; p = strchr(p, '\n')) {
		if (*p == '\n')
			p++;
		if (textfit_label_width(p) > 0)
			return 1;
	}
	return 0;
}

static char	*roomy_break(const char *, char *, unsigned, unsigned);
static unsigned	 short_tail(const char *);
static int	 breaks_badly(const char *, const char *, unsigned);

/* Lines of the items of s broken at room as put_items() breaks them. */
static unsigned
items_lines(const char *s, unsigned room)
{
	const char	*p, *nl;
	char		*para, *broken;
	unsigned	 n = 0;
	size_t		 len;

	for (p = s; p != NULL; p = nl != NULL ? nl + 1 : NULL) {
		nl = strchr(p, '\n');
		len = nl != NULL ? (size_t)(nl - p) : strlen(p);
		if ((para = strndup(p, len)) == NULL)
			return 0;
		broken = text_break(para, room);
		n += broken != NULL ? textfit_count_lines(broken) : 1;
		free(broken);
		free(para);
	}
	return n;
}

/*
 * An item para of a cell broken at room (text_break()), or, where that
 * breaks a word, by roomy_break() in the lines it takes and *spare
 * more, of which *spare keeps what it does not take; with rowlines 0
 * (a cell over rows) as text_break() breaks it.
 */
static char *
item_break(const char *para, unsigned room, unsigned rowlines,
    unsigned *spare)
{
	char		*broken;
	unsigned	 had;

	if ((broken = text_break(para, room)) == NULL || rowlines == 0 ||
	    !breaks_badly(para, broken, room))
		return broken;
	had = textfit_count_lines(broken);
	broken = roomy_break(para, broken, room, had + *spare);
	if (broken != NULL && textfit_count_lines(broken) > had)
		*spare -= textfit_count_lines(broken) - had;
	return broken;
}

char *
docx_item_break(const char *para, unsigned room, unsigned rowlines)
{
	unsigned	 spare = 0, had;
	char		*w;

	if ((w = text_break(para, room)) != NULL) {
		had = textfit_count_lines(w);
		spare = rowlines > had ? rowlines - had : 0;
		free(w);
	}
	return item_break(para, room, rowlines, &spare);
}

/*
 * A cell's text of numbered items (条件: (1) 稼働前に…), a paragraph
 * each, an item's lines hanging at its label, broken by the writer at
 * room (hundredths of the body's characters, at the cell's size) as
 * text_lines() counts them; an item that breaks a word (示してく／ださい)
 * takes a line the row has to spare (rowlines, 0 for none) as a cell of
 * one paragraph does (roomy_break()).
 */
static void
put_items(struct buf *b, const struct cell *origin,
    const struct docx_para_style *base, unsigned room, unsigned rowlines)
{
	struct docx_para_style	 ps;
	const char		*p, *nl;
	char			*para, *broken;
	unsigned		 size = base->size != 0 ? base->size : BODY_SIZE;
	unsigned		 lab, had, spare = 0;
	size_t			 len;

	if (rowlines > 0 && (had = items_lines(origin->text, room)) > 0 &&
	    had < rowlines)
		spare = rowlines - had;
	for (p = origin->text; p != NULL; p = nl != NULL ? nl + 1 : NULL) {
		nl = strchr(p, '\n');
		len = nl != NULL ? (size_t)(nl - p) : strlen(p);
		if ((para = strndup(p, len)) == NULL) {
			b->failed = 1;
			return;
		}
		ps = *base;
		if (ps.align == DOCX_JUSTIFY)
			ps.align = DOCX_LEFT;
		/* a row keeps with the next as table_keeps() says, no more */
		ps.keep_next = base->keep_next;
		if ((lab = textfit_label_width(para)) > 0) {
			ps.indent_left = (int)(lab * size / BODY_SIZE);
			ps.indent_first = -ps.indent_left;
		}
		broken = item_break(para, room, rowlines, &spare);
		buf_puts(b, "<w:p>");
		put_ppr(b, NULL, &ps);
		if (*para != '\0') {
			buf_puts(b, "<w:r>");
			put_rpr(b, ps.bold, ps.gothic, 0, ps.size, 0);
			put_run_text(b, broken != NULL ? broken : para,
			    strlen(broken != NULL ? broken : para));
			buf_puts(b, "</w:r>");
		}
		buf_puts(b, "</w:p>");
		free(broken);
		free(para);
	}
}

/*
 * The writer's lines w of a cell's text s at room, or, where they break
 * a word (誤送／信, 持ち帰／り) and the row is taller than they are, s
 * broken narrower where that breaks none and takes no more of the row's
 * lines (textfit_spare_word()): a line the row has anyway spares the
 * word; else, where the row has no fewer lines than they, s broken at
 * the best breaks in the row's lines (textfit_wrap_within()).  w is
 * freed when replaced.
 */
/*
 * 1 for lines s whose last line is a short tail of up to TEXTFIT_TAIL
 * characters (…周知し／ている。), which reads as left over.
 */
static unsigned
short_tail(const char *s)
{
	const char	*p = strrchr(s, '\n');
	unsigned	 n = 0;
	uint32_t	 cp;

	if (p == NULL)
		return 0;
	for (p++; *p != '\0' && n <= TEXTFIT_TAIL; n++)
		p += text_utf8_decode(&cp, p, strlen(p));
	return n <= TEXTFIT_TAIL;
}

/*
 * w, s broken at room in at most lines lines, or where it starts a line
 * with kana of the word before (textfit_kana_cost(): …利用契約と／し、),
 * s wrapped as textfit_wrap_within() wraps it, narrower a quarter of a
 * character at a time down to two thirds of room: the first wrap that
 * costs nothing (textfit_break_cost()), else the one that costs least
 * if less than w.  w is freed when replaced.
 */
static char *
spare_kana(const char *s, char *w, unsigned room, unsigned lines, int tail)
{
	char		*w2, *best = NULL;
	unsigned	 r, c, bc;

	if (w == NULL || textfit_kana_cost(s, w) == 0 || room < 225)
		return w;
	bc = textfit_break_cost(s, w, room);
	for (r = fill_room(s, room); r >= 225 && r >= room * 2 / 3;
	    r -= 25) {
		if ((w2 = textfit_wrap_within(s, r, room, lines, tail,
		    NULL)) == NULL)
			continue;
		if ((c = textfit_break_cost(s, w2, room)) < bc) {
			free(best);
			best = w2;
			bc = c;
			if (c == 0)
				break;
		} else
			free(w2);
	}
	if (best == NULL)
		return w;
	free(w);
	return best;
}

static char *
roomy_break(const char *s, char *w, unsigned room, unsigned rowlines)
{
	char		*w2;
	unsigned	 h, c;
	int		 tail;

	if (textfit_count_lines(w) > rowlines)
		return w;
	if (textfit_count_lines(w) < rowlines)
		w = textfit_spare_word(s, w, room, rowlines, fill_wrap);
	if (w == NULL)
		return NULL;
	tail = is_sentence(s) && short_tail(w);
	/*
	 * else a line of the row taken for a break between words, not
	 * only the lines made narrower (写真の閲覧範囲、／第三者認証、／
	 * 利用者認証, not 写真の閲覧／範囲、第三者認／証、利用者認証), or
	 * the row's lines broken between words where the filled ones
	 * broke one (人事異動の都度、／非常時連絡網を…, not 非常時連／絡網)
	 * or a word of kana (定め／ている, which textfit_bad_break() lets
	 * be and textfit_break_cost() counts)
	 */
	if ((textfit_bad_break(s, w, room, &h) > 0 || tail ||
	    textfit_break_cost(s, w, room) > 0) &&
	    (w2 = textfit_wrap_within(s, fill_room(s, room), room,
	    rowlines, tail, &c)) != NULL) {
		/*
		 * one that breaks words still where they cost less (同法施行
		 * 規則／第44条, not 同法施行規／則第44条), or as much for a
		 * short tail
		 */
		c = textfit_break_cost(s, w2, room);
		h = c > 0 ? textfit_break_cost(s, w, room) : 0;
		if (c == 0 || c < h || (tail && c <= h)) {
			free(w);
			w = w2;
		} else
			free(w2);
	}
	return spare_kana(s, w, room, rowlines, tail);
}

char *
docx_cell_break_row(const char *s, unsigned room, unsigned rowlines)
{
	char	*w;

	if ((w = text_break(s, room)) == NULL)
		return NULL;
	return roomy_break(s, w, room, rowlines);
}

static unsigned	row_height(const struct docx_table *, const unsigned *,
		    unsigned, size_t, int);

/* text with a line feed at byte at, allocated; NULL if out of memory */
static char *
break_at(const char *text, size_t at)
{
	char	*b;

	if ((b = malloc(strlen(text) + 2)) == NULL)
		return NULL;
	memcpy(b, text, at);
	b[at] = '\n';
	strcpy(b + at + 1, text + at);
	return b;
}

/*
 * Does w, s broken at room, break a word (textfit_break_cost(): a word
 * of kana too, 定め／ている, which textfit_bad_break() lets be) or leave
 * a sentence a short tail?
 */
static int
breaks_badly(const char *s, const char *w, unsigned room)
{
	unsigned	h;

	return textfit_bad_break(s, w, room, &h) > 0 ||
	    textfit_break_cost(s, w, room) > 0 ||
	    (is_sentence(s) && short_tail(w));
}

/*
 * The text of cell origin (row's, not below a merge) as put_cell()
 * writes it, w twips wide with room hundredths of its text at its size,
 * with the line breaks it sets (allocated), or NULL for its text as it
 * is; a word it breaks may take the row's lines and extra more.
 */
static char *
cell_break(const struct docx_table *t, const unsigned *grid, unsigned margin,
    size_t row, const struct cell *origin, unsigned w, unsigned room,
    unsigned extra)
{
	unsigned	 size = cell_size(origin);
	int		 header = row < t->header_rows, named = 0;
	const char	*text = origin->text;
	char		*broken = NULL, *kept = NULL;
	unsigned	 h;

	/*
	 * A name too wide for its cell (its column's names did not all fit)
	 * breaks where a reader would break it, not before its last
	 * character: 標準化・／他システム連携, 建築指導／担当課.
	 */
	if (text != NULL && !header && list_item_width(text) > 0 &&
	    room > 0) {
		broken = list_break(text, room);
		if (broken != NULL)
			text = broken;
	} else if (text != NULL && *text != '\0' && !header &&
	    strpbrk(text, "\r\n") == NULL &&
	    textfit_width(text) <= NAME_MAX &&
	    cell_twips(textfit_width(text), origin, margin) > w &&
	    room > 0) {
		size_t		 at;

		if ((at = textfit_name_break(text, room)) > 0 &&
		    (broken = break_at(text, at)) != NULL) {
			text = broken;
			named = 1;
		}
	}
	/*
	 * A heading of Japanese alone too wide for its cell, which prints
	 * as wide as measured and may fit only in the cell's slack: broken
	 * as a name (所管課の再発／防止策), not left to the application
	 * within WIDOW_FIT (LibreOffice broke 所管課の再発防止／策).
	 */
	if (text != NULL && header && room > 0 &&
	    text[strspn(text, JAPANESE_BYTES)] == '\0' &&
	    textfit_width(text) <= NAME_MAX &&
	    textfit_width(text) > room + JAPANESE_FIT) {
		size_t		 at;

		if ((at = textfit_name_break(text, room)) > 0 &&
		    (broken = break_at(text, at)) != NULL)
			text = broken;
	}
	/*
	 * Running text (and a long heading): the writer's own line breaks,
	 * never inside a date, a number with its unit, a katakana word or a
	 * short aside; else, where it may fit a line, no last line of one or
	 * two characters.
	 */
	if (text != NULL && *text != '\0' && broken == NULL &&
	    !textfit_is_unbreakable(text) && room > 0) {
		if ((broken = text_break(text, room)) == NULL && !header)
			broken = docx_widow_break(text, room);
		if (broken != NULL)
			text = broken;
	}
	/*
	 * a word broken where the row has a line to spare for it, or the
	 * rows a merged cell spans (会計年度任用／職員 in the 作業実施計画書's
	 * 変更理由 beside two 変更内容 of seven lines)
	 */
	if (broken != NULL && !header && room > 0) {
		/* the row's height only for a cell that breaks a word */
		if (breaks_badly(origin->text, broken, room)) {
			unsigned	lines = 0;
			size_t		r;

			for (r = row; r < row + (origin->rspan > 1 ?
			    (size_t)origin->rspan : 1) && r < t->nrows; r++)
				lines += row_height(t, grid, margin, r, 1) /
				    size;
			/*
			 * a name's break kept rather than one between two
			 * of its hiragana (西部地域／まちづくり課, not
			 * 西部地域まち／づくり課: review2 of issue 18)
			 */
			named = named && (kept = strdup(broken)) != NULL;
			broken = roomy_break(origin->text, broken, room,
			    lines + extra);
			if (named && broken != NULL &&
			    textfit_bad_break(origin->text, broken, room,
			    &h) >= 0 && h > 0) {
				free(broken);
				broken = kept;
				kept = NULL;
			}
			free(kept);
		}
	}
	return broken;
}

static void
put_cell(struct buf *b, const struct docx_table *t, const unsigned *grid,
    const int *fits, unsigned margin, size_t row, size_t col,
    const struct cell *origin, int cont, int keep, unsigned extra)
{
	struct docx_para_style	 ps;
	size_t			 span, k;
	unsigned		 w = 0, need, room = 0;
	unsigned		 size = origin->styled && origin->style.size !=
				    0 ? origin->style.size : BODY_SIZE;
	int			 header = row < t->header_rows, nowrap = 0;
	const char		*text = cont ? NULL : origin->text;
	char			*broken = NULL;

	span = origin->cspan > 1 ? origin->cspan : 1;
	for (k = col; k < col + span; k++)
		w += grid[k];
	/* the room of its text, hundredths of the body's characters */
	room = text_room(origin, w, margin);
	memset(&ps, 0, sizeof ps);
	if (origin->styled)
		ps = origin->style;
	if (header) {
		ps.bold = 1;
		ps.align = DOCX_CENTER;
	} else if (ps.align == DOCX_JUSTIFY) {
		/*
		 * Never justified in a cell: a narrow cell would spread its
		 * characters apart ("作 成 さ れ て い な い").  Numbers go
		 * right, everything else left.
		 */
		ps.align = textfit_is_number(text) ? DOCX_RIGHT : DOCX_LEFT;
	}
	if (text != NULL) {
		broken = cell_break(t, grid, margin, row, origin, w, room,
		    extra);
		if (broken != NULL)
			text = broken;
	}
	/* Numbers, dates and short headings on one line, where they fit. */
	if (text != NULL && *text != '\0' && strpbrk(text, "\r\n") == NULL &&
	    (textfit_is_unbreakable(text) || (header &&
	    textfit_width(text) <= 800))) {
		need = cell_twips(textfit_width(text), origin, margin);
		nowrap = span == 1 ? fits[col] && need <= w : need <= w;
	}
	/* CT_TcPr order: tcW, gridSpan, vMerge, shd, noWrap, vAlign. */
	buf_printf(b, "<w:tc><w:tcPr><w:tcW w:w=\"%u\" w:type=\"dxa\"/>", w);
	if (span > 1)
		buf_printf(b, "<w:gridSpan w:val=\"%zu\"/>", span);
	if (cont)
		buf_puts(b, "<w:vMerge/>");
	else if (origin->rspan > 1)
		buf_puts(b, "<w:vMerge w:val=\"restart\"/>");
	if (header)
		buf_puts(b, "<w:shd w:val=\"clear\" w:color=\"auto\" "
		    "w:fill=\"D9D9D9\"/>");
	if (nowrap)
		buf_puts(b, "<w:noWrap/>");
	/*
	 * Every cell is centred vertically, as the ward's tables are: a No.
	 * at the top of a row of three lines looked misplaced, and a short
	 * left-aligned cell at the top beside a centred one (番号 above 日付)
	 * looked uneven.
	 */
	buf_puts(b, "<w:vAlign w:val=\"center\"/>");
	buf_puts(b, "</w:tcPr>");
	/* No indentation or spacing from the body style in a cell. */
	ps.indent_left = ps.indent_right = ps.indent_first = 0;
	ps.tabs[0] = 0;
	ps.keep_next = keep;
	if (!header && !cont && has_items(origin->text) && room > 0) {
		put_items(b, origin, &ps, room, origin->rspan <= 1 ?
		    row_height(t, grid, margin, row, 1) / size + extra : 0);
		buf_puts(b, "</w:tc>");
		free(broken);
		return;
	}
	buf_puts(b, "<w:p>");
	put_ppr(b, NULL, &ps);
	if (text != NULL && *text != '\0') {
		buf_puts(b, "<w:r>");
		put_rpr(b, ps.bold, ps.gothic, 0, ps.size, 0);
		put_run_text(b, text, strlen(text));
		buf_puts(b, "</w:r>");
	}
	buf_puts(b, "</w:p></w:tc>");
	free(broken);
}

/*
 * Which rows keep with the next (keepNext on their paragraphs), so that
 * no table starts at a page foot with its header and a row and none
 * ends with one row alone at the top of a page (cantSplit keeps each
 * row whole, tblHeader repeats the header, neither keeps rows together):
 * a short table (up to KEEP_ROWS rows and about KEEP_LINES lines) is
 * kept whole; a longer one keeps its header with its first KEEP_HEAD
 * body rows (with two, a table of a dozen rows started at a page foot
 * and went on over the page: the 実施結果報告書's 章別 table) -- the
 * rows after the second only while those kept take at most
 * KEEP_HEAD_LINES, and in a table of at most KEEP_SPAN rows: a taller
 * start moved left as much of the page empty, and a table of more rows
 * moved whole pushed the chart after it a page on (the 点検 reports'
 * 部別 tables of 17 rows: a page 57 % empty, one page more) -- and its
 * last KEEP_TAIL rows together; a row of
 * TALL_ROW lines or more stands on its own: the first body row keeps
 * with the second, and the last but one with the last, only when the
 * row they would stand without is shorter (tying tall rows moved half
 * a page to the next one and left the gap: the 対応基準提案書's
 * reporting table), or when the two together take at most
 * KEEP_TAIL_LINES lines (under a third of a page moved, not half; the
 * 対応基準提案書's tables otherwise left a last rule alone at the top
 * of a page, or a header and a first rule at its foot).  The rows of a
 * vertical merge stay together too.
 * The last row never keeps: that would tie the table to the paragraph
 * after it (except to a short note, keep_last_row()).
 */
#define KEEP_ROWS	8
#define KEEP_LINES	24
#define KEEP_HEAD	4
#define KEEP_HEAD_LINES	5
#define KEEP_SPAN	16
#define KEEP_TAIL	2
#define TALL_ROW	4
#define KEEP_TAIL_LINES	14

/*
 * Lines the row's tallest cell takes, roughly, in lines of the body's
 * size; with exact, in half-points (lines times their size).
 */
static unsigned
row_height(const struct docx_table *t, const unsigned *grid, unsigned margin,
    size_t r, int exact)
{
	const struct cell	*c;
	size_t			 k;
	unsigned		 w, size, room, n, most = 1;

	for (k = 0; k < t->ncols; k++) {
		c = cell_at(t, r, k);
		if (c->covered || c->text == NULL || *c->text == '\0')
			continue;
		w = cell_span_twips(t, grid, k, c);
		size = cell_size(c);
		room = text_room(c, w, margin);
		n = text_lines(c->text, room > 0 ? room : 100);
		/* a merged cell's lines are shared by its rows */
		if (c->rspan > 1)
			n = (n + (unsigned)c->rspan - 1) / (unsigned)c->rspan;
		/* smaller text, shorter lines */
		if (exact)
			n *= size;
		else
			n = n * size / BODY_SIZE + (n * size % BODY_SIZE != 0);
		if (n > most)
			most = n;
	}
	return exact && most == 1 ? BODY_SIZE : most;
}

static char	*cell_break(const struct docx_table *, const unsigned *,
		    unsigned, size_t, const struct cell *, unsigned, unsigned,
		    unsigned);

/*
 * The height of row r as the writer sets it, in half-points (lines times
 * their size): row_height()'s, or where row_extra() gave it extra lines
 * (to spare a word cut), its cells' lines as cell_break() breaks them
 * with those.  The choices between layouts (table_height(): names kept
 * or not, margins, the size of the text) and the keeps (table_keeps())
 * count this height, not the one without the line the writer adds: the
 * 対応基準提案書's 判断基準 was measured a line a row lower than it was
 * written where the writer spared a cut word.
 */
static unsigned
row_real(const struct docx_table *t, const unsigned *grid, unsigned margin,
    size_t r, unsigned extra)
{
	const struct cell	*c;
	char			*w;
	unsigned		 h = row_height(t, grid, margin, r, 1), n, size;
	unsigned		 cw, room;
	size_t			 k;

	if (extra == 0)
		return h;
	for (k = 0; k < t->ncols; k++) {
		c = cell_at(t, r, k);
		if (c->covered || c->rspan > 1 || c->text == NULL ||
		    *c->text == '\0' || has_items(c->text))
			continue;
		cw = cell_span_twips(t, grid, k, c);
		size = cell_size(c);
		room = text_room(c, cw, margin);
		if (room == 0 || (w = cell_break(t, grid, margin, r, c, cw,
		    room, extra)) == NULL)
			continue;
		n = textfit_count_lines(w) * size;
		free(w);
		if (n > h)
			h = n;
	}
	return h;
}

/* Lines of rows a to b of rl, both included. */
static unsigned
head_lines(const unsigned *rl, size_t a, size_t b)
{
	unsigned	n = 0;

	for (; a <= b; a++)
		n += rl[a];
	return n;
}

static int
table_keeps(int *keep, const struct docx_table *t, const unsigned *grid,
    unsigned margin, const unsigned *extra)
{
	size_t		 r, k, n = t->nrows, h = t->header_rows;
	unsigned	 lines = 0, *rl;
	const struct cell *c;

	if ((rl = calloc(n, sizeof *rl)) == NULL)
		return error_set(NC_ENOMEM, "out of memory");
	for (r = 0; r < n; r++) {
		/* in lines of the body's size, rounded up */
		rl[r] = row_real(t, grid, margin, r, extra[r]);
		rl[r] = rl[r] / BODY_SIZE + (rl[r] % BODY_SIZE != 0);
		lines += rl[r];
	}
	for (r = 0; r + 1 < n; r++) {
		if (n <= KEEP_ROWS && lines <= KEEP_LINES)
			keep[r] = 1;
		/* the header with the first row, whatever its height */
		else if (r < h)
			keep[r] = 1;
		else if (r == h && (rl[h] < TALL_ROW ||
		    (h + 1 < n && rl[h] + rl[h + 1] <= KEEP_TAIL_LINES)))
			keep[r] = 1;
		/* and the next ones while they are short together */
		else if (r > h && r < h + KEEP_HEAD - 1 &&
		    n - h <= KEEP_SPAN &&
		    head_lines(rl, h, r + 1) <= KEEP_HEAD_LINES)
			keep[r] = 1;
		else if (r + KEEP_TAIL >= n && (rl[n - 1] < TALL_ROW ||
		    rl[n - 2] + rl[n - 1] <= KEEP_TAIL_LINES))
			keep[r] = 1;
		for (k = 0; k < t->ncols && !keep[r]; k++) {
			c = cell_at(t, r + 1, k);
			if (c->covered && c->orow <= r)
				keep[r] = 1;
		}
	}
	free(rl);
	return 0;
}

/*
 * A dense table, its text too long for its columns at the body's size
 * (精査記録's five columns: 確認事項 five characters a line, 更新の目／
 * 的と), is set at SMALL_SIZE when that takes at most SMALL_SAVES % of
 * its height at the body's size, counted in lines of the body's size.
 * A form with a column to write in keeps the body's size.
 */
#define SMALL_SIZE	18		/* half-points: 9 pt */
#define SMALL_SAVES	80

static int	row_extra(unsigned *, const struct docx_table *,
		    const unsigned *, unsigned);

/*
 * Height of t in half-points of line, with widths grid: its rows as the
 * writer sets them (row_real()), with the lines row_extra() gives them.
 */
static unsigned long
table_height(const struct docx_table *t, const unsigned *grid,
    unsigned margin)
{
	unsigned long	 h = 0;
	unsigned	*extra;
	size_t		 r;

	if ((extra = calloc(t->nrows + 1, sizeof *extra)) != NULL &&
	    row_extra(extra, t, grid, margin) != 0)
		memset(extra, 0, (t->nrows + 1) * sizeof *extra);
	for (r = 0; r < t->nrows; r++)
		h += row_real(t, grid, margin, r, extra != NULL ? extra[r] :
		    0);
	free(extra);
	return h;
}

/*
 * t with its cells at the body's size set at SMALL_SIZE, sharing its
 * texts (free with small_free()), or NULL.
 */
static struct docx_table *
small_copy(const struct docx_table *t)
{
	struct docx_table	*s;
	struct cell		*c;
	size_t			 i, n = t->nrows * t->ncols;

	if ((s = malloc(sizeof *s)) == NULL)
		return NULL;
	*s = *t;
	if ((s->cells = calloc(n, sizeof *s->cells)) == NULL) {
		free(s);
		return NULL;
	}
	memcpy(s->cells, t->cells, n * sizeof *s->cells);
	for (i = 0; i < n; i++) {
		c = &s->cells[i];
		if (!c->styled) {
			memset(&c->style, 0, sizeof c->style);
			c->styled = 1;
		}
		if (c->style.size == 0 || c->style.size == BODY_SIZE)
			c->style.size = SMALL_SIZE;
	}
	return s;
}

static void
small_free(struct docx_table *s)
{
	if (s != NULL)
		free(s->cells);
	free(s);
}

/*
 * Widths of t with its names kept whole (table_grid()), unless letting
 * them wrap takes at most NAMES_SAVE % of the table's height: the names
 * took the room of a column of much text (the 特記事項 report's 「いいえ」
 * の項目 eleven lines a row beside 課 and 契約名 on one).
 */
#define NAMES_SAVE	85
/* Tables of this many columns or more may take narrow cell margins. */
#define NARROW_COLS	4

/*
 * What the words t's cells break cost at grid (textfit_break_cost()), and
 * their short tails (short_tail()), as put_cell() breaks them, roughly:
 * running text as text_break() and roomy_break() do.
 */
static unsigned long
table_bad(const struct docx_table *t, const unsigned *grid, unsigned margin)
{
	const struct cell	*c;
	struct fitarg		 f = { t, margin };
	unsigned long		 bad = 0;
	unsigned		 room, size;
	char			*w;
	size_t			 r, k;

	for (r = t->header_rows; r < t->nrows; r++)
		for (k = 0; k < t->ncols; k++) {
			c = cell_at(t, r, k);
			room = fit_room(&f, r, k, grid[k]);
			if (c->covered || c->cspan > 1 || c->text == NULL ||
			    (w = text_break(c->text, room)) == NULL)
				continue;
			size = cell_size(c);
			if (c->rspan <= 1 && breaks_badly(c->text, w, room))
				w = roomy_break(c->text, w, room,
				    row_height(t, grid, margin, r, 1) / size);
			if (w == NULL)
				continue;
			bad += textfit_break_cost(c->text, w, room) +
			    short_tail(w);
			free(w);
		}
	return bad;
}

static void
table_names(const struct docx_table *t, unsigned total, unsigned *grid,
    int *fits, unsigned *margin)
{
	struct linememo	 lm;
	unsigned	*g2 = NULL, m2;
	int		*f2 = NULL;

	linememo_init(&lm, t);
	table_grid(grid, t, total, fits, margin, 1, 0, &lm);
	if (t->ncols < 3 || t->form)
		goto done;
	g2 = calloc(t->ncols, sizeof *g2);
	f2 = calloc(t->ncols, sizeof *f2);
	if (g2 != NULL && f2 != NULL) {
		table_grid(g2, t, total, f2, &m2, 0, 0, &lm);
		if (table_height(t, g2, m2) * 100 <= table_height(t, grid,
		    *margin) * NAMES_SAVE) {
			memcpy(grid, g2, t->ncols * sizeof *grid);
			memcpy(fits, f2, t->ncols * sizeof *fits);
			*margin = m2;
		}
	}
	/*
	 * A table of many columns at Word's margins: with narrow ones where
	 * that breaks no more words and makes it lower or breaks fewer, no
	 * taller (the 概要報告書's 番号, 項目番号, 区分 and 是正期限 gave
	 * the 指摘内容 beside them ten characters a line).
	 */
	if (g2 != NULL && f2 != NULL && t->ncols >= NARROW_COLS &&
	    *margin == CELL_MARGIN) {
		unsigned long	h = table_height(t, grid, *margin), h2, b, b2;

		table_grid(g2, t, total, f2, &m2, 1, 1, &lm);
		h2 = table_height(t, g2, m2);
		b = table_bad(t, grid, *margin);
		b2 = table_bad(t, g2, m2);
		if (h2 <= h && b2 <= b && (h2 < h || b2 < b)) {
			memcpy(grid, g2, t->ncols * sizeof *grid);
			memcpy(fits, f2, t->ncols * sizeof *fits);
			*margin = m2;
		}
	}
done:
	free(g2);
	free(f2);
	free(lm.v);
}

/* A form with a column to write in: nothing but line ends in its body. */
static int
form_to_fill(const struct docx_table *t)
{
	const struct cell	*c;
	size_t			 r, k;
	int			 blank;

	if (!t->form)
		return 0;
	for (k = 0; k < t->ncols; k++) {
		for (r = t->header_rows, blank = 1; blank && r < t->nrows;
		    r++) {
			c = cell_at(t, r, k);
			blank = c->covered || c->text == NULL ||
			    c->text[strspn(c->text, "\r\n ")] == '\0';
		}
		if (blank)
			return 1;
	}
	return 0;
}

/*
 * The widths of t, or of its small copy (*small, to free) where that is
 * the better table (SMALL_SAVES).
 */
static void
table_layout(const struct docx_table *t, unsigned total, unsigned *grid,
    int *fits, unsigned *margin, struct docx_table **small)
{
	unsigned	*g2, m2;
	int		*f2;
	unsigned long	 h, h2;

	*small = NULL;
	table_names(t, total, grid, fits, margin);
	if (t->ncols < 3 || form_to_fill(t))
		return;
	h = table_height(t, grid, *margin);
	/* not one that wraps: a line a row, and a little */
	if (h <= (t->nrows + t->nrows / 2) * BODY_SIZE)
		return;
	g2 = calloc(t->ncols, sizeof *g2);
	f2 = calloc(t->ncols, sizeof *f2);
	if (g2 == NULL || f2 == NULL || (*small = small_copy(t)) == NULL)
		goto done;
	table_names(*small, total, g2, f2, &m2);
	h2 = table_height(*small, g2, m2);
	if (h2 * 100 <= h * SMALL_SAVES) {
		memcpy(grid, g2, t->ncols * sizeof *grid);
		memcpy(fits, f2, t->ncols * sizeof *fits);
		*margin = m2;
	} else {
		small_free(*small);
		*small = NULL;
	}
done:
	free(g2);
	free(f2);
}

/*
 * What t's own body keeps whole in each column (kept_width(), a short
 * word), in hundredths at the body's size: the floor of a table laid out
 * from a model (docx_table_layout_with()), whose columns of text the model
 * leaves to its weights: a record's クラウドサービス broke in a 所管課回答
 * seven characters wide.  NULL out of memory.
 */
static unsigned *
own_floor(const struct docx_table *t)
{
	const struct cell	*c;
	unsigned		*f, w, m;
	size_t			 r, k;

	if ((f = calloc(t->ncols, sizeof *f)) == NULL)
		return NULL;
	for (r = t->header_rows; r < t->nrows; r++)
		for (k = 0; k < t->ncols; k++) {
			c = cell_at(t, r, k);
			if (c->covered || c->cspan > 1 || c->text == NULL ||
			    textfit_width(c->text) == 0)
				continue;
			w = textfit_min(c->text, 400);
			if ((m = kept_width(c->text)) > w)
				w = m;
			w = w * cell_size(c) / BODY_SIZE;
			if (w > f[k])
				f[k] = w;
		}
	return f;
}

/*
 * table_layout() of t with the rows that size it too (nsizing), so that
 * tables of one shape get the same widths and the same size of text.
 */
static int
sized_layout(const struct docx_table *t, unsigned total, unsigned *grid,
    int *fits, unsigned *margin, struct docx_table **small)
{
	struct docx_table	 all, *s = NULL;
	size_t			 n = t->nrows * t->ncols;

	/* nothing but its own rows to lay it out from */
	if (t->layout_only)
		n = (t->header_rows < t->nrows ? t->header_rows : t->nrows) *
		    t->ncols;
	if (t->nsizing == 0 && (!t->layout_only || n == 0)) {
		table_layout(t, total, grid, fits, margin, small);
		return 0;
	}
	all = *t;
	all.nrows = n / t->ncols + t->nsizing;
	all.nsizing = 0;
	all.sizing = NULL;
	all.floor = NULL;
	if ((all.cells = calloc(all.nrows * t->ncols, sizeof *all.cells)) ==
	    NULL || (t->layout_only && (all.floor = own_floor(t)) == NULL)) {
		free(all.cells);
		return error_set(NC_ENOMEM, "out of memory");
	}
	memcpy(all.cells, t->cells, n * sizeof *all.cells);
	memcpy(all.cells + n, t->sizing, t->nsizing * t->ncols *
	    sizeof *all.cells);
	table_layout(&all, total, grid, fits, margin, &s);
	free(all.cells);
	free(all.floor);
	*small = NULL;
	if (s != NULL) {
		small_free(s);
		if ((*small = small_copy(t)) == NULL)
			return error_set(NC_ENOMEM, "out of memory");
	}
	return 0;
}

/*
 * A row may take a line more where that spares a word one of its cells
 * breaks at a cost of EXTRA_COST or more (textfit_break_cost(): a word
 * cut a character from its edge, a pair cut, a word of kana: とどま／り,
 * 事故／等管理要領, 条件を付け／て): a line of a table costs the page
 * little, a word cut costs every reader.  Any row of a table of up to
 * KEEP_ROWS rows may, and of a longer one one row in EXTRA_ROWS of the
 * body (and one), those that spare the most first, so that a long table
 * does not grow by much.  A row may take a second line where the first
 * still leaves such a word and the second spares it, not counted as
 * another row's (the 対応基準提案書's 報告の期限: …行わ／れたおそれがある、
 * 不特定多数の／者に, left by one line more, spared by two; counted, it
 * took the line that spared the row below 場合／で、).
 */
#define EXTRA_COST	2
#define EXTRA_ROWS	4
#define EXTRA_MAX	2

/*
 * What the words cell (r, k) breaks cost as put_cell() writes it with
 * extra lines more than its row's, 0 for one that is not plain text.
 */
static unsigned
cell_cost(const struct docx_table *t, const unsigned *grid, unsigned margin,
    size_t r, size_t k, unsigned extra)
{
	const struct cell	*c = cell_at(t, r, k);
	struct fitarg		 f = { t, margin };
	unsigned		 w = 0, room, cost = 0;
	size_t			 j, span;
	char			*broken;

	if (c->covered || c->rspan > 1 || c->text == NULL ||
	    *c->text == '\0' || has_items(c->text) ||
	    list_item_width(c->text) > 0)
		return 0;
	span = c->cspan > 1 ? c->cspan : 1;
	for (j = k; j < k + span && j < t->ncols; j++)
		w += grid[j];
	room = fit_room(&f, r, k, w);
	if ((broken = cell_break(t, grid, margin, r, c, w, room, extra)) ==
	    NULL)
		return 0;
	cost = textfit_break_cost(c->text, broken, room);
	free(broken);
	return cost;
}

/* What row r's cells spare with a line more than extra lines. */
static unsigned
extra_gain(const struct docx_table *t, const unsigned *grid, unsigned margin,
    size_t r, unsigned extra)
{
	unsigned	 c0, c1, gain = 0;
	size_t		 k;

	for (k = 0; k < t->ncols; k++) {
		if ((c0 = cell_cost(t, grid, margin, r, k, extra)) <
		    EXTRA_COST)
			continue;
		if ((c1 = cell_cost(t, grid, margin, r, k, extra + 1)) < c0)
			gain += c0 - c1;
	}
	return gain;
}

static int
row_extra(unsigned *extra, const struct docx_table *t, const unsigned *grid,
    unsigned margin)
{
	unsigned	*gain, most;
	size_t		 r, best, n, body = t->nrows - t->header_rows;

	if ((gain = calloc(t->nrows + 1, sizeof *gain)) == NULL)
		return error_set(NC_ENOMEM, "out of memory");
	for (r = t->header_rows; r < t->nrows; r++)
		gain[r] = extra_gain(t, grid, margin, r, 0);
	for (n = 0; n < (body <= KEEP_ROWS ? body : 1 + body / EXTRA_ROWS);
	    ) {
		for (r = 0, best = t->nrows, most = 0; r < t->nrows; r++)
			if (gain[r] > most) {
				best = r;
				most = gain[r];
			}
		if (best == t->nrows)
			break;
		/* a row's second line is not another row's */
		if (extra[best]++ == 0)
			n++;
		gain[best] = extra[best] < EXTRA_MAX ? extra_gain(t, grid,
		    margin, best, extra[best]) : 0;
	}
	free(gain);
	return 0;
}

static int
table_impl(struct docx *d, const struct docx_table *t)
{
	struct buf	 b = BUF_INIT;
	struct docx_table *small = NULL;
	unsigned	*grid = NULL, total, margin;
	int		*fits = NULL, *keep = NULL;
	unsigned	*extra = NULL;
	const struct cell *c;
	size_t		 r, k, last_row = 0;
	int		 rc;

	if ((rc = table_sticky(t)) != 0)
		return rc;
	if ((rc = not_open(d)) != 0)
		return rc;
	if (t->nrows == 0)
		return error_set(NC_EINVALID, "the table has no rows");
	if ((grid = calloc(t->ncols, sizeof *grid)) == NULL ||
	    (fits = calloc(t->ncols, sizeof *fits)) == NULL ||
	    (keep = calloc(t->nrows, sizeof *keep)) == NULL ||
	    (extra = calloc(t->nrows, sizeof *extra)) == NULL) {
		free(grid);
		free(fits);
		free(keep);
		return error_set(NC_ENOMEM, "out of memory");
	}
	total = content_twips(t, page_text_twips(&d->page));
	if ((rc = sized_layout(t, total, grid, fits, &margin, &small)) != 0)
		goto done;
	if (small != NULL)
		t = small;
	if ((rc = row_extra(extra, t, grid, margin)) != 0 ||
	    (rc = table_keeps(keep, t, grid, margin, extra)) != 0)
		goto done;
	/* Two tables in a row would be joined into one by Word. */
	if (d->last_table)
		buf_puts(&b, "<w:p/>");
	buf_printf(&b, "<w:tbl><w:tblPr><w:tblW w:w=\"%u\" w:type=\"dxa\"/>"
	    "<w:tblBorders>", total);
	buf_puts(&b,
	    "<w:top w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"auto\"/>"
	    "<w:left w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"auto\"/>"
	    "<w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"auto\"/>"
	    "<w:right w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"auto\"/>"
	    "<w:insideH w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"auto\"/>"
	    "<w:insideV w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"auto\"/>"
	    "</w:tblBorders><w:tblLayout w:type=\"fixed\"/>");
	/*
	 * Every table says its margins: LibreOffice left the default
	 * table style's top and bottom ones out, the text on the rules.
	 */
	buf_printf(&b, "<w:tblCellMar><w:top w:w=\"%u\" w:type=\"dxa\"/>"
	    "<w:left w:w=\"%u\" w:type=\"dxa\"/><w:bottom w:w=\"%u\" "
	    "w:type=\"dxa\"/><w:right w:w=\"%u\" w:type=\"dxa\"/>"
	    "</w:tblCellMar>", CELL_PAD, margin, CELL_PAD, margin);
	buf_puts(&b, "<w:tblLook w:val=\"04A0\" w:firstRow=\"1\" w:lastRow=\"0\" "
	    "w:firstColumn=\"1\" w:lastColumn=\"0\" w:noHBand=\"0\" "
	    "w:noVBand=\"1\"/></w:tblPr><w:tblGrid>");
	for (k = 0; k < t->ncols; k++)
		buf_printf(&b, "<w:gridCol w:w=\"%u\"/>", grid[k]);
	buf_puts(&b, "</w:tblGrid>");
	for (r = 0; r < t->nrows; r++) {
		if (r + 1 == t->nrows)
			last_row = b.len;
		buf_puts(&b, "<w:tr><w:trPr><w:cantSplit/>");
		if (r < t->header_rows)
			buf_puts(&b, "<w:tblHeader/>");
		buf_puts(&b, "</w:trPr>");
		for (k = 0; k < t->ncols; ) {
			c = cell_at(t, r, k);
			if (!c->covered) {
				put_cell(&b, t, grid, fits, margin, r, k, c, 0,
				    keep[r], extra[r]);
				k += c->cspan > 1 ? c->cspan : 1;
			} else if (c->ocol == k) {
				/* Below the origin of a vertical merge. */
				c = cell_at(t, c->orow, c->ocol);
				put_cell(&b, t, grid, fits, margin, r, k, c, 1,
				    keep[r], extra[r]);
				k += c->cspan > 1 ? c->cspan : 1;
			} else
				k++;	/* cannot happen: spans are skipped */
		}
		buf_puts(&b, "</w:tr>");
	}
	buf_puts(&b, "</w:tbl>");
	if ((rc = buf_ok(&b)) != 0)
		goto done;
	keep_caption(d);
	d->last_row = d->body.len + last_row;
	buf_add(&d->body, b.data, b.len);
	if ((rc = buf_ok(&d->body)) != 0)
		goto done;
	d->used = 1;
	d->last_table = 1;
	d->nsect = 0;
done:
	buf_free(&b);
	free(grid);
	free(fits);
	free(keep);
	free(extra);
	small_free(small);
	return rc;
}

/*
 * A native chart, inline in the text, centred: the DrawingML part with
 * the values cached and the data as an embedded workbook for Word's
 * "Edit Data".
 */
static int
chart_one(struct docx *d, const struct chart *m, enum chart_kind drawn,
    double width_cm, double height_cm)
{
	struct docx_chart	*v, ch;
	struct buf		 x = BUF_INIT;
	struct chart		*r = NULL;
	size_t			 n = d->ncharts + 1;
	int			 rc;

	memset(&ch, 0, sizeof ch);
	if ((rc = chart_dml_model(&r, m, drawn)) != 0 ||
	    (rc = chart_fit_names(r, drawn, 0, width_cm)) != 0)
		goto fail;
	if ((rc = chart_drawingml_sized(&x, r, drawn, "rId1", 0, width_cm,
	    height_cm)) != 0)
		goto fail;
	if ((rc = xlsx_chart_data(&ch.xlsx, &ch.xlsx_len, r, d->created)) != 0)
		goto fail;
	chart_free(r);
	r = NULL;
	ch.xml = buf_detach(&x, &ch.xml_len);
	if ((v = realloc(d->charts, n * sizeof *v)) == NULL) {
		rc = error_set(NC_ENOMEM, "out of memory");
		goto fail;
	}
	d->charts = v;
	buf_reset(&x);
	buf_puts(&x, "<w:p><w:pPr><w:jc w:val=\"center\"/></w:pPr><w:r>"
	    "<w:drawing>");
	buf_printf(&x, "<wp:inline distT=\"0\" distB=\"0\" distL=\"0\" "
	    "distR=\"0\"><wp:extent cx=\"%ld\" cy=\"%ld\"/><wp:effectExtent "
	    "l=\"0\" t=\"0\" r=\"0\" b=\"0\"/><wp:docPr id=\"%zu\" name=\"",
	    lround(width_cm * EMU_CM), lround(height_cm * EMU_CM), n);
	if (m->title != NULL)
		put_escaped(&x, m->title, strlen(m->title));
	buf_printf(&x, "\"/><wp:cNvGraphicFramePr/><a:graphic xmlns:a=\""
	    NS_A "\"><a:graphicData uri=\"" NS_C "\"><c:chart xmlns:c=\""
	    NS_C "\" xmlns:r=\"" NS_R "\" r:id=\"rId%zu\"/></a:graphicData>"
	    "</a:graphic></wp:inline></w:drawing></w:r></w:p>", 5 + n);
	if ((rc = buf_ok(&x)) != 0)
		goto fail;
	keep_caption(d);
	buf_add(&d->body, x.data, x.len);
	if ((rc = buf_ok(&d->body)) != 0)
		goto fail;
	d->charts[d->ncharts++] = ch;
	buf_free(&x);
	d->used = 1;
	d->last_table = 0;
	d->last_para_short = 0;
	d->nsect = 0;
	return 0;
fail:
	chart_free(r);
	free(ch.xml);
	free(ch.xlsx);
	buf_free(&x);
	return rc;
}

/*
 * Sized to the text width and the page: a chart is drawn whole when it
 * fits a page.  Horizontal bars too many for one page are drawn as
 * several charts in parts of equal length ("（その1）"), on the same axis,
 * each at most half a page tall: a part that does not fit the rest of a
 * page moves to the next one and leaves at most half a page empty,
 * where parts of a page each left most of one.
 */
static int
chart_impl(struct docx *d, const struct chart *m, double width_cm,
    double height_cm)
{
	struct chart		*s;
	enum chart_kind		 drawn;
	unsigned		 top, right, bottom, left;
	double			 text_cm, page_cm, h;
	size_t			 fit, parts, per, k, first, n;
	int			 rc;

	if ((rc = not_open(d)) != 0 || (rc = chart_check(m)) != 0)
		return rc;
	if (width_cm < 0 || height_cm < 0 || width_cm > 100 ||
	    height_cm > 100)
		return error_set(NC_EINVALID, "chart '%s': size %.1f x %.1f cm "
		    "out of range", m->title != NULL ? m->title : "", width_cm,
		    height_cm);
	page_margins(&d->page, &top, &right, &bottom, &left);
	text_cm = page_text_twips(&d->page) * 2.54 / 1440;
	/* Whole on one page, with a line above it. */
	page_cm = ((d->page.landscape ? A4_SHORT : A4_LONG) - top - bottom) *
	    2.54 / 1440 - 1.5;
	if (width_cm == 0 || width_cm > text_cm)
		width_cm = text_cm;
	drawn = chart_drawn_kind(m, width_cm / CM_PER_10PT);
	fit = chart_fit_categories(m, drawn, page_cm);
	if (m->ncats <= fit) {
		h = height_cm != 0 ? height_cm : chart_height_cm(m, drawn,
		    width_cm);
		return chart_one(d, m, drawn, width_cm, h < page_cm ? h :
		    page_cm);
	}
	fit = chart_fit_categories(m, drawn, page_cm / 2);
	parts = (m->ncats + fit - 1) / fit;
	per = (m->ncats + parts - 1) / parts;
	for (k = 0, first = 0; first < m->ncats; k++, first += n) {
		n = m->ncats - first < per ? m->ncats - first : per;
		if ((rc = chart_slice(&s, m, first, n, k + 1, parts)) != 0)
			return rc;
		h = chart_height_cm(s, drawn, width_cm);
		rc = chart_one(d, s, drawn, width_cm, h < page_cm ? h :
		    page_cm);
		chart_free(s);
		if (rc != 0)
			return rc;
	}
	return 0;
}

/* Header and footer. */

static int
header_impl(struct docx *d, const char *text, enum docx_align align)
{
	struct docx_para_style	 ps;
	struct buf		 b = BUF_INIT;
	int			 rc;

	if ((rc = docx_check_text(text, "header text")) != 0)
		return rc;
	memset(&ps, 0, sizeof ps);
	ps.align = align;
	buf_puts(&b, "<w:p>");
	put_ppr(&b, "Header", &ps);
	if (text != NULL && *text != '\0') {
		buf_puts(&b, "<w:r>");
		put_run_text(&b, text, strlen(text));
		buf_puts(&b, "</w:r>");
	}
	buf_puts(&b, "</w:p>");
	if ((rc = buf_ok(&b)) != 0) {
		buf_free(&b);
		return rc;
	}
	free(d->header);
	d->header = buf_detach(&b, NULL);
	return 0;
}

static void
put_field(struct buf *b, const char *instr, const char *shown)
{
	buf_printf(b, "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>"
	    "<w:r><w:instrText xml:space=\"preserve\"> %s </w:instrText></w:r>"
	    "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>"
	    "<w:r><w:t>%s</w:t></w:r>"
	    "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>", instr, shown);
}

static int
footer_impl(struct docx *d, enum docx_pagenum fmt)
{
	struct buf	b = BUF_INIT;
	int		rc;

	buf_puts(&b, "<w:p><w:pPr><w:pStyle w:val=\"Footer\"/>"
	    "<w:jc w:val=\"center\"/></w:pPr>");
	if (fmt == DOCX_PAGENUM_OF) {
		put_field(&b, "PAGE", "1");
		buf_puts(&b, "<w:r><w:t xml:space=\"preserve\"> / </w:t></w:r>");
		put_field(&b, "NUMPAGES", "1");
	} else {
		buf_puts(&b, "<w:r><w:t xml:space=\"preserve\">- </w:t></w:r>");
		put_field(&b, "PAGE", "1");
		buf_puts(&b, "<w:r><w:t xml:space=\"preserve\"> -</w:t></w:r>");
	}
	buf_puts(&b, "</w:p>");
	if ((rc = buf_ok(&b)) != 0) {
		buf_free(&b);
		return rc;
	}
	free(d->footer);
	d->footer = buf_detach(&b, NULL);
	return 0;
}

/* The public calls: sticky errors. */

int
docx_page(struct docx *d, const struct docx_page *pg)
{
	DOCX_CALL(d, page_impl(d, pg));
}

int
docx_run(struct docx *d, const char *text, const struct docx_run_style *rs)
{
	DOCX_CALL(d, run_impl(d, text, rs));
}

int
docx_run_tab(struct docx *d)
{
	DOCX_CALL(d, run_tab_impl(d));
}

int
docx_para_end(struct docx *d)
{
	DOCX_CALL(d, para_end_impl(d));
}

int
docx_add_page_break(struct docx *d)
{
	DOCX_CALL(d, page_break_impl(d));
}

int
docx_add_heading(struct docx *d, int level, const char *text)
{
	DOCX_CALL(d, heading_impl(d, level, text));
}

int
docx_add_outline_heading(struct docx *d, int level, const char *text)
{
	DOCX_CALL(d, outline_heading_impl(d, level, text));
}

int
docx_add_outline_body(struct docx *d, const char *text)
{
	DOCX_CALL(d, outline_body_impl(d, text, 0));
}

int
docx_add_outline_body_whole(struct docx *d, const char *text)
{
	DOCX_CALL(d, outline_body_impl(d, text, 1));
}

/*
 * The width t takes of the text width total: all of it, or for a table
 * marked narrow its content's natural width and a fifth more (the
 * 相談業務実施報告書's counts: 区分 took three quarters of a landscape
 * page beside four columns of figures at its right edge).
 */
static unsigned
content_twips(const struct docx_table *t, unsigned total)
{
	struct textfit_col	*cols;
	struct colfit		*fit;
	unsigned long		 sum = 0;
	size_t			 k;

	if (!t->narrow)
		return total;
	cols = calloc(t->ncols, sizeof *cols);
	fit = calloc(t->ncols, sizeof *fit);
	if (cols != NULL && fit != NULL) {
		measure_cols(cols, fit, t, CELL_MARGIN);
		for (k = 0; k < t->ncols; k++)
			sum += cols[k].natural > cols[k].min ?
			    cols[k].natural : cols[k].min;
		sum += sum / 5;
	}
	free(cols);
	free(fit);
	return sum > 0 && sum < total ? (unsigned)sum : total;
}

int
docx_table_narrow(struct docx_table *t)
{
	int	rc;

	if ((rc = table_sticky(t)) != 0)
		return rc;
	t->narrow = 1;
	return 0;
}

int
docx_add_table(struct docx *d, const struct docx_table *t)
{
	DOCX_CALL(d, table_impl(d, t));
}

int
docx_chart(struct docx *d, const struct chart *m, double width_cm,
    double height_cm)
{
	DOCX_CALL(d, chart_impl(d, m, width_cm, height_cm));
}

int
docx_header_text(struct docx *d, const char *text, enum docx_align align)
{
	DOCX_CALL(d, header_impl(d, text, align));
}

int
docx_footer_page_number(struct docx *d, enum docx_pagenum fmt)
{
	DOCX_CALL(d, footer_impl(d, fmt));
}

int
docx_table_header_rows(struct docx_table *t, size_t nrows)
{
	TABLE_CALL(t, header_rows_impl(t, nrows));
}

static int
form_impl(struct docx_table *t)
{
	t->form = 1;
	return 0;
}

int
docx_table_form(struct docx_table *t)
{
	TABLE_CALL(t, form_impl(t));
}

static int
whole_impl(struct docx_table *t, size_t col)
{
	if (col >= t->ncols)
		return error_set(NC_EINVALID, "column %zu of a table of %zu "
		    "kept whole", col + 1, t->ncols);
	t->whole |= (uint64_t)1 << col;
	return 0;
}

int
docx_table_whole(struct docx_table *t, size_t col)
{
	TABLE_CALL(t, whole_impl(t, col));
}

/* The body rows of other size t too. */
static int
size_with_impl(struct docx_table *t, const struct docx_table *other)
{
	struct cell		*v, *c;
	const struct cell	*o;
	size_t			 n, add, i, r, k;
	int			 rc;

	if ((rc = table_sticky(other)) != 0)
		return rc;
	if (other->ncols != t->ncols)
		return error_set(NC_EINVALID, "a table of %zu columns sized "
		    "with one of %zu", t->ncols, other->ncols);
	n = other->nrows > other->header_rows ? other->nrows -
	    other->header_rows : 0;
	add = n;
	if (add == 0)
		return 0;
	if (t->nsizing + add > 100000)
		return error_set(NC_EINVALID, "too many rows to size a table");
	if ((v = realloc(t->sizing, (t->nsizing + add) * t->ncols *
	    sizeof *v)) == NULL)
		return error_set(NC_ENOMEM, "out of memory");
	t->sizing = v;
	c = v + t->nsizing * t->ncols;
	memset(c, 0, add * t->ncols * sizeof *c);
	for (i = 0; i < add * t->ncols; i++) {
		r = i / t->ncols;
		k = i % t->ncols;
		o = cell_at(other, other->header_rows + r, k);
		/* a merged cell sizes nothing, as in its own table */
		if (o->covered || o->cspan > 1 || o->rspan > 1 ||
		    o->text == NULL)
			continue;
		c[i].style = o->style;
		c[i].styled = o->styled;
		if ((c[i].text = strdup(o->text)) == NULL) {
			t->nsizing += r + 1;
			return error_set(NC_ENOMEM, "out of memory");
		}
	}
	t->nsizing += add;
	return 0;
}

int
docx_table_size_with(struct docx_table *t, const struct docx_table *other)
{
	TABLE_CALL(t, size_with_impl(t, other));
}

static int
layout_with_impl(struct docx_table *t, const struct docx_table *model)
{
	int	rc;

	if ((rc = size_with_impl(t, model)) != 0)
		return rc;
	t->layout_only = 1;
	return 0;
}

int
docx_table_layout_with(struct docx_table *t, const struct docx_table *model)
{
	TABLE_CALL(t, layout_with_impl(t, model));
}

int
docx_table_cell(struct docx_table *t, size_t row, size_t col,
    const char *text, const struct docx_para_style *ps)
{
	TABLE_CALL(t, cell_impl(t, row, col, text, ps));
}

int
docx_table_merge(struct docx_table *t, size_t row, size_t col, size_t nrows,
    size_t ncols)
{
	TABLE_CALL(t, merge_impl(t, row, col, nrows, ncols));
}

/* The package parts. */

/*
 * Styles.  Body: 游明朝 10.5pt with Century for Latin text, justified,
 * no widow control (Word's Japanese Normal).  No line grid: 游明朝 on a
 * grid makes Word double the line spacing.
 */
static const char styles_xml[] =
    "<w:styles xmlns:w=\"" NS_W "\">"
    "<w:docDefaults><w:rPrDefault><w:rPr>"
    "<w:rFonts w:ascii=\"Century\" w:eastAsia=\"游明朝\" w:hAnsi=\"Century\" w:cs=\"Times New Roman\"/>"
    "<w:kern w:val=\"2\"/><w:sz w:val=\"21\"/><w:szCs w:val=\"21\"/>"
    "<w:lang w:val=\"en-US\" w:eastAsia=\"ja-JP\" w:bidi=\"ar-SA\"/>"
    "</w:rPr></w:rPrDefault><w:pPrDefault/></w:docDefaults>"
    "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\">"
    "<w:name w:val=\"Normal\"/><w:qFormat/>"
    "<w:pPr><w:widowControl w:val=\"0\"/><w:jc w:val=\"both\"/></w:pPr>"
    "</w:style>"
    "<w:style w:type=\"character\" w:default=\"1\" w:styleId=\"DefaultParagraphFont\">"
    "<w:name w:val=\"Default Paragraph Font\"/><w:uiPriority w:val=\"1\"/>"
    "<w:semiHidden/><w:unhideWhenUsed/></w:style>"
    "<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\">"
    "<w:name w:val=\"Normal Table\"/><w:uiPriority w:val=\"99\"/>"
    "<w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/>"
    "<w:tblCellMar><w:top w:w=\"" STR(CELL_PAD) "\" w:type=\"dxa\"/><w:left w:w=\"" STR(CELL_MARGIN) "\" w:type=\"dxa\"/>"
    "<w:bottom w:w=\"" STR(CELL_PAD) "\" w:type=\"dxa\"/><w:right w:w=\"" STR(CELL_MARGIN) "\" w:type=\"dxa\"/>"
    "</w:tblCellMar></w:tblPr></w:style>"
    "<w:style w:type=\"paragraph\" w:styleId=\"Title\">"
    "<w:name w:val=\"Title\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/>"
    "<w:uiPriority w:val=\"10\"/><w:qFormat/>"
    "<w:pPr><w:jc w:val=\"center\"/></w:pPr>"
    "<w:rPr><w:sz w:val=\"28\"/><w:szCs w:val=\"28\"/></w:rPr></w:style>"
#define HEADING(n, lvl, size, before) \
    "<w:style w:type=\"paragraph\" w:styleId=\"Heading" #n "\">" \
    "<w:name w:val=\"heading " #n "\"/><w:basedOn w:val=\"Normal\"/>" \
    "<w:next w:val=\"Normal\"/><w:uiPriority w:val=\"9\"/><w:qFormat/>" \
    "<w:pPr><w:keepNext/><w:spacing w:before=\"" #before "\"/>" \
    "<w:jc w:val=\"left\"/><w:outlineLvl w:val=\"" #lvl "\"/></w:pPr>" \
    "<w:rPr><w:rFonts w:ascii=\"游ゴシック\" w:eastAsia=\"游ゴシック\" " \
    "w:hAnsi=\"游ゴシック\"/><w:b/><w:bCs/><w:sz w:val=\"" #size "\"/>" \
    "<w:szCs w:val=\"" #size "\"/></w:rPr></w:style>"
    HEADING(1, 0, 24, 240)
    HEADING(2, 1, 22, 120)
    HEADING(3, 2, 21, 60)
    HEADING(4, 3, 21, 0)
#undef HEADING
    "<w:style w:type=\"paragraph\" w:styleId=\"Header\">"
    "<w:name w:val=\"header\"/><w:basedOn w:val=\"Normal\"/><w:uiPriority w:val=\"99\"/>"
    "<w:unhideWhenUsed/><w:pPr><w:tabs><w:tab w:val=\"center\" w:pos=\"4252\"/>"
    "<w:tab w:val=\"right\" w:pos=\"8504\"/></w:tabs><w:snapToGrid w:val=\"0\"/></w:pPr>"
    "</w:style>"
    "<w:style w:type=\"paragraph\" w:styleId=\"Footer\">"
    "<w:name w:val=\"footer\"/><w:basedOn w:val=\"Normal\"/><w:uiPriority w:val=\"99\"/>"
    "<w:unhideWhenUsed/><w:pPr><w:tabs><w:tab w:val=\"center\" w:pos=\"4252\"/>"
    "<w:tab w:val=\"right\" w:pos=\"8504\"/></w:tabs><w:snapToGrid w:val=\"0\"/></w:pPr>"
    "</w:style>"
    "</w:styles>";

/* Word's Japanese defaults: 4-character tabs, compressed punctuation. */
static const char settings_xml[] =
    "<w:settings xmlns:w=\"" NS_W "\">"
    "<w:zoom w:percent=\"100\"/>"
    "<w:defaultTabStop w:val=\"840\"/>"
    "<w:characterSpacingControl w:val=\"compressPunctuation\"/>"
    "<w:compat><w:spaceForUL/><w:balanceSingleByteDoubleByteWidth/>"
    "<w:doNotLeaveBackslashAlone/><w:ulTrailSpace/><w:doNotExpandShiftReturn/>"
    "<w:adjustLineHeightInTable/><w:useFELayout/>"
    "<w:compatSetting w:name=\"compatibilityMode\" "
    "w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/>"
    "</w:compat>"
    "<w:themeFontLang w:val=\"en-US\" w:eastAsia=\"ja-JP\"/>"
    "<w:decimalSymbol w:val=\".\"/><w:listSeparator w:val=\",\"/>"
    "</w:settings>";

/* Family and charset let a reader without 游明朝 choose a mincho. */
static const char font_table_xml[] =
    "<w:fonts xmlns:w=\"" NS_W "\">"
    "<w:font w:name=\"Century\"><w:panose1 w:val=\"02040604050505020304\"/>"
    "<w:charset w:val=\"00\"/><w:family w:val=\"roman\"/><w:pitch w:val=\"variable\"/></w:font>"
    "<w:font w:name=\"游明朝\"><w:altName w:val=\"Yu Mincho\"/>"
    "<w:panose1 w:val=\"02020400000000000000\"/><w:charset w:val=\"80\"/>"
    "<w:family w:val=\"roman\"/><w:pitch w:val=\"variable\"/></w:font>"
    "<w:font w:name=\"游ゴシック\"><w:altName w:val=\"Yu Gothic\"/>"
    "<w:panose1 w:val=\"020B0400000000000000\"/><w:charset w:val=\"80\"/>"
    "<w:family w:val=\"swiss\"/><w:pitch w:val=\"variable\"/></w:font>"
    "<w:font w:name=\"Times New Roman\"><w:panose1 w:val=\"02020603050405020304\"/>"
    "<w:charset w:val=\"00\"/><w:family w:val=\"roman\"/><w:pitch w:val=\"variable\"/></w:font>"
    "</w:fonts>";

/*
 * A paragraph of a twentieth of a point, exactly, with no space around
 * it (Word sets it at its least): one of a whole point still did not fit
 * under the 精査記録 of 情政受第36号 in LibreOffice.
 */
#define TAIL_PARA	"<w:p><w:pPr><w:spacing w:before=\"0\" " \
	"w:after=\"0\" w:line=\"1\" w:lineRule=\"exact\"/><w:rPr>" \
	"<w:sz w:val=\"2\"/><w:szCs w:val=\"2\"/></w:rPr></w:pPr></w:p>"

static void
put_document(struct buf *b, const struct docx *d)
{
	size_t	i, start, isect = 0;

	buf_puts(b, xml_decl);
	buf_puts(b, "<w:document xmlns:w=\"" NS_W "\" xmlns:r=\"" NS_R "\" "
	    "xmlns:wp=\"" NS_WP "\"><w:body>");
	for (start = i = 0; i < d->body.len; i++) {
		if (d->body.data[i] != SECT_MARK)
			continue;
		buf_add(b, d->body.data + start, i - start);
		put_sectpr(b, d, &d->sections[isect++]);
		start = i + 1;
	}
	buf_add(b, d->body.data + start, d->body.len - start);
	/*
	 * Word wants a paragraph, not a table, before the final sectPr.
	 * After a table, the least there is (TAIL_PARA): a line of the
	 * body's size under a table that filled page 1 printed a page 2
	 * of the header and footer alone (rev43a A1, the sample's 精査記録
	 * of 情政受第36号 and 第41号).
	 */
	if (d->last_table)
		buf_puts(b, TAIL_PARA);
	else if (d->body.len == 0)
		buf_puts(b, "<w:p/>");
	put_sectpr(b, d, &d->page);
	buf_puts(b, "</w:body></w:document>");
}

static void
put_hdrftr(struct buf *b, const char *tag, const char *content)
{
	buf_puts(b, xml_decl);
	buf_printf(b, "<w:%s xmlns:w=\"" NS_W "\" xmlns:r=\"" NS_R "\">%s"
	    "</w:%s>", tag, content, tag);
}

#define CT_WML	"application/vnd.openxmlformats-officedocument.wordprocessingml."

/* One part from a buffer, XML declaration first when xml is set. */
static int
add_part(struct opc *p, struct buf *b, const char *name, const char *type,
    const char *body)
{
	int	rc;

	if (body != NULL) {
		buf_reset(b);
		buf_puts(b, xml_decl);
		buf_puts(b, body);
	}
	if ((rc = buf_ok(b)) != 0)
		return rc;
	return opc_part(p, name, type, b->data, b->len);
}

static int
to_mem_impl(char **out, size_t *outlen, struct docx *d)
{
	struct opc_props	 props;
	struct opc		*p = NULL;
	struct buf		 b = BUF_INIT, name = BUF_INIT, id = BUF_INIT;
	size_t			 i;
	int			 rc;

	*out = NULL;
	*outlen = 0;
	if ((rc = not_open(d)) != 0)
		return rc;
	memset(&props, 0, sizeof props);
	props.title = d->title;
	props.author = d->author;
	props.created = d->created;
	props.app = "<Application>nerima-cio</Application>"
	    "<DocSecurity>0</DocSecurity>";
	if ((rc = opc_new(&p, &props)) != 0)
		return rc;

	/* The parts in a fixed order: the same calls, the same bytes. */
	put_document(&b, d);
	if ((rc = add_part(p, &b, "word/document.xml", CT_WML
	    "document.main+xml", NULL)) != 0 ||
	    (rc = add_part(p, &b, "word/styles.xml", CT_WML "styles+xml",
	    styles_xml)) != 0 ||
	    (rc = add_part(p, &b, "word/settings.xml", CT_WML "settings+xml",
	    settings_xml)) != 0 ||
	    (rc = add_part(p, &b, "word/fontTable.xml", CT_WML
	    "fontTable+xml", font_table_xml)) != 0)
		goto done;
	if (d->header != NULL) {
		buf_reset(&b);
		put_hdrftr(&b, "hdr", d->header);
		if ((rc = add_part(p, &b, "word/header1.xml", CT_WML
		    "header+xml", NULL)) != 0)
			goto done;
	}
	if (d->footer != NULL) {
		buf_reset(&b);
		put_hdrftr(&b, "ftr", d->footer);
		if ((rc = add_part(p, &b, "word/footer1.xml", CT_WML
		    "footer+xml", NULL)) != 0)
			goto done;
	}
	for (i = 0; i < d->ncharts; i++) {
		buf_reset(&name);
		buf_printf(&name, "word/charts/chart%zu.xml", i + 1);
		if ((rc = buf_ok(&name)) != 0 ||
		    (rc = opc_part(p, name.data, "application/vnd."
		    "openxmlformats-officedocument.drawingml.chart+xml",
		    d->charts[i].xml, d->charts[i].xml_len)) != 0)
			goto done;
		buf_reset(&b);
		buf_printf(&b, "../embeddings/Microsoft_Excel_Worksheet%zu.xlsx",
		    i + 1);
		if ((rc = buf_ok(&b)) != 0 ||
		    (rc = opc_rel(p, name.data, "rId1", "package", b.data)) != 0)
			goto done;
		buf_reset(&name);
		buf_printf(&name, "word/embeddings/Microsoft_Excel_Worksheet"
		    "%zu.xlsx", i + 1);
		if ((rc = buf_ok(&name)) != 0 ||
		    (rc = opc_part(p, name.data, "application/vnd."
		    "openxmlformats-officedocument.spreadsheetml.sheet",
		    d->charts[i].xlsx, d->charts[i].xlsx_len)) != 0)
			goto done;
	}

	if ((rc = opc_rel(p, NULL, "rId1", "officeDocument",
	    "word/document.xml")) != 0 ||
	    (rc = opc_rel(p, "word/document.xml", "rId1", "styles",
	    "styles.xml")) != 0 ||
	    (rc = opc_rel(p, "word/document.xml", "rId2", "settings",
	    "settings.xml")) != 0 ||
	    (rc = opc_rel(p, "word/document.xml", "rId3", "fontTable",
	    "fontTable.xml")) != 0)
		goto done;
	if (d->header != NULL && (rc = opc_rel(p, "word/document.xml", "rId4",
	    "header", "header1.xml")) != 0)
		goto done;
	if (d->footer != NULL && (rc = opc_rel(p, "word/document.xml", "rId5",
	    "footer", "footer1.xml")) != 0)
		goto done;
	for (i = 0; i < d->ncharts; i++) {
		buf_reset(&id);
		buf_printf(&id, "rId%zu", 6 + i);
		buf_reset(&name);
		buf_printf(&name, "charts/chart%zu.xml", i + 1);
		if ((rc = buf_ok(&id)) != 0 || (rc = buf_ok(&name)) != 0 ||
		    (rc = opc_rel(p, "word/document.xml", id.data, "chart",
		    name.data)) != 0)
			goto done;
	}
	rc = opc_to_mem(out, outlen, p);
done:
	opc_free(p);
	buf_free(&b);
	buf_free(&name);
	buf_free(&id);
	return rc;
}

int
docx_to_mem(char **out, size_t *outlen, struct docx *d)
{
	*out = NULL;
	*outlen = 0;
	DOCX_CALL(d, to_mem_impl(out, outlen, d));
}

int
docx_save(struct docx *d, const char *path)
{
	char	*data = NULL;
	size_t	 len;
	int	 rc;

	/* Nothing at all is written for a document in error. */
	if ((rc = docx_to_mem(&data, &len, d)) != 0)
		return rc;
	/* Temporary file beside path, fsync, rename: never half a file. */
	rc = fileio_write_atomic(path, data, len);
	free(data);
	return rc;
}
