//===- StatusTesting.h - gtest assertions on tconv::Status ------*- C++ -*-===//
//
// EXPECT_TRUE(isOk(status)) fails with the error's message, where
// EXPECT_TRUE(status.ok()) would only say "false". In namespace tconv, so
// argument-dependent lookup finds it (a tconv::testing would make every
// unqualified testing:: of a test with `using namespace tconv` ambiguous).
//
//===----------------------------------------------------------------------===//

#ifndef TCONV_UNITTESTS_SUPPORT_STATUSTESTING_H
#define TCONV_UNITTESTS_SUPPORT_STATUSTESTING_H

#include "tconv/Support/Status.h"

#include <gtest/gtest.h>

namespace tconv {

inline ::testing::AssertionResult isOk(const Status &status) {
  if (status.ok())
    return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << "error: " << status.message();
}

template <class T>::testing::AssertionResult isOk(const Expected<T> &expected) {
  return isOk(expected.status());
}

} // namespace tconv

#endif // TCONV_UNITTESTS_SUPPORT_STATUSTESTING_H
