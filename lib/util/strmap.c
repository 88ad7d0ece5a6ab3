/*
 * String-keyed hash map (see strmap.h).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "strmap.h"

struct slot {
	const char	*key;
	void		*value;
	uint32_t	 hash;
};

struct strmap {
	struct slot	*v;
	size_t		 cap;	/* a power of two, or 0 */
	size_t		 n;
};

static uint32_t
hash(const char *s)
{
	uint32_t	h = 2166136261u;

	while (*s != '\0') {
		h ^= (unsigned char)*s++;
		h *= 16777619u;
	}
	return h;
}

struct strmap *
strmap_new(void)
{
	struct strmap	*m;

	if ((m = calloc(1, sizeof *m)) == NULL)
		error_set(NC_ENOMEM, "out of memory");
	return m;
}

void
strmap_free(struct strmap *m)
{
	if (m == NULL)
		return;
	free(m->v);
	free(m);
}

static struct slot *
find(const struct strmap *m, const char *key, uint32_t h)
{
	size_t	i;

	for (i = h & (m->cap - 1);; i = (i + 1) & (m->cap - 1)) {
		if (m->v[i].key == NULL || (m->v[i].hash == h &&
		    strcmp(m->v[i].key, key) == 0))
			return &m->v[i];
	}
}

static int
grow(struct strmap *m)
{
	struct slot	*old = m->v, *s;
	size_t		 oldcap = m->cap, i;

	m->cap = oldcap == 0 ? 64 : oldcap * 2;
	if ((m->v = calloc(m->cap, sizeof *m->v)) == NULL) {
		m->v = old;
		m->cap = oldcap;
		return error_set(NC_ENOMEM, "out of memory");
	}
	for (i = 0; i < oldcap; i++) {
		if (old[i].key == NULL)
			continue;
		s = find(m, old[i].key, old[i].hash);
		*s = old[i];
	}
	free(old);
	return 0;
}

int
strmap_put(struct strmap *m, const char *key, void *value)
{
	struct slot	*s;
	uint32_t	 h = hash(key);

	/* keep the load under 3/4 so probes stay short */
	if ((m->n + 1) * 4 > m->cap * 3 && grow(m) != 0)
		return NC_ENOMEM;
	s = find(m, key, h);
	if (s->key == NULL) {
		s->key = key;
		s->hash = h;
		m->n++;
	}
	s->value = value;
	return 0;
}

void *
strmap_get(const struct strmap *m, const char *key)
{
	struct slot	*s;

	if (m == NULL || m->cap == 0)
		return NULL;
	s = find(m, key, hash(key));
	return s->key == NULL ? NULL : s->value;
}

size_t
strmap_count(const struct strmap *m)
{
	return m == NULL ? 0 : m->n;
}
