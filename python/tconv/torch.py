"""tconv.torch: swap a PyTorch model's transposed convolutions for tconv
kernels.

    model = tconv.torch.swap_conv_transposes(model, example_input)

Every nn.ConvTranspose1d/2d/3d that the model calls on `example_input` is
compiled (one MLIR file, tconv.compile, cached) into a kernel with a dynamic
batch and dynamic spatial sizes, and replaced, in a copy of the model, by a
TconvConvTranspose module that holds the layer's weight and bias as they were
in that call. The copy is for inference: it computes no gradients.
"""

import copy
import sys

import torch
from torch import nn

from . import _compile

_CLASSES = {nn.ConvTranspose1d: 1, nn.ConvTranspose2d: 2, nn.ConvTranspose3d: 3}
# torch dtype -> MLIR element type
_ELEMENT_TYPES = {torch.float16: "f16", torch.bfloat16: "bf16",
                  torch.float32: "f32", torch.float64: "f64"}


class TconvConvTranspose(nn.Module):
    """A ConvTranspose layer computed by a tconv kernel, with the layer's
    weight and bias captured as buffers."""

    def __init__(self, kernel, layer, weight, bias, path):
        super().__init__()
        self.kernel = kernel
        self.path = path
        self.layer_repr = repr(layer)
        self.spatial_rank = _CLASSES[_base_class(layer)]
        self.register_buffer("weight", weight.detach().contiguous().clone())
        self.register_buffer("bias", None if bias is None
                             else bias.detach().contiguous().clone())

    def extra_repr(self):
        return "%s, tconv kernel %s" % (self.layer_repr, self.kernel.name)

    def forward(self, input, output_size=None):
        if output_size is not None:
            raise NotImplementedError(
                "%s: forward(output_size=...) is not supported by the tconv "
                "kernel (its output_padding is fixed)" % self.path)
        if input.requires_grad and torch.is_grad_enabled():
            raise RuntimeError(
                "%s: the tconv kernel computes no gradients; call the model "
                "under torch.no_grad() or torch.inference_mode()" % self.path)
        unbatched = input.dim() == self.spatial_rank + 1
        x = input.unsqueeze(0) if unbatched else input
        operands = (x, self.weight) if self.bias is None else (x, self.weight, self.bias)
        y = self.kernel(*operands)
        return y.squeeze(0) if unbatched else y


def _base_class(module):
    return next((c for c in _CLASSES if isinstance(module, c)), None)


def _swappable(module):
    """None, or why the layer cannot be swapped whatever its input."""
    base = _base_class(module)
    if type(module).forward is not base.forward:
        return "%s overrides forward" % type(module).__name__
    if module.padding_mode != "zeros":
        return "padding_mode '%s' (only 'zeros')" % module.padding_mode
    return None


def _symbol(path, used):
    name = "".join(c if c.isalnum() or c == "_" else "_" for c in path) or "root"
    name = "layer_" + name
    while name in used:
        name += "_"
    used.add(name)
    return name


def _mlir_func(name, layer, rank, element_type, has_bias):
    """The layer as a func with a dynamic batch and dynamic spatial sizes
    (tconv.torch_conv_transpose with PyTorch's attributes as written, as
    tconv-import-torch writes them)."""
    w = list(layer.weight.shape)
    cin, cout = w[0], w[1] * layer.groups
    dims = lambda c: "x".join(["?", str(c)] + ["?"] * rank)
    t_in = "tensor<%sx%s>" % (dims(cin), element_type)
    t_w = "tensor<%sx%s>" % ("x".join(map(str, w)), element_type)
    t_out = "tensor<%sx%s>" % (dims(cout), element_type)
    args = ["%%input: %s" % t_in, "%%weight: %s" % t_w]
    operands, types = ["%input", "%weight"], [t_in, t_w]
    if has_bias:
        t_b = "tensor<%dx%s>" % (cout, element_type)
        args.append("%%bias: %s" % t_b)
        operands.append("%bias")
        types.append(t_b)
    arr = lambda v: "array<i64: %s>" % ", ".join(str(int(x)) for x in v)
    attrs = ("stride = %s, padding = %s, output_padding = %s, dilation = %s, "
             "groups = %d : i64" % (arr(layer.stride), arr(layer.padding),
                                    arr(layer.output_padding), arr(layer.dilation),
                                    layer.groups))
    return ("func.func @%s(%s) -> %s {\n"
            "  %%0 = tconv.torch_conv_transpose %s {%s} : (%s) -> %s\n"
            "  return %%0 : %s\n}\n" % (name, ", ".join(args), t_out,
                                        ", ".join(operands), attrs,
                                        ", ".join(types), t_out, t_out))


