//===- Tuner.cpp - Measuring the variants' parameter spaces ---------------===//
//
// tconv-tune's search, per length range of a kernel: time the hand rules'
// choice, then walk the parameter spaces of every tunable variant that
// supports the shape, one parameter at a time around the best choice so far
// (the other variant's default first, then each parameter's neighbours),
// until the range's share of the budget is spent. A candidate is JIT-compiled
// for the kernel's own spec (dynamic sizes stay dynamic: the code timed is
// the code tconv-compile emits) and timed on random data at the range's top
// length and, for a dynamic kernel, at an odd length inside the range; its
// score is its time relative to the rules' choice at each of those lengths,
// averaged. The winner must beat the rules by 3% in a final interleaved
// re-timing, else the rules' choice is recorded (noise is not a result).
//
//===----------------------------------------------------------------------===//

#include "tconv/Codegen/Tuning.h"

#include "HostTarget.h"
#include "KernelVariant.h"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <memory>
#include <random>
#include <sstream>
#include <thread>

namespace tconv::codegen {

const std::pair<int64_t, int64_t> kTuningLengthRanges[5] = {
    {1, 32}, {33, 128}, {129, 512}, {513, 2048}, {2049, kDynamicSize}};

const TunedEntry *TuningDatabase::find(const std::string &signature,
                                       const std::string &target,
                                       int64_t length, int64_t threads) const {
  // Of the entries whose range holds the length, one timed with exactly this
  // many threads first, then the narrowest: a static kernel's own entry
  // before a dynamic one's range.
  const TunedEntry *found = nullptr;
  auto rank = [&](const TunedEntry &e) {
    int64_t width = isDynamicSize(e.maxLength)
                        ? std::numeric_limits<int64_t>::max()
                        : e.maxLength - e.minLength;
    return std::pair(e.threads != threads, width);
  };
  for (const TunedEntry &e : entries)
    if (e.signature == signature && e.target == target &&
        (e.threads == threads || e.threads == kAnyThreadCount) &&
        length >= e.minLength &&
        (isDynamicSize(e.maxLength) || length <= e.maxLength) &&
        (!found || rank(e) < rank(*found)))
      found = &e;
  return found;
}

void TuningDatabase::add(const TunedEntry &entry) {
  for (TunedEntry &e : entries)
    if (e.signature == entry.signature && e.target == entry.target &&
        e.threads == entry.threads && e.minLength == entry.minLength &&
        e.maxLength == entry.maxLength) {
      e = entry;
      return;
    }
  entries.push_back(entry);
}

int64_t defaultThreadCount() {
  // As Halide 14's runtime (thread_pool_common.h) reads it: the first of the
  // two variables that is set, atoi, clamped to [1, 256] threads.
  const char *value = std::getenv("HL_NUM_THREADS");
  if (!value)
    value = std::getenv("HL_NUMTHREADS");
  if (value)
    return std::clamp(std::atoi(value), 1, 256);
  return std::max(1u, std::thread::hardware_concurrency());
}

std::string shapeSignature(const ConvTransposeSpec &spec) {
  std::ostringstream s;
  auto size = [&](int64_t v) -> std::ostringstream & {
    if (isDynamicSize(v))
      s << "?";
    else
      s << v;
    return s;
  };
  auto list = [&](const std::vector<int64_t> &v) {
    for (size_t i = 0; i < v.size(); ++i)
      s << (i ? "x" : "") << v[i];
  };
  s << elementTypeName(spec.elementType) << " n=";
  size(spec.batch) << " cin=" << spec.inChannels << " cout=" << spec.outChannels
                   << " groups=" << spec.groups << " bias=" << spec.hasBias
                   << " k=";
  list(spec.kernelSize);
  s << " s=";
  list(spec.stride);
  s << " d=";
  list(spec.dilation);
  s << " pad=";
  for (size_t i = 0; i < spec.padding.size(); ++i)
    s << (i ? "x" : "") << spec.padding[i].padLo << ":" << spec.padding[i].padHi
      << ":" << spec.padding[i].trailingZeros;
  s << " in=";
  for (int64_t i = 0; i + 1 < spec.spatialRank; ++i)
    size(spec.inputSize[i]) << "x";
  return s.str();
}

std::string tuningTarget(const std::string &target) {
  return resolveTarget(target)
      .without_feature(Halide::Target::NoRuntime)
      .without_feature(Halide::Target::JIT)
      .to_string();
}

namespace {

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

/// Random buffers for one static shape, reused by every candidate.
struct TimingBuffers {
  Halide::Buffer<> input, weight, bias, output;

