//===- CpuRules.h - The CPU variants' default parameters --------*- C++ -*-===//
//
// The hand rules that size the CPU schedule (CpuSchedule.h) when no tuning
// database entry does: each a named function of the ShapeFacts. Each rule's
// measurements (machine kind, shapes, A/B figures) are in docs/performance.md,
// "The CPU rules"; the comments here say what each rule does and why.
//
//===----------------------------------------------------------------------===//

#ifndef TCONV_LIB_CODEGEN_CPURULES_H
#define TCONV_LIB_CODEGEN_CPURULES_H

#include "CpuSchedule.h"
#include "ShapeFacts.h"

#include <type_traits>
#include <vector>

namespace tconv::codegen {

/// Rule 5: the phases as a variable, looped inside slices of input channels
/// (the cpu-phases-in-slices variant) where the stride is >= 8.
bool slicesPhasesByRule(const ShapeFacts &facts);

/// Rule 5: input channels per slice, a divisor of Cin/groups.
int channelsPerSliceByRule(const ShapeFacts &facts);

/// Accumulator registers of the micro-kernel (24 of 32, 12 of 16).
int accumulatorRegisters(const ShapeFacts &facts);

/// Rules 1 and 1b: output channels per register block.
int channelsPerBlockByRule(const ShapeFacts &facts, bool phasesInSlices);

/// Rule 3: vectors per tile, at most `maxVectors`.
int vectorsPerTileByRule(const ShapeFacts &facts, int maxVectors);

/// Rule 2: channel blocks per parallel task; 0 ("at run time") when the
/// task count is unknown at compile time (a dynamic size): the kernel then
/// evaluates chunkForTasks on its buffers' extents.
int blocksPerChunkByRule(const ShapeFacts &facts, const CpuTiling &tiling);

/// Rule 2's candidates: the channel blocks of a chunk of all the output
/// channels, then 64, 32, 16 and 8 channels (divisors of the block count).
std::vector<int64_t> chunkCandidates(int64_t outChannels, int channelsPerBlock);

/// Rule 2's choice among chunkCandidates for `tasks` tasks per chunk (tiles
/// x the other spatial dims' phase positions x batch): the first candidate
/// that leaves at least 8 tasks, else the last. One definition for a count
/// known at compile time (int64_t) and one known at run time (Halide::Expr,
/// a select chain the kernel evaluates on its buffers' extents).
template <typename Int>
Int chunkForTasks(const Int &tasks, int64_t blocks,
                  const std::vector<int64_t> &candidates) {
  constexpr int64_t kEnoughTasks = 8;
  // Constants as Int: 32-bit Exprs at run time (the kernel's index type).
  auto constant = [](int64_t value) -> Int {
    if constexpr (std::is_same_v<Int, Halide::Expr>)
      return Halide::Expr(int32_t(value));
    else
      return value;
  };
  Int chosen = constant(candidates.back());
  for (size_t i = candidates.size() - 1; i-- > 0;) {
    auto enough = tasks * constant(blocks / candidates[i]) >= constant(kEnoughTasks);
    if constexpr (std::is_same_v<Int, Halide::Expr>)
      chosen = Halide::select(enough, constant(candidates[i]), chosen);
    else
      chosen = enough ? candidates[i] : chosen;
  }
  return chosen;
}

/// Rule 4: kernels under 1 MFLOP run serially on the calling thread.
bool runsSeriallyByRule(const ShapeFacts &facts);

/// All the rules together: the default tiling of `facts` in the form
/// `phasesInSlices` (rule 5 decides it for the default variant).
CpuTiling cpuTilingByRules(const ShapeFacts &facts, bool phasesInSlices);

/// The default tiling of `spec` on `target`: rule 5's form and its tiling.
CpuTiling chooseCpuTiling(const TransposedConvSpec &spec,
                          const Halide::Target &target);

} // namespace tconv::codegen

#endif // TCONV_LIB_CODEGEN_CPURULES_H
