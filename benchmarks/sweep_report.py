#!/usr/bin/env python3
"""Tables of tconv-bench-lengths runs (benchmarks/run-lengths.sh).

    sweep_report.py RUN.json [RUN.json ...]

Per run (thread count) and layer, a row per input length: the static
kernel's GFLOP/s, the dynamic kernel's time as a ratio of the static one's
(dynamic/static speed), and the dynamic kernel's speed against oneDNN's
fastest primitive layout (the faster of nwc and its preferred blocked layout)
and against oneDNN from NCL. Every figure is the best repetition (the
"_max" aggregate of GFLOP/s): ratios within one run only.
"""

import json
import sys
from collections import defaultdict


def load(path):
    run = json.load(open(path))
    threads = run["context"].get("threads", "?")
    best = defaultdict(float)  # (layer, length, kind) -> GFLOP/s
    for b in run["benchmarks"]:
        name = b.get("run_name", b["name"])
        if b.get("aggregate_name") not in (None, "max"):
            continue
        parts = name.split("/")
        if len(parts) < 3 or "GFLOP/s" not in b:
            continue
        layer, length, kind = parts[0], int(parts[1][1:]), parts[2]
        best[(layer, length, kind)] = max(best[(layer, length, kind)],
                                          b["GFLOP/s"])
    return threads, best


def main(paths):
    for path in paths:
        threads, best = load(path)
        layers = sorted({k[0] for k in best})
        for layer in layers:
            lengths = sorted({k[1] for k in best if k[0] == layer})
            print(f"\n#### {layer}, {threads} thread(s)\n")
            print("| L | static GFLOP/s | dynamic / static | dynamic / oneDNN "
                  "best primitive (layout) | dynamic / oneDNN from NCL |")
            print("|---|---|---|---|---|")
            worst = {}
            for length in lengths:
                g = {kind: best[(layer, length, kind)] for kind in
                     ("tconv_dynamic", "tconv_static", "onednn_nwc",
                      "onednn_blocked", "onednn_ncl")}
                dnnl = max(g["onednn_nwc"], g["onednn_blocked"])
                layout = "nwc" if g["onednn_nwc"] >= g["onednn_blocked"] \
                    else "blocked"
                r = {
                    "dyn/static": g["tconv_dynamic"] / g["tconv_static"],
                    "dyn/onednn": g["tconv_dynamic"] / dnnl,
                    "dyn/ncl": g["tconv_dynamic"] / g["onednn_ncl"],
                }
                for k, v in r.items():
                    worst[k] = min(worst.get(k, 1e9), v)
                print(f"| {length} | {g['tconv_static']:.1f} | "
                      f"{r['dyn/static']:.2f} | {r['dyn/onednn']:.2f} "
                      f"({layout}) | {r['dyn/ncl']:.2f} |")
            print(f"| worst | | {worst['dyn/static']:.2f} | "
                  f"{worst['dyn/onednn']:.2f} | {worst['dyn/ncl']:.2f} |")


if __name__ == "__main__":
    if len(sys.argv) < 2 or sys.argv[1] in ("-h", "--help"):
        print(__doc__)
        sys.exit(0 if len(sys.argv) > 1 else 2)
    main(sys.argv[1:])
