/*
 * OPC packages (ECMA-376 Part 2, the zip container of .docx, .xlsx and
 * .pptx) built in memory: parts added by name with their content type,
 * relationships per part, the core and extended properties, and the
 * package written as one zip.
 *
 * Output is deterministic: the same calls give the same bytes.
 * [Content_Types].xml comes first with its Override entries sorted by
 * part name, then _rels/.rels, docProps/core.xml and docProps/app.xml,
 * then the parts in the order they were added, each followed by its
 * relationships part (relationships in the order added).  Every zip
 * entry is dated from the created property, or 1980-01-01 without one;
 * the clock is never read.
 *
 * Before anything is written the package is checked: every relationship
 * has a source part and, unless external, a target part that exists, and
 * the ids of one source are unique.
 *
 * Errors are sticky (libgit2's filebuf): the first failure is kept, every
 * later call returns it again and adds nothing, and opc_to_mem() and
 * opc_save() return it without writing anything.
 */
#ifndef NCIO_OPC_H
#define NCIO_OPC_H

#include <stddef.h>

#include "buf.h"

struct opc;

/* Relationship types under the officeDocument namespace. */
#define OPC_REL	"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"

struct opc_props {
	const char	*title;		/* dc:title, or NULL */
	const char	*author;	/* dc:creator, lastModifiedBy; or NULL */
	/*
	 * dcterms:created and modified: "YYYY-MM-DD" or
	 * "YYYY-MM-DDTHH:MM:SSZ"; NULL leaves them out.  It dates the zip
	 * entries too (1980-01-01 when NULL).
	 */
	const char	*created;
	/*
	 * The body of docProps/app.xml inside <Properties>, or NULL for
	 * <Application>nerima-cio</Application> alone.
	 */
	const char	*app;
};

int	opc_new(struct opc **out, const struct opc_props *);
void	opc_free(struct opc *);

/*
 * Add a part: name without the leading '/' ("word/document.xml"), its
 * content type, and its bytes, which are copied.  A name may be used once.
 */
int	opc_part(struct opc *, const char *name, const char *type,
	    const void *data, size_t len);

/*
 * A relationship of part source (NULL: the package itself) with the given
 * id ("rId3").  A type without a scheme ("styles") is taken under
 * OPC_REL.  target is relative to the source part's folder
 * ("../embeddings/a.xlsx"), or absolute from the package root ("/ppt/x"),
 * as ECMA-376 has it.
 */
int	opc_rel(struct opc *, const char *source, const char *id,
	    const char *type, const char *target);

/* Whether a part of that name was added. */
int	opc_has_part(const struct opc *, const char *name);

int	opc_to_mem(char **out, size_t *outlen, struct opc *);
/* Atomic, through fileio (so within fileio_defer_* it waits for commit). */
int	opc_save(struct opc *, const char *path);

/*
 * Resolve a relationship target against its source part into a part name
 * without the leading '/': ("word/document.xml", "charts/c1.xml") gives
 * "word/charts/c1.xml".  NC_EINVALID if it climbs out of the package.
 */
int	opc_resolve(char **out, const char *source, const char *target);

/*
 * Text for XML.  opc_check_text() is 0 for valid UTF-8 (NULL counts as
 * empty), else NC_EINVALID "invalid UTF-8 in <what> at byte N".
 * opc_put_text() appends checked text as character data: the five
 * XML-special characters escaped, characters XML 1.0 cannot carry (C0
 * controls but TAB, LF and CR; C1 controls; U+FFFE, U+FFFF) dropped.
 */
int	opc_check_text(const char *s, const char *what);
void	opc_put_text(struct buf *, const char *s, size_t len);
int	opc_xml_forbidden(unsigned long cp);

/*
 * Parse the created property ("YYYY-MM-DD" or "YYYY-MM-DDTHH:MM:SSZ") into
 * W3CDTF (w3c, at least 21 bytes) and its fields.  NC_EINVALID otherwise.
 */
int	opc_parse_created(const char *s, char *w3c, int *year, int *mon,
	    int *day, int *hour, int *min, int *sec);

#endif
