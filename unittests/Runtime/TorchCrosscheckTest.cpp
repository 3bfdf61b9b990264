//===- TorchCrosscheckTest.cpp - Compiled kernels against PyTorch ---------===//
//
// For every PyTorch-flavor case of runtime_cases.py (and every size it is
// called with) the operands are written to files, torch_reference.py runs
// torch.nn.functional.conv_transpose{1,2,3}d on them ONCE for all jobs (one
// interpreter start), and each kernel's output is compared with PyTorch's,
// computed in float64 from the exact values stored in the kernel's buffers.
//
// Without an importable torch every test FAILS with the interpreter's message
// (scripts/setup.sh installs python3-torch); nothing is skipped.
//
//===----------------------------------------------------------------------===//

#include "KernelRunner.h"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>

#include <csignal>
#include <cstring>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#ifndef TCONV_TORCH_PYTHON
#define TCONV_TORCH_PYTHON "/usr/bin/python3"
#endif
#ifndef TCONV_TORCH_REFERENCE_SCRIPT
#error "TCONV_TORCH_REFERENCE_SCRIPT must name torch_reference.py"
#endif

using namespace tconv_rt;
namespace fs = std::filesystem;

namespace {

std::vector<size_t> torchCaseIndices() {
  std::vector<size_t> v;
  for (size_t i = 0; i < allCases().size(); ++i)
    if (allCases()[i].flavor == Flavor::Torch && allCases()[i].torchCheck)
      v.push_back(i);
  return v;
}

std::string jobName(const KernelCase &c, size_t call) {
  return std::string(c.name) + "_call" + std::to_string(call);
}

std::string joinInts(const std::vector<int64_t> &v, int rank, int64_t dflt) {
  std::string s;
  for (int i = 0; i < rank; ++i) {
    if (i)
      s += ",";
    s += std::to_string(v.empty() ? dflt : v[size_t(i)]);
  }
  return s;
}

void writeDoubles(const fs::path &path, const std::vector<double> &values) {
  std::ofstream out(path, std::ios::binary);
  out.write(reinterpret_cast<const char *>(values.data()),
            std::streamsize(values.size() * sizeof(double)));
}

bool readDoubles(const fs::path &path, std::vector<double> &values) {
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  if (!in)
    return false;
  const std::streamsize bytes = in.tellg();
  values.resize(size_t(bytes) / sizeof(double));
  in.seekg(0);
  return bool(in.read(reinterpret_cast<char *>(values.data()), bytes));
}

std::string readText(const fs::path &path) {
  std::ifstream in(path);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

/// Runs the kernel in a forked child, so that a crashing kernel (e.g. an
/// instruction the CPU lacks) fails its own case instead of the whole binary.
/// The parent never runs Halide code, so each child starts with a fresh
/// runtime (no thread pool to inherit across fork). Returns an empty string
/// on success (ops.y then holds the output), else what went wrong.
std::string callKernelIsolated(const KernelCase &c, CallOperands &ops) {
  const size_t outBytes = size_t(ops.y.size()) * dtypeBytes(c.dtype);
  const size_t msgBytes = 4096;
  void *shared = mmap(nullptr, outBytes + sizeof(int) + msgBytes,
                      PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
  if (shared == MAP_FAILED)
    return "mmap failed";
  auto *out = static_cast<uint8_t *>(shared);
  auto *rcSlot = reinterpret_cast<int *>(out + outBytes);
  char *msg = reinterpret_cast<char *>(rcSlot + 1);
  *rcSlot = -12345;
  msg[0] = 0;
  std::fflush(nullptr);
  const pid_t pid = fork();
  if (pid == 0) {
    resetCapturedErrors();
    const int rc = callKernel(c, ops);
    std::memcpy(out, ops.y.data(), outBytes);
    std::snprintf(msg, msgBytes, "%s", takeCapturedErrors().c_str());
    *rcSlot = rc;
    _exit(0);
  }
  std::string error;
  int status = 0;
  if (pid < 0) {
    error = "fork failed";
  } else if (waitpid(pid, &status, 0) != pid) {
    error = "waitpid failed";
  } else if (WIFSIGNALED(status)) {
    error = std::string("the kernel crashed with signal ") +
            std::to_string(WTERMSIG(status)) + " (" + strsignal(WTERMSIG(status)) + ")";
  } else if (*rcSlot != 0) {
    error = "the kernel returned " + std::to_string(*rcSlot) + ": " + msg;
  } else {
    std::memcpy(ops.y.data(), out, outBytes);
  }
  munmap(shared, outBytes + sizeof(int) + msgBytes);
  return error;
}

/// Writes every job, runs PyTorch once, and keeps the operands for the tests.
class TorchCrosscheck : public testing::TestWithParam<size_t> {
public:
  static void SetUpTestSuite() {
    dir_ = fs::temp_directory_path() /
           ("tconv-torch-crosscheck-" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    std::ofstream manifest(dir_ / "manifest.txt");
    for (size_t index : torchCaseIndices()) {
      const KernelCase &c = allCases()[index];
      for (size_t k = 0; k < c.calls.size(); ++k) {
        const std::string name = jobName(c, k);
        CallOperands ops = makeOperands(c, c.calls[k], seedFor(c.name, 0x70c4 + k));
        writeDoubles(dir_ / (name + ".x"), ops.x.values());
        writeDoubles(dir_ / (name + ".w"), ops.w.values());
        if (c.hasBias)
          writeDoubles(dir_ / (name + ".b"), ops.b.values());
        const int r = c.rank();
        manifest << name << " rank=" << r << " groups=" << c.groups
                 << " bias=" << (c.hasBias ? 1 : 0)
                 << " x=" << joinInts(ops.x.shape(), r + 2, 0)
                 << " w=" << joinInts(ops.w.shape(), r + 2, 0)
                 << " stride=" << joinInts(c.stride, r, 1)
                 << " padding=" << joinInts(c.padding, r, 0)
                 << " output_padding=" << joinInts(c.outputPadding, r, 0)
                 << " dilation=" << joinInts(c.dilation, r, 1) << "\n";
        operands_->emplace(name, std::move(ops));
      }
    }
    manifest.close();
    const char *python = std::getenv("TCONV_TORCH_PYTHON");
    if (!python || !*python)
      python = TCONV_TORCH_PYTHON;
    const fs::path log = dir_ / "torch_reference.log";
    const std::string command = std::string("'") + python + "' '" +
                                TCONV_TORCH_REFERENCE_SCRIPT + "' '" +
                                (dir_ / "manifest.txt").string() + "' '" +
                                dir_.string() + "' > '" + log.string() + "' 2>&1";
    const int status = std::system(command.c_str());
    if (status != 0) {
      const int code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
      *setupError_ = "PyTorch reference failed (" +
                     (code >= 0 ? "exit status " + std::to_string(code)
                                : "wait status " + std::to_string(status)) +
                     ") running:\n  " + command +
                     "\n" + readText(log) +
                     "torch-crosscheck-tests needs torch importable by " + python +
                     " (scripts/setup.sh installs python3-torch; "
                     "TCONV_TORCH_PYTHON overrides the interpreter).";
    }
  }

  static void TearDownTestSuite() {
    operands_->clear();
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }

protected:
  static fs::path dir_;
  static std::map<std::string, CallOperands> *operands_;
  static std::string *setupError_;
};

fs::path TorchCrosscheck::dir_;
std::map<std::string, CallOperands> *TorchCrosscheck::operands_ =
    new std::map<std::string, CallOperands>();
std::string *TorchCrosscheck::setupError_ = new std::string();

TEST(TorchCrosscheckTable, HasEnoughPyTorchConfigurations) {
  size_t n = torchCaseIndices().size();
  EXPECT_GE(n, 20u);
}

TEST_P(TorchCrosscheck, MatchesPyTorch) {
  ASSERT_TRUE(setupError_->empty()) << *setupError_;
  const KernelCase &c = allCases()[GetParam()];
  for (size_t k = 0; k < c.calls.size(); ++k) {
    SCOPED_TRACE(describeCall(c, c.calls[k]));
    const std::string name = jobName(c, k);
    CallOperands &ops = operands_->at(name);
    // PyTorch's shape equals the one the compiler's type inference gave the
    // kernel (the output buffer is allocated from the reference mapping;
    // a mismatch is rejected by the kernel or caught here).
    const std::string torchShape = readText(dir_ / (name + ".shape"));
    std::string ourShape;
    for (size_t d = 0; d < ops.y.shape().size(); ++d)
      ourShape += (d ? "," : "") + std::to_string(ops.y.shape()[d]);
    ASSERT_EQ(torchShape, ourShape) << "PyTorch's output shape differs";
    std::vector<double> expected, absSum;
    ASSERT_TRUE(readDoubles(dir_ / (name + ".y"), expected));
    ASSERT_TRUE(readDoubles(dir_ / (name + ".a"), absSum));
    const std::string error = callKernelIsolated(c, ops);
    ASSERT_TRUE(error.empty()) << error;
    // Reduction size: the bound (Cin/g)*prod(k); PyTorch does not report
    // per-element term counts.
    EXPECT_TRUE(compareWithTolerance(ops.y, ops.y.shape(), expected, absSum, {},
                                     maxTerms(c)));
  }
}

std::string caseName(const testing::TestParamInfo<size_t> &info) {
  return allCases()[info.param].name;
}

INSTANTIATE_TEST_SUITE_P(PyTorch, TorchCrosscheck,
                         testing::ValuesIn(torchCaseIndices()), caseName);

} // namespace
