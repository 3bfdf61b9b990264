//===- run_examples.cpp - The example kernels against a naive reference ---===//
//
// Runs the kernels that tconv-compile made at build time from
//   examples/comparison_torch.mlir, examples/comparison_mindspore.mlir
//     (MindSpore's "differences with torch.nn.ConvTranspose1d" page),
//   examples/hifigan_upsampler.mlir (HiFi-GAN V1's upsampling stack)
// and compares every output with the test tree's naive transposed convolution
// (test/support/ConvTransposeOracle.h, written from docs/spec.md §0, never
// from lib/). The canonical paddings of these examples are taken from the
// spec's worked-example table (§7.2), not from the compiler. Exits 1 if any
// element is outside the oracle's tolerance.
//
//===----------------------------------------------------------------------===//

#include "ConvTransposeOracle.h"
#include "HalideRuntime.h"

// tconv-compile's per-func headers (tconv_add_kernel_library puts them on
// the include path).
#include "hifigan_up1.h"
#include "hifigan_up2.h"
#include "hifigan_up3.h"
#include "hifigan_up4.h"
#include "ms_k4_s1_pad.h"
#include "ms_k5_s3_same.h"
#include "ms_k5_s3_valid.h"
#include "torch_k4_s1.h"
#include "torch_k5_s3.h"
#include "torch_k5_s3_p2_op2.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <memory>
#include <random>
#include <string>
#include <vector>

namespace {

/// A dense float tensor (N, C, L) with its halide_buffer_t (dim 0 = L).
struct Tensor {
  int64_t n = 0, c = 0, l = 0;
  std::vector<float> data;
  halide_dimension_t dims[3];
  halide_buffer_t buf;

  Tensor(int64_t n, int64_t c, int64_t l) : n(n), c(c), l(l), data(size_t(n * c * l)) {
    init(3);
  }
  explicit Tensor(int64_t c) : n(1), c(1), l(c), data(size_t(c)) { init(1); }
  Tensor(const Tensor &) = delete;
  Tensor &operator=(const Tensor &) = delete;

