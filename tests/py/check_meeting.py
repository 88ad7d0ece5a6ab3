#!/usr/bin/python3
"""Read the consult, meeting and issue documents back with independent
readers (python-docx, openpyxl) and check what a ward official would.

usage: check_meeting.py docx FILE TEXT...     every TEXT is in the document
       check_meeting.py nodocx FILE TEXT...   no TEXT is in the document
       check_meeting.py order FILE A B...     (docx) the texts appear in order
       check_meeting.py xlsx FILE TEXT...     every TEXT is in some cell
       check_meeting.py eradates FILE         (docx) every date in one style,
                                              the ward's 令和8年4月1日: no
                                              R8.4.1, 2026-04-01, 2026/4/1
       check_meeting.py noid FILE             no record id anywhere (.docx
                                              or .xlsx, properties included)
       check_meeting.py notice FILE           the 回答書 has the notice layout
       check_meeting.py issues FILE N OVERDUE the 課題管理表: N rows, OVERDUE
                                              of them filled; open first;
                                              filters, frozen header, A4
                                              landscape one page wide
       check_meeting.py sheet FILE            the 相談シート: locked but for
                                              the answers, hidden marker
       check_meeting.py linefit FILE WORD     (docx) in every paragraph
                                              with WORD, the line of it
                                              (between the writer's breaks)
                                              fits the paragraph's width,
                                              so Word never breaks it: 担当
                                              and the name stay together
       check_meeting.py breaks FILE...       (docx) every line the writer
                                              broke itself fits as
                                              LibreOffice fills it, or runs
                                              over by more than 4 characters
       check_meeting.py keeptail FILE WORD   (docx) from the paragraph
                                              with WORD on, each keeps
                                              with the next
       check_meeting.py fill FILE CELL=VALUE...  fill a 相談シート in as a
                                              division would (dates as
                                              YYYY-MM-DD become Excel dates)

Exits 1 naming what was wrong.
"""
import datetime
import re
import sys
import zipfile

ID = re.compile(r"\b[a-z]{2}-[0-9a-hjkmnp-tv-z]{8}\b")



from docxtext import cell_text  # noqa: E402 (beside this file)



def docx_paragraphs(path):
    import docx
    d = docx.Document(path)
    out = [p for p in d.paragraphs]
    return d, out


def docx_text(path):
    """Paragraphs and table cells in the order of the document."""
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph
    d = docx.Document(path)
    parts = []
    for child in d.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            parts.append(Paragraph(child, d).text)
        elif tag == "tbl":
            for row in Table(child, d).rows:
                for cell in row.cells:
                    parts.append(cell_text(cell))
    for s in d.sections:
        parts.extend(p.text for p in s.header.paragraphs)
        parts.extend(p.text for p in s.footer.paragraphs)
    cp = d.core_properties
    parts.extend([cp.title or "", cp.author or "", cp.subject or ""])
    return "\n".join(parts)


def xlsx_cells(path):
    import openpyxl
    wb = openpyxl.load_workbook(path)
    out = []
    for ws in wb.worksheets:
        out.append(ws.title)
        for row in ws.iter_rows():
            for c in row:
                if c.value is not None:
                    out.append(str(c.value))
                    # text the writer broke into lines, read as one
                    if isinstance(c.value, str) and "\n" in c.value:
                        out.append(c.value.replace("\n", ""))
        out.append(str(ws.oddHeader.center.text or ""))
    out.extend([wb.properties.title or "", wb.properties.creator or ""])
    return out


def text_of(path):
    if path.endswith(".xlsx"):
        return "\n".join(xlsx_cells(path))
    return docx_text(path)


