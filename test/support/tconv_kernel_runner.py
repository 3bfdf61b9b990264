"""Compiles .mlir files with tconv-compile and runs the kernels on operands.

The one place that turns tconv-compile's objects into something a Python test
can call: it links the objects into runner.cpp (beside this file), writes the
operands and a manifest, runs the runner once for any number of calls and
reads the outputs back. Used by test/Differential/differential.py and the
importer tests in test/Importers/

Byte level (any element type, bf16 included):

    rc, err = compile_mlir(tconv_compile, "layers.mlir", "out/")
    runner = build_runner([Kernel("up0", "out/up0.o")],
                          "out/halide_runtime.o", "work/")
    results = run_calls(runner, [Call("up0", "f32", [(x_bytes, x_shape),
                                   (w_bytes, w_shape), (b_bytes, b_shape)],
                                  y_shape)], "work/data")
    results["up0"].rc, results["up0"].output  # bytes, or None

NumPy level (f16, f32, f64):

    ys = run_numpy(runner, {"up0": ([x, w, b], y_shape)}, "work/data")
    ys["up0"].rc, ys["up0"].output  # numpy array of y_shape, or None

Shapes are outermost first (N, C, L...), operands dense and C-contiguous, as
the kernels' ABI expects (docs: README "Using it"). Output elements the kernel
never wrote read back as NaN: the runner fills outputs with all-ones bits.
"""

import collections
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
RUNNER_SOURCE = os.path.join(HERE, "runner.cpp")

Kernel = collections.namedtuple("Kernel", "name object")
Call = collections.namedtuple("Call", "name dtype operands output_shape")
Result = collections.namedtuple("Result", "rc output errors")


def _run(cmd, timeout):
    return subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          timeout=timeout, universal_newlines=True)


def compile_mlir(tconv_compile, mlir_path, outdir, target="host", extra_args=(),
                 timeout=300):
    """Runs tconv-compile; returns (exit status, stderr). A compile that runs
    past `timeout` seconds gives status None."""
    try:
        p = _run([tconv_compile, mlir_path, "-o", outdir, "--target=" + target]
                 + list(extra_args), timeout)
    except subprocess.TimeoutExpired:
        return None, "tconv-compile ran longer than %d s" % timeout
    return p.returncode, p.stderr


def halide_include_dir():
    for d in ("/usr/include/halide14", "/usr/include", "/usr/local/include"):
        if os.path.exists(os.path.join(d, "HalideRuntime.h")):
            return d
    raise RuntimeError("HalideRuntime.h not found (libhalide14-0-dev)")


def build_runner(kernels, runtime_object, work, cxx="c++", timeout=300):
    """Links `kernels` (Kernel tuples) and the Halide runtime object into
    runner.cpp; returns the runner's path. Raises RuntimeError with the
    compiler's output when linking fails."""
    gen = os.path.join(work, "gen")
    os.makedirs(gen, exist_ok=True)
    with open(os.path.join(gen, "kernels.inc"), "w") as f:
        for k in kernels:
            f.write("TCONV_KERNEL(%s)\n" % k.name)
    runner = os.path.join(work, "runner")
    p = _run([cxx, "-std=c++17", "-O1", "-I" + halide_include_dir(), "-I" + gen,
              RUNNER_SOURCE] + [k.object for k in kernels]
             + [runtime_object, "-lpthread", "-ldl", "-lm", "-o", runner], timeout)
    if p.returncode != 0:
        raise RuntimeError("building the kernel runner failed:\n" + p.stderr)
    return runner


def _shape_text(shape):
    return ",".join(str(int(e)) for e in shape)


def run_calls(runner, calls, data_dir, timeout=600):
    """Runs every Call once in one runner process. Returns {name: Result} with
    the kernel's return code, its output bytes (None when it returned non-zero)
    and the Halide error lines it printed. Raises RuntimeError when the runner
    itself fails (bad manifest or operand files)."""
    os.makedirs(data_dir, exist_ok=True)
    with open(os.path.join(data_dir, "manifest"), "w") as manifest:
        for call in calls:
            if len(call.operands) < 2:
                raise ValueError("%s: expected at least 2 operands (x, w[, b], extras)"
                                 % call.name)
            base = os.path.join(data_dir, call.name)
            for i, (data, _) in enumerate(call.operands):
                with open(base + "." + str(i), "wb") as f:
                    f.write(data)
            shapes = [_shape_text(shape) for _, shape in call.operands]
            manifest.write("%s %s %d %s %s\n" % (call.name, call.dtype, len(shapes),
                                                 " ".join(shapes),
                                                 _shape_text(call.output_shape)))
    p = _run([runner, data_dir], timeout)
    if p.returncode != 0:
        raise RuntimeError("the kernel runner failed with exit status %d:\n%s%s"
                           % (p.returncode, p.stdout, p.stderr))
    rcs = dict((name, int(rc)) for name, rc in
               (line.split() for line in p.stdout.splitlines()))
    results = {}
    for call in calls:
        rc = rcs.get(call.name)
        errors = [l for l in p.stderr.splitlines()
                  if l.startswith("halide_error in %s:" % call.name)]
        output = None
        if rc == 0:
            with open(os.path.join(data_dir, call.name + ".y"), "rb") as f:
                output = f.read()
        results[call.name] = Result(rc, output, errors)
    return results


def _numpy_dtype_name(array):
    import numpy as np
    names = {np.dtype(np.float16): "f16", np.dtype(np.float32): "f32",
             np.dtype(np.float64): "f64"}
    if array.dtype not in names:
        raise ValueError("unsupported element type %s (f16, f32, f64)" % array.dtype)
    return names[array.dtype]


def run_numpy(runner, calls, data_dir, timeout=600):
    """`calls`: {name: ([x, w[, b], extras...] numpy arrays, output shape)}.
    Returns {name: Result} whose output is a numpy array of the output shape
    and the operands' dtype (None when the kernel returned non-zero)."""
    import numpy as np
    byte_calls = []
    for name, (operands, output_shape) in calls.items():
        dtype = _numpy_dtype_name(operands[0])
        for a in operands:
            if a.dtype != operands[0].dtype:
                raise ValueError("%s: operands of different element types" % name)
        byte_calls.append(Call(name, dtype,
                               [(np.ascontiguousarray(a).astype(a.dtype.newbyteorder("<"))
                                 .tobytes(), a.shape) for a in operands],
                               tuple(output_shape)))
    results = run_calls(runner, byte_calls, data_dir, timeout)
    out = {}
    for name, (operands, output_shape) in calls.items():
        r = results[name]
        y = None
        if r.output is not None:
            y = np.frombuffer(r.output, dtype=operands[0].dtype.newbyteorder("<")) \
                  .reshape(tuple(output_shape)).astype(operands[0].dtype)
        out[name] = Result(r.rc, y, r.errors)
    return out


if __name__ == "__main__":
    sys.exit(__doc__)
