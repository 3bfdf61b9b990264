#!/usr/bin/python3
"""Imports the transposed convolutions of a PyTorch model into tconv MLIR.

    tconv-import-torch MODEL.py --module EXPR --input-shape 1,80,32 -o OUT.mlir
        [--input-shape ...] [--input-dtype float32] [--element-type T] [--seed S]
        [--dynamic-batch] [--dynamic-length] [--skip-unsupported]
    tconv-import-torch --torchscript MODEL.pt --input-shape 1,80,32 -o OUT.mlir ...

Python file: executes MODEL.py, evaluates EXPR (e.g. 'Generator()') in its
namespace, puts the module in eval() mode, instruments every
nn.ConvTranspose{1,2,3}d instance (and nothing else), and runs the model once
under no_grad on torch.randn inputs of the given shapes (seeded). Each call of
an instrumented layer records its input shape and dtype, its output shape, and
the weight and bias it used (after any weight_norm pre-hook).

TorchScript file (--torchscript): torch.jit.load's the file; the calls of its
ConvTranspose{1,2,3}d submodules are recorded by running an instrumented copy
of the inlined forward graph (see trace_torchscript).

Writes, with STEM = OUT without its .mlir suffix:
  OUT.mlir                  one func.func per (layer, distinct traced input
                            type) holding one tconv.torch_conv_transpose with
                            every attribute explicit
  STEM.<func>.weight.bin    the weight, raw little-endian, dense, outermost
  STEM.<func>.bias.bin      dimension first; the bias when the layer has one
  STEM.weights.json         manifest (docs/importers.md)

Layers the op cannot express (padding_mode other than 'zeros', forward called
with output_size, unbatched input, an element type other than
float16/bfloat16/float32/float64, a subclass overriding forward) are listed and
make the import fail with exit status 1 and nothing written, unless
--skip-unsupported is given, which imports the others. Every error is one
"tconv-import-torch: error: ..." line (and possibly indented detail lines) on
stderr, never a traceback.
"""

import argparse
import json
import os
import re
import sys

PROG = "tconv-import-torch"


class UserError(Exception):
    """A user-facing error: printed as one message, exit status 1."""


def fail(msg):
    raise UserError(msg)


def warn(msg):
    print("%s: warning: %s" % (PROG, msg), file=sys.stderr)


# ---------------------------------------------------------------------------
# Element types
# ---------------------------------------------------------------------------

# torch dtype name -> (MLIR element type, numpy little-endian dtype of the
# raw files; bfloat16 is written as its 16 bits).
DTYPES = {
    "float16": ("f16", "<f2"),
    "bfloat16": ("bf16", "<u2"),
    "float32": ("f32", "<f4"),
    "float64": ("f64", "<f8"),
}


def dtype_name(dtype):
    return str(dtype).replace("torch.", "")


def tensor_bytes(torch, t):
    """Dense little-endian bytes of a float16/bfloat16/float32/float64 tensor."""
    t = t.detach().to("cpu").contiguous()
    name = dtype_name(t.dtype)
    if name == "bfloat16":
        return t.view(torch.int16).numpy().astype(DTYPES[name][1]).tobytes()
    return t.numpy().astype(DTYPES[name][1]).tobytes()


# ---------------------------------------------------------------------------
# Layer calls
# ---------------------------------------------------------------------------


class Call:
    """One call of a ConvTranspose layer, as observed while running the model."""

    def __init__(self, path, module_class, rank, attrs, input_shape, dtype,
                 output_shape, weight, bias, problem=None):
        self.path = path                  # module path, e.g. "ups.0"
        self.module_class = module_class  # e.g. "ConvTranspose1d"
        self.rank = rank                  # spatial dims of the class
        self.attrs = attrs                # stride, padding, output_padding, dilation, groups, padding_mode
        self.input_shape = list(input_shape)
        self.dtype = dtype                # torch dtype name
        self.output_shape = list(output_shape) if output_shape is not None else None
        self.weight = weight
        self.bias = bias
        self.problem = problem            # why the op cannot express it, or None
        self.prologue = []                # Stages before the layer (find_neighbours)
        self.epilogue = []                # Stages after it

    def fusion_key(self):
        """What a func fuses: calls that differ in it get different funcs."""
        return (tuple((s.kind, s.params) for s in self.prologue),
                tuple((s.kind, s.params) for s in self.epilogue))


def module_attrs(m):
    return {
        "stride": [int(v) for v in m.stride],
        "padding": [int(v) for v in m.padding],
        "output_padding": [int(v) for v in m.output_padding],
        "dilation": [int(v) for v in m.dilation],
        "groups": int(m.groups),
        "padding_mode": str(m.padding_mode),
    }


def static_problem(attrs):
    """What no call of a layer with these attributes can be imported as."""
    if attrs["padding_mode"] != "zeros":
        return ("padding_mode '%s' (tconv.torch_conv_transpose, like PyTorch's "
                "ConvTranspose, implements only 'zeros')" % attrs["padding_mode"])
    return None


