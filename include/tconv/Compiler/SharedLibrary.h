//===- SharedLibrary.h - Kernel objects into one shared library -*- C++ -*-===//
//
// tconv-compile --emit=shared: links an MLIR file's kernel objects, the
// Halide runtime object and a small C entry (lib/Compiler/SharedLibraryEntry.c:
// buffers from raw pointers and shapes, errors kept per thread) into one
// shared library that a program opens with dlopen, such as the Python
// package (docs/python.md).
//
// The system C++ compiler driver links it: $CXX when set, else c++, else cc.
// Halide 14 emits position-independent objects for every target, so the
// kernel objects link into a shared library as they are.
//
//===----------------------------------------------------------------------===//

#ifndef TCONV_COMPILER_SHAREDLIBRARY_H
#define TCONV_COMPILER_SHAREDLIBRARY_H

#include "tconv/Support/Status.h"

#include <string>
#include <vector>

namespace mlir::tconv {

/// Success when a shared library can be built for `target`: a CPU target
/// (the entry passes host memory; a GPU kernel would need device buffers).
::tconv::Status checkSharedLibraryTarget(const std::string &target);

/// Links `objects` (the kernels' and the runtime's) and the C entry into
/// `path`, written under a temporary name and renamed into place. Returns
/// success, or the error with the compiler's own output.
::tconv::Status linkSharedLibrary(const std::string &path,
                                  const std::vector<std::string> &objects);

} // namespace mlir::tconv

#endif // TCONV_COMPILER_SHAREDLIBRARY_H
