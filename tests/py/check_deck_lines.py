#!/usr/bin/python3
"""Check the lines of a rendered deck (PDF) for breaks a reader would see
as mistakes (issue 18).

usage: check_deck_lines.py FILE.pdf...
       check_deck_lines.py --self-test

The text is read with poppler's 'pdftotext -bbox-layout': a block is a
text box, a bullet or a table cell as LibreOffice set it, and its lines
are the lines on the slide, whoever broke them (the writer's <a:br/> or
LibreOffice's wrapping).  Between two lines of a block, it flags:
  - a line that is only the last one or two characters of a word: a
    line of at most two characters that neither ends a sentence nor is
    a whole word (区立図書館（見本 / A）), or that starts with the
    last one or two hiragana of a word (顕在化し / たリスク);
  - a broken date or number with its unit (令和8年 / 4月10日,
    94. / 5%, 4,313 / 人);
  - a broken katakana word (セキュ / リティ);
  - a broken bracketed aside: one of up to 12 characters broken
    anywhere, a longer one within two characters of its brackets
    (（う / ち発生可能性が高いもの0件）).
Prints one line per finding, "FILE: slide N: what: 'line' / 'line'";
exits 1 if there is any.
"""
import html
import re
import subprocess
import sys

ASIDE = 12
OPEN = "（(「『【〔［"
CLOSE = "）)」』】〕］"
PAIRS = dict(zip(OPEN, CLOSE))
ENDS = "、。，．！？!?:："


def hira(c):
    return "\u3041" <= c <= "\u309f"


def kata(c):
    return ("\u30a1" <= c <= "\u30fa") or c == "\u30fc"


def cjk(c):
    return ord(c) >= 0x2e80


def norm(s):
    """The line as written: pdftotext puts spaces where LibreOffice spaces
    Japanese from Latin letters and digits ("令和 8 年"); drop those."""
    s = s.strip()
    s = re.sub(r"(?<=[^\x00-\x7f]) +(?=[\x00-\x7f])", "", s)
    s = re.sub(r"(?<=[\x00-\x7f]) +(?=[^\x00-\x7f])", "", s)
    return s


def blocks(pdf):
    """(page, [line text, ...]) for each block of the PDF."""
    out = subprocess.run(["pdftotext", "-bbox-layout", pdf, "-"],
                         check=True, capture_output=True).stdout.decode()
    page = 0
    for part in re.split(r"(<page |<block)", out):
        if part == "<page ":
            page += 1
            continue
        if not part.startswith(" ") and not part.startswith(">"):
            continue
        lines = []
        for ln in re.findall(r"<line[^>]*>(.*?)</line>", part, re.S):
            words = re.findall(r"<word[^>]*>(.*?)</word>", ln, re.S)
            lines.append(norm(" ".join(html.unescape(w) for w in words)))
        if lines:
            yield page, lines


NUM = (r"(?:(?:令和|平成|昭和)|第|[+\-−△▲])?[0-9０-９][0-9０-９,.:/]*"
       r"(?:[0-9０-９]|%|％)?"
       r"(?:年度|年|月|日|時|分|秒|件|人|名|回|点|円|号|課|部|%|％|"
       r"か月|ヶ月|千円|万円|ポイント)?")
DATE = (r"(?:(?:令和|平成|昭和)[0-9０-９元]+年(?:度)?(?:[0-9０-９]+月"
        r"(?:[0-9０-９]+日)?)?|[0-9０-９]{4}年(?:[0-9０-９]+月"
        r"(?:[0-9０-９]+日)?)?|[0-9０-９]+月[0-9０-９]+日)")


def spans(pattern, text):
    return [(m.start(), m.end()) for m in re.finditer(pattern, text)]


def crosses(sp, cut):
    return any(a < cut < b for a, b in sp)


def asides(text):
    """(start, end) of each bracketed aside, brackets included."""
    out = []
    stack = []
    for i, c in enumerate(text):
        if c in PAIRS:
            stack.append((c, i))
        elif c in CLOSE and stack and PAIRS[stack[-1][0]] == c:
            _, a = stack.pop()
            out.append((a, i + 1))
    return out


