#!/bin/bash
# A second follow-up of one audit, and a follow-up of a follow-up
# (review17 M4, T8, T9): a follow-up covers only the findings still open
# at its date, is refused naming the earlier one when none is left, lint
# warns of a record that checks accepted findings again, the 監査一覧
# counts the ones still open, and the 監査調書 and 質疑応答書 name the
# earlier follow-up.  The follow-up's 監査調書 names its source once and
# each item by its text; the 監査一覧 and リスク一覧 say their day.
. "$(dirname "$0")/lib/common.bash"

REV="$PY $NCIO_SOURCE_DIR/tests/py/check_review.py"
SRC=au-02zk1v64 FU=au-dhe0m1pn
export NERIMA_CIO_TODAY=2027-03-31

# The sample's follow-up (令和9年1月20日) with its findings as given;
# the source without its link to it and without the statuses copied
# back, as records made otherwise than by `audit followup` have them.
setup() {
	sample_copy "$T/$1"
	sed -i '/^followup: /d' "$T/$1/audits/2026/$SRC.yaml"
	shift 1
}
accept() {	# DIR NUMBER...: the follow-up's findings accepted
	local d=$1 n
	shift
	for n in "$@"; do
		$PY - "$T/$d/audits/2026/$FU.yaml" "$n" <<'EOF'
import sys, re
p, n = sys.argv[1], sys.argv[2]
s = open(p, encoding="utf-8").read()
parts = re.split(r"(?m)^(?=  - number: )", s)
for i, x in enumerate(parts):
    if x.startswith("  - number: %s\n" % n):
        parts[i] = re.sub(r"(?m)^    status: .*$", "    status: accepted", x)
open(p, "w", encoding="utf-8").write("".join(parts))
EOF
	done
}

# --- every open finding accepted by the first follow-up: refused ------
setup all
accept all 1 2 3 4
expect_status 1 "$NCIO" -C "$T/all" audit followup $SRC --date 2027-03-01
expect_grep "$T/err" "'$SRC' has no findings left to follow up: follow-up $FU of 2027-01-20 already accepted them"
[ -z "$(ls "$T/all/audits/2026" | grep -v -e $SRC -e $FU -e '^au-2chccpn9' \
    -e '^au-6m07cmgm' -e '^au-n33we3v8' -e '^au-q4mmnhh5' -e '^au-x8nn1gn8')" ] ||
	fail "a refused follow-up wrote a record"
expect_status 1 "$NCIO" -C "$T/all" audit plan --type followup \
    --target 戸籍住民課 --date 2027-03-01
expect_no_grep "$T/out" "^au-"

# --- some accepted: the rest only --------------------------------------
setup some
accept some 1
expect_status 0 "$NCIO" -C "$T/some" audit followup $SRC --date 2027-03-01
F2=$(cat "$T/out")
F2F=$T/some/audits/2026/$F2.yaml
[ "$(grep -c '^    from_finding: ' "$F2F")" -eq 2 ] ||
	fail "want findings 4 and 5 only: $(grep from_finding "$F2F" | tr '\n' ' ')"
expect_no_grep "$F2F" "^    from_finding: 1$"
expect_status 0 "$NCIO" -C "$T/some" audit export paper "$F2" -o "$T/some-paper.xlsx"
expect_status 0 $REV xlsx "$T/some-paper.xlsx" \
    "令和9年1月20日のフォローアップ監査で是正を確認した指摘を除く。"
expect_status 0 "$NCIO" -C "$T/some" audit export qa "$F2" -o "$T/some-qa.docx"
expect_status 0 $REV docx "$T/some-qa.docx" \
    "令和9年1月20日のフォローアップ監査で是正を確認した指摘を除く。"

# --- a record that checks them again: lint, the counts, the papers -----
cp -r "$T/all" "$T/again"
sed -e "s/^id: $FU$/id: au-f2ndxyz0/" -e 's/^date: 2027-01-20$/date: 2027-03-01/' \
    -e 's/^    status: accepted$/    status: in-progress/' \
    "$T/all/audits/2026/$FU.yaml" >"$T/again/audits/2026/au-f2ndxyz0.yaml"
expect_status 0 "$NCIO" -C "$T/again" lint
expect_grep "$T/err" "^audits/2026/au-f2ndxyz0\.yaml: warning: 4 of its 4 findings had been accepted already by the earlier follow-up $FU of 2027-01-20: a follow-up covers only the findings still open at its date$"
expect_no_grep "$T/err" "^audits/2026/$FU\.yaml: warning: .* accepted already"
expect_status 0 "$NCIO" -C "$T/again" audit export results --fy 2026 \
    -o "$T/again.xlsx"
