"""The Python twin of ConvTransposeOracle.h: flavor -> canonical padding and
the tolerance, written from docs/spec.md alone (never from lib/), for every
Python test that derives an output shape or compares a kernel's result
(unittests/Runtime/gen_runtime_cases.py, test/Differential, test/Importers).

A canonical dimension is (pad_lo, pad_hi, trailing_zeros): crop pad_lo /
pad_hi positions of the full output (a negative value extends it with
bias-only positions), then append trailing_zeros hard zeros after the bias
(docs/spec.md §0).
"""


def dilated(k, d):
    return d * (k - 1) + 1


def full_length(L, k, s, d):
    """F = (L-1)*s + d*(k-1) + 1, the uncropped transposed output (§0)."""
    return (L - 1) * s + dilated(k, d)


def output_length(L, k, s, d, pad):
    """Output length of one dimension, trailing zeros included."""
    lo, hi, zeros = pad
    return full_length(L, k, s, d) - lo - hi + zeros


def torch_dim_padding(p, op):
    """PyTorch padding=p, output_padding=op (§4.2)."""
    return (p, p - op, 0)


def ms_dim_padding(mode, rank, k, s, d, begin, end, op):
    """MindSpore nn.Conv{rank}dTranspose (§2.3-§2.5); begin/end the
    dimension's pad_mode='pad' values, op its output_padding (0 if absent)."""
    excess = dilated(k, d) - s
    if mode == "same":
        if excess >= 0:
            return (excess // 2, excess - excess // 2, 0)
        return (0, excess, 0)  # dk < s: the extra positions hold the bias
    if mode == "valid":
        return (0, min(0, excess), 0)
    if rank == 2:
        return (begin, end, op)  # Conv2dTranspose: op hard zeros after bias
    if rank == 3:
        return (begin, end - op, 0)  # Conv3DTranspose: torch-like (§2.5)
    return (begin, end, 0)  # Conv1dTranspose has no output_padding


def onnx_dim_padding(auto_pad, L, k, s, d, begin, end, op, output_shape=None):
    """ONNX ConvTranspose as onnxruntime >= 1.14 runs it (§3.2, §3.3);
    output_shape is the dimension's output_shape value when given."""
    F = full_length(L, k, s, d)
    if output_shape is not None:
        T = max(0, F + op - output_shape)
        lo = T // 2 if auto_pad == "SAME_UPPER" else T - T // 2
        return (lo, F - lo - output_shape, 0)
    if auto_pad in ("SAME_UPPER", "SAME_LOWER"):
        T = max(0, dilated(k, d) - s + op)
        lo = T // 2 if auto_pad == "SAME_UPPER" else T - T // 2
        return (lo, T - lo - op, 0)
    if auto_pad == "VALID":
        return (0, -op, 0)
    return (begin, end - op, 0)  # NOTSET


def begin_end(padding, rank, i):
    """(begin, end) of dimension i from a MindSpore padding as written: one
    value per dimension, or a (begin, end) pair per dimension."""
    if not padding:
        return 0, 0
    if len(padding) == 2 * rank:
        return padding[2 * i], padding[2 * i + 1]
    return padding[i], padding[i]


def tolerance(dt, exact, scale, terms):
    """Element-wise bound of ConvTransposeOracle.h's toleranceFor (its
    comment derives it): accumulation in f32 (f64 for f64 kernels), then
    rounding to dt. exact and scale (|b| + sum |x*w|) are arrays or tensors
    with .abs(); terms is the number of x*w terms (a bound is fine)."""
    f32u, f64u = 2.0 ** -24, 2.0 ** -53
    if dt == "f64":
        return 2.0 * (terms + 2) * f64u * scale + 1e-300
    tol = (terms + 2) * f32u * scale + 2.0 * (terms + 2) * f64u * scale + 1e-300
    if dt == "f16":
        tol = tol + 2.0 ** -11 * abs(exact) + 2.0 ** -24
    elif dt == "bf16":
        tol = tol + 2.0 ** -8 * abs(exact)
    return tol
