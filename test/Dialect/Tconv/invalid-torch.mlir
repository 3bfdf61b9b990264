// RUN: tconv-opt %s -split-input-file -verify-diagnostics
// Every verifier rule of tconv.torch_conv_transpose, including the operand
// rules shared by the three ops (checked in this order: operands, then
// padding_mode, stride, dilation, padding, output_padding, then the output
// length, then the declared result type).

//===----------------------------------------------------------------------===//
// Operands
//===----------------------------------------------------------------------===//

func.func @input_rank_2(%x: tensor<1x3xf32>, %w: tensor<3x4xf32>) -> tensor<1x4xf32> {
  // expected-error@+1 {{'tconv.torch_conv_transpose' op expects input of rank 3, 4 or 5 (N, C and 1 to 3 spatial dims), got rank 2}}
  %0 = tconv.torch_conv_transpose %x, %w : (tensor<1x3xf32>, tensor<3x4xf32>) -> tensor<1x4xf32>
  return %0 : tensor<1x4xf32>
}

// -----

func.func @input_rank_6(%x: tensor<1x3x2x2x2x2xf32>, %w: tensor<3x4x1x1x1x1xf32>) -> tensor<1x4x2x2x2x2xf32> {
  // expected-error@+1 {{'tconv.torch_conv_transpose' op expects input of rank 3, 4 or 5 (N, C and 1 to 3 spatial dims), got rank 6}}
  %0 = tconv.torch_conv_transpose %x, %w : (tensor<1x3x2x2x2x2xf32>, tensor<3x4x1x1x1x1xf32>) -> tensor<1x4x2x2x2x2xf32>
  return %0 : tensor<1x4x2x2x2x2xf32>
}

// -----

func.func @weight_rank(%x: tensor<1x3x5xf32>, %w: tensor<3x4x3x3xf32>) -> tensor<1x4x7xf32> {
  // expected-error@+1 {{'tconv.torch_conv_transpose' op expects weight of rank 3 (Cin, Cout/groups and one kernel size per spatial dim) like the input, got rank 4}}
  %0 = tconv.torch_conv_transpose %x, %w : (tensor<1x3x5xf32>, tensor<3x4x3x3xf32>) -> tensor<1x4x7xf32>
  return %0 : tensor<1x4x7xf32>
}

// -----

func.func @weight_element_type(%x: tensor<1x3x5xf32>, %w: tensor<3x4x3xf16>) -> tensor<1x4x7xf32> {
  // expected-error@+1 {{'tconv.torch_conv_transpose' op expects weight element type 'f32' (the input's), got 'f16'}}
  %0 = tconv.torch_conv_transpose %x, %w : (tensor<1x3x5xf32>, tensor<3x4x3xf16>) -> tensor<1x4x7xf32>
  return %0 : tensor<1x4x7xf32>
}

// -----

func.func @dynamic_input_channels(%x: tensor<1x?x5xf32>, %w: tensor<3x4x3xf32>) -> tensor<1x4x7xf32> {
  // expected-error@+1 {{'tconv.torch_conv_transpose' op expects a static input channel count (dim 1), got tensor<1x?x5xf32>}}
  %0 = tconv.torch_conv_transpose %x, %w : (tensor<1x?x5xf32>, tensor<3x4x3xf32>) -> tensor<1x4x7xf32>
  return %0 : tensor<1x4x7xf32>
}

// -----

func.func @dynamic_weight_channels(%x: tensor<1x3x5xf32>, %w: tensor<3x?x3xf32>) -> tensor<1x4x7xf32> {
  // expected-error@+1 {{'tconv.torch_conv_transpose' op expects a static weight shape, got tensor<3x?x3xf32>}}
  %0 = tconv.torch_conv_transpose %x, %w : (tensor<1x3x5xf32>, tensor<3x?x3xf32>) -> tensor<1x4x7xf32>
  return %0 : tensor<1x4x7xf32>
}

// -----

func.func @dynamic_kernel(%x: tensor<1x3x5xf32>, %w: tensor<3x4x?xf32>) -> tensor<1x4x7xf32> {
  // expected-error@+1 {{'tconv.torch_conv_transpose' op expects a static weight shape, got tensor<3x4x?xf32>}}
  %0 = tconv.torch_conv_transpose %x, %w : (tensor<1x3x5xf32>, tensor<3x4x?xf32>) -> tensor<1x4x7xf32>
  return %0 : tensor<1x4x7xf32>
}

