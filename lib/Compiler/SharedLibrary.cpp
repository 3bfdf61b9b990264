//===- SharedLibrary.cpp - Kernel objects into one shared library ---------===//

#include "tconv/Compiler/SharedLibrary.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/raw_ostream.h"

#include <cstdlib>
#include <optional>

namespace mlir::tconv {

using ::tconv::Expected;
using ::tconv::Status;

namespace {

const char *const kEntrySource =
#include "SharedLibraryEntrySource.inc"
    ;

/// Removes a file when it goes out of scope.
struct TempFile {
  llvm::SmallString<128> path;
  ~TempFile() {
    if (!path.empty())
      llvm::sys::fs::remove(path);
  }
};

/// $CXX (a program name or path), else c++, else cc.
Expected<std::string> findCompiler() {
  if (const char *env = std::getenv("CXX"); env && *env) {
    if (llvm::ErrorOr<std::string> found = llvm::sys::findProgramByName(env))
      return *found;
    return Status::error(std::string("$CXX names '") + env +
                         "', which is not an executable program");
  }
  for (const char *name : {"c++", "cc"})
    if (llvm::ErrorOr<std::string> found = llvm::sys::findProgramByName(name))
      return *found;
  return Status::error("--emit=shared links with the system C++ compiler "
                       "driver, and none was found: set $CXX, or install one "
                       "(Debian: g++)");
}

} // namespace

Status checkSharedLibraryTarget(const std::string &target) {
  llvm::SmallVector<llvm::StringRef> features;
  llvm::StringRef(target).split(features, '-');
  for (llvm::StringRef f : features)
    if (f == "opencl" || f == "cuda" || f == "metal" || f == "d3d12compute" ||
        f == "openglcompute")
      return Status::error("--emit=shared needs a CPU target: its entry "
                           "passes host memory, and target '" +
                           target + "' runs the kernels on a GPU (" + f.str() +
                           ")");
  return Status::success();
}

Status linkSharedLibrary(const std::string &path,
                         const std::vector<std::string> &objects) {
  Expected<std::string> compiler = findCompiler();
  if (!compiler.ok())
    return compiler.status();
  const std::string includeDir = TCONV_HALIDE_RUNTIME_INCLUDE_DIR;
  if (!llvm::sys::fs::exists(includeDir + "/HalideRuntime.h"))
    return Status::error("--emit=shared needs Halide's runtime header, not "
                         "found at " + includeDir +
                         "/HalideRuntime.h (Debian: libhalide14-0-dev)");

  TempFile entry, log;
  int fd = -1;
  if (std::error_code ec = llvm::sys::fs::createTemporaryFile(
          "tconv-shared-entry", "c", fd, entry.path))
    return Status::error("cannot write a temporary file: " + ec.message());
  {
    llvm::raw_fd_ostream out(fd, /*shouldClose=*/true);
    out << kEntrySource;
  }
  if (std::error_code ec =
          llvm::sys::fs::createTemporaryFile("tconv-shared-link", "log", log.path))
    return Status::error("cannot write a temporary file: " + ec.message());

  const std::string temp = path + ".tmp";
  std::vector<std::string> args = {*compiler, "-shared", "-fPIC", "-O2",
                                   "-I" + includeDir, "-x", "c",
                                   std::string(entry.path), "-x", "none"};
  args.insert(args.end(), objects.begin(), objects.end());
  // -Bsymbolic: the library's calls into its own Halide runtime stay inside
  // it, whatever else the process has loaded.
  for (const char *a : {"-Wl,-Bsymbolic", "-lpthread", "-ldl", "-o"})
    args.push_back(a);
  args.push_back(temp);
  llvm::SmallVector<llvm::StringRef> argRefs(args.begin(), args.end());
  const llvm::StringRef logRef = log.path;
  std::optional<llvm::StringRef> redirects[] = {std::nullopt, logRef, logRef};
  std::string execError;
  const int rc = llvm::sys::ExecuteAndWait(*compiler, argRefs, std::nullopt,
                                           redirects, 0, 0, &execError);
  if (rc != 0) {
    llvm::sys::fs::remove(temp);
    std::string output;
    if (auto text = llvm::MemoryBuffer::getFile(log.path))
      output = (*text)->getBuffer().rtrim().str();
    std::string command;
    for (const std::string &a : args)
      command += (command.empty() ? "" : " ") + a;
    return Status::error("linking '" + path + "' failed (" +
                         (execError.empty() ? "exit status " +
                                                  std::to_string(rc)
                                            : execError) +
                         "): " + command + (output.empty() ? "" : "\n") +
                         output);
  }
  if (std::error_code ec = llvm::sys::fs::rename(temp, path)) {
    llvm::sys::fs::remove(temp);
    return Status::error("cannot write '" + path + "': " + ec.message());
  }
  return Status::success();
}

} // namespace mlir::tconv
