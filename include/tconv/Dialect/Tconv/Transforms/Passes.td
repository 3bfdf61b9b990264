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

def TconvFuseElementwise : Pass<"tconv-fuse-elementwise", "::mlir::func::FuncOp"> {
  let summary = "Gather the elementwise ops around a transposed convolution "
                "into tconv.map prologue and epilogue";
  let description = [{
    In a func holding one canonical `tconv.conv_transpose` (run after
    `--tconv-normalize`), moves the elementwise `arith` and `math` ops on
    tensors that compute the convolution's input from the func's first
    argument into one `tconv.map` (the prologue), and those that compute the
    returned value from the convolution's result (after MindSpore's trailing
    zero `tensor.pad`, if any) into another (the epilogue). Their other
    operands may be splat constants (`arith.constant dense<c>`,
    `tensor.splat` of a scalar constant), per-channel func arguments of type
    `tensor<C x T>` broadcast by `tconv.channel_broadcast`, and func arguments of the mapped tensor's full shape. Any other
    op on the way is an error that names it (docs/fusion.md).
  }];
  let dependentDialects = ["::mlir::arith::ArithDialect",
                           "::mlir::math::MathDialect",
                           "::mlir::tensor::TensorDialect"];
}

#endif // TCONV_PASSES_TD
