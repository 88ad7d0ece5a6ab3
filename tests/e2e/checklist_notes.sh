#!/bin/bash
# checklist_notes: the notes of the 所属点検 workbook's 分類別 sheet in a
# third year of generated records (issue 18, T5): each sentence starts a
# row, and none is broken into a fragment of a row: 「…（前年度74.1%）」 then
# 「である。」 alone, 「分類の前年度の実施率は、」 alone before the rest.
# The 特記事項チェックシート workbook of the second year, few answers (T6,
# T7): 前年度比較 says each item's 点検段階 (No.1 and No.11 have the same
# words) and the answers of each rate (「100.0%（2/2）」); a blank is
# explained by its own reason, not called a new item; a stage without a
# sheet reads 「―（提出なし）」.
. "$(dirname "$0")/lib/common.bash"

need_python openpyxl
export NCIO_BENCH_BIN=$T/bin
mkdir -p "$T/bin"
D=$T/gen
"$NCIO_SOURCE_DIR/tests/bench/gen" --years 3 --scale 0.2 \
    --sample "$NCIO_SAMPLE_DIR" -o "$D" >/dev/null 2>&1 ||
    { fail "the generator failed"; exit 1; }
export NERIMA_CIO_TODAY=2029-03-31
expect_status 0 "$NCIO" -C "$D" checklist export report --kind department \
    --fy 2028 -o "$T/ck/"
checks=$((checks + 1))
$PY - "$T"/ck/*集計表.xlsx <<'PY' >&2 || fail "the 分類別 notes break sentences"
import sys, unicodedata, openpyxl
ws = openpyxl.load_workbook(sys.argv[1])["分類別"]
def width(s):
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1
               for c in s)
notes = [r[0] for r in ws.iter_rows(values_only=True)
         if isinstance(r[0], str) and all(v is None for v in r[1:])]
start = [i for i, l in enumerate(notes) if l.startswith("分類の実施率は")]
assert start, notes
notes = notes[start[0]:]
# the sentences before the list of like-for-like rates, a row each
para, bad = [], []
for l in notes:
    if l.startswith("前年度と同じ項目で比べた"):
        break
    para.append(l)
    if l.endswith("。"):
        w = [width(x) for x in para]
        if 5 * min(w) < 2 * max(w):
            bad.append(para)
        para = []
assert not para, para
assert not bad, bad
PY
expect_status 0 "$NCIO" -C "$D" checklist export report --kind vendor \
    --fy 2027 -o "$T/v27/"
expect_status 0 "$NCIO" -C "$D" checklist export report --kind vendor \
    --fy 2028 -o "$T/v28/"
checks=$((checks + 1))
W="$T/v27/*集計表.xlsx $T/v28/*集計表.xlsx"
# shellcheck disable=SC2086
$PY - $W <<'PY' >&2 || fail "the vendor workbook's 前年度比較, notes, 段階別"
import sys, re, openpyxl
for f in sys.argv[1:]:
    wb = openpyxl.load_workbook(f)
    rows = [r for r in wb["前年度比較"].iter_rows(values_only=True)]
    head = [r for r in rows if r[0] == "No."][0]
    assert head[:3] == ("No.", "点検段階", "点検項目"), head
    body = [r for r in rows if isinstance(r[0], str) and r[0].isdigit()]
    assert body, rows
    for r in body:
        for v in r[3:5]:
            assert re.fullmatch(r"\d+\.\d%（\d+/\d+）", v), r
    notes = [r[0] for r in wb["項目別"].iter_rows(values_only=True)
             if isinstance(r[0], str) and "空欄" in r[0]]
    # an item new this year is one last year's set did not have: every
    # item of the generated sets is in both years
    assert not any("新たに加えた" in n for n in notes), notes
    for r in wb["段階別"].iter_rows(values_only=True):
        if r[1] == 0:
            assert r[3] == "―（提出なし）", r
PY
finish
