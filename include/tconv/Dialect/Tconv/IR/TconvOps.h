//===- TconvOps.h - tconv operations ----------------------------*- C++ -*-===//

#ifndef TCONV_DIALECT_TCONV_IR_TCONVOPS_H
#define TCONV_DIALECT_TCONV_IR_TCONVOPS_H

#include "mlir/Bytecode/BytecodeOpInterface.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/OpDefinition.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/Interfaces/InferTypeOpInterface.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

#include "tconv/Dialect/Tconv/IR/TconvDialect.h"
#include "tconv/Dialect/Tconv/IR/TconvInterfaces.h"
#include "tconv/Support/ShapeArithmetic.h"

#define GET_OP_CLASSES
#include "tconv/Dialect/Tconv/IR/TconvOps.h.inc"

namespace mlir::tconv {

/// Discardable attributes under which normalization keeps MindSpore's
/// initializer names on the canonical op.
inline constexpr llvm::StringLiteral kWeightInitAttrName = "tconv.weight_init";
inline constexpr llvm::StringLiteral kBiasInitAttrName = "tconv.bias_init";

/// Adds the patterns that rewrite tconv.torch_conv_transpose,
/// tconv.ms_conv_transpose and tconv.onnx_conv_transpose into
/// tconv.conv_transpose. Used both by the ops'
/// canonicalizers and by the --tconv-normalize pass.
void populateTconvNormalizationPatterns(RewritePatternSet &patterns);

} // namespace mlir::tconv

#endif // TCONV_DIALECT_TCONV_IR_TCONVOPS_H
