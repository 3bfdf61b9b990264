//===- ParseFuzzer.cpp - libFuzzer: bytes -> parse, verify, normalize ------===//
//
// Feeds the bytes to the MLIR parser with the dialects tconv-opt and
// tconv-compile register (tconv, func, arith, math, tensor), after the
// screen for inputs MLIR's own parser crashes on that both tools run. A module
// that parses (and therefore verifies) goes through --tconv-normalize and
// --tconv-fuse-elementwise with the verifier on, and every func of the result
// through kernel-spec extraction, which is what tconv-compile does before it
// hands the spec to Halide.
//
// Invariants, besides "no crash, no sanitizer report":
//   * normalizing a verified module succeeds and yields a verified module
//     without flavor ops;
//   * fusion either reports an error (a func it cannot gather) or yields a
//     verified module;
//   * a func whose normalized body is one tconv.conv_transpose of its
//     arguments in order (plus an optional trailing zero pad) and a return
//     yields a kernel spec whose output sizes are the func's result type.
//
//===----------------------------------------------------------------------===//

#include "FuzzCommon.h"

#include "tconv/Compiler/KernelSpecExtraction.h"
#include "tconv/Dialect/Tconv/IR/TconvOps.h"
#include "tconv/Support/ParserHazards.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/Verifier.h"
#include "mlir/Parser/Parser.h"
#include "mlir/Pass/PassManager.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/SourceMgr.h"

using namespace mlir;
using tconv_fuzz::fuzzFailure;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  MLIRContext &ctx = tconv_fuzz::context();
  // The tools reject what MLIR 22's own parser crashes on before parsing.
  llvm::StringRef text(reinterpret_cast<const char *>(data), size);
  if (::tconv::findParserHazard(std::string_view(text.data(), text.size())))
    return 0;
  llvm::SourceMgr sourceMgr;
  sourceMgr.AddNewSourceBuffer(
      llvm::MemoryBuffer::getMemBufferCopy(text, "fuzz"),
      llvm::SMLoc());
  ParserConfig config(&ctx, /*verifyAfterParse=*/true);
  OwningOpRef<ModuleOp> module = parseSourceFile<ModuleOp>(sourceMgr, config);
  if (!module)
    return 0;

  PassManager pm(&ctx);
  pm.enableVerifier(true);
  pm.addPass(mlir::tconv::createTconvNormalize());
  if (failed(pm.run(*module)))
    fuzzFailure("--tconv-normalize failed on a verified module");

  bool flavorLeft = false;
  module->walk([&](Operation *op) {
    if (isa<mlir::tconv::TorchConvTransposeOp, mlir::tconv::MsConvTransposeOp,
            mlir::tconv::OnnxConvTransposeOp>(op))
      flavorLeft = true;
  });
  if (flavorLeft)
    fuzzFailure("a flavor op survived --tconv-normalize");

  // Fusion may reject a func (an error, not a failure of the fuzzer); what
  // it produces must verify.
  PassManager fuse(&ctx);
  fuse.enableVerifier(true);
  fuse.addNestedPass<func::FuncOp>(mlir::tconv::createTconvFuseElementwise());
  if (failed(fuse.run(*module)))
    return 0;

  for (func::FuncOp func : module->getOps<func::FuncOp>()) {
    FailureOr<::tconv::codegen::ConvTransposeSpec> spec =
        mlir::tconv::extractKernelSpec(func);
    if (failed(spec))
      continue;
    auto resultType =
        dyn_cast<RankedTensorType>(func.getFunctionType().getResult(0));
    if (!resultType)
      fuzzFailure("extracted a spec from a func without a tensor result");
    std::vector<int64_t> out = spec->outputSize();
    if (int64_t(out.size()) != resultType.getRank() - 2)
      fuzzFailure("spec output rank differs from the func's result rank");
    for (size_t i = 0; i < out.size(); ++i) {
      int64_t declared = resultType.getDimSize(i + 2);
      if (!ShapedType::isDynamic(declared) && !::tconv::isDynamicSize(out[i]) &&
          declared != out[i])
        fuzzFailure("spec output length " + llvm::Twine(out[i]) +
                    " differs from the declared " + llvm::Twine(declared) +
                    " at spatial dim " + llvm::Twine(i));
    }
  }
  return 0;
}
