#!/bin/bash
# Work that crosses the fiscal year's end (rev17a): a consultation
# received in March and answered in April is in April's 相談業務実施報告書
# with its year (令和8年度相談第30号, the numbers restart each year); a
# plan received in March is decided in April and named in the next
# year's 作業実施報告書; a report by dates is dated the period's last day,
# not the day it is made.
. "$(dirname "$0")/lib/common.bash"

need_python docx openpyxl
D=$T/data
"$NCIO" init --no-git "$D" 2>/dev/null
sed -i 's/^    - 2026$/&\n    - 2027/' "$D/nerima-cio.yaml"
export NERIMA_CIO_TODAY=2027-06-30
nc() { "$NCIO" -C "$D" "$@"; }

# --- consultations ------------------------------------------------------------
add() {	# ref-no received title
	expect_status 0 nc consult add --type division --org johoseisaku \
	    --ref-no "$1" --received "$2" --title "$3"
}
add 相談第30号 2027-03-10 年度末に受けた相談
add 相談第31号 2027-03-05 四月に回答した相談
late=$(cat "$T/out")
add 相談第12号 2026-12-01 前年度に回答を終えた相談
done_=$(cat "$T/out")
add 相談第30号 2027-04-03 今年度の相談
expect_status 0 nc consult answer "$late" --text 回答 --date 2027-04-05
expect_status 0 nc consult answer "$done_" --text 回答 --date 2027-01-10
expect_status 0 nc consult export report --from 2027-04-01 --to 2027-04-12 \
    -o "$T/cs/"
checks=$((checks + 1))
ls "$T/cs/"相談業務実施報告書_令和9年4月12日.docx \
    "$T/cs/"相談業務実施報告書_令和9年4月12日.xlsx >/dev/null ||
    fail "a report by dates not dated its last day: $(ls "$T/cs")"
checks=$((checks + 1))
$PY - "$T/cs" <<'PY' || fail "the consultations carried over from the year before"
import glob, sys, docx, openpyxl
d = docx.Document(glob.glob(sys.argv[1] + "/*.docx")[0])
p = [x.text for x in d.paragraphs]
rows = [[c.text for c in r.cells] for r in d.tables[1].rows[1:]]
got = [(r[1], r[5], r[6]) for r in rows]
assert got == [("令和8年度相談第31号", "四月に回答した相談", "回答済"),
               ("令和8年度相談第30号", "年度末に受けた相談", "受付"),
               ("相談第30号", "今年度の相談", "受付")], got
# answered in the period: the carried one's answer counts
assert any("報告期間中に回答した1件" in x for x in p), p
# 当期: received in the period, the carried ones not
c = [[x.text for x in r.cells] for r in d.tables[0].rows]
div = [r for r in c if r[0] == "情報政策課からの個別相談"][0]
assert div[1:3] == ["1件", "1件"], div
wb = openpyxl.load_workbook(glob.glob(sys.argv[1] + "/*.xlsx")[0])
nos = [r[1] for r in wb["相談一覧"].iter_rows(values_only=True)]
assert "令和8年度相談第30号" in nos and "令和8年度相談第31号" in nos, nos
assert "令和9年4月12日" in p, p[:3]
PY

# --- a plan received in March, decided in April --------------------------------
cat >"$T/plan.yaml" <<'Y'
title: 窓口キャッシュレス決済端末の導入
org: koseki-jumin
received: 2027-03-15
category: new
ref_no: 練企情受第50号
costs:
  - fy: 2027
    initial: 1980000
Y
expect_status 0 nc review add --no-input --from "$T/plan.yaml"
plan=$(cat "$T/out")
f=$D/reviews/2026/$plan.yaml
cp "$f" "$T/before"
expect_status 1 nc review decide "$plan" --result 可 --force --date 2027-03-14
expect_grep "$T/err" "before the review was received \(2027-03-15\)"
expect_status 1 nc review decide "$plan" --result 可 --force --date 2028-04-01
expect_grep "$T/err" "'2028-04-01' is more than a year after the record's fiscal year 2026 ended \(2027-03-31\); the latest is 2028-03-31"
expect_same "$T/before" "$f"
expect_status 0 nc review decide "$plan" --result 可 --force --date 2027-04-09
expect_grep "$f" "^  date: 2027-04-09$"
expect_status 0 nc report bimonthly --from 2027-04-01 --to 2027-05-31 \
    -o "$T/wr/"
