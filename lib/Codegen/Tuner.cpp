//===- Tuner.cpp - Measuring the variants' parameter spaces ---------------===//
//
// tconv-tune's search, per length range of a kernel: time the hand rules'
// choice, then walk the parameter spaces of every tunable variant that
// supports the shape, one parameter at a time around the best choice so far
// (the other variant's default first, then each parameter's neighbours),
// until the range's share of the budget is spent. A candidate is JIT-compiled
// for the kernel's own spec (dynamic sizes stay dynamic: the code timed is
// the code tconv-compile emits) and timed at the range's length on random
// data; the winner must beat the rules' choice by 3% in a final interleaved
// re-timing, else the rules' choice is recorded (noise is not a result).
//
//===----------------------------------------------------------------------===//

#include "tconv/Codegen/Tuning.h"

#include "HostTarget.h"
#include "KernelVariant.h"

#include <algorithm>
#include <chrono>
#include <cstring>
#include <limits>
#include <random>
#include <sstream>

namespace tconv::codegen {

const std::pair<int64_t, int64_t> kTuningLengthRanges[5] = {
    {1, 32}, {33, 128}, {129, 512}, {513, 2048}, {2049, kDynamicSize}};

const TunedEntry *TuningDatabase::find(const std::string &signature,
                                       const std::string &target,
                                       int64_t length) const {
  // Of the entries whose range holds the length, the narrowest: a static
  // kernel's own entry before a dynamic one's range.
  const TunedEntry *found = nullptr;
  auto width = [](const TunedEntry &e) {
    return isDynamicSize(e.maxLength) ? std::numeric_limits<int64_t>::max()
                                      : e.maxLength - e.minLength;
  };
  for (const TunedEntry &e : entries)
    if (e.signature == signature && e.target == target &&
        length >= e.minLength &&
        (isDynamicSize(e.maxLength) || length <= e.maxLength) &&
        (!found || width(e) < width(*found)))
      found = &e;
  return found;
}

void TuningDatabase::add(const TunedEntry &entry) {
  for (TunedEntry &e : entries)
    if (e.signature == entry.signature && e.target == entry.target &&
        e.minLength == entry.minLength && e.maxLength == entry.maxLength) {
      e = entry;
      return;
    }
  entries.push_back(entry);
}

std::string shapeSignature(const TransposedConvSpec &spec) {
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

  TimingBuffers(const TransposedConvSpec &spec, const std::vector<int> &inSizes,
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
    bias = Halide::Buffer<>(type, {int(spec.outChannels)});
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

class RangeTuner {
public:
  RangeTuner(const ShapeFacts &kernel, const ShapeFacts &at,
             const Halide::Target &jit, TimingBuffers &buffers,
             const TuneOptions &options)
      : kernel(kernel), at(at), jit(jit), buffers(buffers), options(options) {}

  /// Seconds per call of `choice`, best of a few batches; < 0 if it failed.
  double time(const VariantChoice &choice) {
    const double seconds = measure(choice);
    if (options.trace) {
      char text[32];
      std::snprintf(text, sizeof(text), "%10.2f us  ", seconds * 1e6);
      options.trace("    " + (seconds < 0 ? std::string("    failed    ")
                                          : std::string(text)) +
                    choice.describe());
    }
    return seconds;
  }

  /// The neighbours of `best` to try next, most promising first.
  std::vector<VariantChoice> neighbours(const VariantChoice &best);

  const ShapeFacts &kernel, &at;
  const Halide::Target &jit;
  TimingBuffers &buffers;
  const TuneOptions &options;

private:
  double measure(const VariantChoice &choice) {
    try {
      TransposedConvPipeline p = choice.variant->build(kernel, choice.params);
      p.input.set(buffers.input);
      p.weight.set(buffers.weight);
      if (p.bias)
        p.bias->set(buffers.bias);
      p.output.compile_jit(jit);
      p.output.realize(buffers.output); // warm-up
      // Batches of at least ~20 ms; the best batch's mean.
      Clock::time_point start = Clock::now();
      p.output.realize(buffers.output);
      double once = std::max(1e-7, secondsSince(start));
      int perBatch = int(std::clamp(0.02 / once, 1.0, 1000.0));
      double best = 1e30;
      for (int batch = 0; batch < 3; ++batch) {
        start = Clock::now();
        for (int i = 0; i < perBatch; ++i)
          p.output.realize(buffers.output);
        best = std::min(best, secondsSince(start) / perBatch);
      }
      return best;
    } catch (const std::exception &) {
      return -1;
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

std::string tuneKernel(const TransposedConvSpec &spec, const std::string &target,
                       const TuneOptions &options,
                       std::vector<TunedEntry> &entries) {
  try {
    Halide::Target t = resolveTarget(target);
    if (t.has_gpu_feature())
      return "tconv-tune measures CPU kernels only; '" + target +
             "' is a GPU target";
    if (std::string error = checkRunsHere(t); !error.empty())
      return "tconv-tune measures on this machine: " + error;
    const Halide::Target jit = t.with_feature(Halide::Target::JIT)
                                   .without_feature(Halide::Target::NoRuntime);
    const ShapeFacts kernel = computeShapeFacts(spec, jit);
    const int64_t rank = spec.spatialRank;

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
      // A static shape to time at: the range's length, batch 1 and outer
      // spatial sizes 16 where dynamic.
      TransposedConvSpec timed = withInnerInputLength(spec, length);
      if (isDynamicSize(timed.batch))
        timed.batch = 1;
      for (int64_t &size : timed.inputSize)
        if (isDynamicSize(size))
          size = 16;
      const ShapeFacts at = computeShapeFacts(timed, jit);
      std::vector<int> inSizes, outSizes;
      for (int64_t i = rank - 1; i >= 0; --i) {
        inSizes.push_back(int(timed.inputSize[i]));
        outSizes.push_back(int(timed.outputSize()[i]));
      }
      inSizes.insert(inSizes.end(), {int(timed.inChannels), int(timed.batch)});
      outSizes.insert(outSizes.end(), {int(timed.outChannels), int(timed.batch)});
      if (outSizes[0] < 1)
        continue; // no valid output at this length
      TimingBuffers buffers(timed, inSizes, outSizes);
      RangeTuner tuner(kernel, at, jit, buffers, options);

      // This range's share of what is left of the budget.
      const double budget =
          (options.budgetSeconds - secondsSince(start)) / double(ranges.size() - r);
      const Clock::time_point rangeStart = Clock::now();
      const VariantChoice rules = defaultChoice(at);
      const double rulesTime = tuner.time(rules);
      if (rulesTime < 0)
        return "the rules' choice " + rules.describe() + " failed to compile";
      VariantChoice best = rules;
      double bestTime = rulesTime;
      std::vector<VariantChoice> tried = {rules};
      bool improved = true;
      while (improved && secondsSince(rangeStart) < budget) {
        improved = false;
        for (const VariantChoice &c : tuner.neighbours(best)) {
          if (secondsSince(rangeStart) >= budget)
            break;
          if (std::find(tried.begin(), tried.end(), c) != tried.end() ||
              !c.variant->checkParams(at, c.params).empty())
            continue;
          tried.push_back(c);
          double time = tuner.time(c);
          if (time > 0 && time < bestTime) {
            best = c;
            bestTime = time;
            improved = true;
            break; // walk on from the new best
          }
        }
      }
      // Re-time the winner against the rules, interleaved.
      double winner = bestTime, baseline = rulesTime;
      if (!(best == rules)) {
        for (int round = 0; round < 2; ++round) {
          winner = std::min(winner, tuner.time(best));
          baseline = std::min(baseline, tuner.time(rules));
        }
        if (winner > baseline / 1.03) {
          best = rules;
          winner = baseline;
        }
      }
      TunedEntry entry;
      entry.signature = shapeSignature(spec);
      entry.target = tuningTarget(target);
      entry.minLength = lo;
      entry.maxLength = hi;
      entry.variant = best.variant->name();
      entry.params = best.params;
      entry.measuredLength = length;
      entry.microseconds = winner * 1e6;
      entry.defaultMicroseconds = baseline * 1e6;
      entries.push_back(entry);
      if (options.progress)
        options.progress("  L=" + std::to_string(length) + ": " +
                         best.describe() + ", " +
                         formatRatio(baseline / winner) + " the rules' speed (" +
                         std::to_string(tried.size()) + " tried)");
    }
    return "";
  } catch (const Halide::Error &e) {
    return std::string("Halide: ") + e.what();
  } catch (const std::exception &e) {
    return e.what();
  }
}

} // namespace tconv::codegen
