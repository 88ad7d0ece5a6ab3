#!/bin/bash
# due: one agenda of every deadline, checked against dates computed by
# hand across Golden Week and the year-end closure; --who, JSON; and the
# iCalendar file read by python3-icalendar and by a strict RFC 5545
# check, with UIDs stable across exports and no file overwritten
# without --force.
. "$(dirname "$0")/lib/common.bash"

ICS=$NCIO_SOURCE_DIR/tests/py/check_ics.py
need_python icalendar
D=$T/data
"$NCIO" init --no-git "$D" 2>/dev/null
export TZ=Asia/Tokyo
export NERIMA_CIO_TODAY=2026-04-20T09:00
q() { "$NCIO" -C "$D" "$@" 2>>"$T/setup.err"; }

# --- records with deadlines ----------------------------------------------------------
gw=$(q meeting add --type regular --date 2026-05-07)	# after Golden Week
mo=$(q meeting add --type progress --date 2026-05-11)
sw=$(q meeting add --type regular --date 2026-09-24)	# after the silver week
y1=$(q meeting add --type regular --date 2027-01-04)	# after the year end
y2=$(q meeting add --type regular --date 2027-01-05)
cm=$(q meeting add --type it-honbu --date 2026-10-20)	# no material asked
held=$(q meeting add --type regular --date 2026-04-09)
q meeting minutes "$held" --member kakuu-taro --submitted 2026-04-14
cs=$(q consult add --type department --title 帳票の相談 --org hoiku \
    --received 2026-04-15 --due 2026-05-22 --by kakuu-taro)
is=$(q issue add --title 所属点検の督促 --owner reidai-sakura --raised 2026-04-10 \
    --due 2026-04-17)
rv=$(q add review type=procurement title=提案依頼書への意見 org=hoiku \
    received=2026-04-28 status=received reviewers+=kakuu-taro)
cat >"$T/audit.yaml" <<'Y'
type: operational
title: 令和8年度 情報セキュリティ監査（保育課）
status: agreed
target_org: hoiku
date: 2026-07-15
chief_auditor: mihon-hanako
findings:
  - number: 1
    grade: minor
    finding: 持出し簿の記入漏れ
    due: 2026-10-30
    status: open
  - number: 2
    grade: major
    finding: 共有パスワード
    due: 2026-09-30
    status: corrected
Y
au=$(q add audit --from "$T/audit.yaml")
checks=$((checks + 1))
[ -n "$gw" ] && [ -n "$au" ] && [ -n "$rv" ] || { fail "setup"; cat "$T/setup.err" >&2; }

# --- every deadline of the year, by hand -----------------------------------------------
expect_status 0 "$NCIO" -C "$D" due --from 2026-04-01 --to 2027-03-31 --done --format json
cp "$T/out" "$T/all.json"
$PY - "$T/all.json" "$gw" "$mo" "$sw" "$y1" "$y2" "$cm" "$held" "$cs" "$is" "$rv" "$au" <<'PY' || fail "the deadlines"
import json, sys
r = json.load(open(sys.argv[1]))
gw, mo, sw, y1, y2, cm, held, cs, is_, rv, au = sys.argv[2:]
got = {(x["id"], x["what"]): (x["due"], x["state"], x["who_id"]) for x in r}
want = {
    # 10:00 one ward business day before (4(3)ア(ウ)(エ))
    (gw, "次第・資料・課題管理表の提出"): ("2026-05-01T10:00+09:00", "open", "shiken-ichiro"),
    (mo, "次第・作業実施報告書・相談業務実施報告書の提出"): ("2026-05-08T10:00+09:00", "open", "shiken-ichiro"),
    (sw, "次第・資料・課題管理表の提出"): ("2026-09-18T10:00+09:00", "open", "shiken-ichiro"),
    (y1, "次第・資料・課題管理表の提出"): ("2026-12-28T10:00+09:00", "open", "shiken-ichiro"),
    (y2, "次第・資料・課題管理表の提出"): ("2027-01-04T10:00+09:00", "open", "shiken-ichiro"),
    (held, "次第・資料・課題管理表の提出"): ("2026-04-08T10:00+09:00", "done", "shiken-ichiro"),
    (held, "議事録の検収期間の終了"): ("2026-04-29", "open", None),
    (cs, "回答書の提出"): ("2026-05-22", "open", "kakuu-taro"),
    (is_, "課題の対応期限"): ("2026-04-17", "overdue", "reidai-sakura"),
    # five business days after 28 April: 30 Apr, 1, 7, 8, 11 May
    (rv, "意見書の提出"): ("2026-05-11", "open", "kakuu-taro"),
    (au, "指摘事項1（軽微）の是正期限"): ("2026-10-30", "open", "mihon-hanako"),
    (au, "指摘事項2（重大）の是正期限"): ("2026-09-30", "done", "mihon-hanako"),
    # the work plan: 14 days after 1 April; submitted on 14 April
    ("nerima-cio.yaml", "作業実施計画書の提出"): ("2026-04-15", "done", "shiken-ichiro"),
    ("nerima-cio.yaml", "作業実施計画書の検収期間の終了"): ("2026-04-29", "open", None),
}
bad = [(k, got.get(k), v) for k, v in want.items() if got.get(k) != v]
assert not bad, bad
assert not [k for k in got if k[0] == cm], "a committee without material has a deadline"
assert len(got) == len(want), sorted(set(got) - set(want))
dues = [x["due"][:10] for x in r]
assert dues == sorted(dues), "not in date order"
PY
checks=$((checks + 1))

