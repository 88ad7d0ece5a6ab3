#!/bin/bash
# Messages follow the locale: Japanese under LANG=ja_JP.UTF-8, English
# under LANG=C.UTF-8 -- help, usage errors, did-you-mean -- while the
# usage synopsis lines (commands) and everything the program writes as
# data (records, JSON) stay byte for byte the same.
. "$(dirname "$0")/lib/common.bash"

if ! locale -a 2>/dev/null | grep -qix 'ja_JP\.utf-\?8'; then
	echo "SKIP: the locale ja_JP.UTF-8 is not installed" \
	    "(.ci/install-deps makes it)" >&2
	exit 77
fi
mo=$(dirname "$NCIO")/locale/ja/LC_MESSAGES/nerima-cio.mo
if [ ! -f "$mo" ]; then
	echo "SKIP: no message catalogue at $mo (msgfmt, Debian package" \
	    "gettext, builds it)" >&2
	exit 77
fi

# Only LANG decides: nothing the caller has set may override it.
ja() { env -u LC_ALL -u LC_MESSAGES -u LANGUAGE LANG=ja_JP.UTF-8 "$NCIO" "$@"; }
en() { env -u LC_ALL -u LC_MESSAGES -u LANGUAGE LANG=C.UTF-8 "$NCIO" "$@"; }

# Usage lines without their lead ("usage: " / "使い方: " ...).
synopsis() {
	sed -n -e 's/^\(usage\|   or\|使い方\|または\): //p' "$1"
}

# same_synopsis NAME FILE_EN FILE_JA: usage lines equal, and there are some.
same_synopsis() {
	checks=$((checks + 1))
	synopsis "$2" >"$T/syn-en"
	synopsis "$3" >"$T/syn-ja"
	if [ ! -s "$T/syn-en" ]; then
		fail "$1: no usage lines in English"
	elif ! diff -u "$T/syn-en" "$T/syn-ja" >&2; then
		fail "$1: the usage lines differ between the locales"
	fi
}

# Overview.
expect_status 0 en --help
cp "$T/out" "$T/help-en"
expect_grep "$T/help-en" '^usage: nerima-cio '
expect_grep "$T/help-en" '^Verbs:$'
expect_grep "$T/help-en" '^   log +the history of a record'
expect_status 0 ja --help
cp "$T/out" "$T/help-ja"
expect_grep "$T/help-ja" '^使い方: nerima-cio '
expect_grep "$T/help-ja" '^コマンド:$'
expect_grep "$T/help-ja" '^   log +記録の履歴'
expect_no_grep "$T/help-ja" '^usage:|^Verbs:|^See '
same_synopsis "--help" "$T/help-en" "$T/help-ja"

# Every verb's usage lines are the same in both (they are commands).
verbs=$(sed -n '/^Verbs:$/,/^$/{/^   /s/^ *\([^ ]*\).*/\1/p}' "$T/help-en")
[ -n "$verbs" ] || fail "no verbs in 'nerima-cio --help'"
for verb in $verbs; do
	en "$verb" --help >"$T/v-en" 2>&1 || true
	ja "$verb" --help >"$T/v-ja" 2>&1 || true
	same_synopsis "$verb --help" "$T/v-en" "$T/v-ja"
done

# A verb's help on option tables: description and options translated.
expect_status 0 ja log --help
expect_grep "$T/out" '^使い方: nerima-cio log \[-n N\] \[--format text\|json\] ID$'
expect_grep "$T/out" '新しいものから N 件だけ表示する'
expect_no_grep "$T/out" 'show the N latest'
expect_status 0 en log --help
expect_grep "$T/out" '^usage: nerima-cio log \[-n N\] \[--format text\|json\] ID$'
expect_grep "$T/out" 'show the N latest changes only'

# A usage error with did-you-mean: status 2, message in the language,
# the usage line after it the same command.
expect_status 2 en show --fromat json x
cp "$T/err" "$T/err-en"
expect_grep "$T/err-en" "unknown option '--fromat'; did you mean --format\?"
expect_status 2 ja show --fromat json x
cp "$T/err" "$T/err-ja"
expect_grep "$T/err-ja" "'--fromat' というオプションはありません。もしかして --format ですか？"
expect_no_grep "$T/err-ja" 'unknown option|did you mean'
same_synopsis "show --fromat" "$T/err-en" "$T/err-ja"

