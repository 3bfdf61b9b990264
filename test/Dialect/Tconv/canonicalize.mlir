// Every flavor op canonicalizes into tconv.conv_transpose exactly as
// --tconv-normalize rewrites it: the whole normalize.mlir suite, with its
// hand-computed expectations, runs again under --canonicalize.
// RUN: tconv-opt %S/normalize.mlir -split-input-file --canonicalize | FileCheck %S/normalize.mlir
// RUN: tconv-opt %s -split-input-file --canonicalize | FileCheck %s

// The ops are Pure: an unused flavor op is erased, not rewritten.
// CHECK-LABEL: func @dead_flavor_ops
// CHECK-NOT: tconv.
// CHECK: return %arg0
func.func @dead_flavor_ops(%x: tensor<1x3x50xf32>, %w: tensor<3x64x5xf32>) -> tensor<1x3x50xf32> {
  %0 = tconv.torch_conv_transpose %x, %w {stride = array<i64: 3>, padding = array<i64: 2>, output_padding = array<i64: 2>} : (tensor<1x3x50xf32>, tensor<3x64x5xf32>) -> tensor<1x64x150xf32>
  %1 = tconv.ms_conv_transpose %x, %w {stride = array<i64: 3>} : (tensor<1x3x50xf32>, tensor<3x64x5xf32>) -> tensor<1x64x150xf32>
  return %x : tensor<1x3x50xf32>
}

// -----

// The canonical op has no canonicalization: it stays as written.
// L=5 k=3 s=2: F=11, (1,2) -> 8.
// CHECK-LABEL: func @canonical_fixed_point
// CHECK: %[[R:.*]] = tconv.conv_transpose %arg0, %arg1 {dilation = array<i64: 1>, pad_hi = array<i64: 2>, pad_lo = array<i64: 1>, stride = array<i64: 2>} : (tensor<1x1x5xf32>, tensor<1x1x3xf32>) -> tensor<1x1x8xf32>
// CHECK-NEXT: return %[[R]]
func.func @canonical_fixed_point(%x: tensor<1x1x5xf32>, %w: tensor<1x1x3xf32>) -> tensor<1x1x8xf32> {
  %0 = tconv.conv_transpose %x, %w {stride = array<i64: 2>, dilation = array<i64: 1>, pad_lo = array<i64: 1>, pad_hi = array<i64: 2>} : (tensor<1x1x5xf32>, tensor<1x1x3xf32>) -> tensor<1x1x8xf32>
  return %0 : tensor<1x1x8xf32>
}

// -----

// A chain: the PyTorch op's result feeds a MindSpore op; both are rewritten.
// First: row 5 (L=16 k=4 s=2 p=1 -> (1,1), 32). Second: "same" on 32, k=3 s=2:
// need 1 -> (0,1), 64.
// CHECK-LABEL: func @chain
// CHECK: %[[A:.*]] = tconv.conv_transpose %arg0, %arg1 {dilation = array<i64: 1>, pad_hi = array<i64: 1>, pad_lo = array<i64: 1>, stride = array<i64: 2>} : (tensor<1x2x16xf32>, tensor<2x2x4xf32>) -> tensor<1x2x32xf32>
// CHECK: %[[B:.*]] = tconv.conv_transpose %[[A]], %arg2 {dilation = array<i64: 1>, pad_hi = array<i64: 1>, pad_lo = array<i64: 0>, stride = array<i64: 2>} : (tensor<1x2x32xf32>, tensor<2x1x3xf32>) -> tensor<1x1x64xf32>
// CHECK: return %[[B]]
func.func @chain(%x: tensor<1x2x16xf32>, %w: tensor<2x2x4xf32>, %v: tensor<2x1x3xf32>) -> tensor<1x1x64xf32> {
  %0 = tconv.torch_conv_transpose %x, %w {stride = array<i64: 2>, padding = array<i64: 1>} : (tensor<1x2x16xf32>, tensor<2x2x4xf32>) -> tensor<1x2x32xf32>
  %1 = tconv.ms_conv_transpose %0, %v {stride = array<i64: 2>} : (tensor<1x2x32xf32>, tensor<2x1x3xf32>) -> tensor<1x1x64xf32>
  return %1 : tensor<1x1x64xf32>
}
