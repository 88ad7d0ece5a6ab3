#!/bin/bash
# Touch-ups of the audit documents (review18a): a two-day audit's 実施日
# written as one period everywhere (令和8年9月10日～11日, not the year
# and month again, nor the first day alone in the 実施結果報告書).
. "$(dirname "$0")/lib/common.bash"

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

# The 質疑応答書: each finding's box keeps with its 質疑応答 (the box
# ended on one page and the table started on the next).
FU=au-dhe0m1pn
expect_status 0 "$NCIO" -C "$D" audit export qa $FU -o "$T/qa.docx"
$PY - "$T/qa.docx" <<'PYEOF' || fail "the 質疑応答書 keeps a finding with its Q&A"
import re, sys, zipfile
x = zipfile.ZipFile(sys.argv[1]).read("word/document.xml").decode()
body = x[x.index("<w:body>"):]
tables = [m.start() for m in re.finditer("<w:tbl>", body)]
kept = 0
for i, t in enumerate(tables):
    tbl = body[t:body.index("</w:tbl>", t)]
    if "項目番号" not in tbl and "指摘内容" not in tbl:
        continue
    last = tbl[tbl.rindex("<w:tr>"):]
    nxt = tables[i + 1] if i + 1 < len(tables) else None
    between = body[t + len(tbl):nxt] if nxt else ""
    if nxt is None or "質問" not in body[nxt:nxt + 4000] or "<w:t" in between.replace("<w:tbl", ""):
        continue          # no Q&A table right after: 質疑応答なし。
    kept += 1
    assert "<w:keepNext/>" in last, "a finding's last row does not keep"
    assert all("<w:keepNext/>" in p for p in re.findall(r"<w:p>.*?</w:p>|<w:p/>", between)), between[:300]
assert kept >= 2, kept
PYEOF

finish
