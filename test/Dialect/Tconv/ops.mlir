// RUN: tconv-opt %s -split-input-file | FileCheck %s
// RUN: tconv-opt %s -split-input-file --mlir-print-op-generic | tconv-opt -split-input-file | FileCheck %s
// Round trip of the four ops: the custom form and the generic form (with
// properties in <{...}> or, older style, inherent attributes in {...}) all
// parse, verify and print back as the same custom form. Attributes equal to
// their default (groups/group = 1, padding_mode = "zeros", pad_mode = "same",
// auto_pad = "NOTSET")
// are elided by the printer.

// CHECK-LABEL: func @torch_1d
func.func @torch_1d(%x: tensor<1x3x50xf32>, %w: tensor<3x64x5xf32>) -> tensor<1x64x150xf32> {
  // CHECK: tconv.torch_conv_transpose %{{.*}}, %{{.*}} {output_padding = array<i64: 2>, padding = array<i64: 2>, stride = array<i64: 3>} : (tensor<1x3x50xf32>, tensor<3x64x5xf32>) -> tensor<1x64x150xf32>
  %0 = tconv.torch_conv_transpose %x, %w {stride = array<i64: 3>, padding = array<i64: 2>, output_padding = array<i64: 2>} : (tensor<1x3x50xf32>, tensor<3x64x5xf32>) -> tensor<1x64x150xf32>
  return %0 : tensor<1x64x150xf32>
}

// -----

// No attributes at all: PyTorch defaults, F = (5-1)*1 + 3 = 7.
// CHECK-LABEL: func @torch_1d_defaults
func.func @torch_1d_defaults(%x: tensor<2x3x5xf64>, %w: tensor<3x4x3xf64>) -> tensor<2x4x7xf64> {
  // CHECK: tconv.torch_conv_transpose %{{.*}}, %{{.*}} : (tensor<2x3x5xf64>, tensor<3x4x3xf64>) -> tensor<2x4x7xf64>
  %0 = tconv.torch_conv_transpose %x, %w : (tensor<2x3x5xf64>, tensor<3x4x3xf64>) -> tensor<2x4x7xf64>
  return %0 : tensor<2x4x7xf64>
}

// -----

// 2-D with bias, groups, dilation and non-default padding_mode spelled out.
// H: F = 15*2 + 2*2+1 = 35, (1, 1-1=0) -> 34. W: F = 7*1 + 3 = 10, (0, 0) -> 10.
// CHECK-LABEL: func @torch_2d_bias_groups
func.func @torch_2d_bias_groups(%x: tensor<1x8x16x8xf16>, %w: tensor<8x2x3x3xf16>, %b: tensor<8xf16>) -> tensor<1x8x34x10xf16> {
  // CHECK: tconv.torch_conv_transpose %{{.*}}, %{{.*}}, %{{.*}} {dilation = array<i64: 2, 1>, groups = 4 : i64, output_padding = array<i64: 1, 0>, padding = array<i64: 1, 0>, stride = array<i64: 2, 1>} : (tensor<1x8x16x8xf16>, tensor<8x2x3x3xf16>, tensor<8xf16>) -> tensor<1x8x34x10xf16>
  %0 = tconv.torch_conv_transpose %x, %w, %b {stride = array<i64: 2, 1>, padding = array<i64: 1, 0>, output_padding = array<i64: 1, 0>, dilation = array<i64: 2, 1>, groups = 4, padding_mode = "zeros"} : (tensor<1x8x16x8xf16>, tensor<8x2x3x3xf16>, tensor<8xf16>) -> tensor<1x8x34x10xf16>
  return %0 : tensor<1x8x34x10xf16>
}

// -----

// 3-D bf16, dynamic batch and spatial dims; static D: F = 3*2 + 2 = 8.
// CHECK-LABEL: func @torch_3d_dynamic
func.func @torch_3d_dynamic(%x: tensor<?x2x4x?x?xbf16>, %w: tensor<2x3x2x2x2xbf16>, %b: tensor<3xbf16>) -> tensor<?x3x8x?x?xbf16> {
  // CHECK: tconv.torch_conv_transpose %{{.*}}, %{{.*}}, %{{.*}} {stride = array<i64: 2, 2, 2>} : (tensor<?x2x4x?x?xbf16>, tensor<2x3x2x2x2xbf16>, tensor<3xbf16>) -> tensor<?x3x8x?x?xbf16>
  %0 = tconv.torch_conv_transpose %x, %w, %b {stride = array<i64: 2, 2, 2>} : (tensor<?x2x4x?x?xbf16>, tensor<2x3x2x2x2xbf16>, tensor<3xbf16>) -> tensor<?x3x8x?x?xbf16>
  return %0 : tensor<?x3x8x?x?xbf16>
}

