#!/usr/bin/python3
"""The HiFi-GAN V1 generator's four upsampling layers (512->256 K16 s8,
256->128 K16 s8, 128->64 K4 s2, 64->32 K4 s2) in PyTorch, swapped for tconv
kernels from Python (tconv.torch.swap_conv_transposes), timed at each thread
count: the swapped layers, and the whole model, before and after.

    PYTHONPATH=build/python /usr/bin/python3 benchmarks/python_hifigan.py \
        [--frames 100] [--threads 1 2]

The model is simplified: conv_pre, then per upsampling stage leaky_relu, the
ConvTranspose1d and one residual Conv1d(c, c, 3) standing for the resblocks
(HiFi-GAN's have 3 kernels x 3 dilations, about 9x more conv work), then
conv_post and tanh. So the whole-model ratio here is higher than a full
generator's. Times are the best of 5 runs of >= 0.2 s each. Meaningful only
on a quiet machine: the script prints the load average with the figures.
At 2 threads or more, run it with OMP_WAIT_POLICY=PASSIVE: PyTorch's spinning
OpenMP workers otherwise take the cores from the kernels' Halide workers
(docs/python.md has the figures both ways).
"""

import argparse
import os
import sys

import torch
from torch import nn

import tconv.torch

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                "..", "examples", "python"))
from timing import best_seconds, cpu_name, layer_inputs  # noqa: E402

# HiFi-GAN V1 (config_v1.json): upsample_rates 8,8,2,2, kernel sizes
# 16,16,4,4, upsample_initial_channel 512.
STAGES = [(512, 256, 16, 8), (256, 128, 16, 8), (128, 64, 4, 2), (64, 32, 4, 2)]


class Generator(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv_pre = nn.Conv1d(80, 512, 7, padding=3)
        self.ups = nn.ModuleList(
            nn.ConvTranspose1d(cin, cout, k, stride=s, padding=(k - s) // 2)
            for cin, cout, k, s in STAGES)
        self.resblocks = nn.ModuleList(
            nn.Conv1d(cout, cout, 3, padding=1) for _, cout, _, _ in STAGES)
        self.conv_post = nn.Conv1d(32, 1, 7, padding=3)

    def forward(self, mel):
        x = self.conv_pre(mel)
        for up, res in zip(self.ups, self.resblocks):
            x = up(nn.functional.leaky_relu(x, 0.1))
            x = x + res(nn.functional.leaky_relu(x, 0.1))
        return torch.tanh(self.conv_post(nn.functional.leaky_relu(x)))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--frames", type=int, default=100)
    parser.add_argument("--threads", type=int, nargs="+", default=[1, 2])
    args = parser.parse_args()

    torch.manual_seed(0)
    model = Generator().eval()
    swapped = tconv.torch.swap_conv_transposes(model, torch.randn(1, 80, 16))
    mel = torch.randn(1, 80, args.frames, generator=torch.Generator().manual_seed(1))
    inputs = layer_inputs(model, mel)
    print("HiFi-GAN V1 upsampling, %d frames, %s, load average %.2f before"
          % (args.frames, cpu_name(), os.getloadavg()[0]))
    for threads in args.threads:
        torch.set_num_threads(threads)
        swapped.tconv_module.set_num_threads(threads)
        with torch.no_grad():
            want, got = model(mel), swapped(mel)
            err = (got - want).abs().max().item()
            print("\n%d thread(s): max |tconv - PyTorch| of the output %.2e" % (threads, err))
            print("  %-8s %-14s %12s %12s %8s" % ("layer", "input", "PyTorch ms",
                                                  "tconv ms", "speed-up"))
            total = [0.0, 0.0]
            for path, x in inputs.items():
                a = best_seconds(lambda: model.get_submodule(path)(x))
                b = best_seconds(lambda: swapped.get_submodule(path)(x))
                total[0] += a
                total[1] += b
                print("  %-8s %-14s %12.3f %12.3f %7.2fx" % (
                    path, "x".join(map(str, x.shape)), a * 1e3, b * 1e3, a / b))
            print("  %-23s %12.3f %12.3f %7.2fx" % ("upsampling layers", total[0] * 1e3,
                                                   total[1] * 1e3, total[0] / total[1]))
            a = best_seconds(lambda: model(mel))
            b = best_seconds(lambda: swapped(mel))
            print("  %-23s %12.3f %12.3f %7.2fx" % ("whole model", a * 1e3, b * 1e3, a / b))
    print("\nload average %.2f after" % os.getloadavg()[0])


if __name__ == "__main__":
    main()
