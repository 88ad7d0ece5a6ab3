#!/bin/bash
# The documents from data other than the sample: a year of the benchmark
# generator's records (a few hundred, more 課 and contracts than the
# sample), every year-level document and those of a few records of each
# kind.  Each export succeeds or refuses with its documented reason, and
# the workbooks pass the layout checks render_all applies to the sample's.
# The sample is what the layouts were tuned on; this catches what breaks
# beside it: a paragraph of 1,054 bytes cut mid-character by a 1,024-byte
# buffer (作業実施報告書's 振替先, so no document at all), a row twice as
# high as its text (研修結果's アンケート, a sheet the sample never fills).
# The sample with its texts as long as the schemas allow is
# e2e/long_text's.
. "$(dirname "$0")/lib/common.bash"

need_python openpyxl
export NCIO_BENCH_BIN=$T/bin
mkdir -p "$T/bin"
D=$T/gen
"$NCIO_SOURCE_DIR/tests/bench/gen" --years 1 --first-fy 2026 -o "$D" \
    >/dev/null 2>&1 || { fail "the generator failed"; exit 1; }
export NERIMA_CIO_TODAY=2027-03-31
O=$T/out.d
mkdir -p "$O"

# lint clean as generated: the records the documents below need, and the
# registered deliverable's file against its SHA-256 and size
expect_status 0 "$NCIO" -C "$D" lint
grep -q 'no problems' "$T/out" "$T/err" ||
    fail "lint: $(cat "$T/out" "$T/err")"
expect_status 0 "$NCIO" -C "$D" deliverable list --fy 2026
grep -q 見直し提案書 "$T/out" ||
    fail "deliverable list: the year's proposal missing: $(cat "$T/out")"

# export TAG CMD...: the command writes its files into $O/TAG
export_ok() {
	local tag=$1
	shift
	mkdir -p "$O/$tag"
	expect_status 0 "$NCIO" -C "$D" "$@" -o "$O/$tag/"
	if ! ls "$O/$tag" | grep -q .; then
		fail "$tag: nothing written"
	fi
}

export_ok rv-summary review export summary --fy 2026
export_ok au-results audit export results --fy 2026
export_ok au-risks audit export risks --fy 2026
export_ok au-items audit export items --fy 2026
for k in self department vendor; do
	export_ok ck-$k checklist export report --kind $k --fy 2026
done
export_ok in-stats incident export stats --fy 2026
export_ok rp-annual report annual --fy 2026
export_ok is-table issue export table --fy 2026
export_ok tr-summary training export summary --fy 2026
for f in $(ls "$D/audits/2026" | head -3); do
	export_ok "paper-${f%.yaml}" audit export paper "${f%.yaml}"
	export_ok "summary-${f%.yaml}" audit export summary "${f%.yaml}"
done
for f in $(ls "$D/reviews/2026" | head -3); do
	export_ok "record-${f%.yaml}" review export record "${f%.yaml}"
done
for f in $(ls "$D/incidents/2026" | head -2); do
	export_ok "incident-${f%.yaml}" incident export report "${f%.yaml}"
done
for f in $(ls "$D/trainings/2026" | head -2); do
	export_ok "training-${f%.yaml}" training export report "${f%.yaml}"
	export_ok "results-${f%.yaml}" training export results "${f%.yaml}"
