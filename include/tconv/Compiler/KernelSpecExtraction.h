//===- KernelSpecExtraction.h - Normalized funcs to kernel specs -*- C++ -*-===//
//
// The bridge between the dialect and the code generator: reads a normalized
// func.func (one tconv.conv_transpose, optionally followed by MindSpore 2-D
// output_padding's zero tensor.pad, then return) into a ConvTransposeSpec.
//
//===----------------------------------------------------------------------===//

#ifndef TCONV_COMPILER_KERNELSPECEXTRACTION_H
#define TCONV_COMPILER_KERNELSPECEXTRACTION_H

#include "tconv/Codegen/ConvTransposeSpec.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Support/LLVM.h"

#include <optional>

namespace mlir::tconv {

/// The kernel element type of an MLIR float type (f16, bf16, f32, f64), or
/// none for any other type.
std::optional<::tconv::codegen::ElementType> toElementType(Type type);

/// Extracts the kernel a normalized func computes. Emits an error on the func
/// (or the offending op) and fails when its body is anything else, when the
/// op's operands are not the func's arguments in order, or when the func's
/// name is not a C identifier (it becomes the kernel's symbol).
FailureOr<::tconv::codegen::ConvTransposeSpec>
extractKernelSpec(func::FuncOp func);

} // namespace mlir::tconv

#endif // TCONV_COMPILER_KERNELSPECEXTRACTION_H
