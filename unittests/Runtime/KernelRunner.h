//===- KernelRunner.h - Calling the generated kernels in tests --*- C++ -*-===//
//
// Shared by runtime-tests and torch-crosscheck-tests: the generated case
// table, random operands for one call of a case, the kernel call, the
// Halide error capture and the element-wise comparison.
//
//===----------------------------------------------------------------------===//

#ifndef TCONV_UNITTESTS_RUNTIME_KERNELRUNNER_H
#define TCONV_UNITTESTS_RUNTIME_KERNELRUNNER_H

#include "NaiveReference.h"
#include "runtime_kernels.h" // generated: the tconv-compile headers

#include <gtest/gtest.h>

#include <mutex>
#include <sstream>

namespace tconv_rt {

inline const std::vector<KernelCase> &allCases() {
  static const std::vector<KernelCase> cases = {
#include "runtime_cases.inc" // generated from runtime_cases.py
  };
  return cases;
}

inline const KernelCase &caseNamed(const std::string &name) {
  for (const KernelCase &c : allCases())
    if (name == c.name)
      return c;
  ADD_FAILURE() << "no runtime case named " << name;
  std::abort();
}

//===----------------------------------------------------------------------===//
// Halide error capture
//===----------------------------------------------------------------------===//

inline std::mutex &errorMutex() {
  static std::mutex m;
  return m;
}
inline std::string &capturedErrors() {
  static std::string s;
  return s;
}
extern "C" inline void tconvTestErrorHandler(void *, const char *msg) {
  std::lock_guard<std::mutex> lock(errorMutex());
  capturedErrors() += msg ? msg : "(null)";
  capturedErrors() += "\n";
}
/// Installs the capturing handler (idempotent) and clears what it captured.
inline void resetCapturedErrors() {
  static bool installed = (halide_set_error_handler(tconvTestErrorHandler), true);
  (void)installed;
  std::lock_guard<std::mutex> lock(errorMutex());
  capturedErrors().clear();
}
inline std::string takeCapturedErrors() {
  std::lock_guard<std::mutex> lock(errorMutex());
  std::string s;
  s.swap(capturedErrors());
  return s;
}

//===----------------------------------------------------------------------===//
// Operands of one call
//===----------------------------------------------------------------------===//

struct CallOperands {
  HostTensor x, w, b, y; // b empty when the case has no bias
  std::vector<int64_t> inputSpatial;
};

/// x: (N, Cin, S...), w: (Cin, Cout/g, K...), b: (Cout), y: (N, Cout, O...)
/// for call = (N, S...). Operands uniform in [-1, 1] (rounded to the element
/// type), y filled with NaN so that an element the kernel never writes fails.
inline CallOperands makeOperands(const KernelCase &c,
                                 const std::vector<int64_t> &call,
                                 uint64_t seed) {
  std::mt19937_64 rng(seed);
  CallOperands ops;
  ops.inputSpatial.assign(call.begin() + 1, call.end());
  std::vector<int64_t> xs = {call[0], c.cin};
  xs.insert(xs.end(), ops.inputSpatial.begin(), ops.inputSpatial.end());
  std::vector<int64_t> ws = {c.cin, c.cout / c.groups};
  ws.insert(ws.end(), c.kernel.begin(), c.kernel.end());
  std::vector<int64_t> ys = {call[0], c.cout};
  for (int64_t o : outputSizeFor(c, ops.inputSpatial))
    ys.push_back(o);
  ops.x = HostTensor(c.dtype, xs);
  ops.w = HostTensor(c.dtype, ws);
  ops.x.fillUniform(rng);
  ops.w.fillUniform(rng);
  if (c.hasBias) {
    ops.b = HostTensor(c.dtype, {c.cout});
    ops.b.fillUniform(rng);
  }
  ops.y = HostTensor(c.dtype, ys);
  ops.y.fill(NAN);
  return ops;
}

inline int callKernel(const KernelCase &c, halide_buffer_t *x,
                      halide_buffer_t *w, halide_buffer_t *b,
                      halide_buffer_t *y) {
  // GPU kernels (runtime-tests-opencl) copy an input to the device only when
  // its host copy is marked dirty, and leave the output on the device: mark
  // the inputs, copy the output back, then free every device allocation so
  // each call starts from host data. No-ops for CPU kernels.
  for (halide_buffer_t *buffer : {x, w, b})
    if (buffer)
      buffer->set_host_dirty(true);
  int rc = c.hasBias ? c.fn4(x, w, b, y) : c.fn3(x, w, y);
  if (rc == 0)
    rc = halide_copy_to_host(nullptr, y);
  for (halide_buffer_t *buffer : {x, w, b, y})
    if (buffer && buffer->device)
      halide_device_free(nullptr, buffer);
  return rc;
}

inline int callKernel(const KernelCase &c, CallOperands &ops) {
  return callKernel(c, ops.x.buffer(), ops.w.buffer(),
                    c.hasBias ? ops.b.buffer() : nullptr, ops.y.buffer());
}

inline ReferenceResult referenceFor(const KernelCase &c, const CallOperands &ops) {
  tconv::oracle::Problem problem;
  problem.xShape = ops.x.shape();
  problem.wShape = ops.w.shape();
  problem.groups = c.groups;
  problem.stride = c.stride;
  problem.dilation = c.dilation;
  problem.padding = canonicalPadding(c);
  return tconv::oracle::convTranspose(
      problem, ops.x.values(), ops.w.values(),
      c.hasBias ? ops.b.values() : std::vector<double>{});
}

/// Upper bound on the x*w terms of one output element: (Cin/g) * prod(k).
inline int64_t maxTerms(const KernelCase &c) {
  int64_t r = c.cin / c.groups;
  for (int64_t k : c.kernel)
    r *= k;
  return r;
}

//===----------------------------------------------------------------------===//
// Comparison
//===----------------------------------------------------------------------===//

inline std::string formatIndex(int64_t flat, const std::vector<int64_t> &shape) {
  std::vector<int64_t> idx(shape.size());
  for (size_t d = shape.size(); d-- > 0;) {
    idx[d] = flat % shape[d];
    flat /= shape[d];
  }
  std::ostringstream os;
  os << "[";
  for (size_t d = 0; d < idx.size(); ++d)
    os << (d ? ", " : "") << idx[d];
  os << "]";
  return os.str();
}

inline std::string formatShape(const std::vector<int64_t> &shape) {
  std::ostringstream os;
  for (size_t d = 0; d < shape.size(); ++d)
    os << (d ? "x" : "") << shape[d];
  return os.str();
}

/// Element-wise |got - exact| <= toleranceFor(...) (NaN fails). `terms` gives
/// the reduction size per element, or is empty to use `termsBound` for all.
inline testing::AssertionResult
compareWithTolerance(const HostTensor &got, const std::vector<int64_t> &shape,
                     const std::vector<double> &exact,
                     const std::vector<double> &absSum,
                     const std::vector<int64_t> &terms, int64_t termsBound) {
  if (got.shape() != shape)
    return testing::AssertionFailure()
           << "output shape " << formatShape(got.shape())
           << " differs from the reference's " << formatShape(shape);
  if (int64_t(exact.size()) != got.size() || absSum.size() != exact.size())
    return testing::AssertionFailure()
           << "reference has " << exact.size() << " elements, output "
           << got.size();
  int64_t bad = 0;
  double maxErr = 0, maxRatio = 0;
  std::ostringstream first;
  for (int64_t i = 0; i < got.size(); ++i) {
    const double g = got.get(i), e = exact[size_t(i)];
    const int64_t R = terms.empty() ? termsBound : terms[size_t(i)];
    const double tol = toleranceFor(got.dtype(), e, absSum[size_t(i)], R);
    const double err = std::fabs(g - e);
    if (!(err <= tol)) {
      if (bad < 8)
        first << "\n  at " << formatIndex(i, shape) << ": got " << g
              << ", expected " << e << " (|diff| " << err << " > tol " << tol
              << ")";
      ++bad;
    }
    if (err == err) {
      maxErr = std::max(maxErr, err);
      if (tol > 0)
        maxRatio = std::max(maxRatio, err / tol);
    }
  }
  if (bad)
    return testing::AssertionFailure()
           << bad << " of " << got.size()
           << " elements outside the tolerance; max |diff| " << maxErr
           << first.str();
  return testing::AssertionSuccess()
         << "max |diff| " << maxErr << ", max |diff|/tol " << maxRatio;
}

inline std::string describeCall(const KernelCase &c,
                                const std::vector<int64_t> &call) {
  std::ostringstream os;
  os << c.name << " (" << dtypeName(c.dtype) << ") called with N=" << call[0]
     << " spatial=";
  for (size_t i = 1; i < call.size(); ++i)
    os << (i > 1 ? "x" : "") << call[i];
  return os.str();
}

} // namespace tconv_rt

#endif // TCONV_UNITTESTS_RUNTIME_KERNELRUNNER_H
