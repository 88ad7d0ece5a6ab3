/*
 * The dated obligations of reviews, for `nerima-cio due` (due.h).
 */
#ifndef NCIO_REVIEW_DUE_H
#define NCIO_REVIEW_DUE_H

#include "due.h"

struct store;

/*
 * Every review's due date -- its due field, else for a procurement
 * opinion the fifth business day after the request (cal_due_procurement,
 * 4(1)ア(イ)b) -- done once decided, submitted or withdrawn.
 */
int	review_dues(struct duelist *, struct store *, struct cal_date from,
	    struct cal_date to);

#endif
