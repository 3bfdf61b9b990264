//===- MapTranslation.h - tconv.map bodies to elementwise programs -*- C++ -*-===//
//
// The one place that decides which scalar ops the code generator compiles in
// a fused prologue or epilogue: it translates a tconv.map body into the
// MLIR-free ElementwiseProgram (tconv/Codegen/ElementwiseProgram.h).
//
//===----------------------------------------------------------------------===//

#ifndef TCONV_COMPILER_MAPTRANSLATION_H
#define TCONV_COMPILER_MAPTRANSLATION_H

#include "tconv/Codegen/ElementwiseProgram.h"
#include "tconv/Dialect/Tconv/IR/TconvOps.h"

namespace mlir::tconv {

/// The program `map`'s body computes. Emits an error naming the first op the
/// code generator does not compile (and the ops it does) and fails.
FailureOr<::tconv::codegen::ElementwiseProgram> translateMapBody(MapOp map);

} // namespace mlir::tconv

#endif // TCONV_COMPILER_MAPTRANSLATION_H
