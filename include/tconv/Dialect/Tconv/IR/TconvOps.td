//===- TconvOps.td - tconv operations ----------------------*- tablegen -*-===//

#ifndef TCONV_OPS_TD
#define TCONV_OPS_TD

include "tconv/Dialect/Tconv/IR/TconvDialect.td"
include "tconv/Dialect/Tconv/IR/TconvInterfaces.td"
include "mlir/Interfaces/InferTypeOpInterface.td"
include "mlir/Interfaces/SideEffectInterfaces.td"
include "mlir/IR/CommonAttrConstraints.td"

// Channels-first tensors with 1, 2 or 3 spatial dimensions (the rank is
// checked by the verifiers, which name the offending rank).
def Tconv_Tensor : RankedTensorOf<[F16, BF16, F32, F64]>;

// Shared by the four ops: the verifier runs inside type inference (so that a
// builder or the parser that infers the result reports the precise rule), and
// the result type is compared with the inferred one dimension by dimension in
// verify(), which names the dimension and both lengths.
//
// The bodies of inferReturnTypes, isCompatibleReturnTypes, verify and
// getCanonicalForm are written once, here; the functions they call are in
// TconvOps.cpp. What differs between the ops is passed in: the attribute that
// holds the group count (`groups`, or `group` as MindSpore and ONNX spell it)
// and the function that checks the op's own attributes and resolves them into
// canonical form.
class Tconv_ConvTransposeOp<string mnemonic, string groupsAttr,
                            string resolver>
    : Tconv_Op<mnemonic, [Pure, InferTypeOpAdaptorWithIsCompatible,
          DeclareOpInterfaceMethods<Tconv_ConvTransposeLikeOpInterface>]> {
  let assemblyFormat = [{
    $input `,` $weight (`,` $bias^)? attr-dict `:` functional-type(operands, results)
  }];
  let hasVerifier = 1;

  // "groups" -> "getGroupsAttr", the generated accessor.
  defvar getGroupsAttr = "get" # !toupper(!substr(groupsAttr, 0, 1))
                       # !substr(groupsAttr, 1) # "Attr";
  let extraClassDefinition = [{
    // This op's part: its group count and its resolver.
    static ::mlir::FailureOr<ResolvedConvTranspose>
    resolveConvTransposeOp(const Diagnoser &diag, $cppClass::Adaptor adaptor) {
      return resolveConvTranspose(diag, adaptor, adaptor.}] # getGroupsAttr
          # [{(), "}] # groupsAttr # [{", }] # resolver # [{);
    }

    ::llvm::LogicalResult $cppClass::inferReturnTypes(
        ::mlir::MLIRContext *, std::optional<::mlir::Location> loc,
        Adaptor adaptor, ::llvm::SmallVectorImpl<::mlir::Type> &inferred) {
      Diagnoser diag(loc, getOperationName());
      return inferResultTypes(diag, resolveConvTransposeOp(diag, adaptor),
                              inferred);
    }

    bool $cppClass::isCompatibleReturnTypes(::mlir::TypeRange inferred,
                                            ::mlir::TypeRange declared) {
      return haveSameResultCount(inferred, declared);
    }

    ::llvm::LogicalResult $cppClass::verify() {
      Diagnoser diag(getLoc(), getOperationName(), /*collectWarnings=*/true);
      return verifyResultType(*this, diag,
                              resolveConvTransposeOp(diag, Adaptor(*this)));
    }

    ::mlir::tconv::CanonicalConvTranspose $cppClass::getCanonicalForm() {
      Diagnoser quiet(std::nullopt, getOperationName());
      return canonicalFormOfVerifiedOp(
          resolveConvTransposeOp(quiet, Adaptor(*this)));
    }
  }];
}

//===----------------------------------------------------------------------===//
// tconv.conv_transpose (canonical)
//===----------------------------------------------------------------------===//