expect_status 2 ja show --format
expect_grep "$T/err" '--format には値（VALUE）を指定してください'
expect_status 2 ja show
expect_grep "$T/err" 'ID を指定してください'

# An unknown verb.
expect_status 2 en shwo
expect_grep "$T/err" "'shwo' is not a verb; did you mean 'show'\?"
expect_status 2 ja shwo
expect_grep "$T/err" "'shwo' というコマンドはありません。もしかして 'show' ですか？"
expect_status 2 ja zzzzzzzz
expect_grep "$T/err" "'nerima-cio --help' で一覧を確認してください"

# An unknown sub-verb.
expect_status 2 ja completion bsh
expect_grep "$T/err" "'completion bsh' というコマンドはありません。もしかして 'completion bash' ですか？"

# The catalogue is found from anywhere, beside the program.
(cd / && ja shwo) >"$T/out" 2>"$T/err" || true
expect_grep "$T/err" 'もしかして'

# A locale that is not installed: English, no complaint.
env -u LC_ALL -u LC_MESSAGES -u LANGUAGE LANG=xx_YY.UTF-8 "$NCIO" shwo \
    >"$T/out" 2>"$T/err" || true
expect_grep "$T/err" "did you mean 'show'"
expect_no_grep "$T/err" 'locale|setlocale'

# Data does not change with the locale: records as YAML and as JSON, and
# git's history of one, byte for byte.
sample_copy "$T/data"
for args in "show rv-1t5g" "show --format json rv-1t5g" \
    "cal era 2026-04-01" "completion bash"; do
	# shellcheck disable=SC2086
	en -C "$T/data" $args >"$T/d-en" 2>/dev/null || true
	# shellcheck disable=SC2086
	ja -C "$T/data" $args >"$T/d-ja" 2>/dev/null || true
	checks=$((checks + 1))
	if [ ! -s "$T/d-en" ]; then
		fail "$args: no output"
	elif ! cmp -s "$T/d-en" "$T/d-ja"; then
		fail "$args: the output differs between the locales"
		diff -u "$T/d-en" "$T/d-ja" >&2 || true
	fi
done

# A set of verbs under both locales, as the README tour runs them:
# messages of cmd/ and of lib/ (schema checks, organisation lookups,
# the data directory) alike.  Under Japanese, no English sentence is left.
D=$T/tour
sample_copy "$D"
# the sample answered 相談第18号 (due 6/5) on 6/9: unanswer it in the copy so
# the tour has an overdue obligation on 6/15 to label 超過/overdue
sed -i '/^answer: /d; /^answer_no: /d; /^answered: /d; s/^status: answered$/status: answering/' \
	"$D/consults/2026/cs-51w2xmar.yaml"
export NERIMA_CIO_TODAY=2026-06-15
english='(^|[^A-Za-z-])(is|are|not|the|no|of|with|and|expected|cannot|missing|give|use|records?)([^A-Za-z-]|$)'
# wholly_ja NAME FILE: no English words in FILE (ids, codes and paths aside).
wholly_ja() {
	checks=$((checks + 1))
	# usage lines are commands, the same in every language
	grep -Ev '^(使い方|または): ' "$2" >"$T/wj" || true
	if grep -Eq "$english" "$T/wj"; then
		fail "$1: English under LANG=ja_JP.UTF-8:"
		grep -E "$english" "$T/wj" | sed 's/^/  /' >&2
	fi
}
expect_status 1 ja -C "$D" add review type=plan title=x org=nowhere \
    received=2026-13-10 category=update
expect_grep "$T/err" '^（新しい review）: fy \(年度\): 必須項目がありません$'
expect_grep "$T/err" "'nowhere' は orgs.yaml の組織コードではありません"
expect_grep "$T/err" '記録は作成されませんでした'
wholly_ja "add" "$T/err"
expect_status 1 en -C "$D" add review type=plan title=x org=nowhere \
    received=2026-13-10 category=update
expect_grep "$T/err" '^\(new review\): fy \(FY\): required field is missing$'
expect_grep "$T/err" "'nowhere' is not an organisation code in orgs.yaml"

# a lib/ note (training_check's add_note) is translated too
expect_status 0 ja -C "$D" training check tr-ervgcfb2
expect_grep "$T/out" '^注意: 比較する一般研修（regular-staff）が見つかりません$'
expect_status 0 en -C "$D" training check tr-ervgcfb2
expect_grep "$T/out" '^note: no general training \(regular-staff\) was found to compare with$'

