//===- Tuning.h - Measured kernel choices (tconv-tune) ----------*- C++ -*-===//
//
// tconv-tune measures, on the machine it runs on, which kernel variant and
// parameters are fastest for each kernel of an MLIR file (JIT-compiling and
// timing candidates on random data), and records the winners in a tuning
// database; tconv-compile --tuning-db uses a matching entry instead of the
// hand rules. Entries are keyed by the kernel's shape signature (the
// canonical op with the innermost input length left out), the Halide target,
// the number of threads the candidates were timed with (the best schedule at
// 1 thread is often not the best at 2), and a range of innermost input
// lengths: a static kernel matches the entry
// whose range holds its length; a kernel with a dynamic length uses, for
// each length its dispatch plans (KernelPlan.h), the entry whose range holds
// that length. Plain C++: the JSON form is read and written by
// tconv/Compiler/TuningDatabaseJson.h.
//
//===----------------------------------------------------------------------===//

#ifndef TCONV_CODEGEN_TUNING_H
#define TCONV_CODEGEN_TUNING_H

#include "tconv/Codegen/ConvTransposeSpec.h"
#include "tconv/Support/Status.h"

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

namespace tconv::codegen {

/// The variant name of an entry whose range nothing beat the rules on: each
/// length of the range keeps the rules' own choice (a dynamic kernel's plan
/// may choose differently at different lengths of one range).
inline constexpr const char *kRulesVariant = "rules";

/// TunedEntry::threads of an entry that matches every thread count.
inline constexpr int64_t kAnyThreadCount = 0;

/// One measured choice.
struct TunedEntry {
  std::string signature; ///< shapeSignature of the kernel
  std::string target;    ///< the Halide target it was measured for
  /// Threads the candidates were timed with; kAnyThreadCount (databases
  /// written before the count was recorded) matches every count.
  int64_t threads = kAnyThreadCount;
  int64_t minLength = 1; ///< innermost input lengths [minLength, maxLength]
  int64_t maxLength = 1; ///< (kDynamicSize: no upper bound)
  std::string variant;   ///< KernelVariant name, or kRulesVariant
  std::map<std::string, int64_t> params;
  int64_t measuredLength = 0; ///< the length it was timed at
  double microseconds = 0;        ///< the winner's time there
  double defaultMicroseconds = 0; ///< the hand rules' time there
};

struct TuningDatabase {
  std::vector<TunedEntry> entries;

  /// The entry for `signature` on `target`, timed with `threads` threads (or
  /// recorded without a count), whose range holds `length`, or nullptr. Of
  /// several, one timed with exactly `threads` before one without a count,
  /// then the narrowest range.
  const TunedEntry *find(const std::string &signature,
                         const std::string &target, int64_t length,
                         int64_t threads) const;
  /// Adds `entry`, replacing any entry with the same key (thread count
  /// included) and range.
  void add(const TunedEntry &entry);
};

/// The kernel's shape without its innermost input length, e.g.
/// "f32 n=1 cin=512 cout=256 groups=1 bias=1 k=16 s=8 d=1 pad=4:4:0 in=".
/// (Outer spatial sizes and the batch are part of it; "?" where dynamic.)
std::string shapeSignature(const ConvTransposeSpec &spec);

/// The number of threads Halide's thread pool starts with in this process:
/// HL_NUM_THREADS (or, when it is not set, its older spelling HL_NUMTHREADS)
/// read as Halide's runtime reads it, else the number of cores. tconv-tune
/// records it when --num-threads is not given; tconv-compile picks entries
/// for it when --tuning-threads is not given.
int64_t defaultThreadCount();

/// The target string tuning keys on: `target` as Halide resolves it ("host"
/// becomes this machine's features).
std::string tuningTarget(const std::string &target);

struct TuneOptions {
  /// Seconds of searching per kernel (all its length ranges together).
  double budgetSeconds = 60;
  /// The threads the candidates run with, recorded in the entries: the
  /// caller sets up Halide's thread pool (HL_NUM_THREADS) to match.
  int64_t threads = kAnyThreadCount;
  /// Called with a line of progress ("  L=100: cpu-phase-gemm (...) 1.12x").
  std::function<void(const std::string &)> progress;
  /// Called with a line per timed candidate ("    12.3 us  cpu-phase-gemm
  /// (...)", or "failed"), when set (tconv-tune --verbose).
  std::function<void(const std::string &)> trace;
};

/// Tunes the kernel `spec` for `target` (a CPU target) and returns the
/// winners, one per length range, or the error. A static length is one range
/// (that length); a dynamic one is tuned at the top of each range of
/// kTuningLengthRanges.
Expected<std::vector<TunedEntry>> tuneKernel(const ConvTransposeSpec &spec,
                                             const std::string &target,
                                             const TuneOptions &options);

/// The ranges a dynamic length is tuned in: [1, 32], [33, 128], [129, 512],
/// [513, 2048], [2049, unbounded), each timed at its upper bound (4096 for
/// the last).
extern const std::pair<int64_t, int64_t> kTuningLengthRanges[5];

} // namespace tconv::codegen

#endif // TCONV_CODEGEN_TUNING_H