def call_problem(rank, attrs, input_shape, dtype, output_size, output_shape,
                 weight_shape):
    """Why this call cannot be imported, or None."""
    problem = static_problem(attrs)
    if problem:
        return problem
    if output_size is not None:
        return ("forward called with output_size=%s: the output length then depends "
                "on the input length at run time, which the op's static "
                "output_padding cannot express" % (list(output_size),))
    if len(input_shape) == rank + 1:
        return ("unbatched input of shape %s: the op needs (N, C, spatial...); "
                "add a batch dimension" % (list(input_shape),))
    if len(input_shape) != rank + 2:
        return "input of rank %d for a %d-D layer" % (len(input_shape), rank)
    if any(v == 0 for v in input_shape):
        return "empty input of shape %s (the op needs sizes >= 1)" % (list(input_shape),)
    if dtype not in DTYPES:
        return ("element type %s (supported: %s)"
                % (dtype, ", ".join(sorted(DTYPES))))
    # What the op will derive; a difference means PyTorch did something the
    # attributes do not say (e.g. output_size passed in a way not seen here).
    if output_shape is not None:
        want = [input_shape[0], weight_shape[1] * attrs["groups"]]
        for i in range(rank):
            s, p, op, d = (attrs[k][i] for k in ("stride", "padding", "output_padding", "dilation"))
            want.append((input_shape[2 + i] - 1) * s - 2 * p + d * (weight_shape[2 + i] - 1) + op + 1)
        if list(output_shape) != want:
            why = ("torch 1.13 on CPU computes a bfloat16 ConvTranspose as a plain "
                   "convolution; trace in float32 and use --element-type bfloat16"
                   if dtype == "bfloat16" else "output_size passed in a way not seen?")
            return ("PyTorch returned output shape %s, not %s as the attributes give (%s)"
                    % (list(output_shape), want, why))
    return None


# ---------------------------------------------------------------------------
# Python models
# ---------------------------------------------------------------------------


def conv_transpose_classes(torch):
    nn = torch.nn
    return {nn.ConvTranspose1d: 1, nn.ConvTranspose2d: 2, nn.ConvTranspose3d: 3}


def load_python_model(torch, path, expr):
    if not os.path.isfile(path):
        fail("model file '%s' does not exist" % path)
    try:
        with open(path) as f:
            source = f.read()
    except OSError as e:
        fail("cannot read model file '%s': %s" % (path, e.strerror))
    # Not "__main__": the file's own `if __name__ == "__main__":` block (a
    # training or demo script) must not run.
    namespace = {"__name__": "__tconv_import__", "__file__": os.path.abspath(path)}
    sys.path.insert(0, os.path.dirname(os.path.abspath(path)))
    try:
        code = compile(source, path, "exec")
        exec(code, namespace)
    except SyntaxError as e:
        fail("'%s' line %s: syntax error: %s" % (path, e.lineno, e.msg))
    except BaseException as e:
        fail("executing '%s' failed: %s" % (path, describe_exception(e)))
    try:
        model = eval(expr, namespace)
    except SyntaxError as e:
        fail("--module '%s' is not a Python expression: %s" % (expr, e.msg))
    except BaseException as e:
        fail("evaluating --module '%s' in '%s' failed: %s" % (expr, path, describe_exception(e)))
    if not isinstance(model, torch.nn.Module):
        fail("--module '%s' evaluated to an object of type %s, not a torch.nn.Module"
             % (expr, type(model).__name__))
    return model


def describe_exception(e):
    text = str(e).strip().splitlines()
    return "%s: %s" % (type(e).__name__, text[0] if text else "")


def trace_python(torch, model, recorder=None):
    """Instruments every ConvTranspose instance of the model (and reports
    each call to `recorder`, a DataflowRecorder, when given); returns
    (calls, layers, static): the list the instrumented layers append each call
    to (in execution order) once run_model has run, every such instance found
    in the module tree (path, class name), and (path, class, problem) per
    instance for what its attributes alone rule out."""
    classes = conv_transpose_classes(torch)
    layers = []
    calls = []
    static = []  # (path, class, problem of the attributes or None)
    for path, m in model.named_modules():
        rank = next((r for c, r in classes.items() if isinstance(m, c)), None)
        if rank is None:
            continue
        cls = type(m)
        layers.append((path, cls.__name__))
        base = next(c for c in classes if isinstance(m, c))
        # The layer is instrumented by an instance-level forward: unlike a
        # forward hook (torch 1.13 hooks see positional arguments only), it
        # sees output_size however it is passed; it runs after the forward
        # pre-hooks, so a weight_norm'd weight is the one actually used.
        original = m.forward
        overridden = cls.forward is not base.forward

        def record(*args, _m=m, _path=path or "<root>", _rank=rank, _orig=original,
                   _overridden=overridden, **kwargs):
            out = _orig(*args, **kwargs)
            x = args[0] if args else kwargs.get("input")
            output_size = args[1] if len(args) > 1 else kwargs.get("output_size")
            attrs = module_attrs(_m)
            shape = list(x.shape) if isinstance(x, torch.Tensor) else []
            dtype = dtype_name(x.dtype) if isinstance(x, torch.Tensor) else type(x).__name__
            out_shape = list(out.shape) if isinstance(out, torch.Tensor) else None
            weight = _m.weight.detach().clone()
            bias = _m.bias.detach().clone() if _m.bias is not None else None
            if _overridden:
                problem = ("%s overrides forward, so what it computes is not known "
                           "to be a plain transposed convolution" % type(_m).__name__)
            else:
                problem = call_problem(_rank, attrs, shape, dtype, output_size,
                                       out_shape, list(weight.shape))
            call = Call(_path, type(_m).__name__, _rank, attrs, shape, dtype,
                        out_shape, weight, bias, problem)
            calls.append(call)
            if recorder and isinstance(x, torch.Tensor) and isinstance(out, torch.Tensor):
                recorder.layer_call(call, x, out)
            return out

        def forward(*args, _record=record, **kwargs):
            # The recorder records the call as one op, not what it runs
            # (nor this function's own reads of the weight).
            if recorder:
                recorder.in_layer += 1
            try:
                return _record(*args, **kwargs)
            finally:
                if recorder:
                    recorder.in_layer -= 1

        m.forward = forward
        static.append((path or "<root>", cls.__name__, static_problem(module_attrs(m))))
    if not layers:
        fail("no nn.ConvTranspose1d/2d/3d in the model (%s)" % type(model).__name__)
    return calls, layers, static


