#!/bin/bash
# training: the year's plan from the plan table (twice: nothing new), the
# question banks (and questions refused for their keys), freezing items,
# the new-content check finding the reuse planted in the sample, the
# answer sheet read back and filled by openpyxl, results checked against an
# independent computation, every export read back by python-docx and
# openpyxl, the list with what is overdue, and lint's errors and warnings.
. "$(dirname "$0")/lib/common.bash"

CHECK="$NCIO_SOURCE_DIR/tests/py/check_training.py"
need_python docx openpyxl yaml
export NERIMA_CIO_TODAY=2026-11-30
D=$T/data
O=$T/files
sample_copy "$D"
# 第2回 マイナンバー研修 (tr-1b32t2af) and システム担当者向け (tr-0j7a5p3v)
# are held and reported in the sample; this test prepares them: put the
# copies back to 準備中, without results
sed -i -e '/^survey:$/,$d' -e '/^materials:$/,+1d' \
    -e '/^\(attended\|report_submitted\|material_submitted\): /d' \
    -e 's/^status: reported$/status: preparing/' \
    "$D/trainings/2026/tr-1b32t2af.yaml" "$D/trainings/2026/tr-0j7a5p3v.yaml"
# and its 担当者研修（第2回） report overdue: the sample has it submitted
sed -i -e '/^report_submitted: /d' -e 's/^status: reported$/status: held/' \
    "$D/trainings/2026/tr-8gzvqy2v.yaml"
