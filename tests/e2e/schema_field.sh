#!/bin/bash
# A new optional field needs a schema edit only: a copy of the sample adds
# two fields to its own schemas/review.yaml, and review add takes them as
# options (read by their type), list shows them as columns, show and the
# scrutiny record's lint see them -- with no change to the program.
. "$(dirname "$0")/lib/common.bash"

S=$T/sample
sample_copy "$S"
mkdir -p "$S/schemas"
# Two fields after the note: a text and a date.
$PY - "$NCIO_SOURCE_DIR/schemas/review.yaml" "$S/schemas/review.yaml" <<'EOF'
import sys
text = open(sys.argv[1], encoding="utf-8").read()
text = text.rstrip("\n") + """
  budget_code:
    title: 予算科目
    $ref: common.yaml#/$defs/line
  planned_start:
    title: 稼働予定日
    $ref: common.yaml#/$defs/date
"""
open(sys.argv[2], "w", encoding="utf-8").write(text)
EOF

# Without the override the option does not exist ...
expect_status 2 "$NCIO" -C "$NCIO_SAMPLE_DIR" review add --no-input --title x \
    --org hoiku --received 2026-05-01 --category new --budget-code 1
expect_grep "$T/err" "unknown option '--budget-code'"
# ... with it, it is listed and taken.
expect_status 0 "$NCIO" -C "$S" review add --help
expect_grep "$T/out" "^   --budget-code TEXT +予算科目$"
expect_grep "$T/out" "^   --planned-start DATE +稼働予定日$"
expect_status 0 "$NCIO" -C "$S" review add --no-input --title 新しい欄の確認 \
    --org hoiku --received 2026-05-01 --category new \
    --budget-code 総務費・情報化推進費 --planned-start 令和9年4月1日
id=$(cat "$T/out")
f=$("$NCIO" -C "$S" show --path "$id")
expect_grep "$f" "^budget_code: 総務費・情報化推進費$"
expect_grep "$f" "^planned_start: 2027-04-01$"
# A value of the wrong type is refused by the option, naming it.
expect_status 2 "$NCIO" -C "$S" review add --no-input --title x --org hoiku \
    --received 2026-05-01 --category new --planned-start someday
expect_grep "$T/err" "--planned-start: 'someday'"
# list: a column by the field's name, headed by its title.
expect_status 0 "$NCIO" -C "$S" list review --columns id,budget_code,planned_start
expect_grep "$T/out" "^ID +予算科目 +稼働予定日"
expect_grep "$T/out" "^$id +総務費・情報化推進費 +2027-04-01"
expect_status 0 "$NCIO" -C "$S" list review --where planned_start=R9.4.1 --format json
$PY -c 'import json,sys; r=json.load(open(sys.argv[1])); assert [x["id"] for x in r]==[sys.argv[2]], r' \
    "$T/out" "$id" || fail "list --where on the new field"
# show, and lint: the record is valid under the directory's schema.
expect_status 0 "$NCIO" -C "$S" show "$id"
expect_grep "$T/out" "^budget_code: 総務費・情報化推進費$"
expect_status 0 "$NCIO" -C "$S" lint
# add FIELD=VALUE reads it by its type too.
expect_status 0 "$NCIO" -C "$S" add review type=plan title=汎用の追加 org=保育課 \
    received=R8.5.1 category=新規 planned_start=２０２７／４／１
expect_grep "$("$NCIO" -C "$S" show --path "$(cat "$T/out")")" \
    "^planned_start: 2027-04-01$"
finish
