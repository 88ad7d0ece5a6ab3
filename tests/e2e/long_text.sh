#!/bin/bash
# Record text as long as the schemas allow, whole in every document.
# The sample with its lines at 200 characters (a 部's and a 課's name, a
# member's name, the documents' author, an audit item's and a checklist
# item's 分類, a survey question, a goal's 指標, every title), a handout's
# file name at 250 and free texts of thousands of characters (an
# incident's 概要, a consultation's 回答, a meeting's minutes, a line of
# the final report's 総括).  Each ends in its own marker.  Every document
# of render_all's list, the security decks and a training's answer form
# is written, every XML part of every file is valid UTF-8, and each
# marker is in the documents that print its text: a fixed buffer cut such
# text silently (a sentence cut short) or mid-character (the writer
# refused the paragraph: no document at all).
. "$(dirname "$0")/lib/common.bash"

need_python
export NERIMA_CIO_TODAY=2027-03-31
L=$T/long
sample_copy "$L"
$PY - "$L" <<'PYEOF' || fail "could not lengthen the texts"
import os, re, sys

root = sys.argv[1]
FILL = ('情報セキュリティ対策の実施状況を確認し、所管課と協議のうえ改善の'
        '方向性を整理した。')

def longer(text, n, marker):
    """text, then filler, n characters ending in marker"""
    s = text + '：'
    while len(s) < n:
        s += FILL
    return s[:n - len(marker)] + marker

def edit(rel, fn):
    p = os.path.join(root, rel)
    s = open(p, encoding='utf-8').read()
    s2 = fn(s)
    if s2 == s:
        sys.exit('nothing changed in ' + rel)
    open(p, 'w', encoding='utf-8').write(s2)

def line_of(key, n, marker, count=1, indent=''):
    """the first count single-line values of key at indent"""
    pat = re.compile(r'^(' + indent + r'(?:- )?' + key + r': )(?![|>])(.+)$',
                     re.M)
    def fn(s):
        return pat.sub(lambda m: m.group(1) + longer(m.group(2).strip(
            '"'), n, marker), s, count=count)
    return fn

# a 課 and its 部: the checklist forms of johoseisaku, the decks' chart
def orgs(s):
    lines = s.split('\n')
    dept = None
    for i, l in enumerate(lines):
        if l.startswith('  - code: '):
            dept = i
        if l == '      - code: johoseisaku':
            lines[i + 1] = ('        name: ' + longer(lines[i + 1].split(
                ': ', 1)[1], 200, '課ＫＡ末'))
            lines[dept + 1] = ('    name: ' + longer(lines[dept + 1].split(
                ': ', 1)[1], 200, '部ＢＵ末'))
            break
    return '\n'.join(lines)
edit('orgs.yaml', orgs)

# the documents' author, and a member's name (a 進捗報告会's team)
def conf(s):
    s = re.sub(r'^(  author: )(.+)$', lambda m: m.group(1) +
               longer(m.group(2), 200, '作成ＡＵ末'), s, count=1,
               flags=re.M)
    return re.sub(r'(- id: shiken-ichiro\n    name: )(.+)', lambda m:
                  m.group(1) + longer(m.group(2), 200, '氏名ＭＢ末'), s)
edit('nerima-cio.yaml', conf)

# a handout's file name (a file: 260 characters at most) and minutes
def meeting(s):
    s = re.sub(r'(- 資料3_)(.+)(\.xlsx)', lambda m: m.group(1) +
               longer(m.group(2), 240, '資料ＨＯ末') + m.group(3), s)
    return s.replace('minutes_submitted:', 'minutes: ' +
                     longer('議事の経過', 6000, '議事ＭＮ末') +
                     '\nminutes_submitted:')
edit('meetings/2026/mt-fn7nkb9x.yaml', meeting)

edit('incidents/2026/in-ag4e4j81.yaml',
     line_of('description', 6000, '概要ＤＳ末'))

def answer(s):
    return re.sub(r'^answer: \|-\n(?:  .*\n)+', lambda m: 'answer: ' +
                  longer('回答', 6000, '回答ＡＮ末') + '\n', s, flags=re.M)
edit('consults/2026/cs-06qyn42r.yaml', answer)

# an audit item without a clause: its 分類 is its chapter
def audit(s):
    s = re.sub(r'^    clause: "2-1"\n', '', s, count=1, flags=re.M)
    return line_of('category', 200, '分類ＣＴ末', indent='    ')(s)
edit('audits/2026/au-02zk1v64.yaml', audit)

# a checklist item's 分類, on the self and the department forms
for c in ('ca-akp7w8zy', 'ca-xn2ban18'):
    edit('catalogs/2026/%s.yaml' % c,
         line_of('category', 200, '区分ＣＫ末', indent='    '))

