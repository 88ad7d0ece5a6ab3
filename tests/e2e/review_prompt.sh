#!/bin/bash
# review add at a terminal (cmd/prompt.c): prompts from the schema's
# titles (English under this C locale, x-title-en; Japanese under
# ja_JP.UTF-8, tests/e2e/i18n.sh), choices with labels, defaults, re-asking with the reason
# without losing earlier answers, and Ctrl-D / Ctrl-C cancelling with
# nothing written.  Driven through a pseudo-terminal by script(1).
. "$(dirname "$0")/lib/common.bash"

if ! command -v script >/dev/null; then
	echo "SKIP: script(1) is not installed (bsdutils)" >&2
	exit 77
fi
D=$T/data
"$NCIO" init --no-git "$D" 2>/dev/null
count() { find "$D/reviews" -name '*.yaml' 2>/dev/null | wc -l; }

# One answer a line; the wrong ones must be asked again.
{
	printf '9\n1\n'			# 種別: no choice 9, then 1 (plan)
	printf '\n窓口予約システムの導入\n'	# 件名: required
	printf '存在しない課\n戸籍住民課\n'	# 所管課: by name
	printf '2026-02-30\n令和8年5月20日\n'	# 受付日: era form accepted
	printf '誰か\n見本 花子\n'		# 担当者: by name
	printf '新規\n'			# 区分: by label
	printf '窓口予約システム\n'		# システム名
	printf '\n\n\n\n'			# purpose .. cost-effectiveness: skipped
	printf -- '-5\n1280万円\n'		# 初期経費
	printf '1,200,000\n'		# 運用経費
	printf '\n'			# years: default 5
	printf 'maybe\ny\nn\nいいえ\n'	# personal info, My Number, cloud
} >"$T/answers"
checks=$((checks + 1))
script -qec "'$NCIO' -C '$D' review add" /dev/null <"$T/answers" \
    >"$T/tty" 2>&1 || fail "interactive add failed: $(cat "$T/tty")"
expect_grep "$T/tty" "Type:"
expect_grep "$T/tty" "1\) plan +情報化企画審査"
expect_grep "$T/tty" "not one of the choices"
expect_grep "$T/tty" "Title: "
expect_grep "$T/tty" "an answer is required"
expect_grep "$T/tty" "'存在しない課' is neither an organisation code nor a name"
expect_grep "$T/tty" "Received \[[0-9]{4}-[0-9]{2}-[0-9]{2}\]: "
expect_grep "$T/tty" "day 30 out of range for February"
expect_grep "$T/tty" "'誰か' is not a team member id or name"
expect_grep "$T/tty" "3\) modification +改修"
expect_grep "$T/tty" "Initial cost \(yen, incl. tax\) \[0\]: "
expect_grep "$T/tty" "an amount cannot be negative"
expect_grep "$T/tty" "answer y \(yes\) or n \(no\)"
id=$(grep -Eo 'rv-[0-9a-z]{8}' "$T/tty" | head -n 1)
f=$D/reviews/2026/$id.yaml
checks=$((checks + 1))
[ -f "$f" ] || { fail "no record '$id'"; finish; }
expect_grep "$f" "^type: plan$"
expect_grep "$f" "^title: 窓口予約システムの導入$"
expect_grep "$f" "^org: koseki-jumin$"
expect_grep "$f" "^received: 2026-05-20$"
expect_grep "$f" "^category: new$"
expect_grep "$f" "^  - mihon-hanako$"
expect_grep "$f" "^system_name: 窓口予約システム$"
expect_no_grep "$f" "^purpose:"
expect_grep "$f" "^    initial: 12800000$"
expect_grep "$f" "^  - fy: 2031$"
expect_grep "$f" "^    running: 1200000$"
expect_grep "$f" "^  personal_info: true$"
expect_grep "$f" "^  my_number: false$"
expect_grep "$f" "^  cloud: false$"
expect_status 0 "$NCIO" -C "$D" lint