// -----

// stride <= output_padding < dilation is accepted (bound is max(stride, dilation)):
// docs/spec.md §7.2 row 7, F = 4*1 + 2*2+1 = 9, (0, -1) -> 10.
// CHECK-LABEL: func @torch_op_below_dilation
func.func @torch_op_below_dilation(%x: tensor<1x1x5xf32>, %w: tensor<1x1x3xf32>) -> tensor<1x1x10xf32> {
  // CHECK: tconv.torch_conv_transpose %{{.*}}, %{{.*}} {dilation = array<i64: 2>, output_padding = array<i64: 1>} : (tensor<1x1x5xf32>, tensor<1x1x3xf32>) -> tensor<1x1x10xf32>
  %0 = tconv.torch_conv_transpose %x, %w {dilation = array<i64: 2>, output_padding = array<i64: 1>} : (tensor<1x1x5xf32>, tensor<1x1x3xf32>) -> tensor<1x1x10xf32>
  return %0 : tensor<1x1x10xf32>
}

// -----

// Generic form, properties in <{...}>.
// CHECK-LABEL: func @torch_generic_properties
func.func @torch_generic_properties(%x: tensor<1x3x50xf32>, %w: tensor<3x64x5xf32>) -> tensor<1x64x150xf32> {
  // CHECK: tconv.torch_conv_transpose %{{.*}}, %{{.*}} {output_padding = array<i64: 2>, padding = array<i64: 2>, stride = array<i64: 3>} : (tensor<1x3x50xf32>, tensor<3x64x5xf32>) -> tensor<1x64x150xf32>
  %0 = "tconv.torch_conv_transpose"(%x, %w) <{stride = array<i64: 3>, padding = array<i64: 2>, output_padding = array<i64: 2>, groups = 1 : i64, padding_mode = "zeros"}> : (tensor<1x3x50xf32>, tensor<3x64x5xf32>) -> tensor<1x64x150xf32>
  return %0 : tensor<1x64x150xf32>
}

// -----

// Generic form, inherent attributes in the attribute dictionary {...}: the
// same op, printed identically.
// CHECK-LABEL: func @torch_generic_attr_dict
func.func @torch_generic_attr_dict(%x: tensor<1x3x50xf32>, %w: tensor<3x64x5xf32>, %b: tensor<64xf32>) -> tensor<1x64x150xf32> {
  // CHECK: tconv.torch_conv_transpose %{{.*}}, %{{.*}}, %{{.*}} {output_padding = array<i64: 2>, padding = array<i64: 2>, stride = array<i64: 3>} : (tensor<1x3x50xf32>, tensor<3x64x5xf32>, tensor<64xf32>) -> tensor<1x64x150xf32>
  %0 = "tconv.torch_conv_transpose"(%x, %w, %b) {stride = array<i64: 3>, padding = array<i64: 2>, output_padding = array<i64: 2>} : (tensor<1x3x50xf32>, tensor<3x64x5xf32>, tensor<64xf32>) -> tensor<1x64x150xf32>
  return %0 : tensor<1x64x150xf32>
}

// -----

// MindSpore 1-D, default pad_mode "same": 50*3 = 150.
// CHECK-LABEL: func @ms_1d_same_default
func.func @ms_1d_same_default(%x: tensor<1x3x50xf32>, %w: tensor<3x64x5xf32>) -> tensor<1x64x150xf32> {
  // CHECK: tconv.ms_conv_transpose %{{.*}}, %{{.*}} {stride = array<i64: 3>} : (tensor<1x3x50xf32>, tensor<3x64x5xf32>) -> tensor<1x64x150xf32>
  %0 = tconv.ms_conv_transpose %x, %w {stride = array<i64: 3>, pad_mode = "same"} : (tensor<1x3x50xf32>, tensor<3x64x5xf32>) -> tensor<1x64x150xf32>
  return %0 : tensor<1x64x150xf32>
}

// -----

