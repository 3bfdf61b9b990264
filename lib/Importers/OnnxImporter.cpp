//===- OnnxImporter.cpp - OnnxModel to tconv MLIR -------------------------===//
//
// One func.func per ConvTranspose node: its arguments are the node's inputs in
// order (X, W[, B]), its body one tconv.onnx_conv_transpose carrying the
// node's attributes as written, and a return. The result type is whatever the
// dialect infers: output lengths have one owner (ShapeArithmetic, called by
// the op), and the importer never computes one.
//
//===----------------------------------------------------------------------===//

#include "tconv/Importers/OnnxImporter.h"
#include "tconv/Dialect/Tconv/IR/TconvOps.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/Diagnostics.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"

using namespace mlir;
using namespace mlir::tconv;
using ::tconv::onnx_import::OnnxAttribute;
using ::tconv::onnx_import::onnxElementTypeName;
using ::tconv::onnx_import::OnnxModel;
using ::tconv::onnx_import::OnnxNode;

/// Discardable attribute carrying the ONNX tensor name of a func argument or
/// result (MLIR block arguments have no names of their own).
static constexpr llvm::StringLiteral kOnnxNameAttr = "onnx.name";

static bool isDefaultDomain(StringRef domain) {
  return domain.empty() || domain == "ai.onnx";
}

static bool isConvTranspose(const OnnxNode &node) {
  return node.opType == "ConvTranspose" && isDefaultDomain(node.domain);
}

Location mlir::tconv::onnxNodeLocation(MLIRContext &context,
                                       StringRef modelPath,
                                       const OnnxNode &node, size_t index) {
  std::string label =
      node.name.empty()
          ? "node #" + std::to_string(index) + " (" + node.opType + ", unnamed)"
          : "node '" + node.name + "' (" + node.opType + " #" +
                std::to_string(index) + ")";
  return NameLoc::get(StringAttr::get(&context, label),
                      FileLineColLoc::get(&context, modelPath, 0, 0));
}

namespace {

/// Gives every func a distinct name that is also a valid C identifier: the
/// func name becomes the kernel's C symbol and header name in tconv-compile.
class FuncNamer {
public:
  std::string name(const OnnxNode &node, size_t index) {
    std::string base = node.name.empty()
                           ? node.opType + "_" + std::to_string(index)
                           : sanitize(node.name);
    std::string candidate = base;
    for (unsigned n = 1; !used.insert(candidate).second; ++n)
      candidate = base + "_" + std::to_string(n);
    return candidate;
  }

private:
  static std::string sanitize(StringRef text) {
    std::string out;
    for (char c : text)
      out += llvm::isAlnum(c) ? c : '_';
    // Leading digits are not C, and leading underscores are reserved in C.
    if (!llvm::isAlpha(out.front()))
      out = "node_" + out;
    static const llvm::StringSet<> cKeywords = {
        "auto",     "break",    "case",     "char",   "const",   "continue",
        "default",  "do",       "double",   "else",   "enum",    "extern",
        "float",    "for",      "goto",     "if",     "inline",  "int",
        "long",     "register", "restrict", "return", "short",   "signed",
        "sizeof",   "static",   "struct",   "switch", "typedef", "union",
        "unsigned", "void",     "volatile", "while",  "main",    "bool",
        "true",     "false",    "class",    "new",    "delete",  "this",
        "template", "typename", "namespace"};
    // halide_* is the Halide runtime's namespace (same rule as
    // tconv-import-torch).
    if (cKeywords.contains(out) || StringRef(out).starts_with("halide_"))
      out += "_";
    return out;
  }

  llvm::StringSet<> used;
};

class OnnxImporter {
public:
  OnnxImporter(const OnnxModel &model, MLIRContext &context)
      : model(model), context(context), builder(&context) {}

  FailureOr<OnnxImportResult> run();

private:
  LogicalResult importNode(const OnnxNode &node, size_t index);
  FailureOr<RankedTensorType> operandType(StringRef operandName,
                                          const std::string &tensor,
                                          Location loc, bool &isInitializer);
  LogicalResult setAttributes(OnnxConvTransposeOp::Properties &props,
                              const OnnxNode &node, Location loc);

  const OnnxModel &model;
  MLIRContext &context;
  OpBuilder builder;
  OnnxImportResult result;
  FuncNamer namer;
  /// Result types of the ConvTranspose nodes imported so far, by output
  /// tensor: a node fed by another one takes the dialect's type rather than
  /// ONNX shape inference's (onnx 1.12 disagrees on SAME_* with
  /// output_padding, docs/importers.md).
  llvm::StringMap<Type> producedTypes;
};

} // namespace

