// RUN: tconv-opt %s -split-input-file --tconv-normalize | FileCheck %s
// canonicalize.mlir runs this file again under --canonicalize with these checks.
//
// Every expected (pad_lo, pad_hi) and length below is computed by hand from
// docs/spec.md (sections 1, 2 and 4 and the table of §7.2, row numbers
// cited), never copied from the tool. Per spatial dimension:
//   dk = d*(k-1) + 1,  F = (L-1)*s + dk,  O = F - pad_lo - pad_hi.
//   PyTorch   (p, p - op)
//   MindSpore "same": dk >= s: (floor((dk-s)/2), ceil((dk-s)/2)); dk < s: (0, dk-s)
//             "valid": (0, min(0, dk-s));  "pad": (begin, end)
//             2-D output_padding: hard zeros appended after the bias (tensor.pad)
//             3-D output_padding: (head, tail - op)
// Row 9 (PyTorch forward(output_size=...)) is not expressible: the op has no
// output_size (its pads depend on L), so it has no case here.

//===----------------------------------------------------------------------===//
// PyTorch: docs/spec.md §7.2 rows 1-8, 10, 11
//===----------------------------------------------------------------------===//

// Row 1 (comparison page ex. 1, torch side): L=50 k=4 s=1 p=0 op=0: F=53, (0,0) -> 53.
// CHECK-LABEL: func @torch_row1_page_ex1
// CHECK: %[[R:.*]] = tconv.conv_transpose %arg0, %arg1 {dilation = array<i64: 1>, pad_hi = array<i64: 0>, pad_lo = array<i64: 0>, stride = array<i64: 1>} : (tensor<1x3x50xf32>, tensor<3x64x4xf32>) -> tensor<1x64x53xf32>
// CHECK-NOT: tconv.torch_conv_transpose
// CHECK: return %[[R]]
func.func @torch_row1_page_ex1(%x: tensor<1x3x50xf32>, %w: tensor<3x64x4xf32>) -> tensor<1x64x53xf32> {
  %0 = tconv.torch_conv_transpose %x, %w : (tensor<1x3x50xf32>, tensor<3x64x4xf32>) -> tensor<1x64x53xf32>
  return %0 : tensor<1x64x53xf32>
}

// -----

// Row 4: L=50 k=5 s=3 p=1 op=0: F=152, (1,1) -> 150; the exact PyTorch
// equivalent of MindSpore "same" k=5 s=3 (row 13).
// CHECK-LABEL: func @torch_row4
// CHECK: tconv.conv_transpose %arg0, %arg1 {dilation = array<i64: 1>, pad_hi = array<i64: 1>, pad_lo = array<i64: 1>, stride = array<i64: 3>} : (tensor<1x3x50xf32>, tensor<3x64x5xf32>) -> tensor<1x64x150xf32>
func.func @torch_row4(%x: tensor<1x3x50xf32>, %w: tensor<3x64x5xf32>) -> tensor<1x64x150xf32> {
  %0 = tconv.torch_conv_transpose %x, %w {stride = array<i64: 3>, padding = array<i64: 1>} : (tensor<1x3x50xf32>, tensor<3x64x5xf32>) -> tensor<1x64x150xf32>
  return %0 : tensor<1x64x150xf32>
}

// -----

// Row 5, classic 2x upsampler, both dims: L=16 k=4 s=2 p=1: F=34, (1,1) -> 32.
// CHECK-LABEL: func @torch_row5_2d
// CHECK: tconv.conv_transpose %arg0, %arg1 {dilation = array<i64: 1, 1>, pad_hi = array<i64: 1, 1>, pad_lo = array<i64: 1, 1>, stride = array<i64: 2, 2>} : (tensor<1x8x16x16xf32>, tensor<8x4x4x4xf32>) -> tensor<1x4x32x32xf32>
func.func @torch_row5_2d(%x: tensor<1x8x16x16xf32>, %w: tensor<8x4x4x4xf32>) -> tensor<1x4x32x32xf32> {
  %0 = tconv.torch_conv_transpose %x, %w {stride = array<i64: 2, 2>, padding = array<i64: 1, 1>} : (tensor<1x8x16x16xf32>, tensor<8x4x4x4xf32>) -> tensor<1x4x32x32xf32>
  return %0 : tensor<1x4x32x32xf32>
}

// -----

// Row 6: L=7 k=3 s=2 p=1 op=1: F=15, (1,0) -> 14.
// CHECK-LABEL: func @torch_row6
// CHECK: tconv.conv_transpose %arg0, %arg1 {dilation = array<i64: 1>, pad_hi = array<i64: 0>, pad_lo = array<i64: 1>, stride = array<i64: 2>} : (tensor<1x2x7xf32>, tensor<2x3x3xf32>) -> tensor<1x3x14xf32>
func.func @torch_row6(%x: tensor<1x2x7xf32>, %w: tensor<2x3x3xf32>) -> tensor<1x3x14xf32> {
  %0 = tconv.torch_conv_transpose %x, %w {stride = array<i64: 2>, padding = array<i64: 1>, output_padding = array<i64: 1>} : (tensor<1x2x7xf32>, tensor<2x3x3xf32>) -> tensor<1x3x14xf32>
  return %0 : tensor<1x3x14xf32>
}

