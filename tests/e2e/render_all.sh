#!/bin/bash
# render_all: every document the tool writes, as the ward would print it.
# Exports every document type of every verb (the list is read from each
# verb's 'export --help', so a new type without a line below fails) from a
# copy of the sample data, converts each file with LibreOffice to PDF and
# checks the text pdftotext reads back:
#   - no record id (rv-xxxxxxxx): a reader knows a case by its number,
#     title, division and date, never by our id;
#   - no line that is only a unit or a closing bracket (％, 分）, ）, 円);
#   - every difference shown equals the difference of the figures shown
#     ("80.2%であり、前年度（75.3%）から+4.9ポイント", and table rows
#     前年度 | 今年度 | 増減 with 増減 in one decimal with its sign,
#     ＋4.9 or ▲1.0 as the checklist reports write it);
#   - no ASCII "FY" (the ward writes 令和8年度);
#   - no item code with its kind prefix (op-2-1-04): an audit item is
#     2-1-04 wherever a reader meets it, as the 監査項目 workbook prints it;
#   - in a Word document, no name, heading or chart label broken before
#     its last one or two characters ("所管課の再発防止 / 策", "2-8 業務
#     委託と外部サービスの利 / 用", "情報セキュリ / ティ"): a block of two
#     lines of the PDF whose lines joined are a text of the document of
#     at most 16 characters;
#   - in a Word document, no table that starts at a page foot with its
#     header and one row, nor leaves its last row alone at the top of a
#     page (a row found by the start of its longest cell);
#   - the page count within the bounds given per document;
#   - workbooks (tests/py/check_xlsx_layout.py): every row's height set,
#     dates centred, names (部, 課, 契約名 ...) never broken inside a run
#     of kanji and no wider than their column;
#   - workbooks: one footer style, "- 2 -" with every sheet's pages
#     numbered from 1, "一覧　- 1 -" once per printed sheet, in a book of
#     one sheet too, never "2 / 3" (LibreOffice counts "&N" over the
#     whole book); and in the workbooks
#     named in KINSOKU ("all": every one) no line starts with 、。）」 (the
#     writer breaks their long text itself).
#
# The workbooks' page counts are tight where their layout was fixed: the
# 所属点検 workbook printed 18 pages (a chart sheet per part of a 50-item
# chart), now 12 with its two charts on one sheet of charts.
#
# KNOWN_PENDING names verbs whose documents are being fixed on another
# branch: their failures are reported but not counted.  Empty it when that
# branch is merged.
#
# NCIO_RENDER_DIR=DIR keeps the files, PDFs and texts in DIR.
. "$(dirname "$0")/lib/common.bash"

KNOWN_PENDING=""
# "all": every workbook (the writer breaks long text itself, and the
# widths of the others hold their lines)
KINSOKU="all"

for tool in soffice pdftotext pdfinfo; do
	if ! command -v "$tool" >/dev/null 2>&1; then
		echo "SKIP: $tool is not installed (libreoffice, poppler-utils)" >&2
		exit 77
	fi
done
need_python

export NERIMA_CIO_TODAY=2027-03-31
D=$T/data
sample_copy "$D"
OUT=${NCIO_RENDER_DIR:-$T/render}
rm -rf "$OUT"
mkdir -p "$OUT/files" "$OUT/conv" "$OUT/pdf"

