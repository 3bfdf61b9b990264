// RUN: tconv-opt %s -split-input-file -verify-diagnostics --tconv-normalize | FileCheck %s
// RUN: tconv-opt %s -split-input-file -verify-diagnostics --canonicalize | FileCheck %s
//
// tconv.onnx_conv_transpose -> tconv.conv_transpose, under both the
// normalization pass and the op's canonicalizer. The warnings the verifier
// emits for configurations ONNX implementations disagree on are expected
// (-verify-diagnostics) and do not stop the rewrite.
//
// Every expected (pad_lo, pad_hi) and length below is computed by hand from
// docs/spec.md (sections 1 and 3.3 and the table of §7.2, rows
// cited), never copied from the tool. Per spatial dimension, with
// op = output_padding:
//   dk = d*(k-1) + 1,  F = (L-1)*s + dk,  O = F - pad_lo - pad_hi
//   NOTSET (no output_shape): (pads_begin, pads_end - op)
//   VALID  (no output_shape): (0, -op)
//   SAME_* (no output_shape): T = max(0, dk - s + op), hi = T - lo - op
//   output_shape O:           T = max(0, F + op - O),  hi = F - lo - O
//   lo = floor(T/2) for SAME_UPPER, ceil(T/2) for every other mode.
// The ONNX backend test cases (onnx 1.12, onnx/backend/test/data/node) have
// their output shapes checked against the shapes of the stored output_0.pb.

//===----------------------------------------------------------------------===//
// docs/spec.md §7.2 rows 24-36 (1-D; x (1, 2, L), w (2, 3, k))
//===----------------------------------------------------------------------===//

// Row 24: NOTSET pads=[1,2], L=5 k=3 s=1: F=7, (1,2) -> 4.
// CHECK-LABEL: func @onnx_row24_notset_pads
// CHECK: %[[R:.*]] = tconv.conv_transpose %arg0, %arg1 {dilation = array<i64: 1>, pad_hi = array<i64: 2>, pad_lo = array<i64: 1>, stride = array<i64: 1>} : (tensor<1x2x5xf32>, tensor<2x3x3xf32>) -> tensor<1x3x4xf32>
// CHECK-NOT: tconv.onnx_conv_transpose
// CHECK: return %[[R]]
func.func @onnx_row24_notset_pads(%x: tensor<1x2x5xf32>, %w: tensor<2x3x3xf32>) -> tensor<1x3x4xf32> {
  %0 = tconv.onnx_conv_transpose %x, %w {pads = array<i64: 1, 2>} : (tensor<1x2x5xf32>, tensor<2x3x3xf32>) -> tensor<1x3x4xf32>
  return %0 : tensor<1x3x4xf32>
}

// -----

// Row 25: NOTSET pads=[2,0] output_padding=[1], L=5 k=3 s=2: F=11,
// (pads_begin, pads_end - op) = (2,-1) -> 10.
// CHECK-LABEL: func @onnx_row25_notset_pads_output_padding
// CHECK: tconv.conv_transpose %arg0, %arg1 {dilation = array<i64: 1>, pad_hi = array<i64: -1>, pad_lo = array<i64: 2>, stride = array<i64: 2>} : (tensor<1x2x5xf32>, tensor<2x3x3xf32>) -> tensor<1x3x10xf32>
// CHECK-NOT: tconv.onnx_conv_transpose
func.func @onnx_row25_notset_pads_output_padding(%x: tensor<1x2x5xf32>, %w: tensor<2x3x3xf32>) -> tensor<1x3x10xf32> {
  %0 = tconv.onnx_conv_transpose %x, %w {pads = array<i64: 2, 0>, output_padding = array<i64: 1>, strides = array<i64: 2>} : (tensor<1x2x5xf32>, tensor<2x3x3xf32>) -> tensor<1x3x10xf32>
  return %0 : tensor<1x3x10xf32>
}

// -----

// Row 26: VALID output_padding=[1], L=5 k=3 s=2: F=11, (0,-op) = (0,-1) -> 12.
// CHECK-LABEL: func @onnx_row26_valid_output_padding
// CHECK: tconv.conv_transpose %arg0, %arg1 {dilation = array<i64: 1>, pad_hi = array<i64: -1>, pad_lo = array<i64: 0>, stride = array<i64: 2>} : (tensor<1x2x5xf32>, tensor<2x3x3xf32>) -> tensor<1x3x12xf32>
func.func @onnx_row26_valid_output_padding(%x: tensor<1x2x5xf32>, %w: tensor<2x3x3xf32>) -> tensor<1x3x12xf32> {
  %0 = tconv.onnx_conv_transpose %x, %w {auto_pad = "VALID", output_padding = array<i64: 1>, strides = array<i64: 2>} : (tensor<1x2x5xf32>, tensor<2x3x3xf32>) -> tensor<1x3x12xf32>
  return %0 : tensor<1x3x12xf32>
}

// -----

