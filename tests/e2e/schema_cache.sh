#!/bin/bash
# The schema cache (issue 15, lib/core/schema_cache.c): parsed schema
# files are kept in $XDG_CACHE_HOME/nerima-cio/schemas and used only for
# the exact bytes they were made from.  A run with the cache gives what a
# run without gives; a schema changed on disk (size and time kept) is
# seen at once, also a data directory's own; damaged entries, a cache
# that cannot be written and NCIO_SCHEMA_CACHE=0 change nothing but the
# speed; a bad pattern is reported every time.  --version needs no locale.
. "$(dirname "$0")/lib/common.bash"

export XDG_CACHE_HOME=$T/cache
C=$XDG_CACHE_HOME/nerima-cio/schemas
D=$T/data
sample_copy "$D"

nentries() { find "$C" -name '*.ncsc' 2>/dev/null | wc -l; }

# Without the cache: the reference output.
expect_status 0 env NCIO_SCHEMA_CACHE=0 "$NCIO" -C "$D" lint
cp "$T/out" "$T/want"
[ ! -e "$C" ] || fail "NCIO_SCHEMA_CACHE=0 made $C"
for run in 1 2; do
	expect_status 0 "$NCIO" -C "$D" lint
	expect_same "$T/want" "$T/out"
done
checks=$((checks + 1))
[ "$(nentries)" -ge 10 ] || fail "only $(nentries) cache entries"
[ -z "$(find "$D" -name '*.ncsc')" ] || fail "a cache entry in the data"
expect_status 0 "$NCIO" -C "$D" show rv-jh97kw1t
cp "$T/out" "$T/show"
expect_status 0 env NCIO_SCHEMA_CACHE=0 "$NCIO" -C "$D" show rv-jh97kw1t
expect_same "$T/show" "$T/out"

# A data directory's own pia.yaml, then changed with size and time kept:
# 'reviewing' (the sample's status) no longer allowed, then again.
mkdir -p "$D/schemas"
cp "$NCIO_SCHEMA_PATH/pia.yaml" "$D/schemas/pia.yaml"
expect_status 0 "$NCIO" -C "$D" lint
touch -r "$D/schemas/pia.yaml" "$T/stamp"
sed -i 's/^      - reviewing$/      - reveiwing/' "$D/schemas/pia.yaml"
touch -r "$T/stamp" "$D/schemas/pia.yaml"
cmp -s "$NCIO_SCHEMA_PATH/pia.yaml" "$D/schemas/pia.yaml" &&
    fail "pia.yaml unchanged"
for run in 1 2; do
	expect_status 1 "$NCIO" -C "$D" lint
	expect_grep "$T/out" "pias/.*status.*reviewing"
done
expect_status 1 env NCIO_SCHEMA_CACHE=0 "$NCIO" -C "$D" lint
cp "$T/out" "$T/want1"
expect_status 1 "$NCIO" -C "$D" lint
expect_same "$T/want1" "$T/out"
cp "$NCIO_SCHEMA_PATH/pia.yaml" "$D/schemas/pia.yaml"
expect_status 0 "$NCIO" -C "$D" lint
expect_same "$T/want" "$T/out"

# A pattern that does not compile: named with its file, line and column
# every time, the cache warm or not, and its file never kept (a file read
# back from the cache has its patterns compiled without regcomp()).
sed -i '0,/pattern: "^pi-/s/pattern: "^pi-/pattern: "^pi-([/' \
    "$D/schemas/pia.yaml"
grep -q 'pattern: "^pi-(\[' "$D/schemas/pia.yaml" || fail "pia.yaml unchanged"
line=$(grep -n 'pattern: "^pi-(\[' "$D/schemas/pia.yaml" | cut -d: -f1)
before=$(nentries)
for run in 1 2 3; do
	expect_status 1 "$NCIO" -C "$D" lint
	expect_grep "$T/out" "schemas/pia.yaml:$line:[0-9]*: bad pattern: "
done
checks=$((checks + 1))
[ "$(nentries)" -eq "$before" ] || fail "a schema with a bad pattern was kept"
cp "$T/out" "$T/badpat"
expect_status 1 env NCIO_SCHEMA_CACHE=0 "$NCIO" -C "$D" lint
expect_same "$T/badpat" "$T/out"
cp "$NCIO_SCHEMA_PATH/pia.yaml" "$D/schemas/pia.yaml"
expect_status 0 "$NCIO" -C "$D" lint
expect_same "$T/want" "$T/out"
rm -r "$D/schemas"

# Damaged entries: the same output, and the entries made again.
rm -r "$C"
expect_status 0 "$NCIO" -C "$D" lint
cp "$T/err" "$T/wanterr"
for f in "$C"/*.ncsc; do
	printf 'x' | dd of="$f" bs=1 seek=100 conv=notrunc 2>/dev/null
done
expect_status 0 "$NCIO" -C "$D" lint
expect_same "$T/want" "$T/out"
for f in "$C"/*.ncsc; do : >"$f"; done
expect_status 0 "$NCIO" -C "$D" lint
expect_same "$T/want" "$T/out"
checks=$((checks + 1))
[ -z "$(find "$C" -name '*.ncsc' -empty)" ] || fail "entries not rewritten"

# A cache that cannot be made: silently none.
expect_status 0 env XDG_CACHE_HOME="$D/nerima-cio.yaml" "$NCIO" -C "$D" lint
expect_same "$T/want" "$T/out"
expect_same "$T/wanterr" "$T/err"

# --version before the locale: the same in any language.
expect_status 0 "$NCIO" --version
cp "$T/out" "$T/version"
expect_grep "$T/version" '^nerima-cio [0-9]'
expect_status 0 env LC_ALL=ja_JP.UTF-8 LANGUAGE=ja "$NCIO" -C "$D" --version
expect_same "$T/version" "$T/out"
expect_status 2 "$NCIO" -C
finish