# the default agenda: what is late, then four weeks from today
expect_status 0 "$NCIO" -C "$D" due
expect_grep "$T/out" "^Due +State +Obligation +Title +Owner +Record$"
expect_grep "$T/out" "^2026-04-17 \(Fri\) +overdue +課題の対応期限 +課題1　所属点検の督促 +例題 さくら +$is$"
expect_grep "$T/out" "^2026-05-01 10:00 \(Fri\) +次第・資料・課題管理表の提出 +第1回 定例会 +試験 一郎 +$gw$"
expect_grep "$T/out" "^2026-04-29 \(Wed\) +作業実施計画書の検収期間の終了 .*\(the ward\) +nerima-cio.yaml$"
expect_no_grep "$T/out" "作業実施計画書の提出"
expect_no_grep "$T/out" "2026-05-22"
expect_status 0 "$NCIO" -C "$D" due --who 架空\ 太郎 --to 2026-06-30
expect_grep "$T/out" "$cs$"
expect_grep "$T/out" "$rv$"
expect_no_grep "$T/out" "$gw$"
# 10:00 on the day: late at 10:00, not at 9:59
NERIMA_CIO_TODAY=2026-05-01T09:59 expect_status 0 "$NCIO" -C "$D" due
expect_grep "$T/out" "^2026-05-01 10:00 \(Fri\) +次第"
NERIMA_CIO_TODAY=2026-05-01T10:00 expect_status 0 "$NCIO" -C "$D" due
expect_grep "$T/out" "^2026-05-01 10:00 \(Fri\) +overdue +次第"
expect_status 2 "$NCIO" -C "$D" due --from 2026-05-01 --to 2026-04-01
expect_status 2 "$NCIO" -C "$D" due --force

# --- the iCalendar file ------------------------------------------------------------------
ics=$T/期限.ics
expect_status 0 "$NCIO" -C "$D" due --from 2026-04-01 --to 2027-03-31 --ics "$ics"
expect_grep "$T/err" "期限.ics: 11 events$"
checks=$((checks + 1))
$PY "$ICS" "$ics" --stamp 20260420T000000Z >"$T/ev1" 2>"$T/icserr" || {
	fail "check_ics.py"; cat "$T/icserr" >&2; }
expect_grep "$T/ev1" "^$gw-[0-9a-f]{16}@nerima-cio	2026-05-01T10:00:00\+09:00	【期限】次第・資料・課題管理表の提出（第1回 定例会）$"
expect_grep "$T/ev1" "^$is-[0-9a-f]{16}@nerima-cio	2026-04-17	【期限】課題の対応期限（課題1　所属点検の督促）$"
expect_grep "$T/ev1" "	2026-12-28T10:00:00\+09:00	"
# never overwritten without --force
cp "$ics" "$T/before.ics"
expect_status 1 "$NCIO" -C "$D" due --ics "$ics"
expect_grep "$T/err" "'.*期限.ics' exists; nothing written \(use --force to replace it\)"
expect_same "$T/before.ics" "$ics"
# a meeting moves; a later export updates it under the same UID
NERIMA_CIO_TODAY=2026-04-21T09:00 expect_status 0 "$NCIO" -C "$D" meeting move "$gw" --date 2026-05-08
NERIMA_CIO_TODAY=2026-04-21T09:00 expect_status 0 "$NCIO" -C "$D" due --from 2026-04-01 \
    --to 2027-03-31 --ics "$T/again.ics"
checks=$((checks + 1))
$PY "$ICS" "$T/again.ics" --same "$ics" --stamp 20260421T000000Z >"$T/ev2" 2>"$T/icserr" || {
	fail "check_ics.py --same"; cat "$T/icserr" >&2; }
u1=$(grep "^$gw-" "$T/ev1" | cut -f1)
expect_grep "$T/ev2" "^$u1	2026-05-07T10:00:00\+09:00	"
checks=$((checks + 1))
s1=$(tr -d '\r' <"$ics" | sed -n 's/^SEQUENCE://p' | head -1)
s2=$(tr -d '\r' <"$T/again.ics" | sed -n 's/^SEQUENCE://p' | head -1)
[ "$s2" -gt "$s1" ] || fail "SEQUENCE did not grow: $s1 then $s2"
expect_status 0 "$NCIO" -C "$D" due --from 2026-04-01 --to 2027-03-31 --ics "$ics" --force
checks=$((checks + 1))
cmp -s "$T/before.ics" "$ics" && fail "--force did not replace the file"
# the strict reading catches what the writer must never do
printf 'BEGIN:VCALENDAR\nVERSION:2.0\nEND:VCALENDAR\n' >"$T/bad.ics"
checks=$((checks + 1))
$PY "$ICS" "$T/bad.ics" >/dev/null 2>&1 && fail "check_ics.py accepts bare LF"

expect_status 0 "$NCIO" -C "$D" lint
finish
