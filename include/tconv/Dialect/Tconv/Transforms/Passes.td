//===- Passes.td - tconv passes ----------------------------*- tablegen -*-===//

#ifndef TCONV_PASSES_TD
#define TCONV_PASSES_TD

include "mlir/Pass/PassBase.td"

def TconvNormalize : Pass<"tconv-normalize"> {
  let summary = "Rewrite every flavor op into tconv.conv_transpose";
  let description = [{
    Rewrites `tconv.torch_conv_transpose`, `tconv.ms_conv_transpose` and
    `tconv.onnx_conv_transpose` into the canonical `tconv.conv_transpose` with explicit `pad_lo`/`pad_hi`,
    value for value (docs/semantics.md has the table). MindSpore's 2-D
    `output_padding`, which appends hard zeros after the bias, becomes a zero
    `tensor.pad` after the canonical op. The same patterns run under
    `--canonicalize`.
  }];
  let dependentDialects = ["::mlir::arith::ArithDialect",
                           "::mlir::tensor::TensorDialect"];
}

#endif // TCONV_PASSES_TD
