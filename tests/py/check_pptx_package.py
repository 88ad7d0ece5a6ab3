#!/usr/bin/python3
"""Check .pptx packages the way PowerPoint opens them (issue 18).

usage: check_pptx_package.py [--min-pt N] FILE.pptx...

PowerPoint refuses ("needs to be repaired") what LibreOffice opens, so
this checks, without python-pptx, the parts it insists on:
  - the zip reads back, every .xml and .rels part is well-formed;
  - [Content_Types].xml gives every part a type (an Override or a
    Default for its extension), and the main parts theirs;
  - every relationship of every .rels file has a unique id and, unless
    external, a target that is a part of the package;
  - presentation.xml: slide ids unique and in 256..2147483647, slide
    master and layout ids unique and at least 2147483648 (one number
    space), every r:id a relationship of the right type, every slide
    part listed once;
  - in every slide, shape ids unique;
  - no text on a slide or a chart below --min-pt points (12 by default):
    every sz="..." of a slide and a chart part.
With python-pptx installed (/usr/bin/python3 -c 'import pptx'), each
file is also opened with it and every shape of every slide read.
Prints one line per problem and exits 1 if there is any.
"""
import posixpath
import re
import sys
import zipfile
from xml.etree import ElementTree as ET

NS = {
    "ct": "http://schemas.openxmlformats.org/package/2006/content-types",
    "rel": "http://schemas.openxmlformats.org/package/2006/relationships",
    "p": "http://schemas.openxmlformats.org/presentationml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/"
         "relationships",
}
R_ID = "{%s}id" % NS["r"]
PML = "application/vnd.openxmlformats-officedocument.presentationml."
MAIN_TYPES = {
    "ppt/presentation.xml": (PML + "presentation.main+xml",
                             PML + "template.main+xml"),
}
problems = []


def problem(path, msg):
    problems.append("%s: %s" % (path, msg))


def rels_of(part):
    d, f = posixpath.split(part)
    return posixpath.join(d, "_rels", f + ".rels")


def resolve(source, target):
    if target.startswith("/"):
        return target[1:]
    base = posixpath.dirname(source)
    return posixpath.normpath(posixpath.join(base, target))


