//===- TconvOps.cpp - tconv operations: verification and inference --------===//
//
// Every rule of every flavor is checked exactly once, inside result type
// inference: the InferTypeOpInterface verifier runs inference with the op's
// location, so the first violated rule is reported with the attribute and the
// offending value, and a builder that infers its result gets the same check.
// verify() then compares the declared result type with the inferred one.
//
// Each op contributes only its resolver (resolveCanonical, resolveTorch,
// resolveMs, resolveOnnx); TconvOps.td pairs it with the op's group count and
// writes the op's methods once for all four, calling the shared functions at
// the end of this file.
//
// The padding arithmetic itself lives in tconv/Support/ShapeArithmetic.h, the
// MindSpore initializer names in tconv/Support/InitializerNames.h.
//
//===----------------------------------------------------------------------===//

#include "tconv/Dialect/Tconv/IR/TconvOps.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/OpImplementation.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/MathExtras.h"

#include "tconv/Support/InitializerNames.h"

using namespace mlir;
using namespace mlir::tconv;
using ::tconv::DimPadding;
using ::tconv::MsPadMode;
using ::tconv::OnnxAutoPad;

static_assert(::tconv::kDynamicSize == ShapedType::kDynamic,
              "tconv's dynamic size marker must be MLIR's");

namespace {

/// Reports the first violated rule. During inference without a location (a
/// builder asking whether a configuration is valid) nothing is emitted.
/// Warnings are kept only by a Diagnoser made with `collectWarnings`, which
/// only verify() makes, and emitted by emitWarnings() once verify() has found
/// the op valid: inference runs several times per op (the interface's
/// verifier, builders, canonical-form queries), a warning must appear once.
class Diagnoser {
public:
  Diagnoser(std::optional<Location> loc, StringRef opName,
            bool collectWarnings = false)
      : loc(loc), opName(opName), collectWarnings(collectWarnings) {}

  template <typename... Args>
  LogicalResult fail(Args &&...args) const {
    return emitOptionalError(loc, "'", opName, "' op ",
                             std::forward<Args>(args)...);
  }

  void warn(const Twine &message) const {
    if (loc && collectWarnings)
      warnings.push_back(message.str());
  }

  void emitWarnings() const {
    for (const std::string &message : warnings)
      emitWarning(*loc) << "'" << opName << "' op " << message;
    warnings.clear();
  }

private:
  std::optional<Location> loc;
  StringRef opName;
  bool collectWarnings;
  // Mutable so that the resolvers, which take the Diagnoser by const
  // reference, can leave their warnings in it.
  mutable SmallVector<std::string> warnings;
};

/// Sizes of the operands, common to the four ops.
struct OperandShapes {
  Type elementType;
  int64_t batch = 0;
  int64_t inChannels = 0;
  int64_t outChannels = 0;
  SmallVector<int64_t> inputSize; // spatial
  SmallVector<int64_t> kernelSize;

  int64_t spatialRank() const { return kernelSize.size(); }
};

/// A checked op: its operand sizes and its canonical form.
struct ResolvedConvTranspose {
  OperandShapes shapes;
  CanonicalConvTranspose canonical;
};

} // namespace

/// "[1, 2, 3]" for diagnostics.
static std::string formatArray(ArrayRef<int64_t> values) {
  return "[" +
         llvm::join(llvm::map_range(values,
                                    [](int64_t v) { return std::to_string(v); }),
                    ", ") +
         "]";
}

static std::string formatType(Type type) {
  std::string text;
  llvm::raw_string_ostream os(text);
  os << type;
  return text;
}

/// Reads an integer attribute that has a default, keeping its sign (I64Attr's
/// getter returns it unsigned).
static int64_t getSignedOr(IntegerAttr attr, int64_t defaultValue) {
  return attr ? attr.getInt() : defaultValue;
}

/// Reads a string attribute that has a default. The generated getter assumes
/// the default was filled in, but Operation::removeAttr (or setAttr with an
/// attribute of another kind) leaves the property null.
static StringRef getStringOr(StringAttr attr, StringRef defaultValue) {
  return attr ? attr.getValue() : defaultValue;
}

//===----------------------------------------------------------------------===//
// Operand checks shared by the four ops
//===----------------------------------------------------------------------===//

