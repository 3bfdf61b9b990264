//===- TconvInterfaces.h - tconv op interfaces ------------------*- C++ -*-===//

#ifndef TCONV_DIALECT_TCONV_IR_TCONVINTERFACES_H
#define TCONV_DIALECT_TCONV_IR_TCONVINTERFACES_H

#include "mlir/IR/OpDefinition.h"

#include "tconv/Support/ShapeArithmetic.h"

namespace mlir::tconv {

/// The parameters of a verified flavor op or canonical op, resolved per
/// spatial dimension (defaults filled in) and reduced to canonical padding.
/// Computed by the same code that verifies the op, so a verified op always has
/// one; the normalizer and tconv-compile read it instead of re-deriving pads.
struct CanonicalConvTranspose {
  llvm::SmallVector<int64_t> stride;
  llvm::SmallVector<int64_t> dilation;
  llvm::SmallVector<::tconv::DimPadding> padding;
  int64_t groups = 1;
};

} // namespace mlir::tconv

#include "tconv/Dialect/Tconv/IR/TconvInterfaces.h.inc"

#endif // TCONV_DIALECT_TCONV_IR_TCONVINTERFACES_H
