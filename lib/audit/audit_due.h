/*
 * The dated obligations of audits, for `nerima-cio due` (due.h).
 */
#ifndef NCIO_AUDIT_DUE_H
#define NCIO_AUDIT_DUE_H

#include "due.h"

struct store;

/*
 * Each finding's correction due date (是正期限), done once corrected or
 * accepted, and each follow-up audit's date, done once it has started.
 */
int	audit_dues(struct duelist *, struct store *, struct cal_date from,
	    struct cal_date to);

#endif
