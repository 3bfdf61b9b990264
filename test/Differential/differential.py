#!/usr/bin/env python3
"""Differential testing of tconv against PyTorch 1.13 (docs/reliability.md).

    differential.py valid   [--count N] [--seed S] [--only I,J] [--keep DIR]
    differential.py invalid [--count N] [--seed S] [--only I,J]

Both modes need --tconv-compile and --tconv-opt (ctest passes them) and run
under an interpreter with torch (Debian's /usr/bin/python3).

valid: generates N random valid configurations of every flavor
(tconv.torch_conv_transpose, tconv.ms_conv_transpose and
tconv.onnx_conv_transpose; 1-D, 2-D and 3-D; every pad_mode and auto_pad,
ONNX output_shape; output_padding; groups; dilation up to 3; stride up to 8,
also larger than the kernel; kernel 1 to 16; bias on/off; N up to 4; lengths
from 1; f32 mostly, some f64/f16/bf16; some dynamic N and lengths; 3-D ones
small, as their kernels cost the most to compile), writes them as
func.funcs into .mlir files of --batch funcs each, compiles each file with one
tconv-compile run, links every kernel into runner.cpp, runs each kernel on
random operands and compares the result element-wise with PyTorch:
  * PyTorch flavor: F.conv_transpose{1,2,3}d(x, w, b, stride, padding,
    output_padding, groups, dilation) itself;
  * MindSpore and ONNX flavors (attributes PyTorch has no equivalent for):
    PyTorch's full transposed output (padding=0), cropped or
    extended per docs/spec.md §1-§3 by the shared oracle's ms_dim_padding /
    onnx_dim_padding (test/support/tconv_oracle.py, NOT the compiler's
    ShapeArithmetic), plus the bias, plus MindSpore 2-D
    output_padding's hard zeros after the bias.
The output shape this file derives is written into the MLIR result type, so
the tconv verifier's length arithmetic is checked against it as well.

invalid: generates N invalid configurations (one rule broken each) and checks
that tconv-opt and tconv-compile reject every one with a diagnostic and exit
status 1 (not a signal, no output written), and that PyTorch raises for the
PyTorch-flavor ones that PyTorch can express.

Configuration I of seed S is the same whatever N is, so `--only I --seed S`
reproduces a failure alone. Every failure prints its reproducer: seed, index,
the func's MLIR and the configuration. Exit status 1 when anything failed.
"""

import argparse
import concurrent.futures
import math
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "support"))
import tconv_kernel_runner as kernel_runner  # noqa: E402
import tconv_oracle as oracle  # noqa: E402

# ---------------------------------------------------------------------------
# Flavor semantics: the shared oracle's, from docs/spec.md alone
# ---------------------------------------------------------------------------

dilated = oracle.dilated
full_length = oracle.full_length


def canonical(cfg):
    """Per spatial dim (pad_lo, pad_hi, trailing zeros) of a configuration."""
    out = []
    for i in range(cfg["rank"]):
        k, s, d = cfg["kernel"][i], cfg["stride"][i], cfg["dilation"][i]
        op = cfg["output_padding"][i] if cfg["output_padding"] else 0
        if cfg["flavor"] == "torch":
            p = cfg["padding"][i] if cfg["padding"] else 0
            out.append(oracle.torch_dim_padding(p, op))
        elif cfg["flavor"] == "onnx":
            pads = cfg["padding"] or [0] * (2 * cfg["rank"])  # begins, then ends
            target = cfg["output_shape"][i] if cfg.get("output_shape") else None
            out.append(oracle.onnx_dim_padding(
                cfg.get("auto_pad") or "NOTSET", cfg["length"][i], k, s, d,
                pads[i], pads[cfg["rank"] + i], op, target))
        else:
            begin, end = oracle.begin_end(cfg["padding"], cfg["rank"], i)
            out.append(oracle.ms_dim_padding(cfg["pad_mode"], cfg["rank"], k, s, d,
                                             begin, end, op))
    return out


def output_lengths(cfg):
    """Output spatial sizes; the cropped length (before zeros) must be >= 1."""
    result = []
    for i, (lo, hi, zeros) in enumerate(canonical(cfg)):
        F = full_length(cfg["length"][i], cfg["kernel"][i], cfg["stride"][i],
                        cfg["dilation"][i])
        cropped = F - lo - hi
        if cropped < 1:
            return None
        result.append(cropped + zeros)
    return result


# ---------------------------------------------------------------------------
# Valid configurations
# ---------------------------------------------------------------------------

DTYPES = ["f32"] * 14 + ["f64"] * 3 + ["f16", "bf16"]
# One in six configurations is 3-D, kept small (kernel, stride, length <= 3):
# a 3-D kernel costs the most to compile and run, and the suite's CI time
# stays what it was with 1-D and 2-D only.
RANKS = [1, 1, 1, 2, 2, 3]
ONNX_MODES = ["NOTSET", "NOTSET", "VALID", "SAME_UPPER", "SAME_LOWER", "output_shape"]


def case_rng(seed, index, mode):
    return random.Random("%s:%d:%d" % (mode, seed, index))