  void init(int rank) {
    const int32_t extents[3] = {int32_t(l), int32_t(c), int32_t(n)};
    int32_t stride = 1;
    for (int d = 0; d < rank; ++d) {
      dims[d].min = 0;
      dims[d].extent = extents[d];
      dims[d].stride = stride;
      dims[d].flags = 0;
      stride *= extents[d];
    }
    std::memset(&buf, 0, sizeof(buf));
    buf.host = reinterpret_cast<uint8_t *>(data.data());
    buf.type = halide_type_t(halide_type_float, 32);
    buf.dimensions = rank;
    buf.dim = dims;
  }
  float &at(int64_t i, int64_t ch, int64_t j) { return data[size_t((i * c + ch) * l + j)]; }
  void fill(float v) { std::fill(data.begin(), data.end(), v); }
  void uniform(std::mt19937 &rng, float bound) {
    std::uniform_real_distribution<float> d(-bound, bound);
    for (float &v : data)
      v = d(rng);
  }
};

// Dimension 0 of a weight tensor (Cin, Cout, k) is k: the same layout as a
// (N, C, L) tensor with N = Cin, C = Cout, L = k.
using WeightTensor = Tensor;

/// The kernel's output against the oracle's canonical 1-D transposed
/// convolution (groups 1) with padding (lo, hi): the max over the output of
/// |y - ref| and of |y - ref| / tol, tol the oracle's a-priori f32 bound.
struct Check {
  double maxDiff = 0, maxRatio = 0;
  int64_t bad = 0;
};

Check compare(Tensor &x, WeightTensor &w, const Tensor *b, int64_t s, int64_t d,
              int64_t lo, int64_t hi, Tensor &y) {
  using namespace tconv::oracle;
  Problem problem;
  problem.xShape = {x.n, x.c, x.l};
  problem.wShape = {w.n, w.c, w.l};
  problem.stride = {s};
  problem.dilation = {d};
  problem.padding = {DimPadding{lo, hi, 0}};
  Check check;
  const std::vector<int64_t> want = problem.outputShape();
  if (std::vector<int64_t>{y.n, y.c, y.l} != want) {
    std::printf("  shape mismatch: kernel output %lldx%lldx%lld, reference %lldx%lldx%lld\n",
                (long long)y.n, (long long)y.c, (long long)y.l, (long long)want[0],
                (long long)want[1], (long long)want[2]);
    check.bad = 1;
    return check;
  }
  const Result ref = convTranspose(problem, x.data, w.data,
                                    b ? b->data : std::vector<float>());
  for (size_t i = 0; i < y.data.size(); ++i) {
    const double tol =
        toleranceFor(DType::F32, ref.value[i], ref.absSum[i], ref.terms[i]);
    const double diff = std::fabs(double(y.data[i]) - ref.value[i]);
    if (!(diff <= tol))
      ++check.bad;
    if (diff == diff) {
      check.maxDiff = std::max(check.maxDiff, diff);
      check.maxRatio = std::max(check.maxRatio, diff / tol);
    } else {
      check.maxDiff = check.maxRatio = INFINITY;
    }
  }
  return check;
}

using Kernel3 = int (*)(halide_buffer_t *, halide_buffer_t *, halide_buffer_t *);
using Kernel4 = int (*)(halide_buffer_t *, halide_buffer_t *, halide_buffer_t *,
                        halide_buffer_t *);

/// One comparison-page kernel: x (1, 3, 50), 64 output channels, no bias.
/// (lo, hi) from docs/spec.md §7.2.
struct PageExample {
  const char *name;
  Kernel3 fn;
  int64_t k, s, lo, hi;
  const char *row;
};

const PageExample kPage[] = {
    {"torch_k4_s1", torch_k4_s1, 4, 1, 0, 0, "row 1: torch p=0 op=0"},
    {"torch_k5_s3_p2_op2", torch_k5_s3_p2_op2, 5, 3, 2, 0, "row 2: torch p=2 op=2"},
    {"torch_k5_s3", torch_k5_s3, 5, 3, 0, 0, "row 3: torch p=0"},
    {"ms_k4_s1_pad", ms_k4_s1_pad, 4, 1, 0, 0, "row 12: ms pad_mode='pad'"},
    {"ms_k5_s3_same", ms_k5_s3_same, 5, 3, 1, 1, "row 13: ms pad_mode='same'"},
    {"ms_k5_s3_valid", ms_k5_s3_valid, 5, 3, 0, 0, "row 14: ms pad_mode='valid'"},
};

/// HiFi-GAN V1 upsamplers, PyTorch (p, p - op), op = 0 (docs/spec.md §1/§4).
struct HifiLayer {
  const char *name;
  Kernel4 fn;
  int64_t cin, cout, k, s, p;
};

const HifiLayer kHifi[] = {
    {"hifigan_up1", hifigan_up1, 512, 256, 16, 8, 4},
    {"hifigan_up2", hifigan_up2, 256, 128, 16, 8, 4},
    {"hifigan_up3", hifigan_up3, 128, 64, 4, 2, 1},
    {"hifigan_up4", hifigan_up4, 64, 32, 4, 2, 1},
};

std::string lastError;
void captureError(void *, const char *msg) { lastError += msg ? msg : ""; }

int failures = 0;

void report(const char *name, const Tensor &y, const Check &c, const char *note) {
  std::printf("  %-20s output %lldx%lldx%-6lld max|diff| %-11.4g max|diff|/tol %-9.3g %s%s\n",
              name, (long long)y.n, (long long)y.c, (long long)y.l, c.maxDiff,
              c.maxRatio, c.bad ? "FAIL " : "ok   ", note);
  if (c.bad)
    ++failures;
}

int64_t outLength(int64_t L, int64_t k, int64_t s, int64_t lo, int64_t hi) {
  return (L - 1) * s + (k - 1) + 1 - lo - hi;
}

void runPage(bool ones, std::mt19937 &rng, std::vector<float> *torchSame,
             std::vector<float> *msSame) {
  for (const PageExample &e : kPage) {
    Tensor x(1, 3, 50);
    WeightTensor w(3, 64, e.k);
    if (ones) {
      x.fill(1);
      w.fill(1);
    } else {
      x.uniform(rng, 1);
      w.uniform(rng, 1);
    }
    Tensor y(1, 64, outLength(50, e.k, e.s, e.lo, e.hi));
    y.fill(NAN);
    lastError.clear();
    if (int rc = e.fn(&x.buf, &w.buf, &y.buf)) {
      std::printf("  %-20s kernel returned %d: %s\n", e.name, rc, lastError.c_str());
      ++failures;
      continue;
    }
    report(e.name, y, compare(x, w, nullptr, e.s, 1, e.lo, e.hi, y), e.row);
    if (ones && std::string(e.name) == "torch_k5_s3_p2_op2")
      torchSame->assign(y.data.begin(), y.data.begin() + y.l);
    if (ones && std::string(e.name) == "ms_k5_s3_same")
      msSame->assign(y.data.begin(), y.data.begin() + y.l);
  }
}

} // namespace

