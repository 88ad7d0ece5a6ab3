/*
 * Records for the unit tests built from YAML text: a document parsed
 * from a string, a day from its ISO form, the project's schemas.  Each
 * asserts that it worked, so a case reads as its data.  Include after
 * <cmocka.h>.
 */
#ifndef NCIO_TEST_TESTREC_H
#define NCIO_TEST_TESTREC_H

#include <string.h>

#include "cal.h"
#include "node.h"
#include "schema.h"

/* The YAML text as a document; the caller frees it (ydoc_free()). */
static inline struct ydoc *
rec_parse(const char *text)
{
	struct ydoc	*doc = NULL;

	assert_int_equal(ydoc_parse(&doc, text, strlen(text), "test", NULL),
	    0);
	return doc;
}

/* "2026-05-10" as a date. */
static inline struct cal_date
rec_day(const char *s)
{
	struct cal_date	d;

	assert_int_equal(cal_parse_iso(&d, s), 0);
	return d;
}

/* The schemas of the source tree; the caller frees them. */
static inline struct schemaset *
rec_schemas(void)
{
	struct schemaset	*set = NULL;
	const char *const	 dirs[] = { NCIO_SOURCE_DIR "/schemas" };

	assert_int_equal(schemaset_load(&set, dirs, 1, NULL), 0);
	return set;
}

#endif
