#!/usr/bin/python3
"""Check schemas/*.yaml and the sample data directory data/sample.

Run from the source root:  /usr/bin/python3 tests/py/check_schemas.py [--fix]

Independent of the C engine (python3-jsonschema and python3-yaml from
Debian), it checks that
  - every schema is valid JSON Schema 2020-12 and keeps to the subset and
    conventions of schemas/README.md (titles on every property, id and fy
    first, kind annotations naming real properties, POSIX patterns);
  - nerima-cio.yaml, orgs.yaml and every record under data/sample validate
    against their schemas; ids match file names and prefixes, fy matches the
    folder and the x-fy-field date, org/member/record references resolve,
    org codes are unique;
  - every record is already in the canonical form the writer produces (keys
    in schema order, block style, quoting only where needed, literal blocks
    for multi-line text), so loading and saving it changes no byte;
  - nothing in data/sample looks like a My Number.
With --fix, records whose only problem is their form are rewritten in
canonical form.  Exits 1 when any problem is found.
"""

import ctypes
import ctypes.util
import datetime
import os
import re
import sys

import jsonschema
import yaml

SCHEMA_DIR = "schemas"
SAMPLE_DIR = os.path.join("data", "sample")
BASE_URI = "https://nerima-cio.example/schemas/"
ID_TAIL = "[0-9a-hjkmnp-tv-z]{8}"
NON_RECORD_FILES = {"nerima-cio.yaml", "orgs.yaml", ".gitattributes",
                    ".gitignore", "README.md", "training-plan.yaml"}
# Keywords of the subset in schemas/README.md, plus the annotations.
SUBSET = {"$schema", "$id", "$ref", "$defs", "type", "properties",
          "required", "additionalProperties", "enum", "const", "pattern",
          "format", "minimum", "maximum", "minLength", "maxLength", "items",
          "minItems", "maxItems", "title", "description", "default",
          "x-kind", "x-dir", "x-id-prefix", "x-fy-field", "x-title-field",
          "x-columns", "x-ref", "x-enum-titles", "x-option", "x-add",
          "x-title-en", "x-unit", "x-part-of", "x-open-day",
          "x-number-date"}

problems = []


def problem(path, msg):
    problems.append("%s: %s" % (path, msg))


# --- YAML 1.2 core schema loading (as the engine reads records) -----------

# libyaml's parser where PyYAML was built with it (Debian's is): the
# engine's own parser, and ten times faster than the pure-Python one.
class Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """PyYAML reads YAML 1.1; records are read as YAML 1.2 core: `yes`,
    `on`, `2026-04-01` and `10:00` are text, and only true/false are
    booleans.  Anchors, aliases, tags and duplicate keys are refused."""


Loader.yaml_implicit_resolvers = {}
Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool",
    re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))
Loader.add_implicit_resolver(
    "tag:yaml.org,2002:int",
    re.compile(r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$"),
    list("-+0123456789"))
Loader.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
               r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"),
    list("-+.0123456789"))
Loader.add_implicit_resolver(
    "tag:yaml.org,2002:null",
    re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""])


def _int12(loader, node):
    s = loader.construct_scalar(node)
    if s.startswith("0o"):
        return int(s[2:], 8)
    if s.startswith("0x"):
        return int(s[2:], 16)
    return int(s, 10)


def _mapping(loader, node, deep=False):
    seen = set()
    for k, _ in node.value:
        key = loader.construct_object(k, deep=deep)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, "duplicate key '%s'" % key, k.start_mark)
        seen.add(key)
    return dict(loader.construct_pairs(node, deep=deep))


Loader.add_constructor("tag:yaml.org,2002:int", _int12)
Loader.add_constructor("tag:yaml.org,2002:map", _mapping)


def load_yaml(path):
    with open(path, "rb") as f:
        data = f.read()
    text = data.decode("utf-8")
    for ev in yaml.parse(text, Loader=Loader):
        if getattr(ev, "anchor", None):
            raise ValueError("line %d: anchors and aliases are not allowed"
                             % (ev.start_mark.line + 1))
        tag = getattr(ev, "tag", None)
        if tag and not (isinstance(ev, yaml.ScalarEvent) and tag == "!"):
            raise ValueError("line %d: tags are not allowed"
                             % (ev.start_mark.line + 1))
    return data, yaml.load(text, Loader=Loader)


