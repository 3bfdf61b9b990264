//===- CpuRules.cpp - The CPU variants' default parameters ----------------===//
//
// Measured on AMD Zen 4 and Zen 5 guests (docs/performance.md, "The CPU
// rules"): the constants are facts about those machines; tconv-tune measures
// instead where they do not fit.
//
//===----------------------------------------------------------------------===//

#include "CpuRules.h"

#include <algorithm>

namespace tconv::codegen {

namespace {
/// Rule 5's slice: 16 input channels keep a slice's input rows (4 KiB at 64
/// positions) in L1 for every phase.
constexpr int kChannelsPerSlice = 16;
/// Rule 4's threshold: about 10 us of arithmetic at one core's peak, about
/// what waking a second worker costs.
constexpr int64_t kSerialFlops = int64_t(1) << 20;
/// Rule 2: tasks that keep two cores busy with N = 1.
constexpr int64_t kEnoughTasks = 8;
/// Rule 5b: weights beyond this (four times Zen 4/5's 1 MiB L2 per core) are
/// streamed from L3 or memory by any tiling that reads all input channels per
/// phase.
constexpr int64_t kWeightsBeyondL2 = int64_t(4) << 20;
} // namespace

bool slicesPhasesByRule(const ShapeFacts &f) {
  // Below stride 8 two or four phases re-read little, and the slices' extra
  // accumulator traffic cost 1-8%. Rule 5b: except where the weights are far
  // beyond L2, where one slice's weights serve every phase from L1 (bigvgan_up1,
  // 1536 -> 768, K 8, s 4, 37.7 MB of weights: 2.0x, docs/performance.md).
  return f.uniformPhaseTaps && f.cinPerGroup > kChannelsPerSlice &&
         (f.innerStride >= 8 || f.weightBytes > kWeightsBeyondL2);
}

int channelsPerSliceByRule(const ShapeFacts &f) {
  return largestDivisorAtMost(f.cinPerGroup, kChannelsPerSlice);
}

int accumulatorRegisters(const ShapeFacts &f) {
  // The rest hold the weight broadcasts and the input vectors.
  return f.vectorRegisters == 32 ? 24 : 12;
}

std::vector<int64_t> registerBlockSizes(const ShapeFacts &f) {
  std::vector<int64_t> sizes;
  for (int64_t n = 1; n <= accumulatorRegisters(f); ++n)
    sizes.push_back(n);
  return sizes;
}

double microKernelCycles(double loads, double fmas) {
  constexpr double kLatencyAccumulators = 10;
  return std::max({1.0, loads / fmas, kLatencyAccumulators / fmas});
}

double tiledRowCost(const ShapeFacts &f, int64_t row, int64_t tile,
                    double loads, double fmas, bool parallel) {
  if (isDynamicSize(row))
    return 1; // no model without a length
  const double computed = double(ceilDiv(row, tile) * tile);
  const double cost = computed * microKernelCycles(loads, fmas);
  return !parallel && !runsSeriallyByRule(f) ? 2 * cost : cost;
}

int channelsPerBlockByRule(const ShapeFacts &f, bool phasesInSlices) {
  // Rule 1: 4 channels x 6 vectors on 32 registers (8 x 3 reloads the input
  // more often, 2 x 12 twice the input loads per FMA), dividing Cout/groups
  // so no block straddles a group.
  const int accumulators = accumulatorRegisters(f);
  int channels = largestDivisorAtMost(f.coutPerGroup,
                                      f.vectorRegisters == 32 ? 6 : 4);
  // Rule 1b: with the phases in slices, a phase row that needs two tiles at
  // this many channels but fits one at 2 channels gets 2 (hifigan_up1: 2 x 7
  // computes 7 vectors where 4 x 4 computes 8). Only the one-tile case: at
  // equal positions 2 channels were slower.
  const int64_t v = f.vectorsPerPhase;
  if (phasesInSlices && !isDynamicSize(v) && f.coutPerGroup % 2 == 0 &&
      v > accumulators / channels && v <= accumulators / 2)
    channels = 2;
  return channels;
}

int vectorsPerTileByRule(const ShapeFacts &f, int maxVectors) {
  // Rule 3: the tile length that computes the fewest positions past the end
  // of a phase row (the last tile is computed whole), from the full register
  // block down to two thirds of it (below, the loads per FMA grow), larger on
  // a tie. A dynamic length gets the full block; KernelPlan dispatches such
  // kernels to tilings chosen per length.
  const int64_t v = f.vectorsPerPhase;
  if (isDynamicSize(v) || v <= maxVectors)
    return isDynamicSize(v) ? maxVectors : int(v);
  int best = maxVectors;
  int64_t fewestComputed = v + maxVectors;
  for (int t = maxVectors; 3 * t >= 2 * maxVectors; --t) {
    int64_t computed = (v + t - 1) / t * t;
    if (computed < fewestComputed) {
      fewestComputed = computed;
      best = t;
    }
  }
  return best;
}

int blocksPerChunkByRule(const ShapeFacts &f, const CpuTiling &tiling) {
  // Rule 2: a task is one tile of positions x a chunk of output channels; each
  // task packs the padded input tile for itself, so larger chunks pack less.
  // All the channels, else 64, 32, 16, 8: the first that leaves at least
  // kEnoughTasks tasks. Unknown task counts (dynamic sizes) get 32.
  const int64_t blocks = f.spec.outChannels / tiling.channelsPerBlock;
  auto blocksOf = [&](int64_t channels) {
    return largestDivisorAtMost(blocks, channels / tiling.channelsPerBlock);
  };
  if (!tiling.parallel)
    return int(blocks); // serially, every chunk repacks the tile for nothing
  int64_t tiles = isDynamicSize(f.vectorsPerPhase)
                      ? kDynamicSize
                      : (f.vectorsPerPhase + tiling.vectorsPerTile - 1) /
                            tiling.vectorsPerTile;
  int64_t tasks = cappedProduct(tiles, f.outerTasks);
  if (isDynamicSize(tasks))
    return blocksOf(32);
  int chunk = 1;
  for (int64_t channels : {f.spec.outChannels, int64_t(64), int64_t(32),
                           int64_t(16), int64_t(8)}) {
    chunk = blocksOf(channels);
    if (cappedProduct(tasks, blocks / chunk) >= kEnoughTasks)
      break;
  }
  return chunk;
}

bool runsSeriallyByRule(const ShapeFacts &f) {
  return !isDynamicSize(f.flops) && f.flops < kSerialFlops;
}

CpuTiling cpuTilingByRules(const ShapeFacts &f, bool phasesInSlices) {
  CpuTiling t;
  t.vectorWidth = f.vectorWidth;
  t.phasesAsVariable = phasesInSlices;
  if (t.phasesAsVariable)
    t.channelsPerSlice = channelsPerSliceByRule(f);
  t.channelsPerBlock = channelsPerBlockByRule(f, t.phasesAsVariable);
  t.vectorsPerTile = vectorsPerTileByRule(
      f, std::max(1, accumulatorRegisters(f) / t.channelsPerBlock));
  t.parallel = !runsSeriallyByRule(f);
  t.blocksPerChunk = blocksPerChunkByRule(f, t);
  return t;
}

CpuTiling chooseCpuTiling(const ConvTransposeSpec &spec,
                          const Halide::Target &target) {
  ShapeFacts facts = computeShapeFacts(spec, target);
  return cpuTilingByRules(facts, slicesPhasesByRule(facts));
}

} // namespace tconv::codegen
