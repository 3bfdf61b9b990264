//===- KernelSpecExtraction.cpp - Normalized funcs to kernel specs --------===//

#include "tconv/Compiler/KernelSpecExtraction.h"

#include "tconv/Compiler/MapTranslation.h"
#include "tconv/Dialect/Tconv/IR/TconvOps.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/Matchers.h"
#include "llvm/ADT/StringExtras.h"

#include <tuple>

using namespace mlir;
using namespace mlir::tconv;
using ::tconv::codegen::ElementType;
using ::tconv::codegen::ConvTransposeSpec;

std::optional<ElementType> mlir::tconv::toElementType(Type type) {
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

FailureOr<ConvTransposeSpec> mlir::tconv::extractKernelSpec(func::FuncOp func) {
  auto bodyError = [&]() {
    return func.emitError("expects the body of '")
           << func.getSymName()
           << "' to be one tconv op and a return of its result (after "
              "normalization and fusion: an optional tconv.map prologue, "
              "tconv.conv_transpose, an optional zero tensor.pad, an "
              "optional tconv.map epilogue)";
  };
  if (func.isExternal() || !func.getBody().hasOneBlock())
    return bodyError();
  if (!isCIdentifier(func.getSymName()))
    return func.emitError("expects a function name usable as a C symbol, got '")
           << func.getSymName() << "'";

  // Walk the block: [map], conv_transpose, [constant, pad], [map], return.
  ConvTransposeOp conv;
  MapOp prologue, epilogue;
  std::optional<SmallVector<int64_t>> trailingZeros;
  Value result;
  for (Operation &op : func.getBody().front()) {
    if (auto c = dyn_cast<ConvTransposeOp>(op); c && !conv) {
      conv = c;
      result = c.getResult();
    } else if (auto map = dyn_cast<MapOp>(op)) {
      if (!conv && !prologue) {
        prologue = map;
      } else if (conv && !epilogue && map.getData() == result) {
        epilogue = map;
        result = map.getResult();
      } else {
        return map.emitError("expects at most one tconv.map on the "
                             "convolution's input and one on its result");
      }
    } else if (auto pad = dyn_cast<tensor::PadOp>(op);
               pad && conv && !epilogue && !trailingZeros &&
               pad.getSource() == result) {
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
  if (prologue && conv.getInput() != prologue.getResult())
    return prologue.emitError("expects the tconv.map before the convolution "
                              "to compute its input");

  // The ABI passes the func's arguments in order, then the result: the op's
  // operands (the prologue's data for its input), then the stages' extra
  // operands.
  SmallVector<Value> kernelOperands(conv->getOperands());
  if (prologue)
    kernelOperands.front() = prologue.getData();
  ArrayRef<BlockArgument> arguments = func.getArguments();
  if (arguments.size() < kernelOperands.size() ||
      !llvm::equal(arguments.take_front(kernelOperands.size()), kernelOperands))
    return func.emitError("expects the arguments of '")
           << func.getSymName()
           << "' to start with the op's operands in order (input, "
              "weight[, bias]), then the fused stages' extra operands";
  ArrayRef<BlockArgument> extraArguments =
      arguments.drop_front(kernelOperands.size());

  auto inputType = cast<RankedTensorType>(conv.getInput().getType());
  auto weightType = cast<RankedTensorType>(conv.getWeight().getType());
  std::optional<ElementType> elementType =
      toElementType(inputType.getElementType());
  if (!elementType)
    return conv.emitError("unsupported element type ")
           << inputType.getElementType();

  CanonicalConvTranspose canonical = conv.getCanonicalForm();
  ConvTransposeSpec spec;
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
  // The fused stages: their programs, and which extra argument each of
  // their operands is, with its shape and side (each used by one stage).
  spec.extraOperands.resize(extraArguments.size());
  std::vector<int> uses(extraArguments.size(), 0);
  for (auto [map, stage, forPrologue] :
       {std::tuple{prologue, &spec.prologue, true},
        std::tuple{epilogue, &spec.epilogue, false}}) {
    if (!map)
      continue;
    FailureOr<::tconv::codegen::ElementwiseProgram> program =
        translateMapBody(map);
    if (failed(program))
      return failure();
    stage->emplace();
    (*stage)->program = std::move(*program);
    for (Value operand : map.getExtraOperands()) {
      auto it = llvm::find(extraArguments, operand);
      if (it == extraArguments.end())
        return map.emitError("expects every extra operand of a fused "
                             "tconv.map to be a func argument after the "
                             "convolution's operands");
      const int index = int(it - extraArguments.begin());
      (*stage)->extraOperands.push_back(index);
      ++uses[index];
      spec.extraOperands[index] = {
          cast<RankedTensorType>(operand.getType()).getRank() == 1
              ? ::tconv::codegen::ExtraOperandShape::PerChannel
              : ::tconv::codegen::ExtraOperandShape::Full,
          forPrologue};
    }
  }
  // (checkWellFormed checks this too, for any C++ caller; here the
  // diagnostic can name the func argument.)
  for (auto [index, count] : llvm::enumerate(uses))
    if (count != 1)
      return func.emitError("expects argument #")
             << index + kernelOperands.size() << " of '" << func.getSymName()
             << "' to be used by exactly one of the fused prologue and "
                "epilogue, once; it is used "
             << count << " times";

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
