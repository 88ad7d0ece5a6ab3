#!/bin/bash
# Structured output of the listing verbs: --format json is an array of
# objects with the keys the man pages document, --format csv the same
# fields with LF line ends (a pipe, a terminal), --crlf CRLF after a BOM
# for Excel; show --format json is one object.
. "$(dirname "$0")/lib/common.bash"

D=$T/data
sample_copy "$D"
export NERIMA_CIO_TODAY=2026-06-15

# json_keys NAME KEYS...: $T/out is a JSON array of objects with KEYS.
json_keys() {
	local name=$1
	shift
	checks=$((checks + 1))
	"$PY" - "$T/out" "$@" <<'PY' || fail "$name: JSON"
import json, sys
v = json.load(open(sys.argv[1]))
assert isinstance(v, list) and v, "not a non-empty array"
for o in v:
    assert list(o.keys()) == sys.argv[2:], (list(o.keys()), sys.argv[2:])
PY
}

# csv_lf NAME: $T/out is CSV headed by its first key, LF only, no BOM.
csv_lf() {
	checks=$((checks + 1))
	if grep -q $'\r' "$T/out" || [ "$(head -c 3 "$T/out" | od -An -tx1 | tr -d ' ')" = efbbbf ]; then
		fail "$1: CSV to a pipe has a CR or a BOM"
	fi
	expect_grep "$T/out" "^$2,"
}

# csv_excel NAME: $T/out starts with a BOM and every line ends in CRLF.
csv_excel() {
	checks=$((checks + 1))
	[ "$(head -c 3 "$T/out" | od -An -tx1 | tr -d ' ')" = efbbbf ] ||
	    fail "$1 --crlf: no BOM"
	checks=$((checks + 1))
	if grep -qv $'\r$' "$T/out"; then
		fail "$1 --crlf: a line without CRLF"
	fi
}

# review list
expect_status 0 "$NCIO" -C "$D" review list --format json
json_keys "review list" id received org title status days_open due overdue_days
"$PY" -c 'import json,sys; v=json.load(open(sys.argv[1])); r=[o for o in v if o["id"]=="rv-1t5grk0g"][0]; assert r["org"].isascii() and r["status"].isascii(), r; assert isinstance(r["days_open"], int), r' "$T/out" ||
    fail "review list: org and status are not codes, or days_open not a number"
"$NCIO" -C "$D" review list --format csv | cat >"$T/out"
csv_lf "review list" id
"$NCIO" -C "$D" review list --format csv --crlf | cat >"$T/out"
csv_excel "review list"
expect_status 0 "$NCIO" -C "$D" review list --overdue --format json
expect_grep "$T/out" '^\[\]$|^\[$'

# audit list
expect_status 0 "$NCIO" -C "$D" audit list --fy 2026 --format json
json_keys "audit list" id date type target status compliance_rate answered items open_findings
"$PY" -c 'import json,sys; v=json.load(open(sys.argv[1])); r=[o for o in v if o["id"]=="au-02zk1v64"][0]; assert 0 < r["compliance_rate"] <= 1 and r["type"]=="operational", r' "$T/out" ||
    fail "audit list: the rate is not a fraction or the type not a code"
"$NCIO" -C "$D" audit list --format csv | cat >"$T/out"
csv_lf "audit list" id

# checklist status: data on stdout, the summary on stderr
expect_status 0 "$NCIO" -C "$D" checklist status --kind department --fy 2026 --missing --format json
json_keys "checklist status" department org name status submitted_on respondents staff
expect_grep "$T/err" '86 of 93 divisions submitted'
"$PY" -c 'import json,sys; v=json.load(open(sys.argv[1])); assert len(v)==7 and all(o["status"]=="missing" for o in v), v' "$T/out" ||
    fail "checklist status --missing: not the 7 missing divisions"
"$NCIO" -C "$D" checklist status --kind self --fy 2026 --format csv --crlf 2>/dev/null | cat >"$T/out"
csv_excel "checklist status"

