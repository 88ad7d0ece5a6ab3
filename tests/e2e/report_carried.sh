#!/bin/bash
# report_carried: work carried across fiscal years and records' states on
# a document's date.  The 作業実施報告書 counts every 意見書 past its
# 提出期限 and unsent at the period's end, whatever year it was asked in,
# naming those its rows do not show with their year; a PIA's 状況 is the
# one of the period's end (its first 確認・助言 later: 評価書作成中); the
# review summary's text says the decisions of plans of a year before, and
# the cases counted though withdrawn after their decision.
. "$(dirname "$0")/lib/common.bash"

need_python docx
D=$T/data
sample_copy "$D"
export NERIMA_CIO_TODAY=2026-07-01
# the 作業実施報告書 of $1..$2: its paragraphs in $T/text, its rows
# ("件名<TAB>状況・備考") in $T/rows
report() {
	local O=$T/out-$1
	expect_status 0 "$NCIO" -C "$D" report bimonthly --from "$1" --to "$2" \
	    -o "$O/"
	report_rows "$O"/作業実施報告書_*.docx "$T/text" >"$T/rows" ||
	    fail "cannot read the report of $1..$2"
}
opinion() {	# RECEIVED TITLE REF-NO: a procurement opinion, not sent
	expect_status 0 "$NCIO" -C "$D" review add --no-input --type procurement \
	    --title "$2" --org hoiku --received "$1" --ref-no "$3"
}
# two years before, the year before, this year before the period, and one
# the requester withdrew (not late)
opinion 2025-03-02 古年度調達意見 練企情受第9号
opinion 2026-03-02 前年度調達意見 練企情受第51号
opinion 2026-04-10 当年度前期調達意見 練企情受第2号
opinion 2026-03-16 取下げ調達意見 練企情受第55号
id=$(cat "$T/out")
sed -i 's/^status: received$/status: withdrawn/' "$D/reviews/2025/$id.yaml"
report 2026-05-01 2026-06-30
expect_grep "$T/text" '提出期限を過ぎて未提出 3件'
expect_grep "$T/text" '^提出期限を過ぎて未提出のもの（当期より前に受け付けたもの）：古年度調達意見（令和6年度練企情受第9号、保育課、令和7年3月2日受付、提出期限 令和7年3月7日）、前年度調達意見（令和7年度練企情受第51号、'
expect_grep "$T/text" '、当年度前期調達意見（練企情受第2号、保育課、令和8年4月10日受付'
expect_no_grep "$T/text" '取下げ調達意見'

# the PIA received on 6月15日 and first reviewed on 10月6日: 評価書作成中 in
# a report to 7月22日, though 確認・助言中 now
report 2026-05-28 2026-07-22
expect_grep "$T/rows" $'^住民基本台帳に関する事務 全項目評価書\t評価書作成中$'

# a plan received in March and decided in April: the summary of the year
# of its decision says the decision is of a plan of the year before
expect_status 0 "$NCIO" -C "$D" review add --no-input --title 繰越試験システム \
    --org hoiku --received 2026-03-10 --category new --cost 1000000
id=$(cat "$T/out")
expect_status 0 "$NCIO" -C "$D" review decide "$id" --result approve \
    --date 2026-04-20 --force
# and one decided, then withdrawn: counted, and the text says so
expect_status 0 "$NCIO" -C "$D" review add --no-input --title 決定後取下げ試験 \
    --org hoiku --received 2026-05-01 --category new --cost 1000000
id=$(cat "$T/out")
expect_status 0 "$NCIO" -C "$D" review decide "$id" --result approve \
    --date 2026-05-20 --force
printf '#!/bin/sh\nsed -i "s/^status: decided$/status: withdrawn/" "$1"\n' \
    >"$T/ed-wd"
chmod +x "$T/ed-wd"
EDITOR=$T/ed-wd expect_status 0 "$NCIO" -C "$D" edit "$id"
expect_status 0 "$NCIO" -C "$D" review summary --fy 2026
expect_grep "$T/out" '^of the decisions, plans received in an earlier year and decided in this one: 1$'
expect_grep "$T/out" '^of the total, withdrawn after the decision or the opinion \(counted: the work was done\): 1$'
LANG=ja_JP.UTF-8 LC_ALL=ja_JP.UTF-8 expect_status 0 "$NCIO" -C "$D" review \
    summary --fy 2026
expect_grep "$T/out" '^判定には、前年度までに受け付けて当年度に決定した 1件を含む$'

# the year before's cases still undecided are named in the next year's
# report, not counted (a year's 審査中 vanished on 1 April: rev18a)
expect_status 0 env NERIMA_CIO_TODAY=2027-06-01 "$NCIO" -C \
    "$NCIO_SAMPLE_DIR" report bimonthly --from 2027-04-01 --to 2027-05-31 \
    -o "$T/next/"
$PY -c 'import docx, sys; print("\n".join(p.text for p in docx.Document(sys.argv[1]).paragraphs))' \
    "$T"/next/作業実施報告書_*.docx >"$T/next.txt"