# --- Formats as schemas/README.md defines them ------------------------------

def is_date(s):
    if not isinstance(s, str):
        return True
    if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", s):
        return False
    try:
        datetime.date.fromisoformat(s)
    except ValueError:
        return False
    return True


def is_date_time(s):
    if not isinstance(s, str):
        return True
    m = re.fullmatch(r"([0-9]{4}-[0-9]{2}-[0-9]{2})T([0-9]{2}):([0-9]{2})"
                     r"(?::([0-9]{2}))?(Z|[-+]([0-9]{2}):([0-9]{2}))?", s)
    if not m or not is_date(m.group(1)):
        return False
    if int(m.group(2)) > 23 or int(m.group(3)) > 59:
        return False
    if m.group(4) and int(m.group(4)) > 59:
        return False
    if m.group(6) and (int(m.group(6)) > 14 or int(m.group(7)) > 59):
        return False
    return True


FORMATS = jsonschema.FormatChecker(formats=())
FORMATS.checks("date")(is_date)
FORMATS.checks("date-time")(is_date_time)


# --- POSIX extended regular expressions, as the engine compiles them ------

class Posix:
    REG_EXTENDED = 1
    REG_NOSUB = 8

    def __init__(self):
        self.libc = ctypes.CDLL(ctypes.util.find_library("c"))
        self.cache = {}

    def compile(self, pattern):
        if pattern in self.cache:
            return self.cache[pattern]
        buf = ctypes.create_string_buffer(1024)  # > sizeof(regex_t)
        rc = self.libc.regcomp(buf, pattern.encode(),
                               self.REG_EXTENDED | self.REG_NOSUB)
        self.cache[pattern] = buf if rc == 0 else None
        return self.cache[pattern]

    def match(self, pattern, s):
        buf = self.compile(pattern)
        return self.libc.regexec(buf, s.encode(), 0, None, 0) == 0


posix = Posix()


# --- Schemas ---------------------------------------------------------------

def load_schemas():
    schemas = {}
    for name in sorted(os.listdir(SCHEMA_DIR)):
        if not name.endswith(".yaml"):
            continue
        path = os.path.join(SCHEMA_DIR, name)
        try:
            _, s = load_yaml(path)
        except (ValueError, yaml.YAMLError, UnicodeDecodeError) as e:
            problem(path, "cannot read: %s" % e)
            continue
        try:
            jsonschema.Draft202012Validator.check_schema(s)
        except jsonschema.exceptions.SchemaError as e:
            problem(path, "not valid JSON Schema: %s" % e.message)
            continue
        if s.get("$schema") != "https://json-schema.org/draft/2020-12/schema":
            problem(path, "$schema must be the 2020-12 meta-schema")
        if s.get("$id") != BASE_URI + name:
            problem(path, "$id must be %s" % (BASE_URI + name))
        schemas[name] = s
    return schemas


class Schemas:
    def __init__(self, files):
        self.files = files
        self.by_uri = {s["$id"]: s for s in files.values()}
        self.kinds = {}
        self.validators = {}
        for name, s in files.items():
            if "x-kind" in s:
                self.kinds[s["x-kind"]] = (name, s)

    def resolve(self, s, base):
        """Follow $ref; returns (schema, file name it lives in)."""
        seen = 0
        while isinstance(s, dict) and "$ref" in s:
            ref = s["$ref"]
            doc, _, frag = ref.partition("#")
            if doc:
                base = doc
            target = self.files.get(base)
            if target is None:
                raise KeyError("unknown schema file '%s'" % base)
            for part in [p for p in frag.split("/") if p]:
                target = target[part]
            s = target
            seen += 1
            if seen > 32:
                raise KeyError("$ref loop at '%s'" % ref)
        return s, base

    def validator(self, name):
        """One validator per schema file, made once: a new one per record
        would search the schemas for every $ref again."""
        v = self.validators.get(name)
        if v is None:
            s = self.files[name]
            resolver = jsonschema.RefResolver(s["$id"], s, store=self.by_uri)
            v = jsonschema.Draft202012Validator(
                s, resolver=resolver, format_checker=FORMATS)
            self.validators[name] = v
        return v