static FailureOr<OperandShapes>
verifyOperandShapes(const Diagnoser &diag, Value input, Value weight,
                    Value bias, int64_t groups, StringRef groupsName) {
  auto inputType = dyn_cast<RankedTensorType>(input.getType());
  auto weightType = dyn_cast<RankedTensorType>(weight.getType());
  if (!inputType || !weightType)
    return diag.fail("expects ranked tensor operands");

  int64_t rank = inputType.getRank();
  if (rank < 3 || rank > 5)
    return diag.fail("expects input of rank 3, 4 or 5 (N, C and 1 to 3 "
                     "spatial dims), got rank ",
                     rank);
  if (weightType.getRank() != rank)
    return diag.fail("expects weight of rank ", rank,
                     " (Cin, Cout/groups and one kernel size per spatial dim) "
                     "like the input, got rank ",
                     weightType.getRank());
  if (weightType.getElementType() != inputType.getElementType())
    return diag.fail("expects weight element type ",
                     inputType.getElementType(), " (the input's), got ",
                     weightType.getElementType());
  if (inputType.isDynamicDim(1))
    return diag.fail("expects a static input channel count (dim 1), got ",
                     formatType(inputType));
  if (!weightType.hasStaticShape())
    return diag.fail("expects a static weight shape, got ",
                     formatType(weightType));

  OperandShapes shapes;
  shapes.elementType = inputType.getElementType();
  shapes.batch = inputType.getDimSize(0);
  shapes.inChannels = inputType.getDimSize(1);
  shapes.inputSize.assign(inputType.getShape().begin() + 2,
                          inputType.getShape().end());
  shapes.kernelSize.assign(weightType.getShape().begin() + 2,
                           weightType.getShape().end());

  if (shapes.inChannels < 1)
    return diag.fail("expects at least one input channel, got ",
                     shapes.inChannels);
  if (weightType.getDimSize(0) != shapes.inChannels)
    return diag.fail("expects weight dim 0 (", weightType.getDimSize(0),
                     ") to equal the input channels (", shapes.inChannels,
                     ")");
  if (weightType.getDimSize(1) < 1)
    return diag.fail("expects weight dim 1 (Cout/", groupsName,
                     ") to be >= 1, got ", weightType.getDimSize(1));
  for (auto [i, k] : llvm::enumerate(shapes.kernelSize))
    if (k < 1)
      return diag.fail("expects kernel sizes >= 1, got ", k,
                       " at spatial dim ", i);
  for (auto [i, size] : llvm::enumerate(shapes.inputSize))
    if (!ShapedType::isDynamic(size) && size < 1)
      return diag.fail("expects input spatial sizes >= 1, got ", size,
                       " at spatial dim ", i);

  if (groups < 1)
    return diag.fail("expects '", groupsName, "' >= 1, got ", groups);
  if (shapes.inChannels % groups != 0)
    return diag.fail("expects the input channels (", shapes.inChannels,
                     ") to be divisible by '", groupsName, "' (", groups, ")");
  // Cout = (Cout/groups) * groups, so Cout % groups == 0 holds by layout.
  if (llvm::MulOverflow(weightType.getDimSize(1), groups, shapes.outChannels))
    return diag.fail("expects the output channel count (weight dim 1 = ",
                     weightType.getDimSize(1), " times '", groupsName, "' = ",
                     groups, ") to fit in 64 bits");

  if (bias) {
    auto biasType = dyn_cast<RankedTensorType>(bias.getType());
    if (!biasType || biasType.getRank() != 1)
      return diag.fail("expects bias of rank 1 (Cout), got ",
                       formatType(bias.getType()));
    if (biasType.getElementType() != shapes.elementType)
      return diag.fail("expects bias element type ", shapes.elementType,
                       " (the input's), got ", biasType.getElementType());
    if (!biasType.isDynamicDim(0) &&
        biasType.getDimSize(0) != shapes.outChannels)
      return diag.fail("expects bias of size ", shapes.outChannels,
                       " (the output channels), got ",
                       biasType.getDimSize(0));
  }
  return shapes;
}

//===----------------------------------------------------------------------===//
// Attribute checks
//===----------------------------------------------------------------------===//

/// One value per spatial dimension, or the default for an absent attribute.
static FailureOr<SmallVector<int64_t>>
resolvePerDim(const Diagnoser &diag, StringRef name,
              std::optional<ArrayRef<int64_t>> values, int64_t spatialRank,
              int64_t defaultValue) {
  if (!values)
    return SmallVector<int64_t>(spatialRank, defaultValue);
  if (static_cast<int64_t>(values->size()) != spatialRank)
    return diag.fail("expects '", name, "' to have ", spatialRank,
                     " value(s), one per spatial dim, got ", values->size(),
                     ": ", formatArray(*values));
  return SmallVector<int64_t>(values->begin(), values->end());
}

static LogicalResult checkAtLeast(const Diagnoser &diag, StringRef name,
                                  ArrayRef<int64_t> values, int64_t minimum) {
  for (auto [i, v] : llvm::enumerate(values))
    if (v < minimum)
      return diag.fail("expects '", name, "' values >= ", minimum, ", got ", v,
                       " at spatial dim ", i);
  return success();
}

