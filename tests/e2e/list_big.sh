#!/bin/bash
# The listings read every record file whole into one buffer kept from file
# to file (issue 15): a record larger than that buffer's first size
# (64 KiB) is still read to its end -- a git conflict marker or a wanted
# key after its long responses block is seen -- and a small record read
# after a large one shows its own fields, not what the buffer held.
. "$(dirname "$0")/lib/common.bash"

D=$T/data
sample_copy "$D"
f=$(grep -l '^kind: self' "$D"/checklists/2025/*.yaml | head -1)
[ -n "$f" ] || { fail "no self-check record in the sample"; finish; }
id=$(basename "$f" .yaml)
cp "$f" "$T/orig"
n=$(grep -n '^responses:$' "$T/orig" | cut -d: -f1)
e=$(awk -v n="$n" 'NR > n && /^[^ ]/ { print NR - 1; exit }' "$T/orig")
[ -n "$n" ] && [ -n "$e" ] || { fail "no responses block in $f"; finish; }

# The same record with its responses repeated: some 240 KB.
big() {
	head -n "$n" "$T/orig"
	for i in $(seq 1 80); do
		sed -n "$((n + 1)),${e}p" "$T/orig"
	done
	tail -n +"$((e + 1))" "$T/orig"
}
big >"$T/big"
size=$(wc -c <"$T/big")
[ "$size" -gt $((3 * 65536)) ] || fail "the big record has only $size bytes"

# The listing as it is, to compare with.
expect_status 0 "$NCIO" -C "$D" list checklist
cp "$T/out" "$T/list.want"
expect_grep "$T/list.want" "^$id "

# Big and well formed: the same listing.
cp "$T/big" "$f"
expect_status 0 "$NCIO" -C "$D" list checklist
expect_same "$T/list.want" "$T/out"

# A conflict marker at the very end of the big file: skipped and said,
# in every format.
{ cat "$T/big"; printf '<<<<<<< HEAD\nnote: a\n=======\nnote: b\n'
    printf '>>>>>>> theirs\n'; } >"$f"
for fmt in table csv json; do
	expect_status 1 "$NCIO" -C "$D" list checklist --format $fmt
	expect_grep "$T/err" "skipped checklists/2025/$id.yaml: git conflict"
	expect_no_grep "$T/out" "$id"
done

# A wanted key after the block (status moved to the end): read from there.
grep -v '^status: ' "$T/big" >"$f"
echo 'status: returned' >>"$f"
expect_status 0 "$NCIO" -C "$D" list checklist
expect_grep "$T/out" "^$id .*差戻し\$"
expect_status 0 "$NCIO" -C "$D" list checklist --format csv
expect_grep "$T/out" "^$id,.*,returned\$"

# Every record of the folder read after the big one is its own: the
# listing of the other records is unchanged.
grep -v "^$id " "$T/list.want" >"$T/rest.want"
expect_status 0 "$NCIO" -C "$D" list checklist
grep -v "^$id " "$T/out" >"$T/rest"
expect_same "$T/rest.want" "$T/rest"

# Over the 4 MiB a record may have: refused, with its size.
{ cat "$T/orig"; head -c $((4 * 1024 * 1024)) /dev/zero | tr '\0' '#'
    echo; } >"$f"
expect_status 1 "$NCIO" -C "$D" list checklist
expect_grep "$T/err" "skipped checklists/2025/$id.yaml: a file of [0-9]* bytes"
expect_no_grep "$T/out" "^$id "
finish