// Row 27: SAME_UPPER, L=5 k=3 s=2: F=11, T = 3-2 = 1, (floor(1/2), 1-0) = (0,1) -> 10.
// CHECK-LABEL: func @onnx_row27_same_upper
// CHECK: tconv.conv_transpose %arg0, %arg1 {dilation = array<i64: 1>, pad_hi = array<i64: 1>, pad_lo = array<i64: 0>, stride = array<i64: 2>} : (tensor<1x2x5xf32>, tensor<2x3x3xf32>) -> tensor<1x3x10xf32>
func.func @onnx_row27_same_upper(%x: tensor<1x2x5xf32>, %w: tensor<2x3x3xf32>) -> tensor<1x3x10xf32> {
  %0 = tconv.onnx_conv_transpose %x, %w {auto_pad = "SAME_UPPER", strides = array<i64: 2>} : (tensor<1x2x5xf32>, tensor<2x3x3xf32>) -> tensor<1x3x10xf32>
  return %0 : tensor<1x3x10xf32>
}

// -----

// Row 28: SAME_LOWER, L=5 k=3 s=2: F=11, T=1, (ceil(1/2), 0) = (1,0) -> 10.
// CHECK-LABEL: func @onnx_row28_same_lower
// CHECK: tconv.conv_transpose %arg0, %arg1 {dilation = array<i64: 1>, pad_hi = array<i64: 0>, pad_lo = array<i64: 1>, stride = array<i64: 2>} : (tensor<1x2x5xf32>, tensor<2x3x3xf32>) -> tensor<1x3x10xf32>
func.func @onnx_row28_same_lower(%x: tensor<1x2x5xf32>, %w: tensor<2x3x3xf32>) -> tensor<1x3x10xf32> {
  %0 = tconv.onnx_conv_transpose %x, %w {auto_pad = "SAME_LOWER", strides = array<i64: 2>} : (tensor<1x2x5xf32>, tensor<2x3x3xf32>) -> tensor<1x3x10xf32>
  return %0 : tensor<1x3x10xf32>
}

// -----

// Row 29: SAME_UPPER, L=6 k=5 s=3: F=20, T = 5-3 = 2, (1,1) -> 18 (= L*s).
// CHECK-LABEL: func @onnx_row29_same_upper_k5_s3
// CHECK: tconv.conv_transpose %arg0, %arg1 {dilation = array<i64: 1>, pad_hi = array<i64: 1>, pad_lo = array<i64: 1>, stride = array<i64: 3>} : (tensor<1x2x6xf32>, tensor<2x3x5xf32>) -> tensor<1x3x18xf32>
func.func @onnx_row29_same_upper_k5_s3(%x: tensor<1x2x6xf32>, %w: tensor<2x3x5xf32>) -> tensor<1x3x18xf32> {
  %0 = tconv.onnx_conv_transpose %x, %w {auto_pad = "SAME_UPPER", strides = array<i64: 3>} : (tensor<1x2x6xf32>, tensor<2x3x5xf32>) -> tensor<1x3x18xf32>
  return %0 : tensor<1x3x18xf32>
}

// -----

// 3.3 (ORT measurements): SAME_UPPER / SAME_LOWER, L=6 k=4 s=3: F=19, T = 4-3 = 1,
// UPPER (0,1), LOWER (1,0) -> 18.
// CHECK-LABEL: func @onnx_same_upper_lower_k4_s3
// CHECK: tconv.conv_transpose %arg0, %arg1 {dilation = array<i64: 1>, pad_hi = array<i64: 1>, pad_lo = array<i64: 0>, stride = array<i64: 3>} : (tensor<1x2x6xf32>, tensor<2x3x4xf32>) -> tensor<1x3x18xf32>
// CHECK: tconv.conv_transpose %arg0, %arg1 {dilation = array<i64: 1>, pad_hi = array<i64: 0>, pad_lo = array<i64: 1>, stride = array<i64: 3>} : (tensor<1x2x6xf32>, tensor<2x3x4xf32>) -> tensor<1x3x18xf32>
func.func @onnx_same_upper_lower_k4_s3(%x: tensor<1x2x6xf32>, %w: tensor<2x3x4xf32>) -> (tensor<1x3x18xf32>, tensor<1x3x18xf32>) {
  %0 = tconv.onnx_conv_transpose %x, %w {auto_pad = "SAME_UPPER", strides = array<i64: 3>} : (tensor<1x2x6xf32>, tensor<2x3x4xf32>) -> tensor<1x3x18xf32>
  %1 = tconv.onnx_conv_transpose %x, %w {auto_pad = "SAME_LOWER", strides = array<i64: 3>} : (tensor<1x2x6xf32>, tensor<2x3x4xf32>) -> tensor<1x3x18xf32>
  return %0, %1 : tensor<1x3x18xf32>, tensor<1x3x18xf32>
}

// -----

// Row 30: SAME_UPPER, L=4 k=2 s=3 (dk < s): F=11, T = max(0, 2-3) = 0, (0,0) -> 11,
// onnxruntime's length, not the L*s = 12 the auto_pad text promises: a warning.
// CHECK-LABEL: func @onnx_row30_same_upper_dk_below_stride
// CHECK: tconv.conv_transpose %arg0, %arg1 {dilation = array<i64: 1>, pad_hi = array<i64: 0>, pad_lo = array<i64: 0>, stride = array<i64: 3>} : (tensor<1x2x4xf32>, tensor<2x3x2xf32>) -> tensor<1x3x11xf32>
func.func @onnx_row30_same_upper_dk_below_stride(%x: tensor<1x2x4xf32>, %w: tensor<2x3x2xf32>) -> tensor<1x3x11xf32> {
  // expected-warning@+1 {{'tconv.onnx_conv_transpose' op clamps the total padding dilations*(k-1)+1 - strides + output_padding = -1 at spatial dim 0 to 0 with auto_pad "SAME_UPPER", as onnxruntime and ONNX shape inference do}}
  %0 = tconv.onnx_conv_transpose %x, %w {auto_pad = "SAME_UPPER", strides = array<i64: 3>} : (tensor<1x2x4xf32>, tensor<2x3x2xf32>) -> tensor<1x3x11xf32>
  return %0 : tensor<1x3x11xf32>
}

