// RUN: tconv-opt %s -split-input-file -verify-diagnostics
// Every verifier rule of the canonical tconv.conv_transpose (checked in this
// order: operands, stride, dilation, pad_lo, pad_hi, the output length, the
// declared result type). Negative pads and pads beyond dk-1 are legal.

func.func @input_rank(%x: tensor<1x3x5x5x5x5xf32>, %w: tensor<3x4x1x1x1x1xf32>) -> tensor<1x4x5x5x5x5xf32> {
  // expected-error@+1 {{'tconv.conv_transpose' op expects input of rank 3, 4 or 5 (N, C and 1 to 3 spatial dims), got rank 6}}
  %0 = tconv.conv_transpose %x, %w {stride = array<i64: 1, 1, 1, 1>, dilation = array<i64: 1, 1, 1, 1>, pad_lo = array<i64: 0, 0, 0, 0>, pad_hi = array<i64: 0, 0, 0, 0>} : (tensor<1x3x5x5x5x5xf32>, tensor<3x4x1x1x1x1xf32>) -> tensor<1x4x5x5x5x5xf32>
  return %0 : tensor<1x4x5x5x5x5xf32>
}

// -----

func.func @weight_rank(%x: tensor<1x3x5x5xf32>, %w: tensor<3x4x3xf32>) -> tensor<1x4x7x7xf32> {
  // expected-error@+1 {{'tconv.conv_transpose' op expects weight of rank 4 (Cin, Cout/groups and one kernel size per spatial dim) like the input, got rank 3}}
  %0 = tconv.conv_transpose %x, %w {stride = array<i64: 1, 1>, dilation = array<i64: 1, 1>, pad_lo = array<i64: 0, 0>, pad_hi = array<i64: 0, 0>} : (tensor<1x3x5x5xf32>, tensor<3x4x3xf32>) -> tensor<1x4x7x7xf32>
  return %0 : tensor<1x4x7x7xf32>
}

// -----

func.func @weight_element_type(%x: tensor<1x3x5xf64>, %w: tensor<3x4x3xf32>) -> tensor<1x4x7xf64> {
  // expected-error@+1 {{'tconv.conv_transpose' op expects weight element type 'f64' (the input's), got 'f32'}}
  %0 = tconv.conv_transpose %x, %w {stride = array<i64: 1>, dilation = array<i64: 1>, pad_lo = array<i64: 0>, pad_hi = array<i64: 0>} : (tensor<1x3x5xf64>, tensor<3x4x3xf32>) -> tensor<1x4x7xf64>
  return %0 : tensor<1x4x7xf64>
}

// -----

func.func @dynamic_weight(%x: tensor<1x3x5xf32>, %w: tensor<?x4x3xf32>) -> tensor<1x4x7xf32> {
  // expected-error@+1 {{'tconv.conv_transpose' op expects a static weight shape, got tensor<?x4x3xf32>}}
  %0 = tconv.conv_transpose %x, %w {stride = array<i64: 1>, dilation = array<i64: 1>, pad_lo = array<i64: 0>, pad_hi = array<i64: 0>} : (tensor<1x3x5xf32>, tensor<?x4x3xf32>) -> tensor<1x4x7xf32>
  return %0 : tensor<1x4x7xf32>
}

// -----

func.func @weight_dim0_not_cin(%x: tensor<1x2x5xf32>, %w: tensor<3x4x3xf32>) -> tensor<1x4x7xf32> {
  // expected-error@+1 {{'tconv.conv_transpose' op expects weight dim 0 (3) to equal the input channels (2)}}
  %0 = tconv.conv_transpose %x, %w {stride = array<i64: 1>, dilation = array<i64: 1>, pad_lo = array<i64: 0>, pad_hi = array<i64: 0>} : (tensor<1x2x5xf32>, tensor<3x4x3xf32>) -> tensor<1x4x7xf32>
  return %0 : tensor<1x4x7xf32>
}

// -----

