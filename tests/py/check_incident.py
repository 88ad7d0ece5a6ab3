#!/usr/bin/python3
"""Read incident records and documents back with independent readers.

usage: check_incident.py timeline RECORD SEQ...
           the timeline's entries, in file order, have these seq numbers
       check_incident.py entry RECORD SEQ FIELD=VALUE...
           entry SEQ has these fields (dotted: check.recommendation,
           corrections.0.was, check.answers.zone -- an answer by question)
       check_incident.py field RECORD FIELD=VALUE...
           the record has these fields (dotted paths)
       check_incident.py docx FILE TEXT...
           every TEXT is in the document (paragraphs and tables), the
           document has no record id (in-/ca-xxxxxxxx), no placeholder
           (例示, （例）) and its dates are in 令和
       check_incident.py stats FILE N
           the statistics workbook: its sheets, a native chart on each of
           the six count sheets, N incidents listed with real dates, the
           category counts adding up to N
       check_incident.py months FILE N DATE
           the sheet 月別 gives figures for its first N months only: the
           months still to come are blank in the table (the chart draws
           no bar for them), and a note under the table says the
           counts run to DATE (令和8年11月30日); N 12: no such note

PyYAML, python-docx and openpyxl, not the C engine.  Non-breaking hyphens
(U+2011) in documents are read as hyphens.  Exits 1 naming what is wrong.
"""
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from docxtext import cell_text  # noqa: E402 (beside this file)

ID_RE = re.compile(r"\b(?:in|ca|rv|au|ck|tr|cs|mt|is|pi)-[0-9a-hjkmnp-tv-z]{8}\b")
ISO_RE = re.compile(r"\b20[0-9]{2}-[01][0-9]-[0-3][0-9]\b")


