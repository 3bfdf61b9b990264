#!/usr/bin/python3
"""The importers' fusion of elementwise neighbours, end to end
(docs/importers.md, "Fusion").

    fusion_importer_test.py --importer torch|onnx --tool BIN --tconv-compile BIN
                            --work DIR [--cxx CXX]

Models of fusion_models.py (seeded, so that the tool and this process build
the same weights):
  * FusionNet, imported by the tool (ONNX: exported by torch.onnx first):
    each func's stages (the .mlir's "// fused:" comment for torch, its ops
    for ONNX) must be the expected ones; the funcs are compiled with
    tconv-compile and each kernel runs on the value PyTorch had BEFORE the
    prologue (a forward hook on the Stage) with the weights the tool wrote
    and, for the residual, the Stage's skip input; its output is compared
    with the value AFTER the epilogue.
  * SharedActivation: the leaky ReLU's result and the layer's result are
    also used elsewhere, so nothing may be fused: the func is the layer
    alone and its kernel matches the layer's own input and output.
  * SiluNet: a prologue of three ops and a SiLU, and a SiLU epilogue (in
    ONNX, each SiLU is x * Sigmoid(x)).
  * --no-fuse: FusionNet gives funcs with no arith/math op.

Tolerance, per element: the convolution's own bound (test/support/
tconv_oracle.py: the kernel and PyTorch each within it of the exact sum, so
twice it apart), computed on the activated input, times 1.5 (no epilogue
here amplifies an error by more than GELU's maximum slope, 1.13), plus
4e-6 * (1 + |expected|) for the elementwise functions themselves (Halide's
exp/tanh/erf and ATen's differ by a few float32 ulps).
"""

import argparse
import json
import math
import os
import re
import shutil
import sys

import numpy as np
import torch
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))
sys.dont_write_bytecode = True
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, "..", "support"))
import fusion_models as models  # noqa: E402
import tconv_kernel_runner as runner_lib  # noqa: E402
import tconv_oracle as oracle  # noqa: E402
from tconv_test_checks import check, failures, run  # noqa: E402

MODEL_FILE = os.path.join(HERE, "fusion_models.py")
INPUT_SHAPE = [1, 6, 8]


def capture(model, x):
    """Per ConvTranspose layer: its Stage's input, skip and output, and the
    layer's own input and output (forward hooks)."""
    seen = {}
    handles = []
    for path, m in model.named_modules():
        if isinstance(m, torch.nn.ConvTranspose1d):
            name = path.replace(".", "_")
            handles.append(m.register_forward_hook(
                lambda mod, i, o, _n=name: seen.setdefault(_n, {}).update(
                    a=i[0].clone(), y=o.clone(), module=mod)))
            parent = model.get_submodule(path.rsplit(".", 1)[0]) if "." in path else None
            if isinstance(parent, models.Stage):
                handles.append(parent.register_forward_hook(
                    lambda mod, i, o, _n=name: seen.setdefault(_n, {}).update(
                        x=i[0].clone(), skip=i[1].clone() if len(i) > 1 else None,
                        out=o.clone())))
    with torch.no_grad():
        model(x)
    for h in handles:
        h.remove()
    return seen


# ---------------------------------------------------------------------------
# What the tools wrote
# ---------------------------------------------------------------------------

def torch_import(args, cls, out, extra=()):
    cmd = [args.tool, MODEL_FILE, "--module", "seeded(%s)" % cls, "--input-shape",
           ",".join(map(str, INPUT_SHAPE)), "-o", out] + list(extra)
    p = run(cmd)
    return check(p.returncode == 0, "%s: exit %d\n%s" % (" ".join(cmd), p.returncode, p.stderr))


def torch_funcs(out):
    """func -> (prologue kinds, epilogue kinds, operands {role: array})."""
    with open(out) as f:
        text = f.read()
    stem = out[:-len(".mlir")]
    with open(stem + ".weights.json") as f:
        manifest = json.load(f)
    funcs = {}
    for e in manifest["funcs"]:
        funcs[e["func"]] = ([s["op"] for s in e["prologue"]], [s["op"] for s in e["epilogue"]], {})
        check(("func.func @%s(" % e["func"]) in text, "%s: func @%s in the .mlir" % (out, e["func"]))
    for w in manifest["weights"]:
        data = np.fromfile(os.path.join(os.path.dirname(out), w["file"]), dtype="<f4")
        funcs[w["func"]][2][w["operand"]] = data.reshape(w["shape"]).astype(np.float32)
    return funcs


