#!/usr/bin/python3
"""Independent checks of what `nerima-cio training` computes and writes.

    check_training.py results RECORD.yaml RESULTS.json
        recompute a training's results from its record with PyYAML and
        compare with `training results --format json`
    check_training.py report REPORT.docx RECORD.yaml RESULTS.json
        the 研修実施報告書 read back by python-docx: its sections, no
        record ids, and its figures equal to the results
    check_training.py questions DOC.docx RECORD.yaml survey|test
    check_training.py results-xlsx BOOK.xlsx RESULTS.json
    check_training.py summary-xlsx BOOK.xlsx N [DATA FY]
    check_training.py bank-xlsx BOOK.xlsx NTEST NSURVEY
    check_training.py form FORM.xlsx RECORD.yaml
        the answer sheet read back by openpyxl: hidden identity sheet,
        protection, drop-downs, one row per respondent
    check_training.py fill FORM.xlsx OUT.xlsx SEED [N]
        fill an answer sheet as a respondent would (openpyxl); prints the
        answers written as JSON on stdout

Exit status 0 when everything agrees; every difference is printed.
"""
import glob
import json
import math
import os
import random
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from docxtext import cell_text  # noqa: E402 (beside this file)

import yaml

# libyaml's loader where PyYAML has it (Debian's does): ten times
# faster than the pure-Python one, and the parser the engine uses.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def yaml_load(f):
    return yaml.load(f, Loader=_Loader)


problems = []


def problem(msg):
    problems.append(msg)


def load(path):
    with open(path, encoding="utf-8") as f:
        return yaml_load(f)


def near(a, b, eps=0.051):
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= eps


# --- the independent computation -------------------------------------------

def decode(s, n):
    toks = str(s).split(" ")
    out = []
    for t in toks:
        if t == "-":
            out.append(frozenset())
        elif t == "*":
            out.append("*")
        else:
            out.append(frozenset(int(x) for x in t.split("+")))
    if len(out) != n:
        raise ValueError("%r: %d answers for %d questions" % (s, len(out), n))
    return out


def group_share(pairs, k, top):
    """Share correct among k places from one end, ties sharing places."""
    pairs = sorted(pairs, key=lambda p: p[0], reverse=top)
    left, got, i = float(k), 0.0, 0
    while left > 0 and i < len(pairs):
        s = pairs[i][0]
        run = [p for p in pairs[i:] if p[0] == s]
        # the run is every pair with this score (they are adjacent)
        j = i
        while j < len(pairs) and pairs[j][0] == s:
            j += 1
        run = pairs[i:j]
        ok = sum(p[1] for p in run)
        if len(run) <= left:
            got += ok
            left -= len(run)
        else:
            got += ok * left / len(run)
            left = 0
        i = j
    return got / k


def discrimination(pairs, frac=0.27):
    n = len(pairs)
    if n < 2:
        return None
    k = int(math.floor(frac * n + 0.5))
    k = max(k, 1)
    if 2 * k > n:
        k = n // 2
    return group_share(pairs, k, True) - group_share(pairs, k, False)


