#!/usr/bin/python3
"""Tables of 部 and 課 in the ward's organisation order (orgs.yaml).

    check_org_order.py ORGS.yaml BOOK.xlsx SHEET org
        the sheet's rows (部 in the first column, 課 in the second) follow
        orgs.yaml: each 部 in one run, the 部 in file order, and the 課
        of a 部 in file order (a row of the 部 itself first)
    check_org_order.py ORGS.yaml BOOK.xlsx SHEET ranked HEADING
        the rows are ranked by the column HEADING, largest first, and
        the 部 with equal figures come in orgs.yaml's order
    check_org_order.py ORGS.yaml REPORT.docx - org
        the same for every table of the document whose first heading is 部

The rows are those between the heading row (first cell 部) and the 計 row.
Names orgs.yaml does not hold are allowed only after the known ones.
Exit status 0 when the order is right; every misplaced row is printed.
"""
import sys

import yaml

# libyaml's loader where PyYAML has it (Debian's does): ten times
# faster than the pure-Python one, and the parser the engine uses.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def yaml_load(f):
    return yaml.load(f, Loader=_Loader)


problems = []


def org_order(path):
    """{部 name: (i, 0)} and {(部 name, 課 name): (i, j + 1)}."""
    with open(path, encoding="utf-8") as f:
        doc = yaml_load(f)
    depts, divs = {}, {}
    for i, d in enumerate(doc.get("departments") or []):
        depts[d["name"]] = (i, 0)
        for j, v in enumerate(d.get("divisions") or []):
            divs[(d["name"], v["name"])] = (i, j + 1)
    return depts, divs


def xlsx_rows(path, sheet):
    import openpyxl

    wb = openpyxl.load_workbook(path)
    if sheet not in wb.sheetnames:
        problems.append(f"{path}: no sheet {sheet}")
        return [], []
    rows = [["" if c is None else c for c in r]
            for r in wb[sheet].iter_rows(values_only=True)]
    return table(rows, f"{path} {sheet}")


def docx_tables(path):
    import docx

    out = []
    for n, t in enumerate(docx.Document(path).tables):
        rows = [[c.text.strip() for c in r.cells] for r in t.rows]
        if rows and rows[0] and rows[0][0] == "部":
            out.append(table(rows, f"{path} table {n + 1}"))
    if not out:
        problems.append(f"{path}: no table headed 部")
    return out


def table(rows, where):
    """The heading row and the rows up to 計."""
    for k, r in enumerate(rows):
        if r and r[0] == "部":
            body = []
            for b in rows[k + 1:]:
                if not b or b[0] in ("計", ""):
                    break
                # a table split over pages repeats its heading
                if b[0] != "部":
                    body.append(b)
            return [str(h) for h in r], body
    problems.append(f"{where}: no heading row 部")
    return [], []


def key(dept, div, depts, divs):
    """The place of a 部 (div empty) or of a 課; None when unknown."""
    if dept not in depts:
        return None
    if not div:
        return depts[dept]
    return divs.get((dept, div))


def check_org(where, head, rows, depts, divs):
    by_div = len(head) > 1 and head[1] in ("課", "所属")
    prev, unknown, seen = None, False, []
    for n, r in enumerate(rows, 1):
        div = str(r[1]) if by_div else ""
        k = key(str(r[0]), div, depts, divs)
        name = str(r[0]) + ("・" + div if div else "")
        if k is None:
            unknown = True
            continue
        if unknown:
            problems.append(f"{where}: row {n} {name} after one orgs.yaml "
                            "does not hold")
        if prev is not None and k <= prev:
            problems.append(f"{where}: row {n} {name} out of orgs.yaml's "
                            f"order (after {seen[-1]})")
        prev = k
        seen.append(name)


def check_ranked(where, head, rows, heading, depts):
    if heading not in head:
        problems.append(f"{where}: no column {heading}")
        return
    c = head.index(heading)
    prev = None
    for n, r in enumerate(rows, 1):
        k = (-float(r[c]), depts.get(str(r[0]), (len(depts), 0)))
        if prev is not None and k < prev:
            problems.append(f"{where}: row {n} {r[0]} ({r[c]}) out of "
                            "rank, or out of orgs.yaml's order in a tie")
        prev = k


def main(argv):
    if len(argv) < 5 or argv[4] not in ("org", "ranked") or \
            (argv[4] == "ranked" and len(argv) != 6):
        sys.exit(__doc__)
    depts, divs = org_order(argv[1])
    if argv[2].endswith(".docx"):
        tables = docx_tables(argv[2])
    else:
        tables = [xlsx_rows(argv[2], argv[3])]
    for head, rows in tables:
        if not rows:
            problems.append(f"{argv[2]}: an empty table")
        elif argv[4] == "org":
            check_org(argv[2], head, rows, depts, divs)
        else:
            check_ranked(argv[2], head, rows, argv[5], depts)
    for p in problems:
        print(p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