checks=$((checks + 1))
ls "$T/wr/"作業実施報告書_令和9年5月31日.docx >/dev/null ||
    fail "a work report by dates not dated its last day: $(ls "$T/wr")"
checks=$((checks + 1))
$PY - "$T/wr" <<'PY' || fail "the plan of March decided in April, in April's report"
import glob, sys, docx
d = docx.Document(glob.glob(sys.argv[1] + "/作業実施報告書_*.docx")[0])
p = [x.text for x in d.paragraphs]
n = [x for x in p if x.startswith("当期に決定したもの")]
assert len(n) == 1 and "窓口キャッシュレス決済端末の導入（令和8年度練企情受第50号" \
    in n[0] and "令和9年4月9日決定" in n[0], n
PY
# plans decided on one day named in number order, not as their files
# come (review 19, rev19a T6: 第57, 59, 58号); in a copy, the checks
# below count this data's plans
cp -r "$D" "$T/d2"
nc2() { "$NCIO" -C "$T/d2" "$@"; }
for n in 4 2 5 3; do
	sed -e "s/^title: .*/title: 同日に決定した審査その$n/" \
	    -e "s/^received: .*/received: 2027-04-0$n/" \
	    -e "s/^ref_no: .*/ref_no: 練企情受第${n}号/" "$T/plan.yaml" >"$T/p$n.yaml"
	expect_status 0 nc2 review add --no-input --from "$T/p$n.yaml"
	expect_status 0 nc2 review decide "$(cat "$T/out")" --result 可 --force \
	    --date 2027-04-20
done
expect_status 0 nc2 report bimonthly --from 2027-04-01 --to 2027-05-31 \
    -o "$T/wr2/"
checks=$((checks + 1))
$PY - "$T/wr2" <<'PY' || fail "the plans decided on one day not in number order"
import glob, re, sys, docx
d = docx.Document(glob.glob(sys.argv[1] + "/作業実施報告書_*.docx")[0])
n = [x.text for x in d.paragraphs if x.text.startswith("当期に決定したもの")]
nos = re.findall(r"（練企情受第(\d+)号", n[0])
assert nos == ["2", "3", "4", "5"], (nos, n)
PY
# one page-number form in the Word documents, 「- 1 -」 as the audit,
# checklist and meeting papers (review 19, rev19a T20: the 作業実施報告書
# and the 相談業務実施報告書 said 「1/4」)
checks=$((checks + 1))
$PY - "$T"/wr2/作業実施報告書_*.docx "$T"/cs/*.docx <<'PY' || fail "a Word document's page numbers not 「- 1 -」"
import sys, docx
for f in sys.argv[1:]:
    x = docx.Document(f).sections[0].footer._element.xml
    assert "PAGE" in x and "NUMPAGES" not in x, f
    assert "- " in x, f
PY
# 受付 by the year received, 決定 by the year decided: 未決定 in the
# 令和8年度 summary (as of 3月31日), 可 in the 令和9年度 one, said so
expect_status 0 nc review export summary --fy 2027 -o "$T/sum/"
expect_status 0 nc review export summary --fy 2026 -o "$T/sum/"
checks=$((checks + 1))
$PY - "$T/sum" <<'PY' || fail "the plan decided in April, in the 判定 of its decision's year"
import sys, openpyxl
def sheet(fy):
    wb = openpyxl.load_workbook(sys.argv[1] + "/情報化企画審査等実施状況_%s.xlsx" % fy)
    rows = list(wb["判定"].iter_rows(values_only=True))
    return rows[1][0], {r[0]: r[1:] for r in rows if r[0]}
note, r9 = sheet("令和9年度")
assert "前年度までに受け付けて当年度に決定した1件を含む" in note, note
assert r9["可"][1] == 1 and r9["未決定（審査中）"][1] == 0, r9
note, r8 = sheet("令和8年度")
assert "前年度までに" not in note, note
assert r8["可"][0] == 0 and r8["未決定（審査中）"][0] == 1, r8
PY
finish
