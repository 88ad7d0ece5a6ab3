#!/bin/bash
# init, discovery, add, list, show, lint on good and broken records, and
# the output conventions every verb follows.
. "$(dirname "$0")/lib/common.bash"

D=$T/data

# --- init --------------------------------------------------------------
expect_status 0 "$NCIO" init "$D"
for f in nerima-cio.yaml orgs.yaml .gitattributes .gitignore .git; do
	[ -e "$D/$f" ] || fail "init did not create $f"
done
expect_grep "$D/.gitattributes" '^\*\.yaml text eol=lf'
expect_grep "$D/.gitignore" '^\.nerima-cio\.lock$'
# The first commit, named after the contractor of nerima-cio.yaml.
git -C "$D" log --format=%s >"$T/log"
expect_grep "$T/log" '^nerima-cio init: 株式会社架空情報コンサルティング$'
[ "$(wc -l <"$T/log")" = 1 ] || fail "init made more than one commit"
[ -z "$(git -C "$D" status --porcelain)" ] || fail "init left files uncommitted"
# Twice: nothing is clobbered.
echo "# my edit" >>"$D/nerima-cio.yaml"
cp "$D/nerima-cio.yaml" "$T/config.before"
expect_status 0 "$NCIO" init "$D"
expect_same "$T/config.before" "$D/nerima-cio.yaml"
expect_grep "$T/err" 'kept existing nerima-cio.yaml'
# The hook.
expect_status 0 "$NCIO" init --hook "$D"
[ -x "$D/.git/hooks/pre-commit" ] || fail "no executable pre-commit hook"
expect_grep "$D/.git/hooks/pre-commit" 'nerima-cio .*lint'
expect_status 2 "$NCIO" init --hook --no-git "$D"
expect_status 2 "$NCIO" init a b

# --- discovery ---------------------------------------------------------
mkdir -p "$D/reviews/2026" "$T/outside"
expect_status 0 "$NCIO" -C "$D" lint
(cd "$D/reviews/2026" && "$NCIO" lint) >/dev/null 2>&1 ||
    fail "lint from a subdirectory did not find the data directory"
NERIMA_CIO_DIR=$D expect_status 0 "$NCIO" lint
(cd "$T/outside" && "$NCIO" lint) >"$T/out" 2>"$T/err" && fail "lint outside"
expect_grep "$T/err" "not in a nerima-cio data directory.*nerima-cio init"
expect_status 1 "$NCIO" -C "$T/outside" list review
expect_grep "$T/err" "not a nerima-cio data directory"
# The variable is named when it is the one that points nowhere.
NERIMA_CIO_DIR=$T/nowhere expect_status 1 "$NCIO" lint
expect_grep "$T/err" "NERIMA_CIO_DIR='$T/nowhere' is not a directory"
NERIMA_CIO_DIR=$T/outside expect_status 1 "$NCIO" lint
expect_grep "$T/err" "NERIMA_CIO_DIR='$T/outside' is not a nerima-cio data directory"

# --- add ---------------------------------------------------------------
expect_status 0 "$NCIO" -C "$D" add review type=plan \
    title=保育園業務支援システムの更新 org=hoiku received=2026-04-10 \
    category=update status=received
id=$(head -n 1 "$T/out")
[ "$(wc -l <"$T/out")" -eq 1 ] || fail "add printed more than the id"
case $id in rv-[0-9a-z]??????? ) ;; *) fail "id '$id' has the wrong form" ;; esac
expect_grep "$T/err" "reviews/2026/$id\.yaml$"
[ -f "$D/reviews/2026/$id.yaml" ] || fail "no file for $id"
cat >"$T/want.yaml" <<EOF
id: $id
fy: 2026
type: plan
title: 保育園業務支援システムの更新
org: hoiku
status: received
received: 2026-04-10
category: update
EOF
expect_same "$T/want.yaml" "$D/reviews/2026/$id.yaml"

# The fiscal year comes from the kind's date: March belongs to the year before.
expect_status 0 "$NCIO" -C "$D" add review type=procurement title=調達支援 \
    org=hoiku received=2027-03-31 status=received