def _set_submodule(model, path, module):
    parent, _, leaf = path.rpartition(".")
    setattr(model.get_submodule(parent) if parent else model, leaf, module)


def swap_conv_transposes(model, example_input, target="host", verbose=True,
                         cache=None):
    """A copy of `model` with every nn.ConvTranspose1d/2d/3d that it calls on
    `example_input` (a tensor, or a tuple of the forward's arguments) replaced
    by a TconvConvTranspose, the paths of the layers swapped in its
    attribute `tconv_swapped` and the tconv.Module of their kernels in
    `tconv_module` (its set_num_threads sizes their thread pool). Layers that cannot be swapped (padding_mode
    other than 'zeros', a subclass overriding forward, an element type
    other than float16/bfloat16/float32/float64, never called) are left as
    they are, with the reason in `tconv_skipped`. With `verbose`, says on
    stderr how many layers were swapped. The kernels are compiled for
    `target` with tconv.compile (cached in `cache`, default
    tconv.cache_dir())."""
    if model is None or not isinstance(model, nn.Module):
        raise TypeError("swap_conv_transposes: model must be a torch.nn.Module, "
                        "not %s" % type(model).__name__)
    new = copy.deepcopy(model)
    inputs = example_input if isinstance(example_input, tuple) else (example_input,)
    layers = [(path, m) for path, m in new.named_modules() if _base_class(m)]
    seen = {}  # path -> (dtype, weight, bias) of the first call
    skipped = {}
    hooks = []
    for path, m in layers:
        why = _swappable(m)
        if why:
            skipped[path] = why
            continue

        def hook(module, args, _path=path):
            if _path not in seen and args and isinstance(args[0], torch.Tensor):
                seen[_path] = (args[0].dtype, module.weight.detach().clone(),
                               None if module.bias is None else module.bias.detach().clone())
        hooks.append(m.register_forward_pre_hook(hook))
    was_training = new.training
    new.eval()
    try:
        with torch.no_grad():
            new(*inputs)
    finally:
        for h in hooks:
            h.remove()
    new.train(was_training)

    used, funcs, chosen = set(), [], []
    for path, m in layers:
        if path in skipped:
            continue
        if path not in seen:
            skipped[path] = "not called on the example input"
            continue
        dtype, weight, bias = seen[path]
        element_type = _ELEMENT_TYPES.get(dtype)
        if element_type is None:
            skipped[path] = "input dtype %s" % dtype
            continue
        name = _symbol(path, used)
        funcs.append(_mlir_func(name, m, _CLASSES[_base_class(m)], element_type,
                                bias is not None))
        chosen.append((path, m, name, weight.to(dtype), None if bias is None
                       else bias.to(dtype)))
    if chosen:
        module = _compile.compile("\n".join(funcs), target=target, cache=cache)
        for path, m, name, weight, bias in chosen:
            _set_submodule(new, path, TconvConvTranspose(
                module.kernels[name], m, weight, bias, path))
    new.tconv_module = module if chosen else None
    new.tconv_swapped = [path for path, *_ in chosen]
    new.tconv_skipped = skipped
    if verbose:
        print("tconv: swapped %d of %d ConvTranspose layers%s" % (
            len(chosen), len(layers), "".join(
                "\n  left %s: %s" % (p, why) for p, why in skipped.items())),
            file=sys.stderr)
    return new
