/*
 * Dated obligations gathered from every record kind.
 */
#include <stdlib.h>
#include <string.h>

#include "due.h"
#include "error.h"

static char *
dup(const char *s, int *bad)
{
	char	*d;

	if (s == NULL)
		return NULL;
	if ((d = strdup(s)) == NULL)
		*bad = 1;
	return d;
}

static void
item_free(struct due_item *it)
{
	free(it->kind);
	free(it->id);
	free(it->title);
	free(it->what);
	free(it->who);
	free(it->basis);
}

int
duelist_add(struct duelist *l, struct cal_date date, int hour, int minute,
    const char *kind, const char *id, const char *title, const char *what,
    const char *who, const char *basis, int done)
{
	struct due_item	*it, *nv;
	size_t		 ncap;
	int		 bad = 0;

	if (l->n == l->cap) {
		ncap = l->cap == 0 ? 16 : l->cap * 2;
		if ((nv = realloc(l->v, ncap * sizeof *nv)) == NULL)
			return error_set(NC_ENOMEM, "out of memory");
		l->v = nv;
		l->cap = ncap;
	}
	it = &l->v[l->n];
	memset(it, 0, sizeof *it);
	it->date = date;
	it->hour = hour;
	it->minute = minute;
	it->kind = dup(kind, &bad);
	it->id = dup(id, &bad);
	it->title = dup(title, &bad);
	it->what = dup(what, &bad);
	it->who = dup(who, &bad);
	it->basis = dup(basis, &bad);
	it->done = done;
	if (bad) {
		item_free(it);
		return error_set(NC_ENOMEM, "out of memory");
	}
	l->n++;
	return 0;
}

static int
cmp(const void *a, const void *b)
{
	const struct due_item	*x = a, *y = b;
	int			 c;

	if ((c = cal_cmp(x->date, y->date)) != 0)
		return c;
	/* An end-of-day item comes after a timed one on the same day. */
	c = (x->hour < 0 ? 24 * 60 : x->hour * 60 + x->minute) -
	    (y->hour < 0 ? 24 * 60 : y->hour * 60 + y->minute);
	if (c != 0)
		return c;
	if ((c = strcmp(x->kind, y->kind)) != 0)
		return c;
	return strcmp(x->id, y->id);
}

void
duelist_sort(struct duelist *l)
{
	if (l->n > 1)
		qsort(l->v, l->n, sizeof *l->v, cmp);
}

void
duelist_free(struct duelist *l)
{
	size_t	i;

	for (i = 0; i < l->n; i++)
		item_free(&l->v[i]);
	free(l->v);
	l->v = NULL;
	l->n = l->cap = 0;
}
