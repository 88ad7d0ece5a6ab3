#!/bin/bash
# office_render: LibreOffice reads what lib/office writes.  The unit tests
# of the writers (test_docx, test_xlsx, test_pptx) write their samples -- a
# notice, a report, escaping, Word tables laid out from their content,
# native Word charts, a workbook with chart sheets, a presentation of every
# slide kind -- and this converts each to PDF, reads the text back with
# pdftotext (the numbers of the charts and tables, nothing cut where it must
# not be), checks the fonts (Mincho in Word, Gothic in the slides), and
# renders every page to PNG for a person to look at.
#
# NCIO_RENDER_DIR=DIR keeps the PDFs and PNGs in DIR.
# 游明朝, 游ゴシック and Century are Windows fonts: a private fontconfig
# maps them to IPAex Mincho, IPAex Gothic and a serif Latin face so the
# pages show what Word would (the files are not changed).
. "$(dirname "$0")/lib/common.bash"

for tool in soffice pdftotext pdfinfo pdffonts pdftoppm; do
	if ! command -v "$tool" >/dev/null 2>&1; then
		echo "SKIP: $tool is not installed (libreoffice, poppler-utils)" >&2
		exit 77
	fi
done
if ! fc-list | grep -q IPAex; then
	echo "SKIP: no IPAex fonts (fonts-ipaexfont)" >&2
	exit 77
fi
need_python openpyxl docx
BIN=${NCIO_TEST_BIN_DIR:-$(dirname "$NCIO")/tests}
S=$T/samples
OUT=${NCIO_RENDER_DIR:-$T/render}
mkdir -p "$S" "$OUT"

# --- the samples --------------------------------------------------------
for t in test_docx test_xlsx test_pptx; do
	if [ ! -x "$BIN/$t" ]; then
		echo "SKIP: no $BIN/$t (build the unit tests first)" >&2
		exit 77
	fi
	checks=$((checks + 1))
	NCIO_OFFICE_SAMPLES=$S "$BIN/$t" >"$T/$t.log" 2>&1 ||
	    { fail "$t"; sed 's/^/  | /' "$T/$t.log" >&2; }
done
files="notice.docx report.docx escape.docx tables.docx charts.docx
    sample.xlsx deck.pptx"
for f in $files; do
	[ -f "$S/$f" ] || fail "no sample $f"
done

# --- LibreOffice --------------------------------------------------------
H=$T/home
mkdir -p "$H/.config/fontconfig"
cat >"$H/.config/fontconfig/fonts.conf" <<'CONF'
<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <alias binding="same"><family>游明朝</family>
    <prefer><family>IPAexMincho</family></prefer></alias>
  <alias binding="same"><family>游ゴシック</family>
    <prefer><family>IPAexGothic</family></prefer></alias>
  <alias binding="same"><family>Century</family>
    <prefer><family>DejaVu Serif Condensed</family></prefer></alias>
</fontconfig>
CONF
(cd "$S" && HOME=$H timeout 600 soffice --headless --convert-to pdf \
    --outdir "$OUT" $files >"$T/soffice.log" 2>&1) ||
    { fail "soffice"; sed 's/^/  | /' "$T/soffice.log" >&2; }

pages() { pdfinfo "$OUT/$1.pdf" 2>/dev/null | sed -n 's/^Pages: *//p'; }
# The text of a PDF, spaces dropped (pdftotext spaces out what autospacing
# and justification moved apart).
text() { pdftotext -layout "$OUT/$1.pdf" - | tr -d ' \f' >"$T/$1.txt"; }

for f in $files; do
	b=${f%.*}
	checks=$((checks + 1))
	if [ ! -s "$OUT/$b.pdf" ]; then
		fail "LibreOffice made no $b.pdf"
		continue
	fi
	text "$b"
	rm -f "$OUT/$b"-*.png
	pdftoppm -png -r 60 "$OUT/$b.pdf" "$OUT/$b"
	n=$(ls "$OUT/$b"-*.png | wc -l)
	checks=$((checks + 1))
	[ "$n" = "$(pages "$b")" ] || fail "$b: $n pictures of $(pages "$b") pages"
done

# The notice closes with 以上; the report's footer fields were computed.
expect_grep "$T/notice.txt" '^以上$'
n=$(pages report)
checks=$((checks + 1))
[ "$n" -ge 3 ] || fail "report has $n pages"
expect_grep "$T/report.txt" "^$n/$n\$"
expect_grep "$T/escape.txt" 'A&B<tag>"q"'

# Word tables: numbers and dates whole on their lines, headings unsplit.
for s in 令和8年11月30日 令和8年4月20日 12,800,000 100.0% 作成日 実施率; do
	expect_grep "$T/tables.txt" "$s"
done
expect_no_grep "$T/tables.txt" '^(日|%|0|分）)$'

# Native Word charts: titles, categories and the values of their labels;
# sixty bars in two charts of a page each.
for s in 部別の実施率 部別の指摘件数 産業経済部 82.5% 100.0% 66.4% \
    項目別の実施率（その1） 項目別の実施率（その2） dp-2-6-09; do
	expect_grep "$T/charts.txt" "$s"
done
checks=$((checks + 1))
[ "$(pages charts)" -le 4 ] || fail "charts.docx: $(pages charts) pages"

# The workbook: its sheets, then a page for each chart (five visible
# worksheets, eight chart sheets); the item codes read whole on the
# charts, forty of them in two parts.  The forty rows of 項目別の実施率
# take two pages: every row is 18.75 pt high as Excel shows it with
# 游ゴシック (LibreOffice printed rows without a height at 15 pt, 48 to
# the page, so that it printed one page fewer than Excel).
for s in 四半期別新規・継続 完了の内訳 第1四半期 項目別の実施率 \
    '実施率/前年度比較（その2）'; do
	expect_grep "$T/sample.txt" "$s"
done
checks=$((checks + 1))
[ "$(pages sample)" = 14 ] || fail "sample.xlsx: $(pages sample) pages, not 14"
checks=$((checks + 1))
[ "$(grep -c 'dp-2-8-05' "$T/sample.txt")" -ge 2 ] ||
    fail "sample.xlsx: item code dp-2-8-05 not on the table and the chart"

# The slides: one page each, every kind, the notes not on them.
nslides=$($PY -c 'import sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
print(z.read("ppt/presentation.xml").decode().count("<p:sldId "))' "$S/deck.pptx")
checks=$((checks + 1))
[ "$(pages deck)" = "$nslides" ] ||
    fail "deck: $(pages deck) pages for $nslides slides"
for s in 令和8年度情報セキュリティ対策実施結果報告 詳細版 令和9年3月31日 \
    実施結果の概要 来年度の取組（続き） 課別の実施率（続き） 令和8年5月1日 \
    89.0% 指摘件数の内訳 部別の実施率 82.5% 項目別の実施率（続き） dp-2-4-09; do
	expect_grep "$T/deck.txt" "$s"
done
expect_no_grep "$T/deck.txt" '校正1回目'

# Japanese in Mincho in Word, in Gothic on the slides and in the charts.
pdffonts "$OUT/report.pdf" >"$T/report.fonts"
pdffonts "$OUT/deck.pdf" >"$T/deck.fonts"
pdffonts "$OUT/charts.pdf" >"$T/charts.fonts"
expect_grep "$T/report.fonts" 'IPAexMincho'
expect_grep "$T/deck.fonts" 'IPAexGothic'
expect_no_grep "$T/deck.fonts" 'IPAexMincho'
expect_grep "$T/charts.fonts" 'IPAexGothic'

echo "pictures of every page in $OUT" >&2
finish
