//===- ConvTransposeJitTest.cpp - Scheduled pipeline vs. reference --------===//
//
// JIT-compiles the scheduled pipelines of each configuration and compares
// them with the naive reference on random data (for dynamic specs, on several
// run-time shapes with the same compiled code). Static specs: the default
// choice and every other CPU variant that supports the shape, with its
// default parameters. Dynamic specs: every specialization of the kernel's
// plan (KernelPlan.h), and every other CPU variant with its defaults (what a
// tuning database entry compiles), each on every run-time shape (a kernel is
// valid at every length; the dispatch only picks the fastest).
//
//===----------------------------------------------------------------------===//

#include "CodegenTestUtils.h"
#include "ConvTransposeAlgorithm.h"
#include "CpuRules.h"
#include "HostTarget.h"
#include "KernelPlan.h"
#include "StatusTesting.h"
#include "VariantParamNames.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace tconv;
using namespace tconv::codegen;
using namespace tconv::codegen::testing;
using reference::ConvShape;

namespace {

struct JitCase {
  const char *name;
  ElementType type;
  bool hasBias;
  ConvShape shape;
  /// Run-time shapes of a spec with dynamic batch and spatial sizes; empty:
  /// a static spec run on `shape` alone.
  std::vector<ConvShape> dynamicRuns = {};
};

// gtest prints a failing case by its name, not as raw bytes.
void PrintTo(const JitCase &c, std::ostream *os) { *os << c.name; }

ConvShape conv(int64_t n, int64_t cin, int64_t cout, int64_t groups,
               std::vector<int64_t> input, std::vector<int64_t> kernel,
               std::vector<int64_t> stride, std::vector<int64_t> dilation,
               std::vector<DimPadding> padding) {
  return {n, cin, cout, groups, input, kernel, stride, dilation, padding};
}

/// The oracle's name of an element type (its tolerance depends on it).
oracle::DType oracleType(ElementType type) {
  switch (type) {
  case ElementType::F16:
    return oracle::DType::F16;
  case ElementType::BF16:
    return oracle::DType::BF16;
  case ElementType::F32:
    return oracle::DType::F32;
  case ElementType::F64:
    return oracle::DType::F64;
  }
  return oracle::DType::F32;
}

template <typename T>
void runAndCompare(ConvTransposePipeline &pipeline, const JitCase &c,
                   const ConvShape &shape, std::mt19937 &rng) {
  std::vector<T> x = randomTensor<T>(reference::product(inputShape(shape)), rng);
  std::vector<T> w = randomTensor<T>(reference::product(weightShape(shape)), rng);
  std::vector<T> b = c.hasBias ? randomTensor<T>(shape.outChannels, rng)
                               : std::vector<T>();
  std::vector<int64_t> yShape = outputShape(shape);
  std::vector<T> y(reference::product(yShape));
  pipeline.input.set(Halide::Buffer<T>(x.data(), halideSizes(inputShape(shape))));
  pipeline.weight.set(
      Halide::Buffer<T>(w.data(), halideSizes(weightShape(shape))));
  if (c.hasBias)
    pipeline.bias->set(Halide::Buffer<T>(b.data(), {int(b.size())}));
  Halide::Buffer<T> yBuf(y.data(), halideSizes(yShape));
  pipeline.output.realize(yBuf);

  // The shared oracle's result and a-priori tolerance (ConvTransposeOracle.h
  // derives it), per element from its own |terms| sum and term count.
  oracle::Result expected = reference::convTranspose(shape, x, w, b);
  int reported = 0;
  for (size_t i = 0; i < y.size() && reported < 5; ++i) {
    double got = double(y[i]), want = expected.value[i];
    double tolerance = oracle::toleranceFor(oracleType(c.type), want,
                                            expected.absSum[i], expected.terms[i]);
    if (!(std::fabs(got - want) <= tolerance)) {
      ADD_FAILURE() << "element " << i << ": got " << got << ", want " << want
                    << " (tolerance " << tolerance << ", N=" << shape.batch
                    << ")";
      ++reported;
    }
  }
}

class ConvTransposeJit : public ::testing::TestWithParam<JitCase> {};

/// This machine as tconv-tune JIT-compiles for it: Halide 14's host target
/// claims AVX512-FP16 on every CPU with AVX512-BF16 (Zen 4 and 5 have none;
/// an f16 gather then ran vmovw and died of SIGILL), resolveTarget drops it.
Halide::Target jitTarget() {
  return resolveTarget("host").with_feature(Halide::Target::JIT);
}

/// The choices a case is compiled with (see the file comment).
std::vector<VariantChoice> choicesUnderTest(const ShapeFacts &facts) {
  std::vector<VariantChoice> choices =
      facts.dynamicLength() ? planKernel(facts, defaultChoice).kernels
                            : std::vector<VariantChoice>{defaultChoice(facts)};
  // Every other tunable variant with its defaults; for a dynamic spec, what
  // a tuning database entry builds (a variant tuned at one length, compiled
  // for all).
  for (const KernelVariant *variant : kernelVariants()) {
    bool chosen = false;
    for (const VariantChoice &c : choices)
      chosen |= c.variant == variant;
    if (variant->tunable() && variant->supports(facts) && !chosen)
      choices.push_back({variant, variant->defaultParams(facts)});
  }
  // And the other side of each switch a choice has.
  return withSwitchesFlipped(facts, std::move(choices));
}

TEST_P(ConvTransposeJit, MatchesReference) {
  const JitCase &c = GetParam();
  bool dynamic = !c.dynamicRuns.empty();
  ConvTransposeSpec spec = makeSpec(c.shape, c.type, c.hasBias, dynamic, dynamic);
  Halide::Target target = jitTarget();
  ShapeFacts facts = computeShapeFacts(spec, target);
  for (const VariantChoice &choice : choicesUnderTest(facts)) {
    SCOPED_TRACE(choice.describe());
    ASSERT_TRUE(isOk(choice.variant->checkParams(facts, choice.params)));
    ConvTransposePipeline pipeline = choice.variant->build(facts, choice.params);
    pipeline.output.compile_jit(target);

    std::mt19937 rng(1234);
    std::vector<ConvShape> runs = dynamic ? c.dynamicRuns : std::vector{c.shape};
    for (const ConvShape &shape : runs) {
      switch (c.type) {
      case ElementType::F16:
        runAndCompare<Halide::float16_t>(pipeline, c, shape, rng);
        break;
      case ElementType::BF16:
        runAndCompare<Halide::bfloat16_t>(pipeline, c, shape, rng);
        break;
      case ElementType::F32:
        runAndCompare<float>(pipeline, c, shape, rng);
        break;
      case ElementType::F64:
        runAndCompare<double>(pipeline, c, shape, rng);
        break;
      }
    }
  }
}

const ElementType F16 = ElementType::F16, BF16 = ElementType::BF16,
                  F32 = ElementType::F32, F64 = ElementType::F64;

// Pads are {padLo, padHi, trailingZeros}; PyTorch (p, op) is {p, p - op}.
const JitCase kCases[] = {
    // 1-D.
    {"Stride1", F32, true, conv(1, 3, 5, 1, {7}, {3}, {1}, {1}, {{0, 0}})},
    {"TorchS2K4P1", F32, true, conv(2, 4, 6, 1, {9}, {4}, {2}, {1}, {{1, 1}})},
    {"OutputPadding2", F32, false, conv(1, 3, 4, 1, {11}, {5}, {3}, {1}, {{2, 0}})},
    {"HifiganLikeS8K16", F32, true, conv(1, 8, 8, 1, {13}, {16}, {8}, {1}, {{4, 4}})},
    {"StrideAboveKernelBiasTail", F32, true,
     conv(1, 2, 3, 1, {6}, {3}, {5}, {1}, {{0, -2}})},
    {"MsValidDkBelowStride", F32, true, conv(1, 3, 2, 1, {7}, {3}, {8}, {1}, {{0, -5}})},
    {"DilationCoprimeStride", F32, false, conv(1, 2, 3, 1, {5}, {2}, {7}, {3}, {{0, 0}})},
    {"DilationSharesStride", F32, true, conv(1, 3, 4, 1, {10}, {3}, {4}, {2}, {{1, 2}})},
    {"NegativeLoLargePads", F32, true, conv(2, 2, 3, 1, {10}, {4}, {6}, {4}, {{-3, 14}})},
    {"PadsBeyondKernel", F32, false, conv(1, 3, 2, 1, {19}, {3}, {2}, {1}, {{5, 4}})},
    {"BothPadsNegative", F32, true, conv(1, 2, 2, 1, {4}, {2}, {3}, {1}, {{-2, -1}})},
    {"Stride1DilatedCrop", F32, true, conv(1, 2, 3, 1, {9}, {5}, {1}, {3}, {{8, -3}})},
    {"Groups2", F32, true, conv(1, 4, 6, 2, {8}, {3}, {2}, {1}, {{1, 0}})},
    {"Depthwise", F32, false, conv(2, 4, 4, 4, {9}, {4}, {2}, {1}, {{1, 1}})},
    {"Groups3DilatedPrime", F32, true, conv(1, 6, 9, 3, {17}, {5}, {3}, {2}, {{2, 3}})},
    {"PrimeChannels", F32, true, conv(3, 5, 7, 1, {13}, {4}, {2}, {1}, {{1, 1}})},
    {"SeveralTilesAndBlocks", F32, true, conv(2, 32, 24, 1, {37}, {16}, {8}, {1}, {{4, 4}})},
    {"LongInput", F32, false, conv(1, 8, 12, 1, {301}, {4}, {2}, {1}, {{1, 1}})},
    // Stride >= 8 with more than 16 input channels per group: the phases as
    // a variable, looped inside slices of input channels (rule 5).
    {"PhasesInSlicesS8K16", F32, true, conv(2, 48, 8, 1, {13}, {16}, {8}, {1}, {{4, 4}})},
    {"PhasesInSlicesGroupsSliceOf2", F32, true,
     conv(1, 68, 6, 2, {9}, {16}, {8}, {1}, {{4, 4}})},
    {"PhasesInSlicesDilatedOneTapEach", F32, false,
     conv(1, 20, 4, 1, {6}, {8}, {8}, {3}, {{2, 1}})},
    {"PhasesInSlicesNotUnrolled", F32, true,
     conv(1, 32, 6, 1, {100}, {32}, {16}, {1}, {{8, 8}})},
    {"PhasesInSlicesDynamic", F32, true, conv(1, 32, 8, 1, {7}, {24}, {12}, {1}, {{6, 6}}),
     {conv(1, 32, 8, 1, {7}, {24}, {12}, {1}, {{6, 6}}),
      conv(2, 32, 8, 1, {20}, {24}, {12}, {1}, {{6, 6}}),
      conv(1, 32, 8, 1, {1}, {24}, {12}, {1}, {{6, 6}})}},
    // Few output channels (every 1-D case also runs cpu-tap-gemm, and those
    // with K a multiple of s cpu-phase-lanes): padLo off a row boundary (one
    // more row of sums per tile), groups of one channel with a negative
    // padLo, partial tiles, f64, dynamic lengths across the plans of both
    // variants (their defaults: Cin >= 16), and a depthwise layer whose
    // stride fills a vector (supported, not the default).
    {"PhaseLanesOneOutput", F32, true, conv(2, 40, 1, 1, {37}, {32}, {16}, {1}, {{8, 8}})},
    {"PhaseLanesGroupsNegativePad", F32, true,
     conv(1, 6, 2, 2, {11}, {48}, {16}, {1}, {{-5, 20}})},
    {"PhaseLanesPartialTiles", F32, false, conv(1, 3, 1, 1, {150}, {16}, {16}, {1}, {{0, 0}})},
    {"PhaseLanesF64", F64, true, conv(1, 4, 1, 1, {10}, {16}, {8}, {1}, {{3, 3}})},
    {"PhaseLanesDynamic", F32, true, conv(1, 16, 1, 1, {9}, {32}, {16}, {1}, {{8, 8}}),
     {conv(1, 16, 1, 1, {9}, {32}, {16}, {1}, {{8, 8}}),
      conv(1, 16, 1, 1, {70}, {32}, {16}, {1}, {{8, 8}}),
      conv(1, 16, 1, 1, {1}, {32}, {16}, {1}, {{8, 8}})}},
    {"PhaseLanesDepthwiseDynamic", F32, true, conv(1, 5, 5, 5, {9}, {32}, {16}, {1}, {{3, 0}}),
     {conv(1, 5, 5, 5, {9}, {32}, {16}, {1}, {{3, 0}}),
      conv(2, 5, 5, 5, {140}, {32}, {16}, {1}, {{3, 0}}),
      conv(1, 5, 5, 5, {1}, {32}, {16}, {1}, {{3, 0}})}},
    {"TapGemmDynamic", F32, true, conv(1, 16, 1, 1, {9}, {16}, {8}, {1}, {{0, 0}}),
     {conv(1, 16, 1, 1, {9}, {16}, {8}, {1}, {{0, 0}}),
      conv(1, 16, 1, 1, {101}, {16}, {8}, {1}, {{0, 0}}),
      conv(1, 16, 1, 1, {1}, {16}, {8}, {1}, {{0, 0}})}},
    {"TapGemmDilatedTwoOutputs", F32, true,
     conv(2, 24, 2, 1, {41}, {5}, {3}, {2}, {{2, 1}})},
    // Output channels as the lanes (cpu-channel-lanes, every 1-D case with
    // whole vectors of output channels per group: 16 per f32/f16 vector, 8
    // per f64 one): a short row in one tile, several tiles with a partial
    // block, odd K with dilation and a cropped end, a negative padLo, a
    // dynamic length (every tunable variant is also built for the dynamic
    // spec, with its defaults), and groups, where a register block's
    // channels must stay inside one group.
    {"ChannelLanesShortRow", F32, true, conv(1, 8, 32, 1, {17}, {4}, {2}, {1}, {{1, 1}})},
    {"ChannelLanesTilesDilated", F32, false,
     conv(2, 5, 16, 1, {150}, {5}, {3}, {2}, {{2, 3}})},
    {"ChannelLanesF64NegativePad", F64, true,
     conv(1, 3, 8, 1, {9}, {3}, {2}, {1}, {{-1, 2}})},
    {"ChannelLanesF16", F16, true, conv(1, 4, 16, 1, {12}, {4}, {2}, {1}, {{1, 1}})},
    {"ChannelLanesDynamic", F32, true, conv(1, 6, 32, 1, {9}, {4}, {2}, {1}, {{1, 1}}),
     {conv(1, 6, 32, 1, {9}, {4}, {2}, {1}, {{1, 1}}),
      conv(2, 6, 32, 1, {300}, {4}, {2}, {1}, {{1, 1}}),
      conv(1, 6, 32, 1, {1}, {4}, {2}, {1}, {{1, 1}})}},
    {"ChannelLanesGrouped", F32, true, conv(2, 12, 96, 3, {40}, {8}, {4}, {1}, {{2, 2}})},
    {"ChannelLanesGroupedDilatedDynamic", F32, false,
     conv(1, 4, 32, 2, {9}, {3}, {2}, {2}, {{1, 0}}),
     {conv(1, 4, 32, 2, {9}, {3}, {2}, {2}, {{1, 0}}),
      conv(2, 4, 32, 2, {130}, {3}, {2}, {2}, {{1, 0}}),
      conv(1, 4, 32, 2, {1}, {3}, {2}, {2}, {{1, 0}})}},
    // The taps and channels as GEMM columns (cpu-column-gemm, every 1-D
    // ungrouped case whose K x Cout fills whole vectors): a kernel shorter
    // than a vector (the columns of four channels in one) across a dynamic
    // length, f64 (8 lanes) with a negative padLo, and a dilated kernel of
    // two vectors per channel with blocks of positions left over. Every
    // case runs with both loop orders (choicesUnderTest).
    {"ColumnGemmK4Dynamic", F32, true, conv(1, 24, 32, 1, {9}, {4}, {2}, {1}, {{1, 1}}),
     {conv(1, 24, 32, 1, {9}, {4}, {2}, {1}, {{1, 1}}),
      conv(2, 24, 32, 1, {100}, {4}, {2}, {1}, {{1, 1}}),
      conv(1, 24, 32, 1, {1}, {4}, {2}, {1}, {{1, 1}})}},
    {"ColumnGemmF64NegativePad", F64, false,
     conv(2, 5, 8, 1, {13}, {8}, {4}, {1}, {{-2, 3}})},
    {"ColumnGemmK32Dilated", F32, true, conv(1, 7, 2, 1, {11}, {32}, {16}, {2}, {{8, 8}})},
    // K a multiple of the block of columns (blocks split from the taps
    // alone, one channel per task) across a dynamic length, and one output
    // channel whose 16 taps are one vector (the tiles of positions outer).
    {"ColumnGemmBlocksWithinTapsDynamic", F32, true,
     conv(1, 5, 2, 1, {9}, {64}, {16}, {1}, {{4, 4}}),
     {conv(1, 5, 2, 1, {9}, {64}, {16}, {1}, {{4, 4}}),
      conv(2, 5, 2, 1, {70}, {64}, {16}, {1}, {{4, 4}}),
      conv(1, 5, 2, 1, {1}, {64}, {16}, {1}, {{4, 4}})}},
    {"ColumnGemmOneColumnTiles", F32, false,
     conv(1, 33, 1, 1, {131}, {16}, {8}, {1}, {{0, 0}})},
    {"F64", F64, true, conv(2, 3, 4, 1, {11}, {4}, {2}, {1}, {{1, 1}})},
    {"F16", F16, false, conv(1, 8, 4, 1, {12}, {4}, {2}, {1}, {{1, 1}})},
    {"BF16", BF16, true, conv(1, 8, 4, 1, {12}, {5}, {3}, {1}, {{2, 1}})},
    {"DynamicBatchAndLength", F32, true, conv(1, 3, 4, 1, {5}, {4}, {2}, {1}, {{1, 1}}),
     {conv(1, 3, 4, 1, {5}, {4}, {2}, {1}, {{1, 1}}),
      conv(3, 3, 4, 1, {13}, {4}, {2}, {1}, {{1, 1}}),
      conv(2, 3, 4, 1, {1}, {4}, {2}, {1}, {{1, 1}})}},
    // 2-D.
    {"Conv2d", F32, true,
     conv(1, 3, 4, 1, {5, 7}, {3, 3}, {2, 2}, {1, 1}, {{1, 1}, {1, 1}})},
    {"Conv2dMixedGrouped", F32, false,
     conv(2, 4, 6, 2, {6, 5}, {4, 3}, {3, 1}, {1, 2}, {{0, -1}, {2, 2}})},
    {"MindSporeOutputPadding", F32, true,
     conv(1, 2, 3, 1, {4, 5}, {3, 3}, {2, 2}, {1, 1}, {{1, 1, 1}, {1, 1, 1}})},
    {"TrailingZerosOneDim", F32, true,
     conv(1, 2, 2, 1, {3, 4}, {2, 4}, {1, 3}, {1, 1}, {{0, 0}, {1, 1, 2}})},
    {"MindSporeConv1dAs2d", F32, true,
     conv(1, 4, 4, 1, {1, 9}, {1, 16}, {1, 8}, {1, 1}, {{0, 0}, {4, 4}})},
    {"Dynamic2d", F32, true, conv(1, 2, 3, 1, {3, 4}, {3, 2}, {2, 3}, {1, 1}, {{1, 0}, {0, 1}}),
     {conv(1, 2, 3, 1, {3, 4}, {3, 2}, {2, 3}, {1, 1}, {{1, 0}, {0, 1}}),
      conv(2, 2, 3, 1, {6, 2}, {3, 2}, {2, 3}, {1, 1}, {{1, 0}, {0, 1}})}},
    {"F16TrailingZeros2d", F16, true,
     conv(1, 4, 2, 1, {4, 5}, {3, 3}, {2, 2}, {1, 1}, {{1, 1, 1}, {1, 1, 1}})},
    {"BF16Conv2d", BF16, false,
     conv(1, 4, 4, 2, {5, 4}, {2, 3}, {2, 1}, {2, 1}, {{0, 1}, {1, 1}})},
    {"F64Conv2d", F64, false,
     conv(1, 3, 2, 1, {4, 6}, {3, 4}, {2, 2}, {1, 1}, {{1, 1}, {1, 1}})},
    // 3-D.
    {"Conv3d", F32, true,
     conv(1, 2, 3, 1, {3, 4, 5}, {2, 3, 2}, {2, 1, 3}, {1, 1, 1},
          {{0, 0}, {1, 1}, {0, 1}})},
    {"Conv3dGroupsDilatedNegative", F32, false,
     conv(2, 4, 4, 2, {3, 3, 4}, {2, 2, 3}, {1, 2, 2}, {1, 2, 1},
          {{-1, 0}, {1, -1}, {2, 1}})},
    {"Conv3dTorchOutputPadding", F32, true,
     conv(1, 2, 2, 1, {3, 3, 3}, {3, 3, 3}, {2, 2, 2}, {1, 1, 1},
          {{1, 0}, {1, 0}, {1, 0}})},
    {"DynamicF64Conv3d", F64, true,
     conv(1, 2, 2, 1, {2, 3, 3}, {2, 2, 2}, {2, 2, 1}, {1, 1, 1}, {{0, 0}, {1, 0}, {0, 0}}),
     {conv(1, 2, 2, 1, {2, 3, 3}, {2, 2, 2}, {2, 2, 1}, {1, 1, 1}, {{0, 0}, {1, 0}, {0, 0}}),
      conv(2, 2, 2, 1, {3, 2, 5}, {2, 2, 2}, {2, 2, 1}, {1, 1, 1}, {{0, 0}, {1, 0}, {0, 0}})}},
};

INSTANTIATE_TEST_SUITE_P(Configs, ConvTransposeJit, ::testing::ValuesIn(kCases),
                         [](const ::testing::TestParamInfo<JitCase> &info) {
                           return std::string(info.param.name);
                         });

} // namespace