// -----

func.func @zero_input_channels(%x: tensor<1x0x5xf32>, %w: tensor<0x4x3xf32>) -> tensor<1x4x7xf32> {
  // expected-error@+1 {{'tconv.torch_conv_transpose' op expects at least one input channel, got 0}}
  %0 = tconv.torch_conv_transpose %x, %w : (tensor<1x0x5xf32>, tensor<0x4x3xf32>) -> tensor<1x4x7xf32>
  return %0 : tensor<1x4x7xf32>
}

// -----

func.func @weight_dim0_not_cin(%x: tensor<1x4x5xf32>, %w: tensor<3x4x3xf32>) -> tensor<1x4x7xf32> {
  // expected-error@+1 {{'tconv.torch_conv_transpose' op expects weight dim 0 (3) to equal the input channels (4)}}
  %0 = tconv.torch_conv_transpose %x, %w : (tensor<1x4x5xf32>, tensor<3x4x3xf32>) -> tensor<1x4x7xf32>
  return %0 : tensor<1x4x7xf32>
}

// -----

func.func @zero_output_channels(%x: tensor<1x3x5xf32>, %w: tensor<3x0x3xf32>) -> tensor<1x0x7xf32> {
  // expected-error@+1 {{'tconv.torch_conv_transpose' op expects weight dim 1 (Cout/groups) to be >= 1, got 0}}
  %0 = tconv.torch_conv_transpose %x, %w : (tensor<1x3x5xf32>, tensor<3x0x3xf32>) -> tensor<1x0x7xf32>
  return %0 : tensor<1x0x7xf32>
}

// -----

func.func @zero_kernel(%x: tensor<1x3x5x5xf32>, %w: tensor<3x4x3x0xf32>) -> tensor<1x4x7x4xf32> {
  // expected-error@+1 {{'tconv.torch_conv_transpose' op expects kernel sizes >= 1, got 0 at spatial dim 1}}
  %0 = tconv.torch_conv_transpose %x, %w : (tensor<1x3x5x5xf32>, tensor<3x4x3x0xf32>) -> tensor<1x4x7x4xf32>
  return %0 : tensor<1x4x7x4xf32>
}

// -----

func.func @zero_input_size(%x: tensor<1x3x5x0x5xf32>, %w: tensor<3x4x1x1x1xf32>) -> tensor<1x4x5x0x5xf32> {
  // expected-error@+1 {{'tconv.torch_conv_transpose' op expects input spatial sizes >= 1, got 0 at spatial dim 1}}
  %0 = tconv.torch_conv_transpose %x, %w : (tensor<1x3x5x0x5xf32>, tensor<3x4x1x1x1xf32>) -> tensor<1x4x5x0x5xf32>
  return %0 : tensor<1x4x5x0x5xf32>
}

// -----

func.func @groups_zero(%x: tensor<1x3x5xf32>, %w: tensor<3x4x3xf32>) -> tensor<1x4x7xf32> {
  // expected-error@+1 {{'tconv.torch_conv_transpose' op expects 'groups' >= 1, got 0}}
  %0 = tconv.torch_conv_transpose %x, %w {groups = 0} : (tensor<1x3x5xf32>, tensor<3x4x3xf32>) -> tensor<1x4x7xf32>
  return %0 : tensor<1x4x7xf32>
}

// -----

func.func @groups_negative(%x: tensor<1x3x5xf32>, %w: tensor<3x4x3xf32>) -> tensor<1x4x7xf32> {
  // expected-error@+1 {{'tconv.torch_conv_transpose' op expects 'groups' >= 1, got -3}}
  %0 = tconv.torch_conv_transpose %x, %w {groups = -3} : (tensor<1x3x5xf32>, tensor<3x4x3xf32>) -> tensor<1x4x7xf32>
  return %0 : tensor<1x4x7xf32>
}

// -----

func.func @cin_not_divisible_by_groups(%x: tensor<1x3x5xf32>, %w: tensor<3x4x3xf32>) -> tensor<1x8x7xf32> {
  // expected-error@+1 {{'tconv.torch_conv_transpose' op expects the input channels (3) to be divisible by 'groups' (2)}}
  %0 = tconv.torch_conv_transpose %x, %w {groups = 2} : (tensor<1x3x5xf32>, tensor<3x4x3xf32>) -> tensor<1x8x7xf32>
  return %0 : tensor<1x8x7xf32>
}

// -----

