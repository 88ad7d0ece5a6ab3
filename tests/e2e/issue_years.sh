#!/bin/bash
# issue, meeting and report across the fiscal years of a renewed contract:
# 課題 numbers restart each year, so that a list with another year's
# issues gives those their year (R8-6, 課題R8-6), and a 次第 counts the
# open issues its 課題の状況 leaves out; a row's 状況 follows the
# dated history where the status field disagrees with it, and lint names
# the field; the 作業実施報告書 of a renewal year names that year's
# contract, not the title's first year.
. "$(dirname "$0")/lib/common.bash"

CHECK=$NCIO_SOURCE_DIR/tests/py/check_meeting.py
need_python openpyxl
pycheck() {
	checks=$((checks + 1))
	$PY "$CHECK" "$@" 2>"$T/pyerr" || { fail "check_meeting.py $*";
	    sed 's/^/  | /' "$T/pyerr" >&2; }
}
D=$T/data
"$NCIO" init --no-git "$D" 2>/dev/null
# the contract renewed for 令和9年度
sed -i 's/^    - 2026$/    - 2026\n    - 2027/; s/^  end: 2027-03-31$/  end: 2028-03-31/' \
    "$D/nerima-cio.yaml"
mkdir -p "$D/issues/2026" "$D/issues/2027"
# 課題6 of 令和8年度, still open: its status says 未着手, its history
# 対応中 since 5/20
cat >"$D/issues/2026/is-yrs00001.yaml" <<'YAML'
id: is-yrs00001
fy: 2026
ref_no: 課題6
title: 前年度の移行の進捗管理
status: open
raised: 2026-05-01
owner: mihon-hanako
due: 2026-07-01
history:
  - date: 2026-05-01
    status: open
    note: 起票。
  - date: 2026-05-20
    status: in-progress
    note: 対応案を作成した。
YAML
# 課題6 of 令和9年度: its status says 対応中, its history only 未着手
cat >"$D/issues/2027/is-yrs00002.yaml" <<'YAML'
id: is-yrs00002
fy: 2027
ref_no: 課題6
title: 今年度の研修教材の更新
status: in-progress
raised: 2027-04-20
owner: reidai-sakura
due: 2027-06-30
history:
  - date: 2027-04-20
    status: open
    note: 起票。
YAML
# 課題2 of 令和8年度, completed that year: not carried over
cat >"$D/issues/2026/is-yrs00003.yaml" <<'YAML'
id: is-yrs00003
fy: 2026
ref_no: 課題2
title: 完了した前年度の課題
status: closed
raised: 2026-04-20
owner: kakuu-taro
due: 2026-06-30
closed: 2026-06-01
resolution: 対応した。
history:
  - date: 2026-04-20
    status: open
    note: 起票。
  - date: 2026-06-01
    status: closed
    note: 対応した。
YAML
# 課題7, due after the next 定例会, and 課題8 without a due date
cat >"$D/issues/2027/is-yrs00004.yaml" <<'YAML'
id: is-yrs00004
fy: 2027
ref_no: 課題7
title: 期限の先の課題
status: open
raised: 2027-05-10
owner: kakuu-taro
due: 2027-09-30
history:
  - date: 2027-05-10
    status: open
    note: 起票。
YAML
cat >"$D/issues/2027/is-yrs00005.yaml" <<'YAML'
id: is-yrs00005
fy: 2027
ref_no: 課題8
title: 期限のない課題
status: open
raised: 2027-05-10
owner: kakuu-taro
history:
  - date: 2027-05-10
    status: open
    note: 起票。
YAML
export NERIMA_CIO_TODAY=2027-05-31

# --- the 課題管理表 of 令和9年度: the carried-over issue as R8-6 -------------------
expect_status 0 "$NCIO" -C "$D" issue export table --fy 2027 -o "$T/fy.xlsx"
$PY - "$T/fy.xlsx" <<'PY' || fail "the 課題管理表 of 令和9年度"
import sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1]).worksheets[0]
rows = {ws.cell(r, 1).value: [ws.cell(r, c).value for c in range(1, 11)]
        for r in range(4, ws.max_row + 1) if ws.cell(r, 2).value}
