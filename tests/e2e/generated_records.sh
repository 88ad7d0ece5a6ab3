#!/bin/bash
# Two years of the benchmark generator's records agree with themselves
# (review15 read the second year's documents): statuses with the
# history and dates they go with (issues, audits, incidents), approvers
# the config's rules give, no comparison with an earlier year in free
# text, incident texts that fit their category, minutes that cover every
# item of the 次第, a catalog that keeps last year's questions under
# their codes.  tests/bench/records_agree.py checks each; lint as well.
. "$(dirname "$0")/lib/common.bash"

PY=/usr/bin/python3
if ! $PY -c 'import yaml' 2>/dev/null; then
	echo "SKIP: python3-yaml is not installed" >&2
	exit 77
fi
export NCIO_BENCH_BIN=$T/bin
mkdir -p "$T/bin"
D=$T/gen
"$NCIO_SOURCE_DIR/tests/bench/gen" --years 2 --first-fy 2026 -o "$D" \
    >/dev/null 2>&1 || { fail "the generator failed"; exit 1; }
expect_status 0 "$NCIO" -C "$D" lint
grep -q 'no problems' "$T/out" "$T/err" ||
    fail "lint: $(cat "$T/out" "$T/err")"
expect_status 0 $PY "$NCIO_SOURCE_DIR/tests/bench/records_agree.py" "$D"
finish
