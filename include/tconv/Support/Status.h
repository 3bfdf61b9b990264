//===- Status.h - Errors as values ------------------------------*- C++ -*-===//
//
// How the code generator's API and its helpers report failure: a Status (ok,
// or an error with a message naming the problem) or an Expected<T> (a T, or
// such an error). Both are [[nodiscard]], so a caller cannot drop an error by
// accident, as it could the "" that meant success before.
//
// Plain C++17 and header-only: lib/Codegen includes it next to Halide.h
// (whose LLVM 14 must not meet LLVM 22's headers), lib/Compiler and the tools
// next to MLIR's, and installed consumers with nothing but tconv's headers.
// llvm::Error and llvm::Expected are not an option on the Halide side for
// that reason.
//
// Convention:
//   Status::success()           ok() is true, message() is "".
//   Status::error("why")        ok() is false, message() is "why" (the text
//                               users see, e.g. after "compiling 'f': ").
//   Expected<T>(value)          ok(), value() / * / -> give the T.
//   Expected<T>(Status::error)  !ok(), status() / message() give the error.
// There is no conversion to bool: `if (!s.ok())` reads one way only.
//
//===----------------------------------------------------------------------===//

#ifndef TCONV_SUPPORT_STATUS_H
#define TCONV_SUPPORT_STATUS_H

#include <cstdio>
#include <cstdlib>
#include <optional>
#include <ostream>
#include <string>
#include <utility>

namespace tconv {

class [[nodiscard]] Status {
public:
  /// Success.
  static Status success() { return Status(); }
  /// An error; `message` says what is wrong, with the offending value. An
  /// empty message is still an error (ok() is false).
  static Status error(std::string message) {
    return Status(std::move(message));
  }

  bool ok() const { return !failed; }
  /// The error's message; "" for success.
  const std::string &message() const { return text; }

private:
  Status() = default;
  explicit Status(std::string message)
      : failed(true), text(std::move(message)) {}

  bool failed = false;
  std::string text;
};

/// "ok", or the error's message: what gtest and log lines print.
inline std::ostream &operator<<(std::ostream &os, const Status &status) {
  return os << (status.ok() ? std::string("ok") : "error: " + status.message());
}

namespace detail {
/// Using the value of an error, or building an Expected from success, is a
/// bug in the caller: abort with the message rather than read garbage (the
/// API reports failures as values, never as exceptions).
[[noreturn]] inline void expectedMisuse(const char *what,
                                        const std::string &message) {
  std::fprintf(stderr, "tconv::Expected: %s%s%s\n", what,
               message.empty() ? "" : ": ", message.c_str());
  std::abort();
}
} // namespace detail

/// A T or an error Status. Implicitly constructible from either, so a
/// function returning Expected<T> writes `return value;` or
/// `return Status::error("...");`.
template <class T> class [[nodiscard]] Expected {
public:
  Expected(T value) : stored(std::move(value)) {}
  /// `error` must not be ok (an Expected holds a value or an error).
  Expected(Status error) : failure(std::move(error)) {
    if (failure.ok())
      detail::expectedMisuse("constructed from a success Status", "");
  }

  bool ok() const { return stored.has_value(); }
  /// The error; Status::success() when there is a value.
  const Status &status() const { return failure; }
  /// The error's message; "" when there is a value.
  const std::string &message() const { return failure.message(); }

  /// The value; only when ok() (aborts with the error's message otherwise).
  T &value() & {
    check();
    return *stored;
  }
  const T &value() const & {
    check();
    return *stored;
  }
  T &&value() && {
    check();
    return std::move(*stored);
  }
  T &operator*() & { return value(); }
  const T &operator*() const & { return value(); }
  T *operator->() { return &value(); }
  const T *operator->() const { return &value(); }

private:
  void check() const {
    if (!stored)
      detail::expectedMisuse("value() of an error", failure.message());
  }

  std::optional<T> stored;
  Status failure = Status::success();
};

} // namespace tconv

#endif // TCONV_SUPPORT_STATUS_H
