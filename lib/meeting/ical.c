/*
 * iCalendar (RFC 5545) for Outlook and Teams.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "error.h"
#include "ical.h"

/* 3.1: lines of at most 75 octets, continued after CRLF and a space. */
void
ical_line(struct buf *out, const char *line)
{
	size_t	len = strlen(line), room = 75, n;

	while (len > room) {
		n = room;
		/* never inside a UTF-8 sequence */
		while (n > 0 && ((unsigned char)line[n] & 0xC0) == 0x80)
			n--;
		buf_add(out, line, n);
		buf_puts(out, "\r\n ");
		line += n;
		len -= n;
		room = 74;
	}
	buf_add(out, line, len);
	buf_puts(out, "\r\n");
}

/* 3.3.11 TEXT */
void
ical_escape(struct buf *out, const char *s)
{
	for (; s != NULL && *s != '\0'; s++) {
		switch (*s) {
		case '\\':
			buf_puts(out, "\\\\");
			break;
		case ';':
			buf_puts(out, "\\;");
			break;
		case ',':
			buf_puts(out, "\\,");
			break;
		case '\n':
			buf_puts(out, "\\n");
			break;
		case '\r':
			break;
		default:
			if ((unsigned char)*s < 0x20 && *s != '\t')
				break;	/* CONTROL is not allowed */
			buf_putc(out, *s);
		}
	}
}

void
ical_uid(char out[ICAL_UID_MAX], const struct due_item *it)
{
	uint64_t	 h = 0xcbf29ce484222325ULL;
	const char	*parts[3] = { it->kind, it->id, it->what };
	const char	*p;
	size_t		 i;

	/* FNV-1a over kind, id and obligation: the same every export */
	for (i = 0; i < 3; i++) {
		for (p = parts[i] != NULL ? parts[i] : ""; *p != '\0'; p++) {
			h ^= (unsigned char)*p;
			h *= 0x100000001b3ULL;
		}
		h ^= 0xff;
		h *= 0x100000001b3ULL;
	}
	snprintf(out, ICAL_UID_MAX, "%.40s-%016llx@nerima-cio",
	    it->id != NULL ? it->id : "", (unsigned long long)h);
}

static void
prop(struct buf *out, const char *name, const char *text)
{
	struct buf	l = BUF_INIT;

	buf_puts(&l, name);
	buf_putc(&l, ':');
	ical_escape(&l, text);
	if (buf_ok(&l) == 0)
		ical_line(out, l.data);
	else
		out->failed = 1;
	buf_free(&l);
}

static void
event(struct buf *out, const struct due_item *it, const struct ical_opts *o,
    const char *stamp)
{
	struct buf	 t = BUF_INIT;
	struct cal_date	 end;
	char		 uid[ICAL_UID_MAX], line[160];
	const char	*who = it->who;
	int		 eh, em;

	if (who != NULL && o->who != NULL)
		who = o->who(o->arg, it->who);
	ical_uid(uid, it);
	ical_line(out, "BEGIN:VEVENT");
	snprintf(line, sizeof line, "UID:%s", uid);
	ical_line(out, line);
	snprintf(line, sizeof line, "DTSTAMP:%s", stamp);
	ical_line(out, line);
	/* a later export supersedes an earlier one (5545 3.8.7.4) */
	snprintf(line, sizeof line, "SEQUENCE:%lld",
	    (long long)(o->stamp / 60));
	ical_line(out, line);
	if (it->hour >= 0) {
		snprintf(line, sizeof line, "DTSTART;TZID=" ICAL_TZID
		    ":%04d%02d%02dT%02d%02d00", it->date.y, it->date.m,
		    it->date.d, it->hour, it->minute);
		ical_line(out, line);
		/* a deadline is a moment: shown as half an hour */
		em = it->minute + 30;
		eh = it->hour + em / 60;
		em %= 60;
		if (eh > 23) {
			eh = 23;
			em = 59;
		}
		snprintf(line, sizeof line, "DTEND;TZID=" ICAL_TZID
		    ":%04d%02d%02dT%02d%02d00", it->date.y, it->date.m,
		    it->date.d, eh, em);
		ical_line(out, line);
	} else {
		end = cal_add_days(it->date, 1);
		snprintf(line, sizeof line, "DTSTART;VALUE=DATE:%04d%02d%02d",
		    it->date.y, it->date.m, it->date.d);
		ical_line(out, line);
		snprintf(line, sizeof line, "DTEND;VALUE=DATE:%04d%02d%02d",
		    end.y, end.m, end.d);
		ical_line(out, line);
	}
	buf_printf(&t, "%s【期限】%s%s%s%s", it->done ? "【済】" : "",
	    it->what != NULL ? it->what : "", it->title != NULL ? "（" : "",
	    it->title != NULL ? it->title : "", it->title != NULL ? "）" : "");
	if (buf_ok(&t) == 0)
		prop(out, "SUMMARY", t.data);
	buf_reset(&t);
	buf_printf(&t, "%s\n", it->what != NULL ? it->what : "");
	if (it->title != NULL)
		buf_printf(&t, "件名：%s\n", it->title);
	buf_printf(&t, "記録：%s %s\n", it->kind, it->id);
	if (who != NULL)
		buf_printf(&t, "担当：%s\n", who);
	if (it->basis != NULL)
		buf_printf(&t, "根拠：%s\n", it->basis);
	if (buf_ok(&t) == 0) {
		if (t.len > 0)
			t.data[--t.len] = '\0';
		prop(out, "DESCRIPTION", t.data);
	}
	buf_reset(&t);
	buf_puts(&t, "CATEGORIES:nerima-cio,");
	ical_escape(&t, it->kind);
	if (buf_ok(&t) == 0)
		ical_line(out, t.data);
	ical_line(out, "TRANSP:TRANSPARENT");
	ical_line(out, "STATUS:CONFIRMED");
	ical_line(out, "END:VEVENT");
	if (buf_ok(&t) != 0)
		out->failed = 1;
	buf_free(&t);
}

int
ical_write(struct buf *out, const struct duelist *l,
    const struct ical_opts *o)
{
	struct tm	 tm;
	char		 stamp[32];
	size_t		 i;

	gmtime_r(&o->stamp, &tm);
	strftime(stamp, sizeof stamp, "%Y%m%dT%H%M%SZ", &tm);
	ical_line(out, "BEGIN:VCALENDAR");
	ical_line(out, "VERSION:2.0");
	ical_line(out, "PRODID:-//nerima-cio//due//JA");
	ical_line(out, "CALSCALE:GREGORIAN");
	ical_line(out, "METHOD:PUBLISH");
	if (o->calname != NULL)
		prop(out, "X-WR-CALNAME", o->calname);
	ical_line(out, "X-WR-TIMEZONE:" ICAL_TZID);
	/* Japan has kept +09:00 without daylight saving since 1951 */
	ical_line(out, "BEGIN:VTIMEZONE");
	ical_line(out, "TZID:" ICAL_TZID);
	ical_line(out, "BEGIN:STANDARD");
	ical_line(out, "DTSTART:19700101T000000");
	ical_line(out, "TZOFFSETFROM:+0900");
	ical_line(out, "TZOFFSETTO:+0900");
	ical_line(out, "TZNAME:JST");
	ical_line(out, "END:STANDARD");
	ical_line(out, "END:VTIMEZONE");
	for (i = 0; i < l->n; i++)
		event(out, &l->v[i], o, stamp);
	ical_line(out, "END:VCALENDAR");
	return buf_ok(out);
}
