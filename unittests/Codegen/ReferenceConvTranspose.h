//===- ReferenceConvTranspose.h - Codegen tests' oracle ---------*- C++ -*-===//
//
// The shape a codegen test runs (in the codegen's own DimPadding, so that
// makeSpec can hand it to the code generator) and its adapter to the shared
// oracle, test/support/ConvTransposeOracle.h, which shares nothing with
// lib/ (no stride phases, not even ShapeArithmetic's length formulas), so the
// two check each other.
//
//===----------------------------------------------------------------------===//

#ifndef TCONV_UNITTESTS_CODEGEN_REFERENCECONVTRANSPOSE_H
#define TCONV_UNITTESTS_CODEGEN_REFERENCECONVTRANSPOSE_H

#include "ConvTransposeOracle.h"
#include "tconv/Support/ShapeArithmetic.h"

#include <cstdint>
#include <vector>

namespace tconv::reference {

/// Channels-first shapes; spatial vectors outermost first (1 to 3 entries).
///   input (N, Cin, S...)   weight (Cin, Cout/groups, K...)   bias (Cout)
struct ConvShape {
  int64_t batch = 1;
  int64_t inChannels = 1;
  int64_t outChannels = 1;
  int64_t groups = 1;
  std::vector<int64_t> inputSize, kernelSize, stride, dilation;
  std::vector<DimPadding> padding;

  /// The oracle's view of this shape (its own padding type, by value).
  oracle::Problem problem() const {
    oracle::Problem p;
    p.xShape = {batch, inChannels};
    p.xShape.insert(p.xShape.end(), inputSize.begin(), inputSize.end());
    p.wShape = {inChannels, outChannels / groups};
    p.wShape.insert(p.wShape.end(), kernelSize.begin(), kernelSize.end());
    p.groups = groups;
    p.stride = stride;
    p.dilation = dilation;
    for (const DimPadding &d : padding)
      p.padding.push_back({d.padLo, d.padHi, d.trailingZeros});
    return p;
  }
  /// Output spatial sizes, trailing zeros included (the oracle's arithmetic).
  std::vector<int64_t> outputSize() const {
    std::vector<int64_t> shape = problem().outputShape();
    return std::vector<int64_t>(shape.begin() + 2, shape.end());
  }
};

inline int64_t product(const std::vector<int64_t> &sizes) {
  int64_t result = 1;
  for (int64_t size : sizes)
    result *= size;
  return result;
}

/// y = conv_transpose(x, w) + b by the shared oracle, in double, with each
/// element's |terms| sum and term count. `bias` may be empty.
template <typename T>
oracle::Result convTranspose(const ConvShape &shape, const std::vector<T> &input,
                              const std::vector<T> &weight,
                              const std::vector<T> &bias) {
  return oracle::convTranspose(shape.problem(), input, weight, bias);
}

} // namespace tconv::reference

#endif // TCONV_UNITTESTS_CODEGEN_REFERENCECONVTRANSPOSE_H
