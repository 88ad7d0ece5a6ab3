#!/usr/bin/python3
"""Answer files for `nerima-cio training import`, written as others would,
and the results expected from what was written.

    training_import.py forms RECORD.yaml OUT.xlsx SEED N
        a Microsoft Forms export (openpyxl): ID, 開始時刻, 完了時刻, メール,
        名前, 所属, then a column per question headed by its text; several
        choices as "a;b;".  Prints the answers written as JSON.
    training_import.py csv RECORD.yaml OUT.csv SEED N ENCODING
        an e-learning system's CSV (cp932 or utf-8): 受講者番号, 氏名, 所属,
        受講完了日, 問1..., アンケート1...  Prints the answers as JSON.
    training_import.py expect RECORD.yaml RESULTS.json WRITTEN.json...
        the results computed from the answers as written (not from the
        record) compared with `training results --format json`

The JSON of answers is a list of {"respondent": CODE, "answers": [cell,
...]} with the survey's cells before the test's, as check_training.py fill
writes it.
"""
import csv
import datetime
import json
import random
import re
import sys

import yaml

# libyaml's loader where PyYAML has it (Debian's does): ten times
# faster than the pure-Python one, and the parser the engine uses.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def yaml_load(f):
    return yaml.load(f, Loader=_Loader)


NAMES = ["見本 花子", "架空 太郎", "試験 次郎", "例示 桃子"]
ORGS = ["保育課", "財政課", None]


def load(path):
    with open(path, encoding="utf-8") as f:
        return yaml_load(f)


def questions(rec):
    return ([("S", q) for q in rec.get("survey_items") or []] +
            [("T", q) for q in rec.get("test_items") or []])


def answer(rnd, part, q, labels):
    """One cell: labels (or numbers when labels is False)."""
    ch = q.get("choices") or []
    if q["type"] == "text":
        return rnd.choice([None, "具体例が多く分かりやすかった。"])
    if rnd.random() < 0.05:
        return None
    if q["type"] == "multiple":
        picks = sorted(rnd.sample(range(1, len(ch) + 1), rnd.randint(1, 2)))
        if rnd.random() < 0.5:
            picks = sorted(q.get("key") or picks)
        if labels:
            return "".join(ch[p - 1] + ";" for p in picks)
        return ";".join(str(p) for p in picks)
    if part == "T" and rnd.random() < 0.6:
        n = q["key"][0]
    else:
        n = rnd.randint(1, len(ch))
    return ch[n - 1] if labels else str(n)


def cmd_forms(record, out, seed, n):
    import openpyxl
    rec = load(record)
    qs = questions(rec)
    rnd = random.Random(int(seed))
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    ws.append(["ID", "開始時刻", "完了時刻", "メール", "名前",
               "所属（課名）を記入してください。"] +
              [q["text"] for _, q in qs])
    written = []
    t0 = datetime.datetime(2026, 8, 20, 10, 0)
    for i in range(int(n)):
        cells = [answer(rnd, p, q, True) for p, q in qs]
        start = t0 + datetime.timedelta(minutes=7 * i)
        ws.append([i + 1, start, start + datetime.timedelta(minutes=6),
                   "anonymous", None, rnd.choice(ORGS)] + cells)
        written.append({"respondent": "f%04d" % (i + 1), "answers": cells})
    wb.save(out)
    json.dump(written, sys.stdout, ensure_ascii=False)


def cmd_csv(record, out, seed, n, encoding):
    rec = load(record)
    qs = questions(rec)
    rnd = random.Random(int(seed))
    ns = sum(1 for p, _ in qs if p == "S")
    head = ["受講者番号", "氏名", "所属", "受講完了日"]
    tests = [q for p, q in qs if p == "T"]
    surveys = [q for p, q in qs if p == "S"]
    head += ["問%d" % (i + 1) for i in range(len(tests))]
    head += ["アンケート%d" % (i + 1) for i in range(len(surveys))]
    written = []
    with open(out, "w", encoding=encoding, newline="") as f:
        w = csv.writer(f, lineterminator="\r\n")
        w.writerow(head)
        for i in range(int(n)):
            sv = []
            for q in surveys:
                v = answer(rnd, "S", q, True)
                try:
                    (v or "").encode(encoding)
                except UnicodeEncodeError:
                    v = answer(rnd, "S", q, False)
                sv.append(v)
            ts = [answer(rnd, "T", q, False) for q in tests]
            code = "E%05d" % (10000 + i)
            w.writerow([code, rnd.choice(NAMES), rnd.choice(ORGS) or "",
                        "2026/8/%d" % (1 + i % 28)] +
                       [v or "" for v in ts + sv])
            written.append({"respondent": code.lower(), "answers": sv + ts})
    assert ns == len(surveys)
    json.dump(written, sys.stdout, ensure_ascii=False)