def run_model(torch, model, inputs, recorder=None):
    """Runs the model once; with a recorder, under its TorchFunctionMode, and
    then finds each layer call's elementwise neighbours."""
    model.eval()
    try:
        with torch.no_grad():
            if recorder:
                with recorder.mode():
                    out = model(*inputs)
            else:
                model(*inputs)
    except BaseException as e:
        fail("running the model on inputs %s failed: %s" % (
            ", ".join("%s %s" % (list(x.shape), dtype_name(x.dtype)) for x in inputs),
            describe_exception(e)))
    if recorder:
        find_neighbours(torch, recorder, flat_tensors(torch, out))


# ---------------------------------------------------------------------------
# Fusion: the elementwise neighbours of each layer call (docs/importers.md)
# ---------------------------------------------------------------------------

# Functions that read only a tensor's metadata: not a use of its values.
METADATA_FUNCS = {"size", "dim", "numel", "__len__", "is_floating_point",
                  "is_contiguous", "stride", "element_size", "nelement"}
METADATA_ATTRS = {"_version", "shape", "dtype", "device", "ndim", "is_cuda", "layout",
                  "requires_grad", "is_leaf", "grad_fn", "names"}


def flat_tensors(torch, value):
    """The tensors inside nested lists, tuples and dicts, in order."""
    if isinstance(value, torch.Tensor):
        return [value]
    if isinstance(value, (list, tuple)):
        return [t for v in value for t in flat_tensors(torch, v)]
    if isinstance(value, dict):
        return [t for v in value.values() for t in flat_tensors(torch, v)]
    return []


def value_key(t):
    """A tensor value: the object and its version, so that an in-place op
    (F.leaky_relu(x, inplace=True)) makes a new value of the same object.
    Every recorded tensor is kept alive, so ids are never reused."""
    try:
        return (id(t), t._version)
    except RuntimeError:  # an inference-mode tensor has no version counter
        return (id(t), 0)


class Op:
    """One torch function called by the model (outside the ConvTranspose
    layers), or one call of an instrumented layer (`call` set)."""

    def __init__(self, name, args, kwargs, inputs, outputs, call=None):
        self.name = name
        self.args = args
        self.kwargs = kwargs
        self.inputs = inputs    # keys of the tensor arguments, in order
        self.outputs = outputs  # keys of the tensor results
        self.call = call


class DataflowRecorder:
    """Records the model's run as a list of Ops over tensor values, through a
    TorchFunctionMode: every torch function, Tensor method and operator the
    model's Python code calls, each once (the mode is off while the function
    runs, so F.gelu's own internals are not recorded). Inside an
    instrumented ConvTranspose only the layer call itself is recorded."""

    def __init__(self, torch):
        self.torch = torch
        self.ops = []
        self.alive = []
        self.in_layer = 0
        recorder = self

        class Mode(torch.overrides.TorchFunctionMode):
            def __torch_function__(self, func, types, args=(), kwargs=None):
                kwargs = kwargs or {}
                if recorder.in_layer:
                    return func(*args, **kwargs)
                name = getattr(func, "__name__", "")
                if name == "__get__":
                    name = "." + getattr(getattr(func, "__self__", None), "__name__", "?")
                ins = flat_tensors(torch, (args, kwargs))
                in_keys = [value_key(t) for t in ins]
                out = func(*args, **kwargs)
                if name in METADATA_FUNCS or name[1:] in METADATA_ATTRS:
                    return out
                outs = flat_tensors(torch, out)
                recorder.alive.extend(ins + outs)
                recorder.ops.append(Op(name, args, kwargs, in_keys,
                                       [value_key(t) for t in outs]))
                return out

        self.mode = Mode

    def layer_call(self, call, x, out):
        self.alive.extend([x, out])
        self.ops.append(Op("<layer>", (), {}, [value_key(x)], [value_key(out)], call))


class Stage:
    """One elementwise step of a prologue or epilogue: `kind` with its scalar
    parameters; `other` is the residual operand's key for kind 'residual'."""

    def __init__(self, kind, params=(), other=None, other_tensor=None):
        self.kind = kind
        self.params = tuple(params)
        self.other = other
        self.other_tensor = other_tensor

    def describe(self):
        names = {"leaky_relu": ("negative_slope",), "elu": ("alpha",),
                 "gelu": ("approximate",)}
        if self.kind in names:
            return "%s(%s)" % (self.kind, ", ".join(
                "%s=%r" % kv for kv in zip(names[self.kind], self.params)))
        if self.params:
            return "%s %r" % (self.kind, self.params[0])
        return self.kind

    def manifest(self):
        entry = {"op": self.kind}
        keys = {"leaky_relu": ["negative_slope"], "elu": ["alpha"],
                "gelu": ["approximate"], "residual": []}
        for k, v in zip(keys.get(self.kind, ["scalar"]), self.params):
            entry[k] = v
        return entry


def bind(args, kwargs, names, defaults):
    """The arguments of a call, by parameter name (None if they do not fit)."""
    if len(args) > len(names):
        return None
    bound = dict(defaults)
    bound.update(zip(names, args))
    for k, v in kwargs.items():
        if k not in names:
            return None
        bound[k] = v
    return bound if all(n in bound for n in names) else None


def is_scalar(v):
    return isinstance(v, (int, float)) and not isinstance(v, bool) and \
        v == v and abs(v) != float("inf")


