// RUN: tconv-opt %s -split-input-file -verify-diagnostics
// Every verifier rule of tconv.onnx_conv_transpose (checked in this order:
// operands, auto_pad, strides, dilations, kernel_shape, pads, output_padding,
// output_shape, then the output length, then the declared result type). The
// operand rules are shared with the other ops (all of them:
// invalid-torch.mlir). The warnings for configurations ONNX implementations
// disagree on are in normalize-onnx.mlir (which also checks that they do not
// stop normalization) and at the end of this file.

//===----------------------------------------------------------------------===//
// Operands (the rules shared with the other ops; ONNX spells it 'group')
//===----------------------------------------------------------------------===//

func.func @input_rank(%x: tensor<3x5xf32>, %w: tensor<3x4xf32>) -> tensor<3x4xf32> {
  // expected-error@+1 {{'tconv.onnx_conv_transpose' op expects input of rank 3, 4 or 5 (N, C and 1 to 3 spatial dims), got rank 2}}
  %0 = tconv.onnx_conv_transpose %x, %w : (tensor<3x5xf32>, tensor<3x4xf32>) -> tensor<3x4xf32>
  return %0 : tensor<3x4xf32>
}

// -----

func.func @weight_rank(%x: tensor<1x3x5xf32>, %w: tensor<3x4x1x3xf32>) -> tensor<1x4x7xf32> {
  // expected-error@+1 {{'tconv.onnx_conv_transpose' op expects weight of rank 3 (Cin, Cout/groups and one kernel size per spatial dim) like the input, got rank 4}}
  %0 = tconv.onnx_conv_transpose %x, %w : (tensor<1x3x5xf32>, tensor<3x4x1x3xf32>) -> tensor<1x4x7xf32>
  return %0 : tensor<1x4x7xf32>
}

// -----

func.func @weight_channels(%x: tensor<1x4x5xf32>, %w: tensor<3x4x3xf32>) -> tensor<1x4x7xf32> {
  // expected-error@+1 {{'tconv.onnx_conv_transpose' op expects weight dim 0 (3) to equal the input channels (4)}}
  %0 = tconv.onnx_conv_transpose %x, %w : (tensor<1x4x5xf32>, tensor<3x4x3xf32>) -> tensor<1x4x7xf32>
  return %0 : tensor<1x4x7xf32>
}

// -----

func.func @group_zero(%x: tensor<1x3x5xf32>, %w: tensor<3x4x3xf32>) -> tensor<1x4x7xf32> {
  // expected-error@+1 {{'tconv.onnx_conv_transpose' op expects 'group' >= 1, got 0}}
  %0 = tconv.onnx_conv_transpose %x, %w {group = 0} : (tensor<1x3x5xf32>, tensor<3x4x3xf32>) -> tensor<1x4x7xf32>
  return %0 : tensor<1x4x7xf32>
}

// -----

func.func @group_negative(%x: tensor<1x3x5xf32>, %w: tensor<3x4x3xf32>) -> tensor<1x4x7xf32> {
  // expected-error@+1 {{'tconv.onnx_conv_transpose' op expects 'group' >= 1, got -2}}
  %0 = tconv.onnx_conv_transpose %x, %w {group = -2} : (tensor<1x3x5xf32>, tensor<3x4x3xf32>) -> tensor<1x4x7xf32>
  return %0 : tensor<1x4x7xf32>
}

// -----

// onnxruntime: "Input channels is not divisible by group. num_input_channels: 3 group: 2".
func.func @group_not_dividing_channels(%x: tensor<1x3x5xf32>, %w: tensor<3x4x3xf32>) -> tensor<1x8x7xf32> {
  // expected-error@+1 {{'tconv.onnx_conv_transpose' op expects the input channels (3) to be divisible by 'group' (2)}}
  %0 = tconv.onnx_conv_transpose %x, %w {group = 2} : (tensor<1x3x5xf32>, tensor<3x4x3xf32>) -> tensor<1x8x7xf32>
  return %0 : tensor<1x8x7xf32>
}

// -----

