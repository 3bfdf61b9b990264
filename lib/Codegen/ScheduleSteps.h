//===- ScheduleSteps.h - Steps the CPU and GPU schedules share --*- C++ -*-===//
//
// The algorithm (ConvTransposeAlgorithm.h) knows no schedule, and each
// variant's schedule is its own file; these are the steps several of them
// take the same way, so each is written once.
//
//===----------------------------------------------------------------------===//

#ifndef TCONV_LIB_CODEGEN_SCHEDULESTEPS_H
#define TCONV_LIB_CODEGEN_SCHEDULESTEPS_H

#include "ConvTransposeAlgorithm.h"

#include <utility>
#include <vector>

namespace tconv::codegen {

/// Splits every output spatial dim x_j by its stride into (q_j, r_j) with
/// GuardWithIf, so the last iteration is not shifted inwards and r_j stays the
/// stride phase: unrolled, phase_sums(x/s, x%s) folds to a plain read. Shared
/// by the CPU and GPU schedules. Returns the q and r Vars, dim 0 first.
std::pair<std::vector<Halide::Var>, std::vector<Halide::Var>>
splitOutputByStridePhase(ConvTransposePipeline &p);

/// Schedules the zero-padded input to be packed once per iteration of
/// `tile` (a loop of the output), covering every position that `rows`
/// positions of each stride phase of dimension 0 read, from the tile's first
/// (for the taps as columns: `rows` columns), in vectors of `lanes`. The CPU
/// schedules compute the phase sums of whole tiles (bound_extent, RoundUp)
/// and store only the valid part, but Halide derives the packed region from
/// the output's exact, guarded tile: without this bound the last tile's
/// extra lanes read packed-input memory that was never written (stack
/// garbage; as denormals it slowed seed_ex1 18x on an Intel Xeon,
/// docs/performance.md, "Uninitialized reads").
void computePaddedInputPerTile(ConvTransposePipeline &p, Halide::Var tile,
                               int64_t rows, int lanes);

/// Fuses the output's `loops` (already ordered, innermost first) into one
/// loop called "tile" (the steps between "tile1", "tile2", ...): the CPU
/// schedules' parallel tasks, run in parallel when `parallel`. Returns it.
Halide::Var fuseIntoTiles(ConvTransposePipeline &p,
                          const std::vector<Halide::Var> &loops,
                          bool parallel);

/// Schedules the output's trailing-zero updates: a few columns of x_0 need
/// no schedule; rows (planes) across x_0 are vectorized by `lanes`.
void scheduleTrailingZeros(ConvTransposePipeline &p, int lanes);

} // namespace tconv::codegen

#endif // TCONV_LIB_CODEGEN_SCHEDULESTEPS_H
