#!/bin/bash
# checklist: item sets and their diff, forms filled in by openpyxl as a
# division would, imports of .xlsx and CSV (CP932, BOM, rules files),
# idempotence and corrections, every kind of bad file, status,
# aggregation and the reports, read back with independent readers.
. "$(dirname "$0")/lib/common.bash"

FILL="$NCIO_SOURCE_DIR/tests/py/fill_checklist_form.py"
CHECK="$NCIO_SOURCE_DIR/tests/py/check_checklist.py"
D=$T/data
F=$T/forms
R=$T/returned
mkdir -p "$R"

expect_status 0 "$NCIO" init --no-git "$D"
mkdir -p "$D/catalogs/2025" "$D/catalogs/2026"
for f in $(grep -l '^kind: checklist-' "$NCIO_SAMPLE_DIR"/catalogs/*/*.yaml); do
	fy=$(basename "$(dirname "$f")")
	cp "$f" "$D/catalogs/$fy/"
done
run() { expect_status "$1" "$NCIO" -C "$D" checklist "${@:2}"; }
# A fingerprint of every checklist record, to show nothing was written.
records() { find "$D/checklists" -name '*.yaml' -exec md5sum {} + 2>/dev/null | sort; }

# --- item sets -----------------------------------------------------------
run 0 items --kind department --fy 2026
expect_grep "$T/out" '50 items'
expect_grep "$T/out" '^dp-2-5-03 .*外部記録媒体を管理簿で管理'
run 0 diff --kind department 2025 2026
expect_grep "$T/out" '^reworded +dp-2-2-01$'
expect_grep "$T/out" '^  - 情報資産管理台帳を作成している。$'
expect_grep "$T/out" '^  \+ 情報資産管理台帳を今年度見直した。$'
expect_grep "$T/out" '^added +dp-2-8-05$'
expect_grep "$T/out" '^removed +dp-2-5-13$'
expect_grep "$T/out" '^changed +dp-2-5-05$'
expect_grep "$T/out" '^2 added, 1 removed, 3 reworded, 1 changed$'
run 0 diff --kind self 2025 2026
expect_grep "$T/out" '^reworded +sf-09$'
# kinds by their titles, years as people write them
run 0 diff --kind 所属点検 令和7年度 R8
expect_grep "$T/out" '^2 added, 1 removed, 3 reworded, 1 changed$'
run 2 diff 2025 2026
run 2 diff --kind staff 2025 2026
run 1 items --kind department --fy 2024
expect_grep "$T/err" 'no 所属点検 items for FY2024'

# --- forms ---------------------------------------------------------------
run 0 export form --kind department --fy 2026 --all -o "$F/"
n=$(ls "$F" | wc -l)
[ "$n" = "$(grep -c '^      - code:' "$D/orgs.yaml")" ] || fail "$n forms"
dept_form=$F/所属点検_令和8年度_こども家庭部_保育課.xlsx
[ -f "$dept_form" ] || fail "no form for 保育課"
$PY "$CHECK" form "$dept_form" department hoiku 50 >&2 || fail "department form"
$PY "$NCIO_SOURCE_DIR/tests/py/check_xlsx.py" "$dept_form" >&2 || fail "form conventions"
# the same item set gives the same bytes
run 0 export form --kind department --fy 2026 --org 保育課 -o "$T/again/"
cmp -s "$dept_form" "$T/again/所属点検_令和8年度_こども家庭部_保育課.xlsx" || fail "form not deterministic"
run 0 export form --kind self --fy 2026 --org hoiku -o "$F/"
$PY "$CHECK" form "$F/自己点検_令和8年度_こども家庭部_保育課.xlsx" self hoiku 10 >&2 || fail "self form"
# 回答 has the rows 記入方法 No.2 promises (No.6 forbids adding rows: 30
# printed rows and nothing said left a 課 of 31 stuck), and names the
# items as 点検項目 does: 電子メール① ② on both sheets
staff_form() {
	$PY - "$@" <<'PYEOF'
import sys, openpyxl
f, rows, printed, says = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
wb = openpyxl.load_workbook(f)
steps = "".join(str(c.value) for c in wb["記入方法"]["B"] if c.value)
steps = steps.replace("\n", "")
want = "「回答」シートには回答者番号1～%dの%d行があり" % (rows, rows)
# the rows printed said only where fewer than the rows
assert ("印刷される" in steps) == (printed < rows), steps
assert want in steps, steps
assert says in steps, (says, steps)
ws = wb["回答"]
head = [c.value for c in ws[4]]
nums = [r[0] for r in ws.iter_rows(min_row=5, values_only=True) if r[0]]
assert nums == [str(i) for i in range(1, rows + 1)], nums[-3:]
assert str(ws.print_area).rstrip("']").endswith("$%d" % (4 + printed)), \
    ws.print_area
items = [(r[0], r[1]) for r in wb["点検項目"].iter_rows(min_row=5,
         values_only=True) if r[0]]
assert [h for h in head[1:]] == ["%s\n%s" % i for i in items], (head, items)
assert ("3", "電子メール①") in items and ("4", "電子メール②") in items, items
PYEOF
}
staff_form "$F/自己点検_令和8年度_こども家庭部_保育課.xlsx" 200 30 \
    '記入できます。印刷されるのは最初の30行です。' || fail "self form rows"
run 0 export form --kind vendor --fy 2026 --org hoiku -o "$F"
$PY "$CHECK" form "$F/特記事項チェックシート_令和8年度_こども家庭部_保育課.xlsx" vendor hoiku 16 >&2 ||
    fail "vendor form"
# every date's example in the ward's 令和 first, then how to type it, as
# the other forms give it (例：令和8年4月1日（2026/4/1と入力）)
$PY - "$F/特記事項チェックシート_令和8年度_こども家庭部_保育課.xlsx" <<'PYEOF' ||
import re, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ex = [c.value for ws in wb for r in ws.iter_rows() for c in r
      if isinstance(c.value, str) and "例：" in c.value and
      re.search(r"\d{4}/\d", c.value)]
assert len(ex) == 3, ex
bad = [e for e in ex if not re.match(r"例：令和\d+年\d+月\d+日（\d{4}/\d+/\d+と入力）$", e)]
assert not bad, bad
PYEOF
    fail "vendor form: a date example without its 令和 form"
# Without -o: into the current directory, under the same names.
mkdir "$T/cwd"
(cd "$T/cwd" && run 0 export form --kind department --fy 2026 --org hoiku)
cmp -s "$dept_form" "$T/cwd/所属点検_令和8年度_こども家庭部_保育課.xlsx" ||
    fail "form exported into the current directory"
run 2 export form --kind department --fy 2026 -o "$F"
run 2 export form --kind department --fy 2026 --org hoiku --all -o "$F"
run 2 export form --kind department --fy 2026 --org hoiku --dry-run -o "$F"
run 2 export form --kind department --fy 2026 --org hoiku --date 2026-10-01 -o "$F"
expect_grep "$T/err" "--date dates the report"
run 2 export form --kind department --fy 2026 --org nowhere -o "$F"
expect_grep "$T/err" "'nowhere' is neither an organisation code nor a name"
run 1 export form --kind department --fy 2026 --org kodomo-katei-bu -o "$F"
expect_grep "$T/err" "no division 'kodomo-katei-bu'"
run 1 export form --kind department --fy 2026 --all -o "$F/one.xlsx"
expect_grep "$T/err" "several files; give a folder"
run 2 export forms --kind department --fy 2026 --all
expect_grep "$T/err" "did you mean 'form'"


# --- filled in and returned -----------------------------------------------
fill() { $PY "$FILL" "$@" || fail "fill $*"; }
fill "$dept_form" "$R/hoiku.xlsx" --seed 1 --field 提出日=2026-10-09 \
    --set dp-2-1-01=一部実施 --note dp-2-1-01=担当者を年度内に指名する
fill "$F/所属点検_令和8年度_区長室_秘書課.xlsx" "$R/hisho.xlsx" --answer 実施 \
    --field 提出日=2026-10-02
fill "$F/所属点検_令和8年度_企画部_情報政策課.xlsx" "$R/johoseisaku.xlsx" --seed 7 \
    --field 提出日=令和8年10月15日
run 0 import --dry-run "$R"/*.xlsx
expect_grep "$T/out" '^dry run: 3 new, 0 updated, 0 unchanged'
[ -z "$(records)" ] || fail "a dry run wrote records"
run 0 import "$R"/*.xlsx
expect_grep "$T/out" '^new +ck-[0-9a-z]{8}  保育課  .*hoiku.xlsx$'
expect_grep "$T/out" '^3 new, 0 updated, 0 unchanged; 0 files with errors$'
hoiku=$(grep -l '^org: hoiku$' "$D"/checklists/2026/*.yaml)
expect_grep "$hoiku" '^submitted: 2026-10-09$'
expect_grep "$hoiku" '^respondent: 庶務係長$'
expect_grep "$hoiku" '^    note: 担当者を年度内に指名する$'
expect_grep "$(grep -l '^org: johoseisaku$' "$D"/checklists/2026/*.yaml)" \
    '^submitted: 2026-10-15$'
expect_status 0 "$NCIO" -C "$D" lint
# again: nothing changes
before=$(records)
run 0 import "$R"/*.xlsx
expect_grep "$T/out" '^0 new, 0 updated, 3 unchanged'
[ "$before" = "$(records)" ] || fail "a second import changed records"
# a corrected file replaces that division's answers and says what changed
fill "$dept_form" "$R/hoiku.xlsx" --seed 1 --field 提出日=2026-10-09 \
    --set dp-2-1-01=実施
run 0 import "$R/hoiku.xlsx"
expect_grep "$T/out" '^updated +ck-'
expect_grep "$T/out" '^  dp-2-1-01: 一部実施 → 実施$'
expect_grep "$T/out" '^  dp-2-1-01: 補足を削除$'
expect_no_grep "$hoiku" '担当者を年度内に指名する'

# --- bad forms: each refused whole, with its position ----------------------
before=$(records)
bad() {
	local name=$1 pattern=$2
	shift 2
	fill "$dept_form" "$R/bad-$name.xlsx" --seed 2 "$@"
	run 1 import "${IMPORT_OPTS[@]}" "$R/bad-$name.xlsx"
	expect_grep "$T/err" "$pattern"
	expect_grep "$T/out" '0 new, 0 updated, 0 unchanged; 1 file with errors'
}
IMPORT_OPTS=()
bad answer '^.*bad-answer.xlsx:点検項目:5:4: cell D5: item dp-2-1-01: answer .はい. is not one of 実施' \
    --set dp-2-1-01=はい
bad blank 'bad-blank.xlsx:点検項目:6:4: cell D6: item dp-2-1-02 has no answer' \
    --blank dp-2-1-02
bad formula 'bad-formula.xlsx:点検項目:5:4: cell D5: the answer holds a formula' --formula dp-2-1-01
bad mynumber 'bad-mynumber.xlsx:点検項目:8:5: cell E8: the note holds what looks like a My Number' \
    --note 'dp-2-2-01=確認した番号 1234-5678-9018'
# openpyxl stores text beginning with = as a formula, as Excel does
bad equals 'cell E8: the note holds a formula' --note 'dp-2-2-01==HYPERLINK("x")'
bad org "the form's division 'nowhere' is not in orgs.yaml" --form org=nowhere
bad version "version 0; the FY2026 item set is now .* version 1: send 保育課 a new form" \
    --form version=0
bad nosheet "no hidden sheet '_form'" --drop-form-sheet
bad date "提出日 'someday' is not a date" --field 提出日=someday
IMPORT_OPTS=(--fy 2025)
bad fy 'this form is for FY2026, not FY2025'
IMPORT_OPTS=(--kind self)
bad kind 'this is a 所属点検 form, not 自己点検'
[ "$before" = "$(records)" ] || fail "a bad file changed records"
# a batch: the good file goes in, the bad one not, exit 1
fill "$F/所属点検_令和8年度_企画部_財政課.xlsx" "$R/zaisei.xlsx" --seed 3
run 1 import "$R/zaisei.xlsx" "$R/bad-answer.xlsx"
expect_grep "$T/out" '^1 new, 0 updated, 0 unchanged; 1 file with errors$'
# the same division twice in one batch
cp "$R/zaisei.xlsx" "$T/zaisei-copy.xlsx"
run 1 import "$R/zaisei.xlsx" "$T/zaisei-copy.xlsx"
expect_grep "$T/err" '財政課 is submitted twice: also in'
printf 'not a zip' >"$T/fake.xlsx"
run 1 import "$T/fake.xlsx"
expect_grep "$T/err" "not an Excel workbook"
run 2 import
run 2 import --kind staff "$R/hoiku.xlsx"

# --- CSV: CP932 as Excel saves it, UTF-8 with a BOM, broken files -----------
{
	echo '課コード,項目番号,回答,補足'
	n=0
	for ref in $(grep -o 'dp-[0-9]-[0-9]-[0-9][0-9]' "$T/../"/dev/null 2>/dev/null; \
	    "$NCIO" -C "$D" checklist items --kind department --fy 2026 |
	    awk 'NR > 3 { print $1 }'); do
		n=$((n + 1))
		if [ $((n % 5)) = 0 ]; then echo "somu,$ref,一部実施,\"課内で周知中、年度内に完了\""
		else echo "somu,$ref,実施,"; fi
	done
} >"$T/somu.utf8.csv"
iconv -f UTF-8 -t CP932 "$T/somu.utf8.csv" | sed 's/$/\r/' >"$R/somu.csv"
run 0 import --kind department --fy 2026 "$R/somu.csv"
expect_grep "$T/out" '^new +ck-[0-9a-z]{8}  総務課  .*somu.csv  CP932$'
expect_grep "$(grep -l '^org: somu$' "$D"/checklists/2026/*.yaml)" \
    '^    note: 課内で周知中、年度内に完了$'
sed 's/^somu,/shokuin,/' "$T/somu.utf8.csv" | { printf '\357\273\277'; cat; } >"$R/shokuin.csv"
run 0 import --kind department --fy 2026 "$R/shokuin.csv"
expect_grep "$T/out" 'shokuin.csv  UTF-8 \(BOM\)$'
run 0 import --kind department --fy 2026 "$R/somu.csv" "$R/shokuin.csv"
expect_grep "$T/out" '0 new, 0 updated, 2 unchanged'
before=$(records)
{ cat "$R/somu.csv"; printf 'somu,dp-2-1-01,\x8e\xc0\xff\r\n'; } >"$T/broken.csv"
run 1 import --kind department --fy 2026 "$T/broken.csv"
expect_grep "$T/err" 'broken.csv:52:3: neither UTF-8 nor CP932: invalid byte 0xff'
sed '3s/,実施,$/,実施/' "$T/somu.utf8.csv" >"$T/cols.csv"
run 1 import --kind department --fy 2026 "$T/cols.csv"
expect_grep "$T/err" 'cols.csv:3:0: the row has 3 fields; the header has 4'
sed '3s/^somu,/nowhere,/' "$T/somu.utf8.csv" >"$T/org.csv"
run 1 import --kind department --fy 2026 "$T/org.csv"
expect_grep "$T/err" "org.csv:3:1: division 'nowhere' is not in orgs.yaml"
{ cat "$T/somu.utf8.csv"; sed -n 2p "$T/somu.utf8.csv"; } >"$T/dup.csv"
run 1 import --kind department --fy 2026 "$T/dup.csv"
expect_grep "$T/err" 'dup.csv:52:2: 総務課 answers item dp-2-1-01 twice'
sed '2s/,実施,$/,=1+2,/' "$T/somu.utf8.csv" >"$T/eq.csv"
run 1 import --kind department --fy 2026 "$T/eq.csv"
expect_grep "$T/err" "eq.csv:2:3: the answer begins with '='"
: >"$T/empty.csv"
run 1 import --kind department --fy 2026 "$T/empty.csv"
expect_grep "$T/err" 'empty.csv: the file is empty'
truncate -s 50M "$T/big.csv"
run 1 import --kind department --fy 2026 "$T/big.csv"
expect_grep "$T/err" 'big.csv: the file is 50.0 MB; the limit is 32 MB'
run 1 import "$R/somu.csv"
expect_grep "$T/err" 'give --kind and --fy'
[ "$before" = "$(records)" ] || fail "a bad CSV changed records"

# --- a survey export through a rules file -----------------------------------
cat >"$T/survey.rules" <<'RULES'
# 電子申請システムの自己点検アンケート（書き出し）
kind self
fy 2026
encoding auto
skip 1
org "所属"
respondent "回答番号"
item sf-01 "Q1"
item sf-02 "Q2"
item sf-03 "Q3"
item sf-04 "Q4"
item sf-05 "Q5"
item sf-06 "Q6"
item sf-07 "Q7"
item sf-08 "Q8"
item sf-09 "Q9"
item sf-10 "Q10"
value "できている" yes
value "できていない" no
value "対象外" na
RULES
{
	echo '回答日時,所属,回答番号,Q1,Q2,Q3,Q4,Q5,Q6,Q7,Q8,Q9,Q10'
	for i in 1 2 3 4; do
		echo "2026-10-0$i 09:00,保育課,h$i,できている,できている,できていない,できている,できている,対象外,できている,できている,できている,できている"
		echo "2026-10-0$i 10:00,秘書課,s$i,できている,できている,できている,できている,できている,できている,できている,できている,できている,できている"
	done
} | iconv -f UTF-8 -t CP932 >"$R/survey.csv"
run 0 import --rules "$T/survey.rules" "$R/survey.csv"
expect_grep "$T/out" '^2 new, 0 updated, 0 unchanged'
expect_grep "$T/out" 'survey.csv  CP932$'
self_hoiku=$(grep -l '^kind: self$' $(grep -l '^org: hoiku$' "$D"/checklists/2026/*.yaml))
expect_grep "$self_hoiku" '^  - respondent: h4$'
printf 'kind self\nfy 2026\nbogus 3\nitem sf-01\n' >"$T/bad.rules"
run 1 import --rules "$T/bad.rules" "$R/survey.csv"
expect_grep "$T/err" "bad.rules:3:1: unknown rule 'bogus'"
expect_grep "$T/err" "bad.rules:4:0: 'item' needs an item ref and a column"
# a survey tool's .xlsx export (one row per division) through rules
{
	echo 'kind department'
	echo 'fy 2026'
	echo 'org "所属コード"'
	"$NCIO" -C "$D" checklist items --kind department --fy 2026 |
	    awk 'NR > 3 { n++; print "item " $1 " \"Q" n "\"" }'
	echo 'value "実施している" done'
	echo 'value "一部実施している" partial'
	echo 'value "実施していない" not-done'
} >"$T/forms.rules"
$PY - "$R/forms.xlsx" <<'PYEOF'
import sys, openpyxl
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "Sheet1"
ws.append(["ID", "開始時刻", "所属コード"] + ["Q%d" % i for i in range(1, 51)])
for n, org in enumerate(["kikaku", "keiri"]):
    ws.append([n + 1, "2026/10/01 9:00", org] +
              ["一部実施している" if i % 7 == 0 else "実施している" for i in range(50)])
wb.save(sys.argv[1])
PYEOF
run 0 import --rules "$T/forms.rules" "$R/forms.xlsx"
expect_grep "$T/out" '^new +ck-[0-9a-z]{8}  企画課  .*forms.xlsx$'
expect_grep "$T/out" '^2 new, 0 updated, 0 unchanged'
$PY - "$R/forms.xlsx" "$T/forms-bad.xlsx" <<'PYEOF'
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
wb.active["E3"] = "たぶん"
wb.save(sys.argv[2])
PYEOF
run 1 import --rules "$T/forms.rules" "$T/forms-bad.xlsx"
expect_grep "$T/err" "forms-bad.xlsx:Sheet1:3:5: cell E3: item dp-2-1-02: answer 'たぶん' is not one of"
# a filled self-check form
fill "$F/自己点検_令和8年度_こども家庭部_保育課.xlsx" "$R/self-hoiku.xlsx" --staff 6 --seed 4
run 0 import "$R/self-hoiku.xlsx"
expect_grep "$T/out" '^updated .*保育課'
expect_grep "$T/out" '回答者 6 人を追加'
expect_grep "$T/out" '回答者 4 人を削除'
# a 課 of more staff than the form's 200 rows (orgs.yaml's headcount):
# its form has a row for each, all printed, and the import reads them all
D2=$T/data-big
cp -r "$D" "$D2"
sed -i 's/^      - code: hoiku$/&\n        headcount: 230/' "$D2/orgs.yaml"
grep -q '^        headcount: 230$' "$D2/orgs.yaml" || fail "headcount not set"
expect_status 0 "$NCIO" -C "$D2" checklist export form --kind self --fy 2026 \
    --org hoiku -o "$T/forms-big/"
staff_form "$T/forms-big/自己点検_令和8年度_こども家庭部_保育課.xlsx" 230 230 \
    '行を追加せずに記入できます。' || fail "self form of 230 rows"
fill "$T/forms-big/自己点検_令和8年度_こども家庭部_保育課.xlsx" \
    "$R/self-hoiku-big.xlsx" --staff 230 --seed 4
expect_status 0 "$NCIO" -C "$D2" checklist import "$R/self-hoiku-big.xlsx"
big=$(grep -l '^kind: self$' $(grep -l '^org: hoiku$' "$D2"/checklists/2026/*.yaml))
[ "$(grep -c '^  - respondent:' "$big")" = 230 ] || fail "230 staff not imported"
# 45 staff: the 200 rows, 45 of them printed
sed -i 's/^        headcount: 230$/        headcount: 45/' "$D2/orgs.yaml"
expect_status 0 "$NCIO" -C "$D2" checklist export form --kind self --fy 2026 \
    --org hoiku -o "$T/forms-45/"
staff_form "$T/forms-45/自己点検_令和8年度_こども家庭部_保育課.xlsx" 200 45 \
    '記入できます。印刷されるのは対象職員数の45行です。' || fail "self form of 45 staff"

# --- last year, for comparison ----------------------------------------------
{
	echo '課コード,項目番号,回答'
	for org in hoiku hisho; do
		"$NCIO" -C "$D" checklist items --kind department --fy 2025 |
		    awk -v o=$org 'NR > 3 { print o "," $1 ",一部実施" }'
	done
} >"$R/fy2025.csv"
run 0 import --kind department --fy 2025 "$R/fy2025.csv"
expect_grep "$T/out" '^2 new'

# --- status, aggregate ----------------------------------------------------
run 0 status --kind department --fy 2026
expect_grep "$T/out" '^こども家庭部 +保育課 +submitted +2026-10-09'
expect_grep "$T/out" '^所属点検 FY2026: 8 of 93 divisions submitted \(8.6%\)$'
run 0 status --kind department --fy 2026 --missing
expect_no_grep "$T/out" '提出済'
run 0 aggregate --kind department --fy 2026 --by division
expect_grep "$T/out" '^区長室 +秘書課 +100\.0 +[0-9.]+ +1 +50\.0'
expect_grep "$T/out" '^mean [0-9.]+, standard deviation [0-9.]+$'
# An option that does not apply is refused, not ignored.
run 2 aggregate --kind department --fy 2026 --by division --lowest 5
expect_grep "$T/err" "--lowest .* goes with --by item, not --by division"
run 0 aggregate --kind department --fy 2026 --by department
expect_grep "$T/out" '^こども家庭部 +'
run 0 aggregate --kind department --fy 2026 --lowest 3
expect_grep "$T/out" '^lowest items:$'
expect_grep "$T/out" 'implementation rate [0-9.]+% \(FY2025 50\.0%\)'
run 2 aggregate --kind department --fy 2026 --by section
run 0 aggregate --kind self --fy 2026 --by division
expect_grep "$T/out" '^区長室 +秘書課 +100\.0 .* 4$'

# --- vendor checklist -------------------------------------------------------
fill "$F/特記事項チェックシート_令和8年度_こども家庭部_保育課.xlsx" "$R/vendor.xlsx" \
    --field 点検段階=履行中 --set vd-10=いいえ --note 'vd-10=実地確認は1月に実施予定'
run 0 import "$R/vendor.xlsx"
expect_grep "$T/out" '^new .*保育課 区立見本保育園運営業務委託（履行中）'
fill "$F/特記事項チェックシート_令和8年度_こども家庭部_保育課.xlsx" "$R/vendor-bad.xlsx" \
    --field 点検段階=履行中 --set vd-01=はい
# vd-01 is checked before the contract only
run 1 import "$R/vendor-bad.xlsx"
expect_grep "$T/err" 'item vd-01 is not checked at stage 履行中; leave it blank'
# The form names its items by No. alone, as the report does (the refs on
# the hidden sheet); a form returned in the layout before, with the ref in
# column B, is still read, and a form whose No. column was changed is not.
fill "$F/特記事項チェックシート_令和8年度_こども家庭部_保育課.xlsx" "$R/vendor-old.xlsx" \
    --as-before --field 点検段階=終了時 --field 契約名=旧様式の見本業務委託 \
    --set vd-15=いいえ
run 0 import --dry-run "$R/vendor-old.xlsx"
expect_grep "$T/out" '^new .*保育課 旧様式の見本業務委託（終了時）'
$PY - "$R/vendor.xlsx" "$R/vendor-no.xlsx" <<'PYEOF'
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb["点検項目"]
first = int({r[0].value: r[1].value for r in wb["_form"].iter_rows()}["items_row"])
ws.cell(first + 2, 1).value = "4"
wb.save(sys.argv[2])
PYEOF
run 1 import "$R/vendor-no.xlsx"
expect_grep "$T/err" "vendor-no.xlsx:点検項目:[0-9]+:1: cell A[0-9]+: expected item '3': the sheet has been changed"
# a CSV file names a contractor checklist's item by its ref or its No.
{
	echo '課コード,項目番号,回答,契約名,点検段階'
	for no in 1 No.2 vd-03 4; do
		echo "hoiku,$no,はい,番号の見本業務委託,契約等の締結前"
	done
} >"$R/vendor-no.csv"
run 0 import --dry-run --kind vendor --fy 2026 "$R/vendor-no.csv"
expect_grep "$T/out" '^new .*保育課 番号の見本業務委託（契約等の締結前）'
sed 's/^hoiku,4,/hoiku,17,/' "$R/vendor-no.csv" >"$R/vendor-17.csv"
run 1 import --dry-run --kind vendor --fy 2026 "$R/vendor-17.csv"
expect_grep "$T/err" "vendor-17.csv:5:2: item '17' is not in the FY2026 特記事項チェックシート items"

# --- reports -----------------------------------------------------------------
# dated the end of the period it reports on (report: period, 10月30日),
# not the last submission (10月15日) while the period was still open
run 0 export report --kind department --fy 2026 -o "$T/report/"
docx=$T/report/令和8年度_所属点検実施結果報告書.docx
xlsx=$T/report/令和8年度_所属点検実施結果報告書_集計表.xlsx
[ -f "$docx" ] && [ -f "$xlsx" ] || fail "report files"
$PY "$CHECK" docx "$docx" department '93課中8課から回答があった' '今後の取組' \
    '実施率の低い項目' '前年度との比較' '未提出の課（85課）' \
    '次年度の点検項目は' 'なお、職員の自己点検は、2課（延べ10人）から回答があり' \
    '課ごとの自己点検の実施率は、本報告書の集計表の「課別」に示す。' \
    '令和8年10月30日' \
    >&2 || fail "report docx"
$PY "$CHECK" xlsx "$xlsx" department 50 >&2 || fail "report xlsx"
# the sample's two items at 73.8% share rank 8 (they were ranked 8 and 9)
cp -R "$NCIO_SOURCE_DIR/data/sample" "$T/sample"
expect_status 0 "$NCIO" -C "$T/sample" checklist export report --kind department \
    --fy 2026 -o "$T/sreport/"
for f in "$docx" "$T"/sreport/*.docx; do
$PY - "$f" <<'PYEOF' || fail "items of the same rate ranked apart"
import sys, docx
d = docx.Document(sys.argv[1])
t = [t for t in d.tables if [c.text for c in t.rows[0].cells] ==
     ["順位", "No.", "点検項目", "実施率"]][0]
rows = [[c.text for c in r.cells] for r in t.rows[1:]]
rates = [r[3] for r in rows]
# competition ranking on the rate as shown: 1 + the rows of a lower rate
for r in rows:
    assert int(r[0]) == 1 + sum(x < float(r[3].rstrip("%"))
                                for x in (float(y.rstrip("%")) for y in rates)), rows
PYEOF
done
# a 部's 前年度 is last year's mean of the same 課 that submitted this year
# (議会事務局 seemed to fall 67.4 -> 62.9 where its one 課 rose)
$PY - "$T"/sreport/*_集計表.xlsx <<'PYEOF' || fail "部別 前年度 is not over the same 課"
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
rows = list(wb["課別"].iter_rows(values_only=True))
h = [i for i, r in enumerate(rows) if r[0] == "部"][0]
head = list(rows[h])
prev = {}
for r in rows[h + 1:]:
    if r[0] and r[2] == "提出済" and r[head.index("前年度")] is not None:
        prev.setdefault(r[0], []).append(r[head.index("前年度")])
n = 0
for r in wb["部別"].iter_rows(values_only=True):
    if r[0] in prev:
        want = sum(prev[r[0]]) / len(prev[r[0]])
        assert abs(r[7] - want) < 0.051, (r, prev[r[0]])
        n += 1
assert n > 5, n
# the figures a reader checks by hand: a 部's mean is of the 課 scores as
# shown (it was 0.1 off), a 課's rank by its score as shown (two 91.8
# were 9 and 10)
sc = head.index("得点")
rk = head.index("順位")
now = {}
shown = []
for r in rows[h + 1:]:
    if r[0] and r[2] == "提出済" and r[sc] is not None:
        now.setdefault(r[0], []).append(round(r[sc], 1))
        shown.append((round(r[sc], 1), r[rk]))
for v, k in shown:
    assert k == 1 + sum(1 for w, _ in shown if w > v), (v, k)
for r in wb["部別"].iter_rows(values_only=True):
    if r[0] in now:
        want = sum(now[r[0]]) / len(now[r[0]])
        assert abs(r[4] - want) < 0.051, (r, now[r[0]])
PYEOF
# the new items are named under 項目別 (their blank 前年度) and under
# 前年度比較, which leaves them out (blank cells and a silent drop before);
# so are the items reworded under last year's codes (No.4 情報資産管理台帳を
# 作成している。 → …今年度見直した。), not the same question (review15)
$PY - "$T"/sreport/*_集計表.xlsx <<'PYEOF' || fail "the new items are not marked"
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
rows = list(wb["項目別"].iter_rows(values_only=True))
text = "\n".join(str(c) for r in rows for c in r if c)
assert ("前年度・増減の空欄は、今年度新たに加えた項目（No.47、50）及び文言を"
        "見直した項目（No.4、21、46）である。") in text, text
# and what the rate weighs the answers by (一部実施 0.5): 「実施率はこれに
# 対する割合」 alone read as 実施 ÷ 回答数
assert "回答数は、該当なしを除く回答の数である。" in text
assert ("実施率は、「実施」を1、「一部実施」を0.5、「未実施」「わからない」"
        "を0として、回答数に対する割合を算出したものである。") in text
text = "\n".join(str(c) for r in wb["前年度比較"].iter_rows(values_only=True)
                 for c in r if c)
assert ("今年度新たに加えた項目（No.47、50）及び文言を見直した項目（No.4、21、"
        "46）は、前年度と同じ項目でないため、この表に含まない。") in text, text
PYEOF
# the sample's new items (No.47, 50) and reworded ones (No.4, 21, 46) are
# in this year's rates of their 分類 only, and the report says so, with
# the rates without them: 評価・見直し fell by its new item
$PY "$CHECK" docx "$T"/sreport/*.docx department \
    '新たな項目（No.47、50）と文言を見直した項目（No.4、21、46）を除く今年度の実施率は、' >&2 ||
    fail "the new items in the 分類 rates are not named"
$PY - "$xlsx" <<'PYEOF' || fail "課別 without the self check"
import sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1])["課別"]
head = [c.value for c in ws[4]]
# the staff's columns say they are the self check's: 回答者数 7, 対象職員数
# 10 and 実施率 78.5% side by side read as 7 / 10 (and the blanks unsaid)
assert head[-3:] == ["自己点検の\n回答者数", "自己点検の\n対象職員数",
                     "自己点検の\n実施率"], head
rows = {r[1].value: r for r in ws.iter_rows(min_row=5)}
hoiku = rows["保育課"]
assert hoiku[head.index("自己点検の\n回答者数")].value == 6, hoiku
assert 0 < hoiku[head.index("自己点検の\n実施率")].value <= 1
notes = [r[0] for r in ws.iter_rows(min_row=5, values_only=True)
         if r[0] and r[1] is None]
# and a 課 that submitted with no score the year before (the data's
# 課 new to the check this year); 秘書課's self check has no staff count
PREV = ("前年度の空欄は、前年度の得点のない課（前年度に提出がない、または"
        "前年度になかった課）。")
assert notes == [
    "自己点検の実施率は、職員の回答（該当なしを除く）のうち「はい」の割合"
    "であり、回答者数÷対象職員数ではない。",
    "自己点検の欄の空欄は、自己点検の提出のない課（対象職員数は、職員数の"
    "分かる課は示す）。",
    "自己点検の対象職員数の空欄は、職員数の分からない課。", PREV], notes
PYEOF
$PY "$NCIO_SOURCE_DIR/tests/py/check_xlsx.py" "$xlsx" >&2 || fail "report conventions"
# the same data give the same bytes
cp "$docx" "$T/first.docx"
cp "$xlsx" "$T/first.xlsx"
run 0 export report --kind department --fy 2026 -o "$T/report"
cmp -s "$docx" "$T/first.docx" || fail "report .docx not deterministic"
cmp -s "$xlsx" "$T/first.xlsx" || fail "report .xlsx not deterministic"
run 0 export report --kind vendor --fy 2026 --date 令和8年12月1日 -o "$T/report"
$PY "$CHECK" docx "$T/report/令和8年度_特記事項チェックシート集計結果報告書.docx" vendor \
    '区立見本保育園運営業務委託' '令和8年12月1日' '対策に不足のある契約' \
    '（情報の保護および管理に関する特記事項に係るチェックシート）を集計' \
    '区の研修教材等により' >&2 || fail "vendor docx"
$PY "$CHECK" xlsx "$T/report/令和8年度_特記事項チェックシート集計結果報告書_集計表.xlsx" \
    vendor 16 >&2 || fail "vendor xlsx"
# a stage without sheets and its items without answers have no bars: the
# charts' categories say so, as the tables do, not unlabelled gaps (G4)
cp -r "$NCIO_SAMPLE_DIR" "$T/noend"
rm $(grep -rl '^stage: end' "$T/noend/checklists/2026")
expect_status 0 "$NCIO" -C "$T/noend" checklist export report --kind vendor \
    --fy 2026 --date 令和8年12月1日 -o "$T/noend-report/"
$PY - "$T/noend-report/令和8年度_特記事項チェックシート集計結果報告書_集計表.xlsx" <<'PYEOF' || fail "vendor charts: empty categories"
import re, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
cats = {}
for n in z.namelist():
    if re.match(r"xl/charts/chart\d+\.xml$", n):
        x = z.read(n).decode()
        t = "".join(re.findall(r"<a:t>([^<]*)</a:t>", x))
        cats[t] = re.findall(r"<c:cat>.*?</c:cat>", x, re.S)[0]
items = [v for k, v in cats.items() if "項目別" in k][0]
stages = [v for k, v in cats.items() if "点検段階別" in k][0]
for no in ("13", "14", "15"):
    assert "<c:v>%s（回答なし）</c:v>" % no in items, items
assert "<c:v>12</c:v>" in items, items
assert "<c:v>終了時\n（提出なし）</c:v>" in stages, stages
assert "<c:v>履行中</c:v>" in stages, stages
PYEOF
run 0 export report --kind self --fy 2026 -o "$T/report"
$PY "$CHECK" docx "$T/report/令和8年度_自己点検実施結果報告書.docx" self >&2 ||
    fail "self docx"
$PY "$CHECK" xlsx "$T/report/令和8年度_自己点検実施結果報告書_集計表.xlsx" self 10 >&2 ||
    fail "self xlsx"
# its 課別 says what 得点 is beside 回答者数 and 対象職員数, and the blanks
$PY - "$T/report/令和8年度_自己点検実施結果報告書_集計表.xlsx" <<'PYEOF' || fail "self 課別 notes"
import sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1])["課別"]
notes = [r[0] for r in ws.iter_rows(min_row=5, values_only=True)
         if r[0] and r[1] is None]
# no 課 has last year's score: no 前年度 column, and no note on its
# blanks; 秘書課 submitted without a staff count
assert "前年度" not in [c.value for c in ws[4]], [c.value for c in ws[4]]
assert notes == [
    "得点は、職員の回答（該当なしを除く）のうち「はい」の割合を100点満点"
    "で示したもの。",
    "空欄は、自己点検の提出のない課（対象職員数は、職員数の分かる課は"
    "示す）。", "対象職員数の空欄は、職員数の分からない課。"], notes
PYEOF
mkdir "$T/cwd2"
(cd "$T/cwd2" && run 0 export report --kind department --fy 2026)
cmp -s "$docx" "$T/cwd2/令和8年度_所属点検実施結果報告書.docx" ||
    fail "report exported into the current directory"
run 2 export report --kind department --fy 2026 --all
expect_grep "$T/err" "--org and --all choose forms"
run 2 export report --kind department --fy 2026 --date 2026-02-30 -o "$T/report"
if have_office; then
	HOME=$(mktemp -d) timeout 120 soffice --headless --convert-to pdf \
	    --outdir "$T/pdf" "$docx" >/dev/null 2>&1 || fail "soffice"
	[ -s "$T/pdf/令和8年度_所属点検実施結果報告書.pdf" ] || fail "no PDF"
else
	echo "note: soffice not installed; the report was not converted" >&2
fi
# 延べ counts as the ward writes numbers: 1,004, not 1004 (a survey of a
# thousand staff of one division)
{
	echo '回答日時,所属,回答番号,Q1,Q2,Q3,Q4,Q5,Q6,Q7,Q8,Q9,Q10'
	for i in $(seq 1 1000); do
		echo "2026-10-05 09:00,財政課,z$i,できている,できている,できている,できている,できている,できている,できている,できている,できている,できている"
	done
} >"$R/survey-big.csv"
run 0 import --rules "$T/survey.rules" "$R/survey-big.csv"
run 0 export report --kind self --fy 2026 -o "$T/report-big/"
$PY "$CHECK" docx "$T/report-big/令和8年度_自己点検実施結果報告書.docx" self \
    '回答した職員は延べ1,010人である' >&2 || fail "延べ with separators (self)"
run 0 export report --kind department --fy 2026 -o "$T/report-big/"
$PY "$CHECK" docx "$T/report-big/令和8年度_所属点検実施結果報告書.docx" department \
    '（延べ1,010人）から回答があり' >&2 ||
    fail "延べ with separators (department)"
expect_status 0 "$NCIO" -C "$D" lint
finish
