#!/bin/bash
# 前年度 where the ward expects it: the yearly workbooks that count or
# rate what the year before also had (事故等統計, ...) show the year
# before's figures and their 増減 beside this year's, from a generated
# directory of two years; the first year, which has no year before it,
# shows neither column (no column of dashes or zeros).
. "$(dirname "$0")/lib/common.bash"

need_python openpyxl
D=$T/gen
"$NCIO_SOURCE_DIR/tests/bench/gen" --years 2 --scale 0.2 \
    --sample "$NCIO_SAMPLE_DIR" -o "$D" >/dev/null 2>&1 ||
    { fail "the generator failed"; exit 1; }
export NERIMA_CIO_TODAY=2028-03-31
O=$T/o
mkdir -p "$O"

# check NAME: the python below, its problems on stdout
check() {
	local name=$1 out
	shift
	checks=$((checks + 1))
	out=$($PY - "$@" 2>&1) || { fail "$name: $out"; return; }
	[ -z "$out" ] || fail "$name: $out"
}

# --- 事故等統計: 前年度 件数 増減 by category, severity and month ---------
expect_status 0 "$NCIO" -C "$D" incident export stats --fy 2026 \
    -o "$O/in-2026.xlsx"
expect_status 0 "$NCIO" -C "$D" incident export stats --fy 2027 \
    -o "$O/in-2027.xlsx"
check incident-stats "$O/in-2026.xlsx" "$O/in-2027.xlsx" <<'PY'
import sys
sys.path = [p for p in sys.path if 'local' not in p]
import openpyxl

def table(ws):
    """The header row (the one holding 件数) and the rows under it."""
    rows = list(ws.iter_rows(values_only=True))
    for i, r in enumerate(rows):
        if '件数' in r:
            head = list(r)
            body = []
            for x in rows[i + 1:]:
                if x[0] is None:
                    break
                body.append(dict(zip(head, x)))
            return head, body, ws
    raise SystemExit('%s: no table' % ws.title)

old = openpyxl.load_workbook(sys.argv[1])
new = openpyxl.load_workbook(sys.argv[2])
for sheet, key in (('分類別', '分類'), ('重大度別', '重大度'),
                   ('月別', '発生月')):
    h0, b0, _ = table(old[sheet])
    if '前年度' in h0 or '増減' in h0:
        print('%s of the first year: a 前年度 column' % sheet)
    h1, b1, ws = table(new[sheet])
    if h1[1:4] != ['前年度', '件数', '増減']:
        print('%s: headings %s, not 前年度 件数 増減' % (sheet, h1))
        continue
    before = {r[key]: r['件数'] for r in b0}
    for r in b1:
        if r['前年度'] != before.get(r[key]):
            print('%s %s: 前年度 %s, the year before counted %s' %
                  (sheet, r[key], r['前年度'], before.get(r[key])))
        if r['増減'] != r['件数'] - r['前年度']:
            print('%s %s: 増減 %s, not %s - %s' % (sheet, r[key],
                  r['増減'], r['件数'], r['前年度']))
    fmt = ws.cell(row=5, column=4).number_format
    if '▲' not in fmt or '＋' not in fmt:
        print('%s: 増減 formatted %s, not ＋n / ▲n' % (sheet, fmt))
    if not any('前年度は令和8年度' in str(c.value) for row in ws.iter_rows()
               for c in row if c.value):
        print('%s: no note naming 前年度 令和8年度' % sheet)
PY

# --- 研修実施状況: each training against last year's same one -------------
expect_status 0 "$NCIO" -C "$D" training export summary --fy 2026 \
    -o "$O/tr-2026.xlsx"
expect_status 0 "$NCIO" -C "$D" training export summary --fy 2027 \
    -o "$O/tr-2027.xlsx"
check training-summary "$O/tr-2026.xlsx" "$O/tr-2027.xlsx" <<'PY'
import sys
sys.path = [p for p in sys.path if 'local' not in p]
from decimal import Decimal, ROUND_HALF_UP
import openpyxl