def classify(torch, op, data, epilogue):
    """The Stage `op` computes from the value `data`, or None when it is not
    an elementwise op tconv can fuse with that value as its data."""
    if not op.outputs or len(op.outputs) != 1 or op.call is not None:
        return None
    name = op.name[:-1] if op.name.endswith("_") and not op.name.startswith("_") else op.name
    unary = {
        "leaky_relu": (["input", "negative_slope", "inplace"], {"negative_slope": 0.01, "inplace": False}),
        "relu": (["input", "inplace"], {"inplace": False}),
        "elu": (["input", "alpha", "inplace"], {"alpha": 1.0, "inplace": False}),
        "gelu": (["input", "approximate"], {"approximate": "none"}),
        "silu": (["input", "inplace"], {"inplace": False}),
        "tanh": (["input"], {}), "sigmoid": (["input"], {}), "neg": (["input"], {}),
    }
    if name in unary:
        names, defaults = unary[name]
        b = bind(op.args, op.kwargs, names, defaults)
        if b is None or not isinstance(b["input"], torch.Tensor) or \
                value_key_of(op, 0) != data or len(op.inputs) != 1:
            return None
        if name == "leaky_relu":
            return Stage(name, [float(b["negative_slope"])]) if is_scalar(b["negative_slope"]) else None
        if name == "elu":
            return Stage(name, [float(b["alpha"])]) if is_scalar(b["alpha"]) else None
        if name == "gelu":
            return Stage(name, [b["approximate"]]) if b["approximate"] in ("none", "tanh") else None
        return Stage(name)
    binary = {"add": "add", "__add__": "add", "__radd__": "add", "mul": "mul",
              "__mul__": "mul", "__rmul__": "mul", "sub": "sub", "__sub__": "sub",
              "div": "div", "__truediv__": "div", "true_divide": "div",
              "__rsub__": "rsub", "__rdiv__": "rdiv", "__rtruediv__": "rdiv"}
    if name not in binary or len(op.args) != 2 or \
            any(k != "alpha" or op.kwargs[k] != 1 for k in op.kwargs):
        return None
    kind = binary[name]
    a, b = op.args
    if not isinstance(a, torch.Tensor) or value_key_of(op, 0) != data:
        # torch.add(2, x) and the like: the data is not the first argument.
        if kind in ("add", "mul") and isinstance(b, torch.Tensor) and \
                is_scalar(a) and op.inputs == [data]:
            return Stage(kind, [float(a)])
        if kind == "add" and epilogue and isinstance(a, torch.Tensor) and \
                isinstance(b, torch.Tensor) and op.inputs[1] == data:
            return residual_stage(a, op.inputs[0], b, data)
        return None
    if is_scalar(b):
        return Stage(kind, [float(b)])
    if kind == "add" and epilogue and isinstance(b, torch.Tensor) and len(op.inputs) == 2:
        return residual_stage(b, op.inputs[1], a, data)
    return None


def value_key_of(op, i):
    return op.inputs[i] if i < len(op.inputs) else None


def residual_stage(other, other_key, data_tensor, data):
    """x + r with r a tensor of x's own shape and type (no broadcasting), not
    x itself."""
    if other_key == data or other.shape != data_tensor.shape or \
            other.dtype != data_tensor.dtype:
        return None
    return Stage("residual", other=other_key, other_tensor=other)


def find_neighbours(torch, recorder, model_outputs):
    """Sets call.prologue, call.epilogue (lists of Stage) and
    call.kernel_input (the tensor before the prologue) of every recorded
    layer call. An op is taken only when every intermediate value it
    touches is used by the chain alone. Prologues are found first: an op
    between two layers goes to the next layer's prologue (conv ->
    leaky_relu -> conv), except the first of several, which stays after the
    layer it follows (conv -> tanh -> leaky_relu -> conv)."""
    ops = recorder.ops
    producer = {}
    users = {}
    for i, op in enumerate(ops):
        for k in op.inputs:
            users.setdefault(k, []).append(i)
        for k in op.outputs:
            producer[k] = i
    outputs = {value_key(t) for t in model_outputs}
    claimed = set()
    layers = [(i, op) for i, op in enumerate(ops) if op.call is not None]

    def only_user(key, user):
        return key not in outputs and users.get(key, []) == [user]

    for i, op in layers:
        stages = []
        value, user = op.inputs[0], i
        while only_user(value, user) and value in producer and producer[value] not in claimed:
            p = producer[value]
            data = ops[p].inputs[0] if ops[p].inputs else None
            # Between two layers (conv -> tanh -> leaky_relu -> conv) the op
            # right after the first layer is its epilogue's, unless it is
            # the only one (conv -> leaky_relu -> conv).
            if stages and data in producer and ops[producer[data]].call is not None:
                break
            # The data is the one tensor input; anything else is a scalar.
            stage = classify(torch, ops[p], data, epilogue=False) \
                if len(ops[p].inputs) == 1 else None
            if stage is None:
                break
            stages.insert(0, stage)
            claimed.add(p)
            value, user = data, p
        op.call.prologue = stages
        op.call.prologue_input_key = value
    for i, op in layers:
        stages = []
        value = op.outputs[0]
        while value not in outputs and len(users.get(value, [])) == 1:
            u = users[value][0]
            if u in claimed or ops[u].call is not None:
                break
            stage = classify(torch, ops[u], value, epilogue=True)
            if stage is None:
                break
            stages.append(stage)
            claimed.add(u)
            value = ops[u].outputs[0]
        op.call.epilogue = stages


# ---------------------------------------------------------------------------
# TorchScript models
# ---------------------------------------------------------------------------


def load_torchscript(torch, path):
    if not os.path.isfile(path):
        fail("TorchScript file '%s' does not exist" % path)
    try:
        model = torch.jit.load(path, map_location="cpu")
    except BaseException as e:
        fail("'%s' is not a TorchScript file torch.jit.load can read: %s"
             % (path, describe_exception(e)))
    return model


