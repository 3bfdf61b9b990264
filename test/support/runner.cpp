//===- runner.cpp - Calls AOT-compiled tconv kernels on operand files -----===//
//
// Built by tconv_kernel_runner.py (used by differential.py and the importer
// tests) with the kernel objects tconv-compile wrote and a generated
// kernels.inc (one TCONV_KERNEL_3(name) line per kernel
// without bias, TCONV_KERNEL_4(name) per kernel with one). Knows nothing about
// transposed convolution: it reads operands, calls a kernel, writes its
// output.
//
//   runner DIR
//
// DIR/manifest has one line per call:
//   NAME DTYPE X_SHAPE W_SHAPE B_SHAPE|- Y_SHAPE
// with shapes as comma-separated sizes, outermost first, DTYPE one of
// f16 bf16 f32 f64. DIR/NAME.x, .w (and .b) hold the dense operands as raw
// little-endian values of DTYPE. The runner fills the output with NaN (all
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

#define TCONV_KERNEL_3(name)                                                   \
  extern "C" int name(halide_buffer_t *, halide_buffer_t *, halide_buffer_t *);
#define TCONV_KERNEL_4(name)                                                   \
  extern "C" int name(halide_buffer_t *, halide_buffer_t *, halide_buffer_t *, \
                      halide_buffer_t *);
#include "kernels.inc"
#undef TCONV_KERNEL_3
#undef TCONV_KERNEL_4

namespace {

struct Entry {
  int (*fn3)(halide_buffer_t *, halide_buffer_t *, halide_buffer_t *) = nullptr;
  int (*fn4)(halide_buffer_t *, halide_buffer_t *, halide_buffer_t *,
             halide_buffer_t *) = nullptr;
};

std::map<std::string, Entry> kernels() {
  std::map<std::string, Entry> m;
#define TCONV_KERNEL_3(name) m[#name].fn3 = name;
#define TCONV_KERNEL_4(name) m[#name].fn4 = name;
#include "kernels.inc"
#undef TCONV_KERNEL_3
#undef TCONV_KERNEL_4
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
  std::map<std::string, Entry> table = kernels();
  std::ifstream manifest(dir + "/manifest");
  if (!manifest) {
    std::cerr << "runner: cannot read " << dir << "/manifest\n";
    return 2;
  }
  std::string line;
  while (std::getline(manifest, line)) {
    std::stringstream ss(line);
    std::string name, dtype, xs, ws, bs, ys;
    if (!(ss >> name >> dtype >> xs >> ws >> bs >> ys))
      continue;
    halide_type_t type;
    auto it = table.find(name);
    if (it == table.end() || !parseType(dtype, type)) {
      std::cerr << "runner: unknown kernel or type in: " << line << "\n";
      return 2;
    }
    Tensor x(type, parseShape(xs)), w(type, parseShape(ws)), y(type, parseShape(ys));
    const bool hasBias = bs != "-";
    Tensor b(type, hasBias ? parseShape(bs) : std::vector<int64_t>{0});
    const std::string base = dir + "/" + name;
    if (!readInto(base + ".x", x) || !readInto(base + ".w", w) ||
        (hasBias && !readInto(base + ".b", b))) {
      std::cerr << "runner: bad operand files for " << name << "\n";
      return 2;
    }
    currentKernel = name;
    if (hasBias != bool(it->second.fn4)) {
      std::cerr << "runner: " << name << " bias mismatch\n";
      return 2;
    }
    const int rc = hasBias ? it->second.fn4(&x.buf, &w.buf, &b.buf, &y.buf)
                 : it->second.fn3(&x.buf, &w.buf, &y.buf);
    std::ofstream out(base + ".y", std::ios::binary);
    out.write(reinterpret_cast<const char *>(y.data.data()),
              std::streamsize(y.data.size()));
    std::cout << name << " " << rc << "\n";
  }
  return 0;
}
