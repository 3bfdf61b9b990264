// RUN: tconv-opt %s -split-input-file -verify-diagnostics
// Every verifier rule of tconv.ms_conv_transpose (checked in this order:
// operands, pad_mode, stride, dilation, padding, output_padding, weight_init,
// bias_init, then the output length, then the declared result type). The
// operand rules are shared with the other ops (all of them: invalid-torch.mlir);
// the MindSpore spelling 'group' appears in their messages.

//===----------------------------------------------------------------------===//
// Operands
//===----------------------------------------------------------------------===//

func.func @input_rank(%x: tensor<3x5xf32>, %w: tensor<3x4xf32>) -> tensor<3x4xf32> {
  // expected-error@+1 {{'tconv.ms_conv_transpose' op expects input of rank 3, 4 or 5 (N, C and 1 to 3 spatial dims), got rank 2}}
  %0 = tconv.ms_conv_transpose %x, %w : (tensor<3x5xf32>, tensor<3x4xf32>) -> tensor<3x4xf32>
  return %0 : tensor<3x4xf32>
}

// -----

// MindSpore's Conv1dTranspose weight is 4-D (Cin, Cout/group, 1, k); the op
// takes the 3-D (Cin, Cout/group, k).
func.func @weight_rank_ms_1d_layout(%x: tensor<1x3x5xf32>, %w: tensor<3x4x1x3xf32>) -> tensor<1x4x15xf32> {
  // expected-error@+1 {{'tconv.ms_conv_transpose' op expects weight of rank 3 (Cin, Cout/groups and one kernel size per spatial dim) like the input, got rank 4}}
  %0 = tconv.ms_conv_transpose %x, %w {stride = array<i64: 3>} : (tensor<1x3x5xf32>, tensor<3x4x1x3xf32>) -> tensor<1x4x15xf32>
  return %0 : tensor<1x4x15xf32>
}

// -----

func.func @weight_element_type(%x: tensor<1x3x5xbf16>, %w: tensor<3x4x3xf16>) -> tensor<1x4x5xbf16> {
  // expected-error@+1 {{'tconv.ms_conv_transpose' op expects weight element type 'bf16' (the input's), got 'f16'}}
  %0 = tconv.ms_conv_transpose %x, %w : (tensor<1x3x5xbf16>, tensor<3x4x3xf16>) -> tensor<1x4x5xbf16>
  return %0 : tensor<1x4x5xbf16>
}

// -----

func.func @dynamic_input_channels(%x: tensor<?x?x5x5xf32>, %w: tensor<3x4x3x3xf32>) -> tensor<?x4x5x5xf32> {
  // expected-error@+1 {{'tconv.ms_conv_transpose' op expects a static input channel count (dim 1), got tensor<?x?x5x5xf32>}}
  %0 = tconv.ms_conv_transpose %x, %w : (tensor<?x?x5x5xf32>, tensor<3x4x3x3xf32>) -> tensor<?x4x5x5xf32>
  return %0 : tensor<?x4x5x5xf32>
}

// -----

func.func @weight_dim0_not_cin(%x: tensor<1x3x5xf32>, %w: tensor<6x4x3xf32>) -> tensor<1x4x5xf32> {
  // expected-error@+1 {{'tconv.ms_conv_transpose' op expects weight dim 0 (6) to equal the input channels (3)}}
  %0 = tconv.ms_conv_transpose %x, %w : (tensor<1x3x5xf32>, tensor<6x4x3xf32>) -> tensor<1x4x5xf32>
  return %0 : tensor<1x4x5xf32>
}

// -----

func.func @zero_output_channels(%x: tensor<1x3x5xf32>, %w: tensor<3x0x3xf32>) -> tensor<1x0x5xf32> {
  // expected-error@+1 {{'tconv.ms_conv_transpose' op expects weight dim 1 (Cout/group) to be >= 1, got 0}}
  %0 = tconv.ms_conv_transpose %x, %w : (tensor<1x3x5xf32>, tensor<3x0x3xf32>) -> tensor<1x0x5xf32>
  return %0 : tensor<1x0x5xf32>
}

// -----

func.func @group_zero(%x: tensor<1x4x5xf32>, %w: tensor<4x2x3xf32>) -> tensor<1x4x5xf32> {
  // expected-error@+1 {{'tconv.ms_conv_transpose' op expects 'group' >= 1, got 0}}
  %0 = tconv.ms_conv_transpose %x, %w {group = 0} : (tensor<1x4x5xf32>, tensor<4x2x3xf32>) -> tensor<1x4x5xf32>
  return %0 : tensor<1x4x5xf32>
}

// -----