ONNX_STAGE_OPS = {  # the ops each stage kind is written with, in order
    "leaky_relu": ["arith.cmpf", "arith.mulf", "arith.select"],
}


def onnx_import(args, cls, work):
    model = models.seeded(getattr(models, cls))
    path = os.path.join(work, cls + ".onnx")
    torch.onnx.export(model, torch.zeros(INPUT_SHAPE), path, opset_version=13)
    out = os.path.join(work, cls + ".mlir")
    p = run([args.tool, path, "-o", out])
    check(p.returncode == 0, "%s: exit %d\n%s" % (path, p.returncode, p.stderr))
    return out if p.returncode == 0 else None


def onnx_funcs(out):
    """func -> (prologue kinds, epilogue kinds, operands), from the manifest
    (stages and weight files) the ONNX importer writes."""
    stem = out[:-len(".mlir")]
    with open(stem + ".weights.json") as f:
        manifest = json.load(f)
    funcs = {}
    for e in manifest.get("funcs", []):
        funcs[e["func"]] = ([s["op"] for s in e["prologue"]], [s["op"] for s in e["epilogue"]], {})
    for w in manifest["weights"]:
        data = np.fromfile(os.path.join(os.path.dirname(out), w["file"]), dtype="<f4")
        role = {"W": "weight", "B": "bias"}.get(w["operand"], w["operand"])
        funcs.setdefault(w["func"], ([], [], {}))[2][role] = data.reshape(w["shape"]).astype(np.float32)
    return funcs


# ---------------------------------------------------------------------------
# Kernels against PyTorch
# ---------------------------------------------------------------------------

def run_kernels(args, label, mlir, work, funcs, seen, names):
    """names: {func: layer name in `seen`}. Each kernel runs on the value
    before its prologue (the layer's own input when it has none) and must
    give the value after its epilogue."""
    kdir = os.path.join(work, "kernels")
    rc, err = runner_lib.compile_mlir(args.tconv_compile, mlir, kdir)
    if not check(rc == 0, "%s: tconv-compile exit %s:\n%s" % (label, rc, err)):
        return
    runner = runner_lib.build_runner(
        [runner_lib.Kernel(f, os.path.join(kdir, f + ".o")) for f in names],
        os.path.join(kdir, "halide_runtime.o"), work, cxx=args.cxx)
    calls, refs = {}, {}
    for f, layer in names.items():
        pro, epi, ops = funcs[f]
        s = seen[layer]
        x = s["x"] if pro else s["a"]
        y = s["out"] if epi else s["y"]
        operands = [x.numpy(), ops["weight"]] + ([ops["bias"]] if "bias" in ops else [])
        if "residual" in epi:
            operands.append(s["skip"].numpy())
        calls[f] = (operands, list(y.shape))
        refs[f] = (s, y)
    results = runner_lib.run_numpy(runner, calls, os.path.join(work, "data"))
    for f, (s, y) in refs.items():
        r = results[f]
        if not check(r.rc == 0 and r.output is not None,
                     "%s %s: kernel returned %s %s" % (label, f, r.rc, r.errors)):
            continue
        m = s["module"]
        got = torch.from_numpy(r.output.astype(np.float64))
        scale = F.conv_transpose1d(s["a"].double().abs(), m.weight.double().abs(),
                                   m.bias.double().abs(), stride=m.stride,
                                   padding=m.padding, output_padding=m.output_padding,
                                   groups=m.groups, dilation=m.dilation)
        terms = m.in_channels // m.groups * math.prod(m.kernel_size)
        tol = 1.5 * 2 * oracle.tolerance("f32", s["y"].double(), scale, terms) \
            + 4e-6 * (1 + y.double().abs())
        err = (got - y.double()).abs()
        bad = ~(err <= tol)
        print("  %s %s: %s -> %s, max |kernel - torch| %.3g, %.2f of the bound"
              % (label, f, list(calls[f][0][0].shape), list(y.shape), float(err.max()),
                 float((err / tol).max())), flush=True)
        check(not bool(bad.any()), "%s %s: %d of %d elements beyond the bound (max error %g)"
              % (label, f, int(bad.sum()), y.numel(), float(err.max())))


def begin(args, what):
    """Prints a test's label and makes its work folder: (label, folder)."""
    label = "%s-%s" % (args.importer, what)
    print("%s:" % label, flush=True)
    work = os.path.join(args.work, label)
    os.makedirs(work)
    return label, work