// MindSpore 1-D "valid" f16 with bias and case-insensitive initializer aliases.
// F = 49*3 + 5 = 152.
// CHECK-LABEL: func @ms_1d_valid_bias_init
func.func @ms_1d_valid_bias_init(%x: tensor<1x3x50xf16>, %w: tensor<3x64x5xf16>, %b: tensor<64xf16>) -> tensor<1x64x152xf16> {
  // CHECK: tconv.ms_conv_transpose %{{.*}}, %{{.*}}, %{{.*}} {bias_init = "Zeros", pad_mode = "valid", stride = array<i64: 3>, weight_init = "HE_Uniform"} : (tensor<1x3x50xf16>, tensor<3x64x5xf16>, tensor<64xf16>) -> tensor<1x64x152xf16>
  %0 = tconv.ms_conv_transpose %x, %w, %b {stride = array<i64: 3>, pad_mode = "valid", weight_init = "HE_Uniform", bias_init = "Zeros"} : (tensor<1x3x50xf16>, tensor<3x64x5xf16>, tensor<64xf16>) -> tensor<1x64x152xf16>
  return %0 : tensor<1x64x152xf16>
}

// -----

// MindSpore 2-D "pad" with (top, bottom, left, right), output_padding, group.
// H: F = 4*2 + 3 = 11, (1, 2) -> 8, +1 zero -> 9. W: (0, 3) -> 8.
// CHECK-LABEL: func @ms_2d_pad_tuple
func.func @ms_2d_pad_tuple(%x: tensor<2x4x5x5xbf16>, %w: tensor<4x3x3x3xbf16>) -> tensor<2x6x9x8xbf16> {
  // CHECK: tconv.ms_conv_transpose %{{.*}}, %{{.*}} {group = 2 : i64, output_padding = array<i64: 1, 0>, pad_mode = "pad", padding = array<i64: 1, 2, 0, 3>, stride = array<i64: 2, 2>, weight_init = "XavierUniform"} : (tensor<2x4x5x5xbf16>, tensor<4x3x3x3xbf16>) -> tensor<2x6x9x8xbf16>
  %0 = tconv.ms_conv_transpose %x, %w {stride = array<i64: 2, 2>, pad_mode = "pad", padding = array<i64: 1, 2, 0, 3>, output_padding = array<i64: 1, 0>, group = 2, weight_init = "XavierUniform"} : (tensor<2x4x5x5xbf16>, tensor<4x3x3x3xbf16>) -> tensor<2x6x9x8xbf16>
  return %0 : tensor<2x6x9x8xbf16>
}

// -----

// MindSpore 3-D f64, dynamic batch and spatial, "same": L*s.
// CHECK-LABEL: func @ms_3d_same_dynamic
func.func @ms_3d_same_dynamic(%x: tensor<?x2x?x4x?xf64>, %w: tensor<2x2x3x3x3xf64>, %b: tensor<2xf64>) -> tensor<?x2x?x8x?xf64> {
  // CHECK: tconv.ms_conv_transpose %{{.*}}, %{{.*}}, %{{.*}} {dilation = array<i64: 1, 1, 1>, stride = array<i64: 2, 2, 2>} : (tensor<?x2x?x4x?xf64>, tensor<2x2x3x3x3xf64>, tensor<2xf64>) -> tensor<?x2x?x8x?xf64>
  %0 = tconv.ms_conv_transpose %x, %w, %b {stride = array<i64: 2, 2, 2>, dilation = array<i64: 1, 1, 1>} : (tensor<?x2x?x4x?xf64>, tensor<2x2x3x3x3xf64>, tensor<2xf64>) -> tensor<?x2x?x8x?xf64>
  return %0 : tensor<?x2x?x8x?xf64>
}

// -----

// MindSpore generic forms (<{...}> and {...}).
// CHECK-LABEL: func @ms_generic
func.func @ms_generic(%x: tensor<1x3x50xf32>, %w: tensor<3x64x4xf32>) -> (tensor<1x64x53xf32>, tensor<1x64x53xf32>) {
  // CHECK: tconv.ms_conv_transpose %{{.*}}, %{{.*}} {pad_mode = "pad", padding = array<i64: 0>} : (tensor<1x3x50xf32>, tensor<3x64x4xf32>) -> tensor<1x64x53xf32>
  %0 = "tconv.ms_conv_transpose"(%x, %w) <{pad_mode = "pad", padding = array<i64: 0>, group = 1 : i64}> : (tensor<1x3x50xf32>, tensor<3x64x4xf32>) -> tensor<1x64x53xf32>
  // CHECK: tconv.ms_conv_transpose %{{.*}}, %{{.*}} {pad_mode = "pad", padding = array<i64: 0>} : (tensor<1x3x50xf32>, tensor<3x64x4xf32>) -> tensor<1x64x53xf32>
  %1 = "tconv.ms_conv_transpose"(%x, %w) {pad_mode = "pad", padding = array<i64: 0>} : (tensor<1x3x50xf32>, tensor<3x64x4xf32>) -> tensor<1x64x53xf32>
  return %0, %1 : tensor<1x64x53xf32>, tensor<1x64x53xf32>
}

