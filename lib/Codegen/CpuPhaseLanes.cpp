//===- CpuPhaseLanes.cpp - The cpu-phase-lanes variant --------------------===//
//
// For layers with few output channels and a large stride (iSTFT-style
// overlap-add: Cin ~ 1000, Cout 1, K 1024, s 256). The other CPU variants
// vectorize positions of one phase and block output channels: with one
// output channel each FMA needs its own input vector load and weight
// broadcast, so they are load-bound at about half the FMA rate. Here the
// stride phases are the lanes (PipelineForm::phasesAsLanes): a vector of
// consecutive phases of the full output reads consecutive weights,
// w(r + u*s), and one input position, broadcast. A register block is `vectors` vectors of
// phases x `positions` positions x `channels` output channels, accumulated
// over (taps, a slice of input channels): per step `vectors x channels`
// weight loads and `positions` broadcasts feed `vectors x positions x
// channels` FMAs. A tile of positions keeps its phase sums in memory across
// the slices, so one slice's weights (sized to stay in L2) serve the whole
// tile; the output is then a copy of the sums shifted by padLo, rows of
// phases being consecutive outputs.
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

/// A slice's weights up to this size stay in L2 while a tile's positions
/// use them (half of Zen 4/5's 1 MiB L2 per core).
constexpr int64_t kSliceWeightBytes = 512 * 1024;
/// Positions per tile by default: the weights are read once per tile, so a
/// tile of T positions does T/2 FLOPs per weight byte.
constexpr int64_t kTilePositions = 64;
/// Tiles are the parallel tasks: at least this many where each keeps
/// kMinTile positions.
constexpr int64_t kMinTiles = 4;
constexpr int64_t kMinTile = 24;

struct LaneTiling {
  int lanes = 1;             ///< phases per vector (divides the stride)
  int vectorsPerBlock = 1;   ///< vectors of phases per register block
  int positionsPerBlock = 1; ///< positions q per register block
  int channelsPerBlock = 1;  ///< output channels per register block and tile
  int blocksPerTile = 1;     ///< register blocks of positions per tile
  int channelsPerSlice = 1;  ///< input channels per slice
  bool parallel = true;
};

const TilingFields<LaneTiling> &laneTilingFields() {
  static const TilingFields<LaneTiling> fields = {
      {kVectorsPerBlock, &LaneTiling::vectorsPerBlock},
      {kPositionsPerBlock, &LaneTiling::positionsPerBlock},
      {kChannelsPerBlock, &LaneTiling::channelsPerBlock},
      {kBlocksPerTile, &LaneTiling::blocksPerTile},
      {kChannelsPerSlice, &LaneTiling::channelsPerSlice},
      {kParallel, &LaneTiling::parallel}};
  return fields;
}

/// Phases per vector: the largest power of two that divides the stride, up to
/// the target's lanes, so no vector straddles two rows of phases.
int phaseLanes(const ShapeFacts &f) {
  int lanes = 1;
  while (lanes * 2 <= f.vectorWidth && f.innerStride % (lanes * 2) == 0)
    lanes *= 2;
  return lanes;
}

