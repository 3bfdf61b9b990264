//===- TconvDialect.td - The tconv dialect -----------------*- tablegen -*-===//

#ifndef TCONV_DIALECT_TD
#define TCONV_DIALECT_TD

include "mlir/IR/OpBase.td"

def Tconv_Dialect : Dialect {
  let name = "tconv";
  let summary = "Transposed convolution across framework flavors";
  let description = [{
    The `tconv` dialect models transposed convolution ("deconvolution") as the
    frameworks define it. One op per framework flavor keeps the user's
    parameters exactly as written (`tconv.torch_conv_transpose` for PyTorch's
    `nn.ConvTranspose{1,2,3}d`, `tconv.ms_conv_transpose` for MindSpore's
    `nn.Conv{1,2,3}dTranspose`, `tconv.onnx_conv_transpose` for ONNX's
    `ConvTranspose`), and one canonical op,
    `tconv.conv_transpose`, states the padding explicitly as the number of
    positions dropped from (or, negative, appended to) each end of the full
    transposed output. Normalization (`--tconv-normalize`, or
    `--canonicalize`) rewrites every flavor op into the canonical op.

    All ops are channels-first: input `(N, Cin, S...)`, weight
    `(Cin, Cout/groups, K...)`, optional bias `(Cout)`, result
    `(N, Cout, O...)`, with 1, 2 or 3 spatial dimensions taken from the
    input's rank.
  }];
  let cppNamespace = "::mlir::tconv";
  let dependentDialects = ["::mlir::arith::ArithDialect",
                           "::mlir::math::MathDialect",
                           "::mlir::tensor::TensorDialect"];
}

class Tconv_Op<string mnemonic, list<Trait> traits = []>
    : Op<Tconv_Dialect, mnemonic, traits>;

#endif // TCONV_DIALECT_TD