// M = weight dim 1 * group = 4 * 3 = 12.
func.func @bias_size(%x: tensor<1x3x5xf32>, %w: tensor<3x4x3xf32>, %b: tensor<4xf32>) -> tensor<1x12x7xf32> {
  // expected-error@+1 {{'tconv.onnx_conv_transpose' op expects bias of size 12 (the output channels), got 4}}
  %0 = tconv.onnx_conv_transpose %x, %w, %b {group = 3} : (tensor<1x3x5xf32>, tensor<3x4x3xf32>, tensor<4xf32>) -> tensor<1x12x7xf32>
  return %0 : tensor<1x12x7xf32>
}

// -----

//===----------------------------------------------------------------------===//
// auto_pad
//===----------------------------------------------------------------------===//

func.func @auto_pad_unknown(%x: tensor<1x3x5xf32>, %w: tensor<3x4x3xf32>) -> tensor<1x4x7xf32> {
  // expected-error@+1 {{'tconv.onnx_conv_transpose' op expects 'auto_pad' to be "NOTSET", "SAME_UPPER", "SAME_LOWER" or "VALID" (case-sensitive, as ONNX compares it), got "EXPLICIT"}}
  %0 = tconv.onnx_conv_transpose %x, %w {auto_pad = "EXPLICIT"} : (tensor<1x3x5xf32>, tensor<3x4x3xf32>) -> tensor<1x4x7xf32>
  return %0 : tensor<1x4x7xf32>
}

// -----

func.func @auto_pad_lowercase(%x: tensor<1x3x5xf32>, %w: tensor<3x4x3xf32>) -> tensor<1x4x7xf32> {
  // expected-error@+1 {{'tconv.onnx_conv_transpose' op expects 'auto_pad' to be "NOTSET", "SAME_UPPER", "SAME_LOWER" or "VALID" (case-sensitive, as ONNX compares it), got "same_upper"}}
  %0 = tconv.onnx_conv_transpose %x, %w {auto_pad = "same_upper"} : (tensor<1x3x5xf32>, tensor<3x4x3xf32>) -> tensor<1x4x7xf32>
  return %0 : tensor<1x4x7xf32>
}

// -----

func.func @auto_pad_empty(%x: tensor<1x3x5xf32>, %w: tensor<3x4x3xf32>) -> tensor<1x4x7xf32> {
  // expected-error@+1 {{'tconv.onnx_conv_transpose' op expects 'auto_pad' to be "NOTSET", "SAME_UPPER", "SAME_LOWER" or "VALID" (case-sensitive, as ONNX compares it), got ""}}
  %0 = tconv.onnx_conv_transpose %x, %w {auto_pad = ""} : (tensor<1x3x5xf32>, tensor<3x4x3xf32>) -> tensor<1x4x7xf32>
  return %0 : tensor<1x4x7xf32>
}

// -----

//===----------------------------------------------------------------------===//
// strides, dilations, kernel_shape
//===----------------------------------------------------------------------===//

func.func @strides_length(%x: tensor<1x3x5x5xf32>, %w: tensor<3x4x3x3xf32>) -> tensor<1x4x7x7xf32> {
  // expected-error@+1 {{'tconv.onnx_conv_transpose' op expects 'strides' to have 2 value(s), one per spatial dim, got 1: [2]}}
  %0 = tconv.onnx_conv_transpose %x, %w {strides = array<i64: 2>} : (tensor<1x3x5x5xf32>, tensor<3x4x3x3xf32>) -> tensor<1x4x7x7xf32>
  return %0 : tensor<1x4x7x7xf32>
}

// -----

func.func @dilations_length(%x: tensor<1x3x5xf32>, %w: tensor<3x4x3xf32>) -> tensor<1x4x7xf32> {
  // expected-error@+1 {{'tconv.onnx_conv_transpose' op expects 'dilations' to have 1 value(s), one per spatial dim, got 2: [1, 1]}}
  %0 = tconv.onnx_conv_transpose %x, %w {dilations = array<i64: 1, 1>} : (tensor<1x3x5xf32>, tensor<3x4x3xf32>) -> tensor<1x4x7xf32>
  return %0 : tensor<1x4x7xf32>
}

// -----

