#!/usr/bin/python3
"""Read a review document back with an independent reader and check it.

usage: check_review.py docx FILE TEXT...   every TEXT is in the document
       check_review.py xlsx FILE TEXT...   every TEXT is in some cell
       check_review.py order FILE A B...   (docx) the texts appear in order
       check_review.py charts FILE N       the workbook has N native charts
       check_review.py rated FILE          (docx) every viewpoint row of the
                                           精査記録 has 確認事項, 評価, 所見
       check_review.py summary FILE DATE   the summary workbook: every sheet
                                           says DATE現在 (令和8年6月1日),
                                           has a 計 row adding up its rows,
                                           the plans' sheets add up to the
                                           plans of 種別, no "21.0日"
       check_review.py nocolumns FILE      (xlsx) no column of record text
                                           empty in every row of a table
       check_review.py noid FILE           no record id (rv-xxxxxxxx) in the
                                           text, headers or sheet names
       check_review.py merged FILE LABEL...  (xlsx) the row of each LABEL
                                           (in column A) is one cell over
                                           the rest of the table's width,
                                           as high as its text takes there
       check_review.py heights FILE PT     (xlsx) every row of every sheet's
                                           table (its autofilter range) below
                                           the header has a height of at
                                           least PT points set

docx text is gathered from paragraphs and table cells (python-docx);
xlsx cells from every sheet (openpyxl), numbers formatted with commas so
that 12,800,000 matches.  Exits 1 naming what was missing.
"""
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from docxtext import cell_text  # noqa: E402 (beside this file)


def docx_text(path):
    import docx
    d = docx.Document(path)
    parts = [p.text for p in d.paragraphs]
    for t in d.tables:
        for row in t.rows:
            for cell in row.cells:
                parts.append(cell_text(cell))
    for s in d.sections:
        parts.extend(p.text for p in s.header.paragraphs)
    return "\n".join(parts)


def xlsx_cells(path):
    import openpyxl
    wb = openpyxl.load_workbook(path)
    out = []
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                v = c.value
                if v is None:
                    continue
                if isinstance(v, (int, float)) and not isinstance(v, bool):
                    out.append("{:,}".format(v))
                    out.append(str(v))
                else:
                    # the writer's line breaks are not the text's
                    out.append(str(v).replace("\n", ""))
    return out


def empty_columns(path):
    """A column of a table of record text (not one to fill in) with
    nothing in any row: the system evaluation sheet printed 確認事項 and
    所管課回答 empty beside an evaluation that had neither.  A sheet
    whose table is all empty is a blank form and passes."""
    import openpyxl
    bad = []
    for ws in openpyxl.load_workbook(path).worksheets:
        if ws.sheet_state != "visible":
            continue
        head = next((r for r in range(1, min(ws.max_row, 15) + 1)
                     if sum(c.value is not None for c in ws[r]) >= 2 and
                     all(c.font.b for c in ws[r] if c.value is not None)),
                    None)
        if head is None:
            continue
        rows = []
        for r in range(head + 1, ws.max_row + 1):
            if ws.cell(r, 1).border.bottom.style is None:
                break
            rows.append(r)
        if not rows:
            continue
        cols = [c.column for c in ws[head] if c.value is not None]
        filled = {c: sum(ws.cell(r, c).value not in (None, "")
                         for r in rows) for c in cols}
        if not any(filled[c] for c in cols[1:]):
            continue
        for c in cols:
            if filled[c] == 0 and \
                    ws.cell(rows[0], c).protection.locked is not False and \
                    ws.cell(rows[0], c).fill.fgColor.rgb in (None,
                                                             "00000000"):
                bad.append("%s: column %r empty in every row" %
                           (ws.title, ws.cell(head, c).value))
    return bad


def check_rated(path):
    """The 精査記録 (docx) of a decided plan: every viewpoint row of the
    form has its 確認事項, 評価 and 所見 (a record the decision rests
    on has no empty viewpoint)."""
    import docx
    d = docx.Document(path)
    bad = []
    for t in d.tables:
        head = [cell_text(c) for c in t.rows[0].cells]
        if head[:1] != ["観点"] or "評価" not in head:
            continue
        for r in t.rows[1:]:
            cells = [cell_text(c).strip() for c in r.cells]
            for k in ("確認事項", "評価", "所見"):
                if k in head and not cells[head.index(k)]:
                    bad.append("%s without its %s" %
                               (cells[0].replace("\n", ""), k))
        return bad
    return ["no viewpoint table"]