func.func @zero_kernel(%x: tensor<1x3x5xf32>, %w: tensor<3x4x0xf32>) -> tensor<1x4x4xf32> {
  // expected-error@+1 {{'tconv.conv_transpose' op expects kernel sizes >= 1, got 0 at spatial dim 0}}
  %0 = tconv.conv_transpose %x, %w {stride = array<i64: 1>, dilation = array<i64: 1>, pad_lo = array<i64: 0>, pad_hi = array<i64: 0>} : (tensor<1x3x5xf32>, tensor<3x4x0xf32>) -> tensor<1x4x4xf32>
  return %0 : tensor<1x4x4xf32>
}

// -----

func.func @zero_input_size(%x: tensor<1x3x0xf32>, %w: tensor<3x4x3xf32>) -> tensor<1x4x2xf32> {
  // expected-error@+1 {{'tconv.conv_transpose' op expects input spatial sizes >= 1, got 0 at spatial dim 0}}
  %0 = tconv.conv_transpose %x, %w {stride = array<i64: 1>, dilation = array<i64: 1>, pad_lo = array<i64: 0>, pad_hi = array<i64: 0>} : (tensor<1x3x0xf32>, tensor<3x4x3xf32>) -> tensor<1x4x2xf32>
  return %0 : tensor<1x4x2xf32>
}

// -----

func.func @groups_zero(%x: tensor<1x3x5xf32>, %w: tensor<3x4x3xf32>) -> tensor<1x4x7xf32> {
  // expected-error@+1 {{'tconv.conv_transpose' op expects 'groups' >= 1, got 0}}
  %0 = tconv.conv_transpose %x, %w {stride = array<i64: 1>, dilation = array<i64: 1>, pad_lo = array<i64: 0>, pad_hi = array<i64: 0>, groups = 0} : (tensor<1x3x5xf32>, tensor<3x4x3xf32>) -> tensor<1x4x7xf32>
  return %0 : tensor<1x4x7xf32>
}

// -----

func.func @cin_not_divisible_by_groups(%x: tensor<1x6x5xf32>, %w: tensor<6x4x3xf32>) -> tensor<1x16x7xf32> {
  // expected-error@+1 {{'tconv.conv_transpose' op expects the input channels (6) to be divisible by 'groups' (4)}}
  %0 = tconv.conv_transpose %x, %w {stride = array<i64: 1>, dilation = array<i64: 1>, pad_lo = array<i64: 0>, pad_hi = array<i64: 0>, groups = 4} : (tensor<1x6x5xf32>, tensor<6x4x3xf32>) -> tensor<1x16x7xf32>
  return %0 : tensor<1x16x7xf32>
}

// -----

// Cout = weight dim 1 * groups = 2^62 * 4 does not fit in int64.
func.func @output_channels_overflow(%x: tensor<1x4x5xf32>, %w: tensor<4x4611686018427387904x3xf32>) -> tensor<1x4x7xf32> {
  // expected-error@+1 {{'tconv.conv_transpose' op expects the output channel count (weight dim 1 = 4611686018427387904 times 'groups' = 4) to fit in 64 bits}}
  %0 = tconv.conv_transpose %x, %w {stride = array<i64: 1>, dilation = array<i64: 1>, pad_lo = array<i64: 0>, pad_hi = array<i64: 0>, groups = 4} : (tensor<1x4x5xf32>, tensor<4x4611686018427387904x3xf32>) -> tensor<1x4x7xf32>
  return %0 : tensor<1x4x7xf32>
}

// -----

func.func @bias_size(%x: tensor<1x3x5xf32>, %w: tensor<3x4x3xf32>, %b: tensor<3xf32>) -> tensor<1x4x7xf32> {
  // expected-error@+1 {{'tconv.conv_transpose' op expects bias of size 4 (the output channels), got 3}}
  %0 = tconv.conv_transpose %x, %w, %b {stride = array<i64: 1>, dilation = array<i64: 1>, pad_lo = array<i64: 0>, pad_hi = array<i64: 0>} : (tensor<1x3x5xf32>, tensor<3x4x3xf32>, tensor<3xf32>) -> tensor<1x4x7xf32>
  return %0 : tensor<1x4x7xf32>
}

// -----

