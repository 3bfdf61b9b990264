func.func @canonical_unchanged(%x: tensor<1x4x5xf32>, %w: tensor<4x1x3xf32>, %b: tensor<2xf32>) -> tensor<1x2x14xf32> {
  %0 = tconv.conv_transpose %x, %w, %b {stride = array<i64: 3>, dilation = array<i64: 2>, pad_lo = array<i64: 4>, pad_hi = array<i64: -1>, groups = 2, tconv.weight_init = "ones"} : (tensor<1x4x5xf32>, tensor<4x1x3xf32>, tensor<2xf32>) -> tensor<1x2x14xf32>
  return %0 : tensor<1x2x14xf32>
}