// -----

// 3.3: the same with SAME_LOWER: T = 0, (0,0) -> 11, same warning.
// CHECK-LABEL: func @onnx_same_lower_dk_below_stride
// CHECK: tconv.conv_transpose %arg0, %arg1 {dilation = array<i64: 1>, pad_hi = array<i64: 0>, pad_lo = array<i64: 0>, stride = array<i64: 3>} : (tensor<1x2x4xf32>, tensor<2x3x2xf32>) -> tensor<1x3x11xf32>
func.func @onnx_same_lower_dk_below_stride(%x: tensor<1x2x4xf32>, %w: tensor<2x3x2xf32>) -> tensor<1x3x11xf32> {
  // expected-warning@+1 {{to 0 with auto_pad "SAME_LOWER"}}
  %0 = tconv.onnx_conv_transpose %x, %w {auto_pad = "SAME_LOWER", strides = array<i64: 3>} : (tensor<1x2x4xf32>, tensor<2x3x2xf32>) -> tensor<1x3x11xf32>
  return %0 : tensor<1x3x11xf32>
}

// -----

// Row 31: SAME_UPPER output_padding=[1], L=5 k=3 s=2: F=11, T = 3-2+1 = 2, lo = 1,
// hi = T - lo - op = 0: (1,0) -> 10 (onnxruntime; ONNX shape inference says 11):
// a warning.
// CHECK-LABEL: func @onnx_row31_same_upper_output_padding
// CHECK: tconv.conv_transpose %arg0, %arg1 {dilation = array<i64: 1>, pad_hi = array<i64: 0>, pad_lo = array<i64: 1>, stride = array<i64: 2>} : (tensor<1x2x5xf32>, tensor<2x3x3xf32>) -> tensor<1x3x10xf32>
func.func @onnx_row31_same_upper_output_padding(%x: tensor<1x2x5xf32>, %w: tensor<2x3x3xf32>) -> tensor<1x3x10xf32> {
  // expected-warning@+1 {{'tconv.onnx_conv_transpose' op counts 'output_padding' 1 at spatial dim 0 in the total padding of auto_pad "SAME_UPPER" as onnxruntime does}}
  %0 = tconv.onnx_conv_transpose %x, %w {auto_pad = "SAME_UPPER", output_padding = array<i64: 1>, strides = array<i64: 2>} : (tensor<1x2x5xf32>, tensor<2x3x3xf32>) -> tensor<1x3x10xf32>
  return %0 : tensor<1x3x10xf32>
}

// -----

// Row 32: SAME_UPPER dilations=[2], L=5 k=3 s=2: dk=5, F=13, T = 5-2 = 3, (1,2) -> 10.
// CHECK-LABEL: func @onnx_row32_same_upper_dilation
// CHECK: tconv.conv_transpose %arg0, %arg1 {dilation = array<i64: 2>, pad_hi = array<i64: 2>, pad_lo = array<i64: 1>, stride = array<i64: 2>} : (tensor<1x2x5xf32>, tensor<2x3x3xf32>) -> tensor<1x3x10xf32>
func.func @onnx_row32_same_upper_dilation(%x: tensor<1x2x5xf32>, %w: tensor<2x3x3xf32>) -> tensor<1x3x10xf32> {
  %0 = tconv.onnx_conv_transpose %x, %w {auto_pad = "SAME_UPPER", dilations = array<i64: 2>, strides = array<i64: 2>} : (tensor<1x2x5xf32>, tensor<2x3x3xf32>) -> tensor<1x3x10xf32>
  return %0 : tensor<1x3x10xf32>
}

// -----

// Row 33: NOTSET output_shape=[10], L=5 k=3 s=2: F=11, T = 11-10 = 1, lo = ceil(1/2) = 1,
// hi = F - lo - O = 0: (1,0) -> 10. The ONNX reference evaluator gives (0,1): a warning.
// CHECK-LABEL: func @onnx_row33_notset_output_shape
// CHECK: tconv.conv_transpose %arg0, %arg1 {dilation = array<i64: 1>, pad_hi = array<i64: 0>, pad_lo = array<i64: 1>, stride = array<i64: 2>} : (tensor<1x2x5xf32>, tensor<2x3x3xf32>) -> tensor<1x3x10xf32>
func.func @onnx_row33_notset_output_shape(%x: tensor<1x2x5xf32>, %w: tensor<2x3x3xf32>) -> tensor<1x3x10xf32> {
  // expected-warning@+1 {{'tconv.onnx_conv_transpose' op crops the total padding 1 at spatial dim 0 implied by 'output_shape' with auto_pad "NOTSET" as the ONNX spec and onnxruntime >= 1.14 do (1 at the start, 0 at the end); the ONNX reference evaluator crops it all at the end, onnxruntime < 1.14 puts the odd one at the end}}
  %0 = tconv.onnx_conv_transpose %x, %w {output_shape = array<i64: 10>, strides = array<i64: 2>} : (tensor<1x2x5xf32>, tensor<2x3x3xf32>) -> tensor<1x3x10xf32>
  return %0 : tensor<1x3x10xf32>
}

