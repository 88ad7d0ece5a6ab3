#!/bin/bash
# Authored deliverables (deliverable add/list, lint of a registered file),
# the year-end bundle (report bundle, --verify) and protected attachments
# (--zip with --password-file, opened by 7z).
. "$(dirname "$0")/lib/common.bash"

D=$T/data
cp -r "$NCIO_SAMPLE_DIR" "$D"
export NERIMA_CIO_TODAY=2026-07-01
nc() { "$NCIO" -C "$D" "$@"; }

# ---- deliverable add / list / lint ------------------------------------

mkdir -p "$D/files"
printf 'PK fake docx: 教材\n' >"$D/files/研修教材_情報セキュリティ.docx"
tr_id=$(nc list training --fy 2026 --format json |
	/usr/bin/python3 -c 'import json,sys
for r in json.load(sys.stdin):
    if "新規採用" in r["title"]: print(r["id"]); break')
[ -n "$tr_id" ] || fail "no 2026 new-staff training in the sample"
expect_status 0 nc deliverable add "$D/files/研修教材_情報セキュリティ.docx" \
	--kind 教材 --spec '4(2)イ' --for "$tr_id" --date R8.6.30
dl_id=$(cat "$T/out")
expect_grep "$T/out" '^dl-[0-9a-z]{8}$'
rec="$D/deliverables/2026/$dl_id.yaml"
expect_grep "$rec" '^file: files/研修教材_情報セキュリティ.docx$'
expect_grep "$rec" "^sha256: \"?$(sha256sum "$D/files/研修教材_情報セキュリティ.docx" | cut -c1-64)\"?$"
expect_grep "$rec" "^size: $(stat -c %s "$D/files/研修教材_情報セキュリティ.docx")$"
expect_grep "$rec" '^date: 2026-06-30$'
expect_grep "$rec" "^for: $tr_id$"
expect_status 0 nc lint
# relative to the current directory, from inside the data directory
(cd "$D/files" && printf 'x\n' >提案書.docx &&
	"$NCIO" deliverable add 提案書.docx --kind proposal --spec '4(1)イ') \
	>"$T/out" 2>"$T/err" || fail "add from inside the data directory"
expect_status 0 nc deliverable list --fy 2026
expect_grep "$T/out" '4\(2\)イ +教材 +研修教材_情報セキュリティ +令和8年度 新規採用'
expect_grep "$T/out" '提案書'
expect_no_grep "$T/out" "$tr_id"
expect_status 0 nc deliverable list --fy 2026 --format json
/usr/bin/python3 - "$T/out" "$tr_id" <<'PY' || fail "deliverable list json"
import json, sys
rows = json.load(open(sys.argv[1]))
assert len(rows) == 3, rows
r = [x for x in rows if x["file"].startswith("files/研修教材")][0]
assert r["for_id"] == sys.argv[2] and r["kind"] == "教材", r
PY
expect_status 0 nc deliverable list --fy 2025
expect_no_grep "$T/out" '教材'

# bad input: outside the data directory, missing, twice, not a file
printf 'outside\n' >"$T/outside.docx"
expect_status 1 nc deliverable add "$T/outside.docx" --kind material --spec '4(1)イ'
expect_grep "$T/err" "outside the data directory"
ln -s "$T/outside.docx" "$D/files/link.docx"
expect_status 1 nc deliverable add "$D/files/link.docx" --kind material --spec '4(1)イ'
expect_grep "$T/err" "outside the data directory"
rm "$D/files/link.docx"
expect_status 1 nc deliverable add "$D/files/nothing.docx" --kind material --spec '4(1)イ'
expect_grep "$T/err" "cannot find"
expect_status 1 nc deliverable add "$D/files/研修教材_情報セキュリティ.docx" --kind material --spec '4(1)イ'
expect_grep "$T/err" "registered already \\($dl_id\\)"
expect_status 1 nc deliverable add "$D/files" --kind material --spec '4(1)イ'
expect_grep "$T/err" "not a regular file"
expect_status 2 nc deliverable add "$D/files/提案書.docx" --kind material --spec '9(9)ン'
[ "$(ls "$D"/deliverables/2026 | wc -l)" = 3 ] || fail "a refused add wrote a record"

# lint: changed, then missing
cp "$D/files/研修教材_情報セキュリティ.docx" "$T/keep"
printf 'edited\n' >>"$D/files/研修教材_情報セキュリティ.docx"
expect_status 1 nc lint
expect_grep "$T/out" "deliverables/2026/$dl_id.yaml: .*研修教材_情報セキュリティ.docx' has changed since it was registered"
rm "$D/files/研修教材_情報セキュリティ.docx"
expect_status 1 nc lint
expect_grep "$T/out" "deliverables/2026/$dl_id.yaml: .*研修教材_情報セキュリティ.docx' is missing"
cp "$T/keep" "$D/files/研修教材_情報セキュリティ.docx"
expect_status 0 nc lint

finish
