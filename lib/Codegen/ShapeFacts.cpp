//===- ShapeFacts.cpp - What the variants decide from ---------------------===//

#include "ShapeFacts.h"

#include "ConvTransposeAlgorithm.h"

#include <algorithm>

namespace tconv::codegen {

int64_t cappedProduct(int64_t a, int64_t b, int64_t cap) {
  if (isDynamicSize(a) || isDynamicSize(b))
    return kDynamicSize;
  return a >= cap || b >= cap ? cap : std::min(cap, a * b);
}

int largestDivisorAtMost(int64_t n, int64_t limit) {
  for (int64_t d = std::max<int64_t>(1, std::min(n, limit)); d > 1; --d)
    if (n % d == 0)
      return int(d);
  return 1;
}

std::vector<int64_t> divisorsAtMost(int64_t n, int64_t limit) {
  std::vector<int64_t> divisors;
  for (int64_t d = 1; d <= std::min(n, limit); ++d)
    if (n % d == 0)
      divisors.push_back(d);
  return divisors;
}

ShapeFacts computeShapeFacts(const ConvTransposeSpec &spec,
                             const Halide::Target &target) {
  ShapeFacts f;
  f.spec = spec;
  f.target = target;
  f.gpu = target.has_gpu_feature();
  const Halide::Type acc = accumulatorType(spec.elementType);
  f.vectorWidth = target.natural_vector_size(acc);
  f.vectorRegisters = target.has_feature(Halide::Target::AVX512) ||
                              (target.arch == Halide::Target::ARM &&
                               target.bits == 64)
                          ? 32
                          : 16;

  const int64_t rank = spec.spatialRank;
  const std::vector<int64_t> out = spec.outputSize();
  f.cinPerGroup = spec.inChannels / spec.groups;
  f.coutPerGroup = spec.outChannels / spec.groups;
  f.innerStride = spec.stride[rank - 1];
  f.innerOutputLength = out[rank - 1];
  if (!f.dynamicLength()) {
    f.positionsPerPhase =
        (f.innerOutputLength + f.innerStride - 1) / f.innerStride;
    f.vectorsPerPhase = (f.positionsPerPhase + f.vectorWidth - 1) / f.vectorWidth;
  }
  f.outerTasks = spec.batch;
  for (int64_t i = 0; i + 1 < rank; ++i)
    f.outerTasks = cappedProduct(
        f.outerTasks, isDynamicSize(out[i])
                          ? kDynamicSize
                          : (out[i] + spec.stride[i] - 1) / spec.stride[i]);
  for (int64_t i = 0; i < rank; ++i)
    f.phaseCount *= spec.stride[i];
  f.uniformPhaseTaps = canTreatPhasesAsVariable(spec);

  int64_t kernelTaps = 1;
  for (int64_t k : spec.kernelSize)
    kernelTaps *= k;
  f.flops = cappedProduct(cappedProduct(cappedProduct(2, spec.inChannels),
                                        f.coutPerGroup),
                          cappedProduct(spec.batch, kernelTaps));
  for (int64_t size : spec.inputSize)
    f.flops = cappedProduct(f.flops, size);
  f.weightBytes = spec.inChannels * f.coutPerGroup * kernelTaps *
                  halideType(spec.elementType).bytes();
  return f;
}

ConvTransposeSpec withInnerInputLength(ConvTransposeSpec spec,
                                        int64_t length) {
  spec.inputSize[spec.spatialRank - 1] = length;
  return spec;
}

} // namespace tconv::codegen
