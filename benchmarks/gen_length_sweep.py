#!/usr/bin/env python3
"""Writes the length-sweep kernels and their table for tconv-bench-lengths.

    gen_length_sweep.py OUTDIR

OUTDIR receives length_sweep.mlir (per layer: one kernel with a dynamic
length, `sweep_<layer>_dyn`, and one static kernel per swept length,
`sweep_<layer>_l<L>`) and length_sweep.inc (the C++ table of layers, lengths
and kernel functions), each rewritten only when its content changes. Prints
the .mlir path.

The layers are the two of the "Performance" issue's dynamic-length report:
a HiFi-GAN-style upsampler (Cin 512, Cout 256, K 16, s 8, p 4) and a small
one (Cin 64, Cout 32, K 4, s 2, p 1), both PyTorch ConvTranspose1d with a
bias, N = 1.
"""

import os
import sys

LAYERS = [
    # name, cin, cout, k, s, p
    ("up_c512_k16s8", 512, 256, 16, 8, 4),
    ("up_c64_k4s2", 64, 32, 4, 2, 1),
]
LENGTHS = [16, 17, 24, 32, 50, 64, 100, 128, 200, 256, 512, 1024, 2048, 4096]


def func(name, cin, cout, k, s, p, length):
    lin = "?" if length is None else str(length)
    lout = "?" if length is None else str((length - 1) * s - 2 * p + k)
    x = f"tensor<1x{cin}x{lin}xf32>"
    w = f"tensor<{cin}x{cout}x{k}xf32>"
    b = f"tensor<{cout}xf32>"
    y = f"tensor<1x{cout}x{lout}xf32>"
    return (f"func.func @{name}(%x: {x}, %w: {w}, %b: {b}) -> {y} {{\n"
            f"  %0 = tconv.torch_conv_transpose %x, %w, %b {{stride = "
            f"array<i64: {s}>, padding = array<i64: {p}>}} : ({x}, {w}, {b})"
            f" -> {y}\n  return %0 : {y}\n}}\n")


def write_if_changed(path, text):
    if os.path.exists(path) and open(path).read() == text:
        return
    with open(path, "w") as f:
        f.write(text)


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    mlir, rows, headers = [], [], []
    for layer, cin, cout, k, s, p in LAYERS:
        dyn = f"sweep_{layer}_dyn"
        mlir.append(func(dyn, cin, cout, k, s, p, None))
        headers.append(dyn)
        for length in LENGTHS:
            static = f"sweep_{layer}_l{length}"
            mlir.append(func(static, cin, cout, k, s, p, length))
            headers.append(static)
            rows.append(f'  {{"{layer}", {{1, {cin}, {cout}, {k}, {s}, {p}, '
                        f'0, 1, 1, {length}}}, {static}, {dyn}}},')
    write_if_changed(os.path.join(out, "length_sweep.mlir"), "\n".join(mlir))
    inc = "".join(f'#include "{h}.h"\n' for h in headers)
    inc += "const SweepPoint kSweep[] = {\n" + "\n".join(rows) + "\n};\n"
    write_if_changed(os.path.join(out, "length_sweep.inc"), inc)
    print(os.path.join(out, "length_sweep.mlir"))


if __name__ == "__main__":
    main()
