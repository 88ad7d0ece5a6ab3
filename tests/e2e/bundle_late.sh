#!/bin/bash
# A past year bundled later (report bundle): the year's documents dated as
# at the year's end, not the day of the bundle.  Apart from e2e/bundle,
# which runs four bundles already and under the sanitizers came near its
# ten minutes.
. "$(dirname "$0")/lib/common.bash"

D=$T/data
sample_copy "$D"
nc() { "$NCIO" -C "$D" "$@"; }

# the 定例会 課題管理表 is dated as the year-end report's copy: a past year
# bundled later said 令和10年6月1日現在 of 令和8年度 (review 19, rev19b M5)
NERIMA_CIO_TODAY=2028-06-01 expect_status 0 nc report bundle --fy 2026 -o "$T/B/"
# -- and, the same table, it is that copy: one file in the bundle, in
# 4(3)ア(ア), listed again under 4(3)ア(ウ) (再掲); a second file in
# 4(3)ア(ウ)_定例会 made it two deliverables (review 19, rev19b M5)
checks=$((checks + 1))
[ -f "$T/B/4(3)ア(ア)_作業実施計画書・作業実施報告書/課題管理表_令和9年3月31日.xlsx" ] ||
	fail "the year-end report's 課題管理表"
checks=$((checks + 1))
ls "$T/B/4(3)ア(ウ)_定例会" | grep -q 課題管理表 &&
	fail "the 定例会's 課題管理表 twice: $(ls "$T/B/4(3)ア(ウ)_定例会" | grep 課題管理表)"
checks=$((checks + 1))
"$PY" - "$T/B" <<'PY' || fail "the 定例会's 課題管理表 in 成果物一覧"
import openpyxl, os, sys
ws = openpyxl.load_workbook(os.path.join(sys.argv[1], "成果物一覧.xlsx")).active
norm = lambda s: "".join((s or "").split())
t = [(r[2], norm(r[3]), norm(r[5]), r[4].date().isoformat())
     for r in ws.iter_rows(min_row=5, values_only=True)
     if r[0] is not None and norm(r[1]) == "課題管理表"]
assert ("4(3)ア(ウ)", "再掲（4(3)ア(ア)）",
        "4(3)ア(ア)_作業実施計画書・作業実施報告書/課題管理表_令和9年3月31日.xlsx",
        "2027-03-31") in t, t
assert len(t) == 8, t
PY
# and bundled within the year, on a day before its end: that day's
NERIMA_CIO_TODAY=2027-03-15 expect_status 0 nc report bundle --fy 2026 -o "$T/C/"
checks=$((checks + 1))
[ -f "$T/C/4(3)ア(ウ)_定例会/課題管理表_令和9年3月15日.xlsx" ] ||
	fail "a year's 課題管理表 before its end: $(ls "$T/C/4(3)ア(ウ)_定例会")"

finish
