#!/bin/bash
# consult: a consultation from receipt to its 回答書, attendance at vendor
# talks, the 相談業務実施報告書, the 相談シート form and its import; bad
# input refused with nothing written; every document read back by
# python-docx / openpyxl and checked for record ids.
. "$(dirname "$0")/lib/common.bash"

CHECK=$NCIO_SOURCE_DIR/tests/py/check_meeting.py
need_python docx openpyxl
D=$T/data
"$NCIO" init --no-git "$D" 2>/dev/null
C=$D/consults/2026
count() { find "$D/consults" -name '*.yaml' 2>/dev/null | wc -l; }
pycheck() {
	checks=$((checks + 1))
	$PY "$CHECK" "$@" 2>"$T/pyerr" || { fail "check_meeting.py $*";
	    sed 's/^/  | /' "$T/pyerr" >&2; }
}
export NERIMA_CIO_TODAY=2026-05-20

# --- add ---------------------------------------------------------------------
expect_status 0 "$NCIO" -C "$D" consult add --type 所管課からの相談 \
    --title 保護者向け連絡アプリでの写真共有の可否 --org 保育課 \
    --received 令和8年5月11日 --due 2026/5/22 --requester 庶務係長 \
    --ref-no 相談第7号 --by kakuu-taro \
    --question "保護者向け連絡アプリで、行事の写真を保護者に共有してよいか。"
a=$(cat "$T/out")
expect_grep "$T/out" "^cs-[0-9a-z]{8}$"
f=$C/$a.yaml
expect_grep "$f" "^type: department$"
expect_grep "$f" "^org: hoiku$"
expect_grep "$f" "^requester: 庶務係長$"
expect_grep "$f" "^received: 2026-05-11$"
expect_grep "$f" "^due: 2026-05-22$"
expect_grep "$f" "^status: received$"

# bad input: nothing written
n0=$(count)
expect_status 1 "$NCIO" -C "$D" consult add --type division --title t \
    --org johoseisaku --received 2026-05-11 --due 2026-05-01
expect_grep "$T/err" "no consultation created: the answer due date 2026-05-01 \(due\) is before the question was received \(2026-05-11\)"
expect_status 1 "$NCIO" -C "$D" consult add --type division --title t \
    --org johoseisaku --received 2026-05-11 --question "番号は 1234 5678 9018 です"
expect_grep "$T/err" "question"
expect_grep "$T/err" "no consultation created"
expect_status 2 "$NCIO" -C "$D" consult add --type bogus --title t \
    --org johoseisaku --received 2026-05-11
expect_grep "$T/err" "--type: 'bogus' is not one of: department \(所管課からの相談\)"
expect_status 2 "$NCIO" -C "$D" consult add --title t --org hoiku \
    --received 2026-05-11
expect_grep "$T/err" "--type is required"
checks=$((checks + 1))
[ "$(count)" = "$n0" ] || fail "a refused add wrote a record"

expect_status 0 "$NCIO" -C "$D" consult add --type division \
    --title クラウドサービス利用時のログ保存期間 --org johoseisaku \
    --received 2026-04-17 --due 2026-05-01 --channel mail
b=$(cat "$T/out")
printf '区民意識意向調査のデジタル化に関する設問を集計し、\n他自治体と比較してほしい。\n' >"$T/q.txt"
expect_status 0 "$NCIO" -C "$D" consult add --type dx \
    --title 区民意識意向調査（デジタル化）の集計・分析 --org 区政改革担当課 \
    --received 2026-04-20 --due 2026-05-29 --question-file "$T/q.txt"
x=$(cat "$T/out")
expect_grep "$C/$x.yaml" "^deliverable: report$"
expect_grep "$C/$x.yaml" "^  他自治体と比較してほしい。$"

