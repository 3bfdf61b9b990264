//===- CpuChannelLanes.cpp - The cpu-channel-lanes variant ----------------===//
//
// For short rows. The other CPU variants vectorize the positions of a stride
// phase, so a row is computed in whole vectors: 17 positions per phase take
// two 16-lane vectors, 47% of the work thrown away (up_c64 at L = 17,
// docs/performance.md, "The length sweep"). Here the output channels are the
// lanes, as in oneDNN's nwc kernel: a register block is `vectors` vectors of
// output channels x `positions` positions of one phase, accumulated over
// (taps, input channels); per step `vectors` weight loads and `positions`
// input broadcasts feed `vectors x positions` FMAs, and a row is computed in
// whole blocks of positions, not of vectors. Two costs buy that: the weights
// are packed once per call with the output channels innermost (a copy of the
// weight tensor), and the phase sums, stored channels-innermost, are
// transposed back to the NCL output when stored.
//
//===----------------------------------------------------------------------===//

#include "CpuRules.h"
#include "KernelVariant.h"
#include "ScheduleSteps.h"
#include "TilingParams.h"
#include "VariantParamNames.h"

#include <algorithm>

using namespace Halide;

namespace tconv::codegen {

namespace {

using namespace params;

/// Positions per tile by default: one tile serves a row of up to 128
/// positions per phase (up_c64 at L = 100, Zen 5: one tile of 100 positions
/// ran 1.18x two of 50); a tile's phase sums (positions x channels of a
/// block x phases) stay in L1/L2 beside its input.
constexpr int64_t kTilePositions = 128;
constexpr int64_t kMaxBlocksPerTile = 32;

struct ChannelLaneTiling {
  int lanes = 1;             ///< output channels per vector
  int vectorsPerBlock = 1;   ///< vectors of output channels per register block
  int positionsPerBlock = 1; ///< positions of one phase per register block
  int blocksPerTile = 1;     ///< register blocks of positions per tile
  bool parallel = true;
};

const TilingFields<ChannelLaneTiling> &channelLaneTilingFields() {
  static const TilingFields<ChannelLaneTiling> fields = {
      {kVectorsPerBlock, &ChannelLaneTiling::vectorsPerBlock},
      {kPositionsPerBlock, &ChannelLaneTiling::positionsPerBlock},
      {kBlocksPerTile, &ChannelLaneTiling::blocksPerTile},
      {kParallel, &ChannelLaneTiling::parallel}};
  return fields;
}

void applyChannelLanesSchedule(ConvTransposePipeline &p,
                               const ChannelLaneTiling &t) {
  const int lanes = t.lanes;
  const int channels = lanes * t.vectorsPerBlock;
  const int tilePositions = t.positionsPerBlock * t.blocksPerTile;
  Func out = p.output;
  Var co = p.channel, n = p.batch;

  // The weights, once per call, as (output channel, tap, input channel) with
  // the output channels innermost: a vector of channels is one dense load.
  Func weights = p.weight.in();
  std::vector<Var> w = weights.args(); // tap, column, input channel
  weights.compute_root()
      .reorder_storage(w[1], w[0], w[2])
      .reorder(w[1], w[0], w[2])
      .vectorize(w[1], lanes, TailStrategy::GuardWithIf);
  // Short kernels: every tap of a vector of channels in one iteration, so
  // LLVM loads the channels' K x lanes block once and shuffles each tap out.
  if (p.spec.kernelSize[0] <= 8)
    weights.unroll(w[0]);

  // Output: a tile of positions per parallel task, its channel blocks inside
  // (they share the tile's packed input). The sums of a block are read back
  // with the positions as lanes: the transposing copy to NCL, the stride
  // phases of a vector of positions stored together.
  auto [q, r] = splitOutputByStridePhase(p);
  Var qTile("q_tile"), qIn("q_in"), qVectors("q_vectors"), qLanes("q_lanes");
  Var coBlock("co_block"), coIn("co_in");
  out.split(q[0], qTile, qIn, tilePositions, TailStrategy::GuardWithIf)
      .split(qIn, qVectors, qLanes, lanes, TailStrategy::GuardWithIf)
      .split(co, coBlock, coIn, channels)
      .reorder(qLanes, r[0], qVectors, coIn, coBlock, qTile, n)
      .vectorize(qLanes)
      .unroll(r[0]);
  Var tile = fuseIntoTiles(p, {qTile, n}, t.parallel);
  scheduleTrailingZeros(p, lanes);

  computePaddedInputPerTile(p, tile, tilePositions, lanes);

  // The phase sums of one tile and channel block, channels innermost, with a
  // constant extent (the last tile computes whole blocks from the
  // zero-padded input; only its valid part is stored).
  Func sums = p.phaseSums;
  Var sq = p.phaseVars[0], sr = p.phaseVars[1];
  sums.compute_at(out, coBlock)
      .bound_extent(sq, tilePositions)
      .reorder_storage(co, sq, sr, n)
      .reorder(co, sq, sr, n)
      .vectorize(co, lanes);

  // Each phase: register blocks of `vectors` channel vectors x `positions`
  // positions over (taps, input channels), the taps outside: with the taps
  // inside, LLVM kept the broadcasts of every tap's positions live across
  // them and spilled about 80 registers around the FMAs.
  for (size_t i = 0; i < p.phaseReductions.size(); ++i) {
    const RDom &red = p.phaseReductions[i];
    Var qBlock("sq_block"), qInBlock("sq_in"), cVectors("sco_vectors"),
        cLanes("sco_lanes");
    sums.update(int(i))
        .split(sq, qBlock, qInBlock, t.positionsPerBlock, TailStrategy::RoundUp)
        .split(co, cVectors, cLanes, lanes, TailStrategy::RoundUp)
        .reorder(cLanes, cVectors, qInBlock, red[1], red[0], qBlock, n)
        .vectorize(cLanes)
        .unroll(cVectors)
        .unroll(qInBlock);
  }
}

class CpuChannelLanesVariant : public KernelVariant {
public:
  const char *name() const override { return "cpu-channel-lanes"; }

