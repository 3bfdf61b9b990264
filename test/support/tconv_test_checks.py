"""The pass/fail bookkeeping and subprocess call the Python integration
tests share (test/Importers): `check` records a failed condition and keeps
going, so one run reports every failing check; the script exits non-zero
when `failures` is not empty."""

import subprocess

failures = []


def check(cond, what):
    """`cond`, after recording and printing `what` when it is false."""
    if not cond:
        failures.append(what)
        print("FAIL: " + what, flush=True)
    return cond


def run(cmd, timeout=600):
    """`cmd`'s CompletedProcess, output captured as text."""
    return subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          universal_newlines=True, timeout=timeout)