/// The stride and dilation of every flavor, resolved per spatial dim before
/// the op's own resolver runs (resolveConvTranspose).
struct StrideAndDilation {
  SmallVector<int64_t> stride, dilation;
};

/// stride and dilation: one positive value per spatial dim (default 1), with
/// a dilated kernel extent d*(k-1)+1 that fits in int64_t. The attribute
/// names are ONNX's plural ones for the ONNX op.
static FailureOr<StrideAndDilation>
resolveStrideAndDilation(const Diagnoser &diag,
                         std::optional<ArrayRef<int64_t>> stride,
                         std::optional<ArrayRef<int64_t>> dilation,
                         ArrayRef<int64_t> kernelSize,
                         StringRef strideName = "stride",
                         StringRef dilationName = "dilation") {
  int64_t spatialRank = kernelSize.size();
  auto strides = resolvePerDim(diag, strideName, stride, spatialRank, 1);
  if (failed(strides) || failed(checkAtLeast(diag, strideName, *strides, 1)))
    return failure();
  auto dilations = resolvePerDim(diag, dilationName, dilation, spatialRank, 1);
  if (failed(dilations) ||
      failed(checkAtLeast(diag, dilationName, *dilations, 1)))
    return failure();
  for (auto [i, d] : llvm::enumerate(*dilations))
    if (!::tconv::checkedDilatedKernelExtent(kernelSize[i], d))
      return diag.fail("expects the dilated kernel extent dilation*(k-1)+1 "
                       "to fit in 64 bits, got '",
                       dilationName, "' ", d, " with kernel size ",
                       kernelSize[i], " at spatial dim ", i);
  return StrideAndDilation{std::move(*strides), std::move(*dilations)};
}

/// The stride and dilation of `op`, resolved as above from its own
/// attributes (ONNX's are "strides" and "dilations").
template <typename Adaptor>
static FailureOr<StrideAndDilation>
resolveStrideAndDilationOf(const Diagnoser &diag, Adaptor op,
                           const OperandShapes &shapes) {
  if constexpr (std::is_same_v<Adaptor, OnnxConvTransposeOp::Adaptor>)
    return resolveStrideAndDilation(diag, op.getStrides(), op.getDilations(),
                                    shapes.kernelSize, "strides", "dilations");
  else
    return resolveStrideAndDilation(diag, op.getStride(), op.getDilation(),
                                    shapes.kernelSize);
}

/// output_padding < max(stride, dilation), PyTorch's, MindSpore's and the
/// ONNX spec's bound.
static LogicalResult checkOutputPaddingBound(const Diagnoser &diag,
                                             ArrayRef<int64_t> outputPadding,
                                             ArrayRef<int64_t> stride,
                                             ArrayRef<int64_t> dilation) {
  for (auto [i, op] : llvm::enumerate(outputPadding)) {
    int64_t limit = ::tconv::outputPaddingLimit(stride[i], dilation[i]);
    if (op >= limit)
      return diag.fail("expects 'output_padding' values < max(stride, "
                       "dilation), got ",
                       op, " at spatial dim ", i, " with stride ", stride[i],
                       " and dilation ", dilation[i]);
  }
  return success();
}

//===----------------------------------------------------------------------===//
// Per-flavor resolution into canonical form
//
// One resolver per op: it checks the op's own attributes and reduces them to
// canonical form. The operands, the group count, the stride and the dilation
// are checked before it, and filled in after it, by resolveConvTranspose.
//===----------------------------------------------------------------------===//

static FailureOr<CanonicalConvTranspose>
resolveCanonical(const Diagnoser &diag, ConvTransposeOp::Adaptor op,
                 const OperandShapes &shapes, const StrideAndDilation &) {
  int64_t rank = shapes.spatialRank();
  auto padLo = resolvePerDim(diag, "pad_lo", op.getPadLo(), rank, 0);
  if (failed(padLo))
    return failure();
  auto padHi = resolvePerDim(diag, "pad_hi", op.getPadHi(), rank, 0);
  if (failed(padHi))
    return failure();

  CanonicalConvTranspose canonical;
  for (int64_t i = 0; i < rank; ++i)
    canonical.padding.push_back({(*padLo)[i], (*padHi)[i], 0});
  return canonical;
}

