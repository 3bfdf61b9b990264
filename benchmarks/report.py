#!/usr/bin/env python3
"""Formats tconv-bench JSON results (--benchmark_out) as Markdown tables.

Usage: report.py [--median] [--peak GFLOPS | --peak T=GFLOPS,...] RESULT.json...

One table per file (tconv-bench runs one thread count per process). Columns:
GFLOP/s of the tconv kernel and its fraction of the FMA peak (--peak: one
figure for every file, or one per thread count, e.g. 1=108.3,2=219.2 from
tconv-fma-peak; default 221, the Zen 5 figure of an earlier run), of oneDNN
fed from/back to NCL (reorders timed), of the oneDNN primitive alone in its
preferred layout and in nwc, of the naive loops where timed, the ratios tconv /
oneDNN (> 1: tconv is faster; "best": the faster of the two primitives), the
geometric mean of the ratio to the best primitive, and a second table with each Halide autoscheduler's
GFLOP/s and tconv's ratio to it. With repetitions, GFLOP/s is the best
repetition (--median: the median). Standard library only.
"""

import argparse
import json
import math
import sys

VARIANTS = ("tconv", "onednn_ncl", "onednn_prim", "onednn_nwc", "naive")
AUTOS = ("auto_adams2019", "auto_li2018", "auto_mullapudi2016")
PEAK = 221.0


def fmt(value, digits=1):
    if value is None:
        return "–"
    if digits == 1 and abs(value) < 1:
        digits = 3  # tiny shapes at 2 threads under load: 0.012, not 0.0
    return f"{value:.{digits}f}"


def ratio(a, b):
    return None if a is None or b is None or b == 0 else a / b


