#!/bin/bash
# Audits of one day in the order of their 監査番号 (review 19, rev19b T12:
# the FY2029 監査一覧 gave row No.3 to 監査第4号 and No.4 to 監査第3号,
# both on 9月12日, in the order of their record ids).
. "$(dirname "$0")/lib/common.bash"

export NERIMA_CIO_TODAY=2027-03-31
D=$T/data
sample_copy "$D"
# the lower id the higher number, on the same day
sed -i 's/^date: 2026-09-10$/date: 2026-08-26/; s/^id: au-2chccpn9$/&\nref_no: 監査第3号/' \
    "$D"/audits/2026/au-2chccpn9.yaml
sed -i 's/^id: au-6m07cmgm$/&\nref_no: 監査第2号/' "$D"/audits/2026/au-6m07cmgm.yaml
expect_status 0 "$NCIO" -C "$D" audit list --fy 2026 --format csv
checks=$((checks + 1))
order=$(grep -oE '^au-(2chccpn9|6m07cmgm)' "$T/out" | tr '\n' ' ')
[ "$order" = "au-6m07cmgm au-2chccpn9 " ] ||
	fail "audits of one day not by 監査番号: $order"
expect_status 0 "$NCIO" -C "$D" audit export results --fy 2026 -o "$T/r.xlsx"
checks=$((checks + 1))
$PY - "$T/r.xlsx" <<'PYEOF' || fail "the 監査一覧's rows of one day not by 監査番号"
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
cells = [str(c) for ws in wb.worksheets for r in ws.iter_rows(values_only=True)
         for c in r if c is not None]
i2 = next(i for i, c in enumerate(cells) if "監査第2号" in c)
i3 = next(i for i, c in enumerate(cells) if "監査第3号" in c)
assert i2 < i3, (i2, i3)
PYEOF
finish
