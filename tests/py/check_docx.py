#!/usr/bin/python3
"""Check .docx files written by lib/docx.c with an independent reader.

usage: check_docx.py FILE.docx...

Each FILE.docx is checked against FILE.docx.json, written by the test
that made it:

  {
    "paragraphs": ["...", ...],   non-empty body paragraphs, in order, exact
    "tables": [[["cell", ...], ...], ...],   text of every grid cell
    "header_rows": [1, ...],      rows marked to repeat, per table
    "merges": [[gridSpans, vMergeRestarts], ...],   per table
    "sections": [{"orientation": "portrait", "width_mm": 210,
                  "height_mm": 297, "margins_mm": [35, 30, 30, 30]}, ...],
    "core": {"title": "...", "author": "...", "created": "2026-04-20T00:00:00"},
    "header": "...",              text of the page header, or absent
    "footer_fields": ["PAGE", ...],   fields in the footer, in order
    "footer_text": "- 1 -"        the footer as shown before fields update
  }

Besides python-docx (Debian's python3-docx) it reads the package with
zipfile and ElementTree: every part must be well-formed XML with a content
type, and the body font must be 游明朝 10.5pt.  Prints one line per
problem and exits 1 if there was any.
"""

import json
import sys
import zipfile
import xml.etree.ElementTree as ET

import docx
from docx.enum.section import WD_ORIENT
from docx.shared import Mm

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
CT = "{http://schemas.openxmlformats.org/package/2006/content-types}"

problems = []


def problem(path, msg):
    problems.append("%s: %s" % (path, msg))


def check_package(path):
    with zipfile.ZipFile(path) as z:
        names = z.namelist()
        if names[0] != "[Content_Types].xml":
            problem(path, "first part is %r, not [Content_Types].xml" % names[0])
        types = ET.fromstring(z.read("[Content_Types].xml"))
        overrides = {o.get("PartName") for o in types.iter(CT + "Override")}
        defaults = {d.get("Extension") for d in types.iter(CT + "Default")}
        for name in names:
            ext = name.rsplit(".", 1)[-1]
            try:
                # embedded workbooks (.xlsx) of charts are not XML
                if ext in ("xml", "rels"):
                    ET.fromstring(z.read(name))
            except ET.ParseError as e:
                problem(path, "%s is not well-formed XML: %s" % (name, e))
            if "/" + name not in overrides and ext not in defaults:
                problem(path, "%s has no content type" % name)
        for part in overrides:
            if part[1:] not in names:
                problem(path, "content type for missing part %s" % part)
        styles = ET.fromstring(z.read("word/styles.xml"))
        fonts = styles.find("%sdocDefaults/%srPrDefault/%srPr/%srFonts" % (W, W, W, W))
        size = styles.find("%sdocDefaults/%srPrDefault/%srPr/%ssz" % (W, W, W, W))
        if fonts is None or fonts.get(W + "eastAsia") != "游明朝":
            problem(path, "body East Asian font is not 游明朝")
        if size is None or size.get(W + "val") != "21":
            problem(path, "body size is not 10.5pt")
        body = ET.fromstring(z.read("word/document.xml"))
        tables = body.iter(W + "tbl")
        merges = []
        heads = []
        for t in tables:
            spans = sum(1 for _ in t.iter(W + "gridSpan"))
            restarts = sum(1 for v in t.iter(W + "vMerge")
                           if v.get(W + "val") == "restart")
            merges.append([spans, restarts])
            n = 0
            for tr in t.findall(W + "tr"):
                if tr.find("%strPr/%stblHeader" % (W, W)) is None:
                    break
                n += 1
            heads.append(n)
        return merges, heads


def mm(length):
    return round(length / Mm(1))


def same_cells(got, want):
    """A row's cells as given, but for the line breaks the writer adds
    where a cell's text breaks well (a name, a list after its ・, a last
    line that would hold one or two characters): none taken away."""
    if len(got) != len(want):
        return False
    for g, w in zip(got, want):
        if g != w and (g.replace("\n", "") != w.replace("\n", "") or
                       g.count("\n") <= w.count("\n")):
            return False
    return True


