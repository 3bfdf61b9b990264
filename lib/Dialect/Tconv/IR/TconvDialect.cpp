//===- TconvDialect.cpp - The tconv dialect -------------------------------===//

#include "tconv/Dialect/Tconv/IR/TconvDialect.h"
#include "tconv/Dialect/Tconv/IR/TconvOps.h"

using namespace mlir;
using namespace mlir::tconv;

#include "tconv/Dialect/Tconv/IR/TconvOpsDialect.cpp.inc"

void TconvDialect::initialize() {
  addOperations<
#define GET_OP_LIST
#include "tconv/Dialect/Tconv/IR/TconvOps.cpp.inc"
      >();
}
