//===- NaiveReference.h - Independent oracle for the runtime tests -*- C++ -*-===//
//
// Everything the runtime tests compare the compiled kernels against, written
// in the test tree from docs/spec.md alone:
//   * the flavor -> canonical (pad_lo, pad_hi, trailing zeros) mapping
//     (docs/spec.md §1, §2, §4), deliberately NOT ShapeArithmetic.h;
//   * the canonical transposed convolution as plain loops over its
//     definition (§0): scatter x*w into the full output, crop/extend, add the
//     bias, append MindSpore 2-D's hard zeros; in double, together with the
//     per-element sum of |terms| that the tolerance is relative to;
//   * f16 / bf16 rounding, dense halide_buffer_t storage, the tolerance.
//
//===----------------------------------------------------------------------===//

#ifndef TCONV_UNITTESTS_RUNTIME_NAIVEREFERENCE_H
#define TCONV_UNITTESTS_RUNTIME_NAIVEREFERENCE_H

#include "HalideRuntime.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <random>
#include <string>
#include <vector>

namespace tconv_rt {

enum class Flavor { Torch, MindSpore };
enum class DType { F16, BF16, F32, F64 };

using Kernel3 = int (*)(halide_buffer_t *, halide_buffer_t *, halide_buffer_t *);
using Kernel4 = int (*)(halide_buffer_t *, halide_buffer_t *, halide_buffer_t *,
                        halide_buffer_t *);

/// One row of runtime_cases.py (generated runtime_cases.inc). Spatial vectors
/// are in MLIR order (outermost first); -1 marks a dynamic size.
struct KernelCase {
  const char *name;
  Flavor flavor;
  const char *padMode; // MindSpore only: "same", "valid", "pad"
  DType dtype;
  bool hasBias;
  int64_t batch;
  int64_t cin, cout, groups;
  std::vector<int64_t> inputSize, kernel, stride, dilation;
  std::vector<int64_t> padding;       // as written (torch: per dim; ms: per dim or pairs)
  std::vector<int64_t> outputPadding; // as written, empty when absent
  std::vector<int64_t> declaredOutputSize; // the MLIR result type's spatial sizes
  std::vector<std::vector<int64_t>> calls; // (N, S0, ...) to run with
  Kernel3 fn3; // without bias
  Kernel4 fn4; // with bias
  bool torchCheck;