func.func @bias_rank(%x: tensor<1x3x5xf32>, %w: tensor<3x4x3xf32>, %b: tensor<1x4xf32>) -> tensor<1x4x7xf32> {
  // expected-error@+1 {{'tconv.torch_conv_transpose' op expects bias of rank 1 (Cout), got tensor<1x4xf32>}}
  %0 = tconv.torch_conv_transpose %x, %w, %b : (tensor<1x3x5xf32>, tensor<3x4x3xf32>, tensor<1x4xf32>) -> tensor<1x4x7xf32>
  return %0 : tensor<1x4x7xf32>
}

// -----

func.func @bias_element_type(%x: tensor<1x3x5xf32>, %w: tensor<3x4x3xf32>, %b: tensor<4xbf16>) -> tensor<1x4x7xf32> {
  // expected-error@+1 {{'tconv.torch_conv_transpose' op expects bias element type 'f32' (the input's), got 'bf16'}}
  %0 = tconv.torch_conv_transpose %x, %w, %b : (tensor<1x3x5xf32>, tensor<3x4x3xf32>, tensor<4xbf16>) -> tensor<1x4x7xf32>
  return %0 : tensor<1x4x7xf32>
}

// -----

// Cout = weight dim 1 * groups = 2 * 2 = 4.
func.func @bias_size(%x: tensor<1x4x5xf32>, %w: tensor<4x2x3xf32>, %b: tensor<2xf32>) -> tensor<1x4x7xf32> {
  // expected-error@+1 {{'tconv.torch_conv_transpose' op expects bias of size 4 (the output channels), got 2}}
  %0 = tconv.torch_conv_transpose %x, %w, %b {groups = 2} : (tensor<1x4x5xf32>, tensor<4x2x3xf32>, tensor<2xf32>) -> tensor<1x4x7xf32>
  return %0 : tensor<1x4x7xf32>
}

//===----------------------------------------------------------------------===//
// Attributes
//===----------------------------------------------------------------------===//

// -----

func.func @padding_mode_reflect(%x: tensor<1x3x5xf32>, %w: tensor<3x4x3xf32>) -> tensor<1x4x7xf32> {
  // expected-error@+1 {{'tconv.torch_conv_transpose' op expects 'padding_mode' to be "zeros", the only mode PyTorch implements for transposed convolution, got "reflect"}}
  %0 = tconv.torch_conv_transpose %x, %w {padding_mode = "reflect"} : (tensor<1x3x5xf32>, tensor<3x4x3xf32>) -> tensor<1x4x7xf32>
  return %0 : tensor<1x4x7xf32>
}

// -----

func.func @padding_mode_circular(%x: tensor<1x3x5xf32>, %w: tensor<3x4x3xf32>) -> tensor<1x4x7xf32> {
  // expected-error@+1 {{'tconv.torch_conv_transpose' op expects 'padding_mode' to be "zeros", the only mode PyTorch implements for transposed convolution, got "circular"}}
  %0 = tconv.torch_conv_transpose %x, %w {padding_mode = "circular"} : (tensor<1x3x5xf32>, tensor<3x4x3xf32>) -> tensor<1x4x7xf32>
  return %0 : tensor<1x4x7xf32>
}

// -----

func.func @padding_mode_case(%x: tensor<1x3x5xf32>, %w: tensor<3x4x3xf32>) -> tensor<1x4x7xf32> {
  // expected-error@+1 {{got "Zeros"}}
  %0 = tconv.torch_conv_transpose %x, %w {padding_mode = "Zeros"} : (tensor<1x3x5xf32>, tensor<3x4x3xf32>) -> tensor<1x4x7xf32>
  return %0 : tensor<1x4x7xf32>
}

// -----

func.func @stride_length(%x: tensor<1x3x5x5xf32>, %w: tensor<3x4x3x3xf32>) -> tensor<1x4x7x7xf32> {
  // expected-error@+1 {{'tconv.torch_conv_transpose' op expects 'stride' to have 2 value(s), one per spatial dim, got 1: [1]}}
  %0 = tconv.torch_conv_transpose %x, %w {stride = array<i64: 1>} : (tensor<1x3x5x5xf32>, tensor<3x4x3x3xf32>) -> tensor<1x4x7x7xf32>
  return %0 : tensor<1x4x7x7xf32>
}

// -----

