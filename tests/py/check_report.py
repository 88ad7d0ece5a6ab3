#!/usr/bin/python3
"""Independent checks of `nerima-cio report` output.

The counts are computed here from the record YAML files with PyYAML (no
code shared with the program) by the rules nerima-cio-report(1) states,
then compared with what the .docx / .xlsx say.

usage:
  check_report.py bimonthly DATA MEETING_ID DOCX [NOTE_ITEM NOTE_TEXT]
  check_report.py annual DATA FY TODAY XLSX
  check_report.py pdftext PDF_TEXT_FILE DOCX   (numbers survive LibreOffice)
  check_report.py secplan DATA FY PPTX   (the 年間スケジュール as of its date)
"""
import datetime as dt
import glob
import os
import re
import sys

import yaml

# libyaml's loader where PyYAML has it (Debian's does): ten times
# faster than the pure-Python one, and the parser the engine uses.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def yaml_load(f):
    return yaml.load(f, Loader=_Loader)


COUNT_RE = re.compile(r"\d{1,3}(,\d{3})*")
ID_RE = re.compile(r"\b(rv|au|ck|tr|in|cs|mt|is|pi|ct)-[0-9a-z]{8}\b")



from docxtext import cell_text  # noqa: E402 (beside this file)



def fail(msg):
    print("check_report: " + msg, file=sys.stderr)
    sys.exit(1)


def d(s):
    if s is None:
        return None
    if isinstance(s, dt.date):
        return s
    try:
        return dt.date.fromisoformat(str(s)[:10])
    except ValueError:
        return None


def records(data, kind_dir, fy):
    out = []
    for p in sorted(glob.glob(os.path.join(data, kind_dir, str(fy), "*.yaml"))):
        with open(p, encoding="utf-8") as f:
            out.append(yaml_load(f))
    return out


# (key, spec, rule); labels are the config schema's titles.
ITEMS = [
    "dx_support", "plan_reviews", "procurement_support", "system_evaluations",
    "digital_trainings", "pia_support", "mynumber_trainings",
    "security_reports", "security_trainings", "checklists",
    "operational_audits", "system_audits",
    "followup_audits", "incidents", "vendor_checklists", "policy_reviews",
    "department_consultations", "consultation_attendances",
    "division_consultations", "it_honbu_meetings", "unei_meetings",
    "security_committee_meetings", "regular_meetings", "progress_meetings",
]


