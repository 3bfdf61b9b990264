//===- HostTarget.cpp - Target strings as this machine runs them ----------===//

#include "HostTarget.h"

#if defined(__x86_64__) || defined(__i386__)
#include <cpuid.h>
#endif

namespace tconv::codegen {

namespace {

/// Whether this CPU executes AVX512-FP16 (CPUID leaf 7, EDX bit 23).
bool hostHasAvx512Fp16() {
#if defined(__x86_64__) || defined(__i386__)
  unsigned eax, ebx, ecx, edx;
  if (__get_cpuid_count(7, 0, &eax, &ebx, &ecx, &edx))
    return (edx >> 23) & 1;
#endif
  return false;
}

} // namespace

Halide::Target resolveTarget(const std::string &target) {
  Halide::Target t(target);
  if (target.rfind("host", 0) == 0 &&
      t.has_feature(Halide::Target::AVX512_SapphireRapids) &&
      !hostHasAvx512Fp16())
    t = t.without_feature(Halide::Target::AVX512_SapphireRapids);
  return t;
}

Status checkRunsHere(const Halide::Target &target) {
  using T = Halide::Target;
  const T host = resolveTarget("host");
  if (target.arch != host.arch || target.bits != host.bits ||
      target.os != host.os)
    return Status::error("target '" + target.to_string() +
                         "' is not this machine's architecture and OS ('" +
                         host.to_string() + "')");
  // The instruction sets Halide 14 can target on x86 and ARM.
  for (T::Feature f :
       {T::SSE41, T::AVX, T::AVX2, T::FMA, T::FMA4, T::F16C, T::AVX512,
        T::AVX512_KNL, T::AVX512_Skylake, T::AVX512_Cannonlake,
        T::AVX512_SapphireRapids, T::ARMv7s, T::ARMDotProd,
        T::ARMFp16, T::SVE, T::SVE2})
    if (target.has_feature(f) && !host.has_feature(f))
      return Status::error("target '" + target.to_string() +
                           "' uses an instruction set this CPU lacks ('" +
                           host.to_string() + "')");
  return Status::success();
}

} // namespace tconv::codegen