def Tconv_ConvTransposeOp
    : Tconv_ConvTransposeOp<"conv_transpose", "groups", "resolveCanonical"> {
  let summary = "Canonical transposed convolution with explicit padding";
  let description = [{
    The canonical form every flavor op normalizes to. Per spatial dimension,
    with input length `L`, kernel size `k`, stride `s` and dilation `d`, the
    full transposed output has length `F = (L-1)*s + d*(k-1) + 1`:

    ```
    full[n, co, j] = sum_{ci in group(co)} sum_{i, t : j = i*s + t*d}
                         input[n, ci, i] * weight[ci, co mod (Cout/groups), t]
    ```

    The result drops `pad_lo[i]` positions at the start and `pad_hi[i]` at the
    end of `full`; a negative value appends that many positions, which receive
    no input and hold only the bias (0 without bias):

    ```
    O = F - pad_lo - pad_hi            (must be >= 1)
    result[n, co, m] = bias[co] + (0 <= m + pad_lo < F ? full[n, co, m + pad_lo] : 0)
    ```

    Operands: `input` `(N, Cin, S...)`, `weight` `(Cin, Cout/groups, K...)`,
    optional `bias` `(Cout)`. `N` and the spatial sizes may be dynamic; the
    channel counts and the kernel must be static.

    Example (PyTorch `ConvTranspose1d(3, 64, 5, stride=3, padding=2,
    output_padding=2)` on a length-50 input):

    ```mlir
    %0 = tconv.conv_transpose %x, %w {dilation = array<i64: 1>,
           pad_hi = array<i64: 0>, pad_lo = array<i64: 2>, stride = array<i64: 3>}
         : (tensor<1x3x50xf32>, tensor<3x64x5xf32>) -> tensor<1x64x150xf32>
    ```
  }];
  let arguments = (ins
    Tconv_Tensor:$input,
    Tconv_Tensor:$weight,
    Optional<Tconv_Tensor>:$bias,
    DenseI64ArrayAttr:$stride,
    DenseI64ArrayAttr:$dilation,
    DenseI64ArrayAttr:$pad_lo,
    DenseI64ArrayAttr:$pad_hi,
    DefaultValuedAttr<I64Attr, "1">:$groups
  );
  let results = (outs Tconv_Tensor:$output);
}

//===----------------------------------------------------------------------===//
// tconv.torch_conv_transpose (PyTorch)
//===----------------------------------------------------------------------===//

def Tconv_TorchConvTransposeOp
    : Tconv_ConvTransposeOp<"torch_conv_transpose", "groups", "resolveTorch"> {
  let summary = "PyTorch nn.ConvTranspose{1,2,3}d / F.conv_transpose{1,2,3}d";
  let description = [{
    PyTorch's transposed convolution with its parameters as written. Array
    attributes have one entry per spatial dimension; an absent attribute takes
    PyTorch's default (`stride` 1, `padding` 0, `output_padding` 0,
    `dilation` 1). Weight layout `(Cin, Cout/groups, K...)`; the bias operand
    is present when the module has `bias=True`.

    Semantics (torch 1.13, checked against PyTorch): `padding` crops `p`
    positions from both ends of the full output and `output_padding` re-extends
    the end by `op`, i.e. canonical `pad_lo = p`, `pad_hi = p - op`:

    ```
    O = (L-1)*s - 2*p + d*(k-1) + op + 1
    ```

    PyTorch's rules, all enforced by the verifier: `stride`, `dilation`,
    `groups` and kernel sizes positive; `padding` and `output_padding`
    non-negative; `output_padding < max(stride, dilation)`;
    `padding_mode == "zeros"` (the only mode PyTorch implements for transposed
    convolution); `Cin` and `Cout` divisible by `groups`; `O >= 1`.
  }];
  let arguments = (ins
    Tconv_Tensor:$input,
    Tconv_Tensor:$weight,
    Optional<Tconv_Tensor>:$bias,
    OptionalAttr<DenseI64ArrayAttr>:$stride,
    OptionalAttr<DenseI64ArrayAttr>:$padding,
    OptionalAttr<DenseI64ArrayAttr>:$output_padding,
    OptionalAttr<DenseI64ArrayAttr>:$dilation,
    DefaultValuedAttr<I64Attr, "1">:$groups,
    DefaultValuedStrAttr<StrAttr, "zeros">:$padding_mode
  );
  let results = (outs Tconv_Tensor:$output);
  let hasCanonicalizer = 1;
}

