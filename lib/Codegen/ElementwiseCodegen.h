//===- ElementwiseCodegen.h - Fused elementwise code as Halide --*- C++ -*-===//
//
// Evaluates an ElementwiseProgram (a tconv.map body) as one Halide Expr, so
// the algorithm can put the prologue into the input's packing and the
// epilogue into the output's definition (docs/fusion.md).
//
//===----------------------------------------------------------------------===//

#ifndef TCONV_LIB_CODEGEN_ELEMENTWISECODEGEN_H
#define TCONV_LIB_CODEGEN_ELEMENTWISECODEGEN_H

#include "tconv/Codegen/ElementwiseProgram.h"

#include "Halide.h"

#include <vector>

namespace tconv::codegen {

/// The program's result for `arguments` (one Expr per program argument, of
/// its type). The program must have passed checkFusedStages. 16-bit floats
/// are computed in f32 and rounded after every operation, as MLIR's
/// arith-to-llvm lowering does on CPUs without native half arithmetic.
Halide::Expr evaluateElementwise(const ElementwiseProgram &program,
                                 const std::vector<Halide::Expr> &arguments);

} // namespace tconv::codegen

#endif // TCONV_LIB_CODEGEN_ELEMENTWISECODEGEN_H