expect_status 0 ja -C "$D" checklist aggregate --kind department --fy 2026
expect_grep "$T/out" '^所属点検 2026年度: 93 所属中 86 所属が提出済み、実施率 80\.2%'
expect_status 0 en -C "$D" checklist aggregate --kind department --fy 2026
expect_grep "$T/out" '86 of 93 divisions submitted; implementation rate 80\.2%'
expect_status 0 ja -C "$D" checklist diff --kind department 2025 2026
expect_grep "$T/out" '^文言変更 +dp-2-2-01$'
wholly_ja "checklist diff" "$T/out"
expect_status 0 ja -C "$D" due
expect_grep "$T/out" '^2026-06-05 \(金\) +超過'
expect_status 0 ja -C "$D" meeting plan --fy 2026 --dry-run
expect_grep "$T/err" '30 件は既存です'
expect_grep "$T/out" '^2026-04-09 木  資料期限 2026-04-08 10:00 \(水\)  既存 '
wholly_ja "meeting plan" "$T/out"
expect_status 1 ja -C "$D" show a
expect_grep "$T/err" "id の先頭 'a' に当てはまる記録が [0-9]+ 件あります"
expect_grep "$T/err" '^候補:$'
wholly_ja "show a" "$T/err"
expect_status 1 ja -C "$D" meeting move mt-zzzz --date 2026-05-07
expect_grep "$T/err" "種類 meeting に id 'mt-zzzz' の記録はありません"
NERIMA_CIO_DIR=$T/nowhere expect_status 1 ja lint
expect_grep "$T/err" "NERIMA_CIO_DIR='$T/nowhere' はディレクトリではありません"
wholly_ja "NERIMA_CIO_DIR" "$T/err"
expect_status 0 ja -C "$D" lint
expect_grep "$T/err" 'ファイルを検査しました。問題はありません$'
for args in "review list" "review summary --fy 2026" "audit list --fy 2026" \
    "audit show au-02zk" "checklist items --kind department --fy 2026" \
    "checklist aggregate --kind department --fy 2026 --by department" \
    "incident show in-s75g" "training list --fy 2026" \
    "checklist status --kind department --fy 2026 --missing" \
    "incident list --due" "training list" "consult list" "issue list" \
    "meeting list" "cal fy 2026-05-01" "review --help" "audit score --help"; do
	# shellcheck disable=SC2086
	ja -C "$D" $args >"$T/t-out" 2>"$T/t-err" || true
	wholly_ja "$args (stdout)" "$T/t-out"
	wholly_ja "$args (stderr)" "$T/t-err"
done

# Table headings: English source strings, Japanese under ja_JP.UTF-8.
# heads NAME EN JA ARGS...: the heading line (the first line) matches EN
# under LANG=C.UTF-8 and JA under Japanese.
heads() {
	local name=$1 hen=$2 hja=$3
	shift 3
	en -C "$D" "$@" 2>/dev/null | head -1 >"$T/h-en" || true
	ja -C "$D" "$@" 2>/dev/null | head -1 >"$T/h-ja" || true
	expect_grep "$T/h-en" "$hen"
	expect_grep "$T/h-ja" "$hja"
	wholly_ja "$name heading" "$T/h-ja"
}
heads "incident list" '^ID +Ref\. no\. +Occurred +Occurred in +Category +Severity +Title +Status$' \
    '^ID +受付番号 +発生日 +発生課 +分類 +重大度 +件名 +状況$' incident list
heads "incident list --due" '^Due +Left +ID +Title +Report +Code$' \
    '^期限 +残り +ID +件名 +報告 +略称$' incident list --due
heads "training list" '^ID +Date +Training +Audience +Status +Attended +Satisfaction +Mean correct +Training report$' \
    '^ID +実施日 +研修名 +対象者 +状況 +受講 +満足度 +平均正答率 +報告書$' training list
heads "review summary" '^Group +Item +Count +Expected +Cost \(yen, tax incl\.\)$' \
    '^集計 +項目 +件数 +年間想定 +経費（税込・円）$' review summary --fy 2026
heads "checklist status" '^Department +Division +Status +Submitted on' \
    '^部 +課 +状況 +提出日' checklist status --kind department --fy 2026