func.func @strides_zero(%x: tensor<1x3x5x5xf32>, %w: tensor<3x4x3x3xf32>) -> tensor<1x4x7x7xf32> {
  // expected-error@+1 {{'tconv.onnx_conv_transpose' op expects 'strides' values >= 1, got 0 at spatial dim 1}}
  %0 = tconv.onnx_conv_transpose %x, %w {strides = array<i64: 1, 0>} : (tensor<1x3x5x5xf32>, tensor<3x4x3x3xf32>) -> tensor<1x4x7x7xf32>
  return %0 : tensor<1x4x7x7xf32>
}

// -----

func.func @strides_negative(%x: tensor<1x3x5xf32>, %w: tensor<3x4x3xf32>) -> tensor<1x4x7xf32> {
  // expected-error@+1 {{'tconv.onnx_conv_transpose' op expects 'strides' values >= 1, got -1 at spatial dim 0}}
  %0 = tconv.onnx_conv_transpose %x, %w {strides = array<i64: -1>} : (tensor<1x3x5xf32>, tensor<3x4x3xf32>) -> tensor<1x4x7xf32>
  return %0 : tensor<1x4x7xf32>
}

// -----

func.func @dilations_zero(%x: tensor<1x3x5xf32>, %w: tensor<3x4x3xf32>) -> tensor<1x4x7xf32> {
  // expected-error@+1 {{'tconv.onnx_conv_transpose' op expects 'dilations' values >= 1, got 0 at spatial dim 0}}
  %0 = tconv.onnx_conv_transpose %x, %w {dilations = array<i64: 0>} : (tensor<1x3x5xf32>, tensor<3x4x3xf32>) -> tensor<1x4x7xf32>
  return %0 : tensor<1x4x7xf32>
}

// -----

// dilations * (k-1) = 2^62 * 2 does not fit in int64.
func.func @dilations_overflow(%x: tensor<1x3x5xf32>, %w: tensor<3x4x3xf32>) -> tensor<1x4x7xf32> {
  // expected-error@+1 {{'tconv.onnx_conv_transpose' op expects the dilated kernel extent dilation*(k-1)+1 to fit in 64 bits, got 'dilations' 4611686018427387904 with kernel size 3 at spatial dim 0}}
  %0 = tconv.onnx_conv_transpose %x, %w {dilations = array<i64: 4611686018427387904>} : (tensor<1x3x5xf32>, tensor<3x4x3xf32>) -> tensor<1x4x7xf32>
  return %0 : tensor<1x4x7xf32>
}

// -----

func.func @kernel_shape_length(%x: tensor<1x3x5x5xf32>, %w: tensor<3x4x3x3xf32>) -> tensor<1x4x7x7xf32> {
  // expected-error@+1 {{'tconv.onnx_conv_transpose' op expects 'kernel_shape' to have 2 value(s), one per spatial dim, got 1: [3]}}
  %0 = tconv.onnx_conv_transpose %x, %w {kernel_shape = array<i64: 3>} : (tensor<1x3x5x5xf32>, tensor<3x4x3x3xf32>) -> tensor<1x4x7x7xf32>
  return %0 : tensor<1x4x7x7xf32>
}

// -----

func.func @kernel_shape_mismatch(%x: tensor<1x3x5x5xf32>, %w: tensor<3x4x3x2xf32>) -> tensor<1x4x7x6xf32> {
  // expected-error@+1 {{'tconv.onnx_conv_transpose' op expects 'kernel_shape' to equal the weight's kernel sizes [3, 2], got [3, 3]}}
  %0 = tconv.onnx_conv_transpose %x, %w {kernel_shape = array<i64: 3, 3>} : (tensor<1x3x5x5xf32>, tensor<3x4x3x2xf32>) -> tensor<1x4x7x6xf32>
  return %0 : tensor<1x4x7x6xf32>
}

// -----

//===----------------------------------------------------------------------===//
// pads
//===----------------------------------------------------------------------===//

// ONNX's pads have a begin and an end per spatial dim, unlike PyTorch's padding.
func.func @pads_length_per_dim(%x: tensor<1x3x5x5xf32>, %w: tensor<3x4x3x3xf32>) -> tensor<1x4x5x5xf32> {
  // expected-error@+1 {{'tconv.onnx_conv_transpose' op expects 'pads' to have 4 values (all begins, then all ends, for 2 spatial dim(s)), got 2: [1, 1]}}
  %0 = tconv.onnx_conv_transpose %x, %w {pads = array<i64: 1, 1>} : (tensor<1x3x5x5xf32>, tensor<3x4x3x3xf32>) -> tensor<1x4x5x5xf32>
  return %0 : tensor<1x4x5x5xf32>
}

