//===- GpuSchedule.cpp - The GPU schedule of a transposed conv ------------===//

#include "GpuSchedule.h"

#include "ScheduleSteps.h"
#include "ShapeFacts.h"

#include <algorithm>
#include <string>

using namespace Halide;

namespace tconv::codegen {

namespace {

int nextPowerOfTwo(int64_t n) {
  int p = 1;
  while (p < n)
    p *= 2;
  return p;
}

/// Largest tap count of any phase of dimension j.
int64_t maxTaps(const DimPhases &dim) {
  int64_t taps = 1;
  for (const PhaseTaps &phase : dim.phases)
    taps = std::max(taps, phase.tapCount);
  return taps;
}

/// Computes `f` (already placed with compute_at at block level) with all the
/// threads of the block: dimension `x` across thread x (neighbouring threads
/// load neighbouring elements when x is the innermost dimension: coalesced),
/// dimension `y` across thread y, and each thread loops over the rest.
/// (Guarded splits, not one fused index: a fused index's div/mod would make
/// bounds inference read the outer dimensions beyond their extent.)
void loadWithAllThreads(Func f, const Var &x, const Var &y, const GpuTiling &t,
                        const std::string &name, TailStrategy xTail) {
  Var xo(name + "_xo"), tx(name + "_tx"), yo(name + "_yo"), ty(name + "_ty");
  std::vector<VarOrRVar> order;
  f.split(x, xo, tx, t.threadsQ, xTail)
      .split(y, yo, ty, t.threadsC, TailStrategy::GuardWithIf);
  order.push_back(xo);
  order.push_back(yo);
  for (const Var &d : f.args())
    if (d.name() != x.name() && d.name() != y.name())
      order.push_back(d);
  order.push_back(tx);
  order.push_back(ty);
  f.reorder(order).gpu_threads(tx, ty);
}

} // namespace

GpuTiling chooseGpuTiling(const ConvTransposeSpec &spec, int sharedBytes) {
  const int rank = int(spec.spatialRank);
  // The phases of each Halide dimension j (spec dimension rank - 1 - j).
  std::vector<DimPhases> phases;
  for (int j = 0; j < rank; ++j) {
    int i = rank - 1 - j;
    phases.push_back(decomposeByStridePhase(spec.kernelSize[i], spec.stride[i],
                                            spec.dilation[i],
                                            spec.padding[i].padLo));
  }
  const int64_t coutPerGroup = spec.outChannels / spec.groups;
  const int64_t cinPerGroup = spec.inChannels / spec.groups;
  const int accBytes = accumulatorType(spec.elementType).bytes();
  const int elemBytes = halideType(spec.elementType).bytes();
  GpuTiling t;

  // Channels: up to 4 per thread, up to 4 threads; the tile divides
  // Cout/groups so a block reads the input channels of one group.
  t.regsC = largestDivisorAtMost(coutPerGroup, 4);
  t.threadsC = largestDivisorAtMost(coutPerGroup / t.regsC, 4);

  // Positions: all stride phases of a position go to one thread, so the
  // phase sums of a block are qTile * prod(s) * cTile accumulators; keep
  // them at about 256 positions x channels tile (16 KiB in f32).
  int64_t phaseCount = 1;
  for (int j = 0; j < rank; ++j)
    phaseCount *= phases[j].stride;
  t.regsQ = phaseCount >= 8 ? 1 : 2;
  int64_t maxQ = std::max<int64_t>(8, 256 / phaseCount);
  t.threadsQ = int(std::clamp<int64_t>(maxQ / t.regsQ, 8, 32));
  // Short static rows: no more threads than positions (at least a quarter
  // warp, so the loads stay coalesced).
  int64_t inner = spec.outputSize()[rank - 1];
  if (!isDynamicSize(inner)) {
    int64_t perPhase = (inner + phases[0].stride - 1) / phases[0].stride;
    t.threadsQ = std::max(8, std::min(t.threadsQ,
                                      nextPowerOfTwo((perPhase + t.regsQ - 1) /
                                                     t.regsQ)));
  }

  // Input channels per step: a divisor of Cin/groups, halved until the
  // block's shared memory (phase sums + input tile + weights of the phase
  // with the most taps) fits.
  int64_t inputTile = t.qTile() + (maxTaps(phases[0]) - 1) * phases[0].offsetStep;
  int64_t weightBox = (maxTaps(phases[0]) - 1) * phases[0].tapStep + 1;
  for (int j = 1; j < rank; ++j) {
    inputTile *= (maxTaps(phases[j]) - 1) * phases[j].offsetStep + 1;
    weightBox *= (maxTaps(phases[j]) - 1) * phases[j].tapStep + 1;
  }
  auto bytes = [&](int64_t chunk) {
    return int64_t(t.qTile()) * phaseCount * t.cTile() * accBytes +
           chunk * inputTile * accBytes + chunk * t.cTile() * weightBox * elemBytes;
  };
  int64_t limit = 16;
  t.ciChunk = largestDivisorAtMost(cinPerGroup, limit);
  while (t.ciChunk > 1 && bytes(t.ciChunk) > sharedBytes)
    t.ciChunk = largestDivisorAtMost(cinPerGroup, t.ciChunk - 1);
  return t;
}

void applyGpuSchedule(ConvTransposePipeline &p, const GpuTiling &t) {
  const int rank = int(p.spec.spatialRank);
  Func out = p.output;
  Func sums = p.phaseSums;
  const Var co = p.channel, n = p.batch;

  // --- Output: blocks and threads -----------------------------------------
  // Split every spatial dim by its stride, x_j = q_j * s_j + r_j (guarded, so
  // r_j stays aligned in the last iteration): r_j is then a constant in each
  // unrolled copy and phase_sums(x/s, x%s) folds to a plain read.
  auto [q, r] = splitOutputByStridePhase(p);
  Var qBlock("q_block"), qIn("q_in"), qThread("q_thread"), qReg("q_reg");
  Var cBlock("c_block"), cIn("c_in"), cThread("c_thread"), cReg("c_reg");
  out.split(q[0], qBlock, qIn, t.qTile(), TailStrategy::GuardWithIf)
      .split(qIn, qThread, qReg, t.regsQ)
      .split(co, cBlock, cIn, t.cTile())
      .split(cIn, cThread, cReg, t.regsC);
  std::vector<VarOrRVar> order = {qReg};
  for (int j = 0; j < rank; ++j)
    order.push_back(r[j]);
  order.insert(order.end(), {cReg, qThread, cThread, qBlock, cBlock});
  for (int j = 1; j < rank; ++j)
    order.push_back(q[j]);
  order.push_back(n);
  out.reorder(order);
  // Outer spatial rows and the batch: the third block dimension.
  Var rows = n;
  for (int j = rank - 1; j >= 1; --j) {
    Var fused("rows" + std::to_string(j));
    out.fuse(q[j], rows, fused);
    rows = fused;
  }
  out.unroll(qReg).unroll(cReg);
  for (int j = 0; j < rank; ++j)
    out.unroll(r[j]);
  out.gpu_threads(qThread, cThread).gpu_blocks(qBlock, cBlock, rows);

  // Trailing zeros (MindSpore 2-D): one more kernel per dimension with
  // zeros, one thread per element of the other dimensions.
  for (size_t k = 0; k < p.trailingZeroDims.size(); ++k) {
    Stage zeros = out.update(int(k));
    std::vector<Var> pure;
    for (int d = 0; d < rank + 2; ++d)
      if (d != p.trailingZeroDims[k])
        pure.push_back(p.outputVars[d]);
    Var flat("zero_flat" + std::to_string(k));
    Var zb("zero_block" + std::to_string(k)), zt("zero_thread" + std::to_string(k));
    Var fused = pure[0];
    for (size_t d = 1; d < pure.size(); ++d) {
      Var next("zero_f" + std::to_string(k) + "_" + std::to_string(d));
      zeros.fuse(fused, pure[d], next);
      fused = next;
    }
    zeros.split(fused, zb, zt, 64, TailStrategy::GuardWithIf)
        .gpu_blocks(zb)
        .gpu_threads(zt);
  }

  // --- Phase sums of the block: shared memory ------------------------------
  // The block's tile: qTile x prod(s_j) x cTile accumulators (fewer in a
  // last q tile).
  Var sq = p.phaseVars[0];
  sums.compute_at(out, qBlock);

  // The bias, written by each thread into its own slots.
  Var sqThread("sq_thread"), sqReg("sq_reg"), scThread("sc_thread"), scReg("sc_reg");
  {
    std::vector<VarOrRVar> initOrder = {sqReg};
    for (int j = 0; j < rank; ++j)
      initOrder.push_back(p.phaseVars[2 * j + 1]);
    initOrder.push_back(scReg);
    for (int j = 1; j < rank; ++j)
      initOrder.push_back(p.phaseVars[2 * j]);
    initOrder.insert(initOrder.end(), {n, sqThread, scThread});
    sums.split(sq, sqThread, sqReg, t.regsQ, TailStrategy::RoundUp)
        .split(co, scThread, scReg, t.regsC)
        .reorder(initOrder)
        .unroll(sqReg)
        .unroll(scReg)
        .gpu_threads(sqThread, scThread);
    for (int j = 0; j < rank; ++j)
      sums.unroll(p.phaseVars[2 * j + 1]);
  }

  // --- One reduction per stride phase --------------------------------------
  for (size_t k = 0; k < p.phaseReductions.size(); ++k) {
    const RVar chunks = p.phaseReductions[k][0];
    const RDom &red = p.partialReductions[k];
    Func partial = p.phasePartials[k];
    const std::string id = std::to_string(k);

    // The phase sums add one chunk's partial sums at a time; each thread
    // adds its own register block.
    Var aqThread("aq_thread" + id), aqReg("aq_reg" + id);
    Var acThread("ac_thread" + id), acReg("ac_reg" + id);
    // The outer rows (one per block) outside the threads, so a thread's
    // partial sums cover exactly one row; RoundUp: the phase sums of a last
    // q tile are computed (not stored) up to a whole register block.
    std::vector<VarOrRVar> accOrder = {aqReg, acReg, aqThread, acThread};
    for (int j = 1; j < rank; ++j)
      accOrder.push_back(p.phaseVars[2 * j]);
    accOrder.insert(accOrder.end(), {n, chunks});
    sums.update(int(k))
        .split(sq, aqThread, aqReg, t.regsQ, TailStrategy::RoundUp)
        .split(co, acThread, acReg, t.regsC)
        .reorder(accOrder)
        .unroll(aqReg)
        .unroll(acReg)
        .gpu_threads(aqThread, acThread);

    // One chunk's partial sums of one thread: registers (constant indices
    // once the register block and the taps are unrolled).
    partial.compute_at(sums, aqThread)
        .store_in(MemoryType::Register)
        .unroll(sq)
        .unroll(co);
    std::vector<VarOrRVar> partialOrder = {sq, co};
    for (int j = 0; j <= rank; ++j)
      partialOrder.push_back(red[j]);
    Stage update = partial.update();
    update.reorder(partialOrder).unroll(sq).unroll(co);
    for (int j = 0; j < rank; ++j)
      update.unroll(red[j]);

    // The chunk's input tile and the phase's weights, staged in shared
    // memory by all threads of the block before the registers read them.
    LoopLevel perChunk(sums, chunks);
    Func inputTile = p.paddedInput.in(partial);
    inputTile.compute_at(perChunk);
    // RoundUp: the zero-extended input is defined everywhere.
    loadWithAllThreads(inputTile, p.outputVars[0], co, t, "in" + id,
                       TailStrategy::RoundUp);
    Func weightTile = p.weight.in(partial);
    weightTile.compute_at(perChunk);
    std::vector<Var> w = weightTile.args(); // taps..., column, input channel
    loadWithAllThreads(weightTile, w[rank], w[rank + 1], t, "w" + id,
                       TailStrategy::GuardWithIf);
  }
}

Target gpuTargetFor(const ConvTransposeSpec &spec, const Target &target) {
  // cl_doubles / cl_half make Halide write the extension pragmas and the
  // half helpers into every kernel's source, which then fails to build on a
  // device without the extension even when the kernel uses no double/half.
  Target t = target;
  if (spec.elementType != ElementType::F64)
    t = t.without_feature(Target::CLDoubles);
  if (spec.elementType != ElementType::F16)
    t = t.without_feature(Target::CLHalf);
  return t;
}

ConvTransposePipeline buildGpuPipeline(const ConvTransposeSpec &spec,
                                        const GpuTiling &tiling) {
  ConvTransposePipeline pipeline =
      buildConvTransposePipeline(spec, {tiling.ciChunk});
  applyGpuSchedule(pipeline, tiling);
  return pipeline;
}

} // namespace tconv::codegen