  TimingBuffers(const ConvTransposeSpec &spec, const std::vector<int> &inSizes,
                const std::vector<int> &outSizes) {
    const Halide::Type type =
        spec.elementType == ElementType::F64 ? Halide::Float(64)
        : spec.elementType == ElementType::F32
            ? Halide::Float(32)
            : (spec.elementType == ElementType::F16 ? Halide::Float(16)
                                                    : Halide::BFloat(16));
    std::vector<int> wSizes;
    for (int64_t i = spec.spatialRank - 1; i >= 0; --i)
      wSizes.push_back(int(spec.kernelSize[i]));
    wSizes.push_back(int(spec.outChannels / spec.groups));
    wSizes.push_back(int(spec.inChannels));
    input = Halide::Buffer<>(type, inSizes);
    weight = Halide::Buffer<>(type, wSizes);
    bias = Halide::Buffer<>(type, std::vector<int>{int(spec.outChannels)});
    output = Halide::Buffer<>(type, outSizes);
    std::mt19937 rng(2026);
    for (Halide::Buffer<> *b : {&input, &weight, &bias})
      fill(*b, rng);
  }

  /// Uniform in [-1, 1] for f32/f64; 1.0 for f16/bf16 (no denormals either way).
  static void fill(Halide::Buffer<> &b, std::mt19937 &rng) {
    std::uniform_real_distribution<double> dist(-1.0, 1.0);
    const size_t n = b.number_of_elements();
    uint8_t *data = static_cast<uint8_t *>(b.data());
    for (size_t i = 0; i < n; ++i) {
      if (b.type() == Halide::Float(32)) {
        float v = float(dist(rng));
        std::memcpy(data + 4 * i, &v, 4);
      } else if (b.type() == Halide::Float(64)) {
        double v = dist(rng);
        std::memcpy(data + 8 * i, &v, 8);
      } else {
        uint16_t one = b.type() == Halide::Float(16) ? 0x3C00 : 0x3F80;
        std::memcpy(data + 2 * i, &one, 2);
      }
    }
  }
};

/// One length a range is timed at: its facts, random buffers of that shape,
/// and the rules' choice there with its time (what a plan would run).
struct Probe {
  int64_t length = 0;
  ShapeFacts at;
  std::unique_ptr<TimingBuffers> buffers;
  VariantChoice rules;
  double rulesTime = 0;
};

/// The probe at `length` of `spec` (batch 1 and outer spatial sizes 16
/// where dynamic), or nullptr when that length has no valid output.
std::unique_ptr<Probe> makeProbe(const ConvTransposeSpec &spec, int64_t length,
                                 const Halide::Target &jit) {
  const int64_t rank = spec.spatialRank;
  ConvTransposeSpec timed = withInnerInputLength(spec, length);
  if (isDynamicSize(timed.batch))
    timed.batch = 1;
  for (int64_t &size : timed.inputSize)
    if (isDynamicSize(size))
      size = 16;
  std::vector<int> inSizes, outSizes;
  for (int64_t i = rank - 1; i >= 0; --i) {
    inSizes.push_back(int(timed.inputSize[i]));
    outSizes.push_back(int(timed.outputSize()[i]));
  }
  inSizes.insert(inSizes.end(), {int(timed.inChannels), int(timed.batch)});
  outSizes.insert(outSizes.end(), {int(timed.outChannels), int(timed.batch)});
  if (outSizes[0] < 1)
    return nullptr;
  auto probe = std::make_unique<Probe>();
  probe->length = length;
  probe->at = computeShapeFacts(timed, jit);
  probe->buffers = std::make_unique<TimingBuffers>(timed, inSizes, outSizes);
  probe->rules = defaultChoice(probe->at);
  return probe;
}

class RangeTuner {
public:
  RangeTuner(const ShapeFacts &kernel, const Halide::Target &jit,
             std::vector<std::unique_ptr<Probe>> &probes,
             const TuneOptions &options)
      : kernel(kernel), at(probes.front()->at), jit(jit), probes(probes),
        options(options) {}