// -----

func.func @pads_length_odd(%x: tensor<1x3x5xf32>, %w: tensor<3x4x3xf32>) -> tensor<1x4x5xf32> {
  // expected-error@+1 {{'tconv.onnx_conv_transpose' op expects 'pads' to have 2 values (all begins, then all ends, for 1 spatial dim(s)), got 3: [1, 1, 1]}}
  %0 = tconv.onnx_conv_transpose %x, %w {pads = array<i64: 1, 1, 1>} : (tensor<1x3x5xf32>, tensor<3x4x3xf32>) -> tensor<1x4x5xf32>
  return %0 : tensor<1x4x5xf32>
}

// -----

// ONNX: "Attribute pads must not contain negative values".
func.func @pads_negative(%x: tensor<1x3x5x5xf32>, %w: tensor<3x4x3x3xf32>) -> tensor<1x4x7x7xf32> {
  // expected-error@+1 {{'tconv.onnx_conv_transpose' op expects 'pads' values >= 0, got -1 at index 3 of [0, 1, 0, -1]}}
  %0 = tconv.onnx_conv_transpose %x, %w {pads = array<i64: 0, 1, 0, -1>} : (tensor<1x3x5x5xf32>, tensor<3x4x3x3xf32>) -> tensor<1x4x7x7xf32>
  return %0 : tensor<1x4x7x7xf32>
}

// -----

// ONNX: "The pads attribute cannot be used simultaneously with auto_pad attribute".
func.func @pads_with_same_upper(%x: tensor<1x3x5xf32>, %w: tensor<3x4x3xf32>) -> tensor<1x4x5xf32> {
  // expected-error@+1 {{'tconv.onnx_conv_transpose' op expects 'pads' to be all zeros unless 'auto_pad' is "NOTSET" (ONNX: pads cannot be used together with auto_pad), got [1, 0] with auto_pad "SAME_UPPER"}}
  %0 = tconv.onnx_conv_transpose %x, %w {auto_pad = "SAME_UPPER", pads = array<i64: 1, 0>} : (tensor<1x3x5xf32>, tensor<3x4x3xf32>) -> tensor<1x4x5xf32>
  return %0 : tensor<1x4x5xf32>
}

// -----

func.func @pads_with_valid(%x: tensor<1x3x5xf32>, %w: tensor<3x4x3xf32>) -> tensor<1x4x7xf32> {
  // expected-error@+1 {{'tconv.onnx_conv_transpose' op expects 'pads' to be all zeros unless 'auto_pad' is "NOTSET" (ONNX: pads cannot be used together with auto_pad), got [0, 2] with auto_pad "VALID"}}
  %0 = tconv.onnx_conv_transpose %x, %w {auto_pad = "VALID", pads = array<i64: 0, 2>} : (tensor<1x3x5xf32>, tensor<3x4x3xf32>) -> tensor<1x4x7xf32>
  return %0 : tensor<1x4x7xf32>
}

// -----

//===----------------------------------------------------------------------===//
// output_padding
//===----------------------------------------------------------------------===//

func.func @output_padding_length(%x: tensor<1x3x5x5xf32>, %w: tensor<3x4x3x3xf32>) -> tensor<1x4x7x7xf32> {
  // expected-error@+1 {{'tconv.onnx_conv_transpose' op expects 'output_padding' to have 2 value(s), one per spatial dim, got 3: [0, 0, 0]}}
  %0 = tconv.onnx_conv_transpose %x, %w {output_padding = array<i64: 0, 0, 0>} : (tensor<1x3x5x5xf32>, tensor<3x4x3x3xf32>) -> tensor<1x4x7x7xf32>
  return %0 : tensor<1x4x7x7xf32>
}

// -----