# tag | verb | what | arguments | pages of the .docx | pages of the .xlsx
# (min-max; "-" when the export writes no such file)
DOCS='
rv-record|review|record|rv-mhx55124|1-3|1-3
rv-record-new|review|record|rv-9t6v4w2x|1-3|1-3
rv-record-hold|review|record|rv-6e3f9g1h|1-1|1-3
rv-all|review|all|rv-mhx55124|1-3|1-3
rv-notice|review|notice|rv-mhx55124|1-2|-
rv-opinion|review|opinion|rv-1t5grk0g|1-3|-
rv-evaluation|review|evaluation|rv-4aswt9bc|-|1-3
rv-summary|review|summary|--fy 2026|-|1-10
au-paper|audit|paper|au-02zk1v64|-|1-10
au-summary|audit|summary|au-02zk1v64|1-3|-
au-qa|audit|qa|au-dhe0m1pn|1-3|-
au-results|audit|results|--fy 2026|1-4|1-10
au-risks|audit|risks|--fy 2026|-|1-3
au-items|audit|items|--fy 2026|-|1-10
ck-self|checklist|report|--kind self --fy 2026|2-5|8-10
ck-dept|checklist|report|--kind department --fy 2026|2-6|11-14
ck-vendor|checklist|report|--kind vendor --fy 2026|2-5|4-7
ck-form-self|checklist|form|--kind self --fy 2026 --org johoseisaku|-|3-5
ck-form-dept|checklist|form|--kind department --fy 2026 --org johoseisaku|-|1-6
ck-form-vendor|checklist|form|--kind vendor --fy 2026 --org johoseisaku|-|1-4
in-criteria|incident|criteria|--fy 2026|2-8|-
in-prevention|incident|prevention|in-ag4e4j81|1-3|-
in-report|incident|report|in-ag4e4j81|1-3|-
in-stats|incident|stats|--fy 2026|-|12-14
tr-report|training|report|tr-0b2qgn8c|1-5|-
tr-results|training|results|tr-0b2qgn8c|-|5-7
tr-survey|training|survey|tr-jt5j7nh3|1-3|-
tr-test|training|test|tr-0b2qgn8c|1-4|-
tr-summary|training|summary|--fy 2025|-|1-4
cs-answer|consult|answer|cs-06qyn42r|1-2|-
cs-report|consult|report|--meeting mt-fn7nkb9x|1-3|1-3
cs-sheet|consult|sheet|--org hoiku|-|1-2
rp-bimonthly|report|bimonthly|--meeting mt-njcdzkk7|1-5|1-6
rp-plan|report|plan|--fy 2026|1-4|-
rp-annual|report|annual|--fy 2026|-|2-9
mt-agenda|meeting|agenda|mt-fn7nkb9x|1-2|-
mt-minutes|meeting|minutes|mt-fn7nkb9x|1-3|-
is-table|issue|table|--fy 2026|-|2-6
'

pending() {
	case " $KNOWN_PENDING " in
	*" $1 "*) return 0 ;;
	esac
	return 1
}

# docfail VERB MESSAGE: a failure, or a note for a verb still pending.
docfail() {
	if pending "$1"; then
		echo "PENDING ($1, fixed on another branch): $2" >&2
	else
		fail "$2"
	fi
}

# --- every document type of every verb has a line above ------------------
# The types are the words of the usage line after 'export' (options and
# their arguments removed); a verb with 'WHAT' names them when given an
# unknown one.
doc_types() {
	local usage
	usage=$("$NCIO" "$1" export --help 2>&1 | sed -n 's/^usage: .* export //p')
	if [ "${usage#WHAT}" != "$usage" ]; then
		"$NCIO" -C "$D" "$1" export no-such-document 2>&1 | head -1 |
		    sed "s/.*: //; s/'[^']*'//g" | tr -c 'a-z\n' ' ' | tr ' ' '\n' |
		    grep -Ev '^(or|and|of|one|not|is|a|document)?$'
		return
	fi
	echo "$usage" | sed -E 's/--?[a-z-]+( [A-Z|]+)?//g; s/\[[^]]*\]//g' |
	    tr -c 'a-z\n' ' ' | tr ' ' '\n' | grep -v '^$'
}
verbs=$("$NCIO" --help | sed -n 's/^   \([a-z]*\) .*/\1/p')
for v in $verbs; do
	"$NCIO" "$v" export --help 2>&1 | grep -q "^usage: .* $v export " ||
	    continue
	types=$(doc_types "$v" || true)
	checks=$((checks + 1))
	[ -n "$types" ] || fail "$v export: no document types read from --help"
	for w in $types; do
		checks=$((checks + 1))
		echo "$DOCS" | grep -q "^[^|]*|$v|$w|" ||
		    fail "$v export $w: not rendered by this test"
	done
done

