#!/usr/bin/env python3
"""Records the generator writes agree with themselves (review15): a
status that says what the record's history and dates say, and the like.
usage: records_agree.py DATA-DIR [NERIMA-CIO]; prints each disagreement,
exits 1 if any.  The lint catches some of these; this names what the
generator must not write, one check per kind.  With the program, the
dates the ward acts on are checked against its calendar (cal holidays)."""
import datetime, glob, os, re, subprocess, sys
import yaml

data = sys.argv[1]
ncio = sys.argv[2] if len(sys.argv) > 2 else None
bad = []


# libyaml's loader where there is one: the self-checks are large
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


CACHE = {}


def records(kind):
    # each kind read once: the checks go over the same records
    if kind not in CACHE:
        v = []
        for p in sorted(glob.glob(os.path.join(data, kind, "*", "*.yaml"))):
            with open(p, encoding="utf-8") as f:
                v.append((os.path.relpath(p, data),
                          yaml.load(f, Loader=LOADER)))
        CACHE[kind] = v
    return iter(CACHE[kind])


def check_issues():
    # the status is the last history entry's
    for p, r in records("issues"):
        h = r.get("history") or []
        last = h[-1]["status"] if h else None
        if last != r.get("status"):
            bad.append("%s: status %s, last history entry %s" %
                       (p, r.get("status"), last))
    # open or in progress only in the data's last year
    recs = list(records("issues"))
    last_fy = max((r["fy"] for p, r in recs), default=0)
    for p, r in recs:
        if r.get("status") != "closed" and r["fy"] < last_fy:
            bad.append("%s: %s of %d still %s in %d" % (p, r.get("ref_no"),
                       r["fy"], r.get("status"), last_fy))


def check_audits():
    # each status has its dates: agreed ones have an agreement and no
    # report yet, reported ones both (schema order planned, in-progress,
    # agreed, reported, following-up, closed)
    for p, r in records("audits"):
        st = r.get("status")
        if st == "agreed" and r.get("reported"):
            bad.append("%s: agreed, with reported %s" % (p, r["reported"]))
        if st in ("reported", "following-up", "closed") and \
                not r.get("reported"):
            bad.append("%s: %s without a reported date" % (p, st))
        if st in ("agreed", "reported") and not r.get("agreement"):
            bad.append("%s: %s without an agreement" % (p, st))


def check_reviews():
    # a decision's approver is the tier the config's rules give the cost
    with open(os.path.join(data, "nerima-cio.yaml"), encoding="utf-8") as f:
        appr = yaml.safe_load(f)["approval"]
    basis = appr.get("cost_basis", "total")
    for p, r in records("reviews"):
        d = r.get("decision") or {}
        if "approver" not in d:
            continue
        costs = r.get("costs") or []
        cost = sum(c.get("initial", 0) for c in costs)
        if basis == "total":
            cost += sum(c.get("running", 0) for c in costs)
        elif basis != "initial":
            bad.append("cost_basis %s: not checked" % basis)
            return
        want = next((x["approver"] for x in appr["rules"]
                     if x["category"] == r.get("category") and
                     ("below" not in x or cost < x["below"])), None)
        if d["approver"] != want:
            bad.append("%s: approver %s for %s %d yen, the rules give %s" %
                       (p, d["approver"], r.get("category"), cost, want))


# words of a comparison with an earlier year or audit, which no
# generated free text may make (nothing computes them from the figures)
COMPARING = ("前年度より", "前年度に比べ", "前年度と比べ", "昨年度より",
             "前回の監査の指摘事項は")


def free_text(node, path=""):
    if isinstance(node, dict):
        for k, v in node.items():
            yield from free_text(v, path + "." + str(k))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from free_text(v, "%s[%d]" % (path, i))
    elif isinstance(node, str):
        yield path, node


def check_trainings():
    for p, r in records("trainings"):
        for k, v in free_text(r):
            if any(c in v for c in COMPARING):
                bad.append("%s: %s compares: %s" % (p, k, v))


