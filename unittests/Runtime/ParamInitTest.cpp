//===- ParamInitTest.cpp - <func>_init_params against the formulas --------===//
//
// The kernels of param_init_kernels.mlir are compiled with EMIT_INIT; each
// func's <func>_init_params is called and its values are checked against the
// distribution docs/initialization.md (and docs/spec.md §2.6) give, with the
// formulas written out here independently of lib/Codegen/ParamInit.cpp:
// every value inside the bound (uniform kinds, truncated), the extremes close
// to the bound, mean and variance within 6 standard errors of the formula,
// the share within one sigma for normals, exact constants, and the
// properties of the random stream (determinism, seeds, streams, threads).
//
//===----------------------------------------------------------------------===//

#include "canonical_he_uniform_init_params.h"
#include "ms_default_init_params.h"
#include "ms_he_normal_init_params.h"
#include "ms_heuniform_init_params.h"
#include "ms_normal_f64_init_params.h"
#include "ms_normal_init_params.h"
#include "ms_ones_init_params.h"
#include "ms_truncatednormal_init_params.h"
#include "ms_uniform_init_params.h"
#include "ms_xavier_uniform_f16_init_params.h"
#include "ms_xavier_uniform_init_params.h"
#include "ms_xaviernormal_init_params.h"
#include "ms_zero_init_params.h"
#include "torch_default_bf16_init_params.h"
#include "torch_default_f16_init_params.h"
#include "torch_default_f64_init_params.h"
#include "torch_default_init_params.h"
#include "torch_grouped_2d_init_params.h"

#include "HalideBuffer.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <string>
#include <vector>

