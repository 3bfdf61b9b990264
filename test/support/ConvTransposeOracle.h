//===- ConvTransposeOracle.h - The tests' independent oracle ----*- C++ -*-===//
//
// The one C++ oracle of the test tree, written from docs/spec.md alone and
// deliberately sharing nothing with lib/ (not even ShapeArithmetic.h), so
// that the compiler and its tests check each other:
//   * the flavor -> canonical (pad_lo, pad_hi, trailing zeros) mapping of
//     PyTorch, MindSpore (its 2-D hard zeros and 3-D (head, tail - op) rule
//     included) and ONNX (docs/spec.md §1, §2, §3, §4);
//   * the canonical transposed convolution as plain loops over its
//     definition (§0), in double, with the per-element sum of |terms| and
//     the term count the tolerance is relative to; as a scatter over the
//     whole output and as a gather of one element (for sampled checks);
//   * the tolerance formula.
// Plain C++17 over std::vector; used by unittests/, examples/run_examples.cpp
// and benchmarks/tconv_bench.cpp. test/support/tconv_oracle.py is its Python
// twin (mapping and tolerance).
//
//===----------------------------------------------------------------------===//

#ifndef TCONV_TEST_SUPPORT_CONVTRANSPOSEORACLE_H
#define TCONV_TEST_SUPPORT_CONVTRANSPOSEORACLE_H

#include <algorithm>
#include <cassert>
#include <cmath>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace tconv::oracle {

//===----------------------------------------------------------------------===//
// Lengths and the canonical padding of each flavor
//===----------------------------------------------------------------------===//

/// One spatial dimension of the canonical form (§0): crop pad_lo / pad_hi
/// positions of the full output (a negative value extends it with positions
/// that hold only the bias), then append trailingZeros hard zeros after the
/// bias (MindSpore 2-D's output_padding only).
struct DimPadding {
  int64_t padLo = 0, padHi = 0, trailingZeros = 0;
  bool operator==(const DimPadding &o) const {
    return padLo == o.padLo && padHi == o.padHi && trailingZeros == o.trailingZeros;
  }
};

inline int64_t dilatedKernel(int64_t k, int64_t d) { return d * (k - 1) + 1; }

/// F = (L-1)*s + d*(k-1) + 1, the uncropped output length.
inline int64_t fullLength(int64_t L, int64_t k, int64_t s, int64_t d) {
  return (L - 1) * s + dilatedKernel(k, d);
}

/// Output length, trailing zeros included.
inline int64_t outputLength(int64_t L, int64_t k, int64_t s, int64_t d,
                            const DimPadding &p) {
  return fullLength(L, k, s, d) - p.padLo - p.padHi + p.trailingZeros;
}

/// PyTorch padding=p, output_padding=op (§4.2): p cropped at both ends,
/// op re-extends the end.
inline DimPadding torchPadding(int64_t p, int64_t op) { return {p, p - op, 0}; }

/// MindSpore nn.Conv{1,2,3}dTranspose of spatial rank `rank` (§2.3-§2.5).
/// `begin`/`end` are the dimension's pad_mode="pad" values, `op` its
/// output_padding (0 when absent).
inline DimPadding mindSporePadding(const std::string &padMode, int rank,
                                   int64_t k, int64_t s, int64_t d,
                                   int64_t begin, int64_t end, int64_t op) {
  const int64_t excess = dilatedKernel(k, d) - s;
  if (padMode == "same") // odd element cropped at the end; dk < s: bias-only
    return excess >= 0 ? DimPadding{excess / 2, excess - excess / 2, 0}
                       : DimPadding{0, excess, 0}; // 3-D ignores op (§2.5)
  if (padMode == "valid") // length max(F, L*s)
    return {0, std::min<int64_t>(0, excess), 0};
  if (rank == 2) // Conv2dTranspose: op hard zeros appended after the bias
    return {begin, end, op};
  if (rank == 3) // Conv3DTranspose primitive: torch-like (head, tail - op)
    return {begin, end - op, 0};
  return {begin, end, 0}; // Conv1dTranspose has no output_padding
}

