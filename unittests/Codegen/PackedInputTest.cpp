//===- PackedInputTest.cpp - The packed input is written before it is read ===//
//
// The CPU schedules compute the phase sums of whole tiles (and whole vectors)
// and store only the valid part, so the last tile of a row reads packed input
// past the input's end, where the algorithm zero-extends it. Halide derives
// the packed region from the output's exact tile, so that tail was never
// written: the extra lanes multiplied stack garbage, denormals among it,
// which slowed seed_ex1 18x on an Intel Xeon (docs/performance.md,
// "Uninitialized reads"). The results were right (those lanes are never
// stored), so only tracing sees it: every load from padded_input must hit a
// position that some store wrote.
//
//===----------------------------------------------------------------------===//

#include "CodegenTestUtils.h"
#include "HostTarget.h"
#include "KernelVariant.h"

#include "Halide.h"
#include <gtest/gtest.h>

#include <cstring>
#include <mutex>
#include <set>
#include <string>
#include <tuple>

namespace tconv::codegen {
namespace {

using reference::ConvShape;
using testing::makeSpec;

/// The positions of padded_input stored so far, and the first few loads of
/// positions never stored. Guarded: tiles run on the thread pool.
struct PackedInputTrace {
  std::mutex mutex;
  std::set<std::vector<int>> stored;
  std::vector<std::string> unwritten;
  size_t loads = 0;
};

PackedInputTrace *gTrace = nullptr;

int recordPackedInput(Halide::JITUserContext *, const halide_trace_event_t *e) {
  if (std::strncmp(e->func, "padded_input", 12) != 0)
    return 0;
  if (e->event != halide_trace_load && e->event != halide_trace_store)
    return 0;
  const int lanes = e->type.lanes;
  // One vector of lanes per dimension (the lanes innermost).
  const int dims = e->dimensions / lanes;
  std::lock_guard<std::mutex> lock(gTrace->mutex);
  for (int lane = 0; lane < lanes; ++lane) {
    std::vector<int> at(dims);
    for (int d = 0; d < dims; ++d)
      at[d] = e->coordinates[d * lanes + lane];
    if (e->event == halide_trace_store) {
      gTrace->stored.insert(at);
      continue;
    }
    ++gTrace->loads;
    if (!gTrace->stored.count(at) && gTrace->unwritten.size() < 4) {
      std::string where;
      for (int c : at)
        where += (where.empty() ? "" : ", ") + std::to_string(c);
      gTrace->unwritten.push_back("(" + where + ")");
    }
  }
  return 0;
}

struct Case {
  const char *name;
  ConvShape shape;
};
void PrintTo(const Case &c, std::ostream *os) { *os << c.name; }

ConvShape conv(int64_t n, int64_t cin, int64_t cout, int64_t groups,
               int64_t length, int64_t kernel, int64_t stride,
               int64_t dilation, DimPadding padding) {
  return {n, cin, cout, groups, {length}, {kernel}, {stride}, {dilation},
          {padding}};
}

// Rows that end inside a vector, a tile or a register block, for every
// variant that supports them: seed_ex1 (53 positions in 4 vectors), a
// ragged phase-lanes row with padLo across a row boundary, a short row
// of 12 positions per phase (shorter than a vector), a tap-columns row, and
// a kernel whose taps hold several blocks of GEMM columns.
const Case kCases[] = {
    {"SeedEx1", conv(1, 3, 64, 1, 50, 4, 1, 1, {3, 3})},
    {"RaggedPhaseRows", conv(1, 16, 32, 1, 37, 32, 16, 1, {9, 7})},
    {"ShortRow", conv(2, 4, 16, 1, 12, 4, 2, 1, {1, 1})},
    {"DilatedTapColumns", conv(1, 16, 1, 1, 41, 5, 3, 2, {2, 1})},
    {"ColumnBlocksWithinTaps", conv(1, 5, 2, 1, 37, 64, 16, 1, {4, 4})},
};

class PackedInput : public ::testing::TestWithParam<Case> {};

TEST_P(PackedInput, EveryLoadHitsAStore) {
  const ConvShape &shape = GetParam().shape;
  ConvTransposeSpec spec = makeSpec(shape, ElementType::F32, false);
  Halide::Target target =
      resolveTarget("host").with_feature(Halide::Target::JIT);
  ShapeFacts facts = computeShapeFacts(spec, target);
  // Every tunable variant with its defaults, and with the other side of
  // each switch that changes where the input is packed.
  std::vector<VariantChoice> defaults;
  for (const KernelVariant *variant : kernelVariants())
    if (variant->tunable() && variant->supports(facts))
      defaults.push_back({variant, variant->defaultParams(facts)});
  int built = 0;
  for (const VariantChoice &choice :
       testing::withSwitchesFlipped(facts, std::move(defaults))) {
    const KernelVariant *variant = choice.variant;
    SCOPED_TRACE(choice.describe());
    ConvTransposePipeline p = variant->build(facts, choice.params);
    p.paddedInput.trace_stores().trace_loads();
    p.output.jit_handlers().custom_trace = recordPackedInput;
    p.output.compile_jit(target);

    std::mt19937 rng(7);
    Halide::Buffer<float> input(testing::halideSizes(testing::inputShape(shape)));
    Halide::Buffer<float> weight(
        testing::halideSizes(testing::weightShape(shape)));
    Halide::Buffer<float> output(
        testing::halideSizes(testing::outputShape(shape)));
    input.for_each_value([&](float &v) { v = float(rng() % 7) - 3.f; });
    weight.for_each_value([&](float &v) { v = float(rng() % 5) - 2.f; });
    p.input.set(input);
    p.weight.set(weight);

    PackedInputTrace trace;
    gTrace = &trace;
    p.output.realize(output);
    gTrace = nullptr;
    EXPECT_GT(trace.loads, 0u);
    EXPECT_TRUE(trace.unwritten.empty())
        << "padded_input read where nothing was stored, e.g. (x, c, n) = "
        << trace.unwritten.front();
    ++built;
  }
  EXPECT_GE(built, 2); // the default and at least one other variant
}

INSTANTIATE_TEST_SUITE_P(Shapes, PackedInput, ::testing::ValuesIn(kCases),
                         [](const ::testing::TestParamInfo<Case> &info) {
                           return std::string(info.param.name);
                         });

} // namespace
} // namespace tconv::codegen