func.func @bias_rank(%x: tensor<1x3x5xf32>, %w: tensor<3x4x3xf32>, %b: tensor<f32>) -> tensor<1x4x7xf32> {
  // expected-error@+1 {{'tconv.conv_transpose' op expects bias of rank 1 (Cout), got tensor<f32>}}
  %0 = tconv.conv_transpose %x, %w, %b {stride = array<i64: 1>, dilation = array<i64: 1>, pad_lo = array<i64: 0>, pad_hi = array<i64: 0>} : (tensor<1x3x5xf32>, tensor<3x4x3xf32>, tensor<f32>) -> tensor<1x4x7xf32>
  return %0 : tensor<1x4x7xf32>
}

// -----

func.func @bias_element_type(%x: tensor<1x3x5xf32>, %w: tensor<3x4x3xf32>, %b: tensor<4xf16>) -> tensor<1x4x7xf32> {
  // expected-error@+1 {{'tconv.conv_transpose' op expects bias element type 'f32' (the input's), got 'f16'}}
  %0 = tconv.conv_transpose %x, %w, %b {stride = array<i64: 1>, dilation = array<i64: 1>, pad_lo = array<i64: 0>, pad_hi = array<i64: 0>} : (tensor<1x3x5xf32>, tensor<3x4x3xf32>, tensor<4xf16>) -> tensor<1x4x7xf32>
  return %0 : tensor<1x4x7xf32>
}

// -----

func.func @stride_length(%x: tensor<1x3x5xf32>, %w: tensor<3x4x3xf32>) -> tensor<1x4x7xf32> {
  // expected-error@+1 {{'tconv.conv_transpose' op expects 'stride' to have 1 value(s), one per spatial dim, got 2: [1, 1]}}
  %0 = tconv.conv_transpose %x, %w {stride = array<i64: 1, 1>, dilation = array<i64: 1>, pad_lo = array<i64: 0>, pad_hi = array<i64: 0>} : (tensor<1x3x5xf32>, tensor<3x4x3xf32>) -> tensor<1x4x7xf32>
  return %0 : tensor<1x4x7xf32>
}

// -----

func.func @dilation_length(%x: tensor<1x3x5x5xf32>, %w: tensor<3x4x3x3xf32>) -> tensor<1x4x7x7xf32> {
  // expected-error@+1 {{'tconv.conv_transpose' op expects 'dilation' to have 2 value(s), one per spatial dim, got 0: []}}
  %0 = tconv.conv_transpose %x, %w {stride = array<i64: 1, 1>, dilation = array<i64>, pad_lo = array<i64: 0, 0>, pad_hi = array<i64: 0, 0>} : (tensor<1x3x5x5xf32>, tensor<3x4x3x3xf32>) -> tensor<1x4x7x7xf32>
  return %0 : tensor<1x4x7x7xf32>
}

// -----

func.func @pad_lo_length(%x: tensor<1x3x5x5xf32>, %w: tensor<3x4x3x3xf32>) -> tensor<1x4x7x7xf32> {
  // expected-error@+1 {{'tconv.conv_transpose' op expects 'pad_lo' to have 2 value(s), one per spatial dim, got 4: [0, 0, 0, 0]}}
  %0 = tconv.conv_transpose %x, %w {stride = array<i64: 1, 1>, dilation = array<i64: 1, 1>, pad_lo = array<i64: 0, 0, 0, 0>, pad_hi = array<i64: 0, 0>} : (tensor<1x3x5x5xf32>, tensor<3x4x3x3xf32>) -> tensor<1x4x7x7xf32>
  return %0 : tensor<1x4x7x7xf32>
}

// -----

func.func @pad_hi_length(%x: tensor<1x3x5x5x5xf32>, %w: tensor<3x4x3x3x3xf32>) -> tensor<1x4x7x7x7xf32> {
  // expected-error@+1 {{'tconv.conv_transpose' op expects 'pad_hi' to have 3 value(s), one per spatial dim, got 1: [0]}}
  %0 = tconv.conv_transpose %x, %w {stride = array<i64: 1, 1, 1>, dilation = array<i64: 1, 1, 1>, pad_lo = array<i64: 0, 0, 0>, pad_hi = array<i64: 0>} : (tensor<1x3x5x5x5xf32>, tensor<3x4x3x3x3xf32>) -> tensor<1x4x7x7x7xf32>
  return %0 : tensor<1x4x7x7x7xf32>
}

