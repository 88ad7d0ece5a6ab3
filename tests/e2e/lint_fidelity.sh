#!/bin/bash
# lint warns of records a document would be wrong from (issue 18), each
# on a copy of the sample with one defect: a date the ward acts on that
# falls on a closed day, a 受付番号 or 文書番号 dated before a lower one,
# an audit's result agreed by a 課長 who is not the audited division's,
# a plan left at submitted past the ward's inspection, and an issue open
# more than a year past its due date while the contract runs.  The sample
# itself warns of none, on any day.
. "$(dirname "$0")/lib/common.bash"

export NERIMA_CIO_TODAY=2027-03-31
S=$NCIO_SAMPLE_DIR

# fixture NAME: a copy of the sample at $T/NAME
fixture() {
	sample_copy "$T/$1"
}

# warns DIR: lint DIR succeeds (warnings do not fail it); stderr in $T/err
warns() {
	expect_status 0 "$NCIO" -C "$1" lint
}

# --- the sample: clean, no warning ---------------------------------------
warns "$S"
expect_grep "$T/err" 'no problems'
expect_no_grep "$T/err" 'warning'

# --- 1. dates on days the ward is closed ---------------------------------
fixture closed
C=$T/closed
# a 回答書 dated 元日; its 回答期限 on a Sunday is no warning (a deadline)
sed -i -e 's/^answered: 2026-05-01$/answered: 2027-01-01/' \
    -e 's/^due: 2026-05-08$/due: 2026-05-10/' "$C/consults/2026/cs-a8x331hd.yaml"
# a notice on a Saturday
sed -i 's/^  notified: 2026-06-26$/  notified: 2026-06-27/' \
    "$C/reviews/2026/rv-2k8m4p6q.yaml"
# an incident discovered on a Sunday is no warning; the division's
# 再発防止策 report received on one is
sed -i -e 's/^discovered: 2026-06-16$/discovered: 2026-06-14/' \
    -e 's/^occurred: 2026-06-16$/occurred: 2026-06-14/' \
    -e 's/^  received: 2026-06-26$/  received: 2026-06-28/' \
    "$C/incidents/2026/in-47gn7d6k.yaml"
# the audit's agreement on 山の日, and a finding's answer in a list
sed -i 's/^  date: 2026-07-29$/  date: 2026-08-11/' "$C/audits/2026/au-02zk1v64.yaml"
# an extra closure (closures.yaml) names the day; an opening makes a
# Saturday a business day
cat >"$C/closures.yaml" <<'EOF'
closures:
  - date: 2026-07-14
    name: 庁舎停電
openings:
  - date: 2026-06-27
    name: 臨時開庁
EOF
warns "$C"
expect_grep "$T/err" '^consults/2026/cs-a8x331hd\.yaml: warning: answered \(回答日\) is 2027-01-01 \(元日\), a day the ward is closed; the ward acts on this date, so a business day \(開庁日\) was expected$'
expect_grep "$T/err" '^audits/2026/au-02zk1v64\.yaml: warning: agreement\.date \(合意日\) is 2026-08-11 \(山の日\), a day the ward is closed'
expect_grep "$T/err" '^incidents/2026/in-47gn7d6k\.yaml: warning: prevention\.received \(報告書の受領日\) is 2026-06-28 \(日曜日\)'
# 2026-07-14: the review's received date, closed by closures.yaml
expect_grep "$T/err" '^reviews/2026/rv-3n7r5t9w\.yaml: warning: received \(受付日\) is 2026-07-14 \(庁舎停電\)'
expect_no_grep "$T/err" 'due \(|discovered|occurred|notified'
# without the opening, the Saturday notice is told
sed -i '/^openings:/,$d' "$C/closures.yaml"
warns "$C"
expect_grep "$T/err" '^reviews/2026/rv-2k8m4p6q\.yaml: warning: decision\.notified \(通知日\) is 2026-06-27 \(土曜日\)'
# the line of the field, for an editor
expect_status 0 "$NCIO" -C "$C" lint --format csv
expect_grep "$T/out" '^consults/2026/cs-a8x331hd\.yaml,[0-9]+,[0-9]+,"?answered \(回答日\) is 2027-01-01'
# in Japanese, the day as the ward writes it
if locale -a 2>/dev/null | grep -qix 'ja_JP\.utf-\?8'; then
	expect_status 0 env -u LC_ALL -u LANGUAGE LANG=ja_JP.UTF-8 "$NCIO" -C "$C" lint
	expect_grep "$T/err" 'answered（回答日）が 令和9年1月1日（元日）で、区の閉庁日です'
fi

