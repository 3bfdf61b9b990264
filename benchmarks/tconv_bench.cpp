//===- tconv_bench.cpp - tconv kernels vs oneDNN vs naive loops -----------===//
//
// Google Benchmark binary over the shape suite (docs/performance.md, Results)
// (the kernels are compiled from benchmarks/shapes.mlir at build time). For
// every shape it times
//
//   <shape>/tconv        the generated kernel, N x C x L in and out;
//   <shape>/onednn_ncl   oneDNN deconvolution_forward fed from and back to
//                        ncw memory: the reorders into and out of the
//                        primitive's preferred layout are in the timed region
//                        (what a PyTorch-layout user pays per call);
//   <shape>/onednn_prim  the same primitive alone, in its preferred layout
//                        (format_tag::any), reorders outside the timed region;
//   <shape>/onednn_nwc   a primitive created for nwc activations, alone
//                        (report.py compares with the faster of the two);
//   <shape>/naive        plain loops (seed_ex1, seed_ex2, hifigan_up4 only;
//                        single-threaded, so only registered at --threads=1);
//   <shape>/auto_<as>    the same kernel scheduled by Halide 14's
//                        autoscheduler <as> (adams2019, li2018, mullapudi2016;
//                        tconv-compile --schedule=auto-<as>), NCL in and out.
//                        A kernel that did not compile is reported with the
//                        reason from auto/<as>/status.txt, without failing.
//
// The oneDNN weights are reordered from PyTorch's (Cin, Cout/groups, K) layout
// into the primitive's layout once, outside every timed region (a framework
// caches packed weights); the tconv kernel reads PyTorch's layout directly on
// every call.
//
// One thread count per process: `--threads=N` (default: all cores) sets the
// Halide runtime (HL_NUM_THREADS and halide_set_num_threads) and oneDNN's
// OpenMP runtime (omp_set_num_threads) before either is first used. Each
// benchmark reports `cpu_util` = process CPU time / wall time over its timed
// loop, and fails when that exceeds the claimed thread count.
//
// Before a shape is timed its results are checked once: tconv against oneDNN
// (max abs diff over the whole output) and both against the test tree's
// double-precision oracle (test/support/ConvTransposeOracle.h, one element
// at a time) on sampled outputs (every output for small shapes). A
// benchmark whose check fails is skipped with an error, and the process then
// exits non-zero (so the benchmark-smoke test fails).
//
// Counters: GFLOP/s (FLOPs = 2*N*Cin*(Cout/groups)*K*L_in, over wall time),
// threads, cpu_util, and for tconv max_abs_diff (vs oneDNN).
//
//===----------------------------------------------------------------------===//

#include "BenchThreads.h"
#include "ConvTransposeOracle.h"
#include "OneDnnDeconv.h"

#include <benchmark/benchmark.h>
#include <oneapi/dnnl/dnnl.hpp>

#include "HalideRuntime.h"

#include "bench_batch16.h"
#include "bench_bigvgan_up1.h"
#include "bench_mimi_up.h"
#include "bench_pocket_up.h"
#include "bench_demucs_dec.h"
#include "bench_dilated.h"
#include "bench_encodec_up2.h"
#include "bench_grouped.h"
#include "bench_hifigan_up1.h"
#include "bench_hifigan_up2.h"
#include "bench_hifigan_up3.h"
#include "bench_hifigan_up4.h"
#include "bench_istft_ola.h"
#include "bench_melgan_up1.h"
#include "bench_seed_ex1.h"
#include "bench_seed_ex2.h"
#include "bench_tasnet_dec.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <map>
#include <memory>
#include <random>
#include <string>
#include <unistd.h>
#include <vector>

// The autoscheduled kernels (benchmarks/compile_autoschedulers.py), weak: a
// kernel its autoscheduler failed on, or a build without
// TCONV_BENCH_AUTOSCHEDULERS, leaves a null pointer.
#define TCONV_SHAPES(X)                                                        \
  X(hifigan_up1) X(hifigan_up2) X(hifigan_up3) X(hifigan_up4) X(melgan_up1)    \
  X(seed_ex1) X(seed_ex2) X(batch16) X(grouped) X(dilated)