id2=$(cat "$T/out")
[ -f "$D/reviews/2026/$id2.yaml" ] || fail "2027-03-31 is not in FY2026"

# Every problem at once, and nothing written.
before=$(find "$D/reviews" -type f | wc -l)
expect_status 1 "$NCIO" -C "$D" add review org=nosuch \
    received=2026-02-30 titel=3 costs=5 status=bogus
expect_grep "$T/err" "org \(Division\): 'nosuch' is not an organisation code"
expect_grep "$T/err" "received \(Received\): expected a date YYYY-MM-DD, found '2026-02-30'"
expect_grep "$T/err" "titel: unknown field \(did you mean 'title'\?\)"
expect_grep "$T/err" "^\(new review\): title \(Title\): required field is missing"
expect_grep "$T/err" "costs .*: expected a list"
expect_grep "$T/err" "status .*: 'bogus' is not one of: received"
[ -s "$T/out" ] && fail "a failed add printed on stdout"
after=$(find "$D/reviews" -type f | wc -l)
[ "$before" -eq "$after" ] || fail "a failed add wrote a file"
expect_status 2 "$NCIO" -C "$D" add
expect_status 1 "$NCIO" -C "$D" add nosuchkind
expect_grep "$T/err" "unknown record kind 'nosuchkind'; kinds: .*review"
expect_status 2 "$NCIO" -C "$D" add review novalue

# My Number guard on write: 123456789018 has a valid check digit.
expect_status 1 "$NCIO" -C "$D" add consult type=department title=相談 \
    org=hoiku received=2026-05-01 status=received question="番号 1234 5678 9018 について"
expect_grep "$T/err" "question: text '1234 5678 9018' is a valid individual number"

# --- list --------------------------------------------------------------
expect_status 0 "$NCIO" -C "$D" list review
expect_grep "$T/out" "^ID +Received +Type +Division +Title +Status +Due$"
expect_grep "$T/out" "^$id  2026-04-10 .*保育園業務支援システムの更新"
# Columns line up whatever the width of the text.
awk -v id="$id" 'NR == 1 { h = index($0, "件名") } END {}' "$T/out"
expect_status 0 "$NCIO" -C "$D" list review --format json
/usr/bin/python3 - "$T/out" "$id" <<'EOF' || fail "list --format json"
import json, sys
recs = json.load(open(sys.argv[1]))
assert isinstance(recs, list) and len(recs) == 2, recs
r = [r for r in recs if r["id"] == sys.argv[2]][0]
assert r["fy"] == 2026 and r["received"] == "2026-04-10", r
assert r["title"] == "保育園業務支援システムの更新", r
EOF
expect_status 0 "$NCIO" -C "$D" list review --format csv
expect_grep "$T/out" "^id,received"
# CSV lines end in LF in a pipe and in a file the shell redirects to (as
# every listing verb's do, issue 16 point 2); --crlf gives Excel's CRLF.
checks=$((checks + 1))
! grep -q $'\r' "$T/out" || fail "CSV redirected to a file has a carriage return"
"$NCIO" -C "$D" list review --format csv | tail -n 1 >"$T/piped"
checks=$((checks + 1))
! grep -q $'\r' "$T/piped" || fail "CSV through a pipe has a carriage return"
expect_status 0 "$NCIO" -C "$D" list review --format yaml
expect_grep "$T/out" "^- id: rv-"
expect_status 0 "$NCIO" -C "$D" list review --where type=procurement --format json
$PY -c 'import json,sys; r=json.load(open(sys.argv[1])); assert [x["type"] for x in r]==["procurement"], r' "$T/out" ||
    fail "--where type=procurement"
expect_status 0 "$NCIO" -C "$D" list review --fy 2025 --format json
expect_grep "$T/out" '^\[\]$'
expect_status 0 "$NCIO" -C "$D" list review --columns id,title
expect_no_grep "$T/out" "受付日"
expect_status 2 "$NCIO" -C "$D" list review --format xml
expect_status 2 "$NCIO" -C "$D" list review --fy 26
expect_status 1 "$NCIO" -C "$D" list review --where nosuch=1
expect_status 2 "$NCIO" -C "$D" list review --where novalue
expect_status 2 "$NCIO" -C "$D" list