def check_summary(path, asof):
    """Each sheet of the summary workbook: the as-of line, a 計 row that
    adds up its rows, and the plans' sheets adding up to the plans of the
    first (so 判定 reconciles: undecided plans have their row)."""
    import openpyxl
    wb = openpyxl.load_workbook(path)
    bad, plans = [], None
    for ws in wb.worksheets:
        rows = [r for r in ws.iter_rows(values_only=True)]
        if not any(asof + "現在" in str(r[0]) for r in rows[:3]):
            bad.append("%s: no '%s現在' above the table" % (ws.title, asof))
        try:
            head = next(i for i, r in enumerate(rows) if r[1] == "件数")
            tot = next(i for i, r in enumerate(rows) if r[0] == "計")
        except StopIteration:
            bad.append("%s: no table with a 計 row" % ws.title)
            continue
        body = rows[head + 1:tot]
        for col in (1, 2, 3):
            if col >= len(rows[tot]) or rows[tot][col] is None:
                continue
            # a cost the kind has none of is －, not a zero
            want = sum(r[col] if isinstance(r[col], (int, float)) else 0
                       for r in body)
            if any(r[col] is None for r in body):
                bad.append("%s: column %d has a blank cell" % (ws.title, col))
            if rows[tot][col] != want:
                bad.append("%s: 計 column %d is %s, rows add up to %s"
                           % (ws.title, col, rows[tot][col], want))
        if ws.title == "種別":
            plans = next(r[1] for r in body if r[0] == "情報化企画審査")
        elif rows[tot][1] != plans:
            bad.append("%s: 計 %s, %s plans on 種別" % (ws.title,
                       rows[tot][1], plans))
        for r in rows:
            if r[0] is not None and re.search(r"[0-9]\.0日", str(r[0])):
                bad.append("%s: whole days with a decimal: %s" %
                           (ws.title, r[0]))
    return bad


def check_merged(path, labels):
    """Each LABEL's row: B..(the table's last column) merged, and a row
    height that holds the text over their summed width (游ゴシック 11pt:
    a column is width x 8 + 5 px, a full-width character 15.5 px, a line
    18.75 pt; the cell's margins 10 px)."""
    import math
    import unicodedata
    import openpyxl
    from openpyxl.utils import get_column_letter
    from openpyxl.utils.cell import range_boundaries
    wb = openpyxl.load_workbook(path)
    ws = wb.worksheets[0]
    missing = []
    if not ws.auto_filter.ref:
        return ["a table (autofilter) on " + ws.title]
    _, top, last, bottom = range_boundaries(ws.auto_filter.ref)
    for lab in labels:
        rows = [r for r in range(top + 1, bottom + 1)
                if ws.cell(r, 1).value == lab]
        if not rows:
            missing.append("a row %s" % lab)
            continue
        r = rows[0]
        want = "B%d:%s%d" % (r, get_column_letter(last), r)
        if want not in [str(m) for m in ws.merged_cells.ranges]:
            missing.append("%s merged over %s (merged: %s)" % (
                lab, want, [str(m) for m in ws.merged_cells.ranges]))
            continue
        px = sum(ws.column_dimensions[get_column_letter(c)].width * 8 + 5
                 for c in range(2, last + 1))
        room = (px - 10) / 15.5 * 2     # half-width columns a line holds
        text = str(ws.cell(r, 2).value or "")
        lines = 0
        for para in text.split("\n"):
            w = sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1
                    for ch in para)
            lines += max(1, math.ceil(w / room))
        h = ws.row_dimensions[r].height
        if h is None or h < 18.75 * lines - 0.01:
            missing.append("%s row %d: height %s for %d lines" % (
                lab, r, h, lines))
    return missing


def main(argv):
    if len(argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    mode, path, want = argv[1], argv[2], argv[3:]
    missing = []
    if mode == "docx":
        text = docx_text(path)
        missing = [w for w in want if w not in text]
        if missing:
            print(text, file=sys.stderr)
    elif mode == "xlsx":
        cells = xlsx_cells(path)
        joined = "\n".join(cells)
        missing = [w for w in want if w not in joined]
        if missing:
            print(joined, file=sys.stderr)
    elif mode == "nocolumns":
        missing = empty_columns(path)
    elif mode == "order":
        text = docx_text(path)
        pos = 0
        for w in want:
            i = text.find(w, pos)
            if i < 0:
                missing.append(w + " (in order)")
                break
            pos = i + len(w)
    elif mode == "noid":
        import re
        if path.endswith(".xlsx"):
            import openpyxl
            text = "\n".join(xlsx_cells(path) +
                             openpyxl.load_workbook(path).sheetnames)
        else:
            text = docx_text(path)
        missing = ["no id, found " + m for m in
                   sorted(set(re.findall(r"\b[a-z]{2}-[0-9a-z]{8}\b",
                                         text) +
                              re.findall(r"\([0-9a-z]{8}\)", text)))]
    elif mode == "heights":
        import openpyxl
        from openpyxl.utils.cell import range_boundaries
        wb = openpyxl.load_workbook(path)
        # the form's sheet: ヒアリングの経過 beside it records what was
        # asked and answered, its rows as tall as their text
        for ws in wb.worksheets[:1]:
            if not ws.auto_filter.ref:
                continue
            _, top, _, bottom = range_boundaries(ws.auto_filter.ref)
            for r in range(top + 1, bottom + 1):
                h = ws.row_dimensions[r].height
                if h is None or h < float(want[0]):
                    missing.append("%s row %d: height %s, want %s or more"
                                   % (ws.title, r, h, want[0]))
    elif mode == "merged":
        missing = check_merged(path, want)
    elif mode == "rated":
        missing = check_rated(path)
    elif mode == "summary":
        missing = check_summary(path, want[0])
    elif mode == "charts":
        # openpyxl drops charts when it reads a workbook: count the parts.
        import openpyxl
        import zipfile
        openpyxl.load_workbook(path)
        with zipfile.ZipFile(path) as z:
            n = len([f for f in z.namelist()
                     if f.startswith("xl/charts/chart")])
        if n != int(want[0]):
            missing.append("%s charts (found %d)" % (want[0], n))
    else:
        print(__doc__, file=sys.stderr)
        return 2
    if missing:
        for m in missing:
            print("%s: missing %r" % (path, m), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
