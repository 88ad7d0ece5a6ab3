# Shared by the end-to-end tests: a scratch directory, and checks that
# print what differed before failing.
set -eu

: "${NCIO:?NCIO must name the nerima-cio binary}"
: "${NCIO_SOURCE_DIR:?NCIO_SOURCE_DIR must name the source tree}"
export NCIO_SCHEMA_PATH="${NCIO_SCHEMA_PATH:-$NCIO_SOURCE_DIR/schemas}"
export NCIO_SAMPLE_DIR="${NCIO_SAMPLE_DIR:-$NCIO_SOURCE_DIR/data/sample}"
unset NERIMA_CIO_DIR
export GIT_AUTHOR_NAME=test GIT_AUTHOR_EMAIL=test@example.invalid
export GIT_COMMITTER_NAME=test GIT_COMMITTER_EMAIL=test@example.invalid

T=$(mktemp -d "${TMPDIR:-/tmp}/ncio-e2e.XXXXXX")
trap 'rm -rf "$T"' EXIT
failures=0
checks=0

fail() {
	echo "FAIL: $*" >&2
	failures=$((failures + 1))
}

# expect_status WANT CMD...: run CMD, keep stdout/stderr in $T/out, $T/err.
expect_status() {
	local want=$1 got=0
	shift
	checks=$((checks + 1))
	"$@" >"$T/out" 2>"$T/err" || got=$?
	if [ "$got" != "$want" ]; then
		fail "exit $got, want $want: $*"
		sed 's/^/  stdout: /' "$T/out" >&2
		sed 's/^/  stderr: /' "$T/err" >&2
	fi
}

# expect_grep FILE PATTERN: FILE has a line matching the extended regex.
expect_grep() {
	checks=$((checks + 1))
	if ! grep -Eq -- "$2" "$1"; then
		fail "no line matching '$2' in $(basename "$1")"
		sed 's/^/  | /' "$1" >&2
	fi
}

expect_no_grep() {
	checks=$((checks + 1))
	if grep -Eq -- "$2" "$1"; then
		fail "unexpected line matching '$2' in $(basename "$1")"
		sed 's/^/  | /' "$1" >&2
	fi
}

# expect_same WANT_FILE GOT_FILE
expect_same() {
	checks=$((checks + 1))
	if ! diff -u "$1" "$2" >&2; then
		fail "$2 differs from $1"
	fi
}

finish() {
	echo "$checks checks, $failures failed"
	[ "$failures" -eq 0 ]
}