func.func @output_padding_negative(%x: tensor<1x3x5xf32>, %w: tensor<3x4x3xf32>) -> tensor<1x4x7xf32> {
  // expected-error@+1 {{'tconv.onnx_conv_transpose' op expects 'output_padding' values >= 0, got -1 at spatial dim 0}}
  %0 = tconv.onnx_conv_transpose %x, %w {output_padding = array<i64: -1>} : (tensor<1x3x5xf32>, tensor<3x4x3xf32>) -> tensor<1x4x7xf32>
  return %0 : tensor<1x4x7xf32>
}

// -----

// onnxruntime: "output_padding[1] (2) must be less than max(stride, dilation) (2)".
func.func @output_padding_at_stride(%x: tensor<1x3x5x5xf32>, %w: tensor<3x4x3x3xf32>) -> tensor<1x4x12x13xf32> {
  // expected-error@+1 {{'tconv.onnx_conv_transpose' op expects 'output_padding' values < max(stride, dilation), got 2 at spatial dim 1 with stride 2 and dilation 1}}
  %0 = tconv.onnx_conv_transpose %x, %w {strides = array<i64: 2, 2>, output_padding = array<i64: 1, 2>} : (tensor<1x3x5x5xf32>, tensor<3x4x3x3xf32>) -> tensor<1x4x12x13xf32>
  return %0 : tensor<1x4x12x13xf32>
}

// -----

func.func @output_padding_at_dilation(%x: tensor<1x3x5xf32>, %w: tensor<3x4x3xf32>) -> tensor<1x4x14xf32> {
  // expected-error@+1 {{'tconv.onnx_conv_transpose' op expects 'output_padding' values < max(stride, dilation), got 3 at spatial dim 0 with stride 1 and dilation 3}}
  %0 = tconv.onnx_conv_transpose %x, %w {dilations = array<i64: 3>, output_padding = array<i64: 3>} : (tensor<1x3x5xf32>, tensor<3x4x3xf32>) -> tensor<1x4x14xf32>
  return %0 : tensor<1x4x14xf32>
}

// -----

//===----------------------------------------------------------------------===//
// output_shape
//===----------------------------------------------------------------------===//

func.func @output_shape_length(%x: tensor<1x3x5x5xf32>, %w: tensor<3x4x3x3xf32>) -> tensor<1x4x7x7xf32> {
  // expected-error@+1 {{'tconv.onnx_conv_transpose' op expects 'output_shape' to have 2 value(s), one per spatial dim, or 4 (the full output shape), got 3: [7, 7, 7]}}
  %0 = tconv.onnx_conv_transpose %x, %w {output_shape = array<i64: 7, 7, 7>} : (tensor<1x3x5x5xf32>, tensor<3x4x3x3xf32>) -> tensor<1x4x7x7xf32>
  return %0 : tensor<1x4x7x7xf32>
}

// -----

func.func @output_shape_zero(%x: tensor<1x3x5xf32>, %w: tensor<3x4x3xf32>) -> tensor<1x4x1xf32> {
  // expected-error@+1 {{'tconv.onnx_conv_transpose' op expects 'output_shape' spatial values >= 1, got 0 at spatial dim 0}}
  %0 = tconv.onnx_conv_transpose %x, %w {output_shape = array<i64: 0>} : (tensor<1x3x5xf32>, tensor<3x4x3xf32>) -> tensor<1x4x1xf32>
  return %0 : tensor<1x4x1xf32>
}

// -----

// Full-rank form: the spatial part is checked.
func.func @output_shape_negative_full_rank(%x: tensor<1x3x5x5xf32>, %w: tensor<3x4x3x3xf32>) -> tensor<1x4x7x7xf32> {
  // expected-error@+1 {{'tconv.onnx_conv_transpose' op expects 'output_shape' spatial values >= 1, got -7 at spatial dim 1}}
  %0 = tconv.onnx_conv_transpose %x, %w {output_shape = array<i64: 1, 4, 7, -7>} : (tensor<1x3x5x5xf32>, tensor<3x4x3x3xf32>) -> tensor<1x4x7x7xf32>
  return %0 : tensor<1x4x7x7xf32>
}

// -----