def walk_schema(S, name, s, where, visit):
    """Call visit(schema, where) on every subschema of a file."""
    if not isinstance(s, dict):
        return
    visit(s, where)
    for key in ("properties", "$defs"):
        for k, sub in (s.get(key) or {}).items():
            walk_schema(S, name, sub, "%s/%s/%s" % (where, key, k), visit)
    for key in ("items", "additionalProperties"):
        if isinstance(s.get(key), dict):
            walk_schema(S, name, s[key], "%s/%s" % (where, key), visit)


def is_date_schema(sub):
    return sub.get("format") == "date" or \
        str(sub.get("$ref", "")).endswith("/$defs/date")


def date_path(root, path):
    """Whether the dotted path names a date property from root."""
    s = root
    for part in str(path).split("."):
        s = (s.get("properties") or {}).get(part) if isinstance(s, dict) \
            else None
        if s is None:
            return False
    return is_date_schema(s)


def check_schema_conventions(S):
    kinds = set(S.kinds)
    dirs, prefixes = {}, {}
    for name, s in S.files.items():
        path = os.path.join(SCHEMA_DIR, name)

        def visit(sub, where, name=name, path=path):
            for k in sub:
                if k not in SUBSET:
                    problem(path, "%s: keyword '%s' is not in the subset "
                            "of schemas/README.md" % (where, k))
            for pname, p in (sub.get("properties") or {}).items():
                if not isinstance(p, dict) or not p.get("title"):
                    problem(path, "%s/properties/%s: no title"
                            % (where, pname))
                # a part of a sibling's count, listed under it (うち…)
                if isinstance(p, dict) and "x-part-of" in p and (
                        p["x-part-of"] == pname or p["x-part-of"] not in
                        (sub.get("properties") or {})):
                    problem(path, "%s/properties/%s: x-part-of must name "
                            "another property beside it" % (where, pname))
            if isinstance(sub.get("items"), dict) and \
                    not sub["items"].get("title"):
                problem(path, "%s/items: no title" % where)
            # Every title is shown by the program (headings, option help,
            # prompts): under a locale other than Japanese in English.
            if "title" in sub:
                en = sub.get("x-title-en")
                if not isinstance(en, str) or not en.strip() or \
                        not en.isascii():
                    problem(path, "%s: title '%s' has no x-title-en (its "
                            "English, for the user interface)"
                            % (where, sub["title"]))
            elif "x-title-en" in sub:
                problem(path, "%s: x-title-en without a title" % where)
            if "pattern" in sub:
                pat = sub["pattern"]
                if posix.compile(pat) is None:
                    problem(path, "%s: pattern '%s' is not a POSIX "
                            "extended regular expression" % (where, pat))
                if re.search(r"\\[dDwWsSbB]|\(\?|[*+?}]\?", pat):
                    problem(path, "%s: pattern '%s' uses ECMA-262 syntax "
                            "POSIX does not have" % (where, pat))
            # lint's closed-day and number-order warnings (reclint.h)
            if "x-open-day" in sub and (sub["x-open-day"] is not True or
                                        not is_date_schema(sub)):
                problem(path, "%s: x-open-day is 'true' on a date" % where)
            if "x-number-date" in sub and not date_path(
                    S.files[name], sub["x-number-date"]):
                problem(path, "%s: x-number-date '%s' is not the path of a "
                        "date of the record" % (where, sub["x-number-date"]))
            if "x-add" in sub and sub["x-add"] is not False:
                problem(path, "%s: x-add can only be false" % where)
            if "x-unit" in sub and (not isinstance(sub["x-unit"], str) or
                                    not sub["x-unit"]):
                problem(path, "%s: x-unit must be a unit's text" % where)
            if "x-option" in sub and not (isinstance(sub["x-option"], str)
                                          and re.fullmatch(r"[a-z][a-z0-9-]*",
                                                           sub["x-option"])):
                problem(path, "%s: x-option '%s' is not an option name"
                        % (where, sub["x-option"]))
            if "x-ref" in sub and sub["x-ref"] not in \
                    kinds | {"org", "member"}:
                problem(path, "%s: x-ref '%s' names no kind"
                        % (where, sub["x-ref"]))
            if "$ref" in sub:
                try:
                    S.resolve(sub, name)
                except (KeyError, TypeError) as e:
                    problem(path, "%s: cannot resolve $ref '%s': %s"
                            % (where, sub["$ref"], e))
            if "default" in sub:
                try:
                    target, base = S.resolve(dict(sub), name)
                    t = dict(target)
                    t.pop("default", None)
                    v = S.validator(base)
                    errs = list(v.evolve(schema=t).iter_errors(
                        sub["default"]))
                    if errs:
                        problem(path, "%s: default %r is invalid: %s"
                                % (where, sub["default"], errs[0].message))
                except (KeyError, TypeError):
                    pass

        walk_schema(S, name, s, "#", visit)
        if "x-dir" not in s:
            continue
        # A record kind.
        props = s.get("properties") or {}
        keys = list(props)
        if keys[:2] != ["id", "fy"]:
            problem(path, "properties must start with id, fy")
        if "ref_no" in props and keys.index("ref_no") != 2:
            problem(path, "ref_no must come right after id and fy")
        if s.get("additionalProperties") is not False:
            problem(path, "additionalProperties must be false at the top")
        for f in ("id", "fy"):
            if f not in (s.get("required") or []):
                problem(path, "'%s' must be required" % f)
        for r in s.get("required") or []:
            if r not in props:
                problem(path, "required field '%s' is not a property" % r)
        prefix = s.get("x-id-prefix", "")
        if not re.fullmatch(r"[a-z]{2}", prefix):
            problem(path, "x-id-prefix must be two lower-case letters")
        want = "^%s-%s$" % (prefix, ID_TAIL)
        if props.get("id", {}).get("pattern") != want:
            problem(path, "id pattern must be %s" % want)
        if not re.fullmatch(r"[a-z][a-z0-9-]*", s.get("x-dir", "")):
            problem(path, "x-dir must be a plain folder name")
        for what, seen, val in (("x-dir", dirs, s.get("x-dir")),
                                ("x-id-prefix", prefixes, prefix)):
            if val in seen:
                problem(path, "%s '%s' is also used by %s"
                        % (what, val, seen[val]))
            seen[val] = name
        fyf = s.get("x-fy-field")
        if fyf not in props:
            problem(path, "x-fy-field '%s' is not a property" % fyf)
        else:
            target, _ = S.resolve(props[fyf], name)
            if target.get("format") != "date":
                problem(path, "x-fy-field '%s' is not a date" % fyf)
        if s.get("x-title-field") not in props:
            problem(path, "x-title-field '%s' is not a property"
                    % s.get("x-title-field"))
        cols = s.get("x-columns") or []
        if not cols:
            problem(path, "x-columns is empty")
        for c in cols:
            if c not in props:
                problem(path, "x-columns: '%s' is not a property" % c)


