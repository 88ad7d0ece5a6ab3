"""The cases a 作業実施報告書 lists, for the end-to-end tests
(e2e/report_asof, report_carried, review_history): a line
"件名<TAB>状況・備考" for each row of every table whose last column is
状況・備考, a cell's lines joined (the narrow columns break them where
they fit).  With a second argument, the document's paragraphs go to that
file, a line each.

usage: report_rows.py DOCX [TEXT]"""
import sys

import docx


def main():
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__.split("\n\n")[-1])
    d = docx.Document(sys.argv[1])
    if len(sys.argv) == 3:
        with open(sys.argv[2], "w", encoding="utf-8") as text:
            for p in d.paragraphs:
                print(p.text, file=text)
    for t in d.tables:
        if t.rows[0].cells[-1].text != "状況・備考":
            continue
        head = [c.text for c in t.rows[0].cells]
        for r in t.rows[1:]:
            c = [x.text.replace("\n", "") for x in r.cells]
            print(c[head.index("件名")] + "\t" + c[-1])


main()
