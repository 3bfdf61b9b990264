//===- StridePhases.h - Stride-phase decomposition of one dimension -*- C++ -*-===//
//
// A transposed convolution is a gather once the output is split by stride
// phase. In full-output coordinates shifted by padLo, output position
// m = s*q + r receives tap t from input i exactly when
//   r + padLo = i*s - q*s + t*d,   i.e.  t*d = r + padLo (mod s),
// and then i = q + (r + padLo - t*d) / s. So each phase r reads a static subset
// of taps, each at a static offset from q: a dense convolution. The taps of one
// phase form an arithmetic progression t = firstTap + u * (s/g) with
// g = gcd(s, d), whose input offsets step by -(d/g). Everything here is static
// (the dimension's kernel, stride, dilation and padLo are compile-time facts);
// only the input length may be dynamic, and it does not enter.
//
//===----------------------------------------------------------------------===//

#ifndef TCONV_LIB_CODEGEN_STRIDEPHASES_H
#define TCONV_LIB_CODEGEN_STRIDEPHASES_H

#include <cstdint>
#include <vector>

namespace tconv::codegen {

/// The taps that feed one stride phase: t = firstTap + u * tapStep and input
/// index q + firstOffset - u * offsetStep, for u in [0, tapCount).
struct PhaseTaps {
  int64_t firstTap = 0;
  int64_t firstOffset = 0;
  int64_t tapCount = 0; ///< 0: the phase receives no input, only the bias.
};

/// The stride phases of one spatial dimension.
struct DimPhases {
  int64_t stride = 1;
  int64_t tapStep = 1;    ///< s / gcd(s, d)
  int64_t offsetStep = 1; ///< d / gcd(s, d)
  std::vector<PhaseTaps> phases; ///< indexed by r in [0, stride)
};

/// a mod b rounded toward negative infinity, in [0, b) for b > 0: padLo may
/// be negative, and C++'s % truncates toward zero.
int64_t floorMod(int64_t a, int64_t b);

/// Decomposes one dimension with kernel size `kernel`, `stride`, `dilation`,
/// and `padLo` positions cropped from the start of the full output.
DimPhases decomposeByStridePhase(int64_t kernel, int64_t stride,
                                 int64_t dilation, int64_t padLo);

/// The input offsets the phases of `dim` read from position q: q + lowest
/// to q + highest, over every tap of every phase that has taps (0, 0 when
/// none has).
struct InputOffsets {
  int64_t lowest = 0, highest = 0;
};
InputOffsets inputOffsetRange(const DimPhases &dim);

} // namespace tconv::codegen

#endif // TCONV_LIB_CODEGEN_STRIDEPHASES_H
