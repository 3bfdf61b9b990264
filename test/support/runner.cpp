//===- runner.cpp - Calls AOT-compiled tconv kernels on operand files -----===//
//
// Built by tconv_kernel_runner.py (used by differential.py and the importer
// tests) with the kernel objects tconv-compile wrote and a generated
// kernels.inc (one TCONV_KERNEL(name) line per kernel). Knows nothing
// about transposed convolution: it reads operands, calls a kernel, writes its
// output.
//
//   runner DIR
//
// DIR/manifest has one line per call:
//   NAME DTYPE COUNT SHAPE_0 ... SHAPE_{COUNT-1} Y_SHAPE
// with shapes as comma-separated sizes, outermost first, DTYPE one of
// f16 bf16 f32 f64. DIR/NAME.0 ... NAME.<COUNT-1> hold the dense operands
// (input, weight[, bias], extra operands) as raw little-endian values of
// DTYPE. The runner fills the output with NaN (all
// ones bits), calls the kernel, writes DIR/NAME.y and prints "NAME RC" on
// stdout; Halide errors go to stderr prefixed with the kernel name.
//
//===----------------------------------------------------------------------===//

#include "HalideRuntime.h"

#include <cstdint>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

// Every kernel through its argv entry point (Halide's <name>_argv: one
// halide_buffer_t * per argument, the output last), so one runner calls
// kernels of any number of operands.
#define TCONV_KERNEL(name) extern "C" int name##_argv(void **);
#include "kernels.inc"
#undef TCONV_KERNEL

namespace {

using KernelEntry = int (*)(void **);

std::map<std::string, KernelEntry> kernels() {
  std::map<std::string, KernelEntry> m;
#define TCONV_KERNEL(name) m[#name] = name##_argv;
#include "kernels.inc"
#undef TCONV_KERNEL
  return m;
}

std::string currentKernel;

extern "C" void errorHandler(void *, const char *msg) {
  std::cerr << "halide_error in " << currentKernel << ": "
            << (msg ? msg : "(null)") << "\n";
}

struct Tensor {
  halide_type_t type;
  std::vector<int64_t> shape; // outermost first
  std::vector<uint8_t> data;
  std::vector<halide_dimension_t> dims;
  halide_buffer_t buf{};

  Tensor(halide_type_t type, std::vector<int64_t> s)
      : type(type), shape(std::move(s)) {
    int64_t n = 1;
    for (int64_t e : shape)
      n *= e;
    data.assign(size_t(n) * type.bytes(), 0xff);
    dims.resize(shape.size());
    int32_t stride = 1;
    for (size_t i = 0; i < shape.size(); ++i) {
      halide_dimension_t &d = dims[i];
      d.min = 0;
      d.extent = int32_t(shape[shape.size() - 1 - i]);
      d.stride = stride;
      d.flags = 0;
      stride *= d.extent;
    }
    buf.host = data.data();
    buf.type = type;
    buf.dimensions = int32_t(dims.size());
    buf.dim = dims.data();
  }
};

std::vector<int64_t> parseShape(const std::string &text) {
  std::vector<int64_t> shape;
  std::stringstream ss(text);
  std::string item;
  while (std::getline(ss, item, ','))
    shape.push_back(std::stoll(item));
  return shape;
}

bool parseType(const std::string &name, halide_type_t &type) {
  if (name == "f16")
    type = halide_type_t(halide_type_float, 16);
  else if (name == "bf16")
    type = halide_type_t(halide_type_bfloat, 16);
  else if (name == "f32")
    type = halide_type_t(halide_type_float, 32);
  else if (name == "f64")
    type = halide_type_t(halide_type_float, 64);
  else
    return false;
  return true;
}

bool readInto(const std::string &path, Tensor &t) {
  std::ifstream in(path, std::ios::binary);
  if (!in)
    return false;
  in.read(reinterpret_cast<char *>(t.data.data()), std::streamsize(t.data.size()));
  return in.gcount() == std::streamsize(t.data.size()) && in.peek() == EOF;
}

} // namespace

int main(int argc, char **argv) {
  if (argc != 2) {
    std::cerr << "usage: runner DIR\n";
    return 64;
  }
  const std::string dir = argv[1];
  halide_set_error_handler(errorHandler);
  std::map<std::string, KernelEntry> table = kernels();
  std::ifstream manifest(dir + "/manifest");
  if (!manifest) {
    std::cerr << "runner: cannot read " << dir << "/manifest\n";
    return 2;
  }
  std::string line;
  while (std::getline(manifest, line)) {
    std::stringstream ss(line);
    std::string name, dtype;
    size_t count = 0;
    if (!(ss >> name >> dtype >> count))
      continue;
    std::vector<std::string> shapes(count + 1);
    for (std::string &shape : shapes)
      ss >> shape;
    halide_type_t type;
    auto it = table.find(name);
    if (it == table.end() || !parseType(dtype, type) || !ss) {
      std::cerr << "runner: unknown kernel or type, or bad line: " << line
                << "\n";
      return 2;
    }
    std::vector<Tensor> operands;
    operands.reserve(count + 1);
    for (const std::string &shape : shapes)
      operands.emplace_back(type, parseShape(shape));
    const std::string base = dir + "/" + name;
    for (size_t i = 0; i < count; ++i)
      if (!readInto(base + "." + std::to_string(i), operands[i])) {
        std::cerr << "runner: bad operand file " << i << " for " << name
                  << "\n";
        return 2;
      }
    std::vector<void *> args;
    for (Tensor &t : operands)
      args.push_back(&t.buf);
    currentKernel = name;
    int rc = it->second(args.data());
    // GPU kernels (OpenCL, CUDA) leave the output on the device.
    Tensor &y = operands.back();
    if (rc == 0 && y.buf.device)
      rc = halide_copy_to_host(nullptr, &y.buf);
    for (Tensor &t : operands)
      if (t.buf.device)
        halide_device_free(nullptr, &t.buf);
    std::ofstream out(base + ".y", std::ios::binary);
    out.write(reinterpret_cast<const char *>(y.data.data()),
              std::streamsize(y.data.size()));
    std::cout << name << " " << rc << "\n";
  }
  return 0;
}
