//===- ToolMain.cpp - What the tconv command-line tools share -------------===//

#include "tconv/Tools/ToolMain.h"

#include "llvm/Support/raw_ostream.h"

namespace tconv::tools {

void parseToolOptions(int argc, char **argv,
                      llvm::cl::OptionCategory &category,
                      llvm::StringRef overview) {
  llvm::cl::HideUnrelatedOptions(category);
  llvm::cl::ParseCommandLineOptions(argc, argv, overview);
}

int reportToolError(llvm::StringRef tool, const llvm::Twine &message) {
  llvm::errs() << tool << ": error: " << message << "\n";
  return 1;
}

} // namespace tconv::tools
