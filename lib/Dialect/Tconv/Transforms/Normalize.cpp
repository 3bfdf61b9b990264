//===- Normalize.cpp - The --tconv-normalize pass -------------------------===//

#include "tconv/Dialect/Tconv/IR/TconvOps.h"
#include "tconv/Dialect/Tconv/Transforms/Passes.h"

#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

namespace mlir::tconv {
#define GEN_PASS_DEF_TCONVNORMALIZE
#include "tconv/Dialect/Tconv/Transforms/Passes.h.inc"
} // namespace mlir::tconv

using namespace mlir;
using namespace mlir::tconv;

namespace {

struct TconvNormalizePass
    : public mlir::tconv::impl::TconvNormalizeBase<TconvNormalizePass> {
  void runOnOperation() override {
    RewritePatternSet patterns(&getContext());
    populateTconvNormalizationPatterns(patterns);
    if (failed(applyPatternsGreedily(getOperation(), std::move(patterns))))
      return signalPassFailure();
  }
};

} // namespace
