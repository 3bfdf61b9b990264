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

std::optional<OnnxAutoPad> parseOnnxAutoPad(std::string_view autoPad) {
  if (autoPad == "NOTSET")
    return OnnxAutoPad::NotSet;
  if (autoPad == "SAME_UPPER")
    return OnnxAutoPad::SameUpper;
  if (autoPad == "SAME_LOWER")
    return OnnxAutoPad::SameLower;
  if (autoPad == "VALID")
    return OnnxAutoPad::Valid;
  return std::nullopt;
}

bool onnxUsesTotalPadding(OnnxAutoPad mode, bool hasOutputShape) {
  return hasOutputShape || mode == OnnxAutoPad::SameUpper ||
         mode == OnnxAutoPad::SameLower;
}

std::optional<int64_t> onnxTotalPadding(int64_t inputLength, int64_t kernel,
                                        int64_t stride, int64_t dilation,
                                        int64_t outputPadding,
                                        std::optional<int64_t> outputShape) {
  if (!outputShape)
    // F + op - L*s = dk - s + op for every L.
    return add(sub(checkedDilatedKernelExtent(kernel, dilation), stride),
               outputPadding);
  assert(!isDynamicSize(inputLength) && "output_shape needs a static length");
  return sub(add(checkedFullTransposedLength(inputLength, kernel, stride,
                                             dilation),
                 outputPadding),
             *outputShape);
}

std::optional<DimPadding>
onnxDimPadding(OnnxAutoPad mode, int64_t inputLength, int64_t kernel,
               int64_t stride, int64_t dilation, int64_t padBegin,
               int64_t padEnd, int64_t outputPadding,
               std::optional<int64_t> outputShape) {
  if (!onnxUsesTotalPadding(mode, outputShape.has_value())) {
    // Explicit pads crop the full output; output_padding re-extends the end.
    if (mode == OnnxAutoPad::Valid)
      return DimPadding{0, -outputPadding, 0};
    std::optional<int64_t> hi = sub(padEnd, outputPadding);
    if (!hi)
      return std::nullopt;
    return DimPadding{padBegin, *hi, 0};
  }

  std::optional<int64_t> total = onnxTotalPadding(
      inputLength, kernel, stride, dilation, outputPadding, outputShape);
  if (!total)
    return std::nullopt;
  // onnxruntime's ComputeTotalPad clamps at 0: a target longer than the
  // output is reached by appending at the end (docs/spec.md §3.3, rows 30, 34).
  int64_t clamped = std::max<int64_t>(0, *total);
  // SAME_UPPER puts the odd element at the end; SAME_LOWER, NOTSET and VALID
  // at the start (spec text; onnxruntime PRs #12537 and #13311).
  int64_t lo = mode == OnnxAutoPad::SameUpper ? clamped / 2
                                               : clamped - clamped / 2;
  std::optional<int64_t> hi;
  if (outputShape)
    hi = sub(sub(checkedFullTransposedLength(inputLength, kernel, stride,
                                             dilation),
                 lo),
             *outputShape);
  else
    hi = sub(sub(clamped, lo), outputPadding);
  if (!hi)
    return std::nullopt;
  return DimPadding{lo, *hi, 0};
}

} // namespace tconv
