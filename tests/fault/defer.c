/*
 * Drive fileio's all-or-nothing sets for tests/e2e/fault.sh:
 *
 *	ncio_defer FILE=TEXT ...
 *
 * writes each FILE with TEXT as one set (fileio_defer_*), prints the
 * warnings, and exits 0 when the set was committed, 1 with the error
 * otherwise.
 */
#include <stdio.h>
#include <string.h>

#include "error.h"
#include "fileio.h"

int
main(int argc, char **argv)
{
	size_t	 i;
	int	 a, rc = 0;
	char	*eq;

	if (fileio_defer_begin() != 0) {
		fprintf(stderr, "ncio_defer: %s\n", error_last());
		return 1;
	}
	for (a = 1; a < argc && rc == 0; a++) {
		if ((eq = strchr(argv[a], '=')) == NULL) {
			fprintf(stderr, "usage: ncio_defer FILE=TEXT ...\n");
			return 2;
		}
		*eq = '\0';
		rc = fileio_write_atomic(argv[a], eq + 1, strlen(eq + 1));
	}
	if (rc != 0)
		fileio_defer_abort();
	else
		rc = fileio_defer_commit();
	for (i = 0; fileio_warning(i) != NULL; i++)
		fprintf(stderr, "ncio_defer: warning: %s\n",
		    fileio_warning(i));
	if (rc != 0) {
		fprintf(stderr, "ncio_defer: %s\n", error_last());
		return 1;
	}
	return 0;
}
