//===- tconv-tune.cpp - Measure the fastest kernel variant per shape ------===//
//
//   tconv-tune INPUT.mlir -o DB.json [--target=host] [--budget=SECONDS]
//              [--num-threads=N] [--verbose]
//
// For every func.func of INPUT (as tconv-compile reads it), searches the
// kernel variants' parameter spaces on this machine (Tuning.h: JIT-compiled
// candidates timed on random data), within --budget seconds per kernel, and
// writes the winners to the tuning database DB.json. An existing DB.json is
// updated: entries of the same shape, target, thread count and length range
// are replaced, others kept. tconv-compile --tuning-db=DB.json then builds
// every matching kernel with its entry; the entries alone reproduce the tuned
// kernels.
// A line of progress per kernel and per length range goes to stderr.
//
//===----------------------------------------------------------------------===//

#include "tconv/Codegen/KernelCompiler.h"
#include "tconv/Codegen/Tuning.h"
#include "tconv/Compiler/KernelLoading.h"
#include "tconv/Compiler/TuningDatabaseJson.h"
#include "tconv/Tools/ToolMain.h"

#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/raw_ostream.h"

#include <chrono>
#include <cstdlib>

using namespace mlir;

namespace cl = llvm::cl;

static cl::OptionCategory category("tconv-tune options");

static cl::opt<std::string> inputFilename(cl::Positional, cl::Required,
                                          cl::desc("<input .mlir>"),
                                          cl::cat(category));
static cl::opt<std::string> output("o", cl::Required,
                                   cl::desc("tuning database (JSON) to write "
                                            "or update"),
                                   cl::value_desc("file"), cl::cat(category));
static cl::opt<std::string>
    target("target", cl::init("host"),
           cl::desc("Halide CPU target to tune for; it must run on this "
                    "machine (default: host)"),
           cl::cat(category));
static cl::opt<double> budget("budget", cl::init(60.0),
                              cl::desc("seconds of search per kernel "
                                       "(default 60)"),
                              cl::cat(category));
static cl::opt<int> threads(
    "num-threads", cl::init(0),
    cl::desc("threads the kernels are timed with (Halide's thread pool, "
             "HL_NUM_THREADS); default 0: HL_NUM_THREADS if set, else all "
             "cores. Each entry records the count; tconv-compile "
             "--tuning-threads picks the entries of the count the kernels will "
             "run with"),
    cl::cat(category));
static cl::opt<bool> verbose("verbose",
                             cl::desc("print every candidate timed, with its "
                                      "time per call"),
                             cl::cat(category));

static int fail(const llvm::Twine &message) {
  return ::tconv::tools::reportToolError("tconv-tune", message);
}

int main(int argc, char **argv) {
  llvm::InitLLVM init(argc, argv);
  ::tconv::tools::parseToolOptions(
      argc, argv, category,
      "tconv-tune: measures the fastest kernel variant and parameters for "
      "every func of an MLIR file on this machine, into a tuning database "
      "for tconv-compile --tuning-db\n");
  if (!(budget > 0))
    return fail("--budget must be a positive number of seconds");
  if (threads < 0)
    return fail("--num-threads must be 0 (all cores) or more, got " +
                std::to_string(threads));
  // Read by the JIT runtime's thread pool when it starts, at the first
  // kernel timed.
  if (threads > 0)
    ::setenv("HL_NUM_THREADS", std::to_string(threads).c_str(), 1);
  if (::tconv::Status s = ::tconv::codegen::checkTarget(target); !s.ok())
    return fail(s.message());

  ::tconv::codegen::TuningDatabase db;
  if (llvm::sys::fs::exists(output)) {
    ::tconv::Expected<::tconv::codegen::TuningDatabase> read =
        mlir::tconv::readTuningDatabase(output);
    if (!read.ok())
      return fail(read.message() + " (refusing to overwrite it)");
    db = std::move(read).value();
  }

  mlir::tconv::KernelFile file;
  if (::tconv::Status opened = file.open(inputFilename); !opened.ok())
    return fail(opened.message());
  if (failed(file.load()))
    return 1;
  if (file.kernels.empty())
    return fail("'" + inputFilename + "' defines no func.func to tune");
  if (failed(file.checkSupported(target, "tune")))
    return 1;
  ::tconv::codegen::TuneOptions options;
  options.budgetSeconds = budget;
  options.threads = ::tconv::codegen::defaultThreadCount();
  options.progress = [](const std::string &line) { llvm::errs() << line << "\n"; };
  if (verbose)
    options.trace = options.progress;
  for (const mlir::tconv::NamedKernel &kernel : file.kernels) {
    llvm::errs() << "tconv-tune: " << kernel.name << " ("
                 << ::tconv::codegen::shapeSignature(kernel.spec) << ") at "
                 << options.threads
                 << (options.threads == 1 ? " thread\n" : " threads\n");
    auto start = std::chrono::steady_clock::now();
    ::tconv::Expected<std::vector<::tconv::codegen::TunedEntry>> entries =
        ::tconv::codegen::tuneKernel(kernel.spec, target, options);
    if (!entries.ok())
      return fail("tuning '" + kernel.name + "': " + entries.message());
    for (const ::tconv::codegen::TunedEntry &entry : *entries)
      db.add(entry);
    double seconds = std::chrono::duration<double>(
                         std::chrono::steady_clock::now() - start)
                         .count();
    llvm::errs() << llvm::format("  %.1f s\n", seconds);
    // Written after every kernel: an interrupted run keeps what it measured.
    if (::tconv::Status s = mlir::tconv::writeTuningDatabase(output, db);
        !s.ok())
      return fail(s.message());
  }
  return 0;
}