# --- show --------------------------------------------------------------
expect_status 0 "$NCIO" -C "$D" show "$id"
expect_same "$D/reviews/2026/$id.yaml" "$T/out"
expect_status 0 "$NCIO" -C "$D" show "${id:0:6}"
expect_status 0 "$NCIO" -C "$D" show "${id:3:5}"
expect_same "$D/reviews/2026/$id.yaml" "$T/out"
expect_status 0 "$NCIO" -C "$D" show --format json "$id"
$PY -c 'import json,sys; r=json.load(open(sys.argv[1])); assert isinstance(r, dict) and r["id"]==sys.argv[2]' "$T/out" "$id" ||
    fail "show --format json: one object"
expect_status 0 "$NCIO" -C "$D" show --path "$id"
expect_grep "$T/out" "/reviews/2026/$id\.yaml$"
expect_status 1 "$NCIO" -C "$D" show rv-
expect_grep "$T/err" "ambiguous"
expect_grep "$T/err" "^  $id  reviews/2026/$id\.yaml  保育園業務支援システムの更新$"
expect_status 1 "$NCIO" -C "$D" show zzzzzz
expect_grep "$T/err" "no record with id 'zzzzzz'"
expect_status 2 "$NCIO" -C "$D" show

# Loading and saving an untouched record changes no byte: edit with an
# editor that changes nothing, and with one that rewrites the same text.
cp "$D/reviews/2026/$id.yaml" "$T/before.yaml"
EDITOR=true expect_status 0 "$NCIO" -C "$D" edit "$id"
expect_grep "$T/err" "no changes made"
expect_same "$T/before.yaml" "$D/reviews/2026/$id.yaml"

