#!/bin/bash
# The benchmark pipeline at its smallest scale (issue 7): the generator
# writes a valid, canonical, deterministic data directory; lint, list and
# show work on it; the floor program and the Python peer agree with them on
# the record count; the harness runs end to end in --quick mode.  No timing
# is asserted: timing lives in tests/bench/run, never in a test.
set -eu

: "${NCIO:?set NCIO to the nerima-cio binary}"
: "${NCIO_SOURCE_DIR:?set NCIO_SOURCE_DIR to the source tree}"
unset NERIMA_CIO_DIR

bench=$NCIO_SOURCE_DIR/tests/bench
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export NCIO_BENCH_BIN=$tmp/bin
mkdir -p "$tmp/bin"

failures=0
fail() {
	echo "FAIL: $*" >&2
	failures=$((failures + 1))
}

# run_ok NAME CMD...: the command must exit 0; its stdout is in $tmp/out.
run_ok() {
	local name=$1 status=0
	shift
	"$@" >"$tmp/out" 2>"$tmp/err" || status=$?
	if [ "$status" -ne 0 ]; then
		fail "$name: exit status $status"
		head -20 "$tmp/err" >&2
		return 1
	fi
}

gen() {
	"$bench/gen" --years 1 --scale 0.05 "$@" 2>/dev/null
}

# --- Generator: valid, deterministic ----------------------------------------
data=$tmp/data
gen --seed 7 -o "$data" || { echo "FAIL: gen" >&2; exit 1; }
gen --seed 7 -o "$tmp/again"
diff -r "$data" "$tmp/again" >/dev/null ||
    fail "gen is not deterministic: two runs with seed 7 differ"
gen --seed 8 -o "$tmp/other"
diff -r "$data" "$tmp/other" >/dev/null &&
    fail "gen ignores --seed: seeds 7 and 8 give the same data"
gen --seed 7 -o "$data" && fail "gen writes into a non-empty directory"

records=$(find "$data" -mindepth 3 -maxdepth 3 -name '*.yaml' | wc -l)
reviews=$(find "$data/reviews" -name '*.yaml' | wc -l)
checklists=$(find "$data/checklists" -name '*.yaml' | wc -l)
[ "$records" -gt 40 ] || fail "gen wrote only $records records"
for kind in catalogs reviews audits checklists trainings consults meetings \
    issues incidents pias; do
	ls "$data/$kind/2026/"*.yaml >/dev/null 2>&1 ||
	    fail "gen wrote no $kind"
done

# ten years are lint clean too (document numbers unique in each year: the
# generator once gave two audits of a year one number, and run stopped at
# the 10-year data)
"$bench/gen" --years 10 --scale 0.05 -o "$tmp/ten" 2>/dev/null ||
    fail "gen --years 10"
run_ok "lint of ten years" "$NCIO" -C "$tmp/ten" lint
rm -rf "$tmp/ten"

# --- nerima-cio: lint, list, show -------------------------------------------
if run_ok lint "$NCIO" -C "$data" lint; then
	n=$(sed -n 's/^\([0-9]*\) files checked, no problems$/\1/p' "$tmp/err")
	[ "$n" = $((records + 2)) ] ||
	    fail "lint checked '$n' files, want $records records + 2"