// -----

// Row 34: NOTSET output_shape=[12], L=5 k=3 s=2: F=11, T = max(0, -1) = 0,
// hi = 11 - 0 - 12 = -1: (0,-1) -> 12; the appended position holds only the bias.
// onnxruntime and the reference evaluator agree: no warning.
// CHECK-LABEL: func @onnx_row34_notset_output_shape_above_full
// CHECK: tconv.conv_transpose %arg0, %arg1 {dilation = array<i64: 1>, pad_hi = array<i64: -1>, pad_lo = array<i64: 0>, stride = array<i64: 2>} : (tensor<1x2x5xf32>, tensor<2x3x3xf32>) -> tensor<1x3x12xf32>
func.func @onnx_row34_notset_output_shape_above_full(%x: tensor<1x2x5xf32>, %w: tensor<2x3x3xf32>) -> tensor<1x3x12xf32> {
  %0 = tconv.onnx_conv_transpose %x, %w {output_shape = array<i64: 12>, strides = array<i64: 2>} : (tensor<1x2x5xf32>, tensor<2x3x3xf32>) -> tensor<1x3x12xf32>
  return %0 : tensor<1x3x12xf32>
}

// -----

// Row 35: SAME_UPPER output_shape=[10], L=5 k=3 s=2: F=11, T=1, lo = floor(1/2) = 0,
// hi = 11 - 0 - 10 = 1: (0,1) -> 10.
// CHECK-LABEL: func @onnx_row35_same_upper_output_shape
// CHECK: tconv.conv_transpose %arg0, %arg1 {dilation = array<i64: 1>, pad_hi = array<i64: 1>, pad_lo = array<i64: 0>, stride = array<i64: 2>} : (tensor<1x2x5xf32>, tensor<2x3x3xf32>) -> tensor<1x3x10xf32>
func.func @onnx_row35_same_upper_output_shape(%x: tensor<1x2x5xf32>, %w: tensor<2x3x3xf32>) -> tensor<1x3x10xf32> {
  %0 = tconv.onnx_conv_transpose %x, %w {auto_pad = "SAME_UPPER", output_shape = array<i64: 10>, strides = array<i64: 2>} : (tensor<1x2x5xf32>, tensor<2x3x3xf32>) -> tensor<1x3x10xf32>
  return %0 : tensor<1x3x10xf32>
}

// -----

// 3.3: SAME_LOWER and VALID output_shape=[10], L=5 k=3 s=2: T=1, lo = ceil(1/2) = 1,
// (1,0) -> 10 (VALID is treated like SAME_LOWER). VALID warns (reference evaluator).
// CHECK-LABEL: func @onnx_same_lower_valid_output_shape
// CHECK: tconv.conv_transpose %arg0, %arg1 {dilation = array<i64: 1>, pad_hi = array<i64: 0>, pad_lo = array<i64: 1>, stride = array<i64: 2>} : (tensor<1x2x5xf32>, tensor<2x3x3xf32>) -> tensor<1x3x10xf32>
// CHECK: tconv.conv_transpose %arg0, %arg1 {dilation = array<i64: 1>, pad_hi = array<i64: 0>, pad_lo = array<i64: 1>, stride = array<i64: 2>} : (tensor<1x2x5xf32>, tensor<2x3x3xf32>) -> tensor<1x3x10xf32>
func.func @onnx_same_lower_valid_output_shape(%x: tensor<1x2x5xf32>, %w: tensor<2x3x3xf32>) -> (tensor<1x3x10xf32>, tensor<1x3x10xf32>) {
  %0 = tconv.onnx_conv_transpose %x, %w {auto_pad = "SAME_LOWER", output_shape = array<i64: 10>, strides = array<i64: 2>} : (tensor<1x2x5xf32>, tensor<2x3x3xf32>) -> tensor<1x3x10xf32>
  // expected-warning@+1 {{crops the total padding 1 at spatial dim 0 implied by 'output_shape' with auto_pad "VALID"}}
  %1 = tconv.onnx_conv_transpose %x, %w {auto_pad = "VALID", output_shape = array<i64: 10>, strides = array<i64: 2>} : (tensor<1x2x5xf32>, tensor<2x3x3xf32>) -> tensor<1x3x10xf32>
  return %0, %1 : tensor<1x3x10xf32>, tensor<1x3x10xf32>
}

// -----

// Row 36: NOTSET output_shape=[10] output_padding=[1], L=5 k=3 s=2: F=11,
// T = 11+1-10 = 2, lo = 1, hi = 11 - 1 - 10 = 0: (1,0) -> 10 (op only enters T).
// The reference evaluator would crop both at the end: a warning (even T, so
// without the onnxruntime < 1.14 remark).
// CHECK-LABEL: func @onnx_row36_notset_output_shape_output_padding
// CHECK: tconv.conv_transpose %arg0, %arg1 {dilation = array<i64: 1>, pad_hi = array<i64: 0>, pad_lo = array<i64: 1>, stride = array<i64: 2>} : (tensor<1x2x5xf32>, tensor<2x3x3xf32>) -> tensor<1x3x10xf32>
func.func @onnx_row36_notset_output_shape_output_padding(%x: tensor<1x2x5xf32>, %w: tensor<2x3x3xf32>) -> tensor<1x3x10xf32> {
  // expected-warning@+1 {{crops the total padding 2 at spatial dim 0 implied by 'output_shape' with auto_pad "NOTSET" as the ONNX spec and onnxruntime >= 1.14 do (1 at the start, 1 at the end); the ONNX reference evaluator crops it all at the end}}
  %0 = tconv.onnx_conv_transpose %x, %w {output_shape = array<i64: 10>, output_padding = array<i64: 1>, strides = array<i64: 2>} : (tensor<1x2x5xf32>, tensor<2x3x3xf32>) -> tensor<1x3x10xf32>
  return %0 : tensor<1x3x10xf32>
}