static Type mlirElementType(MLIRContext &context, int32_t onnxType) {
  using namespace ::tconv::onnx_import;
  Builder b(&context);
  switch (onnxType) {
  case kOnnxFloat:
    return b.getF32Type();
  case kOnnxFloat16:
    return b.getF16Type();
  case kOnnxDouble:
    return b.getF64Type();
  case kOnnxBFloat16:
    return b.getBF16Type();
  default:
    return {};
  }
}

FailureOr<RankedTensorType> OnnxImporter::operandType(StringRef operandName,
                                                      const std::string &tensor,
                                                      Location loc,
                                                      bool &isInitializer) {
  isInitializer = false;
  if (auto it = producedTypes.find(tensor); it != producedTypes.end())
    return cast<RankedTensorType>(it->second);

  int32_t elementType;
  std::vector<int64_t> shape;
  if (auto it = model.initializers.find(tensor);
      it != model.initializers.end()) {
    // An initializer that is also a graph input is a default the caller may
    // override (IR >= 4); tconv treats it as the weight it defaults to.
    isInitializer = true;
    elementType = it->second.elementType;
    shape = it->second.dims;
  } else if (auto it = model.tensorTypes.find(tensor);
             it != model.tensorTypes.end() && it->second.shape) {
    elementType = it->second.elementType;
    shape = *it->second.shape;
  } else {
    InFlightDiagnostic diag = emitError(loc)
                              << "the shape of input " << operandName << " '"
                              << tensor << "' is unknown: it is not a graph "
                              << "input or initializer and has no value_info "
                                 "with a shape";
    if (!model.shapeInferenceError.empty())
      diag << " (ONNX shape inference failed: " << model.shapeInferenceError
           << ")";
    return failure();
  }
  for (int64_t d : shape)
    if (d < 0 && d != ShapedType::kDynamic)
      return emitError(loc) << "input " << operandName << " '" << tensor
                            << "' has a negative dimension " << d;
  Type element = mlirElementType(context, elementType);
  if (!element)
    return emitError(loc) << "input " << operandName << " '" << tensor
                          << "' has element type "
                          << onnxElementTypeName(elementType)
                          << "; tconv supports FLOAT, FLOAT16, BFLOAT16 and "
                             "DOUBLE";
  return RankedTensorType::get(shape, element);
}

LogicalResult
OnnxImporter::setAttributes(OnnxConvTransposeOp::Properties &props,
                            const OnnxNode &node, Location loc) {
  using Kind = OnnxAttribute::Kind;
  llvm::StringSet<> seen;
  for (const OnnxAttribute &attr : node.attributes) {
    if (!seen.insert(attr.name).second)
      return emitError(loc) << "attribute '" << attr.name << "' is given twice";
    const auto expect = [&](Kind kind, StringRef what) -> LogicalResult {
      if (attr.kind == kind)
        return success();
      return emitError(loc) << "attribute '" << attr.name << "' must be "
                            << what << ", got " << attr.typeName;
    };
    DenseI64ArrayAttr *list = llvm::StringSwitch<DenseI64ArrayAttr *>(attr.name)
                                  .Case("pads", &props.pads)
                                  .Case("output_padding", &props.output_padding)
                                  .Case("output_shape", &props.output_shape)
                                  .Case("dilations", &props.dilations)
                                  .Case("strides", &props.strides)
                                  .Case("kernel_shape", &props.kernel_shape)
                                  .Default(nullptr);
    if (list) {
      if (failed(expect(Kind::Ints, "a list of integers (INTS)")))
        return failure();
      *list = builder.getDenseI64ArrayAttr(attr.ints);
    } else if (attr.name == "auto_pad") {
      if (failed(expect(Kind::String, "a string (STRING)")))
        return failure();
      props.auto_pad = builder.getStringAttr(attr.s);
    } else if (attr.name == "group") {
      if (failed(expect(Kind::Int, "an integer (INT)")))
        return failure();
      props.group = builder.getI64IntegerAttr(attr.i);
    } else {
      return emitError(loc) << "unknown ConvTranspose attribute '" << attr.name
                            << "' (expected auto_pad, dilations, group, "
                               "kernel_shape, output_padding, output_shape, "
                               "pads, strides)";
    }
  }
  return success();
}

