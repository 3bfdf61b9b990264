//===- InitializerNames.h - MindSpore's initializer names ------*- C++ -*-===//
//
// The one registry of the initializer names tconv.ms_conv_transpose accepts
// in `weight_init` / `bias_init`. The verifier asks it which names MindSpore
// accepts and on which ranks; the code generator's parameter initialization
// asks it which class a name selects. Plain C++, shared by both sides.
//
// Source: mindspore/common/initializer.py (docs/spec.md, "Initializer names").
//
//===----------------------------------------------------------------------===//

#ifndef TCONV_SUPPORT_INITIALIZERNAMES_H
#define TCONV_SUPPORT_INITIALIZERNAMES_H

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace tconv {

/// The initializer classes of mindspore.common.initializer that a plain
/// string can name.
enum class MsInitializer {
  Normal,
  Uniform,
  TruncatedNormal,
  HeUniform,
  HeNormal,
  XavierUniform,
  XavierNormal,
  One,
  Zero,
  Identity,
  Dirac,
  Orthogonal,
  VarianceScaling,
};

struct MsInitializerName {
  std::string_view name; // lower case, as the registry stores it
  MsInitializer kind;
};

/// Every name MindSpore resolves from a string: the lower-cased class names
/// plus the aliases of its registry, each class's names adjacent. `Sparse` is
/// registered too but is left out: it needs a sparsity argument, so a string
/// cannot build it.
inline constexpr MsInitializerName kMsInitializerNames[] = {
    {"normal", MsInitializer::Normal},
    {"uniform", MsInitializer::Uniform},
    {"truncatednormal", MsInitializer::TruncatedNormal},
    {"heuniform", MsInitializer::HeUniform},
    {"he_uniform", MsInitializer::HeUniform},
    {"henormal", MsInitializer::HeNormal},
    {"he_normal", MsInitializer::HeNormal},
    {"xavieruniform", MsInitializer::XavierUniform},
    {"xavier_uniform", MsInitializer::XavierUniform},
    {"xaviernormal", MsInitializer::XavierNormal},
    {"xavier_normal", MsInitializer::XavierNormal},
    {"one", MsInitializer::One},
    {"ones", MsInitializer::One},
    {"zero", MsInitializer::Zero},
    {"zeros", MsInitializer::Zero},
    {"identity", MsInitializer::Identity},
    {"dirac", MsInitializer::Dirac},
    {"orthogonal", MsInitializer::Orthogonal},
    {"variancescaling", MsInitializer::VarianceScaling},
};

/// Looks `name` up as MindSpore does (`init.lower()` in its registry): case
/// does not matter, spelling does ("truncated_normal" is no name).
std::optional<MsInitializer> lookupMsInitializer(std::string_view name);

/// The ranks of the tensors a class can initialize, from initializer.py:
/// fan-based classes, Orthogonal and VarianceScaling need at least 2
/// dimensions, Identity exactly 2, Dirac 3 to 5. 99 stands for no upper
/// bound (the verifier's diagnostics print it).
struct MsInitializerRanks {
  int64_t min = 0;
  int64_t max = 99;
};
MsInitializerRanks msInitializerRanks(MsInitializer kind);

/// The names of `kind` joined with '/' ("heuniform/he_uniform"), for
/// messages that list what is accepted.
std::string msInitializerNames(MsInitializer kind);

} // namespace tconv

#endif // TCONV_SUPPORT_INITIALIZERNAMES_H
