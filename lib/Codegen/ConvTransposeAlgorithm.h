//===- ConvTransposeAlgorithm.h - The op as Halide Funcs --------*- C++ -*-===//
//
// The algorithm half of the code generator (the schedule is CpuSchedule.h):
// the canonical transposed convolution as a gather, decomposed by stride phase
// (StridePhases.h). Halide dimension 0 is the innermost (last) spatial
// dimension; `j` below always counts Halide spatial dimensions.
//
//===----------------------------------------------------------------------===//

#ifndef TCONV_LIB_CODEGEN_CONVTRANSPOSEALGORITHM_H
#define TCONV_LIB_CODEGEN_CONVTRANSPOSEALGORITHM_H

#include "StridePhases.h"
#include "tconv/Codegen/ConvTransposeSpec.h"

#include "Halide.h"

#include <optional>
#include <vector>

namespace tconv::codegen {

/// Halide's element type for `type`.
Halide::Type halideType(ElementType type);

/// The type products are summed in: f32 for f16/bf16/f32, f64 for f64.
Halide::Type accumulatorType(ElementType type);

/// The Funcs of one kernel, plus what the schedule needs to know about them.
struct ConvTransposePipeline {
  ConvTransposeSpec spec;
  std::vector<DimPhases> phases; ///< per Halide spatial dimension j

  /// The kernel's parameters, in ABI order, with the spec's shape asserted on
  /// them (min 0, dense, static extents; the output's extents too).
  Halide::ImageParam input, weight;
  std::optional<Halide::ImageParam> bias;
  /// The fused stages' extra operands (spec.extraOperands, in ABI order):
  /// per channel (C) or of the input's / output's full shape, dims like
  /// theirs.
  std::vector<Halide::ImageParam> extraOperands;

  /// input (through the prologue, if any), cast to the accumulator type and
  /// zero outside its spatial extent, so the phase convolutions read it
  /// without bounds tests. Dims: (x_j..., ci, n).
  Halide::Func paddedInput;
  /// paddedInput is zeros (pure definition) plus one update that copies the
  /// input (through the prologue) over a one-point reduction domain whose
  /// predicate keeps the input's own points. A vector of the copy that
  /// straddles a row's start or end then stores and loads under a mask,
  /// where the one-definition select would load its lanes one by one from
  /// clamped indices (with a dynamic length Halide cannot tell which lanes
  /// are inside). Schedules vectorize the update too.
  bool packedByCopy() const { return packedPoints.defined(); }
  Halide::RDom packedPoints; ///< the update's one-point domain, if packed so

  /// bias + full transposed output in phase-major form: dims (q_0, r_0, q_1,
  /// r_1, ..., co, n) hold output position m_j = q_j * s_j + r_j. Pure
  /// definition: the bias; one update per combination of phases that receive
  /// taps, in `phaseReductions` order (a phase with no taps keeps the bias).
  Halide::Func phaseSums;
  std::vector<Halide::Var> phaseVars; ///< q_0, r_0, q_1, r_1, ...
  std::vector<Halide::RDom> phaseReductions; ///< per update: (u_0.., ci)
  /// The phases as a variable (PipelineForm::phasesAsVariable): phaseSums has
  /// a single update, over (u_0, ci), in which r_0 is a pure variable that
  /// selects each phase's taps and offsets, so a schedule can loop over the
  /// phases inside a block of input channels.
  bool phasesAsVariable = false;
  /// The phases as lanes (PipelineForm::phasesAsLanes): phaseSums holds the
  /// full (uncropped) output, position q_0 * s + r_0 being output position
  /// q_0 * s + r_0 - padLo, and has one update over (u_0, ci) in which full
  /// position q*s + r reads input q - u and tap r + u*s: consecutive phases
  /// read consecutive weights and one input position, so a schedule can
  /// vectorize r_0 with no index arithmetic in the reduction.
  bool phasesAsLanes = false;
  /// The taps as GEMM columns (PipelineForm::tapsAsColumns): tapColumns(q,
  /// k, co, n) = sum over ci of input(q, ci, n) * w(k, co, ci), one update
  /// over `columnReduction` (ci); each phase update of phaseSums then sums
  /// its taps' columns, tapColumns(q + offset - u*offsetStep, tap +
  /// u*tapStep), over phaseReductions[k] = (u_0). A GEMM of (positions x
  /// input channels) by (input channels x taps and output channels), then an
  /// overlap-add: the form for few output channels, where blocking output
  /// channels leaves no register reuse.
  bool tapsAsColumns = false;
  Halide::Func tapColumns;
  Halide::RDom columnReduction;

