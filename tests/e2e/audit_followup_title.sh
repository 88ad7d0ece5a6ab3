#!/bin/bash
# `audit followup` titles the record as the year's other audits are and
# as the 運営計画書's schedule names them, the kind in brackets:
# 令和8年度 情報セキュリティ監査（フォローアップ） 戸籍住民課, not
# 「令和8年度 フォローアップ監査 戸籍住民課」 beside 「令和8年度 情報
# セキュリティ監査（運用面） 戸籍住民課」 (review17).
. "$(dirname "$0")/lib/common.bash"

export NERIMA_CIO_TODAY=2027-03-31
SRC=au-02zk1v64
sample_copy "$T/d"
# the source without its follow-up, to follow it up again
sed -i '/^followup: /d' "$T/d/audits/2026/$SRC.yaml"
expect_status 0 "$NCIO" -C "$T/d" audit followup $SRC --date 2027-03-01
F=$(cat "$T/out")
expect_grep "$T/d/audits/2026/$F.yaml" '^title: 令和8年度 情報セキュリティ監査（フォローアップ） 戸籍住民課$'
finish
