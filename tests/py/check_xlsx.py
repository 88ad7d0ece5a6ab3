#!/usr/bin/python3
"""Check an .xlsx written by lib/xlsx.c with an independent reader.

usage: check_xlsx.py [--sample] FILE

Without --sample, checks the conventions every workbook from lib/xlsx.c
follows, whatever its content: no formula cells (but the hidden chart
data's references to a table's cells), 游ゴシック as the
Normal font, and on every visible sheet A4, fit to one page wide, a page
header, the page number in the footer and a print area; on a sheet with a
table (an autofilter) the panes frozen below its header row and that row
repeated on every printed page.  Every chart is on a chart sheet of its
own (so it prints whole, never under a repeated header row): A4, a page
header, the page number in the footer; or all of them on one worksheet
of charts, laid out in pages broken by hand, not scaled.  The footer is
"&A　- &P -" (the sheet's name, then its page) with each sheet numbered
from 1, in a workbook of one printed sheet as in one of several.  Domain tests can run it on
what they produce.

With --sample, also checks the exact content that tests/unit/test_xlsx.c
writes.  Prints one line per problem and exits 1 if there was any.
"""

import datetime
import re
import sys
import zipfile

import openpyxl

# A formula of the hidden sheet of chart data: a cell of another sheet,
# led by ideographic spaces at most (="　　"&'分類別'!$A$13).
CELL_REF = re.compile(r"""^=(?:"\u3000*"&)?'(?:[^']|'')+'!\$[A-Z]+\$[0-9]+$""")

problems = []


def check(cond, msg):
    if not cond:
        problems.append(msg)
    return cond


def eq(got, want, what):
    return check(got == want, "%s: got %r, want %r" % (what, got, want))


def rows_of(ref):
    """'$4:$4' or "'x'!$4:$4" -> (4, 4)"""
    m = re.search(r"\$?(\d+):\$?(\d+)$", ref or "")
    return (int(m.group(1)), int(m.group(2))) if m else None


def footer(wb, where, hf, ps):
    eq(hf.center.text, "&A\u3000- &P -", where + ": footer")
    # firstPageNumber is 1 when absent (libxlsxwriter 1.1.4 leaves it out)
    check(ps.useFirstPageNumber and
          ps.firstPageNumber in (None, 1, "1"),
          where + ": pages not numbered from 1 within the sheet")


def conventions(wb):
    eq(wb._fonts[0].name, "游ゴシック", "Normal style font")
    for cs in wb.chartsheets:
        where = "chart sheet %s" % cs.title
        eq(str(cs.pageSetup.paperSize), "9", where + ": paper size (A4)")
        check(cs.pageSetup.orientation in ("portrait", "landscape"),
              where + ": no orientation")
        check(bool(cs.headerFooter.oddHeader.center.text),
              where + ": no page header")
        footer(wb, where, cs.headerFooter.oddFooter, cs.pageSetup)
        eq(len(cs._charts), 1, where + ": charts")
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                # the hidden chart data reads a table's cell, nothing else
                if (c.data_type == "f" and ws.title == "グラフ用データ" and
                        ws.sheet_state == "hidden" and
                        CELL_REF.match(str(c.value))):
                    continue
                check(c.data_type != "f",
                      "%s!%s: formula %r" % (ws.title, c.coordinate, c.value))
        if ws.sheet_state != "visible":
            continue
        where = "sheet %s" % ws.title
        ps = ws.page_setup
        eq(str(ps.paperSize), "9", where + ": paper size (A4)")
        check(ps.orientation in ("portrait", "landscape"),
              where + ": no orientation")
        if ws._charts:
            # the charts' worksheet: pages broken by hand, never scaled
            check(not (ws.sheet_properties.pageSetUpPr is not None and
                       ws.sheet_properties.pageSetUpPr.fitToPage),
                  where + ": charts' page scaled to fit")
            n = len(ws._charts)
            check((n + 1) // 2 - 1 <= len(ws.row_breaks.brk) <= n - 1,
                  where + ": %d page breaks for %d charts"
                  % (len(ws.row_breaks.brk), n))
        else:
            check(ws.sheet_properties.pageSetUpPr is not None and
                  ws.sheet_properties.pageSetUpPr.fitToPage,
                  where + ": not fit to page")
            # fitToWidth defaults to 1 when absent
            check(ps.fitToWidth in (None, 1, "1"), where + ": fitToWidth")
            eq(str(ps.fitToHeight), "0", where + ": fitToHeight")
        check(bool(ws.oddHeader.center.text), where + ": no page header")
        footer(wb, where, ws.oddFooter, ps)
        check(bool(ws.print_area), where + ": no print area")
        if ws.auto_filter.ref:
            header = int(re.match(r"[A-Z]+(\d+)", ws.auto_filter.ref)
                         .group(1))
            eq(ws.freeze_panes, "A%d" % (header + 1), where + ": freeze")
            eq(rows_of(ws.print_title_rows), (header, header),
               where + ": print title rows")
            for c in ws[header]:
                if c.value is not None:
                    check(c.font.b, "%s!%s: heading not bold"
                          % (ws.title, c.coordinate))
                    check(c.fill.fgColor.rgb not in (None, "00000000"),
                          "%s!%s: heading not filled"
                          % (ws.title, c.coordinate))


