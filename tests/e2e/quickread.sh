#!/bin/bash
# 'list' shows what 'show' shows for every record 'lint' accepts (issue 11,
# defect 5): the quick reader that 'list' uses stops once its fields are
# in, and used to miss a key after a tab before the colon, after a line
# separator (U+2028), NEL or a CR, after a BOM, or quoted.
. "$(dirname "$0")/lib/common.bash"

D=$T/data
"$NCIO" init --no-git "$D" 2>/dev/null
id=$("$NCIO" -C "$D" add issue title=期限のある課題 raised=2026-05-01 \
    due=2027-01-28 2>/dev/null)
f=$D/issues/2026/$id.yaml
[ -f "$f" ] || { fail "no issue created"; finish; }
cp "$f" "$T/orig"

# Each variant: the same record written another way YAML allows.
variant() {
	case $1 in
	tab)	sed 's/^due: /due\t: /' "$T/orig" ;;
	spaces)	sed 's/^due: /due   : /' "$T/orig" ;;
	quoted)	sed 's/^due: /"due": /' "$T/orig" ;;
	single)	sed "s/^due: /'due': /" "$T/orig" ;;
	escaped) sed 's/^due: /"d\\x75e": /' "$T/orig" ;;
	explicit) sed 's/^due: \(.*\)/? due\n: \1/' "$T/orig" ;;
	ls)	sed 's/^status: open$/status: open\xe2\x80\xa8due: 2027-01-28/;/^due: /d' \
		    "$T/orig" ;;
	nel)	sed 's/^status: open$/status: open\xc2\x85due: 2027-01-28/;/^due: /d' \
		    "$T/orig" ;;
	crlf)	sed 's/$/\r/' "$T/orig" ;;
	cr)	tr '\n' '\r' <"$T/orig" ;;
	bom)	{ printf '\xef\xbb\xbf'; grep '^due: ' "$T/orig";
		    grep -v '^due: ' "$T/orig"; } ;;
	indented) sed 's/^/  /' "$T/orig" ;;
	flow)	printf '{%s}\n' "$(paste -sd, "$T/orig")" ;;
	esac
}
for v in tab spaces quoted single escaped explicit ls nel crlf cr bom \
    indented flow; do
	variant $v >"$f"
	checks=$((checks + 1))
	if ! "$NCIO" -C "$D" lint -q >"$T/lint" 2>&1; then
		fail "$v: lint refuses the variant"
		sed 's/^/  | /' "$T/lint" >&2
		continue
	fi
	"$NCIO" -C "$D" show "$id" >"$T/show" 2>&1
	"$NCIO" -C "$D" list issue >"$T/list" 2>&1
	expect_grep "$T/show" '2027-01-28'
	expect_grep "$T/list" "^$id .* 2027-01-28\$"
	"$NCIO" -C "$D" list issue --format csv >"$T/csv" 2>&1
	expect_grep "$T/csv" '2027-01-28'
done
finish