$PY - "$T/again.xlsx" <<'EOF' || fail "監査一覧: the second follow-up's 指摘"
import sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1])["監査一覧"]
rows = [[c.value for c in r] for r in ws.iter_rows()]
assert rows[1][0].startswith("令和9年3月31日現在　出典："), rows[1]
h = next(i for i, r in enumerate(rows) if r[0] == "No.")
head = [str(x).replace("\n", "") for x in rows[h]]
i7, i8, i9 = head.index("指摘"), head.index("是正確認未了"), head.index("うち期限超過")
fu = [r for r in rows[h + 1:] if r[0] and "フォローアップ" in str(r[2])]
assert len(fu) == 2, fu
# the first: its 4 findings, all accepted since
assert (fu[0][i7], fu[0][i8], fu[0][i9]) == (4, 0, 0), fu[0]
# the second: none still open at its date
assert (fu[1][i7], fu[1][i8], fu[1][i9]) == (0, 0, 0), fu[1]
# the two-day audit of 令和8年9月10日～11日
assert any(r[4] == "令和8年9月10日\n～11日" for r in rows[h + 1:]), rows
EOF
expect_status 0 "$NCIO" -C "$T/again" audit export paper au-f2ndxyz0 -o "$T/again-paper.xlsx"
expect_status 0 $REV xlsx "$T/again-paper.xlsx" \
    "本監査の指摘4件（全件）は、令和9年1月20日のフォローアップ監査で是正を確認済みである。"
expect_status 0 "$NCIO" -C "$T/again" audit export qa au-f2ndxyz0 -o "$T/again-qa.docx"
expect_status 0 $REV docx "$T/again-qa.docx" \
    "本監査の指摘4件（全件）は、令和9年1月20日のフォローアップ監査で是正を確認済みである。"

# --- a follow-up of the follow-up names it -----------------------------
sample_copy "$T/fufu"
expect_status 0 "$NCIO" -C "$T/fufu" audit agree $FU --by '例示 和夫' \
    --date 2027-01-27
expect_status 0 "$NCIO" -C "$T/fufu" audit followup $FU --date 2027-03-01
F3=$(cat "$T/out")
expect_status 0 "$NCIO" -C "$T/fufu" audit export paper "$F3" -o "$T/fufu-paper.xlsx"
$PY - "$T/fufu-paper.xlsx" <<'EOF' || fail "the follow-up's 監査調書"
import sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1]).worksheets[0]
rows = [[c.value for c in r] for r in ws.iter_rows()]
# a header line is one cell: its label, a full-width space, its value
fields = dict(str(r[0]).split("\u3000", 1) for r in rows[:12]
              if r[0] and "\u3000" in str(r[0]))
text = "\n".join(str(c) for r in rows for c in r if c is not None)
# the source once in the header, the follow-up followed up, the first
assert fields.get("指摘を行った監査", "").startswith("令和8年度 情報セキュリティ監査（運用面） 戸籍住民課"), fields
assert fields.get("フォローアップ元", "").startswith("令和8年度 フォローアップ監査 戸籍住民課"), fields
assert fields.get("前回のフォローアップ") == "令和9年1月20日のフォローアップ監査で是正を確認した指摘を除く。", fields
h = next(i for i, r in enumerate(rows) if r[0] == "No.")
head = [str(x).replace("\n", "") for x in rows[h]]
data = [r for r in rows[h + 1:] if r[2]]
src = [r[head.index("元の指摘")] for r in data]
assert src and all(s.startswith("指摘") and "\n" not in s for s in src), src
# the item by its number and text (2-2-01 台帳の見直し...), the number
# as the 監査項目 workbook prints it (issue 18: not op-2-2-01)
item = data[0][head.index("監査項目")]
assert item.startswith("2-2-01\n") and len(item) > 20, item
assert "是正期限" in head and "項目番号" not in head, head
EOF
expect_status 0 "$NCIO" -C "$T/fufu" audit export qa "$F3" -o "$T/fufu-qa.docx"
expect_status 0 $REV docx "$T/fufu-qa.docx" \
    "令和9年1月20日のフォローアップ監査で是正を確認した指摘を除く。"
# 対応者 without brackets in brackets
sample_copy "$T/pos"
sed -i 's/^    position: 庶務係長・情報セキュリティ担当者$/    position: 庶務係長（情報セキュリティ担当者）/' \
    "$T/pos/audits/2026/$SRC.yaml"
expect_status 0 "$NCIO" -C "$T/pos" audit export paper $SRC -o "$T/pos.xlsx"
expect_status 0 $REV xlsx "$T/pos.xlsx" "仮設 由美（庶務係長・情報セキュリティ担当者）"

# --- the リスク一覧 says its day ----------------------------------------
expect_status 0 "$NCIO" -C "$T/again" audit export risks --fy 2026 -o "$T/risks.xlsx"
expect_status 0 $REV xlsx "$T/risks.xlsx" "令和9年3月31日現在　出典："

finish
