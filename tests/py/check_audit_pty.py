#!/usr/bin/python3
"""Drive an interactive command through a pseudo-terminal, like expect(1).

usage: check_audit_pty.py SCRIPT CMD [ARG...]

SCRIPT has one step a line:

  expect REGEX     wait (10 s at most) until the output so far, since the
                   last match, matches the Python regular expression
  send TEXT        type TEXT; \\n is Enter, \\x04 is Ctrl-D
  kill             SIGKILL the command (the laptop lid, a crash) and stop
  wait STATUS      wait for the command to exit with STATUS
  # ...            a comment

Everything the command wrote is copied to standard output.  Exits 1 with
the reason on standard error when an expectation is not met, 0 otherwise.
"""

import os
import pty
import re
import select
import signal
import sys
import time


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    steps = [line.rstrip("\n") for line in open(sys.argv[1], encoding="utf-8")]
    pid, fd = pty.fork()
    if pid == 0:
        os.execvp(sys.argv[2], sys.argv[2:])
    seen = b""
    pos = 0

    def read_some(deadline):
        nonlocal seen
        left = deadline - time.monotonic()
        if left <= 0:
            return False
        r, _, _ = select.select([fd], [], [], left)
        if not r:
            return False
        try:
            data = os.read(fd, 4096)
        except OSError:
            return False
        if not data:
            return False
        seen += data
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return True

    for n, step in enumerate(steps, 1):
        if not step or step.startswith("#"):
            continue
        verb, _, arg = step.partition(" ")
        if verb == "expect":
            rx = re.compile(arg.encode("utf-8"))
            deadline = time.monotonic() + 10
            while True:
                m = rx.search(seen, pos)
                if m:
                    pos = m.end()
                    break
                if not read_some(deadline):
                    sys.stderr.write("step %d: no match for %r; last output:\n%s\n"
                                     % (n, arg, seen[pos:][-600:].decode("utf-8", "replace")))
                    os.kill(pid, signal.SIGKILL)
                    sys.exit(1)
        elif verb == "send":
            # Only \n and \x04 are escapes; the rest is UTF-8 as written.
            raw = arg.encode("utf-8")
            out = b""
            i = 0
            while i < len(raw):
                if raw[i:i + 2] == b"\\n":
                    out += b"\n"
                    i += 2
                elif raw[i:i + 4] == b"\\x04":
                    out += b"\x04"
                    i += 4
                else:
                    out += raw[i:i + 1]
                    i += 1
            os.write(fd, out)
        elif verb == "kill":
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            return 0
        elif verb == "wait":
            deadline = time.monotonic() + 10
            while read_some(deadline):
                pass
            _, status = os.waitpid(pid, 0)
            code = os.waitstatus_to_exitcode(status)
            if code != int(arg):
                sys.stderr.write("step %d: exit %d, want %s\n" % (n, code, arg))
                sys.exit(1)
            return 0
        else:
            sys.exit("step %d: unknown step %r" % (n, step))
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    return 0


if __name__ == "__main__":
    sys.exit(main())
