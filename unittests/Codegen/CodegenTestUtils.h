//===- CodegenTestUtils.h - Shared helpers of the codegen tests -*- C++ -*-===//

#ifndef TCONV_UNITTESTS_CODEGEN_CODEGENTESTUTILS_H
#define TCONV_UNITTESTS_CODEGEN_CODEGENTESTUTILS_H

#include "KernelVariant.h"
#include "ReferenceConvTranspose.h"
#include "VariantParamNames.h"
#include "tconv/Codegen/ConvTransposeSpec.h"

#include "HalideBuffer.h"

#include <random>
#include <vector>

namespace tconv::codegen::testing {

/// The spec of `shape`; batch and/or input sizes left dynamic on request.
inline ConvTransposeSpec makeSpec(const reference::ConvShape &shape,
                                   ElementType type, bool hasBias,
                                   bool dynamicBatch = false,
                                   bool dynamicSpatial = false) {
  ConvTransposeSpec spec;
  spec.spatialRank = int64_t(shape.inputSize.size());
  spec.elementType = type;
  spec.batch = dynamicBatch ? kDynamicSize : shape.batch;
  spec.inChannels = shape.inChannels;
  spec.outChannels = shape.outChannels;
  spec.groups = shape.groups;
  spec.hasBias = hasBias;
  spec.inputSize = shape.inputSize;
  if (dynamicSpatial)
    for (int64_t &size : spec.inputSize)
      size = kDynamicSize;
  spec.kernelSize = shape.kernelSize;
  spec.stride = shape.stride;
  spec.dilation = shape.dilation;
  spec.padding = shape.padding;
  return spec;
}

/// Halide's sizes (dimension 0 innermost) of a channels-first tensor.
inline std::vector<int> halideSizes(std::vector<int64_t> sizes) {
  return std::vector<int>(sizes.rbegin(), sizes.rend());
}

/// Values uniform in [-1, 1], rounded to T.
template <typename T>
std::vector<T> randomTensor(int64_t count, std::mt19937 &rng) {
  std::uniform_real_distribution<double> dist(-1.0, 1.0);
  std::vector<T> values;
  values.reserve(count);
  for (int64_t i = 0; i < count; ++i)
    values.push_back(T(dist(rng)));
  return values;
}

/// Tensor shapes of a conv, channels-first, for halideSizes.
inline std::vector<int64_t> inputShape(const reference::ConvShape &s) {
  std::vector<int64_t> shape = {s.batch, s.inChannels};
  shape.insert(shape.end(), s.inputSize.begin(), s.inputSize.end());
  return shape;
}
inline std::vector<int64_t> weightShape(const reference::ConvShape &s) {
  std::vector<int64_t> shape = {s.inChannels, s.outChannels / s.groups};
  shape.insert(shape.end(), s.kernelSize.begin(), s.kernelSize.end());
  return shape;
}
inline std::vector<int64_t> outputShape(const reference::ConvShape &s) {
  std::vector<int64_t> shape = {s.batch, s.outChannels};
  std::vector<int64_t> spatial = s.outputSize();
  shape.insert(shape.end(), spatial.begin(), spatial.end());
  return shape;
}

/// `choices`, then each of them with one of its on/off switches that change
/// the kernel's form flipped, where that is valid for `facts`: the other
/// packing of the input (PipelineForm::packByCopy) and the other loop order
/// of the column GEMM (tiles of positions or blocks of columns outer).
inline std::vector<VariantChoice>
withSwitchesFlipped(const ShapeFacts &facts,
                    std::vector<VariantChoice> choices) {
  const size_t given = choices.size();
  for (size_t i = 0; i < given; ++i)
    for (const char *toggle : {params::kPackByCopy, params::kTilesOuter}) {
      VariantChoice other = choices[i];
      auto value = other.params.find(toggle);
      if (value == other.params.end())
        continue;
      value->second = 1 - value->second;
      if (other.variant->checkParams(facts, other.params).ok())
        choices.push_back(other);
    }
  return choices;
}

} // namespace tconv::codegen::testing

#endif // TCONV_UNITTESTS_CODEGEN_CODEGENTESTUTILS_H
