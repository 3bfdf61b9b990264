//===- ShapeArithmetic.cpp - Padding and length arithmetic of tconv -------===//

#include "tconv/Support/ShapeArithmetic.h"

#include <algorithm>

namespace tconv {

int64_t dilatedKernelExtent(int64_t kernel, int64_t dilation) {
  return dilation * (kernel - 1) + 1;
}

int64_t fullTransposedLength(int64_t inputLength, int64_t kernel, int64_t stride,
                             int64_t dilation) {
  if (isDynamicSize(inputLength))
    return kDynamicSize;
  return (inputLength - 1) * stride + dilatedKernelExtent(kernel, dilation);
}

int64_t transposedOutputLength(int64_t inputLength, int64_t kernel,
                               int64_t stride, int64_t dilation,
                               const DimPadding &padding) {
  int64_t full = fullTransposedLength(inputLength, kernel, stride, dilation);
  if (isDynamicSize(full))
    return kDynamicSize;
  return full - padding.padLo - padding.padHi + padding.trailingZeros;
}

int64_t outputPaddingLimit(int64_t stride, int64_t dilation) {
  return std::max(stride, dilation);
}

DimPadding torchDimPadding(int64_t padding, int64_t outputPadding) {
  return {padding, padding - outputPadding, 0};
}

std::optional<MsPadMode> parseMsPadMode(std::string_view padMode) {
  if (padMode == "same")
    return MsPadMode::Same;
  if (padMode == "valid")
    return MsPadMode::Valid;
  if (padMode == "pad")
    return MsPadMode::Pad;
  return std::nullopt;
}

DimPadding msDimPadding(MsPadMode mode, int64_t spatialRank, int64_t kernel,
                        int64_t stride, int64_t dilation, int64_t padBegin,
                        int64_t padEnd, int64_t outputPadding) {
  int64_t excess = dilatedKernelExtent(kernel, dilation) - stride;
  switch (mode) {
  case MsPadMode::Same:
    // SetPadList: need = max(0, dk - s), the odd element cropped at the end.
    // When dk < s the requested length L*s exceeds F by s - dk: those
    // positions come last and hold only the bias, i.e. a negative pad_hi.
    if (excess >= 0)
      return {excess / 2, excess - excess / 2, 0};
    return {0, excess, 0};
  case MsPadMode::Valid:
    // Length L*s + max(dk - s, 0) = max(F, L*s): nothing cropped, and the
    // dk < s case extends the end exactly as "same" does.
    return {0, std::min<int64_t>(0, excess), 0};
  case MsPadMode::Pad:
    if (spatialRank == 3)
      return {padBegin, padEnd - outputPadding, 0};
    if (spatialRank == 2)
      return {padBegin, padEnd, outputPadding};
    return {padBegin, padEnd, 0};
  }
  return {};
}

} // namespace tconv
