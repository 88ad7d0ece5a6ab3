/*
 * A record's dated status history (status_history in the schemas of
 * review and pia: date, from, to, in the order the changes were made):
 * the sub-verbs that change a status and nerima-cio edit append to it,
 * and a document of an earlier date reads the status of its day from it
 * (a review withdrawn after a report is not 取下げ in that report).  The
 * status has no date of its own otherwise.  Records without a history
 * keep their own rules (review_status_on()).
 */
#ifndef NCIO_STATUSLOG_H
#define NCIO_STATUSLOG_H

#include "cal.h"
#include "diag.h"
#include "node.h"
#include "schema.h"

/*
 * Append the change from -> to on day d (from may be NULL: none).  The
 * field is made when absent.
 */
int		 statuslog_append(struct ydoc *, struct node *root,
		    const char *from, const char *to, struct cal_date d);

/*
 * The status on day d (its end) by the history into *out:
 * STATUSLOG_LOGGED, the change last made (in the list's order) among
 * those dated by d -- a change entered later with an earlier date is
 * taken as made then; STATUSLOG_BEFORE, d before every change logged,
 * *out the status the first change left (NULL when it says none: the
 * kind's first state), the record's own rules to apply to it;
 * STATUSLOG_NONE, no history, or a status changed after the last
 * change logged (not by the tool, its day unknown) and d after that
 * change: the record's own rules, to its status.
 */
enum {
	STATUSLOG_NONE,
	STATUSLOG_LOGGED,
	STATUSLOG_BEFORE
};
int		 statuslog_on(const char **out, const struct node *root,
		    struct cal_date d);

/*
 * A record edited as a whole (nerima-cio edit) from old to root: when
 * its kind keeps a status_history and the status changed, the change is
 * appended dated d, unless the edit logged it itself (a new last entry
 * to the new status).  *logged is 1 when one was appended.
 */
int		 statuslog_edited(int *logged, struct ydoc *, struct node *root,
		    const struct schema *kind, const struct node *old,
		    struct cal_date d);

/*
 * What lint and every write check of a history: each change's from is
 * the previous one's to, each from and to a status of the kind, and the
 * last change's to the record's status (a status changed by hand without
 * its change logged).  Problems go to d under path.
 */
void		 statuslog_check(const struct schema *kind,
		    const struct node *root, const char *path,
		    struct diags *d);

#endif
