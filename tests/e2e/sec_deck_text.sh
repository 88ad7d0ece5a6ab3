#!/bin/bash
# sec_deck_text: what the security decks say, read from their XML (issue
# 18, review rev18b A1, A2, A6, A14, G2, G5, G6), on the sample and on
# generated directories of two and three years:
#  - the 事故等 chart's caption: severities apart from the states not
#    終結, lines broken after 、 or 。 only;
#  - 前年度と同じN項目 said to be this year's rate, the 所属点検 集計表
#    giving the same figure;
#  - the earlier years' findings not confirmed counted as the 監査実施結果
#    集計表 counts them, and a 次年度の取組 for them;
#  - the 運営計画書's schedule: each training by its title in the order of
#    the days; an audit's 課 and system whole;
#  - 研修: the note says the 対象者数 of a training still running is out
#    of the 計 too;
#  - the 部別 chart of the 集計表 names a 部 some of whose 課 submitted as
#    the deck does, 「区民部（提出1課／8課）」.
. "$(dirname "$0")/lib/common.bash"

need_python openpyxl
G2=$T/g2
G3=$T/g3
"$NCIO_SOURCE_DIR/tests/bench/gen" --years 2 --scale 0.2 \
    --sample "$NCIO_SAMPLE_DIR" -o "$G2" >/dev/null 2>&1 ||
    { fail "the generator failed"; exit 1; }
"$NCIO_SOURCE_DIR/tests/bench/gen" --years 3 \
    --sample "$NCIO_SAMPLE_DIR" -o "$G3" >/dev/null 2>&1 ||
    { fail "the generator failed"; exit 1; }

NERIMA_CIO_TODAY=2028-03-31 expect_status 0 "$NCIO" -C "$G2" report \
    security-final --fy 2027 -o "$T/g2/"
NERIMA_CIO_TODAY=2028-03-31 expect_status 0 "$NCIO" -C "$G2" report \
    security-plan --fy 2027 -o "$T/g2/"
NERIMA_CIO_TODAY=2028-03-31 expect_status 0 "$NCIO" -C "$G2" checklist \
    export report --kind department --fy 2027 -o "$T/g2ck/"
NERIMA_CIO_TODAY=2028-03-31 expect_status 0 "$NCIO" -C "$G2" audit \
    export results --fy 2027 -o "$T/g2au/"
NERIMA_CIO_TODAY=2029-03-31 expect_status 0 "$NCIO" -C "$G3" report \
    security-final --fy 2028 -o "$T/g3/"
expect_status 0 "$NCIO" -C "$NCIO_SAMPLE_DIR" report security-final \
    --fy 2026 -o "$T/s/"
expect_status 0 "$NCIO" -C "$NCIO_SAMPLE_DIR" report security-plan \
    --fy 2026 -o "$T/s/"

# each deck's text: "slide N: paragraph" (a line break in it as " / "),
# its tables' cells "cell N: text", its charts' notes "note: line"
cat >"$T/deck.py" <<'PY'
import sys, zipfile, re
import xml.etree.ElementTree as ET
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
C = "{http://schemas.openxmlformats.org/drawingml/2006/chart}"
z = zipfile.ZipFile(sys.argv[1])
def text(p):
    out = ""
    for e in p:
        if e.tag == A + "r":
            out += "".join(t.text or "" for t in e.iter(A + "t"))
        elif e.tag == A + "br":
            out += " / "
    return out
names = sorted((n for n in z.namelist()
    if re.match(r"ppt/slides/slide\d+\.xml$", n)),
    key=lambda n: int(re.findall(r"\d+", n)[0]))
for n in names:
    k = re.findall(r"\d+", n)[0]
    r = ET.fromstring(z.read(n))
    for tc in r.iter(A + "tc"):
        print("cell %s: %s" % (k, " / ".join(text(p)
            for p in tc.iter(A + "p"))))
    # a paragraph's text as a reader reads it, whatever its lines
    for p in r.iter(A + "p"):
        print("slide %s: %s" % (k, text(p).replace(" / ", "")))