// -----

// Row 7: stride <= output_padding < dilation is legal. L=5 k=3 s=1 d=2 p=0
// op=1: dk=5, F=9, (0,-1) -> 10 (the appended position holds only the bias).
// CHECK-LABEL: func @torch_row7_op_below_dilation
// CHECK: tconv.conv_transpose %arg0, %arg1, %arg2 {dilation = array<i64: 2>, pad_hi = array<i64: -1>, pad_lo = array<i64: 0>, stride = array<i64: 1>} : (tensor<1x1x5xf32>, tensor<1x1x3xf32>, tensor<1xf32>) -> tensor<1x1x10xf32>
func.func @torch_row7_op_below_dilation(%x: tensor<1x1x5xf32>, %w: tensor<1x1x3xf32>, %b: tensor<1xf32>) -> tensor<1x1x10xf32> {
  %0 = tconv.torch_conv_transpose %x, %w, %b {dilation = array<i64: 2>, output_padding = array<i64: 1>} : (tensor<1x1x5xf32>, tensor<1x1x3xf32>, tensor<1xf32>) -> tensor<1x1x10xf32>
  return %0 : tensor<1x1x10xf32>
}

// -----

// Row 8: padding larger than dk-1 is legal. L=5 k=3 s=2 p=3: F=11, (3,3) -> 5.
// CHECK-LABEL: func @torch_row8_pad_beyond_kernel
// CHECK: tconv.conv_transpose %arg0, %arg1 {dilation = array<i64: 1>, pad_hi = array<i64: 3>, pad_lo = array<i64: 3>, stride = array<i64: 2>} : (tensor<1x1x5xf32>, tensor<1x1x3xf32>) -> tensor<1x1x5xf32>
func.func @torch_row8_pad_beyond_kernel(%x: tensor<1x1x5xf32>, %w: tensor<1x1x3xf32>) -> tensor<1x1x5xf32> {
  %0 = tconv.torch_conv_transpose %x, %w {stride = array<i64: 2>, padding = array<i64: 3>} : (tensor<1x1x5xf32>, tensor<1x1x3xf32>) -> tensor<1x1x5xf32>
  return %0 : tensor<1x1x5xf32>
}

// -----

// Row 10: L=4 k=2 s=3 p=0 op=1: F=11, (0,-1) -> 12 (equals MindSpore
// "same"/"valid" with dk < s, rows 17 and 18).
// CHECK-LABEL: func @torch_row10
// CHECK: tconv.conv_transpose %arg0, %arg1 {dilation = array<i64: 1>, pad_hi = array<i64: -1>, pad_lo = array<i64: 0>, stride = array<i64: 3>} : (tensor<1x1x4xf32>, tensor<1x1x2xf32>) -> tensor<1x1x12xf32>
func.func @torch_row10(%x: tensor<1x1x4xf32>, %w: tensor<1x1x2xf32>) -> tensor<1x1x12xf32> {
  %0 = tconv.torch_conv_transpose %x, %w {stride = array<i64: 3>, output_padding = array<i64: 1>} : (tensor<1x1x4xf32>, tensor<1x1x2xf32>) -> tensor<1x1x12xf32>
  return %0 : tensor<1x1x12xf32>
}

// -----

// Row 11: L=6 k=3 s=2 d=2 p=2 op=1: dk=5, F=15, (2,1) -> 12.
// CHECK-LABEL: func @torch_row11_dilation
// CHECK: tconv.conv_transpose %arg0, %arg1 {dilation = array<i64: 2>, pad_hi = array<i64: 1>, pad_lo = array<i64: 2>, stride = array<i64: 2>} : (tensor<1x1x6xf32>, tensor<1x1x3xf32>) -> tensor<1x1x12xf32>
func.func @torch_row11_dilation(%x: tensor<1x1x6xf32>, %w: tensor<1x1x3xf32>) -> tensor<1x1x12xf32> {
  %0 = tconv.torch_conv_transpose %x, %w {stride = array<i64: 2>, padding = array<i64: 2>, output_padding = array<i64: 1>, dilation = array<i64: 2>} : (tensor<1x1x6xf32>, tensor<1x1x3xf32>) -> tensor<1x1x12xf32>
  return %0 : tensor<1x1x12xf32>
}

// -----

