#!/usr/bin/python3
"""The cost of calling a tconv kernel from Python: a tiny kernel (1x1x8
input, 2 taps) called many times through tconv's Python binding, with torch
tensors and with numpy arrays, minus the same kernel called through the
library's C entry (tconv_invoke) from a C loop, which this script compiles
with the system compiler ($CC, else cc).

    PYTHONPATH=build/python /usr/bin/python3 benchmarks/python_overhead.py
"""

import os
import shutil
import subprocess
import sys
import tempfile
import time

import numpy
import torch

import tconv

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                "..", "examples", "python"))
from timing import cpu_name  # noqa: E402

TINY = """
func.func @tiny(%x: tensor<1x1x8xf32>, %w: tensor<1x1x2xf32>) -> tensor<1x1x9xf32> {
  %0 = tconv.torch_conv_transpose %x, %w : (tensor<1x1x8xf32>, tensor<1x1x2xf32>) -> tensor<1x1x9xf32>
  return %0 : tensor<1x1x9xf32>
}
"""

C_LOOP = r"""
#include <dlfcn.h>
#include <stdint.h>
#include <stdio.h>
#include <time.h>
typedef int (*Argv)(void **);
typedef int (*Invoke)(Argv, int, void *const *, const int *, const int64_t *,
                      const uint8_t *, const uint8_t *);
int main(int argc, char **argv) {
  void *lib = dlopen(argv[1], RTLD_NOW | RTLD_LOCAL);
  if (!lib) { fprintf(stderr, "%s\n", dlerror()); return 1; }
  Invoke invoke = (Invoke)dlsym(lib, "tconv_invoke");
  Argv kernel = (Argv)dlsym(lib, "tiny_argv");
  float x[8] = {1, 2, 3, 4, 5, 6, 7, 8}, w[2] = {1, -1}, y[9];
  void *hosts[3] = {x, w, y};
  int ranks[3] = {3, 3, 3};
  int64_t extents[9] = {1, 1, 8, 1, 1, 2, 1, 1, 9};
  uint8_t codes[3] = {2, 2, 2}, bits[3] = {32, 32, 32};
  const int n = 200000;
  double best = 1e9;
  for (int r = 0; r < 5; ++r) {
    struct timespec a, b;
    clock_gettime(CLOCK_MONOTONIC, &a);
    for (int i = 0; i < n; ++i)
      if (invoke(kernel, 3, hosts, ranks, extents, codes, bits)) return 1;
    clock_gettime(CLOCK_MONOTONIC, &b);
    double us = ((b.tv_sec - a.tv_sec) * 1e9 + (b.tv_nsec - a.tv_nsec)) / n / 1e3;
    if (us < best) best = us;
  }
  printf("%.4f\n", best);
  return 0;
}
"""


def per_call(fn, n=20000, repeats=5):
    for _ in range(1000):
        fn()
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        for _ in range(n):
            fn()
        best = min(best, (time.perf_counter() - start) / n)
    return best * 1e6


def main():
    mod = tconv.compile(TINY)
    mod.set_num_threads(1)
    work = tempfile.mkdtemp()
    try:
        source, exe = os.path.join(work, "loop.c"), os.path.join(work, "loop")
        with open(source, "w") as f:
            f.write(C_LOOP)
        cc = os.environ.get("CC") or shutil.which("cc")
        subprocess.run([cc, "-O2", source, "-o", exe, "-ldl"], check=True)
        c_us = float(subprocess.run([exe, mod.library_path], check=True,
                                    capture_output=True, text=True).stdout)
    finally:
        shutil.rmtree(work)
    x, w = torch.randn(1, 1, 8), torch.randn(1, 1, 2)
    torch_us = per_call(lambda: mod.tiny(x, w))
    xn, wn = x.numpy(), w.numpy()
    numpy_us = per_call(lambda: mod.tiny(xn, wn))
    print("call overhead of a tiny kernel (1x1x8 f32, 2 taps), %s, load average %.2f:"
          % (cpu_name(), os.getloadavg()[0]))
    print("  C loop through tconv_invoke (the kernel's own time): %6.2f us" % c_us)
    print("  Python, torch tensors:  %6.2f us per call, overhead %6.2f us"
          % (torch_us, torch_us - c_us))
    print("  Python, numpy arrays:   %6.2f us per call, overhead %6.2f us"
          % (numpy_us, numpy_us - c_us))


if __name__ == "__main__":
    main()
