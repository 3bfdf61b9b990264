//===- TconvMapOp.cpp - tconv.map and tconv.channel_broadcast -------------===//
//
// The shapes tconv.map broadcasts (per channel or full) and the body it may
// hold (pure scalar ops ending in tconv.yield); tconv.channel_broadcast's
// shapes. Which scalar ops the code
// generator can compile is decided when tconv-compile extracts the kernel
// (KernelSpecExtraction), which names any other op.
//
//===----------------------------------------------------------------------===//

#include "tconv/Dialect/Tconv/IR/TconvOps.h"

#include "mlir/IR/TypeUtilities.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

using namespace mlir;
using namespace mlir::tconv;

static std::string shapeString(RankedTensorType type) {
  std::string text;
  llvm::raw_string_ostream os(text);
  os << type;
  return text;
}

LogicalResult MapOp::verify() {
  if (getOperands().empty())
    return emitOpError("expects at least one operand (the tensor it maps)");
  auto data = cast<RankedTensorType>(getData().getType());
  if (data.getRank() < 3 || data.getRank() > 5)
    return emitOpError("expects its first operand to be (N, C, S...) with 1 "
                       "to 3 spatial dims, got ")
           << data;
  if (getResult().getType() != data)
    return emitOpError("expects the result type to be the first operand's, ")
           << data << ", got " << getResult().getType();
  for (auto [index, operand] : llvm::enumerate(getExtraOperands())) {
    auto type = cast<RankedTensorType>(operand.getType());
    unsigned position = index + 1;
    if (type.getElementType() != data.getElementType())
      return emitOpError("expects operand ")
             << position << " to have element type " << data.getElementType()
             << ", got " << type;
    if (type.getRank() == 1) {
      int64_t channels = data.getDimSize(1), got = type.getDimSize(0);
      if (ShapedType::isDynamic(got) || got != channels)
        return emitOpError("expects operand ")
               << position << " of rank 1 to hold one value per channel ("
               << channels << "), got " << type;
      continue;
    }
    if (type.getRank() != data.getRank() ||
        failed(verifyCompatibleShape(type.getShape(), data.getShape())))
      return emitOpError("expects operand ")
             << position
             << " to be per channel (rank 1) or of the first operand's shape "
             << shapeString(data) << ", got " << type;
  }
  return success();
}

LogicalResult MapOp::verifyRegions() {
  Block &body = getBody().front();
  if (body.getNumArguments() != getNumOperands())
    return emitOpError("expects the body to take one argument per operand (")
           << getNumOperands() << "), got " << body.getNumArguments();
  for (auto [index, pair] :
       llvm::enumerate(llvm::zip(body.getArguments(), getOperands()))) {
    auto [argument, operand] = pair;
    Type element = cast<RankedTensorType>(operand.getType()).getElementType();
    if (argument.getType() != element)
      return emitOpError("expects body argument ")
             << index << " to be " << element << ", got "
             << argument.getType();
  }
  auto yield = dyn_cast<YieldOp>(body.getTerminator());
  if (!yield)
    return emitOpError("expects the body to end in tconv.yield");
  Type resultElement = getResult().getType().getElementType();
  if (yield.getValue().getType() != resultElement)
    return yield.emitOpError("expects to yield ")
           << resultElement << ", got " << yield.getValue().getType();
  for (Operation &op : body.without_terminator()) {
    if (op.getNumRegions() != 0 || !isMemoryEffectFree(&op))
      return op.emitOpError("cannot be in a tconv.map body: it must be a "
                            "side-effect-free op without regions");
    for (Type type : llvm::concat<const Type>(op.getOperandTypes(),
                                              op.getResultTypes()))
      if (isa<ShapedType>(type))
        return op.emitOpError("cannot be in a tconv.map body: it must "
                              "operate on scalars, got ")
               << type;
  }
  return success();
}

LogicalResult ChannelBroadcastOp::verify() {
  auto values = cast<RankedTensorType>(getValues().getType());
  auto result = cast<RankedTensorType>(getResult().getType());
  if (values.getRank() != 1)
    return emitOpError("expects one value per channel (a rank-1 tensor), got ")
           << values;
  if (result.getRank() < 3 || result.getRank() > 5)
    return emitOpError("expects a result (N, C, S...) with 1 to 3 spatial "
                       "dims, got ")
           << result;
  if (values.getElementType() != result.getElementType())
    return emitOpError("expects the result's element type to be ")
           << values.getElementType() << ", got " << result;
  if (ShapedType::isDynamic(values.getDimSize(0)) ||
      values.getDimSize(0) != result.getDimSize(1))
    return emitOpError("expects ")
           << values << " to hold one value per channel of " << result;
  if (getDynamicSizes().size() != size_t(result.getNumDynamicDims()))
    return emitOpError("expects one index operand per dynamic dim of the "
                       "result (")
           << result.getNumDynamicDims() << "), got "
           << getDynamicSizes().size();
  return success();
}
