#!/usr/bin/env python3
"""Writes the small ONNX models the tconv-import-onnx lit tests import.

    make_models.py OUTDIR

Built at test time with Debian's python3-onnx (onnx.helper), so the tests need
no binary inputs in the repository. Beside some models it writes the bytes the
importer must produce for an initializer (NAME.expected), computed here with
numpy, independently of the importer.
"""

import os
import sys

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

OUT = sys.argv[1]
os.makedirs(OUT, exist_ok=True)
rng = np.random.default_rng(0)


def vi(name, elem, shape):
    return helper.make_tensor_value_info(name, elem, shape)


def save(name, nodes, inputs, outputs, initializers=(), opset=13, value_info=()):
    graph = helper.make_graph(nodes, name, inputs, outputs, list(initializers),
                              value_info=list(value_info))
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", opset)],
                              producer_name="make_models.py")
    onnx.save(model, os.path.join(OUT, name + ".onnx"))


def expected(name, array):
    with open(os.path.join(OUT, name + ".expected"), "wb") as f:
        f.write(np.ascontiguousarray(array).astype(array.dtype.newbyteorder("<")).tobytes())


# weights: X input, W initializer in float_data, B initializer in raw_data,
# group 2, a node name that is not a C identifier.
w = rng.standard_normal((4, 3, 3, 3)).astype(np.float32)
b = rng.standard_normal(6).astype(np.float32)
w_init = helper.make_tensor("conv.weight", TensorProto.FLOAT, w.shape, w.flatten().tolist())
b_init = numpy_helper.from_array(b, "conv.bias")
assert not w_init.raw_data and b_init.raw_data
save("weights",
     [helper.make_node("ConvTranspose", ["x", "conv.weight", "conv.bias"], ["y"],
                       name="up/conv.1", group=2, strides=[2, 2], pads=[1, 1, 0, 0])],
     [vi("x", TensorProto.FLOAT, [1, 4, 5, 5])], [vi("y", TensorProto.FLOAT, None)],
     [w_init, b_init])
expected("weights.W", w)
expected("weights.B", b)

# f16 weights in int32_data (ONNX's form for float16 without raw_data), and
# f64 weights in double_data.
w16 = rng.standard_normal((2, 2, 3)).astype(np.float16)


def bits_tensor(name, data_type, dims, bits):
    """A 16-bit float tensor in int32_data, the bit patterns given."""
    t = TensorProto()
    t.name, t.data_type = name, data_type
    t.dims.extend(dims)
    t.int32_data.extend(int(v) for v in bits.flatten())
    return t


w16_init = bits_tensor("w16", TensorProto.FLOAT16, w16.shape, w16.view(np.uint16))
save("half",
     [helper.make_node("ConvTranspose", ["x", "w16"], ["y"], name="half")],
     [vi("x", TensorProto.FLOAT16, [1, 2, 7])], [vi("y", TensorProto.FLOAT16, None)],
     [w16_init])
expected("half.W", w16)
w64 = rng.standard_normal((2, 1, 2)).astype(np.float64)
w64_init = helper.make_tensor("w64", TensorProto.DOUBLE, w64.shape, w64.flatten().tolist())
assert not w64_init.raw_data and len(w64_init.double_data) == w64.size
save("double",
     [helper.make_node("ConvTranspose", ["x", "w64"], ["y"], name="double")],
     [vi("x", TensorProto.DOUBLE, [1, 2, 7])], [vi("y", TensorProto.DOUBLE, None)],
     [w64_init])
expected("double.W", w64)

bf_bits = (rng.standard_normal((2, 2, 3)).astype(np.float32).view(np.uint32) >> 16).astype(np.uint16)
save("bfloat",
     [helper.make_node("ConvTranspose", ["x", "wbf"], ["y"], name="bfloat")],
     [vi("x", TensorProto.BFLOAT16, [1, 2, 7])], [vi("y", TensorProto.BFLOAT16, None)],
     [bits_tensor("wbf", TensorProto.BFLOAT16, bf_bits.shape, bf_bits)])
expected("bfloat.W", bf_bits)

# dynamic: symbolic batch and length, W a graph input, no attributes.
save("dynamic",
     [helper.make_node("ConvTranspose", ["x", "w"], ["y"])],
     [vi("x", TensorProto.FLOAT, ["N", 2, "L"]), vi("w", TensorProto.FLOAT, [2, 3, 4])],
     [vi("y", TensorProto.FLOAT, None)])

