/*
 * The built-in PowerPoint template, data/templates/pptx compiled in by
 * lib/office/embed.cmake: the files by their path in the package.
 */
#ifndef NCIO_PPTX_TEMPLATE_H
#define NCIO_PPTX_TEMPLATE_H

#include <stddef.h>

struct pptx_tfile {
	const char		*name;
	const unsigned char	*data;
	size_t			 len;
};

extern const struct pptx_tfile	pptx_template[];
extern const size_t		pptx_ntemplate;

#endif
