#!/bin/bash
# The audit documents state findings and audits as they stood on their
# date (review19): a past year's 実施結果報告書 does not count what only a
# later follow-up confirmed (rev19a M2, rev19b M1); 「フォローアップ監査が
# 計画されていない」 counts every late finding no follow-up is still to
# come for (rev19a M1); 期限超過 is past due and not corrected, not 是正済
# awaiting confirmation (rev19b M4).  On the review's data (g5), one
# document at a time, and on a hand-made change dated with
# `audit finding --date`.
. "$(dirname "$0")/lib/common.bash"
need_python openpyxl docx

ROWS="$PY $NCIO_SOURCE_DIR/tests/py/table_rows.py"
D=$T/g5
"$NCIO_SOURCE_DIR/tests/bench/gen" --years 5 --seed 39 -o "$D" \
    >/dev/null 2>&1 || { echo "FAIL: gen" >&2; exit 1; }
export NERIMA_CIO_TODAY=2031-03-31
# 監査第2号 戸籍住民課 (FY2029) and the follow-up that confirmed its
# findings on 2030-08-01 (監査第6号 with 8 findings before gen21 gave
# each 不適合 item its finding)
orig=$(grep -l '^ref_no: 監査第2号' "$D"/audits/2029/*.yaml)
orig=$(basename "$orig" .yaml)
fu=$(grep -l "^followup_of: $orig" "$D"/audits/2030/*.yaml)
checks=$((checks + 1))
[ -n "$orig" ] && [ -n "$fu" ] &&
    grep -q '^date: 2030-08-01' "$fu" ||
	fail "g5 (seed 39) no longer has 監査第2号 followed up on 2030-08-01"

# FY2029, dated 令和12年3月31日: 11 findings, none confirmed by then; 8
# reported corrected (是正済, awaiting the follow-up), so 3 late: the
# generator logs the follow-up's result as the tool does (status_history
# of 2030-08-01), and the year reads the status before it (rev21c M1)
for f in r29.xlsx r29.docx; do
	expect_status 0 "$NCIO" -C "$D" audit export results --fy 2029 \
	    -o "$T/$f"
done
$ROWS "$T/r29.xlsx" 監査一覧 >"$T/l29"
expect_grep "$T/l29" '^2 \| .*戸籍住民課 \| .* \| 11 \| 11 \| 3 \| 報告済$'
$ROWS "$T/r29.xlsx" 指摘事項 >"$T/f29"
expect_no_grep "$T/f29" '戸籍住民課 \| [0-9]+ \| .*是正確認済$'
$ROWS "$T/r29.docx" >"$T/d29"
expect_grep "$T/d29" '^2 \| 戸籍住民課 \| 運用面 \| .* \| 11 \| 報告済$'
# the two 令和9年度 findings a follow-up of 令和11年6月28日 left 是正中
# have no follow-up to come: every earlier late one is without one
expect_grep "$T/d29" '前年度以前の監査.*是正されていない.*いずれもフォローアップ監査が計画されていない'
expect_no_grep "$T/d29" '是正確認済」に至っていない'

# FY2030: the same audit is 完了 there, confirmed by its follow-up
expect_status 0 "$NCIO" -C "$D" audit export results --fy 2030 \
    -o "$T/r30.xlsx"
$ROWS "$T/r30.xlsx" 指摘事項 >"$T/f30"
expect_status 0 "$NCIO" -C "$D" audit export results --fy 2030 \
    -o "$T/r30.docx"
$ROWS "$T/r30.docx" >"$T/d30"
expect_grep "$T/d30" '前年度以前の監査.*いずれもフォローアップ監査が計画されていない'
$ROWS "$T/r30.xlsx" 監査一覧 >"$T/l30"
# 地域医療課: 11 findings, 7 of them 是正済 awaiting the follow-up: 4 late
n=$(grep -cE '地域医療課 \| .*是正済$' "$T/f30" || true)
checks=$((checks + 1))
[ "$n" = 7 ] || fail "地域医療課 has $n findings 是正済 in the FY2030 list, want 7"
expect_grep "$T/l30" '^1 \| .*地域医療課 \| .* \| 11 \| 11 \| 4 \| 報告済$'
expect_grep "$T/l30" 'うち期限超過は.*未是正または是正中のもの'

# the deck counts as the workbook does: late and awaiting apart
expect_status 0 "$NCIO" -C "$D" report security-final --fy 2030 \
    -o "$T/deck/"
deck=$(ls "$T"/deck/*概要版.pptx)
unzip -p "$deck" 'ppt/slides/*.xml' | sed 's/<\/a:p>/\n/g; s/<[^>]*>//g' \
    >"$T/deck.txt"
expect_grep "$T/deck.txt" '^うち是正期限を過ぎて是正されていないもの [0-9]+件、是正済で確認待ちのもの [0-9]+件$'
expect_no_grep "$T/deck.txt" '是正期限を過ぎて是正の確認を終えていない'

# By hand: a status given with --date is logged and read on its day.
# 監査第7号 財政課 (9 findings, 9 open, 5 late, no follow-up): its finding
# 1 (未是正, due 2030-03-12) confirmed on 2030-03-20, before the year's
# end: FY2029 then has 8 not confirmed, 4 late.  (監査第2号's findings
# all carry the follow-up's change of 2030-08-01 now; one dated earlier
# would be out of order.)
orig7=$(grep -l '^ref_no: 監査第7号' "$D"/audits/2029/*.yaml)
orig7=$(basename "$orig7" .yaml)
expect_status 0 "$NCIO" -C "$D" audit finding "$orig7" 1 --status accepted \
    --date 2030-03-20
expect_status 0 "$NCIO" -C "$D" audit finding "$orig7" 1
expect_grep "$T/out" '^status_history:'
expect_grep "$T/out" 'date: 2030-03-20'
expect_status 0 "$NCIO" -C "$D" audit export results --fy 2029 \
    -o "$T/r29b.xlsx"
$ROWS "$T/r29b.xlsx" 監査一覧 >"$T/l29b"
expect_grep "$T/l29" '^7 \| .*財政課 \| .* \| 9 \| 9 \| 5 \| 報告済$'
expect_grep "$T/l29b" '^7 \| .*財政課 \| .* \| 9 \| 8 \| 4 \| 報告済$'
expect_status 1 "$NCIO" -C "$D" audit finding "$orig7" 2 --date 2030-03-20
expect_grep "$T/err" 'status'
expect_status 0 "$NCIO" -C "$D" lint
expect_no_grep "$T/out" "$orig7"
expect_no_grep "$T/out" "status_history"

# rev21c T8: the リスク一覧 of FY2030 names an earlier year's audit with
# its year: two 監査第4号 (令和11年度 and 令和12年度) were told apart by date only
expect_status 0 "$NCIO" -C "$D" audit export risks --fy 2030 -o "$T/rk.xlsx"
$ROWS "$T/rk.xlsx" リスク一覧 >"$T/rk"
expect_grep "$T/rk" '\| 令和11年度/監査第4号/運用面の監査/（令和11年10月15日） \|'
expect_no_grep "$T/rk" '\| 監査第[0-9]*号/[^|]*（令和11年'

finish
