#!/usr/bin/python3
"""Write a man page's SYNOPSIS from the usage lines a verb prints.

    nerima-cio VERB --help | tests/py/mdoc_synopsis.py            # print it
    nerima-cio VERB --help | tests/py/mdoc_synopsis.py man/X.1    # replace it

The usage lines come from the option tables (cmd/opt.c); tests/e2e/man.sh
checks that the rendered SYNOPSIS says exactly the same, so the page is
regenerated from them whenever a table changes, never edited by hand.
"""
import re
import sys

WORD = re.compile(r"[A-Za-z0-9_.,:=\-]+|\.\.\.|[][|()]")


def operand(text):
    """An operand or argument name: FIELD=VALUE, FY:INITIAL, ID|KIND."""
    if text.endswith(",..."):
        return operand(text[:-4]) + " Ns ,..."
    out = []
    for part in re.split(r"([=:,|]|\.\.)", text):
        if part == "":
            continue
        if part in (":", ",") and out:
            # closing punctuation: attaches to the word before by itself
            out.append(part + " Ns")
        elif part in ("=", ":", ",", "|", ".."):
            out.append("Ns " + part + " Ns")
        elif part.isupper() or part == "...":
            out.append("Ar " + part)
        else:
            out.append("Cm " + part)
    s = " ".join(out)
    return s.replace("Ns Ns", "Ns")


class Tok(str):
    """A word of a usage line; glued: no space before it."""
    glued = False


def tokens(line):
    """The words of a usage line, with brackets as their own tokens."""
    toks = []
    for word in line.split():
        first = True
        while word:
            if word[0] in "[]":
                t = Tok(word[0])
                word = word[1:]
            else:
                m = re.match(r"[^][]+", word)
                t = Tok(m.group(0))
                word = word[m.end():]
            t.glued = not first and t not in ("]",) and \
                not t.startswith("...")
            toks.append(t)
            first = False
    return toks


def convert(toks, i, closing):
    """mdoc macros for toks[i:] up to a closing bracket; (parts, next i)."""
    parts = []
    while i < len(toks):
        t = toks[i]
        if t == closing:
            return parts, i + 1
        if t == "[":
            glued = t.glued
            inner, i = convert(toks, i + 1, "]")
            rep = i < len(toks) and toks[i].startswith("...")
            if rep:
                i += 1
            parts.append(("opt", inner, rep, glued))
            continue
        if t.startswith("-"):
            name = t
            arg = None
            if i + 1 < len(toks) and toks[i + 1] not in "[]" and \
                    not toks[i + 1].startswith("-") and \
                    re.match(r"^[A-Z0-9|a-z:,=\[\]._-]+$", toks[i + 1]) and \
                    (toks[i + 1][0].isupper() or "|" in toks[i + 1]):
                arg = toks[i + 1]
                i += 1
            parts.append(("flag", name, arg, False))
            i += 1
            continue
        parts.append(("word", t, t.glued))
        i += 1
    return parts, i


def flag(name, arg):
    if name.startswith("--"):
        f = "Fl -" + name[2:]
    else:
        f = "Fl " + name[1:]
    if name == "--FIELD":
        f = "Fl - Ns Ar FIELD"
    if arg is not None:
        f += " " + operand(arg)
    return f


def inline(parts, nested=False):
    out = []
    for p in parts:
        if p[0] == "flag":
            out.append(flag(p[1], p[2]))
            continue
        if p[0] == "word":
            if p[1].endswith("..."):
                m = operand(p[1][:-3]) + " Ns ..."
            else:
                m = operand(p[1])
            glued = p[2]
        else:
            body = inline(p[1], True)
            if body.startswith("Ns "):
                body = body[3:]
            if re.match(r"^[:=,|] ", body):
                body = "\\&" + body
            if p[2]:
                m = "Oo " + body + " Oc Ns ..."
            elif nested:
                m = "Oo " + body + " Oc"
            else:
                m = "Op " + body
            glued = p[3]
        if glued and out:
            m = "Ns " + m
        elif m.startswith("Ns ") and not out:
            m = m[3:]
        out.append(m)
    return " ".join(out)


def synopsis(line):
    words = line.split()
    assert words[0] == "nerima-cio"
    verb = [words[1]]
    rest = words[2:]
    if rest and re.match(r"^[a-z][a-z-]*$", rest[0]):
        verb.append(rest[0])
        rest = rest[1:]
    lines = [".Nm nerima-cio", ".Cm " + " ".join(verb)]
    parts, _ = convert(tokens(" ".join(rest)), 0, None)
    for p in parts:
        m = inline([p])
        glued = (p[0] == "word" and p[2]) or (p[0] == "opt" and p[3])
        if glued:
            lines[-1] += " Ns " + m
        elif m.startswith("Ns "):
            lines[-1] += " " + m
        else:
            lines.append("." + m)
    return lines


def usage_lines(text):
    for line in text.splitlines():
        m = re.match(r"^(?:usage|   or): (.*)$", line)
        if m:
            yield m.group(1)


def main():
    out = []
    for line in usage_lines(sys.stdin.read()):
        out.extend(synopsis(line))
    if len(sys.argv) < 2:
        print("\n".join(out))
        return
    page = open(sys.argv[1], encoding="utf-8").read()
    a = page.index(".Sh SYNOPSIS\n") + len(".Sh SYNOPSIS\n")
    b = page.index(".Sh DESCRIPTION")
    page = page[:a] + "\n".join(out) + "\n" + page[b:]
    open(sys.argv[1], "w", encoding="utf-8").write(page)


if __name__ == "__main__":
    main()