#define TCONV_AUTO_DECL(shape)                                                 \
  int adams2019_##shape(halide_buffer_t *, halide_buffer_t *,                  \
                        halide_buffer_t *) __attribute__((weak));              \
  int li2018_##shape(halide_buffer_t *, halide_buffer_t *, halide_buffer_t *)  \
      __attribute__((weak));                                                   \
  int mullapudi2016_##shape(halide_buffer_t *, halide_buffer_t *,              \
                            halide_buffer_t *) __attribute__((weak));
extern "C" {
TCONV_SHAPES(TCONV_AUTO_DECL)
}

#ifndef TCONV_BENCH_AUTO_DIR
#define TCONV_BENCH_AUTO_DIR ""
#endif

namespace {

using KernelFn = int (*)(halide_buffer_t *, halide_buffer_t *,
                         halide_buffer_t *);

/// The autoschedulers, in the order of AutoKernels::fn.
const char *const kAutoNames[] = {"adams2019", "li2018", "mullapudi2016"};
constexpr int kAutoCount = 3;

struct AutoKernels {
  const char *shape;
  KernelFn fn[kAutoCount];
};
#define TCONV_AUTO_ROW(shape)                                                  \
  {#shape, {adams2019_##shape, li2018_##shape, mullapudi2016_##shape}},
const AutoKernels kAutoKernels[] = {TCONV_SHAPES(TCONV_AUTO_ROW)};

KernelFn autoKernel(const char *shape, int as) {
  for (const AutoKernels &row : kAutoKernels)
    if (std::strcmp(row.shape, shape) == 0)
      return row.fn[as];
  return nullptr;
}

/// The line of auto/<as>/status.txt for `shape` ("" when there is none).
std::string autoStatus(const char *shape, int as) {
  std::string path =
      std::string(TCONV_BENCH_AUTO_DIR) + "/" + kAutoNames[as] + "/status.txt";
  FILE *f = std::fopen(path.c_str(), "r");
  if (!f)
    return "";
  char line[1024];
  std::string found;
  const size_t n = std::strlen(shape);
  while (std::fgets(line, sizeof(line), f))
    if (std::strncmp(line, shape, n) == 0 && line[n] == ' ') {
      found = line + n + 1;
      while (!found.empty() && (found.back() == '\n' || found.back() == '\r'))
        found.pop_back();
    }
  std::fclose(f);
  return found;
}

/// One row of shapes.md (PyTorch ConvTranspose1d parameters). Must agree
/// with benchmarks/shapes.mlir; a mismatch in tensor sizes makes the kernel
/// fail its buffer checks, one in stride/padding/dilation fails the
/// correctness check.
struct Shape : tconv::bench::DeconvShape {
  const char *name;
  KernelFn kernel;
  bool naive; ///< time the naive loops too
};

// clang-format off
const Shape kShapes[] = {
  // N, Cin, Cout, K, s, p, op, d, g, L_in; name
  {{1,   512, 256, 16, 8, 4, 0, 1, 1,   100}, "hifigan_up1", bench_hifigan_up1, false},
  {{1,   256, 128, 16, 8, 4, 0, 1, 1,   800}, "hifigan_up2", bench_hifigan_up2, false},
  {{1,   128,  64,  4, 2, 1, 0, 1, 1,  6400}, "hifigan_up3", bench_hifigan_up3, false},
  {{1,    64,  32,  4, 2, 1, 0, 1, 1, 12800}, "hifigan_up4", bench_hifigan_up4, true},
  {{1,   512, 256, 16, 8, 4, 0, 1, 1,   200}, "melgan_up1", bench_melgan_up1, false},
  {{1,     3,  64,  4, 1, 0, 0, 1, 1,    50}, "seed_ex1", bench_seed_ex1, true},
  {{1,     3,  64,  5, 3, 2, 2, 1, 1,    50}, "seed_ex2", bench_seed_ex2, true},
  {{16,  256, 256,  4, 2, 1, 1, 1, 1,  1024}, "batch16", bench_batch16, false},
  {{8,    256, 256,  8, 4, 2, 0, 1, 4,   512}, "grouped", bench_grouped, false},
  {{4,    128, 128,  3, 1, 2, 0, 2, 1,  2048}, "dilated", bench_dilated, false},
  // Shape classes outside the shared list, from public models (shapes.mlir
  // says where each comes from).
  {{1,  1026,   1, 1024, 256, 512, 0, 1, 1,   128}, "istft_ola", bench_istft_ola, false},
  {{1,   512,   1,   16,   8,   0, 0, 1, 1,  3999}, "tasnet_dec", bench_tasnet_dec, false},
  {{1,    64,   8,    8,   4,   0, 0, 1, 1, 11025}, "demucs_dec", bench_demucs_dec, false},
  {{1,   256, 128,   10,   5,   0, 0, 1, 1,   600}, "encodec_up2", bench_encodec_up2, false},
  {{1,  1536, 768,    8,   4,   2, 0, 1, 1,   100}, "bigvgan_up1", bench_bigvgan_up1, false},
  {{1,   512, 512,    4,   2,   0, 0, 1, 512, 125}, "mimi_up", bench_mimi_up, false},
  {{1,   512, 512,   32,  16,   0, 0, 1, 512, 125}, "pocket_up", bench_pocket_up, false},
};
// clang-format on

int gThreads = 1;       // the thread count of this process
bool gFailed = false;   // some benchmark was skipped with an error

/// 64-byte aligned float array.
struct Array {
  float *data = nullptr;
  size_t size = 0;
  explicit Array(size_t n) : size(n) {
    size_t bytes = (n * sizeof(float) + 63) / 64 * 64;
    data = static_cast<float *>(std::aligned_alloc(64, bytes ? bytes : 64));
    if (!data) {
      std::fprintf(stderr, "tconv-bench: out of memory\n");
      std::exit(2);
    }
  }
  ~Array() { std::free(data); }
  Array(const Array &) = delete;
  Array &operator=(const Array &) = delete;
};

/// A dense rank-3 halide_buffer_t over `data`, dimension 0 innermost.
struct HalideView {
  halide_dimension_t dims[3];
  halide_buffer_t buf;
  HalideView(float *data, int64_t d0, int64_t d1, int64_t d2) {
    dims[0] = halide_dimension_t(0, int32_t(d0), 1);
    dims[1] = halide_dimension_t(0, int32_t(d1), int32_t(d0));
    dims[2] = halide_dimension_t(0, int32_t(d2), int32_t(d0 * d1));
    buf = halide_buffer_t();
    buf.host = reinterpret_cast<uint8_t *>(data);
    buf.type = halide_type_t(halide_type_float, 32, 1);
    buf.dimensions = 3;
    buf.dim = dims;
  }
};

/// Plain loops, scatter form, exactly the definition: every input sample
/// spreads over K output positions. Single-threaded. The timed naive
/// baseline in f32, so not the (double, |terms|-tracking) test oracle.
void naiveConvTranspose(const Shape &sh, const float *x, const float *w,
                        float *y) {
  const int64_t lo = sh.lout(), cig = sh.cig(), cog = sh.cog();
  std::fill(y, y + sh.ySize(), 0.0f);
  for (int64_t n = 0; n < sh.N; ++n)
    for (int64_t g = 0; g < sh.g; ++g)
      for (int64_t ci = 0; ci < cig; ++ci)
        for (int64_t co = 0; co < cog; ++co)
          for (int64_t k = 0; k < sh.K; ++k)
            for (int64_t i = 0; i < sh.L; ++i) {
              int64_t o = i * sh.s - sh.p + k * sh.d;
              if (o < 0 || o >= lo)
                continue;
              int64_t cin = g * cig + ci, cout = g * cog + co;
              y[(n * sh.Cout + cout) * lo + o] +=
                  x[(n * sh.Cin + cin) * sh.L + i] *
                  w[(cin * cog + co) * sh.K + k];
            }
}

/// The shape as the oracle takes it: PyTorch's (p, p - op) canonical padding.
tconv::oracle::Problem oracleProblem(const Shape &sh) {
  tconv::oracle::Problem problem;
  problem.xShape = {sh.N, sh.Cin, sh.L};
  problem.wShape = {sh.Cin, sh.cog(), sh.K};
  problem.groups = sh.g;
  problem.stride = {sh.s};
  problem.dilation = {sh.d};
  problem.padding = {tconv::oracle::torchPadding(sh.p, sh.op)};
  return problem;
}

const char *runtimeName(unsigned r) {
  switch (r) {
  case DNNL_RUNTIME_NONE: return "none";
  case DNNL_RUNTIME_SEQ: return "sequential";
  case DNNL_RUNTIME_OMP: return "OpenMP";
  case DNNL_RUNTIME_TBB: return "TBB";
  case DNNL_RUNTIME_THREADPOOL: return "threadpool";
  default: return "other";
  }
}

/// Everything one shape needs, built and checked on first use and kept for
/// the process (Google Benchmark calls each benchmark function several times).
struct ShapeState {
  const Shape &sh;
  Array x, w, yTconv, yDnnl, yNaive, yDnnlNwc;
  HalideView xView, wView, yView;

  std::unique_ptr<tconv::bench::OneDnnDeconv> dnnl; // preferred layout
  std::unique_ptr<tconv::bench::OneDnnDeconv> dnnlNwc;
  std::string dnnlInfo, dnnlNwcInfo;

  bool tconvOk = true, dnnlOk = true;
  std::string tconvError, dnnlError;
  double tconvMaxDiff = 0.0;

  // The autoscheduled kernels: one output buffer, each checked on first use
  // against oneDNN over the whole output.
  std::unique_ptr<Array> yAuto;
  std::unique_ptr<HalideView> yAutoView;
  bool autoChecked[kAutoCount] = {};
  std::string autoError[kAutoCount];
  double autoMaxDiff[kAutoCount] = {};

  explicit ShapeState(const Shape &s)
      : sh(s), x(s.xSize()), w(s.wSize()), yTconv(s.ySize()),
        yDnnl(s.ySize()), yNaive(s.naive ? s.ySize() : 0), yDnnlNwc(s.ySize()),
        xView(x.data, s.L, s.Cin, s.N), wView(w.data, s.K, s.cog(), s.Cin),
        yView(yTconv.data, s.lout(), s.Cout, s.N) {
    std::mt19937 rng(12345);
    std::uniform_real_distribution<float> dist(-1.0f, 1.0f);
    for (size_t i = 0; i < x.size; ++i)
      x.data[i] = dist(rng);
    for (size_t i = 0; i < w.size; ++i)
      w.data[i] = dist(rng);
    buildDnnl();
    check();
  }

  void buildDnnl() {
    dnnl = std::make_unique<tconv::bench::OneDnnDeconv>(
        sh, tconv::bench::OneDnnDeconv::Layout::Preferred, x.data, w.data,
        yDnnl.data);
    dnnlInfo = dnnl->info;
    // The nwc primitive times only its own execution; its result is not
    // checked (it runs the same library on the same values).
    dnnlNwc = std::make_unique<tconv::bench::OneDnnDeconv>(
        sh, tconv::bench::OneDnnDeconv::Layout::Nwc, x.data, w.data,
        yDnnlNwc.data);
    dnnlNwcInfo = dnnlNwc->info;
  }

  void runPrimitive() { dnnl->runPrimitive(); }
  void runNwcPrimitive() { dnnlNwc->runPrimitive(); }

  /// oneDNN from and back to ncw: reorder in, primitive, reorder out.
  void runDnnlFromNcl() { dnnl->runFromNcl(); }

  int runTconv() { return sh.kernel(&xView.buf, &wView.buf, &yView.buf); }

  int runAuto(KernelFn fn) {
    return fn(&xView.buf, &wView.buf, &yAutoView->buf);
  }

  /// Checks autoscheduled kernel `as` once; returns its error ("" if none).
  const std::string &checkAuto(int as, KernelFn fn) {
    if (autoChecked[as])
      return autoError[as];
    autoChecked[as] = true;
    if (!yAuto) {
      yAuto = std::make_unique<Array>(sh.ySize());
      yAutoView = std::make_unique<HalideView>(yAuto->data, sh.lout(), sh.Cout,
                                               sh.N);
    }
    std::fill(yAuto->data, yAuto->data + yAuto->size, NAN);
    if (int rc = runAuto(fn); rc != 0)
      return autoError[as] = "kernel returned " + std::to_string(rc);
    double maxRef = 0.0, maxDiff = 0.0;
    for (size_t i = 0; i < yAuto->size; ++i) {
      maxRef = std::max(maxRef, std::fabs(double(yDnnl.data[i])));
      double diff = std::fabs(double(yAuto->data[i]) - double(yDnnl.data[i]));
      maxDiff = std::isnan(diff) ? INFINITY : std::max(maxDiff, diff);
    }
    autoMaxDiff[as] = maxDiff;
    const double tol = 1e-4 * std::max(1.0, maxRef);
    if (!(maxDiff <= tol)) {
      char msg[160];
      std::snprintf(msg, sizeof(msg),
                    "auto_%s vs oneDNN: max abs diff %.3g > tol %.3g",
                    kAutoNames[as], maxDiff, tol);
      autoError[as] = msg;
    }
    return autoError[as];
  }

  /// Sampled outputs (every output when there are few) as (n, cout, o).
  std::vector<int64_t> samplePoints() const {
    std::vector<int64_t> pts;
    const int64_t total = int64_t(sh.ySize()), lo = sh.lout();
    if (total <= 65536) {
      for (int64_t i = 0; i < total; ++i)
        pts.push_back(i);
      return pts;
    }
    // Both ends of every row of a few channels (padding and stride-phase
    // edges), plus random outputs.
    std::mt19937_64 rng(777);
    for (int64_t c : {int64_t(0), sh.Cout / 2, sh.Cout - 1})
      for (int64_t n : {int64_t(0), sh.N - 1})
        for (int64_t j = 0; j < std::min<int64_t>(lo, 48); ++j) {
          pts.push_back((n * sh.Cout + c) * lo + j);
          pts.push_back((n * sh.Cout + c) * lo + (lo - 1 - j));
        }
    std::uniform_int_distribution<int64_t> any(0, total - 1);
    for (int i = 0; i < 4096; ++i)
      pts.push_back(any(rng));
    return pts;
  }

  void check() {
    char msg[256];
    // NaN-fill the outputs: an output the kernel does not write fails.
    std::fill(yTconv.data, yTconv.data + yTconv.size, NAN);
    std::fill(yDnnl.data, yDnnl.data + yDnnl.size, NAN);
    runDnnlFromNcl();
    int rc = runTconv();
    if (rc != 0) {
      tconvOk = false;
      std::snprintf(msg, sizeof(msg), "tconv kernel returned %d", rc);
      tconvError = msg;
    }

    // Against the double-precision reference on sampled outputs.
    const int64_t lo = sh.lout();
    const tconv::oracle::Problem problem = oracleProblem(sh);
    double maxRef = 0.0, dnnlRefDiff = 0.0, tconvRefDiff = 0.0;
    for (int64_t idx : samplePoints()) {
      int64_t o = idx % lo, c = (idx / lo) % sh.Cout, n = idx / lo / sh.Cout;
      double ref = tconv::oracle::convTransposeAt(problem, x.data, w.data,
                                                   (const float *)nullptr,
                                                   {n, c, o})
                       .value;
      maxRef = std::max(maxRef, std::fabs(ref));
      double dd = std::fabs(double(yDnnl.data[idx]) - ref);
      double dt = std::fabs(double(yTconv.data[idx]) - ref);
      dnnlRefDiff = std::isnan(dd) ? INFINITY : std::max(dnnlRefDiff, dd);
      tconvRefDiff = std::isnan(dt) ? INFINITY : std::max(tconvRefDiff, dt);
    }
    // f32 accumulation over Cin/groups*ceil(K/s) terms of magnitude <= 1.
    const double tol = 1e-4 * std::max(1.0, maxRef);
    if (!(dnnlRefDiff <= tol)) {
      dnnlOk = false;
      std::snprintf(msg, sizeof(msg),
                    "oneDNN vs reference: max abs diff %.3g > tol %.3g",
                    dnnlRefDiff, tol);
      dnnlError = msg;
    }

    // tconv against oneDNN over the whole output.
    double maxDiff = 0.0;
    int64_t worst = 0;
    for (size_t i = 0; i < yTconv.size; ++i) {
      double diff = std::fabs(double(yTconv.data[i]) - double(yDnnl.data[i]));
      if (std::isnan(diff))
        diff = INFINITY;
      if (diff > maxDiff) {
        maxDiff = diff;
        worst = int64_t(i);
      }
    }
    tconvMaxDiff = maxDiff;
    if (tconvOk && (!(maxDiff <= tol) || !(tconvRefDiff <= tol))) {
      tconvOk = false;
      std::snprintf(msg, sizeof(msg),
                    "tconv vs oneDNN: max abs diff %.3g at (n=%lld, c=%lld, "
                    "o=%lld) (tconv %.6g, oneDNN %.6g); vs reference %.3g; "
                    "tol %.3g",
                    maxDiff, (long long)(worst / lo / sh.Cout),
                    (long long)((worst / lo) % sh.Cout),
                    (long long)(worst % lo), double(yTconv.data[worst]),
                    double(yDnnl.data[worst]), tconvRefDiff, tol);
      tconvError = msg;
    }
    if (!tconvOk)
      std::fprintf(stderr, "tconv-bench: %s: %s\n", sh.name,
                   tconvError.c_str());
    if (!dnnlOk)
      std::fprintf(stderr, "tconv-bench: %s: %s\n", sh.name,
                   dnnlError.c_str());
  }
};

ShapeState &stateFor(const Shape &sh) {
  static std::map<const Shape *, std::unique_ptr<ShapeState>> states;
  auto &slot = states[&sh];
  if (!slot)
    slot = std::make_unique<ShapeState>(sh);
  return *slot;
}

double processCpuSeconds() {
  timespec ts;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return double(ts.tv_sec) + 1e-9 * double(ts.tv_nsec);
}

double wallSeconds() {
  return std::chrono::duration<double>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

void fail(benchmark::State &state, const std::string &msg) {
  gFailed = true;
  state.SkipWithError(msg.c_str());
}

enum class Variant { Tconv, DnnlNcl, DnnlPrim, DnnlNwc, Naive, Auto };

void runBenchmark(benchmark::State &state, const Shape *sh, Variant v,
                  int as) {
  ShapeState *st;
  try {
    st = &stateFor(*sh);
  } catch (const dnnl::error &e) {
    return fail(state, std::string("oneDNN: ") + e.what());
  }
  if (v == Variant::Tconv && !st->tconvOk)
    return fail(state, st->tconvError);
  if ((v == Variant::DnnlNcl || v == Variant::DnnlPrim ||
       v == Variant::DnnlNwc) &&
      !st->dnnlOk)
    return fail(state, st->dnnlError);
  KernelFn autoFn = v == Variant::Auto ? autoKernel(sh->name, as) : nullptr;
  if (v == Variant::Auto) {
    // A baseline that did not compile or is wrong is recorded, not fatal.
    if (!autoFn) {
      std::string status = autoStatus(sh->name, as);
      return state.SkipWithError(
          ("not compiled: " + (status.empty() ? "no kernel" : status)).c_str());
    }
    if (!st->dnnlOk)
      return state.SkipWithError("no oneDNN reference to check against");
    if (const std::string &error = st->checkAuto(as, autoFn); !error.empty())
      return state.SkipWithError(error.c_str());
  }

  int rc = 0;
  const double cpu0 = processCpuSeconds(), wall0 = wallSeconds();
  switch (v) {
  case Variant::Tconv:
    for (auto _ : state)
      if ((rc = st->runTconv()) != 0)
        break;
    break;
  case Variant::DnnlNcl:
    for (auto _ : state)
      st->runDnnlFromNcl();
    break;
  case Variant::DnnlPrim:
    for (auto _ : state)
      st->runPrimitive();
    break;
  case Variant::DnnlNwc:
    for (auto _ : state)
      st->runNwcPrimitive();
    break;
  case Variant::Naive:
    for (auto _ : state) {
      naiveConvTranspose(*sh, st->x.data, st->w.data, st->yNaive.data);
      benchmark::ClobberMemory();
    }
    break;
  case Variant::Auto:
    for (auto _ : state)
      if ((rc = st->runAuto(autoFn)) != 0)
        break;
    break;
  }
  const double wall = wallSeconds() - wall0, cpu = processCpuSeconds() - cpu0;
  if (rc != 0 && v == Variant::Auto)
    return state.SkipWithError(("kernel returned " + std::to_string(rc)).c_str());
  if (rc != 0)
    return fail(state, "tconv kernel returned " + std::to_string(rc));

  const double util = wall > 0 ? cpu / wall : 0.0;
  const int threads = v == Variant::Naive ? 1 : gThreads;
  state.counters["GFLOP/s"] =
      sh->flops() * double(state.iterations()) / wall * 1e-9;
  state.counters["threads"] = threads;
  state.counters["cpu_util"] = util;
  if (v == Variant::Tconv)
    state.counters["max_abs_diff"] = st->tconvMaxDiff;
  if (v == Variant::Auto)
    state.counters["max_abs_diff"] = st->autoMaxDiff[as];
  if (v == Variant::DnnlNcl || v == Variant::DnnlPrim)
    state.SetLabel(st->dnnlInfo);
  if (v == Variant::DnnlNwc)
    state.SetLabel(st->dnnlNwcInfo);
  // More busy threads than claimed means the thread control did not take.
  // (Fewer is possible: a kernel may not parallelize a small shape.)
  if (wall > 0.05 && util > threads + 0.25)
    fail(state, "cpu_util " + std::to_string(util) + " exceeds " +
                    std::to_string(threads) + " thread(s)");
}

} // namespace

int main(int argc, char **argv) {
  const int threads = tconv::bench::initBenchmarks(argc, argv, "tconv-bench");
  if (threads == 0)
    return 2;
  gThreads = threads;

  const dnnl_version_t *ver = dnnl_version();
  const int ompThreads = omp_get_max_threads();
  if (ompThreads != threads) {
    std::fprintf(stderr, "tconv-bench: OpenMP reports %d threads, not %d\n",
                 ompThreads, threads);
    return 2;
  }
  char verStr[64];
  std::snprintf(verStr, sizeof(verStr), "%d.%d.%d", ver->major, ver->minor,
                ver->patch);
  benchmark::AddCustomContext("onednn_version", verStr);
  benchmark::AddCustomContext("onednn_cpu_runtime",
                              runtimeName(ver->cpu_runtime));
  benchmark::AddCustomContext("omp_max_threads", std::to_string(ompThreads));
  benchmark::AddCustomContext("halide_num_threads", std::to_string(threads));
  std::string names;
  for (const Shape &sh : kShapes)
    names += std::string(names.empty() ? "" : ",") + sh.name;
  benchmark::AddCustomContext("shapes", names); // report.py's row order

  for (const Shape &sh : kShapes) {
    std::string base = sh.name;
    auto reg = [&](const std::string &what, Variant v, int as = -1) {
      benchmark::RegisterBenchmark((base + "/" + what).c_str(), runBenchmark,
                                   &sh, v, as)
          ->Unit(benchmark::kMicrosecond)
          ->UseRealTime()
          ->MeasureProcessCPUTime()
          // With --benchmark_repetitions: the best repetition's GFLOP/s
          // (the statistic applies to every column; for times it is the
          // worst). report.py shows it, as the machine may be shared.
          ->ComputeStatistics("max", [](const std::vector<double> &v) {
            return v.empty() ? 0.0 : *std::max_element(v.begin(), v.end());
          });
    };
    reg("tconv", Variant::Tconv);
    reg("onednn_ncl", Variant::DnnlNcl);
    reg("onednn_prim", Variant::DnnlPrim);
    reg("onednn_nwc", Variant::DnnlNwc);
    if (sh.naive && threads == 1)
      reg("naive", Variant::Naive);
    // The autoschedulers that were built (a kernel or a status line).
    for (int as = 0; as < kAutoCount; ++as)
      if (autoKernel(sh.name, as) || !autoStatus(sh.name, as).empty())
        reg(std::string("auto_") + kAutoNames[as], Variant::Auto, as);
  }

  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return gFailed ? 1 : 0;
}