# --- export -----------------------------------------------------------------
while IFS='|' read -r tag verb what args dpages xpages; do
	[ -n "$tag" ] || continue
	# the report verb writes its documents without 'export'
	ex=export
	[ "$verb" != report ] || ex=
	# shellcheck disable=SC2086
	if ! "$NCIO" -C "$D" "$verb" $ex "$what" $args \
	    -o "$OUT/files/$tag/" >"$T/$tag.out" 2>&1; then
		docfail "$verb" "$verb export $what $args"
		sed 's/^/  | /' "$T/$tag.out" >&2
		continue
	fi
	i=0
	for f in "$OUT/files/$tag"/*; do
		ext=${f##*.}
		i=$((i + 1))
		cp "$f" "$OUT/conv/${tag}_$ext$i.$ext"
	done
done <<<"$DOCS"
# every workbook: each row's height set (LibreOffice printed rows without
# one at 15 pt, Excel shows 18.75), dates centred, names never broken
# inside a run of kanji and no wider than their column
checks=$((checks + 1))
find "$OUT/files" -name '*.xlsx' -print0 |
    xargs -0 $PY "$NCIO_SOURCE_DIR/tests/py/check_xlsx_layout.py" >"$T/layout.out" 2>&1 ||
    { fail "workbook layout"; sed 's/^/  | /' "$T/layout.out" >&2; }
# the wide lists print at 85 % or more on A4 landscape, one page wide
checks=$((checks + 1))
$PY "$NCIO_SOURCE_DIR/tests/py/check_xlsx_layout.py" \
    "$(ls "$OUT"/files/in-stats/*.xlsx):一覧" >"$T/scale.out" 2>&1 ||
    { fail "print scale"; sed 's/^/  | /' "$T/scale.out" >&2; }
# --- fidxlsx: print scales of the sheets fitted for pages (issue 18) -------
# Widths chosen by xlsx_fit_sheet() for the fewest pages at the largest
# scale; each sheet here prints at the percent given or more (the scale
# from the print area's width against the page less its margins).
# Before: the 課題管理表 77 %; the checklists' 項目別 63 % (vendor, now
# 84 % on 2 pages, the workbook 7), 67 % (department, now 74 % on a page
# more, the workbook 14), 76 % (self); the 監査一覧 74 %; the リスク一覧
# 58 % (on 1 page, now 70 % on 2); the 要対応契約 73 %; the 研修一覧 51 %.
# The 課題管理表 82 % until 区担当：情報政策課 went on one line (review 17
# T1): 79 %, the page 6 units wider for it (issue.c ISSUE_PAGE); 78 %
# once the sample's issues were numbered in the order raised (lint18).
# The 監査一覧 82 % until it gained うち期限超過 and a two-day 実施日
# (review17 T9): 74 %, its 監査名 kept on two lines (check_audit.py).
# The 要対応契約 88 % until its 委託事業者等 kept a company whole up to its
# legal form (架空データサービス / 株式会社, not in three lines, stop 38
# A10): 86 %, the column 6 units wider.
# The scale is the one LibreOffice prints at with Noto Sans CJK for
# 游ゴシック (tests/py/render.sh), near Excel's; with IPAex Gothic, as
# below, it prints about 12 % smaller.
checks=$((checks + 1))
$PY "$NCIO_SOURCE_DIR/tests/py/check_xlsx_layout.py" \
    "$(ls "$OUT"/files/is-table/*.xlsx):課題管理表:78" \
    "$(ls "$OUT"/files/ck-vendor/*.xlsx):項目別:82" \
    "$(ls "$OUT"/files/ck-dept/*.xlsx):項目別:72" \
    "$(ls "$OUT"/files/ck-self/*.xlsx):項目別:85" \
    "$(ls "$OUT"/files/au-results/*.xlsx):監査一覧:74" \
    "$(ls "$OUT"/files/au-risks/*.xlsx):リスク一覧:70" \
    "$(ls "$OUT"/files/ck-vendor/*.xlsx):要対応契約:86" \
    "$(ls "$OUT"/files/tr-summary/*.xlsx):研修一覧:64" \
    >"$T/scale-fit.out" 2>&1 ||
    { fail "print scale (fitted)"; sed 's/^/  | /' "$T/scale-fit.out" >&2; }
# --- end fidxlsx ----------------------------------------------------------
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
(cd "$OUT/conv" && HOME=$H timeout 1200 soffice --headless \
    --convert-to pdf --outdir "$OUT/pdf" ./* >"$T/soffice.log" 2>&1) ||
    { fail "soffice"; sed 's/^/  | /' "$T/soffice.log" >&2; }

# --- the checks ---------------------------------------------------------------
cat >"$T/diff.py" <<'PY'
# Differences a reader can check: the figure shown as a difference equals
# the difference of the two figures shown before it, in one decimal with
# its sign.  Prints one line per problem.
import re, sys
from decimal import Decimal

problems = []

def dec(s):
    return Decimal(s.replace('−', '-').replace('▲', '-').replace('＋', '+')
                   .replace('±', ''))

def check(a, b, d, what):
    want = dec(b) - dec(a)
    got = dec(d)
    if got != want:
        problems.append('%s: %s -> %s shown as %s, not %+.1f' %
                        (what, a, b, d, want))
    elif not re.fullmatch(r'[+\-−＋▲]\d+\.\d|±?0\.0', d):
        problems.append('%s: difference %s not in one decimal with its sign'
                        % (what, d))

text = open(sys.argv[1], encoding='utf-8').read()
flat = re.sub(r'\s+', '', text)
# 全体の実施率は80.2%であり、前年度（75.3%）から4.9ポイント上昇した
for m in re.finditer(r'([0-9.]+)[%％]であり、前年度（([0-9.]+)[%％]）から'
                     r'([+\-−]?)([0-9.]+)ポイント(上昇|低下)', flat):
    sign = m.group(3) or ('-' if m.group(5) == '低下' else '+')
    d = sign + m.group(4)
    want = dec(m.group(1)) - dec(m.group(2))
    if dec(d) != want:
        problems.append('sentence: %s -> %s shown as %s%s, not %+.1f' %
                        (m.group(2), m.group(1), m.group(4), m.group(5), want))
# table rows: 前年度 今年度 増減 (the layout keeps a row on one line)
for line in text.splitlines():
    m = re.search(r'([0-9]+\.[0-9])[%％]\s+([0-9]+\.[0-9])[%％]\s+'
                  r'([+\-−＋▲±]?[0-9]+\.[0-9]+)(ポイント)?\s*$', line)
    if m:
        check(m.group(1), m.group(2), m.group(3), 'row')
print('; '.join(problems[:5]))
PY

cat >"$T/broken.py" <<'PY'
# Names, headings and chart labels broken before their last one or two
# characters: a block of two lines (pdftotext -bbox-layout) whose lines
# joined are a text of the .docx (a paragraph, a cell, a chart's
# category) of at most 16 characters, the second line one or two
# characters that are not punctuation.  Prints them.
import html, re, sys, zipfile

texts = set()
with zipfile.ZipFile(sys.argv[2]) as z:
    for name in z.namelist():
        if name == 'word/document.xml':
            xml = z.read(name).decode('utf-8')
            for p in re.findall(r'<w:p[ >].*?</w:p>', xml, re.S):
                t = ''.join(re.findall(r'<w:t[^>]*>([^<]*)</w:t>', p))
                for part in re.split(r'<w:br/>', t):
                    texts.add(html.unescape(part).replace(' ', ''))
        elif re.match(r'word/charts/chart\d+\.xml$', name):
            xml = z.read(name).decode('utf-8')
            for v in re.findall(r'<c:v>([^<]*)</c:v>', xml):
                texts.add(html.unescape(v).replace(' ', ''))
found = []
layout = open(sys.argv[1], encoding='utf-8').read()
for block in re.findall(r'<block.*?</block>', layout, re.S):
    lines = [''.join(html.unescape(w) for w in
                     re.findall(r'<word[^>]*>([^<]*)</word>', line))
             for line in re.findall(r'<line.*?</line>', block, re.S)]
    if len(lines) != 2:
        continue
    first, last = lines
    whole = first + last
    if not (1 <= len(last) <= 2 and len(first) >= 2 and len(whole) <= 16):
        continue
    if not re.fullmatch(r'[\u3040-\u30ff\u4e00-\u9fff]+', last):
        continue
    if any(whole in t for t in texts if len(t) <= 16 and t):
        found.append(first + ' / ' + last)
print('; '.join(found[:5]))
PY

cat >"$T/orphans.py" <<'PY'
# Tables left with one row at a page foot or top: for every table of the
# .docx with more than two body rows, the page of each row is found by a
# key (the start of its longest cell, found once in the PDF's text); a
# table whose first body row is on one page and its second on a later one
# starts with its header and one row at a page foot, one whose last row is
# alone on the next page leaves it alone there.  Prints the problems.
import html, re, sys, zipfile

text = open(sys.argv[1], encoding='utf-8').read()
pages = [re.sub(r'\s+', '', p) for p in text.split('\f')]
whole = ''.join(pages)
xml = zipfile.ZipFile(sys.argv[2]).read('word/document.xml').decode('utf-8')
found = []
for tbl in re.findall(r'<w:tbl>.*?</w:tbl>', xml, re.S):
    rows = re.findall(r'<w:tr>.*?</w:tr>', tbl, re.S)
    body = [r for r in rows if '<w:tblHeader/>' not in r]
    if len(body) < 3:
        continue
    where = []
    for r in body:
        cells = [html.unescape(''.join(re.findall(
            r'<w:t[^>]*>([^<]*)</w:t>', c)))
            for c in re.findall(r'<w:tc>.*?</w:tc>', r, re.S)]
        key = re.sub(r'\s+', '', max(cells, key=len))[:10]
        page = None
        if len(key) >= 3 and whole.count(key) == 1:
            page = next(i for i, p in enumerate(pages) if key in p)
        where.append((page, key))
    (p0, k0), (p1, _) = where[0], where[1]
    if p0 is not None and p1 is not None and p1 > p0:
        found.append('page %d ends with a table header and one row (%s)'
                     % (p0 + 1, k0))
    (q0, _), (q1, k1) = where[-2], where[-1]
    if q0 is not None and q1 is not None and q1 > q0:
        found.append('page %d starts with the last row alone (%s)'
                     % (q1 + 1, k1))
print('; '.join(found[:5]))
PY

cat >"$T/lone.py" <<'PY'
# A numbered item alone: a (1) with no (2), an ア with no イ, before the
# next item of a higher level (1, 2 ... or (1), (2) ...).  Japanese
# reports number sub-items only where there are two or more.  Prints the
# problems.
import docx, re, sys

LEVELS = [(1, r'\d+'), (2, r'\(\d+\)'), (3, r'[ア-ン]'), (4, r'\([ア-ン]\)')]
def level(t):
    for n, pat in LEVELS:
        m = re.match(r'^(%s)[\s\u3000]' % pat, t)
        if m:
            return n, m.group(1)
    return None, None
heads = [level(p.text) + (p.text[:20],) for p in docx.Document(sys.argv[1]).paragraphs]
heads = [h for h in heads if h[0] is not None]
second = {'(1)': '(2)', 'ア': 'イ', '(ア)': '(イ)'}
found = []
for i, (n, lab, t) in enumerate(heads):
    if lab not in second:
        continue
    ok = False
    for m, lab2, _ in heads[i + 1:]:
        if m < n:
            break
        if m == n and lab2 == second[lab]:
            ok = True
            break
    if not ok:
        found.append('%s alone: %s' % (lab, t))
print('; '.join(found[:5]))
PY

pages() { pdfinfo "$1" 2>/dev/null | sed -n 's/^Pages: *//p'; }

