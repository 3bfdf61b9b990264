//===- CpuTapGemm.cpp - The cpu-tap-gemm variant --------------------------===//
//
// For 1-D layers with few output channels whose stride does not fill a vector
// with phases (Conv-TasNet's decoder: 512 -> 1 channel, K 16, stride 8). With
// one output channel the phase-GEMM variants have no channels to block, so
// every FMA needs its own load. Here the taps are GEMM columns
// (PipelineForm::tapsAsColumns): per tile of input positions, columns(q, k) =
// sum over ci of input(q, ci) * w(k, co, ci) is a GEMM whose register block
// is `vectors` vectors of positions x `taps` taps, `vectors + taps` loads per
// `vectors x taps` FMAs; then each output phase adds its taps' columns (an
// overlap-add of K/s terms per output). The layout oneDNN's gemm-based
// deconvolution uses, in one pipeline.
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

/// A tile's columns (positions x taps x channels) up to this size stay in L1
/// while its phases add them up.
constexpr int64_t kColumnBytes = 32 * 1024;
/// Tiles are the parallel tasks: at least this many where the row allows.
constexpr int64_t kMinTiles = 8;
/// A tile's packed input up to this size stays in L2 (a quarter of Zen 4/5's
/// 1 MiB per core).
constexpr int64_t kInputTileBytes = 256 * 1024;
/// A slice of input channels of one register block of positions up to this
/// size stays in L1 while every block of taps reads it.
constexpr int64_t kInputSliceBytes = 16 * 1024;

struct TapGemmTiling {
  int lanes = 1;
  int vectorsPerBlock = 1; ///< vectors of positions per register block
  int tapsPerBlock = 1;    ///< taps (columns) per register block
  int blocksPerTile = 1;   ///< register blocks of positions per tile
  int channelsPerTile = 1; ///< output channels per tile
  int channelsPerSlice = 1; ///< input channels per slice of the GEMM
  bool parallel = true;
};

const TilingFields<TapGemmTiling> &tapGemmTilingFields() {
  static const TilingFields<TapGemmTiling> fields = {
      {kVectorsPerBlock, &TapGemmTiling::vectorsPerBlock},
      {kTapsPerBlock, &TapGemmTiling::tapsPerBlock},
      {kBlocksPerTile, &TapGemmTiling::blocksPerTile},
      {kChannelsPerTile, &TapGemmTiling::channelsPerTile},
      {kChannelsPerSlice, &TapGemmTiling::channelsPerSlice},
      {kParallel, &TapGemmTiling::parallel}};
  return fields;
}

void applyTapGemmSchedule(ConvTransposePipeline &p, const TapGemmTiling &t) {
  const int lanes = t.lanes;
  const int tileLength = lanes * t.vectorsPerBlock * t.blocksPerTile;
  Func out = p.output;
  Var co = p.channel, n = p.batch;

  // Output: the stride phases of each vector of positions together (one
  // interleaving store), a tile of positions and a block of channels per
  // parallel task.
  auto [q, r] = splitOutputByStridePhase(p);
  Var qTile("q_tile"), qVectors("q_vectors"), qLanes("q_lanes");
  Var coBlock("co_block"), coIn("co_in");
  out.split(q[0], qTile, qVectors, tileLength, TailStrategy::GuardWithIf)
      .split(qVectors, qVectors, qLanes, lanes)
      .split(co, coBlock, coIn, t.channelsPerTile)
      .reorder(qLanes, r[0], qVectors, coIn, coBlock, qTile, n)
      .vectorize(qLanes)
      .unroll(r[0]);
  Var tile = fuseIntoTiles(p, {coBlock, qTile, n}, t.parallel);
  scheduleTrailingZeros(p, t.lanes);

  // The columns of a tile are computed in whole vectors (below).
  computePaddedInputPerTile(p, tile, tileLength + lanes, lanes);

  // The phase sums of a whole tile (constant extent; the last tile reads
  // zero-padded input past the end, and only its valid part is stored).
  Func sums = p.phaseSums;
  Var sq = p.phaseVars[0];
  sums.compute_at(out, tile).bound_extent(sq, tileLength).vectorize(sq, lanes);
  for (size_t i = 0; i < p.phaseReductions.size(); ++i)
    sums.update(int(i)).vectorize(sq, lanes).unroll(p.phaseReductions[i].x);

  // The GEMM: register blocks of positions x taps, accumulated over a slice
  // of input channels, for every block of taps (which re-read the slice's
  // input from L1), slice after slice.
  Func columns = p.tapColumns;
  Var cq = p.phaseVars[0], ck = columns.args()[1];
  columns.compute_at(out, tile).vectorize(cq, lanes);
  Var cqBlock("cq_block"), cqVectors("cq_vectors"), cqLanes("cq_lanes");
  Var ckBlock("ck_block"), ckIn("ck_in");
  RVar ciSlice("ci_slice"), ciIn("ci_in_slice");
  columns.update(0)
      // The tile's phases read a few positions before it (taps past the
      // first): rounding those up to a whole block would double a one-block
      // tile's GEMM, so only vectors are rounded up and the last, partial
      // block is guarded.
      .split(cq, cqVectors, cqLanes, lanes, TailStrategy::RoundUp)
      .split(cqVectors, cqBlock, cqVectors, t.vectorsPerBlock,
             TailStrategy::GuardWithIf)
      .split(ck, ckBlock, ckIn, t.tapsPerBlock)
      .split(p.columnReduction.x, ciSlice, ciIn, t.channelsPerSlice)
      .reorder(cqLanes, cqVectors, ckIn, ciIn, ckBlock, co, ciSlice, cqBlock,
               n)
      .vectorize(cqLanes)
      .unroll(cqVectors)
      .unroll(ckIn);
}