// PyTorch groups -> canonical groups, bias kept, 3-D with per-dim values.
// D: L=2 k=2 s=2 p=0 op=1: F=4, (0,-1) -> 5.
// H: L=3 k=3 s=1 d=2 p=1 op=0: dk=5, F=7, (1,1) -> 5.
// W: L=4 k=1 s=3 p=0 op=2: F=10, (0,-2) -> 12.
// CHECK-LABEL: func @torch_3d_groups_bias
// CHECK: tconv.conv_transpose %arg0, %arg1, %arg2 {dilation = array<i64: 1, 2, 1>, groups = 2 : i64, pad_hi = array<i64: -1, 1, -2>, pad_lo = array<i64: 0, 1, 0>, stride = array<i64: 2, 1, 3>} : (tensor<2x4x2x3x4xf64>, tensor<4x3x2x3x1xf64>, tensor<6xf64>) -> tensor<2x6x5x5x12xf64>
func.func @torch_3d_groups_bias(%x: tensor<2x4x2x3x4xf64>, %w: tensor<4x3x2x3x1xf64>, %b: tensor<6xf64>) -> tensor<2x6x5x5x12xf64> {
  %0 = tconv.torch_conv_transpose %x, %w, %b {stride = array<i64: 2, 1, 3>, padding = array<i64: 0, 1, 0>, output_padding = array<i64: 1, 0, 2>, dilation = array<i64: 1, 2, 1>, groups = 2} : (tensor<2x4x2x3x4xf64>, tensor<4x3x2x3x1xf64>, tensor<6xf64>) -> tensor<2x6x5x5x12xf64>
  return %0 : tensor<2x6x5x5x12xf64>
}

// -----

// Dynamic batch and spatial dims stay dynamic; the pads are static
// (docs/spec.md §6). Row 6's attributes on a dynamic length.
// CHECK-LABEL: func @torch_dynamic
// CHECK: tconv.conv_transpose %arg0, %arg1, %arg2 {dilation = array<i64: 1>, pad_hi = array<i64: 0>, pad_lo = array<i64: 1>, stride = array<i64: 2>} : (tensor<?x2x?xbf16>, tensor<2x3x3xbf16>, tensor<3xbf16>) -> tensor<?x3x?xbf16>
func.func @torch_dynamic(%x: tensor<?x2x?xbf16>, %w: tensor<2x3x3xbf16>, %b: tensor<3xbf16>) -> tensor<?x3x?xbf16> {
  %0 = tconv.torch_conv_transpose %x, %w, %b {stride = array<i64: 2>, padding = array<i64: 1>, output_padding = array<i64: 1>} : (tensor<?x2x?xbf16>, tensor<2x3x3xbf16>, tensor<3xbf16>) -> tensor<?x3x?xbf16>
  return %0 : tensor<?x3x?xbf16>
}

//===----------------------------------------------------------------------===//
// The MindSpore/PyTorch comparison page, x (1, 3, 50), 64 output channels
// (docs/spec.md §7.1; rows 12/1, 13/2, 14/3)
//===----------------------------------------------------------------------===//

// -----

// Ex. 1, row 12: k=4 s=1 pad_mode "pad" padding 0: F=53, (0,0) -> 53.
// CHECK-LABEL: func @ms_row12_page_ex1
// CHECK: tconv.conv_transpose %arg0, %arg1 {dilation = array<i64: 1>, pad_hi = array<i64: 0>, pad_lo = array<i64: 0>, stride = array<i64: 1>} : (tensor<1x3x50xf32>, tensor<3x64x4xf32>) -> tensor<1x64x53xf32>
// CHECK-NOT: tconv.ms_conv_transpose
func.func @ms_row12_page_ex1(%x: tensor<1x3x50xf32>, %w: tensor<3x64x4xf32>) -> tensor<1x64x53xf32> {
  %0 = tconv.ms_conv_transpose %x, %w {pad_mode = "pad", padding = array<i64: 0>} : (tensor<1x3x50xf32>, tensor<3x64x4xf32>) -> tensor<1x64x53xf32>
  return %0 : tensor<1x64x53xf32>
}

// -----

// Ex. 2: MindSpore "same" (row 13) and the page's PyTorch "equivalent"
// padding=2 output_padding=2 (row 2). k=5 s=3: F=152, both give 150, but
// MindSpore crops (1,1) (need = dk-s = 2) and PyTorch (2, 2-2) = (2,0):
// same shape, different alignment (torch[:-1] == ms[1:]).
// CHECK-LABEL: func @page_ex2_same_vs_torch
// CHECK: tconv.conv_transpose %arg0, %arg1 {dilation = array<i64: 1>, pad_hi = array<i64: 1>, pad_lo = array<i64: 1>, stride = array<i64: 3>} : (tensor<1x3x50xf32>, tensor<3x64x5xf32>) -> tensor<1x64x150xf32>
// CHECK: tconv.conv_transpose %arg0, %arg1 {dilation = array<i64: 1>, pad_hi = array<i64: 0>, pad_lo = array<i64: 2>, stride = array<i64: 3>} : (tensor<1x3x50xf32>, tensor<3x64x5xf32>) -> tensor<1x64x150xf32>
func.func @page_ex2_same_vs_torch(%x: tensor<1x3x50xf32>, %w: tensor<3x64x5xf32>) -> (tensor<1x64x150xf32>, tensor<1x64x150xf32>) {
  %ms = tconv.ms_conv_transpose %x, %w {stride = array<i64: 3>, pad_mode = "same"} : (tensor<1x3x50xf32>, tensor<3x64x5xf32>) -> tensor<1x64x150xf32>
  %pt = tconv.torch_conv_transpose %x, %w {stride = array<i64: 3>, padding = array<i64: 2>, output_padding = array<i64: 2>} : (tensor<1x3x50xf32>, tensor<3x64x5xf32>) -> tensor<1x64x150xf32>
  return %ms, %pt : tensor<1x64x150xf32>, tensor<1x64x150xf32>
}

