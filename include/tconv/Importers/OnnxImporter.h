//===- OnnxImporter.h - OnnxModel to tconv MLIR -----------------*- C++ -*-===//
//
// Builds one func.func per ONNX ConvTranspose node, holding one
// tconv.onnx_conv_transpose whose result type the dialect infers. Every other
// node is reported as skipped, never dropped silently.
//
//===----------------------------------------------------------------------===//

#ifndef TCONV_IMPORTERS_ONNXIMPORTER_H
#define TCONV_IMPORTERS_ONNXIMPORTER_H

#include "tconv/Importers/OnnxModel.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/OwningOpRef.h"
#include "mlir/Support/LLVM.h"

#include <optional>
#include <string>
#include <vector>

namespace mlir::tconv {

/// A func argument whose value is a graph initializer: the tool writes its
/// values beside the .mlir file.
struct OnnxWeightBinding {
  std::string funcName;
  unsigned argumentIndex;
  std::string operandName; // "X", "W" or "B"
  std::string tensorName;
};

struct OnnxSkippedNode {
  std::string opType;
  std::string name;
  size_t index;
};

/// One elementwise step taken into a func (docs/importers.md, "Fusion"):
/// `kind` as tconv-import-torch names it (leaky_relu, relu, elu, gelu, tanh,
/// sigmoid, neg, add, sub, rsub, mul, div, rdiv, residual), its scalar
/// parameter if any, and the ONNX nodes it stands for.
struct OnnxFusedStage {
  std::string kind;
  std::optional<double> value; // alpha, or the scalar operand
  std::string approximate;     // gelu: "none" or "tanh"
  std::vector<std::string> nodes;
};

/// The stages of one func and its extra arguments (residuals: run-time
/// inputs, after X, W[, B]).
struct OnnxFusedFunc {
  std::string funcName;
  std::vector<OnnxFusedStage> prologue, epilogue;
  std::vector<std::pair<unsigned, std::string>> residuals; // argument, tensor
};

struct OnnxImportOptions {
  /// Take each ConvTranspose's elementwise neighbours into its func.
  bool fuse = true;
};

struct OnnxImportResult {
  OwningOpRef<ModuleOp> module;
  std::vector<OnnxWeightBinding> weights;
  std::vector<OnnxSkippedNode> skipped;
  std::vector<OnnxFusedFunc> funcs; // one per func when fusing
};

/// Imports every ConvTranspose node of `model`. Errors (and the dialect's
/// warnings) are emitted as diagnostics on locations that name the model file
/// and the node (see onnxNodeLocation); on error the result is failure(). A
/// model without a ConvTranspose node is an error. The module is not verified
/// here beyond what building the ops checks: callers run mlir::verify.
FailureOr<OnnxImportResult>
importOnnxModel(const ::tconv::onnx_import::OnnxModel &model,
                MLIRContext &context, OnnxImportOptions options = {});

/// NameLoc("node 'NAME' (ConvTranspose #I)") around FileLineColLoc(PATH, 0, 0):
/// the node is what a diagnostic must name, the model file where it lives.
Location onnxNodeLocation(MLIRContext &context, StringRef modelPath,
                          const ::tconv::onnx_import::OnnxNode &node,
                          size_t index);

} // namespace mlir::tconv

#endif // TCONV_IMPORTERS_ONNXIMPORTER_H