# --- answer --------------------------------------------------------------------
cp "$f" "$T/before"
expect_status 1 "$NCIO" -C "$D" consult answer "$a" --text 回答 --date 2026-05-10
expect_grep "$T/err" "the answer date 2026-05-10 \(answered\) is before the question was received \(2026-05-11\)"
expect_same "$T/before" "$f"
expect_status 2 "$NCIO" -C "$D" consult answer "$a" --text x --text-file "$T/q.txt"
expect_status 1 "$NCIO" -C "$D" consult answer "$a"
expect_grep "$T/err" "no answer: give the text, or the file"
expect_same "$T/before" "$f"
expect_status 0 "$NCIO" -C "$D" consult answer "${a:3:5}" --date 2026-05-19 --no 12 \
    --text "写真の共有は、保護者の同意を得たうえで、閲覧範囲を当該クラスの保護者に限って行ってください。
ダウンロードの可否、保存期間の設定も確認してください。"
expect_grep "$f" "^status: answered$"
expect_grep "$f" "^answered: 2026-05-19$"
expect_grep "$f" "^answer_no: \"?12\"?$"
expect_status 0 "$NCIO" -C "$D" consult answer "$b" --draft --by mihon-hanako
expect_grep "$C/$b.yaml" "^status: answering$"
expect_status 0 "$NCIO" -C "$D" consult answer "$x" --date 2026-05-27 \
    --file 調査報告書_区民意識意向調査.docx --by kamei-jiro
expect_grep "$C/$x.yaml" "^answer_file: 調査報告書_区民意識意向調査.docx$"

# --- attend ---------------------------------------------------------------------
expect_status 0 "$NCIO" -C "$D" consult attend "$a" --date 2026-05-25 \
    --with 株式会社見本システムズ --note 閲覧範囲の設定を確認した。
expect_grep "$f" "^attended: true$"
expect_grep "$f" "^  - date: 2026-05-25$"
cp "$f" "$T/before"
expect_status 0 "$NCIO" -C "$D" consult attend "$a" --date 2026-05-25 \
    --with 株式会社見本システムズ
expect_grep "$T/err" "unchanged"
expect_same "$T/before" "$f"
expect_status 1 "$NCIO" -C "$D" consult attend "$a" --date 2026-05-01 --with x
expect_grep "$T/err" "the attendance date 2026-05-01 \(date\) is before the question was received"
expect_same "$T/before" "$f"

# --- list ----------------------------------------------------------------------------
expect_status 0 "$NCIO" -C "$D" consult list
expect_grep "$T/out" "^ID +Received +Type +Asked by +Title"
# received first
checks=$((checks + 1))
[ "$(sed -n '3p' "$T/out" | cut -c1-11)" = "$b" ] || fail "list not by date"
NERIMA_CIO_TODAY=2026-05-02 expect_status 0 "$NCIO" -C "$D" consult list --overdue
expect_grep "$T/out" "^$b .*overdue$"
expect_no_grep "$T/out" "^$a"
expect_status 0 "$NCIO" -C "$D" consult list --open --format json
checks=$((checks + 1))
$PY -c 'import json,sys; r=json.load(open(sys.argv[1])); assert [x["id"] for x in r]==[sys.argv[2]], r' \
    "$T/out" "$b" || fail "consult list --open --format json"

# --- the 回答書 --------------------------------------------------------------------
expect_status 1 "$NCIO" -C "$D" consult export answer "$b" -o "$T/doc/"
expect_grep "$T/err" "not answered yet"
checks=$((checks + 1))
[ ! -e "$T/doc/回答書_クラウドサービス利用時のログ保存期間.docx" ] || fail "written anyway"
expect_status 0 "$NCIO" -C "$D" consult export answer "$a" -o "$T/doc/"
ans=$T/doc/回答書_保護者向け連絡アプリでの写真共有の可否.docx
expect_grep "$T/err" "回答書_保護者向け連絡アプリでの写真共有の可否.docx$"
pycheck notice "$ans"
pycheck order "$ans" 第12号 令和8年5月19日 "こども家庭部保育課長　様" \
    株式会社架空情報コンサルティング 総合情報化顧問（CIO補佐官） \
    保護者向け連絡アプリでの写真共有の可否について（回答） \
    令和8年5月11日付で相談のあった標記の件について 記 \
    "「保護者向け連絡アプリで、行事の写真を保護者に共有してよいか。」" \
    閲覧範囲を当該クラスの保護者に限って 以上 "（担当）株式会社架空情報コンサルティング　架空 太郎"
