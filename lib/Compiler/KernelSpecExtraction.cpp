//===- KernelSpecExtraction.cpp - Normalized funcs to kernel specs --------===//

#include "tconv/Compiler/KernelSpecExtraction.h"

#include "tconv/Dialect/Tconv/IR/TconvOps.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/Matchers.h"
#include "llvm/ADT/StringExtras.h"

using namespace mlir;
using namespace mlir::tconv;
using ::tconv::codegen::ElementType;
using ::tconv::codegen::TransposedConvSpec;

static std::optional<ElementType> toElementType(Type type) {
  if (type.isF16())
    return ElementType::F16;
  if (type.isBF16())
    return ElementType::BF16;
  if (type.isF32())
    return ElementType::F32;
  if (type.isF64())
    return ElementType::F64;
  return std::nullopt;
}

static bool isCIdentifier(StringRef name) {
  return !name.empty() && (llvm::isAlpha(name.front()) || name.front() == '_') &&
         llvm::all_of(name, [](char c) { return llvm::isAlnum(c) || c == '_'; });
}

/// The trailing zeros of MindSpore 2-D output_padding: a tensor.pad of `conv`
/// with constant 0, nothing at the low end and nothing on N and C. Returns
/// std::nullopt for any other pad.
static std::optional<SmallVector<int64_t>> matchTrailingZeroPad(tensor::PadOp pad) {
  if (!pad.hasZeroLowPad() || !pad.getHigh().empty())
    return std::nullopt;
  Value padValue = pad.getConstantPaddingValue();
  if (!padValue || !matchPattern(padValue, m_AnyZeroFloat()))
    return std::nullopt;
  ArrayRef<int64_t> high = pad.getStaticHigh();
  if (high.size() < 3 || high[0] != 0 || high[1] != 0)
    return std::nullopt;
  return SmallVector<int64_t>(high.begin() + 2, high.end());
}

FailureOr<TransposedConvSpec> mlir::tconv::extractKernelSpec(func::FuncOp func) {
  auto bodyError = [&]() {
    return func.emitError("expects the body of '")
           << func.getSymName()
           << "' to be one tconv op (after normalization: tconv.conv_transpose, "
              "optionally followed by a zero tensor.pad) and a return of its "
              "result";
  };
  if (func.isExternal() || !func.getBody().hasOneBlock())
    return bodyError();
  if (!isCIdentifier(func.getSymName()))
    return func.emitError("expects a function name usable as a C symbol, got '")
           << func.getSymName() << "'";

  // Walk the block: conv_transpose, [constant, pad], return.
  ConvTransposeOp conv;
  std::optional<SmallVector<int64_t>> trailingZeros;
  Value result;
  for (Operation &op : func.getBody().front()) {
    if (auto c = dyn_cast<ConvTransposeOp>(op); c && !conv) {
      conv = c;
      result = c.getResult();
    } else if (auto pad = dyn_cast<tensor::PadOp>(op);
               pad && conv && !trailingZeros && pad.getSource() == result) {
      trailingZeros = matchTrailingZeroPad(pad);
      if (!trailingZeros)
        return pad.emitError("expects a tensor.pad after tconv.conv_transpose "
                             "to append zeros at the high end of spatial dims "
                             "only (MindSpore 2-D output_padding)");
      result = pad.getResult();
    } else if (isa<arith::ConstantOp>(op)) {
      continue; // The pad's value, checked by matchTrailingZeroPad.
    } else if (auto ret = dyn_cast<func::ReturnOp>(op)) {
      if (!conv || ret.getNumOperands() != 1 || ret.getOperand(0) != result)
        return bodyError();
    } else {
      return bodyError();
    }
  }
  if (!conv)
    return bodyError();

  // The ABI passes the func's arguments in order, then the result: they must
  // be the op's operands in order.
  if (func.getNumArguments() != conv->getNumOperands() ||
      !llvm::equal(func.getArguments(), conv->getOperands()))
    return func.emitError("expects the arguments of '")
           << func.getSymName()
           << "' to be the op's operands in order (input, weight[, bias])";

  auto inputType = cast<RankedTensorType>(conv.getInput().getType());
  auto weightType = cast<RankedTensorType>(conv.getWeight().getType());
  std::optional<ElementType> elementType =
      toElementType(inputType.getElementType());
  if (!elementType)
    return conv.emitError("unsupported element type ")
           << inputType.getElementType();

  CanonicalConvTranspose canonical = conv.getCanonicalForm();
  TransposedConvSpec spec;
  spec.spatialRank = inputType.getRank() - 2;
  spec.elementType = *elementType;
  spec.batch = inputType.getDimSize(0);
  spec.inChannels = inputType.getDimSize(1);
  spec.outChannels = weightType.getDimSize(1) * canonical.groups;
  spec.groups = canonical.groups;
  spec.hasBias = static_cast<bool>(conv.getBias());
  spec.inputSize.assign(inputType.getShape().begin() + 2,
                        inputType.getShape().end());
  spec.kernelSize.assign(weightType.getShape().begin() + 2,
                         weightType.getShape().end());
  spec.stride.assign(canonical.stride.begin(), canonical.stride.end());
  spec.dilation.assign(canonical.dilation.begin(), canonical.dilation.end());
  spec.padding.assign(canonical.padding.begin(), canonical.padding.end());
  if (trailingZeros)
    for (auto [pad, zeros] : llvm::zip_equal(spec.padding, *trailingZeros))
      pad.trailingZeros = zeros;
  // The names themselves are checked by the code generator when it compiles
  // <func>_init_params (a canonical op may carry any string here).
  for (auto [attrName, init] : {std::pair{kWeightInitAttrName, &spec.weightInit},
                                std::pair{kBiasInitAttrName, &spec.biasInit}}) {
    Attribute attr = conv->getAttr(attrName);
    if (!attr)
      continue;
    auto name = dyn_cast<StringAttr>(attr);
    if (!name)
      return conv.emitError("expects '")
             << attrName << "' to be a string (an initializer name), got "
             << attr;
    *init = name.str();
  }
  return spec;
}
