#!/usr/bin/python3
"""Check the charts and presentations of lib/office with independent readers.

usage: check_office.py charts FILE...     native charts of a .docx or .pptx
       check_office.py pptx FILE...       a presentation, structure and all

Each FILE is checked against FILE.json, written by the test that made it:

  {
    "charts": [                      in the order of the chart parts
      {"title": "...", "categories": ["..."],
       "series": [{"name": "...", "values": [1, null, ...]}]}
    ],
    "slides": [                      pptx only, in order
      {"title": "...",               the title placeholder's text
       "texts": ["..."],             paragraphs that must be on the slide
       "table": [["head", ...], ["cell", ...]],   the table's rows
       "chart": 1,                   the chart part it shows
       "notes": "..."}               its speaker notes (lines joined by \\n)
    ]
  }

Any package: every part is in the zip with a content type, every content
type names a part that is there, every XML part is well-formed, every
internal relationship's target is in the package.  A chart's cached
categories, series names and values equal the JSON, and so do the cells
of its embedded workbook, opened with openpyxl: series names in row 1
from B, categories in column A from row 2.  A presentation: 16:9, slide
ids unique and ≥ 256, every slide in the presentation's relationships,
every shape inside the slide, the texts, tables and notes as expected.
Prints one line per problem and exits 1 if there was any.
"""

import io
import json
import math
import posixpath
import sys
import zipfile
import xml.etree.ElementTree as ET

import openpyxl

CT = "{http://schemas.openxmlformats.org/package/2006/content-types}"
PR = "{http://schemas.openxmlformats.org/package/2006/relationships}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
C = "{http://schemas.openxmlformats.org/drawingml/2006/chart}"
P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"

problems = []


def problem(path, msg):
    problems.append("%s: %s" % (path, msg))


def rels_name(part):
    d, f = posixpath.split(part)
    return posixpath.join(d, "_rels", f + ".rels")


def rels(z, part):
    """{Id: (Type, resolved target or None if external)} of a part."""
    name = rels_name(part) if part else "_rels/.rels"
    if name not in z.namelist():
        return {}
    out = {}
    base = posixpath.dirname(part) if part else ""
    for r in ET.fromstring(z.read(name)).iter(PR + "Relationship"):
        t = r.get("Target")
        if r.get("TargetMode") == "External":
            out[r.get("Id")] = (r.get("Type"), None)
        elif t.startswith("/"):
            out[r.get("Id")] = (r.get("Type"), t[1:])
        else:
            out[r.get("Id")] = (r.get("Type"),
                                posixpath.normpath(posixpath.join(base, t)))
    return out


def check_package(path, z):
    names = z.namelist()
    if len(names) != len(set(names)):
        problem(path, "a part is in the zip twice")
    if names[0] != "[Content_Types].xml":
        problem(path, "first part is %r" % names[0])
    types = ET.fromstring(z.read("[Content_Types].xml"))
    overrides = {o.get("PartName")[1:]: o.get("ContentType")
                 for o in types.iter(CT + "Override")}
    defaults = {d.get("Extension"): d.get("ContentType")
                for d in types.iter(CT + "Default")}
    for part in overrides:
        if part not in names:
            problem(path, "content type for missing part /%s" % part)
    for name in names:
        ext = name.rsplit(".", 1)[-1]
        if name != "[Content_Types].xml" and name not in overrides \
                and ext not in defaults:
            problem(path, "%s has no content type" % name)
        if ext in ("xml", "rels"):
            try:
                ET.fromstring(z.read(name))
            except ET.ParseError as e:
                problem(path, "%s is not well-formed XML: %s" % (name, e))
    for name in names:
        if not name.endswith(".rels"):
            continue
        d = posixpath.dirname(posixpath.dirname(name))
        src = posixpath.join(d, posixpath.basename(name)[:-5]) \
            if name != "_rels/.rels" else ""
        if src and src not in names:
            problem(path, "%s belongs to no part" % name)
        for rid, (typ, target) in rels(z, src).items():
            if target is not None and target not in names:
                problem(path, "%s %s points to missing %s" % (name, rid, target))
    return overrides


def text_of(el):
    return "".join(t.text or "" for t in el.iter(A + "t"))


def cache(el):
    pts = {}
    n = int(el.find(C + "ptCount").get("val"))
    for pt in el.findall(C + "pt"):
        pts[int(pt.get("idx"))] = pt.find(C + "v").text
    return [pts.get(i) for i in range(n)]


def same(a, b):
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(float(a), float(b), rel_tol=1e-12, abs_tol=1e-12)


def chart_parts(z, overrides):
    ct = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml"
    parts = [p for p, t in overrides.items() if t == ct]
    return sorted(parts, key=lambda p: int("".join(c for c in p if c.isdigit())
                                          or 0))


