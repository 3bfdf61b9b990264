//===- GpuSchedule.h - The GPU schedule of a transposed conv ----*- C++ -*-===//
//
// The GPU half of the schedules (the CPU one is CpuSchedule.h; the algorithm,
// the same for both, is ConvTransposeAlgorithm.h). One thread block computes
// a tile of `qTile` phase positions q_0 (all stride phases of each) times
// `cTile` output channels, for one row of the outer spatial dimensions and
// one batch element:
//
//   block (q tile, channel tile, outer rows x batch)        gpu_blocks
//     phase sums of the tile: shared memory, the bias first
//     per stride phase, per chunk of `ciChunk` input channels:
//       input tile (zero-padded, f32/f64) -> shared        loaded by all threads
//       weights of the phase's taps       -> shared        loaded by all threads
//       barrier
//       per thread: regsQ x regsC partial sums in registers, accumulated over
//         the chunk's channels and the phase's taps (unrolled), then added to
//         the thread's own phase sums in shared memory
//       barrier
//     per thread: regsQ positions x all stride phases x regsC channels of
//       the output, interleaved back and cast to the element type (unrolled)
//
// The per-chunk partial sums (the algorithm's phasePartials, built with
// inputChannelChunk = ciChunk) exist because accumulators cannot live in
// registers across the barriers of a chunk loop in Halide 14: a register
// allocation belongs to one loop over threads, and loops over threads do not
// nest. So they live in registers within a chunk and in shared memory (the
// phase sums) between chunks. (Stage::rfactor would do the split, but its
// merge stage iterates over every stride phase of the constant-phase update.)
//
//===----------------------------------------------------------------------===//

#ifndef TCONV_LIB_CODEGEN_GPUSCHEDULE_H
#define TCONV_LIB_CODEGEN_GPUSCHEDULE_H

#include "ConvTransposeAlgorithm.h"
#include "tconv/Support/Status.h"

namespace tconv::codegen {

/// The blocking of one kernel on one GPU target.
struct GpuTiling {
  int threadsQ = 32; ///< threads along q_0 (block dimension x)
  int regsQ = 2;     ///< consecutive q_0 positions per thread (registers)
  int threadsC = 4;  ///< threads along output channels (block dimension y)
  int regsC = 4;     ///< output channels per thread (registers)
  int ciChunk = 16;  ///< input channels staged in shared memory per step

  int qTile() const { return threadsQ * regsQ; }
  int cTile() const { return threadsC * regsC; }
};

/// Picks the tiling from the shape: the channel tile divides Cout/groups (a
/// block never straddles a group), the chunk divides Cin/groups, and the
/// phase sums plus the staged tiles of one block fit in `sharedBytes`.
GpuTiling chooseGpuTiling(const ConvTransposeSpec &spec,
                          int sharedBytes = 40 * 1024);

/// Schedules every Func of `pipeline`, built with inputChannelChunk =
/// tiling.ciChunk, for the GPU API of the target it is compiled for (OpenCL
/// or CUDA). It adds Funcs (the staged copies), so call it once.
void applyGpuSchedule(ConvTransposePipeline &pipeline, const GpuTiling &tiling);

/// `target` without the OpenCL type features the kernel does not use
/// (cl_doubles unless f64, cl_half unless f16), so its OpenCL C builds on
/// devices without those extensions.
Halide::Target gpuTargetFor(const ConvTransposeSpec &spec,
                            const Halide::Target &target);

/// The algorithm for `spec` with its input channels chunked as `tiling`
/// wants, scheduled for the GPU (the gpu-shared-tiles variant).
ConvTransposePipeline buildGpuPipeline(const ConvTransposeSpec &spec,
                                        const GpuTiling &tiling);

/// Success when `spec` can run on the GPU API of `target`, else an error
/// saying why not (element types per API, docs/gpu.md). Only OpenCL and CUDA
/// are scheduled.
Status checkGpuSupport(const ConvTransposeSpec &spec,
                       const Halide::Target &target);

/// The device code of a module compiled for a GPU target, as Halide embeds it
/// in the object: PTX assembly (CUDA) or OpenCL C source. Empty if none.
std::string deviceCodeOf(const Halide::Module &module);

/// The file extension of deviceCodeOf's text for `target`: ".ptx" or ".cl".
std::string deviceCodeExtension(const Halide::Target &target);

/// A C comment for the top of a GPU kernel's header: where the buffers may
/// live and how the caller gets the output back to the host.
std::string gpuHeaderNote(const Halide::Target &target);

} // namespace tconv::codegen

#endif // TCONV_LIB_CODEGEN_GPUSCHEDULE_H