heads "due" '^Due +State +Obligation +Title +Owner +Record$' \
    '^期限 +状況 +内容 +件名 +担当 +記録$' due --to 2026-08-31
en -C "$D" due --to 2026-08-31 >"$T/t-out"
expect_grep "$T/t-out" ' overdue '
expect_grep "$T/t-out" ' \(the ward\) '
ja -C "$D" due --to 2026-08-31 >"$T/t-out"
expect_grep "$T/t-out" ' 超過 '
expect_grep "$T/t-out" ' （区） '
wholly_ja "due" "$T/t-out"
heads "consult list" '^ID +Received +Type +Asked by +Title +Status +Answer due +Answered on +Days +Sat in +Overdue$' \
    '^ID +受付日 +種別 +相談課 +件名 +状況 +回答期限 +回答日 +日数 +同席 +超過$' consult list
heads "issue list" '^ID +No\. +Raised +Issue +Owner +Due +Status +Closed on +Overdue$' \
    '^ID +No\. +起票日 +課題 +担当 +期限 +状況 +完了日 +超過$' issue list
heads "deliverable list" '^ID +Dated +Spec item +Kind +Deliverable +For +File +Size$' \
    '^ID +日付 +項目 +種別 +成果物 +対象 +ファイル +サイズ$' deliverable list
heads "meeting list" '^ID +Held on +Meeting type +Meeting +Status +Materials due +Moved from$' \
    '^ID +開催日 +種類 +会議名 +状況 +資料提出期限 +変更前$' meeting list
# the meeting's weekday in the user's language; the date alone in data
ja -C "$D" meeting list >"$T/t-out"
expect_grep "$T/t-out" '^mt-[0-9a-z]+ +2026-04-09 \(木\) '
expect_no_grep "$T/t-out" '\((Sun|Mon|Tue|Wed|Thu|Fri|Sat)\)'
ja -C "$D" meeting list --format csv >"$T/t-out"
expect_grep "$T/t-out" '^mt-[0-9a-z]+,2026-04-09,'
ja -C "$D" checklist aggregate --kind department --fy 2026 --by division >"$T/t-out"
expect_grep "$T/t-out" '^部 +課 +得点 +偏差値 +順位 +前年度$'
en -C "$D" checklist aggregate --kind department --fy 2026 --by division >"$T/t-out"
expect_grep "$T/t-out" '^Department +Division +Score +Deviation +Rank +Last year$'
ja -C "$D" audit show au-02zk >"$T/t-out"
expect_grep "$T/t-out" '^章 +名称 +項目 +適合 +一部不適合 +不適合 +該当なし +未確認・未回答 +適合率$'
expect_grep "$T/t-out" '^計 '
en -C "$D" audit show au-02zk >"$T/t-out"
expect_grep "$T/t-out" '^Chapter +Name +Items .* Unchecked or unanswered +Compliance$'
expect_grep "$T/t-out" '^Total '
# incident show: its labels in the language
ja -C "$D" incident show in-ag4e >"$T/t-out"
expect_grep "$T/t-out" '^受付番号: 練情セ第26-007号$'
expect_grep "$T/t-out" '^報告義務（.* 第1版）:$'
expect_grep "$T/t-out" '済（記録3 2026-07-17 10:00）$'
expect_grep "$T/t-out" '^再発防止策:$'
wholly_ja "incident show" "$T/t-out"
en -C "$D" incident show in-ag4e >"$T/t-out"
expect_grep "$T/t-out" '^ref\. no\.: 練情セ第26-007号$'
expect_grep "$T/t-out" '^reports due \(.*, version 1\):$'
expect_grep "$T/t-out" 'done \(entry 3, 2026-07-17 10:00\)$'
expect_grep "$T/t-out" '^prevention:$'
expect_no_grep "$T/t-out" '受付番号|報告義務|再発防止策:'
# The schemas' field titles (x-title-en beside each title): headings,
# the lines of show, option help and prompts in English under C.UTF-8,
# in Japanese under ja_JP.UTF-8 -- each line wholly in one language.
# ascii_lines NAME FILE: every line of FILE is plain ASCII.
ascii_lines() {
	checks=$((checks + 1))
	if LC_ALL=C grep -q '[^ -~]' "$2"; then
		fail "$1: a Japanese title under LANG=C.UTF-8:"
		sed 's/^/  /' "$2" >&2
	fi
}
# title_lines NAME LINE EN JA ARGS...: line LINE of the output matches EN
# (and is ASCII) in English, JA (and has no English word) in Japanese.
title_lines() {
	local name=$1 line=$2 hen=$3 hja=$4
	shift 4
	en -C "$D" "$@" 2>/dev/null | sed -n "${line}p" >"$T/h-en" || true
	ja -C "$D" "$@" 2>/dev/null | sed -n "${line}p" >"$T/h-ja" || true
	expect_grep "$T/h-en" "$hen"
	ascii_lines "$name heading" "$T/h-en"
	expect_grep "$T/h-ja" "$hja"
	wholly_ja "$name heading" "$T/h-ja"
}
title_lines "list review" 1 '^ID +Received +Type +Division +Title +Status +Due$' \
    '^ID +受付日 +種別 +所管課 +件名 +状況 +提出期限$' list review
