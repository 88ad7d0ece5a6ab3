#!/bin/bash
# Every date option of every verb takes the same forms: an era date in its
# long and short forms and full-width digits are stored (or used) as the
# ISO date.  Table-driven: one sub-verb and option a line, each run with
# every form.
. "$(dirname "$0")/lib/common.bash"

D=$T/data
export NERIMA_CIO_TODAY=2026-05-01
"$NCIO" init --no-git "$D" 2>/dev/null
mkdir -p "$D/catalogs/2026"
cp "$NCIO_SAMPLE_DIR"/catalogs/2026/*.yaml "$D/catalogs/2026/"
N() { "$NCIO" -C "$D" "$@"; }
FORMS=("令和8年4月10日" "R8.4.10" "２０２６－０４－１０")
WANT=2026-04-10

# field FILE PATH: the value at a path (a.b, a.0.b) of a record, or "-".
field() {
	$PY - "$1" "$2" <<'EOF'
import sys, yaml
v = yaml.load(open(sys.argv[1], encoding="utf-8"), Loader=yaml.CSafeLoader)
for k in sys.argv[2].split("."):
    v = v[int(k)] if isinstance(v, list) else (v or {}).get(k)
print("-" if v is None else v)
EOF
}

# expect_field FILE PATH: the field holds WANT.
expect_field() {
	local got
	checks=$((checks + 1))
	got=$(field "$1" "$2")
	[ "$got" = "$WANT" ] || fail "$3: $2 is '$got', want $WANT"
}

path_of() { N show --path "$1"; }

new_plan() {
	N review add --no-input --title "日付の確認 $RANDOM" --org hoiku \
	    --received 2026-04-01 --category new --cost 0 "$@" 2>/dev/null
}

for f in "${FORMS[@]}"; do
	# --- add, list ------------------------------------------------------
	id=$(N add review type=plan title="add $f" org=hoiku received="$f" \
	    category=new 2>/dev/null)
	expect_field "$(path_of "$id")" received "add received=$f"
	expect_status 0 N list review --where "received=$f" --format json
	checks=$((checks + 1))
	grep -q "\"$id\"" "$T/out" || fail "list --where received=$f misses $id"

	# --- review add, hearing, assess, decide, list ----------------------
	id=$(new_plan --due "$f")
	expect_field "$(path_of "$id")" due "review add --due $f"
	id=$(N review add --no-input --type system-evaluation --title "評価 $f" \
	    --org hoiku --received "$f" --evaluation-kind post \
	    --operation-start "$f" 2>/dev/null)
	expect_field "$(path_of "$id")" received "review add --received $f"
	expect_field "$(path_of "$id")" operation_start \
	    "review add --operation-start $f"
	id=$(new_plan)
	p=$(path_of "$id")
	expect_status 0 N review hearing "$id" --question 根拠は --sent "$f" \
	    --due "$f"
	expect_field "$p" hearings.0.sent "review hearing --sent $f"
	expect_field "$p" hearings.0.due "review hearing --due $f"
	expect_status 0 N review hearing "$id" --answer 見積りです --answered "$f"
	expect_field "$p" hearings.0.answered "review hearing --answered $f"
	expect_status 0 N review assess "$id" --viewpoint cost --rating adequate \
	    --submitted "$f"
	expect_field "$p" submitted "review assess --submitted $f"
	expect_status 0 N review decide "$id" --result approve --date "$f"
	expect_field "$p" decision.date "review decide --date $f"
	expect_status 0 N review list --as-of "$f"
	sed 's/ *$//' "$T/out" >"$T/list.$f"
	N review list --as-of $WANT | sed 's/ *$//' >"$T/list.iso"
	expect_same "$T/list.iso" "$T/list.$f"

	# --- audit plan, score, finding, agree, report, followup ------------
	a=$(N audit plan --type system --target "システム $f" --org somu \
	    --date 2026-04-01 --end-date "$f" 2>/dev/null)
	p=$(path_of "$a")
	expect_field "$p" end_date "audit plan --end-date $f"
	n=$(grep -c '^  - ref: ' "$p")
	N audit score "$a" --item 1 --result nonconform --note 不備 \
	    >/dev/null 2>&1 || fail "score item 1"
	for i in $(seq 2 "$n"); do
		N audit score "$a" --item "$i" --result na >/dev/null 2>&1 ||
		    fail "score item $i"
	done
	expect_status 0 N audit finding "$a" 1 --correction 直すこと。 --due "$f" \
	    --response 直した。 --response-date "$f"
	expect_field "$p" findings.0.due "audit finding --due $f"
	expect_field "$p" findings.0.response_date \
	    "audit finding --response-date $f"
	expect_status 0 N audit finding "$a" 1 --question 記録は --qa-date "$f"
	expect_field "$p" findings.0.qa.0.date "audit finding --qa-date $f"
	expect_status 0 N audit agree "$a" --by 例示 --date "$f"
	expect_field "$p" agreement.date "audit agree --date $f"
	expect_status 0 N audit report "$a" --date "$f"
	expect_field "$p" reported "audit report --date $f"
	expect_status 0 N audit followup "$a" --date "$f"
	expect_field "$(path_of "$(cat "$T/out")")" date \
	    "audit followup --date $f"
	a=$(N audit plan --type system --target "別システム $f" --date "$f" \
	    2>/dev/null)
	expect_field "$(path_of "$a")" date "audit plan --date $f"

	# --- cal -------------------------------------------------------------
	for args in "fy" "business" "add +1" "due procurement"; do
		set -- $args
		if [ "$1" = due ]; then
			N cal due procurement "$f" >"$T/got" 2>&1
			N cal due procurement $WANT >"$T/want" 2>&1
		elif [ "$1" = add ]; then
			N cal add "$f" 1 >"$T/got" 2>&1
			N cal add $WANT 1 >"$T/want" 2>&1
		else
			N cal "$1" "$f" >"$T/got" 2>&1
			N cal "$1" $WANT >"$T/want" 2>&1
		fi
		expect_same "$T/want" "$T/got"
	done
done

# --- checklist export report --date ---------------------------------------
S=$T/sample
sample_copy "$S"
for f in "${FORMS[@]}"; do
	rm -rf "$T/report"
	expect_status 0 "$NCIO" -C "$S" checklist export report --kind department \
	    --fy 2026 --date "$f" -o "$T/report/"
	checks=$((checks + 1))
	$PY - "$T/report/令和8年度_所属点検実施結果報告書.docx" <<'EOF' ||
import sys, docx
text = "\n".join(p.text for p in docx.Document(sys.argv[1]).paragraphs)
assert "令和8年4月10日" in text, text[:300]
EOF
	    fail "checklist export report --date $f: not dated 令和8年4月10日"
done
finish