# check_book TAG VERB NAME PDF XLSX: page numbers and line starts of a
# workbook
check_book() {
	local tag=$1 verb=$2 name=$3 pdf=$4 xlsx=$5 lay n sheets totals ones
	local starts
	checks=$((checks + 2))
	lay=${pdf%.pdf}.layout.txt
	n=$(pages "$pdf")
	sheets=$($PY -c 'import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
print(len(wb.chartsheets) + sum(ws.sheet_state == "visible"
                                for ws in wb.worksheets))' "$xlsx")
	# footers are a line of their own: "2 / 3" or "- 2 -" (pdftotext
	# may drop the spaces: "-2-")
	totals=$(grep -E '^ *[0-9]+ ?/ ?[0-9]+ *$' "$lay" |
	    sed -E 's/^ *[0-9]+ ?\/ ?([0-9]+) *$/\1/' | sort -u | tr '\n' ' ')
	ones=$(grep -cE '^ *(.+ +)?- ?1 ?- *$' "$lay") || true
	if [ -n "$totals" ] || [ "$ones" != "$sheets" ]; then
		docfail "$verb" "$name: $sheets sheets printed, $ones footers \
'- 1 -' and 'k / N' with N = '$totals': pages not numbered per sheet"
	fi
	case " $KINSOKU " in
	*" $tag "*|*" all "*)
		starts=$(grep -nE '^[）。、」]' "${pdf%.pdf}.txt" | head -3 |
		    tr '\n' ' ') || true
		[ -z "$starts" ] ||
		    docfail "$verb" "$name: a line starts with ）。、」: $starts"
		;;
	esac
}

