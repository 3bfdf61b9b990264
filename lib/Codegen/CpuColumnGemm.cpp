//===- CpuColumnGemm.cpp - The cpu-column-gemm variant --------------------===//
//
// For 1-D layers with many output channels whose stride phases are short
// rows (HiFi-GAN's and MelGAN's stride-8 layers at 100 frames: 100 positions
// per phase, 7 vectors of 16 computing 112). The phase-GEMM variants
// vectorize the positions of a phase, so a row is computed in whole vectors
// and every input vector load is unaligned. Here the GEMM is the one
// PyTorch's and oneDNN's gemm-based deconvolutions run (the taps as columns,
// PipelineForm::tapsAsColumns): columns(q, k, co) = sum over ci of
// input(q, ci) * w(ci, co, k), vectorized over the fused (k, co) column,
// which is contiguous in the weight tensor's own layout. A register block is
// `vectors` vectors of columns x `positions` positions: per input channel
// `vectors` aligned weight loads and `positions` input broadcasts feed
// `vectors x positions` FMAs, and a row is computed in blocks of positions,
// not of vectors. The columns are stored (N x positions x K x Cout); each
// output phase then adds its taps' columns (an overlap-add of K/s terms per
// output), a pass over a small fraction of the work.
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

/// Output positions per parallel task of the overlap-add (in vectors).
constexpr int kAddVectorsPerTile = 4;

struct ColumnGemmTiling {
  int lanes = 1;
  int vectorsPerBlock = 1;   ///< vectors of (k, co) columns per register block
  int positionsPerBlock = 1; ///< input positions per register block
  /// Tiles of blocksPerTile blocks of positions as the outer loop, each
  /// packing its own input (long rows), instead of blocks of columns outer
  /// with the input packed once per call (short rows, many columns).
  bool tilesOuter = false;
  int blocksPerTile = 1;
  bool parallel = true;
};

const TilingFields<ColumnGemmTiling> &columnGemmTilingFields() {
  static const TilingFields<ColumnGemmTiling> fields = {
      {kVectorsPerBlock, &ColumnGemmTiling::vectorsPerBlock},
      {kPositionsPerBlock, &ColumnGemmTiling::positionsPerBlock},
      {kTilesOuter, &ColumnGemmTiling::tilesOuter},
      {kBlocksPerTile, &ColumnGemmTiling::blocksPerTile},
      {kParallel, &ColumnGemmTiling::parallel}};
  return fields;
}

/// The columns of the GEMM: K x Cout.
int64_t columnCount(const ShapeFacts &f) {
  return f.spec.kernelSize[0] * f.coutPerGroup;
}