run() { expect_status "$1" "$NCIO" -C "$D" training "${@:2}"; }
py() { $PY "$CHECK" "$@" >&2 || fail "check_training.py $*"; }
fingerprint() { find "$1" -name '*.yaml' -exec md5sum {} + | sort; }
# the sample's trainings by plan key
rec() { grep -l "^plan_key: $2\$" "$D"/trainings/"$1"/*.yaml | head -1; }
id_of() { basename "$(rec "$1" "$2")" .yaml; }
NURSERY=$(id_of 2026 nursery-staff)
MYNUM1=$(id_of 2026 mynumber-1)
MYNUM2=$(id_of 2026 mynumber-2)
NEWMGR27=$(id_of 2027 new-manager)
HEAD=$(id_of 2026 nursery-head)
SYSTEM=$(id_of 2026 system-staff)

# --- plan ---------------------------------------------------------------
before=$(fingerprint "$D")
run 0 plan --fy 2026
expect_grep "$T/out" '^nothing to add: the 14 trainings of 令和8年度 and the 2 material drafts for 令和9年度 are already planned$'
expect_grep "$T/out" '^draft +tr-[0-9a-z]{8}  2027-04-05  令和9年度 新規採用職員研修'
[ "$before" = "$(fingerprint "$D")" ] || fail "a second plan changed records"
run 2 plan
run 2 plan --fy someday
# a fresh directory: the shipped plan table
F=$T/fresh
expect_status 0 "$NCIO" init --no-git "$F"
expect_status 0 "$NCIO" -C "$F" training plan --fy 2026 --dry-run
expect_grep "$T/out" '^dry run: 16 new, 0 already planned$'
expect_grep "$T/err" 'using the shipped plan table'
[ ! -d "$F/trainings" ] || fail "a dry run wrote trainings"
expect_status 0 "$NCIO" -C "$F" training plan --fy 2026
expect_grep "$T/out" '^16 new, 0 already planned$'
expect_grep "$T/out" '^new +tr-[0-9a-z]{8}  2026-06-24  令和8年度 情報セキュリティ担当者研修（第2回） +2026-06-10 +2026-07-15$'
expect_grep "$T/out" '^new draft +tr-[0-9a-z]{8}  2027-04-16  令和9年度 新任管理職研修（情報セキュリティ） +2027-03-31 +2027-05-13$'
[ "$(ls "$F"/trainings/2026 | wc -l)" = 14 ] || fail "FY2026 trainings"
[ "$(ls "$F"/trainings/2027 | wc -l)" = 2 ] || fail "FY2027 drafts"
so=$(grep -l '^plan_key: security-officer$' "$F"/trainings/2026/*.yaml |
    xargs grep -l '^session: 2$')
expect_grep "$so" '^material_due: 2026-06-10$'
expect_grep "$so" '^report_due: 2026-07-15$'
expect_grep "$so" '^makes_test: true$'
expect_grep "$(grep -l '^plan_key: regular-staff$' "$F"/trainings/2026/*.yaml)" \
    '^end_date: 2026-09-02$'
expect_no_grep "$(grep -l '^plan_key: regular-staff$' "$F"/trainings/2026/*.yaml)" \
    '^report_due'
expect_status 0 "$NCIO" -C "$F" training plan --fy 2026
expect_grep "$T/out" '^nothing to add'
expect_status 0 "$NCIO" -C "$F" lint
# a plan table with a key twice is refused
cp "$NCIO_SAMPLE_DIR/training-plan.yaml" "$F/"
sed -i 's/^  - key: digital-dx$/  - key: digital-data/' "$F/training-plan.yaml"
expect_status 1 "$NCIO" -C "$F" training plan --fy 2027
expect_grep "$T/err" "training-plan.yaml.*row key 'digital-data' is used twice"
expect_status 1 "$NCIO" -C "$F" lint
expect_grep "$T/out" "^training-plan.yaml:.*used twice"

# --- banks --------------------------------------------------------------
run 0 bank list
expect_grep "$T/err" '^82 questions \(bank: 33 survey, 49 test\)$'
run 0 bank list --kind test --topic 生成AIの利用
[ "$(grep -c '^ts-ai-' "$T/out")" = 5 ] || fail "生成AI items"
run 0 bank list --kind survey --audience 区立保育園職員
expect_grep "$T/out" '^sv-nur-01 '
expect_no_grep "$T/out" '^sv-mgr-01 '
banks() { fingerprint "$D/catalogs"; }
before=$(banks)
run 1 bank add --kind test --ref ts-ai-09 --type single --text 問題文 \
    --choice ア --choice イ --explanation なし
expect_grep "$T/err" "test item 'ts-ai-09' has no key"
run 1 bank add --kind test --ref ts-ai-09 --type single --text 問題文 \
    --choice ア --choice イ --choice ウ --key 1 --key 3
expect_grep "$T/err" "test item 'ts-ai-09' is single choice but has 2 keys"
run 1 bank add --kind test --ref ts-ai-09 --type single --text 問題文 \
    --choice ア --choice イ --key 4
expect_grep "$T/err" "a key is not one of its 2 choices"
run 1 bank add --kind test --ref ts-ai-01 --type single --text 問題文 \
    --choice ア --choice イ --key 1
expect_grep "$T/err" "ref 'ts-ai-01' is already in the question banks"
run 1 bank add --kind survey --ref sv-x-01 --type scale --text 設問 \
    --choice 良い --choice 悪い
expect_grep "$T/err" "5-point scale but has 2 labels"
cat >"$T/two.yaml" <<'EOF'
- ref: ts-ai-10
  type: single
  topic: 生成AIの利用
  text: 生成AIの回答を区民向け文書に使う前に必要なことはどれか。
  choices: [そのまま使う, 職員が事実と出典を確認する, 別のAIに確認させる]
  key: [2]
- ref: ts-ai-11
  type: multiple
  topic: 生成AIの利用
  text: 二つ目の問題。
  choices: [甲, 乙]
EOF
run 1 bank add --kind test --from "$T/two.yaml"
expect_grep "$T/err" "two.yaml:7:3: test item 'ts-ai-11' has no key"
expect_grep "$T/err" 'nothing was added'
[ "$before" = "$(banks)" ] || fail "a refused question changed the banks"
run 2 bank list --key 1
run 2 bank remove
run 2 bank add --ref x --type single --text y
run 0 bank add --kind test --ref ts-ai-06 --type single --topic 生成AIの利用 \
    --clause 2-8 --audience 常勤職員 --audience system-staff \
    --text '生成AIの回答を区民向け文書に使う前に必要なことはどれか。' \
    --choice 'そのまま使う' --choice '職員が事実と出典を確認する' \
    --choice '別のAIに確認させる' --key 2 \
    --explanation 'もっともらしい誤りがあり得るため、職員が確認する。'
expect_grep "$T/err" '^added 1 question to the test bank ca-'
run 0 bank list --kind test --topic 生成AIの利用
expect_grep "$T/out" '^ts-ai-06 +テスト +単一選択 +生成AIの利用 +2 +生成AIの回答'
expect_status 0 "$NCIO" -C "$D" lint
run 0 bank export -o "$O/"
py bank-xlsx "$O/研修設問バンク_令和8年度.xlsx" 50 33

# --- items and the new-content check ------------------------------------
run 1 check "$NURSERY"
expect_grep "$T/out" "^compared with: 令和7年度 区立保育園職員向け情報セキュリティ研修 \(last year's training for the same audience\)$"
expect_grep "$T/out" '^テスト +6  同一 +1\.00  ts-phish-01 '
expect_grep "$T/out" '^テスト +7  類似 +0\.8[0-9]  ts-usb-06 .*No\.3 → 候補 '
expect_grep "$T/out" '^テスト +8  同一 +1\.00  ts-sns-01 '
expect_grep "$T/out" '^アンケート +5  同一 +1\.00  sv-el-01 '
expect_grep "$T/out" '^アンケート +1  定点 +1\.00  sv-sat-01 '
expect_grep "$T/out" '^研修内容 +3  同一 +1\.00  外部記録媒体の管理簿による管理と、SDカードの取扱い。'
expect_grep "$T/out" '^new content: 70\.6% \(test 7 of 10, survey 3 of 4, outline 2 of 3'
expect_grep "$T/out" '^replace 5: sv-el-01 ts-phish-01 ts-usb-06 ts-sns-01 outline sentence 3$'
# a training whose staff had the general training: compared with it too
run 0 check "$SYSTEM"
expect_grep "$T/out" '^compared with: 令和8年度 常勤職員向け情報セキュリティ研修 \(the general training the staff already had\)$'
# the sample lints clean; a reused question in a training to come warns
expect_status 0 "$NCIO" -C "$D" lint
expect_no_grep "$T/err" 'warning'
run 0 items "$MYNUM2" --add sv-ins-01 ts-inc-01
expect_grep "$T/out" '^S11 +sv-ins-01 '
expect_grep "$T/out" '^ +T1 +ts-inc-01 '
expect_grep "$T/out" '^11 survey questions, 1 test items$'
expect_grep "$(ls "$D"/trainings/2026/"$MYNUM2".yaml)" '^    bank: ca-'
run 1 check "$MYNUM2"
expect_grep "$T/out" '^アンケート +11  同一 +1\.00  sv-ins-01 .*令和7年度 マイナンバー利用事務等従事職員研修（第2回） No\.4'
expect_status 0 "$NCIO" -C "$D" lint
expect_grep "$T/err" "trainings/2026/$MYNUM2.yaml: warning: survey question 11 \(sv-ins-01\) is the same as in last year's training"
if locale -a 2>/dev/null | grep -qix 'ja_JP\.utf-\?8'; then
	expect_status 0 env LANG=ja_JP.UTF-8 LC_ALL= LANGUAGE= "$NCIO" -C "$D" lint
	expect_grep "$T/err" "アンケートの設問 11 \(sv-ins-01\) は前年度の研修（.*）と同じです。"
fi
run 0 items "$MYNUM2" --remove sv-ins-01 ts-inc-01
run 0 check "$MYNUM2"
expect_grep "$T/out" '^new content: '
expect_no_grep "$T/out" '^replace'
run 1 items "$NURSERY" --add ts-ai-01
expect_grep "$T/err" 'has results: its questions are fixed'
run 1 items "$MYNUM2" --add ts-nothing
expect_grep "$T/err" "'ts-nothing' is in neither question bank"
run 1 items "$MYNUM2" --add sv-sat-01
expect_grep "$T/err" "'sv-sat-01' is already a question of"
run 2 items "$MYNUM2" sv-sat-01
run 2 items "$MYNUM2" --add

# --- the answer sheet and the Forms questions ---------------------------
run 1 form "$NEWMGR27" -o "$O/"
expect_grep "$T/err" 'has no survey questions or test items yet'
run 0 items "$NEWMGR27" --add ts-inc-03 ts-mynum-07 ts-mail-05 ts-phish-06 \
    ts-pass-03 ts-asset-02 ts-ai-05 ts-inc-02 ts-usb-03 ts-ai-06 \
    sv-sat-01 sv-und-01 sv-mgr-01 sv-act-01 sv-free-01
expect_grep "$T/out" '^5 survey questions, 10 test items$'
run 0 form "$NEWMGR27" -o "$O/form/"
form="$O/form/回答用紙_令和9年度_新任管理職研修（情報セキュリティ）.xlsx"
txt="$O/form/Forms用設問_令和9年度_新任管理職研修（情報セキュリティ）.txt"
py form "$form" "$(ls "$D"/trainings/2027/"$NEWMGR27".yaml)"
expect_grep "$txt" '^テスト10【選択肢・必須・1点】生成AIの回答を区民向け文書に使う前に必要なことはどれか。$'
expect_grep "$txt" '^正解：職員が事実と出典を確認する$'
expect_grep "$txt" '^正解：特定個人情報を取り扱う事務を委託するとき.*|^正解：委託先で安全管理措置がとられているか確認する ／ 再委託には区の許諾を要することを契約で定める ／ 委託先の従業者の監督状況を報告させる$'
expect_no_grep "$txt" 'tr-[0-9a-z]{8}'
# the same training gives the same bytes
run 0 form "$NEWMGR27" -o "$O/again/"
cmp -s "$form" "$O/again/$(basename "$form")" || fail "form not deterministic"
# filled in as respondents would, by an independent writer
$PY "$CHECK" fill "$form" "$T/filled.xlsx" 7 12 >"$T/written.json" ||
    fail "openpyxl could not fill the form"
[ "$($PY -c 'import json,sys; print(len(json.load(open(sys.argv[1]))))' \
    "$T/written.json")" = 12 ] || fail "12 respondents filled"

# --- results, checked against an independent computation -------------
for id in "$NURSERY" "$MYNUM1" $(id_of 2026 new-manager) \
    $(id_of 2026 digital-data) $(id_of 2026 new-hire); do
	f=$(ls "$D"/trainings/*/"$id".yaml)
	run 0 results "$id" --format json
	cp "$T/out" "$T/$id.json"
	py results "$f" "$T/$id.json"