class CpuTapGemmVariant : public KernelVariant {
public:
  const char *name() const override { return "cpu-tap-gemm"; }

  bool supports(const ShapeFacts &f) const override {
    return !f.gpu && canTreatTapsAsColumns(f.spec);
  }
  const char *requirement() const override { return "1-D"; }

  /// One or two output channels per group and enough input channels for a
  /// GEMM (depthwise layers have one: nothing to reuse); cpu-phase-lanes
  /// first takes those whose stride fills vectors with phases. Measured in
  /// docs/performance.md, "Few output channels".
  bool defaultFor(const ShapeFacts &f) const override {
    return supports(f) && f.coutPerGroup <= 2 && f.cinPerGroup >= 16 &&
           f.spec.kernelSize[0] >= 4;
  }

  std::vector<ParamRange> parameterSpace(const ShapeFacts &f) const override {
    return {{kVectorsPerBlock, registerBlockSizes(f)},
            {kTapsPerBlock, divisorsAtMost(f.spec.kernelSize[0], 16)},
            {kBlocksPerTile, {1, 2, 3, 4, 6, 8, 12, 16}},
            {kChannelsPerTile, divisorsAtMost(f.coutPerGroup, 16)},
            {kChannelsPerSlice, channelSliceSizes(f.cinPerGroup)},
            {kParallel, {0, 1}}};
  }

  VariantParams defaultParams(const ShapeFacts &f) const override {
    const int accumulators = accumulatorRegisters(f);
    const int64_t kernel = f.spec.kernelSize[0];
    const int64_t bytes = accumulatorType(f.spec.elementType).bytes();
    TapGemmTiling t;
    // Taps across a quarter of the block (4 of 24: 10 loads per 24 FMAs),
    // positions the rest.
    t.tapsPerBlock = largestDivisorAtMost(kernel, std::max(1, accumulators / 6));
    t.vectorsPerBlock = std::max(1, accumulators / t.tapsPerBlock);
    t.channelsPerTile = largestDivisorAtMost(
        f.coutPerGroup, std::max<int64_t>(1, 64 / kernel));
    // Positions per tile: the columns within kColumnBytes, at least one block,
    // at least kMinTiles tiles where the row has that many blocks, and no
    // longer than the row.
    const int64_t blockLength = int64_t(f.vectorWidth) * t.vectorsPerBlock;
    int64_t blocks = std::max<int64_t>(
        1, std::min(kColumnBytes /
                        (blockLength * kernel * t.channelsPerTile * bytes),
                    kInputTileBytes / (blockLength * f.cinPerGroup * bytes)));
    t.channelsPerSlice = largestDivisorAtMost(
        f.cinPerGroup, std::max<int64_t>(1, kInputSliceBytes /
                                                (blockLength * bytes)));
    if (int64_t row = f.positionsPerPhase; !isDynamicSize(row)) {
      const int64_t rowBlocks = (row + blockLength - 1) / blockLength;
      blocks = std::min(blocks, std::max<int64_t>(1, rowBlocks / kMinTiles));
      if (rowBlocks <= blocks)
        t.vectorsPerBlock = int(std::min<int64_t>(
            t.vectorsPerBlock, (row + f.vectorWidth - 1) / f.vectorWidth));
    }
    t.blocksPerTile = int(std::min<int64_t>(blocks, 16));
    t.parallel = !runsSeriallyByRule(f);
    return paramsOfTiling(t, tapGemmTilingFields());
  }

  Status checkParams(const ShapeFacts &f,
                     const VariantParams &params) const override {
    if (Status s = checkCommonParams(f, params); !s.ok())
      return s;
    const int64_t v = params.at(kVectorsPerBlock), k = params.at(kTapsPerBlock);
    if (Status s = checkDivides(kTapsPerBlock, k, "kernel size",
                                f.spec.kernelSize[0]);
        !s.ok())
      return s;
    if (Status s =
            checkFitsRegisters(f, "vectors_per_block x taps_per_block", v * k);
        !s.ok())
      return s;
    if (Status s = checkDivides(kChannelsPerTile, params.at(kChannelsPerTile),
                                "output channels per group", f.coutPerGroup);
        !s.ok())
      return s;
    return checkDivides(kChannelsPerSlice, params.at(kChannelsPerSlice),
                        "input channels per group", f.cinPerGroup);
  }

  /// Positions computed (whole tiles) times the cycles per vector of a
  /// block: `v + k` loads per `v x k` FMAs (microKernelCycles).
  double predictedCost(const ShapeFacts &f,
                       const VariantParams &params) const override {
    const double v = double(params.at(kVectorsPerBlock)),
                 k = double(params.at(kTapsPerBlock));
    const int64_t tile = int64_t(f.vectorWidth) * params.at(kVectorsPerBlock) *
                         params.at(kBlocksPerTile);
    return tiledRowCost(f, f.positionsPerPhase, tile, v + k, v * k,
                        params.at(kParallel) != 0);
  }

  ConvTransposePipeline build(const ShapeFacts &f,
                               const VariantParams &params) const override {
    TapGemmTiling t;
    t.lanes = f.vectorWidth;
    PipelineForm form;
    form.tapsAsColumns = true;
    ConvTransposePipeline pipeline = buildConvTransposePipeline(f.spec, form);
    applyTapGemmSchedule(pipeline,
                         tilingOfParams(t, params, tapGemmTilingFields()));
    return pipeline;
  }
};

} // namespace

const KernelVariant &cpuTapGemmVariant() {
  static const CpuTapGemmVariant variant;
  return variant;
}

} // namespace tconv::codegen
