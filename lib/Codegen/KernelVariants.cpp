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
const KernelVariant &cpuColumnGemmVariant();
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

VariantParams KernelVariant::withParamsAddedLater(VariantParams params) const {
  for (const auto &[param, value] : paramsAddedLater())
    params.emplace(param, value);
  return params;
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

Status KernelVariant::checkCommonParams(const ShapeFacts &facts,
                                        const VariantParams &params) const {
  if (Status s = KernelVariant::checkParams(facts, params); !s.ok())
    return s;
  for (const auto &[param, value] : params) {
    const bool onOff = param == params::kParallel ||
                       param == params::kPackByCopy ||
                       param == params::kTilesOuter;
    if (onOff && value != 0 && value != 1)
      return Status::error(param + " must be 0 or 1");
    if (!onOff && value < 1)
      return Status::error(param + " must be positive, got " +
                           std::to_string(value));
  }
  return Status::success();
}

Status checkDivides(const std::string &param, int64_t value,
                    const std::string &whole, int64_t total) {
  if (value != 0 && total % value == 0)
    return Status::success();
  return Status::error(param + " " + std::to_string(value) +
                       " does not divide the " + whole + " (" +
                       std::to_string(total) + ")");
}

Status checkFitsRegisters(const ShapeFacts &facts, const std::string &product,
                          int64_t count) {
  if (count <= facts.vectorRegisters)
    return Status::success();
  return Status::error(product + " (" + std::to_string(count) +
                       ") exceeds the " +
                       std::to_string(facts.vectorRegisters) +
                       " vector registers");
}

std::vector<int64_t> channelSliceSizes(int64_t channels) {
  std::vector<int64_t> slices = divisorsAtMost(channels, 256);
  if (slices.back() != channels)
    slices.push_back(channels);
  return slices;
}

const std::vector<const KernelVariant *> &kernelVariants() {
  // The order of the default choice: the more specific variant first.
  static const std::vector<const KernelVariant *> variants = [] {
    std::vector<const KernelVariant *> all = {&cpuPhaseLanesVariant(),
                                              &cpuTapGemmVariant(),
                                              &cpuChannelLanesVariant(),
                                              &cpuColumnGemmVariant(),
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