  /// Seconds per call of `choice` at each probe in `which` (all when
  /// empty), best of a few batches; empty if it failed to compile or run.
  std::vector<double> times(const VariantChoice &choice,
                            std::vector<size_t> which = {}) {
    if (which.empty())
      for (size_t i = 0; i < probes.size(); ++i)
        which.push_back(i);
    std::vector<double> seconds = measure(choice, which);
    if (options.trace) {
      std::string text;
      for (size_t k = 0; k < which.size(); ++k) {
        char number[48];
        std::snprintf(number, sizeof(number), "%10.2f us at L=%-5lld",
                      seconds.empty() ? 0.0 : seconds[k] * 1e6,
                      (long long)probes[which[k]]->length);
        text += seconds.empty() ? std::string("    failed         ") : number;
      }
      options.trace("  " + text + " " + choice.describe());
    }
    return seconds;
  }

  /// A choice's times relative to the rules' at each probe, averaged: 1 is
  /// the rules' speed over the range, below 1 faster. Infinite if it failed.
  double score(const std::vector<double> &seconds) const {
    if (seconds.empty())
      return std::numeric_limits<double>::infinity();
    double sum = 0;
    for (size_t i = 0; i < probes.size(); ++i)
      sum += seconds[i] / probes[i]->rulesTime;
    return sum / double(probes.size());
  }

  /// The neighbours of `best` to try next, most promising first.
  std::vector<VariantChoice> neighbours(const VariantChoice &best);

