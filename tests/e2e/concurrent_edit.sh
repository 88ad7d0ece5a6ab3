#!/bin/bash
# Two processes changing different parts of one record at the same time
# lose nothing (issue 11, item 1): every read-modify-write holds the data
# directory's lock from the read to the rename (cmd_edit_record()).
# Scoring items of one audit, findings of one review by viewpoint, and
# hearing rounds of one review, each from two writers at once.
. "$(dirname "$0")/lib/common.bash"

# the records below are of 令和8年度: a hearing's --sent defaults to today,
# and one more than a year after that year is refused (from 2028-04-01 on,
# before this was pinned)
export NERIMA_CIO_TODAY=2026-11-30
D=$T/data
"$NCIO" init --no-git "$D" 2>/dev/null
cp -r "$NCIO_SAMPLE_DIR/catalogs" "$D/"
N() { "$NCIO" -C "$D" "$@"; }

# run_both A B: run the shell functions A and B at once; both must succeed.
run_both() {
	"$1" >"$T/a.log" 2>&1 &
	local pa=$!
	"$2" >"$T/b.log" 2>&1 &
	local pb=$!
	checks=$((checks + 1))
	wait "$pa" || fail "$1 failed: $(tail -3 "$T/a.log")"
	checks=$((checks + 1))
	wait "$pb" || fail "$2 failed: $(tail -3 "$T/b.log")"
}

# --- audit score: odd items from one writer, even from the other ---------
A=$(N audit plan --type operational --target 戸籍住民課 --date 2026-07-15 \
    2>/dev/null)
AF=$(N show --path "$A")
sed -n 's/^  - ref: //p' "$AF" >"$T/refs"
n=$(wc -l <"$T/refs")
score() {
	local i=0 ref
	while read -r ref; do
		i=$((i + 1))
		[ $((i % 2)) = "$1" ] || continue
		N audit score "$A" --item "$ref" --result conform \
		    --note "writer $1 $ref" >/dev/null || return 1
	done <"$T/refs"
}
score_a() { score 1; }
score_b() { score 0; }
run_both score_a score_b
$PY - "$AF" "$n" >"$T/got" <<'EOF'
import sys, yaml
a = yaml.load(open(sys.argv[1], encoding="utf-8"), Loader=yaml.CSafeLoader)
items = a["items"]
bad = [it["ref"] for i, it in enumerate(items)
       if it.get("result") != "conform" or
       it.get("note") != "writer %d %s" % ((i + 1) % 2, it["ref"])]
print(len(items), "items,", len(bad), "lost:", " ".join(bad[:10]))
EOF
expect_grep "$T/got" "^$n items, 0 lost:"

# --- review assess: each writer its own viewpoints -----------------------
R=$(N review add --no-input --title 並行精査 --org hoiku --received 2026-04-10 \
    --category new 2>/dev/null)
RF=$(N show --path "$R")
vps=(purpose necessity cost cost-effectiveness security procurement schedule
    standardisation requirements scope organisation feasibility achievement
    operation-problems effectiveness efficiency reliability safety other)
assess() {
	local i
	for i in "${!vps[@]}"; do
		[ $((i % 2)) = "$1" ] || continue
		N review assess "$R" --viewpoint "${vps[$i]}" --rating adequate \
		    --comment "writer $1 ${vps[$i]}" >/dev/null 2>&1 || return 1
	done
}
assess_a() { assess 1; }
assess_b() { assess 0; }
run_both assess_a assess_b
$PY - "$RF" "${vps[@]}" >"$T/got" <<'EOF'
import sys, yaml
r = yaml.load(open(sys.argv[1], encoding="utf-8"), Loader=yaml.CSafeLoader)
got = {f["viewpoint"]: f.get("comment") for f in r.get("findings", [])}
want = {v: "writer %d %s" % (i % 2, v) for i, v in enumerate(sys.argv[2:])}
lost = [v for v in want if got.get(v) != want[v]]
print(len(got), "findings,", len(lost), "lost:", " ".join(lost))
EOF
expect_grep "$T/got" "^${#vps[@]} findings, 0 lost:"

