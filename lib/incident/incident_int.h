/*
 * Inside the incident module: the context and small helpers shared by its
 * files.
 */
#ifndef NCIO_INCIDENT_INT_H
#define NCIO_INCIDENT_INT_H

#include "buf.h"
#include "incident.h"
#include "record.h"

struct incident_ctx {
	struct store		*st;
	const struct schema	*kind;		/* incident */
	struct cal		*cal;
	struct record		**catalogs;	/* every catalog, loaded once */
	size_t			 ncatalogs;
	int			 loaded;
};

/* The items of a sequence under key, or NULL when absent or not one. */
const struct node *inc_seq(const struct node *map, const char *key);
/* A scalar under a dotted path ("privacy.people"), or NULL. */
const char	*inc_path_str(const struct node *root, const char *path);
/* The node under a dotted path, or NULL. */
const struct node *inc_path(const struct node *root, const char *path);
/* A new scalar for a text; NULL when out of memory. */
struct node	*inc_str(struct ydoc *, const char *);
/* Set key of map to a string (or remove it when v is NULL). */
int		 inc_set(struct ydoc *, struct node *map, const char *key,
		    const char *v);
/* The mapping under key, made when missing. */
struct node	*inc_child_map(struct ydoc *, struct node *map,
		    const char *key);
/* The sequence under key, made when missing. */
struct node	*inc_child_seq(struct ydoc *, struct node *map,
		    const char *key);
/* The Japanese label of an enum field of the incident kind. */
const char	*inc_label(const struct schema *kind, const char *path,
		    const char *value);
/* An ISO date as 令和8年6月10日 into out (CAL_FMT_MAX), or "" */
void		 inc_era(char *out, const char *iso);
/*
 * When the incident was found, in minutes (incident_time()): the first
 * detection entry of the timeline, else the discovered day at 00:00; -1
 * when neither.  *at is that entry's time or the discovered day, *field
 * where it comes from ("timeline.at", "discovered").
 */
long		 inc_detection(const struct node *root, const char **at,
		    const char **field);

#endif
