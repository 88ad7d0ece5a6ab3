#!/bin/bash
# dept_missing: the charts of 部別の平均得点 in a year where whole 部 did not
# submit their 所属点検 (issue 18, M5): only the 部 with a submission are
# charted, the others named in one line 「未提出の部：…」 each name whole; the
# earlier year is the first series (blue) in the deck as in the 所属点検
# report and its workbook (T12); the deck's risks name the audit's 対象 and
# go by リスク値, the column headed 影響度 as the リスク一覧 has it (T10).
. "$(dirname "$0")/lib/common.bash"

need_python docx openpyxl
D=$T/data
sample_copy "$D"
export NERIMA_CIO_TODAY=2027-03-31

# 区長室 and 土木部 submit nothing this year
divs=$($PY - "$D/orgs.yaml" <<'PY'
import sys, re
dept = None
for l in open(sys.argv[1], encoding="utf-8"):
    m = re.match(r"  - code: (\S+)", l)
    if m:
        dept = m.group(1)
    m = re.match(r"      - code: (\S+)", l)
    if m and dept in ("kuchoshitsu", "doboku-bu"):
        print(m.group(1))
PY
)
[ -n "$divs" ] || fail "no divisions of 区長室, 土木部 in the sample"
for o in $divs; do
	grep -l -x "org: $o" "$D"/checklists/2026/*.yaml |
	    xargs -r grep -l -x "kind: department" | xargs -r rm -f
done

expect_status 0 "$NCIO" -C "$D" checklist export report --kind department \
    --fy 2026 -o "$T/ck/"
expect_status 0 "$NCIO" -C "$D" report security-final --fy 2026 -o "$T/sec/"

# every chart of the three documents whose categories are 部: its
# categories (the workbook's through its sheet of chart data to the rows
# of 部別), each series' name with its colour, and its note's lines
$PY - "$T"/sec/*詳細版.pptx "$T"/ck/*.docx "$T"/ck/*.xlsx >"$T/charts" <<'PY'
import sys, zipfile, re
import xml.etree.ElementTree as ET
C = "{http://schemas.openxmlformats.org/drawingml/2006/chart}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
for f in sys.argv[1:]:
    kind = f.rsplit(".", 1)[1]
    z = zipfile.ZipFile(f)
    wb = None
    if kind == "xlsx":
        import openpyxl
        wb = openpyxl.load_workbook(f)
    cats, sers, notes = [], set(), []
    for n in sorted(z.namelist()):
        if not re.search(r"charts/chart\d+\.xml$", n):
            continue
        r = ET.fromstring(z.read(n))
        ser = list(r.iter(C + "ser"))
        cat = ser[0].find(C + "cat")
        if wb is not None:
            ref = cat.find(".//" + C + "f").text
            m = re.match(r"'(.*)'!\$(\w)\$(\d+):\$\w\$(\d+)", ref)
            ws = wb[m.group(1)]
            col = ord(m.group(2)) - ord("A") + 1
            c = []
            for row in range(int(m.group(3)), int(m.group(4)) + 1):
                v = ws.cell(row, col).value or ""
                x = re.search(r"'部別'!\$A\$(\d+)", v)
                c.append(wb["部別"].cell(int(x.group(1)), 1).value
                    if x else v)
        else:
            c = [v.text for v in cat.iter(C + "v")]
        c = [re.sub(r"（提出.*", "", x) for x in c]
        if "総務部" not in c:
            continue
        cats += c
        for s in ser:
            name = "".join(v.text or "" for v in
                s.find(C + "tx").iter(C + "v"))
            rgb = s.find(C + "spPr").find(".//" + A + "srgbClr")
            sers.add(name + " " + rgb.get("val"))
        for ax in r.iter(C + "valAx"):
            for p in ax.iter(A + "p"):
                notes.append("".join(t.text or "" for t in p.iter(A + "t")))
    print(kind, "cats", "|".join(cats))
    for s in sorted(sers):
        print(kind, "series", s)
    for p in notes:
        print(kind, "note", p)
PY
for k in pptx docx xlsx; do
	expect_grep "$T/charts" "^$k cats .*総務部"
	expect_no_grep "$T/charts" "^$k cats .*(区長室|土木部|未提出)"
	# blue the earlier year, orange this one, in every document
	expect_grep "$T/charts" "^$k series 令和7年度 1F4E9A\$"
	expect_grep "$T/charts" "^$k series 令和8年度 F4A300\$"
done
# the deck's note under the chart, 土木部 whole on a line
expect_grep "$T/charts" "^pptx note 未提出の部：区長室、"
expect_grep "$T/charts" "^pptx note .*(^|：|、)土木部(、|$)"
# the Word report's line under its chart; the workbook's note
$PY - "$T"/ck/*.docx >"$T/para" <<'PY'
import sys, docx
for p in docx.Document(sys.argv[1]).paragraphs:
    if "未提出の部" in p.text:
        print(p.text)
PY
expect_grep "$T/para" "^未提出の部：区長室、"
expect_grep "$T/para" "(^|、|\s)土木部(、|。)"
$PY - "$T"/ck/*.xlsx >"$T/sheet" <<'PY'
import sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1])["部別"]
for r in ws.iter_rows(values_only=True):
    print("\t".join("" if v is None else str(v) for v in r))
PY
expect_grep "$T/sheet" "^未提出の部：区長室、土木部（表の末尾に示し、グラフには含めない）。"
expect_grep "$T/sheet" $'^土木部\t[0-9]+\t0\t'

# the risks: 対象 first, 影響度, by リスク値 (高3・中2・低1) throughout
$PY - "$T"/sec/*詳細版.pptx >"$T/risks" <<'PY'
import sys, zipfile, re
import xml.etree.ElementTree as ET
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
z = zipfile.ZipFile(sys.argv[1])
names = sorted((n for n in z.namelist()
    if re.match(r"ppt/slides/slide\d+\.xml$", n)),
    key=lambda n: int(re.findall(r"\d+", n)[0]))
for n in names:
    r = ET.fromstring(z.read(n))
    if "監査のリスク分析で評価したリスク" not in "".join(
            t.text or "" for t in r.iter(A + "t")):
        continue
    for i, tr in enumerate(r.iter(A + "tr")):
        cells = ["".join(t.text or "" for t in tc.iter(A + "t"))
            for tc in tr.iter(A + "tc")]
        print("head" if i == 0 else "row", "\t".join(cells))
PY
expect_grep "$T/risks" $'^head 対象\tリスク\t発生可能性\t影響度\t対策$'
expect_grep "$T/risks" $'^row [^\t]+課'
$PY - "$T/risks" <<'PY' || fail "the risks are not by リスク値: $(cat "$T/risks")"
import sys
v = {"高": 3, "中": 2, "低": 1}
s = [v[c[2]] * v[c[3]] for c in (l.rstrip("\n").split("\t")
    for l in open(sys.argv[1], encoding="utf-8") if l.startswith("row "))]
sys.exit(0 if s and s == sorted(s, reverse=True) else 1)
PY
finish
