#!/bin/bash
# Every man page is clean under 'mandoc -T lint -W warning' -- any message
# fails -- and uses Fl only for flags.  mandoc cannot see the second:
# Fl, like most in-line macros, applies to every argument up to the next
# macro on its line, delimiters included, so
#	.Pq Fl -answered , default today .
# renders "(--answered, -default -today)".  Write the words after No
# (".Pq Fl -answered , No default today .") or on a line of their own.
# Pages that still do it are listed; they fail the test once NCIO_MAN_STRICT
# is ON (the CMake option, ON by default).
set -eu

: "${NCIO_SOURCE_DIR:?set NCIO_SOURCE_DIR to the source root}"
if ! command -v mandoc >/dev/null 2>&1; then
	echo "SKIP: mandoc is not installed (Debian package mandoc)" >&2
	exit 77
fi

failures=0
pages=0
for page in "$NCIO_SOURCE_DIR"/man/*.1; do
	pages=$((pages + 1))
	lint=$(mandoc -T lint -W warning "$page" 2>&1 || true)
	if [ -n "$lint" ]; then
		echo "FAIL: $(basename "$page"): mandoc -T lint -W warning:" >&2
		printf '%s\n' "$lint" >&2
		failures=$((failures + 1))
	fi
done

# Words given to Fl (not "-x", not one letter): macro lines only.
misuse=$(awk '
BEGIN {
	n = split("Ac Ad An Ao Ap Aq Ar At Bc Bo Bq Brc Bro Brq Bsx Bx Cd " \
	    "Cm Dc Do Dq Dv Dx Ec Em En Eo Er Es Ev Fa Fc Fl Fn Fo Fr Ft " \
	    "Fx Ic In Li Lk Ms Mt Nm No Ns Nx Oc Oo Op Ox Pa Pc Pf Po Pq " \
	    "Qc Ql Qo Qq Sc So Sq St Sx Sy Tn Ux Va Vt Xc Xo Xr", m, " ")
	for (i = 1; i <= n; i++)
		callable[m[i]] = 1
	n = split(", . ; : ( ) [ ] | ! ?", d, " ")
	for (i = 1; i <= n; i++)
		delim[d[i]] = 1
}
/^\./ {
	n = split(substr($0, 2), t, /[ \t]+/)
	infl = 0
	for (i = 1; i <= n; i++) {
		w = t[i]
		if (w == "")
			continue
		if (i == 1 || (w in callable)) {
			infl = (w == "Fl")
			continue
		}
		if (!infl || (w in delim) || w ~ /^\\?-/ || w ~ /^\\&/ ||
		    w ~ /^[A-Za-z0-9]$/)
			continue
		printf "%s:%d: \"%s\" after Fl renders as the flag -%s\n",
		    FILENAME, FNR, w, w
	}
}' "$NCIO_SOURCE_DIR"/man/*.1 | sed "s|^$NCIO_SOURCE_DIR/||")
if [ -n "$misuse" ]; then
	if [ "${NCIO_MAN_STRICT:-0}" = 1 ]; then
		echo "FAIL: words given to Fl:" >&2
		failures=$((failures + 1))
	else
		echo "words given to Fl (fail with NCIO_MAN_STRICT=ON):"
	fi
	printf '%s\n' "$misuse"
fi

if [ "$failures" -ne 0 ]; then
	echo "$failures failure(s) in $pages pages" >&2
	exit 1
fi
echo "$pages man pages clean under mandoc -T lint -W warning"