def compute(data, fy, frm, to, extra=None):
    """{key: (period, ytd)} by the documented rules; extra (a dict) gets
    per item the year's 未実施 ("unheld": dated by the end, or today
    when earlier, still planned) and withdrawn reviews ("withdrawn")."""
    fy0 = dt.date(fy, 4, 1)
    per = {k: 0 for k in ITEMS}
    ytd = {k: 0 for k in ITEMS}
    sets_p = {k: set() for k in ITEMS}
    sets_y = {k: set() for k in ITEMS}
    unheld = {k: 0 for k in ITEMS}
    cancelled = {k: 0 for k in ITEMS}
    # scheduled after the end, in the year: the plan's remainder
    sched = {k: 0 for k in ITEMS}
    sets_f = {k: set() for k in ITEMS}
    fy1 = dt.date(fy + 1, 3, 31)
    withdrawn = {k: 0 for k in ITEMS}
    today = d(os.environ.get("NERIMA_CIO_TODAY")) or dt.date.today()
    last = min(to, today)

    def not_held(k, day):
        if day is not None and fy0 <= day <= last:
            unheld[k] += 1

    def later(k, r, day, distinct=None):
        """Whether r is dated after the end in the year (and counted)."""
        if day is None or not (to < day <= fy1):
            return False
        if r.get("status") != "cancelled":
            if distinct is None:
                sched[k] += 1
            else:
                sets_f[k].add(distinct)
        return True

    def add(k, day, distinct=None):
        if day is None or not (fy0 <= day <= to):
            return
        if distinct is not None:
            sets_f[k].add(distinct)
        if distinct is None:
            ytd[k] += 1
            if frm <= day:
                per[k] += 1
        else:
            sets_y[k].add(distinct)
            if frm <= day:
                sets_p[k].add(distinct)

    rtype = {"plan": "plan_reviews", "procurement": "procurement_support",
             "system-evaluation": "system_evaluations"}
    for r in records(data, "reviews", fy):
        if r.get("type") not in rtype:
            continue
        # a withdrawn case is not counted: no 可否決定通知 is made for it,
        # and the 情報化企画審査等実施状況 counts without them; one
        # withdrawn after its decision or 意見書 (dated by the period's
        # end) was done, and counts
        closed = d((r.get("decision") or {}).get("date")) or \
            d(r.get("submitted"))
        if r.get("status") == "withdrawn" and not (
                closed is not None and fy0 <= closed <= to):
            day = d(r.get("received"))
            if day is not None and fy0 <= day <= to:
                withdrawn[rtype[r["type"]]] += 1
            continue
        add(rtype[r["type"]], d(r.get("received")))
    for r in records(data, "pias", fy):
        add("pia_support", d(r.get("received")))
    tkind = {"digital": "digital_trainings",
             "security": "security_trainings",
             "mynumber": "mynumber_trainings"}
    for r in records(data, "trainings", fy):
        k = r.get("kind")
        if k in tkind and later(tkind[k], r, d(r.get("date")),
                                (r.get("plan_key") or r.get("title"))
                                if k == "digital" else
                                (r.get("audience") or r.get("title"))
                                if k == "security" else None):
            continue
        if r.get("status") not in ("held", "reported"):
            if r.get("status") != "cancelled" and r.get("kind") in tkind:
                not_held(tkind[r["kind"]], d(r.get("date")))
            continue
        k = r.get("kind")
        if k == "digital":
            add("digital_trainings", d(r.get("date")),
                r.get("plan_key") or r.get("title"))
        elif k == "security":
            add("security_trainings", d(r.get("date")),
                r.get("audience") or r.get("title"))
        elif k == "mynumber":
            add("mynumber_trainings", d(r.get("date")))
    atype = {"operational": "operational_audits", "system": "system_audits",
             "followup": "followup_audits"}
    for r in records(data, "audits", fy):
        if r.get("type") in atype and later(atype[r["type"]], r,
                                            d(r.get("date"))):
            continue
        if r.get("status") != "planned" and r.get("type") in atype:
            add(atype[r["type"]], d(r.get("date")))
        elif r.get("type") in atype:
            not_held(atype[r["type"]], d(r.get("date")))
    for r in records(data, "checklists", fy):
        k = "vendor_checklists" if r.get("kind") == "vendor" else "checklists"
        add(k, d(r.get("submitted")))
    # 3(2)ア: the 運営計画書 and 最終報告書 by their date; 3(2)キ: the
    # deliverables of 4(2)キ by theirs
    for r in records(data, "secreports", fy):
        if r.get("type"):
            add("security_reports", d(r.get("date")))
    for r in records(data, "deliverables", fy):
        if r.get("spec") == "4(2)キ":
            add("policy_reviews", d(r.get("date")))
    for r in records(data, "incidents", fy):
        add("incidents", d(r.get("reported")) or d(r.get("discovered")) or
            d(r.get("occurred")))
    ctype = {"department": "department_consultations",
             "division": "division_consultations", "dx": "dx_support"}
    for r in records(data, "consults", fy):
        if r.get("type") in ctype:
            add(ctype[r["type"]], d(r.get("received")))
        att = r.get("attendances") or []
        for a in att:
            add("consultation_attendances", d(a.get("date")))
        if not att and r.get("attended_date"):
            add("consultation_attendances", d(r.get("attended_date")))
    mtype = {"it-honbu": "it_honbu_meetings", "unei": "unei_meetings",
             "security-committee": "security_committee_meetings",
             "regular": "regular_meetings", "progress": "progress_meetings"}
    for r in records(data, "meetings", fy):
        if r.get("type") in mtype and later(mtype[r["type"]], r,
                                            d(r.get("date"))):
            continue
        if r.get("status") in ("held", "minutes-done") and \
                r.get("type") in mtype:
            add(mtype[r["type"]], d(r.get("date")))
        elif r.get("status") != "cancelled" and r.get("type") in mtype:
            not_held(mtype[r["type"]], d(r.get("date")))
        elif r.get("type") in mtype and d(r.get("date")) is not None and \
                fy0 <= d(r.get("date")) <= to:
            # cancelled in the year to date: not effort moved either
            cancelled[mtype[r["type"]]] += 1
    for k in ITEMS:
        if k in ("digital_trainings", "security_trainings"):
            per[k] = len(sets_p[k])
            ytd[k] = len(sets_y[k])
            sched[k] += len(sets_f[k]) - len(sets_y[k])
    if extra is not None:
        extra["unheld"] = unheld
        extra["cancelled"] = cancelled
        extra["scheduled"] = sched
        extra["withdrawn"] = withdrawn
    return per, ytd


