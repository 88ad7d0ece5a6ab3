#!/bin/bash
# A follow-up of a follow-up whose findings name the follow-up in
# from_audit (records edited by hand; `audit followup` names the audit
# that made the finding): lint warns naming the original, and the
# documents resolve the chain to the audit that made the findings, as
# they do for the chain the tool makes (review18a MUST-FIX 1: the
# 質疑応答書 lost 項目番号/監査項目, named the follow-up as the audit
# that made the findings and said the exclusion twice).
. "$(dirname "$0")/lib/common.bash"

REV="$PY $NCIO_SOURCE_DIR/tests/py/check_review.py"
SRC=au-02zk1v64 FU=au-dhe0m1pn
export NERIMA_CIO_TODAY=2027-03-31

# The tool's chain: the sample's follow-up agreed and followed up.
sample_copy "$T/tool"
expect_status 0 "$NCIO" -C "$T/tool" audit agree $FU --by '例示 和夫' \
    --date 2027-01-27
expect_status 0 "$NCIO" -C "$T/tool" audit followup $FU --date 2027-03-01
F3=$(cat "$T/out")
F3F=audits/2026/$F3.yaml
[ "$(grep -c "^ *from_audit: $SRC$" "$T/tool/$F3F")" -eq 3 ] ||
	fail "the tool's follow-up names the original: $(grep from_ "$T/tool/$F3F" | tr '\n' ' ')"

# The same chain by hand: its findings point at the follow-up's copies
# (findings 1, 3, 4 of $FU, made as 1, 4, 5 of $SRC).
cp -r "$T/tool" "$T/hand"
$PY - "$T/hand/$F3F" "$FU" <<'EOF'
import sys, re
p, fu = sys.argv[1], sys.argv[2]
s = open(p, encoding="utf-8").read()
back = {"1": "1", "4": "3", "5": "4"}
s = re.sub(r"(?m)^( *)from_audit: .*\n( *)from_finding: (\d+)$",
           lambda m: "%sfrom_audit: %s\n%sfrom_finding: %s" % (
               m.group(1), fu, m.group(2), back[m.group(3)]), s)
open(p, "w", encoding="utf-8").write(s)
EOF
[ "$(grep -c "^ *from_audit: $FU$" "$T/hand/$F3F")" -eq 3 ] ||
	fail "fixture: the hand-made chain"

# --- lint: the tool's chain is clean, the hand-made one warned --------
expect_status 0 "$NCIO" -C "$T/tool" lint
expect_no_grep "$T/err" "$F3"
# the second follow-up accepts a finding the first found in progress: the
# status goes to the original, the first keeps what it found, and lint
# takes the later one (it warned on the first: gen18)
cp -r "$T/tool" "$T/later"
expect_status 0 "$NCIO" -C "$T/later" audit finding "$F3" 1 --status accepted
expect_status 0 "$NCIO" -C "$T/later" lint
expect_no_grep "$T/err" "warning"
expect_status 0 "$NCIO" -C "$T/hand" lint
for n in "1 1 1" "2 3 4" "3 4 5"; do
	set -- $n
	expect_grep "$T/err" "^$F3F: warning: finding $1 follows up finding $2 of $FU \(from_audit, from_finding\), a follow-up; the finding was made by $SRC as its finding $3: from_audit and from_finding name that audit, as \`audit followup\` writes them$"
done

# --- the 質疑応答書 and the 監査調書: as of the tool's chain -----------
for d in tool hand; do
	expect_status 0 "$NCIO" -C "$T/$d" audit export qa "$F3" -o "$T/$d-qa.docx"
	expect_status 0 "$NCIO" -C "$T/$d" audit export paper "$F3" -o "$T/$d-paper.xlsx"
	expect_status 0 "$NCIO" -C "$T/$d" audit export results --fy 2026 -o "$T/$d-results.xlsx"
done
$PY - "$T/tool-qa.docx" "$T/hand-qa.docx" <<'EOF' || fail "the hand-made chain's 質疑応答書"
import os, sys, difflib
sys.path.insert(0, os.environ["NCIO_SOURCE_DIR"] + "/tests/py")
import docx
from docxtext import cell_text
def text(p):
    d = docx.Document(p)
    out = [x.text for x in d.paragraphs]
    for t in d.tables:
        for r in t.rows:
            out.extend(cell_text(c) for c in r.cells)
    return "\n".join(out)
tool, hand = text(sys.argv[1]), text(sys.argv[2])
assert tool == hand, "\n".join(
    difflib.unified_diff(tool.split("\n"), hand.split("\n"), lineterm=""))
# what the review found missing or wrong in the hand-made one
for want in ("項目番号", "2-2-01", "監査項目", "指摘事項1（", "指摘事項4（",
             "指摘事項5（",
             # one bracket, with the year (review 19, rev19a T18)
             "指摘を行った令和8年度 運用面の監査（令和8年7月15日実施）での番号"):
    assert want in hand, want
