"""A kernel shared library (tconv-compile --emit=shared) opened with ctypes.

Each call goes through the library's C entry, tconv_invoke
(lib/Compiler/SharedLibraryEntry.c): it builds the halide_buffer_ts from the
operands' data pointers and shapes and calls the kernel's <name>_argv. ctypes
releases the GIL for the call, so threads run kernels concurrently; the
kernel's error message is kept per thread by the library (tconv_last_error).
"""

import ctypes
import os

from ._arrays import allocate, to_buffer
from ._errors import Error, KernelError
from ._manifest import read_manifest

_ARGV = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.POINTER(ctypes.c_void_p))


class Kernel:
    """One kernel of a Module: call it with the operands other than the
    output, in order (input, weight[, bias]), as numpy arrays or CPU torch
    tensors in PyTorch's layout (N, C, L...). Returns the output, of the
    input's kind. Raises KernelError with the kernel's message when it
    rejects an operand (shape, element type), TypeError for what is not an
    array at all."""

    def __init__(self, module, info):
        self.info = info
        self.name = info.name
        self._module = module  # keeps the library loaded
        self._invoke = module._invoke
        self._last_error = module._last_error
        try:
            self._argv = ctypes.cast(getattr(module._dll, info.argv_symbol),
                                     ctypes.c_void_p).value
        except AttributeError:
            raise Error("%s: the library '%s' has no symbol '%s' although its "
                        "manifest lists the kernel" % (
                            self.name, module.path, info.argv_symbol)) from None
        self._names = [o.name for o in info.arguments]
        self._count = len(info.operands)

    def __repr__(self):
        return "<tconv kernel %s(%s) -> %r>" % (
            self.name, ", ".join(repr(o) for o in self.info.arguments), self.info.output)

    def __call__(self, *operands):
        if len(operands) != len(self._names):
            raise TypeError("%s takes %d operands (%s), got %d" % (
                self.name, len(self._names), ", ".join(self._names), len(operands)))
        buffers = [to_buffer(v, self.name, n) for v, n in zip(operands, self._names)]
        result, out = allocate(operands[0], self.info.output_shape(buffers[0].shape),
                               self.info.output.element_type, self.name)
        buffers.append(out)
        count = self._count
        extents = []
        for b in buffers:
            extents.extend(b.shape)
        code = self._invoke(
            self._argv, count,
            (ctypes.c_void_p * count)(*[b.pointer for b in buffers]),
            (ctypes.c_int * count)(*[len(b.shape) for b in buffers]),
            (ctypes.c_int64 * max(1, len(extents)))(*extents),
            (ctypes.c_uint8 * count)(*[b.code for b in buffers]),
            (ctypes.c_uint8 * count)(*[b.bits for b in buffers]))
        if code != 0:
            message = self._last_error().decode("utf-8", "replace")
            raise KernelError(self.name, code, message or
                              "failed with Halide error code %d" % code)
        return result


class Module:
    """A loaded kernel library: its kernels are attributes (`mod.ups_0`) and
    the values of `kernels`, by name."""

    def __init__(self, path):
        self.path = os.path.abspath(path)
        stem, ext = os.path.splitext(self.path)
        if ext not in (".so", ".json"):
            raise Error("tconv.load('%s'): give the library <stem>.so (or its "
                        "manifest <stem>.json) that tconv-compile --emit=shared "
                        "wrote" % path)
        self.manifest_path = stem + ".json"
        library, self.target, infos = read_manifest(self.manifest_path)
        self.library_path = os.path.join(os.path.dirname(self.path), library)
        if not os.path.isfile(self.library_path):
            raise Error("no library '%s' beside the manifest '%s'" % (
                self.library_path, self.manifest_path))
        try:
            self._dll = ctypes.CDLL(self.library_path)
        except OSError as e:
            raise Error("cannot load '%s': %s" % (self.library_path, e)) from None
        try:
            invoke = self._dll.tconv_invoke
            last_error = self._dll.tconv_last_error
            set_threads = self._dll.tconv_set_num_threads
        except AttributeError:
            raise Error("'%s' has no tconv_invoke entry: it was not linked by "
                        "tconv-compile --emit=shared" % self.library_path) from None
        invoke.restype = ctypes.c_int
        invoke.argtypes = [ctypes.c_void_p, ctypes.c_int,
                           ctypes.POINTER(ctypes.c_void_p),
                           ctypes.POINTER(ctypes.c_int),
                           ctypes.POINTER(ctypes.c_int64),
                           ctypes.POINTER(ctypes.c_uint8),
                           ctypes.POINTER(ctypes.c_uint8)]
        last_error.restype = ctypes.c_char_p
        last_error.argtypes = []
        set_threads.restype = None
        set_threads.argtypes = [ctypes.c_int]
        self._invoke, self._last_error, self._set_threads = invoke, last_error, set_threads
        self.kernels = {}
        for info in infos:
            self.kernels[info.name] = Kernel(self, info)

    def __getattr__(self, name):
        kernels = self.__dict__.get("kernels", {})
        if name in kernels:
            return kernels[name]
        raise AttributeError("%s has no kernel '%s' (kernels: %s)" % (
            os.path.basename(self.__dict__.get("path", "?")), name,
            ", ".join(sorted(kernels)) or "none"))

    def __dir__(self):
        return sorted(set(super().__dir__()) | set(self.kernels))

    def __repr__(self):
        return "<tconv module %s: %s>" % (self.library_path, ", ".join(self.kernels))

    def set_num_threads(self, n):
        """Threads of this library's Halide thread pool (default: one per
        core, or $HL_NUM_THREADS)."""
        if int(n) < 1:
            raise ValueError("set_num_threads(%r): need at least 1" % (n,))
        self._set_threads(int(n))


def load(path):
    """Opens a library that tconv-compile --emit=shared wrote (<stem>.so,
    with <stem>.json beside it) and returns its Module."""
    return Module(path)
