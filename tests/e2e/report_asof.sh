#!/bin/bash
# report_asof: a dated document shows each case as it stood on its date,
# not as the record stands today (issue 18): the 作業実施報告書's 状況・備考
# of a review whose hearing was answered after the period, of incidents
# closed or moved to 再発防止策の確認中 after it; the incident statistics
# of a year gone by as of its last day.
. "$(dirname "$0")/lib/common.bash"

need_python docx openpyxl
D=$T/data
sample_copy "$D"
export NERIMA_CIO_TODAY=2026-11-30
meeting() {	# the id of the meeting titled $1
	meeting_titled "$D" "$1"
}
report() {	# report MEETING-TITLE: its 作業実施報告書's rows into $T/rows
	local m O
	m=$(meeting "$1")
	[ -n "$m" ] || { fail "no meeting '$1' in the sample"; return; }
	O=$T/out-$m
	expect_status 0 "$NCIO" -C "$D" report bimonthly --meeting "$m" -o "$O/"
	report_rows "$O"/作業実施報告書_*.docx >"$T/rows" || fail "cannot read $O"
}

# 第1回 (to 5月27日): 精査済 now, its hearing answered on 5月28日
report '第1回 進捗報告会'
expect_grep "$T/rows" $'^窓口キャッシュレス決済端末の導入\tヒアリング中$'

# 第2回 (to 7月22日): the e-mail sent in error was 対応中 (再発防止策の確認中
# from 7月31日); the malware, closed on 7月10日, 終結
report '第2回 進捗報告会'
expect_grep "$T/rows" \
    $'^障害福祉サービス利用者一覧の電子メール誤送信\t対応中誤送付・誤送信、重大度 高$'
expect_grep "$T/rows" $'^職員端末でのマルウェア検知\t終結ウイルス感染'

# 第4回 (to 11月25日): the suspicious login 対応中 (再発防止策 from
# 11月27日), the tablet lost on 10月21日 and closed on 11月6日 終結
report '第4回 進捗報告会'
expect_grep "$T/rows" $'^施設予約システム管理者アカウントへの不審なログイン\t対応中サイバー攻撃'
expect_grep "$T/rows" $'^業務用タブレット端末の一時紛失\t終結紛失・盗難'

# the statistics of FY2026 made in May 2027 are as of 令和9年3月31日: an
# incident closed on 4月10日 was still 再発防止策の確認中 then
f=$(grep -l '^title: 施設予約システム管理者アカウントへの不審なログイン$' \
    "$D"/incidents/2026/*.yaml)
cat >>"$f" <<'EOF'
closed: 2027-04-10
EOF
sed -i 's/^status: prevention$/status: closed/' "$f"
NERIMA_CIO_TODAY=2027-05-10 expect_status 0 "$NCIO" -C "$D" incident export \
    stats --fy 2026 -o "$T/stats.xlsx"
$PY - "$T/stats.xlsx" >"$T/stats" <<'PY' || fail "cannot read the statistics"
import sys, openpyxl
for ws in openpyxl.load_workbook(sys.argv[1]).worksheets:
    for r in ws.iter_rows(values_only=True):
        r = [str(c).replace("\n", "") for c in r if c is not None]
        if "施設予約システム管理者アカウントへの不審なログイン" in r:
            print("\t".join(r))
PY
expect_grep "$T/stats" $'\t再発防止策の確認中(\t|$)'
expect_no_grep "$T/stats" $'\t終結(\t|$)'

# the year's 情報化企画の集計 made in May is as of 3月31日: a plan decided
# (可) on 4月5日 was 未決定 then, and has no days to its decision yet
f=$D/reviews/2026/rv-2k8m4p6q.yaml
sed -i 's/^  date: 2026-06-25$/  date: 2027-04-05/; s/^  notified: 2026-06-26$/  notified: 2027-04-06/' "$f"
expect_grep "$f" '^  date: 2027-04-05$'
NERIMA_CIO_TODAY=2027-05-01 expect_status 0 "$NCIO" -C "$D" review summary \
    --fy 2026
expect_grep "$T/out" '^Result +可 +1 '
expect_grep "$T/out" '^ +未決定（審査中） +8 '
expect_grep "$T/out" '\(4 decided\)'

# the final security report of 11月20日: the suspicious login was 対応中
# then (再発防止策の確認中 from 11月27日)
f=$(grep -l '^type: final$' "$D"/secreports/2026/*.yaml)
sed -i 's/^date: 2026-11-27$/date: 2026-11-20/' "$f"
expect_grep "$f" '^date: 2026-11-20$'
expect_status 0 "$NCIO" -C "$D" report security-final --fy 2026 -o "$T/sf/"
$PY - "$T"/sf/*詳細版.pptx >"$T/deck" <<'PY' || fail "cannot read the deck"
import re, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
for n in z.namelist():
    if n.startswith("ppt/charts/chart") and n.endswith(".xml"):
        # the caption's lines as one text
        print("".join(re.findall(r"<a:t>([^<]*)</a:t>", z.read(n).decode())))
PY
expect_grep "$T/deck" '件のうち 高 2件。終結していないもの 2件（対応中 1件、再発防止策の確認中 1件）。'

# dated 8月10日 (a draft, 案): the 戸籍住民課 audit reported on 8月20日 was
# 合意済 then, not フォローアップ中
sed -i 's/^date: 2026-11-20$/date: 2026-08-10/' "$f"
expect_status 0 "$NCIO" -C "$D" report security-final --fy 2026 -o "$T/sf2/"
$PY - "$T"/sf2/*詳細版.pptx >"$T/deck" <<'PY' || fail "cannot read the deck"
import re, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
for n in z.namelist():
    if re.match(r"ppt/slides/slide[0-9]+\.xml$", n):
        t = re.findall(r"<a:t>([^<]*)</a:t>", z.read(n).decode())
        if "内部監査の実施結果" in t:
            print("\t".join(t))
PY
expect_grep "$T/deck" $'\t令和8年7月15日\t戸籍住民課\t合意済\t'

finish
