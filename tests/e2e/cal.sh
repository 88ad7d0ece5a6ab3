#!/bin/bash
# nerima-cio cal: every sub-verb's output and exit status, outside and inside
# a data directory with a closures.yaml.
set -eu

: "${NCIO:?set NCIO to the nerima-cio binary}"
unset NERIMA_CIO_DIR

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# Outside any data directory (mktemp's parent has no marker).
mkdir "$tmp/outside"
cd "$tmp/outside"

failures=0

# expect STATUS EXPECTED-STDOUT ARGS...: exact stdout, exit status.
expect() {
	local want_status=$1 want=$2 status=0
	shift 2
	"$NCIO" "$@" >"$tmp/out" 2>"$tmp/err" || status=$?
	if [ -n "$want" ]; then
		printf '%s\n' "$want" >"$tmp/want"
	else
		: >"$tmp/want"
	fi
	if [ "$status" -ne "$want_status" ]; then
		echo "FAIL: nerima-cio $*: exit $status, want $want_status" >&2
		cat "$tmp/err" >&2
		failures=$((failures + 1))
		return 0
	fi
	if ! diff -u "$tmp/want" "$tmp/out" >&2; then
		echo "FAIL: nerima-cio $*: output differs (- want, + got)" >&2
		failures=$((failures + 1))
	fi
}

# expect_error STATUS MESSAGE ARGS...: nothing on stdout, MESSAGE on stderr.
expect_error() {
	local want_status=$1 msg=$2 status=0
	shift 2
	"$NCIO" "$@" >"$tmp/out" 2>"$tmp/err" || status=$?
	if [ "$status" -ne "$want_status" ]; then
		echo "FAIL: nerima-cio $*: exit $status, want $want_status" >&2
		cat "$tmp/out" "$tmp/err" >&2
		failures=$((failures + 1))
		return 0
	fi
	if [ -s "$tmp/out" ]; then
		echo "FAIL: nerima-cio $*: wrote to stdout on error" >&2
		cat "$tmp/out" >&2
		failures=$((failures + 1))
	fi
	if ! grep -qF -- "$msg" "$tmp/err"; then
		echo "FAIL: nerima-cio $*: stderr lacks '$msg':" >&2
		cat "$tmp/err" >&2
		failures=$((failures + 1))
	fi
}

tab=$(printf '\t')

# holidays: the Cabinet Office's list for 2026.
expect 0 "2026-01-01${tab}元日
2026-01-12${tab}成人の日
2026-02-11${tab}建国記念の日
2026-02-23${tab}天皇誕生日
2026-03-20${tab}春分の日
2026-04-29${tab}昭和の日
2026-05-03${tab}憲法記念日
2026-05-04${tab}みどりの日
2026-05-05${tab}こどもの日
2026-05-06${tab}振替休日
2026-07-20${tab}海の日
2026-08-11${tab}山の日
2026-09-21${tab}敬老の日
2026-09-22${tab}国民の休日
2026-09-23${tab}秋分の日
2026-10-12${tab}スポーツの日
2026-11-03${tab}文化の日
2026-11-23${tab}勤労感謝の日" cal holidays 2026

# A range, and the accession year.
# A range is the years one after another: 22 + 18 + 17 holidays.
"$NCIO" cal holidays 2019..2021 >"$tmp/range"
for y in 2019 2020 2021; do "$NCIO" cal holidays $y; done >"$tmp/years"
if ! diff -u "$tmp/years" "$tmp/range" >&2; then
	echo "FAIL: cal holidays 2019..2021 differs from the years one by one" >&2
	failures=$((failures + 1))
fi
if [ "$(wc -l <"$tmp/range")" -ne 57 ]; then
	echo "FAIL: cal holidays 2019..2021: $(wc -l <"$tmp/range") lines, want 57" >&2
	failures=$((failures + 1))
fi
grep -E '^(2019-04-30|2019-05-0[12]|2019-10-22|2020-07-2[34]|2020-08-10|2021-07-2[23]|2021-08-0[89])' "$tmp/range" >"$tmp/got" || true
printf '%s\n' "2019-04-30${tab}国民の休日" "2019-05-01${tab}即位の日" \
    "2019-05-02${tab}国民の休日" "2019-10-22${tab}即位礼正殿の儀の行われる日" \
    "2020-07-23${tab}海の日" "2020-07-24${tab}スポーツの日" \
    "2020-08-10${tab}山の日" "2021-07-22${tab}海の日" \
    "2021-07-23${tab}スポーツの日" "2021-08-08${tab}山の日" \
    "2021-08-09${tab}振替休日" >"$tmp/want"
