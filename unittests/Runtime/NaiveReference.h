//===- NaiveReference.h - Runtime test cases, tensors, padding --*- C++ -*-===//
//
// What the runtime tests need around the shared oracle
// (test/support/ConvTransposeOracle.h, written from docs/spec.md alone):
//   * the KernelCase table row and its flavor -> canonical padding, through
//     the oracle's per-flavor mapping;
//   * f16 / bf16 rounding and dense halide_buffer_t storage.
// The naive transposed convolution and the tolerance are the oracle's.
//
//===----------------------------------------------------------------------===//

#ifndef TCONV_UNITTESTS_RUNTIME_NAIVEREFERENCE_H
#define TCONV_UNITTESTS_RUNTIME_NAIVEREFERENCE_H

#include "ConvTransposeOracle.h"
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
using tconv::oracle::DType;
using tconv::oracle::toleranceFor;
using ReferenceResult = tconv::oracle::Result;

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

using CanonicalDim = tconv::oracle::DimPadding;

/// The case's padding as written, through the oracle's flavor mapping.
inline std::vector<CanonicalDim> canonicalPadding(const KernelCase &c) {
  const int rank = c.rank();
  std::vector<CanonicalDim> result;
  for (int i = 0; i < rank; ++i) {
    const int64_t op = c.outputPadding.empty() ? 0 : c.outputPadding[i];
    if (c.flavor == Flavor::Torch) {
      result.push_back(tconv::oracle::torchPadding(
          c.padding.empty() ? 0 : c.padding[i], op));
      continue;
    }
    // MindSpore's padding: one value per dim, or (begin, end) pairs in its
    // order (top, bottom, left, right) / (head, tail, top, bottom, ...).
    int64_t begin = 0, end = 0;
    if (c.padding.size() == size_t(2 * rank)) {
      begin = c.padding[2 * i];
      end = c.padding[2 * i + 1];
    } else if (!c.padding.empty()) {
      begin = end = c.padding[i];
    }
    result.push_back(tconv::oracle::mindSporePadding(
        c.padMode, rank, c.kernel[i], c.stride[i], c.dilation[i], begin, end, op));
  }
  return result;
}

/// Output spatial sizes for input spatial sizes `in` (MLIR order).
inline std::vector<int64_t> outputSizeFor(const KernelCase &c,
                                          const std::vector<int64_t> &in) {
  std::vector<CanonicalDim> pads = canonicalPadding(c);
  std::vector<int64_t> out;
  for (int i = 0; i < c.rank(); ++i)
    out.push_back(tconv::oracle::outputLength(in[i], c.kernel[i], c.stride[i],
                                              c.dilation[i], pads[i]));
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

/// Seed from a name, so every case gets its own reproducible data.
inline uint64_t seedFor(const std::string &name, uint64_t salt = 0) {
  uint64_t h = 1469598103934665603ull ^ salt;
  for (char ch : name)
    h = (h ^ uint64_t(uint8_t(ch))) * 1099511628211ull;
  return h;
}

} // namespace tconv_rt

#endif // TCONV_UNITTESTS_RUNTIME_NAIVEREFERENCE_H
