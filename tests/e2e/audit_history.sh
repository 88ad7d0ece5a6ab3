#!/bin/bash
# audit_history: a finding's status history is never lost.  `nerima-cio
# edit` logs a finding's change of status in its status_history (dated
# today, as it logs a record's), unless the edit logged it itself; and
# lint warns of a history that contradicts itself, the finding, the audit
# or its follow-up (file, line and field each).
. "$(dirname "$0")/lib/common.bash"

export NERIMA_CIO_TODAY=2027-02-01
A=audits/2026/au-02zk1v64.yaml	# the sample's audit, followed up 2027-01-20

# hist FILE NUM TEXT: TEXT (a status_history) after finding NUM's
# response_date in FILE, in place of the one it has (the sample's
# finding 3 keeps its confirmation's)
hist() {
	"$PY" - "$@" <<'PY'
import re, sys
path, num, text = sys.argv[1], sys.argv[2], sys.argv[3]
s = open(path).read()
m = re.search(r"^  - number: %s\n(?:    .*\n)*?    response_date: .*\n" % num,
              s, re.M)
assert m, "no finding %s" % num
h = re.compile(r"    status_history:\n(?:      .*\n)*")
body = s[m.start():]
end = re.search(r"^  - number: |^[a-z]", body[1:], re.M)
end = len(body) if end is None else end.start() + 1
f = h.sub("", body[:end], count=1)
s = s[:m.start()] + f + body[end:]
m = re.search(r"^  - number: %s\n(?:    .*\n)*?    response_date: .*\n" % num,
              s, re.M)
open(path, "w").write(s[:m.end()] + text + s[m.end():])
PY
}

# --- a follow-up's result written back keeps the status it replaces -------
P=$T/prop
sample_copy "$P"
# the follow-up (2027-01-20) accepts finding 4 of the audit, 是正済 since
# its 回答日 (2026-09-04), due 2026-10-30
expect_status 0 "$NCIO" -C "$P" audit finding au-dhe0m1pn 3 --status accepted
"$PY" - "$P/$A" >"$T/f4" <<'PY'
import sys
s = open(sys.argv[1]).read()
print(s.partition("  - number: 4\n")[2].partition("  - number: 5\n")[0])
PY
expect_grep "$T/f4" '^    status: accepted$'
expect_grep "$T/f4" '^      - date: 2027-01-20$'
expect_grep "$T/f4" '^        from: corrected$'
expect_grep "$T/f4" '^        to: accepted$'
expect_status 0 "$NCIO" -C "$P" lint
expect_no_grep "$T/err" 'warning'
# the status it has already, dated, is no change: nothing more is
# logged (an accepted -> accepted entry dated before the last change put
# the history out of order and lint warned; lint42, stop 42)
expect_status 0 "$NCIO" -C "$P" audit finding au-02zk1v64 4 \
    --status accepted --date 2027-01-10
checks=$((checks + 1))
[ "$(sed -n '/^  - number: 4$/,/^  - number: 5$/p' "$P/$A" |
    grep -c '^      - date: ')" -eq 1 ] ||
    fail "a dated status the finding already has was logged as a change"
expect_status 0 "$NCIO" -C "$P" lint
expect_no_grep "$T/err" 'warning'
# the 実施結果報告書 of 令和8年12月25日 counts it 是正済, not late, as
# before the follow-up (it read 是正中 and counted 7; 5 with finding 3
# 是正済 by its own history, rev21c M1)
expect_status 0 "$NCIO" -C "$P" audit export results --fy 2026 \
    --date 2026-12-25 -o "$T/res/"
unzip -p "$T"/res/*.docx word/document.xml | sed 's/<[^>]*>/ /g; s/  */ /g' \
    >"$T/res.txt"
expect_grep "$T/res.txt" '是正されていない（是正状況が未是正または是正中の）指摘が 5 件'

# --- nerima-cio edit logs a finding's change of status --------------------
D=$T/edit
sample_copy "$D"
B=audits/2026/au-6m07cmgm.yaml	# agreed, four findings 未是正
# an editor that makes finding 1 (未是正) 是正中
cat >"$T/ed-status" <<'EOF'
#!/bin/sh
sed -i '/^  - number: 1$/,/^  - number: 2$/s/^    status: open$/    status: in-progress/' "$1"
EOF
chmod +x "$T/ed-status"
NERIMA_CIO_TODAY=2027-01-10 EDITOR=$T/ed-status \
    expect_status 0 "$NCIO" -C "$D" edit au-6m07cmgm