  /// Only with an input channel chunk (the GPU schedule): each phase update
  /// adds, over its RDom (chunk), the partial sums of one chunk of input
  /// channels, phasePartials[k](q_0, q_1, ..., co, n, chunk), whose update
  /// reduces over partialReductions[k] = (u_0.., ci within the chunk).
  std::vector<Halide::Func> phasePartials;
  std::vector<Halide::RDom> partialReductions;
  Halide::Var chunk;

  /// The result: phaseSums interleaved back to (x_j..., co, n), cast to the
  /// element type, then one update per dimension with trailing zeros; the
  /// epilogue, if any, maps both.
  Halide::Func output;
  std::vector<Halide::Var> outputVars; ///< x_0, ..., x_{rank-1}, co, n
  std::vector<int> trailingZeroDims;   ///< per output update, its dimension j
  Halide::Var channel, batch;          ///< co and n of both Funcs

  /// input, weight, [bias], extra operands: the kernel's arguments before
  /// the output.
  std::vector<Halide::Argument> arguments() const;
};

/// How buildConvTransposePipeline lays out the phase convolutions.
struct PipelineForm {
  /// > 0 (a divisor of Cin/groups): each phase's reduction over input
  /// channels is split into chunks with their own Funcs (phasePartials), the
  /// same sum in the same order per chunk, so a schedule can keep a chunk's
  /// partial sums in registers (the GPU schedule).
  int64_t inputChannelChunk = 0;
  /// One update with the phase r_0 as a pure variable instead of one update
  /// per phase; only where canTreatPhasesAsVariable(spec).
  bool phasesAsVariable = false;
  /// One update with the phase r_0 as an arithmetic variable (see
  /// ConvTransposePipeline::phasesAsLanes); only where
  /// canTreatPhasesAsLanes(spec).
  bool phasesAsLanes = false;
  /// The taps as GEMM columns (ConvTransposePipeline::tapsAsColumns); only
  /// where canTreatTapsAsColumns(spec).
  bool tapsAsColumns = false;
  /// paddedInput as zeros plus an update that copies the input's own points
  /// (ConvTransposePipeline::packedByCopy()); for the CPU schedules, which
  /// compute it per tile (computePaddedInputPerTile).
  bool packByCopy = false;
};

/// Whether every phase of `spec` has the same number of taps, so one
/// reduction domain serves them all: 1-D, stride > 1 (K = 2s, as in the
/// HiFi-GAN and MelGAN upsampling layers, qualifies; K = 5, s = 3 does not).
bool canTreatPhasesAsVariable(const ConvTransposeSpec &spec);

/// Whether the phases of `spec` can be lanes of one update: 1-D, dilation 1
/// and K a multiple of s > 1, so full output position q*s + r reads taps
/// r + u*s at input q - u, u in [0, K/s).
bool canTreatPhasesAsLanes(const ConvTransposeSpec &spec);

/// Whether the taps of `spec` can be GEMM columns: 1-D (any stride,
/// dilation and padding).
bool canTreatTapsAsColumns(const ConvTransposeSpec &spec);

/// Builds the Funcs for `spec`, unscheduled, in `form`. The spec must have
/// passed checkSupported.
ConvTransposePipeline buildConvTransposePipeline(const ConvTransposeSpec &spec,
                                                   PipelineForm form = {});

} // namespace tconv::codegen

#endif // TCONV_LIB_CODEGEN_CONVTRANSPOSEALGORITHM_H
