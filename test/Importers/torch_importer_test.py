#!/usr/bin/python3
"""End-to-end test of tconv-import-torch (docs/importers.md, "PyTorch").

    torch_importer_test.py --import-torch BIN --tconv-opt BIN --tconv-compile BIN
                           --work DIR [--cxx CXX]

For each model of hifigan_generator.py (a HiFi-GAN-style generator, and a 2-D
model with groups, dilation, output_padding, bias=False and a layer called
twice at different shapes):
  1. runs tconv-import-torch on it (a seeded constructor, so that this process
     builds the same weights);
  2. checks the funcs of OUT.mlir (names, operand and result types, every
     attribute) against this process's own instance of the model: its module
     list, and the input/output shapes its own forward hooks capture; for the
     generator also against the shapes derived by hand;
  3. checks the manifest and that the .bin files hold exactly the weights and
     biases the layers used (bitwise);
  4. runs tconv-opt --tconv-normalize on OUT.mlir (it must verify, and every
     func must become tconv.conv_transpose);
  5. tconv-compiles OUT.mlir, runs each layer's kernel on the layer's real
     input captured by the hooks, with the weights read back from the .bin
     files, and compares the result with the PyTorch layer's output.
Then --torchscript on the same two models, scripted (same funcs, same weight
bytes as the Python import), --dynamic-batch/--dynamic-length (a kernel run at
a shape never traced), --element-type bfloat16 and the error paths (no ConvTranspose, padding_mode
'reflect', forward with output_size, also scripted, a traced TorchScript file,
missing files, bad expressions): exit status 1, the message, no traceback,
nothing written.

Tolerance (float32): both the kernel and PyTorch accumulate the same
n = Cin/groups * prod(kernel) products (at most) plus the bias in float32, in
different orders. Each sum is within gamma_{n+1} * S of the exact value, where
S = |b| + sum |x*w| (computed in float64) and gamma_m ~ m * 2^-24 (standard
recursive-summation bound, Higham 2002 §4.2), so the two differ by at most
2 * (n + 2) * 2^-24 * S per element. The bound is per element and relative to
S, so it stays tight where outputs are small; a wrong tap, offset or weight
layout produces errors of the order of S itself.
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
sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, "..", "support"))
import hifigan_generator as models  # noqa: E402
import tconv_kernel_runner as runner_lib  # noqa: E402
import tconv_oracle as oracle  # noqa: E402
from tconv_test_checks import check, failures, run  # noqa: E402

MODEL_FILE = os.path.join(HERE, "hifigan_generator.py")



# ---------------------------------------------------------------------------
# This process's own view of a model
# ---------------------------------------------------------------------------

CONV_T = (torch.nn.ConvTranspose1d, torch.nn.ConvTranspose2d, torch.nn.ConvTranspose3d)


def capture(model, x):
    """Runs the model with forward hooks on its ConvTranspose layers; returns
    [(path, module, input, output)] per call in execution order."""
    calls = []
    handles = []
    for path, m in model.named_modules():
        if isinstance(m, CONV_T):
            def hook(mod, inputs, output, _path=path):
                # weight_norm's pre-hook has set mod.weight for this call.
                calls.append((_path, mod, inputs[0].detach().clone(),
                              output.detach().clone(), mod.weight.detach().clone()))
            handles.append(m.register_forward_hook(hook))
    model.eval()
    with torch.no_grad():
        model(x)
    for h in handles:
        h.remove()
    return calls


def expected_funcs(calls):
    """func name -> (path, module, x, y, weight) of its first call: one func per
    layer and distinct input shape, named path with '.' -> '_', the second
    shape of a layer suffixed _1 (docs/importers.md)."""
    funcs = {}
    seen = {}
    for path, m, x, y, w in calls:
        shapes = seen.setdefault(path, [])
        if tuple(x.shape) in shapes:
            continue
        shapes.append(tuple(x.shape))
        base = path.replace(".", "_")
        name = base if len(shapes) == 1 else "%s_%d" % (base, len(shapes) - 1)
        funcs[name] = (path, m, x, y, w)
    return funcs


# ---------------------------------------------------------------------------
# Reading tconv-import-torch's output
# ---------------------------------------------------------------------------

FUNC_RE = re.compile(
    r"func\.func @(\w+)\((.*?)\) -> (tensor<[^>]*>) \{\s*"
    r"%0 = tconv\.torch_conv_transpose ([^{]*)\{([^}]*)\}\s*:\s*\((.*?)\) -> (tensor<[^>]*>)",
    re.S)


def parse_type(t):
    m = re.fullmatch(r"tensor<(.*)x(f16|bf16|f32|f64)>", t.strip())
    dims = [None if d == "?" else int(d) for d in m.group(1).split("x")]
    return dims, m.group(2)


def parse_attrs(text):
    attrs = {}
    for m in re.finditer(r"(\w+) = (array<i64: ([-0-9, ]*)>|(-?\d+) : i64|\"([^\"]*)\")", text):
        if m.group(3) is not None:
            attrs[m.group(1)] = [int(v) for v in m.group(3).split(",")]
        elif m.group(4) is not None:
            attrs[m.group(1)] = int(m.group(4))
        else:
            attrs[m.group(1)] = m.group(5)
    return attrs


def parse_mlir(path):
    with open(path) as f:
        text = f.read()
    funcs = {}
    for m in FUNC_RE.finditer(text):
        args = [parse_type(a.split(":", 1)[1]) for a in m.group(2).split(", %")]
        funcs[m.group(1)] = {"args": args, "result": parse_type(m.group(3)),
                             "operands": m.group(4).split(","),
                             "attrs": parse_attrs(m.group(5))}
    check(len(funcs) == text.count("func.func @"),
          "%s: every func.func parsed (%d of %d)" % (path, len(funcs), text.count("func.func @")))
    return funcs


def read_bin(directory, entry):
    data = np.fromfile(os.path.join(directory, entry["file"]), dtype="<f4")
    return torch.from_numpy(data.astype(np.float32)).reshape(entry["shape"])


# ---------------------------------------------------------------------------
# One model
# ---------------------------------------------------------------------------


def import_model(args, expr, shape, out, extra=()):
    # --no-fuse: these checks are about the layers themselves; the fusion of
    # their elementwise neighbours has its own test (fusion_importer_test.py).
    cmd = [args.import_torch, MODEL_FILE, "--module", expr, "--input-shape",
           ",".join(map(str, shape)), "-o", out, "--no-fuse"] + list(extra)
    p = run(cmd)
    check(p.returncode == 0, "%s: exit status %d\n%s" % (" ".join(cmd), p.returncode, p.stderr))
    return p.returncode == 0


def check_funcs(label, got, want, hand_shapes=None):
    """Names, types, attributes of the imported funcs vs the model's own."""
    check(sorted(got) == sorted(want),
          "%s: funcs %s, expected %s (from the model's module list and hooks)"
          % (label, sorted(got), sorted(want)))
    for name, (path, m, x, y, w) in want.items():
        if name not in got:
            continue
        f = got[name]
        has_bias = m.bias is not None
        args_want = [(list(x.shape), "f32"), (list(m.weight.shape), "f32")]
        if has_bias:
            args_want.append(([m.out_channels], "f32"))
        check(f["args"] == args_want, "%s %s: argument types %s, expected %s"
              % (label, name, f["args"], args_want))
        check(f["result"] == (list(y.shape), "f32"), "%s %s: result type %s, expected %s"
              % (label, name, f["result"], list(y.shape)))
        check(len(f["operands"]) == (3 if has_bias else 2),
              "%s %s: bias operand present iff bias=True" % (label, name))
        attrs_want = {"stride": list(m.stride), "padding": list(m.padding),
                      "output_padding": list(m.output_padding),
                      "dilation": list(m.dilation), "groups": m.groups,
                      "padding_mode": "zeros"}
        check(f["attrs"] == attrs_want, "%s %s: attributes %s, expected %s"
              % (label, name, f["attrs"], attrs_want))
        if hand_shapes:
            hx, hy = hand_shapes[name]
            check(list(x.shape) == hx and f["result"][0] == hy,
                  "%s %s: shapes %s -> %s, derived by hand %s -> %s"
                  % (label, name, list(x.shape), f["result"][0], hx, hy))


