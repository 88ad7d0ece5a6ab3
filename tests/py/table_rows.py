#!/usr/bin/python3
"""Print a document's table rows, one line each, for a test to grep.

usage: table_rows.py FILE.xlsx [SHEET]   the rows of every sheet (or SHEET)
       table_rows.py FILE.docx           the rows of every table, then the
                                         paragraphs, one a line

A row's cells are joined by " | ", an empty cell is "", a line break
inside a cell is "/", a whole number prints without ".0" (openpyxl and
python-docx: readers independent of the program's).
"""
import sys


def cell(v):
    if v is None:
        return ""
    if isinstance(v, float) and v.is_integer():
        v = int(v)
    return str(v).replace("\n", "/")


def main(argv):
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    path = argv[1]
    if path.endswith(".xlsx"):
        import openpyxl
        wb = openpyxl.load_workbook(path)
        for ws in wb.worksheets:
            if len(argv) > 2 and ws.title != argv[2]:
                continue
            for row in ws.iter_rows(values_only=True):
                if any(v is not None for v in row):
                    print(" | ".join(cell(v) for v in row))
        return 0
    import docx
    d = docx.Document(path)
    for t in d.tables:
        for row in t.rows:
            print(" | ".join(cell(c.text) for c in row.cells))
    for p in d.paragraphs:
        print(p.text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
