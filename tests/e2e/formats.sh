#!/bin/bash
# Structured output of the listing verbs: --format json is an array of
# objects with the keys the man pages document, --format csv the same
# fields with LF line ends (a pipe, a terminal), --crlf CRLF after a BOM
# for Excel; show --format json is one object.
. "$(dirname "$0")/lib/common.bash"

D=$T/data
cp -r "$NCIO_SAMPLE_DIR" "$D"
export NERIMA_CIO_TODAY=2026-06-15
py=/usr/bin/python3

# json_keys NAME KEYS...: $T/out is a JSON array of objects with KEYS.
json_keys() {
	local name=$1
	shift
	checks=$((checks + 1))
	"$py" - "$T/out" "$@" <<'PY' || fail "$name: JSON"
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
"$py" -c 'import json,sys; v=json.load(open(sys.argv[1])); r=[o for o in v if o["id"]=="rv-1t5grk0g"][0]; assert r["org"].isascii() and r["status"].isascii(), r; assert isinstance(r["days_open"], int), r' "$T/out" ||
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
"$py" -c 'import json,sys; v=json.load(open(sys.argv[1])); r=[o for o in v if o["id"]=="au-02zk1v64"][0]; assert 0 < r["compliance_rate"] <= 1 and r["type"]=="operational", r' "$T/out" ||
    fail "audit list: the rate is not a fraction or the type not a code"
"$NCIO" -C "$D" audit list --format csv | cat >"$T/out"
csv_lf "audit list" id

# checklist status: data on stdout, the summary on stderr
expect_status 0 "$NCIO" -C "$D" checklist status --kind department --fy 2026 --missing --format json
json_keys "checklist status" department org name status submitted_on respondents staff
expect_grep "$T/err" '86 of 93 divisions submitted'
"$py" -c 'import json,sys; v=json.load(open(sys.argv[1])); assert len(v)==7 and all(o["status"]=="missing" for o in v), v' "$T/out" ||
    fail "checklist status --missing: not the 7 missing divisions"
"$NCIO" -C "$D" checklist status --kind self --fy 2026 --format csv --crlf 2>/dev/null | cat >"$T/out"
csv_excel "checklist status"

# lint: one object per problem
mkdir -p "$T/bad/issues/2026"
cp -r "$NCIO_SAMPLE_DIR/." "$T/bad/"
printf 'id: is-aaaaaaaa\nfy: 2026\n' >"$T/bad/issues/2026/is-aaaaaaaa.yaml"
expect_status 1 "$NCIO" -C "$T/bad" lint --format json
json_keys "lint" path line column message level
"$py" - "$T/out" <<'PY' || fail "lint --format json: the problems"
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
# list keeps CRLF when redirected to a file, and gains the BOM with --crlf
"$NCIO" -C "$D" list review --format csv --crlf | cat >"$T/out"
csv_excel "list review"

# show --format json: one object, as the man page says
expect_status 0 "$NCIO" -C "$D" show --format json rv-1t5
"$py" -c 'import json,sys; o=json.load(open(sys.argv[1])); assert isinstance(o, dict) and o["id"]=="rv-1t5grk0g", o' "$T/out" ||
    fail "show --format json is not an object"

finish