// The pads output_shape implies depend on L (docs/spec.md §1: "dynamic").
func.func @output_shape_dynamic_input(%x: tensor<1x3x5x?xf32>, %w: tensor<3x4x3x3xf32>) -> tensor<1x4x10x10xf32> {
  // expected-error@+1 {{'tconv.onnx_conv_transpose' op expects a static input size at spatial dim 1 when 'output_shape' is given (the pads it implies depend on the input size)}}
  %0 = tconv.onnx_conv_transpose %x, %w {output_shape = array<i64: 10, 10>, strides = array<i64: 2, 2>} : (tensor<1x3x5x?xf32>, tensor<3x4x3x3xf32>) -> tensor<1x4x10x10xf32>
  return %0 : tensor<1x4x10x10xf32>
}

// -----

// F = 4 * 2^62 + 3 does not fit in int64.
func.func @output_shape_overflow(%x: tensor<1x3x5xf32>, %w: tensor<3x4x3xf32>) -> tensor<1x4x1xf32> {
  // expected-error@+1 {{'tconv.onnx_conv_transpose' op expects the padding ONNX implies at spatial dim 0 to fit in 64 bits}}
  %0 = tconv.onnx_conv_transpose %x, %w {output_shape = array<i64: 1>, strides = array<i64: 4611686018427387904>} : (tensor<1x3x5xf32>, tensor<3x4x3xf32>) -> tensor<1x4x1xf32>
  return %0 : tensor<1x4x1xf32>
}

// -----

//===----------------------------------------------------------------------===//
// Output length
//===----------------------------------------------------------------------===//

// L=5 k=1: F=5, pads (3,2) -> 0.
func.func @output_length_zero(%x: tensor<1x3x5xf32>, %w: tensor<3x4x1xf32>) -> tensor<1x4x0xf32> {
  // expected-error@+1 {{'tconv.onnx_conv_transpose' op expects a positive output length at spatial dim 0, got 0 (full length 5 minus pad_lo 3 and pad_hi 2)}}
  %0 = tconv.onnx_conv_transpose %x, %w {pads = array<i64: 3, 2>} : (tensor<1x3x5xf32>, tensor<3x4x1xf32>) -> tensor<1x4x0xf32>
  return %0 : tensor<1x4x0xf32>
}

// -----

func.func @output_length_negative(%x: tensor<1x3x5x5xf32>, %w: tensor<3x4x3x3xf32>) -> tensor<1x4x7x1xf32> {
  // expected-error@+1 {{'tconv.onnx_conv_transpose' op expects a positive output length at spatial dim 1, got -1 (full length 7 minus pad_lo 4 and pad_hi 4)}}
  %0 = tconv.onnx_conv_transpose %x, %w {pads = array<i64: 0, 4, 0, 4>} : (tensor<1x3x5x5xf32>, tensor<3x4x3x3xf32>) -> tensor<1x4x7x1xf32>
  return %0 : tensor<1x4x7x1xf32>
}

// -----

func.func @full_length_overflow(%x: tensor<1x3x5xf32>, %w: tensor<3x4x3xf32>) -> tensor<1x4x7xf32> {
  // expected-error@+1 {{'tconv.onnx_conv_transpose' op expects the full length (L-1)*s + d*(k-1) + 1 at spatial dim 0 to fit in 64 bits, got input length 5, kernel size 3, 'stride' 4611686018427387904 and 'dilation' 1}}
  %0 = tconv.onnx_conv_transpose %x, %w {strides = array<i64: 4611686018427387904>} : (tensor<1x3x5xf32>, tensor<3x4x3xf32>) -> tensor<1x4x7xf32>
  return %0 : tensor<1x4x7xf32>
}

// -----

//===----------------------------------------------------------------------===//
// Declared result type against the inferred one
//===----------------------------------------------------------------------===//

// Output channels = W.shape[1] * group = 4 * 3.
func.func @result_channels(%x: tensor<1x3x5xf32>, %w: tensor<3x4x3xf32>) -> tensor<1x4x7xf32> {
  // expected-error@+1 {{'tconv.onnx_conv_transpose' op expects result dim 1 (output channels) to be 12, got 4}}
  %0 = tconv.onnx_conv_transpose %x, %w {group = 3} : (tensor<1x3x5xf32>, tensor<3x4x3xf32>) -> tensor<1x4x7xf32>
  return %0 : tensor<1x4x7xf32>
}

