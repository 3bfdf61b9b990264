//===- InitializerNames.cpp - MindSpore's initializer names ---------------===//

#include "tconv/Support/InitializerNames.h"

#include <cctype>

namespace tconv {

std::optional<MsInitializer> lookupMsInitializer(std::string_view name) {
  std::string lower;
  for (char c : name)
    lower += char(std::tolower(static_cast<unsigned char>(c)));
  for (const MsInitializerName &entry : kMsInitializerNames)
    if (entry.name == lower)
      return entry.kind;
  return std::nullopt;
}

MsInitializerRanks msInitializerRanks(MsInitializer kind) {
  switch (kind) {
  case MsInitializer::Normal:
  case MsInitializer::Uniform:
  case MsInitializer::TruncatedNormal:
  case MsInitializer::One:
  case MsInitializer::Zero:
    return {0, 99};
  case MsInitializer::HeUniform:
  case MsInitializer::HeNormal:
  case MsInitializer::XavierUniform:
  case MsInitializer::XavierNormal:
  case MsInitializer::Orthogonal:
  case MsInitializer::VarianceScaling:
    return {2, 99};
  case MsInitializer::Identity:
    return {2, 2};
  case MsInitializer::Dirac:
    return {3, 5};
  }
  return {};
}

std::string msInitializerNames(MsInitializer kind) {
  std::string names;
  for (const MsInitializerName &entry : kMsInitializerNames) {
    if (entry.kind != kind)
      continue;
    if (!names.empty())
      names += '/';
    names += entry.name;
  }
  return names;
}

} // namespace tconv