// -----

// Ex. 3: k=5 s=3 MindSpore "valid" (row 14) and PyTorch padding 0 (row 3):
// both F=152, (0,0).
// CHECK-LABEL: func @page_ex3_valid_vs_torch
// CHECK: tconv.conv_transpose %arg0, %arg1 {dilation = array<i64: 1>, pad_hi = array<i64: 0>, pad_lo = array<i64: 0>, stride = array<i64: 3>} : (tensor<1x3x50xf32>, tensor<3x64x5xf32>) -> tensor<1x64x152xf32>
// CHECK: tconv.conv_transpose %arg0, %arg1 {dilation = array<i64: 1>, pad_hi = array<i64: 0>, pad_lo = array<i64: 0>, stride = array<i64: 3>} : (tensor<1x3x50xf32>, tensor<3x64x5xf32>) -> tensor<1x64x152xf32>
func.func @page_ex3_valid_vs_torch(%x: tensor<1x3x50xf32>, %w: tensor<3x64x5xf32>) -> (tensor<1x64x152xf32>, tensor<1x64x152xf32>) {
  %ms = tconv.ms_conv_transpose %x, %w {stride = array<i64: 3>, pad_mode = "valid"} : (tensor<1x3x50xf32>, tensor<3x64x5xf32>) -> tensor<1x64x152xf32>
  %pt = tconv.torch_conv_transpose %x, %w {stride = array<i64: 3>} : (tensor<1x3x50xf32>, tensor<3x64x5xf32>) -> tensor<1x64x152xf32>
  return %ms, %pt : tensor<1x64x152xf32>, tensor<1x64x152xf32>
}

//===----------------------------------------------------------------------===//
// MindSpore: docs/spec.md §7.2 rows 15-23
//===----------------------------------------------------------------------===//

// -----

// Row 15: "same" L=50 k=4 s=3: need = 1, odd element cropped at the END:
// (0,1); F=151 -> 150 = L*s.
// CHECK-LABEL: func @ms_row15_same_odd
// CHECK: tconv.conv_transpose %arg0, %arg1 {dilation = array<i64: 1>, pad_hi = array<i64: 1>, pad_lo = array<i64: 0>, stride = array<i64: 3>} : (tensor<1x3x50xf32>, tensor<3x64x4xf32>) -> tensor<1x64x150xf32>
func.func @ms_row15_same_odd(%x: tensor<1x3x50xf32>, %w: tensor<3x64x4xf32>) -> tensor<1x64x150xf32> {
  %0 = tconv.ms_conv_transpose %x, %w {stride = array<i64: 3>, pad_mode = "same"} : (tensor<1x3x50xf32>, tensor<3x64x4xf32>) -> tensor<1x64x150xf32>
  return %0 : tensor<1x64x150xf32>
}

// -----

// Row 16: Conv2dTranspose "same", both dims L=16 k=3 s=2: need = 1 -> (0,1);
// F=33 -> 32.
// CHECK-LABEL: func @ms_row16_same_2d
// CHECK: tconv.conv_transpose %arg0, %arg1 {dilation = array<i64: 1, 1>, pad_hi = array<i64: 1, 1>, pad_lo = array<i64: 0, 0>, stride = array<i64: 2, 2>} : (tensor<1x4x16x16xf16>, tensor<4x2x3x3xf16>) -> tensor<1x2x32x32xf16>
func.func @ms_row16_same_2d(%x: tensor<1x4x16x16xf16>, %w: tensor<4x2x3x3xf16>) -> tensor<1x2x32x32xf16> {
  %0 = tconv.ms_conv_transpose %x, %w {stride = array<i64: 2, 2>} : (tensor<1x4x16x16xf16>, tensor<4x2x3x3xf16>) -> tensor<1x2x32x32xf16>
  return %0 : tensor<1x2x32x32xf16>
}

// -----

// Row 17: "same" with dk < s: L=4 k=2 s=3: dk-s = -1 -> (0,-1); F=11 -> 12,
// the extra last position holds only the bias (kept here).
// CHECK-LABEL: func @ms_row17_same_dk_lt_s
// CHECK: tconv.conv_transpose %arg0, %arg1, %arg2 {dilation = array<i64: 1>, pad_hi = array<i64: -1>, pad_lo = array<i64: 0>, stride = array<i64: 3>} : (tensor<1x1x4xf32>, tensor<1x1x2xf32>, tensor<1xf32>) -> tensor<1x1x12xf32>
func.func @ms_row17_same_dk_lt_s(%x: tensor<1x1x4xf32>, %w: tensor<1x1x2xf32>, %b: tensor<1xf32>) -> tensor<1x1x12xf32> {
  %0 = tconv.ms_conv_transpose %x, %w, %b {stride = array<i64: 3>, pad_mode = "same"} : (tensor<1x1x4xf32>, tensor<1x1x2xf32>, tensor<1xf32>) -> tensor<1x1x12xf32>
  return %0 : tensor<1x1x12xf32>
}