def import_model(args, cls, work):
    """fusion_models.`cls` through the importer under test: the .mlir's path
    and its funcs (torch_funcs / onnx_funcs), or (None, None) after a failed
    check."""
    if args.importer == "torch":
        out = os.path.join(work, cls + ".mlir")
        if not torch_import(args, cls, out):
            return None, None
        return out, torch_funcs(out)
    out = onnx_import(args, cls, work)
    return (out, onnx_funcs(out)) if out else (None, None)


def test_fusion_net(args, expected):
    label, work = begin(args, "fusion-net")
    out, funcs = import_model(args, "FusionNet", work)
    if out is None:
        return
    names = {}
    for layer, (pro, epi) in expected.items():
        f = next((n for n in funcs if layer in n), None)
        if not check(f is not None, "%s: no func for %s in %s" % (label, layer, sorted(funcs))):
            continue
        names[f] = layer
        check(funcs[f][0] == pro and funcs[f][1] == epi,
              "%s %s: stages %s -> %s, expected %s -> %s"
              % (label, f, funcs[f][0], funcs[f][1], pro, epi))
    model = models.seeded(models.FusionNet)
    x = torch.randn(INPUT_SHAPE, generator=torch.Generator().manual_seed(7))
    run_kernels(args, label, out, work, funcs, capture(model, x), names)


def test_not_fused(args, cls, layer, expected):
    """A model whose intermediate values are needed elsewhere (`expected`
    is what the func must fuse, by layer)."""
    label, work = begin(args, cls)
    out, funcs = import_model(args, cls, work)
    if out is None:
        return
    f = next((n for n in funcs if layer in n), None)
    if not check(f is not None, "%s: no func for %s in %s" % (label, layer, sorted(funcs))):
        return
    check(funcs[f][:2] == expected, "%s %s: stages %s, expected %s"
          % (label, f, funcs[f][:2], expected))
    if not expected[0] and not expected[1]:
        with open(out) as fh:
            text = fh.read()
        check(not re.search(r"= (arith|math)\.", text),
              "%s: arith/math ops in a func with nothing to fuse:\n%s" % (label, text))
    model = models.seeded(getattr(models, cls))
    x = torch.randn(INPUT_SHAPE, generator=torch.Generator().manual_seed(7))
    run_kernels(args, label, out, work, funcs, capture(model, x), {f: layer})


def test_no_fuse(args):
    label, work = begin(args, "no-fuse")
    if args.importer == "torch":
        out = os.path.join(work, "net.mlir")
        if not torch_import(args, "FusionNet", out, ["--no-fuse"]):
            return
    else:
        model = models.seeded(models.FusionNet)
        path = os.path.join(work, "net.onnx")
        torch.onnx.export(model, torch.zeros(INPUT_SHAPE), path, opset_version=13)
        out = os.path.join(work, "net.mlir")
        p = run([args.tool, path, "-o", out, "--no-fuse"])
        if not check(p.returncode == 0, "%s: exit %d\n%s" % (label, p.returncode, p.stderr)):
            return
    with open(out) as fh:
        text = fh.read()
    n = text.count("func.func @")
    check(n == 4 and not re.search(r"(arith|math)\.", text),
          "%s: expected 4 funcs of the layer alone, got %d:\n%s" % (label, n, text))
    with open(out[:-len(".mlir")] + ".weights.json") as fh:
        manifest = json.load(fh)
    check(all("prologue" not in e for e in manifest.get("funcs", [])),
          "%s: the manifest lists stages" % label)
    print("  %s: %d funcs, no elementwise op" % (label, n), flush=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--importer", choices=["torch", "onnx"], required=True)
    parser.add_argument("--tool", required=True, help="tconv-import-torch or tconv-import-onnx")
    parser.add_argument("--tconv-compile", required=True)
    parser.add_argument("--work", required=True)
    parser.add_argument("--cxx", default=os.environ.get("CXX", "c++"))
    args = parser.parse_args()
    torch.set_num_threads(1)
    shutil.rmtree(args.work, ignore_errors=True)
    os.makedirs(args.work)
    expected = dict(models.FUSION_NET)
    if args.importer == "onnx":
        expected.update(models.FUSION_NET_ONNX)
    test_fusion_net(args, expected)
    test_not_fused(args, "SharedActivation", "up", ([], []))
    test_not_fused(args, "SiluNet", "s0_up",
                   (["leaky_relu", "mul", "sub", "silu"], ["silu"]))
    test_no_fuse(args)
    if failures:
        print("%s fusion test: %d check(s) failed" % (args.importer, len(failures)))
        return 1
    print("%s fusion test: all checks passed" % args.importer)
    return 0


if __name__ == "__main__":
    sys.exit(main())