def shown(v):
    return Decimal(repr(v * 100)).quantize(Decimal('0.1'), ROUND_HALF_UP)

old = openpyxl.load_workbook(sys.argv[1])
new = openpyxl.load_workbook(sys.argv[2])
if '前年度比較' in old.sheetnames:
    print('the first year: a 前年度比較 sheet')
if '前年度比較' not in new.sheetnames:
    raise SystemExit('no 前年度比較 sheet: %s' % new.sheetnames)
# last year's figures as last year's 研修一覧 shows them, by name
def table(ws):
    rows = list(ws.iter_rows(values_only=True))
    i = [k for k, r in enumerate(rows) if r[0] == 'No.'][0]
    return list(rows[i]), rows[i + 1:]

h, rows = table(old['研修一覧'])
before = {}
for r in rows:
    if r[0] is None:
        break
    d = dict(zip(h, r))
    before[d['研修名'].replace('\n', '')] = d
ws = new['前年度比較']
h, rows = table(ws)
if h[1:] != ['研修名', '項目', '令和8年度', '令和9年度', '増減\n（ポイント）']:
    print('headings %s' % h)
name, n = None, 0
for r in rows:
    if r[2] is None:
        break
    name = r[1].replace('\n', '') if r[1] else name
    n += 1
    was = before.get(name, {}).get(r[2])
    if was != r[3]:
        print('%s %s: 令和8年度 %s, last year\'s summary %s' %
              (name, r[2], r[3], was))
    want = shown(r[4]) - shown(r[3])
    if Decimal(repr(r[5])) != want:
        print('%s %s: 増減 %s, not %s' % (name, r[2], r[5], want))
if n < 10:
    print('only %d rows compared' % n)
fmt = ws.cell(row=5, column=6).number_format
if '▲' not in fmt:
    print('増減 formatted %s' % fmt)
PY

# --- 情報化企画審査等実施状況: 前年度 件数 増減 on every count sheet ------
expect_status 0 "$NCIO" -C "$D" review export summary --fy 2026 \
    -o "$O/rv-2026.xlsx"
expect_status 0 "$NCIO" -C "$D" review export summary --fy 2027 \
    -o "$O/rv-2027.xlsx"
check review-summary "$O/rv-2026.xlsx" "$O/rv-2027.xlsx" <<'PY'
import sys
sys.path = [p for p in sys.path if 'local' not in p]
import openpyxl

def table(ws):
    rows = list(ws.iter_rows(values_only=True))
    i = [k for k, r in enumerate(rows) if '件数' in r][0]
    body = {}
    for r in rows[i + 1:]:
        if r[0] is None:
            break
        body[r[0]] = dict(zip(rows[i], r))
    return list(rows[i]), body

old = openpyxl.load_workbook(sys.argv[1])
new = openpyxl.load_workbook(sys.argv[2])
for sheet in ('種別', '判定', '区分', '部別'):
    h0, b0 = table(old[sheet])
    if '前年度' in h0:
        print('%s of the first year: a 前年度 column' % sheet)
    h1, b1 = table(new[sheet])
    if h1[1:4] != ['前年度', '件数', '増減']:
        print('%s: headings %s' % (sheet, h1))
        continue
    # every row of last year's is here, its count as 前年度
    for k, r in b0.items():
        if k not in b1:
            print('%s: %s of last year missing' % (sheet, k))
        elif b1[k]['前年度'] != r['件数']:
            print('%s %s: 前年度 %s, last year %s' % (sheet, k,
                  b1[k]['前年度'], r['件数']))
    for k, r in b1.items():
        if k not in b0 and r['前年度'] != 0:
            print('%s %s: 前年度 %s of none' % (sheet, k, r['前年度']))
        if r['増減'] != r['件数'] - r['前年度']:
            print('%s %s: 増減 %s' % (sheet, k, r['増減']))
    ws = new[sheet]
    text = [c.value for row in ws.iter_rows() for c in row
            if isinstance(c.value, str)]
    if '前年度は令和8年度の件数、増減は前年度からの増減。' not in text:
        print('%s: no note of 前年度' % sheet)
    fmt = ws.cell(row=5, column=4).number_format
    if '▲' not in fmt:
        print('%s: 増減 formatted %s' % (sheet, fmt))
