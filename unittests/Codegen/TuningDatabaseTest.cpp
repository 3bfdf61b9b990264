//===- TuningDatabaseTest.cpp - Which tuning entry a kernel uses ----------===//
//
// TuningDatabase::find and ::add on hand-made entries: the key is the shape
// signature, the target, the thread count (an entry without one matches any)
// and the length range; of several matches, the entry of exactly the thread
// count, then the narrowest range.
//
//===----------------------------------------------------------------------===//

#include "tconv/Codegen/Tuning.h"

#include <gtest/gtest.h>

#include <cstdlib>

using namespace tconv::codegen;

namespace {

TunedEntry entry(int64_t threads, int64_t minLength, int64_t maxLength,
                 const std::string &variant) {
  TunedEntry e;
  e.signature = "sig";
  e.target = "x86-64-linux";
  e.threads = threads;
  e.minLength = minLength;
  e.maxLength = maxLength;
  e.variant = variant;
  return e;
}

const std::string *variantFound(const TuningDatabase &db, int64_t length,
                                int64_t threads) {
  const TunedEntry *e = db.find("sig", "x86-64-linux", length, threads);
  return e ? &e->variant : nullptr;
}

TEST(TuningDatabase, EntriesOfAnotherThreadCountDoNotMatch) {
  TuningDatabase db;
  db.add(entry(1, 1, 64, "one-thread"));
  db.add(entry(2, 1, 64, "two-threads"));
  ASSERT_TRUE(variantFound(db, 10, 1));
  EXPECT_EQ(*variantFound(db, 10, 1), "one-thread");
  EXPECT_EQ(*variantFound(db, 10, 2), "two-threads");
  EXPECT_EQ(variantFound(db, 10, 4), nullptr);
  EXPECT_EQ(variantFound(db, 65, 1), nullptr);
  EXPECT_EQ(db.find("other", "x86-64-linux", 10, 1), nullptr);
  EXPECT_EQ(db.find("sig", "arm-64-linux", 10, 1), nullptr);
}

TEST(TuningDatabase, AnEntryWithoutACountMatchesEveryCountButYieldsToAnExactOne) {
  TuningDatabase db;
  db.add(entry(kAnyThreadCount, 10, 10, "any-count-static"));
  db.add(entry(2, 1, tconv::kDynamicSize, "two-threads-range"));
  // Of the two, the one timed with exactly this count, though wider.
  EXPECT_EQ(*variantFound(db, 10, 2), "two-threads-range");
  EXPECT_EQ(*variantFound(db, 10, 3), "any-count-static");
  // Of two of the same count, the narrowest range.
  db.add(entry(2, 8, 16, "two-threads-narrow"));
  EXPECT_EQ(*variantFound(db, 10, 2), "two-threads-narrow");
  EXPECT_EQ(*variantFound(db, 4000, 2), "two-threads-range");
}

TEST(TuningDatabase, AddReplacesOnlyTheSameCountAndRange) {
  TuningDatabase db;
  db.add(entry(1, 1, 64, "first"));
  db.add(entry(2, 1, 64, "other-count"));
  db.add(entry(1, 1, 64, "replaced"));
  ASSERT_EQ(db.entries.size(), 2u);
  EXPECT_EQ(*variantFound(db, 10, 1), "replaced");
  EXPECT_EQ(*variantFound(db, 10, 2), "other-count");
}

TEST(TuningDatabase, DefaultThreadCountFollowsHalidesEnvironment) {
  ASSERT_EQ(::setenv("HL_NUM_THREADS", "3", 1), 0);
  ASSERT_EQ(::setenv("HL_NUMTHREADS", "5", 1), 0);
  EXPECT_EQ(defaultThreadCount(), 3);
  // Halide's runtime reads the value with atoi and clamps it to [1, 256].
  ASSERT_EQ(::setenv("HL_NUM_THREADS", "many", 1), 0);
  EXPECT_EQ(defaultThreadCount(), 1);
  ASSERT_EQ(::setenv("HL_NUM_THREADS", "1000", 1), 0);
  EXPECT_EQ(defaultThreadCount(), 256);
  // The older spelling when the new one is not set, then the cores.
  ASSERT_EQ(::unsetenv("HL_NUM_THREADS"), 0);
  EXPECT_EQ(defaultThreadCount(), 5);
  ASSERT_EQ(::unsetenv("HL_NUMTHREADS"), 0);
  EXPECT_GE(defaultThreadCount(), 1);
}

} // namespace