# the survey questions of a training with answers: its report quotes them
def survey(s):
    head, sep, rest = s.partition('\nsurvey_items:\n')
    items, nl, tail = rest.partition('\n' + re.search(r'\n([a-z_]+:)',
                                     '\n' + rest).group(1))
    items = re.sub(r'^(    text: )(.+)$', lambda m: m.group(1) +
                   longer(m.group(2), 200, '設問ＱＳ末'), items, flags=re.M)
    return head + sep + items + nl + tail
edit('trainings/2026/tr-4s7jcn95.yaml', survey)

# a line of the final report's 総括, and a goal measured in a month
edit('secreports/2026/sr-8v3n6t2w.yaml',
     line_of('summary', 1500, '総括ＳＭ末'))
edit('secreports/2026/sr-2k7m4p9q.yaml', lambda s: re.sub(
     r'(measure: )(運営計画書の承認)(（5月）)', lambda m: m.group(1) +
     longer(m.group(2), 196, '指標ＧＭ末') + m.group(3), s))

# every title (but the configuration's)
for d, _, fs in os.walk(root):
    for f in fs:
        if not f.endswith('.yaml') or f in ('nerima-cio.yaml', 'orgs.yaml'):
            continue
        p = os.path.join(d, f)
        s = open(p, encoding='utf-8').read()
        s2 = re.sub(r'^(title: )(.+)$', lambda m: m.group(1) + longer(
            m.group(2).strip('"'), 200, '題ＴＴ末'), s, flags=re.M)
        if s2 != s:
            open(p, 'w', encoding='utf-8').write(s2)
PYEOF
expect_status 0 "$NCIO" -C "$L" lint

# check TAG MARKER...: every file TAG wrote has its extension and is
# whole UTF-8, and has every MARKER in one of its parts (the XML of the
# Office files and of the workbooks in them, else the file)
check() {
	local tag=$1
	shift
	checks=$((checks + 1))
	if [ -z "$(ls -A "$T/docs/$tag" 2>/dev/null)" ]; then
		fail "$tag: nothing written"
		return
	fi
	$PY - "$T/docs/$tag" "$@" >"$T/check.out" 2>&1 <<'PYEOF' ||
import io, os, re, sys, zipfile
d, want = sys.argv[1], sys.argv[2:]
found, bad = set(), []

def text(name, b):
    try:
        t = b.decode('utf-8')
    except UnicodeDecodeError as e:
        bad.append('%s: not UTF-8 (%s)' % (name, e))
        return
    # the text without its markup and breaks: a writer may break a
    # line, or start a run, inside a marker
    t = re.sub(r'<[^>]*>|\n|&#10;|&#xA;', '', t)
    found.update(m for m in want if m in t)

def parts(name, z):
    """the text parts of an Office file, and of the workbooks in it"""
    for n in z.namelist():
        b = z.read(n)
        if n.endswith(('.xml', '.rels', '.vml')):
            text(name + ':' + n, b)
        elif n.endswith('.xlsx'):
            parts(name + ':' + n, zipfile.ZipFile(io.BytesIO(b)))

for f in sorted(os.listdir(d)):
    p = os.path.join(d, f)
    if not f.endswith(('.docx', '.xlsx', '.pptx', '.txt', '.csv')):
        bad.append('%s: no extension (its name was cut)' % f)
    # a default name cut to 200 bytes before its extension (safe_name()):
    # 247 bytes and the writers' suffixes passed NAME_MAX, no file at all
    if len(f.encode('utf-8')) > 200:
        bad.append('%s: a name of %d bytes' % (f, len(f.encode('utf-8'))))
    if zipfile.is_zipfile(p):
        parts(f, zipfile.ZipFile(p))
    else:
        text(f, open(p, 'rb').read())
for m in want:
    if m not in found:
        bad.append('no %s: the text that ends in it was cut' % m)
print('\n'.join(bad))
sys.exit(1 if bad else 0)
PYEOF
	    { fail "$tag"; sed 's/^/  | /' "$T/check.out" >&2; }
}

