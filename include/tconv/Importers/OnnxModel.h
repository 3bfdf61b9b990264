//===- OnnxModel.h - What tconv reads from an ONNX model --------*- C++ -*-===//
//
// The part of an ONNX ModelProto the importer uses, as plain C++ values, so
// that protobuf stays inside OnnxModelReader.cpp and the MLIR side
// (OnnxImporter.cpp) never sees a generated protobuf class.
//
//===----------------------------------------------------------------------===//

#ifndef TCONV_IMPORTERS_ONNXMODEL_H
#define TCONV_IMPORTERS_ONNXMODEL_H

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace tconv::onnx_import {

/// ONNX TensorProto.DataType values the importer supports; any other value is
/// kept as read and reported by name when a ConvTranspose uses it.
enum OnnxElementType : int32_t {
  kOnnxFloat = 1,
  kOnnxFloat16 = 10,
  kOnnxDouble = 11,
  kOnnxBFloat16 = 16,
};

/// "FLOAT", "INT64", ... for diagnostics ("type 42" for unknown values).
std::string onnxElementTypeName(int32_t elementType);

/// Bytes per element of a supported type, 0 for any other.
int64_t onnxElementSize(int32_t elementType);

/// A tensor's declared type: graph input, output or value_info (after ONNX
/// shape inference). A dimension without dim_value (dim_param or nothing) is
/// tconv::kDynamicSize; `shape` is empty when the rank itself is unknown.
struct OnnxTensorType {
  int32_t elementType = 0;
  std::optional<std::vector<int64_t>> shape;
};

/// A graph initializer: its dims and its values as raw little-endian bytes of
/// its element type. `dataError` says why the values could not be decoded
/// (external data, a wrong number of values, an unsupported type); it only
/// matters if the importer has to write them.
struct OnnxInitializer {
  int32_t elementType = 0;
  std::vector<int64_t> dims;
  std::vector<uint8_t> littleEndianData;
  std::string dataError;
};

struct OnnxAttribute {
  enum class Kind { Int, Ints, String, Float, Tensor, Other };
  std::string name;
  Kind kind = Kind::Other;
  int64_t i = 0;
  std::vector<int64_t> ints;
  std::string s;
  float f = 0;
  OnnxInitializer t; // Kind::Tensor (a Constant node's value)
  std::string typeName; // AttributeProto.AttributeType, for diagnostics
};

struct OnnxNode {
  std::string name; // may be empty
  std::string opType;
  std::string domain;              // "" or "ai.onnx" is the default domain
  std::vector<std::string> inputs; // "" marks an absent optional input
  std::vector<std::string> outputs;
  std::vector<OnnxAttribute> attributes;
};

struct OnnxModel {
  std::string path;
  int64_t opsetVersion = 0;    // of the default domain; 0 when not imported
  std::string producer;        // producer_name and producer_version
  std::vector<OnnxNode> nodes; // in graph order (topologically sorted)
  std::map<std::string, OnnxTensorType> tensorTypes;
  std::map<std::string, OnnxInitializer> initializers;
  std::vector<std::string> outputs; // the graph's outputs, by name
  /// Why ONNX shape inference failed, when it did (the importer then knows
  /// only the types the model declares).
  std::string shapeInferenceError;
};

/// Parses the model at `path` and runs ONNX shape inference on it. Returns
/// std::nullopt and sets `error` when the file cannot be read or is not an
/// ONNX model.
std::optional<OnnxModel> readOnnxModel(const std::string &path,
                                       std::string &error);

} // namespace tconv::onnx_import

#endif // TCONV_IMPORTERS_ONNXMODEL_H