def load(path):
    import yaml

    class L(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
        pass
    # YAML 1.2 core: dates and times stay text, as the engine reads them.
    L.yaml_implicit_resolvers = {
        k: [r for r in v if r[0] != "tag:yaml.org,2002:timestamp"]
        for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()}
    with open(path, encoding="utf-8") as f:
        return yaml.load(f, Loader=L)


def dig(obj, path):
    for part in path.split("."):
        if isinstance(obj, list):
            if part.isdigit():
                obj = obj[int(part)]
                continue
            # an answer or a fired rule by its key
            hit = [x for x in obj if isinstance(x, dict) and
                   part in (x.get("question"), x.get("rule"))]
            if not hit:
                return None
            obj = hit[0].get("answer", hit[0].get("action"))
            continue
        if not isinstance(obj, dict) or part not in obj:
            return None
        obj = obj[part]
    return obj


def same(got, want):
    if isinstance(got, bool):
        return str(got).lower() == want
    return str(got) == want


def check_fields(obj, pairs, what):
    bad = []
    for p in pairs:
        k, _, v = p.partition("=")
        got = dig(obj, k)
        if not same(got, v):
            bad.append("%s: %s is %r, want %r" % (what, k, got, v))
    return bad


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
        parts.extend(p.text for p in s.footer.paragraphs)
    return "\n".join(parts).replace("\u2011", "-")


# A document for the ward reads as real: no "例示値" or "（例）" left from
# a sample catalog or config.
PLACEHOLDER_RE = re.compile(r"例示|（例）")


def placeholders(path, text):
    return ["%s: placeholder %r in %r" % (path, m.group(0),
            text[max(0, m.start() - 20):m.end() + 20])
            for m in PLACEHOLDER_RE.finditer(text)]


def check_docx(path, want):
    text = docx_text(path)
    # "!TEXT": TEXT must not be in the document
    bad = ["%s: no %r" % (path, w) for w in want
           if not w.startswith("!") and w not in text]
    bad += ["%s: should not have %r" % (path, w[1:]) for w in want
            if w.startswith("!") and w[1:] in text]
    for m in ID_RE.finditer(text):
        bad.append("%s: shows the record id %s" % (path, m.group(0)))
    for m in ISO_RE.finditer(text):
        bad.append("%s: an ISO date %s where 令和 is expected" %
                   (path, m.group(0)))
    # the criteria's rules as the ward reads them (基準2), never the
    # catalog's refs (該当した基準 tr-02)
    for m in re.finditer(r"(?<![A-Za-z0-9])(?:tr|rc)[-\u2011][0-9]{2}(?![0-9])",
                         text):
        bad.append("%s: a rule ref %r in %r" % (
            path, m.group(0), text[max(0, m.start() - 20):m.end() + 5]))
    # one date style: 令和8年7月17日 throughout, never a bare 7月17日
    # (the 報告 table's 状況 printed 報告済 7月17日 beside its 期限)
    for m in re.finditer(r"(?<![年0-9０-９])[0-9]{1,2}月[0-9]{1,2}日", text):
        bad.append("%s: a date without its year %r in %r" % (
            path, m.group(0), text[max(0, m.start() - 20):m.end() + 5]))
    if "令和" not in text:
        bad.append("%s: no 令和 date" % path)
    bad += placeholders(path, text)
    if bad:
        sys.stderr.write(text + "\n")
    return bad


# 部別 as its title and column say (its footer read 組織別)
SHEETS = ["一覧", "分類別", "月別", "重大度別", "部別", "個人情報", "対応時間"]


def check_stats(path, n):
    import datetime
    import openpyxl
    wb = openpyxl.load_workbook(path)
    bad = []
    # The worksheets, then one chart sheet per count sheet (charts print
    # whole on a page of their own).  個人情報 only where an incident
    # gives its 本人の数: without, it repeated 分類別 (review14).
    sheets = SHEETS if "個人情報" in wb.sheetnames else \
        [s for s in SHEETS if s != "個人情報"]
    if wb.sheetnames[:len(sheets)] != sheets:
        bad.append("sheets %r, want %r first" % (wb.sheetnames, sheets))
        return bad
    charts = [ws for ws in wb.chartsheets]
    # no chart of what the records do not give: 本人の数 where no
    # incident gives it (no 個人情報 sheet), the hours where none can be
    # computed (the sheet has no table)
    want = len(sheets) - 1
    if "個人情報" in wb.sheetnames:
        pi = [c for r in wb["個人情報"].iter_rows(max_row=6,
              values_only=True) for c in r]
        if not any(isinstance(c, str) and c.startswith("本人の数")
                   for c in pi):
            bad.append("個人情報 without a 本人の数 column")
    if "個人情報" not in wb.sheetnames:
        notes = [c for r in wb["分類別"].iter_rows(values_only=True)
                 for c in r if isinstance(c, str)]
        if not any(c.startswith(("個人情報を含む事故等は",
                                 "この年度の事故等の記録はない"))
                   for c in notes):
            bad.append("分類別 does not say what 個人情報 said: %r" % notes)
    if not any(c == "件名" for r in wb["対応時間"].iter_rows(
            max_row=6, values_only=True) for c in r):
        want -= 1
    if len(charts) != want:
        bad.append("%d chart sheets, want %d" % (len(charts), want))
    for cs in charts:
        if len(cs._charts) != 1:
            bad.append("chart sheet %s has %d charts, want 1" %
                       (cs.title, len(cs._charts)))
    ws = wb["一覧"]
    rows = [r for r in ws.iter_rows(min_row=4, values_only=True)
            if isinstance(r[0], (int, float))]
    if len(rows) != n:
        bad.append("一覧 lists %d incidents, want %d" % (len(rows), n))
    # by heading: a column empty in every row is left out
    col = list_columns(ws)
    for r in rows:
        if not isinstance(r[col["発生日"]], (datetime.date, datetime.datetime)):
            bad.append("一覧: 発生日 %r is not a date" % (r[col["発生日"]],))
        if ID_RE.search(" ".join(str(x) for x in r if x is not None)):
            bad.append("一覧 shows a record id: %r" % (r,))
    # every tally ends with its 計, which its rows add up to
    for name in ("分類別", "重大度別", "部別", "月別", "個人情報"):
        if name not in wb.sheetnames:
            continue
        body = [r for r in wb[name].iter_rows(min_row=4, values_only=True)
                if r[0] and isinstance(r[1], (int, float))]
        if not body or body[-1][0] != "計":
            bad.append("%s has no 計 row" % name)
            continue
        # (an incident not yet graded has no 重大度)
        total = sum(r[1] for r in body[:-1])
        if body[-1][1] != total or (name == "分類別" and total != n):
            bad.append("%s adds up to %r, its 計 %r, want %d" %
                       (name, total, body[-1][1], n))
        for c in range(2, len(body[-1])):
            if isinstance(body[-1][c], (int, float)) and \
                    body[-1][c] != sum(r[c] or 0 for r in body[:-1]):
                bad.append("%s column %d: 計 %r" % (name, c + 1, body[-1][c]))
    # the count with personal information has one name on every sheet,
    # broken at a phrase's end (うち個人情報 / を含む, never 含む alone)
    for name in ("分類別", "月別", "部別", "個人情報"):
        if name not in wb.sheetnames:
            continue
        head = [c for r in wb[name].iter_rows(max_row=6, values_only=True)
                for c in r if isinstance(c, str) and "個人情報" in c and
                "含む" in c and "事故等" not in c]
        if head != ["うち個人情報\nを含む"]:
            bad.append("%s: heading %r" % (name, head))
    # 「特定」 explained under the list only where the list shows it
    notes = [r[0] for r in ws.iter_rows(values_only=True)
             if isinstance(r[0], str) and "「特定」" in r[0]]
    if bool(notes) != any(r[col["個人\n情報"]] == "特定" for r in rows):
        bad.append("一覧: note on 「特定」 %r" % notes)
    # the months in fiscal order; figures up to the as-of month, blank
    # after it when the year is counted before its end (check_months)
    months, figures = month_rows(wb)
    if months != MONTHS:
        bad.append("月別 months %r" % months)
    if figures != sorted(figures, reverse=True) or not any(figures):
        bad.append("月別: figures %r, want a run from 4月" % figures)
    bad += check_stats_form(path, wb)
    return bad


MONTHS = ["%d月" % m for m in list(range(4, 13)) + [1, 2, 3]]


def list_columns(ws):
    """The 一覧's columns by heading: {heading: 0-based index}."""
    for r in ws.iter_rows(max_row=8, values_only=True):
        if r and r[0] == "No.":
            return {h: i for i, h in enumerate(r) if h is not None}
    return {}


def month_rows(wb):
    ws = wb["月別"]
    rows = [r for r in ws.iter_rows(min_row=4, values_only=True)
            if isinstance(r[0], str) and re.match(r"[0-9]+月$", r[0])]
    return [r[0] for r in rows], [isinstance(r[1], (int, float))
                                  for r in rows]


def check_months(path, n, day):
    import openpyxl
    wb = openpyxl.load_workbook(path)
    bad = []
    ws = wb["月別"]
    rows = [r for r in ws.iter_rows(min_row=4, values_only=True)
            if isinstance(r[0], str) and re.match(r"[0-9]+月$", r[0])]
    for i, r in enumerate(rows):
        want = "figures" if i < n else "blank"
        got = ("figures" if all(isinstance(v, (int, float)) for v in r[1:3])
               else "blank" if all(v is None for v in r[1:3]) else repr(r))
        if got != want:
            bad.append("月別 %s: %s, want %s" % (r[0], got, want))
    notes = [r[0] for r in ws.iter_rows(values_only=True)
             if isinstance(r[0], str) and "空欄" in r[0]]
    if n < 12:
        span = MONTHS[n] + ("" if n == 11 else "～3月")
        want = "件数は%s現在。空欄の%sはまだ到来していない月" % (day, span)
        if not any(want in t for t in notes):
            bad.append("月別: no note %r under the table (%r)" %
                       (want, notes))
    elif notes:
        bad.append("月別: a note on blank months %r in a year counted "
                   "whole" % notes)
    # The chart reads these cells: LibreOffice and Excel draw no bar for
    # a blank one (dispBlanksAs gap).  Its cache is not checked here:
    # libxlsxwriter caches a formatted blank cell as 0.
    return bad


def decimals(fmt):
    m = re.search(r"0\.(0+)", fmt)
    return len(m.group(1)) if m else 0


def check_stats_form(path, wb):
    """The conventions of the statistics workbook: dates in 令和 (R8.6.16),
    hours in one decimal in the cells and the note's averages,
    every chart titled with its year, no placeholder."""
    import datetime
    import zipfile
    bad = []
    ws = wb["一覧"]
    col = list_columns(ws)
    for row in ws.iter_rows(min_row=4):
        for c in row[col["発生日"]:col["発見日"] + 1]:
            if isinstance(c.value, (datetime.date, datetime.datetime)) \
                    and "ge" not in c.number_format:
                bad.append("一覧 %s: date format %r, want 令和 (ge.m.d)" %
                           (c.coordinate, c.number_format))
    ws = wb["対応時間"]
    shown, note = set(), None
    # the hours' columns by their headings (No. and 発生日 beside them)
    hcols = set()
    for row in ws.iter_rows():
        for c in row:
            if isinstance(c.value, str) and c.value.endswith("まで（時間）"):
                hcols.add(c.column)
    for row in ws.iter_rows():
        for c in row:
            if isinstance(c.value, str) and "平均" in c.value:
                note = c.value
            elif c.column not in hcols:
                continue
            elif isinstance(c.value, float) or isinstance(c.value, int):
                d = decimals(c.number_format)
                shown.add(d)
                if round(c.value, d) != c.value:
                    bad.append("対応時間 %s: %r beyond its %d decimals" %
                               (c.coordinate, c.value, d))
    for m in re.finditer(r"([0-9]+(?:\.([0-9]+))?)時間", note or ""):
        shown.add(len(m.group(2) or ""))
    if len(shown) > 1:
        bad.append("対応時間: hours in %s decimals (cells and %r)" %
                   (sorted(shown), note))
    # the averages: the mean of the hours shown, rounded half up once as
    # the ward rounds (0.15 is 0.2; printf's "%.1f" printed 0.1)
    from decimal import Decimal, ROUND_HALF_UP
    cols = {"封じ込め": [], "復旧": []}
    hc = sorted(hcols)
    for r in ws.iter_rows(min_row=5, values_only=True):
        if len(hc) == 2 and isinstance(r[0], (int, float)):
            for key, v in zip(("封じ込め", "復旧"),
                              (r[hc[0] - 1], r[hc[1] - 1])):
                if isinstance(v, (int, float)):
                    cols[key].append(Decimal(repr(v)))
    for key, vals in cols.items():
        m = re.search(key + r"まで([0-9.]+)時間（([0-9]+)件）", note or "")
        if not vals or not m:
            continue
        want = (sum(vals) / len(vals)).quantize(Decimal("0.1"),
                                                ROUND_HALF_UP)
        if m.group(1) != str(want) or int(m.group(2)) != len(vals):
            bad.append("対応時間: 平均 %sまで%s時間（%s件）, the cells give "
                       "%s (%d件)" % (key, m.group(1), m.group(2), want,
                                     len(vals)))
    # each row named as the 一覧 names it: its No. and 発生日 (three
    # 職員端末でのマルウェア検知 could not be told apart, rev17b T3)
    lst = {r[0]: r for r in wb["一覧"].iter_rows(min_row=4, values_only=True)
           if isinstance(r[0], (int, float))}
    for r in ws.iter_rows(min_row=4, values_only=True):
        if r[:3] == ("No.", "件名", "発生日") or not hc:
            continue
        if isinstance(r[0], (int, float)):
            if r[0] not in lst or r[1] not in lst[r[0]] or \
                    r[2] not in lst[r[0]]:
                bad.append("対応時間: No.%s %r (%r) is not the 一覧's" %
                           (r[0], r[1], r[2]))
    if hc and not any(r[:3] == ("No.", "件名", "発生日")
                      for r in ws.iter_rows(values_only=True)):
        bad.append("対応時間: no No., 件名, 発生日 columns")
    # one decimal, as the Word documents give times (47.1時間, not 47.13)
    if shown and shown != {1}:
        bad.append("対応時間: hours in %s decimals, want 1" % sorted(shown))
    for ws in wb.worksheets:
        for row in ws.iter_rows(values_only=True):
            for v in row:
                if isinstance(v, str):
                    bad += placeholders(path + ":" + ws.title, v)
    with zipfile.ZipFile(path) as z:
        for f in sorted(n for n in z.namelist()
                        if re.match(r"xl/charts/chart[0-9]+\.xml$", n)):
            x = z.read(f).decode("utf-8")
            t = re.search(r"<c:title>.*?</c:title>", x, re.S)
            text = "".join(re.findall(r"<a:t>([^<]*)</a:t>",
                                      t.group(0))) if t else ""
            if not re.match(r"令和[0-9元]+年度 ", text):
                bad.append("%s: chart title %r without its 令和 year" %
                           (f, text))
    return bad


def main(argv):
    if len(argv) < 3:
        sys.stderr.write(__doc__)
        return 2
    mode, path, rest = argv[1], argv[2], argv[3:]
    bad = []
    if mode == "timeline":
        rec = load(path)
        got = [str(e.get("seq")) for e in rec.get("timeline", [])]
        if got != rest:
            bad.append("%s: timeline order %s, want %s" % (path, got, rest))
    elif mode == "entry":
        rec = load(path)
        hit = [e for e in rec.get("timeline", []) if str(e.get("seq")) ==
               rest[0]]
        if not hit:
            bad.append("%s: no entry %s" % (path, rest[0]))
        else:
            bad += check_fields(hit[0], rest[1:], "entry " + rest[0])
    elif mode == "field":
        bad += check_fields(load(path), rest, path)
    elif mode == "docx":
        bad += check_docx(path, rest)
    elif mode == "stats":
        bad += check_stats(path, int(rest[0]))
    elif mode == "months":
        bad += check_months(path, int(rest[0]), rest[1])
    else:
        sys.stderr.write(__doc__)
        return 2
    for b in bad:
        print("check_incident: " + b, file=sys.stderr)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