# what a survey summary may say of the free texts, and the words of a
# text that says it
SAID = {"演習の時間": "演習の時間", "繁忙期": "繁忙期", "事例": "事例",
        "職場で共有": "職場で共有", "事前に配布": "事前に配布"}
# the items the old summaries named without counting (ts-q01, ts-q03)
NAMED = {"標的型攻撃メールに関する設問": 0, "誤送信の防止に関する設問": 2}


def check_training_summaries():
    # a summary says what the answers give: the items named as answered
    # worst and best are those, 高い over 80% right, a comment reported
    # was written, satisfaction claimed by most respondents' answers
    for p, r in records("trainings"):
        t = r.get("test") or {}
        res = t.get("results") or []
        summ = t.get("summary") or ""
        keys = [i["key"][0] for i in r.get("test_items") or []]
        right = [0] * len(keys)
        for x in res:
            for q, a in enumerate(x["answers"].split()):
                right[q] += a == str(keys[q])
        if res and keys:
            lo = {q + 1 for q, c in enumerate(right) if c == min(right)}
            hi = {q + 1 for q, c in enumerate(right) if c == max(right)}
            for word, q in NAMED.items():
                if word in summ and q + 1 not in lo:
                    bad.append("%s: '%s' named, item %d not the lowest %s"
                               % (p, word, q + 1, sorted(lo)))
            # the items named are those answered worst (最も低かったのは
            # ..., or those whose 内容 the next material explains)
            for m in re.finditer(r"最も(低|高)かったのは([^、。]*)|"
                                 r"((?:問\d+（[^）]*）と?)+)の内容は", summ):
                want = hi if m.group(1) == "高" else lo
                got = {int(x) for x in re.findall(r"問(\d+)",
                                                   m.group(2) or m.group(3))}
                if got != want:
                    bad.append("%s: summary names %s, the answers give %s"
                               % (p, sorted(got), sorted(want)))
            if "正答率は高く" in summ and \
                    sum(right) * 10 < 8 * len(keys) * len(res):
                bad.append("%s: 正答率は高く at %d of %d" %
                           (p, sum(right), len(keys) * len(res)))
        sv = r.get("survey") or {}
        summ = sv.get("summary") or ""
        texts = "".join(x.get("text", "") for y in sv.get("responses") or []
                        for x in y.get("texts") or [])
        for sent in summ.split("。"):
            if "との意見" not in sent:
                continue
            for word, need in SAID.items():
                if word in sent and need not in texts:
                    bad.append("%s: survey summary '%s', no text says it" %
                               (p, sent))
        resp = sv.get("responses") or []
        if "満足したと回答" in summ:
            top2 = sum(x["answers"].split()[0] in ("1", "2") for x in resp)
            if top2 * 2 <= len(resp):
                bad.append("%s: 満足 claimed, %d of %d" %
                           (p, top2, len(resp)))


def check_audit_texts():
    # no earlier audit's result claimed; マイナンバー only where checked
    for p, r in records("audits"):
        for k, v in free_text(r):
            if any(c in v for c in COMPARING):
                bad.append("%s: %s compares: %s" % (p, k, v))
        if not r.get("my_number") and "マイナンバー" in r.get("summary", ""):
            bad.append("%s: summary on マイナンバー, my_number false" % p)