for n in sorted(z.namelist()):
    if re.search(r"charts/chart\d+\.xml$", n):
        r = ET.fromstring(z.read(n))
        lines = [text(p) for ax in r.iter(C + "valAx")
            for p in ax.iter(A + "p")]
        lines = [t for t in lines if t]
        for t in lines:
            print("note: " + t)
        if lines:
            print("caption: " + "".join(lines))
PY
for f in "$T"/g2/*.pptx "$T"/g3/*.pptx "$T"/s/*.pptx; do
	$PY "$T/deck.py" "$f" >"${f%.pptx}.txt"
done
S=$(ls "$T"/s/*最終報告書*詳細版.txt)
F2=$(ls "$T"/g2/*最終報告書*詳細版.txt)
F3=$(ls "$T"/g3/*最終報告書*詳細版.txt)
P2=$(ls "$T"/g2/*運営計画書*詳細版.txt)
PS=$(ls "$T"/s/*運営計画書*詳細版.txt)

# rev20 T5: an audit of two days by its span, in the 年間スケジュール and
# the 実施計画 alike, as the 作業実施計画書 and the 監査一覧 give it
expect_grep "$PS" '文書管理システム（10日～11日）'
expect_grep "$PS" '令和8年9月10日～11日'

# A1: the severities, then the incidents not closed with their states
expect_grep "$S" '^caption: 5件のうち 高 2件。終結していないもの 2件（再発防止策の確認中 2件）。個人情報を含むもの 3件。$'
# (of generated data: the figures are the generator's, the form is not)
expect_grep "$F3" '^caption: [0-9]+件のうち (重大 [0-9]+件・)?高 [0-9]+件。終結していないもの [0-9]+件（[^）]+）。個人情報を含むもの [0-9]+件。$'
expect_no_grep "$F3" '^note: .*[^。、]$'
for f in "$S" "$F2" "$F3"; do
	expect_no_grep "$f" '^note: .*重大度'
done
# every line of a note but its last ends after 、 or 。 (the chart's
# notes are its lines)
$PY - "$F3" <<'PY' >"$T/a1" || true
import sys
notes = [l[6:].rstrip("\n") for l in open(sys.argv[1], encoding="utf-8")
    if l.startswith("note: ")]
for a, b in zip(notes, notes[1:]):
    if a.startswith("29件") and not a.endswith(("、", "。")):
        print("broken after", a)
PY
expect_no_grep "$T/a1" 'broken'

# A2: this year's rate over last year's items, and the workbook's
expect_grep "$F2" '（前年度 [0-9.]+%。前年度と同じ47項目に限ると今年度 [0-9.]+%）'
same=$(sed -n 's/.*前年度と同じ47項目に限ると今年度 \([0-9.]*%\)）.*/\1/p' "$F2" |
    head -1)
# the sheet's notes as one text, whatever their lines
$PY - "$T"/g2ck/*集計表.xlsx >"$T/cat" <<'PY'
import sys, openpyxl
print("".join(str(r[0]) for r in openpyxl.load_workbook(sys.argv[1])[
    "分類別"].iter_rows(values_only=True) if r and r[0] is not None))
PY
expect_grep "$T/cat" "である。前年度と同じ47項目に限ると、今年度の全体の実施率は${same:-none}である。"

# A14: the earlier audits' open findings, as the 集計表 counts them
$PY - "$T"/g2au/*集計表*.xlsx >"$T/au" <<'PY'
import sys, openpyxl
for ws in openpyxl.load_workbook(sys.argv[1]):
    for r in ws.iter_rows(values_only=True):
        for v in r:
            if v and "このほか" in str(v):
                print(v)
PY
n=$(sed -n 's/.*至っていないものが \([0-9]*\) 件ある.*/\1/p' "$T/au")
[ -n "$n" ] || fail "no count of earlier findings in the 監査実施結果 集計表"
expect_grep "$F2" "^slide 2: このほか、前年度以前の監査の指摘で是正の確認を終えていないもの ${n:-none}件（リスク一覧に記載）"
expect_grep "$F2" "^slide [0-9]+: 是正の確認を終えていない指摘（前年度以前の監査 ${n:-none}件、今年度の監査で是正期限を過ぎて未是正のもの [0-9]+件）のフォローアップ監査による確認"
# the sample's first year has none
expect_no_grep "$S" '前年度以前の監査'