def check_manifest(label, out_dir, stem, want):
    with open(os.path.join(out_dir, stem + ".weights.json")) as fh:
        manifest = json.load(fh)
    check(manifest["mlir"] == stem + ".mlir", "%s: manifest names %s" % (label, manifest["mlir"]))
    weights = {}
    for e in manifest["weights"]:
        weights[(e["func"], e["operand"])] = e
    want_keys = set()
    for name, (path, m, x, y, w) in want.items():
        want_keys.add((name, "weight"))
        if m.bias is not None:
            want_keys.add((name, "bias"))
    check(set(weights) == want_keys, "%s: manifest operands %s, expected %s"
          % (label, sorted(weights), sorted(want_keys)))
    operands = {}
    for (name, operand), e in weights.items():
        if name not in want:
            continue
        path, m, x, y, w = want[name]
        ref = w if operand == "weight" else m.bias.detach()
        check(e["module_path"] == path and e["dtype"] == "f32"
              and e["file"] == "%s.%s.%s.bin" % (stem, name, operand)
              and e["shape"] == list(ref.shape),
              "%s: manifest entry %s, expected module %s, f32, shape %s"
              % (label, e, path, list(ref.shape)))
        size = os.path.getsize(os.path.join(out_dir, e["file"]))
        check(size == ref.numel() * 4, "%s: %s has %d bytes, expected %d"
              % (label, e["file"], size, ref.numel() * 4))
        if size != ref.numel() * 4:
            continue
        t = read_bin(out_dir, e)
        check(torch.equal(t, ref), "%s: %s differs from the layer's %s (max |diff| %g)"
              % (label, e["file"], operand, float((t - ref).abs().max())))
        operands[(name, operand)] = t
    return operands


