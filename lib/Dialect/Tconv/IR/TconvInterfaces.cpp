//===- TconvInterfaces.cpp - tconv op interfaces --------------------------===//
//
// Only the generated interface definitions: each op implements
// getCanonicalForm() with the bodies TconvOps.td shares (TconvOps.cpp).
//
//===----------------------------------------------------------------------===//

#include "tconv/Dialect/Tconv/IR/TconvInterfaces.h"

#include "tconv/Dialect/Tconv/IR/TconvInterfaces.cpp.inc"
