#!/bin/bash
# edit: a valid edit is saved in the tool's form; an invalid one is
# refused, the record unchanged and the user's text kept; at a terminal
# the user may edit again.
. "$(dirname "$0")/lib/common.bash"

D=$T/data
"$NCIO" init --no-git "$D" 2>/dev/null
id=$("$NCIO" -C "$D" add meeting type=regular title=定例会 date=2026-05-07 2>/dev/null)
f=$D/meetings/2026/$id.yaml
[ -f "$f" ] || { fail "no meeting created"; finish; }

# A valid change: a new field typed in the wrong place is saved in order.
cat >"$T/ed-valid" <<'SH'
#!/bin/sh
sed -i 's/^title: .*/title: 第1回定例会/' "$1"
echo "place: 区役所本庁舎7階" >>"$1"
SH
chmod +x "$T/ed-valid"
EDITOR=$T/ed-valid expect_status 0 "$NCIO" -C "$D" edit "$id"
expect_grep "$T/err" "updated .*/meetings/2026/$id\.yaml"
expect_grep "$f" "^title: 第1回定例会$"
expect_grep "$f" "^place: 区役所本庁舎7階$"
expect_status 0 "$NCIO" -C "$D" lint
# Saved in schema order: the file is what the writer writes.
cp "$f" "$T/saved"
EDITOR=true expect_status 0 "$NCIO" -C "$D" edit "${id:3:4}"
expect_same "$T/saved" "$f"

# An invalid change without a terminal: refused, text kept.
cat >"$T/ed-bad" <<'SH'
#!/bin/sh
sed -i 's/^date: .*/date: 2026-02-30/' "$1"
echo "memo: 利用者の手書きメモ" >>"$1"
SH
chmod +x "$T/ed-bad"
EDITOR=$T/ed-bad expect_status 1 "$NCIO" -C "$D" edit "$id" </dev/null
expect_same "$T/saved" "$f"
expect_grep "$T/err" "meetings/2026/$id\.yaml:[0-9]+:7: date .*expected a date YYYY-MM-DD, found '2026-02-30'"
expect_grep "$T/err" "memo: unknown field"
expect_grep "$T/err" "your edit is kept in "
kept=$(sed -n 's/.*your edit is kept in //p' "$T/err")
checks=$((checks + 1))
if [ ! -f "$kept" ] || ! grep -q "利用者の手書きメモ" "$kept"; then
	fail "the user's text is not in '$kept'"
fi
rm -f "$kept"

# The editor fails: unchanged, text kept.
EDITOR=false expect_status 1 "$NCIO" -C "$D" edit "$id"
expect_same "$T/saved" "$f"
expect_grep "$T/err" "the text is kept in"

# Changed on disk by someone else meanwhile: not saved.
cat >"$T/ed-race" <<SH
#!/bin/sh
sed -i 's/^title: .*/title: 他の人の変更/' "$f"
sed -i 's/^title: .*/title: 私の変更/' "\$1"
SH
chmod +x "$T/ed-race"
EDITOR=$T/ed-race expect_status 1 "$NCIO" -C "$D" edit "$id"
expect_grep "$T/err" "changed on disk while you edited it"
expect_grep "$f" "^title: 他の人の変更$"
kept=$(sed -n 's/.*your edit is kept in //p' "$T/err")
[ -f "$kept" ] && grep -q "私の変更" "$kept" || fail "race: text not kept"
rm -f "$kept"

# At a terminal: refused, asked, edited again, saved.
if command -v script >/dev/null; then
	cp "$f" "$T/saved"
	cat >"$T/ed-twice" <<SH
#!/bin/sh
if [ ! -e "$T/second" ]; then
	touch "$T/second"
	sed -i 's/^date: .*/date: 2026-13-01/' "\$1"
else
	sed -i 's/^date: .*/date: 2026-05-21/' "\$1"
fi
SH
	chmod +x "$T/ed-twice"
	checks=$((checks + 1))
	printf 'y\n' | EDITOR=$T/ed-twice script -qec \
	    "'$NCIO' -C '$D' edit '$id'" /dev/null >"$T/tty" 2>&1 ||
	    fail "interactive retry: $(cat "$T/tty")"
	expect_grep "$T/tty" "retry the same edit"
	expect_grep "$f" "^date: 2026-05-21$"
fi
expect_status 2 "$NCIO" -C "$D" edit
expect_status 1 "$NCIO" -C "$D" edit zzzzzz
finish
