#!/bin/bash
# Man pages: one per verb listed by 'nerima-cio --help', clean under
# 'mandoc -T lint', naming its verb, and with a SYNOPSIS that says exactly
# what the binary's usage lines say (git's t0450 does this for git).
set -eu

: "${NCIO:?set NCIO to the nerima-cio binary}"
: "${NCIO_SOURCE_DIR:?set NCIO_SOURCE_DIR to the source root}"

if ! command -v mandoc >/dev/null 2>&1; then
	echo "SKIP: mandoc is not installed (Debian package mandoc);" \
	    "man pages not checked" >&2
	exit 77
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
man=$NCIO_SOURCE_DIR/man
failures=0

fail() {
	echo "FAIL: $*" >&2
	failures=$((failures + 1))
}

# Render a page as plain text, wide enough that no synopsis wraps.  col(1)
# removes the overstrikes of bold and underline; without it, sed does.
render() {
	if command -v col >/dev/null 2>&1; then
		mandoc -T ascii -O width=250 "$1" | col -bx
	else
		mandoc -T ascii -O width=250 "$1" | sed 's/.\x08//g'
	fi
}

# The lines of section $2 of rendered page $1, stripped, blank lines
# dropped, runs of spaces collapsed.  A line indented deeper than the
# section's first line continues the line before it (a wrapped synopsis).
section() {
	awk -v want="$2" '
	/^[A-Z][A-Z ]*$/ { insec = ($0 == want); next }
	!insec || /^[ \t]*$/ { next }
	{
		match($0, /^ */)
		ind = RLENGTH
		line = $0
		gsub(/^ +| +$/, "", line)
		gsub(/ +/, " ", line)
		if (n > 0 && ind > base) {
			out[n] = out[n] " " line
			next
		}
		if (n == 0)
			base = ind
		out[++n] = line
	}
	END { for (i = 1; i <= n; i++) print out[i] }' "$1"
}

# The usage lines of a --help text: "usage: " and "   or: " stripped.
usage_lines() {
	sed -n -e 's/^usage: //p' -e 's/^   or: //p' "$1" |
	    sed -e 's/  */ /g' -e 's/ $//'
}

# check PAGE NAME HELPFILE: lint, NAME line, SYNOPSIS against usage.
check_page() {
	local page=$1 name=$2 help=$3 base lint
	base=$(basename "$page")
	if [ ! -f "$page" ]; then
		fail "$base: missing (every verb needs a man page)"
		return 0
	fi
	# Problems above style level; STYLE: lines are advice, not errors.
	lint=$(mandoc -T lint -W warning "$page" 2>&1 | grep -v ' STYLE: ' ||
	    true)
	if [ -n "$lint" ]; then
		fail "$base: mandoc -T lint reports problems:"
		printf '%s\n' "$lint" >&2
	fi
	render "$page" >"$tmp/page"
	section "$tmp/page" NAME >"$tmp/name"
	if ! grep -q "^$name - " "$tmp/name"; then
		fail "$base: NAME does not name $name:"
		cat "$tmp/name" >&2
	fi
	section "$tmp/page" SYNOPSIS >"$tmp/synopsis"
	usage_lines "$help" >"$tmp/usage"
	if [ ! -s "$tmp/usage" ]; then
		fail "$base: no usage lines in the --help output of $name"
	elif ! diff -u "$tmp/usage" "$tmp/synopsis" >"$tmp/diff"; then
		fail "$base: SYNOPSIS differs from the usage lines" \
		    "(- usage, + SYNOPSIS)"
		cat "$tmp/diff" >&2
	fi
}

"$NCIO" --help >"$tmp/help"
# The overview page has the global usage line, the first of --help.
head -n 1 "$tmp/help" >"$tmp/help-global"
check_page "$man/nerima-cio.1" nerima-cio "$tmp/help-global"

verbs=$(sed -n '/^Verbs:$/,/^$/{/^   /s/^ *\([^ ]*\).*/\1/p}' "$tmp/help")
if [ -z "$verbs" ]; then
	fail "no verbs found under 'Verbs:' in 'nerima-cio --help'"
fi
for verb in $verbs; do
	status=0
	"$NCIO" "$verb" --help >"$tmp/help-$verb" 2>"$tmp/err" || status=$?
	if [ "$status" -ne 0 ]; then
		fail "nerima-cio $verb --help: exit $status"
		cat "$tmp/err" >&2
		continue
	fi
	check_page "$man/nerima-cio-$verb.1" "nerima-cio-$verb" \
	    "$tmp/help-$verb"
	# The overview names every verb and points to its page.
	if ! grep -q "^\.Xr nerima-cio-$verb 1" "$man/nerima-cio.1"; then
		fail "nerima-cio.1 does not refer to nerima-cio-$verb(1)"
	fi
done

if [ "$failures" -ne 0 ]; then
	echo "$failures failure(s)" >&2
	exit 1
fi
echo "man pages: nerima-cio.1 and $(echo $verbs | wc -w) verb pages match" \
    "the usage lines"