def normalize(args, label, mlir, names):
    p = run([args.tconv_opt, mlir, "--tconv-normalize"])
    if not check(p.returncode == 0, "%s: tconv-opt --tconv-normalize failed:\n%s"
                 % (label, p.stderr)):
        return
    check("tconv.torch_conv_transpose" not in p.stdout
          and p.stdout.count("tconv.conv_transpose") == len(names),
          "%s: normalization left %d canonical ops for %d funcs"
          % (label, p.stdout.count("tconv.conv_transpose"), len(names)))


def run_kernels(args, label, mlir, work, calls):
    """calls: {func: (x, w, b or None, reference y as float32, module)}.
    Compiles mlir, runs each kernel on its operands and compares."""
    kdir = os.path.join(work, "kernels")
    rc, err = runner_lib.compile_mlir(args.tconv_compile, mlir, kdir)
    if not check(rc == 0, "%s: tconv-compile exit %s:\n%s" % (label, rc, err)):
        return
    kernels = [runner_lib.Kernel(name, os.path.join(kdir, name + ".o"))
               for name in calls]
    runner = runner_lib.build_runner(kernels, os.path.join(kdir, "halide_runtime.o"),
                                     work, cxx=args.cxx)
    np_calls = {}
    for name, (x, w, b, y, m) in calls.items():
        ops = [x.numpy(), w.numpy()] + ([b.numpy()] if b is not None else [])
        np_calls[name] = (ops, list(y.shape))
    results = runner_lib.run_numpy(runner, np_calls, os.path.join(work, "data"))
    for name, (x, w, b, y, m) in calls.items():
        r = results[name]
        if not check(r.rc == 0 and r.output is not None,
                     "%s %s: kernel returned %s %s" % (label, name, r.rc, r.errors)):
            continue
        got = torch.from_numpy(r.output.astype(np.float64))
        fn = {1: F.conv_transpose1d, 2: F.conv_transpose2d, 3: F.conv_transpose3d}[x.dim() - 2]
        kw = dict(stride=m.stride, padding=m.padding, output_padding=m.output_padding,
                  groups=m.groups, dilation=m.dilation)
        scale = fn(x.double().abs(), w.double().abs(),
                   None if b is None else b.double().abs(), **kw)
        terms = (m.in_channels // m.groups) * math.prod(m.kernel_size)
        # The kernel and PyTorch's own f32 result each within the shared
        # oracle's bound of the exact value, so twice it apart.
        tol = 2 * oracle.tolerance("f32", y.double(), scale, terms)
        err = (got - y.double()).abs()
        bad = ~(err <= tol)
        # Where the bound is 0 (no product and no bias reaches the element,
        # e.g. positions only output_padding adds) the kernel must give 0.
        ratio = float((err / tol)[tol > 0].max())
        print("  %s %s: %s -> %s, max |kernel - torch| %.3g, %.2f of the bound"
              % (label, name, list(x.shape), list(y.shape), float(err.max()), ratio),
              flush=True)
        check(float(y.abs().max()) > 0, "%s %s: the reference output is all zeros" % (label, name))
        if bool(bad.any()):
            idx = bad.nonzero()[:3].tolist()
            check(False, "%s %s: %d of %d elements differ from PyTorch beyond the "
                  "bound; first at %s: got %s, torch %s"
                  % (label, name, int(bad.sum()), y.numel(), idx,
                     [float(got[tuple(i)]) for i in idx], [float(y[tuple(i)]) for i in idx]))


def test_model(args, label, factory, input_shape, hand_shapes=None):
    print("%s:" % label, flush=True)
    work = os.path.join(args.work, label)
    os.makedirs(work)
    out = os.path.join(work, label + ".mlir")
    if not import_model(args, "seeded(1234, %s)" % factory, input_shape, out):
        return None
    model = models.seeded(1234, getattr(models, factory))
    # The test's own input, not the tool's: the funcs depend on shapes only.
    x = torch.randn(input_shape, generator=torch.Generator().manual_seed(99))
    want = expected_funcs(capture(model, x))
    got = parse_mlir(out)
    check_funcs(label, got, want, hand_shapes)
    operands = check_manifest(label, work, label, want)
    normalize(args, label, out, got)
    calls = {}
    for name, (path, m, x_, y, w) in want.items():
        if (name, "weight") not in operands:
            continue
        calls[name] = (x_, operands[(name, "weight")], operands.get((name, "bias")), y, m)
    run_kernels(args, label, out, work, calls)
    return out, got


def test_torchscript(args, label, model, input_shape, python_import):
    """--torchscript on the scripted model gives the same funcs and the same
    weight bytes as the Python import of the same model (whose kernels
    test_model ran)."""
    print("%s:" % label, flush=True)
    work = os.path.join(args.work, label)
    os.makedirs(work)
    pt = os.path.join(work, label + ".pt")
    torch.jit.script(model.eval()).save(pt)
    out = os.path.join(work, label + ".mlir")
    cmd = [args.import_torch, "--torchscript", pt, "--input-shape",
           ",".join(map(str, input_shape)), "-o", out]
    p = run(cmd)
    if not check(p.returncode == 0, "%s: exit status %d\n%s" % (" ".join(cmd), p.returncode, p.stderr)):
        return
    if python_import is None:
        return
    py_out, py_funcs = python_import
    got = parse_mlir(out)
    check(got == py_funcs, "%s: funcs differ from the Python import's:\n%s\nvs\n%s"
          % (label, got, py_funcs))
    stem, py_stem = out[:-len(".mlir")], py_out[:-len(".mlir")]
    same = 0
    for name, f in py_funcs.items():
        for operand in ("weight", "bias")[:len(f["operands"]) - 1]:
            a = "%s.%s.%s.bin" % (stem, name, operand)
            b = "%s.%s.%s.bin" % (py_stem, name, operand)
            if check(os.path.exists(a), "%s: %s missing" % (label, a)):
                with open(a, "rb") as fa, open(b, "rb") as fb:
                    same += check(fa.read() == fb.read(), "%s: %s differs from %s" % (label, a, b))
    normalize(args, label, out, got)
    print("  %s: %d funcs, %d weight files identical to the Python import"
          % (label, len(got), same), flush=True)


def test_dynamic(args):
    """--dynamic-batch --dynamic-length: '?' dims, and the kernel runs at a
    shape the import never saw."""
    label = "dynamic"
    print("%s:" % label, flush=True)
    work = os.path.join(args.work, label)
    os.makedirs(work)
    out = os.path.join(work, "dyn.mlir")
    if not import_model(args, "seeded(1234, Mixed2d)", [1, 3, 4, 5], out,
                        ["--dynamic-batch", "--dynamic-length"]):
        return
    got = parse_mlir(out)
    # head is called at two traced shapes that differ only in H and W:
    # dynamic, they are one func.
    check(sorted(got) == ["decoder_0", "head"], "%s: funcs %s, expected decoder_0, head"
          % (label, sorted(got)))
    if "head" not in got:
        return
    check(got["head"]["args"][0] == ([None, 6, None, None], "f32")
          and got["head"]["result"] == ([None, 2, None, None], "f32"),
          "%s: head types %s -> %s, expected ?x6x?x? -> ?x2x?x?"
          % (label, got["head"]["args"][0], got["head"]["result"]))
    normalize(args, label, out, got)
    model = models.seeded(1234, models.Mixed2d)
    m = model.head
    x = torch.randn([2, 6, 7, 4], generator=torch.Generator().manual_seed(5))
    with torch.no_grad():
        y = m(x)
    with open(os.path.join(work, "dyn.weights.json")) as fh:
        entries = {(e["func"], e["operand"]): e for e in json.load(fh)["weights"]}
    calls = {"head": (x, read_bin(work, entries[("head", "weight")]),
                      read_bin(work, entries[("head", "bias")]), y, m)}
    only_head = os.path.join(work, "head.mlir")
    with open(out) as fh:
        text = fh.read()
    # Compile only head (the runner links the kernels it is given).
    start = text.index("func.func @head(")
    with open(only_head, "w") as fh:
        fh.write(text[start:text.index("\n}\n", start) + 3])
    run_kernels(args, label, only_head, work, calls)


def test_element_type(args):
    """--element-type bfloat16 on a float32 trace (torch 1.13 cannot run a
    bfloat16 ConvTranspose on CPU): bf16 types, weights rounded to bf16."""
    label = "bf16"
    print("%s:" % label, flush=True)
    work = os.path.join(args.work, label)
    os.makedirs(work)
    out = os.path.join(work, "b.mlir")
    if not import_model(args, "seeded(1234, Mixed2d)", [1, 3, 4, 5], out,
                        ["--element-type", "bfloat16"]):
        return
    got = parse_mlir(out)
    check(sorted(got) == ["decoder_0", "head", "head_1"]
          and all(t == "bf16" for f in got.values() for _, t in f["args"] + [f["result"]]),
          "%s: funcs %s, expected decoder_0, head, head_1 all bf16" % (label, got))
    model = models.seeded(1234, models.Mixed2d)
    with open(os.path.join(work, "b.weights.json")) as fh:
        entries = json.load(fh)["weights"]
    for e in entries:
        m = model.get_submodule(e["module_path"])
        ref = getattr(m, e["operand"]).detach().bfloat16().float()
        bits = np.fromfile(os.path.join(work, e["file"]), dtype="<u2").astype(np.uint32) << 16
        t = torch.from_numpy(bits.view(np.float32)).reshape(e["shape"])
        check(e["dtype"] == "bf16" and torch.equal(t, ref),
              "%s: %s is not the layer's %s rounded to bf16" % (label, e["file"], e["operand"]))
    check(len(entries) == 5, "%s: %d weight files, expected 5" % (label, len(entries)))
    normalize(args, label, out, got)
    print("  %s: %d funcs, %d weight files checked" % (label, len(got), len(entries)), flush=True)


def test_errors(args):
    print("errors:", flush=True)
    work = os.path.join(args.work, "errors")
    os.makedirs(work)
    cases = [
        ("models.NoTransposed", [MODEL_FILE, "--module", "NoTransposed()"],
         "no nn.ConvTranspose1d/2d/3d in the model (NoTransposed)"),
        ("padding_mode reflect", [MODEL_FILE, "--module", "ReflectPadded()"],
         "up (ConvTranspose1d): padding_mode 'reflect'"),
        ("output_size", [MODEL_FILE, "--module", "OutputSize()"],
         "up (ConvTranspose1d), input [1, 80, 8] float32: forward called with output_size=[16]"),
        ("missing file", [os.path.join(work, "nope.py"), "--module", "Generator()"],
         "model file '%s' does not exist" % os.path.join(work, "nope.py")),
        ("bad expression", [MODEL_FILE, "--module", "Generator("],
         "--module 'Generator(' is not a Python expression"),
        ("unknown name", [MODEL_FILE, "--module", "Nope()"],
         "NameError: name 'Nope' is not defined"),
        ("unbatched input", [MODEL_FILE, "--module", "OutputSize().up", "--input-shape", "80,8"],
         "<root> (ConvTranspose1d), input [80, 8] float32: unbatched input of shape [80, 8]"),
    ]
    scripted = os.path.join(work, "output_size.pt")
    torch.jit.script(models.OutputSize().eval()).save(scripted)
    traced = os.path.join(work, "traced.pt")
    torch.jit.trace(models.Mixed2d().eval(), torch.randn(1, 3, 4, 5)).save(traced)
    cases += [
        ("TorchScript output_size", ["--torchscript", scripted],
         "up (ConvTranspose1d), input [1, 80, 8] float32: forward called with output_size=[16]"),
        ("TorchScript from torch.jit.trace", ["--torchscript", traced],
         "the file was made by torch.jit.trace"),
        ("TorchScript missing file", ["--torchscript", os.path.join(work, "nope.pt")],
         "TorchScript file '%s' does not exist" % os.path.join(work, "nope.pt")),
    ]
    for i, (what, argv, message) in enumerate(cases):
        out_dir = os.path.join(work, str(i))
        out = os.path.join(out_dir, "x.mlir")
        if "--input-shape" not in argv:
            argv = argv + ["--input-shape", "1,80,8"]
        p = run([args.import_torch] + argv + ["-o", out])
        ok = check(p.returncode == 1, "error %s: exit status %d, expected 1" % (what, p.returncode))
        ok &= check(("tconv-import-torch: error: " in p.stderr) and message in p.stderr,
                    "error %s: expected %r in:\n%s" % (what, message, p.stderr))
        ok &= check("Traceback" not in p.stderr, "error %s: traceback:\n%s" % (what, p.stderr))
        ok &= check(not os.path.exists(out_dir), "error %s: wrote %s" % (
            what, os.listdir(out_dir) if os.path.exists(out_dir) else ""))
        print("  %s: %s" % (what, "ok" if ok else "FAILED"), flush=True)
    # --skip-unsupported imports what is left; here nothing is.
    p = run([args.import_torch, MODEL_FILE, "--module", "OutputSize()", "--input-shape",
             "1,80,8", "-o", os.path.join(work, "skip", "x.mlir"), "--skip-unsupported"])
    check(p.returncode == 1 and "warning: skipped up" in p.stderr
          and "no ConvTranspose layer call left to import" in p.stderr,
          "--skip-unsupported with nothing left: exit %d\n%s" % (p.returncode, p.stderr))


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--import-torch", required=True)
    parser.add_argument("--tconv-opt", required=True)
    parser.add_argument("--tconv-compile", required=True)
    parser.add_argument("--work", required=True)
    parser.add_argument("--cxx", default=os.environ.get("CXX", "c++"))
    args = parser.parse_args()
    torch.set_num_threads(1)
    shutil.rmtree(args.work, ignore_errors=True)
    os.makedirs(args.work)

    # HiFi-GAN, mel length 32: each stage multiplies the length by its rate
    # (padding (k - s) / 2 crops exactly k - s: L*s - s + k - (k - s) = L*s).
    hand = {"ups_0": ([1, 128, 32], [1, 64, 256]),
            "ups_1": ([1, 64, 256], [1, 32, 2048]),
            "ups_2": ([1, 32, 2048], [1, 16, 4096]),
            "ups_3": ([1, 16, 4096], [1, 8, 8192])}
    py_hifigan = test_model(args, "hifigan", "Generator", [1, 80, 32], hand)
    # decoder.0: H: (4-1)*2 - 2*1 + 2*(3-1) + 1 + 1 = 10; W: (5-1)*3 + (2-1) + 2 + 1 = 16.
    # head: (10-1)*2 - 2 + 2 + 1 = 19, (16-1)*2 - 2 + 2 + 1 = 31; second call 3x5 -> 5x9.
    hand2d = {"decoder_0": ([1, 4, 4, 5], [1, 6, 10, 16]),
              "head": ([1, 6, 10, 16], [1, 2, 19, 31]),
              "head_1": ([1, 6, 3, 5], [1, 2, 5, 9])}
    py_mixed = test_model(args, "mixed2d", "Mixed2d", [1, 3, 4, 5], hand2d)
    # TorchScript cannot script weight_norm's pre-hook: export without it, as
    # HiFi-GAN's own inference export does (the weights are the same values).
    generator = models.seeded(1234, models.Generator)
    for up in generator.ups:
        torch.nn.utils.remove_weight_norm(up)
    test_torchscript(args, "hifigan_ts", generator, [1, 80, 32], py_hifigan)
    test_torchscript(args, "mixed2d_ts", models.seeded(1234, models.Mixed2d),
                     [1, 3, 4, 5], py_mixed)
    test_dynamic(args)
    test_element_type(args)
    test_errors(args)
    if failures:
        print("torch importer test: %d check(s) failed" % len(failures))
        return 1
    print("torch importer test: all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