// -----

// Row 18: "valid" with dk < s, same as "same": (0, min(0,-1)) = (0,-1) -> 12.
// CHECK-LABEL: func @ms_row18_valid_dk_lt_s
// CHECK: tconv.conv_transpose %arg0, %arg1 {dilation = array<i64: 1>, pad_hi = array<i64: -1>, pad_lo = array<i64: 0>, stride = array<i64: 3>} : (tensor<1x1x4xf32>, tensor<1x1x2xf32>) -> tensor<1x1x12xf32>
func.func @ms_row18_valid_dk_lt_s(%x: tensor<1x1x4xf32>, %w: tensor<1x1x2xf32>) -> tensor<1x1x12xf32> {
  %0 = tconv.ms_conv_transpose %x, %w {stride = array<i64: 3>, pad_mode = "valid"} : (tensor<1x1x4xf32>, tensor<1x1x2xf32>) -> tensor<1x1x12xf32>
  return %0 : tensor<1x1x12xf32>
}

// -----

// "valid" with dk < s by a wider margin: L=3 k=1 s=4: dk-s = -3 -> (0,-3);
// F=9 -> 12 = L*s.
// CHECK-LABEL: func @ms_valid_dk_lt_s_wide
// CHECK: tconv.conv_transpose %arg0, %arg1 {dilation = array<i64: 1>, pad_hi = array<i64: -3>, pad_lo = array<i64: 0>, stride = array<i64: 4>} : (tensor<1x2x3xf32>, tensor<2x2x1xf32>) -> tensor<1x2x12xf32>
func.func @ms_valid_dk_lt_s_wide(%x: tensor<1x2x3xf32>, %w: tensor<2x2x1xf32>) -> tensor<1x2x12xf32> {
  %0 = tconv.ms_conv_transpose %x, %w {stride = array<i64: 4>, pad_mode = "valid"} : (tensor<1x2x3xf32>, tensor<2x2x1xf32>) -> tensor<1x2x12xf32>
  return %0 : tensor<1x2x12xf32>
}

// -----

// Row 19: "same" with dilation: L=5 k=3 s=2 d=2: dk=5, need=3 -> (1,2);
// F=13 -> 10.
// CHECK-LABEL: func @ms_row19_same_dilation
// CHECK: tconv.conv_transpose %arg0, %arg1 {dilation = array<i64: 2>, pad_hi = array<i64: 2>, pad_lo = array<i64: 1>, stride = array<i64: 2>} : (tensor<1x1x5xf32>, tensor<1x1x3xf32>) -> tensor<1x1x10xf32>
func.func @ms_row19_same_dilation(%x: tensor<1x1x5xf32>, %w: tensor<1x1x3xf32>) -> tensor<1x1x10xf32> {
  %0 = tconv.ms_conv_transpose %x, %w {stride = array<i64: 2>, dilation = array<i64: 2>, pad_mode = "same"} : (tensor<1x1x5xf32>, tensor<1x1x3xf32>) -> tensor<1x1x10xf32>
  return %0 : tensor<1x1x10xf32>
}

// -----

// "valid" with dilation: L=5 k=3 s=2 d=2: dk-s = 3 > 0 -> (0,0); F=13 = L*s+3.
// CHECK-LABEL: func @ms_valid_dilation
// CHECK: tconv.conv_transpose %arg0, %arg1 {dilation = array<i64: 2>, pad_hi = array<i64: 0>, pad_lo = array<i64: 0>, stride = array<i64: 2>} : (tensor<1x1x5xf32>, tensor<1x1x3xf32>) -> tensor<1x1x13xf32>
func.func @ms_valid_dilation(%x: tensor<1x1x5xf32>, %w: tensor<1x1x3xf32>) -> tensor<1x1x13xf32> {
  %0 = tconv.ms_conv_transpose %x, %w {stride = array<i64: 2>, dilation = array<i64: 2>, pad_mode = "valid"} : (tensor<1x1x5xf32>, tensor<1x1x3xf32>) -> tensor<1x1x13xf32>
  return %0 : tensor<1x1x13xf32>
}

// -----