func.func @cin_not_divisible_by_group(%x: tensor<1x4x5xf32>, %w: tensor<4x2x3xf32>) -> tensor<1x6x5xf32> {
  // expected-error@+1 {{'tconv.ms_conv_transpose' op expects the input channels (4) to be divisible by 'group' (3)}}
  %0 = tconv.ms_conv_transpose %x, %w {group = 3} : (tensor<1x4x5xf32>, tensor<4x2x3xf32>) -> tensor<1x6x5xf32>
  return %0 : tensor<1x6x5xf32>
}

// -----

func.func @bias_size(%x: tensor<1x4x5xf32>, %w: tensor<4x2x3xf32>, %b: tensor<2xf32>) -> tensor<1x4x5xf32> {
  // expected-error@+1 {{'tconv.ms_conv_transpose' op expects bias of size 4 (the output channels), got 2}}
  %0 = tconv.ms_conv_transpose %x, %w, %b {group = 2} : (tensor<1x4x5xf32>, tensor<4x2x3xf32>, tensor<2xf32>) -> tensor<1x4x5xf32>
  return %0 : tensor<1x4x5xf32>
}

// -----

func.func @bias_rank(%x: tensor<1x4x5xf32>, %w: tensor<4x2x3xf32>, %b: tensor<2x2xf32>) -> tensor<1x4x5xf32> {
  // expected-error@+1 {{'tconv.ms_conv_transpose' op expects bias of rank 1 (Cout), got tensor<2x2xf32>}}
  %0 = tconv.ms_conv_transpose %x, %w, %b {group = 2} : (tensor<1x4x5xf32>, tensor<4x2x3xf32>, tensor<2x2xf32>) -> tensor<1x4x5xf32>
  return %0 : tensor<1x4x5xf32>
}

// -----

func.func @bias_element_type(%x: tensor<1x4x5xf32>, %w: tensor<4x2x3xf32>, %b: tensor<2xf64>) -> tensor<1x2x5xf32> {
  // expected-error@+1 {{'tconv.ms_conv_transpose' op expects bias element type 'f32' (the input's), got 'f64'}}
  %0 = tconv.ms_conv_transpose %x, %w, %b : (tensor<1x4x5xf32>, tensor<4x2x3xf32>, tensor<2xf64>) -> tensor<1x2x5xf32>
  return %0 : tensor<1x2x5xf32>
}

//===----------------------------------------------------------------------===//
// pad_mode, stride, dilation
//===----------------------------------------------------------------------===//

// -----

func.func @pad_mode_upper_case(%x: tensor<1x3x5xf32>, %w: tensor<3x4x3xf32>) -> tensor<1x4x5xf32> {
  // expected-error@+1 {{'tconv.ms_conv_transpose' op expects 'pad_mode' to be "same", "valid" or "pad" (case-sensitive, as MindSpore checks it), got "SAME"}}
  %0 = tconv.ms_conv_transpose %x, %w {pad_mode = "SAME"} : (tensor<1x3x5xf32>, tensor<3x4x3xf32>) -> tensor<1x4x5xf32>
  return %0 : tensor<1x4x5xf32>
}

// -----

func.func @pad_mode_unknown(%x: tensor<1x3x5xf32>, %w: tensor<3x4x3xf32>) -> tensor<1x4x5xf32> {
  // expected-error@+1 {{'tconv.ms_conv_transpose' op expects 'pad_mode' to be "same", "valid" or "pad" (case-sensitive, as MindSpore checks it), got "full"}}
  %0 = tconv.ms_conv_transpose %x, %w {pad_mode = "full"} : (tensor<1x3x5xf32>, tensor<3x4x3xf32>) -> tensor<1x4x5xf32>
  return %0 : tensor<1x4x5xf32>
}

// -----

func.func @pad_mode_empty(%x: tensor<1x3x5xf32>, %w: tensor<3x4x3xf32>) -> tensor<1x4x5xf32> {
  // expected-error@+1 {{got ""}}
  %0 = tconv.ms_conv_transpose %x, %w {pad_mode = ""} : (tensor<1x3x5xf32>, tensor<3x4x3xf32>) -> tensor<1x4x5xf32>
  return %0 : tensor<1x4x5xf32>
}

// -----

func.func @stride_length(%x: tensor<1x3x5x5x5xf32>, %w: tensor<3x4x3x3x3xf32>) -> tensor<1x4x5x5x5xf32> {
  // expected-error@+1 {{'tconv.ms_conv_transpose' op expects 'stride' to have 3 value(s), one per spatial dim, got 2: [1, 1]}}
  %0 = tconv.ms_conv_transpose %x, %w {stride = array<i64: 1, 1>} : (tensor<1x3x5x5x5xf32>, tensor<3x4x3x3x3xf32>) -> tensor<1x4x5x5x5xf32>
  return %0 : tensor<1x4x5x5x5xf32>
}

