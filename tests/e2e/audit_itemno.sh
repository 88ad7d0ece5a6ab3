#!/bin/bash
# Item numbers in the audit documents (issue 18, review17): one number
# for an item wherever a reader meets it, without the kind prefix the
# records keep refs apart by (2-1-04, not op-2-1-04), in the 監査項目
# workbook too; the kind in Japanese where a table or text mixes kinds
# (マイナンバー 02 in an operational audit's 概要報告書, 運用 2-1-01 in
# the year's report; the 監査調書 marks the item's question).  The 質疑応答書 heads a finding by its number once
# (指摘事項3（軽微）, not 「3　指摘事項3（軽微）」).
. "$(dirname "$0")/lib/common.bash"

export NERIMA_CIO_TODAY=2027-03-31
D=$T/data
sample_copy "$D"
# One item 該当なし in every operational audit of the year: the report
# proposes to review it, naming it.
for f in "$D"/audits/2026/*.yaml; do
	grep -q '^type: operational' "$f" || continue
	$PY - "$f" <<'EOF'
import re, sys
p = sys.argv[1]
s = open(p, encoding="utf-8").read()
parts = re.split(r"(?m)^(?=  - ref: )", s)
for i, x in enumerate(parts):
    if x.startswith("  - ref: op-2-1-01\n"):
        x = re.sub(r"(?m)^    result: .*\n", "", x)
        parts[i] = x.replace("  - ref: op-2-1-01\n",
                             "  - ref: op-2-1-01\n    result: na\n", 1)
open(p, "w", encoding="utf-8").write("".join(parts))
EOF
done
O=$T/out.d
mkdir -p "$O"
ex() {	# WHAT ARGS...: audit export into $O
	local what=$1
	shift
	expect_status 0 "$NCIO" -C "$D" audit export "$what" "$@" -o "$O/"
}
ex items --fy 2026
ex paper --fy 2026
for id in au-02zk1v64 au-2chccpn9 au-x8nn1gn8; do
	ex summary $id
done
ex qa au-dhe0m1pn
ex results --fy 2026
ex risks --fy 2026

# Every file's text, a line a paragraph, cell or shared string.
$PY - "$O" >"$T/texts" <<'EOF'
import os, re, sys, zipfile
root = sys.argv[1]
for name in sorted(os.listdir(root)):
    if not name.endswith((".docx", ".xlsx")):
        continue
    z = zipfile.ZipFile(os.path.join(root, name))
    for part in sorted(z.namelist()):
        if not re.match(r"(word/document|xl/sharedStrings)",
                        part):
            continue
        s = z.read(part).decode("utf-8")
        s = s.replace("\n", "")
        s = re.sub(r"</w:p>|</si>|</c>|</w:tc>", "\n", s)
        s = re.sub(r"<[^>]+>", "", s)
        for line in s.split("\n"):
            if line.strip():
                print("%s\t%s" % (name, line.strip()))
EOF
[ "$(cut -f1 "$T/texts" | sort -u | wc -l)" -ge 8 ] ||
	fail "not every document was read: $(cut -f1 "$T/texts" | sort -u)"

# No item code with its prefix in any document.
expect_no_grep "$T/texts" '\b[a-z]{2}-[0-9]'
# The 監査項目 workbook: each sheet one catalog, the number alone.
expect_grep "$T/texts" '^監査項目_.*	2-1-01$'
expect_grep "$T/texts" '^監査項目_.*	01$'
expect_no_grep "$T/texts" '^監査項目_.*	(運用|システム|マイナンバー) ?[0-9]'
# The 監査調書: every item by its number alone (the kind in the column
# widened it and cut the 改善の方向性 to eight lines), an operational
# audit's My Number items marked before their question, and a note
# under the table saying what the mark is.
expect_grep "$T/texts" '^監査調書_.*	01$'
expect_grep "$T/texts" '^監査調書_.*	2-1-01$'
expect_no_grep "$T/texts" '^監査調書_.*	(運用|マイナンバー) ?[0-9]+$'
expect_grep "$T/texts" '^監査調書_.*	【マイナンバー】特定個人情報'
expect_no_grep "$T/texts" '^監査調書_.*	【運用】'
expect_grep "$T/texts" '^監査調書_.*	監査項目に【マイナンバー】を付した項目は、マイナンバーの監査項目であり、項目番号は監査項目の「マイナンバー」のシートの番号である。$'
# The 概要報告書 of 戸籍住民課: its finding on a My Number item.
expect_grep "$T/texts" '^情報セキュリティ監査結果概要報告書_.*戸籍住民課.docx	マイナンバー ?02$'
expect_grep "$T/texts" '^情報セキュリティ監査結果概要報告書_.*戸籍住民課.docx	2-[0-9]-[0-9]{2}$'
# The 質疑応答書: the carried My Number finding, and one number a
# heading.
expect_grep "$T/texts" '^フォローアップ監査に係る質疑応答書_.*	マイナンバー ?02$'
expect_grep "$T/texts" '^フォローアップ監査に係る質疑応答書_.*	指摘事項1（'
expect_no_grep "$T/texts" '^フォローアップ監査に係る質疑応答書_.*	[0-9]+　指摘事項'
# The year's report: the item 該当なし everywhere, with its kind.
expect_grep "$T/texts" '^情報セキュリティ監査実施結果報告書_令和8年度.docx	.*監査項目 運用 2-1-01 は、使用した全ての監査で該当なし'
# The 指摘事項 sheet of the 集計表: the 監査名 names the kind.
expect_grep "$T/texts" '^情報セキュリティ監査実施結果報告書_集計表_.*	マイナンバー02$'
finish
