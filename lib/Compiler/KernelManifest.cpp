//===- KernelManifest.cpp - What a kernel shared library holds ------------===//

#include "tconv/Compiler/KernelManifest.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/raw_ostream.h"

namespace mlir::tconv {

using ::tconv::Status;
using ::tconv::codegen::ConvTransposeSpec;

namespace {

constexpr const char *kFormat = "tconv-kernel-manifest";
constexpr int kVersion = 1;

llvm::json::Value extentValue(int64_t extent) {
  return ::tconv::isDynamicSize(extent) ? llvm::json::Value(nullptr)
                                        : llvm::json::Value(extent);
}

llvm::json::Array array(const std::vector<int64_t> &values) {
  llvm::json::Array out;
  for (int64_t v : values)
    out.push_back(extentValue(v));
  return out;
}

llvm::json::Object operandJson(const KernelOperand &operand) {
  return llvm::json::Object{
      {"role", operand.role},
      {"name", operand.name},
      {"element_type",
       ::tconv::codegen::elementTypeName(operand.elementType)},
      {"rank", static_cast<int64_t>(operand.extents.size())},
      {"extents", array(operand.extents)}};
}

/// The canonical op's attributes: what a caller needs to derive a dynamic
/// output length (docs/python.md), and to recognize the layer.
llvm::json::Object kernelJson(const NamedKernel &kernel) {
  const ConvTransposeSpec &spec = kernel.spec;
  std::vector<int64_t> padLo, padHi, trailingZeros;
  for (const ::tconv::DimPadding &p : spec.padding) {
    padLo.push_back(p.padLo);
    padHi.push_back(p.padHi);
    trailingZeros.push_back(p.trailingZeros);
  }
  llvm::json::Array operands;
  for (const KernelOperand &operand : kernelOperands(spec))
    operands.push_back(operandJson(operand));
  return llvm::json::Object{
      {"name", kernel.name},
      {"argv_symbol", kernel.name + "_argv"},
      {"element_type", ::tconv::codegen::elementTypeName(spec.elementType)},
      {"spatial_rank", spec.spatialRank},
      {"groups", spec.groups},
      {"kernel_size", array(spec.kernelSize)},
      {"stride", array(spec.stride)},
      {"dilation", array(spec.dilation)},
      {"pad_lo", array(padLo)},
      {"pad_hi", array(padHi)},
      {"trailing_zeros", array(trailingZeros)},
      {"operands", std::move(operands)}};
}

} // namespace

std::vector<KernelOperand> kernelOperands(const ConvTransposeSpec &spec) {
  std::vector<int64_t> input = {spec.batch, spec.inChannels};
  input.insert(input.end(), spec.inputSize.begin(), spec.inputSize.end());
  std::vector<int64_t> weight = {spec.inChannels,
                                 spec.outChannels / spec.groups};
  weight.insert(weight.end(), spec.kernelSize.begin(), spec.kernelSize.end());
  std::vector<int64_t> output = {spec.batch, spec.outChannels};
  const std::vector<int64_t> outputSize = spec.outputSize();
  output.insert(output.end(), outputSize.begin(), outputSize.end());

  std::vector<KernelOperand> operands = {
      {"input", "input", spec.elementType, input},
      {"weight", "weight", spec.elementType, weight}};
  if (spec.hasBias)
    operands.push_back(
        {"bias", "bias", spec.elementType, {spec.outChannels}});
  // Fused elementwise operands: per channel (C) or the full shape of the
  // tensor their stage maps (the input for a prologue, the output for an
  // epilogue).
  for (size_t k = 0; k < spec.extraOperands.size(); ++k) {
    const ConvTransposeSpec::ExtraOperand &extra = spec.extraOperands[k];
    const std::vector<int64_t> &tensor = extra.forPrologue ? input : output;
    operands.push_back(
        {"extra", "extra" + std::to_string(k), spec.elementType,
         extra.shape == ::tconv::codegen::ExtraOperandShape::PerChannel
             ? std::vector<int64_t>{tensor[1]}
             : tensor});
  }
  operands.push_back({"output", "output", spec.elementType, output});
  return operands;
}

Status writeKernelManifest(const std::string &path,
                           const std::vector<NamedKernel> &kernels,
                           const std::string &target,
                           const std::string &libraryName) {
  llvm::json::Array entries;
  for (const NamedKernel &kernel : kernels)
    entries.push_back(kernelJson(kernel));
  llvm::json::Value root = llvm::json::Object{{"format", kFormat},
                                              {"version", kVersion},
                                              {"library", libraryName},
                                              {"target", target},
                                              {"kernels", std::move(entries)}};
  const std::string temp = path + ".tmp";
  {
    std::error_code ec;
    llvm::raw_fd_ostream out(temp, ec);
    if (ec)
      return Status::error("cannot write '" + path + "': " + ec.message());
    out << llvm::formatv("{0:2}", root) << "\n";
  }
  if (std::error_code ec = llvm::sys::fs::rename(temp, path))
    return Status::error("cannot write '" + path + "': " + ec.message());
  return Status::success();
}

} // namespace mlir::tconv
