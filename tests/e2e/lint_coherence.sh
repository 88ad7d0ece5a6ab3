#!/bin/bash
# lint warns of records that contradict themselves or the plan (issue 18,
# review19: rev19a M5, M8; rev19b G2, T2, T7), each on a copy of the
# sample with one defect, the file and field named: a contract listed for
# more years than two renewals allow or for years not one after the
# other; an audit led by someone other than the 主任監査員 the
# 作業実施計画書 names; one risk twice in an audit; one item twice in a
# catalog; a viewpoint rated ×（不適） beside a 所見 that finds it
# adequate, or with none; a plan whose title says 新規導入 or 改修 against
# its 区分 (rev19a M6).  The sample warns of none of these.
. "$(dirname "$0")/lib/common.bash"

export NERIMA_CIO_TODAY=2027-03-31
S=$NCIO_SAMPLE_DIR

# warns DIR: lint DIR succeeds (warnings do not fail it); stderr in $T/err
warns() {
	expect_status 0 "$NCIO" -C "$1" lint
}

warns "$S"
expect_grep "$T/err" 'no problems'
expect_no_grep "$T/err" 'warning'

# --- 1. the contract's years --------------------------------------------
sample_copy "$T/years"
Y=$T/years
sed -i 's/^    - 2026$/    - 2026\n    - 2027\n    - 2028\n    - 2029/' \
    "$Y/nerima-cio.yaml"
warns "$Y"
expect_grep "$T/err" 'nerima-cio.yaml: warning: contract.fiscal_years lists 4 years; the contract is for one year, renewed at most twice'
# 2029 also ends after the renewal limit the config gives (2029-03-31)
expect_grep "$T/err" 'fiscal_years: 2029 ends after contract.renewal_limit \(2029-03-31\)'
expect_no_grep "$T/err" 'fiscal_years: 2028 ends after'
sample_copy "$T/gap"
sed -i 's/^    - 2026$/    - 2026\n    - 2028/' "$T/gap/nerima-cio.yaml"
warns "$T/gap"
expect_grep "$T/err" 'contract.fiscal_years: 2028 follows 2026; the years of one contract and its renewals are consecutive'
expect_no_grep "$T/err" 'lists 2 years'
# three consecutive years within the limit: the most the contract allows
sample_copy "$T/three"
sed -i 's/^    - 2026$/    - 2026\n    - 2027\n    - 2028/' \
    "$T/three/nerima-cio.yaml"
warns "$T/three"
expect_no_grep "$T/err" 'fiscal_years'

# --- 2. 主任監査員 and risks of an audit -----------------------------------
sample_copy "$T/audit"
A=$T/audit/audits/2026/au-02zk1v64.yaml
sed -i 's/^chief_auditor: mihon-hanako$/chief_auditor: reidai-sakura/' "$A"
# the first risk twice
sed -i '/^risks:$/,/^summary:/{/^summary:/i\
  - risk: 管理外の外部記録媒体による情報の持出し・紛失\
    likelihood: low
}' "$A"
warns "$T/audit"
expect_grep "$T/err" 'au-02zk1v64.yaml: warning: chief_auditor is reidai-sakura \(staff\), but the 作業実施計画書 names the ciso-advisor \(mihon-hanako\) 主任監査員'
expect_grep "$T/err" 'au-02zk1v64.yaml: warning: risks\[1\].risk is the same as risks\[0\].risk \(「管理外の外部記録媒体による情報の持出し・紛失」\)'
[ "$(grep -c 'warning' "$T/err")" = 2 ] ||
    fail "audit: two warnings expected: $(cat "$T/err")"

# --- 3. one item twice in a catalog --------------------------------------
sample_copy "$T/cat"
C=$T/cat/catalogs/2026/ca-xn2ban18.yaml
sed -i '0,/^    text: 課内の情報システムの管理者（システム担当者）を明確にしている。$/s//    text: 課の情報セキュリティ担当者を指定し、課内に周知している。/' "$C"
warns "$T/cat"
expect_grep "$T/err" 'ca-xn2ban18.yaml: warning: items\[2\] \(.*\) has the same text as items\[0\] \(.*\): one item twice in one catalog'

# --- 4. × beside a 所見 that finds it adequate ---------------------------
sample_copy "$T/rating"
R=$T/rating/reviews/2026/rv-1t5grk0g.yaml
sed -i -e '0,/^    rating: needs-check$/s//    rating: inadequate/' \
    -e 's/^    comment: 計算規則を別紙で明示しなければ.*$/    comment: 妥当である。/' "$R"
warns "$T/rating"
expect_grep "$T/err" 'rv-1t5grk0g.yaml: warning: findings\[0\] \(requirements\) is rated inadequate but its comment begins 「妥当」'
sed -i '/^    comment: 妥当である。$/d' "$R"
warns "$T/rating"
expect_grep "$T/err" 'rv-1t5grk0g.yaml: warning: findings\[0\] \(requirements\) is rated inadequate with no comment'

# --- 5. 区分 against the title -------------------------------------------
sample_copy "$T/cat2"
R=$(grep -l '^title: 防災情報システムの更新$' "$T/cat2"/reviews/2026/*.yaml)
sed -i 's/^title: 防災情報システムの更新$/title: 防災情報システムの新規導入/' "$R"
R2=$(grep -l '^title: 窓口キャッシュレス決済端末の導入$' "$T/cat2"/reviews/2026/*.yaml)
sed -i 's/^title: 窓口キャッシュレス決済端末の導入$/title: 窓口キャッシュレス決済端末の改修/' "$R2"
warns "$T/cat2"
expect_grep "$T/err" "$(basename "$R"): warning: the title ends in 「新規導入」 but category is 'update'"
expect_grep "$T/err" "$(basename "$R2"): warning: the title ends in 「改修」 but category is 'new'"
finish