# --- review hearing: rounds from two writers -----------------------------
K=15
ask() {
	local i
	for i in $(seq 1 $K); do
		N review hearing "$R" --question "writer $1 question $i" \
		    >/dev/null 2>&1 || return 1
	done
}
ask_a() { ask a; }
ask_b() { ask b; }
run_both ask_a ask_b
$PY - "$RF" "$K" >"$T/got" <<'EOF'
import sys, yaml
r = yaml.load(open(sys.argv[1], encoding="utf-8"), Loader=yaml.CSafeLoader)
k = int(sys.argv[2])
rounds = r.get("hearings", [])
numbers = sorted(h["round"] for h in rounds)
qs = sorted(it["question"] for h in rounds for it in h["items"])
want = sorted("writer %s question %d" % (w, i) for w in "ab"
              for i in range(1, k + 1))
ok = numbers == list(range(1, 2 * k + 1)) and qs == want
print(len(rounds), "rounds,", "numbered 1.." + str(len(rounds)) if ok else
      "lost or renumbered: %s" % numbers)
EOF
expect_grep "$T/got" "^$((2 * K)) rounds, numbered 1\.\.$((2 * K))$"

expect_status 0 N lint

# --- incident log and issue update: entries from two writers ------------
cp "$NCIO_SAMPLE_DIR/nerima-cio.yaml" "$D/"
I=$(N incident add --no-input --title 並行記録 --org hoiku \
    --occurred 2026-07-01 --category misdelivery 2>"$T/err") ||
    fail "incident add: $(cat "$T/err")"
IF=$(N show --path "$I")
M=10
logs() {
	local i
	for i in $(seq 1 $M); do
		N incident log "$I" --type note --text "writer $1 entry $i" \
		    --at "2026-07-01 1$1:$(printf %02d "$i")" >/dev/null 2>&1 ||
		    return 1
	done
}
logs_a() { logs 0; }
logs_b() { logs 1; }
run_both logs_a logs_b
$PY - "$IF" "$M" >"$T/got" <<'EOF'
import sys, yaml
r = yaml.load(open(sys.argv[1], encoding="utf-8"), Loader=yaml.CSafeLoader)
m = int(sys.argv[2])
texts = [e.get("text") for e in r.get("timeline", [])]
want = ["writer %d entry %d" % (w, i) for w in (0, 1) for i in range(1, m + 1)]
lost = [t for t in want if t not in texts]
print(len(want) - len(lost), "of", len(want), "entries kept")
EOF
expect_grep "$T/got" "^$((2 * M)) of $((2 * M)) entries kept$"

S=$(N issue add --title 並行更新 --owner kakuu-taro --due 2026-12-25 \
    2>"$T/err") || fail "issue add: $(cat "$T/err")"
SF=$(N show --path "$S")
notes() {
	local i
	for i in $(seq 1 $M); do
		N issue update "$S" --note "writer $1 note $i" >/dev/null 2>&1 ||
		    return 1
	done
}
notes_a() { notes a; }
notes_b() { notes b; }
run_both notes_a notes_b
$PY - "$SF" "$M" >"$T/got" <<'EOF'
import sys, yaml
r = yaml.load(open(sys.argv[1], encoding="utf-8"), Loader=yaml.CSafeLoader)
m = int(sys.argv[2])
text = yaml.safe_dump(r, allow_unicode=True)
want = ["writer %s note %d" % (w, i) for w in "ab" for i in range(1, m + 1)]
lost = [t for t in want if t not in text]
print(len(want) - len(lost), "of", len(want), "notes kept")
EOF
expect_grep "$T/got" "^$((2 * M)) of $((2 * M)) notes kept$"

leftovers=$(find "$D" -name '*.tmp*' | wc -l)
checks=$((checks + 1))
[ "$leftovers" -eq 0 ] || fail "$leftovers temporary files left behind"
finish
