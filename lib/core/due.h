/*
 * Dated obligations: what is due, by when, from which record.  Each domain
 * module lists its own (review_dues(), audit_dues(), incident_dues() ...,
 * in each one's public header, with the signature of due_source_fn);
 * `nerima-cio due` and the reports gather them into one agenda.
 */
#ifndef NCIO_DUE_H
#define NCIO_DUE_H

#include <stddef.h>

#include "cal.h"

struct store;

struct due_item {
	struct cal_date	 date;
	int		 hour, minute;	/* -1 when due by the end of the day */
	char		*kind;		/* record kind: "meeting", "review" */
	char		*id;		/* record id */
	char		*title;		/* what a person reads: the subject */
	char		*what;		/* the obligation: "次第・資料の提出" */
	char		*who;		/* member id responsible, or NULL */
	char		*basis;		/* the rule's source: "仕様書4(3)ア(ウ)" */
	int		 done;		/* already met (listed only on request) */
};

struct duelist {
	struct due_item	*v;
	size_t		 n;
	size_t		 cap;
};

#define DUELIST_INIT	{ NULL, 0, 0 }

/* Add one item; the strings are copied (any may be NULL but kind and id). */
int	duelist_add(struct duelist *, struct cal_date date, int hour,
	    int minute, const char *kind, const char *id, const char *title,
	    const char *what, const char *who, const char *basis, int done);
/* Sort by date and time, then kind and id. */
void	duelist_sort(struct duelist *);
void	duelist_free(struct duelist *);

/*
 * A domain's list of obligations falling in [from, to] (either bound may
 * be a zero date for "open"), done ones included with done set.
 */
typedef int (*due_source_fn)(struct duelist *, struct store *,
	    struct cal_date from, struct cal_date to);

#endif
