//===- BenchThreads.h - One thread count per benchmark process -*- C++ -*-===//
//
// The benchmarks run tconv kernels (Halide's thread pool) and oneDNN (its
// OpenMP runtime) side by side at one thread count per process: --threads=N
// (default: all cores), set in both runtimes before either is first used.
//
//===----------------------------------------------------------------------===//

#ifndef TCONV_BENCHMARKS_BENCHTHREADS_H
#define TCONV_BENCHMARKS_BENCHTHREADS_H

#include "HalideRuntime.h"

#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <unistd.h>

// OpenMP entry points of the runtime oneDNN is built with (Debian: libgomp),
// declared here so the benchmarks need neither the compiler's omp.h nor
// -fopenmp (which could pull in a second OpenMP runtime under clang).
extern "C" {
void omp_set_num_threads(int);
int omp_get_max_threads(void);
}

namespace tconv::bench {

/// Removes `--threads=N` from argv, sets Halide (HL_NUM_THREADS and
/// halide_set_num_threads) and OpenMP to N, and returns N; 0 after printing
/// "<tool>: bad --threads=..." for a count below 1.
inline int takeThreadsFlag(int &argc, char **argv, const char *tool) {
  int threads = int(sysconf(_SC_NPROCESSORS_ONLN));
  int kept = 1;
  for (int i = 1; i < argc; ++i) {
    if (std::strncmp(argv[i], "--threads=", 10) == 0) {
      threads = std::atoi(argv[i] + 10);
      if (threads < 1) {
        std::fprintf(stderr, "%s: bad %s\n", tool, argv[i]);
        return 0;
      }
      continue;
    }
    argv[kept++] = argv[i];
  }
  argc = kept;
  argv[argc] = nullptr;
  setenv("HL_NUM_THREADS", std::to_string(threads).c_str(), 1);
  halide_set_num_threads(threads);
  omp_set_num_threads(threads);
  return threads;
}

/// A benchmark main's start: takeThreadsFlag, then Google Benchmark's own
/// flags (an unknown one is an error), and the count in the JSON context as
/// "threads". Returns the count, or 0 after printing why.
inline int initBenchmarks(int &argc, char **argv, const char *tool) {
  const int threads = takeThreadsFlag(argc, argv, tool);
  if (threads == 0)
    return 0;
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) {
    std::fprintf(stderr, "%s: also accepts --threads=N (default: all cores)\n",
                 tool);
    return 0;
  }
  benchmark::AddCustomContext("threads", std::to_string(threads));
  return threads;
}

} // namespace tconv::bench

#endif // TCONV_BENCHMARKS_BENCHTHREADS_H