// Rows 20 and 21: Conv2dTranspose "pad" padding=(top,bottom,left,right) =
// (1,2,0,3), L=5 k=3 s=2 in both dims: F=11; H (1,2) -> 8, W (0,3) -> 8.
// CHECK-LABEL: func @ms_rows20_21_tuple_2d
// CHECK: tconv.conv_transpose %arg0, %arg1 {dilation = array<i64: 1, 1>, pad_hi = array<i64: 2, 3>, pad_lo = array<i64: 1, 0>, stride = array<i64: 2, 2>} : (tensor<1x1x5x5xf32>, tensor<1x1x3x3xf32>) -> tensor<1x1x8x8xf32>
func.func @ms_rows20_21_tuple_2d(%x: tensor<1x1x5x5xf32>, %w: tensor<1x1x3x3xf32>) -> tensor<1x1x8x8xf32> {
  %0 = tconv.ms_conv_transpose %x, %w {stride = array<i64: 2, 2>, pad_mode = "pad", padding = array<i64: 1, 2, 0, 3>} : (tensor<1x1x5x5xf32>, tensor<1x1x3x3xf32>) -> tensor<1x1x8x8xf32>
  return %0 : tensor<1x1x8x8xf32>
}

// -----

// One value per spatial dim applies to both ends: padding [1, 0] = (1,1,0,0).
// L=5 k=3 s=2: H (1,1) -> 9, W (0,0) -> 11.
// CHECK-LABEL: func @ms_per_dim_padding_2d
// CHECK: tconv.conv_transpose %arg0, %arg1 {dilation = array<i64: 1, 1>, pad_hi = array<i64: 1, 0>, pad_lo = array<i64: 1, 0>, stride = array<i64: 2, 2>} : (tensor<1x1x5x5xf32>, tensor<1x1x3x3xf32>) -> tensor<1x1x9x11xf32>
func.func @ms_per_dim_padding_2d(%x: tensor<1x1x5x5xf32>, %w: tensor<1x1x3x3xf32>) -> tensor<1x1x9x11xf32> {
  %0 = tconv.ms_conv_transpose %x, %w {stride = array<i64: 2, 2>, pad_mode = "pad", padding = array<i64: 1, 0>} : (tensor<1x1x5x5xf32>, tensor<1x1x3x3xf32>) -> tensor<1x1x9x11xf32>
  return %0 : tensor<1x1x9x11xf32>
}

// -----

// Row 22: Conv2dTranspose (r2.2+) "pad" padding=1 output_padding=1 in H,
// L=5 k=3 s=2: canonical (1,1) -> 9, then ONE hard zero appended after the bias
// -> 10 (PyTorch would give (1,0) instead). W: output_padding 0, (1,1) -> 9,
// nothing appended.
// CHECK-LABEL: func @ms_row22_output_padding_2d
// CHECK-DAG: %[[ZERO:.*]] = arith.constant 0.000000e+00 : f32
// CHECK-DAG: %[[CONV:.*]] = tconv.conv_transpose %arg0, %arg1, %arg2 {dilation = array<i64: 1, 1>, pad_hi = array<i64: 1, 1>, pad_lo = array<i64: 1, 1>, stride = array<i64: 2, 2>} : (tensor<1x2x5x5xf32>, tensor<2x3x3x3xf32>, tensor<3xf32>) -> tensor<1x3x9x9xf32>
// CHECK: %[[PAD:.*]] = tensor.pad %[[CONV]] low[0, 0, 0, 0] high[0, 0, 1, 0]
// CHECK: tensor.yield %[[ZERO]] : f32
// CHECK: } : tensor<1x3x9x9xf32> to tensor<1x3x10x9xf32>
// CHECK: return %[[PAD]]
func.func @ms_row22_output_padding_2d(%x: tensor<1x2x5x5xf32>, %w: tensor<2x3x3x3xf32>, %b: tensor<3xf32>) -> tensor<1x3x10x9xf32> {
  %0 = tconv.ms_conv_transpose %x, %w, %b {stride = array<i64: 2, 2>, pad_mode = "pad", padding = array<i64: 1, 1>, output_padding = array<i64: 1, 0>} : (tensor<1x2x5x5xf32>, tensor<2x3x3x3xf32>, tensor<3xf32>) -> tensor<1x3x10x9xf32>
  return %0 : tensor<1x3x10x9xf32>
}

// -----

// 2-D output_padding in both dims, tuple padding, dynamic batch and W, f16:
// H: L=4 k=3 s=3 (0,2): F=12 -> 10, +2 zeros -> 12 (op 2 < s 3).
// W: dynamic L, k=3 s=2 (1,0), +1 zero -> dynamic.
// CHECK-LABEL: func @ms_output_padding_2d_dynamic
// CHECK-DAG: %[[ZERO:.*]] = arith.constant 0.000000e+00 : f16
// CHECK-DAG: %[[CONV:.*]] = tconv.conv_transpose %arg0, %arg1 {dilation = array<i64: 1, 1>, pad_hi = array<i64: 2, 0>, pad_lo = array<i64: 0, 1>, stride = array<i64: 3, 2>} : (tensor<?x1x4x?xf16>, tensor<1x1x3x3xf16>) -> tensor<?x1x10x?xf16>
// CHECK: %[[PAD:.*]] = tensor.pad %[[CONV]] low[0, 0, 0, 0] high[0, 0, 2, 1]
// CHECK: tensor.yield %[[ZERO]] : f16
// CHECK: } : tensor<?x1x10x?xf16> to tensor<?x1x12x?xf16>
// CHECK: return %[[PAD]]
func.func @ms_output_padding_2d_dynamic(%x: tensor<?x1x4x?xf16>, %w: tensor<1x1x3x3xf16>) -> tensor<?x1x12x?xf16> {
  %0 = tconv.ms_conv_transpose %x, %w {stride = array<i64: 3, 2>, pad_mode = "pad", padding = array<i64: 0, 2, 1, 0>, output_padding = array<i64: 2, 1>} : (tensor<?x1x4x?xf16>, tensor<1x1x3x3xf16>) -> tensor<?x1x12x?xf16>
  return %0 : tensor<?x1x12x?xf16>
}