def check_incidents():
    # the status is the one the recorded dates give: prevention
    # (再発防止策の確認中) has the report received, not yet reviewed;
    # closed has its closing date
    for p, r in records("incidents"):
        st, pv = r.get("status"), r.get("prevention") or {}
        if st == "prevention" and (pv.get("reviewed") or pv.get("items")):
            bad.append("%s: prevention, but reviewed %s" %
                       (p, pv.get("reviewed")))
        if st == "prevention" and not pv.get("received"):
            bad.append("%s: prevention without the report received" % p)
        iso = r.get("isolation") or {}
        if iso.get("decision") in ("monitor", "not-needed") and \
                iso.get("restored"):
            bad.append("%s: %s, yet restored %s" %
                       (p, iso["decision"], iso["restored"]))
        if (st == "closed") != bool(r.get("closed")):
            bad.append("%s: status %s, closed %s" % (p, st, r.get("closed")))
        # reviewed measures are recorded (the 再発防止策の提案書 needs them)
        if pv.get("reviewed") and not pv.get("items"):
            bad.append("%s: reviewed %s, no measures (prevention.items)" %
                       (p, pv["reviewed"]))
    # not closed only within the last weeks of the data's last year
    import datetime
    recs = list(records("incidents"))
    if recs:
        end = datetime.date(max(r["fy"] for p, r in recs) + 1, 3, 31)
        for p, r in recs:
            if r.get("status") != "closed" and \
                    (end - r["occurred"]).days >= 42:
                bad.append("%s: occurred %s, still %s on %s" %
                           (p, r["occurred"], r.get("status"), end))


# words of an incident's texts and the categories they belong to
INCIDENT_WORDS = {
    "EDR": ("malware", "attack"),
    "遺失届": ("loss",),
    "回収と謝罪": ("misdelivery",),
    "修正プログラム": ("vulnerability",),
    "ネットワークから切り離し": ("malware", "attack"),
    "委託先": ("leak",),
}


def check_incident_texts():
    # texts that fit the category; a title naming personal data has it
    for p, r in records("incidents"):
        if "個人情報" in r["title"] and not r.get("personal_info"):
            bad.append("%s: %s, personal_info false" % (p, r["title"]))
        text = "".join(str(r.get(k, "")) for k in
                       ("description", "response", "advice"))
        text += str((r.get("prevention") or {}).get("measures", ""))
        text += str((r.get("prevention") or {}).get("comment", ""))
        for word, cats in INCIDENT_WORDS.items():
            if word in text and r["category"] not in cats:
                bad.append("%s: %s (%s) says %s" %
                           (p, r["title"], r["category"], word))


# the items the 次第 adds for a meeting's type (lib/meeting's topics)
TOPICS = {"regular": ("issues", "activity", "schedule"),
          "progress": ("reports", "issues")}


def check_meetings():
    # the minutes cover every item of the 次第: the record's items, and
    # the topics of its type stored as items; the notes a part on each
    for p, r in records("meetings"):
        items = r.get("agenda") or []
        have = {a.get("topic") for a in items}
        if any(a.get("title") == "課題管理表" for a in items):
            have.add("issues")
        for t in TOPICS.get(r.get("type"), ()):
            if t not in have:
                bad.append("%s: no item for the topic %s" % (p, t))
        notes = r.get("minutes")
        if notes is None:
            continue
        for i, a in enumerate(items):
            if "%d %s\n" % (i + 1, a["title"]) not in notes:
                bad.append("%s: the notes leave out item %d %s" %
                           (p, i + 1, a["title"]))


def check_catalogs():
    # a catalog based on last year's keeps its items: a code of both
    # years asks the same question, and only a handful are new
    cats = {r["id"]: (p, r) for p, r in records("catalogs")}
    for p, r in cats.values():
        if not r.get("based_on") or r["based_on"] not in cats:
            continue
        old = {i["ref"]: i for i in cats[r["based_on"]][1].get("items") or []}
        new = 0
        for i in r.get("items") or []:
            o = old.get(i["ref"])
            if o is None:
                new += 1
            elif o.get("text") != i.get("text") or \
                    o.get("category") != i.get("category"):
                bad.append("%s: %s reworded under its old code" %
                           (p, i["ref"]))
        if new > 5:
            bad.append("%s: %d of %d items new" %
                       (p, new, len(r.get("items") or [])))


