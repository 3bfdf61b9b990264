//===- KernelLoading.h - An MLIR file to the kernels it defines -*- C++ -*-===//
//
// What tconv-compile and tconv-tune do first: parse (and verify) a file,
// normalize it (--tconv-normalize), fuse the elementwise ops around each
// convolution (--tconv-fuse-elementwise), and extract every func.func's kernel.
//
//===----------------------------------------------------------------------===//

#ifndef TCONV_COMPILER_KERNELLOADING_H
#define TCONV_COMPILER_KERNELLOADING_H

#include "tconv/Codegen/ConvTransposeSpec.h"
#include "tconv/Support/Status.h"

#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/Location.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Support/LLVM.h"
#include "llvm/Support/SourceMgr.h"

#include <string>
#include <vector>

namespace mlir::tconv {

struct NamedKernel {
  std::string name; ///< the func's symbol, the kernel's C name
  ::tconv::codegen::ConvTransposeSpec spec;
  Location loc;     ///< the func, for diagnostics
};

/// The MLIR context the loader needs: the tconv dialect and the dialects a
/// normalized func uses.
void registerKernelDialects(DialectRegistry &registry);

/// An MLIR file's kernels with the context and source manager their
/// diagnostics need, for a tool's main: open(), load(), then
/// checkSupported().
class KernelFile {
public:
  KernelFile();

  /// Reads `path` (a file, or "-" for stdin): success, or the error "cannot
  /// read '<path>': <why>" for the tool to report.
  [[nodiscard]] ::tconv::Status open(const std::string &path);

  /// Parses the opened file, normalizes it and extracts every func's kernel
  /// into `kernels`. Any problem is reported as a diagnostic with the file's
  /// lines (as are later ones on the kernels' locations), and fails.
  LogicalResult load();

  /// Reports the first kernel `target` cannot compile (codegen's
  /// checkSupported) as an error on its func: "cannot <verb> '<name>': ...".
  LogicalResult checkSupported(const std::string &target, StringRef verb);

  /// For further diagnostics on a kernel's location.
  MLIRContext &getContext() { return context; }

  std::vector<NamedKernel> kernels;

private:
  MLIRContext context;
  llvm::SourceMgr sourceMgr;
  unsigned bufferId = 0;
  SourceMgrDiagnosticHandler diagHandler;
};

} // namespace mlir::tconv

#endif // TCONV_COMPILER_KERNELLOADING_H