def months_done(fy, to):
    """The months of the fiscal year completed by to: its month counts on
    its last day (6 on 4 October, 7 on 31 October, 0 in April)."""
    m = (to.year - fy) * 12 + to.month - 3
    if (to + dt.timedelta(days=1)).month == to.month:
        m -= 1
    return min(12, max(0, m))


def shortfall(ytd, unheld, e, months):
    """What the 未実施 make of a short item's shortfall: "none", "part"
    or "all" (counted as held, they reach the share of the year)."""
    if unheld == 0:
        return "none"
    return "all" if (ytd + unheld) * 12 >= e * months else "part"


def config(data):
    with open(os.path.join(data, "nerima-cio.yaml"), encoding="utf-8") as f:
        return yaml_load(f)


def labels(src):
    with open(os.path.join(src, "schemas", "config.yaml"),
              encoding="utf-8") as f:
        s = yaml_load(f)
    props = s["properties"]["expectations"]["properties"]
    return {k: re.sub(r"（[^（]*）$", "", v["title"]) for k, v in props.items()}


def plain(label):
    """A row's label as the text names its item (without うち)."""
    return label[3:] if label.startswith("\u3000うち") else label


def row_labels(src):
    """The labels as the tables list them: a part of the count above it
    (the schema's x-part-of) under it, as うち…"""
    with open(os.path.join(src, "schemas", "config.yaml"),
              encoding="utf-8") as f:
        s = yaml_load(f)
    props = s["properties"]["expectations"]["properties"]
    lab = labels(src)
    return {k: ("\u3000うち" if "x-part-of" in v else "") + lab[k]
            for k, v in props.items()}


def docx_text(path):
    import docx
    doc = docx.Document(path)
    paras = [p.text for p in doc.paragraphs]
    tables = [[[cell_text(c) for c in row.cells] for row in t.rows]
              for t in doc.tables]
    return doc, paras, tables


def due_day(data, meeting):
    """The business day before a meeting (weekends, national holidays
    as `cal holidays` lists them, 29 December to 3 January closed)."""
    import json
    import subprocess
    out = subprocess.run([os.environ["NCIO"], "-C", data, "cal", "holidays",
                          "%d..%d" % (meeting.year - 1, meeting.year),
                          "--format", "json"], check=True,
                         capture_output=True).stdout
    hol = {d(h["date"]) for h in json.loads(out)}
    day = meeting - dt.timedelta(days=1)
    while (day.weekday() >= 5 or day in hol or
           (day.month, day.day) >= (12, 29) or
           (day.month, day.day) <= (1, 3)):
        day -= dt.timedelta(days=1)
    return day