# Options given are not asked again.
printf 'n\nn\nn\n' >"$T/answers"
checks=$((checks + 1))
script -qec "'$NCIO' -C '$D' review add --type procurement --title 仕様書への意見 \
    --org hoiku --received 2026-06-01 --system 保育システム --stage rfp \
    --method proposal --reviewer kakuu-taro" /dev/null <"$T/answers" >"$T/tty" 2>&1 ||
    fail "add with options at a terminal: $(cat "$T/tty")"
expect_no_grep "$T/tty" "件名"
n=$(count)

# Ctrl-D after two answers: cancelled, nothing written.
printf '1\n途中でやめる企画\n' >"$T/answers"
checks=$((checks + 1))
if script -qec "'$NCIO' -C '$D' review add" /dev/null <"$T/answers" \
    >"$T/tty" 2>&1; then
	fail "Ctrl-D did not cancel: $(cat "$T/tty")"
fi
expect_grep "$T/tty" "cancelled; nothing was written"
checks=$((checks + 1))
[ "$(count)" = "$n" ] || fail "a cancelled add wrote a record"

# Ctrl-C at a prompt: the same.  (Two seconds for the prompt to be up:
# a sanitizer build under load takes more than half a second to start.)
checks=$((checks + 1))
if { printf '1\n'; sleep 2; printf '\003'; sleep 0.5; } |
    script -qec "'$NCIO' -C '$D' review add" /dev/null >"$T/tty" 2>&1; then
	fail "Ctrl-C did not cancel: $(cat "$T/tty")"
fi
expect_grep "$T/tty" "cancelled; nothing was written"
checks=$((checks + 1))
[ "$(count)" = "$n" ] || fail "an interrupted add wrote a record"

# Findings at a terminal: one viewpoint, then an empty answer ends.
# A conditional 判定案 asks for its conditions (条件案) until an empty one.
printf 'cost\n3\n単価の根拠\n\n見積りは1社のみ\n\n総合所見です\n2\n複数者から見積りを徴すること。\n\n' >"$T/answers"
checks=$((checks + 1))
script -qec "'$NCIO' -C '$D' review assess $id" /dev/null <"$T/answers" \
    >"$T/tty" 2>&1 || fail "interactive assess: $(cat "$T/tty")"
expect_grep "$f" "^  - viewpoint: cost$"
expect_grep "$f" "^    rating: needs-check$"
expect_grep "$f" "^    check: 単価の根拠$"
expect_grep "$f" "^    comment: 見積りは1社のみ$"
expect_grep "$f" "^overall: 総合所見です$"
expect_grep "$f" "^proposed_result: conditional$"
expect_grep "$f" "^proposed_conditions:$"
expect_grep "$f" "^  - 複数者から見積りを徴すること。$"

# A hearing round at a terminal: the method, then questions until an
# empty line; then, asked again, the answers.
printf '1\n経費の内訳を示してください。\n稼働時期を示してください。\n\n' >"$T/answers"
checks=$((checks + 1))
script -qec "'$NCIO' -C '$D' review hearing $id --sent 2026-05-22" /dev/null \
    <"$T/answers" >"$T/tty" 2>&1 || fail "interactive hearing: $(cat "$T/tty")"
expect_grep "$T/tty" "1\) written +書面"
expect_grep "$f" "^      - question: 稼働時期を示してください。$"
expect_grep "$f" "^status: assessed$"
printf '保守と利用料です。\n\n' >"$T/answers"
checks=$((checks + 1))
script -qec "'$NCIO' -C '$D' review hearing $id --answered 2026-05-27" \
    /dev/null <"$T/answers" >"$T/tty" 2>&1 ||
    fail "interactive answers: $(cat "$T/tty")"
expect_grep "$T/tty" "質問1: 経費の内訳を示してください。"
expect_grep "$f" "^        answer: 保守と利用料です。$"
expect_grep "$f" "^    answered: 2026-05-27$"
finish
