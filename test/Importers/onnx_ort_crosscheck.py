#!/usr/bin/env python3
"""Random ConvTranspose models through tconv and onnxruntime (docs/importers.md).

    onnx_ort_crosscheck.py --ort-module DIR --import-onnx BIN --tconv-compile BIN
                           [--count N] [--seed S] [--work DIR] [--cxx CXX]

A second reference besides the ONNX backend tests: onnxruntime 1.30 from npm
(`npm install --ignore-scripts onnxruntime-node`; --ort-module is its
node_modules/onnxruntime-node directory), run by ort_run.js under node. Not in
Debian, so ctest only registers this when TCONV_ORT_NODE_MODULE is set.

Generates N random single-node models (1-D to 3-D; every auto_pad; pads,
output_padding, output_shape, dilations, strides, group; bias or not; W and B
as graph inputs or as initializers, so the importer's weight files are used),
runs each in onnxruntime, imports it with tconv-import-onnx, compiles it with
tconv-compile, runs the kernel on the same operands (initializers read back
from the importer's .bin files) and compares: shape exactly, values within
|got - ort| <= ATOL + RTOL * |ort| (float32, random operands in [-1, 1]).
One line per model; exit status 1 when any differs. A model onnxruntime
rejects is reported as SKIP with tconv's verdict on it, and not counted. Configuration I of seed S
is the same whatever N is.
"""

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "support"))
import tconv_kernel_runner as kernel_runner  # noqa: E402
import tconv_oracle as oracle  # noqa: E402

ATOL = 1e-4
RTOL = 1e-4


def draw_config(seed, index):
    """A configuration onnxruntime and tconv both accept, as node attributes."""
    r = random.Random("%d/%d" % (seed, index))
    while True:
        rank = r.choice([1, 1, 2, 2, 2, 3])
        group = r.choice([1, 1, 2])
        c = group * r.randint(1, 2)
        m_per_group = r.randint(1, 3)
        k = [r.randint(1, 4) for _ in range(rank)]
        s = [r.randint(1, 3) for _ in range(rank)]
        d = [r.choice([1, 1, 2]) for _ in range(rank)]
        length = [r.randint(1, 5) for _ in range(rank)]
        # ORT rejects output_padding >= stride (docs/spec.md §3.5 item 8).
        op = [r.randint(0, si - 1) if r.random() < 0.4 else 0 for si in s]
        full = [(li - 1) * si + di * (ki - 1) + 1
                for li, si, di, ki in zip(length, s, d, k)]
        attrs = {"strides": s, "dilations": d, "group": group}
        if r.random() < 0.3:
            attrs["kernel_shape"] = k
        mode = r.choice(["pads", "pads", "VALID", "SAME_UPPER", "SAME_LOWER",
                         "output_shape"])
        if mode == "pads":
            pads = [r.randint(0, di * (ki - 1)) for di, ki in zip(d, k)] + \
                   [r.randint(0, di * (ki - 1)) for di, ki in zip(d, k)]
            # The ONNX output length (the shared oracle's mapping); only used
            # to skip configurations without output, never as the reference.
            out = [oracle.output_length(
                       length[i], k[i], s[i], d[i],
                       oracle.onnx_dim_padding("NOTSET", length[i], k[i], s[i], d[i],
                                               pads[i], pads[rank + i], op[i]))
                   for i in range(rank)]
            if min(out) < 1:
                continue
            attrs["pads"] = pads
        elif mode == "output_shape":
            attrs["output_shape"] = [max(1, f + o - r.randint(-1, 2))
                                     for f, o in zip(full, op)]
            if r.random() < 0.3:
                attrs["auto_pad"] = r.choice(["SAME_UPPER", "SAME_LOWER", "VALID"])
        else:
            attrs["auto_pad"] = mode
        if any(op):
            attrs["output_padding"] = op
        return {
            "attrs": attrs,
            "x": [r.randint(1, 2), c] + length,
            "w": [c, m_per_group] + k,
            "bias": r.random() < 0.5,
            "m": m_per_group * group,
            "w_initializer": r.random() < 0.5,
            "b_initializer": r.random() < 0.5,
            "seed": r.randrange(2**31),
        }


def build_model(cfg, name, path):
    """The ONNX model and its operands {tensor name: array} (all of them,
    initializers included)."""
    import numpy as np
    import onnx
    from onnx import TensorProto, helper, numpy_helper

    rng = np.random.default_rng(cfg["seed"])
    arrays = {"X": rng.uniform(-1, 1, cfg["x"]).astype(np.float32),
              "W": rng.uniform(-1, 1, cfg["w"]).astype(np.float32)}
    if cfg["bias"]:
        arrays["B"] = rng.uniform(-1, 1, [cfg["m"]]).astype(np.float32)
    initializers, inputs = [], []
    for tname, a in arrays.items():
        as_init = (tname == "W" and cfg["w_initializer"]) or \
                  (tname == "B" and cfg["b_initializer"])
        if as_init:
            initializers.append(numpy_helper.from_array(a, tname))
        else:
            inputs.append(helper.make_tensor_value_info(tname, TensorProto.FLOAT, list(a.shape)))
    node = helper.make_node("ConvTranspose", list(arrays), ["Y"], name=name, **cfg["attrs"])
    graph = helper.make_graph([node], name, inputs,
                              [helper.make_tensor_value_info("Y", TensorProto.FLOAT, None)],
                              initializers)
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)])
    onnx.save(model, path)
    return arrays, [i.name for i in inputs]


