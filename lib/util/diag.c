#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "i18n.h"

/*
 * Out of memory while recording a problem: the problem is dropped, but the
 * caller still fails because it returns an error for the file anyway.
 */
void
diags_add(struct diags *d, const char *path, unsigned line, unsigned col,
    const char *fmt, ...)
{
	struct diag	*v, *e;
	va_list		 ap;
	char		 msg[1024], *p;

	if (d == NULL)
		return;
	if (d->n == d->cap) {
		size_t cap = d->cap ? d->cap * 2 : 16;
		if ((v = realloc(d->v, cap * sizeof *v)) == NULL)
			return;
		d->v = v;
		d->cap = cap;
	}
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, _(fmt), ap);
	va_end(ap);
	/* One problem, one line: control characters become spaces. */
	for (p = msg; *p != '\0'; p++) {
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			*p = ' ';
	}
	e = &d->v[d->n];
	e->path = strdup(path != NULL ? path : "");
	e->msg = strdup(msg);
	if (e->path == NULL || e->msg == NULL) {
		free(e->path);
		free(e->msg);
		return;
	}
	e->line = line;
	e->col = col;
	d->n++;
}

static int
diag_cmp(const void *a, const void *b)
{
	const struct diag	*x = a, *y = b;
	int			 c;

	if ((c = strcmp(x->path, y->path)) != 0)
		return c;
	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	if (x->col != y->col)
		return x->col < y->col ? -1 : 1;
	return strcmp(x->msg, y->msg);
}

void
diags_sort(struct diags *d)
{
	if (d->n > 1)
		qsort(d->v, d->n, sizeof *d->v, diag_cmp);
}

void
diags_free(struct diags *d)
{
	size_t	i;

	for (i = 0; i < d->n; i++) {
		free(d->v[i].path);
		free(d->v[i].msg);
	}
	free(d->v);
	d->v = NULL;
	d->n = d->cap = 0;
}