// -----

func.func @stride_zero(%x: tensor<1x3x5xf32>, %w: tensor<3x4x3xf32>) -> tensor<1x4x5xf32> {
  // expected-error@+1 {{'tconv.ms_conv_transpose' op expects 'stride' values >= 1, got 0 at spatial dim 0}}
  %0 = tconv.ms_conv_transpose %x, %w {stride = array<i64: 0>} : (tensor<1x3x5xf32>, tensor<3x4x3xf32>) -> tensor<1x4x5xf32>
  return %0 : tensor<1x4x5xf32>
}

// -----

func.func @dilation_length(%x: tensor<1x3x5x5xf32>, %w: tensor<3x4x3x3xf32>) -> tensor<1x4x5x5xf32> {
  // expected-error@+1 {{'tconv.ms_conv_transpose' op expects 'dilation' to have 2 value(s), one per spatial dim, got 1: [2]}}
  %0 = tconv.ms_conv_transpose %x, %w {dilation = array<i64: 2>} : (tensor<1x3x5x5xf32>, tensor<3x4x3x3xf32>) -> tensor<1x4x5x5xf32>
  return %0 : tensor<1x4x5x5xf32>
}

// -----

func.func @dilation_negative(%x: tensor<1x3x5x5xf32>, %w: tensor<3x4x3x3xf32>) -> tensor<1x4x5x5xf32> {
  // expected-error@+1 {{'tconv.ms_conv_transpose' op expects 'dilation' values >= 1, got -1 at spatial dim 0}}
  %0 = tconv.ms_conv_transpose %x, %w {dilation = array<i64: -1, 1>} : (tensor<1x3x5x5xf32>, tensor<3x4x3x3xf32>) -> tensor<1x4x5x5xf32>
  return %0 : tensor<1x4x5x5xf32>
}

//===----------------------------------------------------------------------===//
// padding
//===----------------------------------------------------------------------===//

// -----

// Conv1dTranspose takes a single int.
func.func @padding_1d_pair(%x: tensor<1x3x5xf32>, %w: tensor<3x4x3xf32>) -> tensor<1x4x4xf32> {
  // expected-error@+1 {{'tconv.ms_conv_transpose' op expects 'padding' to have 1 value for 1 spatial dim (Conv1dTranspose takes a single int), got 2: [1, 2]}}
  %0 = tconv.ms_conv_transpose %x, %w {pad_mode = "pad", padding = array<i64: 1, 2>} : (tensor<1x3x5xf32>, tensor<3x4x3xf32>) -> tensor<1x4x4xf32>
  return %0 : tensor<1x4x4xf32>
}

// -----

func.func @padding_2d_three(%x: tensor<1x3x5x5xf32>, %w: tensor<3x4x3x3xf32>) -> tensor<1x4x5x5xf32> {
  // expected-error@+1 {{'tconv.ms_conv_transpose' op expects 'padding' to have 2 value(s) (one per spatial dim) or 4 values (begin, end per spatial dim), got 3: [1, 1, 1]}}
  %0 = tconv.ms_conv_transpose %x, %w {pad_mode = "pad", padding = array<i64: 1, 1, 1>} : (tensor<1x3x5x5xf32>, tensor<3x4x3x3xf32>) -> tensor<1x4x5x5xf32>
  return %0 : tensor<1x4x5x5xf32>
}

// -----

func.func @padding_3d_four(%x: tensor<1x3x5x5x5xf32>, %w: tensor<3x4x3x3x3xf32>) -> tensor<1x4x5x5x5xf32> {
  // expected-error@+1 {{'tconv.ms_conv_transpose' op expects 'padding' to have 3 value(s) (one per spatial dim) or 6 values (begin, end per spatial dim), got 4: [1, 1, 1, 1]}}
  %0 = tconv.ms_conv_transpose %x, %w {pad_mode = "pad", padding = array<i64: 1, 1, 1, 1>} : (tensor<1x3x5x5x5xf32>, tensor<3x4x3x3x3xf32>) -> tensor<1x4x5x5x5xf32>
  return %0 : tensor<1x4x5x5x5xf32>
}

// -----

func.func @padding_negative(%x: tensor<1x3x5x5xf32>, %w: tensor<3x4x3x3xf32>) -> tensor<1x4x5x5xf32> {
  // expected-error@+1 {{'tconv.ms_conv_transpose' op expects 'padding' values >= 0, got -1 at index 3 of [0, 0, 0, -1]}}
  %0 = tconv.ms_conv_transpose %x, %w {pad_mode = "pad", padding = array<i64: 0, 0, 0, -1>} : (tensor<1x3x5x5xf32>, tensor<3x4x3x3xf32>) -> tensor<1x4x5x5xf32>
  return %0 : tensor<1x4x5x5xf32>
}