fi
if run_ok "list review" "$NCIO" -C "$data" list review --format json; then
	n=$(/usr/bin/python3 -c 'import json, sys
print(len(json.load(open(sys.argv[1]))))' "$tmp/out")
	[ "$n" = "$reviews" ] || fail "list review: $n records, want $reviews"
fi
if run_ok "list checklist" "$NCIO" -C "$data" list checklist --format json
then
	n=$(/usr/bin/python3 -c 'import json, sys
print(len(json.load(open(sys.argv[1]))))' "$tmp/out")
	[ "$n" = "$checklists" ] ||
	    fail "list checklist: $n records, want $checklists"
fi
idfile=$(find "$data/reviews" -name '*.yaml' | sort | head -1)
id=$(basename "$idfile" .yaml)
prefix=${id:0:8}
if run_ok "show $prefix" "$NCIO" -C "$data" show "$prefix"; then
	[ "$(head -1 "$tmp/out")" = "id: $id" ] ||
	    fail "show $prefix: first line '$(head -1 "$tmp/out")'"
fi

# --- The floor agrees -------------------------------------------------------
read -r -a yaml_flags <<<"$(pkg-config --cflags --libs yaml-0.1)"
cc -O2 -std=c11 -Wall -Wextra -Wpedantic -o "$tmp/bin/floor" \
    "$bench/floor.c" "${yaml_flags[@]}"
for mode in parse read; do
	if run_ok "floor $mode" "$tmp/bin/floor" "$mode" "$data"; then
		read -r _ n _ files _ bytes _ events <"$tmp/out"
		[ "$n" = "$records" ] ||
		    fail "floor $mode: $n records, want $records"
		[ "$files" = $((records + 2)) ] ||
		    fail "floor $mode: $files files, want $((records + 2))"
		[ "$bytes" -gt 0 ] || fail "floor $mode: no bytes read"
		if [ $mode = parse ]; then
			[ "$events" -gt "$records" ] ||
			    fail "floor parse: only $events events"
		fi
	fi
done
if run_ok "floor -m" "$tmp/bin/floor" parse -m "$prefix" "$data"; then
	read -r _ n _ <"$tmp/out"
	[ "$n" = 1 ] || fail "floor parse -m $prefix: $n records, want 1"
fi
echo "bad: [" >"$tmp/bad.yaml"
"$tmp/bin/floor" parse "$tmp/bad.yaml" >/dev/null 2>&1 &&
    fail "floor parse accepts invalid YAML"

# --- The peer agrees (when PyYAML is there) ---------------------------------
if /usr/bin/python3 -c 'import yaml; yaml.CSafeLoader' 2>/dev/null; then
	peer=(/usr/bin/python3 "$bench/peer.py")
	if run_ok "peer lint" "${peer[@]}" lint "$data"; then
		[ "$(tail -1 "$tmp/out")" = "records $records problems 0" ] ||
		    fail "peer lint: '$(tail -1 "$tmp/out")'"
	fi
	if run_ok "peer list" "${peer[@]}" list "$data" review; then
		n=$(($(wc -l <"$tmp/out") - 1))
		[ "$n" = "$reviews" ] ||
		    fail "peer list: $n rows, want $reviews"
	fi
	run_ok "peer show" "${peer[@]}" show "$data" "$prefix" &&
	    ! grep -q "^id: $id\$" "$tmp/out" && fail "peer show: no id line"
	# The peer's validation must catch a broken record.
	cp -r "$data" "$tmp/broken"
	sed -i 's/^fy: .*/fy: twenty/' "$tmp/broken/reviews/2026/$id.yaml"
	"${peer[@]}" lint "$tmp/broken" >/dev/null 2>&1 &&
	    fail "peer lint passes a record whose fy is not a number"
	"$NCIO" -C "$tmp/broken" lint >/dev/null 2>&1 &&
	    fail "lint passes a record whose fy is not a number"
else
	echo "skip: /usr/bin/python3 has no PyYAML C loader; peer not run" >&2
fi

# --- The harness, end to end ------------------------------------------------
if run_ok "run --quick" "$bench/run" --quick --ncio "$NCIO" \
    --workdir "$tmp/bench"; then
	rows=$(grep -c '^| .* FY |' "$tmp/out" || true)
	[ "$rows" -ge 4 ] || fail "run --quick printed $rows operation rows"
	# the build tree has the layers canon.c links with: the check must
	# run (it was skipped in silence when the one libncio.a became
	# per-layer libraries)
	if grep -q 'canonical form not checked' "$tmp/err"; then
		if [ -f "$(dirname "$NCIO")/libncio_core.a" ]; then
			fail "run --quick did not check the canonical form"
			grep 'canonical' "$tmp/err" >&2
		else
			echo "note: canonical form not checked" >&2
		fi
	fi
fi

if [ $failures -gt 0 ]; then
	echo "$failures failure(s)" >&2
	exit 1
fi
echo "ok: bench smoke ($records records)"
