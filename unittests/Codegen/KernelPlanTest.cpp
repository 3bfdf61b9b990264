//===- KernelPlanTest.cpp - The variant registry and the length dispatch ===//
//
// What the planner picks, checked against the rules it consults: a static
// spec is one kernel (the registry's default), a dynamic length is a set of
// specializations whose dispatch reproduces the static choice wherever that
// choice was kept. The numerics of every specialization are checked by
// ConvTransposeJitTest; the AOT dispatch wrapper by the runtime tests.
//
//===----------------------------------------------------------------------===//

#include "KernelPlan.h"
#include "CodegenTestUtils.h"
#include "CpuRules.h"
#include "StatusTesting.h"

#include <gtest/gtest.h>

#include <algorithm>

using namespace tconv;
using namespace tconv::codegen;
using namespace tconv::codegen::testing;
using reference::ConvShape;

namespace {

const Halide::Target kAvx512("x86-64-linux-avx512-fma");
const Halide::Target kAvx2("x86-64-linux-avx2-fma");

ConvShape conv1d(int64_t n, int64_t cin, int64_t cout, int64_t length,
                 int64_t k, int64_t s, int64_t p) {
  return {n, cin, cout, 1, {length}, {k}, {s}, {1}, {{p, p}}};
}

ShapeFacts factsOf(const ConvShape &shape, const Halide::Target &target,
                   bool dynamicLength) {
  return computeShapeFacts(
      makeSpec(shape, ElementType::F32, true, false, dynamicLength), target);
}

TEST(KernelVariants, RegistryNamesAreUniqueAndFindable) {
  std::vector<std::string> names;
  for (const KernelVariant *v : kernelVariants()) {
    EXPECT_EQ(findVariant(v->name()), v);
    names.push_back(v->name());
  }
  std::sort(names.begin(), names.end());
  EXPECT_EQ(std::unique(names.begin(), names.end()), names.end());
  EXPECT_EQ(findVariant("no-such-variant"), nullptr);
}

TEST(KernelVariants, DefaultChoiceFollowsRule5) {
  // hifigan_up1: stride 8, 512 input channels: the phases in slices.
  ShapeFacts hifigan = factsOf(conv1d(1, 512, 256, 100, 16, 8, 4), kAvx512, false);
  VariantChoice choice = defaultChoice(hifigan);
  EXPECT_STREQ(choice.variant->name(), "cpu-phases-in-slices");
  EXPECT_EQ(choice.params.at("channels_per_slice"), 16);
  EXPECT_TRUE(isOk(choice.variant->checkParams(hifigan, choice.params)));
  // hifigan_up3: stride 2, one update per phase.
  ShapeFacts up3 = factsOf(conv1d(1, 128, 64, 6400, 4, 2, 1), kAvx512, false);
  EXPECT_STREQ(defaultChoice(up3).variant->name(), "cpu-phase-gemm");
  // Rule 5b: stride 4, but 37.7 MB of weights (BigVGAN-v2's first layer):
  // the phases in slices.
  ShapeFacts bigvgan =
      factsOf(conv1d(1, 1536, 768, 100, 8, 4, 2), kAvx512, false);
  EXPECT_STREQ(defaultChoice(bigvgan).variant->name(), "cpu-phases-in-slices");
  // encodec_up2 (stride 5, 1.3 MB of weights): one update per phase.
  ShapeFacts encodec = factsOf(conv1d(1, 256, 128, 600, 10, 5, 0), kAvx512, false);
  EXPECT_STREQ(defaultChoice(encodec).variant->name(), "cpu-phase-gemm");
  // A GPU target.
  ShapeFacts gpu = computeShapeFacts(
      makeSpec(conv1d(1, 8, 8, 10, 4, 2, 1), ElementType::F32, true),
      Halide::Target("x86-64-linux-opencl"));
  EXPECT_STREQ(defaultChoice(gpu).variant->name(), "gpu-shared-tiles");
}

TEST(KernelVariants, FewOutputChannelsTakeThePhasesAsLanes) {
  // iSTFT-style overlap-add (Cout 1, K 1024, stride 256): phases as lanes,
  // 4 vectors x 6 positions, a slice of input channels whose weights fit
  // 512 KiB (513 = 27 x 19: 57 channels x 4 KiB).
  ShapeFacts istft =
      factsOf(conv1d(1, 513, 1, 64, 1024, 256, 384), kAvx512, false);
  VariantChoice choice = defaultChoice(istft);
  EXPECT_STREQ(choice.variant->name(), "cpu-phase-lanes");
  EXPECT_EQ(choice.params.at("vectors_per_block"), 4);
  EXPECT_EQ(choice.params.at("positions_per_block"), 6);
  EXPECT_EQ(choice.params.at("channels_per_slice"), 57);
  EXPECT_TRUE(isOk(choice.variant->checkParams(istft, choice.params)));
  // Many output channels keep the positions in lanes.
  ShapeFacts wide = factsOf(conv1d(1, 64, 32, 64, 32, 16, 8), kAvx512, false);
  EXPECT_STREQ(defaultChoice(wide).variant->name(), "cpu-phases-in-slices");
  // A stride of fewer phases than lanes (Conv-TasNet's decoder, s 8 on
  // AVX-512) is supported, not chosen by default: the taps as GEMM columns.
  ShapeFacts tasnet = factsOf(conv1d(1, 512, 1, 100, 16, 8, 0), kAvx512, false);
  const KernelVariant *lanes = findVariant("cpu-phase-lanes");
  EXPECT_TRUE(lanes->supports(tasnet));
  EXPECT_FALSE(lanes->defaultFor(tasnet));
  EXPECT_STREQ(defaultChoice(tasnet).variant->name(), "cpu-tap-gemm");
  // Depthwise (one input channel per group): cpu-phase-gemm, also where the
  // stride fills a vector with phases (Pocket TTS's upsampler, K 32, s 16:
  // 4.7x cpu-phase-lanes, docs/performance.md, "Depthwise layers").
  ConvShape depthwise = conv1d(1, 512, 512, 125, 32, 16, 0);
  depthwise.groups = 512;
  EXPECT_TRUE(lanes->supports(factsOf(depthwise, kAvx512, false)));
  EXPECT_STREQ(defaultChoice(factsOf(depthwise, kAvx512, false)).variant->name(),
               "cpu-phase-gemm");
  depthwise = conv1d(1, 64, 64, 100, 16, 8, 4);
  depthwise.groups = 64;
  EXPECT_STREQ(defaultChoice(factsOf(depthwise, kAvx512, false)).variant->name(),
               "cpu-phase-gemm");
  // Dilation breaks the arithmetic form.
  ConvShape dilated = conv1d(1, 4, 1, 20, 32, 16, 0);
  dilated.dilation = {2};
  EXPECT_FALSE(lanes->supports(factsOf(dilated, kAvx512, false)));
  // Its parameters are checked like the others'.
  VariantParams params = choice.params;
  params["vectors_per_block"] = 3;
  EXPECT_EQ(lanes->checkParams(istft, params).message(),
            "vectors_per_block 3 does not divide the stride's 16 vectors of "
            "phases");
  params["vectors_per_block"] = 8;
  EXPECT_EQ(lanes->checkParams(istft, params).message(),
            "vectors_per_block x positions_per_block x channels_per_block (48) "
            "exceeds the 32 vector registers");
}

TEST(KernelVariants, ChannelLanesCutsTheRowIntoEvenBlocks) {
  const KernelVariant *lanes = findVariant("cpu-channel-lanes");
  ASSERT_NE(lanes, nullptr);
  // up_c64 at L = 100: 32 output channels are two vectors, so 12 positions
  // per block at most; the row of 100 positions is one tile of ten blocks of
  // ten (not nine of twelve, 108 computed).
  ShapeFacts up = factsOf(conv1d(1, 64, 32, 100, 4, 2, 1), kAvx512, false);
  EXPECT_TRUE(lanes->supports(up));
  EXPECT_FALSE(lanes->defaultFor(up)); // the tuner's to choose
  VariantParams params = lanes->defaultParams(up);
  EXPECT_EQ(params.at("vectors_per_block"), 2);
  EXPECT_EQ(params.at("positions_per_block"), 10);
  EXPECT_EQ(params.at("blocks_per_tile"), 10);
  EXPECT_TRUE(isOk(lanes->checkParams(up, params)));
  // 300 positions: three tiles of 100.
  ShapeFacts longer = factsOf(conv1d(1, 64, 32, 300, 4, 2, 1), kAvx512, false);
  EXPECT_EQ(lanes->defaultParams(longer).at("positions_per_block") *
                lanes->defaultParams(longer).at("blocks_per_tile"),
            100);
  // 256 output channels: four vectors of six positions.
  ShapeFacts wide = factsOf(conv1d(1, 512, 256, 17, 16, 8, 4), kAvx512, false);
  EXPECT_EQ(lanes->defaultParams(wide).at("vectors_per_block"), 4);
  EXPECT_EQ(lanes->defaultParams(wide).at("positions_per_block"), 6);
  // Groups of whole vectors of output channels are supported (a block stays
  // inside its group); partial vectors per group, or per layer, are not.
  ConvShape grouped = conv1d(1, 64, 32, 100, 4, 2, 1);
  grouped.groups = 2;
  ShapeFacts twoGroups = factsOf(grouped, kAvx512, false);
  EXPECT_TRUE(lanes->supports(twoGroups));
  EXPECT_EQ(lanes->defaultParams(twoGroups).at("vectors_per_block"), 1);
  grouped.groups = 4;
  EXPECT_FALSE(lanes->supports(factsOf(grouped, kAvx512, false)));
  EXPECT_FALSE(
      lanes->supports(factsOf(conv1d(1, 64, 24, 100, 4, 2, 1), kAvx512, false)));
  params["vectors_per_block"] = 4;
  EXPECT_EQ(lanes->checkParams(up, params).message(),
            "vectors_per_block 4 does not divide the 2 vectors of output "
            "channels per group");
  params["vectors_per_block"] = 2;
  params["positions_per_block"] = 17;
  EXPECT_EQ(lanes->checkParams(up, params).message(),
            "vectors_per_block x positions_per_block (34) exceeds the 32 "
            "vector registers");
}

TEST(KernelVariants, CheckParamsNamesTheProblem) {
  ShapeFacts f = factsOf(conv1d(1, 64, 6, 50, 4, 2, 1), kAvx512, false);
  const KernelVariant *gemm = findVariant("cpu-phase-gemm");
  VariantParams params = gemm->defaultParams(f);
  EXPECT_TRUE(isOk(gemm->checkParams(f, params)));
  VariantParams bad = params;
  bad["channels_per_block"] = 4;
  EXPECT_EQ(gemm->checkParams(f, bad).message(),
            "channels_per_block 4 does not divide the output channels per "
            "group (6)");
  bad = params;
  bad.erase("parallel");
  EXPECT_EQ(gemm->checkParams(f, bad).message(),
            "variant cpu-phase-gemm needs parameter 'parallel'");
  bad = params;
  bad["unrolled"] = 1;
  EXPECT_EQ(gemm->checkParams(f, bad).message(),
            "variant cpu-phase-gemm has no parameter 'unrolled'");
}

TEST(KernelVariants, PackByCopyIsTunedNotDefault) {
  // 64 -> 32 channels, K 4, s 2: L positions per phase.
  const KernelVariant *gemm = findVariant("cpu-phase-gemm");
  auto spaceOf = [&](const ShapeFacts &f) {
    for (const ParamRange &range : gemm->parameterSpace(f))
      if (range.name == "pack_by_copy")
        return range.values;
    return std::vector<int64_t>{};
  };
  ShapeFacts ragged = factsOf(conv1d(1, 64, 32, 100, 4, 2, 1), kAvx512, false);
  ShapeFacts dynamic = factsOf(conv1d(1, 64, 32, 100, 4, 2, 1), kAvx512, true);
  for (const ShapeFacts &f : {ragged, dynamic}) {
    EXPECT_EQ(gemm->defaultParams(f).at("pack_by_copy"), 0);
    EXPECT_EQ(spaceOf(f), (std::vector<int64_t>{0, 1}));
    VariantParams copy = gemm->defaultParams(f);
    copy["pack_by_copy"] = 1;
    EXPECT_TRUE(isOk(gemm->checkParams(f, copy)));
  }
  // A static row within one vector: not offered, and a no-op when given
  // (a tuned entry of a dynamic kernel's range is checked at its static
  // lengths, 1 included); the JIT suite runs such kernels.
  ShapeFacts oneVector = factsOf(conv1d(1, 64, 32, 9, 4, 2, 1), kAvx512, false);
  EXPECT_EQ(spaceOf(oneVector), (std::vector<int64_t>{0}));
  VariantParams forced = gemm->defaultParams(oneVector);
  forced["pack_by_copy"] = 1;
  EXPECT_TRUE(isOk(gemm->checkParams(oneVector, forced)));
  EXPECT_FALSE(gemm->build(oneVector, forced).packedByCopy());
  forced["pack_by_copy"] = 2;
  EXPECT_EQ(gemm->checkParams(oneVector, forced).message(),
            "pack_by_copy must be 0 or 1");
  // Tuning databases written before the parameter: it reads as 0.
  VariantParams old = gemm->defaultParams(ragged);
  old.erase("pack_by_copy");
  const VariantParams read = gemm->withParamsAddedLater(old);
  EXPECT_EQ(read.at("pack_by_copy"), 0);
  EXPECT_TRUE(isOk(gemm->checkParams(ragged, read)));
}

TEST(KernelVariants, ColumnGemmLoopOrderDefaultsForOldDatabases) {
  // hifigan_up1 as the seventh session's tuning databases hold it: no
  // tiles_outer, no blocks_per_tile; the blocks of columns stay outer.
  const KernelVariant *columns = findVariant("cpu-column-gemm");
  ShapeFacts f = factsOf(conv1d(1, 512, 256, 100, 16, 8, 4), kAvx512, false);
  ASSERT_TRUE(columns->supports(f));
  EXPECT_EQ(columns->defaultParams(f).at("tiles_outer"), 0);
  const VariantParams old = {{"parallel", 1},
                             {"positions_per_block", 6},
                             {"vectors_per_block", 4}};
  const VariantParams read = columns->withParamsAddedLater(old);
  EXPECT_EQ(read.at("tiles_outer"), 0);
  EXPECT_EQ(read.at("blocks_per_tile"), 1);
  EXPECT_TRUE(isOk(columns->checkParams(f, read)));
  // One vector of columns (tasnet's decoder): the tiles outer by default.
  ShapeFacts tasnet = factsOf(conv1d(1, 512, 1, 400, 16, 8, 0), kAvx512, false);
  EXPECT_EQ(columns->defaultParams(tasnet).at("tiles_outer"), 1);
  VariantParams bad = columns->defaultParams(tasnet);
  bad["tiles_outer"] = 2;
  EXPECT_EQ(columns->checkParams(tasnet, bad).message(),
            "tiles_outer must be 0 or 1");
}

TEST(KernelPlan, StaticLengthIsOneKernel) {
  ShapeFacts f = factsOf(conv1d(1, 64, 32, 50, 4, 2, 1), kAvx512, false);
  KernelPlan plan = planKernel(f, defaultChoice);
  ASSERT_EQ(plan.kernels.size(), 1u);
  EXPECT_TRUE(plan.ranges.empty());
  EXPECT_EQ(plan.kernels[0], defaultChoice(f));
}

/// Every length whose static choice the plan kept is dispatched to it; the
/// ranges are sorted, adjacent ones differ, and the kernels are at most
/// maxKernels.
void expectPlanReproducesKeptChoices(const ShapeFacts &f) {
  PlanOptions options;
  KernelPlan plan = planKernel(f, defaultChoice, options);
  SCOPED_TRACE(plan.describe());
  ASSERT_GE(plan.kernels.size(), 2u);
  EXPECT_LE(int(plan.kernels.size()), options.maxKernels);
  for (size_t i = 1; i < plan.ranges.size(); ++i) {
    EXPECT_LT(plan.ranges[i - 1].bound, plan.ranges[i].bound);
    EXPECT_NE(plan.ranges[i - 1].kernel, plan.ranges[i].kernel);
  }
  int kept = 0;
  for (int64_t length = 1; length <= options.lengthCap; ++length) {
    ShapeFacts at = computeShapeFacts(withInnerInputLength(f.spec, length),
                                      f.target);
    VariantChoice wanted = defaultChoice(at);
    auto it = std::find(plan.kernels.begin(), plan.kernels.end(), wanted);
    if (it == plan.kernels.end())
      continue;
    ++kept;
    ASSERT_EQ(plan.kernelForLength(length), int(it - plan.kernels.begin()))
        << "length " << length;
  }
  // Most lengths get exactly their static choice.
  EXPECT_GT(kept, options.lengthCap / 2);
  // Lengths beyond the cap: the choice at the cap.
  ShapeFacts atCap = computeShapeFacts(
      withInnerInputLength(f.spec, options.lengthCap), f.target);
  EXPECT_EQ(plan.kernels[plan.kernelForLength(options.lengthCap * 4)],
            defaultChoice(atCap));
}

TEST(KernelPlan, DynamicLengthDispatchesToStaticChoices) {
  // The two dynamic layers, on AVX-512 and AVX2.
  for (const Halide::Target &target : {kAvx512, kAvx2}) {
    SCOPED_TRACE(target.to_string());
    expectPlanReproducesKeptChoices(
        factsOf(conv1d(1, 512, 256, 1, 16, 8, 4), target, true));
    expectPlanReproducesKeptChoices(
        factsOf(conv1d(1, 64, 32, 1, 4, 2, 1), target, true));
  }
}

TEST(KernelPlan, ShortLengthsGetTheirOwnTile) {
  // L = 17 with K 16, s 8, p 4: 136 outputs, 17 per phase = 2 vectors of 16:
  // the tile is those 2 vectors, not the full register block.
  ShapeFacts f = factsOf(conv1d(1, 512, 256, 1, 16, 8, 4), kAvx512, true);
  KernelPlan plan = planKernel(f, defaultChoice);
  const VariantChoice &at17 = plan.kernels[plan.kernelForLength(17)];
  EXPECT_EQ(at17.params.at("vectors_per_tile"), 2) << plan.describe();
}

TEST(KernelPlan, DescribeNamesEveryKernelAndItsLengths) {
  ShapeFacts f = factsOf(conv1d(1, 64, 32, 1, 4, 2, 1), kAvx512, true);
  KernelPlan plan = planKernel(f, defaultChoice);
  std::string text = plan.describe();
  EXPECT_NE(text.find(std::to_string(plan.kernels.size()) +
                      " specializations, dispatched on the innermost input "
                      "length"),
            std::string::npos)
      << text;
  for (const VariantChoice &k : plan.kernels)
    EXPECT_NE(text.find(k.describe()), std::string::npos) << text;
  EXPECT_NE(text.find("lengths 1.."), std::string::npos) << text;
}

TEST(KernelPlan, SmallKernelsAreOneKernel) {
  // 2 * 3 * 2 * 4 * 8192 FLOP at the cap: below minFlopsAtCap.
  ShapeFacts f = factsOf(conv1d(1, 3, 2, 1, 4, 2, 1), kAvx512, true);
  KernelPlan plan = planKernel(f, defaultChoice);
  EXPECT_EQ(plan.kernels.size(), 1u);
  EXPECT_TRUE(plan.ranges.empty());
}

TEST(KernelPlan, GpuAndStaticBatchOnlyAreOneKernel) {
  ConvTransposeSpec spec = makeSpec(conv1d(1, 8, 8, 10, 4, 2, 1),
                                     ElementType::F32, true, false, true);
  ShapeFacts gpu = computeShapeFacts(spec, Halide::Target("x86-64-linux-opencl"));
  EXPECT_EQ(planKernel(gpu, defaultChoice).kernels.size(), 1u);
  ShapeFacts dynamicBatch = computeShapeFacts(
      makeSpec(conv1d(1, 8, 8, 10, 4, 2, 1), ElementType::F32, true, true,
               false),
      kAvx512);
  EXPECT_EQ(planKernel(dynamicBatch, defaultChoice).kernels.size(), 1u);
}

} // namespace
