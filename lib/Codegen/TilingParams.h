//===- TilingParams.h - Parameters as a tiling's fields ---------*- C++ -*-===//
//
// Each variant keeps its choice in a tiling struct (what its schedule reads)
// and exposes it as named parameters (what the tuner searches and the tuning
// database stores). A table of (name, field) pairs per variant is the one
// place that maps the two; these functions convert either way by it.
//
//===----------------------------------------------------------------------===//

#ifndef TCONV_LIB_CODEGEN_TILINGPARAMS_H
#define TCONV_LIB_CODEGEN_TILINGPARAMS_H

#include "KernelVariant.h"

#include <vector>

namespace tconv::codegen {

/// One parameter stored in an int field of `Tiling`, or in a bool field as
/// 0 or 1.
template <typename Tiling> struct TilingField {
  TilingField(const char *name, int Tiling::*value)
      : name(name), value(value) {}
  TilingField(const char *name, bool Tiling::*flag) : name(name), flag(flag) {}

  const char *name;
  int Tiling::*value = nullptr;
  bool Tiling::*flag = nullptr;
};

template <typename Tiling>
using TilingFields = std::vector<TilingField<Tiling>>;

/// The parameters `fields` name, read from `tiling`.
template <typename Tiling>
VariantParams paramsOfTiling(const Tiling &tiling,
                             const TilingFields<Tiling> &fields) {
  VariantParams params;
  for (const TilingField<Tiling> &f : fields)
    params[f.name] = f.value ? tiling.*f.value : (tiling.*f.flag ? 1 : 0);
  return params;
}

/// `tiling` (the fields no parameter sets, such as the target's lanes,
/// already filled) with the fields of `fields` set from `params` (checked).
template <typename Tiling>
Tiling tilingOfParams(Tiling tiling, const VariantParams &params,
                      const TilingFields<Tiling> &fields) {
  for (const TilingField<Tiling> &f : fields) {
    const int64_t value = params.at(f.name);
    if (f.value)
      tiling.*f.value = int(value);
    else
      tiling.*f.flag = value != 0;
  }
  return tiling;
}

} // namespace tconv::codegen

#endif // TCONV_LIB_CODEGEN_TILINGPARAMS_H
