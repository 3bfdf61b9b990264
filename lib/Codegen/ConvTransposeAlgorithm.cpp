//===- ConvTransposeAlgorithm.cpp - The op as Halide Funcs ----------------===//

#include "ConvTransposeAlgorithm.h"

#include "ElementwiseCodegen.h"

#include <cassert>
#include <string>

using namespace Halide;

namespace tconv::codegen {

Type halideType(ElementType type) {
  switch (type) {
  case ElementType::F16:
    return Float(16);
  case ElementType::BF16:
    return BFloat(16);
  case ElementType::F32:
    return Float(32);
  case ElementType::F64:
    return Float(64);
  }
  return Float(32);
}

Type accumulatorType(ElementType type) {
  return type == ElementType::F64 ? Float(64) : Float(32);
}

std::vector<Argument> ConvTransposePipeline::arguments() const {
  std::vector<Argument> args = {input, weight};
  if (bias)
    args.push_back(*bias);
  for (const ImageParam &extra : extraOperands)
    args.push_back(extra);
  return args;
}

namespace {

/// Spec index (outermost spatial first) of Halide spatial dimension j.
int64_t specDim(const ConvTransposeSpec &spec, int j) {
  return spec.spatialRank - 1 - j;
}

/// Output extent of Halide spatial dimension j, static or from the input's
/// extent at run time. transposedOutputLength owns the formula; it is affine
/// in the input length, so two evaluations give it as an Expr.
Expr outputExtent(const ConvTransposeSpec &spec, int j, Expr inputLength) {
  int64_t i = specDim(spec, j);
  auto length = [&](int64_t inputLen) {
    return transposedOutputLength(inputLen, spec.kernelSize[i], spec.stride[i],
                                  spec.dilation[i], spec.padding[i]);
  };
  if (!isDynamicSize(spec.inputSize[i]))
    return Expr(int32_t(length(spec.inputSize[i])));
  int64_t atOne = length(1), slope = length(2) - atOne;
  return Expr(int32_t(atOne)) + (inputLength - 1) * int32_t(slope);
}

/// Asserts min 0 and dense strides on every dimension of `buffer`, so a
/// mismatched halide_buffer_t is rejected and the schedule may rely on them.
void requireDenseFromZero(OutputImageParam buffer) {
  for (int d = 0; d < buffer.dimensions(); ++d) {
    buffer.dim(d).set_min(0);
    if (d > 0)
      buffer.dim(d).set_stride(buffer.dim(d - 1).stride() *
                               buffer.dim(d - 1).extent());
  }
}

void requireExtent(OutputImageParam buffer, int d, int64_t extent) {
  if (!isDynamicSize(extent))
    buffer.dim(d).set_extent(int32_t(extent));
}

/// A fused stage's value at `args` (x_j..., c, n): its program applied to
/// `data` and the stage's extra operands there.
Expr applyStage(const ConvTransposePipeline &p, const ElementwiseStage &stage,
                Expr data, const std::vector<Expr> &args) {
  const Expr channel = args[args.size() - 2];
  std::vector<Expr> programArgs = {std::move(data)};
  for (int index : stage.extraOperands) {
    const ImageParam &extra = p.extraOperands[index];
    programArgs.push_back(p.spec.extraOperands[index].shape ==
                                  ExtraOperandShape::PerChannel
                              ? extra(channel)
                              : extra(args));
  }
  return evaluateElementwise(stage.program, programArgs);
}

} // namespace

bool canTreatPhasesAsVariable(const ConvTransposeSpec &spec) {
  if (spec.spatialRank != 1 || spec.stride[0] < 2)
    return false;
  DimPhases dim = decomposeByStridePhase(spec.kernelSize[0], spec.stride[0],
                                         spec.dilation[0],
                                         spec.padding[0].padLo);
  for (const PhaseTaps &taps : dim.phases)
    if (taps.tapCount == 0 || taps.tapCount != dim.phases[0].tapCount)
      return false;
  return true;
}

bool canTreatPhasesAsLanes(const ConvTransposeSpec &spec) {
  return spec.spatialRank == 1 && spec.stride[0] >= 2 &&
         spec.dilation[0] == 1 && spec.kernelSize[0] % spec.stride[0] == 0;
}

bool canTreatTapsAsColumns(const ConvTransposeSpec &spec) {
  return spec.spatialRank == 1;
}

ConvTransposePipeline
buildConvTransposePipeline(const ConvTransposeSpec &spec,
                            PipelineForm form) {
  const int64_t inputChannelChunk = form.inputChannelChunk;
  const int rank = int(spec.spatialRank);
  const Type elemType = halideType(spec.elementType);
  const Type accType = accumulatorType(spec.elementType);
  const int32_t cinPerGroup = int32_t(spec.inChannels / spec.groups);
  const int32_t coutPerGroup = int32_t(spec.outChannels / spec.groups);

  ConvTransposePipeline p;
  p.spec = spec;
  p.input = ImageParam(elemType, rank + 2, "input");
  p.weight = ImageParam(elemType, rank + 2, "weight");
  if (spec.hasBias)
    p.bias = ImageParam(elemType, 1, "bias");
  for (size_t k = 0; k < spec.extraOperands.size(); ++k)
    p.extraOperands.push_back(ImageParam(
        elemType,
        spec.extraOperands[k].shape == ExtraOperandShape::PerChannel ? 1
                                                                    : rank + 2,
        "extra" + std::to_string(k)));
  p.paddedInput = Func("padded_input");
  p.phaseSums = Func("phase_sums");
  p.output = Func("output");
  p.channel = Var("co");
  p.batch = Var("n");
  p.chunk = Var("chunk");
  const bool chunked = inputChannelChunk > 0;
  assert(!chunked || cinPerGroup % inputChannelChunk == 0);
  assert(!form.phasesAsVariable ||
         (!chunked && canTreatPhasesAsVariable(spec)));
  assert(!form.phasesAsLanes ||
         (!chunked && !form.phasesAsVariable && canTreatPhasesAsLanes(spec)));
  assert(!form.tapsAsColumns || (!chunked && !form.phasesAsVariable &&
                                 !form.phasesAsLanes &&
                                 canTreatTapsAsColumns(spec)));
  p.phasesAsVariable = form.phasesAsVariable;
  p.phasesAsLanes = form.phasesAsLanes;
  p.tapsAsColumns = form.tapsAsColumns;

  for (int j = 0; j < rank; ++j) {
    int64_t i = specDim(spec, j);
    p.phases.push_back(decomposeByStridePhase(
        spec.kernelSize[i], spec.stride[i], spec.dilation[i],
        spec.padding[i].padLo));
    p.outputVars.push_back(Var("x" + std::to_string(j)));
    p.phaseVars.push_back(Var("q" + std::to_string(j)));
    p.phaseVars.push_back(Var("r" + std::to_string(j)));
  }
  p.outputVars.push_back(p.channel);
  p.outputVars.push_back(p.batch);
  const Var co = p.channel, n = p.batch;

  // Zero padding of the spatial dimensions only: channels and batch are never
  // read out of range.
  Region spatialBounds;
  std::vector<Expr> inputArgs;
  for (int j = 0; j < rank; ++j) {
    spatialBounds.push_back({0, p.input.dim(j).extent()});
    inputArgs.push_back(p.outputVars[j]);
  }
  spatialBounds.push_back({Expr(), Expr()});
  spatialBounds.push_back({Expr(), Expr()});
  inputArgs.push_back(co);
  inputArgs.push_back(n);
  // The prologue maps the input before the zeros are inserted, as the
  // frameworks pad the prologue's result.
  if (form.packByCopy) {
    // Zeros, then the input's own points copied over them (packedByCopy).
    p.paddedInput(inputArgs) = cast(accType, 0);
    p.packedPoints = RDom(0, 1, "packed_point");
    Expr inside = Internal::const_true();
    for (int j = 0; j < rank; ++j)
      inside = inside && p.outputVars[j] >= 0 &&
               p.outputVars[j] < p.input.dim(j).extent();
    p.packedPoints.where(likely(inside));
    // The predicate keeps the reads inside the input, which bounds
    // inference cannot see through: the promise tells it so, without the
    // clamp that would turn a vector's indices into a gather.
    std::vector<Expr> readArgs = inputArgs;
    for (int j = 0; j < rank; ++j) {
      Expr x = j == 0 ? inputArgs[j] + p.packedPoints.x : inputArgs[j];
      readArgs[j] = unsafe_promise_clamped(x, 0, p.input.dim(j).extent() - 1);
    }
    Expr value = p.input(readArgs);
    if (spec.prologue)
      value = applyStage(p, *spec.prologue, value, readArgs);
    p.paddedInput(inputArgs) = cast(accType, value);
  } else {
    Func zeroExtended;
    if (spec.prologue) {
      Func prologued("prologued_input");
      prologued(inputArgs) =
          applyStage(p, *spec.prologue, p.input(inputArgs), inputArgs);
      zeroExtended = BoundaryConditions::constant_exterior(
          prologued, cast(elemType, 0), spatialBounds);
    } else {
      zeroExtended = BoundaryConditions::constant_exterior(
          p.input, cast(elemType, 0), spatialBounds);
    }
    p.paddedInput(inputArgs) = cast(accType, zeroExtended(inputArgs));
  }

  // Pure definition: the bias (0 without one).
  std::vector<Expr> sumArgs(p.phaseVars.begin(), p.phaseVars.end());
  sumArgs.push_back(co);
  sumArgs.push_back(n);
  p.phaseSums(sumArgs) =
      p.bias ? cast(accType, (*p.bias)(co)) : cast(accType, 0);

  // One dense convolution per combination of phases (r_0, ..., r_{rank-1}).
  // Groups: output channel co reads input channels g*Cin/G + [0, Cin/G) of
  // its group g = co / (Cout/G) and weight column co - g*Cout/G; with one
  // group that is co and ci unchanged, spelled out so no division is emitted.
  const bool grouped = spec.groups > 1;
  Expr group = grouped ? co / coutPerGroup : Expr(0);
  Expr weightColumn = grouped ? co % coutPerGroup : Expr(co);
  std::vector<int64_t> phase(rank, 0);
  if (p.phasesAsVariable) {
    // sums(q, r, co, n) += in(q + offset(r) - u * offsetStep, ci, n) *
    //                      w(tap(r) + u * tapStep, co, ci), with offset(r)
    // and tap(r) muxed from the phases' constants: a schedule that unrolls r
    // folds them back to the constants of the per-phase updates below.
    const DimPhases &dim = p.phases[0];
    std::vector<Expr> offsets, taps;
    for (const PhaseTaps &t : dim.phases) {
      offsets.push_back(int32_t(t.firstOffset));
      taps.push_back(int32_t(t.firstTap));
    }
    Var q = p.phaseVars[0], r = p.phaseVars[1];
    RDom red({{0, int32_t(dim.phases[0].tapCount)}, {0, cinPerGroup}}, "red0");
    Expr inChannel = grouped ? group * cinPerGroup + red[1] : red[1];
    Expr product =
        p.paddedInput(q + mux(r, offsets) - red[0] * int32_t(dim.offsetStep),
                      inChannel, n) *
        cast(accType, p.weight(mux(r, taps) + red[0] * int32_t(dim.tapStep),
                               weightColumn, inChannel));
    p.phaseSums(q, r, co, n) += product;
    p.phaseReductions.push_back(red);
  }
  if (p.phasesAsLanes) {
    // full(q, r, co, n) += in(q - u, ci, n) * w(r + u * s, co, ci): every
    // tap k = r + u*s of input i = q - u lands on i*s + k = q*s + r.
    const int32_t s = int32_t(p.phases[0].stride);
    Var q = p.phaseVars[0], r = p.phaseVars[1];
    RDom red({{0, int32_t(spec.kernelSize[0] / s)}, {0, cinPerGroup}}, "red0");
    Expr inChannel = grouped ? group * cinPerGroup + red[1] : red[1];
    Expr product = p.paddedInput(q - red[0], inChannel, n) *
                   cast(accType, p.weight(r + red[0] * s, weightColumn,
                                          inChannel));
    p.phaseSums(q, r, co, n) += product;
    p.phaseReductions.push_back(red);
  }
  if (p.tapsAsColumns) {
    // columns(q, k, co, n) = sum_ci in(q, ci, n) * w(k, co, ci); phase r then
    // adds the columns of its taps, each from its input position.
    p.tapColumns = Func("tap_columns");
    Var q = p.phaseVars[0], k("k");
    p.columnReduction = RDom(0, cinPerGroup, "ci");
    Expr inChannel = grouped ? group * cinPerGroup + p.columnReduction.x
                             : p.columnReduction.x;
    p.tapColumns(q, k, co, n) = cast(accType, 0);
    p.tapColumns(q, k, co, n) +=
        p.paddedInput(q, inChannel, n) *
        cast(accType, p.weight(k, weightColumn, inChannel));
    const DimPhases &dim = p.phases[0];
    for (int64_t r = 0; r < dim.stride; ++r) {
      const PhaseTaps &taps = dim.phases[r];
      if (taps.tapCount == 0)
        continue;
      RDom u(0, int32_t(taps.tapCount), "taps" + std::to_string(r));
      p.phaseSums(q, int32_t(r), co, n) += p.tapColumns(
          q + int32_t(taps.firstOffset) - u * int32_t(dim.offsetStep),
          int32_t(taps.firstTap) + u * int32_t(dim.tapStep), co, n);
      p.phaseReductions.push_back(u);
    }
  }
  while (!p.phasesAsVariable && !p.phasesAsLanes && !p.tapsAsColumns) {
    bool hasTaps = true;
    Region reductionBounds;
    for (int j = 0; j < rank; ++j) {
      const PhaseTaps &taps = p.phases[j].phases[phase[j]];
      hasTaps &= taps.tapCount > 0;
      reductionBounds.push_back({0, int32_t(taps.tapCount)});
    }
    if (hasTaps) {
      reductionBounds.push_back(
          {0, chunked ? int32_t(inputChannelChunk) : cinPerGroup});
      RDom red(reductionBounds, "red" + std::to_string(p.phaseReductions.size()));
      Expr channelInGroup =
          chunked ? p.chunk * int32_t(inputChannelChunk) + red[rank] : red[rank];
      Expr inChannel =
          grouped ? group * cinPerGroup + channelInGroup : channelInGroup;
      std::vector<Expr> lhs, in, w;
      for (int j = 0; j < rank; ++j) {
        const DimPhases &dim = p.phases[j];
        const PhaseTaps &taps = dim.phases[phase[j]];
        Expr q = p.phaseVars[2 * j];
        lhs.push_back(q);
        lhs.push_back(int32_t(phase[j]));
        in.push_back(q + int32_t(taps.firstOffset) -
                     red[j] * int32_t(dim.offsetStep));
        w.push_back(int32_t(taps.firstTap) + red[j] * int32_t(dim.tapStep));
      }
      lhs.push_back(co);
      lhs.push_back(n);
      in.push_back(inChannel);
      in.push_back(n);
      w.push_back(weightColumn);
      w.push_back(inChannel);
      Expr product = p.paddedInput(in) * cast(accType, p.weight(w));
      if (!chunked) {
        p.phaseSums(lhs) += product;
        p.phaseReductions.push_back(red);
      } else {
        // partial(q_0, q_1, ..., co, n, chunk): this phase's taps times one
        // chunk of input channels; the phase sums add the chunks in order.
        std::vector<Var> partialVars;
        for (int j = 0; j < rank; ++j)
          partialVars.push_back(p.phaseVars[2 * j]);
        partialVars.insert(partialVars.end(), {co, n, p.chunk});
        Func partial("phase_partial" + std::to_string(p.phasePartials.size()));
        partial(partialVars) = cast(accType, 0);
        partial(partialVars) += product;
        RDom chunks(0, cinPerGroup / int32_t(inputChannelChunk),
                    "chunks" + std::to_string(p.phasePartials.size()));
        std::vector<Expr> partialArgs(partialVars.begin(), partialVars.end() - 1);
        partialArgs.push_back(chunks);
        p.phaseSums(lhs) += partial(partialArgs);
        p.phaseReductions.push_back(chunks);
        p.phasePartials.push_back(partial);
        p.partialReductions.push_back(red);
      }
    }
    // Next combination, dimension 0 fastest.
    int j = 0;
    while (j < rank && ++phase[j] == p.phases[j].stride)
      phase[j++] = 0;
    if (j == rank)
      break;
  }

  // Interleave the phases back: x_j = q_j * s_j + r_j (with the phases as
  // lanes, full position x_0 + padLo; / and % round down).
  std::vector<Expr> gatherArgs;
  for (int j = 0; j < rank; ++j) {
    Expr x = p.outputVars[j];
    if (p.phasesAsLanes)
      x += int32_t(spec.padding[specDim(spec, j)].padLo);
    int32_t s = int32_t(p.phases[j].stride);
    gatherArgs.push_back(x / s);
    gatherArgs.push_back(x % s);
  }
  gatherArgs.push_back(co);
  gatherArgs.push_back(n);
  std::vector<Expr> outputArgs(p.outputVars.begin(), p.outputVars.end());
  auto epilogue = [&](Expr value, const std::vector<Expr> &at) {
    return spec.epilogue ? applyStage(p, *spec.epilogue, value, at) : value;
  };
  p.output(p.outputVars) =
      epilogue(cast(elemType, p.phaseSums(gatherArgs)), outputArgs);

  // Trailing zeros are written after the bias, as hard zeros.
  for (int j = 0; j < rank; ++j) {
    int64_t zeros = spec.padding[specDim(spec, j)].trailingZeros;
    if (zeros == 0)
      continue;
    RDom tail(0, int32_t(zeros), "trailing" + std::to_string(j));
    std::vector<Expr> args(p.outputVars.begin(), p.outputVars.end());
    args[j] = p.output.output_buffer().dim(j).extent() - int32_t(zeros) + tail;
    p.output(args) = epilogue(cast(elemType, 0), args);
    p.trailingZeroDims.push_back(j);
  }

  // The ABI: dense buffers from 0, extents fixed by the spec where static, the
  // output's derived from the input's where not.
  requireDenseFromZero(p.input);
  requireDenseFromZero(p.weight);
  requireDenseFromZero(p.output.output_buffer());
  OutputImageParam out = p.output.output_buffer();
  for (int j = 0; j < rank; ++j) {
    int64_t i = specDim(spec, j);
    requireExtent(p.input, j, spec.inputSize[i]);
    requireExtent(p.weight, j, spec.kernelSize[i]);
    out.dim(j).set_extent(outputExtent(spec, j, p.input.dim(j).extent()));
  }
  requireExtent(p.input, rank, spec.inChannels);
  requireExtent(p.input, rank + 1, spec.batch);
  requireExtent(p.weight, rank, coutPerGroup);
  requireExtent(p.weight, rank + 1, spec.inChannels);
  requireExtent(out, rank, spec.outChannels);
  // A static batch is required of both buffers; a dynamic one is the input's.
  // (Deriving the output's from the input's even when static would report a
  // wrong input batch as an out-of-bounds output access.)
  if (isDynamicSize(spec.batch))
    out.dim(rank + 1).set_extent(p.input.dim(rank + 1).extent());
  else
    requireExtent(out, rank + 1, spec.batch);
  if (p.bias) {
    p.bias->dim(0).set_min(0);
    requireExtent(*p.bias, 0, spec.outChannels);
  }
  // A per-channel operand has the channels of its side; a full one the
  // extents of the input (prologue) or output (epilogue), dynamic ones too.
  for (size_t k = 0; k < p.extraOperands.size(); ++k) {
    ImageParam &extra = p.extraOperands[k];
    const ConvTransposeSpec::ExtraOperand &kind = spec.extraOperands[k];
    requireDenseFromZero(extra);
    if (kind.shape == ExtraOperandShape::PerChannel) {
      requireExtent(extra, 0,
                    kind.forPrologue ? spec.inChannels : spec.outChannels);
      continue;
    }
    for (int d = 0; d < rank + 2; ++d)
      extra.dim(d).set_extent(kind.forPrologue ? p.input.dim(d).extent()
                                               : out.dim(d).extent());
  }
  return p;
}

} // namespace tconv::codegen
