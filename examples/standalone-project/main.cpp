// Runs the two kernels that the installed tconv-compile made from layers.mlir
// and compares them with a reference loop written from the definition of a
// transposed convolution (tconv's docs/semantics.md §1-2): every input element
// x[n, ci, i] scatters x * w[ci, co - g*Cout/G, t] to full position i*s + t*d;
// the framework's padding rule says which window of that full output is kept.
// Exits 1 when an output element differs or a kernel returns an error.
//
// The loop is deliberately its own, not the test tree's oracle
// (test/support/ConvTransposeOracle.h): this is a user's project, built
// against an installed tconv (find_package), which installs no test headers;
// it has to build when copied out of the source tree.

#include "HalideRuntime.h"

// The generated headers, one per func.func of layers.mlir.
#include "ms_layer.h"
#include "torch_layer.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

namespace {

/// A dense row-major tensor (N, C, spatial...) and the halide_buffer_t that
/// describes it: Halide's dimension 0 is the innermost (last) one.
struct Tensor {
  std::vector<int> shape;
  std::vector<float> data;
  std::vector<halide_dimension_t> dims;
  halide_buffer_t buf{};

  explicit Tensor(std::vector<int> s) : shape(std::move(s)) {
    size_t count = 1;
    for (int e : shape)
      count *= size_t(e);
    data.assign(count, 0.0f);
    dims.resize(shape.size());
    int32_t stride = 1;
    for (size_t d = 0; d < shape.size(); ++d) {
      halide_dimension_t &dim = dims[d];
      dim.min = 0;
      dim.extent = shape[shape.size() - 1 - d];
      dim.stride = stride;
      dim.flags = 0;
      stride *= dim.extent;
    }
    buf.host = reinterpret_cast<uint8_t *>(data.data());
    buf.type = halide_type_t(halide_type_float, 32);
    buf.dimensions = int32_t(shape.size());
    buf.dim = dims.data();
  }
  Tensor(const Tensor &) = delete;
  Tensor &operator=(const Tensor &) = delete;

  /// Deterministic values in [-1, 1): a fixed linear congruential sequence.
  void fillDeterministic(uint32_t seed) {
    uint32_t state = seed;
    for (float &v : data) {
      state = state * 1664525u + 1013904223u;
      v = float(state >> 8) / float(1u << 23) - 1.0f;
    }
  }
  std::string shapeString() const {
    std::string s;
    for (int e : shape)
      s += (s.empty() ? "" : "x") + std::to_string(e);
    return s;
  }
};

/// One spatial dimension of a layer: stride, dilation and the number of
/// leading full-output positions the framework drops (its "pad_lo").
struct Dim {
  int stride, dilation, lo;
};

/// The reference output (double) for input x (N, Cin, S...), weight
/// (Cin, Cout/G, K...), bias (Cout), with the output's spatial sizes `out`.
/// Positions that no input reaches hold only the bias.
std::vector<double> reference(const Tensor &x, const Tensor &w, const Tensor &b,
                              int groups, const std::vector<Dim> &dims,
                              const std::vector<int> &out, std::vector<double> &absSum) {
  const int rank = int(dims.size()); // 1 or 2 spatial dims
  const int N = x.shape[0], Cin = x.shape[1], CoutG = w.shape[1];
  const int Cout = CoutG * groups, CinG = Cin / groups;
  const int inH = rank == 2 ? x.shape[2] : 1, inW = x.shape[1 + rank];
  const int kH = rank == 2 ? w.shape[2] : 1, kW = w.shape[1 + rank];
  const int outH = rank == 2 ? out[0] : 1, outW = out[rank - 1];
  const Dim dh = rank == 2 ? dims[0] : Dim{1, 1, 0}, dw = dims[rank - 1];

  std::vector<double> y(size_t(N) * Cout * outH * outW);
  absSum.assign(y.size(), 0.0);
  for (int n = 0; n < N; ++n)
    for (int co = 0; co < Cout; ++co)
      for (int p = 0; p < outH * outW; ++p) {
        const size_t at = (size_t(n) * Cout + co) * outH * outW + p;
        y[at] = b.data[size_t(co)];
        absSum[at] = std::fabs(b.data[size_t(co)]);
      }
  for (int n = 0; n < N; ++n)
    for (int ci = 0; ci < Cin; ++ci) {
      const int g = ci / CinG;
      for (int cl = 0; cl < CoutG; ++cl) {
        const int co = g * CoutG + cl;
        for (int ih = 0; ih < inH; ++ih)
          for (int iw = 0; iw < inW; ++iw) {
            const double xv = x.data[((size_t(n) * Cin + ci) * inH + ih) * inW + iw];
            for (int th = 0; th < kH; ++th)
              for (int tw = 0; tw < kW; ++tw) {
                const int mh = ih * dh.stride + th * dh.dilation - dh.lo;
                const int mw = iw * dw.stride + tw * dw.dilation - dw.lo;
                if (mh < 0 || mh >= outH || mw < 0 || mw >= outW)
                  continue; // cropped by the framework's padding
                const double wv = w.data[((size_t(ci) * CoutG + cl) * kH + th) * kW + tw];
                const size_t at = ((size_t(n) * Cout + co) * outH + mh) * outW + mw;
                y[at] += xv * wv;
                absSum[at] += std::fabs(xv * wv);
              }
          }
      }
    }
  return y;
}

std::string lastError;
void captureError(void *, const char *msg) { lastError += msg ? msg : ""; }

/// Compares a kernel's output with the reference; prints one line.
bool check(const char *name, const Tensor &x, const Tensor &y,
           const std::vector<double> &ref, const std::vector<double> &absSum) {
  double maxDiff = 0;
  size_t bad = 0;
  for (size_t i = 0; i < ref.size(); ++i) {
    const double diff = std::fabs(double(y.data[i]) - ref[i]);
    // f32 accumulation of a few dozen terms: far below 1e-5 of their magnitude.
    const double tol = 1e-5 * absSum[i] + 1e-6;
    if (!(diff <= tol)) // also catches NaN (an element the kernel never wrote)
      ++bad;
    maxDiff = diff == diff ? std::max(maxDiff, diff) : INFINITY;
  }
  std::printf("%-12s input %-10s output %-10s max|diff| %.3g  %s\n", name,
              x.shapeString().c_str(), y.shapeString().c_str(), maxDiff,
              bad ? "MISMATCH" : "ok");
  if (bad)
    std::printf("  %zu of %zu elements outside the tolerance\n", bad, ref.size());
  return bad == 0;
}

} // namespace