static FailureOr<CanonicalConvTranspose>
resolveTorch(const Diagnoser &diag, TorchConvTransposeOp::Adaptor op,
             const OperandShapes &shapes, const StrideAndDilation &steps) {
  int64_t rank = shapes.spatialRank();
  StringRef paddingMode = getStringOr(op.getPaddingModeAttr(), "zeros");
  if (paddingMode != "zeros")
    return diag.fail("expects 'padding_mode' to be \"zeros\", the only mode "
                     "PyTorch implements for transposed convolution, got \"",
                     paddingMode, "\"");
  ArrayRef<int64_t> stride = steps.stride, dilation = steps.dilation;
  auto padding = resolvePerDim(diag, "padding", op.getPadding(), rank, 0);
  if (failed(padding) || failed(checkAtLeast(diag, "padding", *padding, 0)))
    return failure();
  auto outputPadding =
      resolvePerDim(diag, "output_padding", op.getOutputPadding(), rank, 0);
  if (failed(outputPadding) ||
      failed(checkAtLeast(diag, "output_padding", *outputPadding, 0)) ||
      failed(checkOutputPaddingBound(diag, *outputPadding, stride, dilation)))
    return failure();

  CanonicalConvTranspose canonical;
  for (int64_t i = 0; i < rank; ++i)
    canonical.padding.push_back(
        ::tconv::torchDimPadding((*padding)[i], (*outputPadding)[i]));
  return canonical;
}

/// Checks a MindSpore initializer name the way mindspore.common.initializer
/// looks it up (tconv/Support/InitializerNames.h). `tensorRank` is the rank of
/// the parameter it initializes; several initializers need a minimum rank
/// (fan computation, matrix shape).
static LogicalResult checkMsInitializer(const Diagnoser &diag, StringRef attr,
                                        StringRef name, int64_t tensorRank) {
  std::optional<::tconv::MsInitializer> kind =
      ::tconv::lookupMsInitializer(name);
  if (!kind) {
    // MindSpore registers Sparse, but a string cannot pass its sparsity.
    if (name.lower() == "sparse")
      return diag.fail("expects '", attr, "' to name an initializer usable "
                       "from a string, got \"",
                       name, "\" (Sparse needs a sparsity argument)");
    return diag.fail("expects '", attr,
                     "' to be a MindSpore initializer name, got \"", name,
                     "\" (the class corresponding to it was not found)");
  }
  ::tconv::MsInitializerRanks ranks = ::tconv::msInitializerRanks(*kind);
  if (tensorRank < ranks.min || tensorRank > ranks.max)
    return diag.fail("expects '", attr, "' to suit a tensor of rank ",
                     tensorRank, ", got \"", name, "\", which needs rank ",
                     ranks.min == ranks.max
                         ? std::to_string(ranks.min)
                         : std::to_string(ranks.min) + " to " +
                               std::to_string(ranks.max));
  return success();
}

