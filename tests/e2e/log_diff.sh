#!/bin/bash
# nerima-cio log and diff: a record's history from git, and the records
# changed since a commit, summarised field by field.  The data directory
# sits below the top of its repository, in a folder whose name has a
# space and Japanese in it, as a team's might.
. "$(dirname "$0")/lib/common.bash"

if ! command -v git >/dev/null 2>&1; then
	echo "SKIP: git is not installed" >&2
	exit 77
fi

repo=$T/repo
data="$repo/練馬 data"
mkdir -p "$repo"
sample_copy "$data"
export GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1
g() { git -C "$repo" -c init.defaultBranch=main "$@" >/dev/null; }
commit_as() {
	GIT_AUTHOR_NAME=$1 GIT_AUTHOR_EMAIL=$2 \
	GIT_AUTHOR_DATE=$3 GIT_COMMITTER_DATE=$3 \
	    git -C "$repo" commit -q -am "$4"
}
n() { "$NCIO" -C "$data" "$@"; }
rv=reviews/2026/rv-1t5grk0g.yaml

# Outside git: a message that says so and what to do.
expect_status 1 n log rv-1t5g
expect_grep "$T/err" "is not in a git repository.*git init"
expect_status 1 n diff
expect_grep "$T/err" "is not in a git repository"

g init
g add -A
GIT_AUTHOR_NAME='見本 花子' GIT_AUTHOR_EMAIL=hanako@example.invalid \
GIT_AUTHOR_DATE='2026-06-01T09:00:00+09:00' \
GIT_COMMITTER_DATE='2026-06-01T09:00:00+09:00' \
    git -C "$repo" commit -q -m "sample data"

expect_status 0 n diff
expect_grep "$T/out" '^no record changed$'
expect_status 0 n log rv-1t5g
expect_grep "$T/out" '^2026-06-01 09:00  見本 花子  [0-9a-f]{8}  sample data$'
expect_grep "$T/out" '^    created$'

# A field changed, an item appended to a list, a field removed.
sed -i -e 's/^status: submitted$/status: decided/' \
    -e '/^negotiation_attended:/d' "$data/$rv"
/usr/bin/python3 - "$data/$rv" <<'EOF'
import sys, yaml
p = sys.argv[1]
text = open(p, encoding='utf-8').read()
text = text.replace("findings:\n", """  - round: 2
    method: email
    sent: 2026-06-05
findings:
""", 1)
open(p, 'w', encoding='utf-8').write(text)
yaml.load(text, Loader=yaml.CSafeLoader)
EOF

# Not committed yet: diff and log both see it.
expect_status 0 n diff
cp "$T/out" "$T/diff1"
expect_grep "$T/diff1" '^changed  rv-1t5grk0g  保育所入所選考システム再構築に係る提案依頼書（案）への意見$'
expect_grep "$T/diff1" '^    status: submitted → decided$'
expect_grep "$T/diff1" '^    hearings\[2\] added$'
expect_grep "$T/diff1" '^    negotiation_attended: false \(removed\)$'
expect_grep "$T/diff1" '^0 added, 1 changed, 0 removed$'
expect_no_grep "$T/diff1" '^[-+@]'
expect_status 0 n log 1t5g
expect_grep "$T/out" '^not committed$'
expect_grep "$T/out" '^    status: submitted → decided$'

commit_as '架空 太郎' taro@example.invalid '2026-06-10T14:30:00+09:00' \
    "decide rv-1t5grk0g"

# A new record not yet added to git, and one removed.
sed -e 's/^id: rv-2k8m4p6q$/id: rv-zz8m4p6q/' \
    "$data/reviews/2026/rv-2k8m4p6q.yaml" >"$data/reviews/2026/rv-zz8m4p6q.yaml"
git -C "$repo" rm -q "$data/reviews/2026/rv-3n7r5t9w.yaml"
expect_status 0 n diff
cp "$T/out" "$T/diff2"
expect_grep "$T/diff2" '^added    rv-zz8m4p6q  住民税課税資料のAI-OCR読取りの導入$'
expect_grep "$T/diff2" '^removed  rv-3n7r5t9w  就学援助システムの改修（オンライン申請対応）$'
expect_grep "$T/diff2" '^1 added, 0 changed, 1 removed$'
expect_status 0 n diff --format json
/usr/bin/python3 - "$T/out" <<'EOF' || fail "diff --format json"
import json, sys
d = json.load(open(sys.argv[1], encoding='utf-8'))
by = {e['id']: e for e in d}
assert by['rv-zz8m4p6q']['status'] == 'added', by
assert by['rv-zz8m4p6q']['kind'] == 'review'
assert by['rv-3n7r5t9w']['status'] == 'removed'
assert by['rv-3n7r5t9w']['title'] == '就学援助システムの改修（オンライン申請対応）'
assert by['rv-3n7r5t9w']['path'] == 'reviews/2026/rv-3n7r5t9w.yaml'
EOF
git -C "$repo" add -A
commit_as '見本 花子' hanako@example.invalid '2026-06-11T10:00:00+09:00' \
    "add and remove"

