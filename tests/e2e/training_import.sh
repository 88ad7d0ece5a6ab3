#!/bin/bash
# training import: an answer sheet from `training form` filled by openpyxl,
# a Microsoft Forms export and an e-learning CSV in CP932 written by
# Python, each imported twice (the second time nothing changes), and the
# results checked against a computation from the answers as written; then
# every kind of bad input refused with its position, nothing imported.
. "$(dirname "$0")/lib/common.bash"

CHECK="$NCIO_SOURCE_DIR/tests/py/check_training.py"
IMP="$NCIO_SOURCE_DIR/tests/py/training_import.py"
RULES="$NCIO_SOURCE_DIR/data/training-elearning-rules.yaml"
need_python openpyxl yaml
export NERIMA_CIO_TODAY=2026-11-30
D=$T/data
sample_copy "$D"
# 第2回 マイナンバー研修 (tr-1b32t2af) and システム担当者向け (tr-0j7a5p3v)
# are held and reported in the sample; this test prepares them: put the
# copies back to 準備中, without results
sed -i -e '/^survey:$/,$d' -e '/^materials:$/,+1d' \
    -e '/^\(attended\|report_submitted\|material_submitted\): /d' \
    -e 's/^status: reported$/status: preparing/' \
    "$D/trainings/2026/tr-1b32t2af.yaml" "$D/trainings/2026/tr-0j7a5p3v.yaml"