# The markers each document prints: the author on the workbooks' notes,
# the names where a table or a chart lists them.
declare -A want=(
	[ck-form-self]="課ＫＡ末 部ＢＵ末 区分ＣＫ末"
	[ck-form-dept]="課ＫＡ末 部ＢＵ末 区分ＣＫ末"
	[ck-form-vendor]="課ＫＡ末 部ＢＵ末"
	[au-results]="分類ＣＴ末"
	[au-summary]="分類ＣＴ末"
	[in-report]="概要ＤＳ末"
	[cs-answer]="回答ＡＮ末"
	[cs-report]="作成ＡＵ末"
	[is-table]="作成ＡＵ末"
	[mt-agenda]="資料ＨＯ末"
	[mt-minutes]="議事ＭＮ末 氏名ＭＢ末"
	[sec-final]="総括ＳＭ末 部ＢＵ末"
	[sec-plan]="指標ＧＭ末"
	[tr-report-survey]="設問ＱＳ末"
)
sed -n "/^DOCS='/,/^'/p" "$NCIO_SOURCE_DIR/tests/e2e/render_all.sh" |
    grep '|' | cut -d'|' -f1-4 >"$T/list"
cat >>"$T/list" <<'EOF'
sec-plan|report|security-plan|--fy 2026
sec-final|report|security-final|--fy 2026
tr-report-survey|training|report|tr-4s7jcn95
tr-form|training|form|tr-4s7jcn95 --org johoseisaku
cs-sheet-long|consult|sheet|--org johoseisaku
EOF
while IFS='|' read -r tag verb what args; do
	ex="export"
	case $verb/$what in
	report/*|training/form)
		ex= ;;
	esac
	mkdir -p "$T/docs/$tag"
	# shellcheck disable=SC2086
	expect_status 0 "$NCIO" -C "$L" $verb $ex $what $args \
	    -o "$T/docs/$tag/"
	# shellcheck disable=SC2086
	check "$tag" ${want[$tag]:-}
done <"$T/list"
checks=$((checks + 1))
ls "$T"/docs/*/*…* >/dev/null 2>&1 ||
    fail "no long name was shortened (…): did the titles grow?"

# An issue raised by a meeting whose name is a line of 200 characters:
# its history says so whole (note[512] cut it), and the agenda of
# deadlines lists its title whole (title[300] cut it).
by=$($PY -c "print(('情報化運営委員会' * 30)[:195] + '起票ＲＢ末')")
expect_status 0 "$NCIO" -C "$L" issue add --title "$($PY -c \
    "print(('長い件名の課題' * 30)[:195] + '件名ＩＴ末')")" \
    --owner shiken-ichiro --due 2027-04-10 --raised 2027-03-31 \
    --raised-by "$by"
checks=$((checks + 1))
f=$(grep -rl '起票ＲＢ末' "$L/issues" | head -1)
if [ -z "$f" ]; then
	fail "issue add: the 起票元 was cut from the history"
elif ! grep -q "${by}で起票。" "$f"; then
	fail "issue add: no whole '…で起票。' in $f"
fi
expect_status 0 "$NCIO" -C "$L" due --from 2027-04-01 --to 2027-04-30 \
    --format json
expect_grep "$T/out" '件名ＩＴ末'

# Default file names past any fixed buffer: a meeting's title and a 課's
# name edited by hand to 400 characters (1,200 bytes, past the schemas'
# 200).  name[1024] cut them before .docx and .xlsx and the files were
# written without an extension; safe_name() alone cuts them, to 200
# bytes before it.
X=$T/longer
cp -r "$L" "$X"
# a meeting with an agenda (the sample's held 定例会 now all have minutes;
# the first file merely 'held' is an IT推進本部 with nothing on its agenda)
mt=$(grep -l '^agenda:' "$X"/meetings/*/*.yaml | head -1)
$PY - "$mt" "$X/orgs.yaml" <<'PYEOF' || fail "could not lengthen the names"
import re, sys
for p, pat in ((sys.argv[1], r'^(title: )(.*)$'),
               (sys.argv[2], r'^(        name: )(.*課ＫＡ末)$')):
    s = open(p, encoding='utf-8').read()
    s2 = re.sub(pat, lambda m: m.group(1) + ('長い名前' * 100), s, count=1,
                flags=re.M)
    assert s2 != s, p
    open(p, 'w', encoding='utf-8').write(s2)
PYEOF
mkdir -p "$T/names"
for w in agenda minutes; do
	expect_status 0 "$NCIO" -C "$X" meeting export $w \
	    "$(basename "$mt" .yaml)" -o "$T/names/"
done
expect_status 0 "$NCIO" -C "$X" consult export sheet --org johoseisaku \
    -o "$T/names/"
checks=$((checks + 1))
for p in 次第_長い名前 議事録_長い名前 相談シート_長い名前; do
	f=$(cd "$T/names" && ls -d "$p"* 2>/dev/null)
	case $f in
	*….docx|*….xlsx)
		[ "$(printf %s "$f" | wc -c)" -le 200 ] ||
		    fail "$p: a name of $(printf %s "$f" | wc -c) bytes" ;;
	*)	fail "$p: no file cut with … before its extension: '$f'" ;;
	esac
done

finish