# lint: one object per problem
mkdir -p "$T/bad/issues/2026"
cp -r "$NCIO_SAMPLE_DIR/." "$T/bad/"
printf 'id: is-aaaaaaaa\nfy: 2026\n' >"$T/bad/issues/2026/is-aaaaaaaa.yaml"
expect_status 1 "$NCIO" -C "$T/bad" lint --format json
json_keys "lint" path line column message level
"$PY" - "$T/out" <<'PY' || fail "lint --format json: the problems"
import json, sys
v = json.load(open(sys.argv[1]))
errs = [o for o in v if o["level"] == "error"]
assert len(errs) == 3, v
for o in errs:
    assert o["path"] == "issues/2026/is-aaaaaaaa.yaml", o
    assert o["line"] == 1 and o["column"] == 1, o
    assert o["message"].endswith("required field is missing"), o
PY
expect_status 0 "$NCIO" -C "$D" lint --format json
expect_grep "$T/out" '^\[\]$|^\[$'
"$NCIO" -C "$T/bad" lint --format csv 2>/dev/null | cat >"$T/out" || true
csv_lf "lint" path
expect_grep "$T/out" '^issues/2026/is-aaaaaaaa\.yaml,1,1,"?title'
# lint -o FILE: the same rows into a file, written whole; the suffix
# chooses the format unless --format says; the status is still lint's.
rm -f "$T/lint.csv" "$T/lint.json"
expect_status 1 "$NCIO" -C "$T/bad" lint -o "$T/lint.csv"
expect_grep "$T/err" "lint\.csv$"
checks=$((checks + 1))
[ -s "$T/out" ] && fail "lint -o: problems on standard output too"
cp "$T/lint.csv" "$T/out"
csv_excel "lint -o lint.csv"
expect_grep "$T/out" 'path,line,column,message,level'
expect_grep "$T/out" '^issues/2026/is-aaaaaaaa\.yaml,1,1,"?title'
expect_status 1 "$NCIO" -C "$T/bad" lint --output "$T/lint.json"
"$PY" -c 'import json,sys; v=json.load(open(sys.argv[1])); assert len([o for o in v if o["level"]=="error"])==3, v' "$T/lint.json" ||
    fail "lint -o lint.json: not the three problems"
expect_status 0 "$NCIO" -C "$D" lint -o "$T/clean.json"
"$PY" -c 'import json,sys; assert json.load(open(sys.argv[1]))==[]' "$T/clean.json" ||
    fail "lint -o clean.json: not an empty array"
expect_status 1 "$NCIO" -C "$T/bad" lint --format json -o "$T/lint2.csv"
"$PY" -c 'import json,sys; json.load(open(sys.argv[1]))' "$T/lint2.csv" ||
    fail "lint --format json -o lint2.csv: not JSON"
expect_status 1 "$NCIO" -C "$D" lint -o "$T/lint.txt"
expect_grep "$T/err" '\.csv or \.json'
checks=$((checks + 1))
[ -e "$T/lint.txt" ] && fail "lint -o lint.txt wrote a file"

# due, consult, meeting, issue: csv and --crlf through one mechanism
expect_status 0 "$NCIO" -C "$D" due --format json
json_keys "due" due state what title who who_id basis kind id
for verb in "due" "consult list" "meeting list" "issue list"; do
	# shellcheck disable=SC2086
	"$NCIO" -C "$D" $verb --format csv | cat >"$T/out"
	checks=$((checks + 1))
	[ -s "$T/out" ] || fail "$verb --format csv: no output"
	grep -q $'\r' "$T/out" && fail "$verb --format csv: CR in a pipe"
	# shellcheck disable=SC2086
	"$NCIO" -C "$D" $verb --format csv --crlf | cat >"$T/out"
	csv_excel "$verb"
done
# list redirected to a file (> x.csv) is a pipe's output kept: LF, no BOM,
# like every listing verb; --crlf gives CRLF after a BOM there too.
"$NCIO" -C "$D" list review --format csv >"$T/out"
csv_lf "list review > file" id
"$NCIO" -C "$D" review list --format csv >"$T/out"
csv_lf "review list > file" id
"$NCIO" -C "$D" list review --format csv --crlf >"$T/out"
csv_excel "list review --crlf > file"
"$NCIO" -C "$D" list review --format csv --crlf | cat >"$T/out"
csv_excel "list review"