  int rank() const { return int(inputSize.size()); }
};

inline const char *dtypeName(DType t) {
  switch (t) {
  case DType::F16: return "f16";
  case DType::BF16: return "bf16";
  case DType::F32: return "f32";
  case DType::F64: return "f64";
  }
  return "?";
}

//===----------------------------------------------------------------------===//
// Flavor -> canonical padding (docs/spec.md §1, §2, §4)
//===----------------------------------------------------------------------===//

struct CanonicalDim {
  int64_t padLo = 0, padHi = 0, trailingZeros = 0;
};

inline std::vector<CanonicalDim> canonicalPadding(const KernelCase &c) {
  const int rank = c.rank();
  std::vector<CanonicalDim> result(rank);
  for (int i = 0; i < rank; ++i) {
    const int64_t k = c.kernel[i], s = c.stride[i], d = c.dilation[i];
    const int64_t dk = d * (k - 1) + 1;
    const int64_t op = c.outputPadding.empty() ? 0 : c.outputPadding[i];
    CanonicalDim &r = result[i];
    if (c.flavor == Flavor::Torch) {
      // §4.2: padding crops p at both ends, output_padding re-extends the end.
      const int64_t p = c.padding.empty() ? 0 : c.padding[i];
      r = {p, p - op, 0};
      continue;
    }
    const std::string mode = c.padMode;
    if (mode == "same") {
      // §2.3: need = max(0, dk - s), odd element cropped at the end; dk < s
      // leaves s - dk bias-only positions at the end. 3-D drops op (§2.5).
      r = dk >= s ? CanonicalDim{(dk - s) / 2, dk - s - (dk - s) / 2, 0}
                  : CanonicalDim{0, dk - s, 0};
    } else if (mode == "valid") {
      // §2.2/§2.3: pad_list 0, length max(F, L*s).
      r = {0, std::min<int64_t>(0, dk - s), 0};
    } else {
      // §2.1: (begin, end) pairs in MindSpore's order (top, bottom, left,
      // right) / (head, tail, top, bottom, left, right), or one per dim.
      int64_t lo = 0, hi = 0;
      if (c.padding.size() == size_t(2 * rank)) {
        lo = c.padding[2 * i];
        hi = c.padding[2 * i + 1];
      } else if (!c.padding.empty()) {
        lo = hi = c.padding[i];
      }
      if (rank == 2)
        r = {lo, hi, op}; // §2.4: op hard zeros appended after the bias
      else if (rank == 3)
        r = {lo, hi - op, 0}; // §2.5: the primitive's torch-like (head, tail - op)
      else
        r = {lo, hi, 0}; // Conv1dTranspose has no output_padding
    }
  }
  return result;
}

inline int64_t fullLength(int64_t L, int64_t k, int64_t s, int64_t d) {
  return (L - 1) * s + d * (k - 1) + 1;
}

/// Output spatial sizes for input spatial sizes `in` (MLIR order).
inline std::vector<int64_t> outputSizeFor(const KernelCase &c,
                                          const std::vector<int64_t> &in) {
  std::vector<CanonicalDim> pads = canonicalPadding(c);
  std::vector<int64_t> out;
  for (int i = 0; i < c.rank(); ++i)
    out.push_back(fullLength(in[i], c.kernel[i], c.stride[i], c.dilation[i]) -
                  pads[i].padLo - pads[i].padHi + pads[i].trailingZeros);
  return out;
}

//===----------------------------------------------------------------------===//
// Element types
//===----------------------------------------------------------------------===//

inline uint16_t f32ToF16Bits(float f) {
  uint32_t x;
  std::memcpy(&x, &f, 4);
  const uint32_t sign = (x >> 16) & 0x8000u;
  const uint32_t absx = x & 0x7fffffffu;
  if (absx >= 0x7f800000u) // inf / nan
    return uint16_t(sign | 0x7c00u | (absx > 0x7f800000u ? 0x200u : 0));
  const int exp = int(absx >> 23) - 127;
  if (exp > 15)
    return uint16_t(sign | 0x7c00u);
  uint32_t mant = (absx & 0x7fffffu) | 0x800000u; // 24 bits with hidden one
  int shift;                                      // bits to drop
  uint32_t e16;
  if (exp >= -14) {
    shift = 13;
    e16 = uint32_t(exp + 15);
  } else {
    shift = 13 + (-14 - exp);
    e16 = 0;
    if (shift > 24)
      return uint16_t(sign);
  }
  uint32_t kept = mant >> shift;
  const uint32_t rest = mant & ((1u << shift) - 1);
  const uint32_t half = 1u << (shift - 1);
  if (rest > half || (rest == half && (kept & 1)))
    ++kept; // may carry into the exponent, which is the right result
  uint32_t bits = e16 == 0 ? kept : ((e16 << 10) + (kept - 0x400u));
  return uint16_t(sign | bits);
}

inline float f16BitsToF32(uint16_t h) {
  const uint32_t sign = uint32_t(h & 0x8000u) << 16;
  const int e = (h >> 10) & 0x1f;
  const uint32_t m = h & 0x3ffu;
  float v;
  if (e == 0)
    v = std::ldexp(float(m), -24);
  else if (e == 31)
    v = m ? NAN : INFINITY;
  else
    v = std::ldexp(float(m | 0x400u), e - 25);
  uint32_t bits;
  std::memcpy(&bits, &v, 4);
  bits |= sign;
  std::memcpy(&v, &bits, 4);
  return v;
}

inline uint16_t f32ToBF16Bits(float f) {
  uint32_t x;
  std::memcpy(&x, &f, 4);
  if ((x & 0x7fffffffu) > 0x7f800000u)
    return uint16_t((x >> 16) | 0x40u);
  x += 0x7fffu + ((x >> 16) & 1u); // round to nearest even
  return uint16_t(x >> 16);
}

inline float bf16BitsToF32(uint16_t b) {
  uint32_t x = uint32_t(b) << 16;
  float f;
  std::memcpy(&f, &x, 4);
  return f;
}

inline size_t dtypeBytes(DType t) {
  return t == DType::F64 ? 8 : t == DType::F32 ? 4 : 2;
}

inline halide_type_t halideType(DType t) {
  switch (t) {
  case DType::F16: return halide_type_t(halide_type_float, 16);
  case DType::BF16: return halide_type_t(halide_type_bfloat, 16);
  case DType::F32: return halide_type_t(halide_type_float, 32);
  case DType::F64: return halide_type_t(halide_type_float, 64);
  }
  return halide_type_t(halide_type_float, 32);
}

/// The value `v` becomes when stored in `t` (round to nearest even).
inline double roundTo(DType t, double v) {
  switch (t) {
  case DType::F16: return f16BitsToF32(f32ToF16Bits(float(v)));
  case DType::BF16: return bf16BitsToF32(f32ToBF16Bits(float(v)));
  case DType::F32: return double(float(v));
  case DType::F64: return v;
  }
  return v;
}

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

//===----------------------------------------------------------------------===//
// Tolerance
//===----------------------------------------------------------------------===//
//
// Per output element y with exact value r (computed in double from the very
// values stored in the buffers), reduction size R (the number of x*w terms
// that land on it, at most (Cin/groups) * prod(k)) and A = |bias| + sum|x*w|:
//
//   f32, f64 (accumulated in the element type):
//     |y - r| <= (R + 2) * u * A + tiny
//   This is the classical a-priori bound gamma_{R+1} for a dot product of R
//   terms plus a bias summed in ANY order (each product rounds once, each of
//   the R additions once; FMA only removes roundings), so it holds for every
//   schedule, vectorization and reassociation the code generator may pick,
//   without being flaky. It is tight enough: dropping, duplicating or
//   misplacing a single term changes y by |x*w| ~ A/R, far above (R+2)uA for
//   the reduction sizes here (R <= 256, u = 2^-24: 2^-16 A vs A/256).
//   f32: u = 2^-24; f64: u = 2^-53 (the reference's own double rounding adds
//   at most another (R+2)*2^-53*A, covered by the factor 2 below).
//
//   f16, bf16 (inputs and output in 16 bits, accumulated in f32 by the code
//   generator, see accumulatorType in lib/Codegen): the accumulation error is
//   the f32 bound above, and storing the result rounds once more, by at most
//   half an ulp of the 16-bit type: u16 * |r| (u16 = 2^-11 f16, 2^-8 bf16),
//   plus the f16 subnormal spacing 2^-24 near zero. Accumulating in 16 bits
//   instead would be off by up to ~R*u16*A and fail this bound.
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
// Dense tensors and halide_buffer_t
//===----------------------------------------------------------------------===//

/// A dense tensor of `dtype` in MLIR shape order (outermost first), owning its
/// storage, with a halide_buffer_t view (dim 0 innermost).
class HostTensor {
public:
  HostTensor() = default;
  HostTensor(DType dtype, std::vector<int64_t> shape)
      : dtype_(dtype), shape_(std::move(shape)) {
    int64_t n = 1;
    for (int64_t e : shape_)
      n *= e;
    storage_.assign(size_t(n) * dtypeBytes(dtype), 0);
    rebuildBuffer();
  }
  HostTensor(const HostTensor &other)
      : dtype_(other.dtype_), shape_(other.shape_), storage_(other.storage_) {
    rebuildBuffer();
  }
  HostTensor &operator=(const HostTensor &other) {
    dtype_ = other.dtype_;
    shape_ = other.shape_;
    storage_ = other.storage_;
    rebuildBuffer();
    return *this;
  }

