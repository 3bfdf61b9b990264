"""What the Python package's tests share: the package under test (from
PYTHONPATH: <build>/python), the kernels of Inputs/kernels.mlir built by the build
($TCONV_TEST_KERNELS: their kernels.so), and PyTorch's reference."""

import os
import unittest

import numpy
import torch
import torch.nn.functional as F

import tconv

# What each kernel of Inputs/kernels.mlir is in PyTorch: (function, keyword args).
REFERENCE = {
    "ups_0": (F.conv_transpose1d, dict(stride=8, padding=4)),
    "grouped": (F.conv_transpose1d, dict(stride=2, padding=1, output_padding=1,
                                         dilation=2, groups=2)),
    "conv2d_f64": (F.conv_transpose2d, dict(stride=(2, 1), padding=(1, 0))),
    "conv3d_f16": (F.conv_transpose3d, dict(stride=2)),
    "tiny": (F.conv_transpose1d, {}),
    "snake_residual": (lambda x, w, alpha, res: torch.tanh(F.conv_transpose1d(
        x + torch.sin(alpha[:, None] * x) ** 2 / alpha[:, None], w, stride=2,
        padding=1) + res), {}),
}


def kernels_path():
    path = os.environ.get("TCONV_TEST_KERNELS")
    if not path:
        raise unittest.SkipTest("$TCONV_TEST_KERNELS is not set (ctest sets it)")
    return path


def load_kernels():
    return tconv.load(kernels_path())


def reference(name, *operands):
    """PyTorch's output for kernel `name`, computed in float64."""
    fn, kwargs = REFERENCE[name]
    ops = [torch.as_tensor(o).double() for o in operands]
    if len(ops) == 2 and fn is not REFERENCE["snake_residual"][0]:
        ops.append(None)  # no bias
    return fn(*ops, **kwargs)


def operands(kernel, batch=None, length=None, seed=0, dtype=torch.float32):
    """Random operands of `kernel` (a tconv Kernel), with `batch` and
    `length` where the kernel's extents are dynamic."""
    g = torch.Generator().manual_seed(seed)
    out = []
    for o in kernel.info.arguments:
        shape = [e if e is not None else (batch if i == 0 else length)
                 for i, e in enumerate(o.extents)]
        out.append(torch.randn(shape, generator=g, dtype=torch.float64).to(dtype))
    return out


def tolerance(dtype):
    return {torch.float16: 2e-2, torch.float32: 1e-4, torch.float64: 1e-10,
            numpy.float16: 2e-2, numpy.float32: 1e-4, numpy.float64: 1e-10}[dtype]


def assert_close(case, got, want, dtype):
    got = torch.as_tensor(got).double()
    case.assertEqual(tuple(got.shape), tuple(want.shape))
    scale = max(1.0, want.abs().max().item())
    err = (got - want).abs().max().item() / scale
    case.assertLessEqual(err, tolerance(dtype), "max error %g (relative to %g)"
                         % (err, scale))