// -----

//===----------------------------------------------------------------------===//
// More configurations: 2-D / 3-D, group, bias, dilation, dynamic sizes
//===----------------------------------------------------------------------===//

// 2-D NOTSET with per-dim pads in ONNX order [h_begin, w_begin, h_end, w_end],
// output_padding, dilations, group and bias.
// H: L=4 k=3 s=2 d=2: dk=5, F=3*2+5=11, pads (1, 2), op=1: (1, 2-1) = (1,1) -> 9.
// W: L=5 k=2 s=3 d=1: dk=2, F=4*3+2=14, pads (0, 3), op=2: (0, 3-2) = (0,1) -> 13.
// Cout = weight dim 1 (2) * group (3) = 6.
// CHECK-LABEL: func @onnx_2d_group_bias
// CHECK: tconv.conv_transpose %arg0, %arg1, %arg2 {dilation = array<i64: 2, 1>, groups = 3 : i64, pad_hi = array<i64: 1, 1>, pad_lo = array<i64: 1, 0>, stride = array<i64: 2, 3>} : (tensor<2x6x4x5xf32>, tensor<6x2x3x2xf32>, tensor<6xf32>) -> tensor<2x6x9x13xf32>
func.func @onnx_2d_group_bias(%x: tensor<2x6x4x5xf32>, %w: tensor<6x2x3x2xf32>, %b: tensor<6xf32>) -> tensor<2x6x9x13xf32> {
  %0 = tconv.onnx_conv_transpose %x, %w, %b {pads = array<i64: 1, 0, 2, 3>, output_padding = array<i64: 1, 2>, dilations = array<i64: 2, 1>, strides = array<i64: 2, 3>, group = 3} : (tensor<2x6x4x5xf32>, tensor<6x2x3x2xf32>, tensor<6xf32>) -> tensor<2x6x9x13xf32>
  return %0 : tensor<2x6x9x13xf32>
}

// -----

// 3-D SAME_LOWER with dilation, f64, bias; the SAME pads do not depend on L,
// so dynamic batch and spatial sizes are fine (the static dims give L*s).
// D: L=? k=3 s=2 d=1: T = 3-2 = 1, (1,0).
// H: L=3 k=2 s=2 d=3: dk=4, T = 4-2 = 2, (1,1); F = 2*2+4 = 8 -> 6 = 3*2.
// W: L=? k=1 s=3 d=1: dk=1, T = max(0, 1-3) = 0, (0,0): clamped, a warning.
// CHECK-LABEL: func @onnx_3d_same_lower_dynamic
// CHECK: tconv.conv_transpose %arg0, %arg1, %arg2 {dilation = array<i64: 1, 3, 1>, pad_hi = array<i64: 0, 1, 0>, pad_lo = array<i64: 1, 1, 0>, stride = array<i64: 2, 2, 3>} : (tensor<?x2x?x3x?xf64>, tensor<2x4x3x2x1xf64>, tensor<4xf64>) -> tensor<?x4x?x6x?xf64>
func.func @onnx_3d_same_lower_dynamic(%x: tensor<?x2x?x3x?xf64>, %w: tensor<2x4x3x2x1xf64>, %b: tensor<4xf64>) -> tensor<?x4x?x6x?xf64> {
  // expected-warning@+1 {{clamps the total padding dilations*(k-1)+1 - strides + output_padding = -2 at spatial dim 2 to 0 with auto_pad "SAME_LOWER"}}
  %0 = tconv.onnx_conv_transpose %x, %w, %b {auto_pad = "SAME_LOWER", dilations = array<i64: 1, 3, 1>, strides = array<i64: 2, 2, 3>} : (tensor<?x2x?x3x?xf64>, tensor<2x4x3x2x1xf64>, tensor<4xf64>) -> tensor<?x4x?x6x?xf64>
  return %0 : tensor<?x4x?x6x?xf64>
}

// -----

// NOTSET with a dynamic spatial size and f16: static pads (b, e - op) = (2, 1-1) = (2,0).
// CHECK-LABEL: func @onnx_notset_dynamic
// CHECK: tconv.conv_transpose %arg0, %arg1 {dilation = array<i64: 1>, pad_hi = array<i64: 0>, pad_lo = array<i64: 2>, stride = array<i64: 3>} : (tensor<1x2x?xf16>, tensor<2x3x5xf16>) -> tensor<1x3x?xf16>
func.func @onnx_notset_dynamic(%x: tensor<1x2x?xf16>, %w: tensor<2x3x5xf16>) -> tensor<1x3x?xf16> {
  %0 = tconv.onnx_conv_transpose %x, %w {pads = array<i64: 2, 1>, output_padding = array<i64: 1>, strides = array<i64: 3>} : (tensor<1x2x?xf16>, tensor<2x3x5xf16>) -> tensor<1x3x?xf16>
  return %0 : tensor<1x3x?xf16>
}