def main():
    import numpy as np

    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--ort-module", required=True)
    parser.add_argument("--import-onnx", required=True)
    parser.add_argument("--tconv-compile", required=True)
    parser.add_argument("--node", default="node")
    parser.add_argument("--count", type=int, default=30)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--only", help="comma-separated indices")
    parser.add_argument("--work")
    parser.add_argument("--cxx", default="c++")
    args = parser.parse_args()

    work = args.work or tempfile.mkdtemp(prefix="tconv-ort-crosscheck-")
    if args.work and os.path.exists(work):
        shutil.rmtree(work)
    os.makedirs(work)
    indices = [int(i) for i in args.only.split(",")] if args.only else range(args.count)

    cases, jobs = [], []
    for i in indices:
        cfg = draw_config(args.seed, i)
        name = "ort_case_%d" % i
        model_path = os.path.join(work, name + ".onnx")
        arrays, graph_inputs = build_model(cfg, name, model_path)
        feeds = []
        for tname in graph_inputs:
            f = os.path.join(work, "%s.%s.in" % (name, tname))
            arrays[tname].astype("<f4").tofile(f)
            feeds.append({"name": tname, "file": f, "dims": list(arrays[tname].shape)})
        jobs.append({"model": model_path, "feeds": feeds,
                     "out": os.path.join(work, name + ".ort")})
        cases.append((i, name, cfg, arrays, model_path))
    with open(os.path.join(work, "jobs.json"), "w") as f:
        json.dump(jobs, f)
    p = subprocess.run([args.node, os.path.join(HERE, "ort_run.js"), args.ort_module,
                        os.path.join(work, "jobs.json")],
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, universal_newlines=True)
    if p.returncode != 0:
        print("FAIL  onnxruntime-node could not run:\n" + p.stderr)
        return 1

    failures = skipped = 0
    kernels, calls, expected = [], {}, {}
    for i, name, cfg, arrays, model_path in cases:
        desc = "%s x=%s w=%s bias=%s %s" % (name, cfg["x"], cfg["w"], cfg["bias"],
                                            json.dumps(cfg["attrs"], sort_keys=True))
        ort_out = os.path.join(work, name + ".ort")
        mlir_path = os.path.join(work, name + ".mlir")
        q = subprocess.run([args.import_onnx, model_path, "-o", mlir_path],
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           universal_newlines=True)
        if os.path.exists(ort_out + ".error"):
            # No reference: reported, not counted. onnxruntime is stricter
            # than the spec in places (an output_shape it cannot map back to
            # the input size, docs/importers.md).
            skipped += 1
            print("SKIP  %s: onnxruntime rejects it (%s); tconv %s" % (
                desc, open(ort_out + ".error").read().split("Status Message: ")[-1],
                "accepts it" + (" with: " + q.stderr.strip() if q.stderr.strip() else "")
                if q.returncode == 0 else "rejects it: " + q.stderr.strip()))
            continue
        with open(ort_out + ".json") as f:
            dims = json.load(f)
        ref = np.fromfile(ort_out, dtype="<f4").reshape(dims)
        if q.returncode != 0:
            failures += 1
            print("FAIL  %s: tconv-import-onnx: %s" % (desc, q.stderr.strip()))
            continue
        out_dir = os.path.join(work, name + ".kernels")
        rc, err = kernel_runner.compile_mlir(args.tconv_compile, mlir_path, out_dir)
        if rc != 0:
            failures += 1
            print("FAIL  %s: tconv-compile: %s" % (desc, err.strip()))
            continue
        # Operands in node order; initializers from the importer's files.
        with open(os.path.join(work, name + ".weights.json")) as f:
            written = {w["tensor"]: os.path.join(work, w["file"])
                       for w in json.load(f)["weights"]}
        operands = []
        for tname in ["X", "W", "B"][:len(arrays)]:
            a = arrays[tname]
            if tname in written:
                a = np.fromfile(written[tname], dtype="<f4").reshape(a.shape)
            operands.append(a)
        kernels.append(kernel_runner.Kernel(name, os.path.join(out_dir, name + ".o")))
        calls[name] = (operands, ref.shape)
        expected[name] = (desc, ref, q.stderr.strip())

    if kernels:
        runtime = os.path.join(work, cases[0][1] + ".kernels", "halide_runtime.o")
        runner = kernel_runner.build_runner(kernels, runtime, work, cxx=args.cxx)
        results = kernel_runner.run_numpy(runner, calls, os.path.join(work, "data"))
        for name, (desc, ref, warnings) in expected.items():
            r = results[name]
            if r.rc != 0:
                failures += 1
                print("FAIL  %s: kernel returned %d %s" % (desc, r.rc, r.errors))
                continue
            err = np.abs(r.output.astype(np.float64) - ref)
            max_err = float(np.nanmax(err)) if err.size else 0.0
            ok = bool(np.all(err <= ATOL + RTOL * np.abs(ref)))
            if not ok:
                failures += 1
            note = " (tconv warned: %s)" % warnings.split(": warning: ")[-1] if warnings else ""
            print("%s  %s: max abs error %.3g%s" % ("PASS" if ok else "FAIL", desc, max_err, note))
    if not args.work:
        shutil.rmtree(work, ignore_errors=True)
    print("%d of %d models differ from onnxruntime, %d skipped (tolerance %g + %g*|ref|)"
          % (failures, len(cases), skipped, ATOL, RTOL))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
