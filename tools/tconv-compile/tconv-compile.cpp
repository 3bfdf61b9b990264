//===- tconv-compile.cpp - MLIR in, kernel objects out --------------------===//
//
//   tconv-compile INPUT.mlir -o OUTDIR [--target=T] [--emit=LIST]
//                 [--schedule=tconv|<variant>|auto-adams2019|auto-li2018|auto-mullapudi2016]
//                 [--tuning-db=FILE [--tuning-threads=N]]
//
// Parses and verifies INPUT, runs --tconv-normalize and
// --tconv-fuse-elementwise (docs/fusion.md), and compiles every
// func.func (one tconv op and a return) into OUTDIR/<func>.o and <func>.h, plus
// OUTDIR/halide_runtime.o once for the target; --emit=init adds
// <func>_init_params.o and .h (docs/initialization.md); --emit=shared adds
// OUTDIR/<stem>.so, every kernel and the runtime in one shared library, and
// its manifest OUTDIR/<stem>.json (docs/python.md). Every func is checked
// before anything is written, so an error leaves OUTDIR as it was.
//
//===----------------------------------------------------------------------===//

#include "tconv/Codegen/KernelCompiler.h"
#include "tconv/Codegen/Tuning.h"
#include "tconv/Compiler/KernelLoading.h"
#include "tconv/Compiler/KernelManifest.h"
#include "tconv/Compiler/SharedLibrary.h"
#include "tconv/Compiler/TuningDatabaseJson.h"
#include "tconv/Tools/ToolMain.h"

#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/Path.h"

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
                  "bias initialization, docs/initialization.md), shared "
                  "(<stem>.so: the kernels and the runtime in one shared "
                  "library, and its manifest <stem>.json, docs/python.md)"),
         cl::cat(category));

/// --schedule's help, from the registry (scheduleNames), so a new variant
/// needs no edit here.
static std::string scheduleHelp() {
  std::string variants, baselines;
  for (const std::string &name : ::tconv::codegen::scheduleNames()) {
    if (name == "tconv")
      continue;
    std::string &list = name.rfind("auto-", 0) == 0 ? baselines : variants;
    list += (list.empty() ? "" : ", ") + name;
  }
  return "schedule: tconv (default: the kernel variant the registry picks per "
         "shape and length), a variant by name (" +
         variants + "), or a Halide autoscheduler as a baseline: " + baselines +
         " (docs/performance.md)";
}
static const std::string scheduleHelpText = scheduleHelp();

static cl::opt<std::string> schedule("schedule", cl::init("tconv"),
                                     cl::desc(scheduleHelpText),
                                     cl::cat(category));

static cl::opt<std::string> tuningDb(
    "tuning-db",
    cl::desc("tuning database written by tconv-tune: a matching entry "
             "(shape, target, length) replaces the rules' choice of variant "
             "and parameters"),
    cl::value_desc("file"), cl::cat(category));

static cl::opt<int> tuningThreads(
    "tuning-threads", cl::init(0),
    cl::desc("with --tuning-db: the number of threads the kernels will run "
             "with; entries timed with another count are not used (default "
             "0: HL_NUM_THREADS if set, else this machine's cores)"),
    cl::cat(category));

static int fail(const llvm::Twine &message) {
  return ::tconv::tools::reportToolError("tconv-compile", message);
}