for bad in ("（フォローアップ元）での番号", "是正確認済であった"):
    assert bad not in hand, bad
EOF
# one finding with a long answer and short ones beside it
cp -r "$T/tool" "$T/wide"
expect_status 0 "$NCIO" -C "$T/wide" audit finding "$F3" 1 --response \
    管理簿の様式を改め、点検の結果と点検者を記録する欄を設けた。今後は毎年4月と10月に課長が点検し、結果を課内で共有する。
expect_status 0 "$NCIO" -C "$T/wide" audit finding "$F3" 2 --response 改訂した。
# one a line long (34 characters): the label column gave it the room
expect_status 0 "$NCIO" -C "$T/wide" audit finding "$F3" 3 --response \
    個人情報を含む書類の記録の保存期間と保存場所を定め、課内に周知した。
expect_status 0 "$NCIO" -C "$T/wide" audit export qa "$F3" -o "$T/wide-qa.docx"
$PY - "$T/wide-qa.docx" <<'EOF' || fail "the 質疑応答書's findings in boxes of one width"
# each finding's box laid out alone gave each its own label column
# (review 19, rev19a T4: 「改善の／方向性」 in one, whole in the next)
import sys, docx
from docx.oxml.ns import qn
d = docx.Document(sys.argv[1])
grids = [[g.get(qn("w:w")) for g in t._tbl.tblGrid.iter(qn("w:gridCol"))]
         for t in d.tables if t.cell(0, 0).text == "項目番号"]
assert len(grids) >= 3, grids
assert all(g == grids[0] for g in grids), grids
# and their labels whole (rev43a A16: 「被監査部／署の回答」 in every box)
labels = [r.cells[0].text for t in d.tables if t.cell(0, 0).text == "項目番号"
          for r in t.rows]
assert not [l for l in labels if "\n" in l], labels
EOF
$PY - "$T/tool-paper.xlsx" "$T/hand-paper.xlsx" <<'EOF' || fail "the hand-made chain's 監査調書"
import sys, openpyxl
def cells(p):
    ws = openpyxl.load_workbook(p).worksheets[0]
    return [[c.value for c in r] for r in ws.iter_rows()]
tool, hand = cells(sys.argv[1]), cells(sys.argv[2])
assert tool == hand, [(a, b) for a, b in zip(tool, hand) if a != b]
text = "\n".join(str(c) for r in hand for c in r if c is not None)
assert "指摘を行った監査\u3000令和8年度 情報セキュリティ監査（運用面）" in text, text[:600]
EOF
$PY - "$T/tool-results.xlsx" "$T/hand-results.xlsx" <<'EOF' || fail "the hand-made chain's 監査一覧"
import sys, openpyxl
def cells(p):
    wb = openpyxl.load_workbook(p)
    return [[[c.value for c in r] for r in ws.iter_rows()] for ws in wb.worksheets]
tool, hand = cells(sys.argv[1]), cells(sys.argv[2])
assert tool == hand, "the 監査一覧 differs"
EOF

# the 監査一覧 names what each follow-up followed up (rev18b G3): the
# sample's follow-up the 運用面 audit of 7月15日, the new one that follow-up
checks=$((checks + 1))
$PY - "$T/tool-results.xlsx" <<'EOF' || fail "the 監査一覧 does not name what a follow-up followed up"
import sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1])["監査一覧"]
notes = [r[0] for r in ws.iter_rows(values_only=True)
         if isinstance(r[0], str) and r[0].startswith("No.")
         and "のフォローアップ監査は、" in r[0]]
assert len(notes) == 2, notes
assert any("（令和8年度 情報セキュリティ監査（運用面） 戸籍住民課、令和8年7月15日）"
           "の指摘の是正を確認したもの。" in n for n in notes), notes
EOF

# --- a status recorded in it is copied to the original finding --------
cp -r "$T/hand" "$T/prop"
expect_status 0 "$NCIO" -C "$T/prop" audit finding "$F3" 2 --status accepted
expect_grep "$T/err" "^$SRC finding 4: "
expect_status 0 "$NCIO" -C "$T/prop" audit finding $SRC 4
expect_grep "$T/out" "^status: accepted$"

# --- a follow-up of the hand-made one names the original -------------
expect_status 0 "$NCIO" -C "$T/hand" audit agree "$F3" --by '例示 和夫' \
    --date 2027-03-05
expect_status 0 "$NCIO" -C "$T/hand" audit followup "$F3" --date 2027-03-20
F4F=audits/2026/$(cat "$T/out").yaml
expect_no_grep "$T/hand/$F4F" "from_audit: $FU"
expect_grep "$T/hand/$F4F" "^ *from_audit: $SRC$"
expect_no_grep "$T/hand/$F4F" "from_audit: $F3"

finish
