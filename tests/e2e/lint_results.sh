#!/bin/bash
# lint warns of records whose documents would contradict themselves
# (issue 18; rev21a M4, M5, M7, rev21b M3, rev21c T9), each on a copy of
# the sample with one defect by hand, the file and field named: a plan
# decided 可 over a ×, or with a 総合所見 that speaks of 条件; a hearing
# question asked word for word again in the next round; one agenda title
# twice in a meeting; an incident's 報告受理日 on another day than its
# 第一報; an agreed audit's 不適合 item with no finding; a 教材 or 別添 named
# but not in the data directory nor registered; a 定例会 or 進捗報告会
# whose day has passed with no minutes recorded.  The sample warns
# of none of these (tests/e2e/lint_coherence.sh runs it clean).
. "$(dirname "$0")/lib/common.bash"

export NERIMA_CIO_TODAY=2027-06-01
S=$NCIO_SAMPLE_DIR

warns() {
	expect_status 0 "$NCIO" -C "$1" lint
}

# One copy, one defect in each of eight records.
sample_copy "$T/c"
C=$T/c
# 1. 可 over a ×, and 可 beside a 総合所見 that speaks of 条件
sed -i '0,/^    rating: adequate$/s//    rating: inadequate/' \
    "$C/reviews/2026/rv-2k8m4p6q.yaml"
sed -i 's/^proposed_result: conditional$/proposed_result: approve/; /^proposed_conditions:$/,+1d' \
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
# 6. a 別添 and a 教材 named that the data directory does not hold nor
# registers; a 教材 named for a training with one registered is not warned
# of (its registered 教材 is delivered)
sed -i 's/^answer_file: .*/answer_file: 別添_未登録.docx/' \
    "$C/consults/2026/cs-1zv910ne.yaml"
sed -i 's/^material_due: /materials:\n  - 教材_未登録.pptx\nmaterial_due: /' \
    "$C/trainings/2026/tr-8gzvqy2v.yaml" "$C/trainings/2026/tr-yam75eeh.yaml"
# 7. a 進捗報告会 held (its day past) with no minutes recorded, by hand
cat >"$C/meetings/2026/mt-hand0042.yaml" <<'EOF'
id: mt-hand0042
fy: 2026
type: progress
title: 臨時 進捗報告会
date: 2026-10-15
status: held
EOF
# 8. a file put under files/ and never registered (the bundle leaves it
# out); the lock and owner files of an open document are not ours
mkdir -p "$C/files/2026"
echo 'not registered' >"$C/files/2026/提案書_未登録.docx"
: >"$C/files/.~lock.提案書_未登録.docx#"
: >"$C/files/~\$提案書_未登録.docx"
warns "$C"
expect_grep "$T/err" 'rv-2k8m4p6q.yaml(:[0-9:]+)?: warning: decision.result is .approve. but findings\[0\] \(purpose\) is rated inadequate'
expect_grep "$T/err" 'rv-7j4k2m8n.yaml(:[0-9:]+)?: warning: overall speaks of 条件 but proposed_result is .approve.'
expect_grep "$T/err" 'rv-8p5q3r7s.yaml(:[0-9:]+)?: warning: hearings\[1\].items\[1\].question is asked word for word in hearings\[0\].items\[0\]'
expect_grep "$T/err" 'mt-fn7nkb9x.yaml(:[0-9:]+)?: warning: agenda\[1\].title is the same as agenda\[0\].title \(「情報化企画審査の処理状況」\)'
expect_grep "$T/err" 'in-47gn7d6k.yaml(:[0-9:]+)?: warning: reported 2026-06-17 is not the day of the 第一報 \(timeline\[[0-9]+\], report: ward-first, at 2026-06-16\)'
expect_grep "$T/err" 'au-6m07cmgm.yaml(:[0-9:]+)?: warning: items\[0\] \(op-2-1-01\) is judged .nonconform. but no finding is on it'
expect_grep "$T/err" "cs-1zv910ne.yaml(:[0-9:]+)?: warning: answer_file: '別添_未登録.docx' is not in the data directory and not registered \(deliverable add\): the bundle cannot deliver it"
expect_grep "$T/err" "tr-8gzvqy2v.yaml(:[0-9:]+)?: warning: materials: '教材_未登録.pptx' is not in the data directory and not registered"
expect_no_grep "$T/err" 'tr-yam75eeh.yaml'
expect_grep "$T/err" '^files/2026/提案書_未登録.docx: warning: not registered \(deliverable add\): the bundle leaves it out$'
expect_no_grep "$T/err" 'lock|~\$'
expect_grep "$T/err" 'mt-hand0042.yaml(:[0-9:]+)?: warning: meeting 臨時 進捗報告会 of 2026-10-15 \(status held\) has no minutes recorded'
# nothing else: a conditional plan with its conditions and 条件 in its
# overall (rv-5x2b8c4d) is fine
[ "$(grep -c 'warning' "$T/err")" = 10 ] ||
    fail "ten warnings expected: $(cat "$T/err")"