// -----

// ONNX 1-D, all defaults (auto_pad "NOTSET" spelled out is elided): F = 4 + 3 = 7.
// CHECK-LABEL: func @onnx_1d_defaults
func.func @onnx_1d_defaults(%x: tensor<1x3x5xf32>, %w: tensor<3x4x3xf32>) -> tensor<1x4x7xf32> {
  // CHECK: tconv.onnx_conv_transpose %{{.*}}, %{{.*}} : (tensor<1x3x5xf32>, tensor<3x4x3xf32>) -> tensor<1x4x7xf32>
  %0 = tconv.onnx_conv_transpose %x, %w {auto_pad = "NOTSET", group = 1} : (tensor<1x3x5xf32>, tensor<3x4x3xf32>) -> tensor<1x4x7xf32>
  return %0 : tensor<1x4x7xf32>
}

// -----

// ONNX 2-D with every attribute: bias, group, NOTSET pads, kernel_shape,
// output_padding, dilations, strides. H: F = 3*2 + 2*2+1 = 11, (1, 2-1) -> 9.
// W: F = 4*3 + 2 = 14, (0, 3-2) -> 13. Cout = 2 * 3 = 6.
// CHECK-LABEL: func @onnx_2d_all_attributes
func.func @onnx_2d_all_attributes(%x: tensor<2x6x4x5xf16>, %w: tensor<6x2x3x2xf16>, %b: tensor<6xf16>) -> tensor<2x6x9x13xf16> {
  // CHECK: tconv.onnx_conv_transpose %{{.*}}, %{{.*}}, %{{.*}} {dilations = array<i64: 2, 1>, group = 3 : i64, kernel_shape = array<i64: 3, 2>, output_padding = array<i64: 1, 2>, pads = array<i64: 1, 0, 2, 3>, strides = array<i64: 2, 3>} : (tensor<2x6x4x5xf16>, tensor<6x2x3x2xf16>, tensor<6xf16>) -> tensor<2x6x9x13xf16>
  %0 = tconv.onnx_conv_transpose %x, %w, %b {pads = array<i64: 1, 0, 2, 3>, kernel_shape = array<i64: 3, 2>, output_padding = array<i64: 1, 2>, dilations = array<i64: 2, 1>, strides = array<i64: 2, 3>, group = 3} : (tensor<2x6x4x5xf16>, tensor<6x2x3x2xf16>, tensor<6xf16>) -> tensor<2x6x9x13xf16>
  return %0 : tensor<2x6x9x13xf16>
}

// -----

// ONNX 3-D bf16, SAME_UPPER with dynamic batch and spatial sizes: L*s.
// CHECK-LABEL: func @onnx_3d_same_upper_dynamic
func.func @onnx_3d_same_upper_dynamic(%x: tensor<?x2x?x4x?xbf16>, %w: tensor<2x2x3x3x3xbf16>) -> tensor<?x2x?x8x?xbf16> {
  // CHECK: tconv.onnx_conv_transpose %{{.*}}, %{{.*}} {auto_pad = "SAME_UPPER", strides = array<i64: 2, 2, 2>} : (tensor<?x2x?x4x?xbf16>, tensor<2x2x3x3x3xbf16>) -> tensor<?x2x?x8x?xbf16>
  %0 = tconv.onnx_conv_transpose %x, %w {auto_pad = "SAME_UPPER", strides = array<i64: 2, 2, 2>} : (tensor<?x2x?x4x?xbf16>, tensor<2x2x3x3x3xbf16>) -> tensor<?x2x?x8x?xbf16>
  return %0 : tensor<?x2x?x8x?xbf16>
}

// -----

