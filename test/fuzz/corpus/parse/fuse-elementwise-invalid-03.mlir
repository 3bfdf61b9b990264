func.func @non_elementwise_before(%x: tensor<1x2x5xf32>, %w: tensor<2x3x3xf32>) -> tensor<1x3x7xf32> {
  %c0 = arith.constant 0 : index
  %v = arith.constant 1.0 : f32
  %t = tensor.insert %v into %x[%c0, %c0, %c0] : tensor<1x2x5xf32>
  %y = tconv.conv_transpose %t, %w {dilation = array<i64: 1>, pad_hi = array<i64: 0>, pad_lo = array<i64: 0>, stride = array<i64: 1>} : (tensor<1x2x5xf32>, tensor<2x3x3xf32>) -> tensor<1x3x7xf32>
  return %y : tensor<1x3x7xf32>
}
