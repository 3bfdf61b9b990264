//===- ShapeFacts.h - What the variants decide from -------------*- C++ -*-===//
//
// The facts about one kernel that the kernel variants (KernelVariant.h)
// decide from, computed once from the spec and the target: vector width and
// registers, positions per stride phase in vectors, tasks, FLOPs, bytes. A
// variant's applicability test and default rules read these, never the raw
// spec, so every rule sees the same arithmetic (and the planner can ask "what
// would the rules pick at length L" by computing the facts of a spec with
// that length).
//
//===----------------------------------------------------------------------===//

#ifndef TCONV_LIB_CODEGEN_SHAPEFACTS_H
#define TCONV_LIB_CODEGEN_SHAPEFACTS_H

#include "tconv/Codegen/ConvTransposeSpec.h"

#include "Halide.h"

#include <vector>

namespace tconv::codegen {

/// Counts at or above this are "large": products saturate here instead of
/// overflowing (the rules only ask "at least N?").
inline constexpr int64_t kSaturatedCount = int64_t(1) << 40;

/// a * b for positive counts, capped at `cap`; kDynamicSize if either is.
int64_t cappedProduct(int64_t a, int64_t b, int64_t cap = kSaturatedCount);

/// a / b rounded up, for a >= 0 and b > 0: how many blocks of b cover a.
inline int64_t ceilDiv(int64_t a, int64_t b) { return (a + b - 1) / b; }

/// The largest divisor of `n` not above `limit` (at least 1).
int largestDivisorAtMost(int64_t n, int64_t limit);

/// The divisors of `n` not above `limit`, ascending (a parameter space).
std::vector<int64_t> divisorsAtMost(int64_t n, int64_t limit);

struct ShapeFacts {
  ConvTransposeSpec spec;
  Halide::Target target;

  // The target.
  bool gpu = false;
  int vectorWidth = 1;      ///< lanes of the accumulator type
  int vectorRegisters = 16; ///< 32 with AVX-512 and AArch64, else 16

  // The shape. Halide dimension 0 (the spec's last spatial dim) is the one
  // the CPU tiles split into vectors.
  int64_t cinPerGroup = 1, coutPerGroup = 1;
  int64_t innerStride = 1;
  int64_t innerOutputLength = kDynamicSize;
  /// One stride phase's positions along dimension 0, and in vectors
  /// (kDynamicSize with a dynamic length).
  int64_t positionsPerPhase = kDynamicSize;
  int64_t vectorsPerPhase = kDynamicSize;
  /// Phase positions q_j of the other spatial dims times the batch: the
  /// parallel tasks per tile of dimension 0 and chunk of channels
  /// (kDynamicSize if any of them is dynamic; saturates).
  int64_t outerTasks = kDynamicSize;
  /// Product of the strides: the stride phases of one output position.
  int64_t phaseCount = 1;
  /// Every phase of a 1-D stride > 1 kernel has the same taps count, so one
  /// update can treat the phase as a variable (canTreatPhasesAsVariable).
  bool uniformPhaseTaps = false;
  /// 2 * N * Cin * Cout/groups * prod(L_in) * prod(K) (kDynamicSize when a
  /// size is dynamic; saturates).
  int64_t flops = kDynamicSize;
  /// The weight tensor's bytes.
  int64_t weightBytes = 0;

  bool dynamicLength() const { return isDynamicSize(innerOutputLength); }
};

/// The facts of `spec` on `target`; the spec must have passed checkSupported.
ShapeFacts computeShapeFacts(const ConvTransposeSpec &spec,
                             const Halide::Target &target);

/// `spec` with the input length of its last spatial dimension (Halide's
/// dimension 0) set to `length`: what the planner asks the rules about.
ConvTransposeSpec withInnerInputLength(ConvTransposeSpec spec,
                                        int64_t length);

} // namespace tconv::codegen

#endif // TCONV_LIB_CODEGEN_SHAPEFACTS_H