done
run 0 results "$MYNUM1"
expect_grep "$T/out" '^test: 2973 examinees, 10 questions, mean 71\.[0-9]%'
expect_grep "$T/out" '^  4  ts-mynum-07 .* 難しすぎ$'
expect_grep "$T/out" '^  8  ts-ai-03 .* 識別力が低い$'
expect_grep "$T/out" '^ 10  ts-pass-04 .* 易しすぎ・識別力が低い$'
expect_grep "$T/out" '^survey: 2086 respondents'
run 0 results "$MYNUM1" --pass-mark 70 --format json
py results "$(ls "$D"/trainings/2026/"$MYNUM1".yaml)" "$T/out"
run 0 results "$(id_of 2026 new-hire)"
expect_grep "$T/out" 'satisfaction 88\.3% \(as reported\)'
expect_grep "$T/out" '^survey run by 人材育成課$'
run 2 results "$NURSERY" --format xml
run 2 results "$NURSERY" --pass-mark 101

# --- documents ----------------------------------------------------------
run 0 export report "$NURSERY" "$MYNUM1" -o "$O/docs/"
for id in "$NURSERY" "$MYNUM1"; do
	title=$(sed -n 's/^title: 令和8年度 //p' "$D"/trainings/2026/"$id".yaml)
	py report "$O/docs/研修実施報告書_令和8年度_$title.docx" \
	    "$D/trainings/2026/$id.yaml" "$T/$id.json"
done
$PY -c 'import docx, sys; print("\n".join(p.text for p in docx.Document(sys.argv[1]).paragraphs))' \
    "$O/docs/研修実施報告書_令和8年度_区立保育園職員向け情報セキュリティ研修.docx" \
    >"$T/report.txt"
# the tables add up: the 部別 rows to their 計 and to the 受講者, each
# question's counts (and its 無回答) to the 回答者 of 3(1) (rev21b T4,
# T5: 2,049 of 2,086 and nothing said; 36 of 57 受講者 and no 計)
checks=$((checks + 1))
$PY - "$O"/docs/研修実施報告書_令和8年度_マイナンバー*（第1回）.docx <<'PYEOF' ||
import re, sys, docx
d = docx.Document(sys.argv[1])
text = "\n".join(p.text for p in d.paragraphs)
n = lambda s: int(s.replace(",", ""))
att = n(re.search(r"受講者は([0-9,]+)名", text).group(1))
resp = n(re.search(r"回答者は([0-9,]+)名", text).group(1))
dept = next(t for t in d.tables if t.rows[0].cells[0].text == "部")
rows = [[c.text for c in r.cells] for r in dept.rows[1:]]
assert rows[-1][0] == "計", rows[-1]
col = [c.text for c in dept.rows[0].cells].index("受講者数")
assert sum(n(r[col]) for r in rows[:-1]) == n(rows[-1][col]) == att, rows
survey = next(t for t in d.tables if t.rows[0].cells[-1].text == "肯定的回答")
blank = 0
for r in survey.rows[1:]:
    cell = r.cells[2].text
    if "複数回答" in cell:
        continue
    got = sum(n(x) for x in re.findall(r" ([0-9,]+)名（", cell))
    m = re.search(r"無回答 ([0-9,]+)名", cell)
    blank += m is not None
    assert got + (n(m.group(1)) if m else 0) == resp, (cell, got, resp)
assert blank > 0, "the sample's blanks not shown"
PYEOF
    fail "the 研修実施報告書's tables do not add up"
expect_grep "$T/report.txt" '^新規性の確認の結果、アンケートの設問5とテストの問6～8は前年度の研修と同一または類似の内容であった。'
# a test repeated whole is said so, not in ten numbers one by one (rev18a)
sample_copy "$T/tq"
$PY - "$T/tq/trainings/2025/tr-nj23s1h4.yaml" \
    "$T/tq/trainings/2026/$NURSERY.yaml" <<'PY'
import re, sys
def block(s):
    return re.search(r"^test_items:\n(?:(?:  .*|)\n)*", s, re.M)
a, b = (open(f, encoding="utf-8").read() for f in sys.argv[1:])
ma, mb = block(a), block(b)
open(sys.argv[1], "w", encoding="utf-8").write(a[:ma.start()] + mb.group(0) +
                                               a[ma.end():])
PY
"$NCIO" -C "$T/tq" training export report "$NURSERY" -o "$T/tq.docx" >/dev/null
$PY -c 'import docx, sys; print("\n".join(p.text for p in docx.Document(sys.argv[1]).paragraphs))' \
    "$T/tq.docx" >"$T/tq.txt"
expect_grep "$T/tq.txt" '^新規性の確認の結果、アンケートの設問5とテストのすべての問題（問1～10）は前年度の研修と同一'
# an attendance 16 points down is not passed over for the 満足度's verdict
sed -i 's/^attended: .*/attended: 190/' "$T/tq/trainings/2026/$NURSERY.yaml"
"$NCIO" -C "$T/tq" training export report "$NURSERY" -o "$T/tq2.docx" >/dev/null
$PY -c 'import docx, sys; print("\n".join(p.text for p in docx.Document(sys.argv[1]).paragraphs))' \
    "$T/tq2.docx" >"$T/tq2.txt"