def sample(wb, path):
    eq(wb.sheetnames, ["審査一覧", "2026年度集計", "回答", "選択肢", "作業用",
                       "集計表", "項目別", "四半期別 新規・継続", "四半期別 件数（積み上げ）",
                       "完了の内訳", "推移", "推移(2)", "実施率・前年度比較",
                       "実施率・前年度比較（その1）",
                       "実施率・前年度比較（その2）"],
       "sheet names (worksheets, then the chart sheets)")
    eq([ws.sheet_state for ws in wb.worksheets],
       ["visible", "visible", "visible", "hidden", "hidden", "visible",
        "visible"], "sheet states")
    eq(wb.properties.created, datetime.datetime(2026, 3, 31, 15, 0),
       "created")
    eq(wb.properties.title, "審査一覧（サンプル）", "title property")

    ws = wb["審査一覧"]
    eq(ws["A1"].value, "令和8年度 情報化事業 事前審査一覧", "A1")
    check(ws["A1"].font.b and ws["A1"].font.sz == 14, "A1 not bold 14pt")
    eq(ws["A2"].value, "令和8年4月1日現在\u3000出典：審査記録（サンプルデータ）",
       "A2")
    eq([c.value for c in ws[4]],
       ["番号", "件名", "担当課", "事業費（円）", "進捗率", "受付日", "期限",
        "判定", "備考"], "header row")
    check(ws["A4"].border.left.style == "thin", "header without border")
    eq(ws["A4"].alignment.horizontal, "center", "header alignment")
    check(ws["A4"].alignment.wrap_text, "header not wrapped")
    eq(ws.freeze_panes, "A5", "freeze panes")
    eq(ws.auto_filter.ref, "A4:I9", "autofilter")
    eq(rows_of(ws.print_title_rows), (4, 4), "print title rows")
    check(ws.print_area and ws.print_area[0].endswith("$A$1:$I$11"),
          "print area %r" % (ws.print_area,))
    eq(ws.page_setup.orientation, "landscape", "orientation")
    eq(ws.oddHeader.center.text, "令和8年度 情報化事業 事前審査一覧",
       "page header")

    # text from records is text, even when it looks like a formula
    for ref, want in (("I5", "=1+1"), ("B6", "+SUM(A1)"), ("B7", "-2+3"),
                      ("I7", "@cmd"), ("B8", '=HYPERLINK("x")'),
                      ("I9", "\t=1"), ("I8", "1行目\n2行目"),
                      ("B9", "ｶﾀｶﾅ半角ﾃｽﾄ"), ("C9", "ＩＣＴ推進担当")):
        eq(ws[ref].value, want, ref)
        eq(ws[ref].data_type, "s", ref + " type")
        check(ws[ref].alignment.wrap_text, ref + " not wrapped")
        check(ws[ref].border.bottom.style == "thin", ref + " no border")

    for ref, want, fmt in (("D5", 125000000, "#,##0"),
                           ("D7", 980000.5, "#,##0.00"),
                           ("E5", 0.35, "0.0%"), ("E6", 1, "0.0%")):
        eq(ws[ref].value, want, ref)
        eq(ws[ref].data_type, "n", ref + " type")
        eq(ws[ref].number_format, fmt, ref + " format")
        eq(ws[ref].alignment.horizontal, "right", ref + " alignment")

    era = ('[<43586][$-411]ggge"年"m"月"d"日";'
           '[<43831][$-411]"令和元年"m"月"d"日";[$-411]ggge"年"m"月"d"日"')
    for ref, want, fmt in (("F5", (2026, 4, 1), era),
                           ("F7", (2019, 5, 1), era),
                           ("G5", (2026, 5, 7), "yyyy-mm-dd"),
                           ("G6", (2026, 6, 30), "yyyy/m/d")):
        eq(ws[ref].value, datetime.datetime(*want), ref)
        check(ws[ref].is_date, ref + " is not a date")
        eq(ws[ref].number_format, fmt, ref + " format")

    # 判定: the input column is unlocked, shaded and has the drop-down
    eq(ws["H5"].value, "可", "H5")
    check(not ws["H5"].protection.locked, "H5 locked")
    check(not ws["H6"].protection.locked, "H6 (blank) locked")
    check(ws["A5"].protection.locked, "A5 unlocked")
    eq(ws["H5"].fill.fgColor.rgb, "FFFFF2CC", "H5 fill")
    eq(ws["A5"].alignment.horizontal, "center", "A5 (centred column)")
    dvs = ws.data_validations.dataValidation
    eq(len(dvs), 1, "validations on 審査一覧")
    if dvs:
        eq(dvs[0].type, "list", "validation type")
        eq(dvs[0].formula1, '"可,否,保留"', "validation list")
        eq(str(dvs[0].sqref), "H5:H9", "validation range")

    # widths in Excel units follow the display width of the text:
    # 基幹系システム標準化対応 is 12 full-width characters, 24 columns
    widths = {k: v.width for k, v in ws.column_dimensions.items()}
    check(25 <= widths.get("B", 0) <= 28, "B width %r" % widths.get("B"))
    check(15 <= widths.get("C", 0) <= 18, "C width %r" % widths.get("C"))
    check(widths.get("A", 0) < widths.get("C", 0), "A not narrower than C")
    check(49 <= widths.get("I", 0) <= 52,
          "I width %r (long text capped)" % widths.get("I"))
    check(16 <= widths.get("F", 0) <= 20, "F width %r" % widths.get("F"))
    eq(ws["A11"].value, "注：事業費は税込。判定欄は一覧から選択する。",
       "note")
    check(ws["A11"].border.left.style is None, "note has a border")

    ws = wb["2026年度集計"]
    eq(ws.page_setup.orientation, "portrait", "集計 orientation")
    eq(ws.auto_filter.ref, "A4:D8", "集計 autofilter")
    eq(ws["D8"].value, 17, "集計 D8")
    eq(len(ws._charts), 0, "charts on 集計: they have sheets of their own")
    eq([cs.pageSetup.orientation for cs in wb.chartsheets],
       ["landscape"] * 8, "chart sheet orientation")

    ws = wb["回答"]
    check(ws.protection.sheet, "回答 not protected")
    check(not ws.protection.password, "回答 has a password")
    # in the file, autoFilter="0" means "not protected": users may filter
    check(not ws.protection.autoFilter,
          "回答: autofilter not allowed under protection")
    check(ws["A4"].protection.locked, "回答 A4 unlocked")
    check(not ws["B4"].protection.locked, "回答 B4 locked")
    eq(ws.column_dimensions["A"].width, 30.7109375, "回答 fixed width")
    dvs = ws.data_validations.dataValidation
    eq(len(dvs), 1, "validations on 回答")
    if dvs:
        eq(dvs[0].formula1, "'選択肢'!$A$1:$A$60", "long list source")
        eq(str(dvs[0].sqref), "B4", "long list range")
    eq(wb["選択肢"]["A60"].value, "選択肢その60", "list sheet")
    eq(wb["作業用"]["A1"].value, "非表示", "hidden sheet")

    with zipfile.ZipFile(path) as z:
        charts = sorted(n for n in z.namelist()
                        if re.match(r"xl/charts/chart\d+\.xml$", n))
        eq(len(charts), 8, "chart parts")
        kinds = []
        for n in charts[:4]:
            xml = z.read(n).decode("utf-8")
            if "<c:pieChart>" in xml:
                kinds.append("pie")
            elif "<c:lineChart>" in xml:
                kinds.append("line")
            elif '<c:grouping val="stacked"/>' in xml:
                kinds.append("stacked")
            elif "<c:barChart>" in xml:
                kinds.append("column")
            check("'2026年度集計'!$A$5:$A$8" in xml,
                  n + ": categories not from the table")
            check("游ゴシック" in xml, n + ": chart font")
        eq(kinds, ["column", "stacked", "pie", "line"], "chart types")
        # counts: whole steps, 0 to a round maximum, labels on the bars
        xml = z.read(charts[0]).decode("utf-8")
        check('<c:majorUnit val="5"/>' in xml, "column chart: major unit 5")
        check('<c:max val="35"/>' in xml and '<c:min val="0"/>' in xml,
              "column chart: axis 0 to 35")
        check('<c:showVal val="1"/>' in xml, "column chart: no labels")
        # the model's table, drawn as columns of rates 0% to 100%
        xml = z.read(charts[5]).decode("utf-8")
        check("'集計表'!$A$5:$A$7" in xml, "chart table: categories")
        check('<c:max val="1"/>' in xml and 'formatCode="0%"' in xml,
              "chart table: rates 0% to 100%")
        # item codes that would break as columns: horizontal bars, forty
        # of them in two parts of twenty, on the same axis
        for n, rows in ((charts[6], "$A$4:$A$23"), (charts[7], "$A$24:$A$43")):
            xml = z.read(n).decode("utf-8")
            check('<c:barDir val="bar"/>' in xml, n + ": long labels: bars")
            check("'項目別'!" + rows in xml, n + ": rows " + rows)
            check('<c:max val="1"/>' in xml, n + ": axis to 100%")


def main(argv):
    args = argv[1:]
    want_sample = False
    if args and args[0] == "--sample":
        want_sample = True
        args = args[1:]
    if len(args) != 1:
        print("usage: check_xlsx.py [--sample] FILE", file=sys.stderr)
        return 2
    path = args[0]
    wb = openpyxl.load_workbook(path)
    conventions(wb)
    if want_sample:
        sample(wb, path)
    for p in problems:
        print("check_xlsx: %s: %s" % (path, p))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
