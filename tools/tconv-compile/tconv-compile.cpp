//===- tconv-compile.cpp - MLIR in, kernel objects out --------------------===//
//
//   tconv-compile INPUT.mlir -o OUTDIR [--target=T] [--emit=LIST]
//                 [--schedule=tconv|auto-adams2019|auto-li2018|auto-mullapudi2016]
//
// Parses and verifies INPUT, runs --tconv-normalize, and compiles every
// func.func (one tconv op and a return) into OUTDIR/<func>.o and <func>.h, plus
// OUTDIR/halide_runtime.o once for the target; --emit=init adds
// <func>_init_params.o and .h (docs/initialization.md). Every func is checked
// before anything is written, so an error leaves OUTDIR as it was.
//
//===----------------------------------------------------------------------===//

#include "tconv/Codegen/KernelCompiler.h"
#include "tconv/Compiler/KernelSpecExtraction.h"
#include "tconv/Dialect/Tconv/IR/TconvDialect.h"
#include "tconv/Dialect/Tconv/Transforms/Passes.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Parser/Parser.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Support/FileUtilities.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/SourceMgr.h"

using namespace mlir;

namespace cl = llvm::cl;

static cl::OptionCategory category("tconv-compile options");

static cl::opt<std::string> inputFilename(cl::Positional, cl::Required,
                                          cl::desc("<input .mlir>"),
                                          cl::cat(category));
static cl::opt<std::string> outputDir("o", cl::Required,
                                      cl::desc("Output directory"),
                                      cl::value_desc("dir"), cl::cat(category));
static cl::opt<std::string>
    target("target", cl::init("host"),
           cl::desc("Halide target string (default: host), e.g. "
                    "x86-64-linux-avx2-fma-f16c, x86-64-linux-avx512, "
                    "arm-64-linux; GPU: host-opencl, "
                    "host-cuda-cuda_capability_70 (docs/gpu.md)"),
           cl::cat(category));
static cl::list<std::string>
    emit("emit", cl::CommaSeparated,
         cl::desc("Extra artifacts beside each object: assembly (.s), stmt "
                  "(Halide's lowered statement, .stmt), llvm (.ll), device "
                  "(GPU targets: the device code, .ptx for CUDA, .cl for "
                  "OpenCL), init (<func>_init_params.o and .h: the weight and "
                  "bias initialization, docs/initialization.md)"),
         cl::cat(category));

static cl::opt<std::string> schedule(
    "schedule", cl::init("tconv"),
    cl::desc("CPU schedule: tconv (the hand-written one, default), or a Halide "
             "autoscheduler as a baseline: auto-adams2019, auto-li2018, "
             "auto-mullapudi2016 (docs/performance.md)"),
    cl::cat(category));

static int fail(const llvm::Twine &message) {
  llvm::errs() << "tconv-compile: error: " << message << "\n";
  return 1;
}

int main(int argc, char **argv) {
  llvm::InitLLVM initLLVM(argc, argv);
  cl::HideUnrelatedOptions(category);
  cl::ParseCommandLineOptions(argc, argv,
                              "tconv-compile: tconv MLIR to kernel objects\n");

  ::tconv::codegen::EmitOptions emitOptions;
  bool emitInit = false;
  for (const std::string &item : emit) {
    if (item == "assembly")
      emitOptions.assembly = true;
    else if (item == "stmt")
      emitOptions.stmt = true;
    else if (item == "llvm")
      emitOptions.llvmIR = true;
    else if (item == "device")
      emitOptions.deviceCode = true;
    else if (item == "init")
      emitInit = true;
    else
      return fail("unknown --emit value '" + item +
                  "' (expected assembly, stmt, llvm, device or init)");
  }
  if (std::string error = ::tconv::codegen::checkTarget(target);
      !error.empty())
    return fail(error);
  if (std::string error = ::tconv::codegen::checkSchedule(schedule);
      !error.empty())
    return fail(error);

  DialectRegistry registry;
  registry.insert<mlir::tconv::TconvDialect, func::FuncDialect, arith::ArithDialect,
                  tensor::TensorDialect>();
  MLIRContext context(registry);
  context.loadAllAvailableDialects();

  // Parse (which also verifies) and normalize; diagnostics go to stderr.
  llvm::SourceMgr sourceMgr;
  SourceMgrDiagnosticHandler diagHandler(sourceMgr, &context);
  std::string openError;
  auto file = openInputFile(inputFilename, &openError);
  if (!file)
    return fail("cannot read '" + inputFilename + "': " + openError);
  sourceMgr.AddNewSourceBuffer(std::move(file), llvm::SMLoc());
  OwningOpRef<ModuleOp> module = parseSourceFile<ModuleOp>(sourceMgr, &context);
  if (!module)
    return 1;
  PassManager pm(&context);
  pm.addPass(mlir::tconv::createTconvNormalize());
  if (failed(pm.run(*module)))
    return 1;

  // Check every func before writing anything.
  struct Kernel {
    std::string name;
    ::tconv::codegen::TransposedConvSpec spec;
  };
  std::vector<Kernel> kernels;
  for (auto func : module->getOps<func::FuncOp>()) {
    FailureOr<::tconv::codegen::TransposedConvSpec> spec =
        mlir::tconv::extractKernelSpec(func);
    if (failed(spec))
      return 1;
    if (std::string error = ::tconv::codegen::checkSupported(*spec, target);
        !error.empty()) {
      func.emitError("cannot compile '")
          << func.getSymName() << "': " << error;
      return 1;
    }
    if (emitInit)
      if (std::string error = ::tconv::codegen::checkParamInit(*spec);
          !error.empty()) {
        func.emitError("cannot emit the parameter initialization of '")
            << func.getSymName() << "': " << error;
        return 1;
      }
    kernels.push_back({func.getSymName().str(), std::move(*spec)});
  }
  if (kernels.empty())
    return fail("'" + inputFilename + "' defines no func.func to compile");
  // <f>_init_params is a symbol and a file name of its own.
  if (emitInit)
    for (const Kernel &a : kernels)
      for (const Kernel &b : kernels)
        if (b.name == a.name + "_init_params")
          return fail("--emit=init would name the initialization of '" +
                      a.name + "' '" + b.name +
                      "', which is also a func of the input; rename one");

  if (std::error_code ec = llvm::sys::fs::create_directories(outputDir))
    return fail("cannot create output directory '" + outputDir +
                "': " + ec.message());
  // create_directories accepts an existing path of any kind.
  if (!llvm::sys::fs::is_directory(outputDir))
    return fail("cannot use '" + outputDir +
                "' as the output directory: it exists and is not a directory");
  if (std::error_code ec = llvm::sys::fs::access(
          outputDir, llvm::sys::fs::AccessMode::Write))
    return fail("cannot write to output directory '" + outputDir +
                "': " + ec.message());

  for (const Kernel &kernel : kernels)
    if (std::string error = ::tconv::codegen::compileKernel(
            kernel.spec, kernel.name, target, outputDir, emitOptions,
            schedule);
        !error.empty())
      return fail("compiling '" + kernel.name + "': " + error);
  if (emitInit)
    for (const Kernel &kernel : kernels)
      if (std::string error = ::tconv::codegen::compileParamInit(
              kernel.spec, kernel.name, target, outputDir);
          !error.empty())
        return fail("compiling '" + kernel.name + "_init_params': " + error);
  if (std::string error = ::tconv::codegen::compileRuntime(target, outputDir);
      !error.empty())
    return fail("compiling the Halide runtime: " + error);
  return 0;
}
