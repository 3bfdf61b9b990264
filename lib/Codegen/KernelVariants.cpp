//===- KernelVariants.cpp - The ordered registry of kernel variants -------===//

#include "KernelVariant.h"
#include "VariantParamNames.h"

#include <algorithm>
#include <set>

namespace tconv::codegen {

// Each defined beside its schedule.
const KernelVariant &cpuPhaseLanesVariant();
const KernelVariant &cpuTapGemmVariant();
const KernelVariant &cpuChannelLanesVariant();
const KernelVariant &cpuPhasesInSlicesVariant();
const KernelVariant &cpuPhaseGemmVariant();
const KernelVariant &gpuSharedTilesVariant();
const std::vector<const KernelVariant *> &autoschedulerVariants();

std::string formatParams(const VariantParams &params) {
  std::string text;
  for (const auto &[name, value] : params)
    text += (text.empty() ? "" : ", ") + name + "=" + std::to_string(value);
  return text;
}

std::string VariantChoice::describe() const {
  return std::string(variant->name()) + " (" + formatParams(params) + ")" +
         (tuned ? " [tuned]" : "");
}

Status KernelVariant::checkParams(const ShapeFacts &facts,
                                  const VariantParams &params) const {
  std::set<std::string> expected;
  for (const ParamRange &range : parameterSpace(facts)) {
    expected.insert(range.name);
    if (!params.count(range.name))
      return Status::error(std::string("variant ") + name() +
                           " needs parameter '" + range.name + "'");
  }
  for (const auto &[param, value] : params)
    if (!expected.count(param))
      return Status::error(std::string("variant ") + name() +
                           " has no parameter '" + param + "'");
  return Status::success();
}

Status KernelVariant::checkCommonParams(
    const ShapeFacts &facts, const VariantParams &params,
    const std::vector<std::string> &mayBeZero) const {
  if (Status s = KernelVariant::checkParams(facts, params); !s.ok())
    return s;
  if (Status s = checkPositiveParams(params, mayBeZero); !s.ok())
    return s;
  if (auto parallel = params.find(params::kParallel);
      parallel != params.end() && parallel->second > 1)
    return Status::error("parallel must be 0 or 1");
  return Status::success();
}

Status checkPositiveParams(const VariantParams &params,
                           const std::vector<std::string> &mayBeZero) {
  for (const auto &[name, value] : params) {
    const bool zeroAllowed =
        std::find(mayBeZero.begin(), mayBeZero.end(), name) != mayBeZero.end();
    if (value < (zeroAllowed ? 0 : 1))
      return Status::error(name + " must be " +
                           (zeroAllowed ? "0 or more" : "positive") + ", got " +
                           std::to_string(value));
  }
  return Status::success();
}

const std::vector<const KernelVariant *> &kernelVariants() {
  // The order of the default choice: the more specific variant first.
  static const std::vector<const KernelVariant *> variants = [] {
    std::vector<const KernelVariant *> all = {&cpuPhaseLanesVariant(),
                                              &cpuTapGemmVariant(),
                                              &cpuChannelLanesVariant(),
                                              &cpuPhasesInSlicesVariant(),
                                              &cpuPhaseGemmVariant(),
                                              &gpuSharedTilesVariant()};
    for (const KernelVariant *v : autoschedulerVariants())
      all.push_back(v);
    return all;
  }();
  return variants;
}

const KernelVariant *findVariant(const std::string &name) {
  for (const KernelVariant *v : kernelVariants())
    if (name == v->name())
      return v;
  return nullptr;
}

VariantChoice defaultChoice(const ShapeFacts &facts) {
  for (const KernelVariant *v : kernelVariants())
    if (v->defaultFor(facts))
      return {v, v->defaultParams(facts)};
  // cpu-phase-gemm takes every CPU shape, gpu-shared-tiles every GPU one.
  return {};
}

} // namespace tconv::codegen
