#!/bin/bash
# checklist import, the hardening of issue 11 and the rules engine:
# notes of 4,096 and 10,000 bytes kept whole in .xlsx and CSV, a NUL in a
# CSV field refused with its position, CP932 of half-width katakana, the
# limits of a form and of a rules file named when reached, the problems
# of a file listed up to 50 and counted beyond, YAML rules giving the
# same records as the one-rule-a-line format, and an identity cell.
. "$(dirname "$0")/lib/common.bash"

FILL="$NCIO_SOURCE_DIR/tests/py/fill_checklist_form.py"
need_python openpyxl yaml
command -v iconv >/dev/null || { echo "iconv missing" >&2; exit 77; }
D=$T/data
F=$T/forms
R=$T/returned
mkdir -p "$R"

expect_status 0 "$NCIO" init --no-git "$D"
for f in $(grep -l '^kind: checklist-' "$NCIO_SAMPLE_DIR"/catalogs/*/*.yaml); do
	fy=$(basename "$(dirname "$f")")
	mkdir -p "$D/catalogs/$fy"
	cp "$f" "$D/catalogs/$fy/"
done
run() { expect_status "$1" "$NCIO" -C "$D" checklist "${@:2}"; }
records() { find "$D/checklists" -name '*.yaml' -exec md5sum {} + 2>/dev/null | sort; }
# note FILE ORG KIND REF: the note of REF in ORG's record of KIND
note() {
	$PY - "$@" <<'PYEOF'
import sys, glob, yaml
d, org, kind, ref = sys.argv[1:]
for p in glob.glob(d + "/checklists/*/*.yaml"):
    r = yaml.load(open(p, encoding="utf-8"), Loader=yaml.CSafeLoader)
    if r["org"] == org and r["kind"] == kind:
        for a in r.get("answers", []):
            if a["ref"] == ref:
                sys.stdout.write(a.get("note", ""))
PYEOF
}
# long N CHAR: N bytes of CHAR (three bytes) ending in ASCII to make up N
long() {
	$PY -c 'import sys; n, c = int(sys.argv[1]), sys.argv[2]
k = n // 3; sys.stdout.write(c * k + "x" * (n - 3 * k))' "$1" "$2"
}

run 0 export form --kind department --fy 2026 --all -o "$F/"
refs=$("$NCIO" -C "$D" checklist items --kind department --fy 2026 | awk 'NR > 3 { print $1 }')
r1=$(echo "$refs" | sed -n 1p)
r2=$(echo "$refs" | sed -n 2p)
r3=$(echo "$refs" | sed -n 3p)

# --- issue 11 (2): long notes, in consecutive rows, in .xlsx and CSV ------
n4096=$(long 4096 点)
n10000=$(long 10000 検)
[ ${#n4096} -gt 1000 ] || fail "note generator"
$PY "$FILL" "$F/所属点検_令和8年度_こども家庭部_保育課.xlsx" "$R/hoiku.xlsx" --answer 実施 \
    --note "$r1=$n4096" --note "$r2=$n10000" --note "$r3=短い補足" || fail fill
run 0 import "$R/hoiku.xlsx"
[ "$(note "$D" hoiku department "$r1")" = "$n4096" ] || fail "4,096-byte note in .xlsx not kept"
[ "$(note "$D" hoiku department "$r2")" = "$n10000" ] || fail "10,000-byte note in .xlsx not kept"
[ "$(note "$D" hoiku department "$r3")" = "短い補足" ] || fail "short note after long ones"
[ "$(note "$D" hoiku department "$r1" | wc -c)" = 4096 ] || fail "4,096 bytes"
# the first row's note is as long: it was dropped before
$PY "$FILL" "$F/所属点検_令和8年度_区長室_秘書課.xlsx" "$R/hisho.xlsx" --answer 実施 \
    --note "$r1=$n10000" || fail fill
run 0 import "$R/hisho.xlsx"
[ "$(note "$D" hisho department "$r1")" = "$n10000" ] || fail "first-row note dropped"
{
	echo '課コード,項目番号,回答,補足'
	for ref in $refs; do
		case $ref in
		"$r1") echo "somu,$ref,実施,\"$n4096\"" ;;
		"$r2") echo "somu,$ref,一部実施,\"$n10000\"" ;;
		"$r3") echo "somu,$ref,実施,後の行" ;;
		*) echo "somu,$ref,実施," ;;
		esac
	done
} >"$R/somu.csv"
run 0 import --kind department --fy 2026 "$R/somu.csv"
[ "$(note "$D" somu department "$r1")" = "$n4096" ] || fail "4,096-byte note in CSV not kept"
[ "$(note "$D" somu department "$r2")" = "$n10000" ] || fail "10,000-byte note in CSV not kept"
[ "$(note "$D" somu department "$r3")" = "後の行" ] || fail "note after long ones in CSV"
expect_status 0 "$NCIO" -C "$D" lint

