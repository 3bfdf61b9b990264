//===- fusion_bench.cpp - Fused elementwise stages vs separate passes ------===//
//
// Google Benchmark binary over the layers of benchmarks/fusion_shapes.mlir
// (docs/fusion.md, "Cost"): each transposed convolution with the activation
// a model applies before it (HiFi-GAN's leaky ReLU) or after it (Demucs'
// ReLU, an ELU), timed five ways in one process:
//
//   <layer>/fused          the tconv kernel with the activation fused in;
//   <layer>/bare           the tconv kernel without it (the cost floor);
//   <layer>/bare+eltwise   the bare kernel and a separate elementwise pass
//                          (oneDNN's eltwise primitive on the ncw tensor:
//                          before the kernel into a scratch tensor, or after
//                          it in place), what a user runs today;
//   <layer>/onednn_prim    oneDNN's deconvolution in its preferred layout
//                          with the activation as oneDNN runs it: an eltwise
//                          post-op after, a separate eltwise primitive before
//                          (oneDNN has no pre-ops); reorders outside the loop;
//   <layer>/onednn_nwc     the same with nwc activations;
//   <layer>/paired         fused, bare and bare+eltwise called in turn, each
//                          call timed: counters fused/bare and
//                          separate/fused are the medians of the per-round
//                          ratios, which a shared machine's slow drifts
//                          (seconds long, tens of percent) cancel out of.
//
// Before timing, the fused kernel's output is compared with bare+eltwise's
// and with oneDNN's (max abs diff, counter max_abs_diff); a mismatch beyond
// 1e-4 relative skips the layer with an error and makes the exit status
// non-zero. `--threads=N` as in tconv-bench (default: all cores).
//
//===----------------------------------------------------------------------===//

#include "BenchThreads.h"
#include "OneDnnDeconv.h"

#include <benchmark/benchmark.h>

#include <chrono>
#include <oneapi/dnnl/dnnl.hpp>

#include "HalideRuntime.h"

#include "fused_depthwise_elu.h"
#include "fused_depthwise_leaky.h"
#include "fused_demucs_dec_relu.h"
#include "fused_hifigan_up1_leaky.h"
#include "fused_hifigan_up3_leaky.h"
#include "bare_depthwise_elu.h"
#include "bare_depthwise_leaky.h"
#include "bare_demucs_dec_relu.h"
#include "bare_hifigan_up1_leaky.h"
#include "bare_hifigan_up3_leaky.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <random>
#include <string>
#include <unistd.h>
#include <vector>

