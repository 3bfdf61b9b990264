//===- KernelManifest.h - What a kernel shared library holds ----*- C++ -*-===//
//
// The JSON manifest tconv-compile --emit=shared writes beside the library
// (docs/python.md has the format):
//
//   {"format": "tconv-kernel-manifest", "version": 1,
//    "library": "layers.so", "target": "host",
//    "kernels": [{"name": "ups_0", "argv_symbol": "ups_0_argv",
//                 "spatial_rank": 1, "groups": 1, "stride": [8], ...,
//                 "operands": [{"role": "input", "name": "input",
//                               "element_type": "f32", "rank": 3,
//                               "extents": [null, 64, 32]}, ...]}]}
//
// Operands are listed in the kernel's ABI order; extents in PyTorch's order
// (outermost first), null where dynamic.
//
//===----------------------------------------------------------------------===//

#ifndef TCONV_COMPILER_KERNELMANIFEST_H
#define TCONV_COMPILER_KERNELMANIFEST_H

#include "tconv/Compiler/KernelLoading.h"
#include "tconv/Support/Status.h"

#include <cstdint>
#include <string>
#include <vector>

namespace mlir::tconv {

/// One buffer argument of a kernel.
struct KernelOperand {
  /// "input", "weight", "bias", "output"; "extra" for the operands of fused
  /// elementwise code, after the bias and before the output.
  std::string role;
  std::string name;
  ::tconv::codegen::ElementType elementType;
  std::vector<int64_t> extents; ///< outermost first, kDynamicSize if dynamic
};

/// The operands of `spec`'s kernel in ABI order: the one place that knows
/// which buffers a kernel takes.
std::vector<KernelOperand>
kernelOperands(const ::tconv::codegen::ConvTransposeSpec &spec);

/// Writes the manifest of `kernels`, compiled for `target` into the library
/// file `libraryName` (a name beside the manifest), to `path`. Returns
/// success, or the error.
::tconv::Status writeKernelManifest(const std::string &path,
                                    const std::vector<NamedKernel> &kernels,
                                    const std::string &target,
                                    const std::string &libraryName);

} // namespace mlir::tconv

#endif // TCONV_COMPILER_KERNELMANIFEST_H
