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

namespace tconv::codegen {

/// Rule 5: the phases as a variable, looped inside slices of input channels
/// (the cpu-phases-in-slices variant) where the stride is >= 8; rule 5b:
/// also where the weights are far beyond L2.
bool slicesPhasesByRule(const ShapeFacts &facts);

/// Rule 5: input channels per slice, a divisor of Cin/groups.
int channelsPerSliceByRule(const ShapeFacts &facts);

/// Accumulator registers of the micro-kernel (24 of 32, 12 of 16).
int accumulatorRegisters(const ShapeFacts &facts);

/// 1, 2, ..., accumulatorRegisters(facts): the sizes a register block's one
/// tunable dimension (vectors or positions) may take.
std::vector<int64_t> registerBlockSizes(const ShapeFacts &facts);

/// Cycles per FMA of a register block that issues `loads` loads and
/// broadcasts for `fmas` independent FMAs per reduction step, relative to one
/// FMA a cycle: load-bound when loads > fmas (as many loads as FMAs issue per
/// cycle), latency-bound below 10 accumulators (two FMA pipes of 4-cycle
/// latency need 8 in flight, the loads around them more). Zen 5 length
/// sweeps (2026-12-05, 1 thread): 4 x 2 tiles on 4-vector rows ran at
/// 0.70-0.75x 4 x 4 tiles, and 4 x 3 tiles on 2-vector rows at 0.66-0.70x
/// 4 x 2 ones; 10 orders both right (12 did not). The variants' cost models
/// (predictedCost) share it.
double microKernelCycles(double loads, double fmas);

/// The cost model of the variants that tile a row of positions (phase lanes,
/// tap GEMM, channel lanes): `row` positions computed in whole tiles of
/// `tile`, times microKernelCycles(loads, fmas), doubled when serial where
/// rule 4 would share the work; 1 for a dynamic row. A ranking for
/// KernelPlan, not a time.
double tiledRowCost(const ShapeFacts &facts, int64_t row, int64_t tile,
                    double loads, double fmas, bool parallel);

/// Rules 1 and 1b: output channels per register block.
int channelsPerBlockByRule(const ShapeFacts &facts, bool phasesInSlices);

/// Rule 3: vectors per tile, at most `maxVectors`.
int vectorsPerTileByRule(const ShapeFacts &facts, int maxVectors);

/// Rule 2: channel blocks per parallel task.
int blocksPerChunkByRule(const ShapeFacts &facts, const CpuTiling &tiling);

/// Rule 4: kernels under 1 MFLOP run serially on the calling thread.
bool runsSeriallyByRule(const ShapeFacts &facts);

/// All the rules together: the default tiling of `facts` in the form
/// `phasesInSlices` (rule 5 decides it for the default variant).
CpuTiling cpuTilingByRules(const ShapeFacts &facts, bool phasesInSlices);

/// The default tiling of `spec` on `target`: rule 5's form and its tiling.
CpuTiling chooseCpuTiling(const ConvTransposeSpec &spec,
                          const Halide::Target &target);

} // namespace tconv::codegen

#endif // TCONV_LIB_CODEGEN_CPURULES_H
