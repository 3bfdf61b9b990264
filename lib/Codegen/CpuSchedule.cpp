//===- CpuSchedule.cpp - The CPU schedule of a transposed conv ------------===//

#include "CpuSchedule.h"

#include <algorithm>
#include <string>

using namespace Halide;

namespace tconv::codegen {

/// The largest divisor of `n` not above `limit` (blocks never straddle a
/// group or leave a partial block).
static int largestDivisorAtMost(int64_t n, int64_t limit) {
  for (int64_t d = std::max<int64_t>(1, limit); d > 1; --d)
    if (n % d == 0)
      return int(d);
  return 1;
}

/// a * b for positive counts, capped at `cap` (a product of large extents
/// saturates instead of overflowing; the rules only ask "at least cap?").
static int64_t cappedProduct(int64_t a, int64_t b, int64_t cap) {
  return a >= cap || b >= cap ? cap : std::min(cap, a * b);
}

CpuTiling chooseCpuTiling(const TransposedConvSpec &spec,
                          const Target &target) {
  // Every rule that shapes the CPU schedule lives here, each with the
  // measurement behind it: on AMD Zen 5 (full-width AVX-512) unless a rule
  // says Zen 4 (AVX-512 in two 256-bit halves, 2026-12-04), 1 thread unless
  // it says otherwise (docs/performance.md, "The CPU schedule and the rules
  // behind it").
  CpuTiling tiling;
  tiling.vectorWidth =
      target.natural_vector_size(accumulatorType(spec.elementType));

  // Halide dimension 0, the phases the tile splits, is the last spec dim;
  // `vectors` counts one phase's positions in vectors (unknown when dynamic).
  const int64_t stride = spec.stride[spec.spatialRank - 1];
  const int64_t innerLength = spec.outputSize()[spec.spatialRank - 1];
  int64_t vectors = kDynamicSize;
  if (!isDynamicSize(innerLength)) {
    int64_t perPhase = (innerLength + stride - 1) / stride;
    vectors = (perPhase + tiling.vectorWidth - 1) / tiling.vectorWidth;
  }
  const int64_t cinPerGroup = spec.inChannels / spec.groups;
  const int64_t coutPerGroup = spec.outChannels / spec.groups;

  // Rule 5 (decided first: rule 1b depends on it), the phases inside slices of
  // input channels. Each phase of the per-phase form walks every input channel
  // of the tile, so with stride 8 (K = 16) the input tile and the block's
  // weight lines are streamed from L2 eight times per block: hifigan_up1's tile
  // is 512 x 66 floats (132 KiB), its weights 128 KiB per block, and their
  // lines per FMA were about 18 bytes a cycle. With the phase as a variable
  // (canTreatPhasesAsVariable) the block loops over the phases inside slices of
  // 16 input channels, whose input rows (4 KiB) stay in L1 for all eight phases
  // and whose weight lines (4 KiB, but 16 KiB apart, so they share a few L1
  // sets) at least stay close; the accumulators of a phase go to the stack
  // between slices (16 stores and loads per 512 FMAs). Zen 4, 1 thread,
  // interleaved A/B against the per-phase form, two runs: hifigan_up1 +12..17%,
  // melgan_up1 +5..6%, hifigan_up2 +0..2%; slices of 8 (whose weight lines fit
  // the 8 ways of their sets) were within 1% of 16, slices of 32 gained only
  // +7..8% on hifigan_up1.
  // Not below stride 8: hifigan_up3/up4/batch16 (stride 2) -1..-6% and
  // grouped (stride 4) -3..-8% with slices of 16 or 32; two or four phases
  // re-read little. (Packing the block's weights contiguously, to avoid the
  // 16 KiB stride that maps hifigan_up1's weight rows to the same L1 sets,
  // was 6-55% slower on every shape.)
  constexpr int kChannelsPerSlice = 16;
  tiling.phasesAsVariable = canTreatPhasesAsVariable(spec) && stride >= 8 &&
                            cinPerGroup > kChannelsPerSlice;
  if (tiling.phasesAsVariable)
    tiling.channelsPerSlice =
        largestDivisorAtMost(cinPerGroup, kChannelsPerSlice);

  // Rule 1, register block. The micro-kernel of one phase keeps
  // channelsPerBlock x vectorsPerTile accumulators in registers across the
  // whole (input channel, tap) reduction, loads vectorsPerTile input vectors
  // per tap and broadcasts one weight per channel. AVX-512 and AArch64 have 32
  // vector registers, AVX2/SSE and 32-bit ARM 16: the accumulators get 24
  // (12), the rest hold the weight broadcasts and input vectors. 4 channels x
  // 6 vectors beat 8 x 3 and 2 x 12 on hifigan_up3/batch16 (8 x 3: -3..-10%,
  // 2 x 12: about -50%, twice the input loads per FMA), and 4 x 7 (28
  // accumulators) spills: hifigan_up1 118 -> 62 GFLOP/s.
  bool has32Registers = target.has_feature(Target::AVX512) ||
                        (target.arch == Target::ARM && target.bits == 64);
  int accumulators = has32Registers ? 24 : 12;
  int maxChannels = has32Registers ? 6 : 4;
  // The channel block divides Cout/groups, so no block straddles a group.
  tiling.channelsPerBlock = largestDivisorAtMost(coutPerGroup, maxChannels);
  // Rule 1b: with the phases in slices (rule 5), a phase row that needs two
  // tiles at 4 channels but fits one at 2 gets 2 channels (x up to 12
  // vectors). hifigan_up1 (7 vectors per phase): 2 x 7 computes 7 vectors
  // where 4 x 4 computes 8; +11..14% (Zen 4, 1 thread, interleaved A/B, two
  // runs). At equal positions 2 channels were slower (hifigan_up2, 50
  // vectors, 2 x 10 against 4 x 5: -5%; melgan_up1, 2 x 7 for 14 vectors
  // against 4 x 5 for 15: -10%), so only the single-tile case.
  if (tiling.phasesAsVariable && !isDynamicSize(vectors) &&
      coutPerGroup % 2 == 0 &&
      vectors > accumulators / tiling.channelsPerBlock &&
      vectors <= accumulators / 2)
    tiling.channelsPerBlock = 2;
  int maxVectors = std::max(1, accumulators / tiling.channelsPerBlock);

  // Rule 3, tile length. With a static length, the vectors per tile that
  // compute the fewest positions past the end of the phase (the last tile is
  // computed whole: applyCpuSchedule fixes the phase sums' extent to the
  // tile), from the full register block down to two thirds of it, larger on
  // a tie. The smaller blocks are about as fast per FMA (hifigan_up3: 400
  // vectors per phase, 4 x 4, 4 x 5 and 4 x 6 all within 1%), so the
  // positions saved are time saved. Zen 4, 1 thread, interleaved A/B against
  // the previous rule (the fewest tiles of at most 6 vectors, spread evenly):
  // grouped 32 vectors per phase, 36 -> 32 computed, +22%; dilated 128, 132
  // -> 128, +7%; hifigan_up2 50, 54 -> 50, +4%; batch16 65, 66 -> 65, +3%;
  // the others unchanged or within 2.5% noise. Below two thirds the loads
  // per FMA grow (4 x 3: 7 loads for 12 FMAs against 10 for 24).
  // (hifigan_up1 has 100 positions per phase, 7 vectors: with 4 channels 2
  // tiles of 4, 128 computed, since 4 x 7 needs 28 accumulators; rule 1b
  // gives it 2 channels x 7.) A dynamic length gets the full block.
  if (isDynamicSize(vectors))
    vectors = maxVectors;
  tiling.vectorsPerTile = int(std::min<int64_t>(vectors, maxVectors));
  if (vectors > maxVectors) {
    int64_t fewestComputed = vectors + maxVectors;
    for (int v = maxVectors; 3 * v >= 2 * maxVectors; --v) {
      int64_t computed = (vectors + v - 1) / v * v;
      if (computed < fewestComputed) {
        fewestComputed = computed;
        tiling.vectorsPerTile = v;
      }
    }
  }
  int64_t tiles = (vectors + tiling.vectorsPerTile - 1) / tiling.vectorsPerTile;

  // Rule 2 (needs rule 3's tile count), parallel task = one tile of
  // positions x a chunk of output channels: all of them, else 64 (16 blocks
  // of 4), whichever first still leaves at least 8 tasks, else 32. Each task
  // packs the padded input tile (all the input channels its chunk reads) for
  // itself, so larger chunks pack it less often. 64 against 32 (Zen 5, 1
  // thread, tconv-bench, three alternating quiet runs of each, medians):
  // tconv time dilated -8%, batch16 -5%, hifigan_up3 -3%, grouped -2%, the
  // others within run-to-run noise. There 128 channels or all of them were
  // no better than 64; on Zen 4 (2026-12-04, interleaved A/B) all of them
  // gained 1.5-3% over 64 on dilated and batch16 at 1 and 2 threads (the
  // pack, where the input comes from memory, was 6% of dilated's samples)
  // and were neutral elsewhere. Blocking the input channels by 32 or 64
  // inside the chunk (the chunk's phase sums in memory, every block reusing
  // an L1-sized slice of the input tile) was 4-13% slower (Zen 5). The floor
  // of 8 tasks keeps both threads busy at N = 1 (hifigan_up1: 1 tile x 8
  // chunks of 32); seed_ex1/2 (one tile) run serially anyway (rule 4), in
  // one chunk. Below 32 channels only when even 32 leaves fewer than 8
  // tasks (16, then 8: a short input with few output channels, where 32 left
  // one core idle). With a dynamic batch or length the count is unknown and
  // the chunk stays 32. Tasks per chunk: tiles x the phase positions q_j of
  // the other spatial dims (parallel too) x batch. Only "at least 8"
  // matters: the count saturates at kEnoughTasks, so the product of large
  // extents cannot overflow.
  constexpr int64_t kEnoughTasks = 1 << 20;
  int64_t tasks = isDynamicSize(innerLength) ? kDynamicSize : tiles;
  for (int64_t j = 0; j + 1 < spec.spatialRank && !isDynamicSize(tasks); ++j) {
    int64_t extent = spec.outputSize()[j], s = spec.stride[j];
    tasks = isDynamicSize(extent)
                ? kDynamicSize
                : cappedProduct(tasks, (extent + s - 1) / s, kEnoughTasks);
  }
  if (isDynamicSize(spec.batch))
    tasks = kDynamicSize;
  else if (!isDynamicSize(tasks))
    tasks = cappedProduct(tasks, spec.batch, kEnoughTasks);
  const int64_t blocks = spec.outChannels / tiling.channelsPerBlock;
  auto blocksOf = [&](int channels) {
    return largestDivisorAtMost(blocks, channels / tiling.channelsPerBlock);
  };
  tiling.blocksPerChunk = blocksOf(32);
  if (!isDynamicSize(tasks))
    for (int64_t channels : {spec.outChannels, int64_t(64), int64_t(32),
                             int64_t(16), int64_t(8)}) {
      tiling.blocksPerChunk = blocksOf(int(channels));
      if (tasks * (blocks / tiling.blocksPerChunk) >= 8)
        break;
    }
  // Rule 4, serial tiny kernels. Below 1 MFLOP (about 10 us of arithmetic
  // at one core's peak) the tasks run in one loop on the calling thread:
  // waking a second worker costs about as much as the whole call. Zen 4,
  // interleaved A/B, parallel -> serial: seed_ex1 (0.077 MFLOP) +4..9% at 1
  // thread, +36% at 2; seed_ex2 (0.096 MFLOP) +1..14% and +8..11%. Unknown
  // sizes (dynamic batch or length) stay parallel.
  // The count saturates at the threshold, and a dynamic size is never
  // multiplied in.
  constexpr int64_t kSerialFlops = 1 << 20;
  auto times = [](int64_t count, int64_t factor) {
    return cappedProduct(count, factor, kSerialFlops);
  };
  bool known = !isDynamicSize(spec.batch);
  int64_t flops = times(times(2, spec.inChannels), coutPerGroup);
  if (known)
    flops = times(flops, spec.batch);
  for (int64_t j = 0; j < spec.spatialRank && known; ++j) {
    known = !isDynamicSize(spec.inputSize[j]);
    if (known)
      flops = times(times(flops, spec.inputSize[j]), spec.kernelSize[j]);
  }
  tiling.parallel = !known || flops >= kSerialFlops;
  // Serial, every task packs its input tile for nothing: one chunk.
  if (!tiling.parallel)
    tiling.blocksPerChunk = int(blocks);

  return tiling;
}

TransposedConvPipeline buildCpuPipeline(const TransposedConvSpec &spec,
                                        const Target &target) {
  CpuTiling tiling = chooseCpuTiling(spec, target);
  TransposedConvPipeline pipeline =
      buildTransposedConvPipeline(spec, {0, tiling.phasesAsVariable});
  applyCpuSchedule(pipeline, tiling);
  return pipeline;
}

void applyCpuSchedule(TransposedConvPipeline &p, const CpuTiling &tiling) {
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
  Var fused = parallelLoops[0];
  for (size_t k = 1; k < parallelLoops.size(); ++k) {
    Var next(k + 1 == parallelLoops.size() ? "tile" : "tile" + std::to_string(k));
    out.fuse(fused, parallelLoops[k], next);
    fused = next;
  }
  Var tile = fused;
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
  if (tiling.parallel)
    out.parallel(tile);

  // Trailing zeros: a few rows (planes) of stores, vectorized along x_0 when
  // the zeros run across it; a few columns of x_0 need no schedule.
  for (size_t k = 0; k < p.trailingZeroDims.size(); ++k) {
    Stage zeros = out.update(int(k));
    if (p.trailingZeroDims[k] == 0)
      zeros.unscheduled();
    else
      zeros.vectorize(p.outputVars[0], lanes, TailStrategy::GuardWithIf);
  }

  // The zero-padded input is packed once per tile, for its channel blocks.
  p.paddedInput.compute_at(out, tile).vectorize(p.outputVars[0], lanes);

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
