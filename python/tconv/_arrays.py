"""numpy arrays and CPU torch tensors as a kernel's dense buffers.

A contiguous operand is passed as it is (its data pointer: zero-copy); any
other is copied into a contiguous one first. The output is allocated here, of
the caller's kind (the input's: numpy or torch)."""

import sys

import numpy

from ._errors import Error

# Halide's halide_type_t (code, bits) of each element type of the manifest.
HALIDE_TYPES = {"f16": (2, 16), "bf16": (4, 16), "f32": (2, 32), "f64": (2, 64)}
NUMPY_DTYPES = {"f16": numpy.float16, "f32": numpy.float32, "f64": numpy.float64}
_NUMPY_CODES = {"f": 2, "i": 0, "u": 1, "b": 1}


def _torch():
    # Only a program that imported torch can pass tensors.
    return sys.modules.get("torch")


class Buffer:
    """One operand ready for tconv_invoke; keeps its data alive."""

    __slots__ = ("data", "pointer", "shape", "code", "bits")

    def __init__(self, data, pointer, shape, code, bits):
        self.data = data
        self.pointer = pointer
        self.shape = shape
        self.code = code
        self.bits = bits


def to_buffer(value, kernel, name):
    """`value` (numpy array or CPU torch tensor) as a dense Buffer, or a
    TypeError naming the operand."""
    if isinstance(value, numpy.ndarray):
        dtype = value.dtype
        if dtype.kind not in _NUMPY_CODES:
            raise TypeError("%s: operand '%s' has dtype %s, which no kernel takes"
                            % (kernel, name, dtype))
        if not dtype.isnative:
            value = value.astype(dtype.newbyteorder("="))
        elif not value.flags.c_contiguous:
            value = numpy.ascontiguousarray(value)
        bits = 1 if dtype.kind == "b" else dtype.itemsize * 8
        return Buffer(value, value.ctypes.data, value.shape,
                      _NUMPY_CODES[dtype.kind], bits)
    torch = _torch()
    if torch is not None and isinstance(value, torch.Tensor):
        if value.device.type != "cpu":
            raise TypeError("%s: operand '%s' is on device '%s'; the kernels "
                            "run on the CPU (move it with .cpu())"
                            % (kernel, name, value.device))
        dtype = value.dtype
        if dtype.is_complex:
            raise TypeError("%s: operand '%s' has dtype %s, which no kernel takes"
                            % (kernel, name, dtype))
        if dtype == torch.bool:
            code, bits = 1, 1
        elif dtype.is_floating_point:
            code = 4 if dtype == torch.bfloat16 else 2
            bits = torch.finfo(dtype).bits
        else:
            code, bits = (0 if dtype.is_signed else 1), torch.iinfo(dtype).bits
        if not value.is_contiguous():
            value = value.contiguous()
        return Buffer(value, value.data_ptr(), tuple(value.shape), code, bits)
    raise TypeError("%s: operand '%s' must be a numpy array or a CPU torch "
                    "tensor, not %s" % (kernel, name, type(value).__name__))


def allocate(like, shape, element_type, kernel):
    """An uninitialized output of `shape`, numpy or torch as `like` is."""
    if isinstance(like, numpy.ndarray):
        dtype = NUMPY_DTYPES.get(element_type)
        if dtype is None:
            raise Error("%s: its output is %s, which numpy has no type for; pass "
                        "torch tensors" % (kernel, element_type))
        out = numpy.empty(shape, dtype)
        return out, Buffer(out, out.ctypes.data, shape, *HALIDE_TYPES[element_type])
    torch = _torch()
    dtype = {"f16": torch.float16, "bf16": torch.bfloat16, "f32": torch.float32,
             "f64": torch.float64}[element_type]
    out = torch.empty(shape, dtype=dtype)
    return out, Buffer(out, out.data_ptr(), shape, *HALIDE_TYPES[element_type])