def decode(cell, q):
    """A cell as a set of choice numbers, "*" for a text, or None."""
    if cell is None or str(cell).strip() == "":
        return None
    if q["type"] == "text":
        return "*"
    ch = q.get("choices") or []
    if str(cell).strip() in ch:
        return frozenset([ch.index(str(cell).strip()) + 1])
    out = set()
    seps = r"[;；]" if re.search(r"[;；]", str(cell)) else r"[,、，]"
    for tok in re.split(seps, str(cell)):
        tok = tok.strip()
        if not tok:
            continue
        out.add(ch.index(tok) + 1 if tok in ch else int(tok))
    return frozenset(out)


problems = []


def cmd_expect(record, results, *written):
    rec = load(record)
    with open(results, encoding="utf-8") as f:
        got = json.load(f)
    survey = rec.get("survey_items") or []
    test = rec.get("test_items") or []
    rows = {}
    for path in written:
        with open(path, encoding="utf-8") as f:
            for r in json.load(f):
                rows[r["respondent"]] = r["answers"]
    sv_rows, ts_rows = [], []
    for code, cells in rows.items():
        s = [decode(c, q) for c, q in zip(cells[:len(survey)], survey)]
        t = [decode(c, q) for c, q in zip(cells[len(survey):], test)]
        if any(x is not None for x in s):
            sv_rows.append(s)
        if any(x is not None for x in t):
            ts_rows.append(t)
    keys = [frozenset(q["key"]) for q in test]
    scores = [100.0 * sum(1 for a, k in zip(t, keys) if a == k) / len(test)
              for t in ts_rows]
    gt = got["test"]
    if gt["examinees"] != len(ts_rows):
        problems.append("examinees %s, want %d" % (gt["examinees"],
                                                   len(ts_rows)))
    if scores and abs(gt["mean"] - round(sum(scores) / len(scores), 1)) > \
            0.051:
        problems.append("mean %s, want %.2f" % (gt["mean"],
                                                sum(scores) / len(scores)))
    for j, item in enumerate(gt.get("items") or []):
        want = sum(1 for t in ts_rows if t[j] == keys[j])
        if item["correct"] != want:
            problems.append("%s correct %s, want %d" % (item["ref"],
                                                        item["correct"],
                                                        want))
    gs = got["survey"]
    if gs["respondents"] != len(sv_rows):
        problems.append("respondents %s, want %d" % (gs["respondents"],
                                                     len(sv_rows)))
    for j, gq in enumerate(gs.get("questions") or []):
        q = survey[j]
        answered = sum(1 for s in sv_rows if s[j] is not None)
        if gq["answered"] != answered:
            problems.append("%s answered %s, want %d" % (
                q["ref"], gq["answered"], answered))
        if q["type"] == "text":
            continue
        counts = [sum(1 for s in sv_rows if s[j] and c + 1 in s[j])
                  for c in range(len(q["choices"]))]
        if [c["count"] for c in gq["choices"]] != counts:
            problems.append("%s counts %s, want %s" % (
                q["ref"], [c["count"] for c in gq["choices"]], counts))
    attended = sum(1 for cells in rows.values()
                   if any(c not in (None, "") for c in cells))
    if got["participation"]["attended"] != attended and \
            rec.get("attended") is None:
        problems.append("attended %s, want %d" % (
            got["participation"]["attended"], attended))
    return 0


def main(argv):
    cmds = {"forms": cmd_forms, "csv": cmd_csv, "expect": cmd_expect}
    if len(argv) < 2 or argv[1] not in cmds:
        print(__doc__, file=sys.stderr)
        return 2
    cmds[argv[1]](*argv[2:])
    for p in problems:
        print(p, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