# show --format json: one object, as the man page says
expect_status 0 "$NCIO" -C "$D" show --format json rv-1t5
"$PY" -c 'import json,sys; o=json.load(open(sys.argv[1])); assert isinstance(o, dict) and o["id"]=="rv-1t5grk0g", o' "$T/out" ||
    fail "show --format json is not an object"

# The verbs that gained --format: each in all three formats, a known value
# from data/sample in the JSON, LF in a pipe, CRLF and a BOM with --crlf
# and in a file written with -o.
# fmt3 NAME VERB...: table (exit 0, some output), csv to a pipe, --crlf.
fmt3() {
	local name=$1
	shift
	expect_status 0 "$NCIO" -C "$D" "$@"
	checks=$((checks + 1))
	[ -s "$T/out" ] || fail "$name: no table"
	"$NCIO" -C "$D" "$@" --format csv 2>/dev/null | cat >"$T/out"
	csv_lf "$name" "$CSVKEY"
	"$NCIO" -C "$D" "$@" --format csv --crlf 2>/dev/null | cat >"$T/out"
	csv_excel "$name"
	expect_status 0 "$NCIO" -C "$D" "$@" --format json
}
# pyjson NAME CODE: CODE (python, v = the JSON of $T/out) must pass.
pyjson() {
	checks=$((checks + 1))
	"$PY" -c "import json,sys; v=json.load(open(sys.argv[1])); $2" \
	    "$T/out" || fail "$1: JSON"
}

CSVKEY=group fmt3 "review summary" review summary --fy 2026
json_keys "review summary" group key label count expected cost
pyjson "review summary" 'r=[o for o in v if o["group"]=="type" and o["key"]=="plan"][0]; assert r["count"]==12 and r["expected"]==60 and r["cost"]==217170000, r'

CSVKEY=chapter fmt3 "audit show" audit show au-02zk
pyjson "audit show" 'assert isinstance(v, dict) and v["id"]=="au-02zk1v64" and v["target_org"]=="koseki-jumin", v; t=v["chapters"][-1]; assert t["chapter"]=="total" and t["items"]==59 and t["conform"]==48 and abs(t["compliance_rate"]-0.9363)<1e-4, t; assert v["findings"][0]["grade"]=="minor" and v["agreement"]["date"]=="2026-07-29", v["findings"][0]'

CSVKEY=ref fmt3 "checklist aggregate" checklist aggregate --kind department --fy 2026
json_keys "checklist aggregate" ref answered rate prev_rate change text
pyjson "checklist aggregate" 'r=[o for o in v if o["ref"]=="dp-2-1-01"][0]; assert r["answered"]==86 and abs(r["rate"]-0.7384)<1e-4, r'
CSVKEY=department fmt3 "checklist aggregate --by division" checklist aggregate --kind department --fy 2026 --by division
json_keys "checklist aggregate --by division" department org name status score deviation rank prev_score respondents
pyjson "checklist aggregate --by division" 'r=[o for o in v if o["org"]=="hisho"][0]; assert r["score"]==75.8 and r["rank"]==54, r; assert sum(o["status"]=="missing" for o in v)==7 and all(o["score"] is None for o in v if o["status"]=="missing")'
CSVKEY=department fmt3 "checklist aggregate --by department" checklist aggregate --kind department --fy 2026 --by department
json_keys "checklist aggregate --by department" department divisions submitted mean_score max_score min_score prev_score
# the mean of the 課 scores as shown (85.3 was the mean of the exact ones)
pyjson "checklist aggregate --by department" 'r=[o for o in v if o["department"]=="区長室"][0]; assert r["divisions"]==3 and r["mean_score"]==85.2, r'
expect_status 2 "$NCIO" -C "$D" checklist aggregate --kind department --fy 2026 --lowest 5 --format json
expect_grep "$T/err" 'lowest'

