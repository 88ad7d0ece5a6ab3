#!/bin/bash
# Every case of the YAML test suite placed as a record: lint must answer
# with a clean result or a clear path:line:column error, never a crash, a
# hang or a sanitizer report.
. "$(dirname "$0")/lib/common.bash"

S=${NCIO_YAML_SUITE:-$NCIO_SOURCE_DIR/tests/data/yaml-test-suite}
[ -d "$S" ] || { echo "FAIL: no test suite at $S" >&2; exit 1; }
D=$T/data
"$NCIO" init --no-git "$D" 2>/dev/null
mkdir -p "$D/reviews/2026"
rec=$D/reviews/2026/rv-00000001.yaml
n=0 clean=0 errors=0 invalid_seen=0

for c in "$S"/*/; do
	[ -f "$c/in.yaml" ] || continue
	n=$((n + 1))
	cp "$c/in.yaml" "$rec"
	got=0
	timeout 20 "$NCIO" -C "$D" lint >"$T/out" 2>"$T/err" || got=$?
	name=$(basename "$c")
	checks=$((checks + 1))
	case $got in
	0) clean=$((clean + 1)) ;;
	1) errors=$((errors + 1)) ;;
	124) fail "$name: lint hung" ;;
	*) fail "$name: lint exited $got"; sed 's/^/  /' "$T/err" >&2 ;;
	esac
	if grep -Eq 'AddressSanitizer|LeakSanitizer|runtime error' "$T/err"; then
		fail "$name: sanitizer report"
		sed 's/^/  /' "$T/err" >&2
	fi
	# Every problem names the file (and a position when it has one).
	if grep -Evq '^reviews/2026/rv-00000001\.yaml(:[0-9]+:[0-9]+)?: .+' "$T/out"; then
		fail "$name: a problem without its file and position"
		sed 's/^/  | /' "$T/out" >&2
	fi
	if [ "$got" = 1 ] && [ ! -s "$T/out" ]; then
		fail "$name: failed without saying why"
	fi
	# Input the suite marks as invalid YAML is never accepted as clean.
	if [ -f "$c/error" ]; then
		invalid_seen=$((invalid_seen + 1))
		[ "$got" = 0 ] && fail "$name: invalid YAML passed lint"
	fi
done
echo "$n cases: $clean clean, $errors reported ($invalid_seen invalid YAML)"
[ "$n" -gt 300 ] || fail "only $n cases found"
finish