def trace_torchscript(torch, model, inputs):
    """Hooks do not fire for ScriptModules (torch 1.13), so the calls are
    observed on the graph instead: forward is inlined, every
    aten::conv_transpose{1,2,3}d whose weight is a GetAttr chain ending in a
    ConvTranspose submodule gets its input and output added to the graph's
    outputs, and the instrumented graph runs once on the inputs. A call whose
    output_padding argument is not a constant after constant propagation was
    made with output_size."""
    names = {"ConvTranspose1d": 1, "ConvTranspose2d": 2, "ConvTranspose3d": 3}
    modules = {}
    layers = []
    for path, m in model.named_modules():
        name = getattr(m, "original_name", "")
        if name in names:
            modules[path] = (m, name)
            layers.append((path, name))
    if not layers:
        fail("no ConvTranspose1d/2d/3d submodule in the TorchScript model")
    static = []
    for path, (m, name) in modules.items():
        static.append((path or "<root>", name, static_problem(script_attrs(m))))
    if any(p for _, _, p in static):
        return [], layers, static

    graph = model.forward.graph.copy()
    torch._C._jit_pass_inline(graph)
    # Folds ConvTranspose's _output_padding(input, output_size=None, ...) to
    # the module's constant; with an output_size it stays computed.
    torch._C._jit_pass_constant_propagation(graph)
    found = []  # (node, path)

    def attr_path(value):
        parts = []
        node = value.node()
        while node.kind() == "prim::GetAttr":
            parts.append(node.s("name"))
            value = node.input()
            node = value.node()
        if node.kind() != "prim::Param":
            return None
        return ".".join(reversed(parts))

    def visit(block):
        for node in block.nodes():
            for b in node.blocks():
                visit(b)
            if node.kind() in ("aten::conv_transpose1d", "aten::conv_transpose2d",
                               "aten::conv_transpose3d"):
                wpath = attr_path(list(node.inputs())[1])
                if wpath is None or not wpath.endswith("weight"):
                    continue
                mpath = wpath[:-len("weight")].rstrip(".")
                if mpath in modules:
                    found.append((node, mpath))

    visit(graph.block())
    top = [(n, p) for n, p in found if n.owningBlock() == graph.block()]
    if len(top) != len(found):
        fail("a ConvTranspose call of the TorchScript model sits inside control flow "
             "(if/loop); its input shape cannot be observed; import the Python model "
             "instead")
    if not found:
        fail("the TorchScript forward calls none of its ConvTranspose submodules "
             "through aten::conv_transpose{1,2,3}d")
    original_outputs = list(graph.outputs())
    for node, _ in found:
        graph.registerOutput(list(node.inputs())[0])
        graph.registerOutput(node.output())
    graph.makeMultiOutputIntoTuple()  # a function returns one value
    try:
        fn = torch._C._create_function_from_graph("tconv_import_trace", graph)
        with torch.no_grad():
            results = fn(model._c, *inputs)
    except BaseException as e:
        fail("running the TorchScript model on inputs %s failed: %s" % (
            ", ".join("%s %s" % (list(x.shape), dtype_name(x.dtype)) for x in inputs),
            describe_exception(e)))
    if not isinstance(results, tuple):
        results = (results,)
    extra = results[len(original_outputs):]
    calls = []
    for i, (node, path) in enumerate(found):
        x, out = extra[2 * i], extra[2 * i + 1]
        m, cname = modules[path]
        rank = names[cname]
        attrs = script_attrs(m)
        weight = m.weight.detach().clone()
        bias = m.bias.detach().clone() if m.bias is not None else None
        output_size = None
        if list(node.inputs())[5].node().kind() != "prim::Constant":
            output_size = list(out.shape[2:])  # what it asked for
        dtype = dtype_name(x.dtype)
        problem = call_problem(rank, attrs, list(x.shape), dtype, output_size,
                               list(out.shape), list(weight.shape))
        calls.append(Call(path or "<root>", cname, rank, attrs, list(x.shape), dtype,
                          list(out.shape), weight, bias, problem))
    return calls, layers, static


def script_attrs(m):
    if not hasattr(m, "stride"):
        # torch.jit.trace keeps the submodule (original_name) but not its
        # constants; the values would have to be read back from the graph.
        fail("the TorchScript ConvTranspose submodules carry no attributes "
             "(stride, padding, ...): the file was made by torch.jit.trace, "
             "which tconv-import-torch does not read; save it with "
             "torch.jit.script, or import the Python model")
    return module_attrs(m)


# ---------------------------------------------------------------------------
# Funcs
# ---------------------------------------------------------------------------

C_KEYWORDS = set("""auto break case char const continue default do double else enum
extern float for goto if inline int long register restrict return short signed
sizeof static struct switch typedef union unsigned void volatile while _Bool
_Complex _Imaginary main""".split())


def sanitize(path):
    """Module path -> C identifier (the func name becomes the kernel's symbol)."""
    name = re.sub(r"[^A-Za-z0-9_]", "_", path) if path != "<root>" else "root"
    if not name or name[0].isdigit():
        name = "layer_" + name
    if name in C_KEYWORDS or name.startswith("halide_"):
        name = name + "_"
    return name


class Func:
    def __init__(self, name, call, input_type, result_type):
        self.name = name
        self.call = call
        self.input_type = input_type    # shape with None for dynamic dims
        self.result_type = result_type
        self.calls = 1


def dims(shape):
    return "x".join("?" if s is None else str(s) for s in shape)


def make_funcs(calls, dynamic_batch, dynamic_length):
    """One func per (layer, distinct input type after the dynamic options)."""
    funcs = []
    used = set()
    by_key = {}
    per_layer = {}
    for c in calls:
        def dyn(shape):
            s = list(shape)
            if dynamic_batch:
                s[0] = None
            if dynamic_length:
                s[2:] = [None] * (len(s) - 2)
            return s
        key = (c.path, tuple(dyn(c.input_shape)), c.dtype, c.fusion_key())
        if key in by_key:
            by_key[key].calls += 1
            continue
        base = sanitize(c.path)
        n = per_layer.get(c.path, 0)
        per_layer[c.path] = n + 1
        name = base if n == 0 else "%s_%d" % (base, n)
        k = 1
        while name in used:
            name = "%s_%d" % (base, n + k)
            k += 1
        used.add(name)
        f = Func(name, c, dyn(c.input_shape), dyn(c.output_shape))
        by_key[key] = f
        funcs.append(f)
    return funcs