def load(path):
    """Returns (context, shapes in order, {shape: {variant: entry}}).

    An entry is a dict with "GFLOP/s", "cpu_util", "label", and "error" when
    the benchmark failed. With --benchmark_repetitions the median aggregate
    GFLOP/s is the best repetition's ("max" statistic) and "median GFLOP/s"
    the median; cpu_util is the median; "cv" is the coefficient of variation
    of the real time across repetitions.
    """
    with open(path) as f:
        data = json.load(f)
    context = data.get("context", {})
    runs = {}  # (shape, variant) -> {"iterations": [...], "aggregates": {...}}
    order = []
    for b in data.get("benchmarks", []):
        parts = b.get("run_name", b["name"]).split("/")
        if len(parts) < 2 or parts[1] not in VARIANTS + AUTOS:
            continue
        shape, variant = parts[0], parts[1]
        if shape not in order:
            order.append(shape)
        slot = runs.setdefault((shape, variant), {"iterations": [], "aggregates": {}})
        if b.get("run_type") == "aggregate":
            slot["aggregates"][b.get("aggregate_name")] = b
        else:
            slot["iterations"].append(b)
    rows = {}
    for (shape, variant), slot in runs.items():
        its, aggs = slot["iterations"], slot["aggregates"]
        errors = [b for b in its + list(aggs.values()) if b.get("error_occurred")]
        entry = {"label": next((b.get("label") for b in its + list(aggs.values())
                                if b.get("label")), "")}
        if errors:
            entry["error"] = errors[0].get("error_message", "")
        elif "median" in aggs:
            # "max" (tconv-bench's statistic): the best repetition.
            best = aggs.get("max", aggs["median"])
            entry["GFLOP/s"] = best.get("GFLOP/s")
            entry["median GFLOP/s"] = aggs["median"].get("GFLOP/s")
            entry["cpu_util"] = aggs["median"].get("cpu_util")
            entry["reps"] = len(its) or None
            if "cv" in aggs:
                entry["cv"] = aggs["cv"].get("real_time")
        elif its:
            def median(key):
                vals = sorted(b[key] for b in its if key in b)
                return vals[len(vals) // 2] if vals else None
            entry["GFLOP/s"] = max(b.get("GFLOP/s", 0.0) for b in its)
            entry["median GFLOP/s"] = median("GFLOP/s")
            entry["cpu_util"] = median("cpu_util")
            entry["reps"] = len(its)
        rows.setdefault(shape, {})[variant] = entry
    # The order of shapes.md (tconv-bench's "shapes" context), not the run
    # order, which --benchmark_enable_random_interleaving shuffles.
    canonical = [s for s in context.get("shapes", "").split(",") if s in rows]
    order = canonical + [s for s in order if s not in canonical]
    return context, order, rows


USE_MEDIAN = False


def gflops(entry):
    if entry is None or "error" in entry:
        return None
    if USE_MEDIAN and entry.get("median GFLOP/s") is not None:
        return entry["median GFLOP/s"]
    return entry.get("GFLOP/s")


def table(path):
    context, order, rows = load(path)
    threads = context.get("threads", "?")
    out = []
    out.append(
        f"**{threads} thread(s)** — oneDNN {context.get('onednn_version', '?')} "
        f"({context.get('onednn_cpu_runtime', '?')}), "
        f"{context.get('host_name', '?')}, {context.get('date', '?')}"
    )
    out.append("")
    out.append(
        "| shape | tconv GFLOP/s | tconv % of peak | oneDNN from NCL GFLOP/s "
        "| oneDNN primitive GFLOP/s | oneDNN nwc GFLOP/s | naive GFLOP/s "
        "| tconv / oneDNN-NCL | tconv / oneDNN-prim | tconv / oneDNN best "
        "| cpu_util tconv / oneDNN-NCL / prim |"
    )
    out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    notes = []
    best_ratios = []
    for shape in order:
        r = rows[shape]
        t, n, p, w, nv = (gflops(r.get(v)) for v in VARIANTS)
        util = " / ".join(
            fmt(r[v].get("cpu_util"), 2) if v in r and "error" not in r[v] else "–"
            for v in VARIANTS[:3]
        )
        best = max((g for g in (p, w) if g is not None), default=None)
        rn, rp, rb = ratio(t, n), ratio(t, p), ratio(t, best)
        if rb is not None:
            best_ratios.append((shape, rb))
        peak = f"{100 * t / PEAK:.0f}%" if t is not None else "–"
        out.append(
            f"| {shape} | {fmt(t)} | {peak} | {fmt(n)} | {fmt(p)} | {fmt(w)} "
            f"| {fmt(nv)} | {fmt(rn, 2)} | {fmt(rp, 2)} | {fmt(rb, 2)} | {util} |"
        )
        for v in VARIANTS + AUTOS:
            e = r.get(v)
            if e is not None and "error" in e:
                notes.append(f"- {shape}/{v}: ERROR {e['error']}")
    # Halide's autoschedulers on the same algorithm (when timed).
    autos = [a for a in AUTOS if any(a in rows[s] for s in order)]
    if autos:
        names = [a[len("auto_"):] for a in autos]
        out.append("")
        out.append("| shape | tconv GFLOP/s | " + " | ".join(
            f"{n} GFLOP/s" for n in names) + " | " + " | ".join(
            f"tconv / {n}" for n in names) + " |")
        out.append("|---|---:|" + "---:|" * (2 * len(autos)))
        for shape in order:
            r = rows[shape]
            t = gflops(r.get("tconv"))
            vals = [gflops(r.get(a)) for a in autos]
            cells = [fmt(v) if v is not None else
                     ("failed" if a in r else "–") for a, v in zip(autos, vals)]
            out.append(f"| {shape} | {fmt(t)} | " + " | ".join(cells) + " | " +
                       " | ".join(fmt(ratio(t, v), 2) for v in vals) + " |")
    if best_ratios:
        geo = math.exp(sum(math.log(x) for _, x in best_ratios) / len(best_ratios))
        below = ", ".join(f"{shape} {x:.2f}" for shape, x in best_ratios if x < 1.0)
        out.append("")
        out.append(f"tconv / oneDNN best: geometric mean {geo:.2f} over "
                   f"{len(best_ratios)} shapes; below 1.0: {below or 'none'}.")
    if notes:
        out.append("")
        out.extend(notes)
    # The oneDNN implementation and layouts each shape ran with (the label).
    impls = []
    for shape in order:
        e = rows[shape].get("onednn_prim")
        if e is not None and e.get("label"):
            impls.append(f"{shape}: {e['label']}")
    cvs = [e["cv"] for r in rows.values() for e in r.values() if e.get("cv") is not None]
    reps = max((e.get("reps") or 1 for r in rows.values() for e in r.values()), default=1)
    if reps > 1:
        out.append("")
        if USE_MEDIAN:
            line = f"GFLOP/s and cpu_util: median of {reps} repetitions."
        else:
            line = (f"GFLOP/s: best of {reps} repetitions (report.py --median: "
                    f"the median); cpu_util: median.")
        if cvs:
            line += (f" Coefficient of variation of the time across repetitions: "
                     f"median {sorted(cvs)[len(cvs) // 2]:.1%}, max {max(cvs):.1%}.")
        out.append(line)
    return "\n".join(out), impls


def parse_peaks(text):
    """'108' -> {None: 108.0}; '1=108,2=219' -> {1: 108.0, 2: 219.0}."""
    peaks = {}
    for part in text.split(","):
        threads, sep, value = part.rpartition("=")
        peaks[int(threads) if sep else None] = float(value)
    return peaks


def main(argv):
    global USE_MEDIAN, PEAK
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--median", action="store_true",
                        help="median repetition instead of the best")
    parser.add_argument("--peak", type=parse_peaks, default={None: PEAK},
                        help="FMA peak GFLOP/s: one figure, or T=GFLOPS,... per thread count")
    parser.add_argument("results", nargs="+", help="tconv-bench JSON files")
    args = parser.parse_args(argv[1:])
    USE_MEDIAN = args.median
    failed = False
    impls_seen = None
    for path in args.results:
        with open(path) as f:
            threads = json.load(f).get("context", {}).get("threads")
        try:
            threads = int(threads)
        except (TypeError, ValueError):
            threads = None
        if threads in args.peak:
            PEAK = args.peak[threads]
        elif None in args.peak:
            PEAK = args.peak[None]
        else:
            parser.error(f"--peak has no figure for {threads} thread(s) ({path})")
        text, impls = table(path)
        print(text)
        print()
        # A failed autoscheduler baseline is recorded, not an error.
        failed |= any("ERROR" in l and "/auto_" not in l
                      for l in text.splitlines())
        impls_seen = impls_seen or impls
    if impls_seen:
        print("oneDNN implementation and layouts (src, weights, dst):")
        print()
        for line in impls_seen:
            print(f"- {line}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
