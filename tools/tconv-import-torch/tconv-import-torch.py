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


def trace_python(torch, model):
    """Instruments every ConvTranspose instance of the model; returns
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

        def forward(*args, _m=m, _path=path or "<root>", _rank=rank, _orig=original,
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
            calls.append(Call(_path, type(_m).__name__, _rank, attrs, shape, dtype,
                              out_shape, weight, bias, problem))
            return out

        m.forward = forward
        static.append((path or "<root>", cls.__name__, static_problem(module_attrs(m))))
    if not layers:
        fail("no nn.ConvTranspose1d/2d/3d in the model (%s)" % type(model).__name__)
    return calls, layers, static


def run_model(torch, model, inputs):
    model.eval()
    try:
        with torch.no_grad():
            model(*inputs)
    except BaseException as e:
        fail("running the model on inputs %s failed: %s" % (
            ", ".join("%s %s" % (list(x.shape), dtype_name(x.dtype)) for x in inputs),
            describe_exception(e)))


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
        key = (c.path, tuple(dyn(c.input_shape)), c.dtype)
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


def mlir_func(f):
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
    a = c.attrs
    attrs = ("stride = %s, padding = %s, output_padding = %s, dilation = %s, "
             "groups = %d : i64, padding_mode = \"%s\"" % (
                 arr(a["stride"]), arr(a["padding"]), arr(a["output_padding"]),
                 arr(a["dilation"]), a["groups"], a["padding_mode"]))
    traced = "%s %s" % (dims(c.input_shape), c.traced_dtype)
    return ("// %s: %s, traced input %s -> %s%s\n"
            "func.func @%s(%s) -> %s {\n"
            "  %%0 = tconv.torch_conv_transpose %s {%s}\n"
            "      : (%s) -> %s\n"
            "  return %%0 : %s\n"
            "}\n" % (c.path, c.module_class, traced, dims(c.output_shape),
                     "" if f.calls == 1 else " (%d calls)" % f.calls,
                     f.name, ", ".join(args), t_out, ", ".join(operands), attrs,
                     ", ".join(types), t_out, t_out))


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
        calls, layers, static = trace_python(torch, model)
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
        run_model(torch, model, inputs)

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
