"""tconv from Python: call compiled transposed-convolution kernels on numpy
arrays and CPU torch tensors, and swap a PyTorch model's ConvTranspose layers
for them (docs/python.md).

    import tconv
    mod = tconv.load("out/layers.so")          # tconv-compile --emit=shared
    y = mod.ups_0(x, w, b)                     # numpy or torch, (N, C, L...)
    mod = tconv.compile("layers.mlir")         # compiles (cached), then load
    model = tconv.torch.swap_conv_transposes(model, example_input)

`tconv.torch` imports PyTorch on first use; `import tconv` needs only numpy.
"""

from ._errors import CompileError, Error, KernelError, ManifestError
from ._library import Kernel, Module, load
from ._compile import cache_dir, compile

# Not "torch": `from tconv import *` should not import PyTorch.
__all__ = ["CompileError", "Error", "Kernel", "KernelError", "ManifestError",
           "Module", "cache_dir", "compile", "load"]


def __getattr__(name):
    # `tconv.torch` without importing PyTorch at `import tconv`.
    if name == "torch":
        import importlib
        return importlib.import_module(".torch", __name__)
    raise AttributeError("module 'tconv' has no attribute %r" % name)