// -----

func.func @padding_with_same(%x: tensor<1x3x5xf32>, %w: tensor<3x4x3xf32>) -> tensor<1x4x5xf32> {
  // expected-error@+1 {{'tconv.ms_conv_transpose' op expects 'padding' to be all zeros unless pad_mode is "pad", got [1] with pad_mode "same"}}
  %0 = tconv.ms_conv_transpose %x, %w {padding = array<i64: 1>} : (tensor<1x3x5xf32>, tensor<3x4x3xf32>) -> tensor<1x4x5xf32>
  return %0 : tensor<1x4x5xf32>
}

// -----

func.func @padding_with_valid(%x: tensor<1x3x5x5xf32>, %w: tensor<3x4x3x3xf32>) -> tensor<1x4x7x7xf32> {
  // expected-error@+1 {{'tconv.ms_conv_transpose' op expects 'padding' to be all zeros unless pad_mode is "pad", got [0, 0, 1, 0] with pad_mode "valid"}}
  %0 = tconv.ms_conv_transpose %x, %w {pad_mode = "valid", padding = array<i64: 0, 0, 1, 0>} : (tensor<1x3x5x5xf32>, tensor<3x4x3x3xf32>) -> tensor<1x4x7x7xf32>
  return %0 : tensor<1x4x7x7xf32>
}

//===----------------------------------------------------------------------===//
// output_padding
//===----------------------------------------------------------------------===//

// -----

// Conv1dTranspose has no output_padding, not even a zero one.
func.func @output_padding_1d(%x: tensor<1x3x5xf32>, %w: tensor<3x4x3xf32>) -> tensor<1x4x5xf32> {
  // expected-error@+1 {{'tconv.ms_conv_transpose' op expects no 'output_padding' for 1 spatial dim (MindSpore's Conv1dTranspose has none), got [0]}}
  %0 = tconv.ms_conv_transpose %x, %w {output_padding = array<i64: 0>} : (tensor<1x3x5xf32>, tensor<3x4x3xf32>) -> tensor<1x4x5xf32>
  return %0 : tensor<1x4x5xf32>
}

// -----

func.func @output_padding_2d_length(%x: tensor<1x3x5x5xf32>, %w: tensor<3x4x3x3xf32>) -> tensor<1x4x5x5xf32> {
  // expected-error@+1 {{'tconv.ms_conv_transpose' op expects 'output_padding' to have 2 value(s), one per spatial dim, got 1: [1]}}
  %0 = tconv.ms_conv_transpose %x, %w {pad_mode = "pad", stride = array<i64: 2, 2>, output_padding = array<i64: 1>} : (tensor<1x3x5x5xf32>, tensor<3x4x3x3xf32>) -> tensor<1x4x5x5xf32>
  return %0 : tensor<1x4x5x5xf32>
}

// -----

// The 3-D docstring describes a 6-tuple; the code takes one value per dim.
func.func @output_padding_3d_six(%x: tensor<1x3x5x5x5xf32>, %w: tensor<3x4x3x3x3xf32>) -> tensor<1x4x5x5x5xf32> {
  // expected-error@+1 {{'tconv.ms_conv_transpose' op expects 'output_padding' to have 3 value(s), one per spatial dim, got 6: [0, 1, 0, 1, 0, 1]}}
  %0 = tconv.ms_conv_transpose %x, %w {pad_mode = "pad", stride = array<i64: 2, 2, 2>, output_padding = array<i64: 0, 1, 0, 1, 0, 1>} : (tensor<1x3x5x5x5xf32>, tensor<3x4x3x3x3xf32>) -> tensor<1x4x5x5x5xf32>
  return %0 : tensor<1x4x5x5x5xf32>
}

// -----

func.func @output_padding_negative(%x: tensor<1x3x5x5xf32>, %w: tensor<3x4x3x3xf32>) -> tensor<1x4x5x5xf32> {
  // expected-error@+1 {{'tconv.ms_conv_transpose' op expects 'output_padding' values >= 0, got -1 at spatial dim 1}}
  %0 = tconv.ms_conv_transpose %x, %w {pad_mode = "pad", output_padding = array<i64: 0, -1>} : (tensor<1x3x5x5xf32>, tensor<3x4x3x3xf32>) -> tensor<1x4x5x5xf32>
  return %0 : tensor<1x4x5x5xf32>
}

// -----

