#!/bin/bash
# Bounded work (issue 11, defect 6): records built to make the reader work
# hard -- 200 KB of nested flow sequences, a file over the size limit, a
# mapping of too many keys, a 4 MB line, thousands of problems -- are
# refused quickly ('timeout 10'), each with one clear problem naming the
# file and the position; list and show are as quick.
. "$(dirname "$0")/lib/common.bash"

D=$T/data
"$NCIO" init --no-git "$D" 2>/dev/null
mkdir -p "$D/issues/2026"
f=$D/issues/2026/is-00000001.yaml
rel=issues/2026/is-00000001.yaml

# quick WANT CMD...: CMD ends within 10 seconds with exit WANT.
quick() {
	local want=$1 got=0
	shift
	checks=$((checks + 1))
	timeout 10 "$@" >"$T/out" 2>"$T/err" || got=$?
	if [ "$got" = 124 ]; then
		fail "did not return within 10 seconds: $*"
	elif [ "$got" != "$want" ]; then
		fail "exit $got, want $want: $*"
		head -c 2000 "$T/err" | sed 's/^/  | /' >&2
	fi
}

$PY -c "import sys; sys.stdout.write('id: is-00000001\ntitle: ' + '[' * 200000 + '\n')" >"$f"
quick 1 "$NCIO" -C "$D" lint
expect_grep "$T/out" "^$rel:2:71: nesting deeper than 64 levels$"
[ "$(grep -c "^$rel" "$T/out")" = 1 ] || fail "nesting: more than one problem"
# list skips it (and says so, failing), show refuses it, both at once.
quick 1 "$NCIO" -C "$D" list issue
expect_grep "$T/err" "skipped $rel"
quick 1 "$NCIO" -C "$D" show is-00000001
expect_grep "$T/err" "nesting deeper than 64 levels"

$PY -c "import sys; sys.stdout.write('# x\n' * 1200000)" >"$f"
quick 1 "$NCIO" -C "$D" lint
expect_grep "$T/out" "^$rel: a file of 4800000 bytes; a record is at most 4 MiB$"
quick 1 "$NCIO" -C "$D" list issue
quick 1 "$NCIO" -C "$D" show is-00000001
expect_grep "$T/err" 'larger than 4 MiB'

$PY -c "
import sys
for i in range(10001): sys.stdout.write('k%d: %d\n' % (i, i))" >"$f"
quick 1 "$NCIO" -C "$D" lint
expect_grep "$T/out" "^$rel:10001:1: more than 10000 keys in one mapping; stopped reading$"

$PY -c "
import sys
sys.stdout.write('k0: 0\n')
for i in range(1, 200000): sys.stdout.write('k%d: %d\n' % (i % 5000, i))" >"$f"
quick 1 "$NCIO" -C "$D" lint
expect_grep "$T/out" "^$rel:5001:1: duplicate key 'k0' \(first at line 1\)$"
expect_grep "$T/out" "more than 100 problems; stopped reading"

$PY -c "import sys; sys.stdout.write('id: is-00000001\nfy: 2026\ntitle: ' + 'x' * 4000000 + '\n')" >"$f"
quick 1 "$NCIO" -C "$D" lint
expect_grep "$T/out" "^$rel:.*title"

$PY -c "
import sys
for i in range(100000): sys.stdout.write('- &a%d x\n' % i)" >"$f"
quick 1 "$NCIO" -C "$D" lint
[ "$(grep -c "^$rel" "$T/out")" -le 102 ] || fail "anchors: too many problems"
expect_grep "$T/out" "more than 100 problems; stopped reading"

$PY -c "
import sys
sys.stdout.write('id: is-00000001\n---\n' + '[' * 100000 + '\n')" >"$f"
quick 1 "$NCIO" -C "$D" lint
expect_grep "$T/out" "^$rel:2:1: a second document in the file"
finish
