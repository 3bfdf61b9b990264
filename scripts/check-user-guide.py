#!/usr/bin/env python3
"""Runs every command of docs/user-guide.md, in order, as a user would.

    check-user-guide.py GUIDE.md --bin DIR [--keep WORKDIR]

The guide's fenced blocks are its test:
  * ```sh            a shell block: run with bash -euo pipefail;
  * ```LANG file=P   a file the user writes: saved as P (relative to the
                      working directory) before the next shell block runs;
  * any other block  (```text, ```cmake without file=, output samples) is
                      shown to the reader only.
All shell blocks run in one bash process in a fresh, empty working directory,
with tconv's tools (--bin) first on PATH, then the directory of Debian's
python3 (--python; a pyenv or venv python3 earlier on PATH lacks torch),
PYTHONPATH holding the build's Python package (--bin/../python), and
TCONV_SRC set to the source tree: what the guide's first section asks the
reader to set up. A failing
command fails the test and names the block's line in the guide.
"""

import argparse
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile

FENCE = re.compile(r"^```(\S*)(.*)$")


def blocks(path):
    """(line number, language, options dict, text) for each fenced block."""
    with open(path) as f:
        lines = f.read().split("\n")
    i = 0
    while i < len(lines):
        m = FENCE.match(lines[i])
        if not m or not m.group(1):
            i += 1
            continue
        start, lang = i + 1, m.group(1)
        opts = dict(o.split("=", 1) for o in m.group(2).split() if "=" in o)
        body = []
        i += 1
        while i < len(lines) and not lines[i].startswith("```"):
            body.append(lines[i])
            i += 1
        if i == len(lines):
            sys.exit("%s:%d: unterminated code block" % (path, start))
        yield start, lang, opts, "\n".join(body) + "\n"
        i += 1


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("guide")
    ap.add_argument("--bin", required=True, help="directory with tconv's tools")
    ap.add_argument("--keep", help="use (and keep) this working directory")
    ap.add_argument("--python", default="/usr/bin/python3",
                    help="the guide's python3 (Debian's, with torch and onnx): its "
                         "directory goes on PATH right after --bin")
    args = ap.parse_args()
    guide = os.path.abspath(args.guide)
    src = os.path.dirname(os.path.dirname(guide))

    # One script: each file block becomes a heredoc, each shell block a marker
    # line so that a failure names its block.
    script = ["set -euo pipefail"]
    shell_blocks = 0
    for line, lang, opts, text in blocks(guide):
        if "file" in opts:
            script.append("echo '--- %s:%d: writes %s'" % (os.path.basename(guide), line, opts["file"]))
            script.append("mkdir -p \"$(dirname %s)\"" % shlex.quote(opts["file"]))
            script.append("cat > %s <<'TCONV_GUIDE_EOF'\n%sTCONV_GUIDE_EOF" % (
                shlex.quote(opts["file"]), text))
        elif lang == "sh":
            shell_blocks += 1
            script.append("echo '--- %s:%d'" % (os.path.basename(guide), line))
            script.append("set -x")
            script.append(text.rstrip("\n"))
            script.append("{ set +x; } 2>/dev/null")
    if shell_blocks == 0:
        sys.exit("%s has no ```sh block to run" % guide)

    work = args.keep or tempfile.mkdtemp(prefix="tconv-guide-")
    os.makedirs(work, exist_ok=True)
    env = dict(os.environ)
    env["PATH"] = os.pathsep.join([os.path.abspath(args.bin),
                                   os.path.dirname(args.python), env.get("PATH", "")])
    env["TCONV_SRC"] = src
    env["PYTHONPATH"] = os.path.abspath(os.path.join(args.bin, "..", "python"))
    p = subprocess.run(["bash", "-c", "\n".join(script)], cwd=work, env=env,
                       stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                       universal_newlines=True)
    print(p.stdout, end="")
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    if p.returncode != 0:
        print("user guide: FAILED (exit %d) in the block named last above" % p.returncode)
        return 1
    print("user guide: all %d shell blocks ran" % shell_blocks)
    return 0


if __name__ == "__main__":
    sys.exit(main())