def gen_valid(seed, index):
    rng = case_rng(seed, index, "valid")
    while True:
        rank = rng.choice(RANKS)
        small = rank == 3
        groups = rng.choice([1, 1, 1, 2, 3])
        cfg = {
            "index": index,
            "flavor": rng.choice(["torch", "ms", "onnx"]),
            "rank": rank,
            "dtype": rng.choice(DTYPES),
            "batch": rng.randint(1, 4),
            "groups": groups,
            "cin": groups * rng.randint(1, 3),
            "cout": groups * rng.randint(1, 3),
            "bias": rng.random() < 0.5,
            "kernel": [rng.randint(1, 3) if small else
                       rng.randint(1, 16) if rng.random() < 0.3 else rng.randint(1, 5)
                       for _ in range(rank)],
            "stride": [rng.randint(1, 3) if small else
                       rng.randint(1, 8) if rng.random() < 0.5 else rng.randint(1, 3)
                       for _ in range(rank)],
            "dilation": [rng.choice([1, 1, 2, 3]) for _ in range(rank)],
            "length": [rng.randint(1, {1: 12, 2: 6, 3: 3}[rank]) for _ in range(rank)],
            "padding": None,
            "output_padding": None,
            "pad_mode": None,
            "dyn_batch": rng.random() < 0.2,
            "dyn_length": [rng.random() < 0.15 for _ in range(rank)],
            "omit_defaults": rng.random() < 0.3,
        }
        dks = [dilated(k, d) for k, d in zip(cfg["kernel"], cfg["dilation"])]
        if cfg["flavor"] == "torch":
            if rng.random() < 0.8:
                cfg["padding"] = [rng.randint(0, dk) for dk in dks]
            if rng.random() < 0.5:
                cfg["output_padding"] = [
                    rng.randint(0, max(s, d) - 1)
                    for s, d in zip(cfg["stride"], cfg["dilation"])]
        elif cfg["flavor"] == "onnx":
            gen_onnx_attrs(rng, cfg, dks)
        else:
            mode = rng.choice(["same", "valid", "pad", "pad"])
            cfg["pad_mode"] = mode
            if mode == "pad":
                if rank == 1 or rng.random() < 0.4:
                    cfg["padding"] = [rng.randint(0, dk) for dk in dks]
                else:
                    cfg["padding"] = [rng.randint(0, dk) for dk in dks for _ in (0, 1)]
                if rank >= 2 and rng.random() < 0.5:  # 2-D zeros, 3-D (head, tail - op)
                    cfg["output_padding"] = [
                        rng.randint(0, max(s, d) - 1)
                        for s, d in zip(cfg["stride"], cfg["dilation"])]
            elif mode == "same" and rank == 3 and rng.random() < 0.3:
                # Conv3dTranspose ignores output_padding with 'same' (a warning).
                cfg["output_padding"] = [
                    rng.randint(0, max(s, d) - 1)
                    for s, d in zip(cfg["stride"], cfg["dilation"])]
            elif rng.random() < 0.2:  # explicit zeros are allowed
                cfg["padding"] = [0] * rank
                if rank == 2 and rng.random() < 0.5:
                    cfg["output_padding"] = [0] * rank
        out = output_lengths(cfg)
        if out is not None:
            cfg["out"] = out
            cfg["name"] = "d%d" % index
            return cfg


def gen_onnx_attrs(rng, cfg, dks):
    """auto_pad, pads, output_padding, output_shape, kernel_shape of an ONNX
    configuration (docs/semantics.md §2.3), into cfg."""
    rank = cfg["rank"]
    mode = rng.choice(ONNX_MODES)
    if rng.random() < 0.4:
        cfg["output_padding"] = [rng.randint(0, max(s, d) - 1)
                                 for s, d in zip(cfg["stride"], cfg["dilation"])]
    cfg["kernel_shape"] = rng.random() < 0.3
    if mode == "output_shape":
        # The pads it implies depend on L: static lengths only. A target
        # past F + op appends bias-only positions.
        cfg["auto_pad"] = rng.choice(["NOTSET", "VALID", "SAME_UPPER", "SAME_LOWER"])
        cfg["dyn_length"] = [False] * rank
        op = cfg["output_padding"] or [0] * rank
        cfg["output_shape"] = [
            max(1, full_length(L, k, s, d) + o - rng.randint(-1, 3))
            for L, k, s, d, o in zip(cfg["length"], cfg["kernel"], cfg["stride"],
                                     cfg["dilation"], op)]
        cfg["output_shape_full"] = rng.random() < 0.2  # (N, M, spatial...)
        return
    cfg["auto_pad"] = mode
    if mode == "NOTSET" and rng.random() < 0.8:
        cfg["padding"] = [rng.randint(0, dk) for dk in dks] + \
                         [rng.randint(0, dk) for dk in dks]


# ---------------------------------------------------------------------------
# MLIR text
# ---------------------------------------------------------------------------


def arr(values):
    return "array<i64: %s>" % ", ".join(str(v) for v in values)


def tensor(shape, dtype):
    return "tensor<%sx%s>" % ("x".join("?" if s is None else str(s) for s in shape), dtype)


