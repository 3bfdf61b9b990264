#!/usr/bin/env python3
"""Writes the runtime test kernels and their C++ table from runtime_cases.py.

    gen_runtime_cases.py OUTDIR [opencl]

OUTDIR receives (each file rewritten only when its content changes, so a
re-configure does not recompile the kernels):
  runtime_<file>.mlir   one func.func per case of that file group
  runtime_kernels.h     #includes the tconv-compile generated <func>.h headers
  runtime_cases.inc     one KernelCase initializer per case (NaiveReference.h)
and prints the .mlir paths as a CMake list (";"-separated).

With the variant `opencl` (runtime-tests-opencl, docs/gpu.md) the same table
is written for the OpenCL kernel library: cases of an element type the
OpenCL target cannot compile (OPENCL_UNSUPPORTED) are left out of the .mlir
files and get null kernel pointers in runtime_cases.inc, which the test
reports as skipped with the reason.

The result types written into the MLIR are computed here from the flavor
parameters by the shared Python oracle (test/support/tconv_oracle.py); the
tconv verifier checks them against the compiler's own arithmetic, and the
runtime tests against the C++ oracle's (ConvTransposeOracle.h).
"""

import os
import sys

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, "..", "..", "test", "support"))
import tconv_oracle as oracle  # noqa: E402
from runtime_cases import CASES  # noqa: E402


def canonical(c):
    """Per-dim (pad_lo, pad_hi, trailing_zeros) by the shared oracle."""
    rank = len(c["size"])
    out = []
    for i in range(rank):
        k, s, d = c["k"][i], c["s"][i], c["d"][i]
        op = c["op"][i] if c["op"] else 0
        if c["flavor"] == "torch":
            out.append(oracle.torch_dim_padding(
                c["padding"][i] if c["padding"] else 0, op))
        else:
            begin, end = oracle.begin_end(c["padding"], rank, i)
            out.append(oracle.ms_dim_padding(c["pad_mode"], rank, k, s, d,
                                             begin, end, op))
    return out


def out_size(c, i, length):
    if length is None:
        return None
    o = oracle.output_length(length, c["k"][i], c["s"][i], c["d"][i],
                             canonical(c)[i])
    assert o >= 1, c["name"]
    return o


def dim(v):
    return "?" if v is None else str(v)


def tensor(shape, dtype):
    return "tensor<" + "x".join(dim(v) for v in shape) + "x" + dtype + ">"


def arr(values):
    return "array<i64: " + ", ".join(str(v) for v in values) + ">"


def mlir_func(c):
    rank = len(c["size"])
    x = tensor((c["n"], c["cin"]) + c["size"], c["dtype"])
    w = tensor((c["cin"], c["cout"] // c["groups"]) + c["k"], c["dtype"])
    b = tensor((c["cout"],), c["dtype"])
    osz = tuple(out_size(c, i, c["size"][i]) for i in range(rank))
    y = tensor((c["n"], c["cout"]) + osz, c["dtype"])
    attrs = []
    if any(v != 1 for v in c["s"]):
        attrs.append("stride = " + arr(c["s"]))
    if any(v != 1 for v in c["d"]):
        attrs.append("dilation = " + arr(c["d"]))
    if c["padding"] is not None:
        attrs.append("padding = " + arr(c["padding"]))
    if c["op"] is not None:
        attrs.append("output_padding = " + arr(c["op"]))
    if c["flavor"] == "torch":
        op = "tconv.torch_conv_transpose"
        if c["groups"] != 1:
            attrs.append("groups = %d : i64" % c["groups"])
    else:
        op = "tconv.ms_conv_transpose"
        attrs.append('pad_mode = "%s"' % c["pad_mode"])
        if c["groups"] != 1:
            attrs.append("group = %d : i64" % c["groups"])
    args = ["%x: " + x, "%w: " + w] + (["%b: " + b] if c["bias"] else [])
    operands = "%x, %w" + (", %b" if c["bias"] else "")
    types = ", ".join([x, w] + ([b] if c["bias"] else []))
    return ("func.func @{n}({args}) -> {y} {{\n"
            "  %0 = {op} {operands} {{{attrs}}} : ({types}) -> {y}\n"
            "  return %0 : {y}\n}}\n").format(
                n=c["name"], args=", ".join(args), y=y, op=op,
                operands=operands, attrs=", ".join(attrs), types=types)


def cxx_list(values):
    return "{" + ", ".join("-1" if v is None else str(v) for v in values) + "}"


# Element types tconv-compile rejects for OpenCL targets (KernelCompiler's
# checkSupported says why).
OPENCL_UNSUPPORTED = {"bf16"}


def cxx_case(c, compiled=True):
    rank = len(c["size"])
    osz = tuple(out_size(c, i, c["size"][i]) for i in range(rank))
    dtype = {"f32": "F32", "f64": "F64", "f16": "F16", "bf16": "BF16"}
    fields = [
        '"%s"' % c["name"],
        "Flavor::Torch" if c["flavor"] == "torch" else "Flavor::MindSpore",
        '"%s"' % (c["pad_mode"] or ""),
        "DType::" + dtype[c["dtype"]],
        "true" if c["bias"] else "false",
        "-1" if c["n"] is None else str(c["n"]),
        str(c["cin"]), str(c["cout"]), str(c["groups"]),
        cxx_list(c["size"]), cxx_list(c["k"]), cxx_list(c["s"]),
        cxx_list(c["d"]),
        cxx_list(c["padding"] or ()),
        cxx_list(c["op"] or ()),
        cxx_list(osz),
        "{" + ", ".join(cxx_list(call) for call in c["calls"]) + "}",
        "nullptr" if c["bias"] or not compiled else c["name"],
        c["name"] if c["bias"] and compiled else "nullptr",
        "true" if c["torch"] else "false",
    ]
    return "{" + ", ".join(fields) + "},\n"


def write_if_changed(path, text):
    try:
        with open(path) as f:
            if f.read() == text:
                return
    except OSError:
        pass
    with open(path, "w") as f:
        f.write(text)


def main():
    outdir = sys.argv[1]
    variant = sys.argv[2] if len(sys.argv) > 2 else "host"
    assert variant in ("host", "opencl"), variant
    os.makedirs(outdir, exist_ok=True)
    names = [c["name"] for c in CASES]
    assert len(names) == len(set(names)), "duplicate case names"
    header = "// Generated by unittests/Runtime/gen_runtime_cases.py; do not edit.\n"

    def compiled(c):
        return variant != "opencl" or c["dtype"] not in OPENCL_UNSUPPORTED
    files = {}
    for c in CASES:
        if compiled(c):
            files.setdefault(c["file"], []).append(c)
    paths = []
    for group, cases in files.items():
        path = os.path.join(outdir, "runtime_%s.mlir" % group)
        write_if_changed(path, header + "\n".join(mlir_func(c) for c in cases))
        paths.append(path)
    write_if_changed(os.path.join(outdir, "runtime_kernels.h"),
                     header + "".join('#include "%s.h"\n' % c["name"]
                                      for c in CASES if compiled(c)))
    write_if_changed(os.path.join(outdir, "runtime_cases.inc"),
                     header + "".join(cxx_case(c, compiled(c)) for c in CASES))
    print(";".join(paths))


if __name__ == "__main__":
    main()