def bimonthly(data, mid, path, note_item=None, note_text=None):
    src = os.environ["NCIO_SOURCE_DIR"]
    meetings = records(data, "meetings", 2026)
    me = [m for m in meetings if m["id"] == mid]
    if not me:
        fail("no meeting " + mid)
    me = me[0]
    day = d(me["date"])
    fy = me["fy"]
    prev = [d(m["date"]) for m in meetings if m.get("type") == "progress"
            and d(m["date"]) < day]
    # from the day after the previous meeting's documents were dated to
    # the day this one's are: the business day before the meeting
    frm = (due_day(data, max(prev)) + dt.timedelta(days=1) if prev
           else dt.date(fy, 4, 1))
    to = due_day(data, day)
    months = months_done(fy, to)
    extra = {}
    per, ytd = compute(data, fy, frm, to, extra)
    exp = config(data).get("expectations", {})
    lab = labels(src)
    _, paras, tables = docx_text(path)
    summary = tables[0]
    if summary[0][:6] != ["仕様書", "業務", "単位", "当期", "年度累計",
                          "年間想定"]:
        fail("the first table is not the summary: %r" % summary[0])
    # the last column named for what it compares, the clause (a bare
    # "6(1)ウ" meant nothing to a reader) in the text introducing it
    if summary[0][6:] != ["按分（%dか月）" % months if months else "按分",
                          "按分との比較"]:
        fail("summary headings %r" % summary[0][6:])
    intro = [p for p in paras if "「按分との比較」欄の「下回る」" in p]
    if not intro or "仕様書6(1)ウ" not in intro[0]:
        fail("no text saying what 按分との比較 marks, by 仕様書6(1)ウ")
    rows = summary[1:]
    if len(rows) != len(ITEMS):
        fail("%d summary rows, want %d" % (len(rows), len(ITEMS)))
    short = []
    rlab = row_labels(src)
    for k, row in zip(ITEMS, rows):
        if k in rlab and row[1] != rlab[k]:
            fail("row %s: label %r, want %r" % (k, row[1], rlab[k]))
        for c in (row[3], row[4], row[5]):
            if c != "―" and not COUNT_RE.fullmatch(c) and not (
                    k == "security_reports" and c == "各1"):
                fail("%s: count %r not written as 1,234" % (k, c))
        if exp.get(k) is not None:
            if not re.fullmatch(r"\d{1,3}(,\d{3})*\.\d", row[6]):
                fail("%s: prorated %r not in one decimal" % (k, row[6]))
        row = [c.replace(",", "") for c in row]
        if int(row[3]) != per[k] or int(row[4]) != ytd[k]:
            fail("%s: the report says %s / %s, the records %d / %d" %
                 (k, row[3], row[4], per[k], ytd[k]))
        e = exp.get(k)
        if e is not None:
            if int(row[5]) != e:
                fail("%s: expected %s, the config %d" % (k, row[5], e))
            is_short = ytd[k] * 12 < e * months
        else:
            is_short = False
            # the specification's 1 each, in words: never prorated
            if row[5] != ("各1" if k == "security_reports" else "―"):
                fail("%s has an expectation %r" % (k, row[5]))
        if (row[7] == "下回る") != is_short:
            fail("%s: 6(1)ウ mark %r, short=%s (ytd %d, expected %s, %d "
                 "months)" % (k, row[7], is_short, ytd[k], e, months))
        if is_short:
            short.append(plain(row[1]))
    # section 4 lists exactly the short items, each with its note
    text = "\n".join(paras)
    i4 = text.index("年間想定件数を下回る項目の作業量の振替")
    sec4 = text[i4:text.index("添付資料")]
    got = re.findall(r"^\(\d+\)\u3000(.+)（仕様書[^）]*）$", sec4, re.M)
    if got != short:
        fail("6(1)ウ notes for %r, want %r" % (got, short))
    if not short and "下回る項目はありません" not in sec4:
        fail("no short item and no statement saying so")
    # each note says what the records say of the shortfall: sessions due
    # and not recorded held (未実施) are not effort moved to other work
    lines = sec4.split("\n")
    for k, row in zip(ITEMS, rows):
        if plain(row[1]) not in short or note_item is not None:
            continue
        at = [i for i, ln in enumerate(lines)
              if re.fullmatch(r"\(\d+\)\u3000%s（仕様書[^）]*）" %
                              re.escape(plain(row[1])), ln)]
        note = lines[at[0] + 1] if at and at[0] + 1 < len(lines) else ""
        u, c = extra["unheld"][k], extra["cancelled"][k]
        sc = extra["scheduled"][k]
        how = shortfall(ytd[k], u + c, exp[k], months)
        moved = "振り替え" in note
        # the rest of the year scheduled: the plan's timing, not moved
        if sc > 0 and ytd[k] + u + c + sc >= exp[k]:
            if moved or "年度内にあと%d%sを予定しており" % (sc, row[2]) \
                    not in note or "作業量の振替はありません" not in note:
                fail("%s: %d more scheduled make the year, the note says "
                     "%r" % (k, sc, note))
            continue
        # in the item's unit (定例会 8回), never the same count twice
        # (うち1件は…1件です)
        said = (u == 0 or "（未実施）%d%s" % (u, row[2]) in note) and \
            (c == 0 or "中止したもの%d%s" % (c, row[2]) in note)
        if how == "all" and (moved or not said):
            fail("%s: its shortfall is the %d 未実施 and %d 中止, the note "
                 "says %r" % (k, u, c, note))
        if how == "part" and (not moved or not said or
                              "下回る分のうち、" not in note):
            fail("%s: %d 未実施 and %d 中止 are part of its shortfall, the "
                 "note says %r" % (k, u, c, note))
        if how == "none" and (not moved or "未実施" in note):
            fail("%s: no 未実施, the note says %r" % (k, note))
    # the withdrawn reviews the counts leave out, each named
    want = sum(extra["withdrawn"].values())
    named = sum(ln.count("受付）") for ln in text.split("\n")
                if ln.startswith("年度内に取り下げられたもの（件数に含めて"
                                 "いません）："))
    if named != want:
        fail("%d withdrawn reviews named, the records have %d" %
             (named, want))
    # where the effort went is said once, not in every note
    m = re.search(r"^振替先（[^）]*）：(.*)$", sec4, re.M)
    # the destinations are exactly the items the rule in its brackets
    # names: above their share of the year, or done without a yearly
    # volume
    want = []
    for k, row in zip(ITEMS, rows):
        c = [x.replace(",", "") for x in row]
        if c[5] not in ("―", "各1") and c[7] != "下回る" and \
                int(c[4]) > float(c[6]):
            want.append(plain(row[1]))
        elif c[5] == "―" and int(c[4]) > 0:
            want.append(plain(row[1]))
    if short and want:
        if m is None:
            fail("no 振替先 line, want %r" % want)
        elif m.group(0).split("：")[0] != \
                "振替先（年度累計が按分を上回る項目および年間想定のない業務）":
            fail("the rule of the 振替先 changed: %r" % m.group(0))
        else:
            got, depth, cur = [], 0, ""
            for ch in m.group(1).rstrip("。") + "、":
                if ch == "、" and depth == 0:
                    got.append(re.sub(r"（年度累計[^）]*）$", "", cur))
                    cur = ""
                    continue
                depth += (ch == "（") - (ch == "）")
                cur += ch
            if sorted(got) != sorted(want):
                fail("振替先 %r, the rule names %r" % (got, want))
    if m:
        names, depth, cur = [], 0, ""
        for ch in m.group(1) + "、":
            if ch == "、" and depth == 0:
                names.append(re.sub(r"（年度累計[^）]*）$", "", cur))
                cur = ""
                continue
            depth += (ch == "（") - (ch == "）")
            cur += ch
        for name in names:
            if sec4.count(name) != 1:
                fail("the destination %s is named %d times in section 4" %
                     (name, sec4.count(name)))
    # dates in the ward's one style (令和8年6月1日), tables as text
    for t in [text] + ["\n".join("\t".join(r) for r in t) for t in tables]:
        m = re.search(r"(?<![\w.])(R\d{1,2}\.\d{1,2}\.\d{1,2}|"
                      r"20\d\d[-/]\d{1,2}[-/]\d{1,2})", t)
        if m:
            fail("a date not written 令和N年M月D日: %s" % m.group(0))
    # amounts and counts of four digits or more with separators
    for t in [text] + ["\n".join("\t".join(r) for r in t) for t in tables]:
        m = re.search(r"(?<![\d,.])\d{4,}(人|件|円|回)", t)
        if m:
            fail("a number without thousands separators: %s" % m.group(0))
    # a review's state as it was at the period's end: one decided or
    # submitted after it was not 決定済 / 提出済 then
    rows = [r for t in tables[1:] for r in t]
    for r in records(data, "reviews", fy):
        rcv, dec = d(r.get("received")), d((r.get("decision") or {})
                                           .get("date"))
        dec = dec or d(r.get("submitted"))
        if not rcv or not (frm <= rcv <= to) or not dec or dec <= to:
            continue
        for row in rows:
            if r["title"] in row and any("決定済" in c or "提出済" in c
                                         for c in row):
                fail("%s, decided %s, is shown as %r at the period's end %s"
                     % (r["title"], dec, row[-1], to))
    # an audit's too: not agreed or reported before it was
    for r in records(data, "audits", fy):
        held = d(r.get("date"))
        agreed = d((r.get("agreement") or {}).get("date"))
        reported = d(r.get("reported"))
        if not held or not (frm <= held <= to):
            continue
        later = [s for s, when in (("合意済", agreed), ("報告済", reported),
                                   ("フォローアップ中", reported),
                                   ("完了", reported))
                 if when and when > to]
        for row in rows:
            if r["title"] in row and any(s in c for s in later
                                         for c in row):
                fail("%s, agreed %s, reported %s, is shown as %r at the "
                     "period's end %s" % (r["title"], agreed, reported,
                                          row[-1], to))
    if note_item is not None:
        if note_text not in sec4:
            fail("the note given for %s is not in section 4" % note_item)
    for t in [text] + ["\n".join("\t".join(r) for r in t) for t in tables]:
        m = ID_RE.search(t)
        if m:
            fail("internal id %s in the report" % m.group(0))
    era_from = "令和%d年%d月%d日から" % (frm.year - 2018, frm.month, frm.day)
    if era_from not in text:
        fail("the period does not start %s" % era_from)
    era_to = "から令和%d年%d月%d日まで" % (to.year - 2018, to.month, to.day)
    if era_to not in text:
        fail("the period does not end %s (the day the report is dated)"
             % era_to)
    print("period %s..%s months %d short %d: %s" %
          (frm, to, months, len(short), "、".join(short)))
    print("counts " + " ".join("%s=%d/%d" % (k, per[k], ytd[k])
                               for k in ITEMS))