# --- a NUL inside a CSV field: refused at its place, never cut short ------
before=$(records)
sed "s/^somu,$r3,実施,後の行\$/somu,$r3,実施,後の@行/" "$R/somu.csv" | tr '@' '\000' >"$T/nul.csv"
grep -c . "$T/nul.csv" >/dev/null
run 1 import --kind department --fy 2026 "$T/nul.csv"
expect_grep "$T/err" "nul.csv:4:4: a NUL byte \(0x00\) at character 3 of the field"
[ "$before" = "$(records)" ] || fail "a file with a NUL changed records"

# --- issue 11 (4): CP932 heavy in half-width katakana ----------------------
kana=$($PY -c 'print("".join(chr(0xff71 + i % 45) for i in range(3000)))')
{
	echo '課コード,項目番号,回答,補足'
	for ref in $refs; do echo "shokuin,$ref,実施,$kana"; done
} | iconv -f UTF-8 -t CP932 >"$R/kana.csv"
run 0 import --kind department --fy 2026 "$R/kana.csv"
expect_grep "$T/out" 'kana.csv  CP932$'
[ "$(note "$D" shokuin department "$r2")" = "$kana" ] || fail "half-width kana note"

# --- limits: a form far beyond its shape; rules that state the shape -------
$PY - "$F/所属点検_令和8年度_企画部_財政課.xlsx" "$T/rows.xlsx" <<'PYEOF'
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb["点検項目"]
for r in range(1, 6001):
    ws.cell(200 + r, 1).value = r
wb.save(sys.argv[2])
PYEOF
run 1 import "$T/rows.xlsx"
# the sheet's <dimension> says so before a cell is read
expect_grep "$T/err" "the sheet has 6200 rows \(A1:E6200\); the limit is 5000 rows"
cat >"$T/survey.yaml" <<'YAML'
# 自己点検アンケート（書き出し）
identity:
  kind: self
  fy: 2026
header: auto
fields:
  org: { column: 所属, label: the division }
  respondent: { column: 回答番号, label: the respondent number }
  sf-01: Q1
  sf-02: Q2
  sf-03: Q3
  sf-04: Q4
  sf-05: Q5
  sf-06: Q6
  sf-07: Q7
  sf-08: Q8
  sf-09: Q9
  sf-10: Q10
maps:
  default: { できている: "yes", できていない: "no", 対象外: na }
key: [org, respondent]
YAML
{
	echo '回答日時,所属,回答番号,Q1,Q2,Q3,Q4,Q5,Q6,Q7,Q8,Q9,Q10'
	for i in 1 2 3 4 5 6; do
		echo "2026-10-0$i 09:00,保育課,h$i,できている,できている,できていない,できている,できている,対象外,できている,できている,できている,できている"
		echo "2026-10-0$i 10:00,秘書課,s$i,できている,できている,できている,できている,できている,できている,できている,できている,できている,できていない"
	done
} >"$T/survey.utf8.csv"
iconv -f UTF-8 -t CP932 "$T/survey.utf8.csv" >"$R/survey.csv"
{ grep -v '^key:' "$T/survey.yaml"; echo 'limits: { rows: 5 }'; } >"$T/small.yaml"
run 1 import --rules "$T/small.yaml" "$R/survey.csv"
expect_grep "$T/err" 'survey.csv:6:0: the file has more than 5 rows; the limit is 5'