int main(int argc, char **argv) {
  llvm::InitLLVM initLLVM(argc, argv);
  ::tconv::tools::parseToolOptions(
      argc, argv, category,
      "tconv-compile: tconv MLIR to kernel objects\n");

  ::tconv::codegen::EmitOptions emitOptions;
  bool emitInit = false;
  bool emitShared = false;
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
    else if (item == "shared")
      emitShared = true;
    else
      return fail("unknown --emit value '" + item +
                  "' (expected assembly, stmt, llvm, device, init or shared)");
  }
  if (::tconv::Status s = ::tconv::codegen::checkTarget(target); !s.ok())
    return fail(s.message());
  if (::tconv::Status s = ::tconv::codegen::checkSchedule(schedule); !s.ok())
    return fail(s.message());
  if (emitShared)
    if (::tconv::Status s = mlir::tconv::checkSharedLibraryTarget(target);
        !s.ok())
      return fail(s.message());

  ::tconv::codegen::TuningDatabase tuning;
  if (!tuningDb.empty()) {
    if (schedule != "tconv")
      return fail("--tuning-db chooses among the variants; it cannot be "
                  "combined with --schedule=" + schedule);
    ::tconv::Expected<::tconv::codegen::TuningDatabase> read =
        mlir::tconv::readTuningDatabase(tuningDb);
    if (!read.ok())
      return fail(read.message());
    tuning = std::move(read).value();
  }
  if (tuningThreads < 0)
    return fail("--tuning-threads must be 0 (this machine's default) or "
                "more, got " + std::to_string(tuningThreads));
  if (tuningThreads > 0 && tuningDb.empty())
    return fail("--tuning-threads picks tuning database entries; it needs "
                "--tuning-db");

  // Parse (which also verifies), normalize and extract; diagnostics go to
  // stderr. Then check every kernel before writing anything.
  mlir::tconv::KernelFile file;
  if (::tconv::Status opened = file.open(inputFilename); !opened.ok())
    return fail(opened.message());
  if (failed(file.load()))
    return 1;
  if (failed(file.checkSupported(target, "compile")))
    return 1;
  std::vector<mlir::tconv::NamedKernel> &kernels = file.kernels;
  for (const mlir::tconv::NamedKernel &kernel : kernels) {
    if (emitInit)
      if (::tconv::Status s = ::tconv::codegen::checkParamInit(kernel.spec);
          !s.ok()) {
        emitError(kernel.loc, "cannot emit the parameter initialization of '")
            << kernel.name << "': " << s.message();
        return 1;
      }
  }
  if (kernels.empty())
    return fail("'" + inputFilename + "' defines no func.func to compile");
  // <f>_init_params is a symbol and a file name of its own.
  if (emitInit)
    for (const mlir::tconv::NamedKernel &a : kernels)
      for (const mlir::tconv::NamedKernel &b : kernels)
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

  for (const mlir::tconv::NamedKernel &kernel : kernels)
    if (::tconv::Status s = ::tconv::codegen::compileKernel(
            kernel.spec, kernel.name, target, outputDir, emitOptions, schedule,
            tuningDb.empty() ? nullptr : &tuning, tuningThreads);
        !s.ok())
      return fail("compiling '" + kernel.name + "': " + s.message());
  if (emitInit)
    for (const mlir::tconv::NamedKernel &kernel : kernels)
      if (::tconv::Status s = ::tconv::codegen::compileParamInit(
              kernel.spec, kernel.name, target, outputDir);
          !s.ok())
        return fail("compiling '" + kernel.name +
                    "_init_params': " + s.message());
  if (::tconv::Status s = ::tconv::codegen::compileRuntime(target, outputDir);
      !s.ok())
    return fail("compiling the Halide runtime: " + s.message());
  if (emitShared) {
    const std::string stem = llvm::sys::path::stem(inputFilename).str();
    std::vector<std::string> objects;
    for (const mlir::tconv::NamedKernel &kernel : kernels)
      objects.push_back(outputDir + "/" + kernel.name + ".o");
    if (emitInit)
      for (const mlir::tconv::NamedKernel &kernel : kernels)
        objects.push_back(outputDir + "/" + kernel.name + "_init_params.o");
    objects.push_back(outputDir + "/halide_runtime.o");
    if (::tconv::Status s = mlir::tconv::linkSharedLibrary(
            outputDir + "/" + stem + ".so", objects);
        !s.ok())
      return fail(s.message());
    if (::tconv::Status s = mlir::tconv::writeKernelManifest(
            outputDir + "/" + stem + ".json", kernels, target, stem + ".so");
        !s.ok())
      return fail(s.message());
  }
  return 0;
}