// ONNX generic forms (<{...}> and {...}), output_shape (backend test
// test_convtranspose_output_shape: 10x8).
// CHECK-LABEL: func @onnx_generic
func.func @onnx_generic(%x: tensor<1x1x3x3xf32>, %w: tensor<1x2x3x3xf32>) -> (tensor<1x2x10x8xf32>, tensor<1x2x10x8xf32>) {
  // CHECK: tconv.onnx_conv_transpose %{{.*}}, %{{.*}} {output_shape = array<i64: 10, 8>, strides = array<i64: 3, 2>} : (tensor<1x1x3x3xf32>, tensor<1x2x3x3xf32>) -> tensor<1x2x10x8xf32>
  %0 = "tconv.onnx_conv_transpose"(%x, %w) <{auto_pad = "NOTSET", output_shape = array<i64: 10, 8>, strides = array<i64: 3, 2>, group = 1 : i64}> : (tensor<1x1x3x3xf32>, tensor<1x2x3x3xf32>) -> tensor<1x2x10x8xf32>
  // CHECK: tconv.onnx_conv_transpose %{{.*}}, %{{.*}} {output_shape = array<i64: 10, 8>, strides = array<i64: 3, 2>} : (tensor<1x1x3x3xf32>, tensor<1x2x3x3xf32>) -> tensor<1x2x10x8xf32>
  %1 = "tconv.onnx_conv_transpose"(%x, %w) {output_shape = array<i64: 10, 8>, strides = array<i64: 3, 2>} : (tensor<1x1x3x3xf32>, tensor<1x2x3x3xf32>) -> tensor<1x2x10x8xf32>
  return %0, %1 : tensor<1x2x10x8xf32>, tensor<1x2x10x8xf32>
}

// -----

// Canonical op: 1-D f32 with negative pad_hi (bias-only position), F = 11.
// CHECK-LABEL: func @canonical_1d
func.func @canonical_1d(%x: tensor<1x1x4xf32>, %w: tensor<1x1x2xf32>, %b: tensor<1xf32>) -> tensor<1x1x12xf32> {
  // CHECK: tconv.conv_transpose %{{.*}}, %{{.*}}, %{{.*}} {dilation = array<i64: 1>, pad_hi = array<i64: -1>, pad_lo = array<i64: 0>, stride = array<i64: 3>} : (tensor<1x1x4xf32>, tensor<1x1x2xf32>, tensor<1xf32>) -> tensor<1x1x12xf32>
  %0 = tconv.conv_transpose %x, %w, %b {stride = array<i64: 3>, dilation = array<i64: 1>, pad_lo = array<i64: 0>, pad_hi = array<i64: -1>} : (tensor<1x1x4xf32>, tensor<1x1x2xf32>, tensor<1xf32>) -> tensor<1x1x12xf32>
  return %0 : tensor<1x1x12xf32>
}

// -----

// Canonical op: 2-D f16 dynamic batch, groups, pads larger than dk-1.
// H: F = 4*2 + 3 = 11, (3, 3) -> 5. W: F = 4*1 + 2*2+1 = 9, (0, 0) -> 9.
// CHECK-LABEL: func @canonical_2d_groups
func.func @canonical_2d_groups(%x: tensor<?x4x5x5xf16>, %w: tensor<4x1x3x3xf16>) -> tensor<?x2x5x9xf16> {
  // CHECK: tconv.conv_transpose %{{.*}}, %{{.*}} {dilation = array<i64: 1, 2>, groups = 2 : i64, pad_hi = array<i64: 3, 0>, pad_lo = array<i64: 3, 0>, stride = array<i64: 2, 1>} : (tensor<?x4x5x5xf16>, tensor<4x1x3x3xf16>) -> tensor<?x2x5x9xf16>
  %0 = tconv.conv_transpose %x, %w {stride = array<i64: 2, 1>, dilation = array<i64: 1, 2>, pad_lo = array<i64: 3, 0>, pad_hi = array<i64: 3, 0>, groups = 2} : (tensor<?x4x5x5xf16>, tensor<4x1x3x3xf16>) -> tensor<?x2x5x9xf16>
  return %0 : tensor<?x2x5x9xf16>
}

// -----