// -----

// 2-D output_padding all zero: no tensor.pad.
// CHECK-LABEL: func @ms_output_padding_2d_zero
// CHECK-NOT: tensor.pad
// CHECK: tconv.conv_transpose %arg0, %arg1 {dilation = array<i64: 1, 1>, pad_hi = array<i64: 1, 1>, pad_lo = array<i64: 1, 1>, stride = array<i64: 2, 2>} : (tensor<1x1x5x5xf32>, tensor<1x1x3x3xf32>) -> tensor<1x1x9x9xf32>
// CHECK-NOT: tensor.pad
func.func @ms_output_padding_2d_zero(%x: tensor<1x1x5x5xf32>, %w: tensor<1x1x3x3xf32>) -> tensor<1x1x9x9xf32> {
  %0 = tconv.ms_conv_transpose %x, %w {stride = array<i64: 2, 2>, pad_mode = "pad", padding = array<i64: 1, 1>, output_padding = array<i64: 0, 0>} : (tensor<1x1x5x5xf32>, tensor<1x1x3x3xf32>) -> tensor<1x1x9x9xf32>
  return %0 : tensor<1x1x9x9xf32>
}

// -----

// Row 23: Conv3dTranspose "pad" padding=1 output_padding=1, torch-like
// (head, tail - op) = (1,0) in D, L=5 k=3 s=2: F=11 -> 10. H, W: op 0, (1,1) -> 9.
// CHECK-LABEL: func @ms_row23_output_padding_3d
// CHECK-NOT: tensor.pad
// CHECK: tconv.conv_transpose %arg0, %arg1 {dilation = array<i64: 1, 1, 1>, pad_hi = array<i64: 0, 1, 1>, pad_lo = array<i64: 1, 1, 1>, stride = array<i64: 2, 2, 2>} : (tensor<1x1x5x5x5xf32>, tensor<1x1x3x3x3xf32>) -> tensor<1x1x10x9x9xf32>
// CHECK-NOT: tensor.pad
func.func @ms_row23_output_padding_3d(%x: tensor<1x1x5x5x5xf32>, %w: tensor<1x1x3x3x3xf32>) -> tensor<1x1x10x9x9xf32> {
  %0 = tconv.ms_conv_transpose %x, %w {stride = array<i64: 2, 2, 2>, pad_mode = "pad", padding = array<i64: 1, 1, 1>, output_padding = array<i64: 1, 0, 0>} : (tensor<1x1x5x5x5xf32>, tensor<1x1x3x3x3xf32>) -> tensor<1x1x10x9x9xf32>
  return %0 : tensor<1x1x10x9x9xf32>
}

// -----

// Conv3dTranspose 6-tuple (head, tail, top, bottom, left, right) = (1,2,0,1,3,0)
// with output_padding (1,1,2) > tail in W: L=4 k=3 s=3, F=12 in every dim.
// D: (1, 2-1) = (1,1) -> 10. H: (0, 1-1) = (0,0) -> 12. W: (3, 0-2) = (3,-2) -> 11.
// CHECK-LABEL: func @ms_tuple_3d_output_padding
// CHECK: tconv.conv_transpose %arg0, %arg1, %arg2 {dilation = array<i64: 1, 1, 1>, pad_hi = array<i64: 1, 0, -2>, pad_lo = array<i64: 1, 0, 3>, stride = array<i64: 3, 3, 3>} : (tensor<1x2x4x4x4xbf16>, tensor<2x2x3x3x3xbf16>, tensor<2xbf16>) -> tensor<1x2x10x12x11xbf16>
func.func @ms_tuple_3d_output_padding(%x: tensor<1x2x4x4x4xbf16>, %w: tensor<2x2x3x3x3xbf16>, %b: tensor<2xbf16>) -> tensor<1x2x10x12x11xbf16> {
  %0 = tconv.ms_conv_transpose %x, %w, %b {stride = array<i64: 3, 3, 3>, pad_mode = "pad", padding = array<i64: 1, 2, 0, 1, 3, 0>, output_padding = array<i64: 1, 1, 2>} : (tensor<1x2x4x4x4xbf16>, tensor<2x2x3x3x3xbf16>, tensor<2xbf16>) -> tensor<1x2x10x12x11xbf16>
  return %0 : tensor<1x2x10x12x11xbf16>
}