if ! diff -u "$tmp/want" "$tmp/got" >&2; then
	echo "FAIL: cal holidays 2019..2021: special days differ" >&2
	failures=$((failures + 1))
fi
expect_error 1 "invalid years '2026..2025': the range ends before it begins" \
    cal holidays 2026..2025
expect_error 1 "invalid years '26': expected YYYY or YYYY..YYYY" cal holidays 26
expect_error 1 "invalid years '2026..': expected YYYY or YYYY..YYYY" \
    cal holidays 2026..
expect_error 1 "national holidays are known for 1980 to 2099 only, not for 2100" \
    cal holidays 2100
expect_error 2 "usage: nerima-cio cal holidays YEAR[..YEAR]" cal holidays

# fy
expect 0 "2026${tab}令和8年度${tab}2026-04-01${tab}2027-03-31" cal fy 2026-04-01
expect 0 "2026${tab}令和8年度${tab}2026-04-01${tab}2027-03-31" cal fy 2027-03-31
expect 0 "2025${tab}令和7年度${tab}2025-04-01${tab}2026-03-31" cal fy 2026-03-31
expect 0 "2019${tab}令和元年度${tab}2019-04-01${tab}2020-03-31" cal fy H31.4.1
expect 0 "2026${tab}令和8年度${tab}2026-04-01${tab}2027-03-31" cal fy 令和8年4月1日
expect_error 1 "cannot parse date '2026-02-30': day 30 out of range for February 2026 (1-28)" \
    cal fy 2026-02-30
expect_error 1 "cannot parse date '2026-13-01': month 13 out of range (1-12)" \
    cal fy 2026-13-01
expect_error 1 "cannot parse date '': expected YYYY-MM-DD" cal fy ''
expect_error 2 "cal fy: missing DATE" cal fy
expect_error 2 "cal fy: unexpected argument '2026-04-02'" cal fy 2026-04-01 2026-04-02
# Every form a date option takes: slashes, full-width digits.
expect 0 "2026${tab}令和8年度${tab}2026-04-01${tab}2027-03-31" cal fy 2026/4/1
expect 0 "2025${tab}令和7年度${tab}2025-04-01${tab}2026-03-31" cal fy ２０２６－０３－３１

# era, both ways
expect 0 "令和8年4月1日${tab}R8.4.1" cal era 2026-04-01
expect 0 "令和元年5月1日${tab}R1.5.1" cal era 2019-05-01
expect 0 "平成31年4月30日${tab}H31.4.30" cal era 2019-04-30
expect 0 "2019-04-30" cal era H31.4.30
expect 0 "2026-04-01" cal era 令和８年４月１日
expect 0 "2019-05-01" cal era 令和元年5月1日
expect_error 1 "cannot parse date '令和0年4月1日': there is no year 0 of 令和" \
    cal era 令和0年4月1日
expect_error 1 "cannot parse date '平成32年4月1日': 平成 ended on 2019-04-30" \
    cal era 平成32年4月1日
expect_error 1 "cannot parse date '令和1年4月30日': 令和 began on 2019-05-01" \
    cal era 令和1年4月30日
expect_error 1 "cannot parse date '2026-04-01x': unexpected text after YYYY-MM-DD" \
    cal era 2026-04-01x
expect_error 1 "no era form for 1900-01-01" cal era 1900-01-01

# add: Golden Week, the year end, the fiscal-year boundary
expect 0 "2026-05-07" cal add 2026-05-01 1
expect 0 "2026-05-01" cal add 2026-05-07 -1
expect 0 "2027-01-04" cal add 2026-12-28 1
expect 0 "2026-12-28" cal add 2027-01-04 -1
expect 0 "2027-04-01" cal add 2027-03-31 +1
expect 0 "2026-04-04" cal add 2026-04-04 0
expect 0 "2026-09-24" cal add R8.9.18 1
expect_error 1 "invalid number of business days 'x': expected a whole number" \
    cal add 2026-05-01 x
expect_error 1 "invalid number of business days ' 1'" cal add 2026-05-01 ' 1'
expect_error 1 "invalid number of business days '1.5'" cal add 2026-05-01 1.5
expect_error 1 "national holidays are known for 1980 to 2099 only" \
    cal add 2099-12-28 1
