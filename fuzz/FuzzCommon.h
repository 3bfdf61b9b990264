//===- FuzzCommon.h - Shared setup of the tconv libFuzzer targets -*- C++ -*-===//
//
// One MLIRContext for many inputs (creating one per input would dominate the
// run time), with the dialects tconv-opt registers, threading off and
// every diagnostic swallowed: the targets look for crashes, sanitizer reports
// and broken invariants, not for messages.
//
// An invariant violation calls fuzzFailure(), which prints the message and
// aborts, so libFuzzer records the input as a crash.
//
//===----------------------------------------------------------------------===//

#ifndef TCONV_FUZZ_FUZZCOMMON_H
#define TCONV_FUZZ_FUZZCOMMON_H

#include "tconv/Dialect/Tconv/IR/TconvDialect.h"
#include "tconv/Dialect/Tconv/Transforms/Passes.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/DialectRegistry.h"
#include "mlir/IR/MLIRContext.h"
#include "llvm/Support/raw_ostream.h"

#include <cstdlib>
#include <memory>

namespace tconv_fuzz {

/// The context of the current input. Every kRecycle inputs it is replaced by
/// a fresh one: uniqued attributes and types (random strings, shapes) are
/// never freed, and a long run would otherwise hit libFuzzer's RSS limit.
inline mlir::MLIRContext &context() {
  constexpr unsigned kRecycle = 20000;
  static std::unique_ptr<mlir::MLIRContext> ctx;
  static unsigned uses = 0;
  if (!ctx || ++uses % kRecycle == 0) {
    ctx.reset();
    mlir::DialectRegistry registry;
    registry.insert<mlir::tconv::TconvDialect, mlir::func::FuncDialect,
                    mlir::arith::ArithDialect, mlir::math::MathDialect,
                    mlir::tensor::TensorDialect>();
    ctx = std::make_unique<mlir::MLIRContext>(
        registry, mlir::MLIRContext::Threading::DISABLED);
    ctx->loadAllAvailableDialects();
    // Swallow every diagnostic (errors, warnings, remarks).
    ctx->getDiagEngine().registerHandler(
        [](mlir::Diagnostic &) { return mlir::success(); });
  }
  return *ctx;
}

[[noreturn]] inline void fuzzFailure(const llvm::Twine &message) {
  llvm::errs() << "tconv fuzz invariant violated: " << message << "\n";
  llvm::errs().flush();
  std::abort();
}

} // namespace tconv_fuzz

#endif // TCONV_FUZZ_FUZZCOMMON_H