/// ONNX ConvTranspose as onnxruntime >= 1.14 runs it (§3.2, §3.3; docs/
/// semantics.md §2.3). `autoPad` is "NOTSET", "VALID", "SAME_UPPER" or
/// "SAME_LOWER"; `begin`/`end` the dimension's pads; `outputShape` the
/// dimension's output_shape value when the attribute is given.
inline DimPadding onnxPadding(const std::string &autoPad, int64_t L, int64_t k,
                              int64_t s, int64_t d, int64_t begin, int64_t end,
                              int64_t op,
                              std::optional<int64_t> outputShape = std::nullopt) {
  const int64_t F = fullLength(L, k, s, d);
  if (outputShape) {
    // T = max(0, F + op - O), split with the odd element at the end for
    // SAME_UPPER, at the start otherwise; a target past F + op appends
    // bias-only positions at the end.
    const int64_t O = *outputShape;
    const int64_t T = std::max<int64_t>(0, F + op - O);
    const int64_t lo = autoPad == "SAME_UPPER" ? T / 2 : T - T / 2;
    return {lo, F - lo - O, 0};
  }
  if (autoPad == "SAME_UPPER" || autoPad == "SAME_LOWER") {
    const int64_t T = std::max<int64_t>(0, dilatedKernel(k, d) - s + op);
    const int64_t lo = autoPad == "SAME_UPPER" ? T / 2 : T - T / 2;
    return {lo, T - lo - op, 0};
  }
  if (autoPad == "VALID")
    return {0, -op, 0};
  return {begin, end - op, 0}; // NOTSET
}

//===----------------------------------------------------------------------===//
// Element types and the tolerance
//===----------------------------------------------------------------------===//

enum class DType { F16, BF16, F32, F64 };

/// Unit roundoff of the type, 2^-(mantissa bits + 1).
inline double unitRoundoff(DType t) {
  switch (t) {
  case DType::F16: return std::ldexp(1.0, -11);
  case DType::BF16: return std::ldexp(1.0, -8);
  case DType::F32: return std::ldexp(1.0, -24);
  case DType::F64: return std::ldexp(1.0, -53);
  }
  return 0;
}

// Per output element y with exact value r (computed in double from the very
// values stored in the buffers), reduction size R (the number of x*w terms
// that land on it, at most (Cin/groups) * prod(k)) and A = |bias| + sum|x*w|:
//
//   f32, f64 (accumulated in the element type):
//     |y - r| <= (R + 2) * u * A + tiny
//   This is the classical a-priori bound gamma_{R+1} for a dot product of R
//   terms plus a bias summed in ANY order (each product rounds once, each of
//   the R additions once; FMA only removes roundings; Higham, "Accuracy and
//   Stability of Numerical Algorithms", 2nd ed., §3.1), so it holds for every
//   schedule, vectorization and reassociation the code generator may pick,
//   without being flaky. It is tight enough: dropping, duplicating or
//   misplacing a single term changes y by |x*w| ~ A/R, far above (R+2)uA for
//   the reduction sizes of the tests (R <= 256, u = 2^-24: 2^-16 A vs A/256).
//   f32: u = 2^-24; f64: u = 2^-53 (the reference's own double rounding adds
//   at most another (R+2)*2^-53*A, covered by the factor 2 below).
//
//   f16, bf16 (inputs and output in 16 bits, accumulated in f32 by the code
//   generator): the accumulation error is the f32 bound above, and storing
//   the result rounds once more, by at most half an ulp of the 16-bit type:
//   u16 * |r| (u16 = 2^-11 f16, 2^-8 bf16), plus the f16 subnormal spacing
//   2^-24 near zero. Accumulating in 16 bits instead would be off by up to
//   ~R*u16*A and fail this bound.
//
// `tiny` = 1e-300 keeps exact-zero comparisons (padding / trailing zeros /
// bias-only positions) exact in intent while tolerating -0.0.
inline double toleranceFor(DType t, double exact, double absSum, int64_t R) {
  const double f32u = std::ldexp(1.0, -24);
  const double f64u = std::ldexp(1.0, -53);
  switch (t) {
  case DType::F64:
    return 2.0 * double(R + 2) * f64u * absSum + 1e-300;
  case DType::F32:
    return double(R + 2) * f32u * absSum + 2.0 * double(R + 2) * f64u * absSum +
           1e-300;
  case DType::F16:
    return double(R + 2) * f32u * absSum + unitRoundoff(t) * std::fabs(exact) +
           std::ldexp(1.0, -24);
  case DType::BF16:
    return double(R + 2) * f32u * absSum + unitRoundoff(t) * std::fabs(exact) +
           1e-300;
  }
  return 0;
}

//===----------------------------------------------------------------------===//
// The canonical transposed convolution (docs/spec.md §0)
//===----------------------------------------------------------------------===//

/// The operands' layout: x (N, Cin, S...), w (Cin, Cout/groups, K...),
/// bias (Cout) or empty; spatial vectors outermost first, 1 to 3 entries.
struct Problem {
  std::vector<int64_t> xShape, wShape;
  int64_t groups = 1;
  std::vector<int64_t> stride, dilation;
  std::vector<DimPadding> padding;

