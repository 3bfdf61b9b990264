//===- KernelLoading.cpp - An MLIR file to the kernels it defines ---------===//

#include "tconv/Compiler/KernelLoading.h"

#include "tconv/Codegen/KernelCompiler.h"
#include "tconv/Compiler/KernelSpecExtraction.h"
#include "tconv/Dialect/Tconv/IR/TconvDialect.h"
#include "tconv/Dialect/Tconv/Transforms/Passes.h"
#include "tconv/Support/ParserHazards.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/Parser/Parser.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Support/FileUtilities.h"
#include "llvm/Support/SourceMgr.h"

namespace mlir::tconv {

void registerKernelDialects(DialectRegistry &registry) {
  registry.insert<TconvDialect, func::FuncDialect, arith::ArithDialect,
                  math::MathDialect, tensor::TensorDialect>();
}

/// Reports, as an error at its line, the first construct of the buffer that
/// MLIR 22's parser would crash on (tconv/Support/ParserHazards.h).
static LogicalResult rejectParserHazards(const llvm::SourceMgr &sourceMgr,
                                         unsigned bufferId,
                                         MLIRContext &context) {
  const llvm::MemoryBuffer *buffer = sourceMgr.getMemoryBuffer(bufferId);
  std::optional<::tconv::ParserHazard> hazard =
      ::tconv::findParserHazard(buffer->getBuffer());
  if (!hazard)
    return success();
  auto [line, column] = sourceMgr.getLineAndColumn(
      llvm::SMLoc::getFromPointer(buffer->getBufferStart() + hazard->offset),
      bufferId);
  emitError(FileLineColLoc::get(&context, buffer->getBufferIdentifier(), line,
                                column))
      << hazard->message;
  return failure();
}

/// Parses the buffer `bufferId` of `sourceMgr`, normalizes it and extracts
/// every func's kernel; problems are diagnostics.
static FailureOr<std::vector<NamedKernel>>
loadKernels(llvm::SourceMgr &sourceMgr, unsigned bufferId,
            MLIRContext &context) {
  if (failed(rejectParserHazards(sourceMgr, bufferId, context)))
    return failure();
  OwningOpRef<ModuleOp> module = parseSourceFile<ModuleOp>(sourceMgr, &context);
  if (!module)
    return failure();
  PassManager pm(&context);
  pm.addPass(createTconvNormalize());
  pm.addNestedPass<func::FuncOp>(createTconvFuseElementwise());
  if (failed(pm.run(*module)))
    return failure();
  std::vector<NamedKernel> kernels;
  for (auto func : module->getOps<func::FuncOp>()) {
    FailureOr<::tconv::codegen::ConvTransposeSpec> spec =
        extractKernelSpec(func);
    if (failed(spec))
      return failure();
    kernels.push_back({func.getSymName().str(), std::move(*spec), func.getLoc()});
  }
  return kernels;
}

static DialectRegistry kernelDialects() {
  DialectRegistry registry;
  registerKernelDialects(registry);
  return registry;
}

KernelFile::KernelFile()
    : context(kernelDialects()), diagHandler(sourceMgr, &context) {
  context.loadAllAvailableDialects();
  // The diagnostics name the op and point at its line; the generic-form dump
  // of the op that MLIR appends by default only repeats the line.
  context.printOpOnDiagnostic(false);
}

::tconv::Status KernelFile::open(const std::string &path) {
  std::string error;
  std::unique_ptr<llvm::MemoryBuffer> file = openInputFile(path, &error);
  if (!file)
    return ::tconv::Status::error("cannot read '" + path + "': " + error);
  bufferId = sourceMgr.AddNewSourceBuffer(std::move(file), llvm::SMLoc());
  return ::tconv::Status::success();
}

LogicalResult KernelFile::load() {
  FailureOr<std::vector<NamedKernel>> loaded =
      loadKernels(sourceMgr, bufferId, context);
  if (failed(loaded))
    return failure();
  kernels = std::move(*loaded);
  return success();
}

LogicalResult KernelFile::checkSupported(const std::string &target,
                                         StringRef verb) {
  for (const NamedKernel &kernel : kernels)
    if (::tconv::Status s =
            ::tconv::codegen::checkSupported(kernel.spec, target);
        !s.ok())
      return emitError(kernel.loc, "cannot ")
             << verb << " '" << kernel.name << "': " << s.message();
  return success();
}

} // namespace mlir::tconv