pycheck noid "$ans"
expect_status 0 "$NCIO" -C "$D" consult export answer "$x" -o "$T/doc/dx.docx"
pycheck docx "$T/doc/dx.docx" 区民意識意向調査（デジタル化）の集計・分析について（報告） \
    令和8年4月20日付で依頼のあった標記の件について、下記のとおり調査結果を報告します。 \
    依頼内容 調査結果 別添のとおり
pycheck nodocx "$T/doc/dx.docx" 調査報告書_区民意識意向調査
# rev17: the contractor answers and sends (3(3)ア(イ)): no ward outgoing
# number (練企情発第　　号) over its name, only its own where it has one
pycheck nodocx "$ans" 練企情発
pycheck nodocx "$T/doc/dx.docx" 練企情発 "第　　号"
# answered by staff alone: signed by the company, not with 支援スタッフ
# (review 19, rev19a T3: the first answerer's role as the signatory title)
pycheck nodocx "$T/doc/dx.docx" 支援スタッフ 業務責任者 総合情報化顧問
pycheck order "$T/doc/dx.docx" 株式会社架空情報コンサルティング \
    区民意識意向調査（デジタル化）の集計・分析について（報告）
# a title too long for a line even without its bracket is left whole to
# the title's fitting: two lines, （報告） whole on the last, not three
# (rev21a T6: 「…利用の／可否について／（報告）」)
cp -R "$D" "$T/lt"
expect_status 0 "$NCIO" -C "$T/lt" consult add --type dx --org 区政改革担当課 \
    --title ごみ収集運搬管理システムでのクラウドサービスの利用の可否 \
    --received 2026-04-20 --due 2026-05-29 --question-file "$T/q.txt"
y=$(cat "$T/out")
expect_status 0 "$NCIO" -C "$T/lt" consult answer "$y" --date 2026-05-27 \
    --file 調査報告書_ごみ.docx --by kamei-jiro
expect_status 0 "$NCIO" -C "$T/lt" consult export answer "$y" -o "$T/lt.docx"
checks=$((checks + 1))
$PY - "$T/lt.docx" <<'PYEOF' || fail "a long title broken in three"
import sys, docx
t = [p.text for p in docx.Document(sys.argv[1]).paragraphs]
a = [i for i, s in enumerate(t) if s.startswith("ごみ収集")][0]
b = [i for i, s in enumerate(t) if s.endswith("（報告）")][0]
assert b - a == 1 and "".join(t[a:b + 1]) == \
    "ごみ収集運搬管理システムでのクラウドサービスの利用の可否について（報告）", t[a:b + 1]
PYEOF
cp -R "$D" "$T/cno"
# the sample sets its own format (架情コ第%s号): replace it
sed -i 's/^  contractor_no_format: .*/  contractor_no_format: 架コ発第%s号/' "$T/cno/nerima-cio.yaml"
expect_status 0 "$NCIO" -C "$T/cno" consult export answer "$a" -o "$T/cno-doc/"
expect_status 0 "$NCIO" -C "$T/cno" consult export answer "$x" -o "$T/cno-doc/"
pycheck order "$T/cno-doc/回答書_保護者向け連絡アプリでの写真共有の可否.docx" \
    架コ発第12号 令和8年5月19日 "こども家庭部保育課長　様"