static FailureOr<CanonicalConvTranspose>
resolveMs(const Diagnoser &diag, MsConvTransposeOp::Adaptor op,
          const OperandShapes &shapes, const StrideAndDilation &steps) {
  int64_t rank = shapes.spatialRank();
  StringRef padMode = getStringOr(op.getPadModeAttr(), "same");
  std::optional<MsPadMode> mode = ::tconv::parseMsPadMode(padMode);
  if (!mode)
    return diag.fail("expects 'pad_mode' to be \"same\", \"valid\" or \"pad\" "
                     "(case-sensitive, as MindSpore checks it), got \"",
                     padMode, "\"");
  ArrayRef<int64_t> stride = steps.stride, dilation = steps.dilation;

  // padding: one value per dim (both ends), or (begin, end) per dim.
  SmallVector<int64_t> padBegin(rank, 0), padEnd(rank, 0);
  if (std::optional<ArrayRef<int64_t>> padding = op.getPadding()) {
    int64_t size = padding->size();
    if (rank == 1 && size != 1)
      return diag.fail("expects 'padding' to have 1 value for 1 spatial dim "
                       "(Conv1dTranspose takes a single int), got ",
                       size, ": ", formatArray(*padding));
    if (size != rank && size != 2 * rank)
      return diag.fail("expects 'padding' to have ", rank,
                       " value(s) (one per spatial dim) or ", 2 * rank,
                       " values (begin, end per spatial dim), got ", size, ": ",
                       formatArray(*padding));
    // With (begin, end) pairs an entry is not a spatial dim: name its index.
    for (auto [i, p] : llvm::enumerate(*padding))
      if (p < 0)
        return diag.fail("expects 'padding' values >= 0, got ", p,
                         " at index ", i, " of ", formatArray(*padding));
    if (*mode != MsPadMode::Pad && llvm::any_of(*padding, [](int64_t p) {
          return p != 0;
        }))
      return diag.fail("expects 'padding' to be all zeros unless pad_mode is "
                       "\"pad\", got ",
                       formatArray(*padding), " with pad_mode \"",
                       padMode, "\"");
    for (int64_t i = 0; i < rank; ++i) {
      bool pairs = size == 2 * rank;
      padBegin[i] = (*padding)[pairs ? 2 * i : i];
      padEnd[i] = (*padding)[pairs ? 2 * i + 1 : i];
    }
  }

  SmallVector<int64_t> outputPadding(rank, 0);
  if (std::optional<ArrayRef<int64_t>> given = op.getOutputPadding()) {
    if (rank == 1)
      return diag.fail("expects no 'output_padding' for 1 spatial dim "
                       "(MindSpore's Conv1dTranspose has none), got ",
                       formatArray(*given));
    auto resolved = resolvePerDim(diag, "output_padding", given, rank, 0);
    if (failed(resolved) ||
        failed(checkAtLeast(diag, "output_padding", *resolved, 0)) ||
        failed(checkOutputPaddingBound(diag, *resolved, stride, dilation)))
      return failure();
    outputPadding = *resolved;
    bool nonZero = llvm::any_of(outputPadding, [](int64_t p) { return p; });
    if (nonZero && rank == 2 && *mode != MsPadMode::Pad)
      return diag.fail("expects pad_mode \"pad\" when 'output_padding' is "
                       "non-zero (Conv2dTranspose), got 'output_padding' ",
                       formatArray(outputPadding), " with pad_mode \"",
                       padMode, "\"");
    if (nonZero && rank == 3 && *mode == MsPadMode::Valid)
      return diag.fail("expects 'output_padding' to be zero with pad_mode "
                       "\"valid\" (Conv3dTranspose), got ",
                       formatArray(outputPadding));
  }

  if (std::optional<StringRef> weightInit = op.getWeightInit())
    if (failed(checkMsInitializer(diag, "weight_init", *weightInit, rank + 2)))
      return failure();
  if (std::optional<StringRef> biasInit = op.getBiasInit())
    if (failed(checkMsInitializer(diag, "bias_init", *biasInit, 1)))
      return failure();

  // Conv3DTranspose's SAME mode discards output_padding without a word
  // (Conv3DTransposeInfer); say so, since the user asked for it.
  if (*mode == MsPadMode::Same && rank == 3 &&
      llvm::any_of(outputPadding, [](int64_t p) { return p != 0; }))
    diag.warn("ignores 'output_padding' " + formatArray(outputPadding) +
              " with pad_mode \"same\", as MindSpore's Conv3dTranspose does");

  CanonicalConvTranspose canonical;
  for (int64_t i = 0; i < rank; ++i)
    canonical.padding.push_back(::tconv::msDimPadding(
        *mode, rank, shapes.kernelSize[i], stride[i], dilation[i], padBegin[i],
        padEnd[i], outputPadding[i]));
  return canonical;
}