//===----------------------------------------------------------------------===//
// tconv.ms_conv_transpose (MindSpore)
//===----------------------------------------------------------------------===//

def Tconv_MsConvTransposeOp
    : Tconv_ConvTransposeOp<"ms_conv_transpose", "group", "resolveMs"> {
  let summary = "MindSpore nn.Conv{1,2,3}dTranspose";
  let description = [{
    MindSpore's transposed convolution with its parameters as written. The
    bias operand is present exactly when the layer has `has_bias=True`
    (MindSpore's default is `False`). Weight layout `(Cin, Cout/group, K...)`.

    * `pad_mode`: `"same"` (default), `"valid"` or `"pad"`, case-sensitive as
      in MindSpore. With `dk = d*(k-1)+1`:
      - `"same"`: output `L*s`; canonical `(floor((dk-s)/2), ceil((dk-s)/2))`
        when `dk >= s` (the odd element is cropped at the end), `(0, dk-s)`
        when `dk < s` (the extra positions at the end hold only the bias).
      - `"valid"`: output `L*s + max(dk-s, 0)`; canonical `(0, min(0, dk-s))`.
      - `"pad"`: canonical `(begin, end)` from `padding`.
    * `padding`: non-negative; non-zero only with `pad_mode = "pad"`. Either
      one value per spatial dimension (both ends), or MindSpore's tuple form
      with a (begin, end) pair per dimension in MindSpore's order: 2-D
      `(top, bottom, left, right)`, 3-D `(head, tail, top, bottom, left, right)`.
      `Conv1dTranspose` takes a single int.
    * `output_padding`: one value per spatial dimension, `0 <= op <
      max(stride, dilation)`. `Conv1dTranspose` has none. `Conv2dTranspose`
      (r2.0+) requires `pad_mode = "pad"` for a non-zero value and appends
      `op` hard zeros *after* the bias add (not PyTorch's semantics); it
      normalizes to `tconv.conv_transpose` followed by a zero `tensor.pad`.
      `Conv3dTranspose` applies it like PyTorch, `(head, tail - op)`, rejects
      it with `"valid"` and silently drops it with `"same"` (a warning here).
    * `group`: positive, divides `Cin` and `Cout`.
    * `weight_init`, `bias_init`: optional initializer names, accepted as
      MindSpore accepts them (case-insensitive, aliases included): `normal`,
      `uniform`, `truncatednormal`, `heuniform`/`he_uniform`,
      `henormal`/`he_normal`, `xavieruniform`/`xavier_uniform`,
      `xaviernormal`/`xavier_normal`, `one`/`ones`, `zero`/`zeros`,
      `identity` (2-D weights only), `dirac`, `orthogonal`,
      `variancescaling`. Normalization keeps them on the canonical op as
      the discardable attributes `tconv.weight_init` / `tconv.bias_init`.
  }];
  let arguments = (ins
    Tconv_Tensor:$input,
    Tconv_Tensor:$weight,
    Optional<Tconv_Tensor>:$bias,
    OptionalAttr<DenseI64ArrayAttr>:$stride,
    OptionalAttr<DenseI64ArrayAttr>:$dilation,
    DefaultValuedStrAttr<StrAttr, "same">:$pad_mode,
    OptionalAttr<DenseI64ArrayAttr>:$padding,
    OptionalAttr<DenseI64ArrayAttr>:$output_padding,
    DefaultValuedAttr<I64Attr, "1">:$group,
    OptionalAttr<StrAttr>:$weight_init,
    OptionalAttr<StrAttr>:$bias_init
  );
  let results = (outs Tconv_Tensor:$output);
  let hasCanonicalizer = 1;
}

//===----------------------------------------------------------------------===//
// tconv.onnx_conv_transpose (ONNX)
//===----------------------------------------------------------------------===//

def Tconv_OnnxConvTransposeOp
    : Tconv_ConvTransposeOp<"onnx_conv_transpose", "group", "resolveOnnx"> {
  let summary = "ONNX ConvTranspose (opset 11, 22)";
  let description = [{
    ONNX's `ConvTranspose` with its attributes as written in the model. Array
    attributes have one entry per spatial dimension unless stated otherwise;
    an absent attribute takes ONNX's default (`strides` and `dilations` 1,
    `pads` and `output_padding` 0, `kernel_shape` from the weight). Inputs
    `X (N, C, D...)`, `W (C, M/group, k...)` (PyTorch's layout) and the
    optional `B (M)`; the output has `W.shape[1] * group` channels.

    Semantics: the current ONNX spec text, as onnxruntime >= 1.14 implements
    it (measured with onnxruntime 1.30). Per spatial dimension, with
    `dk = d*(k-1)+1`, `F = (L-1)*s + dk` and `op = output_padding`:

    ```
    NOTSET, no output_shape       canonical (pads_begin, pads_end - op)
    VALID,  no output_shape       canonical (0, -op)
    SAME_*, no output_shape       T = max(0, dk - s + op)
    output_shape O (any auto_pad) T = max(0, F + op - O)
    SAME_UPPER: lo = floor(T/2);  every other mode: lo = ceil(T/2)
    hi = T - lo - op (no output_shape),  hi = F - lo - O (output_shape)
    ```

    So SAME_* gives `L*s` (the odd element cropped at the end for SAME_UPPER,
    at the start for SAME_LOWER) and `output_shape` gives exactly `O`; a
    negative total is clamped at 0 as onnxruntime does, and the extra
    positions are appended at the end (they hold only the bias).

    Rules, all checked by the verifier: `auto_pad` is `"NOTSET"`,
    `"SAME_UPPER"`, `"SAME_LOWER"` or `"VALID"` (case-sensitive); `pads` has
    `2 * rank` entries in ONNX's order (all begins, then all ends), each
    `>= 0`, and must be all zeros unless `auto_pad` is `"NOTSET"`;
    `strides`, `dilations`, `group` positive; `0 <= output_padding <
    max(stride, dilation)`; `kernel_shape`, when given, equals the weight's
    kernel sizes; `output_shape` has `rank` entries (or `rank + 2`, the full
    output shape onnxruntime also accepts, whose leading two entries are
    ignored as onnxruntime ignores them), each `>= 1`, and needs static
    spatial input sizes; `group` divides `C`; the output length is `>= 1`.

    Where ONNX implementations disagree, the verifier warns and says which
    one tconv follows (docs/semantics.md): SAME_* with `dk - s + op < 0`
    (output `F + op`, not `L*s`), SAME_* with `op > 0` (onnxruntime's `L*s`,
    not shape inference's `L*s + op`), SAME_* with `output_shape > F + op`
    (clamped, not split), `output_shape` with a positive total under
    NOTSET/VALID (the reference evaluator crops only at the end),
    `s <= op < d` (onnxruntime rejects it), and `pads` together with
    `output_shape` (ignored, as the spec says). Warnings are emitted once the
    op is valid and do not stop normalization.

    Example (ONNX backend test `test_convtranspose_autopad_same`):

    ```mlir
    %0 = tconv.onnx_conv_transpose %x, %w {auto_pad = "SAME_UPPER",
           strides = array<i64: 2, 2>}
         : (tensor<1x1x3x3xf32>, tensor<1x2x3x3xf32>) -> tensor<1x2x6x6xf32>
    ```
  }];
  let arguments = (ins
    Tconv_Tensor:$input,
    Tconv_Tensor:$weight,
    Optional<Tconv_Tensor>:$bias,
    DefaultValuedStrAttr<StrAttr, "NOTSET">:$auto_pad,
    OptionalAttr<DenseI64ArrayAttr>:$pads,
    OptionalAttr<DenseI64ArrayAttr>:$output_padding,
    OptionalAttr<DenseI64ArrayAttr>:$output_shape,
    OptionalAttr<DenseI64ArrayAttr>:$dilations,
    OptionalAttr<DenseI64ArrayAttr>:$strides,
    OptionalAttr<DenseI64ArrayAttr>:$kernel_shape,
    DefaultValuedAttr<I64Attr, "1">:$group
  );
  let results = (outs Tconv_Tensor:$output);
  let hasCanonicalizer = 1;
}

//===----------------------------------------------------------------------===//
// tconv.map and tconv.yield (fused elementwise code)
//===----------------------------------------------------------------------===//

def Tconv_MapOp : Tconv_Op<"map", [Pure, IsolatedFromAbove, SingleBlock]> {
  let summary = "Elementwise code fused into a transposed convolution";
  let description = [{
    Applies its scalar body to every element of its first operand, `data`,
    a channels-first tensor `(N, C, S...)`, and yields the result element.
    `--tconv-fuse-elementwise` gathers the elementwise `arith` and `math` ops
    on a convolution's input into one `tconv.map` (the prologue) and those on
    its result into another (the epilogue); the code generator computes the
    prologue while it packs the input, before the zero padding, and the
    epilogue on the register block before the store (docs/fusion.md).

    The body's first argument is the element of `data`; each further operand
    adds one argument, its element at the same position: an operand of rank 1
    holds one value per channel `(C)` (broadcast over `N` and the spatial
    dimensions); one of `data`'s rank has `data`'s shape (a residual). The
    body may only hold side-effect-free scalar ops.

    ```mlir
    %y = tconv.map %x, %alpha : (tensor<1x64x?xf32>, tensor<64xf32>)
           -> tensor<1x64x?xf32> {
    ^bb0(%v: f32, %a: f32):
      %ax = arith.mulf %a, %v : f32
      %s = math.sin %ax : f32
      %s2 = arith.mulf %s, %s : f32
      %q = arith.divf %s2, %a : f32
      %r = arith.addf %v, %q : f32
      tconv.yield %r : f32
    }
    ```
  }];
  let arguments = (ins Variadic<Tconv_Tensor>:$operands);
  let results = (outs Tconv_Tensor:$result);
  let regions = (region SizedRegion<1>:$body);
  let assemblyFormat = [{
    $operands attr-dict `:` functional-type($operands, $result) $body
  }];
  let hasVerifier = 1;
  let hasRegionVerifier = 1;
  let extraClassDeclaration = [{
    /// The tensor mapped: operand 0.
    ::mlir::Value getData() { return getOperands().front(); }
    /// The operands after `data`, one per further body argument.
    ::mlir::OperandRange getExtraOperands() {
      return getOperands().drop_front();
    }
  }];
}

def Tconv_ChannelBroadcastOp : Tconv_Op<"channel_broadcast", [Pure]> {
  let summary = "One value per channel, broadcast over a channels-first shape";
  let description = [{
    The tensor of type `result` (`(N, C, S...)`) whose element `[n, c, s...]`
    is `values[c]`: how a per-channel parameter (BigVGAN's Snake `alpha`, a
    per-channel scale) enters the elementwise ops around a transposed
    convolution (docs/fusion.md). Like `tensor.splat`, it takes one index
    operand per dynamic dimension of the result.

    ```mlir
    %a = tconv.channel_broadcast %alpha[%len] : tensor<64xf32> to tensor<1x64x?xf32>
    ```
  }];
  let arguments = (ins Tconv_Tensor:$values, Variadic<Index>:$dynamicSizes);
  let results = (outs Tconv_Tensor:$result);
  let assemblyFormat = [{
    $values (`[` $dynamicSizes^ `]`)? attr-dict `:` type($values) `to` type($result)
  }];
  let hasVerifier = 1;
}

def Tconv_YieldOp : Tconv_Op<"yield", [Pure, Terminator,
    HasParent<"MapOp">]> {
  let summary = "Yields the element a tconv.map computes";
  let arguments = (ins AnyType:$value);
  let assemblyFormat = "$value attr-dict `:` type($value)";
}

#endif // TCONV_OPS_TD