func.func @dilation_length(%x: tensor<1x3x5xf32>, %w: tensor<3x4x3xf32>) -> tensor<1x4x7xf32> {
  // expected-error@+1 {{'tconv.torch_conv_transpose' op expects 'dilation' to have 1 value(s), one per spatial dim, got 2: [1, 1]}}
  %0 = tconv.torch_conv_transpose %x, %w {dilation = array<i64: 1, 1>} : (tensor<1x3x5xf32>, tensor<3x4x3xf32>) -> tensor<1x4x7xf32>
  return %0 : tensor<1x4x7xf32>
}

// -----

func.func @padding_length(%x: tensor<1x3x5x5x5xf32>, %w: tensor<3x4x3x3x3xf32>) -> tensor<1x4x7x7x7xf32> {
  // expected-error@+1 {{'tconv.torch_conv_transpose' op expects 'padding' to have 3 value(s), one per spatial dim, got 6: [0, 0, 0, 0, 0, 0]}}
  %0 = tconv.torch_conv_transpose %x, %w {padding = array<i64: 0, 0, 0, 0, 0, 0>} : (tensor<1x3x5x5x5xf32>, tensor<3x4x3x3x3xf32>) -> tensor<1x4x7x7x7xf32>
  return %0 : tensor<1x4x7x7x7xf32>
}

// -----

func.func @output_padding_length(%x: tensor<1x3x5xf32>, %w: tensor<3x4x3xf32>) -> tensor<1x4x7xf32> {
  // expected-error@+1 {{'tconv.torch_conv_transpose' op expects 'output_padding' to have 1 value(s), one per spatial dim, got 0: []}}
  %0 = tconv.torch_conv_transpose %x, %w {output_padding = array<i64>} : (tensor<1x3x5xf32>, tensor<3x4x3xf32>) -> tensor<1x4x7xf32>
  return %0 : tensor<1x4x7xf32>
}

// -----

func.func @stride_zero(%x: tensor<1x3x5x5xf32>, %w: tensor<3x4x3x3xf32>) -> tensor<1x4x7x7xf32> {
  // expected-error@+1 {{'tconv.torch_conv_transpose' op expects 'stride' values >= 1, got 0 at spatial dim 1}}
  %0 = tconv.torch_conv_transpose %x, %w {stride = array<i64: 1, 0>} : (tensor<1x3x5x5xf32>, tensor<3x4x3x3xf32>) -> tensor<1x4x7x7xf32>
  return %0 : tensor<1x4x7x7xf32>
}

// -----

func.func @stride_negative(%x: tensor<1x3x5xf32>, %w: tensor<3x4x3xf32>) -> tensor<1x4x7xf32> {
  // expected-error@+1 {{'tconv.torch_conv_transpose' op expects 'stride' values >= 1, got -2 at spatial dim 0}}
  %0 = tconv.torch_conv_transpose %x, %w {stride = array<i64: -2>} : (tensor<1x3x5xf32>, tensor<3x4x3xf32>) -> tensor<1x4x7xf32>
  return %0 : tensor<1x4x7xf32>
}

// -----

func.func @dilation_zero(%x: tensor<1x3x5xf32>, %w: tensor<3x4x3xf32>) -> tensor<1x4x7xf32> {
  // expected-error@+1 {{'tconv.torch_conv_transpose' op expects 'dilation' values >= 1, got 0 at spatial dim 0}}
  %0 = tconv.torch_conv_transpose %x, %w {dilation = array<i64: 0>} : (tensor<1x3x5xf32>, tensor<3x4x3xf32>) -> tensor<1x4x7xf32>
  return %0 : tensor<1x4x7xf32>
}

// -----

func.func @padding_negative(%x: tensor<1x3x5xf32>, %w: tensor<3x4x3xf32>) -> tensor<1x4x9xf32> {
  // expected-error@+1 {{'tconv.torch_conv_transpose' op expects 'padding' values >= 0, got -1 at spatial dim 0}}
  %0 = tconv.torch_conv_transpose %x, %w {padding = array<i64: -1>} : (tensor<1x3x5xf32>, tensor<3x4x3xf32>) -> tensor<1x4x9xf32>
  return %0 : tensor<1x4x9xf32>
}

// -----

func.func @output_padding_negative(%x: tensor<1x3x5xf32>, %w: tensor<3x4x3xf32>) -> tensor<1x4x6xf32> {
  // expected-error@+1 {{'tconv.torch_conv_transpose' op expects 'output_padding' values >= 0, got -1 at spatial dim 0}}
  %0 = tconv.torch_conv_transpose %x, %w {stride = array<i64: 2>, output_padding = array<i64: -1>} : (tensor<1x3x5xf32>, tensor<3x4x3xf32>) -> tensor<1x4x6xf32>
  return %0 : tensor<1x4x6xf32>
}

