//===- StridePhases.cpp - Stride-phase decomposition of one dimension -----===//

#include "StridePhases.h"

#include <algorithm>
#include <cassert>
#include <numeric>

namespace tconv::codegen {

int64_t floorMod(int64_t a, int64_t b) { return ((a % b) + b) % b; }

static int64_t floorDiv(int64_t a, int64_t b) {
  return (a - floorMod(a, b)) / b;
}

DimPhases decomposeByStridePhase(int64_t kernel, int64_t stride,
                                 int64_t dilation, int64_t padLo) {
  assert(kernel >= 1 && stride >= 1 && dilation >= 1);
  int64_t g = std::gcd(stride, dilation);
  DimPhases dim;
  dim.stride = stride;
  dim.tapStep = stride / g;
  dim.offsetStep = dilation / g;
  dim.phases.resize(stride);
  for (int64_t r = 0; r < stride; ++r) {
    PhaseTaps &phase = dim.phases[r];
    // The first tap t with t*d = r + padLo (mod s); the congruence repeats
    // with period s/g in t, so searching [0, s/g) suffices.
    for (int64_t t = 0; t < std::min(kernel, dim.tapStep); ++t) {
      if (floorMod(r + padLo - t * dilation, stride) != 0)
        continue;
      phase.firstTap = t;
      phase.firstOffset = floorDiv(r + padLo - t * dilation, stride);
      phase.tapCount = (kernel - 1 - t) / dim.tapStep + 1;
      break;
    }
  }
  return dim;
}

InputOffsets inputOffsetRange(const DimPhases &dim) {
  InputOffsets range;
  bool first = true;
  for (const PhaseTaps &t : dim.phases) {
    if (t.tapCount == 0)
      continue;
    const int64_t lowest = t.firstOffset - (t.tapCount - 1) * dim.offsetStep;
    range.lowest = first ? lowest : std::min(range.lowest, lowest);
    range.highest = first ? t.firstOffset : std::max(range.highest, t.firstOffset);
    first = false;
  }
  return range;
}

} // namespace tconv::codegen