def check_chart(path, z, part, want):
    where = "%s (%s)" % (part, want.get("title"))
    space = ET.fromstring(z.read(part))
    title = space.find("%schart/%stitle" % (C, C))
    if title is not None and text_of(title) != want["title"]:
        problem(path, "%s: title %r" % (where, text_of(title)))
    sers = list(space.iter(C + "ser"))
    # Horizontal bars on a natural (minMax) category axis are stored in
    # reverse, categories and series, to read top-down in the model's
    # order (chart_dml_model()): compare them in the model's order.
    bar = space.find(".//%sbarDir" % C)
    orient = space.find(".//%scatAx/%sscaling/%sorientation" % (C, C, C))
    grouping = space.find(".//%sbarChart/%sgrouping" % (C, C))
    rev = bar is not None and bar.get("val") == "bar" and \
        orient is not None and orient.get("val") == "minMax" and \
        grouping is not None and grouping.get("val") == "clustered"
    if rev:
        sers.reverse()
    if len(sers) != len(want["series"]):
        problem(path, "%s: %d series, want %d" % (where, len(sers),
                                                  len(want["series"])))
        return
    for ser, ws in zip(sers, want["series"]):
        name = cache(ser.find("%stx/%sstrRef/%sstrCache" % (C, C, C)))
        if name != [ws["name"]]:
            problem(path, "%s: series name %r" % (where, name))
        cats = cache(ser.find("%scat/%sstrRef/%sstrCache" % (C, C, C)))
        vals = cache(ser.find("%sval/%snumRef/%snumCache" % (C, C, C)))
        if rev:
            cats.reverse()
            vals.reverse()
        if cats != want["categories"]:
            problem(path, "%s: categories %r" % (where, cats))
        if len(vals) != len(ws["values"]) or \
                not all(same(a, b) for a, b in zip(vals, ws["values"])):
            problem(path, "%s: cached values %r, want %r"
                    % (where, vals, ws["values"]))
    # The embedded workbook holds the same data.
    ext = space.find(C + "externalData")
    if ext is None:
        problem(path, "%s: no embedded workbook" % where)
        return
    target = rels(z, part).get(ext.get(R + "id"), (None, None))[1]
    if target is None or target not in z.namelist():
        problem(path, "%s: embedded workbook %r missing" % (where, target))
        return
    wb = openpyxl.load_workbook(io.BytesIO(z.read(target)))
    ws = wb["Sheet1"]
    n = len(want["categories"])
    rows = list(range(2, n + 2))
    if rev:
        rows.reverse()
    cats = [ws.cell(r, 1).value for r in rows]
    if cats != want["categories"]:
        problem(path, "%s: workbook categories %r" % (where, cats))
    m = len(want["series"])
    for i, s in enumerate(want["series"]):
        col = (m - 1 - i if rev else i) + 2
        if ws.cell(1, col).value != s["name"]:
            problem(path, "%s: workbook series %d named %r"
                    % (where, i + 1, ws.cell(1, col).value))
        vals = [ws.cell(r, col).value for r in rows]
        if not all(same(a, b) for a, b in zip(vals, s["values"])):
            problem(path, "%s: workbook values %r, want %r"
                    % (where, vals, s["values"]))


def check_charts(path, want, z, overrides):
    parts = chart_parts(z, overrides)
    wc = want.get("charts", [])
    if len(parts) != len(wc):
        problem(path, "%d chart parts, want %d" % (len(parts), len(wc)))
    for part, w in zip(parts, wc):
        check_chart(path, z, part, w)


