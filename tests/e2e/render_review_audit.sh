#!/bin/bash
# render_review_audit: every review and audit document type made from the
# sample data, converted by LibreOffice to PDF and read back with
# pdftotext, checked for what can be checked mechanically: no record id,
# no line that is only a unit or a closing bracket, no "FY" in a Japanese
# document, every difference shown equal to the difference of the figures
# shown, page counts within bounds.  NCIO_RENDER_DIR=DIR keeps the PDFs
# and one PNG per page in DIR for a person to look at.
. "$(dirname "$0")/lib/common.bash"

for tool in soffice pdftotext pdfinfo pdftoppm; do
	if ! command -v "$tool" >/dev/null 2>&1; then
		echo "SKIP: $tool is not installed (libreoffice, poppler-utils)" >&2
		exit 77
	fi
done
S=$NCIO_SAMPLE_DIR
O=$T/docs
mkdir -p "$O/docx" "$O/xlsx"
export NERIMA_CIO_TODAY=2027-03-15
N() { "$NCIO" -C "$S" "$@"; }

# One of every type: plans (decided, and new), a procurement opinion, a
# system evaluation, the year's summary; the audit documents.
expect_status 0 N review export record rv-mhx55124 rv-9t6v4w2x -o "$O/"
expect_status 0 N review export notice rv-gxzn39za rv-4aswt9bc -o "$O/"
expect_status 0 N review export opinion rv-1t5grk0g -o "$O/"
expect_status 0 N review export evaluation rv-4aswt9bc -o "$O/"
expect_status 0 N review export summary --fy 2026 -o "$O/"
expect_status 0 N audit export paper --fy 2026 -o "$O/"
expect_status 0 N audit export summary au-02zk1v64 -o "$O/"
expect_status 0 N audit export summary au-2chccpn9 -o "$O/"
expect_status 0 N audit export qa au-dhe0m1pn -o "$O/"
expect_status 0 N audit export results --fy 2026 -o "$O/"
expect_status 0 N audit export risks --fy 2026 -o "$O/"
expect_status 0 N audit export items --fy 2026 -o "$O/"
# Every row of the 精査記録's table is a form row with room to write in:
# three lines (3 x 18.75pt) at least, blank or not (its first sheet; the
# ヒアリングの経過 sheet records what was said).
for f in "$O"/精査記録_*.xlsx; do
	expect_status 0 $PY "$NCIO_SOURCE_DIR/tests/py/check_review.py" \
	    heights "$f" 56
done
# 「質疑応答なし。」 stands where a Q&A table would, after a blank line,
# not against the finding's table (issue 18)
checks=$((checks + 1))
$PY - "$O"/フォローアップ監査に係る質疑応答書_*.docx <<'PYEOF' ||
import sys, docx
from docx.oxml.ns import qn
body = docx.Document(sys.argv[1]).element.body
kids = [k for k in body if k.tag in (qn("w:p"), qn("w:tbl"))]
text = lambda k: "".join(t.text or "" for t in k.iter(qn("w:t")))
at = [i for i, k in enumerate(kids) if k.tag == qn("w:p") and
      text(k).strip() == "質疑応答なし。"]
assert at, "no 質疑応答なし。"
for i in at:
    assert kids[i - 1].tag == qn("w:p") and text(kids[i - 1]) == "", i
PYEOF
    fail "質疑応答なし。 against the table"
# Latin letters and their katakana word are one word: the summary's
# finding keeps USBメモリ on a line (it broke USB／メモリ; issue 18)
checks=$((checks + 1))
unzip -p "$O"/情報セキュリティ監査結果概要報告書_*戸籍住民課.docx word/document.xml |
    grep -q 'USBメモリ' || fail "USB／メモリ broken in the audit summary"
# a new review's record has the form's 決定 row too, blank (issue 18)
checks=$((checks + 1))
$PY "$NCIO_SOURCE_DIR/tests/py/check_review.py" merged \
    "$O/精査記録_プレミアム付商品券の電子化.xlsx" 総合所見 判定案 条件 決定 ||
    fail "a new review's record has no 決定 row"
# a follow-up's 指摘 are those it took over (4 of its original's 5): the
# list says so under the table (issue 18)
checks=$((checks + 1))
$PY - "$O"/情報セキュリティ監査実施結果報告書_集計表_令和8年度.xlsx <<'PYEOF' ||
import sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1])["監査一覧"]
text = "\n".join(str(c.value) for r in ws.iter_rows() for c in r if c.value)
assert "フォローアップ監査の指摘数は、元の監査の指摘のうち" in text, text[-400:]
PYEOF
    fail "the follow-up's count of findings is not explained"