// -----

// docs/spec.md §7.2 row 27: SAME_UPPER L=5 k=3 s=2 gives L*s = 10, not F=11.
func.func @result_same_upper_length(%x: tensor<1x3x5xf32>, %w: tensor<3x4x3xf32>) -> tensor<1x4x11xf32> {
  // expected-error@+1 {{'tconv.onnx_conv_transpose' op expects result dim 2 (output length of spatial dim 0) to be 10, got 11}}
  %0 = tconv.onnx_conv_transpose %x, %w {auto_pad = "SAME_UPPER", strides = array<i64: 2>} : (tensor<1x3x5xf32>, tensor<3x4x3xf32>) -> tensor<1x4x11xf32>
  return %0 : tensor<1x4x11xf32>
}

// -----

// Row 31: onnxruntime's 10, not ONNX shape inference's 11. The warning about
// it is not emitted: warnings come after the result type check.
func.func @result_same_upper_output_padding_length(%x: tensor<1x3x5xf32>, %w: tensor<3x4x3xf32>) -> tensor<1x4x11xf32> {
  // expected-error@+1 {{'tconv.onnx_conv_transpose' op expects result dim 2 (output length of spatial dim 0) to be 10, got 11}}
  %0 = tconv.onnx_conv_transpose %x, %w {auto_pad = "SAME_UPPER", strides = array<i64: 2>, output_padding = array<i64: 1>} : (tensor<1x3x5xf32>, tensor<3x4x3xf32>) -> tensor<1x4x11xf32>
  return %0 : tensor<1x4x11xf32>
}

// -----

// output_shape fixes the output length.
func.func @result_output_shape_length(%x: tensor<1x3x5x5xf32>, %w: tensor<3x4x3x3xf32>) -> tensor<1x4x10x9xf32> {
  // expected-error@+1 {{'tconv.onnx_conv_transpose' op expects result dim 3 (output length of spatial dim 1) to be 8, got 9}}
  %0 = tconv.onnx_conv_transpose %x, %w {output_shape = array<i64: 10, 8>, strides = array<i64: 3, 2>} : (tensor<1x3x5x5xf32>, tensor<3x4x3x3xf32>) -> tensor<1x4x10x9xf32>
  return %0 : tensor<1x4x10x9xf32>
}

// -----

//===----------------------------------------------------------------------===//
// Warnings: valid configurations that ONNX implementations disagree on
//===----------------------------------------------------------------------===//

// strides <= output_padding < dilations (docs/spec.md §3.5 item 8): F = 4 + 5 = 9, (0,-1) -> 10.
func.func @warn_output_padding_below_dilation(%x: tensor<1x3x5xf32>, %w: tensor<3x4x3xf32>) -> tensor<1x4x10xf32> {
  // expected-warning@+1 {{'tconv.onnx_conv_transpose' op accepts 'output_padding' 1 at spatial dim 0 (< max(strides, dilations) = 2, the ONNX spec's bound, which tconv follows), but onnxruntime rejects output_padding >= strides (1)}}
  %0 = tconv.onnx_conv_transpose %x, %w {dilations = array<i64: 2>, output_padding = array<i64: 1>} : (tensor<1x3x5xf32>, tensor<3x4x3xf32>) -> tensor<1x4x10xf32>
  return %0 : tensor<1x4x10xf32>
}

// -----

// pads with output_shape: F = 7 = O, T = 0, (0,0) -> 7.
func.func @warn_pads_ignored(%x: tensor<1x3x5xf32>, %w: tensor<3x4x3xf32>) -> tensor<1x4x7xf32> {
  // expected-warning@+1 {{'tconv.onnx_conv_transpose' op ignores 'pads' [1, 1] because 'output_shape' is given, as the ONNX spec and onnxruntime do (the ONNX reference evaluator would use them)}}
  %0 = tconv.onnx_conv_transpose %x, %w {pads = array<i64: 1, 1>, output_shape = array<i64: 7>} : (tensor<1x3x5xf32>, tensor<3x4x3xf32>) -> tensor<1x4x7xf32>
  return %0 : tensor<1x4x7xf32>
}

// -----

