#!/usr/bin/python3
"""Check an iCalendar file written by `nerima-cio due --ics`.

usage: check_ics.py FILE [--same OTHER] [--stamp YYYYMMDDTHHMMSSZ]

Two readers: python3-icalendar (Debian) parses the file, and a strict
reading of RFC 5545 written here checks what parsers forgive -- every
line ends in CRLF, no line is longer than 75 octets, a continuation line
starts with one space and never splits a UTF-8 character, text values
escape , ; and \\, there is a VTIMEZONE for every TZID used, every event
has UID, DTSTAMP (UTC), DTSTART and SUMMARY, UIDs are unique.  With
--same, OTHER (a second export) must have the same UIDs.  With --stamp,
every DTSTAMP must be that.  Prints one line per event: UID, DTSTART,
SUMMARY.  Exits 1 naming what was wrong.
"""
import re
import sys

import icalendar


def strict(raw, problems):
    if not raw.endswith(b"\r\n"):
        problems.append("the file does not end in CRLF")
    lines = raw.split(b"\r\n")[:-1]
    logical = []
    for i, line in enumerate(lines, 1):
        if b"\n" in line or b"\r" in line:
            problems.append("line %d: a bare LF or CR" % i)
        if len(line) > 75:
            problems.append("line %d: %d octets" % (i, len(line)))
        if line.startswith(b" "):
            if not logical:
                problems.append("line %d: continuation first" % i)
                continue
            if line[1:2] and (line[1] & 0xC0) == 0x80:
                problems.append("line %d: a UTF-8 character split" % i)
            logical[-1] += line[1:]
        else:
            logical.append(line)
    text = []
    for i, l in enumerate(logical):
        try:
            text.append(l.decode("utf-8"))
        except UnicodeDecodeError:
            problems.append("content line %d is not UTF-8" % (i + 1))
    if text[:1] != ["BEGIN:VCALENDAR"] or text[-1:] != ["END:VCALENDAR"]:
        problems.append("not one VCALENDAR")
    for want in ("VERSION:2.0", "BEGIN:VTIMEZONE", "TZID:Asia/Tokyo"):
        if want not in text:
            problems.append("no %s" % want)
    if not any(t.startswith("PRODID:") for t in text):
        problems.append("no PRODID")
    for t in text:
        name, _, value = t.partition(":")
        if name.split(";")[0] in ("SUMMARY", "DESCRIPTION"):
            # an unescaped , or ; in TEXT
            if re.search(r"(?<!\\)[,;]", value.replace("\\\\", "")):
                problems.append("unescaped , or ; in %s" % t)
        if "TZID=" in name and "TZID=Asia/Tokyo" not in name:
            problems.append("unknown TZID in %s" % t)
    return text


def events(cal, problems, stamp):
    out = []
    uids = set()
    for ev in cal.walk("VEVENT"):
        for need in ("UID", "DTSTAMP", "DTSTART", "SUMMARY"):
            if ev.get(need) is None:
                problems.append("an event without %s" % need)
        uid = str(ev.get("UID"))
        if uid in uids:
            problems.append("UID %s twice" % uid)
        uids.add(uid)
        ds = ev.decoded("DTSTAMP")
        if ds.tzinfo is None or ds.utcoffset().total_seconds() != 0:
            problems.append("%s: DTSTAMP is not UTC" % uid)
        if stamp and ds.strftime("%Y%m%dT%H%M%SZ") != stamp:
            problems.append("%s: DTSTAMP %s, want %s" % (uid,
                            ds.strftime("%Y%m%dT%H%M%SZ"), stamp))
        start = ev.decoded("DTSTART")
        end = ev.decoded("DTEND")
        if end <= start:
            problems.append("%s: ends before it starts" % uid)
        if hasattr(start, "tzinfo") and start.tzinfo is not None and \
                start.utcoffset().total_seconds() != 9 * 3600:
            problems.append("%s: DTSTART not in +09:00" % uid)
        out.append((uid, start.isoformat(), str(ev.get("SUMMARY"))))
    return out, uids


def main(argv):
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    path = argv[1]
    other = stamp = None
    i = 2
    while i < len(argv):
        if argv[i] == "--same":
            other, i = argv[i + 1], i + 2
        elif argv[i] == "--stamp":
            stamp, i = argv[i + 1], i + 2
        else:
            print(__doc__, file=sys.stderr)
            return 2
    problems = []
    raw = open(path, "rb").read()
    strict(raw, problems)
    cal = icalendar.Calendar.from_ical(raw)
    evs, uids = events(cal, problems, stamp)
    if other is not None:
        raw2 = open(other, "rb").read()
        strict(raw2, problems)
        _, uids2 = events(icalendar.Calendar.from_ical(raw2), problems,
                          None)
        if uids != uids2:
            problems.append("UIDs differ between the two exports: %s" %
                            sorted(uids ^ uids2))
    for uid, start, summary in evs:
        print("%s\t%s\t%s" % (uid, start, summary))
    for p in problems:
        print("%s: %s" % (path, p), file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
