#!/bin/bash
# review_history: a review's changes of status are logged with their dates
# (status_history), and a document of an earlier date shows the status of
# its day: a review withdrawn or put on hold after a 作業実施報告書's
# period is not 取下げ or 保留 in it, but is in the next.
. "$(dirname "$0")/lib/common.bash"

need_python docx
D=$T/data
sample_copy "$D"
meeting() {	# the id of the meeting titled $1
	meeting_titled "$D" "$1"
}
# the 作業実施報告書 of meeting $1 into $T/rows ("件名<TAB>状況・備考") and
# its text into $T/text
report() {
	local m O
	m=$(meeting "$1")
	O=$T/out-$m
	expect_status 0 "$NCIO" -C "$D" report bimonthly --meeting "$m" -o "$O/"
	report_rows "$O"/作業実施報告書_*.docx "$T/text" >"$T/rows" ||
	    fail "cannot read the report of $1"
}
# an editor that sets the status to $NEW
cat >"$T/ed-status" <<'EOF2'
#!/bin/sh
sed -i "s/^status: .*/status: $NEW/" "$1"
EOF2
chmod +x "$T/ed-status"

# Two plans received in June, their questions sent on 6月10日
add() {
	NERIMA_CIO_TODAY=2026-06-01 expect_status 0 "$NCIO" -C "$D" review add \
	    --no-input --title "$1" --org hoiku --received 2026-06-01 \
	    --category new --cost 1000000
	id=$(cat "$T/out")
	NERIMA_CIO_TODAY=2026-06-10 expect_status 0 "$NCIO" -C "$D" review \
	    hearing "$id" --question 目的は --sent 2026-06-10
}
add 取下げ試験システムの導入
wd=$id
add 保留試験システムの導入
hold=$id
f=$D/reviews/2026/$wd.yaml
# the hearing's step is logged with the day its questions were sent
expect_grep "$f" '^status_history:$'
expect_grep "$f" '^  - date: 2026-06-10$'

# withdrawn on 8月5日, put on hold on 8月3日: after 第2回 (to 7月22日)
NEW=withdrawn NERIMA_CIO_TODAY=2026-08-05 EDITOR=$T/ed-status \
    expect_status 0 "$NCIO" -C "$D" edit "$wd"
expect_grep "$T/err" 'hearing -> withdrawn.*2026-08-05'
NEW=on-hold NERIMA_CIO_TODAY=2026-08-03 EDITOR=$T/ed-status \
    expect_status 0 "$NCIO" -C "$D" edit "$hold"
$PY - "$f" >"$T/hist" <<'PY'
import sys
print(open(sys.argv[1]).read().partition("status_history:\n")[2])
PY
expect_grep "$T/hist" '^  - date: 2026-08-05$'
expect_grep "$T/hist" '^    from: hearing$'
expect_grep "$T/hist" '^    to: withdrawn$'
expect_status 0 "$NCIO" -C "$D" lint

export NERIMA_CIO_TODAY=2026-11-30
report '第2回 進捗報告会'
expect_grep "$T/rows" $'^取下げ試験システムの導入\tヒアリング中$'
expect_grep "$T/rows" $'^保留試験システムの導入\tヒアリング中$'
expect_no_grep "$T/text" '取下げ試験システムの導入（'
report '第3回 進捗報告会'
expect_no_grep "$T/rows" '^取下げ試験システムの導入'
expect_grep "$T/text" '取り下げられたもの.*取下げ試験システムの導入（'

# the year's summary is as of its last day: a plan withdrawn in the next
# year (before its decision) is counted in it as it stood then
NERIMA_CIO_TODAY=2027-02-01 expect_status 0 "$NCIO" -C "$D" review add \
    --no-input --title 翌年度取下げ試験 --org hoiku --received 2027-02-01 \
    --category new --cost 1000000
late=$(cat "$T/out")
NERIMA_CIO_TODAY=2027-05-10 expect_status 0 "$NCIO" -C "$D" review summary \
    --fy 2026
grep '^total' "$T/out" >"$T/total-before"
NEW=withdrawn NERIMA_CIO_TODAY=2027-04-20 EDITOR=$T/ed-status \
    expect_status 0 "$NCIO" -C "$D" edit "$late"
NERIMA_CIO_TODAY=2027-05-10 expect_status 0 "$NCIO" -C "$D" review summary \
    --fy 2026
grep '^total' "$T/out" >"$T/total-after"
expect_same "$T/total-before" "$T/total-after"

# a status changed by hand without its change logged: lint says so
sed -i 's/^status: on-hold$/status: hearing/' "$D/reviews/2026/$hold.yaml"
expect_status 1 "$NCIO" -C "$D" lint
expect_grep "$T/out" "$hold\.yaml:.*status 'hearing' is not the last change logged in status_history \('on-hold'\)"

finish
