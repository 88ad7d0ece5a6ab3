"""Fill returned department-check forms for the import benchmark (issue 15).

usage: fill_forms.py SRC DST

Every .xlsx form in SRC (from 'checklist export form --kind department
--all') gets an answer in each row of its item sheet, and a note on every
third, and is saved under the same name in DST: the returned forms a
'checklist import' takes in.  Deterministic.
"""
import glob
import os
import sys

import openpyxl


def main():
    src, dst = sys.argv[1], sys.argv[2]
    os.makedirs(dst, exist_ok=True)
    for i, path in enumerate(sorted(glob.glob(os.path.join(src, "*.xlsx")))):
        wb = openpyxl.load_workbook(path)
        ws = wb["点検項目"]
        # the columns by their headings (row 4), not by position: the
        # form's layout changes (its 項目番号 column went in issue 18)
        head = {c.value: c.column for c in ws[4] if c.value}
        ans, note = head["回答"], head["補足・改善予定"]
        for r in range(5, ws.max_row + 1):
            no = (r + i) % 3 == 0
            ws.cell(r, ans).value = "未実施" if no else "実施"
            if no:
                ws.cell(r, note).value = "来年度に対応予定"
        wb.save(os.path.join(dst, os.path.basename(path)))


if __name__ == "__main__":
    main()