expect_error 2 "cal add: missing N" cal add 2026-05-01
expect 0 "2026-05-07" cal add ２０２６／５／１ １

# due: each kind
expect 0 "2026-05-01 10:00" cal due meeting 2026-05-07
expect 0 "2026-12-28 10:00" cal due meeting 2027-01-04
expect 0 "2026-05-07" cal due procurement 2026-04-24
expect 0 "2026-04-15" cal due workplan 2026-04-01
expect 0 "2026-05-01" cal due workplan 2026-04-22
expect 0 "2026-04-16" cal due inspection 2026-04-01
expect 0 "2026-05-05" cal due inspection 2026-04-20
expect_error 2 "unknown deadline kind 'review': expected meeting, procurement, workplan or inspection" \
    cal due review 2026-04-01
expect 0 "2026-03-31 10:00" cal due meeting 2026-4-1
expect_error 1 "cannot parse date '2026-4-31'" cal due meeting 2026-4-31
expect_error 2 "cal due: missing DATE" cal due meeting

# business
expect 0 "2026-05-06${tab}closed${tab}振替休日" cal business 2026-05-06
expect 0 "2026-05-07${tab}open" cal business 2026-05-07
expect 0 "2026-12-29${tab}closed${tab}年末年始" cal business 2026-12-29
expect 0 "2026-04-04${tab}closed${tab}土曜日" cal business 2026-04-04
expect 0 "2026-12-28${tab}open" cal business 2026-12-28

# The sub-verb table and help.
expect_error 2 "'cal week' is not a command" cal week
expect_error 2 "usage: nerima-cio cal holidays YEAR[..YEAR]" cal
"$NCIO" cal --help >"$tmp/help"
grep -qF "   or: nerima-cio cal due KIND DATE" "$tmp/help" || {
	echo "FAIL: cal --help lacks the due usage line" >&2
	failures=$((failures + 1))
}

# Inside a data directory: closures.yaml adds closures and openings.
mkdir -p "$tmp/data/sub"
: >"$tmp/data/nerima-cio.yaml"
cd "$tmp/data/sub"
expect 0 "2026-12-28${tab}open" cal business 2026-12-28
cat >"$tmp/data/closures.yaml" <<'EOF'
closures:
  - date: 2026-12-28
    name: 臨時閉庁
  - date: 2026-06-15
openings:
  - date: 2026-05-06
    name: 特別開庁
EOF
expect 0 "2026-12-28${tab}closed${tab}臨時閉庁" cal business 2026-12-28
expect 0 "2026-06-15${tab}closed${tab}臨時閉庁" cal business 2026-06-15
expect 0 "2026-05-06${tab}open" cal business 2026-05-06
expect 0 "2027-01-04" cal add 2026-12-25 1
expect 0 "2026-05-06" cal add 2026-05-01 1
expect 0 "2026-12-25 10:00" cal due meeting 2027-01-04
# National holidays stay as the law has them.
"$NCIO" cal holidays 2026 | grep -qF "2026-05-06${tab}振替休日" || {
	echo "FAIL: cal holidays changed by closures.yaml" >&2
	failures=$((failures + 1))
}
# -C finds it from elsewhere, and so does NERIMA_CIO_DIR.
cd "$tmp/outside"
expect 0 "2026-12-28${tab}closed${tab}臨時閉庁" -C "$tmp/data" cal business 2026-12-28
NERIMA_CIO_DIR="$tmp/data" expect 0 "2026-12-28${tab}closed${tab}臨時閉庁" \
    cal business 2026-12-28
expect 0 "2026-12-28${tab}open" cal business 2026-12-28

# A malformed closures file is an error naming file, line and column.
cat >"$tmp/data/closures.yaml" <<'EOF'
closures:
  - date: 2026-12-28
  - date: 2026-02-30
EOF
expect_error 1 "closures.yaml': line 3, column 11: cannot parse date '2026-02-30': day 30 out of range for February 2026" \
    -C "$tmp/data" cal add 2026-12-25 1
cat >"$tmp/data/closures.yaml" <<'EOF'
closures:
  - date: 2026-12-28
    when: morning
EOF
expect_error 1 "closures.yaml': line 3, column 5: unknown key 'when': expected date or name" \
    -C "$tmp/data" cal business 2026-12-28

if [ "$failures" -ne 0 ]; then
	echo "cal.sh: $failures failure(s)" >&2
	exit 1
fi
echo "cal.sh: all passed"