assert set(rows) == {"No.", "R8-6", "6", "7", "8"}, sorted(map(str, rows))
# the status the history shows, either way round
assert rows["R8-6"][6] == "対応中", rows["R8-6"]
assert rows["6"][6] == "未着手", rows["6"]
# what R8- means, above the table (on page 1)
assert ws.cell(3, 1).value == ("No. の「R8-」は令和8年度に起票した課題です"
                               "（課題の番号は年度ごとに付けています）。"), \
    ws.cell(3, 1).value
PY
checks=$((checks + 1))
# one year only: the numbers as they are, no note
expect_status 0 "$NCIO" -C "$D" issue export table --fy 2026 --as-of 2027-03-31 \
    -o "$T/fy8.xlsx"
pycheck nodocx "$T/fy8.xlsx" R8- 年度ごと
pycheck xlsx "$T/fy8.xlsx" 前年度の移行の進捗管理 完了した前年度の課題
# every year: every number with its year
expect_status 0 "$NCIO" -C "$D" issue export table -o "$T/all.xlsx"
pycheck xlsx "$T/all.xlsx" R8-6 R9-6 R8-2 "「R8-」は令和8年度、「R9-」は令和9年度に起票した課題"

# --- the 次第 of 令和9年度: 課題R8-6 and 課題6 --------------------------------------
m1=$("$NCIO" -C "$D" meeting add --type regular --date 2027-05-13 2>/dev/null)
"$NCIO" -C "$D" meeting add --type regular --date 2027-07-08 >/dev/null 2>&1
expect_status 0 "$NCIO" -C "$D" meeting export agenda "$m1" -o "$T/agenda.docx"
pycheck docx "$T/agenda.docx" "課題R8-6　前年度の移行の進捗管理" \
    "課題6　今年度の研修教材の更新"
pycheck nodocx "$T/agenda.docx" 課題R9 "課題6　前年度" 課題7 課題8
# the open issues the list leaves out, counted under it with its rule
pycheck docx "$T/agenda.docx" \
    このほか、期限が令和9年7月8日より後または期限を定めていない未完了の課題が2件あります（課題管理表のとおり）。

# --- lint names the status the history contradicts ------------------------------
expect_status 0 "$NCIO" -C "$D" lint
expect_grep "$T/err" "is-yrs00001.yaml: warning: status 'open' disagrees with the last entry of the history \(history\[1\] of 2026-05-20: 'in-progress'\)"
expect_grep "$T/err" "is-yrs00002.yaml: warning: status 'in-progress' disagrees"
expect_no_grep "$T/err" "is-yrs00003"

# --- the 議事録: an action item on the carried-over issue is 課題R8-6 ---------------
expect_status 0 "$NCIO" -C "$D" meeting minutes "$m1" --member kakuu-taro \
    --action 前年度の移行の進捗管理 --owner kakuu-taro --due 2027-06-30
expect_status 0 "$NCIO" -C "$D" meeting export minutes "$m1" -o "$T/minutes.docx"
pycheck docx "$T/minutes.docx" 前年度の移行の進捗管理 課題R8-6

# --- the 作業実施報告書 of the renewal year names its contract --------------------
expect_status 0 "$NCIO" -C "$D" report bimonthly --from 2027-04-01 \
    --to 2027-05-31 -o "$T/r9/"
pycheck docx "$T"/r9/作業実施報告書_*.docx \
    令和9年度練馬区総合情報化顧問（CIO補佐官）および最高情報セキュリティアドバイザー業務委託に基づき
pycheck nodocx "$T"/r9/作業実施報告書_*.docx 令和8年度練馬区
expect_status 0 "$NCIO" -C "$D" report bimonthly --from 2026-04-01 \
    --to 2026-05-31 -o "$T/r8/"
pycheck docx "$T"/r8/作業実施報告書_*.docx 令和8年度練馬区総合情報化顧問
# a title naming a year the contract was not let for
sed -i 's/^  title: 令和8年度/  title: 令和7年度/' "$D/nerima-cio.yaml"
expect_status 0 "$NCIO" -C "$D" lint
expect_grep "$T/err" "nerima-cio.yaml: warning: contract.title names fiscal year 2025, which contract.fiscal_years does not list"
finish
