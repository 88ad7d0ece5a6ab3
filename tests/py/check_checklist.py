#!/usr/bin/python3
"""Check what 'nerima-cio checklist' writes, with independent readers.

usage: check_checklist.py form FILE KIND ORG NITEMS
       check_checklist.py docx FILE KIND [PHRASE...]
       check_checklist.py xlsx FILE KIND NITEMS

form: the hidden sheet _form names KIND and ORG; the answer sheet is
protected without a password, its answer cells unlocked with a drop-down
list, its item cells locked; NITEMS item rows.
docx: the report's numbered sections, its tables, and each PHRASE
somewhere in the text.
xlsx: the report workbook's sheets, one row per item on 項目別 with rates
between 0 and 1, and native charts in the package; a contractor
checklist's items by No., on every sheet (no catalog ref dp-2-1-01,
sf-01, vd-01).
Prints one line per problem and exits 1 if there was any.
"""
import re
import sys
import zipfile

problems = []
# a catalog item's ref: dp-2-6-08, sf-01, vd-09
REF_RE = r"\b(?:dp|sf|vd)-\d+(?:-\d+)*"



from docxtext import cell_text  # noqa: E402 (beside this file)



def check(cond, msg):
    if not cond:
        problems.append(msg)


def form(path, kind, org, nitems):
    import openpyxl
    wb = openpyxl.load_workbook(path)
    check("_form" in wb.sheetnames, "no _form sheet")
    fs = wb["_form"]
    check(fs.sheet_state == "hidden", "_form is %s" % fs.sheet_state)
    kv = {fs.cell(r, 1).value: fs.cell(r, 2).value
          for r in range(1, fs.max_row + 1)}
    check(kv.get("kind") == kind, "_form kind %r" % kv.get("kind"))
    check(kv.get("org") == org, "_form org %r" % kv.get("org"))
    check(wb.sheetnames[0] == "記入方法", "first sheet %s" % wb.sheetnames[0])
    ws = wb[kv["items_sheet"]]
    first = int(kv["items_row"])
    check(ws.protection.sheet, "answer sheet not protected")
    check(not ws.protection.password, "answer sheet has a password")
    dv_ranges = " ".join(str(dv.sqref) for dv in ws.data_validations.dataValidation)
    if kind == "self":
        check(int(kv["items"]) == nitems, "items %s" % kv["items"])
        # respondents numbered 1, 2 ...; the columns by No. and 分類,
        # never by the catalog's ref (sf-01)
        check(ws.cell(first, 1).value == "1", "first respondent %r" % ws.cell(first, 1).value)
        heads = [str(ws.cell(first - 1, c).value) for c in range(2, nitems + 2)]
        check(all(h.split("\n")[0] == str(i + 1) for i, h in enumerate(heads)),
              "headings not by No.: %r" % heads[:3])
        check(not any(re.search(REF_RE, h) for h in heads),
              "headings name refs: %r" % heads[:3])
        check(len((kv.get("refs") or "").split()) == nitems, "_form refs")
        check(ws.cell(first, 1).protection.locked, "respondent cell unlocked")
        check(not ws.cell(first, 2).protection.locked, "answer cell locked")
        check("B%d" % first in dv_ranges, "no drop-down at B%d: %s" % (first, dv_ranges))
        return
    # every checklist names its items by No. alone (their refs on _form,
    # none printed)
    refs = (kv.get("refs") or "").split()
    check(len(refs) == nitems, "_form refs %r" % refs[:3])
    want = "点検段階" if kind == "vendor" else "分類"
    check(ws.cell(first - 1, 2).value == want,
          "column B is %r, not %s" % (ws.cell(first - 1, 2).value, want))
    off = 0
    ans = "D"
    for i in range(nitems):
        r = first + i
        check(ws.cell(r, 1).value == str(i + 1), "row %d: No. %r" %
              (r, ws.cell(r, 1).value))
        check(ws.cell(r, 3 + off).protection.locked,
              "item text row %d unlocked" % r)
        check(not ws.cell(r, 4 + off).protection.locked,
              "answer %s%d locked" % (ans, r))
        check(not ws.cell(r, 5 + off).protection.locked,
              "note row %d locked" % r)
        check("%s%d" % (ans, r) in dv_ranges, "no drop-down at %s%d" %
              (ans, r))
        cells = " ".join(str(c.value) for c in ws[r] if c.value)
        check(not any(x in cells for x in refs),
              "row %d prints a ref: %r" % (r, cells))
    check(ws.cell(first + nitems, 1).value is None, "more than %d items" % nitems)
    lists = [dv.formula1 for dv in ws.data_validations.dataValidation]
    want = '"実施,一部実施,未実施,わからない,該当なし"' if kind == "department" else '"はい,いいえ,該当なし"'
    check(want in lists, "no list %s in %s" % (want, lists[:3]))
    # 記入方法 names the columns by their headings (補足欄 for a column
    # headed 補足・改善予定: review7)
    note = ws.cell(first - 1, 5 + off).value
    how = "".join(str(c.value) for c in wb["記入方法"]["B"] if c.value)
    check("「%s」欄" % note in how and "補足欄" not in how,
          "記入方法 does not name the column %r" % note)