// 0 <= op < max(stride, dilation) = max(2, 3) = 3 (2-D).
func.func @output_padding_bound_2d(%x: tensor<1x3x5x5xf32>, %w: tensor<3x4x3x3xf32>) -> tensor<1x4x9x13xf32> {
  // expected-error@+1 {{'tconv.ms_conv_transpose' op expects 'output_padding' values < max(stride, dilation), got 3 at spatial dim 1 with stride 2 and dilation 3}}
  %0 = tconv.ms_conv_transpose %x, %w {pad_mode = "pad", stride = array<i64: 2, 2>, dilation = array<i64: 1, 3>, padding = array<i64: 1, 1>, output_padding = array<i64: 1, 3>} : (tensor<1x3x5x5xf32>, tensor<3x4x3x3xf32>) -> tensor<1x4x9x13xf32>
  return %0 : tensor<1x4x9x13xf32>
}

// -----

func.func @output_padding_bound_3d(%x: tensor<1x3x5x5x5xf32>, %w: tensor<3x4x3x3x3xf32>) -> tensor<1x4x5x5x5xf32> {
  // expected-error@+1 {{'tconv.ms_conv_transpose' op expects 'output_padding' values < max(stride, dilation), got 1 at spatial dim 0 with stride 1 and dilation 1}}
  %0 = tconv.ms_conv_transpose %x, %w {pad_mode = "pad", output_padding = array<i64: 1, 0, 0>} : (tensor<1x3x5x5x5xf32>, tensor<3x4x3x3x3xf32>) -> tensor<1x4x5x5x5xf32>
  return %0 : tensor<1x4x5x5x5xf32>
}

// -----

// Conv2dTranspose: a non-zero output_padding needs pad_mode "pad".
func.func @output_padding_2d_same(%x: tensor<1x3x5x5xf32>, %w: tensor<3x4x3x3xf32>) -> tensor<1x4x11x10xf32> {
  // expected-error@+1 {{'tconv.ms_conv_transpose' op expects pad_mode "pad" when 'output_padding' is non-zero (Conv2dTranspose), got 'output_padding' [1, 0] with pad_mode "same"}}
  %0 = tconv.ms_conv_transpose %x, %w {stride = array<i64: 2, 2>, output_padding = array<i64: 1, 0>} : (tensor<1x3x5x5xf32>, tensor<3x4x3x3xf32>) -> tensor<1x4x11x10xf32>
  return %0 : tensor<1x4x11x10xf32>
}

// -----

func.func @output_padding_2d_valid(%x: tensor<1x3x5x5xf32>, %w: tensor<3x4x3x3xf32>) -> tensor<1x4x11x12xf32> {
  // expected-error@+1 {{'tconv.ms_conv_transpose' op expects pad_mode "pad" when 'output_padding' is non-zero (Conv2dTranspose), got 'output_padding' [0, 1] with pad_mode "valid"}}
  %0 = tconv.ms_conv_transpose %x, %w {pad_mode = "valid", stride = array<i64: 2, 2>, output_padding = array<i64: 0, 1>} : (tensor<1x3x5x5xf32>, tensor<3x4x3x3xf32>) -> tensor<1x4x11x12xf32>
  return %0 : tensor<1x4x11x12xf32>
}

// -----

// Conv3dTranspose rejects output_padding with "valid" (its primitive does)...
func.func @output_padding_3d_valid(%x: tensor<1x3x5x5x5xf32>, %w: tensor<3x4x3x3x3xf32>) -> tensor<1x4x11x11x12xf32> {
  // expected-error@+1 {{'tconv.ms_conv_transpose' op expects 'output_padding' to be zero with pad_mode "valid" (Conv3dTranspose), got [0, 0, 1]}}
  %0 = tconv.ms_conv_transpose %x, %w {pad_mode = "valid", stride = array<i64: 2, 2, 2>, output_padding = array<i64: 0, 0, 1>} : (tensor<1x3x5x5x5xf32>, tensor<3x4x3x3x3xf32>) -> tensor<1x4x11x11x12xf32>
  return %0 : tensor<1x4x11x11x12xf32>
}

// -----

// ...and silently drops it with "same": a warning, and the length is L*s = 10.
func.func @output_padding_3d_same_warning(%x: tensor<1x3x5x5x5xf32>, %w: tensor<3x4x3x3x3xf32>) -> tensor<1x4x10x10x10xf32> {
  // expected-warning@+1 {{'tconv.ms_conv_transpose' op ignores 'output_padding' [1, 0, 1] with pad_mode "same", as MindSpore's Conv3dTranspose does}}
  %0 = tconv.ms_conv_transpose %x, %w {stride = array<i64: 2, 2, 2>, output_padding = array<i64: 1, 0, 1>} : (tensor<1x3x5x5x5xf32>, tensor<3x4x3x3x3xf32>) -> tensor<1x4x10x10x10xf32>
  return %0 : tensor<1x4x10x10x10xf32>
}