expect_grep "$T/next.txt" '^前年度以前に受け付け、当期末に決定・提出に至っていないもの（件数に含めていません）：窓口キャッシュレス決済端末の導入（令和8年度情政受第11号、戸籍住民課、令和8年5月20日受付、精査済）、'
expect_grep "$T/next.txt" '（令和8年度情政受第56号、区政改革担当課、令和8年12月7日受付）$'
expect_grep "$T/next.txt" '^当期0件、年度累計0件（年間想定60件）。'

# this year's cases received before the period and undecided at its end
# are named in every period's report, and at the contract's end (the
# sample's contract is 令和8年度 alone) every undecided case, this year's
# and the years before's, is handed to the ward: 情政受第52号 and 第56号,
# at 受付 since 11月 and 12月, were in no report after their own (rev20 M2)
expect_status 0 env NERIMA_CIO_TODAY=2027-06-01 "$NCIO" -C \
    "$NCIO_SAMPLE_DIR" report bimonthly --from 2027-01-15 --to 2027-02-28 \
    -o "$T/mid/"
$PY -c 'import docx, sys; print("\n".join(p.text for p in docx.Document(sys.argv[1]).paragraphs))' \
    "$T"/mid/作業実施報告書_*.docx >"$T/mid.txt"
expect_grep "$T/mid.txt" '^当期より前に受け付け、当期末に決定・提出に至っていないもの：.*（情政受第52号、[^）]*、令和8年11月25日受付）.*（情政受第56号、区政改革担当課、令和8年12月7日受付）'
expect_status 0 env NERIMA_CIO_TODAY=2027-06-01 "$NCIO" -C \
    "$NCIO_SAMPLE_DIR" report bimonthly --year-end 2026 -o "$T/end/"
$PY -c 'import docx, sys; print("\n".join(p.text for p in docx.Document(sys.argv[1]).paragraphs))' \
    "$T"/end/作業実施報告書_*.docx >"$T/end.txt"
expect_grep "$T/end.txt" '^契約期間の末日（令和9年3月31日）までに決定に至らず、区に引き継ぐもの：7件（「区への引継ぎ事項」に記載）$'
# named, a row each, in the table of what the ward takes over (rev20 T8)
$PY -c 'import docx, sys
for t in docx.Document(sys.argv[1]).tables:
    for r in t.rows:
        print("\t".join(c.text.replace("\n", "") for c in r.cells))' \
    "$T"/end/作業実施報告書_*.docx >"$T/end.rows"
expect_grep "$T/end.rows" $'^1\tDX実現に向けた取組支援\t'
expect_grep "$T/end.rows" $'\t情報化企画審査\t窓口キャッシュレス決済端末の導入（情政受第11号、戸籍住民課、令和8年5月20日受付）\t精査済\t可否の決定$'
expect_grep "$T/end.rows" $'\t情報化企画審査\t.*（情政受第56号、区政改革担当課、令和8年12月7日受付）\t受付\t可否の決定$'
expect_grep "$T/end.rows" $'\t調達実施支援\t.*（情政受第53号、戸籍住民課、令和8年11月30日受付）\t未提出（提出期限 ?令和8年12月7日）\t意見書の提出$'
expect_no_grep "$T/end.txt" '^当期より前に受け付け、当期末に決定'
expect_no_grep "$T/end.txt" '受付、受付）'

# the 相談業務実施報告書 attached to it: addressed and opened as the
# report is, and its unanswered consultations handed over as the report
# says, not 「回答作成中」 (rev20 T7)
$PY -c 'import docx, sys
d = docx.Document(sys.argv[1])
print("\n".join(p.text for p in d.paragraphs))
for t in d.tables:
    for r in t.rows:
        print("\t".join(c.text for c in r.cells))' \
    "$T"/end/相談業務実施報告書_*.docx >"$T/cons.txt"
expect_grep "$T/cons.txt" '^情報政策課長'
expect_grep "$T/cons.txt" '^　仕様書3\(3\)ア\(イ\)に基づき、相談業務の実施状況を次のとおり報告します。$'
expect_grep "$T/cons.txt" '^状況が「区に引継ぎ」の相談は、契約期間の末日（令和9年3月31日）までに回答に至らず、区に引き継ぐものです。$'
expect_grep "$T/cons.txt" $'\t相談第22号\t.*\t区に引継ぎ'
expect_no_grep "$T/cons.txt" $'\t回答作成中'
# the note under the list keeps with the list's last row: g5's year-end
# report put it and 以上 on a page 2 of their own (rev21c T1)
checks=$((checks + 1))
$PY - "$T"/end/相談業務実施報告書_*.docx <<'PYEOF' || fail "the 区に引継ぎ note parted from the list"
import sys, docx
from docx.oxml.ns import qn
kids = list(docx.Document(sys.argv[1]).element.body.iterchildren())
for a, b in zip(kids, kids[1:]):
    text = "".join(t.text for t in b.iter(qn("w:t")))
    if a.tag == qn("w:tbl") and text.startswith("状況が「区に引継ぎ」"):
        row = a.findall(qn("w:tr"))[-1]
        ps = list(row.iter(qn("w:p")))
        assert ps and all(p.find(qn("w:pPr") + "/" + qn("w:keepNext"))
                          is not None for p in ps), "last row not kept"
        break
else:
    raise SystemExit("no note right under the list")
PYEOF

finish
