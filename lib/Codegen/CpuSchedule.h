//===- CpuSchedule.h - The CPU schedule of a transposed conv ----*- C++ -*-===//
//
// The schedule half of the code generator (the algorithm is
// TransposedConvAlgorithm.h). Per tile of output positions and a block of
// output channels, each stride phase is a small GEMM over (input channel,
// tap): its accumulators, `channelsPerBlock` output channels times
// `vectorsPerTile` vectors of positions, stay in registers across the input
// channel loop, reading the zero-padded input with dense vector loads at
// static offsets and broadcasting one weight per channel. The phase sums of
// a tile have a constant extent (the last, partial tile is computed whole and
// stored guarded), so they stay in registers. The tiles run in parallel.
// chooseCpuTiling holds every rule that sizes this, with the measurement
// behind each.
//
//===----------------------------------------------------------------------===//

#ifndef TCONV_LIB_CODEGEN_CPUSCHEDULE_H
#define TCONV_LIB_CODEGEN_CPUSCHEDULE_H

#include "TransposedConvAlgorithm.h"

namespace tconv::codegen {

/// The blocking of one kernel on one target.
struct CpuTiling {
  int vectorWidth = 1;      ///< lanes of the accumulator type
  int vectorsPerTile = 1;   ///< register block along the innermost positions
  int channelsPerBlock = 1; ///< register block along output channels
  int blocksPerChunk = 1;   ///< channel blocks of one parallel task
  bool parallel = true;     ///< tasks on the thread pool (else one loop)
};

/// Picks the register blocking from the target's vector registers and the
/// shape (the channel block divides Cout/groups, so no block straddles a group).
CpuTiling chooseCpuTiling(const TransposedConvPipeline &pipeline,
                          const Halide::Target &target);

/// Schedules every Func of `pipeline` with `tiling`.
void applyCpuSchedule(TransposedConvPipeline &pipeline, const CpuTiling &tiling);

} // namespace tconv::codegen

#endif // TCONV_LIB_CODEGEN_CPUSCHEDULE_H
