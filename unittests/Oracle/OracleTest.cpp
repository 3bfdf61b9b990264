//===- OracleTest.cpp - The shared test oracle against the spec -----------===//
//
// test/support/ConvTransposeOracle.h is what every other test trusts, so its
// flavor mapping is checked here against the values docs/spec.md measured or
// derived (§2.5, §3.3, §7.2), and its two forms of the convolution (scatter
// over the whole output, gather of one element) against a hand-computed
// output and against each other.
//
//===----------------------------------------------------------------------===//

#include "ConvTransposeOracle.h"

#include <gtest/gtest.h>

#include <cmath>
#include <random>

using namespace tconv::oracle;

namespace {

TEST(OracleMapping, TorchCropsBothEndsAndOutputPaddingExtendsTheEnd) {
  EXPECT_EQ(torchPadding(2, 2), (DimPadding{2, 0, 0})); // §7.2 row 2
  EXPECT_EQ(outputLength(50, 5, 3, 1, torchPadding(2, 2)), 150);
}

TEST(OracleMapping, MindSporeRowsOfTheComparisonPage) {
  // §7.2 rows 12-14: k4 s1 'pad', k5 s3 'same', k5 s3 'valid', L = 50.
  EXPECT_EQ(mindSporePadding("pad", 1, 4, 1, 1, 0, 0, 0), (DimPadding{0, 0, 0}));
  EXPECT_EQ(mindSporePadding("same", 1, 5, 3, 1, 0, 0, 0), (DimPadding{1, 1, 0}));
  EXPECT_EQ(mindSporePadding("valid", 1, 5, 3, 1, 0, 0, 0), (DimPadding{0, 0, 0}));
  // 'same' with dk < s: L*s, the extra positions hold the bias (§2.3).
  EXPECT_EQ(mindSporePadding("same", 1, 2, 3, 1, 0, 0, 0), (DimPadding{0, -1, 0}));
  EXPECT_EQ(outputLength(4, 2, 3, 1, mindSporePadding("same", 1, 2, 3, 1, 0, 0, 0)), 12);
}

TEST(OracleMapping, MindSporeOutputPaddingDependsOnTheRank) {
  // 2-D: op hard zeros after the bias (§2.4); 3-D: (head, tail - op) (§2.5).
  EXPECT_EQ(mindSporePadding("pad", 2, 3, 2, 1, 1, 2, 1), (DimPadding{1, 2, 1}));
  EXPECT_EQ(mindSporePadding("pad", 3, 3, 2, 1, 1, 2, 1), (DimPadding{1, 1, 0}));
  // Both lengthen the output by op: F - head - tail + op.
  EXPECT_EQ(outputLength(5, 3, 2, 1, mindSporePadding("pad", 3, 3, 2, 1, 1, 2, 1)), 9);
  EXPECT_EQ(outputLength(5, 3, 2, 1, mindSporePadding("pad", 2, 3, 2, 1, 1, 2, 1)), 9);
  // 3-D 'same' ignores op.
  EXPECT_EQ(mindSporePadding("same", 3, 5, 3, 1, 0, 0, 2), (DimPadding{1, 1, 0}));
}

TEST(OracleMapping, OnnxAsOnnxruntimeMeasured) {
  // §3.3, k3 s2 L5 d1 unless stated.
  EXPECT_EQ(onnxPadding("SAME_UPPER", 5, 3, 2, 1, 0, 0, 0), (DimPadding{0, 1, 0}));
  EXPECT_EQ(onnxPadding("SAME_LOWER", 5, 3, 2, 1, 0, 0, 0), (DimPadding{1, 0, 0}));
  EXPECT_EQ(onnxPadding("SAME_UPPER", 6, 5, 3, 1, 0, 0, 0), (DimPadding{1, 1, 0}));
  EXPECT_EQ(onnxPadding("SAME_UPPER", 4, 2, 3, 1, 0, 0, 0), (DimPadding{0, 0, 0}));
  EXPECT_EQ(onnxPadding("SAME_UPPER", 5, 3, 2, 1, 0, 0, 1), (DimPadding{1, 0, 0}));
  EXPECT_EQ(onnxPadding("SAME_UPPER", 5, 3, 2, 2, 0, 0, 0), (DimPadding{1, 2, 0}));
  EXPECT_EQ(onnxPadding("NOTSET", 5, 3, 2, 1, 0, 0, 0, 10), (DimPadding{1, 0, 0}));
  EXPECT_EQ(onnxPadding("NOTSET", 5, 3, 2, 1, 0, 0, 0, 12), (DimPadding{0, -1, 0}));
  EXPECT_EQ(onnxPadding("NOTSET", 5, 3, 2, 1, 0, 0, 0, 9), (DimPadding{1, 1, 0}));
  EXPECT_EQ(onnxPadding("SAME_UPPER", 5, 3, 2, 1, 0, 0, 0, 10), (DimPadding{0, 1, 0}));
  EXPECT_EQ(onnxPadding("SAME_LOWER", 5, 3, 2, 1, 0, 0, 0, 10), (DimPadding{1, 0, 0}));
  EXPECT_EQ(onnxPadding("VALID", 5, 3, 2, 1, 0, 0, 0, 10), (DimPadding{1, 0, 0}));
  EXPECT_EQ(onnxPadding("NOTSET", 5, 3, 2, 1, 0, 0, 1, 10), (DimPadding{1, 0, 0}));
  EXPECT_EQ(onnxPadding("VALID", 5, 3, 2, 1, 0, 0, 1), (DimPadding{0, -1, 0}));
  EXPECT_EQ(onnxPadding("NOTSET", 5, 3, 2, 1, 3, 0, 0), (DimPadding{3, 0, 0}));
  EXPECT_EQ(outputLength(5, 3, 2, 1, onnxPadding("VALID", 5, 3, 2, 1, 0, 0, 1)), 12);
}

TEST(OracleConv, HandComputedOneDimension) {
  // x = [1, 2], w = [1, 10, 100], s = 2: full = [1, 10, 102, 20, 200].
  // (pad_lo, pad_hi) = (1, -1) and one trailing zero, bias 0.5:
  // [10.5, 102.5, 20.5, 200.5, 0.5 (bias only), 0 (hard zero)].
  Problem p;
  p.xShape = {1, 1, 2};
  p.wShape = {1, 1, 3};
  p.stride = {2};
  p.dilation = {1};
  p.padding = {DimPadding{1, -1, 1}};
  const Result r = convTranspose(p, std::vector<double>{1, 2},
                                  std::vector<double>{1, 10, 100},
                                  std::vector<double>{0.5});
  EXPECT_EQ(r.shape, (std::vector<int64_t>{1, 1, 6}));
  EXPECT_EQ(r.value, (std::vector<double>{10.5, 102.5, 20.5, 200.5, 0.5, 0}));
  EXPECT_EQ(r.absSum, (std::vector<double>{10.5, 102.5, 20.5, 200.5, 0.5, 0}));
  EXPECT_EQ(r.terms, (std::vector<int64_t>{1, 2, 1, 1, 0, 0}));
}

TEST(OracleConv, GatherAgreesWithScatterIn3DWithGroups) {
  Problem p;
  p.xShape = {2, 4, 3, 2, 4};
  p.wShape = {4, 3, 2, 3, 2};
  p.groups = 2;
  p.stride = {2, 1, 3};
  p.dilation = {1, 2, 1};
  p.padding = {DimPadding{1, -2, 0}, DimPadding{0, 1, 2}, DimPadding{-1, 2, 0}};
  std::mt19937 rng(7);
  std::uniform_real_distribution<double> dist(-1, 1);
  auto random = [&](size_t n) {
    std::vector<double> v(n);
    for (double &e : v)
      e = dist(rng);
    return v;
  };
  const std::vector<double> x = random(2 * 4 * 3 * 2 * 4), w = random(4 * 3 * 2 * 3 * 2),
                            b = random(6);
  const Result r = convTranspose(p, x, w, b);
  ASSERT_EQ(r.shape, p.outputShape());
  // F = (6, 6, 11); 6 - 1 + 2, 6 - 0 - 1 + 2 zeros, 11 + 1 - 2.
  ASSERT_EQ(r.shape, (std::vector<int64_t>{2, 6, 7, 7, 10}));
  size_t i = 0;
  int64_t withTerms = 0;
  for (int64_t n = 0; n < 2; ++n)
    for (int64_t co = 0; co < 6; ++co)
      for (int64_t m0 = 0; m0 < 7; ++m0)
        for (int64_t m1 = 0; m1 < 7; ++m1)
          for (int64_t m2 = 0; m2 < 10; ++m2, ++i) {
            const Element e = convTransposeAt(p, x.data(), w.data(), b.data(),
                                               {n, co, m0, m1, m2});
            ASSERT_NEAR(e.value, r.value[i], 1e-12) << i;
            ASSERT_NEAR(e.absSum, r.absSum[i], 1e-12) << i;
            ASSERT_EQ(e.terms, r.terms[i]) << i;
            withTerms += e.terms > 0;
          }
  EXPECT_GT(withTerms, 100); // not a comparison of two empty outputs
}

TEST(OracleTolerance, BoundsTheRoundingAndNotAMissingTerm) {
  // f32, 16 terms of magnitude 1: (R+2) 2^-24 A is far below one term.
  const double tol = toleranceFor(DType::F32, 0.0, 16.0, 16);
  EXPECT_GT(tol, 16.0 * std::ldexp(1.0, -24));
  EXPECT_LT(tol, 1e-4);
  // f16 adds half an ulp of the result: 2^-11 |r|, plus 2^-24 near zero.
  EXPECT_NEAR(toleranceFor(DType::F16, 1.0, 0.0, 0), std::ldexp(1.0, -11) + std::ldexp(1.0, -24),
              1e-12);
  EXPECT_EQ(toleranceFor(DType::F64, 0.0, 0.0, 0), 1e-300);
}

} // namespace
