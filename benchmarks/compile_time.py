#!/usr/bin/env python3
"""Measures tconv-compile's time per kernel of benchmarks/shapes.mlir.

Usage: compile_time.py [--tconv-compile PATH] [--target host] [--repeat 1]

Splits shapes.mlir into one module per func.func, compiles each on its own
with `/usr/bin/time tconv-compile <one>.mlir -o <dir> --target=<target>`, and
compiles the whole suite once. Every invocation also writes the Halide runtime
(halide_runtime.o) once, so a per-kernel figure includes that fixed cost; the
whole-suite run shows it amortized. Prints a Markdown table (wall, user+sys
CPU seconds and peak RSS; with --repeat N the fastest wall time of N).
Standard library only.
"""

import argparse
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def split_funcs(text):
    """Yields (name, module text) for every top-level func.func."""
    lines = text.splitlines()
    i = 0
    while i < len(lines):
        m = re.match(r"func\.func\s+(?:public\s+|private\s+)?@([A-Za-z_]\w*)", lines[i])
        if not m:
            i += 1
            continue
        j = i
        while j < len(lines) and lines[j].rstrip() != "}":
            j += 1
        yield m.group(1), "\n".join(lines[i : j + 1]) + "\n"
        i = j + 1


def timed(cmd):
    """Runs cmd under /usr/bin/time; returns (wall s, cpu s, max RSS MiB)."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as tf:
        full = ["/usr/bin/time", "-o", tf.name, "-f", "%e %U %S %M"] + cmd
        proc = subprocess.run(full, capture_output=True, text=True)
        if proc.returncode != 0:
            sys.stderr.write(proc.stdout + proc.stderr)
            raise SystemExit(f"compile_time.py: failed: {' '.join(cmd)}")
        wall, user, sys_, rss = tf.read().split()[-4:]
    return float(wall), float(user) + float(sys_), int(rss) / 1024.0


def best_of(cmd, repeat):
    runs = [timed(cmd) for _ in range(repeat)]
    return min(runs, key=lambda r: r[0])


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--tconv-compile", default=os.path.join(
        os.environ.get("TCONV_BUILD_DIR", os.path.join(ROOT, "build")), "bin", "tconv-compile"))
    ap.add_argument("--source", default=os.path.join(HERE, "shapes.mlir"))
    ap.add_argument("--target", default="host")
    ap.add_argument("--repeat", type=int, default=1)
    args = ap.parse_args()

    with open(args.source) as f:
        text = f.read()
    shown = os.path.abspath(args.tconv_compile)
    if shown.startswith(ROOT + os.sep):
        shown = os.path.relpath(shown, ROOT)
    print(f"`{shown} <kernel>.mlir -o <dir> "
          f"--target={args.target}`, best of {args.repeat}\n")
    print("| kernel | wall s | user+sys s | max RSS MiB |")
    print("|---|---:|---:|---:|")
    total_wall = total_cpu = 0.0
    with tempfile.TemporaryDirectory(prefix="tconv-compile-time.") as tmp:
        for name, module in split_funcs(text):
            src = os.path.join(tmp, f"{name}.mlir")
            with open(src, "w") as f:
                f.write(module)
            out = os.path.join(tmp, name)
            wall, cpu, rss = best_of(
                [args.tconv_compile, src, "-o", out, f"--target={args.target}"], args.repeat)
            total_wall += wall
            total_cpu += cpu
            print(f"| {name} | {wall:.2f} | {cpu:.2f} | {rss:.0f} |", flush=True)
        print(f"| sum of the above | {total_wall:.2f} | {total_cpu:.2f} | |")
        wall, cpu, rss = best_of(
            [args.tconv_compile, args.source, "-o", os.path.join(tmp, "all"),
             f"--target={args.target}"], args.repeat)
        print(f"| whole suite, one invocation | {wall:.2f} | {cpu:.2f} | {rss:.0f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