// Canonical op: 3-D bf16 dynamic spatial, generic forms.
// CHECK-LABEL: func @canonical_3d_generic
func.func @canonical_3d_generic(%x: tensor<1x2x?x3x3xbf16>, %w: tensor<2x2x2x2x2xbf16>) -> (tensor<1x2x?x4x4xbf16>, tensor<1x2x?x4x4xbf16>) {
  // CHECK: tconv.conv_transpose %{{.*}}, %{{.*}} {dilation = array<i64: 1, 1, 1>, pad_hi = array<i64: 0, 0, 0>, pad_lo = array<i64: 0, 0, 0>, stride = array<i64: 1, 1, 1>} : (tensor<1x2x?x3x3xbf16>, tensor<2x2x2x2x2xbf16>) -> tensor<1x2x?x4x4xbf16>
  %0 = "tconv.conv_transpose"(%x, %w) <{stride = array<i64: 1, 1, 1>, dilation = array<i64: 1, 1, 1>, pad_lo = array<i64: 0, 0, 0>, pad_hi = array<i64: 0, 0, 0>, groups = 1 : i64}> : (tensor<1x2x?x3x3xbf16>, tensor<2x2x2x2x2xbf16>) -> tensor<1x2x?x4x4xbf16>
  // CHECK: tconv.conv_transpose %{{.*}}, %{{.*}} {dilation = array<i64: 1, 1, 1>, pad_hi = array<i64: 0, 0, 0>, pad_lo = array<i64: 0, 0, 0>, stride = array<i64: 1, 1, 1>} : (tensor<1x2x?x3x3xbf16>, tensor<2x2x2x2x2xbf16>) -> tensor<1x2x?x4x4xbf16>
  %1 = "tconv.conv_transpose"(%x, %w) {stride = array<i64: 1, 1, 1>, dilation = array<i64: 1, 1, 1>, pad_lo = array<i64: 0, 0, 0>, pad_hi = array<i64: 0, 0, 0>} : (tensor<1x2x?x3x3xbf16>, tensor<2x2x2x2x2xbf16>) -> tensor<1x2x?x4x4xbf16>
  return %0, %1 : tensor<1x2x?x4x4xbf16>, tensor<1x2x?x4x4xbf16>
}

// -----

// A discardable attribute survives the round trip next to the inherent ones.
// CHECK-LABEL: func @discardable_attr
func.func @discardable_attr(%x: tensor<1x3x5xf32>, %w: tensor<3x4x3xf32>) -> tensor<1x4x7xf32> {
  // CHECK: tconv.conv_transpose %{{.*}}, %{{.*}} {dilation = array<i64: 1>, pad_hi = array<i64: 0>, pad_lo = array<i64: 0>, stride = array<i64: 1>, tconv.weight_init = "normal"} : (tensor<1x3x5xf32>, tensor<3x4x3xf32>) -> tensor<1x4x7xf32>
  %0 = tconv.conv_transpose %x, %w {stride = array<i64: 1>, dilation = array<i64: 1>, pad_lo = array<i64: 0>, pad_hi = array<i64: 0>, tconv.weight_init = "normal"} : (tensor<1x3x5xf32>, tensor<3x4x3xf32>) -> tensor<1x4x7xf32>
  return %0 : tensor<1x4x7xf32>
}

// -----

// tconv.map: a per-channel operand and a dynamic full-shape one.
// CHECK-LABEL: func @map
// CHECK: %[[M:.*]] = tconv.map %arg0, %arg1, %arg2 : (tensor<1x2x?xf32>, tensor<2xf32>, tensor<1x2x?xf32>) -> tensor<1x2x?xf32> {
// CHECK-NEXT: ^bb0(%[[V:.*]]: f32, %[[A:.*]]: f32, %[[R:.*]]: f32):
// CHECK-NEXT: %[[P:.*]] = arith.mulf %[[V]], %[[A]] : f32
// CHECK-NEXT: %[[S:.*]] = arith.addf %[[P]], %[[R]] : f32
// CHECK-NEXT: tconv.yield %[[S]] : f32
// CHECK-NEXT: }
// CHECK-NEXT: return %[[M]]
func.func @map(%x: tensor<1x2x?xf32>, %a: tensor<2xf32>, %r: tensor<1x2x?xf32>) -> tensor<1x2x?xf32> {
  %0 = tconv.map %x, %a, %r : (tensor<1x2x?xf32>, tensor<2xf32>, tensor<1x2x?xf32>) -> tensor<1x2x?xf32> {
  ^bb0(%v: f32, %w: f32, %s: f32):
    %p = arith.mulf %v, %w : f32
    %q = arith.addf %p, %s : f32
    tconv.yield %q : f32
  }
  return %0 : tensor<1x2x?xf32>
}

// -----

// tconv.channel_broadcast: one index per dynamic dim, as tensor.splat.
// CHECK-LABEL: func @channel_broadcast
// CHECK: tconv.channel_broadcast %arg0[%arg1] : tensor<2xf32> to tensor<1x2x?xf32>
func.func @channel_broadcast(%a: tensor<2xf32>, %n: index) -> tensor<1x2x?xf32> {
  %0 = tconv.channel_broadcast %a[%n] : tensor<2xf32> to tensor<1x2x?xf32>
  return %0 : tensor<1x2x?xf32>
}