# the line that names each (lint --format json gives it)
expect_status 0 "$NCIO" -C "$C" lint --format json
checks=$((checks + 1))
$PY - "$T/out" <<'PY' || fail "the lines of the file and minutes warnings"
import json, sys
rows = json.load(open(sys.argv[1], encoding="utf-8"))
at = {r["path"].rsplit("/", 1)[1]: r["line"] for r in rows
      if "not in the data directory" in r["message"] or
      "has no minutes" in r["message"]}
assert at == {"cs-1zv910ne.yaml": 16, "tr-8gzvqy2v.yaml": 30,
              "mt-hand0042.yaml": 6}, at
PY
# cancelled, its day not past, or its minutes recorded: no warning
sed -i 's/^status: held$/status: cancelled/' "$C/meetings/2026/mt-hand0042.yaml"
# the same item while the audit is in progress: its findings come later
sed -i 's/^status: agreed$/status: in-progress/' "$A"
warns "$C"
expect_no_grep "$T/err" 'is judged'
expect_no_grep "$T/err" 'mt-hand0042'
sed -i 's/^status: cancelled$/status: held/' "$C/meetings/2026/mt-hand0042.yaml"
NERIMA_CIO_TODAY=2026-10-15 warns "$C"
expect_no_grep "$T/err" 'mt-hand0042'
printf 'decisions:\n  - 次回の日程を決めた。\n' >>"$C/meetings/2026/mt-hand0042.yaml"
warns "$C"
expect_no_grep "$T/err" 'mt-hand0042'

# Linear time: 30,000 hearing questions (15,000 in round 2, the last of
# the record, and 15,000 in a round 3, its first asking round 1's again,
# which round 2 repeated above) and 30,000 agenda items (the last
# repeating the first) are checked well within the bound: comparing every
# pair took 11 s for two thirds of them here (lint42), sorting a copy
# 0.2 s.  The first occurrence is still the one named.
awk 'BEGIN {
	for (i = 0; i < 15000; i++)
		printf "      - question: 質問%d について説明してください。\n", i
	printf "  - round: 3\n    method: written\n    sent: 2026-11-20\n"
	printf "    due: 2026-11-27\n    items:\n"
	printf "      - question: 管理対象の端末台数と、単価の根拠を示してください。\n"
	for (i = 1; i < 15000; i++)
		printf "      - question: 質問%d について説明してください。\n", i + 15000
}' >>"$C/reviews/2026/rv-8p5q3r7s.yaml"
awk 'BEGIN {
	print "agenda:"
	for (i = 0; i < 29999; i++)
		printf "  - title: 議題%d\n", i
	print "  - title: 議題0"
}' >>"$C/meetings/2026/mt-hand0042.yaml"
expect_status 0 timeout 10 "$NCIO" -C "$C" lint
expect_grep "$T/err" 'rv-8p5q3r7s.yaml(:[0-9:]+)?: warning: hearings\[2\].items\[0\].question is asked word for word in hearings\[0\].items\[0\]'
expect_grep "$T/err" 'mt-hand0042.yaml(:[0-9:]+)?: warning: agenda\[29999\].title is the same as agenda\[0\].title \(「議題0」\)'
n=$(grep -c 'is asked word for word\|is the same as agenda' "$T/err" || true)
[ "$n" = 4 ] || fail "four repeats expected (two before, two added): $n"
finish
