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

# The Python the checks run (Debian's, with its python3-* modules).
PY=/usr/bin/python3

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

# need_python [MODULE...]: skip the test (exit 77) unless $PY runs and
# imports every MODULE (Debian's python3-MODULE: docx, openpyxl, yaml,
# icalendar), saying which it lacks.
need_python() {
	local m missing=
	if ! [ -x "$PY" ]; then
		echo "SKIP: no $PY" >&2
		exit 77
	fi
	for m in "$@"; do
		"$PY" -c "import $m" 2>/dev/null || missing="$missing python3-$m"
	done
	if [ -n "$missing" ]; then
		echo "SKIP: $PY lacks$missing" >&2
		exit 77
	fi
}

# have_office TOOL...: true when LibreOffice (soffice) and every other
# TOOL named (pdftotext, pdfinfo) are installed, and the run wants its
# checks.  The sanitizer build sets NCIO_NO_LIBREOFFICE: LibreOffice is
# not instrumented, so converting the same files again under ASan only
# adds its minutes to CI (the first run of the suite converts them).
have_office() {
	local t
	if [ -n "${NCIO_NO_LIBREOFFICE:-}" ]; then
		echo "note: NCIO_NO_LIBREOFFICE is set, the LibreOffice checks were not run" >&2
		return 1
	fi
	for t in soffice "$@"; do
		command -v "$t" >/dev/null 2>&1 || return 1
	done
}

# sample_copy DIR: a copy of the sample data directory to change.
sample_copy() {
	cp -r "$NCIO_SAMPLE_DIR" "$1"
}

# meeting_titled DIR TITLE: the id of DIR's FY2026 meeting titled TITLE
# (empty when there is none).
meeting_titled() {
	grep -l "^title: $2\$" "$1"/meetings/2026/*.yaml | head -1 |
	    xargs -r basename | sed 's/\.yaml$//'
}

# report_rows DOCX [TEXT]: the cases a 作業実施報告書 lists, a line
# "件名<TAB>状況・備考" each; its paragraphs into TEXT (tests/py/report_rows.py).
report_rows() {
	"$PY" "$NCIO_SOURCE_DIR/tests/py/report_rows.py" "$@"
}

finish() {
	echo "$checks checks, $failures failed"
	[ "$failures" -eq 0 ]
}