int main() {
  const auto start = std::chrono::steady_clock::now();
  halide_set_error_handler(captureError);
  std::mt19937 rng(20240601);

  std::printf("MindSpore/PyTorch comparison page, x = ones(1,3,50), all-ones weights\n"
              "(each value = 3 x the number of contributing taps):\n");
  std::vector<float> torchRow, msRow;
  runPage(true, rng, &torchRow, &msRow);
  if (torchRow.size() == 150 && msRow.size() == 150) {
    std::printf("\n  first values of channel 0, both of length 150:\n"
                "  %-6s %-22s %-20s\n", "m", "torch p=2 op=2 (2,0)", "ms 'same' (1,1)");
    for (int m = 0; m < 10; ++m)
      std::printf("  %-6d %-22g %-20g\n", m, torchRow[size_t(m)], msRow[size_t(m)]);
    int shifted = 0;
    for (int m = 0; m + 1 < 150; ++m)
      shifted += msRow[size_t(m + 1)] == torchRow[size_t(m)];
    std::printf("  ms[m+1] == torch[m] for %d of 149 positions: MindSpore 'same' is "
                "PyTorch's (padding=2, output_padding=2) shifted by one position\n",
                shifted);
    if (shifted != 149 || msRow == torchRow) {
      std::printf("  FAIL: expected the one-position shift\n");
      ++failures;
    }
  }

  std::printf("\nSame kernels, random x and weights in [-1, 1]:\n");
  runPage(false, rng, nullptr, nullptr);

  std::printf("\nHiFi-GAN V1 upsampling stack, N=1, 100 frames, layer to layer\n"
              "(weights and bias U(-1/sqrt(fan_in), 1/sqrt(fan_in)) as PyTorch's default init):\n");
  std::unique_ptr<Tensor> x(new Tensor(1, 512, 100));
  x->uniform(rng, 1);
  for (const HifiLayer &layer : kHifi) {
    WeightTensor w(layer.cin, layer.cout, layer.k);
    Tensor b(layer.cout);
    const float bound = 1.0f / std::sqrt(float(layer.cout * layer.k));
    w.uniform(rng, bound);
    b.uniform(rng, bound);
    std::unique_ptr<Tensor> y(
        new Tensor(1, layer.cout, outLength(x->l, layer.k, layer.s, layer.p, layer.p)));
    y->fill(NAN);
    lastError.clear();
    if (int rc = layer.fn(&x->buf, &w.buf, &b.buf, &y->buf)) {
      std::printf("  %-20s kernel returned %d: %s\n", layer.name, rc, lastError.c_str());
      ++failures;
      break;
    }
    char note[64];
    std::snprintf(note, sizeof note, "canonical (%lld, %lld)", (long long)layer.p,
                  (long long)layer.p);
    report(layer.name, *y, compare(*x, w, &b, layer.s, 1, layer.p, layer.p, *y), note);
    x = std::move(y); // the next layer runs on this kernel's output
  }

  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("\n%s (%.1f s)\n",
              failures ? "FAILED: outputs outside the tolerance" : "all outputs match the reference",
              seconds);
  return failures ? 1 : 0;
}
