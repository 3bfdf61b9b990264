//===- length_sweep.cpp - Dynamic vs static length, against oneDNN --------===//
//
// tconv-bench-lengths: for each layer and input length of the sweep
// (gen_length_sweep.py), times
//
//   <layer>/L<n>/tconv_dynamic   the kernel compiled with a dynamic length
//                                (dispatching to its specializations)
//   <layer>/L<n>/tconv_static    the kernel compiled for length n
//   <layer>/L<n>/onednn_nwc      oneDNN's primitive with nwc activations
//   <layer>/L<n>/onednn_blocked  oneDNN's primitive in its preferred layout
//   <layer>/L<n>/onednn_ncl      the preferred primitive from and back to ncw
//
// oneDNN primitives are created per length outside the timed region (a
// framework caches them); tconv's dynamic kernel is one object for every
// length. Each point is checked once before it is timed: both tconv kernels
// against oneDNN over the whole output. `--threads=N` as in tconv-bench.
// benchmarks/sweep_report.py turns the JSON into the tables of
// docs/performance.md.
//
//===----------------------------------------------------------------------===//

#include "BenchThreads.h"
#include "OneDnnDeconv.h"

#include <benchmark/benchmark.h>

#include "HalideRuntime.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <memory>
#include <random>
#include <string>
#include <unistd.h>
#include <vector>

using tconv::bench::DeconvShape;
using tconv::bench::OneDnnDeconv;

using KernelFn = int (*)(halide_buffer_t *, halide_buffer_t *,
                         halide_buffer_t *, halide_buffer_t *);

/// One layer at one length: its two kernels.
struct SweepPoint {
  const char *layer;
  DeconvShape shape;
  KernelFn staticKernel, dynamicKernel;
};

// The kernels' headers and kSweep (gen_length_sweep.py).
#include "length_sweep.inc"

namespace {

/// A dense rank-3 (or rank-1) halide_buffer_t over `data`, dim 0 innermost.
struct View {
  halide_dimension_t dims[3];
  halide_buffer_t buf;
  View(float *data, std::vector<int64_t> sizes) {
    buf = halide_buffer_t();
    buf.host = reinterpret_cast<uint8_t *>(data);
    buf.type = halide_type_t(halide_type_float, 32, 1);
    buf.dimensions = int(sizes.size());
    buf.dim = dims;
    int64_t stride = 1;
    for (size_t i = 0; i < sizes.size(); ++i) {
      dims[i] = halide_dimension_t(0, int32_t(sizes[i]), int32_t(stride));
      stride *= sizes[i];
    }
  }
};

struct PointState {
  const SweepPoint &pt;
  std::vector<float> x, w, b, yStatic, yDynamic, yDnnl;
  View xv, wv, bv, ysv, ydv;
  std::unique_ptr<OneDnnDeconv> nwc, blocked;
  std::string error;

  explicit PointState(const SweepPoint &p)
      : pt(p), x(p.shape.xSize()), w(p.shape.wSize()), b(p.shape.Cout),
        yStatic(p.shape.ySize()), yDynamic(p.shape.ySize()),
        yDnnl(p.shape.ySize()),
        xv(x.data(), {p.shape.L, p.shape.Cin, p.shape.N}),
        wv(w.data(), {p.shape.K, p.shape.cog(), p.shape.Cin}),
        bv(b.data(), {p.shape.Cout}),
        ysv(yStatic.data(), {p.shape.lout(), p.shape.Cout, p.shape.N}),
        ydv(yDynamic.data(), {p.shape.lout(), p.shape.Cout, p.shape.N}) {
    std::mt19937 rng(4321);
    std::uniform_real_distribution<float> dist(-1.0f, 1.0f);
    for (float *v : {x.data(), w.data()})
      for (size_t i = 0, n = v == x.data() ? x.size() : w.size(); i < n; ++i)
        v[i] = dist(rng);
    // oneDNN has no bias here: a zero bias keeps the outputs comparable.
    std::fill(b.begin(), b.end(), 0.0f);
    try {
      nwc = std::make_unique<OneDnnDeconv>(p.shape, OneDnnDeconv::Layout::Nwc,
                                           x.data(), w.data(), yDnnl.data());
      blocked = std::make_unique<OneDnnDeconv>(
          p.shape, OneDnnDeconv::Layout::Preferred, x.data(), w.data(),
          yDnnl.data());
    } catch (const dnnl::error &e) {
      error = std::string("oneDNN: ") + e.what();
      return;
    }
    check();
  }

