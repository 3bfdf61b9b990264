//===- OpBuilderFuzzer.cpp - libFuzzer: ops from random attribute values --===//
//
// Structured fuzzing of the four tconv ops, below the parser: the bytes pick
// the op, the operand and result types (ranks, sizes including 0, dynamic and
// values near INT64_MAX, element types) and every attribute (absent, the right
// kind with random length and values from the edges of int64_t, or the wrong
// kind), and the op is built through a generic OperationState in a func.
//
// For an op that verifies, the target then checks:
//   * result type inference with and without a location (the builder path,
//     which emits nothing) agree, and the declared type is compatible;
//   * the generated C++ builder that infers the result type builds an op
//     that verifies;
//   * getCanonicalForm and ShapeArithmetic reproduce the inferred
//     output lengths;
//   * the custom assembly form prints and parses back to a verified op;
//   * the normalization patterns give a verified func whose kernel spec
//     (mlir::tconv::extractKernelSpec, no Halide) has the declared lengths.
// An op that does not verify must fail inference without a location too,
// unless only the declared result type is wrong.
//
//===----------------------------------------------------------------------===//

#include "FuzzCommon.h"

#include "tconv/Compiler/KernelSpecExtraction.h"
#include "tconv/Dialect/Tconv/IR/TconvOps.h"
#include "tconv/Support/ShapeArithmetic.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/Verifier.h"
#include "mlir/Parser/Parser.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

#include <fuzzer/FuzzedDataProvider.h>

#include <limits>

using namespace mlir;
using tconv_fuzz::fuzzFailure;

