#!/bin/bash
# Two years of the benchmark generator's records agree with themselves
# (review15 read the second year's documents): statuses with the
# history and dates they go with (issues, audits, incidents), approvers
# the config's rules give, no comparison with an earlier year in free
# text, incident texts that fit their category, minutes that cover every
# item of the 次第, a catalog that keeps last year's questions under
# their codes; audits reported, their texts about their items; issues of
# plausible ages; 重大 incidents a few per cent; numbers rising with the
# date; no date the ward acts on on a closed day; a follow-up of a
# follow-up from the fourth year (review17).  tests/bench/records_agree.py
# checks each (the calendar from the program); lint as well.
. "$(dirname "$0")/lib/common.bash"

need_python yaml
export NCIO_BENCH_BIN=$T/bin
mkdir -p "$T/bin"
# lint_clean DIR: lint finds no problem and warns of nothing (it says
# "no problems" over its warnings: a follow-up's accepted findings
# against its original's open ones went unnoticed that way)
# but the one given as a second argument (a fixed string), exactly once
lint_clean() {
	expect_status 0 "$NCIO" -C "$1" lint
	grep -q 'no problems' "$T/out" "$T/err" ||
	    fail "lint $1: $(cat "$T/out" "$T/err")"
	if [ $# -gt 1 ]; then
		[ "$(grep -hcF -- "$2" "$T/err")" = 1 ] ||
		    fail "lint $1 does not warn once: $2"
		grep -vF -- "$2" "$T/err" >"$T/err.rest" || :
		cp "$T/err.rest" "$T/err"
	fi
	if grep -q 'warning' "$T/out" "$T/err"; then
		fail "lint $1 warns:"
		grep -h 'warning' "$T/out" "$T/err" | head -20 >&2
	fi
}

D=$T/gen
"$NCIO_SOURCE_DIR/tests/bench/gen" --years 2 --first-fy 2026 -o "$D" \
    >/dev/null 2>&1 || { fail "the generator failed"; exit 1; }
lint_clean "$D"
expect_status 0 $PY "$NCIO_SOURCE_DIR/tests/bench/records_agree.py" "$D" "$NCIO"
# one operational audit a year: the same audit was followed up in its
# own year and again the next
S=$T/gen02
"$NCIO_SOURCE_DIR/tests/bench/gen" --years 2 --scale 0.2 --first-fy 2026 \
    -o "$S" >/dev/null 2>&1 || { fail "the generator failed (0.2)"; exit 1; }
lint_clean "$S"
expect_status 0 $PY "$NCIO_SOURCE_DIR/tests/bench/records_agree.py" "$S" "$NCIO"
# four years: the third year's follow-up followed up in the fourth; one
# contract renewed three times, which the specification does not allow
# (「契約の更新は、2回まで」): the generator models no second contract,
# and lint says so, once (rev19b G2)
F=$T/gen4
"$NCIO_SOURCE_DIR/tests/bench/gen" --years 4 --first-fy 2026 -o "$F" \
    >/dev/null 2>&1 || { fail "the generator failed (4 years)"; exit 1; }
lint_clean "$F" 'nerima-cio.yaml: warning: contract.fiscal_years lists 4 years'
expect_status 0 $PY "$NCIO_SOURCE_DIR/tests/bench/records_agree.py" "$F" "$NCIO"
finish