//===----------------------------------------------------------------------===//
// weight_init, bias_init
//===----------------------------------------------------------------------===//

// -----

// MindSpore registers "truncatednormal" only, no underscore alias.
func.func @weight_init_truncated_normal(%x: tensor<1x3x5xf32>, %w: tensor<3x4x3xf32>) -> tensor<1x4x5xf32> {
  // expected-error@+1 {{'tconv.ms_conv_transpose' op expects 'weight_init' to be a MindSpore initializer name, got "truncated_normal" (the class corresponding to it was not found)}}
  %0 = tconv.ms_conv_transpose %x, %w {weight_init = "truncated_normal"} : (tensor<1x3x5xf32>, tensor<3x4x3xf32>) -> tensor<1x4x5xf32>
  return %0 : tensor<1x4x5xf32>
}

// -----

func.func @weight_init_sparse(%x: tensor<1x3x5xf32>, %w: tensor<3x4x3xf32>) -> tensor<1x4x5xf32> {
  // expected-error@+1 {{'tconv.ms_conv_transpose' op expects 'weight_init' to name an initializer usable from a string, got "Sparse" (Sparse needs a sparsity argument)}}
  %0 = tconv.ms_conv_transpose %x, %w {weight_init = "Sparse"} : (tensor<1x3x5xf32>, tensor<3x4x3xf32>) -> tensor<1x4x5xf32>
  return %0 : tensor<1x4x5xf32>
}

// -----

// Identity needs a 2-D tensor; a weight has rank 3 to 5.
func.func @weight_init_identity(%x: tensor<1x3x5x5xf32>, %w: tensor<3x4x3x3xf32>) -> tensor<1x4x5x5xf32> {
  // expected-error@+1 {{'tconv.ms_conv_transpose' op expects 'weight_init' to suit a tensor of rank 4, got "identity", which needs rank 2}}
  %0 = tconv.ms_conv_transpose %x, %w {weight_init = "identity"} : (tensor<1x3x5x5xf32>, tensor<3x4x3x3xf32>) -> tensor<1x4x5x5xf32>
  return %0 : tensor<1x4x5x5xf32>
}

// -----

// HeUniform computes fan_in, which needs rank >= 2; a bias has rank 1.
func.func @bias_init_he_uniform(%x: tensor<1x3x5xf32>, %w: tensor<3x4x3xf32>, %b: tensor<4xf32>) -> tensor<1x4x5xf32> {
  // expected-error@+1 {{'tconv.ms_conv_transpose' op expects 'bias_init' to suit a tensor of rank 1, got "he_uniform", which needs rank 2 to 99}}
  %0 = tconv.ms_conv_transpose %x, %w, %b {bias_init = "he_uniform"} : (tensor<1x3x5xf32>, tensor<3x4x3xf32>, tensor<4xf32>) -> tensor<1x4x5xf32>
  return %0 : tensor<1x4x5xf32>
}

// -----

func.func @bias_init_dirac(%x: tensor<1x3x5xf32>, %w: tensor<3x4x3xf32>, %b: tensor<4xf32>) -> tensor<1x4x5xf32> {
  // expected-error@+1 {{'tconv.ms_conv_transpose' op expects 'bias_init' to suit a tensor of rank 1, got "Dirac", which needs rank 3 to 5}}
  %0 = tconv.ms_conv_transpose %x, %w, %b {bias_init = "Dirac"} : (tensor<1x3x5xf32>, tensor<3x4x3xf32>, tensor<4xf32>) -> tensor<1x4x5xf32>
  return %0 : tensor<1x4x5xf32>
}

// -----

func.func @bias_init_unknown(%x: tensor<1x3x5xf32>, %w: tensor<3x4x3xf32>, %b: tensor<4xf32>) -> tensor<1x4x5xf32> {
  // expected-error@+1 {{'tconv.ms_conv_transpose' op expects 'bias_init' to be a MindSpore initializer name, got "glorot_uniform" (the class corresponding to it was not found)}}
  %0 = tconv.ms_conv_transpose %x, %w, %b {bias_init = "glorot_uniform"} : (tensor<1x3x5xf32>, tensor<3x4x3xf32>, tensor<4xf32>) -> tensor<1x4x5xf32>
  return %0 : tensor<1x4x5xf32>
}

// -----

