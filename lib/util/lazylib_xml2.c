/*
 * libxml2, loaded on first use (lazylib.h): the .xlsx reader
 * (lib/io/xlsxread.c), the PowerPoint writer (lib/office/pptx.c) and the
 * unit tests that read what it writes.  Each line below is checked by the
 * compiler against the prototype in libxml2's headers.
 */
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlreader.h>

#include "lazylib.h"

#define LAZYLIB_THIS	lazylib_libxml2

#define API(FN, VOID, VAR) \
	FN(const xmlChar *, xmlBufferContent, (const xmlBuffer *a0), (a0)) \
	FN(xmlBufferPtr, xmlBufferCreate, (void), ()) \
	VOID(xmlBufferFree, (xmlBufferPtr a0), (a0)) \
	FN(xmlNodePtr, xmlDocCopyNode, (xmlNodePtr a0, xmlDocPtr a1, int \
	    a2), (a0, a1, a2)) \
	FN(xmlNodePtr, xmlDocGetRootElement, (const xmlDoc *a0), (a0)) \
	FN(xmlNodePtr, xmlDocSetRootElement, (xmlDocPtr a0, xmlNodePtr a1), \
	    (a0, a1)) \
	VOID(xmlFreeDoc, (xmlDocPtr a0), (a0)) \
	VOID(xmlFreeTextReader, (xmlTextReaderPtr a0), (a0)) \
	FN(xmlDocPtr, xmlNewDoc, (const xmlChar *a0), (a0)) \
	FN(int, xmlNodeDump, (xmlBufferPtr a0, xmlDocPtr a1, xmlNodePtr a2, \
	    int a3, int a4), (a0, a1, a2, a3, a4)) \
	FN(xmlChar *, xmlNodeGetContent, (const xmlNode *a0), (a0)) \
	FN(xmlDocPtr, xmlReadMemory, (const char *a0, int a1, const char \
	    *a2, const char *a3, int a4), (a0, a1, a2, a3, a4)) \
	FN(xmlTextReaderPtr, xmlReaderForIO, (xmlInputReadCallback a0, \
	    xmlInputCloseCallback a1, void *a2, const char *a3, const char \
	    *a4, int a5), (a0, a1, a2, a3, a4, a5)) \
	FN(int, xmlReconciliateNs, (xmlDocPtr a0, xmlNodePtr a1), (a0, a1)) \
	FN(xmlChar *, xmlStrdup, (const xmlChar *a0), (a0)) \
	FN(const xmlChar *, xmlTextReaderConstLocalName, (xmlTextReaderPtr \
	    a0), (a0)) \
	FN(const xmlChar *, xmlTextReaderConstValue, (xmlTextReaderPtr a0), \
	    (a0)) \
	FN(xmlChar *, xmlTextReaderGetAttribute, (xmlTextReaderPtr a0, const \
	    xmlChar *a1), (a0, a1)) \
	FN(int, xmlTextReaderIsEmptyElement, (xmlTextReaderPtr a0), (a0)) \
	FN(int, xmlTextReaderMoveToElement, (xmlTextReaderPtr a0), (a0)) \
	FN(int, xmlTextReaderMoveToFirstAttribute, (xmlTextReaderPtr a0), \
	    (a0)) \
	FN(int, xmlTextReaderMoveToNextAttribute, (xmlTextReaderPtr a0), \
	    (a0)) \
	FN(int, xmlTextReaderNodeType, (xmlTextReaderPtr a0), (a0)) \
	FN(int, xmlTextReaderRead, (xmlTextReaderPtr a0), (a0)) \
	VOID(xmlTextReaderSetStructuredErrorHandler, (xmlTextReaderPtr a0, \
	    xmlStructuredErrorFunc a1, void *a2), (a0, a1, a2)) \
	VAR(xmlFree)

LAZYLIB_DEFINE(API, "libxml2", NCIO_LIBXML2_SONAME, "NCIO_LIBXML2")

/*
 * xmlFree is a variable (a pointer to libxml2's deallocator), not a
 * function; this one calls the library's.
 */
static void
xml2_free(void *p)
{
	xmlFreeFunc	*f;

	if (p != NULL && lazylib_sym(&LAZYLIB_THIS, LAZYLIB_I_xmlFree, &f,
	    sizeof f) == 0)
		(*f)(p);
}

xmlFreeFunc	xmlFree = xml2_free;