# mixed: Relu -> ConvTranspose -> Sigmoid, and an unnamed Add. The Relu output
# has no value_info: its shape comes from ONNX shape inference.
save("mixed",
     [helper.make_node("Relu", ["x"], ["r"], name="relu1"),
      helper.make_node("ConvTranspose", ["r", "w"], ["c"], name="deconv",
                       auto_pad="SAME_UPPER", strides=[2]),
      helper.make_node("Sigmoid", ["c"], ["s"], name="sig"),
      helper.make_node("Add", ["s", "s"], ["y"])],
     [vi("x", TensorProto.FLOAT, [1, 2, 5]), vi("w", TensorProto.FLOAT, [2, 3, 3])],
     [vi("y", TensorProto.FLOAT, None)])

# chain: two ConvTranspose nodes, the second fed by the first; both named
# "deconv" (unique func names), then two unnamed ones.
save("chain",
     [helper.make_node("ConvTranspose", ["x", "w1"], ["a"], name="deconv", strides=[2],
                       output_padding=[1]),
      helper.make_node("ConvTranspose", ["a", "w2", "b2"], ["b"], name="deconv"),
      helper.make_node("ConvTranspose", ["b", "w2"], ["c"]),
      helper.make_node("ConvTranspose", ["b", "w2", ""], ["y"])],
     [vi("x", TensorProto.FLOAT, [1, 2, 5]), vi("w1", TensorProto.FLOAT, [2, 3, 3]),
      vi("w2", TensorProto.FLOAT, [3, 3, 2]), vi("b2", TensorProto.FLOAT, [3])],
     [vi("y", TensorProto.FLOAT, None), vi("c", TensorProto.FLOAT, None)])

# Node names that are not C identifiers as they are.
save("names",
     [helper.make_node("ConvTranspose", ["x", "w"], ["a"], name="1st-layer"),
      helper.make_node("ConvTranspose", ["x", "w"], ["b"], name="halide_up"),
      helper.make_node("ConvTranspose", ["x", "w"], ["c"], name="int"),
      helper.make_node("ConvTranspose", ["x", "w"], ["d"], name="int_")],
     [vi("x", TensorProto.FLOAT, [1, 2, 5]), vi("w", TensorProto.FLOAT, [2, 3, 3])],
     [vi("a", TensorProto.FLOAT, None)])

# Errors.
save("noconv", [helper.make_node("Relu", ["x"], ["y"], name="only_relu")],
     [vi("x", TensorProto.FLOAT, [1, 2])], [vi("y", TensorProto.FLOAT, [1, 2])])
save("badgroup",
     [helper.make_node("ConvTranspose", ["x", "w"], ["y"], name="grouped", group=2)],
     [vi("x", TensorProto.FLOAT, [1, 3, 5]), vi("w", TensorProto.FLOAT, [3, 2, 3])],
     [vi("y", TensorProto.FLOAT, None)])
save("badattr",
     [helper.make_node("ConvTranspose", ["x", "w"], ["y"], name="typo", stride=[2])],
     [vi("x", TensorProto.FLOAT, [1, 2, 5]), vi("w", TensorProto.FLOAT, [2, 3, 3])],
     [vi("y", TensorProto.FLOAT, None)])
save("badtype",
     [helper.make_node("ConvTranspose", ["x", "w"], ["y"], name="ints")],
     [vi("x", TensorProto.INT32, [1, 2, 5]), vi("w", TensorProto.INT32, [2, 3, 3])],
     [vi("y", TensorProto.INT32, None)])
save("noshape",
     [helper.make_node("Custom", ["x"], ["t"], name="custom", domain="example.com"),
      helper.make_node("ConvTranspose", ["t", "w"], ["y"], name="after_custom")],
     [vi("x", TensorProto.FLOAT, [1, 2, 5]), vi("w", TensorProto.FLOAT, [2, 3, 3])],
     [vi("y", TensorProto.FLOAT, None)])
bad = helper.make_tensor("wbad", TensorProto.FLOAT, [2, 3, 3], [0.0] * 18)
bad.ClearField("float_data")
bad.raw_data = b"\0" * 8
save("baddata",
     [helper.make_node("ConvTranspose", ["x", "wbad"], ["y"], name="short")],
     [vi("x", TensorProto.FLOAT, [1, 2, 5])], [vi("y", TensorProto.FLOAT, None)], [bad])
# opset 8 (ConvTranspose-1) with SAME_UPPER: imported with a warning.
save("opset8",
     [helper.make_node("ConvTranspose", ["x", "w"], ["y"], name="old", auto_pad="SAME_UPPER",
                       strides=[2])],
     [vi("x", TensorProto.FLOAT, [1, 2, 5]), vi("w", TensorProto.FLOAT, [2, 3, 3])],
     [vi("y", TensorProto.FLOAT, None)], opset=8)

with open(os.path.join(OUT, "not_onnx.onnx"), "w") as f:
    f.write("this is not a protobuf\n")
open(os.path.join(OUT, "empty.onnx"), "w").close()
