#!/usr/bin/python3
"""Empty space left before a page that starts with a chart.

usage: check_chart_pages.py [--max PERCENT] [--report] FILE.pdf FILE.docx...
       (pairs: the PDF LibreOffice made of each .docx)

A native chart of a .docx that does not fit the rest of a page moves to
the next page whole, and so does what is kept with it (a caption, the
sentence that introduces it).  When more than that is pushed along, or
the chart is taller than it needs, the page before it is left with a
large empty space.  For every page of the PDF whose text starts with a
chart (its first line is a chart's title, or one of its first two lines
is, the line before it a caption kept with it), the empty space between
the last line of the page before and the foot of its text area, as a
share of the text area's height, must be at most PERCENT (25).  The
chart's title is read from the .docx's chart parts, the text area from
its w:pgMar and w:pgSz, the lines from 'pdftotext -bbox-layout'.

Prints one line per chart page ("page 3 (章別の適合率): 17 % empty
before"); with --report every one, else only those over the limit.
Exits 1 when one is over the limit, 2 on bad usage.
"""
import html
import re
import subprocess
import sys
import zipfile


def chart_titles(docx):
    """The titles of the .docx's charts, spaces removed."""
    titles = []
    with zipfile.ZipFile(docx) as z:
        names = sorted((n for n in z.namelist()
                        if re.match(r'word/charts/chart\d+\.xml$', n)),
                       key=lambda n: int(re.search(r'(\d+)\.xml$',
                                                   n).group(1)))
        for name in names:
            xml = z.read(name).decode('utf-8')
            m = re.search(r'<c:title>(.*?)</c:title>', xml, re.S)
            if not m:
                continue
            t = ''.join(re.findall(r'<a:t>([^<]*)</a:t>', m.group(1)))
            t = re.sub(r'\s+', '', html.unescape(t))
            if t:
                titles.append(t)
        doc = z.read('word/document.xml').decode('utf-8')
    return titles, doc


def twips(xml, tag, attr, default):
    m = re.search(r'<w:%s\b[^>]*\bw:%s="(\d+)"' % (tag, attr), xml)
    return int(m.group(1)) if m else default


def text_area(doc):
    """Top and bottom of the text area, in points from the page top."""
    sect = doc[doc.rfind('<w:sectPr'):]
    height = twips(sect, 'pgSz', 'h', 16838)
    width = twips(sect, 'pgSz', 'w', 11906)
    if re.search(r'<w:pgSz\b[^>]*w:orient="landscape"', sect):
        height = min(height, width)
    top = twips(sect, 'pgMar', 'top', 1440)
    bottom = twips(sect, 'pgMar', 'bottom', 1440)
    return top / 20.0, (height - bottom) / 20.0


def pages(pdf):
    """Per page, its lines as (yMin, yMax, text), top to bottom."""
    out = subprocess.run(['pdftotext', '-bbox-layout', pdf, '-'],
                         check=True, capture_output=True).stdout
    out = out.decode('utf-8', 'replace')
    result = []
    for page in re.findall(r'<page\b.*?</page>', out, re.S):
        lines = []
        for line in re.findall(r'<line\b[^>]*>.*?</line>', page, re.S):
            head = re.match(r'<line\b[^>]*>', line).group(0)
            y0 = float(re.search(r'yMin="([\d.]+)"', head).group(1))
            y1 = float(re.search(r'yMax="([\d.]+)"', head).group(1))
            words = re.findall(r'<word[^>]*>([^<]*)</word>', line)
            text = re.sub(r'\s+', '', html.unescape(''.join(words)))
            if text:
                lines.append((y0, y1, text))
        lines.sort()
        result.append(lines)
    return result


def starts_with(lines, titles):
    """The chart title the page starts with, or None."""
    for i, (_, _, text) in enumerate(lines[:2]):
        for t in titles:
            if text.startswith(t) or (len(text) >= 4 and t.startswith(text)):
                return t
        if i == 0 and len(text) > 40:
            break
    return None


def check(pdf, docx, limit, report):
    titles, doc = chart_titles(docx)
    top, foot = text_area(doc)
    height = foot - top
    bad = 0
    all_pages = pages(pdf)
    for n, lines in enumerate(all_pages):
        # the header and footer are outside the text area
        body = [ln for ln in lines if ln[0] >= top - 2 and ln[1] <= foot + 2]
        if n == 0 or not body:
            continue
        title = starts_with(body, titles)
        if title is None:
            continue
        prev = [ln for ln in all_pages[n - 1]
                if ln[0] >= top - 2 and ln[1] <= foot + 2]
        last = max((ln[1] for ln in prev), default=top)
        empty = max(0.0, (foot - last) / height * 100)
        over = empty > limit
        if over or report:
            print('%s: page %d (%s): %.0f %% empty before%s' %
                  (pdf, n + 1, title, empty,
                   ' (more than %g %%)' % limit if over else ''))
        bad |= over
    return bad


def main(argv):
    limit = 25.0
    report = False
    args = argv[1:]
    while args and args[0].startswith('--'):
        if args[0] == '--report':
            report = True
            args = args[1:]
        elif args[0] == '--max' and len(args) > 1:
            limit = float(args[1])
            args = args[2:]
        else:
            break
    if not args or len(args) % 2 != 0:
        print(__doc__.split('\n\n')[1], file=sys.stderr)
        return 2
    bad = 0
    for i in range(0, len(args), 2):
        bad |= check(args[i], args[i + 1], limit, report)
    return 1 if bad else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
