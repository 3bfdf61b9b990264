//===- ShapeArithmetic.cpp - Padding and length arithmetic of tconv -------===//

#include "tconv/Support/ShapeArithmetic.h"

#include <algorithm>
#include <cassert>

namespace tconv {

// Overflow-checked int64_t arithmetic (GCC and Clang builtins).
static std::optional<int64_t> add(std::optional<int64_t> a,
                                  std::optional<int64_t> b) {
  int64_t r;
  if (!a || !b || __builtin_add_overflow(*a, *b, &r))
    return std::nullopt;
  return r;
}
static std::optional<int64_t> sub(std::optional<int64_t> a,
                                  std::optional<int64_t> b) {
  int64_t r;
  if (!a || !b || __builtin_sub_overflow(*a, *b, &r))
    return std::nullopt;
  return r;
}
static std::optional<int64_t> mul(std::optional<int64_t> a,
                                  std::optional<int64_t> b) {
  int64_t r;
  if (!a || !b || __builtin_mul_overflow(*a, *b, &r))
    return std::nullopt;
  return r;
}

std::optional<int64_t> checkedDilatedKernelExtent(int64_t kernel,
                                                  int64_t dilation) {
  return add(mul(dilation, sub(kernel, 1)), 1);
}

std::optional<int64_t> checkedFullTransposedLength(int64_t inputLength,
                                                   int64_t kernel,
                                                   int64_t stride,
                                                   int64_t dilation) {
  if (isDynamicSize(inputLength))
    return kDynamicSize;
  std::optional<int64_t> full =
      add(mul(sub(inputLength, 1), stride),
          checkedDilatedKernelExtent(kernel, dilation));
  // kDynamicSize is INT64_MIN: a length equal to it is not representable.
  if (full && isDynamicSize(*full))
    return std::nullopt;
  return full;
}

std::optional<int64_t> checkedTransposedOutputLength(int64_t inputLength,
                                                     int64_t kernel,
                                                     int64_t stride,
                                                     int64_t dilation,
                                                     const DimPadding &padding) {
  std::optional<int64_t> full =
      checkedFullTransposedLength(inputLength, kernel, stride, dilation);
  if (full && isDynamicSize(*full))
    return kDynamicSize;
  std::optional<int64_t> length =
      add(sub(sub(full, padding.padLo), padding.padHi), padding.trailingZeros);
  if (length && isDynamicSize(*length))
    return std::nullopt;
  return length;
}

int64_t dilatedKernelExtent(int64_t kernel, int64_t dilation) {
  std::optional<int64_t> extent = checkedDilatedKernelExtent(kernel, dilation);
  assert(extent && "int64_t overflow: the verifier rejects this kernel");
  return *extent;
}

int64_t fullTransposedLength(int64_t inputLength, int64_t kernel, int64_t stride,
                             int64_t dilation) {
  std::optional<int64_t> full =
      checkedFullTransposedLength(inputLength, kernel, stride, dilation);
  assert(full && "int64_t overflow: the verifier rejects this configuration");
  return *full;
}

int64_t transposedOutputLength(int64_t inputLength, int64_t kernel,
                               int64_t stride, int64_t dilation,
                               const DimPadding &padding) {
  std::optional<int64_t> length = checkedTransposedOutputLength(
      inputLength, kernel, stride, dilation, padding);
  assert(length && "int64_t overflow: the verifier rejects this configuration");
  return *length;
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
