#!/usr/bin/python3
"""Fill in a checklist form as a division would in Excel (openpyxl).

usage: fill_checklist_form.py FORM OUT [options]

  --seed N            answers drawn from a seeded generator (deterministic)
  --answer LABEL      give every item this answer instead
  --set REF=LABEL     this item's answer (repeatable)
  --note REF=TEXT     this item's note (repeatable)
  --field LABEL=TEXT  a particular on 提出情報 (repeatable; 提出日 may be
                      YYYY-MM-DD to store a real Excel date)
  --staff N           self check: N staff rows answered
  --blank REF         leave this item unanswered
  --formula REF       put a formula in the item's answer cell
  --drop-form-sheet   remove the hidden _form sheet
  --form KEY=VALUE    change the hidden _form sheet (kind, fy, org, version...)
  --as-before         a form by No. turned into one as written before it:
                      the ref in column B (項目番号), no refs on _form

The form is read the way the import reads it: the hidden sheet _form says
where the table starts and, for a form whose items go by No. alone (a
contractor checklist), their refs in order; REF names an item either way.
"""
import argparse
import datetime
import random
import sys

import openpyxl

SCALE4 = ["実施", "一部実施", "未実施", "わからない"]
YESNO = ["はい", "いいえ", "該当なし"]


def pairs(values):
    out = {}
    for v in values or []:
        k, _, x = v.partition("=")
        out[k] = x
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("form")
    ap.add_argument("out")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--answer")
    ap.add_argument("--set", action="append")
    ap.add_argument("--note", action="append")
    ap.add_argument("--field", action="append")
    ap.add_argument("--staff", type=int, default=5)
    ap.add_argument("--blank", action="append", default=[])
    ap.add_argument("--formula", action="append", default=[])
    ap.add_argument("--drop-form-sheet", action="store_true")
    ap.add_argument("--form", action="append", dest="formkv")
    ap.add_argument("--as-before", action="store_true")
    a = ap.parse_args()
    rnd = random.Random(a.seed)
    wb = openpyxl.load_workbook(a.form)
    fs = wb["_form"]
    form = {fs.cell(r, 1).value: fs.cell(r, 2).value
            for r in range(1, fs.max_row + 1)}
    kind = form["kind"]
    sheet = wb[form["items_sheet"]]
    first = int(form["items_row"])
    nitems = int(form["items"])
    sets, notes = pairs(a.set), pairs(a.note)
    if a.as_before and form.get("refs"):
        refs = form["refs"].split()
        if kind == "self":
            # before: each column's heading ended with "(sf-01)"
            for i, ref in enumerate(refs):
                h = sheet.cell(first - 1, i + 2)
                h.value = "%s\n(%s)" % (h.value, ref)
        else:
            sheet.insert_cols(2)
            sheet.cell(first - 1, 2).value = "項目番号"
            for i, ref in enumerate(refs):
                sheet.cell(first + i, 2).value = ref
        for r in range(1, fs.max_row + 1):
            if fs.cell(r, 1).value == "refs":
                fs.cell(r, 1).value = fs.cell(r, 2).value = None
        del form["refs"]

    fields = wb["提出情報"]
    frow = int(form["fields_row"])
    defaults = {"回答者の職名": "庶務係長", "対象職員数": str(a.staff),
                "契約名": "区立見本保育園運営業務委託",
                "委託事業者等の名称": "株式会社見本サービス",
                "区分": "委託事業者", "点検段階": "履行中",
                "個人情報の取扱い": "あり"}
    defaults.update(pairs(a.field))
    for r in range(frow, frow + 12):
        label = fields.cell(r, 1).value
        if label in defaults:
            v = defaults[label]
            if label == "提出日" and len(v) == 10 and v[4] == "-":
                v = datetime.datetime.strptime(v, "%Y-%m-%d")
            fields.cell(r, 2).value = v
    stage = defaults.get("点検段階")

    def pick(ref, scale):
        if ref in sets:
            return sets[ref]
        if a.answer:
            return a.answer
        choices = SCALE4 if scale else YESNO
        weights = [70, 15, 10, 5] if scale else [85, 10, 5]
        return rnd.choices(choices, weights)[0]

    if kind == "self":
        # the columns by No. (refs on _form), before by "(sf-01)"
        refs = (form.get("refs") or "").split()
        for i in range(a.staff):
            r = first + i
            for c in range(2, nitems + 2):
                head = sheet.cell(first - 1, c).value
                ref = refs[c - 2] if refs else \
                    head.split("(")[1].rstrip(")")
                if ref in a.blank:
                    continue
                sheet.cell(r, c).value = pick(ref, False)
    else:
        # a form by No. lists its refs on _form and has no ref column;
        # before, the ref was in column B
        refs = (form.get("refs") or "").split()
        off = 0 if refs else 1
        for i, r in enumerate(range(first, first + nitems)):
            ref = refs[i] if refs else sheet.cell(r, 2).value
            if kind == "vendor" and stage not in \
                    sheet.cell(r, 2 + off).value and ref not in sets:
                continue
            if ref in a.blank:
                continue
            if ref in a.formula:
                sheet.cell(r, 4 + off).value = '=IF(1,"実施","")'
                continue
            sheet.cell(r, 4 + off).value = pick(ref, kind == "department")
            if ref in notes:
                sheet.cell(r, 5 + off).value = notes[ref]
    for k, v in pairs(a.formkv).items():
        for r in range(1, fs.max_row + 1):
            if fs.cell(r, 1).value == k:
                fs.cell(r, 2).value = v
    if a.drop_form_sheet:
        del wb["_form"]
    wb.save(a.out)


if __name__ == "__main__":
    sys.exit(main())