def check_pair(prev, line):
    """What is wrong with the break between lines prev and line."""
    found = []
    joined = prev + line
    cut = len(prev)
    if not prev or not line:
        return found
    # the last one or two characters of a word alone on a line
    body = line.rstrip(ENDS + CLOSE)
    if 0 < len(line) <= 2 and prev[-1] not in ENDS + CLOSE and \
            not (len(body) == 2 and all(cjk(c) and not hira(c)
                                        for c in body)):
        found.append("a word's last character or two alone on a line")
    m = re.match(r"[\u3041-\u309f]{1,2}(?=[^\u3041-\u309f]|$)", line)
    if m and (cjk(prev[-1]) and prev[-1] not in ENDS + CLOSE + OPEN):
        found.append("a line starting with a word's last hiragana")
    if crosses(spans(DATE, joined), cut):
        found.append("a broken date")
    elif crosses(spans(NUM, joined), cut):
        found.append("a broken number with its unit")
    if kata(prev[-1]) and kata(line[0]):
        found.append("a broken katakana word")
    for a, b in asides(joined):
        if not a < cut < b:
            continue
        inner = b - a - 2
        if inner <= ASIDE or cut - a <= 2 or b - cut <= 2:
            found.append("a broken bracketed aside")
            break
    # an opening bracket and one or two characters at a line's end
    m = re.search("[" + OPEN + r"][^" + CLOSE + r"]{0,2}$", prev)
    if m and "a broken bracketed aside" not in found:
        found.append("a broken bracketed aside")
    return found


def check(pdf):
    bad = 0
    for page, lines in blocks(pdf):
        for prev, line in zip(lines, lines[1:]):
            for what in check_pair(prev, line):
                print("%s: slide %d: %s: '%s' / '%s'"
                      % (pdf, page, what, prev, line))
                bad += 1
    return bad


# (line, next line, what check_pair() finds)
CASES = [
    ("区立図書館（見本", "A）", ["a word's last character or two alone on "
                             "a line", "a broken bracketed aside"]),
    ("■ 内部監査、顕在化し", "たリスク2件", ["a line starting with a "
                                       "word's last hiragana"]),
    ("リスク2件（う", "ち発生可能性が高いもの0件）",
     ["a line starting with a word's last hiragana",
      "a broken bracketed aside"]),
    ("会議は令和8年", "4月10日に開催した", ["a broken date"]),
    ("対象は2026年", "4月から", ["a broken date"]),
    ("適合率94.", "5%", ["a word's last character or two alone on a line",
                       "a broken number with its unit"]),
    ("受講者4,313", "人", ["a word's last character or two alone on a "
                         "line", "a broken number with its unit"]),
    ("情報セキュ", "リティ研修", ["a broken katakana word"]),
    ("窓口部署を中心に媒体の棚卸しを要請し、", "所属点検の項目で確認する。",
     []),
    ("情報セキュリティ監査（運用面）", "区立図書館（見本A）", []),
    ("内部監査5件（うち実施中3件）、今後の予定2件、適合率（全体）94.5%、",
     "顕在化したリスク2件（うち発生可能性が高いもの0件）", []),
    ("リスク2件（うち発生可能性が", "高いもの0件）", []),
    ("指定管理施設の利用者向け端末の", "盗難・紛失", []),
    ("令和8年4月10日に", "開催", []),
]


def self_test():
    bad = 0
    for prev, line, want in CASES:
        got = check_pair(norm(prev), norm(line))
        if got != want:
            print("self-test: '%s' / '%s': %s, expected %s"
                  % (prev, line, got, want))
            bad += 1
    return 1 if bad else 0


def main(argv):
    if argv[1:] == ["--self-test"]:
        return self_test()
    if len(argv) < 2:
        print("usage: check_deck_lines.py FILE.pdf...", file=sys.stderr)
        return 2
    bad = 0
    for pdf in argv[1:]:
        bad += check(pdf)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