# check_words VERB NAME PDF DOCX: no name broken before its last characters
check_words() {
	local verb=$1 name=$2 pdf=$3 docx=$4 bad
	checks=$((checks + 1))
	pdftotext -bbox-layout "$pdf" "${pdf%.pdf}.bbox.html"
	bad=$($PY "$T/broken.py" "${pdf%.pdf}.bbox.html" "$docx")
	[ -z "$bad" ] || docfail "$verb" "$name: a word broken: $bad"
	checks=$((checks + 1))
	bad=$($PY "$T/orphans.py" "${pdf%.pdf}.txt" "$docx")
	[ -z "$bad" ] || docfail "$verb" "$name: $bad"
	checks=$((checks + 1))
	bad=$($PY "$T/lone.py" "$docx")
	[ -z "$bad" ] || docfail "$verb" "$name: $bad"
}

# check_pdf VERB NAME PDF RANGE
check_pdf() {
	local verb=$1 name=$2 pdf=$3 range=$4 raw lay orphans bad n lo hi
	checks=$((checks + 5))
	raw=${pdf%.pdf}.txt
	lay=${pdf%.pdf}.layout.txt
	pdftotext "$pdf" "$raw"
	pdftotext -layout "$pdf" "$lay"
	if grep -Pq '\b[a-z]{2}-[0-9a-z]{8}\b' "$raw"; then
		docfail "$verb" "$name: record ids: $(grep -Po \
		    '\b[a-z]{2}-[0-9a-z]{8}\b' "$raw" | sort -u |
		    head -5 | tr '\n' ' ')"
	fi
	orphans=$(tr -d ' \f' <"$raw" |
	    grep -nE '^(％|%|分）|）|\)|円|ポイント|」|号）|日）|（[月火水木金土日]）)$' | head -5 |
	    tr '\n' ' ') || true
	[ -z "$orphans" ] ||
	    docfail "$verb" "$name: a unit or bracket alone on a line: $orphans"
	if grep -q 'FY' "$raw"; then
		docfail "$verb" "$name: ASCII FY: $(grep -m1 'FY' "$raw")"
	fi
	# an item by the number the 監査項目 workbook prints (2-1-04), never
	# with the records' kind prefix (op-2-1-04, sy-2-1-01, mn-03)
	if grep -Pq '\b[a-z]{2}-[0-9]' "$raw"; then
		docfail "$verb" "$name: item codes: $(grep -Po \
		    '\b[a-z]{2}-[0-9][-0-9]*' "$raw" | sort -u | head -5 |
		    tr '\n' ' ')"
	fi
	bad=$($PY "$T/diff.py" "$lay")
	[ -z "$bad" ] || docfail "$verb" "$name: $bad"
	n=$(pages "$pdf")
	lo=${range%-*} hi=${range#*-}
	if [ -z "$n" ] || [ "$n" -lt "$lo" ] || [ "$n" -gt "$hi" ]; then
		docfail "$verb" "$name: $n pages, expected $range"
	fi
}

