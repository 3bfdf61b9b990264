//===- ElementwiseCodegenTest.cpp - Fused functions against libm ----------===//
//
// The functions ElementwiseCodegen builds from Halide's (tanh, expm1, log1p,
// erf) and the NaN-aware min/max, JIT-compiled in 16-lane vectors and
// compared with the C library's in double precision over wide ranges: near
// zero (where a naive exp(x) - 1 or log(1 + x) loses every digit), at
// saturation, and at NaN.
//
//===----------------------------------------------------------------------===//

#include "ElementwiseCodegen.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <vector>

using namespace tconv::codegen;

namespace {

/// The program `opcode(arg0[, arg1])` in `type`, evaluated on `xs` (and
/// `ys`) by a vectorized JIT pipeline.
template <typename T>
std::vector<T> evaluate(ScalarOpcode opcode, ScalarType type,
                        const std::vector<T> &xs, const std::vector<T> &ys = {}) {
  const bool binary = !ys.empty();
  ElementwiseProgram program;
  program.argumentTypes = binary ? std::vector{type, type} : std::vector{type};
  program.instructions = {
      {opcode, type, binary ? std::vector{0, 1} : std::vector{0}}};
  program.result = int(program.argumentTypes.size());
  Halide::Buffer<T> x(const_cast<T *>(xs.data()), int(xs.size()));
  Halide::Buffer<T> y(const_cast<T *>(binary ? ys.data() : xs.data()),
                      int(xs.size()));
  Halide::Var i;
  Halide::Func f;
  std::vector<Halide::Expr> args = {x(i)};
  if (binary)
    args.push_back(y(i));
  f(i) = evaluateElementwise(program, args);
  f.vectorize(i, 16, Halide::TailStrategy::GuardWithIf);
  Halide::Buffer<T> out = f.realize({int(xs.size())});
  return std::vector<T>(out.data(), out.data() + xs.size());
}

/// Logarithmically spaced magnitudes from 1e-30 to `top`, both signs, and 0.
std::vector<float> wideRange(float top) {
  std::vector<float> v = {0.0f, -0.0f};
  for (double m = 1e-30; m <= top; m *= 1.37) {
    v.push_back(float(m));
    v.push_back(float(-m));
  }
  return v;
}

/// Relative error in units of float's epsilon (absolute below `floor`).
double ulps(double got, double want, double floor = 1e-30) {
  return std::abs(got - want) /
         (std::max(std::abs(want), floor) * std::numeric_limits<float>::epsilon());
}

void expectClose(ScalarOpcode opcode, double (*reference)(double),
                 const std::vector<float> &xs, double maxUlps) {
  std::vector<float> got = evaluate(opcode, ScalarType::F32, xs);
  for (size_t k = 0; k < xs.size(); ++k)
    EXPECT_LE(ulps(got[k], reference(xs[k])), maxUlps)
        << scalarOpcodeName(opcode) << "(" << xs[k] << ") = " << got[k]
        << ", want " << reference(xs[k]);
}

TEST(ElementwiseCodegen, TanhIsAccurateNearZeroAndSaturates) {
  expectClose(ScalarOpcode::Tanh, std::tanh, wideRange(100), 8);
}

TEST(ElementwiseCodegen, Expm1IsAccurateNearZero) {
  expectClose(ScalarOpcode::Expm1, std::expm1, wideRange(80), 8);
}

TEST(ElementwiseCodegen, Expm1IsAccurateAcrossRangeReductionSteps) {
  // Every step n of x = n ln2 + r is crossed, and the switch at |x| = ln2/2
  // between the series alone (n = 0) and 2^n expm1(r) + (2^n - 1).
  std::vector<float> xs;
  for (int k = -20000; k <= 20000; ++k)
    xs.push_back(float(k) * 1e-3f);
  expectClose(ScalarOpcode::Expm1, std::expm1, xs, 2);
}

TEST(ElementwiseCodegen, Log1pIsAccurateNearZero) {
  std::vector<float> xs;
  for (float x : wideRange(1e30f))
    if (x > -1)
      xs.push_back(x);
  expectClose(ScalarOpcode::Log1p, std::log1p, xs, 8);
}

TEST(ElementwiseCodegen, ErfMatchesLibm) {
  // Halide's polynomial: a few ulps in f32; absolute near zero.
  std::vector<float> got = evaluate(ScalarOpcode::Erf, ScalarType::F32,
                                    wideRange(10));
  std::vector<float> xs = wideRange(10);
  for (size_t k = 0; k < xs.size(); ++k)
    EXPECT_NEAR(got[k], std::erf(double(xs[k])),
                8 * std::numeric_limits<float>::epsilon() *
                    std::abs(std::erf(double(xs[k]))) + 1e-37)
        << "erf(" << xs[k] << ")";
}

TEST(ElementwiseCodegen, ErfInF64IsLibmExact) {
  std::vector<double> xs = {-3.5, -1e-9, 0.0, 1e-300, 0.3, 2.0, 6.0};
  std::vector<double> got = evaluate(ScalarOpcode::Erf, ScalarType::F64, xs);
  for (size_t k = 0; k < xs.size(); ++k)
    EXPECT_EQ(got[k], std::erf(xs[k])) << "erf(" << xs[k] << ")";
}

TEST(ElementwiseCodegen, MinMaxFollowArithNaNRules) {
  const float nan = std::numeric_limits<float>::quiet_NaN();
  std::vector<float> a = {1, nan, 2, nan}, b = {3, 4, nan, nan};
  std::vector<float> maximum = evaluate(ScalarOpcode::Maximum, ScalarType::F32, a, b);
  std::vector<float> maxnum = evaluate(ScalarOpcode::MaxNum, ScalarType::F32, a, b);
  std::vector<float> minimum = evaluate(ScalarOpcode::Minimum, ScalarType::F32, a, b);
  std::vector<float> minnum = evaluate(ScalarOpcode::MinNum, ScalarType::F32, a, b);
  // maximumf / minimumf: NaN if either is; maxnumf / minnumf: the other one.
  EXPECT_EQ(maximum[0], 3);
  EXPECT_EQ(minimum[0], 1);
  for (int k : {1, 2, 3}) {
    EXPECT_TRUE(std::isnan(maximum[k])) << k;
    EXPECT_TRUE(std::isnan(minimum[k])) << k;
  }
  EXPECT_EQ(maxnum[0], 3);
  EXPECT_EQ(maxnum[1], 4);
  EXPECT_EQ(maxnum[2], 2);
  EXPECT_EQ(minnum[1], 4);
  EXPECT_EQ(minnum[2], 2);
  EXPECT_TRUE(std::isnan(maxnum[3]));
}

TEST(ElementwiseCodegen, ComparisonsFollowCmpfPredicates) {
  const float nan = std::numeric_limits<float>::quiet_NaN();
  const std::vector<float> a = {1, 2, 2, nan, 1, nan}, b = {2, 2, 1, 1, nan, nan};
  // The reference: ordered predicates are false on NaN, unordered true.
  auto expected = [](ComparePredicate p, float x, float y) {
    const bool uno = std::isnan(x) || std::isnan(y);
    switch (p) {
    case ComparePredicate::AlwaysFalse: return false;
    case ComparePredicate::OEQ: return !uno && x == y;
    case ComparePredicate::OGT: return !uno && x > y;
    case ComparePredicate::OGE: return !uno && x >= y;
    case ComparePredicate::OLT: return !uno && x < y;
    case ComparePredicate::OLE: return !uno && x <= y;
    case ComparePredicate::ONE: return !uno && x != y;
    case ComparePredicate::ORD: return !uno;
    case ComparePredicate::UEQ: return uno || x == y;
    case ComparePredicate::UGT: return uno || x > y;
    case ComparePredicate::UGE: return uno || x >= y;
    case ComparePredicate::ULT: return uno || x < y;
    case ComparePredicate::ULE: return uno || x <= y;
    case ComparePredicate::UNE: return uno || x != y;
    case ComparePredicate::UNO: return uno;
    case ComparePredicate::AlwaysTrue: return true;
    }
    return false;
  };
  for (int p = 0; p <= int(ComparePredicate::AlwaysTrue); ++p) {
    // select(cmpf(a, b), 1, 0) as the program's f32 result.
    ElementwiseProgram program;
    program.argumentTypes = {ScalarType::F32, ScalarType::F32};
    program.instructions = {
        {ScalarOpcode::Compare, ScalarType::Bool, {0, 1}, 0, ComparePredicate(p)},
        {ScalarOpcode::Constant, ScalarType::F32, {}, 1.0},
        {ScalarOpcode::Constant, ScalarType::F32, {}, 0.0},
        {ScalarOpcode::Select, ScalarType::F32, {2, 3, 4}}};
    program.result = 5;
    Halide::Buffer<float> x(const_cast<float *>(a.data()), int(a.size()));
    Halide::Buffer<float> y(const_cast<float *>(b.data()), int(b.size()));
    Halide::Var i;
    Halide::Func f;
    f(i) = evaluateElementwise(program, {x(i), y(i)});
    f.vectorize(i, 8, Halide::TailStrategy::GuardWithIf);
    Halide::Buffer<float> out = f.realize({int(a.size())});
    for (size_t k = 0; k < a.size(); ++k)
      EXPECT_EQ(out(int(k)), expected(ComparePredicate(p), a[k], b[k]) ? 1 : 0)
          << "predicate " << p << " on (" << a[k] << ", " << b[k] << ")";
  }
}

} // namespace