def arr(values):
    return "array<i64: %s>" % ", ".join(str(v) for v in values)


def mlir_float(v):
    """A Python float as an MLIR float literal that parses back to the same
    double (MLIR wants a '.' in the mantissa: 1e-05 -> 1.0e-05)."""
    text = repr(float(v))
    mantissa, _, exponent = text.partition("e")
    if "." not in mantissa:
        mantissa += ".0"
    return mantissa + ("e" + exponent if exponent else "")


# sqrt(2/pi) and 1/sqrt(2) as PyTorch's GeluKernel.cpp computes them
# (M_SQRT2 * M_2_SQRTPI * 0.5, M_SQRT1_2), in double.
GELU_TANH_BETA = 0.7978845608028654
GELU_TANH_KAPPA = 0.044715
SQRT1_2 = 0.7071067811865476


class StageEmitter:
    """Writes the elementwise ops of one stage on tensors of `ttype`, each as
    PyTorch defines it (ATen's CPU kernels), with the forms tconv-compile
    fuses (docs/fusion.md): scalars are splats, dense<> for static shapes,
    tensor.splat sized by tensor.dim of `base` for dynamic ones."""

    def __init__(self, lines, prefix, shape, et, base):
        self.lines = lines
        self.prefix = prefix
        self.shape = shape
        self.et = et
        self.base = base
        self.ttype = "tensor<%sx%s>" % (dims(shape), et)
        self.btype = "tensor<%sxi1>" % dims(shape)
        self.n = 0
        self.splats = {}
        self.dim_values = None

    def fresh(self):
        self.n += 1
        return "%%%s%d" % (self.prefix, self.n - 1)

    def emit(self, text):
        self.lines.append("  " + text)

    def splat(self, value):
        value = float(value)
        if value in self.splats:
            return self.splats[value]
        if None not in self.shape:
            name = self.fresh()
            self.emit("%s = arith.constant dense<%s> : %s" % (name, mlir_float(value), self.ttype))
        else:
            if self.dim_values is None:
                self.dim_values = []
                for i, s in enumerate(self.shape):
                    if s is None:
                        idx, d = self.fresh(), self.fresh()
                        self.emit("%s = arith.constant %d : index" % (idx, i))
                        self.emit("%s = tensor.dim %s, %s : %s" % (d, self.base, idx, self.ttype))
                        self.dim_values.append(d)
            scalar, name = self.fresh(), self.fresh()
            self.emit("%s = arith.constant %s : %s" % (scalar, mlir_float(value), self.et))
            self.emit("%s = tensor.splat %s[%s] : %s" % (
                name, scalar, ", ".join(self.dim_values), self.ttype))
        self.splats[value] = name
        return name

    def op(self, opname, *operands):
        name = self.fresh()
        self.emit("%s = %s %s : %s" % (name, opname, ", ".join(operands), self.ttype))
        return name

    def cmp_gt_zero(self, x):
        zero = self.splat(0.0)
        name = self.fresh()
        self.emit("%s = arith.cmpf ogt, %s, %s : %s" % (name, x, zero, self.ttype))
        return name

    def select(self, cond, a, b):
        name = self.fresh()
        self.emit("%s = arith.select %s, %s, %s : %s, %s" % (
            name, cond, a, b, self.btype, self.ttype))
        return name

    def stage(self, s, x, extra):
        """Emits Stage `s` on value x; `extra` is the func argument of a
        residual. Returns the result's SSA name."""
        k = s.kind
        if k == "leaky_relu":   # x > 0 ? x : x * slope
            return self.select(self.cmp_gt_zero(x), x, self.op("arith.mulf", x, self.splat(s.params[0])))
        if k == "relu":         # max(x, 0), NaN stays NaN
            return self.op("arith.maximumf", x, self.splat(0.0))
        if k == "elu":          # x > 0 ? x : alpha * (exp(x) - 1)
            neg = self.op("arith.mulf", self.op("math.expm1", x), self.splat(s.params[0]))
            return self.select(self.cmp_gt_zero(x), x, neg)
        if k == "gelu" and s.params[0] == "none":  # x * 0.5 * (1 + erf(x / sqrt(2)))
            e = self.op("math.erf", self.op("arith.mulf", x, self.splat(SQRT1_2)))
            return self.op("arith.mulf", self.op("arith.mulf", x, self.splat(0.5)),
                           self.op("arith.addf", e, self.splat(1.0)))
        if k == "gelu":         # 0.5 * x * (1 + tanh(beta * (x + kappa * x^3)))
            cube = self.op("arith.mulf", self.op("arith.mulf", x, x), x)
            inner = self.op("arith.addf", x, self.op("arith.mulf", cube, self.splat(GELU_TANH_KAPPA)))
            t = self.op("math.tanh", self.op("arith.mulf", inner, self.splat(GELU_TANH_BETA)))
            return self.op("arith.mulf", self.op("arith.mulf", x, self.splat(0.5)),
                           self.op("arith.addf", t, self.splat(1.0)))
        if k == "tanh":
            return self.op("math.tanh", x)
        if k in ("sigmoid", "silu"):  # 1 / (1 + exp(-x)), x / (1 + exp(-x))
            d = self.op("arith.addf", self.op("math.exp", self.op("arith.negf", x)), self.splat(1.0))
            return self.op("arith.divf", self.splat(1.0) if k == "sigmoid" else x, d)
        if k == "neg":
            return self.op("arith.negf", x)
        if k == "residual":
            return self.op("arith.addf", x, extra)
        c = self.splat(s.params[0])
        return {"add": lambda: self.op("arith.addf", x, c),
                "mul": lambda: self.op("arith.mulf", x, c),
                "sub": lambda: self.op("arith.subf", x, c),
                "rsub": lambda: self.op("arith.subf", c, x),
                "div": lambda: self.op("arith.divf", x, c),
                "rdiv": lambda: self.op("arith.divf", c, x)}[k]()


