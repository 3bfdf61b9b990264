//===- Passes.h - tconv passes ----------------------------------*- C++ -*-===//

#ifndef TCONV_DIALECT_TCONV_TRANSFORMS_PASSES_H
#define TCONV_DIALECT_TCONV_TRANSFORMS_PASSES_H

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Pass/Pass.h"

namespace mlir::tconv {

#define GEN_PASS_DECL
#include "tconv/Dialect/Tconv/Transforms/Passes.h.inc"

#define GEN_PASS_REGISTRATION
#include "tconv/Dialect/Tconv/Transforms/Passes.h.inc"

} // namespace mlir::tconv

#endif // TCONV_DIALECT_TCONV_TRANSFORMS_PASSES_H
