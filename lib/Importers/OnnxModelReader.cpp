//===- OnnxModelReader.cpp - ONNX protobuf to OnnxModel -------------------===//
//
// The only file that touches protobuf: parses a ModelProto with Debian's
// libonnx (onnx-ml.pb.h), runs ONNX's own shape inference so that tensors
// between nodes have types, and copies what the importer needs into the plain
// structs of OnnxModel.h. Initializer values are decoded here into raw
// little-endian bytes, from whichever field the producer used.
//
//===----------------------------------------------------------------------===//

#include "tconv/Importers/OnnxModel.h"
#include "tconv/Support/ShapeArithmetic.h"

#include "onnx/onnx_pb.h"
#include "onnx/shape_inference/implementation.h"

#include <cerrno>
#include <cstring>
#include <exception>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace tconv::onnx_import {

std::string onnxElementTypeName(int32_t elementType) {
  if (onnx::TensorProto_DataType_IsValid(elementType))
    return onnx::TensorProto_DataType_Name(
        static_cast<onnx::TensorProto_DataType>(elementType));
  return "type " + std::to_string(elementType);
}

int64_t onnxElementSize(int32_t elementType) {
  switch (elementType) {
  case kOnnxFloat:
    return 4;
  case kOnnxDouble:
    return 8;
  case kOnnxFloat16:
  case kOnnxBFloat16:
    return 2;
  default:
    return 0;
  }
}

namespace {

template <typename T>
void appendLittleEndian(std::vector<uint8_t> &out, T value) {
  uint8_t bytes[sizeof(T)];
  std::memcpy(bytes, &value, sizeof(T));
  // The byte order of the host; tconv only targets little-endian hosts, and
  // this check makes a big-endian one fail loudly instead of writing garbage.
  static_assert(sizeof(T) == 1 || __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__,
                "the ONNX importer assumes a little-endian host");
  out.insert(out.end(), bytes, bytes + sizeof(T));
}

/// Fills `init.littleEndianData` from raw_data or the typed repeated field
/// that ONNX uses for the element type (float16 and bfloat16 travel as the low
/// 16 bits of int32_data).
void decodeInitializerData(const onnx::TensorProto &tensor,
                           OnnxInitializer &init) {
  const int64_t size = onnxElementSize(init.elementType);
  if (size == 0) {
    init.dataError = "element type " + onnxElementTypeName(init.elementType) +
                     " is not supported (FLOAT, FLOAT16, BFLOAT16, DOUBLE)";
    return;
  }
  if (tensor.data_location() == onnx::TensorProto_DataLocation_EXTERNAL) {
    init.dataError = "its values are stored in an external file, which the "
                     "importer does not read";
    return;
  }
  int64_t count = 1;
  for (int64_t d : init.dims) {
    if (d < 0) {
      init.dataError = "it has a negative dimension";
      return;
    }
    count *= d;
  }
  const auto wrongCount = [&](size_t got, const char *field) {
    init.dataError = "it holds " + std::to_string(got) + " values in " + field +
                     ", its dims need " + std::to_string(count);
  };
  if (tensor.has_raw_data()) {
    const std::string &raw = tensor.raw_data();
    if (int64_t(raw.size()) != count * size) {
      init.dataError = "its raw_data has " + std::to_string(raw.size()) +
                       " bytes, its dims and type need " +
                       std::to_string(count * size);
      return;
    }
    init.littleEndianData.assign(raw.begin(), raw.end());
    return;
  }
  std::vector<uint8_t> &out = init.littleEndianData;
  switch (init.elementType) {
  case kOnnxFloat:
    if (tensor.float_data_size() != count)
      return wrongCount(tensor.float_data_size(), "float_data");
    for (float v : tensor.float_data())
      appendLittleEndian(out, v);
    return;
  case kOnnxDouble:
    if (tensor.double_data_size() != count)
      return wrongCount(tensor.double_data_size(), "double_data");
    for (double v : tensor.double_data())
      appendLittleEndian(out, v);
    return;
  default: // FLOAT16, BFLOAT16
    if (tensor.int32_data_size() != count)
      return wrongCount(tensor.int32_data_size(), "int32_data");
    for (int32_t v : tensor.int32_data())
      appendLittleEndian(out, uint16_t(uint32_t(v) & 0xffffu));
    return;
  }
}

OnnxTensorType readTensorType(const onnx::TypeProto &type) {
  OnnxTensorType result;
  if (!type.has_tensor_type())
    return result;
  const onnx::TypeProto_Tensor &tensor = type.tensor_type();
  result.elementType = tensor.elem_type();
  if (!tensor.has_shape())
    return result;
  std::vector<int64_t> shape;
  for (const onnx::TensorShapeProto_Dimension &dim : tensor.shape().dim())
    shape.push_back(dim.has_dim_value() ? dim.dim_value() : kDynamicSize);
  result.shape = std::move(shape);
  return result;
}

OnnxAttribute readAttribute(const onnx::AttributeProto &attr) {
  OnnxAttribute result;
  result.name = attr.name();
  result.typeName = onnx::AttributeProto_AttributeType_Name(attr.type());
  switch (attr.type()) {
  case onnx::AttributeProto_AttributeType_INT:
    result.kind = OnnxAttribute::Kind::Int;
    result.i = attr.i();
    break;
  case onnx::AttributeProto_AttributeType_INTS:
    result.kind = OnnxAttribute::Kind::Ints;
    result.ints.assign(attr.ints().begin(), attr.ints().end());
    break;
  case onnx::AttributeProto_AttributeType_STRING:
    result.kind = OnnxAttribute::Kind::String;
    result.s = attr.s();
    break;
  case onnx::AttributeProto_AttributeType_FLOAT:
    result.kind = OnnxAttribute::Kind::Float;
    result.f = attr.f();
    break;
  case onnx::AttributeProto_AttributeType_TENSOR:
    result.kind = OnnxAttribute::Kind::Tensor;
    result.t.elementType = attr.t().data_type();
    result.t.dims.assign(attr.t().dims().begin(), attr.t().dims().end());
    decodeInitializerData(attr.t(), result.t);
    break;
  default:
    break;
  }
  return result;
}

/// Runs ONNX's shape inference in place. ONNX reports failures with C++
/// exceptions; a model it cannot infer is still imported with the types it
/// declares, so the message is only kept for the "shape unknown" error.
std::string inferShapes(onnx::ModelProto &model) {
  try {
    onnx::shape_inference::InferShapes(model);
  } catch (const std::exception &e) {
    return e.what();
  }
  return "";
}

} // namespace

