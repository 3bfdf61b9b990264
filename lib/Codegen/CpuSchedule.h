//===- CpuSchedule.h - The CPU schedule of a transposed conv ----*- C++ -*-===//
//
// The schedule half of the code generator (the algorithm is
// ConvTransposeAlgorithm.h). Per tile of output positions and a block of
// output channels, each stride phase is a small GEMM over (input channel,
// tap): its accumulators, `channelsPerBlock` output channels times
// `vectorsPerTile` vectors of positions, stay in registers across the input
// channel loop, reading the zero-padded input with dense vector loads at
// static offsets and broadcasting one weight per channel. The phase sums of
// a tile have a constant extent (the last, partial tile is computed whole and
// stored guarded), so they stay in registers. The tiles run in parallel
// (kernels under 1 MFLOP: serially). With stride >= 8 the phases are one
// update with the phase as a variable, looped inside slices of input
// channels, so all of them reuse a slice of input and weights from L1
// (buildCpuPipeline builds the pipeline in that form). The two forms are the
// cpu-phase-gemm and cpu-phases-in-slices variants (CpuVariants.cpp); the
// rules that size the tiling by default are in CpuRules.h.
//
//===----------------------------------------------------------------------===//

#ifndef TCONV_LIB_CODEGEN_CPUSCHEDULE_H
#define TCONV_LIB_CODEGEN_CPUSCHEDULE_H

#include "ConvTransposeAlgorithm.h"

namespace tconv::codegen {

/// The blocking of one kernel on one target.
struct CpuTiling {
  int vectorWidth = 1;      ///< lanes of the accumulator type
  int vectorsPerTile = 1;   ///< register block along the innermost positions
  int channelsPerBlock = 1; ///< register block along output channels
  int blocksPerChunk = 1;   ///< channel blocks of one parallel task
  bool parallel = true;     ///< tasks on the thread pool (else one loop)
  /// The phases as a variable of one update (PipelineForm), looped over
  /// inside slices of `channelsPerSlice` input channels.
  bool phasesAsVariable = false;
  int channelsPerSlice = 0; ///< input channels per slice; 0: all
  /// The packed input as zeros plus a masked copy (PipelineForm::packByCopy).
  bool packByCopy = false;
};

/// Schedules every Func of `pipeline` with `tiling`; `pipeline` must be in
/// the form the tiling asks for (phasesAsVariable).
void applyCpuSchedule(ConvTransposePipeline &pipeline, const CpuTiling &tiling);

/// The pipeline of `spec` in the form `tiling` asks for, scheduled with it.
ConvTransposePipeline buildCpuPipeline(const ConvTransposeSpec &spec,
                                        const CpuTiling &tiling);

} // namespace tconv::codegen

#endif // TCONV_LIB_CODEGEN_CPUSCHEDULE_H
