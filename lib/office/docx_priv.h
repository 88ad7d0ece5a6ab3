/*
 * Between docx.c and docx_layout.c: the sticky error of a document.
 */
#ifndef NCIO_DOCX_PRIV_H
#define NCIO_DOCX_PRIV_H

struct docx;

/*
 * 0, or the document's first error again (message set); NC_EINVALID for
 * a NULL document (docx_new() failed).
 */
int	docx_sticky(const struct docx *);
/* Keep rc as the document's first error if it is one; returns rc. */
int	docx_keep(struct docx *, int rc);

#endif