expect_grep "$T/tq2.txt" '受講率は79\.2%であり、前年度（95\.4%）から16\.2ポイント低下した。'
expect_grep "$T/tq2.txt" '^受講率が前年度から低下しており、'
expect_no_grep "$T/report.txt" '^受講率が前年度から低下しており、'
expect_grep "$T/report.txt" '^正答率が90%を超えた問1、問8、問9は'
run 0 export results "$NURSERY" -o "$O/docs/nursery.xlsx"
py results-xlsx "$O/docs/nursery.xlsx" "$T/$NURSERY.json"
# 所属別: no column of "－" (対象者数 and 受講率 only when the records hold
# them), and a 計 row that adds up the 受講者数
run 0 export results tr-0b2qgn8c -o "$O/docs/mn.xlsx"
# 設問分析's 判定 centred: left-aligned after 無回答's right-aligned digit
# it read 0易しすぎ (issue 18)
$PY - "$O/docs/mn.xlsx" <<'PYEOF' || fail "設問分析's 判定 against 無回答"
import sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1])["設問分析"]
rows = list(ws.iter_rows())
h = [i for i, r in enumerate(rows) if r[0].value == "問"][0]
j = [c.value for c in rows[h]].index("判定")
cells = [r[j] for r in rows[h + 1:] if r[j].value]
assert cells, "no 判定"
assert all(c.alignment.horizontal == "center" for c in cells), \
    [c.alignment.horizontal for c in cells]
PYEOF
for f in "$O/docs/nursery.xlsx" "$O/docs/mn.xlsx"; do
	$PY - "$f" <<'PYEOF' || fail "所属別 of $(basename "$f")"
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
if "所属別" in wb.sheetnames:
    ws = wb["所属別"]
    rows = [[c.value for c in r] for r in ws.iter_rows()]
    h = [i for i, r in enumerate(rows) if r[:2] == ["部", "課"]][0]
    head, body = rows[h], [r for r in rows[h + 1:] if r[0]]
    assert body[-1][0] == "計", body[-1]
    for c, name in enumerate(head):
        col = [r[c] for r in body[:-1]]
        assert not all(v == "－" for v in col), "column %s all －" % name
    a = head.index("受講者数")
    assert body[-1][a] == sum(r[a] for r in body[:-1]), body[-1]
PYEOF
done
# 所属別 lists the 部 in the ward's organisation order (orgs.yaml) and
# the 課 under their 部, in the workbook and in the report (by 課 for the
# nursery training, by 部 for the 23 課 of tr-0b2qgn8c): ranked by
# attendance with ties in code order, 教育振興部 came on rows 4, 8 and 15
ORDER="$NCIO_SOURCE_DIR/tests/py/check_org_order.py"
for f in "$O/docs/nursery.xlsx" "$O/docs/mn.xlsx"; do
	$PY "$ORDER" "$D/orgs.yaml" "$f" 所属別 org >&2 ||
	    fail "所属別 of $(basename "$f") in organisation order"
done
run 0 export report tr-0b2qgn8c -o "$O/docs/report-mn.docx"
for f in "$O/docs/report-mn.docx" \
    "$O/docs/研修実施報告書_令和8年度_区立保育園職員向け情報セキュリティ研修.docx"; do
	$PY "$ORDER" "$D/orgs.yaml" "$f" - org >&2 ||
	    fail "所属別 of $(basename "$f") in organisation order"
done
# the report's charts carry their values as the workbook's do: a reader
# of the 得点分布 or 問題別の正答率 should not read a bar against the axis
$PY - "$O/docs/report-mn.docx" <<'PYEOF' || fail "report: charts without values"
import re, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
charts = [z.read(x).decode() for x in z.namelist()
          if re.match(r"word/charts/chart\d+\.xml$", x)]
for n in ("テストの得点分布", "問題別の正答率"):
    c = [c for c in charts if n in c]
    assert c, "no chart " + n
    assert '<c:showVal val="1"/>' in c[0], "no data labels: " + n
PYEOF
run 0 export survey "$NURSERY" -o "$O/docs/survey.docx"
py questions "$O/docs/survey.docx" "$D/trainings/2026/$NURSERY.yaml" survey
run 0 export test "$NURSERY" -o "$O/docs/test.docx"
py questions "$O/docs/test.docx" "$D/trainings/2026/$NURSERY.yaml" test
run 0 export test tr-0b2qgn8c -o "$O/docs/test-mn.docx"
py questions "$O/docs/test-mn.docx" "$D/trainings/2026/tr-0b2qgn8c.yaml" test
# each dated its own day, not today's (2026-11-30): the survey and test,
# approved by the ward before the training, the day they went
# with the material (material_submitted 2026-07-15), not the training's
# (2026-08-03); the report the day it was submitted (2026-09-17)
for f in survey test 研修実施報告書_令和8年度_区立保育園職員向け情報セキュリティ研修; do
	$PY -c 'import docx, sys; print("\n".join(p.text for p in docx.Document(sys.argv[1]).paragraphs))' \
	    "$O/docs/$f.docx" >"$T/dated.txt"
	case $f in
	survey|test) want=令和8年7月15日 ;;
	*) want=令和8年9月17日 ;;
	esac
	expect_grep "$T/dated.txt" "^$want\$"
	# no "無記名" over answers reported by 所属, no question promised
	# that none asks
	expect_no_grep "$T/dated.txt" "無記名|任意で尋ねる"
	expect_no_grep "$T/dated.txt" "^令和8年11月30日\$"
	expect_no_grep "$T/dated.txt" "^令和8年8月3日\$"
done
# the forms of a training already held are final: no （案） (the nursery
# staff's, reported); a training still preparing its material, whose
# forms the ward has not yet received, gets them as drafts
for f in survey test; do
	$PY -c 'import docx, sys; print("\n".join(p.text for p in docx.Document(sys.argv[1]).paragraphs))' \
	    "$O/docs/$f.docx" >"$T/final.txt"
	expect_no_grep "$T/final.txt" "（案）"
done
expect_grep "$T/final.txt" "^テスト$"
run 0 export survey tr-1b32t2af -o "$O/docs/survey-draft.docx"
$PY -c 'import docx, sys; print("\n".join(p.text for p in docx.Document(sys.argv[1]).paragraphs))' \
    "$O/docs/survey-draft.docx" >"$T/draft.txt"
expect_grep "$T/draft.txt" "^アンケート（案）$"
# an e-learning's 所属 comes with its attendance record, not on a
# division's sheet of paper (the sample's system staff training)
run 0 export survey tr-jt5j7nh3 -o "$O/docs/survey-el.docx"
$PY -c 'import docx, sys; print("\n".join(p.text for p in docx.Document(sys.argv[1]).paragraphs))' \
    "$O/docs/survey-el.docx" >"$T/el.txt"