  /// 1-D, and whole vectors of output channels per group (a register
  /// block's channels stay in one group, so its input channel is a scalar).
  bool supports(const ShapeFacts &f) const override {
    return !f.gpu && f.spec.spatialRank == 1 &&
           f.coutPerGroup % f.vectorWidth == 0;
  }
  const char *requirement() const override {
    return "1-D, with output channels per group a multiple of the target's "
           "vector width";
  }

  /// Never by default yet: the tuner measures it (docs/performance.md).
  bool defaultFor(const ShapeFacts &f) const override {
    (void)f;
    return false;
  }

  std::vector<ParamRange> parameterSpace(const ShapeFacts &f) const override {
    const int64_t channelVectors = f.coutPerGroup / f.vectorWidth;
    std::vector<int64_t> vectors = divisorsAtMost(channelVectors, 8);
    std::vector<int64_t> blocks;
    for (int64_t b = 1; b <= kMaxBlocksPerTile; ++b)
      blocks.push_back(b);
    return {{kVectorsPerBlock, vectors},
            {kPositionsPerBlock, registerBlockSizes(f)},
            {kBlocksPerTile, blocks},
            {kParallel, {0, 1}}};
  }

  VariantParams defaultParams(const ShapeFacts &f) const override {
    const int accumulators = accumulatorRegisters(f);
    ChannelLaneTiling t;
    // Up to four channel vectors (10 loads per 24 FMAs at 4 x 6), the rest
    // of the accumulators positions.
    t.vectorsPerBlock = largestDivisorAtMost(
        f.coutPerGroup / f.vectorWidth, std::max(1, accumulators / 6));
    const int64_t maxPositions = std::max(1, accumulators / t.vectorsPerBlock);
    // Tiles of at most kTilePositions, as even as the row allows, cut into
    // the blocks that compute the fewest positions for the micro-kernel's
    // speed (microKernelCycles): a row is computed in blocks of positions,
    // so 100 positions are 10 blocks of 10, not 9 of 12 (108 computed).
    int64_t tile = kTilePositions;
    if (int64_t row = f.positionsPerPhase; !isDynamicSize(row)) {
      const int64_t tiles = std::max<int64_t>(1, ceilDiv(row, kTilePositions));
      tile = std::max<int64_t>(1, ceilDiv(row, tiles));
    }
    const double v = t.vectorsPerBlock;
    double bestCost = 0;
    for (int64_t blocks =
             std::min(ceilDiv(tile, maxPositions), kMaxBlocksPerTile);
         blocks <= kMaxBlocksPerTile; ++blocks) {
      const int64_t positions = std::min(maxPositions, ceilDiv(tile, blocks));
      const double cost =
          double(blocks * positions) *
          microKernelCycles(v + double(positions), v * double(positions));
      if (bestCost == 0 || cost < bestCost) {
        bestCost = cost;
        t.positionsPerBlock = int(positions);
        t.blocksPerTile = int(blocks);
      }
      if (positions == 1)
        break;
    }
    t.parallel = !runsSeriallyByRule(f);
    return paramsOfTiling(t, channelLaneTilingFields());
  }

  Status checkParams(const ShapeFacts &f,
                     const VariantParams &params) const override {
    if (Status s = checkCommonParams(f, params); !s.ok())
      return s;
    const int64_t v = params.at(kVectorsPerBlock),
                  q = params.at(kPositionsPerBlock);
    const int64_t channelVectors = f.coutPerGroup / f.vectorWidth;
    if (channelVectors % v != 0)
      return Status::error("vectors_per_block " + std::to_string(v) +
                           " does not divide the " +
                           std::to_string(channelVectors) +
                           " vectors of output channels per group");
    return checkFitsRegisters(f, "vectors_per_block x positions_per_block",
                              v * q);
  }

  /// Positions computed (whole tiles) times the cycles per FMA of a block:
  /// `v + q` loads per `v x q` FMAs (microKernelCycles).
  double predictedCost(const ShapeFacts &f,
                       const VariantParams &params) const override {
    const double v = double(params.at(kVectorsPerBlock)),
                 q = double(params.at(kPositionsPerBlock));
    const int64_t tile =
        params.at(kPositionsPerBlock) * params.at(kBlocksPerTile);
    return tiledRowCost(f, f.positionsPerPhase, tile, v + q, v * q,
                        params.at(kParallel) != 0);
  }

  ConvTransposePipeline build(const ShapeFacts &f,
                               const VariantParams &params) const override {
    ChannelLaneTiling t;
    t.lanes = f.vectorWidth;
    ConvTransposePipeline pipeline = buildConvTransposePipeline(f.spec);
    applyChannelLanesSchedule(
        pipeline, tilingOfParams(t, params, channelLaneTilingFields()));
    return pipeline;
  }
};

} // namespace

const KernelVariant &cpuChannelLanesVariant() {
  static const CpuChannelLanesVariant variant;
  return variant;
}

} // namespace tconv::codegen
