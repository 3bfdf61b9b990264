//===- ParamInit.cpp - <func>_init_params as Halide Funcs -----------------===//

#include "ParamInit.h"

#include "ConvTransposeAlgorithm.h"

#include "tconv/Support/InitializerNames.h"

#include <algorithm>
#include <cmath>

using namespace Halide;

namespace tconv::codegen {

WeightFans weightFans(const ConvTransposeSpec &spec) {
  int64_t receptive = 1;
  for (int64_t k : spec.kernelSize)
    receptive *= k;
  return {(spec.outChannels / spec.groups) * receptive,
          spec.inChannels * receptive};
}

namespace {

using Kind = ParamDistribution::Kind;

ParamDistribution uniform(double bound) { return {Kind::Uniform, bound}; }
ParamDistribution normal(double sigma) { return {Kind::Normal, sigma}; }
ParamDistribution constant(double value) { return {Kind::Constant, value}; }

/// "the default (no name), normal, uniform, ..., zero/zeros": the classes
/// the parameter initialization implements, their names from the registry.
const std::string kSupportedNames = [] {
  std::string names = "the default (no name)";
  for (MsInitializer kind :
       {MsInitializer::Normal, MsInitializer::Uniform,
        MsInitializer::TruncatedNormal, MsInitializer::HeUniform,
        MsInitializer::HeNormal, MsInitializer::XavierUniform,
        MsInitializer::XavierNormal, MsInitializer::One, MsInitializer::Zero})
    names += ", " + msInitializerNames(kind);
  return names;
}();

} // namespace

Expected<ParamDistribution> resolveInitializer(const std::string &name,
                                               bool forBias,
                                               const WeightFans &fans) {
  const double fanIn = double(fans.fanIn), fanOut = double(fans.fanOut);
  const std::optional<MsInitializer> kind = lookupMsInitializer(name);
  const std::string attr = forBias ? "bias_init" : "weight_init";
  auto is = [&](std::initializer_list<MsInitializer> kinds) {
    return kind && std::find(kinds.begin(), kinds.end(), *kind) != kinds.end();
  };

  // PyTorch's _ConvNd.reset_parameters: kaiming_uniform_(a=sqrt(5)), i.e.
  // U(+-1/sqrt(fan_in)), and a bias U(+-1/sqrt(fan_in)) with the weight's
  // fan_in. MindSpore r2.1+'s None defaults (HeUniform(negative_slope=sqrt(5)),
  // Uniform(1/sqrt(fan_in))) are the same distributions.
  if (name.empty())
    return uniform(1.0 / std::sqrt(fanIn));
  // MindSpore's classes with their default arguments (initializer.py).
  if (is({MsInitializer::Normal}))
    return normal(0.01);
  if (is({MsInitializer::Uniform}))
    return uniform(0.07);
  if (is({MsInitializer::TruncatedNormal})) {
    // 2.x: the C++ TruncatedNormal(a=-2, b=2, mean=0, sigma) takes absolute
    // bounds; 1.x's scipy truncnorm(-2, 2, scale=sigma) cut at +-2 sigma.
    return ParamDistribution{Kind::TruncatedNormal, 0.01, -2.0, 2.0};
  }
  if (is({MsInitializer::One}))
    return constant(1.0);
  if (is({MsInitializer::Zero}))
    return constant(0.0);
  const bool fanBased =
      is({MsInitializer::HeUniform, MsInitializer::HeNormal,
          MsInitializer::XavierUniform, MsInitializer::XavierNormal});
  if (fanBased && forBias)
    return Status::error(
        attr + " \"" + name +
        "\" needs a tensor of rank 2 or more (MindSpore computes its fans "
        "from the shape), but the bias is 1-D");
  // HeUniform()/HeNormal() from a string use negative_slope=0 (gain sqrt(2)),
  // unlike the None default; XavierUniform/XavierNormal use gain 1.
  if (is({MsInitializer::HeUniform}))
    return uniform(std::sqrt(6.0 / fanIn));
  if (is({MsInitializer::HeNormal}))
    return normal(std::sqrt(2.0 / fanIn));
  if (is({MsInitializer::XavierUniform}))
    return uniform(std::sqrt(6.0 / (fanIn + fanOut)));
  if (is({MsInitializer::XavierNormal}))
    return normal(std::sqrt(2.0 / (fanIn + fanOut)));
  if (is({MsInitializer::Identity, MsInitializer::Dirac,
          MsInitializer::Orthogonal, MsInitializer::VarianceScaling}))
    return Status::error(
        attr + " \"" + name +
        "\" is not supported by the parameter initialization (supported: " +
        kSupportedNames + ")");
  return Status::error(
      attr + " \"" + name +
      "\" is not a known initializer (supported: " + kSupportedNames + ")");
}

namespace {

//===----------------------------------------------------------------------===//
// Counter-based random numbers
//===----------------------------------------------------------------------===//

using Internal::make_const;

Expr u64(uint64_t value) { return make_const(UInt(64), value); }

/// SplitMix64's output function (Steele, Lea, Flood, "Fast Splittable
/// Pseudorandom Number Generators", OOPSLA 2014; constants of Vigna's
/// splitmix64.c). A bijection on 64 bits that passes BigCrush on a counter.
Expr mix64(Expr z) {
  z = (z ^ (z >> 30)) * u64(0xBF58476D1CE4E5B9ull);
  z = (z ^ (z >> 27)) * u64(0x94D049BB133111EBull);
  return z ^ (z >> 31);
}

/// Random draws per element: Box-Muller takes two, a truncated normal up to
/// kTruncatedAttempts pairs.
constexpr int kTruncatedAttempts = 4;
constexpr uint64_t kDrawsPerElement = 2 * kTruncatedAttempts;

/// One tensor's random stream: SplitMix64 seeded with mix64(seed ^ salt),
/// whose output number `counter` is computed directly (no state), so an
/// element's value does not depend on which thread or vector lane computes
/// it, nor in what order.
struct RandomStream {
  Expr key;
  /// Output of draw `draw` (0 .. kDrawsPerElement-1) of element `index`.
  Expr bits(Expr index, int draw) const {
    Expr counter = index * u64(kDrawsPerElement) + u64(uint64_t(draw));
    return mix64(key + (counter + u64(1)) * u64(0x9E3779B97F4A7C15ull));
  }
};

/// A uniform float of `type` from the top 24 (f32) or 53 (f64) bits:
/// k * 2^-bits in [0, 1), plus `offset` ulps (offset 1 gives (0, 1]).
Expr unitInterval(const Expr &bits, Type type, int offset) {
  if (type == Float(64))
    return (cast<double>(bits >> 11) + make_const(type, offset)) *
           make_const(type, std::ldexp(1.0, -53));
  return (cast<float>(cast<uint32_t>(bits >> 40)) + make_const(type, offset)) *
         make_const(type, std::ldexp(1.0, -24));
}

/// A standard normal by Box-Muller from draws `first` and `first + 1`:
/// sqrt(-2 ln u1) cos(2 pi u2) with u1 in (0, 1] (no log of 0).
Expr standardNormal(const RandomStream &stream, const Expr &index, int first,
                    Type type) {
  Expr u1 = unitInterval(stream.bits(index, first), type, 1);
  Expr u2 = unitInterval(stream.bits(index, first + 1), type, 0);
  Expr twoPi = make_const(type, 2 * M_PI);
  return sqrt(make_const(type, -2.0) * log(u1)) * cos(twoPi * u2);
}

/// The value of element `index` in the compute type `type`.
Expr sample(const ParamDistribution &d, const RandomStream &stream,
            const Expr &index, Type type) {
  Expr scale = make_const(type, d.scale);
  switch (d.kind) {
  case Kind::Constant:
    return scale;
  case Kind::Uniform:
    // 2u - 1 is exact and in [-1, 1), so |value| <= bound after rounding.
    return scale * (make_const(type, 2.0) *
                        unitInterval(stream.bits(index, 0), type, 0) -
                    make_const(type, 1.0));
  case Kind::Normal:
    return scale * standardNormal(stream, index, 0, type);
  case Kind::TruncatedNormal: {
    // Redraw outside [lo, hi], a fixed number of times, then clamp: the
    // values stay a pure function of the index. With MindSpore's arguments
    // ([-2, 2] at sigma 0.01) the first draw is always inside.
    Expr lo = make_const(type, d.lo), hi = make_const(type, d.hi);
    Expr value = clamp(scale * standardNormal(stream, index,
                                              2 * (kTruncatedAttempts - 1),
                                              type),
                       lo, hi);
    for (int attempt = kTruncatedAttempts - 2; attempt >= 0; --attempt) {
      Expr draw = scale * standardNormal(stream, index, 2 * attempt, type);
      value = select(draw >= lo && draw <= hi, draw, value);
    }
    return value;
  }
  }
  return scale;
}

/// Asserts min 0, dense strides and the static `extents` (Halide order) on an
/// output, so a mismatched halide_buffer_t is rejected with halide_error.
void requireDenseExtents(Func &f, const std::vector<int64_t> &extents) {
  OutputImageParam buffer = f.output_buffer();
  for (int d = 0; d < int(extents.size()); ++d) {
    buffer.dim(d).set_bounds(0, int32_t(extents[d]));
    buffer.dim(d).set_stride(d == 0 ? Expr(1)
                                    : buffer.dim(d - 1).stride() *
                                          buffer.dim(d - 1).extent());
  }
}

} // namespace

Func buildInitializedTensor(const std::string &name,
                            const std::vector<int64_t> &extents,
                            const ParamDistribution &d, const Expr &seed,
                            uint64_t salt, Type elementType) {
  const RandomStream stream{mix64(seed ^ u64(salt))};
  const Type computeType =
      elementType == Float(64) ? Float(64) : Float(32); // f16/bf16 via f32
  std::vector<Var> vars;
  Expr index = u64(0);
  uint64_t stride = 1;
  for (int dim = 0; dim < int(extents.size()); ++dim) {
    vars.push_back(Var(name + "_d" + std::to_string(dim)));
    index = index + cast<uint64_t>(vars.back()) * u64(stride);
    stride *= uint64_t(extents[dim]);
  }
  Func f(name);
  f(vars) = cast(elementType, sample(d, stream, index, computeType));
  requireDenseExtents(f, extents);

  Var flat = vars[0];
  for (int dim = 1; dim < int(vars.size()); ++dim) {
    Var fused(name + "_f" + std::to_string(dim));
    f.fuse(flat, vars[dim], fused);
    flat = fused;
  }
  // GuardWithIf: any size, no element computed twice. The value of an
  // element is a pure function of its index, so the split cannot change it.
  Var block(name + "_block"), lane(name + "_lane");
  f.split(flat, block, lane, 1 << 14, TailStrategy::GuardWithIf)
      .parallel(block)
      .vectorize(lane, computeType == Float(64) ? 4 : 8,
                 TailStrategy::GuardWithIf);
  return f;
}

namespace {

/// Distinct salts of the weight's and the bias's streams ("tconv-w",
/// "tconv-b" in ASCII).
constexpr uint64_t kWeightSalt = 0x74636f6e762d77ull;
constexpr uint64_t kBiasSalt = 0x74636f6e762d62ull;

} // namespace

std::vector<Func> ParamInitPipeline::outputs() const {
  std::vector<Func> funcs = {weight};
  if (bias)
    funcs.push_back(*bias);
  return funcs;
}

ParamInitPipeline buildParamInitPipeline(const ConvTransposeSpec &spec) {
  ParamInitPipeline p;
  const WeightFans fans = weightFans(spec);
  // checkParamInit has accepted both names (value() aborts otherwise).
  const ParamDistribution weightDist =
      resolveInitializer(spec.weightInit, false, fans).value();
  const ParamDistribution biasDist =
      resolveInitializer(spec.biasInit, true, fans).value();
  const Type type = halideType(spec.elementType);

  // Halide order: the last kernel dim innermost, Cin outermost.
  std::vector<int64_t> weightExtents(spec.kernelSize.rbegin(),
                                     spec.kernelSize.rend());
  weightExtents.push_back(spec.outChannels / spec.groups);
  weightExtents.push_back(spec.inChannels);
  p.weight = buildInitializedTensor("weight", weightExtents, weightDist,
                                    p.seed, kWeightSalt, type);
  if (spec.hasBias)
    p.bias = buildInitializedTensor("bias", {spec.outChannels}, biasDist,
                                    p.seed, kBiasSalt, type);
  return p;
}

} // namespace tconv::codegen