// -----

func.func @stride_zero(%x: tensor<1x3x5xf32>, %w: tensor<3x4x3xf32>) -> tensor<1x4x7xf32> {
  // expected-error@+1 {{'tconv.conv_transpose' op expects 'stride' values >= 1, got 0 at spatial dim 0}}
  %0 = tconv.conv_transpose %x, %w {stride = array<i64: 0>, dilation = array<i64: 1>, pad_lo = array<i64: 0>, pad_hi = array<i64: 0>} : (tensor<1x3x5xf32>, tensor<3x4x3xf32>) -> tensor<1x4x7xf32>
  return %0 : tensor<1x4x7xf32>
}

// -----

func.func @dilation_zero(%x: tensor<1x3x5x5xf32>, %w: tensor<3x4x3x3xf32>) -> tensor<1x4x7x7xf32> {
  // expected-error@+1 {{'tconv.conv_transpose' op expects 'dilation' values >= 1, got 0 at spatial dim 1}}
  %0 = tconv.conv_transpose %x, %w {stride = array<i64: 1, 1>, dilation = array<i64: 1, 0>, pad_lo = array<i64: 0, 0>, pad_hi = array<i64: 0, 0>} : (tensor<1x3x5x5xf32>, tensor<3x4x3x3xf32>) -> tensor<1x4x7x7xf32>
  return %0 : tensor<1x4x7x7xf32>
}

// -----

// L=5 k=3 s=1: F = 7; (4, 3) -> 0.
func.func @output_length_zero(%x: tensor<1x3x5xf32>, %w: tensor<3x4x3xf32>) -> tensor<1x4x1xf32> {
  // expected-error@+1 {{'tconv.conv_transpose' op expects a positive output length at spatial dim 0, got 0 (full length 7 minus pad_lo 4 and pad_hi 3)}}
  %0 = tconv.conv_transpose %x, %w {stride = array<i64: 1>, dilation = array<i64: 1>, pad_lo = array<i64: 4>, pad_hi = array<i64: 3>} : (tensor<1x3x5xf32>, tensor<3x4x3xf32>) -> tensor<1x4x1xf32>
  return %0 : tensor<1x4x1xf32>
}

// -----

// A negative pad does not make up for a larger one: W: L=5 k=3 s=2 d=2:
// F = 8 + 5 = 13; (20, -5) -> -2.
func.func @output_length_negative(%x: tensor<1x3x5x5xf32>, %w: tensor<3x4x3x3xf32>) -> tensor<1x4x7x1xf32> {
  // expected-error@+1 {{'tconv.conv_transpose' op expects a positive output length at spatial dim 1, got -2 (full length 13 minus pad_lo 20 and pad_hi -5)}}
  %0 = tconv.conv_transpose %x, %w {stride = array<i64: 1, 2>, dilation = array<i64: 1, 2>, pad_lo = array<i64: 0, 20>, pad_hi = array<i64: 0, -5>} : (tensor<1x3x5x5xf32>, tensor<3x4x3x3xf32>) -> tensor<1x4x7x1xf32>
  return %0 : tensor<1x4x7x1xf32>
}

// -----

// 7 - (-2^63+1) - (-2^63+1) does not fit in int64.
func.func @output_length_overflow(%x: tensor<1x3x5xf32>, %w: tensor<3x4x3xf32>) -> tensor<1x4x7xf32> {
  // expected-error@+1 {{'tconv.conv_transpose' op expects the output length at spatial dim 0 to fit in 64 bits, got full length 7 with pad_lo -9223372036854775807 and pad_hi -9223372036854775807}}
  %0 = tconv.conv_transpose %x, %w {stride = array<i64: 1>, dilation = array<i64: 1>, pad_lo = array<i64: -9223372036854775807>, pad_hi = array<i64: -9223372036854775807>} : (tensor<1x3x5xf32>, tensor<3x4x3xf32>) -> tensor<1x4x7xf32>
  return %0 : tensor<1x4x7xf32>
}

// -----