def check_notice(path, problems):
    from docx.enum.text import WD_ALIGN_PARAGRAPH as A
    _, paras = docx_paragraphs(path)
    ps = [p for p in paras if p.text.strip()]
    right = (A.RIGHT,)
    # the document number, where the sender has one (a contractor's
    # answer without its own number has none)
    if re.match(r"^令和(元|\d+)年\d+月\d+日$", ps[0].text):
        ps.insert(0, ps[0])
    elif not re.match(r"^.*第.*号$", ps[0].text) or \
            ps[0].alignment not in right:
        problems.append("first line is not the right-aligned document "
                        "number: %r" % ps[0].text)
    if not re.match(r"^令和(元|\d+)年\d+月\d+日$", ps[1].text) or \
            ps[1].alignment not in right:
        problems.append("second line is not the right-aligned 令和 date: "
                        "%r" % ps[1].text)
    if not ps[2].text.endswith("様"):
        problems.append("third line is not the addressee: %r" % ps[2].text)
    if ps[3].alignment not in right:
        problems.append("the sender is not at the right: %r" % ps[3].text)
    titles = [p for p in ps if p.alignment == A.CENTER]
    if len(titles) < 2 or titles[-1].text != "記":
        problems.append("no centred title and 記")
    if ps[-2].text != "以上" or ps[-2].alignment not in right:
        problems.append("以上 is not at the right before the contact: %r"
                        % ps[-2].text)
    body = "\n".join(p.text for p in ps)
    if "「" not in body:
        problems.append("the question is not quoted")


def check_issues(path, n, overdue, problems):
    import openpyxl
    wb = openpyxl.load_workbook(path)
    ws = wb.worksheets[0]
    head = None
    for r in range(1, 10):
        if ws.cell(r, 1).value == "No.":
            head = r
            break
    if head is None:
        problems.append("no header row with No.")
        return
    want = ["No.", "課題", "起票日", "起票元", "担当", "期限", "状況",
            "対応内容", "完了日", "経過"]
    got = [ws.cell(head, c).value for c in range(1, 11)]
    if got != want:
        problems.append("header %r, want %r" % (got, want))
    rows = []
    r = head + 1
    while ws.cell(r, 2).value is not None:
        rows.append(r)
        r += 1
    if len(rows) != n:
        problems.append("%d rows, want %d" % (len(rows), n))
    status = [ws.cell(r, 7).value for r in rows]
    closed = [s == "完了" for s in status]
    if closed != sorted(closed):
        problems.append("open issues are not first: %r" % status)
    filled = []
    for r in rows:
        f = ws.cell(r, 2).fill
        color = f.fgColor.rgb if f is not None and f.fill_type == "solid" \
            else None
        if color not in (None, "00000000"):
            filled.append(r)
            due = ws.cell(r, 6).value
            if ws.cell(r, 7).value == "完了":
                problems.append("row %d is closed but highlighted" % r)
            if not isinstance(due, datetime.datetime):
                problems.append("row %d highlighted without a due date" % r)
    if len(filled) != overdue:
        problems.append("%d rows highlighted, want %d" % (len(filled),
                                                         overdue))
    for r in rows:
        for c in (3, 6, 9):
            v = ws.cell(r, c).value
            if v is not None and not isinstance(v, datetime.datetime):
                problems.append("%s%d is not a date: %r" %
                                ("ABCDEFGHIJ"[c - 1], r, v))
    if not ws.auto_filter.ref:
        problems.append("no filter")
    if ws.freeze_panes is None:
        problems.append("no frozen header")
    if ws.page_setup.orientation != "landscape":
        problems.append("not landscape: %r" % ws.page_setup.orientation)
    if str(ws.page_setup.paperSize) != "9":
        problems.append("not A4: %r" % ws.page_setup.paperSize)
    # fitToWidth is 1 when absent (ECMA-376 18.3.1.63)
    if not ws.sheet_properties.pageSetUpPr.fitToPage or \
            ws.page_setup.fitToWidth not in (None, 1, "1"):
        problems.append("not one page wide")
    if not ws.print_title_rows:
        problems.append("the header row does not repeat on every page")


def check_sheet(path, problems):
    import openpyxl
    wb = openpyxl.load_workbook(path)
    if "_form" not in wb.sheetnames:
        problems.append("no _form marker sheet")
        return
    if wb["_form"].sheet_state == "visible":
        problems.append("the marker sheet is visible")
    ws = wb["相談シート"]
    if not ws.protection.sheet:
        problems.append("the form is not protected")
    marker = {r[0].value: r[1].value for r in wb["_form"].iter_rows()
              if r[0].value}
    if marker.get("format") != "nerima-cio consult-sheet 1":
        problems.append("marker format %r" % marker.get("format"))
    for key in ("type", "org", "requester", "title", "question",
                "received", "due"):
        ref = marker.get(key)
        if ref is None:
            problems.append("marker has no %s" % key)
            continue
        if ws[ref].protection.locked:
            problems.append("%s (%s) is locked" % (key, ref))
    if ws["A1"].protection.locked is False:
        problems.append("A1 is not locked")
    if ws["C5"].protection.locked is False:
        problems.append("the examples are not locked")


