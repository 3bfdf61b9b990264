#!/usr/bin/env python3
"""Markdown table of tconv-bench-fusion runs (docs/fusion.md, "Cost").

    fusion_report.py RUN.json...   (--benchmark_format=json output, one per
                                    thread count)

Per layer and thread count, the best repetition of each variant, then:
fused / bare (the fusion's cost: 1.00 is free), (bare + eltwise) / fused
(the speed-up over a separate pass) and the faster oneDNN primitive / fused
(above 1: tconv is faster).
"""
import json
import sys


def best_times(path):
    with open(path) as f:
        run = json.load(f)
    threads = run["context"].get("threads", "?")
    best = {}
    for b in run["benchmarks"]:
        if b.get("run_type") != "iteration" or b.get("error_occurred"):
            continue
        layer, variant = b["run_name"].split("/")[:2]
        t = b["real_time"]
        key = (layer, variant)
        best[key] = min(best.get(key, t), t)
    return threads, best


def main():
    rows = []
    for path in sys.argv[1:]:
        threads, best = best_times(path)
        layers = []
        for layer, _ in best:
            if layer not in layers:
                layers.append(layer)
        for layer in layers:
            t = lambda v: best.get((layer, v))
            fused = t("fused")
            onednn = min(x for x in (t("onednn_prim"), t("onednn_nwc")) if x)
            rows.append("| %s | %s | %.0f | %.3f | %.2f | %.2f |" % (
                layer, threads, fused, fused / t("bare"), t("bare+eltwise") / fused,
                onednn / fused))
    print("| layer | threads | fused (us) | fused / bare | (bare + eltwise) / fused "
          "| oneDNN best / fused |")
    print("|---|---:|---:|---:|---:|---:|")
    print("\n".join(rows))


if __name__ == "__main__":
    main()
