//===- ElementwiseProgram.h - Fused elementwise code, MLIR-free -*- C++ -*-===//
//
// The body of a tconv.map (a prologue on the kernel's input or an epilogue on
// its output, docs/fusion.md) as the code generator sees it: a straight-line
// program over scalars, without MLIR types, so lib/Codegen does not depend on
// the dialect. tconv-compile translates the region into it
// (KernelSpecExtraction); the code generator evaluates it as Halide
// expressions inside the kernel (ElementwiseCodegen).
//
//===----------------------------------------------------------------------===//

#ifndef TCONV_CODEGEN_ELEMENTWISEPROGRAM_H
#define TCONV_CODEGEN_ELEMENTWISEPROGRAM_H

#include "tconv/Support/Status.h"

#include <cstdint>
#include <vector>

namespace tconv::codegen {

/// Scalar types of a program's values: the float element types and the i1 of
/// comparisons.
enum class ScalarType { F16, BF16, F32, F64, Bool };

/// One operation. Each names MLIR's op it comes from; the semantics are that
/// op's (docs/fusion.md notes where the code generator approximates).
enum class ScalarOpcode {
  Constant, ///< arith.constant (a float or i1 scalar)
  Add,      ///< arith.addf
  Sub,      ///< arith.subf
  Mul,      ///< arith.mulf
  Div,      ///< arith.divf
  Neg,      ///< arith.negf
  Maximum,  ///< arith.maximumf (NaN if either is NaN)
  Minimum,  ///< arith.minimumf (NaN if either is NaN)
  MaxNum,   ///< arith.maxnumf (the other operand if one is NaN)
  MinNum,   ///< arith.minnumf (the other operand if one is NaN)
  Compare,  ///< arith.cmpf, with `predicate`
  Select,   ///< arith.select (i1 condition, then, else)
  Extend,   ///< arith.extf
  Truncate, ///< arith.truncf
  Abs,      ///< math.absf
  Sqrt,     ///< math.sqrt
  Rsqrt,    ///< math.rsqrt
  Exp,      ///< math.exp
  Expm1,    ///< math.expm1
  Log,      ///< math.log
  Log1p,    ///< math.log1p
  Tanh,     ///< math.tanh
  Erf,      ///< math.erf
  Sin,      ///< math.sin
  Cos,      ///< math.cos
  Pow,      ///< math.powf
};

/// arith.cmpf's predicates, in its order (arith::CmpFPredicate).
enum class ComparePredicate {
  AlwaysFalse, OEQ, OGT, OGE, OLT, OLE, ONE, ORD,
  UEQ, UGT, UGE, ULT, ULE, UNE, UNO, AlwaysTrue
};

struct ScalarInstruction {
  ScalarOpcode opcode;
  ScalarType type; ///< of the result
  /// Value numbers: 0 .. numArguments-1 are the arguments, then instruction
  /// k defines value numArguments + k. Operands precede their users.
  std::vector<int> operands;
  double constant = 0; ///< Constant only (i1: 0 or 1)
  ComparePredicate predicate = ComparePredicate::AlwaysFalse; ///< Compare only
};

/// A tconv.map body: arguments (the element of the data operand, then one per
/// extra operand), instructions, and the value it yields.
struct ElementwiseProgram {
  std::vector<ScalarType> argumentTypes;
  std::vector<ScalarInstruction> instructions;
  int result = 0;
};

/// How a fused extra operand is laid over the tensor it is combined with.
enum class ExtraOperandShape {
  PerChannel, ///< (C): one value per channel, broadcast over N and space
  Full,       ///< (N, C, S...): the tensor's own shape (a residual)
};

/// One side of the kernel: the prologue (on the input, before its zero
/// padding) or the epilogue (on the output, after the bias).
struct ElementwiseStage {
  ElementwiseProgram program;
  /// Program argument k+1 is extra operand extraOperands[k] of the kernel
  /// (ConvTransposeSpec::extraOperands).
  std::vector<int> extraOperands;
};

struct ConvTransposeSpec;

/// MLIR's name of `opcode` ("arith.addf", ...), for diagnostics.
const char *scalarOpcodeName(ScalarOpcode opcode);

/// Whether the spec's prologue and epilogue are well formed (checkWellFormed
/// calls it): argument 0 and the result of the element type, every operand
/// defined before use with the type its opcode takes, and every extra operand
/// used by exactly the one stage it is declared for.
Status checkFusedStages(const ConvTransposeSpec &spec);

} // namespace tconv::codegen

#endif // TCONV_CODEGEN_ELEMENTWISEPROGRAM_H
