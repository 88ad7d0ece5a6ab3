#!/bin/bash
# The days after the year's last 進捗報告会: each progress meeting's
# 相談業務実施報告書 (and 作業実施報告書) covers the days since the previous
# one, so a consultation received after the last (in the generated year,
# February and March) was in no report.  --year-end FY covers them, from
# the last meeting to 31 March, dated the year's last business day (the
# year's deliverables are due by the end of the contract, 4(3)イ): the
# reports of a year count every consultation once.
. "$(dirname "$0")/lib/common.bash"

need_python docx openpyxl yaml
export NCIO_BENCH_BIN=$T/bin
D=$T/gen
"$NCIO_SOURCE_DIR/tests/bench/gen" --years 1 --first-fy 2026 -o "$D" \
    >/dev/null 2>&1 || { fail "the generator failed"; exit 1; }
export NERIMA_CIO_TODAY=2027-03-31

"$NCIO" -C "$D" meeting list --fy 2026 --type progress --format csv |
    awk -F, 'NR > 1 && $5 != "中止" { print $1 }' >"$T/ids"
checks=$((checks + 1))
[ "$(wc -l <"$T/ids")" -ge 5 ] || fail "$(wc -l <"$T/ids") progress meetings"
n=0
while read -r id; do
	n=$((n + 1))
	expect_status 0 "$NCIO" -C "$D" consult export report --meeting "$id" \
	    -o "$T/m$n/"
done <"$T/ids"
expect_status 0 "$NCIO" -C "$D" consult export report --year-end 2026 \
    -o "$T/ye/"
# dated 令和9年3月31日 (a Wednesday), the period from the last meeting
checks=$((checks + 1))
ls "$T"/ye/相談業務実施報告書_令和9年3月31日.xlsx >/dev/null 2>&1 ||
    fail "the year-end report's name: $(ls "$T/ye")"
checks=$((checks + 1))
$PY - "$D" "$T" "$n" <<'PY' || fail "every consultation of the year in one report"
import datetime, glob, os, sys, openpyxl, yaml

data, top, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
labels = {"department": "所管課からの相談", "division": "情報政策課からの個別相談",
          "dx": "DX実現に向けた取組支援"}
want = dict.fromkeys(labels.values(), 0)
for f in glob.glob(os.path.join(data, "consults", "2026", "*.yaml")):
    c = yaml.load(open(f, encoding="utf-8"), Loader=yaml.CSafeLoader)
    want[labels[c["type"]]] += 1

def counts(folder):
    f, = glob.glob(os.path.join(top, folder, "*.xlsx"))
    ws = openpyxl.load_workbook(f).worksheets[0]
    got = {r[0]: (r[1], r[2]) for r in ws.iter_rows(values_only=True)
           if r[0] in want}
    return ws.cell(1, 1).value, got

total = dict.fromkeys(want, 0)
for k in range(1, n + 1):
    _, got = counts("m%d" % k)
    for l in want:
        total[l] += got[l][0]
meetings = dict(total)
title, got = counts("ye")
for l in want:
    total[l] += got[l][0]
    # the last report's year to date is the year's
    assert got[l][1] == want[l], (l, got[l], want[l])
assert total == want, (total, want)
# the gap it closes: the meetings' reports alone left some out
assert meetings != want, meetings
assert title.endswith("から令和9年3月31日まで）"), title
PY
# the 作業実施報告書 of the same days, with its attachments
expect_status 0 "$NCIO" -C "$D" report bimonthly --year-end 2026 -o "$T/wr/"
checks=$((checks + 1))
[ "$(ls "$T/wr" | grep -c '_令和9年3月31日')" = 4 ] ||
    fail "report bimonthly --year-end: $(ls "$T/wr")"
