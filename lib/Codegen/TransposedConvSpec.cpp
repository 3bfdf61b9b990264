//===- TransposedConvSpec.cpp - What the code generator compiles ----------===//

#include "tconv/Codegen/TransposedConvSpec.h"

namespace tconv::codegen {

const char *elementTypeName(ElementType type) {
  switch (type) {
  case ElementType::F16:
    return "f16";
  case ElementType::BF16:
    return "bf16";
  case ElementType::F32:
    return "f32";
  case ElementType::F64:
    return "f64";
  }
  return "unknown";
}

std::vector<int64_t> TransposedConvSpec::outputSize() const {
  std::vector<int64_t> sizes;
  for (int64_t i = 0; i < spatialRank; ++i)
    sizes.push_back(transposedOutputLength(inputSize[i], kernelSize[i],
                                           stride[i], dilation[i],
                                           padding[i]));
  return sizes;
}

} // namespace tconv::codegen