void applyPhaseLanesSchedule(ConvTransposePipeline &p, const LaneTiling &t) {
  Func out = p.output;
  Var co = p.channel, n = p.batch;
  const int tilePositions = t.positionsPerBlock * t.blocksPerTile;

  // Output: x = xq * s + xr; a tile is tilePositions rows of s phases and a
  // block of channels, and the phase sums' storage (r innermost) makes each
  // vector of xr a dense load.
  auto [q, r] = splitOutputByStridePhase(p);
  Var qTile("q_tile"), qIn("q_in"), coBlock("co_block"), coIn("co_in");
  out.split(q[0], qTile, qIn, tilePositions, TailStrategy::GuardWithIf)
      .split(co, coBlock, coIn, t.channelsPerBlock)
      .reorder(r[0], qIn, coIn, coBlock, qTile, n)
      .vectorize(r[0], t.lanes);
  Var tile = fuseIntoTiles(p, {coBlock, qTile, n}, t.parallel);
  scheduleTrailingZeros(p, t.lanes);

  // The full output's rows of one tile: one more than the tile's when padLo
  // shifts the rows across a row boundary, rounded up to whole register
  // blocks, and as many at the end (the padded input is zero there; only the
  // valid part is stored), so the extent is a constant.
  const int64_t s = p.phases[0].stride;
  const int64_t padLo = p.spec.padding[0].padLo;
  const int64_t rows = tilePositions + (floorMod(padLo, s) != 0 ? 1 : 0);
  const int64_t blocks = (rows + t.positionsPerBlock - 1) / t.positionsPerBlock;
  computePaddedInputPerTile(p, tile, blocks * t.positionsPerBlock, 1);
  Func sums = p.phaseSums;
  Var sq = p.phaseVars[0], sr = p.phaseVars[1];
  sums.compute_at(out, tile)
      .reorder_storage(sr, sq, co, n)
      .bound_extent(sq, int(blocks * t.positionsPerBlock))
      .reorder(sr, sq, co, n)
      .vectorize(sr, t.lanes);

  // Register blocks inside slices of input channels.
  const RDom &red = p.phaseReductions[0];
  RVar tap = red[0], ci = red[1];
  RVar ciSlice("ci_slice"), ciIn("ci_in_slice");
  Var qBlock("sq_block"), qInBlock("sq_in"), rBlock("sr_block"),
      rVectors("sr_vectors"), rLanes("sr_lanes");
  sums.update(0)
      .split(sq, qBlock, qInBlock, t.positionsPerBlock, TailStrategy::RoundUp)
      .split(sr, rBlock, rVectors, t.lanes * t.vectorsPerBlock,
             TailStrategy::RoundUp)
      .split(rVectors, rVectors, rLanes, t.lanes)
      .split(ci, ciSlice, ciIn, t.channelsPerSlice)
      .reorder(rLanes, rVectors, qInBlock, co, tap, ciIn, rBlock, qBlock,
               ciSlice, n)
      .vectorize(rLanes)
      .unroll(rVectors)
      .unroll(qInBlock)
      .unroll(co);
}

class CpuPhaseLanesVariant : public KernelVariant {
public:
  const char *name() const override { return "cpu-phase-lanes"; }

  bool supports(const ShapeFacts &f) const override {
    return !f.gpu && canTreatPhasesAsLanes(f.spec);
  }
  const char *requirement() const override {
    return "1-D, dilation 1, and a kernel size that is a multiple of the "
           "stride (>= 2)";
  }

  /// Few output channels, enough input channels to reduce over (not
  /// depthwise: on pocket_up, K 32, s 16, cpu-phase-gemm ran 4.7x this
  /// variant), and phases that fill whole vectors. Measured in
  /// docs/performance.md, "Few output channels" and "Depthwise layers".
  bool defaultFor(const ShapeFacts &f) const override {
    return supports(f) && f.coutPerGroup <= 2 && f.cinPerGroup >= 16 &&
           phaseLanes(f) == f.vectorWidth;
  }

  std::vector<ParamRange> parameterSpace(const ShapeFacts &f) const override {
    const int64_t rowVectors = f.innerStride / phaseLanes(f);
    return {{kVectorsPerBlock, divisorsAtMost(rowVectors, 8)},
            {kPositionsPerBlock, registerBlockSizes(f)},
            {kChannelsPerBlock, divisorsAtMost(f.coutPerGroup, 4)},
            {kBlocksPerTile, {1, 2, 4, 8, 16}},
            {kChannelsPerSlice, channelSliceSizes(f.cinPerGroup)},
            {kParallel, {0, 1}}};
  }