while IFS='|' read -r tag verb what args dpages xpages; do
	[ -n "$tag" ] || continue
	for ext in docx xlsx; do
		if [ "$ext" = docx ]; then range=$dpages; else range=$xpages; fi
		checks=$((checks + 1))
		if [ "$range" = - ]; then
			! ls "$OUT/conv/${tag}_$ext"*."$ext" >/dev/null 2>&1 ||
			    docfail "$verb" "$tag: an unexpected .$ext"
			continue
		fi
		if ! ls "$OUT/conv/${tag}_$ext"*."$ext" >/dev/null 2>&1; then
			docfail "$verb" "$tag: no .$ext written"
			continue
		fi
		i=0
		for f in "$OUT/files/$tag"/*; do
			i=$((i + 1))
			[ "${f##*.}" = "$ext" ] || continue
			pdf=$OUT/pdf/${tag}_$ext$i.pdf
			if [ -s "$pdf" ]; then
				check_pdf "$verb" "$(basename "$f")" "$pdf" "$range"
				[ "$ext" != xlsx ] || check_book "$tag" "$verb" \
				    "$(basename "$f")" "$pdf" "$f"
				[ "$ext" != docx ] || check_words "$verb" \
				    "$(basename "$f")" "$pdf" "$f"
			else
				docfail "$verb" "$(basename "$f"): not rendered"
			fi
		done
	done
done <<<"$DOCS"
# --- the PowerPoint decks (issue 18) ---------------------------------------
# 'report security-plan' and 'security-final' write a 詳細版 and a 概要版
# each (.pptx).  Each deck: the package as PowerPoint opens it
# (tests/py/check_pptx_package.py: content types, relationships, unique
# slide ids, no text below 12pt; python-pptx too when installed), then
# its PDF as the documents above (no record id, no 'FY', no unit alone
# on a line, differences that add up) with one page a slide and the
# slide count within the bounds given.
# tag | sub-verb | arguments | slides of the 詳細版 | slides of the 概要版
DECKS='
rp-secplan|security-plan|--fy 2026|4-8|3-5
rp-secfinal|security-final|--fy 2026|12-20|5-9
'
mkdir -p "$OUT/decks" "$OUT/deckpdf"
while IFS='|' read -r tag sub args dslides oslides; do
	[ -n "$tag" ] || continue
	# shellcheck disable=SC2086
	if ! "$NCIO" -C "$D" report "$sub" $args -o "$OUT/files/$tag/" \
	    >"$T/$tag.out" 2>&1; then
		docfail report "report $sub $args"
		sed 's/^/  | /' "$T/$tag.out" >&2
		continue
	fi
	for v in 詳細版 概要版; do
		checks=$((checks + 1))
		f=$(find "$OUT/files/$tag" -name "*_$v.pptx" | head -1)
		if [ -z "$f" ]; then
			docfail report "report $sub: no $v .pptx written"
			continue
		fi
		[ "$v" = 詳細版 ] && k=detail || k=overview
		cp "$f" "$OUT/decks/${tag}_$k.pptx"
	done
done <<<"$DECKS"
checks=$((checks + 1))
if ! $PY "$(dirname "$0")/../py/check_pptx_package.py" "$OUT"/decks/*.pptx \
    >"$T/decks.check" 2>&1; then
	fail "the decks are not packages PowerPoint opens as they are:"
	sed 's/^/  | /' "$T/decks.check" >&2
fi
(cd "$OUT/decks" && HOME=$H timeout 600 soffice --headless \
    --convert-to pdf --outdir "$OUT/deckpdf" ./*.pptx \
    >"$T/soffice-decks.log" 2>&1) ||
    { fail "soffice (decks)"; sed 's/^/  | /' "$T/soffice-decks.log" >&2; }
while IFS='|' read -r tag sub args dslides oslides; do
	[ -n "$tag" ] || continue
	for k in detail overview; do
		[ "$k" = detail ] && range=$dslides || range=$oslides
		f=$OUT/decks/${tag}_$k.pptx
		pdf=$OUT/deckpdf/${tag}_$k.pdf
		[ -f "$f" ] || continue
		checks=$((checks + 1))
		if [ ! -s "$pdf" ]; then
			docfail report "$tag $k: not rendered"
			continue
		fi
		check_pdf report "$sub $k" "$pdf" "$range"
		n=$($PY -c 'import sys, zipfile
print(zipfile.ZipFile(sys.argv[1]).read("ppt/presentation.xml").decode()
      .count("<p:sldId "))' "$f")
		[ "$(pages "$pdf")" = "$n" ] ||
		    docfail report "$sub $k: $(pages "$pdf") pages for $n slides"
	done
done <<<"$DECKS"
# --- the decks' line breaks (issue 18; tests/py/check_deck_lines.py) -------
# The lines of every text box and table cell as LibreOffice set them: no
# word's last character or two alone on a line (区立図書館（見本 / A）,
# 顕在化し / たリスク), no broken date, number with its unit or katakana
# word, no short bracketed aside broken nor a long one at its edges
# (（う / ち...）).  The pptx writer sets these breaks itself
# (textfit_wrap()).
checks=$((checks + 1))
if ! $PY "$(dirname "$0")/../py/check_deck_lines.py" --self-test \
    >"$T/decklines.self" 2>&1; then
	fail "check_deck_lines.py does not pass its own cases:"
	sed 's/^/  | /' "$T/decklines.self" >&2
fi
for pdf in "$OUT"/deckpdf/*.pdf; do
	[ -s "$pdf" ] || continue
	checks=$((checks + 1))
	if ! $PY "$(dirname "$0")/../py/check_deck_lines.py" "$pdf" \
	    >"$T/decklines.out" 2>&1; then
		docfail report "$(basename "$pdf"): lines broken badly:"
		sed 's/^/  | /' "$T/decklines.out" >&2
	fi
done
# --- end of the decks' line breaks ------------------------------------------

# --- wording and numbers (the document builders' content) ------------------
# No role said twice in one sentence ("情報セキュリティ責任者である戸籍住民
# 課長（情報セキュリティ責任者）"): tests/py/check_roles.py over every
# paragraph and cell of every document, workbook and deck written (the
# files, not the PDFs: a PDF's text runs a table into the next sentence).
# (the check itself, on the sentence it was written for)
checks=$((checks + 1))
printf '令和8年7月15日、監査対象組織の情報セキュリティ責任者である戸籍住民\n課長（情報セキュリティ責任者） 例示 正人と合意した。\n' >"$T/roles.txt"
! $PY "$NCIO_SOURCE_DIR/tests/py/check_roles.py" "$T/roles.txt" >/dev/null ||
    fail "check_roles.py does not see a role said twice"
checks=$((checks + 1))
if ! find "$OUT/files" -type f \( -name '*.docx' -o -name '*.xlsx' -o \
    -name '*.pptx' \) -print0 | xargs -0 $PY \
    "$NCIO_SOURCE_DIR/tests/py/check_roles.py" >"$T/roles.out" 2>&1; then
	fail "a role said twice in one sentence:"
	sed 's/^/  | /' "$T/roles.out" >&2
fi
# Dates in a Word document in the one style the ward writes,
# 令和8年6月1日: no R8.6.1 or 2026-06-01 beside it (workbooks show dates
# as dates, in their own format).
checks=$((checks + 1))
bad=$(grep -HoP '(?<![\w.])(R\d{1,2}\.\d{1,2}\.\d{1,2}|20\d\d[-/]\d{1,2}[-/]\d{1,2})' \
    "$OUT"/pdf/*_docx*.txt 2>/dev/null | grep -v '\.layout\.txt:' |
    sed 's|.*/||' | sort -u | head -5 | tr '\n' ' ') || true