def annual(data, fy, today, path):
    import openpyxl
    fy = int(fy)
    to = min(d(today), dt.date(fy + 1, 3, 31))
    extra = {}
    _, ytd = compute(data, fy, dt.date(fy, 4, 1), to, extra)
    months = months_done(fy, to)
    exp = config(data).get("expectations", {})
    wb = openpyxl.load_workbook(path)
    ws = wb.worksheets[0]
    rows = [r for r in ws.iter_rows(values_only=True)]
    hdr = [i for i, r in enumerate(rows) if r and r[0] == "仕様書"]
    if not hdr:
        fail("no header row")
    data_rows = rows[hdr[0] + 1:hdr[0] + 1 + len(ITEMS)]
    # the attendances are a part of the consultations above them, said
    # and indented as the 相談業務実施報告書 has them: a row of their own
    # under the same 仕様書 read as work in addition
    lab = labels(os.environ["NCIO_SOURCE_DIR"])
    at = ITEMS.index("consultation_attendances")
    if data_rows[at][1] != "\u3000うち" + lab["consultation_attendances"] or \
            ITEMS[at - 1] != "department_consultations":
        fail("the attendances' row reads %r" % (data_rows[at][1],))
    # 実績の内訳: what a total counts, and by date among it what was
    # cancelled, as 中止, so that 第3回, 第4回（中止）, 第5回 reconcile
    # with the 中止 in the 備考; the sheet says 中止 is not counted
    rs = wb.worksheets[1]
    if sum(extra["cancelled"].values()) > 0 and not any(
            isinstance(r[0], str) and "状況が中止のものは実績に含めない" in r[0]
            for r in rs.iter_rows(values_only=True, max_row=4) if r):
        fail("実績の内訳 does not say 中止 is not counted")
    det = [r for r in rs.iter_rows(values_only=True) if r and r[0] and
           r[0] != "仕様書" and r[1]]
    for k in ITEMS:
        if k not in lab:
            continue
        mine = [r for r in det if r[1].replace("\n", "") == lab[k]]
        stop = [r for r in mine if r[6] == "中止"]
        if len(stop) != extra["cancelled"][k]:
            fail("%s: %d rows 中止, the records %d cancelled" %
                 (k, len(stop), extra["cancelled"][k]))
        if k.endswith("_meetings") and len(mine) - len(stop) != ytd[k]:
            fail("%s: %d rows held, the total %d" %
                 (k, len(mine) - len(stop), ytd[k]))
        days = [r[2] for r in mine]
        if days != sorted(days):
            fail("%s: the rows are not by date" % k)
    for k, r in zip(ITEMS, data_rows):
        if int(r[3]) != ytd[k]:
            fail("%s: the workbook says %s, the records %d" % (k, r[3], ytd[k]))
        # the 備考 as the 作業実施報告書 words the same shortfall (the
        # writer breaks long text with line feeds)
        note = (r[6] or "").replace("\n", "")
        e, u = exp.get(k), extra["unheld"][k]
        c = extra["cancelled"][k]
        sc = extra["scheduled"][k]
        if e is not None and ytd[k] * 12 < e * months and sc > 0 and \
                ytd[k] + u + c + sc >= e:
            # the rest scheduled: the plan's timing, not effort moved
            if "振替" in note or not note.startswith(
                    "年度内にあと%d件を予定（作業実施計画書）" % sc):
                fail("%s: %d more scheduled make the year, the 備考 says "
                     "%r" % (k, sc, note))
        elif e is not None and ytd[k] * 12 < e * months:
            how = shortfall(ytd[k], u + c, e, months)
            moved = "※の業務に振替" in note
            un = "未実施 %d件" % u if u > 0 else "中止 %d件" % c
            said = c == 0 or "中止 %d件" % c in note
            if how == "all" and (moved or not note.startswith(un) or
                                 not said):
                fail("%s: its shortfall is the %d 未実施 and %d 中止, the "
                     "備考 says %r" % (k, u, c, note))
            if how == "part" and (not moved or "うち" + un not in note or
                                  not said):
                fail("%s: %d 未実施 and %d 中止 are part of its shortfall, "
                     "the 備考 says %r" % (k, u, c, note))
            if how == "none" and (not moved or "未実施" in note):
                fail("%s: no 未実施, the 備考 says %r" % (k, note))
        n = extra["withdrawn"][k]
        # (the writer may break the line at the space: compare without)
        if (n > 0) != ("取下げ%d件は実績に含めない" % n in note.replace(" ", "")):
            fail("%s: %d withdrawn, the 備考 says %r" % (k, n, note))
    for ws in wb.worksheets:
        for r in ws.iter_rows(values_only=True):
            for c in r:
                if isinstance(c, str) and ID_RE.search(c):
                    fail("internal id in " + ws.title)
    print("annual " + " ".join("%s=%d" % (k, ytd[k]) for k in ITEMS))


