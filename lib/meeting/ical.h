/*
 * iCalendar (RFC 5545) of dated obligations, for Outlook and Teams: one
 * VEVENT per obligation, times in Asia/Tokyo with its VTIMEZONE, content
 * lines ending in CRLF and folded at 75 octets (never inside a UTF-8
 * character), text escaped.  Each event's UID is derived from the record
 * id and the obligation, so importing a later export updates the events
 * instead of adding copies; SEQUENCE grows with the export time so the
 * later one wins.
 */
#ifndef NCIO_ICAL_H
#define NCIO_ICAL_H

#include <time.h>

#include "buf.h"
#include "due.h"

#define ICAL_UID_MAX	96
#define ICAL_TZID	"Asia/Tokyo"

struct ical_opts {
	const char	*calname;	/* X-WR-CALNAME, or NULL */
	time_t		 stamp;		/* DTSTAMP: the export time */
	/* Names to show for member ids; NULL leaves the ids. */
	const char	*(*who)(void *arg, const char *id);
	void		*arg;
};

/* The whole calendar into out. */
int	ical_write(struct buf *out, const struct duelist *,
	    const struct ical_opts *);
/* One content line, folded, with its CRLF. */
void	ical_line(struct buf *out, const char *line);
/* A TEXT value escaped: backslash, semicolon, comma, newline. */
void	ical_escape(struct buf *out, const char *s);
/* "<record id>-<16 hex digits of the obligation>@nerima-cio". */
void	ical_uid(char out[ICAL_UID_MAX], const struct due_item *);

#endif