// -----

// output_shape given as the full output shape (rank + 2 entries, as onnxruntime
// accepts): only the spatial part [10] counts. Same as row 35: (0,1) -> 10.
// Also kernel_shape equal to the weight's and all-zero pads with SAME_UPPER.
// CHECK-LABEL: func @onnx_output_shape_full_rank
// CHECK: tconv.conv_transpose %arg0, %arg1 {dilation = array<i64: 1>, pad_hi = array<i64: 1>, pad_lo = array<i64: 0>, stride = array<i64: 2>} : (tensor<1x2x5xf32>, tensor<2x3x3xf32>) -> tensor<1x3x10xf32>
func.func @onnx_output_shape_full_rank(%x: tensor<1x2x5xf32>, %w: tensor<2x3x3xf32>) -> tensor<1x3x10xf32> {
  %0 = tconv.onnx_conv_transpose %x, %w {auto_pad = "SAME_UPPER", output_shape = array<i64: 1, 3, 10>, kernel_shape = array<i64: 3>, pads = array<i64: 0, 0>, strides = array<i64: 2>} : (tensor<1x2x5xf32>, tensor<2x3x3xf32>) -> tensor<1x3x10xf32>
  return %0 : tensor<1x3x10xf32>
}

// -----

// NOTSET with pads AND output_shape: the pads are ignored (a warning), the
// output_shape rule applies: same as row 33, (1,0) -> 10.
// CHECK-LABEL: func @onnx_pads_ignored_with_output_shape
// CHECK: tconv.conv_transpose %arg0, %arg1 {dilation = array<i64: 1>, pad_hi = array<i64: 0>, pad_lo = array<i64: 1>, stride = array<i64: 2>} : (tensor<1x2x5xf32>, tensor<2x3x3xf32>) -> tensor<1x3x10xf32>
func.func @onnx_pads_ignored_with_output_shape(%x: tensor<1x2x5xf32>, %w: tensor<2x3x3xf32>) -> tensor<1x3x10xf32> {
  // expected-warning@+2 {{'tconv.onnx_conv_transpose' op ignores 'pads' [3, 1] because 'output_shape' is given}}
  // expected-warning@+1 {{crops the total padding 1 at spatial dim 0}}
  %0 = tconv.onnx_conv_transpose %x, %w {pads = array<i64: 3, 1>, output_shape = array<i64: 10>, strides = array<i64: 2>} : (tensor<1x2x5xf32>, tensor<2x3x3xf32>) -> tensor<1x3x10xf32>
  return %0 : tensor<1x3x10xf32>
}

// -----

// stride <= output_padding < dilation: accepted (the spec's max(s, d) bound),
// with a warning that onnxruntime rejects it. L=5 k=3 s=1 d=2: F=9, (0,-1) -> 10.
// CHECK-LABEL: func @onnx_output_padding_below_dilation
// CHECK: tconv.conv_transpose %arg0, %arg1 {dilation = array<i64: 2>, pad_hi = array<i64: -1>, pad_lo = array<i64: 0>, stride = array<i64: 1>} : (tensor<1x2x5xf32>, tensor<2x3x3xf32>) -> tensor<1x3x10xf32>
func.func @onnx_output_padding_below_dilation(%x: tensor<1x2x5xf32>, %w: tensor<2x3x3xf32>) -> tensor<1x3x10xf32> {
  // expected-warning@+1 {{'tconv.onnx_conv_transpose' op accepts 'output_padding' 1 at spatial dim 0 (< max(strides, dilations) = 2, the ONNX spec's bound, which tconv follows), but onnxruntime rejects output_padding >= strides (1)}}
  %0 = tconv.onnx_conv_transpose %x, %w {output_padding = array<i64: 1>, dilations = array<i64: 2>} : (tensor<1x2x5xf32>, tensor<2x3x3xf32>) -> tensor<1x3x10xf32>
  return %0 : tensor<1x3x10xf32>
}

// -----

// SAME_UPPER with output_shape above F + op: T = 11 - 13 = -2, clamped to 0,
// (0, 11 - 0 - 13) = (0,-2) -> 13, with a warning (the reference evaluator
// would split the negative total).
// CHECK-LABEL: func @onnx_same_upper_output_shape_above_full
// CHECK: tconv.conv_transpose %arg0, %arg1 {dilation = array<i64: 1>, pad_hi = array<i64: -2>, pad_lo = array<i64: 0>, stride = array<i64: 2>} : (tensor<1x2x5xf32>, tensor<2x3x3xf32>) -> tensor<1x3x13xf32>
func.func @onnx_same_upper_output_shape_above_full(%x: tensor<1x2x5xf32>, %w: tensor<2x3x3xf32>) -> tensor<1x3x13xf32> {
  // expected-warning@+1 {{clamps the total padding full length + output_padding - output_shape = -2 at spatial dim 0 to 0 with auto_pad "SAME_UPPER", as onnxruntime does}}
  %0 = tconv.onnx_conv_transpose %x, %w {auto_pad = "SAME_UPPER", output_shape = array<i64: 13>, strides = array<i64: 2>} : (tensor<1x2x5xf32>, tensor<2x3x3xf32>) -> tensor<1x3x13xf32>
  return %0 : tensor<1x3x13xf32>
}

// -----