run() { expect_status "$1" "$NCIO" -C "$D" training "${@:2}"; }
fingerprint() { find "$1" -name '*.yaml' -exec md5sum {} + | sort; }
rec() { grep -l "^plan_key: $2\$" "$D"/trainings/"$1"/*.yaml | head -1; }
id_of() { basename "$(rec "$1" "$2")" .yaml; }
NEWMGR27=$(id_of 2027 new-manager)
MYNUM2=$(id_of 2026 mynumber-2)
SYSTEM=$(id_of 2026 system-staff)
R_NEWMGR27=$D/trainings/2027/$NEWMGR27.yaml
R_MYNUM2=$D/trainings/2026/$MYNUM2.yaml
R_SYSTEM=$D/trainings/2026/$SYSTEM.yaml
# expect_results ID RECORD WRITTEN...: results against the answers written
expect_results() {
	run 0 results "$1" --format json
	cp "$T/out" "$T/results.json"
	$PY "$IMP" expect "$2" "$T/results.json" "${@:3}" >&2 ||
	    fail "results of $1 differ from the answers written"
	$PY "$CHECK" results "$2" "$T/results.json" >&2 ||
	    fail "results of $1 differ from its record"
}
# refused FILE...: exit 1, nothing changed in the data directory
refused() {
	local before
	before=$(fingerprint "$D")
	run 1 "$@"
	[ "$before" = "$(fingerprint "$D")" ] || fail "refused import changed records: $*"
}

# --- our answer sheet, filled by openpyxl -------------------------------
run 0 items "$NEWMGR27" --add ts-inc-03 ts-mynum-07 ts-mail-05 ts-phish-06 \
    ts-pass-03 ts-asset-02 ts-ai-05 ts-inc-02 ts-usb-03 ts-ai-01 \
    sv-sat-01 sv-und-01 sv-mgr-01 sv-act-01 sv-free-01
run 0 form "$NEWMGR27" -o "$T/form/"
form=$(ls "$T"/form/回答用紙_*.xlsx)
$PY "$CHECK" fill "$form" "$T/sheet.xlsx" 7 30 >"$T/sheet.json" ||
    fail "openpyxl could not fill the form"
# a dry run writes nothing
before=$(fingerprint "$D")
run 0 import "$NEWMGR27" "$T/sheet.xlsx" --dry-run
expect_grep "$T/out" '^dry run: .*sheet\.xlsx: 30 respondents \(survey 30, test 30\): 30 added, 0 updated, 0 unchanged$'
[ "$before" = "$(fingerprint "$D")" ] || fail "a dry run changed records"
run 0 import "$NEWMGR27" "$T/sheet.xlsx"
expect_grep "$T/out" 'sheet\.xlsx: 30 respondents \(survey 30, test 30\): 30 added, 0 updated, 0 unchanged$'
expect_grep "$R_NEWMGR27" '^    format: answer sheet \(training form\)$'
expect_grep "$R_NEWMGR27" '^    respondents: 30$'
expect_grep "$R_NEWMGR27" '^    sha256: "?[0-9a-f]{64}"?$'
expect_results "$NEWMGR27" "$R_NEWMGR27" "$T/sheet.json"
# twice: nothing changes, and it says so
before=$(fingerprint "$D")
run 0 import "$NEWMGR27" "$T/sheet.xlsx"
expect_grep "$T/out" "sheet\.xlsx: already imported \(as 'sheet\.xlsx' on 2026-11-30\): nothing changed$"
[ "$before" = "$(fingerprint "$D")" ] || fail "the same file twice changed records"
# the same bytes under another name: the same file
cp "$T/sheet.xlsx" "$T/copy.xlsx"
run 0 import "$NEWMGR27" "$T/copy.xlsx"
expect_grep "$T/out" "copy\.xlsx: already imported \(as 'sheet\.xlsx'"
[ "$before" = "$(fingerprint "$D")" ] || fail "a copy changed records"
# the same answers saved again (other bytes): nothing changes
mkdir -p "$T/fix"
$PY -c 'import sys, openpyxl; openpyxl.load_workbook(sys.argv[1]).save(sys.argv[2])' \
    "$T/sheet.xlsx" "$T/fix/sheet.xlsx" || fail "openpyxl"
run 0 import "$NEWMGR27" "$T/fix/sheet.xlsx"
expect_grep "$T/out" 'sheet\.xlsx: the same answers are already imported: nothing changed$'
[ "$before" = "$(fingerprint "$D")" ] || fail "the same answers changed records"
# a corrected sheet of the same name replaces its own respondents
$PY - "$T/sheet.xlsx" "$T/fix/sheet.xlsx" <<'EOF' || fail "openpyxl"
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
fid = {r[0].value: r[1].value for r in wb["_form"].iter_rows()}
c = wb["回答"].cell(row=int(fid["first_row"]), column=2)
c.value = "財政課" if c.value != "財政課" else "保育課"
wb.save(sys.argv[2])
EOF
run 0 import "$NEWMGR27" "$T/fix/sheet.xlsx"
expect_grep "$T/out" 'sheet\.xlsx: 30 respondents .*: 0 added, 1 updated, 29 unchanged$'
[ "$(grep -c '^  - file: ' "$R_NEWMGR27")" = 1 ] || fail "a corrected file is one import"
expect_status 0 "$NCIO" -C "$D" lint

# --- a Microsoft Forms export -------------------------------------------
run 0 items "$MYNUM2" --add ts-inc-01 ts-mynum-07 ts-mail-05 ts-phish-06 \
    ts-pass-03
$PY "$IMP" forms "$R_MYNUM2" "$T/forms.xlsx" 11 60 >"$T/forms.json" ||
    fail "could not write the Forms export"
run 0 import "$MYNUM2" "$T/forms.xlsx"
expect_grep "$T/out" 'forms\.xlsx: 60 respondents \(survey 60, test 60\): 60 added'
expect_grep "$R_MYNUM2" '^    format: Microsoft Forms export$'
expect_grep "$R_MYNUM2" '^    - respondent: f0001$'
# メール and 名前 are never stored, nor the times
expect_no_grep "$R_MYNUM2" 'anonymous|2026-08-20'
expect_results "$MYNUM2" "$R_MYNUM2" "$T/forms.json"
before=$(fingerprint "$D")
run 0 import "$MYNUM2" "$T/forms.xlsx"
expect_grep "$T/out" 'nothing changed$'
[ "$before" = "$(fingerprint "$D")" ] || fail "the Forms export twice changed records"

# --- an e-learning CSV in CP932, by the shipped rules file ---------------
run 0 items "$SYSTEM" --add ts-ai-01 ts-usb-03 ts-inc-02 ts-asset-02 ts-ai-05
$PY "$IMP" csv "$R_SYSTEM" "$T/el.csv" 5 300 cp932 >"$T/el.json" ||
    fail "could not write the CSV"
refused import "$SYSTEM" "$T/el.csv"
expect_grep "$T/err" 'el\.csv: a CSV file is read through a rules file'
run 0 import "$SYSTEM" "$T/el.csv" --rules "$RULES"
expect_grep "$T/out" 'el\.csv: 300 respondents \(survey 300, test 300\): 300 added'
expect_grep "$R_SYSTEM" '^    format: e-learning CSV \(CP932\)$'
expect_grep "$R_SYSTEM" '^    - respondent: e10000$'
expect_no_grep "$R_SYSTEM" '見本 花子|架空 太郎|2026/8/'
expect_results "$SYSTEM" "$R_SYSTEM" "$T/el.json"
before=$(fingerprint "$D")
run 0 import "$SYSTEM" "$T/el.csv" --rules "$RULES"
expect_grep "$T/out" 'el\.csv: already imported'
[ "$before" = "$(fingerprint "$D")" ] || fail "the CSV twice changed records"
expect_status 0 "$NCIO" -C "$D" lint

# --- bad input: each refused with its position, nothing imported --------
# an answer sheet of another training, and of another fiscal year
run 0 form "$SYSTEM" -o "$T/sysform/"
$PY "$CHECK" fill "$(ls "$T"/sysform/回答用紙_*.xlsx)" "$T/other.xlsx" 3 5 \
    >/dev/null || fail "fill"
refused import "$NEWMGR27" "$T/other.xlsx"
expect_grep "$T/err" "other\.xlsx:_form:2:2: cell B2: this answer sheet is for another training, '令和8年度 システム担当者向け情報セキュリティ研修' \($SYSTEM\)"
expect_grep "$T/err" "nothing imported from '.*other\.xlsx'"
edit_form() {
	$PY - "$@" <<'EOF' || fail "openpyxl"
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
for kv in sys.argv[3:]:
    k, v = kv.split("=", 1)
    if k.startswith("_form!"):
        ws = wb["_form"]
        for r in ws.iter_rows():
            if r[0].value == k[6:]:
                r[1].value = v
    else:
        wb["回答"][k].value = v
wb.save(sys.argv[2])
EOF
}
edit_form "$T/sheet.xlsx" "$T/fy.xlsx" _form!fy=2026
refused import "$NEWMGR27" "$T/fy.xlsx"
expect_grep "$T/err" "fy\.xlsx:_form:3:2: cell B3: this answer sheet is for fiscal year '2026', not 令和9年度"
# an answer outside the choices: its cell named
first=$($PY -c 'import sys, openpyxl; ws = openpyxl.load_workbook(sys.argv[1])["_form"]; print({r[0].value: r[1].value for r in ws.iter_rows()}["first_row"])' "$T/sheet.xlsx")
edit_form "$T/sheet.xlsx" "$T/badcell.xlsx" "H$first=7" "C$((first + 2))=とても良い"
refused import "$NEWMGR27" "$T/badcell.xlsx"
expect_grep "$T/err" "badcell\.xlsx:回答:$first:8: cell H$first: test item 1 \(ts-inc-03\): '7' is not one of its choices: 1 "
expect_grep "$T/err" "badcell\.xlsx:回答:$((first + 2)):3: cell C$((first + 2)): survey question 1 \(sv-sat-01\): 'とても良い' is not one of its choices"
# a My Number in a free text: the guard refuses the cell
edit_form "$T/sheet.xlsx" "$T/mynumber.xlsx" "G$((first + 1))=番号は123456789018です"
refused import "$NEWMGR27" "$T/mynumber.xlsx"
expect_grep "$T/err" "mynumber\.xlsx:回答:$((first + 1)):7: cell G$((first + 1)): survey question 5 holds what looks like a My Number"
# respondent codes: twice in a file, and already imported from another file
edit_form "$T/sheet.xlsx" "$T/twice.xlsx" "A$((first + 3))=r0001"
refused import "$NEWMGR27" "$T/twice.xlsx"
expect_grep "$T/err" "twice\.xlsx:回答:$((first + 3)):1: cell A$((first + 3)): respondent 'r0001' is in the file twice: also on row $first"
$PY "$CHECK" fill "$form" "$T/second.xlsx" 8 3 >/dev/null || fail "fill"
refused import "$NEWMGR27" "$T/second.xlsx"
expect_grep "$T/err" "second\.xlsx:回答:$first:1: cell A$first: respondent 'r0001' is already in the training, from another file"
expect_grep "$T/err" "nothing imported from '.*second\.xlsx': 3 respondent codes already imported from another file"
# one answer sheet per division (--org): the codes start with the division's
# code, 所属 is filled in, and two divisions' sheets never collide
run 0 form "$NEWMGR27" --org johoseisaku --org 財政課 --org zaisei -o "$T/orgs/"
[ "$(ls "$T"/orgs/回答用紙_*.xlsx | wc -l)" = 2 ] || fail "--org: not one sheet per division"
f1=$(ls "$T"/orgs/回答用紙_*_情報政策課.xlsx) || fail "--org: no sheet for 情報政策課"
f2=$(ls "$T"/orgs/回答用紙_*_財政課.xlsx) || fail "--org: no sheet for 財政課"
$PY -c '
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
fid = {r[0].value: r[1].value for r in wb["_form"].iter_rows()}
ws, first = wb["回答"], int(fid["first_row"])
assert fid["org"] == "zaisei", fid
assert ws.cell(row=first, column=1).value == "zaisei-0001", ws.cell(row=first, column=1).value
assert ws.cell(row=first + 1, column=2).value == "財政課"
' "$f2" || fail "--org: the 財政課 sheet has other codes or 所属"
$PY "$CHECK" fill "$f1" "$T/org1.xlsx" 21 4 >/dev/null || fail "fill"
$PY "$CHECK" fill "$f2" "$T/org2.xlsx" 22 5 >/dev/null || fail "fill"
run 0 import "$NEWMGR27" "$T/org1.xlsx" "$T/org2.xlsx"
expect_grep "$T/out" 'org1\.xlsx: 4 respondents \(survey 4, test 4\): 4 added, 0 updated, 0 unchanged$'
expect_grep "$T/out" 'org2\.xlsx: 5 respondents \(survey 5, test 5\): 5 added, 0 updated, 0 unchanged$'
expect_grep "$R_NEWMGR27" 'johoseisaku-0004'
expect_grep "$R_NEWMGR27" 'zaisei-0005'
# a division whose code is too long to start respondent codes: refused,
# naming it, and no file written
cp -r "$D" "$T/long"
sed -i 's/^      - code: zaisei$/      - code: abcdefghijklmnopqrstuvwxyz01234\n        name: 長いコードの課\n&/' "$T/long/orgs.yaml"
expect_status 1 "$NCIO" -C "$T/long" training form "$NEWMGR27" --org 長いコードの課 -o "$T/orgs2/"
expect_grep "$T/err" "--org: the code 'abcdefghijklmnopqrstuvwxyz01234' is too long to start respondent codes \(27 characters at most\)"
[ ! -e "$T/orgs2" ] || [ -z "$(ls -A "$T/orgs2")" ] || fail "a refused form wrote files"
# a CSV with a code twice; in UTF-8 with a BOM
{ printf '\xef\xbb\xbf'; head -3 "$T/el.csv" | iconv -f CP932 -t UTF-8;
  sed -n 2p "$T/el.csv" | iconv -f CP932 -t UTF-8; } >"$T/dup.csv"
refused import "$SYSTEM" "$T/dup.csv" --rules "$RULES"
expect_grep "$T/err" "dup\.csv:4:1: respondent 'e10000' is in the file twice: also on line 2"
# a Forms export whose columns are not the training's questions
$PY "$IMP" forms "$R_MYNUM2" "$T/forms-other.xlsx" 12 5 >/dev/null || fail "forms"
refused import "$SYSTEM" "$T/forms-other.xlsx"
expect_grep "$T/err" "forms-other\.xlsx:Sheet1:1:0: no column '.*' for test item 1 \(ts-ai-01\) in the header"
# rules that cover part of the test only
sed '/^  T3:/d' "$RULES" >"$T/part.yaml"
cp "$T/el.csv" "$T/el2.csv"
refused import "$SYSTEM" "$T/el2.csv" --rules "$T/part.yaml"
expect_grep "$T/err" "el2\.csv: the file answers 4 of the 5 test items of '.*': no column for 3 \(ts-inc-02\)"
# the same in Japanese: one whole sentence each, no English word spliced in
if locale -a 2>/dev/null | grep -qix 'ja_JP\.utf-\?8'; then
	LANG=ja_JP.UTF-8 LC_ALL= LANGUAGE= refused import "$SYSTEM" "$T/el2.csv" --rules "$T/part.yaml"
	expect_grep "$T/err" "el2\.csv: ファイルには '.*' のテストの問題 5 問のうち 4 問の回答しかありません"
	expect_no_grep "$T/err" "test item"
	LANG=ja_JP.UTF-8 LC_ALL= LANGUAGE= refused import "$SYSTEM" "$T/dup.csv" --rules "$RULES"
	expect_grep "$T/err" "dup\.csv:4:1: 回答者 'e10000' がファイルに 2 回出てきます（もう一方は 2 行目）"
	expect_no_grep "$T/err" "line 2"
	LANG=ja_JP.UTF-8 LC_ALL= LANGUAGE= refused import "$NEWMGR27" "$T/mynumber.xlsx"
	expect_grep "$T/err" "セル G$((first + 1)): アンケートの設問 5 の"
	expect_no_grep "$T/err" "survey question"
	LANG=ja_JP.UTF-8 LC_ALL= LANGUAGE= refused import "$NEWMGR27" "$T/badcell.xlsx"
	expect_grep "$T/err" "テストの問題 1（ts-inc-03）: '7' は選択肢のどれでもありません: 1 "
	expect_no_grep "$T/err" "test item|one of its choices"
fi
# a rules file for another fiscal year
{ cat "$RULES"; printf 'identity:\n  fy: 令和7年度\n'; } >"$T/fy.yaml"
refused import "$SYSTEM" "$T/el2.csv" --rules "$T/fy.yaml"
expect_grep "$T/err" "el2\.csv: the file is for fiscal year '令和7年度', not 令和8年度"
# a test item without a key, and two keys on a single-choice item
L=$T/nokey
cp -r "$D" "$L"
$PY - "$L/trainings/2027/$NEWMGR27.yaml" <<'EOF' || fail "yaml edit"
import re, sys
p = sys.argv[1]
s = open(p, encoding="utf-8").read()
i = s.index("test_items:")
j = s.index("    key:", i)
k = s.index("\n", s.index("      - ", j))
s = s[:j] + s[k + 1:]          # the first test item loses its key
open(p, "w", encoding="utf-8").write(s)
EOF
before=$(fingerprint "$L")
expect_status 1 "$NCIO" -C "$L" training import "$NEWMGR27" "$T/second.xlsx"
expect_grep "$T/err" "test item 'ts-inc-03' has no key: .*no answers are imported until it is put right"
[ "$before" = "$(fingerprint "$L")" ] || fail "an import without a key changed records"
cp "$R_NEWMGR27" "$L/trainings/2027/$NEWMGR27.yaml"
$PY - "$L/trainings/2027/$NEWMGR27.yaml" <<'EOF' || fail "yaml edit"
import sys
p = sys.argv[1]
s = open(p, encoding="utf-8").read()
i = s.index("test_items:")
j = s.index("    key:\n", i) + len("    key:\n")
s = s[:j] + "      - 1\n      - 2\n" + s[s.index("\n", j) + 1:]
open(p, "w", encoding="utf-8").write(s)
EOF
before=$(fingerprint "$L")
expect_status 1 "$NCIO" -C "$L" training import "$NEWMGR27" "$T/second.xlsx"
expect_grep "$T/err" "test item 'ts-inc-03' is single choice but has 2 keys"
[ "$before" = "$(fingerprint "$L")" ] || fail "an import with two keys changed records"
# one bad file among good ones: the good ones are imported, exit 1
$PY "$CHECK" fill "$(ls "$T"/sysform/回答用紙_*.xlsx)" "$T/sysgood.xlsx" 4 2 \
    >/dev/null || fail "fill"
run 1 import "$SYSTEM" "$T/sysgood.xlsx" "$T/badcell.xlsx"
expect_grep "$T/out" 'sysgood\.xlsx: 2 respondents .*: 2 added'
expect_grep "$T/err" "badcell\.xlsx:_form:2:2: cell B2: this answer sheet is for another training"
expect_grep "$R_SYSTEM" '^  - file: sysgood\.xlsx$'
run 2 import "$SYSTEM"
run 2 import "$SYSTEM" "$T/el.csv" --format json
finish
