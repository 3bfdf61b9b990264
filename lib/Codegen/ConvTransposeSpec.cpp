//===- ConvTransposeSpec.cpp - What the code generator compiles -----------===//

#include "tconv/Codegen/ConvTransposeSpec.h"

#include <limits>
#include <string>

namespace tconv::codegen {

const char *elementTypeName(ElementType type) {
  switch (type) {
  case ElementType::F16:
    return "f16";
  case ElementType::BF16:
    return "bf16";
  case ElementType::F32:
    return "f32";
  case ElementType::F64:
    return "f64";
  }
  return "unknown";
}

ScalarType scalarTypeOf(ElementType type) {
  switch (type) {
  case ElementType::F16: return ScalarType::F16;
  case ElementType::BF16: return ScalarType::BF16;
  case ElementType::F32: return ScalarType::F32;
  case ElementType::F64: return ScalarType::F64;
  }
  return ScalarType::F32;
}

std::vector<int64_t> ConvTransposeSpec::outputSize() const {
  std::vector<int64_t> sizes;
  for (int64_t i = 0; i < spatialRank; ++i)
    sizes.push_back(transposedOutputLength(inputSize[i], kernelSize[i],
                                           stride[i], dilation[i],
                                           padding[i]));
  return sizes;
}

namespace {

/// Halide indexes with 32-bit integers (without the large_buffers feature).
bool fitsIndex(int64_t value) {
  return value >= 0 && value <= std::numeric_limits<int32_t>::max();
}

} // namespace

Status checkWellFormed(const ConvTransposeSpec &spec) {
  const int64_t rank = spec.spatialRank;
  if (rank < 1 || rank > 3)
    return Status::error("spatial rank " + std::to_string(rank) +
                         " is not 1, 2 or 3");
  if (int64_t(spec.inputSize.size()) != rank ||
      int64_t(spec.kernelSize.size()) != rank ||
      int64_t(spec.stride.size()) != rank ||
      int64_t(spec.dilation.size()) != rank ||
      int64_t(spec.padding.size()) != rank)
    return Status::error("spatial vectors must have " + std::to_string(rank) +
                         " entries");
  if (spec.groups < 1 || spec.inChannels < 1 || spec.outChannels < 1 ||
      spec.inChannels % spec.groups != 0 || spec.outChannels % spec.groups != 0)
    return Status::error("channels (" + std::to_string(spec.inChannels) +
                         " in, " + std::to_string(spec.outChannels) +
                         " out) must be positive multiples of groups (" +
                         std::to_string(spec.groups) + ")");
  if (!isDynamicSize(spec.batch) && spec.batch < 1)
    return Status::error("batch must be positive, got " +
                         std::to_string(spec.batch));
  std::vector<int64_t> outputSize = spec.outputSize();
  int64_t inputElements = spec.inChannels, outputElements = spec.outChannels,
          weightElements = spec.inChannels * (spec.outChannels / spec.groups);
  for (int64_t i = 0; i < rank; ++i) {
    std::string dim = " of spatial dimension " + std::to_string(i);
    if (spec.kernelSize[i] < 1 || spec.stride[i] < 1 || spec.dilation[i] < 1)
      return Status::error("kernel size, stride and dilation" + dim +
                           " must be positive");
    if (spec.padding[i].trailingZeros < 0)
      return Status::error("trailing zeros" + dim + " must not be negative");
    if (!isDynamicSize(spec.inputSize[i]) && spec.inputSize[i] < 1)
      return Status::error("input size" + dim + " must be positive");
    if (!isDynamicSize(outputSize[i]) && outputSize[i] < 1)
      return Status::error("output size" + dim + " is " +
                           std::to_string(outputSize[i]) +
                           ", must be positive");
    if (!isDynamicSize(spec.inputSize[i]))
      inputElements *= spec.inputSize[i];
    if (!isDynamicSize(outputSize[i]))
      outputElements *= outputSize[i];
    weightElements *= spec.kernelSize[i];
    if (!fitsIndex(inputElements) || !fitsIndex(outputElements) ||
        !fitsIndex(weightElements))
      return Status::error("tensor sizes exceed 2^31 elements");
  }
  return checkFusedStages(spec);
}

} // namespace tconv::codegen
