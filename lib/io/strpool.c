/*
 * String pool (see strpool.h): chunks double from 4 KiB to 1 MiB; a
 * string larger than half a chunk gets a chunk of its own behind the
 * current one, so the space left in the current chunk is not wasted.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "strpool.h"

#define CHUNK_MIN	4096
#define CHUNK_MAX	(1024 * 1024)
#define ALIGN		(sizeof(void *) > sizeof(double) ? sizeof(void *) : \
			    sizeof(double))

struct strpool_chunk {
	struct strpool_chunk	*next;
	size_t			 size;
	/* then the bytes, aligned */
	union {
		void	*p;
		double	 d;
		long long ll;
	} data[];
};

void
strpool_init(struct strpool *p)
{
	memset(p, 0, sizeof *p);
}

void
strpool_free(struct strpool *p)
{
	struct strpool_chunk	*c, *next;

	if (p == NULL)
		return;
	for (c = p->head; c != NULL; c = next) {
		next = c->next;
		free(c);
	}
	memset(p, 0, sizeof *p);
}

static struct strpool_chunk *
chunk_new(size_t size)
{
	struct strpool_chunk	*c;

	if (size > SIZE_MAX - sizeof *c ||
	    (c = malloc(sizeof *c + size)) == NULL) {
		error_set(NC_ENOMEM, "out of memory");
		return NULL;
	}
	c->next = NULL;
	c->size = size;
	return c;
}

void *
strpool_alloc(struct strpool *p, size_t n)
{
	struct strpool_chunk	*c;
	size_t			 size;
	char			*base;

	if (n > SIZE_MAX - ALIGN) {
		error_set(NC_ENOMEM, "out of memory");
		return NULL;
	}
	n = (n + ALIGN - 1) / ALIGN * ALIGN;
	if (p->head != NULL && p->cap - p->used >= n) {
		base = (char *)p->head->data + p->used;
		p->used += n;
		return base;
	}
	size = p->cap == 0 ? CHUNK_MIN : p->cap * 2;
	if (size > CHUNK_MAX)
		size = CHUNK_MAX;
	if (n > size / 2 && p->head != NULL) {
		/* a chunk of its own, behind the current one */
		if ((c = chunk_new(n)) == NULL)
			return NULL;
		c->next = p->head->next;
		p->head->next = c;
		p->total += n;
		return c->data;
	}
	if (n > size)
		size = n;
	if ((c = chunk_new(size)) == NULL)
		return NULL;
	c->next = p->head;
	p->head = c;
	p->cap = size;
	p->used = n;
	p->total += size;
	return c->data;
}

const char *
strpool_add(struct strpool *p, const char *s, size_t len)
{
	char	*d;

	if (len == SIZE_MAX || (d = strpool_alloc(p, len + 1)) == NULL)
		return NULL;
	if (len > 0)
		memcpy(d, s, len);
	d[len] = '\0';
	return d;
}

size_t
strpool_size(const struct strpool *p)
{
	return p->total;
}