def docx(path, kind, phrases):
    import docx as d
    doc = d.Document(path)
    text = "\n".join(p.text for p in doc.paragraphs)
    cells = "\n".join(cell_text(c) for t in doc.tables for row in t.rows for c in row.cells)
    for h in ("目的", "実施方法", "結果",
              "対策に不足のある契約" if kind == "vendor" else "課題と対応"):
        check(h in text, "no section %s" % h)
    check(len(doc.tables) >= 3, "only %d tables" % len(doc.tables))
    title = {"department": "所属点検実施結果報告書", "self": "自己点検実施結果報告書",
             "vendor": "特記事項チェックシート集計結果報告書"}[kind]
    check(title in doc.paragraphs[0].text, "title %r" % doc.paragraphs[0].text)
    # a period within one year: "令和8年6月8日から同年12月11日まで"
    for y1, y2 in re.findall(r"令和(\d+)年\d+月\d+日から令和(\d+)年", text):
        check(y1 != y2, "a period names 令和%s年 twice, not 同年" % y1)
    # items by their No. and text, never by the catalog's ref
    refs = sorted(set(re.findall(REF_RE, text + cells)))
    check(not refs, "the report names items by ref: %s" % refs[:5])
    # a paragraph with a sentence in it ends with its full stop
    # (「全課の職員（17部・93課）。回答は課ごとに取りまとめて提出」)
    for para in doc.paragraphs:
        t = para.text.rstrip()
        check("。" not in t or t.endswith(("。", "）", "」")),
              "a sentence without its full stop: %r" % t[-30:])
    # 増減 as the ward writes it: ＋4.9, ▲1.0, ±0.0, 「－」 for none;
    # never the ASCII +4.9 / -1.0 beside 「4.9ポイント上昇」
    for tbl in doc.tables:
        head = [cell_text(c) for c in tbl.rows[0].cells]
        if "増減" not in head:
            continue
        k = head.index("増減")
        for row in tbl.rows[1:]:
            v = cell_text(row.cells[k])
            check(re.fullmatch(r"[＋▲]\d+\.\d|±0\.0|－", v),
                  "増減 %r, not ＋4.9, ▲1.0 or ±0.0" % v)
    # ends with 以上, right-aligned, as every report of the tool
    last = [p for p in doc.paragraphs if p.text.strip()][-1]
    check(last.text.strip() == "以上" and last.alignment == 2,
          "the report does not end with 以上 on the right: %r" % last.text[-20:])
    # 今後の取組: one item unnumbered; two or more (1), (2)..., each label
    # within the hang so the label and its text share a line
    paras = doc.paragraphs
    heads = [i for i, p in enumerate(paras) if p.text.strip() == "今後の取組"
             or re.fullmatch(r"\S+\s*今後の取組", p.text.strip())]
    if heads:
        items = [p for p in paras[heads[-1] + 1:]
                 if p.text.strip() and p.text.strip() != "以上"]
        numbered = [p for p in items if re.match(r"\(\d+\)", p.text)]
        if len(items) == 1:
            check(not numbered, "a single item of 今後の取組 numbered: %r"
                  % items[0].text[:20])
        for p in numbered:
            f = p.paragraph_format
            label = re.match(r"\(\d+\)\u3000?", p.text).group(0)
            # half-width characters ~ 105 twips, full-width ~ 210
            need = sum(210 if ord(ch) > 0xff else 105 for ch in label)
            hang = -f.first_line_indent.twips if f.first_line_indent else 0
            check(hang >= need - 20,
                  "(n) of 今後の取組 wider (%d) than its hang (%d): the text "
                  "starts on the next line" % (need, hang))
    for p in phrases:
        check(p in text or p in cells, "no %r in the report" % p)