// Row 30 (dk < s, 3.5 item 6): F = 11, not L*s = 12.
func.func @warn_same_total_clamped(%x: tensor<1x3x4xf32>, %w: tensor<3x4x2xf32>) -> tensor<1x4x11xf32> {
  // expected-warning@+1 {{'tconv.onnx_conv_transpose' op clamps the total padding dilations*(k-1)+1 - strides + output_padding = -1 at spatial dim 0 to 0 with auto_pad "SAME_UPPER", as onnxruntime and ONNX shape inference do: the output length is the full length plus output_padding, not the input length times strides (the ONNX reference evaluator gives that length, splitting the negative total between both ends)}}
  %0 = tconv.onnx_conv_transpose %x, %w {auto_pad = "SAME_UPPER", strides = array<i64: 3>} : (tensor<1x3x4xf32>, tensor<3x4x2xf32>) -> tensor<1x4x11xf32>
  return %0 : tensor<1x4x11xf32>
}

// -----

// SAME_* with output_padding (3.5 item 5): T = 3-2+1 = 2, (1, 2-1-1) = (1,0) -> 10.
func.func @warn_same_output_padding(%x: tensor<1x3x5xf32>, %w: tensor<3x4x3xf32>) -> tensor<1x4x10xf32> {
  // expected-warning@+1 {{'tconv.onnx_conv_transpose' op counts 'output_padding' 1 at spatial dim 0 in the total padding of auto_pad "SAME_LOWER" as onnxruntime does (output length input length times strides); ONNX shape inference adds it to that length}}
  %0 = tconv.onnx_conv_transpose %x, %w {auto_pad = "SAME_LOWER", strides = array<i64: 2>, output_padding = array<i64: 1>} : (tensor<1x3x5xf32>, tensor<3x4x3xf32>) -> tensor<1x4x10xf32>
  return %0 : tensor<1x4x10xf32>
}

// -----

// SAME_* with a negative total (3.5 item 7): F = 11, O = 12, (0,-1).
func.func @warn_same_output_shape_above_full(%x: tensor<1x3x5xf32>, %w: tensor<3x4x3xf32>) -> tensor<1x4x12xf32> {
  // expected-warning@+1 {{'tconv.onnx_conv_transpose' op clamps the total padding full length + output_padding - output_shape = -1 at spatial dim 0 to 0 with auto_pad "SAME_LOWER", as onnxruntime does (positions appended at the end); the ONNX reference evaluator splits the negative total between both ends}}
  %0 = tconv.onnx_conv_transpose %x, %w {auto_pad = "SAME_LOWER", output_shape = array<i64: 12>, strides = array<i64: 2>} : (tensor<1x3x5xf32>, tensor<3x4x3xf32>) -> tensor<1x4x12xf32>
  return %0 : tensor<1x4x12xf32>
}

// -----

// output_shape under NOTSET/VALID with a positive total (3.4, 3.5 item 4): F = 11,
// T = 2 (even: onnxruntime versions agree) then T = 3 (odd).
func.func @warn_valid_output_shape_cropped(%x: tensor<1x3x5x5xf32>, %w: tensor<3x4x3x3xf32>) -> tensor<1x4x9x8xf32> {
  // expected-warning@+2 {{'tconv.onnx_conv_transpose' op crops the total padding 2 at spatial dim 0 implied by 'output_shape' with auto_pad "VALID" as the ONNX spec and onnxruntime >= 1.14 do (1 at the start, 1 at the end); the ONNX reference evaluator crops it all at the end}}
  // expected-warning@+1 {{'tconv.onnx_conv_transpose' op crops the total padding 3 at spatial dim 1 implied by 'output_shape' with auto_pad "VALID" as the ONNX spec and onnxruntime >= 1.14 do (2 at the start, 1 at the end); the ONNX reference evaluator crops it all at the end, onnxruntime < 1.14 puts the odd one at the end}}
  %0 = tconv.onnx_conv_transpose %x, %w {auto_pad = "VALID", output_shape = array<i64: 9, 8>, strides = array<i64: 2, 2>} : (tensor<1x3x5x5xf32>, tensor<3x4x3x3xf32>) -> tensor<1x4x9x8xf32>
  return %0 : tensor<1x4x9x8xf32>
}