expect_grep "$T/el.txt" "所属は受講記録で把握する。"
expect_no_grep "$T/el.txt" "回答用紙"
# a question answered そう思う…そう思わない is a statement (…説明できる。),
# not a question (…説明できますか。) — in the banks and the trainings
$PY - "$D" <<'PYEOF' || fail "agree-scale questions worded as questions"
import glob, sys, yaml
bad = []
def walk(o):
    if isinstance(o, dict):
        if isinstance(o.get("text"), str) and "そう思う" in (o.get("choices") or []) \
                and o["text"].endswith("か。"):
            bad.append(o["text"])
        for v in o.values():
            walk(v)
    elif isinstance(o, list):
        for v in o:
            walk(v)
for f in glob.glob(sys.argv[1] + "/**/*.yaml", recursive=True):
    walk(yaml.load(open(f, encoding="utf-8"), Loader=yaml.CSafeLoader))
if bad:
    sys.exit("questions on an agree scale: %s" % sorted(set(bad))[:3])
PYEOF
# 3(3) 集計・分析の概要 summarises the results, not only who ran the survey
# (which (1) says)
run 0 export report tr-0b2qgn8c -o "$O/docs/r-mn.docx"
$PY -c 'import docx, sys; print("\n".join(p.text for p in docx.Document(sys.argv[1]).paragraphs))' \
    "$O/docs/r-mn.docx" | sed -n '/集計・分析の概要/,/^[0-9]/p' >"$T/summary3.txt"
expect_grep "$T/summary3.txt" "満足度は87.2%"
# a summary saying many answered what the weakest question asks is not
# printed beside 「最も少なかったのは設問3…」 (review 19, rev19a T22)
WK=$T/weak
cp -r "$D" "$WK"
checks=$((checks + 1))
expect_status 0 "$NCIO" -C "$D" training export report tr-4s7jcn95 \
    -o "$O/docs/r-4s.docx"
$PY - "$O/docs/r-4s.docx" "$WK/trainings/2026/tr-4s7jcn95.yaml" >"$T/weak.txt" <<'PYEOF' ||
import re, sys, docx
t = "\n".join(p.text for p in docx.Document(sys.argv[1]).paragraphs)
q = re.search(r"最も少なかったのは設問\d+「([^」]+)」", t).group(1)
w = next(q[i:i + 4] for i in range(len(q) - 4) if "が" not in q[i:i + 4]
         and "、" not in q[i:i + 4])
s = open(sys.argv[2], encoding="utf-8").read()
s = s.replace("survey:\n", "survey:\n  summary: 内容が%sとの回答が多かった。資料は好評だった。\n" % w, 1)
open(sys.argv[2], "w", encoding="utf-8").write(s)
print(w)
PYEOF
    fail "fixture: the weakest question"
expect_status 0 "$NCIO" -C "$WK" training export report tr-4s7jcn95 \
    -o "$O/docs/r-weak.docx"
$PY -c 'import docx, sys; print("\n".join(p.text for p in docx.Document(sys.argv[1]).paragraphs))' \
    "$O/docs/r-weak.docx" >"$T/weak-r.txt"
expect_grep "$T/weak-r.txt" "資料は好評だった。"
expect_no_grep "$T/weak-r.txt" "$(cat "$T/weak.txt")との回答が多かった"
# rates in one decimal rounded half up once: 130 of 160 answered, 81.25%,
# is 81.3% (printf's "%.1f" printed 81.2%)
TIE=$T/tie
cp -r "$D" "$TIE"
sed -i 's/^attended: 183$/attended: 160/; s/^  respondents: 171$/  respondents: 130/' \
    "$TIE/trainings/2026/$(id_of 2026 new-hire).yaml"
expect_status 0 "$NCIO" -C "$TIE" training export report "$(id_of 2026 new-hire)" \
    -o "$O/docs/r-tie.docx"
$PY -c 'import docx, sys; print("\n".join(p.text for p in docx.Document(sys.argv[1]).paragraphs))' \
    "$O/docs/r-tie.docx" >"$T/tie.txt"
expect_grep "$T/tie.txt" "回答者は130名（受講者に対する回答率 81\.3%）であった。"
run 0 export summary --fy 2026 -o "$O/docs/summary.xlsx"
py summary-xlsx "$O/docs/summary.xlsx" 14 "$D" 2026
# a summary is as of today (2026-11-30) while its year runs, as of the
# year's last day once it is over; the list and the chart name the
# trainings without the year the title already says
run 0 export summary --fy 2025 -o "$O/docs/summary25.xlsx"
py summary-xlsx "$O/docs/summary25.xlsx" 14 "$D" 2025
# the list's dates in the ward's short 令和 (R7.4.3), as its other lists:
# three 令和7年12月10日 columns printed it at 66 %
$PY -c '
import openpyxl, sys
ws = openpyxl.load_workbook(sys.argv[1])["研修一覧"]
fmts = {c.number_format for r in ws.iter_rows() for c in r if c.is_date}
sys.exit(0 if fmts and all("ge.m.d" in f for f in fmts) else "dates %s" % fmts)
' "$O/docs/summary25.xlsx" || fail "summary: the list dates are not R7.4.3"
for y in 2025:令和8年3月31日現在 2026:令和8年11月30日現在; do
	f=$O/docs/summary.xlsx
	[ "${y%%:*}" = 2025 ] && f=$O/docs/summary25.xlsx
	$PY -c '
import openpyxl, sys
ws = openpyxl.load_workbook(sys.argv[1])["研修一覧"]
cells = [c.value for r in ws.iter_rows() for c in r if isinstance(c.value, str)]
if not any(sys.argv[2] in c for c in cells):
    sys.exit("no %s" % sys.argv[2])
bad = [c for c in cells if c.startswith(sys.argv[3]) and "研修" in c
       and "研修実施状況" not in c]
if bad:
    sys.exit("titles with the year: %s" % bad)
' "$f" "${y#*:}" "$(case ${y%%:*} in 2025) echo 令和7年度;; *) echo 令和8年度;; esac)" ||
	    fail "summary ${y%%:*}: as-of date or titles"
