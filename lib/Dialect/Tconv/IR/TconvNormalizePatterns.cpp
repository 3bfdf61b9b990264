//===- TconvNormalizePatterns.cpp - Flavor ops to tconv.conv_transpose ----===//
//
// One small pattern per flavor (PyTorch and ONNX share one template). All read
// the canonical padding from the op's getCanonicalForm()
// (ConvTransposeLikeOpInterface), the code that verified the op, so the
// rewrite cannot disagree with the verifier or type inference.
//
//===----------------------------------------------------------------------===//

#include "tconv/Dialect/Tconv/IR/TconvOps.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/PatternMatch.h"

using namespace mlir;
using namespace mlir::tconv;

/// Builds the canonical op for `canonical`, typed `resultType`.
static ConvTransposeOp
createCanonicalOp(PatternRewriter &rewriter, Location loc, Type resultType,
                  Value input, Value weight, Value bias,
                  const CanonicalConvTranspose &canonical) {
  SmallVector<int64_t> padLo, padHi;
  for (const ::tconv::DimPadding &pad : canonical.padding) {
    padLo.push_back(pad.padLo);
    padHi.push_back(pad.padHi);
  }
  return ConvTransposeOp::create(
      rewriter, loc, resultType, input, weight, bias,
      rewriter.getDenseI64ArrayAttr(canonical.stride),
      rewriter.getDenseI64ArrayAttr(canonical.dilation),
      rewriter.getDenseI64ArrayAttr(padLo),
      rewriter.getDenseI64ArrayAttr(padHi),
      rewriter.getI64IntegerAttr(canonical.groups));
}

namespace {

/// A flavor op whose canonical form is the canonical op alone (PyTorch: (p,
/// p - op); ONNX: the pads auto_pad / pads / output_padding / output_shape
/// imply) -> tconv.conv_transpose with the same operands and result type.
template <typename FlavorOp>
struct NormalizeToCanonicalOp : public OpRewritePattern<FlavorOp> {
  using OpRewritePattern<FlavorOp>::OpRewritePattern;

  LogicalResult matchAndRewrite(FlavorOp op,
                                PatternRewriter &rewriter) const override {
    CanonicalConvTranspose canonical = op.getCanonicalForm();
    ConvTransposeOp result =
        createCanonicalOp(rewriter, op.getLoc(), op.getType(), op.getInput(),
                          op.getWeight(), op.getBias(), canonical);
    rewriter.replaceOp(op, result);
    return success();
  }
};
using NormalizeTorchConvTranspose =
    NormalizeToCanonicalOp<TorchConvTransposeOp>;
using NormalizeOnnxConvTranspose = NormalizeToCanonicalOp<OnnxConvTransposeOp>;

/// tconv.ms_conv_transpose -> tconv.conv_transpose, followed by a zero
/// tensor.pad at the high end when Conv2dTranspose's output_padding appends
/// hard zeros after the bias add. weight_init/bias_init are kept as
/// discardable attributes.
struct NormalizeMsConvTranspose : public OpRewritePattern<MsConvTransposeOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(MsConvTransposeOp op,
                                PatternRewriter &rewriter) const override {
    CanonicalConvTranspose canonical = op.getCanonicalForm();
    RankedTensorType resultType = op.getType();

    // The canonical op's result: the final one without the trailing zeros.
    SmallVector<int64_t> convShape(resultType.getShape());
    bool hasTrailingZeros = false;
    for (auto [i, pad] : llvm::enumerate(canonical.padding)) {
      if (pad.trailingZeros == 0)
        continue;
      hasTrailingZeros = true;
      if (!ShapedType::isDynamic(convShape[i + 2]))
        convShape[i + 2] -= pad.trailingZeros;
    }
    auto convType =
        RankedTensorType::get(convShape, resultType.getElementType());

    ConvTransposeOp conv =
        createCanonicalOp(rewriter, op.getLoc(), convType, op.getInput(),
                          op.getWeight(), op.getBias(), canonical);
    if (std::optional<StringRef> init = op.getWeightInit())
      conv->setAttr(kWeightInitAttrName, rewriter.getStringAttr(*init));
    if (std::optional<StringRef> init = op.getBiasInit())
      conv->setAttr(kBiasInitAttrName, rewriter.getStringAttr(*init));

    if (!hasTrailingZeros) {
      rewriter.replaceOp(op, conv);
      return success();
    }

    SmallVector<OpFoldResult> low(resultType.getRank(),
                                  rewriter.getIndexAttr(0));
    SmallVector<OpFoldResult> high(resultType.getRank(),
                                   rewriter.getIndexAttr(0));
    for (auto [i, pad] : llvm::enumerate(canonical.padding))
      high[i + 2] = rewriter.getIndexAttr(pad.trailingZeros);
    Value zero = arith::ConstantOp::create(
        rewriter, op.getLoc(),
        rewriter.getZeroAttr(resultType.getElementType()));
    auto padOp = tensor::PadOp::create(rewriter, op.getLoc(), resultType,
                                       conv.getResult(), low, high, zero);
    rewriter.replaceOp(op, padOp.getResult());
    return success();
  }
};

} // namespace

void mlir::tconv::populateTconvNormalizationPatterns(
    RewritePatternSet &patterns) {
  patterns.add<NormalizeTorchConvTranspose, NormalizeMsConvTranspose,
               NormalizeOnnxConvTranspose>(patterns.getContext());
}

void TorchConvTransposeOp::getCanonicalizationPatterns(
    RewritePatternSet &patterns, MLIRContext *) {
  patterns.add<NormalizeTorchConvTranspose>(patterns.getContext());
}

void MsConvTransposeOp::getCanonicalizationPatterns(RewritePatternSet &patterns,
                                                    MLIRContext *) {
  patterns.add<NormalizeMsConvTranspose>(patterns.getContext());
}

void OnnxConvTransposeOp::getCanonicalizationPatterns(
    RewritePatternSet &patterns, MLIRContext *) {
  patterns.add<NormalizeOnnxConvTranspose>(patterns.getContext());
}