def mlir_func(f):
    """The func of `f`: the prologue's ops on %input, the layer, the
    epilogue's ops on its result (docs/importers.md). Without stages, the
    layer alone (the output of --no-fuse)."""
    c = f.call
    et = DTYPES[c.dtype][0]
    t_in = "tensor<%sx%s>" % (dims(f.input_type), et)
    t_w = "tensor<%sx%s>" % (dims(c.weight.shape), et)
    t_out = "tensor<%sx%s>" % (dims(f.result_type), et)
    args = ["%%input: %s" % t_in, "%%weight: %s" % t_w]
    operands = ["%input", "%weight"]
    types = [t_in, t_w]
    if c.bias is not None:
        t_b = "tensor<%dx%s>" % (c.bias.shape[0], et)
        args.append("%%bias: %s" % t_b)
        operands.append("%bias")
        types.append(t_b)
    # Extra operands: one run-time input per residual, after the bias.
    extras = {}
    for s in c.epilogue:
        if s.kind == "residual":
            extras[s] = "%%residual%d" % len(extras)
            args.append("%s: %s" % (extras[s], t_out))
    a = c.attrs
    attrs = ("stride = %s, padding = %s, output_padding = %s, dilation = %s, "
             "groups = %d : i64, padding_mode = \"%s\"" % (
                 arr(a["stride"]), arr(a["padding"]), arr(a["output_padding"]),
                 arr(a["dilation"]), a["groups"], a["padding_mode"]))
    traced = "%s %s" % (dims(c.input_shape), c.traced_dtype)
    lines = []
    pro = StageEmitter(lines, "p", f.input_type, et, "%input")
    x = "%input"
    for s in c.prologue:
        x = pro.stage(s, x, None)
    operands[0] = x
    lines.append("  %%0 = tconv.torch_conv_transpose %s {%s}\n"
                 "      : (%s) -> %s" % (", ".join(operands), attrs, ", ".join(types), t_out))
    epi = StageEmitter(lines, "e", f.result_type, et, "%0")
    y = "%0"
    for s in c.epilogue:
        y = epi.stage(s, y, extras.get(s))
    fused = ""
    if c.prologue or c.epilogue:
        fused = "// fused: %s -> %s -> %s\n" % (
            ", ".join(s.describe() for s in c.prologue) or "(input)", c.module_class,
            ", ".join(s.describe() for s in c.epilogue) or "(output)")
    return ("// %s: %s, traced input %s -> %s%s\n%s"
            "func.func @%s(%s) -> %s {\n"
            "%s\n"
            "  return %s : %s\n"
            "}\n" % (c.path, c.module_class, traced, dims(c.output_shape),
                     "" if f.calls == 1 else " (%d calls)" % f.calls, fused,
                     f.name, ", ".join(args), t_out, "\n".join(lines), y, t_out))


# ---------------------------------------------------------------------------
# Output
# ---------------------------------------------------------------------------


def write_outputs(torch, args, funcs, skipped, source_desc):
    out = args.output
    stem = out[:-len(".mlir")] if out.endswith(".mlir") else out
    outdir = os.path.dirname(os.path.abspath(out))
    try:
        os.makedirs(outdir, exist_ok=True)
    except OSError as e:
        fail("cannot create the output directory '%s': %s" % (outdir, e.strerror))
    weights = []
    func_entries = []
    files = {}
    for f in funcs:
        c = f.call
        et = DTYPES[c.dtype][0]
        for operand, t in (("weight", c.weight), ("bias", c.bias)):
            if t is None:
                continue
            if dtype_name(t.dtype) != c.dtype:
                t = t.to(getattr(torch, c.dtype))
            path = "%s.%s.%s.bin" % (stem, f.name, operand)
            files[path] = tensor_bytes(torch, t)
            weights.append({"func": f.name, "operand": operand,
                            "file": os.path.basename(path), "dtype": et,
                            "shape": list(t.shape), "module_path": c.path})
        func_entries.append({
            "func": f.name, "module_path": c.path, "class": c.module_class,
            "dtype": et,
            "input_shape": f.input_type, "output_shape": f.result_type,
            "traced_input_shape": c.input_shape, "traced_output_shape": c.output_shape,
            "traced_dtype": DTYPES[c.traced_dtype][0],
            "calls": f.calls, "bias": c.bias is not None,
            "attributes": c.attrs})
        if not args.no_fuse:
            func_entries[-1].update({
                "prologue": [s.manifest() for s in c.prologue],
                "epilogue": [s.manifest() for s in c.epilogue],
                "extra_operands": [
                    {"argument": 3 + (c.bias is not None) + i, "name": "residual%d" % i,
                     "kind": "input", "shape": f.result_type, "dtype": et,
                     "traced_shape": list(s.other_tensor.shape)}
                    for i, s in enumerate(x for x in c.epilogue if x.kind == "residual")]})
    manifest = {
        "generator": PROG, "source": source_desc,
        "mlir": os.path.basename(out),
        "funcs": func_entries, "weights": weights,
        "skipped": [{"module_path": c.path, "class": c.module_class,
                     "input_shape": c.input_shape, "dtype": c.dtype,
                     "reason": c.problem} for c in skipped],
    }
    header = ("// Generated by %s from %s.\n"
              "// Weights: %s (manifest %s).\n\n" % (
                  PROG, source_desc, os.path.basename(stem) + ".<func>.{weight,bias}.bin",
                  os.path.basename(stem) + ".weights.json"))
    text = header + "\n".join(mlir_func(f) for f in funcs)
    try:
        for path, data in files.items():
            with open(path, "wb") as fh:
                fh.write(data)
        with open(stem + ".weights.json", "w") as fh:
            json.dump(manifest, fh, indent=2)
            fh.write("\n")
        with open(out, "w") as fh:
            fh.write(text)
    except OSError as e:
        fail("cannot write '%s': %s" % (e.filename, e.strerror))