namespace {

using KernelFn = int (*)(halide_buffer_t *, halide_buffer_t *,
                         halide_buffer_t *, halide_buffer_t *);
using tconv::bench::Activation;
using tconv::bench::DeconvShape;
using tconv::bench::OneDnnDeconv;

struct Layer : DeconvShape {
  const char *name;
  KernelFn fused, bare;
  bool before; ///< the activation is on the input (else on the output)
  Activation activation;
};

const Activation kLeaky{dnnl::algorithm::eltwise_relu, 0.1f, 0.0f};
const Activation kRelu{dnnl::algorithm::eltwise_relu, 0.0f, 0.0f};
const Activation kElu{dnnl::algorithm::eltwise_elu, 1.0f, 0.0f};

// clang-format off
const Layer kLayers[] = {
  // N, Cin, Cout, K, s, p, op, d, g, L
  {{1, 512, 256, 16, 8, 4, 0, 1, 1, 100}, "hifigan_up1_leaky",
   fused_hifigan_up1_leaky, bare_hifigan_up1_leaky, true, kLeaky},
  {{1, 128, 64, 4, 2, 1, 0, 1, 1, 6400}, "hifigan_up3_leaky",
   fused_hifigan_up3_leaky, bare_hifigan_up3_leaky, true, kLeaky},
  {{1, 64, 8, 8, 4, 0, 0, 1, 1, 11025}, "demucs_dec_relu",
   fused_demucs_dec_relu, bare_demucs_dec_relu, false, kRelu},
  {{1, 512, 512, 4, 2, 1, 0, 1, 512, 2000}, "depthwise_elu",
   fused_depthwise_elu, bare_depthwise_elu, false, kElu},
  {{1, 512, 512, 4, 2, 1, 0, 1, 512, 2000}, "depthwise_leaky",
   fused_depthwise_leaky, bare_depthwise_leaky, true, kLeaky},
};
// clang-format on

bool gFailed = false;

/// A dense rank-3 (or rank-1) halide_buffer_t over `data`, dim 0 innermost.
struct View {
  halide_dimension_t dims[3];
  halide_buffer_t buf{};
  View(float *data, std::vector<int64_t> extents) {
    int32_t stride = 1;
    for (size_t i = 0; i < extents.size(); ++i) {
      dims[i] = halide_dimension_t(0, int32_t(extents[i]), stride);
      stride *= int32_t(extents[i]);
    }
    buf.host = reinterpret_cast<uint8_t *>(data);
    buf.type = halide_type_t(halide_type_float, 32, 1);
    buf.dimensions = int32_t(extents.size());
    buf.dim = dims;
  }
};

/// An eltwise primitive on a dense ncw tensor, from `src` into `dst`.
struct Eltwise {
  dnnl::engine eng{dnnl::engine::kind::cpu, 0};
  dnnl::stream strm{eng};
  dnnl::eltwise_forward prim;
  dnnl::memory src, dst;
  Eltwise(Activation a, dnnl::memory::dims dims, float *from, float *to) {
    using namespace dnnl;
    memory::desc desc(dims, memory::data_type::f32, memory::format_tag::ncw);
    prim = eltwise_forward(eltwise_forward::primitive_desc(
        eltwise_forward::desc(prop_kind::forward_inference, a.algorithm, desc,
                              a.alpha, a.beta),
        eng));
    src = memory(desc, eng, from);
    dst = memory(desc, eng, to);
  }
  void run() {
    prim.execute(strm, {{DNNL_ARG_SRC, src}, {DNNL_ARG_DST, dst}});
    strm.wait();
  }
};

/// Everything one layer needs, built and checked on first use.
struct LayerState {
  const Layer &l;
  std::vector<float> x, w, b, scratch, yFused, yBare, yDnnl, yNwc;
  View xView, wView, bView, scratchView, yFusedView, yBareView;
  std::unique_ptr<Eltwise> separate;
  std::unique_ptr<OneDnnDeconv> dnnl, nwc;
  std::string error;
  double maxDiff = 0;

  explicit LayerState(const Layer &layer)
      : l(layer), x(l.xSize()), w(l.wSize()), b(size_t(l.Cout)),
        scratch(l.before ? l.xSize() : 0), yFused(l.ySize()), yBare(l.ySize()),
        yDnnl(l.ySize()), yNwc(l.ySize()), xView(x.data(), {l.L, l.Cin, l.N}),
        wView(w.data(), {l.K, l.cog(), l.Cin}), bView(b.data(), {l.Cout}),
        scratchView(scratch.data(), {l.L, l.Cin, l.N}),
        yFusedView(yFused.data(), {l.lout(), l.Cout, l.N}),
        yBareView(yBare.data(), {l.lout(), l.Cout, l.N}) {
    std::mt19937 rng(2026);
    std::uniform_real_distribution<float> dist(-1.0f, 1.0f);
    for (std::vector<float> *v : {&x, &w, &b})
      for (float &e : *v)
        e = dist(rng);
    if (l.before)
      separate = std::make_unique<Eltwise>(
          l.activation, dnnl::memory::dims{l.N, l.Cin, l.L}, x.data(),
          scratch.data());
    else
      separate = std::make_unique<Eltwise>(
          l.activation, dnnl::memory::dims{l.N, l.Cout, l.lout()},
          yBare.data(), yBare.data());
    const Activation none;
    dnnl = std::make_unique<OneDnnDeconv>(
        l, OneDnnDeconv::Layout::Preferred, x.data(), w.data(), yDnnl.data(),
        b.data(), l.before ? l.activation : none,
        l.before ? none : l.activation);
    nwc = std::make_unique<OneDnnDeconv>(
        l, OneDnnDeconv::Layout::Nwc, x.data(), w.data(), yNwc.data(),
        b.data(), l.before ? l.activation : none,
        l.before ? none : l.activation);
    check();
  }

  int runFused() {
    return l.fused(&xView.buf, &wView.buf, &bView.buf, &yFusedView.buf);
  }
  int runBare() {
    return l.bare(&xView.buf, &wView.buf, &bView.buf, &yBareView.buf);
  }
  int runBareThenEltwise() {
    if (l.before) {
      separate->run();
      return l.bare(&scratchView.buf, &wView.buf, &bView.buf, &yBareView.buf);
    }
    int rc = runBare();
    separate->run();
    return rc;
  }

