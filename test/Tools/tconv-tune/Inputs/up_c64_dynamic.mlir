// A dynamic-length layer large enough for a plan of several specializations
// (docs/performance.md, "Dynamic lengths").
func.func @up_c64_dynamic(%x: tensor<1x64x?xf32>, %w: tensor<64x32x4xf32>, %b: tensor<32xf32>) -> tensor<1x32x?xf32> {
  %0 = tconv.torch_conv_transpose %x, %w, %b {stride = array<i64: 2>, padding = array<i64: 1>} : (tensor<1x64x?xf32>, tensor<64x32x4xf32>, tensor<32xf32>) -> tensor<1x32x?xf32>
  return %0 : tensor<1x32x?xf32>
}
