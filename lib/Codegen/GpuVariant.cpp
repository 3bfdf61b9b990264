//===- GpuVariant.cpp - The GPU schedule as a variant ---------------------===//
//
// gpu-shared-tiles: GpuSchedule.h's schedule (shared-memory tiles, register
// blocks per thread) for OpenCL and CUDA targets; its parameters are
// GpuTiling's fields, its defaults chooseGpuTiling's.
//
//===----------------------------------------------------------------------===//

#include "GpuSchedule.h"
#include "KernelVariant.h"
#include "TilingParams.h"
#include "VariantParamNames.h"

namespace tconv::codegen {

namespace {

using namespace params;

const TilingFields<GpuTiling> &gpuTilingFields() {
  static const TilingFields<GpuTiling> fields = {
      {kThreadsQ, &GpuTiling::threadsQ},
      {kRegsQ, &GpuTiling::regsQ},
      {kThreadsC, &GpuTiling::threadsC},
      {kRegsC, &GpuTiling::regsC},
      {kCiChunk, &GpuTiling::ciChunk}};
  return fields;
}

class GpuSharedTilesVariant : public KernelVariant {
public:
  const char *name() const override { return "gpu-shared-tiles"; }

  bool forGpu() const override { return true; }
  bool supports(const ShapeFacts &f) const override { return f.gpu; }

  VariantParams defaultParams(const ShapeFacts &f) const override {
    return paramsOfTiling(chooseGpuTiling(f.spec), gpuTilingFields());
  }

  std::vector<ParamRange> parameterSpace(const ShapeFacts &f) const override {
    (void)f;
    return {{kThreadsQ, {8, 16, 32, 64}},
            {kRegsQ, {1, 2, 4}},
            {kThreadsC, {1, 2, 4, 8}},
            {kRegsC, {1, 2, 4, 8}},
            {kCiChunk, {1, 2, 4, 8, 16, 32}}};
  }

  Status checkParams(const ShapeFacts &f,
                     const VariantParams &params) const override {
    if (Status s = checkCommonParams(f, params); !s.ok())
      return s;
    const int64_t channels = params.at(kThreadsC) * params.at(kRegsC);
    if (f.coutPerGroup % channels != 0)
      return Status::error("threads_c x regs_c (" + std::to_string(channels) +
                           ") does not divide the output channels per group (" +
                           std::to_string(f.coutPerGroup) + ")");
    if (Status s = checkDivides(kCiChunk, params.at(kCiChunk),
                                "input channels per group", f.cinPerGroup);
        !s.ok())
      return s;
    if (params.at(kThreadsQ) * params.at(kThreadsC) > 1024)
      return Status::error(
          "threads_q x threads_c exceeds 1024 threads per block");
    return Status::success();
  }

  ConvTransposePipeline build(const ShapeFacts &f,
                               const VariantParams &params) const override {
    return buildGpuPipeline(
        f.spec, tilingOfParams(GpuTiling(), params, gpuTilingFields()));
  }
};

} // namespace

const KernelVariant &gpuSharedTilesVariant() {
  static const GpuSharedTilesVariant variant;
  return variant;
}

} // namespace tconv::codegen