def check(path, min_sz):
    try:
        z = zipfile.ZipFile(path)
    except (OSError, zipfile.BadZipFile) as e:
        problem(path, "not a zip: %s" % e)
        return
    bad = z.testzip()
    if bad is not None:
        problem(path, "corrupt member %s" % bad)
    names = [n for n in z.namelist() if not n.endswith("/")]
    if len(set(names)) != len(names):
        problem(path, "a part twice in the zip")
    parts = set(names)
    xml = {}
    for n in names:
        if n.endswith(".xml") or n.endswith(".rels"):
            try:
                xml[n] = ET.fromstring(z.read(n))
            except ET.ParseError as e:
                problem(path, "%s: not well-formed: %s" % (n, e))
    ct = xml.get("[Content_Types].xml")
    if ct is None:
        problem(path, "no [Content_Types].xml")
        return
    defaults = {e.get("Extension", "").lower(): e.get("ContentType")
                for e in ct.findall("ct:Default", NS)}
    overrides = {}
    for e in ct.findall("ct:Override", NS):
        name = e.get("PartName", "").lstrip("/")
        if name in overrides:
            problem(path, "content type of %s given twice" % name)
        overrides[name] = e.get("ContentType")
        if name not in parts:
            problem(path, "content type for a missing part %s" % name)
    for n in names:
        if n == "[Content_Types].xml":
            continue
        ext = n.rsplit(".", 1)[-1].lower() if "." in n else ""
        if n not in overrides and ext not in defaults:
            problem(path, "%s has no content type" % n)
    for n, want in MAIN_TYPES.items():
        if overrides.get(n) not in want:
            problem(path, "%s: content type %r" % (n, overrides.get(n)))
    for n in names:
        if re.fullmatch(r"ppt/slides/slide\d+\.xml", n) and \
                overrides.get(n) != PML + "slide+xml":
            problem(path, "%s: content type %r" % (n, overrides.get(n)))

    # relationships
    rels = {}
    if "_rels/.rels" not in xml:
        problem(path, "no _rels/.rels")
    for n, root in xml.items():
        if not n.endswith(".rels"):
            continue
        d = posixpath.dirname(posixpath.dirname(n))
        source = posixpath.join(d, posixpath.basename(n)[:-5])
        ids = {}
        for e in root.findall("rel:Relationship", NS):
            rid, target = e.get("Id"), e.get("Target", "")
            if rid in ids:
                problem(path, "%s: relationship id %s twice" % (n, rid))
            ext = e.get("TargetMode") == "External"
            full = None if ext else resolve(source, target)
            ids[rid] = (e.get("Type", ""), full)
            if not ext and full not in parts:
                problem(path, "%s: %s points to missing %s" % (n, rid,
                                                               full))
        rels[source] = ids

    pres = xml.get("ppt/presentation.xml")
    if pres is None:
        problem(path, "no ppt/presentation.xml")
        return
    prels = rels.get("ppt/presentation.xml", {})
    slide_ids, listed = [], []
    for e in pres.iter("{%s}sldId" % NS["p"]):
        slide_ids.append(int(e.get("id", "0")))
        t = prels.get(e.get(R_ID))
        if t is None or not t[0].endswith("/slide"):
            problem(path, "slide id %s: r:id %s is no slide relationship"
                    % (e.get("id"), e.get(R_ID)))
        else:
            listed.append(t[1])
    if len(set(slide_ids)) != len(slide_ids):
        problem(path, "slide ids not unique: %r" % slide_ids)
    if any(i < 256 or i >= 2147483648 for i in slide_ids):
        problem(path, "slide ids out of 256..2147483647: %r" % slide_ids)
    slides = sorted(n for n in names
                    if re.fullmatch(r"ppt/slides/slide\d+\.xml", n))
    if sorted(listed) != slides or len(set(listed)) != len(listed):
        problem(path, "slides listed %r, in the package %r" % (listed,
                                                               slides))
    big = []
    for e in pres.iter("{%s}sldMasterId" % NS["p"]):
        big.append(int(e.get("id", "0")))
        t = prels.get(e.get(R_ID))
        if t is None or not t[0].endswith("/slideMaster"):
            problem(path, "slide master r:id %s" % e.get(R_ID))
            continue
        master = xml.get(t[1])
        mrels = rels.get(t[1], {})
        for l in master.iter("{%s}sldLayoutId" % NS["p"]) \
                if master is not None else []:
            big.append(int(l.get("id", "0")))
            lt = mrels.get(l.get(R_ID))
            if lt is None or not lt[0].endswith("/slideLayout"):
                problem(path, "%s: layout r:id %s" % (t[1], l.get(R_ID)))
    if len(set(big)) != len(big) or any(i < 2147483648 for i in big):
        problem(path, "slide master and layout ids %r: not unique or "
                "below 2147483648" % big)

    # slides: shape ids, text sizes; charts: text sizes
    for n in slides:
        root = xml.get(n)
        if root is None:
            continue
        ids = [e.get("id") for e in root.iter("{%s}cNvPr" % NS["p"])]
        if len(set(ids)) != len(ids):
            problem(path, "%s: shape ids not unique %r" % (n, ids))
    for n in names:
        if re.fullmatch(r"ppt/(slides/slide|charts/chart)\d+\.xml", n):
            sizes = [int(s) for s in re.findall(r'\bsz="(\d+)"',
                                                z.read(n).decode())]
            small = [s for s in sizes if s < min_sz * 100]
            if small:
                problem(path, "%s: text of %gpt, below %dpt" %
                        (n, min(small) / 100, min_sz))

    try:
        import pptx  # noqa: F401
    except ImportError:
        return
    try:
        deck = pptx.Presentation(path)
        for s in deck.slides:
            for sh in s.shapes:
                _ = sh.shape_type, sh.name
                if sh.has_text_frame:
                    _ = sh.text_frame.text
    except Exception as e:  # noqa: BLE001 -- any failure is the finding
        problem(path, "python-pptx cannot read it: %r" % e)


def main():
    args = sys.argv[1:]
    min_sz = 12
    if len(args) >= 2 and args[0] == "--min-pt":
        min_sz = int(args[1])
        args = args[2:]
    if not args:
        sys.stderr.write(__doc__.split("\n\n")[1] + "\n")
        return 2
    for a in args:
        check(a, min_sz)
    for p in problems:
        print(p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
