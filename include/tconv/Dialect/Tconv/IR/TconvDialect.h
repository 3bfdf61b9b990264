//===- TconvDialect.h - The tconv dialect -----------------------*- C++ -*-===//

#ifndef TCONV_DIALECT_TCONV_IR_TCONVDIALECT_H
#define TCONV_DIALECT_TCONV_IR_TCONVDIALECT_H

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/Dialect.h"

#include "tconv/Dialect/Tconv/IR/TconvOpsDialect.h.inc"

#endif // TCONV_DIALECT_TCONV_IR_TCONVDIALECT_H
