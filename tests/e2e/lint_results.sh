#!/bin/bash
# lint warns of records whose documents would contradict themselves
# (issue 18; rev21a M4, M5, M7, rev21b M3, rev21c T9), each on a copy of
# the sample with one defect by hand, the file and field named: a plan
# decided 可 over a ×, or with a 総合所見 that speaks of 条件; a hearing
# question asked word for word again in the next round; one agenda title
# twice in a meeting; an incident's 報告受理日 on another day than its
# 第一報; an agreed audit's 不適合 item with no finding.  The sample warns
# of none of these (tests/e2e/lint_coherence.sh runs it clean).
. "$(dirname "$0")/lib/common.bash"

export NERIMA_CIO_TODAY=2027-06-01
S=$NCIO_SAMPLE_DIR

warns() {
	expect_status 0 "$NCIO" -C "$1" lint
}

# One copy, one defect in each of five records (two lint runs in all).
sample_copy "$T/c"
C=$T/c
# 1. 可 over a ×, and 可 beside a 総合所見 that speaks of 条件
sed -i '0,/^    rating: adequate$/s//    rating: inadequate/' \
    "$C/reviews/2026/rv-2k8m4p6q.yaml"
sed -i 's/^proposed_result: conditional$/proposed_result: approve/' \
    "$C/reviews/2026/rv-7j4k2m8n.yaml"
# 2. round 2 asks round 1's question again
sed -i 's/^      - question: 東京都の共同調達を利用する場合との比較を示してください。$/      - question: 管理対象の端末台数と、単価の根拠を示してください。/' \
    "$C/reviews/2026/rv-8p5q3r7s.yaml"
# 3. one agenda title twice
sed -i 's/^  - title: 作業実施報告書・相談業務実施報告書$/  - title: 情報化企画審査の処理状況/' \
    "$C/meetings/2026/mt-fn7nkb9x.yaml"
# 4. 報告受理日 the day after the 第一報
sed -i 's/^reported: 2026-06-16$/reported: 2026-06-17/' \
    "$C/incidents/2026/in-47gn7d6k.yaml"
# 5. an agreed audit's item judged 不適合 with no finding on it
A=$C/audits/2026/au-6m07cmgm.yaml
sed -i '0,/^    result: conform$/s//    result: nonconform/' "$A"
warns "$C"
expect_grep "$T/err" 'rv-2k8m4p6q.yaml(:[0-9:]+)?: warning: decision.result is .approve. but findings\[0\] \(purpose\) is rated inadequate'
expect_grep "$T/err" 'rv-7j4k2m8n.yaml(:[0-9:]+)?: warning: overall speaks of 条件 but proposed_result is .approve.'
expect_grep "$T/err" 'rv-8p5q3r7s.yaml(:[0-9:]+)?: warning: hearings\[1\].items\[1\].question is asked word for word in hearings\[0\].items\[0\]'
expect_grep "$T/err" 'mt-fn7nkb9x.yaml(:[0-9:]+)?: warning: agenda\[1\].title is the same as agenda\[0\].title \(「情報化企画審査の処理状況」\)'
expect_grep "$T/err" 'in-47gn7d6k.yaml(:[0-9:]+)?: warning: reported 2026-06-17 is not the day of the 第一報 \(timeline\[[0-9]+\], report: ward-first, at 2026-06-16\)'
expect_grep "$T/err" 'au-6m07cmgm.yaml(:[0-9:]+)?: warning: items\[0\] \(op-2-1-01\) is judged .nonconform. but no finding is on it'
# nothing else: a conditional plan with its conditions and 条件 in its
# overall (rv-5x2b8c4d) is fine
[ "$(grep -c 'warning' "$T/err")" = 6 ] ||
    fail "six warnings expected: $(cat "$T/err")"
# the same item while the audit is in progress: its findings come later
sed -i 's/^status: agreed$/status: in-progress/' "$A"
warns "$C"
expect_no_grep "$T/err" 'is judged'
finish
