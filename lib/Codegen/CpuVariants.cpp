//===- CpuVariants.cpp - The hand-written CPU schedule's variants ---------===//
//
// Two variants share CpuSchedule.cpp's schedule and differ in the algorithm
// form they need: cpu-phase-gemm (one update per stride phase) and
// cpu-phases-in-slices (one update with the phase as a variable, looped inside
// slices of input channels; only where every phase has the same taps). Their
// parameters are CpuTiling's fields; their defaults are CpuRules.h's.
//
//===----------------------------------------------------------------------===//

#include "CpuRules.h"
#include "KernelVariant.h"
#include "TilingParams.h"
#include "VariantParamNames.h"

#include <algorithm>

namespace tconv::codegen {

namespace {

using namespace params;

/// The parameters of cpu-phase-gemm, and those of cpu-phases-in-slices (the
/// same and channels_per_slice).
const TilingFields<CpuTiling> &cpuTilingFields(bool phasesInSlices) {
  static const TilingFields<CpuTiling> phaseGemm = {
      {kVectorsPerTile, &CpuTiling::vectorsPerTile},
      {kChannelsPerBlock, &CpuTiling::channelsPerBlock},
      {kBlocksPerChunk, &CpuTiling::blocksPerChunk},
      {kParallel, &CpuTiling::parallel},
      {kPackByCopy, &CpuTiling::packByCopy}};
  static const TilingFields<CpuTiling> inSlices = [] {
    TilingFields<CpuTiling> fields = phaseGemm;
    fields.push_back({kChannelsPerSlice, &CpuTiling::channelsPerSlice});
    return fields;
  }();
  return phasesInSlices ? inSlices : phaseGemm;
}

class CpuVariant : public KernelVariant {
public:
  explicit CpuVariant(bool phasesInSlices) : phasesInSlices(phasesInSlices) {}

  const char *name() const override {
    return phasesInSlices ? "cpu-phases-in-slices" : "cpu-phase-gemm";
  }

  bool supports(const ShapeFacts &f) const override {
    return !f.gpu && (!phasesInSlices || f.uniformPhaseTaps);
  }
  const char *requirement() const override {
    return phasesInSlices ? "1-D, stride >= 2, and the same number of taps "
                            "in every stride phase"
                          : "";
  }

  bool defaultFor(const ShapeFacts &f) const override {
    return supports(f) && (!phasesInSlices || slicesPhasesByRule(f));
  }

  /// One update per phase compiles in minutes past a few dozen phases (K 1024,
  /// stride 256: 75 s, against 2 s with the phases as a variable), and the
  /// phases-as-a-variable variants cover every shape with uniform taps.
  bool searchable(const ShapeFacts &f) const override {
    return supports(f) &&
           (phasesInSlices || !f.uniformPhaseTaps || f.phaseCount <= 64);
  }

  VariantParams defaultParams(const ShapeFacts &f) const override {
    return paramsOfTiling(cpuTilingByRules(f, phasesInSlices),
                          cpuTilingFields(phasesInSlices));
  }

  std::vector<ParamRange> parameterSpace(const ShapeFacts &f) const override {
    std::vector<ParamRange> space;
    // First: one candidate, which the coordinate descent reaches however
    // short its budget.
    space.push_back({kPackByCopy, packByCopyApplies(f)
                                      ? std::vector<int64_t>{0, 1}
                                      : std::vector<int64_t>{0}});
    space.push_back({kVectorsPerTile, registerBlockSizes(f)});
    space.push_back({kChannelsPerBlock, divisorsAtMost(f.coutPerGroup, 8)});
    // Only the values that divide Cout / channels_per_block are valid.
    space.push_back({kBlocksPerChunk, {1, 2, 4, 8, 16, 32, 64, 128, 256}});
    space.push_back({kParallel, {0, 1}});
    if (phasesInSlices)
      space.push_back({kChannelsPerSlice, divisorsAtMost(f.cinPerGroup, 64)});
    return space;
  }