done
# the same data and date give the same bytes
run 0 export report "$NURSERY" --date 2026-09-17 -o "$O/r1.docx"
run 0 export report "$NURSERY" --date 令和8年9月17日 -o "$O/r2.docx"
cmp -s "$O/r1.docx" "$O/r2.docx" || fail "report not deterministic"
# refused, with what is missing, and nothing written
run 1 export report "$HEAD" -o "$O/none/"
expect_grep "$T/err" "it had neither a survey nor a test, so it needs no report"
run 1 export report "$SYSTEM" -o "$O/none/"
expect_grep "$T/err" "no training report for '令和8年度 システム担当者向け情報セキュリティ研修' \($SYSTEM\): it has no survey or test results"
expect_grep "$T/err" '^nerima-cio: nothing was written|^nothing was written$'
run 1 export report "$NURSERY" "$SYSTEM" -o "$O/none/"
[ -z "$(ls "$O/none" 2>/dev/null)" ] || fail "a refused export wrote files"
run 1 export test "$SYSTEM" -o "$O/none/"
expect_grep "$T/err" 'has no test items yet'
run 2 export report
run 2 export summary "$NURSERY" --fy 2026
run 2 export minutes "$NURSERY"
run 1 export report "$NURSERY" "$MYNUM1" -o "$O/one.docx"
expect_grep "$T/err" 'this export writes several files; give a folder'
[ ! -e "$O/one.docx" ] || fail "two reports written into one file"

# --- review13: what the documents say where the sample did not show it --
paras() {
	$PY -c 'import docx, sys; print("\n".join(p.text for p in docx.Document(sys.argv[1]).paragraphs))' "$1"
}
next_of() { sed -n '/^6　次年度に向けて$/,/^以上$/p' "$1"; }
R13=$T/r13
cp -r "$D" "$R13"
r13() { expect_status "$1" "$NCIO" -C "$R13" training "${@:2}"; }
# 6 次年度に向けて follows the training's kind and what it held: a digital
# training (3(1)イ) without a test proposed a テスト under the security
# trainings' clause 3(2)イ for an audience 例年同じ
DIGITAL=$(id_of 2026 digital-data)
r13 0 export report "$DIGITAL" -o "$O/r13/digital.docx"
paras "$O/r13/digital.docx" | next_of /dev/stdin >"$T/next.txt"
expect_grep "$T/next.txt" '（仕様書3\(1\)イ）。$'
expect_grep "$T/next.txt" '^アンケートで肯定的回答が最も少なかった設問[0-9]+「.*」（[0-9.]+%）に関わる'
expect_no_grep "$T/next.txt" '3\(2\)イ|テスト|例年同じ'
# new managers change every year: next April's material drafted this year
r13 0 export report tr-0b2qgn8c -o "$O/r13/mgr.docx"
paras "$O/r13/mgr.docx" | next_of /dev/stdin >"$T/next.txt"
expect_grep "$T/next.txt" '^令和9年度の新任管理職向け研修（4月実施）の教材案は、.*令和8年度中に作成する（仕様書3\(2\)イ）。$'
expect_grep "$T/next.txt" '^役割に応じた研修であるため'
expect_no_grep "$T/next.txt" '例年同じ'
# the nursery staff, the same every year, with a test
r13 0 export report "$NURSERY" -o "$O/r13/nursery.docx"
paras "$O/r13/nursery.docx" | next_of /dev/stdin >"$T/next.txt"
expect_grep "$T/next.txt" '^対象者が例年同じ研修であるため、.*新たな内容の教材・テストを提案する（仕様書3\(2\)イ）。$'
expect_no_grep "$T/next.txt" '役割に応じた'
# My Number: its clause says nothing of next year, so none is cited
r13 0 export report "$MYNUM1" -o "$O/r13/mn.docx"
paras "$O/r13/mn.docx" | next_of /dev/stdin >"$T/next.txt"
expect_grep "$T/next.txt" 'マイナンバーの利用に係る注意事項をまとめた教材を見直す。$'
expect_no_grep "$T/next.txt" '仕様書|例年同じ'
# an online training's medium said once, not as a 会場
ONLINE=$(grep -l '^method: online$' "$R13"/trainings/2026/*.yaml | head -1)
sed -i 's/^place: .*/place: オンライン（Teams）/' "$ONLINE"
r13 0 export report "$(basename "$ONLINE" .yaml)" -o "$O/r13/online.docx"
paras "$O/r13/online.docx" >"$T/online.txt"
expect_grep "$T/online.txt" '^オンライン（Teams）'
expect_no_grep "$T/online.txt" '会場'
sed -i 's/^place: .*/place: Teams/' "$ONLINE"
r13 0 export report "$(basename "$ONLINE" .yaml)" -o "$O/r13/online.docx"
paras "$O/r13/online.docx" >"$T/online.txt"
expect_grep "$T/online.txt" '^オンライン（Teams）'
paras "$O/r13/mgr.docx" >"$T/mgr.txt"
expect_grep "$T/mgr.txt" '^集合研修（会場：'
# a free-text question has a box to write in on the printed survey
$PY - "$O/docs/survey.docx" <<'PYEOF' || fail "survey: 自由記述 without room to write in"
import sys, docx
from docx.text.paragraph import Paragraph
body = docx.Document(sys.argv[1]).element.body
kids = list(body.iterchildren())
n = 0
for i, e in enumerate(kids):
    if e.tag.endswith("}p") and Paragraph(e, None).text == "（自由記述）":
        n += 1
        assert kids[i + 1].tag.endswith("}tbl"), "no box after question %d" % n
assert n > 0, "no free-text question"
PYEOF
# the test's answer key: a column only where an item fills it, and no
# 解説 in the heading when there is none
f=$R13/trainings/2026/tr-0b2qgn8c.yaml
sed -i '/^    explanation: /d; /^    clause: /d' "$f"
r13 0 export test tr-0b2qgn8c -o "$O/r13/test-topic.docx"
sed -i '/^    topic: /d' "$f"
r13 0 export test tr-0b2qgn8c -o "$O/r13/test-bare.docx"
$PY - "$O/docs/test-mn.docx" "$O/r13/test-topic.docx" "$O/r13/test-bare.docx" <<'PYEOF' ||
import sys, docx
want = [("正答と解説（受講者には配付しない）", ["問", "正答", "解説", "主題", "対策基準"]),
        ("正答（受講者には配付しない）", ["問", "正答", "主題"]),
        ("正答（受講者には配付しない）", ["問", "正答"])]
for path, (head, cols) in zip(sys.argv[1:], want):
    d = docx.Document(path)
    heads = [p.text for p in d.paragraphs if p.text.startswith("正答")]
    assert heads == [head], (path, heads)
    got = [c.text for c in d.tables[-1].rows[0].cells]
    assert got == cols, (path, got)
PYEOF
    fail "test: the answer key's columns"
# 研修結果 of a bank without topics: no 主題 column empty in every row
# of 設問分析, its chart still drawn from 正答率; the survey chart's
# figures on a hidden sheet (they are the アンケート sheet's 肯定的回答;
# shown, a page of seven small lines printed before the chart: issue 18)
r13 0 export results tr-0b2qgn8c -o "$O/r13/results-bare.xlsx"
$PY - "$O/r13/results-bare.xlsx" "$O/docs/nursery.xlsx" <<'PYEOF' ||
import re, sys, zipfile, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb["設問分析"]
rows = [[c.value for c in r] for r in ws.iter_rows()]
h = [r for r in rows if r[0] == "問"][0]
assert "主題" not in h and h[:3] == ["問", "問題", "正答率"], h
s = openpyxl.load_workbook(sys.argv[2])["肯定的回答"].sheet_state
assert s == "hidden", s
z = zipfile.ZipFile(sys.argv[1])
c = [z.read(x).decode() for x in z.namelist()
     if re.match(r"xl/charts/chart\d+\.xml$", x)]
c = [t for t in c if "問題別の正答率" in t]
assert c and re.search(r"<c:val>.*?設問分析'?!\$C\$", c[0], re.S), "chart data"
PYEOF
    fail "results: no empty 主題, no data page"
# the survey's chart says whose it is, as the test's charts do
$PY - "$O/docs/nursery.xlsx" <<'PYEOF' || fail "results: the survey chart's title"
import re, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
charts = [z.read(x).decode() for x in z.namelist()
          if re.match(r"xl/charts/chart\d+\.xml$", x)]
c = [c for c in charts if "アンケートの肯定的回答の割合" in c]
assert c, "no survey chart"
assert "区立保育園職員向け情報セキュリティ研修" in c[0], "untitled"
assert '<c:showVal val="1"/>' in c[0], "no data labels"
PYEOF
# T4 (review17): every chart's title has the year the sheets' titles
# have; the survey's bars are named by their question, not 設問1 alone;
# the 実施日 of a period a line a date, never 令和8年8月28日 / （金）
$PY - "$O/docs/nursery.xlsx" <<'PYEOF' || fail "results: years, survey labels, 実施日"
import re, sys, zipfile, openpyxl
z = zipfile.ZipFile(sys.argv[1])
for x in z.namelist():
    if re.match(r"xl/charts/chart\d+\.xml$", x):
        t = re.findall(r"<a:t>([^<]*)</a:t>", z.read(x).decode())[0]
        assert "令和8年度" in t, (x, t)
wb = openpyxl.load_workbook(sys.argv[1])
labs = [r[0] for r in wb["肯定的回答"].iter_rows(values_only=True)
        if r[0] and str(r[0]).startswith("設問")]
assert labs and all(re.match(r"設問\d+ \S", l) for l in labs), labs
v = [r[1] for r in wb["概要"].iter_rows(values_only=True) if r[0] == "実施日"][0]
assert v.split("\n") == ["令和8年8月3日（月）～", "令和8年8月28日（金）"], v
PYEOF
# 報告書の期限: a record without one gets the plan table's rule (15 business
# days after the last day, the 2026-09-18 `training plan` wrote), and
# without the table 「－」 and a note, not a blank
due_of() {
	$PY - "$1" "$2" <<'PYEOF'
import sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1])["研修一覧"]
rows = [[c.value for c in r] for r in ws.iter_rows()]
h = [r for r in rows if r[0] == "No."][0]
j = h.index("報告書の\n期限")
v = [r[j] for r in rows if r[1] and sys.argv[2] in str(r[1])][0]
print(v.strftime("%Y-%m-%d") if hasattr(v, "strftime") else v)
notes = [r[0] for r in rows if r[0] and str(r[0]).startswith("報告書の期限")]
print("\n".join(notes))
PYEOF
}
sed -i '/^report_due: /d' "$R13/trainings/2026/$NURSERY.yaml"
r13 0 export summary --fy 2026 -o "$O/r13/sum1.xlsx"
due_of "$O/r13/sum1.xlsx" 区立保育園職員向け >"$T/due.txt"
expect_grep "$T/due.txt" '^2026-09-18$'
# every deadline known: the column, and no note that there is none
$PY -c 'import sys, openpyxl; ws = openpyxl.load_workbook(sys.argv[1])["研修一覧"]; assert not [c for r in ws.iter_rows(values_only=True) for c in r if c and "期限の列は設けていない" in str(c)]' "$O/r13/sum1.xlsx" ||
    fail "summary: a note of no deadline column beside the column"