# --- Canonical form (what the engine's writer produces) ---------------------

WORDS = {"~", "null", "Null", "NULL", "y", "Y", "yes", "Yes", "YES", "n",
         "N", "no", "No", "NO", "true", "True", "TRUE", "false", "False",
         "FALSE", "on", "On", "ON", "off", "Off", "OFF", ".inf", ".Inf",
         ".INF", "-.inf", "-.Inf", "-.INF", "+.inf", "+.Inf", "+.INF",
         ".nan", ".NaN", ".NAN", "<<", "="}


def looks_typed(s):
    if s in WORDS:
        return True
    # Numbers of every base, sexagesimal, dates and timestamps (1.1 or 1.2).
    if re.fullmatch(r"[-+]?[0-9.][0-9A-Za-z_.:+-]*", s):
        return True
    return bool(re.match(r"[0-9]{4}-", s))


def needs_quotes(s):
    if s == "" or s[0] == " " or s[-1] == " ":
        return True
    if s[0] in "-?:,[]{}#&*!|>'\"%@`" or s[-1] == ":":
        return True
    if ": " in s or " #" in s:
        return True
    if re.search("[\x00-\x1f\x7f\x85\u2028\u2029\ufeff]", s):
        return True
    return looks_typed(s)


def literal_ok(s):
    if "\n" not in s or s[0] in " \n\t":
        return False
    if re.search("[\x00-\x08\x0b-\x1f\x7f\x85\u2028\u2029\ufeff]", s):
        return False
    for line in s.split("\n"):
        if line.startswith("\t"):
            return False
        if line and line.strip(" ") == "":
            return False
    return True


