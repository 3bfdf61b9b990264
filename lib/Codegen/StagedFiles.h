//===- StagedFiles.h - Output files that appear all at once -----*- C++ -*-===//
//
// The AOT entry points write every output of a kernel (object, header,
// assembly, ...) under temporary names and rename them into place only when
// all were written, so a failed or interrupted compile never leaves a header
// beside a stale object.
//
//===----------------------------------------------------------------------===//

#ifndef TCONV_LIB_CODEGEN_STAGEDFILES_H
#define TCONV_LIB_CODEGEN_STAGEDFILES_H

#include "tconv/Support/Status.h"

#include <string>
#include <utility>
#include <vector>

namespace tconv::codegen {

class StagedFiles {
public:
  explicit StagedFiles(std::string dir);
  /// Removes whatever was staged and not committed (a failed compile).
  ~StagedFiles();
  StagedFiles(const StagedFiles &) = delete;
  StagedFiles &operator=(const StagedFiles &) = delete;

  /// The temporary path to write `fileName` (in the directory) to.
  std::string stage(const std::string &fileName);

  /// Renames every staged file into place; success or the error. A C header's
  /// include guard, which Halide derives from the path it wrote, is first
  /// rewritten to the final name's, so headers do not depend on the process
  /// that wrote them.
  Status commit();

private:
  std::string dir;
  std::vector<std::pair<std::string, std::string>> files; ///< temp, final
};

} // namespace tconv::codegen

#endif // TCONV_LIB_CODEGEN_STAGEDFILES_H