rm "$R13/training-plan.yaml"
r13 0 export summary --fy 2026 -o "$O/r13/sum2.xlsx"
due_of "$O/r13/sum2.xlsx" 区立保育園職員向け >"$T/due.txt"
expect_grep "$T/due.txt" '^－$'
expect_grep "$T/due.txt" '^報告書の期限の「－」は、提出期限が記録にないもの'
# no deadline in any record nor by a rule: no column of 「－」 in every row
# (g4 FY2029), the note says why there is none
sed -i '/^report_due: /d' "$R13"/trainings/2026/*.yaml
r13 0 export summary --fy 2026 -o "$O/r13/sum3.xlsx"
$PY - "$O/r13/sum3.xlsx" <<'PYEOF' || fail "summary: a 報告書の期限 column of 「－」 only"
import sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1])["研修一覧"]
rows = [[c.value for c in r] for r in ws.iter_rows()]
h = [r for r in rows if r[0] == "No."][0]
assert "報告書の\n期限" not in h, h
j = h.index("報告書の\n提出日")
assert any(hasattr(r[j], "strftime") for r in rows), "提出日"
assert not any(v == "－" for r in rows for v in r[j:j + 1]), "－"
notes = [r[0] for r in rows if r[0] and str(r[0]).startswith("研修実施報告書の提出期限は記録になく")]
assert len(notes) == 1, notes
PYEOF

# --- the list and what is overdue ---------------------------------------
run 0 list --fy 2026
expect_grep "$T/out" "^$(id_of 2026 security-officer | head -1)"
expect_grep "$T/out" '令和8年度 情報セキュリティ担当者研修（第2回） .* 実施済 +52/56 .* overdue since 2026-07-15 \(90 business days\)$'
expect_grep "$T/out" '令和9年度 新規採用職員研修（情報セキュリティ） .* next year.s material due 2027-03-19$'
expect_grep "$T/out" "^$NURSERY  2026-08-03  .* 報告済 +226/240 +[0-9.]+% +[0-9.]+%  submitted 2026-09-17$"
run 0 list --overdue
[ "$(grep -c '^tr-' "$T/out")" = 1 ] || fail "one training overdue"
NERIMA_CIO_TODAY=2026-07-10 expect_status 0 "$NCIO" -C "$D" training list \
    --overdue
expect_grep "$T/err" '^no trainings overdue$'
run 0 list --fy 2026 --format json
$PY -c 'import json,sys; v=json.load(open(sys.argv[1])); assert len(v) == 16; assert sum(x["report_overdue"] for x in v) == 1' "$T/out" ||
    fail "list json"
# a record without 報告書の期限 gets the plan table's rule, as the workbook
# (r13 above) has it: overdue in the list and on the due agenda, not "not
# required"; without the table due on a day still to agree
R14=$T/r14
cp -r "$D" "$R14"
SO2=$(grep -l '^plan_key: security-officer$' "$R14"/trainings/2026/*.yaml |
    xargs grep -l '^session: 2$')
sed -i '/^report_due: /d' "$SO2"
r14() { expect_status "$1" "$NCIO" -C "$R14" "${@:2}"; }
r14 0 training list --overdue
expect_grep "$T/out" '令和8年度 情報セキュリティ担当者研修（第2回） .* overdue since 2026-07-15 \(90 business days\)$'
r14 0 training list --fy 2026 --format json
$PY -c 'import json,sys; v=json.load(open(sys.argv[1])); assert sum(x["report_overdue"] for x in v) == 1; assert "2026-07-15" in [x["report_due"] for x in v]' "$T/out" ||
    fail "list json: the plan's deadline"
r14 0 due --from 2026-07-01 --to 2026-07-31
expect_grep "$T/out" '^2026-07-15 .* 研修実施報告書の提出 +令和8年度 情報セキュリティ担当者研修（第2回） '
rm "$R14/training-plan.yaml"
r14 0 training list --fy 2026
expect_grep "$T/out" '令和8年度 情報セキュリティ担当者研修（第2回） .* due, no deadline set$'
NERIMA_CIO_TODAY=2026-11-30 r14 0 training list --overdue
expect_grep "$T/err" '^no trainings overdue$'

# --- lint: answers and questions the schema cannot check ----------------
L=$T/lint
cp -r "$D" "$L"
f=$L/trainings/2026/$NURSERY.yaml
sed -i '0,/^      answers: /s//      answers: 9 /' "$f"
expect_status 1 "$NCIO" -C "$L" lint
expect_grep "$T/out" "^trainings/2026/$NURSERY.yaml:[0-9]+:16: respondent 'r0001': "
cp "$D/trainings/2026/$NURSERY.yaml" "$f"
sed -i '0,/respondent: r0002/s//respondent: r0001/' "$f"
expect_status 1 "$NCIO" -C "$L" lint
expect_grep "$T/out" "respondent 'r0001' is listed twice"
cp "$D/trainings/2026/$NURSERY.yaml" "$f"
bank=$(grep -l '^kind: training-test$' "$L"/catalogs/2026/*.yaml)
sed -i '0,/^      - 2$/s//      - 2\n      - 3/' "$bank"
expect_status 1 "$NCIO" -C "$L" lint
expect_grep "$T/out" "^catalogs/2026/.*: test item 'ts-phish-01' is single choice but has 2 keys"

# a summary's claim of a change from last year against the figures: the
# report compares the figures with last year's same training (令和7年度)
# and leaves the claim out; lint names it (a generated 「前年度より平均
# 正答率が上がった。」 stood beside a fall from 78.0% to 76.0%)
cp "$D/catalogs/2026/$(basename "$bank")" "$bank"
cp "$D/trainings/2026/$NURSERY.yaml" "$f"
sed -i 's/^survey:$/survey:\n  summary: 演習が好評だった。前年度より満足度が上がった。/' "$f"
expect_status 0 "$NCIO" -C "$L" training export report "$NURSERY" \
    -o "$O/claim.docx"
$PY -c 'import docx, sys; print("\n".join(p.text for p in docx.Document(sys.argv[1]).paragraphs))' \
    "$O/claim.docx" >"$T/claim.txt"
expect_grep "$T/claim.txt" '^前年度の同じ研修（令和7年度 区立保育園職員向け情報セキュリティ研修）と比べると、受講率は94\.2%であり、前年度（95\.4%）から1\.2ポイント低下した。満足度は81\.7%であり、前年度（84\.3%）から2\.6ポイント低下した。'
expect_grep "$T/claim.txt" '^演習が好評だった。$'
expect_no_grep "$T/claim.txt" '満足度が上がった'
expect_status 0 "$NCIO" -C "$L" lint
expect_grep "$T/err" "trainings/2026/$NURSERY.yaml: warning: the survey's summary says 「前年度より満足度が上がった。」, but 満足度 was 81\.7% against 84\.3% in '令和7年度 区立保育園職員向け情報セキュリティ研修' \(no rise\)"
cp "$D/trainings/2026/$NURSERY.yaml" "$f"
# a reported survey's summary that is only such a claim: no 集計・分析の
# 概要 heading over nothing (満足度 88.3% against 91.5% in 令和7年度)
g=$L/trainings/2026/tr-ygh5fy2p.yaml
sed -i 's/^  summary: アンケートは人材育成課.*/  summary: 前年度より満足度が向上した。/' "$g"
expect_status 0 "$NCIO" -C "$L" training export report tr-ygh5fy2p \
    -o "$O/claim2.docx"