  Status checkParams(const ShapeFacts &f,
                     const VariantParams &params) const override {
    if (Status s = checkCommonParams(f, params); !s.ok())
      return s;
    const int64_t v = params.at(kVectorsPerTile),
                  c = params.at(kChannelsPerBlock);
    if (Status s = checkDivides(kChannelsPerBlock, c,
                                "output channels per group", f.coutPerGroup);
        !s.ok())
      return s;
    if (Status s = checkFitsRegisters(
            f, "channels_per_block x vectors_per_tile", c * v);
        !s.ok())
      return s;
    if (Status s = checkDivides(kBlocksPerChunk, params.at(kBlocksPerChunk),
                                "channel blocks", f.spec.outChannels / c);
        !s.ok())
      return s;
    if (phasesInSlices)
      return checkDivides(kChannelsPerSlice, params.at(kChannelsPerSlice),
                          "input channels per group", f.cinPerGroup);
    return Status::success();
  }

  /// Positions computed per phase row (whole tiles) times the cycles per
  /// computed vector and channel of the micro-kernel: each (input channel,
  /// tap) step loads `v` input vectors and broadcasts `c` weights for `c x v`
  /// FMAs (microKernelCycles). Serial where the work is large enough to
  /// share (rule 4) counts double, parallel where it is too small a third
  /// more (rule 4's measurements). A ranking for KernelPlan, not a time.
  double predictedCost(const ShapeFacts &f,
                       const VariantParams &params) const override {
    constexpr double kEnoughTasks = 8; // rule 2's
    if (isDynamicSize(f.vectorsPerPhase))
      return 1;
    const double v = double(params.at(kVectorsPerTile)),
                 c = double(params.at(kChannelsPerBlock));
    const double tiles = double((f.vectorsPerPhase + int64_t(v) - 1) /
                                int64_t(v));
    double cost = tiles * v * microKernelCycles(v + c, v * c);
    const bool parallel = params.at(kParallel) != 0;
    if (!parallel && !runsSeriallyByRule(f))
      cost *= 2;
    else if (parallel && runsSeriallyByRule(f))
      cost *= 4.0 / 3;
    // Fewer parallel tasks than rule 2 asks for leave cores idle: the length
    // sweep of 2026-12-05 (Zen 5, 2 threads) timed hifigan-like L = 50 at
    // 0.5x with one chunk of all 256 channels (1 task) against chunks of 32.
    if (parallel && !isDynamicSize(f.outerTasks)) {
      const double chunks = double(f.spec.outChannels / int64_t(c) /
                                   params.at(kBlocksPerChunk));
      const double tasks = tiles * double(f.outerTasks) * chunks;
      cost *= kEnoughTasks / std::min(tasks, kEnoughTasks);
    }
    return cost;
  }

  ConvTransposePipeline build(const ShapeFacts &f,
                               const VariantParams &params) const override {
    CpuTiling t;
    t.vectorWidth = f.vectorWidth;
    t.phasesAsVariable = phasesInSlices;
    t = tilingOfParams(t, params, cpuTilingFields(phasesInSlices));
    t.packByCopy = t.packByCopy && packByCopyApplies(f);
    return buildCpuPipeline(f.spec, t);
  }

  /// Tuning databases written before pack_by_copy existed leave it out: 0.
  VariantParams paramsAddedLater() const override {
    return {{kPackByCopy, 0}};
  }

private:
  /// pack_by_copy is a no-op on a static row within one vector: there the
  /// copy's one vector starts at a constant negative position, for which
  /// Halide 14's code generator fails an internal check on the masked load
  /// (CodeGen_LLVM.cpp:1899, base >= 0), and there is no boundary to save.
  /// (Not an error: a tuned entry for a dynamic kernel's range is checked
  /// at the range's static lengths but built for the dynamic length.)
  static bool packByCopyApplies(const ShapeFacts &f) {
    return f.dynamicLength() || f.positionsPerPhase > f.vectorWidth;
  }

  bool phasesInSlices;
};

} // namespace

const KernelVariant &cpuPhasesInSlicesVariant() {
  static const CpuVariant variant(/*phasesInSlices=*/true);
  return variant;
}

const KernelVariant &cpuPhaseGemmVariant() {
  static const CpuVariant variant(/*phasesInSlices=*/false);
  return variant;
}

} // namespace tconv::codegen
