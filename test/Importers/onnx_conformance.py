#!/usr/bin/env python3
"""ONNX backend node tests for ConvTranspose, through tconv (docs/importers.md).

    onnx_conformance.py --import-onnx BIN --tconv-compile BIN [--data DIR]
                        [--work DIR] [--cxx CXX] [--only CASE,...]

For each test_convtranspose* case of Debian's libonnx-testdata (ONNX 1.12's
backend tests): tconv-import-onnx model.onnx, check that the model's one node
became exactly one func whose arguments are the node's inputs in order,
tconv-compile it, run the kernel on test_data_set_0/input_*.pb (matched to the
arguments by tensor name) and compare with output_0.pb: the shape exactly
(the func's result type and the output buffer), the values within
|got - expected| <= ATOL + RTOL * |expected| (float32).

Prints one PASS/FAIL/XFAIL line per case with the maximum absolute error.
A case that cannot pass is listed in EXPECTED_FAILURES with the reason, and
reported as XFAIL (a failure if it starts passing, so the list stays true).
Exit status 1 when any case failed. Needs Debian's python3-onnx and numpy
(/usr/bin/python3).
"""

import argparse
import json
import os
import re
import shutil
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "support"))
import tconv_kernel_runner as kernel_runner  # noqa: E402

CASES = [
    "test_convtranspose",  # 2-D
    "test_convtranspose_1d",
    "test_convtranspose_3d",
    "test_convtranspose_autopad_same",
    "test_convtranspose_dilations",
    "test_convtranspose_kernel_shape",
    "test_convtranspose_output_shape",
    "test_convtranspose_pad",
    "test_convtranspose_pads",
    "test_convtranspose_with_kernel",
]

# case -> why tconv cannot reproduce the expected output. Empty: all pass.
EXPECTED_FAILURES = {}

ATOL = 1e-5
RTOL = 1e-5

DEFAULT_DATA = "/usr/share/libonnx-testdata/data/node"


class CaseFailure(Exception):
    pass


def run_tool(cmd):
    import subprocess
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       universal_newlines=True, timeout=300)
    return p.returncode, p.stdout, p.stderr


def parse_type(text):
    """'tensor<1x2x5xf32>' -> ([1, 2, 5], 'f32')."""
    m = re.fullmatch(r"tensor<((?:[0-9?]+x)*)(\w+)>", text.strip())
    if not m:
        raise CaseFailure("cannot parse type %r" % text)
    dims = [int(d) if d != "?" else None for d in m.group(1).split("x") if d]
    return dims, m.group(2)


def parse_funcs(mlir_text):
    """Every func.func: (name, [argument types], [result types])."""
    funcs = []
    for m in re.finditer(r"func\.func @(\w+)\((.*?)\) -> \((.*?)\)|"
                         r"func\.func @(\w+)\((.*?)\) -> (tensor<[^>]*>)",
                         mlir_text):
        name = m.group(1) or m.group(4)
        args = m.group(2) if m.group(1) else m.group(5)
        results = m.group(3) if m.group(1) else m.group(6)
        arg_types = re.findall(r"%\w+: (tensor<[^>]*>)", args)
        result_types = re.findall(r"tensor<[^>]*>", results)
        funcs.append((name, arg_types, result_types))
    return funcs


def load_tensor(path):
    import onnx
    from onnx import numpy_helper
    t = onnx.TensorProto()
    with open(path, "rb") as f:
        t.ParseFromString(f.read())
    return t.name, numpy_helper.to_array(t)