def check_consults():
    # answered, but for a few received in the last weeks of the data's
    # last year (one open for a year or more is no one's record)
    import datetime
    recs = list(records("consults"))
    if not recs:
        return
    end = datetime.date(max(r["fy"] for p, r in recs) + 1, 3, 31)
    for p, r in recs:
        recv = r.get("received")
        if r.get("status") == "closed":
            if not r.get("answer") or not r.get("answered") or \
                    r["answered"] < recv:
                bad.append("%s: closed, answered %s, received %s" %
                           (p, r.get("answered"), recv))
        elif (end - recv).days > 42:
            bad.append("%s: %s %s, received %s, still %s on %s" %
                       (p, r.get("ref_no"), r.get("fy"), recv,
                        r.get("status"), end))


def check_followups():
    # one follow-up an audit (the tool refuses a second)
    seen = {}
    for p, r in records("audits"):
        of = r.get("followup_of")
        if of and of in seen:
            bad.append("%s: follows up %s, as %s does" % (p, of, seen[of]))
        elif of:
            seen[of] = p


def check_review_progress():
    # a plan is decided (意見書等提出済 is a procurement support's), and
    # none waits long: only those received in the last two months of the
    # data's last year are still on the way (review17: a plan 受付 since
    # 4月24日 on 31 March)
    recs = list(records("reviews"))
    if not recs:
        return
    end = datetime.date(max(r["fy"] for p, r in recs) + 1, 3, 31)
    for p, r in recs:
        st = r.get("status")
        if r.get("type") == "plan" and st == "submitted":
            bad.append("%s: a plan at %s" % (p, st))
        if st in ("received", "hearing", "assessed") and \
                (end - r["received"]).days > 62:
            bad.append("%s: %s %s since %s on %s" %
                       (p, r.get("ref_no"), st, r["received"], end))


def check_audit_reports():
    # every audit reported, within its year, the last by mid-March, and
    # agreed by the auditee's 課長 (review17: those after 1 December
    # stayed agreed without a report in every year)
    for p, r in records("audits"):
        d, rep = r.get("date"), r.get("reported")
        ag = (r.get("agreement") or {}).get("date")
        if r.get("status") not in ("reported", "following-up", "closed"):
            bad.append("%s: status %s at the year's end" % (p, r.get("status")))
        if not rep:
            bad.append("%s: no report" % p)
            continue
        if not (d <= ag <= rep <= datetime.date(r["fy"] + 1, 3, 15)):
            bad.append("%s: date %s, agreed %s, reported %s" % (p, d, ag, rep))
        head = [a["name"] for a in r.get("auditees") or []
                if a.get("position", "").endswith("課長")]
        by = (r.get("agreement") or {}).get("by")
        if head and by not in head:
            bad.append("%s: agreed by %s, the auditee 課長 is %s" %
                       (p, by, head[0]))


# what a finding's item requires, and the word its texts then share
REQ_WORDS = (("規程に定める手順", "手順書"), ("管理簿が作成され", "管理簿"),
             ("責任者の承認", "承認"), ("対策基準に沿った設定", "設定"),
             ("異動・退職の際", "異動"), ("記録が保存され", "保存"),
             ("消去・廃棄されて", "消去・廃棄"), ("年1回以上の見直し", "見直し"))
# a risk, and the word its analysis and measure share
RISK_WORDS = {"個人情報を含む書類の紛失": "書類", "外部記録媒体からの情報漏えい": "媒体",
              "不要なアカウントの悪用": "アカウント", "委託先での情報漏えい": "委託先",
              "端末のマルウェア感染": "更新", "誤送信による個人情報の漏えい": "宛先"}