def mlir_attrs(cfg):
    attrs = []
    omit = cfg.get("omit_defaults")

    def maybe(name, values, default):
        if values is None:
            return
        if omit and all(v == default for v in values):
            return
        attrs.append("%s = %s" % (name, arr(values)))

    if cfg["flavor"] == "onnx":
        return onnx_mlir_attrs(cfg, attrs, maybe)
    maybe("stride", cfg["stride"], 1)
    if cfg["flavor"] == "ms":
        if cfg["pad_mode"] is not None and not (omit and cfg["pad_mode"] == "same"):
            attrs.append('pad_mode = "%s"' % cfg["pad_mode"])
    maybe("padding", cfg["padding"], 0)
    maybe("output_padding", cfg["output_padding"], 0)
    maybe("dilation", cfg["dilation"], 1)
    gname = "groups" if cfg["flavor"] == "torch" else "group"
    if not (omit and cfg["groups"] == 1):
        attrs.append("%s = %d : i64" % (gname, cfg["groups"]))
    for name, value in cfg.get("extra_attrs", []):
        attrs.append("%s = %s" % (name, value))
    return "{%s}" % ", ".join(attrs) if attrs else ""


def onnx_mlir_attrs(cfg, attrs, maybe):
    omit = cfg.get("omit_defaults")
    maybe("strides", cfg["stride"], 1)
    if cfg.get("auto_pad") is not None and not (omit and cfg["auto_pad"] == "NOTSET"):
        attrs.append('auto_pad = "%s"' % cfg["auto_pad"])
    maybe("pads", cfg["padding"], 0)
    maybe("output_padding", cfg["output_padding"], 0)
    if cfg.get("output_shape"):
        lead = [cfg["batch"], cfg["cout"]] if cfg.get("output_shape_full") else []
        attrs.append("output_shape = %s" % arr(lead + list(cfg["output_shape"])))
    maybe("dilations", cfg["dilation"], 1)
    if cfg.get("kernel_shape"):
        attrs.append("kernel_shape = %s" % arr(cfg["kernel"]))
    if not (omit and cfg["groups"] == 1):
        attrs.append("group = %d : i64" % cfg["groups"])
    for name, value in cfg.get("extra_attrs", []):
        attrs.append("%s = %s" % (name, value))
    return "{%s}" % ", ".join(attrs) if attrs else ""


OPS = {"torch": "tconv.torch_conv_transpose", "ms": "tconv.ms_conv_transpose",
       "onnx": "tconv.onnx_conv_transpose"}