std::optional<OnnxModel> readOnnxModel(const std::string &path,
                                       std::string &error) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    error = "it is a directory";
    return std::nullopt;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = std::strerror(errno);
    return std::nullopt;
  }
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (in.bad()) {
    error = "read error";
    return std::nullopt;
  }

  onnx::ModelProto proto;
  if (!proto.ParseFromString(bytes.str())) {
    error = "not an ONNX model (it does not parse as a ModelProto: truncated, "
            "corrupt or another format)";
    return std::nullopt;
  }
  // An empty file, or some other protobuf, can parse as a ModelProto: a model
  // always has an ir_version and a graph.
  if (proto.ir_version() <= 0 || !proto.has_graph()) {
    error = "not an ONNX model (no ir_version or no graph)";
    return std::nullopt;
  }

  OnnxModel model;
  model.path = path;
  model.producer = proto.producer_name();
  if (!proto.producer_version().empty())
    model.producer += " " + proto.producer_version();
  for (const onnx::OperatorSetIdProto &opset : proto.opset_import())
    if (opset.domain().empty() || opset.domain() == "ai.onnx")
      model.opsetVersion = opset.version();
  model.shapeInferenceError = inferShapes(proto);

  const onnx::GraphProto &graph = proto.graph();
  // Declared types first; inferred value_info does not override them.
  for (const auto *list :
       {&graph.input(), &graph.output(), &graph.value_info()})
    for (const onnx::ValueInfoProto &info : *list)
      if (info.has_type())
        model.tensorTypes.emplace(info.name(), readTensorType(info.type()));

  for (const onnx::ValueInfoProto &info : graph.output())
    model.outputs.push_back(info.name());
  for (const onnx::TensorProto &tensor : graph.initializer()) {
    OnnxInitializer init;
    init.elementType = tensor.data_type();
    init.dims.assign(tensor.dims().begin(), tensor.dims().end());
    decodeInitializerData(tensor, init);
    model.initializers[tensor.name()] = std::move(init);
  }

  for (const onnx::NodeProto &proto : graph.node()) {
    OnnxNode node;
    node.name = proto.name();
    node.opType = proto.op_type();
    node.domain = proto.domain();
    node.inputs.assign(proto.input().begin(), proto.input().end());
    node.outputs.assign(proto.output().begin(), proto.output().end());
    for (const onnx::AttributeProto &attr : proto.attribute())
      node.attributes.push_back(readAttribute(attr));
    model.nodes.push_back(std::move(node));
  }
  return model;
}

} // namespace tconv::onnx_import
