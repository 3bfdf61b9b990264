//===- RuntimeTest.cpp - Compiled kernels against the naive reference -----===//
//
// Every case of runtime_cases.py, compiled by tconv-compile at build time, is
// called on random data (several sizes where the MLIR type is dynamic) and
// compared element-wise with NaiveReference.h. Plus: malformed buffers are
// rejected with a Halide error naming the buffer, and one kernel is called
// from several threads at once.
//
//===----------------------------------------------------------------------===//

#include "KernelRunner.h"
#ifdef TCONV_RUNTIME_OPENCL
#include "OpenCLDevice.h" // runtime-tests-opencl: what the device supports
#endif

#include <atomic>
#include <set>
#include <thread>

using namespace tconv_rt;

namespace {

/// runtime-tests-opencl: skips, with the reason, a case whose element type
/// the OpenCL device cannot run (e.g. f16 without cl_khr_fp16).
#ifdef TCONV_RUNTIME_OPENCL
#define TCONV_SKIP_IF_DEVICE_LACKS(c)                                          \
  if (std::string why = openclSkipReason((c).dtype, !(c).fn3 && !(c).fn4);    \
      !why.empty())                                                            \
  GTEST_SKIP() << why
#else
#define TCONV_SKIP_IF_DEVICE_LACKS(c) (void)0
#endif

//===----------------------------------------------------------------------===//
// The table itself
//===----------------------------------------------------------------------===//

TEST(RuntimeCaseTable, CoversTheRequiredConfigurations) {
  const std::vector<KernelCase> &cases = allCases();
  EXPECT_GE(cases.size(), 50u);
  std::set<std::string> seen;
  for (const KernelCase &c : cases) {
    const bool dyn = c.batch < 0 ||
                     std::count(c.inputSize.begin(), c.inputSize.end(), -1) > 0;
    seen.insert(c.flavor == Flavor::Torch ? "torch" : std::string("ms-") + c.padMode);
    seen.insert(std::string("rank") + std::to_string(c.rank()));
    seen.insert(dtypeName(c.dtype));
    seen.insert(c.hasBias ? "bias" : "nobias");
    if (dyn)
      seen.insert(c.calls.size() > 1 ? "dynamic-several-sizes" : "dynamic");
    if (c.groups > 1)
      seen.insert("groups");
    if (c.batch < 0 || c.batch > 1)
      seen.insert("batch>1");
    for (int i = 0; i < c.rank(); ++i) {
      const int64_t dk = c.dilation[i] * (c.kernel[i] - 1) + 1;
      if (c.dilation[i] > 1)
        seen.insert("dilation");
      if (c.stride[i] > dk)
        seen.insert("stride>dk");
      if (!c.outputPadding.empty() && c.outputPadding[i] > 0)
        seen.insert(c.flavor == Flavor::Torch ? "torch-op" : "ms-op-rank" + std::to_string(c.rank()));
      if (!c.outputPadding.empty() && c.outputPadding[i] >= c.stride[i] &&
          c.outputPadding[i] > 0)
        seen.insert("stride<=op<dilation");
    }
    if (c.flavor == Flavor::MindSpore && c.padding.size() == size_t(2 * c.rank()) &&
        c.rank() > 1)
      seen.insert("ms-tuple-padding");
    for (const std::vector<int64_t> &call : c.calls)
      for (size_t i = 1; i < call.size(); ++i)
        if (call[i] > 2 && call[i] % 2)
          seen.insert("odd-length");
  }
  for (const char *need :
       {"torch", "ms-same", "ms-valid", "ms-pad", "rank1", "rank2", "rank3",
        "f32", "f64", "f16", "bf16", "bias", "nobias", "dynamic-several-sizes",
        "groups", "batch>1", "dilation", "stride>dk", "torch-op", "ms-op-rank2",
        "ms-op-rank3", "stride<=op<dilation", "ms-tuple-padding", "odd-length"})
    EXPECT_TRUE(seen.count(need)) << "no case covers " << need;
}

//===----------------------------------------------------------------------===//
// Numerics, one test per case
//===----------------------------------------------------------------------===//

class RuntimeCase : public testing::TestWithParam<size_t> {
protected:
  const KernelCase &kase() const { return allCases()[GetParam()]; }
};

// The flavor mapping of the reference (NaiveReference.h) gives the lengths the
// generator wrote into the MLIR result type, which the tconv verifier checked
// against the compiler's own arithmetic: three derivations agree on lengths.
TEST_P(RuntimeCase, DeclaredOutputShapeMatchesTheFlavorMapping) {
  const KernelCase &c = kase();
  std::vector<int64_t> staticIn = c.inputSize;
  for (int64_t &s : staticIn)
    if (s < 0)
      s = 1; // any length; the dynamic dims are skipped below
  std::vector<int64_t> mine = outputSizeFor(c, staticIn);
  for (int i = 0; i < c.rank(); ++i) {
    if (c.inputSize[i] < 0) {
      EXPECT_EQ(c.declaredOutputSize[i], -1) << c.name << " dim " << i;
      continue;
    }
    EXPECT_EQ(mine[i], c.declaredOutputSize[i]) << c.name << " dim " << i;
  }
}

TEST_P(RuntimeCase, MatchesNaiveReference) {
  const KernelCase &c = kase();
  TCONV_SKIP_IF_DEVICE_LACKS(c);
  for (size_t k = 0; k < c.calls.size(); ++k) {
    const std::vector<int64_t> &call = c.calls[k];
    SCOPED_TRACE(describeCall(c, call));
    CallOperands ops = makeOperands(c, call, seedFor(c.name, k));
    resetCapturedErrors();
    const int rc = callKernel(c, ops);
    ASSERT_EQ(rc, 0) << "kernel failed: " << takeCapturedErrors();
    ReferenceResult ref = referenceFor(c, ops);
    EXPECT_TRUE(compareWithTolerance(ops.y, ref.shape, ref.value, ref.absSum,
                                     ref.terms, 0));
  }
}

// Deterministic: the same operands give bit-identical results on a rerun
// (the schedule's parallel loops must not change the reduction order).
TEST_P(RuntimeCase, RerunIsBitIdentical) {
  const KernelCase &c = kase();
  TCONV_SKIP_IF_DEVICE_LACKS(c);
  const std::vector<int64_t> &call = c.calls.back();
  CallOperands ops = makeOperands(c, call, seedFor(c.name, 99));
  ASSERT_EQ(callKernel(c, ops), 0);
  HostTensor first = ops.y;
  ops.y.fill(NAN);
  ASSERT_EQ(callKernel(c, ops), 0);
  EXPECT_EQ(0, std::memcmp(first.data(), ops.y.data(),
                           size_t(first.size()) * dtypeBytes(c.dtype)))
      << describeCall(c, call);
}

std::string caseName(const testing::TestParamInfo<size_t> &info) {
  return allCases()[info.param].name;
}

std::vector<size_t> caseIndices() {
  std::vector<size_t> v(allCases().size());
  for (size_t i = 0; i < v.size(); ++i)
    v[i] = i;
  return v;
}

INSTANTIATE_TEST_SUITE_P(Cases, RuntimeCase, testing::ValuesIn(caseIndices()),
                         caseName);

//===----------------------------------------------------------------------===//
// Malformed buffers
//===----------------------------------------------------------------------===//

/// Calls `c` with the operands of its first call after `mutate` broke them,
/// expects a non-zero return and a Halide error that mentions `bufferName`.
template <typename Mutate>
void expectRejected(const KernelCase &c, const char *bufferName,
                    const char *what, Mutate mutate) {
  SCOPED_TRACE(std::string(c.name) + ": " + what);
  CallOperands ops = makeOperands(c, c.calls.front(), seedFor(c.name, 7));
  mutate(ops);
  resetCapturedErrors();
  const int rc = callKernel(c, ops.x.buffer(), ops.w.buffer(),
                            c.hasBias ? ops.b.buffer() : nullptr, ops.y.buffer());
  const std::string message = takeCapturedErrors();
  EXPECT_NE(rc, 0) << "kernel accepted the malformed buffer";
  EXPECT_FALSE(message.empty()) << "no halide_error message";
  EXPECT_NE(message.find(bufferName), std::string::npos)
      << "the message does not name '" << bufferName << "': " << message;
}

/// Replaces a tensor by one of another shape (same element type).
void reshape(HostTensor &t, std::vector<int64_t> shape) {
  t = HostTensor(t.dtype(), std::move(shape));
}
void retype(HostTensor &t, DType to) { t = HostTensor(to, t.shape()); }

std::vector<int64_t> with(std::vector<int64_t> v, size_t i, int64_t value) {
  v[i] = value;
  return v;
}
std::vector<int64_t> dropLast(std::vector<int64_t> v) {
  v.pop_back();
  return v;
}
std::vector<int64_t> appendOne(std::vector<int64_t> v) {
  v.push_back(1);
  return v;
}

TEST(BadBuffers, WrongRankIsRejected) {
  for (const char *name : {"t2_basic", "t1_dyn_nl", "t1_dyn_dispatch"}) {
    const KernelCase &c = caseNamed(name);
    expectRejected(c, "input", "input rank - 1",
                   [](CallOperands &o) { reshape(o.x, dropLast(o.x.shape())); });
    expectRejected(c, "input", "input rank + 1",
                   [](CallOperands &o) { reshape(o.x, appendOne(o.x.shape())); });
    expectRejected(c, "weight", "weight rank + 1",
                   [](CallOperands &o) { reshape(o.w, appendOne(o.w.shape())); });
    expectRejected(c, "bias", "bias rank 2", [](CallOperands &o) {
      reshape(o.b, {1, o.b.shape()[0]});
    });
    expectRejected(c, "output", "output rank - 1",
                   [](CallOperands &o) { reshape(o.y, dropLast(o.y.shape())); });
  }
}

TEST(BadBuffers, WrongExtentIsRejected) {
  for (const char *name : {"t2_basic", "t1_dyn_nl", "m2_op_bias"}) {
    const KernelCase &c = caseNamed(name);
    const int rank = c.rank();
    expectRejected(c, "input", "input channels + 1", [](CallOperands &o) {
      reshape(o.x, with(o.x.shape(), 1, o.x.shape()[1] + 1));
    });
    expectRejected(c, "weight", "weight Cin + 1", [](CallOperands &o) {
      reshape(o.w, with(o.w.shape(), 0, o.w.shape()[0] + 1));
    });
    expectRejected(c, "weight", "weight Cout/g + 1", [](CallOperands &o) {
      reshape(o.w, with(o.w.shape(), 1, o.w.shape()[1] + 1));
    });
    expectRejected(c, "weight", "weight innermost kernel - 1", [&](CallOperands &o) {
      reshape(o.w, with(o.w.shape(), size_t(rank + 1), o.w.shape()[rank + 1] + 1));
    });
    expectRejected(c, "bias", "bias + 1", [](CallOperands &o) {
      reshape(o.b, {o.b.shape()[0] + 1});
    });
    expectRejected(c, "bias", "bias - 1", [](CallOperands &o) {
      reshape(o.b, {o.b.shape()[0] - 1});
    });
    expectRejected(c, "output", "output channels - 1", [](CallOperands &o) {
      reshape(o.y, with(o.y.shape(), 1, o.y.shape()[1] - 1));
    });
    expectRejected(c, "output", "output innermost + 1", [&](CallOperands &o) {
      reshape(o.y, with(o.y.shape(), size_t(rank + 1), o.y.shape()[rank + 1] + 1));
    });
    expectRejected(c, "output", "output innermost - 1", [&](CallOperands &o) {
      reshape(o.y, with(o.y.shape(), size_t(rank + 1), o.y.shape()[rank + 1] - 1));
    });
    expectRejected(c, "output", "output outermost spatial + 1", [](CallOperands &o) {
      reshape(o.y, with(o.y.shape(), 2, o.y.shape()[2] + 1));
    });
  }
  // Static batch: the input's N is fixed by the type.
  expectRejected(caseNamed("t2_basic"), "input", "input batch + 1", [](CallOperands &o) {
    reshape(o.x, with(o.x.shape(), 0, o.x.shape()[0] + 1));
  });
}

TEST(BadBuffers, DynamicSizesMustAgreeBetweenInputAndOutput) {
  // N and L are dynamic: the output's must follow the input's.
  const KernelCase &c = caseNamed("t1_dyn_nl"); // calls.front() = (1, 1)
  expectRejected(c, "output", "output batch != input batch", [](CallOperands &o) {
    reshape(o.y, with(o.y.shape(), 0, o.y.shape()[0] + 1));
  });
  expectRejected(c, "output", "output length for a longer input", [](CallOperands &o) {
    reshape(o.x, with(o.x.shape(), 2, o.x.shape()[2] + 3));
  });
  const KernelCase &d = caseNamed("t3_dyn");
  expectRejected(d, "output", "3-D: output depth for another input depth", [](CallOperands &o) {
    reshape(o.x, with(o.x.shape(), 2, o.x.shape()[2] + 1));
  });
}

TEST(BadBuffers, WrongTypeIsRejected) {
  const KernelCase &c = caseNamed("t2_basic"); // f32
  expectRejected(c, "input", "input f64", [](CallOperands &o) { retype(o.x, DType::F64); });
  expectRejected(c, "input", "input f16", [](CallOperands &o) { retype(o.x, DType::F16); });
  expectRejected(c, "weight", "weight bf16", [](CallOperands &o) { retype(o.w, DType::BF16); });
  expectRejected(c, "bias", "bias f64", [](CallOperands &o) { retype(o.b, DType::F64); });
  expectRejected(c, "output", "output f64", [](CallOperands &o) { retype(o.y, DType::F64); });
  const KernelCase &h = caseNamed("f16_t1");
#ifdef TCONV_RUNTIME_OPENCL
  // The OpenCL program is built before the buffers are checked.
  if (openclSkipReason(DType::F16).empty())
#endif
  {
    expectRejected(h, "input", "f16 kernel, bf16 input", [](CallOperands &o) { retype(o.x, DType::BF16); });
    expectRejected(h, "output", "f16 kernel, f32 output", [](CallOperands &o) { retype(o.y, DType::F32); });
  }
  const KernelCase &u = caseNamed("t1_nobias_s1");
  expectRejected(u, "weight", "no-bias kernel, weight f64", [](CallOperands &o) { retype(o.w, DType::F64); });
  // Same size, other type code: int32 / uint32 in place of f32.
  expectRejected(c, "input", "input int32", [](CallOperands &o) {
    o.x.buffer()->type = halide_type_t(halide_type_int, 32);
  });
  expectRejected(c, "output", "output uint32", [](CallOperands &o) {
    o.y.buffer()->type = halide_type_t(halide_type_uint, 32);
  });
}

TEST(BadBuffers, NonDenseOrShiftedBuffersAreRejected) {
  const KernelCase &c = caseNamed("t1_basic");
  expectRejected(c, "input", "input innermost stride 2", [](CallOperands &o) {
    // A valid strided view: every other element of a twice-as-long tensor.
    const size_t last = o.x.shape().size() - 1;
    const int64_t length = o.x.shape()[last];
    reshape(o.x, with(o.x.shape(), last, 2 * length));
    o.x.dims()[0].extent = int32_t(length);
    o.x.dims()[0].stride = 2;
  });
  expectRejected(c, "output", "output min 1", [](CallOperands &o) { o.y.dims()[0].min = 1; });
}

TEST(BadBuffers, NullBufferIsRejected) {
  // Each buffer argument in turn is a null pointer: a non-zero return and a
  // halide_error naming the argument, no crash.
  // t1_dyn_dispatch: the dispatch on the input's length must not read a null
  // input either.
  for (const char *name :
       {"t2_basic", "t1_nobias_s1", "m2_op_bias", "t1_dyn_dispatch"}) {
    const KernelCase &c = caseNamed(name);
    CallOperands ops = makeOperands(c, c.calls.front(), seedFor(c.name, 11));
    halide_buffer_t *args[] = {ops.x.buffer(), ops.w.buffer(),
                               c.hasBias ? ops.b.buffer() : nullptr,
                               ops.y.buffer()};
    const char *argNames[] = {"input", "weight", "bias", "output"};
    for (int i = 0; i < 4; ++i) {
      if (i == 2 && !c.hasBias)
        continue;
      SCOPED_TRACE(std::string(name) + ": null " + argNames[i]);
      halide_buffer_t *a[4] = {args[0], args[1], args[2], args[3]};
      a[i] = nullptr;
      resetCapturedErrors();
      const int rc = callKernel(c, a[0], a[1], a[2], a[3]);
      const std::string message = takeCapturedErrors();
      EXPECT_NE(rc, 0) << "kernel accepted a null buffer";
      EXPECT_NE(message.find(argNames[i]), std::string::npos)
          << "the message does not name '" << argNames[i] << "': " << message;
    }
  }
}

TEST(BadBuffers, AGoodCallStillWorksAfterRejections) {
  const KernelCase &c = caseNamed("t2_basic");
  CallOperands bad = makeOperands(c, c.calls.front(), 1);
  reshape(bad.w, appendOne(bad.w.shape()));
  resetCapturedErrors();
  EXPECT_NE(callKernel(c, bad), 0);
  CallOperands ops = makeOperands(c, c.calls.front(), 2);
  resetCapturedErrors();
  ASSERT_EQ(callKernel(c, ops), 0) << takeCapturedErrors();
  ReferenceResult ref = referenceFor(c, ops);
  EXPECT_TRUE(compareWithTolerance(ops.y, ref.shape, ref.value, ref.absSum,
                                   ref.terms, 0));
}

//===----------------------------------------------------------------------===//
// Concurrency
//===----------------------------------------------------------------------===//

TEST(Concurrency, OneKernelFromSeveralThreads) {
  // Dynamic N and L, so the threads also run different shapes at once.
  const KernelCase &c = caseNamed("m1_same_dyn");
  const int threads = 8, iterations = 6;
  struct Job {
    CallOperands ops;
    ReferenceResult ref;
  };
  std::vector<std::vector<Job>> jobs(threads);
  for (int t = 0; t < threads; ++t)
    for (int i = 0; i < iterations; ++i) {
      const std::vector<int64_t> call = {1 + (t + i) % 3, 1 + 7 * t + 3 * i};
      Job job{makeOperands(c, call, seedFor(c.name, 1000 + 100 * t + i)), {}};
      job.ref = referenceFor(c, job.ops);
      jobs[t].push_back(std::move(job));
    }
  resetCapturedErrors();
  std::atomic<int> failures{0};
  std::atomic<bool> go{false};
  std::vector<std::thread> pool;
  for (int t = 0; t < threads; ++t)
    pool.emplace_back([&, t] {
      while (!go.load())
        std::this_thread::yield();
      for (Job &job : jobs[t])
        if (callKernel(c, job.ops) != 0)
          ++failures;
    });
  go = true;
  for (std::thread &th : pool)
    th.join();
  ASSERT_EQ(failures.load(), 0) << takeCapturedErrors();
  for (int t = 0; t < threads; ++t)
    for (Job &job : jobs[t]) {
      SCOPED_TRACE(describeCall(c, {job.ops.x.shape()[0], job.ops.x.shape()[2]}));
      EXPECT_TRUE(compareWithTolerance(job.ops.y, job.ref.shape, job.ref.value,
                                       job.ref.absSum, job.ref.terms, 0));
    }
}

} // namespace
