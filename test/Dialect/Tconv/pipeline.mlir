// The pass runs nested under func.func through a textual pipeline, and under
// --mlir-print-ir-after-all its dump header names it.
// RUN: tconv-opt %s --pass-pipeline='builtin.module(func.func(tconv-normalize))' | FileCheck %s
// RUN: tconv-opt %s --tconv-normalize --mlir-print-ir-after-all 2>&1 | FileCheck %s --check-prefix=DUMP

// DUMP: // -----// IR Dump After TconvNormalize (tconv-normalize) //----- //
// DUMP: tconv.conv_transpose

// Comparison page ex. 2 (docs/spec.md §7.1, rows 13 and 2): k=5 s=3 on L=50.
// MindSpore "same" (1,1) and PyTorch p=2 op=2 (2,0), both 150.
// CHECK-LABEL: func @page_ex2
// CHECK: tconv.conv_transpose %arg0, %arg1 {dilation = array<i64: 1>, pad_hi = array<i64: 1>, pad_lo = array<i64: 1>, stride = array<i64: 3>} : (tensor<1x3x50xf32>, tensor<3x64x5xf32>) -> tensor<1x64x150xf32>
// CHECK: tconv.conv_transpose %arg0, %arg1 {dilation = array<i64: 1>, pad_hi = array<i64: 0>, pad_lo = array<i64: 2>, stride = array<i64: 3>} : (tensor<1x3x50xf32>, tensor<3x64x5xf32>) -> tensor<1x64x150xf32>
// CHECK-NOT: tconv.ms_conv_transpose
// CHECK-NOT: tconv.torch_conv_transpose
func.func @page_ex2(%x: tensor<1x3x50xf32>, %w: tensor<3x64x5xf32>) -> (tensor<1x64x150xf32>, tensor<1x64x150xf32>) {
  %ms = tconv.ms_conv_transpose %x, %w {stride = array<i64: 3>, pad_mode = "same"} : (tensor<1x3x50xf32>, tensor<3x64x5xf32>) -> tensor<1x64x150xf32>
  %pt = tconv.torch_conv_transpose %x, %w {stride = array<i64: 3>, padding = array<i64: 2>, output_padding = array<i64: 2>} : (tensor<1x3x50xf32>, tensor<3x64x5xf32>) -> tensor<1x64x150xf32>
  return %ms, %pt : tensor<1x64x150xf32>, tensor<1x64x150xf32>
}

// Row 22 under the nested pipeline: the tensor.pad needs the tensor and arith
// dialects loaded by the pass.
// CHECK-LABEL: func @ms_output_padding_2d
// CHECK: %[[CONV:.*]] = tconv.conv_transpose {{.*}} -> tensor<1x1x9x9xf32>
// CHECK: tensor.pad %[[CONV]] low[0, 0, 0, 0] high[0, 0, 1, 1]
// CHECK: } : tensor<1x1x9x9xf32> to tensor<1x1x10x10xf32>
func.func @ms_output_padding_2d(%x: tensor<1x1x5x5xf32>, %w: tensor<1x1x3x3xf32>) -> tensor<1x1x10x10xf32> {
  %0 = tconv.ms_conv_transpose %x, %w {stride = array<i64: 2, 2>, pad_mode = "pad", padding = array<i64: 1, 1>, output_padding = array<i64: 1, 1>} : (tensor<1x1x5x5xf32>, tensor<1x1x3x3xf32>) -> tensor<1x1x10x10xf32>
  return %0 : tensor<1x1x10x10xf32>
}