title_lines "list audit" 1 '^ID +Date +Audit type +Audit +Status$' \
    '^ID +実施日 +監査の種類 +監査名 +状況$' list audit --columns id,date,type,title,status
title_lines "review list" 1 '^ID +Received +Division +Title +Status +Days +Due$' \
    '^ID +受付日 +所管課 +件名 +状況 +日数 +期限$' review list
title_lines "audit list" 1 '^ID +Date +Audit type +Target +Status +Conformity +Answered +Unconfirmed$' \
    '^ID +実施日 +監査の種類 +対象 +状況 +適合率 +回答 +是正確認未了$' audit list --fy 2026
title_lines "audit show findings" 25 '^No\. +Item no\. +Grade +Correction status +Correction due +Finding$' \
    '^No\. +項目番号 +指摘区分 +是正状況 +是正期限 +指摘内容$' audit show au-02zk
title_lines "checklist items" 2 '^Item no\. +Category +Weight +Answer type +Item$' \
    '^項目番号 +分類 +重み +回答形式 +項目$' checklist items --kind department --fy 2026
title_lines "training bank list" 1 '^Item no\. +Kind +Format +Topic +Answer key +Question$' \
    '^項目番号 +種別 +形式 +主題 +正答 +設問$' training bank list --kind test
en -C "$D" audit show au-02zk >"$T/t-out"
expect_grep "$T/t-out" '^Audit type: 運用面の監査  Status: フォローアップ中  Target: 戸籍住民課$'
expect_grep "$T/t-out" '^Agreement on results: 2026-07-29 例示 和夫 \(戸籍住民課長（情報セキュリティ責任者）\)$'
expect_grep "$T/t-out" '^Date: 2026-07-15  Chief auditor: 見本 花子$'
expect_grep "$T/t-out" '^Findings$'
ja -C "$D" audit show au-02zk >"$T/t-out"
expect_grep "$T/t-out" '^監査の種類: 運用面の監査  状況: フォローアップ中  対象: 戸籍住民課$'
expect_grep "$T/t-out" '^結果の合意: 2026-07-29 例示 和夫（戸籍住民課長（情報セキュリティ責任者））$'
expect_grep "$T/t-out" '^実施日: 2026-07-15  主任監査員: 見本 花子$'
expect_grep "$T/t-out" '^指摘事項$'
en -C "$D" incident show in-s75g >"$T/t-out"
expect_grep "$T/t-out" '^System involved: 施設予約システム'
expect_grep "$T/t-out" '^Description: 施設予約システムの管理画面に'
expect_grep "$T/t-out" '^Includes personal data: yes  Includes My Number data: no$'
expect_grep "$T/t-out" 'Possibly wrongful purpose; items: '
expect_no_grep "$T/t-out" '^(関係するシステム|事故等の内容|個人情報を含む):'
ja -C "$D" incident show in-s75g >"$T/t-out"
expect_grep "$T/t-out" '^関係するシステム: 施設予約システム'
expect_grep "$T/t-out" '^事故等の内容: 施設予約システムの管理画面に'
expect_grep "$T/t-out" '^個人情報を含む: はい　特定個人情報を含む: いいえ$|^個人情報を含む: はい  特定個人情報を含む: いいえ$'
wholly_ja "incident show in-s75g" "$T/t-out"
# option help made from the schema (OPT_ENUM, OPT_DATE, OPT_ORG ...)
en -C "$D" review add --help >"$T/t-out"
expect_grep "$T/t-out" '^ +--received DATE +Received$'
expect_grep "$T/t-out" '^ +--org ORG +Division$'
expect_grep "$T/t-out" '^ +--category CATEGORY +Category'
grep -E '^ +--(title|org|received|category|system) ' "$T/t-out" >"$T/h-en" || true
ascii_lines "review add --help" "$T/h-en"
ja -C "$D" review add --help >"$T/t-out"
expect_grep "$T/t-out" '^ +--received DATE +受付日$'
expect_grep "$T/t-out" '^ +--org ORG +所管課$'
expect_grep "$T/t-out" '^ +--category CATEGORY +区分'
en -C "$D" incident add --help >"$T/t-out"
expect_grep "$T/t-out" '^ +--system TEXT +the system involved$'
expect_grep "$T/t-out" '^ +--description TEXT +what happened, in a few sentences$'
ja -C "$D" incident add --help >"$T/t-out"
expect_grep "$T/t-out" '^ +--system TEXT +関係するシステム$'
expect_grep "$T/t-out" '^ +--description TEXT +事故等の内容$'
en -C "$D" audit finding --help >"$T/t-out"
expect_grep "$T/t-out" '^ +--due DATE +the day the correction is due$'
ja -C "$D" audit finding --help >"$T/t-out"
expect_grep "$T/t-out" '^ +--due DATE +是正期限$'
# an interactive prompt is wholly in one language: the field's title, the
# choice and the re-asking in Japanese (review_prompt.sh: in English)
if command -v script >/dev/null; then
	"$NCIO" init --no-git "$T/pd" >/dev/null 2>&1
	printf '1\n\n' >"$T/answers"
	env -u LC_ALL -u LC_MESSAGES -u LANGUAGE LANG=ja_JP.UTF-8 \
	    script -qec "'$NCIO' -C '$T/pd' review add" /dev/null \
	    <"$T/answers" 2>&1 | tr -d '\r' >"$T/tty" || true
	expect_grep "$T/tty" '^種別:$'
	expect_grep "$T/tty" '番号を選択 \[plan\]: '
	expect_grep "$T/tty" '^件名: $'
	expect_grep "$T/tty" '回答は省略できません'
	expect_no_grep "$T/tty" 'Type:|Title:|choose|answer'
	env -u LC_ALL -u LC_MESSAGES -u LANGUAGE LANG=C.UTF-8 \
	    script -qec "'$NCIO' -C '$T/pd' review add" /dev/null \
	    <"$T/answers" 2>&1 | tr -d '\r' >"$T/tty" || true
	expect_grep "$T/tty" '^Type:$'
	expect_grep "$T/tty" '^Title: $'
	expect_no_grep "$T/tty" '種別|件名'