void applyColumnGemmSchedule(ConvTransposePipeline &p,
                             const ColumnGemmTiling &t) {
  const int lanes = t.lanes;
  const int blockColumns = lanes * t.vectorsPerBlock;
  Func out = p.output;
  Var co = p.channel, n = p.batch;

  Func columns = p.tapColumns;
  Func stored = columns.in();
  std::vector<Var> c = columns.args(); // q, k, co, n
  Var cq = c[0], ck = c[1], cco = c[2], cn = c[3];
  Var kc("kc"), kcBlock("kc_block"), kcIn("kc_in"), kcVectors("kc_vectors"),
      kcLanes("kc_lanes"), qTile("q_tile"), qInTile("q_in_tile"),
      qBlock("q_block"), qIn("q_in");
  // The GEMM's result, stored for the whole call with the columns
  // innermost, (k, co) fused so that a vector of columns is one dense store
  // (and one dense load of the weights). A block of columns within one
  // channel's taps (K a multiple of the block: an iSTFT's 1024 taps) is
  // split from k alone, the channel a loop of its own: split from the fused
  // (k, co), its taps' bounds would be all K (k = kc % K), and the register
  // block as wide.
  const bool blocksWithinTaps = p.spec.kernelSize[0] % blockColumns == 0;
  stored.compute_root()
      // Whole blocks (tiles) of positions, so that the packed input's
      // region, which Halide derives from this Func's bounds, covers every
      // position the last block reads (PackedInputTest).
      .align_bounds(cq, t.positionsPerBlock *
                            (t.tilesOuter ? t.blocksPerTile : 1))
      .reorder_storage(ck, cco, cq, cn)
      .reorder(ck, cco, cq, cn);
  if (!blocksWithinTaps)
    stored.fuse(ck, cco, kc);
  stored.split(blocksWithinTaps ? ck : kc, kcBlock, kcIn, blockColumns)
      .split(kcIn, kcVectors, kcLanes, lanes);
  // The loops outside a block of positions, innermost first.
  std::vector<VarOrRVar> order = {kcLanes, kcVectors, qIn, qBlock, kcBlock};
  if (blocksWithinTaps)
    order.push_back(cco);
  Var columnTask = kcBlock;
  if (t.tilesOuter) {
    // Long rows: each tile of positions packs its input (rows a tile's
    // length apart and in cache, where the input's own rows are L floats
    // apart), then every block of columns runs over the tile's blocks of
    // positions. The tiles are the parallel tasks, where a single block of
    // columns would leave none.
    stored
        .split(cq, qTile, qInTile, t.positionsPerBlock * t.blocksPerTile,
               TailStrategy::RoundUp)
        .split(qInTile, qBlock, qIn, t.positionsPerBlock, TailStrategy::RoundUp);
    order.push_back(qTile);
    order.push_back(cn);
    stored.reorder(order);
    if (t.parallel)
      stored.parallel(qTile);
    p.paddedInput.compute_at(stored, qTile)
        .vectorize(p.outputVars[0], lanes, TailStrategy::GuardWithIf);
  } else {
    // Short rows: blocks of columns are the parallel tasks; inside one, the
    // blocks of positions reuse its weights from L2. The input is packed
    // once per call, positions innermost.
    stored.split(cq, qBlock, qIn, t.positionsPerBlock, TailStrategy::RoundUp);
    order.push_back(cn);
    stored.reorder(order);
    if (blocksWithinTaps) {
      columnTask = Var("column_task");
      stored.fuse(kcBlock, cco, columnTask);
    }
    if (t.parallel)
      stored.parallel(columnTask);
    p.paddedInput.compute_root().vectorize(p.outputVars[0], lanes,
                                           TailStrategy::GuardWithIf);
  }
  stored.vectorize(kcLanes).unroll(kcVectors).unroll(qIn);

  // A block's weights (its columns of every input channel), copied once per
  // block into a dense panel that stays in L2 while the block's positions
  // read it: read in place, consecutive input channels are K x Cout floats
  // apart (16 KiB for HiFi-GAN's first layer), a new page per channel, which
  // no prefetcher follows.
  Func panel = p.weight.in(columns);
  std::vector<Var> w = panel.args(); // k, co, ci
  Var wkc("w_kc");
  panel.compute_at(stored, columnTask)
      .reorder(w[0], w[1], w[2])
      .fuse(w[0], w[1], wkc)
      .vectorize(wkc, lanes);

  // The register block: accumulated over every input channel.
  columns.compute_at(stored, qBlock)
      .reorder_storage(ck, cco, cq, cn)
      .reorder(ck, cco, cq, cn)
      .fuse(ck, cco, kc)
      .split(kc, kcVectors, kcLanes, lanes)
      .vectorize(kcLanes)
      .unroll(kcVectors)
      .unroll(cq);
  columns.update(0)
      .reorder(ck, cco, cq, p.columnReduction.x, cn)
      .fuse(ck, cco, kc)
      .split(kc, kcVectors, kcLanes, lanes)
      .reorder(kcLanes, kcVectors, cq, p.columnReduction.x, cn)
      .vectorize(kcLanes)
      .unroll(kcVectors)
      .unroll(cq);

  // The overlap-add: the output's stride phases of a vector of positions
  // together (one interleaving store), a tile of positions of one channel
  // per task.
  const int tileLength = lanes * kAddVectorsPerTile;
  auto [q, r] = splitOutputByStridePhase(p);
  Var addTile("add_tile"), qVectors("q_vectors"), qLanes("q_lanes");
  out.split(q[0], addTile, qVectors, tileLength, TailStrategy::GuardWithIf)
      .split(qVectors, qVectors, qLanes, lanes)
      .reorder(qLanes, r[0], qVectors, co, addTile, n)
      .vectorize(qLanes)
      .unroll(r[0]);
  fuseIntoTiles(p, {co, addTile, n}, t.parallel);
  scheduleTrailingZeros(p, lanes);
  Func sums = p.phaseSums;
  Var sq = p.phaseVars[0];
  // Whole vectors of sums (constant extent; a short last vector reads
  // columns of zero-padded positions past the row, which are computed).
  sums.compute_at(out, qVectors).bound_extent(sq, lanes).vectorize(sq, lanes);
  for (size_t i = 0; i < p.phaseReductions.size(); ++i)
    sums.update(int(i)).vectorize(sq, lanes).unroll(p.phaseReductions[i].x);
}

class CpuColumnGemmVariant : public KernelVariant {
public:
  const char *name() const override { return "cpu-column-gemm"; }