/// The configurations on which ONNX implementations disagree (docs/spec.md
/// §3.5): valid, normalized with the current spec text as onnxruntime >= 1.14
/// implements it, and flagged so that a model written for another
/// implementation is not silently shifted.
static void
warnOnnxAmbiguities(const Diagnoser &diag, OnnxAutoPad mode, StringRef autoPad,
                    const OperandShapes &shapes, ArrayRef<int64_t> stride,
                    ArrayRef<int64_t> dilation,
                    std::optional<ArrayRef<int64_t>> pads,
                    ArrayRef<int64_t> outputPadding,
                    ArrayRef<std::optional<int64_t>> outputShape) {
  bool hasOutputShape = !outputShape.empty() && outputShape.front();
  bool same = mode == OnnxAutoPad::SameUpper || mode == OnnxAutoPad::SameLower;
  if (hasOutputShape && pads &&
      llvm::any_of(*pads, [](int64_t p) { return p != 0; }))
    diag.warn("ignores 'pads' " + formatArray(*pads) +
              " because 'output_shape' is given, as the ONNX spec and "
              "onnxruntime do (the ONNX reference evaluator would use them)");
  for (int64_t i = 0, e = shapes.spatialRank(); i < e; ++i) {
    int64_t op = outputPadding[i];
    std::string dim = " at spatial dim " + std::to_string(i);
    if (op >= stride[i])
      diag.warn("accepts 'output_padding' " + Twine(op) + dim +
                " (< max(strides, dilations) = " + Twine(dilation[i]) +
                ", the ONNX spec's bound, which tconv follows), but "
                "onnxruntime rejects output_padding >= strides (" +
                Twine(stride[i]) + ")");
    if (!::tconv::onnxUsesTotalPadding(mode, hasOutputShape))
      continue;
    // The verifier has checked that this fits in int64_t.
    int64_t total = *::tconv::onnxTotalPadding(
        shapes.inputSize[i], shapes.kernelSize[i], stride[i], dilation[i], op,
        outputShape[i]);
    if (!hasOutputShape && total < 0)
      diag.warn("clamps the total padding dilations*(k-1)+1 - strides + "
                "output_padding = " +
                Twine(total) + dim + " to 0 with auto_pad \"" + autoPad +
                "\", as onnxruntime and ONNX shape inference do: the output "
                "length is the full length plus output_padding, not the "
                "input length times strides (the ONNX reference evaluator "
                "gives that length, splitting the negative total between "
                "both ends)");
    if (!hasOutputShape && op > 0)
      diag.warn("counts 'output_padding' " + Twine(op) + dim +
                " in the total padding of auto_pad \"" + autoPad +
                "\" as onnxruntime does (output length input length times "
                "strides); ONNX shape inference adds it to that length");
    if (hasOutputShape && same && total < 0)
      diag.warn("clamps the total padding full length + output_padding - "
                "output_shape = " +
                Twine(total) + dim + " to 0 with auto_pad \"" + autoPad +
                "\", as onnxruntime does (positions appended at the end); "
                "the ONNX reference evaluator splits the negative total "
                "between both ends");
    if (hasOutputShape && !same && total > 0)
      diag.warn("crops the total padding " + Twine(total) + dim +
                " implied by 'output_shape' with auto_pad \"" + autoPad +
                "\" as the ONNX spec and onnxruntime >= 1.14 do (" +
                Twine(total - total / 2) + " at the start, " +
                Twine(total / 2) +
                " at the end); the ONNX reference evaluator crops it all at "
                "the end" +
                (total % 2 ? ", onnxruntime < 1.14 puts the odd one at the end"
                           : ""));
  }
}

/// The ONNX op's attributes with their defaults, checked against each other
/// and the operands, before the padding is derived.
static FailureOr<CanonicalConvTranspose>
resolveOnnx(const Diagnoser &diag, OnnxConvTransposeOp::Adaptor op,
            const OperandShapes &shapes, const StrideAndDilation &steps) {
  int64_t rank = shapes.spatialRank();
  StringRef autoPad = getStringOr(op.getAutoPadAttr(), "NOTSET");
  std::optional<OnnxAutoPad> mode = ::tconv::parseOnnxAutoPad(autoPad);
  if (!mode)
    return diag.fail("expects 'auto_pad' to be \"NOTSET\", \"SAME_UPPER\", "
                     "\"SAME_LOWER\" or \"VALID\" (case-sensitive, as ONNX "
                     "compares it), got \"",
                     autoPad, "\"");
  ArrayRef<int64_t> stride = steps.stride, dilation = steps.dilation;

  // kernel_shape is redundant with the weight; ONNX infers it from W.
  if (std::optional<ArrayRef<int64_t>> given = op.getKernelShape()) {
    auto kernelShape = resolvePerDim(diag, "kernel_shape", given, rank, 1);
    if (failed(kernelShape))
      return failure();
    if (ArrayRef<int64_t>(*kernelShape) != ArrayRef(shapes.kernelSize))
      return diag.fail("expects 'kernel_shape' to equal the weight's kernel "
                       "sizes ",
                       formatArray(shapes.kernelSize), ", got ",
                       formatArray(*kernelShape));
  }

  // pads: ONNX order, all begins then all ends.
  SmallVector<int64_t> padBegin(rank, 0), padEnd(rank, 0);
  std::optional<ArrayRef<int64_t>> pads = op.getPads();
  if (pads) {
    if (static_cast<int64_t>(pads->size()) != 2 * rank)
      return diag.fail("expects 'pads' to have ", 2 * rank,
                       " values (all begins, then all ends, for ", rank,
                       " spatial dim(s)), got ", pads->size(), ": ",
                       formatArray(*pads));
    for (auto [i, p] : llvm::enumerate(*pads))
      if (p < 0)
        return diag.fail("expects 'pads' values >= 0, got ", p, " at index ",
                         i, " of ", formatArray(*pads));
    // ONNX shape inference: "The pads attribute cannot be used
    // simultaneously with auto_pad attribute". All-zero pads are harmless
    // and accepted.
    if (*mode != OnnxAutoPad::NotSet &&
        llvm::any_of(*pads, [](int64_t p) { return p != 0; }))
      return diag.fail("expects 'pads' to be all zeros unless 'auto_pad' is "
                       "\"NOTSET\" (ONNX: pads cannot be used together with "
                       "auto_pad), got ",
                       formatArray(*pads), " with auto_pad \"", autoPad, "\"");
    for (int64_t i = 0; i < rank; ++i) {
      padBegin[i] = (*pads)[i];
      padEnd[i] = (*pads)[rank + i];
    }
  }

  auto outputPadding =
      resolvePerDim(diag, "output_padding", op.getOutputPadding(), rank, 0);
  if (failed(outputPadding) ||
      failed(checkAtLeast(diag, "output_padding", *outputPadding, 0)) ||
      failed(checkOutputPaddingBound(diag, *outputPadding, stride, dilation)))
    return failure();

  // output_shape: the spatial sizes, or the full output shape (onnxruntime
  // accepts both and uses only the spatial part).
  SmallVector<std::optional<int64_t>> outputShape(rank, std::nullopt);
  std::optional<ArrayRef<int64_t>> givenShape = op.getOutputShape();
  if (givenShape) {
    int64_t size = givenShape->size();
    if (size != rank && size != rank + 2)
      return diag.fail("expects 'output_shape' to have ", rank,
                       " value(s), one per spatial dim, or ", rank + 2,
                       " (the full output shape), got ", size, ": ",
                       formatArray(*givenShape));
    ArrayRef<int64_t> spatial = givenShape->take_back(rank);
    for (int64_t i = 0; i < rank; ++i) {
      if (spatial[i] < 1)
        return diag.fail("expects 'output_shape' spatial values >= 1, got ",
                         spatial[i], " at spatial dim ", i);
      if (ShapedType::isDynamic(shapes.inputSize[i]))
        return diag.fail("expects a static input size at spatial dim ", i,
                         " when 'output_shape' is given (the pads it implies "
                         "depend on the input size)");
      outputShape[i] = spatial[i];
    }
  }

  CanonicalConvTranspose canonical;
  for (int64_t i = 0; i < rank; ++i) {
    std::optional<DimPadding> pad = ::tconv::onnxDimPadding(
        *mode, shapes.inputSize[i], shapes.kernelSize[i], stride[i],
        dilation[i], padBegin[i], padEnd[i], (*outputPadding)[i],
        outputShape[i]);
    if (!pad)
      return diag.fail("expects the padding ONNX implies at spatial dim ", i,
                       " to fit in 64 bits");
    canonical.padding.push_back(*pad);
  }

  warnOnnxAmbiguities(diag, *mode, autoPad, shapes, stride, dilation, pads,
                      *outputPadding, outputShape);
  return canonical;
}

