#!/usr/bin/python3
"""The user guide's upsampler, its ConvTranspose1d layers swapped for tconv
kernels in three lines, checked against PyTorch, and timed before and after:
each swapped layer and the whole model (docs/python.md).

    PYTHONPATH=build/python /usr/bin/python3 examples/python/swap_upsampler.py \
        [--frames 200] [--batch 1] [--threads 1] [--quick]

--quick times each once (the ctest test python-example checks that it runs).
"""

import argparse
import os
import sys

import torch

import tconv
import tconv.torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from timing import best_seconds, cpu_name, layer_inputs  # noqa: E402
from upsampler import build  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--frames", type=int, default=200, help="mel frames in")
    parser.add_argument("--batch", type=int, default=1)
    parser.add_argument("--threads", type=int, default=1,
                        help="threads of PyTorch and of the kernels")
    parser.add_argument("--quick", action="store_true",
                        help="time each once (a smoke test, not a figure)")
    args = parser.parse_args()
    timing = dict(repeats=1, min_time=0.0) if args.quick else {}
    torch.set_num_threads(args.threads)

    model = build()
    # The three lines: a model, an example input, the swap.
    swapped = tconv.torch.swap_conv_transposes(model, torch.randn(1, 80, 32))
    swapped.tconv_module.set_num_threads(args.threads)

    mel = torch.randn(args.batch, 80, args.frames,
                      generator=torch.Generator().manual_seed(1))
    with torch.no_grad():
        want, got = model(mel), swapped(mel)
    err = (got - want).abs().max().item()
    print("output %s, max |tconv - PyTorch| = %.2e" % (tuple(got.shape), err))
    if not err <= 1e-4:
        sys.exit("outputs differ by %g" % err)

    print("wall time, %d thread(s), %s:" % (args.threads, cpu_name()))
    print("  %-8s %-16s %12s %12s %8s" % ("layer", "input", "PyTorch us",
                                          "tconv us", "speed-up"))
    before, after = layer_inputs(model, mel), {}
    total_torch = total_tconv = 0.0
    with torch.no_grad():
        for path, x in before.items():
            layer, kernel = model.get_submodule(path), swapped.get_submodule(path)
            t_torch = best_seconds(lambda: layer(x), **timing)
            t_tconv = best_seconds(lambda: kernel(x), **timing)
            total_torch += t_torch
            total_tconv += t_tconv
            print("  %-8s %-16s %12.1f %12.1f %7.2fx" % (
                path, "x".join(map(str, x.shape)), t_torch * 1e6, t_tconv * 1e6,
                t_torch / t_tconv))
        print("  %-25s %12.1f %12.1f %7.2fx" % ("swapped layers", total_torch * 1e6,
                                               total_tconv * 1e6,
                                               total_torch / total_tconv))
        m_torch = best_seconds(lambda: model(mel), **timing)
        m_tconv = best_seconds(lambda: swapped(mel), **timing)
    print("  %-25s %12.1f %12.1f %7.2fx" % ("whole model", m_torch * 1e6,
                                           m_tconv * 1e6, m_torch / m_tconv))


if __name__ == "__main__":
    main()
