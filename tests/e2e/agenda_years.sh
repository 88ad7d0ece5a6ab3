#!/bin/bash
# The 次第 of the third contract year: the open issues pile up over three
# years of generated records, and from about 第14回 on every 定例会 and
# 進捗報告会 of 令和10年度 failed ("item 47 out of range at outline level
# 3": one ア … ン item per issue past due, 46 of them on three pages).
# The 課題の状況 lists by name the issues that fell due since the previous
# meeting of the kind or fall due by the next one, and counts the rest
# (those past due at the previous meeting, those due later): the 課題管理表
# handed out with it has every one, saying how many of those past due an
# earlier year raised; the year's last meeting (no next one) looks to the
# year's end, not to a day 14 days on that no meeting has.
. "$(dirname "$0")/lib/common.bash"

need_python docx yaml
export NCIO_BENCH_BIN=$T/bin
D=$T/g3
"$NCIO_SOURCE_DIR/tests/bench/gen" --years 3 -o "$D" >/dev/null 2>&1 ||
    { fail "the generator failed"; exit 1; }
export NERIMA_CIO_TODAY=2029-03-31
# two issues of 令和8年度 left open, two years overdue by 令和10年度
for f in $(ls "$D"/issues/2026/*.yaml | head -2); do
	sed -i -e 's/^status: closed$/status: in-progress/' -e '/^closed: /d' "$f"
done

# every 定例会 and 進捗報告会 of the year has its 次第
"$NCIO" -C "$D" meeting list --format csv >"$T/meetings.csv"
awk -F, '$2 >= "2028-04-01" && ($3 == "定例会" || $3 == "進捗報告会") {
    print $1 }' "$T/meetings.csv" >"$T/ids"
checks=$((checks + 1))
[ "$(wc -l <"$T/ids")" -ge 30 ] || fail "$(wc -l <"$T/ids") meetings in 令和10年度"
mkdir -p "$T/doc"
while read -r id; do
	expect_status 0 "$NCIO" -C "$D" meeting export agenda "$id" -o "$T/doc/"
done <"$T/ids"

# the issues each 次第 names and counts, against the records
checks=$((checks + 1))
$PY - "$D" "$T/meetings.csv" "$T/doc" <<'PY' || fail "the 課題の状況 of the 次第"
import csv, datetime, glob, os, re, sys, docx, yaml

data, meetings_csv, out = sys.argv[1:]
rows = [r for r in csv.DictReader(open(meetings_csv, encoding="utf-8"))
        if r["Status"] != "中止"]
issues = [yaml.load(open(f, encoding="utf-8"), Loader=yaml.CSafeLoader)
          for f in glob.glob(os.path.join(data, "issues", "*", "*.yaml"))]

def era(d):
    return "令和%d年%d月%d日" % (d.year - 2018, d.month, d.day)

checked = any_earlier = 0
for r in rows:
    date = datetime.date.fromisoformat(r["Held on"])
    if date < datetime.date(2028, 4, 1) or r["Meeting type"] not in (
            "定例会", "進捗報告会"):
        continue
    same = sorted(datetime.date.fromisoformat(x["Held on"]) for x in rows
                  if x["Meeting type"] == r["Meeting type"])
    prev = max([d for d in same if d < date], default=None)
    nxt = min([d for d in same if d > date], default=None)
    until = nxt or datetime.date(2029, 3, 31)
    named, old, earlier, later = set(), 0, 0, 0
    for i in issues:
        if i["raised"] >= date:
            continue
        if i["status"] == "closed" and i["closed"] < date:
            continue
        due = i.get("due")
        if due is None or due > until:
            later += 1
        elif prev is not None and due <= prev:
            old += 1
            earlier += i["raised"] < datetime.date(2028, 4, 1)
        else:
            named.add((i["title"], era(due)))
    doc = docx.Document(os.path.join(out, "次第_%s.docx" % r["Meeting"]))
    paras = [p.text for p in doc.paragraphs]
    # 【配付資料】 kept with its list (it was alone at the foot of a page),
    k = paras.index("【配付資料】")
    n = 1
    while k + n < len(paras) and paras[k + n].startswith("資料"):
        n += 1
    keep = [bool(p.paragraph_format.keep_with_next)
            for p in doc.paragraphs[k:k + n]]
    # and the list with 【次回】 under it (rev21a T13: that alone on page 2)
    last = any(q.startswith("【次回】") for q in paras[k + n:])
    assert n > 1 and keep == [True] * (n - 1) + [last], (r["Meeting"], keep)
    got = set()
    for p in paras:
        # the title, and 期限 and 担当 after a line break
        m = re.match(r"^[ア-ン]　課題(?:R\d+-)?\d+　(.*)\n"
                     r"（期限 (令和\d+年\d+月\d+日)", p)
        if m:
            got.add((m.group(1), m.group(2)))
    # the same title and due date can be two issues: compare as sets
    assert got == named, (r["Meeting"], sorted(got ^ named))
    assert len(got) <= 20, (r["Meeting"], len(got))
    rest = [p for p in paras if p.startswith("このほか、")]
    parts = []
    if old:
        parts.append("期限が前回（%s）以前の未完了の課題が%d件%s" %
                     (era(prev), old, "（うち前年度以前に起票したもの%d件）" %
                      earlier if earlier else ""))
    if later:
        parts.append("期限が%sより後%s未完了の課題が%d件" % (
            era(until) if nxt else "年度末（%s）" % era(until),
            "または期限を定めていない" if any(
                i.get("due") is None and i["raised"] < date and
                (i["status"] != "closed" or i["closed"] >= date)
                for i in issues) else "の", later))
    if parts and (got or old):
        any_earlier = any_earlier or earlier
        want = "このほか、" + "、".join(parts) + "あります（課題管理表のとおり）。"
        assert rest == [want], (r["Meeting"], rest, want)
    else:
        assert rest == [], (r["Meeting"], rest)
    checked += 1
assert checked >= 30, checked
assert any_earlier, "no 次第 counted an earlier year's issue"
PY
finish
