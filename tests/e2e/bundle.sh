#!/bin/bash
# Authored deliverables (deliverable add/list, lint of a registered file),
# the year-end bundle (report bundle, --verify) and protected attachments
# (--zip with --password-file, opened by 7z).
. "$(dirname "$0")/lib/common.bash"

D=$T/data
sample_copy "$D"
export NERIMA_CIO_TODAY=2026-07-01
nc() { "$NCIO" -C "$D" "$@"; }

# ---- deliverable add / list / lint ------------------------------------

mkdir -p "$D/files"
printf 'PK fake docx: 教材\n' >"$D/files/研修教材_情報セキュリティ.docx"
tr_id=$(nc list training --fy 2026 --format json |
	"$PY" -c 'import json,sys
for r in json.load(sys.stdin):
    if "新規採用" in r["title"]: print(r["id"]); break')
[ -n "$tr_id" ] || fail "no 2026 new-staff training in the sample"
expect_status 0 nc deliverable add "$D/files/研修教材_情報セキュリティ.docx" \
	--kind 教材 --spec '4(2)イ' --for "$tr_id" --date R8.6.30
dl_id=$(cat "$T/out")
expect_grep "$T/out" '^dl-[0-9a-z]{8}$'
rec="$D/deliverables/2026/$dl_id.yaml"
expect_grep "$rec" '^file: files/研修教材_情報セキュリティ.docx$'
expect_grep "$rec" "^sha256: \"?$(sha256sum "$D/files/研修教材_情報セキュリティ.docx" | cut -c1-64)\"?$"
expect_grep "$rec" "^size: $(stat -c %s "$D/files/研修教材_情報セキュリティ.docx")$"
expect_grep "$rec" '^date: 2026-06-30$'
expect_grep "$rec" "^for: $tr_id$"
# The sample's trainings name no 教材 files (it holds only those it
# registers); as they once did, this copy's 新規採用職員研修 (a 教材 now
# registered for it) and 情報セキュリティ担当者研修（第2回） (none) name one
sed -i 's/^material_due: /materials:\n  - R8新規採用職員研修（情報セキュリティ）_教材.pptx\nmaterial_due: /' \
    "$D/trainings/2026/$tr_id.yaml"
sed -i 's/^material_due: /materials:\n  - R8情報セキュリティ担当者研修（第2回）_教材.pptx\nmaterial_due: /' \
    "$D/trainings/2026/tr-8gzvqy2v.yaml"
expect_status 0 nc lint
# a 教材 registered for the training: not named missing; one of another
# training that names its file and registered none: warned of (rev21b M2)
expect_no_grep "$T/err" "^trainings/2026/$tr_id\.yaml: warning: materials"
expect_grep "$T/err" "^trainings/2026/tr-8gzvqy2v\.yaml: warning: materials: 'R8情報セキュリティ担当者研修（第2回）_教材\.pptx' is not in the data directory and not registered"
# As the sample's records once were: 第10回 定例会 held with no
# minutes recorded and the 情報セキュリティ担当者研修（第2回） report not
# submitted: neither is delivered (deliv21)
$PY - "$D/meetings/2026/mt-fna735gr.yaml" <<'PY' || fail "could not undo 第10回's minutes"
import sys, yaml
p = sys.argv[1]
m = yaml.load(open(p, encoding="utf-8"), Loader=yaml.CSafeLoader)
for k in ("attendees", "decisions", "actions", "minutes_submitted"):
    m.pop(k, None)
for a in m.get("agenda") or []:
    for k in ("summary", "discussion", "minutes"):
        a.pop(k, None)
m["status"] = "held"
yaml.safe_dump(m, open(p, "w", encoding="utf-8"), allow_unicode=True,
               sort_keys=False)
PY
sed -i -e 's/^status: reported$/status: held/' -e '/^report_submitted:/d' \
	"$D/trainings/2026/tr-8gzvqy2v.yaml"
# a minutes export of a meeting held with nothing recorded is refused
# (rev21a M1: a blank 議事録 went out)
expect_status 1 nc meeting export minutes mt-fna735gr -o "$T/m/"
expect_grep "$T/err" "mt-fna735gr: no minutes are recorded"
[ -e "$T/m" ] && [ -n "$(ls -A "$T/m")" ] && fail "a blank 議事録 written"
# relative to the current directory, from inside the data directory
(cd "$D/files" && printf 'x\n' >提案書.docx &&
	"$NCIO" deliverable add 提案書.docx --kind proposal --spec '4(1)イ') \
	>"$T/out" 2>"$T/err" || fail "add from inside the data directory"
expect_status 0 nc deliverable list --fy 2026
expect_grep "$T/out" '4\(2\)イ +教材 +研修教材_情報セキュリティ +令和8年度 新規採用'
expect_grep "$T/out" '提案書'
expect_no_grep "$T/out" "$tr_id"
expect_status 0 nc deliverable list --fy 2026 --format json
$PY - "$T/out" "$tr_id" <<'PY' || fail "deliverable list json"
import json, sys
rows = json.load(open(sys.argv[1]))
assert len(rows) == 4, rows
r = [x for x in rows if x["file"].startswith("files/研修教材")][0]
assert r["for_id"] == sys.argv[2] and r["kind"] == "教材", r
PY
expect_status 0 nc deliverable list --fy 2025
expect_no_grep "$T/out" '教材'

# bad input: outside the data directory, missing, twice, not a file
printf 'outside\n' >"$T/outside.docx"
expect_status 1 nc deliverable add "$T/outside.docx" --kind material --spec '4(1)イ'
expect_grep "$T/err" "outside the data directory"
ln -s "$T/outside.docx" "$D/files/link.docx"
expect_status 1 nc deliverable add "$D/files/link.docx" --kind material --spec '4(1)イ'
expect_grep "$T/err" "outside the data directory"
rm "$D/files/link.docx"
expect_status 1 nc deliverable add "$D/files/nothing.docx" --kind material --spec '4(1)イ'
expect_grep "$T/err" "cannot find"
expect_status 1 nc deliverable add "$D/files/研修教材_情報セキュリティ.docx" --kind material --spec '4(1)イ'
expect_grep "$T/err" "registered already \\($dl_id\\)"
expect_status 1 nc deliverable add "$D/files" --kind material --spec '4(1)イ'
expect_grep "$T/err" "not a regular file"
expect_status 2 nc deliverable add "$D/files/提案書.docx" --kind material --spec '9(9)ン'
[ "$(ls "$D"/deliverables/2026 | wc -l)" = 4 ] || fail "a refused add wrote a record"

# lint: changed, then missing
cp "$D/files/研修教材_情報セキュリティ.docx" "$T/keep"
printf 'edited\n' >>"$D/files/研修教材_情報セキュリティ.docx"
expect_status 1 nc lint
expect_grep "$T/out" "deliverables/2026/$dl_id.yaml: .*研修教材_情報セキュリティ.docx' has changed since it was registered"
rm "$D/files/研修教材_情報セキュリティ.docx"
expect_status 1 nc lint
expect_grep "$T/out" "deliverables/2026/$dl_id.yaml: .*研修教材_情報セキュリティ.docx' is missing"
cp "$T/keep" "$D/files/研修教材_情報セキュリティ.docx"
expect_status 0 nc lint

# ---- report bundle ------------------------------------------------------

export NERIMA_CIO_TODAY=2027-03-31
# the sample holds every meeting of the year: put 第24回 定例会 back to
# 予定 so a meeting not held is left out and named
sed -i 's/^status: minutes-done$/status: scheduled/' \
	"$D/meetings/2026/mt-y8pxm2mv.yaml"
expect_status 0 nc report bundle --fy 2026 -o "$T/B/"
expect_grep "$T/err" "files of 令和8年度 in the bundle"
expect_grep "$T/err" "not in the bundle: meeting minutes 第24回 定例会: .*has not been held"
expect_grep "$T/err" "not in the bundle: meeting minutes 第10回 定例会: no minutes are recorded"
expect_no_grep "$T/err" "not in the bundle: meeting minutes 第3回 定例会"
expect_grep "$T/err" "not in the bundle: training report 令和8年度 情報セキュリティ担当者研修（第2回）: its report is not submitted"
expect_grep "$T/err" "not in the bundle: training results 令和8年度 情報セキュリティ担当者研修（第2回）"
expect_grep "$T/err" "not in the bundle: training 令和8年度 情報セキュリティ担当者研修（第2回）: the file 'R8情報セキュリティ担当者研修（第2回）_教材.pptx' \\(materials\\) is not in the data directory"
expect_no_grep "$T/err" "not in the bundle: training 令和8年度 新規採用職員研修"
# a survey or test the team does not make (makes_survey/makes_test:
# false) is no deliverable of ours: not warned of (genfix)
t393=$(sed -n 's/^title: //p' "$D"/trainings/2026/tr-393sdsd0.yaml)
expect_no_grep "$T/err" "not in the bundle: training (survey|test) $t393"
[ -f "$T/B/SHA256SUMS.txt" ] && [ -f "$T/B/成果物一覧.xlsx" ] || fail "no manifest or list"
# the files counted, not the list's rows (a 再掲 is a row, not a file)
nf=$(find "$T/B" -type f ! -name 成果物一覧.xlsx ! -name SHA256SUMS.txt | wc -l)
expect_grep "$T/err" "^$nf files of 令和8年度 in the bundle"
ls -d "$T"/B.tmp* 2>/dev/null && fail "staging folder left"
# an independent check of the manifest, then ours
(cd "$T/B" && sha256sum -c --quiet SHA256SUMS.txt) || fail "sha256sum -c disagrees"
expect_status 0 nc report bundle --verify "$T/B"
expect_grep "$T/err" "every file as in the manifest"
$PY - "$T/B" "$D" <<'PY' || fail "the bundle's contents and its 成果物一覧"
import hashlib, os, re, sys, openpyxl
top, data = sys.argv[1], sys.argv[2]
files = sorted(os.path.relpath(os.path.join(r, f), top)
               for r, _, fs in os.walk(top) for f in fs)
listed = [f for f in files if f not in ("成果物一覧.xlsx", "SHA256SUMS.txt")]
for f in listed:
    folder = f.split("/")[0]
    assert re.match(r"^4\([123]\)[ア-ン](\([ア-ン]\))?_", folder), folder
    assert f.endswith((".docx", ".xlsx", ".pptx")), "not Office: " + f
ws = openpyxl.load_workbook(os.path.join(top, "成果物一覧.xlsx")).active
# review 19, rev19b M3: the list printed at 45-50 %, its columns 288
# units wide (the SHA-256, the item's name on every row, the path): now
# at least 80 % of A4 landscape, 151 units, and no column of hashes
widths = [ws.column_dimensions[c].width for c in "ABCDEFG"]
assert ws.max_column == 7 and sum(widths) <= 151.2, (ws.max_column, widths)
# text as the writer broke it into lines, without the breaks
def norm(s):
    return "".join((s or "").split())
rows = [(r[0], norm(r[1])) + r[2:]
        for r in ws.iter_rows(min_row=5, values_only=True)
        if isinstance(r[0], (int, float))]
# the file's name in its item's folder; a path where it is in another's
folders = {f.split("/")[0].split("_")[0]: f.split("/")[0] for f in listed}
# (a line break may stand for a space of the name: compared without them)
byname = {norm(f): f for f in listed}
def path(r):
    f = norm(r[5])
    return byname.get(f if "/" in f else norm(folders[r[2]] + "/") + f, r[5])
assert sorted({path(r) for r in rows}) == listed, "list and folder differ"
ids = re.compile(r"\b[a-z]{2}-[0-9a-hjkmnp-tv-z]{8}\b")
for r in rows:
    assert r[6] == os.path.getsize(os.path.join(top, path(r))), r
    assert r[2] == r[2].strip() and " " not in r[2], r
    assert path(r).startswith(r[2] + "_") or "再掲" in r[3], r
    for c in r:
        assert not ids.search(str(c)), "internal id shown: %r" % (r,)
# in the order of item, document and date: a document's copies by date,
# not as their names sort (第10回 before 第1回, 10月 before 4月)
key = [(r[2], r[1], r[4] is not None, r[4]) for r in rows]
assert key == sorted(key), "the list is not by item, document and date"
# each document dated as it is dated itself (rev19b M2: the 可否決定通知
# of a plan was listed at the day the plan was received)
import datetime, glob, yaml
def load(kind):
    out = {}
    for f in glob.glob(os.path.join(data, kind, "2026", "*.yaml")):
        y = yaml.load(open(f), Loader=yaml.CSafeLoader)
        out[y.get("ref_no")] = y
    return out
def day(v):
    return v if isinstance(v, datetime.date) else datetime.date.fromisoformat(v)
rv, cs = load("reviews"), load("consults")
n_notice = n_answer = n_later = 0
for r in rows:
    no = (r[3] or "").split()[0] if r[3] else None
    if r[1] == "可否決定通知":
        d = rv[no]["decision"]
        want = day(d.get("notified") or d["date"])
        assert r[4].date() == want, (r, want)
        n_notice += 1
        n_later += want != day(rv[no]["received"])
    if r[1] == "回答書":
        want = day(cs[no]["answered"])
        assert r[4].date() == want, (r, want)
        n_answer += 1
        n_later += want != day(cs[no]["received"])
assert n_notice > 3 and n_answer > 3 and n_later > 3, (n_notice, n_answer, n_later)
docs = {r[1] for r in rows}
for want in ("精査記録", "可否決定通知", "監査調書", "研修実施報告書", "事故等報告書",
             "回答書", "相談業務実施報告書", "次第", "議事録", "課題管理表"):
    assert want in docs, want
# the reports of the days after the year's last 進捗報告会 (3月25日),
# which no meeting's reports cover, dated the year's last business day
ye = sorted((r[1], path(r).rsplit("_", 1)[1]) for r in rows
            if norm(r[3]) == "年度末（最後の進捗報告会以降）")
assert ye == [("予定と実績", "令和9年3月31日.xlsx"),
              ("作業実施報告書", "令和9年3月31日.docx"),
              ("相談業務実施報告書", "令和9年3月31日.docx"),
              ("課題管理表", "令和9年3月31日.xlsx")], ye
# the 定例会's 課題管理表 is the year-end report's copy: one file, listed
# again under 4(3)ア(ウ) (再掲), not a second file in 4(3)ア(ウ)_定例会
# (review 19, rev19b M5)
t = [(r[2], norm(r[3]), path(r)) for r in rows if r[1] == "課題管理表"]
assert ("4(3)ア(ウ)", "再掲（4(3)ア(ア)）",
        "4(3)ア(ア)_作業実施計画書・作業実施報告書/課題管理表_令和9年3月31日.xlsx") in t, t
assert not [f for f in listed if f.startswith("4(3)ア(ウ)") and "課題管理表" in f], t
# the registered 教材, copied byte for byte beside the generated ones
m = [r for r in rows if path(r).endswith("研修教材_情報セキュリティ.docx")]
assert len(m) == 1 and path(m[0]).startswith("4(2)イ_教育・啓発/"), m
assert norm(m[0][3]) == norm("令和8年度 新規採用職員研修（情報セキュリティ）"), m
assert open(os.path.join(top, path(m[0])), "rb").read() == \
    open(os.path.join(data, "files/研修教材_情報セキュリティ.docx"), "rb").read()
print(len(rows), "files listed")
PY
# What the records do not make a deliverable of is left out, said on
# standard error and named under 成果物一覧 (review 21, rev21a M1, M2,
# T11, rev21b M1, M2): a meeting held with no minutes recorded (第10回
# 定例会) has no blank 議事録; a 研修実施報告書 and 研修結果 not submitted
# (情報セキュリティ担当者研修（第2回）, due 7月15日) are not dated the
# export day; a 教材 the training names but nobody registered is missing
$PY - "$T/B" <<'PY' || fail "成果物一覧: what the bundle leaves out"
import glob, os, re, sys, openpyxl, zipfile
top = sys.argv[1]
files = [os.path.relpath(f, top) for f in glob.glob(top + "/**/*", recursive=True)]
assert not [f for f in files if f.endswith("議事録_第10回 定例会.docx")], files
assert [f for f in files if f.endswith("議事録_第3回 定例会.docx")], "第3回's minutes"
assert not [f for f in files if "情報セキュリティ担当者研修（第2回）" in f and
            ("研修実施報告書" in f or "研修結果" in f)], "unsent report delivered"
ws = openpyxl.load_workbook(os.path.join(top, "成果物一覧.xlsx")).active
cells = [r[0] for r in ws.iter_rows(min_row=5, values_only=True)]
notes = [c for c in cells if isinstance(c, str)]
assert notes and notes[0] == "次の成果物は、記録が未作成等のため含めていない。", notes
for want in ("・議事録（第10回 定例会）：議事の記録が未作成",
             "・研修実施報告書（令和8年度 情報セキュリティ担当者研修（第2回））："
             "未提出（提出期限 令和8年7月15日）",
             "・研修結果（令和8年度 情報セキュリティ担当者研修（第2回））："
             "未提出（提出期限 令和8年7月15日）",
             "・教材（令和8年度 情報セキュリティ担当者研修（第2回））："
             "ファイルが未登録",
             # rev43b B5: its measures not reviewed yet
             "・再発防止策の提案書（練情セ第26-012号 施設予約システム管理者"
             "アカウントへの不審なログイン）：作成前（再発防止策の確認前）"):
    assert want in notes, (want, notes)
assert not [n for n in notes if "第3回 定例会" in n], notes
ids = re.compile(r"\b[a-z]{2}-[0-9a-hjkmnp-tv-z]{8}\b")
assert not [n for n in notes if ids.search(n)], notes
# rev21a M3: a 予定と実績 is listed at the date its file is named by
era = {}
for r in ws.iter_rows(min_row=5, values_only=True):
    if r[1] == "予定と実績" and r[4] is not None:
        d = r[4].date()
        m = re.search(r"令和(\d+)年(\d+)月(\d+)日", r[5])
        assert m and (int(m[1]) + 2018, int(m[2]), int(m[3])) == \
            (d.year, d.month, d.day), r
        era[r[5]] = d
assert len(era) >= 5, era
PY
# the list as the ward prints it: 80 % or more one page wide, every row's
# height, dates centred and whole (review 19, rev19b M3: 45-50 %)
checks=$((checks + 1))
"$PY" "$NCIO_SOURCE_DIR/tests/py/check_xlsx_layout.py" \
	"$T/B/成果物一覧.xlsx:成果物一覧:80" || fail "the layout of 成果物一覧"
# one page-number style in the year's workbooks, the list included: a
# year showed "- 1 -", "1/8" and "1 / 16" (review 17)
$PY - "$T/B" <<'PY' || fail "the workbooks' page numbers"
import glob, os, sys, warnings, openpyxl
warnings.simplefilter("ignore")
styles = {}
for f in glob.glob(os.path.join(sys.argv[1], "**", "*.xlsx"), recursive=True):
    wb = openpyxl.load_workbook(f)
    sheets = [(ws.title, ws.oddFooter) for ws in wb.worksheets
              if ws.sheet_state == "visible"]
    sheets += [(cs.title, cs.headerFooter.oddFooter) for cs in wb.chartsheets]
    for title, foot in sheets:
        styles.setdefault(foot.center.text, []).append(
            os.path.basename(f) + ":" + title)
assert list(styles) == ["&A\u3000- &P -"], \
    {k: v[:2] for k, v in styles.items()}
PY
# tampered, removed and added files are named; exit 1
cp -r "$T/B" "$T/B2"
f_changed=$(cd "$T/B2" && ls 4\(2\)エ_監査/*.xlsx | head -1)
f_removed=$(cd "$T/B2" && ls 4\(1\)ア\(イ\)_*/*.docx | head -1)
printf 'x' >>"$T/B2/$f_changed"
rm "$T/B2/$f_removed"
printf 'new\n' >"$T/B2/4(2)エ_監査/追加.docx"
expect_status 1 nc report bundle --verify "$T/B2"
expect_grep "$T/out" "^$(printf '%s' "$f_changed" | sed 's/[()]/\\&/g'): changed"
expect_grep "$T/out" "^$(printf '%s' "$f_removed" | sed 's/[()]/\\&/g'): missing"
expect_grep "$T/out" '^4\(2\)エ_監査/追加.docx: not in the manifest$'
[ "$(wc -l <"$T/out")" = 3 ] || fail "verify reported more than the three changes"
expect_status 1 nc report bundle --verify "$T/secret-none"
expect_grep "$T/err" "no manifest"
# all or nothing: a folder with files, a changed registered file
mkdir -p "$T/full" && : >"$T/full/keep"
expect_status 1 nc report bundle --fy 2026 -o "$T/full"
expect_grep "$T/err" "not an empty folder"
[ "$(ls -A "$T/full")" = keep ] || fail "a refused bundle touched the folder"
printf 'edited\n' >>"$D/files/研修教材_情報セキュリティ.docx"
expect_status 1 nc report bundle --fy 2026 -o "$T/B3"
expect_grep "$T/err" "研修教材_情報セキュリティ.docx' \(dl-[0-9a-z]+\) has changed since it was registered"
# refused before any document is made, not after the year's every one
# (the exports' warnings came first, half a minute of work thrown away)
expect_no_grep "$T/err" "not in the bundle"
[ ! -e "$T/B3" ] || fail "a failed bundle left its folder"
ls -d "$T"/B3.tmp* 2>/dev/null && fail "a failed bundle left its staging folder"
cp "$T/keep" "$D/files/研修教材_情報セキュリティ.docx"
expect_status 2 nc report bundle --fy 2026
expect_status 2 nc report bundle --verify "$T/B" --fy 2026
export NERIMA_CIO_TODAY=2026-07-01

# ---- protected attachments: --zip FILE --password-file F ---------------

if ! command -v 7z >/dev/null 2>&1; then
	echo "SKIP: 7z is missing (p7zip-full); zips not checked" >&2
	finish
	exit 77
fi
PW=$T/secret/pw.txt
mkdir -p "$T/secret"
printf 'Zz-合言葉-2026\n' >"$PW"
chmod 600 "$PW"
expect_status 0 nc issue export table --fy 2026 --zip "$T/z/課題.zip" \
	--password-file "$PW"
expect_grep "$T/err" "z/課題.zip$"
expect_no_grep "$T/err" "合言葉"
expect_no_grep "$T/out" "合言葉"
[ -z "$(ls -A "$T/z" | grep -v '^課題.zip$')" ] || fail "leftovers beside the zip: $(ls -A "$T/z")"
# opened with the password, names intact; refused without or wrong
(cd "$T/z" && 7z x -y -oone -p'Zz-合言葉-2026' 課題.zip) >/dev/null ||
	fail "7z cannot open the zip with the password"
[ -f "$T/z/one/課題管理表_令和8年7月1日.xlsx" ] || fail "name not intact: $(ls "$T/z/one")"
$PY - "$T/z/one/課題管理表_令和8年7月1日.xlsx" <<'PY' || fail "the xlsx in the zip"
import openpyxl, sys
wb = openpyxl.load_workbook(sys.argv[1])
assert wb.active.max_row > 2
PY
(cd "$T/z" && 7z x -y -otwo -pwrong 課題.zip) >/dev/null 2>&1 &&
	fail "7z opened the zip with a wrong password"
(cd "$T/z" && 7z x -y -othree -p 課題.zip </dev/null) >/dev/null 2>&1 &&
	fail "7z opened the zip without a password"
[ ! -s "$T/z/two/課題管理表_令和8年7月1日.xlsx" ] || fail "wrong password gave content"
$PY - "$T/z/課題.zip" <<'PY' || fail "zip structure"
import zipfile, sys
z = zipfile.ZipFile(sys.argv[1])
for i in z.infolist():
    assert i.flag_bits & 0x800, "no UTF-8 flag: %s" % i.filename
    assert i.flag_bits & 0x1, "not encrypted: %s" % i.filename
    assert i.compress_type == 99, "not WinZip AES: %s" % i.filename
    assert b"\x01\x99" in i.extra, "no AES extra field"
    assert i.extra[i.extra.index(b"\x01\x99") + 8] == 3, "not AES-256"
PY
# several files, -o naming a folder inside the zip
rv=$(nc list review --fy 2026 --format json | "$PY" -c 'import json,sys; print(json.load(sys.stdin)[0]["id"])')
expect_status 0 nc review export all "$rv" -o 審査/ --zip "$T/z/審査.zip" --password-file "$PW"
7z l -slt "$T/z/審査.zip" >"$T/list"
expect_grep "$T/list" '^Path = 審査/精査記録_.*\.xlsx$'
expect_grep "$T/list" '^Method = AES-256'
expect_no_grep "$T/list" 'Method = (ZipCrypto|Store|Deflate)$'
# the bundle, protected: opened by 7z, then verified
NERIMA_CIO_TODAY=2027-03-31 expect_status 0 nc report bundle --fy 2026 \
	--zip "$T/z/成果物.zip" --password-file "$PW"
(cd "$T/z" && 7z x -y -obundle -p'Zz-合言葉-2026' 成果物.zip) >/dev/null ||
	fail "7z cannot open the bundle's zip"
expect_status 0 nc report bundle --verify "$T/z/bundle/成果物_令和8年度"
[ -f "$T/z/bundle/成果物_令和8年度/4(2)イ_教育・啓発/研修教材_情報セキュリティ.docx" ] ||
	fail "the bundle's zip lacks the registered file"
ls -A "$T/z" | grep -q '^\.nerima-cio-zip' && fail "private folder left beside the zip"

# bad password files and options: refused, nothing written
chmod 644 "$PW"
expect_status 1 nc issue export table --zip "$T/y/a.zip" --password-file "$PW"
expect_grep "$T/err" "can be read by others \(mode 644\).*chmod 600"
chmod 620 "$PW"
expect_status 1 nc issue export table --zip "$T/y/a.zip" --password-file "$PW"
expect_grep "$T/err" "can be written by others"
chmod 600 "$PW"
: >"$T/secret/empty"; chmod 600 "$T/secret/empty"
expect_status 1 nc issue export table --zip "$T/y/a.zip" --password-file "$T/secret/empty"
expect_grep "$T/err" "is empty"
printf '\nsecond line\n' >"$T/secret/empty"
expect_status 1 nc issue export table --zip "$T/y/a.zip" --password-file "$T/secret/empty"
expect_grep "$T/err" "is empty"
expect_status 1 nc issue export table --zip "$T/y/a.zip" --password-file "$T/secret/none"
expect_grep "$T/err" "is missing"
cp "$PW" "$D/pw.txt"
expect_status 1 nc issue export table --zip "$T/y/a.zip" --password-file "$D/pw.txt"
expect_grep "$T/err" "in the data directory"
rm "$D/pw.txt"
expect_status 2 nc issue export table --zip "$T/y/a.zip"
expect_status 2 nc issue export table --password-file "$PW"
expect_status 2 nc issue export table --zip "$T/y/a.xlsx" --password-file "$PW"
expect_status 1 nc issue export table -o /tmp/x.xlsx --zip "$T/y/a.zip" --password-file "$PW"
expect_status 1 nc meeting export minutes mt-nonexistent --zip "$T/y/a.zip" --password-file "$PW"
[ ! -e "$T/y/a.zip" ] || fail "a refused zip export wrote the zip"
[ -z "$(ls -A "$T/y" 2>/dev/null)" ] || fail "leftovers: $(ls -A "$T/y")"

# ---- an export left out says why: its error, not a warning before it ----
# A procurement review just received has no opinions: the bundle names
# that, not the draft (案) warning the export gave first, and not the
# scratch folder the export wrote in.
D2=$T/data2
sample_copy "$D2"
expect_status 0 "$NCIO" -C "$D2" review add --no-input --type procurement \
    --title 窓口予約システムの調達支援 --org 保育課 --received 2026-12-01
pr=$(cat "$T/out")
expect_status 1 "$NCIO" -C "$D2" review export all "$pr" -o "$T/pr/"
expect_no_grep "$T/err" "marked 案"
expect_grep "$T/err" "has no opinions"
expect_status 0 "$NCIO" -C "$D2" report bundle --fy 2026 -o "$T/Bpr/"
# noticed19: the bundle holds what each review is ready for as a
# deliverable and names what it left out once, with the record's state:
# it tried the 意見書 of a review at 受付 (its writer's failure was the
# reason), and put in a draft (案) 意見書 and the blank 精査記録 of a plan
# still at 受付 as if delivered.
expect_grep "$T/err" "not in the bundle: review opinion .*窓口予約システムの調達支援: the review is at status 'received' with no opinions recorded"
expect_no_grep "$T/err" "\.work/|意見書_窓口予約システムの調達支援"
checks=$((checks + 1))
[ "$(grep -c "窓口予約システムの調達支援" "$T/err")" = 1 ] ||
    fail "the review at 受付 named more than once: $(cat "$T/err")"
pa=$(sed -n 's/^title: //p' "$D2/reviews/2026/rv-a2b4c6d8.yaml")
p9=$(sed -n 's/^title: //p' "$D2/reviews/2026/rv-9t6v4w2x.yaml")
expect_grep "$T/err" "not in the bundle: review opinion .*$pa: the review is at status 'assessed' and its 意見書 has no submitted date: still a draft \(案\)"
expect_grep "$T/err" "not in the bundle: review record .*$p9: the review is at status 'received' with no hearing or finding recorded"
checks=$((checks + 1))
ls -R "$T/Bpr" | grep -E "意見書_$pa|精査記録_$p9" &&
    fail "a draft 意見書 or a blank 精査記録 in the bundle"
# a decided plan keeps both its documents, a submitted opinion its 意見書
pd=$(sed -n 's/^title: //p' "$D2/reviews/2026/rv-mhx55124.yaml")
p1=$(sed -n 's/^title: //p' "$D2/reviews/2026/rv-1t5grk0g.yaml")
for f in "精査記録_$pd.xlsx" "精査記録_$pd.docx" "可否決定通知_$pd.docx" "意見書_$p1.docx"; do
	checks=$((checks + 1))
	ls -R "$T/Bpr" | grep -qxF "$f" || fail "$f not in the bundle"
done

finish
