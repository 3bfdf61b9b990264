//===- ElementwiseCodegen.cpp - Fused elementwise code as Halide ----------===//
//
// Every function here vectorizes in f32 (Halide's exp, log, pow and erf are
// polynomial and accurate to the last bits; tanh, expm1 and log1p are built
// from them) so an epilogue costs a few instructions per register, not a
// libm call per lane. f64 uses the system functions, scalar and exact.
//
//===----------------------------------------------------------------------===//

#include "ElementwiseCodegen.h"

#include <cassert>

using namespace Halide;
using Halide::Internal::const_false;
using Halide::Internal::const_true;
using Halide::Internal::make_const;

namespace tconv::codegen {

namespace {

Type halideScalarType(ScalarType type) {
  switch (type) {
  case ScalarType::F16: return Float(16);
  case ScalarType::BF16: return BFloat(16);
  case ScalarType::F32: return Float(32);
  case ScalarType::F64: return Float(64);
  case ScalarType::Bool: return Bool();
  }
  return Float(32);
}

/// The type a float of `type` is computed in: f32 for the 16-bit floats.
Type computeType(Type type) {
  return type.is_float() && type.bits() == 16 ? Float(32) : type;
}

Expr constantOf(Type type, double value) {
  return type.is_float() ? make_const(type, value) : cast(Bool(), value != 0);
}

/// exp(x) - 1 without the cancellation near 0. f32: with x = n ln2 + r,
/// |r| <= ln2/2 (Cody-Waite, two parts of ln2), expm1(x) = 2^n expm1(r) +
/// (2^n - 1), and expm1(r) by its Taylor series to r^8/8! (truncation below
/// 6e-10 relative): the cost of one exp, so an epilogue ELU is a few FMAs per
/// element, not an exp, a log and a division. x is clamped to [-30, 88],
/// where expm1 has rounded to -1 and 2^n stays finite. The range reduction
/// and the sum are evaluated strictly (Halide's simplifier reassociates
/// floats). f64 (libm calls
/// either way): Kahan's (u - 1) * x / log(u) with u = exp(x), which corrects
/// the rounding of u.
Expr expm1Of(Expr x) {
  if (x.type().bits() == 64) {
    Expr u = exp(x);
    Expr um1 = u - 1;
    return select(u == 1, x, um1 == -1, make_const(x.type(), -1.0),
                  um1 * x / log(u));
  }
  Expr xc = clamp(x, -30.0f, 88.0f);
  Expr n = round(xc * 1.44269504088896341f);
  Expr r = strict_float((xc - n * 0.693145751953125f) -
                        n * 1.428606765330187e-06f);
  Expr series = make_const(Float(32), 1.0 / 40320);
  for (double factorial : {5040.0, 720.0, 120.0, 24.0, 6.0, 2.0})
    series = series * r + make_const(Float(32), 1.0 / factorial);
  Expr expm1r = (series * r) * r + r;
  Expr scale = reinterpret(Float(32), (cast<int32_t>(n) + 127) << 23);
  // Strict: reassociated, scale * e + (scale - 1) is 0 for tiny x.
  return strict_float(scale * expm1r + (scale - 1));
}

/// log(1 + x) without the cancellation near 0 (Goldberg): with u = 1 + x
/// rounded, log(u) * x / (u - 1) corrects the rounding of u. Strict: Halide's
/// simplifier would otherwise rewrite x + 1 == 1 as x == 0 (exact algebra),
/// and log1p(1e-30) would be 0.
Expr log1pOf(Expr x) {
  Expr u = x + 1;
  return strict_float(select(u == 1, x, log(u) * x / (u - 1)));
}

/// tanh(x) = e / (e + 2) with e = expm1(2x), accurate near 0; x is clamped
/// where tanh has rounded to +-1 (9 in f32, 20 in f64) so e stays finite.
Expr tanhOf(Expr x) {
  if (x.type().bits() == 64)
    return Halide::tanh(x);
  Expr clamped = clamp(x, -9.0f, 9.0f);
  Expr e = expm1Of(2 * clamped);
  return e / (e + 2);
}

/// erf: Halide's polynomial in f32; in f64 the system's erf (a pure extern
/// call: C and C++ programs link libm).
Expr erfOf(Expr x) {
  if (x.type().bits() == 64)
    return Internal::Call::make(Float(64), "erf", {x},
                                Internal::Call::PureExtern);
  return Halide::erf(x);
}

/// arith.cmpf: an ordered predicate is false on NaN, an unordered one true.
/// Evaluated strictly (apply()); the NaN tests are explicit even for the
/// ordered ones, as Halide's simplifier rewrites a >= b as !(a < b).
Expr compare(ComparePredicate predicate, Expr a, Expr b) {
  Expr unordered = is_nan(a) || is_nan(b);
  switch (predicate) {
  case ComparePredicate::AlwaysFalse: return const_false();
  case ComparePredicate::AlwaysTrue: return const_true();
  case ComparePredicate::OEQ: return !unordered && a == b;
  case ComparePredicate::OGT: return !unordered && a > b;
  case ComparePredicate::OGE: return !unordered && a >= b;
  case ComparePredicate::OLT: return !unordered && a < b;
  case ComparePredicate::OLE: return !unordered && a <= b;
  case ComparePredicate::ONE: return !unordered && a != b;
  case ComparePredicate::ORD: return !unordered;
  case ComparePredicate::UEQ: return unordered || a == b;
  case ComparePredicate::UGT: return unordered || a > b;
  case ComparePredicate::UGE: return unordered || a >= b;
  case ComparePredicate::ULT: return unordered || a < b;
  case ComparePredicate::ULE: return unordered || a <= b;
  case ComparePredicate::UNE: return unordered || a != b;
  case ComparePredicate::UNO: return unordered;
  }
  return const_false();
}

/// One instruction on operands already widened to their compute type.
Expr apply(const ScalarInstruction &inst, const std::vector<Expr> &v,
           Type resultType) {
  switch (inst.opcode) {
  case ScalarOpcode::Constant: return constantOf(resultType, inst.constant);
  case ScalarOpcode::Add: return v[0] + v[1];
  case ScalarOpcode::Sub: return v[0] - v[1];
  case ScalarOpcode::Mul: return v[0] * v[1];
  case ScalarOpcode::Div: return v[0] / v[1];
  case ScalarOpcode::Neg: return -v[0];
  // NaN rules are arith's; strict, or Halide's fast-math would assume no
  // NaN and drop the tests.
  case ScalarOpcode::Maximum:
    return strict_float(
        select(is_nan(v[0]), v[0], is_nan(v[1]), v[1], max(v[0], v[1])));
  case ScalarOpcode::Minimum:
    return strict_float(
        select(is_nan(v[0]), v[0], is_nan(v[1]), v[1], min(v[0], v[1])));
  case ScalarOpcode::MaxNum:
    return strict_float(
        select(is_nan(v[0]), v[1], is_nan(v[1]), v[0], max(v[0], v[1])));
  case ScalarOpcode::MinNum:
    return strict_float(
        select(is_nan(v[0]), v[1], is_nan(v[1]), v[0], min(v[0], v[1])));
  case ScalarOpcode::Compare:
    return strict_float(compare(inst.predicate, v[0], v[1]));
  case ScalarOpcode::Select: return select(v[0], v[1], v[2]);
  case ScalarOpcode::Extend:
  case ScalarOpcode::Truncate: return cast(resultType, v[0]);
  case ScalarOpcode::Abs: return abs(v[0]);
  case ScalarOpcode::Sqrt: return sqrt(v[0]);
  case ScalarOpcode::Rsqrt: return make_const(v[0].type(), 1.0) / sqrt(v[0]);
  case ScalarOpcode::Exp: return exp(v[0]);
  case ScalarOpcode::Expm1: return expm1Of(v[0]);
  case ScalarOpcode::Log: return log(v[0]);
  case ScalarOpcode::Log1p: return log1pOf(v[0]);
  case ScalarOpcode::Tanh: return tanhOf(v[0]);
  case ScalarOpcode::Erf: return erfOf(v[0]);
  case ScalarOpcode::Sin: return sin(v[0]);
  case ScalarOpcode::Cos: return cos(v[0]);
  case ScalarOpcode::Pow: return pow(v[0], v[1]);
  }
  return Expr();
}

} // namespace

Expr evaluateElementwise(const ElementwiseProgram &program,
                         const std::vector<Expr> &arguments) {
  assert(arguments.size() == program.argumentTypes.size());
  // Values in their compute type; rounded to 16 bits after every operation
  // whose result type is a 16-bit float. `types`: each value's own type.
  std::vector<Expr> values;
  std::vector<Type> types;
  for (size_t i = 0; i < arguments.size(); ++i) {
    types.push_back(halideScalarType(program.argumentTypes[i]));
    values.push_back(cast(computeType(types.back()), arguments[i]));
  }
  for (const ScalarInstruction &inst : program.instructions) {
    std::vector<Expr> operands;
    for (int operand : inst.operands)
      operands.push_back(values[operand]);
    Type type = halideScalarType(inst.type);
    Expr value = apply(inst, operands, computeType(type));
    if (type != computeType(type))
      value = cast(computeType(type), cast(type, value));
    types.push_back(type);
    values.push_back(value);
  }
  return cast(types[program.result], values[program.result]);
}

} // namespace tconv::codegen
