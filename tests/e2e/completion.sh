#!/bin/bash
# Shell completion: the bash script that 'nerima-cio completion bash'
# prints, sourced in a bash, driven as bash drives it (COMP_WORDS,
# COMP_CWORD, then the function; COMPREPLY checked) for verbs, sub-verbs,
# options, choices, record ids and file names; then the zsh script the
# same way with zsh's words and CURRENT.  (Every kind of option value is
# covered by the unit test test_cmd_completion.)
. "$(dirname "$0")/lib/common.bash"

sample_copy "$T/data"
mkdir "$T/files"
touch "$T/files/plan.xlsx" "$T/files/paper.docx"

expect_status 0 "$NCIO" completion bash
cp "$T/out" "$T/comp.bash"
# What the build wrote for 'cmake --install' is the same script.
built=$(dirname "$NCIO")/completion/nerima-cio
if [ -f "$built" ]; then
	expect_same "$T/comp.bash" "$built"
fi
expect_status 0 "$NCIO" completion zsh
cp "$T/out" "$T/comp.zsh"
expect_status 0 "$NCIO" completion --help
expect_grep "$T/out" '^usage: nerima-cio completion bash \[-o FILE\]$'

# comp WANT WORD...: complete the last WORD; WANT is the candidates,
# sorted, space-separated.
comp() {
	local want=$1 got
	shift
	checks=$((checks + 1))
	got=$(NCIO_WORDS_CWD=${CWD:-$PWD} bash -c '
		cd "$NCIO_WORDS_CWD" || exit 1
		. "$1"
		shift
		COMP_WORDS=("$@")
		COMP_CWORD=$(( $# - 1 ))
		_nerima_cio
		printf "%s\n" "${COMPREPLY[@]}"' bash "$T/comp.bash" \
	    "$NCIO" "$@" | LC_ALL=C sort | tr '\n' ' ' | sed 's/ $//')
	if [ "$got" != "$want" ]; then
		fail "completing '$*': got '$got', want '$want'"
	fi
}

# The function is registered for the command.
checks=$((checks + 1))
if ! bash -c '. "$1"; complete -p nerima-cio' bash "$T/comp.bash" |
    grep -q -- '-F _nerima_cio nerima-cio'; then
	fail "the bash script does not register _nerima_cio"
fi

comp "show" sh
# Every verb --help lists that starts with c, and 'completion'.
want_c=$( { "$NCIO" --help | awk '/^   [a-z]/ {print $1}' | grep '^c';
    echo completion; } | LC_ALL=C sort | tr '\n' ' ' | sed 's/ $//')
comp "$want_c" c
comp "--help --version -C" -
want_l=$("$NCIO" --help | awk '/^   [a-z]/ {print $1}' | grep '^l' |
    LC_ALL=C sort | tr '\n' ' ' | sed 's/ $//')
comp "$want_l" l
comp "--format --help --path" show --
comp "--format" show --f
comp "json yaml" show --format ""
comp "json" show --format j
# bash splits --format=j at '='
comp "json" show --format = j
comp "=json =yaml" show --format =
comp "text" log --format t
comp "--format --help" diff -
# Record ids: show takes any kind; a prefix after the dash works too.
comp "ck-1tcwq71m rv-1t5grk0g" -C "$T/data" show 1t
comp "rv-1t5grk0g" -C "$T/data" log rv-1t
comp "rv-1t5grk0g" -C "$T/data" show --path rv-1t
comp "" -C "$T/data" show rv-1t5grk0g ""
# Found by walking up from the current directory, like every command.
CWD=$T/data/reviews comp "rv-1t5grk0g" show rv-1t
# Folders for -C, files for a PATH option.
comp "$T/data" -C "$T/da"
comp "$T/files/paper.docx $T/files/plan.xlsx" completion bash -o "$T/files/p"
comp "$T/files/plan.xlsx" completion zsh --output "$T/files/pl"
# A verb on its usage lines still completes its sub-verbs.
comp "holidays" cal hol
comp "" nosuchverb ""

# zsh: the same script logic through zsh's words and CURRENT, with
# compadd and _files standing in for the completion system.
if command -v zsh >/dev/null 2>&1; then
	zcomp() {
		local want=$1 got
		shift
		checks=$((checks + 1))
		got=$(zsh -fc '
			compdef() { :; }
			compadd() {
				while [[ $1 != -- ]]; do shift; done
				shift
				print -l -- "$@"
			}
			_files() { print -- "(files $*)"; }
			source "$1"
			shift
			words=("$@")
			CURRENT=$#
			_nerima-cio' zsh "$T/comp.zsh" "$NCIO" "$@" |
		    LC_ALL=C sort | tr '\n' ' ' | sed 's/ $//')
		if [ "$got" != "$want" ]; then
			fail "zsh: completing '$*': got '$got', want '$want'"
		fi
	}
	checks=$((checks + 1))
	zsh -n "$T/comp.zsh" || fail "the zsh script does not parse"
	zcomp "show" sh
	zcomp "--format=json" show --format=j
	zcomp "rv-1t5grk0g" -C "$T/data" log rv-1t
	zcomp "(files )" completion bash -o ""
	zcomp "(files -/)" -C ""
	finish
	exit
fi
finish
echo "SKIP: zsh is not installed; the zsh script was not tried" >&2
exit 77
