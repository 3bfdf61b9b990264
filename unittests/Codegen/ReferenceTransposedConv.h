//===- ReferenceTransposedConv.h - Naive oracle for tests -------*- C++ -*-===//
//
// The canonical transposed convolution written straight from its definition
// (docs/spec.md §0), as a scatter in plain loops: every input
// sample adds x * w to full[i*s + t*d], then the full output is cropped or
// extended by (padLo, padHi), the bias added, and trailingZeros hard zeros
// appended. Deliberately shares nothing with the code generator (no stride
// phases, not even ShapeArithmetic's length formulas), so the two can check
// each other. Plain C++ over std::vector, reusable by any test.
//
//===----------------------------------------------------------------------===//

#ifndef TCONV_UNITTESTS_CODEGEN_REFERENCETRANSPOSEDCONV_H
#define TCONV_UNITTESTS_CODEGEN_REFERENCETRANSPOSEDCONV_H

#include "tconv/Support/ShapeArithmetic.h"

#include <cassert>
#include <cmath>
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

  /// Length of the uncropped output of spatial dimension i (the definition's F).
  int64_t fullLength(size_t i) const {
    return (inputSize[i] - 1) * stride[i] + dilation[i] * (kernelSize[i] - 1) + 1;
  }
  /// Output length of spatial dimension i, trailing zeros included.
  int64_t outputLength(size_t i) const {
    return fullLength(i) - padding[i].padLo - padding[i].padHi +
           padding[i].trailingZeros;
  }
  std::vector<int64_t> outputSize() const {
    std::vector<int64_t> sizes;
    for (size_t i = 0; i < inputSize.size(); ++i)
      sizes.push_back(outputLength(i));
    return sizes;
  }
};

inline int64_t product(const std::vector<int64_t> &sizes) {
  int64_t result = 1;
  for (int64_t size : sizes)
    result *= size;
  return result;
}

/// The result and, per output element, the sum of |x * w| over its terms plus
/// |bias|: the scale a floating-point tolerance is relative to.
struct ReferenceResult {
  std::vector<double> values;
  std::vector<double> magnitudes;
};

/// y = conv_transpose(x, w) + b, computed in double. `bias` may be empty.
template <typename T>
ReferenceResult transposedConv(const ConvShape &shape,
                               const std::vector<T> &input,
                               const std::vector<T> &weight,
                               const std::vector<T> &bias) {
  // Pad the spatial rank to 3 with unit dimensions, outermost first.
  const size_t rank = shape.inputSize.size();
  assert(rank >= 1 && rank <= 3);
  int64_t L[3], K[3], S[3], D[3], F[3], O[3], lo[3], crop[3];
  for (size_t a = 0; a < 3; ++a) {
    bool real = a >= 3 - rank;
    size_t i = real ? a - (3 - rank) : 0;
    L[a] = real ? shape.inputSize[i] : 1;
    K[a] = real ? shape.kernelSize[i] : 1;
    S[a] = real ? shape.stride[i] : 1;
    D[a] = real ? shape.dilation[i] : 1;
    F[a] = real ? shape.fullLength(i) : 1;
    O[a] = real ? shape.outputLength(i) : 1;
    lo[a] = real ? shape.padding[i].padLo : 0;
    crop[a] = real ? O[a] - shape.padding[i].trailingZeros : 1;
  }
  const int64_t N = shape.batch, Cin = shape.inChannels,
                Cout = shape.outChannels, G = shape.groups;
  const int64_t cinG = Cin / G, coutG = Cout / G;
  assert(int64_t(input.size()) == N * Cin * L[0] * L[1] * L[2]);
  assert(int64_t(weight.size()) == Cin * coutG * K[0] * K[1] * K[2]);

  // Scatter into the full output.
  const int64_t fullPlane = F[0] * F[1] * F[2];
  std::vector<double> full(N * Cout * fullPlane, 0.0), fullAbs(full.size(), 0.0);
  for (int64_t n = 0; n < N; ++n)
    for (int64_t ci = 0; ci < Cin; ++ci)
      for (int64_t i0 = 0; i0 < L[0]; ++i0)
        for (int64_t i1 = 0; i1 < L[1]; ++i1)
          for (int64_t i2 = 0; i2 < L[2]; ++i2) {
            double x = double(input[(((n * Cin + ci) * L[0] + i0) * L[1] + i1) *
                                        L[2] + i2]);
            int64_t g = ci / cinG;
            for (int64_t col = 0; col < coutG; ++col) {
              int64_t co = g * coutG + col;
              for (int64_t t0 = 0; t0 < K[0]; ++t0)
                for (int64_t t1 = 0; t1 < K[1]; ++t1)
                  for (int64_t t2 = 0; t2 < K[2]; ++t2) {
                    double w = double(
                        weight[(((ci * coutG + col) * K[0] + t0) * K[1] + t1) *
                                   K[2] + t2]);
                    int64_t j0 = i0 * S[0] + t0 * D[0];
                    int64_t j1 = i1 * S[1] + t1 * D[1];
                    int64_t j2 = i2 * S[2] + t2 * D[2];
                    int64_t at = (n * Cout + co) * fullPlane +
                                 (j0 * F[1] + j1) * F[2] + j2;
                    full[at] += x * w;
                    fullAbs[at] += std::fabs(x * w);
                  }
            }
          }

  // Crop/extend, add the bias, append trailing zeros.
  ReferenceResult result;
  result.values.assign(N * Cout * O[0] * O[1] * O[2], 0.0);
  result.magnitudes.assign(result.values.size(), 0.0);
  for (int64_t n = 0; n < N; ++n)
    for (int64_t co = 0; co < Cout; ++co)
      for (int64_t m0 = 0; m0 < crop[0]; ++m0)
        for (int64_t m1 = 0; m1 < crop[1]; ++m1)
          for (int64_t m2 = 0; m2 < crop[2]; ++m2) {
            double b = bias.empty() ? 0.0 : double(bias[co]);
            double value = b, magnitude = std::fabs(b);
            int64_t j0 = m0 + lo[0], j1 = m1 + lo[1], j2 = m2 + lo[2];
            if (j0 >= 0 && j0 < F[0] && j1 >= 0 && j1 < F[1] && j2 >= 0 &&
                j2 < F[2]) {
              int64_t at = (n * Cout + co) * fullPlane + (j0 * F[1] + j1) * F[2] + j2;
              value += full[at];
              magnitude += fullAbs[at];
            }
            int64_t out = (((n * Cout + co) * O[0] + m0) * O[1] + m1) * O[2] + m2;
            result.values[out] = value;
            result.magnitudes[out] = magnitude;
          }
  return result;
}

} // namespace tconv::reference

#endif // TCONV_UNITTESTS_CODEGEN_REFERENCETRANSPOSEDCONV_H