  int runStatic() { return pt.staticKernel(&xv.buf, &wv.buf, &bv.buf, &ysv.buf); }
  int runDynamic() {
    return pt.dynamicKernel(&xv.buf, &wv.buf, &bv.buf, &ydv.buf);
  }

  void check() {
    blocked->runFromNcl();
    if (runStatic() != 0 || runDynamic() != 0) {
      error = "a tconv kernel returned an error";
      return;
    }
    double maxRef = 0, diffStatic = 0, diffDynamic = 0;
    for (size_t i = 0; i < yDnnl.size(); ++i) {
      maxRef = std::max(maxRef, std::fabs(double(yDnnl[i])));
      diffStatic = std::max(diffStatic, std::fabs(double(yStatic[i] - yDnnl[i])));
      diffDynamic =
          std::max(diffDynamic, std::fabs(double(yDynamic[i] - yDnnl[i])));
    }
    const double tol = 1e-4 * std::max(1.0, maxRef);
    if (!(diffStatic <= tol) || !(diffDynamic <= tol)) {
      char msg[160];
      std::snprintf(msg, sizeof(msg),
                    "max abs diff vs oneDNN: static %.3g, dynamic %.3g > %.3g",
                    diffStatic, diffDynamic, tol);
      error = msg;
    }
  }
};

PointState &stateFor(const SweepPoint &pt) {
  static std::map<const SweepPoint *, std::unique_ptr<PointState>> states;
  auto &slot = states[&pt];
  if (!slot)
    slot = std::make_unique<PointState>(pt);
  return *slot;
}

bool gFailed = false;

enum class Which { Dynamic, Static, DnnlNwc, DnnlBlocked, DnnlNcl };

void run(benchmark::State &state, const SweepPoint *pt, Which which) {
  PointState &st = stateFor(*pt);
  if (!st.error.empty()) {
    gFailed = true;
    state.SkipWithError(st.error.c_str());
    return;
  }
  int rc = 0;
  switch (which) {
  case Which::Dynamic:
    for (auto _ : state)
      rc |= st.runDynamic();
    break;
  case Which::Static:
    for (auto _ : state)
      rc |= st.runStatic();
    break;
  case Which::DnnlNwc:
    for (auto _ : state)
      st.nwc->runPrimitive();
    break;
  case Which::DnnlBlocked:
    for (auto _ : state)
      st.blocked->runPrimitive();
    break;
  case Which::DnnlNcl:
    for (auto _ : state)
      st.blocked->runFromNcl();
    break;
  }
  if (rc != 0) {
    gFailed = true;
    state.SkipWithError("tconv kernel returned an error");
    return;
  }
  state.counters["GFLOP/s"] = benchmark::Counter(
      pt->shape.flops() * double(state.iterations()) * 1e-9,
      benchmark::Counter::kIsRate);
  if (which == Which::DnnlNwc)
    state.SetLabel(st.nwc->info);
  if (which == Which::DnnlBlocked || which == Which::DnnlNcl)
    state.SetLabel(st.blocked->info);
}

} // namespace

int main(int argc, char **argv) {
  if (tconv::bench::initBenchmarks(argc, argv, "tconv-bench-lengths") == 0)
    return 2;
  const std::pair<const char *, Which> kinds[] = {
      {"tconv_dynamic", Which::Dynamic},
      {"tconv_static", Which::Static},
      {"onednn_nwc", Which::DnnlNwc},
      {"onednn_blocked", Which::DnnlBlocked},
      {"onednn_ncl", Which::DnnlNcl}};
  for (const SweepPoint &pt : kSweep)
    for (const auto &[name, which] : kinds)
      benchmark::RegisterBenchmark(
          (std::string(pt.layer) + "/L" + std::to_string(pt.shape.L) + "/" +
           name)
              .c_str(),
          run, &pt, which)
          ->Unit(benchmark::kMicrosecond)
          ->UseRealTime()
          ->ComputeStatistics("max", [](const std::vector<double> &v) {
            return v.empty() ? 0.0 : *std::max_element(v.begin(), v.end());
          });
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return gFailed ? 1 : 0;
}