# --- lint: every problem, with its position ----------------------------
expect_status 0 "$NCIO" -C "$D" lint
expect_grep "$T/err" "no problems"
R=$D/reviews/2026
printf 'id: rv-aaaaaaaa\nfy: 2026\ntype: plan\ntitle: x\norg: nosuch\nstatus: received\nreceived: 2026-04-01\n' >"$R/rv-aaaaaaaa.yaml"
printf 'id: rv-bbbbbbbb\nfy: 2026\ntype: plan\ntitle: [x\n' >"$R/rv-bbbbbbbb.yaml"
printf 'id: rv-cccccccc\nfy: 2026\n<<<<<<< HEAD\ntitle: a\n=======\ntitle: b\n>>>>>>> x\n' >"$R/rv-cccccccc.yaml"
printf 'id: &a rv-dddddddd\nfy: 2026\ntype: !!str plan\ntitle: *a\ntitle: y\n' >"$R/rv-dddddddd.yaml"
printf 'id: rv-eeeeeeee\nfy: 2027\ntype: plan\ntitle: x\norg: hoiku\nstatus: received\nreceived: 2026-04-01\nnote: 123456789018\n' >"$R/rv-eeeeeeee.yaml"
printf 'id: rv-ffffffff\nfy: 2026\ntype: plan\ntitle: x\norg: hoiku\nstatus: received\nreceived: 2026-04-01\n' >"$R/rv-gggggggg.yaml"
mkdir -p "$D/reviews/2027"
cp "$R/$id.yaml" "$D/reviews/2027/$id.yaml"
echo junk >"$R/notes.txt"
expect_status 1 "$NCIO" -C "$D" lint
expect_grep "$T/out" "^reviews/2026/rv-aaaaaaaa\.yaml:5:6: org \(Division\): 'nosuch' is not an organisation code in orgs\.yaml$"
expect_grep "$T/out" "^reviews/2026/rv-bbbbbbbb\.yaml:[0-9]+:[0-9]+: invalid YAML"
expect_grep "$T/out" "^reviews/2026/rv-cccccccc\.yaml:3:1: git conflict marker '<<<<<<<'"
expect_grep "$T/out" "^reviews/2026/rv-cccccccc\.yaml:5:1: git conflict marker '======='"
expect_grep "$T/out" "^reviews/2026/rv-dddddddd\.yaml:1:5: anchors"
expect_grep "$T/out" "^reviews/2026/rv-dddddddd\.yaml:3:7: tags"
expect_grep "$T/out" "^reviews/2026/rv-dddddddd\.yaml:4:8: aliases"
expect_grep "$T/out" "^reviews/2026/rv-dddddddd\.yaml:5:1: duplicate key 'title'"
expect_grep "$T/out" "^reviews/2026/rv-eeeeeeee\.yaml:2:5: fy 2027 does not match the folder"
expect_grep "$T/out" "^reviews/2026/rv-eeeeeeee\.yaml:8:7: note: text '123456789018' is a valid individual number"
expect_grep "$T/out" "^reviews/2026/rv-gggggggg\.yaml:1:5: id 'rv-ffffffff' does not match the file name"
expect_grep "$T/out" "^reviews/2027/$id\.yaml: duplicate id '$id'"
expect_grep "$T/out" "^reviews/2027/$id\.yaml:2:5: fy 2026 does not match the folder"
expect_grep "$T/out" "^reviews/2026/notes\.txt: not a record file"
expect_grep "$T/err" "^[0-9]+ problems in 8 files \([0-9]+ checked\)$"
# Only the given paths.
expect_status 0 "$NCIO" -C "$D" lint "$R/$id.yaml"
expect_status 1 "$NCIO" -C "$D" lint "$R/rv-aaaaaaaa.yaml"
[ "$(wc -l <"$T/out")" -eq 1 ] || fail "lint of one file reported others"
expect_status 1 "$NCIO" -C "$D" lint "$T/outside"
expect_grep "$T/out" "not inside the data directory"
# The org list and config are checked too.
cp "$D/orgs.yaml" "$T/orgs.yaml"
printf 'departments:\n  - code: a\n    name: x\n' >"$D/orgs.yaml"
for x in a b c d e g; do rm -f "$R/rv-$x$x$x$x$x$x$x$x.yaml"; done
rm -f "$R/notes.txt"
rm -rf "$D/reviews/2027"
expect_status 1 "$NCIO" -C "$D" lint
expect_grep "$T/out" "^orgs\.yaml:2:11: .*pattern"
expect_grep "$T/out" "^reviews/2026/$id\.yaml:5:6: org .*'hoiku' is not an organisation code"
# A code used twice is reported where it stands the second time.
printf 'departments:\n  - code: kikaku\n    name: 企画部\n    divisions:\n      - code: hoiku\n        name: 保育課\n      - code: hoiku\n        name: 別の課\n' >"$D/orgs.yaml"
expect_status 1 "$NCIO" -C "$D" lint
expect_grep "$T/out" "^orgs\.yaml:7:15: code 'hoiku' is used twice$"
cp "$T/orgs.yaml" "$D/orgs.yaml"
expect_status 0 "$NCIO" -C "$D" lint
# And the calendar's closures.
printf 'closures:\n  - date: 2026-02-30\n    name: 臨時閉庁\n' >"$D/closures.yaml"
expect_status 1 "$NCIO" -C "$D" lint
expect_grep "$T/out" "^closures\.yaml:2:11: "
rm "$D/closures.yaml"

# --- conventions -------------------------------------------------------
for v in init add list show edit lint cal; do
	expect_status 0 "$NCIO" "$v" --help
	expect_grep "$T/out" "^usage: nerima-cio $v"
done
expect_status 0 "$NCIO" --help
expect_status 0 "$NCIO" --version
expect_grep "$T/out" "^nerima-cio [0-9]"
expect_status 2 "$NCIO"
expect_status 2 "$NCIO" nosuchverb
expect_status 2 "$NCIO" --bogus
expect_status 2 "$NCIO" list --bogus review
# A closed stdout is an error, not silence.
if [ -w /dev/full ]; then
	"$NCIO" -C "$D" list review >/dev/full 2>"$T/err" && fail "write to /dev/full succeeded"
	expect_grep "$T/err" "cannot write output"
fi

finish
