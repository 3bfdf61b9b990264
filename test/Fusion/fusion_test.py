#!/usr/bin/env python3
"""Fused prologues and epilogues against PyTorch (docs/fusion.md).

    fusion_test.py --tconv-compile BIN --work DIR [--target T] [--cxx CXX]
                   [--only NAME,...]

Each case is a func.func written the way a model computes a layer: the
elementwise ops of an activation as arith/math ops on tensors, a transposed
convolution, more elementwise ops; tconv-compile fuses them into one kernel
(--tconv-fuse-elementwise). The reference is PyTorch's own functional form
of each activation (F.leaky_relu, F.elu, F.gelu, torch.tanh, F.silu,
torch.sigmoid, ...) around F.conv_transpose{1,2}d, computed in float64 from
the exact operand values the kernel reads. Each case runs at two lengths
when its length is dynamic. With --target=host-opencl-... the same cases run
through the GPU schedule on the OpenCL device (PoCL in CI).

Exit status 1 when any element differs by more than the case's tolerance.
"""

import argparse
import math
import os
import shutil
import sys

import numpy as np
import torch
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "support"))
import tconv_kernel_runner as kernel_runner  # noqa: E402
import tconv_oracle as oracle  # noqa: E402

ELEMENT = {"f16": ("f16", np.float16), "f32": ("f32", np.float32),
           "f64": ("f64", np.float64)}


# ---------------------------------------------------------------------------
# Writing the elementwise ops as MLIR on tensors
# ---------------------------------------------------------------------------

class Body:
    """Emits arith/math ops on tensors of one type, with splat constants of
    the form a static or a dynamic shape takes."""

    def __init__(self, lines, counter, source, tensor_type, shape, elem):
        self.lines, self.counter = lines, counter
        self.source, self.type, self.shape, self.elem = source, tensor_type, shape, elem

    def fresh(self):
        self.counter[0] += 1
        return "%%v%d" % self.counter[0]

    def emit(self, text):
        name = self.fresh()
        self.lines.append("  %s = %s" % (name, text))
        return name

    def dynamic_sizes(self):
        """`[%d0, ...]`: tensor.dim of each dynamic dim of the source, or ""."""
        dims = []
        for d, extent in enumerate(self.shape):
            if extent is None:
                index = self.emit("arith.constant %d : index" % d)
                dims.append(self.emit("tensor.dim %s, %s : %s" % (self.source, index,
                                                                   self.type)))
        return "[%s]" % ", ".join(dims) if dims else ""

    def const(self, value):
        literal = repr(float(value))
        if None not in self.shape:
            return self.emit("arith.constant dense<%s> : %s" % (literal, self.type))
        scalar = self.emit("arith.constant %s : %s" % (literal, self.elem))
        return self.emit("tensor.splat %s%s : %s" % (scalar, self.dynamic_sizes(), self.type))

    def op(self, name, *operands):
        return self.emit("%s %s : %s" % (name, ", ".join(operands), self.type))

    def cmp(self, predicate, a, b):
        return self.emit("arith.cmpf %s, %s, %s : %s" % (predicate, a, b, self.type))

    def select(self, c, a, b):
        i1 = self.type.replace("x" + self.elem + ">", "xi1>")
        return self.emit("arith.select %s, %s, %s : %s, %s" % (c, a, b, i1, self.type))

    def broadcast(self, argument, channels):
        """A per-channel func argument over this tensor's shape."""
        return self.emit("tconv.channel_broadcast %s%s : tensor<%dx%s> to %s"
                         % (argument, self.dynamic_sizes(), channels, self.elem,
                            self.type))


# The activations, each twice: as MLIR ops (what a model's importer writes)
# and as PyTorch computes it. `extra` is the body's per-channel or residual
# operand, if the activation takes one.

def leaky_select(b, v, extra=None):
    neg = b.op("arith.mulf", v, b.const(0.1))
    return b.select(b.cmp("ogt", v, b.const(0.0)), v, neg)


def leaky_max(b, v, extra=None):
    return b.op("arith.maximumf", v, b.op("arith.mulf", v, b.const(0.2)))


def relu(b, v, extra=None):
    return b.op("arith.maximumf", v, b.const(0.0))