def mlir_func(cfg):
    dt = cfg["dtype"]
    n = None if cfg.get("dyn_batch") else cfg["batch"]
    dyn = cfg.get("dyn_length") or [False] * cfg["rank"]
    xs = [n, cfg["cin"]] + [None if dyn[i] else L for i, L in enumerate(cfg["length"])]
    ws = cfg.get("weight_shape") or (
        [cfg["cin"], cfg["cout"] // cfg["groups"]] + list(cfg["kernel"]))
    ys = cfg.get("result_shape") or (
        [n, cfg["cout"]] + [None if dyn[i] else o for i, o in enumerate(cfg["out"])])
    types = [tensor(xs, dt), tensor(ws, cfg.get("weight_dtype", dt))]
    args = ["%x: " + types[0], "%w: " + types[1]]
    operands = ["%x", "%w"]
    if cfg["bias"]:
        bs = cfg.get("bias_shape") or [cfg["cout"]]
        types.append(tensor(bs, dt))
        args.append("%b: " + types[2])
        operands.append("%b")
    result = tensor(ys, dt)
    op = OPS[cfg["flavor"]]
    attrs = mlir_attrs(cfg)
    return ("func.func @%s(%s) -> %s {\n"
            "  %%0 = %s %s%s : (%s) -> %s\n"
            "  return %%0 : %s\n"
            "}\n" % (cfg["name"], ", ".join(args), result, op, ", ".join(operands),
                     " " + attrs if attrs else "", ", ".join(types), result, result))


def describe(cfg):
    keys = ["flavor", "rank", "dtype", "batch", "cin", "cout", "groups", "bias",
            "length", "kernel", "stride", "dilation", "pad_mode", "auto_pad", "padding",
            "output_padding", "output_shape", "dyn_batch", "dyn_length"]
    return " ".join("%s=%s" % (k, cfg.get(k)) for k in keys if cfg.get(k) is not None)


# ---------------------------------------------------------------------------
# Operands, reference and comparison
# ---------------------------------------------------------------------------


def torch_dtype(torch, dt):
    return {"f16": torch.float16, "bf16": torch.bfloat16, "f32": torch.float32,
            "f64": torch.float64}[dt]


def to_bytes(torch, t, dt):
    """Raw little-endian bytes of a float64 tensor rounded to dt."""
    r = t.to(torch_dtype(torch, dt)).contiguous()
    if dt == "bf16":
        return r.view(torch.int16).numpy().tobytes()
    return r.numpy().tobytes()


def from_bytes(torch, data, dt, shape):
    import numpy as np
    if dt == "bf16":
        bits = np.frombuffer(data, dtype=np.uint16).astype(np.uint32) << 16
        arr_ = bits.view(np.float32)
    else:
        arr_ = np.frombuffer(data, dtype={"f16": np.float16, "f32": np.float32,
                                          "f64": np.float64}[dt])
    return torch.from_numpy(arr_.astype(np.float64)).reshape(shape)


def make_operands(torch, cfg, seed):
    g = torch.Generator().manual_seed(hash((seed, cfg["index"])) & 0x7FFFFFFF)
    dt = torch_dtype(torch, cfg["dtype"])

    def uniform(shape):
        t = torch.rand(shape, generator=g, dtype=torch.float64) * 2 - 1
        return t.to(dt).to(torch.float64)  # exactly representable in dt

    x = uniform([cfg["batch"], cfg["cin"]] + list(cfg["length"]))
    w = uniform([cfg["cin"], cfg["cout"] // cfg["groups"]] + list(cfg["kernel"]))
    b = uniform([cfg["cout"]]) if cfg["bias"] else None
    return x, w, b


def crop_extend(t, axis, lo, hi):
    """Drops lo (hi) positions at the start (end) of `axis`; a negative value
    appends that many zero positions instead (§0)."""
    import torch
    n = t.shape[axis]
    if lo >= 0:
        t = t.narrow(axis, lo, n - lo) if lo <= n else t.narrow(axis, n, 0)
    else:
        shape = list(t.shape)
        shape[axis] = -lo
        t = torch.cat([torch.zeros(shape, dtype=t.dtype), t], axis)
    n = t.shape[axis]
    if hi >= 0:
        t = t.narrow(axis, 0, n - hi)
    else:
        shape = list(t.shape)
        shape[axis] = -hi
        t = torch.cat([t, torch.zeros(shape, dtype=t.dtype)], axis)
    return t


def conv_transpose_fn(rank):
    import torch.nn.functional as F
    return {1: F.conv_transpose1d, 2: F.conv_transpose2d, 3: F.conv_transpose3d}[rank]


def reference(torch, cfg, x, w, b):
    """(expected, scale): the exact result in float64 and the per-element
    |b| + sum |x*w| the tolerance is relative to."""
    fn = conv_transpose_fn(cfg["rank"])

    def run(x, w, b):
        if cfg["flavor"] == "torch":
            return fn(x, w, b, stride=cfg["stride"],
                      padding=cfg["padding"] or [0] * cfg["rank"],
                      output_padding=cfg["output_padding"] or [0] * cfg["rank"],
                      groups=cfg["groups"], dilation=cfg["dilation"])
        full = fn(x, w, None, stride=cfg["stride"], padding=0,
                  groups=cfg["groups"], dilation=cfg["dilation"])
        pads = canonical(cfg)
        for i, (lo, hi, _) in enumerate(pads):
            full = crop_extend(full, 2 + i, lo, hi)
        if b is not None:
            full = full + b.reshape([1, -1] + [1] * cfg["rank"])
        for i, (_, _, zeros) in enumerate(pads):
            if zeros:
                full = crop_extend(full, 2 + i, 0, -zeros)  # hard zeros after bias
        return full

    return run(x, w, b), run(x.abs(), w.abs(), None if b is None else b.abs())


# ---------------------------------------------------------------------------
# Running the tools
# ---------------------------------------------------------------------------


def run(cmd, timeout=600, **kw):
    return subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          timeout=timeout, universal_newlines=True, **kw)


def compile_batch(args, path, outdir, timeout=300):
    """(exit status, stderr); a compile that runs past `timeout` seconds (a
    compile-time blowup is a bug too) gives status None."""
    return kernel_runner.compile_mlir(args.tconv_compile, path, outdir, args.target,
                                      timeout=timeout)


def reproducer(args, cfg, what, detail=""):
    lines = ["", "=" * 78,
             "MISMATCH %s: seed %d index %d (%s)" % (what, args.seed, cfg["index"], cfg["name"]),
             "  rerun: %s --seed %d --only %d" % (args.mode, args.seed, cfg["index"]),
             "  config: " + describe(cfg)]
    if detail:
        lines.append("  " + detail.strip().replace("\n", "\n  "))
    lines.append("  --- .mlir ---")
    lines.append(mlir_func(cfg).rstrip())
    print("\n".join(lines), flush=True)


def indices(args):
    if args.only:
        return [int(i) for i in args.only.split(",")]
    return list(range(args.start, args.start + args.count))


def valid_mode(args, torch, work):
    cfgs = [gen_valid(args.seed, i) for i in indices(args)]
    t0 = time.time()
    # One tconv-compile run per batch of funcs.
    batches = [cfgs[i:i + args.batch] for i in range(0, len(cfgs), args.batch)]
    jobs = []
    for bi, batch in enumerate(batches):
        path = os.path.join(work, "batch%03d.mlir" % bi)
        with open(path, "w") as f:
            f.write("// differential.py valid --seed %d, indices %d..%d\n" % (
                args.seed, batch[0]["index"], batch[-1]["index"]))
            for cfg in batch:
                f.write(mlir_func(cfg) + "\n")
        jobs.append((bi, path, os.path.join(work, "k%03d" % bi)))
    failed = []
    compiled = []
    with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
        results = list(pool.map(lambda j: compile_batch(args, j[1], j[2]), jobs))
    for (bi, path, outdir), (rc, err) in zip(jobs, results):
        if rc == 0:
            compiled.extend((cfg, outdir) for cfg in batches[bi])
            continue
        # Find the offending funcs one by one.
        for cfg in batches[bi]:
            one = os.path.join(work, cfg["name"] + ".mlir")
            with open(one, "w") as f:
                f.write(mlir_func(cfg))
            if len(batches[bi]) == 1:
                rc1, err1 = rc, err
            else:
                rc1, err1 = compile_batch(args, one, os.path.join(work, "one_" + cfg["name"]),
                                          timeout=60)
            if rc1 == 0:
                compiled.append((cfg, os.path.join(work, "one_" + cfg["name"])))
            else:
                failed.append(cfg["name"])
                reproducer(args, cfg, "tconv-compile failed on a valid configuration",
                           "exit %s:\n%s" % (rc1, err1))
    t_compile = time.time() - t0
    t1 = time.time()

    # One runner for every kernel.
    runner = None
    if compiled:
        try:
            runner = kernel_runner.build_runner(
                [kernel_runner.Kernel(cfg["name"], os.path.join(d, cfg["name"] + ".o"))
                 for cfg, d in compiled],
                os.path.join(compiled[0][1], "halide_runtime.o"), work, args.cxx)
        except RuntimeError as e:
            print(e)
            return 1

    # Operands, one runner run, comparison.
    calls = []
    expected = {}
    for cfg, _ in compiled:
        x, w, b = make_operands(torch, cfg, args.seed)
        exp, scale = reference(torch, cfg, x, w, b)
        want = [cfg["batch"], cfg["cout"]] + list(cfg["out"])
        if list(exp.shape) != want:
            failed.append(cfg["name"])
            reproducer(args, cfg, "PyTorch's output shape differs from the flavor arithmetic",
                       "torch %s, derived %s" % (list(exp.shape), want))
            continue
        operands = [(to_bytes(torch, t, cfg["dtype"]), list(t.shape))
                    for t in (x, w, b) if t is not None]
        calls.append(kernel_runner.Call(cfg["name"], cfg["dtype"], operands, want))
        expected[cfg["name"]] = (cfg, exp, scale)
    outputs = {}
    if calls:
        try:
            outputs = kernel_runner.run_calls(runner, calls, os.path.join(work, "data"))
        except RuntimeError as e:
            print(e)
            return 1
    compared = 0
    for name, (cfg, exp, scale) in expected.items():
        result = outputs[name]
        if result.rc != 0:
            failed.append(name)
            reproducer(args, cfg, "the kernel returned %s" % result.rc,
                       "\n".join(result.errors))
            continue
        got = from_bytes(torch, result.output, cfg["dtype"], list(exp.shape))
        terms = (cfg["cin"] // cfg["groups"]) * math.prod(cfg["kernel"])
        tol = oracle.tolerance(cfg["dtype"], exp, scale, terms)
        err = (got - exp).abs()
        bad = ~(err <= tol)  # NaN (never written) fails too
        compared += 1
        if bool(bad.any()):
            failed.append(name)
            idx = bad.nonzero()[:5].tolist()
            detail = "%d of %d elements differ; first at %s: got %s, expected %s" % (
                int(bad.sum()), exp.numel(), idx,
                [float(got[tuple(i)]) for i in idx], [float(exp[tuple(i)]) for i in idx])
            reproducer(args, cfg, "output differs from PyTorch", detail)
    t_total = time.time() - t0
    flavors = {}
    for cfg in cfgs:
        if cfg["flavor"] == "torch":
            key = "torch"
        elif cfg["flavor"] == "ms":
            key = "ms-" + cfg["pad_mode"]
        else:
            key = "onnx-" + ("output_shape-" if cfg.get("output_shape") else "") + \
                cfg["auto_pad"]
        key += "-%dd" % cfg["rank"] if cfg["rank"] == 3 else ""
        flavors[key] = flavors.get(key, 0) + 1
    print("differential valid: seed %d, %d configurations (%s), %d compared with PyTorch, "
          "%d failed; %d tconv-compile runs %.1fs, link+run+PyTorch %.1fs, total %.1fs"
          % (args.seed, len(cfgs), ", ".join("%s %d" % kv for kv in sorted(flavors.items())),
             compared, len(set(failed)), len(batches), t_compile, time.time() - t1, t_total))
    return 1 if failed else 0


# ---------------------------------------------------------------------------
# Invalid configurations
# ---------------------------------------------------------------------------
#
# Each generator takes a valid configuration and breaks one rule. It returns
# (category, torch_call) where torch_call is None when PyTorch cannot express
# the configuration (MindSpore rules, MLIR-only rules such as a wrong declared
# result type), else the keyword arguments for F.conv_transpose{1,2}d that
# PyTorch must reject.


def torch_kwargs(cfg):
    return dict(stride=list(cfg["stride"]), padding=list(cfg["padding"] or [0] * cfg["rank"]),
                output_padding=list(cfg["output_padding"] or [0] * cfg["rank"]),
                groups=cfg["groups"], dilation=list(cfg["dilation"]))


def base_for(rng, flavor, index, seed):
    """A valid configuration of the given flavor (f32, static) to break."""
    i = 0
    while True:
        cfg = gen_valid(seed * 7919 + index, i)
        i += 1
        if cfg["flavor"] == flavor:
            cfg.update(dtype="f32", dyn_batch=False, dyn_length=[False] * cfg["rank"],
                       omit_defaults=False)
            if flavor == "ms" and cfg["pad_mode"] == "pad" and not cfg["padding"]:
                cfg["padding"] = [0] * cfg["rank"]
            return cfg


def breaker_groups_not_dividing(rng, cfg):
    cfg["groups"] = rng.choice([2, 3, 4])
    cfg["cin"] = cfg["groups"] * rng.randint(1, 3) + rng.randint(1, cfg["groups"] - 1)
    cfg["cout"] = cfg["groups"]
    return "groups-not-dividing-cin"


def breaker_groups_nonpositive(rng, cfg):
    cfg["groups"] = rng.choice([0, -1, -3])
    cfg["cout"] = 2  # weight dim 1 stays positive
    cfg["weight_shape"] = [cfg["cin"], 2] + list(cfg["kernel"])
    cfg["result_shape"] = [cfg["batch"], 2] + list(cfg["out"])
    return "groups-nonpositive"


def breaker_output_padding_too_large(rng, cfg):
    i = rng.randrange(cfg["rank"])
    op = list(cfg["output_padding"] or [0] * cfg["rank"])
    op[i] = max(cfg["stride"][i], cfg["dilation"][i]) + rng.randint(0, 2)
    cfg["output_padding"] = op
    if cfg["flavor"] == "ms":
        cfg["pad_mode"] = "pad"
        cfg["padding"] = cfg["padding"] or [0] * cfg["rank"]
    return "output-padding>=max(stride,dilation)"


def breaker_negative(name):
    def b(rng, cfg):
        i = rng.randrange(cfg["rank"])
        values = list(cfg[name] or [0] * cfg["rank"])
        values[i] = -rng.randint(1, 3)
        cfg[name] = values
        if cfg["flavor"] == "ms" and name == "padding":
            cfg["pad_mode"] = "pad"
        return "negative-" + name
    return b


def breaker_nonpositive(name):
    def b(rng, cfg):
        i = rng.randrange(cfg["rank"])
        values = list(cfg[name])
        values[i] = rng.choice([0, -1, -2])
        cfg[name] = values
        return "nonpositive-" + name
    return b


def breaker_array_length(name):
    def b(rng, cfg):
        # One value too many. (One value for a 2-D op is no counterexample:
        # PyTorch expands a 1-element list to every dim; tconv's arrays are
        # per dim and a front end expands it; docs/reliability.md.)
        values = list(cfg[name] or [0] * cfg["rank"])
        values.append(values[0])
        if cfg["flavor"] == "ms" and name == "padding" and len(values) == 2 * cfg["rank"]:
            values.append(0)  # 2*rank values would be the (begin, end) form
        cfg[name] = values
        if cfg["flavor"] == "ms" and name in ("padding", "output_padding"):
            cfg["pad_mode"] = "pad"
        return "wrong-length-" + name
    return b


def breaker_output_too_short(rng, cfg):
    i = rng.randrange(cfg["rank"])
    F = full_length(cfg["length"][i], cfg["kernel"][i], cfg["stride"][i], cfg["dilation"][i])
    pad = list(cfg["padding"] or [0] * cfg["rank"])
    if cfg["flavor"] == "torch":
        pad[i] = (F + 1) // 2 + rng.randint(0, 2)  # F - 2p <= 0
        cfg["output_padding"] = None
    else:
        cfg["pad_mode"] = "pad"
        cfg["output_padding"] = None
        if len(pad) == 2 * cfg["rank"]:
            pad[2 * i] = F
            pad[2 * i + 1] = rng.randint(0, 2)
        else:
            pad[i] = (F + 1) // 2 + rng.randint(0, 2)
    cfg["padding"] = pad
    return "output-length<=0"


def breaker_wrong_weight_cin(rng, cfg):
    cfg["weight_shape"] = [cfg["cin"] + rng.randint(1, 3), cfg["cout"] // cfg["groups"]] + list(cfg["kernel"])
    return "weight-dim0!=cin"


def breaker_zero_kernel(rng, cfg):
    k = list(cfg["kernel"])
    k[rng.randrange(cfg["rank"])] = 0
    cfg["weight_shape"] = [cfg["cin"], cfg["cout"] // cfg["groups"]] + k
    return "zero-kernel-size"


def breaker_zero_cout(rng, cfg):
    cfg["weight_shape"] = [cfg["cin"], 0] + list(cfg["kernel"])
    return "zero-output-channels"


def breaker_zero_cin(rng, cfg):
    cfg["cin"] = 0
    cfg["groups"] = 1
    return "zero-input-channels"


def breaker_zero_length(rng, cfg):
    L = list(cfg["length"])
    L[rng.randrange(cfg["rank"])] = 0
    cfg["length"] = L
    return "zero-input-length"


def breaker_bias_size(rng, cfg):
    cfg["bias"] = True
    cfg["bias_shape"] = [cfg["cout"] + rng.choice([-1, 1, 2])] if cfg["cout"] > 1 else [cfg["cout"] + 1]
    return "bias-size!=cout"


def breaker_bias_rank(rng, cfg):
    cfg["bias"] = True
    cfg["bias_shape"] = [1, cfg["cout"]]
    return "bias-rank-2"


def breaker_weight_rank(rng, cfg):
    cfg["weight_shape"] = [cfg["cin"], cfg["cout"] // cfg["groups"]] + list(cfg["kernel"]) + [2]
    return "weight-rank!=input-rank"


def breaker_dtype(rng, cfg):
    cfg["weight_dtype"] = "f64"
    return "weight-element-type"


def breaker_padding_mode(rng, cfg):
    cfg["extra_attrs"] = [("padding_mode", '"%s"' % rng.choice(["reflect", "replicate", "circular", "Zeros"]))]
    return "padding_mode!=zeros"


# MLIR-only (no PyTorch counterpart).
def breaker_result_length(rng, cfg):
    out = list(cfg["out"])
    i = rng.randrange(cfg["rank"])
    out[i] += rng.choice([-1, 1, 2]) if out[i] > 1 else 1
    cfg["result_shape"] = [cfg["batch"], cfg["cout"]] + out
    return "declared-result-length"


def breaker_result_channels(rng, cfg):
    cfg["result_shape"] = [cfg["batch"], cfg["cout"] + 1] + list(cfg["out"])
    return "declared-result-channels"


def breaker_ms_same_with_padding(rng, cfg):
    cfg["pad_mode"] = rng.choice(["same", "valid"])
    pad = [0] * cfg["rank"]
    pad[rng.randrange(cfg["rank"])] = rng.randint(1, 3)
    cfg["padding"] = pad
    cfg["output_padding"] = None
    return "ms-padding-without-pad-mode"


def breaker_ms_pad_mode_string(rng, cfg):
    cfg["pad_mode"] = rng.choice(["SAME", "Valid", "full", "", "pads"])
    cfg["padding"] = None
    cfg["output_padding"] = None
    return "ms-unknown-pad-mode"


def breaker_ms_1d_output_padding(rng, cfg):
    cfg["rank"] = 1
    for key in ("kernel", "stride", "dilation", "length"):
        cfg[key] = cfg[key][:1]
    cfg["pad_mode"] = "pad"
    cfg["padding"] = [0]
    cfg["output_padding"] = [0]
    cfg["out"] = [full_length(cfg["length"][0], cfg["kernel"][0], cfg["stride"][0], cfg["dilation"][0])]
    cfg["dyn_length"] = [False]
    return "ms-1d-output-padding"


def breaker_ms_2d_op_not_pad(rng, cfg):
    if cfg["rank"] != 2:
        return None
    cfg["pad_mode"] = rng.choice(["same", "valid"])
    cfg["padding"] = None
    i = rng.randrange(2)
    op = [0, 0]
    op[i] = max(1, max(cfg["stride"][i], cfg["dilation"][i]) - 1)
    if op[i] >= max(cfg["stride"][i], cfg["dilation"][i]):
        cfg["stride"] = list(cfg["stride"])
        cfg["stride"][i] = op[i] + 1
    cfg["output_padding"] = op
    return "ms-2d-output-padding-without-pad"


def breaker_ms_init(rng, cfg):
    cfg["extra_attrs"] = [("weight_init", '"%s"' % rng.choice(["truncated_normal", "xavier", "sparse", "kaiming"]))]
    return "ms-unknown-initializer"


TORCH_BREAKERS = [
    breaker_groups_not_dividing, breaker_groups_nonpositive,
    breaker_output_padding_too_large, breaker_negative("padding"),
    breaker_negative("output_padding"), breaker_nonpositive("stride"),
    breaker_nonpositive("dilation"), breaker_array_length("stride"),
    breaker_array_length("padding"), breaker_array_length("output_padding"),
    breaker_array_length("dilation"), breaker_output_too_short,
    breaker_wrong_weight_cin, breaker_zero_kernel, breaker_zero_cout,
    breaker_zero_cin, breaker_zero_length, breaker_bias_size, breaker_bias_rank,
    breaker_weight_rank, breaker_dtype, breaker_padding_mode,
]
TORCH_ONLY_MLIR = [breaker_result_length, breaker_result_channels]
MS_BREAKERS = [
    breaker_groups_not_dividing, breaker_groups_nonpositive,
    breaker_output_padding_too_large, breaker_negative("padding"),
    breaker_nonpositive("stride"), breaker_nonpositive("dilation"),
    breaker_array_length("stride"), breaker_array_length("padding"),
    breaker_array_length("dilation"), breaker_output_too_short,
    breaker_wrong_weight_cin, breaker_zero_kernel, breaker_zero_length,
    breaker_bias_size, breaker_ms_same_with_padding, breaker_ms_pad_mode_string,
    breaker_ms_1d_output_padding, breaker_ms_2d_op_not_pad, breaker_ms_init,
    breaker_result_length,
]


def gen_invalid(seed, index):
    """(cfg, category, torch_checkable)."""
    rng = case_rng(seed, index, "invalid")
    attempt = 0
    while True:
        flavor = "torch" if rng.random() < 0.6 else "ms"
        cfg = base_for(rng, flavor, index, seed + attempt)
        attempt += 1
        if flavor == "torch":
            pool = TORCH_BREAKERS + TORCH_ONLY_MLIR
            breaker = pool[index % len(pool)] if attempt == 1 else rng.choice(pool)
        else:
            breaker = rng.choice(MS_BREAKERS)
        category = breaker(rng, cfg)
        if category is None:
            continue
        # The declared result: the broken configuration's own lengths when
        # they are still defined (so only the broken rule is wrong).
        if "result_shape" not in cfg:
            try:
                out = output_lengths(cfg)
            except Exception:
                out = None
            out = out or [max(1, o) for o in cfg["out"]][:cfg["rank"]]
            cfg["out"] = out
        cfg["index"] = index
        cfg["name"] = "bad%d" % index
        torch_checkable = flavor == "torch" and breaker not in TORCH_ONLY_MLIR
        return cfg, category, torch_checkable


def torch_rejects(torch, cfg):
    """True when PyTorch raises for the PyTorch-flavor configuration."""
    shape_w = cfg.get("weight_shape") or [cfg["cin"], cfg["cout"] // cfg["groups"] if cfg["groups"] > 0 else 1] + list(cfg["kernel"])
    try:
        if any(e.startswith("padding_mode") for e, _ in cfg.get("extra_attrs", [])):
            mode = dict(cfg["extra_attrs"])["padding_mode"].strip('"')
            cls = {1: torch.nn.ConvTranspose1d, 2: torch.nn.ConvTranspose2d,
                   3: torch.nn.ConvTranspose3d}[cfg["rank"]]
            cls(cfg["cin"], cfg["cout"], cfg["kernel"], padding_mode=mode)
            return False
        x = torch.zeros([cfg["batch"], cfg["cin"]] + list(cfg["length"]))
        w = torch.zeros(shape_w, dtype=torch.float64 if cfg.get("weight_dtype") == "f64" else torch.float32)
        b = torch.zeros(cfg.get("bias_shape") or [cfg["cout"]]) if cfg["bias"] else None
        conv_transpose_fn(cfg["rank"])(x, w, b, **torch_kwargs(cfg))
        return False
    except (RuntimeError, ValueError, TypeError):
        return True


def check_tool(cmd, outdir=None):
    """None when the tool rejected the input properly, else what went wrong."""
    p = run(cmd, timeout=120)
    if p.returncode < 0:
        return "killed by signal %d\n%s" % (-p.returncode, p.stderr[-2000:])
    if p.returncode != 1:
        return "exit status %d (expected 1)\n%s" % (p.returncode, p.stderr[-2000:])
    if "error" not in p.stderr:
        return "no diagnostic on stderr"
    if outdir and os.path.exists(outdir) and os.listdir(outdir):
        return "wrote %s despite the error" % os.listdir(outdir)
    return None


def invalid_mode(args, torch, work):
    t0 = time.time()
    cases = [gen_invalid(args.seed, i) for i in indices(args)]
    paths = []
    for cfg, _, _ in cases:
        path = os.path.join(work, cfg["name"] + ".mlir")
        with open(path, "w") as f:
            f.write(mlir_func(cfg))
        paths.append(path)

    def check(item):
        (cfg, category, _), path = item
        problems = []
        e = check_tool([args.tconv_opt, path])
        if e:
            problems.append("tconv-opt: " + e)
        outdir = os.path.join(work, "out_" + cfg["name"])
        e = check_tool([args.tconv_compile, path, "-o", outdir], outdir)
        if e:
            problems.append("tconv-compile: " + e)
        return problems

    with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
        results = list(pool.map(check, zip(cases, paths)))
    failed = 0
    torch_checked = 0
    categories = {}
    for (cfg, category, checkable), problems in zip(cases, results):
        categories[category] = categories.get(category, 0) + 1
        if checkable:
            torch_checked += 1
            if not torch_rejects(torch, cfg):
                problems.append("PyTorch accepts this PyTorch-flavor configuration (%s): %s"
                                % (category, torch_kwargs(cfg)))
        if problems:
            failed += 1
            reproducer(args, cfg, "invalid configuration not rejected properly (%s)" % category,
                       "\n".join(problems))
    print("differential invalid: seed %d, %d invalid configurations in %d categories, "
          "%d also checked against PyTorch raising, %d failed; %.1fs"
          % (args.seed, len(cases), len(categories), torch_checked, failed, time.time() - t0))
    if args.verbose:
        for k, v in sorted(categories.items()):
            print("  %-40s %d" % (k, v))
    return 1 if failed else 0


# ---------------------------------------------------------------------------


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("mode", choices=["valid", "invalid"])
    parser.add_argument("--count", type=int, default=200)
    parser.add_argument("--start", type=int, default=0, help="first index")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--only", help="comma-separated indices to run alone")
    parser.add_argument("--batch", type=int, default=30, help="funcs per tconv-compile run")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--target", default="host")
    parser.add_argument("--tconv-compile", required=True)
    parser.add_argument("--tconv-opt", required=True)
    parser.add_argument("--cxx", default=os.environ.get("CXX", "c++"))
    parser.add_argument("--keep", help="work in this directory and keep it")
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()
    try:
        import torch
    except Exception as e:
        sys.exit("differential.py: cannot import torch with %s: %s" % (sys.executable, e))
    torch.set_num_threads(1)
    if args.keep:
        shutil.rmtree(args.keep, ignore_errors=True)
        os.makedirs(args.keep)
        work = args.keep
    else:
        work = tempfile.mkdtemp(prefix="tconv-differential-")
    try:
        if args.mode == "valid":
            return valid_mode(args, torch, work)
        return invalid_mode(args, torch, work)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