int main() {
  halide_set_error_handler(captureError);
  bool ok = true;

  {
    // PyTorch ConvTranspose1d(4, 6, 3, stride=3, padding=2, output_padding=1,
    // dilation=2, groups=2): PyTorch drops `padding` positions at the start
    // and its length is (L-1)*s - 2p + d*(k-1) + op + 1.
    const int L = 10, k = 3, s = 3, p = 2, op = 1, d = 2;
    Tensor x({2, 4, L}), w({4, 3, k}), b({6});
    x.fillDeterministic(1);
    w.fillDeterministic(2);
    b.fillDeterministic(3);
    const int O = (L - 1) * s - 2 * p + d * (k - 1) + op + 1;
    Tensor y({2, 6, O});
    std::fill(y.data.begin(), y.data.end(), NAN);
    lastError.clear();
    if (int rc = torch_layer(&x.buf, &w.buf, &b.buf, &y.buf)) {
      std::printf("torch_layer returned %d: %s\n", rc, lastError.c_str());
      return 1;
    }
    std::vector<double> absSum;
    auto ref = reference(x, w, b, 2, {{s, d, p}}, {O}, absSum);
    ok &= check("torch_layer", x, y, ref, absSum);
  }

  {
    // MindSpore Conv2dTranspose(3, 4, (3, 4), stride=2, pad_mode='same'):
    // output L*s per dim; of the dk - s surplus positions, the floor half is
    // dropped at the start and the rest at the end.
    const int H = 6, W = 5, kh = 3, kw = 4, s = 2;
    Tensor x({3, 3, H, W}), w({3, 4, kh, kw}), b({4});
    x.fillDeterministic(4);
    w.fillDeterministic(5);
    b.fillDeterministic(6);
    Tensor y({3, 4, H * s, W * s});
    std::fill(y.data.begin(), y.data.end(), NAN);
    lastError.clear();
    if (int rc = ms_layer(&x.buf, &w.buf, &b.buf, &y.buf)) {
      std::printf("ms_layer returned %d: %s\n", rc, lastError.c_str());
      return 1;
    }
    std::vector<double> absSum;
    auto ref = reference(x, w, b, 1, {{s, 1, (kh - s) / 2}, {s, 1, (kw - s) / 2}},
                         {H * s, W * s}, absSum);
    ok &= check("ms_layer", x, y, ref, absSum);

    // A buffer of the wrong shape is an error the kernel reports, not a crash.
    Tensor wrong({3, 4, H * s, W * s + 1});
    lastError.clear();
    const int rc = ms_layer(&x.buf, &w.buf, &b.buf, &wrong.buf);
    std::printf("ms_layer with output %s: returned %d (%s)\n",
                wrong.shapeString().c_str(), rc,
                rc ? "rejected, as it should be" : "NOT rejected");
    ok &= rc != 0;
  }

  std::printf("%s\n", ok ? "all outputs match the reference" : "FAILED");
  return ok ? 0 : 1;
}
