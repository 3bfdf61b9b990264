#!/usr/bin/python3
"""Draws the bar chart of docs/performance.md from tconv-bench JSON results.

Usage: plot.py [--out docs/performance.png] [--peak 221[,418...]] RESULT.json [...]

One panel per file (thread count): per shape, GFLOP/s of tconv, the oneDNN
primitive, oneDNN from NCL and each Halide autoscheduler that was timed (best
repetition, as report.py), with the FMA peak as a line (--peak: one value,
or one per file, comma-separated; tconv-fma-peak's total at that thread
count). Needs matplotlib
(Debian: python3-matplotlib).
"""

import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import report  # noqa: E402

import matplotlib  # noqa: E402

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

SERIES = [
    ("tconv", "tconv (hand-written schedule)", "#1f77b4"),
    ("onednn_prim", "oneDNN primitive", "#d62728"),
    ("onednn_ncl", "oneDNN from NCL", "#ff9896"),
    ("auto_adams2019", "Halide Adams2019", "#2ca02c"),
    ("auto_li2018", "Halide Li2018", "#98df8a"),
    ("auto_mullapudi2016", "Halide Mullapudi2016", "#9467bd"),
]


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--out", default="docs/performance.png")
    p.add_argument("--peak", default="221")
    p.add_argument("results", nargs="+")
    args = p.parse_args()

    fig, axes = plt.subplots(len(args.results), 1,
                             figsize=(12, 4.2 * len(args.results)), squeeze=False)
    peaks = [float(v) for v in args.peak.split(",")]
    peaks += [peaks[-1]] * (len(args.results) - len(peaks))
    for ax, path, peak in zip(axes[:, 0], args.results, peaks):
        context, order, rows = report.load(path)
        series = [s for s in SERIES if any(s[0] in rows[sh] for sh in order)]
        width = 0.8 / len(series)
        top = peak
        for k, (variant, label, color) in enumerate(series):
            xs, ys = [], []
            for i, shape in enumerate(order):
                v = report.gflops(rows[shape].get(variant))
                if v is not None:
                    xs.append(i - 0.4 + width * (k + 0.5))
                    ys.append(v)
            ax.bar(xs, ys, width, label=label, color=color)
            top = max([top] + ys)
        ax.axhline(peak, color="black", linestyle="--", linewidth=1)
        ax.text(len(order) - 0.5, peak, f"FMA peak {peak:.0f}",
                ha="right", va="bottom", fontsize=8)
        ax.set_xticks(range(len(order)))
        ax.set_xticklabels(order, rotation=20)
        ax.set_ylabel("GFLOP/s (best repetition)")
        ax.set_ylim(0, top * 1.15)
        ax.set_title(f"{context.get('threads', '?')} thread(s), "
                     f"{context.get('date', '')}", fontsize=10)
        ax.grid(axis="y", alpha=0.3)
    axes[0, 0].legend(ncol=3, fontsize=8, loc="upper left")
    fig.tight_layout()
    fig.savefig(args.out, dpi=90)
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
