//===- KernelPlan.cpp - Which variants make one kernel --------------------===//

#include "KernelPlan.h"

#include <algorithm>
#include <map>

using namespace Halide;
using namespace Halide::Internal;

namespace tconv::codegen {

namespace {

/// How much each length counts: all lengths alike on a log scale (1/L),
/// lengths below 16 together as much as one at 16 each.
double lengthWeight(int64_t length) {
  return 1.0 / double(std::max<int64_t>(length, 16));
}

} // namespace

int KernelPlan::kernelForLength(int64_t length) const {
  for (const LengthRange &range : ranges)
    if (length <= range.bound)
      return range.kernel;
  return int(kernels.size()) - 1;
}

std::string KernelPlan::describe() const {
  if (ranges.empty())
    return kernels.front().describe();
  // Per kernel, its first few ranges of input lengths and how many in all.
  constexpr int kShown = 4;
  std::string text = std::to_string(kernels.size()) +
                     " specializations, dispatched on the innermost input "
                     "length:\n";
  for (size_t k = 0; k < kernels.size(); ++k) {
    std::string lengths;
    int count = 0;
    int64_t previous = 0;
    auto add = [&](int64_t first, int64_t last) {
      if (count++ < kShown)
        lengths += (lengths.empty() ? "" : ", ") + std::to_string(first) +
                   (last < 0 ? "+"
                    : last > first ? ".." + std::to_string(last)
                                   : std::string());
    };
    for (const LengthRange &range : ranges) {
      if (range.kernel == int(k))
        add(previous + 1, range.bound);
      previous = range.bound;
    }
    if (k + 1 == kernels.size())
      add(previous + 1, -1);
    if (count > kShown)
      lengths += ", ... (" + std::to_string(count) + " ranges)";
    text += " *   " + kernels[k].describe() + ": lengths " + lengths + "\n";
  }
  return text;
}

KernelPlan planKernel(const ShapeFacts &facts, const ChoiceFunction &choose,
                      const PlanOptions &options) {
  KernelPlan plan;
  plan.kernels.push_back(choose(facts));
  if (!facts.dynamicLength() || facts.gpu ||
      plan.kernels.front().variant->parameterSpace(facts).empty())
    return plan;

  // Small kernels: one.
  const int64_t cap = options.lengthCap;
  ConvTransposeSpec probe = withInnerInputLength(facts.spec, cap);
  if (isDynamicSize(probe.batch))
    probe.batch = 1;
  for (int64_t &size : probe.inputSize)
    if (isDynamicSize(size))
      size = 1;
  if (computeShapeFacts(probe, facts.target).flops < options.minFlopsAtCap)
    return plan;

  // The rule choice at every length up to the cap: its group.
  std::vector<ShapeFacts> factsAt(cap + 1);
  std::vector<int> groupAt(cap + 1, -1); // -1: no valid output at L
  std::vector<double> idealCost(cap + 1, 1);
  std::vector<VariantChoice> groups;
  for (int64_t length = 1; length <= cap; ++length) {
    factsAt[length] = computeShapeFacts(
        withInnerInputLength(facts.spec, length), facts.target);
    const ShapeFacts &at = factsAt[length];
    if (isDynamicSize(at.vectorsPerPhase) || at.vectorsPerPhase < 1)
      continue;
    VariantChoice rule = choose(at);
    auto it = std::find(groups.begin(), groups.end(), rule);
    if (it == groups.end())
      it = groups.insert(groups.end(), rule);
    groupAt[length] = int(it - groups.begin());
    idealCost[length] = rule.variant->predictedCost(at, rule.params);
  }
  if (groups.empty() || groupAt[cap] < 0)
    return plan;

  // Each group's predicted slowdown at each length against the rule choice
  // there (1 where the length is the group's own).
  const std::vector<VariantChoice> &kernelOf = groups;
  // Another group than the length's own counts at least kOtherGroupSlowdown:
  // the cost model ranks, it cannot promise two choices equally fast (the
  // rules chose this length's own for a reason the model may not see).
  constexpr double kOtherGroupSlowdown = 1.05;
  auto slowdown = [&](int g, int64_t length) {
    if (groupAt[length] == g)
      return 1.0;
    const VariantChoice &k = kernelOf[g];
    return std::max(kOtherGroupSlowdown,
                    k.variant->predictedCost(factsAt[length], k.params) /
                        idealCost[length]);
  };

  // Greedily: the group at the cap (it also serves every longer length),
  // then the group that removes the most weighted slowdown, while it removes
  // more than a small fraction of it.
  std::vector<int> kept = {groupAt[cap]};
  std::vector<double> current(cap + 1, 1);
  double total = 0;
  for (int64_t length = 1; length <= cap; ++length)
    if (groupAt[length] >= 0) {
      current[length] = slowdown(kept[0], length);
      total += lengthWeight(length);
    }
  while (int(kept.size()) < options.maxKernels) {
    int best = -1;
    double bestGain = 0;
    for (int g = 0; g < int(groups.size()); ++g) {
      if (std::find(kept.begin(), kept.end(), g) != kept.end())
        continue;
      double gain = 0;
      for (int64_t length = 1; length <= cap; ++length)
        if (groupAt[length] >= 0)
          gain += lengthWeight(length) *
                  std::max(0.0, current[length] - slowdown(g, length));
      if (gain > bestGain) {
        bestGain = gain;
        best = g;
      }
    }
    // Less than 0.2% of the time summed over the lengths: not worth a kernel.
    if (best < 0 || bestGain < options.minGain * total)
      break;
    kept.push_back(best);
    for (int64_t length = 1; length <= cap; ++length)
      if (groupAt[length] >= 0)
        current[length] = std::min(current[length], slowdown(best, length));
  }
  if (kept.size() == 1) {
    plan.kernels = {kernelOf[kept[0]]};
    return plan;
  }

  // Kernels in the order their lengths first appear, the cap's last; every
  // length to its own group where kept, else to the kept one predicted
  // fastest there. Adjacent lengths on one kernel merge into a range.
  std::sort(kept.begin() + 1, kept.end(), [&](int a, int b) {
    return std::find(groupAt.begin(), groupAt.end(), a) <
           std::find(groupAt.begin(), groupAt.end(), b);
  });
  std::rotate(kept.begin(), kept.begin() + 1, kept.end());
  plan.kernels.clear();
  for (int g : kept)
    plan.kernels.push_back(kernelOf[g]);
  for (int64_t length = 1; length <= cap; ++length) {
    int kernel = int(kept.size()) - 1;
    if (groupAt[length] >= 0) {
      auto own = std::find(kept.begin(), kept.end(), groupAt[length]);
      if (own != kept.end()) {
        kernel = int(own - kept.begin());
      } else {
        for (int k = 0; k < int(kept.size()); ++k)
          if (slowdown(kept[k], length) < slowdown(kept[kernel], length))
            kernel = k;
      }
    }
    if (!plan.ranges.empty() && plan.ranges.back().kernel == kernel)
      plan.ranges.back().bound = length;
    else
      plan.ranges.push_back({length, kernel});
  }
  // The last kernel serves everything past the last bound anyway.
  while (!plan.ranges.empty() &&
         plan.ranges.back().kernel == int(kept.size()) - 1)
    plan.ranges.pop_back();
  return plan;
}

namespace {

/// Calls `callee` with the wrapper's own arguments and returns its error
/// code, if any, from the wrapper.
Stmt callReturningError(const std::string &callee,
                        const std::vector<Expr> &args) {
  std::string result = unique_name(callee + "_result");
  Expr resultVar = Variable::make(Int(32), result);
  return LetStmt::make(result, Call::make(Int(32), callee, args, Call::Extern),
                       AssertStmt::make(resultVar == 0, resultVar));
}

/// Binary search over ranges[lo..hi] on `length` (the last range has no
/// upper bound).
Stmt dispatchOnLength(const std::vector<KernelPlan::LengthRange> &ranges,
                      size_t lo, size_t hi, const Expr &length,
                      const std::vector<Stmt> &calls) {
  if (lo == hi)
    return calls[ranges[lo].kernel];
  size_t mid = (lo + hi) / 2;
  return IfThenElse::make(length <= int32_t(ranges[mid].bound),
                          dispatchOnLength(ranges, lo, mid, length, calls),
                          dispatchOnLength(ranges, mid + 1, hi, length, calls));
}

} // namespace

Module compilePlan(const KernelPlan &plan, const ShapeFacts &facts,
                   const std::string &functionName) {
  auto lower = [&](const VariantChoice &choice, const std::string &name,
                   LinkageType linkage) {
    ConvTransposePipeline pipeline = choice.variant->build(facts, choice.params);
    return Pipeline(pipeline.output)
        .compile_to_module(pipeline.arguments(), name, facts.target, linkage);
  };
  // GPU kernels are one pipeline (the device code lives in its module).
  if (facts.gpu)
    return lower(plan.kernels.front(), functionName,
                 LinkageType::ExternalPlusMetadata);

  // Specializations first (internal symbols: only the wrapper is exported).
  std::vector<Module> modules;
  std::vector<std::string> names;
  for (size_t k = 0; k < plan.kernels.size(); ++k) {
    names.push_back(functionName + "_specialization" + std::to_string(k));
    modules.push_back(lower(plan.kernels[k], names.back(), LinkageType::Internal));
  }
  // The wrapper's arguments are the specializations', under the names a
  // single kernel has: Halide gives the n-th Func named "output" of a process
  // the name "output$n" (and so the header "_output__n_buffer").
  std::vector<LoweredArgument> args = modules.back().functions().back().args;
  for (LoweredArgument &arg : args)
    arg.name = arg.name.substr(0, arg.name.find('$'));

  // The wrapper: the length of the input's Halide dimension 0 picks the
  // specialization; a null input or one of another rank goes to the last,
  // which reports the error as any kernel does. A plan of one kernel gets the
  // wrapper too, for the argument names.
  std::vector<Expr> callArgs;
  for (const LoweredArgument &arg : args)
    callArgs.push_back(
        Variable::make(type_of<halide_buffer_t *>(), arg.name + ".buffer"));
  std::vector<Stmt> calls;
  for (const std::string &name : names)
    calls.push_back(callReturningError(name, callArgs));
  std::vector<KernelPlan::LengthRange> ranges = plan.ranges;
  ranges.push_back({0, int(plan.kernels.size()) - 1}); // bound unused
  const Expr input = callArgs[0];
  const std::string lengthName = unique_name("input_length");
  const Expr length = Variable::make(Int(32), lengthName);
  Stmt dispatch = LetStmt::make(
      lengthName,
      Call::make(Int(32), Call::buffer_get_extent, {input, 0}, Call::Extern),
      dispatchOnLength(ranges, 0, ranges.size() - 1, length, calls));
  const int rank = int(facts.spec.spatialRank) + 2;
  Expr inputIsNull =
      Call::make(UInt(64), Call::reinterpret, {input}, Call::PureIntrinsic) ==
      make_zero(UInt(64));
  Expr inputRank =
      Call::make(Int(32), Call::buffer_get_dimensions, {input}, Call::Extern);
  Stmt body = plan.ranges.empty()
                  ? calls.back()
                  : IfThenElse::make(inputIsNull, calls.back(),
                                     IfThenElse::make(inputRank != rank,
                                                      calls.back(), dispatch));
  Module wrapper(functionName, facts.target);
  wrapper.append(LoweredFunc(functionName, args, body,
                             LinkageType::ExternalPlusMetadata));
  modules.push_back(wrapper);
  return link_modules(functionName, modules);
}

} // namespace tconv::codegen
