#!/bin/bash
# A past year's 実施結果報告書, 監査一覧 and リスク一覧 exported later are
# as of that year's end, not of today (review18a: 「令和10年度（令和12年
# 3月31日まで）に実施した」, overdue counted as of the export's day);
# an explicit --date still dates the report.
. "$(dirname "$0")/lib/common.bash"

REV="$PY $NCIO_SOURCE_DIR/tests/py/check_review.py"
D=$NCIO_SAMPLE_DIR

# on the year's last day, and two years later: the same files
for today in 2027-03-31 2029-05-01; do
	mkdir -p "$T/$today"
	for f in results.docx results.xlsx; do
		NERIMA_CIO_TODAY=$today expect_status 0 "$NCIO" -C "$D" audit \
		    export results --fy 2026 -o "$T/$today/$f"
	done
	NERIMA_CIO_TODAY=$today expect_status 0 "$NCIO" -C "$D" audit \
	    export risks --fy 2026 -o "$T/$today/risks.xlsx"
done
for f in results.docx results.xlsx risks.xlsx; do
	checks=$((checks + 1))
	cmp -s "$T/2027-03-31/$f" "$T/2029-05-01/$f" ||
		fail "$f exported on 2029-05-01 differs from the year-end one"
done
expect_status 0 $REV docx "$T/2029-05-01/results.docx" \
    "令和8年度（令和9年3月31日まで）に実施した情報セキュリティ監査" \
    "令和9年3月31日"
expect_status 0 $REV xlsx "$T/2029-05-01/results.xlsx" "令和9年3月31日現在"
# rev21c T2: of the 5 late, 戸籍住民課 指摘1 is carried by the follow-up
# of 令和9年1月20日, still 実施中 on 3/31 (the report's own table says
# so): it is planned for, not 「いずれも…計画されていない」
expect_status 0 $REV docx "$T/2029-05-01/results.docx" \
    "是正されていない（是正状況が未是正または是正中の）指摘が 5 件ある" \
    "うち 4 件はフォローアップ監査が計画されていない"
expect_status 0 $REV xlsx "$T/2029-05-01/risks.xlsx" "令和9年3月31日現在"

# within the year: today; --date wins either way
NERIMA_CIO_TODAY=2027-02-15 expect_status 0 "$NCIO" -C "$D" audit export \
    results --fy 2026 -o "$T/in.docx"
expect_status 0 $REV docx "$T/in.docx" "令和8年度（令和9年2月15日まで）に実施した"
NERIMA_CIO_TODAY=2029-05-01 expect_status 0 "$NCIO" -C "$D" audit export \
    results --fy 2026 --date 2027-02-01 -o "$T/date.docx"
expect_status 0 $REV docx "$T/date.docx" "令和8年度（令和9年2月1日まで）に実施した"

finish