  DType dtype() const { return dtype_; }
  const std::vector<int64_t> &shape() const { return shape_; }
  int64_t size() const { return int64_t(storage_.size() / dtypeBytes(dtype_)); }
  halide_buffer_t *buffer() { return &buffer_; }
  uint8_t *data() { return storage_.data(); }

  double get(int64_t i) const {
    const uint8_t *p = storage_.data() + size_t(i) * dtypeBytes(dtype_);
    switch (dtype_) {
    case DType::F64: { double v; std::memcpy(&v, p, 8); return v; }
    case DType::F32: { float v; std::memcpy(&v, p, 4); return v; }
    case DType::F16: { uint16_t v; std::memcpy(&v, p, 2); return f16BitsToF32(v); }
    case DType::BF16: { uint16_t v; std::memcpy(&v, p, 2); return bf16BitsToF32(v); }
    }
    return 0;
  }
  /// Stores `v` rounded to the element type.
  void set(int64_t i, double v) {
    uint8_t *p = storage_.data() + size_t(i) * dtypeBytes(dtype_);
    switch (dtype_) {
    case DType::F64: std::memcpy(p, &v, 8); break;
    case DType::F32: { float f = float(v); std::memcpy(p, &f, 4); break; }
    case DType::F16: { uint16_t h = f32ToF16Bits(float(v)); std::memcpy(p, &h, 2); break; }
    case DType::BF16: { uint16_t h = f32ToBF16Bits(float(v)); std::memcpy(p, &h, 2); break; }
    }
  }
  std::vector<double> values() const {
    std::vector<double> v(static_cast<size_t>(size()));
    for (int64_t i = 0; i < size(); ++i)
      v[size_t(i)] = get(i);
    return v;
  }
  void fillUniform(std::mt19937_64 &rng, double lo = -1, double hi = 1) {
    std::uniform_real_distribution<double> dist(lo, hi);
    for (int64_t i = 0; i < size(); ++i)
      set(i, dist(rng));
  }
  void fill(double v) {
    for (int64_t i = 0; i < size(); ++i)
      set(i, v);
  }
  /// Direct access for the bad-buffer tests.
  halide_dimension_t *dims() { return dims_.data(); }

private:
  void rebuildBuffer() {
    const int rank = int(shape_.size());
    dims_.assign(size_t(rank), halide_dimension_t());
    int32_t stride = 1;
    for (int d = 0; d < rank; ++d) { // Halide dim d = MLIR dim rank-1-d
      dims_[size_t(d)].min = 0;
      dims_[size_t(d)].extent = int32_t(shape_[size_t(rank - 1 - d)]);
      dims_[size_t(d)].stride = stride;
      dims_[size_t(d)].flags = 0;
      stride *= dims_[size_t(d)].extent;
    }
    std::memset(&buffer_, 0, sizeof(buffer_));
    buffer_.host = storage_.empty() ? nullptr : storage_.data();
    buffer_.type = halideType(dtype_);
    buffer_.dimensions = rank;
    buffer_.dim = dims_.data();
  }