pycheck nodocx "$T/cno-doc/"*区民意識意向調査*.docx 発第 "第　　号"
# the same record, the same bytes
cp "$ans" "$T/ans1"
expect_status 0 "$NCIO" -C "$D" consult export answer "$a" -o "$T/doc/"
checks=$((checks + 1))
cmp -s "$T/ans1" "$ans" || fail "the 回答書 is not deterministic"

# --- the 相談業務実施報告書 -----------------------------------------------------------------
expect_status 2 "$NCIO" -C "$D" consult export report -o "$T/rep/"
expect_grep "$T/err" "the report needs its period"
expect_status 2 "$NCIO" -C "$D" consult export report --from 2026-05-31 \
    --to 2026-04-01 -o "$T/rep/"
expect_grep "$T/err" "--to is before --from"
[ ! -e "$T/rep" ] || fail "a refused report left $T/rep"
expect_status 1 "$NCIO" -C "$D" consult export report --from 2026-04-01 \
    --to 2026-05-31 -o "$T/rep.docx"
expect_grep "$T/err" "this export writes several files; give a folder"
expect_status 1 "$NCIO" -C "$D" consult export report --from 2026-03-01 \
    --to 2026-05-31 -o "$T/rep/"
expect_grep "$T/err" "one fiscal year"
expect_status 0 "$NCIO" -C "$D" consult export report --from 2026-04-01 \
    --to 2026-05-31 -o "$T/rep/"
rd=$T/rep/相談業務実施報告書_令和8年5月20日.docx
rx=$T/rep/相談業務実施報告書_令和8年5月20日.xlsx
checks=$((checks + 1))
[ -f "$rd" ] && [ -f "$rx" ] || fail "report: $(ls "$T/rep")"
pycheck order "$rd" 相談業務実施報告書 令和8年5月20日 株式会社架空情報コンサルティング \
    報告期間 令和8年4月1日から令和8年5月31日まで 実施件数 所管課からの相談 \
    1件 1件 20件 5% うち面談・交渉への同席 1件 1件 5件 20% \
    情報政策課からの個別相談 1件 1件 40件 3% DX実現に向けた取組支援 1件 1件 5件 20% \
    "報告期間中に回答した2件" 相談の一覧 相談第7号 保育課 保護者向け連絡アプリでの写真共有の可否 \
    回答済 令和8年5月19日 8 令和8年5月25日 株式会社見本システムズ 以上
# 以上 is kept with what is above it, never a page of its own (rev21c T1:
# g5's year-end report, page 2 was 以上 alone)
checks=$((checks + 1))
$PY - "$rd" <<'PYEOF' || fail "以上 is not kept with the text above it"
import sys, docx
ps = docx.Document(sys.argv[1]).paragraphs
assert ps[-1].text == "以上", ps[-1].text
assert ps[-2].paragraph_format.keep_with_next, "the blank before 以上"
PYEOF
# the note right under the counts table stands apart from its last row:
# with no space LibreOffice set its first line against the table's
# bottom border (IPAex has no leading); only there, not under every table
# (stop 38 moved the 所属点検実施結果報告書's 部別の結果 a page on)
checks=$((checks + 1))
$PY - "$rd" <<'PYEOF' || fail "the note under the counts table has no space above it"
import sys, docx
from docx.oxml.ns import qn
body = docx.Document(sys.argv[1]).element.body
kids = list(body.iterchildren())
seen = 0
for a, b in zip(kids, kids[1:]):
    if a.tag != qn("w:tbl") or b.tag != qn("w:p"):
        continue
    text = "".join(t.text for t in b.iter(qn("w:t")))
    if not text.startswith("当期の件数は"):
        continue
    sp = b.find(qn("w:pPr") + "/" + qn("w:spacing"))
    before = int(sp.get(qn("w:before"), "0")) if sp is not None else 0
    assert before >= 40, (before, text)
    seen += 1