def elu(b, v, extra=None):
    em1 = b.op("math.expm1", v)
    return b.select(b.cmp("ogt", v, b.const(0.0)), v, b.op("arith.mulf", em1, b.const(1.0)))


def gelu_erf(b, v, extra=None):
    e = b.op("math.erf", b.op("arith.mulf", v, b.const(1 / math.sqrt(2))))
    return b.op("arith.mulf", b.op("arith.mulf", v, b.const(0.5)),
                b.op("arith.addf", e, b.const(1.0)))


def gelu_tanh(b, v, extra=None):
    cube = b.op("arith.mulf", b.op("arith.mulf", v, v), v)
    inner = b.op("arith.addf", v, b.op("arith.mulf", cube, b.const(0.044715)))
    t = b.op("math.tanh", b.op("arith.mulf", inner, b.const(math.sqrt(2 / math.pi))))
    return b.op("arith.mulf", b.op("arith.mulf", v, b.const(0.5)),
                b.op("arith.addf", t, b.const(1.0)))


def silu(b, v, extra=None):
    denominator = b.op("arith.addf", b.op("math.exp", b.op("arith.negf", v)), b.const(1.0))
    return b.op("arith.divf", v, denominator)


def sigmoid(b, v, extra=None):
    denominator = b.op("arith.addf", b.op("math.exp", b.op("arith.negf", v)), b.const(1.0))
    return b.op("arith.divf", b.const(1.0), denominator)


def tanh(b, v, extra=None):
    return b.op("math.tanh", v)


def snake(b, v, alpha):
    """BigVGAN's Snake: x + sin(alpha * x)^2 / alpha, alpha per channel."""
    s = b.op("math.sin", b.op("arith.mulf", alpha, v))
    return b.op("arith.addf", v, b.op("arith.divf", b.op("arith.mulf", s, s), alpha))


def residual_tanh(b, v, residual):
    return b.op("math.tanh", b.op("arith.addf", v, residual))


def log_sqrt_abs(b, v, extra=None):
    a = b.op("math.absf", v)
    return b.op("arith.subf", b.op("math.log1p", a), b.op("math.sqrt", a))


def torch_snake(x, alpha):
    a = alpha.reshape(1, -1, *([1] * (x.dim() - 2)))
    return x + torch.sin(a * x) ** 2 / a


TORCH = {
    leaky_select: lambda x, e: F.leaky_relu(x, 0.1),
    leaky_max: lambda x, e: F.leaky_relu(x, 0.2),
    relu: lambda x, e: F.relu(x),
    elu: lambda x, e: F.elu(x, 1.0),
    gelu_erf: lambda x, e: F.gelu(x),
    gelu_tanh: lambda x, e: F.gelu(x, approximate="tanh"),
    silu: lambda x, e: F.silu(x),
    sigmoid: lambda x, e: torch.sigmoid(x),
    tanh: lambda x, e: torch.tanh(x),
    snake: torch_snake,
    residual_tanh: lambda x, e: torch.tanh(x + e),
    log_sqrt_abs: lambda x, e: torch.log1p(x.abs()) - x.abs().sqrt(),
}
# Activations that take an extra operand: "channel" (one value per channel)
# or "full" (the tensor's shape).
EXTRA = {snake: "channel", residual_tanh: "full"}


# ---------------------------------------------------------------------------
# The cases
# ---------------------------------------------------------------------------

class Case:
    def __init__(self, name, prologue=None, epilogue=None, cin=8, cout=6, k=(4,),
                 s=(2,), p=(1,), length=(12,), lengths=None, batch=1, bias=True,
                 dtype="f32", dynamic=False, ms_output_padding=None, groups=1):
        self.__dict__.update(locals())
        del self.__dict__["self"]
        self.rank = len(k)