  const ShapeFacts &kernel, &at;
  const Halide::Target &jit;
  std::vector<std::unique_ptr<Probe>> &probes;
  const TuneOptions &options;

private:
  std::vector<double> measure(const VariantChoice &choice,
                              const std::vector<size_t> &which) {
    try {
      ConvTransposePipeline p = choice.variant->build(kernel, choice.params);
      p.output.compile_jit(jit);
      std::vector<double> seconds;
      for (size_t i : which) {
        TimingBuffers &buffers = *probes[i]->buffers;
        p.input.set(buffers.input);
        p.weight.set(buffers.weight);
        if (p.bias)
          p.bias->set(buffers.bias);
        p.output.realize(buffers.output); // warm-up
        // Batches of at least ~20 ms; the best batch's mean.
        Clock::time_point start = Clock::now();
        p.output.realize(buffers.output);
        double once = std::max(1e-7, secondsSince(start));
        int perBatch = int(std::clamp(0.02 / once, 1.0, 1000.0));
        double best = 1e30;
        for (int batch = 0; batch < 3; ++batch) {
          start = Clock::now();
          for (int k = 0; k < perBatch; ++k)
            p.output.realize(buffers.output);
          best = std::min(best, secondsSince(start) / perBatch);
        }
        seconds.push_back(best);
      }
      return seconds;
    } catch (const std::exception &) {
      return {};
    }
  }
};

std::vector<VariantChoice> RangeTuner::neighbours(const VariantChoice &best) {
  std::vector<VariantChoice> out;
  for (const KernelVariant *v : kernelVariants())
    if (v != best.variant && v->searchable(at))
      out.push_back({v, v->defaultParams(at)});
  for (const ParamRange &range : best.variant->parameterSpace(at)) {
    auto current = std::find(range.values.begin(), range.values.end(),
                             best.params.at(range.name));
    if (current == range.values.end())
      continue;
    size_t i = size_t(current - range.values.begin());
    for (size_t j : {i + 1, i - 1, i + 2, i - 2})
      if (j < range.values.size()) { // (size_t: i - 1 wraps above size)
        VariantChoice c = best;
        c.params[range.name] = range.values[j];
        out.push_back(c);
      }
  }
  return out;
}

std::string formatRatio(double ratio) {
  char text[32];
  std::snprintf(text, sizeof(text), "%.2fx", ratio);
  return text;
}

} // namespace

Expected<std::vector<TunedEntry>> tuneKernel(const ConvTransposeSpec &fused,
                                             const std::string &target,
                                             const TuneOptions &options) {
  // The convolution alone is timed: the database is keyed by its shape, and
  // fused elementwise stages add the same few instructions to every variant
  // (docs/fusion.md).
  ConvTransposeSpec spec = fused;
  spec.prologue.reset();
  spec.epilogue.reset();
  spec.extraOperands.clear();
  try {
    Halide::Target t = resolveTarget(target);
    if (t.has_gpu_feature())
      return Status::error("tconv-tune measures CPU kernels only; '" + target +
                           "' is a GPU target");
    if (Status s = checkRunsHere(t); !s.ok())
      return Status::error("tconv-tune measures on this machine: " +
                           s.message());
    const Halide::Target jit = t.with_feature(Halide::Target::JIT)
                                   .without_feature(Halide::Target::NoRuntime);
    const ShapeFacts kernel = computeShapeFacts(spec, jit);
    const int64_t rank = spec.spatialRank;
    std::vector<TunedEntry> entries;

    // The length ranges: the static length, or kTuningLengthRanges.
    std::vector<std::pair<int64_t, int64_t>> ranges;
    if (!kernel.dynamicLength())
      ranges.push_back({spec.inputSize[rank - 1], spec.inputSize[rank - 1]});
    else
      ranges.assign(std::begin(kTuningLengthRanges),
                    std::end(kTuningLengthRanges));
    const Clock::time_point start = Clock::now();
    for (size_t r = 0; r < ranges.size(); ++r) {
      const auto [lo, hi] = ranges[r];
      const int64_t length = isDynamicSize(hi) ? 4096 : hi;
      // A range is timed at its top and, for a dynamic kernel, at an odd
      // length inside it: the tops (32, 128, ...) fill whole vectors, and a
      // choice tuned there alone may waste a vector on every row between
      // them (up_c64 at L = 100, docs/performance.md).
      std::vector<std::unique_ptr<Probe>> probes;
      if (auto top = makeProbe(spec, length, jit))
        probes.push_back(std::move(top));
      else
        continue; // no valid output at this length
      const int64_t inside = ((lo + length) / 2) | 1;
      if (kernel.dynamicLength() && inside > lo && inside < length)
        if (auto middle = makeProbe(spec, inside, jit))
          probes.push_back(std::move(middle));
      RangeTuner tuner(kernel, jit, probes, options);
      const ShapeFacts &at = tuner.at;

      // This range's share of what is left of the budget.
      const double budget =
          (options.budgetSeconds - secondsSince(start)) / double(ranges.size() - r);
      const Clock::time_point rangeStart = Clock::now();
      // The rules' choice at each probe, each timed at its own length; the
      // top's, where the walk starts, at every probe.
      const VariantChoice rules = probes.front()->rules;
      std::vector<double> bestTimes = tuner.times(rules);
      for (size_t i = 0; i < probes.size(); ++i) {
        std::vector<double> t = probes[i]->rules == rules
                                    ? bestTimes
                                    : tuner.times(probes[i]->rules, {i});
        if (t.empty())
          return Status::error("the rules' choice " +
                               probes[i]->rules.describe() +
                               " failed to compile");
        probes[i]->rulesTime = probes[i]->rules == rules ? t[i] : t[0];
      }
      VariantChoice best = rules;
      double bestScore = tuner.score(bestTimes);
      std::vector<VariantChoice> tried = {rules};
      // A candidate is started only if one as slow as the slowest so far
      // (its compile and its timing) would still end within the budget; a
      // budget checked only before each candidate was overrun by up to one
      // candidate's time. (One variant's compile can still be far slower
      // than the others': cpu-tap-gemm's of an iSTFT takes 24 s.)
      double slowestCandidate = secondsSince(rangeStart);
      auto fits = [&] {
        return secondsSince(rangeStart) + slowestCandidate <= budget;
      };
      bool improved = true;
      while (improved && fits()) {
        improved = false;
        for (const VariantChoice &c : tuner.neighbours(best)) {
          if (!fits())
            break;
          if (std::find(tried.begin(), tried.end(), c) != tried.end() ||
              !c.variant->checkParams(at, c.params).ok())
            continue;
          tried.push_back(c);
          const Clock::time_point candidateStart = Clock::now();
          std::vector<double> times = tuner.times(c);
          slowestCandidate =
              std::max(slowestCandidate, secondsSince(candidateStart));
          double score = tuner.score(times);
          if (score < bestScore) {
            best = c;
            bestTimes = times;
            bestScore = score;
            improved = true;
            break; // walk on from the new best
          }
        }
      }
      // Re-time the winner against the rules at every probe, interleaved:
      // it must beat them by 3% over the range.
      std::vector<double> winnerTimes = bestTimes;
      bool beatsRules = false;
      if (!(best == rules)) {
        for (int round = 0; round < 2; ++round) {
          std::vector<double> again = tuner.times(best);
          for (size_t i = 0; i < probes.size() && !again.empty(); ++i) {
            winnerTimes[i] = std::min(winnerTimes[i], again[i]);
            std::vector<double> rule = tuner.times(probes[i]->rules, {i});
            if (!rule.empty())
              probes[i]->rulesTime = std::min(probes[i]->rulesTime, rule[0]);
          }
        }
        beatsRules = tuner.score(winnerTimes) <= 1 / 1.03;
      }
      if (!beatsRules) {
        best = rules;
        winnerTimes = {probes.front()->rulesTime};
      }
      const double winner = winnerTimes[0];
      const double baseline = probes.front()->rulesTime;
      const double speed = beatsRules ? 1 / tuner.score(winnerTimes) : 1.0;
      TunedEntry entry;
      entry.signature = shapeSignature(spec);
      entry.target = tuningTarget(target);
      entry.threads = options.threads;
      entry.minLength = lo;
      entry.maxLength = hi;
      // Nothing beat the rules over a range timed at several lengths: the
      // entry says so, and each length keeps its own rule choice (the top's
      // choice everywhere would undo the rules between the probes).
      const bool keepRules = !beatsRules && probes.size() > 1;
      entry.variant = keepRules ? kRulesVariant : best.variant->name();
      if (!keepRules)
        entry.params = best.params;
      entry.measuredLength = length;
      entry.microseconds = winner * 1e6;
      entry.defaultMicroseconds = baseline * 1e6;
      entries.push_back(entry);
      if (options.progress) {
        std::string also;
        for (size_t i = 1; i < probes.size(); ++i)
          also += ", also timed at L=" + std::to_string(probes[i]->length);
        options.progress("  L=" + std::to_string(length) + ": " +
                         (keepRules ? std::string("the rules' choice at each "
                                                  "length")
                                    : best.describe()) +
                         ", " + formatRatio(speed) +
                         " the rules' speed (" + std::to_string(tried.size()) +
                         " tried" + also + ")");
      }
    }
    return entries;
  } catch (const Halide::Error &e) {
    return Status::error(std::string("Halide: ") + e.what());
  } catch (const std::exception &e) {
    return Status::error(e.what());
  }
}

} // namespace tconv::codegen