$PY -c 'import docx, sys; print("\n".join(p.text for p in docx.Document(sys.argv[1]).paragraphs))' \
    "$O/claim2.docx" >"$T/claim2.txt"
expect_grep "$T/claim2.txt" '満足度は88\.3%であり、前年度（91\.5%）から3\.2ポイント低下した。'
# a figure the comparison stated is not stated again (満足度は88.3%で、…)
expect_no_grep "$T/claim2.txt" '^満足度は88\.3%で、'
expect_grep "$T/claim2.txt" '^この満足度からみて、'
expect_no_grep "$T/claim2.txt" '集計・分析の概要|満足度が向上した'
cp "$D/trainings/2026/tr-ygh5fy2p.yaml" "$g"

# the year's summary marks a report past its deadline and not submitted
# on its date, beside 実施済 (担当者研修（第2回） of the copy, due
# R8.7.15, on 令和9年3月31日: a blank said nothing; rev20 T9)
expect_status 0 env NERIMA_CIO_TODAY=2027-03-31 "$NCIO" -C "$D" \
    training export summary --fy 2026 -o "$T/t9/"
checks=$((checks + 1))
$PY - "$T"/t9/研修実施状況_令和8年度.xlsx <<'PY' >&2 || fail "an overdue report is not marked in the summary"
import sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1])["研修一覧"]
rows = [r for r in ws.iter_rows(values_only=True) if r[1] and "担当者研修（第2回）" in str(r[1])]
assert rows and rows[0][-1] == "未提出\n期限超過", rows
PY

finish