// Accepted, case-insensitively, aliases included (docs/spec.md §2.6).
func.func @init_aliases_accepted(%x: tensor<1x3x5x5x5xf32>, %w: tensor<3x4x3x3x3xf32>, %b: tensor<4xf32>) -> (tensor<1x4x5x5x5xf32>, tensor<1x4x5x5x5xf32>, tensor<1x4x5x5x5xf32>, tensor<1x4x5x5x5xf32>) {
  %0 = tconv.ms_conv_transpose %x, %w, %b {weight_init = "TruncatedNormal", bias_init = "NORMAL"} : (tensor<1x3x5x5x5xf32>, tensor<3x4x3x3x3xf32>, tensor<4xf32>) -> tensor<1x4x5x5x5xf32>
  %1 = tconv.ms_conv_transpose %x, %w, %b {weight_init = "He_Normal", bias_init = "Zero"} : (tensor<1x3x5x5x5xf32>, tensor<3x4x3x3x3xf32>, tensor<4xf32>) -> tensor<1x4x5x5x5xf32>
  %2 = tconv.ms_conv_transpose %x, %w, %b {weight_init = "XAVIER_NORMAL", bias_init = "ones"} : (tensor<1x3x5x5x5xf32>, tensor<3x4x3x3x3xf32>, tensor<4xf32>) -> tensor<1x4x5x5x5xf32>
  %3 = tconv.ms_conv_transpose %x, %w, %b {weight_init = "Dirac", bias_init = "Uniform"} : (tensor<1x3x5x5x5xf32>, tensor<3x4x3x3x3xf32>, tensor<4xf32>) -> tensor<1x4x5x5x5xf32>
  return %0, %1, %2, %3 : tensor<1x4x5x5x5xf32>, tensor<1x4x5x5x5xf32>, tensor<1x4x5x5x5xf32>, tensor<1x4x5x5x5xf32>
}

//===----------------------------------------------------------------------===//
// Output length
//===----------------------------------------------------------------------===//

// -----

// "pad", L=1 k=2 s=1 padding 1: F = 2, (1,1) -> 0.
func.func @output_length_pad_1d(%x: tensor<1x3x1xf32>, %w: tensor<3x4x2xf32>) -> tensor<1x4x1xf32> {
  // expected-error@+1 {{'tconv.ms_conv_transpose' op expects a positive output length at spatial dim 0, got 0 (full length 2 minus pad_lo 1 and pad_hi 1)}}
  %0 = tconv.ms_conv_transpose %x, %w {pad_mode = "pad", padding = array<i64: 1>} : (tensor<1x3x1xf32>, tensor<3x4x2xf32>) -> tensor<1x4x1xf32>
  return %0 : tensor<1x4x1xf32>
}

// -----

// 2-D: the hard zeros of output_padding do not rescue an empty convolution.
// H: L=1 k=1 s=2, (top, bottom) = (1, 0): F = 1, 1 - 1 - 0 = 0 (+1 zero).
func.func @output_length_pad_2d_trailing_zeros(%x: tensor<1x3x1x5xf32>, %w: tensor<3x4x1x1xf32>) -> tensor<1x4x1x9xf32> {
  // expected-error@+1 {{'tconv.ms_conv_transpose' op expects a positive output length at spatial dim 0, got 0 (full length 1 minus pad_lo 1 and pad_hi 0)}}
  %0 = tconv.ms_conv_transpose %x, %w {pad_mode = "pad", stride = array<i64: 2, 2>, padding = array<i64: 1, 0, 0, 0>, output_padding = array<i64: 1, 0>} : (tensor<1x3x1x5xf32>, tensor<3x4x1x1xf32>) -> tensor<1x4x1x9xf32>
  return %0 : tensor<1x4x1x9xf32>
}

// -----

// 3-D 6-tuple, W: L=2 k=1 s=1 (left, right) = (1, 2): F = 2, 2 - 1 - 2 = -1.
func.func @output_length_pad_3d(%x: tensor<1x3x2x2x2xf32>, %w: tensor<3x4x1x1x1xf32>) -> tensor<1x4x2x2x1xf32> {
  // expected-error@+1 {{'tconv.ms_conv_transpose' op expects a positive output length at spatial dim 2, got -1 (full length 2 minus pad_lo 1 and pad_hi 2)}}
  %0 = tconv.ms_conv_transpose %x, %w {pad_mode = "pad", padding = array<i64: 0, 0, 0, 0, 1, 2>} : (tensor<1x3x2x2x2xf32>, tensor<3x4x1x1x1xf32>) -> tensor<1x4x2x2x1xf32>
  return %0 : tensor<1x4x2x2x1xf32>
}

//===----------------------------------------------------------------------===//
// Declared result type against the inferred one
//===----------------------------------------------------------------------===//

// -----

func.func @result_element_type(%x: tensor<1x3x5xf16>, %w: tensor<3x4x3xf16>) -> tensor<1x4x5xbf16> {
  // expected-error@+1 {{'tconv.ms_conv_transpose' op expects result element type 'f16' (the input's), got 'bf16'}}
  %0 = tconv.ms_conv_transpose %x, %w : (tensor<1x3x5xf16>, tensor<3x4x3xf16>) -> tensor<1x4x5xbf16>
  return %0 : tensor<1x4x5xbf16>
}

