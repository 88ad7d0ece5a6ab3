#!/bin/bash
# The 実施結果報告書's 「4　課題と対応」 (review17): the risks the year's
# audits surfaced are said to be such, counted, each under its audit
# target, with where their ratings are; a year without risks says so.
. "$(dirname "$0")/lib/common.bash"

export NERIMA_CIO_TODAY=2027-03-31
D=$T/data
sample_copy "$D"
text() {	# DOCX: its paragraphs, a line each
	$PY - "$1" <<'PYEOF'
import re, sys, zipfile
s = zipfile.ZipFile(sys.argv[1]).read("word/document.xml").decode()
for p in re.findall(r"<w:p[ >].*?</w:p>", s):
    print("".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", p)))
PYEOF
}
expect_status 0 "$NCIO" -C "$D" audit export results --fy 2026 -o "$T/r.docx"
text "$T/r.docx" | sed -n '/^4　課題と対応$/,/^5　/p' >"$T/risks"
expect_grep "$T/risks" '^今年度の監査で顕在化したリスク（.*）は 2 件である。リスクごとに、括弧内に監査対象を示し、確認した状況の分析と対応策を記す。発生可能性と影響度の評価は、リスク一覧のとおりである。$'
expect_grep "$T/risks" '^\(1\)　.+（戸籍住民課）$'
expect_grep "$T/risks" '^\(2\)　.+（区立図書館（見本A））$'
# a year whose audits recorded no risk: no lead, the sentence saying so
for f in "$D"/audits/2026/*.yaml; do
	$PY - "$f" <<'PYEOF'
import re, sys
p = sys.argv[1]
s = open(p, encoding="utf-8").read()
s = re.sub(r"(?ms)^risks:\n(?:  .*\n|\n)*", "", s)
open(p, "w", encoding="utf-8").write(s)
PYEOF
done
expect_status 0 "$NCIO" -C "$D" audit export results --fy 2026 -o "$T/r0.docx"
text "$T/r0.docx" | sed -n '/^4　課題と対応$/,/^5　/p' >"$T/risks0"
expect_grep "$T/risks0" '^監査により顕在化したリスクの記録はない。$'
expect_no_grep "$T/risks0" '顕在化したリスク（'
finish
