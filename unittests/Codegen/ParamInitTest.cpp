//===- ParamInitTest.cpp - Initializer names and the truncated normal -----===//
//
// The parts of lib/Codegen/ParamInit that the generated <func>_init_params
// cannot show (param-init-tests in unittests/Runtime checks its values): the
// name table with its aliases, case and errors, the fans of a grouped weight,
// and the truncated normal's redraws, which MindSpore's arguments never
// trigger (they truncate at 200 sigma), JIT-compiled here at 1 sigma.
//
//===----------------------------------------------------------------------===//

#include "ParamInit.h"
#include "StatusTesting.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>

using namespace tconv::codegen;
using Kind = ParamDistribution::Kind;
using tconv::Expected;
using ::testing::StartsWith;

namespace {

// Weight (Cin=6, Cout/groups=4, 3, 5) with groups 2: fan_in 4*15, fan_out 6*15.
ConvTransposeSpec groupedSpec() {
  ConvTransposeSpec spec;
  spec.spatialRank = 2;
  spec.inChannels = 6;
  spec.outChannels = 8;
  spec.groups = 2;
  spec.kernelSize = {3, 5};
  return spec;
}

TEST(ParamInitNames, FansOfAGroupedWeight) {
  WeightFans fans = weightFans(groupedSpec());
  EXPECT_EQ(fans.fanIn, 4 * 3 * 5);
  EXPECT_EQ(fans.fanOut, 6 * 3 * 5);
}

struct NameCase {
  const char *name;
  bool forBias;
  Kind kind;
  double scale;
};

TEST(ParamInitNames, DistributionsWithMindSporeDefaults) {
  const WeightFans fans = {60, 90};
  const NameCase cases[] = {
      {"", false, Kind::Uniform, 1 / std::sqrt(60.0)},
      {"", true, Kind::Uniform, 1 / std::sqrt(60.0)},
      {"normal", false, Kind::Normal, 0.01},
      {"NORMAL", true, Kind::Normal, 0.01},
      {"Uniform", true, Kind::Uniform, 0.07},
      {"TruncatedNormal", false, Kind::TruncatedNormal, 0.01},
      {"HeUniform", false, Kind::Uniform, std::sqrt(6 / 60.0)},
      {"he_uniform", false, Kind::Uniform, std::sqrt(6 / 60.0)},
      {"He_Normal", false, Kind::Normal, std::sqrt(2 / 60.0)},
      {"henormal", false, Kind::Normal, std::sqrt(2 / 60.0)},
      {"XAVIER_UNIFORM", false, Kind::Uniform, std::sqrt(6 / 150.0)},
      {"xavieruniform", false, Kind::Uniform, std::sqrt(6 / 150.0)},
      {"xavier_normal", false, Kind::Normal, std::sqrt(2 / 150.0)},
      {"XavierNormal", false, Kind::Normal, std::sqrt(2 / 150.0)},
      {"one", true, Kind::Constant, 1},
      {"Ones", false, Kind::Constant, 1},
      {"zero", false, Kind::Constant, 0},
      {"ZEROS", true, Kind::Constant, 0},
  };
  for (const NameCase &c : cases) {
    Expected<ParamDistribution> resolved =
        resolveInitializer(c.name, c.forBias, fans);
    ASSERT_TRUE(isOk(resolved)) << c.name;
    const ParamDistribution &d = *resolved;
    EXPECT_EQ(d.kind, c.kind) << c.name;
    EXPECT_DOUBLE_EQ(d.scale, c.scale) << c.name;
    if (d.kind == Kind::TruncatedNormal) {
      EXPECT_EQ(d.lo, -2.0); // MindSpore 2.x: absolute bounds
      EXPECT_EQ(d.hi, 2.0);
    }
  }
}

TEST(ParamInitNames, Errors) {
  const WeightFans fans = {60, 90};
  Expected<ParamDistribution> fanBased =
      resolveInitializer("Xavier_Uniform", true, fans);
  EXPECT_FALSE(fanBased.ok());
  EXPECT_EQ(
      fanBased.message(),
      "bias_init \"Xavier_Uniform\" needs a tensor of rank 2 or more "
      "(MindSpore computes its fans from the shape), but the bias is 1-D");
  for (const char *name :
       {"Orthogonal", "dirac", "identity", "VarianceScaling"}) {
    Expected<ParamDistribution> unsupported =
        resolveInitializer(name, false, fans);
    EXPECT_FALSE(unsupported.ok()) << name;
    EXPECT_THAT(unsupported.message(),
                StartsWith(std::string("weight_init \"") + name +
                           "\" is not supported by the parameter "
                           "initialization"));
  }
  // No truncated_normal alias in MindSpore (docs/spec.md §2.6).
  Expected<ParamDistribution> unknown =
      resolveInitializer("truncated_normal", false, fans);
  EXPECT_FALSE(unknown.ok());
  EXPECT_THAT(unknown.message(),
              StartsWith("weight_init \"truncated_normal\" is not a known "
                         "initializer"));
}

TEST(ParamInitTruncatedNormal, RedrawsThenClamps) {
  // N(0, 1) confined to [-1, 1]: a draw is outside with p = 1 - erf(1/sqrt 2)
  // = 0.3173. Four draws per element, then a clamp: a share p^4 = 1.01% ends
  // exactly on a bound. One draw and a clamp would put 31.7% there; no clamp
  // would leave values outside.
  const int n = 1 << 16;
  ParamDistribution d{Kind::TruncatedNormal, 1.0, -1.0, 1.0};
  Halide::Param<uint64_t> seed;
  seed.set(12345);
  Halide::Func f = buildInitializedTensor("t", {256, 256}, d, seed, 7,
                                          Halide::Float(32));
  Halide::Buffer<float> values = f.realize({256, 256});
  int onBound = 0;
  double sum = 0;
  for (int y = 0; y < 256; ++y)
    for (int x = 0; x < 256; ++x) {
      const float v = values(x, y);
      ASSERT_TRUE(v >= -1.0f && v <= 1.0f) << v;
      onBound += std::fabs(v) == 1.0f;
      sum += v;
    }
  const double p = std::pow(1 - std::erf(1 / std::sqrt(2.0)), 4);
  // 6 standard errors of a share and of a mean (variance <= 1) over n values.
  EXPECT_NEAR(double(onBound) / n, p, 6 * std::sqrt(p * (1 - p) / n));
  EXPECT_NEAR(sum / n, 0.0, 6 / std::sqrt(double(n)));
}

} // namespace