  VariantParams defaultParams(const ShapeFacts &f) const override {
    const int lanes = phaseLanes(f);
    const int accumulators = accumulatorRegisters(f);
    LaneTiling t;
    t.channelsPerBlock = 1;
    t.vectorsPerBlock =
        largestDivisorAtMost(f.innerStride / lanes, std::max(1, accumulators / 6));
    t.positionsPerBlock = std::max(1, accumulators / t.vectorsPerBlock);
    // Tiles of at most kTilePositions positions, as even as the phase row
    // allows, and at least kMinTiles of them where that leaves kMinTile
    // positions each (the tiles are the parallel tasks).
    int64_t tilePositions = kTilePositions;
    if (int64_t row = f.positionsPerPhase; !isDynamicSize(row)) {
      int64_t tiles = std::max((row + kTilePositions - 1) / kTilePositions,
                               std::min(kMinTiles, row / kMinTile));
      tiles = std::max<int64_t>(tiles, 1);
      tilePositions = (row + tiles - 1) / tiles;
    }
    t.positionsPerBlock =
        int(std::min<int64_t>(t.positionsPerBlock, tilePositions));
    t.blocksPerTile = int(std::min<int64_t>(
        16, (tilePositions + t.positionsPerBlock - 1) / t.positionsPerBlock));
    const int64_t bytes = halideType(f.spec.elementType).bytes();
    t.channelsPerSlice = largestDivisorAtMost(
        f.cinPerGroup,
        std::max<int64_t>(1, kSliceWeightBytes /
                                 (f.spec.kernelSize[0] * bytes)));
    t.parallel = !runsSeriallyByRule(f);
    return paramsOfTiling(t, laneTilingFields());
  }

  Status checkParams(const ShapeFacts &f,
                     const VariantParams &params) const override {
    if (Status s = checkCommonParams(f, params); !s.ok())
      return s;
    const int64_t v = params.at(kVectorsPerBlock),
                  q = params.at(kPositionsPerBlock),
                  c = params.at(kChannelsPerBlock);
    const int64_t rowVectors = f.innerStride / phaseLanes(f);
    if (rowVectors % v != 0)
      return Status::error("vectors_per_block " + std::to_string(v) +
                           " does not divide the stride's " +
                           std::to_string(rowVectors) + " vectors of phases");
    if (Status s = checkDivides(kChannelsPerBlock, c,
                                "output channels per group", f.coutPerGroup);
        !s.ok())
      return s;
    if (Status s = checkFitsRegisters(
            f, "vectors_per_block x positions_per_block x channels_per_block",
            v * q * c);
        !s.ok())
      return s;
    return checkDivides(kChannelsPerSlice, params.at(kChannelsPerSlice),
                        "input channels per group", f.cinPerGroup);
  }

  /// Positions computed (whole tiles) times the cycles per vector of a
  /// block: `v*c + q` loads per `v*q*c` FMAs (microKernelCycles).
  double predictedCost(const ShapeFacts &f,
                       const VariantParams &params) const override {
    const double v = double(params.at(kVectorsPerBlock)),
                 q = double(params.at(kPositionsPerBlock)),
                 c = double(params.at(kChannelsPerBlock));
    const int64_t tile = params.at(kPositionsPerBlock) * params.at(kBlocksPerTile);
    return tiledRowCost(f, f.positionsPerPhase, tile, v * c + q, v * q * c,
                        params.at(kParallel) != 0);
  }

  ConvTransposePipeline build(const ShapeFacts &f,
                               const VariantParams &params) const override {
    LaneTiling t;
    t.lanes = phaseLanes(f);
    ConvTransposePipeline pipeline =
        buildConvTransposePipeline(f.spec, {0, false, /*phasesAsLanes=*/true});
    applyPhaseLanesSchedule(pipeline,
                            tilingOfParams(t, params, laneTilingFields()));
    return pipeline;
  }
};

} // namespace

const KernelVariant &cpuPhaseLanesVariant() {
  static const CpuPhaseLanesVariant variant;
  return variant;
}

} // namespace tconv::codegen