def fill(path, pairs):
    import openpyxl
    wb = openpyxl.load_workbook(path)
    ws = wb["相談シート"]
    out = path
    for p in pairs:
        if p.startswith("out="):
            out = p[4:]
            continue
        cell, value = p.split("=", 1)
        try:
            value = datetime.datetime.strptime(value, "%Y-%m-%d")
        except ValueError:
            value = value.replace("\\n", "\n")
        ws[cell] = value
    wb.save(out)


W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def line_width(text, size):
    """The width of a line in twips as Word sets it: a full-width
    character is the font size, anything else half of it."""
    import unicodedata
    return sum(size * 20 * (1 if unicodedata.east_asian_width(ch) in
                            "FWA" else 0.5) for ch in text)


def para_lines(p):
    """A paragraph's lines as the writer broke them (w:br)."""
    lines, cur = [], ""
    for el in p.iter():
        if el.tag == W + "t":
            cur += el.text or ""
        elif el.tag == W + "br":
            lines.append(cur)
            cur = ""
    lines.append(cur)
    return lines


def page_text_area(path):
    """The document's body, its default font size (pt) and the width of
    its text area (twips, the page less its margins)."""
    import xml.etree.ElementTree as ET
    with zipfile.ZipFile(path) as z:
        doc = ET.fromstring(z.read("word/document.xml"))
        styles = ET.fromstring(z.read("word/styles.xml"))
    sz = styles.find(".//%sdocDefaults//%ssz" % (W, W))
    size = int(sz.get(W + "val")) / 2 if sz is not None else 10.5
    sect = doc.find(".//%ssectPr" % W)
    page = int(sect.find(W + "pgSz").get(W + "w"))
    mar = sect.find(W + "pgMar")
    return doc, size, page - int(mar.get(W + "left")) - int(mar.get(W + "right"))


def check_linefit(path, word, problems):
    doc, size, width = page_text_area(path)
    seen = 0
    for p in doc.iter(W + "p"):
        ind = p.find("%spPr/%sind" % (W, W))
        left = int(ind.get(W + "left", "0")) if ind is not None else 0
        lines = para_lines(p)
        for ln in lines:
            if word not in ln:
                continue
            seen += 1
            if line_width(ln, size) > width - left:
                problems.append("%r is %d twips wide, the paragraph %d: "
                                "Word breaks it" % (ln, line_width(ln, size),
                                                    width - left))
    if not seen:
        problems.append("no paragraph with %r" % word)


def fill_width(text, size):
    """The width of a line in twips as LibreOffice fills it: a half-width
    character 0.6 of the font size (the digits and Latin letters of the
    fonts are wider than half), and a quarter of it where Japanese meets
    a Latin letter or digit (autoSpaceDE/DN)."""
    import unicodedata
    w, prev = 0.0, None
    for ch in text:
        wide = unicodedata.east_asian_width(ch) in "FWA"
        w += size * 20 * (1 if wide else 0.6)
        if prev is not None and ((wide and prev.isascii() and
                                  prev.isalnum()) or
                                 (ch.isascii() and ch.isalnum() and
                                  unicodedata.east_asian_width(prev)
                                  in "FWA")):
            w += size * 20 * 0.25
        prev = ch
    return w