  DType dtype_ = DType::F32;
  std::vector<int64_t> shape_;
  std::vector<uint8_t> storage_;
  std::vector<halide_dimension_t> dims_;
  halide_buffer_t buffer_{};
};

//===----------------------------------------------------------------------===//
// The naive canonical transposed convolution (docs/spec.md §0)
//===----------------------------------------------------------------------===//

struct ReferenceResult {
  std::vector<int64_t> shape;   // (N, Cout, O...)
  std::vector<double> value;    // exact up to double rounding
  std::vector<double> absSum;   // |bias| + sum |x*w| per element
  std::vector<int64_t> terms;   // number of x*w terms per element
};

/// x: (N, Cin, S...), w: (Cin, Cout/g, K...), bias: (Cout) or empty. Spatial
/// parameters and `pads` in MLIR order. Plain scatter over the definition:
/// full[n, co, j] += x[n, ci, i] * w[ci, co - gi*Cout/g, t] for j = i*s + t*d,
/// then y[m] = bias + full[m + lo] inside [0, F), bias only outside, and
/// trailing zeros past the canonical output.
inline ReferenceResult naiveTransposedConv(
    const std::vector<double> &x, const std::vector<int64_t> &xShape,
    const std::vector<double> &w, const std::vector<int64_t> &wShape,
    const std::vector<double> &bias, int64_t groups,
    const std::vector<int64_t> &stride, const std::vector<int64_t> &dilation,
    const std::vector<CanonicalDim> &pads) {
  const int rank = int(xShape.size()) - 2;
  assert(rank >= 1 && rank <= 3);
  // Pad everything to 3 spatial dims (leading dims of extent 1).
  auto spatial3 = [&](const std::vector<int64_t> &v, int64_t fill) {
    std::vector<int64_t> r(3, fill);
    for (int i = 0; i < rank; ++i)
      r[size_t(3 - rank + i)] = v[size_t(i)];
    return r;
  };
  const int64_t N = xShape[0], Cin = xShape[1], CoutG = wShape[1];
  const int64_t Cout = CoutG * groups, CinG = Cin / groups;
  std::vector<int64_t> L = spatial3({xShape.begin() + 2, xShape.end()}, 1);
  std::vector<int64_t> K = spatial3({wShape.begin() + 2, wShape.end()}, 1);
  std::vector<int64_t> S = spatial3(stride, 1), D = spatial3(dilation, 1);
  std::vector<CanonicalDim> P(3);
  for (int i = 0; i < rank; ++i)
    P[size_t(3 - rank + i)] = pads[size_t(i)];
  std::vector<int64_t> F(3), O(3), Oc(3);
  for (int i = 0; i < 3; ++i) {
    F[i] = (L[i] - 1) * S[i] + D[i] * (K[i] - 1) + 1;
    Oc[i] = F[i] - P[i].padLo - P[i].padHi; // canonical output (no zeros)
    O[i] = Oc[i] + P[i].trailingZeros;
  }
  // 1. full output, its |terms| and term counts.
  const int64_t fullSize = N * Cout * F[0] * F[1] * F[2];
  std::vector<double> full(size_t(fullSize), 0.0), fullAbs(size_t(fullSize), 0.0);
  std::vector<int64_t> fullTerms(size_t(fullSize), 0);
  for (int64_t n = 0; n < N; ++n)
    for (int64_t ci = 0; ci < Cin; ++ci) {
      const int64_t gi = ci / CinG;
      for (int64_t i0 = 0; i0 < L[0]; ++i0)
        for (int64_t i1 = 0; i1 < L[1]; ++i1)
          for (int64_t i2 = 0; i2 < L[2]; ++i2) {
            const double xv =
                x[size_t(((n * Cin + ci) * L[0] + i0) * L[1] * L[2] + i1 * L[2] + i2)];
            for (int64_t cog = 0; cog < CoutG; ++cog) {
              const int64_t co = gi * CoutG + cog;
              for (int64_t t0 = 0; t0 < K[0]; ++t0)
                for (int64_t t1 = 0; t1 < K[1]; ++t1)
                  for (int64_t t2 = 0; t2 < K[2]; ++t2) {
                    const double wv = w[size_t(((ci * CoutG + cog) * K[0] + t0) *
                                                   K[1] * K[2] +
                                               t1 * K[2] + t2)];
                    const int64_t j0 = i0 * S[0] + t0 * D[0];
                    const int64_t j1 = i1 * S[1] + t1 * D[1];
                    const int64_t j2 = i2 * S[2] + t2 * D[2];
                    const size_t at = size_t(((n * Cout + co) * F[0] + j0) * F[1] * F[2] +
                                             j1 * F[2] + j2);
                    full[at] += xv * wv;
                    fullAbs[at] += std::fabs(xv * wv);
                    fullTerms[at] += 1;
                  }
            }
          }
    }
  // 2. crop / extend, bias, trailing zeros.
  ReferenceResult r;
  r.shape = {N, Cout};
  for (int i = 0; i < rank; ++i)
    r.shape.push_back(O[size_t(3 - rank + i)]);
  const int64_t outSize = N * Cout * O[0] * O[1] * O[2];
  r.value.assign(size_t(outSize), 0.0);
  r.absSum.assign(size_t(outSize), 0.0);
  r.terms.assign(size_t(outSize), 0);
  for (int64_t n = 0; n < N; ++n)
    for (int64_t co = 0; co < Cout; ++co)
      for (int64_t m0 = 0; m0 < O[0]; ++m0)
        for (int64_t m1 = 0; m1 < O[1]; ++m1)
          for (int64_t m2 = 0; m2 < O[2]; ++m2) {
            const size_t at =
                size_t(((n * Cout + co) * O[0] + m0) * O[1] * O[2] + m1 * O[2] + m2);
            if (m0 >= Oc[0] || m1 >= Oc[1] || m2 >= Oc[2])
              continue; // hard zero appended after the bias (MindSpore 2-D)
            const double b = bias.empty() ? 0.0 : bias[size_t(co)];
            double v = b, a = std::fabs(b);
            int64_t cnt = 0;
            const int64_t j0 = m0 + P[0].padLo, j1 = m1 + P[1].padLo,
                          j2 = m2 + P[2].padLo;
            if (j0 >= 0 && j0 < F[0] && j1 >= 0 && j1 < F[1] && j2 >= 0 && j2 < F[2]) {
              const size_t f = size_t(((n * Cout + co) * F[0] + j0) * F[1] * F[2] +
                                      j1 * F[2] + j2);
              v += full[f];
              a += fullAbs[f];
              cnt = fullTerms[f];
            }
            r.value[at] = v;
            r.absSum[at] = a;
            r.terms[at] = cnt;
          }
  return r;
}

/// Seed from a name, so every case gets its own reproducible data.
inline uint64_t seedFor(const std::string &name, uint64_t salt = 0) {
  uint64_t h = 1469598103934665603ull ^ salt;
  for (char ch : name)
    h = (h ^ uint64_t(uint8_t(ch))) * 1099511628211ull;
  return h;
}

} // namespace tconv_rt

#endif // TCONV_UNITTESTS_RUNTIME_NAIVEREFERENCE_H
