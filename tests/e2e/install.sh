#!/bin/bash
# 'cmake --install build --prefix P' gives a program that works from P
# with nothing else set: it finds its schemas, the shipped sample and its
# Japanese messages beside itself (also after P is moved), its man pages
# are where man looks, and its completion is where bash-completion looks
# (P = ~/.local).  The installed schemas are the ones in force, not the
# source tree's.
. "$(dirname "$0")/lib/common.bash"

build=$(dirname "$NCIO")
if ! command -v cmake >/dev/null 2>&1 || [ ! -f "$build/cmake_install.cmake" ]; then
	echo "SKIP: no cmake, or $build is not a CMake build directory" >&2
	exit 77
fi
export HOME=$T/home
mkdir -p "$HOME"
prefix=$HOME/.local
expect_status 0 cmake --install "$build" --prefix "$prefix"
for f in bin/nerima-cio share/man/man1/nerima-cio.1 \
    share/man/man1/nerima-cio-review.1 share/man/man1/nerima-cio-log.1 \
    share/nerima-cio/schemas/review.yaml share/nerima-cio/sample/nerima-cio.yaml \
    share/nerima-cio/sample/catalogs \
    share/locale/ja/LC_MESSAGES/nerima-cio.mo \
    share/bash-completion/completions/nerima-cio \
    share/zsh/site-functions/_nerima-cio; do
	checks=$((checks + 1))
	[ -e "$prefix/$f" ] || fail "not installed: $f"
done

# Nothing from the source tree or the test environment.
unset NCIO_SCHEMA_PATH NCIO_SAMPLE_DIR
export PATH=$prefix/bin:/usr/bin:/bin
run() { env -u LC_ALL -u LANGUAGE "$@"; }
expect_status 0 nerima-cio -C "$NCIO_SOURCE_DIR/data/sample" lint
expect_status 0 nerima-cio -C "$prefix/share/nerima-cio/sample" lint
expect_status 0 nerima-cio -C "$prefix/share/nerima-cio/sample" show rv-1t5g
expect_grep "$T/out" '^id: rv-1t5grk0g$'

# The installed schemas are the ones read: make one stricter there and
# the sample fails where it breaks it.
/usr/bin/python3 - "$prefix/share/nerima-cio/schemas/review.yaml" <<'EOF'
import sys
p = sys.argv[1]
t = open(p, encoding='utf-8').read()
assert '      - submitted\n' in t
open(p, 'w', encoding='utf-8').write(t.replace('      - submitted\n', '', 1))
EOF
expect_status 1 nerima-cio -C "$NCIO_SOURCE_DIR/data/sample" lint
expect_grep "$T/out" "rv-1t5grk0g.yaml:[0-9]+:[0-9]+: .*submitted"
cp "$NCIO_SOURCE_DIR/schemas/review.yaml" "$prefix/share/nerima-cio/schemas/"

# Man pages: where man looks for a prefix, and by the program's PATH.
if command -v man >/dev/null 2>&1; then
	expect_status 0 man -M "$prefix/share/man" -w nerima-cio-review
	expect_grep "$T/out" "^$prefix/share/man/man1/nerima-cio-review\.1"
	expect_status 0 env MANPATH= man -w nerima-cio-log
	expect_grep "$T/out" "^$prefix/share/man/man1/nerima-cio-log\.1"
else
	fail "man is not installed (Debian package man-db)"
fi

# Completion: the installed script, and bash-completion finding it in
# ~/.local/share/bash-completion/completions on its own.
complete_with() {
	bash -c '
		. "$1"
		shift
		COMP_WORDS=("$@")
		COMP_CWORD=$(( $# - 1 ))
		_nerima_cio
		printf "%s\n" "${COMPREPLY[@]}"' bash "$@"
}
checks=$((checks + 1))
got=$(complete_with "$prefix/share/bash-completion/completions/nerima-cio" \
    nerima-cio -C "$NCIO_SOURCE_DIR/data/sample" show rv-1t)
[ "$got" = rv-1t5grk0g ] || fail "installed completion: got '$got'"
if [ -f /usr/share/bash-completion/bash_completion ]; then
	checks=$((checks + 1))
	got=$(bash -c '
		. /usr/share/bash-completion/bash_completion
		__load_completion nerima-cio && complete -p nerima-cio')
	case $got in
	*"-F _nerima_cio nerima-cio"*) ;;
	*) fail "bash-completion does not find the script in ~/.local: $got" ;;
	esac
fi

# Moved elsewhere, the install still finds everything beside itself.
mv "$prefix" "$T/moved"
expect_status 0 "$T/moved/bin/nerima-cio" -C "$T/moved/share/nerima-cio/sample" lint
expect_status 0 "$T/moved/bin/nerima-cio" completion bash

# Japanese messages from the installed catalogue.
if locale -a 2>/dev/null | grep -qix 'ja_JP\.utf-\?8'; then
	run LANG=ja_JP.UTF-8 "$T/moved/bin/nerima-cio" shwo >"$T/out" \
	    2>"$T/err" || true
	expect_grep "$T/err" "'shwo' というコマンドはありません。もしかして 'show' ですか？"
	finish
	exit
fi
finish
echo "SKIP: the locale ja_JP.UTF-8 is not installed; Japanese messages" \
    "of the install not tried" >&2
exit 77
