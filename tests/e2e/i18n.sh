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
cp -r "$NCIO_SAMPLE_DIR" "$T/data"
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

finish