  int rank() const { return int(xShape.size()) - 2; }
  /// (N, Cout, O...), trailing zeros included.
  std::vector<int64_t> outputShape() const {
    std::vector<int64_t> shape = {xShape[0], wShape[1] * groups};
    for (int i = 0; i < rank(); ++i)
      shape.push_back(outputLength(xShape[size_t(2 + i)], wShape[size_t(2 + i)],
                                   stride[size_t(i)], dilation[size_t(i)],
                                   padding[size_t(i)]));
    return shape;
  }
};

/// One output element: the exact value up to double rounding, |bias| +
/// sum |x*w| and the number of x*w terms.
struct Element {
  double value = 0, absSum = 0;
  int64_t terms = 0;
};

/// The whole output, dense, (N, Cout, O...) outermost first.
struct Result {
  std::vector<int64_t> shape;
  std::vector<double> value;
  std::vector<double> absSum;
  std::vector<int64_t> terms;
};

namespace detail {
/// The problem with its spatial rank padded to 3 by leading unit dimensions.
struct Padded3 {
  int64_t N, Cin, Cout, CinG, CoutG;
  int64_t L[3], K[3], S[3], D[3], F[3], Oc[3], O[3], lo[3];
};
inline Padded3 pad3(const Problem &p) {
  const int rank = p.rank();
  assert(rank >= 1 && rank <= 3);
  Padded3 r;
  r.N = p.xShape[0];
  r.Cin = p.xShape[1];
  r.CoutG = p.wShape[1];
  r.Cout = r.CoutG * p.groups;
  r.CinG = r.Cin / p.groups;
  for (int a = 0; a < 3; ++a) {
    const bool real = a >= 3 - rank;
    const size_t i = real ? size_t(a - (3 - rank)) : 0;
    r.L[a] = real ? p.xShape[2 + i] : 1;
    r.K[a] = real ? p.wShape[2 + i] : 1;
    r.S[a] = real ? p.stride[i] : 1;
    r.D[a] = real ? p.dilation[i] : 1;
    const DimPadding pad = real ? p.padding[i] : DimPadding{};
    r.F[a] = fullLength(r.L[a], r.K[a], r.S[a], r.D[a]);
    r.lo[a] = pad.padLo;
    r.Oc[a] = r.F[a] - pad.padLo - pad.padHi; // before the trailing zeros
    r.O[a] = r.Oc[a] + pad.trailingZeros;
  }
  return r;
}
} // namespace detail

/// The element (n, co, m...) of the output, gathered from the definition:
/// y[m] = bias + sum over ci in co's group and taps t with m + lo = i*s + t*d
/// of x[n, ci, i] * w[ci, co - g*Cout/groups, t]; bias only outside [0, F),
/// a hard zero past the cropped length. `at` = (n, co, m...).
template <typename T>
Element convTransposeAt(const Problem &p, const T *x, const T *w, const T *bias,
                         const std::vector<int64_t> &at) {
  const detail::Padded3 q = detail::pad3(p);
  const int rank = p.rank();
  const int64_t n = at[0], co = at[1];
  int64_t m[3] = {0, 0, 0};
  for (int i = 0; i < rank; ++i)
    m[3 - rank + i] = at[size_t(2 + i)];
  Element e;
  for (int a = 0; a < 3; ++a)
    if (m[a] >= q.Oc[a])
      return e; // hard zero appended after the bias (MindSpore 2-D)
  const double b = bias ? double(bias[co]) : 0.0;
  e.value = b;
  e.absSum = std::fabs(b);
  const int64_t g = co / q.CoutG, col = co % q.CoutG;
  for (int64_t ci = g * q.CinG; ci < (g + 1) * q.CinG; ++ci)
    for (int64_t t0 = 0; t0 < q.K[0]; ++t0)
      for (int64_t t1 = 0; t1 < q.K[1]; ++t1)
        for (int64_t t2 = 0; t2 < q.K[2]; ++t2) {
          const int64_t t[3] = {t0, t1, t2};
          int64_t i[3];
          bool hit = true;
          for (int a = 0; a < 3 && hit; ++a) {
            const int64_t j = m[a] + q.lo[a] - t[a] * q.D[a];
            hit = j >= 0 && j % q.S[a] == 0 && j / q.S[a] < q.L[a];
            i[a] = hit ? j / q.S[a] : 0;
          }
          if (!hit)
            continue;
          const double xv = double(
              x[(((n * q.Cin + ci) * q.L[0] + i[0]) * q.L[1] + i[1]) * q.L[2] + i[2]]);
          const double wv = double(
              w[(((ci * q.CoutG + col) * q.K[0] + t0) * q.K[1] + t1) * q.K[2] + t2]);
          e.value += xv * wv;
          e.absSum += std::fabs(xv * wv);
          ++e.terms;
        }
  return e;
}

