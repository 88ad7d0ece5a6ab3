#!/bin/bash
# review list --as-of DATE: the list as it stood at the end of the day
# ("what was pending on 9/30", asked at a progress meeting; noticed at
# stop 38): the reviews received by then, each with its status then (its
# status_history, else its dates: review_status_on()), its days open to
# the day and its business days past due then.  It used to list reviews
# received later, with today's status and days to their decision.
. "$(dirname "$0")/lib/common.bash"

D=$T/data
cp -r "$NCIO_SAMPLE_DIR" "$D"
export NERIMA_CIO_TODAY=2027-03-31
N() { "$NCIO" -C "$D" "$@"; }
row() { grep "^$1," "$T/out" || true; }

# rv-5x2b8c4d: received 8/3, questions sent 8/6, answered 8/19, decided
# 9/10; rv-6e3f9g1h was received 9/1
expect_status 0 N review list --as-of 2026-08-20 --format csv
expect_grep "$T/out" "^rv-5x2b8c4d,2026-08-03,kikikanri,[^,]*,hearing,17,"
expect_no_grep "$T/out" "^rv-6e3f9g1h,|^rv-jh97kw1t,"
# the same review decided, on a day after its decision
expect_status 0 N review list --as-of 2026-09-30 --format csv
expect_grep "$T/out" "^rv-5x2b8c4d,.*,decided,38,"
# --status reads the status on the day: pending on 8/20
expect_status 0 N review list --as-of 2026-08-20 --status hearing --format csv
expect_grep "$T/out" "^rv-5x2b8c4d,"
expect_no_grep "$T/out" "^rv-(mhx55124|3n7r5t9w),"
expect_status 0 N review list --as-of 2026-08-20 --status decided --format csv
expect_no_grep "$T/out" "^rv-5x2b8c4d,"

# A logged change (status_history): withdrawn on 12/10, then on 12/1
# the review was still at 受付 and past due on 12/28
rid=rv-jh97kw1t
cat >"$T/ed-status" <<'EOF2'
#!/bin/sh
sed -i "s/^status: .*/status: withdrawn/" "$1"
EOF2
chmod +x "$T/ed-status"
NERIMA_CIO_TODAY=2026-12-10 EDITOR=$T/ed-status expect_status 0 N edit "$rid"
expect_grep "$D/reviews/2026/$rid.yaml" "^status_history:"
expect_status 0 N review list --as-of 2026-12-28 --format csv
expect_grep "$T/out" "^$rid,.*,withdrawn,,2026-12-25,$"
expect_status 0 N review list --as-of 2026-12-09 --format csv
expect_grep "$T/out" "^$rid,2026-12-07,.*,received,2,2026-12-25,$"
# --overdue on the day: open then, past due then
expect_status 0 N review list --as-of 2026-12-08 --overdue --format csv
expect_grep "$T/out" "^rv-a2b4c6d8,.*,assessed,8,2026-12-07,1$"
expect_no_grep "$T/out" "^$rid,"
# the table shows the status's title
expect_status 0 N review list --as-of 2026-08-20
expect_grep "$T/out" "防災情報システムの更新 +ヒアリング中 +17"
# review assess --date: the step to 精査済 logged on the day given, not
# on the day it was typed in (assess had no --date; decide and hearing
# have theirs)
pl=rv-9t6v4w2x
expect_status 1 N review assess "$pl" --viewpoint necessity --rating adequate \
    --date 2026-11-20
expect_grep "$T/err" "before the review was received"
expect_status 0 N review assess "$pl" --viewpoint necessity --rating adequate \
    --date 2026-12-01
expect_grep "$D/reviews/2026/$pl.yaml" "^status: assessed$"
expect_grep "$D/reviews/2026/$pl.yaml" "^  - date: 2026-12-01$"
expect_status 0 N review list --as-of 2026-11-30 --format csv
expect_grep "$T/out" "^$pl,.*,received,5,"
expect_status 0 N review list --as-of 2026-12-01 --format csv
expect_grep "$T/out" "^$pl,.*,assessed,6,"
# without --as-of: today's list, as before
expect_status 0 N review list --format csv
expect_grep "$T/out" "^$rid,.*,withdrawn,"
expect_grep "$T/out" "^rv-6e3f9g1h,"

finish