mv "$O"/*.docx "$O/docx/"
mv "$O"/*.xlsx "$O/xlsx/"
checks=$((checks + 1))
[ "$(ls "$O/docx" "$O/xlsx" | grep -c '\.')" -ge 16 ] ||
    fail "documents: $(ls "$O/docx" "$O/xlsx")"

home=$T/home
mkdir -p "$home/.config/fontconfig"
sed -n '/^<?xml/,/^<\/fontconfig>/p' "$NCIO_SOURCE_DIR/tests/py/render.sh" \
    >"$home/.config/fontconfig/fonts.conf"
out=${NCIO_RENDER_DIR:-$T/pdf}
mkdir -p "$out/docx" "$out/xlsx"
for k in docx xlsx; do
	HOME=$home timeout 300 soffice --headless --convert-to pdf \
	    --outdir "$out/$k" "$O/$k"/*."$k" >/dev/null 2>&1 ||
	    fail "soffice could not convert the $k files"
done

for pdf in "$out"/docx/*.pdf "$out"/xlsx/*.pdf; do
	name=${pdf##*/}
	pages=$(pdfinfo "$pdf" | awk '/^Pages:/ { print $2 }')
	pdftotext -layout "$pdf" "$pdf.txt"
	checks=$((checks + 1))
	if grep -Eq '\b[a-z]{2}-[0-9a-z]{8}\b' "$pdf.txt"; then
		fail "$name: record id $(grep -Eo '\b[a-z]{2}-[0-9a-z]{8}\b' "$pdf.txt" | head -1)"
	fi
	checks=$((checks + 1))
	if grep -q 'FY' "$pdf.txt"; then
		fail "$name: FY in a Japanese document"
	fi
	# A line that is only a unit or a closing bracket: wrapped mid-word.
	checks=$((checks + 1))
	if grep -Eq '^[[:space:]]*(%|円|分）|）|」|』|号|日)[[:space:]]*$' "$pdf.txt"; then
		fail "$name: a line of only a unit or a bracket"
	fi
	# X%（前年度 Y%）… ±Zポイント: Z = X - Y as shown.
	checks=$((checks + 1))
	$PY - "$pdf.txt" <<'PY' || fail "$name: a difference that is not the difference shown"
import re, sys
text = open(sys.argv[1], encoding="utf-8").read()
bad = 0
for m in re.finditer(r"([0-9]+\.[0-9])%[^\n]{0,40}?（([0-9]+\.[0-9])%）から([+\-−]?[0-9]+\.[0-9])ポイント", text):
    a, b, d = float(m.group(1)), float(m.group(2)), float(m.group(3).replace("−", "-"))
    if round(a - b, 1) != round(d, 1):
        print("difference %s: %s - %s" % (m.group(0), a, b), file=sys.stderr)
        bad = 1
sys.exit(bad)
PY
	# Page counts: notices and one-page forms on one page; the
	# working paper of the year's audits within its items.
	checks=$((checks + 1))
	case $name in
	可否決定通知_*|システム評価結果通知書_*|意見書_*|システム評価確認シート_*)
		[ "$pages" -eq 1 ] || fail "$name: $pages pages, want 1" ;;
	精査記録_*|フォローアップ監査に係る質疑応答書_*|情報セキュリティ監査結果概要報告書_*)
		[ "$pages" -ge 1 ] && [ "$pages" -le 4 ] || fail "$name: $pages pages" ;;
	# 25 for the sample with the Noto fonts used here, at most 6 a
	# sheet (the 59 items of 戸籍住民課): the widths are chosen for the
	# fewest pages at 70 % or more (xlsx_fit_sheet()).  It was 27, 7 for
	# 戸籍住民課, with the widths of one page width for every sheet.
	監査調書_*)
		[ "$pages" -ge 18 ] && [ "$pages" -le 25 ] ||
		    fail "$name: $pages pages, want 18-25"
		# pages per sheet (its title heads each page): 6 at most
		$PY - "$pdf.txt" <<'PY' || fail "$name: a sheet on more than 6 pages"
import collections, sys
pages = open(sys.argv[1], encoding="utf-8").read().split("\f")
heads = collections.Counter(next((l.split() and " ".join(l.split())
                                  for l in p.splitlines() if l.strip()), "")
                            for p in pages if p.strip())
for h, n in heads.items():
    if n > 6:
        print("%s: %d pages" % (h, n), file=sys.stderr)
sys.exit(1 if max(heads.values()) > 6 else 0)
PY
		;;
	# 7 for the sample's three catalogs (9 with fixed widths, 10
	# with a header row four lines high)
	監査項目_*)
		[ "$pages" -ge 5 ] && [ "$pages" -le 8 ] ||
		    fail "$name: $pages pages, want 5-8" ;;
	*)
		[ "$pages" -ge 1 ] && [ "$pages" -le 12 ] || fail "$name: $pages pages" ;;
	esac
	# The writer breaks the workbooks' long text itself (XLSX_COL_BREAK):
	# no line starts with closing punctuation.
	case $name in
	監査調書_*|監査項目_*)
		checks=$((checks + 1))
		pdftotext "$pdf" "$pdf.raw"
		! grep -nE '^[）。、」』】：；！？]' "$pdf.raw" | head -3 | grep . >&2 ||
		    fail "$name: a line starts with closing punctuation" ;;
	esac
	if [ -n "${NCIO_RENDER_DIR:-}" ]; then
		pdftoppm -png -r 60 "$pdf" "${pdf%.pdf}"
	fi
done
checks=$((checks + 1))
[ "$(ls "$out"/docx/*.pdf "$out"/xlsx/*.pdf | wc -l)" -ge 16 ] || fail "not every document converted"
finish
