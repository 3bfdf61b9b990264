//===- CpuSchedule.cpp - The CPU schedule of a transposed conv ------------===//

#include "CpuSchedule.h"

#include "ScheduleSteps.h"

#include <algorithm>
#include <string>

using namespace Halide;

namespace tconv::codegen {

ConvTransposePipeline buildCpuPipeline(const ConvTransposeSpec &spec,
                                        const CpuTiling &tiling) {
  ConvTransposePipeline pipeline =
      buildConvTransposePipeline(spec, {0, tiling.phasesAsVariable, false,
                                         false, tiling.packByCopy});
  applyCpuSchedule(pipeline, tiling);
  return pipeline;
}

void applyCpuSchedule(ConvTransposePipeline &p, const CpuTiling &tiling) {
  const int rank = int(p.spec.spatialRank);
  const int lanes = tiling.vectorWidth;
  const int tileLength = lanes * tiling.vectorsPerTile;
  const int channels = tiling.channelsPerBlock;
  Func out = p.output;
  Var co = p.channel, n = p.batch;

  // Output: split every spatial dim by its stride into (q_j, r_j), so r_j is a
  // constant in each unrolled copy and phase_sums(x/s, x%s) folds to a dense
  // read. The stride split must not shift its last iteration inwards, which
  // would misalign x and r: guard it instead.
  auto [q, r] = splitOutputByStridePhase(p);
  Var qTile("q_tile"), qVectors("q_vectors"), qLanes("q_lanes");
  Var coChunk("co_chunk"), coBlock("co_block"), coInner("co_inner");
  out.split(q[0], qTile, qVectors, tileLength, TailStrategy::GuardWithIf)
      .split(qVectors, qVectors, qLanes, lanes)
      .split(co, coBlock, coInner, channels)
      .split(coBlock, coChunk, coBlock, tiling.blocksPerChunk);

  // Innermost first: the s_0 phases of a vector of positions are stored
  // together, so Halide fuses their strided stores into one interleaving
  // dense store. Tiles: channel blocks innermost, so consecutive blocks reuse
  // the tile of padded input; everything outside, chunks of channel blocks
  // included (a short input with N = 1 may have a single position tile), is
  // one parallel loop.
  std::vector<VarOrRVar> order = {qLanes, r[0], qVectors};
  for (int j = 1; j < rank; ++j)
    order.push_back(r[j]);
  order.push_back(coInner);
  order.push_back(coBlock);
  std::vector<Var> parallelLoops = {coChunk, qTile};
  for (int j = 1; j < rank; ++j)
    parallelLoops.push_back(q[j]);
  parallelLoops.push_back(n);
  order.insert(order.end(), parallelLoops.begin(), parallelLoops.end());
  out.reorder(order);
  Var tile = fuseIntoTiles(p, parallelLoops, tiling.parallel);
  // The whole register block of the output (vectors x channels x every
  // phase) is unrolled, so every read of the phase sums has a constant index
  // (see below) -- up to 192 vector stores. Beyond that (many phases: a 2-D
  // stride 8 x 5 with 3 channels x 8 vectors is 960) Halide's lowering of the
  // guarded copies took over 2 minutes instead of 3 s, so only r_0 is
  // unrolled there and LLVM keeps the accumulators of each phase's reduction
  // loop in registers by itself.
  int64_t phaseCount = 1;
  for (int j = 0; j < rank; ++j)
    phaseCount *= p.phases[j].stride;
  const bool unrollBlock =
      phaseCount * tiling.vectorsPerTile * channels <= 192;
  out.vectorize(qLanes).unroll(r[0]);
  if (unrollBlock) {
    out.unroll(qVectors).unroll(coInner);
    for (int j = 1; j < rank; ++j)
      out.unroll(r[j]);
  }
  scheduleTrailingZeros(p, lanes);

  // The zero-padded input is packed once per tile, for its channel blocks.
  computePaddedInputPerTile(p, tile, tileLength, lanes);

  // Phase sums of one tile and channel block; the bias fills them first.
  // bound_extent fixes their extent to one tile even for the last, partial
  // tile (which then computes a whole tile from the zero-padded input and
  // stores only its valid part), so the allocation has a constant size and,
  // with every access at a constant index, LLVM keeps the accumulators in
  // registers. Without it the tile's extent is a run-time value whenever the
  // length leaves a partial tile or phase; the accumulators then lived in
  // memory, with a load and a store around every FMA: batch16 (N = 16,
  // L_out = 2049) ran at 77 GFLOP/s, 160 with this.
  Func sums = p.phaseSums;
  Var sq = p.phaseVars[0];
  Var sqTile("sq_tile"), sqVectors("sq_vectors"), sqLanes("sq_lanes");
  Var sco("sco_block"), scoInner("sco_inner");
  sums.compute_at(out, coBlock)
      .bound_extent(sq, tileLength)
      .vectorize(sq, lanes)
      .unroll(sq)
      .unroll(co);
  for (int j = 0; j < rank && unrollBlock; ++j)
    sums.unroll(p.phaseVars[2 * j + 1]);

  // Each phase: a register block of channels x vectors of positions,
  // accumulated over (taps, input channels). RoundUp is safe: the padded
  // input is defined everywhere and the extra positions are never stored.
  // Channels innermost: each input vector is loaded once and feeds the
  // block's channelsPerBlock FMAs, whose weight broadcasts stay in registers
  // (hifigan_up3: about +7% over vectors innermost, same run).
  for (size_t i = 0; i < p.phaseReductions.size(); ++i) {
    const RDom &red = p.phaseReductions[i];
    Stage phase = sums.update(int(i));
    phase.split(sq, sqTile, sqVectors, tileLength, TailStrategy::RoundUp)
        .split(sqVectors, sqVectors, sqLanes, lanes)
        .split(co, sco, scoInner, channels, TailStrategy::RoundUp);
    std::vector<VarOrRVar> phaseOrder = {sqLanes, scoInner, sqVectors};
    for (int j = 0; j < rank; ++j)
      phaseOrder.push_back(red[j]);
    if (!p.phasesAsVariable) {
      phaseOrder.push_back(red[rank]);
    } else {
      // The phases of the block inside each slice of input channels, so the
      // slice's input rows and weights are read from L1 by every phase.
      Var r0 = p.phaseVars[1];
      if (tiling.channelsPerSlice > 0) {
        RVar ciOuter("ci_slice"), ciInner("ci_in_slice");
        phase.split(red[rank], ciOuter, ciInner, tiling.channelsPerSlice);
        phaseOrder.insert(phaseOrder.end(), {ciInner, r0, ciOuter});
      } else {
        phaseOrder.insert(phaseOrder.end(), {red[rank], r0});
      }
      if (unrollBlock)
        phase.unroll(r0);
    }
    phaseOrder.push_back(sqTile);
    phaseOrder.push_back(sco);
    for (int j = 1; j < rank; ++j)
      phaseOrder.push_back(p.phaseVars[2 * j]);
    phaseOrder.push_back(n);
    phase.reorder(phaseOrder)
        .vectorize(sqLanes)
        .unroll(sqVectors)
        .unroll(scoInner);
  }
}

} // namespace tconv::codegen