namespace {

/// The spec's shape is asserted on the buffers: a mismatched input, weight
/// or output is an error from the kernel (a RuntimeError under the JIT, a
/// non-zero return code in AOT), not a wrong result.
TEST(ConvTransposeJitBuffers, RejectsMismatchedExtents) {
  ConvShape shape = conv(1, 3, 4, 1, {5}, {4}, {2}, {1}, {{1, 1}});
  ConvTransposeSpec spec = makeSpec(shape, F32, /*hasBias=*/false,
                                     /*dynamicBatch=*/true,
                                     /*dynamicSpatial=*/true);
  Halide::Target target = jitTarget();
  ConvTransposePipeline pipeline =
      buildCpuPipeline(spec, chooseCpuTiling(spec, target));
  pipeline.output.compile_jit(target);

  Halide::Buffer<float> input(5, 3, 1), weight(4, 4, 3), output(10, 4, 1);
  input.fill(0.f);
  weight.fill(0.f);
  pipeline.input.set(input);
  pipeline.weight.set(weight);
  pipeline.output.realize(output); // (5 - 1) * 2 + 4 - 1 - 1 = 10

  Halide::Buffer<float> longerOutput(11, 4, 1), otherBatch(10, 4, 2);
  EXPECT_THROW(pipeline.output.realize(longerOutput), Halide::RuntimeError);
  EXPECT_THROW(pipeline.output.realize(otherBatch), Halide::RuntimeError);
  Halide::Buffer<float> fewerChannels(5, 2, 1);
  fewerChannels.fill(0.f);
  pipeline.input.set(fewerChannels);
  EXPECT_THROW(pipeline.output.realize(output), Halide::RuntimeError);
}

// Rule 5 of chooseCpuTiling picks the phases-as-variable form from the
// stride and the input channels per group; the cases above rely on it.
TEST(CpuTiling, PhasesInSlicesFromStride8With17InputChannels) {
  Halide::Target target("x86-64-linux-avx512");
  auto tilingOf = [&](const ConvShape &shape) {
    ConvTransposeSpec spec = makeSpec(shape, F32, false, false, false);
    return chooseCpuTiling(spec, target);
  };
  CpuTiling hifigan = tilingOf(conv(1, 512, 256, 1, {100}, {16}, {8}, {1}, {{4, 4}}));
  EXPECT_TRUE(hifigan.phasesAsVariable);
  EXPECT_EQ(hifigan.channelsPerSlice, 16);
  // Rule 1b: 100 positions per phase, 7 vectors, one tile of 2 channels.
  EXPECT_EQ(hifigan.channelsPerBlock, 2);
  EXPECT_EQ(hifigan.vectorsPerTile, 7);
  CpuTiling melgan = tilingOf(conv(1, 512, 256, 1, {200}, {16}, {8}, {1}, {{4, 4}}));
  EXPECT_TRUE(melgan.phasesAsVariable);
  EXPECT_EQ(melgan.channelsPerBlock, 4); // 13 vectors: more than one tile at 2
  EXPECT_EQ(melgan.vectorsPerTile, 5);   // 15 computed, the fewest from 4..6
  // Rule 2: hifigan_up1 has one tile, so only chunks of 32 channels (16
  // blocks of 2) leave 8 tasks; seed_ex1 runs serially (rule 4) in one chunk.
  EXPECT_EQ(hifigan.blocksPerChunk, 16);
  EXPECT_TRUE(hifigan.parallel);
  CpuTiling seed = tilingOf(conv(1, 3, 64, 1, {50}, {4}, {1}, {1}, {{0, 0}}));
  EXPECT_FALSE(seed.parallel);
  EXPECT_EQ(seed.blocksPerChunk, 16); // all 64 channels in blocks of 4
  // Rules 2 and 3 on the dilated shape: 128 vectors per row in 32 tiles of 4
  // (4 x 6 would compute 132), and all 128 channels in one chunk, since 4 x
  // 32 tiles already make 128 tasks.
  CpuTiling dilated = tilingOf(conv(4, 128, 128, 1, {2048}, {3}, {1}, {2}, {{2, 2}}));
  EXPECT_EQ(dilated.channelsPerBlock, 4);
  EXPECT_EQ(dilated.vectorsPerTile, 4);
  EXPECT_EQ(dilated.blocksPerChunk, 32);
  EXPECT_TRUE(dilated.parallel);
  CpuTiling groups = tilingOf(conv(1, 68, 6, 2, {9}, {16}, {8}, {1}, {{4, 4}}));
  EXPECT_TRUE(groups.phasesAsVariable);
  EXPECT_EQ(groups.channelsPerSlice, 2); // the largest divisor of 34 <= 16
  // 16 input channels fit one slice; stride 4 and 2 keep one update a phase;
  // K = 20, s = 8 has phases of 3 and of 2 taps.
  EXPECT_FALSE(tilingOf(conv(1, 16, 8, 1, {13}, {16}, {8}, {1}, {{4, 4}})).phasesAsVariable);
  EXPECT_FALSE(tilingOf(conv(8, 256, 256, 4, {512}, {8}, {4}, {1}, {{2, 2}})).phasesAsVariable);
  EXPECT_FALSE(tilingOf(conv(1, 128, 64, 1, {640}, {4}, {2}, {1}, {{1, 1}})).phasesAsVariable);
  EXPECT_FALSE(tilingOf(conv(1, 64, 8, 1, {50}, {20}, {8}, {1}, {{4, 4}})).phasesAsVariable);
}

/// pack_by_copy runs the prologue before the zeros are inserted, as the
/// one-definition packing does: a prologue with f(0) != 0 (2x + 1), a dynamic
/// length run at two ragged lengths and a vector-aligned one, against the
/// oracle on the prologue's result with zero padding.
TEST(ConvTransposeJitPacking, CopyRunsThePrologueBeforeTheZeros) {
  ElementwiseStage prologue;
  ElementwiseProgram &twoXPlusOne = prologue.program;
  twoXPlusOne.argumentTypes = {ScalarType::F32};
  twoXPlusOne.instructions = {
      {ScalarOpcode::Constant, ScalarType::F32, {}, 2.0},
      {ScalarOpcode::Mul, ScalarType::F32, {0, 1}},
      {ScalarOpcode::Constant, ScalarType::F32, {}, 1.0},
      {ScalarOpcode::Add, ScalarType::F32, {2, 3}}};
  twoXPlusOne.result = 4;
  const KernelVariant *gemm = findVariant("cpu-phase-gemm");
  Halide::Target target = jitTarget();
  for (int64_t length : {37, 53, 64}) {
    SCOPED_TRACE("L = " + std::to_string(length));
    ConvShape shape = conv(1, 8, 16, 1, {length}, {4}, {2}, {1}, {{1, 1}});
    ConvTransposeSpec spec = makeSpec(shape, F32, true, false, true);
    spec.prologue = prologue;
    ShapeFacts facts = computeShapeFacts(spec, target);
    VariantParams params = gemm->defaultParams(facts);
    params[params::kPackByCopy] = 1;
    ASSERT_TRUE(isOk(gemm->checkParams(facts, params)));
    ConvTransposePipeline pipeline = gemm->build(facts, params);
    ASSERT_TRUE(pipeline.packedByCopy());
    pipeline.output.compile_jit(target);

    std::mt19937 rng(7);
    std::vector<float> x = randomTensor<float>(reference::product(inputShape(shape)), rng);
    std::vector<float> w = randomTensor<float>(reference::product(weightShape(shape)), rng);
    std::vector<float> b = randomTensor<float>(shape.outChannels, rng);
    std::vector<int64_t> yShape = outputShape(shape);
    std::vector<float> y(reference::product(yShape));
    pipeline.input.set(Halide::Buffer<float>(x.data(), halideSizes(inputShape(shape))));
    pipeline.weight.set(Halide::Buffer<float>(w.data(), halideSizes(weightShape(shape))));
    pipeline.bias->set(Halide::Buffer<float>(b.data(), {int(b.size())}));
    Halide::Buffer<float> yBuf(y.data(), halideSizes(yShape));
    pipeline.output.realize(yBuf);

    std::vector<float> mapped(x.size());
    for (size_t i = 0; i < x.size(); ++i)
      mapped[i] = 2 * x[i] + 1;
    oracle::Result expected = reference::convTranspose(shape, mapped, w, b);
    int wrong = 0;
    for (size_t i = 0; i < y.size(); ++i)
      wrong += !(std::fabs(double(y[i]) - expected.value[i]) <=
                 oracle::toleranceFor(oracle::DType::F32, expected.value[i],
                                      expected.absSum[i], expected.terms[i]));
    EXPECT_EQ(wrong, 0) << "of " << y.size() << " outputs";
  }
}

} // namespace