def xlsx(path, kind, nitems):
    import openpyxl
    wb = openpyxl.load_workbook(path)
    want = ["項目別", "段階別", "要対応契約"] if kind == "vendor" else ["項目別", "部別", "課別"]
    for s in want:
        check(s in wb.sheetnames, "no sheet %s (%s)" % (s, wb.sheetnames))
    ws = wb["項目別"]
    head = None
    # every checklist's items by the No. its form prints, never by the
    # catalog's ref; a contractor checklist's with the stages a clause is
    # checked at in one 点検段階 column, as the report's table has them
    second = "点検段階" if kind == "vendor" else "分類"
    for r in range(1, 10):
        if ws.cell(r, 1).value == "No." and ws.cell(r, 2).value == second:
            head = r
    check(head is not None, "no header row No. | %s on 項目別" % second)
    if head is None:
        return
    col = [c for c in range(1, ws.max_column + 1) if ws.cell(head, c).value == "実施率"][0]
    n = 0
    r = head + 1
    while ws.cell(r, 2).value:
        v = ws.cell(r, col).value
        check(v is None or 0 <= v <= 1, "rate %r at row %d" % (v, r))
        n += 1
        r += 1
    check(n == nitems, "%d item rows, want %d" % (n, nitems))
    # no column of the items' table empty in every row (前年度 and 増減
    # without last year's results)
    for c in range(1, ws.max_column + 1):
        if ws.cell(head, c).value is None or n == 0:
            continue
        filled = sum(ws.cell(k, c).value not in (None, "")
                     for k in range(head + 1, head + 1 + n))
        check(filled > 0, "項目別: column %r empty in every row" %
              ws.cell(head, c).value)
    with zipfile.ZipFile(path) as z:
        charts = [n for n in z.namelist() if n.startswith("xl/charts/chart")]
        xml = "".join(z.read(n).decode() for n in z.namelist()
                      if n.startswith("xl/charts/") or
                      n.startswith("xl/worksheets/") or
                      n == "xl/sharedStrings.xml")
    check(len(charts) >= 2, "charts: %s" % charts)
    # every chart comparing years: last year's series first, this year's
    # second, each named by its year (令和7年度, 令和8年度), as in the
    # report's Word charts
    with zipfile.ZipFile(path) as z:
        for n in charts:
            cx = z.read(n).decode()
            names = [re.search(r"<c:v>([^<]*)</c:v>", t.group(1))
                     for t in re.finditer(r"<c:ser>.*?<c:tx>(.*?)</c:tx>",
                                          cx, re.S)]
            names = [m.group(1) if m else None for m in names]
            if len(names) < 2:
                continue
            # horizontal bars on a natural axis are stored bottom up,
            # their series in reverse (xlsx_chart_copy()): read top-down
            if ('<c:barDir val="bar"/>' in cx and
                    '<c:orientation val="maxMin"/>' not in cx):
                names.reverse()
            yrs = [re.fullmatch(r"令和(\d+)年度", x or "") for x in names]
            check(all(yrs) and [int(y.group(1)) for y in yrs] ==
                  sorted(int(y.group(1)) for y in yrs) and
                  len(set(names)) == len(names),
                  "%s: series %s, want the years in order" % (n, names))
    refs = sorted(set(re.findall(REF_RE, xml)))
    check(not refs, "the workbook names items by ref: %s" % refs[:5])
    # scores, deviations and last year's scores in one decimal, the value
    # the Word report prints (85.2, never 85.25 shown 85.3)
    for s in ("部別", "課別"):
        if s not in wb.sheetnames:
            continue
        for row in wb[s].iter_rows():
            for c in row:
                if isinstance(c.value, float) and "%" not in c.number_format:
                    check(c.number_format.endswith("0.0") and
                          round(c.value, 1) == c.value,
                          "%s!%s: %r in %r, want one decimal" %
                          (s, c.coordinate, c.value, c.number_format))


    # a 課 that submitted with no 前年度 score: its blank is explained
    if "課別" in wb.sheetnames:
        rows = [r for r in wb["課別"].iter_rows(values_only=True)]
        hr = [i for i, r in enumerate(rows) if r and r[0] == "部"]
        if hr:
            h = list(rows[hr[0]])
            if "前年度" in h and "提出日" in h:
                pi, di = h.index("前年度"), h.index("提出日")
                blank = [r for r in rows[hr[0] + 1:] if len(r) > pi and
                         r[di] is not None and r[pi] is None]
                notes = [c for r in rows for c in r
                         if isinstance(c, str) and c.startswith("前年度の空欄")]
                check(not blank or notes,
                      "課別: %d blank 前年度 unexplained" % len(blank))

    # a difference written as the Word report writes it: ＋7.0, ▲6.9
    for ws in wb.worksheets:
        cols = set()
        for row in ws.iter_rows():
            for c in row:
                if isinstance(c.value, str) and c.value.startswith("増減"):
                    cols.add(c.column)
                elif (c.column in cols and not isinstance(c.value, bool)
                      and isinstance(c.value, (int, float))):
                    check("＋" in c.number_format and
                          "▲" in c.number_format,
                          "%s!%s: 増減 %r in %r, want ＋/▲ as the report" %
                          (ws.title, c.coordinate, c.value,
                           c.number_format))


def main():
    mode, path = sys.argv[1], sys.argv[2]
    if mode == "form":
        form(path, sys.argv[3], sys.argv[4], int(sys.argv[5]))
    elif mode == "docx":
        docx(path, sys.argv[3], sys.argv[4:])
    elif mode == "xlsx":
        xlsx(path, sys.argv[3], int(sys.argv[4]))
    for p in problems:
        print("%s: %s" % (path, p))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