/// The whole output, as a scatter over the definition: every input sample
/// adds x * w to full[i*s + t*d]; then the full output is cropped or
/// extended by (pad_lo, pad_hi), the bias added, and the trailing zeros
/// appended. `bias` may be empty.
template <typename T>
Result convTranspose(const Problem &p, const std::vector<T> &x,
                      const std::vector<T> &w, const std::vector<T> &bias) {
  const detail::Padded3 q = detail::pad3(p);
  const int64_t N = q.N, Cin = q.Cin, Cout = q.Cout;
  const int64_t *L = q.L, *K = q.K, *S = q.S, *D = q.D, *F = q.F;
  assert(int64_t(x.size()) == N * Cin * L[0] * L[1] * L[2]);
  assert(int64_t(w.size()) == Cin * q.CoutG * K[0] * K[1] * K[2]);
  assert(bias.empty() || int64_t(bias.size()) == Cout);

  // 1. The full output, its |terms| and term counts.
  const int64_t fullPlane = F[0] * F[1] * F[2];
  const size_t fullSize = size_t(N * Cout * fullPlane);
  std::vector<double> full(fullSize, 0.0), fullAbs(fullSize, 0.0);
  std::vector<int64_t> fullTerms(fullSize, 0);
  for (int64_t n = 0; n < N; ++n)
    for (int64_t ci = 0; ci < Cin; ++ci) {
      const int64_t g = ci / q.CinG;
      for (int64_t i0 = 0; i0 < L[0]; ++i0)
        for (int64_t i1 = 0; i1 < L[1]; ++i1)
          for (int64_t i2 = 0; i2 < L[2]; ++i2) {
            const double xv = double(
                x[size_t((((n * Cin + ci) * L[0] + i0) * L[1] + i1) * L[2] + i2)]);
            for (int64_t col = 0; col < q.CoutG; ++col) {
              const int64_t co = g * q.CoutG + col;
              for (int64_t t0 = 0; t0 < K[0]; ++t0)
                for (int64_t t1 = 0; t1 < K[1]; ++t1)
                  for (int64_t t2 = 0; t2 < K[2]; ++t2) {
                    const double wv = double(
                        w[size_t((((ci * q.CoutG + col) * K[0] + t0) * K[1] + t1) *
                                     K[2] + t2)]);
                    const int64_t j0 = i0 * S[0] + t0 * D[0];
                    const int64_t j1 = i1 * S[1] + t1 * D[1];
                    const int64_t j2 = i2 * S[2] + t2 * D[2];
                    const size_t at = size_t((n * Cout + co) * fullPlane +
                                             (j0 * F[1] + j1) * F[2] + j2);
                    full[at] += xv * wv;
                    fullAbs[at] += std::fabs(xv * wv);
                    fullTerms[at] += 1;
                  }
            }
          }
    }

  // 2. Crop / extend, bias, trailing zeros.
  Result r;
  r.shape = p.outputShape();
  const int64_t *O = q.O, *Oc = q.Oc, *lo = q.lo;
  const size_t outSize = size_t(N * Cout * O[0] * O[1] * O[2]);
  r.value.assign(outSize, 0.0);
  r.absSum.assign(outSize, 0.0);
  r.terms.assign(outSize, 0);
  for (int64_t n = 0; n < N; ++n)
    for (int64_t co = 0; co < Cout; ++co)
      for (int64_t m0 = 0; m0 < Oc[0]; ++m0)
        for (int64_t m1 = 0; m1 < Oc[1]; ++m1)
          for (int64_t m2 = 0; m2 < Oc[2]; ++m2) {
            const double b = bias.empty() ? 0.0 : double(bias[size_t(co)]);
            double v = b, a = std::fabs(b);
            int64_t count = 0;
            const int64_t j0 = m0 + lo[0], j1 = m1 + lo[1], j2 = m2 + lo[2];
            if (j0 >= 0 && j0 < F[0] && j1 >= 0 && j1 < F[1] && j2 >= 0 &&
                j2 < F[2]) {
              const size_t f = size_t((n * Cout + co) * fullPlane +
                                      (j0 * F[1] + j1) * F[2] + j2);
              v += full[f];
              a += fullAbs[f];
              count = fullTerms[f];
            }
            const size_t out =
                size_t((((n * Cout + co) * O[0] + m0) * O[1] + m1) * O[2] + m2);
            r.value[out] = v;
            r.absSum[out] = a;
            r.terms[out] = count;
          }
  return r;
}

} // namespace tconv::oracle

#endif // TCONV_TEST_SUPPORT_CONVTRANSPOSEORACLE_H