expect_grep "$T/err" '^finding 1: the change of status \(open -> in-progress\) is logged in its status_history, dated 2027-01-10$'
"$PY" - "$D/$B" >"$T/f1" <<'PY'
import sys
s = open(sys.argv[1]).read()
print(s.partition("  - number: 1\n")[2].partition("  - number: 2\n")[0])
PY
expect_grep "$T/f1" '^    status: in-progress$'
expect_grep "$T/f1" '^    status_history:$'
expect_grep "$T/f1" '^      - date: 2027-01-10$'
expect_grep "$T/f1" '^        from: open$'
expect_grep "$T/f1" '^        to: in-progress$'
expect_status 0 "$NCIO" -C "$D" lint
expect_no_grep "$T/err" 'warning'
# an edit that logs the change itself (its own day) is taken as it is
cat >"$T/ed-logged" <<'EOF'
#!/bin/sh
sed -i -e '/^  - number: 1$/,/^  - number: 2$/s/^    status: in-progress$/    status: corrected/' \
    -e 's/^        to: in-progress$/        to: in-progress\n      - date: 2027-01-20\n        from: in-progress\n        to: corrected/' "$1"
EOF
chmod +x "$T/ed-logged"
EDITOR=$T/ed-logged expect_status 0 "$NCIO" -C "$D" edit au-6m07cmgm
expect_no_grep "$T/err" 'is logged'
expect_grep "$D/$B" '^      - date: 2027-01-20$'
n=$(grep -c '^      - date:' "$D/$B" || true)
[ "$n" = 2 ] || fail "finding 1 has $n changes logged, want 2"
expect_status 0 "$NCIO" -C "$D" lint
expect_no_grep "$T/err" 'warning'

# --- lint: the sample has no history and warns of none --------------------
expect_status 0 "$NCIO" -C "$NCIO_SAMPLE_DIR" lint
expect_no_grep "$T/err" 'warning'

# --- lint: histories that contradict ----------------------------------------
L=$T/lint
sample_copy "$L"
# changes NUM DATE:FROM:TO...: finding NUM's status_history in $L/$A, a
# change per argument
changes() {
	local num=$1 e d f t text='    status_history:
'
	shift
	for e in "$@"; do
		IFS=: read -r d f t <<<"$e"
		text+="      - date: $d
        from: $f
        to: $t
"
	done
	hist "$L/$A" "$num" "$text"
}
# finding 1 (是正中): out of order, a status that is none, and the last
# change is not the finding's status
changes 1 2026-09-04:open:in-progress 2026-08-20:in-progress:done
# finding 2: a change before the audit (2026-07-15)
changes 2 2026-07-01:open:accepted
# finding 3: 是正中 again on 2027-01-25, after the follow-up of 2027-01-20
# accepted it
changes 3 2026-09-04:open:corrected 2027-01-25:corrected:in-progress \
    2027-01-28:in-progress:accepted
# finding 5 (是正済): changes that do not follow on
changes 5 2026-08-01:open:in-progress 2026-09-04:open:corrected
expect_status 0 "$NCIO" -C "$L" lint
expect_grep "$T/err" "^$A: warning: findings\\[0\\]\\.status_history\\[1\\]\\.date 2026-08-20 is before the change above it \\(2026-09-04\\)"
expect_grep "$T/err" "^$A: warning: findings\\[0\\]\\.status_history\\[1\\]\\.to 'done' is not a 是正状況"
expect_grep "$T/err" "^$A: warning: findings\\[0\\]\\.status 'in-progress' is not the last change logged in its status_history \\('done'\\)"
expect_grep "$T/err" "^$A: warning: findings\\[1\\]\\.status_history\\[0\\]\\.date 2026-07-01 is before the audit's date \\(2026-07-15\\)"
expect_grep "$T/err" "^$A: warning: findings\\[2\\]\\.status_history\\[1\\] makes finding 3 'in-progress' on 2027-01-25, after the follow-up au-dhe0m1pn accepted it \\(是正確認済\\) on 2027-01-20"
expect_grep "$T/err" "^$A: warning: findings\\[4\\]\\.status_history\\[1\\] changes from 'open', but the change before it left 'in-progress'"
# and only these
n=$(grep -c 'status_history\|status .* is not the last' "$T/err" || true)
[ "$n" = 6 ] || fail "lint gave $n history warnings, want 6"
# the line is the entry's (finding 1's second change), for an editor
line=$(grep -n '^      - date: 2026-08-20$' "$L/$A" | cut -d: -f1)
expect_status 0 "$NCIO" -C "$L" lint --format csv
expect_grep "$T/out" "^$A,$line,[0-9]+,\"?findings\\[0\\]\\.status_history\\[1\\]\\.date 2026-08-20"

finish
