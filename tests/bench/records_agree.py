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


CHECKS = [check_issues]

for c in CHECKS:
    c()
for b in bad:
    print(b)
sys.exit(1 if bad else 0)