// -----

// op = s = 2 with d = 1: max(s, d) = 2.
func.func @output_padding_eq_stride(%x: tensor<1x3x5x5xf32>, %w: tensor<3x4x3x3xf32>) -> tensor<1x4x7x13xf32> {
  // expected-error@+1 {{'tconv.torch_conv_transpose' op expects 'output_padding' values < max(stride, dilation), got 2 at spatial dim 1 with stride 2 and dilation 1}}
  %0 = tconv.torch_conv_transpose %x, %w {stride = array<i64: 1, 2>, output_padding = array<i64: 0, 2>} : (tensor<1x3x5x5xf32>, tensor<3x4x3x3xf32>) -> tensor<1x4x7x13xf32>
  return %0 : tensor<1x4x7x13xf32>
}

// -----

// op = d = 2 with s = 1 (op = 1 < d would be accepted: ops.mlir, normalize.mlir).
func.func @output_padding_eq_dilation(%x: tensor<1x3x5xf32>, %w: tensor<3x4x3xf32>) -> tensor<1x4x11xf32> {
  // expected-error@+1 {{'tconv.torch_conv_transpose' op expects 'output_padding' values < max(stride, dilation), got 2 at spatial dim 0 with stride 1 and dilation 2}}
  %0 = tconv.torch_conv_transpose %x, %w {dilation = array<i64: 2>, output_padding = array<i64: 2>} : (tensor<1x3x5xf32>, tensor<3x4x3xf32>) -> tensor<1x4x11xf32>
  return %0 : tensor<1x4x11xf32>
}

// -----

// L=1 k=2 s=1 p=1: F = 0*1 + 2 = 2, O = 2 - 1 - 1 = 0.
func.func @output_length_zero(%x: tensor<1x3x1xf32>, %w: tensor<3x4x2xf32>) -> tensor<1x4x1xf32> {
  // expected-error@+1 {{'tconv.torch_conv_transpose' op expects a positive output length at spatial dim 0, got 0 (full length 2 minus pad_lo 1 and pad_hi 1)}}
  %0 = tconv.torch_conv_transpose %x, %w {padding = array<i64: 1>} : (tensor<1x3x1xf32>, tensor<3x4x2xf32>) -> tensor<1x4x1xf32>
  return %0 : tensor<1x4x1xf32>
}

// -----

// Spatial dim 1: L=2 k=1 s=2 p=3 op=1: F = 1*2 + 1 = 3, (3, 2): O = 3 - 3 - 2 = -2.
func.func @output_length_negative(%x: tensor<1x3x5x2xf32>, %w: tensor<3x4x3x1xf32>) -> tensor<1x4x7x1xf32> {
  // expected-error@+1 {{'tconv.torch_conv_transpose' op expects a positive output length at spatial dim 1, got -2 (full length 3 minus pad_lo 3 and pad_hi 2)}}
  %0 = tconv.torch_conv_transpose %x, %w {stride = array<i64: 1, 2>, padding = array<i64: 0, 3>, output_padding = array<i64: 0, 1>} : (tensor<1x3x5x2xf32>, tensor<3x4x3x1xf32>) -> tensor<1x4x7x1xf32>
  return %0 : tensor<1x4x7x1xf32>
}

// -----

// Overflow is diagnosed, not wrapped: (5-1) * 2^62 does not fit in int64.
func.func @full_length_overflow(%x: tensor<1x3x5xf32>, %w: tensor<3x4x3xf32>) -> tensor<1x4x7xf32> {
  // expected-error@+1 {{'tconv.torch_conv_transpose' op expects the full length (L-1)*s + d*(k-1) + 1 at spatial dim 0 to fit in 64 bits, got input length 5, kernel size 3, 'stride' 4611686018427387904 and 'dilation' 1}}
  %0 = tconv.torch_conv_transpose %x, %w {stride = array<i64: 4611686018427387904>} : (tensor<1x3x5xf32>, tensor<3x4x3xf32>) -> tensor<1x4x7xf32>
  return %0 : tensor<1x4x7xf32>
}

// -----