# --- the 作業実施計画書: nothing of the year due after its contract -------------
# a 研修実施報告書 due in April (15 business days after a training of late
# March) was listed due after the 成果物一式, after the contract's end
S=$T/sample
sample_copy "$S"
f=$(grep -l '^report_due: 2027-03-19$' "$S"/trainings/2026/*.yaml)
sed -i 's/^report_due: 2027-03-19$/report_due: 2027-04-09/' "$f"
# and a renewal year: the contract signed the year before, 令和8年度 one
# of its renewals, whose plan is still its deliverable (rev21c T6: g5's
# 令和12年度 plan had no row for itself)
sed -i -e 's/^    - 2026$/    - 2025\n    - 2026/' \
    -e 's/^  signed: 2026-04-01$/  signed: 2025-04-01/' \
    -e 's/^  start: 2026-04-01$/  start: 2025-04-01/' "$S/nerima-cio.yaml"
expect_status 0 "$NCIO" -C "$S" lint
expect_status 0 "$NCIO" -C "$S" report plan --fy 2026 -o "$T/plan.docx"
checks=$((checks + 1))
$PY - "$T/plan.docx" <<'PY' || fail "the 作業実施計画書's deliverables and their deadlines"
import re, sys, docx

d = docx.Document(sys.argv[1])
# the dated deliverables; those made as the work arises follow
t = [t for t in d.tables if t.rows[0].cells[0].text == "成果物"][0]
rows = [[c.text for c in r.cells] for r in t.rows][1:]
def day(s):
    m = re.match(r"令和(\d+)年(\d+)月(\d+)日", s)
    return (int(m.group(1)), int(m.group(2)), int(m.group(3))) if m else None
days = [day(r[1]) for r in rows if day(r[1])]
assert all(x <= (9, 3, 31) for x in days), rows
assert days == sorted(days), rows
# the year's set last, as it holds the others
assert rows[-1][0] == "当該年度の成果物一式（電子媒体）", rows[-1]
late = [r for r in rows if "システム担当者向け" in r[0]]
assert late and late[0][1] == "令和9年3月31日\n（契約期間の末日）", late
# the renewal year's own plan, 14 days from its first day
assert ["作業実施計画書", "令和8年4月15日", "4(3)ア(ア)"] in rows, rows
# the reports of the days after the last 進捗報告会 (第6回, 3月25日)
ye = [r for r in rows if r[0] == "作業実施報告書・相談業務実施報告書（年度末分）"]
assert ye and ye[0][1] == "令和9年3月31日", rows
text = "\n".join(p.text for p in d.paragraphs)
assert "ただし、その期限が契約期間の末日より後になるものは、契約期間の末日まで" \
    "に提出します（仕様書4(3)イ）。" in text, text
assert "年度末分の作業実施報告書・相談業務実施報告書は、年度最後の進捗報告会の" \
    "日から年度最後の開庁日まで" in text, text
PY
# on time, no proviso
expect_status 0 "$NCIO" -C "$NCIO_SAMPLE_DIR" report plan --fy 2026 \
    -o "$T/plan0.docx"
checks=$((checks + 1))
$PY -c 'import docx, sys
t = "\n".join(p.text for p in docx.Document(sys.argv[1]).paragraphs)
assert "契約期間の末日より後" not in t' "$T/plan0.docx" ||
    fail "the proviso of a late deadline in a plan without one"

# rev17: every deliverable of 4 with its deadline's rule (the table named
# only the dated ones: no 監査結果概要報告書, 運営計画書, ...), and a
# deadline the ward is closed on (令和11年3月31日, a Saturday) moved to
# its business day before
S2=$T/closed
sample_copy "$S2"
[ ! -e "$S2/closures.yaml" ] || fail "the sample has a closures.yaml"
printf 'closures:\n  - date: 2027-03-31\n    name: 臨時閉庁\n' >"$S2/closures.yaml"
expect_status 0 "$NCIO" -C "$S2" report plan --fy 2026 -o "$T/plan-closed.docx"
checks=$((checks + 1))
$PY - "$T/plan-closed.docx" <<'PY' || fail "the 作業実施計画書: every deliverable, deadlines on open days"
import sys, docx
d = docx.Document(sys.argv[1])
ts = [t for t in d.tables if t.rows[0].cells[0].text == "成果物"]
assert len(ts) == 2, len(ts)
rows = [[c.text for c in r.cells] for r in ts[0].rows][1:]
every = [[c.text for c in r.cells] for r in ts[1].rows][1:]
assert rows[-1] == ["当該年度の成果物一式（電子媒体）",
                    "令和9年3月30日\n（契約期間の末日の前の開庁日）", "4(3)イ"] or \
    rows[-1][1].replace("\n", "") == "令和9年3月30日（契約期間の末日の前の開庁日）", rows[-1]
assert not any("令和9年3月31日" in r[1] for r in rows), rows
names = "".join(r[0] for r in every).replace("\n", "")
for w in ("精査記録", "可否決定通知", "意見書", "情報セキュリティ監査結果概要報告書",
          "実施結果報告書", "フォローアップ監査に係る質疑応答書", "所属点検の実施結果報告書",
          "運営計画書案", "最終報告書案", "対応基準提案書", "再発防止策の提案書",
          "特記事項チェックシート", "回答書", "議事録", "課題管理表"):
    assert w in names, (w, names)
specs = [r[2] for r in every]
assert all(s.startswith("4(") for s in specs), specs
PY

# one period only
expect_status 2 "$NCIO" -C "$D" consult export report --year-end 2026 \
    --from 2027-03-01 --to 2027-03-31 -o "$T/x/"
expect_grep "$T/err" "the report needs its period: --meeting ID, --from DATE and --to DATE, or --year-end FY"
finish