//===----------------------------------------------------------------------===//
// The ONNX backend tests (onnx/backend/test/case/node/convtranspose.py):
// x 1x1x3x3 and w 1x2x3x3 unless stated otherwise
//===----------------------------------------------------------------------===//

// test_convtranspose: defaults, F = 2*1 + 3 = 5 per dim, (0,0) -> 5x5.
// CHECK-LABEL: func @onnx_backend_convtranspose
// CHECK: tconv.conv_transpose %arg0, %arg1 {dilation = array<i64: 1, 1>, pad_hi = array<i64: 0, 0>, pad_lo = array<i64: 0, 0>, stride = array<i64: 1, 1>} : (tensor<1x1x3x3xf32>, tensor<1x2x3x3xf32>) -> tensor<1x2x5x5xf32>
func.func @onnx_backend_convtranspose(%x: tensor<1x1x3x3xf32>, %w: tensor<1x2x3x3xf32>) -> tensor<1x2x5x5xf32> {
  %0 = tconv.onnx_conv_transpose %x, %w : (tensor<1x1x3x3xf32>, tensor<1x2x3x3xf32>) -> tensor<1x2x5x5xf32>
  return %0 : tensor<1x2x5x5xf32>
}

// -----

// test_convtranspose_1d: x 1x1x3, w 1x2x3: F = 2 + 3 = 5, (0,0) -> 5.
// CHECK-LABEL: func @onnx_backend_convtranspose_1d
// CHECK: tconv.conv_transpose %arg0, %arg1 {dilation = array<i64: 1>, pad_hi = array<i64: 0>, pad_lo = array<i64: 0>, stride = array<i64: 1>} : (tensor<1x1x3xf32>, tensor<1x2x3xf32>) -> tensor<1x2x5xf32>
func.func @onnx_backend_convtranspose_1d(%x: tensor<1x1x3xf32>, %w: tensor<1x2x3xf32>) -> tensor<1x2x5xf32> {
  %0 = tconv.onnx_conv_transpose %x, %w : (tensor<1x1x3xf32>, tensor<1x2x3xf32>) -> tensor<1x2x5xf32>
  return %0 : tensor<1x2x5xf32>
}

// -----

// test_convtranspose_3d: x 1x1x3x4x5, w 1x2x3x3x3: F = 5, 6, 7, (0,0) each.
// CHECK-LABEL: func @onnx_backend_convtranspose_3d
// CHECK: tconv.conv_transpose %arg0, %arg1 {dilation = array<i64: 1, 1, 1>, pad_hi = array<i64: 0, 0, 0>, pad_lo = array<i64: 0, 0, 0>, stride = array<i64: 1, 1, 1>} : (tensor<1x1x3x4x5xf32>, tensor<1x2x3x3x3xf32>) -> tensor<1x2x5x6x7xf32>
func.func @onnx_backend_convtranspose_3d(%x: tensor<1x1x3x4x5xf32>, %w: tensor<1x2x3x3x3xf32>) -> tensor<1x2x5x6x7xf32> {
  %0 = tconv.onnx_conv_transpose %x, %w : (tensor<1x1x3x4x5xf32>, tensor<1x2x3x3x3xf32>) -> tensor<1x2x5x6x7xf32>
  return %0 : tensor<1x2x5x6x7xf32>
}

// -----

// test_convtranspose_autopad_same: SAME_UPPER strides 2,2: F = 2*2+3 = 7,
// T = 3-2 = 1, (0,1) per dim -> 6x6 (= L*s).
// CHECK-LABEL: func @onnx_backend_convtranspose_autopad_same
// CHECK: tconv.conv_transpose %arg0, %arg1 {dilation = array<i64: 1, 1>, pad_hi = array<i64: 1, 1>, pad_lo = array<i64: 0, 0>, stride = array<i64: 2, 2>} : (tensor<1x1x3x3xf32>, tensor<1x2x3x3xf32>) -> tensor<1x2x6x6xf32>
func.func @onnx_backend_convtranspose_autopad_same(%x: tensor<1x1x3x3xf32>, %w: tensor<1x2x3x3xf32>) -> tensor<1x2x6x6xf32> {
  %0 = tconv.onnx_conv_transpose %x, %w {auto_pad = "SAME_UPPER", strides = array<i64: 2, 2>} : (tensor<1x1x3x3xf32>, tensor<1x2x3x3xf32>) -> tensor<1x2x6x6xf32>
  return %0 : tensor<1x2x6x6xf32>
}

// -----

// test_convtranspose_dilations: w 1x1x2x2, dilations 2,2: dk = 3, F = 2 + 3 = 5,
// (0,0) -> 5x5.
// CHECK-LABEL: func @onnx_backend_convtranspose_dilations
// CHECK: tconv.conv_transpose %arg0, %arg1 {dilation = array<i64: 2, 2>, pad_hi = array<i64: 0, 0>, pad_lo = array<i64: 0, 0>, stride = array<i64: 1, 1>} : (tensor<1x1x3x3xf32>, tensor<1x1x2x2xf32>) -> tensor<1x1x5x5xf32>
func.func @onnx_backend_convtranspose_dilations(%x: tensor<1x1x3x3xf32>, %w: tensor<1x1x2x2xf32>) -> tensor<1x1x5x5xf32> {
  %0 = tconv.onnx_conv_transpose %x, %w {dilations = array<i64: 2, 2>} : (tensor<1x1x3x3xf32>, tensor<1x1x2x2xf32>) -> tensor<1x1x5x5xf32>
  return %0 : tensor<1x1x5x5xf32>
}