[ -z "$bad" ] || fail "dates not written 令和N年M月D日 in Word documents: $bad"
# Counts and amounts of four digits or more with thousands separators
# (延べ1,010人, 12,800,000円), in every document, workbook and deck.
checks=$((checks + 1))
bad=$(grep -HoP '(?<![\d,.\-/])\d{4,}(?![\d,])(人|名|件|円|回|課)' \
    "$OUT"/pdf/*.txt "$OUT"/deckpdf/*.txt 2>/dev/null |
    grep -v '\.layout\.txt:' | sed 's|.*/||' | sort -u | head -5 |
    tr '\n' ' ') || true
[ -z "$bad" ] || fail "numbers without thousands separators: $bad"
# The sample's decided and submitted reviews carry their 受付番号: the
# documents (作業実施報告書, 精査記録, 通知) name a case by it.
checks=$((checks + 1))
if ! $PY - "$NCIO_SAMPLE_DIR" >"$T/refno.out" 2>&1 <<'PY'
import glob, sys, yaml
bad = []
for p in sorted(glob.glob(sys.argv[1] + "/reviews/*/*.yaml")):
    r = yaml.load(open(p, encoding="utf-8"), Loader=yaml.CSafeLoader)
    if r.get("status") in ("decided", "submitted") and not r.get("ref_no"):
        bad.append("%s (%s)" % (r["title"], r["status"]))