def double_quoted(s):
    out = ['"']
    for c in s:
        if c == '"':
            out.append('\\"')
        elif c == "\\":
            out.append("\\\\")
        elif c == "\n":
            out.append("\\n")
        elif c == "\t":
            out.append("\\t")
        elif c == "\r":
            out.append("\\r")
        elif c == "\0":
            out.append("\\0")
        elif ord(c) < 0x20 or ord(c) == 0x7f:
            out.append("\\x%02x" % ord(c))
        elif c == "\x85":
            out.append("\\N")
        elif c == "\u2028":
            out.append("\\L")
        elif c == "\u2029":
            out.append("\\P")
        elif c == "\ufeff":
            out.append("\\ufeff")
        else:
            out.append(c)
    out.append('"')
    return "".join(out)


def literal(s, indent):
    trail = len(s) - len(s.rstrip("\n"))
    head = "|-" if trail == 0 else "|" if trail == 1 else "|+"
    lines = s[:len(s) - trail].split("\n") + [""] * (trail - 1)
    body = "".join((" " * indent + ln if ln else "") + "\n" for ln in lines)
    return head + "\n" + body


class Emitter:
    def __init__(self, S):
        self.S = S

    def scalar(self, v, sch, indent, sep):
        if isinstance(v, bool):
            return sep + ("true" if v else "false") + "\n"
        if isinstance(v, (int, float)):
            return sep + repr(v) + "\n"
        if v is None:
            return sep + "null\n"
        # Only a real date in a date field is written plain; the engine
        # quotes date-time values like any other typed-looking text.
        if sch and sch.get("format") == "date" and is_date(v):
            return sep + v + "\n"
        if literal_ok(v):
            return sep + literal(v, indent)
        if needs_quotes(v):
            return sep + double_quoted(v) + "\n"
        return sep + v + "\n"

    def sub(self, sch, base, key=None, item=False):
        if sch is None:
            return None, base
        sch, base = self.S.resolve(sch, base)
        if item:
            nxt = sch.get("items")
        else:
            nxt = (sch.get("properties") or {}).get(key)
            if nxt is None and isinstance(sch.get("additionalProperties"),
                                          dict):
                nxt = sch["additionalProperties"]
        if nxt is None:
            return None, base
        return self.S.resolve(nxt, base)

    def ordered(self, m, sch, base):
        if sch is None:
            return list(m)
        sch, _ = self.S.resolve(sch, base)
        order = list(sch.get("properties") or {})
        keys = [k for k in order if k in m]
        return keys + [k for k in m if k not in order]

    def value(self, v, sch, base, indent, in_seq):
        if not isinstance(v, (dict, list)):
            return self.scalar(v, sch, indent, " ")
        if not v:
            return " {}\n" if isinstance(v, dict) else " []\n"
        if in_seq:
            return self.block(v, sch, base, indent, True)
        return "\n" + self.block(v, sch, base, indent, False)

    def block(self, n, sch, base, indent, first_inline):
        out = []
        if isinstance(n, dict):
            for i, k in enumerate(self.ordered(n, sch, base)):
                if i > 0 or not first_inline:
                    out.append(" " * indent)
                ks = str(k)
                out.append((double_quoted(ks) if needs_quotes(ks) else ks)
                           + ":")
                s2, b2 = self.sub(sch, base, key=k)
                out.append(self.value(n[k], s2, b2, indent + 2, False))
        else:
            s2, b2 = self.sub(sch, base, item=True)
            for i, it in enumerate(n):
                if i > 0 or not first_inline:
                    out.append(" " * indent)
                if not isinstance(it, (dict, list)) or not it:
                    out.append("-")
                else:
                    out.append("- ")
                out.append(self.value(it, s2, b2, indent + 2, True))
        return "".join(out)

    def document(self, v, name):
        return self.block(v, self.S.files[name], name, 0, False)


# --- Sample data ------------------------------------------------------------

def fiscal_year(date):
    d = datetime.date.fromisoformat(date)
    return d.year if d.month >= 4 else d.year - 1