done
m=$(grep -l 進捗報告会 "$D"/meetings/2026/*.yaml | head -1)
m=$(basename "$m" .yaml)
export_ok bimonthly report bimonthly --meeting "$m"
export_ok consult consult export report --meeting "$m"
export_ok minutes meeting export minutes "$m"

# The records the generator added for the documents the sample alone made
# (a work plan with a changed version, reviewed prevention measures, the
# reporting criteria, a follow-up audit in the first year, a decided
# system evaluation, the security plan and final report): each document
# exports from the generated year.
export_ok plan report plan --fy 2026
export_ok criteria incident export criteria --fy 2026
for f in $(grep -l '^  items:$' "$D"/incidents/2026/*.yaml | head -2); do
	export_ok "prevention-$(basename "$f" .yaml)" incident export \
	    prevention "$(basename "$f" .yaml)"
done
f=$(grep -l '^  number_system: true' "$D"/incidents/2026/*.yaml | head -1)
[ -n "$f" ] || f=$(grep -l '^privacy:' "$D"/incidents/2026/*.yaml | head -1)
export_ok incident-rules incident export report "$(basename "$f" .yaml)"
f=$(grep -l '^type: followup' "$D"/audits/2026/*.yaml | head -1)
export_ok followup-qa audit export qa "$(basename "$f" .yaml)"
f=$(grep -l '^opinions:' $(grep -l '^type: procurement' \
    "$D"/reviews/2026/*.yaml) | head -1)
export_ok opinion review export opinion "$(basename "$f" .yaml)"
f=$(grep -l '^type: system-evaluation' "$D"/reviews/2026/*.yaml | head -1)
export_ok evaluation review export evaluation "$(basename "$f" .yaml)"
export_ok eval-notice review export notice "$(basename "$f" .yaml)"
export_ok sec-plan report security-plan --fy 2026
export_ok sec-final report security-final --fy 2026
# the generated next actions are ones the deck does not question
checks=$((checks + 1))
! grep -q warning "$T/err" ||
    fail "security-final: warns on the generated record: $(cat "$T/err")"

# The 事故等報告書 of a personal-data incident judges by the year's
# reporting rules, not "本書では判定していない" (d09e584's fallback), and
# finds every report due made (the generated timeline's); the
# year's follow-up audit is counted in the audit results, and every
# chapter of every audit rated says nothing of 「－」 cells (review13).
checks=$((checks + 1))
$PY - "$O"/incident-rules/*.docx "$O"/au-results/* <<'PYEOF' ||
import re, sys, zipfile
bad = []
for f in sys.argv[1:]:
    z = zipfile.ZipFile(f)
    t = "".join(z.read(n).decode() for n in z.namelist()
                if n.endswith(".xml"))
    t = re.sub(r"<[^>]+>", "", t)
    if "事故等報告書" in f:
        if "本書では判定していない" in t or "事故等の報告基準により" not in t:
            bad.append(f + ": not judged by the reporting rules")
        # the timeline records each report due as made
        if "未了" in t or "報告済" not in t:
            bad.append(f + ": a report due not made")
        continue
    if f.endswith(".docx") and "フォローアップ監査 1 件" not in t:
        bad.append(f + ": the follow-up audit not counted")
    if "0%ではない" in t or "「－」を除く" in t:
        bad.append(f + ": chapters without a rate")
print("\n".join(bad))
sys.exit(1 if bad else 0)
PYEOF
    fail "incident report / au-results: what the new records give"

# The year's review numbers (練企情受第NN号, seven characters) whole in the
# 業務項目別実績's 内訳: broken before 第 they made every 審査 row two
# lines high (review13)
checks=$((checks + 1))
$PY - "$O"/rp-annual/*.xlsx <<'PYEOF' || fail "rp-annual: review numbers broken"
import sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1])["実績の内訳"]
nos = [r[3].value for r in ws.iter_rows(min_row=5)
       if isinstance(r[3].value, str) and r[3].value.startswith("練企情受")]
bad = [n for n in nos if "\n" in n]
print(len(nos), bad[:3])
sys.exit(0 if nos and not bad else 1)
PYEOF

checks=$((checks + 1))
find "$O" -name '*.xlsx' -print0 |
    xargs -0 $PY "$NCIO_SOURCE_DIR/tests/py/check_xlsx_layout.py" \
    >"$T/layout.out" 2>&1 ||
    { fail "workbook layout"; sed 's/^/  | /' "$T/layout.out" >&2; }

echo "$checks checks, $failures failed"
[ "$failures" -eq 0 ]
