#!/bin/bash
# The option tables, seen from outside: every option of every sub-verb is
# in its usage line and its man page; a usage error prints that sub-verb's
# usage only; unknown options, sub-verbs and verbs get the nearest one
# suggested; a verb's id prefix looks at its own kind only.
. "$(dirname "$0")/lib/common.bash"

MAN=$NCIO_SOURCE_DIR/man
# the sample's year's last day: a hearing's --sent defaults to today, and
# one more than a year after the record's fiscal year is refused (from
# 2028-04-01 on, before this was pinned)
export NERIMA_CIO_TODAY=2027-03-31
S=$T/sample
sample_copy "$S"
N() { "$NCIO" -C "$S" "$@"; }

# usage_lines VERB: the synopses of --help, "nerima-cio" first.
usage_lines() {
	N "$1" --help | sed -n -e 's/^usage: //p' -e 's/^   or: //p'
}

# --- every option in its usage line and its man page ----------------------
verbs=$("$NCIO" --help | sed -n '/^Verbs:$/,/^$/{/^   /s/^ *\([^ ]*\).*/\1/p}')
[ -n "$verbs" ] || fail "no verbs in nerima-cio --help"
nsubs=0
nopts=0
for verb in $verbs; do
	page=$MAN/nerima-cio-$verb.1
	usage_lines "$verb" >"$T/usage"
	subs=$(awk '{ print $3 }' "$T/usage" | grep -E '^[a-z][a-z-]*$' || true)
	[ -n "$subs" ] || subs=-
	for sub in $subs; do
		nsubs=$((nsubs + 1))
		if [ "$sub" = - ]; then
			N "$verb" --help >"$T/help"
			line=$(head -n 1 "$T/usage")
		else
			N "$verb" "$sub" --help >"$T/help"
			line=$(grep -E "^nerima-cio $verb $sub( |$)" "$T/usage")
		fi
		# "   -o, --output PATH  ..." and "   --title TEXT  ...".
		opts=$(sed -n 's/^   \(-[a-z], \)\{0,1\}--\([a-z0-9-]*\).*/\2/p' "$T/help")
		for o in $opts; do
			nopts=$((nopts + 1))
			checks=$((checks + 1))
			letter=$(sed -n "s/^   -\([a-z]\), --$o .*/\1/p" "$T/help")
			if [ -n "$letter" ]; then
				want_usage="-$letter"
				want_man="^\.(It |Op |Oo |.* )Fl $letter( |$)"
			else
				want_usage="--$o"
				want_man="Fl -$o( |$)"
			fi
			# review add's field options stand as [--FIELD VALUE]...
			case $line in
			*"--FIELD VALUE"*) ;;
			*)
				case " $line " in
				*"$want_usage"[]\ ]*) ;;
				*) fail "$verb $sub: --$o is not in the usage line: $line" ;;
				esac
				;;
			esac
			if ! grep -Eq -- "$want_man" "$page"; then
				fail "$verb $sub: --$o is not in $(basename "$page")"
			fi
		done
	done
done
checks=$((checks + 1))
[ "$nsubs" -ge 35 ] && [ "$nopts" -ge 120 ] ||
    fail "only $nsubs sub-verbs and $nopts options were checked"
echo "checked $nopts options of $nsubs sub-verbs" >&2

# --- a usage error prints that sub-verb's usage only ----------------------
for args in "review decide" "review hearing rv-x --round x" \
    "audit plan --type nosuch --target x --date 2026-04-01" \
    "checklist aggregate --kind department --fy 2026 --by section" \
    "cal add 2026-04-01" "list" "lint --nosuch"; do
	set -- $args
	expect_status 2 "$NCIO" -C "$S" "$@"
	expect_grep "$T/err" "^nerima-cio: $1( ${2:-})?: "
	checks=$((checks + 1))
	[ "$(grep -c '^usage: ' "$T/err")" = 1 ] &&
	    ! grep -q '^   or: ' "$T/err" || fail "$args: more than one usage line"
	case $1 in list|lint) want="^usage: nerima-cio $1 " ;;
	*) want="^usage: nerima-cio $1 ${2:-}( |$)" ;; esac
	expect_grep "$T/err" "$want"
done
# A value the option's type refuses names the option and what it wanted.
expect_status 2 N review list --as-of 2026-13-01
expect_grep "$T/err" "^nerima-cio: review list: --as-of: .*2026-13-01"
expect_status 2 N review list --fy 26
expect_grep "$T/err" "^nerima-cio: review list: --fy: "
expect_status 2 N audit finding au-02zk 1 --status done
expect_grep "$T/err" "--status: 'done' is not one of: open \(未是正\)"
expect_status 2 N review decide rv-mhx5
expect_grep "$T/err" "--result is required"

# --- did you mean ---------------------------------------------------------
expect_status 2 N review add --titel x
expect_grep "$T/err" "unknown option '--titel'; did you mean --title\?"
expect_status 2 N list review --fromat json
expect_grep "$T/err" "did you mean --format\?"
expect_status 2 N audit socre au-02zk
expect_grep "$T/err" "'audit socre' is not a command; did you mean 'audit score'\?"
expect_status 2 N checklist aggregat --kind self --fy 2026
expect_grep "$T/err" "did you mean 'checklist aggregate'\?"
expect_status 2 N reveiw list
expect_grep "$T/err" "'reveiw' is not a verb; did you mean 'review'\?"
expect_status 2 N review export recrod rv-mhx5
expect_grep "$T/err" "did you mean 'record'\?"
expect_status 2 N review list --zzzzzz
expect_grep "$T/err" "unknown option '--zzzzzz'$"

# --- a verb's id prefix looks at its own kind only ------------------------
# Find a prefix of the part after the dash that one review has and some
# record of another kind has too.
prefix=$(/usr/bin/python3 - "$S" <<'PY'
import os, sys
ids = []
for d, _, fs in os.walk(sys.argv[1]):
    ids += [f[:-5] for f in fs if f.endswith(".yaml") and "-" in f[:4]]
for n in (1, 2, 3):
    rv = {}
    other = set()
    for i in ids:
        p = i[3:3 + n]
        if i.startswith("rv-"):
            rv.setdefault(p, []).append(i)
        else:
            other.add(p)
    for p, v in sorted(rv.items()):
        if len(v) == 1 and p in other:
            print(p, v[0])
            sys.exit(0)
sys.exit(1)
PY
) || fail "no review prefix shared with another kind in the sample"
set -- $prefix
expect_status 1 N show "$1"
expect_grep "$T/err" "ambiguous"
expect_status 0 N review export all "$1" -o "$T/prefix/"
checks=$((checks + 1))
[ -n "$(ls "$T/prefix")" ] || fail "review export $1 wrote nothing"
expect_status 0 N review hearing "$1" --question 範囲は
expect_grep "$T/err" "updated .*/$2\.yaml$"
# An ambiguous one-character prefix lists ten candidates and counts the rest.
expect_status 1 N show 1
n=$(grep -c '^  [a-z][a-z]-' "$T/err" || true)
checks=$((checks + 1))
[ "$n" -le 10 ] || fail "an ambiguous prefix listed $n candidates"

finish
