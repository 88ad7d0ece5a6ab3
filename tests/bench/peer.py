#!/usr/bin/python3
"""The benchmark's peer (issue 7): what a capable user would write instead
of nerima-cio, in plain Python with PyYAML's C loader (Debian python3-yaml).

  peer.py lint DIR          load and validate every record, count them
  peer.py list DIR KIND     load every record of one kind, print a table
  peer.py show DIR PREFIX   find the one record whose id starts with PREFIX

Validation is the straightforward kind: for each record, the schema's
required fields, types, enums and closed objects (additionalProperties:
false), following $ref into common.yaml; the id and fy against the path;
duplicate ids.  Not checked: patterns, formats, lengths, references to orgs,
members and other records, the My Number guard -- all of which the engine
does, so the comparison flatters the peer.

Prints "records N problems P" on standard output for lint, exits 1 when any
problem is found.  Schemas come from $NCIO_SCHEMA_PATH, else the source
tree's schemas/.
"""

import datetime
import os
import sys

import yaml

LOADER = yaml.CSafeLoader
HERE = os.path.dirname(os.path.abspath(__file__))
SCHEMA_DIR = os.environ.get("NCIO_SCHEMA_PATH",
                            os.path.join(HERE, "..", "..", "schemas"))


def load(path):
    with open(path, "rb") as f:
        return yaml.load(f, Loader=LOADER)


def load_schemas():
    files = {}
    for name in sorted(os.listdir(SCHEMA_DIR)):
        if name.endswith(".yaml"):
            files[name] = load(os.path.join(SCHEMA_DIR, name))
    kinds = {s["x-kind"]: (name, s) for name, s in files.items()
             if "x-dir" in s}
    return files, kinds


class Validator:
    def __init__(self, files):
        self.files = files

    def resolve(self, schema, doc):
        while "$ref" in schema:
            ref = schema["$ref"]
            target, _, pointer = ref.partition("#")
            if target:
                doc = target
            node = self.files[doc]
            for part in pointer.strip("/").split("/"):
                if part:
                    node = node[part]
            merged = dict(node)
            merged.update({k: v for k, v in schema.items() if k != "$ref"})
            schema = merged
        return schema, doc

    TYPES = {
        "string": lambda v: isinstance(v, str),
        "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
        "number": lambda v: (isinstance(v, (int, float))
                             and not isinstance(v, bool)),
        "boolean": lambda v: isinstance(v, bool),
        "object": lambda v: isinstance(v, dict),
        "array": lambda v: isinstance(v, list),
        "null": lambda v: v is None,
    }

    def type_ok(self, schema, value):
        types = schema.get("type")
        if types is None:
            return True
        if isinstance(types, str):
            types = [types]
        for t in types:
            if self.TYPES[t](value):
                return True
            # PyYAML reads plain dates as dates (YAML 1.1).
            if (t == "string" and schema.get("format") in
                    ("date", "date-time") and
                    isinstance(value, (datetime.date, datetime.datetime))):
                return True
        return False

    def check(self, schema, doc, value, where, problems):
        schema, doc = self.resolve(schema, doc)
        if not self.type_ok(schema, value):
            problems.append("%s: expected %s" % (where, schema.get("type")))
            return
        if "enum" in schema and value not in schema["enum"]:
            problems.append("%s: %r is not one of %s"
                            % (where, value, schema["enum"]))
        if isinstance(value, dict):
            props = schema.get("properties", {})
            for name in schema.get("required", []):
                if value.get(name) is None:
                    problems.append("%s: %s is required" % (where, name))
            for name, v in value.items():
                if name in props:
                    self.check(props[name], doc, v,
                               "%s.%s" % (where, name), problems)
                elif schema.get("additionalProperties") is False:
                    problems.append("%s: unknown field %s" % (where, name))
        elif isinstance(value, list) and "items" in schema:
            for i, v in enumerate(value):
                self.check(schema["items"], doc, v,
                           "%s[%d]" % (where, i), problems)


def record_files(root, kinds):
    """(kind, fy folder, path) of every record file, sorted by path."""
    out = []
    for kind, (_, schema) in kinds.items():
        kdir = os.path.join(root, schema["x-dir"])
        if not os.path.isdir(kdir):
            continue
        for fy in os.listdir(kdir):
            fdir = os.path.join(kdir, fy)
            if not (fy.isdigit() and os.path.isdir(fdir)):
                continue
            for name in os.listdir(fdir):
                if name.endswith(".yaml"):
                    out.append((kind, fy, os.path.join(fdir, name)))
    out.sort(key=lambda t: t[2])
    return out


def lint(root):
    files, kinds = load_schemas()
    v = Validator(files)
    problems = []
    for name in ("nerima-cio.yaml", "orgs.yaml"):
        kind = "config" if name == "nerima-cio.yaml" else "orgs"
        doc = load(os.path.join(root, name))
        v.check(files[kind + ".yaml"], kind + ".yaml", doc, name, problems)
    seen = {}
    n = 0
    for kind, fy, path in record_files(root, kinds):
        n += 1
        rel = os.path.relpath(path, root)
        try:
            rec = load(path)
        except yaml.YAMLError as e:
            problems.append("%s: %s" % (rel, e))
            continue
        sname, schema = kinds[kind]
        v.check(schema, sname, rec, rel, problems)
        if not isinstance(rec, dict):
            continue
        rid = rec.get("id")
        if os.path.basename(path) != "%s.yaml" % rid:
            problems.append("%s: id %s does not match the file name"
                            % (rel, rid))
        if str(rec.get("fy")) != fy:
            problems.append("%s: fy %s does not match the folder"
                            % (rel, rec.get("fy")))
        if rid in seen:
            problems.append("%s: duplicate id %s (also %s)"
                            % (rel, rid, seen[rid]))
        seen[rid] = rel
    for p in problems:
        print(p)
    print("records %d problems %d" % (n, len(problems)))
    return 1 if problems else 0


def cell(v):
    if v is None:
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    return str(v)


def list_kind(root, kind):
    files, kinds = load_schemas()
    if kind not in kinds:
        print("peer: unknown kind %s" % kind, file=sys.stderr)
        return 2
    cols = kinds[kind][1].get("x-columns", ["id", "title"])
    out = ["\t".join(cols)]
    for k, fy, path in record_files(root, {kind: kinds[kind]}):
        rec = load(path)
        out.append("\t".join(cell(rec.get(c)) for c in cols))
    sys.stdout.write("\n".join(out) + "\n")
    return 0


def show(root, prefix):
    files, kinds = load_schemas()
    hits = []
    for kind, fy, path in record_files(root, kinds):
        rid = os.path.basename(path)[:-len(".yaml")]
        if rid.startswith(prefix) or rid[3:].startswith(prefix):
            hits.append(path)
    if len(hits) != 1:
        print("peer: %d records match %s" % (len(hits), prefix),
              file=sys.stderr)
        return 1
    rec = load(hits[0])
    sys.stdout.write(yaml.dump(rec, Dumper=yaml.CSafeDumper,
                               allow_unicode=True, sort_keys=False))
    return 0


def main(argv):
    if len(argv) == 3 and argv[1] == "lint":
        return lint(argv[2])
    if len(argv) == 4 and argv[1] == "list":
        return list_kind(argv[2], argv[3])
    if len(argv) == 4 and argv[1] == "show":
        return show(argv[2], argv[3])
    print("usage: peer.py lint DIR | list DIR KIND | show DIR PREFIX",
          file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