print("\n".join(bad))
sys.exit(1 if bad else 0)
PY
then
	fail "sample reviews closed without a 受付番号:"
	sed 's/^/  | /' "$T/refno.out" >&2
fi
# --- end of wording and numbers ---------------------------------------------

# --- the page before a chart in Word (issue 18: charts) --------------------
# A native chart that does not fit the rest of a page moves to the next
# one whole, with what is kept with it; the page before it must not be
# left more than a quarter empty (tests/py/check_chart_pages.py: the
# empty space between its last line and the foot of the text area).  The
# results report left 20 % and 17 % when its chapter chart was two parts
# of a page each, the vendor report 35 % before a column chart of 9 cm.
charted=()
for f in "$OUT"/conv/*.docx; do
	pdf=$OUT/pdf/$(basename "$f" .docx).pdf
	[ -s "$pdf" ] || continue
	unzip -l "$f" | grep -Eq 'word/charts/chart[0-9]+\.xml$' || continue
	charted+=("$pdf" "$f")
done
checks=$((checks + 1))
if [ ${#charted[@]} -eq 0 ]; then
	fail "no .docx with a native chart rendered"
elif ! $PY "$NCIO_SOURCE_DIR/tests/py/check_chart_pages.py" --max 25 \
    "${charted[@]}" >"$T/chart-pages.out" 2>&1; then
	fail "a page more than a quarter empty before a chart:"
	sed 's/^/  | /' "$T/chart-pages.out" >&2
fi
# --- end of the chart pages block -------------------------------------------

# --- the writer's own line breaks (issue 18) ---------------------------------
# In every Word document, no <w:br/> the writer put inside a katakana word
# (インターネッ／ト) or a date (令和／8年, 10月／30日): it keeps them whole.
# (A narrow date column's 令和8年／10月30日, the year a line of its own, is
# the layout the 概要報告書 chooses: era_lines().)
checks=$((checks + 1))
if ! $PY - "$OUT"/conv/*.docx >"$T/breaks.out" 2>&1 <<'PY'
import re, sys, zipfile
BR = r"</w:t><w:br/><w:t(?: [^>]*)?>"
# a katakana word: of up to 8 characters (a longer run, セキュリティ／
# アドバイザー, is words the writer may part where it must)
bad = [(re.compile("([ァ-ヺー]+)" + BR + "([ァ-ヺー]+)"), "katakana word"),
       (re.compile(r"(令和|月)\d*" + BR + r"\d+[年月日]"), "date")]
n = 0
for f in sys.argv[1:]:
    xml = zipfile.ZipFile(f).read("word/document.xml").decode("utf-8")
    for rx, what in bad:
        for m in rx.finditer(xml):
            if what == "katakana word" and \
                    len(m.group(1)) + len(m.group(2)) > 8:
                continue
            n += 1
            print("%s: a %s broken: %s" % (f.rsplit("/", 1)[-1], what,
                  re.sub("<[^>]*>", "／", m.group(0))))
sys.exit(1 if n else 0)
PY
then
	fail "the writer broke a katakana word or a date in a Word document:"
	sed 's/^/  | /' "$T/breaks.out" >&2
fi

echo "PDFs and texts in $OUT" >&2
finish