func.func @full_length_overflow(%x: tensor<1x3x5xf32>, %w: tensor<3x4x3xf32>) -> tensor<1x4x7xf32> {
  // expected-error@+1 {{'tconv.conv_transpose' op expects the full length (L-1)*s + d*(k-1) + 1 at spatial dim 0 to fit in 64 bits, got input length 5, kernel size 3, 'stride' 9223372036854775807 and 'dilation' 1}}
  %0 = tconv.conv_transpose %x, %w {stride = array<i64: 9223372036854775807>, dilation = array<i64: 1>, pad_lo = array<i64: 0>, pad_hi = array<i64: 0>} : (tensor<1x3x5xf32>, tensor<3x4x3xf32>) -> tensor<1x4x7xf32>
  return %0 : tensor<1x4x7xf32>
}

// -----

func.func @result_element_type(%x: tensor<1x3x5xf32>, %w: tensor<3x4x3xf32>) -> tensor<1x4x7xf64> {
  // expected-error@+1 {{'tconv.conv_transpose' op expects result element type 'f32' (the input's), got 'f64'}}
  %0 = tconv.conv_transpose %x, %w {stride = array<i64: 1>, dilation = array<i64: 1>, pad_lo = array<i64: 0>, pad_hi = array<i64: 0>} : (tensor<1x3x5xf32>, tensor<3x4x3xf32>) -> tensor<1x4x7xf64>
  return %0 : tensor<1x4x7xf64>
}

// -----

func.func @result_rank(%x: tensor<1x3x5xf32>, %w: tensor<3x4x3xf32>) -> tensor<4x7xf32> {
  // expected-error@+1 {{'tconv.conv_transpose' op expects result of rank 3, got 2}}
  %0 = tconv.conv_transpose %x, %w {stride = array<i64: 1>, dilation = array<i64: 1>, pad_lo = array<i64: 0>, pad_hi = array<i64: 0>} : (tensor<1x3x5xf32>, tensor<3x4x3xf32>) -> tensor<4x7xf32>
  return %0 : tensor<4x7xf32>
}

// -----

func.func @result_batch(%x: tensor<1x3x5xf32>, %w: tensor<3x4x3xf32>) -> tensor<3x4x7xf32> {
  // expected-error@+1 {{'tconv.conv_transpose' op expects result dim 0 (batch) to be 1, got 3}}
  %0 = tconv.conv_transpose %x, %w {stride = array<i64: 1>, dilation = array<i64: 1>, pad_lo = array<i64: 0>, pad_hi = array<i64: 0>} : (tensor<1x3x5xf32>, tensor<3x4x3xf32>) -> tensor<3x4x7xf32>
  return %0 : tensor<3x4x7xf32>
}

// -----

func.func @result_channels(%x: tensor<1x3x5xf32>, %w: tensor<3x4x3xf32>) -> tensor<1x3x7xf32> {
  // expected-error@+1 {{'tconv.conv_transpose' op expects result dim 1 (output channels) to be 4, got 3}}
  %0 = tconv.conv_transpose %x, %w {stride = array<i64: 1>, dilation = array<i64: 1>, pad_lo = array<i64: 0>, pad_hi = array<i64: 0>} : (tensor<1x3x5xf32>, tensor<3x4x3xf32>) -> tensor<1x3x7xf32>
  return %0 : tensor<1x3x7xf32>
}

// -----

// D: L=4 k=2 s=3: F = 11, (0, -1) -> 12.
func.func @result_spatial(%x: tensor<1x1x4x4x4xf32>, %w: tensor<1x1x2x2x2xf32>) -> tensor<1x1x11x11x11xf32> {
  // expected-error@+1 {{'tconv.conv_transpose' op expects result dim 2 (output length of spatial dim 0) to be 12, got 11}}
  %0 = tconv.conv_transpose %x, %w {stride = array<i64: 3, 3, 3>, dilation = array<i64: 1, 1, 1>, pad_lo = array<i64: 0, 0, 0>, pad_hi = array<i64: -1, 0, 0>} : (tensor<1x1x4x4x4xf32>, tensor<1x1x2x2x2xf32>) -> tensor<1x1x11x11x11xf32>
  return %0 : tensor<1x1x11x11x11xf32>
}
