#!/usr/bin/env python3
"""Records the generator writes agree with themselves (review15): a
status that says what the record's history and dates say, and the like.
usage: records_agree.py DATA-DIR; prints each disagreement, exits 1 if
any.  The lint catches some of these; this names what the generator
must not write, one check per kind."""
import glob, os, sys
import yaml

data = sys.argv[1]
bad = []


def records(kind):
    for p in sorted(glob.glob(os.path.join(data, kind, "*", "*.yaml"))):
        with open(p, encoding="utf-8") as f:
            yield os.path.relpath(p, data), yaml.safe_load(f)


def check_issues():
    # the status is the last history entry's
    for p, r in records("issues"):
        h = r.get("history") or []
        last = h[-1]["status"] if h else None
        if last != r.get("status"):
            bad.append("%s: status %s, last history entry %s" %
                       (p, r.get("status"), last))


def check_audits():
    # each status has its dates: agreed ones have an agreement and no
    # report yet, reported ones both (schema order planned, in-progress,
    # agreed, reported, following-up, closed)
    for p, r in records("audits"):
        st = r.get("status")
        if st == "agreed" and r.get("reported"):
            bad.append("%s: agreed, with reported %s" % (p, r["reported"]))
        if st in ("reported", "following-up", "closed") and \
                not r.get("reported"):
            bad.append("%s: %s without a reported date" % (p, st))
        if st in ("agreed", "reported") and not r.get("agreement"):
            bad.append("%s: %s without an agreement" % (p, st))


CHECKS = [check_issues, check_audits]

for c in CHECKS:
    c()
for b in bad:
    print(b)
sys.exit(1 if bad else 0)
