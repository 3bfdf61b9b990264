#!/usr/bin/env python3
"""Compiles benchmarks/shapes.mlir with one Halide autoscheduler, one kernel
at a time, into a static library for tconv-bench (the baselines of
docs/performance.md).

Usage: compile_autoschedulers.py --compiler TCONV_COMPILE --schedule auto-NAME
           --prefix NAME --ar AR --out DIR [--timeout S] [--jobs J] SHAPES.mlir

Each func @bench_<shape> of SHAPES.mlir is renamed @<prefix>_<shape> (so the
kernels of every schedule link into one binary), written to its own file and
compiled with `tconv-compile --schedule=auto-NAME --target=host`. A kernel
that fails to compile (or runs past --timeout) is left out of the library and
recorded; the build does not fail, and tconv-bench reports the shape as not
compiled. Writes DIR/lib<prefix>_kernels.a (always, possibly empty) and
DIR/status.txt: one line per shape, "<shape> ok <seconds>" or
"<shape> FAILED <reason>". Standard library only.
"""

import argparse
import concurrent.futures
import os
import re
import subprocess
import sys
import time


def split_funcs(text):
    """(name, text) of every top-level func.func, with its comment lines."""
    funcs, current, name = [], [], None
    for line in text.splitlines(keepends=True):
        m = re.match(r"func\.func\s+@bench_(\w+)", line)
        if m:
            name = m.group(1)
        current.append(line)
        if name and line.startswith("}"):
            funcs.append((name, "".join(l for l in current if not l.startswith("//"))))
            current, name = [], None
        elif not name and not line.startswith("//") and line.strip():
            current = []
    return funcs


def compile_one(args, shape, body):
    src_dir = os.path.join(args.out, "src")
    obj_dir = os.path.join(args.out, "obj", shape)
    os.makedirs(src_dir, exist_ok=True)
    src = os.path.join(src_dir, f"{args.prefix}_{shape}.mlir")
    with open(src, "w") as f:
        f.write(body.replace(f"@bench_{shape}", f"@{args.prefix}_{shape}"))
    cmd = [args.compiler, src, "-o", obj_dir, "--target=host",
           f"--schedule={args.schedule}"]
    start = time.monotonic()
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True,
                              timeout=args.timeout)
    except subprocess.TimeoutExpired:
        return shape, None, f"timed out after {args.timeout} s"
    seconds = time.monotonic() - start
    if proc.returncode != 0:
        reason = (proc.stderr.strip().splitlines() or ["exit %d" % proc.returncode])[-1]
        return shape, None, reason
    return shape, os.path.join(obj_dir, f"{args.prefix}_{shape}.o"), f"{seconds:.2f}"


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--compiler", required=True)
    p.add_argument("--schedule", required=True)
    p.add_argument("--prefix", required=True)
    p.add_argument("--ar", required=True)
    p.add_argument("--out", required=True)
    p.add_argument("--timeout", type=float, default=600)
    p.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    p.add_argument("shapes")
    args = p.parse_args()

    os.makedirs(args.out, exist_ok=True)
    with open(args.shapes) as f:
        funcs = split_funcs(f.read())
    if not funcs:
        print(f"compile_autoschedulers.py: no @bench_ funcs in {args.shapes}",
              file=sys.stderr)
        return 1
    with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
        results = list(pool.map(lambda fb: compile_one(args, *fb), funcs))

    lib = os.path.join(args.out, f"lib{args.prefix}_kernels.a")
    if os.path.exists(lib):
        os.remove(lib)
    objects = [obj for _, obj, _ in results if obj]
    subprocess.run([args.ar, "qc", lib] + objects, check=True)
    lines = []
    for shape, obj, info in results:
        lines.append(f"{shape} ok {info}" if obj else f"{shape} FAILED {info}")
        if not obj:
            print(f"compile_autoschedulers.py: {args.schedule} {shape}: {info}",
                  file=sys.stderr)
    with open(os.path.join(args.out, "status.txt"), "w") as f:
        f.write("\n".join(lines) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