# --- YAML rules and the first format give the same records ------------------
run 0 import --rules "$T/survey.yaml" "$R/survey.csv"
expect_grep "$T/out" '^2 new, 0 updated, 0 unchanged'
expect_grep "$T/out" 'survey.csv  CP932$'
cp -r "$D" "$T/yaml-data"
{
	echo 'kind self'
	echo 'fy 2026'
	echo 'org "所属"'
	echo 'respondent "回答番号"'
	for i in 1 2 3 4 5 6 7 8 9 10; do printf 'item sf-%02d "Q%d"\n' $i $i; done
	echo 'value "できている" yes'
	echo 'value "できていない" no'
	echo 'value "対象外" na'
} >"$T/survey.rules"
run 0 import --rules "$T/survey.rules" "$R/survey.csv"
expect_grep "$T/out" '^0 new, 0 updated, 2 unchanged'
# a respondent twice in one division: the key says so
{ cat "$T/survey.utf8.csv"; sed -n 2p "$T/survey.utf8.csv"; } >"$T/dup.csv"
run 1 import --rules "$T/survey.yaml" "$T/dup.csv"
expect_grep "$T/err" "dup.csv:14:2: a row with org='保育課', respondent='h1' is already on line 2"

# --- every bad cell found; the first 50 listed --------------------------------
{
	echo '回答日時,所属,回答番号,Q1,Q2,Q3,Q4,Q5,Q6,Q7,Q8,Q9,Q10'
	for i in $(seq 1 12); do
		echo "2026-10-01 09:00,保育課,b$i,たぶん,たぶん,たぶん,たぶん,たぶん,たぶん,たぶん,たぶん,たぶん,たぶん"
	done
} >"$T/bad.csv"
run 1 import --rules "$T/survey.yaml" "$T/bad.csv"
[ "$(grep -c "bad.csv:[0-9]*:[0-9]*: item sf-" "$T/err")" = 50 ] || fail "not 50 problems listed"
expect_grep "$T/err" 'bad.csv: 120 problems in all; only the first 50 are listed'

# --- an .xlsx export: identity in a cell, a huge cell named by its limit -----
$PY - "$R/export.xlsx" "$T/other.xlsx" "$T/huge.xlsx" <<'PYEOF'
import sys, openpyxl
def book(path, title, cell):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "回答"
    ws.append(["自己点検アンケート", title])
    ws.append([])
    ws.append(["所属", "回答番号"] + ["Q%d" % i for i in range(1, 11)])
    ws.append(["hisho", "x1"] + ["できている"] * 9 + [cell])
    wb.save(path)
book(sys.argv[1], "令和8年度", "対象外")
book(sys.argv[2], "令和7年度", "対象外")
# openpyxl cuts a text at Excel's 32,767 characters: put a longer one in
# the sheet's XML as another writer could
book(sys.argv[3], "令和8年度", "HUGE")
import zipfile, shutil
src = zipfile.ZipFile(sys.argv[3])
parts = {n: src.read(n) for n in src.namelist()}
src.close()
for n, b in parts.items():
    if n.startswith("xl/worksheets/"):
        parts[n] = b.replace(b"HUGE", ("あ" * 40000).encode())
        if b"HUGE" not in b:
            sst = "xl/sharedStrings.xml"
            parts[sst] = parts[sst].replace(b"HUGE",
                ("あ" * 40000).encode())
out = zipfile.ZipFile(sys.argv[3], "w", zipfile.ZIP_DEFLATED)
for n, b in parts.items():
    out.writestr(n, b)
out.close()
PYEOF
{ grep -v -e '^identity:' -e '^  kind:' -e '^  fy:' "$T/survey.yaml"
  echo 'identity:'
  echo '  kind: self'
  echo '  fy: { cell: B1 }'
  echo '  title: { cell: A1, expect: 自己点検アンケート }'
} >"$T/export.yaml"
run 0 import --rules "$T/export.yaml" "$R/export.xlsx"
expect_grep "$T/out" '^updated .*秘書課 .*export.xlsx$'
run 1 import --fy 2026 --rules "$T/export.yaml" "$T/other.xlsx"
expect_grep "$T/err" 'this file is for FY2025, not FY2026'
run 1 import --rules "$T/export.yaml" "$T/huge.xlsx"
expect_grep "$T/err" 'holds 40000 characters; the limit is 32767 \(field length\)'
expect_no_grep "$T/err" 'not well-formed'
# a rules file with a mistake: its line and column
printf 'fields:\n  org: 所属\n  sf-01: { column: Q1, type: answer }\n' >"$T/typo.yaml"
run 1 import --rules "$T/typo.yaml" "$R/survey.csv"
expect_grep "$T/err" "typo.yaml:3:30: type 'answer': expected text, integer, date or choice"
expect_status 0 "$NCIO" -C "$D" lint
finish