namespace tconv::codegen {

Status checkGpuSupport(const ConvTransposeSpec &spec, const Target &target) {
  if (!target.has_feature(Target::OpenCL) && !target.has_feature(Target::CUDA))
    return Status::error(
        "the GPU API of target '" + target.to_string() +
        "' is not supported: tconv schedules for OpenCL and CUDA only");
  // A fused f64 erf is the C library's erf (ElementwiseCodegen.cpp): CUDA's
  // PTX would reference an undefined function, and OpenCL's own erf for
  // double is far less accurate than libm on PoCL (5e-9 off).
  for (const std::optional<ElementwiseStage> *stage :
       {&spec.prologue, &spec.epilogue})
    if (*stage)
      for (const ScalarInstruction &inst : (*stage)->program.instructions)
        if (inst.opcode == ScalarOpcode::Erf && inst.type == ScalarType::F64)
          return Status::error(
              "math.erf in f64 in a fused stage is not supported on GPU "
              "targets (it is the C library's erf); compute it in f32 "
              "(arith.truncf/extf around it) or compile for the CPU");
  if (spec.elementType == ElementType::BF16 &&
      target.has_feature(Target::CUDA))
    return Status::error(
        "element type bf16 is not supported by Halide 14 on CUDA targets "
        "(LLVM 14's NVPTX backend aborts on its bfloat16 conversions); "
        "compile bf16 for the CPU");
  if (target.has_feature(Target::OpenCL)) {
    // Halide writes OpenCL C with `double` / `half` only when the target
    // declares the device extension; whether the device really has it is
    // known at run time only (the program build fails, the kernel returns an
    // error naming the extension).
    if (spec.elementType == ElementType::F64 &&
        !target.has_feature(Target::CLDoubles))
      return Status::error("element type f64 is not supported by Halide on an "
                           "OpenCL target without the 'cl_doubles' feature "
                           "(add -cl_doubles; the device needs cl_khr_fp64)");
    if (spec.elementType == ElementType::BF16)
      return Status::error(
          "element type bf16 is not supported by Halide 14 on OpenCL "
          "targets (its OpenCL C backend has no bfloat16; it would "
          "write 'half'); compile bf16 for the CPU");
    if (spec.elementType == ElementType::F16 &&
        !target.has_feature(Target::CLHalf))
      return Status::error("element type f16 is not supported by Halide on an "
                           "OpenCL target without the 'cl_half' feature (add "
                           "-cl_half; the device needs cl_khr_fp16)");
    return Status::success();
  }
  // CUDA: f16 and f64 load, convert and store on every capability.
  return Status::success();
}

std::string deviceCodeOf(const Module &module) {
  for (const Buffer<void> &buffer : module.buffers()) {
    const std::string &name = buffer.name();
    static const std::string suffix = "_gpu_source_kernels";
    if (name.size() < suffix.size() ||
        name.compare(name.size() - suffix.size(), suffix.size(), suffix) != 0)
      continue;
    std::string text(reinterpret_cast<const char *>(buffer.data()),
                     buffer.size_in_bytes());
    while (!text.empty() && text.back() == '\0')
      text.pop_back();
    return text;
  }
  return "";
}

std::string deviceCodeExtension(const Target &target) {
  return target.has_feature(Target::CUDA) ? ".ptx" : ".cl";
}

std::string gpuHeaderNote(const Target &target) {
  const bool cuda = target.has_feature(Target::CUDA);
  const std::string api = cuda ? "CUDA" : "OpenCL";
  return "/* tconv GPU kernel (" + api + "; docs/gpu.md).\n"
         " * Buffers may live on the host, on the device, or both (the\n"
         " * halide_buffer_t host and device fields, host_dirty/device_dirty "
         "flags):\n"
         " *  - input, weight, bias: copied to the device by the kernel when "
         "their host\n"
         " *    copy is marked newer: set host_dirty (buf->set_host_dirty(), or "
         "flags |=\n"
         " *    halide_buffer_flag_host_dirty) after writing host data. A "
         "device allocation\n"
         " *    that is not host_dirty is used as it is.\n"
         " *  - output: written on the device; on return device_dirty is set "
         "and the host\n"
         " *    data is stale. Copy it back with halide_copy_to_host(NULL, "
         "output), or\n"
         " *    read it through the " + api + " API (the buffer's device "
         "field).\n"
         " *  - device memory stays allocated: halide_device_free(NULL, buf) "
         "before the\n"
         " *    host data goes away.\n"
         " * A device failure (no platform or device, a failed program build, "
         "out of\n"
         " * device memory) calls halide_error and returns non-zero.\n"
         " */\n";
}

} // namespace tconv::codegen