//===----------------------------------------------------------------------===//
// Result type inference
//===----------------------------------------------------------------------===//

static FailureOr<RankedTensorType>
inferResultType(const Diagnoser &diag, const OperandShapes &shapes,
                const CanonicalConvTranspose &canonical) {
  SmallVector<int64_t> shape = {shapes.batch, shapes.outChannels};
  for (int64_t i = 0; i < shapes.spatialRank(); ++i) {
    const DimPadding &pad = canonical.padding[i];
    // The cropped length before any trailing zeros must be positive.
    DimPadding cropOnly = {pad.padLo, pad.padHi, 0};
    std::optional<int64_t> full = ::tconv::checkedFullTransposedLength(
        shapes.inputSize[i], shapes.kernelSize[i], canonical.stride[i],
        canonical.dilation[i]);
    std::optional<int64_t> cropped = ::tconv::checkedTransposedOutputLength(
        shapes.inputSize[i], shapes.kernelSize[i], canonical.stride[i],
        canonical.dilation[i], cropOnly);
    std::optional<int64_t> length = ::tconv::checkedTransposedOutputLength(
        shapes.inputSize[i], shapes.kernelSize[i], canonical.stride[i],
        canonical.dilation[i], pad);
    if (!full)
      return diag.fail("expects the full length (L-1)*s + d*(k-1) + 1 at "
                       "spatial dim ",
                       i, " to fit in 64 bits, got input length ",
                       shapes.inputSize[i], ", kernel size ",
                       shapes.kernelSize[i], ", 'stride' ", canonical.stride[i],
                       " and 'dilation' ", canonical.dilation[i]);
    if (!cropped || !length)
      return diag.fail("expects the output length at spatial dim ", i,
                       " to fit in 64 bits, got full length ", *full,
                       " with pad_lo ", pad.padLo, " and pad_hi ", pad.padHi);
    if (!ShapedType::isDynamic(*cropped) && *cropped < 1) {
      return diag.fail("expects a positive output length at spatial dim ", i,
                       ", got ", *cropped, " (full length ", *full,
                       " minus pad_lo ", pad.padLo, " and pad_hi ", pad.padHi,
                       ")");
    }
    shape.push_back(*length);
  }
  return RankedTensorType::get(shape, shapes.elementType);
}

