//===- KernelVariant.h - One way to compile a transposed conv ---*- C++ -*-===//
//
// The code generator's unit of choice. The algorithm (ConvTransposeAlgorithm.h)
// knows no schedule; each variant is one schedule (CPU, GPU, or a Halide
// autoscheduler) that owns
//   - whether it applies to a shape (from ShapeFacts),
//   - its parameter space (named integers, what tconv-tune searches),
//   - its default parameters (the hand rules, as named functions),
//   - the algorithm form it needs (PipelineForm), and its schedule.
// The registry (kernelVariants) is ordered: the default for a shape is the
// first variant whose defaultFor() accepts it. A kernel with a dynamic length
// is a KernelPlan (KernelPlan.h) of several variants and parameter choices,
// one per range of lengths, behind a run-time dispatch.
//
//===----------------------------------------------------------------------===//

#ifndef TCONV_LIB_CODEGEN_KERNELVARIANT_H
#define TCONV_LIB_CODEGEN_KERNELVARIANT_H

#include "ConvTransposeAlgorithm.h"
#include "ShapeFacts.h"
#include "tconv/Support/Status.h"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace tconv::codegen {

/// A variant's parameters by name ("vectors_per_tile" -> 6); ordered, so
/// their printed form is stable (header comments, the tuning database).
using VariantParams = std::map<std::string, int64_t>;

/// "a=1, b=2" (empty for no parameters).
std::string formatParams(const VariantParams &params);

/// One parameter and the values a search may try for it.
struct ParamRange {
  std::string name;
  std::vector<int64_t> values;
};

class KernelVariant {
public:
  virtual ~KernelVariant() = default;

  /// The name users see (--schedule, header comments, the tuning database).
  virtual const char *name() const = 0;

  /// Whether the variant is for GPU targets (else CPU targets).
  virtual bool forGpu() const { return false; }

  /// Whether the variant compiles `facts` correctly (the target kind, the
  /// form it needs). The tuner tries every variant that supports a shape.
  virtual bool supports(const ShapeFacts &facts) const = 0;

  /// What supports() requires of a CPU kernel, for the error of a forced
  /// --schedule ("1-D"); empty when it takes every CPU kernel.
  virtual const char *requirement() const { return ""; }

  /// Whether the registry picks this variant for `facts` by default (when no
  /// variant before it did). Implies supports().
  virtual bool defaultFor(const ShapeFacts &facts) const {
    return supports(facts);
  }

  /// The values a search may try; empty for a variant without parameters.
  virtual std::vector<ParamRange> parameterSpace(const ShapeFacts &facts) const {
    (void)facts;
    return {};
  }

  /// The hand rules' choice for `facts`.
  virtual VariantParams defaultParams(const ShapeFacts &facts) const {
    (void)facts;
    return {};
  }

  /// Parameters added to the variant after tuning databases had been
  /// written, each with the value that means the variant's behaviour before
  /// it: an entry that leaves one out reads as that value
  /// (withParamsAddedLater, applied where entries are read).
  virtual VariantParams paramsAddedLater() const { return {}; }

  /// `params` with every parameter of paramsAddedLater() that it leaves out
  /// set to its old value.
  VariantParams withParamsAddedLater(VariantParams params) const;

  /// Success when `params` (a point of the space, or read from a tuning
  /// database) is valid for `facts`, else an error saying why not.
  virtual Status checkParams(const ShapeFacts &facts,
                             const VariantParams &params) const;

  /// The scheduled pipeline of `facts.spec` with `params` (checked). The
  /// spec may have dynamic sizes even when the parameters were chosen for
  /// static ones: the schedule is valid for every size.
  virtual ConvTransposePipeline build(const ShapeFacts &facts,
                                       const VariantParams &params) const = 0;

  /// The predicted time of `params` on `facts` (static sizes), relative to
  /// other parameters of this variant on the same facts: what a plan uses to
  /// map a length whose rule choice was not compiled to the closest kernel
  /// that was. 1 by default (no model).
  virtual double predictedCost(const ShapeFacts &facts,
                               const VariantParams &params) const {
    (void)facts;
    (void)params;
    return 1;
  }

  /// The checks every variant's checkParams starts with: the parameters of
  /// the space and no others (KernelVariant::checkParams), the on/off ones
  /// ("parallel", "pack_by_copy") 0 or 1 and every other at least 1.
  /// Success or the first problem.
  Status checkCommonParams(const ShapeFacts &facts,
                           const VariantParams &params) const;

  /// Whether tconv-tune searches this variant (the autoschedulers are
  /// baselines, chosen by name only).
  virtual bool tunable() const { return true; }

  /// Whether tconv-tune tries this variant on `facts`: it is tunable, it
  /// supports them, and compiling it is not far slower than the
  /// alternatives that also do.
  virtual bool searchable(const ShapeFacts &facts) const {
    return tunable() && supports(facts);
  }

  /// Called once before build() for variants that need something loaded
  /// (an autoscheduler plugin); success or the error.
  virtual Status prepare() const { return Status::success(); }
};

/// Every variant, in the order the default choice tries them.
const std::vector<const KernelVariant *> &kernelVariants();

/// The variant called `name`, or nullptr.
const KernelVariant *findVariant(const std::string &name);

/// A variant with its parameters: one kernel's recipe.
struct VariantChoice {
  const KernelVariant *variant = nullptr;
  VariantParams params;
  /// From a tuning database entry (else the rules, or a forced variant).
  bool tuned = false;

  /// The same kernel (wherever the choice came from).
  bool operator==(const VariantChoice &other) const {
    return variant == other.variant && params == other.params;
  }
  /// "cpu-phase-gemm (a=1, b=2)", and " [tuned]" for a tuned choice.
  std::string describe() const;
};

/// Success when `value` divides `total`, else the error "<param> <value> does
/// not divide the <whole> (<total>)".
Status checkDivides(const std::string &param, int64_t value,
                    const std::string &whole, int64_t total);

/// Success when a register block of `count` accumulators fits the target's
/// vector registers, else "<product> (<count>) exceeds the N vector
/// registers" (`product` names the parameters multiplied).
Status checkFitsRegisters(const ShapeFacts &facts, const std::string &product,
                          int64_t count);

/// The input-channel slice sizes a search tries: the divisors of `channels`
/// up to 256, and all of them.
std::vector<int64_t> channelSliceSizes(int64_t channels);

/// The registry's default for `facts`: the first variant whose defaultFor()
/// accepts it, with its default parameters.
VariantChoice defaultChoice(const ShapeFacts &facts);

} // namespace tconv::codegen

#endif // TCONV_LIB_CODEGEN_KERNELVARIANT_H