def check_pptx(path, want, z):
    pres = "ppt/presentation.xml"
    root = ET.fromstring(z.read(pres))
    sz = root.find(P + "sldSz")
    cx, cy = int(sz.get("cx")), int(sz.get("cy"))
    if abs(cx / cy - 16 / 9) > 0.01:
        problem(path, "slides are %d x %d EMU, not 16:9" % (cx, cy))
    prels = rels(z, pres)
    ids = [int(s.get("id")) for s in root.iter(P + "sldId")]
    if len(ids) != len(set(ids)) or any(i < 256 for i in ids):
        problem(path, "slide ids %r" % ids)
    slides = []
    for s in root.iter(P + "sldId"):
        typ, target = prels.get(s.get(R + "id"), (None, None))
        if typ is None or not typ.endswith("/slide"):
            problem(path, "slide id %s has no slide relationship" % s.get("id"))
            continue
        slides.append(target)
    for m in root.iter(P + "sldMasterId"):
        if int(m.get("id")) < 2147483648:
            problem(path, "master id %s" % m.get("id"))
    ws = want.get("slides", [])
    if len(slides) != len(ws):
        problem(path, "%d slides, want %d" % (len(slides), len(ws)))
    charts = chart_parts(z, check_package_types(z))
    for i, (part, w) in enumerate(zip(slides, ws)):
        where = "slide %d" % (i + 1)
        sl = ET.fromstring(z.read(part))
        srels = rels(z, part)
        layouts = [t for t, _ in srels.values() if t.endswith("/slideLayout")]
        if len(layouts) != 1:
            problem(path, "%s: %d layouts" % (where, len(layouts)))
        title = None
        texts = []
        for sp in sl.iter(P + "sp"):
            ph = sp.find("%snvSpPr/%snvPr/%sph" % (P, P, P))
            paras = ["".join(t.text or "" for t in p.iter(A + "t"))
                     for p in sp.iter(A + "p")]
            if ph is not None and ph.get("type") in ("title", "ctrTitle"):
                title = "\n".join(paras)
            elif ph is None or ph.get("type") != "sldNum":
                texts.extend(paras)
        if title != w.get("title"):
            problem(path, "%s: title %r, want %r" % (where, title, w.get("title")))
        for t in w.get("texts", []):
            if t not in texts:
                problem(path, "%s: no paragraph %r in %r" % (where, t, texts))
        # Every shape and frame inside the slide.
        for xfrm in list(sl.iter(A + "xfrm")) + list(sl.iter(P + "xfrm")):
            off, ext = xfrm.find(A + "off"), xfrm.find(A + "ext")
            if off is None or ext is None:
                continue
            x, y = int(off.get("x")), int(off.get("y"))
            w_, h = int(ext.get("cx")), int(ext.get("cy"))
            if x < 0 or y < 0 or x + w_ > cx or y + h > cy:
                problem(path, "%s: a shape at %d,%d size %d x %d is off the "
                        "slide" % (where, x, y, w_, h))
        tables = list(sl.iter(A + "tbl"))
        if "table" in w:
            if len(tables) != 1:
                problem(path, "%s: %d tables" % (where, len(tables)))
            else:
                rows = [[text_of(tc) for tc in tr.findall(A + "tc")]
                        for tr in tables[0].findall(A + "tr")]
                if rows != w["table"]:
                    problem(path, "%s: table %r, want %r" % (where, rows, w["table"]))
                grid = [int(g.get("w")) for g in tables[0].iter(A + "gridCol")]
                frame = [f for f in sl.iter(P + "graphicFrame")
                         if f.find(".//" + A + "tbl") is not None][0]
                fw = int(frame.find("%sxfrm/%sext" % (P, A)).get("cx"))
                if sum(grid) != fw:
                    problem(path, "%s: columns %d wide in a frame of %d"
                            % (where, sum(grid), fw))
        elif tables:
            problem(path, "%s: an unexpected table" % where)
        crel = [t for t, tg in srels.values() if t.endswith("/chart")]
        if "chart" in w:
            tg = [tg for t, tg in srels.values() if t.endswith("/chart")]
            part_ = charts[w["chart"] - 1] if 0 < w["chart"] <= len(charts) \
                else None
            if tg != [part_]:
                problem(path, "%s: chart %r, want part %d" % (where, tg, w["chart"]))
        elif crel:
            problem(path, "%s: an unexpected chart" % where)
        notes = [tg for t, tg in srels.values() if t.endswith("/notesSlide")]
        if "notes" in w:
            if len(notes) != 1:
                problem(path, "%s: no notes" % where)
            else:
                ns = ET.fromstring(z.read(notes[0]))
                body = [sp for sp in ns.iter(P + "sp")
                        if sp.find("%snvSpPr/%snvPr/%sph" % (P, P, P)).get("type")
                        == "body"]
                got = "\n".join("".join(t.text or "" for t in p.iter(A + "t"))
                                for p in body[0].iter(A + "p")) if body else None
                if got != w["notes"]:
                    problem(path, "%s: notes %r, want %r" % (where, got, w["notes"]))
                back = [t for t, _ in rels(z, notes[0]).values()
                        if t.endswith("/notesMaster")]
                if len(back) != 1:
                    problem(path, "%s: notes without a notes master" % where)
        elif notes:
            problem(path, "%s: unexpected notes" % where)


def check_package_types(z):
    types = ET.fromstring(z.read("[Content_Types].xml"))
    return {o.get("PartName")[1:]: o.get("ContentType")
            for o in types.iter(CT + "Override")}


def main():
    if len(sys.argv) < 3 or sys.argv[1] not in ("charts", "pptx"):
        sys.stderr.write("usage: check_office.py charts|pptx FILE...\n")
        return 2
    for path in sys.argv[2:]:
        try:
            with open(path + ".json", encoding="utf-8") as f:
                want = json.load(f)
            with zipfile.ZipFile(path) as z:
                overrides = check_package(path, z)
                check_charts(path, want, z, overrides)
                if sys.argv[1] == "pptx":
                    check_pptx(path, want, z)
        except Exception as e:  # a file the readers cannot read is a failure
            problem(path, "%s: %s" % (type(e).__name__, e))
    for p in problems:
        print(p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