# The history, newest first, with who and when.
expect_status 0 n log rv-1t5g
cp "$T/out" "$T/log"
expect_grep "$T/log" '^2026-06-10 14:30  架空 太郎  [0-9a-f]{8}  decide rv-1t5grk0g$'
expect_grep "$T/log" '^    status: submitted → decided$'
expect_grep "$T/log" '^    hearings\[2\] added$'
expect_no_grep "$T/log" '^not committed'
checks=$((checks + 1))
if [ "$(grep -n '架空 太郎' "$T/log" | cut -d: -f1)" -gt \
    "$(grep -n 'sample data' "$T/log" | cut -d: -f1)" ]; then
	fail "log is not newest first"
fi
expect_status 0 n log -n 1 rv-1t5g
expect_no_grep "$T/out" 'sample data'
expect_status 0 n log --format json rv-1t5g
/usr/bin/python3 - "$T/out" <<'EOF' || fail "log --format json"
import json, sys
d = json.load(open(sys.argv[1], encoding='utf-8'))
assert [e['author'] for e in d] == ['架空 太郎', '見本 花子'], d
assert d[0]['date'] == '2026-06-10T14:30:00+09:00'
assert d[0]['status'] == 'changed' and d[1]['status'] == 'created'
ch = {c['path']: c for c in d[0]['changes']}
assert ch['status'] == {'op': 'changed', 'path': 'status',
    'old': 'submitted', 'new': 'decided'}, ch['status']
assert ch['hearings[2]']['op'] == 'added'
assert ch['hearings[2]']['new']['method'] == 'email'
assert ch['negotiation_attended']['op'] == 'removed'
assert d[1]['changes'] == []
EOF

# Between two commits, and what a branch did since it left main.
expect_status 0 n diff HEAD~2 HEAD~1
expect_grep "$T/out" '^changed  rv-1t5grk0g  '
expect_grep "$T/out" '^0 added, 1 changed, 0 removed$'
expect_status 0 n diff HEAD~2..HEAD
expect_grep "$T/out" '^1 added, 1 changed, 1 removed$'
g checkout -q -b teammate
sed -i 's/^status: decided$/status: on-hold/' "$data/$rv"
commit_as '試験 一郎' ichiro@example.invalid '2026-06-12T09:00:00+09:00' \
    "hold it"
g checkout -q main
sed -i 's/^status: decided$/status: withdrawn/' \
    "$data/reviews/2026/rv-4aswt9bc.yaml"
commit_as '見本 花子' hanako@example.invalid '2026-06-12T10:00:00+09:00' \
    "withdraw another"
expect_status 0 n diff HEAD...teammate
cp "$T/out" "$T/merge"
expect_grep "$T/merge" '^    status: decided → on-hold$'
expect_no_grep "$T/merge" 'rv-4aswt9bc'
expect_status 0 n diff HEAD..teammate
expect_grep "$T/out" 'rv-4aswt9bc'

# A record moved to another fiscal year keeps its history.
mkdir -p "$data/reviews/2027"
git -C "$repo" mv "$data/$rv" "$data/reviews/2027/rv-1t5grk0g.yaml"
commit_as '見本 花子' hanako@example.invalid '2026-06-13T10:00:00+09:00' \
    "move to 2027"
expect_status 0 n log rv-1t5g
expect_grep "$T/out" '^    moved from reviews/2026/rv-1t5grk0g.yaml$'
expect_grep "$T/out" '^    status: submitted → decided$'
expect_grep "$T/out" '^    created$'
expect_status 0 n diff HEAD~1
expect_grep "$T/out" '^moved    rv-1t5grk0g  '

# A version that is not YAML (a conflict left in a commit) is named, not
# a failure.
printf '<<<<<<< ours\nstatus: x\n=======\nstatus: y\n>>>>>>> theirs\n' \
    >>"$data/reviews/2027/rv-1t5grk0g.yaml"
expect_status 0 n diff
expect_grep "$T/out" 'not readable as YAML'

# Usage.
expect_status 2 n log
expect_grep "$T/err" '^usage: nerima-cio log \[-n N\] \[--format text\|json\] ID$'
expect_status 2 n diff a b c
expect_grep "$T/err" "unexpected argument 'c'"
expect_status 1 n diff no-such-rev
expect_grep "$T/err" "git diff failed: .*no-such-rev"
expect_status 1 n log rv-nosuch
finish
