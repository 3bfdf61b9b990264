//===- HostTarget.h - Target strings as this machine runs them --*- C++ -*-===//

#ifndef TCONV_LIB_CODEGEN_HOSTTARGET_H
#define TCONV_LIB_CODEGEN_HOSTTARGET_H

#include "Halide.h"
#include "tconv/Support/Status.h"

#include <string>

namespace tconv::codegen {

/// The Halide target for a target string. Halide 14 calls an AVX512-BF16
/// CPU without AVX512-FP16 (AMD Zen 4) "sapphirerapids", and LLVM then emits
/// AVX512-FP16 instructions (vmovw) for f16/bf16 kernels that fault there
/// with SIGILL. For "host" the feature is kept only when the CPU has FP16.
Halide::Target resolveTarget(const std::string &target);

/// Success when code for `target` runs on this machine (same architecture,
/// OS and bits, and no instruction set feature this CPU lacks), else an error
/// saying why not.
Status checkRunsHere(const Halide::Target &target);

} // namespace tconv::codegen

#endif // TCONV_LIB_CODEGEN_HOSTTARGET_H