def check_audit_texts_agree():
    # a finding, its correction, response and the follow-up's answer are
    # about its item; a risk's analysis and measure about the risk
    # (review17: answers about accounts to a locked cabinet finding)
    audits = dict((r["id"], r) for p, r in records("audits"))
    for p, r in records("audits"):
        for f in r.get("findings") or []:
            src = audits.get(f.get("from_audit"), r)
            item = next((i for i in src.get("items") or []
                         if i["ref"] == f.get("item")), None)
            if item is None:
                bad.append("%s: finding %s: item %s not in %s" %
                           (p, f["number"], f.get("item"), src["id"]))
                continue
            word = next((w for q, w in REQ_WORDS if q in item["text"]), None)
            texts = [f.get("finding"), f.get("correction"), f.get("response")]
            texts += [q.get("answer") for q in f.get("qa") or []]
            for t in texts:
                if word and t and word not in t:
                    bad.append("%s: finding %s (item %s, %s): '%s'" %
                               (p, f["number"], item["ref"], word, t))
        for k in r.get("risks") or []:
            word = RISK_WORDS.get(k["risk"])
            for t in (k.get("analysis"), k.get("measure")):
                if word and t and word not in t:
                    bad.append("%s: risk %s: '%s'" % (p, k["risk"], t))


def check_followup_of_followup():
    # from the fourth year, a follow-up of a follow-up that left findings
    # open, so that the documents show one
    recs = list(records("audits"))
    years = {r["fy"] for p, r in recs}
    fu = {r["id"] for p, r in recs if r.get("type") == "followup"}
    if len(years) >= 4 and not any(r.get("followup_of") in fu
                                   for p, r in recs):
        bad.append("%d years, no follow-up of a follow-up" % len(years))


