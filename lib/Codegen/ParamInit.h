//===- ParamInit.h - <func>_init_params as Halide Funcs ---------*- C++ -*-===//
//
// The parameter initialization of a kernel (tconv-compile --emit=init): the
// weight (Cin, Cout/groups, K...) and the bias (Cout) drawn as PyTorch's
// default or as MindSpore's weight_init/bias_init name says, from a
// counter-based random stream, so every element depends only on (seed,
// tensor, element index). docs/initialization.md has the table and formulas.
//
//===----------------------------------------------------------------------===//

#ifndef TCONV_LIB_CODEGEN_PARAMINIT_H
#define TCONV_LIB_CODEGEN_PARAMINIT_H

#include "tconv/Codegen/ConvTransposeSpec.h"
#include "tconv/Support/Status.h"

#include "Halide.h"

#include <optional>
#include <string>
#include <vector>

namespace tconv::codegen {

/// One tensor's distribution, MindSpore's default arguments filled in.
struct ParamDistribution {
  enum class Kind { Uniform, Normal, TruncatedNormal, Constant };
  Kind kind = Kind::Constant;
  /// Uniform: the bound b of U(-b, b). Normal, TruncatedNormal: sigma (mean
  /// 0). Constant: the value.
  double scale = 0;
  /// TruncatedNormal: the absolute interval the values are confined to.
  double lo = 0, hi = 0;
};

/// The weight's fans as PyTorch's and MindSpore's
/// _calculate_fan_in_and_fan_out compute them for the shape (Cin, Cout/g,
/// K...): fan_in = (Cout/groups) * prod(K), fan_out = Cin * prod(K).
struct WeightFans {
  int64_t fanIn = 0, fanOut = 0;
};
WeightFans weightFans(const ConvTransposeSpec &spec);

/// Resolves an initializer name (`name` as written, any case; empty: the
/// default) for the weight or, with `forBias`, the bias. Returns its
/// distribution, or an error naming the initializer when it is unknown, not
/// supported (identity, dirac, orthogonal, variancescaling) or fan-based for
/// the 1-D bias.
Expected<ParamDistribution> resolveInitializer(const std::string &name,
                                               bool forBias,
                                               const WeightFans &fans);

/// One tensor of `extents` (Halide order: dimension 0 innermost) drawn from
/// `d`, element by element, with the random stream of (seed, salt), in
/// `elementType` (f16/bf16 computed in f32), asserted dense from 0 with these
/// extents and scheduled for the CPU. buildParamInitPipeline makes the weight
/// and the bias with it; tests use it for distributions no name reaches.
Halide::Func buildInitializedTensor(const std::string &name,
                                    const std::vector<int64_t> &extents,
                                    const ParamDistribution &d,
                                    const Halide::Expr &seed, uint64_t salt,
                                    Halide::Type elementType);

/// The Funcs of <func>_init_params, scheduled for the CPU.
struct ParamInitPipeline {
  Halide::Param<uint64_t> seed{"seed"};
  /// Outputs in ABI order: weight, then bias when the spec has one. Both are
  /// asserted dense from 0 with the spec's extents.
  Halide::Func weight;
  std::optional<Halide::Func> bias;

  std::vector<Halide::Func> outputs() const;
};

/// Builds the pipeline for `spec`; `spec` must have passed checkSupported and
/// checkParamInit (KernelCompiler.h).
ParamInitPipeline buildParamInitPipeline(const ConvTransposeSpec &spec);

} // namespace tconv::codegen

#endif // TCONV_LIB_CODEGEN_PARAMINIT_H