namespace {

using Buffer = Halide::Runtime::Buffer<void>;

constexpr uint64_t kSeed = 20241203;

// The 1-D weight of param_init_kernels.mlir: (Cin=32, Cout=64, k=32).
const std::vector<int> kWeightSizes = {32, 64, 32}; // Halide order: k, Cout, Cin
constexpr double kFanIn = 64 * 32, kFanOut = 32 * 32;

halide_type_t floatType(int bits) { return {halide_type_float, uint8_t(bits)}; }
halide_type_t bfloatType() { return {halide_type_bfloat, 16}; }

/// A dense buffer from 0 with every byte 0xFF (NaN in every float type), so
/// an element the function does not write is caught.
Buffer poisoned(halide_type_t type, const std::vector<int> &sizes) {
  Buffer b(type, sizes);
  std::memset(b.data(), 0xFF, b.size_in_bytes());
  return b;
}

double halfToDouble(uint16_t h) {
  const int sign = h >> 15, exponent = (h >> 10) & 0x1F, mantissa = h & 0x3FF;
  double magnitude =
      exponent == 0    ? std::ldexp(mantissa, -24)
      : exponent == 31 ? (mantissa ? NAN : INFINITY)
                       : std::ldexp(1024 + mantissa, exponent - 25);
  return sign ? -magnitude : magnitude;
}

double bfloatToDouble(uint16_t b) {
  uint32_t bits = uint32_t(b) << 16;
  float f;
  std::memcpy(&f, &bits, sizeof f);
  return f;
}

/// The elements in memory order, i.e. flat row-major (Cin, Cout/g, K...).
std::vector<double> values(const Buffer &b) {
  std::vector<double> out(b.number_of_elements());
  const halide_type_t t = b.type();
  for (size_t i = 0; i < out.size(); ++i) {
    if (t == floatType(32))
      out[i] = static_cast<const float *>(b.data())[i];
    else if (t == floatType(64))
      out[i] = static_cast<const double *>(b.data())[i];
    else if (t == floatType(16))
      out[i] = halfToDouble(static_cast<const uint16_t *>(b.data())[i]);
    else
      out[i] = bfloatToDouble(static_cast<const uint16_t *>(b.data())[i]);
  }
  return out;
}

/// Relative rounding of the element type (half an ulp).
double roundoff(const Buffer &b) {
  const halide_type_t t = b.type();
  if (t == floatType(64))
    return std::ldexp(1.0, -53);
  if (t == floatType(32))
    return std::ldexp(1.0, -24);
  if (t == floatType(16))
    return std::ldexp(1.0, -11);
  return std::ldexp(1.0, -8); // bf16
}

/// `bound` rounded to the element type the way the generated code rounds a
/// value (round to nearest even): a value v with |v| <= bound before
/// rounding is <= the rounded bound after it, as rounding is monotonic.
double roundedBound(const Buffer &b, double bound) {
  if (b.type() == floatType(64))
    return bound;
  const double f32 = float(bound);
  if (b.type() == floatType(32))
    return f32;
  const int keep = b.type() == floatType(16) ? 11 : 8; // significant bits
  int exponent;
  std::frexp(f32, &exponent);
  const double ulp = std::ldexp(1.0, exponent - keep);
  return std::nearbyint(f32 / ulp) * ulp;
}

struct Moments {
  double mean = 0, variance = 0, min = INFINITY, max = -INFINITY;
};
Moments moments(const std::vector<double> &v) {
  Moments m;
  for (double x : v) {
    m.mean += x;
    m.min = std::min(m.min, x);
    m.max = std::max(m.max, x);
  }
  m.mean /= double(v.size());
  for (double x : v)
    m.variance += (x - m.mean) * (x - m.mean);
  m.variance /= double(v.size() - 1);
  return m;
}

// Tolerances: 6 standard errors of the estimate for n samples, a false
// failure probability below 1e-8 per check under the normal approximation
// (and the seeds are fixed, so a passing test stays passing). The standard
// error of the sample variance is sigma^2 * sqrt((kurtosis - 1) / n):
// kurtosis 9/5 for a uniform, 3 for a normal. Rounding to the element type
// adds at most 2 * roundoff * sigma^2 to the variance.
constexpr double kStandardErrors = 6;

void expectMoments(const std::vector<double> &v, double sigma2,
                   double kurtosis, double roundoffRel, const char *what) {
  const double n = double(v.size());
  Moments m = moments(v);
  EXPECT_NEAR(m.mean, 0.0, kStandardErrors * std::sqrt(sigma2 / n))
      << what << ": mean";
  EXPECT_NEAR(m.variance, sigma2,
              kStandardErrors * sigma2 * std::sqrt((kurtosis - 1) / n) +
                  2 * roundoffRel * sigma2)
      << what << ": variance";
}

/// U(-bound, bound): inside the bound, extremes near it, moments.
void expectUniform(const Buffer &b, double bound, const char *what) {
  std::vector<double> v = values(b);
  const double n = double(v.size()), limit = roundedBound(b, bound);
  for (size_t i = 0; i < v.size(); ++i)
    ASSERT_TRUE(std::fabs(v[i]) <= limit)
        << what << "[" << i << "] = " << v[i] << " outside +-" << bound;
  // P(max < bound * (1 - t)) = (1 - t/2)^n ~ exp(-n t / 2) = exp(-20) for
  // t = 40/n: a smaller bound than the formula's fails here.
  Moments m = moments(v);
  const double nearBound = bound * (1 - 40 / n - 2 * roundoff(b));
  EXPECT_GE(m.max, nearBound) << what << ": max far below the bound " << bound;
  EXPECT_LE(m.min, -nearBound) << what << ": min far above -" << bound;
  expectMoments(v, bound * bound / 3, 9.0 / 5, roundoff(b), what);
}

/// N(0, sigma^2): moments and the share within one sigma (0.6827 for a
/// normal; 0.5774 for a uniform of the same variance).
void expectNormal(const Buffer &b, double sigma, const char *what) {
  std::vector<double> v = values(b);
  for (size_t i = 0; i < v.size(); ++i)
    ASSERT_TRUE(std::isfinite(v[i])) << what << "[" << i << "] = " << v[i];
  expectMoments(v, sigma * sigma, 3, roundoff(b), what);
  const double n = double(v.size()), p = std::erf(1 / std::sqrt(2.0));
  double within = 0;
  for (double x : v)
    within += std::fabs(x) <= sigma;
  EXPECT_NEAR(within / n, p, kStandardErrors * std::sqrt(p * (1 - p) / n))
      << what << ": share within one sigma";
}

void expectConstant(const Buffer &b, double value, const char *what) {
  std::vector<double> v = values(b);
  for (size_t i = 0; i < v.size(); ++i)
    ASSERT_EQ(v[i], value) << what << "[" << i << "]";
}

Buffer weight32() { return poisoned(floatType(32), kWeightSizes); }
Buffer bias32() { return poisoned(floatType(32), {64}); }

//===----------------------------------------------------------------------===//
// PyTorch's default = MindSpore r2.1+'s None default
//===----------------------------------------------------------------------===//

TEST(ParamInit, TorchDefaultIsKaimingUniformSqrt5) {
  Buffer w = weight32(), b = bias32();
  ASSERT_EQ(torch_default_init_params(kSeed, w, b), 0);
  // kaiming_uniform_(a=sqrt(5)): gain sqrt(2/6), bound sqrt(3)*gain/sqrt(fan_in).
  const double bound = std::sqrt(3.0) * std::sqrt(2.0 / 6.0) / std::sqrt(kFanIn);
  EXPECT_NEAR(bound, 1 / std::sqrt(kFanIn), 1e-15);
  expectUniform(w, bound, "weight");
  expectUniform(b, 1 / std::sqrt(kFanIn), "bias");
}

TEST(ParamInit, MindSporeDefaultEqualsTorchDefault) {
  Buffer wt = weight32(), bt = bias32(), wm = weight32(), bm = bias32();
  ASSERT_EQ(torch_default_init_params(kSeed, wt, bt), 0);
  ASSERT_EQ(ms_default_init_params(kSeed, wm, bm), 0);
  EXPECT_EQ(std::memcmp(wt.data(), wm.data(), wt.size_in_bytes()), 0);
  EXPECT_EQ(std::memcmp(bt.data(), bm.data(), bt.size_in_bytes()), 0);
}

TEST(ParamInit, TorchDefaultGrouped2DUsesCoutPerGroup) {
  // Weight (64, 8, 8, 8): fan_in = (32/4) * 8 * 8 = 512.
  Buffer w = poisoned(floatType(32), {8, 8, 8, 64}), b = poisoned(floatType(32), {32});
  ASSERT_EQ(torch_grouped_2d_init_params(kSeed, w, b), 0);
  const double fanIn = (32 / 4) * 8 * 8;
  expectUniform(w, 1 / std::sqrt(fanIn), "weight");
  expectUniform(b, 1 / std::sqrt(fanIn), "bias");
}

TEST(ParamInit, TorchDefaultF64UsesDoublePrecision) {
  Buffer w = poisoned(floatType(64), kWeightSizes), b = poisoned(floatType(64), {64});
  ASSERT_EQ(torch_default_f64_init_params(kSeed, w, b), 0);
  expectUniform(w, 1 / std::sqrt(kFanIn), "weight");
  expectUniform(b, 1 / std::sqrt(kFanIn), "bias");
  // Drawn from 53 random bits, not an f32 widened.
  int notFloat = 0;
  for (double x : values(w))
    notFloat += double(float(x)) != x;
  EXPECT_GT(notFloat, int(w.number_of_elements()) * 9 / 10);
}

TEST(ParamInit, TorchDefaultF16AndBF16AreTheF32ValuesRounded) {
  Buffer w32 = weight32(), b32 = bias32();
  ASSERT_EQ(torch_default_init_params(kSeed, w32, b32), 0);
  Buffer w16 = poisoned(floatType(16), kWeightSizes), b16 = poisoned(floatType(16), {64});
  ASSERT_EQ(torch_default_f16_init_params(kSeed, w16, b16), 0);
  Buffer wbf = poisoned(bfloatType(), kWeightSizes);
  ASSERT_EQ(torch_default_bf16_init_params(kSeed, wbf), 0);
  expectUniform(w16, 1 / std::sqrt(kFanIn), "f16 weight");
  expectUniform(b16, 1 / std::sqrt(kFanIn), "f16 bias");
  expectUniform(wbf, 1 / std::sqrt(kFanIn), "bf16 weight");
  std::vector<double> f32 = values(w32), f16 = values(w16), bf16 = values(wbf);
  for (size_t i = 0; i < f32.size(); ++i) {
    // Half an ulp, or half the smallest f16 subnormal step near zero.
    ASSERT_LE(std::fabs(f16[i] - f32[i]),
              std::max(std::ldexp(std::fabs(f32[i]), -11), std::ldexp(1.0, -25)))
        << "f16 weight[" << i << "]";
    ASSERT_LE(std::fabs(bf16[i] - f32[i]), std::ldexp(std::fabs(f32[i]), -8))
        << "bf16 weight[" << i << "]";
  }
}

//===----------------------------------------------------------------------===//
// MindSpore's weight_init / bias_init names
//===----------------------------------------------------------------------===//

TEST(ParamInit, HeUniformStringUsesSlopeZero) {
  Buffer w = weight32(), b = bias32();
  ASSERT_EQ(ms_heuniform_init_params(kSeed, w, b), 0);
  // HeUniform() from a string: negative_slope 0, gain sqrt(2): sqrt(6/fan_in).
  expectUniform(w, std::sqrt(6 / kFanIn), "weight");
  expectUniform(b, 0.07, "bias (Uniform)");
}

TEST(ParamInit, CanonicalOpAttributeHeUniform) {
  Buffer w = weight32();
  ASSERT_EQ(canonical_he_uniform_init_params(kSeed, w), 0);
  expectUniform(w, std::sqrt(6 / kFanIn), "weight");
}

TEST(ParamInit, HeNormal) {
  Buffer w = weight32(), b = bias32();
  ASSERT_EQ(ms_he_normal_init_params(kSeed, w, b), 0);
  expectNormal(w, std::sqrt(2 / kFanIn), "weight");
  expectNormal(b, 0.01, "bias (normal)");
}

TEST(ParamInit, XavierUniformAndTruncatedNormalBias) {
  Buffer w = weight32(), b = bias32();
  ASSERT_EQ(ms_xavier_uniform_init_params(kSeed, w, b), 0);
  expectUniform(w, std::sqrt(6 / (kFanIn + kFanOut)), "weight");
  expectNormal(b, 0.01, "bias (TruncatedNormal)");
  for (double x : values(b))
    EXPECT_LE(std::fabs(x), 2.0);
}

TEST(ParamInit, XavierUniformF16) {
  Buffer w = poisoned(floatType(16), kWeightSizes), b = poisoned(floatType(16), {64});
  ASSERT_EQ(ms_xavier_uniform_f16_init_params(kSeed, w, b), 0);
  expectUniform(w, std::sqrt(6 / (kFanIn + kFanOut)), "weight");
  expectUniform(b, 1 / std::sqrt(kFanIn), "bias (default)");
}

TEST(ParamInit, XavierNormalWithDefaultBias) {
  Buffer w = weight32(), b = bias32();
  ASSERT_EQ(ms_xaviernormal_init_params(kSeed, w, b), 0);
  expectNormal(w, std::sqrt(2 / (kFanIn + kFanOut)), "weight");
  // r2.1+: bias_init None -> Uniform(1/sqrt(fan_in)) with the weight's fan_in.
  expectUniform(b, 1 / std::sqrt(kFanIn), "bias (default)");
}

TEST(ParamInit, Normal) {
  Buffer w = weight32();
  ASSERT_EQ(ms_normal_init_params(kSeed, w), 0);
  expectNormal(w, 0.01, "weight");
}

TEST(ParamInit, NormalF64) {
  Buffer w = poisoned(floatType(64), kWeightSizes), b = poisoned(floatType(64), {64});
  ASSERT_EQ(ms_normal_f64_init_params(kSeed, w, b), 0);
  expectNormal(w, 0.01, "weight");
  expectUniform(b, 0.07, "bias (uniform)");
}

TEST(ParamInit, Uniform) {
  Buffer w = weight32();
  ASSERT_EQ(ms_uniform_init_params(kSeed, w), 0);
  expectUniform(w, 0.07, "weight");
}

TEST(ParamInit, TruncatedNormalIsMindSpore2Absolute) {
  Buffer w = weight32();
  ASSERT_EQ(ms_truncatednormal_init_params(kSeed, w), 0);
  // 2.x: bounds [-2, 2] absolute, 200 sigma: a plain N(0, 0.01^2). (1.x cut
  // at +-2 sigma: variance 0.774 sigma^2, share within sigma 0.81; both fail
  // the checks below.)
  expectNormal(w, 0.01, "weight");
  std::vector<double> v = values(w);
  for (double x : v)
    ASSERT_LE(std::fabs(x), 2.0);
  Moments m = moments(v);
  EXPECT_GT(std::max(m.max, -m.min), 2 * 0.01) << "no value beyond 2 sigma";
}

TEST(ParamInit, OnesAndZeros) {
  Buffer w = weight32(), b = bias32();
  ASSERT_EQ(ms_ones_init_params(kSeed, w, b), 0);
  expectConstant(w, 1.0, "weight (ones)");
  expectConstant(b, 1.0, "bias (One)");
  ASSERT_EQ(ms_zero_init_params(kSeed, w, b), 0);
  expectConstant(w, 0.0, "weight (Zero)");
  expectConstant(b, 0.0, "bias (zeros)");
}

//===----------------------------------------------------------------------===//
// The random stream
//===----------------------------------------------------------------------===//

TEST(ParamInit, DeterministicForASeed) {
  Buffer w1 = weight32(), b1 = bias32(), w2 = weight32(), b2 = bias32();
  ASSERT_EQ(ms_he_normal_init_params(kSeed, w1, b1), 0);
  ASSERT_EQ(ms_he_normal_init_params(kSeed, w2, b2), 0);
  EXPECT_EQ(std::memcmp(w1.data(), w2.data(), w1.size_in_bytes()), 0);
  EXPECT_EQ(std::memcmp(b1.data(), b2.data(), b1.size_in_bytes()), 0);
}

TEST(ParamInit, IndependentOfTheThreadCount) {
  Buffer w1 = weight32(), b1 = bias32(), w2 = weight32(), b2 = bias32();
  ASSERT_EQ(ms_he_normal_init_params(kSeed, w1, b1), 0);
  const int previous = halide_set_num_threads(1);
  const int rc = ms_he_normal_init_params(kSeed, w2, b2);
  halide_set_num_threads(previous);
  ASSERT_EQ(rc, 0);
  EXPECT_EQ(std::memcmp(w1.data(), w2.data(), w1.size_in_bytes()), 0);
  EXPECT_EQ(std::memcmp(b1.data(), b2.data(), b1.size_in_bytes()), 0);
}

TEST(ParamInit, DifferentSeedsGiveDifferentValues) {
  Buffer w1 = weight32(), b1 = bias32(), w2 = weight32(), b2 = bias32();
  ASSERT_EQ(torch_default_init_params(kSeed, w1, b1), 0);
  ASSERT_EQ(torch_default_init_params(kSeed + 1, w2, b2), 0);
  std::vector<double> v1 = values(w1), v2 = values(w2);
  size_t same = 0;
  for (size_t i = 0; i < v1.size(); ++i)
    same += v1[i] == v2[i];
  // Two independent 24-bit draws coincide with probability 2^-24.
  EXPECT_LE(same, 2u);
  EXPECT_NE(std::memcmp(b1.data(), b2.data(), b1.size_in_bytes()), 0);
}

TEST(ParamInit, WeightAndBiasStreamsDiffer) {
  // Same distribution for both: equal streams would repeat the weight's
  // first 64 values in the bias.
  Buffer w = weight32(), b = bias32();
  ASSERT_EQ(torch_default_init_params(kSeed, w, b), 0);
  std::vector<double> vw = values(w), vb = values(b);
  for (size_t i = 0; i < vb.size(); ++i)
    EXPECT_NE(vw[i], vb[i]) << "index " << i;
}

TEST(ParamInit, NeighboursAreUncorrelated) {
  // A broken counter (one draw reused, or a period of a few elements) shows
  // as correlation between element i and i + lag.
  Buffer w = weight32();
  ASSERT_EQ(ms_normal_init_params(kSeed, w), 0);
  std::vector<double> v = values(w);
  const double n = double(v.size());
  Moments m = moments(v);
  for (size_t lag : {1, 2, 31, 32, 2048}) {
    double c = 0;
    for (size_t i = 0; i + lag < v.size(); ++i)
      c += (v[i] - m.mean) * (v[i + lag] - m.mean);
    c /= (n - double(lag)) * m.variance;
    EXPECT_LE(std::fabs(c), kStandardErrors / std::sqrt(n)) << "lag " << lag;
  }
}

//===----------------------------------------------------------------------===//
// Mismatched buffers
//===----------------------------------------------------------------------===//

std::string &capturedErrors() {
  static std::string errors;
  return errors;
}
extern "C" void captureError(void *, const char *message) {
  capturedErrors() += message ? message : "(null)";
}

class ParamInitBadBuffer : public ::testing::Test {
protected:
  void SetUp() override {
    previous = halide_set_error_handler(captureError);
    capturedErrors().clear();
  }
  void TearDown() override { halide_set_error_handler(previous); }
  halide_error_handler_t previous = nullptr;
};

TEST_F(ParamInitBadBuffer, WrongWeightExtent) {
  Buffer w = poisoned(floatType(32), {31, 64, 32}), b = bias32();
  EXPECT_NE(torch_default_init_params(kSeed, w, b), 0);
  EXPECT_NE(capturedErrors().find("weight"), std::string::npos)
      << capturedErrors();
}

TEST_F(ParamInitBadBuffer, WrongBiasExtent) {
  Buffer w = weight32(), b = poisoned(floatType(32), {65});
  EXPECT_NE(torch_default_init_params(kSeed, w, b), 0);
  EXPECT_NE(capturedErrors().find("bias"), std::string::npos)
      << capturedErrors();
}

TEST_F(ParamInitBadBuffer, WrongType) {
  Buffer w = poisoned(floatType(64), kWeightSizes), b = bias32();
  EXPECT_NE(torch_default_init_params(kSeed, w, b), 0);
  EXPECT_NE(capturedErrors().find("weight"), std::string::npos)
      << capturedErrors();
}

TEST_F(ParamInitBadBuffer, WrongRank) {
  Buffer w = poisoned(floatType(32), {32, 64, 32, 1}), b = bias32();
  EXPECT_NE(torch_default_init_params(kSeed, w, b), 0);
  EXPECT_NE(capturedErrors().find("weight"), std::string::npos)
      << capturedErrors();
}

TEST_F(ParamInitBadBuffer, NotDense) {
  // The right extents, but k is the outermost dimension in memory.
  Buffer w(floatType(32), kWeightSizes, {2, 1, 0});
  Buffer b = bias32();
  EXPECT_NE(torch_default_init_params(kSeed, w, b), 0);
  EXPECT_NE(capturedErrors().find("weight"), std::string::npos)
      << capturedErrors();
}

} // namespace