def check_issue_ages():
    # the last year's open issues are mostly recent, not overdue; the
    # history names the meeting the issue was raised at
    recs = list(records("issues"))
    if not recs:
        return
    last = max(r["fy"] for p, r in recs)
    end = datetime.date(last + 1, 3, 31)
    opened = [r for p, r in recs if r["fy"] == last and
              r.get("status") != "closed"]
    late = [r for r in opened if r["due"] < end]
    if len(late) > max(2, len(opened) // 2):
        bad.append("%d of the %d issues open on %s are overdue: %s" %
                   (len(late), len(opened), end,
                    " ".join(r["ref_no"] for r in late)))
    for p, r in recs:
        h = (r.get("history") or [{}])[0]
        if r.get("raised_by") and r["raised_by"] not in h.get("note", ""):
            bad.append("%s: raised_by %s, history: %s" %
                       (p, r["raised_by"], h.get("note")))
        if h.get("date") != r.get("raised"):
            bad.append("%s: raised %s, first history entry %s" %
                       (p, r.get("raised"), h.get("date")))


def number_of(s):
    m = re.search(r"(\d+)", s or "")
    return int(m.group(1)) if m else None


def check_numbers():
    # numbers rise with the date in a year: 受付番号 with the receipt,
    # the notice number with the notice, the audit's with its day, the
    # issue's with its raising (review17: 練企情受第40号 received 4月6日,
    # 第1号 7月3日)
    rules = (("reviews", lambda r: r.get("ref_no"),
              lambda r: r.get("received")),
             ("reviews", lambda r: (r.get("decision") or {}).get("notice_no"),
              lambda r: (r.get("decision") or {}).get("notified")),
             ("consults", lambda r: r.get("ref_no"), lambda r: r.get("received")),
             ("audits", lambda r: r.get("ref_no"), lambda r: r.get("date")),
             ("issues", lambda r: r.get("ref_no"), lambda r: r.get("raised")))
    for kind, no, day in rules:
        by_fy = {}
        for p, r in records(kind):
            n, d = number_of(no(r)), day(r)
            if n is not None and d is not None:
                by_fy.setdefault(r["fy"], []).append((n, d, p, no(r)))
        for fy, v in by_fy.items():
            v.sort()
            for a, b in zip(v, v[1:]):
                if b[1] < a[1]:
                    bad.append("%s: %s of %s, before %s of %s (%s)" %
                               (b[2], b[3], b[1], a[3], a[1], a[2]))


def check_severity():
    # 重大 a few per cent of a year's incidents (review17: 7 of 30)
    by_fy = {}
    for p, r in records("incidents"):
        by_fy.setdefault(r["fy"], []).append(r.get("severity"))
    for fy, v in by_fy.items():
        crit = v.count("critical")
        if crit > max(1, len(v) // 10):
            bad.append("incidents %d: %d of %d 重大" % (fy, crit, len(v)))


def check_vendor_items():
    # the 特記事項 checklist: items of their own, each at its stage
    # (review17: 消去証明書を受領した under 締結当初, 10 texts twice)
    words = {"選定": ("before",), "消去": ("end",), "返還": ("end",),
             "名簿": ("start", "during"), "特記事項": ("before",)}
    for p, r in records("catalogs"):
        if r.get("kind") != "checklist-vendor":
            continue
        seen = set()
        for i in r.get("items") or []:
            if i["text"] in seen:
                bad.append("%s: %s repeats '%s'" % (p, i["ref"], i["text"]))
            seen.add(i["text"])
            for w, st in words.items():
                if w in i["text"] and not set(i.get("stages") or []) <= set(st):
                    bad.append("%s: %s at %s: '%s'" %
                               (p, i["ref"], i.get("stages"), i["text"]))


# the dates the ward (or the team at it) acts on: a business day each
ACT_DATES = {
    "reviews": ("received", "due", "submitted", "hearings[].sent",
                "hearings[].due", "hearings[].answered", "decision.date",
                "decision.notified"),
    "consults": ("received", "due", "answered", "attended_date"),
    "meetings": ("date", "minutes_submitted", "materials_due"),
    "audits": ("date", "end_date", "agreement.date", "reported",
               "findings[].due", "findings[].response_date",
               "findings[].qa[].date"),
    "issues": ("raised", "due", "closed", "history[].date"),
    "trainings": ("date", "end_date", "report_submitted"),
    "checklists": ("submitted", "source.imported"),
    "incidents": ("reported", "prevention.received", "prevention.reviewed",
                  "closed"),
    "pias": ("received", "deadlines[].date", "deadlines[].done",
             "review_notes[].date"),
    "catalogs": ("issued",),
    "workplans": ("date", "submitted", "approved"),
    "secreports": ("date", "proofreads[].date"),
    "deliverables": ("date",),
}


def values(node, path):
    if not path:
        yield node
        return
    head, rest = path[0], path[1:]
    if head.endswith("[]"):
        for x in (node or {}).get(head[:-2]) or []:
            yield from values(x, rest)
    elif isinstance(node, dict) and node.get(head) is not None:
        yield from values(node[head], rest)


def heads(kind):
    # the dates of a large record without building it: its top-level
    # lines and those of its top-level mappings (the self-checks)
    for p in sorted(glob.glob(os.path.join(data, kind, "*", "*.yaml"))):
        r, top = {}, None
        with open(p, encoding="utf-8") as f:
            for line in f:
                m = re.match(r'^( {0,2})([a-z_]+): "?(\d{4}-\d\d-\d\d)', line)
                if re.match(r"^[a-z_]+:", line):
                    top = line.split(":")[0]
                if not m:
                    continue
                if m.group(1):
                    r.setdefault(top, {})[m.group(2)] = m.group(3)
                else:
                    r[m.group(2)] = m.group(3)
        yield os.path.relpath(p, data), r


def check_closed_days():
    if ncio is None:
        return
    years = set()
    for kind in ACT_DATES:
        for p in glob.glob(os.path.join(data, kind, "*")):
            if os.path.basename(p).isdigit():
                years.add(int(os.path.basename(p)))
    if not years:
        return
    out = subprocess.run([ncio, "cal", "holidays", "%d..%d" %
                          (min(years), max(years) + 1), "--format", "csv"],
                         capture_output=True, text=True, check=True).stdout
    shut = {}
    for line in out.splitlines()[1:]:
        d, name = line.split(",", 1)
        shut[datetime.date.fromisoformat(d)] = name
    for kind, fields in ACT_DATES.items():
        for p, r in records(kind) if kind != "checklists" else heads(kind):
            for f in fields:
                for v in values(r, f.split(".")):
                    d = datetime.date.fromisoformat(str(v)[:10])
                    why = shut.get(d) or ("年末年始" if (d.month, d.day) >=
                                          (12, 29) or (d.month == 1 and
                                                       d.day <= 3) else
                                          "土日" if d.weekday() >= 5 else None)
                    if why:
                        bad.append("%s: %s %s (%s)" % (p, f, v, why))


def check_coherence():
    # one year's records tell one story (review19: rev19a M3-M12, rev19b
    # G1, T2, T10); each a check of form, not of the generator's texts
    conf = yaml.load(open(os.path.join(data, "nerima-cio.yaml"),
                          encoding="utf-8"), Loader=LOADER)
    names = {m["id"]: m.get("name", m["id"]) for m in conf["members"]}
    ciso = [m["id"] for m in conf["members"]
            if m.get("role") == "ciso-advisor"]
    for p, r in records("meetings"):
        there = {names.get(m, m) for m in r.get("members") or []} | \
            {a.get("name") for a in r.get("attendees") or []}
        for a in r.get("agenda") or []:
            if a.get("presenter") and a["presenter"] not in there:
                bad.append("%s: presenter %s neither a member nor an "
                           "attendee" % (p, a["presenter"]))
        heads = [a for a in r.get("attendees") or []
                 if a.get("position") == "課長"]
        if len(heads) > 1:
            bad.append("%s: %d 課長 of one 課 attend" % (p, len(heads)))
        if r.get("type") == "progress" and not heads:
            bad.append("%s: a 進捗報告会 without the 情報政策課長" % p)
    suffix = {"new": ("新規導入",), "modification": ("改修",),
              "update": ("更新", "移行", "再構築")}
    fine = ("妥当", "概ね妥当", "回答により確認")
    for p, r in records("reviews"):
        c = r.get("category")
        if c in suffix and not r["title"].endswith(suffix[c]):
            bad.append("%s: category %s, title %s" % (p, c, r["title"]))
        for f in r.get("findings") or []:
            cm = f.get("comment") or ""
            if f.get("rating") in ("needs-check", "inadequate") and \
                    cm.startswith(fine):
                bad.append("%s: %s rated %s beside 「%s」" %
                           (p, f["viewpoint"], f["rating"], cm))
            if f.get("rating") in ("excellent", "adequate") and \
                    re.search("必要がある|不十分|求めた。$", cm):
                bad.append("%s: %s rated %s beside 「%s」" %
                           (p, f["viewpoint"], f["rating"], cm))
        for h in r.get("hearings") or []:
            qs = [i["question"] for i in h.get("items") or []]
            if len(qs) != len(set(qs)):
                bad.append("%s: round %s asks a question twice" %
                           (p, h.get("round")))
    for p, r in records("audits"):
        if ciso and r.get("chief_auditor") not in ciso:
            bad.append("%s: chief_auditor %s, not the ciso-advisor" %
                       (p, r.get("chief_auditor")))
        rs = [x["risk"] for x in r.get("risks") or []]
        if len(rs) != len(set(rs)):
            bad.append("%s: a risk twice" % p)
    for p, r in records("trainings"):
        for t in r.get("test_items") or []:
            if any(c.startswith("選択肢") for c in t.get("choices") or []):
                bad.append("%s: placeholder choices in %s" % (p, t["ref"]))
        if r.get("kind") == "mynumber" and \
                not re.search("個人番号|特定個人情報", r.get("outline", "")):
            bad.append("%s: a マイナンバー training's outline without "
                       "マイナンバー" % p)
        if r.get("kind") != "mynumber" and \
                re.search("特定個人情報", r.get("outline", "")):
            bad.append("%s: 特定個人情報 in the outline of a %s training" %
                       (p, r.get("kind")))
    for p, r in records("incidents"):
        if "標的型攻撃メール" in r["title"] and r.get("personal_info"):
            bad.append("%s: a mail nobody opened with personal data" % p)
        pv = r.get("privacy") or {}
        if pv.get("sensitive") and not re.search("障害|介護|病",
                                                 pv.get("items", "")):
            bad.append("%s: 要配慮個人情報 over %s" % (p, pv.get("items")))
    seen = {}
    for p, r in records("issues"):
        k = (r["fy"], r["title"])
        if k in seen:
            bad.append("%s: title %s also %s" % (p, r["title"], seen[k]))
        seen[k] = p
    for p, r in records("catalogs"):
        rep = (r.get("report") or {}).get("recommendations") or []
        if r.get("kind") != "checklist-vendor" and \
                any("委託事業者" in x for x in rep):
            bad.append("%s: a vendor step in the %s report" %
                       (p, r.get("kind")))
        if any("回答率の低い" in x for x in rep):
            bad.append("%s: 「回答率の低い課」 where every 課 answers" % p)


def check_coherence21():
    # a plan's result goes with its ratings and 総合所見, a rejection's
    # grounds are its own, no question or agenda item twice, 報告受理日 is
    # the 第一報's day, each 不適合 has its finding, one system one 所管課
    # (rev21a M4-M8, rev21b M3, M7, rev21c T9); form, not texts
    grounds = {}
    owner = {}
    for p, r in records("reviews"):
        if r.get("type") != "plan":
            continue
        d = r.get("decision") or {}
        res = d.get("result") or r.get("proposed_result")
        rt = [f.get("rating") for f in r.get("findings") or []]
        if res == "approve" and "inadequate" in rt:
            bad.append("%s: 可 over a ×" % p)
        if res == "approve" and "条件" in (r.get("overall") or ""):
            bad.append("%s: 可 with a 総合所見 that sets 条件" % p)
        if res == "conditional" and "inadequate" in rt:
            bad.append("%s: 条件付可 over a ×" % p)
        if res == "reject" and rt and "inadequate" not in rt:
            bad.append("%s: 否 with no ×" % p)
        if d.get("result") == "reject":
            grounds.setdefault(r.get("category"), set()).add(
                tuple(d.get("reasons") or []))
        qs = [i["question"] for h in r.get("hearings") or []
              for i in h.get("items") or []]
        if len(qs) != len(set(qs)):
            bad.append("%s: a hearing question asked again" % p)
        owner.setdefault(r.get("system_name"), set()).add(r.get("org"))
    if len(grounds) > 1 and len(set.union(*grounds.values())) < 2:
        bad.append("every rejection gives the same reasons: %s" %
                   list(set.union(*grounds.values())))
    for sysname, orgs in owner.items():
        if len(orgs) > 1:
            bad.append("plans of %s from %d 課: %s" %
                       (sysname, len(orgs), sorted(orgs)))
    for p, r in records("meetings"):
        ts = [a.get("title") for a in r.get("agenda") or []]
        if len(ts) != len(set(ts)):
            bad.append("%s: an agenda title twice" % p)
    for p, r in records("incidents"):
        wf = [e for e in r.get("timeline") or []
              if e.get("report") == "ward-first"]
        if wf and str(wf[0]["at"])[:10] != str(r.get("reported")):
            bad.append("%s: reported %s, 第一報 %s" %
                       (p, r.get("reported"), wf[0]["at"]))
    for p, r in records("audits"):
        if r.get("status") in ("planned", "in-progress"):
            continue
        named = {f.get("item") for f in r.get("findings") or []}
        for it in r.get("items") or []:
            if it.get("result") in ("partial", "nonconform") and \
                    it.get("ref") not in named:
                bad.append("%s: %s judged %s with no finding" %
                           (p, it.get("ref"), it.get("result")))


CHECKS = [check_issues, check_audits, check_reviews, check_trainings,
          check_training_summaries,
          check_audit_texts, check_incidents, check_incident_texts,
          check_meetings, check_catalogs, check_consults,
          check_followups, check_audit_reports, check_audit_texts_agree,
          check_followup_of_followup, check_issue_ages, check_numbers,
          check_severity, check_vendor_items, check_closed_days,
          check_review_progress, check_coherence, check_coherence21]

for c in CHECKS:
    c()
for b in bad:
    print(b)
sys.exit(1 if bad else 0)