CASES = [
    # HiFi-GAN / MelGAN: leaky ReLU on every upsampling layer's input.
    Case("hifigan_leaky", prologue=leaky_select, cin=16, cout=8, k=(16,), s=(8,), p=(4,),
         length=(None,), lengths=[(9,), (33,)], dynamic=True),
    Case("leaky_max_no_bias", prologue=leaky_max, bias=False),
    Case("relu_then_elu", prologue=relu, epilogue=elu, cin=5, cout=7, k=(5,), s=(3,),
         p=(2,)),
    Case("gelu_erf", epilogue=gelu_erf, cout=16, k=(3,), s=(1,), p=(1,)),
    Case("gelu_tanh", epilogue=gelu_tanh, cin=4, cout=9, k=(4,), s=(2,), p=(1,),
         batch=None, lengths=[(2, 12), (3, 12)], dynamic=True),
    Case("silu_no_bias", epilogue=silu, bias=False, k=(7,), s=(4,), p=(0,)),
    Case("snake_then_tanh", prologue=snake, epilogue=tanh, cin=6, cout=1, k=(8,), s=(4,),
         p=(2,), length=(None,), lengths=[(10,), (7,)], dynamic=True),
    Case("residual_tanh", prologue=leaky_select, epilogue=residual_tanh, cin=8, cout=8,
         k=(4,), s=(2,), p=(1,), length=(None,), lengths=[(11,), (5,)], dynamic=True),
    Case("grouped_sigmoid", epilogue=sigmoid, cin=8, cout=8, groups=4, k=(4,), s=(2,)),
    Case("log_sqrt_abs", epilogue=log_sqrt_abs),
    Case("relu_2d_sigmoid", prologue=relu, epilogue=sigmoid, cin=3, cout=4, k=(3, 4),
         s=(2, 2), p=(1, 1), length=(5, 6)),
    Case("snake_2d_residual", prologue=snake, epilogue=residual_tanh, cin=4, cout=3,
         k=(4, 3), s=(2, 1), p=(1, 1), length=(None, 7), lengths=[(4, 7), (6, 7)],
         dynamic=True),
    # MindSpore 2-D output_padding: hard zeros after the bias, then the
    # epilogue maps them too (sigmoid(0) = 0.5).
    Case("ms_output_padding_sigmoid", epilogue=sigmoid, cin=3, cout=2, k=(3, 3),
         s=(2, 2), p=(1, 1), length=(4, 5), ms_output_padding=(1, 0)),
    Case("gelu_erf_f64", prologue=leaky_select, epilogue=gelu_erf, dtype="f64"),
    Case("leaky_f16", prologue=leaky_select, epilogue=relu, dtype="f16", cin=4, cout=4),
]


def tensor_type(shape, elem):
    return "tensor<%sx%s>" % ("x".join("?" if e is None else str(e) for e in shape), elem)


def shapes(case, length):
    """Input and output shapes (N, C, S...) of `case` at spatial sizes `length`
    (None keeps a dimension dynamic)."""
    def out(L, i):
        if L is None:
            return None
        zeros = case.ms_output_padding[i] if case.ms_output_padding else 0
        return oracle.output_length(L, case.k[i], case.s[i], 1, (case.p[i], case.p[i], zeros))
    return ([case.batch, case.cin] + list(length),
            [case.batch, case.cout] + [out(L, i) for i, L in enumerate(length)])