def compute(rec, pass_mark=None):
    out = {}
    test = rec.get("test_items") or []
    survey = rec.get("survey_items") or []
    rows = (rec.get("test") or {}).get("results") or []
    keys = [frozenset(q["key"]) for q in test]
    nq = len(test) or (rec.get("test") or {}).get("questions") or 0
    pm = pass_mark if pass_mark is not None else rec.get("pass_mark", 80)
    scores, answered = [], []
    for r in rows:
        if "answers" in r and test:
            a = decode(r["answers"], len(test))
            s = sum(1 for x, k in zip(a, keys) if x == k)
            answered.append((a, s))
        else:
            s = r["correct"]
        scores.append(100.0 * s / nq)
    t = {"examinees": len(scores)}
    if scores:
        t["mean"] = sum(scores) / len(scores)
        t["passed"] = sum(1 for s in scores if s + 1e-9 >= pm)
        t["pass_rate"] = 100.0 * t["passed"] / len(scores)
        srt = sorted(scores)
        m = len(srt)
        t["median"] = srt[m // 2] if m % 2 else (srt[m // 2 - 1] +
                                                 srt[m // 2]) / 2
        t["sd"] = math.sqrt(sum((s - t["mean"]) ** 2 for s in scores) / m)
    items = []
    for j, q in enumerate(test):
        ok = [1 if a[j] == keys[j] else 0 for a, s in answered]
        pairs = [(s - o, o) for (a, s), o in zip(answered, ok)]
        p = sum(ok) / len(ok) if ok else None
        d = discrimination(pairs)
        flags = []
        # judged on the figures as shown: 0.1% and two decimals
        pr = math.floor(p * 1000 + 0.5) / 1000 if p is not None else None
        dr = math.floor(d * 100 + 0.5) / 100 if d is not None else None
        if pr is not None and pr > 0.9:
            flags.append("too-easy")
        if pr is not None and pr < 0.3:
            flags.append("too-hard")
        if dr is not None and dr < 0.2:
            flags.append("non-discriminating")
        items.append({"ref": q["ref"], "facility": p, "discrimination": d,
                      "correct": sum(ok), "answered": len(ok),
                      "flags": flags})
    t["items"] = items
    out["test"] = t
    srows = (rec.get("survey") or {}).get("responses") or []
    sv = {"respondents": len(srows)}
    qs = []
    sat = None
    for j, q in enumerate(survey):
        counts = [0] * len(q.get("choices") or [])
        n = 0
        texts = 0
        for r in srows:
            a = decode(r["answers"], len(survey))[j]
            if a == "*":
                n += 1
                texts += 1
                continue
            if not a:
                continue
            n += 1
            for c in a:
                counts[c - 1] += 1
        e = {"ref": q["ref"], "answered": n, "counts": counts,
             "texts": texts}
        if q["type"] == "scale" and n:
            e["top2"] = 100.0 * (counts[0] + counts[1]) / n
            if q.get("satisfaction") and sat is None:
                sat = e["top2"]
        qs.append(e)
    sv["questions"] = qs
    if srows:
        sv["satisfaction"] = sat
    elif rec.get("survey"):
        sv["respondents"] = rec["survey"].get("respondents", 0)
        sv["satisfaction"] = rec["survey"].get("satisfaction")
    out["survey"] = sv
    codes = {}
    for r in srows + rows:
        if r["respondent"] not in codes or codes[r["respondent"]] is None:
            codes[r["respondent"]] = r.get("org")
    out["attended"] = rec.get("attended", len(codes) if codes else None)
    by_org = {}
    for c, o in codes.items():
        if o:
            by_org[o] = by_org.get(o, 0) + 1
    for p in rec.get("participation") or []:
        by_org[p["org"]] = p.get("attended", by_org.get(p["org"], 0))
    out["by_org"] = by_org
    return out


def cmd_results(record, jsonpath):
    rec = load(record)
    with open(jsonpath, encoding="utf-8") as f:
        got = json.load(f)
    want = compute(rec, got["test"]["pass_mark"])
    gt, wt = got["test"], want["test"]
    if gt["examinees"] != wt["examinees"]:
        problem("examinees %s, want %s" % (gt["examinees"], wt["examinees"]))
    for k in ("mean", "median", "sd", "pass_rate"):
        if k in wt and not near(gt[k], round(wt[k], 1)):
            problem("test %s %s, want %.2f" % (k, gt[k], wt[k]))
    if "passed" in wt and gt["passed"] != wt["passed"]:
        problem("passed %s, want %s" % (gt["passed"], wt["passed"]))
    for gi, wi in zip(gt["items"], wt["items"]):
        if gi["ref"] != wi["ref"]:
            problem("item %s, want %s" % (gi["ref"], wi["ref"]))
        for k in ("facility", "discrimination"):
            if not near(gi[k], None if wi[k] is None else round(wi[k], 3),
                        0.0011):
                problem("%s %s %s, want %s" % (wi["ref"], k, gi[k], wi[k]))
        if gi["correct"] != wi["correct"]:
            problem("%s correct %s, want %s" % (wi["ref"], gi["correct"],
                                                wi["correct"]))
        if sorted(gi["flags"]) != sorted(wi["flags"]):
            problem("%s flags %s, want %s" % (wi["ref"], gi["flags"],
                                              wi["flags"]))
    if len(gt["items"]) != len(wt["items"]):
        problem("%d items, want %d" % (len(gt["items"]), len(wt["items"])))
    gs, ws = got["survey"], want["survey"]
    if gs["respondents"] != ws["respondents"]:
        problem("respondents %s, want %s" % (gs["respondents"],
                                             ws["respondents"]))
    if ws.get("satisfaction") is not None and \
            not near(gs["satisfaction"], round(ws["satisfaction"], 1)):
        problem("satisfaction %s, want %s" % (gs["satisfaction"],
                                              ws["satisfaction"]))
    for gq, wq in zip(gs["questions"], ws["questions"]):
        if gq["answered"] != wq["answered"]:
            problem("%s answered %s, want %s" % (wq["ref"], gq["answered"],
                                                 wq["answered"]))
        if "choices" in gq and [c["count"] for c in gq["choices"]] != \
                wq["counts"]:
            problem("%s counts %s, want %s" % (
                wq["ref"], [c["count"] for c in gq["choices"]],
                wq["counts"]))
        if "texts" in gq and len(gq["texts"]) != wq["texts"]:
            problem("%s %d texts, want %d" % (wq["ref"], len(gq["texts"]),
                                              wq["texts"]))
    if got["participation"]["attended"] != want["attended"]:
        problem("attended %s, want %s" % (got["participation"]["attended"],
                                          want["attended"]))
    gorg = {o["org"]: o["attended"] for o in
            got["participation"]["by_org"]}
    if gorg != want["by_org"]:
        problem("by org %s, want %s" % (gorg, want["by_org"]))
    return want


# --- documents ------------------------------------------------------------

ID_RE = re.compile(r"\b(tr|ca|rv|au|ck)-[0-9a-z]{8}\b")


def docx_text(path):
    import docx
    d = docx.Document(path)
    paras = [p.text for p in d.paragraphs]
    cells = []
    for t in d.tables:
        for row in t.rows:
            cells.append([cell_text(c) for c in row.cells])
    for s in d.sections:
        for p in s.header.paragraphs:
            paras.append(p.text)
    return d, paras, cells


def half_up(v, places=1):
    """v in PLACES decimals rounded half up once, as the ward rounds
    (81.25 is 81.3; printf's "%.1f" prints 81.2 from the binary value)."""
    from decimal import Decimal, ROUND_HALF_UP
    return str(Decimal(repr(round(v, 9))).quantize(
        Decimal(1).scaleb(-places), ROUND_HALF_UP))


def pct(v):
    return half_up(v) + "%"


def docx_charts(path):
    """The titles of the native charts of a .docx (DrawingML parts)."""
    import zipfile
    titles = []
    with zipfile.ZipFile(path) as z:
        for n in sorted(z.namelist()):
            if re.fullmatch(r"word/charts/chart[0-9]+\.xml", n):
                xml = z.read(n).decode("utf-8")
                t = re.findall(r"<a:t>([^<]*)</a:t>", xml)
                titles.append(t[0] if t else "")
    return titles


def docx_chart_texts(path):
    """The texts of each native chart of a .docx: its title, then its
    axes' titles."""
    import zipfile
    out = []
    with zipfile.ZipFile(path) as z:
        for n in sorted(z.namelist()):
            if re.fullmatch(r"word/charts/chart[0-9]+\.xml", n):
                xml = z.read(n).decode("utf-8")
                out.append(re.findall(r"<a:t>([^<]*)</a:t>", xml))
    return out


def cmd_report(path, record, jsonpath):
    rec = load(record)
    with open(jsonpath, encoding="utf-8") as f:
        got = json.load(f)
    charts = docx_charts(path)
    want = []
    if any(q["type"] == "scale" for q in got["survey"]["questions"]):
        want.append("アンケートの肯定的回答の割合")
    if got["test"]["distribution"]:
        want.append("テストの得点分布")
    if got["test"]["items"]:
        want.append("問題別の正答率")
    if charts != want:
        problem("%s: charts %s, want %s" % (path, charts, want))
    # the axes titled as the results workbook's charts have them: a
    # count in 人数, a rate read off its % ticks (問題別の正答率 had none)
    axes = {"テストの得点分布": ["正答数", "人数"],
            "問題別の正答率": ["問題", "正答率"]}
    for title, texts in zip(charts, docx_chart_texts(path)):
        if texts[1:] != axes.get(title, []):
            problem("%s: %s with the axis titles %s, want %s" % (
                path, title, texts[1:], axes.get(title, [])))
    d, paras, cells = docx_text(path)
    text = "\n".join(paras) + "\n" + "\n".join("\t".join(r) for r in cells)
    # rev21b T2: a 設問 broken between its phrases, not inside a verb's
    # ending (「本研修の内容を理解でき／ましたか。」 beside a wide 回答の内訳)
    for t in d.tables:
        if len(t.columns) < 2 or t.rows[0].cells[1].text != "設問":
            continue
        for row in t.rows[1:]:
            q = row.cells[1].text
            for end in ("できました", "ましたか", "ますか", "やすかった",
                        "つきました"):
                if end in q.replace("\n", "") and end not in q:
                    problem("%s: 設問 broken inside %s: %r" % (path, end, q))
    heads = ["1　目的", "2　実施概要", "3　アンケート結果", "4　テスト結果",
             "5　考察", "6　次年度に向けて"]
    for h in heads:
        if h not in paras:
            problem("%s: no heading %r" % (path, h))
    idx = [paras.index(h) for h in heads if h in paras]
    if idx != sorted(idx):
        problem("%s: sections out of order" % path)
    if ID_RE.search(text):
        problem("%s: a record id in the document: %s" % (
            path, ID_RE.search(text).group(0)))
    if "FY" in text:
        problem("%s: 'FY' in a Japanese document" % path)
    if rec["title"] not in text:
        problem("%s: the training's title is missing" % path)
    t = got["test"]
    if t["mean"] is not None and ("平均正答率は" + pct(t["mean"])) not in text:
        problem("%s: mean %s not stated" % (path, pct(t["mean"])))
    if t["pass_rate"] is not None and ("合格率は" + pct(t["pass_rate"])) \
            not in text:
        problem("%s: pass rate %s not stated" % (path, pct(t["pass_rate"])))
    s = got["survey"]
    if s["satisfaction"] is not None and pct(s["satisfaction"]) not in text:
        problem("%s: satisfaction %s not stated" % (path,
                                                    pct(s["satisfaction"])))
    # the answers of each question: every choice's share of those who
    # answered it, in one decimal rounded half up
    for q in s["questions"]:
        if "choices" not in q:
            continue
        row = next((r for r in cells if r and r[0] == str(q["no"]) and
                    len(r) == 4 and "名（" in r[2]), None)
        if row is None:
            problem("%s: no row for question %d" % (path, q["no"]))
            continue
        for c in q["choices"]:
            want = "%s %s名（%s）" % (c["label"], "{:,}".format(c["count"]),
                                    pct(100 * c["count"] / q["answered"])
                                    if q["answered"] else "0.0%")
            if want not in row[2]:
                problem("%s: question %d: no %r in %r" % (
                    path, q["no"], want, row[2]))
    if s["response_rate"] is not None and s["respondents"] and \
            "回答率 " + pct(s["response_rate"]) not in text:
        problem("%s: response rate %s not stated" % (
            path, pct(s["response_rate"])))
    # the item table: every item's correct rate and discrimination
    for i, it in enumerate(t["items"]):
        row = next((r for r in cells if r and r[0] == str(i + 1) and
                    len(r) == 5 and r[2].endswith("%")), None)
        if row is None:
            problem("%s: no row for item %d" % (path, i + 1))
            continue
        if row[2] != pct(100 * it["facility"]):
            problem("%s: item %d rate %s, want %s" % (
                path, i + 1, row[2], pct(100 * it["facility"])))
        if it["discrimination"] is not None and \
                row[3] != "%.2f" % it["discrimination"]:
            problem("%s: item %d discrimination %s, want %.2f" % (
                path, i + 1, row[3], it["discrimination"]))
    # the score distribution table sums to the examinees
    dist = [r for r in cells if len(r) == 3 and r[0].endswith("問")]
    if t["distribution"] and sum(int(r[1].replace(",", "")) for r in dist) \
            != t["examinees"]:
        problem("%s: the distribution does not add up to %d" % (
            path, t["examinees"]))


def cmd_questions(path, record, part):
    rec = load(record)
    d, paras, cells = docx_text(path)
    items = rec.get("survey_items" if part == "survey" else "test_items")
    text = "\n".join(paras)
    for i, q in enumerate(items):
        if ("問%d　%s" % (i + 1, q["text"])) not in text:
            problem("%s: question %d missing" % (path, i + 1))
        for c in q.get("choices") or []:
            if c not in text:
                problem("%s: choice %r missing" % (path, c))
    if part == "test":
        keyrows = [r for r in cells if r and r[0].isdigit()]
        for i, q in enumerate(items):
            want = "・".join(str(k) for k in q["key"])
            if i >= len(keyrows) or keyrows[i][1] != want:
                problem("%s: key of %d is not %s" % (path, i + 1, want))
        # the explanations read as sentences: none cut off before its
        # verb (第一報は分かっている事実を速やかに。)
        for r in keyrows:
            for sent in re.split(r"(?<=。)", r[2] if len(r) > 2 else ""):
                if re.search(r"(?:[にをがへ]|速やかに|直ちに)。$", sent):
                    problem("%s: explanation of %s ends without its "
                            "verb: %r" % (path, r[0], sent))
    if ID_RE.search(text + "".join("".join(r) for r in cells)):
        problem("%s: a record id in the document" % path)


def sheet_rows(ws):
    return [[c.value for c in row] for row in ws.iter_rows()]


def cmd_results_xlsx(path, jsonpath):
    import openpyxl
    with open(jsonpath, encoding="utf-8") as f:
        got = json.load(f)
    wb = openpyxl.load_workbook(path)
    names = [ws.title for ws in wb.worksheets]
    for need in ("概要", "得点分布", "設問分析"):
        if need not in names:
            problem("%s: no sheet %s (%s)" % (path, need, names))
    if got["survey"]["questions"] and "アンケート" not in names:
        problem("%s: no survey sheet" % path)
    # native charts, each on a chart sheet of its own; their titles (a
    # sheet's name is the title, or what it shows where the title is too
    # long for a name)
    import zipfile
    charts = []
    with zipfile.ZipFile(path) as z:
        for x in sorted(z.namelist()):
            if re.fullmatch(r"xl/charts/chart[0-9]+\.xml", x):
                t = z.read(x).decode()
                m = re.search(r"<c:title>(.*?)</c:title>", t, re.S)
                if m:
                    charts.append("\n".join("".join(re.findall(
                        r"<a:t>([^<]*)</a:t>", p)) for p in re.split(
                        r"</a:p>", m.group(1)) if "<a:t>" in p))
    charts.sort()
    # rev21b T1: a title longer than a sheet's name says what the chart
    # shows on its first line and the training's name whole on the next
    # (on one line the reader broke it inside 「（第1回）」)
    for c in charts:
        if len(c) > 27 and len(c.split("\n")) != 2:
            problem("%s: chart title %r not on two lines" % (path, c))
    if len(charts) != len([cs for cs in wb.chartsheets if cs._charts]):
        problem("%s: %d chart titles for %d chart sheets" % (
            path, len(charts), len(wb.chartsheets)))
    for cs in wb.chartsheets:
        if re.search(r"[（(][^）)]*$", cs.title):
            problem("%s: chart sheet %r cut inside a bracket" % (
                path, cs.title))
    want = ["テストの得点分布", "問題別の正答率"]
    if any(q["type"] == "scale" for q in got["survey"]["questions"]):
        want.append("アンケートの肯定的回答の割合")
    # the charts name the training (a page printed alone read the same
    # for every training), as the sheets' titles do
    base = [re.sub(r"^(.* )?(テストの得点分布|問題別の正答率|"
                   r"アンケートの肯定的回答の割合)([：\n].*)?$", r"\2", c,
                   flags=re.S)
            for c in charts]
    if sorted(base) != sorted(want):
        problem("%s: chart sheets %s, want %s" % (path, charts, want))
    title = wb["概要"]["A1"].value or ""
    name = re.sub(r"^令和[0-9元]+年度[ 　]", "", title)
    for c in charts:
        if name[:8] not in c:
            problem("%s: chart %s does not name the training %s" % (path, c, name))
    for n in ("所属別", "得点分布", "設問分析"):
        if n in names and not str(wb[n]["A1"].value).startswith(title + " "):
            problem("%s: %s titled %r" % (path, n, wb[n]["A1"].value))
    # 得点分布 ends with its 計: the examinees and 100.0%
    sc = [r for r in sheet_rows(wb["得点分布"]) if r and r[0] and
          re.fullmatch(r"[0-9]+問|計", str(r[0]))]
    if not sc or sc[-1][0] != "計" or sc[-1][1] != sum(r[1] for r in sc[:-1]) \
            or sc[-1][1] != got["test"]["examinees"] or \
            abs(sc[-1][2] - 1) > 1e-9:
        problem("%s: 得点分布 計 %r" % (path, sc[-1:]))
    # both charts with their axis titles; the 計 not drawn
    import zipfile
    with zipfile.ZipFile(path) as z:
        for x in z.namelist():
            if not x.startswith("xl/charts/chart"):
                continue
            t = z.read(x).decode()
            if "問題別の正答率" in t and not ("問題" in t.replace(
                    "問題別の正答率", "") and "正答率" in t.replace(
                    "問題別の正答率", "")):
                problem("%s: 問題別の正答率 without axis titles" % path)
            if "テストの得点分布" in t and "計" in re.sub(
                    r"<c:tx>.*?</c:tx>", "", t):
                problem("%s: 得点分布 chart draws the 計" % path)
    ws = wb["設問分析"]
    rows = [r for r in sheet_rows(ws) if r and isinstance(r[0], str) and
            re.fullmatch(r"問[0-9]+", r[0])]
    # 主題 is there only where an item has one
    head = [r for r in sheet_rows(ws) if r and r[0] == "問"][0]
    pc = list(head).index("正答率")
    for r, it in zip(rows, got["test"]["items"]):
        if abs(r[pc] - it["facility"]) > 0.0006:
            problem("%s: %s rate %s, want %s" % (path, r[0], r[pc],
                                                 it["facility"]))
    if len(rows) != len(got["test"]["items"]):
        problem("%s: %d item rows" % (path, len(rows)))
    ov = {r[0]: r[1] for r in sheet_rows(wb["概要"]) if r and r[0]}
    if ov.get("テスト受験者数") != got["test"]["examinees"]:
        problem("%s: examinees %s" % (path, ov.get("テスト受験者数")))
    for n in names:
        for row in wb[n].iter_rows():
            for c in row:
                if isinstance(c.value, str) and ID_RE.search(c.value):
                    problem("%s: id in %s!%s" % (path, n, c.coordinate))
                if isinstance(c.value, str) and c.value.startswith("="):
                    problem("%s: formula in %s!%s" % (path, n, c.coordinate))


def cmd_summary_xlsx(path, n, data=None, fy=None):
    """The list has the year's n trainings; by kind, 計画, 実施済, 中止
    and 未実施 are counted in the unit of 年間の想定, as 業務項目別実績
    counts them (情報セキュリティ研修 by 対象者区分: 年間の想定 9 beside
    計画 10 sessions read as one more planned), with the trainings of
    DATA/trainings/FY; the chart's title gives the year."""
    import openpyxl
    import zipfile
    wb = openpyxl.load_workbook(path)
    if wb.sheetnames[:2] != ["研修一覧", "年間実績"]:
        problem("%s: sheets %s" % (path, wb.sheetnames))
    rows = [r for r in sheet_rows(wb["研修一覧"]) if r and
            isinstance(r[0], str) and r[0].isdigit()]
    if len(rows) != int(n):
        problem("%s: %d trainings, want %s" % (path, len(rows), n))
    # the fitter weighs 情報／セキュリティ as the writer does, a cut word:
    # the list gives the kind its room (it cut it in ten rows)
    cut = [c for r in rows for c in r if isinstance(c, str) and
           "情報\nセキュリティ" in c]
    if cut:
        problem("%s: 情報／セキュリティ cut in %s" % (path, cut))
    # a training of several days gives its period, R8.8.4～8.29 (its
    # first day alone hid that it ran for weeks: rev18b)
    if data is not None:
        def short(d):
            return "R%d.%d.%d" % (d.year - 2018, d.month, d.day)
        hdr = [r for r in sheet_rows(wb["研修一覧"]) if r and r[0] == "No."][0]
        col = hdr.index("実施日")
        days = sorted((t["date"], t.get("end_date")) for t in (
            load(f) for f in glob.glob(os.path.join(
                data, "trainings", str(fy), "*.yaml"))))
        got = sorted(r[col] for r in rows if isinstance(r[col], str))
        want = sorted(
            short(a) + "～" + (short(b) if b.year != a.year else
                               "%d.%d" % (b.month, b.day))
            for a, b in days if b is not None and b > a)
        if [g.replace("\n", "") for g in got] != want:
            problem("%s: 実施日 periods %s, want %s" % (path, got, want))
    kinds = {r[0]: r for r in sheet_rows(wb["年間実績"]) if r and r[0] in (
        "情報セキュリティ研修", "デジタル人材育成研修", "マイナンバー研修")}
    units = {"情報セキュリティ研修": ("security", "対象者区分", "audience"),
             "デジタル人材育成研修": ("digital", "種類", "plan_key"),
             "マイナンバー研修": ("mynumber", "回", "id")}
    if len(kinds) != 3:
        problem("%s: by kind %s" % (path, kinds))
    recs = []
    if data is not None:
        recs = [load(f) for f in glob.glob(os.path.join(
            data, "trainings", str(fy), "*.yaml"))]
    for name, (kind, unit, by) in units.items():
        r = kinds.get(name)
        if r is None:
            continue
        if r[1] != unit:
            problem("%s: %s counted in %r, want %s" % (path, name, r[1],
                                                       unit))
        if data is None:
            continue
        mine = [t for t in recs if t.get("kind") == kind]
        planned = {t[by] for t in mine if t["status"] != "cancelled"}
        held = {t[by] for t in mine if t["status"] in ("held", "reported")}
        stop = {t[by] for t in mine if t["status"] == "cancelled"} - planned
        want = [len(planned), len(held), len(stop), len(planned - held)]
        if list(r[3:7]) != want:
            problem("%s: %s 計画/実施済/中止/未実施 %s, want %s" %
                    (path, name, list(r[3:7]), want))
    if sum(len(c._charts) for c in wb.chartsheets) < 1:
        problem("%s: no chart" % path)
    if fy is not None:
        fyl = "令和%d年度" % (int(fy) - 2018)
        z = zipfile.ZipFile(path)
        charts = [z.read(x).decode() for x in z.namelist()
                  if re.match(r"xl/charts/chart\d+\.xml$", x)]
        if not any(fyl + " 研修別の受講率と満足度" in c for c in charts):
            problem("%s: no chart titled %s 研修別の受講率と満足度" %
                    (path, fyl))
        # its values on the bars as on every other chart; where a 満足度
        # is missing, the chart says why; no 研修 title on its side
        for c in charts:
            if "研修別の受講率と満足度" not in c:
                continue
            if "<c:dLbls>" not in c or '<c:showVal val="1"/>' not in c:
                problem("%s: 受講率と満足度 without data labels" % path)
            held_nosat = [r for r in rows if isinstance(r[9], (int, float))
                          and not isinstance(r[10], (int, float))]
            if held_nosat and "満足度のない研修はアンケート未実施" not in c:
                problem("%s: missing 満足度 bars unexplained" % path)
            if ">研修</a:t>" in c:
                problem("%s: the axis title 研修 on its side" % path)
        ks = sheet_rows(wb["年間実績"])
        if ks[0][0] != fyl + " 研修の種類別の計画と実施":
            problem("%s: 年間実績 titled %r" % (path, ks[0][0]))


def cmd_bank_xlsx(path, ntest, nsurvey):
    import openpyxl
    wb = openpyxl.load_workbook(path)
    for name, want in (("テスト問題", ntest), ("アンケート設問", nsurvey)):
        rows = [r for r in sheet_rows(wb[name]) if r and isinstance(
            r[0], str) and re.fullmatch(r"(ts|sv)-[a-z0-9-]+", r[0])]
        if len(rows) != int(want):
            problem("%s: %s has %d rows, want %s" % (path, name, len(rows),
                                                      want))


# --- answer sheets ----------------------------------------------------------

def form_id(wb):
    ws = wb["_form"]
    return {r[0]: r[1] for r in sheet_rows(ws) if r[0]}


def cmd_form(path, record):
    import openpyxl
    rec = load(record)
    wb = openpyxl.load_workbook(path)
    if "_form" not in wb.sheetnames or wb["_form"].sheet_state != "hidden":
        problem("%s: no hidden _form sheet" % path)
        return
    fid = form_id(wb)
    if fid.get("training") != rec["id"] or fid.get("fy") != str(rec["fy"]):
        problem("%s: _form names %s/%s" % (path, fid.get("training"),
                                            fid.get("fy")))
    ws = wb["回答"]
    if not ws.protection.sheet:
        problem("%s: the answer sheet is not protected" % path)
    first = int(fid["first_row"])
    nrows = int(fid["rows"])
    codes = [ws.cell(row=first + i, column=1).value for i in range(nrows)]
    if codes[0] != "r0001" or len(set(codes)) != nrows:
        problem("%s: respondent codes %s..." % (path, codes[:3]))
    if ws.cell(row=first, column=1).protection.locked is False:
        problem("%s: the respondent code is not locked" % path)
    if ws.cell(row=first, column=3).protection.locked is not False:
        problem("%s: the first answer cell is locked" % path)
    sv = rec.get("survey_items") or []
    ts = rec.get("test_items") or []
    want_dv = sum(1 for q in sv + ts if q["type"] in ("scale", "single"))
    dvs = ws.data_validations.dataValidation
    if len(dvs) != want_dv:
        problem("%s: %d drop-downs, want %d" % (path, len(dvs), want_dv))
    heads = [ws.cell(row=first - 1, column=c).value
             for c in range(1, 3 + len(sv) + len(ts))]
    if heads[0] != "回答者番号" or heads[2 + len(sv):] != [
            "テスト%d" % (i + 1) for i in range(len(ts))]:
        problem("%s: headings %s" % (path, heads))


def cmd_fill(path, out, seed, n=None):
    """Answer as respondents would; the answers written, as JSON."""
    import openpyxl
    wb = openpyxl.load_workbook(path)
    fid = form_id(wb)
    ws = wb["回答"]
    first = int(fid["first_row"])
    nrows = int(fid["rows"]) if n is None else int(n)
    qs = wb["設問"]
    questions = [r for r in sheet_rows(qs) if r and r[0] in ("アンケート",
                                                              "テスト")]
    rnd = random.Random(int(seed))
    written = []
    for i in range(nrows):
        row = first + i
        ans = []
        if not fid.get("org"):      # a division's sheet has 所属 filled
            ws.cell(row=row, column=2).value = rnd.choice(["保育課",
                                                            "財政課", None])
        for j, q in enumerate(questions):
            choices = [c.split(" ", 1)[1] for c in (q[3] or "").split("\n")
                       if c]
            how = q[4]
            if how == "自由記述":
                v = rnd.choice([None, "分かりやすかった。"])
            elif how.startswith("複数選択"):
                picks = sorted(rnd.sample(range(1, len(choices) + 1), 2))
                v = ",".join(str(p) for p in picks)
            elif q[0] == "テスト":
                v = str(rnd.randint(1, len(choices)))
            else:
                v = rnd.choice(choices)
            ws.cell(row=row, column=3 + j).value = v
            ans.append(v)
        written.append({"respondent": ws.cell(row=row, column=1).value,
                        "answers": ans})
    wb.save(out)
    json.dump(written, sys.stdout, ensure_ascii=False)


def main(argv):
    cmds = {"results": cmd_results, "report": cmd_report,
            "questions": cmd_questions, "results-xlsx": cmd_results_xlsx,
            "summary-xlsx": cmd_summary_xlsx, "bank-xlsx": cmd_bank_xlsx,
            "form": cmd_form, "fill": cmd_fill}
    if len(argv) < 2 or argv[1] not in cmds:
        print(__doc__, file=sys.stderr)
        return 2
    cmds[argv[1]](*argv[2:])
    for p in problems:
        print(p, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
