//===- StridePhasesTest.cpp - Stride-phase decomposition by hand ----------===//

#include "StridePhases.h"

#include <gtest/gtest.h>

using namespace tconv::codegen;

namespace {

void expectPhase(const DimPhases &dim, int r, int64_t firstTap,
                 int64_t firstOffset, int64_t tapCount) {
  SCOPED_TRACE("phase " + std::to_string(r));
  EXPECT_EQ(dim.phases[r].tapCount, tapCount);
  if (tapCount > 0) {
    EXPECT_EQ(dim.phases[r].firstTap, firstTap);
    EXPECT_EQ(dim.phases[r].firstOffset, firstOffset);
  }
}

// HiFi-GAN's K=16, s=8, p=4: every phase gets taps t and t+8. Output m = 8q+r
// is full position 8q+r+4: r < 4 reads tap r+4 at input q, r >= 4 tap r-4 at
// input q+1 (and tap r+4 at q).
TEST(StridePhases, EveryPhaseTwoTaps) {
  DimPhases dim = decomposeByStridePhase(16, 8, 1, 4);
  EXPECT_EQ(dim.tapStep, 8);
  EXPECT_EQ(dim.offsetStep, 1);
  expectPhase(dim, 0, 4, 0, 2);
  expectPhase(dim, 3, 7, 0, 2);
  expectPhase(dim, 4, 0, 1, 2);
  expectPhase(dim, 7, 3, 1, 2);
  // Inputs q-1 (r < 4, tap r+12) to q+1 (r >= 4, tap r-4).
  EXPECT_EQ(inputOffsetRange(dim).lowest, -1);
  EXPECT_EQ(inputOffsetRange(dim).highest, 1);
}

// gcd(s, d) = 2: odd full positions t*2 + i*4 never occur.
TEST(StridePhases, DilationSharingStrideLeavesEmptyPhases) {
  DimPhases dim = decomposeByStridePhase(3, 4, 2, 1);
  EXPECT_EQ(dim.tapStep, 2);
  EXPECT_EQ(dim.offsetStep, 1);
  expectPhase(dim, 0, 0, 0, 0);
  expectPhase(dim, 1, 1, 0, 1); // full 4q+2 = 4q + 1*2
  expectPhase(dim, 2, 0, 0, 0);
  expectPhase(dim, 3, 0, 1, 2); // full 4q+4 = 4(q+1) + 0 = 4q + 2*2
  // The empty phases read nothing: inputs q (phases 1 and 3) and q+1.
  EXPECT_EQ(inputOffsetRange(dim).lowest, 0);
  EXPECT_EQ(inputOffsetRange(dim).highest, 1);
}

// Negative padLo: output m = 3q+r is full position 3q+r-2.
TEST(StridePhases, NegativePadLo) {
  DimPhases dim = decomposeByStridePhase(2, 3, 1, -2);
  expectPhase(dim, 0, 1, -1, 1); // 3q-2 = 3(q-1) + 1
  expectPhase(dim, 1, 0, 0, 0);  // 3q-1 needs tap 2
  expectPhase(dim, 2, 0, 0, 1);  // 3q
  EXPECT_EQ(inputOffsetRange(dim).lowest, -1);
  EXPECT_EQ(inputOffsetRange(dim).highest, 0);
}

} // namespace
