#!/bin/bash
# checklist_report: the self and department reports of the sample data
# (issue 18), read as the ward's reviewers read them: every sentence with
# its full stop, 増減 as ＋4.9 / ▲1.0, and last year's overall rate said
# to be over last year's items, the dropped ones named with their rates,
# as 'checklist aggregate' of that year gives them.
. "$(dirname "$0")/lib/common.bash"

PY=/usr/bin/python3
$PY -c 'import docx' 2>/dev/null || { echo "python3-docx missing" >&2; exit 77; }
CHECK="$NCIO_SOURCE_DIR/tests/py/check_checklist.py"
export NERIMA_CIO_TODAY=2027-03-31
D=$T/data
cp -r "$NCIO_SAMPLE_DIR" "$D"

for kind in self department; do
	expect_status 0 "$NCIO" -C "$D" checklist export report --kind $kind \
	    --fy 2026 -o "$T/$kind/"
	docx=$(ls "$T/$kind"/*.docx)
	$PY "$CHECK" docx "$docx" $kind '全項目の回答を合わせて' >&2 ||
	    fail "$kind report"
	# last year's rate and items, and this year's items
	expect_status 0 "$NCIO" -C "$D" checklist aggregate --kind $kind \
	    --fy 2025 --format json
	cp "$T/out" "$T/$kind.prev.json"
	cp "$T/err" "$T/$kind.prev.err"
	expect_status 0 "$NCIO" -C "$D" checklist aggregate --kind $kind \
	    --fy 2026 --format json
	cp "$T/out" "$T/$kind.cur.json"
	$PY - "$docx" "$T/$kind.prev.json" "$T/$kind.prev.err" \
	    "$T/$kind.cur.json" <<'PYEOF' || fail "$kind: last year's rate"
import json, re, sys
from decimal import Decimal, ROUND_HALF_UP
import docx
text = "\n".join(p.text for p in docx.Document(sys.argv[1]).paragraphs)
prev = json.load(open(sys.argv[2]))
rate = re.search(r"implementation rate ([0-9.]+)%",
                 open(sys.argv[3]).read()).group(1)
cur = {i["ref"] for i in json.load(open(sys.argv[4]))}
def pct(r):
    return str((Decimal(str(r)) * 100).quantize(Decimal("0.1"),
                                                  ROUND_HALF_UP)) + "%"
gone = [i for i in prev if i["ref"] not in cur]
want = "前年度の全体の実施率（%s%%）は、前年度の点検項目（%d項目）の回答による" % (
    rate, len(prev))
assert want in text, "no %r" % want
assert "前年度（%s%%）から" % rate in text, "the sentence's rate"
for i in gone:
    w = "「%s」%s" % (i["text"], pct(i["rate"]))
    assert w in text, "dropped item not named: %r" % w
if gone:
    assert "今年度の項目にない%d項目" % len(gone) in text, "count of dropped"
PYEOF
done
finish
