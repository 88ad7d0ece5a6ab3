/*
 * Audits a document would be wrong from: a second audit of one unit on
 * one day (a planning slip, or a record entered twice).
 */
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "error.h"
#include "record.h"

static int
same(const char *a, const char *b)
{
	return (a == NULL && b == NULL) || (a != NULL && b != NULL &&
	    strcmp(a, b) == 0);
}

int
audit_same_day(char **out, struct store *st, const char *target_org,
    const char *target_system, const char *date, const char *except)
{
	const struct schema	*kind;
	struct reclist		 l = RECLIST_INIT;
	struct record		*r;
	size_t			 i;
	int			 found = 0;

	*out = NULL;
	if (date == NULL)
		return 0;
	if (store_kind(&kind, st, "audit") != 0 ||
	    store_scan(&l, st, kind, 0, NULL) != 0) {
		error_clear();
		return 0;
	}
	for (i = 0; i < l.n && !found; i++) {
		if (except != NULL && strcmp(l.v[i].id, except) == 0)
			continue;
		if (record_load(&r, st, &l.v[i], NULL) != 0) {
			error_clear();
			continue;
		}
		if (same(record_field(r, "date"), date) &&
		    same(record_field(r, "target_org"), target_org) &&
		    same(record_field(r, "target_system"), target_system)) {
			found = 1;
			*out = strdup(l.v[i].id);
		}
		record_free(r);
	}
	reclist_free(&l);
	return found;
}
