//===- TilingParamsTest.cpp - Parameters to tiling fields and back --------===//
//
// TilingParams.h on a tiling of its own: each named parameter lands in its
// field (ints as they are, flags as 0 or 1), fields the table does not name
// keep what the caller set, and the conversion back gives the same map.
//
//===----------------------------------------------------------------------===//

#include "TilingParams.h"

#include <gtest/gtest.h>

using namespace tconv::codegen;

namespace {

struct ToyTiling {
  int lanes = 1; ///< not a parameter: the caller's
  int rows = 1;
  int columns = 1;
  bool parallel = true;
};

const TilingFields<ToyTiling> kToyFields = {
    {"rows", &ToyTiling::rows},
    {"columns", &ToyTiling::columns},
    {"parallel", &ToyTiling::parallel}};

TEST(TilingParams, EachParameterLandsInItsField) {
  ToyTiling given;
  given.lanes = 16;
  const VariantParams params = {{"rows", 3}, {"columns", 7}, {"parallel", 0}};
  ToyTiling t = tilingOfParams(given, params, kToyFields);
  EXPECT_EQ(t.lanes, 16);
  EXPECT_EQ(t.rows, 3);
  EXPECT_EQ(t.columns, 7);
  EXPECT_FALSE(t.parallel);
  EXPECT_EQ(paramsOfTiling(t, kToyFields), params);
}

TEST(TilingParams, FlagsAreZeroOrOne) {
  ToyTiling t;
  t.rows = 5;
  t.columns = 2;
  t.parallel = true;
  const VariantParams params = paramsOfTiling(t, kToyFields);
  EXPECT_EQ(params.at("parallel"), 1);
  EXPECT_EQ(params.size(), 3u); // lanes is no parameter
  EXPECT_TRUE(tilingOfParams(ToyTiling(), {{"rows", 1}, {"columns", 1},
                                           {"parallel", 1}},
                             kToyFields)
                  .parallel);
}

} // namespace
