//===- InitializerNamesTest.cpp - MindSpore's initializer names -----------===//
//
// The registry in tconv/Support/InitializerNames.h answers both sides: the
// verifier of tconv.ms_conv_transpose asks it which names exist and on which
// ranks (test/Dialect/Tconv/invalid-ms.mlir checks its diagnostics), the
// parameter initialization which class a name selects. These tests pin the
// registry to MindSpore's names and check that every name the verifier
// accepts is one the code generator knows: it initializes it or says it is
// not supported, never that the name is unknown. In codegen-tests, the
// target that links both lib/Support and ParamInit.
//
//===----------------------------------------------------------------------===//

#include "ParamInit.h"

#include "tconv/Support/InitializerNames.h"

#include <gtest/gtest.h>

#include <cctype>
#include <set>
#include <string>
#include <vector>

using tconv::kMsInitializerNames;
using tconv::lookupMsInitializer;
using tconv::MsInitializer;
using namespace tconv::codegen;

namespace {

std::string upper(std::string_view name) {
  std::string result;
  for (char c : name)
    result += char(std::toupper(static_cast<unsigned char>(c)));
  return result;
}

// mindspore/common/initializer.py: the lower-cased class names and the
// aliases of _INITIALIZER_ALIAS, without Sparse (docs/spec.md).
const std::vector<std::pair<std::string, MsInitializer>> kMindSporeNames = {
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

TEST(MsInitializerNames, RegistryHoldsMindSporesNames) {
  std::vector<std::pair<std::string, MsInitializer>> registry;
  for (const tconv::MsInitializerName &entry : kMsInitializerNames)
    registry.emplace_back(std::string(entry.name), entry.kind);
  EXPECT_EQ(registry, kMindSporeNames);
}

TEST(MsInitializerNames, LooksUpAnyCase) {
  for (const auto &[name, kind] : kMindSporeNames) {
    EXPECT_EQ(lookupMsInitializer(name), kind) << name;
    EXPECT_EQ(lookupMsInitializer(upper(name)), kind) << name;
  }
  EXPECT_EQ(lookupMsInitializer("He_Normal"), MsInitializer::HeNormal);
  EXPECT_EQ(lookupMsInitializer("XavierUniform"), MsInitializer::XavierUniform);
}

TEST(MsInitializerNames, SpellingMatters) {
  for (const char *name : {"", "truncated_normal", "glorot_uniform", "sparse",
                           "Sparse", "he-uniform", "normal ", "zeross"})
    EXPECT_EQ(lookupMsInitializer(name), std::nullopt) << '"' << name << '"';
}

TEST(MsInitializerNames, RanksFromInitializerPy) {
  using Range = std::pair<int64_t, int64_t>;
  auto ranks = [](MsInitializer kind) {
    tconv::MsInitializerRanks r = tconv::msInitializerRanks(kind);
    return Range(r.min, r.max);
  };
  EXPECT_EQ(ranks(MsInitializer::Normal), Range(0, 99));
  EXPECT_EQ(ranks(MsInitializer::Zero), Range(0, 99));
  EXPECT_EQ(ranks(MsInitializer::HeUniform), Range(2, 99));
  EXPECT_EQ(ranks(MsInitializer::XavierNormal), Range(2, 99));
  EXPECT_EQ(ranks(MsInitializer::Orthogonal), Range(2, 99));
  EXPECT_EQ(ranks(MsInitializer::VarianceScaling), Range(2, 99));
  EXPECT_EQ(ranks(MsInitializer::Identity), Range(2, 2));
  EXPECT_EQ(ranks(MsInitializer::Dirac), Range(3, 5));
}

TEST(MsInitializerNames, NamesOfAClassJoinedForMessages) {
  EXPECT_EQ(tconv::msInitializerNames(MsInitializer::HeUniform),
            "heuniform/he_uniform");
  EXPECT_EQ(tconv::msInitializerNames(MsInitializer::Zero), "zero/zeros");
  EXPECT_EQ(tconv::msInitializerNames(MsInitializer::TruncatedNormal),
            "truncatednormal");
}

// Every name the verifier accepts for a weight reaches the code generator as
// a known name: initialized, or not supported, never unknown.
TEST(MsInitializerNames, CodegenKnowsEveryRegisteredName) {
  const std::set<MsInitializer> notImplemented = {
      MsInitializer::Identity, MsInitializer::Dirac, MsInitializer::Orthogonal,
      MsInitializer::VarianceScaling};
  const WeightFans fans = {60, 90};
  for (const auto &[name, kind] : kMindSporeNames) {
    tconv::Expected<ParamDistribution> d =
        resolveInitializer(upper(name), false, fans);
    if (notImplemented.count(kind))
      EXPECT_EQ(d.message().rfind("weight_init \"" + upper(name) +
                                      "\" is not supported by the parameter "
                                      "initialization (supported: ",
                                  0),
                0u)
          << d.message();
    else
      EXPECT_TRUE(d.ok()) << name << ": " << d.message();
  }
}

// The list of supported names in the message comes from the registry; it
// reads as it did when it was written out by hand.
TEST(MsInitializerNames, CodegenListsTheSupportedNames) {
  const WeightFans fans = {60, 90};
  EXPECT_EQ(resolveInitializer("glorot_uniform", true, fans).message(),
            "bias_init \"glorot_uniform\" is not a known initializer "
            "(supported: the default (no name), normal, uniform, "
            "truncatednormal, heuniform/he_uniform, henormal/he_normal, "
            "xavieruniform/xavier_uniform, xaviernormal/xavier_normal, "
            "one/ones, zero/zeros)");
}

} // namespace