  /// The fused (k, co) columns must fill whole vectors, and a block of them
  /// must cover whole taps or whole channels, so that it is a box of the
  /// columns (no column computed twice); one group, so that every lane of a
  /// vector reduces over the same input channels.
  bool supports(const ShapeFacts &f) const override {
    const int64_t k = f.spec.kernelSize[0];
    return !f.gpu && canTreatTapsAsColumns(f.spec) && f.spec.groups == 1 &&
           columnCount(f) % f.vectorWidth == 0 &&
           (k % f.vectorWidth == 0 || f.vectorWidth % k == 0);
  }
  const char *requirement() const override {
    return "1-D, one group, and a kernel size that divides or is a multiple "
           "of the vector width, with K x Cout whole vectors";
  }

  /// Never by default yet: the tuner measures it (docs/performance.md).
  bool defaultFor(const ShapeFacts &f) const override {
    (void)f;
    return false;
  }

  std::vector<ParamRange> parameterSpace(const ShapeFacts &f) const override {
    return {{kVectorsPerBlock,
             divisorsAtMost(columnCount(f) / f.vectorWidth, 8)},
            {kPositionsPerBlock, registerBlockSizes(f)},
            {kTilesOuter, {0, 1}},
            {kBlocksPerTile, {4, 8, 16, 32}},
            {kParallel, {0, 1}}};
  }

  VariantParams defaultParams(const ShapeFacts &f) const override {
    // Four vectors of columns by six positions (10 loads per 24 FMAs), or
    // what the columns allow.
    const int accumulators = accumulatorRegisters(f);
    ColumnGemmTiling t;
    t.vectorsPerBlock = largestDivisorAtMost(
        columnCount(f) / f.vectorWidth, std::max(1, accumulators / 6));
    t.positionsPerBlock = std::max(1, accumulators / t.vectorsPerBlock);
    // Always parallel (rule 4 is not applied): built serially, the register
    // block lands in the pipeline's main function, where LLVM 14 turned
    // HiFi-GAN's 4 x 6 block into shuffles and spills, 7x slower
    // (docs/performance.md, "Columns as the GEMM's lanes").
    t.parallel = true;
    // With a single block of columns there is no other parallel loop.
    t.tilesOuter = columnCount(f) <= f.vectorWidth * t.vectorsPerBlock;
    // Measured on tasnet_dec (docs/performance.md, "Columns as the GEMM's
    // lanes"); the tuner tries the others.
    t.blocksPerTile = 2;
    return paramsOfTiling(t, columnGemmTilingFields());
  }

  Status checkParams(const ShapeFacts &f,
                     const VariantParams &params) const override {
    if (Status s = checkCommonParams(f, params); !s.ok())
      return s;
    const int64_t v = params.at(kVectorsPerBlock),
                  q = params.at(kPositionsPerBlock);
    if (Status s = checkDivides(kVectorsPerBlock, v,
                                "vectors of K x Cout columns",
                                columnCount(f) / f.vectorWidth);
        !s.ok())
      return s;
    return checkFitsRegisters(f, "vectors_per_block x positions_per_block",
                              v * q);
  }

  /// Positions computed (whole blocks) times the cycles per FMA of a block:
  /// `v + q` loads per `v x q` FMAs (microKernelCycles).
  double predictedCost(const ShapeFacts &f,
                       const VariantParams &params) const override {
    const double v = double(params.at(kVectorsPerBlock)),
                 q = double(params.at(kPositionsPerBlock));
    return tiledRowCost(f, f.positionsPerPhase, params.at(kPositionsPerBlock),
                        v + q, v * q, params.at(kParallel) != 0);
  }

  ConvTransposePipeline build(const ShapeFacts &f,
                              const VariantParams &params) const override {
    ColumnGemmTiling t;
    t.lanes = f.vectorWidth;
    PipelineForm form;
    form.tapsAsColumns = true;
    ConvTransposePipeline pipeline = buildConvTransposePipeline(f.spec, form);
    applyColumnGemmSchedule(
        pipeline, tilingOfParams(t, params, columnGemmTilingFields()));
    return pipeline;
  }

  /// Tuning databases written before the loop order was a parameter leave
  /// out tiles_outer and blocks_per_tile: the blocks of columns outer, as
  /// then.
  VariantParams paramsAddedLater() const override {
    return {{kTilesOuter, 0}, {kBlocksPerTile, 1}};
  }
};

} // namespace

const KernelVariant &cpuColumnGemmVariant() {
  static const CpuColumnGemmVariant variant;
  return variant;
}

} // namespace tconv::codegen