namespace {

constexpr int64_t kMax = std::numeric_limits<int64_t>::max();
constexpr int64_t kMin = std::numeric_limits<int64_t>::min();

/// An attribute value: mostly small, sometimes at the edges of int64_t.
int64_t pickValue(FuzzedDataProvider &fdp) {
  switch (fdp.ConsumeIntegralInRange<int>(0, 15)) {
  case 0:
    return kMax;
  case 1:
    return kMin;
  case 2:
    return kMin + 1;
  case 3:
    return kMax / 2 + fdp.ConsumeIntegralInRange<int64_t>(-2, 2);
  case 4:
    return fdp.ConsumeIntegral<int64_t>();
  case 5:
    return int64_t(1) << fdp.ConsumeIntegralInRange<int>(20, 62);
  case 6:
    return -fdp.ConsumeIntegralInRange<int64_t>(1, 20);
  default:
    return fdp.ConsumeIntegralInRange<int64_t>(0, 9);
  }
}

/// A tensor dimension: small, zero, dynamic or huge (never another negative
/// value: RankedTensorType does not allow one).
int64_t pickDim(FuzzedDataProvider &fdp) {
  switch (fdp.ConsumeIntegralInRange<int>(0, 15)) {
  case 0:
    return ShapedType::kDynamic;
  case 1:
    return 0;
  case 2:
    return kMax;
  case 3:
    return int64_t(1) << fdp.ConsumeIntegralInRange<int>(20, 62);
  case 4:
    return fdp.ConsumeIntegralInRange<int64_t>(0, kMax);
  default:
    return fdp.ConsumeIntegralInRange<int64_t>(1, 12);
  }
}

Type pickElementType(FuzzedDataProvider &fdp, MLIRContext &ctx, Type usual) {
  if (fdp.ConsumeIntegralInRange<int>(0, 15) != 0)
    return usual;
  switch (fdp.ConsumeIntegralInRange<int>(0, 5)) {
  case 0:
    return Float16Type::get(&ctx);
  case 1:
    return BFloat16Type::get(&ctx);
  case 2:
    return Float32Type::get(&ctx);
  case 3:
    return Float64Type::get(&ctx);
  case 4:
    return IntegerType::get(&ctx, 32);
  default:
    return IndexType::get(&ctx);
  }
}

/// A ranked tensor most of the time; sometimes unranked or not a tensor.
Type pickTensorType(FuzzedDataProvider &fdp, MLIRContext &ctx,
                    SmallVector<int64_t> shape, Type element) {
  switch (fdp.ConsumeIntegralInRange<int>(0, 31)) {
  case 0:
    return UnrankedTensorType::get(element);
  case 1:
    return element;
  default:
    return RankedTensorType::get(shape, element);
  }
}

SmallVector<int64_t> pickArray(FuzzedDataProvider &fdp, int64_t length) {
  if (fdp.ConsumeIntegralInRange<int>(0, 7) == 0)
    length = fdp.ConsumeIntegralInRange<int64_t>(0, 7);
  SmallVector<int64_t> values;
  for (int64_t i = 0; i < length; ++i)
    values.push_back(pickValue(fdp));
  return values;
}

/// An attribute of the wrong kind for anything tconv expects.
Attribute pickWrongAttr(FuzzedDataProvider &fdp, Builder &b) {
  switch (fdp.ConsumeIntegralInRange<int>(0, 4)) {
  case 0:
    return b.getI64IntegerAttr(pickValue(fdp));
  case 1:
    return b.getI32IntegerAttr(int32_t(pickValue(fdp)));
  case 2:
    return b.getStringAttr("zeros");
  case 3:
    return b.getI64ArrayAttr(pickArray(fdp, 2));
  default:
    return b.getUnitAttr();
  }
}

void addArrayAttr(FuzzedDataProvider &fdp, Builder &b, OperationState &state,
                  StringRef name, int64_t spatialRank, bool required) {
  int choice = fdp.ConsumeIntegralInRange<int>(0, 15);
  if (choice == 0 || (choice == 1 && !required))
    return; // absent
  if (choice == 2) {
    state.addAttribute(name, pickWrongAttr(fdp, b));
    return;
  }
  SmallVector<int64_t> values = pickArray(fdp, spatialRank);
  // MindSpore's padding: (begin, end) pairs or not; ONNX's pads: always
  // begins and ends; ONNX's output_shape: spatial or the full shape.
  if ((name == "padding" && fdp.ConsumeBool()) || name == "pads")
    values = pickArray(fdp, 2 * spatialRank);
  if (name == "output_shape" && fdp.ConsumeBool())
    values = pickArray(fdp, spatialRank + 2);
  state.addAttribute(name, b.getDenseI64ArrayAttr(values));
}

void addIntAttr(FuzzedDataProvider &fdp, Builder &b, OperationState &state,
                StringRef name) {
  switch (fdp.ConsumeIntegralInRange<int>(0, 7)) {
  case 0:
    return;
  case 1:
    state.addAttribute(name, pickWrongAttr(fdp, b));
    return;
  case 2:
    state.addAttribute(name, b.getI64IntegerAttr(pickValue(fdp)));
    return;
  default:
    state.addAttribute(name, b.getI64IntegerAttr(
                                 fdp.ConsumeIntegralInRange<int64_t>(1, 4)));
  }
}

void addStringAttr(FuzzedDataProvider &fdp, Builder &b, OperationState &state,
                   StringRef name, ArrayRef<StringRef> usual) {
  int choice = fdp.ConsumeIntegralInRange<int>(0, 15);
  if (choice == 0)
    return;
  if (choice == 1) {
    state.addAttribute(name, pickWrongAttr(fdp, b));
    return;
  }
  if (choice == 2) {
    state.addAttribute(name,
                       b.getStringAttr(fdp.ConsumeRandomLengthString(16)));
    return;
  }
  size_t pick = fdp.ConsumeIntegralInRange<size_t>(0, usual.size() - 1);
  state.addAttribute(name, b.getStringAttr(usual[pick]));
}

const StringRef kInitNames[] = {
    "normal",    "Normal",      "uniform",        "TruncatedNormal",
    "HeUniform", "he_uniform",  "henormal",       "xavier_normal",
    "ones",      "zero",        "identity",       "dirac",
    "orthogonal", "variancescaling", "sparse",   "truncated_normal"};

/// The ODS-generated checks only (operand kinds, required attributes and
/// attribute kinds): once they hold, reading the properties is safe.
LogicalResult odsInvariants(Operation *op) {
  if (auto o = dyn_cast<mlir::tconv::ConvTransposeOp>(op))
    return o.verifyInvariantsImpl();
  if (auto o = dyn_cast<mlir::tconv::TorchConvTransposeOp>(op))
    return o.verifyInvariantsImpl();
  if (auto o = dyn_cast<mlir::tconv::OnnxConvTransposeOp>(op))
    return o.verifyInvariantsImpl();
  return cast<mlir::tconv::MsConvTransposeOp>(op).verifyInvariantsImpl();
}

/// Type inference of the concrete op from its current operands and
/// properties; `loc` nullopt is the quiet builder path.
LogicalResult infer(Operation *op, std::optional<Location> loc,
                    SmallVectorImpl<Type> &types) {
  auto iface = cast<InferTypeOpInterface>(op);
  return iface.inferReturnTypes(op->getContext(), loc, op->getOperands(),
                                op->getRawDictionaryAttrs(),
                                op->getPropertiesStorage(), op->getRegions(),
                                types);
}

void checkVerifiedOp(Operation *op, func::FuncOp func, ModuleOp module) {
  MLIRContext &ctx = *op->getContext();
  SmallVector<Type> quiet, loud;
  if (failed(infer(op, std::nullopt, quiet)) ||
      failed(infer(op, op->getLoc(), loud)))
    fuzzFailure("inference fails on a verified op");
  if (quiet != loud)
    fuzzFailure("inference with and without a location disagree");
  auto inferred = cast<RankedTensorType>(quiet.front());
  auto declared = cast<RankedTensorType>(op->getResult(0).getType());
  if (inferred.getRank() != declared.getRank() ||
      inferred.getElementType() != declared.getElementType())
    fuzzFailure("declared result rank/element type differs from inferred");
  for (int64_t d = 0; d < inferred.getRank(); ++d)
    if (!inferred.isDynamicDim(d) && !declared.isDynamicDim(d) &&
        inferred.getDimSize(d) != declared.getDimSize(d))
      fuzzFailure("declared result differs from the inferred one");

  // getCanonicalForm + ShapeArithmetic reproduce the lengths.
  mlir::tconv::CanonicalConvTranspose canonical =
      cast<mlir::tconv::ConvTransposeLikeOpInterface>(op).getCanonicalForm();
  auto inputType = cast<RankedTensorType>(op->getOperand(0).getType());
  auto weightType = cast<RankedTensorType>(op->getOperand(1).getType());
  int64_t rank = inputType.getRank() - 2;
  if (int64_t(canonical.padding.size()) != rank ||
      int64_t(canonical.stride.size()) != rank ||
      int64_t(canonical.dilation.size()) != rank)
    fuzzFailure("canonical form has the wrong number of spatial dims");
  for (int64_t i = 0; i < rank; ++i) {
    std::optional<int64_t> length = ::tconv::checkedTransposedOutputLength(
        inputType.getDimSize(i + 2), weightType.getDimSize(i + 2),
        canonical.stride[i], canonical.dilation[i], canonical.padding[i]);
    if (!length || *length != inferred.getDimSize(i + 2))
      fuzzFailure("canonical padding does not give the inferred length at "
                  "spatial dim " +
                  llvm::Twine(i));
    if (canonical.padding[i].trailingZeros < 0)
      fuzzFailure("negative trailing zeros");
  }

  // The generated builder that infers the result type.
  OpBuilder b(&ctx);
  b.setInsertionPoint(op);
  OperationState rebuilt(op->getLoc(), op->getName());
  SmallVector<NamedAttribute> attrs;
  if (auto props = dyn_cast_or_null<DictionaryAttr>(
          op->getPropertiesAsAttribute()))
    for (NamedAttribute a : props)
      attrs.push_back(a);
  Operation *built = nullptr;
  if (auto torch = dyn_cast<mlir::tconv::TorchConvTransposeOp>(op))
    built = mlir::tconv::TorchConvTransposeOp::create(b, op->getLoc(),
                                                op->getOperands(), attrs);
  else if (auto ms = dyn_cast<mlir::tconv::MsConvTransposeOp>(op))
    built = mlir::tconv::MsConvTransposeOp::create(b, op->getLoc(),
                                             op->getOperands(), attrs);
  else if (auto onnx = dyn_cast<mlir::tconv::OnnxConvTransposeOp>(op))
    built = mlir::tconv::OnnxConvTransposeOp::create(b, op->getLoc(),
                                                     op->getOperands(), attrs);
  else
    built = mlir::tconv::ConvTransposeOp::create(b, op->getLoc(), op->getOperands(),
                                           attrs);
  if (built->getResult(0).getType() != inferred)
    fuzzFailure("the inferring builder gives another type");
  if (failed(verify(built)))
    fuzzFailure("an op from the inferring builder does not verify");
  built->erase();

  // Custom assembly round trip.
  std::string text;
  {
    llvm::raw_string_ostream os(text);
    module->print(os);
  }
  OwningOpRef<ModuleOp> reparsed =
      parseSourceString<ModuleOp>(text, ParserConfig(&ctx));
  if (!reparsed)
    fuzzFailure("the printed module does not parse back:\n" + text);

  // Normalization and kernel-spec extraction.
  RewritePatternSet patterns(&ctx);
  mlir::tconv::populateTconvNormalizationPatterns(patterns);
  (void)applyPatternsGreedily(module, std::move(patterns));
  if (failed(verify(module)))
    fuzzFailure("the normalized module does not verify");
  FailureOr<::tconv::codegen::ConvTransposeSpec> spec =
      mlir::tconv::extractKernelSpec(func);
  if (failed(spec))
    fuzzFailure("no kernel spec from a normalized single-op func");
  std::vector<int64_t> out = spec->outputSize();
  for (int64_t i = 0; i < rank; ++i)
    if (out[i] != inferred.getDimSize(i + 2))
      fuzzFailure("kernel spec output length differs at spatial dim " +
                  llvm::Twine(i));
  if (spec->outChannels != inferred.getDimSize(1))
    fuzzFailure("kernel spec output channels differ");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  FuzzedDataProvider fdp(data, size);
  MLIRContext &ctx = tconv_fuzz::context();
  OpBuilder b(&ctx);
  Location loc = FileLineColLoc::get(&ctx, "fuzz", 1, 1);

  const int which = fdp.ConsumeIntegralInRange<int>(0, 3);
  int64_t spatialRank = fdp.ConsumeIntegralInRange<int64_t>(1, 3);
  if (fdp.ConsumeIntegralInRange<int>(0, 31) == 0)
    spatialRank = fdp.ConsumeIntegralInRange<int64_t>(0, 5);

  Type element = pickElementType(fdp, ctx, b.getF32Type());
  // Mostly consistent shapes, so that the later checks are reached.
  const int64_t cin = fdp.ConsumeIntegralInRange<int>(0, 7) == 0
                          ? pickDim(fdp)
                          : fdp.ConsumeIntegralInRange<int64_t>(1, 6);
  const int64_t coutPerGroup = fdp.ConsumeIntegralInRange<int>(0, 7) == 0
                                   ? pickDim(fdp)
                                   : fdp.ConsumeIntegralInRange<int64_t>(1, 4);
  SmallVector<int64_t> inputShape = {
      fdp.ConsumeBool() ? fdp.ConsumeIntegralInRange<int64_t>(1, 4)
                        : pickDim(fdp),
      cin};
  SmallVector<int64_t> weightShape = {
      fdp.ConsumeIntegralInRange<int>(0, 15) == 0 ? pickDim(fdp) : cin,
      coutPerGroup};
  for (int64_t i = 0; i < spatialRank; ++i) {
    inputShape.push_back(fdp.ConsumeBool()
                             ? fdp.ConsumeIntegralInRange<int64_t>(1, 16)
                             : pickDim(fdp));
    weightShape.push_back(fdp.ConsumeBool()
                              ? fdp.ConsumeIntegralInRange<int64_t>(1, 16)
                              : pickDim(fdp));
  }
  if (fdp.ConsumeIntegralInRange<int>(0, 31) == 0)
    weightShape.pop_back();

  SmallVector<Type> argTypes = {
      pickTensorType(fdp, ctx, inputShape, element),
      pickTensorType(fdp, ctx, weightShape, pickElementType(fdp, ctx, element))};
  if (fdp.ConsumeBool()) {
    SmallVector<int64_t> biasShape = {fdp.ConsumeIntegralInRange<int>(0, 7) == 0
                                          ? pickDim(fdp)
                                          : fdp.ConsumeIntegralInRange<int64_t>(1, 24)};
    if (fdp.ConsumeIntegralInRange<int>(0, 31) == 0)
      biasShape.push_back(1);
    argTypes.push_back(pickTensorType(fdp, ctx, biasShape,
                                      pickElementType(fdp, ctx, element)));
  }

  OperationState state(loc, which == 0   ? "tconv.conv_transpose"
                            : which == 1 ? "tconv.torch_conv_transpose"
                            : which == 2 ? "tconv.ms_conv_transpose"
                                         : "tconv.onnx_conv_transpose");
  // ONNX spells them in the plural.
  addArrayAttr(fdp, b, state, which == 3 ? "strides" : "stride", spatialRank,
               which == 0);
  addArrayAttr(fdp, b, state, which == 3 ? "dilations" : "dilation",
               spatialRank, which == 0);
  if (which == 3) {
    addArrayAttr(fdp, b, state, "pads", spatialRank, false);
    addArrayAttr(fdp, b, state, "output_padding", spatialRank, false);
    addArrayAttr(fdp, b, state, "output_shape", spatialRank, false);
    // kernel_shape: mostly the weight's own (the only valid value); the
    // weight shape may have lost its last entry above.
    if (fdp.ConsumeBool())
      state.addAttribute(
          "kernel_shape",
          b.getDenseI64ArrayAttr(ArrayRef(weightShape)
                                     .drop_front(std::min<size_t>(
                                         2, weightShape.size()))));
    else
      addArrayAttr(fdp, b, state, "kernel_shape", spatialRank, false);
    addIntAttr(fdp, b, state, "group");
    addStringAttr(fdp, b, state, "auto_pad",
                  {"NOTSET", "SAME_UPPER", "SAME_LOWER", "VALID", "same_upper"});
  } else if (which == 0) {
    addArrayAttr(fdp, b, state, "pad_lo", spatialRank, true);
    addArrayAttr(fdp, b, state, "pad_hi", spatialRank, true);
    addIntAttr(fdp, b, state, "groups");
  } else if (which == 1) {
    addArrayAttr(fdp, b, state, "padding", spatialRank, false);
    addArrayAttr(fdp, b, state, "output_padding", spatialRank, false);
    addIntAttr(fdp, b, state, "groups");
    addStringAttr(fdp, b, state, "padding_mode", {"zeros", "reflect", "Zeros"});
  } else {
    addArrayAttr(fdp, b, state, "padding", spatialRank, false);
    addArrayAttr(fdp, b, state, "output_padding", spatialRank, false);
    addIntAttr(fdp, b, state, "group");
    addStringAttr(fdp, b, state, "pad_mode", {"same", "valid", "pad", "SAME"});
    addStringAttr(fdp, b, state, "weight_init", kInitNames);
    addStringAttr(fdp, b, state, "bias_init", kInitNames);
  }

  // The module and func, with the op's operands as the func's arguments.
  OwningOpRef<ModuleOp> module = ModuleOp::create(loc);
  b.setInsertionPointToEnd(module->getBody());
  // The result: a random type, or the inferred one (possibly loosened).
  Type resultType;
  {
    // Inference needs an op: build a temporary one with a placeholder type.
    auto func = func::FuncOp::create(b, loc, "k",
                                     b.getFunctionType(argTypes, {}));
    Block *entry = func.addEntryBlock();
    OperationState probe(loc, state.name);
    probe.addAttributes(state.attributes.getAttrs());
    probe.addOperands(entry->getArguments());
    probe.addTypes(argTypes.front());
    OpBuilder inner = OpBuilder::atBlockEnd(entry);
    Operation *op = inner.create(probe);
    SmallVector<Type> inferred;
    // Quiet inference reads the properties: only safe once the ODS
    // invariants (attribute kinds, required attributes) hold.
    if (succeeded(odsInvariants(op)) &&
        succeeded(infer(op, std::nullopt, inferred)) && fdp.ConsumeBool()) {
      auto t = cast<RankedTensorType>(inferred.front());
      SmallVector<int64_t> shape(t.getShape());
      for (int64_t &d : shape)
        if (fdp.ConsumeIntegralInRange<int>(0, 7) == 0)
          d = ShapedType::kDynamic;
      resultType = RankedTensorType::get(shape, t.getElementType());
    }
    func->erase();
  }
  if (!resultType) {
    SmallVector<int64_t> shape = {inputShape[0], fdp.ConsumeIntegralInRange<int64_t>(1, 24)};
    for (int64_t i = 0; i < spatialRank; ++i)
      shape.push_back(pickDim(fdp));
    resultType = pickTensorType(fdp, ctx, shape, element);
  }

  auto func = func::FuncOp::create(b, loc, "k",
                                   b.getFunctionType(argTypes, {resultType}));
  Block *entry = func.addEntryBlock();
  state.addOperands(entry->getArguments());
  state.addTypes(resultType);
  OpBuilder inner = OpBuilder::atBlockEnd(entry);
  Operation *op = inner.create(state);
  func::ReturnOp::create(inner, loc, op->getResults());

  if (succeeded(verify(*module))) {
    checkVerifiedOp(op, func, *module);
    return 0;
  }
  // Invalid: if the ODS invariants hold, quiet inference must also fail
  // unless the declared result type alone is wrong.
  if (failed(odsInvariants(op)))
    return 0;
  SmallVector<Type> inferred;
  if (succeeded(infer(op, std::nullopt, inferred)) &&
      isa<RankedTensorType>(resultType)) {
    auto want = cast<RankedTensorType>(inferred.front());
    auto got = cast<RankedTensorType>(resultType);
    bool compatible = want.getRank() == got.getRank() &&
                      want.getElementType() == got.getElementType();
    for (int64_t d = 0; compatible && d < want.getRank(); ++d)
      compatible = want.isDynamicDim(d) || got.isDynamicDim(d) ||
                   want.getDimSize(d) == got.getDimSize(d);
    if (compatible)
      fuzzFailure("quiet inference accepts an op that does not verify");
  }
  return 0;
}
