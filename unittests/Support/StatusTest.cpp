//===- StatusTest.cpp - tconv::Status and tconv::Expected -----------------===//

#include "tconv/Support/Status.h"

#include <gtest/gtest.h>

#include <memory>
#include <sstream>
#include <string>

namespace {

using tconv::Expected;
using tconv::Status;

TEST(Status, SuccessIsOkWithoutMessage) {
  Status s = Status::success();
  EXPECT_TRUE(s.ok());
  EXPECT_EQ(s.message(), "");
}

TEST(Status, ErrorKeepsItsMessage) {
  Status s = Status::error("stride 0 must be positive");
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(s.message(), "stride 0 must be positive");
}

// The old convention could not tell an empty message from success.
TEST(Status, ErrorWithEmptyMessageIsStillAnError) {
  Status s = Status::error("");
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(s.message(), "");
}

TEST(Status, PrintsOkOrTheError) {
  std::ostringstream out;
  out << Status::success() << "|" << Status::error("bad target 'x'");
  EXPECT_EQ(out.str(), "ok|error: bad target 'x'");
}

Expected<int> half(int n) {
  if (n % 2 != 0)
    return Status::error(std::to_string(n) + " is odd");
  return n / 2;
}

TEST(Expected, HoldsTheValue) {
  Expected<int> e = half(8);
  ASSERT_TRUE(e.ok());
  EXPECT_EQ(e.value(), 4);
  EXPECT_EQ(*e, 4);
  EXPECT_TRUE(e.status().ok());
  EXPECT_EQ(e.message(), "");
}

TEST(Expected, HoldsTheError) {
  Expected<int> e = half(7);
  EXPECT_FALSE(e.ok());
  EXPECT_FALSE(e.status().ok());
  EXPECT_EQ(e.message(), "7 is odd");
  EXPECT_EQ(e.status().message(), "7 is odd");
}

TEST(Expected, MovesTheValueOut) {
  Expected<std::unique_ptr<int>> e = std::make_unique<int>(5);
  ASSERT_TRUE(e.ok());
  EXPECT_EQ(*e->get(), 5);
  std::unique_ptr<int> taken = std::move(e).value();
  ASSERT_NE(taken, nullptr);
  EXPECT_EQ(*taken, 5);
}

TEST(Expected, StringValueIsNotAnError) {
  Expected<std::string> e = std::string("");
  EXPECT_TRUE(e.ok());
  EXPECT_EQ(*e, "");
  EXPECT_EQ(e->size(), 0u);
}

// (gtest runs suites named *DeathTest first, before any thread starts.)
TEST(ExpectedDeathTest, ValueOfAnErrorAbortsWithItsMessage) {
  EXPECT_DEATH(
      {
        Expected<int> e = half(3);
        (void)e.value();
      },
      "value\\(\\) of an error: 3 is odd");
}

TEST(ExpectedDeathTest, SuccessStatusIsNotAnError) {
  EXPECT_DEATH({ Expected<int> e = Status::success(); },
               "constructed from a success Status");
}

} // namespace