def run_case(case, args, work):
    import numpy as np
    import onnx

    case_dir = os.path.join(args.data, case)
    model_path = os.path.join(case_dir, "model.onnx")
    if not os.path.exists(model_path):
        raise CaseFailure("%s is missing (Debian package libonnx-testdata)" % model_path)
    model = onnx.load(model_path)
    nodes = [n for n in model.graph.node if n.op_type == "ConvTranspose"]
    if len(nodes) != 1 or len(model.graph.node) != 1:
        raise CaseFailure("expected a model of one ConvTranspose node")
    node_inputs = [i for i in nodes[0].input if i]

    os.makedirs(work, exist_ok=True)
    mlir_path = os.path.join(work, case + ".mlir")
    rc, _, err = run_tool([args.import_onnx, model_path, "-o", mlir_path])
    if rc != 0:
        raise CaseFailure("tconv-import-onnx failed (%d): %s" % (rc, err.strip()))
    with open(mlir_path) as f:
        mlir_text = f.read()
    funcs = parse_funcs(mlir_text)
    if len(funcs) != 1:
        raise CaseFailure("expected exactly one func, got %d" % len(funcs))
    name, arg_types, result_types = funcs[0]
    if len(arg_types) != len(node_inputs) or len(result_types) != 1:
        raise CaseFailure("func @%s has %d arguments and %d results, the node "
                          "has %d inputs and one output"
                          % (name, len(arg_types), len(result_types), len(node_inputs)))

    # Operands by tensor name: the .pb inputs, then initializers the importer
    # wrote beside the .mlir.
    data_dir = os.path.join(case_dir, "test_data_set_0")
    tensors = {}
    i = 0
    while os.path.exists(os.path.join(data_dir, "input_%d.pb" % i)):
        tname, array = load_tensor(os.path.join(data_dir, "input_%d.pb" % i))
        tensors[tname] = array
        i += 1
    with open(os.path.splitext(mlir_path)[0] + ".weights.json") as f:
        manifest = json.load(f)
    for w in manifest["weights"]:
        dtype = {"f32": np.float32, "f64": np.float64, "f16": np.float16}[w["dtype"]]
        tensors[w["tensor"]] = np.fromfile(os.path.join(work, w["file"]),
                                           dtype=np.dtype(dtype).newbyteorder("<")
                                           ).reshape(w["shape"])
    operands = []
    for tname, type_text in zip(node_inputs, arg_types):
        if tname not in tensors:
            raise CaseFailure("no test data for input '%s'" % tname)
        dims, _ = parse_type(type_text)
        if dims != list(tensors[tname].shape):
            raise CaseFailure("argument type %s does not match input '%s' of shape %s"
                              % (type_text, tname, list(tensors[tname].shape)))
        operands.append(np.ascontiguousarray(tensors[tname]))

    _, expected = load_tensor(os.path.join(data_dir, "output_0.pb"))
    result_dims, _ = parse_type(result_types[0])
    if result_dims != list(expected.shape):
        raise CaseFailure("result type %s, expected shape %s"
                          % (result_types[0], list(expected.shape)))

    out_dir = os.path.join(work, "kernels")
    rc, err = kernel_runner.compile_mlir(args.tconv_compile, mlir_path, out_dir)
    if rc != 0:
        raise CaseFailure("tconv-compile failed (%s): %s" % (rc, err.strip()))
    runner = kernel_runner.build_runner(
        [kernel_runner.Kernel(name, os.path.join(out_dir, name + ".o"))],
        os.path.join(out_dir, "halide_runtime.o"), work, cxx=args.cxx)
    result = kernel_runner.run_numpy(runner, {name: (operands, expected.shape)},
                                     os.path.join(work, "data"))[name]
    if result.rc != 0:
        raise CaseFailure("kernel returned %d: %s" % (result.rc, "; ".join(result.errors)))
    got = result.output
    if got.shape != expected.shape:
        raise CaseFailure("output shape %s, expected %s" % (got.shape, expected.shape))
    error = np.abs(got.astype(np.float64) - expected.astype(np.float64))
    max_err = float(np.nanmax(error)) if error.size else 0.0
    bad = ~(error <= ATOL + RTOL * np.abs(expected.astype(np.float64)))
    if bad.any():
        first = tuple(int(i) for i in np.argwhere(bad)[0])
        raise CaseFailure("%d of %d values differ, max abs error %g; first at %s: "
                          "got %r, expected %r"
                          % (int(bad.sum()), bad.size, max_err, list(first),
                             float(got[first]), float(expected[first])))
    return max_err, list(expected.shape)


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--import-onnx", required=True)
    parser.add_argument("--tconv-compile", required=True)
    parser.add_argument("--data", default=DEFAULT_DATA)
    parser.add_argument("--work", help="kept work directory (default: a temporary one)")
    parser.add_argument("--cxx", default="c++")
    parser.add_argument("--only", help="comma-separated case names")
    args = parser.parse_args()

    cases = args.only.split(",") if args.only else CASES
    work = args.work or tempfile.mkdtemp(prefix="tconv-onnx-conformance-")
    if args.work and os.path.exists(work):
        shutil.rmtree(work)
    failures = 0
    print("tolerance: |got - expected| <= %g + %g * |expected| (float32)" % (ATOL, RTOL))
    for case in cases:
        try:
            max_err, shape = run_case(case, args, os.path.join(work, case))
            if case in EXPECTED_FAILURES:
                failures += 1
                print("FAIL  %s: passes but is listed as an expected failure (%s)"
                      % (case, EXPECTED_FAILURES[case]))
            else:
                print("PASS  %-34s max abs error %g, shape %s" % (case, max_err, shape))
        except (CaseFailure, RuntimeError) as e:
            if case in EXPECTED_FAILURES:
                print("XFAIL %s: %s (%s)" % (case, EXPECTED_FAILURES[case], e))
            else:
                failures += 1
                print("FAIL  %s: %s" % (case, e))
        sys.stdout.flush()
    if not args.work:
        shutil.rmtree(work, ignore_errors=True)
    print("%d of %d cases failed" % (failures, len(cases)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