def my_number_ok(digits):
    """True when digits (12) carry a valid My Number check digit."""
    p = [int(c) for c in reversed(digits[:11])]
    total = sum(p[n - 1] * (n + 1 if n <= 6 else n - 5) for n in range(1, 12))
    r = total % 11
    check = 0 if r <= 1 else 11 - r
    return check == int(digits[11])


def check_my_number(path, text):
    for m in re.finditer(r"[0-9]{12,}", text):
        problem(path, "a run of %d digits ('%s'): nothing in sample data may "
                "look like a My Number" % (len(m.group()), m.group()))
    for m in re.finditer(r"(?<![0-9])[0-9](?:[ -]?[0-9]){11}(?![0-9])", text):
        digits = re.sub(r"[ -]", "", m.group())
        if digits != m.group() and my_number_ok(digits):
            problem(path, "'%s' is a valid My Number with separators"
                    % m.group())


def walk_record(S, v, sch, base, where, out_refs):
    """Collect (where, x-ref, value) and cross-check POSIX patterns."""
    if sch is None:
        return
    xref = sch.get("x-ref")
    rs, rbase = S.resolve(sch, base)
    xref = xref or rs.get("x-ref")
    if xref and isinstance(v, str):
        out_refs.append((where, xref, v))
    if isinstance(v, str) and "pattern" in rs:
        py = re.search(rs["pattern"], v) is not None
        px = posix.match(rs["pattern"], v)
        if py != px:
            problem(where, "pattern '%s' matches '%s' differently in POSIX"
                    % (rs["pattern"], v))
    if isinstance(v, dict):
        for k, x in v.items():
            walk_record(S, x, (rs.get("properties") or {}).get(k), rbase,
                        "%s.%s" % (where, k), out_refs)
    elif isinstance(v, list):
        for i, x in enumerate(v):
            walk_record(S, x, rs.get("items"), rbase,
                        "%s[%d]" % (where, i), out_refs)


def validate(S, name, value, path):
    v = S.validator(name)
    ok = True
    for e in sorted(v.iter_errors(value), key=lambda e: list(e.path)):
        loc = ".".join(str(p) for p in e.absolute_path) or "(top)"
        problem(path, "%s: %s" % (loc, e.message))
        ok = False
    return ok