LogicalResult OnnxImporter::importNode(const OnnxNode &node, size_t index) {
  Location loc = onnxNodeLocation(context, model.path, node, index);
  static const char *const operandNames[] = {"X", "W", "B"};

  // Inputs in node order; a trailing "" is ONNX's absent optional bias.
  std::vector<std::string> inputs = node.inputs;
  if (inputs.size() == 3 && inputs[2].empty())
    inputs.pop_back();
  if (inputs.size() < 2 || inputs.size() > 3)
    return emitError(loc) << "expects 2 or 3 inputs (X, W[, B]), got "
                          << node.inputs.size();
  if (node.outputs.size() != 1 || node.outputs[0].empty())
    return emitError(loc) << "expects one output Y, got "
                          << node.outputs.size();

  const std::string funcName = namer.name(node, index);
  SmallVector<Type> argTypes;
  for (auto [i, tensor] : llvm::enumerate(inputs)) {
    if (tensor.empty())
      return emitError(loc)
             << "input " << operandNames[i] << " is required but absent";
    bool isInitializer;
    FailureOr<RankedTensorType> type =
        operandType(operandNames[i], tensor, loc, isInitializer);
    if (failed(type))
      return failure();
    argTypes.push_back(*type);
    if (isInitializer)
      result.weights.push_back(
          {funcName, unsigned(i), operandNames[i], tensor});
  }

  builder.setInsertionPointToEnd(result.module->getBody());
  auto func = func::FuncOp::create(builder, loc, funcName,
                                   builder.getFunctionType(argTypes, {}));
  Block *entry = func.addEntryBlock();
  builder.setInsertionPointToStart(entry);

  OperationState state(loc, OnnxConvTransposeOp::getOperationName());
  state.addOperands(entry->getArguments());
  auto &props = state.getOrAddProperties<OnnxConvTransposeOp::Properties>();
  if (failed(setAttributes(props, node, loc)))
    return failure();

  if (model.opsetVersion < 11 &&
      StringRef(props.auto_pad ? props.auto_pad.getValue() : "")
          .starts_with("SAME"))
    emitWarning(loc) << "opset " << model.opsetVersion
                     << " model with auto_pad=" << props.auto_pad.getValue()
                     << ": producers before April 2021 may have meant the "
                        "opposite split of an odd padding total; tconv "
                        "follows the current ONNX spec (docs/importers.md)";

  // The generated inferring builder aborts the process when inference fails;
  // calling inference first turns an invalid node into the dialect's
  // diagnostic (emitted at `loc`, which names the node) and a clean failure.
  SmallVector<Type, 1> resultTypes;
  if (failed(OnnxConvTransposeOp::inferReturnTypes(
          &context, loc, state.operands,
          state.attributes.getDictionary(&context), state.getRawProperties(),
          state.regions, resultTypes)))
    return failure();
  state.addTypes(resultTypes);
  Operation *op = builder.create(state);
  func::ReturnOp::create(builder, loc, op->getResults());
  func.setFunctionType(builder.getFunctionType(argTypes, resultTypes));

  for (auto [i, tensor] : llvm::enumerate(inputs))
    func.setArgAttr(i, kOnnxNameAttr, builder.getStringAttr(tensor));
  func.setResultAttr(0, kOnnxNameAttr, builder.getStringAttr(node.outputs[0]));
  producedTypes[node.outputs[0]] = resultTypes.front();
  return success();
}

FailureOr<OnnxImportResult> OnnxImporter::run() {
  Location modelLoc = FileLineColLoc::get(&context, model.path, 0, 0);
  result.module = ModuleOp::create(modelLoc);
  size_t imported = 0;
  for (auto [index, node] : llvm::enumerate(model.nodes)) {
    if (!isConvTranspose(node)) {
      result.skipped.push_back({node.opType, node.name, index});
      continue;
    }
    if (failed(importNode(node, index)))
      return failure();
    ++imported;
  }
  if (imported == 0) {
    InFlightDiagnostic diag = emitError(modelLoc)
                              << "no ConvTranspose node to import";
    if (model.nodes.empty())
      diag << " (the graph has no nodes)";
    else
      diag << " (the graph's " << model.nodes.size()
           << " nodes are all unsupported)";
    return failure();
  }
  return std::move(result);
}

FailureOr<OnnxImportResult> mlir::tconv::importOnnxModel(const OnnxModel &model,
                                                         MLIRContext &context) {
  return OnnxImporter(model, context).run();
}