# G2: a training still running is out of the 計 with its 対象者数
expect_grep "$F2" '^slide [0-9]+: 注 実施中の研修（令和10年3月31日まで）は、対象者数・受講者数とも計に含まない。'

# A6: the schedule's trainings by their titles, by day
expect_grep "$P2" '^cell [0-9]+: 新任管理職向け情報セキュリティ研修（5日）、新規採用職員向け情報セキュリティ研修（12日）$'
expect_grep "$PS" '^cell [0-9]+: 新規採用職員研修（3日）、新任管理職研修（16日）$'
expect_grep "$PS" '^cell [0-9]+: 情報セキュリティ担当者研修（10日・24日）$'
for f in "$P2" "$PS"; do
	$PY - "$f" >"$T/sched" <<'PY'
import sys, re
for l in open(sys.argv[1], encoding="utf-8"):
    if not l.startswith("cell ") or "日）" not in l:
        continue
    t = l.split(": ", 1)[1].rstrip("\n")
    if "令和" in t:
        continue
    days = [int(d) for d in re.findall(r"（(\d+)日", t)]
    if days != sorted(days):
        print("not by day:", t)
PY
	expect_no_grep "$T/sched" '.'
done
# G5: the audit's 課 and system a line each, neither broken (the system
# is whatever g2 audits: 庁内無線LAN since gen21)
expect_grep "$P2" '^cell [0-9]+: 情報政策課 / [^ /]+$'

# G6: the workbook's 部別 chart names 区民部 with its 課 submitted
$PY - "$T"/g2ck/*集計表.xlsx >"$T/g6" <<'PY'
import sys, zipfile, re, openpyxl
import xml.etree.ElementTree as ET
C = "{http://schemas.openxmlformats.org/drawingml/2006/chart}"
f = sys.argv[1]
z = zipfile.ZipFile(f)
wb = openpyxl.load_workbook(f)
for n in sorted(z.namelist()):
    if not re.search(r"charts/chart\d+\.xml$", n):
        continue
    r = ET.fromstring(z.read(n))
    ref = list(r.iter(C + "ser"))[0].find(C + "cat").find(".//" + C + "f").text
    m = re.match(r"'(.*)'!\$(\w)\$(\d+):\$\w\$(\d+)", ref)
    ws = wb[m.group(1)]
    col = ord(m.group(2)) - ord("A") + 1
    print("cats", "|".join(str(ws.cell(i, col).value or "")
        for i in range(int(m.group(3)), int(m.group(4)) + 1)))
PY
expect_grep "$T/g6" '^cats .*区民部（提出1課／8課）'
$PY - "$(ls "$T"/g2/*最終報告書*詳細版.pptx)" >"$T/g6d" <<'PY'
import sys, zipfile, re
import xml.etree.ElementTree as ET
C = "{http://schemas.openxmlformats.org/drawingml/2006/chart}"
z = zipfile.ZipFile(sys.argv[1])
for n in sorted(z.namelist()):
    if re.search(r"charts/chart\d+\.xml$", n):
        r = ET.fromstring(z.read(n))
        cat = list(r.iter(C + "ser"))[0].find(C + "cat")
        print("cats", "|".join(v.text for v in cat.iter(C + "v")))
PY
expect_grep "$T/g6d" '^cats .*区民部（提出1課／8課）'

# the same records give the same bytes: the charts' embedded workbooks
# took the clock's time (the deck is created the day it is dated)
for i in 1 2; do
	expect_status 0 env NERIMA_CIO_TODAY=2027-03-31 "$NCIO" -C \
	    "$NCIO_SAMPLE_DIR" report security-final --fy 2026 -o "$T/same$i/"
	[ $i = 1 ] && sleep 1.1
done
checks=$((checks + 1))
for f in "$T"/same1/*.pptx; do
	cmp -s "$f" "$T/same2/$(basename "$f")" ||
	    fail "$(basename "$f") differs between two runs"
done
finish