assert seen == 1, "no 当期の件数は note right under a table"
PYEOF
# dates in the ward's one style, in the table as in the text
pycheck eradates "$rd"
pycheck eradates "$ans"
# 当期, the word of the 作業実施報告書 it goes with (it said 今期)
# with the months the share is of, and what 当期 and the list count: the
# list holds consultations received before the period, a 同席 is counted
# by its own date (review13: 14 rows against 12 counted, unexplained)
pycheck docx "$rd" クラウドサービス利用時のログ保存期間 回答作成中 当期 \
    "年度累計が年間想定の経過月数分（5月までの2か月分）を下回っている区分：所管課からの相談、" \
    "当期の件数は報告期間中に受け付けた相談の数、面談・交渉への同席は報告期間中に同席した回数です。"
pycheck noid "$rd"
pycheck xlsx "$rx" 実施件数 相談一覧 "相談業務実施報告書（令和8年4月1日から令和8年5月31日まで）" \
    当期 所管課からの相談 保護者向け連絡アプリでの写真共有の可否 保育課 回答済 \
    "当期の件数は報告期間中に受け付けた相談の数、面談・交渉への同席は報告期間中に同席した回数です。" \
    "期間の初めに対応中であったもの、および期間中に面談・交渉に同席したもの）の一覧です。"
pycheck noid "$rx"
# the list's dates in the ward's short 令和 (R8.5.19), as its other lists:
# 令和8年5月19日 twice squeezed 種別 into 情報政策課から／の個別相談
checks=$((checks + 1))
$PY - "$rx" <<'PY' || fail "report: the list's dates are not R8.5.19"
import sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1])["相談一覧"]
fmts = {c.number_format for row in ws.iter_rows() for c in row
        if c.is_date}
# and the 同席's dates too (R8.5.25, not 令和8年5月25日 among them)
att = [str(c.value) for row in ws.iter_rows(min_row=5) for c in row[9:10]
       if c.value]
sys.exit(0 if fmts and all("ge.m.d" in f for f in fmts) and att and
         all(a.startswith("R8.") and "令和" not in a for a in att) else 1)
PY
# a period without any 同席: the list has no 面談・交渉への同席 column empty
# in every row (review15/16); one with a 同席 keeps it (above)
expect_status 0 "$NCIO" -C "$D" consult export report --from 2026-08-01 \
    --to 2026-11-30 -o "$T/rep-noatt/"
