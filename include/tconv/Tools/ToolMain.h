//===- ToolMain.h - What the tconv command-line tools share -----*- C++ -*-===//
//
// tconv-compile, tconv-tune and tconv-import-onnx start and report errors
// the same way; this is that way, written once.
//
//===----------------------------------------------------------------------===//

#ifndef TCONV_TOOLS_TOOLMAIN_H
#define TCONV_TOOLS_TOOLMAIN_H

#include "llvm/ADT/StringRef.h"
#include "llvm/ADT/Twine.h"
#include "llvm/Support/CommandLine.h"

namespace tconv::tools {

/// Parses the command line with only `category`'s options in --help (LLVM's
/// own are hidden), `overview` heading it. Call with an llvm::InitLLVM alive.
void parseToolOptions(int argc, char **argv,
                      llvm::cl::OptionCategory &category,
                      llvm::StringRef overview);

/// Prints "<tool>: error: <message>" on stderr; returns 1, main's status.
int reportToolError(llvm::StringRef tool, const llvm::Twine &message);

} // namespace tconv::tools

#endif // TCONV_TOOLS_TOOLMAIN_H
