#!/bin/bash
# Two teammates on separate clones each add 50 records; merged, there is
# no conflict and lint is clean (ids are unique without coordination).
. "$(dirname "$0")/lib/common.bash"

command -v git >/dev/null || { echo "FAIL: git is needed" >&2; exit 1; }
git init -q --bare "$T/shared.git"
"$NCIO" init "$T/seed" 2>/dev/null
(cd "$T/seed" && git push -q "$T/shared.git" HEAD:main)
for who in alice bob; do
	git clone -q -b main "$T/shared.git" "$T/$who"
	for i in $(seq 1 50); do
		"$NCIO" -C "$T/$who" add consult type=division title="$who の相談 $i" \
		    org=johoseisaku received=2026-07-01 status=received >/dev/null 2>>"$T/err" ||
		    fail "$who add $i: $(tail -1 "$T/err")"
	done
	(cd "$T/$who" && git add -A && git commit -qm "$who: 50 consultations")
done
(cd "$T/alice" && git push -q origin HEAD:main)
checks=$((checks + 1))
if ! (cd "$T/bob" && git pull -q --no-rebase --no-edit origin main) >"$T/merge" 2>&1; then
	fail "merge failed"
	cat "$T/merge" >&2
fi
checks=$((checks + 1))
if [ -n "$(cd "$T/bob" && git diff --name-only --diff-filter=U)" ]; then
	fail "merge conflicts"
fi
n=$(find "$T/bob/consults" -name '*.yaml' | wc -l)
[ "$n" -eq 100 ] || fail "$n records after the merge, want 100"
expect_status 0 "$NCIO" -C "$T/bob" lint
# Regenerating nothing: a lint run leaves the work tree clean.
checks=$((checks + 1))
[ -z "$(cd "$T/bob" && git status --porcelain)" ] || fail "work tree not clean"

# The pre-commit hook refuses a commit with a broken record.
"$NCIO" init --hook "$T/hooked" 2>/dev/null
mkdir -p "$T/hooked/issues/2026"
printf 'id: is-aaaaaaaa\nfy: 2026\n' >"$T/hooked/issues/2026/is-aaaaaaaa.yaml"
checks=$((checks + 1))
# The hook calls the binary that wrote it: no PATH needed.
if (cd "$T/hooked" && git add -A &&
    PATH=/usr/bin:/bin git commit -qm broken) >"$T/hook" 2>&1; then
	fail "the hook let a broken record be committed"
fi
expect_grep "$T/hook" "is-aaaaaaaa\.yaml:1:1: title .*required field is missing"
expect_grep "$T/hooked/.git/hooks/pre-commit" "^ncio='$NCIO'$"
# That binary gone and none on the PATH: the hook says how to fix it.
mkdir "$T/bin"
cp "$NCIO" "$T/bin/nerima-cio"
"$T/bin/nerima-cio" init --hook "$T/moved" 2>/dev/null
rm "$T/bin/nerima-cio"
checks=$((checks + 1))
if (cd "$T/moved" && echo "# x" >>orgs.yaml && git add -A &&
    PATH=/usr/bin:/bin git commit -qm x) >"$T/hook" 2>&1; then
	fail "the hook passed without a binary"
fi
expect_grep "$T/hook" "$T/bin/nerima-cio is gone and nerima-cio is not on the PATH"
expect_grep "$T/hook" "export PATH=DIR:"
expect_no_grep "$T/hook" "not found"
finish
