/* Every record of a kind loaded at once. */
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "record.h"
#include "recset.h"
#include "store.h"

int
recset_load(struct recset *out, struct store *st, const struct schema *kind,
    int fy)
{
	struct reclist	 l = RECLIST_INIT;
	struct record	*r;
	size_t		 i;
	int		 rc;

	memset(out, 0, sizeof *out);
	if ((rc = store_scan(&l, st, kind, fy, NULL)) != 0)
		return rc;
	if (l.n > 0 && (out->v = calloc(l.n, sizeof *out->v)) == NULL) {
		rc = error_set(NC_ENOMEM, "out of memory");
		goto done;
	}
	for (i = 0; i < l.n; i++) {
		if ((rc = record_load(&r, st, &l.v[i], NULL)) != 0) {
			recset_free(out);
			goto done;
		}
		out->v[out->n++] = r;
	}
done:
	reclist_free(&l);
	return rc;
}

void
recset_free(struct recset *rs)
{
	size_t	i;

	for (i = 0; i < rs->n; i++)
		record_free(rs->v[i]);
	free(rs->v);
	memset(rs, 0, sizeof *rs);
}
