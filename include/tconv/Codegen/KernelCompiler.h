//===- KernelCompiler.h - Ahead-of-time kernel emission ---------*- C++ -*-===//
//
// The code generator's public entry points. Deliberately free of Halide and
// MLIR types: tconv-compile includes this header next to MLIR's, and only
// lib/Codegen includes Halide.h. Every check and compile returns a
// tconv::Status (tconv/Support/Status.h): ok(), or an error whose message()
// names the problem; failures are never exceptions.
//
//===----------------------------------------------------------------------===//

#ifndef TCONV_CODEGEN_KERNELCOMPILER_H
#define TCONV_CODEGEN_KERNELCOMPILER_H

#include "tconv/Codegen/ConvTransposeSpec.h"
#include "tconv/Support/Status.h"

#include <cstdint>
#include <string>
#include <vector>

namespace tconv::codegen {

struct TuningDatabase;

/// Extra artifacts written next to the object file and the header.
struct EmitOptions {
  bool assembly = false; ///< <name>.s
  bool stmt = false;     ///< <name>.stmt (Halide's lowered statement)
  bool llvmIR = false;   ///< <name>.ll
  /// GPU targets: the device code Halide embeds in the object, as text:
  /// <name>.ptx (CUDA) or <name>.cl (OpenCL C). An error on other targets.
  bool deviceCode = false;
};

/// The schedules compileKernel can apply: "tconv" (the default: the kernel
/// variant the registry picks per shape and length, docs/performance.md),
/// then every registered variant by name (kernelVariants(): the CPU and GPU
/// variants, used with their default parameters, and Halide 14's
/// autoschedulers as baselines, "auto-adams2019", "auto-li2018",
/// "auto-mullapudi2016", loaded from Halide's libautoschedule_*.so plugins).
std::vector<std::string> scheduleNames();

/// Success when `schedule` is one of scheduleNames(), else an error listing
/// them.
Status checkSchedule(const std::string &schedule);

/// Checks a Halide target string ("host", "x86-64-linux-avx2-fma-f16c", ...).
/// Success when valid, else an error naming the problem.
Status checkTarget(const std::string &target);

/// Success when `spec` can be compiled for `target` (element type supported
/// there, sizes representable), else an error naming the problem.
/// compileKernel calls it first. GPU targets (OpenCL, CUDA) get the GPU
/// schedule; docs/gpu.md lists which element types each one accepts.
Status checkSupported(const ConvTransposeSpec &spec,
                      const std::string &target);

/// Compiles one kernel named `functionName` into `outDir`: <name>.o and
/// <name>.h, plus the extra artifacts of `emit`. The kernel is compiled
/// without the Halide runtime (see compileRuntime). Files are written under
/// temporary names and renamed into place, so a failure leaves nothing
/// half-written. Returns success, or the error.
/// `schedule` (checkSchedule) picks the schedule; a variant for the other
/// kind of target is an error, and so is an autoscheduler whose plugin cannot
/// be loaded. With `tuning` (schedule "tconv"), an entry matching the
/// kernel's shape, target, length and `tuningThreads` (Tuning.h; 0: the
/// count of defaultThreadCount()) replaces the rules' choice; an entry
/// naming an unknown variant or invalid parameters is an error.
///
/// ABI: int <name>(halide_buffer_t *input, halide_buffer_t *weight,
///                 [halide_buffer_t *bias,] halide_buffer_t *output)
/// Dense tensors, dimension 0 innermost (N x C x L: dim0 = L, dim1 = C,
/// dim2 = N). Returns 0, or a non-zero Halide error code after calling
/// halide_error when a buffer's rank, extent or type does not match.
Status compileKernel(const ConvTransposeSpec &spec,
                     const std::string &functionName, const std::string &target,
                     const std::string &outDir, const EmitOptions &emit,
                     const std::string &schedule = "tconv",
                     const TuningDatabase *tuning = nullptr,
                     int64_t tuningThreads = 0);

/// Success when compileParamInit supports the spec's weightInit and biasInit,
/// else an error naming the initializer (unknown, not supported: identity,
/// dirac, orthogonal, variancescaling, or fan-based for the bias).
Status checkParamInit(const ConvTransposeSpec &spec);

/// Compiles the parameter initialization of kernel `functionName` into
/// `outDir`: <name>_init_params.o and <name>_init_params.h, without the
/// Halide runtime, staged like compileKernel. docs/initialization.md. Returns
/// success, or the error.
///
/// ABI: int <name>_init_params(uint64_t seed, halide_buffer_t *weight,
///                             [halide_buffer_t *bias])
/// fills the kernel's weight (Cin, Cout/groups, K...) and bias (Cout), dense,
/// dimension 0 innermost, on the CPU (host memory), deterministically for a
/// seed. Returns 0, or a non-zero Halide error code after calling halide_error
/// when a buffer's rank, extent, stride or type does not match.
Status compileParamInit(const ConvTransposeSpec &spec,
                        const std::string &functionName,
                        const std::string &target, const std::string &outDir);

/// Writes <outDir>/halide_runtime.o, the Halide runtime for `target`, once
/// for any number of kernels; for a GPU target it includes the OpenCL or CUDA
/// runtime (docs/gpu.md). Returns success, or the error.
Status compileRuntime(const std::string &target, const std::string &outDir);

} // namespace tconv::codegen

#endif // TCONV_CODEGEN_KERNELCOMPILER_H