def check_breaks(path, problems):
    """Every line the writer broke itself (a paragraph with w:br) fits
    its line as LibreOffice fills it: a title it judged to fit does not
    leave a character or two on a line of their own (「…戸籍住民／課」)
    nor a long one wrap inside a word (「…帳／票改修」),
    and a bracket it kept whole (（報告期間 …）) is not broken inside."""
    doc, size, width = page_text_area(path)
    for p in doc.iter(W + "p"):
        ind = p.find("%spPr/%sind" % (W, W))
        left = int(ind.get(W + "left", "0")) if ind is not None else 0
        hang = int(ind.get(W + "hanging", "0")) if ind is not None else 0
        lines = para_lines(p)
        cur = lines[-1]
        # and the events the writer judged to fit on one line
        if len(lines) < 2 and "報告期間" not in cur and \
                not re.search(r"令和\d+年\d+月\d+日[ 　]\S+　", cur):
            continue
        for i, ln in enumerate(lines):
            room = width - left + (hang if i == 0 else 0)
            over = fill_width(ln, size) - room
            # a title just over leaves its last characters alone; a
            # long one breaks inside a word (「…帳／票改修」): the writer
            # breaks it at its phrases (stop 42)
            if over > 0:
                problems.append("%s: %r is %d twips wide as LibreOffice "
                                "fills it, the line %d: it wraps" %
                                (path, ln, fill_width(ln, size), room))


def check_keeptail(path, word, problems):
    """From the last paragraph with word to the document's end,
    every paragraph but the last keeps with the next: a short closing
    block (決定事項 … 以上 （記録）, 【配付資料】 … 【次回】) goes to a page
    whole, never its last line or two alone."""
    import xml.etree.ElementTree as ET
    with zipfile.ZipFile(path) as z:
        doc = ET.fromstring(z.read("word/document.xml"))
    paras = list(doc.find(W + "body").iter(W + "p"))
    texts = ["".join(t.text or "" for t in p.iter(W + "t")) for p in paras]
    start = [i for i, t in enumerate(texts) if word in t]
    if not start:
        problems.append("no paragraph with %r" % word)
        return
    for i in range(start[-1], len(paras) - 1):
        if paras[i].find("%spPr/%skeepNext" % (W, W)) is None:
            problems.append("%r does not keep with the next paragraph" %
                            texts[i])


def main(argv):
    if len(argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    mode, path, rest = argv[1], argv[2], argv[3:]
    problems = []
    if mode in ("docx", "xlsx"):
        text = text_of(path)
        # the writer breaks long text at a space too, dropping it:
        # compared without white space as well
        flat = re.sub(r"\s", "", text)
        missing = [w for w in rest if w not in text and
                   re.sub(r"\s", "", w) not in flat]
        if missing:
            print(text, file=sys.stderr)
            problems.append("missing: %s" % ", ".join(missing))
    elif mode == "nodocx":
        text = text_of(path)
        found = [w for w in rest if w in text]
        if found:
            problems.append("should not be there: %s" % ", ".join(found))
    elif mode == "order":
        text = docx_text(path)
        pos = 0
        for w in rest:
            i = text.find(w, pos)
            if i < 0:
                problems.append("%r not found in order" % w)
                print(text, file=sys.stderr)
                break
            pos = i + len(w)
    elif mode == "eradates":
        text = docx_text(path)
        other = re.findall(r"(?<![\w.])(?:R\d{1,2}\.\d{1,2}\.\d{1,2}|"
                           r"20\d\d[-/]\d{1,2}[-/]\d{1,2})", text)
        if other:
            problems.append("dates not written 令和N年M月D日: %s" %
                            ", ".join(sorted(set(other))[:5]))
        elif not re.search(r"令和\d+年\d+月\d+日", text):
            problems.append("no date written 令和N年M月D日")
    elif mode == "noid":
        text = text_of(path)
        with zipfile.ZipFile(path) as z:
            for name in z.namelist():
                if name.endswith(".xml"):
                    text += z.read(name).decode("utf-8", "replace")
        ids = sorted(set(ID.findall(text)))
        if ids:
            problems.append("record ids in the document: %s" % ", ".join(ids))
    elif mode == "notice":
        check_notice(path, problems)
    elif mode == "issues":
        check_issues(path, int(rest[0]), int(rest[1]), problems)
    elif mode == "sheet":
        check_sheet(path, problems)
    elif mode == "linefit":
        check_linefit(path, rest[0], problems)
    elif mode == "breaks":
        for f in [path] + rest:
            check_breaks(f, problems)
    elif mode == "keeptail":
        check_keeptail(path, rest[0], problems)
    elif mode == "fill":
        fill(path, rest)
    else:
        print(__doc__, file=sys.stderr)
        return 2
    for p in problems:
        print("%s: %s" % (path, p), file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
