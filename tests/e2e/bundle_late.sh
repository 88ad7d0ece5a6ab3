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
checks=$((checks + 1))
[ -f "$T/B/4(3)ア(ウ)_定例会/課題管理表_令和9年3月31日.xlsx" ] ||
	fail "a past year's 課題管理表: $(ls "$T/B/4(3)ア(ウ)_定例会")"
checks=$((checks + 1))
[ -f "$T/B/4(3)ア(ア)_作業実施計画書・作業実施報告書/課題管理表_令和9年3月31日.xlsx" ] ||
	fail "the year-end report's 課題管理表"
# and bundled within the year, on a day before its end: that day's
NERIMA_CIO_TODAY=2027-03-15 expect_status 0 nc report bundle --fy 2026 -o "$T/C/"
checks=$((checks + 1))
[ -f "$T/C/4(3)ア(ウ)_定例会/課題管理表_令和9年3月15日.xlsx" ] ||
	fail "a year's 課題管理表 before its end: $(ls "$T/C/4(3)ア(ウ)_定例会")"

finish
