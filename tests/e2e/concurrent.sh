#!/bin/bash
# Two processes creating 200 records each at once: 400 valid, distinct
# records, nothing interleaved, nothing lost.
. "$(dirname "$0")/lib/common.bash"

D=$T/data
"$NCIO" init --no-git "$D" 2>/dev/null

writer() {
	local tag=$1 i
	for i in $(seq 1 200); do
		"$NCIO" -C "$D" add issue title="並行作成 $tag $i" \
		    raised=2026-06-01 status=open >>"$T/ids.$tag" 2>>"$T/err.$tag" ||
		    echo "add $tag $i failed" >>"$T/fail.$tag"
	done
}
writer a &
writer b &
wait

checks=$((checks + 1))
for tag in a b; do
	if [ -s "$T/fail.$tag" ] || [ "$(wc -l <"$T/ids.$tag")" -ne 200 ]; then
		fail "writer $tag: $(cat "$T/fail.$tag" 2>/dev/null | head -3)"
		head -5 "$T/err.$tag" >&2
	fi
done
sort "$T/ids.a" "$T/ids.b" | uniq >"$T/ids"
[ "$(wc -l <"$T/ids")" -eq 400 ] || fail "$(wc -l <"$T/ids") distinct ids, want 400"
files=$(find "$D/issues" -name '*.yaml' | wc -l)
[ "$files" -eq 400 ] || fail "$files record files, want 400"
leftovers=$(find "$D" -name '*.tmp*' | wc -l)
[ "$leftovers" -eq 0 ] || fail "$leftovers temporary files left behind"
expect_status 0 "$NCIO" -C "$D" lint
expect_status 0 "$NCIO" -C "$D" list issue --format json
/usr/bin/python3 - "$T/out" <<'PY' || fail "the 400 titles are not all there"
import json, sys
titles = sorted(r["title"] for r in json.load(open(sys.argv[1])))
want = sorted(f"並行作成 {t} {i}" for t in "ab" for i in range(1, 201))
assert titles == want, (len(titles), titles[:3])
PY
finish