def check(path):
    with open(path + ".json", encoding="utf-8") as f:
        want = json.load(f)
    merges, heads = check_package(path)
    d = docx.Document(path)

    got = [p.text for p in d.paragraphs if p.text != ""]
    # the writer's own line breaks in a hanging item's text (hang_break())
    if "paragraphs" in want and len(got) == len(want["paragraphs"]) and \
            same_cells(got, want["paragraphs"]):
        got = list(want["paragraphs"])
    if "paragraphs" in want and got != want["paragraphs"]:
        for i, (g, w) in enumerate(zip(got, want["paragraphs"])):
            if g != w:
                problem(path, "paragraph %d is %r, expected %r" % (i + 1, g, w))
                break
        if len(got) != len(want["paragraphs"]):
            problem(path, "%d paragraphs, expected %d" % (len(got), len(want["paragraphs"])))

    if "tables" in want:
        if len(d.tables) != len(want["tables"]):
            problem(path, "%d tables, expected %d" % (len(d.tables), len(want["tables"])))
        for i, (t, wt) in enumerate(zip(d.tables, want["tables"])):
            cells = [[c.text for c in row.cells] for row in t.rows]
            if len(cells) != len(wt):
                problem(path, "table %d has %d rows, expected %d" % (i + 1, len(cells), len(wt)))
            for r, (g, w) in enumerate(zip(cells, wt)):
                if not same_cells(g, w):
                    problem(path, "table %d row %d is %r, expected %r" % (i + 1, r + 1, g, w))
                    break
    if "header_rows" in want and heads != want["header_rows"]:
        problem(path, "header rows %r, expected %r" % (heads, want["header_rows"]))
    if "merges" in want and merges != want["merges"]:
        problem(path, "merges (gridSpan, vMerge restart) %r, expected %r"
                % (merges, want["merges"]))

    if "sections" in want:
        if len(d.sections) != len(want["sections"]):
            problem(path, "%d sections, expected %d" % (len(d.sections), len(want["sections"])))
        for i, (s, ws) in enumerate(zip(d.sections, want["sections"])):
            orient = "landscape" if s.orientation == WD_ORIENT.LANDSCAPE else "portrait"
            size = [mm(s.page_width), mm(s.page_height)]
            margins = [mm(s.top_margin), mm(s.right_margin),
                       mm(s.bottom_margin), mm(s.left_margin)]
            if orient != ws["orientation"]:
                problem(path, "section %d is %s" % (i + 1, orient))
            if size != [ws["width_mm"], ws["height_mm"]]:
                problem(path, "section %d page is %r mm" % (i + 1, size))
            if margins != ws["margins_mm"]:
                problem(path, "section %d margins are %r mm" % (i + 1, margins))

    core = d.core_properties
    wc = want.get("core", {})
    if "title" in wc and core.title != wc["title"]:
        problem(path, "title is %r" % core.title)
    if "author" in wc and core.author != wc["author"]:
        problem(path, "author is %r" % core.author)
    if "created" in wc:
        created = core.created.isoformat() if core.created else None
        if created != wc["created"]:
            problem(path, "created is %r" % created)

    sec = d.sections[-1]
    if "header" in want:
        text = "\n".join(p.text for p in sec.header.paragraphs)
        if sec.header.is_linked_to_previous or text != want["header"]:
            problem(path, "header is %r" % text)
    if "footer_fields" in want:
        ftr = sec.footer
        fields = [e.text.strip() for e in ftr._element.iter(W + "instrText")]
        if fields != want["footer_fields"]:
            problem(path, "footer fields %r" % fields)
        text = "".join(p.text for p in ftr.paragraphs)
        if text != want.get("footer_text", text):
            problem(path, "footer shows %r" % text)


def main():
    if len(sys.argv) < 2:
        sys.stderr.write("usage: check_docx.py FILE.docx...\n")
        return 2
    for path in sys.argv[1:]:
        try:
            check(path)
        except Exception as e:  # a file python-docx cannot read is a failure
            problem(path, "%s: %s" % (type(e).__name__, e))
    for p in problems:
        print(p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
