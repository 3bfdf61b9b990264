//===- MapTranslation.cpp - tconv.map bodies to elementwise programs ------===//

#include "tconv/Compiler/MapTranslation.h"

#include "tconv/Compiler/KernelSpecExtraction.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "llvm/ADT/TypeSwitch.h"

using namespace mlir;
using namespace mlir::tconv;
using ::tconv::codegen::ComparePredicate;
using ::tconv::codegen::ElementwiseProgram;
using ::tconv::codegen::ScalarInstruction;
using ::tconv::codegen::ScalarOpcode;
using ::tconv::codegen::ScalarType;

static std::optional<ScalarType> toScalarType(Type type) {
  if (type.isInteger(1))
    return ScalarType::Bool;
  if (std::optional<::tconv::codegen::ElementType> element =
          toElementType(type))
    return ::tconv::codegen::scalarTypeOf(*element);
  return std::nullopt;
}

/// The opcode of each op the code generator compiles.
static std::optional<ScalarOpcode> opcodeOf(Operation *op) {
  return llvm::TypeSwitch<Operation *, std::optional<ScalarOpcode>>(op)
      .Case([](arith::ConstantOp) { return ScalarOpcode::Constant; })
      .Case([](arith::AddFOp) { return ScalarOpcode::Add; })
      .Case([](arith::SubFOp) { return ScalarOpcode::Sub; })
      .Case([](arith::MulFOp) { return ScalarOpcode::Mul; })
      .Case([](arith::DivFOp) { return ScalarOpcode::Div; })
      .Case([](arith::NegFOp) { return ScalarOpcode::Neg; })
      .Case([](arith::MaximumFOp) { return ScalarOpcode::Maximum; })
      .Case([](arith::MinimumFOp) { return ScalarOpcode::Minimum; })
      .Case([](arith::MaxNumFOp) { return ScalarOpcode::MaxNum; })
      .Case([](arith::MinNumFOp) { return ScalarOpcode::MinNum; })
      .Case([](arith::CmpFOp) { return ScalarOpcode::Compare; })
      .Case([](arith::SelectOp) { return ScalarOpcode::Select; })
      .Case([](arith::ExtFOp) { return ScalarOpcode::Extend; })
      .Case([](arith::TruncFOp) { return ScalarOpcode::Truncate; })
      .Case([](math::AbsFOp) { return ScalarOpcode::Abs; })
      .Case([](math::SqrtOp) { return ScalarOpcode::Sqrt; })
      .Case([](math::RsqrtOp) { return ScalarOpcode::Rsqrt; })
      .Case([](math::ExpOp) { return ScalarOpcode::Exp; })
      .Case([](math::ExpM1Op) { return ScalarOpcode::Expm1; })
      .Case([](math::LogOp) { return ScalarOpcode::Log; })
      .Case([](math::Log1pOp) { return ScalarOpcode::Log1p; })
      .Case([](math::TanhOp) { return ScalarOpcode::Tanh; })
      .Case([](math::ErfOp) { return ScalarOpcode::Erf; })
      .Case([](math::SinOp) { return ScalarOpcode::Sin; })
      .Case([](math::CosOp) { return ScalarOpcode::Cos; })
      .Case([](math::PowFOp) { return ScalarOpcode::Pow; })
      .Default([](Operation *) { return std::nullopt; });
}

static std::string supportedOps() {
  std::string list;
  for (int k = 0; k <= int(ScalarOpcode::Pow); ++k)
    list += std::string(k ? ", " : "") +
            ::tconv::codegen::scalarOpcodeName(ScalarOpcode(k));
  return list;
}

FailureOr<ElementwiseProgram> mlir::tconv::translateMapBody(MapOp map) {
  Block &body = map.getBody().front();
  ElementwiseProgram program;
  DenseMap<Value, int> numbers;
  for (BlockArgument argument : body.getArguments()) {
    std::optional<ScalarType> type = toScalarType(argument.getType());
    if (!type)
      return map.emitError("cannot compile a tconv.map argument of type ")
             << argument.getType();
    numbers[argument] = int(program.argumentTypes.size());
    program.argumentTypes.push_back(*type);
  }
  for (Operation &op : body.without_terminator()) {
    std::optional<ScalarOpcode> opcode = opcodeOf(&op);
    if (!opcode)
      return op.emitError("cannot compile '")
             << op.getName() << "' in a fused prologue or epilogue; the code "
             << "generator compiles " << supportedOps();
    std::optional<ScalarType> type = toScalarType(op.getResult(0).getType());
    if (!type)
      return op.emitError("cannot compile '")
             << op.getName() << "' of type " << op.getResult(0).getType()
             << " in a fused prologue or epilogue: only f16, bf16, f32, f64 "
                "and i1 values";
    ScalarInstruction inst{*opcode, *type, {}};
    for (Value operand : op.getOperands())
      inst.operands.push_back(numbers.lookup(operand));
    if (auto constant = dyn_cast<arith::ConstantOp>(op)) {
      if (auto f = dyn_cast<FloatAttr>(constant.getValue()))
        inst.constant = f.getValueAsDouble();
      else if (auto i = dyn_cast<IntegerAttr>(constant.getValue()))
        inst.constant = i.getValue().isZero() ? 0 : 1;
      else
        return op.emitError("cannot compile constant ") << constant.getValue();
    }
    if (auto cmp = dyn_cast<arith::CmpFOp>(op))
      inst.predicate = ComparePredicate(int(cmp.getPredicate()));
    numbers[op.getResult(0)] =
        int(program.argumentTypes.size() + program.instructions.size());
    program.instructions.push_back(std::move(inst));
  }
  program.result = numbers.lookup(
      cast<YieldOp>(body.getTerminator()).getValue());
  return program;
}
