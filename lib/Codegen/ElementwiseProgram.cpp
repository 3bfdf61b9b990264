//===- ElementwiseProgram.cpp - Fused elementwise code, well-formedness ---===//
//
// A spec can come from any C++ caller, not only from a verified tconv.map,
// so the code generator checks a program's types and value numbers before
// it evaluates one (ElementwiseCodegen.cpp assumes them).
//
//===----------------------------------------------------------------------===//

#include "tconv/Codegen/ElementwiseProgram.h"

#include "tconv/Codegen/ConvTransposeSpec.h"

#include <string>

namespace tconv::codegen {

const char *scalarOpcodeName(ScalarOpcode opcode) {
  switch (opcode) {
  case ScalarOpcode::Constant: return "arith.constant";
  case ScalarOpcode::Add: return "arith.addf";
  case ScalarOpcode::Sub: return "arith.subf";
  case ScalarOpcode::Mul: return "arith.mulf";
  case ScalarOpcode::Div: return "arith.divf";
  case ScalarOpcode::Neg: return "arith.negf";
  case ScalarOpcode::Maximum: return "arith.maximumf";
  case ScalarOpcode::Minimum: return "arith.minimumf";
  case ScalarOpcode::MaxNum: return "arith.maxnumf";
  case ScalarOpcode::MinNum: return "arith.minnumf";
  case ScalarOpcode::Compare: return "arith.cmpf";
  case ScalarOpcode::Select: return "arith.select";
  case ScalarOpcode::Extend: return "arith.extf";
  case ScalarOpcode::Truncate: return "arith.truncf";
  case ScalarOpcode::Abs: return "math.absf";
  case ScalarOpcode::Sqrt: return "math.sqrt";
  case ScalarOpcode::Rsqrt: return "math.rsqrt";
  case ScalarOpcode::Exp: return "math.exp";
  case ScalarOpcode::Expm1: return "math.expm1";
  case ScalarOpcode::Log: return "math.log";
  case ScalarOpcode::Log1p: return "math.log1p";
  case ScalarOpcode::Tanh: return "math.tanh";
  case ScalarOpcode::Erf: return "math.erf";
  case ScalarOpcode::Sin: return "math.sin";
  case ScalarOpcode::Cos: return "math.cos";
  case ScalarOpcode::Pow: return "math.powf";
  }
  return "unknown";
}

namespace {

int floatBits(ScalarType type) {
  switch (type) {
  case ScalarType::F16:
  case ScalarType::BF16: return 16;
  case ScalarType::F32: return 32;
  case ScalarType::F64: return 64;
  case ScalarType::Bool: return 0;
  }
  return 0;
}

bool isFloat(ScalarType type) { return type != ScalarType::Bool; }

/// Checks one instruction's operand count and types; empty when it is well
/// typed.
std::string typeError(const ScalarInstruction &inst,
                      const std::vector<ScalarType> &operandTypes) {
  const ScalarType t = inst.type;
  auto operands = [&](size_t n) { return operandTypes.size() == n; };
  auto allAre = [&](ScalarType type) {
    for (ScalarType o : operandTypes)
      if (o != type)
        return false;
    return true;
  };
  switch (inst.opcode) {
  case ScalarOpcode::Constant:
    return operands(0) ? "" : "takes no operands";
  case ScalarOpcode::Add: case ScalarOpcode::Sub: case ScalarOpcode::Mul:
  case ScalarOpcode::Div: case ScalarOpcode::Maximum:
  case ScalarOpcode::Minimum: case ScalarOpcode::MaxNum:
  case ScalarOpcode::MinNum: case ScalarOpcode::Pow:
    return operands(2) && isFloat(t) && allAre(t)
               ? "" : "takes two floats of its result type";
  case ScalarOpcode::Neg: case ScalarOpcode::Abs: case ScalarOpcode::Sqrt:
  case ScalarOpcode::Rsqrt: case ScalarOpcode::Exp: case ScalarOpcode::Expm1:
  case ScalarOpcode::Log: case ScalarOpcode::Log1p: case ScalarOpcode::Tanh:
  case ScalarOpcode::Erf: case ScalarOpcode::Sin: case ScalarOpcode::Cos:
    return operands(1) && isFloat(t) && allAre(t)
               ? "" : "takes one float of its result type";
  case ScalarOpcode::Compare:
    return operands(2) && t == ScalarType::Bool && isFloat(operandTypes[0]) &&
                   operandTypes[0] == operandTypes[1]
               ? "" : "compares two floats of one type into an i1";
  case ScalarOpcode::Select:
    return operands(3) && operandTypes[0] == ScalarType::Bool &&
                   operandTypes[1] == t && operandTypes[2] == t
               ? "" : "takes an i1 and two values of its result type";
  case ScalarOpcode::Extend:
    return operands(1) && isFloat(t) && isFloat(operandTypes[0]) &&
                   floatBits(operandTypes[0]) < floatBits(t)
               ? "" : "widens a float";
  case ScalarOpcode::Truncate:
    return operands(1) && isFloat(t) && isFloat(operandTypes[0]) &&
                   floatBits(operandTypes[0]) > floatBits(t)
               ? "" : "narrows a float";
  }
  return "has an unknown opcode";
}

Status checkProgram(const ElementwiseProgram &program, ScalarType element,
                    size_t extraCount, const char *stage) {
  auto error = [&](const std::string &message) {
    return Status::error(std::string("the ") + stage + " " + message);
  };
  const std::vector<ScalarType> &args = program.argumentTypes;
  if (args.size() != 1 + extraCount)
    return error("program takes " + std::to_string(args.size()) +
                 " arguments, expected 1 + " + std::to_string(extraCount) +
                 " extra operands");
  for (ScalarType type : args)
    if (type != element)
      return error("program's arguments must have the kernel's element type");
  std::vector<ScalarType> types = args;
  for (size_t k = 0; k < program.instructions.size(); ++k) {
    const ScalarInstruction &inst = program.instructions[k];
    std::vector<ScalarType> operandTypes;
    for (int operand : inst.operands) {
      if (operand < 0 || size_t(operand) >= types.size())
        return error("instruction " + std::to_string(k) + " (" +
                     scalarOpcodeName(inst.opcode) + ") uses value " +
                     std::to_string(operand) + " before it is defined");
      operandTypes.push_back(types[operand]);
    }
    if (std::string why = typeError(inst, operandTypes); !why.empty())
      return error("instruction " + std::to_string(k) + ": " +
                   scalarOpcodeName(inst.opcode) + " " + why);
    types.push_back(inst.type);
  }
  if (program.result < 0 || size_t(program.result) >= types.size())
    return error("program's result is not a value it defines");
  if (types[program.result] != element)
    return error("program must yield the kernel's element type");
  return Status::success();
}

} // namespace

Status checkFusedStages(const ConvTransposeSpec &spec) {
  const ScalarType element = scalarTypeOf(spec.elementType);
  std::vector<int> uses(spec.extraOperands.size(), 0);
  for (bool prologue : {true, false}) {
    const std::optional<ElementwiseStage> &stage =
        prologue ? spec.prologue : spec.epilogue;
    if (!stage)
      continue;
    const char *name = prologue ? "prologue" : "epilogue";
    if (Status s = checkProgram(stage->program, element,
                                stage->extraOperands.size(), name);
        !s.ok())
      return s;
    for (int index : stage->extraOperands) {
      if (index < 0 || size_t(index) >= spec.extraOperands.size() ||
          spec.extraOperands[index].forPrologue != prologue)
        return Status::error(std::string("the ") + name +
                             " names extra operand " + std::to_string(index) +
                             ", which is not one of its own");
      ++uses[index];
    }
  }
  for (size_t i = 0; i < uses.size(); ++i)
    if (uses[i] != 1)
      return Status::error("extra operand " + std::to_string(i) +
                           " must be used by exactly one stage, used " +
                           std::to_string(uses[i]) + " times");
  return Status::success();
}

} // namespace tconv::codegen