// -----

// Conv3dTranspose "same" silently drops output_padding (a warning at
// verification): L=4 k=3 s=2 every dim: need = 1 -> (0,1), L*s = 8.
// CHECK-LABEL: func @ms_same_3d_drops_output_padding
// CHECK: tconv.conv_transpose %arg0, %arg1 {dilation = array<i64: 1, 1, 1>, pad_hi = array<i64: 1, 1, 1>, pad_lo = array<i64: 0, 0, 0>, stride = array<i64: 2, 2, 2>} : (tensor<1x1x4x4x4xf32>, tensor<1x1x3x3x3xf32>) -> tensor<1x1x8x8x8xf32>
func.func @ms_same_3d_drops_output_padding(%x: tensor<1x1x4x4x4xf32>, %w: tensor<1x1x3x3x3xf32>) -> tensor<1x1x8x8x8xf32> {
  %0 = tconv.ms_conv_transpose %x, %w {stride = array<i64: 2, 2, 2>, output_padding = array<i64: 1, 0, 1>} : (tensor<1x1x4x4x4xf32>, tensor<1x1x3x3x3xf32>) -> tensor<1x1x8x8x8xf32>
  return %0 : tensor<1x1x8x8x8xf32>
}

// -----

// group -> groups, bias kept, weight_init/bias_init preserved as discardable
// attributes (spelling as written). "same", L=6 k=5 s=3: need 2 -> (1,1), 18.
// CHECK-LABEL: func @ms_group_bias_init
// CHECK: tconv.conv_transpose %arg0, %arg1, %arg2 {dilation = array<i64: 1>, groups = 3 : i64, pad_hi = array<i64: 1>, pad_lo = array<i64: 1>, stride = array<i64: 3>, tconv.bias_init = "Uniform", tconv.weight_init = "TruncatedNormal"} : (tensor<2x6x6xf32>, tensor<6x2x5xf32>, tensor<6xf32>) -> tensor<2x6x18xf32>
func.func @ms_group_bias_init(%x: tensor<2x6x6xf32>, %w: tensor<6x2x5xf32>, %b: tensor<6xf32>) -> tensor<2x6x18xf32> {
  %0 = tconv.ms_conv_transpose %x, %w, %b {stride = array<i64: 3>, group = 3, weight_init = "TruncatedNormal", bias_init = "Uniform"} : (tensor<2x6x6xf32>, tensor<6x2x5xf32>, tensor<6xf32>) -> tensor<2x6x18xf32>
  return %0 : tensor<2x6x18xf32>
}

// -----

// Dynamic batch and length with "same": pads are static, length stays dynamic.
// dk=5 s=3 -> (1,1).
// CHECK-LABEL: func @ms_dynamic_same
// CHECK: tconv.conv_transpose %arg0, %arg1 {dilation = array<i64: 1>, pad_hi = array<i64: 1>, pad_lo = array<i64: 1>, stride = array<i64: 3>, tconv.weight_init = "he_normal"} : (tensor<?x3x?xf64>, tensor<3x64x5xf64>) -> tensor<?x64x?xf64>
func.func @ms_dynamic_same(%x: tensor<?x3x?xf64>, %w: tensor<3x64x5xf64>) -> tensor<?x64x?xf64> {
  %0 = tconv.ms_conv_transpose %x, %w {stride = array<i64: 3>, weight_init = "he_normal"} : (tensor<?x3x?xf64>, tensor<3x64x5xf64>) -> tensor<?x64x?xf64>
  return %0 : tensor<?x64x?xf64>
}

//===----------------------------------------------------------------------===//
// The canonical op is left unchanged
//===----------------------------------------------------------------------===//

// -----

// CHECK-LABEL: func @canonical_unchanged
// CHECK: %[[R:.*]] = tconv.conv_transpose %arg0, %arg1, %arg2 {dilation = array<i64: 2>, groups = 2 : i64, pad_hi = array<i64: -1>, pad_lo = array<i64: 4>, stride = array<i64: 3>, tconv.weight_init = "ones"} : (tensor<1x4x5xf32>, tensor<4x1x3xf32>, tensor<2xf32>) -> tensor<1x2x14xf32>
// CHECK-NEXT: return %[[R]]
func.func @canonical_unchanged(%x: tensor<1x4x5xf32>, %w: tensor<4x1x3xf32>, %b: tensor<2xf32>) -> tensor<1x2x14xf32> {
  // F = 4*3 + 2*2+1 = 17, 17 - 4 + 1 = 14.
  %0 = tconv.conv_transpose %x, %w, %b {stride = array<i64: 3>, dilation = array<i64: 2>, pad_lo = array<i64: 4>, pad_hi = array<i64: -1>, groups = 2, tconv.weight_init = "ones"} : (tensor<1x4x5xf32>, tensor<4x1x3xf32>, tensor<2xf32>) -> tensor<1x2x14xf32>
  return %0 : tensor<1x2x14xf32>
}