def pdftext(txt, path):
    """Every count of the summary table is in LibreOffice's text: on the
    line of the item's label, its period, year-to-date and expected
    figures in that order after the unit.  The label whole on that line:
    the columns of the figures leave the 業務 the room of its longest
    name (a heading of the last column set on one line broke
    情報セキュリティ／事故等への対応)."""
    _, _, tables = docx_text(path)
    with open(txt, encoding="utf-8") as f:
        lines = f.read().splitlines()
    for row in tables[0][1:]:
        label, unit = row[1].lstrip("\u3000"), row[2]
        found = [x for x in lines if label in x.replace(" ", "")
                 and unit in re.split(r"\s{2,}", x.strip())]
        if not found:
            fail("no line for %s whole in the PDF text" % label)
        x = found[0]
        cols = re.split(r"\s{2,}", x.strip())
        if unit not in cols:
            fail("%s: no unit column in %r" % (label, x))
        want = [n for n in (row[3], row[4], row[5]) if n != "―"]
        got = cols[cols.index(unit) + 1:]
        if got[:len(want)] != want:
            fail("%s: %r in the PDF text, want %r" % (label, got, want))


def pptx_slides(path, br=""):
    """Each slide's paragraphs (the text of its runs, a line break as
    br), in order."""
    import zipfile
    from xml.etree import ElementTree as ET
    A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
    z = zipfile.ZipFile(path)
    names = sorted((n for n in z.namelist()
                    if re.match(r"ppt/slides/slide\d+\.xml$", n)),
                   key=lambda n: int(re.findall(r"\d+", n)[0]))
    out = []
    for n in names:
        root = ET.fromstring(z.read(n))
        out.append(["".join((t.text or "") if t.tag == A + "t" else br
                            for t in p.iter() if t.tag in (A + "t", A + "br"))
                    for p in root.iter(A + "p")])
    return out