# ---------------------------------------------------------------------------


def parse_shape(text):
    try:
        shape = [int(v) for v in text.split(",")]
    except ValueError:
        fail("--input-shape '%s' is not a comma-separated list of sizes" % text)
    if not shape or any(v < 0 for v in shape):
        fail("--input-shape '%s' must have non-negative sizes" % text)
    return shape


def main(argv):
    parser = argparse.ArgumentParser(
        prog=PROG, description=__doc__.split("\n\n")[0],
        epilog="See docs/importers.md.")
    parser.add_argument("model", nargs="?", help="Python file defining the model")
    parser.add_argument("--module", help="expression evaluated in MODEL's namespace "
                        "that yields the nn.Module, e.g. 'Generator()'")
    parser.add_argument("--torchscript", metavar="FILE.pt",
                        help="a TorchScript file instead of MODEL and --module")
    parser.add_argument("--input-shape", action="append", required=True,
                        metavar="N,C,...", help="shape of the example input; "
                        "repeat for a forward with several tensor inputs")
    parser.add_argument("--input-dtype", default="float32", choices=sorted(DTYPES))
    parser.add_argument("--element-type", choices=sorted(DTYPES),
                        help="element type of the funcs and weight files, when it "
                        "is not the traced one (the weights are rounded to it)")
    parser.add_argument("--seed", type=int, default=0,
                        help="seed of the torch.randn example inputs")
    parser.add_argument("-o", "--output", required=True, metavar="OUT.mlir")
    parser.add_argument("--dynamic-batch", action="store_true",
                        help="make N dynamic ('?') in every func")
    parser.add_argument("--dynamic-length", action="store_true",
                        help="make every spatial size dynamic ('?')")
    parser.add_argument("--skip-unsupported", action="store_true",
                        help="import the supported layers, warn about the others")
    parser.add_argument("--no-fuse", action="store_true",
                        help="import each layer alone, without the elementwise ops "
                        "around it (a leaky_relu before it, a tanh after it, ...)")
    args = parser.parse_args(argv)
    if args.torchscript and (args.model or args.module):
        fail("give either MODEL.py with --module, or --torchscript, not both")
    if not args.torchscript and not args.model:
        fail("no model: give MODEL.py with --module, or --torchscript FILE.pt")
    if args.model and not args.module:
        fail("--module is required with a Python model file (e.g. --module 'Generator()')")
    shapes = [parse_shape(s) for s in args.input_shape]

    try:
        import torch
    except BaseException as e:
        fail("cannot import torch with %s: %s" % (sys.executable, describe_exception(e)))
    torch.set_num_threads(max(1, min(4, os.cpu_count() or 1)))
    g = torch.Generator().manual_seed(args.seed)
    dtype = getattr(torch, args.input_dtype)
    inputs = [torch.randn(s, generator=g, dtype=torch.float32).to(dtype) for s in shapes]

    if args.torchscript:
        model = load_torchscript(torch, args.torchscript)
        model.eval()
        calls, layers, static = trace_torchscript(torch, model, inputs)
        source = "TorchScript '%s'" % args.torchscript
    else:
        model = load_python_model(torch, args.model, args.module)
        recorder = None if args.no_fuse else DataflowRecorder(torch)
        calls, layers, static = trace_python(torch, model, recorder)
        source = "'%s', module '%s'" % (args.model, args.module)
    source += ", input %s %s, seed %d" % (
        " ".join(dims(s) for s in shapes), args.input_dtype, args.seed)
    if args.element_type:
        source += ", emitted as %s" % args.element_type

    # Layers no call of which can be imported: report before running (PyTorch
    # itself raises in forward for padding_mode != 'zeros').
    bad_static = [(p, c, why) for p, c, why in static if why]
    if bad_static and not args.skip_unsupported:
        fail("unsupported layers (use --skip-unsupported to import the others):\n"
             + "\n".join("  %s (%s): %s" % (p, c, why) for p, c, why in bad_static))
    if not args.torchscript:
        run_model(torch, model, inputs, recorder)

    unsupported = [c for c in calls if c.problem]
    if unsupported and not args.skip_unsupported:
        fail("unsupported layer calls (use --skip-unsupported to import the others):\n"
             + "\n".join("  %s (%s), input %s %s: %s" % (
                 c.path, c.module_class, c.input_shape, c.dtype, c.problem)
                 for c in unsupported))
    for c in unsupported:
        warn("skipped %s (%s), input %s %s: %s" % (c.path, c.module_class,
                                                   c.input_shape, c.dtype, c.problem))
    for p, c, why in bad_static:
        if args.skip_unsupported and not any(x.path == p for x in calls):
            warn("skipped %s (%s): %s" % (p, c, why))
    called = {c.path for c in calls}
    for p, c in layers:
        p = p or "<root>"
        if p not in called and not any(p == q for q, _, w in bad_static if w):
            warn("%s (%s) is never called by forward on this input; no func for it" % (p, c))
    good = [c for c in calls if not c.problem]
    if not good:
        fail("no ConvTranspose layer call left to import (%d found in the model, "
             "%d calls observed, all unsupported)" % (len(layers), len(calls))
             if calls else
             "the model's %d ConvTranspose layer(s) are never called by forward "
             "on this input" % len(layers))
    for c in good:
        c.traced_dtype = c.dtype
        if args.element_type:
            c.dtype = args.element_type
    funcs = make_funcs(good, args.dynamic_batch, args.dynamic_length)
    write_outputs(torch, args, funcs, unsupported, source)
    print("%s: %d func(s) from %d layer call(s) -> %s" % (
        PROG, len(funcs), len(good), args.output), file=sys.stderr)
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except UserError as e:
        print("%s: error: %s" % (PROG, e), file=sys.stderr)
        sys.exit(1)
    except KeyboardInterrupt:
        sys.exit(130)
