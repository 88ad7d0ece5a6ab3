#!/bin/bash
# Touch-ups of the audit documents (review18a): a two-day audit's 実施日
# written as one period everywhere (令和8年9月10日～11日, not the year
# and month again, nor the first day alone in the 実施結果報告書).
. "$(dirname "$0")/lib/common.bash"

PY=/usr/bin/python3
export NERIMA_CIO_TODAY=2027-03-31
D=$NCIO_SAMPLE_DIR
TWO=au-2chccpn9		# 令和8年9月10日～11日

expect_status 0 "$NCIO" -C "$D" audit export summary $TWO -o "$T/sum.docx"
expect_status 0 "$NCIO" -C "$D" audit export results --fy 2026 -o "$T/res.docx"
$PY - "$T/sum.docx" "$T/res.docx" <<'PYEOF' || fail "a two-day audit's 実施日"
import os, sys
sys.path.insert(0, os.environ["NCIO_SOURCE_DIR"] + "/tests/py")
import docx
from docxtext import cell_text
def cells(p):
    d = docx.Document(p)
    return [cell_text(c) for t in d.tables for r in t.rows for c in r.cells]
s = cells(sys.argv[1])
assert "令和8年9月10日～11日" in s, [x for x in s if "令和8年9月" in x]
r = cells(sys.argv[2])
assert "令和8年9月10日～11日" in r, [x for x in r if "令和8年9月" in x]
PYEOF

finish