def check_sample(S, fix):
    if not os.path.isdir(SAMPLE_DIR):
        problem(SAMPLE_DIR, "missing")
        return
    em = Emitter(S)
    for root, _, files in os.walk(SAMPLE_DIR):
        for f in files:
            p = os.path.join(root, f)
            with open(p, "rb") as fh:
                raw = fh.read()
            if raw.startswith(b"PK\x03\x04") and "/files/" in p:
                # an authored deliverable (Office file): its XML parts
                import zipfile
                with zipfile.ZipFile(p) as z:
                    for part in z.namelist():
                        if part.endswith(".xml"):
                            # the text a reader sees, not the attributes
                            text = re.sub(r"<[^>]*>", " ",
                                          z.read(part).decode("utf-8"))
                            check_my_number(p + ":" + part, text)
                continue
            try:
                check_my_number(p, raw.decode("utf-8"))
            except UnicodeDecodeError:
                problem(p, "not UTF-8")

    refs = []
    orgs, members = set(), set()
    cfg_path = os.path.join(SAMPLE_DIR, "nerima-cio.yaml")
    orgs_path = os.path.join(SAMPLE_DIR, "orgs.yaml")
    plan_path = os.path.join(SAMPLE_DIR, "training-plan.yaml")
    if os.path.exists(plan_path):
        try:
            _, plan = load_yaml(plan_path)
            validate(S, "training-plan.yaml", plan, plan_path)
        except (OSError, ValueError, yaml.YAMLError) as e:
            problem(plan_path, "cannot read: %s" % e)
    for path, name in ((cfg_path, "config.yaml"), (orgs_path, "orgs.yaml")):
        try:
            _, doc = load_yaml(path)
        except (OSError, ValueError, yaml.YAMLError) as e:
            problem(path, "cannot read: %s" % e)
            continue
        if not validate(S, name, doc, path):
            continue
        if name == "orgs.yaml":
            for d in doc["departments"]:
                for code in [d["code"]] + [c["code"] for c in
                                           d.get("divisions") or []]:
                    if code in orgs:
                        problem(path, "org code '%s' is not unique" % code)
                    orgs.add(code)
        else:
            for m in doc["members"]:
                if m["id"] in members:
                    problem(path, "member id '%s' is not unique" % m["id"])
                members.add(m["id"])
            walk_record(S, doc, S.files[name], name, path, refs)

    ids = {}
    dirs = {s["x-dir"]: (n, s) for n, s in S.files.items() if "x-dir" in s}
    for entry in sorted(os.listdir(SAMPLE_DIR)):
        full = os.path.join(SAMPLE_DIR, entry)
        if entry in NON_RECORD_FILES:
            continue
        if entry in ("schemas", "files") and os.path.isdir(full):
            # files/: authored deliverables (schemas/deliverable.yaml)
            continue
        if entry not in dirs or not os.path.isdir(full):
            problem(full, "not a record folder of any kind")
            continue
        name, s = dirs[entry]
        prefix = s["x-id-prefix"]
        for fydir in sorted(os.listdir(full)):
            fpath = os.path.join(full, fydir)
            if not re.fullmatch(r"20[0-9]{2}", fydir) or \
                    not os.path.isdir(fpath):
                problem(fpath, "not a fiscal-year folder")
                continue
            for fn in sorted(os.listdir(fpath)):
                path = os.path.join(fpath, fn)
                stem = fn[:-5] if fn.endswith(".yaml") else None
                if stem is None or not re.fullmatch(
                        "%s-%s" % (prefix, ID_TAIL), stem):
                    problem(path, "file name is not <%s-id>.yaml" % prefix)
                    continue
                try:
                    raw, doc = load_yaml(path)
                except (ValueError, yaml.YAMLError) as e:
                    problem(path, "cannot read: %s" % e)
                    continue
                if not isinstance(doc, dict):
                    problem(path, "not a mapping")
                    continue
                validate(S, name, doc, path)
                if doc.get("id") != stem:
                    problem(path, "id '%s' does not match the file name"
                            % doc.get("id"))
                if doc.get("fy") != int(fydir):
                    problem(path, "fy %r does not match the folder %s"
                            % (doc.get("fy"), fydir))
                fyv = doc.get(s["x-fy-field"])
                if isinstance(fyv, str) and is_date(fyv) and \
                        fiscal_year(fyv) != doc.get("fy"):
                    problem(path, "%s %s is not in fiscal year %s"
                            % (s["x-fy-field"], fyv, doc.get("fy")))
                if stem in ids:
                    problem(path, "id also used by %s" % ids[stem])
                ids[stem] = path
                walk_record(S, doc, s, name, path, refs)
                want = em.document(doc, name).encode("utf-8")
                if raw != want:
                    if fix:
                        with open(path, "wb") as fh:
                            fh.write(want)
                        print("%s: rewritten in canonical form" % path)
                    else:
                        problem(path, "not in canonical form (run with "
                                "--fix to rewrite it)")

    for d, (name, s) in sorted(dirs.items()):
        if not any(i.startswith(s["x-id-prefix"] + "-") for i in ids):
            problem(os.path.join(SAMPLE_DIR, d),
                    "no sample record of kind '%s'" % s["x-kind"])

    for where, xref, v in refs:
        if xref == "org" and v not in orgs:
            problem(where, "org '%s' is not in orgs.yaml" % v)
        elif xref == "member" and v not in members:
            problem(where, "member '%s' is not in nerima-cio.yaml" % v)
        elif xref not in ("org", "member"):
            kind_prefix = S.kinds[xref][1]["x-id-prefix"]
            if v not in ids or not v.startswith(kind_prefix + "-"):
                problem(where, "no %s record '%s'" % (xref, v))


def main():
    fix = "--fix" in sys.argv[1:]
    files = load_schemas()
    S = Schemas(files)
    check_schema_conventions(S)
    for need in ("common.yaml", "config.yaml", "orgs.yaml"):
        if need not in files:
            problem(os.path.join(SCHEMA_DIR, need), "missing")
    if not problems:
        check_sample(S, fix)
    for p in problems:
        print(p, file=sys.stderr)
    if problems:
        print("%d problem(s)" % len(problems), file=sys.stderr)
        return 1
    print("ok: %d schema files, sample data valid" % len(files))
    return 0


if __name__ == "__main__":
    sys.exit(main())