// -----

func.func @result_rank(%x: tensor<1x3x5x5xf32>, %w: tensor<3x4x3x3xf32>) -> tensor<1x4x5xf32> {
  // expected-error@+1 {{'tconv.ms_conv_transpose' op expects result of rank 4, got 3}}
  %0 = tconv.ms_conv_transpose %x, %w : (tensor<1x3x5x5xf32>, tensor<3x4x3x3xf32>) -> tensor<1x4x5xf32>
  return %0 : tensor<1x4x5xf32>
}

// -----

func.func @result_batch(%x: tensor<4x3x5xf32>, %w: tensor<3x4x3xf32>) -> tensor<2x4x5xf32> {
  // expected-error@+1 {{'tconv.ms_conv_transpose' op expects result dim 0 (batch) to be 4, got 2}}
  %0 = tconv.ms_conv_transpose %x, %w : (tensor<4x3x5xf32>, tensor<3x4x3xf32>) -> tensor<2x4x5xf32>
  return %0 : tensor<2x4x5xf32>
}

// -----

// Cout = (Cout/group) * group = 2 * 2 = 4.
func.func @result_channels(%x: tensor<1x4x5xf32>, %w: tensor<4x2x3xf32>) -> tensor<1x2x5xf32> {
  // expected-error@+1 {{'tconv.ms_conv_transpose' op expects result dim 1 (output channels) to be 4, got 2}}
  %0 = tconv.ms_conv_transpose %x, %w {group = 2} : (tensor<1x4x5xf32>, tensor<4x2x3xf32>) -> tensor<1x2x5xf32>
  return %0 : tensor<1x2x5xf32>
}

// -----

// "same" is L*s = 150 (row 13), not the full length 152.
func.func @result_same(%x: tensor<1x3x50xf32>, %w: tensor<3x64x5xf32>) -> tensor<1x64x152xf32> {
  // expected-error@+1 {{'tconv.ms_conv_transpose' op expects result dim 2 (output length of spatial dim 0) to be 150, got 152}}
  %0 = tconv.ms_conv_transpose %x, %w {stride = array<i64: 3>} : (tensor<1x3x50xf32>, tensor<3x64x5xf32>) -> tensor<1x64x152xf32>
  return %0 : tensor<1x64x152xf32>
}

// -----

// "valid" with dk < s is max(F, L*s) = 12 (row 18), not the docstring's F = 11.
func.func @result_valid_dk_lt_s(%x: tensor<1x1x4xf32>, %w: tensor<1x1x2xf32>) -> tensor<1x1x11xf32> {
  // expected-error@+1 {{'tconv.ms_conv_transpose' op expects result dim 2 (output length of spatial dim 0) to be 12, got 11}}
  %0 = tconv.ms_conv_transpose %x, %w {stride = array<i64: 3>, pad_mode = "valid"} : (tensor<1x1x4xf32>, tensor<1x1x2xf32>) -> tensor<1x1x11xf32>
  return %0 : tensor<1x1x11xf32>
}

// -----

// 2-D "valid", k=5 s=3 on 50: 152, not the docstring's 150 (missing +k).
func.func @result_valid_2d(%x: tensor<1x1x50x50xf32>, %w: tensor<1x1x5x5xf32>) -> tensor<1x1x152x150xf32> {
  // expected-error@+1 {{'tconv.ms_conv_transpose' op expects result dim 3 (output length of spatial dim 1) to be 152, got 150}}
  %0 = tconv.ms_conv_transpose %x, %w {stride = array<i64: 3, 3>, pad_mode = "valid"} : (tensor<1x1x50x50xf32>, tensor<1x1x5x5xf32>) -> tensor<1x1x152x150xf32>
  return %0 : tensor<1x1x152x150xf32>
}

// -----

// Row 22: the 2-D output_padding zeros count: 9 + 1 = 10.
func.func @result_output_padding_2d(%x: tensor<1x1x5x5xf32>, %w: tensor<1x1x3x3xf32>) -> tensor<1x1x9x9xf32> {
  // expected-error@+1 {{'tconv.ms_conv_transpose' op expects result dim 2 (output length of spatial dim 0) to be 10, got 9}}
  %0 = tconv.ms_conv_transpose %x, %w {stride = array<i64: 2, 2>, pad_mode = "pad", padding = array<i64: 1, 1>, output_padding = array<i64: 1, 0>} : (tensor<1x1x5x5xf32>, tensor<1x1x3x3xf32>) -> tensor<1x1x9x9xf32>
  return %0 : tensor<1x1x9x9xf32>
}
