//===- KernelPlan.h - Which variants make one kernel ------------*- C++ -*-===//
//
// A kernel is one variant choice, or, where the innermost input length is
// dynamic, several behind a run-time dispatch on that length. The planner
// asks the choice function (the rules, or a tuning database) what it would
// pick for every static length up to a cap; each distinct answer is a
// candidate kernel. It keeps the candidate of the longest length, then
// greedily the candidates that remove the most predicted slowdown
// (KernelVariant::predictedCost, lengths weighted 1/L so short and long
// lengths count alike; a length served by another candidate than its own
// counts at least 1.05x), up to maxKernels; a length whose own candidate was
// not kept goes to the kept kernel predicted fastest there. Kernels doing
// little work at the cap length get one kernel.
// The compiled kernel is a wrapper that compares the input's length with the
// ranges' bounds (a binary search) and calls the matching specialization.
// Each specialization is a whole Halide pipeline for the dynamic spec, valid
// at every length; only its parameters are chosen for its lengths.
//
//===----------------------------------------------------------------------===//

#ifndef TCONV_LIB_CODEGEN_KERNELPLAN_H
#define TCONV_LIB_CODEGEN_KERNELPLAN_H

#include "KernelVariant.h"

#include <functional>

namespace tconv::codegen {

/// What the planner asks: the choice for the facts of a (static or dynamic)
/// spec. defaultChoice, a forced variant, or a tuning database lookup.
using ChoiceFunction = std::function<VariantChoice(const ShapeFacts &)>;

struct KernelPlan {
  /// The specializations. The last one also serves every length beyond the
  /// last range's bound and calls whose buffers the dispatch cannot read.
  std::vector<VariantChoice> kernels;
  /// Input lengths (previous bound, bound] go to kernels[kernel]; sorted by
  /// bound, adjacent ranges on different kernels. Empty: one kernel.
  struct LengthRange {
    int64_t bound;
    int kernel;
  };
  std::vector<LengthRange> ranges;

  /// For a kernel's header: each specialization and the lengths it serves.
  std::string describe() const;
  /// The index into `kernels` the dispatch calls for input length `length`.
  int kernelForLength(int64_t length) const;
};

struct PlanOptions {
  /// At most this many specializations of a dynamic length (each costs
  /// about as much compile time as a static kernel).
  int maxKernels = 8;
  /// Lengths 1..lengthCap are planned one by one; longer ones use the choice
  /// at the cap.
  int64_t lengthCap = 8192;
  /// A further specialization must remove at least this fraction of the
  /// predicted time summed over the lengths (weighted 1/L).
  double minGain = 0.002;
  /// Kernels doing less work than this at the cap length (batch and other
  /// dynamic sizes 1) are not specialized: every call is a few microseconds
  /// whichever tiling runs, and each specialization costs compile time.
  int64_t minFlopsAtCap = int64_t(1) << 24;
};

/// The plan of `facts`: one choice for static lengths (and GPU targets, and
/// variants without parameters), a dispatch over lengths otherwise.
KernelPlan planKernel(const ShapeFacts &facts, const ChoiceFunction &choose,
                      const PlanOptions &options = {});

/// Lowers every specialization of `plan` for `facts` (its target) and the
/// wrapper that dispatches to them into one module whose only external
/// function is `functionName` (ABI as KernelCompiler.h says). CPU kernels
/// always get the wrapper, so the buffer arguments keep their names (input,
/// weight, bias, output) however many kernels the process compiles; a GPU
/// kernel is its single pipeline.
Halide::Module compilePlan(const KernelPlan &plan, const ShapeFacts &facts,
                           const std::string &functionName);

} // namespace tconv::codegen

#endif // TCONV_LIB_CODEGEN_KERNELPLAN_H