  void check() {
    if (runFused() != 0 || runBareThenEltwise() != 0) {
      error = "a tconv kernel returned an error";
      return;
    }
    dnnl->runFromNcl();
    double scale = 0;
    for (size_t i = 0; i < yFused.size(); ++i) {
      scale = std::max(scale, double(std::abs(yDnnl[i])));
      maxDiff = std::max({maxDiff, double(std::abs(yFused[i] - yBare[i])),
                          double(std::abs(yFused[i] - yDnnl[i]))});
    }
    if (!(maxDiff <= 1e-4 * std::max(1.0, scale)))
      error = "fused output differs from bare+eltwise or oneDNN by " +
              std::to_string(maxDiff);
  }
};

enum class Variant {
  Fused,
  Bare,
  BareThenEltwise,
  DnnlPrim,
  DnnlNwc,
  Paired
};

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v.empty() ? 0 : v[v.size() / 2];
}

/// One round of Variant::Paired: the three tconv ways, each timed.
int pairedRound(LayerState &s, std::vector<double> &fusedOverBare,
                std::vector<double> &separateOverFused) {
  using Clock = std::chrono::steady_clock;
  auto seconds = [](Clock::time_point a, Clock::time_point b) {
    return std::chrono::duration<double>(b - a).count();
  };
  Clock::time_point t0 = Clock::now();
  int rc = s.runBare();
  Clock::time_point t1 = Clock::now();
  rc |= s.runFused();
  Clock::time_point t2 = Clock::now();
  rc |= s.runBareThenEltwise();
  Clock::time_point t3 = Clock::now();
  fusedOverBare.push_back(seconds(t1, t2) / seconds(t0, t1));
  separateOverFused.push_back(seconds(t2, t3) / seconds(t1, t2));
  return rc;
}

LayerState &stateFor(const Layer *l) {
  static std::vector<std::unique_ptr<LayerState>> states(std::size(kLayers));
  std::unique_ptr<LayerState> &s = states[size_t(l - kLayers)];
  if (!s)
    s = std::make_unique<LayerState>(*l);
  return *s;
}

void run(benchmark::State &state, const Layer *l, Variant v) {
  LayerState &s = stateFor(l);
  if (!s.error.empty()) {
    gFailed = true;
    state.SkipWithError(s.error.c_str());
    return;
  }
  int rc = 0;
  std::vector<double> fusedOverBare, separateOverFused;
  for (auto _ : state) {
    switch (v) {
    case Variant::Paired:
      rc |= pairedRound(s, fusedOverBare, separateOverFused);
      break;
    case Variant::Fused: rc |= s.runFused(); break;
    case Variant::Bare: rc |= s.runBare(); break;
    case Variant::BareThenEltwise: rc |= s.runBareThenEltwise(); break;
    case Variant::DnnlPrim: s.dnnl->runPrimitive(); break;
    case Variant::DnnlNwc: s.nwc->runPrimitive(); break;
    }
  }
  if (rc != 0) {
    gFailed = true;
    state.SkipWithError("a tconv kernel returned an error");
    return;
  }
  if (v == Variant::Paired) {
    state.counters["fused/bare"] = median(fusedOverBare);
    state.counters["separate/fused"] = median(separateOverFused);
    return;
  }
  state.counters["GFLOP/s"] = benchmark::Counter(
      l->flops(), benchmark::Counter::kIsIterationInvariantRate);
  state.counters["max_abs_diff"] = s.maxDiff;
  if (v == Variant::DnnlPrim)
    state.SetLabel(s.dnnl->info);
  if (v == Variant::DnnlNwc)
    state.SetLabel(s.nwc->info);
}

} // namespace

int main(int argc, char **argv) {
  if (tconv::bench::initBenchmarks(argc, argv, "tconv-bench-fusion") == 0)
    return 2;
  for (const Layer &l : kLayers)
    for (auto [what, v] : {std::pair{"fused", Variant::Fused},
                           std::pair{"bare", Variant::Bare},
                           std::pair{"bare+eltwise", Variant::BareThenEltwise},
                           std::pair{"onednn_prim", Variant::DnnlPrim},
                           std::pair{"onednn_nwc", Variant::DnnlNwc},
                           std::pair{"paired", Variant::Paired}})
      benchmark::RegisterBenchmark((std::string(l.name) + "/" + what).c_str(),
                                   run, &l, v)
          ->Unit(benchmark::kMicrosecond)
          ->UseRealTime();
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return gFailed ? 1 : 0;
}