text = [c.value for row in new['種別'].iter_rows() for c in row
        if isinstance(c.value, str)]
if not any('、前年度 ' in t and t.endswith('件）') for t in text):
    print('種別: no median of last year: %s' % text)
PY

# --- 業務項目別実績: 前年度実績 before 実績 ----------------------------------
expect_status 0 "$NCIO" -C "$D" report annual --fy 2026 -o "$O/rp-2026.xlsx"
expect_status 0 "$NCIO" -C "$D" report annual --fy 2027 -o "$O/rp-2027.xlsx"
# rev21c M2: each sheet says its day and period under its title, 中止
# or not: without one, 実績の内訳 took the first sheet's 前年度 note
checks=$((checks + 1))
$PY - "$O/rp-2027.xlsx" <<'PY' >&2 ||
import sys, openpyxl
for ws in openpyxl.load_workbook(sys.argv[1]).worksheets:
    sub = str(ws.cell(2, 1).value or "")
    assert "現在　対象期間：" in sub and "前年度" not in sub, (ws.title, sub)
PY
    fail "業務項目別実績: a sheet's subtitle is not its own"
check report-annual "$O/rp-2026.xlsx" "$O/rp-2027.xlsx" <<'PY'
import sys
sys.path = [p for p in sys.path if 'local' not in p]
import openpyxl

def table(ws):
    rows = list(ws.iter_rows(values_only=True))
    i = [k for k, r in enumerate(rows) if r[0] == '仕様書'][0]
    body = {}
    for r in rows[i + 1:]:
        if r[0] is None or r[1] is None:
            break
        body[(r[0], r[1])] = dict(zip(rows[i], r))
    return list(rows[i]), body, rows

h0, b0, _ = table(openpyxl.load_workbook(sys.argv[1])['業務項目別実績'])
if '前年度実績' in h0:
    print('the first year: a 前年度実績 column')
h1, b1, rows = table(openpyxl.load_workbook(sys.argv[2])['業務項目別実績'])
if h1[3:5] != ['前年度実績', '実績']:
    raise SystemExit('headings %s' % h1)
for k, r in b1.items():
    want = b0[k]['実績'] if k in b0 else '―'
    if r['前年度実績'] != want:
        print('%s: 前年度実績 %s, last year %s' % (k[1], r['前年度実績'],
                                                    want))
if len(b1) < 15:
    print('only %d items' % len(b1))
if not any(r[0] == '前年度実績は令和8年度（年度全体）の実績。' for r in rows):
    print('no note of 前年度実績')
PY

# The year before not one of the contract's (contract.fiscal_years): its
# records (a training's, kept to compare with) are not the work of this
# contract, and a column of 0 against every other item said it was
D1=$T/gen1
cp -r "$D" "$D1"
sed -i '/^  fiscal_years:/,/^  [a-z]/{/^    - 2026$/d}' "$D1/nerima-cio.yaml"
grep -q '^    - 2026$' "$D1/nerima-cio.yaml" && fail "fixture: 2026 still listed"
expect_status 0 "$NCIO" -C "$D1" report annual --fy 2027 -o "$O/rp-1.xlsx"
check report-annual-contract "$O/rp-1.xlsx" <<'PY'
import sys
sys.path = [p for p in sys.path if 'local' not in p]
import openpyxl
ws = openpyxl.load_workbook(sys.argv[1])['業務項目別実績']
cells = [c.value for row in ws.iter_rows() for c in row]
if '前年度実績' in cells:
    print('a 前年度実績 column for a year before the contract')
PY

[ "$failures" -eq 0 ] || exit 1
echo "ok: $checks checks"