// -----

// test_convtranspose_kernel_shape (and test_convtranspose_with_kernel, the same
// node): kernel_shape 3,3, output_padding 1,1, output_shape 10,8, strides 3,2.
// H: F = 2*3+3 = 9, T = max(0, 9+1-10) = 0, hi = 9 - 0 - 10 = -1: (0,-1) -> 10.
// W: F = 2*2+3 = 7, T = max(0, 7+1-8) = 0, hi = 7 - 0 - 8 = -1: (0,-1) -> 8.
// CHECK-LABEL: func @onnx_backend_convtranspose_kernel_shape
// CHECK: tconv.conv_transpose %arg0, %arg1 {dilation = array<i64: 1, 1>, pad_hi = array<i64: -1, -1>, pad_lo = array<i64: 0, 0>, stride = array<i64: 3, 2>} : (tensor<1x1x3x3xf32>, tensor<1x2x3x3xf32>) -> tensor<1x2x10x8xf32>
func.func @onnx_backend_convtranspose_kernel_shape(%x: tensor<1x1x3x3xf32>, %w: tensor<1x2x3x3xf32>) -> tensor<1x2x10x8xf32> {
  %0 = tconv.onnx_conv_transpose %x, %w {kernel_shape = array<i64: 3, 3>, output_padding = array<i64: 1, 1>, output_shape = array<i64: 10, 8>, strides = array<i64: 3, 2>} : (tensor<1x1x3x3xf32>, tensor<1x2x3x3xf32>) -> tensor<1x2x10x8xf32>
  return %0 : tensor<1x2x10x8xf32>
}

// -----

// test_convtranspose_output_shape: output_shape 10,8, strides 3,2.
// H: F = 9, T = max(0, 9-10) = 0, (0,-1) -> 10. W: F = 7, T = max(0, -1) = 0, (0,-1) -> 8.
// CHECK-LABEL: func @onnx_backend_convtranspose_output_shape
// CHECK: tconv.conv_transpose %arg0, %arg1 {dilation = array<i64: 1, 1>, pad_hi = array<i64: -1, -1>, pad_lo = array<i64: 0, 0>, stride = array<i64: 3, 2>} : (tensor<1x1x3x3xf32>, tensor<1x2x3x3xf32>) -> tensor<1x2x10x8xf32>
func.func @onnx_backend_convtranspose_output_shape(%x: tensor<1x1x3x3xf32>, %w: tensor<1x2x3x3xf32>) -> tensor<1x2x10x8xf32> {
  %0 = tconv.onnx_conv_transpose %x, %w {output_shape = array<i64: 10, 8>, strides = array<i64: 3, 2>} : (tensor<1x1x3x3xf32>, tensor<1x2x3x3xf32>) -> tensor<1x2x10x8xf32>
  return %0 : tensor<1x2x10x8xf32>
}

// -----

// test_convtranspose_pad: output_padding 1,1, strides 3,2 (NOTSET, no pads):
// (0,-op) = (0,-1) per dim: H 9+1 = 10, W 7+1 = 8.
// CHECK-LABEL: func @onnx_backend_convtranspose_pad
// CHECK: tconv.conv_transpose %arg0, %arg1 {dilation = array<i64: 1, 1>, pad_hi = array<i64: -1, -1>, pad_lo = array<i64: 0, 0>, stride = array<i64: 3, 2>} : (tensor<1x1x3x3xf32>, tensor<1x2x3x3xf32>) -> tensor<1x2x10x8xf32>
func.func @onnx_backend_convtranspose_pad(%x: tensor<1x1x3x3xf32>, %w: tensor<1x2x3x3xf32>) -> tensor<1x2x10x8xf32> {
  %0 = tconv.onnx_conv_transpose %x, %w {output_padding = array<i64: 1, 1>, strides = array<i64: 3, 2>} : (tensor<1x1x3x3xf32>, tensor<1x2x3x3xf32>) -> tensor<1x2x10x8xf32>
  return %0 : tensor<1x2x10x8xf32>
}

// -----

// test_convtranspose_pads: pads 1,2,1,2 ([h_begin, w_begin, h_end, w_end]),
// strides 3,2. H: F = 9, (1,1) -> 7. W: F = 7, (2,2) -> 3.
// CHECK-LABEL: func @onnx_backend_convtranspose_pads
// CHECK: tconv.conv_transpose %arg0, %arg1 {dilation = array<i64: 1, 1>, pad_hi = array<i64: 1, 2>, pad_lo = array<i64: 1, 2>, stride = array<i64: 3, 2>} : (tensor<1x1x3x3xf32>, tensor<1x2x3x3xf32>) -> tensor<1x2x7x3xf32>
func.func @onnx_backend_convtranspose_pads(%x: tensor<1x1x3x3xf32>, %w: tensor<1x2x3x3xf32>) -> tensor<1x2x7x3xf32> {
  %0 = tconv.onnx_conv_transpose %x, %w {pads = array<i64: 1, 2, 1, 2>, strides = array<i64: 3, 2>} : (tensor<1x1x3x3xf32>, tensor<1x2x3x3xf32>) -> tensor<1x2x7x3xf32>
  return %0 : tensor<1x2x7x3xf32>
}