//===----------------------------------------------------------------------===//
// The op methods TconvOps.td writes once for all four ops
//===----------------------------------------------------------------------===//

/// Checks the operands and the stride and dilation, then the op's own
/// attributes with `resolve` (the op's resolver, for its adaptor), and fills
/// in the stride, dilation and group count (read from `groupsAttr`, named
/// `groupsName` in diagnostics).
template <typename Adaptor>
static FailureOr<ResolvedConvTranspose> resolveConvTranspose(
    const Diagnoser &diag, Adaptor adaptor, IntegerAttr groupsAttr,
    StringRef groupsName,
    FailureOr<CanonicalConvTranspose> (*resolve)(
        const Diagnoser &, Adaptor, const OperandShapes &,
        const StrideAndDilation &)) {
  int64_t groups = getSignedOr(groupsAttr, 1);
  FailureOr<OperandShapes> shapes =
      verifyOperandShapes(diag, adaptor.getInput(), adaptor.getWeight(),
                          adaptor.getBias(), groups, groupsName);
  if (failed(shapes))
    return failure();
  FailureOr<StrideAndDilation> steps =
      resolveStrideAndDilationOf(diag, adaptor, *shapes);
  if (failed(steps))
    return failure();
  FailureOr<CanonicalConvTranspose> canonical =
      resolve(diag, adaptor, *shapes, *steps);
  if (failed(canonical))
    return failure();
  canonical->stride = std::move(steps->stride);
  canonical->dilation = std::move(steps->dilation);
  canonical->groups = groups;
  return ResolvedConvTranspose{std::move(*shapes), std::move(*canonical)};
}

/// inferReturnTypes.
static LogicalResult
inferResultTypes(const Diagnoser &diag,
                 const FailureOr<ResolvedConvTranspose> &resolved,
                 SmallVectorImpl<Type> &inferred) {
  if (failed(resolved))
    return failure();
  FailureOr<RankedTensorType> type =
      inferResultType(diag, resolved->shapes, resolved->canonical);
  if (failed(type))
    return failure();
  inferred.push_back(*type);
  return success();
}

/// isCompatibleReturnTypes. The interface's own check would report a shape
/// mismatch as a bare "inferred type(s) ... are incompatible"; accepting here
/// lets verify() report it with the dimension and both lengths. Element type
/// and rank are checked there too.
static bool haveSameResultCount(TypeRange inferred, TypeRange declared) {
  return inferred.size() == declared.size();
}

/// verify(): the declared result against the inferred one, then the warnings
/// `diag` collected while resolving, now that the op is known to be valid.
static LogicalResult
verifyResultType(Operation *op, const Diagnoser &diag,
                 const FailureOr<ResolvedConvTranspose> &resolved) {
  // The interface's verifier ran inference before verify() (traits are
  // verified first), so this only fails if that already reported an error.
  if (failed(resolved))
    return failure();
  FailureOr<RankedTensorType> inferred =
      inferResultType(diag, resolved->shapes, resolved->canonical);
  if (failed(inferred))
    return failure();
  RankedTensorType expected = *inferred;
  auto actual = cast<RankedTensorType>(op->getResult(0).getType());

  if (actual.getElementType() != expected.getElementType())
    return op->emitOpError("expects result element type ")
           << expected.getElementType() << " (the input's), got "
           << actual.getElementType();
  if (actual.getRank() != expected.getRank())
    return op->emitOpError("expects result of rank ")
           << expected.getRank() << ", got " << actual.getRank();
  for (int64_t d = 0; d < actual.getRank(); ++d) {
    int64_t want = expected.getDimSize(d), got = actual.getDimSize(d);
    if (ShapedType::isDynamic(want) || ShapedType::isDynamic(got) ||
        want == got)
      continue;
    std::string what = d == 0   ? "batch"
                       : d == 1 ? "output channels"
                                : "output length of spatial dim " +
                                      std::to_string(d - 2);
    return op->emitOpError("expects result dim ")
           << d << " (" << what << ") to be " << want << ", got " << got;
  }
  diag.emitWarnings();
  return success();
}

/// getCanonicalForm(), which ConvTransposeLikeOpInterface allows only on a
/// verified op.
static CanonicalConvTranspose
canonicalFormOfVerifiedOp(FailureOr<ResolvedConvTranspose> resolved) {
  assert(succeeded(resolved) && "expects a verified op");
  return std::move(resolved->canonical);
}

#define GET_OP_CLASSES
#include "tconv/Dialect/Tconv/IR/TconvOps.cpp.inc"