fi
# Found by running the README tour under ja_JP.UTF-8: reasons that lib/
# puts into a message are whole translated sentences, not English words.
expect_status 1 ja -C "$D" consult answer cs-51w2 --text x --date 2026-05-19
expect_grep "$T/err" '回答日 2026-05-19（answered）が質問の受付日（2026-05-27）より前です$'
wholly_ja "consult answer" "$T/err"
expect_status 1 ja -C "$D" training export report tr-01ex -o "$T/x"
expect_grep "$T/err" '研修実施報告書がありません: アンケートもテストも実施していないため'
wholly_ja "training export report" "$T/err"
# the cells a listing writes are in the language too
ja -C "$D" training list --fy 2026 >"$T/t-out"
expect_grep "$T/t-out" '提出 2026-04-22$'
en -C "$D" training list --fy 2026 >"$T/t-out"
expect_grep "$T/t-out" 'submitted 2026-04-22$'
# JSON and CSV do not change with the locale
for args in "review summary --fy 2026 --format json" \
    "audit show au-02zk --format json" "training list --format csv" \
    "incident list --due --format json"; do
	# shellcheck disable=SC2086
	en -C "$D" $args >"$T/d-en" 2>/dev/null || true
	# shellcheck disable=SC2086
	ja -C "$D" $args >"$T/d-ja" 2>/dev/null || true
	checks=$((checks + 1))
	if [ ! -s "$T/d-en" ] || ! cmp -s "$T/d-en" "$T/d-ja"; then
		fail "$args: the data differs between the locales, or is empty"
	fi
done
unset NERIMA_CIO_TODAY

finish