def write_func(case):
    elem = ELEMENT[case.dtype][0]
    in_shape, out_shape = shapes(case, case.length)
    in_type, out_type = tensor_type(in_shape, elem), tensor_type(out_shape, elem)
    w_type = tensor_type([case.cin, case.cout // case.groups] + list(case.k), elem)
    args = ["%%x: %s" % in_type, "%%w: %s" % w_type]
    if case.bias:
        args.append("%%b: tensor<%dx%s>" % (case.cout, elem))
    lines, counter = [], [0]
    extras = []

    def extra_for(stage, channels, full_type):
        kind = EXTRA.get(stage)
        if kind is None:
            return None
        name = "%%e%d" % len(extras)
        extras.append(kind)
        args.append("%s: %s" % (name, "tensor<%dx%s>" % (channels, elem) if kind == "channel"
                                else full_type))
        return name

    def stage(activation, source, tensor_type, shape, channels):
        """The activation's ops on `source`, with its extra operand, if any."""
        b = Body(lines, counter, source, tensor_type, shape, elem)
        e = extra_for(activation, channels, tensor_type)
        if e and EXTRA[activation] == "channel":
            e = b.broadcast(e, channels)
        return activation(b, source, e)

    x = "%x"
    if case.prologue:
        x = stage(case.prologue, "%x", in_type, in_shape, case.cin)
    operands = [x, "%w"] + (["%b"] if case.bias else [])
    types = [in_type, w_type] + (["tensor<%dx%s>" % (case.cout, elem)] if case.bias else [])
    attrs = "stride = array<i64: %s>" % ", ".join(map(str, case.s))
    if case.groups > 1:
        attrs += ", groups = %d" % case.groups
    if case.ms_output_padding:
        op = "tconv.ms_conv_transpose"
        attrs = attrs.replace("groups", "group") + \
            ', pad_mode = "pad", padding = array<i64: %s>, output_padding = array<i64: %s>' % (
                ", ".join(map(str, case.p)), ", ".join(map(str, case.ms_output_padding)))
    else:
        op = "tconv.torch_conv_transpose"
        attrs += ", padding = array<i64: %s>" % ", ".join(map(str, case.p))
    lines.append("  %%y = %s %s {%s} : (%s) -> %s" % (op, ", ".join(operands), attrs,
                                                      ", ".join(types), out_type))
    y = "%y"
    if case.epilogue:
        y = stage(case.epilogue, "%y", out_type, out_shape, case.cout)
    lines.append("  return %s : %s" % (y, out_type))
    return ("func.func @%s(%s) -> %s {\n%s\n}\n" % (case.name, ", ".join(args), out_type,
                                                    "\n".join(lines)), extras)


# ---------------------------------------------------------------------------
# Running and checking
# ---------------------------------------------------------------------------

def reference(case, x, w, b, extras, out_shape):
    """PyTorch in float64: prologue, conv, MindSpore zeros, epilogue."""
    t = lambda a: torch.from_numpy(a.astype(np.float64))
    ex = [t(e) for e in extras]
    prologue_extra = ex.pop(0) if case.prologue in EXTRA else None
    epilogue_extra = ex.pop(0) if case.epilogue in EXTRA else None
    xin = t(x)
    if case.prologue:
        xin = TORCH[case.prologue](xin, prologue_extra)
    conv = {1: F.conv_transpose1d, 2: F.conv_transpose2d}[case.rank]
    y = conv(xin, t(w), t(b) if b is not None else None, stride=case.s, padding=case.p,
             groups=case.groups)
    if case.ms_output_padding:
        pads = []
        for zeros in reversed(case.ms_output_padding):
            pads += [0, zeros]
        y = F.pad(y, pads)
    scale = conv(xin.abs(), t(w).abs(), t(b).abs() if b is not None else None,
                 stride=case.s, padding=case.p, groups=case.groups)
    if case.ms_output_padding:
        scale = F.pad(scale, pads)
    if case.epilogue:
        y = TORCH[case.epilogue](y, epilogue_extra)
    assert list(y.shape) == list(out_shape), (y.shape, out_shape)
    return y.numpy(), scale.numpy()


def check(case, got, want, scale):
    """The conv's own bound (the shared oracle), doubled for the epilogue's
    derivative (at most ~1.1 for these activations), plus a few ulps of the
    fused ops' own rounding in the element type."""
    terms = case.cin // case.groups * int(np.prod(case.k))
    conv_bound = oracle.tolerance(case.dtype, want, scale, terms)
    ulp = {"f16": 2.0 ** -10, "f32": 2.0 ** -23, "f64": 2.0 ** -52}[case.dtype]
    bound = 2 * conv_bound + 16 * ulp * (np.abs(want) + 1e-3)
    err = np.abs(got.astype(np.float64) - want)
    worst = np.unravel_index(np.argmax(err - bound), err.shape)
    if not np.all(err <= bound) or not np.all(np.isfinite(got)):
        return "max error %.3g at %s (got %r, want %r, bound %.3g)" % (
            err[worst], tuple(int(i) for i in worst), float(got[worst]),
            float(want[worst]), bound[worst])
    return None


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--tconv-compile", required=True)
    ap.add_argument("--work", required=True)
    ap.add_argument("--target", default="host")
    ap.add_argument("--cxx", default="c++")
    ap.add_argument("--only", default="")
    ap.add_argument("--schedule", default="",
                    help="a kernel variant to force (tconv-compile --schedule); "
                         "cases it does not support are skipped")
    args = ap.parse_args()
    only = set(filter(None, args.only.split(",")))
    gpu = "opencl" in args.target or "cuda" in args.target
    cases = []
    for c in CASES:
        if only and c.name not in only:
            continue
        # On GPU targets: erf in f64 is a libm call, which device code cannot
        # make (docs/fusion.md); f16 needs cl_khr_fp16, which PoCL's CPU
        # device lacks (docs/gpu.md).
        if gpu and c.dtype in ("f64", "f16"):
            print("skip %s: %s on %s" % (c.name, c.dtype, args.target))
            continue
        cases.append(c)

    shutil.rmtree(args.work, ignore_errors=True)
    os.makedirs(args.work)
    funcs = {c.name: write_func(c) for c in cases}
    out = os.path.join(args.work, "kernels")
    extra = ["--schedule=" + args.schedule] if args.schedule else []
    # One file (one tconv-compile run) for all; with a forced variant, one
    # per case, so a case the variant does not support can be skipped.
    groups = [cases] if not args.schedule else [[c] for c in cases]
    compiled = []
    for group in groups:
        mlir = os.path.join(args.work, "%s.mlir" % (group[0].name if args.schedule
                                                    else "fused"))
        with open(mlir, "w") as f:
            f.write("\n".join(funcs[c.name][0] for c in group))
        rc, err = kernel_runner.compile_mlir(args.tconv_compile, mlir, out, args.target,
                                             extra)
        if rc != 0 and args.schedule and "does not support" in err:
            print("skip %s: %s" % (group[0].name, err.strip().splitlines()[-1]))
            continue
        if rc != 0:
            print("tconv-compile failed (%s):\n%s" % (rc, err))
            return 1
        compiled += group
    cases = compiled
    runner = kernel_runner.build_runner(
        [kernel_runner.Kernel(c.name, os.path.join(out, c.name + ".o")) for c in cases],
        os.path.join(out, "halide_runtime.o"), args.work, args.cxx)

    rng = np.random.default_rng(2026)
    calls, expected = {}, {}
    for c in cases:
        dtype = ELEMENT[c.dtype][1]
        _, extras_kinds = funcs[c.name]
        for call, length in enumerate(c.lengths or [c.length]):
            batch = 2 if c.batch is None else c.batch
            if c.batch is None:
                batch, length = length[0], length[1:]
            in_shape, out_shape = shapes(c, length)
            in_shape[0] = out_shape[0] = batch
            x = rng.uniform(-2, 2, in_shape).astype(dtype)
            w = (rng.uniform(-1, 1, [c.cin, c.cout // c.groups] + list(c.k)) /
                 math.sqrt(c.cin)).astype(dtype)
            b = rng.uniform(-0.5, 0.5, [c.cout]).astype(dtype) if c.bias else None
            extras = []
            for stage, kind in zip([s for s in (c.prologue, c.epilogue) if s in EXTRA],
                                   extras_kinds):
                channels = c.cin if stage is c.prologue else c.cout
                shape = in_shape if stage is c.prologue else out_shape
                extras.append((rng.uniform(0.5, 1.5, [channels]) if kind == "channel"
                               else rng.uniform(-1, 1, shape)).astype(dtype))
            operands = [x, w] + ([b] if b is not None else []) + extras
            name = "%s_call%d" % (c.name, call)
            calls[name] = (c.name, operands, out_shape)
            expected[name] = (c,) + reference(c, x, w, b, extras, out_shape)

    failures = 0
    # One runner process per call name: the runner keys calls by kernel name.
    by_kernel = {}
    for name, (kernel, operands, out_shape) in calls.items():
        by_kernel.setdefault(kernel, []).append((name, operands, out_shape))
    rounds = max(len(v) for v in by_kernel.values())
    for r in range(rounds):
        batch = {k: (v[r][1], v[r][2]) for k, v in by_kernel.items() if r < len(v)}
        results = kernel_runner.run_numpy(runner, batch, os.path.join(args.work, "data%d" % r))
        for kernel, result in results.items():
            name = by_kernel[kernel][r][0]
            c, want, scale = expected[name]
            if result.rc != 0:
                print("FAIL %s: kernel returned %d %s" % (name, result.rc, result.errors))
                failures += 1
                continue
            problem = check(c, result.output, want, scale)
            print("%s %s%s" % ("FAIL" if problem else "ok  ", name,
                               ": " + problem if problem else ""))
            failures += bool(problem)
    print("%d of %d calls failed" % (failures, len(calls)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