def secplan(data, fy, path):
    """The 運営計画書's 年間スケジュール, on its slide and continuations (a
    month on one, not the last alone after many), shows the plan as it
    stood at the deck's date: the work plan version dated on or before
    it (named in each slide's title), every security training and audit
    of the year in the month of the date it had then (a later version's moves undone),
    with its day -- a training held over a period with the period, as
    the 作業実施計画書 writes it (3日～28日, 3日～9月2日), a moved one's
    period keeping its length.  An audit is named by its kind and its
    target, the 課 with the system audited (情報セキュリティ監査（システム
    面） 総務課 文書管理システム), as the 実施計画 names it.  A month's
    items part at 、 or at a line break, and no line breaks inside one:
    「区立保育園職員向け／情報セキュリティ研修」 split a name."""
    fy = int(fy)
    with open(os.path.join(data, "orgs.yaml"), encoding="utf-8") as f:
        orgs = {v["code"]: v["name"] for dep in yaml_load(f)["departments"]
                for v in dep.get("divisions") or []}
    plan = max((r for r in records(data, "secreports", fy)
                if r.get("type") == "plan"), key=lambda r: str(r["date"]))
    on = d(plan["date"])
    wps = sorted(records(data, "workplans", fy), key=lambda r: r["version"])
    current = [w["version"] for w in wps if d(w["date"]) <= on]
    moved = {}
    for w in wps:
        if d(w["date"]) > on:
            for m in w.get("moves") or []:
                moved.setdefault(m["record"], d(m["from"]))
    slides = pptx_slides(path, "\n")
    scheds = [s for s in slides if s and s[0].startswith("年間スケジュール")]
    if not scheds:
        fail("no 年間スケジュール slide")
    # the schedule and its continuation slides (（続き）), a month on one
    rows = {}
    per = []
    for sched in scheds:
        if current and "第%d版" % current[-1] not in sched[0]:
            fail("the schedule's title %r does not name the work plan "
                 "version of %s (第%d版)" % (sched[0], on, current[-1]))
        per.append(0)
        for i, c in enumerate(sched):
            if re.fullmatch(r"\d+月", c) and i + 1 < len(sched):
                if int(c[:-1]) in rows:
                    fail("%s on two of the schedule's slides" % c)
                rows[int(c[:-1])] = sched[i + 1]
                per[-1] += 1
    # spread over its slides: not a last slide of one month after many
    if len(per) > 1 and per[-1] == 1 and per[-2] > 2:
        fail("the schedule's last slide holds one month, the one before "
             "%d" % per[-2])
    fyl = "令和%d年度" % (fy - 2018)
    want = []
    for r in records(data, "trainings", fy):
        if r.get("kind") == "security" and r.get("status") != "cancelled":
            want.append((r, "研修"))
    for r in records(data, "audits", fy):
        want.append((r, "監査"))
    n = 0
    for r, what in want:
        day = moved.get(r["id"], d(r["date"]))
        # an audit of several days by its span too, as the 作業実施計画書
        # and the 監査一覧 give it (rev20 T5)
        end = d(r.get("end_date")) if r.get("end_date") else None
        span = "%d日" % day.day
        if end is not None and end > d(r["date"]):
            end = day + (end - d(r["date"]))
            span += ("～%d日" % end.day if (end.year, end.month) ==
                     (day.year, day.month) else
                     "～%d月%d日" % (end.month, end.day))
        title = r["title"].replace(fyl, "").strip()
        sys_ = r.get("target_system")
        if what == "監査" and sys_ and r.get("target_org") in orgs and \
                title.endswith(" " + sys_):
            title = title[:-len(sys_)] + orgs[r["target_org"]] + " " + sys_
        base = re.sub(r"（[^（）]*）$", "", title)
        def items(m):
            # audits of one kind in a month share its name: 情報セキュリ
            # ティ監査（運用面） 経済課（19日）、区立図書館（見本A）（26日）
            out, head = [], None
            for x in re.split(r"[、\n]", rows.get(m, "")):
                if " " in x:
                    head = x.rsplit(" ", 1)[0]
                elif head is not None:
                    out.append((head + x).replace(" ", ""))
                out.append(x.replace(" ", ""))
            return out
        t = title.replace(" ", "")
        if t + "（%s）" % span in items(day.month):
            n += 1
        elif what == "研修" and re.search(
                re.escape(base.replace(" ", "")) + r"（(\d+日・)*%s(・\d+日)*）"
                % re.escape(span), rows.get(day.month, "").replace(" ", "")):
            n += 1      # named by the authored items, with its day
        else:
            fail("%s %s (%s as of %s) is not in %d月 of the schedule: %r"
                 % (what, title, day, on, day.month, rows.get(day.month)))
        for m in rows:
            if m != day.month and any(re.fullmatch(re.escape(t) +
                                                   r"（\d+日[^）]*）", x)
                                      for x in items(m)):
                fail("%s is in %d月 of the schedule, the plan of %s had it "
                     "in %d月" % (title, m, on, day.month))
    print("secplan %s version %s: %d trainings and audits, %d moved, "
          "%d slide%s" % (on, current[-1] if current else "-", n,
                          len(moved), len(per), "" if len(per) == 1 else
                          "s"))


if __name__ == "__main__":
    a = sys.argv[1:]
    if a[0] == "bimonthly":
        bimonthly(*a[1:])
    elif a[0] == "annual":
        annual(*a[1:])
    elif a[0] == "pdftext":
        pdftext(*a[1:])
    elif a[0] == "secplan":
        secplan(*a[1:])
    else:
        fail("unknown check " + a[0])
