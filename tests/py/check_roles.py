#!/usr/bin/python3
"""No role said twice in one sentence of a document.

usage: check_roles.py FILE...   (.docx, .pptx, .xlsx, or plain text)

"情報セキュリティ責任者である戸籍住民課長（情報セキュリティ責任者）" names
the role twice.  Every paragraph of a .docx or .pptx, every cell text of
a .xlsx (a text file: the whole text) is cut into sentences at 。; a
sentence naming the same role of the ward's security or information
organisation twice is printed as FILE: ROLE twice: SENTENCE.  A longer
role is matched before the roles it contains (最高情報セキュリティ責任者
is not also 情報セキュリティ責任者).  Exits 1 when one is found.
"""
import html
import re
import sys
import zipfile

ROLES = [
    "最高情報セキュリティ責任者", "統括情報セキュリティ責任者",
    "情報セキュリティ責任者", "情報セキュリティ管理者",
    "最高情報セキュリティアドバイザー", "統括情報化管理責任者",
    "情報化管理責任者", "主任監査員", "業務責任者", "CIO補佐官",
]
ROLE_RE = re.compile("|".join(sorted(ROLES, key=len, reverse=True)))


def texts(path):
    if not zipfile.is_zipfile(path):
        with open(path, encoding="utf-8", errors="replace") as f:
            yield f.read()
        return
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if not name.endswith(".xml"):
                continue
            xml = z.read(name).decode("utf-8", "replace")
            if name.startswith("word/"):
                paras = re.findall(r"<w:p[ >].*?</w:p>", xml, re.S)
                run = r"<w:t[^>]*>([^<]*)</w:t>"
            elif name.startswith("ppt/"):
                paras = re.findall(r"<a:p>.*?</a:p>", xml, re.S)
                run = r"<a:t>([^<]*)</a:t>"
            elif name.startswith("xl/"):
                paras = re.findall(r"<(?:si|is)>.*?</(?:si|is)>", xml, re.S)
                run = r"<t[^>]*>([^<]*)</t>"
            else:
                continue
            for p in paras:
                yield html.unescape("".join(re.findall(run, p)))


def main(argv):
    found = []
    for path in argv[1:]:
        for para in texts(path):
            for s in re.split(r"(?<=。)", re.sub(r"\s+", "", para)):
                roles = ROLE_RE.findall(s)
                twice = sorted({r for r in roles if roles.count(r) > 1})
                if twice:
                    found.append("%s: %s twice: %s" %
                                 (path, "、".join(twice), s))
    for f in found[:10]:
        print(f)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