// dilation * (k-1) = 2^62 * 2 does not fit in int64.
func.func @dilated_kernel_overflow(%x: tensor<1x3x5xf32>, %w: tensor<3x4x3xf32>) -> tensor<1x4x7xf32> {
  // expected-error@+1 {{'tconv.torch_conv_transpose' op expects the dilated kernel extent dilation*(k-1)+1 to fit in 64 bits, got 'dilation' 4611686018427387904 with kernel size 3 at spatial dim 0}}
  %0 = tconv.torch_conv_transpose %x, %w {dilation = array<i64: 4611686018427387904>} : (tensor<1x3x5xf32>, tensor<3x4x3xf32>) -> tensor<1x4x7xf32>
  return %0 : tensor<1x4x7xf32>
}

//===----------------------------------------------------------------------===//
// Declared result type against the inferred one
//===----------------------------------------------------------------------===//

// -----

func.func @result_element_type(%x: tensor<1x3x5xf32>, %w: tensor<3x4x3xf32>) -> tensor<1x4x7xf16> {
  // expected-error@+1 {{'tconv.torch_conv_transpose' op expects result element type 'f32' (the input's), got 'f16'}}
  %0 = tconv.torch_conv_transpose %x, %w : (tensor<1x3x5xf32>, tensor<3x4x3xf32>) -> tensor<1x4x7xf16>
  return %0 : tensor<1x4x7xf16>
}

// -----

func.func @result_rank(%x: tensor<1x3x5xf32>, %w: tensor<3x4x3xf32>) -> tensor<1x4x7x1xf32> {
  // expected-error@+1 {{'tconv.torch_conv_transpose' op expects result of rank 3, got 4}}
  %0 = tconv.torch_conv_transpose %x, %w : (tensor<1x3x5xf32>, tensor<3x4x3xf32>) -> tensor<1x4x7x1xf32>
  return %0 : tensor<1x4x7x1xf32>
}

// -----

func.func @result_batch(%x: tensor<2x3x5xf32>, %w: tensor<3x4x3xf32>) -> tensor<1x4x7xf32> {
  // expected-error@+1 {{'tconv.torch_conv_transpose' op expects result dim 0 (batch) to be 2, got 1}}
  %0 = tconv.torch_conv_transpose %x, %w : (tensor<2x3x5xf32>, tensor<3x4x3xf32>) -> tensor<1x4x7xf32>
  return %0 : tensor<1x4x7xf32>
}

// -----

// Cout = weight dim 1 * groups = 4 * 3 = 12, not weight dim 1.
func.func @result_channels(%x: tensor<1x3x5xf32>, %w: tensor<3x4x3xf32>) -> tensor<1x4x7xf32> {
  // expected-error@+1 {{'tconv.torch_conv_transpose' op expects result dim 1 (output channels) to be 12, got 4}}
  %0 = tconv.torch_conv_transpose %x, %w {groups = 3} : (tensor<1x3x5xf32>, tensor<3x4x3xf32>) -> tensor<1x4x7xf32>
  return %0 : tensor<1x4x7xf32>
}

// -----

// Row 2 of docs/spec.md §7.2: L=50 k=5 s=3 p=2 op=2 gives 150, not 152.
func.func @result_spatial(%x: tensor<1x3x50xf32>, %w: tensor<3x64x5xf32>) -> tensor<1x64x152xf32> {
  // expected-error@+1 {{'tconv.torch_conv_transpose' op expects result dim 2 (output length of spatial dim 0) to be 150, got 152}}
  %0 = tconv.torch_conv_transpose %x, %w {stride = array<i64: 3>, padding = array<i64: 2>, output_padding = array<i64: 2>} : (tensor<1x3x50xf32>, tensor<3x64x5xf32>) -> tensor<1x64x152xf32>
  return %0 : tensor<1x64x152xf32>
}

// -----

// 2-D, second spatial dim: row 5 (L=16 k=4 s=2 p=1) gives 32.
func.func @result_spatial_dim1(%x: tensor<1x1x16x16xf32>, %w: tensor<1x1x4x4xf32>) -> tensor<1x1x32x33xf32> {
  // expected-error@+1 {{'tconv.torch_conv_transpose' op expects result dim 3 (output length of spatial dim 1) to be 32, got 33}}
  %0 = tconv.torch_conv_transpose %x, %w {stride = array<i64: 2, 2>, padding = array<i64: 1, 1>} : (tensor<1x1x16x16xf32>, tensor<1x1x4x4xf32>) -> tensor<1x1x32x33xf32>
  return %0 : tensor<1x1x32x33xf32>
}
