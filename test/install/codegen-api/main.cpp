// Uses the installed headers and libraries of the code generator: the padding
// of row 2 of docs/semantics.md §3 (PyTorch k=5, s=3, padding=2,
// output_padding=2, L=50: (2, 0), output 150, values from docs/spec.md §7.2,
// not from tconv), target checking with its tconv::Status, and compiling that
// kernel and the Halide runtime into the directory given as argv[1]. Exits 1
// on any difference.

#include "tconv/Codegen/KernelCompiler.h"
#include "tconv/Support/ShapeArithmetic.h"
#include "tconv/Support/Status.h"

#include <cstdio>
#include <fstream>
#include <string>

namespace {
int failures = 0;
void expect(bool ok, const std::string &what) {
  std::printf("%s %s\n", ok ? "ok  " : "FAIL", what.c_str());
  failures += !ok;
}
bool exists(const std::string &path) { return std::ifstream(path).good(); }
} // namespace

int main(int argc, char **argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: codegen-api <output-dir>\n");
    return 64;
  }
  const std::string outDir = argv[1];
  using namespace tconv::codegen;

  ConvTransposeSpec spec;
  spec.spatialRank = 1;
  spec.elementType = ElementType::F32;
  spec.batch = 1;
  spec.inChannels = 3;
  spec.outChannels = 64;
  spec.inputSize = {50};
  spec.kernelSize = {5};
  spec.stride = {3};
  spec.dilation = {1};
  spec.padding = {tconv::torchDimPadding(/*padding=*/2, /*outputPadding=*/2)};
  expect(spec.padding[0].padLo == 2 && spec.padding[0].padHi == 0,
         "torchDimPadding(2, 2) = (" + std::to_string(spec.padding[0].padLo) +
             ", " + std::to_string(spec.padding[0].padHi) + "), expected (2, 0)");
  expect(spec.outputSize() == std::vector<int64_t>{150},
         "output length " + std::to_string(spec.outputSize()[0]) + ", expected 150");

  const tconv::Status host = checkTarget("host");
  expect(host.ok(), "checkTarget(\"host\") accepts it " + host.message());
  const tconv::Status bad = checkTarget("x86-64-linux-no_such_feature");
  expect(!bad.ok() && bad.message().find("invalid Halide target "
                                         "'x86-64-linux-no_such_feature'") == 0,
         "checkTarget rejects x86-64-linux-no_such_feature: " + bad.message());

  const tconv::Status kernel =
      compileKernel(spec, "api_kernel", "host", outDir, EmitOptions{});
  expect(kernel.ok(), "compileKernel(api_kernel, host) " +
                          (kernel.ok() ? "succeeded" : kernel.message()));
  expect(exists(outDir + "/api_kernel.o") && exists(outDir + "/api_kernel.h"),
         "api_kernel.o and api_kernel.h written");
  const tconv::Status runtime = compileRuntime("host", outDir);
  expect(runtime.ok() && exists(outDir + "/halide_runtime.o"),
         "compileRuntime(host) wrote halide_runtime.o " + runtime.message());
  return failures ? 1 : 0;
}