# --- 2. numbers out of date order -----------------------------------------
fixture numbers
N=$T/numbers
# 相談第6号 received after 相談第7号
sed -i 's/^received: 2026-04-20$/received: 2026-04-23/' "$N/consults/2026/cs-1zv910ne.yaml"
# the notice 練企情発第27号 sent after 第33号: one series of document
# numbers (documents.doc_no_format), read with the notice's date
sed -i 's/^  notified: 2026-05-14$/  notified: 2026-06-29/' "$N/reviews/2026/rv-gxzn39za.yaml"
warns "$N"
expect_grep "$T/err" "^consults/2026/cs-a8x331hd\.yaml: warning: ref_no \(受付番号\) '相談第7号' is dated 2026-04-22 \(received\), before the lower number '相談第6号' of 2026-04-23 \(consults/2026/cs-1zv910ne\.yaml, received\)"
expect_grep "$T/err" "^reviews/2026/rv-2k8m4p6q\.yaml: warning: decision\.notice_no \(通知の文書番号\) '練企情発第33号' is dated 2026-06-26 \(decision\.notified\), before the lower number '練企情発第27号' of 2026-06-29"
checks=$((checks + 1))
[ "$(grep -c 'lower number' "$T/err")" -eq 2 ] || fail "one warning per step back: $(cat "$T/err")"
# full-width digits are the same numbers
sed -i 's/^ref_no: 相談第7号$/ref_no: 相談第７号/' "$N/consults/2026/cs-a8x331hd.yaml"
warns "$N"
expect_grep "$T/err" "'相談第７号' is dated 2026-04-22 \(received\), before the lower number '相談第6号'"

# --- 3. an audit agreed by another 課長 -----------------------------------
fixture agree
A=$T/agree/audits/2026/au-02zk1v64.yaml
sed -i 's/^  by: 例示 和夫$/  by: 仮設 花子/' "$A"
warns "$T/agree"
expect_grep "$T/err" "^audits/2026/au-02zk1v64\.yaml: warning: agreement\.by '仮設 花子' \(戸籍住民課長（情報セキュリティ責任者）\) is not the audited division's 課長 among the auditees \('例示 和夫', auditees\[0\]\)"
# the same name with a full-width space is the 課長
sed -i 's/^  by: 仮設 花子$/  by: 例示　和夫/' "$A"
warns "$T/agree"
expect_no_grep "$T/err" 'warning'

# --- 4. a plan left at submitted, an issue a year overdue -------------------
fixture stale
P=$T/stale/reviews/2026/rv-7j4k2m8n.yaml
sed -i 's/^status: assessed$/status: submitted/' "$P"
# received 2026-10-05, nothing submitted or due: inspected by 10-20
NERIMA_CIO_TODAY=2026-10-20 warns "$T/stale"
expect_no_grep "$T/err" 'warning'
NERIMA_CIO_TODAY=2026-10-21 warns "$T/stale"
expect_grep "$T/err" "^reviews/2026/rv-7j4k2m8n\.yaml: warning: status 'submitted' \(意見書等提出済\) without a decision 16 days after the plan was received \(2026-10-05\): the ward inspects what is submitted within 15 days \(5\(1\)\), here from 2026-10-05 \(received\) to 2026-10-20"
# counted from the day it was submitted
sed -i 's/^status: submitted$/status: submitted\nsubmitted: 2026-11-02/' "$P"
NERIMA_CIO_TODAY=2026-11-17 warns "$T/stale"
expect_no_grep "$T/err" 'warning'
NERIMA_CIO_TODAY=2026-11-18 warns "$T/stale"
expect_grep "$T/err" "rv-7j4k2m8n\.yaml: warning: .* here from 2026-11-02 \(submitted\) to 2026-11-17"
# 課題14 (open) was due 2026-06-05: a year on, then more, while the
# contract runs (renewed for 令和9年度).  The sample closes it on its due
# date; the fixture takes that back.
I=$T/stale/issues/2026/is-3g3bkvh5.yaml
sed -i '/^closed: /d; /^resolution: /d; s/^status: closed$/status: open/' "$I"
head -n -4 "$I" >"$I.new" && mv "$I.new" "$I"
sed -i -e 's/^    - 2026$/    - 2026\n    - 2027/' -e 's/^  end: 2027-03-31$/  end: 2028-03-31/' \
    "$T/stale/nerima-cio.yaml"
NERIMA_CIO_TODAY=2027-06-05 warns "$T/stale"
expect_no_grep "$T/err" 'is-3g3bkvh5'
NERIMA_CIO_TODAY=2027-06-06 warns "$T/stale"
expect_grep "$T/err" "^issues/2026/is-3g3bkvh5\.yaml: warning: due 2026-06-05 is more than a year past on 2027-06-06 \(366 days\) and the issue is still 'open'"
# a closed issue is never overdue
expect_no_grep "$T/err" 'is-8cp6e84g'
# after the contract's end, as of its last day: the directory of an ended
# contract is left as it stood and warns no more with the years
NERIMA_CIO_TODAY=2030-01-01 warns "$T/stale"
expect_grep "$T/err" "^issues/2026/is-3g3bkvh5\.yaml: warning: due 2026-06-05 is more than a year past on 2028-03-31 \(665 days\) and the issue is still 'open'"

# --- 5. the sample stays clean for years -------------------------------------
# Its contract (令和8年度) ended on 2027-03-31 and no issue was a year past
# its due date then: `nerima-cio -C data/sample lint`, the README's first
# command, warns of nothing on its last day, a year on, three years on
# (fixed, and from the day the test runs) or ten.
for day in 2027-03-31 2028-04-01 2030-03-31 "$(date -u -d '+3 years' +%F)" \
    2037-01-01; do
	NERIMA_CIO_TODAY=$day warns "$S"
	expect_grep "$T/err" 'no problems'
	expect_no_grep "$T/err" 'warning'
done
finish