CSVKEY=ref fmt3 "checklist items" checklist items --kind department --fy 2026
json_keys "checklist items" ref category weight answer_type text
pyjson "checklist items" 'assert len(v)==50 and v[0]["ref"]=="dp-2-1-01" and v[0]["weight"]==2 and v[0]["answer_type"]=="scale4", v[0]'

CSVKEY=date expect_status 0 "$NCIO" -C "$D" cal holidays 2026
expect_grep "$T/out" $'^2026-01-01\t元日$'
CSVKEY=date fmt3 "cal holidays" cal holidays 2026
pyjson "cal holidays" 'assert {"date": "2026-09-22", "name": "国民の休日"} in v and len(v)==18, v'

CSVKEY=id fmt3 "incident list" incident list
json_keys "incident list" id ref_no occurred org category severity title status
pyjson "incident list" 'r=[o for o in v if o["id"]=="in-47gn7d6k"][0]; assert r["org"]=="seikatsu-eisei" and r["category"]=="malware" and r["status"]=="closed", r'
CSVKEY=due fmt3 "incident list --due" incident list --due
json_keys "incident list --due" due days_left id title report report_code
pyjson "incident list --due" 'assert v[0]["id"]=="in-s75gpgrw" and v[0]["days_left"]==211 and v[0]["report_code"]=="ppc-final-wrongful", v'

CSVKEY=id fmt3 "training list" training list --fy 2026
json_keys "training list" id date title audience status target attended satisfaction mean_score report_due report_overdue material_overdue
pyjson "training list" 'r=[o for o in v if o["id"]=="tr-ygh5fy2p"][0]; assert r["audience"]=="new-hire" and r["attended"]==183 and r["satisfaction"]==88.3 and r["report_overdue"] is False, r'

# -o FILE: a .csv file gets CRLF after a BOM, the suffix chooses the
# format, the name goes to standard error, the file is whole.
for verb in "review summary --fy 2026" "audit list --fy 2026" \
    "audit show au-02zk" "checklist status --kind department --fy 2026" \
    "checklist aggregate --kind department --fy 2026" \
    "checklist items --kind department --fy 2026" "cal holidays 2026" \
    "incident list" "training list"; do
	rm -f "$T/x.csv" "$T/x.json"
	# shellcheck disable=SC2086
	expect_status 0 "$NCIO" -C "$D" $verb -o "$T/x.csv"
	expect_grep "$T/err" "x\.csv$"
	cp "$T/x.csv" "$T/out"
	csv_excel "$verb -o x.csv"
	# shellcheck disable=SC2086
	expect_status 0 "$NCIO" -C "$D" $verb -o "$T/x.json"
	checks=$((checks + 1))
	"$PY" -c 'import json,sys; json.load(open(sys.argv[1]))' "$T/x.json" ||
	    fail "$verb -o x.json: not JSON"
done
# -o on the listing verbs that had --format before
for verb in "review list" "due" "consult list" "meeting list" "issue list"; do
	rm -f "$T/x.csv" "$T/x.json"
	# shellcheck disable=SC2086
	expect_status 0 "$NCIO" -C "$D" $verb -o "$T/x.csv"
	expect_grep "$T/err" "x\.csv$"
	checks=$((checks + 1))
	[ -s "$T/out" ] && fail "$verb -o: output on standard output too"
	cp "$T/x.csv" "$T/out"
	csv_excel "$verb -o x.csv"
	# shellcheck disable=SC2086
	expect_status 0 "$NCIO" -C "$D" $verb -o "$T/x.json"
	checks=$((checks + 1))
	"$PY" -c 'import json,sys; v=json.load(open(sys.argv[1])); assert isinstance(v, list) and v' "$T/x.json" ||
	    fail "$verb -o x.json: not a JSON array"
done
# --format wins over the suffix
expect_status 0 "$NCIO" -C "$D" incident list --format json -o "$T/y.csv"
checks=$((checks + 1))
"$PY" -c 'import json,sys; json.load(open(sys.argv[1]))' "$T/y.csv" ||
    fail "--format json -o y.csv: not JSON"
expect_status 1 "$NCIO" -C "$D" audit show au-02zk -o "$T/x.txt"
expect_grep "$T/err" '\.csv or \.json'

finish
