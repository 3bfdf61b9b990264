//===- fma_peak.cpp - The machine's f32 FMA throughput --------------------===//
//
// tconv-fma-peak [max threads]: runs independent chains of f32 vector FMAs
// (ymm, and zmm too when the CPU has AVX-512) on 1..max threads (default: all
// cores) and prints the total GFLOP/s: the ceiling for tconv-bench's numbers,
// and whether more threads add floating-point throughput at all (on a VM
// whose vCPUs are SMT siblings of one core, they do not).
//
//===----------------------------------------------------------------------===//

#include <immintrin.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <thread>
#include <vector>

namespace {

constexpr long kIterations = 50'000'000;
constexpr int kChains = 12; // enough independent accumulators to fill 2 FMA pipes

__attribute__((target("avx512f"))) float chainsAvx512(long iters) {
  __m512 acc[kChains];
  for (int j = 0; j < kChains; ++j)
    acc[j] = _mm512_set1_ps(1.0f + 1e-3f * float(j));
  const __m512 b = _mm512_set1_ps(0.999999f), c = _mm512_set1_ps(1e-7f);
  for (long i = 0; i < iters; ++i)
    for (int j = 0; j < kChains; ++j)
      acc[j] = _mm512_fmadd_ps(acc[j], b, c);
  alignas(64) float lanes[16];
  float s = 0.0f;
  for (int j = 0; j < kChains; ++j) {
    _mm512_store_ps(lanes, acc[j]);
    for (float v : lanes)
      s += v;
  }
  return s;
}

__attribute__((target("avx2,fma"))) float chainsAvx2(long iters) {
  __m256 acc[kChains];
  for (int j = 0; j < kChains; ++j)
    acc[j] = _mm256_set1_ps(1.0f + 1e-3f * float(j));
  const __m256 b = _mm256_set1_ps(0.999999f), c = _mm256_set1_ps(1e-7f);
  for (long i = 0; i < iters; ++i)
    for (int j = 0; j < kChains; ++j)
      acc[j] = _mm256_fmadd_ps(acc[j], b, c);
  alignas(32) float lanes[8];
  float s = 0.0f;
  for (int j = 0; j < kChains; ++j) {
    _mm256_store_ps(lanes, acc[j]);
    for (float v : lanes)
      s += v;
  }
  return s;
}

/// Best of 5 runs of `chains` on `threads` threads, in GFLOP/s.
double measure(float (*chains)(long), int lanes, int threads) {
  double best = 0.0;
  for (int rep = 0; rep < 5; ++rep) {
    std::vector<float> sink(threads);
    auto t0 = std::chrono::steady_clock::now();
    std::vector<std::thread> pool;
    for (int t = 0; t < threads; ++t)
      pool.emplace_back([&, t] { sink[t] = chains(kIterations); });
    for (auto &th : pool)
      th.join();
    double s =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - t0)
            .count();
    double flops = 2.0 * lanes * kChains * double(kIterations) * threads;
    best = std::max(best, flops / s * 1e-9);
    if (sink[0] == 12345.0f) // keep the results alive
      std::printf(" ");
  }
  return best;
}

} // namespace

int main(int argc, char **argv) {
  const bool avx512 = __builtin_cpu_supports("avx512f");
  if (!avx512 && !__builtin_cpu_supports("avx2")) {
    std::fprintf(stderr, "tconv-fma-peak: needs AVX2 or AVX-512\n");
    return 1;
  }
  int maxThreads = argc > 1 ? std::atoi(argv[1])
                            : int(std::thread::hardware_concurrency());
  maxThreads = std::max(1, maxThreads);
  // Both widths where the CPU has AVX-512: a core that splits zmm FMAs in two
  // 256-bit halves (Zen 4) peaks at the same GFLOP/s with either, one with
  // full-width units (Zen 5, Intel) twice as high with zmm.
  struct Width {
    const char *name;
    float (*chains)(long);
    int lanes;
  };
  std::vector<Width> widths = {{"ymm (AVX2)", chainsAvx2, 8}};
  if (avx512)
    widths.push_back({"zmm (AVX-512)", chainsAvx512, 16});
  std::printf("f32 FMA peak, %d independent chains per thread\n", kChains);
  for (const Width &w : widths)
    for (int threads = 1; threads <= maxThreads; ++threads) {
      double best = measure(w.chains, w.lanes, threads);
      std::printf("  %-13s %d thread(s): %.1f GFLOP/s total, %.1f per thread\n",
                  w.name, threads, best, best / threads);
    }
  return 0;
}