checks=$((checks + 1))
$PY - "$T"/rep-noatt/*.docx "$rd" <<'PY' || fail "report: an empty 同席 column"
import sys, docx
heads = [[c.text for c in docx.Document(f).tables[-1].rows[0].cells]
         for f in sys.argv[1:]]
sys.exit(0 if "面談・交渉への同席" not in heads[0] and
         heads[0] == heads[1][:len(heads[0])] and
         heads[1][-1] == "面談・交渉への同席" else 1)
PY
# a period in which nothing was answered (the sample's 7/23-9/23): no
# 回答日 and 日数 columns empty in every row, and the sentence above the
# list no longer says what 日数 is; one with answers keeps both (above)
sample_copy "$T/sample-noans"
expect_status 0 "$NCIO" -C "$T/sample-noans" consult export report \
    --meeting mt-61ancmqc -o "$T/rep-noans/"
checks=$((checks + 1))
$PY - "$T"/rep-noans/*.docx "$rd" <<'PY' || fail "report: empty 回答日 and 日数 columns"
import sys, docx
d = docx.Document(sys.argv[1])
head = [c.text for c in d.tables[-1].rows[0].cells]
text = "\n".join(p.text for p in d.paragraphs)
assert len(d.tables[-1].rows) > 1, "no rows"
assert "回答日" not in head and "日数" not in head, head
assert "報告期間中に回答した相談はありません。" in text, text
assert "日数は" not in text and "状況は期間の末日現在です。" in text, text
h2 = [c.text for c in docx.Document(sys.argv[2]).tables[-1].rows[0].cells]
assert "回答日" in h2 and "日数" in h2, h2
PY
# the days centred, not right-aligned against the 同席's text beside them
# (review13/14: 「11」 flush against 「R8.12.17」)
checks=$((checks + 1))
$PY - "$rx" <<'PY' || fail "report: 回答までの日数 not centred"
import sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1])["相談一覧"]
head = [r for r in ws.iter_rows() if r[0].value == "No."][0]
col = [c.column for c in head if c.value == "回答までの日数"][0]
days = [r[col - 1] for r in ws.iter_rows(min_row=head[0].row + 1)
        if isinstance(r[col - 1].value, (int, float))]
assert days and all(c.alignment.horizontal == "center" for c in days), \
    [c.alignment.horizontal for c in days]
PY
# a progress meeting's period: 1 April to the day before it
expect_status 0 "$NCIO" -C "$D" meeting add --type progress --date 2026-05-28
pm=$(cat "$T/out")
expect_status 0 "$NCIO" -C "$D" consult export report --meeting "$pm" -o "$T/rep2/"
pycheck docx "$T/rep2/相談業務実施報告書_令和8年5月27日.docx" \
    令和8年4月1日から令和8年5月27日まで

# one rounding, half up as the ward rounds: the sample's 12 answers took
# 147 days, 12.25 on average, printed 12.2 by printf's "%.1f"
sample_copy "$T/sample"
expect_status 0 "$NCIO" -C "$T/sample" consult export report \
    --meeting mt-fn7nkb9x -o "$T/rep3/"
pycheck docx "$T/rep3/相談業務実施報告書_令和8年5月27日.docx" \
    "報告期間中に回答した12件の、受付から回答までの日数は平均12.3日です。"
# an answer that names its 別添 is not followed by a second line naming
# it by its file (rev43b B7)
expect_status 0 "$NCIO" -C "$T/sample" consult export answer cs-1zv910ne \
    -o "$T/doc/survey.docx"
pycheck docx "$T/doc/survey.docx" 別添の調査報告書
pycheck nodocx "$T/doc/survey.docx" （詳細は別添 調査報告書_

# --- the 相談シート ---------------------------------------------------------------------
expect_status 0 "$NCIO" -C "$D" consult export sheet -o "$T/form/"
sheet=$T/form/相談シート.xlsx
pycheck sheet "$sheet"
pycheck xlsx "$sheet" 相談シート 相談の種別 相談課（部・課） 記入者の職名 件名 相談内容 提出日 回答希望日 \
    "任意。例：令和8年5月22日（2026/5/22と入力）"
# the examples' dates are of the sheet's year (rev43b B9: 令和8年 in a
# sheet of 令和12年度)
NERIMA_CIO_TODAY=2030-06-01 expect_status 0 "$NCIO" -C "$D" consult export \
    sheet -o "$T/form30/"
pycheck xlsx "$T/form30/相談シート.xlsx" "例：令和12年5月11日（2030/5/11と入力）" \
    "任意。例：令和12年5月22日（2030/5/22と入力）"
expect_status 0 "$NCIO" -C "$D" consult export sheet --org hoiku -o "$T/form/"
pycheck xlsx "$T/form/相談シート_保育課.xlsx" "こども家庭部 保育課"
pycheck fill "$sheet" B6=こども家庭部保育課 B7=庶務係長 \
    B8=保育園の午睡チェックセンサーの導入について \
    'B9=午睡チェックセンサーをクラウド型で導入したい。\n個人情報の扱いで注意する点は何か。' \
    B10=2026-05-18 B11=令和8年5月29日 out="$T/returned.xlsx"
n0=$(count)
expect_status 0 "$NCIO" -C "$D" consult import "$T/returned.xlsx"
s1=$(cat "$T/out")
expect_grep "$T/err" "imported '.*returned.xlsx' as $s1"
expect_grep "$C/$s1.yaml" "^org: hoiku$"
expect_grep "$C/$s1.yaml" "^received: 2026-05-18$"
expect_grep "$C/$s1.yaml" "^due: 2026-05-29$"
expect_grep "$C/$s1.yaml" "^channel: sheet$"
expect_grep "$C/$s1.yaml" "^  個人情報の扱いで注意する点は何か。$"
expect_grep "$C/$s1.yaml" "^  sha256: [0-9a-f]{64}$"
# idempotent: the same sheet again changes nothing
cp "$C/$s1.yaml" "$T/before"
expect_status 0 "$NCIO" -C "$D" consult import "$T/returned.xlsx"
expect_grep "$T/out" "^$s1$"
expect_grep "$T/err" "was imported before as $s1; nothing changed"
expect_same "$T/before" "$C/$s1.yaml"
checks=$((checks + 1))
[ "$(count)" = $((n0 + 1)) ] || fail "a second import added a record"
# the division sends it again corrected: the consultation is updated
pycheck fill "$T/returned.xlsx" 'B9=午睡チェックセンサーをクラウド型で導入したい。' \
    out="$T/returned2.xlsx"
expect_status 0 "$NCIO" -C "$D" consult import "$T/returned2.xlsx"
expect_grep "$T/err" "updated $s1 from '.*returned2.xlsx': 相談内容"
expect_no_grep "$C/$s1.yaml" "注意する点"
checks=$((checks + 1))
[ "$(count)" = $((n0 + 1)) ] || fail "a corrected sheet added a record"
# a form made for one division: its 課 comes with it
pycheck fill "$T/form/相談シート_保育課.xlsx" B6= B8=指名の様式 B9=内容 \
    B10=2026-05-19 out="$T/hoiku.xlsx"
expect_status 0 "$NCIO" -C "$D" consult import "$T/hoiku.xlsx"
expect_grep "$C/$(cat "$T/out").yaml" "^org: hoiku$"
n0=$((n0 + 1))
# refused: another template, no marker, a My Number, missing answers
$PY - "$T/other.xlsx" <<'PY'
import sys, openpyxl
wb = openpyxl.Workbook()
wb.active.title = "点検項目"
m = wb.create_sheet("_form")
m["A1"], m["B1"] = "format", "nerima-cio checklist form 1"
m.sheet_state = "hidden"
wb.save(sys.argv[1])
PY
expect_status 1 "$NCIO" -C "$D" consult import "$T/other.xlsx"
expect_grep "$T/err" "is a form of another template \('nerima-cio checklist form 1'\), not a 相談シート"
expect_status 1 "$NCIO" -C "$D" consult import "$rx"
expect_grep "$T/err" "is not a 相談シート: it has no hidden sheet '_form'"
pycheck fill "$sheet" B6=保育課 B8=件名 'B9=園児の番号は 1234 5678 9018 です' \
    B10=2026-05-19 B11=2026-05-01 out="$T/bad.xlsx"
expect_status 1 "$NCIO" -C "$D" consult import "$T/bad.xlsx"
expect_grep "$T/err" "bad.xlsx:9:2: B9 \(相談内容\): holds what looks like a My Number"
expect_grep "$T/err" "bad.xlsx:11:2: B11 \(回答希望日\): before the day the sheet was sent"
expect_grep "$T/err" "2 problems in the sheet; nothing imported"
expect_no_grep "$T/err" "1234 5678 9018"
pycheck fill "$sheet" B6=存在しない課 B10=2026-05-40 out="$T/bad2.xlsx"
expect_status 1 "$NCIO" -C "$D" consult import "$T/bad2.xlsx"
expect_grep "$T/err" "B6 \(相談課（部・課）\): '存在しない課' is not a division"
expect_grep "$T/err" "B8 \(件名\): empty; this is needed"
expect_grep "$T/err" "B10 \(提出日\): '2026-05-40' is not a date"
checks=$((checks + 1))
[ "$(count)" = $((n0 + 1)) ] || fail "a refused sheet was imported"

expect_status 0 "$NCIO" -C "$D" lint
finish
